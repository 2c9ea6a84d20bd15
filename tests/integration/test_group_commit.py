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
