"""The HTTP API (`opsctl serve`) against baselines measured in the same run: reading a run,
paging run history at 1,000 and 100,000 runs, and a dry run over HTTP against the same dry run
in-process. Prints one JSON document with every figure, the ratios and ``targets_met``.

    .venv/bin/python bench/http_api.py                       # defaults: short (about 2 min)
    .venv/bin/python bench/http_api.py --duration 5 --rounds 5
    .venv/bin/python bench/http_api.py --postgres postgresql://127.0.0.1:5432/test

Servers are real processes on loopback: `opsctl serve` in temp projects, and a bare FastAPI app
under uvicorn with the options `opsctl serve` uses. The client is httpx in this process (a sync
client at concurrency 1; at higher concurrency one thread per connection, each with its own
keep-alive client), so the server's CPU time per request is reported beside the rates:
on a small machine the client shares the cores, and a client-bound baseline would flatter the
ratio. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

OPSCTL = str(Path(sys.executable).parent / "opsctl")
AUTOMATION_NAME = "bench-small"
TARGET_GET_RPS_RATIO = 0.5  # opsctl GET /v1/runs/{id} req/s >= half the bare endpoint's
TARGET_LIST_P95_RATIO = 1.5  # p95 at --runs runs <= 1.5x p95 at 1,000 runs
TARGET_DRY_RUN_RATIO = 1.5  # dry run over HTTP <= 1.5x the in-process execute

AUTOMATION = '''
from pydantic import BaseModel, ConfigDict, Field

from opsctl import Action, Automation


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")

    service: str = Field(description="Service to check")
    environment: str = "staging"
    replicas: int = Field(default=3, ge=1, le=20)


small = Automation("bench-small", version="1.0.0", owner="bench", summary="Small dry run",
                   request=Request, effect="mutate", lock_scope=("environment", "service"))


@small.plan
def plan(ctx, req):
    for i in range(req.replicas):
        yield Action(id=f"replica:{i}", kind="update", target=f"{req.service}/{i}",
                     reason="image is behind", data={"index": i, "image": "app:1.2.3"})


@small.apply
def apply(ctx, req, action):
    return None
'''

POLICY = """\
version: 1
default: allow
groups:
  sre: [sam, sue]
rules:
  - name: prod-changes
    match: {environment: prod}
    decision: require_approval
    approvers: sre
    reason: production changes are reviewed by sre
"""

BARE_APP = '''
"""The baseline: FastAPI with nothing but constant JSON documents."""
import json
from pathlib import Path
from typing import Any

from fastapi import FastAPI

DOC = json.loads((Path(__file__).parent / "bare_doc.json").read_text())
TINY = {"status": "ok"}

app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)


@app.get("/v1/runs/{run_id}")
def same_doc(run_id: str) -> dict[str, Any]:
    return DOC


@app.get("/tiny")
def tiny() -> dict[str, Any]:
    return TINY
'''

BARE_SERVER = '''
import sys

import uvicorn

sys.path.insert(0, sys.argv[2])
from bare_app import app  # noqa: E402

# The options `opsctl serve` gives uvicorn (src/opsctl/cli/serve_cmd.py), without TLS.
config = uvicorn.Config(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning",
                        access_log=False, lifespan="off", timeout_graceful_shutdown=5,
                        server_header=False)
uvicorn.Server(config).run()
'''

SEED_AUTOMATIONS = (("deploy-service", 35), ("rotate-keys", 20), ("cleanup-files", 20),
                    ("sync-dns", 15), ("backup-db", 10))
SEED_STATUSES = (("succeeded", 0, 62), ("no_changes", 0, 15), ("changes_planned", 10, 12),
                 ("failed", 5, 6), ("partial", 6, 3), ("conflict", 7, 2))
SEED_ACTORS = ("ci-deploy", "olga", "sam", "sue", "scheduler")
FILTER = {"automation": "deploy-service", "status": "succeeded"}  # full pages at 1,000 runs
RARE_FILTER = {"automation": "rotate-keys", "status": "failed"}  # ~1% of runs: short pages


# -- measurements ---------------------------------------------------------------------------------

def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def cpu_ticks(pid: int) -> int:
    """User + system CPU time of process ``pid`` (and its threads), in clock ticks."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


TICK_S = 1 / os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 0.01


@dataclass
class Sample:
    latencies_s: list[float] = field(default_factory=list)
    errors: int = 0
    wall_s: float = 0.0
    server_cpu_s: float = 0.0
    client_cpu_s: float = 0.0
    first_error: str | None = None

    def figures(self) -> dict[str, Any]:
        n = len(self.latencies_s)
        ms = [v * 1000 for v in self.latencies_s]
        return {"requests": n, "errors": self.errors,
                "rps": round(n / self.wall_s, 1) if self.wall_s else 0.0,
                "p50_ms": round(pct(ms, 50), 3), "p95_ms": round(pct(ms, 95), 3),
                "p99_ms": round(pct(ms, 99), 3),
                "server_cpu_ms_per_req": round(self.server_cpu_s * 1000 / n, 3) if n else None,
                "client_cpu_ms_per_req": round(self.client_cpu_s * 1000 / n, 3) if n else None,
                **({"first_error": self.first_error} if self.first_error else {})}


Check = Callable[[Any], str | None]


def ok_200(response: Any) -> str | None:
    if response.status_code != 200:
        return f"HTTP {response.status_code}: {response.text[:300]}"
    return None


def load_sync(base: str, path: str, headers: dict[str, str], duration: float, warmup: float,
              pid: int, check: Check = ok_200) -> Sample:
    """One keep-alive connection, one request at a time, for ``duration`` seconds."""
    import httpx

    sample = Sample()
    with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
        for phase, seconds in (("warmup", warmup), ("measure", duration)):
            cpu0, ccpu0 = cpu_ticks(pid), time.process_time()
            began = time.perf_counter()
            deadline = began + seconds
            while True:
                t0 = time.perf_counter()
                if t0 >= deadline:
                    break
                response = client.get(path)
                t1 = time.perf_counter()
                if phase == "measure":
                    problem = check(response)
                    if problem is None:
                        sample.latencies_s.append(t1 - t0)
                    else:
                        sample.errors += 1
                        sample.first_error = sample.first_error or problem
            if phase == "measure":
                sample.wall_s = time.perf_counter() - began
                sample.server_cpu_s = (cpu_ticks(pid) - cpu0) * TICK_S
                sample.client_cpu_s = time.process_time() - ccpu0
    return sample


def load_alternating(targets: list[tuple[str, str, dict[str, str], int]], duration: float,
                     warmup: float, check: Check = ok_200) -> list[Sample]:
    """One request at a time, alternating between ``targets`` (base URL, path, headers, server
    pid), each with its own keep-alive client: every target is measured over the same seconds,
    so a burst of load on the machine lands on all of them alike."""
    import httpx

    samples = [Sample() for _ in targets]
    clients = [httpx.Client(base_url=base, headers=headers, timeout=60)
               for base, _, headers, _ in targets]
    try:
        for phase, seconds in (("warmup", warmup), ("measure", duration)):
            cpu0 = [cpu_ticks(pid) for *_, pid in targets]
            ccpu0 = time.process_time()
            spent = [0.0] * len(targets)
            began = time.perf_counter()
            deadline = began + seconds
            while time.perf_counter() < deadline:
                for i, (client, (_, path, _, _)) in enumerate(zip(clients, targets, strict=True)):
                    t0 = time.perf_counter()
                    response = client.get(path)
                    t1 = time.perf_counter()
                    if phase != "measure":
                        continue
                    spent[i] += t1 - t0
                    problem = check(response)
                    if problem is None:
                        samples[i].latencies_s.append(t1 - t0)
                    else:
                        samples[i].errors += 1
                        samples[i].first_error = samples[i].first_error or problem
            if phase == "measure":
                client_cpu = time.process_time() - ccpu0
                total = sum(spent) or 1.0
                for i, (*_, pid) in enumerate(targets):
                    samples[i].wall_s = spent[i]  # rps: requests per second spent waiting on it
                    samples[i].server_cpu_s = (cpu_ticks(pid) - cpu0[i]) * TICK_S
                    samples[i].client_cpu_s = client_cpu * spent[i] / total
    finally:
        for client in clients:
            client.close()
    return samples


def load_threads(base: str, path: str, headers: dict[str, str], duration: float,
                 warmup: float, pid: int, concurrency: int, check: Check = ok_200) -> Sample:
    """``concurrency`` threads, each with its own httpx.Client and keep-alive connection. Of
    the httpx clients this costs the least client CPU per request (measured on 2 cores: about
    0.6 ms, against 0.9 ms for one AsyncClient per connection on one asyncio loop and 2.7 ms
    for one AsyncClient pooling them all), so more of the machine is left to the server."""
    import threading

    import httpx

    sample = Sample()
    lock = threading.Lock()
    warmed = threading.Barrier(concurrency + 1)
    go = threading.Barrier(concurrency + 1)
    deadline = [0.0]
    failures: list[BaseException] = []

    def worker() -> None:
        latencies: list[float] = []
        errors, first = 0, None
        try:
            with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
                end = time.perf_counter() + warmup
                while time.perf_counter() < end:
                    client.get(path)
                warmed.wait()
                go.wait()
                while True:
                    t0 = time.perf_counter()
                    if t0 >= deadline[0]:
                        break
                    response = client.get(path)
                    t1 = time.perf_counter()
                    problem = check(response)
                    if problem is None:
                        latencies.append(t1 - t0)
                    else:
                        errors += 1
                        first = first or problem
        except BaseException as exc:  # reported after the join, never a hung barrier
            failures.append(exc)
            warmed.abort()
            go.abort()
        with lock:
            sample.latencies_s.extend(latencies)
            sample.errors += errors
            sample.first_error = sample.first_error or first

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    cpu0, ccpu0, began = cpu_ticks(pid), time.process_time(), time.perf_counter()
    for thread in threads:
        thread.start()
    try:
        warmed.wait()
        cpu0, ccpu0 = cpu_ticks(pid), time.process_time()
        began = time.perf_counter()
        deadline[0] = began + duration
        go.wait()
    except threading.BrokenBarrierError:
        pass
    for thread in threads:
        thread.join()
    if failures:
        raise RuntimeError(f"load thread failed: {failures[0]!r}")
    sample.wall_s = time.perf_counter() - began
    sample.server_cpu_s = (cpu_ticks(pid) - cpu0) * TICK_S
    sample.client_cpu_s = time.process_time() - ccpu0
    return sample


def median_of(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """Per figure, the median across rounds (requests and errors: totals)."""
    out: dict[str, Any] = {}
    for key in rounds[0]:
        values = [r[key] for r in rounds if isinstance(r.get(key), int | float)]
        if key in ("requests", "errors"):
            out[key] = sum(values)
        elif key == "first_error":
            continue
        elif values:
            out[key] = round(statistics.median(values), 3)
    errors = [r["first_error"] for r in rounds if r.get("first_error")]
    if errors:
        out["first_error"] = errors[0]
    if len(rounds) > 1:
        out["rps_by_round"] = [r["rps"] for r in rounds]
        out["p95_ms_by_round"] = [r["p95_ms"] for r in rounds]
    return out


def ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or not b:
        return None
    return round(a / b, 3)


# -- projects and servers -------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def clean_env(home: Path, store_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("OPSCTL_") and k not in ("PYTHONPROFILEIMPORTTIME",
                                                          "PYTHONDONTWRITEBYTECODE")}
    env["HOME"] = str(home)
    env["XDG_CONFIG_HOME"] = str(home / ".config")
    if store_url:
        env["OPSCTL_STORE_URL"] = store_url
    return env


@dataclass
class BenchProject:
    name: str
    root: Path
    env: dict[str, str]
    token: str = ""

    def session(self, log_stream: Any = None) -> Any:
        from opsctl.engine.session import open_session

        return open_session(env=self.env, cwd=self.root, log_stream=log_stream)


def make_project(tmp: Path, name: str, store_url: str | None) -> BenchProject:
    root = tmp / name
    root.mkdir()
    (root / ".home").mkdir()
    (root / "bench_small.py").write_text(textwrap.dedent(AUTOMATION))
    (root / "policy.yaml").write_text(POLICY)
    (root / "opsctl.toml").write_text('automations = ["bench_small"]\npython_path = ["."]\n'
                                      "[server]\nworkers = 4\n")
    project = BenchProject(name, root, clean_env(root / ".home", store_url))
    from opsctl.governance.tokens import create_token

    session = project.session(log_stream=open(os.devnull, "w"))  # noqa: SIM115
    try:
        session.store.migrate()
        _, project.token = create_token(session.store, actor="bench", role="operator",
                                        expires=timedelta(days=1), created_by="bench",
                                        now=datetime.now(UTC))
    finally:
        session.close()
    return project


@dataclass
class Server:
    name: str
    proc: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        return self.proc.pid

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def wait_up(server: Server) -> Server:
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            raise RuntimeError(f"{server.name} exited: {server.log.read_text()[-2000:]}")
        with suppress(httpx.HTTPError):
            r = httpx.get(f"{server.url}/healthz" if server.name.startswith("opsctl")
                          else f"{server.url}/tiny", timeout=1)
            if r.status_code == 200:
                return server
        time.sleep(0.05)
    raise RuntimeError(f"{server.name} did not start: {server.log.read_text()[-2000:]}")


def start_opsctl(project: BenchProject) -> Server:
    port = free_port()
    log = project.root / "serve.log"
    proc = subprocess.Popen([OPSCTL, "serve", "--port", str(port), "--log-format", "json"],
                            cwd=project.root, env=project.env, stdout=subprocess.DEVNULL,
                            stderr=log.open("w"))
    return wait_up(Server(f"opsctl-{project.name}", proc, port, log))


def start_bare(tmp: Path, doc: dict[str, Any], env: dict[str, str]) -> Server:
    directory = tmp / "bare"
    directory.mkdir(exist_ok=True)
    (directory / "bare_app.py").write_text(textwrap.dedent(BARE_APP))
    (directory / "bare_server.py").write_text(textwrap.dedent(BARE_SERVER))
    (directory / "bare_doc.json").write_text(json.dumps(doc))
    port = free_port()
    log = directory / "serve.log"
    proc = subprocess.Popen([sys.executable, str(directory / "bare_server.py"), str(port),
                             str(directory)], cwd=directory, env=env,
                            stdout=subprocess.DEVNULL, stderr=log.open("w"))
    return wait_up(Server("bare", proc, port, log))


@contextmanager
def running(*servers: Server) -> Iterator[None]:
    try:
        yield
    finally:
        for server in servers:
            server.stop()


# -- seeding run history --------------------------------------------------------------------------

def weighted(choices: tuple[Any, ...], rng: random.Random) -> Any:
    return rng.choices(choices, weights=[c[-1] for c in choices])[0]


def seed_runs(project: BenchProject, count: int, template: dict[str, Any],
              batch: int = 5000) -> dict[str, Any]:
    """``count`` finished runs, oldest first (ids ``run_<ULID>`` with increasing timestamps,
    one every ~37 s ending now), inserted in batches through the store's own connection."""
    from opsctl.engine.ids import new_ulid

    rng = random.Random(7)
    session = project.session(log_stream=open(os.devnull, "w"))  # noqa: SIM115
    store = session.store
    now_ms = int(time.time() * 1000)
    first_ms = now_ms - count * 37_000
    columns = ("id", "automation", "contract_version", "mode", "status", "exit_code", "actor",
               "idempotency_key", "request_json", "plan_id", "plan_fingerprint", "result_json",
               "runtime_json", "error_type", "started_at", "finished_at", "request_hash",
               "key_source")
    statement = store._sql(f"INSERT INTO runs ({', '.join(columns)}) VALUES "
                           f"({', '.join('?' for _ in columns)})")
    runtime_json = json.dumps({"opsctl": "bench", "python": platform.python_version(),
                               "host": "bench-host", "executor": "server",
                               "identity": {"actor": "bench", "source": "token"}},
                              sort_keys=True)
    ids: list[str] = []
    result_bytes = 0
    began = time.perf_counter()
    rows: list[tuple[Any, ...]] = []

    def flush() -> None:
        with store.transaction():
            if store.dialect == "postgresql":
                with store._conn.cursor() as cur:
                    cur.executemany(statement, rows)
            else:
                store._conn.executemany(statement, rows)
        rows.clear()

    for i in range(count):
        ms = first_ms + i * 37_000 + rng.randrange(0, 30_000)
        run_id = "run_" + new_ulid(ms)
        ids.append(run_id)
        automation = weighted(SEED_AUTOMATIONS, rng)[0]
        status, exit_code, _ = weighted(SEED_STATUSES, rng)
        actor = rng.choice(SEED_ACTORS)
        mode = "plan" if status == "changes_planned" else "apply"
        started = datetime.fromtimestamp(ms / 1000, UTC)
        finished = started + timedelta(milliseconds=rng.randrange(40, 9000))
        request = {"service": f"svc-{rng.randrange(40)}", "environment":
                   rng.choice(("staging", "prod")), "replicas": rng.randrange(1, 6)}
        doc = dict(template)
        doc.update(run_id=run_id, automation=automation, status=status, exit_code=exit_code,
                   actor=actor, mode=mode, request=request,
                   timing={"started_at": started.isoformat(),
                           "finished_at": finished.isoformat(),
                           "duration_ms": int((finished - started).total_seconds() * 1000)})
        result = json.dumps(doc, sort_keys=True)
        result_bytes += len(result)
        rows.append((run_id, automation, "1.0.0", mode, status, exit_code, actor,
                     f"derived:{rng.getrandbits(64):016x}", json.dumps(request, sort_keys=True),
                     None, f"{rng.getrandbits(128):032x}", result, runtime_json,
                     "automation" if status == "failed" else None, started.isoformat(),
                     finished.isoformat(), f"{rng.getrandbits(128):032x}",
                     "derived"))
        if len(rows) >= batch:
            flush()
    if rows:
        flush()
    if store.dialect == "postgresql":
        store._execute("ANALYZE runs")
    elapsed = time.perf_counter() - began
    session.close()
    return {"runs": count, "seconds": round(elapsed, 2),
            "result_json_mean_bytes": round(result_bytes / max(count, 1)),
            "ids": ids}


# -- the three measurements -----------------------------------------------------------------------

def dry_run_body(i: int) -> dict[str, Any]:
    return {"request": {"service": f"api-{i % 7}", "environment": "staging", "replicas": 3},
            "dry_run": True}


def check_dry_run(doc: dict[str, Any]) -> None:
    if doc.get("status") != "changes_planned" or doc.get("exit_code") != 10:
        raise RuntimeError(f"unexpected dry-run result: {json.dumps(doc)[:500]}")


def one_http_dry_run(base: str, token: str, i: int) -> dict[str, Any]:
    import httpx

    with httpx.Client(base_url=base, timeout=60) as client:
        r = client.post(f"/v1/automations/{AUTOMATION_NAME}/runs", params={"wait": "30s"},
                        json=dry_run_body(i), headers={"Authorization": f"Bearer {token}"})
    if r.status_code != 200:
        raise RuntimeError(f"dry run over HTTP: HTTP {r.status_code}: {r.text[:500]}")
    doc: dict[str, Any] = r.json()
    check_dry_run(doc)
    return doc


def bench_get_run(tmp: Path, project: BenchProject, args: argparse.Namespace,
                  env: dict[str, str]) -> dict[str, Any]:
    server = start_opsctl(project)
    bare: Server | None = None
    with running(server):
        doc = one_http_dry_run(server.url, project.token, 0)
        run_id = doc["run_id"]
        import httpx

        stored = httpx.get(f"{server.url}/v1/runs/{run_id}",
                           headers={"Authorization": f"Bearer {project.token}"}).json()
        bare = start_bare(tmp, stored, env)
        with running(bare):
            headers = {"Authorization": f"Bearer {project.token}"}
            cases = {
                "opsctl": (server, f"/v1/runs/{run_id}", headers),
                "bare_same_doc": (bare, f"/v1/runs/{run_id}", {}),
                "bare_tiny": (bare, "/tiny", {}),
            }
            figures: dict[str, dict[str, list[dict[str, Any]]]] = {
                name: {f"c{c}": [] for c in (1, args.concurrency)} for name in cases}
            for r in range(args.rounds):
                order = list(cases) if r % 2 == 0 else list(reversed(cases))
                for conc in (1, args.concurrency):
                    for name in order:
                        srv, path, hdrs = cases[name]
                        if conc == 1:
                            s = load_sync(srv.url, path, hdrs, args.duration, args.warmup, srv.pid)
                        else:
                            s = load_threads(srv.url, path, hdrs, args.duration, args.warmup,
                                             srv.pid, conc)
                        figures[name][f"c{conc}"].append(s.figures())
    out: dict[str, Any] = {"run_id": run_id, "document_bytes": len(json.dumps(stored)),
                           "cases": {name: {k: median_of(v) for k, v in per.items()}
                                     for name, per in figures.items()}}
    ratios: dict[str, Any] = {}
    for conc in (1, args.concurrency):
        key = f"c{conc}"
        ours = out["cases"]["opsctl"][key]
        for base in ("bare_same_doc", "bare_tiny"):
            theirs = out["cases"][base][key]
            ratios[f"{key}_rps_vs_{base}"] = ratio(ours["rps"], theirs["rps"])
            ratios[f"{key}_server_cpu_per_req_vs_{base}"] = ratio(
                ours["server_cpu_ms_per_req"], theirs["server_cpu_ms_per_req"])
    out["ratios"] = ratios
    return out


def bench_list_runs(small: BenchProject, big: BenchProject, small_ids: list[str],
                    big_ids: list[str], args: argparse.Namespace) -> dict[str, Any]:
    from opsctl.store.queue import encode_cursor

    def deep(ids: list[str]) -> str:
        return encode_cursor(ids[len(ids) // 10])  # 90% of the history is newer than this

    servers = {"small": start_opsctl(small)}
    try:
        servers["big"] = start_opsctl(big)
    except BaseException:
        servers["small"].stop()
        raise
    projects = {"small": small, "big": big}
    filt = "&".join(f"{k}={v}" for k, v in FILTER.items())
    rare = "&".join(f"{k}={v}" for k, v in RARE_FILTER.items())
    queries = {
        "plain": {"small": "/v1/runs?limit=50", "big": "/v1/runs?limit=50"},
        "filtered": {"small": f"/v1/runs?limit=50&{filt}", "big": f"/v1/runs?limit=50&{filt}"},
        "filtered_rare": {"small": f"/v1/runs?limit=50&{rare}",
                          "big": f"/v1/runs?limit=50&{rare}"},
        "deep_cursor": {"small": f"/v1/runs?limit=50&cursor={deep(small_ids)}",
                        "big": f"/v1/runs?limit=50&cursor={deep(big_ids)}"},
    }
    labels = {"small": f"runs_{len(small_ids)}", "big": f"runs_{len(big_ids)}"}
    figures: dict[str, dict[str, list[dict[str, Any]]]] = {
        q: {s: [] for s in servers} for q in queries}
    page_sizes: dict[str, dict[str, int]] = {q: {} for q in queries}
    with running(*servers.values()):
        import httpx

        for q, paths in queries.items():
            for s, path in paths.items():
                r = httpx.get(servers[s].url + path,
                              headers={"Authorization": f"Bearer {projects[s].token}"})
                if r.status_code != 200:
                    raise RuntimeError(f"GET {path}: HTTP {r.status_code}: {r.text[:300]}")
                page_sizes[q][labels[s]] = len(r.json()["runs"])
        for r in range(args.rounds):
            for q, paths in queries.items():
                order = ["small", "big"] if r % 2 == 0 else ["big", "small"]
                targets = [(servers[s].url, paths[s],
                            {"Authorization": f"Bearer {projects[s].token}"}, servers[s].pid)
                           for s in order]
                for s, sample in zip(order, load_alternating(targets, args.duration,
                                                             args.warmup), strict=True):
                    figures[q][s].append(sample.figures())
    out: dict[str, Any] = {"filter": FILTER, "rare_filter": RARE_FILTER,
                           "not_in_targets": ["filtered_rare"], "page_rows": page_sizes,
                           "cases": {}}
    for q in queries:
        small_f, big_f = median_of(figures[q]["small"]), median_of(figures[q]["big"])
        out["cases"][q] = {labels["small"]: small_f, labels["big"]: big_f,
                           "p95_ratio": ratio(big_f["p95_ms"], small_f["p95_ms"]),
                           "p50_ratio": ratio(big_f["p50_ms"], small_f["p50_ms"])}
    return out


def bench_dry_run(project: BenchProject, args: argparse.Namespace) -> dict[str, Any]:
    import httpx

    from opsctl.engine.run import execute

    log = (project.root / "inprocess.log").open("w")
    session = project.session(log_stream=log)
    automation = session.catalog.load(AUTOMATION_NAME)
    server = start_opsctl(project)
    http_ms: list[list[float]] = []
    local_ms: list[list[float]] = []
    http_cpu: list[float] = []
    with running(server), httpx.Client(base_url=server.url, timeout=60) as client:
        headers = {"Authorization": f"Bearer {project.token}"}

        def over_http(i: int) -> float:
            t0 = time.perf_counter()
            r = client.post(f"/v1/automations/{AUTOMATION_NAME}/runs",
                            params={"wait": "30s"}, json=dry_run_body(i), headers=headers)
            elapsed = time.perf_counter() - t0
            if r.status_code != 200:
                raise RuntimeError(f"dry run over HTTP: HTTP {r.status_code}: {r.text[:500]}")
            check_dry_run(r.json())
            return elapsed

        def in_process(i: int) -> float:
            t0 = time.perf_counter()
            outcome = execute(session, automation, dry_run_body(i)["request"], mode="plan",
                              dry_run=True)
            elapsed = time.perf_counter() - t0
            check_dry_run(outcome.document)
            return elapsed

        for i in range(args.dry_run_warmup):
            over_http(i)
            in_process(i)
        for r in range(args.rounds):
            order = [("http", over_http), ("local", in_process)]
            if r % 2:
                order.reverse()
            for kind, call in order:
                times: list[float] = []
                cpu0 = cpu_ticks(server.pid)
                began = time.perf_counter()
                i = 0
                while time.perf_counter() - began < args.duration or i < 5:
                    times.append(call(i) * 1000)
                    i += 1
                if kind == "http":
                    http_ms.append(times)
                    http_cpu.append((cpu_ticks(server.pid) - cpu0) * TICK_S * 1000 / len(times))
                else:
                    local_ms.append(times)
    session.close()
    log.close()

    def summary(per_round: list[list[float]]) -> dict[str, Any]:
        return {"runs": sum(len(t) for t in per_round),
                "p50_ms": round(statistics.median(pct(t, 50) for t in per_round), 3),
                "p95_ms": round(statistics.median(pct(t, 95) for t in per_round), 3),
                "p50_ms_by_round": [round(pct(t, 50), 3) for t in per_round]}

    http, local = summary(http_ms), summary(local_ms)
    http["server_cpu_ms_per_run"] = round(statistics.median(http_cpu), 3)
    return {"automation": AUTOMATION_NAME, "http": http, "in_process": local,
            "p50_ratio": ratio(http["p50_ms"], local["p50_ms"]),
            "p95_ratio": ratio(http["p95_ms"], local["p95_ms"])}


def template_result(project: BenchProject) -> dict[str, Any]:
    """A real result document of the small automation (an apply of 3 actions), the shape the
    seeded rows copy."""
    from opsctl.engine.run import execute

    session = project.session(log_stream=open(os.devnull, "w"))  # noqa: SIM115
    try:
        automation = session.catalog.load(AUTOMATION_NAME)
        outcome = execute(session, automation, {"service": "template", "replicas": 3},
                          mode="apply")
        return dict(outcome.document)
    finally:
        session.close()


# -- main -----------------------------------------------------------------------------------------

def postgres_schema(url: str, name: str) -> str:
    from urllib.parse import quote

    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        conn.execute(f"CREATE SCHEMA {name}")
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-csearch_path={name}')}"


def drop_schemas(url: str, names: list[str]) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        for name in names:
            conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=2.0,
                        help="seconds each case is measured per round (default 2)")
    parser.add_argument("--warmup", type=float, default=0.5,
                        help="seconds of unmeasured requests before each case (default 0.5)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="interleaved rounds; figures are medians across them (default 3)")
    parser.add_argument("--runs", type=int, default=100_000,
                        help="runs in the large history (default 100000)")
    parser.add_argument("--small-runs", type=int, default=1_000,
                        help="runs in the small history (default 1000)")
    parser.add_argument("--concurrency", type=int, default=32,
                        help="concurrent connections of the loaded case (default 32)")
    parser.add_argument("--dry-run-warmup", type=int, default=5)
    parser.add_argument("--postgres", metavar="URL", default=None,
                        help="put every store in fresh schemas of this PostgreSQL database")
    parser.add_argument("--only", choices=("get", "list", "dry-run"), action="append",
                        help="measure only these (repeatable; default all)")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir")
    args = parser.parse_args()
    only = set(args.only or ("get", "list", "dry-run"))

    out: dict[str, Any] = {
        "benchmark": "http_api", "python": platform.python_version(), "cpus": os.cpu_count(),
        "loadavg_start": [round(x, 2) for x in os.getloadavg()],
        "settings": {"duration_s": args.duration, "warmup_s": args.warmup,
                     "rounds": args.rounds, "runs": args.runs, "small_runs": args.small_runs,
                     "concurrency": args.concurrency,
                     "store": "postgresql" if args.postgres else "sqlite",
                     "client": f"httpx {__import__('httpx').__version__}, in this process: one "
                               "sync Client at c=1; at higher concurrency one thread per "
                               "connection, each with its own keep-alive Client",
                     "server": "uvicorn " + __import__("uvicorn").__version__ + ", one process, "
                               "log_level warning, access_log off, lifespan off"},
        "targets": {"get_run_rps_ratio_min": TARGET_GET_RPS_RATIO,
                    "list_runs_p95_ratio_max": TARGET_LIST_P95_RATIO,
                    "dry_run_ratio_max": TARGET_DRY_RUN_RATIO},
    }
    tmp = Path(tempfile.mkdtemp(prefix="opsctl-bench-http-"))
    schemas: list[str] = []
    began = time.perf_counter()
    try:
        def store_for(name: str) -> str | None:
            if not args.postgres:
                return None
            schema = f"bench_http_{os.getpid()}_{name}"
            schemas.append(schema)
            return postgres_schema(args.postgres, schema)

        api = make_project(tmp, "api", store_for("api"))
        base_env = clean_env(tmp, None)
        met: dict[str, bool | None] = {}
        if "get" in only:
            get = bench_get_run(tmp, api, args, base_env)
            out["get_run"] = get
            met["get_run_rps_c1"] = (get["ratios"]["c1_rps_vs_bare_same_doc"] or 0) \
                >= TARGET_GET_RPS_RATIO
            met[f"get_run_rps_c{args.concurrency}"] = (
                get["ratios"][f"c{args.concurrency}_rps_vs_bare_same_doc"] or 0) \
                >= TARGET_GET_RPS_RATIO
        if "list" in only:
            template = template_result(api)
            small = make_project(tmp, "history_small", store_for("small"))
            big = make_project(tmp, "history_big", store_for("big"))
            seeded_small = seed_runs(small, args.small_runs, template)
            seeded_big = seed_runs(big, args.runs, template)
            listing = bench_list_runs(small, big, seeded_small.pop("ids"),
                                      seeded_big.pop("ids"), args)
            listing["seed"] = {"small": seeded_small, "big": seeded_big}
            out["list_runs"] = listing
            for q, case in listing["cases"].items():
                if q in listing["not_in_targets"]:
                    continue
                met[f"list_runs_{q}_p95"] = (case["p95_ratio"] is not None
                                             and case["p95_ratio"] <= TARGET_LIST_P95_RATIO)
        if "dry-run" in only:
            dry = bench_dry_run(api, args)
            out["dry_run"] = dry
            met["dry_run_p50"] = dry["p50_ratio"] is not None \
                and dry["p50_ratio"] <= TARGET_DRY_RUN_RATIO
        out["targets_met"] = met
        out["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
        out["elapsed_s"] = round(time.perf_counter() - began, 1)
        if args.keep:
            out["temp_dir"] = str(tmp)
    finally:
        if args.postgres and schemas:
            with suppress(Exception):
                drop_schemas(args.postgres, schemas)
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
