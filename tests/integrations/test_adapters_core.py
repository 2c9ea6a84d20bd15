"""The adapters' shared core: run_automation against a real project (real automation, SQLite
store) for every exit-code class, and the one policy table that maps them to host states."""

from __future__ import annotations

import json
import logging
import pickle
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from opsctl.errors import ExitCode
from opsctl.integrations.common import (
    EXIT_CODE_POLICY,
    OpsctlTaskFailed,
    describe,
    policy_for,
    run_automation,
    run_task,
    settle,
)
from tests.conftest import validate_result
from tests.integrations.conftest import AUTOMATION

SECRET = "hunter2-correct-horse"


def run(project: Path, env: dict[str, str], request: dict[str, Any] | None = None,
        **options: Any) -> Any:
    outcome = run_automation(AUTOMATION, request, cwd=project, env=env, **options)
    validate_result(outcome.document)
    assert outcome.document["exit_code"] == outcome.exit_code
    return outcome


# -- the policy table ----------------------------------------------------------------------

def test_the_policy_table_is_the_issue_mapping() -> None:
    retried = sorted(code for code, p in EXIT_CODE_POLICY.items() if p.retryable)
    succeeded = sorted(code for code, p in EXIT_CODE_POLICY.items() if p.succeeded)
    partial = sorted(code for code, p in EXIT_CODE_POLICY.items() if p.partial)
    assert retried == [4, 7]
    assert succeeded == [0, 10]
    assert partial == [5]
    for code in (1, 2, 3, 6, 130):
        assert policy_for(code).disposition == "fail"
    assert policy_for(10).disposition == "changes_planned"
    assert policy_for(99).disposition == "fail" and not policy_for(99).retryable
    # every documented exit code has a row
    from opsctl.errors import EXIT_CODE_TABLE

    assert sorted(EXIT_CODE_POLICY) == sorted(code for code, _, _ in EXIT_CODE_TABLE)


@pytest.mark.parametrize(("code", "retryable", "partial"),
                         [(4, True, False), (7, True, False), (2, False, False), (3, False, False),
                          (6, False, False), (5, False, True), (1, False, False),
                          (130, False, False)])
def test_settle_raises_with_the_document(code: int, retryable: bool, partial: bool) -> None:
    from opsctl.engine.state import RunOutcome

    doc = {"automation": "x", "mode": "apply", "status": "failed", "exit_code": code,
           "run_id": "run_1", "error": {"message": "boom"}}
    with pytest.raises(OpsctlTaskFailed) as caught:
        settle(RunOutcome(doc, code))
    failure = caught.value
    assert (failure.retryable, failure.partial, failure.exit_code) == (retryable, partial, code)
    assert failure.document == doc and failure.run_id == "run_1"
    assert str(failure) == f"opsctl x apply: failed (exit {code}); run run_1; boom"
    copy = pickle.loads(pickle.dumps(failure))  # hosts pickle failures with their states
    assert (copy.document, copy.exit_code, copy.retryable, str(copy)) == (
        doc, code, retryable, str(failure))


def test_settle_returns_the_document_of_success_and_changes_planned() -> None:
    from opsctl.engine.state import RunOutcome

    for code in (0, 10):
        doc = {"exit_code": code}
        assert settle(RunOutcome(doc, code)) is doc


# -- every exit-code class, for real --------------------------------------------------------

def test_apply_succeeds_then_finds_nothing_to_do(ops_project: Path, ops_env: dict[str, str]) -> None:
    first = run(ops_project, ops_env, {"folder": "t"})
    assert (first.exit_code, first.document["status"]) == (0, "succeeded")
    assert first.document["summary"]["applied"] == 2
    assert (ops_project / "t" / "a").read_text() == "a"
    assert first.document["actor"] == "orchestrator-tests"
    assert run_task(AUTOMATION, {"folder": "t"}, cwd=ops_project, env=ops_env)["status"] == \
        "no_changes"


def test_plan_with_changes_is_exit_10_and_a_success(ops_project: Path,
                                                    ops_env: dict[str, str]) -> None:
    outcome = run(ops_project, ops_env, {"folder": "t"}, mode="plan")
    assert (outcome.exit_code, outcome.document["status"]) == (10, "changes_planned")
    assert outcome.document["mode"] == "plan"
    assert not (ops_project / "t").exists()  # nothing changed
    doc = run_task(AUTOMATION, {"folder": "t"}, mode="plan", cwd=ops_project, env=ops_env)
    assert doc["exit_code"] == 10
    assert "changes_planned (exit 10); 2 planned" in describe(doc)


@pytest.mark.parametrize(("request_doc", "why"), [
    ({"folder": "t", "nope": 1}, "unknown field"),
    ({}, "required field is missing"),
])
def test_an_invalid_request_is_exit_2_without_a_run(ops_project: Path, ops_env: dict[str, str],
                                                    request_doc: dict[str, Any], why: str) -> None:
    outcome = run(ops_project, ops_env, request_doc)
    assert outcome.exit_code == ExitCode.USAGE
    assert outcome.document["run_id"] is None and why in outcome.document["error"]["message"]
    with pytest.raises(OpsctlTaskFailed) as caught:
        settle(outcome)
    assert not caught.value.retryable and not caught.value.partial


@pytest.mark.parametrize(("name", "options", "message"), [
    ("no-such-automation", {}, "no-such-automation"),
    (AUTOMATION, {"mode": "destroy"}, "mode must be 'apply' or 'plan'"),
    (AUTOMATION, {"config_file": "/nonexistent/opsctl.toml"}, "/nonexistent/opsctl.toml"),
    (AUTOMATION, {"concurrency": 0}, "concurrency must be a whole number from 1 to 512"),
    (AUTOMATION, {"concurrency": 513}, "concurrency must be a whole number from 1 to 512"),
    (AUTOMATION, {"max_failures": 0}, "max_failures must be a whole number of at least 1"),
    (AUTOMATION, {"max_failures": "3"}, "max_failures must be a whole number of at least 1"),
    (AUTOMATION, {"wait_lock_s": -1}, "wait_lock_s must be a number of seconds, 0 or more"),
], ids=["unknown-automation", "mode", "config-file", "concurrency-0", "concurrency-513",
        "max-failures-0", "max-failures-text", "wait-lock-negative"])
def test_failures_before_a_run_map_like_the_cli(ops_project: Path, ops_env: dict[str, str],
                                                name: str, options: dict[str, Any],
                                                message: str) -> None:
    outcome = run_automation(name, {"folder": "t"}, cwd=ops_project, env=ops_env, **options)
    validate_result(outcome.document)
    assert outcome.exit_code == ExitCode.USAGE, outcome.document
    assert message in outcome.document["error"]["message"]
    assert outcome.document["automation"] == name
    assert not policy_for(outcome.exit_code).retryable


def test_a_request_that_is_not_a_mapping_is_exit_2(ops_project: Path,
                                                  ops_env: dict[str, str]) -> None:
    outcome = run_automation(AUTOMATION, ["target"], cwd=ops_project, env=ops_env)  # type: ignore[arg-type]
    assert outcome.exit_code == ExitCode.USAGE
    assert "must be a mapping" in outcome.document["error"]["message"]


def test_a_failed_precheck_is_exit_3(ops_project: Path, ops_env: dict[str, str]) -> None:
    outcome = run(ops_project, ops_env, {"folder": "t", "precheck": True})
    assert (outcome.exit_code, outcome.document["status"]) == (3, "failed")
    assert outcome.document["run_id"]  # recorded: the run existed


def test_a_transient_failure_is_exit_4_and_running_again_resumes(
        ops_project: Path, ops_env: dict[str, str]) -> None:
    request = {"folder": "t", "files": ["a"], "flaky": {"a": 1}}
    first = run(ops_project, ops_env, request)
    assert (first.exit_code, first.document["error"]["retryable"]) == (4, True)
    with pytest.raises(OpsctlTaskFailed) as caught:
        settle(first)
    assert caught.value.retryable
    second = run(ops_project, ops_env, request)  # what a host's retry does
    assert (second.exit_code, second.document["status"]) == (0, "succeeded")
    assert second.document["run_id"] == first.document["run_id"]  # resumed, not a new run
    assert (ops_project / "t" / "a").read_text() == "a"


def test_a_partial_failure_is_exit_5_with_the_partial_result(ops_project: Path,
                                                             ops_env: dict[str, str]) -> None:
    outcome = run(ops_project, ops_env, {"folder": "t", "broken": ["b"]})
    assert (outcome.exit_code, outcome.document["status"]) == (5, "partial")
    with pytest.raises(OpsctlTaskFailed) as caught:
        settle(outcome)
    failure = caught.value
    assert failure.partial and not failure.retryable
    statuses = {a["id"]: a["status"] for a in failure.document["plan"]["actions"]}
    assert statuses == {"file-a": "applied", "file-b": "failed"}
    assert "2 planned, 1 applied, 0 unchanged, 1 failed" in str(failure)


def test_a_denied_plan_is_exit_6(ops_project: Path, ops_env: dict[str, str]) -> None:
    outcome = run(ops_project, ops_env, {"folder": "t", "denied": True})
    assert (outcome.exit_code, outcome.document["status"]) == (6, "denied")


def test_a_reused_idempotency_key_is_exit_7_before_a_run(ops_project: Path,
                                                         ops_env: dict[str, str]) -> None:
    assert run(ops_project, ops_env, {"folder": "t"}, idempotency_key="k1").exit_code == 0
    replay = run(ops_project, ops_env, {"folder": "t"}, idempotency_key="k1")
    assert (replay.exit_code, replay.document["replayed"]) == (0, True)
    assert "replayed from an earlier run" in describe(replay.document)
    other = run(ops_project, ops_env, {"folder": "u"}, idempotency_key="k1")
    assert (other.exit_code, other.document["status"]) == (7, "conflict")
    assert other.document["run_id"] is None
    assert policy_for(other.exit_code).retryable


def test_a_target_locked_by_another_run_is_exit_7(ops_project: Path,
                                                  ops_env: dict[str, str]) -> None:
    from opsctl.engine.locks import acquire_lease
    from opsctl.engine.session import open_session

    holder = open_session(cwd=ops_project, env=ops_env)
    try:
        scope = holder.catalog.load(AUTOMATION).scope_key(
            holder.catalog.load(AUTOMATION).request_model(folder="t"))
        lease = acquire_lease(holder.store, scope, "run_other", actor="someone", ttl_s=60,
                              wait_s=0, clock=holder.clock)
        try:
            outcome = run(ops_project, ops_env, {"folder": "t"})
        finally:
            lease.release()
    finally:
        holder.close()
    assert outcome.exit_code == ExitCode.CONFLICT
    assert policy_for(outcome.exit_code).retryable


def test_a_bug_in_the_automation_is_exit_1(ops_project: Path, ops_env: dict[str, str]) -> None:
    outcome = run(ops_project, ops_env, {"folder": "t", "bug": True})
    assert outcome.exit_code == ExitCode.INTERNAL
    assert not policy_for(outcome.exit_code).retryable


def test_a_stop_request_checkpoints_with_exit_130(ops_project: Path,
                                                  ops_env: dict[str, str]) -> None:
    stop = threading.Event()
    stop.set()
    outcome = run(ops_project, ops_env, {"folder": "t"}, stop=stop)
    assert (outcome.exit_code, outcome.document["status"]) == (130, "cancelled")
    assert not (ops_project / "t").exists()
    assert run(ops_project, ops_env, {"folder": "t"}).exit_code == 0  # running again resumes


def test_runs_in_parallel_threads_each_get_their_own_session(
        ops_project: Path, ops_env: dict[str, str]) -> None:
    """Hosts run tasks in threads of one process (Prefect's task runner, .map)."""
    from concurrent.futures import ThreadPoolExecutor

    folders = [f"f{i}" for i in range(4)]
    with ThreadPoolExecutor(4) as pool:
        docs = list(pool.map(lambda folder: run_task(AUTOMATION, {"folder": folder},
                                                     cwd=ops_project, env=ops_env), folders))
    assert [d["status"] for d in docs] == ["succeeded"] * 4
    assert len({d["run_id"] for d in docs}) == 4
    assert all((ops_project / folder / "b").exists() for folder in folders)


# -- secrets and logs ------------------------------------------------------------------------

def test_secrets_stay_masked_in_documents_failures_and_logs(
        ops_project: Path, ops_env: dict[str, str], caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("tests.integrations.host")
    seen: list[str] = []
    with caplog.at_level(logging.DEBUG, logger=logger.name):
        outcome = run(ops_project, ops_env, {"folder": "t", "token": SECRET, "leak": True},
                      logger=logger, on_secrets=seen.extend)
    assert outcome.exit_code == ExitCode.VALIDATION
    with pytest.raises(OpsctlTaskFailed) as caught:
        settle(outcome)
    assert "token *** was refused" in str(caught.value)
    assert SECRET not in json.dumps(outcome.document) and SECRET not in str(caught.value)
    assert outcome.document["request"]["token"] == "***"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "opsctl run.started" in logged and "opsctl run.finished" in logged
    assert SECRET not in logged and "***" in logged
    assert SECRET in seen  # handed to the host's own masker


def test_config_secrets_are_masked_too(ops_project: Path, ops_env: dict[str, str]) -> None:
    env = {**ops_env, "OPSCTL_SECRET_API": SECRET}
    outcome = run(ops_project, env, {"folder": SECRET})
    assert outcome.exit_code == 0
    assert SECRET not in json.dumps(outcome.document)


def test_the_session_is_closed_after_every_outcome(ops_project: Path, ops_env: dict[str, str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from opsctl.engine import session as session_module

    opened: list[Any] = []
    real = session_module.open_session

    def spy(**kwargs: Any) -> Any:
        opened.append(real(**kwargs))
        return opened[-1]

    monkeypatch.setattr(session_module, "open_session", spy)
    for request in ({"folder": "t"}, {"folder": "t", "nope": 1}, {"folder": "t", "bug": True}):
        run(ops_project, ops_env, request)
    assert len(opened) == 3
    assert all(s._store is None for s in opened)


def test_importing_the_core_imports_no_host_and_no_engine(tmp_path: Path) -> None:
    code = ("import json, sys, opsctl.integrations, opsctl.integrations.common; "
            "print(json.dumps(sorted(sys.modules)))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    modules = {m.split(".", 1)[0] for m in json.loads(proc.stdout)}
    assert not modules & {"airflow", "prefect", "pydantic"}
