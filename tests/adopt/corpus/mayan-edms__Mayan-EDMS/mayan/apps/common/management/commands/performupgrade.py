# DEPRECATION: Remove in version >= 4.4.
from .common_perform_upgrade import *  # NOQA
