"""Saved plans refuse to apply when edited, expired, stale or already applied; secrets never leak."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest

from tests.conftest import Project, clean_env, paused_before, validate_result
from tests.e2e.test_cli_core import COUNTER, counts

CANARY = "canary-7f3a9e-s3cr3t"
CONFIG_CANARY = "cfg-canary-51d0-pw"

LEAKY = '''
from pydantic import BaseModel, ConfigDict
from opsctl import Action, Automation, Secret

class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    token: Secret

leaky = Automation("leaky", version="1.0.0", owner="o", summary="Tries hard to leak its secret",
                   request=Request)

@leaky.plan
def plan(ctx, req):
    token = req.token.get_secret_value()
    ctx.log.info("planning with token", token=token, db=ctx.secrets.get("db"))
    yield Action(id="use-token", kind="update", target=f"svc/{req.name}",
                 reason=f"rotate from {token}", data={"token": token}, before=token, after="new")

@leaky.apply
def apply(ctx, req, action):
    token = req.token.get_secret_value()
    assert action.data["token"] == token, "apply must receive the real secret"
    ctx.log.info("applying", token=token)
    with open("applied.txt", "w") as fh:
        fh.write("done")
    raise RuntimeError(f"remote said no to {token} and {ctx.secrets['db']}")
'''


@pytest.fixture
def counter(project: Project) -> Project:
    project.add_module("counter_auto", COUNTER)
    return project


def plan_to(project: Project, *extra: str, env: dict[str, str] | None = None) -> dict:
    r = project.run("plan", "counter", "--environment", "staging", "--out", "plan.json",
                    "--format", "json", *extra, env=env)
    assert r.code == 10
    return json.loads((project.root / "plan.json").read_text())


def test_saved_plan_document_carries_contract_and_signature(counter: Project) -> None:
    doc = plan_to(counter)
    assert doc["schema"] == "opsctl.plan/v1"
    assert (doc["automation"], doc["contract_version"]) == ("counter", "1.2.0")
    assert doc["request"]["environment"] == "staging"
    assert [a["id"] for a in doc["actions"]] == ["t-a", "t-b", "t-c"]
    assert doc["fingerprint"].startswith("sha256:")
    assert doc["signature"].startswith("hmac-sha256:")
    assert doc["expires_at"] > doc["created_at"]


def test_saved_plan_applies_exactly_once(counter: Project) -> None:
    doc = plan_to(counter)
    r = counter.run("apply", "--plan", "plan.json", "--format", "json")
    assert r.code == 0
    assert r.doc["plan"]["fingerprint"] == doc["fingerprint"]
    assert counts(counter) == {"a": 1, "b": 1, "c": 1}
    again = counter.run("apply", "--plan", "plan.json", "--format", "json")
    assert again.code == 3
    assert "already applied" in again.doc["error"]["message"]
    assert counts(counter) == {"a": 1, "b": 1, "c": 1}


@pytest.mark.parametrize("refusal", ["applied", "expired"])
def test_a_signed_plan_refused_before_its_run_reports_what_it_is_a_plan_of(
        counter: Project, refusal: str) -> None:
    """A plan that verifies but is refused before a run exists (already applied, expired)
    still names its automation, request and actor in the result document, as any refusal
    of a valid request does; only the refused attempt's run is missing."""
    env = counter.env({"OPSCTL_PLAN_TTL": "1s"} if refusal == "expired" else None)
    plan_to(counter, env=env)
    if refusal == "applied":
        assert counter.run("apply", "--plan", "plan.json").code == 0
    else:
        time.sleep(1.1)
    r = counter.run("apply", "--plan", "plan.json", "--format", "json",
                    env=counter.env({"OPSCTL_ACTOR": "rita"}))
    assert r.code == 3, r.stderr
    validate_result(r.doc)
    assert refusal in r.doc["error"]["message"]
    assert r.doc["run_id"] is None
    assert (r.doc["automation"], r.doc["contract_version"], r.doc["actor"]) == (
        "counter", "1.2.0", "rita")
    assert r.doc["request"]["environment"] == "staging"


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda d: d["actions"].pop(), id="action-removed"),
        pytest.param(lambda d: d["request"].update(environment="prod"), id="request-changed"),
        pytest.param(lambda d: d.update(expires_at="2999-01-01T00:00:00+00:00"), id="expiry-extended"),
        pytest.param(lambda d: d["actions"][0].update(target="/etc/passwd"), id="target-changed"),
        pytest.param(lambda d: d.update(signature="hmac-sha256:" + "0" * 64), id="signature-forged"),
    ],
)
def test_edited_plan_is_refused_with_exit_3(counter: Project, edit) -> None:
    doc = plan_to(counter)
    edit(doc)
    (counter.root / "plan.json").write_text(json.dumps(doc))
    r = counter.run("apply", "--plan", "plan.json", "--format", "json")
    assert r.code == 3
    assert "signature does not match" in r.doc["error"]["message"]
    assert counts(counter) == {}
    assert counts(counter, "prod") == {}


def test_a_plan_applied_before_another_apply_takes_the_scope_is_refused_as_applied(
        counter: Project) -> None:
    """Two `apply --plan` of one plan, the second past its first look at the plan when the
    first applies it: once the scope is free, the second says the plan was applied (exit 3),
    not that it is stale, whether or not it was told to wait for the lock."""
    plan_to(counter)
    with paused_before(counter, "opsctl.engine.locks:acquire_lease", "apply", "--plan",
                       "plan.json", "--format", "json") as late:
        first = counter.run("apply", "--plan", "plan.json", "--format", "json")
        assert first.code == 0, first.stderr
    out, err = late.communicate(timeout=120)
    assert late.returncode == 3, err
    doc = json.loads(out)
    assert f"was already applied by run {first.doc['run_id']}" in doc["error"]["message"]
    assert counts(counter) == {"a": 1, "b": 1, "c": 1}


def test_truncated_plan_file_is_not_a_plan_document_exit_2(counter: Project) -> None:
    plan_to(counter)
    text = (counter.root / "plan.json").read_text()
    (counter.root / "plan.json").write_text(text[: len(text) // 2])
    r = counter.run("apply", "--plan", "plan.json")
    assert r.code == 2
    assert "not a plan document (invalid JSON" in r.stderr
    assert counts(counter) == {}


def test_plan_signed_with_another_key_is_refused(counter: Project) -> None:
    plan_to(counter)
    (counter.root / ".opsctl" / "plan-signing.key").write_text("another-key")
    r = counter.run("apply", "--plan", "plan.json")
    assert r.code == 3
    assert "signature does not match" in r.stderr


def test_expired_plan_is_refused_with_exit_3(counter: Project) -> None:
    env = clean_env(counter.root / ".home", {"OPSCTL_PLAN_TTL": "1s"})  # the shortest allowed
    plan_to(counter, env=env)
    time.sleep(1.1)
    r = counter.run("apply", "--plan", "plan.json", "--format", "json")
    assert r.code == 3
    assert "expired" in r.doc["error"]["message"]
    assert counts(counter) == {}


def test_stale_plan_is_refused_with_exit_3(counter: Project) -> None:
    plan_to(counter)
    target = counter.root / "state" / "staging"
    target.mkdir(parents=True)
    (target / "b").write_text("5")  # the world changed since planning
    r = counter.run("apply", "--plan", "plan.json", "--format", "json")
    assert r.code == 3
    assert "stale" in r.doc["error"]["message"]
    assert counts(counter) == {"b": 5}


def test_plan_of_changed_contract_version_is_stale(counter: Project) -> None:
    plan_to(counter)
    module = counter.root / "counter_auto.py"
    module.write_text(module.read_text().replace('version="1.2.0"', 'version="1.3.0"'))
    r = counter.run("apply", "--plan", "plan.json")
    assert r.code == 3
    assert "1.3.0" in r.stderr
    assert counts(counter) == {}


@pytest.mark.parametrize(("change", "code"), [("contract-version", 3), ("automation-gone", 2)])
def test_a_plan_carried_to_another_store_and_refused_there_records_nothing_there(
        counter: Project, tmp_path: Path, change: str, code: int) -> None:
    """A plan refused on its way in (made by another contract version, of an automation this
    project does not have) leaves the store it was carried to as it was: no saved plan."""
    shared_key = {"OPSCTL_PLAN_SIGNING_KEY": "a-key-both-machines-share-0123456789"}
    plan_to(counter, env=counter.env(shared_key))
    if change == "contract-version":
        module = counter.root / "counter_auto.py"
        module.write_text(module.read_text().replace('version="1.2.0"', 'version="1.3.0"'))
    else:
        counter.modules.clear()
        counter.write_config()
    elsewhere = tmp_path / "elsewhere"
    r = counter.run("apply", "--plan", "plan.json",
                    env=counter.env({**shared_key, "OPSCTL_STATE_DIR": str(elsewhere)}))
    assert r.code == code, r.stderr
    if (elsewhere / "state.db").exists():
        with sqlite3.connect(elsewhere / "state.db") as conn:
            assert conn.execute("SELECT id FROM plans").fetchall() == []
    assert counts(counter) == {}


def test_not_a_plan_file_exits_2(counter: Project) -> None:
    (counter.root / "other.json").write_text(json.dumps({"hello": "world"}))
    r = counter.run("apply", "--plan", "other.json")
    assert r.code == 2
    assert "not an opsctl plan document" in r.stderr
    r = counter.run("apply", "--plan", "missing.json")
    assert r.code == 2


def test_secret_canary_appears_nowhere(project: Project) -> None:
    project.add_module("leaky_auto", LEAKY)
    project.write_config("[secrets]\ndb = 'env:DB_PASSWORD'\n")
    env = clean_env(project.root / ".home", {"OPSCTL_SECRET_TOKEN": CANARY,
                                             "DB_PASSWORD": CONFIG_CANARY})
    outputs = []
    planned = project.run("plan", "leaky", "--name", "api", "--out", "plan.json", "--format", "json",
                          "-v", env=env)
    assert planned.code == 10
    outputs += [planned.stdout, planned.stderr]
    assert planned.doc["request"]["token"] == "***"
    plan_text = (project.root / "plan.json").read_text()
    applied = project.run("apply", "--plan", "plan.json", "--format", "json", "-v", env=env)
    assert applied.code == 1, applied.stderr
    assert (project.root / "applied.txt").exists()  # apply ran with the real secret
    outputs += [applied.stdout, applied.stderr]
    flag = project.run("leaky", "--name", "api", "--token", CANARY, "--format", "json", env=env)
    outputs += [flag.stdout, flag.stderr]
    shown = project.run("show", applied.doc["run_id"], "--format", "json", env=env, expect_json=True)
    outputs += [shown.stdout, shown.stderr]
    config = project.run("config", "show", env=env)
    outputs += [config.stdout, config.stderr]
    with sqlite3.connect(project.db) as conn:
        dump = "\n".join(conn.iterdump())
    catalog = (project.root / ".opsctl" / "catalog.cache").read_bytes().decode("latin-1")
    for text in [*outputs, plan_text, dump, catalog]:
        assert CANARY not in text
        assert CONFIG_CANARY not in text
    assert "***" in applied.doc["error"]["message"]


def test_a_secret_digest_is_never_a_plan_signature(project: Project) -> None:
    """A secret field is kept as a keyed digest with the plan-signing key, and a plan is
    signed with the same key: a secret chosen to be the canonical text of a plan must not
    come back, in a plan file anyone may read, as that plan's signature (a plan forged
    without the key, naming any requester and any expiry)."""
    from opsctl.contract.canonical import canonical_json

    project.add_module("leaky_auto", LEAKY)
    project.add_module("counter_auto", COUNTER)
    env = project.env({"OPSCTL_ACTOR": "carol"})
    wanted = project.run("plan", "counter", "--environment", "staging", "--out", "real.json",
                         "--format", "json", env=env)
    assert wanted.code == 10, wanted.stderr
    body = {k: v for k, v in json.loads((project.root / "real.json").read_text()).items()
            if k != "signature"}
    body.update(plan_id="plan_01M99000000000000000000000", created_by="dave",
                expires_at="2999-01-01T00:00:00+00:00")
    oracle = project.run("plan", "leaky", "--name", "api", "--out", "oracle.json", "--format",
                         "json", env={**env, "OPSCTL_SECRET_TOKEN": canonical_json(body)})
    assert oracle.code == 10, oracle.stderr
    digest = json.loads((project.root / "oracle.json").read_text())["request"]["token"]
    (project.root / "forged.json").write_text(json.dumps({**body, "signature": digest["$secret"]}))

    forged = project.run("apply", "--plan", "forged.json", "--format", "json", env=env)

    assert forged.code == 3, forged.stderr
    assert "plan signature does not match" in forged.doc["error"]["message"]
    assert counts(project) == {}
    # an ordinary secret keeps the digest it always had: plans and queued runs saved before
    # still find their secret
    import hashlib
    import hmac

    key = (project.root / ".opsctl" / "plan-signing.key").read_bytes().strip()
    again = project.run("plan", "leaky", "--name", "api", "--out", "plain.json", "--format",
                        "json", env={**env, "OPSCTL_SECRET_TOKEN": CANARY})
    assert again.code == 10, again.stderr
    assert json.loads((project.root / "plain.json").read_text())["request"]["token"] == {
        "$secret": "hmac-sha256:" + hmac.new(key, CANARY.encode(), hashlib.sha256).hexdigest()}


KEY_READER = '''
from pathlib import Path
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    pass

share_key = Automation("share-key", version="1.0.0", owner="o", summary="Copies the key",
                       request=Request)

@share_key.plan
def plan(ctx, req):
    key = Path(".opsctl/plan-signing.key").read_text().strip()
    yield Action(id="copy", kind="update", target="peer/plan-signing.key", reason=f"copy {key}")

@share_key.apply
def apply(ctx, req, action):
    pass
'''


@pytest.mark.parametrize("given", ["plan_signing_key", "key-file"])
def test_the_plan_signing_key_is_masked_when_it_is_given_as_plan_signing_key(
        project: Project, given: str) -> None:
    """As SECURITY.md says: the key given as ``plan_signing_key`` is a secret, masked by value
    like the others; the key file opsctl makes is read only to sign and check plans, so what an
    automation reads from it is shown as it reads it."""
    project.add_module("key_reader_auto", KEY_READER)
    key = "9c1f0e3d5b7a2c4e6f8091a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2"
    (project.root / ".opsctl").mkdir(mode=0o700)
    (project.root / ".opsctl" / "plan-signing.key").write_text(key)
    (project.root / ".opsctl" / "plan-signing.key").chmod(0o600)
    env = project.env({"OPSCTL_PLAN_SIGNING_KEY": key} if given == "plan_signing_key" else {})

    planned = project.run("plan", "share-key", "--out", "plan.json", "--format", "json", env=env)

    assert planned.code == 10, planned.stderr
    [action] = planned.doc["plan"]["actions"]
    plan_text = (project.root / "plan.json").read_text()
    if given == "plan_signing_key":
        assert action["reason"] == "copy ***"
        assert key not in planned.stdout + planned.stderr + plan_text
    else:
        assert action["reason"] == f"copy {key}"


@pytest.mark.parametrize("given", ["flag", "environment"])
def test_an_idempotency_key_holding_a_secret_is_refused_and_recorded_nowhere(
        project: Project, given: str) -> None:
    """Keys are stored and compared as they are, so a key holding the value of a Secret field
    or a named secret is refused (exit 2) before anything is recorded."""
    project.add_module("leaky_auto", LEAKY)
    project.write_config("[secrets]\ndb = 'env:DB_PASSWORD'\n")
    outputs = []
    for key in (f"deploy-{CANARY}", f"{CONFIG_CANARY}:deploy"):
        env = clean_env(project.root / ".home", {"OPSCTL_SECRET_TOKEN": CANARY,
                                                 "DB_PASSWORD": CONFIG_CANARY})
        args = ["leaky", "--name", "api", "--format", "json"]
        if given == "flag":
            args += ["--idempotency-key", key]
        else:
            env["OPSCTL_IDEMPOTENCY_KEY"] = key
        refused = project.run(*args, env=env)
        assert refused.code == 2, refused.stderr
        assert "holds a secret value" in refused.doc["error"]["message"]
        assert refused.doc["run_id"] is None
        outputs += [refused.stdout, refused.stderr]
    assert not (project.root / "applied.txt").exists()
    listed = project.run("runs", "--format", "json", env=env)
    assert listed.code == 0 and listed.doc["runs"] == [], listed.stdout
    stored = b"".join(p.read_bytes() for p in project.db.parent.glob("state.db*"))
    for text in [*outputs, stored.decode("latin-1")]:
        assert CANARY not in text
        assert CONFIG_CANARY not in text


ECHO = '''
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    name: str

echo = Automation("echo-name", version="1.0.0", owner="o", summary="One action per name",
                  request=Request)

@echo.plan
def plan(ctx, req):
    yield Action(id="touch", kind="update", target="names", reason="record it",
                 data={"name": req.name})

@echo.apply
def apply(ctx, req, action):
    with open("applied.txt", "w") as fh:
        fh.write(req.name)
'''


@pytest.mark.parametrize("where", ["request", "actor"])
def test_a_plan_to_save_holding_a_secret_is_refused_before_it_is_made(
        project: Project, where: str) -> None:
    """The store keeps a saved plan with secrets masked, so a plan whose request or actor
    holds a named secret's value would never match its signature (neither approved nor
    applied): exit 2, no run, no plan file, no saved plan."""
    project.add_module("echo_auto", ECHO)
    project.write_config("[secrets]\ndb = 'env:DB_PASSWORD'\n")
    env = clean_env(project.root / ".home", {"DB_PASSWORD": CONFIG_CANARY})
    name = f"api-{CONFIG_CANARY}" if where == "request" else "api"
    if where == "actor":
        env["OPSCTL_ACTOR"] = f"ci-{CONFIG_CANARY}"

    refused = project.run("plan", "echo-name", "--name", name, "--out", "plan.json",
                          "--format", "json", env=env)

    assert refused.code == 2, refused.stderr
    message = refused.doc["error"]["message"]
    assert ("request field 'name'" if where == "request" else "the actor 'ci-***'") in message
    assert "could never be approved or applied" in message
    assert refused.doc["run_id"] is None
    assert CONFIG_CANARY not in refused.stdout + refused.stderr
    assert not (project.root / "plan.json").exists()
    listed = project.run("runs", "--format", "json", env=env)
    assert listed.code == 0 and listed.doc["runs"] == [], listed.stdout
    with sqlite3.connect(project.db) as db:
        assert db.execute("SELECT count(*) FROM plans").fetchone() == (0,)
    # the same request without a saved plan is applied as given
    applied = project.run("echo-name", "--name", name, "--yes", "--format", "json", env=env)
    assert applied.code == 0, applied.stderr
    assert (project.root / "applied.txt").read_text() == name


def test_resuming_a_run_whose_request_held_a_named_secret_says_so_and_how_to_finish_it(
        counter: Project) -> None:
    """The run recorded its request masked, so it cannot be resumed from that record; the
    refusal says why and that the same command finishes it (was: 'the request model changed
    without a new contract version')."""
    counter.write_config("[secrets]\ndb = 'env:DB_PASSWORD'\n")
    env = clean_env(counter.root / ".home", {"DB_PASSWORD": CONFIG_CANARY})
    partial = counter.run("counter", "--environment", "staging", "--targets", "a", "--targets",
                          "b", "--fail-on", "b", "--fail-on", f"x-{CONFIG_CANARY}", "--yes",
                          "--format", "json", env=env)
    assert partial.code == 5, partial.stderr
    run_id = partial.doc["run_id"]

    resumed = counter.run("resume", run_id, "--yes", "--format", "json", env=env)

    assert resumed.code == 3, resumed.stderr
    assert resumed.doc["error"]["message"] == (
        f"run {run_id} cannot be resumed from its record: its request held the value of a "
        "configured secret, recorded masked (***); run the command that started it again, "
        "with the same request, to finish it")
    assert CONFIG_CANARY not in resumed.stdout + resumed.stderr
    assert counts(counter) == {"a": 1}


def test_a_key_reused_with_another_secret_reports_the_key_and_a_masked_request(
        project: Project) -> None:
    """A failure before the run exists (here a key reused with another request, exit 7) still
    says which key, request and actor it was about, with the secret masked."""
    project.add_module("leaky_auto", LEAKY)
    project.write_config("[secrets]\ndb = 'env:DB_PASSWORD'\n")
    env = clean_env(project.root / ".home", {"DB_PASSWORD": CONFIG_CANARY})
    first = project.run("leaky", "--name", "api", "--token", "first-token-1", "--yes",
                        "--idempotency-key", "rotate-9", "--format", "json", env=env)
    assert first.code == 1, first.stderr  # LEAKY's apply fails: a failed run keeps its key
    reused = project.run("leaky", "--name", "api", "--token", CANARY, "--yes",
                         "--idempotency-key", "rotate-9", "--format", "json", env=env)
    assert reused.code == 7, reused.stderr
    doc = reused.doc
    assert (doc["status"], doc["idempotency_key"], doc["run_id"]) == ("conflict", "rotate-9", None)
    assert doc["request"] == {"name": "api", "token": "***"}
    assert doc["actor"] and doc["contract_version"] == "1.0.0"
    assert CANARY not in reused.stdout + reused.stderr


WORDY = '''
from pydantic import BaseModel
from opsctl import Action, Automation, Secret

class Request(BaseModel):
    token: Secret

wordy = Automation("wordy", version="1.0.0", owner="o", summary="Uses a secret", request=Request)

@wordy.plan
def plan(ctx, req):
    token = req.token.get_secret_value()
    ctx.log.info("wordy.planning", token=token)
    yield Action(id="one", kind="update", target="svc/one", reason=f"uses {token}",
                 data={"token": token}, after={"token": token})

@wordy.apply
def apply(ctx, req, action):
    ctx.log.info("wordy.applying", token=action.data["token"])
'''


@pytest.mark.parametrize("secret", ["update", "succeeded", "apply", "info", "status"])
def test_a_secret_equal_to_one_of_opsctls_words_leaves_results_and_log_lines_whole(
        project: Project, secret: str) -> None:
    """A secret that is also a status, a mode, an action kind, a log level or a field name is
    masked where the automation wrote it, not in opsctl's own fields: the result still follows
    its schema (checked by run_opsctl) and every log line keeps its level."""
    project.add_module("wordy_auto", WORDY)
    env = clean_env(project.root / ".home", {"OPSCTL_SECRET_TOKEN": secret})
    for args, code in ((["--dry-run"], 10), ([], 0)):
        r = project.run("wordy", *args, "--format", "json", env=env)
        assert r.code == code, r.stderr
        assert (r.doc["mode"], r.doc["status"]) == (("plan", "changes_planned") if args
                                                    else ("apply", "succeeded"))
        action = r.doc["plan"]["actions"][0]
        assert (action["kind"], action["reason"], action["after"]) == (
            "update", "uses ***", {"token": "***"})
        assert r.doc["request"] == {"token": "***"}
        lines = r.logs()
        assert lines and all(line["level"] in ("debug", "info", "warning") for line in lines)
        assert {line["token"] for line in lines if line["event"].startswith("wordy.")} == {"***"}
    shown = project.run("show", r.doc["run_id"], "--format", "json", env=env, expect_json=True)
    assert shown.code == 0 and shown.doc["result"]["status"] == "succeeded", shown.stdout


NESTED = '''
from pydantic import BaseModel, ConfigDict, model_validator
from opsctl import Automation, Secret

class Creds(BaseModel):
    user: str
    password: Secret

    @model_validator(mode="after")
    def long_enough(self):
        if len(self.password.get_secret_value()) < 64:
            raise ValueError(f"password {self.password.get_secret_value()} of {self.user} is short")
        return self

class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")
    creds: Creds | None = None
    replicas: list[Creds] = []
    by_site: dict[str, Creds] = {}

nested = Automation("nested", version="1.0.0", owner="o", summary="Nested secrets",
                    request=Request)

@nested.plan
def plan(ctx, req):
    return []

@nested.apply
def apply(ctx, req, action):
    return None
'''


@pytest.mark.parametrize("field", ["creds", "replicas", "by_site"])
def test_a_validator_quoting_a_nested_secret_field_is_masked_in_the_error(
        project: Project, field: str) -> None:
    """A Secret field of a nested model (alone, in a list, in a mapping) is masked in the
    error of a validator that quotes it, from a flag or a request document."""
    project.add_module("nested_auto", NESTED)
    creds = {"user": "ops", "password": CANARY}
    value = {"creds": creds, "replicas": [creds], "by_site": {"eu": creds}}[field]
    (project.root / "request.json").write_text(json.dumps({field: value}))
    flag = "--" + field.replace("_", "-")
    for args in ([flag, json.dumps(value)], ["--request", "request.json"]):
        r = project.run("nested", *args, "--format", "json")
        assert r.code == 2, r.stderr
        assert "password *** of ops is short" in r.doc["error"]["message"], r.doc["error"]
        assert CANARY not in r.stdout + r.stderr


PRINTS = '''
import sys
from pydantic import BaseModel
from opsctl import Action, Automation, Secret

class Request(BaseModel):
    token: Secret

prints = Automation("prints", version="1.0.0", owner="o", summary="Prints its secret",
                    request=Request)

@prints.plan
def plan(ctx, req):
    print(f"planning with {req.token.get_secret_value()} and {ctx.secrets['db']}")
    yield Action(id="one", kind="update", target="svc/one", reason="r")

@prints.apply
def apply(ctx, req, action):
    print("applying with", req.token.get_secret_value())
    sys.stderr.write(f"warned about {ctx.secrets['db']}\\n")
'''


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_what_an_automation_prints_has_its_secrets_masked(project: Project, fmt: str) -> None:
    project.add_module("prints_auto", PRINTS)
    project.write_config("[secrets]\ndb = 'env:DB_PASSWORD'\n")
    env = clean_env(project.root / ".home", {"OPSCTL_SECRET_TOKEN": CANARY,
                                             "DB_PASSWORD": CONFIG_CANARY})
    r = project.run("prints", "--format", fmt, env=env)
    assert r.code == 0, r.stderr
    both = r.stdout + r.stderr
    assert "planning with *** and ***" in both
    assert "applying with ***" in both and "warned about ***" in both
    assert CANARY not in both and CONFIG_CANARY not in both
    if fmt == "json":  # stdout still holds the one document
        assert r.doc["status"] == "succeeded" and "applying" not in r.stdout


TYPED = '''
from pydantic import BaseModel, Secret, SecretBytes, SecretStr
from opsctl import Action, Automation

class Request(BaseModel):
    pin: Secret[int]
    blob: SecretBytes
    token: SecretStr

typed = Automation("typed", version="1.0.0", owner="o", summary="Secrets of other types",
                   request=Request)

@typed.plan
def plan(ctx, req):
    pin, blob, token = (req.pin.get_secret_value(), req.blob.get_secret_value(),
                        req.token.get_secret_value())
    ctx.log.info("typed.values", pin=pin, blob=blob, tokens={token}, pair=(pin, token))
    yield Action(id="one", kind="update", target="svc/one", reason="r",
                 data={"pin": pin, "token": pin, "count": pin, "blob": blob.decode()},
                 before=pin, after=[pin])

@typed.apply
def apply(ctx, req, action):
    assert action.data["pin"] == req.pin.get_secret_value()
'''
PIN = "73905512"


def test_a_number_bytes_or_a_set_holding_a_secret_is_masked(project: Project) -> None:
    """A ``Secret[int]`` written as a number, a ``SecretBytes`` value logged as bytes, and a
    secret in a set or a tuple are masked like text (the value of a short ``Secret[int]``, under
    4 digits, is left alone as a number, as short secrets are)."""
    project.add_module("typed_auto", TYPED)
    env = clean_env(project.root / ".home", {"OPSCTL_SECRET_PIN": PIN,
                                             "OPSCTL_SECRET_BLOB": CONFIG_CANARY,
                                             "OPSCTL_SECRET_TOKEN": CANARY})
    r = project.run("typed", "--format", "json", "-v", env=env)
    assert r.code == 0, r.stderr
    action = r.doc["plan"]["actions"][0]
    assert (action["before"], action["after"], action["attempts"]) == ("***", ["***"], 1)
    logged = next(line for line in r.logs() if line["event"] == "typed.values")
    assert (logged["pin"], logged["blob"], logged["tokens"], logged["pair"]) == (
        "***", "***", ["***"], ["***", "***"])
    stored = b"".join(p.read_bytes() for p in project.db.parent.glob("state.db*"))
    for text in (r.stdout, r.stderr, stored.decode("latin-1")):
        for secret in (PIN, CONFIG_CANARY, CANARY):
            assert secret not in text


def test_saved_plan_with_secret_needs_the_same_secret(project: Project) -> None:
    project.add_module("leaky_auto", LEAKY)
    project.write_config("[secrets]\ndb = 'x'\n")
    env = clean_env(project.root / ".home", {"OPSCTL_SECRET_TOKEN": CANARY})
    assert project.run("plan", "leaky", "--name", "api", "--out", "plan.json", env=env).code == 10
    missing = project.run("apply", "--plan", "plan.json")
    assert missing.code == 2
    assert "OPSCTL_SECRET_TOKEN" in missing.stderr
    other = clean_env(project.root / ".home", {"OPSCTL_SECRET_TOKEN": "a-different-secret"})
    differs = project.run("apply", "--plan", "plan.json", env=other)
    assert differs.code == 3
    assert not (project.root / "applied.txt").exists()


def test_json_error_document_for_parse_errors(project: Project) -> None:
    project.add_module("counter_auto", COUNTER)
    r = project.run("counter", "--environment", "qa", "--format", "json")
    assert r.code == 2
    assert r.doc["error"]["type"] == "validation"
    assert r.doc["run_id"] is None


def test_plan_file_written_to_unwritable_path_exits_2(project: Project) -> None:
    project.add_module("counter_auto", COUNTER)
    (project.root / "file").write_text("")
    r = project.run("plan", "counter", "--environment", "prod", "--out", str(Path("file") / "p.json"))
    assert r.code == 2
    assert "--out file/p.json: file is not a folder" in r.stderr
