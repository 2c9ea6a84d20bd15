"""`audit verify` cost per event, beside raw SHA-256 and a bare SELECT of the same rows.

Seeds a store with N hash-chained events per size (through ``append_events``, so the rows are
what opsctl writes), then times in one process, median of ``--rounds``:

* ``full``: ``verify_chain(store)`` from event 1 to the head;
* ``since``: after a full verify recorded its checkpoint and 1% more events were appended,
  ``verify_chain(store, since=CHECKPOINT)``: only the new events are walked (null when this
  opsctl has no ``--since``);
* floors: ``sha256(prev_hash + content)`` over the exact bytes the chain hashes, in a loop,
  and a bare ``SELECT`` of the event columns (fetch all, no per-row work).

Prints one JSON object with microseconds per event and the ratios to the floors. Usage:

    python bench/audit_verify.py                      # 10k and 100k events, SQLite
    python bench/audit_verify.py --sizes 10000 --rounds 7
    python bench/audit_verify.py --store-url postgresql://127.0.0.1:5432/test
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

COLUMNS = "seq, id, at, kind, run_id, plan_id, actor, payload_json, prev_hash, hash"


def seed(store: Any, count: int, first: int = 0) -> None:
    from opsctl.store.audit import NewEvent, append_events

    for start in range(first, first + count, 1000):
        append_events(store, [
            NewEvent("action.applied", "bench@example.com",
                     {"action": f"a{i}", "target": f"arn:aws:ec2:eu-west-1:1234:volume/vol-{i:08x}",
                      "attempts": 1, "outcome": {"changed": True, "note": "ok"}},
                     run_id=f"run_{i // 50:010d}")
            for i in range(start, min(start + 1000, first + count))])


def median_s(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def floors(store: Any, rounds: int) -> tuple[float, float, int]:
    """Seconds for a bare SELECT of every event, for SHA-256 over the chained bytes; events."""
    from opsctl.store.audit import _content_json

    def select() -> list[Any]:
        cur = store._conn.cursor()
        cur.execute(f"SELECT {COLUMNS} FROM audit_events ORDER BY seq")
        rows = cur.fetchall()
        cur.close()
        return rows

    rows = select()
    chained = [(r[8] + _content_json(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7])).encode()
               for r in rows]

    def digest() -> None:
        sha = hashlib.sha256
        for data in chained:
            sha(data).hexdigest()

    return median_s(select, rounds), median_s(digest, rounds), len(rows)


def measure(url: str, size: int, rounds: int) -> dict[str, Any]:
    from opsctl.store.audit import verify_chain
    from opsctl.store.sql import open_store

    store = open_store(url)
    try:
        began = time.perf_counter()
        seed(store, size)
        seed_s = time.perf_counter() - began
        select_s, sha_s, events = floors(store, rounds)
        full_s = median_s(lambda: verify_chain(store), rounds)
        assert verify_chain(store).ok
        out: dict[str, Any] = {"events": events, "seed_s": round(seed_s, 1)}
        since: dict[str, Any] | None = None
        if "since" in inspect.signature(verify_chain).parameters:
            from opsctl.store.audit import record_checkpoint

            checkpoint = record_checkpoint(store, verify_chain(store), actor="bench")
            extra = max(size // 100, 1)
            seed(store, extra, first=size)
            report = verify_chain(store, since=checkpoint.seq)
            assert report.ok and report.events == extra, report
            since_s = median_s(lambda: verify_chain(store, since=checkpoint.seq), rounds)
            since = {"events_walked": extra, "total_events": size + extra,
                     "ms": round(since_s * 1e3, 2), "us_per_event_walked":
                     round(since_s / extra * 1e6, 2)}
        full_us = full_s / events * 1e6
        out.update({
            "full_us_per_event": round(full_us, 2),
            "full_ms": round(full_s * 1e3, 1),
            "since": since,
            "floor_select_us_per_event": round(select_s / events * 1e6, 2),
            "floor_sha256_us_per_event": round(sha_s / events * 1e6, 2),
            "floor_select_plus_sha256_us_per_event": round((select_s + sha_s) / events * 1e6, 2),
            "full_ratio_to_floors": round(full_s / (select_s + sha_s), 2),
        })
        return out
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated event counts")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--store-url", default=None,
                        help="a PostgreSQL URL (each size in a fresh schema); default SQLite")
    args = parser.parse_args()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            if args.store_url:
                from runs_list import drop_schema, postgres_schema

                schema, url = postgres_schema(args.store_url)
                try:
                    results[str(size)] = measure(url, size, args.rounds)
                finally:
                    drop_schema(args.store_url, schema)
            else:
                results[str(size)] = measure(f"sqlite:///{Path(tmp) / f'a{size}.db'}", size,
                                             args.rounds)
    print(json.dumps({
        "benchmark": "audit_verify", "python": platform.python_version(), "cpus": os.cpu_count(),
        "store": "postgresql" if args.store_url else "sqlite", "rounds": args.rounds,
        "goal_us_per_event": 5.0, "sizes": results,
    }, indent=2))


if __name__ == "__main__":
    main()
