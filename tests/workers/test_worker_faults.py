"""Workers under real faults: the broker restarted, the store unreachable, and refusals.

The broker is only a wake-up and the store is the truth, so every fault here must end the same
way: each run finished, each effect applied once (``effects.db`` counts them), nothing left
queued or running. The faults are real processes and sockets: a ``redis-server`` of the test's
own (never the machine's) killed and started again on its port without persistence, and a TCP
proxy in front of PostgreSQL whose ``kill()`` drops every connection of a worker.

Waits poll the store against deadlines; sleeps only shape the faults. Each test prints what its
fault cost (``pytest -s`` shows it).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.conftest import OPSCTL, Project
from tests.tcp_proxy import TCPProxy
from tests.workers.conftest import EFFECTS, WorkerProject, _project

REDELIVER_AFTER_S = 5.0  # worker.redeliver_after as WorkerProject writes it
LOCK_TTL_S = 3.0         # OPSCTL_LOCK_TTL as WorkerProject sets it: claims, leases, heartbeats


def wait_until(check: Callable[[], Any], timeout: float, what: str,
               details: Callable[[], str] = lambda: "") -> Any:
    """Poll ``check`` every 50 ms until it returns something truthy; fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout:.0f}s\n{details()}")
        time.sleep(0.05)


def applied(project: WorkerProject) -> int:
    """How many targets have their effect (0 while effects.db is still being created)."""
    try:
        return len(project.effects())
    except sqlite3.OperationalError:  # the file exists, its table not yet
        return 0


def queue_runs(project: WorkerProject, batches: list[str], *args: str) -> list[str]:
    """Queue one fanned-out apply per batch without following it; the run ids."""
    ids = []
    for batch in batches:
        r = project.run("apply", "effects", "--batch", batch, "--executor", "celery",
                        "--no-wait", "--format", "json", *args, expect_json=False)
        assert r.code == 0, r.stderr
        ids.append(json.loads(r.stdout)["run_id"])
    return ids


def finished_runs(project: WorkerProject, timeout: float) -> list[dict[str, Any]]:
    """The runs once none is queued or running and every claim was let go (a worker lets go
    of its claim just after it records the result)."""
    project.wait_all_finished(timeout=timeout)
    return list(wait_until(
        lambda: (rows := project.run_rows()) and all(r["claim_until"] is None for r in rows)
        and rows, 10, "claims let go after the runs finished",
        lambda: json.dumps(project.run_rows(), default=str)))


def assert_all_done_once(project: WorkerProject, rows: list[dict[str, Any]],
                         expected: dict[str, int]) -> None:
    """Every run succeeded, each effect once, no chunk or lease left behind."""
    assert [r["status"] for r in rows] == ["succeeded"] * len(rows), _why_not(project, rows)
    assert [r["exit_code"] for r in rows] == [0] * len(rows), rows
    assert project.effects() == expected
    store = project.store()
    try:
        chunks = store._rows("SELECT run_id, chunk, status FROM run_chunks WHERE status IN "
                             "('pending', 'running', 'stop')")
    finally:
        store.close()
    assert chunks == []
    assert project.run("locks", "--format", "json", expect_json=True).doc["locks"] == []


def _why_not(project: WorkerProject, rows: list[dict[str, Any]]) -> str:
    """The errors of the runs that did not succeed, and the workers' last log lines."""
    store = project.store()
    try:
        errors = [(r["id"], r["status"], ((store.get_run(str(r["id"])) or {}).get("result")
                                          or {}).get("error"))
                  for r in rows if r["status"] != "succeeded"]
    finally:
        store.close()
    return f"{errors}\n{project.worker_logs()[-4000:]}"


def log_events(text: str, event: str) -> list[dict[str, Any]]:
    found = []
    for line in text.splitlines():
        if line.startswith("{") and f'"{event}"' in line:
            with contextlib.suppress(ValueError):
                found.append(json.loads(line))
    return found


# -- a Redis of the test's own --------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    """``redis-server`` on a free loopback port without persistence: a restart loses every
    queued message, as a broker restarted without AOF/RDB does."""

    def __init__(self, directory: Path, requirepass: str | None = None) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("the broker-restart tests start their own redis-server (apt: "
                        "redis-server)")
        self.binary = binary
        self.directory = directory
        directory.mkdir()
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0
        self.requirepass = requirepass

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def ping(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(64).startswith((b"+PONG", b"-NOAUTH"))
        except OSError:
            return False

    def run_wakeups(self, queue: str) -> tuple[set[str], set[str]]:
        """The runs whose wake-up waits in ``queue`` (a Redis list of Celery messages), and
        those whose wake-up a worker took but has not started yet (kombu keeps those in the
        ``unacked`` hash until they are acknowledged, when the task starts)."""
        import redis

        client = redis.Redis.from_url(self.url)
        try:
            waiting = client.lrange(queue, 0, -1)
            held = [json.loads(v)[0] for v in client.hvals("unacked")]
        finally:
            client.close()

        def runs(messages: list[Any]) -> set[str]:
            found = set()
            for message in messages:
                if isinstance(message, bytes | str):
                    message = json.loads(message)
                if message["headers"].get("task") == "opsctl.run":
                    found.add(str(json.loads(base64.b64decode(message["body"]))[0][0]))
            return found

        return runs(waiting), runs(held)

    def start(self) -> None:
        assert self.proc is None
        self.starts += 1
        log = open(self.directory / f"redis-{self.starts}.log", "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.directory), "--protected-mode", "no",
             *(["--requirepass", self.requirepass] if self.requirepass else [])],
            stdout=log, stderr=subprocess.STDOUT, cwd=self.directory)
        log.close()
        wait_until(self.ping, 10, f"redis-server on port {self.port}",
                   lambda: (self.directory / f"redis-{self.starts}.log").read_text())

    def kill(self) -> None:
        """SIGKILL: the connections drop at once and the queues are gone."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        self.proc = None

    def stop(self) -> None:
        if self.proc is not None:
            self.kill()


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path / "redis")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def oproject(tmp_path: Path, own_redis: RedisServer) -> Iterator[WorkerProject]:
    """A worker project whose broker is the test's own redis-server."""
    yield from _project(tmp_path, own_redis.url, "redis")


# -- 1. the broker restarted ------------------------------------------------------------------

def test_broker_restart_mid_run_loses_wakeups_not_runs(oproject: WorkerProject,
                                                       own_redis: RedisServer) -> None:
    """Redis killed under fanned-out runs and started again empty on its port: the wake-ups it
    held are gone (runs not taken yet, chunks not taken yet), the runs are not.

    Cost: runs queued but not taken yet wait for the sweeper (redeliver_after after they were
    queued, 5 s here, 300 s by default), and for the worker's consumer to reconnect (Celery
    tries again 2 s, 4 s, 6 s ... up to 30 s apart, so a long outage adds up to 30 s after the
    broker is back); chunks whose wake-up was lost are applied by their coordinator, one at a
    time, instead of by other workers. Runs in progress go on: their claims, leases and
    journal are in PostgreSQL, and the broker is not on their path.
    """
    batches = [f"b{i}" for i in range(6)]
    count = 20
    started = time.monotonic()
    # queued before any worker runs: six wake-ups for a worker with two slots, each run taking
    # a slot for a second or two; the worker takes a few ahead (prefetch), the rest wait in
    # Redis and go down with it
    ids = queue_runs(oproject, batches, "--count", str(count), "--sleep-ms", "50",
                     "--fan-out", "3")
    oproject.start_worker(2)
    wait_until(lambda: applied(oproject) >= 6, 30, "effects applied before the fault",
               oproject.worker_logs)
    waiting, held = own_redis.run_wakeups(oproject.queue)
    lost = waiting - held  # a run whose only wake-ups go down with the broker
    own_redis.kill()
    applied_at_kill = applied(oproject)
    assert lost, "the worker had taken every wake-up before the fault: it would test nothing"
    time.sleep(3)
    own_redis.start()
    restarted = time.monotonic()
    rows = finished_runs(oproject, 60)
    finished = time.monotonic()
    assert sorted(r["id"] for r in rows) == sorted(ids)
    assert_all_done_once(oproject, rows,
                         {f"{b}-{i:05d}": 1 for b in batches for i in range(count)})
    # Each lost wake-up was sent again by the sweeper (on a loaded machine it may have sent
    # one already before the kill, into the queue that went down; then again after it).
    woken = {e["run_id"] for e in log_events(oproject.worker_logs(), "sweeper.woke")}
    assert lost <= woken, (lost, woken)
    print(f"\nbroker restart: {applied_at_kill}/{count * len(batches)} effects at the kill, "
          f"{len(lost)} run wake-up(s) lost with the broker's queue, down 3s, runs "
          f"finished {finished - restarted:.1f}s after it came back "
          f"({finished - started:.1f}s in all)")


def test_queueing_with_a_login_the_broker_refuses_is_exit_4_and_records_nothing(
        rproject: WorkerProject) -> None:
    """A refused login is not an outage to wait out: the caller is told to fix broker_url,
    and no run is left queued that this machine could never wake."""
    from tests.workers.conftest import RABBITMQ_URL

    if not RABBITMQ_URL:
        pytest.skip("needs OPSCTL_TEST_RABBITMQ_URL")
    parts = urlsplit(RABBITMQ_URL)
    wrong = urlunsplit(parts._replace(
        netloc=f"{parts.username or 'guest'}:not-the-password@{parts.hostname}:{parts.port or 5672}"))
    rproject.extra_env["OPSCTL_BROKER_URL"] = wrong
    r = rproject.run("apply", "effects", "--batch", "x", "--executor", "celery", "--no-wait",
                     "--format", "json", timeout=60)
    assert r.code == 4, (r.stdout, r.stderr)
    message = error_text(r)
    assert "refused this login (AccessRefused): check the user, password and virtual host in " \
           "broker_url; the run was not queued" in message, message
    assert "not-the-password" not in r.stdout + r.stderr
    assert rproject.run_rows() == []


def test_queueing_while_the_broker_is_down_records_and_the_sweeper_delivers(
        oproject: WorkerProject, own_redis: RedisServer) -> None:
    """``--no-wait`` with the broker down records the run, warns that its wake-up was not
    delivered and exits 0; once the broker is back a worker's sweeper sends the wake-up.

    Cost: the CLI spends the publish retries (about 6 s) before it gives up on the broker, and
    so does each sweep that tries to wake a run meanwhile (the sweeper thread waits that long);
    the run starts at most about redeliver_after (plus a sweep interval and the worker's
    reconnection) after the broker is back.
    """
    oproject.start_worker(2)
    own_redis.kill()
    t0 = time.monotonic()
    r = oproject.run("apply", "effects", "--batch", "q", "--count", "3", "--executor", "celery",
                     "--no-wait", "--format", "json", expect_json=False, timeout=60)
    cli_s = time.monotonic() - t0
    assert r.code == 0, r.stderr
    run_id = json.loads(r.stdout)["run_id"]
    warned = log_events(r.stderr, "run.wake_failed")
    assert warned and warned[0]["run_id"] == run_id, r.stderr
    assert "sweeper sends it again" in warned[0]["message"]
    assert [(row["id"], row["status"]) for row in oproject.run_rows()] == [(run_id, "queued")]
    time.sleep(1)  # down a little longer: the sweeper's own wake-ups fail too meanwhile
    assert oproject.run_rows()[0]["status"] == "queued"
    own_redis.start()
    back = time.monotonic()
    rows = finished_runs(oproject, REDELIVER_AFTER_S + 20)
    delivered_s = time.monotonic() - back
    assert_all_done_once(oproject, rows, {f"q-{i:05d}": 1 for i in range(3)})
    assert log_events(oproject.worker_logs(), "sweeper.woke")
    assert delivered_s < REDELIVER_AFTER_S + 15, delivered_s
    print(f"\nbroker down at queueing: the CLI took {cli_s:.1f}s, the run finished "
          f"{delivered_s:.1f}s after the broker came back")


# -- 2. the store unreachable for a while -----------------------------------------------------

@pytest.fixture
def store_proxy(rproject: WorkerProject) -> Iterator[tuple[TCPProxy, str]]:
    """A TCP proxy in front of the project's PostgreSQL; the store URL through it (for the
    worker). The CLI and the test keep the direct URL."""
    parts = urlsplit(rproject.extra_env["OPSCTL_STORE_URL"])
    proxy = TCPProxy(parts.hostname or "127.0.0.1", parts.port or 5432)
    try:
        yield proxy, urlunsplit(parts._replace(netloc=f"127.0.0.1:{proxy.port}"))
    finally:
        proxy.kill()


def test_store_unreachable_mid_run_the_claim_runs_out_and_a_new_claim_resumes(
        rproject: WorkerProject, store_proxy: tuple[TCPProxy, str]) -> None:
    """Every connection of the worker to PostgreSQL dropped mid-run for a few seconds, then
    the server reachable again on the same address: the run ends, each effect once.

    Cost: while the store is away nothing progresses (the in-flight actions finish, their
    journal writes fail, the coordinator and its chunks give up: ``run.left``, ``chunk.lost``).
    After it is back the run waits for its claim to run out (the lease TTL, lock_ttl = 3 s
    here, 60 s by default, counted from the last heartbeat before the outage, so an outage
    longer than the TTL adds nothing), then for the sweeper (sweep_interval) and a new claim,
    which resumes from the journal and fans out again: it re-plans, so an effect whose
    journal record was lost is found done and not applied again. A wake-up lost after the
    store is back would cost a whole redeliver_after more: set to 20 s here, the deadline
    below catches it (a pool thread's connection dropped while it was idle once did that).
    """
    proxy, via_proxy = store_proxy
    rproject.write_config(f'[worker]\nqueue = "{rproject.queue}"\nsweep_interval = "500ms"\n'
                          'redeliver_after = "20s"\n')
    worker = rproject.start_worker(3, env={"OPSCTL_STORE_URL": via_proxy})
    started = time.monotonic()
    [run_id] = queue_runs(rproject, ["s"], "--count", "30", "--sleep-ms", "100",
                          "--fan-out", "3")
    wait_until(lambda: applied(rproject) >= 6, 30, "effects applied before the fault",
               rproject.worker_logs)
    proxy.kill()
    killed = time.monotonic()
    applied_at_kill = applied(rproject)
    time.sleep(LOCK_TTL_S + 1)  # longer than the lease TTL: the claim is out when it is back
    progressed = applied(rproject) - applied_at_kill
    proxy = TCPProxy(proxy.target[0], proxy.target[1], port=proxy.port)
    back = time.monotonic()
    try:
        rows = finished_runs(rproject, 60)
        finished = time.monotonic()
        assert [r["id"] for r in rows] == [run_id]
        assert_all_done_once(rproject, rows, {f"s-{i:05d}": 1 for i in range(30)})
        assert worker.poll() is None  # the worker itself rode it out
        logs = rproject.worker_logs()
        assert log_events(logs, "sweeper.woke"), logs[-4000:]
        assert len(log_events(logs, "run.fanned_out")) == 2, logs[-4000:]  # the resume too
        # at most the actions in flight (one per chunk) took effect after the store went away
        assert progressed <= 3, progressed
        assert finished - back < 10, logs[-6000:]  # no wake-up lost once the store is back
        print(f"\nstore away {LOCK_TTL_S + 1:.0f}s: {applied_at_kill}/30 effects at the fault, {progressed} more "
              f"while away, the run finished {finished - back:.1f}s after the store was back "
              f"({finished - started:.1f}s in all, {finished - killed:.1f}s since the fault)")
    finally:
        proxy.kill()


def test_wake_ups_taken_while_the_store_was_away_are_sent_again_once_it_is_back(
        rproject: WorkerProject, store_proxy: tuple[TCPProxy, str]) -> None:
    """Runs queued (by a machine that still reaches the store) while the worker's store is
    away: the worker takes their wake-ups and cannot read the runs. Once the store is back,
    its sweeper wakes them again at its next sweep, not a whole redeliver_after later (5 min
    by default: a blip of a second held every run queued meanwhile that long), and no wake-up
    is logged as a task that "raised unexpected" with a traceback."""
    proxy, via_proxy = store_proxy
    rproject.write_config(f'[worker]\nqueue = "{rproject.queue}"\nsweep_interval = "500ms"\n'
                          'redeliver_after = "60s"\n')
    rproject.start_worker(2, env={"OPSCTL_STORE_URL": via_proxy})
    proxy.kill()
    run_ids = queue_runs(rproject, ["w1", "w2"], "--count", "1")
    wait_until(lambda: rproject.worker_logs().count("] received") >= 2, 30,
               "the worker to take the wake-ups", rproject.worker_logs)
    time.sleep(1)  # the worker tries to read them
    proxy = TCPProxy(proxy.target[0], proxy.target[1], port=proxy.port)
    try:
        rows = finished_runs(rproject, 20)
        assert sorted(r["id"] for r in rows) == sorted(run_ids)
        assert_all_done_once(rproject, rows, {"w1-00000": 1, "w2-00000": 1})
        assert "raised unexpected" not in rproject.worker_logs()
    finally:
        proxy.kill()


# -- 3. bad input and refusals ----------------------------------------------------------------

UNUSED_BROKER = "redis://127.0.0.1:9/0"  # never connected to: the checks come first


def effects_project(project: Project) -> Project:
    """A plain project (the SQLite store) with the ``effects`` automation and a broker URL."""
    project.add_module("effects_auto", EFFECTS)
    project.extra_env.update(OPSCTL_BROKER_URL=UNUSED_BROKER, OPSCTL_CONFIRM="never",
                             OPSCTL_LOG_FORMAT="json")
    return project


def error_text(result: Any) -> str:
    doc = result.doc if isinstance(result.doc, dict) else {}
    return f"{(doc.get('error') or {}).get('message', '')}\n{result.stderr}"


def test_celery_executor_and_worker_refuse_the_sqlite_store(project: Project) -> None:
    effects_project(project)
    r = project.run("apply", "effects", "--batch", "x", "--executor", "celery", "--format",
                    "json", timeout=60)
    assert r.code == 2, (r.stdout, r.stderr)
    assert "PostgreSQL" in error_text(r) and "SQLite" in error_text(r), error_text(r)
    r = project.run("apply", "effects", "--batch", "x", "--executor", "celery", "--no-wait",
                    timeout=60)
    assert r.code == 2 and "PostgreSQL" in r.stderr, r.stderr
    runs = project.run("runs", "--format", "json", expect_json=True).doc["runs"]
    assert runs == []  # nothing recorded
    assert not (project.root / "effects.db").exists()
    # a worker says why it cannot start, instead of waiting on a store nobody else can share
    worker = subprocess.run([OPSCTL, "worker"], cwd=project.root, env=project.env(),
                            capture_output=True, text=True, timeout=60)
    assert worker.returncode == 2, worker.stderr
    assert "`opsctl worker` needs the PostgreSQL store" in worker.stderr, worker.stderr
    assert "SQLite store is a file on this machine" in worker.stderr
    assert "Traceback" not in worker.stderr


def test_celery_executor_and_worker_need_a_broker(rproject: WorkerProject) -> None:
    del rproject.extra_env["OPSCTL_BROKER_URL"]
    r = rproject.run("apply", "effects", "--batch", "x", "--executor", "celery", "--format",
                     "json", timeout=60)
    assert r.code == 2, (r.stdout, r.stderr)
    assert "needs a Celery broker: set broker_url (OPSCTL_BROKER_URL)" in error_text(r)
    assert rproject.run_rows() == []  # nothing recorded
    worker = subprocess.run([OPSCTL, "worker"], cwd=rproject.root, env=rproject.env(),
                            capture_output=True, text=True, timeout=60)
    assert worker.returncode == 2, worker.stderr
    assert "`opsctl worker` needs a Celery broker" in worker.stderr, worker.stderr
    assert "Traceback" not in worker.stderr


@pytest.mark.parametrize("queue", ["", "bad queue!"], ids=["empty", "space"])
def test_a_worker_refuses_a_queue_name_that_worker_queue_would_refuse(
        rproject: WorkerProject, queue: str) -> None:
    """`-Q "$QUEUE"` with the variable unset: exit 2, not a worker waiting on a queue that
    nothing is routed to."""
    worker = subprocess.run([OPSCTL, "worker", "-Q", queue], cwd=rproject.root,
                            env=rproject.env(), capture_output=True, text=True, timeout=60)
    assert worker.returncode == 2, worker.stderr
    assert f"--queue: a queue name is letters, digits, '-', '_' and '.', not {queue!r}" in \
        worker.stderr
    assert "taking" not in worker.stderr


@pytest.mark.parametrize("name", [None, "wv@%h"], ids=["default-name", "name-template"])
def test_a_worker_with_another_contract_version_refuses_and_the_run_fails_after_max_refusals(
        rproject: WorkerProject, tmp_path: Path, name: str | None) -> None:
    """The only worker of the queue runs effects 2.0.0; the run was queued for 1.0.0. It
    refuses each wake-up (``run.refused_by_worker``), and after MAX_REFUSALS the run is
    finished as failed with exit 3 and why, instead of staying queued. The worker is named
    as Celery names it: ``--name wv@%h`` is ``wv@HOST``, never the template.

    Cost: MAX_REFUSALS wake-ups REFUSED_DELAY_S apart (about 8 s) before the caller learns it.
    """
    from opsctl.dispatch.celery_app import REFUSED_DELAY_S
    from opsctl.dispatch.worker import MAX_REFUSALS

    root = tmp_path / "v2"
    root.mkdir()
    v2 = WorkerProject(root, rproject.extra_env["OPSCTL_STORE_URL"],
                       rproject.extra_env["OPSCTL_BROKER_URL"], "redis")
    try:
        v2.queue = rproject.queue  # the same store and queue, the automation one major later
        v2.worker_config()
        v2.add_module("effects_auto", EFFECTS.replace('version="1.0.0"', 'version="2.0.0"'))
        v2_worker = v2.start_worker(2, *(["--name", name] if name else []))
        node = (f"wv@{socket.gethostname()}" if name else  # Celery's name of it
                f"opsctl@{socket.gethostname()}-{v2_worker.pid}")
        t0 = time.monotonic()
        r = rproject.run("apply", "effects", "--batch", "v", "--count", "3", "--executor",
                         "celery", "--format", "json", timeout=60)
        took = time.monotonic() - t0
        assert r.code == 3, (r.stdout, r.stderr, v2.worker_logs()[-3000:])
        assert r.doc["status"] == "failed"
        message = r.doc["error"]["message"]
        assert "no worker could run it" in message, message
        assert "effects 2.0.0" in message and "1.0.0" in message, message
        assert f"worker {node} runs effects 2.0.0, the run was queued for 1.0.0" in message, \
            message
        assert f"refused {MAX_REFUSALS} times" in message, message
        [row] = finished_runs(rproject, 10)
        assert (row["status"], row["exit_code"]) == ("failed", 3)
        refusals = log_events(v2.worker_logs(), "run.refused_by_worker")
        assert refusals and all(e["run_id"] == r.doc["run_id"] for e in refusals)
        assert f"worker {node} runs effects 2.0.0" in refusals[0]["reason"]
        assert {e["worker"] for e in refusals} == {node}
        assert max(e["refusals"] for e in refusals) == MAX_REFUSALS
        assert rproject.effects() == {} and v2.effects() == {}  # nothing applied anywhere
        assert took >= (MAX_REFUSALS - 1) * REFUSED_DELAY_S
        print(f"\nrefused by the only worker: failed with exit 3 after {took:.1f}s")
    finally:
        v2.stop_all()


# -- 4. a broker the worker cannot use ----------------------------------------------------------

def test_a_broker_refusing_the_credentials_stops_the_worker_with_exit_4(
        rproject: WorkerProject) -> None:
    """RabbitMQ refuses the worker's password: the worker exits 4 (a supervisor restarting on
    failure restarts it) with one ``opsctl: error:`` line naming the broker, password
    masked, instead of logging Celery's "Unrecoverable error" and exiting 0."""
    from tests.workers.conftest import RABBITMQ_URL

    if not RABBITMQ_URL:
        pytest.skip("needs OPSCTL_TEST_RABBITMQ_URL (amqp://...)")
    parts = urlsplit(RABBITMQ_URL)
    wrong = urlunsplit(parts._replace(
        netloc=f"{parts.username or 'guest'}:not-the-password@{parts.hostname}:"
               f"{parts.port or 5672}"))
    worker = subprocess.run([OPSCTL, "worker", "-Q", rproject.queue], cwd=rproject.root,
                            env=rproject.env({"OPSCTL_BROKER_URL": wrong}),
                            capture_output=True, text=True, timeout=60)
    assert worker.returncode == 4, worker.stderr[-3000:]
    errors = [line for line in worker.stderr.splitlines() if line.startswith("opsctl: error:")]
    assert len(errors) == 1, worker.stderr[-3000:]
    assert f"broker amqp://{parts.username or 'guest'}:***@{parts.hostname}" in errors[0]
    assert "ACCESS_REFUSED" in errors[0], errors
    assert "not-the-password" not in worker.stderr
    assert "Traceback" not in worker.stderr


@contextlib.contextmanager
def _refusing_broker(kind: str, tmp_path: Path) -> Iterator[tuple[str, str, str]]:
    """A broker URL the broker answers and refuses, its masked form, and the refusal."""
    if kind == "redis-noauth":  # a Redis with a password, none given: NOAUTH
        server = RedisServer(tmp_path / "redis", requirepass="opsctl-test-password")
        server.start()
        try:
            yield server.url, server.url, "AuthenticationError"
        finally:
            server.stop()
    else:
        yield _shared_refusing_broker(kind)


def _shared_refusing_broker(kind: str) -> tuple[str, str, str]:
    from tests.workers.conftest import RABBITMQ_URL, REDIS_URL

    base = REDIS_URL if kind.startswith("redis") else RABBITMQ_URL
    if not base:
        pytest.skip(f"needs OPSCTL_TEST_{kind.split('-')[0].upper()}_URL")
    parts = urlsplit(base)
    host = f"{parts.hostname}:{parts.port or (6379 if kind.startswith('redis') else 5672)}"
    if kind == "redis-wrong-user":  # Redis 6 ACL: WRONGPASS
        return (f"redis://nosuchuser:wrongpw@{host}/7", f"redis://nosuchuser:***@{host}/7",
                "AuthenticationError")
    if kind == "redis-no-such-db":  # 16 databases by default: SELECT 99 is out of range
        return f"redis://{host}/99", f"redis://{host}/99", "DB index is out of range"
    user = parts.username or "guest"  # rabbitmq-vhost: Connection.open (530) NOT_ALLOWED
    return (urlunsplit(parts._replace(path="/opsctl-no-such-vhost")),
            f"amqp://{user}:***@{host}/opsctl-no-such-vhost", "NOT_ALLOWED")


@pytest.mark.parametrize("kind", ["redis-wrong-user", "redis-noauth", "redis-no-such-db",
                                  "rabbitmq-vhost"])
def test_a_broker_refusing_the_worker_stops_it_with_exit_4_at_once(
        rproject: WorkerProject, kind: str, tmp_path: Path) -> None:
    """A Redis ``AUTH`` failure (``WRONGPASS``; ``NOAUTH``: no password for a Redis that
    requires one), a Redis database number the server does not have and a
    RabbitMQ virtual host that does not exist are refusals, as ``ACCESS_REFUSED`` is: exit 4
    at once with one ``opsctl: error:`` line, password masked, instead of Celery connecting
    again for ever. (A password given to a Redis that has none is no refusal: redis-py's
    ``HELLO 3 AUTH default ...`` is accepted by a ``nopass`` user.)"""
    with _refusing_broker(kind, tmp_path) as (url, masked, refusal):
        t0 = time.monotonic()
        try:
            worker = subprocess.run([OPSCTL, "worker", "-Q", rproject.queue], cwd=rproject.root,
                                    env=rproject.env({"OPSCTL_BROKER_URL": url}),
                                    capture_output=True, text=True, timeout=90)
        except subprocess.TimeoutExpired as exc:  # (a loaded machine may take 30 s to start it)
            raise AssertionError(f"still connecting after 90s:\n{exc.stderr!r:.3000}") from None
    took = time.monotonic() - t0
    assert worker.returncode == 4, worker.stderr[-3000:]
    errors = [line for line in worker.stderr.splitlines() if line.startswith("opsctl: error:")]
    assert len(errors) == 1, worker.stderr[-3000:]
    assert f"the worker stopped: broker {masked} failed: " in errors[0], errors
    assert refusal in errors[0], errors
    assert "wrongpw" not in worker.stderr
    assert "Trying again in" not in worker.stderr  # not waited for
    assert "Traceback" not in worker.stderr
    print(f"\n{kind}: exit 4 after {took:.1f}s: {errors[0]}")


def test_a_broker_down_at_start_is_waited_for(rproject: WorkerProject) -> None:
    """No broker listening when the worker starts: it does not exit, it logs each attempt to
    connect (Celery tries again 2 s, 4 s, 6 s ... apart) and stops with exit 0 on SIGTERM."""
    down = f"redis://127.0.0.1:{free_port()}/0"
    log = rproject.root / "down.log"
    with open(log, "w") as handle:
        proc = subprocess.Popen([OPSCTL, "worker", "-Q", rproject.queue], cwd=rproject.root,
                                env=rproject.env({"OPSCTL_BROKER_URL": down}), stdout=handle,
                                stderr=subprocess.STDOUT, text=True, start_new_session=True)
        try:
            wait_until(lambda: log.read_text().count("Cannot connect to redis://") >= 2, 30,
                       "two failed attempts logged", log.read_text)
            assert proc.poll() is None, log.read_text()[-3000:]
            assert "Trying again in" in log.read_text()
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            code = proc.wait(timeout=30)
    assert code == 0, log.read_text()[-3000:]


def test_a_worker_on_another_store_says_the_run_is_not_in_its_store(
        rproject: WorkerProject) -> None:
    """A worker started with another project's configuration (another ``store_url``) gets a
    wake-up for a run its store does not hold: it logs ``run.unknown`` naming the run and its
    own store (an operator sees why nothing happens), and leaves the run queued for a worker
    on the run's store."""
    from tests.conftest import postgres_schema_url

    for other_store in postgres_schema_url():
        rproject.start_worker(1, env={"OPSCTL_STORE_URL": other_store})
        [run_id] = queue_runs(rproject, ["elsewhere"], "--count", "2")
        [event] = wait_until(lambda: log_events(rproject.worker_logs(), "run.unknown"), 60,
                             "the worker's run.unknown warning", rproject.worker_logs)
        assert event["level"] == "warning"
        assert event["run_id"] == run_id
        schema = other_store.rsplit("search_path", 1)[1].lstrip("=%3D")
        assert schema in event["store"], event  # its own store, the other schema
        assert "is not in this worker's store" in event["message"]
        assert "another store_url" in event["message"]
        assert [(r["id"], r["status"]) for r in rproject.run_rows()] == [(run_id, "queued")]
        assert rproject.effects() == {}
        rproject.stop_all()


def test_a_worker_started_outside_the_project_warns_it_has_no_automations(
        rproject: WorkerProject, tmp_path: Path) -> None:
    """`opsctl worker` started in a folder with no opsctl.toml above it (the store and broker
    from the environment) knows no automation: it says so at start, naming the folder and
    what to do, before it refuses every run it is woken for."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    log = tmp_path / "elsewhere.log"
    with open(log, "w") as handle:
        proc = subprocess.Popen([OPSCTL, "worker", "--concurrency", "1"], cwd=elsewhere,
                                env=rproject.env(), stdout=handle, stderr=subprocess.STDOUT,
                                text=True, start_new_session=True)
        try:
            wait_until(lambda: " ready." in log.read_text(errors="replace")
                       or proc.poll() is not None, 90, "the worker ready",
                       lambda: log.read_text(errors="replace"))
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
    text = log.read_text(errors="replace")
    assert "0 automation(s)" in text, text
    assert ("opsctl: warning: this worker has no automations: it refuses every run it is woken "
            "for") in text, text
    assert f"there is no opsctl.toml in {elsewhere} or above it" in text, text
    # in the project, no such warning
    rproject.start_worker(1)
    assert "has no automations" not in rproject.worker_logs()
