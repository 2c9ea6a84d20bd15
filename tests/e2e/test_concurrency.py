"""--concurrency: independent actions in parallel, depends_on respected, failures contained."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import OPSCTL, Project, wait_for_stopping

PARALLEL = '''
import time
from pathlib import Path
from pydantic import BaseModel, Field
from opsctl import Action, Automation, TransientError

class Request(BaseModel):
    count: int = 8
    pause: float = 0.4
    fail: list[str] = Field(default_factory=list)
    together: bool = False  # each n-action waits until every n-action has started

parallel = Automation("parallel", version="1.0.0", owner="o", summary="Slow independent actions",
                      request=Request, retry={"attempts": 1})

@parallel.plan
def plan(ctx, req):
    yield Action(id="base", kind="create", target="base", reason="first")
    for i in range(req.count):
        yield Action(id=f"n{i}", kind="create", target=f"n{i}", reason="after base",
                     depends_on=("base",))
    yield Action(id="last", kind="run", target="last", reason="after all",
                 depends_on=tuple(f"n{i}" for i in range(req.count)))

@parallel.apply
def apply(ctx, req, action):
    started = time.monotonic()
    Path(f"started-{action.id}").write_text("")
    if req.together and action.id.startswith("n"):
        # in parallel, the wait ends once all are under way, however slowly a loaded
        # machine starts them; one at a time, the first waits alone until it gives up
        deadline = time.monotonic() + 30
        while not all(Path(f"started-n{i}").exists() for i in range(req.count)):
            if Path("gave-up").exists() or time.monotonic() > deadline:
                Path("gave-up").write_text(action.id)
                break
            time.sleep(0.01)
    time.sleep(req.pause)
    if action.id in req.fail:
        raise TransientError(f"{action.id} failed")
    with open("order.log", "a") as fh:
        fh.write(f"{action.id} {started:.3f} {time.monotonic():.3f}\\n")
'''


def order(project: Project) -> list[tuple[str, float, float]]:
    rows = (project.root / "order.log").read_text().split("\n")
    return [(a, float(b), float(c)) for a, b, c in (r.split() for r in rows if r)]


def test_independent_actions_run_in_parallel_after_their_dependency(project: Project) -> None:
    project.add_module("parallel_auto", PARALLEL)
    r = project.run("parallel", "--concurrency", "8", "--together", "--format", "json")
    assert r.code == 0, r.stderr
    assert r.doc["summary"]["applied"] == 10
    rows = order(project)
    names = [n for n, _, _ in rows]
    assert names[0] == "base" and names[-1] == "last"
    base_end = rows[0][2]
    assert all(start >= base_end for _, start, _ in rows[1:])
    last_start = rows[-1][1]
    assert all(end <= last_start for _, _, end in rows[:-1])
    # all eight under way at once (not a wall-clock bound, which a loaded machine exceeds)
    assert not (project.root / "gave-up").exists()
    middle = rows[1:-1]
    assert max(start for _, start, _ in middle) < min(end for _, _, end in middle)


def test_a_failed_dependency_skips_its_dependents(project: Project) -> None:
    project.add_module("parallel_auto", PARALLEL)
    r = project.run("parallel", "--concurrency", "4", "--count", "3", "--pause", "0.05",
                    "--fail", "n1", "--max-failures", "5", "--format", "json")
    assert r.code == 5
    status = {a["id"]: a["status"] for a in r.doc["plan"]["actions"]}
    assert status == {"base": "applied", "n0": "applied", "n1": "failed", "n2": "applied",
                      "last": "skipped"}
    shown = project.run("show", r.doc["run_id"], "--format", "json", expect_json=True)
    last = next(a for a in shown.doc["actions"] if a["action_id"] == "last")
    assert "depends on n1" in last["error"]


# --- independent actions: the workers take the next action themselves --------------------

GATED = '''
import time
from pathlib import Path
from pydantic import BaseModel, Field
from opsctl import Action, Automation, TransientError

class Request(BaseModel):
    count: int = 6
    gate: list[str] = Field(default_factory=list)  # these wait for a file "go" once started
    fail: list[str] = Field(default_factory=list)  # these fail once "started-n1" exists
    base: bool = False  # an action "base" first, which every other one depends on
    pause: float = 0.0  # seconds each action takes
    alone: list[str] = Field(default_factory=list)  # these wait until no other worker is left

gated = Automation("gated", version="1.0.0", owner="o", summary="Independent gated actions",
                   request=Request, retry={"attempts": 1})

@gated.plan
def plan(ctx, req):
    if req.base:
        yield Action(id="base", kind="create", target="base", reason="missing")
    for i in range(req.count):
        yield Action(id=f"n{i}", kind="create", target=f"n{i}", reason="missing",
                     depends_on=("base",) if req.base else ())

@gated.apply
def apply(ctx, req, action):
    Path(f"started-{action.id}").write_text("")
    if action.id in req.fail:
        while not Path("started-n1").exists():
            time.sleep(0.01)
        raise TransientError(f"{action.id} is unavailable")
    if action.id in req.gate:
        while not Path("go").exists():
            time.sleep(0.01)
    if action.id in req.alone:  # until every other worker thread has ended (or a long while)
        import threading
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(
                t.name.startswith("opsctl-apply-") and t is not threading.current_thread()
                for t in threading.enumerate()):
            time.sleep(0.01)
    time.sleep(req.pause)
    with open("effects.log", "a") as fh:
        fh.write(action.id + "\\n")
'''


_started: list[subprocess.Popen[str]] = []


@pytest.fixture(autouse=True)
def _reap() -> Iterator[None]:
    """An apply a failed test left running (its actions wait for a file) is killed."""
    yield
    while _started:
        proc = _started.pop()
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def start_gated(project: Project, *args: str, env: dict[str, str] | None = None,
                stdout: Any = subprocess.PIPE, stderr: Any = subprocess.PIPE,
                ) -> subprocess.Popen[str]:
    proc = subprocess.Popen([OPSCTL, "gated", *args], cwd=project.root,
                            env=env or project.env(), stdout=stdout, stderr=stderr, text=True)
    _started.append(proc)
    return proc


def gated_effects(project: Project) -> list[str]:
    log = project.root / "effects.log"
    return sorted(log.read_text().split()) if log.exists() else []


def wait_for_files(project: Project, *names: str, proc: Any = None) -> None:
    deadline = time.monotonic() + 30
    while not all((project.root / name).exists() for name in names):
        assert proc is None or proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, f"{names} never appeared"
        time.sleep(0.02)


def test_independent_actions_all_apply_once_with_several_workers(project: Project) -> None:
    project.add_module("gated_auto", GATED)
    r = project.run("gated", "--count", "40", "--concurrency", "8", "--format", "json")
    assert r.code == 0, r.stderr
    assert r.doc["summary"]["applied"] == 40
    assert gated_effects(project) == sorted(f"n{i}" for i in range(40))
    shown = project.run("show", r.doc["run_id"], "--format", "json", expect_json=True)
    assert {(a["status"], a["attempts"]) for a in shown.doc["actions"]} == {("applied", 1)}
    audit = project.run("audit", "export", "--run", r.doc["run_id"], "--format", "json",
                        expect_json=True)
    applied = [e["payload"]["action"] for e in audit.doc["events"]
               if e["kind"] == "action.applied"]
    assert sorted(applied) == sorted(f"n{i}" for i in range(40))  # one event per action


def test_independent_actions_stop_at_max_failures_and_let_those_in_flight_finish(
        project: Project) -> None:
    project.add_module("gated_auto", GATED)
    # n0 fails once n1 has started; n1 waits until n0's worker has ended (its failure counted:
    # a worker ends only when nothing is left to take for it), so n1 is in flight when the
    # limit is reached and no worker may take n2 after it. (A fixed pause after the failure's
    # log line could end, on a loaded machine, before its worker had counted it.)
    r = project.run("gated", "--fail", "n0", "--alone", "n1", "--concurrency", "2",
                    "--format", "json")
    assert r.code == 5, r.stderr
    doc = r.doc
    status = {a["id"]: a["status"] for a in doc["plan"]["actions"]}
    assert status == {"n0": "failed", "n1": "applied", "n2": "skipped", "n3": "skipped",
                      "n4": "skipped", "n5": "skipped"}
    assert gated_effects(project) == ["n1"]


def test_sigterm_with_several_workers_finishes_those_in_flight_and_resumes(
        project: Project) -> None:
    project.add_module("gated_auto", GATED)
    proc = start_gated(project, "--gate", "n0", "--gate", "n1", "--concurrency", "2",
                       "--format", "json")
    wait_for_files(project, "started-n0", "started-n1", proc=proc)
    proc.send_signal(signal.SIGTERM)
    wait_for_stopping(proc)  # n0 and n1 end only once the stop is taken: no worker goes on
    (project.root / "go").write_text("")
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    doc = json.loads(out)
    assert doc["status"] == "cancelled"
    assert [a["status"] for a in doc["plan"]["actions"]] == ["applied"] * 2 + ["pending"] * 4
    assert gated_effects(project) == ["n0", "n1"]
    resumed = project.run("resume", doc["run_id"], "--format", "json")
    assert resumed.code == 0, resumed.stderr
    assert gated_effects(project) == [f"n{i}" for i in range(6)]


def test_a_lost_lease_stops_every_worker_with_exit_7(project: Project) -> None:
    project.add_module("gated_auto", GATED)
    proc = start_gated(project, "--gate", "n0", "--gate", "n1", "--concurrency", "2",
                       "--format", "json")
    wait_for_files(project, "started-n0", "started-n1", proc=proc)
    [held] = project.run("locks", "--format", "json", expect_json=True).doc["locks"]
    broke = project.run("locks", "break", held["scope"], "--reason", "stuck", "--format", "json")
    assert broke.code == 0, broke.stderr
    (project.root / "go").write_text("")
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 7, err
    assert "lease" in json.loads(out)["error"]["message"]
    assert not (project.root / "started-n2").exists()  # no worker took another action


@pytest.mark.parametrize("base", [False, True], ids=["independent", "with-dependencies"])
def test_a_second_signal_aborts_several_workers_at_once(project: Project, base: bool) -> None:
    project.add_module("gated_auto", GATED)
    env = project.env({"OPSCTL_STOP_GRACE": "60s"})
    # never released: the two actions in flight would wait forever
    proc = start_gated(project, "--gate", "n0", "--gate", "n1", "--concurrency", "2",
                       *(["--base"] if base else []), "--format", "json", env=env)
    wait_for_files(project, "started-n0", "started-n1", proc=proc)
    proc.send_signal(signal.SIGTERM)
    wait_for_stopping(proc)
    began = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=45)
    assert time.monotonic() - began < 30, err  # not the 60 s grace, nor the actions' wait
    assert proc.returncode == 130, err
    doc = json.loads(out)
    assert doc["status"] == "cancelled"
    shown = project.run("show", doc["run_id"], "--format", "json", expect_json=True)
    statuses = [a["status"] for a in shown.doc["actions"]]
    assert statuses == ["applied"] * base + ["interrupted"] * 2 + ["pending"] * 4
    assert gated_effects(project) == ["base"] * base
    (project.root / "go").write_text("")
    resumed = project.run("resume", doc["run_id"], "--format", "json")
    assert resumed.code == 0, resumed.stderr
    assert gated_effects(project) == sorted(["base"] * base + [f"n{i}" for i in range(6)])


def action_audit(project: Project, run_id: str) -> list[dict[str, Any]]:
    exported = project.run("audit", "export", "--run", run_id, "--format", "json",
                           expect_json=True)
    return [e for e in exported.doc["events"] if e["kind"] == "action.applied"]


def test_audit_events_of_a_long_concurrent_apply_are_appended_while_it_runs(
        project: Project) -> None:
    project.add_module("gated_auto", GATED)
    r = project.run("gated", "--count", "600", "--pause", "0.005", "--concurrency", "8",
                    "--format", "json")
    assert r.code == 0, r.stderr
    events = action_audit(project, r.doc["run_id"])
    assert sorted(e["payload"]["action"] for e in events) == sorted(f"n{i}" for i in range(600))
    shown = project.run("show", r.doc["run_id"], "--format", "json", expect_json=True)
    last_finished = max(a["finished_at"] for a in shown.doc["actions"])
    # the first batches were appended before the last action finished, not all at the end
    assert min(e["at"] for e in events)[:23] < last_finished[:23]
    assert project.run("audit", "verify").code == 0


@pytest.mark.parametrize("journal", ["strict", "group"])
def test_a_killed_concurrent_apply_resumes_with_one_audit_event_per_action(
        backend_project: Project, journal: str) -> None:
    project = backend_project
    project.add_module("gated_auto", GATED)
    project.write_config(f'journal_mode = "{journal}"\n')
    # its log lines go to a file: a pipe nobody reads would fill and stop the run
    held = [f"n{i}" for i in range(400, 408)]  # the eight workers stop there, 400 applied
    with (project.root / "apply.log").open("w") as log:
        proc = start_gated(project, "--count", "600", "--pause", "0.01", "--concurrency", "8",
                           *(a for n in held for a in ("--gate", n)), "--format", "json",
                           stdout=subprocess.DEVNULL, stderr=log)
    # past the first batch of audit events (not a count of effects polled while the apply
    # races on, which a loaded machine could overshoot to the end of the run)
    wait_for_files(project, *(f"started-{n}" for n in held), proc=proc)
    [run] = project.run("runs", "--format", "json", expect_json=True).doc["runs"]
    deadline = time.monotonic() + 60
    while not (early := {e["payload"]["action"] for e in action_audit(project, run["id"])}):
        assert proc.poll() is None, (project.root / "apply.log").read_text()[-2000:]
        assert time.monotonic() < deadline, "no audit event was appended while the run went on"
        time.sleep(0.1)
    proc.kill()
    proc.wait(timeout=30)
    [run] = project.run("runs", "--format", "json", expect_json=True).doc["runs"]
    assert run["status"] == "running"
    assert len(gated_effects(project)) == 400
    assert early == {e["payload"]["action"] for e in action_audit(project, run["id"])}
    (project.root / "go").write_text("")
    resumed = project.run("resume", run["id"], "--format", "json")
    assert resumed.code == 0, resumed.stderr
    actions = [e["payload"]["action"] for e in action_audit(project, run["id"])]
    assert sorted(actions) == sorted(f"n{i}" for i in range(600))  # each once
    assert project.run("audit", "verify").code == 0


def test_an_audit_chain_forged_during_a_concurrent_apply_stops_no_worker(
        project: Project) -> None:
    project.add_module("gated_auto", GATED)
    held = [f"n{i}" for i in range(50, 58)]  # the eight workers wait there, 50 applied
    with (project.root / "apply.log").open("w") as log:
        proc = start_gated(project, "--count", "600", "--pause", "0.01", "--concurrency", "8",
                           *(a for n in held for a in ("--gate", n)), "--format", "json", stderr=log)
    # before the first batch of audit events, however fast the apply goes meanwhile
    wait_for_files(project, *(f"started-{n}" for n in held), proc=proc)
    with sqlite3.connect(project.root / ".opsctl" / "state.db", timeout=30) as db:
        [(head,)] = db.execute("SELECT seq FROM audit_head").fetchall()
        db.execute("INSERT INTO audit_events (seq, id, at, kind, actor, payload_json, "
                   "prev_hash, hash) VALUES (?, 'evt_forged', '2026-01-01', 'forged', 'x', "
                   "'{}', 'x', 'x')", (head + 1,))
    (project.root / "go").write_text("")
    out, _ = proc.communicate(timeout=60)
    doc = json.loads(out)
    assert "lies beyond the audit head" in doc["error"]["message"]
    assert len(gated_effects(project)) == 600  # every worker went on to the end
    logged = (project.root / "apply.log").read_text()
    assert '"audit.deferred"' in logged
    [run] = project.run("runs", "--format", "json", expect_json=True).doc["runs"]
    shown = project.run("show", run["id"], "--format", "json", expect_json=True)
    assert {a["status"] for a in shown.doc["actions"]} == {"applied"}
