"""Journal overhead: no-op actions through the real engine and SQLite store.

Prints one JSON object: microseconds per action for the run (plan + journal + result), beside
the raw cost of one SQLite commit (same PRAGMAs as the store: WAL, synchronous=FULL) and of one
fsync on the same disk, measured in the same process. Usage:

    python bench/journal.py --actions 2000
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


def raw_fsync_us(directory: Path, n: int) -> float:
    fd = os.open(directory / "fsync.bin", os.O_WRONLY | os.O_CREAT, 0o600)
    began = time.perf_counter()
    for _ in range(n):
        os.write(fd, b"x" * 64)
        os.fsync(fd)
    elapsed = time.perf_counter() - began
    os.close(fd)
    return elapsed / n * 1e6


def engine_us_per_action(directory: Path, actions: int, mode: str) -> tuple[float, float]:
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
    began = time.perf_counter()
    outcome = execute(session, automation, {"count": actions}, mode="apply")
    elapsed = time.perf_counter() - began
    assert outcome.exit_code == 0, outcome.document["error"]
    planned = time.perf_counter()
    execute(session, automation, {"count": actions}, mode="plan")
    plan_only = time.perf_counter() - planned
    session.close()
    return elapsed / actions * 1e6, plan_only / actions * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=2000)
    parser.add_argument("--raw", type=int, default=500, help="commits/fsyncs for the raw figures")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        directory = Path(tmp)
        commit = raw_commit_us(directory, args.raw)
        fsync = raw_fsync_us(directory, args.raw)
        per_action, plan_only = engine_us_per_action(directory, args.actions, "strict")
        group, _ = engine_us_per_action(directory, args.actions, "group")
    print(json.dumps({
        "benchmark": "journal",
        "python": platform.python_version(), "cpus": os.cpu_count(), "actions": args.actions,
        "raw_sqlite_commit_us": round(commit, 1), "raw_fsync_us": round(fsync, 1),
        "strict": {"us_per_action": round(per_action, 1),
                   "ratio_to_commit": round(per_action / commit, 2),
                   "plan_and_record_only_us_per_action": round(plan_only, 1)},
        "group": {"us_per_action": round(group, 1), "target_us": 50,
                  "meets_target": group <= 50},
        "strict_meets_target": per_action <= 1.5 * commit,
        "note": "strict: an action's finished record commits with the next action's started "
                "record (one commit per boundary); group: 256 records or 50 ms per commit",
    }, indent=2))
    sys.exit(0)


if __name__ == "__main__":
    main()
