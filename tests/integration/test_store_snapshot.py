"""Reads that must see one state of the store (the approvals check reads the approvals rows,
then their audit events): another process's commit lands before them all or after them all,
on SQLite (WAL) and on PostgreSQL (whose statements otherwise each see the newest commits)."""

from __future__ import annotations

from datetime import UTC, datetime

from opsctl.store.sql import SQLStore, open_store


def _run(run_id: str) -> dict[str, object]:
    return {"id": run_id, "automation": "snap", "contract_version": "1.0.0", "mode": "apply",
            "status": "running", "actor": "me", "request": {}, "runtime": {},
            "started_at": datetime.now(UTC).isoformat()}


def _count(store: SQLStore) -> int:
    return int(store._rows("SELECT COUNT(*) AS n FROM runs WHERE automation = 'snap'")[0]["n"])


def test_a_commit_by_another_connection_is_not_seen_halfway_through_a_snapshot(
        store_url: str) -> None:
    reader, writer = open_store(store_url), open_store(store_url)
    try:
        writer.create_run(_run("run_snap_1"))
        with reader.snapshot():
            first = _count(reader)
            writer.create_run(_run("run_snap_2"))  # committed while the snapshot reads
            assert _count(reader) == first == 1
        assert _count(reader) == 2  # after it, the newest state again
        with reader.snapshot():  # writes nothing: no transaction is left open
            _count(reader)
        writer.create_run(_run("run_snap_3"))
        assert _count(reader) == 3
    finally:
        reader.close()
        writer.close()


def test_a_snapshot_inside_a_transaction_reads_in_that_transaction(store_url: str) -> None:
    store = open_store(store_url)
    try:
        store.create_run(_run("run_snap_in"))
        with store.transaction(), store.snapshot():  # (approvals checked while writing)
            assert _count(store) == 1
        assert _count(store) == 1
    finally:
        store.close()
