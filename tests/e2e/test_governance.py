"""Governance through the real CLI, on SQLite and PostgreSQL: who ran what (identity), whether
it may run (policy, freeze windows, roles), who approved it (approvals bound to the saved plan),
and what is on record (the hash-chained audit trail, run artifacts; never a secret)."""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import OPSCTL, Project, paused_before

DEPLOY = '''
import os
from pathlib import Path
from pydantic import BaseModel, ConfigDict
from opsctl import Action, Automation

class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")
    environment: str = "staging"
    count: int = 1
    deletes: int = 0
    fail_on: str = ""

deploy = Automation("deploy", version="1.0.0", owner="platform", summary="Roll out web replicas",
                    request=Request, lock_scope=("environment",))

def effects():
    """One line per applied action, "<kind> <target>": the only state of this automation."""
    try:
        return Path("effects.log").read_text().splitlines()
    except FileNotFoundError:
        return []

@deploy.plan
def plan(ctx, req):
    done = {line.split(" ", 1)[1] for line in effects()}
    for i in range(req.count):
        target = f"{req.environment}/web-{i}"
        if target not in done:
            yield Action(id=f"web-{i}", kind="create", target=target, reason="replica missing")
    for i in range(req.deletes):
        target = f"{req.environment}/old-{i}"
        if target not in done:
            yield Action(id=f"old-{i}", kind="delete", target=target, reason="replica retired")

@deploy.apply
def apply(ctx, req, action):
    if action.id == req.fail_on:
        raise RuntimeError(f"{action.target} refused the change")
    fd = os.open("effects.log", os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    os.write(fd, f"{action.kind} {action.target}\\n".encode())
    os.close(fd)
'''

ROTATE = '''
import os
from pydantic import BaseModel, ConfigDict
from opsctl import Action, Automation, Secret

class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")
    environment: str = "prod"
    token: Secret

rotate = Automation("rotate", version="1.0.0", owner="security", summary="Rotate the API token",
                    request=Request, lock_scope=("environment",))

@rotate.plan
def plan(ctx, req):
    token = req.token.get_secret_value()
    ctx.log.info("planning rotation", token=token)
    yield Action(id="set-token", kind="update", target=f"{req.environment}/api-token",
                 reason=f"rotate to {token}", data={"token": token}, before="old", after=token)

@rotate.apply
def apply(ctx, req, action):
    token = req.token.get_secret_value()
    assert action.data["token"] == token, "apply must receive the real secret"
    ctx.log.info("rotating", token=token)
    fd = os.open("effects.log", os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    os.write(fd, f"update {action.target}\\n".encode())
    os.close(fd)
'''

# Production changes need approval from sre (the policy's own group).
PROD_APPROVAL = """
version: 1
groups:
  sre: [sam, sue, sid]
rules:
  - name: prod-changes
    match: {environment: prod}
    decision: require_approval
    approvers: sre
    reason: production changes are reviewed by sre
"""

# Every built-in condition the suite relies on; "sre" comes from [groups] in opsctl.toml.
CONDITIONS = """
version: 1
default: allow
groups:
  release: [rita]
rules:
  - name: known-environments-only
    match: {not_environment: [prod, staging]}
    decision: deny
    reason: the environment must be prod or staging
  - name: large-rollouts
    match: {max_actions: 3}
    decision: require_approval
    approvers: [group:sre]
  - name: mass-deletes
    match: {max_deletes: 1}
    decision: deny
    reason: at most one deletion per run
  - name: prod-by-release-or-sre
    match: {environment: prod, not_group: [release, sre]}
    decision: deny
    reason: only release managers and sre change prod
  - name: prod-releases-reviewed
    match: {environment: prod, group: release}
    decision: require_approval
    approvers: [group:sre]
"""

FRIDAY_EVENING_FREEZE = """
version: 1
rules:
  - name: friday-evening-freeze
    match:
      environment: prod
      freeze:
        - timezone: Europe/Berlin
          weekdays: [fri]
          start: "17:00"
    decision: deny
    reason: no production changes on Friday evening (Berlin time)
"""

GENESIS = "0" * 64
CI_MARKERS = ("GITLAB_CI", "BUILDKITE", "CIRCLECI", "JENKINS_URL")
SECRET_CANARY = "canary-9b1e44-t0ken"


# -- helpers ---------------------------------------------------------------------------------

@pytest.fixture
def deploy(backend_project: Project) -> Project:
    backend_project.add_module("deploy_auto", DEPLOY)
    return backend_project


def env_of(project: Project, actor: str | None, **extra: str) -> dict[str, str]:
    """The environment of a run by ``actor`` (None: no OPSCTL_ACTOR), outside any CI job
    unless ``extra`` describes one (the suite itself may run in one)."""
    env = {k: v for k, v in project.env().items()
           if not k.startswith("GITHUB_") and k not in CI_MARKERS}
    if actor is not None:
        env["OPSCTL_ACTOR"] = actor
    return {**env, **extra}


def as_(project: Project, actor: str, *args: str, **extra: str) -> Any:
    """``opsctl ARGS`` run by ``actor``."""
    expect = True if args and args[0] in ("runs", "show") and "--format" in args else None
    return project.run(*args, env=env_of(project, actor, **extra), expect_json=expect)


def write_policy(project: Project, text: str) -> None:
    (project.root / "policy.yaml").write_text(textwrap.dedent(text).lstrip())


def effects(project: Project) -> list[str]:
    log = project.root / "effects.log"
    return log.read_text().splitlines() if log.exists() else []


def runs(project: Project, actor: str = "auditor") -> list[dict[str, Any]]:
    listed = as_(project, actor, "runs", "--format", "json")
    assert listed.code == 0, listed.stderr
    return listed.doc["runs"]


def audit(project: Project, *args: str, actor: str = "auditor") -> list[dict[str, Any]]:
    exported = as_(project, actor, "audit", "export", "--format", "jsonl", *args)
    assert exported.code == 0, exported.stderr
    return [json.loads(line) for line in exported.stdout.splitlines()]


def artifacts(project: Project, run_id: str, actor: str = "auditor") -> dict[str, Any]:
    shown = as_(project, actor, "show", run_id, "--artifacts", "--format", "json")
    assert shown.code == 0, shown.stderr
    return shown.doc["artifacts"]


def save_plan(project: Project, actor: str, *flags: str, out: str = "plan.json",
              **extra: str) -> tuple[str, str]:
    """``opsctl plan deploy FLAGS --out OUT`` by ``actor``: (plan run id, plan id)."""
    planned = as_(project, actor, "plan", "deploy", *flags, "--out", out, "--format", "json",
                  **extra)
    assert planned.code == 10, planned.stderr
    plan_id = planned.doc["artifacts"]["plan_id"]
    assert json.loads((project.root / out).read_text())["plan_id"] == plan_id
    return planned.doc["run_id"], plan_id


def approve(project: Project, actor: str, plan_id: str, reason: str = "looks right") -> Any:
    return as_(project, actor, "approve", plan_id, "--reason", reason, "--format", "json")


def approval_events(project: Project) -> list[tuple[str, str]]:
    return [(e["kind"], e["actor"]) for e in audit(project) if e["kind"].startswith("approval.")]


@contextmanager
def database(project: Project) -> Iterator[Any]:
    """A direct connection to the project's store, past opsctl (to tamper, or to dump)."""
    url = project.extra_env.get("OPSCTL_STORE_URL")
    if url is None:
        conn = sqlite3.connect(project.db)
        try:
            yield conn
            conn.commit()
        finally:
            conn.close()
        return
    import psycopg

    with psycopg.connect(url) as pg:
        yield pg


def sql(conn: Any, query: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if not params:
        cursor = conn.execute(query)
    elif isinstance(conn, sqlite3.Connection):
        cursor = conn.execute(query, params)
    else:
        cursor = conn.execute(query.replace("?", "%s"), params)
    return list(cursor.fetchall()) if cursor.description else []


def stored(project: Project, query: str) -> list[tuple[Any, ...]]:
    """Rows of the project's store, read directly (cheaper than one more subprocess); none
    when opsctl never created its tables (nothing was ever recorded)."""
    if "OPSCTL_STORE_URL" not in project.extra_env and not project.db.exists():
        return []
    with database(project) as conn:
        exists = ("SELECT count(*) FROM sqlite_master WHERE name = 'audit_events'"
                  if isinstance(conn, sqlite3.Connection)
                  else "SELECT count(*) FROM pg_tables WHERE tablename = 'audit_events' "
                       "AND schemaname = current_schema()")
        return sql(conn, query) if sql(conn, exists) == [(1,)] else []


def recorded_nothing(project: Project) -> bool:
    """No run, saved plan or audit event in the store."""
    return stored(project, "SELECT (SELECT count(*) FROM runs) + (SELECT count(*) FROM plans) + "
                           "(SELECT count(*) FROM audit_events)") in ([], [(0,)])


# -- identity ------------------------------------------------------------------------------

GITHUB = {"GITHUB_ACTIONS": "true", "GITHUB_ACTOR": "octocat", "GITHUB_REPOSITORY": "octo-org/deploy",
          "GITHUB_RUN_ID": "9876543210", "GITHUB_RUN_ATTEMPT": "2", "GITHUB_JOB": "release"}
JOB_URL = "https://github.com/octo-org/deploy/actions/runs/9876543210/attempts/2"


def _os_user() -> str:
    """The login name this process runs as (``uid:N`` for a nameless container user)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return f"uid:{os.getuid()}"


@pytest.mark.parametrize(
    ("actor", "extra", "expected", "source", "context"),
    [
        pytest.param("deploy-bot", {}, "deploy-bot", "env", {}, id="opsctl-actor"),
        pytest.param(None, GITHUB, "github:octocat", "github",
                     {"ci": "github", "job_url": JOB_URL, "repository": "octo-org/deploy"},
                     id="github-actions-user"),
        pytest.param("deploy-bot", GITHUB, "deploy-bot", "env",
                     {"ci": "github", "ci_actor": "github:octocat", "job_url": JOB_URL},
                     id="opsctl-actor-inside-github-actions"),
        pytest.param(None, {}, _os_user(), "os", {"host": os.uname().nodename}, id="os-user"),
    ],
)
def test_actor_is_recorded_in_result_runs_show_and_audit(
        deploy: Project, actor: str | None, extra: dict[str, str], expected: str, source: str,
        context: dict[str, str]) -> None:
    applied = deploy.run("deploy", "--format", "json", env=env_of(deploy, actor, **extra))
    assert applied.code == 0, applied.stderr
    assert applied.doc["actor"] == expected
    run_id = applied.doc["run_id"]
    assert [(r["id"], r["actor"]) for r in runs(deploy)] == [(run_id, expected)]
    shown = as_(deploy, "auditor", "show", run_id, "--format", "json")
    assert (shown.code, shown.doc["actor"]) == (0, expected)
    events = audit(deploy, "--run", run_id)
    assert {e["actor"] for e in events} == {expected}
    identity = events[0]["payload"]["identity"]
    assert (events[0]["kind"], identity["actor"], identity["source"]) == (
        "request.received", expected, source)
    assert context.items() <= identity["context"].items()
    assert ("host" in identity["context"]) is (source == "os")


# -- policy decisions ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("actor", "flags", "code", "effect", "rule", "matched"),
    [
        pytest.param("rita", ["--environment", "staging"], 0, "allow", "default", [],
                     id="staging-is-allowed-by-default"),
        pytest.param("rita", ["--environment", "qa"], 6, "deny", "known-environments-only",
                     ["known-environments-only"], id="unlisted-environment-denied"),
        pytest.param("rita", ["--count", "4"], 6, "require_approval", "large-rollouts",
                     ["large-rollouts"], id="more-than-max-actions-needs-approval"),
        pytest.param("rita", ["--count", "3"], 0, "allow", "default", [],
                     id="exactly-max-actions-is-allowed"),
        pytest.param("rita", ["--deletes", "2"], 6, "deny", "mass-deletes", ["mass-deletes"],
                     id="more-than-max-deletes-denied"),
        pytest.param("rita", ["--deletes", "1"], 0, "allow", "default", [],
                     id="exactly-max-deletes-is-allowed"),
        pytest.param("mallory", ["--environment", "prod"], 6, "deny", "prod-by-release-or-sre",
                     ["prod-by-release-or-sre"], id="prod-outside-groups-denied"),
        pytest.param("rita", ["--environment", "prod"], 6, "require_approval",
                     "prod-releases-reviewed", ["prod-releases-reviewed"],
                     id="prod-by-policy-group-member-needs-approval"),
        pytest.param("sam", ["--environment", "prod"], 0, "allow", "default", [],
                     id="prod-by-config-group-member-allowed"),
        pytest.param("rita", ["--environment", "qa", "--count", "5", "--deletes", "2"], 6, "deny",
                     "known-environments-only",
                     ["known-environments-only", "large-rollouts", "mass-deletes"],
                     id="first-deny-wins-over-approval"),
    ],
)
def test_policy_check_explains_the_decision_and_records_nothing(
        deploy: Project, actor: str, flags: list[str], code: int, effect: str, rule: str,
        matched: list[str]) -> None:
    deploy.write_config('[groups]\nsre = ["sam", "sue"]\n')
    write_policy(deploy, CONDITIONS)
    checked = as_(deploy, "someone", "policy", "check", "deploy", *flags, "--as", actor,
                  "--format", "json")
    assert checked.code == code, checked.stderr
    decision = checked.doc["decision"]
    assert (checked.doc["automation"], checked.doc["actor"]) == ("deploy", actor)
    assert (decision["effect"], decision["rule"], decision["matched"]) == (effect, rule, matched)
    assert [r["rule"] for r in decision["explain"]] == [
        "known-environments-only", "large-rollouts", "mass-deletes", "prod-by-release-or-sre",
        "prod-releases-reviewed"]
    assert [r["rule"] for r in decision["explain"] if r["matched"]] == matched
    assert set(decision) == {"effect", "rule", "reason", "matched", "approvals", "approvers",
                             "allow_self_approval", "approval_ttl_s", "explain"}
    if effect == "require_approval":
        assert (decision["approvals"], decision["approvers"], decision["allow_self_approval"],
                decision["approval_ttl_s"]) == (1, ["group:sre"], False, 86400.0)
    given = dict(zip(flags[::2], flags[1::2], strict=True))
    creates, deletes = int(given.get("--count", 1)), int(given.get("--deletes", 0))
    assert checked.doc["plan"] == {"actions": creates + deletes,
                                   "kinds": {"create": creates, **({"delete": deletes} if deletes else {})}}
    assert recorded_nothing(deploy)
    assert effects(deploy) == []


@pytest.mark.parametrize(("targets", "code", "rule"), [
    pytest.param([], 6, "mass-deletes", id="whole-plan"),
    pytest.param(["--target", "old-0"], 0, "default", id="targeted-plan"),
])
def test_policy_check_decides_on_the_plan_a_targeted_run_has(
        deploy: Project, targets: list[str], code: int, rule: str) -> None:
    """A run with --target is decided on its targeted plan; `policy check --target` says what
    that run's gate decides (was: no --target, so the check could not show the run's decision)."""
    deploy.write_config('[groups]\nsre = ["sam", "sue"]\n')
    write_policy(deploy, CONDITIONS)
    flags = ["--environment", "staging", "--count", "0", "--deletes", "3", *targets]
    checked = as_(deploy, "rita", "policy", "check", "deploy", *flags, "--format", "json")
    assert checked.code == code, checked.stderr
    assert checked.doc["decision"]["rule"] == rule
    assert checked.doc["plan"]["actions"] == (1 if targets else 3)
    ran = as_(deploy, "rita", "deploy", *flags, "--format", "json")
    assert ran.code == code, ran.stderr
    assert ran.doc["policy"]["rule"] == rule


@pytest.mark.parametrize(
    ("flags", "code", "error_type", "effect", "rule", "applied"),
    [
        pytest.param(["--environment", "staging", "--count", "2"], 0, None, "allow", "default",
                     ["create staging/web-0", "create staging/web-1"], id="allowed"),
        pytest.param(["--environment", "qa"], 6, "policy_denied", "deny",
                     "known-environments-only", [], id="denied"),
        pytest.param(["--environment", "staging", "--count", "4"], 6, "approval_required",
                     "require_approval", "large-rollouts", [], id="needs-approval"),
    ],
)
def test_apply_records_the_decision_and_only_an_allowed_run_changes_anything(
        deploy: Project, flags: list[str], code: int, error_type: str | None, effect: str,
        rule: str, applied: list[str]) -> None:
    deploy.write_config('[groups]\nsre = ["sam", "sue"]\n')
    write_policy(deploy, CONDITIONS)
    result = as_(deploy, "rita", "deploy", *flags, "--format", "json")
    assert result.code == code, result.stderr
    assert (result.doc["error"] or {}).get("type") == error_type
    policy = result.doc["policy"]
    assert (policy["effect"], policy["rule"]) == (effect, rule)
    assert set(policy) == {"effect", "rule", "reason", "matched", "approvals_required",
                           "approvers"}
    assert policy["approvals_required"] == (1 if effect == "require_approval" else 0)
    assert effects(deploy) == applied
    [row] = runs(deploy)
    assert (row["id"], row["exit_code"]) == (result.doc["run_id"], code)
    events = audit(deploy)
    kinds = [e["kind"] for e in events if e["run_id"] == result.doc["run_id"]]
    decided = [e for e in events if e["kind"] == "policy.decision"]
    assert [(d["payload"]["effect"], d["payload"]["rule"]) for d in decided] == [(effect, rule)]
    if applied:
        assert kinds == ["request.received", "lock.acquired", "plan.created", "policy.decision",
                         "action.applied", "action.applied", "run.finished"]
    else:
        assert kinds == ["request.received", "lock.acquired", "plan.created", "policy.decision",
                         "run.finished"]


def test_without_a_policy_everything_is_allowed_and_no_decision_is_recorded(
        deploy: Project) -> None:
    checked = as_(deploy, "rita", "policy", "check", "deploy", "--environment", "prod",
                  "--format", "json")
    assert checked.code == 0
    assert (checked.doc["decision"], checked.doc["policy_source"]) == (None, None)
    applied = as_(deploy, "rita", "deploy", "--environment", "prod", "--format", "json")
    assert applied.code == 0
    assert applied.doc["policy"] is None
    assert effects(deploy) == ["create prod/web-0"]
    assert "policy.decision" not in [e["kind"] for e in audit(deploy)]


DENY_QA = {"version": 1, "rules": [{"name": "no-qa", "match": {"environment": "qa"},
                                    "decision": "deny", "reason": "qa is retired"}]}
DENY_QA_YAML = """
version: 1
rules:
  - name: no-qa
    match: {environment: qa}
    decision: deny
    reason: qa is retired
"""


@pytest.mark.parametrize(
    ("files", "config", "source"),
    [
        pytest.param({"policy.yaml": DENY_QA_YAML}, "", "policy.yaml",
                     id="policy-yaml-beside-opsctl-toml"),
        pytest.param({"governance/rules.json": json.dumps(DENY_QA)},
                     'policy_file = "governance/rules.json"\n', "governance/rules.json",
                     id="policy-file-setting"),
        pytest.param({}, """
            [policy]
            version = 1
            [[policy.rules]]
            name = "no-qa"
            decision = "deny"
            reason = "qa is retired"
            match = { environment = "qa" }
            """, None, id="inline-policy-table"),
    ],
)
def test_policy_is_loaded_from_each_documented_place(
        deploy: Project, files: dict[str, str], config: str, source: str | None) -> None:
    for name, text in files.items():
        (deploy.root / name).parent.mkdir(parents=True, exist_ok=True)
        (deploy.root / name).write_text(text)
    deploy.write_config(config)
    denied = as_(deploy, "rita", "deploy", "--environment", "qa", "--format", "json")
    assert denied.code == 6, denied.stderr
    assert denied.doc["error"]["message"] == "denied by policy rule 'no-qa': qa is retired"
    assert denied.doc["policy"]["rule"] == "no-qa"
    checked = as_(deploy, "rita", "policy", "check", "deploy", "--environment", "staging",
                  "--format", "json")
    assert checked.code == 0
    assert checked.doc["decision"]["explain"][0]["rule"] == "no-qa"
    if source is not None:
        assert checked.doc["policy_source"].endswith(source)
    assert effects(deploy) == []
    assert [r["status"] for r in runs(deploy)] == ["denied"]


@pytest.mark.parametrize(
    ("policy", "message"),
    [
        pytest.param("""
            version: 1
            rules:
              - name: big-rollouts
                match: {max_action: 3}
                decision: deny
            """, "rule 'big-rollouts': match.max_action: unknown condition", id="unknown-condition"),
        pytest.param("""
            version: 1
            rules:
              - name: mass-deletes
                match: {max_deletes: "10"}
                decision: deny
            """, "rule 'mass-deletes': match.max_deletes: Input should be a valid integer",
            id="wrong-type"),
        pytest.param("""
            version: 1
            rules:
              - name: friday-freeze
                match:
                  freeze: {timezone: Mars/Base, weekdays: [fri]}
                decision: deny
            """, "rule 'friday-freeze': match.freeze[0].timezone: unknown time zone 'Mars/Base'",
            id="bad-time-zone"),
        pytest.param("""
            version: 1
            groups: {sre: [sam]}
            rules:
              - name: prod-changes
                decision: require_approval
                approvers: [group:oncall]
            """, "rule 'prod-changes': approvers[0]: unknown group 'oncall'",
            id="unknown-approver-group"),
        pytest.param("""
            version: 1
            rules:
              - name: broken
                match: {environment: [prod
                decision: deny
            """, "invalid YAML at line 5", id="malformed-yaml"),
    ],
)
def test_invalid_policy_stops_every_command_at_the_gate_with_exit_2(
        deploy: Project, policy: str, message: str) -> None:
    write_policy(deploy, policy)
    applied = as_(deploy, "rita", "deploy", "--format", "json")
    assert applied.code == 2
    assert applied.doc["error"]["type"] == "validation"
    assert "policy.yaml: " in applied.doc["error"]["message"]
    assert message in applied.doc["error"]["message"]
    assert applied.doc["run_id"] is None
    planned = as_(deploy, "rita", "plan", "deploy", "--out", "plan.json")
    assert planned.code == 2
    assert message in planned.stderr
    assert stored(deploy, "SELECT count(*) FROM runs") in ([], [(0,)])
    assert stored(deploy, "SELECT count(*) FROM plans") in ([], [(0,)])
    assert effects(deploy) == []
    assert not (deploy.root / "plan.json").exists()


def test_invalid_policy_is_not_recorded_as_a_permission_denial(deploy: Project) -> None:
    write_policy(deploy, "version: 1\nrules:\n  - name: x\n    match: {max_action: 3}\n"
                         "    decision: deny\n")
    assert as_(deploy, "rita", "deploy").code == 2
    (deploy.root / "policy.yaml").unlink()
    assert [e["kind"] for e in audit(deploy)] == []


# -- approvals -----------------------------------------------------------------------------

def test_two_distinct_approvers_unlock_exactly_the_approved_plan(deploy: Project) -> None:
    write_policy(deploy, PROD_APPROVAL.replace("approvers: sre", "approvers: sre\n    approvals: 2"))
    direct = as_(deploy, "rita", "deploy", "--environment", "prod", "--count", "2",
                 "--format", "json")
    assert direct.code == 6
    assert direct.doc["error"]["type"] == "approval_required"
    assert "requires 2 approval(s) from group:sre" in direct.doc["error"]["message"]
    plan_run, plan_id = save_plan(deploy, "rita", "--environment", "prod", "--count", "2")

    early = as_(deploy, "rita", "apply", "--plan", "plan.json", "--format", "json")
    assert early.code == 6
    assert early.doc["error"]["type"] == "approval_required"
    assert f"plan {plan_id} has 0 of 2 approval(s)" in early.doc["error"]["message"]
    first = approve(deploy, "sam", plan_id, "canary in staging was clean")
    assert first.code == 0
    assert (first.doc["decision"], first.doc["actor"]) == ("approved", "sam")
    assert first.doc["approvals"] == {"approved_by": ["sam"], "needed": 2, "ignored": [],
                                      "rejected_by": [], "satisfied": False}
    half = as_(deploy, "rita", "apply", "--plan", "plan.json", "--format", "json")
    assert half.code == 6
    assert f"plan {plan_id} has 1 of 2 approval(s) (approved by: sam)" in half.doc["error"]["message"]
    assert effects(deploy) == []
    second = approve(deploy, "sue", plan_id)
    assert second.code == 0
    assert second.doc["approvals"]["approved_by"] == ["sam", "sue"]
    assert second.doc["approvals"]["satisfied"] is True

    applied = as_(deploy, "rita", "apply", "--plan", "plan.json", "--format", "json")
    assert applied.code == 0, applied.stderr
    assert applied.doc["artifacts"]["plan_id"] == plan_id
    assert applied.doc["artifacts"]["approvals"]["approved_by"] == ["sam", "sue"]
    assert applied.doc["policy"]["approvals_required"] == 2
    assert effects(deploy) == ["create prod/web-0", "create prod/web-1"]

    kept = artifacts(deploy, applied.doc["run_id"])
    assert set(kept) == {"request", "plan", "journal", "approvals", "policy", "result", "audit"}
    assert kept["request"] == {"environment": "prod", "count": 2, "deletes": 0, "fail_on": ""}
    assert (kept["plan"]["plan_id"], kept["plan"]["created_by"]) == (plan_id, "rita")
    assert [a["action_id"] for a in kept["journal"]] == ["web-0", "web-1"]
    assert [(a["actor"], a["decision"], a["reason"]) for a in kept["approvals"]] == [
        ("sam", "approved", "canary in staging was clean"), ("sue", "approved", "looks right")]
    assert kept["policy"]["rule"] == "prod-changes"
    assert kept["result"]["status"] == "succeeded"
    assert [e["kind"] for e in kept["audit"]] == [
        "request.received", "lock.acquired", "plan.created", "policy.decision", "plan.claimed",
        "action.applied", "action.applied", "run.finished"]
    assert {e["plan_id"] for e in kept["audit"]} == {plan_id}  # every event of the run
    assert [a["actor"] for a in artifacts(deploy, plan_run)["approvals"]] == ["sam", "sue"]
    events = audit(deploy)
    approvals = [e for e in events if e["kind"] == "approval.approved"]
    assert [(e["actor"], e["plan_id"], e["run_id"]) for e in approvals] == [
        ("sam", plan_id, None), ("sue", plan_id, None)]
    assert approvals[0]["payload"]["reason"] == "canary in staging was clean"
    assert [r["status"] for r in runs(deploy)] == [
        "succeeded", "denied", "denied", "changes_planned", "denied"]


def test_a_secret_in_an_approval_reason_is_masked_where_it_is_printed(deploy: Project) -> None:
    """The reason is stored masked; the approve and reject commands print it masked too, in
    JSON and in text, as does everything else that shows it."""
    write_policy(deploy, PROD_APPROVAL)
    _, plan_id = save_plan(deploy, "rita", "--environment", "prod")
    named = {"OPSCTL_SECRET_DB_PASSWORD": SECRET_CANARY}
    printed = []
    for actor, verb, fmt in (("sam", "approve", "json"), ("sam", "approve", "text"),
                             ("sue", "reject", "text")):
        decided = as_(deploy, actor, verb, plan_id, "--reason",
                      f"checked with the db password {SECRET_CANARY}", "--format", fmt, **named)
        assert decided.code == 0, decided.stderr
        printed += [decided.stdout, decided.stderr]
        if fmt == "json":
            assert decided.doc["reason"] == "checked with the db password ***"
    assert all(SECRET_CANARY not in text for text in printed), printed
    assert "approved plan" in printed[2] and "rejected plan" in printed[4]
    reasons = {row[0] for row in stored(deploy, "SELECT reason FROM approvals")}
    assert reasons == {"checked with the db password ***"}


@pytest.mark.parametrize(
    ("requester", "before", "approver", "code", "message", "recorded"),
    [
        pytest.param("sam", [], "sam", 6, "sam requested plan", [],
                     id="requester-approves-own-plan"),
        pytest.param("rita", [], "mallory", 6, "mallory is not an approver", [],
                     id="approver-outside-the-group"),
        pytest.param("rita", ["approve:sam", "apply"], "sue", 3, "was already applied", ["sam"],
                     id="already-applied-plan"),
        pytest.param("rita", ["expire"], "sam", 3, "expired", [], id="expired-plan"),
        pytest.param("rita", ["unknown-id"], "sam", 2, "no saved plan", [], id="unknown-plan"),
    ],
)
def test_refused_approval_records_nothing(
        deploy: Project, requester: str, before: list[str], approver: str, code: int,
        message: str, recorded: list[str]) -> None:
    write_policy(deploy, PROD_APPROVAL)
    ttl = {"OPSCTL_PLAN_TTL": "1s"} if "expire" in before else {}
    _, plan_id = save_plan(deploy, requester, "--environment", "prod", **ttl)
    for step in before:
        if step.startswith("approve:"):
            assert approve(deploy, step.split(":")[1], plan_id).code == 0
        elif step == "apply":
            assert as_(deploy, requester, "apply", "--plan", "plan.json").code == 0
        elif step == "expire":
            time.sleep(1.1)
        elif step == "unknown-id":
            plan_id = "plan_00000000000000000000000000"
    refused = approve(deploy, approver, plan_id)
    assert refused.code == code, refused.stderr
    assert message in refused.doc["error"]["message"]
    assert stored(deploy, "SELECT actor, decision FROM approvals ORDER BY created_at") == [
        (who, "approved") for who in recorded]
    assert stored(deploy, "SELECT actor, kind FROM audit_events WHERE kind LIKE 'approval.%' "
                          "ORDER BY seq") == [(who, "approval.approved") for who in recorded]


def test_approving_a_plan_of_another_contract_version_is_refused_as_apply_refuses_it(
        deploy: Project) -> None:
    """The code moved to a new contract version since the plan was saved: `apply --plan`
    would refuse it (exit 3), so an approval that could never be used is refused the same
    way, with nothing recorded."""
    write_policy(deploy, PROD_APPROVAL)
    _, plan_id = save_plan(deploy, "rita", "--environment", "prod")
    deploy.add_module("deploy_auto", DEPLOY.replace('version="1.0.0"', 'version="1.1.0"'))
    refused = approve(deploy, "sam", plan_id)
    assert refused.code == 3, refused.stderr
    assert refused.doc["error"]["message"] == (
        f"plan {plan_id}: plan was made with deploy 1.0.0, the code is now 1.1.0; "
        "re-run `opsctl plan`")
    applied = as_(deploy, "rita", "apply", "--plan", "plan.json", "--format", "json")
    assert applied.code == 3
    assert "plan was made with deploy 1.0.0, the code is now 1.1.0; re-run `opsctl plan`" \
        in applied.doc["error"]["message"]
    assert stored(deploy, "SELECT actor FROM approvals") == []
    assert approval_events(deploy) == []


def test_approving_twice_is_an_idempotent_success(deploy: Project) -> None:
    write_policy(deploy, PROD_APPROVAL)
    _, plan_id = save_plan(deploy, "rita", "--environment", "prod")
    first = approve(deploy, "sam", plan_id)
    assert first.code == 0, first.stderr
    again = approve(deploy, "sam", plan_id, "retried CI step")
    assert again.code == 0, again.stderr
    assert again.doc["already_recorded"] is True
    assert again.doc["id"] == first.doc["id"]
    assert again.doc["reason"] == first.doc["reason"]  # the recorded decision, not the retry's
    assert again.doc["approvals"]["approved_by"] == ["sam"]
    text = as_(deploy, "sam", "approve", plan_id, "--reason", "once more")
    assert text.code == 0 and "sam already approved plan" in text.stdout
    assert stored(deploy, "SELECT actor, decision FROM approvals") == [("sam", "approved")]
    assert stored(deploy, "SELECT actor, kind FROM audit_events WHERE kind LIKE 'approval.%' "
                          "ORDER BY seq") == [("sam", "approval.approved")]


@pytest.mark.parametrize(("first", "then"), [("reject", "approve"), ("approve", "reject")])
def test_changing_ones_own_decision_is_a_conflict(deploy: Project, first: str,
                                                  then: str) -> None:
    write_policy(deploy, PROD_APPROVAL)
    _, plan_id = save_plan(deploy, "rita", "--environment", "prod")
    assert as_(deploy, "sam", first, plan_id, "--reason", "first").code == 0
    changed = as_(deploy, "sam", then, plan_id, "--reason", "second", "--format", "json")
    assert changed.code == 7
    assert f"sam already {first}" in changed.doc["error"]["message"]
    assert len(stored(deploy, "SELECT actor FROM approvals")) == 1


def test_self_approval_counts_when_the_rule_allows_it(deploy: Project) -> None:
    write_policy(deploy, PROD_APPROVAL.replace("approvers: sre",
                                               "approvers: sre\n    allow_self_approval: true"))
    _, plan_id = save_plan(deploy, "sam", "--environment", "prod")
    own = approve(deploy, "sam", plan_id, "trivial one-replica change")
    assert own.code == 0, own.stderr
    assert own.doc["approvals"]["satisfied"] is True
    applied = as_(deploy, "sam", "apply", "--plan", "plan.json", "--format", "json")
    assert applied.code == 0
    assert applied.doc["artifacts"]["approvals"]["approved_by"] == ["sam"]
    assert effects(deploy) == ["create prod/web-0"]


def test_rejection_vetoes_an_approved_plan(deploy: Project) -> None:
    write_policy(deploy, PROD_APPROVAL)
    plan_run, plan_id = save_plan(deploy, "rita", "--environment", "prod")
    assert approve(deploy, "sam", plan_id).code == 0
    rejected = as_(deploy, "sue", "reject", plan_id, "--reason", "freeze for the incident",
                   "--format", "json")
    assert rejected.code == 0
    assert (rejected.doc["decision"], rejected.doc["actor"]) == ("rejected", "sue")
    vetoed = as_(deploy, "rita", "apply", "--plan", "plan.json", "--format", "json")
    assert vetoed.code == 6
    assert vetoed.doc["error"]["type"] == "policy_denied"
    assert f"plan {plan_id} was rejected by sue: freeze for the incident" in \
        vetoed.doc["error"]["message"]
    assert effects(deploy) == []
    assert [(a["actor"], a["decision"]) for a in artifacts(deploy, plan_run)["approvals"]] == [
        ("sam", "approved"), ("sue", "rejected")]
    assert approval_events(deploy) == [("approval.approved", "sam"), ("approval.rejected", "sue")]

    # an approval recorded after the veto says it cannot be applied, not "enough to apply"
    late = approve(deploy, "sam", plan_id, "still fine by me")
    assert late.code == 0, late.stderr
    assert late.doc["approvals"]["rejected_by"] == ["sue"]
    assert late.doc["approvals"]["satisfied"] is False
    text = as_(deploy, "sam", "approve", plan_id, "--reason", "again")
    assert "vetoed by sue: it cannot be applied" in text.stdout
    # a new approval of the vetoed plan could never count: refused, naming the rejection
    refused = approve(deploy, "sid", plan_id, "overruling the veto")
    assert refused.code == 6, refused.stderr
    assert refused.doc["error"]["message"] == (
        f"plan {plan_id} was rejected by sue: freeze for the incident; a rejection vetoes the "
        "plan for its whole life and an approval cannot override it: plan again for a new plan")
    assert approval_events(deploy) == [("approval.approved", "sam"), ("approval.rejected", "sue")]


def test_the_requester_may_withdraw_their_own_plan(deploy: Project) -> None:
    """A rejection by the requester withdraws the plan: it can only stop a change, so the
    four-eyes rule (no self-approval, approvers only) does not stand in its way; the apply is
    then vetoed as by anyone's rejection, and an approval of the withdrawn plan refused."""
    write_policy(deploy, PROD_APPROVAL)
    _, plan_id = save_plan(deploy, "rita", "--environment", "prod")
    withdrawn = as_(deploy, "rita", "reject", plan_id, "--reason", "wrong replica count",
                    "--format", "json")
    assert withdrawn.code == 0, withdrawn.stderr
    assert (withdrawn.doc["decision"], withdrawn.doc["actor"]) == ("rejected", "rita")
    assert approve(deploy, "sam", plan_id).code == 6
    vetoed = as_(deploy, "rita", "apply", "--plan", "plan.json", "--format", "json")
    assert vetoed.code == 6
    assert f"plan {plan_id} was rejected by rita: wrong replica count" in \
        vetoed.doc["error"]["message"]
    assert effects(deploy) == []
    assert approval_events(deploy) == [("approval.rejected", "rita")]
    # someone who neither requested the plan nor may approve it still may not veto it
    _, other = save_plan(deploy, "rita", "--environment", "prod", out="other.json")
    outsider = as_(deploy, "mallory", "reject", other, "--reason", "no", "--format", "json")
    assert outsider.code == 6
    assert "mallory is not an approver" in outsider.doc["error"]["message"]


FREEZE_RULE = """rules:
  - name: incident-freeze
    match: {environment: prod}
    decision: deny
    reason: incident freeze"""


def test_a_plan_the_policy_denies_for_now_can_still_be_vetoed(deploy: Project) -> None:
    """A freeze (a deny rule) starts after the plan was saved: the plan cannot be approved
    meanwhile, but a rejection is recorded, so the plan stays vetoed once the freeze ends
    (was: refused, "an approval cannot override a denial", and the plan applicable again
    after the freeze)."""
    write_policy(deploy, PROD_APPROVAL)
    _, plan_id = save_plan(deploy, "rita", "--environment", "prod")
    assert approve(deploy, "sam", plan_id).code == 0
    write_policy(deploy, PROD_APPROVAL.replace("rules:", FREEZE_RULE))
    vetoed = as_(deploy, "sue", "reject", plan_id, "--reason", "not after the incident",
                 "--format", "json")
    assert vetoed.code == 0, vetoed.stderr
    assert vetoed.doc["decision"] == "rejected"
    write_policy(deploy, PROD_APPROVAL)  # the freeze is over
    applied = as_(deploy, "rita", "apply", "--plan", "plan.json", "--format", "json")
    assert applied.code == 6
    assert f"plan {plan_id} was rejected by sue: not after the incident" in \
        applied.doc["error"]["message"]
    assert effects(deploy) == []


def test_a_rejection_recorded_while_the_plan_passes_the_gate_still_vetoes_it(
        deploy: Project) -> None:
    """A rejection committed after the apply's gate counted the approvals, before the apply
    claimed the plan, stops the apply: nothing applied, exit 6 naming the veto."""
    write_policy(deploy, PROD_APPROVAL)
    _, plan_id = save_plan(deploy, "rita", "--environment", "prod")
    assert approve(deploy, "sam", plan_id).code == 0
    with paused_before(deploy, "opsctl.engine.run:claim_plan", "apply", "--plan",
                       "plan.json", "--format", "json", env=env_of(deploy, "rita")) as applying:
        rejected = as_(deploy, "sue", "reject", plan_id, "--reason", "incident", "--format", "json")
        assert rejected.code == 0, rejected.stderr
    out, err = applying.communicate(timeout=120)
    assert applying.returncode == 6, err
    doc = json.loads(out)
    assert doc["status"] == "denied"
    assert f"plan {plan_id} was rejected by sue: incident" in doc["error"]["message"]
    assert effects(deploy) == []
    kinds = [e["kind"] for e in audit(deploy)]
    assert "plan.claimed" not in kinds and "action.applied" not in kinds
    assert as_(deploy, "auditor", "audit", "verify").code == 0


def test_a_rejection_of_a_plan_applied_while_it_was_decided_is_refused(deploy: Project) -> None:
    """A plan claimed and applied between a reject's first look and its record is refused as
    applied (exit 3), with nothing recorded: no rejection on record that vetoed nothing."""
    write_policy(deploy, PROD_APPROVAL)
    _, plan_id = save_plan(deploy, "rita", "--environment", "prod")
    assert approve(deploy, "sam", plan_id).code == 0
    with paused_before(deploy, "opsctl.governance.plan_decisions:governance_for", "reject",
                       plan_id, "--reason", "incident", env=env_of(deploy, "sue")) as rejecting:
        applied = as_(deploy, "rita", "apply", "--plan", "plan.json", "--format", "json")
        assert applied.code == 0, applied.stderr
    _, err = rejecting.communicate(timeout=120)
    assert rejecting.returncode == 3, err
    assert f"plan {plan_id} was already applied by run {applied.doc['run_id']}" in err
    assert effects(deploy) == ["create prod/web-0"]
    assert approval_events(deploy) == [("approval.approved", "sam")]
    assert as_(deploy, "auditor", "audit", "verify").code == 0


def test_a_rejection_of_a_plan_being_applied_says_to_follow_its_run(deploy: Project) -> None:
    """The run of a claimed plan is still going: a late rejection is refused, exit 3, and
    points at following that run, not at resuming it (its process carries it out)."""
    write_policy(deploy, PROD_APPROVAL)
    _, plan_id = save_plan(deploy, "rita", "--environment", "prod")
    assert approve(deploy, "sam", plan_id).code == 0
    with paused_before(deploy, "opsctl.engine.run:_apply", "apply", "--plan", "plan.json",
                       env=env_of(deploy, "rita")) as applying:
        run_id = next(r["id"] for r in runs(deploy) if r["status"] == "running")
        late = as_(deploy, "sue", "reject", plan_id, "--reason", "incident")
        assert late.code == 3, late.stderr
        assert f"plan {plan_id} was already applied by run {run_id} (running)" in late.stderr
        assert f"`opsctl wait {run_id}` follows it, or `opsctl resume {run_id}` finishes it " \
            "if its process is gone" in late.stderr
    applying.communicate(timeout=120)
    assert applying.returncode == 0
    assert approval_events(deploy) == [("approval.approved", "sam")]


def test_a_rejection_does_not_lapse_with_the_approval_ttl(deploy: Project) -> None:
    """A veto holds for the plan's whole life: once approval_ttl has passed, a fresh approval
    by someone else still does not unlock a rejected plan."""
    write_policy(deploy, PROD_APPROVAL.replace("approvers: sre",
                                               "approvers: sre\n    approval_ttl: 1s"))
    _, plan_id = save_plan(deploy, "rita", "--environment", "prod")
    rejected = as_(deploy, "sue", "reject", plan_id, "--reason", "not during the incident")
    assert rejected.code == 0
    assert f"sue rejected plan {plan_id}" in rejected.stdout
    assert "a rejection does not expire" in rejected.stdout and "valid until" not in rejected.stdout
    time.sleep(1.1)
    late = approve(deploy, "sam", plan_id)
    assert late.code == 6, late.stderr
    assert f"plan {plan_id} was rejected by sue: not during the incident" in \
        late.doc["error"]["message"]
    assert approval_events(deploy) == [("approval.rejected", "sue")]
    vetoed = as_(deploy, "rita", "apply", "--plan", "plan.json", "--format", "json")
    assert vetoed.code == 6
    assert f"plan {plan_id} was rejected by sue: not during the incident" in \
        vetoed.doc["error"]["message"]
    assert effects(deploy) == []


def test_a_rejection_reason_reaches_console_logs_as_text_not_terminal_commands(
        deploy: Project) -> None:
    """A reason is typed by a teammate; whoever applies the plan later reads it in the denial,
    on a terminal: its escape sequences are shown, never sent to that terminal."""
    write_policy(deploy, PROD_APPROVAL)
    _, plan_id = save_plan(deploy, "rita", "--environment", "prod")
    sneaky = "no\x1b[2J\x1b]0;title\x07\rall approved"
    assert as_(deploy, "sue", "reject", plan_id, "--reason", sneaky).code == 0
    vetoed = as_(deploy, "rita", "apply", "--plan", "plan.json", "--log-format", "console")
    assert vetoed.code == 6
    assert "run.finished" in vetoed.stderr
    for stream in (vetoed.stdout, vetoed.stderr):
        assert "\x1b" not in stream and "\x07" not in stream and "\r" not in stream
    assert "no\\x1b[2J\\x1b]0;title\\x07\\x0dall approved" in vetoed.stderr


def test_show_artifacts_gives_each_decision_one_line_whatever_its_reason_holds(
        deploy: Project) -> None:
    """A reviewer reading `show --artifacts` sees every decision on its own line: a reason
    cannot add a line that looks like another approval, nor command the terminal."""
    write_policy(deploy, PROD_APPROVAL)
    plan_run, plan_id = save_plan(deploy, "rita", "--environment", "prod")
    forged = "wait\napproved by sam at 2026-01-01T00:00:00+00:00: fine\x1b[2J"
    assert as_(deploy, "sue", "reject", plan_id, "--reason", forged).code == 0
    shown = as_(deploy, "auditor", "show", plan_run, "--artifacts")
    assert shown.code == 0, shown.stderr
    decisions = [line for line in shown.stdout.splitlines()
                 if line.startswith(("approved by", "rejected by"))]
    assert len(decisions) == 1 and decisions[0].startswith("rejected by sue at ")
    assert decisions[0].endswith(": wait approved by sam at 2026-01-01T00:00:00+00:00: "
                                 "fine\\x1b[2J")
    assert "\x1b" not in shown.stdout


def test_a_policy_file_beside_a_policy_table_is_refused(deploy: Project) -> None:
    """Two policies, one of them silently ignored, would be worse than none: exit 2, as for
    policy_file and a [policy] table."""
    write_policy(deploy, "version: 1\ndefault: deny\n")
    with open(deploy.root / "opsctl.toml", "a") as fh:
        fh.write('\n[policy]\nversion = 1\ndefault = "allow"\n')
    for args in (["deploy"], ["policy", "check", "deploy"]):
        refused = as_(deploy, "rita", *args)
        assert refused.code == 2, refused.stderr
        assert "and a [policy] table are configured; keep one" in refused.stderr
    assert effects(deploy) == []


def test_show_artifacts_as_text_shows_the_request(deploy: Project) -> None:
    ran = as_(deploy, "rita", "deploy", "--count", "2", "--format", "json")
    assert ran.code == 0, ran.stderr
    shown = as_(deploy, "auditor", "show", ran.doc["run_id"], "--artifacts")
    assert shown.code == 0, shown.stderr
    assert 'request {"count": 2, ' in shown.stdout
    assert "audit events (" in shown.stdout


def test_a_policy_file_that_is_a_directory_is_named_so(deploy: Project) -> None:
    (deploy.root / "policies").mkdir()
    config = deploy.root / "opsctl.toml"
    config.write_text('policy_file = "policies"\n' + config.read_text())
    refused = as_(deploy, "rita", "policy", "check", "deploy")
    assert refused.code == 2, refused.stderr
    assert f"policy file {deploy.root / 'policies'} is a directory, not a file" in refused.stderr


@pytest.mark.parametrize("kind", ["directory", "link-to-nothing", "link-loop"])
def test_a_default_policy_yaml_that_cannot_be_read_is_an_error_not_ignored(
        deploy: Project, kind: str) -> None:
    """policy.yaml beside opsctl.toml as a folder, a link to a file not there (a mount that
    failed) or a loop of links: exit 2 naming it, nothing run (was: no policy at all, every
    automation allowed unchecked); reading runs goes on."""
    policy = deploy.root / "policy.yaml"
    if kind == "directory":
        policy.mkdir()
        needle = "is a directory, not a file"
    elif kind == "link-to-nothing":
        policy.symlink_to(deploy.root / "mounted" / "policy.yaml")
        needle = f"is a link to {deploy.root / 'mounted' / 'policy.yaml'}, which does not exist"
    else:
        policy.symlink_to("policy.yaml")
        needle = "cannot be read: Too many levels of symbolic links"
    for args in (["deploy", "--environment", "staging"], ["deploy", "--dry-run"],
                 ["policy", "check", "deploy"]):
        refused = as_(deploy, "rita", *args)
        assert refused.code == 2, refused.stderr
        assert f"policy file {policy} {needle} (beside opsctl.toml)" in refused.stderr
    assert effects(deploy) == []
    assert as_(deploy, "auditor", "runs").code == 0


def test_a_signal_stops_policy_check_while_it_plans(deploy: Project) -> None:
    deploy.add_module("deploy_auto", DEPLOY.replace(
        "def plan(ctx, req):\n", "def plan(ctx, req):\n    import pathlib, time\n"
        "    pathlib.Path('planning').write_text('')\n    time.sleep(120)\n"))
    proc = subprocess.Popen([OPSCTL, "policy", "check", "deploy"], cwd=deploy.root,
                            env=env_of(deploy, "rita"), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    # once it plans (a fixed pause could end before a loaded machine got there)
    deadline = time.monotonic() + 60
    while not (deploy.root / "planning").exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the check never began to plan"
        time.sleep(0.02)
    began = time.monotonic()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=90)
    assert time.monotonic() - began < 30  # not the plan's 120 s
    assert proc.returncode == 130, err
    assert "interrupted while planning: nothing was checked" in err


def test_a_policy_file_that_does_not_parse_stops_only_what_evaluates_it(
        deploy: Project) -> None:
    """Reading runs, tokens and the audit trail needs only the permissions; planning and
    applying refuse (exit 2) before anything is recorded."""
    assert as_(deploy, "rita", "deploy", "--environment", "staging", "-q").code == 0

    def runs() -> int:
        listed = as_(deploy, "rita", "runs", "--format", "json")
        assert listed.code == 0, listed.stderr
        return len(listed.doc["runs"])

    before = runs()
    (deploy.root / "policy.yaml").write_text("version: 1\nrules: [\n")

    for args in (["runs"], ["audit", "verify"], ["token", "list"], ["locks"]):
        assert as_(deploy, "rita", *args).code == 0, args
    for args in (["deploy", "--environment", "staging", "--dry-run"],
                 ["plan", "deploy", "--environment", "staging"],
                 ["deploy", "--environment", "staging"]):
        refused = as_(deploy, "rita", *args)
        assert refused.code == 2, args
        assert "policy.yaml: invalid YAML" in refused.stderr
    assert runs() == before


def test_approval_of_one_saved_plan_does_not_unlock_another_of_the_same_request(
        deploy: Project) -> None:
    write_policy(deploy, PROD_APPROVAL)
    _, approved = save_plan(deploy, "rita", "--environment", "prod", out="a.json")
    _, other = save_plan(deploy, "rita", "--environment", "prod", out="b.json")
    assert approved != other
    assert approve(deploy, "sam", approved).code == 0
    refused = as_(deploy, "rita", "apply", "--plan", "b.json", "--format", "json")
    assert refused.code == 6
    assert refused.doc["error"]["type"] == "approval_required"
    assert f"plan {other} has 0 of 1" in refused.doc["error"]["message"]
    assert effects(deploy) == []
    applied = as_(deploy, "rita", "apply", "--plan", "a.json", "--format", "json")
    assert applied.code == 0
    assert applied.doc["artifacts"]["plan_id"] == approved
    assert effects(deploy) == ["create prod/web-0"]


def test_approved_plan_gone_stale_is_refused_with_exit_3(deploy: Project) -> None:
    write_policy(deploy, PROD_APPROVAL)
    _, plan_id = save_plan(deploy, "rita", "--environment", "prod", "--count", "2")
    assert approve(deploy, "sam", plan_id).code == 0
    (deploy.root / "effects.log").write_text("create prod/web-1\n")  # someone else did half
    stale = as_(deploy, "rita", "apply", "--plan", "plan.json", "--format", "json")
    assert stale.code == 3
    assert "stale" in stale.doc["error"]["message"]
    assert effects(deploy) == ["create prod/web-1"]
    events = audit(deploy)
    assert [e["kind"] for e in events if e["run_id"] == stale.doc["run_id"]] == [
        "request.received", "lock.acquired", "plan.created", "run.finished"]
    assert "action.applied" not in [e["kind"] for e in events]


@pytest.mark.parametrize("finish", [["apply", "--plan", "plan.json"], ["resume", "RUN_ID"]],
                         ids=["apply-the-plan-again", "resume"])
@pytest.mark.parametrize(("new_action", "code", "expected"), [
    pytest.param(False, 0, ["create prod/web-0", "create prod/web-1"], id="same-plan-finishes"),
    pytest.param(True, 3, ["create prod/web-0"], id="unapproved-action-refused"),
])
def test_resuming_an_approved_plan_applies_only_its_approved_actions(
        deploy: Project, finish: list[str], new_action: bool, code: int,
        expected: list[str]) -> None:
    write_policy(deploy, PROD_APPROVAL)
    _, plan_id = save_plan(deploy, "rita", "--environment", "prod", "--count", "2",
                           "--fail-on", "web-1")
    assert approve(deploy, "sam", plan_id).code == 0
    partial = as_(deploy, "rita", "apply", "--plan", "plan.json", "--format", "json")
    assert partial.code == 5, partial.stderr
    assert effects(deploy) == ["create prod/web-0"]
    # the code changes since: web-1 now applies, and (maybe) the plan holds one action more
    fixed = DEPLOY.replace("if action.id == req.fail_on:", "if False:")
    if new_action:
        fixed = fixed.replace(
            "    for i in range(req.deletes):",
            "    if 'delete prod/db' not in effects():\n"
            "        yield Action(id='drop-db', kind='delete', target=f'{req.environment}/db',"
            " reason='never approved')\n"
            "    for i in range(req.deletes):")
    deploy.add_module("deploy_auto", fixed)
    args = [partial.doc["run_id"] if a == "RUN_ID" else a for a in finish]
    resumed = as_(deploy, "rita", *args, "--format", "json")
    assert resumed.code == code, resumed.stderr
    assert effects(deploy) == expected
    if new_action:
        assert resumed.doc["error"]["type"] == "validation"
        assert "the saved plan does not hold as approved: drop-db" in resumed.doc["error"]["message"]


def test_a_saved_plans_run_resumed_twice_is_still_that_plans_run(deploy: Project) -> None:
    write_policy(deploy, PROD_APPROVAL)
    _, plan_id = save_plan(deploy, "rita", "--environment", "prod", "--count", "2",
                           "--fail-on", "web-1")
    assert approve(deploy, "sam", plan_id).code == 0
    partial = as_(deploy, "rita", "apply", "--plan", "plan.json", "--format", "json")
    assert partial.code == 5, partial.stderr
    run_id = partial.doc["run_id"]
    again = as_(deploy, "rita", "resume", run_id, "--format", "json")
    assert again.code == 5, again.stderr  # web-1 still refuses
    assert stored(deploy, f"SELECT plan_id FROM runs WHERE id = '{run_id}'") == [(plan_id,)]
    deploy.add_module("deploy_auto", DEPLOY.replace("if action.id == req.fail_on:", "if False:"))
    finished = as_(deploy, "rita", "resume", run_id, "--format", "json")
    assert finished.code == 0, finished.stderr
    assert (finished.doc["run_id"], finished.doc["status"]) == (run_id, "succeeded")
    assert finished.doc["artifacts"]["approvals"]["approved_by"] == ["sam"]
    assert effects(deploy) == ["create prod/web-0", "create prod/web-1"]


def test_approval_expires_after_the_rules_ttl(deploy: Project) -> None:
    write_policy(deploy, PROD_APPROVAL.replace("approvers: sre",
                                               "approvers: sre\n    approval_ttl: 1s"))
    _, plan_id = save_plan(deploy, "rita", "--environment", "prod")
    approved = approve(deploy, "sam", plan_id)
    assert approved.code == 0
    granted = datetime.fromisoformat(approved.doc["created_at"])
    assert datetime.fromisoformat(approved.doc["expires_at"]) - granted == timedelta(seconds=1)
    time.sleep(1.1)
    late = as_(deploy, "rita", "apply", "--plan", "plan.json", "--format", "json")
    assert late.code == 6
    assert late.doc["error"]["type"] == "approval_required"
    assert "sam: approval expired at" in late.doc["error"]["message"]
    assert effects(deploy) == []
    # approving again does not pretend: the expired approval is not renewed in place
    again = approve(deploy, "sam", plan_id)
    assert again.code == 3
    assert "sam's approval of plan" in again.stderr and "expired at" in again.stderr
    assert "approve the new plan" in again.stderr


def test_an_approval_older_than_a_tightened_approval_ttl_no_longer_counts(
        deploy: Project) -> None:
    """The rule deciding at apply time says how long approvals stay valid: one granted under
    a longer approval_ttl stops counting once it is older than the new one, as an approver
    dropped from the rule stops counting."""
    write_policy(deploy, PROD_APPROVAL)
    _, plan_id = save_plan(deploy, "rita", "--environment", "prod")
    approved = approve(deploy, "sam", plan_id)
    assert approved.code == 0, approved.stderr
    write_policy(deploy, PROD_APPROVAL.replace("approvers: sre",
                                               "approvers: sre\n    approval_ttl: 1s"))
    time.sleep(1.1)
    late = as_(deploy, "rita", "apply", "--plan", "plan.json", "--format", "json")
    assert late.code == 6, late.stderr
    assert late.doc["error"]["type"] == "approval_required"
    assert "sam: approval granted at" in late.doc["error"]["message"]
    assert "older than the approval_ttl of rule" in late.doc["error"]["message"]
    assert effects(deploy) == []


def test_an_approval_ttl_past_year_9999_approves_until_the_end_of_time(deploy: Project) -> None:
    """`approval_ttl: 3000000d` (over 8,000 years) is a valid duration: the approval is
    recorded valid until the last moment a time can name (was: exit 1, an OverflowError)."""
    write_policy(deploy, PROD_APPROVAL.replace("approvers: sre",
                                               "approvers: sre\n    approval_ttl: 3000000d"))
    _, plan_id = save_plan(deploy, "rita", "--environment", "prod")
    approved = approve(deploy, "sam", plan_id)
    assert approved.code == 0, approved.stderr
    assert approved.doc["expires_at"].startswith("9999-12-31T23:59:59")
    applied = as_(deploy, "rita", "apply", "--plan", "plan.json", "--format", "json")
    assert applied.code == 0, applied.stderr
    assert effects(deploy) == ["create prod/web-0"]


# -- freeze windows ------------------------------------------------------------------------

INSIDE = "is inside freeze[0] (fri 17:00-24:00 Europe/Berlin)"
OUTSIDE = "is outside every freeze window"


@pytest.mark.parametrize(
    ("at", "code", "detail"),
    [
        pytest.param("2026-01-02T17:30:00+01:00", 6, f"fri 2026-01-02 17:30 Europe/Berlin {INSIDE}",
                     id="friday-17:30-berlin-offset"),
        pytest.param("2026-01-02T16:30:00Z", 6, f"fri 2026-01-02 17:30 Europe/Berlin {INSIDE}",
                     id="same-instant-in-utc"),
        pytest.param("2026-01-02T11:30:00-05:00", 6, f"fri 2026-01-02 17:30 Europe/Berlin {INSIDE}",
                     id="same-instant-in-new-york"),
        pytest.param("2026-01-02T16:00:00Z", 6, f"fri 2026-01-02 17:00 Europe/Berlin {INSIDE}",
                     id="opening-minute-is-inside"),
        pytest.param("2026-01-02T16:59:59+01:00", 0, OUTSIDE, id="minute-before-opening"),
        pytest.param("2026-01-02T23:30:00Z", 0, OUTSIDE, id="still-friday-in-utc-not-in-berlin"),
        pytest.param("2026-07-03T15:30:00Z", 6, f"fri 2026-07-03 17:30 Europe/Berlin {INSIDE}",
                     id="summer-time-shifts-the-utc-hour"),
        pytest.param("2026-07-03T16:30:00+01:00", 6, f"fri 2026-07-03 17:30 Europe/Berlin {INSIDE}",
                     id="summer-instant-in-winter-offset"),
    ],
)
def test_freeze_window_is_evaluated_in_its_own_time_zone(
        deploy: Project, at: str, code: int, detail: str) -> None:
    write_policy(deploy, FRIDAY_EVENING_FREEZE)
    checked = as_(deploy, "rita", "policy", "check", "deploy", "--environment", "prod",
                  "--at", at, "--format", "json")
    assert checked.code == code, checked.stderr
    assert datetime.fromisoformat(checked.doc["at"]) == datetime.fromisoformat(at)
    decision = checked.doc["decision"]
    assert (decision["effect"], decision["rule"]) == (
        ("deny", "friday-evening-freeze") if code else ("allow", "default"))
    [freeze] = [c for c in decision["explain"][0]["conditions"] if c["condition"] == "freeze"]
    assert freeze["holds"] is bool(code)
    assert detail in freeze["detail"]


@pytest.mark.parametrize("at", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00",
                                "9999-12-31T12:00:00Z"],
                         ids=["before-year-1-in-utc", "after-9999-in-utc", "last-day"])
def test_a_time_at_the_ends_of_time_is_refused_exit_2(deploy: Project, at: str) -> None:
    """`--at` whose instant no window's zone can show is a usage error (was: exit 1, an
    OverflowError converting it)."""
    write_policy(deploy, FRIDAY_EVENING_FREEZE)
    checked = as_(deploy, "rita", "policy", "check", "deploy", "--environment", "prod",
                  "--at", at)
    assert checked.code == 2, checked.stderr
    assert f"--at {at!r} is out of range" in checked.stderr
    assert "Traceback" not in checked.stderr and "internal error" not in checked.stderr


@pytest.mark.parametrize(
    ("days", "code", "applied"),
    [
        pytest.param((-1, 1), 6, [], id="window-around-now-denies"),
        pytest.param((2, 3), 0, ["create prod/web-0"], id="window-later-allows"),
    ],
)
def test_freeze_window_applies_to_the_current_time(
        deploy: Project, days: tuple[int, int], code: int, applied: list[str]) -> None:
    today = datetime.now(UTC).date()
    first, last = (today + timedelta(days=d) for d in days)
    write_policy(deploy, f"""
        version: 1
        rules:
          - name: release-freeze
            match:
              freeze: {{timezone: UTC, from: "{first}", until: "{last}"}}
            decision: deny
            reason: release freeze from {first} to {last}
        """)
    result = as_(deploy, "rita", "deploy", "--environment", "prod", "--format", "json")
    assert result.code == code, result.stderr
    assert result.doc["policy"]["effect"] == ("deny" if code else "allow")
    if code:
        assert result.doc["error"]["message"] == (
            f"denied by policy rule 'release-freeze': release freeze from {first} to {last}")
    assert effects(deploy) == applied
    [row] = runs(deploy)
    assert row["status"] == ("denied" if code else "succeeded")


# -- permissions ---------------------------------------------------------------------------

ROLES = """
[[permissions.grants]]
role = "viewer"
to = ["vic", "auditor"]

[[permissions.grants]]
role = "planner"
to = ["pat"]

[[permissions.grants]]
role = "operator"
to = ["olga"]
environments = ["staging", "dev-*"]

[[permissions.grants]]
role = "operator"
to = ["otto"]
automations = ["cleanup-*"]

[[permissions.grants]]
role = "approver"
to = ["ann"]

[[permissions.grants]]
role = "admin"
to = ["ada"]
"""


@pytest.mark.parametrize(
    ("actor", "args", "code", "denied"),
    [
        pytest.param("pat", ["plan", "deploy"], 10, None, id="planner-plans"),
        pytest.param("pat", ["deploy", "--dry-run"], 10, None, id="planner-dry-runs"),
        pytest.param("pat", ["policy", "check", "deploy"], 0, None, id="planner-checks-policy"),
        pytest.param("vic", ["plan", "deploy"], 6, "plan", id="viewer-may-not-plan"),
        pytest.param("pat", ["deploy"], 6, "apply", id="planner-may-not-apply"),
        pytest.param("olga", ["deploy", "--environment", "dev-eu"], 0, None,
                     id="operator-applies-in-granted-environment"),
        pytest.param("olga", ["deploy", "--environment", "prod"], 6, "apply",
                     id="operator-may-not-apply-elsewhere"),
        pytest.param("otto", ["deploy"], 6, "apply", id="operator-of-other-automations"),
        pytest.param("ann", ["deploy"], 6, "apply", id="approver-may-not-apply"),
        pytest.param("ada", ["deploy", "--environment", "prod"], 0, None, id="admin-applies"),
        pytest.param("vic", ["runs"], 0, None, id="viewer-lists-runs"),
        pytest.param("vic", ["audit", "verify"], 0, None, id="viewer-verifies-audit"),
        pytest.param("nobody", ["runs"], 6, "view", id="stranger-may-not-list-runs"),
        pytest.param("nobody", ["audit", "verify"], 6, "view", id="stranger-may-not-verify-audit"),
        pytest.param("nobody", ["audit", "export"], 6, "view", id="stranger-may-not-export-audit"),
        pytest.param("vic", ["locks"], 0, None, id="viewer-lists-locks"),
        pytest.param("nobody", ["locks"], 6, "view", id="stranger-may-not-list-locks"),
        pytest.param("olga", ["locks", "break", "deploy/environment=staging", "--reason", "stuck"],
                     6, "admin", id="operator-may-not-break-locks"),
        pytest.param("ada", ["locks", "break", "deploy/environment=staging", "--reason", "stuck"],
                     2, None, id="admin-may-break-locks"),
    ],
)
def test_roles_gate_each_command(deploy: Project, actor: str, args: list[str], code: int,
                                 denied: str | None) -> None:
    deploy.write_config(ROLES)
    result = as_(deploy, actor, *args)
    assert result.code == code, result.stderr
    if code == 6:
        assert f"actor {actor} may not" in result.stderr
        assert "needs role" in result.stderr
    if code == 2:  # past the role check: there is just no lock to break
        assert "no lock held" in result.stderr
    refusals = [(who, json.loads(payload)["permission"]) for who, payload in stored(
        deploy, "SELECT actor, payload_json FROM audit_events WHERE kind = 'permission.denied'")]
    assert refusals == ([(actor, denied)] if denied else [])
    if code != 0 or args[0] != "deploy":
        assert effects(deploy) == []


def test_changing_a_schedule_needs_the_apply_permission_on_its_target(deploy: Project) -> None:
    """A schedule applies its automation on a calendar, as the scheduler's actor: adding,
    pausing, resuming or removing one needs what applying it needs, in its environment."""
    deploy.write_config(ROLES)
    (deploy.root / "prod.json").write_text('{"environment": "prod"}')
    add = ("schedule", "add", "--automation", "deploy", "--cron", "0 3 * * *")
    for actor in ("nobody", "vic", "olga"):  # a stranger, a viewer, an operator of staging
        refused = as_(deploy, actor, *add, "--request", "prod.json", "prod-nightly")
        assert refused.code == 6, refused.stderr
        assert f"actor {actor} may not apply deploy in environment prod" in refused.stderr
    assert as_(deploy, "olga", *add, "nightly").code == 0  # staging, the default, is hers
    assert as_(deploy, "ada", *add, "--request", "prod.json", "prod-nightly").code == 0
    for command in ("pause", "resume", "remove"):
        assert as_(deploy, "vic", "schedule", command, "nightly").code == 6
        assert as_(deploy, "olga", "schedule", command, "prod-nightly").code == 6
    assert as_(deploy, "olga", "schedule", "pause", "nightly").code == 0
    assert as_(deploy, "olga", "schedule", "remove", "nightly").code == 0
    listed = as_(deploy, "ada", "schedule", "list", "--format", "json")
    assert [row["name"] for row in json.loads(listed.stdout)] == ["prod-nightly"]
    refusals = [json.loads(payload)["permission"] for (payload,) in stored(
        deploy, "SELECT payload_json FROM audit_events WHERE kind = 'permission.denied'")]
    assert refusals == ["apply"] * 9


def test_schedules_are_shown_to_viewers_of_their_environment(deploy: Project) -> None:
    """`schedule list` shows the schedules whose automation and environment the actor may
    view, `schedule next` one of them; a stranger sees none (exit 6)."""
    deploy.write_config(ROLES + '\n[[permissions.grants]]\nrole = "viewer"\nto = ["stella"]\n'
                        'environments = ["staging"]\n')
    (deploy.root / "prod.json").write_text('{"environment": "prod"}')
    add = ("schedule", "add", "--automation", "deploy", "--cron", "0 3 * * *")
    assert as_(deploy, "ada", *add, "nightly").code == 0
    assert as_(deploy, "ada", *add, "--request", "prod.json", "prod-nightly").code == 0
    for actor, shown in (("vic", ["nightly", "prod-nightly"]), ("stella", ["nightly"])):
        listed = as_(deploy, actor, "schedule", "list", "--format", "json")
        assert listed.code == 0, listed.stderr
        assert [row["name"] for row in json.loads(listed.stdout)] == shown
    assert as_(deploy, "stella", "schedule", "next", "nightly").code == 0
    hidden = as_(deploy, "stella", "schedule", "next", "prod-nightly")
    assert hidden.code == 6 and "may not view deploy in environment prod" in hidden.stderr
    stranger = as_(deploy, "nobody", "schedule", "list")
    assert stranger.code == 6 and "nightly" not in stranger.stdout + stranger.stderr


def test_grants_scoped_to_an_environment_cover_its_runs_and_its_locks(deploy: Project) -> None:
    """A viewer of staging sees staging's runs (`runs`, `show`), not prod's; an admin of prod
    may break prod's lock, not staging's (the scope names the environment)."""
    deploy.write_config(ROLES + '\n[[permissions.grants]]\nrole = "viewer"\nto = ["stella"]\n'
                        'environments = ["staging"]\n\n[[permissions.grants]]\nrole = "admin"\n'
                        'to = ["pam"]\nenvironments = ["prod"]\n')
    staging = as_(deploy, "ada", "deploy", "--environment", "staging", "--format", "json")
    prod = as_(deploy, "ada", "deploy", "--environment", "prod", "--format", "json")
    assert staging.code == 0 and prod.code == 0
    for command in ("show", "wait"):
        assert as_(deploy, "stella", command, staging.doc["run_id"]).code == 0
        hidden = as_(deploy, "stella", command, prod.doc["run_id"])
        assert hidden.code == 6 and "actor stella may not view deploy in environment prod" in \
            hidden.stderr
    listed = as_(deploy, "stella", "runs", "--format", "json")
    assert listed.code == 0, listed.stderr
    assert [r["id"] for r in listed.doc["runs"]] == [staging.doc["run_id"]]
    assert [r["id"] for r in as_(deploy, "stella", "runs", "--automation", "deploy",
                                 "--format", "json").doc["runs"]] == [staging.doc["run_id"]]
    past_role = as_(deploy, "pam", "locks", "break", "deploy/environment=prod", "--reason", "x")
    assert past_role.code == 2 and "no lock held" in past_role.stderr
    elsewhere = as_(deploy, "pam", "locks", "break", "deploy/environment=staging",
                    "--reason", "x")
    assert elsewhere.code == 6 and "actor pam may not administer deploy" in elsewhere.stderr
    assert as_(deploy, "nobody", "runs").code == 6


def test_resume_asks_for_the_apply_permission_before_saying_anything_of_the_run(
        deploy: Project) -> None:
    """As `cancel` does: an actor who may not apply the run's automation in its environment
    is refused (exit 6, audited), not told the status of a run it may not even view."""
    deploy.write_config(ROLES)
    prod = as_(deploy, "ada", "deploy", "--environment", "prod", "--format", "json")
    assert prod.code == 0, prod.stderr
    for actor in ("nobody", "vic", "olga"):
        refused = as_(deploy, actor, "resume", prod.doc["run_id"])
        assert refused.code == 6, refused.stderr
        assert f"actor {actor} may not apply deploy in environment prod" in refused.stderr
        assert "succeeded" not in refused.stderr
    refusals = [(who, json.loads(payload)["permission"]) for who, payload in stored(
        deploy, "SELECT actor, payload_json FROM audit_events WHERE kind = 'permission.denied'")]
    assert refusals == [("nobody", "apply"), ("vic", "apply"), ("olga", "apply")]
    finished = as_(deploy, "ada", "resume", prod.doc["run_id"])
    assert finished.code == 2 and "succeeded: nothing to resume" in finished.stderr


def test_apply_plan_asks_for_the_apply_permission_before_reading_the_store(
        deploy: Project, tmp_path: Path) -> None:
    """A caller who may not apply a saved plan hears that (exit 6, audited): not which run
    applied it, and a plan made against another store is not saved into this one."""
    deploy.write_config(ROLES)
    key = {"OPSCTL_PLAN_SIGNING_KEY": "k" * 43}
    made = as_(deploy, "ada", "plan", "deploy", "--environment", "prod", "--out", "plan.json",
               **key)
    assert made.code == 10, made.stderr
    assert as_(deploy, "ada", "apply", "--plan", "plan.json", **key).code == 0
    for actor in ("nobody", "olga"):
        refused = as_(deploy, actor, "apply", "--plan", "plan.json", **key)
        assert refused.code == 6, refused.stderr
        assert f"actor {actor} may not apply deploy in environment prod" in refused.stderr
        assert "already applied" not in refused.stderr

    elsewhere = {**key, "OPSCTL_STORE_URL": f"sqlite:///{tmp_path}/other.db"}
    refused = as_(deploy, "olga", "apply", "--plan", "plan.json", **elsewhere)
    assert refused.code == 6, refused.stderr
    with sqlite3.connect(tmp_path / "other.db") as other:
        assert other.execute("SELECT COUNT(*) FROM plans").fetchone() == (0,)
        assert other.execute("SELECT COUNT(*) FROM runs").fetchone() == (0,)


def test_an_environment_scoped_viewer_gets_full_pages_and_cursors_over_its_runs(
        deploy: Project) -> None:
    """`runs --limit N` for a viewer of staging only: N of its runs a page, read past the prod
    runs between them, with cursors that page on and back over staging's runs alone."""
    deploy.write_config(ROLES + '\n[[permissions.grants]]\nrole = "viewer"\nto = ["stella"]\n'
                        'environments = ["staging"]\n')
    staging = []
    for environment in ("staging", "prod", "prod", "staging", "prod", "prod", "staging",
                        "prod", "staging"):
        ran = as_(deploy, "ada", "deploy", "--environment", environment, "--format", "json")
        assert ran.code == 0, ran.stderr
        if environment == "staging":
            staging.append(ran.doc["run_id"])
    newest_first = staging[::-1]
    first = as_(deploy, "stella", "runs", "--limit", "2", "--format", "json")
    assert first.code == 0, first.stderr
    assert [r["id"] for r in first.doc["runs"]] == newest_first[:2]
    assert first.doc["next_before"] is None
    second = as_(deploy, "stella", "runs", "--limit", "2", "--after", first.doc["next_after"],
                 "--format", "json")
    assert [r["id"] for r in second.doc["runs"]] == newest_first[2:]
    assert second.doc["next_after"] is None  # only prod runs are older
    back = as_(deploy, "stella", "runs", "--limit", "2", "--before", second.doc["next_before"],
               "--format", "json")
    assert [r["id"] for r in back.doc["runs"]] == newest_first[:2]
    assert back.doc["next_before"] is None  # only prod runs are newer, if any


def test_show_needs_the_viewer_role(deploy: Project) -> None:
    deploy.write_config(ROLES)
    applied = as_(deploy, "ada", "deploy", "--format", "json")
    assert applied.code == 0
    shown = as_(deploy, "vic", "show", applied.doc["run_id"], "--artifacts", "--format", "json")
    assert shown.code == 0
    assert shown.doc["artifacts"]["result"]["status"] == "succeeded"
    hidden = as_(deploy, "nobody", "show", applied.doc["run_id"], "--format", "json")
    assert hidden.code == 6
    assert hidden.doc["error"]["type"] == "policy_denied"
    assert "actor nobody may not view deploy" in hidden.doc["error"]["message"]


def test_list_and_describe_need_the_viewer_role(deploy: Project) -> None:
    """`view` covers list and describe too: an actor without it is refused (audited); one
    whose grants cover some automations, in some environment, sees those."""
    deploy.write_config(ROLES)
    for args in (["list"], ["describe", "deploy"]):
        hidden = as_(deploy, "nobody", *args, "--format", "json")
        assert hidden.code == 6, (args, hidden.stdout)
        assert "actor nobody may not view" in hidden.stderr
    scoped_to_staging = as_(deploy, "olga", "list", "--format", "json")
    assert scoped_to_staging.code == 0, scoped_to_staging.stderr
    assert [a["name"] for a in json.loads(scoped_to_staging.stdout)["automations"]] == ["deploy"]
    assert as_(deploy, "olga", "describe", "deploy", "--format", "json").code == 0
    assert as_(deploy, "otto", "describe", "deploy").code == 6  # cleanup-* only
    unknown = as_(deploy, "nobody", "describe", "nope")
    assert unknown.code == 2 and "unknown automation 'nope'" in unknown.stderr
    denials = [json.loads(p)["automation"] for (p,) in stored(
        deploy, "SELECT payload_json FROM audit_events WHERE kind = 'permission.denied'")]
    assert denials == ["*", "deploy", "deploy"]


def test_approving_needs_the_approver_role_even_when_the_policy_names_the_actor(
        deploy: Project) -> None:
    deploy.write_config(ROLES)
    write_policy(deploy, PROD_APPROVAL.replace("approvers: sre", "approvers: [ann, pat]"))
    plan_run, plan_id = save_plan(deploy, "ada", "--environment", "prod")
    refused = approve(deploy, "pat", plan_id)
    assert refused.code == 6
    assert "actor pat may not approve deploy in environment prod" in refused.doc["error"]["message"]
    granted = approve(deploy, "ann", plan_id)
    assert granted.code == 0, granted.stderr
    assert as_(deploy, "ada", "apply", "--plan", "plan.json").code == 0
    assert effects(deploy) == ["create prod/web-0"]
    assert [a["actor"] for a in artifacts(deploy, plan_run, actor="ada")["approvals"]] == ["ann"]


def test_grant_to_a_group_covers_its_members(deploy: Project) -> None:
    deploy.write_config('[groups]\nsre = ["sam"]\n' + """
        [[permissions.grants]]
        role = "operator"
        to = ["olga", "group:sre"]
        """)
    member = as_(deploy, "sam", "deploy", "--format", "json")
    assert member.code == 0, member.stderr
    outsider = as_(deploy, "vic", "deploy", "--format", "json")
    assert outsider.code == 6
    assert effects(deploy) == ["create staging/web-0"]


def test_every_permission_denial_is_audited(deploy: Project) -> None:
    deploy.write_config(ROLES)
    write_policy(deploy, PROD_APPROVAL)
    plan_run, plan_id = save_plan(deploy, "ada", "--environment", "prod")
    refused = [
        ("nobody", ["runs"]), ("nobody", ["show", plan_run]), ("nobody", ["audit", "verify"]),
        ("nobody", ["audit", "export"]),
        ("vic", ["locks", "break", "deploy/environment=prod", "--reason", "stuck"]),
        ("pat", ["approve", plan_id, "--reason", "ok"]), ("pat", ["reject", plan_id, "--reason", "no"]),
    ]
    for actor, args in refused:
        assert as_(deploy, actor, *args).code == 6
    denials = [e["actor"] for e in audit(deploy, actor="ada") if e["kind"] == "permission.denied"]
    assert denials == [actor for actor, _ in refused]


def test_a_refused_jsonl_audit_export_puts_no_line_in_the_export(deploy: Project) -> None:
    """`opsctl audit export > audit.jsonl` refused: the error is on stderr, and the file a log
    sink reads holds no result document posing as an event; one asked for with -o json."""
    deploy.write_config(ROLES)
    refused = as_(deploy, "nobody", "audit", "export")
    assert refused.code == 6
    assert refused.stdout == ""
    assert "opsctl: error: actor nobody may not view" in refused.stderr
    as_json = as_(deploy, "nobody", "-o", "json", "audit", "export")
    assert as_json.code == 6
    assert json.loads(as_json.stdout)["status"] == "denied"


# -- the audit trail -----------------------------------------------------------------------

def test_audit_trail_is_an_ordered_hash_chain_and_filters_by_run(deploy: Project) -> None:
    write_policy(deploy, PROD_APPROVAL)
    good = as_(deploy, "rita", "deploy", "--count", "2", "--format", "json")
    assert good.code == 0
    failed = as_(deploy, "rita", "deploy", "--environment", "dev", "--count", "2",
                 "--fail-on", "web-1", "--format", "json")
    assert failed.code == 5, failed.stderr
    verified = as_(deploy, "auditor", "audit", "verify", "--format", "json")
    assert verified.code == 0
    events = audit(deploy)
    assert verified.doc == {"ok": True, "events": len(events), "first_bad_seq": None,
                            "first_bad_id": None, "problem": None,
                            "head_hash": events[-1]["hash"], "mismatches": [],
                            "from_seq": 0, "from_hash": "0" * 64, "warnings": []}
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert [e["prev_hash"] for e in events] == [GENESIS] + [e["hash"] for e in events[:-1]]
    for event in events:
        assert set(event) == {"seq", "id", "at", "kind", "run_id", "plan_id", "actor", "payload",
                              "prev_hash", "hash"}
        content = {k: event[k] for k in event if k not in ("prev_hash", "hash")}
        canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        assert hashlib.sha256((event["prev_hash"] + canonical).encode()).hexdigest() == event["hash"]
    mine = audit(deploy, "--run", failed.doc["run_id"])
    assert [e["kind"] for e in mine] == ["request.received", "lock.acquired", "plan.created",
                                         "policy.decision", "action.applied", "action.failed",
                                         "run.finished"]
    assert {e["run_id"] for e in mine} == {failed.doc["run_id"]}
    assert mine[-1]["payload"]["exit_code"] == 5
    assert mine == [e for e in events if e["run_id"] == failed.doc["run_id"]]


def _edit_payload(conn: Any) -> None:
    sql(conn, "UPDATE audit_events SET payload_json = "
              "replace(payload_json, '\"actions\":2', '\"actions\":1') WHERE seq = 3")


def _delete_event(conn: Any) -> None:
    sql(conn, "DELETE FROM audit_events WHERE seq = 3")


def _insert_forged_event(conn: Any) -> None:
    """Append an event with a correct hash after the newest, as someone with database access
    (but not opsctl) would; the audit head stays where it was."""
    seq, prev = sql(conn, "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")[0]
    content = {"seq": seq + 1, "id": "evt_forged", "at": datetime.now(UTC).isoformat(),
               "kind": "approval.approved", "run_id": None, "plan_id": None, "actor": "sam",
               "payload": {"reason": "trust me"}}
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    digest = hashlib.sha256((prev + canonical).encode()).hexdigest()
    sql(conn, "INSERT INTO audit_events (seq, id, at, kind, run_id, plan_id, actor, payload_json, "
              "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (seq + 1, "evt_forged", content["at"], content["kind"], None, None, "sam",
         '{"reason":"trust me"}', prev, digest))


def _swap_events_2_and_3(conn: Any) -> None:
    sql(conn, "UPDATE audit_events SET seq = -1 WHERE seq = 2")
    sql(conn, "UPDATE audit_events SET seq = 2 WHERE seq = 3")
    sql(conn, "UPDATE audit_events SET seq = 3 WHERE seq = -1")


@pytest.mark.parametrize(
    ("tamper", "first_bad", "problem"),
    [
        pytest.param(_edit_payload, "event 3 (", "hash does not match its content (edited?)",
                     id="edit-payload"),
        pytest.param(_delete_event, "event 4 (", "follows event 2 (event 3 missing: deleted?)",
                     id="delete-event"),
        pytest.param(_insert_forged_event, "event 7 (evt_forged)",
                     "lies beyond the audit head at event 6", id="insert-forged-event"),
        pytest.param(_swap_events_2_and_3, "event 2 (", "prev_hash does not match event 1's hash",
                     id="swap-two-events"),
    ],
)
def test_tampering_with_the_audit_table_is_detected(
        deploy: Project, tamper: Any, first_bad: str, problem: str) -> None:
    assert as_(deploy, "rita", "deploy", "--count", "2").code == 0
    before = as_(deploy, "auditor", "audit", "verify", "--format", "json")
    assert (before.code, before.doc["ok"], before.doc["events"]) == (0, True, 6)
    with database(deploy) as conn:
        tamper(conn)
    for _ in range(2):  # verifying again finds the same first bad event
        broken = as_(deploy, "auditor", "audit", "verify", "--format", "json")
        assert broken.code == 3
        message = broken.doc["error"]["message"]
        assert message.startswith(f"audit trail is not intact: {first_bad}")
        assert problem in message
    assert effects(deploy) == ["create staging/web-0", "create staging/web-1"]


def test_audit_verify_since_starts_from_the_checkpoint_of_the_last_verify(
        deploy: Project) -> None:
    assert as_(deploy, "rita", "deploy", "--count", "2").code == 0
    full = as_(deploy, "auditor", "audit", "verify", "--format", "json")
    assert (full.code, full.doc["from_seq"]) == (0, 0)
    head = full.doc["events"]
    assert as_(deploy, "rita", "deploy", "--count", "3").code == 0
    since = as_(deploy, "auditor", "audit", "verify", "--since", str(head), "--format", "json")
    assert since.code == 0, since.stderr
    assert (since.doc["from_seq"], since.doc["from_hash"]) == (head, full.doc["head_hash"])
    text = as_(deploy, "auditor", "audit", "verify", "--since", str(head))
    assert text.code == 0
    assert f"from checkpoint event {head} ({full.doc['head_hash']})" in text.stdout
    before_any = as_(deploy, "auditor", "audit", "verify", "--since", "1")
    assert before_any.code == 0, before_any.stderr
    assert "from event 1 (no checkpoint at or before event 1)" in before_any.stdout
    with database(deploy) as conn:  # before the checkpoints: only a full verify looks there
        sql(conn, "UPDATE audit_events SET payload_json = '{}' WHERE seq = 2")
    assert as_(deploy, "auditor", "audit", "verify", "--since", str(head)).code == 0
    assert as_(deploy, "auditor", "audit", "verify").code == 3
    assert as_(deploy, "rita", "deploy", "--count", "1").code == 0
    with database(deploy) as conn:  # after the newest checkpoint: --since finds it
        sql(conn, f"UPDATE audit_events SET payload_json = '{{}}' WHERE seq = {head + 2}")
    broken = as_(deploy, "auditor", "audit", "verify", "--since", str(head), "--format", "json")
    assert broken.code == 3
    assert broken.doc["error"]["message"].startswith(
        f"audit trail is not intact: event {head + 2} (")
    beyond = as_(deploy, "auditor", "audit", "verify", "--since", "100000")
    assert beyond.code == 2 and "--since 100000: the audit trail's head is event" in beyond.stderr


# -- secrets -------------------------------------------------------------------------------

def test_secret_never_reaches_the_audit_trail_artifacts_or_database(
        backend_project: Project) -> None:
    project = backend_project
    project.add_module("rotate_auto", ROTATE)
    write_policy(project, PROD_APPROVAL)
    secret = {"OPSCTL_SECRET_TOKEN": SECRET_CANARY}
    outputs: list[str] = []
    planned = as_(project, "rita", "plan", "rotate", "--out", "plan.json", "--format", "json",
                  "-v", **secret)
    assert planned.code == 10, planned.stderr
    outputs += [planned.stdout, planned.stderr, (project.root / "plan.json").read_text()]
    plan_id = planned.doc["artifacts"]["plan_id"]
    approved = approve(project, "sam", plan_id, "rotation is due")
    assert approved.code == 0
    applied = as_(project, "rita", "apply", "--plan", "plan.json", "--format", "json", "-v",
                  **secret)
    assert applied.code == 0, applied.stderr
    assert effects(project) == ["update prod/api-token"]  # apply had the real secret
    outputs += [approved.stdout, approved.stderr, applied.stdout, applied.stderr]
    exported = as_(project, "auditor", "audit", "export")
    assert exported.code == 0
    assert "approval.approved" in exported.stdout
    outputs += [exported.stdout]
    for run_id in (planned.doc["run_id"], applied.doc["run_id"]):
        shown = as_(project, "auditor", "show", run_id, "--artifacts", "--format", "json")
        assert shown.code == 0
        assert shown.doc["artifacts"]["plan"]["plan_id"] == plan_id
        outputs += [shown.stdout, shown.stderr]
    # the raw bytes of everything opsctl keeps locally: the SQLite file and its -wal, the cache
    files = [p.read_bytes().decode("latin-1") for p in (project.root / ".opsctl").iterdir()
             if p.is_file()]
    with database(project) as conn:
        if isinstance(conn, sqlite3.Connection):
            tables = [r[0] for r in sql(conn, "SELECT name FROM sqlite_master WHERE type = 'table'")]
            dump = "\n".join(conn.iterdump())
        else:
            tables = [r[0] for r in sql(conn, "SELECT table_name FROM information_schema.tables "
                                        "WHERE table_schema = current_schema()")]
            dump = "\n".join(str(row) for table in tables
                             for row in sql(conn, f'SELECT t::text FROM "{table}" t'))
    assert {"audit_events", "approvals", "plans", "runs", "actions"} <= set(tables)
    assert "rotation is due" in dump and plan_id in dump  # the dump is really of this store
    for text in [*outputs, dump, *files]:
        assert SECRET_CANARY not in text


ALIASED = '''
from pydantic import BaseModel, ConfigDict, Field
from opsctl import Action, Automation

class Where(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    data_center: str = Field("fra1", alias="dataCenter")

class Request(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    target_host: str = Field("web-1", alias="targetHost")
    deploy_env: str = Field("staging", alias="deployEnv")
    where: Where = Where()

aliased = Automation("aliased", version="1.0.0", owner="o", summary="Aliased fields",
                     request=Request)

@aliased.plan
def plan(ctx, req):
    yield Action(id="a", kind="update", target=req.target_host, reason="r")

@aliased.apply
def apply(ctx, req, action):
    return None
'''

ALIAS_POLICY = """
version: 1
rules:
  - name: no-database-hosts
    match: {request: {targetHost: [db-1, db-2]}}
    decision: deny
    reason: database hosts are changed by their own runbook
  - name: no-frankfurt-in-prod
    match:
      environment_field: deployEnv
      environment: prod
      request: {where.dataCenter: fra1}
    decision: deny
    reason: fra1 is frozen in prod
"""


@pytest.mark.parametrize(("flags", "rule"), [
    pytest.param(["--target-host", "db-1"], "no-database-hosts", id="top-level-alias"),
    pytest.param(["--deploy-env", "prod"], "no-frankfurt-in-prod", id="nested-alias"),
])
def test_a_rule_written_with_the_aliases_the_schema_shows_matches(
        project: Project, flags: list[str], rule: str) -> None:
    """The request schema shows a field's alias; a rule written from it must match (it was
    skipped without a word: the request is kept by field name)."""
    project.add_module("aliased_mod", ALIASED)
    write_policy(project, ALIAS_POLICY)
    schema = project.run("schema", "aliased", expect_json=True)
    assert "targetHost" in schema.stdout
    denied = project.run("aliased", *flags, "--format", "json")
    assert denied.code == 6, denied.stderr
    assert denied.doc["policy"]["rule"] == rule
    allowed = project.run("aliased", "--target-host", "web-2", "--format", "json")
    assert allowed.code == 0, allowed.stderr


FIELDS = '''
from pydantic import BaseModel
from opsctl import Action, Automation, Secret

class Where(BaseModel):
    region: str = "eu-west-1"

class Request(BaseModel):
    environment: str = "staging"
    where: Where = Where()
    hosts: list[str] = ["web-1"]
    api_token: Secret | None = None
    labels: dict[str, str] = {}

fields = Automation("fields", version="1.0.0", owner="o", summary="Fields", request=Request)

@fields.plan
def plan(ctx, req):
    yield Action(id="a", kind="update", target=req.where.region, reason="r")

@fields.apply
def apply(ctx, req, action):
    return None
'''


@pytest.mark.parametrize(("match", "message"), [
    pytest.param("{automation: fields, request: {regoin: eu-west-1}}",
                  "match.request.regoin: automation 'fields' has no request field 'regoin' "
                  "(fields: api_token, environment, hosts, labels, where)", id="misspelt-field"),
    pytest.param("{automation: fields, request: {where.regoin: eu-west-1}}",
                  "match.request.where.regoin: automation 'fields' has no request field "
                  "'regoin' in where (fields: region)", id="misspelt-nested-field"),
    pytest.param("{automation: fields, environment_field: env, environment: prod}",
                  "match.environment_field: automation 'fields' has no request field 'env'",
                  id="misspelt-environment-field"),
    pytest.param("{request: {api_token: s3cr3t}}",
                  "match.request.api_token: request field 'api_token' of automation 'fields' "
                  "is a secret", id="secret-field"),
    pytest.param("{automation: 'f*', request: {hosts: web-1}}",
                  "match.request.hosts: request field 'hosts' of automation 'fields' is a list",
                  id="list-field"),
])
def test_a_deny_rule_that_can_never_hold_for_the_automation_is_an_error_not_a_pass(
        project: Project, match: str, message: str) -> None:
    """A condition on a misspelt, secret or list field never held, so a deny rule on it denied
    nothing without a word: planning the automation it names is a configuration error (exit 2)
    naming the rule and the path, and nothing is recorded."""
    project.add_module("fields_mod", FIELDS)
    write_policy(project, f"version: 1\nrules:\n  - name: guard\n    match: {match}\n"
                          "    decision: deny\n")
    for argv in (["fields", "--dry-run"], ["fields"], ["policy", "check", "fields"]):
        result = project.run(*argv)
        assert result.code == 2, (argv, result.stdout, result.stderr)
        assert "rule 'guard': " + message in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert project.run("runs", "--format", "json", expect_json=True).doc["runs"] == []


@pytest.mark.parametrize("match", [
    pytest.param("{automation: 'other-*', request: {regoin: x}}", id="rule-of-another-automation"),
    pytest.param("{request: {region: eu-west-1}}", id="field-other-automations-have"),
    pytest.param("{automation: 'f*', request: {region: x}}", id="glob-covering-several"),
    pytest.param("{automation: fields, not_environment: [prod]}", id="documented-allow-list"),
    pytest.param("{automation: fields, request: {labels.team: sre}}", id="key-of-a-mapping"),
    pytest.param("{automation: fields, request: {where.region: eu-west-1}}", id="nested-field"),
])
def test_a_condition_that_can_hold_or_scopes_the_rule_is_not_an_error(
        project: Project, match: str) -> None:
    project.add_module("fields_mod", FIELDS)
    write_policy(project, f"version: 1\nrules:\n  - name: guard\n    match: {match}\n"
                          "    decision: require_approval\n    approvers: [carol]\n")
    result = project.run("fields", "--dry-run")
    assert result.code == 10, result.stderr  # changes planned
