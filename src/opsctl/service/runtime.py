"""What one `opsctl serve` process holds: the configuration, a store connection per thread,
a session per request (its identity from the credential), and the bounded run executor.

Runs started over HTTP are recorded ``queued`` and carried out by a pool of threads through the
same engine code as the CLI (:func:`opsctl.engine.run.execute`). On shutdown the runs in flight
are asked to stop (they checkpoint, as on SIGTERM in the CLI) and the ones still queued stay
queued; the next start resumes the interrupted ones and carries out the queued ones, so nothing
accepted is lost.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from opsctl.config.redact import Redactor
from opsctl.engine.session import Session
from opsctl.engine.state import RunOutcome
from opsctl.errors import OpsctlError
from opsctl.governance.identity import Identity

if TYPE_CHECKING:
    from opsctl.governance.gate import Governance
    from opsctl.store.sql import SQLStore

EXECUTOR = "server"


@dataclass(frozen=True)
class Principal:
    """Who calls: the actor and where the credential came from (never a client's claim)."""

    actor: str
    source: str  # "token" | "oidc"
    role: str | None = None
    scope: Mapping[str, Any] = field(default_factory=dict)
    groups: tuple[str, ...] = ()
    grant: Any = None  # the token's Permissions, for token principals

    def identity(self) -> Identity:
        context = {k: str(v) for k, v in self.scope.items() if v is not None}
        return Identity(self.actor, self.source, context)


class ServerRuntime:
    """Shared by every request of one server process."""

    def __init__(self, base: Session, *, workers: int = 4) -> None:
        self.base = base
        serve_catalog(base)
        self.workers = workers
        self._local = threading.local()
        self._stores: list[SQLStore] = []
        self._stores_lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="opsctl-run")
        self._futures: dict[str, Future[RunOutcome | None]] = {}
        self._running: dict[str, Session] = {}
        self._lock = threading.Lock()
        self.stopping = threading.Event()
        self.executor = base.settings.executor
        """``local``: runs are carried out by this process's pool; ``celery``: by workers."""
        self._sender: Callable[[str, str], None] | None = None

    # -- stores and sessions --------------------------------------------------------------
    def store(self) -> SQLStore:
        """This thread's connection to the store (SQLite and psycopg connections are not
        shared between threads)."""
        store: SQLStore | None = getattr(self._local, "store", None)
        if store is None or store.unavailable is not None:
            from opsctl.store.sql import open_store

            if store is not None:
                store.close()
            settings = self.base.settings
            store = open_store(settings.effective_store_url, self.base.redactor,
                               create_dir=settings.store_url is None)
            store.journal_mode = settings.journal_mode
            self._local.store = store
            with self._stores_lock:
                self._stores.append(store)
        return store

    def session(self, principal: Principal) -> Session:
        """A session for one request or run: the server's configuration, the principal's
        identity and permissions, its own redactor (secrets of one request mask its outputs
        without growing a shared list), and this thread's store."""
        values = {f.name: getattr(self.base, f.name) for f in dataclasses.fields(Session)}
        values.update(identity=principal.identity(),
                      redactor=Redactor(self.base.redactor.values()),
                      governance=self.governance_for(principal),
                      stop_requested=threading.Event(), _store=None,
                      _catalog=self.base.catalog)
        return ServerSession(**values, runtime=self)

    def governance_for(self, principal: Principal) -> Governance:
        """The configured policy, with the principal's permissions: a token's own scope; an
        OIDC identity's groups from its claims, under the configured ``[permissions]`` grants
        (none configured: an OIDC identity may do nothing)."""
        from opsctl.governance.gate import governance_for
        from opsctl.governance.permissions import Permissions, load_permissions

        configured = governance_for(self.base)
        groups = {name: tuple(members) for name, members in configured.groups.items()}
        for group in principal.groups:
            groups[group] = (*groups.get(group, ()), principal.actor)
        if principal.source == "token":
            permissions = principal.grant
        elif self.base.settings.permissions is not None:
            permissions = load_permissions(self.base.settings.permissions,
                                           {k: list(v) for k, v in groups.items()}, "config")
        else:
            permissions = Permissions((), groups)
        return dataclasses.replace(configured, permissions=permissions, groups=groups)

    # -- the executor ---------------------------------------------------------------------
    def submit(self, run_id: str, principal: Principal,
               work: Callable[[Session], RunOutcome]) -> Future[RunOutcome | None] | None:
        """Carry out ``work`` on the pool for queued run ``run_id``; with the celery executor,
        wake a worker instead (it carries out the run as recorded; None)."""
        if self.executor == "celery":
            self.wake(run_id)
            return None
        future = self._pool.submit(self._carry_out, run_id, principal, work)
        with self._lock:
            self._futures[run_id] = future
        future.add_done_callback(lambda _f: self._forget(run_id))
        return future

    def wake(self, run_id: str) -> None:
        """Send the wake-up of a run queued for the celery executor (to its recorded queue).
        A broker that does not take it is logged: a worker's sweeper sends it later."""
        from opsctl.dispatch.config import DEFAULT_QUEUE

        row = self.store().get_run(run_id)
        queue = str(((row or {}).get("runtime") or {}).get("queue") or DEFAULT_QUEUE)
        try:
            if self._sender is None:
                from opsctl.dispatch.remote import broker_sender

                self._sender = broker_sender(str(self.base.settings.broker_url))
            self._sender(run_id, queue)
        except Exception as exc:  # kombu and socket errors: the sweeper resends
            self.base.log.warning("run.wake_failed", run_id=run_id, error=type(exc).__name__)

    def resume(self, run_id: str, principal: Principal) -> Future[RunOutcome | None] | None:
        """Resume interrupted run ``run_id`` on the pool (or on a worker, with the celery
        executor); it reads as running from now on."""
        from opsctl.engine.run import resume_run

        if self.executor == "celery":
            from opsctl.dispatch.claims import EXPIRED

            store = self.store()
            with store.transaction():
                store._execute("UPDATE runs SET status = 'running', exit_code = NULL, "
                               "finished_at = NULL, executor = 'celery', claim_until = ?, "
                               "woken_at = NULL WHERE id = ?", (EXPIRED, run_id))
            self.wake(run_id)
            return None
        self.store().reopen_run(run_id)
        return self.submit(run_id, principal, lambda session: resume_run(session, run_id))

    def future(self, run_id: str) -> Future[RunOutcome | None] | None:
        with self._lock:
            return self._futures.get(run_id)

    def running_count(self) -> int:
        with self._lock:
            return len(self._running)

    def queued_count(self) -> int:
        with self._lock:
            return sum(1 for f in self._futures.values() if not f.running() and not f.done())

    def _forget(self, run_id: str) -> None:
        with self._lock:
            self._futures.pop(run_id, None)

    def _carry_out(self, run_id: str, principal: Principal,
                   work: Callable[[Session], RunOutcome]) -> RunOutcome | None:
        if self.stopping.is_set():
            return None  # stays queued: the next start carries it out
        session = self.session(principal)
        with self._lock:
            self._running[run_id] = session
        try:
            return work(session)
        except OpsctlError as exc:
            return self._refused(session, run_id, exc)
        except Exception as exc:  # a bug: recorded as one, never lost silently
            from opsctl.errors import AutomationBugError

            session.log.error("run.crashed", run_id=run_id, error=f"{type(exc).__name__}: {exc}")
            return self._refused(session, run_id, AutomationBugError(
                f"internal error while running {run_id}: {type(exc).__name__}", step="apply"))
        finally:
            with self._lock:
                self._running.pop(run_id, None)

    def _refused(self, session: Session, run_id: str, exc: OpsctlError) -> RunOutcome | None:
        """A queued run refused before it started (a held lock, a denial): finish its row with
        the result document the CLI would print, so a poller sees why."""
        from opsctl.engine.results import error_document

        row = session.store.get_run(run_id)
        if row is None or row["status"] != "queued":
            return None
        now = session.clock()
        doc = error_document(exc, mode=row["mode"], automation=row["automation"],
                             started_at=now, finished_at=now, actor=row["actor"],
                             redact=session.redactor.redact)
        doc.update(run_id=run_id, contract_version=row["contract_version"],
                   idempotency_key=row["idempotency_key"])
        session.store.finish_run(run_id, status=doc["status"], exit_code=exc.exit_code,
                                 result=doc, error_type=exc.error_type,
                                 finished_at=doc["timing"]["finished_at"])
        session.log.warning("run.refused", run_id=run_id, status=doc["status"],
                            exit_code=exc.exit_code, error=exc.message)
        return RunOutcome(doc, int(exc.exit_code))

    def recover(self, executors: tuple[str, ...] = (EXECUTOR,)) -> list[str]:
        """At start: carry out runs left queued, and resume the server's runs interrupted by
        a shutdown or a crash (the journal makes a resume apply each action once)."""
        from opsctl.store.queue import queued_runs

        store = self.store()
        picked: list[str] = []
        for row in queued_runs(store, ("queued", "running", "cancelled")):
            runtime = row.get("runtime") or {}
            if runtime.get("executor") not in executors:
                continue
            if row["status"] != "queued" and (row["mode"] != "apply"
                                              or not store.list_actions(str(row["id"]))):
                continue  # an interrupted plan changed nothing: asking again is the caller's
            if row["status"] == "running" and _lease_is_live(store, row["id"]):
                continue
            principal = Principal(str(row["actor"]), str((runtime.get("identity") or {})
                                                         .get("source", "token")),
                                  scope={"recovered": "true"})
            picked.append(str(row["id"]))
            if row["status"] != "queued":
                store.reopen_run(str(row["id"]))  # pending again: nobody reads it as final
            self.submit(str(row["id"]), _recovery_principal(principal),
                        _recovery_work(row))
        return picked

    def shutdown_requested(self) -> None:
        """Stop taking runs and ask the running ones to checkpoint (as SIGTERM does in the
        CLI): they end ``cancelled`` with their journal, and the next start resumes them."""
        self.stopping.set()
        with self._lock:
            sessions = list(self._running.values())
        for session in sessions:
            session.stop_requested.set()

    def shutdown(self, grace_s: float) -> None:
        """:meth:`shutdown_requested`, then wait up to ``grace_s`` for running runs."""
        import time

        self.shutdown_requested()
        deadline = time.monotonic() + grace_s
        while time.monotonic() < deadline:
            with self._lock:
                if not self._running:
                    break
            time.sleep(0.05)
        self._pool.shutdown(wait=False, cancel_futures=True)
        with self._stores_lock:
            stores, self._stores = self._stores, []
        for store in stores:
            with suppress(Exception):  # closing at exit; what matters is committed
                store.close()


def serve_catalog(base: Session) -> None:
    """Load the catalog a server serves, importing every automation once (before threads
    share it). One that fails to import or is rejected is set aside in ``catalog.broken``
    with its error: the server serves the others and shows admins what is wrong."""
    from opsctl.catalog import load_catalog

    if base._catalog is None:
        base._catalog = load_catalog(base.layers, strict=False)
    catalog = base._catalog
    for name in list(catalog.entries):
        try:
            catalog.load(name)
        except Exception as exc:
            message = exc.message if isinstance(exc, OpsctlError) else \
                f"{type(exc).__name__}: {exc}"
            catalog.set_aside(name, message)


@dataclass
class ServerSession(Session):
    """A session whose store is the connection of the thread using it, masking with this
    session's redactor. FastAPI may build a request's session in one worker thread and run the
    route in another: a session never carries one thread's connection to another, where a
    concurrent request would swap the redactor under it."""

    runtime: ServerRuntime | None = field(default=None, repr=False)

    @property
    def store(self) -> SQLStore:
        assert self.runtime is not None
        store = self.runtime.store()
        store.redactor = self.redactor
        return store

    def close(self) -> None:
        """The connections belong to the server's threads; they close at shutdown."""


def _lease_is_live(store: SQLStore, run_id: str) -> bool:
    """Whether ``run_id`` still holds a lease that is neither expired nor held by a process
    known to be gone (a run whose holder crashed is recovered, not left running)."""
    from opsctl.engine.locks import holder_is_gone

    lease = store.lease_of_run(run_id)
    if lease is None:
        return False
    if str(lease["expires_at"]) <= datetime.now(UTC).isoformat():
        return False
    return not holder_is_gone(lease["process"])


def _recovery_principal(principal: Principal) -> Principal:
    """A recovered run continues under its recorded actor with the server's configured
    permissions: the credential that started it was checked when it was accepted."""
    from opsctl.governance.permissions import Permissions

    return dataclasses.replace(principal, source="token",
                               grant=Permissions.unrestricted())


def _recovery_work(row: Mapping[str, Any]) -> Callable[[Session], RunOutcome]:
    run_id, status, mode = str(row["id"]), str(row["status"]), str(row["mode"])

    def work(session: Session) -> RunOutcome:
        from opsctl.engine.request import secret_digest
        from opsctl.engine.run import apply_stored_plan, execute, resume_run
        from opsctl.engine.saved_plans import restore_secrets

        if status != "queued":
            return resume_run(session, run_id)
        runtime = row.get("runtime") or {}
        if runtime.get("plan_id"):
            return apply_stored_plan(session, str(runtime["plan_id"]), queued_run_id=run_id)
        automation = session.catalog.load(str(row["automation"]))
        request = restore_secrets(session, automation, row["request"],
                                  secret_digest(session.signing_key), f"run {run_id}")
        targets: Sequence[str] = runtime.get("targets") or ()
        return execute(session, automation, request, mode="apply" if mode == "apply" else "plan",
                       dry_run=mode != "apply",
                       idempotency_key=(row["idempotency_key"]
                                        if row.get("key_source") == "caller" else None),
                       targets=targets, queued_run_id=run_id,
                       store_plan=bool(runtime.get("store_plan")),
                       source=session.catalog.entry(automation.name).source)

    return work

