"""The API answers over the in-process transport on both stores."""

from tests.service.conftest import Api


def test_a_dry_run_and_an_apply_over_http(api: Api) -> None:
    token = api.token("olga", "operator")
    work = api.project.root / "work"
    r = api.call("POST", "/v1/automations/files/runs?wait=30s", token,
                 json={"request": {"directory": str(work), "names": ["x", "y"]},
                       "dry_run": True})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "changes_planned" and r.json()["exit_code"] == 10
    r = api.call("POST", "/v1/automations/files/runs", token,
                 json={"request": {"directory": str(work), "names": ["x", "y"]}})
    assert r.status_code == 202, r.text
    assert r.headers["location"] == f"/v1/runs/{r.json()['run_id']}"
    doc = api.run_until_done(token, r.json()["run_id"])
    assert doc["status"] == "succeeded" and doc["summary"]["applied"] == 2
    assert (work / "x").exists() and (work / "y").exists()
