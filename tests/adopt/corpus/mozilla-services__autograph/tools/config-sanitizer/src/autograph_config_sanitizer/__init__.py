# SPDX-FileCopyrightText: 2023-present Hal Wine <hwine@mozilla.com>
#
# SPDX-License-Identifier: Apache-2.0
