# DEPRECATION: Remove in version >= 4.4.
from .permissions_purge import *  # NOQA
