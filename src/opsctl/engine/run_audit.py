"""The audit events of one run: queued while it runs, appended in batches (one commit each)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from opsctl.engine.state import ActionState, RunState
from opsctl.jsontext import plain_string

if TYPE_CHECKING:
    from opsctl.store.audit import NewEvent


def audit_event(run: RunState, event: str, **payload: Any) -> NewEvent:
    """An audit event of this run (not yet queued or appended)."""
    from opsctl.store.audit import NewEvent

    return NewEvent(event, run.session.actor, payload, run_id=run.run_id,
                    plan_id=run.artifacts.get("plan_id"))


def queue_audit(run: RunState, event: str, **payload: Any) -> None:
    """Queue an audit event of this run; :func:`flush_audit` appends the queue in one commit."""
    run.audit.append(audit_event(run, event, **payload))


def flush_audit(run: RunState, *more: Iterable[NewEvent]) -> None:
    """Append the queued events, then those of ``more`` (produced as they are appended, never
    all held at once), in one commit."""
    import itertools

    if not run.audit and not more:
        return
    from opsctl.store.audit import append_stream

    queued, run.audit = run.audit, []
    plan_id = run.artifacts.get("plan_id") or (run.approval_plan[0] if run.approval_plan
                                                else None)
    events: Iterable[NewEvent] = itertools.chain(queued, *more)
    if plan_id:  # events queued before the saved plan was known belong to it too
        events = (e if e.plan_id else e._replace(plan_id=plan_id) for e in events)
    append_stream(run.session.store, events)


def action_events(run: RunState, states: Iterable[ActionState] | None = None,
                  ) -> Iterator[NewEvent]:
    """One audit event per action applied or failed in this run (a resumed run also records
    those its killed predecessor finished, once), produced one at a time; of ``states`` only
    when given. An action whose event was appended during the apply
    (:func:`append_action_events`) is not produced again."""
    if run.mode != "apply":
        return iter(())
    seen: set[str] = set()
    if run.resumed:
        from opsctl.store.audit import iter_events

        seen = {str(e.payload.get("action")) for e in iter_events(run.session.store,
                                                                   run_id=run.run_id)
                if e.kind in ("action.applied", "action.failed")}
    from opsctl.store.audit import NewEvent

    actor, run_id, plan_id = run.session.actor, run.run_id, run.artifacts.get("plan_id")
    kinds = {"applied": "action.applied", "failed": "action.failed"}
    # what audit_event() makes, without its keyword arguments per event (a million of them)
    return (NewEvent(kinds[state.status], actor,
                     {"action": action.id, "kind": action.kind, "target": action.target,
                      "attempts": state.attempts, "error": state.error}, run_id, plan_id,
                     _payload_text(action.id, action.kind, action.target, state.attempts,
                                   state.error))
            for state in (run.states if states is None else states)
            if state.status in kinds and not state.audited
            and (action := state.action).id not in seen)


def _payload_text(action_id: str, kind: str, target: str, attempts: int,
                  error: str | None) -> str | None:
    """The canonical JSON text of an action event's payload, written here for the common
    case (no error, strings JSON writes as they are, an int): as the audit's encoder writes
    it, keys sorted, no blanks. None otherwise: the encoder writes it."""
    if (error is None and type(attempts) is int and plain_string(action_id)
            and plain_string(kind) and plain_string(target)):
        return (f'{{"action":"{action_id}","attempts":{attempts!r},"error":null,'
                f'"kind":"{kind}","target":"{target}"}}')
    return None


def append_action_events(run: RunState, states: list[ActionState]) -> None:
    """Append the audit events of ``states``, settled while others still run (the thread
    that waits for a run's workers does this meanwhile, so the events are not all appended
    after the last action). Each action's journal record was queued before it settled and
    is committed first, on its own: an event never commits before the record of what it
    says, and an append the chain refuses rolls back no record of the journal. Not for a
    resumed run (its predecessor's events are looked up once, at the end)."""
    from opsctl.store.audit import append_stream

    run.session.store.flush()

    plan_id = run.artifacts.get("plan_id") or (run.approval_plan[0] if run.approval_plan
                                                else None)
    events: Iterable[NewEvent] = action_events(run, states)
    if plan_id:
        events = (e if e.plan_id else e._replace(plan_id=plan_id) for e in events)
    append_stream(run.session.store, events, with_journal=False)
    for state in states:
        state.audited = True
