"""What a hostile client on the network sends `opsctl serve` and its dashboard: each request
gets a clear 4xx (or the connection is closed), never a 500 or a traceback, changes nothing,
and the server keeps serving everyone else."""

from __future__ import annotations

import pytest

from tests.service.conftest import Api

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
    from tests.service.conftest import project_session

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
