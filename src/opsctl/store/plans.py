"""Saved plans in the store, checked against the audit trail.

A saved plan is applied once: :func:`claim_plan` marks its row and records the
``plan.claimed`` audit event in one transaction, and :func:`refuse_applied` refuses a plan
whose row says it was applied, or whose row disagrees with that event (edited outside opsctl).
:func:`stored_plan` returns the stored plan document only while it still carries its signature
(its creator decides who may approve it).
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping, Sequence
from typing import Any

from opsctl.contract.canonical import CanonicalJSONError
from opsctl.contract.plan import sign
from opsctl.errors import DeniedError, PlanRejectedError, UsageError
from opsctl.store.audit import NewEvent, append_in_transaction, plan_events
from opsctl.store.sql import Row, SQLStore


def claim_plan(store: SQLStore, plan_id: str, run_id: str, at: str, *,
               fingerprint: str | None = None) -> bool:
    """Mark a saved plan applied by ``run_id``, and record the ``plan.claimed`` audit event in
    the same transaction; False if another run already claimed it, by the row or by the
    audit trail (so clearing the row's applied state does not make a plan applicable again).

    A rejection of the plan (of ``fingerprint``, when given) is exit 6, nothing claimed: the
    claim and a decision on the plan take turns (:func:`take_plan_turn`), so a rejection
    recorded after the gate looked at the approvals still vetoes the plan.
    """
    rejected: list[Row] = []
    with store.transaction():
        take_plan_turn(store, plan_id)
        rejected = [row for row in store._rows(
            "SELECT actor, reason, fingerprint FROM approvals WHERE plan_id = ? AND "
            "decision = 'rejected' ORDER BY created_at, id", (plan_id,))
            if fingerprint is None or row["fingerprint"] == fingerprint]
        if not rejected:
            cur = store._execute("UPDATE plans SET applied_run_id = ?, applied_at = ? "
                                 "WHERE id = ? AND applied_run_id IS NULL AND NOT EXISTS ("
                                 "SELECT 1 FROM audit_events WHERE plan_id = ? "
                                 "AND kind = 'plan.claimed')", (run_id, at, plan_id, plan_id))
            if cur.rowcount != 1:
                return False
            runs = store._rows("SELECT actor FROM runs WHERE id = ?", (run_id,))
            actor = str(runs[0]["actor"] or "") if runs else ""
            append_in_transaction(store, [NewEvent("plan.claimed", actor, {"applied_at": at},
                                                   run_id=run_id, plan_id=plan_id)])
    if rejected:  # raised once the transaction ended: the run's journal records commit with it
        raise DeniedError(f"plan {plan_id} was rejected by {rejected[0]['actor']}: "
                          f"{rejected[0]['reason']}", step="gate")
    return True


def take_plan_turn(store: SQLStore, plan_id: str) -> None:
    """Inside a transaction: a claim of the plan and an approval or rejection of it take
    turns, so each sees whether the other was recorded (no rejection recorded as vetoing a
    plan already claimed, no claim of a plan rejected meanwhile)."""
    store.take_turns(f"opsctl.plan/{plan_id}")


def refuse_applied(store: SQLStore, plan_id: str, saved: Row | None, source: str, *,
                   resumable: bool = False) -> str | None:
    """Exit 3 when plan ``plan_id`` was applied, by its row or by the audit trail.

    A claim is recorded twice, in the plans row and as a ``plan.claimed`` audit event; a row
    that disagrees with the event (its applied state cleared, or the row deleted) was edited
    outside opsctl, and is refused rather than honoured.

    With ``resumable``, a plan whose claiming run did not finish its work (still ``running``:
    its process was killed, or it is still going; or interrupted, failed or partial) is not
    refused: that run's id is returned, for the caller to resume it as the same run, as
    re-running any apply (and ``opsctl resume``) does. A run that succeeded, or a claim whose
    run is not recorded, is refused.
    """
    where = f"{source}: " if source else ""
    claims = plan_events(store, plan_id, ("plan.claimed",))
    if claims:
        claim = claims[0]
        recorded = (claim.run_id, claim.payload.get("applied_at"))
        row = (saved["applied_run_id"], saved["applied_at"]) if saved is not None else None
        if row != recorded:
            state = ("is missing from the plans table" if row is None else
                     f"has applied_run_id={row[0]!r}, applied_at={row[1]!r} in the plans table")
            raise PlanRejectedError(
                f"{where}plan {plan_id} {state}, but audit event {claim.seq} records that "
                f"run {claim.run_id} applied it at {recorded[1]}: the plans row was edited "
                "outside opsctl (run `opsctl audit verify`); a saved plan applies once",
                reason="tampered", step="gate")
    if saved is not None and saved["applied_run_id"]:
        run_id = str(saved["applied_run_id"])
        run = store.get_run(run_id)
        status = str(run["status"]) if run is not None else None
        if resumable and status in ("running", "partial", "failed", "cancelled"):
            return run_id  # applying it again finishes that run, as `opsctl resume` does
        hint = (f"; `opsctl resume {run_id}` finishes what it left"
                if status in ("partial", "failed", "cancelled") else "")
        if status == "running":  # going on in its process, or that process is gone
            hint = (f"; `opsctl wait {run_id}` follows it, or `opsctl resume {run_id}` "
                    "finishes it if its process is gone")
        raise PlanRejectedError(f"{where}plan {plan_id} was already applied by run "
                                f"{run_id} ({status or 'not recorded'}); a saved plan applies "
                                f"once{hint}", reason="applied", step="gate")
    return None


def stored_plan(store: SQLStore, plan_id: str, key: bytes, *, signature: str | None = None,
                retired: Sequence[bytes] = ()) -> dict[str, Any]:
    """The saved plan document of ``plan_id`` in the store, refused (exit 3) unless it is still
    the signed document opsctl stored (its creator decides who may approve it), its row agrees
    with it, and (given ``signature``) it is the plan of the file being applied. A plan signed
    with one of the ``retired`` keys is refused as such."""
    row, document = store.get_plan(plan_id), store.plan_document(plan_id)
    if row is None or document is None:
        raise UsageError(f"no saved plan {plan_id!r}")
    problem = plan_problem(row, document, key, signature, retired)
    if problem is not None:
        cause = (_EDITED_OR_OTHER_KEY if problem == NOT_SIGNED else
                 "plans are applied and approved only under the current key" if problem == RETIRED
                 else "it was edited outside opsctl")
        raise PlanRejectedError(f"saved plan {plan_id} in the store {problem}: {cause}; re-run "
                                "`opsctl plan`", reason="tampered", step="gate")
    return document


NOT_SIGNED = "does not match its signature"
"""What :func:`plan_problem` says of a document its key did not sign."""
RETIRED = "was signed with a retired plan-signing key (plan_signing_keys_retired)"
"""What :func:`plan_problem` says of an intact document signed before the key was rotated."""
_EDITED_OR_OTHER_KEY = (
    "it was edited outside opsctl, or saved by a machine with another plan-signing key (every "
    "machine sharing a store needs the same plan_signing_key)")


def plan_problem(row: Mapping[str, Any], document: Mapping[str, Any], key: bytes,
                 signature: str | None = None, retired: Sequence[bytes] = ()) -> str | None:
    """What is wrong with a saved plan's row and document as the store holds them (its
    signature under ``key``, its row's copy of the signed fields), or None. A document intact
    under one of the ``retired`` keys, its row agreeing, is :data:`RETIRED`."""
    problem = None
    signed_by = signing_key_of(document, [key, *retired])
    if signed_by is None:
        problem = NOT_SIGNED
    elif signature is not None and document.get("signature") != signature:
        problem = "is not the plan of this file"
    else:
        differ = [field for field in ("automation", "fingerprint", "created_by", "created_at",
                                      "expires_at")
                  if field in row and row[field] != document.get(field)]
        if differ:
            problem = f"disagrees with its row on {', '.join(differ)}"
        elif signed_by != key:
            problem = RETIRED
    return problem


def signing_key_of(document: Mapping[str, Any], keys: Sequence[bytes]) -> bytes | None:
    """The first of ``keys`` under which ``document`` carries its signature, or None."""
    signature = str(document.get("signature"))
    for key in keys:
        try:
            if hmac.compare_digest(signature, sign(key, document)):
                return key
        except CanonicalJSONError:
            return None
    return None
