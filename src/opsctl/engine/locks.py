"""Leases on a lock scope: taken before a mutating run plans, renewed by a heartbeat, fenced.

A lease expires unless renewed, so a killed holder blocks its scope for at most one TTL. Each
grant carries a fencing token that only grows; journal writes carry it, and the store refuses
the write of a holder whose lease was taken over or broken.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from opsctl.errors import ConflictError
from opsctl.store.sql import Fence, SQLStore, open_store


class Lease:
    """A held lease; ``fence`` goes with every journal write."""

    def __init__(self, store: SQLStore, scope: str, token: int, ttl_s: float,
                 clock: Callable[[], Any]) -> None:
        self.store = store
        self.scope = scope
        self.token = token
        self.ttl_s = ttl_s
        self.clock = clock
        self.lost = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def fence(self) -> Fence:
        return (self.scope, self.token)

    def start_heartbeat(self) -> None:
        """Renew the lease every third of its TTL from a thread with its own connection."""
        url, redactor = self.store.url, self.store.redactor

        def beat() -> None:
            store = open_store(url, redactor)
            try:
                while not self._stop.wait(self.ttl_s / 3):
                    if not store.renew_lease(self.scope, self.token, now=self.clock(),
                                             ttl_s=self.ttl_s):
                        self.lost.set()
                        return
            finally:
                store.close()

        self._thread = threading.Thread(target=beat, name=f"lease:{self.scope}", daemon=True)
        self._thread.start()

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self.store.release_lease(self.scope, self.token, now=self.clock())


def describe_holder(holder: dict[str, Any]) -> str:
    return (f"run {holder['run_id']} of {holder['actor']} on {holder['host']} (pid {holder['pid']}), "
            f"since {holder['acquired_at']}, lease until {holder['expires_at']}")


def acquire_lease(store: SQLStore, scope: str, run_id: str, *, actor: str, ttl_s: float,
                  wait_s: float, clock: Callable[[], Any],
                  sleep: Callable[[float], None] = time.sleep) -> Lease:
    """Take the lease on ``scope``, waiting up to ``wait_s``; ConflictError (exit 7) otherwise."""
    deadline = time.monotonic() + wait_s
    pause = 0.2
    while True:
        token, holder = store.acquire_lease(scope, run_id, actor=actor, host=socket.gethostname(),
                                            pid=os.getpid(), now=clock(), ttl_s=ttl_s)
        if token is not None:
            return Lease(store, scope, token, ttl_s, clock)
        assert holder is not None
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            hint = "retry later, or wait with --wait-lock 5m" if wait_s == 0 else "retry later"
            raise ConflictError(f"{scope} is locked by {describe_holder(holder)}; {hint}",
                                step="gate")
        sleep(min(pause, remaining))
        pause = min(pause * 2, 5.0)
