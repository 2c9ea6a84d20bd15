"""The one exception tree of opsctl.

Every expected failure is an :class:`OpsctlError`; each class carries the
process exit code of the design table, the ``error.type`` of the result
document, and whether a caller may retry it. Only ``opsctl.cli.main.main``
turns them into ``sys.exit``.

    OpsctlError                       exit 1  internal
    ├── UsageError                    exit 2  validation   bad flags, request document, config
    │   ├── UnknownAutomationError    exit 2  validation
    │   ├── ConfigError               exit 2  validation
    │   └── StateDirError             exit 2  validation
    ├── PlanRejectedError             exit 3  validation   prechecks, stale/tampered/expired plan
    ├── DependencyError               exit 4  dependency_unavailable (retryable)
    │   ├── DependencyTimeoutError    exit 4  dependency_timeout     (retryable)
    │   └── TransientError            exit 4  dependency_unavailable (retryable) raised by authors
    ├── PartialFailureError           exit 5  partial
    ├── DeniedError                   exit 6  policy_denied
    │   ├── ApprovalRequiredError     exit 6  approval_required
    │   └── AuthError                 exit 6  auth         credentials or permission refused
    ├── ConflictError                 exit 7  conflict               (retryable)
    ├── InterruptedRunError           exit 130 internal              (retryable) the run is cancelled
    └── AutomationBugError            exit 1  internal     the automation broke its own contract
        └── MutationDuringPlanError   exit 1  unsafe_input a helper refused a write while planning

Authors raise :class:`TransientError` (a :class:`DependencyError`) for
failures worth retrying, and any other :class:`OpsctlError` for the rest.
"""

from __future__ import annotations

from typing import Any, ClassVar


class ExitCode:
    """The stable exit-code table. Changing a value is a breaking change."""

    SUCCESS = 0
    INTERNAL = 1
    USAGE = 2
    VALIDATION = 3
    DEPENDENCY = 4
    PARTIAL = 5
    DENIED = 6
    CONFLICT = 7
    CHANGES_PLANNED = 10
    INTERRUPTED = 130


EXIT_CODE_TABLE: tuple[tuple[int, str, str], ...] = (
    (0, "success, or nothing to do", "continue"),
    (1, "unexpected runtime failure (a bug)", "stop, report"),
    (2, "invalid arguments, request document or configuration", "fix the input; never retry"),
    (3, "validation failed before any mutation (prechecks, stale or tampered plan)",
     "fix state or re-plan"),
    (4, "remote dependency failure after bounded retries", "retry later"),
    (5, "partial success: some actions applied, some failed", "inspect, then resume"),
    (6, "denied: policy, approval or permission missing", "get approval / rights"),
    (7, "conflict: target locked, or idempotency key reused with another request",
     "retry later / fix key"),
    (10, "dry run or plan: changes detected", "review the plan"),
    (130, "interrupted; progress is checkpointed", "resume"),
)


ERROR_EXIT_CODES = frozenset(code for code, _, _ in EXIT_CODE_TABLE) - {
    ExitCode.SUCCESS, ExitCode.CHANGES_PLANNED}
"""The exit codes of the table an error may carry (not 0 nor 10, which are no failures)."""

ERROR_TYPES = ("validation", "auth", "policy_denied", "approval_required", "dependency_timeout",
               "dependency_unavailable", "conflict", "partial", "unsafe_input", "internal")
"""The ``error.type`` values the result schema publishes (``opsctl.contract.result.ErrorType``)."""


class OpsctlError(Exception):
    """Base of every expected opsctl failure.

    A subclass may set ``exit_code`` and ``error_type`` to values of the table: one outside it
    (``exit_code = 9``, ``error_type = "quota"``) would leave the stable exit codes and fail the
    published result schema, so it is replaced by its base class's, and the error's message
    says so."""

    exit_code: ClassVar[int] = ExitCode.INTERNAL
    error_type: ClassVar[str] = "internal"
    retryable: ClassVar[bool] = False
    _unpublished: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        refused = []
        own = cls.__dict__
        if "exit_code" in own and own["exit_code"] not in ERROR_EXIT_CODES:
            refused.append(f"exit_code {own['exit_code']!r}")
            delattr(cls, "exit_code")
        if "error_type" in own and own["error_type"] not in ERROR_TYPES:
            refused.append(f"error_type {own['error_type']!r}")
            delattr(cls, "error_type")
        if refused:
            cls._unpublished = (
                f"{cls.__name__} declares {' and '.join(refused)}, which opsctl does not "
                f"publish: exit {cls.exit_code} and error type {cls.error_type!r} of its base "
                "class instead")

    step: str | None = None
    """The step of the run that failed (``validate``, ``plan``...), when known."""

    def __init__(self, message: str, *, step: str | None = None) -> None:
        if self._unpublished:
            message = f"{message} ({self._unpublished})"
        super().__init__(message)
        self.message = message
        self.step = step
        self.known = {}

    # An author's subclass whose __init__ does not call super().__init__() has none of the
    # attributes set there: its message is then the text of its arguments, as an Exception's.
    @property
    def message(self) -> str:
        text = self.__dict__.get("_message")
        if text is None:
            text = Exception.__str__(self) or type(self).__name__
            if self._unpublished:
                text = f"{text} ({self._unpublished})"
        return str(text)

    @message.setter
    def message(self, value: str) -> None:
        self.__dict__["_message"] = value

    @property
    def known(self) -> dict[str, Any]:
        """Result fields established before the failure (the idempotency key, the request,
        the contract versions, the actor): a failure before its run existed reports them."""
        known: dict[str, Any] = self.__dict__.setdefault("_known", {})
        return known

    @known.setter
    def known(self, value: dict[str, Any]) -> None:
        self.__dict__["_known"] = value

    def __str__(self) -> str:
        return self.message


class UsageError(OpsctlError):
    """Invalid arguments, request document or configuration: fix the input."""

    exit_code = ExitCode.USAGE
    error_type = "validation"
    fields: list[dict[str, str]] = []  # for a subclass whose __init__ skips this one

    def __init__(self, message: str, *, step: str | None = None,
                 fields: list[dict[str, str]] | None = None) -> None:
        super().__init__(message, step=step)
        self.fields = fields or []
        """Each bad field of an invalid request (``field``, ``message``), when known."""


class UnknownAutomationError(UsageError):
    """No automation of that name is registered."""


class ConfigError(UsageError):
    """A configuration file or value is invalid."""


class StateDirError(UsageError):
    """The state directory cannot be created or written."""


class PlanRejectedError(OpsctlError):
    """Validation failed before any mutation: a precheck, or a stale/edited/expired plan."""

    exit_code = ExitCode.VALIDATION
    error_type = "validation"
    reason = "precheck"

    def __init__(self, message: str, *, reason: str = "precheck", step: str | None = "plan") -> None:
        super().__init__(message, step=step)
        self.reason = reason


class DependencyError(OpsctlError):
    """A remote dependency failed (after bounded retries, when raised by the engine)."""

    exit_code = ExitCode.DEPENDENCY
    error_type = "dependency_unavailable"
    retryable = True


class TransientError(DependencyError):
    """Raised by authors for a failure that is worth retrying."""


class DependencyTimeoutError(DependencyError):
    """A remote dependency did not answer in time."""

    error_type = "dependency_timeout"


class PartialFailureError(OpsctlError):
    """Some actions applied and some failed."""

    exit_code = ExitCode.PARTIAL
    error_type = "partial"


class DeniedError(OpsctlError):
    """Policy, approval or permission denied the run."""

    exit_code = ExitCode.DENIED
    error_type = "policy_denied"


class ApprovalRequiredError(DeniedError):
    """The plan needs an approval it does not have."""

    error_type = "approval_required"


class AuthError(DeniedError):
    """Credentials refused: a remote refused ours (HTTP 401/403, AccessDenied), or opsctl
    refused a caller's (an API token or OIDC token that is malformed, unknown, expired,
    revoked or fails verification). ``reason`` is a short word naming which, for the caller
    to map or count; the message never holds the credential itself."""

    error_type = "auth"
    reason = "refused"

    def __init__(self, message: str, *, reason: str = "refused", step: str | None = None) -> None:
        super().__init__(message, step=step)
        self.reason = reason


class ConflictError(OpsctlError):
    """The target is locked by another run, or a key was reused with another request."""

    exit_code = ExitCode.CONFLICT
    error_type = "conflict"
    retryable = True


class InterruptedRunError(OpsctlError):
    """The run was interrupted by a signal; progress is checkpointed.

    ``error.type`` stays ``internal`` (the published result schema has no type of its own for
    it; ``status`` ``cancelled`` and exit 130 say what happened), but it is ``retryable``: the
    same command finishes the run."""

    exit_code = ExitCode.INTERRUPTED
    error_type = "internal"
    retryable = True


class AutomationBugError(OpsctlError):
    """The automation broke its own contract (a bug in the automation, not in the input)."""


class MutationDuringPlanError(AutomationBugError):
    """A context helper refused a write while planning, which must be read-only."""

    error_type = "unsafe_input"

    def __init__(self, what: str, reason: str = "") -> None:
        if reason:
            super().__init__(f"refused to {what}: {reason}")
        else:
            super().__init__(f"refused to {what} while planning: plan() must be read-only",
                             step="plan")
