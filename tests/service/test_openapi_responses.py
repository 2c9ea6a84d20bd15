"""Every body the HTTP API answers with is one its OpenAPI document describes: the documented
media type for that status, and a body that validates against the documented schema (checked
with jsonschema against the document the server serves), on the paths clients are generated
from, the concrete per-automation ones included."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Project, validate_result
from tests.service.conftest import POLICY, Api, in_process

DENY_MALLORY = POLICY + """
  - name: no-mallory
    match: {actor: mallory}
    decision: deny
    reason: mallory may not change anything
"""


@pytest.fixture
def openapi_api(sqlite_project: Project) -> Iterator[Api]:
    (sqlite_project.root / "policy.yaml").write_text(DENY_MALLORY)
    yield from in_process(sqlite_project)


def check_documented(doc: dict[str, Any], path: str, method: str, response: Any) -> None:
    """``response`` has a media type and body the operation documents for its status."""
    from jsonschema import Draft202012Validator

    answers = doc["paths"][path][method.lower()]["responses"]
    status = str(response.status_code)
    assert status in answers, f"{method} {path} answered {status}, documented: {sorted(answers)}"
    media = response.headers["content-type"].split(";")[0].strip()
    content = answers[status].get("content") or {}
    assert media in content, (f"{method} {path} {status} sent {media}, documented: "
                              f"{sorted(content)}")
    pointer = "/".join(part.replace("~", "~0").replace("/", "~1") for part in (
        "paths", path, method.lower(), "responses", status, "content", media, "schema"))
    schema = {**doc, "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$ref": f"#/{pointer}"}
    errors = sorted(Draft202012Validator(schema).iter_errors(response.json()),
                    key=lambda e: list(e.path))
    assert not errors, (f"{method} {path} {status}: {errors[0].message} at "
                        f"{list(errors[0].path)}")


def test_the_answers_carrying_a_result_document_are_documented(openapi_api: Api) -> None:
    api = openapi_api
    doc = api.call("GET", "/openapi.json").json()
    olga, mallory = api.token("olga", "operator"), api.token("mallory", "operator")
    work = str(api.project.root / "work")
    body = {"request": {"directory": work, "names": ["a.txt"]}}

    def both(path: str, template: str, response: Any) -> None:
        for documented in (path, template):  # the concrete path and the generic one
            check_documented(doc, documented, "POST", response)

    # a dry run finished within ?wait: 200 and the result document
    dry = api.call("POST", "/v1/automations/files/runs?wait=30s", olga,
                   json={**body, "dry_run": True})
    assert dry.status_code == 200, dry.text
    validate_result(dry.json())
    both("/v1/automations/files/runs", "/v1/automations/{name}/runs", dry)

    # an apply, then the same Idempotency-Key replayed: 200 both times
    for replayed in (False, True):
        done = api.call("POST", "/v1/automations/files/runs?wait=30s", olga, json=body,
                        headers={"Idempotency-Key": "openapi-1"})
        assert done.status_code == 200, done.text
        assert done.json()["replayed"] is replayed
        both("/v1/automations/files/runs", "/v1/automations/{name}/runs", done)

    # a plan refused at the gate is not stored: 200, no plan id, the result says why
    refused = api.call("POST", "/v1/automations/files/plans", mallory,
                       json={"request": {"directory": work, "names": ["m.txt"]}})
    assert refused.status_code == 200, refused.text
    assert refused.json()["plan_id"] is None
    assert refused.json()["result"]["status"] == "denied"
    both("/v1/automations/files/plans", "/v1/automations/{name}/plans", refused)

    # a stored plan (201), then applied within ?wait (200)
    stored = api.call("POST", "/v1/automations/files/plans", olga,
                      json={"request": {"directory": work, "names": ["b.txt"]}})
    assert stored.status_code == 201, stored.text
    both("/v1/automations/files/plans", "/v1/automations/{name}/plans", stored)
    applied = api.call("POST", f"/v1/plans/{stored.json()['plan_id']}/apply?wait=30s", olga)
    assert applied.status_code == 200, applied.text
    assert applied.json()["status"] == "succeeded"
    check_documented(doc, "/v1/plans/{plan_id}/apply", "POST", applied)


def test_a_run_in_progress_has_the_fields_of_its_result_and_both_are_documented(
        openapi_api: Api) -> None:
    """GET /v1/runs/{id} of a running run: "the same fields" as the result document, with no
    outcome yet (was: no `policy` nor `requested_contract_version` until it finished)."""
    import time

    api = openapi_api
    doc = api.call("GET", "/openapi.json").json()
    olga = api.token("olga", "operator")
    hold = api.project.root / "release"
    started = api.call("POST", "/v1/automations/files/runs", olga, json={"request": {
        "directory": str(api.project.root / "work"), "names": ["h.txt"], "hold": str(hold)}})
    assert started.status_code == 202, started.text
    run_id = started.json()["run_id"]
    waiting = Path(str(hold) + ".waiting")
    deadline = time.monotonic() + 60
    while not waiting.exists():  # the apply is under way, holding
        assert time.monotonic() < deadline, "the run never started applying"
        time.sleep(0.05)
    running = api.call("GET", f"/v1/runs/{run_id}", olga)
    assert running.status_code == 200, running.text
    assert running.json()["status"] == "running"
    assert running.json()["exit_code"] is None
    check_documented(doc, "/v1/runs/{run_id}", "GET", running)
    hold.write_text("go")
    finished = api.run_until_done(olga, run_id, timeout=60)
    validate_result(finished)
    assert set(running.json()) == set(finished)
    done = api.call("GET", f"/v1/runs/{run_id}", olga)
    check_documented(doc, "/v1/runs/{run_id}", "GET", done)
