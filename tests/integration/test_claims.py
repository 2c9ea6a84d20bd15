"""Claims of queued runs and of chunks, the chunk fence and the sweeper, on SQLite and
PostgreSQL (the store's SQL is the same; workers use PostgreSQL), plus the pure pieces of
fan-out (grouping by depends_on, packing, errors rebuilt from their type)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from opsctl.contract.automation import Action
from opsctl.dispatch import claims
from opsctl.dispatch.config import worker_config
from opsctl.dispatch.fanout import components, error_from, pack
from opsctl.engine.state import ActionState
from opsctl.errors import ConfigError, DependencyTimeoutError, ExitCode
from opsctl.store.sql import LeaseLostError, open_store

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def _queued(store: Any, run_id: str, *, executor: str | None = "celery",
            status: str = "queued") -> None:
    store.create_run({"id": run_id, "automation": "a", "contract_version": "1.0.0",
                      "mode": "apply", "status": status, "actor": "me", "idempotency_key": "k",
                      "request": {}, "runtime": {"queue": "q"}, "executor": executor,
                      "started_at": NOW.isoformat()})


def test_one_claimer_wins_and_an_expired_claim_is_taken_over(store_url: str) -> None:
    store = open_store(store_url)
    _queued(store, "run_a")
    first = claims.claim_run(store, "run_a", ttl_s=30, now=NOW)
    assert first is not None and first.status == "queued" and first.token == 1
    assert claims.claim_run(store, "run_a", ttl_s=30, now=NOW + timedelta(seconds=5)) is None
    # this process is alive: only the TTL frees the claim
    later = claims.claim_run(store, "run_a", ttl_s=30, now=NOW + timedelta(seconds=31))
    assert later is not None and later.token == 2
    assert not claims.renew_run_claim(store, first, ttl_s=30)  # the old claim is gone
    store.close()


def test_concurrent_claims_have_exactly_one_winner(store_url: str) -> None:
    setup = open_store(store_url)
    for i in range(20):
        _queued(setup, f"run_{i}")
    setup.close()
    won: list[tuple[str, int]] = []
    lock = threading.Lock()

    def claimer(n: int) -> None:
        store = open_store(store_url)
        try:
            for i in range(20):
                got = claims.claim_run(store, f"run_{i}", ttl_s=60)
                if got is not None:
                    with lock:
                        won.append((got.run_id, n))
        finally:
            store.close()

    threads = [threading.Thread(target=claimer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r for r, _ in won) == sorted(f"run_{i}" for i in range(20))


def test_local_and_unclaimed_running_runs_are_never_taken(store_url: str) -> None:
    store = open_store(store_url)
    _queued(store, "run_local", executor=None)
    _queued(store, "run_cli", status="running")  # a CLI run on the celery store, no claim
    assert claims.claim_run(store, "run_local", ttl_s=30) is None
    assert claims.claim_run(store, "run_cli", ttl_s=30) is None
    assert claims.claim_run(store, "run_missing", ttl_s=30) is None
    store.close()


def test_chunk_claims_fence_the_journal(store_url: str) -> None:
    store = open_store(store_url)
    _queued(store, "run_c", status="running")
    store.record_actions("run_c", [{"id": "x", "kind": "create", "target": "t"},
                                   {"id": "y", "kind": "create", "target": "u"}])
    [number] = claims.create_chunks(store, "run_c", [["x", "y"]], concurrency=3)
    first = claims.claim_chunk(store, "run_c", number, ttl_s=30, now=NOW)
    assert first is not None and first.action_ids == ("x", "y") and first.concurrency == 3
    assert claims.claim_chunk(store, "run_c", number, ttl_s=30, now=NOW) is None
    store.chunk_fence = first.fence
    store.action_started("run_c", "x", NOW.isoformat())
    # the claim runs out and another worker takes the chunk: the first one's writes are refused
    second = claims.claim_chunk(store, "run_c", number, ttl_s=30,
                                now=NOW + timedelta(seconds=31))
    assert second is not None and second.attempt == first.attempt + 1
    with pytest.raises(LeaseLostError, match="claimed again"):
        store.action_started("run_c", "y", NOW.isoformat())
    store.chunk_fence = second.fence
    store.action_started("run_c", "y", NOW.isoformat())
    store.chunk_fence = None
    assert not claims.finish_chunk(store, first, "done")
    assert claims.finish_chunk(store, second, "done")
    # fanning out again (a resumed run) supersedes what is left and numbers on
    [again] = claims.create_chunks(store, "run_c", [["x"]])
    assert again == number + 1
    store.close()


def test_sweeper_wakes_lost_runs_once_per_interval(store_url: str) -> None:
    store = open_store(store_url)
    _queued(store, "run_new")
    _queued(store, "run_old")
    _queued(store, "run_dead")
    with store.transaction():
        store._execute("UPDATE runs SET started_at = ? WHERE id = 'run_old'",
                       ((NOW - timedelta(minutes=10)).isoformat(),))
    claims.claim_run(store, "run_dead", ttl_s=5, now=NOW - timedelta(seconds=60))
    woken: list[str] = []

    def wake(run_id: str, row: dict[str, Any]) -> None:
        assert row["runtime"]["queue"] == "q"
        woken.append(run_id)

    assert sorted(claims.sweep(store, executor="celery", wake=wake, redeliver_after_s=300,
                               now=NOW)) == ["run_dead", "run_old"]
    # a second sweeper (or the next interval) within redeliver_after sends nothing again
    assert claims.sweep(store, executor="celery", wake=wake, redeliver_after_s=300,
                        now=NOW + timedelta(seconds=1)) == []
    assert sorted(woken) == ["run_dead", "run_old"]
    store.close()


def _states(*specs: tuple[str, list[str]]) -> list[ActionState]:
    return [ActionState(Action(id=i, kind="create", target=i, reason="r", depends_on=deps))
            for i, deps in specs]


def test_dependent_actions_stay_in_one_chunk_and_chunks_are_balanced() -> None:
    states = _states(("a", []), ("b", ["a"]), ("c", ["b"]), ("d", []), ("e", []), ("f", []),
                     ("g", ["done-before"]))
    groups = components(states)
    assert [[s.action.id for s in g] for g in groups] == [["a", "b", "c"], ["d"], ["e"], ["f"],
                                                          ["g"]]
    packed = pack(groups, 3)
    assert sorted(len(c) for c in packed) == [2, 2, 3]
    assert any(c == ["a", "b", "c"] for c in packed)
    assert pack(groups, 100) == [["a", "b", "c"], ["d"], ["e"], ["f"], ["g"]]
    spread = pack(components(_states(*[(f"x{i}", []) for i in range(10)])), 4)
    assert sorted(i for chunk in spread for i in chunk) == sorted(f"x{i}" for i in range(10))


def test_errors_recorded_elsewhere_keep_their_class_and_exit_code() -> None:
    timeout = error_from("dependency_timeout", ExitCode.DEPENDENCY, "slow")
    assert isinstance(timeout, DependencyTimeoutError) and timeout.exit_code == 4
    transient = error_from("dependency_unavailable", 4, "down")
    assert transient.exit_code == 4 and transient.error_type == "dependency_unavailable"
    unknown = error_from("no-such-type", 1, "what")
    assert unknown.exit_code == 1 and unknown.message == "what"


@pytest.mark.parametrize(("table", "message"), [
    ({"bogus": 1}, "worker.bogus"),
    ({"queue": "has space"}, "worker.queue"),
    ({"fan_out": -1}, "worker.fan_out"),
    ({"fan_out": True}, "worker.fan_out"),
    ({"routes": [{"automation": "x"}]}, "worker.routes[0]"),
    ({"routes": "prod"}, "worker.routes"),
    ({"sweep_interval": "forever"}, "worker.sweep_interval"),
    ({"redeliver_after": "0s"}, "worker.redeliver_after"),
])
def test_bad_worker_config_names_the_key(table: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("[", r"\[")):
        worker_config(table)


def test_routes_pick_the_first_match() -> None:
    config = worker_config({"queue": "default", "routes": [
        {"automation": "deploy-*", "environment": "prod", "queue": "prod"},
        {"automation": "cleanup-*", "queue": "batch"}]})
    assert config.queue_for("deploy-api", "prod") == "prod"
    assert config.queue_for("deploy-api", "staging") == "default"
    assert config.queue_for("cleanup-ebs", None) == "batch"
