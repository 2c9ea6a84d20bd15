"""What a hostile client on the network sends `opsctl serve` and its dashboard: each request
gets a clear 4xx (or the connection is closed), never a 500 or a traceback, changes nothing,
and the server keeps serving everyone else."""

from __future__ import annotations

import contextlib
import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import Project
from tests.service.conftest import (
    Api,
    LiveServer,
    make_token,
    project_session,
    setup_project,
)

pytest.importorskip("fastapi", reason="the HTTP API tests need the server extra (opsctl[server])")


@pytest.mark.parametrize("cookie", [b"abc.\xe9\xe9", b"\xff.\xff", "é.é".encode()],
                         ids=["latin-1-signature", "latin-1-both", "utf-8"])
def test_a_session_cookie_of_non_ascii_bytes_is_no_login_not_a_500(
        sqlite_api: Api, cookie: bytes) -> None:
    response = sqlite_api.client.get("/runs", headers={"Cookie": b"opsctl_session=" + cookie})
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/login?next=%2Fruns"
    logout = sqlite_api.client.post("/logout", headers={"Cookie": b"opsctl_session=" + cookie})
    assert logout.status_code == 303, logout.text
    assert logout.headers["location"] == "/login"


@pytest.mark.parametrize("order", ["valid-first", "valid-last", "same-twice"])
def test_two_authorization_headers_are_a_401_audited_and_record_nothing(
        sqlite_api: Api, order: str) -> None:
    """One credential was read and the other ignored: a proxy in front that checked the other
    one would have let through a request speaking for the first."""
    from opsctl.store.audit import iter_events

    api = sqlite_api
    token = api.token("olga", "operator")
    headers = {"valid-first": [f"Bearer {token}", "Bearer opsctl_" + "x" * 43],
               "valid-last": ["Bearer opsctl_" + "x" * 43, f"Bearer {token}"],
               "same-twice": [f"Bearer {token}", f"Bearer {token}"]}[order]
    response = api.client.post(
        "/v1/automations/files/runs",
        json={"request": {"directory": str(api.project.root / "work" / "two")}},
        headers=[("Authorization", value) for value in headers])
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["detail"] == \
        "malformed credentials: send one `Authorization` header"
    assert token not in response.text
    session = project_session(api.project)
    try:
        assert session.store._rows("SELECT COUNT(*) AS n FROM runs")[0]["n"] == 0
        refused = [e for e in iter_events(session.store) if e.kind == "auth.refused"]
    finally:
        session.close()
    assert [e.payload["reason"] for e in refused] == ["more than one Authorization header"]
    assert api.call("GET", "/v1/runs", token).status_code == 200


@pytest.fixture
def live_sqlite(tmp_path: Path) -> Iterator[LiveServer]:
    """`opsctl serve` (SQLite) that gives a client one second to send a whole request."""
    root = tmp_path / "proj"
    root.mkdir()
    project = setup_project(Project(root), 'request_timeout = "1s"\n')
    server = LiveServer(project, 0).start()
    yield server
    server.stop()


def _answer_and_close(sock: socket.socket, timeout: float = 10) -> bytes:
    """What the server sends until it closes the connection."""
    sock.settimeout(timeout)
    received = b""
    while chunk := sock.recv(65536):
        received += chunk
    return received


def test_clients_slow_to_send_their_request_get_a_408_and_others_are_served(
        live_sqlite: LiveServer) -> None:
    """A connection that never finished its headers or its body was held open for ever (any
    byte put off uvicorn's timer): a few hundred of them held the server's descriptors."""
    server = live_sqlite
    token = make_token(server.project, "olga", "operator")
    started = time.monotonic()
    slow: list[socket.socket] = []
    for i in range(60):
        sock = socket.create_connection(("127.0.0.1", server.port))
        if i % 3 == 0:  # headers never finished
            sock.sendall(b"GET /v1/runs HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        elif i % 3 == 1:  # a body announced and never sent
            sock.sendall(b"POST /v1/automations/report/runs HTTP/1.1\r\nHost: x\r\n"
                         b"Authorization: Bearer " + token.encode() + b"\r\n"
                         b"Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{")
        else:  # a kept-alive connection whose next request never finishes
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\n")
        slow.append(sock)
    trickle = socket.create_connection(("127.0.0.1", server.port))
    trickle.sendall(b"GET /v1/runs HTTP/1.1\r\nHost: x\r\n")
    for _ in range(4):  # a header line every 0.4 s: each byte used to restart the wait
        time.sleep(0.4)
        with contextlib.suppress(OSError):
            trickle.sendall(b"X-Slow: 1\r\n")
    served = httpx.get(server.url + "/v1/runs", headers={"Authorization": f"Bearer {token}"},
                       timeout=10)
    assert served.status_code == 200, served.text

    for sock in [*slow, trickle]:
        with sock:
            answer = _answer_and_close(sock)
        last = answer[answer.rfind(b"HTTP/1.1 "):]
        assert last.startswith(b"HTTP/1.1 408 "), answer
        doc = json.loads(last.partition(b"\r\n\r\n")[2])
        assert (doc["status"], doc["error_type"]) == (408, "validation")
        assert doc["detail"] == "the request did not arrive whole within 1 s"
    assert time.monotonic() - started < 10
    session = project_session(server.project)
    try:
        assert session.store._rows("SELECT COUNT(*) AS n FROM runs")[0]["n"] == 0
    finally:
        session.close()
    assert "Traceback" not in server.log_text()


def test_a_request_in_whole_may_take_longer_than_the_request_timeout(
        live_sqlite: LiveServer) -> None:
    """The deadline is the request's arrival: an event stream open past it goes on."""
    server = live_sqlite
    token = make_token(server.project, "olga", "operator")
    hold = server.project.root / "hold"
    accepted = httpx.post(server.url + "/v1/automations/files/runs", timeout=10,
                          headers={"Authorization": f"Bearer {token}"},
                          json={"request": {"directory": str(server.project.root / "work" / "a"),
                                            "hold": str(hold)}})
    assert accepted.status_code == 202, accepted.text
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(f"GET {accepted.json()['events']} HTTP/1.1\r\nHost: x\r\n"
                     f"Authorization: Bearer {token}\r\n\r\n".encode())
        time.sleep(2.5)
        hold.write_text("go")
        sock.settimeout(30)
        received = b""
        while b"event: result" not in received:
            chunk = sock.recv(65536)
            assert chunk, received
            received += chunk
    assert received.startswith(b"HTTP/1.1 200 "), received
    assert b"408" not in received.partition(b"\r\n")[0]


@pytest.mark.parametrize("path", ["/login", "/logout", "/automations/files/plan"])
def test_a_form_whose_client_goes_away_mid_body_changes_nothing_and_logs_no_error(
        live_sqlite: LiveServer, path: str) -> None:
    """The dashboard read the form's body itself: the client's going away was a 500, logged
    with a traceback, as a bug of opsctl's."""
    server = live_sqlite
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(f"POST {path} HTTP/1.1\r\nHost: x\r\n"
                     "Content-Type: application/x-www-form-urlencoded\r\n"
                     "Content-Length: 500\r\n\r\ncsrf=x&token=".encode())
        time.sleep(0.3)
    time.sleep(0.5)
    assert httpx.get(server.url + "/healthz", timeout=10).status_code == 200
    log = server.log_text()
    assert "Traceback" not in log and "http.internal_error" not in log, log
    session = project_session(server.project)
    try:
        assert session.store._rows("SELECT COUNT(*) AS n FROM dashboard_sessions")[0]["n"] == 0
        assert session.store._rows("SELECT COUNT(*) AS n FROM plans")[0]["n"] == 0
    finally:
        session.close()


@pytest.mark.parametrize(("method", "path", "allowed"), [
    ("PUT", "/", ["GET"]),
    ("HEAD", "/runs", ["GET"]),
    ("DELETE", "/login", ["GET", "POST"]),
    ("PATCH", "/logout", ["POST"]),
    ("PUT", "/plans/plan_x/decision", ["POST"]),
    ("POST", "/static/htmx.min.js", ["GET", "HEAD"]),
    ("PUT", "/v1/runs", ["GET", "HEAD"]),
], ids=["catalog", "runs", "login", "logout", "decision", "static", "api"])
def test_a_405_of_the_dashboard_names_the_methods_its_page_takes(
        sqlite_api: Api, method: str, path: str, allowed: list[str]) -> None:
    """RFC 9110 asks a 405 to list them; every page of the dashboard answered `Allow:` with
    nothing."""
    response = sqlite_api.client.request(method, path)
    assert response.status_code == 405, response.text
    assert sorted(m.strip() for m in response.headers["allow"].split(",")) == allowed


@pytest.mark.parametrize("value", ["%ff%fe", "%ed%a0%80"], ids=["latin-1", "surrogate"])
def test_a_form_field_escaping_bytes_that_are_no_utf8_is_refused_and_plans_nothing(
        sqlite_api: Api, value: str) -> None:
    from tests.service.dashboard_kit import FORM, Visitor

    api = sqlite_api
    v = Visitor(api)
    assert v.login(api.token("olga", "operator")).status_code == 303
    v.get("/automations/files")
    body = f"csrf={v.csrf}&r.directory={value}&r.names=a"
    response = v.client.post("/automations/files/plan", content=body, headers=FORM)
    assert response.status_code == 403, response.text
    assert "location" not in response.headers
    session = project_session(api.project)
    try:
        assert session.store._rows("SELECT COUNT(*) AS n FROM plans")[0]["n"] == 0
        assert session.store._rows("SELECT COUNT(*) AS n FROM runs")[0]["n"] == 0
    finally:
        session.close()
    v.close()


@pytest.mark.parametrize(("current", "then"), [
    ("http://[", "%2F"), ("http://a]/runs", "%2F"), ("//[", "%2F"),
    ("http://opsctl.test/runs?status=failed", "%2Fruns%3Fstatus%3Dfailed"),
], ids=["open-bracket", "close-bracket", "schemeless", "a-page"])
def test_a_partial_update_without_a_login_leads_to_the_login_whatever_page_it_names(
        sqlite_api: Api, current: str, then: str) -> None:
    """htmx's HX-Current-URL names the page to come back to; one that is no URL was a 500."""
    response = sqlite_api.client.get("/runs", headers={"HX-Request": "true",
                                                       "HX-Current-URL": current})
    assert response.status_code == 204, response.text
    assert response.headers["hx-redirect"] == f"/login?next={then}"


def test_a_key_whose_run_succeeded_after_the_request_looked_is_replayed_not_queued_again(
        sqlite_api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    """Forty requests sent at once with one Idempotency-Key: one that looked for the key's
    run before it existed, and queued its own once that run had succeeded, left a second run
    `queued` for ever (its executor replayed the first and never touched it), and its
    callers polled it in vain."""
    from opsctl.store.sql import SQLStore

    api = sqlite_api
    token = api.token("olga", "operator")
    body = {"request": {"directory": str(api.project.root / "work" / "once"), "names": ["a"]}}
    headers = {"Idempotency-Key": "deploy-42"}
    first = api.call("POST", "/v1/automations/files/runs?wait=30s", token, json=body,
                     headers=headers)
    assert first.status_code == 200, first.text
    assert first.json()["status"] == "succeeded"
    # the look that finds the key's run comes before that run existed
    monkeypatch.setattr(SQLStore, "latest_run_for_key", lambda self, *args, **kwargs: None)
    again = api.call("POST", "/v1/automations/files/runs", token, json=body, headers=headers)
    assert again.status_code == 200, again.text
    assert again.json()["run_id"] == first.json()["run_id"]
    assert again.json()["replayed"] is True
    session = project_session(api.project)
    try:
        rows = session.store._rows("SELECT id, status FROM runs")
    finally:
        session.close()
    assert rows == [{"id": first.json()["run_id"], "status": "succeeded"}]


@pytest.mark.parametrize("header", ["Idempotency-Key", "Last-Event-ID"])
def test_a_header_opsctl_reads_given_twice_is_a_422_naming_it_and_runs_nothing(
        sqlite_api: Api, header: str) -> None:
    """Two Idempotency-Key headers (a proxy's retry adding its own): the run went ahead
    under the first key, the second ignored."""
    api = sqlite_api
    token = api.token("olga", "operator")
    headers = [("Authorization", f"Bearer {token}"), (header, "1"), (header, "2")]
    if header == "Idempotency-Key":
        response = api.client.post(
            "/v1/automations/files/runs",
            json={"request": {"directory": str(api.project.root / "work" / "twice")}},
            headers=headers)
    else:
        response = api.client.get("/v1/runs/run_none/events", headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["errors"] == [{"field": f"header.{header.lower()}",
                                          "message": "given more than once"}]
    session = project_session(api.project)
    try:
        assert session.store._rows("SELECT COUNT(*) AS n FROM runs")[0]["n"] == 0
    finally:
        session.close()
    assert not (api.project.root / "work" / "twice").exists()
