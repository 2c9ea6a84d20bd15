"""A token limited to some environments sees the automation's contract, but of its runs and
plans only those of its environments: details, events, list entries, over the API and on the
dashboard. A request without an environment is covered only by a grant on every environment."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the HTTP API tests need the server extra")

from tests.service.conftest import Api
from tests.service.dashboard_kit import Visitor


def seed(api: Api) -> dict[str, str]:
    """A dry run and a stored plan in each environment, and a run without an environment."""
    admin = api.token("ada", "admin")
    made: dict[str, str] = {}
    for environment in ("staging", "prod"):
        request = {"directory": str(api.project.root / "work" / environment),
                   "environment": environment}
        run = api.call("POST", "/v1/automations/files/runs?wait=30s", admin,
                       json={"request": request, "dry_run": True})
        assert run.status_code == 200, run.text
        made[f"run:{environment}"] = run.json()["run_id"]
        plan = api.call("POST", "/v1/automations/files/plans", admin, json={"request": request})
        assert plan.status_code == 201, plan.text
        made[f"plan:{environment}"] = plan.json()["plan_id"]
        made[f"planning:{environment}"] = plan.json()["result"]["run_id"]
    report = api.call("POST", "/v1/automations/report/runs?wait=30s", admin,
                      json={"request": {"directory": str(api.project.root)}, "dry_run": True})
    made["run:none"] = report.json()["run_id"]
    return made


def test_a_token_for_staging_sees_only_staging_runs_and_plans(sqlite_api: Api) -> None:
    api = sqlite_api
    made = seed(api)
    sam = api.token("sam", "operator", environments=("staging",))

    assert api.call("GET", "/v1/automations/files", sam).status_code == 200  # the contract
    for path, status in ((f"/v1/runs/{made['run:staging']}", 200),
                         (f"/v1/runs/{made['run:staging']}/events", 200),
                         (f"/v1/plans/{made['plan:staging']}", 200),
                         (f"/v1/runs/{made['run:prod']}", 403),
                         (f"/v1/runs/{made['run:prod']}/events", 403),
                         (f"/v1/plans/{made['plan:prod']}", 403),
                         (f"/v1/runs/{made['run:none']}", 403)):
        r = api.call("GET", path, sam)
        assert r.status_code == status, (path, r.text)
        if status == 403:  # says why, shows nothing of the run or the plan
            detail = r.json()["detail"]
            assert "in environment prod" in detail or "without an environment" in detail
            assert str(api.project.root / "work" / "prod") not in r.text
    listed = api.call("GET", "/v1/runs?limit=500", sam)
    assert listed.status_code == 200, listed.text
    seen = {row["id"] for row in listed.json()["runs"]}
    assert seen == {made["run:staging"], made["planning:staging"]}
    # a page skips what the token may not see (the newest run of files is prod's planning)
    of_files = api.call("GET", "/v1/runs?automation=files&limit=1", sam).json()
    assert [r["id"] for r in of_files["runs"]] == [made["planning:staging"]]
    # and its cursor pages on over the runs the token may see, to the end
    paged, cursor = [], None
    while True:
        page = api.call("GET", "/v1/runs?limit=1" + (f"&cursor={cursor}" if cursor else ""),
                        sam).json()
        paged += [r["id"] for r in page["runs"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert paged == [made["planning:staging"], made["run:staging"]]
    # an unscoped token still sees everything
    everything = api.call("GET", "/v1/runs", api.token("vic", "viewer")).json()["runs"]
    assert {made["run:prod"], made["run:none"]} <= {r["id"] for r in everything}


def test_the_dashboard_shows_a_token_for_staging_only_staging_runs_and_plans(
        sqlite_api: Api) -> None:
    api = sqlite_api
    made = seed(api)
    v = Visitor(api)
    assert v.login(api.token("sam", "operator", environments=("staging",))).status_code == 303

    pages: dict[str, Any] = {}
    for path in (f"/runs/{made['run:staging']}", f"/plans/{made['plan:staging']}",
                 f"/runs/{made['run:prod']}", f"/runs/{made['run:prod']}/events",
                 f"/plans/{made['plan:prod']}", f"/automations/files?from_plan="
                 f"{made['plan:prod']}", "/runs", "/automations/files", "/"):
        pages[path] = v.get(path)
    assert pages[f"/runs/{made['run:staging']}"].status_code == 200
    assert pages[f"/plans/{made['plan:staging']}"].status_code == 200
    for path in (f"/runs/{made['run:prod']}", f"/runs/{made['run:prod']}/events",
                 f"/plans/{made['plan:prod']}", f"/automations/files?from_plan="
                 f"{made['plan:prod']}"):
        assert pages[path].status_code == 403, (path, pages[path].text)
        assert str(api.project.root / "work" / "prod") not in pages[path].text
    for path in ("/runs", "/automations/files", "/"):
        assert pages[path].status_code == 200, pages[path].text
        assert made["run:prod"] not in pages[path].text, path
        assert made["run:none"] not in pages[path].text, path
    assert made["run:staging"] in pages["/runs"].text
    assert made["run:staging"] in pages["/automations/files"].text
    # SLO figures count the runs of every environment: not shown to this login (as /metrics,
    # which it may not read), while an unscoped login sees them
    slos = v.get("/slos")
    assert slos.status_code == 200
    assert "Not shown: files" in slos.text and "<td>4</td>" not in slos.text
    assert "Not shown: the figures count the runs of every environment" in \
        pages["/automations/files"].text
    assert v.get("/metrics").status_code in (401, 403)
    assert "success (" not in pages["/"].text  # nor the catalog's success rate of them
    everyone = Visitor(api)
    assert everyone.login(api.token("vic", "viewer")).status_code == 303
    assert "success (30d)" in everyone.get("/").text
    shown = everyone.get("/slos")
    assert shown.status_code == 200 and "Not shown" not in shown.text
    assert '<a href="/automations/files">files</a>' in shown.text
    v.close()


def test_a_key_used_in_another_environment_is_refused_without_naming_its_run(
        sqlite_api: Api) -> None:
    """The 409 of a reused Idempotency-Key names the run that holds it only to a caller who may
    view that run: to a token for staging, a prod run's id is nothing it may learn."""
    api = sqlite_api
    admin = api.token("ada", "admin")
    held = api.call("POST", "/v1/automations/files/runs?wait=30s", admin,
                    headers={"Idempotency-Key": "nightly"},
                    json={"request": {"directory": str(api.project.root / "work" / "prod"),
                                      "environment": "prod"}})
    assert held.status_code == 200, held.text
    prod_run = held.json()["run_id"]
    staging = {"request": {"directory": str(api.project.root / "work" / "staging"),
                           "environment": "staging"}}

    sam = api.token("sam", "operator", environments=("staging",))
    refused = api.call("POST", "/v1/automations/files/runs", sam,
                       headers={"Idempotency-Key": "nightly"}, json=staging)
    assert refused.status_code == 409, refused.text
    assert refused.json()["exit_code"] == 7
    assert "Idempotency-Key 'nightly'" in refused.json()["detail"]
    assert prod_run not in refused.text
    assert not (api.project.root / "work" / "staging").exists()

    named = api.call("POST", "/v1/automations/files/runs", admin,
                     headers={"Idempotency-Key": "nightly"}, json=staging)
    assert named.status_code == 409 and prod_run in named.json()["detail"]


def test_an_admin_of_staging_may_not_break_a_prod_lock_whose_values_name_staging(
        sqlite_api: Api) -> None:
    """A lock's environment is that of the run holding it: a value of the scope that itself
    reads ``/environment=staging`` (a partitioned path) does not make a prod lock staging's."""
    from datetime import UTC, datetime

    from tests.service.conftest import project_session

    api = sqlite_api
    admin = api.token("ada", "admin")
    directory = str(api.project.root / "work" / "environment=staging")
    held = api.call("POST", "/v1/automations/files/runs?wait=30s", admin,
                    json={"request": {"directory": directory, "environment": "prod"},
                          "dry_run": True})
    assert held.status_code == 200, held.text
    scope = f"files/environment=prod/directory={directory}"
    store = project_session(api.project).store
    token, _ = store.acquire_lease(scope, held.json()["run_id"], actor="ada", host="elsewhere",
                                   pid=1, now=datetime.now(UTC), ttl_s=3600)
    assert token is not None

    staging_admin = api.token("sam", "admin", environments=("staging",))
    refused = api.call("DELETE", f"/v1/locks/{scope}?reason=stuck", staging_admin)
    assert refused.status_code == 403, refused.text
    assert "in environment prod" in refused.json()["detail"]
    assert [lease["scope"] for lease in store.list_leases()] == [scope]

    broken = api.call("DELETE", f"/v1/locks/{scope}?reason=stuck", admin)
    assert broken.status_code == 200, broken.text
    assert store.list_leases() == []
