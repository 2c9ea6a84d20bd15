"""Convergence: verify is polled until it passes or times out; reconcile re-plans until empty."""

from __future__ import annotations

import pytest

from tests.conftest import Project

GROW = '''
from pathlib import Path
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    goal: int = 3
    verify_after: int = 0      # verify passes from the Nth check on
    timeout: float = 5.0
    fail_at: int = 0           # the apply of this level fails
    unreachable: int = 0       # the first N checks cannot reach the target
    stuck: bool = False        # apply finds nothing to do, yet plan plans it again

def level():
    p = Path("level")
    return int(p.read_text()) if p.exists() else 0

grow = Automation("grow", version="1.0.0", owner="o", summary="One step per apply",
                  request=Request, verify_timeout=2.0)

@grow.plan
def plan(ctx, req):
    if level() < req.goal:   # each apply reveals the next step: needs several rounds
        yield Action(id=f"step-{level() + 1}", kind="update", target="level", reason="below target",
                     before=level(), after=level() + 1)

@grow.apply
def apply(ctx, req, action):
    if req.stuck:
        return "unchanged"
    if action.after == req.fail_at:
        raise ValueError(f"cannot reach level {req.fail_at}")
    ctx.files.write_text("level", str(action.after))

@grow.verify
def verify(ctx, req, action):
    checks = Path("checks")
    n = int(checks.read_text()) + 1 if checks.exists() else 1
    checks.write_text(str(n))
    if n <= req.unreachable:
        raise ConnectionRefusedError("the service is restarting")
    return n >= req.verify_after
'''


@pytest.fixture
def grow(backend_project: Project) -> Project:
    backend_project.add_module("grow_auto", GROW)
    return backend_project


def test_reconcile_converges(grow: Project) -> None:
    r = grow.run("reconcile", "grow", "--format", "json")
    assert r.code == 0
    assert r.doc["mode"] == "reconcile"
    assert r.doc["artifacts"]["converged"] is True
    assert len(r.doc["artifacts"]["iterations"]) == 4  # three steps, then an empty plan
    assert (grow.root / "level").read_text() == "3"
    # the result says what reconcile did, not what the last, empty plan found
    assert r.doc["status"] == "succeeded"
    assert r.doc["summary"]["applied"] == 3
    assert [a["id"] for a in r.doc["plan"]["actions"]] == ["step-3"]  # the last change
    assert r.doc["run_id"] == r.doc["artifacts"]["iterations"][2]


def test_reconcile_of_a_converged_target_says_no_changes(grow: Project) -> None:
    (grow.root / "level").write_text("3")
    r = grow.run("reconcile", "grow", "--format", "json")
    assert r.code == 0
    assert r.doc["status"] == "no_changes"
    assert r.doc["summary"]["applied"] == 0
    assert len(r.doc["artifacts"]["iterations"]) == 1
    text = grow.run("reconcile", "grow")
    assert text.code == 0 and "no changes" in text.stdout


def test_reconcile_text_output_says_applied(grow: Project) -> None:
    r = grow.run("reconcile", "grow")
    assert r.code == 0
    assert "succeeded" in r.stdout and "no changes" not in r.stdout


def test_reconcile_stops_at_the_bound_not_converged(grow: Project) -> None:
    r = grow.run("reconcile", "grow", "--goal", "5", "--max-iterations", "2", "--format", "json")
    assert r.code == 4
    assert r.doc["status"] == "failed"
    assert "not converged after 2 iterations" in r.doc["error"]["message"]
    assert r.doc["artifacts"]["converged"] is False
    assert (grow.root / "level").read_text() == "2"
    # what the iterations applied, not the plan left over with nothing applied
    assert r.doc["summary"]["applied"] == 2 and r.doc["summary"]["planned"] == 2
    assert r.doc["run_id"] == r.doc["artifacts"]["iterations"][-1]
    assert [(a["id"], a["status"]) for a in r.doc["plan"]["actions"]] == [("step-2", "applied")]


def test_reconcile_whose_plan_apply_finds_unchanged_is_not_converged(grow: Project) -> None:
    """An iteration that changed nothing ends reconcile only when the plan is empty: one
    whose actions apply found unchanged, planned again, is not converged."""
    r = grow.run("reconcile", "grow", "--stuck", "--format", "json")
    assert r.code == 4, r.stderr
    assert r.doc["status"] == "failed" and r.doc["artifacts"]["converged"] is False
    assert r.doc["error"]["message"] == ("not converged after 1 iteration: the plan still has "
                                         "1 action(s), which apply found unchanged")
    assert r.doc["summary"]["unchanged"] == 1
    assert grow.run("grow", "--stuck", "--dry-run").code == 10  # the plan is not empty


def test_reconcile_whose_iteration_fails_counts_what_the_earlier_ones_applied(
        grow: Project) -> None:
    r = grow.run("reconcile", "grow", "--fail-at", "3", "--format", "json")
    assert r.code == 1, r.stderr
    assert r.doc["status"] == "failed" and r.doc["artifacts"]["converged"] is False
    assert "cannot reach level 3" in r.doc["error"]["message"]
    assert {k: r.doc["summary"][k] for k in ("planned", "applied", "failed")} == {
        "planned": 3, "applied": 2, "failed": 1}
    assert r.doc["run_id"] == r.doc["artifacts"]["iterations"][-1]
    assert (grow.root / "level").read_text() == "2"


def test_reconcile_refuses_an_idempotency_key_and_changes_nothing(grow: Project) -> None:
    """Each round of reconcile is a run of its own, under its own key: a caller's key would be
    dropped without a word, so it is refused (and not offered in --help)."""
    r = grow.run("reconcile", "grow", "--idempotency-key", "deploy-7", "--format", "json")
    assert r.code == 2, r.stderr
    assert "--idempotency-key: reconcile applies in rounds" in r.doc["error"]["message"]
    assert not (grow.root / "level").exists()
    assert grow.run("runs", "--format", "json", expect_json=True).doc["runs"] == []
    assert "--idempotency-key" not in grow.run("reconcile", "grow", "--help").stdout
    assert "--idempotency-key" in grow.run("apply", "grow", "--help").stdout


READ = '''
from pathlib import Path
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    pass

check = Automation("check", version="1.0.0", owner="o", summary="Report on the target",
                   request=Request, effect="read")

@check.plan
def plan(ctx, req):
    yield Action(id="report", kind="run", target="level", reason="report")

@check.apply
def apply(ctx, req, action):
    with Path("reports").open("a") as fh:
        fh.write("report\\n")
'''


def test_reconcile_refuses_a_read_automation_and_runs_nothing(backend_project: Project) -> None:
    """A read automation's apply changes nothing, so its plan never empties: reconcile ran it
    --max-iterations times and ended "not converged", exit 4 and retryable."""
    backend_project.add_module("check_auto", READ)
    r = backend_project.run("reconcile", "check", "--format", "json")
    assert r.code == 2, r.stderr
    assert "check is a read automation" in r.doc["error"]["message"]
    assert not (backend_project.root / "reports").exists()
    assert backend_project.run("runs", "--format", "json", expect_json=True).doc["runs"] == []
    assert backend_project.run("check").code == 0  # run on its own, it reports as before
    assert (backend_project.root / "reports").read_text() == "report\n"


def test_reconcile_says_it_does_not_use_the_key_of_the_environment(grow: Project) -> None:
    """OPSCTL_IDEMPOTENCY_KEY, set for a whole CI job, is not refused as the flag is; it is
    not dropped without a word either."""
    grow.extra_env["OPSCTL_IDEMPOTENCY_KEY"] = "deploy-7"
    r = grow.run("reconcile", "grow", "--format", "json")
    assert r.code == 0, r.stderr
    assert r.doc["idempotency_key"] != "deploy-7"
    assert any(w.startswith("OPSCTL_IDEMPOTENCY_KEY is not used by reconcile")
               for w in r.doc["warnings"]), r.doc["warnings"]


def test_verify_is_polled_until_it_passes(grow: Project) -> None:
    r = grow.run("grow", "--goal", "1", "--verify-after", "3", "--format", "json")
    assert r.code == 0
    assert (grow.root / "checks").read_text() == "3"
    assert [e["check"] for e in r.logs() if e["event"] == "verify.pending"] == [1, 2]


def test_a_check_that_cannot_reach_the_target_yet_is_polled_again(grow: Project) -> None:
    """A transient failure of verify (the service restarting after the change) is retried
    within verify_timeout, as one of apply is; it is not the run's end."""
    r = grow.run("apply", "grow", "--goal", "1", "--unreachable", "2", "--format", "json")
    assert r.code == 0, r.stderr
    assert r.doc["status"] == "succeeded"
    assert (grow.root / "checks").read_text() == "3"


def test_a_target_unreachable_until_the_timeout_is_not_converged_naming_why(
        grow: Project) -> None:
    r = grow.run("apply", "grow", "--goal", "1", "--unreachable", "1000", "--format", "json")
    assert r.code == 4, r.stderr
    assert r.doc["error"]["step"] == "verify"
    message = r.doc["error"]["message"]
    assert message.startswith("not converged: action step-1 on level did not verify within 2s")
    assert message.endswith("the last check failed: verify of action step-1 failed: "
                            "connection failed: the service is restarting")
    assert int((grow.root / "checks").read_text()) > 1


def test_never_verified_is_not_converged_exit_4(grow: Project) -> None:
    r = grow.run("grow", "--goal", "1", "--verify-after", "1000", "--format", "json")
    assert r.code == 4
    assert r.doc["status"] == "failed"
    assert r.doc["error"]["step"] == "verify"
    assert "not converged" in r.doc["error"]["message"]


def test_running_a_not_converged_run_again_verifies_it_again(grow: Project) -> None:
    """Exit 4 says "retry later": the retry (the same command, or resume) is the same run, and
    its applied action is verified again, never "succeeded" unchecked."""
    first = grow.run("grow", "--goal", "1", "--verify-after", "1000", "--format", "json")
    assert first.code == 4 and first.doc["error"]["step"] == "verify"
    checks = int((grow.root / "checks").read_text())
    again = grow.run("grow", "--goal", "1", "--verify-after", "1000", "--format", "json")
    assert again.code == 4, again.doc
    assert again.doc["run_id"] == first.doc["run_id"] and again.doc["status"] == "failed"
    assert "not converged" in again.doc["error"]["message"]
    assert int((grow.root / "checks").read_text()) > checks  # verify was called again
    resumed = grow.run("resume", first.doc["run_id"], "--format", "json")
    assert resumed.code == 4 and resumed.doc["status"] == "failed"
    (grow.root / "checks").write_text("2000")  # the target converges: the retry succeeds
    done = grow.run("grow", "--goal", "1", "--verify-after", "1000", "--format", "json")
    assert done.code == 0 and done.doc["status"] == "succeeded"
    assert (grow.root / "level").read_text() == "1"  # applied once


HOLDS = '''
import time
from pathlib import Path
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    goal: int = 2
    stuck: bool = False        # apply finds nothing to do, yet plan plans it again

holds = Automation("holds", version="1.0.0", owner="o", summary="One step per apply, held",
                   request=Request)

def level():
    p = Path("level")
    return int(p.read_text()) if p.exists() else 0

@holds.plan
def plan(ctx, req):
    if level() < req.goal:
        yield Action(id=f"step-{level() + 1}", kind="update", target="level",
                     reason="below target", before=level(), after=level() + 1)

@holds.apply
def apply(ctx, req, action):
    Path("applying").touch()
    deadline = time.monotonic() + 60
    while not Path("go").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    Path("go").unlink()
    if req.stuck:
        return "unchanged"
    ctx.files.write_text("level", str(action.after))
'''


@pytest.mark.parametrize("stuck", [False, True], ids=["applied", "found-unchanged"])
def test_reconcile_cancelled_during_an_iterations_last_action_starts_no_other_run(
        backend_project: Project, stuck: bool) -> None:
    """The iteration's last action finishes (it was in flight), then the reconcile stops:
    exit 130, what it applied counted, no further run recorded (was: one more iteration
    started, recorded as a run cancelled while planning, and its "nothing was changed"
    reported for the whole reconcile)."""
    import json
    import time

    from tests.e2e.test_durable import start

    project = backend_project
    project.add_module("holds_auto", HOLDS)
    proc = start(project, "reconcile", "holds", "--yes", "--format", "json",
                 *(["--stuck"] if stuck else []))
    try:
        deadline = time.monotonic() + 90
        while not (project.root / "applying").exists():
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the reconcile never reached its apply"
            time.sleep(0.02)
        [run] = project.run("runs", "--status", "running", "--format", "json").doc["runs"]
        asked = project.run("cancel", run["id"], "--reason", "enough", "--format", "json")
        assert asked.code == 0, asked.stderr
        time.sleep(3)  # the run sees the request (it looks every second), its action in flight
        (project.root / "go").touch()
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130, err
    doc = json.loads(out)
    assert doc["status"] == "cancelled" and doc["artifacts"]["converged"] is False
    assert doc["artifacts"]["iterations"] == [run["id"]]
    assert doc["summary"]["applied"] == (0 if stuck else 1)
    assert "stopped on request" in doc["error"]["message"]
    listed = project.run("runs", "--format", "json").doc["runs"]  # not even a final plan
    assert [r["id"] for r in listed] == [run["id"]]
    assert (project.root / "level").exists() is not stuck
