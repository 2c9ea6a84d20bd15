"""Approvals and rejections of saved plans, bound to the plan's fingerprint.

An approval names one plan id *and* the fingerprint of its actions: ``apply --plan`` counts it
only while planning again gives the same fingerprint (else the plan is stale, exit 3). Nothing
is recorded when the plan does not exist, was applied, expired, is denied by policy, or the
approver may not approve it; every recorded decision and its audit event commit together.

The audit event is what an approval is checked against: :func:`checked_approvals` refuses
(exit 3) a plan whose approvals rows and ``approval.*`` events disagree (a row inserted or
edited in the database, or deleted while its event remains), so writing the approvals table
alone approves nothing; ``opsctl audit verify`` reports every such row of every plan.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from opsctl.errors import ConflictError, DeniedError, PlanRejectedError, UsageError

if TYPE_CHECKING:
    from opsctl.engine.session import Session
    from opsctl.store.audit import AuditEvent
    from opsctl.store.sql import Row, SQLStore

APPROVAL_KINDS = ("approval.approved", "approval.rejected")

def approvals_of(store: SQLStore, plan_id: str) -> list[Row]:
    return store._rows("SELECT id, plan_id, fingerprint, decision, actor, reason, created_at, "
                       "expires_at FROM approvals WHERE plan_id = ? ORDER BY created_at, id",
                       (plan_id,))


def all_approvals(store: SQLStore) -> list[Row]:
    return store._rows("SELECT id, plan_id, fingerprint, decision, actor, reason, created_at, "
                       "expires_at FROM approvals ORDER BY plan_id, created_at, id")


def approval_mismatches(rows: Sequence[Mapping[str, Any]],
                        events: Sequence[AuditEvent]) -> list[str]:
    """What does not match between approvals rows and the ``approval.*`` events of the same
    plans: each row needs the event recorded with it (same plan, actor, decision, fingerprint,
    expiry and reason), and each event its row."""
    by_key: dict[tuple[str | None, str], AuditEvent] = {}
    for event in events:
        by_key.setdefault((event.plan_id, event.actor), event)
    matched: set[int] = set()
    problems: list[str] = []
    for row in rows:
        name = (f"approval {row['id']} (plan {row['plan_id']}, {row['actor']} "
                f"{row['decision']})")
        found = by_key.get((row["plan_id"], row["actor"]))
        if found is None:
            problems.append(f"{name} has no approval event by {row['actor']} in the audit trail "
                            "(inserted, or its actor or plan edited?)")
            continue
        matched.add(found.seq)
        recorded = {"decision": found.kind.removeprefix("approval."),
                    "fingerprint": found.payload.get("fingerprint"),
                    "expires_at": found.payload.get("expires_at"),
                    "reason": found.payload.get("reason")}
        differ = [field for field, value in recorded.items() if row[field] != value]
        if differ:
            problems.append(f"{name}: {', '.join(differ)} differ from audit event {found.seq} "
                            "(edited?)")
    for event in events:
        if event.seq not in matched:
            problems.append(f"audit event {event.seq} ({event.kind} of plan {event.plan_id} by "
                            f"{event.actor}) has no approvals row (deleted?)")
    return problems


def record_mismatches(store: SQLStore) -> list[str]:
    """Rows that do not match the audit trail (for ``opsctl audit verify``, once the chain
    itself verified): approvals without their ``approval.*`` event or edited since, events
    without their row, and saved plans whose applied state disagrees with ``plan.claimed``."""
    from opsctl.store.audit import events_of_kinds

    problems = approval_mismatches(all_approvals(store), events_of_kinds(store, APPROVAL_KINDS))
    claims: dict[str | None, AuditEvent] = {}
    for claim in events_of_kinds(store, ("plan.claimed",)):
        claims.setdefault(claim.plan_id, claim)
    plans = store._rows("SELECT id, applied_run_id, applied_at FROM plans ORDER BY created_at, id")
    for row in plans:
        state = (row["applied_run_id"], row["applied_at"])
        found = claims.get(row["id"])
        if found is not None:
            recorded = (found.run_id, found.payload.get("applied_at"))
            if state != recorded:
                problems.append(
                    f"plan {row['id']}: applied_run_id={state[0]!r}, applied_at={state[1]!r} in "
                    f"the plans table, but audit event {found.seq} records run {recorded[0]} "
                    f"applying it at {recorded[1]} (edited?)")
        elif state != (None, None) and not store._rows(
                # plans applied before plan.claimed existed: the applying run's events name it
                "SELECT seq FROM audit_events WHERE plan_id = ? AND run_id = ? LIMIT 1",
                (row["id"], row["applied_run_id"])):
            problems.append(f"plan {row['id']}: marked applied by run {state[0]} in the plans "
                            "table, but no audit event records that run applying it (edited?)")
    known = {row["id"] for row in plans}
    problems.extend(f"audit event {claim.seq} (plan.claimed of plan {plan_id}) has no plans row "
                    "(deleted?)" for plan_id, claim in claims.items() if plan_id not in known)
    return problems


def checked_approvals(store: SQLStore, plan_id: str) -> list[Row]:
    """The approvals rows of ``plan_id``, refused (exit 3) unless they match its audit events."""
    from opsctl.store.audit import plan_events

    rows = approvals_of(store, plan_id)
    problems = approval_mismatches(rows, plan_events(store, plan_id, APPROVAL_KINDS))
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise PlanRejectedError(f"plan {plan_id}: the approvals table does not match the audit "
                                f"trail: {problems[0]}{more}; run `opsctl audit verify`",
                                reason="tampered", step="gate")
    return rows


def resolve_plan_id(session: Session, ref: str) -> str:
    """A plan id, or the id of the plan run that saved it (``run_...``)."""
    store = session.store
    if store.get_plan(ref) is not None:
        return ref
    run = store.get_run(ref)
    if run is not None and run.get("plan_id"):
        return str(run["plan_id"])
    raise UsageError(f"no saved plan {ref!r} (give the plan_id printed by `opsctl plan ... --out`, "
                     "or the id of that plan run)")


def decide_plan(session: Session, ref: str, *, approve: bool, reason: str) -> dict[str, Any]:
    """Record ``session.actor``'s approval (or rejection) of a saved plan; the record, as shown."""
    from opsctl.engine.saved_plans import refuse_applied, stored_plan
    from opsctl.governance.gate import (
        approval_status,
        approval_summary,
        check_permission,
        decide,
        environment_of,
        governance_for,
    )
    from opsctl.store.audit import NewEvent, append_in_transaction

    reason = reason.strip()
    if not reason:
        raise UsageError("--reason must say why (it is recorded)")
    store, actor, now = session.store, session.actor, session.clock()
    plan_id = resolve_plan_id(session, ref)
    saved = store.get_plan(plan_id)
    assert saved is not None
    refuse_applied(session, plan_id, saved, "")
    document = stored_plan(session, plan_id)
    if datetime.fromisoformat(str(saved["expires_at"])) <= now:
        raise PlanRejectedError(f"plan {plan_id} expired at {saved['expires_at']}: re-run "
                                "`opsctl plan ... --out` and approve the new plan",
                                reason="expired", step="gate")
    governance = governance_for(session)
    automation = str(document["automation"])
    request = dict(document.get("request") or {})
    check_permission(session, "approve", automation=automation,
                     environment=environment_of(request))
    from opsctl.contract.automation import Action

    actions = [Action.from_dict(a) for a in document.get("actions") or []]
    requester = str(document.get("created_by") or "")
    decision = decide(session, governance, automation=automation,
                      version=str(document["contract_version"]), request_doc=request,
                      actor=requester, actions=actions, now=now)
    verb = "approve" if approve else "reject"
    if decision is None or decision.effect == "allow":
        why = "no policy is configured" if decision is None else \
            f"policy rule {decision.rule!r} allows it"
        if approve:
            raise UsageError(f"plan {plan_id} needs no approval ({why}); nothing recorded")
    elif decision.effect == "deny":
        raise DeniedError(f"plan {plan_id} is denied by policy rule {decision.rule!r} "
                          f"({decision.reason}); an approval cannot override a denial",
                          step="gate")
    else:
        assert governance.policy is not None
        if actor == requester and not decision.allow_self_approval:
            raise DeniedError(f"{actor} requested plan {plan_id} and may not {verb} it: "
                              f"rule {decision.rule!r} needs another approver", step="gate")
        if not governance.policy.can_approve(decision, actor, requester=requester,
                                             approver_groups=governance.groups_of(actor)):
            raise DeniedError(f"{actor} is not an approver for plan {plan_id}: "
                              f"{approval_summary(decision)}", step="gate")
    for row in checked_approvals(store, plan_id):
        if row["actor"] == actor:
            raise ConflictError(f"{actor} already {row['decision']} plan {plan_id} at "
                                f"{row['created_at']}; a decision is recorded once")
    ttl = decision.approval_ttl_s if decision is not None else 24 * 3600.0
    record = {
        "id": f"apr_{uuid.uuid4().hex[:20]}", "plan_id": plan_id,
        "fingerprint": str(document["fingerprint"]),
        "decision": "approved" if approve else "rejected", "actor": actor, "reason": reason,
        "created_at": now.isoformat(), "expires_at": (now + timedelta(seconds=ttl)).isoformat(),
    }
    with store.transaction():
        store._execute("INSERT INTO approvals (id, plan_id, fingerprint, decision, actor, reason, "
                       "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       tuple(store.redactor.redact(list(record.values()))))
        append_in_transaction(store, [NewEvent(
            f"approval.{record['decision']}", actor,
            {"plan_id": plan_id, "fingerprint": record["fingerprint"], "reason": reason,
             "automation": automation, "expires_at": record["expires_at"],
             "rule": decision.rule if decision is not None else None},
            plan_id=plan_id)])
    session.log.info(f"approval.{record['decision']}", plan_id=plan_id, actor=actor,
                     reason=reason)
    shown: dict[str, Any] = dict(record)
    if decision is not None and decision.effect == "require_approval":
        status = approval_status(session, governance, decision, plan_id=plan_id,
                                 fingerprint=record["fingerprint"], requester=requester,
                                 now=now) if approve else None
        shown["policy"] = {"rule": decision.rule, "approvals_needed": decision.approvals,
                           "approvers": list(decision.approvers)}
        if status is not None:
            shown["approvals"] = status.to_dict()
    return shown
