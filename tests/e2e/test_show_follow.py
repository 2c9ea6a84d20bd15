"""``opsctl show RUN --follow`` in one process while the run goes on in another."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from typing import Any

import pytest

from tests.conftest import OPSCTL, Project, validate_result
from tests.e2e.test_durable import LEDGER, hold, release, start


@pytest.fixture
def ledger(backend_project: Project) -> Project:
    backend_project.add_module("ledger_auto", LEDGER)
    return backend_project


def running_run(project: Project) -> str:
    listed = project.run("runs", "--status", "running", "--format", "json")
    assert listed.code == 0
    (run,) = listed.doc["runs"]
    return str(run["id"])


def follow(project: Project, run_id: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([OPSCTL, "show", run_id, "--follow", *args], cwd=project.root,
                            env=project.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, bufsize=1)


def read_until(proc: subprocess.Popen[str], wanted: Any, timeout: float = 30) -> list[str]:
    """Lines of ``proc``'s stdout up to the first one ``wanted`` accepts (which is included)."""
    assert proc.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        assert line, f"the follower ended early: {lines}\n{proc.stderr.read() if proc.stderr else ''}"
        lines.append(line.rstrip("\n"))
        if wanted(lines[-1]):
            return lines
    raise AssertionError(f"never saw the line: {lines}")


def is_started(action: str) -> Any:
    def check(line: str) -> bool:
        event = json.loads(line)
        return bool(event.get("kind") == "action.started" and event["data"]["id"] == action)

    return check


def test_json_lines_follow_a_run_live_to_its_result_and_exit_code(ledger: Project) -> None:
    (ledger.root / "fail-c").write_text("")  # c fails: the run ends partial, exit 5
    run = hold(ledger, "--format", "json")
    run_id = running_run(ledger)
    follower = follow(ledger, run_id, "--format", "json")
    # the run is still held inside b: what the follower printed so far happened live
    live = [json.loads(line) for line in read_until(follower, is_started("t-b"))]
    assert run.poll() is None
    assert [e["seq"] for e in live] == list(range(1, len(live) + 1))
    assert [e["kind"] for e in live if e["kind"] != "log"] == [
        "run.started", "plan", "gate", "action.started", "action.finished", "action.started"]
    release(ledger)
    out, err = follower.communicate(timeout=60)
    assert follower.returncode == 5, err
    rest = [json.loads(line) for line in out.splitlines()]
    events, result = live + rest[:-1], rest[-1]
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert events[-1]["kind"] == "run.finished"
    assert (events[-1]["data"]["status"], events[-1]["data"]["exit_code"]) == ("partial", 5)
    failed = [e["data"] for e in events if e["kind"] == "action.finished"
              and e["data"]["status"] == "failed"]
    assert [(f["id"], f["attempts"]) for f in failed] == [("t-c", 2)]
    validate_result(result)
    assert (result["run_id"], result["status"], result["exit_code"]) == (run_id, "partial", 5)
    run_out, _ = run.communicate(timeout=60)
    assert run.returncode == 5 and json.loads(run_out) == result

    # following a finished run after the Nth event prints the rest: no gap, no duplicate
    for after in (0, 3, len(events)):
        again = ledger.run("show", run_id[:12], "--follow", "--after", str(after), "--format",
                           "json", expect_json=False)
        assert again.code == 5
        lines = [json.loads(line) for line in again.stdout.splitlines()]
        assert lines[:-1] == events[after:]
        assert lines[-1] == result


def test_text_follow_prints_lines_then_the_run_as_show_does(ledger: Project) -> None:
    run = hold(ledger)
    run_id = running_run(ledger)
    follower = follow(ledger, run_id)
    live = read_until(follower, lambda line: "action.started" in line and "id=t-b" in line)
    assert run.poll() is None
    assert " run.started " in f" {live[0]} " and "automation=ledger" in live[0]
    assert any(" plan " in line and "count=4" in line for line in live)
    release(ledger)
    out, err = follower.communicate(timeout=60)
    assert follower.returncode == 0, err
    assert "\x1b[" not in out  # not a terminal: no colour
    assert any("action.finished" in line and "id=t-d status=applied" in line
               for line in out.splitlines())
    tail = out.split("run.finished", 1)[1]
    shown = ledger.run("show", run_id)
    assert shown.code == 0
    assert tail.split("\n", 1)[1] == shown.stdout
    run.communicate(timeout=60)
    assert run.returncode == 0


def test_ctrl_c_stops_following_and_leaves_the_run_alone(ledger: Project) -> None:
    run = hold(ledger)
    run_id = running_run(ledger)
    follower = follow(ledger, run_id, "--format", "json")
    read_until(follower, is_started("t-b"))
    follower.send_signal(signal.SIGINT)
    out, err = follower.communicate(timeout=30)
    assert follower.returncode == 130
    assert "stopped following" in err and "Traceback" not in err
    assert "it goes on" in err  # its process is alive and holds the lease
    assert all(json.loads(line)["kind"] != "result" for line in out.splitlines())
    assert run.poll() is None  # still held, still running
    release(ledger)
    run.communicate(timeout=60)
    assert run.returncode == 0
    assert ledger.run("show", run_id, "--format", "json").doc["status"] == "succeeded"


def test_the_terminal_closing_stops_following_with_exit_130(ledger: Project) -> None:
    """A dropped ssh session closes the terminal a follower prints to: its SIGHUP stops
    following as Ctrl-C does, exit 130 (was: exit 4, 'cannot write the output'), and the
    run goes on."""
    import os

    from tests.conftest import read_terminal_until, start_on_own_terminal

    run = hold(ledger)
    run_id = running_run(ledger)
    follower, leader = start_on_own_terminal(["show", run_id, "--follow"], ledger.root,
                                             ledger.env())
    screen = read_terminal_until(leader, b"t-b")
    assert b"t-b" in screen, screen.decode(errors="replace")
    os.close(leader)  # the terminal hangs up
    assert follower.wait(timeout=30) == 130
    assert run.poll() is None  # still held, still running
    release(ledger)
    run.communicate(timeout=60)
    assert run.returncode == 0
    assert ledger.run("show", run_id, "--format", "json").doc["status"] == "succeeded"


def test_ctrl_c_on_a_run_whose_process_was_killed_says_so(ledger: Project) -> None:
    """A killed run stays recorded `running`, and its follower waits: stopping it must not
    say the run goes on when the process holding its lease is gone."""
    run = hold(ledger)
    run_id = running_run(ledger)
    run.send_signal(signal.SIGKILL)
    run.communicate(timeout=10)
    follower = follow(ledger, run_id, "--format", "json")
    read_until(follower, is_started("t-b"))  # what the killed run recorded, then nothing
    follower.send_signal(signal.SIGINT)
    _, err = follower.communicate(timeout=30)
    assert follower.returncode == 130
    assert "still recorded running, but its process may be gone" in err, err
    assert f"`opsctl resume {run_id}`" in err and "it goes on" not in err
    assert ledger.run("show", run_id, "--format", "json").doc["status"] == "running"


def test_wait_on_a_run_whose_process_was_killed_does_not_say_it_goes_on(
        ledger: Project) -> None:
    """`opsctl wait` gives up at its timeout (exit 4) saying what `show --follow` says of a
    run still recorded running whose process is gone: resume it, not "it goes on"."""
    run = hold(ledger)
    run_id = running_run(ledger)
    run.send_signal(signal.SIGKILL)
    run.communicate(timeout=10)
    waited = ledger.run("wait", run_id, "--timeout", "1s")
    assert waited.code == 4
    assert "still recorded running, but its process may be gone" in waited.stderr, waited.stderr
    assert f"`opsctl resume {run_id}`" in waited.stderr and "it goes on" not in waited.stderr


def test_show_of_a_run_whose_process_was_killed_says_resume_finishes_it(
        ledger: Project) -> None:
    """`opsctl show` (no --follow) of a run still recorded running: while its process lives,
    nothing more is said; once it was killed, a note says `opsctl resume` finishes it."""
    run = hold(ledger)
    run_id = running_run(ledger)
    try:
        live = ledger.run("show", run_id)
        assert live.code == 0 and "running (unfinished)" in live.stdout, live.stderr
        assert "may be gone" not in live.stdout, live.stdout
    finally:
        run.send_signal(signal.SIGKILL)
        run.communicate(timeout=10)
    dead = ledger.run("show", run_id)
    assert dead.code == 0, dead.stderr
    assert "note: the run is still recorded running, but its process may be gone" in dead.stdout
    assert f"`opsctl resume {run_id}` finishes it" in dead.stdout


def test_show_of_a_read_run_whose_process_was_killed_says_what_finishes_it(
        project: Project) -> None:
    """A read automation holds no lease; its run records the process that started it. Once
    that process is gone, `opsctl show` says so, as for a mutating run (was: "running
    (unfinished)" and nothing more, for ever), and names `opsctl cancel` too."""
    from tests.e2e.test_cancel import WAITS

    project.add_module("reads_auto", WAITS.replace('Automation("waits"', 'Automation("reads"')
                       .replace('lock_scope=("scope",)', 'effect="read"')
                       .replace('kind="create"', 'kind="run"'))
    proc = start(project, "reads", "--format", "json")
    deadline = time.monotonic() + 90
    while not (project.root / "waiting").exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the apply never reached its retries"
        time.sleep(0.02)
    [run] = project.run("runs", "--status", "running", "--format", "json").doc["runs"]
    try:
        live = project.run("show", run["id"])
        assert live.code == 0 and "may be gone" not in live.stdout, live.stdout
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=10)
    dead = project.run("show", run["id"])
    assert dead.code == 0, dead.stderr
    assert ("note: the run is still recorded running, but its process may be gone (the "
            "process that started it is gone)") in dead.stdout, dead.stdout
    assert f"`opsctl resume {run['id']}` finishes it" in dead.stdout
    assert f"`opsctl cancel {run['id']} --reason ...` ends it" in dead.stdout


def test_after_without_follow_is_a_usage_error(ledger: Project) -> None:
    result = ledger.run("show", "run_nosuchrun", "--after", "3")
    assert result.code == 2
    assert "--after needs --follow" in result.stderr


def test_following_an_unknown_run_is_a_usage_error(ledger: Project) -> None:
    result = ledger.run("show", "run_nosuchrun", "--follow")
    assert result.code == 2
    assert "no run 'run_nosuchrun'" in result.stderr


def test_an_unknown_run_id_of_100000_characters_is_named_cut(ledger: Project) -> None:
    """A pasted log in place of a run id is exit 2 naming its start and length (was: the
    100,000 characters echoed in full)."""
    pasted = "run_" + "x" * 99_996
    result = ledger.run("show", pasted)
    assert result.code == 2
    assert f"no run {pasted[:60]!r}... (100000 characters) in " in result.stderr
    assert len(result.stderr) < 1000


MULTILINE = '''
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    n: int = 1

noisy = Automation("noisy", version="1.0.0", owner="o", summary="s", request=Request)

@noisy.plan
def plan(ctx, req):
    yield Action(id="x1", kind="run", target="job", reason="due")

@noisy.apply
def apply(ctx, req, action):
    ctx.log.info("tool.output", stdout="line one\\nline two")
    raise RuntimeError("tool failed:\\nstderr line 1\\nstderr line 2")
'''


def test_text_follow_prints_one_line_per_event_whatever_the_values_hold(
        project: Project) -> None:
    """A value with line breaks (a program's stderr in an error) stays on its event's line,
    shown as \\n: every line up to the run as `show` prints it starts with the event's time."""
    import re

    project.add_module("noisy_auto", MULTILINE)
    ran = project.run("noisy", "--format", "json")
    assert ran.code == 1
    followed = project.run("show", ran.doc["run_id"], "--follow")
    assert followed.code == 1
    events = followed.stdout.split("\nnoisy 1.0.0  apply  failed", 1)[0].splitlines()
    assert events and all(re.match(r"\d\d:\d\d:\d\d\.\d{3} ", line) for line in events), events
    [finished] = [line for line in events if " action.finished " in line]
    assert "error=apply of action x1 failed: RuntimeError: tool failed:\\nstderr line 1\\n" \
           "stderr line 2" in finished
    assert any("stdout=line one\\nline two" in line for line in events)


def test_a_finished_run_whose_result_was_not_recorded_is_shown_and_waited_for(
        ledger: Project) -> None:
    """A run that finished while its store failed has a status and exit code but no result
    document: `wait` and `show --follow` print what the row says and exit with the run's code,
    and `show` does not call it unfinished."""
    from opsctl.store.sql import open_store

    ran = ledger.run("ledger", "--format", "json")
    assert ran.code == 0, ran.stderr
    run_id = ran.doc["run_id"]
    store = open_store(ledger.extra_env.get("OPSCTL_STORE_URL") or f"sqlite:///{ledger.db}")
    try:
        with store.transaction():
            store._execute("UPDATE runs SET result_json = NULL WHERE id = ?", (run_id,))
    finally:
        store.close()
    for args in (("wait", run_id), ("show", run_id, "--follow")):
        seen = ledger.run(*args)
        assert seen.code == 0, (args, seen.stderr)
        assert "internal error" not in seen.stderr, seen.stderr
        assert "ledger" in seen.stdout and "succeeded" in seen.stdout, seen.stdout
        assert "result was not recorded" in seen.stdout, seen.stdout
    shown = ledger.run("show", run_id)
    assert shown.code == 0, shown.stderr
    assert f"run {run_id}  ledger  succeeded (its result was not recorded)" in shown.stdout
    assert "(unfinished)" not in shown.stdout
