# -*- coding: utf-8 -*-
#
# Copyright (C) 2018-2022 CERN.
#
# invenio-app-ils is free software; you can redistribute it and/or modify it
# under the terms of the MIT License; see LICENSE file for more details.

"""Invenio App ILS."""

from setuptools import setup

setup()
