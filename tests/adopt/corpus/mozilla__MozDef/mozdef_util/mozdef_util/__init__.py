# -*- coding: utf-8 -*-

"""Top-level package for MozDef Util."""

__author__ = """Mozilla Infosec"""
__email__ = 'infosec@mozilla.com'
__version__ = '1.0.0'
