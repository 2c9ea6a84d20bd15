#!/usr/bin/env python
"""Setup file for the joanie module. All configuration stands in the setup.cfg file."""
# coding: utf-8

from setuptools import setup

setup()
