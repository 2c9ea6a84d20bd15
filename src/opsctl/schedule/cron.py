"""Cron expressions in a time zone, behind one small interface over cronsim.

cronsim (not croniter): it has no dependencies, and it handles daylight-saving transitions the
way Debian's cron does, which is what an operator expects and what `opsctl schedule next`
shows: a job at a fixed local time that falls in the hour skipped in spring runs at the
transition (02:30 -> 03:00), one at a fixed time in the hour repeated in autumn runs once
(the first 02:30), and jobs that run every N minutes or hours run in both halves of the
repeated hour. croniter fires the repeated fixed time twice.

Five fields (minute hour day month weekday), or six with seconds first (``*/10 * * * * *``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any


class CronError(ValueError):
    """An expression or time zone that cannot be used; the message says why."""


# Files in the zone database that are not zones: the host's own local time (which differs
# between the hosts of schedulers sharing a store) and the database's internals.
_NOT_ZONES = frozenset({"localtime", "posixrules", "Factory", "leapseconds", "tzdata.zi",
                        "zone.tab", "zone1970.tab", "iso3166.tab", "leap-seconds.list"})
# Trees of the host's zone database that copy every zone: `right/` counts leap seconds, which
# zoneinfo does not read (right/Europe/Berlin is CEST in December), and `posix/` is a duplicate
# that other hosts' databases and the tzdata package do not have.
_NOT_ZONE_TREES = ("right/", "posix/")


def zone(name: str) -> Any:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not isinstance(name, str) or not name or name.startswith(("/", ".", *_NOT_ZONE_TREES)) \
            or ".." in name or name in _NOT_ZONES:
        raise CronError(f"unknown time zone {name!r} (use an IANA name such as UTC, "
                        "Europe/Berlin or America/New_York)")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise CronError(f"unknown time zone {name!r} (use an IANA name such as UTC, "
                        "Europe/Berlin or America/New_York)") from None


@dataclass(frozen=True)
class Cron:
    expression: str
    timezone: str

    def _iter(self, after: datetime) -> Iterator[datetime]:
        from cronsim import CronSim

        tz = zone(self.timezone)
        for slot in CronSim(self.expression, after.astimezone(tz)):
            yield slot.astimezone(tz)  # the zone's own name (CET/CEST), not a fixed offset

    def next_after(self, moment: datetime) -> datetime:
        """The first slot strictly after ``moment``, in the schedule's zone."""
        moment = _utc(moment)
        for slot in self._iter(moment):
            if slot > moment:
                return slot
        raise CronError(f"cron {self.expression!r} has no next slot")  # pragma: no cover

    def upcoming(self, moment: datetime, count: int) -> list[datetime]:
        moment = _utc(moment)
        out: list[datetime] = []
        for slot in self._iter(moment):
            if slot > moment:
                out.append(slot)
                if len(out) >= count:
                    break
        return out

    def between(self, after: datetime, until: datetime, *, keep: int) -> tuple[list[datetime], int]:
        """Slots in (``after``, ``until``]: the last ``keep`` of them, and how many there were
        in all (a scheduler that was down a week does not list every minute of it)."""
        from collections import deque

        after, until = _utc(after), _utc(until)
        kept: deque[datetime] = deque(maxlen=max(1, keep))
        total = 0
        for slot in self._iter(after):
            if slot <= after:
                continue
            if slot > until:
                break
            kept.append(slot)
            total += 1
        return list(kept), total


    def span(self, after: datetime, until: datetime, *, keep: int, limit: int) -> Span:
        """Slots in (``after``, ``until``]: the newest ``keep`` listed, the older ones as a
        range and a count. At most about ``limit`` slots are walked (a per-second schedule
        down for a week has 604,800): past that, the newest ones are found in a window
        before ``until`` and the count is of the slots seen, a lower bound."""
        from collections import deque

        after, until = _utc(after), _utc(until)
        keep = max(1, keep)
        kept: deque[datetime] = deque(maxlen=keep + 1)
        total, first, exact = 0, None, True
        for slot in self._iter(after):
            if slot <= after:
                continue
            if slot > until:
                break
            first = first or slot
            kept.append(slot)
            total += 1
            if total >= limit:
                exact = False
                break
        if not exact:  # the newest: walked in a window before `until`, widened until it holds them
            walked = kept[-1]
            width = (walked - after) / total * (keep + 1) * 2
            while True:
                start = max(walked, until - width)
                window: deque[datetime] = deque(maxlen=keep + 1)
                seen = 0
                for slot in self._iter(start):
                    if slot <= start:
                        continue
                    if slot > until:
                        break
                    window.append(slot)
                    seen += 1
                if seen > keep or start == walked:
                    break
                width *= 2
            total += seen
            exact = start == walked  # the window met the slots walked: none went unseen
            kept.extend(window)
        listed = list(kept)[-keep:]
        older = kept[0] if total > keep else None
        return Span(listed, total, exact, first if older else None, older)


@dataclass(frozen=True)
class Span:
    """Slots of a time range: the newest listed one by one, the older ones as a range."""

    listed: list[datetime]
    total: int              # slots in all; a lower bound unless ``exact``
    exact: bool
    first: datetime | None  # the oldest slot not listed (None: every slot is)
    last: datetime | None   # the newest slot not listed

    @property
    def unlisted(self) -> int:
        return self.total - len(self.listed)


# crontab's shorthands, which cronsim does not read: named with the fields they stand for.
_ALIASES = {"@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *",
            "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *",
            "@hourly": "0 * * * *", "@reboot": ""}


def _utc(moment: datetime) -> datetime:
    # Two times in the same zone compare by their wall clocks, fold ignored: the second 02:30
    # of a night that falls back would count as before the first one's 02:45. In UTC they
    # compare as instants.
    return moment.astimezone(UTC)


def parse_cron(expression: str, timezone: str = "UTC") -> Cron:
    """Check ``expression`` and ``timezone``; CronError naming what is wrong."""
    from cronsim import CronSim, CronSimError

    if not isinstance(expression, str):
        raise CronError(f"a cron expression is text in quotes (\"0 3 * * *\"), not "
                        f"{expression!r}")
    if not expression.strip():
        raise CronError("cron expression is empty")
    expression = " ".join(expression.split())
    if expression.lower() in _ALIASES:
        written = _ALIASES[expression.lower()]
        raise CronError(f"cron expression {expression!r}: write the fields it stands for"
                        + (f" ({written!r})" if written else ", @reboot has no time")
                        + "; use 5 (minute hour day month weekday) or 6 (seconds first)")
    if len(expression.split(" ")) not in (5, 6):
        raise CronError(f"cron expression {expression!r} has {len(expression.split(' '))} "
                        "fields: use 5 (minute hour day month weekday) or 6 (seconds first)")
    tz = zone(timezone)
    try:
        CronSim(expression, datetime.now(tz))
    except CronSimError as exc:
        raise CronError(f"cron expression {expression!r}: {_why(expression, exc)}") from None
    return Cron(expression, timezone)


def _why(expression: str, error: Exception) -> str:
    """cronsim's message, or for a day no month of the expression has (``0 0 30 2 *``), which
    it also calls "Bad day-of-month", that it would never fire."""
    from cronsim import CronSim, CronSimError

    fields = expression.split(" ")
    if str(error) != "Bad day-of-month":
        return str(error)
    try:  # the same days in every month: if that is valid, the months were too short
        CronSim(" ".join([*fields[:-2], "*", fields[-1]]), datetime.now(UTC))
    except CronSimError:
        return str(error)
    return (f"day-of-month {fields[-3]!r} falls in none of the months {fields[-2]!r}: it "
            "would never fire")
