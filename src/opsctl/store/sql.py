"""One SQL store over two DB-API drivers: ``sqlite3`` (embedded) and ``psycopg`` (PostgreSQL).

Statements are written with ``?`` placeholders and translated for psycopg. Every logical step
is one transaction. Values are redacted on the way in, so no stored row holds a secret.
"""

from __future__ import annotations

import errno
import itertools
import json
import os
import re
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from opsctl.config.redact import Redactor, mask_url, url_secrets
from opsctl.errors import ConflictError, DependencyError, StateDirError
from opsctl.jsontext import json_encoder, without_surrogates
from opsctl.store.migrations import BOOTSTRAP, MIGRATIONS

Row = dict[str, Any]
RUN_COLUMNS = ("id", "automation", "contract_version", "mode", "status", "exit_code", "actor",
               "idempotency_key", "request_json", "plan_id", "plan_fingerprint", "result_json",
               "runtime_json", "error_type", "started_at", "finished_at", "request_hash",
               "key_source", "executor")
_ACTION_COLUMNS = ("run_id, seq, action_id, kind, target, spec_json, status, attempts, error, "
                   "started_at, finished_at")
Fence = tuple[str, int]
"""(lock scope, fencing token): journal writes carrying one succeed only while it holds."""


_STARTED = ("UPDATE actions SET status = 'started', attempts = attempts + 1, started_at = ? "
            "WHERE run_id = ? AND action_id = ?")
_RETRIED = "UPDATE actions SET attempts = attempts + 1 WHERE run_id = ? AND action_id = ?"
_FINISHED_COUNTED = ("UPDATE actions SET status = ?, error = ?, finished_at = ?, attempts = ? "
                     "WHERE run_id = ? AND action_id = ?")
_STARTED_AND_FINISHED = ("UPDATE actions SET status = ?, error = ?, finished_at = ?, "
                         "started_at = ?, attempts = ? WHERE run_id = ? AND action_id = ?")




def _batched_records(pending: Sequence[tuple[str, Sequence[Any], Fence | None]],
                     ) -> list[tuple[str, Fence | None, list[Sequence[Any]]]]:
    """Deferred journal records as (statement, fence, rows) batches with the same effect as
    executing them one by one, in order.

    An action's "started" record and its later "finished" record become one update in the
    started record's place (nothing of that action lies between them: other actions' rows
    are other rows). Concurrent workers interleave their records (started, started, finished,
    ...), so batches are then formed by statement and fence rather than by adjacency, which
    reorders only records of different actions: every record names its action by its last
    two parameters (run id, action id), and when one action still has two records the order
    is kept and only neighbours are batched.
    """
    merged: list[tuple[str, Sequence[Any], Fence | None]] = []
    open_started: dict[tuple[Any, Any], int] = {}  # action -> index of its "started" in merged
    for record in pending:
        statement, params, fence = record
        key = (params[-2], params[-1])
        if statement is _STARTED:
            open_started[key] = len(merged)
        elif statement is _FINISHED_COUNTED:
            at = open_started.pop(key, None)
            if at is not None and merged[at][2] == fence:
                started = merged[at][1]
                # params: status, error, finished_at, attempts, run_id, action_id
                merged[at] = (_STARTED_AND_FINISHED, (params[0], params[1], params[2],
                                                      started[0], params[3], params[4],
                                                      params[5]), fence)
                continue
        else:
            open_started.pop(key, None)
        merged.append(record)
    batches: list[tuple[str, Fence | None, list[Sequence[Any]]]] = []
    if len({(p[-2], p[-1]) for _, p, _ in merged}) == len(merged):  # one record per action
        by_kind: dict[tuple[str, Fence | None], list[Sequence[Any]]] = {}
        for statement, params, fence in merged:
            by_kind.setdefault((statement, fence), []).append(params)
        return [(statement, fence, rows) for (statement, fence), rows in by_kind.items()]
    for statement, params, fence in merged:
        if batches and batches[-1][0] == statement and batches[-1][1] == fence:
            batches[-1][2].append(params)
        else:
            batches.append((statement, fence, [params]))
    return batches


_EVENT_JSON = json_encoder(sort_keys=False, ensure_ascii=False)


def _utf8(text: str) -> bool:
    """Whether ``text`` is Unicode text, which a store takes: no lone surrogate."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
_SPEC_JSON = json_encoder(sort_keys=True, ensure_ascii=True)  # as _json writes, less redaction
_RESULT_JSON = json_encoder(sort_keys=True, ensure_ascii=True)
_BLOB_RESULT_MIN = 1 << 20
"""A result text this long (a plan of some thousands of actions) is written to SQLite through
a blob; a shorter one is bound as a str. Each blob opened leaves a reference on its connection
until the connection closes (about 90 bytes): kept for the rare long results, not paid by
every run of a server's connection that lives for weeks."""
_EVENTS_PER_INSERT = 32  # 160 parameters; SQLite allows 999 before 3.32
_RECORD_CHUNK = 1000


class LeaseLostError(ConflictError):
    """A journal write was refused: this run's lease expired and another run took the scope.

    ``holder_run_id``: the run that holds the scope now, when known; this very run, when
    another process resumed it (the same command again): this one must then record nothing
    more of it, not even how it ended."""

    holder_run_id: str | None = None


class StoreUnavailableError(DependencyError):
    """The store failed under a running command: connection lost, disk full, I/O error, busy.

    A dependency failure (exit 4, retryable), not a bug: what was committed before it stays,
    and the next run resumes from the journal.
    """


# SQLite primary result codes that mean "the store cannot be used right now", not "opsctl
# sent bad SQL": busy, locked, out of memory, read-only, I/O error, disk full, cannot open,
# locking protocol.
_SQLITE_UNAVAILABLE = frozenset({5, 6, 7, 8, 10, 13, 14, 15})


def _attempt_ms(result: dict[str, Any]) -> int | None:
    """The duration of the attempt a result document reports (``timing.duration_ms``)."""
    timing = result.get("timing")
    value = timing.get("duration_ms") if isinstance(timing, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class StorePrivilegeError(StateDirError):
    """The server refused the store's role a privilege on its tables (a role that may only
    read them, asked to write): configuration, exit 2."""


def store_unavailable(exc: BaseException, dialect: str) -> bool:
    """Whether a driver exception means the store is unreachable or out of resources."""
    if dialect == "postgresql":
        import psycopg

        # 25006: a server that takes no writes (a standby, a primary demoted in a failover,
        # default_transaction_read_only), as SQLite's SQLITE_READONLY below
        return isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError) or getattr(
            exc, "sqlstate", None) == "25006"
    import sqlite3

    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(exc, sqlite3.OperationalError) and (
        code is None or code & 0xFF in _SQLITE_UNAVAILABLE)


def _sqlite_corrupt(exc: BaseException, dialect: str) -> bool:
    """A SQLite file damaged past its header (SQLITE_CORRUPT, SQLITE_NOTADB): no retry mends
    it, so it is the store's problem to report (exit 2), not an internal error."""
    if dialect != "sqlite":
        return False
    import sqlite3

    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(exc, sqlite3.DatabaseError) and code is not None and code & 0xFF in (11, 26)


def _schema_damaged(exc: BaseException) -> bool:
    """A table or column of the store's schema is gone (SQLite's "no such table", PostgreSQL's
    42P01/42703): no retry mends it, and it is the store's problem, not a bug of opsctl."""
    if getattr(exc, "sqlstate", None) in ("42P01", "42703"):
        return True
    return type(exc).__name__ == "OperationalError" and str(exc).startswith(
        ("no such table:", "no such column:"))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class ActionRecord:
    run_id: str
    seq: int
    action_id: str
    kind: str
    target: str
    spec: dict[str, Any]
    status: str
    attempts: int
    error: str | None
    started_at: str | None
    finished_at: str | None


STALL_S = 60.0
"""Seconds a PostgreSQL statement may wait for an answer before its connection is cut (the
session sets it to the lease's time to live, at least 10 s)."""
RUN_PREFIX_MIN = 6  # the shortest run id prefix `show`, `resume` and `approve` accept
# A run id prefix, compared literally and case-sensitively on SQLite and PostgreSQL alike: LIKE
# would read `%` and `_` as wildcards, and SQLite's LIKE ignores case.
_ID_PREFIX = "substr(id, 1, CAST(? AS INTEGER)) = ?"


class SQLStore:
    """Runs, the action journal and saved plans, in SQLite or PostgreSQL."""

    def __init__(self, conn: Any, dialect: str, url: str, redactor: Redactor | None = None) -> None:
        self._conn = conn
        self._lock = threading.RLock()  # one connection, shared by the apply worker threads
        # The buffers below (deferred records, run events, event numbering) have a lock of
        # their own, so worker threads queue records while another thread commits (group
        # commit: see _fenced_update).
        self._buffer_lock = threading.Lock()
        self._deferred: list[tuple[str, Sequence[Any], Fence | None]] = []
        self._queued = 0      # durable records queued so far (strict mode's tickets)
        self._taken = 0       # ... of which the newest transaction took this many
        self._durable = 0     # ... of which this many are committed (or failed: _lost)
        self._lost: list[tuple[int, int, BaseException]] = []  # (after, through, why) failed
        self._writers = 0     # writers between queuing a durable record and checking _lost
        self._durable_lock = threading.Lock()  # _leading and _sleepers
        self._leading = False  # a writer is committing the queued records for everyone
        # Writers waiting for a leader's commit, each on a lock of its own (ticket, lock): a
        # leader wakes those its commit covered and one more to lead next. A Condition's
        # notify_all woke every waiting writer after every commit, and 64 writers waking
        # for each of ~350 commits cost more CPU than their journal (bench/concurrency.py).
        self._sleepers: list[tuple[int, threading.Lock]] = []
        self._event_rows: list[tuple[str, int, str, str, str]] = []  # run_events, not yet written
        self._event_seq: dict[str, int] = {}  # last seq of each run recording through this store
        self.journal_mode = "strict"
        self.group_size = 256
        self.group_s = 0.05
        self._group_since = 0.0
        self._group_count = 0
        # Commits a batch group_s after its first record; one thread for the store's life
        # (a Timer per batch cost a thread start every 256 records, ~2 us per action in
        # bench/journal.py), waiting on this condition of the buffer lock.
        self._group_flusher: threading.Thread | None = None
        self._group_wake = threading.Condition(self._buffer_lock)
        self._group_closed = False
        self._group_failure: BaseException | None = None  # that commit's error, for a writer
        self.dialect = dialect
        self.url = url
        self.migrating: tuple[int, int] | None = None  # (from, to) while migrate() applies them
        self._migrating_now = False  # inside migrate()
        self.creating = False  # migrate() found no store here and creates its tables
        # "is None", not "or": an empty Redactor is falsy, and the session adds the secrets of
        # each request to its own later; a copy made now would never mask them.
        self.redactor = redactor if redactor is not None else Redactor()
        self.unavailable: str | None = None
        # PostgreSQL: a server (or a proxy in front of it) that stops answering without closing
        # the connection would hold a statement for ever; the watchdog cuts the connection
        # after stall_s, and the statement fails as a lost store does (exit 4).
        self.stall_s = STALL_S
        self._busy_since: float | None = None
        self._stalled: str | None = None
        self._watchdog: threading.Thread | None = None
        self._closing = False
        """Set to the driver's message once the store failed under this process."""
        self.chunk_fence: tuple[str, int, int] | None = None
        """(run id, chunk, attempt) while this connection applies a chunk of a fanned-out run:
        its journal writes then also need that claim of the chunk to still hold."""

    # -- plumbing -------------------------------------------------------------------------
    def _sql(self, statement: str) -> str:
        return statement.replace("?", "%s") if self.dialect == "postgresql" else statement

    def _execute(self, statement: str, params: Sequence[Any] = ()) -> Any:
        if self._busy_since is not None:  # progress: the watchdog times each statement
            self._busy_since = time.monotonic()
        return self._conn.execute(self._sql(statement), tuple(params))

    def _rows(self, statement: str, params: Sequence[Any] = ()) -> list[Row]:
        with self._lock, self._driver_errors():
            cur = self._execute(statement, params)
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    @contextmanager
    def _driver_errors(self) -> Iterator[None]:
        """Turn a lost connection, a full disk or an I/O error into StoreUnavailableError."""
        timed = self.dialect == "postgresql" and self._busy_since is None
        if timed:
            self._busy_since = time.monotonic()
            if self._watchdog is None or not self._watchdog.is_alive():
                self._watchdog = threading.Thread(target=self._watch, daemon=True,
                                                  name="opsctl-store-watchdog")
                self._watchdog.start()
        try:
            yield
        except Exception as exc:
            if self._stalled is not None and store_unavailable(exc, self.dialect):
                self.unavailable = self._stalled
                raise StoreUnavailableError(f"the state store {mask_url(self.url)} failed: "
                                            f"{self._stalled}") from None
            if _sqlite_corrupt(exc, self.dialect):  # found past the header: as at opening
                raise StateDirError(f"store {mask_url(self.url)} is not a usable SQLite "
                                    f"database: {_first_line(exc)}; restore it from a backup "
                                    "(`sqlite3 FILE .recover` may save what is left)") from None
            if _schema_damaged(exc):  # a table dropped by hand, a partial restore
                raise StateDirError(f"store {mask_url(self.url)} lacks part of its schema "
                                    f"({_first_line(exc)}) though it records it as complete; "
                                    "restore it from a backup") from None
            if getattr(exc, "sqlstate", None) == "42501" and not self._migrating_now:
                # a role granted less than the store needs (SELECT only, an auditor's): no
                # retry mends it. Not while migrating: _open_postgres says whose role migrates.
                raise StorePrivilegeError(
                    f"PostgreSQL store {mask_url(self.url)} cannot be used by its role for "
                    f"this command: {_first_line(exc)}; grant it SELECT, INSERT, UPDATE, "
                    "DELETE on the store's tables, or use a store_url naming one that has "
                    "them") from None
            if isinstance(exc, StoreUnavailableError) or not store_unavailable(exc, self.dialect):
                raise
            self.unavailable = _first_line(exc)
            raise StoreUnavailableError(f"the state store {mask_url(self.url)} failed: "
                                        f"{self.unavailable}") from None
        finally:
            if timed:
                self._busy_since = None

    def _watch(self) -> None:
        """Cut the connection of a statement that has had no answer for ``stall_s``: shut its
        socket down, so the call blocked on it returns with an error (a thread of its own: the
        one waiting is inside the driver). Timed from the last statement begun, so a long
        transaction of quick statements (a million-action plan journaled) is no stall. Ends
        with the connection: closed, cut, or failed (nothing waits on a lost connection, and
        a store dropped without closing is kept alive by this thread's reference to it)."""
        import socket

        while not self._closing and self._stalled is None and self.unavailable is None:
            time.sleep(min(1.0, self.stall_s / 4))
            since = self._busy_since
            if since is None or time.monotonic() - since < self.stall_s:
                continue
            self._stalled = (f"no answer from the server for {self.stall_s:g}s (the connection "
                             "was cut)")
            with suppress(Exception):
                fd = self._conn.pgconn.socket
                cut = socket.socket(fileno=os.dup(fd))
                try:
                    cut.shutdown(socket.SHUT_RDWR)
                finally:
                    cut.close()

    @contextmanager
    def transaction(self, *, deferred: bool = True) -> Iterator[None]:
        """One transaction; journal records deferred by earlier calls commit with it, unless
        ``deferred`` is false: then a failure of the work inside it (an audit chain that
        refuses an append) cannot take the journal's records down with it."""
        with self._lock, self._driver_errors():
            if self.dialect == "postgresql":
                try:
                    with self._conn.transaction():
                        if deferred:
                            self._write_deferred()
                        yield
                except BaseException as exc:
                    self._settle(exc)
                    raise
                self._settle(None)
                return
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                if deferred:
                    self._write_deferred()
                yield
            except BaseException as exc:
                self._rollback()
                self._settle(exc)
                raise
            try:
                self._conn.execute("COMMIT")
            except BaseException as exc:
                self._rollback()
                self._settle(exc)
                raise
            self._settle(None)

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one state of the store: another process's commit lands before
        them all or after them all (a read-only transaction: REPEATABLE READ on PostgreSQL,
        whose statements otherwise each see the newest commits; SQLite's WAL keeps the
        snapshot of a transaction's first read). Writes nothing, deferred records included."""
        with self._lock, self._driver_errors():
            if self.dialect == "postgresql":
                from psycopg.pq import TransactionStatus

                if self._conn.info.transaction_status != TransactionStatus.IDLE:
                    yield  # inside a transaction already (its isolation is its own)
                    return
                with self._conn.transaction():
                    self._conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    yield
                return
            if self._conn.in_transaction:  # inside a write transaction: already one state
                yield
                return
            self._conn.execute("BEGIN")
            try:
                yield
            finally:
                with suppress(Exception):
                    self._conn.execute("COMMIT")

    def _settle(self, failure: BaseException | None) -> None:
        """The records the transaction took are committed, or lost with ``failure``: either
        way their writers stop waiting (under the connection lock)."""
        if self._taken > self._durable:
            if failure is not None:
                self._lost.append((self._durable, self._taken, failure))
            self._durable = self._taken

    def _rollback(self) -> None:
        # SQLite may already have rolled back (a full disk or an I/O error can end the
        # transaction), and then ROLLBACK itself fails; the first error is the one to report.
        if self._conn.in_transaction:
            with suppress(Exception):
                self._conn.execute("ROLLBACK")

    def _write_deferred(self) -> None:
        """Write deferred records, then buffered run events; an action's started + finished
        pair as one row update (group mode defers both), which halves the statements of a
        batch, and the records of one statement and fence with one executemany."""
        with self._buffer_lock:
            events, self._event_rows = self._event_rows, []
            pending, self._deferred = self._deferred, []
            self._taken = self._queued
        # the fenced records first: a run whose lease another process took (the same run
        # resumed there, numbering its events from the same seq) is refused by its fence
        # (LeaseLostError), not by the events' primary key
        for statement, fence, rows in _batched_records(pending) if pending else ():
            if len(rows) == 1:
                self._fenced_execute(statement, rows[0], fence)
            else:
                self._fenced_executemany(statement, rows, fence)
        if events:
            self._insert_events(events)

    def _fenced(self, statement: str, params: Sequence[Any],
                fence: Fence | None) -> tuple[str, Sequence[Any]]:
        if fence is not None:
            statement += " AND EXISTS (SELECT 1 FROM locks WHERE scope = ? AND token = ?)"
            params = [*params, fence[0], fence[1]]
        chunk = self.chunk_fence
        if chunk is not None:
            # 'stop': the run asked the chunk to stop; the actions in flight still record
            statement += (" AND EXISTS (SELECT 1 FROM run_chunks WHERE run_id = ? AND chunk = ? "
                          "AND attempt = ? AND status IN ('running', 'stop'))")
            params = [*params, *chunk]
        return statement, params

    def _fenced_execute(self, statement: str, params: Sequence[Any], fence: Fence | None) -> None:
        cur = self._execute(*self._fenced(statement, params, fence))
        if cur.rowcount != 1 and (fence is not None or self.chunk_fence is not None):
            self._fence_lost(fence)

    def _fenced_executemany(self, statement: str, rows: Sequence[Sequence[Any]],
                            fence: Fence | None) -> None:
        """Many records of one statement and fence; each must update its row (the drivers sum
        the rows updated over the batch), else the fence no longer holds."""
        fenced, extra = self._fenced(statement, (), fence)  # the same conditions each row
        sql = self._sql(fenced)
        params = [(*row, *extra) for row in rows] if extra else rows
        if self.dialect == "postgresql":
            self._busy_since = time.monotonic() if self._busy_since is not None else None
            with self._conn.cursor() as cur:
                cur.executemany(sql, params)
                updated = cur.rowcount
        else:
            updated = self._conn.executemany(sql, params).rowcount
        if updated != len(rows) and (fence is not None or self.chunk_fence is not None):
            self._fence_lost(fence)

    def require_fence(self, fence: Fence) -> None:
        """LeaseLostError unless ``fence`` still holds its lease; nothing is written."""
        if not self._rows("SELECT 1 AS held FROM locks WHERE scope = ? AND token = ?", fence):
            self._fence_lost(fence)

    def _fence_lost(self, fence: Fence | None) -> None:
        chunk = self.chunk_fence
        if fence is not None and not self._rows(
                "SELECT 1 AS held FROM locks WHERE scope = ? AND token = ?", fence):
            holder = self._rows("SELECT run_id FROM locks WHERE scope = ?", (fence[0],))
            how = (f"run {holder[0]['run_id']} holds the scope now" if holder else
                   "it was broken (`opsctl locks break`) or ran out")
            lost = LeaseLostError(f"lease on {fence[0]} (token {fence[1]}) was lost: {how}; this "
                                  "run stops without recording more (run the same command again "
                                  "to plan afresh)")
            lost.holder_run_id = str(holder[0]["run_id"]) if holder else None
            raise lost
        raise LeaseLostError(f"chunk {chunk[1] if chunk else '?'} of run "
                             f"{chunk[0] if chunk else '?'} was claimed again by another worker "
                             "(or its run stopped it): this worker stops without recording more")

    def _executemany(self, statement: str, rows: Sequence[Sequence[Any]]) -> None:
        if self.dialect == "postgresql":
            self._busy_since = time.monotonic() if self._busy_since is not None else None
            with self._conn.cursor() as cur:
                cur.executemany(self._sql(statement), rows)
        else:
            self._conn.executemany(statement, rows)

    def _insert_events(self, rows: list[tuple[str, int, str, str, str]]) -> None:
        """Insert run events, many to a statement: a row of SQLite's executemany costs about
        a third more than its share of a 32-row INSERT (bench/journal.py, group mode)."""
        insert = "INSERT INTO run_events (run_id, seq, at, kind, data_json) VALUES "
        whole = len(rows) - len(rows) % _EVENTS_PER_INSERT
        if whole and self.dialect == "sqlite":
            flat = itertools.chain.from_iterable
            self._executemany(insert + ", ".join(["(?, ?, ?, ?, ?)"] * _EVENTS_PER_INSERT),
                              [list(flat(rows[i:i + _EVENTS_PER_INSERT]))
                               for i in range(0, whole, _EVENTS_PER_INSERT)])
            rows = rows[whole:]
        if rows:
            self._executemany(insert + "(?, ?, ?, ?, ?)", rows)

    def flush(self) -> None:
        """Commit journal records still deferred (group mode, or a finished record in strict)
        and buffered run events; raise the failure of a batch the group timer committed."""
        with self._buffer_lock:
            failure, self._group_failure = self._group_failure, None
        if failure is not None:
            raise failure
        with self._lock:
            if self._deferred or self._event_rows:
                with self.transaction():
                    pass

    def _json(self, value: Any) -> str:
        return json.dumps(self.redactor.redact(value), sort_keys=True, default=str)

    def _result_text(self, value: Any) -> str:
        """``_json`` without the blanks after "," and ":": a result holds an entry per action,
        and its text is held three times while it is written (here, and twice by SQLite)."""
        return _RESULT_JSON(self.redactor.redact(value) if self.redactor else value)

    def close(self) -> None:
        self._closing = True
        with self._buffer_lock:
            self._group_closed = True
            self._group_wake.notify()
        try:
            if self.unavailable is None:
                self.flush()
        finally:
            with suppress(Exception):  # a connection that is already gone
                self._conn.close()

    # -- schema ---------------------------------------------------------------------------
    def migrate(self, *, create: bool = True) -> list[int]:
        """Apply pending migrations in order; returns the versions applied now.

        A store migrated by a newer opsctl (a schema version this code does not know) is
        refused before anything is written: this code would write rows it does not understand.
        ``create=False`` refuses (exit 4, nothing written) to make the tables of a store that
        has none, for a process that used a store here already.
        """
        applied_now: list[int] = []
        newest_known = MIGRATIONS[-1].version
        self._migrating_now = True
        try:
            self._migrate(applied_now, newest_known, create)
        finally:
            self._migrating_now = False
        self.migrating = None
        return applied_now

    def _migrate(self, applied_now: list[int], newest_known: int, create: bool) -> None:
        from opsctl._version import __version__

        with self.transaction():
            if self.dialect == "postgresql":
                self._execute("SELECT pg_advisory_xact_lock(7270111)")
            if not self._has_migrations_table():
                self.creating = True
                self._execute(BOOTSTRAP)
            done = {r["version"] for r in self._rows("SELECT version FROM schema_migrations")}
            newest = max(done, default=0)
            if not done and not create:
                # a server whose database was dropped and made again to restore a dump into:
                # tables made now would be a new, empty store, and the restore would collide
                raise StoreUnavailableError(
                    f"the store {mask_url(self.url)} has no tables any more (dropped, or being "
                    "restored?): this process used a store there and makes no new one in its "
                    "place; restore the store, or restart the process to start an empty one")
            if newest > newest_known:
                rows = self._rows("SELECT opsctl_version FROM schema_migrations WHERE version = ?",
                                  (newest,))
                by = rows[0]["opsctl_version"] if rows and rows[0]["opsctl_version"] else None
                # a build between releases carries the last release's version number
                who = ("a newer opsctl" if not by else f"a newer build of opsctl {by}"
                       if by == __version__ else f"opsctl {by}")
                raise StateDirError(
                    f"the store {mask_url(self.url)} was migrated to schema version {newest} by "
                    f"{who}; this opsctl ({__version__}) "
                    f"knows schema versions up to {newest_known}: upgrade opsctl to use it")
            if 0 < newest < newest_known:  # an earlier opsctl's store
                self.migrating = (newest, newest_known)
            for migration in MIGRATIONS:
                if migration.version in done:
                    continue
                for statement in (*migration.statements,
                                  *migration.by_dialect.get(self.dialect, ())):
                    self._execute(statement)
                self._execute("INSERT INTO schema_migrations (version, name, applied_at) "
                              "VALUES (?, ?, ?)",
                              (migration.version, migration.name, utcnow().isoformat()))
                applied_now.append(migration.version)
            if applied_now:
                self._execute("UPDATE schema_migrations SET opsctl_version = ? WHERE version >= ?",
                              (__version__, min(applied_now)))

    def _has_migrations_table(self) -> bool:
        """Whether the store has its table of migrations already. PostgreSQL checks the
        schema's CREATE right before ``IF NOT EXISTS`` looks, so a role that may only read
        and write the tables of a store its owner migrated is asked first."""
        if self.dialect != "postgresql":
            return False  # SQLite's IF NOT EXISTS asks for no right
        # the first schema of the search path, where BOOTSTRAP would create it
        found = self._execute("SELECT 1 FROM pg_tables WHERE schemaname = current_schema() "
                              "AND tablename = 'schema_migrations'").fetchone()
        return found is not None

    def schema_version(self) -> int:
        rows = self._rows("SELECT MAX(version) AS v FROM schema_migrations")
        return int(rows[0]["v"] or 0)

    # -- runs -----------------------------------------------------------------------------
    def create_run(self, run: Row) -> None:
        row = self._run_row(run)
        with self.transaction():
            self._insert_run(row)

    def create_run_for_key(self, run: Row) -> Row | None:
        """Record ``run`` unless the newest apply run of its automation and idempotency key
        (a caller's key) was asked with another request: that run's head (id, status,
        request hash), and nothing is recorded.

        The look and the insert are one transaction, and requests with the same key take
        turns in it, so two processes sending one key with two requests at once (two lock
        scopes, which no lease orders) never both start a run under it."""
        row = self._run_row(run)
        with self.transaction():
            found = self._newest_under_key(row, "mode = 'apply' AND status <> 'conflict'", ())
            if found is not None and found[2] != row["request_hash"]:
                return {"id": found[0], "status": found[1], "request_hash": found[2]}
            self._insert_run(row)
        return None

    def create_run_once(self, run: Row, carrying: Sequence[str]) -> str:
        """Record ``run`` unless a run of its automation, mode and idempotency key is in one of
        the ``carrying`` statuses (queued, running): the id of that run, or of ``run``; a
        ConflictError (exit 7) when that run was asked with another request.

        The look and the insert are one transaction, and requests with the same key take
        turns in it (SQLite: the write lock taken first; PostgreSQL: an advisory lock on the
        key), so requests sent at once with one key make one run, in every process."""
        row = self._run_row(run)
        marks = ", ".join("?" for _ in carrying)
        with self.transaction():
            found = self._newest_under_key(row, f"mode = ? AND status IN ({marks})",
                                           (row["mode"], *carrying))
            if found is not None and found[2] != row["request_hash"]:
                raise ConflictError(f"idempotency key {row['idempotency_key']!r} was used by "
                                    f"run {found[0]} with a different request; use a new key",
                                    step="validate")
            if found is not None:
                return str(found[0])
            self._insert_run(row)
        return str(row["id"])

    def _run_row(self, run: Row) -> dict[str, Any]:
        """``run`` as its row is stored: the request and runtime as JSON text."""
        row = dict(run)
        row["request_json"] = self._json(row.pop("request"))
        row["runtime_json"] = self._json(row.pop("runtime"))
        return row

    def _insert_run(self, row: Mapping[str, Any]) -> None:
        columns = [c for c in RUN_COLUMNS if c in row]
        self._execute(f"INSERT INTO runs ({', '.join(columns)}) VALUES "
                      f"({', '.join('?' for _ in columns)})", [row[c] for c in columns])

    def _newest_under_key(self, row: Mapping[str, Any], condition: str,
                          params: Sequence[Any]) -> Any:
        """Inside a transaction: the newest run (id, status, request hash) of ``row``'s
        automation and idempotency key that meets ``condition``, after taking turns on the key
        (:meth:`take_turns`), so the insert that depends on this look stays one step."""
        self.take_turns(f"opsctl.run-key/{row['automation']}/{row['idempotency_key']}")
        return self._execute("SELECT id, status, request_hash FROM runs WHERE automation = ? "
                             f"AND idempotency_key = ? AND {condition} "
                             "ORDER BY started_at DESC, id DESC LIMIT 1",
                             (row["automation"], row["idempotency_key"], *params)).fetchone()

    def take_turns(self, name: str) -> None:
        """Inside a transaction: until it ends, another transaction taking turns on ``name``
        waits (a look, then an insert that depends on it, stay one step). SQLite needs
        nothing: its write transactions take the database's one write lock when they begin.
        PostgreSQL: a transaction-scoped advisory lock on the name's hash."""
        if self.dialect == "postgresql":
            self._execute("SELECT pg_advisory_xact_lock(hashtext(?))", (name,))

    def finish_run(self, run_id: str, *, status: str, exit_code: int, result: dict[str, Any],
                   error_type: str | None, finished_at: str,
                   result_actions: Iterable[list[dict[str, Any]]] | None = None) -> None:
        """Record the run's result. ``result_actions``, when given, is its ``plan.actions``
        in chunks (``result["plan"]["actions"]`` is then left out): the text is the same as for
        the whole document, and no more than a chunk of the entries is held as dicts."""
        attempt_ms = _attempt_ms(result)
        if result_actions is None:
            parts = [self._result_text(result)]
        else:
            parts = self._result_parts(result, result_actions)
        if (self.dialect == "sqlite" and len(parts) > 1
                and sum(len(p) for p in parts) >= _BLOB_RESULT_MIN
                and all(p.isascii() for p in parts)):
            with self.transaction():
                self._write_result_sqlite(run_id, parts, status=status, exit_code=exit_code,
                                          error_type=error_type, finished_at=finished_at,
                                          attempt_ms=attempt_ms)
            return
        text = "".join(parts)
        del parts
        with self.transaction():
            self._execute("UPDATE runs SET status = ?, exit_code = ?, result_json = ?, "
                          "error_type = ?, finished_at = ?, attempt_ms = ? WHERE id = ?",
                          (status, exit_code, text, error_type, finished_at, attempt_ms, run_id))

    def _write_result_sqlite(self, run_id: str, parts: list[str], **columns: Any) -> None:
        """Write a long result from its parts, without the whole text in Python's memory
        beside SQLite's own copies (bench/memory.py: a text bound to an UPDATE is held three
        times at once: the str, SQLite's bound copy and the record built from it).

        The row gets a zero-filled blob of the text's length, the parts are written into it
        through incremental blob I/O (straight to the pages), then the value is made TEXT
        again (``CAST``), once the parts are freed: the column holds the same text as a bound
        str would have written, so readers and SQLite's JSON functions see no difference.
        """
        size = sum(len(p) for p in parts)  # ASCII (checked by the caller): a char is a byte
        cur = self._execute("UPDATE runs SET status = ?, exit_code = ?, result_json = zeroblob(?), "
                            "error_type = ?, finished_at = ?, attempt_ms = ? WHERE id = ?",
                            (columns["status"], columns["exit_code"], size,
                             columns["error_type"], columns["finished_at"],
                             columns["attempt_ms"], run_id))
        # not RETURNING: SQLite before 3.35 has none
        row = self._execute("SELECT rowid FROM runs WHERE id = ?", (run_id,)).fetchone() \
            if cur.rowcount == 1 else None
        if row is None:  # no such run: as the plain UPDATE, nothing is written
            return
        with self._conn.blobopen("runs", "result_json", row[0]) as blob:
            while parts:
                blob.write(parts.pop(0).encode("ascii"))
        self._execute("UPDATE runs SET result_json = CAST(result_json AS TEXT) WHERE rowid = ?",
                      (row[0],))

    def _result_parts(self, result: dict[str, Any],
                      chunks: Iterable[list[dict[str, Any]]]) -> list[str]:
        """``_json`` of ``result`` with ``plan.actions`` the entries of ``chunks``, in order,
        as pieces whose concatenation is the text.

        The document is written with a marker where the list goes, and each chunk's text,
        without its brackets, is put in its place: the text of a list is "[" + its items'
        texts joined by "," + "]", whatever the chunking.
        """
        marker = f"opsctl-result-actions-{os.urandom(12).hex()}"
        text = self._result_text({**result, "plan": {**result["plan"], "actions": marker}})
        quoted = json.dumps(marker)
        at = text.find(quoted)
        if at < 0 or text.find(quoted, at + 1) >= 0:  # the marker masked as a secret, say
            return [self._result_text({**result, "plan": {
                **result["plan"], "actions": [e for chunk in chunks for e in chunk]}})]
        parts = [text[:at], "["]
        for chunk in chunks:
            if chunk:
                if len(parts) > 2:
                    parts.append(", ")
                parts.append(self._result_text(chunk)[1:-1])
        parts += ["]", text[at + len(quoted):]]
        return parts

    def set_run_plan(self, run_id: str, fingerprint: str, plan_id: str | None = None) -> None:
        """Record the run's plan fingerprint and, given ``plan_id``, the saved plan it made or
        applies; without one, the saved plan already recorded is kept (a resumed run of a saved
        plan stays that plan's run, whose approvals a later resume checks again)."""
        with self.transaction():
            self._execute("UPDATE runs SET plan_fingerprint = ?, plan_id = COALESCE(?, plan_id) "
                          "WHERE id = ?",
                          (fingerprint, plan_id, run_id))

    def latest_run_for_key(self, automation: str, key: str) -> Row | None:
        """The newest apply run of ``automation`` recorded under idempotency key ``key``."""
        head = self.latest_run_head_for_key(automation, key)
        return self.get_run(head["id"]) if head else None

    def latest_run_head_for_key(self, automation: str, key: str) -> Row | None:
        """:meth:`latest_run_for_key`'s id, status and request hash only: whether it replays
        or resumes is known without reading its result (an entry per action)."""
        rows = self._rows("SELECT id, status, exit_code, request_hash FROM runs WHERE automation = ? "
                          "AND idempotency_key = ? AND mode = 'apply' AND status <> 'conflict' "
                          "ORDER BY started_at DESC, id DESC LIMIT 1",
                          (automation, key))
        return rows[0] if rows else None

    def reopen_run(self, run_id: str, *, process: str | None = None) -> None:
        """Mark an unfinished run running again, for resume; ``process`` (the identity of the
        process resuming it) replaces the one recorded, which may be gone."""
        with self.transaction():
            # a request to stop it was for the attempt that stopped, not for this one
            self._execute("UPDATE runs SET status = 'running', exit_code = NULL, finished_at = NULL, "
                          "cancel_requested_at = NULL WHERE id = ?", (run_id,))
            if process is not None:
                self.record_run_process(run_id, process)

    def record_run_process(self, run_id: str, process: str) -> None:
        """Inside a transaction: record ``process`` (``MACHINE/pid=PID/start=TICKS``) in the
        run's runtime as the one carrying it out now (a run holding no lease is judged gone
        by it)."""
        rows = self._rows("SELECT runtime_json FROM runs WHERE id = ?", (run_id,))
        runtime = json.loads(rows[0]["runtime_json"] or "{}") if rows else None
        if isinstance(runtime, dict):
            runtime["process"] = process
            self._execute("UPDATE runs SET runtime_json = ? WHERE id = ?",
                          (self._json(runtime), run_id))

    def list_runs(self, *, automation: str | None = None, status: str | None = None,
                  limit: int = 50) -> list[Row]:
        where: list[str] = []
        params: list[Any] = []
        if automation:
            where.append("automation = ?")
            params.append(automation)
        if status:
            where.append("status = ?")
            params.append(status)
        clause = f"WHERE {' AND '.join(where)} " if where else ""
        params.append(limit)
        return self._rows(f"SELECT id, automation, contract_version, mode, status, exit_code, actor, "
                          f"plan_fingerprint, started_at, finished_at FROM runs {clause}"
                          f"ORDER BY started_at DESC, id DESC LIMIT ?", params)

    def get_run(self, run_id: str, *, with_result: bool = True) -> Row | None:
        """The run ``run_id``, or the one run whose id starts with it (a prefix of at least
        ``RUN_PREFIX_MIN`` characters); None when no run, or several, match. Without
        ``with_result`` the row has no ``result`` (:meth:`run_result_text` reads its text)."""
        columns = ", ".join(c for c in RUN_COLUMNS if with_result or c != "result_json")
        rows = self._rows(f"SELECT {columns} FROM runs WHERE id = ?", (run_id,))
        if not rows and len(run_id) >= RUN_PREFIX_MIN:
            rows = self._rows(f"SELECT {columns} FROM runs WHERE {_ID_PREFIX} "
                              "ORDER BY id LIMIT 2", (len(run_id), run_id))
            if len(rows) != 1:
                return None
        if not rows:
            return None
        row = rows[0]
        for key in ("request_json", "result_json", "runtime_json"):
            if key in row:
                raw = row.pop(key)
                row[key.removesuffix("_json")] = (
                    self._stored_json(raw, f"run {row.get('id', run_id)}'s {key}") if raw
                    else None)
        return row

    def _stored_json(self, raw: Any, what: str) -> Any:
        """A JSON column as written; text that is not JSON (a row edited outside opsctl, a
        damaged page SQLite did not notice) is exit 2 naming the store and the record."""
        try:
            return json.loads(raw)
        except (ValueError, TypeError) as exc:
            why = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            raise StateDirError(f"store {mask_url(self.url)}: {what} is not valid JSON ({why}): "
                                "the store was changed outside opsctl; restore it from a "
                                "backup") from None

    def run_result_text(self, run_id: str) -> str | None:
        """The stored result document of ``run_id`` as the JSON text it was written as."""
        rows = self._rows("SELECT result_json FROM runs WHERE id = ?", (run_id,))
        return str(rows[0]["result_json"]) if rows and rows[0]["result_json"] else None

    def count_runs_with_prefix(self, prefix: str) -> int:
        """How many runs :meth:`get_run` finds by ``prefix``: more than one is ambiguous."""
        if len(prefix) < RUN_PREFIX_MIN:
            return 0
        rows = self._rows(f"SELECT COUNT(*) AS n FROM runs WHERE {_ID_PREFIX}",
                          (len(prefix), prefix))
        return int(rows[0]["n"])

    # -- action journal -------------------------------------------------------------------
    def record_actions(self, run_id: str, actions: Iterable[dict[str, Any]], first_seq: int = 0) -> None:
        """Journal a plan's actions as pending, in one transaction, ``_RECORD_CHUNK`` rows at
        a time: ``actions`` may be a generator, and no more than a chunk of rows is held."""
        redact = self.redactor.redact
        numbered = enumerate(actions, start=first_seq)
        with self.transaction():
            # the target column masked as the spec is (a secret in a URL, say); the id stays
            # as the plan made it: the journal's records find their row by it
            while chunk := [(run_id, seq, action["id"], action["kind"], masked["target"],
                             _SPEC_JSON(masked))
                            for seq, action in itertools.islice(numbered, _RECORD_CHUNK)
                            for masked in (redact(action),)]:
                self._executemany("INSERT INTO actions (run_id, seq, action_id, kind, target, "
                                  "spec_json, status) VALUES (?, ?, ?, ?, ?, ?, 'pending')", chunk)

    def _fenced_update(self, statement: str, params: Sequence[Any], fence: Fence | None,
                       defer: bool = False) -> None:
        """A journal write, refused unless ``fence`` still holds the lease.

        ``defer`` keeps it for the next transaction: strict mode defers an action's "finished"
        record to commit with the next action's "started" (one commit per action boundary; a
        crash in between leaves the action "started", which resume re-checks). Group mode
        defers every record and commits every ``group_size`` records or ``group_ms``. A
        record not deferred is committed before this returns, together with every record
        queued meanwhile by other threads (:meth:`_commit_durably`).
        """
        if defer or self.journal_mode == "group":
            with self._buffer_lock:
                failure, self._group_failure = self._group_failure, None
                if failure is not None:  # the timer's commit of earlier records failed
                    raise failure
                self._deferred.append((statement, params, fence))
                if self.journal_mode != "group":
                    return
                # Counted here, not by the buffer's length: the buffer is taken only once the
                # commit has the connection, and until then no other writer should start one.
                self._group_count += 1
                now = time.monotonic()
                if not self._group_since:  # a batch begins: its deadline is group_s from now
                    self._group_since = now
                    self._wake_group_flusher()
                if self._group_count < self.group_size and now - self._group_since < self.group_s:
                    return
                self._group_since, self._group_count = 0.0, 0
            with self.transaction():  # this batch commits now
                pass
            return
        self._commit_durably(statement, params, fence)

    def _wake_group_flusher(self) -> None:
        """Have the flusher thread watch the batch that just began (under the buffer lock)."""
        flusher = self._group_flusher
        if flusher is None or not flusher.is_alive():  # the first batch, or a forked process
            self._group_closed = False
            flusher = threading.Thread(target=self._group_flush, name="opsctl-group-commit",
                                       daemon=True)
            self._group_flusher = flusher
            flusher.start()
        else:
            self._group_wake.notify()

    def _group_flush(self) -> None:
        """Group mode's time bound: a batch is committed ``group_s`` after its first record
        even when no other record comes (an action that runs for minutes after the previous
        one finished); a batch that filled up first was committed by its writer. A failure
        is raised in the next writer (or ``flush``). Ends when the store closes."""
        wake = self._group_wake
        while True:
            with wake:
                while True:
                    if self._group_closed:
                        return
                    if not self._group_count:  # nothing waiting: sleep until a batch begins
                        wake.wait()
                        continue
                    left = self._group_since + self.group_s - time.monotonic()
                    if left <= 0:
                        break
                    wake.wait(left)
                self._group_since, self._group_count = 0.0, 0
            try:
                with self.transaction():
                    pass
            except BaseException as exc:  # handed to the thread that writes next
                with self._buffer_lock:
                    self._group_failure = exc

    def _commit_durably(self, statement: str, params: Sequence[Any], fence: Fence | None) -> None:
        """Return once this record is committed (group commit, for strict mode's "started").

        The record is queued; one writer at a time leads: it commits every record queued by
        then in one transaction (one fsync) while the others wait, so threads that wait
        together share a commit. A writer whose record a leader committed returns at once; a
        record whose transaction failed raises that transaction's error in its writer too.
        """
        with self._buffer_lock:
            self._deferred.append((statement, params, fence))
            self._queued = ticket = self._queued + 1
            self._writers += 1
        try:
            self._await_durable(ticket)
        finally:
            with self._buffer_lock:
                self._writers -= 1
                if not self._writers:  # no one can still be looking for a failure: forget them
                    self._lost.clear()

    def _await_durable(self, ticket: int) -> None:
        guard = self._durable_lock
        while True:
            with guard:
                if self._durable >= ticket:
                    break
                lead = not self._leading
                if lead:
                    self._leading = True
                else:
                    asleep = threading.Lock()
                    asleep.acquire()
                    self._sleepers.append((ticket, asleep))
            if not lead:
                asleep.acquire()  # released once committed, or to lead the next commit
                continue
            try:
                with self.transaction():
                    pass
            finally:
                with guard:
                    self._leading = False
                    durable, still = self._durable, []
                    for waiting, sleeper in self._sleepers:
                        if waiting <= durable:
                            sleeper.release()
                        else:
                            still.append((waiting, sleeper))
                    if still:  # the oldest of the rest commits what was queued meanwhile
                        still.pop(0)[1].release()
                    self._sleepers = still
        for after, through, failure in self._lost:
            if after < ticket <= through:
                raise failure

    def action_started(self, run_id: str, action_id: str, at: str, fence: Fence | None = None,
                       ) -> None:
        self._fenced_update(_STARTED, (at, run_id, action_id), fence)

    def action_retried(self, run_id: str, action_id: str, fence: Fence | None = None) -> None:
        """One more attempt of a started action begins: counted before it runs, as its start
        counted the first, so a process killed while retrying leaves the attempts it made."""
        self._fenced_update(_RETRIED, (run_id, action_id), fence)

    def action_finished(self, run_id: str, action_id: str, *, status: str, error: str | None,
                        at: str, attempts: int | None = None, fence: Fence | None = None,
                        defer: bool = False) -> None:
        if attempts is None:
            self._fenced_update("UPDATE actions SET status = ?, error = ?, finished_at = ? "
                                "WHERE run_id = ? AND action_id = ?",
                                (status, self.redactor.redact(error), at, run_id, action_id), fence,
                                defer)
        else:
            self._fenced_update(_FINISHED_COUNTED,
                                (status, self.redactor.redact(error), at, attempts, run_id,
                                 action_id), fence, defer)

    def list_actions(self, run_id: str) -> list[ActionRecord]:
        rows = self._rows(f"SELECT {_ACTION_COLUMNS} FROM actions WHERE run_id = ? ORDER BY seq",
                          (run_id,))
        return [ActionRecord(spec=self._stored_json(r.pop("spec_json"), f"run {run_id}'s "
                                                    "journal"), **r) for r in rows]

    def iter_actions(self, run_id: str, page: int = 1000) -> Generator[ActionRecord, None, None]:
        """The journal of ``run_id`` in order, fetched ``page`` rows at a time from one query,
        so that no more than a page is held as records: for writing out a run of 100,000
        actions. The store is held until the last one is read (or the iterator is closed)."""
        with self._lock, self._driver_errors():
            cur = self._execute(f"SELECT {_ACTION_COLUMNS} FROM actions WHERE run_id = ? "
                                "ORDER BY seq", (run_id,))
            names = [d[0] for d in cur.description]
            while batch := cur.fetchmany(page):
                for values in batch:
                    r = dict(zip(names, values, strict=True))
                    yield ActionRecord(spec=self._stored_json(
                        r.pop("spec_json"), f"run {run_id}'s journal"), **r)

    # -- run events -----------------------------------------------------------------------
    def open_run_events(self, run_id: str) -> None:
        """Record events of ``run_id`` through this store from now on, numbered after the last
        one stored (a resumed run continues its sequence)."""
        rows = self._rows("SELECT MAX(seq) AS seq FROM run_events WHERE run_id = ?", (run_id,))
        with self._buffer_lock:
            self._event_seq[run_id] = int(rows[0]["seq"] or 0)

    def resumed_elsewhere(self, run_id: str, fence: Fence) -> bool:
        """Whether run ``run_id`` took a newer lease on ``fence``'s scope than ``fence``: the
        same run resumed by another process (which holds it now, or held it and let go).
        Read from the lease row and from the run's ``lock.acquired`` audit events."""
        scope, token = fence
        rows = self._rows("SELECT run_id FROM locks WHERE scope = ? AND token > ?", (scope, token))
        if rows and rows[0]["run_id"] == run_id:
            return True
        for row in self._rows("SELECT payload_json FROM audit_events WHERE run_id = ? "
                              "AND kind = 'lock.acquired'", (run_id,)):
            payload = json.loads(row["payload_json"] or "{}")
            if payload.get("scope") == scope and int(payload.get("token") or 0) > token:
                return True
        return False

    def forget_run(self, run_id: str) -> None:
        """Drop what is buffered for ``run_id`` (events, deferred journal records) and stop
        numbering its events: another process carries the run on, and writes its own."""
        with self._buffer_lock:
            self._event_seq.pop(run_id, None)
            self._event_rows = [row for row in self._event_rows if row[0] != run_id]
            self._deferred = [record for record in self._deferred
                              if len(record[1]) < 2 or record[1][-2] != run_id]

    def close_run_events(self, run_id: str) -> None:
        """Stop numbering events of ``run_id``; those buffered are written with the next commit."""
        with self._buffer_lock:
            self._event_seq.pop(run_id, None)

    def queue_run_event(self, run_id: str, at: str, kind: str, data: Any, *,
                        text: str | None = None) -> int | None:
        """Number one event of an open run and buffer it, secrets masked; its seq, or None when
        the run's events are not open here. ``text``, when given, is the JSON text of
        ``data`` as written here (a caller that writes a known shape more cheaply); it is
        used while no secret is registered, else ``data`` is masked and written as ever.

        The row is written at the start of the next transaction (a journal record's, the
        run's result), so an event costs an INSERT in a batch, never a commit of its own.
        Numbering and buffering happen under the store's buffer lock, and a transaction takes
        the buffer whole under that lock, so a commit never carries an event without every
        lower-numbered one: a reader that saw seq N has seen 1..N.
        """
        if self.redactor:
            data = self.redactor.redact(data)
            data_json = _EVENT_JSON(data)
        else:
            data_json = _EVENT_JSON(data) if text is None else text
        if not data_json.isascii() and not _utf8(data_json):
            data_json = _EVENT_JSON(without_surrogates(data))  # a file name ctx.log was given
        with self._buffer_lock:
            last = self._event_seq.get(run_id)
            if last is None:
                return None
            self._event_seq[run_id] = seq = last + 1
            self._event_rows.append((run_id, seq, at, kind, data_json))
        return seq

    def run_events(self, run_id: str, after_seq: int = 0, limit: int = 500) -> list[Row]:
        """Events of ``run_id`` numbered above ``after_seq``, in order: seq, at, kind, data."""
        rows = self._rows("SELECT seq, at, kind, data_json FROM run_events WHERE run_id = ? "
                          "AND seq > ? ORDER BY seq LIMIT ?", (run_id, after_seq, limit))
        for row in rows:
            row["data"] = self._stored_json(row.pop("data_json"), f"an event of run {run_id}")
        return rows

    # -- leases ---------------------------------------------------------------------------
    def acquire_lease(self, scope: str, run_id: str, *, actor: str, host: str, pid: int,
                      now: datetime, ttl_s: float, process: str | None = None,
                      holder_gone: Callable[[str | None], bool] = lambda _: False,
                      ) -> tuple[int | None, Row | None]:
        """Take the lease on ``scope``: (token, None), (token, the row of the lease it took
        over), or (None, the live holder's row).

        An expired lease is taken over, and so is one whose holder process ``holder_gone``
        says no longer runs; every grant gets a new, larger fencing token.
        """
        from datetime import timedelta

        with self.transaction():
            if self.dialect == "postgresql":
                self._execute("SELECT pg_advisory_xact_lock(hashtext(?))", (scope,))
            rows = self._rows("SELECT scope, run_id, token, actor, host, pid, process, "
                              "acquired_at, heartbeat_at, expires_at FROM locks WHERE scope = ?",
                              (scope,))
            holder = rows[0] if rows else None
            why = None
            if holder and holder["expires_at"] > now.isoformat():
                if not holder_gone(holder["process"]):
                    return None, holder  # never re-entrant: a live lease belongs to one process
                why = (f"holder process {holder['pid']} on {holder['host']} is gone "
                       f"(lease of {holder['run_id']})")
            elif holder:
                why = f"expired lease of {holder['run_id']}"
            last = self._rows("SELECT last_token FROM lock_tokens WHERE scope = ?", (scope,))
            token = (int(last[0]["last_token"]) if last else 0) + 1
            if last:
                self._execute("UPDATE lock_tokens SET last_token = ? WHERE scope = ?", (token, scope))
            else:
                self._execute("INSERT INTO lock_tokens (scope, last_token) VALUES (?, ?)", (scope, token))
            self._execute("DELETE FROM locks WHERE scope = ?", (scope,))
            expires = (now + timedelta(seconds=ttl_s)).isoformat()
            self._execute("INSERT INTO locks (scope, run_id, token, actor, host, pid, process, "
                          "acquired_at, heartbeat_at, expires_at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          (scope, run_id, token, actor, host, pid, process, now.isoformat(),
                           now.isoformat(), expires))
            self._execute("INSERT INTO lock_events (scope, event, run_id, token, actor, reason, at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?)",
                          (scope, "taken_over" if why else "acquired", run_id, token, actor, why,
                           now.isoformat()))
        return token, (holder if why else None)

    def record_lock_event(self, scope: str, event: str, run_id: str, actor: str, at: datetime,
                          reason: str | None = None) -> None:
        """A lease event that changes no lease: a run that waited for it, or gave up."""
        with self.transaction():
            self._execute("INSERT INTO lock_events (scope, event, run_id, token, actor, reason, "
                          "at) VALUES (?, ?, ?, NULL, ?, ?, ?)",
                          (scope, event, run_id, actor, reason, at.isoformat()))

    def set_lease_run(self, scope: str, token: int, run_id: str) -> None:
        with self.transaction():
            self._execute("UPDATE locks SET run_id = ? WHERE scope = ? AND token = ?",
                          (run_id, scope, token))

    def renew_lease(self, scope: str, token: int, *, now: datetime, ttl_s: float) -> bool:
        from datetime import timedelta

        with self.transaction():
            cur = self._execute("UPDATE locks SET heartbeat_at = ?, expires_at = ? "
                                "WHERE scope = ? AND token = ?",
                                (now.isoformat(), (now + timedelta(seconds=ttl_s)).isoformat(),
                                 scope, token))
            return bool(cur.rowcount == 1)

    def release_lease(self, scope: str, token: int, *, now: datetime) -> None:
        with self.transaction():
            cur = self._execute("DELETE FROM locks WHERE scope = ? AND token = ?", (scope, token))
            if cur.rowcount == 1:
                self._execute("INSERT INTO lock_events (scope, event, token, at) "
                              "VALUES (?, 'released', ?, ?)", (scope, token, now.isoformat()))

    def lease_of_run(self, run_id: str) -> Row | None:
        """The lease ``run_id`` holds, with its holder's process identity (``process``) and
        expiry; None when it holds none."""
        rows = self._rows("SELECT scope, token, process, expires_at FROM locks WHERE run_id = ?",
                          (run_id,))
        return rows[0] if rows else None

    def lease_processes(self) -> dict[str, str | None]:
        """Each lease's holder process identity (``process``), by scope."""
        return {str(r["scope"]): r["process"]
                for r in self._rows("SELECT scope, process FROM locks")}

    def list_leases(self) -> list[Row]:
        return self._rows("SELECT scope, run_id, token, actor, host, pid, acquired_at, heartbeat_at, "
                          "expires_at FROM locks ORDER BY scope")

    def break_lease(self, scope: str, *, actor: str, reason: str, now: datetime,
                    then: Callable[[Row], None] | None = None) -> Row | None:
        """Remove the lease on ``scope`` (its holder's next journal write is refused).
        ``then`` is called with the lease broken, in the same transaction (its audit event):
        when it raises, the lease is left as it was."""
        with self.transaction():
            rows = self._rows("SELECT scope, run_id, token, actor, host, pid, acquired_at, "
                              "heartbeat_at, expires_at FROM locks WHERE scope = ?", (scope,))
            if not rows:
                return None
            self._execute("DELETE FROM locks WHERE scope = ?", (scope,))
            self._execute("INSERT INTO lock_events (scope, event, run_id, token, actor, reason, at) "
                          "VALUES (?, 'broken', ?, ?, ?, ?, ?)",
                          (scope, rows[0]["run_id"], rows[0]["token"], actor, reason, now.isoformat()))
            if then is not None:
                then(rows[0])
        return rows[0]

    def lock_events(self, scope: str) -> list[Row]:
        return self._rows("SELECT scope, event, run_id, token, actor, reason, at FROM lock_events "
                          "WHERE scope = ? ORDER BY at, token", (scope,))

    # -- saved plans ----------------------------------------------------------------------
    def save_plan(self, document: dict[str, Any]) -> None:
        with self.transaction():
            self._execute("INSERT INTO plans (id, automation, contract_version, fingerprint, "
                          "document_json, created_by, created_at, expires_at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          (document["plan_id"], document["automation"], document["contract_version"],
                           document["fingerprint"], self._json(document), document.get("created_by"),
                           document["created_at"], document["expires_at"]))

    def get_plan(self, plan_id: str) -> Row | None:
        rows = self._rows("SELECT id, automation, fingerprint, created_by, created_at, expires_at, "
                          "applied_run_id, applied_at FROM plans WHERE id = ?", (plan_id,))
        return rows[0] if rows else None

    def planned_here(self, plan_id: str) -> bool:
        """Whether a plan run of this store saved plan ``plan_id`` (a plan carried here from
        another store, and saved by its first ``apply --plan``, has none)."""
        return bool(self._rows("SELECT 1 FROM runs WHERE plan_id = ? AND mode = 'plan' LIMIT 1",
                               (plan_id,)))

    def planning_run_id(self, plan_id: str) -> str | None:
        """The plan run of this store that saved plan ``plan_id``, if one did."""
        rows = self._rows("SELECT id FROM runs WHERE plan_id = ? AND mode = 'plan' "
                          "ORDER BY started_at LIMIT 1", (plan_id,))
        return str(rows[0]["id"]) if rows else None

    def plan_document(self, plan_id: str) -> dict[str, Any] | None:
        """The saved plan document (as written to the plan file, secrets as digests)."""
        rows = self._rows("SELECT document_json FROM plans WHERE id = ?", (plan_id,))
        return (dict(self._stored_json(rows[0]["document_json"], f"saved plan {plan_id}"))
                if rows else None)


def open_store(url: str, redactor: Redactor | None = None, *,
               create_dir: bool = False, create_tables: bool = True) -> SQLStore:
    """Open (and migrate) the store at ``sqlite:///PATH`` or ``postgresql://...``.

    ``create_dir`` creates a missing directory for a SQLite store (the default state dir);
    a ``store_url`` someone typed must name an existing directory, so a typo is an error
    rather than a second, silently separate store. ``create_tables=False`` refuses a store
    with no tables (exit 4) rather than making them (:meth:`SQLStore.migrate`).
    """
    if url.startswith(("postgresql://", "postgres://")):
        return _open_postgres(url, redactor, create_tables)
    if not url.startswith("sqlite:///"):
        raise StateDirError(f"unsupported store URL {mask_url(url)!r}: use sqlite:///PATH or "
                            "postgresql://...")
    path = url[len("sqlite:///"):]
    query = re.search(r"\?[^/]*=[^/]*$", path)
    if query is not None and not create_dir:
        # a URL's query (?mode=ro, ?cache=shared) is no option here: it would name another
        # file, a second store that does not see the first one's locks
        raise StateDirError(f"store {url}: a sqlite:/// store URL takes no query "
                            f"({query.group(0)}): it would be a file named "
                            f"{Path(path).name!r}; fix store_url")
    return _open_sqlite(Path(path), url, redactor, create_dir, create_tables)


def refuse_shared_dir(folder: Path) -> None:
    """Exit 2 when ``folder``, which holds state (the store, the plan-signing key), can be
    written by every user of the machine: anyone could replace the database or the key
    (and so sign plans this user applies). As ssh refuses a key file others can write."""
    import stat

    try:
        mode = folder.stat().st_mode
    except OSError:
        return
    if mode & stat.S_IWOTH:
        # a sticky one is a folder every user shares on purpose (/tmp): made 0700, it would
        # lock the machine's other users out of it
        fix = (f"a folder every user shares: give opsctl a folder of its own in it (mkdir -m "
               f"700 {folder}/opsctl) and name that" if mode & stat.S_ISVTX else
               f"make it owner-only: chmod 700 {folder}")
        raise StateDirError(f"state directory {folder} is writable by every user (mode "
                            f"{stat.S_IMODE(mode):04o}): anyone could replace its database or "
                            f"plan-signing key; {fix}")


def give_to_folder_owner(fd: int, folder: Path) -> None:
    """Running as root, give a file just created in another user's state directory to that
    user, as SQLite does with its -wal and -shm files: one `sudo opsctl plan --out` in your
    project left a plan-signing key (or a store) you could no longer read."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return
    try:
        info = folder.stat()
        if info.st_uid != 0:
            os.fchown(fd, info.st_uid, info.st_gid)
    except OSError:  # root squashed on NFS may not give files away: kept as created, as SQLite
        pass


def make_state_dir(folder: Path) -> None:
    """Create the state directory ``folder`` (and its parents) owner-only. Running as root in
    another user's folder, as the first `sudo opsctl ...` of a checkout, a state dir that did
    not exist is given to the owner of the folder that holds it, and so are the files made in
    it (:func:`give_to_folder_owner`): a root-owned .opsctl refused every later command of the
    project's owner, as not writable."""
    existed = folder.is_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if existed or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        give_to_folder_owner(fd, folder.parent)
    finally:
        os.close(fd)


# a read-only project (a container's `/work:ro`, a checkout owned by another user)
_ELSEWHERE = ("; set state_dir (OPSCTL_STATE_DIR) to a writable directory, or store_url "
              "(OPSCTL_STORE_URL) to a shared store")


def _open_sqlite(path: Path, url: str, redactor: Redactor | None, create_dir: bool,
                 create_tables: bool = True) -> SQLStore:
    """Open a SQLite store; a new state dir is 0700 and a new database file 0600."""
    import sqlite3

    if create_dir:
        try:
            make_state_dir(path.parent)
        except OSError as exc:
            why = exc.strerror
            if os.path.islink(path.parent) and not path.parent.exists():
                why = f"it is a link to {os.readlink(path.parent)}, which does not exist"
            elif path.parent.exists() and not path.parent.is_dir():
                why = "it is a file, not a directory"  # not "File exists"
            raise StateDirError(f"state directory {path.parent} cannot be created: "
                                f"{why}{_ELSEWHERE}") from None
    elif not path.parent.is_dir():
        hint = ""
        if not path.is_absolute() and Path("/", path.parent).is_dir():
            # sqlite:///tmp/x.db is the relative path tmp/x.db; /tmp/x.db needs four slashes
            hint = f"; for the absolute path /{path} write sqlite:////{path}"
        elif str(path).startswith("~"):
            # a URL, not a path of the config: moved to sqlite:///~/..., it named a folder `~`
            # in the working directory, "not there" while the user's one is
            home = os.path.expanduser(str(path))
            if home != str(path):
                hint = f"; a store_url does not expand ~: for {home} write sqlite:///{home}"
        raise StateDirError(f"store {url}: directory {path.parent} does not exist (create it, or "
                            f"fix store_url{hint})")
    if path.name == ":memory:":
        # SQLite's name for a database in memory: every run would be forgotten when the
        # command ends, and an empty file of that name was left behind
        raise StateDirError(f"store {url}: ':memory:' is SQLite's in-memory database, which "
                            "forgets every run when the command ends; name a file "
                            "(sqlite:///PATH) or leave store_url out")
    if path.is_dir():  # SQLite cannot open it; and it was made 0600, losing its x bit
        raise StateDirError(f"store {path} is a directory, not a database file; "
                            + ("move it away" if create_dir else "fix store_url"))
    if path.exists() and not path.is_file():
        # sqlite:////dev/null to keep no state: SQLite failed with an I/O error (exit 4, to
        # retry in vain) and left /dev/null-journal behind, writable by every user
        raise StateDirError(f"store {path} is not a regular file (a device, FIFO or socket): "
                            + ("move it away" if create_dir else "name a database file in "
                               "store_url"))
    if not os.access(path.parent, os.W_OK):
        raise StateDirError(f"state directory {path.parent} is not writable{_ELSEWHERE}")
    if path.exists() and not os.access(path, os.W_OK):
        raise StateDirError(f"store {path} is not writable (the file; its directory is){_ELSEWHERE}")
    refuse_shared_dir(path.parent)
    existed = False
    try:
        # Created owner-only before SQLite opens it: it holds requests and the audit trail,
        # and SQLite gives its -wal and -shm files the database file's permissions.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            give_to_folder_owner(fd, path.parent)
        finally:
            os.close(fd)
    except FileExistsError:
        existed = True
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EIO):  # the disk, not the config
            raise StoreUnavailableError(f"store {path} cannot be created: {exc.strerror}",
                                        step="validate") from None
        raise StateDirError(f"store {path} cannot be created: {exc.strerror}") from None
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=_SQLITE_BUSY_SECONDS,
                               check_same_thread=False)
        _use_wal(conn)
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        store = SQLStore(conn, "sqlite", url, redactor)
        try:
            store.migrate(create=create_tables)
        except StoreUnavailableError:
            if not create_tables:
                store.close()
                if not existed:  # the empty file made above: no store in its place
                    path.unlink(missing_ok=True)
            raise
        if existed:
            # once SQLite has read it as a database: a file that is none is left as it was
            _make_owner_only(path)
    except StoreUnavailableError as exc:
        if "readonly" in exc.message or "unable to open" in exc.message:
            raise StateDirError(f"store {path} cannot be opened: {exc.message}") from None
        raise
    except sqlite3.OperationalError as exc:
        if store_unavailable(exc, "sqlite") and exc.sqlite_errorcode & 0xFF in (5, 6, 10, 13):
            raise StoreUnavailableError(f"store {path} cannot be opened: {exc}") from None
        raise StateDirError(f"store {path} cannot be opened: {exc}") from None
    except sqlite3.DatabaseError as exc:
        raise StateDirError(f"store {path} is not a usable SQLite database: {exc}") from None
    return store


_SQLITE_BUSY_SECONDS = 30.0


def _make_owner_only(path: Path) -> None:
    """Make an existing database this user owns, and its -wal and -shm files, owner-only
    (:func:`make_owner_only`): earlier opsctl versions created ``state.db`` with the umask's
    mode (0644), and it holds requests and the audit trail."""
    # Never opened here to look at it: closing any descriptor of a database file drops every
    # POSIX lock this process holds on it, those of its other SQLite connections included
    # (a server's threads each have one), and SQLite's locking is then silently wrong.
    make_owner_only((path, Path(f"{path}-wal"), Path(f"{path}-shm")))


def make_owner_only(paths: Iterable[Path]) -> None:
    """Make each existing regular file of ``paths`` that this user owns 0600 when every user
    of the machine may read or write it. A file shared with a group only (0660) is left as it
    is. A file gone meanwhile, or not ours to change, is left to whoever reads it next."""
    import stat

    for name in paths:
        try:
            info = name.stat()
            if not stat.S_ISREG(info.st_mode):
                continue
            if info.st_uid == os.geteuid() and info.st_mode & (stat.S_IROTH | stat.S_IWOTH):
                name.chmod(0o600)
        except OSError:
            continue


def _use_wal(conn: Any) -> None:
    """``PRAGMA journal_mode=WAL``, waiting out other connections that open the same new file.

    Switching a file to WAL takes an exclusive lock, and SQLite answers SQLITE_BUSY at once
    rather than through the busy timeout when another connection is switching it too (several
    runs, in threads or processes, opening a store created a moment ago). The mode is stored in
    the file, so one connection's switch serves the rest: retry for as long as the busy timeout
    would have waited. A loop of its own: the first attempt succeeds on all but a new file
    opened by several runs at once, and start-up should not pay for a retry library's import.
    """
    import sqlite3

    deadline = time.monotonic() + _SQLITE_BUSY_SECONDS
    pause = 0.002
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            code = getattr(exc, "sqlite_errorcode", None)
            if code is None or code & 0xFF not in (5, 6) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.1)


# What a PostgreSQL server answers to a store_url it will never accept: a configuration
# error (exit 2), where a server that does not answer is a dependency failure (exit 4).
_POSTGRES_REFUSED = re.compile(r'(?:database|role) "[^"]*" does not exist|password authentication '
                               r'failed for user "[^"]*"|no password supplied|invalid '
                               r'connection option "[^"]*"|no pg_hba\.conf entry[^\n]*|'
                               # a role that may not log in, or not connect to that database
                               r'role "[^"]*" is not permitted to log in|permission denied '
                               r'for database "[^"]*"|'
                               # the URL itself, refused by libpq before any connection
                               r'invalid (?:integer |\w+ )?value[^\n]*|invalid port number[^\n]*|'
                               # service=NAME (or PGSERVICE) that pg_service.conf lacks
                               r'definition of service "[^"]*" not found|'
                               r'service file "[^"]*" not found')
# The settings of its options=, refused by the server as the connection starts.
_POSTGRES_OPTIONS_REFUSED = re.compile(r'invalid command-line argument[^\n]*|unrecognized '
                                       r'configuration parameter "[^"]*"|[^:\n]* is outside '
                                       r'the valid range for parameter[^\n]*|'
                                       # a value cut at an unescaped blank: search_path="A B"
                                       r'invalid value for parameter "[^"]*"[^\n]*')


# SSL that no retry makes work: the URL asks for what the server or this machine lacks.
_POSTGRES_SSL_REFUSED = re.compile(r'server does not support SSL, but SSL was required|'
                                   r'(?:root )?certificate file "[^"]*" does not exist[^\n]*|'
                                   r'could not (?:open|read) (?:root )?certificate file[^\n]*')


def _missing_search_path_schema(conn: Any) -> str | None:
    """The schema a connection's search_path names first when it does not exist (None when
    the tables would go where the search_path says). ``"$user"`` first, without a schema of
    that name, is PostgreSQL's default and passes on to the next, as the documentation says."""
    current, path, user = conn.execute(
        "SELECT current_schema(), current_setting('search_path'), current_user").fetchone()
    for quoted, bare in re.findall(r'\s*(?:"((?:[^"]|"")*)"|([^,]*?))\s*(?:,|$)', path):
        name = quoted.replace('""', '"') if quoted else bare.strip().lower()
        if not name and not quoted:
            continue
        if name == "$user":
            if current == user:
                return None
            continue
        return None if name == current else name
    return None  # no schema named at all: CREATE says "no schema has been selected"


def _ident(name: str) -> str:
    """``name`` as SQL writes it: quoted unless it is a plain lower-case identifier."""
    if re.fullmatch(r"[a-z_][a-z0-9_$]*", name):
        return name
    return '"' + name.replace('"', '""') + '"'


def _without_password(exc: BaseException, url: str) -> str:
    """The driver's message about ``url``, with the URL's password masked wherever it is
    quoted (as written, percent-decoded, or inside the URL itself)."""
    return Redactor(url_secrets(url)).redact_text(mask_url(str(exc).strip()))


def _open_postgres(url: str, redactor: Redactor | None, create_tables: bool = True) -> SQLStore:
    try:
        import psycopg
    except ImportError:
        raise StateDirError("a PostgreSQL store needs psycopg: pip install 'opsctl[postgres]'") from None
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
    except UnicodeDecodeError:  # a '%' escape that is no UTF-8 text: 'pass%ca' unencoded
        raise StateDirError(f"PostgreSQL store {mask_url(url)}: a percent-escape in it is not "
                            "UTF-8 text (write a '%' in a password as %25); fix store_url",
                            step="validate") from None
    except psycopg.ProgrammingError as exc:  # not a URL libpq reads (an unknown parameter)
        # libpq quotes what it could not read: the password's token, or the whole URL
        raise StateDirError(f"PostgreSQL store {mask_url(url)}: {_without_password(exc, url)}; "
                            "fix store_url", step="validate") from None
    except psycopg.OperationalError as exc:
        text = _without_password(exc, url)
        first = text.splitlines()[0] if text else "unreachable"
        ssl = _POSTGRES_SSL_REFUSED.search(text)
        if ssl is not None:  # SSL asked of a server without it, or no root certificate here
            raise StateDirError(f"PostgreSQL store {mask_url(url)}: {ssl.group(0)}; fix "
                                "store_url (its sslmode and SSL files) or the server's SSL",
                                step="validate") from None
        options = _POSTGRES_OPTIONS_REFUSED.search(text)
        if options is not None:
            raise StateDirError(f"PostgreSQL store {mask_url(url)}: {options.group(0).strip()}; "
                                "fix store_url (the settings in its options)",
                                step="validate") from None
        if "Servname not supported" in text:  # a port that is no number: "u:pa/ss@host"
            raise StateDirError(f"PostgreSQL store {mask_url(url)}: the port libpq reads in it "
                                "is not a number (libpq ends user:password at a '/': write a "
                                "'/' in a password as %2F, an '@' as %40); fix store_url",
                                step="validate") from None
        refused = _POSTGRES_REFUSED.search(text)
        if refused is not None:  # the server answered: no retry makes the name or login right
            raise StateDirError(f"PostgreSQL store {mask_url(url)}: {refused.group(0)}; fix "
                                "store_url (the database, user or password it names)",
                                step="validate") from None
        raise DependencyError(f"PostgreSQL store {mask_url(url)} is unreachable: {first}",
                              step="validate") from None
    store = SQLStore(conn, "postgresql", url, redactor)
    try:
        # The store's transactions are written for READ COMMITTED (leases, fences, advisory
        # locks): a role or database whose default is SERIALIZABLE (or REPEATABLE READ) would
        # fail runs at once on "could not serialize access". snapshot() asks for its own.
        conn.execute("SET default_transaction_isolation = 'read committed'")
        # A run holds its connection, silent, while an action runs: a role's or database's
        # idle_session_timeout (PostgreSQL 14+) would close it under the run (exit 4, again on
        # every retry). Unknown to an earlier server: then nothing to turn off.
        conn.execute("SELECT set_config('idle_session_timeout', '0', false) "
                     "WHERE current_setting('idle_session_timeout', true) IS NOT NULL")
        # Its waits on its own locks (the audit trail's appends, a key's turn) are turns,
        # each brief: a lock_timeout would fail runs at once; a statement with no answer at
        # all is cut by the watchdog (stall_s) whatever the setting.
        conn.execute("SET lock_timeout = 0")
        missing = _missing_search_path_schema(conn)
        if missing is not None:
            # PostgreSQL skips a search_path schema that does not exist: the store would be
            # made in the next one (public), a second store beside the one meant
            cased = conn.execute("SELECT nspname FROM pg_namespace WHERE lower(nspname) = "
                                 "lower(%s) AND nspname <> %s ORDER BY nspname LIMIT 1",
                                 (missing, missing)).fetchone()
            there, role = conn.execute(
                "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = %s), current_user",
                (missing,)).fetchone() or (False, "")
            store.close()
            if there:  # passed over as one not there: the role may not use it
                raise StateDirError(f"PostgreSQL store {mask_url(url)} cannot be used: its role "
                                    f"may not use schema {missing!r}, first in its search_path: "
                                    f"GRANT USAGE ON SCHEMA {_ident(missing)} TO {_ident(role)}",
                                    step="validate")
            fix = (f"name it quoted, as PostgreSQL folds an unquoted name to lower case: "
                   f'-csearch_path="{cased[0]}"' if cased else
                   "create that schema, or fix the search_path in store_url")
            raise StateDirError(f"PostgreSQL store {mask_url(url)} cannot be used: schema "
                                f"{missing!r}, first in its search_path, does not exist: {fix}",
                                step="validate")
        try:
            store.migrate(create=create_tables)
        except StoreUnavailableError:
            store.close()
            raise
    except psycopg.Error as exc:
        # Not unavailable (that is StoreUnavailableError, exit 4): the server refused to hold
        # the store where store_url points (a search_path schema that does not exist, no
        # privilege to create tables), which is configuration.
        store.close()
        text = _without_password(exc, url)
        first = text.splitlines()[0] if text else type(exc).__name__
        hint = (": create that schema, or fix the search_path in store_url"
                if isinstance(exc, psycopg.errors.InvalidSchemaName) else "")
        if store.migrating is not None and not hint:
            # an earlier opsctl's store, opened by a role that may use its tables but not
            # alter them: the upgrade's migrations need the role that owns them
            hint = (f" (migrating it from schema version {store.migrating[0]} to "
                    f"{store.migrating[1]} for this opsctl): run opsctl once with a store_url "
                    "naming the role that owns the store's tables")
        elif not hint and isinstance(exc, psycopg.errors.InsufficientPrivilege):
            hint = (
                # a schema without the store's tables yet: its first command creates them
                " (creating the store's tables): run opsctl once with a store_url naming a "
                "role that may create tables in that schema (its owner), then grant this one "
                "SELECT, INSERT, UPDATE, DELETE on them" if store.creating else
                # tables made after the grant: GRANT ... ON ALL TABLES covers those there then
                ": grant this role SELECT, INSERT, UPDATE, DELETE on the store's tables (and "
                "USAGE on its schema), now that they exist")
        raise StateDirError(f"PostgreSQL store {mask_url(url)} cannot be used: {first}{hint}",
                            step="validate") from None
    return store
