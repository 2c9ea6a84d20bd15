"""The store's rows must agree with the audit trail, on SQLite and PostgreSQL.

Someone who can write the database but does not go through opsctl edits it with plain SQL: an
approval row inserted, moved or edited, a rejection deleted, a plan's applied state cleared, a
saved plan document rewritten. ``apply --plan`` and ``approve`` refuse such rows (exit 3, naming
the row) instead of honouring them, and ``audit verify`` reports them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.conftest import Project
from tests.e2e.test_governance import (
    PROD_APPROVAL,
    approve,
    as_,
    database,
    sql,
    stored,
    write_policy,
)

BROADCAST = '''
from pydantic import BaseModel, ConfigDict
from opsctl import Action, Automation

class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")
    environment: str = "prod"
    message: str = "hello"

broadcast = Automation("broadcast", version="1.0.0", owner="platform",
                       summary="Announce a message", request=Request, lock_scope=("environment",))

@broadcast.plan
def plan(ctx, req):
    yield Action(id="announce", kind="run", target=f"{req.environment}/announcements",
                 reason="asked to")

@broadcast.apply
def apply(ctx, req, action):
    with open("sent.log", "a") as fh:
        fh.write(req.message + "\\n")
'''
FAR = "2999-01-01T00:00:00+00:00"


@pytest.fixture
def broadcast(backend_project: Project) -> Project:
    backend_project.add_module("broadcast_auto", BROADCAST)
    write_policy(backend_project, PROD_APPROVAL)
    return backend_project


def plan(project: Project, message: str = "hello", out: str = "plan.json") -> tuple[str, str]:
    """A saved plan by rita: (plan id, fingerprint)."""
    planned = as_(project, "rita", "plan", "broadcast", "--message", message, "--out", out,
                  "--format", "json")
    assert planned.code == 10, planned.stderr
    return planned.doc["artifacts"]["plan_id"], planned.doc["plan"]["fingerprint"]


def sent(project: Project) -> list[str]:
    log = project.root / "sent.log"
    return log.read_text().splitlines() if log.exists() else []


def tamper(project: Project, *statements: tuple[str, tuple[Any, ...]]) -> None:
    with database(project) as conn:
        for statement, params in statements:
            sql(conn, statement, params)


def verify(project: Project) -> Any:
    return as_(project, "auditor", "audit", "verify", "--format", "json")


def approval_rows(project: Project) -> list[tuple[Any, ...]]:
    return stored(project, "SELECT plan_id, actor, decision FROM approvals ORDER BY actor")


# -- approvals ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Forgery:
    """Plans and decisions made through opsctl, then an edit of the database."""

    decisions: tuple[str, ...]  # "approve:ACTOR" or "reject:ACTOR", on the plan applied
    edit: Callable[[Project, dict[str, str]], None]
    apply_message: str  # after "plan PLAN_ID: the approvals table does not match ..."
    verify_message: str
    ttl: str | None = None


def _insert_row(project: Project, ids: dict[str, str]) -> None:
    tamper(project, ("INSERT INTO approvals (id, plan_id, fingerprint, decision, actor, reason, "
                     "created_at, expires_at) VALUES (?, ?, ?, 'approved', 'sam', 'lgtm', ?, ?)",
                     ("apr_forged", ids["plan"], ids["fingerprint"],
                      datetime.now(UTC).isoformat(), FAR)))


def _insert_row_and_event(project: Project, ids: dict[str, str]) -> None:
    """The row, and an approval event with a correct hash after the newest one, as someone
    with database access (but not opsctl) would append it; the audit head stays put."""
    from opsctl.contract.canonical import canonical_json
    from opsctl.store.audit import event_hash

    _insert_row(project, ids)
    with database(project) as conn:
        seq, prev = sql(conn, "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")[0]
        payload = {"plan_id": ids["plan"], "fingerprint": ids["fingerprint"], "reason": "lgtm",
                   "automation": "broadcast", "expires_at": FAR, "rule": "prod-changes"}
        content = {"seq": seq + 1, "id": "evt_forged", "at": datetime.now(UTC).isoformat(),
                   "kind": "approval.approved", "run_id": None, "plan_id": ids["plan"],
                   "actor": "sam", "payload": payload}
        sql(conn, "INSERT INTO audit_events (seq, id, at, kind, run_id, plan_id, actor, "
                  "payload_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (seq + 1, "evt_forged", content["at"], "approval.approved", None, ids["plan"], "sam",
             canonical_json(payload), prev, event_hash(prev, content)))


def _update(statement: str, *params: str) -> Callable[[Project, dict[str, str]], None]:
    def edit(project: Project, ids: dict[str, str]) -> None:
        tamper(project, (statement, tuple(ids.get(p, p) for p in params)))
    return edit


FORGERIES = {
    "row-inserted": Forgery(
        (), _insert_row,
        "approval apr_forged (plan {plan}, sam approved) has no approval event by sam in the "
        "audit trail (inserted, or its actor or plan edited?)",
        "approval apr_forged (plan {plan}, sam approved) has no approval event by sam"),
    "row-and-event-inserted": Forgery(
        (), _insert_row_and_event,
        "",  # the event is refused before the rows are compared
        "lies beyond the audit head"),
    "actor-changed": Forgery(
        ("approve:sam",), _update("UPDATE approvals SET actor = 'sue'"),
        "(plan {plan}, sue approved) has no approval event by sue in the audit trail",
        "approval.approved of plan {plan} by sam) has no approvals row (deleted?)"),
    "fingerprint-changed": Forgery(
        ("approve:sam",), _update("UPDATE approvals SET fingerprint = ?", "sha256:" + "0" * 64),
        "(plan {plan}, sam approved): fingerprint differ from audit event",
        "(plan {plan}, sam approved): fingerprint differ from audit event"),
    "moved-from-another-plan": Forgery(
        (), _update("UPDATE approvals SET plan_id = ?, fingerprint = ? WHERE plan_id = ?",
                    "plan", "fingerprint", "other"),
        "(plan {plan}, sam approved) has no approval event by sam in the audit trail",
        "approval.approved of plan {other} by sam) has no approvals row (deleted?)"),
    "expiry-extended": Forgery(
        ("approve:sam", "sleep"), _update("UPDATE approvals SET expires_at = ?", FAR),
        "(plan {plan}, sam approved): expires_at differ from audit event",
        "(plan {plan}, sam approved): expires_at differ from audit event", ttl="1s"),
    "rejection-deleted": Forgery(
        ("approve:sam", "reject:sue"), _update("DELETE FROM approvals WHERE actor = 'sue'"),
        "(approval.rejected of plan {plan} by sue) has no approvals row (deleted?)",
        "(approval.rejected of plan {plan} by sue) has no approvals row (deleted?)"),
}


@pytest.mark.parametrize("forgery", FORGERIES.values(), ids=FORGERIES.keys())
def test_apply_refuses_approvals_that_do_not_match_the_audit_trail(
        broadcast: Project, forgery: Forgery) -> None:
    if forgery.ttl:
        write_policy(broadcast, PROD_APPROVAL.replace(
            "approvers: sre", f"approvers: sre\n    approval_ttl: {forgery.ttl}"))
    other, _ = plan(broadcast, "an approved message", out="other.json")
    assert approve(broadcast, "sam", other).code == 0
    plan_id, fingerprint = plan(broadcast, "a message nobody approved")
    for step in forgery.decisions:
        verb, _, actor = step.partition(":")
        if verb == "sleep":
            time.sleep(1.1)
        else:
            decided = as_(broadcast, actor, verb, plan_id, "--reason", "checked")
            assert decided.code == 0, decided.stderr
    ids = {"plan": plan_id, "fingerprint": fingerprint, "other": other}
    forgery.edit(broadcast, ids)
    rows = approval_rows(broadcast)

    applied = as_(broadcast, "rita", "apply", "--plan", "plan.json", "--format", "json")

    assert applied.code == 3, applied.stderr
    assert applied.doc["error"]["type"] == "validation"
    message = applied.doc["error"]["message"]
    if forgery.apply_message:
        assert message.startswith(f"plan {plan_id}: the approvals table does not match the "
                                  "audit trail: "), message
        assert forgery.apply_message.format(**ids) in message
    else:  # refused at the gate, and the run's own events are not appended after it either
        assert "(evt_forged) lies beyond the audit head" in message
    assert sent(broadcast) == []
    assert stored(broadcast, f"SELECT applied_run_id FROM plans WHERE id = '{plan_id}'") == [
        (None,)]
    assert approval_rows(broadcast) == rows
    verified = verify(broadcast)
    assert verified.code == 3
    assert forgery.verify_message.format(**ids) in verified.doc["error"]["message"]


def test_an_approval_forged_with_its_event_and_the_head_moved_counts_as_the_docs_say(
        broadcast: Project) -> None:
    """The limit SECURITY.md and the README state: the chain's hashes are not keyed, so a
    writer of the store who appends the approval event with a correct hash *and* moves the
    audit head forges an approval that counts and verifies. If approvals come to be signed,
    this test and those documents change together."""
    plan_id, fingerprint = plan(broadcast, "a message nobody approved")
    _insert_row_and_event(broadcast, {"plan": plan_id, "fingerprint": fingerprint})
    tamper(broadcast, ("UPDATE audit_head SET seq = (SELECT MAX(seq) FROM audit_events), "
                       "hash = (SELECT hash FROM audit_events WHERE seq = "
                       "(SELECT MAX(seq) FROM audit_events))", ()))

    applied = as_(broadcast, "rita", "apply", "--plan", "plan.json", "--format", "json")

    assert applied.code == 0, applied.stderr
    assert sent(broadcast) == ["a message nobody approved"]
    assert verify(broadcast).code == 0


def test_approving_a_plan_whose_approvals_were_forged_records_nothing(broadcast: Project) -> None:
    plan_id, fingerprint = plan(broadcast)
    _insert_row(broadcast, {"plan": plan_id, "fingerprint": fingerprint})

    refused = approve(broadcast, "sue", plan_id)

    assert refused.code == 3
    assert "approval apr_forged (plan" in refused.doc["error"]["message"]
    assert approval_rows(broadcast) == [(plan_id, "sam", "approved")]
    assert stored(broadcast, "SELECT count(*) FROM audit_events WHERE kind LIKE 'approval.%'") \
        == [(0,)]


def test_approving_a_plan_whose_stored_document_was_edited_exits_3(broadcast: Project) -> None:
    # sam may not approve his own plan; naming rita its creator in the store would let him
    planned = as_(broadcast, "sam", "plan", "broadcast", "--out", "plan.json", "--format", "json")
    plan_id = planned.doc["artifacts"]["plan_id"]
    tamper(broadcast, ("UPDATE plans SET document_json = replace(document_json, "
                       "'\"created_by\": \"sam\"', '\"created_by\": \"rita\"')", ()))
    assert json.loads(stored(broadcast, "SELECT document_json FROM plans")[0][0])[
        "created_by"] == "rita"

    refused = approve(broadcast, "sam", plan_id)

    assert refused.code == 3
    assert refused.doc["error"]["message"] == (
        f"saved plan {plan_id} in the store does not match its signature: it was edited "
        "outside opsctl, or saved by a machine with another plan-signing key (every machine "
        "sharing a store needs the same plan_signing_key); re-run `opsctl plan`")
    assert approval_rows(broadcast) == []


# -- the applied state of saved plans ----------------------------------------------------------

def applied_once(project: Project) -> tuple[str, str]:
    plan_id, _ = plan(project)
    assert approve(project, "sam", plan_id).code == 0
    applied = as_(project, "rita", "apply", "--plan", "plan.json", "--format", "json")
    assert applied.code == 0, applied.stderr
    assert sent(project) == ["hello"]
    return plan_id, applied.doc["run_id"]


REAPPLY = {
    "applied-state-cleared": (
        "UPDATE plans SET applied_run_id = NULL, applied_at = NULL",
        "plan {plan} has applied_run_id=None, applied_at=None in the plans table, but audit "
        "event {seq} records that run {run} applied it at",
        "plan {plan}: applied_run_id=None, applied_at=None in the plans table, but audit event "
        "{seq} records run {run} applying it at"),
    "row-deleted": (
        "DELETE FROM plans",
        "plan {plan} is missing from the plans table, but audit event {seq} records that run "
        "{run} applied it at",
        "audit event {seq} (plan.claimed of plan {plan}) has no plans row (deleted?)"),
}


@pytest.mark.parametrize(("edit", "apply_message", "verify_message"), REAPPLY.values(),
                         ids=REAPPLY.keys())
def test_a_saved_plan_applies_once_even_when_its_row_is_edited(
        broadcast: Project, edit: str, apply_message: str, verify_message: str) -> None:
    plan_id, run_id = applied_once(broadcast)
    [(seq,)] = stored(broadcast, "SELECT seq FROM audit_events WHERE kind = 'plan.claimed'")
    ids = {"plan": plan_id, "run": run_id, "seq": seq}
    tamper(broadcast, (edit, ()))

    again = as_(broadcast, "rita", "apply", "--plan", "plan.json", "--format", "json")

    assert again.code == 3, again.stderr
    assert apply_message.format(**ids) in again.doc["error"]["message"]
    assert again.doc["run_id"] is None  # refused before a run is recorded (README)
    assert stored(broadcast, "SELECT id FROM runs WHERE mode = 'apply'") == [(run_id,)]
    assert sent(broadcast) == ["hello"]
    assert stored(broadcast, "SELECT count(*) FROM audit_events WHERE kind = 'plan.claimed'") \
        == [(1,)]
    verified = verify(broadcast)
    assert verified.code == 3
    assert verify_message.format(**ids) in verified.doc["error"]["message"]


def test_claiming_a_plan_is_an_audit_event_of_the_applying_run(broadcast: Project) -> None:
    plan_id, run_id = applied_once(broadcast)

    claims = stored(broadcast, "SELECT run_id, plan_id, actor, payload_json FROM audit_events "
                               "WHERE kind = 'plan.claimed'")
    [(applied_at,)] = stored(broadcast, "SELECT applied_at FROM plans")

    assert claims == [(run_id, plan_id, "rita", json.dumps({"applied_at": applied_at},
                                                           separators=(",", ":")))]
    verified = verify(broadcast)
    assert (verified.code, verified.doc["ok"], verified.doc["mismatches"]) == (0, True, [])


VERIFY_ONLY = {
    "applied-at-cleared": (
        "UPDATE plans SET applied_at = NULL", True,
        "plan {plan}: applied_run_id='{run}', applied_at=None in the plans table, but audit "
        "event"),
    "marked-applied-without-an-event": (
        "UPDATE plans SET applied_run_id = 'run_forged', applied_at = '2026-01-01T00:00:00'",
        False,
        "plan {plan}: marked applied by run run_forged in the plans table, but no audit event "
        "records that run applying it (edited?)"),
}


@pytest.mark.parametrize(("edit", "apply_first", "message"), VERIFY_ONLY.values(),
                         ids=VERIFY_ONLY.keys())
def test_audit_verify_reports_plans_whose_applied_state_has_no_matching_event(
        broadcast: Project, edit: str, apply_first: bool, message: str) -> None:
    if apply_first:
        plan_id, run_id = applied_once(broadcast)
    else:
        (plan_id, _), run_id = plan(broadcast), ""
    tamper(broadcast, (edit, ()))

    verified = verify(broadcast)

    assert verified.code == 3
    text = verified.doc["error"]["message"]
    assert text.startswith("audit trail intact (")
    assert "1 record(s) do not match it: " in text
    assert message.format(plan=plan_id, run=run_id) in text


EDITED_PLAN = {
    "document": ("UPDATE plans SET document_json = replace(document_json, "
                 "'prod/announcements', 'prod/everyone')", "does not match its signature"),
    "fingerprint": ("UPDATE plans SET fingerprint = 'sha256:00'",
                    "disagrees with its row on fingerprint"),
    "expiry": (f"UPDATE plans SET expires_at = '{FAR}'", "disagrees with its row on expires_at"),
    "requester": ("UPDATE plans SET created_by = 'zed'", "disagrees with its row on created_by"),
}


@pytest.mark.parametrize(("edit", "problem"), EDITED_PLAN.values(), ids=EDITED_PLAN.keys())
def test_audit_verify_reports_a_saved_plan_edited_in_the_store(
        broadcast: Project, edit: str, problem: str) -> None:
    """What `approve` and `apply --plan` refuse, `audit verify` reports for the whole store."""
    plan_id, _ = plan(broadcast)
    assert verify(broadcast).code == 0
    tamper(broadcast, (edit, ()))

    verified = verify(broadcast)

    assert verified.code == 3, verified.stderr
    assert f"saved plan {plan_id}: {problem} (edited outside opsctl" in \
        verified.doc["error"]["message"]
    assert approve(broadcast, "sam", plan_id).code == 3


def test_a_plan_another_machine_signed_with_its_own_key_is_named_so(broadcast: Project) -> None:
    """Two machines on one store, each with its own plan-signing key: a plan the other one
    saved is refused and reported, and the message says a key may differ, not only that the
    plan was edited; with the same plan_signing_key everywhere, as documented, it is not."""
    plan(broadcast, "from this machine")  # this machine's key file signs its plans
    ci = {"OPSCTL_PLAN_SIGNING_KEY": "the-ci-runners-own-key-0123456789"}
    planned = as_(broadcast, "rita", "plan", "broadcast", "--out", "ci.json", "--format", "json",
                  **ci)
    assert planned.code == 10, planned.stderr
    plan_id = planned.doc["artifacts"]["plan_id"]

    refused = approve(broadcast, "sam", plan_id)
    assert refused.code == 3
    assert refused.doc["error"]["message"] == (
        f"saved plan {plan_id} in the store does not match its signature: it was edited "
        "outside opsctl, or saved by a machine with another plan-signing key (every machine "
        "sharing a store needs the same plan_signing_key); re-run `opsctl plan`")
    assert approval_rows(broadcast) == []
    verified = verify(broadcast)
    assert verified.code == 3
    assert (f"saved plan {plan_id}: does not match its signature (edited outside opsctl, or "
            "saved by a machine with another plan_signing_key?)") in verified.doc["error"]["message"]

    approved = as_(broadcast, "sam", "approve", plan_id, "--reason", "ok", "--format", "json", **ci)
    assert approved.code == 0, approved.stderr
    applied = as_(broadcast, "rita", "apply", "--plan", "ci.json", "--format", "json", **ci)
    assert applied.code == 0, applied.stderr


@pytest.mark.parametrize(("statement", "record"), [
    pytest.param("UPDATE runs SET request_json = '{broken'", "request_json", id="request"),
    pytest.param("UPDATE runs SET runtime_json = 'not json'", "runtime_json", id="runtime"),
    pytest.param("UPDATE actions SET spec_json = '['", "journal", id="journal"),
])
def test_a_run_record_that_is_not_json_is_a_store_error_naming_it(
        backend_project: Project, statement: str, record: str) -> None:
    """A run's row edited outside opsctl so that a JSON column no longer parses: `show` and
    `resume` exit 2 naming the store, the run and the record, with no traceback (was: exit 1,
    an internal JSONDecodeError)."""
    backend_project.add_module("broadcast_auto", BROADCAST)
    ran = backend_project.run("broadcast", "--format", "json")
    assert ran.code == 0, ran.stderr
    run_id = ran.doc["run_id"]
    tamper(backend_project, (statement, ()))

    for args in (("show", run_id), ("show", run_id, "--diff"), ("resume", run_id)):
        r = backend_project.run(*args)
        if args[0] == "resume" and record == "journal":
            continue  # a finished run is refused before its journal is read
        assert r.code == 2, (args, r.stderr)
        assert f"run {run_id}'s {record} is not valid JSON" in r.stderr, r.stderr
        assert "restore it from a backup" in r.stderr and "internal error" not in r.stderr
