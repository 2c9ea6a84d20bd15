"""Fan one run's actions out over workers in chunks, and apply one chunk.

The worker that claimed the run (the coordinator) plans and gates it as always, journals every
action, then splits the pending ones into at most ``fan_out`` chunks: actions linked by
``depends_on`` stay in one chunk (the chunk's scheduler honours the order), independent ones
are spread evenly. Each chunk is a row in ``run_chunks`` and a wake-up on the run's queue.

A worker applies a chunk (:func:`run_chunk`) after claiming it: its actions are rebuilt from the
journal (the plan the coordinator recorded, never planned again), applied with the run's retry
policy and a share of the run's concurrency, and journaled under both the run's lease fence
(the coordinator's scope lease) and the chunk's claim. The coordinator takes chunks itself
while it waits (so one worker with one slot still finishes), re-offers a chunk whose claimer is
gone, stops the rest once ``max_failures`` actions failed, and finishes the run (verify,
result, audit) once every chunk is settled, with the same statuses and exit codes as a local
run. Its event stream gets each chunk's ``action.finished`` events when the chunk settles.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from opsctl.dispatch.claims import (
    ChunkClaim,
    chunk_rows,
    chunk_status,
    claim_chunk,
    claim_expired,
    create_chunks,
    finish_chunk,
    renew_chunk,
    reoffer_chunk,
    set_chunks,
)
from opsctl.engine.context import Context
from opsctl.engine.events import record_event
from opsctl.engine.locks import Heartbeat
from opsctl.engine.state import ActionState, ProgressFn, RunState, iso
from opsctl.errors import ExitCode, OpsctlError

WakeChunk = Callable[[str, int], None]
POLL_S = 0.1
SETTLED = ("applied", "unchanged", "failed", "skipped")


def can_fan_out(run: RunState) -> str | None:
    """Why this run's actions cannot be applied by other workers, or None when they can.

    Chunk workers rebuild actions from the journal, where secrets are masked: an action that
    holds a secret value is applied where it was planned.
    """
    # by id: a resumed run's states are the journal's, then the new actions; its specs are
    # those of the fresh plan (what is left), so their positions do not match
    specs = {spec.get("id"): spec for spec in run.specs}
    for state in run.states:
        if not state.done and specs.get(state.action.id) != state.action.to_dict():
            return f"action {state.action.id} holds a secret value"
    return None


def components(states: Sequence[ActionState]) -> list[list[ActionState]]:
    """The pending actions grouped so that no ``depends_on`` link crosses two groups; each
    group in plan order, groups ordered by their first action."""
    parent = {s.action.id: s.action.id for s in states}

    def root(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for state in states:
        for dep in state.action.depends_on:
            if dep in parent:
                a, b = root(state.action.id), root(dep)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict[str, list[ActionState]] = {}
    for state in states:
        groups.setdefault(root(state.action.id), []).append(state)
    return list(groups.values())


def pack(groups: list[list[ActionState]], chunks: int) -> list[list[str]]:
    """Spread groups over at most ``chunks`` chunks, largest first onto the lightest chunk;
    each chunk lists its action ids in plan order."""
    order = {id(s): i for i, g in enumerate(groups) for s in g}
    bins: list[list[ActionState]] = [[] for _ in range(max(1, min(chunks, len(groups))))]
    for group in sorted(groups, key=len, reverse=True):
        min(bins, key=len).extend(group)
    return [[s.action.id for s in sorted(b, key=lambda s: order[id(s)])] for b in bins if b]


def _first_failure(reasons: list[dict[str, Any]]) -> OpsctlError | None:
    if not reasons:
        return None
    first = min(reasons, key=lambda r: str(r.get("at") or ""))
    return error_from(str(first.get("type") or "internal"), int(first.get("exit_code") or 1),
                      str(first.get("message") or "action failed"))


def error_from(error_type: str, exit_code: int, message: str) -> OpsctlError:
    """An error of the class that has ``error_type`` and ``exit_code`` (as recorded by another
    process), so the run's status and exit code are those of a local run."""
    classes: list[type[OpsctlError]] = [OpsctlError]
    found: type[OpsctlError] = OpsctlError
    while classes:
        cls = classes.pop(0)
        if cls.error_type == error_type and cls.exit_code == exit_code:
            found = cls
            break
        classes.extend(cls.__subclasses__())
    error = OpsctlError.__new__(found)
    OpsctlError.__init__(error, message, step="apply")
    return error


def apply_fanned_out(run: RunState, ctx: Context, on_progress: ProgressFn | None, *,
                     fan_out: int, wake: WakeChunk) -> OpsctlError | None:
    """Apply the run's pending actions in chunks across workers; the first failure, if any."""
    ctx.phase = "apply"  # a stop or a lost store from here on happened while applying
    session, store = run.session, run.session.store
    journaled = {r.action_id for r in store.list_actions(run.run_id)} if run.resumed else set()
    specs = {spec["id"]: spec for spec in run.specs}
    store.record_actions(run.run_id, [specs[s.action.id] for s in run.states
                                      if s.action.id not in journaled],
                         first_seq=len(journaled))
    run.artifacts.pop("new_actions", None)
    pending = [s for s in run.states if not s.done]
    packed = pack(components(pending), fan_out)
    share = max(1, run.concurrency // len(packed))  # the run's concurrency, over its chunks
    numbers = create_chunks(store, run.run_id, packed, concurrency=share)
    members = dict(zip(numbers, packed, strict=True))
    by_id = {s.action.id: s for s in run.states}
    run.artifacts["fan_out"] = {"chunks": len(numbers),
                                "actions": sum(len(ids) for ids in packed)}
    session.log.info("run.fanned_out", run_id=run.run_id, chunks=len(numbers),
                     actions=len(pending), step="apply")
    for number in numbers:
        wake(run.run_id, number)
    total = len(run.states)
    finished = total - len(pending)
    ttl_s = session.settings.lock_ttl.total_seconds()
    settled: set[int] = set()
    reasons: list[dict[str, Any]] = []
    stopping = False
    local: threading.Thread | None = None
    failed, next_count = 0, 0.0

    def take(number: int) -> None:
        nonlocal local
        claim = claim_chunk(store, run.run_id, number, ttl_s=ttl_s)
        if claim is None:
            return
        local = threading.Thread(target=run_chunk_claimed, name=f"chunk:{number}", daemon=True,
                                 args=(run.session, run, claim))
        local.start()

    while True:
        if session.stop_requested.is_set() and not stopping:
            stopping = True
            set_chunks(store, run.run_id, numbers, "stop", where=("running",))
            set_chunks(store, run.run_id, numbers, "stopped", where=("pending",))
        rows = chunk_rows(store, run.run_id, numbers)
        live = False
        for row in rows:
            number = int(row["chunk"])
            status = str(row["status"])
            if status in ("done", "stopped", "superseded") or (
                    status == "stop" and row["claim_until"] is None):
                if number not in settled:
                    settled.add(number)
                    if row["reason"]:
                        reasons.extend(json.loads(row["reason"]))
                    finished += _collect(run, members[number], by_id, on_progress, finished,
                                         total)
                continue
            live = True
            if status in ("running", "stop") and claim_expired(row):
                if status == "stop":
                    set_chunks(store, run.run_id, [number], "stopped", where=("stop",))
                elif reoffer_chunk(store, run.run_id, number, int(row["attempt"])):
                    session.log.warning("chunk.reoffered", run_id=run.run_id, chunk=number,
                                        owner=row["owner"], step="apply")
                    wake(run.run_id, number)
            elif status == "pending" and not stopping and (local is None or not local.is_alive()):
                take(number)
        if time.monotonic() >= next_count:  # failures in chunks still running count too
            next_count = time.monotonic() + 1.0
            failed = _failed_count(store, run.run_id)
        if failed >= run.max_failures and not stopping:
            stopping = True  # as a local run: no new action starts after max_failures
            set_chunks(store, run.run_id, numbers, "stop", where=("running",))
            set_chunks(store, run.run_id, numbers, "stopped", where=("pending",))
            continue
        if not live:
            break
        time.sleep(POLL_S)
    if local is not None:
        local.join()
    _settle_rest(run, pending)
    store.flush()
    if session.stop_requested.is_set() and any(s.status == "pending" for s in pending):
        raise KeyboardInterrupt
    failures = [s for s in pending if s.status == "failed"]
    if not failures:
        return None
    return _first_failure(reasons) or error_from("internal", ExitCode.INTERNAL,
                                                 failures[0].error or "action failed")


def _failed_count(store: Any, run_id: str) -> int:
    rows = store._rows("SELECT COUNT(*) AS n FROM actions WHERE run_id = ? AND status = 'failed'",
                       (run_id,))
    return int(rows[0]["n"])


def plain_session(session: Any, store: Any, stop: threading.Event) -> Any:
    """A session like ``session`` (its settings, identity, redactor, catalog) on ``store``, with
    its own stop event: a chunk's connection carries the chunk's fence."""
    import dataclasses

    from opsctl.engine.session import Session

    values = {f.name: getattr(session, f.name) for f in dataclasses.fields(Session)}
    values.update(stop_requested=stop, _store=store, _catalog=session._catalog)
    return Session(**values)


def _collect(run: RunState, ids: list[str], by_id: dict[str, ActionState],
             on_progress: ProgressFn | None, finished: int, total: int) -> int:
    """Read a settled chunk's actions from the journal into the run's states, with their
    ``action.finished`` events and progress; how many settled."""
    store = run.session.store
    records: dict[str, Any] = {}
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        marks = ", ".join("?" for _ in part)
        for row in store._rows(f"SELECT action_id, status, attempts, error, finished_at FROM "
                               f"actions WHERE run_id = ? AND action_id IN ({marks})",
                               (run.run_id, *part)):
            records[row["action_id"]] = row
    count = 0
    for action_id in ids:
        record = records.get(action_id)
        state = by_id[action_id]
        if record is None or record["status"] not in SETTLED:
            continue  # never started (the chunk was stopped): settled below
        state.status, state.error = str(record["status"]), record["error"]
        state.attempts = int(record["attempts"] or 0)
        count += 1
        record_event(run, "action.finished", {"id": action_id, "status": state.status,
                                              "attempts": state.attempts, "duration_ms": None,
                                              "error": state.error},
                     str(record["finished_at"] or iso(run.session.clock())))
        if on_progress is not None:
            on_progress(finished + count, total, action_id)
    return count


def _settle_rest(run: RunState, pending: list[ActionState]) -> None:
    """Actions no chunk started (stopped after max_failures, or a stop): journaled skipped as
    a local run skips them; on a stop they stay pending for the resume."""
    store, session = run.session.store, run.session
    stop = session.stop_requested.is_set()
    by_id = {s.action.id: s for s in run.states}
    for state in pending:
        if state.status not in ("pending", "started"):
            continue
        rows = store._rows("SELECT status, error, attempts FROM actions WHERE run_id = ? AND "
                           "action_id = ?", (run.run_id, state.action.id))
        if rows and rows[0]["status"] in SETTLED:
            state.status, state.error = str(rows[0]["status"]), rows[0]["error"]
            state.attempts = int(rows[0]["attempts"] or 0)
            continue
        if stop:
            continue
        blocked = [d for d in state.action.depends_on
                   if d in by_id and by_id[d].status in ("failed", "skipped")]
        state.status = "skipped"
        state.error = (f"depends on {', '.join(blocked)}, which did not apply" if blocked
                       else None)
        at = iso(session.clock())
        record_event(run, "action.finished", {"id": state.action.id, "status": "skipped",
                                              "attempts": state.attempts, "duration_ms": 0.0,
                                              "error": state.error}, at)
        store.action_finished(run.run_id, state.action.id, status="skipped", error=state.error,
                              at=at, fence=run.fence)


def quiesce_chunks(session: Any, run_id: str) -> None:
    """Before a run taken over from a coordinator that is gone is planned again: no chunk of
    the earlier claims may be claimed any more, and the actions still in flight on live
    workers must be over, so that the new plan sees every effect they made (an action whose
    effect lands after the new plan read the world would be applied again).

    Pending chunks are stopped, running ones asked to stop at their next action boundary
    (their actions in flight finish and are journaled); this waits until their claimers let
    go, are gone, or their claims ran out (a lock TTL at most), then settles them."""
    store = session.store
    numbers = [int(r["chunk"]) for r in store._rows(
        "SELECT chunk FROM run_chunks WHERE run_id = ? AND status IN ('pending', 'running', "
        "'stop')", (run_id,))]
    if not numbers:
        return
    set_chunks(store, run_id, numbers, "stopped", where=("pending",))
    set_chunks(store, run_id, numbers, "stop", where=("running",))
    deadline = time.monotonic() + 2 * session.settings.lock_ttl.total_seconds()
    while True:
        live = [int(r["chunk"]) for r in chunk_rows(store, run_id, numbers)
                if r["status"] == "stop" and not claim_expired(r)]
        if not live or time.monotonic() > deadline:
            break
        time.sleep(POLL_S)
    if live:
        session.log.warning("chunk.still_claimed", run_id=run_id, chunks=live, step="apply")
    set_chunks(store, run_id, numbers, "stopped", where=("stop",))


# -- one chunk ---------------------------------------------------------------------------------

def run_chunk(session: Any, run_id: str, chunk: int) -> str:
    """Claim and apply chunk ``chunk`` of ``run_id`` in this worker; what happened, in a word
    (``applied``, ``not-claimed``, ``refused``, ``lost``)."""
    from opsctl.engine.request import secret_digest, versioned_request
    from opsctl.engine.saved_plans import restore_secrets

    store = session.store
    ttl_s = session.settings.lock_ttl.total_seconds()
    row = store.get_run(run_id)
    if row is None or row["status"] != "running":
        return "not-claimed"
    from opsctl.engine.cancel import cancel_asked

    if cancel_asked(store, run_id):
        return "not-claimed"  # asked to stop: no chunk of it starts any more
    try:
        automation = session.catalog.load(str(row["automation"]))
    except OpsctlError as exc:
        session.log.error("chunk.refused", run_id=run_id, chunk=chunk, error=exc.message)
        return "refused"
    if automation.version != row["contract_version"]:
        session.log.error("chunk.refused", run_id=run_id, chunk=chunk,
                          error=f"this worker runs {automation.name} {automation.version}, the "
                                f"run was planned with {row['contract_version']}")
        return "refused"
    claim = claim_chunk(store, run_id, chunk, ttl_s=ttl_s) or _claim_pending(store, run_id,
                                                                            ttl_s)
    if claim is None:
        return "not-claimed"
    from opsctl.engine.applying import retry_policy_for
    from opsctl.engine.state import RunState

    try:
        data = restore_secrets(session, automation, row["request"],
                               secret_digest(session.signing_key), f"run {run_id}")
        request = versioned_request(automation, data).request
    except OpsctlError as exc:
        session.log.error("chunk.refused", run_id=run_id, chunk=chunk, error=exc.message)
        finish_chunk(store, claim, "pending")
        return "refused"
    run = RunState(session=session, automation=automation, mode="apply", request=request,
                   request_doc=row["request"], idempotency_key=row["idempotency_key"],
                   run_id=run_id)
    run.policy = retry_policy_for(session, automation)
    run.max_failures = max(1, int((row.get("runtime") or {}).get("max_failures") or 1))
    return run_chunk_claimed(session, run, claim)


def _claim_pending(store: Any, run_id: str, ttl_s: float) -> ChunkClaim | None:
    """Claim another pending chunk of the run: a chunk's wake-up is a free slot for the run.
    The chunk it names may be taken already (by the coordinator, which applies chunks while it
    waits), while the wake-up of a chunk still pending sits in the reserve of a busy worker
    (Celery reserves up to --concurrency messages besides those it runs); without this, that
    slot idled and the busy worker applied the chunk a round later."""
    for row in store._rows("SELECT chunk FROM run_chunks WHERE run_id = ? AND status = "
                           "'pending' ORDER BY chunk", (run_id,)):
        claim = claim_chunk(store, run_id, int(row["chunk"]), ttl_s=ttl_s)
        if claim is not None:
            return claim
    return None


def _lease_fence(session: Any, run_id: str) -> Any:
    for lease in session.store.list_leases():
        if lease.get("run_id") == run_id:
            return (str(lease["scope"]), int(lease["token"]))
    return None


def _recheck_unfinished(run: RunState, ctx: Context) -> None:
    """A chunk offered again: its claimer died, maybe after an action took effect and before
    its finished record was committed. As a resumed run does, ask the plan: an unfinished
    action it no longer yields took effect (applied, when journaled started) or converged
    otherwise (unchanged), and is not applied again. (With ``verify``, each action journaled
    started is re-checked by it before it is applied.)"""
    unfinished = [s for s in run.states if not s.done]
    if not unfinished or run.automation.has_verify:
        return
    ctx.phase = "plan"
    try:
        planned = {a.id for a in run.automation.call_plan(ctx, run.request)}
    except Exception as exc:
        run.session.log.warning("chunk.recheck_failed", run_id=run.run_id, step="apply",
                                error=f"{type(exc).__name__}: {exc}")
        return
    finally:
        ctx.phase = "apply"
    for state in unfinished:
        if state.action.id in planned:
            continue
        state.status = "applied" if state.interrupted else "unchanged"
        state.done, state.interrupted = True, False
        run.session.store.action_finished(run.run_id, state.action.id, status=state.status,
                                          error=None, at=iso(run.session.clock()),
                                          fence=run.fence)


def _chunk_records(store: Any, run_id: str, ids: Sequence[str]) -> dict[str, Any]:
    """The journal records of a chunk's actions, not of the whole run: every chunk read all
    of them before (16 chunks of a 2,000-action run read 32,000 specs)."""
    from opsctl.store.sql import ActionRecord

    records: dict[str, Any] = {}
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        marks = ", ".join("?" for _ in part)
        for row in store._rows(f"SELECT run_id, seq, action_id, kind, target, spec_json, "
                               f"status, attempts, error, started_at, finished_at FROM actions "
                               f"WHERE run_id = ? AND action_id IN ({marks})", (run_id, *part)):
            records[row["action_id"]] = ActionRecord(spec=json.loads(row.pop("spec_json")),
                                                     **row)
    return records


def run_chunk_claimed(session: Any, parent: RunState, claim: ChunkClaim) -> str:
    """Apply the actions of a claimed chunk, journaled under the run's lease and the claim."""
    from opsctl.contract.automation import Action
    from opsctl.engine.applying import apply_actions
    from opsctl.engine.run import run_context
    from opsctl.store.sql import LeaseLostError, StoreUnavailableError, open_store

    url = session.settings.effective_store_url
    store = open_store(url, session.redactor)
    store.journal_mode = session.settings.journal_mode
    store.chunk_fence = claim.fence
    whole_run = store.list_actions

    def chunk_journal(run_id: str) -> list[Any]:
        # What the engine reads of the journal through this (the chunk's own) store: the
        # chunk's actions, not the whole run's (apply_actions reads it to skip what is
        # recorded, once per chunk).
        if run_id != claim.run_id:
            return whole_run(run_id)
        return list(_chunk_records(store, run_id, claim.action_ids).values())

    store.list_actions = chunk_journal  # type: ignore[method-assign]
    stop = threading.Event()
    chunk_session = plain_session(session, store, stop)
    ttl_s = session.settings.lock_ttl.total_seconds()
    beat = Heartbeat(url, lambda s: renew_chunk(s, claim, ttl_s=ttl_s), ttl_s,
                     f"chunk:{claim.run_id}:{claim.chunk}")
    watcher_done = threading.Event()

    def watch() -> None:  # the coordinator stops a chunk by its row; so does a parent stop
        while not watcher_done.wait(0.25):
            try:  # on the chunk's connection (its lock orders the reads with the journal's
                # commits): a second connection per chunk cost a connect and a migrate check
                status = chunk_status(store, claim)
            except OpsctlError:
                continue
            if status != "running" or beat.lost.is_set() or session.stop_requested.is_set():
                stop.set()
                return

    watcher = threading.Thread(target=watch, daemon=True, name=f"chunk-watch:{claim.chunk}")
    watcher.start()
    reasons: list[dict[str, Any]] = []
    outcome = "applied"
    try:
        records = _chunk_records(store, claim.run_id, claim.action_ids)
        states = []
        for action_id in claim.action_ids:
            record = records[action_id]
            state = ActionState(Action.from_dict(record.spec), attempts=record.attempts)
            if record.status in SETTLED:
                state.status, state.done = record.status, True
            else:
                state.interrupted = record.status in ("started", "interrupted")
            states.append(state)
        run = RunState(session=chunk_session, automation=parent.automation, mode="apply",
                       request=parent.request, request_doc=parent.request_doc,
                       idempotency_key=parent.idempotency_key, run_id=claim.run_id)
        run.states, run.resumed = states, True
        run.specs = [records[i].spec for i in claim.action_ids]
        run.policy, run.max_failures = parent.policy, parent.max_failures
        run.concurrency = claim.concurrency
        run.fence = parent.fence or _lease_fence(chunk_session, claim.run_id)
        ctx = run_context(run)
        if claim.attempt > 1:
            _recheck_unfinished(run, ctx)
        # Dependencies outside the chunk are already settled: the chunk holds whole groups.
        try:
            apply_actions(run, ctx, None)
        except KeyboardInterrupt:
            outcome = "stopped"
        for state in run.states:
            if state.status == "failed" and not state.done:
                error = getattr(state, "exception", None)
                reasons.append({"action": state.action.id, "at": iso(session.clock()),
                                "message": state.error,
                                "type": error.error_type if error else "internal",
                                "exit_code": error.exit_code if error else ExitCode.INTERNAL})
        store.flush()
        store.chunk_fence = None
        if not finish_chunk(store, claim, "done" if outcome == "applied" else "stopped",
                            reasons):
            outcome = "lost"
    except (LeaseLostError, StoreUnavailableError) as exc:
        session.log.warning("chunk.lost", run_id=claim.run_id, chunk=claim.chunk,
                            error=exc.message)
        outcome = "lost"  # its claim runs out; the coordinator offers the chunk again
    finally:
        watcher_done.set()
        beat.stop()
        watcher.join(timeout=2)
        store.chunk_fence = None
        with contextlib.suppress(Exception):  # closing after a failure: committed is what counts
            store.close()
    return outcome
