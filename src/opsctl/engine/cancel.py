"""Asking a run to stop: ``opsctl cancel RUN``, ``POST /v1/runs/{id}/cancel``, and a schedule's
``replace`` overlap policy.

A request to stop is stored on the run (``cancel_requested_at``), so it reaches the run in
whichever process carries it out: the command line, ``opsctl serve``, a worker, a scheduler.
A run still ``queued`` ends ``cancelled`` at once, having run nothing (the same command
again is a run of its own; ``opsctl resume`` refuses it). A ``running`` apply sees the request within
:data:`WATCH_S` seconds (:func:`watch_for_cancel`, a thread with a connection of its own) and
stops as on SIGTERM: no new action starts, a retry wait ends, the actions in flight finish,
the journal is checkpointed, and the run ends ``cancelled`` (exit 130). Running the same
command again, or ``opsctl resume``, finishes it later as the same run.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datetime import datetime

    from opsctl.engine.locks import Heartbeat
    from opsctl.engine.session import Session
    from opsctl.store.sql import SQLStore

WATCH_S = 1.0
"""How often a running apply looks for a request to stop."""

UNFINISHED = ("queued", "running")


def cancel_asked(store: SQLStore, run_id: str) -> bool:
    """Whether someone asked ``run_id`` to stop."""
    return bool(store._rows("SELECT 1 AS asked FROM runs WHERE id = ? AND "
                            "cancel_requested_at IS NOT NULL", (run_id,)))


def mark_cancelled(store: SQLStore, run_id: str, *, now: datetime, message: str,
                   redact: Any) -> str | None:
    """Store the request to stop ``run_id`` when it is queued or running; a queued run ends
    ``cancelled`` at once, with a result document saying ``message``. The run's status after
    (None: no such run)."""
    from opsctl.engine.request import display_request
    from opsctl.engine.results import error_document
    from opsctl.errors import InterruptedRunError

    with store.transaction():
        store._execute("UPDATE runs SET cancel_requested_at = ? WHERE id = ? AND status IN "
                       "('queued', 'running')", (now.isoformat(), run_id))
    row = store.get_run(run_id, with_result=False)
    if row is None or row["status"] != "queued":
        return None if row is None else str(row["status"])
    error = InterruptedRunError(message, step="validate")
    doc = error_document(error, mode=row["mode"], automation=row["automation"],
                         started_at=now, finished_at=now, actor=row["actor"], redact=redact)
    doc.update(run_id=run_id, contract_version=row["contract_version"],
               idempotency_key=row["idempotency_key"],
               request=display_request(row.get("request")))  # what was not run, secrets as ***
    with store.transaction():
        store._execute("UPDATE runs SET status = 'cancelled', exit_code = ?, result_json = ?, "
                       "error_type = ?, finished_at = ?, attempt_ms = ? "
                       "WHERE id = ? AND status = 'queued'",
                       (error.exit_code, store._json(doc), error.error_type,
                        doc["timing"]["finished_at"], doc["timing"]["duration_ms"], run_id))
    after = store.get_run(run_id, with_result=False)
    return None if after is None else str(after["status"])


def request_cancel(session: Session, row: dict[str, Any], reason: str) -> dict[str, Any]:
    """Ask the run ``row`` to stop, as the session's actor, who needs the ``apply`` permission
    on its automation and environment (exit 6; the refusal is audited). Audited as
    ``run.cancel_requested``. A reason that says nothing is a UsageError (exit 2); a run that
    is no longer queued or running is a PlanRejectedError (exit 3): nothing is asked of it."""
    from opsctl.errors import PlanRejectedError, UsageError
    from opsctl.governance.gate import check_permission, environment_of
    from opsctl.store.audit import append_event

    reason = reason.strip()
    if not reason:
        raise UsageError("a reason must say why the run is cancelled: it is recorded in the "
                         "audit trail")
    # masked once, so the answer (stdout, HTTP, the dashboard) shows what the audit keeps
    reason = session.redactor.redact_text(reason)
    run_id = str(row["id"])
    check_permission(session, "apply", automation=str(row["automation"]),
                     environment=environment_of(row.get("request") or {}))
    if row["status"] not in UNFINISHED:
        raise PlanRejectedError(f"run {run_id} is {row['status']} already: there is nothing to "
                                "cancel", reason="finished", step="gate")
    if row["status"] == "running" and row["mode"] != "apply" \
            and not _carried_by_nobody(session.store, run_id):
        # planning changes nothing and has no action boundary to stop at: a request would be
        # recorded, answered "it stops", and never seen (one whose process is gone never
        # ends by itself: it is ended below)
        raise PlanRejectedError(f"run {run_id} is a plan: it changes nothing and ends once "
                                "planned; there is nothing to cancel", reason="plan",
                                step="gate")
    store = session.store
    status = mark_cancelled(store, run_id, now=session.clock(),
                            message=f"cancelled by {session.actor} before it started: {reason}",
                            redact=session.redactor.redact)
    if status not in UNFINISHED and status != "cancelled":
        raise PlanRejectedError(f"run {run_id} is {status} already: there is nothing to "
                                "cancel", reason="finished", step="gate")
    append_event(store, "run.cancel_requested", actor=session.actor,
                 payload={"run_id": run_id, "reason": reason, "status": status}, run_id=run_id)
    message = (f"cancelled run {run_id} before it started" if status == "cancelled" else
               f"asked run {run_id} to stop: it stops at its next action boundary")
    nobody = _carried_by_nobody(store, run_id) if status == "running" else False
    if nobody is None:  # no lease, no process on record: whether it still runs is not known
        message += (" (if its process still runs: it holds no lease and records no process, "
                    "so whether one does cannot be told from here)")
    if status == "running" and nobody:
        from opsctl.engine.run import end_abandoned_run

        current = store.get_run(run_id, with_result=False)
        if current is not None and current["status"] == "running":
            end_abandoned_run(session, current, f"cancelled by {session.actor} ({reason}); "
                              "the process carrying it was gone")
            status = "cancelled"
            message = (f"cancelled run {run_id}: the process carrying it was gone (its "
                       "journal is kept)")
    session.log.warning("run.cancel_requested", run_id=run_id, automation=row["automation"],
                        actor=session.actor, reason=reason, status=status)
    return {"run_id": run_id, "automation": row["automation"], "status": status,
            "by": session.actor, "reason": reason, "message": message}


def _carried_by_nobody(store: SQLStore, run_id: str) -> bool | None:
    """Whether the running apply ``run_id`` holds a lease that expired, or whose holder process
    is provably gone: nobody will see a request to stop it, and it would show ``running`` for
    ever. A run holding no lease (a read automation's, or one waiting for its lock) is judged
    by the process that started, resumed or took it from the queue, as recorded with the
    run; None when nothing says (a run recorded by an earlier version)."""
    from datetime import UTC, datetime

    from opsctl.engine.locks import holder_is_gone

    lease = store.lease_of_run(run_id)
    if lease is None:
        row = store.get_run(run_id, with_result=False)
        process = ((row or {}).get("runtime") or {}).get("process")
        if not isinstance(process, str):
            return None
        return holder_is_gone(process)
    return (str(lease["expires_at"]) <= datetime.now(UTC).isoformat()
            or holder_is_gone(lease["process"]))


def watch_for_cancel(session: Session, run_id: str) -> tuple[Heartbeat, threading.Event]:
    """Look for a request to stop ``run_id`` every :data:`WATCH_S` seconds, from a thread with
    a connection of its own; once asked, set ``session.stop_requested`` (and the event
    returned) and stop looking. Stop it with ``.stop()`` when the run ends."""
    from opsctl.engine.locks import Heartbeat

    asked = threading.Event()

    def still_wanted(store: SQLStore) -> bool:
        if not cancel_asked(store, run_id):
            return True
        asked.set()
        session.stop_requested.set()
        if session.interrupt is not None and (session.planning or session.waiting):
            session.interrupt(session)  # nothing in flight: not left to plan on until its end
        return False

    beat = Heartbeat(session.store.url, still_wanted, 3 * WATCH_S, f"cancel:{run_id}",
                     redactor=session.store.redactor, lost=asked)
    return beat, asked
