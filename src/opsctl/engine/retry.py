"""Bounded retries of one action: which failures, how often, how long to wait.

Decisions (DESIGN.md, "Retries": only transient errors, bounded in attempts and time, exponential
backoff with jitter):

* **What is transient.** An opsctl error whose class says ``retryable`` (TransientError,
  DependencyError, DependencyTimeoutError), or a foreign exception that ``classify_exception``
  maps to one (connection refused, socket timeout, AWS throttling). ConflictError is retryable
  for the *caller* (exit 7, "retry later") but is never retried inside an action: a lock held by
  another run does not go away in seconds; nor is InterruptedRunError (exit 130, "resume"). Validation, auth, policy and bugs are never retried.
* **How long to wait.** Full jitter: ``uniform(0, min(cap, base * 2**(n-1)))`` after failed
  attempt ``n``, so concurrent runs do not retry in lockstep. A ``retry_after`` attribute on the
  error (set by ``HTTPResponse.raise_for_status`` from ``Retry-After``: seconds or an HTTP date)
  is a floor for that wait, clamped to ``cap`` so a remote cannot park a run for an hour.
* **When to stop.** After ``attempts`` tries, or when the next wait would end past ``deadline``
  seconds (trying time included) since the first try. We stop *before* such a wait rather than
  sleep into the deadline and fail anyway.
* **What is raised.** A non-transient error propagates at once and unchanged. On exhaustion the
  last error is raised as an opsctl error of its own class (so exit code 4 and ``error_type``
  stay right: ``dependency_timeout`` stays a timeout), its message ending in ``(gave up after N
  attempts)``, naming the deadline when it came first. Foreign exceptions are converted with
  ``classify_exception`` and chained. Raised opsctl errors carry an ``attempts`` attribute.
* **Testability.** ``sleep``, ``clock`` and ``rng`` are injected; every wait is computed once
  per attempt and shared by the wait and the deadline check, so a fake sleep that advances a
  fake clock makes every decision deterministic. The loop itself is ``tenacity.Retrying``.
* ``timeout`` is the per-attempt timeout the engine passes to remotes; it is recorded here so
  one ``[retry]`` table configures both, and is not enforced by this module.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from opsctl.contract.durations import parse_duration
from opsctl.engine.classify import classify_exception, exception_text
from opsctl.errors import ConflictError, DependencyError, InterruptedRunError, OpsctlError

if TYPE_CHECKING:
    import tenacity

T = TypeVar("T")

_DURATION_KEYS = ("base", "cap", "deadline", "timeout")
_MAX_EXPONENT = 62  # 2**62 * any sane base is far above any cap; avoids float overflow


@dataclass(frozen=True)
class RetryPolicy:
    """How one action is retried. Durations are seconds."""

    attempts: int = 3  # total tries, including the first
    base: float = 0.5  # upper bound of the first wait
    cap: float = 30.0  # upper bound of any single wait (Retry-After included)
    deadline: float = 120.0  # budget of trying plus waiting for one action
    timeout: float = 300.0  # per-attempt timeout, for the engine to apply

    def __post_init__(self) -> None:
        if isinstance(self.attempts, bool) or not isinstance(self.attempts, int) \
                or self.attempts < 1:
            raise ValueError(f"retry.attempts must be an integer >= 1, not {self.attempts!r}")
        for name in _DURATION_KEYS:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) \
                    or not math.isfinite(value) or value < 0 or (name == "timeout" and value == 0):
                limit = "> 0" if name == "timeout" else ">= 0"
                raise ValueError(f"retry.{name} must be a finite number of seconds {limit}, "
                                 f"not {value!r}")

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any], base: RetryPolicy | None = None) -> RetryPolicy:
        """``base`` (or the defaults) overridden by a ``[retry]`` config table.

        Durations may be numbers of seconds or strings like ``"500ms"``, ``"30s"``, ``"2m"``.
        Unknown keys and bad values raise ValueError naming the key.
        """
        known = [f.name for f in fields(cls)]
        changes: dict[str, Any] = {}
        for key, value in raw.items():
            if key not in known:
                raise ValueError(f"unknown retry setting {key!r}: expected one of "
                                 f"{', '.join(known)}")
            if key == "attempts":
                if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
                    value = int(value.strip())
                if isinstance(value, bool) or not isinstance(value, int):
                    raise ValueError(f"retry.attempts must be an integer >= 1, not {value!r}")
                changes[key] = value
                continue
            if isinstance(value, bool) or not isinstance(value, str | int | float | timedelta):
                raise ValueError(f"retry.{key} must be a duration like 500ms, 30s or 2m, "
                                 f"not {value!r}")
            try:
                changes[key] = parse_duration(value).total_seconds()
            except (ValueError, OverflowError) as exc:
                raise ValueError(f"retry.{key}: {exc}") from None
        return replace(base or cls(), **changes)


@dataclass(frozen=True)
class RetryEvent:
    """One failed attempt that will be retried after ``wait`` seconds."""

    attempt: int  # the number of the attempt that failed, from 1
    wait: float  # seconds slept before the next attempt
    error_type: str  # the exception's class name, e.g. "TransientError"
    message: str


def is_transient(exc: BaseException) -> bool:
    """True if retrying the same call soon may succeed."""
    if isinstance(exc, OpsctlError):  # conflict and interrupted: retryable by the caller, later
        return exc.retryable and not isinstance(exc, ConflictError | InterruptedRunError)
    classified = classify_exception(exc, "")
    return classified is not None and is_transient(classified)


def retry_after_seconds(exc: BaseException, *, cap: float = RetryPolicy.cap,
                        now: datetime | None = None) -> float | None:
    """The ``retry_after`` of an error in seconds (clamped to ``[0, cap]``), None if absent/invalid.

    Accepts seconds (int, float or numeric string) or an HTTP date (``Wed, 21 Oct 2015 07:28:00
    GMT``), measured from ``now`` (default: the current UTC time); a date in the past is 0.
    """
    raw: Any = getattr(exc, "retry_after", None)
    if raw is None or isinstance(raw, bool):
        return None
    seconds: float
    if isinstance(raw, int | float):
        seconds = float(raw)
    elif isinstance(raw, str):
        try:
            seconds = float(raw.strip())
        except ValueError:
            # An HTTP date: rare, and the email package is slow to import.
            from email.utils import parsedate_to_datetime

            try:
                when = parsedate_to_datetime(raw)
            except (TypeError, ValueError, IndexError):
                return None
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            seconds = max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
    else:
        return None
    if not math.isfinite(seconds) or seconds < 0:
        return None
    return min(seconds, cap)


class _Schedule:
    """The waits of one call, each drawn once so the deadline check and the sleep agree."""

    def __init__(self, policy: RetryPolicy, clock: Callable[[], float],
                 rng: random.Random | None, start: float | None = None) -> None:
        self.policy = policy
        self.clock = clock
        self._rng = rng
        self.start = clock() if start is None else start
        self.attempts = 0
        self.past_deadline = False  # the deadline, not the attempts, ended the retries
        self._waits: dict[int, float] = {}

    def wait_after(self, state: tenacity.RetryCallState) -> float:
        n = state.attempt_number
        if n not in self._waits:
            upper = min(self.policy.cap, self.policy.base * 2.0 ** min(n - 1, _MAX_EXPONENT))
            if self._rng is None:  # seeded from the OS only when a wait is needed
                self._rng = random.Random()
            wait = self._rng.uniform(0.0, upper)
            exc = state.outcome.exception() if state.outcome is not None else None
            floor = None if exc is None else retry_after_seconds(exc, cap=self.policy.cap)
            self._waits[n] = max(wait, floor or 0.0)
        return self._waits[n]


class _StopAtDeadline:  # tenacity's stop: out of attempts, or the next wait passes the deadline
    def __init__(self, schedule: _Schedule) -> None:
        self.schedule = schedule

    def __call__(self, retry_state: tenacity.RetryCallState) -> bool:
        if retry_state.attempt_number >= self.schedule.policy.attempts:
            return True
        elapsed = self.schedule.clock() - self.schedule.start
        wait = self.schedule.wait_after(retry_state)
        self.schedule.past_deadline = elapsed >= self.schedule.policy.deadline \
            or elapsed + wait > self.schedule.policy.deadline
        return self.schedule.past_deadline


class _FullJitter:  # a tenacity wait strategy (any callable of the retry state)
    def __init__(self, schedule: _Schedule) -> None:
        self.schedule = schedule

    def __call__(self, retry_state: tenacity.RetryCallState) -> float:
        return self.schedule.wait_after(retry_state)


def call_with_retries(fn: Callable[[], T], policy: RetryPolicy, *, what: str,
                      sleep: Callable[[float], None] = time.sleep,
                      clock: Callable[[], float] = time.monotonic,
                      on_retry: Callable[[RetryEvent], None] | None = None,
                      rng: random.Random | None = None,
                      first_failure: BaseException | None = None,
                      started: float | None = None) -> tuple[T, int]:
    """Call ``fn`` until it succeeds, fails non-transiently, or the policy is exhausted.

    Returns ``(result, attempts)``. ``what`` describes the call for converted foreign errors.
    ``first_failure``: the caller made the first attempt itself (begun at ``started`` on
    ``clock``) and it raised this; the policy goes on from there.
    """
    # The first attempt runs outside tenacity: most calls succeed at once, and building the
    # retry machinery (the schedule included) costs more than a no-op action. A transient
    # first failure is replayed into tenacity as its attempt 1, so waits, deadline (from the
    # first attempt's start) and attempt numbers are unchanged.
    start = clock() if started is None else started
    if first_failure is None:
        try:
            return fn(), 1
        except BaseException as exc:
            first_failure = exc
    if policy.attempts <= 1 or not is_transient(first_failure):
        _give_up(first_failure, 1, what)
    replay: list[BaseException] = [first_failure]
    schedule = _Schedule(policy, clock, rng, start=start)
    schedule.attempts = 1

    def attempt() -> T:
        if replay:
            raise replay.pop()
        schedule.attempts += 1
        return fn()

    def before_sleep(state: tenacity.RetryCallState) -> None:
        if on_retry is None or state.outcome is None:
            return
        exc = state.outcome.exception()
        assert exc is not None  # tenacity retries only a call that raised
        on_retry(RetryEvent(attempt=state.attempt_number, wait=schedule.wait_after(state),
                            error_type=type(exc).__name__, message=exception_text(exc)))

    import tenacity  # only once a first attempt failed transiently: plans never import it

    wait_failures: list[BaseException] = []

    def wait(seconds: float) -> None:
        try:
            sleep(seconds)
        except BaseException as exc:  # the wait's own (the run's store lost), not the call's
            wait_failures.append(exc)
            raise

    retrying = tenacity.Retrying(
        stop=_StopAtDeadline(schedule),
        wait=_FullJitter(schedule),
        retry=tenacity.retry_if_exception(is_transient),
        sleep=wait,
        before_sleep=before_sleep,
        reraise=True,
    )
    try:
        return retrying(attempt), schedule.attempts
    except BaseException as exc:
        if exc in wait_failures:  # raised as it is: the call did not give up
            if isinstance(exc, OpsctlError):
                exc.attempts = schedule.attempts  # type: ignore[attr-defined]
            raise
        # stopped short of its attempts by the deadline: say so, or "gave up after 1 attempt"
        # of a policy of 5 (a Retry-After past the deadline) reads as a misconfiguration
        _give_up(exc, schedule.attempts, what,
                 f": another would end past the {policy.deadline:g}s deadline"
                 if schedule.past_deadline else "")


def _give_up(exc: BaseException, attempts: int, what: str, why: str = "") -> NoReturn:
    """Raise the final error of a call: as it is, or as an opsctl error naming the attempts
    (and ``why`` it stopped before the policy's last one)."""
    if not is_transient(exc):  # refused by the retry predicate: raise it as it is
        if isinstance(exc, OpsctlError):
            exc.attempts = attempts  # type: ignore[attr-defined]
        raise exc
    error = exc if isinstance(exc, OpsctlError) else classify_exception(exc, what)
    if error is None:  # unreachable: is_transient() classified it
        error = DependencyError(f"{what}: {exc}")
    suffix = f" (gave up after {attempts} attempt{'' if attempts == 1 else 's'}{why})"
    if not error.message.endswith(suffix):
        error.message += suffix
        error.args = (error.message,)
    error.attempts = attempts  # type: ignore[attr-defined]
    if error is exc:
        raise exc
    raise error from exc
