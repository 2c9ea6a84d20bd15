"""Scrape and SLO cost on a large store: ``render_metrics`` and ``measure_slo`` timings.

Seeds a store with N finished runs (spread over 60 days, five automations, a few actions
each, some failed and retried) by bulk insert, then prints one JSON object with the median
milliseconds of a whole /metrics scrape and of one automation's SLO figures. Usage:

    python bench/metrics.py --runs 100000                       # SQLite in a temp dir
    python bench/metrics.py --runs 100000 --store-url postgresql://127.0.0.1:5432/test
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

AUTOMATIONS = ("rotate-cert", "cleanup-volumes", "tag-release", "backfill", "migrate")


def result_text(run_id: str, status: str, code: int, started: datetime, finished: datetime,
                actions: int) -> str:
    """A result document as an apply of ``actions`` updates writes it (about 1 KB)."""
    doc = {"schema": "opsctl.result/v1", "run_id": run_id, "automation": "bench",
           "contract_version": "1.0.0", "requested_contract_version": "1.0.0", "mode": "apply",
           "status": status, "exit_code": code, "actor": "bench", "idempotency_key": "auto:0",
           "replayed": False, "request": {"folder": "/srv/data", "older_than": "30d"},
           "plan": {"fingerprint": "sha256:" + "0" * 64, "actions": [
               {"id": f"a{j}", "kind": "update", "target": f"t{j}", "reason": "bench",
                "before": None, "after": None, "status": "applied", "attempts": 1, "waits": [],
                "error": None} for j in range(actions)]},
           "summary": {"planned": actions, "applied": actions, "unchanged": 0, "skipped": 0,
                       "failed": 0},
           "warnings": [], "error": None, "policy": None, "artifacts": {},
           "timing": {"started_at": started.isoformat(timespec="milliseconds"),
                      "finished_at": finished.isoformat(timespec="milliseconds"),
                      "duration_ms": int((finished - started).total_seconds() * 1000)}}
    return json.dumps(doc)


def seed(store: object, runs: int, actions: int, now: datetime) -> None:
    from opsctl.store.sql import SQLStore

    assert isinstance(store, SQLStore)
    from opsctl.store.migrations import MIGRATIONS

    # Since schema 12 a run's duration is a column written with its result; before, a scrape
    # read it from the result document (the same seed, so both can be timed in one run).
    attempt_column = any(m.version == 12 for m in MIGRATIONS)
    run_rows, action_rows = [], []
    for i in range(runs):
        started = now - timedelta(seconds=(i * 60 * 86400) / runs)
        finished = started + timedelta(seconds=5 + i % 900)
        status, code = (("failed", 1) if i % 97 == 0 else ("succeeded", 0))
        run_id = f"run_{i:08d}"
        duration_ms = int((finished - started).total_seconds() * 1000)
        row = (run_id, AUTOMATIONS[i % len(AUTOMATIONS)], "1.0.0", "apply", status, code,
               "bench", "{}", result_text(run_id, status, code, started, finished, actions),
               "{}", started.isoformat(timespec="milliseconds"),
               finished.isoformat(timespec="milliseconds"))
        run_rows.append((*row, duration_ms) if attempt_column else row)
        for j in range(actions):
            action_rows.append((run_id, j, f"a{j}", "update", f"t{j}", "{}", "applied",
                                2 if (i + j) % 50 == 0 else 1,
                                started.isoformat(timespec="milliseconds"),
                                finished.isoformat(timespec="milliseconds")))
    run_sql = store._sql("INSERT INTO runs (id, automation, contract_version, mode, status, "
                         "exit_code, actor, request_json, result_json, runtime_json, started_at, "
                         "finished_at" + (", attempt_ms" if attempt_column else "") + ") "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                         + (", ?)" if attempt_column else ")"))
    action_sql = store._sql("INSERT INTO actions (run_id, seq, action_id, kind, target, spec_json, "
                            "status, attempts, started_at, finished_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    with store.transaction():
        if store.dialect == "postgresql":
            with store._conn.cursor() as cur:
                cur.executemany(run_sql, run_rows)
                cur.executemany(action_sql, action_rows)
        else:
            store._conn.executemany(run_sql, run_rows)
            store._conn.executemany(action_sql, action_rows)
    if store.dialect == "postgresql":
        store._execute("ANALYZE")


def median_ms(fn: object, rounds: int) -> float:
    assert callable(fn)
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        fn()
        times.append((time.perf_counter() - began) * 1000)
    return round(statistics.median(times), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--actions", type=int, default=3, help="actions per run")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--store-url", default=None,
                        help="a PostgreSQL URL (its tables are created in a fresh schema)")
    args = parser.parse_args()
    from opsctl.observe.metrics import render_metrics
    from opsctl.observe.slo import measure_slo
    from opsctl.store.sql import open_store

    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        url = args.store_url or f"sqlite:///{Path(tmp) / 'state.db'}"
        schema = None
        if args.store_url:
            import uuid
            from urllib.parse import quote

            import psycopg

            schema = "bench_" + uuid.uuid4().hex[:10]
            with psycopg.connect(args.store_url, autocommit=True) as conn:
                conn.execute(f"CREATE SCHEMA {schema}")
            sep = "&" if "?" in args.store_url else "?"
            url = f"{args.store_url}{sep}options={quote(f'-csearch_path={schema}')}"
        store = open_store(url)
        try:
            began = time.perf_counter()
            seed(store, args.runs, args.actions, now)
            seeded_s = time.perf_counter() - began
            objectives = {a: {"success_rate": 0.99, "window": "30d"} for a in AUTOMATIONS}
            scrape = median_ms(lambda: render_metrics(store, AUTOMATIONS, now=now), args.rounds)
            scrape_slo = median_ms(lambda: render_metrics(store, AUTOMATIONS, now=now,
                                                          objectives=objectives), args.rounds)
            slo = median_ms(lambda: measure_slo(store, AUTOMATIONS[0], window_s=30 * 86400,
                                                now=now), args.rounds)
            size = len(render_metrics(store, AUTOMATIONS, now=now)[0])
        finally:
            store.close()
            if schema is not None:
                import psycopg

                with psycopg.connect(args.store_url, autocommit=True) as conn:
                    conn.execute(f"DROP SCHEMA {schema} CASCADE")
    print(json.dumps({
        "benchmark": "metrics", "python": platform.python_version(), "cpus": os.cpu_count(),
        "store": "postgresql" if args.store_url else "sqlite", "runs": args.runs,
        "actions": args.runs * args.actions, "seed_s": round(seeded_s, 1),
        "scrape_ms": scrape, "scrape_with_slo_gauges_ms": scrape_slo,
        "measure_slo_one_automation_30d_ms": slo, "scrape_bytes": size,
    }, indent=2))


if __name__ == "__main__":
    main()
