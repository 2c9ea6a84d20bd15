"""What a plan must be, checked before anything applies: no depends_on cycle, ids without
secrets, plain JSON; and a resumed run hands apply the real secret, never its mask."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.conftest import Project

SECRET = "db-pa55-canary-7"

PROBE = '''
import os, signal
from pathlib import Path
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    shape: str = "ok"

class Stop(BaseException):  # not an Exception: a bug in the automation all the same
    pass

class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("no text")

probe = Automation("probe", version="1.0.0", owner="tests", summary="Plan shapes",
                   request=Request, retry={"attempts": 1})

@probe.plan
def plan(ctx, req):
    secret = ctx.secrets["db_password"]
    if req.shape == "cycle":
        yield Action(id="a", kind="update", target="t/a", reason="r", depends_on=("b",))
        yield Action(id="b", kind="update", target="t/b", reason="r", depends_on=("a",))
        yield Action(id="free", kind="update", target="t/free", reason="r")
    elif req.shape == "secret-id":
        yield Action(id=f"user-{secret}", kind="update", target="t/x", reason="r")
    elif req.shape == "nan":
        yield Action(id="n", kind="update", target="t/n", reason="r", before=float("nan"))
    elif req.shape == "datetime":
        import datetime
        for n in range(50):
            yield Action(id=f"d{n}", kind="update", target="t/d", reason="r", before=n,
                         after=datetime.date(2025, 1, 1) if n == 37 else n)
    elif req.shape == "exit-plan":
        raise SystemExit(0)
    elif req.shape == "base-plan":
        raise Stop("halt")
    elif req.shape == "unprintable-plan":
        raise Unprintable()
    elif req.shape == "newline-id":
        yield Action(id="a\\n", kind="update", target="t/a", reason="r")
    elif req.shape == "string-deps":
        yield Action(id="c", kind="update", target="t/c", reason="r", depends_on="ab")
    elif req.shape in ("exit-apply", "typo", "base-apply", "generator-exit",
                       "unprintable-apply", "huge-error"):
        yield Action(id=req.shape, kind="update", target="t/e", reason="r")
    else:
        yield Action(id="gone", kind="update", target="t/gone", reason="r", depends_on=("done",))
        yield Action(id="write", kind="update", target=f"db/{secret}", reason="r",
                     data={"password": secret})

@probe.apply
def apply(ctx, req, action):
    if action.id == "exit-apply":
        import sys
        sys.exit(0)
    if action.id == "typo":
        return "unchnaged"
    if action.id == "base-apply":
        raise Stop("halt")
    if action.id == "generator-exit":
        raise GeneratorExit
    if action.id == "unprintable-apply":
        raise Unprintable()
    if action.id == "huge-error":  # a whole response body, a secret where it is cut
        raise ValueError("x" * 1690 + ctx.secrets["db_password"] + "y" * 1_000_000)
    out = Path("applied.log")
    if action.id == "write" and not Path("crashed").exists():
        Path("crashed").write_text("1")
        os.kill(os.getpid(), signal.SIGKILL)  # the process dies mid-action
    with out.open("a") as f:
        f.write(f"{action.id}={action.data.get('password', '')}\\n")

@probe.verify
def verify(ctx, req, action):
    return Path("applied.log").exists() and f"{action.id}=" in Path("applied.log").read_text()
'''


@pytest.fixture
def probe(project: Project) -> Project:
    project.add_module("probe_auto", PROBE)
    project.write_config("[secrets]\ndb_password = 'env:DB_PASSWORD'\n")
    project.extra_env["DB_PASSWORD"] = SECRET
    return project


def run_statuses(project: Project) -> list[str]:
    with sqlite3.connect(project.db) as conn:
        return [s for (s,) in conn.execute("SELECT status FROM runs")]


@pytest.mark.parametrize(("shape", "needle"), [
    ("cycle", "yielded a depends_on cycle: a, b can never start"),
    ("secret-id", "yielded action id 'user-***', which holds a secret value"),
    ("nan", "yielded an action that is not plain JSON"),
    ("datetime", "yielded an action that is not plain JSON (action 'd37', its after): "
                 "Object of type date is not JSON serializable"),
    ("exit-plan", "plan called sys.exit(0): an automation returns or raises"),
    ("base-plan", "plan raised Stop('halt'), which is not an Exception"),
    ("unprintable-plan", "plan() failed: Unprintable: <str() of Unprintable raised RuntimeError>"),
    ("newline-id", "action id 'a\\n' must be 1-200 chars"),
    ("string-deps", "depends_on must be a list of action ids, not the string 'ab'"),
])
def test_a_plan_the_engine_cannot_keep_is_the_automations_bug(probe: Project, shape: str,
                                                                needle: str) -> None:
    r = probe.run("probe", "--shape", shape, "--yes", "--format", "json")
    assert r.code == 1, r.stderr
    doc = json.loads(r.stdout)
    assert doc["status"] == "failed" and doc["error"]["type"] == "internal"
    assert needle in doc["error"]["message"] and doc["error"]["step"] == "plan"
    assert "internal error" not in r.stderr  # the automation's bug, not opsctl's
    assert SECRET not in r.stdout + r.stderr
    assert not (probe.root / "applied.log").exists()
    assert run_statuses(probe) == ["failed"]  # recorded, not left running


@pytest.mark.parametrize(("shape", "needle"), [
    ("exit-apply", "apply called sys.exit(0): an automation returns or raises"),
    ("typo", "apply returned 'unchnaged'; it returns \"applied\", \"unchanged\" or None"),
    ("base-apply", "apply raised Stop('halt'), which is not an Exception"),
    ("generator-exit", "apply raised GeneratorExit(''), which is not an Exception"),
    ("unprintable-apply", "Unprintable: <str() of Unprintable raised RuntimeError>"),
])
def test_an_apply_that_breaks_its_contract_fails_its_action(probe: Project, shape: str,
                                                           needle: str) -> None:
    """sys.exit() in apply does not end opsctl with the automation's code (0 read as success,
    no result, the run left running), nor does an exception that is not an Exception end it
    with a traceback; a return value apply does not have is no silent "applied"."""
    r = probe.run("probe", "--shape", shape, "--yes", "--format", "json")
    assert r.code == 1, r.stderr
    doc = json.loads(r.stdout)
    assert doc["status"] == "failed" and doc["error"]["step"] == "apply"
    assert needle in doc["error"]["message"], doc["error"]
    assert doc["plan"]["actions"][0]["status"] == "failed"
    assert run_statuses(probe) == ["failed"]


def test_a_megabyte_error_is_kept_as_its_start_and_end(probe: Project) -> None:
    """Once per failed action in the journal, the result and the log, a megabyte each time;
    the secret is masked before the cut, which would leave a piece of it unmasked."""
    r = probe.run("probe", "--shape", "huge-error", "--yes", "--format", "json")
    assert r.code == 1, r.stderr[:2000]
    doc = json.loads(r.stdout)
    message = doc["error"]["message"]
    assert len(message) < 2100 and "characters cut) ...yyy" in message
    assert doc["plan"]["actions"][0]["error"] == message
    assert len(r.stdout) < 10_000 and len(r.stderr) < 20_000
    assert SECRET[:6] not in r.stdout + r.stderr and "x***" in message
    with sqlite3.connect(probe.db) as conn:
        (error,) = conn.execute("SELECT error FROM actions WHERE action_id = 'huge-error'"
                                ).fetchone()
    assert error == message


def test_a_resumed_action_gets_the_secret_its_plan_gave_not_the_mask(probe: Project) -> None:
    """The journal keeps specs masked; rebuilding the interrupted action from it would write
    '***' where the secret belongs (and verify would agree). The run is planned afresh."""
    killed = probe.run("probe", "--yes", "--format", "json", expect_json=False)
    assert killed.code == -9, killed.stderr
    with sqlite3.connect(probe.db) as conn:
        (run_id,) = conn.execute("SELECT id FROM runs").fetchone()
        rows = conn.execute("SELECT action_id, target, spec_json FROM actions").fetchall()
    assert SECRET not in repr(rows) and any("***" in spec for _, _, spec in rows)
    assert ("write", "db/***") in [(i, t) for i, t, _ in rows]  # the target column masked too

    resumed = probe.run("resume", run_id, "--format", "json")
    assert resumed.code == 0, resumed.stderr
    assert (probe.root / "applied.log").read_text().splitlines() == [
        "gone=", f"write={SECRET}"]
    assert SECRET not in resumed.stdout


DEEP = '''
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    depth: int = 470  # a dict and a list each time: 940 levels

deep = Automation("deep", version="1.0.0", owner="tests", summary="A deeply nested before",
                  request=Request)

@deep.plan
def plan(ctx, req):
    before = {"v": "old\\x1b[2J"}
    for _ in range(req.depth):
        before = {"k": [before]}
    yield Action(id="a", kind="delete", target="t", reason="old", before=before)

@deep.apply
def apply(ctx, req, action):
    pass
'''


def test_a_deeply_nested_before_is_applied_and_shown_in_text(project: Project) -> None:
    project.add_module("deep_auto", DEEP)

    r = project.run("deep", "--yes")

    assert r.code == 0, r.stderr
    assert "[applied]" in r.stdout and "\x1b" not in r.stdout
    run_id = json.loads(project.run("runs", "-o", "json").stdout)["runs"][0]["id"]
    for args in ([], ["--diff"], ["--artifacts"]):
        shown = project.run("show", run_id, *args)
        assert shown.code == 0, shown.stderr
        assert "[applied]" in shown.stdout and "\x1b" not in shown.stdout
    shown = project.run("show", run_id, "-o", "json")
    assert shown.code == 0, shown.stderr
    before = json.loads(shown.stdout)["actions"][0]["spec"]["before"]
    for _ in range(470):
        before = before["k"][0]
    assert before == {"v": "old\x1b[2J"}
