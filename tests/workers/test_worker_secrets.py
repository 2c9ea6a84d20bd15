"""Queued runs with a ``Secret`` field, carried out by a worker with a state directory of its
own (so a plan-signing key of its own, as on another machine).

A queued run stores a keyed digest of each secret value (HMAC under the plan-signing key of
the machine that queued it); the worker takes the value from ``OPSCTL_SECRET_<FIELD>`` and
checks it against the digest. The refusals say which of the two differs, and name
``plan_signing_key`` (docs/workers.md, "Secret fields").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.workers.conftest import WorkerProject

VAULT = '''
import sys
from pydantic import BaseModel, Field
from opsctl import Action, Automation, Secret

class Request(BaseModel):
    name: str = Field(description="the entry, and the lock scope")
    token: Secret = Field(description="the credential the apply uses")

vault = Automation("vault", version="1.0.0", owner="tests", summary="store with a token",
                   request=Request, lock_scope=["name"])

@vault.plan
def plan(ctx, req):
    yield Action(id=req.name, kind="create", target=req.name, reason="not there yet")

@vault.apply
def apply(ctx, req, action):
    assert req.token.get_secret_value() == "s3cret-value"
    print("vault.printed", req.token.get_secret_value(), file=sys.stderr)
    return "applied"
'''

SECRET = "s3cret-value"
SHARED_KEY = "0123456789abcdef0123456789abcdef"


@pytest.fixture
def vproject(rproject: WorkerProject) -> WorkerProject:
    rproject.add_module("vault_auto", VAULT)
    return rproject


def start_worker_elsewhere(project: WorkerProject, tmp_path: Path, **env: str) -> None:
    """A worker whose state directory (and so its plan-signing key file) is its own."""
    state = tmp_path / "worker-state"
    state.mkdir(exist_ok=True)
    project.start_worker(2, env={"OPSCTL_STATE_DIR": str(state), **env})


def apply_vault(project: WorkerProject, name: str, **env: str) -> Any:
    return project.run("apply", "vault", "--name", name, "--executor", "celery", "--format",
                       "json", env=project.env({"OPSCTL_SECRET_TOKEN": SECRET, **env}),
                       timeout=90)


def test_without_a_shared_plan_signing_key_the_refusal_names_it(vproject: WorkerProject,
                                                                tmp_path: Path) -> None:
    start_worker_elsewhere(vproject, tmp_path, OPSCTL_SECRET_TOKEN=SECRET)
    r = apply_vault(vproject, "a")
    assert r.code == 3, (r.stdout, r.stderr)
    message = r.doc["error"]["message"]
    assert "plan-signing key of this worker differs" in message, message
    assert "plan_signing_key (OPSCTL_PLAN_SIGNING_KEY)" in message, message
    assert "differs from the secret" not in message, message  # the values are the same
    assert SECRET not in r.stdout + r.stderr


def test_with_a_shared_plan_signing_key_the_run_succeeds(vproject: WorkerProject,
                                                         tmp_path: Path) -> None:
    start_worker_elsewhere(vproject, tmp_path, OPSCTL_SECRET_TOKEN=SECRET,
                           OPSCTL_PLAN_SIGNING_KEY=SHARED_KEY)
    r = apply_vault(vproject, "b", OPSCTL_PLAN_SIGNING_KEY=SHARED_KEY)
    assert r.code == 0, (r.stdout, r.stderr, vproject.worker_logs()[-3000:])
    assert r.doc["status"] == "succeeded"
    logs = vproject.worker_logs()
    assert "vault.printed ***" in logs  # what the automation prints, masked
    assert SECRET not in logs


def test_another_secret_value_on_the_worker_says_secret_or_key(vproject: WorkerProject,
                                                              tmp_path: Path) -> None:
    start_worker_elsewhere(vproject, tmp_path, OPSCTL_SECRET_TOKEN="another-value",
                           OPSCTL_PLAN_SIGNING_KEY=SHARED_KEY)
    r = apply_vault(vproject, "c", OPSCTL_PLAN_SIGNING_KEY=SHARED_KEY)
    assert r.code == 3, (r.stdout, r.stderr)
    message = r.doc["error"]["message"]
    assert f"run {r.doc['run_id']}: OPSCTL_SECRET_TOKEN differs from the secret the run was " \
           "started or queued with, or the plan-signing key differs between the machine " \
           "that started or queued the run and this one" in message, message
    assert "plan_signing_key" in message
    assert "another-value" not in r.stdout + r.stderr


def test_a_secret_missing_on_the_worker_names_the_run_not_a_plan(vproject: WorkerProject,
                                                                 tmp_path: Path) -> None:
    start_worker_elsewhere(vproject, tmp_path, OPSCTL_PLAN_SIGNING_KEY=SHARED_KEY)
    r = apply_vault(vproject, "d", OPSCTL_PLAN_SIGNING_KEY=SHARED_KEY)
    assert r.code == 2, (r.stdout, r.stderr)
    message = r.doc["error"]["message"]
    assert message == (f"run {r.doc['run_id']}: secret field 'token' is not stored with runs; "
                       "set OPSCTL_SECRET_TOKEN to carry out this run"), message
    assert "plan" not in message


NAMED = '''
from pathlib import Path
from pydantic import BaseModel, Field
from opsctl import Action, Automation

class Request(BaseModel):
    name: str = Field(description="written to named.txt")

named = Automation("named", version="1.0.0", owner="tests", summary="write a name",
                   request=Request, lock_scope=["name"])

@named.plan
def plan(ctx, req):
    yield Action(id="write", kind="create", target="named.txt", reason="not there yet")

@named.apply
def apply(ctx, req, action):
    Path(ctx.config["root"], "named.txt").write_text(req.name)
    return "applied"
'''


def test_a_request_holding_a_named_secrets_value_is_not_queued(rproject: WorkerProject) -> None:
    """A queued run's request is stored with secrets masked, so a worker would apply ``***``
    in place of the value (was: queued, and applied as name 'x-***'): exit 2, nothing queued."""
    rproject.add_module("named_auto", NAMED)
    rproject.worker_config(f'[secrets]\ndb = "env:DB_PASSWORD"\n'
                           f'[automation.named]\nroot = "{rproject.root}"\n')
    env = {"DB_PASSWORD": "pw-51d0-canary"}
    rproject.start_worker(1, env=env)

    r = rproject.run("named", "--name", "x-pw-51d0-canary", "--executor", "celery", "--yes",
                     "--format", "json", env=rproject.env(env), timeout=90)

    assert r.code == 2, (r.stdout, r.stderr)
    assert r.doc["error"]["message"].startswith(
        "request field 'name' holds the value of a configured secret, and a run queued for "
        "workers is stored with secrets masked"), r.doc["error"]["message"]
    assert "pw-51d0-canary" not in r.stdout + r.stderr
    assert rproject.run_rows() == []
    assert not (rproject.root / "named.txt").exists()
