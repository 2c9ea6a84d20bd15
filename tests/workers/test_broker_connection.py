"""A worker whose connection to the broker is cut (a TCP proxy in front of the machine's Redis
or RabbitMQ, killed and opened again on its port): the worker connects again by itself and
takes new wake-ups from the broker, and a run it was carrying out at the cut goes on
(docs/workers.md, "Starting, and a broker that is away": "The same holds for a broker that
goes away later").

``redeliver_after`` is long here, so the sweeper cannot hide a consumer that stopped
consuming: a run is taken only through its wake-up.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.tcp_proxy import TCPProxy
from tests.workers.conftest import WorkerProject, _project, broker_urls
from tests.workers.test_worker_faults import wait_until


@pytest.fixture(params=["redis", "rabbitmq"])
def proxied(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[WorkerProject,
                                                                              TCPProxy]]:
    url = broker_urls()[request.param]
    if not url:
        pytest.skip(f"needs OPSCTL_TEST_{request.param.upper()}_URL")
    parts = urlsplit(url)
    default = 6379 if request.param == "redis" else 5672
    proxy = TCPProxy(parts.hostname or "127.0.0.1", parts.port or default)
    netloc = parts.netloc.rsplit("@", 1)
    host = f"127.0.0.1:{proxy.port}"
    through = urlunsplit(parts._replace(netloc=f"{netloc[0]}@{host}" if len(netloc) == 2
                                        else host))
    try:
        for project in _project(tmp_path, through, request.param):
            # the CLI queues straight to the broker; only the worker goes through the proxy
            project.direct_broker = url  # type: ignore[attr-defined]
            project.write_config(f'[worker]\nqueue = "{project.queue}"\n'
                                 'sweep_interval = "500ms"\nredeliver_after = "10m"\n')
            yield project, proxy
    finally:
        proxy.kill()


def queue(project: WorkerProject, batch: str, *args: str) -> str:
    env = project.env({"OPSCTL_BROKER_URL": project.direct_broker})  # type: ignore[attr-defined]
    r = project.run("apply", "effects", "--batch", batch, "--executor", "celery", "--no-wait",
                    "--format", "json", *args, env=env, expect_json=False, timeout=90)
    assert r.code == 0, r.stderr
    return str(json.loads(r.stdout)["run_id"])


def status(project: WorkerProject, run_id: str) -> str:
    return {r["id"]: r["status"] for r in project.run_rows()}[run_id]


def test_a_worker_cut_off_from_its_broker_connects_again_and_takes_new_runs(
        proxied: tuple[WorkerProject, TCPProxy]) -> None:
    project, proxy = proxied
    project.start_worker(2)
    first = queue(project, "one", "--count", "3")
    wait_until(lambda: status(project, first) == "succeeded", 90, "first run",
               project.worker_logs)
    # a run in progress at the cut goes on: its claim and journal are in the store
    busy = queue(project, "busy", "--count", "6", "--sleep-ms", "1000", "--concurrency", "1")
    wait_until(lambda: status(project, busy) == "running", 90, "the long run started",
               project.worker_logs)
    port = proxy.port
    proxy.kill()
    time.sleep(3)
    proxy = TCPProxy(proxy.target[0], proxy.target[1], port=port)
    try:
        wait_until(lambda: status(project, busy) == "succeeded", 120,
                   "the run in progress at the cut finished", project.worker_logs)
        # after the reconnection, a new run is taken through its wake-up
        after = queue(project, "after", "--count", "3")
        wait_until(lambda: status(project, after) == "succeeded", 120,
                   "a run queued after the broker came back", project.worker_logs)
        assert project.effects() == {**{f"one-{i:05d}": 1 for i in range(3)},
                                     **{f"busy-{i:05d}": 1 for i in range(6)},
                                     **{f"after-{i:05d}": 1 for i in range(3)}}
        assert project.workers[0].poll() is None, project.worker_logs()[-3000:]
    finally:
        proxy.kill()


RACE = r'''
import sys
import threading
import uuid

import opsctl.dispatch.config
from opsctl.engine.session import open_session
from opsctl.service.runtime import ServerRuntime

queue = f"t{uuid.uuid4().hex[:10]}"  # no run recorded: the wake-ups go to the default queue
opsctl.dispatch.config.DEFAULT_QUEUE = queue
session = open_session()
runtime = ServerRuntime(session, workers=1)
warned = []
session.log.warning = lambda event, **kw: warned.append(kw.get("error"))
start = threading.Barrier(16)


def wake(i):
    start.wait()
    runtime.wake(f"run_race{i}")


threads = [threading.Thread(target=wake, args=(i,)) for i in range(16)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("failed", len(warned), warned[:1])
from opsctl.dispatch.celery_app import make_app

with make_app(str(session.settings.broker_url)).connection_for_write() as connection:
    connection.default_channel.queue_delete(queue)
'''


def test_the_first_wake_ups_sent_at_once_by_a_server_all_reach_the_broker(
        tmp_path: Path) -> None:
    # A server just started, a burst of runs queued for the workers: each request thread
    # sends its wake-up, the first ones making the broker client at the same moment. None
    # may fail on it (Celery's lazy module, imported by several threads at once, said
    # "ImportError: cannot import name 'Celery'"): that run would wait for redeliver_after.
    import subprocess
    import sys

    from tests.conftest import Project

    url = broker_urls()["redis"] or broker_urls()["rabbitmq"]
    if not url:
        pytest.skip("needs OPSCTL_TEST_REDIS_URL or OPSCTL_TEST_RABBITMQ_URL")
    project = Project(tmp_path)
    project.extra_env.update(OPSCTL_BROKER_URL=url, OPSCTL_LOG_FORMAT="json")
    for _ in range(3):  # a fresh process each time: the race is the first import
        done = subprocess.run([sys.executable, "-c", RACE], cwd=project.root,
                              env=project.env(), capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        assert "failed 0 " in done.stdout, done.stdout


SENDERS = r'''
import sys
import threading

from opsctl.dispatch.remote import broker_sender

failed = []
start = threading.Barrier(8)


def make():
    start.wait()
    try:
        broker_sender(sys.argv[1])
    except Exception as exc:
        failed.append(type(exc).__name__)


threads = [threading.Thread(target=make) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("failed", len(failed), failed[:1])
'''


def test_broker_clients_made_by_several_threads_at_once_are_all_made(tmp_path: Path) -> None:
    # `opsctl serve --scheduler` with the celery executor: the scheduler's wake-up thread and
    # the request threads each make their broker client, the first ones at the same moment
    import subprocess
    import sys

    url = broker_urls()["redis"] or broker_urls()["rabbitmq"]
    if not url:
        pytest.skip("needs OPSCTL_TEST_REDIS_URL or OPSCTL_TEST_RABBITMQ_URL")
    for _ in range(3):  # a fresh process each time: the race is the first import
        done = subprocess.run([sys.executable, "-c", SENDERS, url], cwd=tmp_path,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        assert "failed 0 " in done.stdout, done.stdout
