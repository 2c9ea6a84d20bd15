"""Leases on a lock scope: taken before a mutating run plans, renewed by a heartbeat, fenced.

A lease expires unless renewed, so a killed holder on another machine blocks its scope for at
most one TTL. A holder on this machine is recognised by its process identity (boot id, pid
namespace, pid and the process's start time): once that process is gone, its lease is taken
over at once instead of after the TTL. Each grant carries a fencing token that only grows;
journal writes carry it, and the store refuses the write of a holder whose lease was taken
over or broken.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from opsctl.errors import ConflictError, OpsctlError
from opsctl.store.sql import Fence, SQLStore, open_store

if TYPE_CHECKING:
    from opsctl.engine.session import Session


class Heartbeat:
    """Renew a lease every third of its TTL from a thread with its own connection (``renew``
    returns False once the lease is found taken: ``lost`` is set and the beat ends). A store
    that fails under the heartbeat is tried again at the next beat; the holder's own writes
    report the failure (exit 4). The thread never raises. Scope leases and the claims of
    remote executors (:mod:`opsctl.dispatch.claims`) beat this way."""

    def __init__(self, url: str, renew: Callable[[SQLStore], bool], ttl_s: float, name: str,
                 *, redactor: Any = None, lost: threading.Event | None = None) -> None:
        self.lost = lost or threading.Event()
        self._stop = threading.Event()
        self._url, self._renew, self._ttl_s, self._redactor = url, renew, ttl_s, redactor
        self._thread = threading.Thread(target=self._beat, name=name, daemon=True)
        self._thread.start()

    def _beat(self) -> None:
        store: SQLStore | None = None
        while not self._stop.wait(self._ttl_s / 3):
            try:
                store = store or open_store(self._url, self._redactor)
                if not self._renew(store):
                    self.lost.set()
                    break
            except OpsctlError:
                if store is not None:
                    store.close()
                store = None
        if store is not None:
            store.close()

    def stopped(self) -> bool:
        return self._stop.is_set()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


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
        self._beat: Heartbeat | None = None
        self.taken_over: dict[str, Any] | None = None
        """The lease this one took over (expired, or its holder's process gone), if any."""
        self._held_until = time.monotonic() + ttl_s  # as far as this process knows

    @property
    def fence(self) -> Fence:
        return (self.scope, self.token)

    def start_heartbeat(self) -> None:
        """Renew the lease every third of its TTL (:class:`Heartbeat`)."""
        self._beat = Heartbeat(self.store.url, self._renew, self.ttl_s, f"lease:{self.scope}",
                               redactor=self.store.redactor, lost=self.lost)

    def _renew(self, store: SQLStore) -> bool:
        began = time.monotonic()
        renewed = store.renew_lease(self.scope, self.token, now=self.clock(), ttl_s=self.ttl_s)
        if renewed:
            self._held_until = began + self.ttl_s
        return renewed

    def may_have_lapsed(self) -> bool:
        """Whether the lease may be another's by now: found taken, or not renewed for a whole
        TTL (this process stalled: stopped, swapped out; or its store does not answer). The
        journal's fence then decides before another action starts."""
        return self.lost.is_set() or time.monotonic() >= self._held_until

    def release(self) -> None:
        if self._beat is not None:
            self._beat.stop()
        # If the store failed under this run (reported as exit 4), the lease stays until it
        # expires, or until a run on this machine sees that this process is gone.
        with contextlib.suppress(OpsctlError):
            self.store.release_lease(self.scope, self.token, now=self.clock())


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="ascii", errors="replace") as fh:
            return fh.read().strip()
    except OSError:
        return None


def _stat_fields(pid: int) -> list[str] | None:
    """Fields 3 onwards of /proc/PID/stat (state, ppid, ...), None without it."""
    stat = _read(f"/proc/{pid}/stat")
    if stat is None:
        return None
    return stat.rpartition(")")[2].split()  # the command name may hold spaces and ")"


def _start_time(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (field 22 of /proc/PID/stat)."""
    fields = _stat_fields(pid)
    return fields[19] if fields is not None and len(fields) > 19 else None


def _machine() -> str:
    """This machine and pid namespace: a pid means the same process only within both."""
    boot = _read("/proc/sys/kernel/random/boot_id")
    if boot is None:
        return f"host={socket.gethostname()}"
    try:
        namespace = os.stat("/proc/self/ns/pid").st_ino
    except OSError:
        namespace = 0
    return f"boot={boot},pidns={namespace}"


def process_identity(pid: int | None = None) -> str:
    """``MACHINE/pid=PID/start=TICKS`` of a process (default: this one)."""
    pid = os.getpid() if pid is None else pid
    return f"{_machine()}/pid={pid}/start={_start_time(pid) or '?'}"


def holder_is_gone(process: str | None) -> bool:
    """True only when the process named by ``process`` provably no longer runs.

    That takes the same machine and pid namespace, and then either no such pid, or a pid
    now used by a process that started at another time. A holder elsewhere (another host,
    container or namespace), or one recorded without an identity, is never judged gone: its
    lease runs out with its TTL.
    """
    if not process:
        return False
    machine, _, rest = process.rpartition("/pid=")
    pid_text, _, start = rest.partition("/start=")
    if machine != _machine() or not (pid_text.isascii() and pid_text.isdigit()):
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False  # this process: a lease of ours is never taken from ourselves
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        pass  # it exists, under another user
    fields = _stat_fields(pid)
    if fields and fields[0] in ("Z", "X"):  # killed, not yet reaped by its parent: it is over
        return True
    now = fields[19] if fields is not None and len(fields) > 19 else None
    return start != "?" and now is not None and now != start


def describe_holder(holder: dict[str, Any]) -> str:
    return (f"run {holder['run_id']} of {holder['actor']} on {holder['host']} (pid {holder['pid']}), "
            f"since {holder['acquired_at']}, lease until {holder['expires_at']}")


def acquire_lease(store: SQLStore, scope: str, run_id: str, *, actor: str, ttl_s: float,
                  wait_s: float, clock: Callable[[], Any],
                  sleep: Callable[[float], None] = time.sleep,
                  resuming: str | None = None,
                  wait_hint: str = "or wait with --wait-lock 5m") -> Lease:
    """Take the lease on ``scope``, waiting up to ``wait_s``; ConflictError (exit 7) otherwise
    (saying so when its holder is ``resuming``, the run this lease is taken to finish)."""
    started = time.monotonic()
    deadline = started + wait_s
    pause = 0.2
    waited = False
    while True:
        token, holder = store.acquire_lease(scope, run_id, actor=actor, host=socket.gethostname(),
                                            pid=os.getpid(), process=process_identity(),
                                            now=clock(), ttl_s=ttl_s, holder_gone=holder_is_gone)
        if token is not None:
            if waited:  # counted by /metrics (opsctl_lock_events{event="waited"})
                store.record_lock_event(scope, "waited", run_id, actor, clock(),
                                        reason=f"{time.monotonic() - started:.3f}s")
            lease = Lease(store, scope, token, ttl_s, clock)
            lease.taken_over = holder
            return lease
        assert holder is not None
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            store.record_lock_event(scope, "conflict", run_id, actor, clock(),
                                    reason=f"held by {holder['run_id']}")
            hint = f"retry later, {wait_hint}" if wait_s == 0 and wait_hint else "retry later"
            if wait_hint and holder["host"] != socket.gethostname():
                # a holder elsewhere cannot be checked from here: its lease holds until its TTL
                import shlex

                hint += (f"; if that run's host is gone for good, `opsctl locks break "
                         f"{shlex.quote(scope)} --reason TEXT` frees the scope")
            if resuming is not None and holder["run_id"] == resuming:
                hint = (f"run {resuming} is still being carried out by that process: "
                        f"`opsctl wait {resuming}` follows it to its result")
            raise ConflictError(f"{scope} is locked by {describe_holder(holder)}; {hint}",
                                step="gate")
        waited = True
        sleep(min(pause, remaining))
        pause = min(pause * 2, 5.0)


def _environment_of_lock(session: Session, scope: str) -> str | None:
    """The environment a grant must cover to break the lock on ``scope``: that of the run
    holding it. The scope's text cannot say it for sure, as a value in it may read
    ``/environment=staging`` itself (a partitioned path); a lease whose run is not recorded
    needs a grant on every environment. With no lease there is nothing to break: the
    environment the scope names (``deploy/environment=prod``) decides who hears so."""
    from opsctl.governance.gate import environment_of

    lease = next((row for row in session.store.list_leases() if row["scope"] == scope), None)
    if lease is None:
        parts = dict(part.split("=", 1) for part in scope.split("/")[1:] if "=" in part)
        return parts.get("environment")
    run = session.store.get_run(str(lease["run_id"]), with_result=False)
    return environment_of(run.get("request") or {}) if run is not None else None


def break_lock(session: Session, scope: str, reason: str) -> dict[str, Any]:
    """Break the lease on ``scope`` (admin): its holder's next journal write is refused
    (fencing). Audited as ``lock.broken``; UsageError (exit 2) when no lease is held there."""
    from opsctl.errors import UsageError
    from opsctl.governance.gate import check_permission
    from opsctl.store.audit import NewEvent, append_in_transaction

    reason = reason.strip()
    if not reason:  # every caller (CLI, API, dashboard): the reason is what the audit keeps
        raise UsageError("a reason must say why the lock is broken: it is recorded in the "
                         "audit trail")
    if "\x00" in reason or "\x00" in scope:  # no PostgreSQL text holds one (a 500 there)
        raise UsageError("a lock's scope and the reason to break it hold no NUL character")
    # masked once: the lease's history (lock_events) keeps what the audit trail keeps
    reason = session.redactor.redact_text(reason)
    check_permission(session, "admin", automation=scope.split("/", 1)[0],
                     environment=_environment_of_lock(session, scope))

    def audit(lease: Mapping[str, Any]) -> None:
        # with the lease's removal: a trail that refuses the event leaves the lease held
        append_in_transaction(session.store, [NewEvent(
            "lock.broken", session.actor, {"scope": scope, "run_id": lease["run_id"],
                                           "reason": reason, "token": lease.get("token")},
            run_id=lease["run_id"])])

    broken = session.store.break_lease(scope, actor=session.actor, reason=reason,
                                       now=session.clock(), then=audit)
    if broken is None:
        raise UsageError(f"no lock held on {scope!r}")
    session.log.warning("lock.broken", scope=scope, run_id=broken["run_id"], reason=reason,
                        actor=session.actor)
    return broken
