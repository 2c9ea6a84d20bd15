"""Real `opsctl worker` processes against real brokers (Redis, RabbitMQ) and PostgreSQL.

Brokers come from ``OPSCTL_TEST_REDIS_URL`` and ``OPSCTL_TEST_RABBITMQ_URL`` (set by .ci/run);
without them these tests skip with the reason (and fail in CI). Every project uses a queue of
its own, so tests running in parallel against one broker never take each other's messages.

The automation ``effects`` has one observable effect per target: a counter row in a SQLite
file of its own (``effects.db``), bumped by one committed statement, so an effect applied
twice shows up as ``count == 2``. Its request chooses a per-action sleep, targets that fail
permanently (``fail``) or transiently once (``flaky``), and dependency chains (``chain``).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import OPSCTL, Project, postgres_schema_url

REDIS_URL = os.environ.get("OPSCTL_TEST_REDIS_URL")
RABBITMQ_URL = os.environ.get("OPSCTL_TEST_RABBITMQ_URL")

EFFECTS = '''
import os, sqlite3, time
from contextlib import closing
from pydantic import BaseModel, Field
from opsctl import Action, Automation, TransientError

class Request(BaseModel):
    batch: str = Field(description="names the targets and the lock scope")
    count: int = Field(default=10, description="targets")
    sleep_ms: int = Field(default=0, description="per action")
    fail: list[int] = Field(default_factory=list, description="targets that fail for good")
    flaky: list[int] = Field(default_factory=list, description="targets failing once, transiently")
    chain: int = Field(default=0, description="each group of CHAIN targets depends in order")

effects = Automation("effects", version="1.0.0", owner="tests", summary="count effects",
                     request=Request, lock_scope=["batch"],
                     retry={"attempts": 3, "base": 0.01, "cap": 0.05})

DB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "effects.db")

def _db():
    # several workers open it at once: switching a new file to WAL answers "database is locked"
    # at once, without waiting out the timeout (SQLite does not wait for that), so try again
    for attempt in range(100):
        conn = sqlite3.connect(DB, timeout=30, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("CREATE TABLE IF NOT EXISTS effects (target TEXT PRIMARY KEY, count INTEGER)")
            conn.execute("CREATE TABLE IF NOT EXISTS tries (target TEXT PRIMARY KEY, count INTEGER)")
            return conn
        except sqlite3.OperationalError as exc:
            conn.close()
            if "locked" not in str(exc) or attempt == 99:
                raise
            time.sleep(0.05)

def _target(req, i):
    return f"{req.batch}-{i:05d}"

@effects.plan
def plan(ctx, req):
    with closing(_db()) as conn:
        done = {r[0] for r in conn.execute("SELECT target FROM effects WHERE target LIKE ?",
                                             (req.batch + "-%",))}
    for i in range(req.count):
        target = _target(req, i)
        if target in done:
            continue
        deps = []
        if req.chain and i % req.chain:
            deps = [_target(req, i - 1)] if _target(req, i - 1) not in done else []
        yield Action(id=target, kind="create", target=target, after={"count": 1},
                     reason="not counted yet", depends_on=deps)

@effects.apply
def apply(ctx, req, action):
    i = int(action.id.rsplit("-", 1)[1])
    if req.sleep_ms:
        time.sleep(req.sleep_ms / 1000)
    if i in req.fail:
        raise RuntimeError(f"target {action.id} refuses")
    with closing(_db()) as conn:
        if i in req.flaky:
            conn.execute("INSERT INTO tries VALUES (?, 1) ON CONFLICT(target) DO UPDATE "
                         "SET count = count + 1", (action.id,))
            tries = conn.execute("SELECT count FROM tries WHERE target = ?",
                                 (action.id,)).fetchone()[0]
            if tries == 1:
                raise TransientError(f"target {action.id} busy, try again")
        conn.execute("INSERT INTO effects VALUES (?, 1) ON CONFLICT(target) DO UPDATE "
                     "SET count = count + 1", (action.id,))
    return "applied"
'''


def broker_urls() -> dict[str, str | None]:
    return {"redis": REDIS_URL, "rabbitmq": RABBITMQ_URL}


class WorkerProject(Project):
    """A project on a fresh PostgreSQL schema and a queue of its own, with worker processes."""

    def __init__(self, root: Path, store_url: str, broker_url: str, broker: str) -> None:
        super().__init__(root)
        self.broker = broker
        self.queue = f"t{uuid.uuid4().hex[:10]}"
        self.extra_env.update(OPSCTL_STORE_URL=store_url, OPSCTL_BROKER_URL=broker_url,
                              OPSCTL_LOG_FORMAT="json", OPSCTL_CONFIRM="never",
                              OPSCTL_LOCK_TTL="3s")
        self.workers: list[subprocess.Popen[str]] = []
        self.add_module("effects_auto", EFFECTS)
        self.worker_config()

    def worker_config(self, extra: str = "") -> None:
        self.write_config(f'[worker]\nqueue = "{self.queue}"\nsweep_interval = "500ms"\n'
                          f'redeliver_after = "5s"\n{extra}')

    def start_worker(self, concurrency: int = 2, *args: str,
                     env: dict[str, str] | None = None) -> subprocess.Popen[str]:
        """Start `opsctl worker` and wait until it is ready to take messages."""
        log = self.root / f"worker-{len(self.workers)}.log"
        handle = open(log, "w")  # noqa: SIM115 - the process writes it until it ends
        proc = subprocess.Popen([OPSCTL, "worker", "--concurrency", str(concurrency), *args],
                                cwd=self.root, env=self.env(env), stdout=handle,
                                stderr=subprocess.STDOUT, text=True, start_new_session=True)
        proc.log_path = log  # type: ignore[attr-defined]
        proc.log_handle = handle  # type: ignore[attr-defined]
        self.workers.append(proc)
        deadline = time.monotonic() + 90  # Celery's start-up takes a while on a loaded machine
        while time.monotonic() < deadline:
            text = log.read_text(errors="replace")
            if " ready." in text:
                return proc
            if proc.poll() is not None:
                raise AssertionError(f"worker exited {proc.returncode}:\n{text}")
            time.sleep(0.05)
        raise AssertionError(f"worker not ready within 90s:\n{log.read_text()}")

    def stop_worker(self, proc: subprocess.Popen[str], sig: int = signal.SIGTERM,
                    timeout: float = 60) -> int:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        code = proc.wait(timeout=timeout)
        proc.log_handle.close()  # type: ignore[attr-defined]
        return code

    def stop_all(self) -> None:
        for proc in self.workers:
            if proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=30)
            proc.log_handle.close()  # type: ignore[attr-defined]

    def worker_logs(self) -> str:
        return "\n".join(Path(p.log_path).read_text(errors="replace")  # type: ignore[attr-defined]
                         for p in self.workers)

    def effects(self) -> dict[str, int]:
        path = self.root / "effects.db"
        if not path.exists():
            return {}
        with contextlib.closing(sqlite3.connect(path, timeout=30)) as conn:
            try:
                return dict(conn.execute("SELECT target, count FROM effects").fetchall())
            except sqlite3.OperationalError as exc:
                # a worker has made the file and not yet its table: nothing recorded yet
                if "no such table" in str(exc):
                    return {}
                raise

    def store(self) -> Any:
        from opsctl.store.sql import open_store

        return open_store(self.extra_env["OPSCTL_STORE_URL"])

    def run_rows(self) -> list[dict[str, Any]]:
        store = self.store()
        try:
            return store._rows("SELECT id, status, exit_code, claim_owner, claim_until "
                               "FROM runs ORDER BY id")
        finally:
            store.close()

    def wait_all_finished(self, timeout: float = 120) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while True:
            rows = self.run_rows()
            if rows and all(r["status"] not in ("queued", "running") for r in rows):
                return rows
            if time.monotonic() > deadline:
                raise AssertionError(f"runs not finished: {json.dumps(rows, default=str)}\n"
                                     f"{self.worker_logs()[-4000:]}")
            time.sleep(0.2)


@pytest.fixture(params=["redis", "rabbitmq"])
def broker(request: pytest.FixtureRequest) -> tuple[str, str]:
    url = broker_urls()[request.param]
    if not url:
        pytest.skip(f"worker tests on {request.param} need OPSCTL_TEST_"
                    f"{request.param.upper()}_URL")
    return request.param, url


@pytest.fixture
def redis_broker() -> str:
    if not REDIS_URL:
        pytest.skip("worker tests need OPSCTL_TEST_REDIS_URL (redis://...)")
    return REDIS_URL


def _project(tmp_path: Path, broker_url: str, name: str) -> Iterator[WorkerProject]:
    for store_url in postgres_schema_url():
        root = tmp_path / "proj"
        root.mkdir()
        project = WorkerProject(root, store_url, broker_url, name)
        try:
            yield project
        finally:
            project.stop_all()


@pytest.fixture
def wproject(tmp_path: Path, broker: tuple[str, str]) -> Iterator[WorkerProject]:
    """A worker project on each broker."""
    yield from _project(tmp_path, broker[1], broker[0])


@pytest.fixture
def rproject(tmp_path: Path, redis_broker: str) -> Iterator[WorkerProject]:
    """A worker project on Redis only (behaviour that does not depend on the broker)."""
    yield from _project(tmp_path, redis_broker, "redis")
