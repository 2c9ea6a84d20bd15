"""Result documents (``opsctl.result/v1``): of a run, of a command that failed before a run
existed, and of a run whose store failed under it."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any

from opsctl.contract import RESULT_SCHEMA
from opsctl.contract.automation import Action
from opsctl.engine.request import display_request
from opsctl.engine.state import ActionState, Mode, RunState, iso
from opsctl.errors import OpsctlError, PartialFailureError


def summarize(states: list[ActionState]) -> dict[str, int]:
    return count_statuses([state.status for state in states])


def count_statuses(statuses: list[str]) -> dict[str, int]:
    """The result's ``summary``: actions planned, and how many of them ended each way."""
    counts = {"planned": len(statuses), "applied": 0, "unchanged": 0, "skipped": 0, "failed": 0}
    for status in statuses:
        if status in counts:
            counts[status] += 1
    return counts


PUBLISHED_STEPS = ("validate", "plan", "gate", "apply", "verify")
"""The values of ``error.step`` the result schema publishes (``opsctl.contract.result.Step``)."""


def error_block(error: OpsctlError) -> dict[str, Any]:
    # a step the schema does not name (an automation's own ``step="precheck"``) is not shown:
    # consumers validate the document against the published enum
    step = error.step if error.step in PUBLISHED_STEPS else None
    return {"type": error.error_type, "message": error.message, "retryable": error.retryable,
            "step": step}


def error_document(error: OpsctlError, *, mode: Mode, automation: str | None, started_at: datetime,
                   finished_at: datetime, actor: str | None = None,
                   redact: Callable[[Any], Any] = lambda v: v) -> dict[str, Any]:
    """The result document of a command that failed before a run existed (bad input, say)."""
    doc: dict[str, Any] = redact({
        "schema": RESULT_SCHEMA, "run_id": None, "automation": automation,
        "contract_version": None, "requested_contract_version": None, "mode": mode, "status": status_for(error),
        "exit_code": error.exit_code, "actor": actor, "idempotency_key": None, "replayed": False,
        "request": None, "plan": None, "summary": summarize([]), "warnings": [],
        "error": error_block(error), "policy": None, "artifacts": {},
        "timing": {"started_at": iso(started_at), "finished_at": iso(finished_at),
                   "duration_ms": max(0, int((finished_at - started_at).total_seconds() * 1000))},
    })
    for field, value in error.known.items():  # masked where they were established
        if doc.get(field) is None:
            doc[field] = value
    return doc


def status_for(error: OpsctlError) -> str:
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


def action_entries(states: Sequence[ActionState]) -> list[dict[str, Any]]:
    """The result document's ``plan.actions`` entries of ``states`` (not redacted)."""
    return [{"id": a.id, "kind": a.kind, "target": a.target, "reason": a.reason,
             "before": a.before, "after": a.after, "status": s.status,
             "attempts": s.attempts, "waits": list(s.waits or ()), "error": s.error}
            for s in states for a in (s.action,)]


_ENTRY_CHUNK = 1000


def action_entry_chunks(run: RunState) -> Iterator[list[dict[str, Any]]]:
    """The ``plan.actions`` entries of ``run``, redacted, ``_ENTRY_CHUNK`` at a time: what the
    store writes a long run's result from without every entry held at once."""
    redact = run.session.redactor.redact
    states = run.states
    for start in range(0, len(states), _ENTRY_CHUNK):
        yield redact(action_entries(states[start:start + _ENTRY_CHUNK]))


def run_document(run: RunState, status: str, exit_code: int, error: OpsctlError | None, *,
                 with_actions: bool = True) -> dict[str, Any]:
    """The result document of ``run``; ``with_actions=False`` leaves ``plan.actions`` empty,
    for the caller to fill from :func:`action_entry_chunks` (the same entries, redacted)."""
    session = run.session
    finished = session.clock()
    started = run.started_at or finished
    actions = action_entries(run.states) if with_actions else []
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
        "summary": summarize(run.states),
        "warnings": list(run.warnings),
        "error": error_block(error) if error else None,
        "policy": decision_document(run.decision) if run.decision is not None else None,
        "artifacts": dict(run.artifacts),
        "timing": {"started_at": iso(started), "finished_at": iso(finished),
                   "duration_ms": max(0, int((finished - started).total_seconds() * 1000))},
    }
    return session.redactor.redact(doc)  # type: ignore[no-any-return]


def decision_document(decision: Any) -> dict[str, Any]:
    """The decision as results and the audit show it (``policy check`` adds the explanation)."""
    return {"effect": decision.effect, "rule": decision.rule, "reason": decision.reason,
            "matched": list(decision.matched), "approvals_required": decision.approvals
            if decision.effect == "require_approval" else 0,
            "approvers": list(decision.approvers)}


def kind_counts(actions: list[Action]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for action in actions:
        counts[action.kind] = counts.get(action.kind, 0) + 1
    return counts


def unrecorded_document(run: RunState, doc: dict[str, Any], exc: OpsctlError) -> dict[str, Any]:
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
        exc.step = None  # recording the result: after every step the schema names
        doc["error"] = error_block(exc)
    warnings.append(f"this result is not recorded in the store ({exc.message}): once the store "
                    f"is back, run the same command again or `opsctl resume {run.run_id}`")
    doc.update(status="failed", exit_code=exc.exit_code, warnings=warnings,
               artifacts={**doc["artifacts"],
                          "store": {"recorded": False, "error": exc.message,
                                    "not_recorded": ["result", "audit events of the result",
                                                     "journal records after the failure"]}})
    return run.session.redactor.redact(doc)  # type: ignore[no-any-return]
