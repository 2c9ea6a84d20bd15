"""I/O-bound apply: N actions that each wait (sleep) D ms, at --concurrency C, through the real
engine and SQLite store. Prints JSON with the wall time and its ratio to the ideal N*D/C,
beside floors from the same run: the same N sleeps through a bare thread pool of C workers (what
this machine gives without any engine), and one SQLite commit (WAL, synchronous=FULL).

Each mode runs twice in one session: the first run in a new state directory also creates the
store (reported as ``first_run_*``); the second, the same request again, is the figure
compared with the target, as bench/journal.py measures after a warm-up run.

    python bench/concurrency.py --actions 2000 --wait-ms 20 --concurrency 64
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import tempfile
import textwrap
import time
from pathlib import Path

AUTOMATION = '''
import time
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    count: int
    wait_ms: float

waits = Automation("waits", version="1.0.0", owner="bench", summary="I/O-bound actions",
                   request=Request, retry={"attempts": 1})

@waits.plan
def plan(ctx, req):
    for i in range(req.count):
        yield Action(id=f"a{i}", kind="run", target=f"t{i}", reason="bench")

@waits.apply
def apply(ctx, req, action):
    time.sleep(req.wait_ms / 1000)
'''


def bare_pool_s(actions: int, wait_ms: float, concurrency: int) -> float:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(concurrency) as pool:
        began = time.perf_counter()
        list(pool.map(lambda _: time.sleep(wait_ms / 1000), range(actions)))
        return time.perf_counter() - began


def raw_commit_us(directory: Path, n: int = 300) -> float:
    conn = sqlite3.connect(directory / "raw.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    began = time.perf_counter()
    for i in range(n):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (v) VALUES (?)", (str(i),))
        conn.execute("COMMIT")
    conn.close()
    return (time.perf_counter() - began) / n * 1e6


def measure(directory: Path, mode: str, actions: int, wait_ms: float,
            concurrency: int) -> tuple[float, float]:
    """(the first run's wall time, in a new state directory: it also creates the store;
    the next run's, the same request again in the same session: the figure compared)."""
    directory = directory / mode
    directory.mkdir()
    (directory / "waits_bench.py").write_text(textwrap.dedent(AUTOMATION))
    (directory / "opsctl.toml").write_text('automations = ["waits_bench"]\npython_path = ["."]\n'
                                           f'journal_mode = "{mode}"\n')
    from opsctl.engine.run import execute
    from opsctl.engine.session import open_session

    session = open_session(cwd=directory, env={"HOME": str(directory)}, log_sink=lambda e: None)
    automation = session.catalog.load("waits")
    times = []
    for _ in range(2):
        began = time.perf_counter()
        outcome = execute(session, automation, {"count": actions, "wait_ms": wait_ms},
                          mode="apply", concurrency=concurrency)
        times.append(time.perf_counter() - began)
        assert outcome.exit_code == 0, outcome.document["error"]
        assert outcome.document["summary"]["applied"] == actions  # planned afresh, not replayed
    session.close()
    return times[0], times[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=2000)
    parser.add_argument("--wait-ms", type=float, default=20.0)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--modes", nargs="+", choices=("strict", "group"), default=["strict", "group"])
    args = parser.parse_args()
    ideal = args.actions * args.wait_ms / 1000 / args.concurrency
    targets = {"strict": 1.25, "group": 1.15}
    out: dict[str, object] = {
        "benchmark": "concurrency", "python": platform.python_version(), "cpus": os.cpu_count(),
        "actions": args.actions, "wait_ms": args.wait_ms, "concurrency": args.concurrency,
        "ideal_s": round(ideal, 3)}
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        out["raw_sqlite_commit_us"] = round(raw_commit_us(Path(tmp)), 1)
        pool = bare_pool_s(args.actions, args.wait_ms, args.concurrency)
        out["bare_pool"] = {"wall_s": round(pool, 3), "ratio_to_ideal": round(pool / ideal, 2)}
        for mode in args.modes:
            first, elapsed = measure(Path(tmp), mode, args.actions, args.wait_ms,
                                     args.concurrency)
            out[mode] = {"wall_s": round(elapsed, 3), "ratio_to_ideal": round(elapsed / ideal, 2),
                         "target_ratio": targets[mode],
                         "meets_target": elapsed / ideal <= targets[mode],
                         "first_run_wall_s": round(first, 3),
                         "first_run_ratio_to_ideal": round(first / ideal, 2)}
    out["load_avg"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
