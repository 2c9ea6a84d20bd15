"""The HTTP API end to end: restarts keep accepted runs, the CLI and the API share one store
(four-eyes across both), idempotency keys mean the same thing over HTTP, a lost store is a 503
and the server recovers, and the server refuses to listen beyond loopback without TLS."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest

from tests.conftest import Project, postgres_schema_url, run_opsctl
from tests.service.conftest import (
    POLICY,
    Api,
    LiveServer,
    in_process,
    make_token,
    setup_project,
)
from tests.tcp_proxy import TCPProxy


def wait_for(predicate: Any, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def get(server: LiveServer, path: str, token: str) -> Any:
    return httpx.get(server.url + path, headers={"Authorization": f"Bearer {token}"}, timeout=30)


def post(server: LiveServer, path: str, token: str, body: dict[str, Any]) -> Any:
    return httpx.post(server.url + path, json=body, timeout=30,
                      headers={"Authorization": f"Bearer {token}"})


def finished(server: LiveServer, token: str, run_id: str) -> dict[str, Any]:
    docs: list[dict[str, Any]] = []

    def done() -> bool:
        docs.append(get(server, f"/v1/runs/{run_id}", token).json())
        return docs[-1]["status"] not in ("queued", "running")

    wait_for(done, f"run {run_id} to finish")
    return docs[-1]


def test_a_restart_resumes_the_interrupted_run_and_carries_out_the_queued_one(
        live: Any, api_project: Project) -> None:
    token = make_token(api_project, "olga", "operator")
    hold = api_project.root / "hold"
    first_dir, second_dir = api_project.root / "work" / "one", api_project.root / "work" / "two"
    server = live("--workers", "1")
    held = post(server, "/v1/automations/files/runs", token,
                {"request": {"directory": str(first_dir), "names": ["a", "b", "c"],
                             "hold": str(hold)}})
    assert held.status_code == 202, held.text
    wait_for(lambda: Path(str(hold) + ".waiting").exists(), "the first action to start")
    queued = post(server, "/v1/automations/files/runs", token,
                  {"request": {"directory": str(second_dir), "names": ["x"]}})
    assert queued.status_code == 202
    waiting = get(server, f"/v1/runs/{queued.json()['run_id']}", token).json()
    # docs/http-api.md: an unfinished run shows its status and no outcome yet
    assert waiting["status"] == "queued"
    assert (waiting["exit_code"], waiting["plan"], waiting["summary"]) == (None, None, None)
    assert waiting["timing"]["finished_at"] is None

    assert server.proc is not None
    server.proc.send_signal(15)
    wait_for(lambda: "server.stopping" in server.log_text(), "the server to begin stopping")
    hold.write_text("go")  # the action in flight finishes; no new action starts
    assert server.stop() == 0
    session_docs = run_opsctl("show", held.json()["run_id"], "--format", "json",
                              cwd=api_project.root, env=api_project.env())
    assert session_docs.doc["status"] == "cancelled", session_docs.stdout
    assert sorted(p.name for p in first_dir.iterdir()) == ["a"]
    assert not second_dir.exists()

    again = live()
    resumed = finished(again, token, held.json()["run_id"])
    assert resumed["status"] == "succeeded", resumed
    assert sorted(p.name for p in first_dir.iterdir()) == ["a", "b", "c"]
    assert [a["status"] for a in resumed["plan"]["actions"]] == ["applied"] * 3
    carried = finished(again, token, queued.json()["run_id"])
    assert carried["status"] == "succeeded" and (second_dir / "x").exists()
    events = again.log_events()
    assert "Traceback" not in again.log_text()
    # what the run read when the restart picked it up, as `show` said above: the log and the
    # audit trail say so, not the `running` it was reopened as
    assert [e["previous_status"] for e in events
            if e.get("event") == "run.resumed"] == ["cancelled"]
    trail = run_opsctl("audit", "export", "--run", held.json()["run_id"],
                       cwd=api_project.root, env=api_project.env())
    assert trail.code == 0, trail.stderr
    assert [json.loads(line)["payload"]["previous_status"]
            for line in trail.stdout.splitlines()
            if json.loads(line)["kind"] == "run.resumed"] == ["cancelled"]


def test_a_queued_run_of_an_older_major_request_carried_out_after_a_restart_says_so(
        live: Any, api_project: Project) -> None:
    """The next start carried the queued run out from its stored request, as a request of the
    current version: its result recorded that version as the one asked for, without the
    warning that the caller's request was upgraded."""
    from tests.e2e.test_contract_versions import DEPLOY

    api_project.add_module("deploy_auto", DEPLOY)
    token = make_token(api_project, "olga", "operator")
    hold = api_project.root / "hold"
    server = live("--workers", "1")
    held = post(server, "/v1/automations/files/runs", token,
                {"request": {"directory": str(api_project.root / "work" / "one"),
                             "names": ["a", "b"], "hold": str(hold)}})
    assert held.status_code == 202, held.text
    wait_for(lambda: Path(str(hold) + ".waiting").exists(), "the first action to start")
    queued = post(server, "/v1/automations/deploy/runs", token,
                  {"request": {"env": "qa", "count": 3}, "contract_version": "1"})
    assert queued.status_code == 202, queued.text
    assert server.proc is not None
    server.proc.send_signal(15)
    wait_for(lambda: "server.stopping" in server.log_text(), "the server to begin stopping")
    hold.write_text("go")
    assert server.stop() == 0

    carried = finished(live(), token, queued.json()["run_id"])
    assert carried["status"] == "no_changes", carried
    assert carried["request"] == {"environment": "qa", "replicas": 3, "region": None}
    assert (carried["requested_contract_version"], carried["contract_version"]) == ("1", "2.1.0")
    assert carried["warnings"] == ["request for contract 1 was upgraded to 2.1.0; update the "
                                   "caller to 2.x"]


def test_four_eyes_across_the_cli_and_the_api(api: Api) -> None:
    project = api.project
    work = project.root / "work" / "prod"
    olga = api.token("olga", "operator")
    sue = api.token("sue", "approver")
    request = {"directory": str(work), "names": ["cert.pem"], "environment": "prod"}

    # plan over HTTP; the requester cannot approve her own plan; apply before approval is denied
    planned = api.call("POST", "/v1/automations/files/plans", olga, json={"request": request})
    assert planned.status_code == 201, planned.text
    plan_id = planned.json()["plan_id"]
    assert planned.json()["result"]["policy"]["effect"] == "require_approval"
    early = api.call("POST", f"/v1/plans/{plan_id}/apply?wait=30s", olga)
    assert early.status_code == 200 and early.json()["exit_code"] == 6, early.text
    assert early.json()["error"]["type"] == "approval_required"
    own = api.call("POST", f"/v1/plans/{plan_id}/approvals",
                   api.token("olga", "approver"), json={"decision": "approve", "reason": "mine"})
    assert own.status_code == 403, own.text
    # approve with the CLI (sam is in the policy's sre group), apply over HTTP
    approved = project.run("approve", plan_id, "--reason", "reviewed", "--format", "json",
                           env=project.env({"OPSCTL_ACTOR": "sam"}))
    assert approved.code == 0, approved.stderr
    applied = api.call("POST", f"/v1/plans/{plan_id}/apply?wait=30s", olga)
    assert applied.status_code == 200, applied.text
    assert applied.json()["status"] == "succeeded" and (work / "cert.pem").exists()
    again = api.call("POST", f"/v1/plans/{plan_id}/apply", olga)
    assert again.status_code == 409 and again.json()["exit_code"] == 3

    # the reverse: plan with the CLI, approve over HTTP, apply with the CLI
    request["names"] = ["key.pem"]
    plan_file = project.root / "plan.json"
    cli_plan = project.run("plan", "files", "--directory", str(work), "--names", "key.pem",
                           "--environment", "prod", "--out", str(plan_file), "--format", "json",
                           env=project.env({"OPSCTL_ACTOR": "olga"}))
    assert cli_plan.code == 10, cli_plan.stderr
    cli_plan_id = cli_plan.doc["artifacts"]["plan_id"]
    decision = api.call("POST", f"/v1/plans/{cli_plan_id}/approvals", sue,
                        json={"decision": "approve", "reason": "looks right"})
    assert decision.status_code == 201, decision.text
    assert decision.json()["approval"]["actor"] == "sue"  # from the token, not the body
    done = project.run("apply", "--plan", str(plan_file), "--format", "json",
                       env=project.env({"OPSCTL_ACTOR": "olga"}))
    assert done.code == 0, done.stderr
    assert (work / "key.pem").exists()
    history = api.call("GET", "/v1/runs?automation=files&status=succeeded", olga).json()
    assert {r["actor"] for r in history["runs"]} == {"olga"}


def test_an_approvers_decisions_sent_at_the_same_moment_are_recorded_once(
        api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    """A decision that looked for the approver's earlier one just before that one was
    recorded (two requests at once: a double click, a retried CI step) is answered as the
    same decision again, or a conflict, with one row and one event (was: a 500 from the
    store's unique key)."""
    import opsctl.governance.plan_decisions as decisions
    from tests.service.conftest import project_session

    olga, sue = api.token("olga", "operator"), api.token("sue", "approver")
    request = {"directory": str(api.project.root / "work"), "environment": "prod"}
    planned = api.call("POST", "/v1/automations/files/plans", olga, json={"request": request})
    plan_id = planned.json()["plan_id"]
    path = f"/v1/plans/{plan_id}/approvals"
    first = api.call("POST", path, sue, json={"decision": "approve", "reason": "looks right"})
    assert first.status_code == 201 and not first.json()["approval"]["already_recorded"]

    real = decisions.checked_approvals

    def first_look_before_it_was_recorded() -> Any:
        looked: list[str] = []

        def checked(store: Any, plan: str) -> Any:
            looked.append(plan)
            return [] if len(looked) == 1 else real(store, plan)

        return checked

    for decision, status in (("approve", 201), ("reject", 409)):
        monkeypatch.setattr(decisions, "checked_approvals", first_look_before_it_was_recorded())
        again = api.call("POST", path, sue, json={"decision": decision, "reason": "again"})
        assert again.status_code == status, again.text
        if status == 201:
            assert again.json()["approval"]["already_recorded"] is True
        else:
            assert again.json()["exit_code"] == 7 and "already approved" in again.json()["detail"]
    session = project_session(api.project)
    try:
        rows = session.store._rows("SELECT decision FROM approvals WHERE plan_id = ?",
                                   (plan_id,))
        events = session.store._rows("SELECT kind FROM audit_events WHERE plan_id = ? AND kind "
                                     "IN ('approval.approved', 'approval.rejected')", (plan_id,))
    finally:
        session.close()
    assert [r["decision"] for r in rows] == ["approved"]
    assert [e["kind"] for e in events] == ["approval.approved"]


def test_idempotency_keys_mean_the_same_over_http_and_on_the_command_line(api: Api) -> None:
    project = api.project
    token = api.token("olga", "operator")
    work = project.root / "work" / "idem"
    body = {"request": {"directory": str(work), "names": ["one"]}}
    key = {"Idempotency-Key": "deploy-42"}
    first = api.call("POST", "/v1/automations/files/runs?wait=30s", token, json=body,
                     headers=key)
    assert first.status_code == 200 and first.json()["status"] == "succeeded", first.text
    replay = api.call("POST", "/v1/automations/files/runs?wait=30s", token, json=body,
                      headers=key)
    assert replay.status_code == 200
    assert replay.json()["replayed"] is True
    assert replay.json()["run_id"] == first.json()["run_id"]
    other = api.call("POST", "/v1/automations/files/runs", token, headers=key,
                     json={"request": {"directory": str(work), "names": ["two"]}})
    assert other.status_code == 409 and other.json()["exit_code"] == 7, other.text
    assert other.headers["content-type"].startswith("application/problem+json")
    cli = project.run("files", "--directory", str(work), "--names", "one",
                      "--idempotency-key", "deploy-42", "--yes", "--format", "json")
    assert cli.code == 0 and cli.doc["replayed"] is True
    assert cli.doc["run_id"] == first.json()["run_id"]


def test_an_idempotency_key_beyond_ascii_is_read_as_utf8_as_on_the_command_line(
        sqlite_api: Api) -> None:
    api = sqlite_api
    token = api.token("olga", "operator")
    work = api.project.root / "work" / "idem"
    cli = api.project.run("files", "--directory", str(work), "--names", "one",
                          "--idempotency-key", "déploiement-42", "--yes", "--format", "json")
    assert cli.code == 0, cli.stderr
    body = {"request": {"directory": str(work), "names": ["one"]}}
    replay = api.call("POST", "/v1/automations/files/runs", token, json=body,
                      headers={"Idempotency-Key": "déploiement-42".encode()})
    assert replay.status_code == 200, replay.text
    assert replay.json()["replayed"] is True and replay.json()["run_id"] == cli.doc["run_id"]
    assert replay.json()["idempotency_key"] == "déploiement-42"
    # bytes that are no UTF-8 text name no key
    refused = api.call("POST", "/v1/automations/files/runs", token, json=body,
                       headers={"Idempotency-Key": b"d\xe9ploiement-42"})
    assert refused.status_code == 422, refused.text
    assert refused.json()["errors"][0]["field"] == "header.idempotency-key"


def test_a_blank_idempotency_key_is_refused_as_on_the_command_line(sqlite_api: Api) -> None:
    """`Idempotency-Key: $KEY` with the variable unset would fall back to a key derived from
    the request, which does not replay: the work would be done again."""
    api = sqlite_api
    token = api.token("olga", "operator")
    body = {"request": {"directory": str(api.project.root / "work" / "blank")}}
    for blank in ("", "   "):
        refused = api.call("POST", "/v1/automations/files/runs", token, json=body,
                           headers={"Idempotency-Key": blank})
        assert refused.status_code == 422, refused.text
        assert [e["field"] for e in refused.json()["errors"]] == ["header.idempotency-key"]
        assert "empty" in refused.json()["detail"]
    assert api.call("GET", "/v1/runs", token).json()["runs"] == []


def test_an_idempotency_key_ending_in_an_accented_letter_is_read_whole(sqlite_api: Api) -> None:
    # "à" is C3 A0 in UTF-8; A0 alone, read as Latin-1, is a no-break space
    api = sqlite_api
    token = api.token("olga", "operator")
    work = api.project.root / "work" / "voila"
    cli = api.project.run("files", "--directory", str(work), "--names", "one",
                          "--idempotency-key", "voilà", "--yes", "--format", "json")
    assert cli.code == 0, cli.stderr
    replay = api.call("POST", "/v1/automations/files/runs", token,
                      json={"request": {"directory": str(work), "names": ["one"]}},
                      headers={"Idempotency-Key": "voilà".encode()})
    assert replay.status_code == 200, replay.text
    assert replay.json()["run_id"] == cli.doc["run_id"]


def test_an_idempotency_key_is_at_most_200_characters_over_http_as_on_the_command_line(
        sqlite_api: Api) -> None:
    api = sqlite_api
    token = api.token("olga", "operator")
    work = api.project.root / "work" / "long"
    body = {"request": {"directory": str(work), "names": ["one"]}}
    key = "é" * 200  # 200 characters, 400 bytes in UTF-8
    cli = api.project.run("files", "--directory", str(work), "--names", "one",
                          "--idempotency-key", key, "--yes", "--format", "json")
    assert cli.code == 0, cli.stderr
    replay = api.call("POST", "/v1/automations/files/runs", token, json=body,
                      headers={"Idempotency-Key": key.encode()})
    assert replay.status_code == 200, replay.text
    assert replay.json()["replayed"] is True and replay.json()["run_id"] == cli.doc["run_id"]
    # one more is refused by both, in the same words
    longer = "k" * 201
    refused = api.call("POST", "/v1/automations/files/runs", token, json=body,
                       headers={"Idempotency-Key": longer})
    assert refused.status_code == 422, refused.text
    assert refused.json()["errors"][0]["field"] == "header.idempotency-key"
    said = api.project.run("files", "--directory", str(work), "--idempotency-key", longer,
                           "--yes", "--format", "json")
    assert said.code == 2
    assert refused.json()["detail"] == ("invalid input: header.idempotency-key: "
                                        + said.doc["error"]["message"])


def test_callers_waiting_on_a_run_hold_no_thread_the_other_requests_need(
        sqlite_api: Api) -> None:
    """The sync routes share one small pool of threads; callers waiting with ?wait= on a
    long run must not take it from the others (a health probe, the catalog)."""
    from concurrent.futures import ThreadPoolExecutor

    from anyio.to_thread import current_default_thread_limiter

    api = sqlite_api
    portal = api.client._transport._portal
    portal.call(lambda: setattr(current_default_thread_limiter(), "total_tokens", 3))
    token = api.token("olga", "operator")
    hold = api.project.root / "hold"
    runs = "/v1/automations/files/runs"
    body = {"request": {"directory": str(api.project.root / "work"), "names": ["a"],
                        "hold": str(hold)}}
    key = {"Idempotency-Key": "long-one"}
    first = api.call("POST", runs, token, json=body, headers=key)
    assert first.status_code == 202, first.text
    wait_for(lambda: hold.with_name("hold.waiting").exists(), "the run to start")
    with ThreadPoolExecutor(4) as pool:
        waiters = [pool.submit(api.call, "POST", runs + "?wait=60s", token, json=body,
                               headers=key) for _ in range(3)]
        try:
            catalog = pool.submit(api.call, "GET", "/v1/automations", token).result(timeout=20)
            assert catalog.status_code == 200, catalog.text
        finally:
            hold.write_text("go")
        answers = [w.result(timeout=30) for w in waiters]
    assert {a.status_code for a in answers} == {200}, [a.text for a in answers]
    assert {a.json()["run_id"] for a in answers} == {first.json()["run_id"]}


def test_healthz_answers_while_every_thread_of_the_routes_is_busy(sqlite_api: Api) -> None:
    """Slow requests may take every thread the sync routes share; the process is still up."""
    from concurrent.futures import ThreadPoolExecutor

    from anyio.to_thread import current_default_thread_limiter

    portal = sqlite_api.client._transport._portal
    limiter = portal.call(current_default_thread_limiter)
    portal.call(lambda: setattr(limiter, "total_tokens", 1))
    busy = object()
    portal.call(limiter.acquire_on_behalf_of, busy)  # the one thread, taken
    pool = ThreadPoolExecutor(1)
    try:
        answer = pool.submit(sqlite_api.call, "GET", "/healthz").result(timeout=20)
    finally:
        portal.call(limiter.release_on_behalf_of, busy)
        pool.shutdown()
    assert answer.status_code == 200 and answer.json() == {"status": "ok"}


def test_requests_sent_at_once_with_one_idempotency_key_make_one_run(
        live: Any, api_project: Project) -> None:
    """Clients that retry on a timeout send the same key again while the first request is
    still being answered: every one gets the same run, which runs once."""
    from concurrent.futures import ThreadPoolExecutor

    token = make_token(api_project, "olga", "operator")
    hold = api_project.root / "hold"
    work = api_project.root / "work" / "once"
    server = live("--workers", "4")
    body = {"request": {"directory": str(work), "names": ["a"], "hold": str(hold)}}

    def send(_: int) -> Any:
        return httpx.post(server.url + "/v1/automations/files/runs", json=body, timeout=30,
                          headers={"Authorization": f"Bearer {token}",
                                   "Idempotency-Key": "rotate-2026-12"})

    with ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(send, range(6)))
    assert {a.status_code for a in answers} == {202}, [a.text for a in answers]
    run_ids = {a.json()["run_id"] for a in answers}
    assert len(run_ids) == 1, run_ids
    hold.write_text("go")
    done = finished(server, token, run_ids.pop())
    assert done["status"] == "succeeded", done
    runs = get(server, "/v1/runs?automation=files", token).json()["runs"]
    assert [r["status"] for r in runs] == ["succeeded"]


def test_a_lost_store_is_a_503_and_the_server_recovers(tmp_path: Path) -> None:
    for url in postgres_schema_url():
        root = tmp_path / "proj"
        root.mkdir()
        project = Project(root)
        project.extra_env["OPSCTL_STORE_URL"] = url
        setup_project(project)
        token = make_token(project, "olga", "operator")
        parts = urlsplit(url)
        proxy = TCPProxy(parts.hostname or "127.0.0.1", parts.port or 5432)
        project.extra_env["OPSCTL_STORE_URL"] = urlunsplit(
            parts._replace(netloc=f"127.0.0.1:{proxy.port}"))
        for api in in_process(project):
            work = project.root / "work"
            body = {"request": {"directory": str(work), "names": ["a"]}, "dry_run": True}
            assert api.call("GET", "/readyz").status_code == 200
            proxy.kill()
            down = api.call("GET", "/readyz")
            assert down.status_code == 503, down.text
            assert down.json()["exit_code"] == 4 and "Traceback" not in down.text
            # public: no store address for whoever asks (the server's log has it)
            assert f"127.0.0.1:{proxy.port}" not in down.text, down.text
            refused = api.call("POST", "/v1/automations/files/runs", token, json=body)
            assert refused.status_code == 503, refused.text
            assert refused.headers["content-type"].startswith("application/problem+json")
            assert api.call("GET", "/healthz").status_code == 200  # the process lives on
            proxy = TCPProxy(parts.hostname or "127.0.0.1", parts.port or 5432, proxy.port)
            assert api.call("GET", "/readyz").status_code == 200
            back = api.call("POST", "/v1/automations/files/runs?wait=30s", token, json=body)
            assert back.status_code == 200 and back.json()["exit_code"] == 10, back.text
        proxy.kill()


def test_a_store_emptied_under_the_server_is_a_503_not_a_new_empty_store(
        tmp_path: Path) -> None:
    """The store's schema dropped and made again under a running server, to restore a dump
    into: the server answers 503 and makes no tables there, and serves the store once it is
    restored (it made a new, empty store at once: every token unknown, and the restore then
    collided with its tables)."""
    import psycopg

    for url in postgres_schema_url():
        root = tmp_path / "proj"
        root.mkdir()
        project = Project(root)
        project.extra_env["OPSCTL_STORE_URL"] = url
        setup_project(project)
        token = make_token(project, "olga", "operator")
        with psycopg.connect(url, autocommit=True) as conn:
            row = conn.execute("SELECT current_schema()").fetchone()
            assert row is not None
            schema = row[0]
        parts = urlsplit(url)
        proxy = TCPProxy(parts.hostname or "127.0.0.1", parts.port or 5432)
        project.extra_env["OPSCTL_STORE_URL"] = urlunsplit(
            parts._replace(netloc=f"127.0.0.1:{proxy.port}"))
        for api in in_process(project):
            assert api.call("GET", "/readyz").status_code == 200
            assert api.call("GET", "/v1/runs", token).status_code == 200
            proxy.kill()  # the server's connections end with the schema, as a DROP ends them
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(f"DROP SCHEMA {schema} CASCADE")
                conn.execute(f"CREATE SCHEMA {schema}")
            proxy = TCPProxy(parts.hostname or "127.0.0.1", parts.port or 5432, proxy.port)

            down = api.call("GET", "/readyz")

            assert down.status_code == 503, down.text
            assert down.json()["exit_code"] == 4
            assert api.call("GET", "/v1/runs", token).status_code == 503
            with psycopg.connect(url, autocommit=True) as conn:
                assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = %s",
                                    (schema,)).fetchone() == (0,)
            # restored (here: the same token made again in a store the CLI creates)
            project.extra_env["OPSCTL_STORE_URL"] = url
            token = make_token(project, "olga", "operator")
            assert api.call("GET", "/readyz").status_code == 200
            assert api.call("GET", "/v1/runs", token).status_code == 200
        proxy.kill()


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_the_health_routes_answer_head_as_they_answer_get(sqlite_api: Api, path: str) -> None:
    got = sqlite_api.call("GET", path)
    head = sqlite_api.call("HEAD", path)
    assert head.status_code == got.status_code == 200, head.text
    assert head.headers["content-type"] == got.headers["content-type"]


def test_every_get_route_of_the_api_answers_head_as_it_answers_get(sqlite_api: Api) -> None:
    api = sqlite_api
    token = api.token("olga", "admin")
    work = api.project.root / "work" / "head"
    done = api.call("POST", "/v1/automations/files/runs?wait=30s", token,
                    json={"request": {"directory": str(work)}, "dry_run": True}).json()
    planned = api.call("POST", "/v1/automations/files/plans", token,
                       json={"request": {"directory": str(work)}}).json()
    hold = api.project.root / "hold-head"
    running = api.call("POST", "/v1/automations/files/runs", token,
                       json={"request": {"directory": str(work / "held"), "hold": str(hold)}})
    wait_for(lambda: Path(str(hold) + ".waiting").exists(), "the held run to start")
    paths = ["/v1/automations", "/v1/automations/files", "/v1/automations/files/schema",
             "/v1/runs", f"/v1/runs/{done['run_id']}", f"/v1/runs/{done['run_id']}/events",
             f"/v1/plans/{planned['plan_id']}", "/v1/audit", "/v1/audit/verify", "/v1/locks",
             "/metrics", "/v1/runs/run_00000000000000000000000000"]
    try:
        for path in paths:
            got = api.call("GET", path, token)
            head = api.call("HEAD", path, token)
            assert head.status_code == got.status_code, (path, head.status_code, head.text)
            assert head.headers["content-type"] == got.headers["content-type"], path
        # a run still going: the stream's headers at once, not the stream to its end
        head = api.call("HEAD", running.json()["location"] + "/events", token)
        assert head.status_code == 200 and head.content == b""
        assert head.headers["content-type"].startswith("text/event-stream")
        assert api.call("HEAD", "/v1/runs").status_code == 401  # credentials still needed
    finally:
        hold.write_text("go")
        api.run_until_done(token, running.json()["run_id"])


def test_once_one_thread_finds_the_store_lost_every_thread_reconnects_when_it_returns(
        tmp_path: Path) -> None:
    # A server's request threads each keep a connection; the store going away breaks them
    # all, though only the thread that uses its connection first learns it. The others must
    # not each answer 503 once more after the store is back.
    from concurrent.futures import ThreadPoolExecutor

    from opsctl.service.runtime import ServerRuntime
    from opsctl.store.sql import StoreUnavailableError
    from tests.service.conftest import project_session

    for url in postgres_schema_url():
        root = tmp_path / "proj"
        root.mkdir()
        project = Project(root)
        project.extra_env["OPSCTL_STORE_URL"] = url
        setup_project(project)
        parts = urlsplit(url)
        proxy = TCPProxy(parts.hostname or "127.0.0.1", parts.port or 5432)
        project.extra_env["OPSCTL_STORE_URL"] = urlunsplit(
            parts._replace(netloc=f"127.0.0.1:{proxy.port}"))
        session = project_session(project)
        runtime = ServerRuntime(session, workers=1)
        threads = [ThreadPoolExecutor(max_workers=1) for _ in range(3)]

        def runs(thread: ThreadPoolExecutor, runtime: ServerRuntime = runtime) -> Any:
            return thread.submit(lambda: runtime.store().list_runs(limit=1)).result(timeout=60)

        try:
            for thread in threads:
                runs(thread)  # each thread has its connection
            proxy.kill()
            with pytest.raises(StoreUnavailableError):
                runs(threads[0])  # this one finds the store gone
            proxy = TCPProxy(parts.hostname or "127.0.0.1", parts.port or 5432, proxy.port)
            for thread in threads:
                assert runs(thread) == []  # none fails for a connection lost before
        finally:
            for thread in threads:
                thread.shutdown()
            runtime.shutdown(5)
            session.close()
            proxy.kill()


def test_a_request_thread_that_ended_with_its_connection_lost_leaves_no_thread_behind(
        tmp_path: Path) -> None:
    # A request thread finds the store gone and ends (the ASGI server's pool retires idle
    # threads); the store comes back and another thread serves. What watched the lost
    # connection must end with it, not wake every second for the life of the server, one
    # more after each outage.
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from opsctl.service.runtime import ServerRuntime
    from opsctl.store.sql import StoreUnavailableError
    from tests.service.conftest import project_session

    def watchdogs() -> int:
        return sum(1 for t in threading.enumerate() if t.name == "opsctl-store-watchdog")

    for url in postgres_schema_url():
        root = tmp_path / "proj"
        root.mkdir()
        project = Project(root)
        project.extra_env["OPSCTL_STORE_URL"] = url
        setup_project(project)
        parts = urlsplit(url)
        proxy = TCPProxy(parts.hostname or "127.0.0.1", parts.port or 5432)
        project.extra_env["OPSCTL_STORE_URL"] = urlunsplit(
            parts._replace(netloc=f"127.0.0.1:{proxy.port}"))
        session = project_session(project)
        runtime = ServerRuntime(session, workers=1)
        before = watchdogs()

        def runs(thread: ThreadPoolExecutor, runtime: ServerRuntime = runtime) -> Any:
            return thread.submit(lambda: runtime.store().list_runs(limit=1)).result(timeout=60)

        try:
            for _ in range(3):  # three outages, a thread lost in each
                thread = ThreadPoolExecutor(max_workers=1)
                runs(thread)
                proxy.kill()
                with pytest.raises(StoreUnavailableError):
                    runs(thread)
                thread.shutdown()
                proxy = TCPProxy(parts.hostname or "127.0.0.1", parts.port or 5432, proxy.port)
            serving = ThreadPoolExecutor(max_workers=1)
            runs(serving)
            wait_for(lambda before=before: watchdogs() <= before + 1,
                     "the lost connections' watchdogs to end", timeout=10)
            serving.shutdown()
        finally:
            runtime.shutdown(5)
            session.close()
            proxy.kill()


def test_the_connection_of_a_request_thread_that_ended_is_closed(tmp_path: Path) -> None:
    # The request threads come and go (the ASGI server's pool ends a thread idle for a few
    # seconds and starts another for the next burst): each new thread opens a connection,
    # and the one of a thread that ended must not stay open for the life of the server.
    import os
    import threading

    from opsctl.service.runtime import ServerRuntime
    from tests.service.conftest import project_session

    project = setup_project(Project(tmp_path))
    session = project_session(project)
    runtime = ServerRuntime(session, workers=1)
    database = str(project.root / ".opsctl" / "state.db")

    def open_database_files() -> int:
        return sum(1 for fd in os.listdir("/proc/self/fd")
                   if _readlink(f"/proc/self/fd/{fd}").startswith(database))  # -wal, -shm

    def one_request_thread() -> None:
        thread = threading.Thread(target=lambda: runtime.store().list_runs(limit=1))
        thread.start()
        thread.join(timeout=60)

    try:
        for _ in range(3):  # SQLite keeps a closed connection's file open for the next one
            one_request_thread()
        before = open_database_files()
        for _ in range(20):
            one_request_thread()
        assert open_database_files() <= before
    finally:
        runtime.shutdown(5)
        session.close()


def _readlink(path: str) -> str:
    import os

    try:
        return os.readlink(path)
    except OSError:  # closed since it was listed
        return ""


def test_a_connection_the_server_closed_while_idle_is_opened_again_unseen(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a pooler, a firewall or an administrator closes a request thread's connection
    # between two requests: the next request must not be a 503
    from concurrent.futures import ThreadPoolExecutor

    import psycopg

    from opsctl.service.runtime import ServerRuntime
    from tests.conftest import POSTGRES_URL
    from tests.service.conftest import project_session

    for url in postgres_schema_url():
        root = tmp_path / "proj"
        root.mkdir()
        project = Project(root)
        project.extra_env["OPSCTL_STORE_URL"] = url
        setup_project(project)
        # however soon the next request comes after the close, the connection is looked at
        monkeypatch.setattr("opsctl.service.runtime._IDLE_CHECK_S", 0.0)
        session = project_session(project)
        runtime = ServerRuntime(session, workers=1)
        thread = ThreadPoolExecutor(max_workers=1)

        def request(runtime: ServerRuntime = runtime) -> tuple[int, list[Any]]:
            store = runtime.store()
            return store._conn.info.backend_pid, store.list_runs(limit=1)

        def ended(pid: int) -> bool:
            with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                return conn.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s",
                                    (pid,)).fetchone() == (0,)

        try:
            pid, _ = thread.submit(request).result(timeout=60)
            # the server ends it between two requests (opsctl turns idle_session_timeout off
            # for its own connections, so a pooler's or an administrator's hand is the way)
            with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                conn.execute("SELECT pg_terminate_backend(%s)", (pid,))
            wait_for(lambda pid=pid: ended(pid), "the server to close the idle connection")
            again, runs = thread.submit(request).result(timeout=60)
            assert runs == [] and again != pid
        finally:
            thread.shutdown()
            runtime.shutdown(5)
            session.close()


def test_a_run_the_store_was_lost_under_is_resumed_once_the_store_returns(
        tmp_path: Path) -> None:
    for url in postgres_schema_url():
        root = tmp_path / "proj"
        root.mkdir()
        project = Project(root)
        project.extra_env["OPSCTL_STORE_URL"] = url
        setup_project(project)
        project.write_config('lock_ttl = "10s"\n[server]\nworkers = 2\n')
        token = make_token(project, "olga", "operator")
        parts = urlsplit(url)
        proxy = TCPProxy(parts.hostname or "127.0.0.1", parts.port or 5432)
        project.extra_env["OPSCTL_STORE_URL"] = urlunsplit(
            parts._replace(netloc=f"127.0.0.1:{proxy.port}"))
        for api in in_process(project):
            work, hold = project.root / "work", project.root / "hold"
            body = {"request": {"directory": str(work), "names": ["a", "b"], "hold": str(hold)}}
            accepted = api.call("POST", "/v1/automations/files/runs", token, json=body)
            assert accepted.status_code == 202, accepted.text
            run_id = accepted.json()["run_id"]
            waiting, applied = Path(f"{hold}.waiting"), work / "a"
            wait_for(waiting.exists, "the first action")
            proxy.kill()  # the store goes away under the run
            hold.write_text("go")
            wait_for(applied.exists, "the first action's effect")
            proxy = TCPProxy(parts.hostname or "127.0.0.1", parts.port or 5432, proxy.port)
            # no restart and no second request: the server carries its accepted run on
            doc = api.run_until_done(token, run_id, timeout=180)
            assert doc["status"] == "succeeded", doc
            assert (work / "b").read_text() == "key=none"
        proxy.kill()


def test_a_signal_while_the_server_starts_stops_it_at_once(sqlite_project: Project) -> None:
    """Before the server runs, nothing is in flight: Ctrl-C at any moment of the start ends it
    within a few seconds (not after stop_grace, and without starting to serve)."""
    import signal
    import subprocess
    import sys

    # The delays count from opsctl's entry point: before it, the interpreter and the console
    # script's own imports run (a second or more on a loaded machine), where Python's default
    # handling of SIGINT (a traceback) is all there is, whatever opsctl does. And SIGINT is
    # handled as on a terminal even when this test runs with it ignored (started in the
    # background by a script): a process inherits that, and opsctl keeps it until it sets
    # its own handlers, so a signal before then was lost and the server went on to serve.
    entered = ("import signal, sys\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"
               "from opsctl.cli.entry import main\n"
               "sys.stderr.write('entered\\n'); sys.stderr.flush()\n"
               "sys.argv[0] = 'opsctl'\nmain()\n")
    for delay in (0.2, 0.3, 0.4, 0.5, 0.8):
        proc = subprocess.Popen([sys.executable, "-c", entered, "serve", "--port", "0"],
                                cwd=sqlite_project.root,
                                env=sqlite_project.env({"OPSCTL_STOP_GRACE": "30s"}),
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        assert proc.stderr is not None and proc.stderr.readline() == "entered\n"
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        began = time.monotonic()
        try:
            _, err = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired as exc:  # not left running into the next test
            proc.kill()
            proc.communicate()
            raise AssertionError(f"still serving 60 s after SIGINT at {delay} s: "
                                 f"{exc.stderr!r:.3000}") from None
        assert time.monotonic() - began < 10, (delay, err)
        assert proc.returncode in (0, 130), (delay, err)
        assert "Traceback" not in err


def test_serving_beyond_loopback_needs_tls_or_an_explicit_flag(sqlite_project: Project) -> None:
    refused = sqlite_project.run("serve", "--host", "0.0.0.0", "--port", "0")
    assert refused.code == 2
    assert "without TLS" in refused.stderr and "Traceback" not in refused.stderr
    half = sqlite_project.run("serve", "--port", "0", "--config", str(_config_with(
        sqlite_project, 'tls_cert = "cert.pem"\n')))
    assert half.code == 2 and "tls_key" in half.stderr
    # files that are missing or not a certificate and its key: exit 2 before anything listens
    missing = sqlite_project.run("serve", "--port", "0", "--config", str(_config_with(
        sqlite_project, 'tls_cert = "nope.pem"\ntls_key = "nope.key"\n')))
    assert missing.code == 2, missing.stderr
    assert f"{sqlite_project.root / 'nope.pem'} does not exist" in missing.stderr  # the file's
    assert "serving" not in missing.stderr.replace(str(sqlite_project.root), "")
    (sqlite_project.root / "bad.pem").write_text("garbage\n")
    garbage = sqlite_project.run("serve", "--port", "0", "--config", str(_config_with(
        sqlite_project, 'tls_cert = "bad.pem"\ntls_key = "bad.pem"\n')))
    assert garbage.code == 2, garbage.stderr
    assert "do not load as a PEM certificate and its private key" in garbage.stderr
    assert "serving" not in garbage.stderr.replace(str(sqlite_project.root), "")


def test_show_config_of_serve_names_its_flags_as_the_layer_of_the_server_settings(
        sqlite_project: Project) -> None:
    """`serve --port 9001 --show-config` prints the port the server would listen on, from the
    flag, over `[server]`'s `workers = 2`, as a flag is the highest layer."""
    r = sqlite_project.run("serve", "--port", "9001", "--workers", "3", "--no-scheduler",
                           "--show-config", "--format", "json", expect_json=True)
    assert r.code == 0, r.stderr
    doc = r.doc
    assert doc["server.port"] == {"value": 9001, "layer": "flag"}
    assert doc["server.workers"] == {"value": 3, "layer": "flag"}
    assert doc["server.scheduler"] == {"value": False, "layer": "flag"}
    assert "server.host" not in doc and "server.allow_insecure_remote" not in doc
    before = sqlite_project.run("--show-config", "-o", "json", "serve", "--port=9002",
                                expect_json=True)
    assert before.code == 0, before.stderr
    assert before.doc["server.port"] == {"value": 9002, "layer": "flag"}
    blank = sqlite_project.run("serve", "--host", "", "--port", "0")
    assert blank.code == 2 and "'server.host' (from flag)" in blank.stderr, blank.stderr


def _config_with(project: Project, server_lines: str) -> Path:
    text = (project.root / "opsctl.toml").read_text().replace("[server]\n",
                                                              "[server]\n" + server_lines)
    path = project.root / "other.toml"
    path.write_text(text)
    return path


def test_openapi_without_a_server_lists_every_endpoint_and_each_request_schema(
        sqlite_project: Project) -> None:
    result = sqlite_project.run("openapi")
    assert result.code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["openapi"].startswith("3.1")
    paths = doc["paths"]
    for path in ("/v1/automations", "/v1/automations/{name}", "/v1/automations/{name}/schema",
                 "/v1/automations/{name}/plans", "/v1/automations/{name}/runs", "/v1/runs",
                 "/v1/runs/{run_id}", "/v1/runs/{run_id}/events", "/v1/plans/{plan_id}/approvals",
                 "/v1/plans/{plan_id}/apply", "/v1/audit", "/v1/audit/verify", "/v1/locks",
                 "/metrics", "/healthz", "/readyz"):
        assert path in paths, path
    concrete = paths["/v1/automations/files/runs"]["post"]["requestBody"]
    ref = concrete["content"]["application/json"]["schema"]["properties"]["request"]["$ref"]
    request_schema = doc["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    assert set(request_schema["properties"]) >= {"directory", "names", "environment", "api_key"}
    assert doc["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    assert "Problem" in doc["components"]["schemas"]


@pytest.mark.parametrize("path", ["/v1/automations", "/v1/runs", "/v1/audit", "/v1/locks"])
def test_every_v1_route_needs_a_credential(sqlite_api: Api, path: str) -> None:
    response = sqlite_api.call("GET", path)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["error_type"] == "auth"


def test_run_history_pages_without_gaps_or_repeats_and_filters(api: Api) -> None:
    olga, pia = api.token("olga", "operator"), api.token("pia", "planner")
    work = api.project.root / "work"
    started = []
    for i in range(7):
        token = olga if i % 2 == 0 else pia
        r = api.call("POST", "/v1/automations/files/runs?wait=30s", token,
                     json={"request": {"directory": str(work / str(i))}, "dry_run": True})
        assert r.status_code == 200, r.text
        started.append(r.json()["run_id"])
    seen: list[str] = []
    cursor = None
    while True:
        query = "/v1/runs?limit=3" + (f"&cursor={cursor}" if cursor else "")
        page = api.call("GET", query, olga).json()
        assert len(page["runs"]) <= 3
        seen.extend(r["id"] for r in page["runs"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == list(reversed(started))  # newest first, each once
    pias = api.call("GET", "/v1/runs?actor=pia", olga).json()["runs"]
    assert {r["id"] for r in pias} == set(started[1::2])
    middle = api.call("GET", "/v1/runs/" + started[3], olga).json()["timing"]["started_at"]
    since = api.call("GET", "/v1/runs", olga, params={"since": middle}).json()["runs"]
    assert {r["id"] for r in since} == set(started[3:])
    until = api.call("GET", "/v1/runs", olga, params={"until": middle}).json()["runs"]
    assert {r["id"] for r in until} == set(started[:3])
    # a time ago, as `opsctl runs --since 1h` takes it
    for params, ids in (({"since": "1h"}, set(started)), ({"until": "1h"}, set()),
                        ({"since": "100d", "until": "1h30m"}, set())):
        answer = api.call("GET", "/v1/runs", olga, params=params)
        assert answer.status_code == 200, answer.text
        assert {r["id"] for r in answer.json()["runs"]} == ids, params
    # an empty window (since not before until) is refused, as `opsctl runs` exits 2 on it
    for params in ({"since": "1h30m", "until": "100d"}, {"since": middle, "until": middle}):
        empty = api.call("GET", "/v1/runs", olga, params=params)
        assert empty.status_code == 422, (params, empty.text)
        assert empty.json()["exit_code"] == 2
        assert [e["field"] for e in empty.json()["errors"]] == ["query.since"]
        assert "is not before until" in empty.json()["detail"]
    bad = api.call("GET", "/v1/runs?since=lately&until=soon", olga)
    assert bad.status_code == 422, bad.text
    assert {e["field"] for e in bad.json()["errors"]} == {"query.since", "query.until"}
    none = api.call("GET", "/v1/runs?status=succeeded&automation=files", olga).json()
    assert none == {"runs": [], "next_cursor": None}
    bad = api.call("GET", "/v1/runs?cursor=not-a-cursor", olga)
    assert bad.status_code == 422 and bad.json()["exit_code"] == 2
    huge = api.call("GET", "/v1/runs?limit=100000", olga)
    assert huge.status_code == 422 and huge.json()["errors"][0]["field"] == "query.limit"


def test_run_history_bounds_at_the_ends_of_time_are_before_or_after_every_run(
        api: Api) -> None:
    """A bound whose offset takes it past year 1 or 9999 in UTC still filters (was: a 500
    from the conversion to UTC), on the API and on the dashboard's history."""
    from tests.service.dashboard_kit import Visitor

    olga = api.token("olga", "operator")
    r = api.call("POST", "/v1/automations/files/runs?wait=30s", olga, json={
        "request": {"directory": str(api.project.root / "work")}, "dry_run": True})
    assert r.status_code == 200, r.text
    run_id = r.json()["run_id"]
    first, last = "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-23:59"
    for params, ids in (({"since": first}, [run_id]), ({"until": last}, [run_id]),
                        ({"since": last}, []), ({"until": first}, [])):
        page = api.call("GET", "/v1/runs", olga, params=params)
        assert page.status_code == 200, (params, page.text)
        assert [run["id"] for run in page.json()["runs"]] == ids, params
    browser = Visitor(api)
    assert browser.login(olga).status_code == 303
    history = browser.get("/runs", params={"since": first})
    assert history.status_code == 200 and run_id in history.text
    assert run_id not in browser.get("/runs", params={"since": last}).text


def test_an_interrupted_run_of_a_key_is_resumed_not_repeated(api: Api) -> None:
    token = api.token("olga", "operator")
    work = api.project.root / "work" / "resume"
    hold = api.project.root / "hold-resume"
    body = {"request": {"directory": str(work), "names": ["a", "b"], "hold": str(hold)}}
    key = {"Idempotency-Key": "rollout-7"}
    first = api.call("POST", "/v1/automations/files/runs", token, json=body, headers=key)
    assert first.status_code == 202
    run_id = first.json()["run_id"]
    wait_for(lambda: Path(str(hold) + ".waiting").exists(), "the first action")
    same = api.call("POST", "/v1/automations/files/runs", token, json=body, headers=key)
    assert same.status_code == 202 and same.json()["run_id"] == run_id  # in flight: the same run
    hold.write_text("go")
    doc = api.run_until_done(token, run_id)
    assert doc["status"] == "succeeded"
    again = api.call("POST", "/v1/automations/files/runs?wait=30s", token, json=body,
                     headers=key)
    assert again.status_code == 200 and again.json()["replayed"] is True
    runs = api.call("GET", "/v1/runs?automation=files", token).json()["runs"]
    assert [r["id"] for r in runs if r["mode"] == "apply"] == [run_id]


def test_metrics_over_http_count_runs_and_lock_conflicts(api: Api) -> None:
    from prometheus_client.parser import text_string_to_metric_families

    token = api.token("olga", "operator")
    work = api.project.root / "work" / "locked"
    hold = api.project.root / "hold-metrics"
    body = {"request": {"directory": str(work), "names": ["a"], "hold": str(hold)}}
    first = api.call("POST", "/v1/automations/files/runs", token, json=body)
    wait_for(lambda: Path(str(hold) + ".waiting").exists(), "the first action")
    body["request"]["names"] = ["b"]
    second = api.call("POST", "/v1/automations/files/runs?wait=30s", token, json=body)
    assert second.status_code == 200 and second.json()["exit_code"] == 7, second.text
    assert second.json()["status"] == "conflict"
    hold.write_text("go")
    assert api.run_until_done(token, first.json()["run_id"])["status"] == "succeeded"
    assert api.call("GET", "/metrics").status_code == 401
    scraped = api.call("GET", "/metrics", token)
    assert scraped.status_code == 200 and scraped.headers["content-type"].startswith("text/plain")
    samples = {(s.name, tuple(sorted(s.labels.items()))): s.value
               for family in text_string_to_metric_families(scraped.text)
               for s in family.samples}
    assert samples[("opsctl_lock_events_total",
                    (("automation", "files"), ("event", "conflict")))] == 1
    runs = {labels: v for (name, labels), v in samples.items() if name == "opsctl_runs_total"}
    assert runs[(("automation", "files"), ("exit_code", "0"), ("mode", "apply"),
                 ("status", "succeeded"))] == 1
    assert runs[(("automation", "files"), ("exit_code", "7"), ("mode", "apply"),
                 ("status", "conflict"))] == 1


def test_a_run_refused_for_a_locked_scope_names_the_holder_and_no_command_line_flag(
        api: Api) -> None:
    token = api.token("olga", "operator")
    hold = api.project.root / "hold-locked"
    body = {"request": {"directory": str(api.project.root / "work" / "held"), "names": ["a"],
                        "hold": str(hold)}}
    first = api.call("POST", "/v1/automations/files/runs", token, json=body)
    wait_for(lambda: Path(str(hold) + ".waiting").exists(), "the first action")
    body["request"]["names"] = ["b"]
    second = api.call("POST", "/v1/automations/files/runs?wait=30s", token, json=body)
    hold.write_text("go")
    assert second.status_code == 200 and second.json()["exit_code"] == 7, second.text
    message = second.json()["error"]["message"]
    assert f"is locked by run {first.json()['run_id']}" in message
    assert message.endswith("; retry later") and "--wait-lock" not in message
    assert api.run_until_done(token, first.json()["run_id"])["status"] == "succeeded"


def parse_sse(text: str) -> list[dict[str, Any]]:
    """The events of a text/event-stream body: id, event and the JSON data of each."""
    events = []
    for frame in text.split("\n\n"):
        fields: dict[str, Any] = {}
        for line in frame.splitlines():
            if line.startswith(":") or ": " not in line:
                continue
            key, value = line.split(": ", 1)
            fields[key] = value
        if "event" in fields:
            fields["data"] = json.loads(fields["data"])
            events.append(fields)
    return events


def test_the_event_stream_of_a_finished_run_resumes_after_last_event_id(api: Api) -> None:
    token = api.token("olga", "operator")
    work = api.project.root / "work" / "sse"
    done = api.call("POST", "/v1/automations/files/runs?wait=30s", token,
                    json={"request": {"directory": str(work), "names": ["a", "b"]}})
    run_id = done.json()["run_id"]
    whole = api.call("GET", f"/v1/runs/{run_id}/events", token)
    assert whole.status_code == 200
    assert whole.headers["content-type"].startswith("text/event-stream")
    events = parse_sse(whole.text)
    ids = [int(e["id"]) for e in events if "id" in e]
    assert ids == list(range(1, len(ids) + 1))
    kinds = [e["event"] for e in events]
    assert kinds[0] == "run.started" and kinds[-1] == "result"
    assert kinds.count("action.finished") == 2 and "log" in kinds
    assert events[-1]["data"] == done.json()
    rest = parse_sse(api.call("GET", f"/v1/runs/{run_id}/events", token,
                              headers={"Last-Event-ID": str(ids[2])}).text)
    assert [int(e["id"]) for e in rest if "id" in e] == ids[3:]
    assert rest[-1]["event"] == "result"
    bad = api.call("GET", f"/v1/runs/{run_id}/events", token, headers={"Last-Event-ID": "x"})
    assert bad.status_code == 422
    assert api.call("GET", "/v1/runs/run_01M8TXN9WRGY8Q4PKJZ64ZZJA7/events", token
                    ).status_code == 404


def test_events_stream_live_over_a_socket_and_resume_without_gaps(
        live: Any, api_project: Project) -> None:
    token = make_token(api_project, "olga", "operator")
    hold = api_project.root / "hold-sse"
    server = live()
    started = post(server, "/v1/automations/files/runs", token,
                   {"request": {"directory": str(api_project.root / "work" / "live"),
                                "names": ["a", "b", "c"], "hold": str(hold)}})
    run_id = started.json()["run_id"]
    headers = {"Authorization": f"Bearer {token}"}
    seen: list[dict[str, Any]] = []
    with httpx.stream("GET", f"{server.url}/v1/runs/{run_id}/events", headers=headers,
                      timeout=30) as stream:
        buffer = ""
        deadline = time.monotonic() + 30
        for chunk in stream.iter_text():
            assert time.monotonic() < deadline, f"no action.started event in: {buffer}"
            buffer += chunk
            seen = parse_sse(buffer)
            if any(e["event"] == "action.started" for e in seen):
                break  # the run is held inside its first action: the stream is live
    assert not any(e["event"] == "result" for e in seen)
    last = int([e for e in seen if "id" in e][-1]["id"])
    hold.write_text("go")
    with httpx.stream("GET", f"{server.url}/v1/runs/{run_id}/events", timeout=30,
                      headers={**headers, "Last-Event-ID": str(last)}) as stream:
        rest = parse_sse(stream.read().decode())
    ids = [int(e["id"]) for e in seen + rest if "id" in e]
    assert ids == list(range(1, len(ids) + 1))  # no gap, no repeat across the reconnect
    assert rest[-1]["event"] == "result" and rest[-1]["data"]["status"] == "succeeded"
    follow = run_opsctl("show", run_id, "--follow", "--format", "json", cwd=api_project.root,
                        env=api_project.env(), expect_json=False)  # JSON lines, then the result
    lines = [json.loads(line) for line in follow.stdout.splitlines() if line.strip()]
    assert follow.code == 0
    assert [line["seq"] for line in lines[:-1]] == ids  # the terminal sees the same stream


def test_an_open_event_stream_ends_once_its_credential_is_revoked_or_logged_out(
        live: Any, api_project: Project) -> None:
    """Revoking the token of an open ``/v1`` stream, or logging out of the dashboard whose
    live log is open, ends that stream within seconds while the run goes on (was: the
    stream went on to the end of the run)."""
    from datetime import UTC, datetime

    from opsctl.governance.tokens import create_token, revoke_token
    from tests.service.conftest import project_session
    from tests.service.dashboard_kit import Visitor

    operator = make_token(api_project, "olga", "operator")
    session = project_session(api_project)
    try:
        record, viewer = create_token(session.store, actor="vic", role="viewer",
                                      expires=None, created_by="test", now=datetime.now(UTC))
    finally:
        session.close()
    hold = api_project.root / "hold-revoked"
    server = live()
    run_id = post(server, "/v1/automations/files/runs", operator, {"request": {
        "directory": str(api_project.root / "work" / "revoked"), "hold": str(hold)}}
    ).json()["run_id"]
    browser = Visitor(None, url=server.url)
    assert browser.login(make_token(api_project, "sue", "viewer")).status_code == 303

    def read_until_it_ends(stream: Any, end_it: Any) -> list[dict[str, Any]]:
        buffer, ended_at = "", None
        deadline = time.monotonic() + 30
        for chunk in stream.iter_text():
            assert time.monotonic() < deadline, f"the stream went on: {buffer[-300:]}"
            buffer += chunk
            if ended_at is None and any(e["event"] == "action.started"
                                        for e in parse_sse(buffer)):
                end_it()  # the run is held inside its action: the stream is live
                ended_at = time.monotonic()
        assert ended_at is not None and time.monotonic() - ended_at < 10
        return parse_sse(buffer)

    def revoke() -> None:
        session = project_session(api_project)
        try:
            revoke_token(session.store, record.id, by="test", now=datetime.now(UTC))
        finally:
            session.close()

    with httpx.stream("GET", f"{server.url}/v1/runs/{run_id}/events", timeout=30,
                      headers={"Authorization": f"Bearer {viewer}"}) as stream:
        seen = read_until_it_ends(stream, revoke)
    assert not any(e["event"] == "result" for e in seen)
    try:
        with browser.client.stream("GET", f"/runs/{run_id}/events") as stream:
            seen = read_until_it_ends(stream, lambda: browser.post("/logout", {}))
    finally:
        browser.close()
    assert not any(e["event"] == "result" for e in seen)
    assert get(server, f"/v1/runs/{run_id}", operator).json()["status"] == "running"
    hold.write_text("go")
    assert finished(server, operator, run_id)["status"] == "succeeded"


def test_a_taken_port_is_exit_2_and_changes_nothing(sqlite_project: Project) -> None:
    import socket

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = sqlite_project.run("serve", "--port", str(port))
    assert result.code == 2, result.stderr
    assert f"cannot serve on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr and "ERROR" not in result.stderr


def test_an_edited_policy_governs_the_next_request_without_a_restart(api: Api) -> None:
    project = api.project
    olga = api.token("olga", "operator")
    staging = {"directory": str(project.root / "work" / "st"), "names": ["a.txt"],
               "environment": "staging"}
    first = api.call("POST", "/v1/automations/files/runs?wait=30s", olga,
                     json={"request": staging, "dry_run": True})
    assert first.status_code == 200 and first.json()["exit_code"] == 10, first.text
    # staging now needs an approval too: the running server reads the changed file
    policy = project.root / "policy.yaml"
    policy.write_text(policy.read_text().replace("match: {environment: prod}",
                                                 "match: {environment: [prod, staging]}"))
    second = api.call("POST", "/v1/automations/files/runs?wait=30s", olga,
                      json={"request": staging})
    assert second.status_code == 200, second.text
    assert second.json()["exit_code"] == 6
    assert second.json()["error"]["type"] == "approval_required"
    assert not (project.root / "work" / "st" / "a.txt").exists()
    # a policy that no longer parses refuses (fails closed), it does not fall back to allow
    policy.write_text("version: 1\nrules: [\n")
    broken = api.call("POST", "/v1/automations/files/runs?wait=30s", olga,
                      json={"request": staging})
    assert broken.status_code == 422, broken.text
    assert broken.json()["exit_code"] == 2 and "policy.yaml: invalid YAML" in broken.json()["detail"]
    assert not (project.root / "work" / "st" / "a.txt").exists()


def test_a_policy_that_no_longer_parses_refuses_what_evaluates_it_and_reads_go_on(
        api: Api) -> None:
    from tests.service.dashboard_kit import Visitor

    project = api.project
    olga, sam = api.token("olga", "operator"), api.token("sam", "approver")
    admin = api.token("ada", "admin")
    prod = {"directory": str(project.root / "work" / "pr"), "names": ["a.txt"],
            "environment": "prod"}
    planned = api.call("POST", "/v1/automations/files/plans", olga, json={"request": prod})
    assert planned.status_code == 201, planned.text
    plan_id, run_id = planned.json()["plan_id"], planned.json()["result"]["run_id"]
    dashboard = Visitor(api)
    assert dashboard.login(admin).status_code == 303
    (project.root / "policy.yaml").write_text("version: 1\nrules: [\n")

    for path in ("/v1/automations", "/v1/runs", f"/v1/runs/{run_id}", "/v1/audit",
                 "/v1/locks", f"/v1/plans/{plan_id}"):
        read = api.call("GET", path, admin)
        assert read.status_code == 200, (path, read.text)
    assert api.call("GET", "/v1/runs", olga).json()["runs"][0]["id"] == run_id
    page = dashboard.get("/runs")
    assert page.status_code == 200 and run_id in page.text
    refused = [
        api.call("POST", "/v1/automations/files/runs?wait=30s", olga,
                 json={"request": prod, "dry_run": True}),
        api.call("POST", "/v1/automations/files/plans", olga, json={"request": prod}),
        api.call("POST", f"/v1/plans/{plan_id}/approvals", sam,
                 json={"decision": "approve", "reason": "looks fine"}),
        api.call("POST", f"/v1/plans/{plan_id}/apply", olga),
    ]
    for response in refused:
        assert response.status_code == 422, response.text
        assert "policy.yaml: invalid YAML" in response.json()["detail"]
    assert api.call("GET", "/v1/runs", admin).json()["runs"][0]["id"] == run_id  # none queued
    assert not (project.root / "work" / "pr" / "a.txt").exists()
    # a caller without the role hears 403 first, as ever, not the server's policy file
    vic = api.token("vic", "viewer")
    for response in (
            api.call("POST", "/v1/automations/files/runs", vic, json={"request": prod}),
            api.call("POST", "/v1/automations/files/runs", vic,
                     json={"request": prod, "dry_run": True}),
            api.call("POST", "/v1/automations/files/plans", vic, json={"request": prod}),
            api.call("POST", f"/v1/plans/{plan_id}/approvals", olga,
                     json={"decision": "approve", "reason": "looks fine"}),
            api.call("POST", f"/v1/plans/{plan_id}/apply", sam)):
        assert response.status_code == 403, response.text
        assert "policy.yaml" not in response.text
    viewer = Visitor(api)
    assert viewer.login(vic).status_code == 303
    viewer.get("/automations/files")
    form = viewer.post("/automations/files/plan", {"r.directory": prod["directory"],
                                                    "r.environment": '"prod"'})
    assert form.status_code == 403 and "policy.yaml" not in form.text
    decision = viewer.post(f"/plans/{plan_id}/decision", {"decision": "approve",
                                                          "reason": "looks fine"})
    assert decision.status_code == 403 and "needs role approver" in decision.text
    # the plan review is a read: it shows the plan, says why nothing can be decided, and
    # offers neither Approve nor Apply
    review = dashboard.get(f"/plans/{plan_id}")
    assert review.status_code == 200, review.text[:300]
    assert 'id="policy-unreadable"' in review.text and "policy.yaml: invalid YAML" in review.text
    assert 'value="approve"' not in review.text and 'id="apply-plan"' not in review.text
    refused_page = dashboard.post(f"/plans/{plan_id}/decision", {"decision": "approve",
                                                                 "reason": "looks fine"})
    assert refused_page.status_code == 422 and "policy.yaml: invalid YAML" in refused_page.text

    (project.root / "policy.yaml").write_text(POLICY)  # fixed: governs the next request
    approved = api.call("POST", f"/v1/plans/{plan_id}/approvals", sam,
                        json={"decision": "approve", "reason": "looks fine"})
    assert approved.status_code == 201, approved.text


def test_an_accepted_run_says_its_actual_status(api: Api) -> None:
    project = api.project
    olga = api.token("olga", "operator")
    hold = project.root / "hold-status"
    body = {"request": {"directory": str(project.root / "work" / "held"), "hold": str(hold)}}
    key = {"Idempotency-Key": "status-of-a-running-run"}
    try:
        waited = api.call("POST", "/v1/automations/files/runs?wait=1500ms", olga, json=body,
                          headers=key)
        assert waited.status_code == 202, waited.text
        assert Path(str(hold) + ".waiting").exists()  # applying when the wait ran out
        assert waited.json()["status"] == "running"
        again = api.call("POST", "/v1/automations/files/runs", olga, json=body, headers=key)
        assert again.status_code == 202 and again.json()["run_id"] == waited.json()["run_id"]
        assert again.json()["status"] == "running"
    finally:
        hold.write_text("go")  # the held run's thread ends either way
    assert api.run_until_done(olga, waited.json()["run_id"])["status"] == "succeeded"


def test_an_approval_after_a_rejection_is_refused(api: Api) -> None:
    from tests.service.dashboard_kit import Visitor

    project = api.project
    olga, sam, sue = (api.token("olga", "operator"), api.token("sam", "approver"),
                      api.token("sue", "approver"))
    prod = {"directory": str(project.root / "work" / "vetoed"), "environment": "prod"}
    planned = api.call("POST", "/v1/automations/files/plans", olga, json={"request": prod})
    plan_id = planned.json()["plan_id"]
    rejected = api.call("POST", f"/v1/plans/{plan_id}/approvals", sue,
                        json={"decision": "reject", "reason": "not today"})
    assert rejected.status_code == 201, rejected.text
    approved = api.call("POST", f"/v1/plans/{plan_id}/approvals", sam,
                        json={"decision": "approve", "reason": "fine by me"})
    assert approved.status_code == 403, approved.text  # an approval that could never count
    assert f"plan {plan_id} was rejected by sue: not today" in approved.json()["detail"]
    applied = api.call("POST", f"/v1/plans/{plan_id}/apply?wait=30s", olga)
    assert applied.json()["exit_code"] == 6, applied.text
    page = Visitor(api)
    assert page.login(api.token("ada", "admin")).status_code == 303
    review = page.get(f"/plans/{plan_id}").text
    assert "Rejected by sue" in review and "<strong>vetoed</strong>" in review


def test_an_ipv6_host_is_bracketed_in_the_url_served(sqlite_project: Project) -> None:
    import re
    import subprocess

    from tests.conftest import OPSCTL

    proc = subprocess.Popen([OPSCTL, "serve", "--host", "::1", "--port", "0"],
                            cwd=sqlite_project.root, env=sqlite_project.env(), text=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert proc.stderr is not None
        line = next((line for line in proc.stderr if "serving" in line), "")
        found = re.search(r"on (http://\S+) ", line)
        assert found and re.fullmatch(r"http://\[::1\]:[1-9][0-9]*", found.group(1)), line
        wait_for(lambda: _answers(f"{found.group(1)}/healthz"), "the printed URL to answer")
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.mark.parametrize("path, body", [
    ("/v1/automations/files/runs", {"dry_run": True}),
    ("/v1/automations/files/plans", {}),
], ids=["run", "plan"])
def test_a_refusal_names_the_environment_the_request_names(
        sqlite_api: Api, path: str, body: dict[str, Any]) -> None:
    viewer = sqlite_api.token("viewer-bot", "viewer")
    request = {"directory": str(sqlite_api.project.root / "work"), "environment": "staging"}
    refused = sqlite_api.call("POST", path, viewer, json={"request": request, **body})
    assert refused.status_code == 403, refused.text
    assert "may not plan files in environment staging" in refused.json()["detail"]


def test_a_plan_applied_again_before_its_apply_starts_answers_with_that_apply(
        sqlite_api: Api) -> None:
    """"Apply this plan" sent twice (a double click, a client's retry) while the first apply
    is still queued: both answers name one run, and no second run fails as already applied.
    Two held runs of other scopes keep the server's two run threads busy meanwhile."""
    api = sqlite_api
    token = api.token("olga", "operator")
    work, hold = api.project.root / "work", api.project.root / "hold"
    for busy in ("one", "two"):
        held = api.call("POST", "/v1/automations/files/runs", token, json={"request": {
            "directory": str(work / busy), "names": ["b"], "hold": str(hold)}})
        assert held.status_code == 202, held.text
    planned = api.call("POST", "/v1/automations/files/plans", token,
                       json={"request": {"directory": str(work / "plan"), "names": ["a"]}})
    assert planned.status_code == 201, planned.text
    plan_id = planned.json()["plan_id"]
    try:
        first = api.call("POST", f"/v1/plans/{plan_id}/apply", token)
        second = api.call("POST", f"/v1/plans/{plan_id}/apply", token)
    finally:
        hold.write_text("go")
    assert first.status_code == 202 and second.status_code == 202, (first.text, second.text)
    assert second.json()["run_id"] == first.json()["run_id"]

    def statuses() -> list[str]:
        runs = api.call("GET", "/v1/runs?automation=files", token).json()["runs"]
        return sorted(r["status"] for r in runs if r["mode"] == "apply")

    wait_for(lambda: not {"queued", "running"} & set(statuses()), "the runs to finish")
    assert statuses() == ["succeeded"] * 3
    assert (work / "plan" / "a").exists()


def test_sighup_stops_the_server_as_sigterm_does_unless_ignored(sqlite_project: Project) -> None:
    """The ssh session that started `opsctl serve` closing (SIGHUP) shuts it down with its
    log line and exit 0, as SIGTERM does (was: killed at once, exit 129, no word, its runs left
    running); started under nohup (SIGHUP ignored), it serves on."""
    import contextlib
    import re
    import signal
    import subprocess

    import httpx

    from tests.conftest import OPSCTL

    def start(ignore_hup: bool) -> subprocess.Popen[str]:
        def preexec() -> None:
            if ignore_hup:
                signal.signal(signal.SIGHUP, signal.SIG_IGN)

        proc = subprocess.Popen([OPSCTL, "serve", "--port", "0", "--log-format", "json"],
                                cwd=sqlite_project.root, env=sqlite_project.env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                preexec_fn=preexec)
        assert proc.stderr is not None
        deadline = time.monotonic() + 90
        while not (serving := re.search(r"^opsctl: serving .* on (http://[^ ]*) ",
                                        proc.stderr.readline())):
            assert proc.poll() is None and time.monotonic() < deadline, "it never served"
        # the line comes as the server starts; a signal before it serves stops the start
        # (exit 130, as SIGTERM does then): hang up on a server that answers
        while True:
            assert proc.poll() is None and time.monotonic() < deadline, "it never answered"
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{serving.group(1)}/healthz", timeout=1).status_code == 200:
                    return proc
            time.sleep(0.05)

    hung_up = start(ignore_hup=False)
    hung_up.send_signal(signal.SIGHUP)
    _, err = hung_up.communicate(timeout=60)
    assert hung_up.returncode == 0, err
    assert '"event": "server.stopping"' in err and "Traceback" not in err

    nohup = start(ignore_hup=True)
    try:
        nohup.send_signal(signal.SIGHUP)
        time.sleep(1.5)
        assert nohup.poll() is None, "a server started with SIGHUP ignored stopped on it"
    finally:
        nohup.send_signal(signal.SIGTERM)
        _, err = nohup.communicate(timeout=60)
    assert nohup.returncode == 0, err


def test_a_server_on_a_read_only_role_serves_what_it_may_read(tmp_path: Path) -> None:
    """A server whose store role may only SELECT (an auditor's dashboard): an authenticated
    read answers 200 (the token's last use, a write, is skipped, not the request); a request
    that must write is refused as a store problem, never a 200, and records nothing."""
    import psycopg

    from tests.conftest import POSTGRES_URL
    from tests.e2e.test_leases_and_store import _role_on_store

    (tmp_path / "proj").mkdir()
    project = Project(tmp_path / "proj")
    for owner_url in postgres_schema_url():
        project.extra_env["OPSCTL_STORE_URL"] = owner_url
        setup_project(project)
        token = make_token(project, "olga", "operator")
        work = str(project.root / "work")
        assert project.run("report", "--directory", work).code == 0
        with _role_on_store(owner_url, "SELECT ON ALL TABLES IN SCHEMA {schema}") as role_url:
            server = LiveServer(project, 0).start(env=project.env({"OPSCTL_STORE_URL": role_url}))
            try:
                for _ in range(2):  # the first use of the token, then a later one
                    runs = get(server, "/v1/runs", token)
                    assert runs.status_code == 200, runs.text
                    assert len(runs.json()["runs"]) == 1
                started = post(server, "/v1/automations/report/runs", token,
                               {"request": {"directory": work}})
                assert started.status_code >= 500, started.text
                assert "store cannot be used" in started.json()["detail"]
            finally:
                server.stop()
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            schema = owner_url.rpartition("search_path%3D")[2]
            assert conn.execute(f"SELECT count(*) FROM {schema}.runs").fetchone() == (1,)


def test_a_stopped_server_exits_once_the_stop_grace_is_over_and_the_next_start_resumes(
        live: Any, api_project: Project) -> None:
    """An action that outlasts stop_grace (blocked for good) kept a stopped server alive with
    it, port closed and nothing served, until a second signal: the grace is what a stop waits
    for. The server exits after it, as a crash would, and the next start finishes the run."""
    token = make_token(api_project, "olga", "operator")
    hold = api_project.root / "hold"
    work = api_project.root / "work" / "blocked"
    server = live("--workers", "1", env=api_project.env({"OPSCTL_STOP_GRACE": "1s"}))
    held = post(server, "/v1/automations/files/runs", token,
                {"request": {"directory": str(work), "names": ["a", "b"], "hold": str(hold)}})
    assert held.status_code == 202, held.text
    wait_for(lambda: Path(str(hold) + ".waiting").exists(), "the first action to start")
    started = time.monotonic()
    assert server.stop(timeout=60) == 0
    assert time.monotonic() - started < 30
    assert '"event": "server.runs_left"' in server.log_text()
    assert "Traceback" not in server.log_text()

    hold.write_text("go")
    again = live()
    resumed = finished(again, token, held.json()["run_id"])
    assert resumed["status"] == "succeeded", resumed
    assert sorted(p.name for p in work.iterdir()) == ["a", "b"]
