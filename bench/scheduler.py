"""`opsctl scheduler` with 1,000 schedules in one store: its CPU per minute and the lateness of
fires (actual minus scheduled time, p50/p99/max), beside an idle scheduler and a single
schedule measured in the same run. Prints one JSON document.

    .venv/bin/python bench/scheduler.py                          # 2 minutes a case, SQLite
    .venv/bin/python bench/scheduler.py --minutes 3 --postgres postgresql://127.0.0.1:5432/test
    .venv/bin/python bench/scheduler.py --cases idle,one --minutes 1        # smoke
    .venv/bin/python bench/scheduler.py --profile-tick           # cProfile of one 1,000-fire tick

Each case is one real `opsctl scheduler` process in its own temp project (a trivial automation
whose plan yields one action and whose apply does nothing), its schedules stored as
`opsctl schedule add` stores them, all ``concurrency = "allow"`` in UTC:

* ``idle``: no schedule (the CPU of the loop itself);
* ``one``: one schedule ``* * * * * *`` (every second: the lateness floor, 60 samples a minute);
* ``per_minute``: N schedules ``* * * * *``: N fires at the top of every minute (worst case);
* ``spread``: N schedules ``S * * * * *``, S = i mod 60: the same N fires a minute, N/60 a
  second.

The window starts half a second before a minute boundary and lasts ``--minutes`` whole
minutes, so a per-minute case has exactly that many bursts in it. Lateness is read from the
store afterwards for every slot in the window: ``fired`` (the fire's ``schedule.fired`` audit
event, committed with or after its queued run: the target's figure), ``queued`` (when the
run's row was made: its id's ULID milliseconds), ``decided`` (``schedule_fires.at``: the clock
reading of the tick that claimed the slot), ``started`` (``runs.started_at``: when a pool
thread claimed the run) and ``finished``. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

OPSCTL = str(Path(sys.executable).parent / "opsctl")
TARGET_P99_S = 1.0  # p99 lateness of fires with 1,000 schedules
CASES = ("idle", "one", "per_minute", "spread")
WARMUP_S = 10.0  # at least this long between the scheduler's start and the window

AUTOMATION = '''
from pydantic import BaseModel
from opsctl import Action, Automation


class Request(BaseModel):
    tag: str = "t"


# lock_scope: each schedule's runs lock their own target (without it every run of the
# automation would wait for one lock, and the pool would carry out one run at a time)
tick = Automation("tick", version="1.0.0", owner="bench", summary="One no-op action",
                  request=Request, lock_scope=("tag",))


@tick.plan
def plan(ctx, req):
    yield Action(id="noop", kind="update", target=req.tag, reason="scheduled")


@tick.apply
def apply(ctx, req, action):
    return None
'''


# -- measurements ---------------------------------------------------------------------------

TICK_S = 1 / os.sysconf("SC_CLK_TCK")


def cpu_ticks(pid: int, thread: int | None = None) -> int:
    """User + system CPU time of process ``pid`` (all its threads), or of one of its threads,
    in clock ticks."""
    path = f"/proc/{pid}/task/{thread}/stat" if thread else f"/proc/{pid}/stat"
    fields = Path(path).read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def machine_ticks() -> tuple[int, int]:
    """(busy, total) clock ticks of all CPUs since boot (busy: not idle, not iowait)."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    total = sum(values[:8])
    return total - values[3] - values[4], total


def pct(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def summary(values: list[float]) -> dict[str, Any]:
    def r(v: float | None) -> float | None:
        return None if v is None else round(v, 3)

    return {"n": len(values), "p50": r(pct(values, 50)), "p99": r(pct(values, 99)),
            "max": r(max(values) if values else None)}


def ulid_time(run_id: str) -> datetime:
    """When a run was recorded: the milliseconds in its ULID (``run_<ULID>``)."""
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    value = 0
    for ch in run_id.removeprefix("run_")[:10]:
        value = value * 32 + alphabet.index(ch)
    return datetime.fromtimestamp(value / 1000, UTC)


def when(text: Any) -> datetime:
    moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# -- projects -------------------------------------------------------------------------------

def clean_env(home: Path, store_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("OPSCTL_") and k not in ("PYTHONPROFILEIMPORTTIME",
                                                          "PYTHONDONTWRITEBYTECODE")}
    env["HOME"] = str(home)
    env["XDG_CONFIG_HOME"] = str(home / ".config")
    if store_url:
        env["OPSCTL_STORE_URL"] = store_url
    return env


def postgres_schema(url: str, name: str) -> str:
    from urllib.parse import quote

    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        conn.execute(f"CREATE SCHEMA {name}")
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-csearch_path={name}')}"


def drop_schema(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")


def crons(case: str, count: int) -> list[str]:
    if case == "idle":
        return []
    if case == "one":
        return ["* * * * * *"]
    if case == "per_minute":
        return ["* * * * *"] * count
    return [f"{i % 60} * * * * *" for i in range(count)]


class Project:
    def __init__(self, root: Path, store_url: str | None, workers: int | None) -> None:
        self.root = root
        root.mkdir()
        (root / ".home").mkdir()
        (root / "tick_bench.py").write_text(textwrap.dedent(AUTOMATION))
        server = f"[server]\nworkers = {workers}\n" if workers else ""
        (root / "opsctl.toml").write_text('automations = ["tick_bench"]\npython_path = ["."]\n'
                                          + server)
        self.env = clean_env(root / ".home", store_url)

    def session(self) -> Any:
        from opsctl.engine.session import open_session

        log = (self.root / "bench.log").open("a")
        session = open_session(env=self.env, cwd=self.root, log_stream=log)
        session.store.migrate()
        return session

    def add_schedules(self, expressions: list[str]) -> float:
        """Store the schedules as `opsctl schedule add` does (checked, stored, audited);
        seconds taken."""
        from opsctl.schedule import store as sched_store
        from opsctl.schedule.model import check_target, parse_schedule
        from opsctl.store.audit import append_event

        began = time.perf_counter()
        session = self.session()
        try:
            for i, expression in enumerate(expressions):
                name = f"s{i:04d}"
                schedule = parse_schedule({"name": name, "automation": "tick",
                                           "cron": expression, "timezone": "UTC",
                                           "request": {"tag": name}, "concurrency": "allow"},
                                          where=name, source="cli")
                if i == 0:
                    check_target(session, schedule)
                sched_store.save_schedule(session.store, schedule, now=datetime.now(UTC))
                append_event(session.store, "schedule.added", actor=session.actor,
                             payload={"schedule": name, **schedule.definition()})
        finally:
            session.close()
        return time.perf_counter() - began

    def from_now(self) -> None:
        """Every schedule goes on from now (as `opsctl schedule resume` does): the slots since
        they were stored are not made up for when the scheduler starts."""
        session = self.session()
        try:
            store = session.store
            with store.transaction():
                store._execute("UPDATE schedules SET last_slot = ?",
                               (datetime.now(UTC).isoformat(),))
        finally:
            session.close()

    def rows(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        session = self.session()
        try:
            return list(session.store._rows(sql, params))
        finally:
            session.close()


# -- one case -------------------------------------------------------------------------------

def wait_ready(proc: subprocess.Popen[bytes], log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"opsctl scheduler exited {proc.returncode}: "
                             f"{log.read_text()[-2000:]}")
        if "firing" in log.read_text(errors="replace"):
            return
        time.sleep(0.1)
    raise SystemExit(f"opsctl scheduler did not start: {log.read_text()[-2000:]}")


def sleep_until(moment: datetime) -> None:
    while True:
        left = (moment - datetime.now(UTC)).total_seconds()
        if left <= 0:
            return
        time.sleep(min(left, 1.0))


FIRES_SQL = ("SELECT f.slot, f.outcome, f.at, f.run_id, r.status, r.started_at, r.finished_at, "
             "(SELECT a.at FROM audit_events a WHERE a.run_id = f.run_id AND "
             "a.kind = 'schedule.fired') AS fired_at "
             "FROM schedule_fires f LEFT JOIN runs r ON r.id = f.run_id "
             "WHERE f.slot >= ? AND f.slot < ?")


def run_case(case: str, tmp: Path, args: argparse.Namespace) -> dict[str, Any]:
    from opsctl.schedule.store import slot_key

    schema = f"bench_sched_{uuid.uuid4().hex[:10]}" if args.postgres else None
    store_url = postgres_schema(args.postgres, schema) if args.postgres and schema else None
    try:
        project = Project(tmp / case, store_url, args.workers)
        expressions = crons(case, args.schedules)
        setup_s = project.add_schedules(expressions)
        project.from_now()
        log = project.root / "scheduler.log"
        with log.open("wb") as err:
            proc = subprocess.Popen([OPSCTL, "scheduler", "--log-format", "json"],
                                    cwd=project.root, env=project.env,
                                    stdout=subprocess.DEVNULL, stderr=err)
        try:
            wait_ready(proc, log)
            ready = datetime.now(UTC)
            first = (ready + timedelta(seconds=WARMUP_S + 0.5)).replace(second=0, microsecond=0)
            first += timedelta(minutes=1)  # the first whole minute at least WARMUP_S away
            last = first + timedelta(minutes=args.minutes)
            window = (first - timedelta(seconds=0.5), last - timedelta(seconds=0.5))
            sleep_until(window[0])
            load0 = os.getloadavg()
            cpu0, loop0 = cpu_ticks(proc.pid), cpu_ticks(proc.pid, proc.pid)
            (busy0, total0), t0 = machine_ticks(), time.monotonic()
            sleep_until(window[1])
            cpu1, loop1 = cpu_ticks(proc.pid), cpu_ticks(proc.pid, proc.pid)
            (busy1, total1), t1 = machine_ticks(), time.monotonic()
            load1 = os.getloadavg()
            expected = len(expressions) * args.minutes * (60 if case == "one" else 1)
            bounds = (slot_key(first), slot_key(last))
            backlog_at_end = expected - len(project.rows(FIRES_SQL, bounds))
            drain_deadline = time.monotonic() + args.drain
            while time.monotonic() < drain_deadline:  # the window's fires and their runs
                rows = project.rows(FIRES_SQL, bounds)
                if len(rows) >= expected and not any(r["status"] in ("queued", "running")
                                                     for r in rows):
                    break
                time.sleep(1.0)
            drained_s = time.monotonic() - t1
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                code = proc.wait(timeout=120)
            except subprocess.TimeoutExpired:
                proc.kill()
                code = proc.wait()
        rows = project.rows(FIRES_SQL, bounds)
    finally:
        if args.postgres and schema and not args.keep:
            drop_schema(args.postgres, schema)

    lateness: dict[str, list[float]] = {"fired": [], "queued": [], "decided": [],
                                        "started": [], "finished": []}
    outcomes: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    for row in rows:
        slot = when(row["slot"])
        outcomes[str(row["outcome"])] += 1
        lateness["decided"].append((when(row["at"]) - slot).total_seconds())
        if not row["run_id"]:
            continue
        statuses[str(row["status"])] += 1
        lateness["queued"].append((ulid_time(str(row["run_id"])) - slot).total_seconds())
        if row["fired_at"]:
            lateness["fired"].append((when(row["fired_at"]) - slot).total_seconds())
        if row["status"] not in (None, "queued"):
            lateness["started"].append((when(row["started_at"]) - slot).total_seconds())
        if row["finished_at"]:
            lateness["finished"].append((when(row["finished_at"]) - slot).total_seconds())
    text = log.read_text(errors="replace")
    errors = [line for line in text.splitlines() if '"level": "error"' in line]
    wall = t1 - t0
    cpu_s = (cpu1 - cpu0) * TICK_S
    loop_s = (loop1 - loop0) * TICK_S
    busy_cores = (busy1 - busy0) / max(1, total1 - total0) * (os.cpu_count() or 1)
    fired = outcomes.get("fired", 0)
    return {
        "schedules": len(expressions), "cron": expressions[0] if expressions else None,
        "setup_s": round(setup_s, 1),
        "window": {"start": window[0].isoformat(), "minutes": args.minutes,
                   "wall_s": round(wall, 1)},
        "scheduler_cpu_s": round(cpu_s, 2),
        "cpu_s_per_min": round(cpu_s / wall * 60, 2),
        "cpu_pct_of_one_core": round(cpu_s / wall * 100, 1),
        "loop_cpu_s_per_min": round(loop_s / wall * 60, 2),
        "runs_cpu_s_per_min": round((cpu_s - loop_s) / wall * 60, 2),
        "slots_expected": expected, "fires": dict(outcomes),
        "fires_per_min": round(fired / args.minutes, 1),
        "fires_missing_at_window_end": backlog_at_end,
        "drain_s": round(drained_s, 1),
        "run_statuses": dict(statuses),
        "lateness_s": {k: summary(v) for k, v in lateness.items()},
        "machine": {"loadavg_start": [round(x, 2) for x in load0],
                    "loadavg_end": [round(x, 2) for x in load1],
                    "busy_cores": round(busy_cores, 2),
                    "others_busy_cores": round(busy_cores - cpu_s / wall, 2)},
        "scheduler_exit": code,
        "log_errors": len(errors), **({"first_log_error": errors[0][:500]} if errors else {}),
        **({"project": str(project.root)} if args.keep else {}),
    }


# -- profile of one tick --------------------------------------------------------------------

def profile_tick(tmp: Path, args: argparse.Namespace) -> dict[str, Any]:
    """One tick of an in-process Scheduler with N per-minute schedules all due (one slot
    each), under cProfile (the main thread: the pool's runs are not in the profile)."""
    import cProfile
    import io
    import pstats

    from opsctl.schedule.scheduler import Scheduler

    schema = f"bench_sched_{uuid.uuid4().hex[:10]}" if args.postgres else None
    store_url = postgres_schema(args.postgres, schema) if args.postgres and schema else None
    try:
        project = Project(tmp / "profile", store_url, args.workers)
        project.add_schedules(crons("per_minute", args.schedules))
        now = datetime.now(UTC)
        boundary = now.replace(second=0, microsecond=0)
        session = project.session()
        try:
            store = session.store
            with store.transaction():  # exactly one slot due: the minute that began last
                store._execute("UPDATE schedules SET last_slot = ?",
                               ((boundary - timedelta(seconds=1)).isoformat(),))
            scheduler = Scheduler(session)
            scheduler.start()
            profiler = cProfile.Profile()
            began = time.perf_counter()
            profiler.enable()
            fired = scheduler.tick()
            profiler.disable()
            tick_s = time.perf_counter() - began
            scheduler.runtime._pool.shutdown(wait=True)
            drained_s = time.perf_counter() - began
            scheduler.close()
        finally:
            session.close()
    finally:
        if args.postgres and schema and not args.keep:
            drop_schema(args.postgres, schema)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)
    print(out.getvalue(), file=sys.stderr)
    return {"fired": fired, "tick_s": round(tick_s, 3),
            "ms_per_fire": round(tick_s * 1000 / max(1, fired), 3),
            "runs_finished_after_s": round(drained_s, 3),
            "late_by_at_tick_s": round((now - boundary).total_seconds(), 3)}


# -- main -----------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, default=2,
                        help="measured whole minutes per case (default 2)")
    parser.add_argument("--schedules", type=int, default=1000,
                        help="schedules of the per_minute and spread cases (default 1000)")
    parser.add_argument("--cases", default=",".join(CASES),
                        help=f"comma-separated, in order (default {','.join(CASES)})")
    parser.add_argument("--workers", type=int, default=None,
                        help="[server] workers of the scheduler's pool (default: opsctl's, 4)")
    parser.add_argument("--drain", type=float, default=60.0,
                        help="seconds to wait after the window for its fires' runs (default 60)")
    parser.add_argument("--postgres", metavar="URL", default=None,
                        help="a PostgreSQL store (a fresh schema a case) instead of SQLite")
    parser.add_argument("--profile-tick", action="store_true",
                        help="only profile one tick with --schedules due (profile on stderr)")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (and schemas)")
    args = parser.parse_args()
    cases = [c.strip() for c in args.cases.split(",") if c.strip()]
    unknown = sorted(set(cases) - set(CASES))
    if unknown:
        parser.error(f"unknown case(s) {', '.join(unknown)} (known: {', '.join(CASES)})")
    out: dict[str, Any] = {
        "benchmark": "scheduler", "python": platform.python_version(),
        "cpus": os.cpu_count(), "store": "postgresql" if args.postgres else "sqlite",
        "minutes": args.minutes, "schedules": args.schedules,
        "workers": args.workers or 4,
        "loadavg_start": [round(x, 2) for x in os.getloadavg()],
    }
    tmp = Path(tempfile.mkdtemp(prefix="opsctl-bench-scheduler-"))
    try:
        if args.profile_tick:
            out["profile_tick"] = profile_tick(tmp, args)
        else:
            results: dict[str, Any] = {}
            for case in cases:
                print(f"bench: {case} ...", file=sys.stderr, flush=True)
                results[case] = run_case(case, tmp, args)
            out["cases"] = results
            out.update(derived(results))
    finally:
        out["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
        if args.keep:
            out["tmp"] = str(tmp)
        else:
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(out, indent=2))
    return 0


def derived(results: dict[str, Any]) -> dict[str, Any]:
    """The figures against their baselines, and the target."""
    out: dict[str, Any] = {"vs_baselines": {}, "targets_met": {}}
    idle = results.get("idle")
    one = results.get("one")
    for case in ("per_minute", "spread"):
        res = results.get(case)
        if res is None:
            continue
        p99 = res["lateness_s"]["fired"]["p99"]
        missing = res["slots_expected"] - res["fires"].get("fired", 0)
        cmp: dict[str, Any] = {}
        if idle is not None:
            extra = res["cpu_s_per_min"] - idle["cpu_s_per_min"]
            loop = res["loop_cpu_s_per_min"] - idle["loop_cpu_s_per_min"]
            cmp["cpu_s_per_min_over_idle"] = round(extra, 2)
            if res["fires_per_min"]:
                cmp["cpu_ms_per_fire_over_idle"] = round(extra * 1000 / res["fires_per_min"], 2)
                cmp["loop_cpu_ms_per_fire_over_idle"] = round(
                    loop * 1000 / res["fires_per_min"], 2)
        if one is not None and one["lateness_s"]["fired"]["p99"] is not None and p99:
            cmp["fired_p99_vs_one"] = round(p99 / max(one["lateness_s"]["fired"]["p99"],
                                                      1e-3), 1)
        out["vs_baselines"][case] = cmp
        out["targets_met"][f"{case}_fired_p99_under_1s"] = (
            p99 is not None and p99 < TARGET_P99_S and missing == 0)
    return out


if __name__ == "__main__":
    sys.exit(main())
