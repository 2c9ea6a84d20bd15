"""``POST /v1/runs/{id}/cancel``: the HTTP API asks a run the server carries out to stop, with
the same permission, audit and outcome as ``opsctl cancel``."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tests.conftest import Project
from tests.e2e.test_cancel import WAITS, effects
from tests.service.conftest import Api, in_process
from tests.service.dashboard_kit import Visitor


@pytest.fixture
def waits_api(api_project: Project) -> Iterator[Api]:
    api_project.add_module("waits_auto", WAITS)
    yield from in_process(api_project)


def retrying(api: Api, token: str) -> str:
    """A run of `waits` the server carries out, retrying its second action for an hour."""
    started = api.call("POST", "/v1/automations/waits/runs", token,
                       json={"request": {"directory": str(api.project.root)}})
    assert started.status_code == 202, started.text
    deadline = time.monotonic() + 60
    while not (api.project.root / "waiting").exists():
        assert time.monotonic() < deadline, "the run never reached its retries"
        time.sleep(0.02)
    return str(started.json()["run_id"])


def logged_in(api: Api, token: str) -> Visitor:
    v = Visitor(api)
    assert v.login(token).status_code == 303
    return v


def test_a_run_the_server_carries_out_is_cancelled_over_http(waits_api: Api) -> None:
    operator = waits_api.token("olga", "operator")
    viewer = waits_api.token("vera", "viewer")
    run_id = retrying(waits_api, operator)
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
                            "by": "olga", "reason": "incident 42",
                            "message": f"asked run {run_id} to stop: it stops at its next "
                                       "action boundary"}
    doc = waits_api.run_until_done(operator, run_id, timeout=60)
    assert (doc["status"], doc["exit_code"]) == ("cancelled", 130)
    assert "cancelled on request" in doc["error"]["message"]
    assert effects(waits_api.project) == ["first"]
    again = waits_api.call("POST", path, operator, json={"reason": "twice"})
    assert again.status_code == 409 and "is cancelled already" in again.json()["detail"]
    audit = waits_api.call("GET", "/v1/audit", operator).json()["events"]
    asked_events = [e for e in audit if e["kind"] == "run.cancel_requested"]
    assert [(e["actor"], e["payload"]["reason"]) for e in asked_events] == [("olga", "incident 42")]


def test_the_run_page_offers_cancel_to_whoever_may_apply_it(waits_api: Api) -> None:
    operator = waits_api.token("olga", "operator")
    run_id = retrying(waits_api, operator)
    vera = logged_in(waits_api, waits_api.token("vera", "viewer"))
    page = vera.get(f"/runs/{run_id}")
    assert page.status_code == 200 and "Cancel this run" not in page.text
    assert vera.post(f"/runs/{run_id}/cancel", {"reason": "not mine"}).status_code == 403
    olga = logged_in(waits_api, operator)
    page = olga.get(f"/runs/{run_id}")
    assert page.status_code == 200 and "Cancel this run" in page.text
    blank = olga.post(f"/runs/{run_id}/cancel", {"reason": "  "})
    assert blank.status_code == 422 and "say why the run is cancelled" in blank.text
    forged = olga.post(f"/runs/{run_id}/cancel", {"reason": "x", "csrf": "forged"}, csrf=False)
    assert forged.status_code == 403
    assert waits_api.call("GET", f"/v1/runs/{run_id}", operator).json()["status"] == "running"
    asked = olga.post(f"/runs/{run_id}/cancel", {"reason": "<b>incident</b> 42"})
    assert asked.status_code == 303 and asked.headers["location"] == f"/runs/{run_id}"
    doc = waits_api.run_until_done(operator, run_id, timeout=60)
    assert (doc["status"], doc["exit_code"]) == ("cancelled", 130)
    page = olga.get(f"/runs/{run_id}")
    assert "Cancel this run" not in page.text and "Resume this run" in page.text
    audit = olga.get("/audit").text
    assert "run.cancel_requested" in audit and "<b>incident</b>" not in audit
