"""`opsctl cancel RUN`: a run asked to stop from another terminal stops at its next action
boundary, ends ``cancelled`` (exit 130 where it runs), and is finished later as the same run.

The automation retries one action for an hour, so the run can only end by being cancelled:
the test never guesses when the request is seen."""

from __future__ import annotations

import json
import signal
import subprocess
import time

import pytest

from tests.conftest import Project, validate_result
from tests.e2e.test_durable import start

WAITS = '''
from pathlib import Path
from pydantic import BaseModel
from opsctl import Action, Automation, TransientError

class Request(BaseModel):
    scope: str = "main"
    environment: str = "staging"
    directory: str = "."  # where its files are (a server's working folder is its own)

waits = Automation("waits", version="1.0.0", owner="o", summary="Retries one action for an hour",
                   request=Request, lock_scope=("scope",),
                   retry={"attempts": 1000, "base": "10m", "cap": "10m", "deadline": "1h"})

@waits.plan
def plan(ctx, req):
    log = Path(req.directory, "effects.log")
    done = set(log.read_text().split()) if log.exists() else set()
    for name in ("first", "flaky"):
        if name not in done:
            yield Action(id=name, kind="create", target=name, reason="missing")

@waits.apply
def apply(ctx, req, action):
    if action.id == "flaky" and not Path(req.directory, "fixed").exists():
        Path(req.directory, "waiting").touch()
        raise TransientError("flaky is unavailable")
    with open(Path(req.directory, "effects.log"), "a") as fh:
        fh.write(action.id + "\\n")
'''


@pytest.fixture
def waits(backend_project: Project) -> Project:
    backend_project.add_module("waits_auto", WAITS)
    return backend_project


def effects(project: Project) -> list[str]:
    log = project.root / "effects.log"
    return log.read_text().split() if log.exists() else []


def started(project: Project, *args: str,
            env: dict[str, str] | None = None) -> tuple[subprocess.Popen[str], str]:
    """An apply of `waits` retrying its second action, and its run id."""
    proc = start(project, "waits", "--format", "json", *args, env=env)
    deadline = time.monotonic() + 90  # a loaded machine may take a while to start it
    while not (project.root / "waiting").exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the apply never reached its retries"
        time.sleep(0.02)
    listed = project.run("runs", "--status", "running", "--format", "json", env=env)
    assert listed.code == 0, listed.stderr
    [run] = listed.doc["runs"]
    return proc, str(run["id"])


def test_a_run_cancelled_from_another_terminal_stops_and_resumes_later(waits: Project) -> None:
    proc, run_id = started(waits)
    asked = waits.run("cancel", run_id[:12], "--reason", "incident 42: stop the rollout",
                      "--format", "json")
    assert asked.code == 0, asked.stderr
    assert asked.doc == {"run_id": run_id, "automation": "waits", "status": "running",
                         "by": asked.doc["by"], "reason": "incident 42: stop the rollout",
                         "message": f"asked run {run_id} to stop: it stops at its next "
                                    "action boundary"}
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    doc = json.loads(out)
    validate_result(doc)
    assert doc["status"] == "cancelled" and doc["run_id"] == run_id
    assert "cancelled on request" in doc["error"]["message"]
    assert f"opsctl resume {run_id}" in doc["error"]["message"]
    assert effects(waits) == ["first"]  # the action before it stays applied, once
    audit = waits.run("audit", "export", "--run", run_id)
    assert audit.code == 0, audit.stderr
    [event] = [json.loads(line) for line in audit.stdout.splitlines()
               if json.loads(line)["kind"] == "run.cancel_requested"]
    assert event["payload"]["reason"] == "incident 42: stop the rollout"
    # finished already: nothing to cancel, and nothing recorded
    again = waits.run("cancel", run_id, "--reason", "twice")
    assert again.code == 3 and "is cancelled already" in again.stderr
    # later, the same run finishes; the request to stop was for the attempt that stopped
    (waits.root / "fixed").touch()
    resumed = waits.run("resume", run_id, "--format", "json")
    assert resumed.code == 0, resumed.stderr
    assert resumed.doc["run_id"] == run_id and resumed.doc["status"] == "succeeded"
    assert effects(waits) == ["first", "flaky"]


def test_a_cancel_refused_changes_nothing(waits: Project) -> None:
    proc, run_id = started(waits)
    try:
        missing = waits.run("cancel", run_id)
        assert missing.code == 2 and "--reason" in missing.stderr
        blank = waits.run("cancel", run_id, "--reason", "   ")
        assert blank.code == 2 and "a reason must say why" in blank.stderr
        unknown = waits.run("cancel", "run_0000000000000000000000000", "--reason", "x")
        assert unknown.code == 2 and "no run 'run_0000000000000000000000000'" in unknown.stderr
        # a viewer may not stop a run: exit 6, the refusal audited, the run goes on
        waits.write_config('[[permissions.grants]]\nrole = "viewer"\nto = ["*"]\n')
        denied = waits.run("cancel", run_id, "--reason", "not mine to stop")
        assert denied.code == 6, denied.stderr
        assert "may not apply waits" in denied.stderr
        assert proc.poll() is None
        waits.write_config("")
        shown = waits.run("show", run_id, "--format", "json")
        assert shown.doc["status"] == "running"
        kinds = [json.loads(line)["kind"] for line in
                 waits.run("audit", "export", "--run", run_id).stdout.splitlines()]
        assert "run.cancel_requested" not in kinds
    finally:
        waits.write_config("")
        stop = waits.run("cancel", run_id, "--reason", "end of the test")
        _out, err = proc.communicate(timeout=60)
    assert stop.code == 0, stop.stderr
    assert proc.returncode == 130, err  # stopped by the one request that was allowed
    assert effects(waits) == ["first"]


def test_cancel_is_a_reserved_name(project: Project) -> None:
    project.add_module("named_cancel", WAITS.replace('Automation("waits"', 'Automation("cancel"'))
    listed = project.run("list")
    assert listed.code == 2
    assert "'cancel'" in listed.stderr


def test_a_run_whose_process_is_gone_is_cancelled_at_once(waits: Project) -> None:
    """Nobody would see the request of a run whose process was killed: `cancel` ends it
    itself, as a stopped run ends, instead of leaving it `running` until someone resumes it."""
    proc, run_id = started(waits)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    asked = waits.run("cancel", run_id, "--reason", "the box died", "--format", "json")
    assert asked.code == 0, asked.stderr
    assert asked.doc["status"] == "cancelled"
    assert "the process carrying it was gone" in asked.doc["message"]
    shown = waits.run("show", run_id, "--format", "json")
    assert shown.doc["status"] == "cancelled" and shown.doc["result"]["exit_code"] == 130
    assert "cancelled by" in shown.doc["result"]["error"]["message"]
    kinds = [json.loads(line)["kind"] for line in
             waits.run("audit", "export", "--run", run_id).stdout.splitlines()]
    assert kinds.index("run.cancel_requested") < kinds.index("run.finished")
    assert waits.run("audit", "verify").code == 0
    (waits.root / "fixed").touch()
    resumed = waits.run("resume", run_id, "--format", "json")
    assert resumed.code == 0, resumed.stderr
    assert effects(waits) == ["first", "flaky"]


def test_a_secret_in_the_reason_is_masked_in_every_answer(waits: Project) -> None:
    """An operator pasting a secret into the reason sees it masked in the command's own answer
    too, as in the audit trail, the log and the run's result."""
    waits.write_config('[secrets]\napi = "env:API_TOKEN"\n')
    env = waits.env({"API_TOKEN": "tok-4f9a21c7e0"})
    proc, run_id = started(waits, env=env)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    reason = "rotated tok-4f9a21c7e0 after the leak"
    asked = waits.run("cancel", run_id, "--reason", reason, "--format", "json", env=env)
    assert asked.code == 0, asked.stderr
    assert asked.doc["reason"] == "rotated *** after the leak"
    assert asked.doc["status"] == "cancelled"
    text = waits.run("cancel", run_id, "--reason", reason, env=env)
    assert text.code == 3
    shown = waits.run("show", run_id, "--format", "json", env=env)
    audit = waits.run("audit", "export", "--run", run_id, env=env)
    for out in (asked.stdout, asked.stderr, text.stdout, text.stderr, shown.stdout,
                audit.stdout):
        assert "tok-4f9a21c7e0" not in out
    assert "rotated *** after the leak" in shown.doc["result"]["error"]["message"]


def test_a_read_automation_asked_to_stop_stops(project: Project) -> None:
    """A read automation takes no lease, but a request to stop reaches its apply all the same,
    rather than being answered "it stops at its next action boundary" and never seen."""
    project.add_module("reads_auto", WAITS.replace('Automation("waits"', 'Automation("reads"')
                       .replace('lock_scope=("scope",)', 'effect="read"')
                       .replace('kind="create"', 'kind="run"'))
    proc = start(project, "reads", "--format", "json")
    deadline = time.monotonic() + 90
    while not (project.root / "waiting").exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the apply never reached its retries"
        time.sleep(0.02)
    try:
        [run] = project.run("runs", "--status", "running", "--format", "json").doc["runs"]
        asked = project.run("cancel", run["id"], "--reason", "too slow", "--format", "json")
        assert asked.code == 0, asked.stderr
        assert asked.doc["status"] == "running"
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()  # a run that never saw the request retries for an hour
    assert proc.returncode == 130, err
    doc = json.loads(out)
    assert doc["status"] == "cancelled" and "cancelled on request" in doc["error"]["message"]
    assert effects(project) == ["first"]


def test_a_read_automation_whose_process_is_gone_is_cancelled_at_once(project: Project) -> None:
    """A read automation holds no lease, but the run records its process: once that process
    is provably gone, `cancel` ends the run itself (was: "it stops at its next action
    boundary", and the run stayed `running` for ever)."""
    project.add_module("reads_auto", WAITS.replace('Automation("waits"', 'Automation("reads"')
                       .replace('lock_scope=("scope",)', 'effect="read"')
                       .replace('kind="create"', 'kind="run"'))
    proc = start(project, "reads", "--format", "json")
    deadline = time.monotonic() + 90
    while not (project.root / "waiting").exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the apply never reached its retries"
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    [run] = project.run("runs", "--status", "running", "--format", "json").doc["runs"]
    asked = project.run("cancel", run["id"], "--reason", "the box died", "--format", "json")
    assert asked.code == 0, asked.stderr
    assert asked.doc["status"] == "cancelled"
    assert "the process carrying it was gone" in asked.doc["message"]
    shown = project.run("show", run["id"], "--format", "json")
    assert shown.doc["status"] == "cancelled" and shown.doc["result"]["exit_code"] == 130


def test_a_read_run_resumed_after_its_process_died_is_asked_to_stop_not_ended(
        project: Project) -> None:
    """The run's first process is gone, but a resume carries it on now: `cancel` asks that
    one to stop, rather than ending a run still going (the resume records its own process)."""
    project.add_module("reads_auto", WAITS.replace('Automation("waits"', 'Automation("reads"')
                       .replace('lock_scope=("scope",)', 'effect="read"')
                       .replace('kind="create"', 'kind="run"'))
    first = start(project, "reads", "--format", "json")
    deadline = time.monotonic() + 90
    while not (project.root / "waiting").exists():
        assert first.poll() is None, first.communicate()
        assert time.monotonic() < deadline, "the apply never reached its retries"
        time.sleep(0.02)
    first.send_signal(signal.SIGKILL)
    first.communicate(timeout=60)
    [run] = project.run("runs", "--status", "running", "--format", "json").doc["runs"]
    (project.root / "waiting").unlink()
    resumer = start(project, "resume", run["id"], "--format", "json")
    try:
        while not (project.root / "waiting").exists():
            assert resumer.poll() is None, resumer.communicate()
            assert time.monotonic() < deadline + 90, "the resume never reached its retries"
            time.sleep(0.02)
        asked = project.run("cancel", run["id"], "--reason", "too slow", "--format", "json")
        assert asked.code == 0, asked.stderr
        assert asked.doc["status"] == "running"
        out, err = resumer.communicate(timeout=60)
    finally:
        resumer.kill()
    assert resumer.returncode == 130, err
    assert json.loads(out)["status"] == "cancelled"


BLOCKS = '''
import time
from pathlib import Path
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    scope: str = "main"

blocks = Automation("blocks", version="1.0.0", owner="o", summary="Plans until told to go on",
                    request=Request, lock_scope=("scope",))

@blocks.plan
def plan(ctx, req):
    Path("waiting").touch()
    deadline = time.monotonic() + 120
    while not Path("go").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    yield Action(id="one", kind="create", target="one", reason="missing")

@blocks.apply
def apply(ctx, req, action):
    pass
'''


def test_a_running_plan_is_not_cancelled(project: Project) -> None:
    """A plan changes nothing and has no action boundary to stop at: asking it to stop is
    refused (exit 3, nothing recorded) rather than answered "it stops" and never seen."""
    project.add_module("blocks_auto", BLOCKS)
    proc = start(project, "plan", "blocks", "--format", "json")
    try:
        deadline = time.monotonic() + 90
        while not (project.root / "waiting").exists():
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the plan never started"
            time.sleep(0.02)
        [run] = project.run("runs", "--status", "running", "--format", "json").doc["runs"]
        asked = project.run("cancel", run["id"], "--reason", "not needed")
        assert asked.code == 3, asked.stderr
        assert f"run {run['id']} is a plan: it changes nothing" in asked.stderr
    finally:
        (project.root / "go").touch()
        proc.communicate(timeout=60)
    assert proc.returncode == 10
    kinds = [json.loads(line)["kind"] for line in
             project.run("audit", "export", "--run", run["id"]).stdout.splitlines()]
    assert "run.cancel_requested" not in kinds


def test_a_plan_whose_process_was_killed_is_ended_by_cancel(project: Project) -> None:
    """A plan whose process was killed never ends by itself: `cancel` ends it (cancelled,
    exit 130) and `show` says what ends it (was: "it changes nothing and ends once
    planned", exit 3, and the run `running` for ever, nothing able to end it)."""
    project.add_module("blocks_auto", BLOCKS)
    proc = start(project, "plan", "blocks", "--format", "json")
    deadline = time.monotonic() + 90
    while not (project.root / "waiting").exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the plan never started"
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    [run] = project.run("runs", "--status", "running", "--format", "json").doc["runs"]
    shown = project.run("show", run["id"])
    assert f"`opsctl cancel {run['id']} --reason ...` ends it" in shown.stdout, shown.stdout
    asked = project.run("cancel", run["id"], "--reason", "the box died", "--format", "json")
    assert asked.code == 0, asked.stderr
    assert asked.doc["status"] == "cancelled"
    assert "the process carrying it was gone" in asked.doc["message"]
    ended = project.run("show", run["id"], "--format", "json").doc
    assert (ended["status"], ended["result"]["exit_code"]) == ("cancelled", 130)
    assert project.run("audit", "verify").code == 0


def test_an_apply_cancelled_while_it_plans_stops_at_once(project: Project) -> None:
    """plan() changes nothing, so a cancel request stops it at once, as a first signal does,
    rather than when plan() returns (here: never, for two minutes)."""
    project.add_module("blocks_auto", BLOCKS)
    proc = start(project, "blocks", "--yes", "--format", "json")
    try:
        deadline = time.monotonic() + 90
        while not (project.root / "waiting").exists():
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the plan never started"
            time.sleep(0.02)
        [run] = project.run("runs", "--status", "running", "--format", "json").doc["runs"]
        asked = project.run("cancel", run["id"], "--reason", "not now")
        assert asked.code == 0, asked.stderr
        out, err = proc.communicate(timeout=30)
    finally:
        (project.root / "go").touch()
        if proc.poll() is None:
            proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    doc = json.loads(out)
    assert doc["status"] == "cancelled" and doc["run_id"] == run["id"]
    assert "before applying anything (while planning): nothing was changed" in \
        doc["error"]["message"]
    assert project.run("locks", "--format", "json").doc["locks"] == []


def test_a_run_cancelled_while_queued_ran_nothing_and_is_run_again_afresh(
        waits: Project) -> None:
    """A run cancelled before an executor picked it up ran nothing: `resume` has nothing to
    finish (exit 2, naming what to do), and the same command again is a run of its own."""
    from opsctl.engine.ids import new_run_id
    from opsctl.engine.session import open_session
    from opsctl.store.queue import create_queued_run

    session = open_session(env=waits.env(), cwd=waits.root)
    run_id = new_run_id()
    try:
        session.store.migrate()
        create_queued_run(session.store, {
            "id": run_id, "automation": "waits", "contract_version": "1.0.0",
            "mode": "apply", "actor": "olga", "idempotency_key": "k", "key_source": "caller",
            "request_hash": "sha256:x", "request": {"scope": "main"}, "runtime": {},
            "started_at": "2026-01-01T00:00:00+00:00"})
    finally:
        session.close()
    asked = waits.run("cancel", run_id, "--reason", "not today", "--format", "json")
    assert asked.code == 0, asked.stderr
    assert asked.doc["status"] == "cancelled"
    shown = waits.run("show", run_id, "--format", "json")
    validate_result(shown.doc["result"])
    assert shown.doc["result"]["request"] == {"scope": "main"}  # what was not run
    resumed = waits.run("resume", run_id)
    assert resumed.code == 2, resumed.stderr
    assert "applied nothing" in resumed.stderr and "run the same command again" in resumed.stderr
    assert effects(waits) == []
