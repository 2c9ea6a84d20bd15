# DEPRECATION: Remove in version >= 4.4.
from .lock_manager_purge_locks import *  # NOQA
