# DEPRECATION: Remove in version >= 4.4.
from .common_initial_setup import *  # NOQA
