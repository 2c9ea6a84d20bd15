"""End-to-end: ctx.sql's read-only guard and its errors through the installed console script."""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import Project

READER = '''
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    database: str
    statement: str = "SELECT 1"

reader = Automation("sql-reader", version="1.0.0", owner="o", summary="Reads a database",
                    request=Request, effect="read")

@reader.plan
def plan(ctx, req):
    ctx.sql.connect(req.database).close()
    yield Action(id="a1", kind="run", target=req.database, reason="check")

@reader.apply
def apply(ctx, req, action):
    conn = ctx.sql.connect(req.database)
    conn.execute(req.statement)
    conn.commit()
    conn.close()
'''


@pytest.fixture
def reader(project: Project) -> Project:
    project.add_module("sql_reader", READER)
    with sqlite3.connect(project.root / "data.db") as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    return project


@pytest.mark.parametrize("statement", ["INSERT INTO t VALUES (1)",
                                       "ATTACH DATABASE 'other.db' AS o"])
def test_a_read_automation_cannot_write_in_apply(reader: Project, statement: str) -> None:
    r = reader.run("sql-reader", "--database", "data.db", "--statement", statement,
                   "--format", "json")
    assert r.code == 1
    assert r.doc["error"]["step"] == "apply"
    assert r.doc["error"]["type"] == "unsafe_input"  # refused, not an "internal" error
    assert "effect 'read'" in r.doc["error"]["message"]
    with sqlite3.connect(reader.root / "data.db") as conn:
        assert conn.execute("SELECT COUNT(*) FROM t").fetchone() == (0,)
    conn.close()
    assert not (reader.root / "other.db").exists()


def test_a_missing_database_file_is_a_config_error_not_retried(reader: Project) -> None:
    r = reader.run("sql-reader", "--database", "absent.db", "--dry-run", "--format", "json")
    assert r.code == 2
    assert (r.doc["error"]["type"], r.doc["error"]["step"]) == ("validation", "plan")
    assert "absent.db does not exist" in r.doc["error"]["message"]
    assert not (reader.root / "absent.db").exists()
