"""opsctl_task and opsctl_flow in real Prefect flows, Prefect in ephemeral mode (no API URL: a
temporary local server on 127.0.0.1, PREFECT_HOME in a temporary directory).

Needs ``opsctl[prefect]``; ``.ci/integrations-check`` runs this file in a venv of its own.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

if importlib.util.find_spec("prefect") is not None:  # before Prefect reads its settings
    os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="opsctl-prefect-home-")
    os.environ.pop("PREFECT_API_URL", None)
    os.environ.pop("PREFECT_PROFILE", None)
    os.environ["PREFECT_SERVER_ALLOW_EPHEMERAL_MODE"] = "true"
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"  # no network here
    # a fresh PREFECT_HOME migrates its database first: slow on a busy 2-core machine
    os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "180"

prefect = pytest.importorskip("prefect", minversion="3")

from prefect import flow  # noqa: E402
from prefect.client.orchestration import get_client  # noqa: E402

from opsctl.integrations.common import OpsctlTaskFailed  # noqa: E402
from opsctl.integrations.prefect import (  # noqa: E402
    DEFAULT_RETRIES,
    opsctl_flow,
    opsctl_task,
    retry_condition,
)
from tests.conftest import validate_result  # noqa: E402
from tests.integrations.conftest import AUTOMATION  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning",
                                        "ignore::pytest.PytestUnraisableExceptionWarning",
                                        "ignore::ResourceWarning")

FAST = opsctl_task.with_options(retries=2, retry_delay_seconds=0)


@pytest.fixture(scope="module", autouse=True)
def ephemeral_server() -> Any:
    """Prefect starts its temporary server on first use; stop it while pytest still captures
    output (at interpreter exit Prefect would log to a closed stream)."""
    yield
    from prefect._internal.concurrency.services import QueueService
    from prefect.server.api.server import SubprocessASGIServer

    QueueService.drain_all(timeout=60)  # logs and events still queued for the server
    if SubprocessASGIServer().running:
        SubprocessASGIServer().stop()


@pytest.fixture(autouse=True)
def opsctl_env(ops_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """opsctl reads the process environment (the task gets no env=): none of the caller's
    OPSCTL_* variables, HOME in the temp dir."""
    for name in [n for n in os.environ if n.startswith("OPSCTL_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", ops_env["HOME"])
    monkeypatch.setenv("XDG_CONFIG_HOME", ops_env["XDG_CONFIG_HOME"])


def run_count(state: Any) -> int:
    """How many times Prefect ran the task run of ``state`` (1 + its retries)."""
    with get_client(sync_client=True) as client:
        return int(client.read_task_run(state.state_details.task_run_id).run_count)


def in_a_flow(request: dict[str, Any], project: Path, task: Any = FAST, **options: Any) -> Any:
    """The final state of one opsctl task run inside a flow run (the flow itself succeeds)."""

    states: list[Any] = []

    @flow(name="opsctl-test")
    def one() -> None:
        # kept aside: a state the flow returned would become the flow's own state
        states.append(task(AUTOMATION, request, project_dir=str(project), return_state=True,
                           **options))

    one()
    return states[0]


def test_the_default_task_retries_only_retryable_exit_codes() -> None:
    assert opsctl_task.retries == DEFAULT_RETRIES > 0
    assert opsctl_task.retry_condition_fn is retry_condition
    assert FAST.retry_condition_fn is retry_condition  # kept by with_options


def test_an_apply_returns_the_result_document(ops_project: Path) -> None:
    state = in_a_flow({"folder": "t"}, ops_project)
    assert state.is_completed()
    doc = state.result()
    validate_result(doc)
    assert (doc["exit_code"], doc["status"], doc["summary"]["applied"]) == (0, "succeeded", 2)
    assert (ops_project / "t" / "b").read_text() == "b"
    assert run_count(state) == 1


def test_a_plan_with_changes_succeeds_and_logs_changes_planned(
        ops_project: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        state = in_a_flow({"folder": "t"}, ops_project, mode="plan")
    assert state.is_completed()
    doc = state.result()
    assert (doc["exit_code"], doc["status"]) == (10, "changes_planned")
    assert not (ops_project / "t").exists()
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("changes planned: opsctl integ-files plan") for m in messages), messages
    assert any(m.startswith("opsctl run.finished") for m in messages)  # opsctl's own events


def test_exit_4_is_retried_and_the_retry_resumes_the_run(ops_project: Path) -> None:
    state = in_a_flow({"folder": "t", "files": ["a"], "flaky": {"a": 1}}, ops_project)
    assert state.is_completed()
    assert state.result()["status"] == "succeeded"
    assert run_count(state) == 2
    assert (ops_project / "t" / ".tries-a").read_text() == "1"


def test_exit_7_is_retried_until_the_retries_run_out(ops_project: Path,
                                                     ops_env: dict[str, str]) -> None:
    from opsctl.engine.locks import acquire_lease
    from opsctl.engine.session import open_session

    holder = open_session(cwd=ops_project, env=ops_env)
    automation = holder.catalog.load(AUTOMATION)
    lease = acquire_lease(holder.store, automation.scope_key(automation.request_model(folder="t")),
                          "run_other", actor="someone", ttl_s=60, wait_s=0, clock=holder.clock)
    try:
        state = in_a_flow({"folder": "t"}, ops_project)
    finally:
        lease.release()
        holder.close()
    assert state.is_failed()
    failure = state.result(raise_on_failure=False)
    assert isinstance(failure, OpsctlTaskFailed)
    assert (failure.exit_code, failure.retryable) == (7, True)
    assert run_count(state) == 3  # the first try and both retries


@pytest.mark.parametrize(("request_doc", "code"), [
    ({"folder": "t", "nope": 1}, 2),
    ({"folder": "t", "precheck": True}, 3),
    ({"folder": "t", "denied": True}, 6),
    ({"folder": "t", "bug": True}, 1),
])
def test_other_failures_are_not_retried(ops_project: Path, request_doc: dict[str, Any],
                                        code: int) -> None:
    state = in_a_flow(request_doc, ops_project)
    assert state.is_failed()
    failure = state.result(raise_on_failure=False)
    assert isinstance(failure, OpsctlTaskFailed)
    assert (failure.exit_code, failure.retryable) == (code, False)
    validate_result(failure.document)
    assert run_count(state) == 1


def test_exit_5_fails_once_with_the_partial_result_attached(ops_project: Path) -> None:
    state = in_a_flow({"folder": "t", "broken": ["b"]}, ops_project)
    assert state.is_failed()
    failure = state.result(raise_on_failure=False)
    assert isinstance(failure, OpsctlTaskFailed) and failure.partial
    statuses = {a["id"]: a["status"] for a in failure.document["plan"]["actions"]}
    assert statuses == {"file-a": "applied", "file-b": "failed"}
    assert run_count(state) == 1
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterTaskRunId

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(
            task_run_id=ArtifactFilterTaskRunId(any_=[state.state_details.task_run_id])))
    assert [a.type for a in artifacts] == ["table"]
    assert "partial (exit 5)" in (artifacts[0].description or "")


def test_mapped_tasks_run_concurrently(ops_project: Path) -> None:
    @flow(name="opsctl-test-map")
    def mapped() -> list[Any]:
        futures = FAST.map(AUTOMATION, [{"folder": f"m{i}"} for i in range(3)],
                           project_dir=str(ops_project))
        return [future.result() for future in futures]

    docs = mapped()
    assert [d["status"] for d in docs] == ["succeeded"] * 3
    assert all((ops_project / f"m{i}" / "a").exists() for i in range(3))


def test_a_failed_task_fails_its_flow_with_the_document(ops_project: Path) -> None:
    @flow(name="opsctl-test-raise")
    def raising() -> Any:
        return FAST(AUTOMATION, {"folder": "t", "precheck": True}, project_dir=str(ops_project))

    with pytest.raises(OpsctlTaskFailed) as caught:
        raising()
    assert caught.value.exit_code == 3 and caught.value.document["status"] == "failed"


def test_the_flow_helper_runs_one_automation(ops_project: Path) -> None:
    doc = opsctl_flow(AUTOMATION, {"folder": "t"}, project_dir=str(ops_project))
    assert (doc["exit_code"], doc["status"]) == (0, "succeeded")
    planned = opsctl_flow(AUTOMATION, {"folder": "u"}, mode="plan", project_dir=str(ops_project))
    assert planned["exit_code"] == 10


def test_secrets_stay_out_of_the_task_logs(ops_project: Path,
                                           caplog: pytest.LogCaptureFixture) -> None:
    secret = "hunter2-correct-horse"
    with caplog.at_level(logging.DEBUG):
        state = in_a_flow({"folder": "t", "token": secret, "leak": True}, ops_project)
    failure = state.result(raise_on_failure=False)
    assert isinstance(failure, OpsctlTaskFailed) and failure.exit_code == 3
    assert secret not in str(failure) and "***" in str(failure)
    assert secret not in "\n".join(r.getMessage() for r in caplog.records)
