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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from opsctl.errors import ApprovalRequiredError, DeniedError, PlanRejectedError
from opsctl.governance.gate import approval_summary

if TYPE_CHECKING:
    from opsctl.engine.session import Session
    from opsctl.governance.gate import Governance
    from opsctl.governance.policy import Decision
    from opsctl.store.audit import AuditEvent, ChainReport
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


def verifying_key(session: Session) -> bytes | None:
    """The plan-signing key that saved plans in the store are checked with, if there is one
    (no key file: no plan was signed here, and none is made by checking)."""
    from opsctl.errors import OpsctlError

    try:
        return session.signing_key(create=False)
    except OpsctlError:
        return None


def unchecked_plans(store: SQLStore, key: bytes | None) -> list[str]:
    """Why ``opsctl audit verify`` could not check the saved plans' signatures, if it could
    not (no plan-signing key here): a warning, as no plan was found edited either."""
    if key is not None:
        return []
    count = store._rows("SELECT COUNT(*) AS n FROM plans")[0]["n"]
    if not count:
        return []
    return [f"{count} saved plan(s) not checked against their signatures: no plan-signing key "
            "here (set plan_signing_key, as on the machines that sign them)"]


def verify_audit(session: Session, since: int | None = None) -> ChainReport:
    """``opsctl audit verify``, as the CLI, the HTTP API and the dashboard run it: the chain
    (from the newest checkpoint at or before ``since``), then, once it is intact, the rows
    recorded with it and the saved plans' signatures; a verify that passes records its head as
    a checkpoint, or warns when the store's role may not (an auditor's)."""
    import dataclasses

    from opsctl.store.audit import checkpoint_refused, record_checkpoint, verify_chain
    from opsctl.store.sql import StoreUnavailableError

    report = verify_chain(session.store, since=since)
    if not report.ok:
        return report
    key = verifying_key(session)
    mismatches = record_mismatches(session.store, key, session.retired_signing_keys())
    warnings = unchecked_plans(session.store, key)
    refused = checkpoint_refused(session.store) if report.head_hash is not None else None
    if refused is not None and not mismatches:
        # an auditor's role reads the trail: the verify stands, only its checkpoint is lost
        warnings.append(f"no checkpoint recorded ({refused}): a later --since starts "
                        "from an earlier one")
    report = dataclasses.replace(report, mismatches=tuple(mismatches), warnings=tuple(warnings))
    if refused is None:
        try:
            record_checkpoint(session.store, report, actor=session.actor)
        except StoreUnavailableError as exc:
            # a full disk: the trail was read whole and the verdict stands; only the
            # checkpoint, which spares later walks, is lost (as for an auditor's role)
            report = dataclasses.replace(report, warnings=(
                *report.warnings, f"no checkpoint recorded ({exc.message}): a later --since "
                "starts from an earlier one"))
    return report


def record_mismatches(store: SQLStore, key: bytes | None = None,
                      retired: Sequence[bytes] = ()) -> list[str]:
    """Rows that do not match the audit trail (for ``opsctl audit verify``, once the chain
    itself verified): approvals without their ``approval.*`` event or edited since, events
    without their row, saved plans whose applied state disagrees with ``plan.claimed``, and
    (given the signing ``key``) saved plans whose document or row was edited. A plan signed
    with one of the ``retired`` keys (before a rotation) is intact."""
    from opsctl.store.audit import events_of_kinds
    from opsctl.store.plans import NOT_SIGNED, RETIRED, plan_problem

    with store.snapshot():
        approvals = all_approvals(store)
        problems = approval_mismatches(approvals, events_of_kinds(store, APPROVAL_KINDS))
    if key is not None:
        for saved in store._rows("SELECT id FROM plans ORDER BY created_at, id"):
            plan_id = str(saved["id"])
            row, document = store.get_plan(plan_id), store.plan_document(plan_id)
            problem = (None if row is None or document is None
                       else plan_problem(row, document, key, retired=retired))
            if problem is not None and problem != RETIRED:
                cause = ("edited outside opsctl, or saved by a machine with another "
                         "plan_signing_key?" if problem == NOT_SIGNED else
                         "edited outside opsctl?")
                problems.append(f"saved plan {plan_id}: {problem} ({cause})")
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

    with store.snapshot():  # an approval committed by another approver meanwhile: both or none
        rows = approvals_of(store, plan_id)
        events = plan_events(store, plan_id, APPROVAL_KINDS)
    problems = approval_mismatches(rows, events)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise PlanRejectedError(f"plan {plan_id}: the approvals table does not match the audit "
                                f"trail: {problems[0]}{more}; run `opsctl audit verify`",
                                reason="tampered", step="gate")
    return rows


@dataclass(frozen=True)
class ApprovalStatus:
    """The approvals of one plan version that count, and what is missing."""

    approved_by: tuple[str, ...]
    needed: int
    ignored: tuple[str, ...]  # recorded but not counted, with why
    rejected_by: tuple[str, ...] = ()  # rejections of this version: a veto (never lapses)

    @property
    def satisfied(self) -> bool:
        return not self.rejected_by and len(self.approved_by) >= self.needed

    def to_dict(self) -> dict[str, Any]:
        return {"approved_by": list(self.approved_by), "needed": self.needed,
                "ignored": list(self.ignored), "rejected_by": list(self.rejected_by),
                "satisfied": self.satisfied}


def token_filled_groups(session: Session) -> frozenset[str]:
    """The groups ``[groups]`` declares empty: their members are the OIDC tokens that claim
    them (``groups_claim``)."""
    return frozenset(name for name, members in session.settings.groups.items() if not members)


def _claimed_groups(session: Session, plan_id: str) -> dict[str, frozenset[str]]:
    """Per approver of ``plan_id``, the token-filled groups its OIDC token claimed when it
    approved (kept in its ``approval.approved`` event), that the configuration still
    declares empty."""
    from opsctl.store.audit import plan_events

    filled = token_filled_groups(session)
    claimed: dict[str, frozenset[str]] = {}
    for event in plan_events(session.store, plan_id, ("approval.approved",)):
        groups = event.payload.get("groups")
        if isinstance(groups, list):
            claimed[event.actor] = frozenset(g for g in groups if isinstance(g, str)) & filled
    return claimed


def approval_status(session: Session, governance: Governance, decision: Decision, *,
                    plan_id: str, fingerprint: str, requester: str | None,
                    now: datetime) -> ApprovalStatus:
    """Count the eligible, unexpired approvals of ``plan_id`` at ``fingerprint``."""
    counted: list[str] = []
    ignored: list[str] = []
    rejected: list[str] = []
    claimed = _claimed_groups(session, plan_id)
    for row in checked_approvals(session.store, plan_id):
        who = str(row["actor"])
        if row["fingerprint"] != fingerprint:
            ignored.append(f"{who}: approved another version of the plan")
            continue
        if row["decision"] == "rejected":  # a veto, whatever the count, for the plan's whole
            if who not in rejected:        # life: it does not lapse as an approval does
                rejected.append(who)
            continue
        if row["expires_at"] and datetime.fromisoformat(row["expires_at"]) <= now:
            ignored.append(f"{who}: approval expired at {row['expires_at']}")
            continue
        if _older_than_ttl(str(row["created_at"]), decision.approval_ttl_s, now):
            # the rule deciding now may allow less time than the one the approver answered
            # (the policy was tightened since): it governs, as its list of approvers does
            from opsctl.contract.durations import format_duration

            ignored.append(f"{who}: approval granted at {row['created_at']} is older than the "
                           f"approval_ttl of rule {decision.rule!r} "
                           f"({format_duration(timedelta(seconds=decision.approval_ttl_s))})")
            continue
        assert governance.policy is not None
        groups = governance.groups_of(who) | claimed.get(who, frozenset())
        if not governance.policy.can_approve(decision, who, requester=requester or "",
                                             approver_groups=groups):
            ignored.append(f"{who}: not an eligible approver for rule {decision.rule!r}")
            continue
        if who not in counted:
            counted.append(who)
    return ApprovalStatus(tuple(counted), decision.approvals, tuple(ignored), tuple(rejected))


def _older_than_ttl(granted: str, ttl_s: float, now: datetime) -> bool:
    if ttl_s <= 0:
        return False
    try:
        return datetime.fromisoformat(granted) + timedelta(seconds=ttl_s) <= now
    except OverflowError:  # an approval_ttl of thousands of years
        return False


def refuse_rejected(session: Session, plan_id: str, fingerprint: str, now: datetime) -> None:
    """Exit 6 when someone rejected this plan version (a rejection vetoes, policy or not, and
    for as long as the plan lives: unlike an approval, it does not lapse with approval_ttl)."""
    for row in checked_approvals(session.store, plan_id):
        if row["decision"] == "rejected" and row["fingerprint"] == fingerprint:
            raise DeniedError(f"plan {plan_id} was rejected by {row['actor']}: {row['reason']}",
                              step="gate")


def require_approvals(session: Session, governance: Governance, decision: Decision | None, *,
                      plan_id: str | None, fingerprint: str, requester: str | None,
                      now: datetime) -> ApprovalStatus | None:
    """Exit 6 unless a decision that needs approval has enough of them for this plan."""
    if decision is None or decision.effect != "require_approval":
        return None
    if plan_id is None:
        raise ApprovalRequiredError(
            f"{approval_summary(decision)}. Save the plan (`opsctl plan ... --out plan.json`; "
            "HTTP: POST /v1/automations/NAME/plans), have it approved (`opsctl approve PLAN_ID "
            "--reason ...`; POST /v1/plans/PLAN_ID/approvals), then apply it (`opsctl apply "
            "--plan plan.json`; POST /v1/plans/PLAN_ID/apply)", step="gate")
    status = approval_status(session, governance, decision, plan_id=plan_id,
                             fingerprint=fingerprint, requester=requester, now=now)
    if not status.satisfied:
        have = ", ".join(status.approved_by) or "none"
        extra = f" (not counted: {'; '.join(status.ignored)})" if status.ignored else ""
        raise ApprovalRequiredError(
            f"plan {plan_id} has {len(status.approved_by)} of {status.needed} approval(s) "
            f"(approved by: {have}){extra}; {approval_summary(decision)}", step="gate")
    return status
