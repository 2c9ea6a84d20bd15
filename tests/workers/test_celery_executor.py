"""`--executor celery`: a queued run followed to its result as if it ran here, `--no-wait`,
`opsctl wait`, routing to queues, and the HTTP API's runs carried out by workers.

Every status a local run can end with is produced once locally and once through a worker, and
the two must agree on status, exit code and summary.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CLIResult
from tests.workers.conftest import WorkerProject

CELERY = ("--executor", "celery")


def _apply(project: WorkerProject, *args: str, celery: bool = True) -> CLIResult:
    return project.run("apply", "effects", *args, *(CELERY if celery else ()),
                       "--format", "json")


def test_apply_on_celery_follows_to_result(wproject: WorkerProject) -> None:
    wproject.start_worker(2)
    r = _apply(wproject, "--batch", "a", "--count", "20", "--fan-out", "3", "--concurrency", "6")
    assert r.code == 0, r.stderr
    assert r.doc["status"] == "succeeded"
    assert r.doc["summary"]["applied"] == 20
    assert r.doc["artifacts"]["fan_out"] == {"chunks": 3, "actions": 20}
    assert wproject.effects() == {f"a-{i:05d}": 1 for i in range(20)}
    # the run's events name every action once, as a local run's do
    events = wproject.run("show", r.doc["run_id"], "--follow", "--format", "json",
                          expect_json=False)
    finished = [json.loads(line)["data"]["id"] for line in events.stdout.splitlines()
                if json.loads(line).get("kind") == "action.finished"]
    assert sorted(finished) == sorted(f"a-{i:05d}" for i in range(20))


# (request flags, other setup) -> the same status and exit code locally and on a worker
CASES: dict[str, tuple[list[str], str, int]] = {
    "succeeded": (["--count", "4"], "succeeded", 0),
    "partial": (["--count", "6", "--fail", "2", "--max-failures", "9"], "partial", 5),
    "failed": (["--count", "1", "--fail", "0"], "failed", 1),
    "transient-retried": (["--count", "3", "--flaky", "1"], "succeeded", 0),
    "changes-planned": (["--count", "2", "--dry-run"], "changes_planned", 10),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_exit_codes_match_local_runs(rproject: WorkerProject, case: str) -> None:
    flags, status, code = CASES[case]
    dry = "--dry-run" in flags
    flags = [f for f in flags if f != "--dry-run"]
    rproject.start_worker(2)
    results: dict[str, Any] = {}
    for where in ("local", "celery"):
        batch = f"{case}-{where}"
        if dry:
            r = rproject.run("effects", "--batch", batch, *flags, "--dry-run",
                             *(CELERY if where == "celery" else ()), "--format", "json")
        else:
            r = _apply(rproject, "--batch", batch, *flags, "--fan-out", "2",
                       celery=where == "celery") if where == "celery" else \
                _apply(rproject, "--batch", batch, *flags, celery=False)
        assert r.code == code, (where, r.stdout, r.stderr)
        assert r.doc["status"] == status, (where, r.doc)
        results[where] = r.doc
    assert results["local"]["summary"] == results["celery"]["summary"]
    if results["local"]["error"]:
        assert results["local"]["error"]["type"] == results["celery"]["error"]["type"]


def test_no_change_and_replay_and_key_conflict(rproject: WorkerProject) -> None:
    rproject.start_worker(1)
    first = _apply(rproject, "--batch", "k", "--count", "2", "--idempotency-key", "k1")
    assert first.code == 0 and first.doc["status"] == "succeeded"
    again = _apply(rproject, "--batch", "k", "--count", "2", "--idempotency-key", "k1")
    assert again.code == 0 and again.doc["replayed"] is True  # replayed, not queued again
    other = _apply(rproject, "--batch", "k", "--count", "3", "--idempotency-key", "k1")
    assert other.code == 7 and other.doc["status"] == "conflict"
    nothing = _apply(rproject, "--batch", "k", "--count", "2")
    assert nothing.code == 0 and nothing.doc["status"] == "no_changes"
    assert len([r for r in rproject.run_rows()]) == 2  # the replay and the conflict queued nothing


def test_denied_by_policy_is_exit_6_on_a_worker(rproject: WorkerProject) -> None:
    (rproject.root / "policy.yaml").write_text(
        "version: 1\nrules:\n  - name: no-effects\n    match: {automation: effects}\n"
        "    decision: deny\n    reason: frozen\n")
    rproject.start_worker(1)
    r = _apply(rproject, "--batch", "p", "--count", "1")
    assert r.code == 6, r.stderr
    assert r.doc["status"] == "denied"
    assert rproject.effects() == {}


def test_lock_held_is_exit_7_unless_waiting(rproject: WorkerProject) -> None:
    from opsctl.engine.locks import acquire_lease

    rproject.start_worker(1)
    store = rproject.store()
    try:
        lease = acquire_lease(store, "effects/batch=l", "run_holder", actor="other", ttl_s=60,
                              wait_s=0, clock=lambda: __import__("datetime").datetime.now(
                                  __import__("datetime").UTC))
        r = _apply(rproject, "--batch", "l", "--count", "1")
        assert r.code == 7, r.stderr
        assert r.doc["status"] == "conflict"
        lease.release()
    finally:
        store.close()
    r = _apply(rproject, "--batch", "l", "--count", "1")
    assert r.code == 0


def test_no_wait_prints_the_id_and_wait_follows(rproject: WorkerProject) -> None:
    r = rproject.run("apply", "effects", "--batch", "w", "--count", "3", *CELERY, "--no-wait")
    assert r.code == 0, r.stderr
    run_id = r.stdout.strip()
    assert run_id.startswith("run_") and "\n" not in run_id
    # nobody takes it yet: waiting with a timeout gives up with exit 4, the run goes on
    timed_out = rproject.run("wait", run_id, "--timeout", "1s")
    assert timed_out.code == 4, timed_out.stderr
    assert "goes on" in timed_out.stderr
    rproject.start_worker(1)
    done = rproject.run("wait", run_id, "--format", "json")
    assert done.code == 0, done.stderr
    assert done.doc["run_id"] == run_id and done.doc["status"] == "succeeded"
    shown = rproject.run("wait", run_id[:12], "--format", "json")  # a prefix, a finished run
    assert shown.code == 0 and shown.doc["run_id"] == run_id
    unknown = rproject.run("wait", "run_nope")
    assert unknown.code == 2 and "no run" in unknown.stderr


def test_wait_that_stops_early_prints_a_result_document_naming_the_run(
        rproject: WorkerProject) -> None:
    """`opsctl wait RUN -o json` that gives up (--timeout) or is stopped (SIGINT) prints the
    one result document of a failing command, naming the run and its automation (the run is
    still queued: a warning says so), and one `opsctl: error:` line; the run goes on."""
    import signal
    import subprocess

    from tests.conftest import OPSCTL

    r = rproject.run("apply", "effects", "--batch", "s", "--count", "2", *CELERY, "--no-wait")
    assert r.code == 0, r.stderr
    run_id = r.stdout.strip()
    timed_out = rproject.run("wait", run_id, "--timeout", "1s", "-o", "json")
    assert timed_out.code == 4, timed_out.stderr
    doc = json.loads(timed_out.stdout)
    assert (doc["run_id"], doc["automation"], doc["status"], doc["exit_code"]) == (
        run_id, "effects", "failed", 4)
    assert "has not finished within the timeout; it goes on" in doc["error"]["message"]
    assert f"run {run_id} is queued" in doc["warnings"][0]
    assert [line for line in timed_out.stderr.splitlines()
            if line.startswith("opsctl: error:")] == [
        f"opsctl: error: {doc['error']['message']}"]

    follower = subprocess.Popen([OPSCTL, "wait", run_id, "-o", "json"], cwd=rproject.root,
                                env=rproject.env({"OPSCTL_LOG_LEVEL": "debug"}),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert follower.stderr is not None
    for line in follower.stderr:  # following once it logs so (its signal handler is set)
        if '"run.following"' in line:
            break
    follower.send_signal(signal.SIGINT)
    out, err = follower.communicate(timeout=30)
    assert follower.returncode == 130, err
    [line] = out.splitlines()
    doc = json.loads(line)
    from tests.conftest import validate_result

    validate_result(doc)
    assert (doc["run_id"], doc["automation"], doc["status"], doc["exit_code"]) == (
        run_id, "effects", "cancelled", 130)
    assert doc["error"]["message"].startswith(f"stopped following run {run_id}; it goes on")
    assert f"run {run_id} is queued" in doc["warnings"][0]
    assert f"opsctl: error: stopped following run {run_id}" in err
    assert rproject.run_rows()[0]["status"] == "queued"  # the run is left alone
    text = rproject.run("wait", run_id, "--timeout", "1s")
    assert text.code == 4 and text.stdout == ""
    assert text.stderr.startswith("opsctl: error: run ") and "goes on" in text.stderr


def test_no_wait_json_and_flags_that_need_celery(rproject: WorkerProject) -> None:
    r = rproject.run("apply", "effects", "--batch", "j", *CELERY, "--no-wait", "--format", "json",
                     expect_json=True)
    assert r.code == 0 and r.doc["status"] == "queued" and r.doc["run_id"].startswith("run_")
    for flag in (["--no-wait"], ["--fan-out", "2"]):
        bad = rproject.run("apply", "effects", "--batch", "j2", "--executor", "local", *flag)
        assert bad.code == 2 and "celery executor" in bad.stderr
    reconcile = rproject.run("reconcile", "effects", "--batch", "j3", *CELERY)
    assert reconcile.code == 2 and "in this process" in reconcile.stderr


def test_reconcile_runs_in_process_when_celery_is_only_the_configured_default(
        rproject: WorkerProject) -> None:
    """`executor = "celery"` (here OPSCTL_EXECUTOR) is the default of apply and run; reconcile
    runs in this process (no worker is running), with a note in the log. Only an explicit
    `--executor celery` on reconcile is refused."""
    rproject.extra_env["OPSCTL_EXECUTOR"] = "celery"
    r = rproject.run("reconcile", "effects", "--batch", "rc", "--count", "3", "--yes",
                     "--format", "json")
    assert r.code == 0, r.stderr
    assert r.doc["status"] == "succeeded" and r.doc["summary"]["applied"] == 3
    notes = [json.loads(line) for line in r.stderr.splitlines()
             if '"reconcile.in_process"' in line]
    assert notes and notes[0]["automation"] == "effects", r.stderr
    assert rproject.effects() == {f"rc-{i:05d}": 1 for i in range(3)}
    store = rproject.store()
    try:
        assert store.get_run(r.doc["run_id"])["executor"] in (None, "local")  # type: ignore[index]
    finally:
        store.close()
    explicit = rproject.run("reconcile", "effects", "--batch", "rc2", "--yes", *CELERY)
    assert explicit.code == 2 and "reconcile runs in this process" in explicit.stderr
    assert rproject.run("reconcile", "effects", "--batch", "rc3", "--yes",
                        "--no-wait").code == 2


def test_apply_plan_runs_in_process_when_celery_is_the_configured_default_and_says_so(
        rproject: WorkerProject, tmp_path: Path) -> None:
    """`executor = "celery"` (here OPSCTL_EXECUTOR) is the default of `apply NAME`; a saved
    plan applied from the command line runs in this process (no worker is running), and the
    log says so, as for reconcile."""
    rproject.extra_env["OPSCTL_EXECUTOR"] = "celery"
    plan = tmp_path / "plan.json"
    planned = rproject.run("plan", "effects", "--batch", "sp", "--count", "2", "--out",
                           str(plan))
    assert planned.code == 10, planned.stderr
    r = rproject.run("apply", "--plan", str(plan), "--format", "json")
    assert r.code == 0, r.stderr
    assert r.doc["status"] == "succeeded" and r.doc["summary"]["applied"] == 2
    notes = [json.loads(line) for line in r.stderr.splitlines()
             if '"plan_apply.in_process"' in line]
    assert notes and "runs in this process" in notes[0]["message"], r.stderr
    assert rproject.effects() == {f"sp-{i:05d}": 1 for i in range(2)}
    store = rproject.store()
    try:
        assert store.get_run(r.doc["run_id"])["executor"] in (None, "local")  # type: ignore[index]
    finally:
        store.close()


def test_routes_keep_work_on_the_queue_of_its_workers(rproject: WorkerProject) -> None:
    prod = rproject.queue + "-prod"
    rproject.worker_config(f'[[worker.routes]]\nautomation = "eff*"\nqueue = "{prod}"\n')
    rproject.start_worker(1)  # the default queue only
    r = rproject.run("apply", "effects", "--batch", "r", "--count", "2", *CELERY, "--no-wait")
    run_id = r.stdout.strip()
    store = rproject.store()
    try:
        row = store.get_run(run_id)
        assert row is not None and row["runtime"]["queue"] == prod
    finally:
        store.close()
    assert rproject.run("wait", run_id, "--timeout", "2s").code == 4  # not taken off-route
    rproject.start_worker(1, "--queue", prod)
    assert rproject.run("wait", run_id).code == 0


def test_config_executor_setting_and_show_config(rproject: WorkerProject) -> None:
    rproject.extra_env["OPSCTL_EXECUTOR"] = "celery"
    shown = rproject.run("apply", "effects", "--batch", "c", "--show-config")
    assert "executor" in shown.stdout and "celery" in shown.stdout
    rproject.start_worker(1)
    r = rproject.run("apply", "effects", "--batch", "c", "--count", "1", "--format", "json")
    assert r.code == 0
    store = rproject.store()
    try:
        assert store.get_run(r.doc["run_id"])["executor"] == "celery"  # type: ignore[index]
    finally:
        store.close()
    local = rproject.run("apply", "effects", "--batch", "c2", "--count", "1", "--executor",
                         "local", "--format", "json")
    assert local.code == 0
    bad = rproject.run("apply", "effects", "--batch", "c", env=rproject.env(
        {"OPSCTL_EXECUTOR": "cluster"}))
    assert bad.code == 2 and "executor" in bad.stderr


def test_http_api_runs_use_the_celery_executor(rproject: WorkerProject, tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    import httpx

    from tests.service.conftest import LiveServer, make_token

    rproject.extra_env["OPSCTL_EXECUTOR"] = "celery"
    token = make_token(rproject, "alice", "operator")
    server = LiveServer(rproject, 0).start()
    try:
        rproject.start_worker(1)
        headers = {"Authorization": f"Bearer {token}"}
        r = httpx.post(f"{server.url}/v1/automations/effects/runs?wait=60s", headers=headers,
                       json={"request": {"batch": "h", "count": 3}}, timeout=90)
        assert r.status_code == 200, r.text
        assert r.json()["status"] == "succeeded"
        assert rproject.effects() == {f"h-{i:05d}": 1 for i in range(3)}
        accepted = httpx.post(f"{server.url}/v1/automations/effects/runs", headers=headers,
                              json={"request": {"batch": "h2", "count": 2}}, timeout=30)
        assert accepted.status_code == 202
        run_id = accepted.json()["run_id"]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            got = httpx.get(f"{server.url}/v1/runs/{run_id}", headers=headers, timeout=10)
            if got.json().get("status") == "succeeded":
                break
            time.sleep(0.1)
        assert got.json()["status"] == "succeeded"
        assert "run.started" not in server.log_text()  # carried out by the worker, not here
    finally:
        server.stop()


def test_sqlite_store_is_refused_for_remote_execution(tmp_path: Path) -> None:
    from tests.conftest import Project
    from tests.workers.conftest import EFFECTS

    root = tmp_path / "lite"
    root.mkdir()
    project = Project(root)
    project.add_module("effects_auto", EFFECTS)
    env = project.env({"OPSCTL_BROKER_URL": "redis://127.0.0.1:1/0"})
    r = project.run("apply", "effects", "--batch", "s", *CELERY, env=env)
    assert r.code == 2 and "PostgreSQL" in r.stderr
    w = project.run("worker", env=env)
    assert w.code == 2 and "PostgreSQL" in w.stderr
    assert not (root / "effects.db").exists()


def test_scheduler_queues_its_fires_for_workers(rproject: WorkerProject) -> None:
    import signal
    import subprocess

    from tests.conftest import OPSCTL

    rproject.worker_config('[[schedules]]\nname = "sec"\nautomation = "effects"\n'
                           'cron = "* * * * * *"\nrequest = { batch = "sched", count = 2 }\n'
                           'concurrency = "allow"\n')
    rproject.start_worker(2)
    env = rproject.env({"OPSCTL_EXECUTOR": "celery"})
    proc = subprocess.Popen([OPSCTL, "scheduler"], cwd=rproject.root, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while len(rproject.effects()) < 2 or len(rproject.run_rows()) < 3:
            assert time.monotonic() < deadline, rproject.worker_logs()[-3000:]
            time.sleep(0.1)
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    rows = rproject.wait_all_finished()
    assert {r["status"] for r in rows} <= {"succeeded", "no_changes"}
    store = rproject.store()
    try:
        executors = {r["executor"] for r in store._rows("SELECT executor FROM runs")}
        fires = store._rows("SELECT outcome, run_id FROM schedule_fires")
    finally:
        store.close()
    assert executors == {"celery"}  # carried out by the worker, not the scheduler
    assert all(f["outcome"] == "fired" and f["run_id"] for f in fires)
    assert rproject.effects() == {"sched-00000": 1, "sched-00001": 1}


def test_the_same_command_again_resumes_a_partial_run_on_a_worker(rproject: WorkerProject) -> None:
    """As locally, running the same command again after a partial run finishes that run as
    the same run (its journal kept), not a second run of the key that starts over."""
    rproject.start_worker(1)
    flags = ("--batch", "r", "--count", "3", "--fail", "1", "--max-failures", "9")
    first = _apply(rproject, *flags)
    assert (first.code, first.doc["status"]) == (5, "partial"), first.stderr
    again = _apply(rproject, *flags)
    assert (again.code, again.doc["status"]) == (5, "partial"), again.stderr
    assert again.doc["run_id"] == first.doc["run_id"]
    assert f"run {first.doc['run_id']} of this idempotency key is partial" in again.stderr
    assert any("already finished were not applied again" in w for w in again.doc["warnings"])
    assert len(rproject.run_rows()) == 1
    assert rproject.effects() == {"r-00000": 1, "r-00002": 1}


def test_wait_on_a_run_whose_worker_was_killed_says_it_is_gone_and_how_to_finish_it(
        rproject: WorkerProject) -> None:
    """The only worker is SIGKILLed mid-run: nobody carries the run on until a live worker's
    sweeper takes it, so a follower that gives up says so (not "it goes on") and names
    `opsctl resume`, which then finishes the run here, each effect applied once."""
    import signal

    rproject.start_worker(1)
    r = rproject.run("apply", "effects", "--batch", "gone", "--count", "12", "--sleep-ms",
                     "500", "--concurrency", "1", *CELERY, "--no-wait")
    assert r.code == 0, r.stderr
    run_id = r.stdout.strip()
    deadline = time.monotonic() + 90
    while not rproject.effects():  # running on the worker, an effect applied
        assert time.monotonic() < deadline, rproject.worker_logs()[-3000:]
        time.sleep(0.1)
    rproject.stop_worker(rproject.workers[0], signal.SIGKILL)
    timed_out = rproject.run("wait", run_id, "--timeout", "1s")
    assert timed_out.code == 4, timed_out.stderr
    assert "goes on" not in timed_out.stderr, timed_out.stderr
    assert "is gone" in timed_out.stderr, timed_out.stderr
    assert f"`opsctl resume {run_id}` finishes it here" in timed_out.stderr
    resumed = rproject.run("resume", run_id, "--format", "json", timeout=120)
    assert resumed.code == 0, resumed.stderr
    assert resumed.doc["run_id"] == run_id and resumed.doc["status"] == "succeeded"
    assert rproject.effects() == {f"gone-{i:05d}": 1 for i in range(12)}


@pytest.mark.parametrize("how", ["flag", "document-key"])
def test_an_older_major_request_runs_on_a_worker_as_it_runs_here(rproject: WorkerProject,
                                                                 how: str) -> None:
    """The worker was given the request already upgraded, and upgraded it again as a request
    of the older major: `--contract-version 1` failed there (exit 2), and a document's
    `contract_version` was recorded as the current version."""
    from tests.e2e.test_contract_versions import DEPLOY

    rproject.add_module("deploy_auto", DEPLOY)
    document: dict[str, Any] = {"env": "prod", "count": 3}
    args = ["--contract-version", "1"] if how == "flag" else []
    if how == "document-key":
        document["contract_version"] = "1"
    (rproject.root / "old.json").write_text(json.dumps(document))
    rproject.start_worker(1)
    results = {where: rproject.run("apply", "deploy", "--request", "old.json", *args,
                                   *(CELERY if where == "celery" else ()), "--format", "json")
               for where in ("local", "celery")}
    for where, r in results.items():
        assert r.code == 0, (where, r.stderr)
        assert r.doc["request"] == {"environment": "prod", "replicas": 3, "region": None}
        assert (r.doc["requested_contract_version"], r.doc["contract_version"]) == ("1", "2.1.0")
        assert r.doc["warnings"] == ["request for contract 1 was upgraded to 2.1.0; update the "
                                     "caller to 2.x"], where


def test_sighup_stops_a_worker_as_sigterm_does(rproject: WorkerProject) -> None:
    """SIGHUP (the terminal or ssh session that started the worker closed) is a warm
    shutdown, as the README says of every command (was: Celery's own handler re-executed the
    worker, which went on serving, or failed with exit 2 when opsctl was not started from a
    file)."""
    import signal
    import subprocess

    proc = rproject.start_worker(1)
    try:
        code = rproject.stop_worker(proc, signal.SIGHUP, timeout=30)
    except subprocess.TimeoutExpired:
        raise AssertionError("the worker went on after SIGHUP:\n"
                             + rproject.worker_logs()[-3000:]) from None
    assert code == 0, rproject.worker_logs()[-3000:]
    logs = rproject.worker_logs()
    assert "Warm shutdown" in logs
    assert "Restarting celery worker" not in logs
    assert logs.count(" ready.") == 1


def test_a_signal_while_the_worker_starts_stops_it_at_once(rproject: WorkerProject) -> None:
    """SIGTERM landing after opsctl has opened its session and before Celery has taken the
    signals over (here: as the worker says what it takes) stops the worker at once (was:
    taken for a run's graceful stop; the worker then served until the stop grace ran out)."""
    import signal
    import subprocess

    from tests.conftest import OPSCTL

    log = rproject.root / "starting.log"
    with open(log, "w") as handle:
        proc = subprocess.Popen([OPSCTL, "worker", "--concurrency", "1"], cwd=rproject.root,
                                env=rproject.env({"OPSCTL_STOP_GRACE": "60s"}), stdout=handle,
                                stderr=subprocess.STDOUT, text=True)
        try:
            deadline = time.monotonic() + 90
            while " taking " not in log.read_text(errors="replace"):
                assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.01)
            proc.send_signal(signal.SIGTERM)
            sent = time.monotonic()
            try:
                code: int | None = proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                code = None  # still serving
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=30)
    assert time.monotonic() - sent < 20, log.read_text()
    assert code in (0, 130), log.read_text()
    assert "Traceback" not in log.read_text()
