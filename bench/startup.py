"""Start-up benchmark for the ``opsctl`` console script: whole processes, interleaved.

Every case is a fresh process started with :mod:`subprocess`; one round runs every case once, in
the same order, so slow drift of the machine (other load, CPU frequency, page cache) hits every
case alike. The reported ratios compare medians measured in the same run, which is what makes
them comparable across machines. Stdlib only::

    python bench/startup.py                 # 30 rounds
    python bench/startup.py --rounds 20 --keep   # keep the temp projects for inspection

Targets (a CI step calls opsctl several times, so start-up is a product requirement):

* ``opsctl --help`` and ``opsctl list`` (warm catalog cache) no slower than a hello-world click
  app's ``--help``;
* ``opsctl plan trivial`` (validate, plan, record the run in SQLite, print) at most 12x
  ``python -c pass``;
* ``opsctl runs`` and ``opsctl show RUN`` (a store holding a few runs) at most 1.5x
  ``opsctl list``.

``rows`` in the output puts each of these beside its floor (``python -c pass``, ``opsctl list``)
from the same run, with the ratio of the medians and the goal; a reference row shows what a
plain script importing click and pydantic and building a one-field model costs (no goal).

The script prints one JSON object on stdout and exits 0 whether or not the targets are met: it is
a measurement, not a test. It exits 1 only if a case cannot run at all (wrong exit code).
"""

from __future__ import annotations

import argparse
import json
import math
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

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
OPSCTL = str(Path(sys.executable).parent / "opsctl")
EXAMPLE_MODULES = ["examples.release_tag", "examples.cleanup_files", "examples.cleanup_ebs"]
TARGET_PLAN_VS_BARE = 12.0
TARGET_READ_VS_LIST = 1.5
SEEDED_RUNS = 3  # applies of the trivial automation, so runs/show read a store with runs

HELLO_CLICK = '''\
import click


@click.group()
def cli():
    """A hello-world click app."""


@cli.command()
@click.option("--name", default="world", help="Who to greet.")
def hello(name):
    """Say hello."""
    click.echo(f"hello {name}")


if __name__ == "__main__":
    cli()
'''

# What any CLI pays that validates a request with pydantic and parses flags with click: the
# libraries a trivial plan cannot do without, imported the way a plain script does.
LIBRARY_FLOOR = '''\
import click
from pydantic import BaseModel, Field


class Request(BaseModel):
    subject: str = Field(default="world", description="What the action is about")


click.echo(Request(subject="bench").subject)
'''

TRIVIAL_AUTOMATION = '''\
"""A trivial automation: one str field, one planned action, an apply that does nothing."""

from pydantic import BaseModel, Field

from opsctl import Action, Automation


class Request(BaseModel):
    subject: str = Field(default="world", description="What the action is about")


automation = Automation(
    "{name}", version="1.0.0", owner="bench", summary="Trivial benchmark automation",
    request=Request, effect="mutate",
)


@automation.plan
def plan(ctx, req):
    yield Action(id="noop", kind="run", target=req.subject, reason="benchmark")


@automation.apply
def apply(ctx, req, action):
    return None
'''


# Python switches that change what start-up costs; PYTHONDONTWRITEBYTECODE in particular would
# make every run of the temp automations compile them from source.
DROPPED_PYTHON_VARS = ("PYTHONPROFILEIMPORTTIME", "PYTHONDONTWRITEBYTECODE", "PYTHONDEVMODE",
                       "PYTHONTRACEMALLOC", "PYTHONINSPECT", "PYTHONSTARTUP", "PYTHONWARNINGS",
                       "PYTHONVERBOSE")


def clean_env(home: Path) -> dict[str, str]:
    """The caller's environment without OPSCTL_* settings or Python switches that skew timing."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("OPSCTL_") and k not in DROPPED_PYTHON_VARS}
    env["HOME"] = str(home)
    env["XDG_CONFIG_HOME"] = str(home / ".config")
    env.pop("AWS_ENDPOINT_URL", None)
    return env


def write_project(root: Path, modules: list[str], python_path: list[str]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "opsctl.toml").write_text(
        f"automations = {json.dumps(modules)}\npython_path = {json.dumps(python_path)}\n")


def run_once(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[bytes]]:
    """Wall time in ms of one whole process; stdout is piped (not a terminal) and drained."""
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, stdin=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000.0, proc


def check(name: str, proc: subprocess.CompletedProcess[bytes], codes: tuple[int, ...],
          must_contain: str | None = None) -> None:
    out = proc.stdout.decode(errors="replace")
    if proc.returncode not in codes or (must_contain is not None and must_contain not in out):
        sys.stderr.write(f"bench: case {name!r} failed: exit {proc.returncode} (expected {codes})"
                         f"{'' if must_contain is None else f', looking for {must_contain!r}'}\n"
                         f"--- stdout\n{out}\n--- stderr\n{proc.stderr.decode(errors='replace')}\n")
        raise SystemExit(1)


def examples_available(env: dict[str, str], tmp: Path) -> tuple[bool, str]:
    """Do the repository's example automations exist and register cleanly?"""
    missing = [m for m in EXAMPLE_MODULES if not (REPO / (m.replace(".", "/") + ".py")).is_file()]
    if missing:
        return False, f"missing modules: {', '.join(missing)}"
    probe = tmp / "probe"
    write_project(probe, EXAMPLE_MODULES, [str(REPO)])
    proc = subprocess.run([OPSCTL, "list", "--format", "json"], cwd=probe, env=env,
                          capture_output=True, text=True)
    try:
        data = json.loads(proc.stdout)
    except ValueError:
        return False, f"`opsctl list` exited {proc.returncode} without JSON: {proc.stderr.strip()[-300:]}"
    if proc.returncode != 0 or data.get("problems") or len(data.get("automations", [])) < 3:
        return False, (f"`opsctl list` exited {proc.returncode}, automations="
                       f"{[a['name'] for a in data.get('automations', [])]}, problems={data.get('problems')}")
    return True, "ok"


def summarize(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p90 = ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]  # nearest rank
    return {"median_ms": round(statistics.median(ordered), 2), "p90_ms": round(p90, 2),
            "min_ms": round(ordered[0], 2), "max_ms": round(ordered[-1], 2)}


def manifest_mtimes(*projects: Path) -> dict[str, int]:
    """mtimes of the catalog manifests (STATE_DIR/catalog.*: the file name and format change)."""
    return {str(p): p.stat().st_mtime_ns for proj in projects
            for p in sorted((proj / ".opsctl").glob("catalog.*")) if ".tmp" not in p.name}


def _row(case: str, floor: str, goal: float | None,
         stats: dict[str, dict[str, float]]) -> dict[str, Any]:
    """One case beside its floor from the same run: both medians, their ratio and the goal
    (None for a reference row, such as what the libraries alone cost)."""
    ratio = stats[case]["median_ms"] / stats[floor]["median_ms"]
    return {"case": case, "median_ms": stats[case]["median_ms"], "floor": floor,
            "floor_median_ms": stats[floor]["median_ms"], "ratio": round(ratio, 2),
            "goal": goal, "met": None if goal is None else ratio <= goal}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=30, help="rounds of every case (default 30)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects")
    args = parser.parse_args()
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    if not os.access(OPSCTL, os.X_OK):
        sys.stderr.write(f"bench: no opsctl console script next to {PYTHON}\n")
        return 1

    tmp = Path(tempfile.mkdtemp(prefix="opsctl-bench-"))
    try:
        home = tmp / "home"
        home.mkdir()
        env = clean_env(home)

        (tmp / "hello_click.py").write_text(HELLO_CLICK)
        (tmp / "library_floor.py").write_text(LIBRARY_FLOOR)

        use_examples, why = examples_available(env, tmp)
        list_proj = tmp / "listproj"
        if use_examples:
            write_project(list_proj, EXAMPLE_MODULES, [str(REPO)])
            registered = {"source": "examples", "modules": EXAMPLE_MODULES}
        else:
            modules = ["bench_trivial_a", "bench_trivial_b", "bench_trivial_c"]
            list_proj.mkdir()
            for mod, name in zip(modules, ["trivial-a", "trivial-b", "trivial-c"], strict=True):
                (list_proj / f"{mod}.py").write_text(TRIVIAL_AUTOMATION.replace("{name}", name))
            write_project(list_proj, modules, ["."])
            registered = {"source": "fallback-trivial-x3", "modules": modules,
                          "why_not_examples": why}
        registered["catalog_names"] = []

        plan_proj = tmp / "planproj"
        plan_proj.mkdir()
        (plan_proj / "bench_trivial.py").write_text(TRIVIAL_AUTOMATION.replace("{name}", "trivial"))
        write_project(plan_proj, ["bench_trivial"], ["."])

        # The first call builds the catalog manifest (STATE_DIR/catalog.*), importing pydantic and
        # every automation: time it on its own, it is what the first CI step after a change pays.
        # The second call should then be warm; whether it rebuilt the manifest is reported too.
        cold: dict[str, Any] = {}
        ms, proc = run_once([OPSCTL, "list", "--format", "json"], list_proj, env)
        check("cold list", proc, (0,))
        cold["list_first_call_ms"] = round(ms, 2)
        registered["catalog_names"] = [a["name"] for a in json.loads(proc.stdout)["automations"]]
        first = registered["catalog_names"][0] if registered["catalog_names"] else None
        built = manifest_mtimes(list_proj)
        ms, proc = run_once([OPSCTL, "list", "--format", "json"], list_proj, env)
        check("second list", proc, (0,))
        cold["list_second_call_ms"] = round(ms, 2)
        cold["list_second_call_rebuilt_manifest"] = manifest_mtimes(list_proj) != built

        ms, proc = run_once([OPSCTL, "plan", "trivial", "--format", "json"], plan_proj, env)
        check("cold plan", proc, (10,), '"changes_planned"')
        cold["plan_first_call_ms"] = round(ms, 2)
        built = manifest_mtimes(plan_proj)
        ms, proc = run_once([OPSCTL, "plan", "trivial", "--format", "json"], plan_proj, env)
        check("second plan", proc, (10,), '"changes_planned"')
        cold["plan_second_call_ms"] = round(ms, 2)
        cold["plan_second_call_rebuilt_manifest"] = manifest_mtimes(plan_proj) != built
        for index in range(SEEDED_RUNS):
            ms, proc = run_once([OPSCTL, "trivial", "--subject", f"seed-{index}", "--format", "json"],
                                plan_proj, env)
            check("seed run", proc, (0,), '"succeeded"')
        run_id = json.loads(proc.stdout)["run_id"]
        cold["note"] = ("first call in a fresh project: builds the catalog manifest, creates the "
                        "SQLite store and the plan key, compiles the automation's bytecode")

        cases: list[tuple[str, list[str], Path, tuple[int, ...], str | None]] = [
            ("python -c pass", [PYTHON, "-c", "pass"], tmp, (0,), None),
            ("click hello --help", [PYTHON, str(tmp / "hello_click.py"), "--help"], tmp, (0,), "hello"),
            ("click + pydantic model (library floor)", [PYTHON, str(tmp / "library_floor.py")], tmp,
             (0,), "bench"),
            ("opsctl --help", [OPSCTL, "--help"], list_proj, (0,), first),
            ("opsctl list", [OPSCTL, "list"], list_proj, (0,), first),
            ("opsctl plan trivial --format json", [OPSCTL, "plan", "trivial", "--format", "json"],
             plan_proj, (10,), '"changes_planned"'),
            ("opsctl plan trivial (text, piped)", [OPSCTL, "plan", "trivial"], plan_proj, (10,),
             "changes_planned"),
            ("opsctl runs", [OPSCTL, "runs"], plan_proj, (0,), "trivial"),
            ("opsctl show RUN", [OPSCTL, "show", run_id], plan_proj, (0,), run_id),
        ]
        # One untimed warm-up round: checks every case works, warms the page cache and bytecode.
        for name, argv, cwd, codes, needle in cases:
            check(name, run_once(argv, cwd, env)[1], codes, needle)
        before = manifest_mtimes(list_proj, plan_proj)

        samples: dict[str, list[float]] = {name: [] for name, *_ in cases}
        for _ in range(args.rounds):
            for name, argv, cwd, codes, _needle in cases:
                ms, proc = run_once(argv, cwd, env)
                check(name, proc, codes)
                samples[name].append(ms)
        cache_stable = bool(before) and before == manifest_mtimes(list_proj, plan_proj)

        stats = {name: summarize(values) for name, values in samples.items()}
        bare = stats["python -c pass"]["median_ms"]
        click_help = stats["click hello --help"]["median_ms"]
        for s in stats.values():
            s["ratio_to_bare"] = round(s["median_ms"] / bare, 2)
            s["ratio_to_click_help"] = round(s["median_ms"] / click_help, 2)

        help_vs_click = stats["opsctl --help"]["median_ms"] / click_help
        list_vs_click = stats["opsctl list"]["median_ms"] / click_help
        plan_vs_bare = max(stats["opsctl plan trivial --format json"]["median_ms"],
                           stats["opsctl plan trivial (text, piped)"]["median_ms"]) / bare
        rows = [
            _row("opsctl runs", "opsctl list", TARGET_READ_VS_LIST, stats),
            _row("opsctl show RUN", "opsctl list", TARGET_READ_VS_LIST, stats),
            _row("opsctl plan trivial --format json", "python -c pass", TARGET_PLAN_VS_BARE, stats),
            _row("opsctl plan trivial (text, piped)", "python -c pass", TARGET_PLAN_VS_BARE, stats),
            _row("click + pydantic model (library floor)", "python -c pass", None, stats),
        ]
        result = {
            "machine": {
                "python": platform.python_version(),
                "implementation": platform.python_implementation(),
                "executable": PYTHON,
                "platform": platform.platform(),
                "cpu_count": os.cpu_count(),
                "load_avg_1m": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
            },
            "rounds": args.rounds,
            "env_removed": sorted(k for k in os.environ
                                  if k.startswith("OPSCTL_") or k in DROPPED_PYTHON_VARS),
            "registered_for_list": registered,
            "cold": cold,
            "catalog_cache_stable_during_timing": cache_stable,
            "cases": stats,
            "rows": rows,
            "targets": {
                "help_vs_click": round(help_vs_click, 2),
                "help_vs_click <= 1.0": help_vs_click <= 1.0,
                "list_vs_click": round(list_vs_click, 2),
                "list_vs_click <= 1.0": list_vs_click <= 1.0,
                "plan_vs_bare": round(plan_vs_bare, 2),
                f"plan_vs_bare <= {TARGET_PLAN_VS_BARE:g}": plan_vs_bare <= TARGET_PLAN_VS_BARE,
                "note": "plan_vs_bare uses the slower of the JSON and the piped-text plan cases",
            },
        }
        if args.keep:
            result["kept_temp_dir"] = str(tmp)
        json.dump(result, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
