"""Durations people type: ``30d``, ``15m``, ``1h30m``, ``90s``, ``2w``, or plain seconds.

Kept free of pydantic so that flag parsing and config loading stay cheap.
"""

from __future__ import annotations

import re
from datetime import timedelta

_UNITS = {"w": 604800, "d": 86400, "h": 3600, "m": 60, "s": 1, "ms": 0.001}
_PART = re.compile(r"(\d+(?:\.\d+)?)(ms|w|d|h|m|s)")


def parse_duration(text: str | int | float | timedelta) -> timedelta:
    """Parse ``30d``/``1h30m``/``45s``/``2.5h`` or a number of seconds; raise ValueError otherwise."""
    if isinstance(text, timedelta):
        return text
    if isinstance(text, bool):
        raise ValueError("a duration must be like 30d, 15m, 1h30m or a number of seconds")
    if isinstance(text, int | float):
        if text < 0:
            raise ValueError("a duration must not be negative")
        return timedelta(seconds=text)
    raw = text.strip().lower()
    if not raw:
        raise ValueError("a duration must not be empty")
    try:
        seconds = float(raw)
    except ValueError:
        pass
    else:
        if seconds < 0:
            raise ValueError("a duration must not be negative")
        return timedelta(seconds=seconds)
    pos = 0
    total = 0.0
    for match in _PART.finditer(raw):
        if match.start() != pos:
            break
        total += float(match.group(1)) * _UNITS[match.group(2)]
        pos = match.end()
    if pos != len(raw) or pos == 0:
        raise ValueError(f"invalid duration {text!r}: use forms like 30d, 15m, 1h30m, 90s")
    return timedelta(seconds=total)


def format_duration(value: timedelta) -> str:
    """The shortest ``1d2h3m4s`` form; ``0s`` for zero."""
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
