"""Dashboard logins kept in the store: they survive a restart of `opsctl serve`, every server
on one PostgreSQL store shares them (logging out on one ends the login on all), the table
keeps only a hash of each login id, and the state directory keeps its permissions."""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the dashboard needs the server extra")

from tests.conftest import Project, postgres_schema_url
from tests.service.conftest import LiveServer, make_token, setup_project
from tests.service.dashboard_kit import Visitor


def modes(root: Path) -> dict[str, str]:
    """The permission bits of everything in a state directory (none yet: empty)."""
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): stat.filemode(p.stat().st_mode)
            for p in sorted([root, *root.rglob("*")]) if not p.name.endswith(("-wal", "-shm"))}


def logged_in(v: Visitor) -> bool:
    response = v.get("/")
    assert response.status_code in (200, 303), response.text
    return response.status_code == 200


def login_rows(project: Project) -> list[dict[str, object]]:
    from tests.service.conftest import project_session

    session = project_session(project)
    try:
        return session.store._rows("SELECT * FROM dashboard_sessions")
    finally:
        session.close()


def test_a_login_survives_a_restart_and_the_store_keeps_only_its_hash(
        live: Callable[..., LiveServer], api_project: Project) -> None:
    server = live()
    token = make_token(api_project, "olga", "operator")
    state = api_project.root / ".opsctl"
    before = modes(state)
    v = Visitor(None, url=server.url)
    assert v.login(token).status_code == 303
    assert logged_in(v) and "olga" in v.get("/").text
    cookie = str(v.client.cookies.get("opsctl_session"))
    login_id = cookie.rsplit(".", 1)[0]

    server.stop()
    server.start()
    assert logged_in(v), "the login ended with the server process"
    page = v.get("/runs")
    assert page.status_code == 200 and "olga" in page.text

    rows = login_rows(api_project)
    assert len(rows) == 1
    row = rows[0]
    assert row["id_hash"] == hashlib.sha256(login_id.encode()).hexdigest()
    assert login_id not in repr(rows) and v.csrf not in repr(rows)
    assert row["actor"] == "olga" and str(row["token_id"]).startswith("tok_")
    assert row["revoked_at"] is None
    after = modes(state)
    assert {k: after[k] for k in before} == before
    assert all(mode[4:] == "------" for mode in after.values()), after  # owner-only, as before
    assert v.post("/logout", {}).status_code == 303
    assert not logged_in(v)
    assert login_rows(api_project)[0]["revoked_at"] is not None
    v.close()


def test_a_forged_signature_is_refused_before_the_store_is_asked(
        live: Callable[..., LiveServer], api_project: Project) -> None:
    server = live()
    v = Visitor(None, url=server.url)
    v.login(make_token(api_project, "olga", "operator"))
    login_id = str(v.client.cookies.get("opsctl_session")).rsplit(".", 1)[0]
    forged = Visitor(None, url=server.url)
    forged.client.cookies.set("opsctl_session", f"{login_id}.{'0' * 32}")
    assert not logged_in(forged)
    assert logged_in(v)
    v.close()
    forged.close()


@pytest.fixture
def shared_store(tmp_path: Path) -> Iterator[Project]:
    """One project on a fresh PostgreSQL schema, for several servers."""
    root = tmp_path / "proj"
    root.mkdir()
    project = Project(root)
    for url in postgres_schema_url():
        project.extra_env["OPSCTL_STORE_URL"] = url
        yield setup_project(project)


def test_servers_sharing_a_store_share_logins_and_logout_ends_them_everywhere(
        shared_store: Project) -> None:
    first = LiveServer(shared_store, 0).start()
    second = LiveServer(shared_store, 0).start()
    try:
        here = Visitor(None, url=first.url)
        assert here.login(make_token(shared_store, "olga", "operator")).status_code == 303
        there = here.moved_to(second.url)
        assert logged_in(there) and "olga" in there.get("/").text  # no sticky sessions

        assert here.post("/logout", {}).status_code == 303
        assert not logged_in(there)
        again = here.moved_to(second.url)
        assert not logged_in(again)
        for visitor in (here, there, again):
            visitor.close()
    finally:
        first.stop()
        second.stop()
