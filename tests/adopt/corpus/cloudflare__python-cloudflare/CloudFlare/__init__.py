""" Cloudflare v4 API"""

__version__ = '2.20.0'

from .cloudflare import CloudFlare

__all__ = ['CloudFlare']
