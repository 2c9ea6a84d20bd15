# DEPRECATION: Remove in version >= 4.4.
from .task_manager_purge_periodic_tasks import *  # NOQA
