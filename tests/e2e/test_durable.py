"""Durable applies through the real CLI: keys, replay, resume after kills, leases, signals."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time

import pytest

from opsctl.store.sql import open_store
from tests.conftest import (
    OPSCTL,
    Project,
    forge_audit_event_past_head,
    validate_result,
    wait_for_stopping,
)

LEDGER = '''
import os, time
from pathlib import Path
from pydantic import BaseModel, Field
from opsctl import Action, Automation, TransientError

class Request(BaseModel):
    scope: str = "main"
    targets: list[str] = Field(default_factory=lambda: ["a", "b", "c", "d"])
    slow: float = 0.0
    pause_at: str = ""  # apply waits before this target's effect until a file "go" exists
    block_at: str = ""  # apply blocks in one long sleep (a C call) at this target

ledger = Automation("ledger", version="1.0.0", owner="o", summary="One effect per target",
                    request=Request, lock_scope=("scope",), retry={"attempts": 2, "base": "10ms"})

def applied():
    """The effects so far: one line per applied target, the only state of this automation."""
    try:
        return set(Path("effects.log").read_text().split())
    except FileNotFoundError:
        return set()

@ledger.plan
def plan(ctx, req):
    done = applied()
    for t in req.targets:
        if f"{req.scope}/{t}" not in done:
            yield Action(id=f"t-{t}", kind="create", target=t, reason="missing", data={"t": t})

@ledger.apply
def apply(ctx, req, action):
    t = action.data["t"]
    if Path(f"fail-{t}").exists():
        raise TransientError(f"{t} is unavailable")
    if req.slow:
        time.sleep(req.slow)
    if t == req.block_at:
        Path("waiting").write_text(t)
        time.sleep(600)
    if t == req.pause_at:
        Path("waiting").write_text(t)
        while not Path("go").exists():
            time.sleep(0.02)
    # The effect is one append of one line (atomic): a kill lands before it or after it.
    fd = os.open("effects.log", os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    os.write(fd, f"{req.scope}/{t}\\n".encode())
    os.close(fd)
'''


@pytest.fixture
def ledger(backend_project: Project) -> Project:
    backend_project.add_module("ledger_auto", LEDGER)
    return backend_project


def effects(project: Project) -> list[str]:
    log = project.root / "effects.log"
    return log.read_text().split() if log.exists() else []


def start(project: Project, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([OPSCTL, *args], cwd=project.root,
                            env=env or project.env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def hold(project: Project, *args: str, at: str = "b",
         env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """Start an apply that holds its lease inside target ``at`` until :func:`release`: no
    timing guess decides whether it still holds the scope when the test looks."""
    proc = start(project, "ledger", "--pause-at", at, *args, env=env)
    deadline = time.monotonic() + 90  # a loaded machine may take a while to start it
    while not (project.root / "waiting").exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the apply never reached its pause"
        time.sleep(0.02)
    return proc


def release(project: Project) -> None:
    (project.root / "go").write_text("")


def wait_for_effects(project: Project, count: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while len(effects(project)) < count:
        assert time.monotonic() < deadline, "the run made no progress"
        time.sleep(0.02)


def test_caller_key_replays_a_finished_run(ledger: Project) -> None:
    first = ledger.run("ledger", "--idempotency-key", "deploy-42", "--format", "json")
    assert first.code == 0 and first.doc["replayed"] is False
    again = ledger.run("ledger", "--idempotency-key", "deploy-42", "--format", "json")
    assert again.code == 0
    assert again.doc["replayed"] is True
    assert again.doc["run_id"] == first.doc["run_id"]
    assert again.doc["summary"] == first.doc["summary"]
    assert effects(ledger) == ["main/a", "main/b", "main/c", "main/d"]
    text = ledger.run("ledger", "--idempotency-key", "deploy-42")
    assert text.code == 0
    assert f"replayed: the recorded result of run {first.doc['run_id']}" in text.stdout


def test_caller_key_with_another_request_exits_7(ledger: Project) -> None:
    assert ledger.run("ledger", "--idempotency-key", "k1").code == 0
    other = ledger.run("ledger", "--idempotency-key", "k1", "--targets", "z", "--format", "json")
    assert other.code == 7
    assert other.doc["error"]["type"] == "conflict"
    assert "different request" in other.doc["error"]["message"]
    assert "main/z" not in effects(ledger)


OTHER = """
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    name: str = "x"

other = Automation("other", version="1.0.0", owner="tests", summary="another automation",
                   request=Request)

@other.plan
def plan(ctx, req):
    yield Action(id=req.name, kind="create", target=req.name, reason="missing")

@other.apply
def apply(ctx, req, action):
    return "applied"
"""


def test_a_key_belongs_to_one_automation(ledger: Project) -> None:
    """One CI job may give the same key (`ci`, say) to each automation it runs: for another
    automation it names another operation, neither a replay nor a conflict."""
    ledger.add_module("other_auto", OTHER)
    assert ledger.run("ledger", "--idempotency-key", "k1").code == 0
    other = ledger.run("other", "--name", "y", "--idempotency-key", "k1", "--format", "json")
    assert (other.code, other.doc["replayed"], other.doc["automation"]) == (0, False, "other")


def test_derived_key_plans_afresh_once_finished(ledger: Project) -> None:
    assert ledger.run("ledger").code == 0
    again = ledger.run("ledger", "--format", "json")
    assert (again.code, again.doc["status"], again.doc["replayed"]) == (0, "no_changes", False)


def test_ci_key_is_stable_across_job_retries(ledger: Project) -> None:
    env = ledger.env({"GITHUB_ACTIONS": "true", "GITHUB_REPOSITORY": "acme/ops",
                      "GITHUB_RUN_ID": "99", "GITHUB_JOB": "release", "GITHUB_RUN_ATTEMPT": "1"})
    first = ledger.run("ledger", "--idempotency-key", "ci", "--format", "json", env=env)
    assert first.doc["idempotency_key"] == "github:acme/ops:99:release:ledger"
    env["GITHUB_RUN_ATTEMPT"] = "2"
    retry = ledger.run("ledger", "--idempotency-key", "ci", "--format", "json", env=env)
    assert retry.doc["replayed"] is True
    outside = ledger.run("ledger", "--idempotency-key", "ci")  # no CI identity here
    assert outside.code == 2 and "outside CI give a key of your own" in outside.stderr


def test_ci_key_comes_from_the_ci_system_running_the_job(ledger: Project) -> None:
    # A Jenkins build with a GitHub checkout's variables left in its environment: the key, like
    # the actor, names the Jenkins build, so the next build is another operation, not a replay.
    stale = {"GITHUB_REPOSITORY": "acme/ops", "GITHUB_RUN_ID": "99", "GITHUB_JOB": "release"}
    env = ledger.env({**stale, "JENKINS_URL": "https://ci.example.com/", "JOB_NAME": "ops/ledger",
                      "BUILD_NUMBER": "5"})
    first = ledger.run("ledger", "--idempotency-key", "ci", "--format", "json", env=env)
    assert (first.doc["idempotency_key"], first.doc["actor"]) == ("jenkins:ops/ledger:5:ledger",
                                                                  "jenkins-job:ops/ledger")
    env["BUILD_NUMBER"] = "6"
    (ledger.root / "effects.log").unlink()
    second = ledger.run("ledger", "--idempotency-key", "ci", "--format", "json", env=env)
    assert (second.code, second.doc["replayed"], second.doc["summary"]["applied"]) == (0, False, 4)
    # without a CI system's marker, its variables alone name no CI job
    alone = ledger.run("ledger", "--idempotency-key", "ci", env=ledger.env(stale))
    assert alone.code == 2 and "no CI job identity" in alone.stderr
    marker_only = ledger.env({"GITHUB_ACTIONS": "true", "GITHUB_REPOSITORY": "acme/ops"})
    unnamed = ledger.run("ledger", "--idempotency-key", "ci", env=marker_only)
    assert unnamed.code == 2 and "GITHUB_RUN_ID" in unnamed.stderr


def test_partial_run_resumes_only_what_is_left(ledger: Project) -> None:
    (ledger.root / "fail-c").write_text("")
    partial = ledger.run("ledger", "--format", "json")
    assert partial.code == 5
    assert [a["status"] for a in partial.doc["plan"]["actions"]] == ["applied", "applied", "failed", "skipped"]
    (ledger.root / "fail-c").unlink()
    resumed = ledger.run("resume", partial.doc["run_id"], "--format", "json")
    assert resumed.code == 0
    assert resumed.doc["run_id"] == partial.doc["run_id"]
    assert [a["status"] for a in resumed.doc["plan"]["actions"]] == ["applied"] * 4
    assert any("resumed run" in w for w in resumed.doc["warnings"])
    assert effects(ledger) == ["main/a", "main/b", "main/c", "main/d"]
    done = ledger.run("resume", partial.doc["run_id"])
    assert done.code == 2 and "nothing to resume" in done.stderr


def test_resuming_a_finished_run_is_refused_before_the_lease(ledger: Project) -> None:
    done = ledger.run("ledger", "--targets", "a", "--format", "json")
    assert done.code == 0
    holder = hold(ledger)  # another run of the same scope holds its lease
    try:
        for extra in ([], ["--wait-lock", "10m"]):
            # nothing to resume, whoever holds the scope: exit 2 at once, not "locked"
            # (exit 7), nor a wait for a lease the finished run has no use for
            refused = ledger.run("resume", done.doc["run_id"], *extra)
            assert refused.code == 2 and "is succeeded: nothing to resume" in refused.stderr
    finally:
        release(ledger)
    holder.communicate(timeout=30)
    assert holder.returncode == 0


def test_resuming_a_run_whose_request_model_changed_is_refused(ledger: Project) -> None:
    (ledger.root / "fail-c").write_text("")
    partial = ledger.run("ledger", "--format", "json")
    assert partial.code == 5
    (ledger.root / "fail-c").unlink()
    # a field added with a default, the contract version unchanged: the recorded request now
    # reads as another one, so it is not that run's to finish
    ledger.add_module("ledger_auto", LEDGER.replace('    slow: float = 0.0\n',
                                                    '    slow: float = 0.0\n    note: str = "-"\n'))
    refused = ledger.run("resume", partial.doc["run_id"], "--format", "json")
    assert refused.code == 3, refused.stderr
    assert "cannot be resumed" in refused.stderr and "run the command again" in refused.stderr
    assert "idempotency key" not in refused.stderr
    assert "lock" not in refused.doc["artifacts"]  # refused before the scope's lease
    again = ledger.run("ledger", "--format", "json")
    assert again.code == 0
    assert effects(ledger) == ["main/a", "main/b", "main/c", "main/d"]


def test_rerunning_the_same_command_after_sigkill_finishes_the_work_once(ledger: Project) -> None:
    proc = start(ledger, "ledger", "--slow", "0.3", "--format", "json")
    wait_for_effects(ledger, 2)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=10)
    # The killed holder ran on this machine and its process is gone: its lease (60 s by
    # default) is taken over at once, no --wait-lock needed.
    began = time.monotonic()
    rerun = ledger.run("ledger", "--slow", "0.3", "--format", "json")
    assert rerun.code == 0, rerun.stderr
    assert time.monotonic() - began < 30
    assert sorted(effects(ledger)) == ["main/a", "main/b", "main/c", "main/d"]
    assert len(effects(ledger)) == len(set(effects(ledger)))
    runs = ledger.run("runs", "--format", "json", expect_json=True).doc["runs"]
    assert [r["id"] for r in runs] == [rerun.doc["run_id"]]  # the killed run was resumed


def test_rerunning_apply_plan_after_sigkill_resumes_the_same_run(ledger: Project) -> None:
    """A saved plan applies once, but the run that claimed it and was killed is finished by
    the same `apply --plan` again, as the same run, each effect once."""
    plan = ledger.run("plan", "ledger", "--slow", "0.3", "--out", "plan.json")
    assert plan.code == 10, plan.stderr
    proc = start(ledger, "apply", "--plan", "plan.json", "--format", "json")
    wait_for_effects(ledger, 2)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=10)
    rerun = ledger.run("apply", "--plan", "plan.json", "--format", "json")
    assert rerun.code == 0, rerun.stderr
    assert sorted(effects(ledger)) == ["main/a", "main/b", "main/c", "main/d"]
    assert len(effects(ledger)) == len(set(effects(ledger)))
    assert any("resumed run" in w for w in rerun.doc["warnings"])
    runs = ledger.run("runs", "--format", "json", expect_json=True).doc["runs"]
    assert [r["id"] for r in runs if r["mode"] == "apply"] == [rerun.doc["run_id"]]
    # once finished, the plan is spent: a third apply is refused and changes nothing
    third = ledger.run("apply", "--plan", "plan.json", "--format", "json")
    assert third.code == 3
    assert f"already applied by run {rerun.doc['run_id']} (succeeded)" in third.doc["error"]["message"]
    assert len(effects(ledger)) == 4


def test_apply_plan_again_after_a_partial_run_finishes_that_run(ledger: Project) -> None:
    """Applying a saved plan again after its run stopped short (partial here; interrupted
    alike) resumes that run, as `opsctl resume` does: the same run, never a second apply of
    the plan; once it succeeded, the plan is refused as applied."""
    (ledger.root / "fail-c").write_text("")
    assert ledger.run("plan", "ledger", "--out", "plan.json").code == 10
    partial = ledger.run("apply", "--plan", "plan.json", "--format", "json")
    assert partial.code == 5
    still = ledger.run("apply", "--plan", "plan.json", "--format", "json")
    assert still.code == 5 and still.doc["run_id"] == partial.doc["run_id"]
    assert effects(ledger) == ["main/a", "main/b"]
    (ledger.root / "fail-c").unlink()
    done = ledger.run("apply", "--plan", "plan.json", "--format", "json")
    assert done.code == 0, done.stderr
    assert done.doc["run_id"] == partial.doc["run_id"]
    assert effects(ledger) == ["main/a", "main/b", "main/c", "main/d"]
    once = ledger.run("apply", "--plan", "plan.json", "--format", "json")
    assert once.code == 3
    assert f"already applied by run {partial.doc['run_id']} (succeeded)" in once.doc["error"]["message"]


def test_second_mutating_run_on_a_locked_scope_exits_7(ledger: Project) -> None:
    holder = hold(ledger)
    contender = ledger.run("ledger", "--targets", "x", "--format", "json")
    assert contender.code == 7
    assert "is locked by run" in contender.doc["error"]["message"]
    elsewhere = ledger.run("ledger", "--scope", "other", "--targets", "x")
    assert elsewhere.code == 0
    dry = ledger.run("ledger", "--targets", "y", "--dry-run")
    assert dry.code == 10  # planning takes no lock
    listed = ledger.run("locks", "--format", "json", expect_json=True)
    assert [lock["scope"] for lock in listed.doc["locks"]] == ["ledger/scope=main"]
    release(ledger)
    holder.communicate(timeout=30)
    assert holder.returncode == 0
    assert ledger.run("locks", "--format", "json", expect_json=True).doc["locks"] == []


def test_resume_of_a_run_its_process_still_carries_out_exits_7_saying_so(ledger: Project) -> None:
    holder = hold(ledger)
    run_id = ledger.run("runs", "--format", "json", expect_json=True).doc["runs"][0]["id"]
    resumed = ledger.run("resume", run_id, "--format", "json")
    assert resumed.code == 7, resumed.stderr
    assert resumed.doc["status"] == "conflict"
    assert resumed.doc["automation"] == "ledger"
    message = resumed.doc["error"]["message"]
    assert f"run {run_id} is still being carried out by that process" in message
    assert f"`opsctl wait {run_id}` follows it" in message
    release(ledger)
    holder.communicate(timeout=60)
    assert holder.returncode == 0
    assert sorted(effects(ledger)) == ["main/a", "main/b", "main/c", "main/d"]


def test_broken_lease_fences_out_the_old_holder(ledger: Project) -> None:
    holder = hold(ledger, "--format", "json")
    broke = ledger.run("locks", "break", "ledger/scope=main", "--reason", "stuck deploy",
                       "--format", "json", expect_json=True)
    assert broke.code == 0 and broke.doc["reason"] == "stuck deploy"
    release(ledger)
    out, err = holder.communicate(timeout=30)
    assert holder.returncode == 7, err
    doc = json.loads(out)
    assert "lease" in doc["error"]["message"]
    assert "was broken (`opsctl locks break`) or ran out" in doc["error"]["message"]
    assert doc["error"]["step"] == "apply"  # where it happened, as for every other error
    assert len(effects(ledger)) < 4


def test_a_secret_in_the_reason_to_break_a_lock_is_stored_and_shown_masked(
        ledger: Project) -> None:
    """The reason is kept in the lease's history as well as in the audit trail: masked in
    both, and in the command's answer, as a cancel's or an approval's reason is."""
    canary = "canary-51c0de-lock"
    env = ledger.env({"OPSCTL_SECRET_DB_PASSWORD": canary})
    holder = hold(ledger)
    try:
        broke = ledger.run("locks", "break", "ledger/scope=main", "--reason",
                           f"stuck after {canary} rotated", "--format", "json", env=env)
        assert broke.code == 0, broke.stderr
        assert broke.doc["reason"] == "stuck after *** rotated"
        assert canary not in broke.stdout + broke.stderr
    finally:
        release(ledger)
        holder.communicate(timeout=30)
    store = open_store(ledger.extra_env.get("OPSCTL_STORE_URL") or f"sqlite:///{ledger.db}")
    try:
        reasons = [e["reason"] for e in store.lock_events("ledger/scope=main")
                   if e["event"] == "broken"]
    finally:
        store.close()
    assert reasons == ["stuck after *** rotated"]
    exported = ledger.run("audit", "export", env=env)
    assert exported.code == 0 and "stuck after *** rotated" in exported.stdout
    assert canary not in exported.stdout


def test_a_break_the_audit_trail_refuses_leaves_the_lease_held(ledger: Project) -> None:
    holder = hold(ledger)
    try:
        forge_audit_event_past_head(ledger)  # the trail takes no more events
        refused = ledger.run("locks", "break", "ledger/scope=main", "--reason", "stuck")
        assert refused.code == 3 and "beyond the audit head" in refused.stderr
        listed = ledger.run("locks", "--format", "json", expect_json=True).doc["locks"]
        assert [lock["scope"] for lock in listed] == ["ledger/scope=main"]
    finally:
        release(ledger)
        holder.communicate(timeout=30)


@pytest.mark.parametrize("signum", [
    pytest.param(signal.SIGTERM, id="sigterm"),
    # the terminal or the ssh session closing: a graceful stop too (was: killed at once,
    # the run left running until its lease ran out)
    pytest.param(signal.SIGHUP, id="sighup"),
])
def test_sigterm_lets_the_action_in_flight_finish(ledger: Project, signum: int) -> None:
    proc = hold(ledger, "--format", "json")  # the second action is in flight now
    proc.send_signal(signum)
    time.sleep(0.3)
    release(ledger)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    doc = json.loads(out)
    assert doc["status"] == "cancelled"
    assert [a["status"] for a in doc["plan"]["actions"]] == ["applied", "applied", "pending", "pending"]
    assert effects(ledger) == ["main/a", "main/b"]
    # the stop's warning names the run, and is in its event stream for those following it
    assert '"event": "run.stopping", "run_id": "' + doc["run_id"] in err
    followed = ledger.run("show", doc["run_id"], "--follow", "--format", "json",
                          expect_json=False)
    events = [json.loads(line) for line in followed.stdout.splitlines()]
    assert any(e.get("kind") == "log" and e["data"].get("event") == "run.stopping"
               for e in events), events
    resumed = ledger.run("resume", doc["run_id"], "--format", "json")
    assert resumed.code == 0
    assert effects(ledger) == ["main/a", "main/b", "main/c", "main/d"]


def test_second_signal_aborts_at_once(ledger: Project) -> None:
    env = ledger.env({"OPSCTL_STOP_GRACE": "60s"})
    proc = hold(ledger, "--format", "json", at="a", env=env)  # never released: it would hang
    proc.send_signal(signal.SIGTERM)
    wait_for_stopping(proc)
    began = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=45)
    assert time.monotonic() - began < 30  # not the 60 s grace
    assert proc.returncode == 130
    doc = json.loads(out)
    assert doc["status"] == "cancelled"
    assert effects(ledger) == []  # the aborted action is journaled interrupted, never applied
    # the result says what the journal says: the action in flight was interrupted
    assert [a["status"] for a in doc["plan"]["actions"]] == ["interrupted", "pending", "pending",
                                                             "pending"]
    shown = ledger.run("show", doc["run_id"], "--format", "json", expect_json=True)
    assert shown.doc["actions"][0]["status"] == "interrupted"


def test_interrupted_action_is_not_journaled_as_applied(ledger: Project) -> None:
    env = ledger.env({"OPSCTL_STOP_GRACE": "0.2s"})
    # in flight and never released: the grace period runs out and the action is aborted
    proc = hold(ledger, "--targets", "a", "--format", "json", at="a", env=env)
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 130
    shown = ledger.run("show", json.loads(out)["run_id"], "--format", "json", expect_json=True)
    assert [a["status"] for a in shown.doc["actions"]] == ["interrupted"]
    assert os.path.exists(ledger.root / "effects.log") is False


def test_the_stop_grace_ends_an_action_blocked_in_a_call(ledger: Project) -> None:
    """One worker applies inline in the main thread: an action blocked in C (a sleep, a
    subprocess, a socket) is still aborted when stop_grace runs out."""
    env = ledger.env({"OPSCTL_STOP_GRACE": "1s"})
    proc = start(ledger, "ledger", "--block-at", "a", "--targets", "a", "--format", "json",
                 env=env)
    deadline = time.monotonic() + 30
    while not (ledger.root / "waiting").exists():
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.02)
    began = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert time.monotonic() - began < 15, "the blocked action outlived stop_grace"
    assert proc.returncode == 130, err
    doc = json.loads(out)
    assert doc["status"] == "cancelled"
    assert [a["status"] for a in doc["plan"]["actions"]] == ["interrupted"]
    validate_result(doc)  # the published schema has the status


def test_group_mode_commits_a_finished_action_within_its_time_bound(ledger: Project) -> None:
    """group mode commits every 256 records or 50 ms: also when the next action runs for a
    long time and no other record comes to trigger the commit."""
    from opsctl.store.sql import open_store

    env = ledger.env({"OPSCTL_JOURNAL_MODE": "group"})
    proc = hold(ledger, "--format", "json", env=env)  # a applied, b in flight until released
    store = open_store(ledger.extra_env.get("OPSCTL_STORE_URL") or f"sqlite:///{ledger.db}")
    try:
        # a's outcome and b's start may go in two batches: the second one too is committed
        # within the bound, with no later record to trigger it (a look between the two
        # commits, which a loaded machine spaces out, saw b still pending)
        deadline = time.monotonic() + 10
        while True:
            rows = {r["action_id"]: r["status"]
                    for r in store._rows("SELECT action_id, status FROM actions")}
            if rows.get("t-a") == "applied" and rows.get("t-b") == "started":
                break
            assert time.monotonic() < deadline, f"a's outcome or b's start never committed: {rows}"
            time.sleep(0.05)
    finally:
        store.close()
        release(ledger)
        proc.communicate(timeout=30)
    assert proc.returncode == 0


FLAKY = '''
import os, signal
from pathlib import Path
from pydantic import BaseModel
from opsctl import Action, Automation, AuthError, TransientError

class Request(BaseModel):
    failures: int = 2
    kind: str = "transient"
    die_at: int = 0  # the attempt whose start SIGKILLs the process

flaky = Automation("flaky", version="1.0.0", owner="o", summary="Fails a few times first",
                   request=Request, retry={"attempts": 4, "base": "10ms", "cap": "50ms"})

@flaky.plan
def plan(ctx, req):
    yield Action(id="call", kind="run", target="remote", reason="r")

@flaky.apply
def apply(ctx, req, action):
    tries = Path("tries")
    count = int(tries.read_text()) if tries.exists() else 0
    tries.write_text(str(count + 1))
    if count + 1 == req.die_at:
        os.kill(os.getpid(), signal.SIGKILL)
    if count < req.failures:
        if req.kind == "auth":
            raise AuthError("token rejected")
        raise TransientError("503 from remote")
'''


@pytest.fixture
def flaky(backend_project: Project) -> Project:
    backend_project.add_module("flaky_auto", FLAKY)
    return backend_project


def tries(project: Project) -> int:
    return int((project.root / "tries").read_text())


def test_transient_failures_are_retried_with_recorded_attempts_and_waits(flaky: Project) -> None:
    r = flaky.run("flaky", "--failures", "2", "--format", "json")
    assert r.code == 0
    [action] = r.doc["plan"]["actions"]
    assert (action["status"], action["attempts"], len(action["waits"])) == ("applied", 3, 2)
    assert all(0 <= w <= 0.05 for w in action["waits"])
    assert tries(flaky) == 3
    retrying = [e for e in r.logs() if e["event"] == "action.retrying"]
    assert [e["attempt"] for e in retrying] == [1, 2]
    shown = flaky.run("show", r.doc["run_id"], "--format", "json", expect_json=True)
    assert [(a["status"], a["attempts"]) for a in shown.doc["actions"]] == [("applied", 3)]


def test_attempts_made_before_a_sigkill_count_in_the_resumed_run(flaky: Project) -> None:
    """The journal counted an action's starts, not its attempts: the retries made before the
    process was killed were lost, and the resumed run said 2 attempts where 4 were made."""
    killed = flaky.run("flaky", "--failures", "3", "--die-at", "3")
    assert killed.code == -signal.SIGKILL
    assert tries(flaky) == 3

    rerun = flaky.run("flaky", "--failures", "3", "--die-at", "3", "--format", "json")

    assert rerun.code == 0, rerun.stderr
    assert tries(flaky) == 4
    [action] = rerun.doc["plan"]["actions"]
    assert (action["status"], action["attempts"]) == ("applied", 4)
    shown = flaky.run("show", rerun.doc["run_id"], "--format", "json", expect_json=True)
    assert [(a["status"], a["attempts"]) for a in shown.doc["actions"]] == [("applied", 4)]


def test_retries_are_bounded_and_exit_4(flaky: Project) -> None:
    flaky.write_config("[automation.flaky.retry]\nattempts = 2\n")
    r = flaky.run("flaky", "--failures", "5", "--format", "json")
    assert r.code == 4
    assert "gave up after 2 attempts" in r.doc["error"]["message"]
    assert r.doc["plan"]["actions"][0]["attempts"] == 2
    assert tries(flaky) == 2


def test_non_transient_errors_are_not_retried(flaky: Project) -> None:
    r = flaky.run("flaky", "--failures", "1", "--kind", "auth", "--format", "json")
    assert r.code == 6
    assert tries(flaky) == 1


def test_bad_retry_config_exits_2(flaky: Project) -> None:
    flaky.write_config("[retry]\nattempts = 0\n")
    r = flaky.run("flaky")
    assert r.code == 2
    assert "retry" in r.stderr and "attempts" in r.stderr


@pytest.mark.parametrize(("flags", "statuses"), [
    pytest.param([], ["applied", "failed", "skipped", "skipped"], id="default-fail-fast"),
    pytest.param(["--fail-fast"], ["applied", "failed", "skipped", "skipped"], id="fail-fast"),
    pytest.param(["--max-failures", "2"], ["applied", "failed", "failed", "skipped"], id="max-2"),
    pytest.param(["--max-failures", "3"], ["applied", "failed", "failed", "applied"], id="max-3"),
])
def test_max_failures_bounds_how_far_a_failing_apply_goes(ledger: Project, flags: list[str],
                                                          statuses: list[str]) -> None:
    (ledger.root / "fail-b").write_text("")
    (ledger.root / "fail-c").write_text("")
    r = ledger.run("ledger", *flags, "--format", "json")
    assert r.code == 5
    assert [a["status"] for a in r.doc["plan"]["actions"]] == statuses
    assert r.doc["summary"]["failed"] == statuses.count("failed")


def test_resume_keeps_the_max_failures_of_the_run_it_finishes(ledger: Project) -> None:
    (ledger.root / "fail-b").write_text("")
    (ledger.root / "fail-c").write_text("")
    first = ledger.run("ledger", "--max-failures", "3", "--format", "json")
    assert first.code == 5

    r = ledger.run("resume", first.doc["run_id"], "--format", "json")

    assert r.code == 5
    assert r.doc["run_id"] == first.doc["run_id"]
    assert {a["id"]: a["status"] for a in r.doc["plan"]["actions"]
            if a["id"] in ("t-b", "t-c")} == {"t-b": "failed", "t-c": "failed"}
    (ledger.root / "fail-b").unlink()
    r = ledger.run("resume", first.doc["run_id"], "--format", "json")
    assert r.code == 5
    assert {a["id"]: a["status"] for a in r.doc["plan"]["actions"]
            if a["id"] in ("t-b", "t-c")} == {"t-b": "applied", "t-c": "failed"}
    assert sorted(effects(ledger)) == ["main/a", "main/b", "main/d"]


OVERLAP = '''
import os, time
from pathlib import Path
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    count: int = 8

overlap = Automation("overlap", version="1.0.0", owner="o", summary="Records overlapping applies",
                     request=Request)

@overlap.plan
def plan(ctx, req):
    for i in range(req.count):
        if not Path(f"done-{i}").exists():
            yield Action(id=f"t-{i}", kind="create", target=str(i), reason="missing",
                         data={"i": i})

@overlap.apply
def apply(ctx, req, action):
    i = action.data["i"]
    if Path(f"fail-{i}").exists():
        raise RuntimeError(f"{i} failed")
    fd = os.open("events.log", os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    os.write(fd, b"+\\n")
    # Wait (a while, not for ever) for a second apply to start, so that a loaded machine
    # cannot finish one before the next begins: the overlap is seen whenever it is allowed.
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        words = Path("events.log").read_text().split()
        if words.count("+") - words.count("-") > 1:
            break
        time.sleep(0.02)
    time.sleep(0.2)
    os.write(fd, b"-\\n")
    os.close(fd)
    Path(f"done-{i}").write_text("")
'''


def most_at_once(project: Project) -> int:
    log = project.root / "events.log"
    level = peak = 0
    for line in log.read_text().split():
        level += 1 if line == "+" else -1
        peak = max(peak, level)
    log.unlink()
    return peak


def test_resume_keeps_the_concurrency_of_the_run_it_finishes(project: Project) -> None:
    project.add_module("overlap_auto", OVERLAP)
    # The last two fail: the first four are sure to be under way together before the
    # second failure stops new starts (with the first two failing, a loaded machine could
    # see both fail before a third started).
    for i in (6, 7):
        (project.root / f"fail-{i}").write_text("")
    first = project.run("overlap", "--concurrency", "4", "--max-failures", "2",
                        "--format", "json")
    assert first.code == 5, first.stderr
    assert most_at_once(project) > 1
    for i in (6, 7):
        (project.root / f"fail-{i}").unlink()

    r = project.run("resume", first.doc["run_id"], "--format", "json")

    assert r.code == 0, r.stderr
    assert r.doc["summary"]["failed"] == 0
    assert sorted(p.name for p in project.root.glob("done-*")) == [f"done-{i}" for i in range(8)]
    assert most_at_once(project) > 1


@pytest.mark.parametrize("wait", [False, True], ids=["exit-7", "wait-lock"])
def test_sixteen_contending_processes_mutate_once(ledger: Project, wait: bool) -> None:
    args = ["ledger", "--slow", "0.5", "--format", "json"] + (["--wait-lock", "120s"] if wait else [])
    procs = [start(ledger, *args) for _ in range(16)]
    results = [(p.communicate(timeout=180), p.returncode) for p in procs]
    codes = sorted(code for _, code in results)
    docs = [json.loads(out) for (out, _), _ in results]
    if wait:
        assert codes == [0] * 16
        assert sorted(d["status"] for d in docs) == ["no_changes"] * 15 + ["succeeded"]
    else:
        # One mutates; the rest exit 7 at once, or, started after it finished (a loaded
        # machine), find nothing to do.
        assert sorted(d["status"] for d in docs if d["exit_code"] == 0).count("succeeded") == 1
        assert all(d["status"] == "no_changes" for d in docs
                   if d["exit_code"] == 0 and d["status"] != "succeeded")
        assert set(codes) <= {0, 7} and codes.count(7) >= 1
        assert all("is locked by run" in d["error"]["message"] for d in docs if d["exit_code"] == 7)
    assert sorted(effects(ledger)) == ["main/a", "main/b", "main/c", "main/d"]


def test_group_commit_journal_resumes_after_sigkill_with_effects_once(ledger: Project) -> None:
    env = ledger.env({"OPSCTL_LOCK_TTL": "1s", "OPSCTL_JOURNAL_MODE": "group"})
    proc = start(ledger, "ledger", "--slow", "0.3", "--format", "json", env=env)
    wait_for_effects(ledger, 2)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=10)
    rerun = ledger.run("ledger", "--slow", "0.3", "--wait-lock", "30s", "--format", "json", env=env)
    assert rerun.code == 0, rerun.stderr
    assert sorted(effects(ledger)) == ["main/a", "main/b", "main/c", "main/d"]
    shown = ledger.run("show", rerun.doc["run_id"], "--format", "json", expect_json=True)
    assert {a["status"] for a in shown.doc["actions"]} <= {"applied", "unchanged"}


CHECKED = '''
import os, time
from pathlib import Path
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    count: int = 6
    slow: float = 0.0

checked = Automation("checked", version="1.0.0", owner="o", summary="Effects with a verify",
                     request=Request, retry={"attempts": 1})

def note(line):
    with open("calls.log", "a") as fh:   # every read of "the remote side", in order
        fh.write(line + "\\n")

def applied():
    try:
        return set(Path("effects.log").read_text().split())
    except FileNotFoundError:
        return set()

@checked.plan
def plan(ctx, req):
    note("plan")
    for i in range(req.count):
        if f"t{i}" not in applied():
            yield Action(id=f"t{i}", kind="create", target=f"t{i}", reason="missing")

@checked.apply
def apply(ctx, req, action):
    time.sleep(req.slow)
    # The effect is one append of one line (atomic), and it is also the state that plan and
    # verify read: a kill lands before it or after it, never between an effect and its record.
    fd = os.open("effects.log", os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    os.write(fd, (action.target + "\\n").encode())
    os.close(fd)
    note("apply " + action.target)

@checked.verify
def verify(ctx, req, action):
    note("verify " + action.target)
    return action.target in applied()
'''


@pytest.mark.parametrize("mode", ["strict", "group"])
def test_resume_with_verify_reads_only_unfinished_actions(backend_project: Project,
                                                          mode: str) -> None:
    """An automation with ``verify`` resumes from its journal: no new plan(), no remote read of
    the actions journaled finished before the unfinished ones are applied; then the verify
    phase checks every applied action, those of the killed attempt too (it never verified
    them: a resumed run is "succeeded" only once they all converge)."""
    project = backend_project
    project.add_module("checked_auto", CHECKED)
    env = project.env({"OPSCTL_LOCK_TTL": "1s", "OPSCTL_JOURNAL_MODE": mode})
    proc = start(project, "checked", "--slow", "0.3", "--format", "json", env=env)
    wait_for_effects(project, 3)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=10)
    calls = project.root / "calls.log"
    before = calls.read_text().split("\n")
    [killed] = project.run("runs", "--format", "json", expect_json=True).doc["runs"]
    shown = project.run("show", killed["id"], env=env)  # text: the journal, before resuming
    assert shown.code == 0 and "(unfinished)" in shown.stdout
    assert "journal: " in shown.stdout and "pending" in shown.stdout, shown.stdout
    rerun = project.run("checked", "--slow", "0.3", "--wait-lock", "30s", "--format", "json",
                        env=env)
    assert rerun.code == 0, rerun.stderr
    assert sorted(effects(project)) == [f"t{i}" for i in range(6)]  # each effect once
    resumed_calls = calls.read_text().split("\n")[len(before) - 1:-1]
    assert "plan" not in resumed_calls  # resumed from the journal
    [warning] = [w for w in rerun.doc["warnings"] if w.startswith("resumed run")]
    finished = int(warning.split(": ")[1].split()[0])
    assert finished >= (2 if mode == "strict" else 0)
    finished_targets = {f"t{i}" for i in range(finished)}
    last_apply = max(i for i, c in enumerate(resumed_calls) if c.startswith("apply "))
    read = {c.split()[1] for c in resumed_calls[:last_apply] if c.startswith("verify ")}
    assert read.isdisjoint(finished_targets), (finished, resumed_calls)
    verified = {c.split()[1] for c in resumed_calls[last_apply:] if c.startswith("verify ")}
    assert verified == {f"t{i}" for i in range(6)}, resumed_calls
    assert [a["status"] for a in rerun.doc["plan"]["actions"]] == ["applied"] * 6
    runs = project.run("runs", "--format", "json", expect_json=True).doc["runs"]
    assert [r["id"] for r in runs] == [rerun.doc["run_id"]]  # the killed run, resumed


SLOW_PLAN = '''
import time
from pathlib import Path
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    name: str = "x"

slow_plan = Automation("slow-plan", version="1.0.0", owner="o", summary="A plan that takes ages",
                       request=Request)

@slow_plan.plan
def plan(ctx, req):
    Path("planning").write_text("")
    time.sleep(600)  # reading a slow inventory, blocked in C
    yield Action(id="a", kind="update", target=req.name, reason="never reached")

@slow_plan.apply
def apply(ctx, req, action):
    Path("applied").write_text("")
'''


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
@pytest.mark.parametrize("mode", ["apply", "plan"])
def test_a_signal_while_planning_stops_at_once(project: Project, signum: int, mode: str) -> None:
    """plan() changes nothing, so the first signal does not wait out the stop grace for it."""
    project.add_module("slow_plan_auto", SLOW_PLAN)
    args = ["slow-plan", "--yes"] if mode == "apply" else ["plan", "slow-plan"]
    proc = start(project, *args, "--format", "json",
                 env=project.env({"OPSCTL_STOP_GRACE": "60s"}))
    deadline = time.monotonic() + 30
    while not (project.root / "planning").exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "plan() never started"
        time.sleep(0.02)
    began = time.monotonic()
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=30)
    assert time.monotonic() - began < 10, err  # not the 60 s grace
    assert proc.returncode == 130, err
    doc = json.loads(out)
    assert (doc["status"], doc["error"]["step"]) == ("cancelled", "plan")
    assert "nothing was changed" in doc["error"]["message"]
    assert "opsctl resume" not in doc["error"]["message"]
    assert not (project.root / "applied").exists()
    shown = project.run("show", doc["run_id"], "--format", "json", expect_json=True)
    assert shown.doc["status"] == "cancelled"


SURVEY = '''
import os, time
from pathlib import Path
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    targets: list[str] = ["a", "b"]

survey = Automation("survey", version="1.0.0", owner="o", summary="Reads, one target at a time",
                    request=Request, effect="read")

@survey.plan
def plan(ctx, req):
    for t in req.targets:
        yield Action(id=f"read-{t}", kind="run", target=t, reason="report")

@survey.apply
def apply(ctx, req, action):
    fd = os.open("reads.log", os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    os.write(fd, f"{os.getpid()} {action.target}\\n".encode())
    os.close(fd)
    if action.target == "a" and not Path("go").exists():
        Path("waiting").write_text("a")
        while not Path("go").exists():
            time.sleep(0.02)
'''


def test_a_read_automation_run_twice_at_once_runs_twice(backend_project: Project) -> None:
    """A read automation takes no lease: the same command started while a first copy still
    runs is a run of its own, never a resume of the live one (which would apply its actions
    twice under one run id and make the first copy fail)."""
    backend_project.add_module("survey_auto", SURVEY)
    first = start(backend_project, "survey", "--format", "json")
    deadline = time.monotonic() + 30
    while not (backend_project.root / "waiting").exists():
        assert first.poll() is None, first.communicate()
        assert time.monotonic() < deadline, "the first run never reached its pause"
        time.sleep(0.02)
    running = backend_project.run("runs", "--format", "json").doc["runs"]
    live = next(r["id"] for r in running if r["status"] == "running")
    resumed = backend_project.run("resume", live)
    assert resumed.code == 7, resumed.stderr
    assert f"run {live} is still running (pid {first.pid} on " in resumed.stderr
    assert f"`opsctl show {live} --follow`" in resumed.stderr
    second = start(backend_project, "survey", "--format", "json")
    reads = backend_project.root / "reads.log"
    while len(reads.read_text().split("\n")) < 3:  # the second copy reads "a" too, and waits
        assert second.poll() is None, second.communicate()
        assert time.monotonic() < deadline, "the second run never reached its pause"
        time.sleep(0.02)
    release(backend_project)
    docs = []
    for proc in (first, second):
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, err
        docs.append(json.loads(out))
    assert docs[0]["run_id"] == live != docs[1]["run_id"]
    assert not docs[1]["warnings"]
    rows = (backend_project.root / "reads.log").read_text().split("\n")
    assert sorted(r.split()[1] for r in rows if r) == ["a", "a", "b", "b"]
    runs = backend_project.run("runs", "--format", "json").doc["runs"]
    assert sorted(r["status"] for r in runs) == ["succeeded", "succeeded"]


def _until_it_opened_the_store(proc: subprocess.Popen[str], timeout: float = 60) -> None:
    """Wait until ``proc`` has its store open (its imports and settings are behind it): its
    SQLite file, or a socket (PostgreSQL), among its descriptors in /proc."""
    deadline = time.monotonic() + timeout
    fds = f"/proc/{proc.pid}/fd"
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            opened = [os.readlink(f"{fds}/{fd}") for fd in os.listdir(fds)]
        except OSError:
            opened = []
        if any(path.endswith("state.db") or path.startswith("socket:") for path in opened):
            return
        time.sleep(0.05)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_ends_a_wait_for_the_lock_at_once(ledger: Project, signum: int) -> None:
    """Nothing is in flight while waiting for the lease: the first signal ends the wait at
    once (exit 130), and no run is recorded (it never started)."""
    holder = hold(ledger, "--format", "json")
    waiter = start(ledger, "ledger", "--wait-lock", "5m", "--format", "json")
    try:
        _until_it_opened_the_store(waiter)  # loaded: on a busy machine 2 s was not enough
        time.sleep(0.5)  # and waiting (one a little earlier still ends at once)
        assert waiter.poll() is None
        began = time.monotonic()
        waiter.send_signal(signum)
        out, err = waiter.communicate(timeout=20)
    finally:  # nothing left running for a later test to trip on
        if waiter.poll() is None:
            waiter.kill()
            waiter.communicate()
        release(ledger)
        holder.communicate(timeout=30)
    assert time.monotonic() - began < 10
    assert waiter.returncode == 130, err
    assert ("interrupted while waiting for the lock on ledger/scope=main: nothing was changed "
            "(the run was not recorded)") in err
    doc = json.loads(out)
    assert doc["status"] == "cancelled" and doc["exit_code"] == 130
    assert holder.returncode == 0
    assert len(ledger.run("runs", "--format", "json").doc["runs"]) == 1


def test_a_stop_asked_just_before_the_lock_wait_ends_it_at_once(ledger: Project) -> None:
    """A signal landing after the handlers are in place and before the wait began found nothing
    to wait for and asked only for a graceful stop: the wait hears it at once, rather than
    for its whole length."""
    holder = hold(ledger, "--format", "json")
    try:
        from opsctl.engine.run import execute
        from opsctl.engine.session import open_session
        from opsctl.errors import InterruptedRunError

        session = open_session(cwd=ledger.root, env=ledger.env())
        try:
            session.stop_requested.set()  # as the first signal's handler does
            began = time.monotonic()
            with pytest.raises(InterruptedRunError, match="interrupted while waiting for the "
                                                          "lock on ledger/scope=main"):
                execute(session, session.catalog.load("ledger"), {}, mode="apply",
                        wait_lock_s=300)
        finally:
            session.close()
        assert time.monotonic() - began < 10
    finally:
        release(ledger)
        holder.communicate(timeout=30)


def test_a_replay_after_waiting_for_the_lock_lets_the_lock_go(ledger: Project) -> None:
    """The key's run finished while a second copy waited for its lease: that copy replays the
    result and does not keep the lease it took (no run of its own ever starts)."""
    holder = hold(ledger, "--idempotency-key", "deploy-7", "--format", "json")
    waiter = start(ledger, "ledger", "--pause-at", "b", "--idempotency-key", "deploy-7", "--wait-lock", "1m",
                   "--format", "json")
    time.sleep(0.5)
    release(ledger)
    first = json.loads(holder.communicate(timeout=30)[0])
    out, err = waiter.communicate(timeout=30)
    assert waiter.returncode == 0, err
    again = json.loads(out)
    assert again["replayed"] is True and again["run_id"] == first["run_id"]
    assert ledger.run("locks", "--format", "json").doc["locks"] == []
    assert effects(ledger) == ["main/a", "main/b", "main/c", "main/d"]


def test_apply_of_a_saved_plan_can_wait_for_the_lock(ledger: Project) -> None:
    """A CI job applying an approved plan while another run holds the scope waits, as
    `opsctl NAME --wait-lock` does, instead of exiting 7."""
    assert ledger.run("plan", "ledger", "--scope", "main", "--targets", "z", "--out",
                      "plan.json").code == 10
    holder = hold(ledger)
    busy = ledger.run("apply", "--plan", "plan.json", "--format", "json")
    assert busy.code == 7, busy.stderr
    waiter = start(ledger, "apply", "--plan", "plan.json", "--wait-lock", "1m",
                   "--format", "json")
    time.sleep(0.5)
    release(ledger)
    holder.communicate(timeout=30)
    out, err = waiter.communicate(timeout=60)
    assert waiter.returncode == 0, err
    assert json.loads(out)["status"] == "succeeded"
    assert "main/z" in effects(ledger)
    misplaced = ledger.run("apply", "--wait-lock", "1m", "ledger")
    assert misplaced.code == 2 and "goes after its name" in misplaced.stderr


GUARDED = '''
from pathlib import Path
from pydantic import BaseModel
from opsctl import Action, Automation
from opsctl.errors import PlanRejectedError

class Request(BaseModel):
    pass

guarded = Automation("guarded", version="1.0.0", owner="t", summary="check a head as planned",
                     request=Request)

def head():
    return Path("head").read_text()

@guarded.plan
def plan(ctx, req):
    yield Action(id="check", kind="update", target="head", reason="needs the head planned",
                 data={"head": head()})

@guarded.apply
def apply(ctx, req, action):
    if Path("hook").exists():  # the head moves under the apply (a commit hook's doing)
        Path("head").write_text("moved by the hook")
    if head() != action.data["head"]:
        raise PlanRejectedError(f"head is {head()!r}, planned {action.data['head']!r}: "
                                "re-plan", reason="stale", step="apply")
    Path("checked").write_text(head())

@guarded.verify
def verify(ctx, req, action):
    return Path("checked").exists()
'''


def test_a_run_that_failed_validation_is_planned_afresh_by_the_same_command(
        project: Project) -> None:
    """A run that failed with exit 3 while applying (a stale precondition: nothing was done)
    is not resumed by running the same command again, which would apply the same stale
    action from the journal for good: that command plans afresh, as exit 3 says to do ("fix
    state or re-plan"). `opsctl resume` of it still resumes it."""
    project.add_module("guarded_auto", GUARDED)
    (project.root / "head").write_text("start")
    (project.root / "hook").write_text("")
    first = project.run("guarded", "--format", "json", expect_json=True)
    assert first.code == 3, first.stderr
    (project.root / "hook").unlink()  # the cause fixed; the head stays where it moved
    again = project.run("guarded", "--format", "json", expect_json=True)
    assert again.code == 0, again.stderr
    assert again.doc["run_id"] != first.doc["run_id"]
    assert not any(w.startswith("resumed run") for w in again.doc["warnings"])
    assert (project.root / "checked").read_text() == "moved by the hook"
