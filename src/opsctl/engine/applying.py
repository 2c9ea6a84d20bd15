"""Applying a plan: the scheduler, one action with its journal records and retries, verify.

At most ``concurrency`` actions run at once, in dependency order; each is journaled before and
after it runs; transient failures are retried by the run's retry policy; applied actions are
verified with backoff until ``verify_timeout``.
"""

from __future__ import annotations

import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from opsctl.contract.automation import Automation
from opsctl.engine.context import Context
from opsctl.engine.events import record_event
from opsctl.engine.run_audit import append_action_events
from opsctl.engine.session import Session
from opsctl.engine.state import ActionState, ProgressFn, RunState
from opsctl.errors import AutomationBugError, DependencyError, OpsctlError
from opsctl.observe.tracing import traced_action, traced_step

if TYPE_CHECKING:
    from concurrent.futures import Future


def automation_bug(run: RunState, exc: Exception, what: str, step: str) -> OpsctlError:
    """A known dependency failure (transient, timeout, auth), else a bug in the automation."""
    from opsctl.engine.classify import classify_exception, clip_message, clipped, exception_text

    run.session.log.debug("traceback", run_id=run.run_id,
                          traceback="".join(traceback.format_exception(exc)))
    if (step == "plan" or run.automation.effect == "read") and _read_only_refusal(exc):
        # ctx.sql's read-only connection said no
        from opsctl.errors import MutationDuringPlanError

        what = f"write to a database through ctx.sql ({exc})"
        if step == "plan":
            return MutationDuringPlanError(what)
        refused = MutationDuringPlanError(what, "the automation declares effect 'read'")
        refused.step = step
        return refused
    known = classify_exception(exc, what)
    if known is not None:
        known.step = step
        return clip_message(known, run.session.redactor.redact_text)
    text = clipped(exception_text(exc), run.session.redactor.redact_text)
    return AutomationBugError(f"{what}: {type(exc).__name__}: {text}", step=step)


def _read_only_refusal(exc: BaseException) -> bool:
    """The database refused a write because ctx.sql opened it read-only for planning: SQLite's
    ``attempt to write a readonly database``, PostgreSQL's read-only transaction (25006)."""
    from opsctl.engine.classify import exception_text

    text = exception_text(exc)
    return ("readonly database" in text and type(exc).__name__ == "OperationalError") or (
        getattr(exc, "sqlstate", None) == "25006")


@traced_action
def _apply_one(run: RunState, ctx: Context, state: ActionState) -> OpsctlError | None:
    """Journal, apply (with retries) and journal one action; its error, if it failed."""
    session, store, action = run.session, run.session.store, state.action
    log = session.log.bind(run_id=run.run_id, automation=run.automation.name, step="apply",
                           action=action.id)
    ctx.log = log
    if state.interrupted and run.automation.has_verify and _already_converged(run, ctx, state):
        state.status = "applied"
        at = session.now_iso()
        _finished_event(run, state, at, 0.0)
        store.action_finished(run.run_id, action.id, status="applied", error=None,
                              at=at, fence=run.fence)
        log.info("action.rechecked", converged=True)
        return None
    ctx.phase = "apply"
    if run.lease_lapsed is not None and run.lease_lapsed():
        # group mode commits "started" later than the action starts: the fence is read now,
        # so a run that stalled past its lease while another took the scope starts nothing
        store.require_fence(run.fence)
    at = session.now_iso()
    events = run.events
    if events is not None:
        events.action_started(action.id, at)
    store.action_started(run.run_id, action.id, at, fence=run.fence)
    # debug: the journal has it; the one info line per action is its outcome, with duration
    log.debug("action.started", kind=action.kind, target=action.target)
    began = time.monotonic()
    error: OpsctlError | None = None
    try:
        state.status = _apply_with_retries(run, ctx, state, log)
    except OpsctlError as exc:
        # raised while applying, whatever the error class names by default (a precheck's
        # PlanRejectedError says "plan" when an automation's plan() raises it)
        from opsctl.engine.results import PUBLISHED_STEPS

        exc.step = exc.step if exc.step in PUBLISHED_STEPS and exc.step != "plan" else "apply"
        from opsctl.engine.classify import clip_message

        clip_message(exc, session.redactor.redact_text)
        state.status, state.error, error = "failed", exc.message, exc
        state.exception = exc
        duration_ms = round((time.monotonic() - began) * 1000, 1)
        log.error("action.failed", error=exc.message, error_type=exc.error_type,
                  kind=action.kind, target=action.target, attempts=state.attempts,
                  duration_ms=duration_ms)
    except KeyboardInterrupt:
        state.status = "pending"
        _journal_interrupted(run, [state])
        raise
    else:
        duration_ms = round((time.monotonic() - began) * 1000, 1)
        log.info(f"action.{state.status}", kind=action.kind, target=action.target,
                 attempts=state.attempts, duration_ms=duration_ms)
    at = session.now_iso()
    _finished_event(run, state, at, duration_ms)
    store.action_finished(run.run_id, action.id, status=state.status, error=state.error,
                          at=at, attempts=state.attempts, fence=run.fence, defer=True)
    return error


def _journal_interrupted(run: RunState, states: Iterable[ActionState]) -> None:
    """Journal actions aborted in flight (a second signal, or the stop grace ran out) as
    interrupted: resume re-checks them before anything else. Only those still pending: an
    action whose worker set its outcome has its own "finished" record queued, and this one
    must not follow it. (A worker that sets it after this check queues its record after this
    one, so the journal ends with the outcome.)"""
    session = run.session
    for state in states:
        if state.status != "pending":
            continue
        at = session.now_iso()
        record_event(run, "action.finished", {"id": state.action.id, "status": "interrupted",
                                              "attempts": state.attempts, "duration_ms": None,
                                              "error": "interrupted by signal"}, at)
        session.store.action_finished(run.run_id, state.action.id, status="interrupted",
                                      error="interrupted by signal", at=at,
                                      attempts=state.attempts, fence=run.fence)
        # the result document says what the journal says (a worker that still sets its
        # outcome later overwrites this, and its record follows this one in the journal)
        state.status, state.error = "interrupted", "interrupted by signal"


def _finished_event(run: RunState, state: ActionState, at: str, duration_ms: float) -> None:
    events = run.events
    if events is not None:
        events.action_finished(state.action.id, state.status, state.attempts, duration_ms,
                               state.error, at)


@traced_step("apply")
def apply_actions(run: RunState, ctx: Context, on_progress: ProgressFn | None) -> OpsctlError | None:
    """Apply the pending actions, at most ``run.concurrency`` at once, in dependency order.

    An action starts once everything it ``depends_on`` applied; one whose dependency failed or
    was skipped is skipped. After ``max_failures`` failures, or SIGINT/SIGTERM, no new action
    starts; those in flight may finish (stop_grace). One worker runs inline, in plan order.
    """
    session = run.session
    session.applying = run.run_id
    try:
        return _apply_actions(run, ctx, on_progress)
    finally:
        session.applying = None


def _apply_actions(run: RunState, ctx: Context, on_progress: ProgressFn | None
                   ) -> OpsctlError | None:
    import dataclasses
    import queue as queues
    import threading
    from concurrent.futures import wait

    session = run.session
    store = session.store
    journaled = {r.action_id for r in store.list_actions(run.run_id)} if run.resumed else set()
    specs = {spec["id"]: spec for spec in run.kept_specs or ()}  # a fanned-out chunk's
    # record_actions redacts each spec
    store.record_actions(run.run_id, ((specs.get(s.action.id) if specs else None)
                                      or s.action.to_dict()
                                      for s in run.states if s.action.id not in journaled),
                         first_seq=len(journaled))
    del journaled, specs
    run.artifacts.pop("new_actions", None)
    ctx.phase = "apply"
    # only a plan with dependencies needs actions by id
    by_id = ({s.action.id: s for s in run.states}
             if any(s.action.depends_on for s in run.states) else {})
    queue = [s for s in run.states if not s.done]
    total = len(run.states)
    finished = total - len(queue)
    failures: list[OpsctlError] = []

    def skip(state: ActionState, why: str | None) -> None:
        state.status, state.error = "skipped", why
        at = session.now_iso()
        _finished_event(run, state, at, 0.0)
        store.action_finished(run.run_id, state.action.id, status="skipped", error=why,
                              at=at, fence=run.fence)

    def dep_states(state: ActionState) -> list[ActionState]:
        return [by_id[d] for d in state.action.depends_on if d in by_id]

    def settle(state: ActionState, error: OpsctlError | None) -> None:
        nonlocal finished
        finished += 1
        if error is not None:
            failures.append(error)
        if on_progress is not None:
            on_progress(finished, total, state.action.id)

    if run.concurrency > 1 and not by_id and len(queue) > 1:
        try:
            _apply_independent(run, ctx, deque(queue), settle, skip, failures)
        finally:
            store.flush()
        return failures[0] if failures else None

    pool = _DaemonPool(run.concurrency) if run.concurrency > 1 else None
    # A context per worker thread, as the single worker has one for the whole run: each
    # action sets its logger and phase on it (a copy per action cost more than its journal).
    contexts = threading.local()

    def apply_in_worker(state: ActionState) -> OpsctlError | None:
        own = getattr(contexts, "ctx", None)
        if own is None:
            own = contexts.ctx = dataclasses.replace(ctx)
        return _apply_one(run, own, state)

    running: dict[Future[OpsctlError | None], ActionState] = {}
    # Finished futures arrive here: waiting on this queue costs the same for 64 workers as
    # for 2, where concurrent.futures.wait() visits every running future each time.
    completed: queues.SimpleQueue[Future[OpsctlError | None]] = queues.SimpleQueue()
    waiting = deque(queue)  # plan order
    try:
        while waiting or running:
            if session.stop_requested.is_set():
                if running:
                    wait(running)
                raise KeyboardInterrupt
            want = 1 if pool is None else run.concurrency - len(running)
            picked: list[ActionState] = []
            blocked_ahead: list[ActionState] = []
            # Take from the front only as far as needed: usually the first waiting action is
            # ready, so a long plan is scheduled in linear time.
            while waiting and len(picked) < want:
                state = waiting.popleft()
                if not by_id:  # no action depends on another: only the failures count
                    if len(failures) >= run.max_failures:
                        skip(state, None)
                    else:
                        picked.append(state)
                    continue
                deps = dep_states(state)
                blocked = [d.action.id for d in deps if d.status in ("failed", "skipped")]
                if len(failures) >= run.max_failures or blocked:
                    skip(state, f"depends on {', '.join(blocked)}, which did not apply"
                         if blocked else None)
                elif all(d.status in ("applied", "unchanged") for d in deps):
                    picked.append(state)
                else:
                    blocked_ahead.append(state)
            if blocked_ahead:
                waiting.extendleft(reversed(blocked_ahead))
            if not picked and not running:
                cycle = ", ".join(s.action.id for s in waiting)
                for state in waiting:  # a depends_on cycle: nothing can ever start
                    skip(state, "dependency cycle among: " + cycle)
                waiting.clear()
                break
            if pool is None:
                for state in picked:
                    settle(state, _apply_one(run, ctx, state))
                continue
            for state in picked:
                future = pool.submit(apply_in_worker, state)
                running[future] = state
                future.add_done_callback(completed.put)
            if running:
                try:
                    done = [completed.get(timeout=0.5)]
                except queues.Empty:
                    continue
                while not completed.empty():
                    done.append(completed.get())
                for future in done:
                    settle(running.pop(future), future.result())
    except KeyboardInterrupt:  # after a second signal, those in flight are abandoned
        _journal_interrupted(run, running.values())
        raise
    finally:
        if pool is not None:
            pool.shutdown()
        store.flush()
    return failures[0] if failures else None


class _DaemonPool:
    """Threads that run submitted calls into futures, as ThreadPoolExecutor does, but as
    daemon threads: the executor's threads are joined when the interpreter exits, so an
    action stuck in flight kept a run aborted by a second signal (or the end of the stop
    grace) from exiting; abandoned here, such an action is journaled interrupted."""

    def __init__(self, size: int) -> None:
        import queue
        import threading

        self._size, self._threads = size, 0
        self._calls: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread = threading.Thread

    def submit(self, fn: Callable[[ActionState], OpsctlError | None],
               state: ActionState) -> Future[OpsctlError | None]:
        from concurrent.futures import Future

        future: Future[OpsctlError | None] = Future()
        if self._threads < self._size:  # one more thread per call until there are enough
            self._threads += 1
            self._thread(target=self._work, name=f"opsctl-apply-{self._threads}",
                         daemon=True).start()
        self._calls.put((future, fn, state))
        return future

    def _work(self) -> None:
        while (call := self._calls.get()) is not None:
            future, fn, state = call
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = fn(state)
            except BaseException as exc:  # the future hands it to the scheduling thread
                future.set_exception(exc)
            else:
                future.set_result(result)

    def shutdown(self) -> None:
        """Let each thread end once its call returns; calls not started are cancelled."""
        import queue

        while True:
            try:  # not get(): a thread may take the last call between a check and the get
                call = self._calls.get_nowait()
            except queue.Empty:
                break
            if call is not None:
                call[0].cancel()
        for _ in range(self._threads):
            self._calls.put(None)


_AUDIT_BATCH = 256  # audit events the waiting thread appends at once (one commit)


def _apply_independent(run: RunState, ctx: Context, waiting: deque[ActionState],
                       settle: Callable[[ActionState, OpsctlError | None], None],
                       skip: Callable[[ActionState, str | None], None],
                       failures: list[OpsctlError]) -> None:
    """Several workers, no action depending on another: each worker takes the next action
    in plan order itself, until none is left, ``max_failures`` is reached or a stop is
    asked. A scheduler thread handing out actions one at a time (a future, a done callback
    and a wake-up of this thread per action) cost more CPU per action than the action's
    journal records, and under the GIL that CPU is what holds 64 waiting workers back
    (bench/concurrency.py)."""
    import dataclasses
    import threading

    stop_requested = run.session.stop_requested
    lock = threading.Lock()  # the waiting actions, the failures, settle() and progress
    fatal: list[BaseException] = []  # a journal write that failed (store lost, lease lost)

    in_flight: dict[int, ActionState] = {}  # taken and not settled, by id()
    # This thread appends the audit events of settled actions while it waits (moving that
    # work off the end of the run; bench/concurrency.py): not for a resumed run, whose
    # predecessor's events are looked up once at the end, nor for a chunk of a fanned-out
    # run, whose events its coordinator appends.
    audit_early = (run.mode == "apply" and not run.resumed
                   and run.session.store.chunk_fence is None)
    unaudited: list[ActionState] = []  # settled, applied or failed, event not appended

    def work() -> None:
        own = dataclasses.replace(ctx)  # a context per worker, as the single worker has one
        try:
            while True:
                with lock:
                    if (not waiting or fatal or stop_requested.is_set()
                            or len(failures) >= run.max_failures):
                        return
                    state = waiting.popleft()
                    in_flight[id(state)] = state
                error = _apply_one(run, own, state)
                with lock:
                    del in_flight[id(state)]
                    settle(state, error)
                    if audit_early and state.status in ("applied", "failed"):
                        unaudited.append(state)
        except BaseException as exc:  # raised again by the thread that waits for the workers
            with lock:
                fatal.append(exc)

    # Daemon threads: after a second signal the run ends at once, and an action stuck in
    # flight must not keep the process alive (the journal says it was interrupted).
    workers = [threading.Thread(target=work, name=f"opsctl-apply-{n}", daemon=True)
               for n in range(min(run.concurrency, len(waiting)))]
    try:
        for worker in workers:
            worker.start()
        for worker in workers:
            while worker.is_alive():
                worker.join(0.05)
                if audit_early and len(unaudited) >= _AUDIT_BATCH:
                    with lock:
                        batch = unaudited[:]
                        unaudited.clear()
                    try:
                        append_action_events(run, batch)
                    except OpsctlError as exc:  # the store failed, or the chain's head is
                        # not where it was: the events are appended at the end as they were
                        # before, where the run's result reports the failure
                        audit_early = False
                        run.session.log.warning("audit.deferred", run_id=run.run_id,
                                                error=exc.message)
    except KeyboardInterrupt:  # a second signal: nothing new starts, those in flight are abandoned
        with lock:
            waiting.clear()
            aborted = list(in_flight.values())
        _journal_interrupted(run, aborted)
        raise
    if fatal:
        raise fatal[0]
    if waiting and stop_requested.is_set():
        raise KeyboardInterrupt
    for state in waiting:  # max_failures reached: the rest never start
        skip(state, None)


def retry_policy_for(session: Session, automation: Automation[Any]) -> Any:
    """Built-in defaults < the automation's declaration < [retry] < [automation.NAME.retry]."""
    from opsctl.engine.retry import RetryPolicy

    try:
        policy = RetryPolicy.from_mapping(automation.retry)
        policy = RetryPolicy.from_mapping(session.settings.retry, base=policy)
        own = session.settings.automation.get(automation.name, {}).get("retry", {})
        return RetryPolicy.from_mapping(own, base=policy)
    except ValueError as exc:
        from opsctl.errors import ConfigError

        raise ConfigError(f"retry policy of {automation.name}: {exc}") from None


def _apply_with_retries(run: RunState, ctx: Context, state: ActionState, log: Any) -> str:
    """One action, retried while its failures are transient; attempts and waits are recorded."""
    began = run.session.monotonic()
    try:
        outcome = run.automation.call_apply(ctx, run.request, state.action)
    except Exception as exc:
        return _apply_retrying(run, ctx, state, log, exc, began)
    # Most actions apply at the first attempt: the retry machinery is built only for a failure
    state.attempts += 1  # attempts of earlier invocations (resume) count on
    state.waits = None
    return outcome


def _apply_retrying(run: RunState, ctx: Context, state: ActionState, log: Any,
                    first_failure: Exception, began: float) -> str:
    """An action whose first attempt (begun at ``began``) failed: the retry policy decides
    whether it is attempted again, as :func:`~opsctl.engine.retry.call_with_retries` would
    have from the first attempt."""
    from opsctl.engine.retry import RetryEvent, call_with_retries

    action = state.action
    first_attempt = state.attempts  # attempts of earlier invocations (resume) count on
    state.attempts = first_attempt + 1  # the one that failed; each other counts as it starts
    waits: list[float] = []
    if not isinstance(first_failure, OpsctlError):
        bug = automation_bug(run, first_failure, f"apply of action {action.id} failed", "apply")
        bug.__cause__ = first_failure  # as raise ... from
        first_failure = bug

    def wait(seconds: float) -> None:
        run.session.wait(seconds)
        # the next attempt is journaled before it runs (as its "started" record counted the
        # first), so a process killed while retrying leaves the attempts it made; after the
        # wait, so a stop in it leaves none unmade; and here, not in the attempt, so a store
        # that fails is the run's failure, not one of the action to retry
        run.session.store.action_retried(run.run_id, action.id, fence=run.fence)

    def attempt() -> str:
        state.attempts += 1
        try:
            return run.automation.call_apply(ctx, run.request, action)
        except OpsctlError:
            raise
        except Exception as exc:
            raise automation_bug(run, exc, f"apply of action {action.id} failed", "apply") from exc

    def on_retry(event: RetryEvent) -> None:
        from opsctl.engine.classify import clipped

        waits.append(round(event.wait, 3))
        log.warning("action.retrying", attempt=event.attempt, wait_s=round(event.wait, 3),
                    error=clipped(event.message, run.session.redactor.redact_text),
                    error_type=event.error_type)

    try:
        outcome, attempts = call_with_retries(attempt, run.policy, what=f"apply of {action.id}",
                                              sleep=wait, clock=run.session.monotonic,
                                              on_retry=on_retry, first_failure=first_failure,
                                              started=began)
    except OpsctlError as exc:
        state.attempts = first_attempt + int(getattr(exc, "attempts", 1) or 1)
        state.waits = waits or None
        raise
    except KeyboardInterrupt:  # stopped between attempts: the waits so far are its record
        state.waits = waits or None
        raise
    state.attempts = first_attempt + attempts
    state.waits = waits or None
    return outcome


def _already_converged(run: RunState, ctx: Context, state: ActionState) -> bool:
    """Re-check an action caught mid-apply by a crash: verify says whether it took effect."""
    ctx.phase = "verify"
    try:
        return run.automation.call_verify(ctx, run.request, state.action)
    except Exception:
        return False
    finally:
        ctx.phase = "apply"


@traced_step("verify")
def verify_applied(run: RunState, ctx: Context) -> OpsctlError | None:
    """Poll each applied action's verify with backoff until it passes or ``verify_timeout`` ends.

    Not converged by then is a dependency failure (exit 4): "submitted" is never "done".
    """
    if not run.automation.has_verify:
        return None

    ctx.phase = "verify"
    # On the session's clock, so a test's fake clock (whose sleep advances it) ends the wait
    clock = run.session.clock
    deadline = clock().timestamp() + run.automation.verify_timeout
    for state in run.states:
        # applied by an earlier attempt too: that attempt ended before its verify passed (it
        # failed "not converged", or stopped), so the resumed run checks it as its own
        if state.status != "applied":
            continue
        ctx.log = run.session.log.bind(run_id=run.run_id, automation=run.automation.name,
                                       step="verify", action=state.action.id)
        pause, polls = 0.1, 0
        while True:
            polls += 1
            transient: OpsctlError | None = None  # this check's, when it raised one
            try:
                converged = run.automation.call_verify(ctx, run.request, state.action)
            except Exception as exc:
                from opsctl.engine.classify import clip_message
                from opsctl.engine.retry import is_transient

                if isinstance(exc, OpsctlError):
                    exc.step = "verify"
                    error = clip_message(exc, run.session.redactor.redact_text)
                else:
                    error = automation_bug(run, exc, f"verify of action {state.action.id} failed",
                                           "verify")
                if not is_transient(error):
                    return error
                # a remote that is not back yet (restarting after the change) is polled
                # again, as a transient failure of apply is retried
                converged, transient = False, error
            if converged:
                break
            remaining = deadline - clock().timestamp()
            if remaining <= 0:
                last = "" if transient is None else f"; the last check failed: {transient.message}"
                return DependencyError(
                    f"not converged: action {state.action.id} on {state.action.target} did not "
                    f"verify within {run.automation.verify_timeout:g}s ({polls} checks){last}",
                    step="verify")
            if transient is not None:
                ctx.log.warning("verify.failed", check=polls, error=transient.message,
                                error_type=transient.error_type)
            ctx.log.info("verify.pending", check=polls, next_in_s=round(min(pause, remaining), 3))
            run.session.wait(min(pause, remaining))
            pause = min(pause * 2, 5.0)
    return None
