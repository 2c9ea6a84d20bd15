"""The test kit's fake clock: time that moves only when a test, or a retry's sleep, moves it.

The harness opens every session on it and makes it the engine's sleep, so tests of retries,
leases or expiry never really wait; the ``opsctl_clock`` fixture is one of these.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from opsctl.contract.durations import parse_duration

DEFAULT_START = datetime(2030, 1, 1, tzinfo=UTC)


class FakeClock:
    """A clock that moves only when told to: ``advance("1h")``, ``set(...)``, or a retry's sleep.

    Pass it as the session clock (the harness does); ``sleep`` advances it instead of waiting,
    and records every wait in ``sleeps``.
    """

    def __init__(self, start: datetime | str | None = None) -> None:
        self._now = _aware(start) if start is not None else DEFAULT_START
        self._lock = threading.Lock()  # concurrent applies read it from worker threads
        self.sleeps: list[float] = []

    def __call__(self) -> datetime:
        with self._lock:
            return self._now

    def __repr__(self) -> str:
        return f"FakeClock({self().isoformat()!r})"

    def now(self) -> datetime:
        return self()

    def set(self, moment: datetime | str) -> None:
        with self._lock:
            self._now = _aware(moment)

    def advance(self, by: float | str | timedelta) -> datetime:
        """Move forward by seconds, a duration (``"1h30m"``, ``"7d"``) or a timedelta; back in
        time only with ``set()``."""
        step = parse_duration(by)
        if step < timedelta(0):
            raise ValueError(f"the fake clock moves forward: advance({by!r}) is negative "
                             "(set() moves it to any time)")
        with self._lock:
            self._now += step
            return self._now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.advance(max(0.0, seconds))


def _aware(moment: datetime | str) -> datetime:
    value = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    if not isinstance(value, datetime):
        raise TypeError(f"the fake clock is set to a datetime or an ISO 8601 text, not {moment!r}")
    if value.tzinfo is None:
        raise ValueError(f"the fake clock needs a timezone-aware time, got {moment!r} "
                         "(add +00:00 or Z)")
    return value.astimezone(UTC)
