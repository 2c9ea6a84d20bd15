"""The audit events of one run: queued while it runs, appended in batches (one commit each)."""

from __future__ import annotations

from typing import Any

from opsctl.engine.state import RunState


def queue_audit(run: RunState, event: str, **payload: Any) -> None:
    """Queue an audit event of this run; :func:`flush_audit` appends the queue in one commit."""
    from opsctl.store.audit import NewEvent

    run.audit.append(NewEvent(event, run.session.actor, payload, run_id=run.run_id,
                              plan_id=run.artifacts.get("plan_id")))


def flush_audit(run: RunState) -> None:
    if run.audit:
        import dataclasses

        from opsctl.store.audit import append_events

        events, run.audit = run.audit, []
        plan_id = run.artifacts.get("plan_id") or (run.approval_plan[0] if run.approval_plan
                                                    else None)
        if plan_id:  # events queued before the saved plan was known belong to it too
            events = [e if e.plan_id else dataclasses.replace(e, plan_id=plan_id) for e in events]
        append_events(run.session.store, events)


def audit_actions(run: RunState) -> None:
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
            queue_audit(run, f"action.{state.status}", action=state.action.id, kind=state.action.kind,
                   target=state.action.target, attempts=state.attempts, error=state.error)
