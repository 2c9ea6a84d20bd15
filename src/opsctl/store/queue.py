"""Runs recorded before they start (``queued``), claimed by one executor, and pages of history.

A run started over HTTP (and later by a schedule or a worker) is recorded ``queued`` with its
canonical request, then handed to an executor. :func:`claim_queued_run` is an UPDATE that one
claimer wins; the engine then carries the run out as it carries out a CLI run.

:func:`runs_page` walks run history newest first by ``(started_at, id)`` (the id breaks ties
between runs started in the same microsecond). A cursor is a run id: a page is an index range
scan from that run's ``(started_at, id)`` (migration 11), never an OFFSET, so the cost of a page
does not grow with history. ``opsctl runs --after/--before`` and ``GET /v1/runs?cursor=`` (the
run id, base64url) are the same walk.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from opsctl.errors import ConflictError, UsageError
from opsctl.store.sql import Row, SQLStore

PAGE_COLUMNS = ("id", "automation", "contract_version", "mode", "status", "exit_code", "actor",
                "idempotency_key", "plan_id", "plan_fingerprint", "error_type", "started_at",
                "finished_at")
MAX_PAGE = 500


def create_queued_run(store: SQLStore, run: Mapping[str, Any]) -> None:
    """Record ``run`` (the row :meth:`SQLStore.create_run` takes) with status ``queued``."""
    store.create_run({**run, "status": "queued"})


def queue_run_once(store: SQLStore, run: Mapping[str, Any],
                   finished: Sequence[str] = ()) -> str:
    """Record ``run`` ``queued`` unless a run of its idempotency key is queued or running
    already, or has ended in one of the ``finished`` statuses (a caller's key whose run
    succeeded is replayed, never run again); the id of the run that carries the key (that
    one, or ``run``)."""
    return store.create_run_once({**run, "status": "queued"}, ("queued", "running", *finished))


def claim_queued_run(store: SQLStore, run_id: str, started_at: str,
                     process: str | None = None) -> None:
    """Mark queued run ``run_id`` running, carried out by ``process`` (its identity, kept in
    the run's runtime: a run holding no lease is told gone by it); ConflictError (exit 7) if
    another executor has it."""
    with store.transaction():
        cur = store._execute("UPDATE runs SET status = 'running', started_at = ? "
                             "WHERE id = ? AND status = 'queued'", (started_at, run_id))
        if cur.rowcount != 1:
            raise ConflictError(f"run {run_id} is not queued any more: another executor "
                                "claimed it", step="validate")
        if process is not None:
            store.record_run_process(run_id, process)


def drop_queued_run(store: SQLStore, run_id: str, *, resumed_by: str) -> None:
    """Forget a queued run that turned out to resume ``resumed_by`` (same idempotency key)."""
    withdraw_queued_run(store, run_id)


def withdraw_queued_run(store: SQLStore, run_id: str) -> bool:
    """Forget queued run ``run_id`` unless an executor claimed it already; whether it was."""
    with store.transaction():
        cur = store._execute("DELETE FROM runs WHERE id = ? AND status = 'queued'", (run_id,))
        return bool(cur.rowcount == 1)


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
    # printable: no run id holds a control character, and a PostgreSQL store cannot even be
    # asked for a NUL
    if not text.startswith("run_") or len(text) > 64 or not (text.isascii()
                                                             and text.isprintable()):
        raise UsageError(f"cursor {cursor!r} is not one this server returned", step="validate")
    return text


class RunPage(NamedTuple):
    """One page of run history, newest first.

    ``next_after`` is the cursor of the next (older) page and ``next_before`` that of the
    previous (newer) page: a run id, or None when no run matching the filters lies that way.
    """

    runs: list[Row]
    next_after: str | None
    next_before: str | None


def runs_page(store: SQLStore, *, automation: str | None = None, status: str | None = None,
              actor: str | None = None, mode: str | None = None, since: str | None = None,
              until: str | None = None, after: str | None = None, before: str | None = None,
              limit: int = 50, visible: Visible | None = None) -> RunPage:
    """Runs matching the filters, newest first by ``(started_at, id)``, ``limit`` at a time.

    ``after``: only runs older than that run (the next page); ``before``: only runs newer than
    it (the previous page, still listed newest first). ``since``/``until`` bound ``started_at``
    (ISO 8601, UTC). A cursor that names no run is a UsageError (exit 2). ``visible`` keeps
    the rows of a batch that the reader may see (an environment-scoped viewer): a page is then
    filled from further rows, and the cursors skip what it may not see.
    """
    if after is not None and before is not None:
        raise UsageError("give --after or --before, not both", step="validate")
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
    cursor_id = after if after is not None else before
    if cursor_id is None:
        rows = _page(store, where, params, "<", None, limit + 1, visible)
        return RunPage(rows[:limit], str(rows[limit - 1]["id"]) if len(rows) > limit else None,
                       None)
    found = store._rows("SELECT started_at FROM runs WHERE id = ?", (cursor_id,))
    if not found:
        option = "--after" if after is not None else "--before"
        raise UsageError(f"{option} {cursor_id}: no such run to page from; give the "
                         "next_after or next_before of the page before", step="validate")
    key = (found[0]["started_at"], cursor_id)
    older = after is not None
    rows = _page(store, where, params, "<" if older else ">", key, limit + 1, visible)
    more = len(rows) > limit
    rows = rows[:limit]
    if not older:
        rows.reverse()
    # Anything the other way, from the page's edge nearest the cursor (or the cursor itself)?
    edge = (rows[0] if older else rows[-1]) if rows else None
    edge_key = (edge["started_at"], str(edge["id"])) if edge is not None else key
    back = _page(store, where, params, ">" if older else "<", edge_key, 1, visible)
    first, last = (str(rows[0]["id"]), str(rows[-1]["id"])) if rows else (cursor_id, cursor_id)
    if older:
        return RunPage(rows, last if more else None, first if back else None)
    return RunPage(rows, last if back else None, first if more else None)


Visible = Callable[[list[Row]], list[Row]]


def _page(store: SQLStore, where: list[str], params: list[Any], direction: str,
          key: tuple[Any, str] | None, limit: int, visible: Visible | None = None) -> list[Row]:
    """Up to ``limit`` matching runs beyond ``key`` (``<``: older, newest first; ``>``: newer,
    oldest first), read in index order; with ``visible``, only the rows it keeps, read on in
    batches until there are ``limit`` of them or no more rows."""
    order = "DESC" if direction == "<" else "ASC"
    found: list[Row] = []
    while True:
        clause, values = list(where), list(params)
        if key is not None:
            clause.append(f"(started_at, id) {direction} (?, ?)")
            values.extend(key)
        text = f"WHERE {' AND '.join(clause)} " if clause else ""
        batch = limit if visible is None else max(limit, 100)
        rows = store._rows(f"SELECT {', '.join(PAGE_COLUMNS)} FROM runs {text}"
                           f"ORDER BY started_at {order}, id {order} LIMIT ?", [*values, batch])
        if visible is None:
            return rows
        found.extend(visible(rows))
        if len(found) >= limit or len(rows) < batch:
            return found[:limit]
        key = (rows[-1]["started_at"], str(rows[-1]["id"]))


def page_runs(store: SQLStore, *, automation: str | None = None, status: str | None = None,
              actor: str | None = None, mode: str | None = None, since: str | None = None,
              until: str | None = None, cursor: str | None = None,
              limit: int = 50, visible: Visible | None = None) -> tuple[list[Row], str | None]:
    """One page of :func:`runs_page` for the HTTP API: the cursor is the run id in base64url
    (:func:`encode_cursor`); returns the runs and the cursor of the next page (None at the end).
    """
    page = runs_page(store, automation=automation, status=status, actor=actor, mode=mode,
                     since=since, until=until,
                     after=decode_cursor(cursor) if cursor is not None else None,
                     limit=max(1, min(limit, MAX_PAGE)), visible=visible)
    return page.runs, encode_cursor(page.next_after) if page.next_after else None
