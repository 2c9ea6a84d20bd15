# Licensed under a 3-clause BSD style license - see LICENSE.rst
# -*- coding: utf-8 -*-
"""
============
desitransfer
============

DESI_ data transfer infrastructure.

.. _DESI: http://desi.lbl.gov
"""
#
# Set version string.
#
from ._version import __version__
