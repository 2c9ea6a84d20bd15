"""The one SQL store behaves the same on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest

from opsctl.config.redact import Redactor
from opsctl.store.migrations import MIGRATIONS
from opsctl.store.plans import claim_plan
from opsctl.store.sql import open_store

RUN = {"id": "run_1", "automation": "a", "contract_version": "1.0.0", "mode": "apply",
       "status": "running", "actor": "me", "idempotency_key": "k",
       "request": {"token": "hunter2-secret", "n": 1}, "runtime": {"python": "3"},
       "started_at": "2026-01-01T00:00:00+00:00"}


def test_migrations_apply_once_and_are_recorded(store_url: str) -> None:
    store = open_store(store_url)
    assert store.schema_version() == MIGRATIONS[-1].version
    assert store.migrate() == []
    store.close()
    again = open_store(store_url)
    assert again.schema_version() == MIGRATIONS[-1].version
    again.close()


def test_runs_and_journal_round_trip_with_secrets_masked(store_url: str) -> None:
    store = open_store(store_url, Redactor(["hunter2-secret"]))
    store.create_run(RUN)
    store.record_actions("run_1", [{"id": "x", "kind": "create", "target": "t", "note": "hunter2-secret"},
                                   {"id": "y", "kind": "delete", "target": "u"}])
    store.action_started("run_1", "x", "2026-01-01T00:00:01+00:00")
    store.action_finished("run_1", "x", status="applied", error=None, at="2026-01-01T00:00:02+00:00")
    store.action_started("run_1", "y", "2026-01-01T00:00:03+00:00")
    store.action_finished("run_1", "y", status="failed", error="denied for hunter2-secret",
                          at="2026-01-01T00:00:04+00:00")
    store.finish_run("run_1", status="partial", exit_code=5, result={"echo": "hunter2-secret"},
                     error_type="partial", finished_at="2026-01-01T00:00:05+00:00")
    row = store.get_run("run_1")
    assert row is not None
    assert (row["status"], row["exit_code"]) == ("partial", 5)
    assert row["request"] == {"token": "***", "n": 1}
    assert row["result"] == {"echo": "***"}
    actions = store.list_actions("run_1")
    assert [(a.action_id, a.status, a.attempts) for a in actions] == [("x", "applied", 1), ("y", "failed", 1)]
    assert actions[0].spec["note"] == "***"
    assert actions[1].error == "denied for ***"
    assert [r["id"] for r in store.list_runs(status="partial")] == ["run_1"]
    assert store.list_runs(automation="other") == []
    assert store.get_run("run_") is None  # prefixes shorter than 6 characters never match
    store.close()


def test_a_saved_plan_is_claimed_once(store_url: str) -> None:
    store = open_store(store_url)
    store.save_plan({"plan_id": "plan_1", "automation": "a", "contract_version": "1.0.0",
                     "fingerprint": "sha256:0", "created_by": "me",
                     "created_at": "2026-01-01T00:00:00+00:00", "expires_at": "2026-01-01T01:00:00+00:00"})
    assert claim_plan(store, "plan_1", "run_1", "2026-01-01T00:10:00+00:00") is True
    assert claim_plan(store, "plan_1", "run_2", "2026-01-01T00:11:00+00:00") is False
    assert store.get_plan("plan_1")["applied_run_id"] == "run_1"
    store.close()


def test_unreachable_postgres_is_a_dependency_error_without_the_password() -> None:
    import pytest

    from opsctl.errors import DependencyError

    with pytest.raises(DependencyError) as caught:
        open_store("postgresql://u:pw-canary@127.0.0.1:1/nothing")
    assert caught.value.exit_code == 4
    assert "unreachable" in caught.value.message
    assert "pw-canary" not in caught.value.message


def test_unknown_store_scheme_is_bad_config() -> None:
    import pytest

    from opsctl.errors import StateDirError

    with pytest.raises(StateDirError, match="unsupported store URL"):
        open_store("mysql://x")


def test_runs_opening_a_new_sqlite_store_at_once_all_get_it(tmp_path) -> None:
    """Switching a new file to WAL answers "database is locked" at once, without the busy
    timeout, to a connection that races another one switching it: each run waits its turn."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    for trial in range(60):
        url = f"sqlite:///{tmp_path / f's{trial}.db'}"
        start = threading.Barrier(6)

        def open_one(_: int, url: str = url, start: threading.Barrier = start) -> int:
            start.wait()
            store = open_store(url)
            try:
                return store.schema_version()
            finally:
                store.close()

        with ThreadPoolExecutor(6) as pool:
            versions = list(pool.map(open_one, range(6)))
        assert versions == [MIGRATIONS[-1].version] * 6


def test_a_long_transaction_of_quick_statements_is_no_stall(store_url: str) -> None:
    """The PostgreSQL watchdog times each statement, not the transaction: one that lasts longer
    than stall_s, statement after statement, keeps its connection (a million-action plan is
    journaled in one transaction)."""
    import time

    store = open_store(store_url)
    store.stall_s = 2.0  # more than one quick statement takes on a loaded machine
    try:
        with store.transaction():
            for _ in range(30):  # 3 s in all
                store._execute("SELECT 1")
                time.sleep(0.1)
        assert store._rows("SELECT 1 AS one") == [{"one": 1}]
        assert store.unavailable is None
    finally:
        store.close()


def test_a_key_queued_with_one_request_refuses_another_request(store_url: str) -> None:
    """Two servers (or two threads of one) sent one Idempotency-Key with two requests at once:
    the second is a conflict (409, exit 7), never an answer naming the first one's run."""
    import pytest

    from opsctl.errors import ConflictError
    from opsctl.store.queue import queue_run_once

    store = open_store(store_url)
    first = {**RUN, "id": "run_q1", "request_hash": "sha256:one", "request": {"n": 1}}
    assert queue_run_once(store, first) == "run_q1"
    assert queue_run_once(store, {**first, "id": "run_q2"}) == "run_q1"  # the same request
    with pytest.raises(ConflictError) as refused:
        queue_run_once(store, {**first, "id": "run_q3", "request_hash": "sha256:two",
                               "request": {"n": 2}})
    assert refused.value.exit_code == 7
    assert "'k' was used by run run_q1 with a different request" in refused.value.message
    assert store.get_run("run_q3") is None and store.get_run("run_q2") is None
    store.close()


@pytest.mark.parametrize("count", [0, 1, 7, 8, 25])
def test_the_journal_read_a_page_at_a_time_is_the_journal(store_url: str, count: int) -> None:
    """What ``show --format json`` writes out: the journal in its order, and the result as the
    text it was stored as."""
    store = open_store(store_url)
    store.create_run({**RUN, "id": "run_p"})
    store.record_actions("run_p", ({"id": f"z{count - i:03d}", "kind": "run", "target": f"t{i}"}
                                   for i in range(count)))
    store.finish_run("run_p", status="succeeded", exit_code=0, result={"n": count, "ü": "é"},
                     error_type=None, finished_at="2026-01-01T00:00:05+00:00")
    paged = list(store.iter_actions("run_p", page=8))
    assert paged == store.list_actions("run_p")
    assert [a.seq for a in paged] == sorted(a.seq for a in paged)
    assert [a.action_id for a in paged] == [f"z{count - i:03d}" for i in range(count)]
    text = store.run_result_text("run_p")
    assert text is not None and json.loads(text) == {"n": count, "ü": "é"}
    row = store.get_run("run_p", with_result=False)
    assert row is not None and "result" not in row and row["status"] == "succeeded"
    assert store.run_result_text("run_nothing") is None
    store.close()


def test_a_state_dir_that_is_a_file_or_a_dangling_link_says_so(tmp_path) -> None:
    """Not "cannot be created: File exists": what is in the way, and for a link, where it
    points (a volume not mounted yet, a folder moved away)."""
    from opsctl.errors import StateDirError

    (tmp_path / "file").write_text("")
    (tmp_path / "link").symlink_to(tmp_path / "gone")
    with pytest.raises(StateDirError, match="file cannot be created: it is a file, not a"):
        open_store(f"sqlite:///{tmp_path / 'file' / 'state.db'}", create_dir=True)
    gone = tmp_path / "gone"
    with pytest.raises(StateDirError, match=f"link cannot be created: it is a link to {gone},"):
        open_store(f"sqlite:///{tmp_path / 'link' / 'state.db'}", create_dir=True)
