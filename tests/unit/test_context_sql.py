"""ctx.sql: read-only connections while planning and for ``effect="read"`` automations, on real
SQLite files and the real PostgreSQL (a fresh schema per test); writable otherwise."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from opsctl.engine.classify import classify_exception
from opsctl.engine.context import Context, Phase
from opsctl.errors import ConfigError, MutationDuringPlanError
from opsctl.observe.log import CaptureSink, Logger
from tests.conftest import postgres_schema_url


def make_context(phase: Phase, effect: str = "mutate") -> Context:
    ctx = Context(run_id="run_test", automation="sql-guard", actor="test", config={}, secrets={},
                  log=Logger(CaptureSink(), []), clock=lambda: datetime.now(UTC), effect=effect)
    ctx.phase = phase
    return ctx


def make_db(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    return path


def rows(path: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT x FROM t").fetchall()
    finally:
        conn.close()


READ_ONLY = [pytest.param("plan", "mutate", id="mutate-plan"),
             pytest.param("plan", "read", id="read-plan"),
             pytest.param("apply", "read", id="read-apply"),
             pytest.param("verify", "read", id="read-verify")]


# -- SQLite ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["we#ird.db", "q?x.db", "100%.db", "sp ace.db"])
def test_sqlite_file_names_are_quoted_not_cut(tmp_path: Path, name: str) -> None:
    db = make_db(tmp_path / name)
    conn = make_context("plan").sql.connect(db)
    try:
        assert conn.execute("SELECT x FROM t").fetchall() == [(1,)]  # that file, not a prefix
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("INSERT INTO t VALUES (2)")
    finally:
        conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no "we" or "q" created
    assert rows(db) == [(1,)]


@pytest.mark.parametrize(("phase", "effect"), READ_ONLY)
@pytest.mark.parametrize("statements", [
    pytest.param(["INSERT INTO t VALUES (2)"], id="insert"),
    pytest.param(["CREATE TABLE u (y)"], id="create"),
    pytest.param(["PRAGMA user_version = 7"], id="pragma-write"),
    pytest.param(["ATTACH DATABASE 'other.db' AS o", "INSERT INTO o.t VALUES (2)"],
                 id="attach-existing"),
    pytest.param(["ATTACH DATABASE 'created.db' AS c", "CREATE TABLE c.u (y)"], id="attach-new"),
    pytest.param(["VACUUM INTO 'copy.db'"], id="vacuum-into"),
    pytest.param(["PRAGMA query_only = OFF", "INSERT INTO t VALUES (2)"], id="query-only-off"),
    pytest.param(["DETACH DATABASE main"], id="detach"),
])
def test_sqlite_refuses_every_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, phase: Phase,
                                    effect: str, statements: list[str]) -> None:
    monkeypatch.chdir(tmp_path)  # relative ATTACH/VACUUM INTO targets land here
    db, other = make_db(tmp_path / "data.db"), make_db(tmp_path / "other.db")
    conn = make_context(phase, effect).sql.connect(db)
    try:
        with pytest.raises(sqlite3.Error) as refused:
            for statement in statements:
                conn.execute(statement)
            conn.commit()
    finally:
        conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.db", "other.db"]
    assert rows(db) == rows(other) == [(1,)]
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA user_version").fetchone() == (0,)
    # a write refused by the database is the automation's bug, never retried
    known = classify_exception(refused.value, "plan() of sql-guard")
    assert known is None or (known.exit_code, known.retryable) == (1, False)


@pytest.mark.parametrize("statement", ["ATTACH DATABASE 'x.db' AS x", "VACUUM INTO 'x.db'",
                                       "PRAGMA query_only = OFF", "PRAGMA main.query_only = 0"])
def test_sqlite_refused_statements_are_unsafe_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    statement: str) -> None:
    monkeypatch.chdir(tmp_path)
    conn = make_context("plan").sql.connect(make_db(tmp_path / "data.db"))
    try:
        with pytest.raises(sqlite3.DatabaseError, match=r"not authorized|authorization denied") \
                as refused:
            conn.execute(statement)
        assert conn.execute("PRAGMA query_only").fetchone() == (1,)
    finally:
        conn.close()
    assert not (tmp_path / "x.db").exists()
    known = classify_exception(refused.value, "plan() of sql-guard")
    assert isinstance(known, MutationDuringPlanError)
    assert (known.exit_code, known.error_type, known.retryable) == (1, "unsafe_input", False)


@pytest.mark.parametrize(("phase", "effect"), READ_ONLY)
def test_sqlite_reads_work_read_only(tmp_path: Path, phase: Phase, effect: str) -> None:
    db = make_db(tmp_path / "data.db")
    conn = make_context(phase, effect).sql.connect(f"sqlite:///{db}")
    try:
        assert conn.execute("SELECT x FROM t").fetchall() == [(1,)]
        assert conn.execute("PRAGMA query_only").fetchone() == (1,)
        assert conn.execute("SELECT name FROM pragma_table_info('t')").fetchall() == [("x",)]
    finally:
        conn.close()


@pytest.mark.parametrize("phase", ["apply", "verify"])
def test_sqlite_mutating_automation_writes_outside_planning(tmp_path: Path, phase: Phase) -> None:
    db = make_db(tmp_path / "data.db")
    conn = make_context(phase, "mutate").sql.connect(db)
    try:
        conn.execute("INSERT INTO t VALUES (2)")
        conn.commit()
    finally:
        conn.close()
    assert rows(db) == [(1,), (2,)]


@pytest.mark.parametrize(("phase", "effect"), READ_ONLY)
def test_sqlite_missing_file_is_a_config_error_not_retried(tmp_path: Path, phase: Phase,
                                                           effect: str) -> None:
    with pytest.raises(ConfigError, match=r"absent\.db does not exist") as raised:
        make_context(phase, effect).sql.connect(tmp_path / "absent.db")
    assert (raised.value.exit_code, raised.value.retryable) == (2, False)
    assert list(tmp_path.iterdir()) == []


# -- PostgreSQL ------------------------------------------------------------------------------------

@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh schema holding ``t (x int)`` with one row."""
    import psycopg

    for url in postgres_schema_url():
        with psycopg.connect(url) as conn:
            conn.execute("CREATE TABLE t (x int)")
            conn.execute("INSERT INTO t VALUES (1)")
        yield url


def pg_rows(url: str) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SELECT x FROM t ORDER BY x").fetchall()


@pytest.mark.parametrize(("phase", "effect"), READ_ONLY)
def test_postgres_write_fails_in_the_database(pg_url: str, phase: Phase, effect: str) -> None:
    import psycopg

    with make_context(phase, effect).sql.connect(pg_url) as conn:
        assert conn.execute("SELECT x FROM t").fetchall() == [(1,)]  # the URL's search_path kept
        assert conn.execute("SHOW default_transaction_read_only").fetchone() == ("on",)
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            conn.execute("INSERT INTO t VALUES (2)")
    assert pg_rows(pg_url) == [(1,)]


@pytest.mark.parametrize(("phase", "effect"), READ_ONLY)
@pytest.mark.parametrize("statement", [
    pytest.param("ROLLBACK; SET TRANSACTION READ WRITE; INSERT INTO t VALUES (2)",
                 id="set-transaction"),
    pytest.param("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE", id="session"),
    pytest.param("COMMIT; START TRANSACTION READ WRITE; INSERT INTO t VALUES (2)", id="start"),
    pytest.param("SET default_transaction_read_only = off", id="set-default"),
    pytest.param("SELECT set_config('default_transaction_read_only', 'off', false)",
                 id="set-config"),
])
def test_postgres_refuses_switching_back_to_read_write(pg_url: str, phase: Phase, effect: str,
                                                       statement: str) -> None:
    with make_context(phase, effect).sql.connect(pg_url) as conn:
        with pytest.raises(MutationDuringPlanError, match="read-only"):
            conn.execute(statement)
        with pytest.raises(MutationDuringPlanError):
            conn.cursor().executemany(statement, [()])
        conn.rollback()
        assert conn.execute("SHOW default_transaction_read_only").fetchone() == ("on",)
    assert pg_rows(pg_url) == [(1,)]


@pytest.mark.parametrize(("phase", "effect"), READ_ONLY)
def test_postgres_refuses_the_driver_switch_back_to_read_write(pg_url: str, phase: Phase,
                                                               effect: str) -> None:
    """`conn.read_only = False` would have psycopg begin READ WRITE transactions, past the
    cursors' guard: refused as the statements are."""
    import psycopg

    with make_context(phase, effect).sql.connect(pg_url) as conn:
        with pytest.raises(MutationDuringPlanError, match="read-only"):
            conn.read_only = False
        if hasattr(conn, "set_read_only"):  # psycopg 3.2 and later
            with pytest.raises(MutationDuringPlanError):
                conn.set_read_only(False)
        with pytest.raises(psycopg.Error):
            conn.execute("INSERT INTO t VALUES (2)")
        conn.rollback()
    assert pg_rows(pg_url) == [(1,)]


def test_postgres_read_only_survives_reset_all(pg_url: str) -> None:
    import psycopg

    with make_context("plan").sql.connect(pg_url) as conn:
        conn.autocommit = True
        conn.execute("RESET ALL")
        conn.execute("DISCARD ALL")
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            conn.execute("INSERT INTO t VALUES (2)")
    assert pg_rows(pg_url) == [(1,)]


@pytest.mark.parametrize("phase", ["apply", "verify"])
def test_postgres_mutating_automation_writes_outside_planning(pg_url: str, phase: Phase) -> None:
    with make_context(phase, "mutate").sql.connect(pg_url) as conn:
        conn.execute("INSERT INTO t VALUES (2)")
    assert pg_rows(pg_url) == [(1,), (2,)]
