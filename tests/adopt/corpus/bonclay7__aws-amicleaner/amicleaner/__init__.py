# -*- coding: utf-8 -*-

__title__ = 'amicleaner'
__version__ = '0.2.2'
__short_version__ = '.'.join(__version__.split('.')[:2])
__author__ = 'Guy Rodrigue Koffi'
__author_email__ = 'koffirodrigue@gmail.com'
__license__ = 'MIT'
