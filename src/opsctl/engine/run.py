"""The run pipeline: validate -> plan -> gate -> apply the same plan -> verify -> result.

``--dry-run`` and ``plan`` take this same path and stop after the gate. Every run that got past
request validation is recorded in the store with its actions; each action is journaled before
and after it runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import Any

from opsctl.contract.automation import Automation
from opsctl.contract.plan import load_plan_document, verify_plan_document
from opsctl.engine.applying import apply_actions, automation_bug, retry_policy_for, verify_applied
from opsctl.engine.context import Context
from opsctl.engine.events import plan_event, record_event, start_recording, stop_recording
from opsctl.engine.gating import pass_gate
from opsctl.engine.ids import new_run_id
from opsctl.engine.planning import make_plan
from opsctl.engine.request import (
    derived_run_key,
    display_request,
    hash_of_request,
    refuse_key_with_secret,
    refuse_saved_plan_with_secret,
    request_document,
    secret_digest,
    target_patterns,
    validate_request,
    versioned_request,
)
from opsctl.engine.results import (
    action_entry_chunks,
    count_statuses,
    error_block,
    error_document,
    kind_counts,
    run_document,
    status_for,
    summarize,
    unrecorded_document,
)
from opsctl.engine.run_audit import action_events, audit_event, flush_audit, queue_audit
from opsctl.engine.runtime import runtime_info
from opsctl.engine.saved_plans import (
    refuse_other_contract_version,
    refuse_unsaved_actions,
    restore_secrets,
    write_plan_file,
)
from opsctl.engine.session import Session
from opsctl.engine.state import Mode, ProgressFn, RunOutcome, RunState, iso
from opsctl.errors import (
    DependencyError,
    ExitCode,
    InterruptedRunError,
    OpsctlError,
    PartialFailureError,
    PlanRejectedError,
    UsageError,
)
from opsctl.observe.tracing import end_run, finish_run, start_run
from opsctl.store.plans import claim_plan, refuse_applied, stored_plan
from opsctl.store.sql import LeaseLostError, StoreUnavailableError

__all__ = ["RunOutcome", "apply_plan_file", "apply_stored_plan", "check_policy", "error_document", "execute",
           "reconcile", "resume_run", "retry_policy_for", "validate_request", "versioned_request"]


# -- the pipeline ---------------------------------------------------------------------------------

def run_context(run: RunState) -> Context:
    session = run.session
    name = run.automation.name
    return Context(
        run_id=run.run_id, automation=name, actor=session.actor,
        config=dict(session.settings.automation.get(name, {})),
        secrets={k: v.get_secret_value() for k, v in session.settings.secrets.items()},
        log=session.log.bind(run_id=run.run_id, automation=name),
        clock=session.clock, effect=run.automation.effect,
        _stop=session.stop_requested, _stop_grace=session.settings.stop_grace.total_seconds(),
    )


def _start(session: Session, automation: Automation[Any], mode: Mode, request: Any,
           request_doc: dict[str, Any], key: str, key_source: str, source: str | None,
           resume: Mapping[str, Any] | None, run_id: str,
           targets: tuple[str, ...] = (), queued: bool = False,
           max_failures: int = 1, concurrency: int = 1,
           requested_version: str | None = None,
           previous_status: str | None = None) -> RunState:
    run = RunState(session=session, automation=automation, mode=mode, request=request,
                   request_doc=request_doc, idempotency_key=key, run_id=run_id, targets=targets)
    run.started_at = session.clock()
    if resume is not None:
        run.run_id = str(resume["id"])
        run.resumed = True
        previous = previous_status or resume["status"]
        from opsctl.engine.locks import process_identity

        session.store.reopen_run(run.run_id, process=process_identity())
        start_recording(run, "run.resumed", {"automation": automation.name, "mode": mode,
                                             "actor": session.actor,
                                             "previous_status": previous})
        session.log.info("run.resumed", run_id=run.run_id, automation=automation.name,
                         step="validate", previous_status=previous, actor=session.actor)
        queue_audit(run, "run.resumed", previous_status=previous,
               identity=session.identity.to_dict())
        return run
    if queued:  # recorded when it was accepted: claim it
        from opsctl.engine.locks import process_identity
        from opsctl.store.queue import claim_queued_run

        claim_queued_run(session.store, run.run_id, iso(run.started_at),
                         process=process_identity())
    else:
        from opsctl.engine.locks import process_identity
        from opsctl.errors import ConflictError

        row = {
            "id": run.run_id, "automation": automation.name,
            "contract_version": automation.version, "mode": mode, "status": "running",
            "actor": session.actor, "idempotency_key": key, "key_source": key_source,
            "request_hash": hash_of_request(request_doc, targets), "request": request_doc,
            "runtime": {**runtime_info(source), "identity": session.identity.to_dict(),
                        "process": process_identity(),
                        **({"targets": list(targets)} if targets else {}),
                        **({"max_failures": max_failures} if max_failures > 1 else {}),
                        **({"concurrency": concurrency} if concurrency > 1 else {}),
                        # the version the caller asked for, which a resume reports again
                        **({"contract_version": requested_version} if requested_version
                           else {})},
            "started_at": iso(run.started_at),
        }
        if mode == "apply" and key_source == "caller":
            # The key was looked at before, but a run of another request (another lock
            # scope) may have started under it since: the look is made again with the insert.
            clash = session.store.create_run_for_key(row)
            if clash is not None:
                raise ConflictError(f"idempotency key {key!r} was used by run {clash['id']} "
                                    "with a different request; use a new key", step="validate")
        else:
            session.store.create_run(row)
    start_recording(run, "run.started", {"automation": automation.name, "mode": mode,
                                         "actor": session.actor})
    session.log.info("run.started", run_id=run.run_id, automation=automation.name, mode=mode,
                     step="validate", actor=session.actor, idempotency_key=key)
    queue_audit(run, "request.received", mode=mode, contract_version=automation.version,
           request=request_doc, idempotency_key=key, identity=session.identity.to_dict())
    return run


def _finish(run: RunState, status: str, exit_code: int, error: OpsctlError | None,
            ctx: Context | None = None) -> RunOutcome:
    if ctx is not None:
        run.warnings.extend(w for w in ctx.warnings if w not in run.warnings)
    from opsctl.store.sql import StoreUnavailableError

    # Without its actions' entries until the result is stored: the store writes them from
    # chunks, so a long run never holds every entry as a dict and as text at once.
    doc = run_document(run, status, exit_code, error, with_actions=False)
    if isinstance(error, LeaseLostError) and run.fence is not None and (
            error.holder_run_id == run.run_id
            or run.session.store.resumed_elsewhere(run.run_id, run.fence)):
        return _taken_over_here(run, doc, error)
    unrecorded: StoreUnavailableError | None = None
    try:
        # queued first: the run's last event commits with its result
        record_event(run, "run.finished", {"status": status, "exit_code": exit_code,
                                           "summary": doc["summary"], "error": doc["error"]})
        run.session.store.finish_run(run.run_id, status=status, exit_code=exit_code, result=doc,
                                     error_type=error.error_type if error else None,
                                     finished_at=doc["timing"]["finished_at"],
                                     result_actions=action_entry_chunks(run))
        flush_audit(run, action_events(run),
                    [audit_event(run, "run.finished", status=status, exit_code=exit_code,
                                 summary=doc["summary"], error=doc["error"])])
    except StoreUnavailableError as exc:
        unrecorded = exc
    if doc["plan"] is not None:
        doc["plan"]["actions"] = [e for chunk in action_entry_chunks(run) for e in chunk]
    if unrecorded is not None:
        doc = unrecorded_document(run, doc, unrecorded)
        status, exit_code, error = doc["status"], unrecorded.exit_code, unrecorded
    stop_recording(run)  # this last line is the run.finished event, already recorded
    log = run.session.log.error if error is not None else run.session.log.info
    log("run.finished", run_id=run.run_id, automation=run.automation.name, status=status,
        exit_code=exit_code, step="result", error=error.message if error else None,
        error_type=error.error_type if error else None)
    finish_run(run, status, exit_code, error)
    return RunOutcome(doc, exit_code)


def _taken_over_here(run: RunState, doc: dict[str, Any], error: LeaseLostError) -> RunOutcome:
    """This run's lease ran out while it stalled (stopped, swapped out) and another process
    resumed the same run: that one records it from here. Nothing more is written from this
    process (its events would take the same numbers, its result would overwrite the other's);
    exit 7, as for any lost lease."""
    run.session.store.forget_run(run.run_id)
    if doc["plan"] is not None:
        doc["plan"]["actions"] = [e for chunk in action_entry_chunks(run) for e in chunk]
    doc["warnings"] = [*doc["warnings"], f"run {run.run_id} was resumed by another process "
                       "while this one stalled past its lease; that process records it: see "
                       f"`opsctl show {run.run_id}`"]
    stop_recording(run)
    run.session.log.error("run.finished", run_id=run.run_id, automation=run.automation.name,
                          status=doc["status"], exit_code=error.exit_code, step="result",
                          error=error.message, error_type=error.error_type)
    return RunOutcome(doc, error.exit_code)


UNFINISHED = ("running", "partial", "cancelled", "failed")
# and an apply declined at the prompt when re-run to finish: what it applied before stays in
# its journal (a first apply declined has none, so it has nothing to resume)
RESUMABLE = (*UNFINISHED, "changes_planned")
REPLAYABLE = ("succeeded", "no_changes")


def _replay(session: Session, prior: Mapping[str, Any]) -> RunOutcome:
    doc = dict(prior["result"])
    doc["replayed"] = True
    session.log.info("run.replayed", run_id=prior["id"], automation=prior["automation"],
                     step="validate", status=doc["status"], exit_code=doc["exit_code"])
    return RunOutcome(doc, int(doc["exit_code"]))


def _run_status(error: OpsctlError) -> str:
    """A run's status for the error that ended it. A remote refusing the automation's
    credentials (AuthError: HTTP 401/403, AccessDenied) ends it ``failed`` (exit 6 still):
    ``denied`` is opsctl's own governance saying no, which SLOs do not count, while expired or
    revoked credentials are a failure that should spend the error budget."""
    from opsctl.errors import AuthError

    return "failed" if isinstance(error, AuthError) else status_for(error)


def _prior_run(session: Session, automation: Automation[Any], key: str, key_source: str,
               request_hash: str, resume_run_id: str | None,
               holds_scope: bool) -> Mapping[str, Any] | None:
    """The earlier run this one replays or resumes, if any (ConflictError on a reused key).

    A run still ``running`` with nothing journaled died while planning (its process was
    killed after recording the run). While this process holds the scope's lease, no live run
    can be in that state, so it is adopted and resumed rather than left ``running`` forever.
    """
    from opsctl.errors import ConflictError

    store = session.store
    # the newest run under the key by its head row: its result is read only when it is taken
    prior = store.get_run(resume_run_id) if resume_run_id else store.latest_run_head_for_key(
        automation.name, key)
    if prior is None:
        if resume_run_id:
            raise UsageError(f"no run {resume_run_id!r} to resume")
        return None
    if prior["request_hash"] != request_hash:
        if resume_run_id:
            raise _request_changed(prior, automation)
        raise ConflictError(f"idempotency key {key!r} was used by run {prior['id']} with a "
                            "different request; use a new key", step="validate")
    if resume_run_id is None and prior["status"] in REPLAYABLE:
        # A caller's key names one operation: replay it. A derived key only makes an
        # interrupted run resumable; a finished one is history, so plan afresh.
        return store.get_run(prior["id"]) if key_source == "caller" else None
    if resume_run_id is None and prior["status"] == "failed" and prior.get("exit_code") == 3:
        # It failed validation before any change (a stale precondition found while applying):
        # resuming would apply the same stale action from its journal again, for good.
        # Exit 3 says "fix state or re-plan", so the same command plans afresh.
        return None
    orphaned = holds_scope and prior["status"] == "running"
    if prior["status"] == "running" and not holds_scope:
        # No lease says who carries a read automation's run (nor a caller's that does not
        # hold one): one still running is another process's, left alone unless that
        # process is provably gone (runs recorded before the process was kept: as before).
        live = _carried_on(store.get_run(prior["id"]) or prior)
        if live is not None:
            if resume_run_id:
                raise ConflictError(f"run {prior['id']} is still running ({live}): nothing to "
                                    f"resume; `opsctl show {prior['id']} --follow` follows it",
                                    step="validate")
            return None
    if prior["status"] not in RESUMABLE or not (orphaned or store.list_actions(prior["id"])):
        if resume_run_id:
            raise _nothing_to_resume(prior)
        return None
    return prior if resume_run_id else store.get_run(prior["id"])


def _request_changed(prior: Mapping[str, Any], automation: Automation[Any]) -> PlanRejectedError:
    """The refusal to resume a run whose recorded request the code now reads as another one:
    the request model changed (a field added with a default) without a new contract version,
    or the request held the value of a configured secret, which the run recorded masked."""
    import json

    from opsctl.config.redact import MASK

    if MASK in json.dumps(prior.get("request"), ensure_ascii=False):
        return PlanRejectedError(
            f"run {prior['id']} cannot be resumed from its record: its request held the value "
            f"of a configured secret, recorded masked ({MASK}); run the command that started "
            "it again, with the same request, to finish it", reason="stale", step="validate")
    return PlanRejectedError(
        f"run {prior['id']} cannot be resumed: {automation.name} {automation.version} now reads "
        "its recorded request as another request (the request model changed without a new "
        "contract version); run the command again to plan afresh", reason="stale",
        step="validate")


def _nothing_to_resume(prior: Mapping[str, Any]) -> UsageError:
    """The refusal of ``opsctl resume`` for a run that finished, or that is unfinished but
    journaled nothing (it stopped while planning: the same command runs it again)."""
    left = (" and applied nothing (it stopped before its plan was journaled): run the same "
            "command again" if prior["status"] in UNFINISHED else "")
    return UsageError(f"run {prior['id']} is {prior['status']}{left}: nothing to resume")


def _journaled_any(session: Session, run_id: str) -> bool:
    with closing(session.store.iter_actions(run_id, page=1)) as actions:
        return next(actions, None) is not None


def _carried_on(row: Mapping[str, Any]) -> str | None:
    """Who still runs the ``running`` run ``row`` ("pid N on HOST"), or None when nothing
    does, or nothing says: its process, recorded when it started, is provably gone, or was
    not recorded (a run of an earlier version)."""
    from opsctl.engine.locks import holder_is_gone

    runtime = row.get("runtime") or {}
    process = runtime.get("process")
    if not isinstance(process, str) or holder_is_gone(process):
        return None
    pid = process.partition("/pid=")[2].partition("/")[0]
    return f"pid {pid} on {runtime.get('host') or 'an unknown host'}"


def execute(session: Session, automation: Automation[Any], data: Mapping[str, Any], *,
            mode: Mode, dry_run: bool = False, out: Path | None = None,
            idempotency_key: str | None = None, expected_fingerprint: str | None = None,
            plan_id: str | None = None, on_progress: ProgressFn | None = None,
            source: str | None = None, wait_lock_s: float = 0.0,
            resume_run_id: str | None = None, max_failures: int = 1,
            concurrency: int = 1, contract_version: str | None = None,
            warnings: Sequence[str] = (), targets: Sequence[str] = (),
            confirm: Callable[[dict[str, Any]], bool] | None = None,
            queued_run_id: str | None = None, store_plan: bool = False,
            fan_out: int = 0, wake_chunk: Callable[[str, int], None] | None = None,
            claimed: bool = False, stored_request: bool = False,
            previous_status: str | None = None) -> RunOutcome:
    """Run one automation through the whole pipeline; the public entry of every CLI verb.

    An apply under a key whose earlier run finished replays that result (caller keys only);
    one whose earlier run was interrupted resumes it; a mutating apply holds the lease on its
    lock scope from planning to the result. ``targets`` (action ids or globs) limits the plan
    to the matching actions and what they depend on. ``confirm``, when given, is shown the
    plan of an apply (a result document, after the gate, under the lease) and returns whether
    to go on; declined, the run ends ``changes_planned`` (exit 10) with nothing applied.
    ``queued_run_id`` names a run recorded ``queued`` (by :mod:`opsctl.store.queue`) that this
    call claims and carries out; ``store_plan`` keeps a plan's signed document in the store
    (``plan_id`` in the result's artifacts) without writing a file. ``fan_out`` > 1 with
    ``wake_chunk`` (a worker's) spreads the apply over that many chunks for other workers
    (:mod:`opsctl.dispatch.fanout`). ``claimed``: the caller holds the run's executor claim,
    so a run of the key left ``running`` with nothing journaled is its own to adopt.
    ``stored_request``: ``data`` is the canonical request of a saved plan or a stored run.
    ``previous_status``: what a resumed run read before its caller reopened it (``running``
    since), for its ``run.resumed`` event.
    """
    from opsctl.engine.locks import acquire_lease

    if dry_run:
        mode = "plan"
    versioned = versioned_request(automation, data, contract_version, stored=stored_request)
    request = versioned.request
    for warning in versioned.warnings:
        session.log.warning("request.deprecated", automation=automation.name, message=warning)
    policy = retry_policy_for(session, automation)
    request_doc = request_document(session, automation, request)
    # What a failure before the run exists (denied, a key reused, the scope locked) still
    # reports in its result document.
    known: dict[str, Any] = {
        "automation": automation.name, "contract_version": automation.version,
        "actor": session.actor,
        "requested_contract_version": versioned.requested_version or automation.version,
        "request": display_request(request_doc)}
    with _reported_with(known, session):
        _check_permission(session, automation, "plan" if mode == "plan" else "apply", request_doc)
    patterns = target_patterns(targets)
    with _reported_with(known, session):
        refuse_key_with_secret(session, idempotency_key)
        if (mode == "plan" or dry_run) and (out is not None or store_plan):
            refuse_saved_plan_with_secret(session, request_doc, targets)
    key = idempotency_key or derived_run_key(automation, request_doc, patterns)
    known["idempotency_key"] = key
    key_source = "caller" if idempotency_key else "derived"
    run_id = queued_run_id or new_run_id()
    request_hash = hash_of_request(request_doc, patterns)
    if mode == "apply" and key_source == "caller" and resume_run_id is None:
        # Replaying a finished operation, or refusing a key reused with another request,
        # changes nothing: neither takes the lease.
        with _reported_with(known, session):
            earlier = _prior_run(session, automation, key, key_source, request_hash, None,
                                 holds_scope=False)
        if earlier is not None and earlier["status"] in REPLAYABLE:
            return _replay(session, earlier)
    if resume_run_id is not None:
        resumed = session.store.get_run(resume_run_id)
        if resumed is not None and resumed["request_hash"] != request_hash:
            with _reported_with(known, session):
                raise _request_changed(resumed, automation)  # before the scope's lease
    lease = None
    if mode == "apply" and automation.effect == "mutate":
        # Taken before looking at earlier runs of the key, so two processes never both decide
        # to resume the same run.
        scope = automation.scope_key(request)
        with _reported_with(known, session), _waiting(session, "the lock"):
            try:
                lease = acquire_lease(session.store, scope, run_id, actor=session.actor,
                                      ttl_s=session.settings.lock_ttl.total_seconds(),
                                      wait_s=wait_lock_s, clock=session.clock,
                                      sleep=_stoppable_sleep(session), resuming=resume_run_id,
                                      wait_hint=session.lock_wait_hint)
            except KeyboardInterrupt:
                from opsctl.errors import InterruptedRunError

                session.waiting = None
                raise InterruptedRunError(f"interrupted while waiting for the lock on {scope}: "
                                          "nothing was changed (the run was not recorded)",
                                          step="validate") from None
    try:
        prior = None
        if plan_id is not None and resume_run_id is None:
            # a saved plan another process applied since this one first looked at it (while
            # it waited for the lease, or just before it took a free one)
            with _reported_with(known, session):
                refuse_applied(session.store, plan_id, session.store.get_plan(plan_id), "",
                               resumable=True)
        if mode == "apply":
            with _reported_with(known, session):
                prior = _prior_run(session, automation, key, key_source, request_hash,
                                   resume_run_id, holds_scope=lease is not None or claimed)
            if prior is not None and prior["status"] in REPLAYABLE:
                # the key's run finished while this one waited for the lease: replayed, and
                # the lease, taken for a run that never starts, is let go
                if lease is not None:
                    lease.release()
                return _replay(session, prior)
        if lease is not None and lease.taken_over is not None:
            _end_taken_over(session, lease.taken_over, prior, run_id)
        if prior is not None and queued_run_id is not None:
            from opsctl.store.queue import drop_queued_run

            drop_queued_run(session.store, queued_run_id, resumed_by=str(prior["id"]))
        with _reported_with(known, session):
            run = _start(session, automation, mode, request, request_doc, key, key_source,
                         source, prior, run_id, patterns,
                         queued=queued_run_id is not None and prior is None,
                         max_failures=max(1, max_failures), concurrency=max(1, concurrency),
                         requested_version=versioned.requested_version,
                         previous_status=previous_status if resume_run_id else None)
    except BaseException:
        if lease is not None:
            lease.release()
        raise
    ctx = run_context(run)
    start_run(run)
    run.policy = policy
    run.requested_version = versioned.requested_version
    run.warnings.extend(w for w in (*warnings, *versioned.warnings) if w not in run.warnings)
    run.max_failures = max(1, max_failures)
    run.concurrency = max(1, concurrency)
    cancel_watch = cancelled = None
    if mode == "apply":
        # a read automation's apply takes no lease but is asked to stop all the same
        from opsctl.engine.cancel import watch_for_cancel

        cancel_watch, cancelled = watch_for_cancel(session, run.run_id)
    if lease is not None:
        if prior is not None:
            session.store.set_lease_run(lease.scope, lease.token, run.run_id)
        lease.start_heartbeat()
        run.fence = lease.fence
        run.lease_lapsed = lease.may_have_lapsed
        run.artifacts["lock"] = {"scope": lease.scope, "token": lease.token}
        queue_audit(run, "lock.acquired", scope=lease.scope, token=lease.token)
    approved = plan_id or (prior.get("plan_id") if prior is not None else None)
    saved = session.store.plan_document(str(approved)) if approved else None
    if saved is not None:
        run.approval_plan = (str(approved), expected_fingerprint or str(saved["fingerprint"]),
                             saved.get("created_by"))
    try:
        try:
            plan = make_plan(run, ctx)
            record_event(run, "plan", plan_event(run))
            if expected_fingerprint is not None and plan.fingerprint != expected_fingerprint:
                raise PlanRejectedError(
                    "plan is stale: planning now gives different actions than the saved plan "
                    f"({len(plan.actions)} now); re-run `opsctl plan`", reason="stale", step="gate")
            if saved is not None and run.resumed:
                refuse_unsaved_actions(run, saved)
            pass_gate(run, ctx)
            if mode == "plan" or dry_run:
                if out is not None or store_plan:
                    from opsctl.store.audit import check_appendable

                    # a trail that refuses the run's events fails it before the plan is
                    # written or saved: no plan file of a run that failed
                    check_appendable(session.store)
                    write_plan_file(run, out)
                    if run.decision is not None and run.decision.effect == "require_approval" \
                            and plan.has_changes:
                        run.warnings.append(
                            f"approve it with `opsctl approve {run.artifacts['plan_id']} "
                            "--reason TEXT`, then `opsctl apply --plan` it")
                if plan.has_changes:
                    return _finish(run, "changes_planned", ExitCode.CHANGES_PLANNED, None, ctx)
                return _finish(run, "no_changes", ExitCode.SUCCESS, None, ctx)
            pending = any(not state.done for state in run.states)
            if confirm is not None and pending:
                with _waiting(session, "the confirmation"):
                    confirmed = confirm(run_document(run, "changes_planned",
                                                     ExitCode.CHANGES_PLANNED, None))
                if not confirmed:
                    run.warnings.append(
                        "apply declined at the prompt: nothing was changed" + (
                            f" by this attempt; `opsctl resume {run.run_id}` finishes the run"
                            if run.resumed else ""))
                    return _finish(run, "changes_planned", ExitCode.CHANGES_PLANNED, None, ctx)
            flush_audit(run)  # what was asked, planned and decided is on record before apply
            if plan_id is not None and not claim_plan(
                    session.store, plan_id, run.run_id, iso(session.clock()),
                    fingerprint=run.approval_plan[1] if run.approval_plan else None):
                raise PlanRejectedError(f"plan {plan_id} was already applied", reason="applied",
                                        step="gate")
            if plan_id is not None:
                session.store.set_run_plan(run.run_id, plan.fingerprint, plan_id)
                run.artifacts["plan_id"] = plan_id
            failure = _apply(run, ctx, on_progress, fan_out, wake_chunk)
            if failure is None:
                failure = verify_applied(run, ctx)
                if failure is not None:
                    return _finish(run, _run_status(failure), failure.exit_code, failure, ctx)
            summary = summarize(run.states)
            if failure is None:
                status = "succeeded" if summary["applied"] else "no_changes"
                return _finish(run, status, ExitCode.SUCCESS, None, ctx)
            if summary["applied"] or summary["unchanged"]:
                partial = PartialFailureError(
                    f"{summary['failed']} of {summary['planned']} actions failed "
                    f"({summary['applied']} applied, {summary['skipped']} skipped): {failure.message}",
                    step="apply")
                return _finish(run, "partial", ExitCode.PARTIAL, partial, ctx)
            return _finish(run, _run_status(failure), failure.exit_code, failure, ctx)
        except OpsctlError as exc:
            # an error raised outside an automation's call (a journal write whose lease was
            # lost, a store that failed) happened in the phase the run was in
            if exc.step is None and isinstance(exc, LeaseLostError | StoreUnavailableError):
                exc.step = ctx.phase
            return _finish(run, _run_status(exc), exc.exit_code, exc, ctx)
        except Exception as exc:  # a bug in opsctl: the run is recorded failed (exit 1), with
            # a result document, rather than left "running" with none
            import traceback

            session.log.debug("traceback", run_id=run.run_id,
                              traceback="".join(traceback.format_exception(exc)))
            bug = OpsctlError(f"internal error in opsctl: {type(exc).__name__}: {exc} (run "
                              "again with -v for the traceback)", step=ctx.phase)
            return _finish(run, "failed", ExitCode.INTERNAL, bug, ctx)
    except KeyboardInterrupt:
        from opsctl.errors import InterruptedRunError

        asked = cancelled is not None and cancelled.is_set()
        if cancelled is not None and not asked:
            # a scheduler replacing the run may stop it before the watcher looks
            from opsctl.engine.cancel import cancel_asked

            with suppress(OpsctlError):
                asked = cancel_asked(session.store, run.run_id)
        how = ("cancelled on request (audited as run.cancel_requested)" if asked
               else "interrupted")
        if ctx.phase != "plan":
            interrupted = InterruptedRunError(
                f"{how}; finished actions are journaled: `opsctl resume {run.run_id}` or "
                "run the same command again to finish",
                step="verify" if ctx.phase == "verify" else "apply")
        else:  # before apply began (planning, the gate, the prompt): this attempt applied nothing
            where = ("at the confirmation" if session.waiting == "the confirmation"
                     else "while planning")
            session.waiting = None
            interrupted = InterruptedRunError(
                f"{how} before applying anything ({where}): nothing was changed by "
                "this attempt; run the same command again", step="plan")
        return _finish(run, "cancelled", ExitCode.INTERRUPTED, interrupted, ctx)
    finally:
        if cancel_watch is not None:
            cancel_watch.stop()
        end_run(run)
        stop_recording(run)
        if lease is not None:
            lease.release()


def _stoppable_sleep(session: Session) -> Callable[[float], None]:
    """A sleep that a stop request ends at once (KeyboardInterrupt), also one made before it
    began: a signal just before the lock wait found nothing to wait for, and asked only for a
    graceful stop, which the wait would not have heard for its whole length."""
    def sleep(seconds: float) -> None:
        if session.stop_requested.wait(seconds):
            raise KeyboardInterrupt

    return sleep


@contextmanager
def _waiting(session: Session, what: str) -> Iterator[None]:
    """Nothing is in flight while the run waits on ``what``: a first signal interrupts it."""
    session.waiting = what
    try:
        yield
    except KeyboardInterrupt:  # kept until the run's report has said where it stopped
        raise
    except BaseException:
        session.waiting = None
        raise
    session.waiting = None


@contextmanager
def reading_input(session: Session, path: str, what: str) -> Iterator[None]:
    """Reading ``what`` from ``path``: from standard input (``-``) it waits on whoever writes
    it, with nothing in flight, so a first signal stops the command (exit 130, nothing run) as
    it stops a lock wait, rather than leaving it to read on and refuse an empty document."""
    from opsctl.errors import InterruptedRunError

    if path != "-":
        yield
        return
    stopped = InterruptedRunError(f"interrupted while reading the {what} from standard input: "
                                  "nothing was run", step="validate")
    if session.stop_requested.is_set():  # a signal that came just before the read
        raise stopped
    session.waiting = f"the {what} on standard input"
    try:
        yield
    except KeyboardInterrupt:
        raise stopped from None
    finally:
        session.waiting = None


@contextmanager
def _reported_with(known: dict[str, Any], session: Session) -> Iterator[None]:
    """An OpsctlError raised inside carries ``known`` (masked) to the result document of a
    failure that happened before the run existed (:func:`error_document`)."""
    try:
        yield
    except OpsctlError as exc:
        exc.known = {**session.redactor.redact(known), **exc.known}
        raise


def finish_stored_run(session: Session, row: Mapping[str, Any], error: OpsctlError, *,
                      journal: bool = False) -> dict[str, Any]:
    """Finish the stored run ``row``, one that never started here (refused, unrunnable) or
    whose process is gone, with the result document of ``error`` (masked); the document.
    It keeps the run's start and request, and with ``journal`` its plan and summary as the
    journal has them (a run whose process is gone may have applied actions)."""
    from opsctl.engine.request import display_request
    from opsctl.engine.results import error_document

    now = session.clock()
    started = now
    with suppress(TypeError, ValueError):
        started = min(now, datetime.fromisoformat(str(row["started_at"])))
    doc = error_document(error, mode=row["mode"], automation=row["automation"],
                         started_at=started, finished_at=now, actor=row["actor"],
                         redact=session.redactor.redact)
    doc.update(run_id=str(row["id"]), contract_version=row["contract_version"],
               idempotency_key=row["idempotency_key"],
               request=display_request(row.get("request")))  # secrets as ***, not their digests
    if journal:
        _journaled_plan(session, row, doc)
    session.store.finish_run(str(row["id"]), status=doc["status"], exit_code=error.exit_code,
                             result=doc, error_type=error.error_type,
                             finished_at=doc["timing"]["finished_at"])
    _audit_stored_finish(session, row, doc)
    return doc


def _audit_stored_finish(session: Session, row: Mapping[str, Any], doc: dict[str, Any]) -> None:
    """The audit events of a run finished for a process that is gone or never ran it, as its
    own end would have appended them: one for each action its journal holds applied or failed
    that the trail lacks (the process was killed before appending it), then ``run.finished``."""
    from opsctl.store.audit import NewEvent, append_stream, iter_events

    run_id, actor = str(row["id"]), str(row["actor"] or session.actor)
    plan_id = str(row["plan_id"]) if row.get("plan_id") else None
    kinds = {"applied": "action.applied", "failed": "action.failed"}
    entries = [e for e in (doc["plan"] or {}).get("actions", ()) if e["status"] in kinds]
    seen = {str(e.payload.get("action")) for e in iter_events(session.store, run_id=run_id)
            if e.kind in kinds.values()} if entries else set()
    events = [NewEvent(kinds[e["status"]], actor,
                       {"action": e["id"], "kind": e["kind"], "target": e["target"],
                        "attempts": e["attempts"], "error": e["error"]}, run_id, plan_id)
              for e in entries if e["id"] not in seen]
    events.append(NewEvent("run.finished", actor,
                           {"status": doc["status"], "exit_code": doc["exit_code"],
                            "summary": doc["summary"], "error": doc["error"]}, run_id, plan_id))
    append_stream(session.store, events)


def _journaled_plan(session: Session, row: Mapping[str, Any], doc: dict[str, Any]) -> None:
    """``plan`` and ``summary`` of ``doc`` from the run's journal (specs masked as stored): an
    action caught mid-apply ("started") is ``interrupted``, as after a second signal."""
    records = session.store.list_actions(str(row["id"]))
    if not records:
        return
    entries: list[dict[str, Any]] = [{"id": r.action_id, "kind": r.kind, "target": r.target,
                "reason": str(r.spec.get("reason") or ""), "before": r.spec.get("before"),
                "after": r.spec.get("after"),
                "status": "interrupted" if r.status == "started" else r.status,
                "attempts": r.attempts or 0, "waits": [], "error": r.error} for r in records]
    fingerprint = row.get("plan_fingerprint")
    doc["plan"] = {"fingerprint": fingerprint if isinstance(fingerprint, str) else None,
                   "actions": entries}
    doc["summary"] = count_statuses([str(entry["status"]) for entry in entries])


def end_abandoned_run(session: Session, row: Mapping[str, Any], reason: str) -> None:
    """End a run left ``running`` by a process that is gone as ``cancelled`` (exit 130), as
    a stopped run ends, with a result document saying why and what its journal holds. Its
    journal is kept: ``opsctl resume`` (or the same command again) still finishes it."""
    from opsctl.errors import InterruptedRunError

    finish_stored_run(session, row, InterruptedRunError(
        f"run {row['id']} was interrupted: {reason}", step="apply"), journal=True)


def _end_taken_over(session: Session, holder: Mapping[str, Any],
                    prior: Mapping[str, Any] | None, run_id: str) -> None:
    """This run took over the lease of a run whose process is gone (killed, the machine
    lost): unless this run resumes it, it ends ``cancelled`` rather than showing ``running``
    for ever. Only a run started from the command line: a server's or a worker's runs are
    recovered by the server's next start and by the queue."""
    gone = str(holder["run_id"])
    if prior is not None and str(prior["id"]) == gone:
        return
    row = session.store.get_run(gone)
    if row is None or row["status"] != "running" or (row.get("runtime") or {}).get("executor"):
        return
    hint = (f"`opsctl resume {gone}` finishes it" if session.store.list_actions(gone)
            else "it applied nothing")
    why = (f"its lease ran out (its process, pid {holder['pid']} on {holder['host']}, stopped "
           "renewing it)" if str(holder["expires_at"]) <= session.clock().isoformat()
           else "its process is gone")
    end_abandoned_run(session, row, f"{why}, and run {run_id} took over the lease on "
                      f"{holder['scope']}; {hint}")
    session.log.warning("run.abandoned", run_id=gone, scope=holder["scope"], taken_over_by=run_id)


def _apply(run: RunState, ctx: Context, on_progress: ProgressFn | None, fan_out: int,
           wake_chunk: Callable[[str, int], None] | None) -> OpsctlError | None:
    """Apply here, or fanned out over workers when asked and worthwhile."""
    pending = sum(1 for state in run.states if not state.done)
    if fan_out > 1 and wake_chunk is not None and pending > 1:
        from opsctl.dispatch.fanout import apply_fanned_out, can_fan_out

        why = can_fan_out(run)
        if why is None:
            return apply_fanned_out(run, ctx, on_progress, fan_out=fan_out, wake=wake_chunk)
        run.warnings.append(f"not fanned out ({why}): applied by this worker alone")
    return apply_actions(run, ctx, on_progress)


def check_policy(session: Session, automation: Automation[Any], data: Mapping[str, Any], *,
                 at: datetime | None = None, actor: str | None = None,
                 contract_version: str | None = None,
                 targets: Sequence[str] = ()) -> RunOutcome:
    """Explain the policy decision for a request: validate, plan (read-only), evaluate.

    Nothing is recorded and nothing is applied. Exit 0 when applying would be allowed, 6 when
    it would be denied or needs approval; the document explains every rule and condition.
    ``targets``: the plan limited as a run's ``--target`` limits it, which the run's gate sees.
    """
    from opsctl.engine.planning import select_targets
    from opsctl.governance.gate import decide, governance_for

    request = versioned_request(automation, data, contract_version).request
    request_doc = request_document(session, automation, request)
    _check_permission(session, automation, "plan", request_doc)
    run = RunState(session=session, automation=automation, mode="plan", request=request,
               request_doc=request_doc, idempotency_key=None)
    ctx = run_context(run)
    ctx.phase = "plan"
    try:
        session.planning = True  # nothing in flight: a signal interrupts it at once
        actions = list(automation.call_plan(ctx, request))
    except OpsctlError:
        raise
    except KeyboardInterrupt:
        from opsctl.errors import InterruptedRunError

        raise InterruptedRunError("interrupted while planning: nothing was checked",
                                  step="plan") from None
    except Exception as exc:
        raise automation_bug(run, exc, "plan() failed", "plan") from exc
    finally:
        session.planning = False
    if targets:
        actions = select_targets(actions, tuple(targets))
    governance = governance_for(session)
    who = actor or session.actor
    when = at or session.clock()
    decision = decide(session, governance, automation=automation.name, version=automation.version,
                      request_doc=request_doc, actor=who, actions=actions, now=when)
    doc: dict[str, Any] = {
        "automation": automation.name, "contract_version": automation.version, "actor": who,
        "groups": sorted(governance.groups_of(who)), "at": when.isoformat(),
        "request": display_request(request_doc), "policy_source": governance.policy_source,
        "plan": {"actions": len(actions), "kinds": kind_counts(actions)},
    }
    if targets:
        doc["plan"]["targets"] = list(targets)
    if decision is None:
        doc["decision"] = None
        doc["message"] = "no policy is configured: applying is allowed"
        return RunOutcome(session.redactor.redact(doc), ExitCode.SUCCESS)
    doc["decision"] = decision.to_dict()
    return RunOutcome(session.redactor.redact(doc),
                      ExitCode.SUCCESS if decision.effect == "allow" else ExitCode.DENIED)


def _check_permission(session: Session, automation: Automation[Any], permission: Any,
                      request_doc: Mapping[str, Any]) -> None:
    """Exit 6 unless the actor's roles allow ``permission`` here; a refusal is audited. Exit
    2 while the policy file does not parse: what follows evaluates it, and nothing (no run,
    no plan) may start first."""
    from opsctl.governance.gate import (
        check_permission,
        environment_of,
        governance_for,
        require_policy,
        require_policy_fields,
    )

    check_permission(session, permission, automation=automation.name,
                     environment=environment_of(request_doc))
    require_policy(session)
    require_policy_fields(governance_for(session), automation=automation.name,
                          version=automation.version, model=automation.request_model)


# -- entry points built on execute -------------------------------------------------------------

def apply_plan_file(session: Session, path: Path, *, on_progress: ProgressFn | None = None,
                    wait_lock_s: float = 0.0, **options: Any) -> RunOutcome:
    """Apply a saved plan: refuse (exit 3) an edited, expired, stale or already-applied one.
    ``options``: how to carry it out (``concurrency``, ``max_failures``), which the plan's
    fingerprint and approvals do not cover: what is applied is the plan's either way."""
    from opsctl.config.input_files import read_document

    source = str(path)
    with reading_input(session, source, "plan file"):
        text = read_document(source, what="plan file", limit=session.settings.max_input_size)
    doc = load_plan_document(text, source)
    key = session.signing_key(create=False)
    try:
        verify_plan_document(doc, key, session.clock(), source, session.retired_signing_keys())
    except PlanRejectedError as exc:
        if exc.reason == "expired":  # its signature held: what it names is the plan's own
            exc.known = {**session.redactor.redact(_plan_known(session, doc)), **exc.known}
        raise
    with _reported_with(_plan_known(session, doc), session):
        return _apply_verified_plan(session, doc, key, source, on_progress=on_progress,
                                    wait_lock_s=wait_lock_s, **options)


def _plan_known(session: Session, doc: Mapping[str, Any]) -> dict[str, Any]:
    """What a verified plan names, for the result document of a refusal before its run."""
    return {"automation": doc["automation"], "contract_version": doc["contract_version"],
            "requested_contract_version": doc["contract_version"], "actor": session.actor,
            "request": display_request(doc["request"])}


def _apply_verified_plan(session: Session, doc: dict[str, Any], key: bytes, source: str, *,
                         on_progress: ProgressFn | None, wait_lock_s: float,
                         **options: Any) -> RunOutcome:
    # the role first, as `approve` asks it: a caller who may not apply the plan hears that,
    # not which run applied it, and leaves nothing here (not even a plan of another store)
    from opsctl.governance.gate import check_permission, environment_of

    check_permission(session, "apply", automation=str(doc["automation"]),
                     environment=environment_of(dict(doc.get("request") or {})))
    plan_id = str(doc["plan_id"])
    saved = session.store.get_plan(plan_id)
    unfinished = refuse_applied(session.store, plan_id, saved, source, resumable=True)
    # refused before the plan is saved: a plan this store cannot apply is not kept in it
    automation, request = _saved_request(session, doc, key, source)
    warnings: list[str] = []
    if saved is None:
        session.store.save_plan(doc)
    else:
        stored_plan(session.store, plan_id, key, signature=str(doc["signature"]))
    if saved is None or not session.store.planned_here(plan_id):
        # Planned against another store (another machine's SQLite, a CI runner's): this
        # store records the claim from now on, but cannot know of an apply through another
        # store. A store shared by every machine (store_url) makes "once" hold everywhere.
        # (Saved here by an earlier attempt that was refused, it still was not made here.)
        warnings.append(f"plan {plan_id} was not made against this state store: it is applied "
                        "once as far as this store knows, but an apply through another store "
                        "is not known here (share one store_url to make it once everywhere)")
    if unfinished is not None:  # applying it again finishes the run it started (as resume does)
        try:
            return resume_run(session, unfinished, on_progress=on_progress,
                              wait_lock_s=wait_lock_s, **options)
        except UsageError:
            # that run finished while this process waited for its lease: applied, exit 3
            refuse_applied(session.store, plan_id, session.store.get_plan(plan_id), source)
            raise
    return _apply_saved(session, doc, automation, request, on_progress=on_progress,
                        warnings=warnings, wait_lock_s=wait_lock_s, **options)


def apply_stored_plan(session: Session, plan_id: str, *, on_progress: ProgressFn | None = None,
                      queued_run_id: str | None = None, **options: Any) -> RunOutcome:
    """Apply a plan saved in the store (by ``plan --out`` or the HTTP API) exactly as
    ``apply --plan`` applies its file: refused (exit 3) when edited, expired, stale, unapproved
    or already applied; an unknown plan is exit 2."""
    saved = session.store.get_plan(plan_id)
    if saved is None:
        raise UsageError(f"no saved plan {plan_id!r}")
    source = f"plan {plan_id}"
    refuse_applied(session.store, plan_id, saved, "")
    key = session.signing_key(create=False)
    doc = stored_plan(session.store, plan_id, key, retired=session.retired_signing_keys())
    verify_plan_document(doc, key, session.clock(), source)
    automation, request = _saved_request(session, doc, key, source)
    return _apply_saved(session, doc, automation, request, on_progress=on_progress,
                        queued_run_id=queued_run_id, **options)


def _saved_request(session: Session, doc: Mapping[str, Any], key: bytes,
                   source: str) -> tuple[Automation[Any], Any]:
    """The automation of a saved plan and its request with the secrets put back; refused
    when that automation is not registered here (exit 2), is of another contract version
    (exit 3) or a secret is missing or differs."""
    automation = session.catalog.load(str(doc["automation"]))
    refuse_other_contract_version(automation, doc, source)
    request = restore_secrets(session, automation, doc["request"], secret_digest(key), source)
    return automation, request


def _apply_saved(session: Session, doc: dict[str, Any], automation: Automation[Any],
                 request: Any, *, on_progress: ProgressFn | None,
                 queued_run_id: str | None = None, **options: Any) -> RunOutcome:
    plan_id = str(doc["plan_id"])
    entry = session.catalog.entry(automation.name)
    targets = doc.get("targets") or []
    assert isinstance(targets, list)  # verify_plan_document checked it
    return execute(session, automation, request, mode="apply",
                   expected_fingerprint=str(doc["fingerprint"]), plan_id=plan_id,
                   on_progress=on_progress, source=entry.source,
                   targets=[str(t) for t in targets], queued_run_id=queued_run_id,
                   stored_request=True, **options)



def resume_run(session: Session, run_id: str, *, on_progress: ProgressFn | None = None,
               wait_lock_s: float = 0.0, **options: Any) -> RunOutcome:
    """Finish an interrupted, partial or failed apply: journaled actions are not applied again."""
    from opsctl.governance.gate import check_permission, environment_of

    prior = session.store.get_run(run_id)
    if prior is None:
        raise UsageError(f"no run {run_id!r} in the store")
    # the role first, as `cancel` asks it: the run's mode and status are not for a caller
    # who may not apply it (nor view it, maybe)
    check_permission(session, "apply", automation=str(prior["automation"]),
                     environment=environment_of(prior.get("request") or {}))
    if prior["mode"] != "apply":
        raise UsageError(f"run {prior['id']} is a {prior['mode']}, not an apply: nothing to resume")
    if prior["status"] not in RESUMABLE or (
            prior["status"] != "running" and not _journaled_any(session, str(prior["id"]))):
        # a finished run stays finished: refused before the scope's lease is taken, so a
        # run holding it does not turn this into "locked" (exit 7), nor --wait-lock wait for it
        raise _nothing_to_resume(prior)
    automation = session.catalog.load(prior["automation"])
    if automation.version != prior["contract_version"]:
        raise PlanRejectedError(f"run {prior['id']} ran {automation.name} {prior['contract_version']}; "
                                f"the code is now {automation.version}", reason="stale", step="gate")
    request = restore_secrets(session, automation, prior["request"],
                               secret_digest(session.signing_key), f"run {prior['id']}")
    key_source = prior.get("key_source") or "derived"
    # --max-failures and --concurrency of the run being finished hold for what is left of it,
    # as for a queued run a worker finishes
    runtime = prior.get("runtime") or {}
    options.setdefault("max_failures", int(runtime.get("max_failures") or 1))
    options.setdefault("concurrency", int(runtime.get("concurrency") or 1))
    return execute(session, automation, request, mode="apply",
                   idempotency_key=prior["idempotency_key"] if key_source == "caller" else None,
                   resume_run_id=str(prior["id"]), on_progress=on_progress,
                   source=session.catalog.entry(automation.name).source, wait_lock_s=wait_lock_s,
                   targets=(prior.get("runtime") or {}).get("targets") or (),
                   contract_version=(prior.get("runtime") or {}).get("contract_version"),
                   stored_request=True, **options)


def reconcile(session: Session, automation: Automation[Any], data: Mapping[str, Any], *,
              max_iterations: int = 5, on_progress: ProgressFn | None = None,
              source: str | None = None, wait_lock_s: float = 0.0,
              max_failures: int = 1, concurrency: int = 1,
              warnings: Sequence[str] = (), targets: Sequence[str] = (),
              confirm: Callable[[dict[str, Any]], bool] | None = None,
              contract_version: str | None = None) -> RunOutcome:
    """Apply, re-plan and apply again until the plan is empty, or fail (exit 4) at the bound.

    Each iteration is a recorded apply run; the result is the last one's, with mode
    ``reconcile`` and the iterations' run ids in ``artifacts``. Exit 0 only when converged.
    Converged after iterations that changed something, the result is the last of those (its
    status ``succeeded``, its actions), with ``summary`` summed over every iteration and
    ``timing`` spanning them: the final, empty plan is not what a caller asked about.
    """
    iterations: list[str] = []
    changed: list[RunOutcome] = []  # iterations that applied something (status not no_changes)

    def annotate(outcome: RunOutcome, converged: bool) -> RunOutcome:
        doc = dict(outcome.document)
        doc["mode"] = "reconcile"
        doc["artifacts"] = {**doc.get("artifacts", {}), "iterations": list(iterations),
                            "converged": converged}
        return RunOutcome(doc, int(doc["exit_code"]))

    for _ in range(max(1, max_iterations)):
        outcome = execute(session, automation, data, mode="apply", on_progress=on_progress,
                          source=source, wait_lock_s=wait_lock_s, max_failures=max_failures,
                          concurrency=concurrency, warnings=warnings, targets=targets,
                          confirm=confirm if not iterations else None,  # asked once
                          contract_version=contract_version)
        if outcome.document.get("run_id"):
            iterations.append(str(outcome.document["run_id"]))
        if outcome.exit_code != ExitCode.SUCCESS:  # what earlier iterations applied counts
            return annotate(_overall(changed, outcome, failed=outcome), False)
        if outcome.document["status"] == "no_changes":
            if not (outcome.document.get("summary") or {}).get("planned"):
                return annotate(_overall(changed, outcome), True)
            # planned, yet apply found each action unchanged: another round would do the
            # same, and the plan is not empty until planning again says so
            break
        changed.append(outcome)
        if session.stop_requested.is_set():
            break
    if session.stop_requested.is_set():
        # asked to stop (a signal, `opsctl cancel`) while an iteration's last actions were in
        # flight: it ended as it would have; no other run starts, not even to plan
        stopped = InterruptedRunError(
            f"stopped on request after iteration {len(iterations)} (run {iterations[-1]}), "
            "whose actions finished; not planned again: run the same command again to "
            "reconcile what is left", step="apply")
        doc = dict(_overall(changed, outcome).document)
        doc.update(status="cancelled", exit_code=stopped.exit_code, error=error_block(stopped))
        return annotate(RunOutcome(doc, stopped.exit_code), False)
    check = execute(session, automation, data, mode="plan", source=source, targets=targets,
                    contract_version=contract_version)
    if check.exit_code == ExitCode.SUCCESS:
        return annotate(_overall(changed, outcome), True)
    if check.exit_code != ExitCode.CHANGES_PLANNED:
        return annotate(check, False)
    rounds = f"{len(iterations)} iteration{'' if len(iterations) == 1 else 's'}"
    error = DependencyError(f"not converged after {rounds}: the plan still "
                            f"has {check.document['summary']['planned']} action(s)"
                            + ("" if changed else ", which apply found unchanged"), step="verify")
    # what the iterations applied, not the plan left over (its actions all "pending")
    doc = dict(_overall(changed, outcome).document)
    doc.update(status="failed", exit_code=error.exit_code, error=error_block(error))
    return annotate(RunOutcome(doc, error.exit_code), False)


def _overall(changed: list[RunOutcome], last: RunOutcome, *,
             failed: RunOutcome | None = None) -> RunOutcome:
    """A reconcile's result: the last iteration that changed something (or the one that
    ``failed``), its summary the sum over those iterations and its timing from the first start
    to the last finish (the last iteration, whose plan was empty, when none changed
    anything)."""
    rounds = changed if failed is None else [*changed, failed]
    if not rounds:
        return last
    doc = dict(rounds[-1].document)
    summaries = [o.document.get("summary") or {} for o in rounds]
    doc["summary"] = {key: sum(int(s.get(key) or 0) for s in summaries) for key in doc["summary"]}
    first, final = rounds[0].document.get("timing") or {}, last.document.get("timing") or {}
    if first.get("started_at") and final.get("finished_at"):
        timed = rounds if last is rounds[-1] else [*rounds, last]
        duration = sum(int((o.document.get("timing") or {}).get("duration_ms") or 0)
                       for o in timed)
        doc["timing"] = {**(doc.get("timing") or {}), "started_at": first["started_at"],
                         "finished_at": final["finished_at"], "duration_ms": duration}
    return RunOutcome(doc, int(doc["exit_code"]))
