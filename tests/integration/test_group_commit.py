"""Strict mode under concurrency: writers share commits, and each record is durable on return."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from typing import Any

import pytest

from opsctl.store.sql import LeaseLostError, SQLStore, open_store

WRITERS = 24


def _run_with_actions(store: SQLStore, run_id: str, n: int) -> None:
    store.create_run({"id": run_id, "automation": "a", "contract_version": "1", "mode": "apply",
                      "status": "running", "actor": "t", "idempotency_key": run_id,
                      "request": {}, "runtime": {}, "started_at": "2026-01-01T00:00:00+00:00"})
    store.record_actions(run_id, ({"id": f"a{i}", "kind": "run", "target": f"t{i}",
                                   "reason": "r"} for i in range(n)))


def _concurrently(work: Any) -> list[BaseException | None]:
    outcomes: list[BaseException | None] = [None] * WRITERS
    start = threading.Barrier(WRITERS)

    def writer(i: int) -> None:
        start.wait()
        try:
            work(i)
        except BaseException as exc:
            outcomes[i] = exc

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_each_started_record_is_committed_before_its_writer_goes_on(store_url: str) -> None:
    store = open_store(store_url)
    reader = open_store(store_url)
    try:
        _run_with_actions(store, "run_g", WRITERS)
        commits = 0
        transaction = store.transaction

        def counted() -> Any:
            nonlocal commits
            commits += 1
            return transaction()

        store.transaction = counted  # type: ignore[method-assign]
        seen: list[str] = [""] * WRITERS

        def work(i: int) -> None:
            store.action_started("run_g", f"a{i}", "2026-01-01T00:00:01+00:00")
            # another connection sees it: committed, not just written
            [row] = [r for r in reader.list_actions("run_g") if r.action_id == f"a{i}"]
            seen[i] = row.status

        assert _concurrently(work) == [None] * WRITERS
        assert seen == ["started"] * WRITERS
        assert commits <= WRITERS  # usually far fewer: writers waiting together share one
    finally:
        store.close()
        reader.close()


def test_a_lost_lease_fails_every_writer_whose_record_it_held(store_url: str) -> None:
    store = open_store(store_url)
    try:
        _run_with_actions(store, "run_l", WRITERS)
        token, _ = store.acquire_lease("s", "run_l", actor="t", host="h", pid=1,
                                       now=datetime.now(UTC), ttl_s=60)
        assert token is not None
        with store.transaction():
            store._execute("UPDATE locks SET token = token + 100 WHERE scope = ?", ("s",))
        outcomes = _concurrently(lambda i: store.action_started(
            "run_l", f"a{i}", "2026-01-01T00:00:01+00:00", fence=("s", token)))
        assert all(isinstance(o, LeaseLostError) for o in outcomes), outcomes
        assert {r.status for r in store.list_actions("run_l")} == {"pending"}
        assert store._lost == []  # forgotten once no writer can look for it
    finally:
        store.close()


@pytest.mark.parametrize("mode", ["strict", "group"])
def test_records_are_flushed_whatever_the_mode(store_url: str, mode: str) -> None:
    store = open_store(store_url)
    try:
        store.journal_mode = mode
        _run_with_actions(store, "run_f", WRITERS)
        assert _concurrently(lambda i: (
            store.action_started("run_f", f"a{i}", "2026-01-01T00:00:01+00:00"),
            store.action_finished("run_f", f"a{i}", status="applied", error=None,
                                  at="2026-01-01T00:00:02+00:00", attempts=1, defer=True),
        )) == [None] * WRITERS
        store.flush()
        assert {r.status for r in store.list_actions("run_f")} == {"applied"}
    finally:
        store.close()


def _status_seen_by(reader: SQLStore, run_id: str, action_id: str) -> str:
    [row] = [r for r in reader.list_actions(run_id) if r.action_id == action_id]
    return row.status


def _eventually(check: Any, within_s: float) -> bool:
    import time

    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.01)
    return bool(check())


def test_group_mode_commits_a_lone_record_within_its_time_bound(store_url: str) -> None:
    """No later record comes (an action that runs for minutes): the batch is committed
    ``group_s`` after its first record all the same, and again for every later batch, whether
    the one before it filled up or ran out of time."""
    store = open_store(store_url)
    reader = open_store(store_url)
    try:
        # 1 s, not 50 ms: a loaded machine could let 50 ms pass between the record and the
        # look that finds it not committed yet
        store.journal_mode, store.group_size, store.group_s = "group", 4, 1.0
        _run_with_actions(store, "run_t", 12)
        store.action_started("run_t", "a0", "2026-01-01T00:00:01+00:00")
        assert _status_seen_by(reader, "run_t", "a0") == "pending"  # not committed yet
        assert _eventually(lambda: _status_seen_by(reader, "run_t", "a0") == "started", 10)
        for i in range(1, 5):  # a batch that fills up commits with its fourth record
            store.action_started("run_t", f"a{i}", "2026-01-01T00:00:01+00:00")
        assert _status_seen_by(reader, "run_t", "a4") == "started"
        store.action_started("run_t", "a5", "2026-01-01T00:00:01+00:00")  # a lone one again
        assert _eventually(lambda: _status_seen_by(reader, "run_t", "a5") == "started", 10)
        flushers = [t for t in threading.enumerate() if t.name == "opsctl-group-commit"]
        assert len(flushers) == 1  # one thread for the store's life, not one per batch
    finally:
        store.close()
        reader.close()
    assert _eventually(lambda: not flushers[0].is_alive(), 5)  # it ends with its store


def test_group_mode_hands_a_failed_timed_commit_to_the_next_writer(store_url: str) -> None:
    """The timed commit of a batch whose lease was lost fails in the background; the next
    record written (or flush) raises it, and nothing of that batch was committed."""
    store = open_store(store_url)
    try:
        store.journal_mode, store.group_s = "group", 0.05
        _run_with_actions(store, "run_x", 3)
        token, _ = store.acquire_lease("s", "run_x", actor="t", host="h", pid=1,
                                       now=datetime.now(UTC), ttl_s=60)
        assert token is not None
        with store.transaction():
            store._execute("UPDATE locks SET token = token + 100 WHERE scope = ?", ("s",))
        store.action_started("run_x", "a0", "2026-01-01T00:00:01+00:00", fence=("s", token))
        assert _eventually(lambda: store._group_failure is not None, 5)
        with pytest.raises(LeaseLostError):
            store.action_started("run_x", "a1", "2026-01-01T00:00:01+00:00")
        assert {r.status for r in store.list_actions("run_x")} == {"pending"}
    finally:
        store.close()
