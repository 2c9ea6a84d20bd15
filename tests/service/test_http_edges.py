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
