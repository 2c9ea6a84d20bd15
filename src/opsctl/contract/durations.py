"""Durations people type: ``30d``, ``15m``, ``1h30m``, ``90s``, ``2w``, or plain seconds.

Kept free of pydantic so that flag parsing and config loading stay cheap. Every refusal is a
``ValueError`` (never an ``OverflowError``), so callers report it as invalid input.
"""

from __future__ import annotations

import math
import re
from datetime import timedelta

_UNITS = {"w": 604800, "d": 86400, "h": 3600, "m": 60, "s": 1, "ms": 0.001}
_PART = re.compile(r"(\d+(?:\.\d+)?)(ms|w|d|h|m|s)")
_SECONDS = re.compile(r"\d+(?:\.\d+)?(?:e[+-]?\d+)?")
# The longest duration a timedelta holds (just under 1e9 days), less a margin for rounding.
MAX_SECONDS = timedelta.max.total_seconds() - 1.0
_FORMS = "use forms like 30d, 15m, 1h30m, 90s or a number of seconds"


def parse_duration(text: str | int | float | timedelta) -> timedelta:
    """Parse ``30d``/``1h30m``/``45s``/``2.5h`` or a number of seconds; raise ValueError otherwise."""
    if isinstance(text, timedelta):
        return text
    if isinstance(text, bool) or not isinstance(text, int | float | str):
        raise ValueError("a duration must be like 30d, 15m, 1h30m or a number of seconds")
    if isinstance(text, int | float):
        return _seconds(text, text)
    raw = text.strip().lower()
    if not raw:
        raise ValueError("a duration must not be empty")
    if raw.startswith("-"):
        raise ValueError(f"invalid duration {_shown(text)}: a duration must not be negative")
    if _SECONDS.fullmatch(raw):
        return _seconds(float(raw), text)
    pos = 0
    total = 0.0
    for match in _PART.finditer(raw):
        if match.start() != pos:
            break
        total += float(match.group(1)) * _UNITS[match.group(2)]
        pos = match.end()
    if pos != len(raw) or pos == 0:
        raise ValueError(f"invalid duration {_shown(text)}: {_FORMS}")
    return _seconds(total, text)


def _seconds(seconds: int | float, given: object) -> timedelta:
    try:
        value = float(seconds)
    except OverflowError:  # an int too large for a float
        value = math.inf
    if math.isnan(value):
        raise ValueError(f"invalid duration {_shown(given)}: {_FORMS}")
    if value < 0:
        raise ValueError(f"invalid duration {_shown(given)}: a duration must not be negative")
    if value > MAX_SECONDS:
        raise ValueError(f"duration {_shown(given)} is too long (at most 999999999 days)")
    return timedelta(seconds=value)


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def format_duration(value: timedelta) -> str:
    """The canonical ``1d2h3m4s500ms`` form (each unit only when not zero); ``0s`` for zero."""
    total_ms = round(value.total_seconds() * 1000)
    if total_ms < 0:
        raise ValueError("a duration must not be negative")
    seconds, ms = divmod(total_ms, 1000)
    out = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        count, seconds = divmod(seconds, size)
        if count:
            out.append(f"{count}{unit}")
    if ms:
        out.append(f"{ms}ms")
    return "".join(out) or "0s"


class WrittenDuration(timedelta):
    """A timedelta that prints in duration notation: ``str()`` of ``30d`` is ``30d``, not
    ``30 days, 0:00:00``, so an f-string in a plan's reason reads like the request. The text is
    the canonical form (``90m`` prints ``1h30m``), the one a saved plan or a replayed request
    holds, so planning it again gives the same reasons.

    Arithmetic gives plain timedeltas; equality and hashing are the timedelta's.
    """

    written: str

    def __new__(cls, value: timedelta, written: str) -> WrittenDuration:
        self = super().__new__(cls, days=value.days, seconds=value.seconds,
                               microseconds=value.microseconds)
        self.written = written
        return self

    def __reduce__(self) -> tuple[type[WrittenDuration], tuple[timedelta, str]]:
        return (WrittenDuration, (timedelta(self.days, self.seconds, self.microseconds),
                                  self.written))

    def __str__(self) -> str:
        return self.written

    def __repr__(self) -> str:
        return f"WrittenDuration({self.written!r})"


def written_duration(value: str | int | float | timedelta) -> WrittenDuration:
    """Parse like :func:`parse_duration`, keeping the canonical ``1d2h`` text for ``str()``."""
    if isinstance(value, WrittenDuration):
        return value
    # to the millisecond, the finest unit of the notation: the value is what its text says,
    # so the request stored as text plans the same as the one first given (0.0001 is 0s)
    parsed = timedelta(milliseconds=round(parse_duration(value).total_seconds() * 1000))
    return WrittenDuration(parsed, format_duration(parsed))
