"""opsctl: contract-bound operations automation.

Importing ``opsctl`` is cheap: the public names below load on first use, so a CLI start-up
that only needs ``--help`` never imports pydantic.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from opsctl._version import __version__

if TYPE_CHECKING:
    from opsctl.contract.automation import Action, ActionKind, Automation, Effect
    from opsctl.contract.types import Duration, Secret
    from opsctl.contract.versions import deprecated
    from opsctl.engine.context import Context
    from opsctl.engine.run import RunOutcome, apply_plan_file, execute
    from opsctl.engine.session import Session, open_session
    from opsctl.errors import (
        AuthError,
        ConflictError,
        DeniedError,
        DependencyError,
        ExitCode,
        OpsctlError,
        PlanRejectedError,
        TransientError,
        UsageError,
    )

_EXPORTS = {
    "Action": "opsctl.contract.automation",
    "ActionKind": "opsctl.contract.automation",
    "AuthError": "opsctl.errors",
    "Automation": "opsctl.contract.automation",
    "ConflictError": "opsctl.errors",
    "Context": "opsctl.engine.context",
    "DeniedError": "opsctl.errors",
    "DependencyError": "opsctl.errors",
    "Duration": "opsctl.contract.types",
    "Effect": "opsctl.contract.automation",
    "ExitCode": "opsctl.errors",
    "OpsctlError": "opsctl.errors",
    "PlanRejectedError": "opsctl.errors",
    "RunOutcome": "opsctl.engine.run",
    "Secret": "opsctl.contract.types",
    "Session": "opsctl.engine.session",
    "TransientError": "opsctl.errors",
    "UsageError": "opsctl.errors",
    "apply_plan_file": "opsctl.engine.run",
    "deprecated": "opsctl.contract.versions",
    "execute": "opsctl.engine.run",
    "open_session": "opsctl.engine.session",
}

__all__ = [
    "Action",
    "ActionKind",
    "AuthError",
    "Automation",
    "ConflictError",
    "Context",
    "DeniedError",
    "DependencyError",
    "Duration",
    "Effect",
    "ExitCode",
    "OpsctlError",
    "PlanRejectedError",
    "RunOutcome",
    "Secret",
    "Session",
    "TransientError",
    "UsageError",
    "__version__",
    "apply_plan_file",
    "deprecated",
    "execute",
    "open_session",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'opsctl' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
