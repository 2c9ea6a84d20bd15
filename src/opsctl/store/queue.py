"""Runs recorded before they start (``queued``), claimed by one executor, and pages of history.

A run started over HTTP (and later by a schedule or a worker) is recorded ``queued`` with its
canonical request, then handed to an executor. :func:`claim_queued_run` is an UPDATE that one
claimer wins; the engine then carries the run out as it carries out a CLI run.

:func:`page_runs` walks run history newest first by id. Run ids are ULIDs (time-ordered), so a
page is an index range scan from the cursor (``id < cursor``), never an OFFSET: the cost of a
page does not grow with history.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping, Sequence
from typing import Any

from opsctl.errors import ConflictError, UsageError
from opsctl.store.sql import Row, SQLStore

PAGE_COLUMNS = ("id", "automation", "contract_version", "mode", "status", "exit_code", "actor",
                "idempotency_key", "plan_id", "plan_fingerprint", "error_type", "started_at",
                "finished_at")
MAX_PAGE = 500


def create_queued_run(store: SQLStore, run: Mapping[str, Any]) -> None:
    """Record ``run`` (the row :meth:`SQLStore.create_run` takes) with status ``queued``."""
    store.create_run({**run, "status": "queued"})


def claim_queued_run(store: SQLStore, run_id: str, started_at: str) -> None:
    """Mark queued run ``run_id`` running; ConflictError (exit 7) if another executor has it."""
    with store.transaction():
        cur = store._execute("UPDATE runs SET status = 'running', started_at = ? "
                             "WHERE id = ? AND status = 'queued'", (started_at, run_id))
        if cur.rowcount != 1:
            raise ConflictError(f"run {run_id} is not queued any more: another executor "
                                "claimed it", step="validate")


def drop_queued_run(store: SQLStore, run_id: str, *, resumed_by: str) -> None:
    """Forget a queued run that turned out to resume ``resumed_by`` (same idempotency key)."""
    with store.transaction():
        store._execute("DELETE FROM runs WHERE id = ? AND status = 'queued'", (run_id,))


def queued_runs(store: SQLStore, statuses: Sequence[str] = ("queued",)) -> list[Row]:
    """Runs in ``statuses``, oldest first (what a starting server picks up again)."""
    marks = ", ".join("?" for _ in statuses)
    rows = store._rows(f"SELECT id FROM runs WHERE status IN ({marks}) ORDER BY id",
                       list(statuses))
    found = [store.get_run(str(r["id"])) for r in rows]
    return [r for r in found if r is not None]


def encode_cursor(run_id: str) -> str:
    return base64.urlsafe_b64encode(run_id.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> str:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    if not text.startswith("run_") or len(text) > 64 or not text.isascii():
        raise UsageError(f"cursor {cursor!r} is not one this server returned", step="validate")
    return text


def page_runs(store: SQLStore, *, automation: str | None = None, status: str | None = None,
              actor: str | None = None, mode: str | None = None, since: str | None = None,
              until: str | None = None, cursor: str | None = None,
              limit: int = 50) -> tuple[list[Row], str | None]:
    """One page of runs, newest first, and the cursor of the next page (None at the end).

    ``since``/``until`` bound ``started_at`` (ISO 8601, UTC). Filters use the indexes of
    migration 6 (automation, status or actor with id); the page reads ``limit + 1`` rows.
    """
    limit = max(1, min(limit, MAX_PAGE))
    where: list[str] = []
    params: list[Any] = []
    for column, value in (("automation", automation), ("status", status), ("actor", actor),
                          ("mode", mode)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    if since is not None:
        where.append("started_at >= ?")
        params.append(since)
    if until is not None:
        where.append("started_at < ?")
        params.append(until)
    if cursor is not None:
        where.append("id < ?")
        params.append(decode_cursor(cursor))
    clause = f"WHERE {' AND '.join(where)} " if where else ""
    rows = store._rows(f"SELECT {', '.join(PAGE_COLUMNS)} FROM runs {clause}"
                       f"ORDER BY id DESC LIMIT ?", [*params, limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, encode_cursor(str(rows[-1]["id"])) if more and rows else None
