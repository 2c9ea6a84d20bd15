"""Whether a run's lease is still live, as restart recovery (`opsctl serve`, `opsctl scheduler`)
asks before it resumes a run left ``running``: a holder process that is gone, or a lease that
ran out, is not live; one held by a running process is."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from opsctl.engine.locks import process_identity
from opsctl.service.runtime import _lease_is_live
from opsctl.store.sql import open_store


def _take(url: str, run_id: str, *, process: str, now: datetime, ttl_s: float) -> None:
    store = open_store(url)
    try:
        token, holder = store.acquire_lease(f"auto/scope={run_id}", run_id, actor="me",
                                            host="here", pid=1, now=now, ttl_s=ttl_s,
                                            process=process)
        assert token is not None and holder is None
    finally:
        store.close()


def test_a_lease_is_live_only_while_its_holder_runs_and_it_has_not_run_out(store_url: str) -> None:
    now = datetime.now(UTC)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    _take(store_url, "run_mine", process=process_identity(), now=now, ttl_s=600)
    _take(store_url, "run_dead", process=process_identity(int(dead.stdout)), now=now, ttl_s=600)
    _take(store_url, "run_elsewhere", process="other-machine/pid=1/start=1", now=now, ttl_s=600)
    _take(store_url, "run_ran_out", process="other-machine/pid=1/start=1",
          now=now - timedelta(minutes=5), ttl_s=60)

    store = open_store(store_url)
    try:
        assert _lease_is_live(store, "run_mine")
        assert not _lease_is_live(store, "run_dead")  # the crashed scheduler's or server's
        assert _lease_is_live(store, "run_elsewhere")  # not provably gone: its lease decides
        assert not _lease_is_live(store, "run_ran_out")
        assert not _lease_is_live(store, "run_without_a_lease")
    finally:
        store.close()


def test_a_killed_holder_not_yet_reaped_by_its_parent_is_gone() -> None:
    """A zombie keeps its pid and start time until its parent waits for it, but it will never
    write again: its lease is free to take."""
    import signal
    import time

    from opsctl.engine.locks import holder_is_gone

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        identity = process_identity(child.pid)
        assert not holder_is_gone(identity)
        child.send_signal(signal.SIGKILL)
        deadline = time.monotonic() + 10
        stat = Path(f"/proc/{child.pid}/stat")
        while stat.read_text().rpartition(")")[2].split()[0] != "Z":
            assert time.monotonic() < deadline
            time.sleep(0.01)
        assert holder_is_gone(identity)
    finally:
        child.kill()
        child.wait()
