"""`opsctl scheduler`: fire each due slot of each schedule once, as a queued run.

Every tick (a second), each schedule whose next slot has come is decided (:func:`decide`:
on time, missed and the misfire policy), and each slot to act on is claimed by inserting its
row in ``schedule_fires``: the one scheduler whose INSERT goes in acts on it, so any number of
schedulers (processes, machines, `opsctl serve --scheduler`) fire each slot exactly once.
The run it queues has the idempotency key ``schedule:NAME:SLOT`` and is carried out by the
configured executor: this process's pool (``local``) or the workers (``celery``).

Concurrency, decided against the schedule's previous run: ``allow`` fires anyway, ``forbid``
skips the slot while it is queued or running, ``replace`` asks it to stop gracefully (it ends
``cancelled`` at its next action boundary, journal intact) and fires the new run, which waits
for the scope's lock. Every fire is a run; every skip, misfire and refusal is an audit event
with its reason, and a row in ``schedule_fires`` that `opsctl schedule list` reads.
"""

from __future__ import annotations

import copy
import os
import threading
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from opsctl.errors import ConfigError, OpsctlError
from opsctl.schedule import store as sched_store
from opsctl.schedule.model import (
    Decision,
    Schedule,
    ScheduleError,
    check_target,
    decide,
    is_schedule_name,
    parse_schedule,
    request_of,
    schedule_from_row,
    with_env_secrets,
)

RELOAD_S = 2.0        # how often definitions, pauses and removals are read again
STUCK_FIRE_S = 60.0   # a slot claimed but never settled (its scheduler died): fired again
ALIGN_S = 0.005       # how long after a whole second the loop ticks


def declared_schedules(session: Any) -> tuple[list[Schedule], list[tuple[str, str]]]:
    """The ``[[schedules]]`` of the configuration, and (schedule, problem) for each table that
    is not a valid schedule."""
    from pathlib import Path

    base = Path(session.layers.root) if getattr(session.layers, "root", None) else None
    found: list[Schedule] = []
    problems: list[tuple[str, str]] = []
    # A name declared twice is neither definition: which one was meant is not for us to guess.
    names = Counter(str(raw.get("name")) for raw in session.settings.schedules
                    if isinstance(raw, dict) and is_schedule_name(raw.get("name")))
    twice = {name for name, count in names.items() if count > 1}
    problems.extend((name, f"schedule {name!r}: name: declared twice") for name in sorted(twice))
    for i, raw in enumerate(session.settings.schedules):
        if isinstance(raw, dict) and raw.get("name") in twice:
            continue
        where = f"schedules[{i}]"
        try:
            schedule = parse_schedule(raw, where=where, base_dir=base)
        except ScheduleError as exc:
            problems.append((exc.schedule, exc.message))
            continue
        found.append(schedule)
    return found, problems


def sync_declared(session: Any, *, now: datetime) -> list[tuple[str, str]]:
    """Store the declared schedules (a schedule whose automation or request does not validate
    is stored with its problem and not fired); drop declared ones no longer in the config.
    Schedules added with `opsctl schedule add` are checked again the same way. The problems,
    by schedule.

    A declared table that does not even parse (a cron or time zone that stopped validating)
    but names itself is stored as written with its problem, replacing its earlier definition:
    it is listed ``invalid`` and no scheduler fires the old one meanwhile."""
    store = session.store
    schedules, problems = declared_schedules(session)
    # Everything is checked before anything is written: an automation module that does not
    # import here (a configuration error: a missing dependency, a wrong python_path) raises,
    # rather than marking every schedule invalid in a store other schedulers fire from.
    checked: list[tuple[Schedule, str | None]] = []
    for schedule in schedules:
        problem = None
        try:
            check_target(session, schedule)
        except ScheduleError as exc:
            problem = exc.message
            problems.append((schedule.name, problem))
        checked.append((schedule, problem))
    valid = {s.name for s in schedules}
    declared = valid | {name for name, _ in problems}
    stale: list[str] = []
    rechecked: list[tuple[str, str | None]] = []
    for row in sched_store.list_schedules(store):
        if row["source"] == "config" and row["name"] not in declared:
            stale.append(str(row["name"]))
        elif row["source"] == "cli":
            # checked when added; its automation may be gone since, or its contract changed,
            # or this version refuses its cron or time zone
            try:
                parse_schedule({key: row[key] for key in ("name", "automation", "cron",
                                                          "timezone")},
                               where=str(row["name"]), source="cli")
                check_target(session, schedule_from_row(row))
                problem = None
            except ScheduleError as exc:
                problem = exc.message
                problems.append((str(row["name"]), problem))
            if problem != row["problem"]:
                rechecked.append((str(row["name"]), problem))
    for schedule, problem in checked:
        sched_store.save_schedule(store, schedule, now=now, problem=problem)
    raw_by_name = {raw.get("name"): raw for raw in session.settings.schedules
                   if isinstance(raw, dict)}
    for name, problem in problems:
        raw = raw_by_name.get(name)
        if name not in valid and raw is not None and is_schedule_name(name):
            sched_store.save_invalid(store, name, raw, problem, now=now)
    for name in stale:
        sched_store.delete_schedule(store, name)
    for name, problem in rechecked:
        sched_store.set_problem(store, name, problem, now=now)
    return problems


def _holds_off(store: Any, run_id: str | None, status: str | None) -> bool:
    """Whether a schedule's previous run is active for ``forbid`` and ``replace``: queued, or
    running, unless the lease it holds ran out or its holder process is gone. Such a run
    (its scheduler was killed) goes on only once a scheduler starts again: skipping every
    slot until then would stop the schedule however many schedulers run. A running run
    that holds no lease (yet: it waits for its scope's lock; or a read automation's) is
    active unless the process recorded as carrying it out is provably gone."""
    from opsctl.engine.locks import holder_is_gone

    if status == "queued":
        return True
    if status != "running" or not run_id:
        return False
    lease = store.lease_of_run(run_id)
    if lease is None:
        row = store.get_run(run_id, with_result=False)
        process = ((row or {}).get("runtime") or {}).get("process")
        return not (isinstance(process, str) and holder_is_gone(process))
    return str(lease["expires_at"]) > datetime.now(UTC).isoformat() \
        and not holder_is_gone(lease["process"])


class Scheduler:
    """One scheduler: a base session (configuration, catalog), the executor it queues for."""

    def __init__(self, session: Any, *, runtime: Any = None, clock: Callable[[], datetime]
                 | None = None, tick_s: float = 1.0) -> None:
        from opsctl.dispatch.claims import owner_name

        self.session = session
        self.executor = session.settings.executor
        self.clock = clock or (lambda: datetime.now(UTC))
        self.tick_s = tick_s
        self.owner = owner_name()
        if runtime is None:
            from opsctl.service.runtime import ServerRuntime, serve_catalog

            serve_catalog(session)
            runtime = ServerRuntime(session, workers=int(
                (session.settings.server or {}).get("workers", 4)))
        self.runtime = runtime
        self._rows: dict[str, dict[str, Any]] = {}
        self._next: dict[str, datetime] = {}
        self._loaded = 0.0
        self._sender: Callable[[str, str], None] | None = None
        self._wakes: Any = None  # run wake-ups for the broker, sent off the tick loop
        self._runtime_cache: dict[str | None, tuple[float, dict[str, Any]]] = {}
        self.stopping = threading.Event()
        self.fired = 0
        self._config_stamp = self._config_files_stamp()

    @property
    def store(self) -> Any:
        return self.runtime.store() if self.runtime is not None else self.session.store

    # -- the loop -------------------------------------------------------------------------
    def start(self) -> list[tuple[str, str]]:
        """Sync the declared schedules; their problems (logged: those are not fired)."""
        problems = sync_declared(self.session, now=self.clock())
        for name, problem in problems:
            self.session.log.warning("schedule.invalid", schedule=name, problem=problem)
        if self.executor == "local":  # runs a scheduler fired and did not finish: finish them
            self.runtime.recover(("scheduler",))
        return problems

    def run_forever(self, stop: threading.Event | None = None) -> None:
        """Tick until ``stop``. A store outage or a bug is logged and the next tick tries
        again; a store whose role is refused a write (StorePrivilegeError) is raised: no tick
        would mend it, and every due slot would be retried and refused each second."""
        from opsctl.store.sql import StorePrivilegeError

        stop = stop or self.stopping
        while not stop.is_set():
            try:
                self.tick()
            except StorePrivilegeError:
                raise
            except OpsctlError as exc:  # a store outage: try again next tick
                self.session.log.warning("scheduler.tick_failed", error=exc.message)
            except Exception as exc:  # a bug must not stop every schedule: logged, next tick
                self.session.log.error("scheduler.tick_failed",
                                       error=f"{type(exc).__name__}: {exc}")
            # Slots fall on whole seconds: tick just after the wall clock's next multiple of
            # tick_s, so a due slot waits ~ALIGN_S for the loop, not up to a whole tick.
            stop.wait(self.tick_s - time.time() % self.tick_s + ALIGN_S)

    def tick(self) -> int:
        """Handle every due slot now; how many runs were fired."""
        now = self.clock()
        if time.monotonic() - self._loaded >= RELOAD_S:
            self._reload()
        due: list[Schedule] = []
        for name, row in list(self._rows.items()):
            if row["paused"] or row["problem"]:
                continue
            at = self._next.get(name)
            if at is not None and at > now:
                continue
            due.append(schedule_from_row(row))
        fired = self._handle_due(due, now) if due else 0
        self._forward_cancels()
        return fired

    def _handle_due(self, due: list[Schedule], now: datetime) -> int:
        """The due schedules with at most one slot to fire (the usual case), together: one
        read of their state, one transaction claiming their slots, one recording the runs,
        fires, last slots and audit events; the runs go to the executor after that commit.
        A schedule with misfires, a catch-up or a run to replace is handled on its own."""
        store = self.store
        states = sched_store.states(store, [s.name for s in due])
        batch: list[tuple[Schedule, Decision, bool]] = []
        advanced: list[tuple[str, datetime]] = []
        handled: list[Schedule] = []  # their next slot is set once the tick is recorded
        fired = 0
        for schedule in due:
            state = states.get(schedule.name)
            if state is None or state["paused"]:
                continue
            last = datetime.fromisoformat(str(state["last_slot"])) if state["last_slot"] else now
            try:
                decisions = decide(schedule, last, now)
                active = _holds_off(store, state["last_run_id"], state["last_run_status"])
                if decisions.skipped or len(decisions.fires) > 1 or (
                        active and schedule.concurrency == "replace" and decisions.fires):
                    fired += self._handle(schedule, now)
                    continue
            except OpsctlError:
                raise  # the store's: every schedule's tick is tried again
            except Exception as exc:  # one schedule's bug: logged, the others still fire
                self.session.log.error("schedule.failed", schedule=schedule.name,
                                       error=f"{type(exc).__name__}: {exc}")
                continue
            if decisions.last_slot is None:
                self._next[schedule.name] = schedule.cron.next_after(now)
                continue
            if decisions.fires:
                batch.append((schedule, decisions.fires[0], active))
            advanced.append((schedule.name, decisions.last_slot))
            handled.append(schedule)
        if not advanced:
            return fired
        won = sched_store.claim_slots(store, [(s.name, d.slot, "firing", d.reason)
                                              for s, d, _ in batch],
                                      now=now, scheduler=self.owner)
        runs: list[dict[str, Any]] = []
        work: list[tuple[str, Any, Any]] = []
        settled: list[tuple[str, datetime, str, str, str | None]] = []
        events: list[Any] = []
        logged: list[dict[str, Any]] = []
        for (schedule, decision, active), mine in zip(batch, won, strict=True):
            if not mine:
                continue  # another scheduler has this slot
            slot = decision.slot
            if active and schedule.concurrency == "forbid":
                last_run = states[schedule.name]
                why = (f"previous run {last_run['last_run_id']} is still "
                       f"{last_run['last_run_status']} (concurrency = forbid)")
                settled.append((schedule.name, slot, "skipped", why, None))
                events.append(self._event("schedule.skipped", schedule, slot, reason=why))
                continue
            wait_lock_s = schedule.grace_s if not active else max(schedule.grace_s,
                                                                  self._replace_wait())
            try:
                if self.executor == "celery":
                    run_id = self._queue(schedule, slot, wait_lock_s=wait_lock_s)
                else:
                    run, principal, carry_out = self._local_run(schedule, slot, wait_lock_s)
                    run_id = str(run["id"])
                    runs.append(run)
                    work.append((run_id, principal, carry_out))
            except Exception as exc:  # this slot's own: the others of the tick still fire
                message = self._not_fired(schedule, slot, exc)
                settled.append((schedule.name, slot, "invalid", message, None))
                events.append(self._event("schedule.invalid", schedule, slot, reason=message))
                continue
            settled.append((schedule.name, slot, "fired", decision.reason, run_id))
            events.append(self._event("schedule.fired", schedule, slot, reason=decision.reason,
                                      run_id=run_id))
            logged.append({"schedule": schedule.name, "run_id": run_id,
                           "slot": sched_store.slot_key(slot), "reason": decision.reason})
        sched_store.record_tick(store, runs=runs, settled=settled, advanced=advanced,
                                events=events)
        for schedule in handled:
            self._next[schedule.name] = schedule.cron.next_after(now)
        for run_id, principal, carry_out in work:
            self.runtime.submit(run_id, principal, carry_out)
        for fields in logged:
            self.session.log.info("schedule.fired", **fields)
        self.fired += len(logged)
        return fired + len(logged)

    def _config_files_stamp(self) -> tuple[tuple[str, int | None, int | None], ...]:
        """The config files and the request files of the schedules as stored: an edit of
        either re-checks the declared schedules (one stored invalid while its request file was
        broken is valid again once the file is fixed)."""
        stamp: list[tuple[str, int | None, int | None]] = []
        requests = sorted({str(row["request_file"]) for row in getattr(self, "_rows", {}).values()
                           if row.get("request_file")})
        for path in [*self.session.layers.files, *requests]:
            try:
                stat = os.stat(path)
                stamp.append((path, stat.st_mtime_ns, stat.st_size))
            except OSError:
                stamp.append((path, None, None))
        return tuple(stamp)

    def _sync_changed_config(self) -> None:
        """The configuration files changed since they were read: store the ``[[schedules]]``
        they declare now (a schedule that stopped validating is stored invalid, one removed
        is dropped), so a running scheduler follows an edited opsctl.toml. Only the schedules:
        every other setting of a running process is the one it started with. A file that no
        longer loads is logged and the schedules stay as they were."""
        from opsctl.config.layers import load_layers, user_config_path
        from opsctl.config.settings import validate_settings

        layers = self.session.layers
        env = self.session.env
        repo = next((f for f in layers.files if f != user_config_path(env)), None)
        try:
            fresh = load_layers(cwd=layers.root, env=env, config_file=repo)
            settings = validate_settings(fresh)
        except OpsctlError as exc:
            self.session.log.warning("schedule.config_invalid", error=exc.message)
            return
        view = copy.copy(self.session)  # the same store, catalog and log; the new schedules
        view.layers, view.settings = fresh, settings
        try:
            problems = sync_declared(view, now=self.clock())
        except ConfigError as exc:  # an automation module that no longer imports
            self.session.log.warning("schedule.config_invalid", error=exc.message)
            return
        for name, problem in problems:
            self.session.log.warning("schedule.invalid", schedule=name, problem=problem)

    def _reload(self) -> None:
        stamp = self._config_files_stamp()
        if stamp != self._config_stamp:
            self._config_stamp = stamp
            self._sync_changed_config()
        rows = {str(r["name"]): r for r in sched_store.list_schedules(self.store)}
        for name in set(self._next) - set(rows):
            self._next.pop(name, None)
        for name, row in rows.items():
            old = self._rows.get(name)
            if old is not None and (old["cron"], old["timezone"], old["paused"]) != (
                    row["cron"], row["timezone"], row["paused"]):
                self._next.pop(name, None)
        self._rows = rows
        self._loaded = time.monotonic()
        self._recover_stuck()

    def _handle(self, schedule: Schedule, now: datetime) -> int:
        store = self.store
        fresh = sched_store.get_schedule(store, schedule.name)
        if fresh is None or fresh["paused"]:
            return 0
        last = datetime.fromisoformat(str(fresh["last_slot"])) if fresh["last_slot"] else now
        decisions = decide(schedule, last, now)
        if decisions.skipped:  # claimed together, and their audit events appended together
            won = sched_store.claim_slots(store, [(schedule.name, d.slot, "misfired", d.reason)
                                                  for d in decisions.skipped],
                                          now=now, scheduler=self.owner)
            events = [self._event("schedule.misfired", schedule, d.slot, reason=d.reason)
                      for d, mine in zip(decisions.skipped, won, strict=True) if mine]
            if events:
                from opsctl.store.audit import append_events

                append_events(store, events)
        fired = sum(self._fire(schedule, d, now) for d in decisions.fires)
        if decisions.last_slot is not None:
            sched_store.advance(store, schedule.name, decisions.last_slot)
        self._next[schedule.name] = schedule.cron.next_after(now)
        return fired

    # -- one slot -------------------------------------------------------------------------
    def _fire(self, schedule: Schedule, decision: Decision, now: datetime) -> int:
        store = self.store
        if not sched_store.claim_slot(store, schedule.name, decision.slot, outcome="firing",
                                      reason=decision.reason, now=now, scheduler=self.owner):
            return 0  # another scheduler has this slot
        reason = decision.reason
        fresh = sched_store.get_schedule(store, schedule.name) or {}
        previous = sched_store.run_status(store, fresh.get("last_run_id"))
        active = previous is not None and _holds_off(store, fresh.get("last_run_id"),
                                                     previous["status"])
        if active and schedule.concurrency == "forbid":
            why = (f"previous run {fresh['last_run_id']} is still {previous['status']} "
                   "(concurrency = forbid)")
            sched_store.settle_fire(store, schedule.name, decision.slot, outcome="skipped",
                                    reason=why, run_id=None)
            self._audit("schedule.skipped", schedule, decision.slot, reason=why)
            return 0
        if active and schedule.concurrency == "replace":
            self._cancel(str(fresh["last_run_id"]), schedule)
            reason += f"; replaced run {fresh['last_run_id']} (asked to stop)"
        try:
            # A scheduled run waits for its scope's lock up to the grace (another run of
            # the scope, or the one being replaced, is finishing), then exits 7.
            wait = schedule.grace_s if not active else max(schedule.grace_s,
                                                           self._replace_wait())
            run_id = self._queue(schedule, decision.slot, wait_lock_s=wait)
        except Exception as exc:  # this slot's own, as in _handle_due
            message = self._not_fired(schedule, decision.slot, exc)
            sched_store.settle_fire(store, schedule.name, decision.slot, outcome="invalid",
                                    reason=message, run_id=None)
            self._audit("schedule.invalid", schedule, decision.slot, reason=message)
            return 0
        sched_store.settle_fire(store, schedule.name, decision.slot, outcome="fired",
                                reason=reason, run_id=run_id)
        self._audit("schedule.fired", schedule, decision.slot, reason=reason, run_id=run_id)
        self.session.log.info("schedule.fired", schedule=schedule.name, run_id=run_id,
                              slot=sched_store.slot_key(decision.slot), reason=reason)
        self.fired += 1
        return 1

    def _not_fired(self, schedule: Schedule, slot: datetime, exc: Exception) -> str:
        """Why a slot this scheduler claimed fired no run, logged: an OpsctlError is the
        request's or the grant's (a warning); anything else is a bug, an automation's request
        model raising something other than a ValueError say (an error)."""
        if isinstance(exc, OpsctlError):
            self.session.log.warning("schedule.invalid", schedule=schedule.name,
                                     slot=sched_store.slot_key(slot), error=exc.message)
            return exc.message
        message = f"internal error: {type(exc).__name__}: {exc}"
        self.session.log.error("schedule.invalid", schedule=schedule.name,
                               slot=sched_store.slot_key(slot), error=message)
        return message

    def _replace_wait(self) -> float:
        grace: float = self.session.settings.stop_grace.total_seconds()
        return grace + 10.0

    def _queue(self, schedule: Schedule, slot: datetime, *, wait_lock_s: float) -> str:
        """Validate the request now (it may have changed since the schedule was stored) and
        queue the run for the executor; its id."""
        key = f"schedule:{schedule.name}:{sched_store.slot_key(slot)}"
        context = {"schedule": schedule.name, "slot": sched_store.slot_key(slot)}
        session = self._session(context)
        automation = self._automation(schedule)
        data = with_env_secrets(session, automation,
                                request_of(schedule, limit=session.settings.max_input_size),
                                firing=True)
        prior = session.store.latest_run_for_key(automation.name, key)
        if prior is not None:  # fired by a scheduler that died before settling the slot
            return str(prior["id"])
        if self.executor == "celery":
            from opsctl.dispatch.remote import queue_for_celery

            queued = queue_for_celery(session, automation, data, mode="apply",
                                      idempotency_key=key, wait_lock_s=wait_lock_s,
                                      runtime_extra=context, send=self._wake_later)
            return queued.run_id
        return self._queue_local(session, automation, data, key, context, wait_lock_s)

    def _wake_later(self, run_id: str, queue_name: str) -> None:
        """Hand a queued run's wake-up to a thread of its own: a broker that is down makes
        each send wait for its retries (seconds), and the tick loop must go on firing the
        next slots meanwhile. The run is recorded already; a send that fails is sent again
        by a worker's sweeper once the broker is back (run.wake_failed)."""
        if self._wakes is None:
            import queue as queues

            self._wakes = queues.SimpleQueue()
            threading.Thread(target=self._send_wakes, name="opsctl-scheduler-wakes",
                             daemon=True).start()
        self._wakes.put((run_id, queue_name))

    def _send_wakes(self) -> None:
        from opsctl.dispatch.config import require_remote_ready
        from opsctl.dispatch.remote import broker_sender

        while True:
            run_id, queue_name = self._wakes.get()
            try:
                if self._sender is None:
                    broker = require_remote_ready(self.session.settings, "the scheduler")
                    self._sender = broker_sender(broker)
                self._sender(run_id, queue_name)
            except Exception as exc:  # the sweeper sends it again: said, not raised
                self.session.log.warning(
                    "run.wake_failed", run_id=run_id, error=type(exc).__name__,
                    message="the broker did not take the wake-up; a worker's sweeper sends "
                            "it again once the broker is reachable")

    def _local_run(self, schedule: Schedule, slot: datetime,
                   wait_lock_s: float) -> tuple[dict[str, Any], Any, Callable[[Any], Any]]:
        """A slot this scheduler just claimed, validated for this process's pool: the queued
        run's row, its principal and its work (stored and submitted by the caller)."""
        key = f"schedule:{schedule.name}:{sched_store.slot_key(slot)}"
        context = {"schedule": schedule.name, "slot": sched_store.slot_key(slot)}
        session = self._session(context)
        automation = self._automation(schedule)
        data = with_env_secrets(session, automation,
                                request_of(schedule, limit=session.settings.max_input_size),
                                firing=True)
        return self._run_row(session, automation, data, key, context, wait_lock_s)

    def _queue_local(self, session: Any, automation: Any, data: dict[str, Any], key: str,
                     context: dict[str, str], wait_lock_s: float) -> str:
        from opsctl.store.queue import create_queued_run

        run, principal, work = self._run_row(session, automation, data, key, context,
                                             wait_lock_s)
        create_queued_run(session.store, run)
        self.runtime.submit(str(run["id"]), principal, work)
        return str(run["id"])

    def _run_row(self, session: Any, automation: Any, data: dict[str, Any], key: str,
                 context: dict[str, str],
                 wait_lock_s: float) -> tuple[dict[str, Any], Any, Callable[[Any], Any]]:
        from opsctl.engine.ids import new_run_id
        from opsctl.engine.request import hash_of_request, request_document, versioned_request
        from opsctl.engine.run import _check_permission, execute
        from opsctl.engine.state import iso

        request = versioned_request(automation, data).request
        request_doc = request_document(session, automation, request)
        _check_permission(session, automation, "apply", request_doc)
        run_id = new_run_id()
        entry = session.catalog.entry(automation.name)
        run = {
            "id": run_id, "automation": automation.name,
            "contract_version": automation.version, "mode": "apply", "actor": session.actor,
            "idempotency_key": key, "key_source": "caller",
            "request_hash": hash_of_request(request_doc), "request": request_doc,
            "runtime": {**self._runtime_info(entry.source),
                        "identity": session.identity.to_dict(), "executor": "scheduler",
                        "wait_lock_s": wait_lock_s, **context},
            "started_at": iso(session.clock()),
        }
        return run, self._principal(context), lambda s: execute(
            s, automation, data, mode="apply", idempotency_key=key, queued_run_id=run_id,
            wait_lock_s=wait_lock_s, source=entry.source)

    def _runtime_info(self, source: str | None) -> dict[str, Any]:
        """What produced the runs of an automation (versions, its source's hash, the git
        commit): read once a second at most, not once a fire."""
        from opsctl.engine.runtime import runtime_info

        now = time.monotonic()
        cached = self._runtime_cache.get(source)
        if cached is None or now - cached[0] >= 1.0:
            cached = (now, runtime_info(source))
            self._runtime_cache[source] = cached
        return dict(cached[1])

    # -- identity, cancellation, recovery -----------------------------------------------
    def _principal(self, context: dict[str, str]) -> Any:
        """The scheduler's actor with the configured permissions (none configured: no role
        checks, as on the command line)."""
        from opsctl.governance.gate import governance_for
        from opsctl.governance.permissions import Permissions
        from opsctl.service.runtime import Principal

        governance = governance_for(self.session)
        grant = governance.permissions or Permissions.unrestricted(governance.groups)
        return Principal(self.session.actor, "token", scope=context, grant=grant)

    def _session(self, context: dict[str, str]) -> Any:
        from opsctl.governance.identity import Identity

        if self.runtime is not None:
            session = self.runtime.session(self._principal(context))
        else:
            session = self.session
        session.identity = Identity(self.session.actor, "schedule", context)
        return session

    def _automation(self, schedule: Schedule) -> Any:
        from opsctl.schedule.model import ScheduleError

        try:
            return self.session.catalog.load(schedule.automation)
        except OpsctlError as exc:
            raise ScheduleError(schedule.name, "automation", exc.message) from None

    def _cancel(self, run_id: str, schedule: Schedule) -> None:
        """Ask ``run_id`` to stop at its next action boundary; a run still queued ends
        cancelled at once. Audited as ``opsctl cancel`` is, so the stopped run's trail says
        who asked and why."""
        from opsctl.engine.cancel import mark_cancelled
        from opsctl.store.audit import append_event

        status = mark_cancelled(self.store, run_id, now=self.clock(),
                                message="replaced by the schedule's next run before it started",
                                redact=self.session.redactor.redact)
        append_event(self.store, "run.cancel_requested", actor=self.session.actor,
                     payload={"run_id": run_id, "status": status,
                              "reason": f"replaced by schedule {schedule.name}'s next run"},
                     run_id=run_id)
        self._forward_cancels()

    def _forward_cancels(self) -> None:
        """Runs this process carries out whose stop was asked for (by any scheduler) stop."""
        runtime = self.runtime
        if runtime is None:
            return
        with runtime._lock:
            running = dict(runtime._running)
        if not running:
            return
        marks = ", ".join("?" for _ in running)
        rows = self.store._rows(f"SELECT id FROM runs WHERE id IN ({marks}) AND "
                                "cancel_requested_at IS NOT NULL", list(running))
        for row in rows:
            running[str(row["id"])].stop_requested.set()

    def _recover_stuck(self) -> None:
        """A slot claimed by a scheduler that died before it queued the run is fired again
        (the run's idempotency key keeps it to one run)."""
        store = self.store
        horizon = (self.clock() - timedelta(seconds=STUCK_FIRE_S)).isoformat()
        rows = store._rows("SELECT schedule, slot, reason, at FROM schedule_fires WHERE "
                           "outcome = 'firing' AND at < ?", (horizon,))
        for row in rows:
            with store.transaction():
                cur = store._execute("UPDATE schedule_fires SET at = ?, scheduler = ? WHERE "
                                     "schedule = ? AND slot = ? AND outcome = 'firing' AND "
                                     "at = ?", (self.clock().isoformat(), self.owner,
                                                row["schedule"], row["slot"], row["at"]))
            found = self._rows.get(str(row["schedule"]))
            if cur.rowcount != 1 or found is None:
                continue
            if found["problem"]:  # it stopped validating since: not fired
                sched_store.settle_fire(store, str(found["name"]),
                                        datetime.fromisoformat(str(row["slot"])),
                                        outcome="invalid", reason=str(found["problem"]),
                                        run_id=None)
                continue
            schedule = schedule_from_row(found)
            slot = datetime.fromisoformat(str(row["slot"]))
            if found["paused"]:  # paused since: no run of it starts once the pause returned
                why = (f"{row['reason']}; not fired: the schedule was paused before its "
                       "run was queued")
                sched_store.settle_fire(store, schedule.name, slot, outcome="skipped",
                                        reason=why, run_id=None)
                self._audit("schedule.skipped", schedule, slot, reason=why)
                continue
            try:
                run_id = self._queue(schedule, slot, wait_lock_s=schedule.grace_s)
            except OpsctlError as exc:
                sched_store.settle_fire(store, schedule.name, slot, outcome="invalid",
                                        reason=exc.message, run_id=None)
                continue
            sched_store.settle_fire(store, schedule.name, slot, outcome="fired",
                                    reason=f"{row['reason']}; fired again: its scheduler "
                                           "stopped before queueing it", run_id=run_id)

    def _audit(self, kind: str, schedule: Schedule, slot: datetime, *, reason: str,
               run_id: str | None = None) -> None:
        from opsctl.store.audit import append_events

        append_events(self.store, [self._event(kind, schedule, slot, reason=reason,
                                               run_id=run_id)])

    def _event(self, kind: str, schedule: Schedule, slot: datetime, *, reason: str,
               run_id: str | None = None) -> Any:
        from opsctl.store.audit import NewEvent

        return NewEvent(kind, self.session.actor, {
            "schedule": schedule.name, "automation": schedule.automation,
            "slot": sched_store.slot_key(slot), "reason": reason}, run_id)

    def close(self, grace_s: float = 0.0) -> list[str]:
        """Stop firing and wait up to ``grace_s`` for the runs fired here; the runs still in
        flight after it."""
        self.stopping.set()
        if self.runtime is not None:
            return list(self.runtime.shutdown(grace_s))
        return []
