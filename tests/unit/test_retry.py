"""Retry decisions of one action, with a fake clock that only the fake sleep advances."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsctl.engine.retry import (
    RetryEvent,
    RetryPolicy,
    call_with_retries,
    is_transient,
    retry_after_seconds,
)
from opsctl.errors import (
    AuthError,
    AutomationBugError,
    ConflictError,
    DependencyError,
    DependencyTimeoutError,
    InterruptedRunError,
    MutationDuringPlanError,
    OpsctlError,
    PlanRejectedError,
    TransientError,
    UsageError,
)

NOW = datetime(2025, 1, 1, 12, 0, 0, tzinfo=UTC)


class FakeTime:
    """``clock`` and ``sleep`` for call_with_retries: sleeping advances the clock, nothing waits."""

    def __init__(self) -> None:
        self.now = 0.0
        self.waits: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds


class TopRandom(random.Random):
    """Always draws the upper bound, so waits equal their bound."""

    def uniform(self, a: float, b: float) -> float:
        return b


def failing(*outcomes: BaseException | str, took: float = 0.0,
            fake: FakeTime | None = None) -> tuple[Callable[[], str], list[int]]:
    """A call raising each outcome in turn (a string is returned instead); counts its calls."""
    pending: Iterator[BaseException | str] = iter(outcomes)
    calls = [0]

    def call() -> str:
        calls[0] += 1
        if fake is not None:
            fake.now += took
        outcome = next(pending)
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    return call, calls


def run(fn: Callable[[], str], policy: RetryPolicy, fake: FakeTime, seed: int = 7,
        rng: random.Random | None = None, **kwargs: Any) -> tuple[str, int]:
    return call_with_retries(fn, policy, what="calling the remote", sleep=fake.sleep,
                             clock=fake.clock, rng=rng or random.Random(seed), **kwargs)


def with_retry_after(error: OpsctlError, value: object) -> OpsctlError:
    error.retry_after = value  # type: ignore[attr-defined]
    return error


# -- what is transient -------------------------------------------------------------------------

@pytest.mark.parametrize(("exc", "expected"), [
    pytest.param(TransientError("x"), True, id="transient"),
    pytest.param(DependencyError("x"), True, id="dependency"),
    pytest.param(DependencyTimeoutError("x"), True, id="dependency-timeout"),
    pytest.param(ConnectionResetError("reset"), True, id="foreign-connection"),
    pytest.param(TimeoutError("slow"), True, id="foreign-timeout"),
    pytest.param(ConflictError("locked"), False, id="conflict"),
    pytest.param(InterruptedRunError("stopped"), False, id="interrupted"),
    pytest.param(AuthError("no"), False, id="auth"),
    pytest.param(UsageError("bad flag"), False, id="usage"),
    pytest.param(PlanRejectedError("stale"), False, id="plan-rejected"),
    pytest.param(AutomationBugError("bug"), False, id="automation-bug"),
    pytest.param(MutationDuringPlanError("write"), False, id="mutation-during-plan"),
    pytest.param(ValueError("bug"), False, id="value-error"),
    pytest.param(PermissionError("denied"), False, id="permission-error"),
    pytest.param(KeyboardInterrupt(), False, id="keyboard-interrupt"),
])
def test_is_transient(exc: BaseException, expected: bool) -> None:
    assert is_transient(exc) is expected


# -- attempt counts ----------------------------------------------------------------------------

@pytest.mark.parametrize(("failures", "attempts"), [
    pytest.param(0, 1, id="first-try"),
    pytest.param(1, 2, id="one-failure"),
    pytest.param(2, 3, id="two-failures"),
])
def test_transient_failures_are_retried_until_success(failures: int, attempts: int) -> None:
    fake = FakeTime()
    call, calls = failing(*[TransientError("503")] * failures, "ok")
    assert run(call, RetryPolicy(), fake) == ("ok", attempts)
    assert calls == [attempts]
    assert len(fake.waits) == failures


@pytest.mark.parametrize("error", [
    pytest.param(AuthError("HTTP 401"), id="auth"),
    pytest.param(UsageError("bad input"), id="usage"),
    pytest.param(PlanRejectedError("stale plan"), id="plan-rejected"),
    pytest.param(ConflictError("locked"), id="conflict"),
    pytest.param(AutomationBugError("HTTP 400"), id="automation-bug"),
])
def test_non_transient_opsctl_errors_propagate_unchanged_after_one_attempt(
        error: OpsctlError) -> None:
    fake = FakeTime()
    call, calls = failing(error, "never reached")
    message = error.message
    with pytest.raises(type(error)) as raised:
        run(call, RetryPolicy(attempts=5), fake)
    assert raised.value is error
    assert raised.value.message == message
    assert raised.value.attempts == 1  # type: ignore[attr-defined]
    assert calls == [1]
    assert fake.waits == []


@pytest.mark.parametrize("error", [
    pytest.param(ValueError("bug"), id="value-error"),
    pytest.param(KeyError("k"), id="key-error"),
])
def test_foreign_bugs_propagate_unchanged_after_one_attempt(error: Exception) -> None:
    fake = FakeTime()
    call, calls = failing(error, "never reached")
    with pytest.raises(type(error)) as raised:
        run(call, RetryPolicy(attempts=5), fake)
    assert raised.value is error
    assert not hasattr(raised.value, "attempts")
    assert calls == [1]


def test_a_non_transient_error_after_transient_ones_stops_at_once() -> None:
    fake = FakeTime()
    call, calls = failing(TransientError("503"), AuthError("401"), "never reached")
    with pytest.raises(AuthError) as raised:
        run(call, RetryPolicy(attempts=5), fake)
    assert raised.value.message == "401"
    assert raised.value.attempts == 2  # type: ignore[attr-defined]
    assert calls == [2]
    assert len(fake.waits) == 1


# -- waits -------------------------------------------------------------------------------------

def test_waits_equal_their_growing_upper_bound_when_the_draw_is_the_maximum() -> None:
    fake = FakeTime()
    policy = RetryPolicy(attempts=9, base=0.5, cap=30.0, deadline=1000.0)
    call, _ = failing(*[TransientError("503")] * 8, "ok")
    assert run(call, policy, fake, rng=TopRandom()) == ("ok", 9)
    assert fake.waits == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0]


@pytest.mark.parametrize("seed", range(20))
def test_waits_are_jittered_below_min_of_cap_and_exponential_bound(seed: int) -> None:
    fake = FakeTime()
    policy = RetryPolicy(attempts=8, base=0.5, cap=10.0, deadline=1000.0)
    call, _ = failing(*[TransientError("503")] * 8)
    with pytest.raises(TransientError):
        run(call, policy, fake, seed=seed)
    assert len(fake.waits) == 7
    for n, wait in enumerate(fake.waits, start=1):
        assert 0.0 <= wait <= min(10.0, 0.5 * 2 ** (n - 1))


def test_waits_differ_across_seeds_and_attempts() -> None:
    policy = RetryPolicy(attempts=4, base=1.0, cap=1.0, deadline=1000.0)
    all_waits = []
    for seed in range(5):
        fake = FakeTime()
        call, _ = failing(*[TransientError("503")] * 3, "ok")
        run(call, policy, fake, seed=seed)
        all_waits.append(fake.waits)
    flat = [w for waits in all_waits for w in waits]
    assert len(set(flat)) == len(flat) == 15  # same bound (1 s) every time, never the same wait


def test_same_seed_same_waits() -> None:
    waits = []
    for _ in range(2):
        fake = FakeTime()
        call, _ = failing(*[TransientError("503")] * 3, "ok")
        run(call, RetryPolicy(attempts=4), fake, seed=42)
        waits.append(fake.waits)
    assert waits[0] == waits[1]


@pytest.mark.parametrize(("retry_after", "expected"), [
    pytest.param(5, 5.0, id="int-seconds"),
    pytest.param("5", 5.0, id="str-seconds"),
    pytest.param("2.5", 2.5, id="str-fraction"),
    pytest.param(3600, 30.0, id="clamped-to-cap"),
    pytest.param("Fri, 01 Jan 2099 00:00:00 GMT", 30.0, id="http-date-future-clamped"),
    pytest.param("Wed, 21 Oct 2015 07:28:00 GMT", 0.02, id="http-date-past-is-jitter"),
    pytest.param("soon", 0.02, id="garbage-ignored"),
])
def test_retry_after_is_a_floor_for_the_wait(retry_after: object, expected: float) -> None:
    fake = FakeTime()
    policy = RetryPolicy(attempts=2, base=0.02, cap=30.0, deadline=1000.0)
    call, _ = failing(with_retry_after(TransientError("HTTP 429"), retry_after), "ok")
    assert run(call, policy, fake, rng=TopRandom()) == ("ok", 2)
    assert fake.waits == [expected]


def test_retry_after_wins_only_when_above_the_jitter() -> None:
    fake = FakeTime()
    policy = RetryPolicy(attempts=3, base=8.0, cap=30.0, deadline=1000.0)
    call, _ = failing(with_retry_after(TransientError("429"), "1"),
                      with_retry_after(TransientError("429"), "1"), "ok")
    run(call, policy, fake, rng=TopRandom())
    assert fake.waits == [8.0, 16.0]


@pytest.mark.parametrize(("raw", "expected"), [
    pytest.param(None, None, id="absent"),
    pytest.param(7, 7.0, id="int"),
    pytest.param(1.5, 1.5, id="float"),
    pytest.param(" 12 ", 12.0, id="str-padded"),
    pytest.param("120", 30.0, id="clamped"),
    pytest.param(-1, None, id="negative"),
    pytest.param("nan", None, id="nan"),
    pytest.param(True, None, id="bool"),
    pytest.param("tomorrow", None, id="garbage"),
    pytest.param(format_datetime(NOW + timedelta(seconds=9), usegmt=True), 9.0, id="date-ahead"),
    pytest.param(format_datetime(NOW + timedelta(hours=1), usegmt=True), 30.0,
                 id="date-clamped"),
    pytest.param(format_datetime(NOW - timedelta(seconds=9), usegmt=True), 0.0, id="date-past"),
    pytest.param("Wed, 01 Jan 2025 12:00:04", 4.0, id="date-without-zone-is-utc"),
])
def test_retry_after_seconds(raw: object, expected: float | None) -> None:
    error = TransientError("429")
    if raw is not None:
        with_retry_after(error, raw)
    assert retry_after_seconds(error, cap=30.0, now=NOW) == expected


# -- the deadline ------------------------------------------------------------------------------

def test_the_deadline_stops_before_a_wait_would_pass_it() -> None:
    fake = FakeTime()
    policy = RetryPolicy(attempts=10, base=10.0, cap=10.0, deadline=25.0)
    call, calls = failing(*[with_retry_after(TransientError("429"), 10)] * 10)
    with pytest.raises(TransientError) as raised:
        run(call, policy, fake)
    assert fake.waits == [10.0, 10.0]  # a third wait would end at 30 s > 25 s
    assert calls == [3]
    assert raised.value.message == ("429 (gave up after 3 attempts: another would end past the "
                                    "25s deadline)")


def test_the_deadline_counts_the_time_spent_trying() -> None:
    fake = FakeTime()
    policy = RetryPolicy(attempts=10, base=1.0, cap=1.0, deadline=10.0)
    call, calls = failing(*[with_retry_after(TransientError("slow"), 1)] * 10, took=4.0, fake=fake)
    with pytest.raises(TransientError):
        run(call, policy, fake)
    # tries end at 4 and 9 (after a 1 s wait); the next wait ends at exactly 10, still in budget;
    # the third try ends at 14, past the deadline, so there is no fourth
    assert fake.waits == [1.0, 1.0]
    assert calls == [3]
    assert fake.now == 14.0


def test_a_first_attempt_past_the_deadline_is_not_retried() -> None:
    fake = FakeTime()
    call, calls = failing(TransientError("503"), "ok", took=200.0, fake=fake)
    with pytest.raises(TransientError) as raised:
        run(call, RetryPolicy(deadline=120.0), fake)
    assert calls == [1]
    assert fake.waits == []
    assert raised.value.attempts == 1  # type: ignore[attr-defined]
    assert raised.value.message == ("503 (gave up after 1 attempt: another would end past the "
                                    "120s deadline)")


def test_a_retry_after_past_the_deadline_says_why_it_gave_up_early() -> None:
    fake = FakeTime()
    error = TransientError("429")
    error.retry_after = 60  # type: ignore[attr-defined]
    call, calls = failing(error, "ok", fake=fake)
    with pytest.raises(TransientError) as raised:
        run(call, RetryPolicy(attempts=5, cap=60.0, deadline=30.0), fake)
    assert calls == [1]
    assert raised.value.message == ("429 (gave up after 1 attempt: another would end past the "
                                    "30s deadline)")


def test_a_failure_in_the_wait_does_not_blame_the_deadline() -> None:
    """A wait that raised (the run's store lost while it flushed) was reported as stopped by
    the deadline, which was minutes away."""
    fake = FakeTime()
    call, calls = failing(TransientError("503"), "ok", fake=fake)

    def lost(seconds: float) -> None:
        raise TransientError("the state store failed")

    with pytest.raises(TransientError) as raised:
        call_with_retries(call, RetryPolicy(attempts=5), what="calling the remote", sleep=lost,
                          clock=fake.clock, rng=random.Random(7))
    assert calls == [1]
    assert "deadline" not in raised.value.message
    # the wait's own failure, as it was raised: the call did not give up, it was not let go on
    assert raised.value.message == "the state store failed"


# -- exhaustion --------------------------------------------------------------------------------

@pytest.mark.parametrize(("error", "cls", "error_type", "message"), [
    pytest.param(TransientError("HTTP 503"), TransientError, "dependency_unavailable",
                 "HTTP 503", id="transient"),
    pytest.param(DependencyTimeoutError("HTTP GET timed out"), DependencyTimeoutError,
                 "dependency_timeout", "HTTP GET timed out", id="timeout"),
    pytest.param(ConnectionRefusedError("refused"), TransientError, "dependency_unavailable",
                 "calling the remote: connection failed: refused", id="foreign-connection"),
    pytest.param(TimeoutError("slow"), DependencyTimeoutError, "dependency_timeout",
                 "calling the remote: timed out: slow", id="foreign-timeout"),
])
def test_exhaustion_keeps_the_class_and_exit_code_and_records_attempts(
        error: BaseException, cls: type[OpsctlError], error_type: str, message: str) -> None:
    fake = FakeTime()
    call, calls = failing(error, error, error, "never reached")
    with pytest.raises(cls) as raised:
        run(call, RetryPolicy(attempts=3), fake)
    assert type(raised.value) is cls
    assert (raised.value.exit_code, raised.value.error_type) == (4, error_type)
    assert raised.value.message == f"{message} (gave up after 3 attempts)"
    assert str(raised.value) == raised.value.message
    assert raised.value.attempts == 3  # type: ignore[attr-defined]
    assert calls == [3]
    assert len(fake.waits) == 2
    if not isinstance(error, OpsctlError):
        assert raised.value.__cause__ is error


def test_one_attempt_policy_never_waits() -> None:
    fake = FakeTime()
    call, calls = failing(TransientError("503"), "ok")
    with pytest.raises(TransientError) as raised:
        run(call, RetryPolicy(attempts=1), fake)
    assert raised.value.message == "503 (gave up after 1 attempt)"
    assert calls == [1]
    assert fake.waits == []


# -- on_retry ----------------------------------------------------------------------------------

def test_on_retry_reports_each_retried_failure() -> None:
    fake = FakeTime()
    events: list[RetryEvent] = []
    call, _ = failing(TransientError("HTTP 503"), ConnectionResetError("reset"), "ok")
    policy = RetryPolicy(attempts=3, base=0.5)
    assert run(call, policy, fake, rng=TopRandom(), on_retry=events.append) == ("ok", 3)
    assert events == [
        RetryEvent(attempt=1, wait=0.5, error_type="TransientError", message="HTTP 503"),
        RetryEvent(attempt=2, wait=1.0, error_type="ConnectionResetError", message="reset"),
    ]
    assert [e.wait for e in events] == fake.waits


def test_on_retry_reports_a_failure_whose_str_raises() -> None:
    """The retried failure is the automation's; its broken __str__ is not opsctl's bug."""

    class Unprintable(ConnectionResetError):
        def __str__(self) -> str:
            raise RuntimeError("no text")

    fake = FakeTime()
    events: list[RetryEvent] = []
    call, _ = failing(Unprintable(), "ok")
    assert run(call, RetryPolicy(attempts=2), fake, on_retry=events.append) == ("ok", 2)
    assert events[0].message == "<str() of Unprintable raised RuntimeError>"


def test_on_retry_is_not_called_for_the_last_failure() -> None:
    fake = FakeTime()
    events: list[RetryEvent] = []
    call, _ = failing(*[TransientError("503")] * 2)
    with pytest.raises(TransientError):
        run(call, RetryPolicy(attempts=2), fake, on_retry=events.append)
    assert [e.attempt for e in events] == [1]


# -- the policy and its configuration ----------------------------------------------------------

def test_policy_defaults() -> None:
    assert RetryPolicy() == RetryPolicy(attempts=3, base=0.5, cap=30.0, deadline=120.0,
                                        timeout=300.0)


@pytest.mark.parametrize(("raw", "expected"), [
    pytest.param({}, RetryPolicy(), id="empty"),
    pytest.param({"attempts": 5}, RetryPolicy(attempts=5), id="attempts"),
    pytest.param({"attempts": "4"}, RetryPolicy(attempts=4), id="attempts-from-env-string"),
    pytest.param({"base": "500ms"}, RetryPolicy(base=0.5), id="base-ms"),
    pytest.param({"cap": "30s"}, RetryPolicy(cap=30.0), id="cap-s"),
    pytest.param({"deadline": "2m"}, RetryPolicy(deadline=120.0), id="deadline-m"),
    pytest.param({"timeout": "1m30s"}, RetryPolicy(timeout=90.0), id="timeout-compound"),
    pytest.param({"base": 2}, RetryPolicy(base=2.0), id="int-seconds"),
    pytest.param({"base": 0.25}, RetryPolicy(base=0.25), id="float-seconds"),
    pytest.param({"base": "1.5"}, RetryPolicy(base=1.5), id="numeric-string"),
    pytest.param({"base": 0}, RetryPolicy(base=0.0), id="zero-base"),
    pytest.param({"deadline": timedelta(minutes=1)}, RetryPolicy(deadline=60.0), id="timedelta"),
])
def test_from_mapping(raw: dict[str, Any], expected: RetryPolicy) -> None:
    assert RetryPolicy.from_mapping(raw) == expected


def test_from_mapping_overrides_a_base_policy() -> None:
    base = RetryPolicy(attempts=7, cap=5.0)
    assert RetryPolicy.from_mapping({"cap": "10s"}, base=base) == RetryPolicy(attempts=7, cap=10.0)


@pytest.mark.parametrize(("raw", "message"), [
    pytest.param({"retries": 3}, "unknown retry setting 'retries'", id="unknown-key"),
    pytest.param({"attempts": 0}, "retry.attempts must be an integer >= 1", id="attempts-zero"),
    pytest.param({"attempts": -2}, "retry.attempts must be an integer >= 1",
                 id="attempts-negative"),
    pytest.param({"attempts": 2.5}, "retry.attempts must be an integer >= 1",
                 id="attempts-float"),
    pytest.param({"attempts": True}, "retry.attempts must be an integer >= 1",
                 id="attempts-bool"),
    pytest.param({"attempts": "three"}, "retry.attempts must be an integer >= 1",
                 id="attempts-word"),
    pytest.param({"base": "fast"}, "retry.base: invalid duration 'fast'", id="base-garbage"),
    pytest.param({"cap": -1}, "retry.cap: invalid duration -1: a duration must not be negative", id="cap-negative"),
    pytest.param({"deadline": ""}, "retry.deadline: a duration must not be empty",
                 id="deadline-empty"),
    pytest.param({"deadline": [1]}, "retry.deadline must be a duration", id="deadline-list"),
    pytest.param({"timeout": True}, "retry.timeout must be a duration", id="timeout-bool"),
    pytest.param({"timeout": 0}, "retry.timeout must be a finite number of seconds > 0",
                 id="timeout-zero"),
    pytest.param({"cap": float("nan")}, "retry.cap: ", id="cap-nan"),
    pytest.param({"cap": float("inf")}, "retry.cap: ", id="cap-inf"),
])
def test_from_mapping_rejects_bad_input_naming_the_key(raw: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError) as raised:
        RetryPolicy.from_mapping(raw)
    assert str(raised.value).startswith(message)


@pytest.mark.parametrize(("kwargs", "message"), [
    pytest.param({"attempts": 0}, "retry.attempts must be an integer >= 1, not 0", id="attempts"),
    pytest.param({"base": -0.5}, "retry.base must be a finite number of seconds >= 0, not -0.5",
                 id="base"),
    pytest.param({"deadline": float("inf")},
                 "retry.deadline must be a finite number of seconds >= 0, not inf", id="deadline"),
])
def test_policy_validates_itself(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError) as raised:
        RetryPolicy(**kwargs)
    assert str(raised.value) == message


# -- the bounds hold for any policy and any failures -------------------------------------------

_OUTCOMES = st.one_of(
    st.just("ok"),
    st.builds(TransientError, st.just("503")),
    st.builds(DependencyTimeoutError, st.just("timeout")),
    st.builds(ConnectionResetError, st.just("reset")),
    st.builds(lambda s: with_retry_after(TransientError("429"), s),
              st.one_of(st.integers(0, 10_000), st.sampled_from(
                  ["1", "60", "soon", "Fri, 01 Jan 2099 00:00:00 GMT"]))),
    st.builds(AuthError, st.just("401")),
    st.builds(ValueError, st.just("bug")),
)


@settings(max_examples=300, deadline=None)
@given(
    policy=st.builds(RetryPolicy,
                     attempts=st.integers(1, 30),
                     base=st.floats(0, 100, allow_nan=False),
                     cap=st.floats(0, 100, allow_nan=False),
                     deadline=st.floats(0, 500, allow_nan=False)),
    outcomes=st.lists(st.tuples(_OUTCOMES, st.floats(0, 50, allow_nan=False)),
                      min_size=30, max_size=30),
    seed=st.integers(0, 2**32),
)
def test_attempts_and_total_sleep_stay_within_the_policy(
        policy: RetryPolicy, outcomes: list[tuple[BaseException | str, float]], seed: int) -> None:
    fake = FakeTime()
    pending = iter(outcomes)
    calls = 0

    def call() -> str:
        nonlocal calls
        calls += 1
        outcome, took = next(pending)
        fake.now += took
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    try:
        _, attempts = run(call, policy, fake, seed=seed)
    except (OpsctlError, ValueError, ConnectionResetError) as exc:
        attempts = calls
        if isinstance(exc, OpsctlError):
            assert exc.attempts == calls  # type: ignore[attr-defined]
    assert attempts == calls <= policy.attempts
    assert len(fake.waits) == calls - 1
    assert sum(fake.waits) <= policy.deadline
    assert all(0 <= wait <= policy.cap for wait in fake.waits)


# -- a first attempt made by the caller ---------------------------------------------------------

@pytest.mark.parametrize(("took", "failures_after", "expected"), [
    pytest.param(0.0, 0, ("ok", 2), id="retried-once"),
    pytest.param(0.0, 1, ("ok", 3), id="retried-twice"),
    pytest.param(200.0, 0, None, id="first-attempt-past-the-deadline"),
])
def test_a_first_failure_handed_over_goes_on_as_if_the_first_attempt_were_made_here(
        took: float, failures_after: int, expected: tuple[str, int] | None) -> None:
    """What the engine does for an action: attempt once itself, hand a failure over."""
    outcomes = [TransientError("503"), *[TransientError("503")] * failures_after, "ok"]
    here, there = FakeTime(), FakeTime()
    call, _ = failing(*outcomes, took=took, fake=here)
    started = there.clock()
    there.now += took  # the caller's first attempt took this long
    rest, calls = failing(*outcomes[1:], took=took, fake=there)
    policy = RetryPolicy(deadline=120.0)
    if expected is None:
        with pytest.raises(TransientError):
            run(call, policy, here)
        with pytest.raises(TransientError) as raised:
            run(rest, policy, there, first_failure=outcomes[0], started=started)
        assert calls == [0]
        assert raised.value.attempts == 1  # type: ignore[attr-defined]
        return
    assert run(call, policy, here) == expected
    assert run(rest, policy, there, first_failure=outcomes[0], started=started) == expected
    assert there.waits == here.waits
    assert calls == [expected[1] - 1]


def test_a_non_transient_first_failure_handed_over_is_raised_without_a_call() -> None:
    fake = FakeTime()
    call, calls = failing("ok")
    error = AuthError("no")
    with pytest.raises(AuthError) as raised:
        run(call, RetryPolicy(), fake, first_failure=error, started=0.0)
    assert raised.value is error
    assert calls == [0]
