# DEPRECATION: Remove in version >= 4.4.
from .statistics_purge import *  # NOQA
