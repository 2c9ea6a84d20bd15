# Copyright (c) LinkedIn Corporation. All rights reserved. Licensed under the BSD-2 Clause license.
# See LICENSE in the project root for license information.

__all__ = []

from .core import init_plugins, find_plugin  # noqa
