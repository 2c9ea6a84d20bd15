"""One SQL store over two DB-API drivers: ``sqlite3`` (embedded) and ``psycopg`` (PostgreSQL).

Statements are written with ``?`` placeholders and translated for psycopg. Every logical step
is one transaction. Values are redacted on the way in, so no stored row holds a secret.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from opsctl.config.redact import Redactor, mask_url
from opsctl.errors import DependencyError, StateDirError
from opsctl.store.migrations import BOOTSTRAP, MIGRATIONS

Row = dict[str, Any]
RUN_COLUMNS = ("id", "automation", "contract_version", "mode", "status", "exit_code", "actor",
               "idempotency_key", "request_json", "plan_id", "plan_fingerprint", "result_json",
               "runtime_json", "error_type", "started_at", "finished_at")


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


class SQLStore:
    """Runs, the action journal and saved plans, in SQLite or PostgreSQL."""

    def __init__(self, conn: Any, dialect: str, url: str, redactor: Redactor | None = None) -> None:
        self._conn = conn
        self.dialect = dialect
        self.url = url
        self.redactor = redactor or Redactor()

    # -- plumbing -------------------------------------------------------------------------
    def _sql(self, statement: str) -> str:
        return statement.replace("?", "%s") if self.dialect == "postgresql" else statement

    def _execute(self, statement: str, params: Sequence[Any] = ()) -> Any:
        return self._conn.execute(self._sql(statement), tuple(params))

    def _rows(self, statement: str, params: Sequence[Any] = ()) -> list[Row]:
        cur = self._execute(statement, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self.dialect == "postgresql":
            with self._conn.transaction():
                yield
            return
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _json(self, value: Any) -> str:
        return json.dumps(self.redactor.redact(value), sort_keys=True, default=str)

    def close(self) -> None:
        self._conn.close()

    # -- schema ---------------------------------------------------------------------------
    def migrate(self) -> list[int]:
        """Apply pending migrations in order; returns the versions applied now."""
        applied_now: list[int] = []
        with self.transaction():
            if self.dialect == "postgresql":
                self._execute("SELECT pg_advisory_xact_lock(7270111)")
            self._execute(BOOTSTRAP)
            done = {r["version"] for r in self._rows("SELECT version FROM schema_migrations")}
            for migration in MIGRATIONS:
                if migration.version in done:
                    continue
                for statement in migration.statements:
                    self._execute(statement)
                self._execute("INSERT INTO schema_migrations (version, name, applied_at) "
                              "VALUES (?, ?, ?)",
                              (migration.version, migration.name, utcnow().isoformat()))
                applied_now.append(migration.version)
        return applied_now

    def schema_version(self) -> int:
        rows = self._rows("SELECT MAX(version) AS v FROM schema_migrations")
        return int(rows[0]["v"] or 0)

    # -- runs -----------------------------------------------------------------------------
    def create_run(self, run: Row) -> None:
        row = dict(run)
        row["request_json"] = self._json(row.pop("request"))
        row["runtime_json"] = self._json(row.pop("runtime"))
        columns = [c for c in RUN_COLUMNS if c in row]
        with self.transaction():
            self._execute(f"INSERT INTO runs ({', '.join(columns)}) VALUES "
                          f"({', '.join('?' for _ in columns)})", [row[c] for c in columns])

    def finish_run(self, run_id: str, *, status: str, exit_code: int, result: dict[str, Any],
                   error_type: str | None, finished_at: str) -> None:
        with self.transaction():
            self._execute("UPDATE runs SET status = ?, exit_code = ?, result_json = ?, "
                          "error_type = ?, finished_at = ? WHERE id = ?",
                          (status, exit_code, self._json(result), error_type, finished_at, run_id))

    def set_run_plan(self, run_id: str, fingerprint: str, plan_id: str | None = None) -> None:
        with self.transaction():
            self._execute("UPDATE runs SET plan_fingerprint = ?, plan_id = ? WHERE id = ?",
                          (fingerprint, plan_id, run_id))

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

    def get_run(self, run_id: str) -> Row | None:
        rows = self._rows(f"SELECT {', '.join(RUN_COLUMNS)} FROM runs WHERE id = ?", (run_id,))
        if not rows and len(run_id) >= 6:
            rows = self._rows(f"SELECT {', '.join(RUN_COLUMNS)} FROM runs WHERE id LIKE ? "
                              "ORDER BY id LIMIT 2", (run_id + "%",))
            if len(rows) != 1:
                return None
        if not rows:
            return None
        row = rows[0]
        for key in ("request_json", "result_json", "runtime_json"):
            raw = row.pop(key)
            row[key.removesuffix("_json")] = json.loads(raw) if raw else None
        return row

    # -- action journal -------------------------------------------------------------------
    def record_actions(self, run_id: str, actions: Sequence[dict[str, Any]]) -> None:
        with self.transaction():
            for seq, action in enumerate(actions):
                self._execute("INSERT INTO actions (run_id, seq, action_id, kind, target, spec_json, "
                              "status) VALUES (?, ?, ?, ?, ?, ?, 'pending')",
                              (run_id, seq, action["id"], action["kind"], action["target"],
                               self._json(action)))

    def action_started(self, run_id: str, action_id: str, at: str) -> None:
        with self.transaction():
            self._execute("UPDATE actions SET status = 'started', attempts = attempts + 1, "
                          "started_at = ? WHERE run_id = ? AND action_id = ?",
                          (at, run_id, action_id))

    def action_finished(self, run_id: str, action_id: str, *, status: str, error: str | None,
                        at: str) -> None:
        with self.transaction():
            self._execute("UPDATE actions SET status = ?, error = ?, finished_at = ? "
                          "WHERE run_id = ? AND action_id = ?",
                          (status, self.redactor.redact(error), at, run_id, action_id))

    def list_actions(self, run_id: str) -> list[ActionRecord]:
        rows = self._rows("SELECT run_id, seq, action_id, kind, target, spec_json, status, attempts, "
                          "error, started_at, finished_at FROM actions WHERE run_id = ? ORDER BY seq",
                          (run_id,))
        return [ActionRecord(spec=json.loads(r.pop("spec_json")), **r) for r in rows]

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
        rows = self._rows("SELECT id, automation, fingerprint, created_at, expires_at, applied_run_id, "
                          "applied_at FROM plans WHERE id = ?", (plan_id,))
        return rows[0] if rows else None

    def claim_plan(self, plan_id: str, run_id: str, at: str) -> bool:
        """Mark a saved plan applied by ``run_id``; False if another run already claimed it."""
        with self.transaction():
            cur = self._execute("UPDATE plans SET applied_run_id = ?, applied_at = ? "
                                "WHERE id = ? AND applied_run_id IS NULL", (run_id, at, plan_id))
            return bool(cur.rowcount == 1)


def open_store(url: str, redactor: Redactor | None = None) -> SQLStore:
    """Open (and migrate) the store at ``sqlite:///PATH`` or ``postgresql://...``."""
    if url.startswith(("postgresql://", "postgres://")):
        return _open_postgres(url, redactor)
    if not url.startswith("sqlite:///"):
        raise StateDirError(f"unsupported store URL {mask_url(url)!r}: use sqlite:///PATH or "
                            "postgresql://...")
    return _open_sqlite(Path(url[len("sqlite:///"):]), url, redactor)


def _open_sqlite(path: Path, url: str, redactor: Redactor | None) -> SQLStore:
    import sqlite3

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StateDirError(f"state directory {path.parent} cannot be created: "
                            f"{exc.strerror}") from None
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise StateDirError(f"state directory {path.parent} is not writable")
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=30.0, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        store = SQLStore(conn, "sqlite", url, redactor)
        store.migrate()
    except sqlite3.OperationalError as exc:
        raise StateDirError(f"store {path} cannot be opened: {exc}") from None
    except sqlite3.DatabaseError as exc:
        raise StateDirError(f"store {path} is not a usable SQLite database: {exc}") from None
    return store


def _open_postgres(url: str, redactor: Redactor | None) -> SQLStore:
    try:
        import psycopg
    except ImportError:
        raise StateDirError("a PostgreSQL store needs psycopg: pip install 'opsctl[postgres]'") from None
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.OperationalError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "unreachable"
        raise DependencyError(f"PostgreSQL store {mask_url(url)} is unreachable: {first}",
                              step="validate") from None
    store = SQLStore(conn, "postgresql", url, redactor)
    store.migrate()
    return store
