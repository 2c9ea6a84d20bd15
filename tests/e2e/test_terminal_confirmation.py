"""On a terminal, a mutating apply without a saved plan shows the plan and asks for ``yes``.

Each test runs opsctl on a real pseudo-terminal (stdin, stdout and stderr), answers the prompt
when it appears, then checks the exit code, the screen and the state: nothing is touched
before ``yes``. Without a terminal nothing is asked (tests/e2e/test_cli_conventions.py).
"""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

import pytest

from tests.conftest import PROMPT, Project, run_on_terminal
from tests.e2e.test_cli_core import COUNTER, counts


@pytest.fixture
def counter(project: Project) -> Project:
    project.add_module("counter_auto", COUNTER)
    return project


def runs(project: Project) -> list[dict[str, object]]:
    listed = project.run("runs", "--format", "json")
    assert listed.code == 0, listed.stderr
    return [{"mode": r["mode"], "status": r["status"]} for r in listed.doc["runs"]]


@pytest.mark.parametrize("answer", [
    pytest.param("no", id="no"),
    pytest.param("y", id="y-is-not-yes"),
    pytest.param("", id="empty-line"),
    pytest.param(None, id="end-of-input"),
])
def test_anything_but_yes_changes_nothing(counter: Project, answer: str | None) -> None:
    code, screen = run_on_terminal(["counter", "--environment", "staging", "--targets", "a"],
                                   counter.root, answer)
    assert code == 10, screen                       # changes planned, nothing applied
    assert "+ create t-a  state/staging/a  (target missing)" in screen
    assert PROMPT in screen
    assert "apply cancelled: nothing was changed" in screen
    assert counts(counter) == {}
    assert runs(counter) == [{"mode": "apply", "status": "changes_planned"}]
    assert counter.run("locks", "--format", "json").doc["locks"] == []


@pytest.mark.parametrize("command", [
    pytest.param(["counter"], id="run"),
    pytest.param(["apply", "counter"], id="apply"),
    pytest.param(["reconcile", "counter"], id="reconcile"),
])
def test_yes_applies_the_plan_that_was_shown(counter: Project, command: list[str]) -> None:
    code, screen = run_on_terminal([*command, "--environment", "staging", "--targets", "a",
                                    "--targets", "b"], counter.root, "yes")
    assert code == 0, screen
    shown = screen.index(PROMPT)
    assert screen.index("+ create t-a") < shown and screen.index("+ create t-b") < shown
    assert "plan: 2 to create" in screen[:shown]
    assert counts(counter) == {"a": 1, "b": 1}
    # the plan shown was planned inside the apply run, and is what it applied (no separate
    # plan run; reconcile's second round finds nothing left)
    assert runs(counter)[-1] == {"mode": "apply", "status": "succeeded"}
    assert all(r["mode"] == "apply" for r in runs(counter))


def test_the_scope_stays_locked_while_asking(counter: Project) -> None:
    """The question is asked under the scope's lease: no other opsctl run can change the
    target between the plan shown and its apply."""
    seen: list[int] = []

    def another_run_tries() -> None:
        other = counter.run("counter", "--environment", "staging", "--targets", "c",
                            "--format", "json")
        seen.append(other.code)

    code, screen = run_on_terminal(["counter", "--environment", "staging", "--targets", "a"],
                                   counter.root, "yes", before_answer=another_run_tries)
    assert code == 0, screen
    assert seen == [7]
    assert counts(counter) == {"a": 1}


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_at_the_question_stops_at_once(counter: Project, signum: int) -> None:
    """Nothing is in flight while the question waits: the first signal ends the run at once
    (not after ``stop_grace``), says where it stopped, and lets go of the scope; nothing was
    journaled, so the hint is not ``opsctl resume``."""
    asked: list[float] = []  # when the question showed and the signal was sent
    code, screen = run_on_terminal(["counter", "--environment", "staging", "--targets", "a"],
                                   counter.root, extra_env={"OPSCTL_STOP_GRACE": "30s"},
                                   signal_at_prompt=signum,
                                   before_answer=lambda: asked.append(time.monotonic()))
    assert code == 130, screen
    # from the signal, not from the start (which a loaded machine may take a while over)
    assert asked and time.monotonic() - asked[0] < 20
    assert "interrupted before applying anything (at the confirmation): nothing was changed" \
        in screen
    assert "opsctl resume" not in screen
    assert counts(counter) == {}
    assert runs(counter) == [{"mode": "apply", "status": "cancelled"}]
    assert counter.run("locks", "--format", "json").doc["locks"] == []
    again = counter.run("counter", "--environment", "staging", "--targets", "a", "--yes")
    assert again.code == 0, again.stderr
    assert counts(counter) == {"a": 1}


def test_the_terminal_closing_at_the_question_ends_the_run_with_exit_130(
        counter: Project) -> None:
    """A dropped ssh session closes the terminal the question is on: its SIGHUP stops the run
    as SIGTERM does, and the result that can no longer be shown does not turn the run's exit
    130 into a dependency failure (exit 4, "cannot write the output")."""
    import os

    from tests.conftest import clean_env, read_terminal_until, start_on_own_terminal

    proc, leader = start_on_own_terminal(
        ["counter", "--environment", "staging", "--targets", "a"], counter.root,
        clean_env(counter.root / ".home", {"TERM": "xterm"}))
    screen = read_terminal_until(leader, PROMPT.encode())
    assert PROMPT.encode() in screen, screen.decode(errors="replace")
    os.close(leader)  # the terminal hangs up
    assert proc.wait(timeout=30) == 130
    assert counts(counter) == {}
    assert runs(counter) == [{"mode": "apply", "status": "cancelled"}]
    assert counter.run("locks", "--format", "json").doc["locks"] == []


def test_a_run_cancelled_at_the_question_stops_at_once(counter: Project) -> None:
    """`opsctl cancel` from another terminal ends a run waiting for ``yes`` as a signal does:
    at once, nothing changed, the scope let go (it waited for an answer, holding the lease,
    and then stopped anyway)."""
    ended: list[dict[str, object]] = []

    def cancel_from_elsewhere() -> None:
        [run] = counter.run("runs", "--status", "running", "--format", "json").doc["runs"]
        asked = counter.run("cancel", str(run["id"]), "--reason", "incident 42")
        assert asked.code == 0, asked.stderr
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not ended:
            shown = counter.run("show", str(run["id"]), "--format", "json").doc
            if shown["status"] != "running":
                ended.append(shown)
            time.sleep(0.1)

    code, screen = run_on_terminal(["counter", "--environment", "staging", "--targets", "a"],
                                   counter.root, "yes", before_answer=cancel_from_elsewhere)
    assert ended, "the run still waited for an answer after it was cancelled"
    assert code == 130, screen
    assert "cancelled on request (audited as run.cancel_requested) before applying " \
        "anything (at the " \
        "confirmation): nothing was changed" in screen
    assert counts(counter) == {}
    assert runs(counter) == [{"mode": "apply", "status": "cancelled"}]
    assert counter.run("locks", "--format", "json").doc["locks"] == []


def test_a_signal_another_thread_takes_still_stops_the_question() -> None:
    """The kernel may hand a process's signal to any of its threads (a lease's heartbeat):
    the main thread's blocking read of the terminal is then not interrupted, and Python runs
    the handler only in the main thread. The question waits in short selects, so the handler
    runs within a moment (it hung until a key was hit)."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent('''
        import os, pty, signal, sys, threading, time
        from opsctl.cli.confirm import read_answer

        def on_signal(signum, frame):
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, on_signal)
        leader, follower = pty.openpty()
        terminal = os.fdopen(follower, "r")

        def heartbeat():  # the signal lands on this thread, not on the reading one
            time.sleep(0.5)
            signal.pthread_kill(threading.get_ident(), signal.SIGTERM)
            time.sleep(30)

        threading.Thread(target=heartbeat, daemon=True).start()
        began = time.monotonic()
        try:
            read_answer(terminal)
        except KeyboardInterrupt:
            print(f"stopped after {time.monotonic() - began:.1f}s")
    ''')
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=20)
    assert done.stdout.startswith("stopped after "), (done.stdout, done.stderr)
    assert float(done.stdout.split()[2].rstrip("s")) < 5


def test_rerunning_an_interrupted_run_on_a_terminal_asks_about_what_is_left(
        project: Project) -> None:
    """An automation with verify resumes from its journal: the question shows the journal's
    plan, and ``yes`` finishes the same run."""
    import signal

    from tests.e2e.test_durable import CHECKED, effects, start, wait_for_effects

    project.add_module("checked_auto", CHECKED)
    proc = start(project, "checked", "--slow", "0.3", "--format", "json")
    wait_for_effects(project, 3)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=10)
    code, screen = run_on_terminal(["checked", "--slow", "0.3"], project.root, "yes")
    assert code == 0, screen
    assert PROMPT in screen
    assert "resumed run" in screen
    assert sorted(effects(project)) == [f"t{i}" for i in range(6)]
    assert len(runs(project)) == 1  # the interrupted run, finished


def test_declining_to_finish_an_interrupted_run_leaves_it_resumable(project: Project) -> None:
    """Re-run on a terminal and declined, the interrupted run keeps its journal and can still
    be finished (was: recorded changes_planned, and `opsctl resume` refused it as "nothing to
    resume" though half its actions had been applied)."""
    import signal

    from tests.e2e.test_durable import CHECKED, effects, start, wait_for_effects

    project.add_module("checked_auto", CHECKED)
    proc = start(project, "checked", "--slow", "0.3", "--format", "json")
    wait_for_effects(project, 3)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=10)
    done_before = sorted(effects(project))
    code, screen = run_on_terminal(["checked", "--slow", "0.3"], project.root, "no")
    assert code == 10, screen
    assert "resumed run" in screen
    run_id = project.run("runs", "--format", "json").doc["runs"][0]["id"]
    assert f"`opsctl resume {run_id}` finishes the run" in screen
    assert sorted(effects(project)) == done_before
    resumed = project.run("resume", run_id, "--format", "json")
    assert resumed.code == 0, resumed.stderr
    assert resumed.doc["run_id"] == run_id
    assert sorted(effects(project)) == [f"t{i}" for i in range(6)]
    assert runs(project) == [{"mode": "apply", "status": "succeeded"}]


def test_a_first_apply_declined_has_nothing_to_resume(counter: Project) -> None:
    code, screen = run_on_terminal(["counter", "--environment", "staging", "--targets", "a"],
                                   counter.root, "no")
    assert code == 10, screen
    run_id = counter.run("runs", "--format", "json").doc["runs"][0]["id"]
    resumed = counter.run("resume", run_id, "--format", "json")
    assert resumed.code == 2, resumed.stderr
    assert f"run {run_id} is changes_planned: nothing to resume" in resumed.doc["error"]["message"]
    assert counts(counter) == {}


@pytest.mark.parametrize("args", [
    pytest.param(["--yes"], id="yes"),
    pytest.param(["-y"], id="y"),
    pytest.param(["--auto-approve"], id="auto-approve"),
    pytest.param(["--dry-run"], id="dry-run"),
])
def test_nothing_is_asked_with_yes_or_a_dry_run(counter: Project, args: list[str]) -> None:
    code, screen = run_on_terminal(["counter", "--environment", "staging", "--targets", "a",
                                    *args], counter.root)
    assert code == (10 if args == ["--dry-run"] else 0), screen
    assert PROMPT not in screen


def test_the_confirm_setting_never_turns_the_question_off(counter: Project) -> None:
    counter.write_config('confirm = "never"\n')
    code, screen = run_on_terminal(["counter", "--environment", "staging", "--targets", "a"],
                                   counter.root)
    assert code == 0, screen
    assert PROMPT not in screen
    assert counts(counter) == {"a": 1}


def test_a_plan_without_changes_asks_nothing(counter: Project) -> None:
    assert counter.run("counter", "--environment", "staging", "--targets", "a").code == 0
    code, screen = run_on_terminal(["counter", "--environment", "staging", "--targets", "a"],
                                   counter.root)
    assert code == 0, screen
    assert PROMPT not in screen


def test_the_question_goes_to_stderr_and_stdout_keeps_one_result(counter: Project,
                                                                  tmp_path: Path) -> None:
    """``opsctl NAME -o json > result.json`` on a terminal: the plan and the question are on
    the terminal (stderr), the result document alone in the file."""
    out = tmp_path / "result.json"
    with out.open("w") as stdout:
        code, screen = run_on_terminal(["counter", "--environment", "staging", "--targets", "a",
                                        "-o", "json"], counter.root, "yes", stdout=stdout)
    assert code == 0, screen
    doc = json.loads(out.read_text())
    assert (doc["mode"], doc["status"]) == ("apply", "succeeded")
    assert "+ create t-a" in screen
    assert counts(counter) == {"a": 1}


def test_yes_given_to_apply_before_the_name_asks_nothing(counter: Project) -> None:
    code, screen = run_on_terminal(["apply", "--yes", "counter", "--environment", "staging",
                                    "--targets", "a"], counter.root, None)
    assert code == 0, screen
    assert PROMPT not in screen
    assert counts(counter) == {"a": 1}
