# SPDX-FileCopyrightText: 2023-present Hal Wine <hwine@mozilla.com>
#
# SPDX-License-Identifier: Apache-2.0
__version__ = "0.0.1"
