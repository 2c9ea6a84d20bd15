"""The celery executor against baselines measured in the same run: a fanned-out run on 2 workers
beside 1 worker, the per-action cost of the celery path beside a bare Celery task round trip,
and the time from a worker's SIGKILL to its run's completion by another worker beside lock_ttl.
Prints one JSON document with every figure, its baseline, the ratios and ``targets_met``.

    .venv/bin/python bench/celery_fanout.py                     # defaults: about 4 min
    .venv/bin/python bench/celery_fanout.py --broker rabbitmq --repeat 5
    .venv/bin/python bench/celery_fanout.py --only scaling --journal-mode group

Workers are real processes on this machine: `opsctl worker`s (Celery, threads pool) on a
fresh PostgreSQL schema and queues of their own, and a bare Celery app with a no-op task under
`celery worker` with the same settings. Runs are queued from this process as the CLI and the
API queue them (``queue_for_celery``), and again from `opsctl apply ... --executor celery` for
the CLI's wall time. See bench/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import platform
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

BIN = Path(sys.executable).parent
OPSCTL = str(BIN / "opsctl")
BROKERS = {"redis": "redis://127.0.0.1:6379/0",
           "rabbitmq": "amqp://guest:guest@127.0.0.1:5672//"}
POSTGRES = "postgresql://127.0.0.1:5432/test"
TARGET_SCALING = 1.8    # 2 workers at least 1.8x faster than 1 worker
TARGET_OVERHEAD = 2.0   # per action at most 2x a bare Celery task round trip

AUTOMATION = '''
import time

from pydantic import BaseModel, Field

from opsctl import Action, Automation


class Request(BaseModel):
    batch: str = Field(description="names the actions and the lock scope")
    count: int = Field(default=2000, description="actions")
    sleep_ms: int = Field(default=20, description="I/O wait of each action (a sleep)")


bench_io = Automation("bench-io", version="1.0.0", owner="bench", summary="sleep per action",
                      request=Request, lock_scope=["batch"], retry={"attempts": 1})


@bench_io.plan
def plan(ctx, req):
    for i in range(req.count):
        yield Action(id=f"{req.batch}-{i:06d}", kind="update", target=f"t{i}", reason="bench")


@bench_io.apply
def apply(ctx, req, action):
    if req.sleep_ms:
        time.sleep(req.sleep_ms / 1000)  # the remote call; nothing shared is written
'''

BARE_APP = '''
"""The baseline: a Celery app with the settings of opsctl's (dispatch/celery_app.py) and one
task that records its completion with one Redis INCR."""
import os

import redis
from celery import Celery

app = Celery("bare", broker=os.environ["BENCH_BROKER_URL"], set_as_current=False)
app.conf.update(
    task_acks_late=False, task_reject_on_worker_lost=False, worker_prefetch_multiplier=1,
    task_ignore_result=True, task_serializer="json", accept_content=["json"],
    task_time_limit=None, task_soft_time_limit=None, broker_connection_retry_on_startup=True,
    worker_hijack_root_logger=False, worker_redirect_stdouts=False,
    worker_send_task_events=False, broker_transport_options={"visibility_timeout": 43200},
)
counter = redis.Redis.from_url(os.environ["BENCH_COUNTER_URL"])


@app.task(name="bare.noop", ignore_result=True)
def noop(key):
    counter.incr(key)
'''


# -- helpers ------------------------------------------------------------------------------------

def median(values: list[float]) -> float | None:
    return round(statistics.median(values), 4) if values else None


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a is not None and b else None


def ulid_ms(run_id: str) -> int:
    """The creation time (ms since the epoch) in a ``run_<ULID>`` id: when it was queued."""
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    value = 0
    for ch in run_id.removeprefix("run_")[:10]:
        value = value * 32 + alphabet.index(ch)
    return value


def ts(text: str | None) -> float | None:
    return datetime.fromisoformat(text).timestamp() if text else None


def cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def tree_ticks(pids: list[int]) -> int:
    return sum(cpu_ticks(p) for p in pids)


TICK_S = 1 / os.sysconf("SC_CLK_TCK")


def clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("OPSCTL_") and k not in ("PYTHONPROFILEIMPORTTIME",
                                                          "PYTHONDONTWRITEBYTECODE")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"))
    return env


def schema_url(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-csearch_path={schema}')}"


@dataclass
class Proc:
    name: str
    proc: subprocess.Popen[bytes]
    log: Path
    pids: list[int] = field(default_factory=list)

    def kill(self, sig: int = signal.SIGKILL) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, sig)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.kill(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill(signal.SIGKILL)
                self.proc.wait(timeout=10)
        else:
            self.kill(signal.SIGKILL)  # what it left in its group (unshare's child)


def descendants(pid: int) -> list[int]:
    out = [pid]
    for p in out:
        with contextlib.suppress(OSError):
            for t in Path(f"/proc/{p}/task").iterdir():
                with contextlib.suppress(OSError):
                    out.extend(int(c) for c in (t / "children").read_text().split())
    return out


def start_process(name: str, argv: list[str], cwd: Path, env: dict[str, str],
                  log: Path) -> Proc:
    handle = log.open("wb")
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=handle, stderr=subprocess.STDOUT,
                            start_new_session=True)
    handle.close()
    started = Proc(name, proc, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if " ready." in log.read_text(errors="replace"):
            started.pids = descendants(proc.pid)
            return started
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    started.kill()
    raise RuntimeError(f"{name} did not start:\n{log.read_text(errors='replace')[-3000:]}")


# -- the bench ----------------------------------------------------------------------------------

class Bench:
    def __init__(self, args: argparse.Namespace, tmp: Path) -> None:
        self.args = args
        self.tmp = tmp
        self.broker = BROKERS.get(args.broker, args.broker)
        self.schema = f"bench_celery_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self.store_url = schema_url(args.postgres, self.schema)
        self.root = tmp / "project"
        self.root.mkdir()
        (tmp / "home").mkdir()
        (self.root / "bench_io.py").write_text(textwrap.dedent(AUTOMATION))
        self.tag = uuid.uuid4().hex[:8]
        self.queues: list[str] = []
        self.procs: list[Proc] = []
        self.base_env = clean_env(tmp / "home")
        self.base_env.update(OPSCTL_STORE_URL=self.store_url, OPSCTL_BROKER_URL=self.broker,
                             OPSCTL_CONFIRM="never")
        self.runs = 0
        self._store: Any = None
        self._sessions: dict[Path, tuple[Any, Any]] = {}
        self._app: Any = None

    # -- setup -----------------------------------------------------------------------------
    def create_schema(self) -> None:
        import psycopg

        with psycopg.connect(self.args.postgres, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {self.schema}")

    def drop_schema(self) -> None:
        import psycopg

        with psycopg.connect(self.args.postgres, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {self.schema} CASCADE")

    def queue(self, name: str) -> str:
        queue = f"bench{self.tag}{name}"
        self.queues.append(queue)
        return queue

    def config(self, name: str, queue: str | None = None, extra: str = "") -> Path:
        """A config file for the CLI: it sends runs to ``queue``."""
        path = self.root / f"{name}.toml"
        worker = f'[worker]\nqueue = "{queue}"\n' if queue else ""
        path.write_text(f'automations = ["bench_io"]\npython_path = ["."]\n{worker}{extra}')
        return path

    def worker(self, name: str, queues: list[str], env: dict[str, str],
               namespace: list[str] | None = None) -> Proc:
        argv = [*(namespace or []), OPSCTL, "--config", str(self.config(f"w-{name}", queues[0],
                                                                         self._worker_extra())),
                "worker", "--concurrency", str(self.args.worker_concurrency),
                "-Q", ",".join(queues), "--name", f"bench-{name}@{self.tag}"]
        proc = start_process(name, argv, self.root, {**self.base_env, **env},
                             self.tmp / f"{name}.log")
        self.procs.append(proc)
        return proc

    def _worker_extra(self) -> str:
        return f'sweep_interval = "{self.args.sweep_interval}"\n'

    def ttl_s(self) -> float:
        return seconds(self.args.lock_ttl)

    def sweep_s(self) -> float:
        return seconds(self.args.sweep_interval)

    def stop_workers(self) -> None:
        for proc in self.procs:
            with contextlib.suppress(Exception):
                proc.stop()
        self.procs = []

    def cleanup(self) -> None:
        self.stop_workers()
        for session, _ in self._sessions.values():
            with contextlib.suppress(Exception):
                session.close()
        if self._store is not None:
            with contextlib.suppress(Exception):
                self._store.close()
        with contextlib.suppress(Exception):
            kombu: Any = importlib.import_module("kombu")
            with kombu.Connection(self.broker) as conn:
                channel = conn.default_channel
                for queue in self.queues:
                    with contextlib.suppress(Exception):
                        channel.queue_delete(queue)
        if self.broker.startswith(("redis://", "rediss://")):
            with contextlib.suppress(Exception):  # what kombu keeps of a queue besides its list
                import redis

                client = redis.Redis.from_url(self.broker)
                for queue in self.queues:
                    client.delete(f"_kombu.binding.{queue}",
                                  f"_kombu.binding_permanent.{queue}")
                client.close()

    # -- the store -------------------------------------------------------------------------
    @property
    def store(self) -> Any:
        if self._store is None:
            from opsctl.store.sql import open_store

            self._store = open_store(self.store_url)
        return self._store

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        return list(self.store._rows(sql, params))

    # -- one run from the CLI --------------------------------------------------------------
    def apply(self, config: Path, count: int, sleep_ms: int, fan_out: int, concurrency: int,
              no_wait: bool = False) -> dict[str, Any]:
        self.runs += 1
        batch = f"b{self.runs:04d}"
        argv = [OPSCTL, "--config", str(config), "apply", "bench-io", "--batch", batch,
                "--count", str(count), "--sleep-ms", str(sleep_ms), "--executor", "celery",
                "--fan-out", str(fan_out), "--concurrency", str(concurrency), "-o", "json"]
        if no_wait:
            argv.append("--no-wait")
        t0 = time.time()
        done = subprocess.run(argv, cwd=self.root, env=self.base_env, capture_output=True,
                              text=True, timeout=900)
        t1 = time.time()
        if done.returncode != 0:
            raise RuntimeError(f"apply exited {done.returncode}:\n{done.stderr[-3000:]}")
        doc = json.loads(done.stdout)
        return {"doc": doc, "cli_start": t0, "cli_end": t1, "run_id": doc["run_id"]}

    def queue_run(self, config: Path, count: int, sleep_ms: int, fan_out: int,
                  concurrency: int) -> dict[str, Any]:
        """Queue a run from this process as the CLI and the API do (``queue_for_celery``, with a
        Celery app already connected), then wait for it: the run's time without a CLI process
        starting, importing Celery and connecting to the broker."""
        from opsctl.dispatch.remote import queue_for_celery

        session, automation = self._session(config)
        self.runs += 1
        app = self._sender()
        t0 = time.time()
        queued = queue_for_celery(
            session, automation, {"batch": f"b{self.runs:04d}", "count": count,
                                  "sleep_ms": sleep_ms},
            mode="apply", fan_out=fan_out, concurrency=concurrency,
            send=lambda run_id, queue: app.send_task("opsctl.run", args=[run_id], queue=queue))
        while True:
            row = self.rows("SELECT status FROM runs WHERE id = ?", (queued.run_id,))[0]
            if row["status"] not in ("queued", "running"):
                break
            time.sleep(0.02)
        return {"run_id": queued.run_id, "t0": t0, "seen_finished": time.time()}

    def _session(self, config: Path) -> tuple[Any, Any]:
        if config not in self._sessions:
            from opsctl.engine.session import open_session

            log = (self.tmp / "bench-session.log").open("a")
            session = open_session(config_file=str(config), env=self.base_env, cwd=self.root,
                                   log_stream=log)
            self._sessions[config] = (session, session.catalog.load("bench-io"))
        return self._sessions[config]

    def _sender(self) -> Any:
        if self._app is None:
            from opsctl.dispatch.celery_app import make_app

            self._app = make_app(self.broker)
        return self._app

    def profile(self, run_id: str, workers: int, share: int, count: int,
                sleep_ms: int) -> dict[str, Any]:
        """Where a finished run's time went, from the store's own timestamps."""
        run = self.rows("SELECT status, finished_at FROM runs WHERE id = ?", (run_id,))[0]
        queued = ulid_ms(run_id) / 1000
        started = self.rows("SELECT MIN(at) AS at FROM run_events WHERE run_id = ? AND "
                            "kind = 'run.started'", (run_id,))[0]["at"]
        actions = {r["action_id"]: (ts(r["started_at"]), ts(r["finished_at"]))
                   for r in self.rows("SELECT action_id, started_at, finished_at FROM actions "
                                      "WHERE run_id = ?", (run_id,))}
        first = min(s for s, _ in actions.values() if s)
        last = max(f for _, f in actions.values() if f)
        finished = ts(run["finished_at"]) or last
        chunks = self.rows("SELECT chunk, owner, actions_json FROM run_chunks WHERE run_id = ? "
                           "ORDER BY chunk", (run_id,))
        spans = []
        for c in chunks:
            ids = json.loads(c["actions_json"])["actions"]
            s = [actions[i][0] for i in ids if actions[i][0]]
            f = [actions[i][1] for i in ids if actions[i][1]]
            if s and f:
                spans.append(max(f) - min(s))  # type: ignore[type-var,operator]
        window = last - first
        slots = workers * self.args.worker_concurrency
        ideal = count * sleep_ms / 1000 / (slots * share) if sleep_ms else None
        return {
            "status": run["status"],
            "queued_to_finished_s": round(finished - queued, 3),
            "queued_to_claimed_s": round((ts(started) or queued) - queued, 3),
            "claimed_to_first_action_s": round(first - (ts(started) or queued), 3),
            "apply_window_s": round(window, 3),
            "last_action_to_finished_s": round(finished - last, 3),
            "ideal_apply_window_s": round(ideal, 3) if ideal else None,
            "chunks": len(chunks),
            "chunks_by_worker": dict(Counter(str(c["owner"]) for c in chunks)),
            "chunk_span_mean_s": round(statistics.mean(spans), 3) if spans else None,
            "chunk_span_sum_s": round(sum(spans), 3),
            "slot_busy_share": round(sum(spans) / (slots * window), 3) if window else None,
        }


# -- 1. scaling: 2 workers beside 1 ---------------------------------------------------------

def bench_scaling(b: Bench) -> dict[str, Any]:
    a = b.args
    share = max(1, a.concurrency // a.fan_out)
    out: dict[str, Any] = {
        "what": "wall time of one fanned-out run, 1 worker vs 2 workers of the same "
                "--concurrency: queued (the run id's ULID time; queued by this process through "
                "queue_for_celery with a connected Celery app) to finished (runs.finished_at). "
                "cli: the same run from `opsctl apply ... --executor celery -o json`, spawn to "
                "exit (adds the CLI's start-up, its Celery import and broker connection before "
                "the wake-up, and following the result)",
        "actions": a.actions, "sleep_ms": a.sleep_ms, "fan_out": a.fan_out,
        "run_concurrency": a.concurrency, "threads_per_chunk": share,
        "worker_concurrency": a.worker_concurrency,
        "concurrent_actions_per_worker": a.worker_concurrency * share,
        "modes": {}}
    topo: dict[str, dict[str, Any]] = {}
    for mode in a.journal_modes:
        one, two = b.queue(f"{mode}1"), b.queue(f"{mode}2")
        env = {"OPSCTL_JOURNAL_MODE": mode}
        first = b.worker(f"{mode}-a", [one, two], env)
        second = b.worker(f"{mode}-b", [two], env)
        topo[mode] = {"1": (b.config(f"{mode}-one", one), [first]),
                      "2": (b.config(f"{mode}-two", two), [first, second])}
        # warm-up, unmeasured: imports, connections, the catalog in both workers
        for n in ("1", "2"):
            b.queue_run(topo[mode][n][0], 40, 1, a.fan_out, a.concurrency)
            b.queue_run(topo[mode][n][0], 40, 1, a.fan_out, a.concurrency)
    samples: dict[str, dict[str, list[dict[str, Any]]]] = {
        m: {"1": [], "2": []} for m in a.journal_modes}
    cli: dict[str, dict[str, list[dict[str, Any]]]] = {
        m: {"1": [], "2": []} for m in a.journal_modes}
    cases = [(m, n) for m in a.journal_modes for n in ("1", "2")]
    for rep in range(a.repeat):
        for mode, n in (cases if rep % 2 == 0 else list(reversed(cases))):
            config, workers = topo[mode][n]
            pids = [p for w in workers for p in w.pids]
            cpu0 = tree_ticks(pids)
            r = b.queue_run(config, a.actions, a.sleep_ms, a.fan_out, a.concurrency)
            cpu = (tree_ticks(pids) - cpu0) * TICK_S
            prof = b.profile(r["run_id"], int(n), share, a.actions, a.sleep_ms)
            if prof["status"] != "succeeded":
                raise RuntimeError(f"run {r['run_id']}: {prof['status']}")
            prof["workers_cpu_s"] = round(cpu, 2)
            prof["run_id"] = r["run_id"]
            samples[mode][n].append(prof)
            if a.cli:
                c = b.apply(config, a.actions, a.sleep_ms, a.fan_out, a.concurrency)
                cprof = b.profile(c["run_id"], int(n), share, a.actions, a.sleep_ms)
                cli[mode][n].append({"cli_wall_s": round(c["cli_end"] - c["cli_start"], 3),
                                     "queued_to_finished_s": cprof["queued_to_finished_s"],
                                     "queued_to_claimed_s": cprof["queued_to_claimed_s"],
                                     "run_id": c["run_id"]})
    keys = ("queued_to_finished_s", "apply_window_s", "queued_to_claimed_s",
            "claimed_to_first_action_s", "last_action_to_finished_s", "chunk_span_mean_s",
            "slot_busy_share", "workers_cpu_s")
    for mode in a.journal_modes:
        per: dict[str, Any] = {}
        for n in ("1", "2"):
            runs = samples[mode][n]
            per[f"workers_{n}"] = {k: median([s[k] for s in runs]) for k in keys}
            per[f"workers_{n}"]["ideal_apply_window_s"] = runs[0]["ideal_apply_window_s"]
            per[f"workers_{n}"]["by_repetition"] = runs
            if cli[mode][n]:
                per[f"workers_{n}"]["cli"] = {
                    k: median([s[k] for s in cli[mode][n]])
                    for k in ("cli_wall_s", "queued_to_finished_s", "queued_to_claimed_s")}
                per[f"workers_{n}"]["cli"]["by_repetition"] = cli[mode][n]
        one, two = per["workers_1"], per["workers_2"]
        per["speedup"] = ratio(one["queued_to_finished_s"], two["queued_to_finished_s"])
        per["speedup_apply_window"] = ratio(one["apply_window_s"], two["apply_window_s"])
        if a.cli:
            per["speedup_cli_wall"] = ratio(one["cli"]["cli_wall_s"], two["cli"]["cli_wall_s"])
            per["speedup_cli_queued_to_finished"] = ratio(one["cli"]["queued_to_finished_s"],
                                                          two["cli"]["queued_to_finished_s"])
        out["modes"][mode] = per
    return out


# -- 2. per-action overhead beside a bare Celery task -------------------------------------------

def bench_overhead(b: Bench) -> dict[str, Any]:
    import redis
    from celery import Celery

    a = b.args
    n = a.noop_actions
    share = max(1, a.concurrency // a.fan_out)
    bare_dir = b.tmp / "bare"
    bare_dir.mkdir()
    (bare_dir / "bare_celery.py").write_text(textwrap.dedent(BARE_APP))
    bare_queue = b.queue("bare")
    env = {**b.base_env, "BENCH_BROKER_URL": b.broker, "BENCH_COUNTER_URL": a.redis,
           "PYTHONPATH": str(bare_dir)}
    bare = start_process("bare", [str(BIN / "celery"), "-A", "bare_celery", "worker",
                                  "--pool=threads", f"--concurrency={a.worker_concurrency}",
                                  "-O", "fair", "-Q", bare_queue, "-n", f"bare@{b.tag}",
                                  "--loglevel=INFO", "--without-gossip", "--without-mingle",
                                  "--without-heartbeat"], bare_dir, env, b.tmp / "bare.log")
    b.procs.append(bare)
    sender = Celery("bare", broker=b.broker, set_as_current=False)
    sender.conf.update(task_serializer="json", accept_content=["json"])
    counter = redis.Redis.from_url(a.redis)
    opsctl_queues: dict[str, tuple[Path, Proc]] = {}
    for mode in a.journal_modes:
        queue = b.queue(f"{mode}noop")
        worker = b.worker(f"{mode}-noop", [queue], {"OPSCTL_JOURNAL_MODE": mode})
        opsctl_queues[mode] = (b.config(f"{mode}-noop", queue), worker)

    def bare_round(tasks: int) -> dict[str, Any]:
        key = f"bench:{b.tag}:{uuid.uuid4().hex[:8]}"
        cpu0 = tree_ticks(bare.pids)
        with sender.connection_for_write() as conn:
            t0 = time.perf_counter()
            for _ in range(tasks):
                sender.send_task("bare.noop", args=[key], queue=bare_queue, connection=conn)
            sent = time.perf_counter() - t0
            while int(counter.get(key) or 0) < tasks:
                time.sleep(0.002)
            wall = time.perf_counter() - t0
        counter.delete(key)
        return {"wall_s": round(wall, 4), "send_s": round(sent, 4),
                "per_task_ms": round(wall * 1000 / tasks, 4),
                "worker_cpu_ms_per_task": round((tree_ticks(bare.pids) - cpu0) * TICK_S * 1000
                                                / tasks, 4)}

    def opsctl_round(mode: str) -> dict[str, Any]:
        config, worker = opsctl_queues[mode]
        cpu0 = tree_ticks(worker.pids)
        r = b.queue_run(config, n, 0, a.fan_out, a.concurrency)
        cpu = (tree_ticks(worker.pids) - cpu0) * TICK_S
        prof = b.profile(r["run_id"], 1, share, n, 0)
        span = prof["queued_to_finished_s"]
        return {"queued_to_finished_s": span, "per_action_ms": round(span * 1000 / n, 4),
                "apply_window_s": prof["apply_window_s"],
                "per_action_apply_window_ms": round(prof["apply_window_s"] * 1000 / n, 4),
                "worker_cpu_ms_per_action": round(cpu * 1000 / n, 4), "run_id": r["run_id"]}

    bare_round(min(n, 200))  # warm-up
    for mode in a.journal_modes:
        b.queue_run(opsctl_queues[mode][0], 40, 0, a.fan_out, a.concurrency)
    samples: dict[str, list[dict[str, Any]]] = {"bare": [], **{m: [] for m in a.journal_modes}}
    cases = ["bare", *a.journal_modes]
    for rep in range(a.repeat):
        for case in (cases if rep % 2 == 0 else list(reversed(cases))):
            samples[case].append(bare_round(n) if case == "bare" else opsctl_round(case))
    bare_ms = median([s["per_task_ms"] for s in samples["bare"]])
    bare_cpu = median([s["worker_cpu_ms_per_task"] for s in samples["bare"]])
    out: dict[str, Any] = {
        "what": "opsctl: (runs.finished_at - queued time) / N for one run of N no-op actions "
                "fanned out on 1 opsctl worker, queued by this process (queue_for_celery, a "
                "connected Celery app); bare: (last INCR seen - before the first send) / N for "
                "N no-op tasks (each one Redis INCR) sent by this process (a connected app) to "
                "1 bare Celery worker; both workers --pool=threads with the same --concurrency",
        "actions": n, "fan_out": a.fan_out, "run_concurrency": a.concurrency,
        "worker_concurrency": a.worker_concurrency,
        "bare": {"per_task_ms": bare_ms,
                 "send_s": median([s["send_s"] for s in samples["bare"]]),
                 "worker_cpu_ms_per_task": bare_cpu,
                 "by_repetition": samples["bare"]},
        "modes": {}}
    for mode in a.journal_modes:
        runs = samples[mode]
        per_action = median([s["per_action_ms"] for s in runs])
        window = median([s["per_action_apply_window_ms"] for s in runs])
        cpu = median([s["worker_cpu_ms_per_action"] for s in runs])
        out["modes"][mode] = {
            "per_action_ms": per_action,
            "per_action_apply_window_ms": window,
            "worker_cpu_ms_per_action": cpu,
            "ratio_to_bare": ratio(per_action, bare_ms),
            "apply_window_ratio_to_bare": ratio(window, bare_ms),
            "worker_cpu_ratio_to_bare": ratio(cpu, bare_cpu),
            "by_repetition": runs}
    return out


# -- 3. SIGKILL of the run's worker ---------------------------------------------------------

def namespace_prefix() -> tuple[list[str] | None, str]:
    """A command prefix that runs a process in a new pid namespace (so its process identity is
    that of another machine to opsctl), or None and why not."""
    for prefix in (["unshare", "--pid", "--fork", "--mount-proc"],
                   ["unshare", "--user", "--map-root-user", "--pid", "--fork", "--mount-proc"]):
        if shutil.which(prefix[0]) is None:
            return None, "no unshare(1)"
        done = subprocess.run([*prefix, "true"], capture_output=True, text=True)
        if done.returncode == 0:
            return prefix, " ".join(prefix)
    return None, f"unshare failed: {done.stderr.strip()[:200]}"


def bench_takeover(b: Bench) -> dict[str, Any]:
    a = b.args
    from opsctl.engine.locks import _machine

    prefix, how = namespace_prefix()
    # Only the two workers of each case: a sweeper of any worker on the store takes part in a
    # take-over (it wakes the run), so the workers of the other parts would change the figure.
    b.stop_workers()
    env = {"OPSCTL_LOCK_TTL": a.lock_ttl, "OPSCTL_JOURNAL_MODE": a.journal_modes[0]}
    count, sleep_ms, conc = a.takeover_actions, a.sleep_ms, a.takeover_concurrency
    out: dict[str, Any] = {
        "what": "2 workers; a run of N actions (--fan-out 1: the worker that claims it applies "
                "them all with --concurrency C); SIGKILL of that worker (its process group) once "
                f"{int(a.kill_at * 100)}% of the actions are journaled finished; time until "
                "the other worker has claimed the run (runs.claim_token grew) and until the run "
                "is finished",
        "lock_ttl": a.lock_ttl, "sweep_interval": a.sweep_interval, "actions": count,
        "sleep_ms": sleep_ms, "run_concurrency": conc, "journal_mode": a.journal_modes[0],
        "cases": {}}
    kinds = ["same_machine"] + (["other_machine", "other_machine_mixed"] if prefix else [])
    if not prefix:
        out["other_machine_skipped"] = how
    here = _machine()

    def queue_until_claimed(config: Path, on_host: bool) -> tuple[str, dict[str, Any], int]:
        """Queue runs until one is claimed (by a worker on this machine, with ``on_host``) and
        has ``kill_at`` of its actions finished: its id, row and actions finished."""
        for _ in range(8):
            run_id = b.apply(config, count, sleep_ms, 1, conc, no_wait=True)["run_id"]
            while True:
                row = b.rows("SELECT status, claim_process, claim_token FROM runs WHERE id = ?",
                             (run_id,))[0]
                done = int(b.rows("SELECT COUNT(*) AS n FROM actions WHERE run_id = ? AND "
                                  "status IN ('applied', 'unchanged', 'failed', 'skipped')",
                                  (run_id,))[0]["n"])
                if row["status"] not in ("queued", "running"):
                    raise RuntimeError(f"run {run_id} finished before the kill: {row['status']}")
                if row["claim_process"] and done >= a.kill_at * count:
                    break
                time.sleep(0.01)
            if not on_host or str(row["claim_process"]).rpartition("/pid=")[0] == here:
                return run_id, row, done
            while b.rows("SELECT status FROM runs WHERE id = ?", (run_id,))[0]["status"] in (
                    "queued", "running"):  # claimed in the namespace: let it end, try again
                time.sleep(0.05)
        raise RuntimeError("no run was claimed by the worker on this machine in 8 tries")

    for kind in kinds:
        samples = []
        for rep in range(a.takeover_repeat):
            queue = b.queue(f"kill{kinds.index(kind)}r{rep}")
            first = b.worker(f"kill-{kind}-{rep}-a", [queue], env)
            second = b.worker(f"kill-{kind}-{rep}-b", [queue], env,
                              namespace=None if kind == "same_machine" else prefix)
            extra = [b.worker(f"kill-{kind}-{rep}-c", [b.queue(f"killc{rep}")], env)] \
                if kind == "other_machine_mixed" else []
            config = b.config(f"kill-{kind}-{rep}", queue)
            # The sweeper ticks every sweep_interval from its worker's start: queue after a
            # random part of it, so the kill lands at a random phase of the tick.
            time.sleep(random.uniform(0, b.sweep_s()))
            run_id, row, done = queue_until_claimed(config, kind == "other_machine_mixed")
            holder_here = str(row["claim_process"]).rpartition("/pid=")[0] == here
            if kind == "same_machine":
                pid = int(str(row["claim_process"]).rpartition("/pid=")[2].split("/")[0])
                victim = first if pid in first.pids else second
            else:  # the namespaced worker's pids are not ours: whichever is not on this "machine"
                victim = first if holder_here else second
            token = int(row["claim_token"])
            t_kill = time.time()
            victim.kill(signal.SIGKILL)
            # Reap it as its supervisor would: a zombie still has its pid and start time, and
            # opsctl would rightly not judge that process gone.
            victim.proc.wait(timeout=30)
            claimed_at = finished_at = None
            while finished_at is None:
                row = b.rows("SELECT status, claim_token, finished_at FROM runs WHERE id = ?",
                             (run_id,))[0]
                now = time.time()
                if claimed_at is None and int(row["claim_token"] or 0) > token:
                    claimed_at = now
                if row["status"] not in ("queued", "running"):
                    finished_at = now
                    status = row["status"]
                if now - t_kill > 4 * (b.ttl_s() + b.sweep_s()) + 120:
                    raise RuntimeError(f"run {run_id} not finished after the kill")
                time.sleep(0.02)
            left = count - done
            samples.append({
                "run_id": run_id, "status": status, "killed": victim.name,
                "actions_finished_at_kill": done,
                "kill_to_claimed_s": round((claimed_at or finished_at) - t_kill, 3),
                "kill_to_finished_s": round(finished_at - t_kill, 3),
                "claimed_to_finished_s": round(finished_at - (claimed_at or finished_at), 3),
                "remaining_work_ideal_s": round(left * sleep_ms / 1000 / conc, 3)})
            for w in (first, second, *extra):
                w.stop()
        out["cases"][kind] = {
            "kill_to_claimed_s": median([s["kill_to_claimed_s"] for s in samples]),
            "kill_to_finished_s": median([s["kill_to_finished_s"] for s in samples]),
            "claimed_to_finished_s": median([s["claimed_to_finished_s"] for s in samples]),
            "by_repetition": samples}
    if prefix:
        out["other_machine_how"] = (f"the second worker runs under `{how}`: its process "
                                    "identity names another pid namespace, which opsctl treats "
                                    "as another machine (a holder it cannot prove gone)")
        out["other_machine_mixed_how"] = (
            "as other_machine, with a third worker on this machine taking another queue of the "
            "same store, and the run claimed by the worker on this machine: the third worker's "
            "sweeper sees the killed claimer gone at once and wakes the run, the worker in the "
            "namespace cannot see that and lets the wake-up be")
    ttl, sweep = b.ttl_s(), b.sweep_s()
    out["bounds"] = {"same_machine_s": f"<= sweep_interval ({sweep:g}) + resume",
                     "other_machine_s": f"<= lock_ttl ({ttl:g}) + sweep_interval ({sweep:g}) "
                                        "+ resume"}
    for kind, case in out["cases"].items():
        case["kill_to_claimed_vs_lock_ttl"] = ratio(case["kill_to_claimed_s"], ttl)
        case["kill_to_finished_vs_lock_ttl"] = ratio(case["kill_to_finished_s"], ttl)
        del kind
    return out


# -- main ---------------------------------------------------------------------------------------

def seconds(text: str) -> float:
    from opsctl.contract.durations import parse_duration

    return parse_duration(text).total_seconds()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--broker", default="redis",
                        help="redis, rabbitmq or a broker URL (default redis: "
                             f"{BROKERS['redis']}; rabbitmq: {BROKERS['rabbitmq']})")
    parser.add_argument("--postgres", default=POSTGRES, metavar="URL",
                        help=f"database for a fresh schema of the bench (default {POSTGRES})")
    parser.add_argument("--redis", default=BROKERS["redis"], metavar="URL",
                        help="Redis for the bare task's counter (any broker)")
    parser.add_argument("--actions", type=int, default=2000, help="actions of a scaling run")
    parser.add_argument("--sleep-ms", type=int, default=20, help="I/O wait per action")
    parser.add_argument("--repeat", type=int, default=3,
                        help="interleaved repetitions; figures are medians (default 3)")
    parser.add_argument("--fan-out", type=int, default=16, help="chunks of a run (default 16)")
    parser.add_argument("--concurrency", type=int, default=32,
                        help="a run's --concurrency, shared by its chunks (default 32: 2 "
                             "threads a chunk at --fan-out 16)")
    parser.add_argument("--worker-concurrency", type=int, default=4,
                        help="`opsctl worker --concurrency` (and the bare worker's)")
    parser.add_argument("--journal-mode", dest="journal_modes", action="append",
                        choices=("strict", "group"),
                        help="journal modes of the workers (repeatable; default both)")
    parser.add_argument("--noop-actions", type=int, default=2000,
                        help="no-op actions (and bare tasks) of the overhead case")
    parser.add_argument("--lock-ttl", default="10s", help="lock_ttl of the take-over workers")
    parser.add_argument("--sweep-interval", default="5s",
                        help="worker.sweep_interval of every worker (opsctl's default: 5s)")
    parser.add_argument("--takeover-actions", type=int, default=400)
    parser.add_argument("--takeover-concurrency", type=int, default=4)
    parser.add_argument("--takeover-repeat", type=int, default=3)
    parser.add_argument("--kill-at", type=float, default=0.5,
                        help="share of the actions finished when the worker is killed")
    parser.add_argument("--no-cli", dest="cli", action="store_false",
                        help="scaling: skip the second run of each case from the CLI")
    parser.add_argument("--only", action="append",
                        choices=("scaling", "overhead", "takeover"),
                        help="measure only these (repeatable; default all)")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (worker logs)")
    args = parser.parse_args()
    args.journal_modes = args.journal_modes or ["strict", "group"]
    only = args.only or ["scaling", "overhead", "takeover"]

    tmp = Path(tempfile.mkdtemp(prefix="opsctl-bench-celery-"))
    b = Bench(args, tmp)
    out: dict[str, Any] = {
        "benchmark": "celery_fanout", "python": platform.python_version(),
        "cpus": os.cpu_count(), "loadavg_start": [round(x, 2) for x in os.getloadavg()],
        "settings": {"broker": args.broker, "postgres": args.postgres,
                     "repeat": args.repeat, "celery": __import__("celery").__version__,
                     "worker": "opsctl worker --concurrency "
                               f"{args.worker_concurrency} (threads pool)"},
        "targets": {"scaling_min": TARGET_SCALING, "overhead_max": TARGET_OVERHEAD}}
    began = time.perf_counter()
    exit_code = 0
    try:
        b.create_schema()
        for name, part in (("scaling", bench_scaling), ("overhead", bench_overhead),
                           ("takeover", bench_takeover)):
            if name in only:
                try:
                    out[name] = part(b)
                except Exception as exc:  # the other parts' figures are still printed
                    out[name] = {"error": f"{type(exc).__name__}: {exc}"}
                    exit_code = 1
    finally:
        b.cleanup()
        with contextlib.suppress(Exception):
            b.drop_schema()
        if args.keep:
            out["temp_dir"] = str(tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    met: dict[str, bool] = {}
    for mode, per in (out.get("scaling") or {}).get("modes", {}).items():
        met[f"scaling_{mode}"] = (per["speedup"] or 0) >= TARGET_SCALING
    for mode, per in (out.get("overhead") or {}).get("modes", {}).items():
        met[f"overhead_{mode}"] = per["ratio_to_bare"] is not None \
            and per["ratio_to_bare"] <= TARGET_OVERHEAD
    out["targets_met"] = met
    out["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    out["elapsed_s"] = round(time.perf_counter() - began, 1)
    print(json.dumps(out, indent=2))
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
