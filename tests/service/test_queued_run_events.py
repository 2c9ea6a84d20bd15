"""A run queued over HTTP records its event stream like a run of the command line: the SSE
endpoint of the API streams its journal and log lines, then its result."""

from tests.service.conftest import Api


def test_a_queued_run_streams_its_events(sqlite_api: Api) -> None:
    token = sqlite_api.token("olga", "operator")
    work = sqlite_api.project.root / "work"
    accepted = sqlite_api.call("POST", "/v1/automations/files/runs?wait=30s", token,
                               json={"request": {"directory": str(work), "names": ["x"]}})
    assert accepted.status_code == 200, accepted.text
    stream = sqlite_api.call("GET", f"/v1/runs/{accepted.json()['run_id']}/events", token,
                             timeout=30).text
    kinds = [line.removeprefix("event: ") for line in stream.splitlines()
             if line.startswith("event: ")]
    assert kinds[0] == "run.started" and kinds[-2:] == ["run.finished", "result"]
    assert "action.finished" in kinds and "log" in kinds
    assert stream.splitlines()[0] == "id: 1"
