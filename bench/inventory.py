"""`opsctl inventory scan` on a tree of 1,000+ real scripts beside `bandit -r` on the same tree,
measured in the same run, interleaved. Prints one JSON document with each figure, the ratio and
``targets_met`` (goal: the scan no slower than bandit).

    .venv/bin/pip install -e '.[bench]'          # bandit
    .venv/bin/python bench/inventory.py                         # the corpus, copied to >= 1,000 scripts
    .venv/bin/python bench/inventory.py --source ~/src/ops-scripts --min-scripts 3000 --repeat 5

The tree is the real public scripts of tests/adopt/corpus (or --source) copied side by side
until it holds --min-scripts scripts. Both tools run as whole processes from the same venv;
wall time and peak RSS come from wait4(2) for each process. Bandit reads only the Python files;
the scan reads Python and shell and looks for callers in every other file, so the comparison is
conservative. `--git` also times the scan with owners and churn read from a git repository of
the tree (one commit).

The scan runs as a user runs it, with a worker process per CPU (at most 8) on a tree this
size, and again with `--jobs 1` (one process, as bandit): both ratios are printed, with the CPU
time of the default scan (its workers included) against bandit's. `machine.cpus` is the number
of workers the default scan used.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent / "tests" / "adopt" / "corpus"
BIN = Path(sys.executable).parent


def build_tree(source: Path, target: Path, min_scripts: int) -> dict[str, int]:
    """Copies of ``source`` under ``target`` until it holds ``min_scripts`` scripts."""
    from opsctl.adopt.discover import discover

    found = discover(source)
    per_copy = len(found.candidates)
    if per_copy == 0:
        raise SystemExit(f"bench/inventory.py: no scripts under {source}")
    copies = -(-min_scripts // per_copy)
    for index in range(copies):
        shutil.copytree(source, target / f"copy-{index:03d}", symlinks=True)
    python = sum(1 for c in found.candidates if c.language == "python")
    return {"copies": copies, "scripts": per_copy * copies, "python_scripts": python * copies,
            "shell_scripts": (per_copy - python) * copies,
            "other_files": len(found.files) * copies}


def timed(argv: list[str]) -> dict[str, float]:
    """Wall seconds and peak RSS (MiB) of one process, from wait4."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode() if process.stderr else ""
    if process.returncode not in (0, 1):  # bandit exits 1 when it found issues
        raise SystemExit(f"{argv[0]} exited {process.returncode}: {stderr[-2000:]}")
    return {"s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "rss_mib": usage.ru_maxrss / 1024}


def summary(samples: list[dict[str, float]]) -> dict[str, float]:
    return {key: round(statistics.median(s[key] for s in samples), 3) for key in samples[0]} | {
        "min_s": round(min(s["s"] for s in samples), 3)}


def default_jobs() -> int:
    from opsctl.adopt.parallel import default_jobs as jobs

    return jobs()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--min-scripts", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--git", action="store_true", help="also time the scan with git owners")
    args = parser.parse_args()
    bandit = shutil.which("bandit", path=str(BIN)) or shutil.which("bandit")
    if bandit is None:
        raise SystemExit("bench/inventory.py: bandit is not installed "
                         "(pip install -e '.[bench]')")
    with tempfile.TemporaryDirectory(prefix="opsctl-inventory-bench-") as tmp:
        tree = Path(tmp) / "tree"
        tree.mkdir()
        shape = build_tree(args.source, tree, args.min_scripts)
        out = Path(tmp) / "inventory.json"
        scan = [str(BIN / "opsctl"), "inventory", "scan", str(tree), "--format", "json",
                "--out", str(out), "--no-git"]
        runs: dict[str, list[dict[str, float]]] = {"opsctl": [], "opsctl_one_job": [],
                                                   "bandit": []}
        # the scan as a user runs it (a worker per CPU on a tree this size), and in one process
        commands = {"opsctl": scan, "opsctl_one_job": [*scan, "--jobs", "1"],
                    "bandit": [bandit, "-r", str(tree), "-f", "json", "-o", os.devnull, "-q"]}
        if args.git:
            subprocess.run(["git", "init", "-q", str(tree)], check=True)
            subprocess.run(["git", "-C", str(tree), "add", "-A"], check=True)
            subprocess.run(["git", "-C", str(tree), "-c", "user.name=bench", "-c",
                            "user.email=bench@example.com", "commit", "-qm", "tree"], check=True)
            commands["opsctl_git"] = [part for part in scan if part != "--no-git"]
            runs["opsctl_git"] = []
        timed(commands["opsctl"])  # warm the page cache and bytecode for both
        timed(commands["bandit"])
        for _ in range(args.repeat):
            for name, argv in commands.items():
                runs[name].append(timed(argv))
        document = json.loads(out.read_text())
    figures = {name: summary(samples) for name, samples in runs.items()}
    ratio = figures["opsctl"]["s"] / figures["bandit"]["s"]
    one_job = figures["opsctl_one_job"]["s"] / figures["bandit"]["s"]
    cpu_ratio = figures["opsctl"]["cpu_s"] / figures["bandit"]["cpu_s"]
    result: dict[str, Any] = {
        "benchmark": "inventory_scan_vs_bandit",
        "machine": {"python": platform.python_version(), "cpus": default_jobs(),
                    "load_avg": [round(x, 2) for x in os.getloadavg()]},
        "tree": shape | {"scanned_scripts": len(document["scripts"]),
                         "libraries": len(document["libraries"]),
                         "errors": len(document["errors"])},
        "repeat": args.repeat,
        "figures": figures,
        "per_script_ms": {name: round(1000 * f["s"] / shape["scripts"], 3)
                          for name, f in figures.items()},
        "ratio_opsctl_vs_bandit": round(ratio, 3),
        # the same scan in one process, and the CPU time of the default scan (workers included)
        "ratio_one_job_vs_bandit": round(one_job, 3),
        "cpu_ratio_opsctl_vs_bandit": round(cpu_ratio, 3),
        "targets": {"opsctl_vs_bandit_max": 1.0},
        "targets_met": ratio <= 1.0,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
