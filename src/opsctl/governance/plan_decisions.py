"""Approving or rejecting a saved plan: who may, what is checked, what is recorded.

Nothing is recorded when the plan does not exist, was applied, expired, was edited in the
store, is denied by policy, or the approver may not approve it; a recorded decision and its
audit event commit together.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from opsctl.errors import ConflictError, DeniedError, PlanRejectedError, UsageError
from opsctl.governance.approvals import (
    approval_status,
    checked_approvals,
    token_filled_groups,
)
from opsctl.governance.gate import (
    approval_summary,
    check_permission,
    decide,
    denial_summary,
    environment_of,
    governance_for,
)
from opsctl.store.plans import refuse_applied, stored_plan, take_plan_turn

if TYPE_CHECKING:
    from opsctl.engine.session import Session


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
    from opsctl.contract.automation import Action
    from opsctl.engine.saved_plans import refuse_other_contract_version
    from opsctl.store.audit import NewEvent, append_in_transaction

    reason = reason.strip()
    if not reason:
        raise UsageError("a reason must say why (it is recorded with the decision)")
    if "\x00" in reason:  # no store keeps it as text (PostgreSQL refuses it outright)
        raise UsageError("a reason must say why in text: a NUL character cannot be recorded")
    store, actor, now = session.store, session.actor, session.clock()
    plan_id = resolve_plan_id(session, ref)
    saved = store.get_plan(plan_id)
    assert saved is not None
    # Who may approve comes first: a caller without the role hears that, not whether the
    # plan was applied, expired or edited (and by which run). The document is checked
    # against its signature next; an edited one is refused whatever it names.
    as_stored = store.plan_document(plan_id) or {}
    check_permission(session, "approve", automation=str(saved["automation"]),
                     environment=environment_of(dict(as_stored.get("request") or {})))
    refuse_applied(store, plan_id, saved, "")
    document = stored_plan(store, plan_id, session.signing_key(create=False),
                           retired=session.retired_signing_keys())
    if datetime.fromisoformat(str(saved["expires_at"])) <= now:
        raise PlanRejectedError(f"plan {plan_id} expired at {saved['expires_at']}: re-run "
                                "`opsctl plan ... --out` and approve the new plan",
                                reason="expired", step="gate")
    # a plan `apply --plan` would refuse as made by another contract version: refused alike
    refuse_other_contract_version(session.catalog.load(str(document["automation"])), document,
                                  f"plan {plan_id}")
    governance = governance_for(session)
    automation = str(document["automation"])
    request = dict(document.get("request") or {})
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
        # a rejection is recorded all the same: it still vetoes once the denial lifts (a
        # freeze ends), while the plan lives
        if approve:
            raise DeniedError(f"plan {plan_id} is {denial_summary(decision)}; an approval "
                              "cannot override a denial", step="gate")
    else:
        assert governance.policy is not None
        if actor == requester and not approve:
            pass  # withdrawing one's own plan: a veto only stops a change, four eyes or not
        elif actor == requester and not decision.allow_self_approval:
            raise DeniedError(f"{actor} requested plan {plan_id} and may not {verb} it: "
                              f"rule {decision.rule!r} needs another approver", step="gate")
        elif not governance.policy.can_approve(decision, actor, requester=requester,
                                               approver_groups=governance.groups_of(actor)):
            raise DeniedError(f"{actor} is not an approver for plan {plan_id}: "
                              f"{approval_summary(decision)}", step="gate")
    wanted = "approved" if approve else "rejected"
    for row in checked_approvals(store, plan_id):
        if row["actor"] != actor:
            continue
        if row["decision"] != wanted:
            raise ConflictError(f"{actor} already {row['decision']} plan {plan_id} at "
                                f"{row['created_at']}; a decision is recorded once and not "
                                f"changed (plan again for a new plan to {verb})")
        if row["expires_at"] and datetime.fromisoformat(str(row["expires_at"])) <= now:
            # one decision per actor and plan (the audit trail pairs each row with its event):
            # an approval that ran out is not renewed in place, the plan is made again
            raise PlanRejectedError(f"{actor}'s approval of plan {plan_id} expired at "
                                    f"{row['expires_at']}; a decision is recorded once per plan: "
                                    "re-run `opsctl plan ... --out` and approve the new plan",
                                    reason="expired", step="gate")
        # The same decision again (a retried CI step, a double click): nothing new to record.
        shown_again: dict[str, Any] = {key: row[key] for key in (
            "id", "plan_id", "fingerprint", "decision", "actor", "reason", "created_at",
            "expires_at")}
        shown_again["already_recorded"] = True
        _add_status(shown_again, session, governance, decision, requester, now)
        return shown_again
    ttl = decision.approval_ttl_s if decision is not None else 24 * 3600.0
    try:
        expires_at = now + timedelta(seconds=ttl)
    except OverflowError:  # an approval_ttl of thousands of years: valid to the end of time
        expires_at = datetime.max.replace(tzinfo=UTC)
    record = {
        "id": f"apr_{uuid.uuid4().hex[:20]}", "plan_id": plan_id,
        "fingerprint": str(document["fingerprint"]),
        "decision": "approved" if approve else "rejected", "actor": actor, "reason": reason,
        "created_at": now.isoformat(), "expires_at": expires_at.isoformat(),
    }
    # not deferred: a refusal in it leaves the journal records another run has waiting alone
    with store.transaction(deferred=False):
        take_plan_turn(store, plan_id)
        refuse_applied(store, plan_id, store.get_plan(plan_id), "")  # claimed meanwhile
        if approve:  # rejected before, or meanwhile: an approval that could never count
            _refuse_vetoed(store, plan_id, record["fingerprint"])
        inserted = store._execute(
            "INSERT INTO approvals (id, plan_id, fingerprint, decision, actor, reason, "
            "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (plan_id, actor) DO NOTHING",
            tuple(store.redactor.redact(list(record.values())))).rowcount == 1
        if inserted:
            payload: dict[str, Any] = {
                "plan_id": plan_id, "fingerprint": record["fingerprint"], "reason": reason,
                "automation": automation, "expires_at": record["expires_at"],
                "rule": decision.rule if decision is not None else None}
            # groups the approver's OIDC token claimed (declared empty in [groups]): whoever
            # applies the plan later does not hold that token, so the event keeps them
            claimed = sorted(governance.groups_of(actor) & token_filled_groups(session))
            if claimed:
                payload["groups"] = claimed
            append_in_transaction(store, [NewEvent(
                f"approval.{record['decision']}", actor, payload, plan_id=plan_id)])
    if not inserted:
        # The same actor's decision, sent at the same moment (a double click, a retried CI
        # step), was recorded first: answered as that one is, the same decision again or a
        # conflicting one.
        return decide_plan(session, ref, approve=approve, reason=reason)
    session.log.info(f"approval.{record['decision']}", plan_id=plan_id, actor=actor,
                     reason=reason)
    # the record as stored: its reason masked (a secret the approver pasted in it)
    shown: dict[str, Any] = {**store.redactor.redact(record), "already_recorded": False}
    _add_status(shown, session, governance, decision, requester, now)
    return shown


def _refuse_vetoed(store: Any, plan_id: str, fingerprint: str) -> None:
    """Exit 6 when someone rejected this plan: a veto holds for the plan's whole life, so a
    new approval of it would be recorded and never count."""
    for row in checked_approvals(store, plan_id):
        if row["decision"] == "rejected" and row["fingerprint"] == fingerprint:
            raise DeniedError(f"plan {plan_id} was rejected by {row['actor']}: {row['reason']}; "
                              "a rejection vetoes the plan for its whole life and an approval "
                              "cannot override it: plan again for a new plan", step="gate")


def _add_status(shown: dict[str, Any], session: Session, governance: Any, decision: Any,
                requester: str, now: datetime) -> None:
    """The policy rule and, for an approval, how many of the needed approvals the plan has."""
    if decision is None or decision.effect != "require_approval":
        return
    shown["policy"] = {"rule": decision.rule, "approvals_needed": decision.approvals,
                       "approvers": list(decision.approvers)}
    if shown["decision"] == "approved":
        shown["approvals"] = approval_status(
            session, governance, decision, plan_id=shown["plan_id"],
            fingerprint=shown["fingerprint"], requester=requester, now=now).to_dict()
