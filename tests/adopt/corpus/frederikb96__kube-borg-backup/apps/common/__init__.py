"""Common utilities shared between controller and CLI."""

from .pod_monitor import PodMonitor
from .hooks import (
    parse_resource,
    execute_exec_hook,
    execute_scale_hook,
    execute_shell_hook,
    execute_hooks,
)

__all__ = [
    'PodMonitor',
    'parse_resource',
    'execute_exec_hook',
    'execute_scale_hook',
    'execute_shell_hook',
    'execute_hooks',
]
