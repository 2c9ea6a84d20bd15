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
import json
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from opsctl.config.redact import Redactor
from opsctl.engine.session import Session
from opsctl.engine.state import RunOutcome
from opsctl.errors import DependencyError, OpsctlError
from opsctl.governance.identity import Identity

if TYPE_CHECKING:
    from opsctl.governance.gate import Governance
    from opsctl.store.sql import SQLStore

EXECUTOR = "server"
_IDLE_CHECK_S = 1.0
"""A thread's PostgreSQL connection unused this long is checked before a request uses it."""
NOT_STARTED = "not_started"
"""Marks, in a run's runtime, a queued run a start could not carry out (its secret missing)."""


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
        if self.groups:  # kept with the run: a worker or a restart carries it out with them
            context[GROUPS_CONTEXT] = json.dumps(sorted(self.groups))
        return Identity(self.actor, self.source, context)


GROUPS_CONTEXT = "groups"
"""The identity context key of the groups an OIDC token claimed (a JSON list)."""


def recorded_groups(identity: Mapping[str, Any]) -> tuple[str, ...]:
    """The groups a run's recorded identity (``runtime.identity``) claimed: a worker or a
    restart decides its policy with them, as the server that accepted it did (a group
    declared empty in ``[groups]`` has no members but those)."""
    raw = (identity.get("context") or {}).get(GROUPS_CONTEXT)
    try:
        groups = json.loads(raw) if isinstance(raw, str) else []
    except ValueError:
        return ()
    return tuple(g for g in groups if isinstance(g, str)) if isinstance(groups, list) else ()


class ServerRuntime:
    """Shared by every request of one server process."""

    def __init__(self, base: Session, *, workers: int = 4) -> None:
        self.base = base
        serve_catalog(base)
        self.workers = workers
        self._local = threading.local()
        self._stores: list[SQLStore] = []
        self._owners: dict[int, threading.Thread] = {}  # id of a store: the thread it is for
        self._stores_lock = threading.Lock()
        self._generation = 0  # grows each time a thread finds the store lost
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="opsctl-run")
        self._futures: dict[str, Future[RunOutcome | None]] = {}
        self._running: dict[str, Session] = {}
        self._lock = threading.Lock()
        self.stopping = threading.Event()
        self.executor = base.settings.executor
        """``local``: runs are carried out by this process's pool; ``celery``: by workers."""
        self._sender: Callable[[str, str], None] | None = None
        # made once, by one thread: Celery's lazy module, imported by several request
        # threads at once, fails in all but one ("cannot import name 'Celery'")
        self._sender_lock = threading.Lock()

    # -- stores and sessions --------------------------------------------------------------
    def store(self) -> SQLStore:
        """This thread's connection to the store (SQLite and psycopg connections are not
        shared between threads)."""
        store: SQLStore | None = getattr(self._local, "store", None)
        now = time.monotonic()
        if (store is not None and store.unavailable is None and store.dialect == "postgresql"
                and now - getattr(self._local, "used_at", now) > _IDLE_CHECK_S
                and not getattr(self._local, "in_run", False)
                and store._conn.info.transaction_status == 0):  # IDLE: in no transaction
            # idle a while: the server (idle_session_timeout), a pooler or a firewall may
            # have closed it since; a failed look marks it lost, and it is opened again below
            with suppress(OpsctlError):
                store._rows("SELECT 1")
        self._local.used_at = now
        with self._stores_lock:
            if any(opened.unavailable is not None for opened in self._stores):
                # one thread found the store gone: the other threads' connections went with
                # it (a server restarted, a network cut), though they learn it only by
                # failing; each opens a new one at its next use, not once per thread in 503s
                self._generation += 1
                self._stores = [opened for opened in self._stores if opened.unavailable is None]
                self._owners = {id(opened): self._owners[id(opened)] for opened in self._stores}
            generation = self._generation
        stale = (getattr(self._local, "generation", generation) != generation
                 and not getattr(self._local, "in_run", False))  # a run keeps its connection
        if store is None or store.unavailable is not None or stale:
            from opsctl.store.sql import open_store

            if store is not None:
                with suppress(Exception):  # a connection that is already gone
                    store.close()
                with self._stores_lock:
                    self._stores = [opened for opened in self._stores if opened is not store]
                    self._owners.pop(id(store), None)
            settings = self.base.settings
            # the server's own store is there already: one found with no tables was dropped
            # (or is being restored), not to be replaced by an empty one
            store = open_store(settings.effective_store_url, self.base.redactor,
                               create_dir=settings.store_url is None,
                               create_tables=self.base._store is None)
            store.journal_mode = settings.journal_mode
            self._local.store = store
            with self._stores_lock:
                ended = self._ended_threads_stores()
                self._stores.append(store)
                self._owners[id(store)] = threading.current_thread()
            for gone in ended:
                with suppress(Exception):  # a connection that is already gone
                    gone.close()
            self._local.generation = generation
        return store

    def _ended_threads_stores(self) -> list[SQLStore]:
        """Take out of ``_stores`` the connections of threads that have ended (under
        ``_stores_lock``), to close: nobody uses them again. The ASGI server's pool ends a
        request thread idle for a few seconds and starts another for the next burst, and
        each new one opens a connection: kept, they grew by a few every burst (file
        descriptors, memory, PostgreSQL backends) for the life of the server."""
        ended = [opened for opened in self._stores
                 if not (owner := self._owners.get(id(opened))) or not owner.is_alive()]
        if ended:
            self._stores = [opened for opened in self._stores if opened not in ended]
            for opened in ended:
                self._owners.pop(id(opened), None)
        return ended

    def session(self, principal: Principal) -> Session:
        """A session for one request or run: the server's configuration, the principal's
        identity and permissions, its own redactor (secrets of one request mask its outputs
        without growing a shared list) and a logger masking with it, and this thread's
        store."""
        values = {f.name: getattr(self.base, f.name) for f in dataclasses.fields(Session)}
        redactor = Redactor(self.base.redactor.values())
        values.update(identity=principal.identity(), redactor=redactor,
                      log=self.base.log.masking_with(redactor),
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

        # a policy file that no longer parses is an UnreadablePolicy here: reads go on
        configured = governance_for(self.base)
        groups = {name: tuple(members) for name, members in configured.groups.items()}
        for group in principal.groups:
            # Only a group declared empty takes its members from tokens: one that lists its
            # members (a local `sre = ["bob"]`) is the configuration's alone, and one not
            # declared is no group here; any issuer's token may claim any name.
            if groups.get(group) == ():
                groups[group] = (principal.actor,)
        if principal.source == "token":
            permissions = principal.grant
        elif self.base.settings.permissions is not None:
            permissions = load_permissions(self.base.settings.permissions,
                                           {k: list(v) for k, v in groups.items()}, "config")
        else:
            permissions = Permissions((), groups)
        return dataclasses.replace(configured, permissions=permissions, groups=groups)

    # -- the executor ---------------------------------------------------------------------
    def submit(self, run_id: str, principal: Principal, work: Callable[[Session], RunOutcome],
               *, reopened: Mapping[str, Any] | None = None,
               ) -> Future[RunOutcome | None] | None:
        """Carry out ``work`` on the pool for queued run ``run_id``; with the celery executor,
        wake a worker instead (it carries out the run as recorded; None). ``reopened``: the
        status, exit code and end of an interrupted run made ``running`` again for ``work``
        to resume, which it gets back should the resume be refused."""
        if self.executor == "celery":
            self.wake(run_id)
            return None
        future = self._pool.submit(self._carry_out, run_id, principal, work, reopened)
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
            with self._sender_lock:
                if self._sender is None:
                    from opsctl.dispatch.remote import broker_sender

                    self._sender = broker_sender(str(self.base.settings.broker_url))
            self._sender(run_id, queue)
        except Exception as exc:  # kombu and socket errors: the sweeper resends
            self.base.log.warning("run.wake_failed", run_id=run_id, error=type(exc).__name__)

    def resume(self, run_id: str, principal: Principal,
               secrets: Mapping[str, str] | None = None) -> Future[RunOutcome | None] | None:
        """Resume interrupted run ``run_id`` on the pool (or on a worker, with the celery
        executor); it reads as running from now on.

        A run's secret fields are stored only as digests: their values come from ``secrets``
        (field name to value, checked against the digests) or the server's environment
        (``OPSCTL_SECRET_<FIELD>``). Without them the resume is refused (exit 2; a wrong one
        exit 3) and the run stays as it was; a resume refused once under way (a held lock, a
        changed contract) puts it back as it was too, never leaving it ``running``."""
        from opsctl.engine.run import resume_run
        from opsctl.errors import ConflictError

        row = self.store().get_run(run_id)
        if row is not None and row["status"] == "running" and self.is_live(run_id):
            raise ConflictError(f"run {run_id} is running: there is nothing to resume while it "
                                "runs", step="validate")
        env = secret_env(self.base, (row or {}).get("request"), secrets or {},
                         f"run {run_id}", made_with="the run was started with")
        if self.executor == "celery":
            from opsctl.dispatch.claims import EXPIRED

            store = self.store()
            with store.transaction():
                store._execute("UPDATE runs SET status = 'running', exit_code = NULL, "
                               "finished_at = NULL, executor = 'celery', claim_until = ?, "
                               "woken_at = NULL WHERE id = ?", (EXPIRED, run_id))
            self.wake(run_id)
            return None
        assert row is not None
        before = {k: row[k] for k in ("status", "exit_code", "finished_at")}
        self.store().reopen_run(run_id)

        def work(session: Session) -> RunOutcome:
            with_secrets(session, env)
            return resume_run(session, run_id, previous_status=before["status"])

        return self.submit(run_id, principal, work, reopened=before)

    def is_live(self, run_id: str) -> bool:
        """Whether run ``run_id`` is being carried out: by this server, or by a process that
        still holds its lease (a ``running`` run that is neither is one whose process died)."""
        return self.future(run_id) is not None or _lease_is_live(self.store(), run_id)

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
                   work: Callable[[Session], RunOutcome],
                   reopened: Mapping[str, Any] | None = None) -> RunOutcome | None:
        if self.stopping.is_set():
            if reopened is not None:  # not resumed after all: as it was, for the next start
                self._put_back(self.session(principal), run_id, reopened, "server stopping")
            return None  # stays queued: the next start carries it out
        session = self.session(principal)
        with self._lock:
            self._running[run_id] = session
        self._local.in_run = True
        try:
            outcome = work(session)
            if _store_lost(outcome):
                session.log.warning("run.store_lost", run_id=run_id,
                                    error=outcome.document["error"]["message"]
                                    if outcome.document.get("error") else None)
                self._resume_when_store_returns(run_id, principal, work)
            return outcome
        except DependencyError as exc:
            if not _is_store_loss(exc):
                return self._refused(session, run_id, exc)
            session.log.warning("run.store_lost", run_id=run_id, error=exc.message)
            self._resume_when_store_returns(run_id, principal, work)
            return None
        except OpsctlError as exc:
            if reopened is not None:
                self._put_back(session, run_id, reopened, exc.message)
                return None
            return self._refused(session, run_id, exc)
        except Exception as exc:  # a bug: recorded as one, never lost silently
            from opsctl.errors import AutomationBugError

            session.log.error("run.crashed", run_id=run_id, error=f"{type(exc).__name__}: {exc}")
            if reopened is not None:
                self._put_back(session, run_id, reopened, type(exc).__name__)
                return None
            return self._refused(session, run_id, AutomationBugError(
                f"internal error while running {run_id}: {type(exc).__name__}", step="apply"))
        finally:
            self._local.in_run = False
            with self._lock:
                self._running.pop(run_id, None)

    def _resume_when_store_returns(self, run_id: str, principal: Principal,
                                   work: Callable[[Session], RunOutcome]) -> None:
        """Run ``run_id`` stopped because the store went away: its row still reads
        ``queued``, or ``running`` with a lease of this process. Once the store answers
        again (and that lease has run out), carry it out or resume it here, from its
        journal, as a restart would: an accepted run is never left for the next start."""

        def watch() -> None:
            pause = 1.0
            try:
                while not self.stopping.wait(pause):
                    pause = min(pause * 2, 15.0)
                    try:
                        row = self.store().get_run(run_id)
                        if row is not None and row["status"] == "queued":
                            if self.future(run_id) is not None:
                                continue  # the attempt that failed is not over yet
                            self.submit(run_id, principal, work)
                            return
                        if row is None or row["status"] != "running":
                            return  # finished or resumed elsewhere
                        if self.is_live(run_id):
                            continue  # our lease has not run out yet
                        runtime = row.get("runtime") or {}
                        identity = runtime.get("identity") or {}
                        recovered = _recovery_principal(Principal(
                            str(row["actor"]), str(identity.get("source", "token")),
                            scope={"recovered": "true"}, groups=recorded_groups(identity)))
                        self.resume(run_id, recovered)
                        return
                    except DependencyError:
                        continue  # still away
                    except OpsctlError as exc:  # a missing secret, a held lock: the caller's
                        self.base.log.warning("run.not_resumed", run_id=run_id,
                                              error=exc.message)
                        return
            finally:
                self._drop_thread_store()

        threading.Thread(target=watch, name=f"opsctl-resume-{run_id}", daemon=True).start()

    def _drop_thread_store(self) -> None:
        """Close this thread's connection (a thread that ends: it is no one's after)."""
        store: SQLStore | None = getattr(self._local, "store", None)
        if store is None:
            return
        self._local.store = None
        with self._stores_lock:
            self._stores = [opened for opened in self._stores if opened is not store]
            self._owners.pop(id(store), None)
        with suppress(Exception):
            store.close()

    def _refused(self, session: Session, run_id: str, exc: OpsctlError) -> RunOutcome | None:
        """A queued run refused before it started (a held lock, a denial): finish its row with
        the result document the CLI would print, so a poller sees why."""
        from opsctl.engine.run import finish_stored_run

        row = session.store.get_run(run_id)
        if row is None or row["status"] != "queued":
            return None
        doc = finish_stored_run(session, row, exc)
        session.log.warning("run.refused", run_id=run_id, status=doc["status"],
                            exit_code=exc.exit_code, error=exc.message)
        return RunOutcome(doc, int(exc.exit_code))

    def _put_back(self, session: Session, run_id: str, before: Mapping[str, Any],
                  reason: str) -> None:
        """An interrupted run whose resume was refused before it started: back to how it was
        (its result untouched by the reopening), resumable by whoever can resume it; one that
        was ``running`` (its process died) ends ``cancelled`` instead."""
        store = session.store
        row = store.get_run(run_id)
        if before["status"] == "running" and row is not None and row["status"] == "running":
            self._interrupted(store, row, reason)
            return
        with store.transaction():
            store._execute("UPDATE runs SET status = ?, exit_code = ?, finished_at = ? "
                           "WHERE id = ? AND status = 'running'",
                           (before["status"], before["exit_code"], before["finished_at"],
                            run_id))
        session.log.warning("run.not_resumed", run_id=run_id, status=before["status"],
                            reason=reason)

    def recover(self, executors: tuple[str, ...] = (EXECUTOR,)) -> list[str]:
        """At start: carry out runs left queued, and resume the server's runs interrupted by
        a shutdown or a crash (the journal makes a resume apply each action once)."""
        from opsctl.engine.cancel import cancel_asked
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
            if row["status"] == "cancelled" and cancel_asked(store, str(row["id"])):
                continue  # stopped on request (`opsctl cancel`), not by a shutdown: it stays so
            identity = runtime.get("identity") or {}
            principal = Principal(str(row["actor"]), str(identity.get("source", "token")),
                                  scope={"recovered": "true"}, groups=recorded_groups(identity))
            try:  # its secrets, from this server's environment (no caller gives them)
                secret_env(self.base, row.get("request"), {}, f"run {row['id']}",
                           made_with="the run was started with")
            except OpsctlError as exc:
                self._not_recovered(store, row, exc)
                continue
            before = None
            if row["status"] != "queued":
                before = {k: row[k] for k in ("status", "exit_code", "finished_at")}
                store.reopen_run(str(row["id"]))  # pending again: nobody reads it as final
            picked.append(str(row["id"]))
            self.submit(str(row["id"]), _recovery_principal(principal),
                        _recovery_work(row), reopened=before)
        return picked

    def requeue(self, run_id: str, principal: Principal,
                secrets: Mapping[str, str] | None = None) -> None:
        """Carry out, as the same run, a queued run a start left ``cancelled`` because its
        secret was not in the server's environment (:meth:`_not_started`): its secrets from
        ``secrets`` or the environment, checked first (a refusal leaves it as it was). One
        caller wins the conditional UPDATE; a duplicate finds it queued or running."""
        store = self.store()
        row = store.get_run(run_id)
        assert row is not None
        env = secret_env(self.base, row.get("request"), secrets or {}, f"run {run_id}",
                         made_with="the run was started with")
        runtime = {k: v for k, v in (row.get("runtime") or {}).items() if k != NOT_STARTED}
        with store.transaction():
            cur = store._execute("UPDATE runs SET status = 'queued', exit_code = NULL, "
                                 "result_json = NULL, error_type = NULL, finished_at = NULL, "
                                 "runtime_json = ? WHERE id = ? AND status = 'cancelled'",
                                 (store._json(runtime), run_id))
        if cur.rowcount != 1:
            return
        carry_out = _recovery_work({**row, "status": "queued", "runtime": runtime})

        def work(session: Session) -> RunOutcome:
            with_secrets(session, env)
            return carry_out(session)

        self.submit(run_id, principal, work)

    def _not_recovered(self, store: SQLStore, row: Mapping[str, Any],
                       exc: OpsctlError) -> None:
        """An interrupted apply this start cannot resume (a secret it needs is not in the
        server's environment): left as it was, resumable by a caller who gives the secret,
        with a warning. One still ``running`` (its process died without checkpointing)
        ends ``cancelled`` (exit 130), as a stopped run does, rather than running forever;
        so does one still ``queued``, for a caller to send again (:meth:`_not_started`)."""

        if row["status"] == "running":
            self._interrupted(store, row, exc.message)
            return
        if row["status"] == "queued":
            self._not_started(store, row, exc.message)
            return
        self.base.log.warning("run.not_resumed", run_id=str(row["id"]), status=row["status"],
                              reason=exc.message)

    def _not_started(self, store: SQLStore, row: Mapping[str, Any], reason: str) -> None:
        """End a queued run this start cannot carry out ``cancelled`` (exit 130), as an
        interrupted one, marked never started: the same request again, its secret included,
        carries it out as the same run (:meth:`requeue`)."""
        from opsctl.engine.run import finish_stored_run
        from opsctl.errors import InterruptedRunError

        runtime = {**(row.get("runtime") or {}), NOT_STARTED: True}
        with store.transaction():
            cur = store._execute("UPDATE runs SET runtime_json = ? WHERE id = ? "
                                 "AND status = 'queued'", (store._json(runtime), row["id"]))
        if cur.rowcount != 1:
            return
        finish_stored_run(self.base, row, InterruptedRunError(
            f"run {row['id']} was not started: {reason}; send the same request, its secret "
            "included, to carry it out", step="validate"))
        self.base.log.warning("run.not_resumed", run_id=str(row["id"]), status="cancelled",
                              reason=reason)

    def _interrupted(self, store: SQLStore, row: Mapping[str, Any], reason: str) -> None:
        """End a run left ``running`` that cannot resume now as ``cancelled`` (exit 130)."""
        from opsctl.engine.run import end_abandoned_run

        end_abandoned_run(self.base, row, f"it cannot resume now: {reason}")
        self.base.log.warning("run.not_resumed", run_id=str(row["id"]), status="cancelled",
                              reason=reason)

    def shutdown_requested(self) -> None:
        """Stop taking runs and ask the running ones to checkpoint (as SIGTERM does in the
        CLI): they end ``cancelled`` with their journal, and the next start resumes them."""
        self.stopping.set()
        with self._lock:
            sessions = list(self._running.values())
        for session in sessions:
            session.stop_requested.set()

    def shutdown(self, grace_s: float) -> list[str]:
        """:meth:`shutdown_requested`, then wait up to ``grace_s`` for running runs; the runs
        still in flight after it (an action that outlasted the grace)."""
        import time

        self.shutdown_requested()
        deadline = time.monotonic() + grace_s
        while time.monotonic() < deadline:
            with self._lock:
                if not self._running:
                    break
            time.sleep(0.05)
        self._pool.shutdown(wait=False, cancel_futures=True)
        with self._lock:
            in_flight = sorted(self._running)
        if in_flight:  # an action outlasted the grace: its run records how it ended as it
            # returns (the process exits after it), so its store stays open until then
            self.base.log.warning("server.runs_in_flight", runs=in_flight, grace_s=grace_s)
            return in_flight
        with self._stores_lock:
            stores, self._stores = self._stores, []
            self._owners.clear()
        for store in stores:
            with suppress(Exception):  # closing at exit; what matters is committed
                store.close()
        return []


def exit_leaving_runs(session: Any, in_flight: list[str]) -> None:
    """An action that outlasted the stop grace (blocked for good, or slower than the grace)
    kept a stopped server or scheduler alive with it, for ever: the grace is what a stop waits
    for. The process ends now, as a crash would; each run left keeps its journal, its lease
    lapses, and the next start picks it up (its interrupted actions checked again or applied
    again)."""
    session.log.warning("server.runs_left", runs=in_flight,
                        message="actions outlasted stop_grace: the process exits without them; "
                                "the next start resumes their runs")
    import os
    import sys

    for stream in (sys.stdout, sys.stderr):
        with suppress(Exception):
            stream.flush()
    os._exit(0)


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
    lock_wait_hint: ClassVar[str] = ""  # a request has no --wait-lock

    @property
    def store(self) -> SQLStore:
        assert self.runtime is not None
        store = self.runtime.store()
        store.redactor = self.redactor
        return store

    def close(self) -> None:
        """The connections belong to the server's threads; they close at shutdown."""


def secret_markers(request_doc: Any, found: dict[str, list[str]] | None = None,
                   ) -> dict[str, list[str]]:
    """The secret fields of a stored request (a run's or a plan's), each with the digests it
    is kept as: ``{"password": ["hmac-sha256:..."]}``."""
    from opsctl.contract.plan import SECRET_MARKER

    found = {} if found is None else found
    if isinstance(request_doc, dict):
        for key, value in request_doc.items():
            if isinstance(value, dict) and set(value) == {SECRET_MARKER}:
                found.setdefault(str(key), []).append(str(value[SECRET_MARKER]))
            else:
                secret_markers(value, found)
    elif isinstance(request_doc, list):
        for value in request_doc:
            secret_markers(value, found)
    return found


def secret_env(session: Session, request_doc: Any, given: Mapping[str, str], source: str, *,
               made_with: str, field: str = "body.secrets") -> dict[str, str]:
    """The ``OPSCTL_SECRET_<FIELD>`` values that put back the secret fields of a stored
    request, from ``given`` (field name to value, over HTTP or a form), checked now against
    the digests so a caller hears at once of a secret left out (exit 2) or wrong (exit 3); a
    field not given is taken from the server's environment, as on the command line."""
    import hmac

    from opsctl.engine.request import secret_digest
    from opsctl.errors import PlanRejectedError
    from opsctl.service.problems import InputError

    markers = secret_markers(request_doc)
    unknown = sorted(set(given) - set(markers))
    if unknown:
        raise InputError(f"{source} has no secret field {', '.join(map(repr, unknown))}",
                         [{"field": f"{field}.{name}", "message": "not a secret field of "
                           + source} for name in unknown])
    missing = [name for name in sorted(markers) if name not in given
               and f"OPSCTL_SECRET_{name.upper()}" not in session.env]
    if missing:
        raise InputError(f"{source} keeps secret field {', '.join(map(repr, missing))} only "
                         "as a digest: give its value again",
                         [{"field": f"{field}.{name}", "message": "required secret is missing"}
                          for name in missing])
    digest = secret_digest(lambda: session.signing_key(create=False))
    for name, value in given.items():
        if not all(hmac.compare_digest(digest(value), d) for d in markers[name]):
            raise PlanRejectedError(f"{source}: the secret given for {name!r} differs from the "
                                    f"one {made_with}", reason="stale", step="gate")
    return {f"OPSCTL_SECRET_{name.upper()}": value for name, value in given.items()}


def with_secrets(session: Session, env: Mapping[str, str]) -> None:
    """Give a run's session the secrets of :func:`secret_env` (in memory only, masked)."""
    if env:
        session.env = {**session.env, **env}
        session.redactor.add(*env.values())


def _is_store_loss(exc: DependencyError) -> bool:
    """Whether ``exc`` is the store going away (a run's own dependencies end in its result)."""
    from opsctl.store.sql import StoreUnavailableError

    return isinstance(exc, StoreUnavailableError) or exc.message.startswith("PostgreSQL store ")


def _store_lost(outcome: RunOutcome | None) -> bool:
    """Whether a run ended because the store went away (its result not recorded)."""
    if outcome is None:
        return False
    store = (outcome.document.get("artifacts") or {}).get("store") or {}
    return isinstance(store, dict) and store.get("recorded") is False


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
            return resume_run(session, run_id, previous_status=status)
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
                       wait_lock_s=float(runtime.get("wait_lock_s") or 0.0),  # a schedule's grace
                       contract_version=runtime.get("contract_version"),
                       source=session.catalog.entry(automation.name).source,
                       stored_request=True)

    return work

