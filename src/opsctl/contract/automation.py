"""Declaring an automation: its contract, a read-only plan, an idempotent apply.

    from pydantic import BaseModel, Field
    from opsctl import Action, Automation, Context

    class Request(BaseModel):
        environment: Literal["staging", "prod"] = Field(description="Where to run")

    cleanup = Automation(
        "cleanup-things", version="1.0.0", owner="platform", summary="Remove stale things",
        request=Request, effect="mutate", lock_scope=("environment",),
    )

    @cleanup.plan
    def plan(ctx: Context, req: Request) -> Iterator[Action]: ...

    @cleanup.apply
    def apply(ctx: Context, req: Request, action: Action) -> None: ...
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from pydantic import BaseModel

from opsctl.contract.durations import parse_duration
from opsctl.contract.versions import Upgrade, VersionAdapter

if TYPE_CHECKING:
    from opsctl.engine.context import Context

ActionKind = Literal["create", "update", "delete", "run"]
Effect = Literal["read", "mutate"]
ActionOutcome = Literal["applied", "unchanged"]
JSONValue = Any  # a value that json.dumps accepts; pydantic validates shapes at the edges

ACTION_KINDS: tuple[str, ...] = ("create", "update", "delete", "run")
RESERVED_NAMES = frozenset(
    ["list", "completion", "describe", "schema", "plan", "apply", "reconcile", "runs", "show", "resume", "cancel", "approve", "reject", "audit", "config", "locks", "policy", "contract", "new", "serve", "worker", "version", "help", "token", "openapi", "slo", "schedule", "inventory", "wrap", "wait", "scheduler"]
)
# \Z, not $: "$" also matches before a final newline ("a\n" would pass)
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*\Z")
_SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?\Z")
_ACTION_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:/@+=-]{0,199}\Z")

RequestT = TypeVar("RequestT", bound=BaseModel)
PlanFn = Callable[["Context", RequestT], Iterable["Action"]]
ApplyFn = Callable[["Context", RequestT, "Action"], "ActionOutcome | None"]
VerifyFn = Callable[["Context", RequestT, "Action"], bool]


@dataclass(frozen=True, slots=True)
class Action:
    """One intended change, as ``plan`` yields it and ``apply`` receives it.

    Attributes:
        id: unique in the plan: 1-200 characters of ``A-Za-z0-9_.:/@+=-``, starting with a
            letter or digit. The journal and ``resume`` track the action by it.
        kind: ``create``, ``update``, ``delete`` or ``run``; an automation with effect
            ``read`` may only plan ``run`` actions.
        target: what the action changes (not empty); shown to people, matched by policy.
        reason: why the action is needed, for people.
        data: what ``apply`` needs (JSON values); kept in the journal and saved plans.
        before: the current state, for reviewers (a JSON value).
        after: the intended state, for reviewers (a JSON value).
        depends_on: ids of actions that must apply first (a list or a tuple).
    """

    id: str
    kind: ActionKind
    target: str
    reason: str
    data: Mapping[str, JSONValue] = field(default_factory=dict)
    before: JSONValue = None
    after: JSONValue = None
    depends_on: Sequence[str] = ()  # a list or a tuple, kept as a tuple

    def __post_init__(self) -> None:
        if not _ACTION_ID.match(self.id):
            shown = (repr(self.id) if len(self.id) <= 200
                     else f"{self.id[:60]!r}... ({len(self.id)} chars)")
            raise ValueError(f"action id {shown} must be 1-200 chars of [A-Za-z0-9_.:/@+=-]")
        if self.kind not in ACTION_KINDS:
            raise ValueError(f"action {self.id!r}: kind must be one of {', '.join(ACTION_KINDS)}")
        if not self.target:
            raise ValueError(f"action {self.id!r}: target must not be empty")
        if isinstance(self.depends_on, str):  # would be read as one id per character
            raise ValueError(f"action {self.id!r}: depends_on must be a list of action ids, "
                             f"not the string {self.depends_on!r}")
        if not isinstance(self.depends_on, tuple):  # equal to the same action read back
            object.__setattr__(self, "depends_on", tuple(self.depends_on))

    def to_dict(self) -> dict[str, JSONValue]:
        return {
            "id": self.id,
            "kind": self.kind,
            "target": self.target,
            "reason": self.reason,
            "data": dict(self.data),
            "before": self.before,
            "after": self.after,
            "depends_on": list(self.depends_on),
        }

    @classmethod
    def from_dict(cls, raw: Mapping[str, JSONValue]) -> Action:
        return cls(
            id=raw["id"],
            kind=raw["kind"],
            target=raw["target"],
            reason=raw.get("reason", ""),
            data=dict(raw.get("data") or {}),
            before=raw.get("before"),
            after=raw.get("after"),
            depends_on=tuple(raw.get("depends_on") or ()),
        )


def _strict_request_model(model: type[BaseModel], seen: set[type[BaseModel]] | None = None) -> None:
    """Make ``model`` (and the models nested in its fields) validate like a request must.

    * Defaults are validated like any input, so ``Duration = "30d"`` is a timedelta in plan()
      and a bad default fails at declaration, not in the middle of a run.
    * NaN and Infinity are refused (pydantic accepts them, even from the strings "nan" and
      "inf"): a request is hashed and stored as canonical JSON, which has no such numbers.
    """
    seen = set() if seen is None else seen
    if model in seen:
        return
    seen.add(model)
    for info in model.model_fields.values():
        for nested in _models_in(info.annotation):
            _strict_request_model(nested, seen)
    wanted = {"validate_default": True, "allow_inf_nan": False}
    if any(model.model_config.get(key, not value) != value for key, value in wanted.items()):
        model.model_config.update(wanted)  # type: ignore[typeddict-item]
        model.model_rebuild(force=True)


def _excluded_field(model: type[BaseModel], seen: set[type[BaseModel]] | None = None) -> str | None:
    """The (dotted) name of a field of ``model``, or of a model nested in it, that
    ``model_dump`` leaves out (``Field(exclude=True)``), or None."""
    seen = set() if seen is None else seen
    if model in seen:
        return None
    seen.add(model)
    for name, info in model.model_fields.items():
        if info.exclude:
            return name
        for nested in _models_in(info.annotation):
            inner = _excluded_field(nested, seen)
            if inner:
                return f"{name}.{inner}"
    return None


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The pydantic models an annotation mentions: ``Model``, ``list[Model]``, ``Model | None``..."""
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]



class ExitCalled(RuntimeError):
    """``sys.exit()`` (or ``raise SystemExit``) in an automation's plan, apply or verify: a bug
    in the automation (exit 1), as any other exception. Left to propagate, it would end opsctl
    itself with the automation's code (0 read as success), with no result and the run left
    running."""

    def __init__(self, step: str, exc: SystemExit) -> None:
        super().__init__(f"{step} called sys.exit({exc.code!r}): an automation returns or "
                         "raises; opsctl ends the run")


class NotAnException(RuntimeError):
    """A ``BaseException`` that is not an ``Exception`` (``GeneratorExit``,
    ``asyncio.CancelledError``, a class derived from ``BaseException``) raised by an automation's
    plan, apply or verify: a bug in the automation (exit 1). Left to propagate, it passed every
    handler of the engine: a traceback, no result, and the run left running."""

    def __init__(self, step: str, exc: BaseException) -> None:
        super().__init__(f"{step} raised {type(exc).__name__}({_shown(exc)}), which is not an "
                         "Exception: an automation raises Exception subclasses")


def _shown(exc: BaseException) -> str:
    try:
        return repr(str(exc))
    except Exception:  # its __str__ is broken too
        return "..."


class Automation(Generic[RequestT]):
    """The declaration of one automation and its contract.

    Args:
        name: the subcommand, lower-case words joined by ``-``; not a built-in verb.
        version: the contract version (semver); a breaking change needs a major bump.
        owner: the team or person that owns it.
        summary: one line for ``opsctl list`` and ``--help``.
        request: the pydantic model of the request; its fields become the flags.
        effect: ``"mutate"`` (the default) or ``"read"``: a read automation plans only
            ``run`` actions, takes no lock, and its context refuses every mutation.
        lock_scope: names of request fields that identify the target; two applies with
            the same values never run at once.
        description: longer help text (default: the summary).
        retry: the retry policy (``attempts``, ``base``, ``cap``, ``deadline``,
            ``timeout``); configuration overrides it.
        verify_timeout: how long ``verify`` is polled before the run is "not converged"
            (exit 4): seconds, or a duration such as ``"2m"``.
        slo: service-level objectives, e.g. ``{"success_rate": 0.99, "p95": "10m"}``:
            ``success_rate`` (between 0 and 1), ``p50`` and ``p95`` run durations, and the
            ``window`` they are measured over (default ``30d``). ``opsctl slo`` reports them.

    Raises:
        ValueError: the name, version, effect, lock scope, verify_timeout or slo is invalid.
        TypeError: ``request`` is not a pydantic model.
    """

    def __init__(
        self,
        name: str,
        *,
        version: str,
        owner: str,
        summary: str,
        request: type[RequestT],
        effect: Effect = "mutate",
        lock_scope: Iterable[str] = (),
        description: str = "",
        retry: Mapping[str, Any] | None = None,
        verify_timeout: float | str | timedelta = 60.0,
        slo: Mapping[str, Any] | None = None,
    ) -> None:
        if not _NAME.match(name):
            raise ValueError(f"automation name {name!r} must be lower-case words joined by '-'")
        if name in RESERVED_NAMES:
            raise ValueError(f"automation name {name!r} is a built-in opsctl verb")
        if not _SEMVER.match(version):
            raise ValueError(f"automation {name!r}: version {version!r} is not semver (1.2.3)")
        if effect not in ("read", "mutate"):
            raise ValueError(f"automation {name!r}: effect must be 'read' or 'mutate'")
        if not (isinstance(request, type) and issubclass(request, BaseModel)):
            raise TypeError(f"automation {name!r}: request must be a pydantic BaseModel subclass")
        _strict_request_model(request)
        excluded = _excluded_field(request)
        if excluded:
            raise ValueError(f"automation {name!r}: request field {excluded!r} is declared with "
                             "exclude=True, so the request opsctl records and replays (saved "
                             "plans, resumes, workers) would lack it and run with its default; "
                             "drop exclude=True (for a secret, type it opsctl.Secret)")
        if isinstance(lock_scope, str):  # ("environment") is no tuple: one field per letter
            raise ValueError(f"automation {name!r}: lock_scope must be a tuple of field names, "
                             f"not the string {lock_scope!r} (write ({lock_scope!r},))")
        scope = tuple(lock_scope)
        unknown = [f for f in scope if f not in request.model_fields]
        if unknown:
            raise ValueError(f"automation {name!r}: lock_scope names unknown fields {unknown}")
        try:
            verify_s = parse_duration(verify_timeout).total_seconds()
        except ValueError as exc:
            raise ValueError(f"automation {name!r}: verify_timeout: {exc}") from None
        objectives = None
        if slo is not None:  # (the objectives' module loads only for an automation that has some)
            from opsctl.observe.slo import normalize_slo

            objectives = normalize_slo(name, slo)
        self.name = name
        self.version = version
        self.owner = owner
        self.summary = summary
        self.description = description or summary
        self.request_model = request
        self.effect: Effect = effect
        self.lock_scope = scope
        self.retry: dict[str, Any] = dict(retry or {})  # RetryPolicy fields; config overrides
        self.verify_timeout = verify_s  # seconds verify is polled before "not converged"
        self.slo: dict[str, Any] | None = objectives  # success_rate, p50, p95, window (or None)
        self._plan: PlanFn[RequestT] | None = None
        self._apply: ApplyFn[RequestT] | None = None
        self._verify: VerifyFn[RequestT] | None = None
        self.adapters: dict[int, VersionAdapter] = {}  # older majors still accepted

    def __repr__(self) -> str:
        return f"Automation({self.name!r}, version={self.version!r})"

    # -- decorators -----------------------------------------------------------------------
    def plan(self, fn: PlanFn[RequestT]) -> PlanFn[RequestT]:
        """Register the read-only planner: ``fn(ctx, req)`` returns or yields the actions.

        The dry run, ``opsctl plan`` and the apply all call it; it must change nothing (the
        context's helpers refuse writes while planning). Raise ``PlanRejectedError`` when a
        precheck fails (exit 3).
        """
        self._plan = fn
        return fn

    def apply(self, fn: ApplyFn[RequestT]) -> ApplyFn[RequestT]:
        """Register the idempotent apply of one action: ``fn(ctx, req, action)``.

        Return ``"unchanged"`` when nothing was needed; ``None`` or ``"applied"`` count the
        action as applied. It may run again for an action that already took effect (after a
        crash), so it must be idempotent; commit its effect before returning.
        """
        self._apply = fn
        return fn

    def verify(self, fn: VerifyFn[RequestT]) -> VerifyFn[RequestT]:
        """Register the convergence check of one applied action: ``fn(ctx, req, action) -> bool``.

        Polled with backoff after the apply until it returns true or ``verify_timeout``
        passes (exit 4, not converged); on resume it re-checks an action caught mid-apply.
        """
        self._verify = fn
        return fn

    def upgrade(self, *, from_major: int, request: type[BaseModel]) -> Callable[[Upgrade], Upgrade]:
        """Register how a request of contract major ``from_major`` becomes a current one.

        The function gets the old request (validated against ``request``) and returns the
        current request, or a mapping of its fields (validated against the current model).
        """
        if from_major >= self.major_version:
            raise ValueError(f"automation {self.name!r}: an upgrade is from an older major than "
                             f"{self.major_version}, not {from_major}")
        if not (isinstance(request, type) and issubclass(request, BaseModel)):
            raise TypeError(f"automation {self.name!r}: the {from_major}.x request must be a "
                            "pydantic BaseModel subclass")

        _strict_request_model(request)

        def register(fn: Upgrade) -> Upgrade:
            self.adapters[from_major] = VersionAdapter(from_major, request, fn)
            return fn

        return register

    @property
    def accepted_majors(self) -> list[int]:
        return sorted([*self.adapters, self.major_version])

    # -- used by the engine ---------------------------------------------------------------
    @property
    def major_version(self) -> int:
        return int(self.version.split(".", 1)[0])

    @property
    def has_verify(self) -> bool:
        return self._verify is not None

    def check_complete(self) -> None:
        if self._plan is None:
            raise TypeError(f"automation {self.name!r} has no @plan function")
        if self._apply is None and self.effect == "mutate":
            raise TypeError(f"automation {self.name!r} has effect 'mutate' but no @apply function")

    def call_plan(self, ctx: Context, request: RequestT) -> list[Action]:
        assert self._plan is not None
        try:
            return list(self._plan(ctx, request))
        except SystemExit as exc:
            raise ExitCalled("plan", exc) from None
        except (KeyboardInterrupt, Exception):  # a signal (the engine's stop), or classified
            raise
        except BaseException as exc:
            raise NotAnException("plan", exc) from exc

    def call_apply(self, ctx: Context, request: RequestT, action: Action) -> ActionOutcome:
        if self._apply is None:
            if self.effect == "read":
                return "unchanged"  # a read automation's plan is its work
            raise TypeError(f"automation {self.name!r} has no @apply function")
        try:
            outcome = self._apply(ctx, request, action)
        except SystemExit as exc:
            raise ExitCalled("apply", exc) from None
        except (KeyboardInterrupt, Exception):  # a signal (the engine's stop), or classified
            raise
        except BaseException as exc:
            raise NotAnException("apply", exc) from exc
        if outcome == "unchanged":
            return "unchanged"
        if outcome is None or outcome == "applied":
            return "applied"
        raise TypeError(f"apply returned {outcome!r}; it returns \"applied\", \"unchanged\" "
                        "or None")

    def call_verify(self, ctx: Context, request: RequestT, action: Action) -> bool:
        try:
            return True if self._verify is None else bool(self._verify(ctx, request, action))
        except SystemExit as exc:
            raise ExitCalled("verify", exc) from None
        except (KeyboardInterrupt, Exception):  # a signal (the engine's stop), or classified
            raise
        except BaseException as exc:
            raise NotAnException("verify", exc) from exc

    def scope_key(self, request: BaseModel) -> str:
        """The lock scope of a request: the automation name and the named field values."""
        parts = [self.name] + [f"{f}={getattr(request, f)}" for f in self.lock_scope]
        return "/".join(parts)
