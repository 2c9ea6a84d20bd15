"""The state of one run as the engine carries it between the pipeline's steps."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from opsctl.contract.automation import Action, Automation
from opsctl.contract.plan import Plan
from opsctl.engine.ids import new_run_id
from opsctl.engine.session import Session

if TYPE_CHECKING:
    from opsctl.engine.events import RunEventRecorder

Mode = Literal["plan", "apply"]
ProgressFn = Callable[[int, int, str], None]


@dataclass
class RunOutcome:
    """The result document of one command and its exit code."""

    document: dict[str, Any]
    exit_code: int


@dataclass(slots=True)  # one per action of a plan, a million of them: no __dict__ each
class ActionState:
    action: Action
    status: str = "pending"
    attempts: int = 0
    error: str | None = None
    waits: list[float] | None = None  # seconds waited before each retry (None: none)
    done: bool = False          # journaled as finished by an earlier attempt of this run
    interrupted: bool = False   # journaled as started but never finished: re-check first
    exception: Any = None       # the OpsctlError it failed with (its type and exit code)
    audited: bool = False       # its audit event is appended (during the apply)


@dataclass
class RunState:
    session: Session
    automation: Automation[Any]
    mode: Mode
    request: Any
    request_doc: dict[str, Any]
    idempotency_key: str | None
    run_id: str = field(default_factory=new_run_id)
    started_at: datetime | None = None
    plan: Plan | None = None
    kept_specs: list[dict[str, Any]] | None = None  # see specs
    states: list[ActionState] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    artifacts: dict[str, Any] = field(default_factory=dict)
    resumed: bool = False
    fence: Any = None
    lease_lapsed: Callable[[], bool] | None = None  # the lease's may_have_lapsed, when held
    policy: Any = None          # the retry policy
    decision: Any = None        # the policy decision of the gate (None: no policy configured)
    requested_version: str | None = None  # the contract version the caller asked for
    approval_plan: tuple[str, str, str | None] | None = None  # (plan id, fingerprint, requester)
    audit: list[Any] = field(default_factory=list)  # audit events not yet appended
    max_failures: int = 1
    concurrency: int = 1
    targets: tuple[str, ...] = ()  # --target patterns: only matching actions and their deps
    trace: Any = None           # opsctl.observe.tracing.RunTrace while the run is traced
    events: RunEventRecorder | None = None  # its event stream, while the run records one

    @property
    def specs(self) -> list[dict[str, Any]]:
        """The plan's actions, redacted (as the journal holds them). Made from the states when
        asked, not kept beside them: a long plan would hold every action twice."""
        if self.kept_specs is not None:
            return self.kept_specs
        redact = self.session.redactor.redact
        return [redact(state.action.to_dict()) for state in self.states]

    @specs.setter
    def specs(self, value: list[dict[str, Any]]) -> None:
        self.kept_specs = value


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds")
