"""A schedule's definition, its checks, and what a scheduler does with the slots it finds due.

:func:`decide` is the whole misfire policy as a pure function of the schedule, the last slot
handled and the time now, so every policy and every DST case is tested with a fake clock:

* a slot at most ``grace`` old is **on time** and fires;
* older slots were **missed** (no scheduler was up, or it was late beyond the grace):
  ``skip`` records them and fires nothing; ``run_once`` fires once for all of them (the latest
  missed slot, unless a slot on time fires now anyway); ``run_all`` fires each, oldest first,
  but never more than ``max_catchup`` (the most recent ones; the older ones are recorded
  skipped).

Concurrency (``allow``/``forbid``/``replace``) is decided when a slot fires, against the
schedule's previous run (:mod:`opsctl.schedule.scheduler`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opsctl.contract.durations import parse_duration
from opsctl.errors import UsageError
from opsctl.schedule.cron import Cron, CronError, Span, parse_cron

if TYPE_CHECKING:
    from opsctl.contract.flags import FlagSpec

CONCURRENCY = ("allow", "forbid", "replace")
MISFIRE = ("skip", "run_once", "run_all")
DEFAULT_GRACE_S = 300.0
DEFAULT_MAX_CATCHUP = 10
_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,99}$")


def is_schedule_name(value: object) -> bool:
    """Whether ``value`` can name a schedule (and so a stored row)."""
    return isinstance(value, str) and _NAME.match(value) is not None
FIELDS = ("name", "automation", "request", "request_file", "cron", "timezone", "concurrency",
          "misfire", "grace", "max_catchup", "paused")


class ScheduleError(UsageError):
    """A schedule that cannot be used (exit 2), naming the schedule and the field."""

    def __init__(self, name: str, field_name: str, message: str) -> None:
        super().__init__(f"schedule {name!r}: {field_name}: {message}", step="validate",
                         fields=[{"field": field_name, "message": message}])
        self.schedule = name
        self.field = field_name


@dataclass(frozen=True)
class Schedule:
    name: str
    automation: str
    cron: Cron
    request: dict[str, Any] = field(default_factory=dict)
    request_file: str | None = None
    concurrency: str = "forbid"
    misfire: str = "run_once"
    grace_s: float = DEFAULT_GRACE_S
    max_catchup: int = DEFAULT_MAX_CATCHUP
    paused: bool = False
    source: str = "config"

    def definition(self) -> dict[str, Any]:
        """What is stored and shown (the request as written: secrets come from the
        environment when it fires)."""
        return {"name": self.name, "automation": self.automation, "cron": self.cron.expression,
                "timezone": self.cron.timezone, "request": self.request,
                "request_file": self.request_file, "concurrency": self.concurrency,
                "misfire": self.misfire, "grace_s": self.grace_s,
                "max_catchup": self.max_catchup, "paused": self.paused, "source": self.source}


def parse_schedule(raw: Mapping[str, Any], *, where: str, base_dir: Path | None = None,
                   source: str = "config") -> Schedule:
    """A schedule from a ``[[schedules]]`` table or `opsctl schedule add`; ScheduleError
    (exit 2) naming the schedule and the field when anything is wrong."""
    name = raw.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise ScheduleError(str(name or where), "name",
                            "lower-case letters, digits, '.', '_' and '-', 1 to 100 characters")
    unknown = sorted(set(raw) - set(FIELDS))
    if unknown:
        raise ScheduleError(name, unknown[0], f"unknown field (known: {', '.join(FIELDS)})")
    automation = raw.get("automation")
    if not isinstance(automation, str) or not automation:
        raise ScheduleError(name, "automation", "the automation to run is required")
    timezone = raw.get("timezone", "UTC")  # given empty, it is refused as any unknown zone
    try:
        cron = parse_cron(raw.get("cron") or "", timezone if isinstance(timezone, str)
                          else repr(timezone))
    except CronError as exc:
        which = "timezone" if "time zone" in str(exc) else "cron"
        raise ScheduleError(name, which, str(exc)) from None
    request = raw.get("request", {})
    if not isinstance(request, dict):
        raise ScheduleError(name, "request", "a table of request fields")
    request_file = raw.get("request_file")
    if request_file is not None:
        if not isinstance(request_file, str) or request:
            raise ScheduleError(name, "request_file",
                                "a path, and then no inline request table")
        if base_dir is not None and not Path(request_file).is_absolute():
            request_file = str(base_dir / request_file)
    choices = {"concurrency": CONCURRENCY, "misfire": MISFIRE}
    values: dict[str, Any] = {}
    for key, default in (("concurrency", "forbid"), ("misfire", "run_once")):
        value = raw.get(key, default)
        if value not in choices[key]:
            raise ScheduleError(name, key, f"{value!r} is not one of {', '.join(choices[key])}")
        values[key] = value
    try:
        grace = parse_duration(raw.get("grace", DEFAULT_GRACE_S)).total_seconds()
    except ValueError as exc:
        raise ScheduleError(name, "grace", str(exc)) from None
    if not 1 <= grace <= 7 * 86400:
        raise ScheduleError(name, "grace", "between 1s and 7d (a fire later than this is a "
                                           "misfire, handled by the misfire policy)")
    catchup = raw.get("max_catchup", DEFAULT_MAX_CATCHUP)
    if isinstance(catchup, bool) or not isinstance(catchup, int) or not 1 <= catchup <= 1000:
        raise ScheduleError(name, "max_catchup", "a whole number from 1 to 1000")
    paused = raw.get("paused", False)
    if not isinstance(paused, bool):
        raise ScheduleError(name, "paused", "true or false")
    return Schedule(name=name, automation=automation, cron=cron, request=dict(request),
                    request_file=request_file, grace_s=grace, max_catchup=catchup,
                    paused=paused, source=source, **values)


def declared_limits(raw: Mapping[str, Any]) -> tuple[float, int]:
    """``grace`` (seconds) and ``max_catchup`` as a table declares them, each its default when
    absent or unusable: what a schedule stored invalid (its cron or time zone does not parse)
    shows meanwhile."""
    try:
        grace = parse_duration(raw.get("grace", DEFAULT_GRACE_S)).total_seconds()
    except (ValueError, TypeError):
        grace = DEFAULT_GRACE_S
    if not 1 <= grace <= 7 * 86400:
        grace = DEFAULT_GRACE_S
    catchup = raw.get("max_catchup", DEFAULT_MAX_CATCHUP)
    if isinstance(catchup, bool) or not isinstance(catchup, int) or not 1 <= catchup <= 1000:
        catchup = DEFAULT_MAX_CATCHUP
    return grace, catchup


def schedule_from_row(row: Mapping[str, Any]) -> Schedule:
    """A stored schedule (checked when it was stored)."""
    return Schedule(name=str(row["name"]), automation=str(row["automation"]),
                    cron=Cron(str(row["cron"]), str(row["timezone"])),
                    request=dict(row.get("request") or {}), request_file=row.get("request_file"),
                    concurrency=str(row["concurrency"]), misfire=str(row["misfire"]),
                    grace_s=float(row["grace_s"]), max_catchup=int(row["max_catchup"]),
                    paused=bool(row["paused"]), source=str(row["source"]))


def request_of(schedule: Schedule, *, limit: int = 10 * 1024 * 1024) -> dict[str, Any]:
    """The request the schedule fires with: its inline table or its request file."""
    if schedule.request_file is None:
        return dict(schedule.request)
    from opsctl.cli.request_input import load_request_file

    try:
        return dict(load_request_file(schedule.request_file, limit=limit))
    except UsageError as exc:
        raise ScheduleError(schedule.name, "request_file", exc.message) from None


def with_env_secrets(session: Any, automation: Any, data: dict[str, Any], *,
                     firing: bool = False) -> dict[str, Any]:
    """Secret fields the schedule does not hold, from ``OPSCTL_SECRET_<FIELD>`` where the run
    is fired (as the command line reads them); they are masked like every secret. ``firing``:
    a required one that is not set is a UsageError naming its variable."""
    from opsctl.engine.request import secrets_from_env

    given = secrets_from_env(session.env, automation, data)
    if firing:
        for spec in _secrets_not_given(automation, given):
            if spec["required"]:
                raise UsageError(f"request.{spec['field']}: the secret is not set where this "
                                 f"scheduler runs: set {spec['envvar']} in its environment",
                                 step="validate")
    return given


def check_target(session: Any, schedule: Schedule) -> dict[str, Any]:
    """The automation exists and the request validates: its request document (ScheduleError
    naming the field otherwise)."""
    from opsctl.engine.request import request_document, versioned_request
    from opsctl.errors import ConfigError, OpsctlError

    try:
        automation = session.catalog.load(schedule.automation)
    except ConfigError:
        raise  # a module that does not import here: this process's configuration is wrong
    except OpsctlError as exc:
        # a process serving the others (the scheduler) sets a module that fails aside: its
        # error, rather than "unknown automation", says why the schedule does not fire
        broken = [item["message"] for item in getattr(session.catalog, "broken", [])
                  if item["automation"] in (schedule.automation, None)]
        raise ScheduleError(schedule.name, "automation",
                            "; ".join([exc.message, *broken])) from None
    stored = request_of(schedule, limit=session.settings.max_input_size)
    data = with_env_secrets(session, automation, stored)
    # A secret this process does not have is given where the runs are fired: checked then.
    # Until then it stands in as a placeholder, and is left out of the document.
    later = _secrets_given_later(automation, data)
    try:
        request = versioned_request(automation, {**data, **later}).request
        document = {key: value for key, value in
                    request_document(session, automation, request).items() if key not in later}
    except UsageError as exc:
        fields = getattr(exc, "fields", None) or []
        where = "request." + str(fields[0]["field"]) if fields and fields[0]["field"] else "request"
        raise ScheduleError(schedule.name, where, exc.message) from None
    from opsctl.contract.plan import SECRET_MARKER

    # the document is keyed by field name; the schedule may give a field by its alias
    names = {alias: name for name, info in automation.request_model.model_fields.items()
             for alias in (info.alias, info.validation_alias) if isinstance(alias, str)}
    for key in stored:  # a secret written into the schedule would be stored in clear text
        field = names.get(key, key)
        value = document.get(field)
        if isinstance(value, dict) and set(value) == {SECRET_MARKER}:
            raise ScheduleError(schedule.name, f"request.{key}",
                                "secret fields are not stored with a schedule; set "
                                f"OPSCTL_SECRET_{field.upper()} where the runs are carried out")
        if session.redactor.redact({key: value}) != {key: value}:
            # the store keeps it masked: each run would be given *** in its place
            raise ScheduleError(schedule.name, f"request.{key}",
                                "holds the value of a configured secret, which the store keeps "
                                "masked, so the runs would be given *** instead; a request "
                                "carries a secret in a Secret field, set where the runs are "
                                "carried out")
    return document


def _secrets_given_later(automation: Any, data: dict[str, Any]) -> dict[str, str]:
    """A placeholder for each Secret field neither the schedule nor this environment gives."""
    return {spec["field"]: "opsctl-secret-given-where-the-run-is-fired"
            for spec in _secrets_not_given(automation, data)}


def _secrets_not_given(automation: Any, data: dict[str, Any]) -> list[FlagSpec]:
    """The flag specs of the request's Secret fields ``data`` does not hold."""
    from opsctl.contract.flags import flag_specs
    from opsctl.engine.request import given_fields

    given = given_fields(automation.request_model, data)
    return [spec for spec in flag_specs(automation.request_model)
            if spec["type"] == "secret" and spec["field"] not in given]


# -- slots ----------------------------------------------------------------------------------

WALK_LIMIT = 10_000
"""About how many slots of one range :func:`decide` walks (a few tens of milliseconds): a
per-second schedule down for a week is decided in a tick, not in seconds of it."""


@dataclass(frozen=True)
class Decision:
    slot: datetime
    fire: bool
    reason: str


@dataclass
class Decisions:
    fires: list[Decision]
    skipped: list[Decision]          # recorded, never fired (misfires not made up for)
    missed: int = 0                  # slots older than the grace, in all
    last_slot: datetime | None = None


def decide(schedule: Schedule, last_slot: datetime, now: datetime) -> Decisions:
    """What to do with the slots in (``last_slot``, ``now``]. Every slot is fired or
    recorded: the newest ones one by one, the older ones of a long outage as one range."""
    now = now.astimezone(UTC)  # a slot's lateness in instants, not the zone's wall clock
    keep = max(schedule.max_catchup + 1, 100)  # listed one by one; older ones as a range
    # Missed (older than the grace) and on time, each listed apart: the on-time slots of a
    # frequent schedule must not push the latest missed ones out of the list.
    cutoff = now - timedelta(seconds=schedule.grace_s) - timedelta(microseconds=1)
    missed_span = schedule.cron.span(last_slot, cutoff, keep=keep, limit=WALK_LIMIT)
    on_time_span = schedule.cron.span(max(last_slot, cutoff), now, keep=keep,
                                      limit=WALK_LIMIT)
    missed, on_time = missed_span.listed, on_time_span.listed
    slots = missed + on_time
    out = Decisions(fires=[], skipped=[], last_slot=slots[-1] if slots else None)
    if not slots:
        return out
    out.missed = missed_span.total
    count = f"{missed_span.total}" if missed_span.exact else f"more than {missed_span.total}"
    first = f"{count} slot(s) missed (older than the grace of {schedule.grace_s:g}s)"
    before: list[Decision] = []  # the oldest missed slots, never fired: one record of them
    if missed_span.last is not None:
        before.append(Decision(missed_span.last, False, (
            f"misfire: {first}; {_range(missed_span)}, recorded here at once (the newest "
            f"{len(missed)} one by one)")))
    after: list[Decision] = []   # more slots on time than fire at once: the oldest recorded
    if on_time_span.last is not None:
        after.append(Decision(on_time_span.last, False, (
            f"not fired: {_range(on_time_span)}, recorded here at once: within the grace of "
            f"{schedule.grace_s:g}s, but more than the {len(on_time)} fired at once (the "
            "newest)")))
    for slot in on_time:
        late = (now - slot).total_seconds()
        out.fires.append(Decision(slot, True, "on time" if late < 1 else
                                  f"late by {late:.0f}s, within the grace of "
                                  f"{schedule.grace_s:g}s"))
    skipped: list[Decision] = []
    if not missed:
        pass
    elif schedule.misfire == "skip":
        skipped = [Decision(s, False, f"misfire: {first}; misfire = skip") for s in missed]
    elif schedule.misfire == "run_once":
        if on_time:
            skipped = [Decision(s, False, f"misfire: {first}; misfire = run_once: the run "
                                "on time covers them") for s in missed]
        else:
            skipped = [Decision(s, False, f"misfire: {first}; misfire = run_once: one run "
                                f"for the latest ({missed[-1].isoformat()})")
                       for s in missed[:-1]]
            out.fires.insert(0, Decision(missed[-1], True, f"misfire: {first}; misfire = "
                                         "run_once: this run makes up for them"))
    else:
        fired = missed[-schedule.max_catchup:]
        dropped = missed[:-schedule.max_catchup] if len(missed) > schedule.max_catchup else []
        skipped = [Decision(s, False, f"misfire: {first}; misfire = run_all beyond "
                            f"max_catchup = {schedule.max_catchup}") for s in dropped]
        out.fires[:0] = [Decision(s, True, f"misfire: caught up ({first}; misfire = run_all)")
                         for s in fired]
    out.skipped = [*before, *skipped, *after]
    return out


def _range(span: Span) -> str:
    """The slots of ``span`` not listed one by one: how many, from which to which."""
    assert span.first is not None and span.last is not None
    count = f"{span.unlisted}" if span.exact else f"more than {span.unlisted}"
    return f"{count} slot(s) from {span.first.isoformat()} to {span.last.isoformat()}"
