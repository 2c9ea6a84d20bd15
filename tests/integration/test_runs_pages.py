"""Run history pages: newest first by (started_at, id), a cursor either way, on both stores."""

from __future__ import annotations

import pytest

from opsctl.errors import UsageError
from opsctl.store import sql
from opsctl.store.migrations import MIGRATIONS
from opsctl.store.queue import RunPage, page_runs, runs_page
from opsctl.store.sql import SQLStore, open_store

AUTOMATIONS = ("a", "b", "c")


def seed(store: SQLStore, count: int) -> list[str]:
    """``count`` runs, three to a timestamp (ties), ids not in start order; newest first."""
    for i in range(count):
        store.create_run({
            "id": f"run_{(i * 7) % count:04d}_{i:04d}", "automation": AUTOMATIONS[i % 3],
            "contract_version": "1.0.0", "mode": "apply",
            "status": "failed" if i % 4 == 0 else "succeeded", "actor": "me",
            "request": {}, "runtime": {}, "started_at": f"2026-01-01T00:00:{i // 3:02d}+00:00"})
    rows = store._rows("SELECT id, automation, status, started_at FROM runs")
    rows.sort(key=lambda r: (r["started_at"], r["id"]), reverse=True)
    return [r["id"] for r in rows]


def walk(store: SQLStore, direction: str, limit: int, **filters: str) -> list[str]:
    """Every run, page by page, following next_after (or next_before from the oldest page)."""
    page = runs_page(store, limit=limit, **filters)
    if direction == "before":  # to the oldest page first, then back up
        while page.next_after:
            page = runs_page(store, limit=limit, after=page.next_after, **filters)
    seen = [r["id"] for r in page.runs]
    while (cursor := page.next_after if direction == "after" else page.next_before):
        page = runs_page(store, limit=limit, **{direction: cursor}, **filters)  # type: ignore[arg-type]
        seen = seen + [r["id"] for r in page.runs] if direction == "after" \
            else [r["id"] for r in page.runs] + seen
    return seen


@pytest.mark.parametrize("direction", ["after", "before"])
@pytest.mark.parametrize("limit", [1, 4, 7, 100], ids=lambda n: f"limit{n}")
def test_pages_walk_every_run_once_in_both_directions(store_url: str, direction: str,
                                                      limit: int) -> None:
    store = open_store(store_url)
    newest_first = seed(store, 20)
    assert walk(store, direction, limit) == newest_first
    assert [r["id"] for r in store.list_runs(limit=100)] == newest_first
    store.close()


@pytest.mark.parametrize("filters", [{"automation": "b"}, {"status": "failed"},
                                     {"automation": "a", "status": "succeeded"}],
                         ids=["automation", "status", "both"])
@pytest.mark.parametrize("direction", ["after", "before"])
def test_filtered_pages_with_a_cursor(store_url: str, filters: dict[str, str],
                                      direction: str) -> None:
    store = open_store(store_url)
    seed(store, 20)
    rows = store._rows("SELECT id, automation, status, started_at FROM runs")
    wanted = [r["id"] for r in sorted(rows, key=lambda r: (r["started_at"], r["id"]),
                                      reverse=True)
              if all(r[k] == v for k, v in filters.items())]
    assert walk(store, direction, 2, **filters) == wanted
    store.close()


def test_a_page_says_where_the_next_and_previous_pages_are(store_url: str) -> None:
    store = open_store(store_url)
    ids = seed(store, 9)
    first = runs_page(store, limit=3)
    assert first == RunPage(first.runs, ids[2], None)
    middle = runs_page(store, limit=3, after=ids[2])
    assert ([r["id"] for r in middle.runs], middle.next_after, middle.next_before) == \
        (ids[3:6], ids[5], ids[3])
    last = runs_page(store, limit=3, after=ids[5])
    assert (last.next_after, last.next_before) == (None, ids[6])
    assert runs_page(store, limit=3, after=ids[8]) == RunPage([], None, ids[8])
    assert runs_page(store, limit=3, before=ids[0]) == RunPage([], ids[0], None)
    store.close()


@pytest.mark.parametrize("cursor", [{"after": "run_nope"}, {"before": "run_nope"},
                                    {"after": "run_0000_0000", "before": "run_0000_0000"}],
                         ids=["after", "before", "both"])
def test_a_bad_cursor_is_a_usage_error(store_url: str, cursor: dict[str, str]) -> None:
    store = open_store(store_url)
    seed(store, 3)
    with pytest.raises(UsageError) as raised:
        runs_page(store, **cursor)
    assert raised.value.exit_code == 2
    store.close()


def test_the_http_cursor_is_the_same_walk(store_url: str) -> None:
    store = open_store(store_url)
    ids = seed(store, 10)
    seen: list[str] = []
    cursor = None
    while True:
        rows, cursor = page_runs(store, cursor=cursor, limit=3)
        seen.extend(r["id"] for r in rows)
        if cursor is None:
            break
    assert seen == ids
    store.close()


def test_migration_11_applies_to_a_store_with_runs(store_url: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sql, "MIGRATIONS", MIGRATIONS[:10])
    old = open_store(store_url)
    assert old.schema_version() == 10
    ids = seed(old, 12)
    old.close()
    monkeypatch.undo()
    store = open_store(store_url)
    assert store.schema_version() == MIGRATIONS[-1].version
    assert walk(store, "after", 5) == ids
    assert walk(store, "before", 5, automation="c") == [
        i for i in ids if i in {r["id"] for r in store.list_runs(automation="c", limit=100)}]
    assert store._rows("SELECT seq FROM audit_checkpoints") == []
    store.close()


@pytest.mark.parametrize("where", ["", "WHERE automation = 'b'", "WHERE status = 'failed'",
                                   "WHERE (started_at, id) < ('2026-01-01T00:00:03+00:00', 'x')",
                                   "WHERE automation = 'b' AND "
                                   "(started_at, id) > ('2026-01-01T00:00:03+00:00', 'x')"],
                         ids=["all", "automation", "status", "cursor", "automation-cursor"])
def test_pages_read_an_index_in_order_without_sorting(store_url: str, where: str) -> None:
    store = open_store(store_url)
    seed(store, 30)
    for order in ("DESC", "ASC"):
        query = f"SELECT * FROM runs {where} ORDER BY started_at {order}, id {order} LIMIT 5"
        if store.dialect == "sqlite":
            plan = " | ".join(r["detail"] for r in store._rows(f"EXPLAIN QUERY PLAN {query}"))
            assert "USING INDEX runs_by_" in plan and "TEMP B-TREE" not in plan, plan
        else:
            store._execute("SET enable_seqscan = off")  # 30 rows: make the planner show its index
            plan = " | ".join(str(r["QUERY PLAN"]) for r in store._rows(f"EXPLAIN {query}"))
            assert "Index Scan" in plan and "Sort" not in plan, plan
    store.close()


def test_migration_12_keeps_each_finished_runs_attempt_duration(
        store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The durations /metrics and `opsctl slo` report for runs finished before the upgrade
    are those of their results' timing (the attempt that finished them), as before it."""
    from datetime import UTC, datetime

    from opsctl.observe.slo import run_duration_sql

    monkeypatch.setattr(sql, "MIGRATIONS", MIGRATIONS[:11])
    old = open_store(store_url)
    assert old.schema_version() == 11
    ids = seed(old, 3)
    now = datetime.now(UTC).isoformat()
    with old.transaction():  # as an opsctl of schema 11 finished them (no attempt_ms yet)
        for run_id, result in ((ids[0], '{"timing": {"duration_ms": 1500}}'),
                               (ids[1], '{"no": "timing"}')):
            old._execute("UPDATE runs SET status = 'succeeded', exit_code = 0, finished_at = ?, "
                         "result_json = ? WHERE id = ?", (now, result, run_id))
    old.close()
    monkeypatch.undo()
    store = open_store(store_url)
    assert store.schema_version() == MIGRATIONS[-1].version
    rows = {r["id"]: r for r in store._rows(
        f"SELECT id, attempt_ms, {run_duration_sql(store.dialect)} AS d FROM runs")}
    assert rows[ids[0]]["attempt_ms"] == 1500 and float(rows[ids[0]]["d"]) == 1.5
    assert rows[ids[1]]["attempt_ms"] is None and rows[ids[1]]["d"] is not None  # the columns
    assert rows[ids[2]]["attempt_ms"] is None  # not finished
    store.finish_run(ids[2], status="succeeded", exit_code=0, error_type=None, finished_at=now,
                     result={"timing": {"duration_ms": 250}})
    assert store._rows("SELECT attempt_ms FROM runs WHERE id = ?", (ids[2],))[0]["attempt_ms"] == 250
    store.close()
