"""The policy document: the pydantic models of a policy (:class:`Policy`, :class:`Rule`,
:class:`Match`, :class:`TimeWindow`) and the field types that validate it.

Validation happens here, once, at load: an unknown condition, a wrong type, an empty list, a bad
name, time zone or time of day is a pydantic error that
:mod:`opsctl.governance.policy_file` turns into a ConfigError naming the source, the rule and
the field. A :class:`TimeWindow` loads its time zone when it is built, so that evaluating it
reads no files. :meth:`Policy.evaluate` hands over to
:func:`opsctl.governance.policy_evaluation.decide`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo

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
from opsctl.governance.policy_terms import DEFAULT_RULE, Decision, Effect

RequestScalar = str | int | float | bool | None

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:@/+-]{0,127}$")
_CLOCK = re.compile(r"^(\d{2}):(\d{2})$")  # HH:MM, as documented ("9:00" is refused)
GROUP_PREFIX = "group:"


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


def _version(value: object) -> object:
    """The schema version, the integer 1: ``true`` and ``1.0`` equal 1 in Python, but are not
    what the file means to say."""
    if type(value) is not int:
        raise ValueError(f"Input should be 1 (got {value!r})")
    return value


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _day(value: object) -> object:
    """A date as ``YYYY-MM-DD`` (or a TOML date): the day of the window's own time zone. An
    instant (a datetime, a timestamp) names no such day, and is refused."""
    if isinstance(value, datetime) or not isinstance(value, str | date) or (
            isinstance(value, str) and not _DAY.match(value)):
        shown = repr(value.isoformat()) if isinstance(value, datetime) else repr(value)
        raise ValueError(f"invalid date {shown}: use YYYY-MM-DD (a day in the window's "
                         "time zone, not a time or a timestamp)")
    return value


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
        if isinstance(item, float) and not math.isfinite(item):  # YAML .nan, .inf
            raise ValueError(f"{item} is not a number a request holds (numbers must be finite)")
        items.append(item)
    if not items:
        raise ValueError("must not be an empty list")
    return tuple(items)


def _field_path(value: str) -> str:
    """A dotted path of request fields: ``account.tier``; an empty part names no field."""
    if "" in _not_blank(value).split("."):
        raise ValueError(f"{value!r} is not a dotted field path (an empty part names no "
                         "field): write it as the request schema names it, e.g. account.tier")
    return value


Text = Annotated[StrictStr, AfterValidator(_not_blank)]
FieldPath = Annotated[StrictStr, AfterValidator(_field_path)]
Name = Annotated[StrictStr, AfterValidator(_name)]
Globs = Annotated[tuple[Text, ...], BeforeValidator(_one_or_more)]
Names = Annotated[tuple[Name, ...], BeforeValidator(_one_or_more)]
Count = Annotated[StrictInt, Ge(0)]
Weekday = Annotated[StrictStr, BeforeValidator(_weekday)]
StartTime = Annotated[StrictStr, BeforeValidator(_start_time)]
Day = Annotated[date, BeforeValidator(_day)]
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
    from_: Day | None = Field(default=None, alias="from")
    until: Day | None = None
    _zone: ZoneInfo = PrivateAttr()

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from opsctl.schedule.cron import CronError, zone

        try:  # as for schedules: not the host's own `localtime`, which differs between hosts
            zone(value)
        except CronError:
            raise ValueError(f"unknown time zone {value!r}: use an IANA name such as "
                             "Europe/Berlin or UTC") from None
        return value

    @model_validator(mode="after")
    def _consistent(self) -> TimeWindow:
        if (self.start or "00:00") == self.end:  # `end: "00:00"` alone: start's default
            raise ValueError(f"start and end are both {self.end}: omit both for whole days")
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
    environment_field: FieldPath = "environment"
    request: dict[FieldPath, RequestValues] | None = None
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

    @field_validator("request")
    @classmethod
    def _some_field(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        if value is not None and not value:  # as an empty list: it would hold for every run
            raise ValueError("must name at least one field")
        return value


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

    version: Annotated[Literal[1], BeforeValidator(_version)]
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
