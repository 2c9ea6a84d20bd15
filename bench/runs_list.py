"""`opsctl runs` on a large history: whole processes, beside `opsctl list` (the start-up floor).

Seeds a store with N runs per size (five automations, a few statuses, every third run sharing
its ``started_at`` with the one before, so ties are exercised), then times, interleaved round by
round, `opsctl runs --limit 50 -o json` as a first page, a filtered page (`--automation`), a
status page (`--status failed`), and a deep cursor page (`--after` the run 90% down the history),
with `opsctl list` in the same project as the floor. Prints one JSON object: medians, the ratio
of each case to the floor, and that ratio against the smallest size's (`floor_ratio_vs_smallest`:
~1.0 when the history's size costs nothing; `ratio_to_smallest` is the raw ratio). Usage:

    python bench/runs_list.py                          # 1k, 100k, 1M runs, SQLite
    python bench/runs_list.py --sizes 1000,100000 --rounds 7
    python bench/runs_list.py --store-url postgresql://127.0.0.1:5432/test   # a fresh schema
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

AUTOMATIONS = ("rotate-cert", "cleanup-volumes", "tag-release", "backfill", "migrate")
STATUSES = ("succeeded", "succeeded", "no_changes", "succeeded", "changes_planned")
OPSCTL = str(Path(sys.executable).with_name("opsctl"))


def seed(url: str, runs: int) -> str:
    """Insert ``runs`` runs in one transaction; returns the id of the run 90% down the history."""
    from opsctl.store.sql import open_store

    store = open_store(url)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    rows = []
    for i in range(runs):
        started = (start + timedelta(seconds=(i - i % 3 // 2) * 7)).isoformat(
            timespec="microseconds")
        status, code = ("failed", 1) if i % 97 == 0 else (STATUSES[i % len(STATUSES)], 0)
        rows.append((f"run_{i:010d}", AUTOMATIONS[i % len(AUTOMATIONS)], "1.0.0", "apply", status,
                     code, "bench", "{}", "{}", started, started))
    statement = store._sql("INSERT INTO runs (id, automation, contract_version, mode, status, "
                           "exit_code, actor, request_json, runtime_json, started_at, finished_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    try:
        with store.transaction():
            if store.dialect == "postgresql":
                with store._conn.cursor() as cur:
                    cur.executemany(statement, rows)
            else:
                store._conn.executemany(statement, rows)
        store._execute("ANALYZE")
    finally:
        store.close()
    return f"run_{runs // 10:010d}"


def run(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int]:
    began = time.perf_counter()
    done = subprocess.run([OPSCTL, *args], cwd=cwd, env=env, capture_output=True, check=False)
    return (time.perf_counter() - began) * 1000, done.returncode


def measure(project: Path, deep: str, rounds: int, env: dict[str, str]) -> dict[str, Any]:
    cases = {
        "opsctl list (floor)": ["list"],
        "runs first page": ["runs", "--limit", "50", "-o", "json"],
        "runs --automation page": ["runs", "--automation", AUTOMATIONS[1], "--limit", "50",
                                   "-o", "json"],
        "runs --status failed page": ["runs", "--status", "failed", "--limit", "50", "-o", "json"],
        "runs deep --after page": ["runs", "--after", deep, "--limit", "50", "-o", "json"],
    }
    codes = {name: run(argv, project, env)[1] for name, argv in cases.items()}  # warm-up
    times: dict[str, list[float]] = {name: [] for name, code in codes.items() if code == 0}
    for _ in range(rounds):
        for name in times:
            times[name].append(run(cases[name], project, env)[0])
    floor = statistics.median(times["opsctl list (floor)"])
    out: dict[str, Any] = {}
    for name, code in codes.items():
        if code != 0:
            out[name] = {"exit_code": code, "median_ms": None}
            continue
        median = statistics.median(times[name])
        out[name] = {"median_ms": round(median, 1), "min_ms": round(min(times[name]), 1),
                     "ratio_to_floor": round(median / floor, 2)}
    return out


def postgres_schema(base: str) -> tuple[str, str]:
    import uuid
    from urllib.parse import quote

    import psycopg

    schema = "bench_" + uuid.uuid4().hex[:10]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    return schema, f"{base}{sep}options={quote(f'-csearch_path={schema}')}"


def drop_schema(base: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,100000,1000000",
                        help="comma-separated numbers of runs")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--store-url", default=None,
                        help="a PostgreSQL URL (each size in a fresh schema); default SQLite")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPSCTL_")}
    results: dict[str, Any] = {}
    seeded: dict[str, float] = {}
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        for size in sizes:
            project = Path(tmp) / f"p{size}"
            project.mkdir()
            schema = None
            if args.store_url:
                schema, url = postgres_schema(args.store_url)
                (project / "opsctl.toml").write_text(
                    f"automations = []\nstore_url = {json.dumps(url)}\n")
            else:
                url = f"sqlite:///{project / '.opsctl' / 'state.db'}"
                (project / ".opsctl").mkdir(mode=0o700)
                (project / "opsctl.toml").write_text("automations = []\n")
            try:
                began = time.perf_counter()
                deep = seed(url, size)
                seeded[str(size)] = round(time.perf_counter() - began, 1)
                results[str(size)] = measure(project, deep, args.rounds, env)
            finally:
                if schema is not None:
                    drop_schema(args.store_url, schema)
    # Load drifts between sizes (they run one after the other); the floor of the same size
    # drifts with it, so flatness is the ratio to the floor, compared with the smallest size's.
    smallest = str(sizes[0])
    for cases in results.values():
        for name, case in cases.items():
            base = results[smallest][name]
            if case["median_ms"] is not None and base["median_ms"]:
                case["ratio_to_smallest"] = round(case["median_ms"] / base["median_ms"], 2)
                case["floor_ratio_vs_smallest"] = round(
                    case["ratio_to_floor"] / base["ratio_to_floor"], 2)
    print(json.dumps({
        "benchmark": "runs_list", "python": platform.python_version(), "cpus": os.cpu_count(),
        "store": "postgresql" if args.store_url else "sqlite", "rounds": args.rounds,
        "seed_s": seeded, "sizes": results,
    }, indent=2))


if __name__ == "__main__":
    main()
