"""Resume after a kill: 100,000 no-op actions, SIGKILL at action 90,000, resume beside a full run.

Every figure comes from a child process of this script (a fresh interpreter each), through the
real engine and SQLite store:

* ``full``: one uninterrupted apply of N actions;
* ``crash``: the same apply, SIGKILLed by its own ``apply`` at action K (the journal holds
  K - 1 actions finished, one started);
* ``resume``: the same command again, after the dead holder's lease expired.

Two automations are measured: ``checked`` has a ``verify``, so resume works from the journal
(no new ``plan()``, no read of a finished action, each unfinished action verified first);
``unchecked`` has none, so resume has to plan afresh, and its ``plan()`` reads every target.
"Remote reads" count the calls of ``plan()`` per target and of ``verify()``. Usage:

    python bench/resume.py                       # 100,000 actions, kill at 90,000
    python bench/resume.py --actions 10000 --kill-at 9000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

AUTOMATIONS = '''
import os, signal
from pydantic import BaseModel
from opsctl import Action, Automation

READS = {"plan": 0, "verify": 0}
KILL_AT = int(os.environ.get("BENCH_KILL_AT", "0"))
APPLIED = [0]
DONE = set()  # what verify reads back: targets applied by this process


class Request(BaseModel):
    count: int


def _plan(ctx, req):
    for i in range(req.count):
        READS["plan"] += 1  # one read of the remote side per target
        yield Action(id=f"a{i}", kind="update", target=f"t{i}", reason="bench")


def _apply(ctx, req, action):
    APPLIED[0] += 1
    if APPLIED[0] == KILL_AT:
        os.kill(os.getpid(), signal.SIGKILL)
    DONE.add(action.target)


def _verify(ctx, req, action):
    READS["verify"] += 1
    return action.target in DONE


checked = Automation("checked", version="1.0.0", owner="bench", summary="with verify",
                     request=Request, retry={"attempts": 1})
checked.plan(_plan)
checked.apply(_apply)
checked.verify(_verify)

unchecked = Automation("unchecked", version="1.0.0", owner="bench", summary="without verify",
                       request=Request, retry={"attempts": 1})
unchecked.plan(_plan)
unchecked.apply(_apply)
'''

CHILD = '''
import json, sys, time
from pathlib import Path
from opsctl.engine.run import execute
from opsctl.engine.session import open_session

name, count = sys.argv[1], int(sys.argv[2])
session = open_session(cwd=Path.cwd(), log_sink=lambda event: None)
automation = session.catalog.load(name)
began = time.perf_counter()
outcome = execute(session, automation, {"count": count}, mode="apply")
elapsed = time.perf_counter() - began
session.close()
import bench_automations as bench
doc = outcome.document
print(json.dumps({"seconds": elapsed, "exit_code": outcome.exit_code, "status": doc["status"],
                  "run_id": doc["run_id"], "reads": bench.READS, "applied_here": bench.APPLIED[0],
                  "warnings": doc["warnings"]}))
'''


def child(directory: Path, name: str, count: int, kill_at: int = 0) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPSCTL_")}
    env.update(HOME=str(directory), BENCH_KILL_AT=str(kill_at), PYTHONPATH=str(directory))
    proc = subprocess.run([sys.executable, "-c", CHILD, name, str(count)], cwd=directory, env=env,
                          capture_output=True, text=True, timeout=3600)
    if kill_at:
        if proc.returncode != -9:
            raise SystemExit(f"{name}: expected a SIGKILL, got exit {proc.returncode}\n{proc.stderr}")
        return {}
    if proc.returncode != 0:
        raise SystemExit(f"{name}: exit {proc.returncode}\n{proc.stderr}")
    result: dict[str, Any] = json.loads(proc.stdout.splitlines()[-1])
    if result["exit_code"] != 0:
        raise SystemExit(f"{name}: run exit {result['exit_code']}: {result}")
    return result


def measure(root: Path, name: str, actions: int, kill_at: int, lock_ttl_s: float,
            mode: str) -> dict[str, Any]:
    directory = root / f"{name}-{mode}"
    directory.mkdir()
    (directory / "bench_automations.py").write_text(textwrap.dedent(AUTOMATIONS))
    (directory / "opsctl.toml").write_text(
        'automations = ["bench_automations"]\npython_path = ["."]\n'
        f'journal_mode = "{mode}"\nlock_ttl = "{lock_ttl_s:g}s"\n')
    full = child(directory, name, actions)
    crashed = directory / "crash"  # a project (and store) of its own
    crashed.mkdir()
    for file in ("bench_automations.py", "opsctl.toml"):
        (crashed / file).write_text((directory / file).read_text())
    child(crashed, name, actions, kill_at=kill_at)
    time.sleep(lock_ttl_s + 0.2)  # the dead holder's lease expires
    resumed = child(crashed, name, actions)
    finished_before = int(resumed["warnings"][0].split(": ")[1].split()[0]) \
        if resumed["warnings"] and resumed["warnings"][0].startswith("resumed run") else None
    return {
        "full_run_s": round(full["seconds"], 3),
        "full_run_reads": full["reads"],
        "resume_s": round(resumed["seconds"], 3),
        "resume_ratio_to_full_run": round(resumed["seconds"] / full["seconds"], 3),
        "resume_reads": resumed["reads"],
        "resume_applied_actions": resumed["applied_here"],
        "resume_found_finished": finished_before,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=100_000)
    parser.add_argument("--kill-at", type=int, default=90_000)
    parser.add_argument("--mode", choices=["strict", "group"], default="strict")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        root = Path(tmp)
        figures = {name: measure(root, name, args.actions, args.kill_at, 1.0, args.mode)
                   for name in ("checked", "unchecked")}
    print(json.dumps({
        "benchmark": "resume", "python": platform.python_version(), "cpus": os.cpu_count(),
        "actions": args.actions, "killed_at_action": args.kill_at, "journal_mode": args.mode,
        "with_verify_journal_resume": figures["checked"],
        "without_verify_fresh_plan_resume": figures["unchecked"],
        "note": "reads = plan() reads per target + verify() calls; a resume from the journal "
                "must not read the finished actions again",
    }, indent=2))


if __name__ == "__main__":
    main()
