"""The run pipeline: validate -> plan -> gate -> apply the same plan -> verify -> result.

``--dry-run`` and ``plan`` take this same path and stop after the gate. Every run that got past
request validation is recorded in the store with its actions; each action is journaled before
and after it runs.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from opsctl.contract import RESULT_SCHEMA
from opsctl.contract.automation import Action, Automation
from opsctl.contract.plan import (
    SECRET_MARKER,
    Plan,
    canonical_request,
    plan_fingerprint,
)
from opsctl.engine.applying import apply_actions, automation_bug, retry_policy_for, verify_applied
from opsctl.engine.context import Context
from opsctl.engine.ids import new_run_id
from opsctl.engine.runtime import runtime_info
from opsctl.engine.saved_plans import apply_plan_file, restore_secrets, write_plan_file
from opsctl.engine.session import Session
from opsctl.engine.state import ActionState, Mode, ProgressFn, RunOutcome, RunState, iso
from opsctl.errors import (
    AutomationBugError,
    DependencyError,
    ExitCode,
    OpsctlError,
    PartialFailureError,
    PlanRejectedError,
    UsageError,
)

__all__ = ["RunOutcome", "apply_plan_file", "check_policy", "error_document", "execute",
           "reconcile", "resume_run", "retry_policy_for", "validate_request", "versioned_request"]


# -- request ---------------------------------------------------------------------------------

def validate_request(automation: Automation[Any], data: Mapping[str, Any],
                     model: Any = None, label: str | None = None) -> Any:
    """The typed request, or a UsageError naming every bad field (exit 2, nothing written)."""
    from pydantic import ValidationError

    try:
        return (model or automation.request_model).model_validate(dict(data))
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"]) or "request"
            message = err["msg"]
            if err["type"] == "extra_forbidden":
                message = "unknown field"
            elif err["type"] == "missing":
                message = "required field is missing"
            problems.append(f"{where}: {message}")
        raise UsageError(f"invalid request for {label or automation.name}: "
                         + "; ".join(problems), step="validate") from None


@dataclass(frozen=True)
class VersionedRequest:
    request: Any
    requested_version: str | None  # what the caller asked for, when it asked
    warnings: tuple[str, ...]


def versioned_request(automation: Automation[Any], data: Mapping[str, Any],
                      contract_version: str | None = None) -> VersionedRequest:
    """Validate a request of the current or an older, still accepted, contract version.

    An older major is validated against its own model, upgraded, then validated again as a
    current request. Deprecated fields the caller set become warnings.
    """
    from opsctl.contract.versions import VERSION_KEY, requested_major, used_deprecations

    data = dict(data)
    text, major = requested_major(data, contract_version)
    data.pop(VERSION_KEY, None)
    warnings: list[str] = []
    current = automation.major_version
    if major is None or major == current:
        request = validate_request(automation, data)
    elif major > current:
        raise UsageError(f"contract version {text} of {automation.name} does not exist yet: the "
                         f"code is {automation.version}", step="validate")
    elif major not in automation.adapters:
        accepted = ", ".join(str(m) for m in automation.accepted_majors)
        raise UsageError(f"{automation.name} no longer accepts contract version {text} requests "
                         f"(accepted majors: {accepted})", step="validate")
    else:
        adapter = automation.adapters[major]
        old = validate_request(automation, data, adapter.request,
                               f"{automation.name} {major}.x")
        try:
            upgraded = adapter.upgrade(old)
        except OpsctlError:
            raise
        except Exception as exc:
            raise AutomationBugError(f"upgrade of a {major}.x request of {automation.name} "
                                     f"failed: {type(exc).__name__}: {exc}", step="validate") from exc
        if not isinstance(upgraded, Mapping):
            upgraded = upgraded.model_dump()
        request = validate_request(automation, upgraded, label=f"{automation.name} (upgraded "
                                   f"from {major}.x)")
        warnings.append(f"request for contract {text} was upgraded to {automation.version}; "
                        f"update the caller to {current}.x")
    warnings.extend(d.warning() for d in used_deprecations(automation.request_model, request))
    return VersionedRequest(request, text, tuple(warnings))


def secret_digest(key: bytes | Callable[[], bytes]) -> Callable[[str], str]:
    """Keyed digests of secret values; a key given as a function is read on first use only,
    so a request without secrets never creates the signing key (nothing written on a refusal)."""
    keys: list[bytes] = []

    def digest(secret: str) -> str:
        if not keys:
            keys.append(key() if callable(key) else key)
        return "hmac-sha256:" + hmac.new(keys[0], secret.encode(), hashlib.sha256).hexdigest()

    return digest


def derived_run_key(automation: Automation[Any], request_doc: Mapping[str, Any]) -> str:
    """The run key when the caller gives none: a hash of (automation, version, request)."""
    from opsctl.contract.plan import canonical_json

    body = canonical_json({"automation": automation.name, "contract_version": automation.version,
                           "request": dict(request_doc)})
    return "auto:" + hashlib.sha256(body.encode()).hexdigest()[:32]


def _request_document(session: Session, automation: Automation[Any], request: Any,
                      ) -> dict[str, Any]:
    """The canonical request document (secrets as keyed digests, their values registered with
    the redactor); a request that has no canonical JSON text (NaN, say) is invalid input."""
    from opsctl.contract.canonical import CanonicalJSONError, canonical_json

    request_doc, secrets = canonical_request(request, secret_digest(session.signing_key))
    session.redactor.add(*secrets)
    try:
        canonical_json(request_doc)
    except CanonicalJSONError as exc:
        raise UsageError(f"invalid request for {automation.name}: {exc}", step="validate") from None
    return request_doc


def display_request(doc: Any) -> Any:
    """The canonical request for people and results: secret markers shown as ***."""
    if isinstance(doc, dict):
        if set(doc) == {SECRET_MARKER}:
            return "***"
        return {k: display_request(v) for k, v in doc.items()}
    if isinstance(doc, list):
        return [display_request(v) for v in doc]
    return doc


# -- result documents ----------------------------------------------------------------------------

def _summary(states: list[ActionState]) -> dict[str, int]:
    counts = {"planned": len(states), "applied": 0, "unchanged": 0, "skipped": 0, "failed": 0}
    for state in states:
        if state.status in counts:
            counts[state.status] += 1
    return counts


def error_block(error: OpsctlError) -> dict[str, Any]:
    return {"type": error.error_type, "message": error.message, "retryable": error.retryable,
            "step": error.step}


def error_document(error: OpsctlError, *, mode: Mode, automation: str | None, started_at: datetime,
                   finished_at: datetime, actor: str | None = None,
                   redact: Callable[[Any], Any] = lambda v: v) -> dict[str, Any]:
    """The result document of a command that failed before a run existed (bad input, say)."""
    doc: dict[str, Any] = redact({
        "schema": RESULT_SCHEMA, "run_id": None, "automation": automation,
        "contract_version": None, "requested_contract_version": None, "mode": mode, "status": _status_for(error),
        "exit_code": error.exit_code, "actor": actor, "idempotency_key": None, "replayed": False,
        "request": None, "plan": None, "summary": _summary([]), "warnings": [],
        "error": error_block(error), "policy": None, "artifacts": {},
        "timing": {"started_at": iso(started_at), "finished_at": iso(finished_at),
                   "duration_ms": max(0, int((finished_at - started_at).total_seconds() * 1000))},
    })
    return doc


def _status_for(error: OpsctlError) -> str:
    from opsctl.errors import ConflictError, DeniedError, InterruptedRunError

    if isinstance(error, DeniedError):
        return "denied"
    if isinstance(error, ConflictError):
        return "conflict"
    if isinstance(error, InterruptedRunError):
        return "cancelled"
    if isinstance(error, PartialFailureError):
        return "partial"
    return "failed"


def _document(run: RunState, status: str, exit_code: int, error: OpsctlError | None) -> dict[str, Any]:
    session = run.session
    finished = session.clock()
    started = run.started_at or finished
    shown = ("id", "kind", "target", "reason", "before", "after")
    actions = [{**{k: spec[k] for k in shown}, "status": s.status, "attempts": s.attempts,
                "waits": s.waits, "error": s.error}
               for s in run.states for spec in (s.action.to_dict(),)]
    doc = {
        "schema": RESULT_SCHEMA,
        "run_id": run.run_id,
        "automation": run.automation.name,
        "contract_version": run.automation.version,
        "requested_contract_version": run.requested_version or run.automation.version,
        "mode": run.mode,
        "status": status,
        "exit_code": exit_code,
        "actor": session.actor,
        "idempotency_key": run.idempotency_key,
        "replayed": False,
        "request": display_request(run.request_doc),
        "plan": {"fingerprint": run.plan.fingerprint if run.plan else None, "actions": actions},
        "summary": _summary(run.states),
        "warnings": list(run.warnings),
        "error": error_block(error) if error else None,
        "policy": _decision_doc(run.decision) if run.decision is not None else None,
        "artifacts": dict(run.artifacts),
        "timing": {"started_at": iso(started), "finished_at": iso(finished),
                   "duration_ms": max(0, int((finished - started).total_seconds() * 1000))},
    }
    return session.redactor.redact(doc)  # type: ignore[no-any-return]


# -- the pipeline ---------------------------------------------------------------------------------

def _context(run: RunState) -> Context:
    session = run.session
    name = run.automation.name
    return Context(
        run_id=run.run_id, automation=name, actor=session.actor,
        config=dict(session.settings.automation.get(name, {})),
        secrets={k: v.get_secret_value() for k, v in session.settings.secrets.items()},
        log=session.log.bind(run_id=run.run_id, automation=name),
        clock=session.clock, effect=run.automation.effect,
    )


def _request_hash(request_doc: Mapping[str, Any]) -> str:
    from opsctl.contract.plan import canonical_json, sha256_text

    return sha256_text(canonical_json(dict(request_doc)))


def _start(session: Session, automation: Automation[Any], mode: Mode, request: Any,
           request_doc: dict[str, Any], key: str, key_source: str, source: str | None,
           resume: Mapping[str, Any] | None, run_id: str) -> RunState:
    run = RunState(session=session, automation=automation, mode=mode, request=request,
               request_doc=request_doc, idempotency_key=key, run_id=run_id)
    run.started_at = session.clock()
    if resume is not None:
        run.run_id = str(resume["id"])
        run.resumed = True
        session.store.reopen_run(run.run_id)
        session.log.info("run.resumed", run_id=run.run_id, automation=automation.name,
                         step="validate", previous_status=resume["status"], actor=session.actor)
        _audit(run, "run.resumed", previous_status=resume["status"],
               identity=session.identity.to_dict())
        return run
    session.store.create_run({
        "id": run.run_id, "automation": automation.name, "contract_version": automation.version,
        "mode": mode, "status": "running", "actor": session.actor,
        "idempotency_key": key, "key_source": key_source,
        "request_hash": _request_hash(request_doc), "request": request_doc,
        "runtime": {**runtime_info(source), "identity": session.identity.to_dict()},
        "started_at": iso(run.started_at),
    })
    session.log.info("run.started", run_id=run.run_id, automation=automation.name, mode=mode,
                     step="validate", actor=session.actor, idempotency_key=key)
    _audit(run, "request.received", mode=mode, contract_version=automation.version,
           request=request_doc, idempotency_key=key, identity=session.identity.to_dict())
    return run


def _make_plan(run: RunState, ctx: Context) -> Plan:
    automation = run.automation
    ctx.phase = "plan"
    ctx.log = ctx.log.bind(step="plan")
    journal = run.session.store.list_actions(run.run_id) if run.resumed else []
    if journal and automation.has_verify:
        return _plan_from_journal(run, ctx, journal)
    try:
        actions = automation.call_plan(ctx, run.request)
    except OpsctlError as exc:
        exc.step = exc.step or "plan"
        raise
    except Exception as exc:
        raise automation_bug(run, exc, "plan() failed", "plan") from exc
    seen: set[str] = set()
    for action in actions:
        if not isinstance(action, Action):
            raise AutomationBugError(f"plan() of {automation.name} yielded {type(action).__name__}, "
                                     "not an opsctl Action", step="plan")
        if action.id in seen:
            raise AutomationBugError(f"plan() of {automation.name} yielded action id "
                                     f"{action.id!r} twice", step="plan")
        seen.add(action.id)
        if automation.effect == "read" and action.kind != "run":
            raise AutomationBugError(f"{automation.name} declares effect 'read' but planned a "
                                     f"{action.kind} action ({action.id})", step="plan")
    redacted = [run.session.redactor.redact(a.to_dict()) for a in actions]
    fingerprint = plan_fingerprint(automation.name, automation.version, run.request_doc, redacted)
    plan = Plan(automation.name, automation.version, run.request_doc, tuple(actions), fingerprint)
    run.specs = redacted
    run.plan = plan
    run.states = (_resume_states(run, actions, journal) if run.resumed
                  else [ActionState(a) for a in actions])
    run.session.store.set_run_plan(run.run_id, fingerprint)
    ctx.log.info("plan.created", fingerprint=fingerprint, actions=len(actions))
    _audit(run, "plan.created", fingerprint=fingerprint, actions=len(actions),
           kinds=_kind_counts(actions))
    return plan


def _plan_from_journal(run: RunState, ctx: Context, journal: list[Any]) -> Plan:
    """Resume an automation that has ``verify`` from its journal, without planning again.

    The journal holds the plan this run started applying: finished actions are skipped
    without a call to the automation (no remote read per finished action), and every
    unfinished one is re-checked with ``verify`` before it is applied, because a journal in
    group-commit mode may not hold the "started" record of an action that took effect.
    """
    automation = run.automation
    states: list[ActionState] = []
    skipped = 0
    for record in journal:
        state = ActionState(Action.from_dict(record.spec), attempts=record.attempts)
        if record.status in FINISHED:
            state.status, state.done = record.status, True
            skipped += 1
        else:
            state.interrupted = True
        states.append(state)
    actions = tuple(s.action for s in states)
    redacted = [run.session.redactor.redact(a.to_dict()) for a in actions]
    fingerprint = plan_fingerprint(automation.name, automation.version, run.request_doc, redacted)
    plan = Plan(automation.name, automation.version, run.request_doc, actions, fingerprint)
    run.specs = redacted
    run.plan, run.states = plan, states
    run.artifacts["new_actions"] = []
    run.warnings.append(f"resumed run {run.run_id}: {skipped} action(s) already finished were "
                        "not applied again")
    run.session.store.set_run_plan(run.run_id, fingerprint)
    ctx.log.info("plan.resumed", fingerprint=fingerprint, actions=len(actions),
                 finished=skipped, source="journal")
    _audit(run, "plan.created", fingerprint=fingerprint, actions=len(actions),
           kinds=_kind_counts(list(actions)), source="journal", finished=skipped)
    return plan


FINISHED = ("applied", "unchanged")  # a resumed run retries failed and skipped actions


def _resume_states(run: RunState, fresh: list[Action], journal: list[Any]) -> list[ActionState]:
    """Journal first: finished actions are skipped; the fresh plan supplies what is left.

    An action journaled as started but not finished that the fresh plan no longer contains
    took effect before the interruption (applied); one never started and no longer planned
    converged some other way (unchanged). Actions new in the fresh plan are appended.
    """
    planned = {a.id: a for a in fresh}
    states: list[ActionState] = []
    skipped = 0
    for record in journal:
        action = planned.pop(record.action_id, None)
        state = ActionState(action or Action.from_dict(record.spec), attempts=record.attempts)
        state.done = True
        if record.status in FINISHED:
            state.status = record.status
            skipped += 1
        elif action is None:
            state.status = "applied" if record.status in ("started", "interrupted") else "unchanged"
            run.session.store.action_finished(run.run_id, record.action_id, status=state.status,
                                              error=None,
                                              at=iso(run.session.clock()), fence=run.fence)
        else:
            state.done = False
            state.interrupted = record.status in ("started", "interrupted")
        states.append(state)
    new = [ActionState(a) for a in fresh if a.id in planned]
    for state in new:
        state.interrupted = False
    run.artifacts["new_actions"] = [s.action.id for s in new]
    run.warnings.append(f"resumed run {run.run_id}: {skipped} action(s) already finished were "
                        "not applied again")
    return states + new


def _gate(run: RunState, ctx: Context) -> None:
    """The boundary between plan and apply: the policy decision, then approvals (apply only).

    The decision is recorded (result, audit) before it is enforced, so a denial is on record.
    """
    from opsctl.governance.gate import (
        approval_summary,
        decide,
        enforce,
        governance_for,
        refuse_rejected,
        require_approvals,
    )

    session = run.session
    assert run.plan is not None
    log = ctx.log.bind(step="gate")
    governance = governance_for(session)
    now = session.clock()
    decision = decide(session, governance, automation=run.automation.name,
                      version=run.automation.version, request_doc=run.request_doc,
                      actor=session.actor, actions=run.plan.actions, now=now)
    checks: list[str] = []
    if decision is not None:
        run.decision = decision
        shown = _decision_doc(decision)
        _audit(run, "policy.decision", **shown)
        log.info("policy.decision", effect=decision.effect, rule=decision.rule,
                 matched=list(decision.matched))
        checks.append(f"policy:{decision.effect}:{decision.rule}")
        enforce(decision)
    if run.mode == "apply" and run.plan.has_changes:
        if run.approval_plan is not None:
            refuse_rejected(session, run.approval_plan[0], run.approval_plan[1], now)
        approval = run.approval_plan or (None, run.plan.fingerprint, None)
        status = require_approvals(session, governance, decision, plan_id=approval[0],
                                   fingerprint=approval[1], requester=approval[2], now=now)
        if status is not None:
            run.artifacts["approvals"] = status.to_dict()
            checks.append(f"approvals:{len(status.approved_by)}/{status.needed}")
    elif decision is not None and decision.effect == "require_approval" and run.plan.has_changes:
        run.warnings.append(f"applying this plan needs approval: {approval_summary(decision)}")
    log.info("gate.passed", checks=checks)


def _decision_doc(decision: Any) -> dict[str, Any]:
    """The decision as results and the audit show it (``policy check`` adds the explanation)."""
    return {"effect": decision.effect, "rule": decision.rule, "reason": decision.reason,
            "matched": list(decision.matched), "approvals_required": decision.approvals
            if decision.effect == "require_approval" else 0,
            "approvers": list(decision.approvers)}


def _kind_counts(actions: list[Action]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for action in actions:
        counts[action.kind] = counts.get(action.kind, 0) + 1
    return counts


def _audit(run: RunState, event: str, **payload: Any) -> None:
    """Queue an audit event of this run; :func:`_flush_audit` appends the queue in one commit."""
    from opsctl.store.audit import NewEvent

    run.audit.append(NewEvent(event, run.session.actor, payload, run_id=run.run_id,
                              plan_id=run.artifacts.get("plan_id")))


def _flush_audit(run: RunState) -> None:
    if run.audit:
        import dataclasses

        from opsctl.store.audit import append_events

        events, run.audit = run.audit, []
        plan_id = run.artifacts.get("plan_id") or (run.approval_plan[0] if run.approval_plan
                                                    else None)
        if plan_id:  # events queued before the saved plan was known belong to it too
            events = [e if e.plan_id else dataclasses.replace(e, plan_id=plan_id) for e in events]
        append_events(run.session.store, events)


def _finish(run: RunState, status: str, exit_code: int, error: OpsctlError | None,
            ctx: Context | None = None) -> RunOutcome:
    if ctx is not None:
        run.warnings.extend(w for w in ctx.warnings if w not in run.warnings)
    from opsctl.store.sql import StoreUnavailableError

    doc = _document(run, status, exit_code, error)
    try:
        run.session.store.finish_run(run.run_id, status=status, exit_code=exit_code, result=doc,
                                     error_type=error.error_type if error else None,
                                     finished_at=doc["timing"]["finished_at"])
        _audit_actions(run)
        _audit(run, "run.finished", status=status, exit_code=exit_code, summary=doc["summary"],
               error=doc["error"])
        _flush_audit(run)
    except StoreUnavailableError as exc:
        doc = _unrecorded(run, doc, exc)
        status, exit_code, error = doc["status"], exc.exit_code, exc
    log = run.session.log.error if error is not None else run.session.log.info
    log("run.finished", run_id=run.run_id, automation=run.automation.name, status=status,
        exit_code=exit_code, step="result", error=error.message if error else None,
        error_type=error.error_type if error else None)
    return RunOutcome(doc, exit_code)


def _unrecorded(run: RunState, doc: dict[str, Any], exc: OpsctlError) -> dict[str, Any]:
    """The result of a run whose store failed under it: exit 4, with what is known.

    The actions' statuses are what this process saw; the store holds less (the journal up to
    the failure, not this result, nor the run's last audit events). Running the same command
    again, or ``opsctl resume``, finishes the run from the journal once the store is back.
    """
    doc = dict(doc)
    warnings = list(doc["warnings"])
    if doc["error"] is None or doc["error"]["type"] != exc.error_type:
        warnings.append(f"before the store failed, the run's outcome was {doc['status']} "
                        f"(exit {doc['exit_code']})")
        exc.step = "result"
        doc["error"] = error_block(exc)
    warnings.append(f"this result is not recorded in the store ({exc.message}): once the store "
                    f"is back, run the same command again or `opsctl resume {run.run_id}`")
    doc.update(status="failed", exit_code=exc.exit_code, warnings=warnings,
               artifacts={**doc["artifacts"],
                          "store": {"recorded": False, "error": exc.message,
                                    "not_recorded": ["result", "audit events of the result",
                                                     "journal records after the failure"]}})
    return run.session.redactor.redact(doc)  # type: ignore[no-any-return]


def _audit_actions(run: RunState) -> None:
    """One audit event per action applied or failed in this run (a resumed run also records
    those its killed predecessor finished, once)."""
    if run.mode != "apply":
        return
    seen: set[str] = set()
    if run.resumed:
        from opsctl.store.audit import iter_events

        seen = {str(e.payload.get("action")) for e in iter_events(run.session.store,
                                                                   run_id=run.run_id)
                if e.kind in ("action.applied", "action.failed")}
    for state in run.states:
        if state.status in ("applied", "failed") and state.action.id not in seen:
            _audit(run, f"action.{state.status}", action=state.action.id, kind=state.action.kind,
                   target=state.action.target, attempts=state.attempts, error=state.error)


RESUMABLE = ("running", "partial", "cancelled", "failed")
REPLAYABLE = ("succeeded", "no_changes")


def _replay(session: Session, prior: Mapping[str, Any]) -> RunOutcome:
    doc = dict(prior["result"])
    doc["replayed"] = True
    session.log.info("run.replayed", run_id=prior["id"], automation=prior["automation"],
                     step="validate", status=doc["status"], exit_code=doc["exit_code"])
    return RunOutcome(doc, int(doc["exit_code"]))


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
    prior = store.get_run(resume_run_id) if resume_run_id else store.latest_run_for_key(
        automation.name, key)
    if prior is None:
        if resume_run_id:
            raise UsageError(f"no run {resume_run_id!r} to resume")
        return None
    if prior["request_hash"] != request_hash:
        raise ConflictError(f"idempotency key {key!r} was used by run {prior['id']} with a "
                            "different request; use a new key", step="validate")
    if resume_run_id is None and prior["status"] in REPLAYABLE:
        # A caller's key names one operation: replay it. A derived key only makes an
        # interrupted run resumable; a finished one is history, so plan afresh.
        return prior if key_source == "caller" else None
    orphaned = holds_scope and prior["status"] == "running"
    if prior["status"] not in RESUMABLE or not (orphaned or store.list_actions(prior["id"])):
        if resume_run_id:
            raise UsageError(f"run {resume_run_id} is {prior['status']}: nothing to resume")
        return None
    return prior


def execute(session: Session, automation: Automation[Any], data: Mapping[str, Any], *,
            mode: Mode, dry_run: bool = False, out: Path | None = None,
            idempotency_key: str | None = None, expected_fingerprint: str | None = None,
            plan_id: str | None = None, on_progress: ProgressFn | None = None,
            source: str | None = None, wait_lock_s: float = 0.0,
            resume_run_id: str | None = None, max_failures: int = 1,
            concurrency: int = 1, contract_version: str | None = None,
            warnings: Sequence[str] = ()) -> RunOutcome:
    """Run one automation through the whole pipeline; the public entry of every CLI verb.

    An apply under a key whose earlier run finished replays that result (caller keys only);
    one whose earlier run was interrupted resumes it; a mutating apply holds the lease on its
    lock scope from planning to the result.
    """
    from opsctl.engine.locks import acquire_lease

    if dry_run:
        mode = "plan"
    versioned = versioned_request(automation, data, contract_version)
    request = versioned.request
    for warning in versioned.warnings:
        session.log.warning("request.deprecated", automation=automation.name, message=warning)
    policy = retry_policy_for(session, automation)
    request_doc = _request_document(session, automation, request)
    _check_permission(session, automation, "plan" if mode == "plan" else "apply", request_doc)
    key = idempotency_key or derived_run_key(automation, request_doc)
    key_source = "caller" if idempotency_key else "derived"
    run_id = new_run_id()
    request_hash = _request_hash(request_doc)
    if mode == "apply" and key_source == "caller" and resume_run_id is None:
        # Replaying a finished operation, or refusing a key reused with another request,
        # changes nothing: neither takes the lease.
        earlier = _prior_run(session, automation, key, key_source, request_hash, None,
                             holds_scope=False)
        if earlier is not None and earlier["status"] in REPLAYABLE:
            return _replay(session, earlier)
    lease = None
    if mode == "apply" and automation.effect == "mutate":
        # Taken before looking at earlier runs of the key, so two processes never both decide
        # to resume the same run.
        lease = acquire_lease(session.store, automation.scope_key(request), run_id,
                              actor=session.actor, ttl_s=session.settings.lock_ttl.total_seconds(),
                              wait_s=wait_lock_s, clock=session.clock)
    try:
        prior = None
        if mode == "apply":
            prior = _prior_run(session, automation, key, key_source, request_hash,
                               resume_run_id, holds_scope=lease is not None)
            if prior is not None and prior["status"] in REPLAYABLE:
                return _replay(session, prior)
        run = _start(session, automation, mode, request, request_doc, key, key_source, source,
                     prior, run_id)
    except BaseException:
        if lease is not None:
            lease.release()
        raise
    ctx = _context(run)
    run.policy = policy
    run.requested_version = versioned.requested_version
    run.warnings.extend(w for w in (*warnings, *versioned.warnings) if w not in run.warnings)
    run.max_failures = max(1, max_failures)
    run.concurrency = max(1, concurrency)
    if lease is not None:
        if prior is not None:
            session.store.set_lease_run(lease.scope, lease.token, run.run_id)
        lease.start_heartbeat()
        run.fence = lease.fence
        run.artifacts["lock"] = {"scope": lease.scope, "token": lease.token}
        _audit(run, "lock.acquired", scope=lease.scope, token=lease.token)
    approved = plan_id or (prior.get("plan_id") if prior is not None else None)
    if approved:
        saved = session.store.plan_document(str(approved))
        if saved is not None:
            run.approval_plan = (str(approved), expected_fingerprint or str(saved["fingerprint"]),
                                 saved.get("created_by"))
    try:
        try:
            plan = _make_plan(run, ctx)
            if expected_fingerprint is not None and plan.fingerprint != expected_fingerprint:
                raise PlanRejectedError(
                    "plan is stale: planning now gives different actions than the saved plan "
                    f"({len(plan.actions)} now); re-run `opsctl plan`", reason="stale", step="gate")
            _gate(run, ctx)
            if mode == "plan" or dry_run:
                if out is not None:
                    write_plan_file(run, out)
                    if run.decision is not None and run.decision.effect == "require_approval" \
                            and plan.has_changes:
                        run.warnings.append(
                            f"approve it with `opsctl approve {run.artifacts['plan_id']} "
                            "--reason TEXT`, then `opsctl apply --plan` it")
                if plan.has_changes:
                    return _finish(run, "changes_planned", ExitCode.CHANGES_PLANNED, None, ctx)
                return _finish(run, "no_changes", ExitCode.SUCCESS, None, ctx)
            _flush_audit(run)  # what was asked, planned and decided is on record before apply
            if plan_id is not None and not session.store.claim_plan(plan_id, run.run_id,
                                                                    iso(session.clock())):
                raise PlanRejectedError(f"plan {plan_id} was already applied", reason="applied",
                                        step="gate")
            if plan_id is not None:
                session.store.set_run_plan(run.run_id, plan.fingerprint, plan_id)
                run.artifacts["plan_id"] = plan_id
            failure = apply_actions(run, ctx, on_progress)
            if failure is None:
                failure = verify_applied(run, ctx)
                if failure is not None:
                    return _finish(run, "failed", failure.exit_code, failure, ctx)
            summary = _summary(run.states)
            if failure is None:
                status = "succeeded" if summary["applied"] else "no_changes"
                return _finish(run, status, ExitCode.SUCCESS, None, ctx)
            if summary["applied"] or summary["unchanged"]:
                partial = PartialFailureError(
                    f"{summary['failed']} of {summary['planned']} actions failed "
                    f"({summary['applied']} applied, {summary['skipped']} skipped): {failure.message}",
                    step="apply")
                return _finish(run, "partial", ExitCode.PARTIAL, partial, ctx)
            return _finish(run, _status_for(failure), failure.exit_code, failure, ctx)
        except OpsctlError as exc:
            return _finish(run, _status_for(exc), exc.exit_code, exc, ctx)
    except KeyboardInterrupt:
        from opsctl.errors import InterruptedRunError

        interrupted = InterruptedRunError(
            f"interrupted; finished actions are journaled: `opsctl resume {run.run_id}` or run the "
            "same command again to finish", step="apply")
        return _finish(run, "cancelled", ExitCode.INTERRUPTED, interrupted, ctx)
    finally:
        if lease is not None:
            lease.release()


def check_policy(session: Session, automation: Automation[Any], data: Mapping[str, Any], *,
                 at: datetime | None = None, actor: str | None = None) -> RunOutcome:
    """Explain the policy decision for a request: validate, plan (read-only), evaluate.

    Nothing is recorded and nothing is applied. Exit 0 when applying would be allowed, 6 when
    it would be denied or needs approval; the document explains every rule and condition.
    """
    from opsctl.governance.gate import decide, governance_for

    request = versioned_request(automation, data).request
    request_doc = _request_document(session, automation, request)
    _check_permission(session, automation, "plan", request_doc)
    run = RunState(session=session, automation=automation, mode="plan", request=request,
               request_doc=request_doc, idempotency_key=None)
    ctx = _context(run)
    ctx.phase = "plan"
    try:
        actions = automation.call_plan(ctx, request)
    except OpsctlError:
        raise
    except Exception as exc:
        raise automation_bug(run, exc, "plan() failed", "plan") from exc
    governance = governance_for(session)
    who = actor or session.actor
    when = at or session.clock()
    decision = decide(session, governance, automation=automation.name, version=automation.version,
                      request_doc=request_doc, actor=who, actions=actions, now=when)
    doc: dict[str, Any] = {
        "automation": automation.name, "contract_version": automation.version, "actor": who,
        "groups": sorted(governance.groups_of(who)), "at": when.isoformat(),
        "request": display_request(request_doc), "policy_source": governance.policy_source,
        "plan": {"actions": len(actions), "kinds": _kind_counts(actions)},
    }
    if decision is None:
        doc["decision"] = None
        doc["message"] = "no policy is configured: applying is allowed"
        return RunOutcome(session.redactor.redact(doc), ExitCode.SUCCESS)
    doc["decision"] = decision.to_dict()
    return RunOutcome(session.redactor.redact(doc),
                      ExitCode.SUCCESS if decision.effect == "allow" else ExitCode.DENIED)


def _check_permission(session: Session, automation: Automation[Any], permission: Any,
                      request_doc: Mapping[str, Any]) -> None:
    """Exit 6 unless the actor's roles allow ``permission`` here; a refusal is audited."""
    from opsctl.governance.gate import check_permission, environment_of

    check_permission(session, permission, automation=automation.name,
                     environment=environment_of(request_doc))


# -- saved plans -------------------------------------------------------------------------------

def resume_run(session: Session, run_id: str, *, on_progress: ProgressFn | None = None,
               wait_lock_s: float = 0.0) -> RunOutcome:
    """Finish an interrupted, partial or failed apply: journaled actions are not applied again."""
    prior = session.store.get_run(run_id)
    if prior is None:
        raise UsageError(f"no run {run_id!r} in the store")
    if prior["mode"] != "apply":
        raise UsageError(f"run {prior['id']} is a {prior['mode']}, not an apply: nothing to resume")
    automation = session.catalog.load(prior["automation"])
    if automation.version != prior["contract_version"]:
        raise PlanRejectedError(f"run {prior['id']} ran {automation.name} {prior['contract_version']}; "
                                f"the code is now {automation.version}", reason="stale", step="gate")
    request = restore_secrets(session, automation, prior["request"],
                               secret_digest(session.signing_key), f"run {prior['id']}")
    key_source = prior.get("key_source") or "derived"
    return execute(session, automation, request, mode="apply",
                   idempotency_key=prior["idempotency_key"] if key_source == "caller" else None,
                   resume_run_id=str(prior["id"]), on_progress=on_progress,
                   source=session.catalog.entry(automation.name).source, wait_lock_s=wait_lock_s)


def reconcile(session: Session, automation: Automation[Any], data: Mapping[str, Any], *,
              max_iterations: int = 5, on_progress: ProgressFn | None = None,
              source: str | None = None, wait_lock_s: float = 0.0,
              max_failures: int = 1, concurrency: int = 1,
              warnings: Sequence[str] = ()) -> RunOutcome:
    """Apply, re-plan and apply again until the plan is empty, or fail (exit 4) at the bound.

    Each iteration is a recorded apply run; the result is the last one's, with mode
    ``reconcile`` and the iterations' run ids in ``artifacts``. Exit 0 only when converged.
    """
    iterations: list[str] = []

    def annotate(outcome: RunOutcome, converged: bool) -> RunOutcome:
        doc = dict(outcome.document)
        doc["mode"] = "reconcile"
        doc["artifacts"] = {**doc.get("artifacts", {}), "iterations": list(iterations),
                            "converged": converged}
        return RunOutcome(doc, int(doc["exit_code"]))

    for _ in range(max(1, max_iterations)):
        outcome = execute(session, automation, data, mode="apply", on_progress=on_progress,
                          source=source, wait_lock_s=wait_lock_s, max_failures=max_failures,
                          concurrency=concurrency, warnings=warnings)
        if outcome.document.get("run_id"):
            iterations.append(str(outcome.document["run_id"]))
        if outcome.exit_code != ExitCode.SUCCESS:
            return annotate(outcome, False)
        if outcome.document["status"] == "no_changes":
            return annotate(outcome, True)
    check = execute(session, automation, data, mode="plan", source=source)
    if check.exit_code == ExitCode.SUCCESS:
        return annotate(outcome, True)
    if check.exit_code != ExitCode.CHANGES_PLANNED:
        return annotate(check, False)
    error = DependencyError(f"not converged after {max_iterations} iterations: the plan still has "
                            f"{check.document['summary']['planned']} action(s)", step="verify")
    doc = dict(check.document)
    doc.update(status="failed", exit_code=error.exit_code, error=error_block(error))
    return annotate(RunOutcome(doc, error.exit_code), False)
