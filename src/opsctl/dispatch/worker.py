"""What a worker does with a wake-up: claim the run, carry it out with the engine, let go.

:class:`Worker` holds a worker process's configuration, its store connections (one per thread)
and the sessions of the runs it carries out, so a stop (SIGTERM) reaches them. Nothing here
imports Celery: the same code serves any transport that delivers run ids and chunk numbers.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from opsctl.dispatch.claims import (
    RunClaim,
    claim_run,
    release_orphaned_leases,
    release_run_claim,
    renew_run_claim,
    sweep,
)
from opsctl.dispatch.config import WorkerConfig
from opsctl.engine.locks import Heartbeat
from opsctl.engine.session import Session
from opsctl.errors import DependencyError, OpsctlError, PlanRejectedError
from opsctl.store.sql import Row, SQLStore

Wake = Callable[[str, str], None]            # (run id, queue)
WakeChunk = Callable[[str, int, str], None]  # (run id, chunk, queue)
MAX_REFUSALS = 5
"""Wake-ups a run may get refused (no worker has its automation at its contract version)
before it is finished as failed, instead of waiting for such a worker forever."""

EXECUTOR = "celery"


class RunHandedBack(BaseException):
    """Raised through the engine in place of recording the result of a run whose worker stops
    and hands it back: the run stays ``running`` with its journal as it is, and gets no
    ``run.finished`` event (the worker that resumes it finishes it, once). A BaseException,
    as KeyboardInterrupt is, so that no ``except Exception`` on the way records it."""


class Worker:
    """One worker process: its runtime (stores, sessions), config and the runs in progress."""

    def __init__(self, base: Session, config: WorkerConfig, *, wake: Wake,
                 wake_chunk: WakeChunk, name: str | None = None) -> None:
        from opsctl.dispatch.claims import owner_name
        from opsctl.service.runtime import ServerRuntime

        self.base = base
        self.name = name or owner_name()
        """The worker's name in refusals: its Celery node name (``opsctl@HOST-PID``)."""
        self.config = config
        self.runtime = ServerRuntime(base, workers=1)
        self.wake = wake
        self.wake_chunk = wake_chunk
        self.ttl_s = base.settings.lock_ttl.total_seconds()
        self.stopping = threading.Event()
        self._sessions: dict[int, Session] = {}
        self._lock = threading.Lock()
        self._wake_ups_lost = 0  # taken while the store was away: the next sweep sends them

    # -- sessions --------------------------------------------------------------------------
    def session_for(self, row: dict[str, Any]) -> Session:
        """A session acting as the run's recorded actor and identity, with the permissions
        the configuration gives (the run was checked when it was queued; the policy gate and
        approvals run again here, under that actor)."""
        from opsctl.governance.identity import Identity
        from opsctl.service.runtime import Principal, _recovery_principal, recorded_groups

        recorded = (row.get("runtime") or {}).get("identity") or {}
        actor = str(row["actor"])
        principal = _recovery_principal(Principal(actor, "token",
                                                  groups=recorded_groups(recorded)))
        session = self.runtime.session(principal)
        session.identity = Identity(actor, str(recorded.get("source") or "worker"),
                                    {str(k): str(v) for k, v in
                                     (recorded.get("context") or {}).items()})
        # One connection for the run, shared by the threads applying its actions (as a
        # chunk's is). A server session's store is each thread's own: the finished records
        # that --concurrency's pool threads defer would stay unflushed on their connections
        # (the run ends with actions journaled "started"), and those connections open.
        from opsctl.dispatch.fanout import plain_session

        store = self.runtime.store()
        store.redactor = session.redactor
        pinned: Session = plain_session(session, store, session.stop_requested)
        return pinned

    def _track(self, session: Session) -> None:
        with self._lock:
            self._sessions[id(session)] = session
        if self.stopping.is_set():
            session.stop_requested.set()

    def _untrack(self, session: Session) -> None:
        with self._lock:
            self._sessions.pop(id(session), None)

    def request_stop(self) -> None:
        """SIGTERM: every run in progress stops at its next action boundary (actions in flight
        finish within stop_grace) and is handed back for another worker to resume."""
        self.stopping.set()
        with self._lock:
            sessions = list(self._sessions.values())
        for session in sessions:
            session.stop_requested.set()

    # -- a run -----------------------------------------------------------------------------
    def carry_out(self, run_id: str, refusals: int = 0) -> str:
        """Claim ``run_id`` and carry it out; what happened, in a word: ``finished``,
        ``handed-back``, ``not-claimed``, ``refused`` (another worker should take it),
        ``gave-up`` (refused too often: finished as failed) or ``left`` (the store went away:
        the claim runs out)."""
        if self.stopping.is_set():
            return "not-claimed"
        try:
            store, row = self._read_run(run_id)
        except DependencyError as exc:
            return self._wake_up_lost(run_id, exc)
        if row is None:
            # queued on another store: this worker's store_url is not the one of the machine
            # that queued it (a worker started with another project's configuration)
            from opsctl.config.redact import mask_url

            self.base.log.warning(
                "run.unknown", run_id=run_id,
                store=mask_url(self.base.settings.effective_store_url),
                message=f"run {run_id} is not in this worker's store: the machine that queued "
                        "it has another store_url; it stays queued until a worker on its "
                        "store takes it")
            return "not-claimed"
        why = self._cannot_run(row)
        if why is not None:
            return self._refuse(row, why, refusals)
        claim = claim_run(store, run_id, ttl_s=self.ttl_s)
        if claim is None:
            return "not-claimed"  # finished, or carried out by a live claimer: a duplicate
        if _cancel_requested(store, run_id):
            # asked to stop while the worker carrying it was gone (a queued run asked to stop
            # ends at once, never queued again): it ends here, it is not carried on
            from opsctl.engine.run import end_abandoned_run

            end_abandoned_run(self.base, store.get_run(run_id) or row,
                              "cancelled on request while the worker carrying it was gone")
            release_run_claim(store, claim)
            return "finished"
        url = self.base.settings.effective_store_url
        beat = Heartbeat(url, lambda s: renew_run_claim(s, claim, ttl_s=self.ttl_s),
                         self.ttl_s, f"claim:{run_id}")
        session: Session | None = None
        try:
            row = store.get_run(run_id) or row
            session = self.session_for(row)
            self._track(session)
            threading.Thread(target=self._watch_claim, args=(beat, session, run_id), daemon=True,
                             name=f"claim-watch:{run_id}").start()
            self._work(session, row, claim)
        finally:
            if session is not None:
                self._untrack(session)
            beat.stop()
            if session is None:  # failed before the run could start: let another take it
                release_run_claim(store, claim, hand_back=True)
        try:
            return self._let_go(session, claim, row)
        except OpsctlError as exc:  # the store is away: the claim runs out, the sweeper wakes it
            self.base.log.warning("run.left", run_id=run_id, error=exc.message)
            return "left"

    def _wake_up_lost(self, run_id: str, exc: DependencyError) -> str:
        """A wake-up taken while the store is away (the run cannot even be read): the next
        sweep that reaches the store wakes every unclaimed run again, rather than leaving the
        runs queued meanwhile until their ``redeliver_after``."""
        from opsctl.service.runtime import _is_store_loss

        if not _is_store_loss(exc):
            raise exc
        with self._lock:
            self._wake_ups_lost += 1
        self.base.log.warning("run.left", run_id=run_id, error=exc.message,
                              reason="the store is away: woken again once it is back")
        return "left"

    def _read_run(self, run_id: str) -> tuple[SQLStore, Row | None]:
        """This thread's store and the run's row. A pooled connection that the server dropped
        while this thread was idle (a store restart, a network blip) fails its first query:
        it is replaced once, or the wake-up would be lost until the sweeper's next one
        (redeliver_after)."""
        from opsctl.store.sql import StoreUnavailableError

        store = self.runtime.store()
        try:
            return store, store.get_run(run_id)
        except StoreUnavailableError:
            store = self.runtime.store()  # reopened: the failed one is marked unavailable
            return store, store.get_run(run_id)

    def _watch_claim(self, beat: Heartbeat, session: Session, run_id: str) -> None:
        """A claim taken by another worker (this one's heartbeats failed for a whole TTL):
        stop at the next boundary; the scope lease's fence refuses any later journal write.
        A run asked to stop (a schedule's ``replace``) stops the same way, and stays
        ``cancelled``."""
        from opsctl.store.sql import open_store

        store = None
        try:
            while not beat.lost.wait(1.0):
                if session.stop_requested.is_set() and self.stopping.is_set():
                    return
                if beat.stopped():
                    return
                try:
                    store = store or open_store(self.base.settings.effective_store_url)
                    if _cancel_requested(store, run_id):
                        session.stop_requested.set()
                        return
                except OpsctlError:
                    store = None  # the store is away: the heartbeat decides
            session.stop_requested.set()
        finally:
            if store is not None:
                store.close()

    def _cannot_run(self, row: dict[str, Any]) -> str | None:
        if row["status"] not in ("queued", "running"):
            return None  # the claim says no; nothing to refuse
        name = str(row["automation"])
        try:
            automation = self.base.catalog.load(name)
        except OpsctlError as exc:
            return f"worker {self.name} cannot load automation {name!r}: {exc.message}"
        if automation.version != row["contract_version"]:
            return (f"worker {self.name} runs {name} {automation.version}, the run was queued "
                    f"for {row['contract_version']}")
        return None

    def _refuse(self, row: dict[str, Any], why: str, refusals: int) -> str:
        run_id = str(row["id"])
        self.base.log.error("run.refused_by_worker", run_id=run_id, automation=row["automation"],
                            worker=self.name, reason=why, refusals=refusals + 1)
        if refusals + 1 < MAX_REFUSALS:
            return "refused"
        store = self.runtime.store()
        claim = claim_run(store, run_id, ttl_s=self.ttl_s)
        if claim is None:
            return "not-claimed"
        session = self.session_for(row)
        error = PlanRejectedError(f"no worker could run it: {why} (refused {MAX_REFUSALS} "
                                  "times); deploy the same automation version to the workers "
                                  "of this queue, then run it again", reason="stale",
                                  step="validate")
        if row["status"] == "queued":
            self.runtime._refused(session, run_id, error)
        else:
            _finish_unrunnable(session, row, error)
        release_run_claim(store, claim)
        return "gave-up"

    def _work(self, session: Session, row: dict[str, Any], claim: RunClaim) -> None:
        from opsctl.errors import AutomationBugError
        from opsctl.store.sql import LeaseLostError

        run_id = str(row["id"])
        if claim.status == "running" and row["mode"] != "apply":
            # A dry run whose worker died changed nothing: plan it again from the start.
            with session.store.transaction():
                session.store._execute("UPDATE runs SET status = 'queued' WHERE id = ? AND "
                                       "claim_token = ?", (run_id, claim.token))
            row = {**row, "status": "queued"}
            claim = RunClaim(claim.run_id, claim.token, "queued")
        try:
            with _hand_back_instead_of_finishing(session.store, run_id,
                                                 lambda: self._hands_back(session, run_id)):
                work_for(row, claim, self)(session)
        except RunHandedBack:
            pass  # unfinished, as the journal says: _let_go releases the claim and wakes it
        except (LeaseLostError, DependencyError) as exc:
            # Another worker holds it now, or the store is away (it raises DependencyError
            # while it reconnects): the claim runs out and the sweeper wakes the run again.
            # A run's own dependency failures never get here: the engine records them.
            session.log.warning("run.left", run_id=run_id, error=exc.message)
        except OpsctlError as exc:
            if row["status"] == "queued":
                self.runtime._refused(session, run_id, exc)
            else:
                current = session.store.get_run(run_id)
                if current is not None and current["status"] in ("running", "queued"):
                    session.log.error("run.resume_failed", run_id=run_id, error=exc.message)
                    _finish_unrunnable(session, current, exc)
        except Exception as exc:  # a bug: recorded as one, never lost silently
            session.log.error("run.crashed", run_id=run_id,
                              error=f"{type(exc).__name__}: {exc}")
            if row["status"] == "queued":
                self.runtime._refused(session, run_id, AutomationBugError(
                    f"internal error while running {run_id}: {type(exc).__name__}",
                    step="apply"))

    def _hands_back(self, session: Session, run_id: str) -> bool:
        """Whether a run that stopped is to be handed back rather than finished: its worker
        shuts down (SIGTERM) and nobody asked the run itself to stop (a schedule's
        ``replace``: then it stays ``cancelled``)."""
        return (self.stopping.is_set() and session.stop_requested.is_set()
                and not _cancel_requested(session.store, run_id))

    def _let_go(self, session: Session, claim: RunClaim, row: dict[str, Any]) -> str:
        store = self.runtime.store()
        after = store.get_run(claim.run_id)
        # A run recorded finished (cancelled included) stays finished: a run to hand back is
        # never finished by the engine (_hand_back_instead_of_finishing).
        unfinished = after is not None and after["status"] in ("running", "queued")
        if unfinished and _cancel_requested(store, claim.run_id):
            unfinished = False  # stopped on request: it stays cancelled
        if session.stop_requested.is_set() and unfinished:
            release_run_claim(store, claim, hand_back=True)
            queue = str((row.get("runtime") or {}).get("queue") or self.config.queue)
            try:
                self.wake(claim.run_id, queue)
            except Exception as exc:
                session.log.warning("run.wake_failed", run_id=claim.run_id, error=str(exc))
            session.log.info("run.handed_back", run_id=claim.run_id)
            return "handed-back"
        release_run_claim(store, claim)
        return "finished"

    # -- a chunk ---------------------------------------------------------------------------
    def apply_chunk(self, run_id: str, chunk: int) -> str:
        from opsctl.dispatch.fanout import run_chunk

        if self.stopping.is_set():
            return "not-claimed"
        try:
            _, row = self._read_run(run_id)
        except DependencyError as exc:  # its run offers the chunk again
            return self._wake_up_lost(run_id, exc)
        if row is None or row["status"] != "running":
            return "not-claimed"
        session = self.session_for(row)
        self._track(session)
        try:
            return run_chunk(session, run_id, chunk)
        finally:
            self._untrack(session)

    # -- the sweeper -----------------------------------------------------------------------
    def sweep_once(self) -> list[str]:
        def wake(run_id: str, row: dict[str, Any]) -> None:
            self.wake(run_id, str(row["runtime"].get("queue") or self.config.queue))

        with self._lock:
            lost = self._wake_ups_lost
        store = self.runtime.store()
        for scope in release_orphaned_leases(store, executor=EXECUTOR):
            self.base.log.info("lease.released", scope=scope,
                               reason="its run finished, its holder is gone")
        woken = sweep(store, executor=EXECUTOR, wake=wake,
                      redeliver_after_s=0.0 if lost else self.config.redeliver_after_s)
        with self._lock:
            self._wake_ups_lost -= lost
        return woken

    def sweep_forever(self, stop: threading.Event) -> None:
        """Every ``sweep_interval``: wake runs nobody carries out. Never raises."""
        while not stop.wait(self.config.sweep_interval_s):
            try:
                woken = self.sweep_once()
            except Exception as exc:
                self.base.log.warning("sweeper.failed", error=f"{type(exc).__name__}: {exc}")
                continue
            for run_id in woken:
                self.base.log.info("sweeper.woke", run_id=run_id)

    def close(self) -> None:
        self.runtime.shutdown(0.0)


def _cancel_requested(store: SQLStore, run_id: str) -> bool:
    from opsctl.engine.cancel import cancel_asked

    return cancel_asked(store, run_id)


@contextmanager
def _hand_back_instead_of_finishing(store: SQLStore, run_id: str,
                                    hands_back: Callable[[], bool]) -> Iterator[None]:
    """While the engine carries out ``run_id`` on ``store``: should it stop for a worker that
    hands the run back (``hands_back()``), its ``cancelled`` result is never recorded. The
    engine's last steps are to queue the ``run.finished`` event, record the result, then
    append the audit's ``run.finished``: the event is dropped, the journal and the events so
    far are committed in place of the result, and :class:`RunHandedBack` ends the engine's
    run there (its lease is released on the way out). The run stays ``running``, so no
    follower ever reads it finished, and the worker that resumes it finishes it once.

    The engine is the same for every executor; the worker's store is where a worker can
    say, without the engine knowing about workers, that a run is not finished here."""
    queue_event, finish_run = store.queue_run_event, store.finish_run
    handing_back = False

    def decide(status: str) -> bool:
        nonlocal handing_back
        handing_back = handing_back or (status == "cancelled" and hands_back())
        return handing_back

    def queue_run_event(event_run: str, at: str, kind: str, data: Any, *,
                        text: str | None = None) -> int | None:
        if event_run == run_id and kind == "run.finished" and isinstance(data, dict) \
                and decide(str(data.get("status"))):
            return None
        return queue_event(event_run, at, kind, data, text=text)

    def finish_instead(finished_run: str, *, status: str, **result: Any) -> None:
        if finished_run == run_id and decide(status):
            store.flush()  # the journal's deferred records and the run's events so far
            raise RunHandedBack(run_id)
        finish_run(finished_run, status=status, **result)

    store.queue_run_event = queue_run_event  # type: ignore[method-assign,assignment]
    store.finish_run = finish_instead  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        del store.queue_run_event, store.finish_run  # the class's own again


def _finish_unrunnable(session: Session, row: dict[str, Any], error: OpsctlError) -> None:
    from opsctl.engine.run import finish_stored_run

    finish_stored_run(session, row, error)


def work_for(row: dict[str, Any], claim: RunClaim, worker: Worker) -> Callable[[Session], Any]:
    """Start the queued run, or resume the run whose claimer died, with the options it was
    queued with (fan-out, concurrency, failures, lock wait, targets)."""
    run_id, mode = str(row["id"]), str(row["mode"])
    runtime: dict[str, Any] = row.get("runtime") or {}
    queue = str(runtime.get("queue") or worker.config.queue)
    fan_out = int(runtime.get("fan_out") or 0)

    def wake_chunk(chunk_run: str, chunk: int) -> None:
        worker.wake_chunk(chunk_run, chunk, queue)

    options: dict[str, Any] = {"fan_out": fan_out, "wake_chunk": wake_chunk, "claimed": True,
                               "max_failures": int(runtime.get("max_failures") or 1),
                               "concurrency": int(runtime.get("concurrency") or 1)}

    def work(session: Session) -> Any:
        from opsctl.dispatch.remote import check_signing_key
        from opsctl.engine.request import secret_digest
        from opsctl.engine.run import apply_stored_plan, execute, resume_run
        from opsctl.engine.saved_plans import restore_secrets

        check_signing_key(session, run_id, runtime)

        if claim.status == "running" and mode == "apply":
            # Its claimer died or handed it back: the journal makes this a resume. The dead
            # claimer's scope lease is taken over once its process is known gone (this
            # machine) or its TTL ran out. Its chunks still applied elsewhere stop first.
            from opsctl.dispatch.fanout import quiesce_chunks

            quiesce_chunks(session, run_id)
            return resume_run(session, run_id, wait_lock_s=worker.ttl_s * 1.5, **options)
        if runtime.get("plan_id"):
            return apply_stored_plan(session, str(runtime["plan_id"]), queued_run_id=run_id,
                                     **options)
        automation = session.catalog.load(str(row["automation"]))
        request = restore_secrets(session, automation, row["request"],
                                  secret_digest(session.signing_key), f"run {run_id}")
        return execute(session, automation, request, mode="apply" if mode == "apply" else "plan",
                       dry_run=mode != "apply",
                       idempotency_key=(row["idempotency_key"]
                                        if row.get("key_source") == "caller" else None),
                       targets=runtime.get("targets") or (), queued_run_id=run_id,
                       store_plan=bool(runtime.get("store_plan")),
                       wait_lock_s=float(runtime.get("wait_lock_s") or 0.0),
                       contract_version=runtime.get("contract_version"),
                       source=session.catalog.entry(automation.name).source,
                       stored_request=True, **options)

    return work
