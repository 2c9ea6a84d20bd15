"""``POST /v1/runs/{id}/cancel``: the HTTP API asks a run the server carries out to stop, with
the same permission, audit and outcome as ``opsctl cancel``."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tests.conftest import Project
from tests.e2e.test_cancel import WAITS, effects
from tests.service.conftest import Api, in_process


@pytest.fixture
def waits_api(api_project: Project) -> Iterator[Api]:
    api_project.add_module("waits_auto", WAITS)
    yield from in_process(api_project)


def test_a_run_the_server_carries_out_is_cancelled_over_http(waits_api: Api) -> None:
    operator = waits_api.token("olga", "operator")
    viewer = waits_api.token("vera", "viewer")
    started = waits_api.call("POST", "/v1/automations/waits/runs", operator, json={"request": {"directory": str(waits_api.project.root)}})
    assert started.status_code == 202, started.text
    run_id = started.json()["run_id"]
    deadline = time.monotonic() + 60
    while not (waits_api.project.root / "waiting").exists():  # retrying its second action
        assert time.monotonic() < deadline, "the run never reached its retries"
        time.sleep(0.02)
    path = f"/v1/runs/{run_id}/cancel"
    refused = [
        (waits_api.call("POST", path, viewer, json={"reason": "not mine"}), 403),
        (waits_api.call("POST", path, operator, json={"reason": ""}), 422),
        (waits_api.call("POST", path, operator, json={}), 422),
        (waits_api.call("POST", path, None, json={"reason": "who am I"}), 401),
        (waits_api.call("POST", "/v1/runs/run_0000000000000000000000000/cancel", operator,
                        json={"reason": "typo"}), 404),
    ]
    assert [r.status_code for r, _ in refused] == [code for _, code in refused], \
        [r.text for r, _ in refused]
    assert waits_api.call("GET", f"/v1/runs/{run_id}", operator).json()["status"] == "running"
    asked = waits_api.call("POST", path, operator, json={"reason": "incident 42"})
    assert asked.status_code == 202, asked.text
    assert asked.json() == {"run_id": run_id, "automation": "waits", "status": "running",
                            "by": "olga", "reason": "incident 42"}
    doc = waits_api.run_until_done(operator, run_id, timeout=60)
    assert (doc["status"], doc["exit_code"]) == ("cancelled", 130)
    assert "cancelled on request" in doc["error"]["message"]
    assert effects(waits_api.project) == ["first"]
    again = waits_api.call("POST", path, operator, json={"reason": "twice"})
    assert again.status_code == 409 and "is cancelled already" in again.json()["detail"]
    audit = waits_api.call("GET", "/v1/audit", operator).json()["events"]
    asked_events = [e for e in audit if e["kind"] == "run.cancel_requested"]
    assert [(e["actor"], e["payload"]["reason"]) for e in asked_events] == [("olga", "incident 42")]
