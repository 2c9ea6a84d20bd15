"""Journal overhead: no-op actions through the real engine and SQLite store.

Prints one JSON object: microseconds per action for the run (plan + journal + result), beside
the raw cost of one SQLite commit (same PRAGMAs as the store: WAL, synchronous=FULL) and of one
fsync on the same disk and of a 256-row commit per row (group mode's floor), measured in the
same process; wall and CPU time (the machine may be shared: CPU time is what the engine itself
spends). Usage:

    python bench/journal.py --actions 2000
    python bench/journal.py --actions 100000 --modes group
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import sys
import tempfile
import textwrap
import time
from pathlib import Path

AUTOMATION = '''
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    count: int

noop = Automation("noop", version="1.0.0", owner="bench", summary="No-op actions", request=Request,
                  retry={"attempts": 1})

@noop.plan
def plan(ctx, req):
    for i in range(req.count):
        yield Action(id=f"a{i}", kind="run", target=f"t{i}", reason="bench")

@noop.apply
def apply(ctx, req, action):
    return None
'''


def raw_commit_us(directory: Path, n: int) -> float:
    conn = sqlite3.connect(directory / "raw.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    began = time.perf_counter()
    for i in range(n):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (v) VALUES (?)", (str(i),))
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - began
    conn.close()
    return elapsed / n * 1e6


def raw_group_commit_us(directory: Path, n: int, batch: int = 256) -> float:
    """Per row, ``batch`` rows of about a journal record's size a commit: group mode's floor."""
    conn = sqlite3.connect(directory / "raw_group.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    rows = [("x" * 120,)] * batch
    began = time.perf_counter()
    for _ in range(max(1, n // batch)):
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO t (v) VALUES (?)", rows)
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - began
    conn.close()
    return elapsed / (max(1, n // batch) * batch) * 1e6


def raw_fsync_us(directory: Path, n: int) -> float:
    fd = os.open(directory / "fsync.bin", os.O_WRONLY | os.O_CREAT, 0o600)
    began = time.perf_counter()
    for _ in range(n):
        os.write(fd, b"x" * 64)
        os.fsync(fd)
    elapsed = time.perf_counter() - began
    os.close(fd)
    return elapsed / n * 1e6


def engine_us_per_action(directory: Path, actions: int, mode: str) -> tuple[float, float, float]:
    directory = directory / mode
    directory.mkdir()
    (directory / "noop_bench.py").write_text(textwrap.dedent(AUTOMATION))
    (directory / "opsctl.toml").write_text('automations = ["noop_bench"]\npython_path = ["."]\n'
                                           f'journal_mode = "{mode}"\n')
    os.environ.pop("OPSCTL_STORE_URL", None)
    from opsctl.engine.run import execute
    from opsctl.engine.session import open_session
    from opsctl.observe.log import CaptureSink

    events = CaptureSink()
    session = open_session(cwd=directory, env={"HOME": str(directory)},
                           log_sink=lambda e: None if e["event"] != "run.finished" else events(e))
    automation = session.catalog.load("noop")
    # warm-up: imports and the store's first connection are a one-off cost, not per action
    assert execute(session, automation, {"count": 10}, mode="apply").exit_code == 0
    began, cpu = time.perf_counter(), time.process_time()
    outcome = execute(session, automation, {"count": actions}, mode="apply")
    elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu
    assert outcome.exit_code == 0, outcome.document["error"]
    planned = time.perf_counter()
    execute(session, automation, {"count": actions}, mode="plan")
    plan_only = time.perf_counter() - planned
    session.close()
    return elapsed / actions * 1e6, cpu / actions * 1e6, plan_only / actions * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=2000)
    parser.add_argument("--raw", type=int, default=500, help="commits/fsyncs for the raw figures")
    parser.add_argument("--modes", nargs="+", choices=("strict", "group"), default=["strict", "group"])
    args = parser.parse_args()
    out: dict[str, object] = {
        "benchmark": "journal", "python": platform.python_version(), "cpus": os.cpu_count(),
        "actions": args.actions}
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        directory = Path(tmp)
        commit = raw_commit_us(directory, args.raw)
        fsync = raw_fsync_us(directory, args.raw)
        group_commit = raw_group_commit_us(directory, max(args.raw, 256) * 8)
        out.update({"raw_sqlite_commit_us": round(commit, 1), "raw_fsync_us": round(fsync, 1),
                    "raw_256_row_commit_us_per_row": round(group_commit, 2)})
        for mode in args.modes:
            wall, cpu, plan_only = engine_us_per_action(directory, args.actions, mode)
            if mode == "strict":
                out["strict"] = {"us_per_action": round(wall, 1), "cpu_us_per_action": round(cpu, 1),
                                 "ratio_to_commit": round(wall / commit, 2),
                                 "plan_and_record_only_us_per_action": round(plan_only, 1),
                                 "meets_target": wall <= 1.5 * commit}
            else:
                out["group"] = {"us_per_action": round(wall, 1), "cpu_us_per_action": round(cpu, 1),
                                "floor_us_per_action": round(group_commit, 2), "target_us": 25,
                                "meets_target": wall <= 25}
    out["load_avg"] = [round(x, 2) for x in os.getloadavg()]
    out["note"] = ("strict: an action's finished record commits with the next action's started "
                   "record (one commit per boundary); group: 256 records or 50 ms per commit")
    print(json.dumps(out, indent=2))
    sys.exit(0)


if __name__ == "__main__":
    main()
