"""Memory of an apply: peak RSS of a run of N no-op actions through the real engine and store.

Each size runs in a fresh interpreter (the peak of one run is not hidden by an earlier one's).
The child warms up (imports, the store's first connection, a 10-action run), notes its RSS,
applies N actions in ``group`` journal mode (memory does not depend on the mode; strict costs
a commit per action, minutes at 1,000,000) and reports its peak RSS (``resource.getrusage``).
Beside it, from the same child, the floor: the peak of building the N ``Action`` objects the
automation yields, as a list (what any engine that holds the plan pays). Then the peak RSS of
``opsctl show RUN --format json`` of that run (a process of its own), beside the size of what
it prints. Usage:

    python bench/memory.py --actions 1000 100000 1000000
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import subprocess
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

# `opsctl show`, reporting its own peak at exit: VmHWM is the process's own since its exec (a
# child's ru_maxrss can carry its parent's size from before the exec)
SHOW = """
import atexit, re, sys
def peak():
    with open("/proc/self/status") as fh:
        kib = re.search(r"VmHWM:\\s+(\\d+) kB", fh.read()).group(1)
    sys.stderr.write(f"{int(kib) * 1024}\\n")
atexit.register(peak)
from opsctl.cli.entry import main
sys.argv[0] = "opsctl"
main()
"""

GOAL_PER_ACTION_BYTES = 1024
GOAL_1M_BYTES = 1.5e9


def _rss_bytes() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _peak_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB


def child(directory: Path, actions: int, floor: bool) -> dict[str, float]:
    (directory / "noop_bench.py").write_text(textwrap.dedent(AUTOMATION))
    (directory / "opsctl.toml").write_text('automations = ["noop_bench"]\npython_path = ["."]\n'
                                           'journal_mode = "group"\n')
    os.environ.pop("OPSCTL_STORE_URL", None)
    from opsctl.contract.automation import Action
    from opsctl.engine.run import execute
    from opsctl.engine.session import open_session

    session = open_session(cwd=directory, env={"HOME": str(directory)}, log_sink=lambda e: None)
    automation = session.catalog.load("noop")
    assert execute(session, automation, {"count": 10}, mode="apply").exit_code == 0
    gc.collect()
    base = _rss_bytes()
    if floor:
        # What holding the plan costs: the automation's N actions, in a list
        held = [Action(id=f"a{i}", kind="run", target=f"t{i}", reason="bench")
                for i in range(actions)]
        peak = _peak_bytes()
        del held
        return {"base_rss_bytes": base, "peak_rss_bytes": peak}
    began = time.perf_counter()
    outcome = execute(session, automation, {"count": actions}, mode="apply")
    elapsed = time.perf_counter() - began
    assert outcome.exit_code == 0, outcome.document["error"]
    peak = _peak_bytes()
    session.close()
    shown = directory / "shown.json"
    with shown.open("wb") as out:
        done = subprocess.run([sys.executable, "-c", SHOW, "show", outcome.document["run_id"],
                               "--format", "json"], cwd=directory, stdout=out, check=True,
                              env={**os.environ, "HOME": str(directory)},
                              stderr=subprocess.PIPE, text=True)
    show_peak = int(done.stderr.strip().splitlines()[-1])
    return {"base_rss_bytes": base, "peak_rss_bytes": peak, "apply_s": round(elapsed, 2),
            "show_peak_rss_bytes": show_peak, "show_output_bytes": shown.stat().st_size}


def run_child(actions: int, floor: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        argv = [sys.executable, __file__, "--child", str(actions), "--dir", tmp]
        if floor:
            argv.append("--floor")
        out = subprocess.run(argv, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, nargs="+", default=[1000, 100000])
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--dir", help=argparse.SUPPRESS)
    parser.add_argument("--floor", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(child(Path(args.dir), args.child, args.floor)))
        return
    rows = []
    for n in args.actions:
        run = run_child(n, floor=False)
        floor = run_child(n, floor=True)
        grown = run["peak_rss_bytes"] - run["base_rss_bytes"]
        floor_grown = floor["peak_rss_bytes"] - floor["base_rss_bytes"]
        per_action = grown / n
        rows.append({
            "actions": n, "peak_rss_mb": round(run["peak_rss_bytes"] / 1e6, 1),
            "base_rss_mb": round(run["base_rss_bytes"] / 1e6, 1),
            "bytes_per_action": round(per_action), "apply_s": run["apply_s"],
            "floor_plan_held_bytes_per_action": round(floor_grown / n),
            "goal_bytes_per_action": GOAL_PER_ACTION_BYTES,
            "show_json_peak_rss_mb": round(run["show_peak_rss_bytes"] / 1e6, 1),
            "show_json_output_mb": round(run["show_output_bytes"] / 1e6, 1),
            "meets_goal": per_action <= GOAL_PER_ACTION_BYTES
            and (n < 1_000_000 or run["peak_rss_bytes"] < GOAL_1M_BYTES),
        })
    print(json.dumps({"benchmark": "memory", "python": platform.python_version(),
                      "cpus": os.cpu_count(), "journal_mode": "group",
                      "load_avg": [round(x, 2) for x in os.getloadavg()], "rows": rows,
                      "note": "bytes_per_action: (peak RSS - RSS after warm-up) / N; floor: the "
                              "same for a list of the N Action objects alone"}, indent=2))


if __name__ == "__main__":
    main()
