"""Policy: ordered rules that allow, deny or require approval for a planned run.

A policy comes from ``policy.yaml`` (or ``.json``) or the ``[policy]`` table of ``opsctl.toml``
and is validated once, at load: an unknown condition, a wrong type, a bad time zone or time of
day is a :class:`~opsctl.errors.ConfigError` (exit 2) naming the source, the rule and the field,
e.g. ``policy.yaml: rule 'no-friday-deploys': match.freeze[0].timezone: unknown time zone
'Mars/Base'``. The schema is documented in ``docs/policy.md``.

:meth:`Policy.evaluate` is a pure function of the policy and a :class:`PolicyInput` (automation,
contract version, request, actor, groups, the time, the planned actions): no I/O, no clock.
Every rule whose conditions all hold *matches*; the most restrictive matching decision wins
(deny > require_approval > allow), and the :class:`Decision` names the rule that decided, every
rule that matched, and per rule and condition why it did or did not hold.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from fnmatch import fnmatchcase
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from annotated_types import Ge
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    PrivateAttr,
    StrictBool,
    StrictInt,
    StrictStr,
    field_validator,
    model_validator,
)

from opsctl.contract.automation import ActionKind
from opsctl.contract.durations import parse_duration

__all__ = [
    "CONDITIONS",
    "DEFAULT_RULE",
    "GROUP_PREFIX",
    "ConditionTrace",
    "Decision",
    "Effect",
    "Match",
    "PlanAction",
    "Policy",
    "PolicyInput",
    "Rule",
    "RuleTrace",
    "TimeWindow",
]

Effect = Literal["allow", "deny", "require_approval"]
RequestScalar = str | int | float | bool | None

_RANK: dict[str, int] = {"allow": 0, "require_approval": 1, "deny": 2}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:@/+-]{0,127}$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")
GROUP_PREFIX = "group:"
DEFAULT_RULE = "default"  # what Decision.rule says when no rule matched


# -- field types -----------------------------------------------------------------------------

def _one_or_many(value: object) -> object:
    """A single item stands for a one-item list: ``actor: alice`` is ``actor: [alice]``."""
    return [value] if isinstance(value, str | Mapping) else value


def _one_or_more(value: object) -> object:
    """Like _one_or_many, refusing an empty list: a condition on nothing is a mistake."""
    if isinstance(value, list | tuple) and not value:
        raise ValueError("must not be an empty list")
    return _one_or_many(value)


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _name(value: str) -> str:
    if not _NAME.match(value):
        raise ValueError(f"invalid name {value!r}: use 1-128 of A-Z a-z 0-9 _ . : @ / + -, "
                         "starting with a letter or digit")
    return value


def _weekday(value: object) -> object:
    if not isinstance(value, str):
        return value
    key = value.strip().lower()
    for short, full in zip(WEEKDAYS, _WEEKDAY_NAMES, strict=True):
        if key in (short, full):
            return short
    raise ValueError(f"unknown weekday {value!r}: use {', '.join(WEEKDAYS)}")


def _clock(value: object, *, allow_24: bool) -> object:
    """``HH:MM`` (or a TOML local time) to the canonical ``HH:MM`` text."""
    if isinstance(value, time):
        if value.second or value.microsecond or value.tzinfo is not None:
            raise ValueError(f"invalid time {value.isoformat()!r}: use HH:MM without seconds")
        return f"{value.hour:02d}:{value.minute:02d}"
    if not isinstance(value, str):
        return value
    found = _CLOCK.match(value.strip())
    if found:
        hours, minutes = int(found.group(1)), int(found.group(2))
        if (hours < 24 and minutes < 60) or (allow_24 and (hours, minutes) == (24, 0)):
            return f"{hours:02d}:{minutes:02d}"
    upper = "24:00" if allow_24 else "23:59"
    raise ValueError(f"invalid time {value!r}: use HH:MM from 00:00 to {upper}")


def _start_time(value: object) -> object:
    return _clock(value, allow_24=False)


def _end_time(value: object) -> object:
    return _clock(value, allow_24=True)


def _approval_ttl(value: object) -> timedelta:
    if not isinstance(value, str | int | float | timedelta):
        raise ValueError("must be a duration such as 30m, 24h or 7d")
    ttl = parse_duration(value)
    if ttl <= timedelta(0):
        raise ValueError("must be longer than zero")
    return ttl


def _approvers(value: object) -> object:
    """A string names one group; a list holds actors and ``group:NAME`` entries."""
    if isinstance(value, str):
        return [value if value.startswith(GROUP_PREFIX) else GROUP_PREFIX + value]
    return _one_or_more(value)


def _approver(value: str) -> str:
    if value.startswith(GROUP_PREFIX):
        _name(value[len(GROUP_PREFIX):])
    return _not_blank(value)


def _request_values(value: object) -> tuple[RequestScalar, ...]:
    items: list[RequestScalar] = []
    for item in value if isinstance(value, list | tuple) else [value]:
        if item is not None and not isinstance(item, str | int | float | bool):
            raise ValueError("expected a string, number, boolean or null, or a list of them")
        items.append(item)
    if not items:
        raise ValueError("must not be an empty list")
    return tuple(items)


Text = Annotated[StrictStr, AfterValidator(_not_blank)]
Name = Annotated[StrictStr, AfterValidator(_name)]
Globs = Annotated[tuple[Text, ...], BeforeValidator(_one_or_more)]
Names = Annotated[tuple[Name, ...], BeforeValidator(_one_or_more)]
Count = Annotated[StrictInt, Ge(0)]
Weekday = Annotated[StrictStr, BeforeValidator(_weekday)]
StartTime = Annotated[StrictStr, BeforeValidator(_start_time)]
EndTime = Annotated[StrictStr, BeforeValidator(_end_time)]
Approver = Annotated[StrictStr, AfterValidator(_approver)]
RequestValues = Annotated[tuple[RequestScalar, ...], PlainValidator(_request_values)]
ApprovalTTL = Annotated[timedelta, PlainValidator(_approval_ttl)]


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


# -- the policy file -------------------------------------------------------------------------

class TimeWindow(BaseModel):
    """A recurring or dated window of wall-clock time in one time zone.

    When ``end`` is earlier than ``start`` the window crosses midnight; its weekday and date are
    those of the day it started on (``fri 22:00-02:00`` covers Saturday 01:00).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    timezone: Text
    weekdays: Annotated[tuple[Weekday, ...], BeforeValidator(_one_or_more)] | None = None
    start: StartTime | None = None
    end: EndTime | None = None
    from_: date | None = Field(default=None, alias="from")
    until: date | None = None
    _zone: ZoneInfo = PrivateAttr()

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise ValueError(f"unknown time zone {value!r}: use an IANA name such as "
                             "Europe/Berlin or UTC") from None
        return value

    @model_validator(mode="after")
    def _consistent(self) -> TimeWindow:
        if self.start is not None and self.start == self.end:
            raise ValueError(f"start and end are both {self.start}: omit both for whole days")
        if self.from_ and self.until and self.from_ > self.until:
            raise ValueError(f"from ({self.from_}) is after until ({self.until})")
        return self

    def model_post_init(self, context: object, /) -> None:
        self._zone = ZoneInfo(self.timezone)  # loaded once here, so evaluation reads no files

    def contains(self, now: datetime) -> bool:
        local = now.astimezone(self._zone)
        minute = local.hour * 60 + local.minute
        start = _minutes(self.start) if self.start else 0
        end = _minutes(self.end) if self.end else 24 * 60
        day = local.date()
        if start < end:
            if not start <= minute < end:
                return False
        elif minute < end:
            day -= timedelta(days=1)  # the part after midnight of a window opened yesterday
        elif minute < start:
            return False
        if self.weekdays is not None and WEEKDAYS[day.weekday()] not in self.weekdays:
            return False
        return (self.from_ is None or self.from_ <= day) and (self.until is None or day <= self.until)

    def local_time(self, now: datetime) -> str:
        local = now.astimezone(self._zone)
        return f"{WEEKDAYS[local.weekday()]} {local:%Y-%m-%d %H:%M} {self.timezone}"

    def describe(self) -> str:
        parts = [",".join(self.weekdays)] if self.weekdays else []
        if self.start or self.end:
            parts.append(f"{self.start or '00:00'}-{self.end or '24:00'}")
        if self.from_ or self.until:
            parts.append(f"{self.from_ or '...'}..{self.until or '...'}")
        return " ".join([*parts, self.timezone]) if parts else f"always ({self.timezone})"


Windows = Annotated[tuple[TimeWindow, ...], BeforeValidator(_one_or_more)]


class Match(BaseModel):
    """The conditions of a rule; all given conditions must hold, none given means always."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    automation: Globs | None = None
    contract_version: Globs | None = None
    environment: Globs | None = None
    not_environment: Globs | None = None
    environment_field: Text = "environment"
    request: dict[Text, RequestValues] | None = None
    actor: Globs | None = None
    not_actor: Globs | None = None
    group: Names | None = None
    not_group: Names | None = None
    kinds: Annotated[tuple[ActionKind, ...], BeforeValidator(_one_or_more)] | None = None
    targets: Globs | None = None
    max_actions: Count | None = None
    max_deletes: Count | None = None
    blast_radius_over: Count | None = None
    freeze: Windows | None = None
    outside: Windows | None = None


class Rule(BaseModel):
    """One named rule: when every condition of ``match`` holds, ``decision`` applies."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Name
    description: StrictStr = ""
    match: Match = Field(default_factory=Match)
    decision: Effect
    reason: StrictStr = ""
    approvals: Annotated[StrictInt, Ge(1)] = 1
    approvers: Annotated[tuple[Approver, ...], BeforeValidator(_approvers)] = ()
    allow_self_approval: StrictBool = False
    approval_ttl: ApprovalTTL = timedelta(hours=24)

    @field_validator("name")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        if value == DEFAULT_RULE:
            raise ValueError(f"{DEFAULT_RULE!r} is reserved for decisions no rule made")
        return value


class Policy(BaseModel):
    """A validated policy file. Build it with :mod:`opsctl.governance.policy_file`
    (``load_policy_file``, ``policy_from_mapping``): they turn every problem into a ConfigError."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1]
    default: Literal["allow", "deny"] = "allow"
    groups: dict[Name, Annotated[tuple[Text, ...], BeforeValidator(_one_or_many)]] = Field(
        default_factory=dict)
    rules: tuple[Rule, ...] = ()

    def members(self, group: str) -> frozenset[str]:
        """The actors the policy itself puts in ``group`` (empty for a group it does not define)."""
        return frozenset(self.groups.get(group, ()))

    def is_member(self, actor: str, group: str, external: frozenset[str] = frozenset()) -> bool:
        """Whether ``actor`` is in ``group``, by this policy or by ``external`` (the actor's
        groups known from elsewhere, e.g. configuration)."""
        return group in external or actor in self.members(group)

    def groups_of(self, actor: str, external: frozenset[str] = frozenset()) -> frozenset[str]:
        """The actor's groups: ``external`` plus every policy group listing the actor."""
        return external | {name for name, members in self.groups.items() if actor in members}

    def can_approve(self, decision: Decision, approver: str, *, requester: str,
                    approver_groups: frozenset[str] = frozenset()) -> bool:
        """Whether one approval by ``approver`` counts towards ``decision``.

        The approver must be listed, or be in a listed ``group:``; the requester counts only when
        the deciding rule allows self-approval. Counting distinct approvers is the caller's job.
        """
        if decision.effect != "require_approval":
            return False
        if approver == requester and not decision.allow_self_approval:
            return False
        for entry in decision.approvers:
            if entry.startswith(GROUP_PREFIX):
                if self.is_member(approver, entry[len(GROUP_PREFIX):], approver_groups):
                    return True
            elif entry == approver:
                return True
        return False

    def evaluate(self, inp: PolicyInput) -> Decision:
        """The decision for one planned run. Pure: reads nothing but its arguments."""
        facts = _Facts.of(inp, self.groups_of(inp.actor, inp.groups))
        traces = tuple(_trace(rule, facts) for rule in self.rules)
        matched = [rule for rule, trace in zip(self.rules, traces, strict=True) if trace.matched]
        names = tuple(rule.name for rule in matched)
        if not matched:
            return Decision(effect=self.default, rule=DEFAULT_RULE, matched=(), explain=traces,
                            reason=f"no policy rule matched; the default is {self.default}")
        # Most restrictive effect first; among approvals, the most approvals, then the one that
        # refuses self-approval; file order breaks the remaining ties (min() keeps the first).
        winner = min(matched, key=lambda r: (-_RANK[r.decision], -_approval_weight(r)))
        if winner.decision != "require_approval":
            verb = "denied" if winner.decision == "deny" else "allowed"
            return Decision(effect=winner.decision, rule=winner.name, matched=names,
                            explain=traces,
                            reason=winner.reason or f"{verb} by policy rule {winner.name!r}")
        who = ", ".join(winner.approvers)
        return Decision(
            effect="require_approval", rule=winner.name, matched=names, explain=traces,
            reason=winner.reason or (f"policy rule {winner.name!r} requires {winner.approvals} "
                                     f"approval(s) from {who}"),
            approvals=winner.approvals, approvers=winner.approvers,
            allow_self_approval=winner.allow_self_approval,
            approval_ttl_s=winner.approval_ttl.total_seconds())


def _approval_weight(rule: Rule) -> int:
    if rule.decision != "require_approval":
        return 0
    return rule.approvals * 2 + (0 if rule.allow_self_approval else 1)


# -- evaluation input and output -------------------------------------------------------------

@dataclass(frozen=True)
class PlanAction:
    """What policy sees of one planned action. ``blast_radius`` is what the automation declares
    the action may affect (hosts, volumes, users...); 1 when it declares nothing."""

    id: str
    kind: str
    target: str
    blast_radius: int = 1

    def __post_init__(self) -> None:
        if isinstance(self.blast_radius, bool) or not isinstance(self.blast_radius, int) \
                or self.blast_radius < 0:
            raise ValueError(f"action {self.id!r}: blast_radius must be an integer >= 0")

    @classmethod
    def from_mapping(cls, raw: Mapping[str, object]) -> PlanAction:
        """From an action document (``Action.to_dict()``, a saved plan): ``blast_radius`` is
        read from the action itself or from its ``data``; ValueError when it is not an integer
        >= 0 (the automation broke its contract)."""
        data = raw.get("data")
        radius = raw.get("blast_radius")
        if radius is None and isinstance(data, Mapping):
            radius = data.get("blast_radius")
        if radius is None:
            radius = 1
        if isinstance(radius, bool) or not isinstance(radius, int):
            raise ValueError(f"action {raw.get('id')!r}: blast_radius must be an integer >= 0")
        return cls(id=str(raw["id"]), kind=str(raw["kind"]), target=str(raw["target"]),
                   blast_radius=radius)


@dataclass(frozen=True)
class PolicyInput:
    """Everything a decision may depend on. ``groups`` are the actor's groups known from
    outside the policy; the policy's own ``groups`` are added when it evaluates."""

    automation: str
    contract_version: str
    request: Mapping[str, object]
    actor: str
    now: datetime
    actions: Sequence[PlanAction] = ()
    groups: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.now.tzinfo is None or self.now.utcoffset() is None:
            raise ValueError("PolicyInput.now must be timezone-aware")


@dataclass(frozen=True)
class ConditionTrace:
    condition: str
    holds: bool
    detail: str

    def to_dict(self) -> dict[str, object]:
        return {"condition": self.condition, "holds": self.holds, "detail": self.detail}


@dataclass(frozen=True)
class RuleTrace:
    """Why one rule matched or not: every condition it has, each with the fact it saw."""

    rule: str
    decision: Effect
    matched: bool
    conditions: tuple[ConditionTrace, ...]

    def to_dict(self) -> dict[str, object]:
        return {"rule": self.rule, "decision": self.decision, "matched": self.matched,
                "conditions": [c.to_dict() for c in self.conditions]}


@dataclass(frozen=True)
class Decision:
    """The outcome of a policy evaluation. ``rule`` is the deciding rule, or ``"default"``."""

    effect: Effect
    rule: str
    reason: str
    matched: tuple[str, ...] = ()
    approvals: int = 0
    approvers: tuple[str, ...] = ()
    allow_self_approval: bool = False
    approval_ttl_s: float = 0.0
    explain: tuple[RuleTrace, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready form, for result documents and the audit log."""
        return {
            "effect": self.effect,
            "rule": self.rule,
            "reason": self.reason,
            "matched": list(self.matched),
            "approvals": self.approvals,
            "approvers": list(self.approvers),
            "allow_self_approval": self.allow_self_approval,
            "approval_ttl_s": self.approval_ttl_s,
            "explain": [t.to_dict() for t in self.explain],
        }


# -- conditions ------------------------------------------------------------------------------

_MISSING = object()


@dataclass(frozen=True)
class _Facts:
    """What the conditions look at, computed once per evaluation."""

    inp: PolicyInput
    groups: frozenset[str]
    kinds: Counter[str]
    blast_radius: int

    @classmethod
    def of(cls, inp: PolicyInput, groups: frozenset[str]) -> _Facts:
        return cls(inp=inp, groups=groups, kinds=Counter(a.kind for a in inp.actions),
                   blast_radius=sum(a.blast_radius for a in inp.actions))


def _lookup(request: Mapping[str, object], path: str) -> object:
    """A request field by dotted path (``target.region``), or _MISSING."""
    node: object = request
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return _MISSING
        node = node[part]
    return node


def _same(actual: object, expected: RequestScalar) -> bool:
    if isinstance(actual, bool) or isinstance(expected, bool):  # True is not 1 here
        return type(actual) is type(expected) and actual == expected
    return actual == expected


def _glob(what: str, value: str, patterns: Sequence[str]) -> tuple[bool, str]:
    for pattern in patterns:
        if fnmatchcase(value, pattern):
            return True, f"{what} {value!r} matches {pattern!r}"
    return False, f"{what} {value!r} matches none of {list(patterns)}"


def _environment(m: Match, f: _Facts, patterns: Sequence[str], listed: bool) -> tuple[bool, str]:
    value = _lookup(f.inp.request, m.environment_field)
    if not isinstance(value, str):
        # Missing counts as "not listed": an allow-list (not_environment) fails closed.
        return not listed, f"request.{m.environment_field} is missing or not a string"
    holds, detail = _glob(f"request.{m.environment_field}", value, patterns)
    return holds == listed, detail


def _request(m: Match, f: _Facts) -> tuple[bool, str]:
    holds, parts = True, []
    for key, allowed in (m.request or {}).items():
        value = _lookup(f.inp.request, key)
        if value is _MISSING:
            holds = False
            parts.append(f"{key} is missing")
        elif any(_same(value, a) for a in allowed):
            parts.append(f"{key}={value!r} is one of {list(allowed)}")
        else:
            holds = False
            parts.append(f"{key}={value!r} is not one of {list(allowed)}")
    return holds, "; ".join(parts)


def _group(names: Sequence[str], f: _Facts, listed: bool) -> tuple[bool, str]:
    hits = [name for name in names if name in f.groups]
    if hits:
        return listed, f"actor {f.inp.actor!r} is in group {hits[0]!r}"
    return not listed, f"actor {f.inp.actor!r} is in none of {list(names)}"


def _kinds(kinds: Sequence[str], f: _Facts) -> tuple[bool, str]:
    present = [f"{f.kinds[k]} {k}" for k in kinds if f.kinds[k]]
    if present:
        return True, "plan has " + ", ".join(present) + " action(s)"
    return False, f"plan has no {' or '.join(kinds)} action"


def _targets(patterns: Sequence[str], f: _Facts) -> tuple[bool, str]:
    for action in f.inp.actions:
        for pattern in patterns:
            if fnmatchcase(action.target, pattern):
                return True, f"target {action.target!r} of {action.id!r} matches {pattern!r}"
    return False, f"no target matches any of {list(patterns)}"


def _not(result: tuple[bool, str]) -> tuple[bool, str]:
    return not result[0], result[1]


def _over(what: str, count: int, limit: int) -> tuple[bool, str]:
    return (True, f"{count} {what} > {limit}") if count > limit else (
        False, f"{count} {what} <= {limit}")


def _windows(key: str, windows: Sequence[TimeWindow], f: _Facts, inside: bool) -> tuple[bool, str]:
    for index, window in enumerate(windows):
        if window.contains(f.inp.now):
            return inside, (f"{window.local_time(f.inp.now)} is inside {key}[{index}] "
                            f"({window.describe()})")
    return not inside, f"{f.inp.now.isoformat()} is outside every {key} window"


# Condition name -> check; evaluation and explanations follow this order.
_CONDITIONS: dict[str, Callable[[Match, _Facts], tuple[bool, str]]] = {
    "automation": lambda m, f: _glob("automation", f.inp.automation, m.automation or ()),
    "contract_version": lambda m, f: _glob("contract version", f.inp.contract_version,
                                           m.contract_version or ()),
    "environment": lambda m, f: _environment(m, f, m.environment or (), True),
    "not_environment": lambda m, f: _environment(m, f, m.not_environment or (), False),
    "request": _request,
    "actor": lambda m, f: _glob("actor", f.inp.actor, m.actor or ()),
    "not_actor": lambda m, f: _not(_glob("actor", f.inp.actor, m.not_actor or ())),
    "group": lambda m, f: _group(m.group or (), f, True),
    "not_group": lambda m, f: _group(m.not_group or (), f, False),
    "kinds": lambda m, f: _kinds(m.kinds or (), f),
    "targets": lambda m, f: _targets(m.targets or (), f),
    "max_actions": lambda m, f: _over("actions", len(f.inp.actions), m.max_actions or 0),
    "max_deletes": lambda m, f: _over("deletes", f.kinds["delete"], m.max_deletes or 0),
    "blast_radius_over": lambda m, f: _over("blast radius", f.blast_radius,
                                            m.blast_radius_over or 0),
    "freeze": lambda m, f: _windows("freeze", m.freeze or (), f, True),
    "outside": lambda m, f: _windows("outside", m.outside or (), f, False),
}
CONDITIONS: tuple[str, ...] = tuple(_CONDITIONS)


def _trace(rule: Rule, facts: _Facts) -> RuleTrace:
    conditions = []
    for name, check in _CONDITIONS.items():
        if getattr(rule.match, name) is not None:
            holds, detail = check(rule.match, facts)
            conditions.append(ConditionTrace(name, holds, detail))
    matched = all(c.holds for c in conditions)
    if not conditions:
        conditions.append(ConditionTrace("always", True, "no conditions: the rule always applies"))
    return RuleTrace(rule=rule.name, decision=rule.decision, matched=matched,
                     conditions=tuple(conditions))
