"""Claims: which executor carries out a queued run, and which worker applies a chunk.

A claim is one conditional UPDATE that a single claimer wins (the row's claim token must still
be the one read), under a lease (``claim_until``) that a heartbeat renews every third of its
TTL. A claim whose lease ran out, or whose claimer process on this machine is gone, may be
taken by the next claimer; its token grows, so the loser's writes are refused (chunks fence
their journal writes with their attempt, see ``SQLStore.chunk_fence``; runs keep the fencing
token of their scope's lease).

:func:`sweep` finds runs of a remote executor that nobody carries out (never delivered, or
their claimer died) and wakes them again, one sender per run and interval.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from opsctl.engine.locks import holder_is_gone, process_identity
from opsctl.store.sql import Row, SQLStore

EXPIRED = "1970-01-01T00:00:00+00:00"
"""``claim_until`` of a run handed back: any claimer may take it at once."""


def now_utc() -> datetime:
    return datetime.now(UTC)


def owner_name() -> str:
    """``host:pid`` of this process, as claims and logs name it."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _until(now: datetime, ttl_s: float) -> str:
    return (now + timedelta(seconds=ttl_s)).isoformat()


def _claimable(until: str | None, process: str | None, now: datetime) -> bool:
    return until is None or until <= now.isoformat() or holder_is_gone(process)


# -- runs ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RunClaim:
    run_id: str
    token: int
    status: str   # the run's status when claimed: "queued" (start it) or "running" (resume it)


def claim_run(store: SQLStore, run_id: str, *, ttl_s: float,
              now: datetime | None = None) -> RunClaim | None:
    """Claim run ``run_id`` for this process, or None when it is not to be run here: finished,
    unknown, run by a local executor, or claimed by a live claimer."""
    now = now or now_utc()
    rows = store._rows("SELECT status, executor, claim_until, claim_process, claim_token "
                       "FROM runs WHERE id = ?", (run_id,))
    if not rows:
        return None
    row = rows[0]
    if row["status"] not in ("queued", "running") or row["executor"] in (None, "local"):
        return None
    if row["status"] == "running" and row["claim_until"] is None:
        return None  # started without a claim: not this executor's to take over
    if not _claimable(row["claim_until"], row["claim_process"], now):
        return None
    token = int(row["claim_token"] or 0)
    with store.transaction():
        cur = store._execute(
            # woken_at = NULL: should this claimer die too, the sweeper wakes the run at once,
            # not a redeliver_after after the wake-up this claimer answered
            "UPDATE runs SET claim_owner = ?, claim_process = ?, claim_until = ?, "
            "claim_token = ?, woken_at = NULL WHERE id = ? AND claim_token = ? AND status = ?",
            (owner_name(), process_identity(), _until(now, ttl_s), token + 1, run_id, token,
             row["status"]))
        if cur.rowcount != 1:
            return None  # another claimer won
    return RunClaim(run_id, token + 1, str(row["status"]))


def renew_run_claim(store: SQLStore, claim: RunClaim, *, ttl_s: float) -> bool:
    with store.transaction():
        cur = store._execute("UPDATE runs SET claim_until = ? WHERE id = ? AND claim_token = ?",
                             (_until(now_utc(), ttl_s), claim.run_id, claim.token))
        return bool(cur.rowcount == 1)


def release_run_claim(store: SQLStore, claim: RunClaim, *, hand_back: bool = False) -> None:
    """Let go of a claim: the run finished (its row says so), or, ``hand_back``, it stopped at
    an action boundary for a worker that shuts down (unfinished: it was never recorded
    finished, see ``dispatch.worker``) and any other worker may resume it now. A run recorded
    finished is never reopened here: a run finishes once."""
    with store.transaction():
        if hand_back:
            store._execute("UPDATE runs SET claim_until = ?, woken_at = NULL WHERE id = ? AND "
                           "claim_token = ? AND status IN ('queued', 'running')",
                           (EXPIRED, claim.run_id, claim.token))
        else:
            cur = store._execute("UPDATE runs SET claim_until = NULL, claim_process = NULL "
                                 "WHERE id = ? AND claim_token = ? AND status NOT IN "
                                 "('queued', 'running')", (claim.run_id, claim.token))
            if cur.rowcount == 1:
                # Chunks of an earlier claim that nobody settled (their workers lost the store,
                # and the resume applied the rest itself) are over with the run.
                store._execute("UPDATE run_chunks SET status = 'superseded' WHERE run_id = ? "
                               "AND status IN ('pending', 'running', 'stop')", (claim.run_id,))



def hand_run_to_workers(store: SQLStore, run_id: str, status: str,
                        runtime: dict[str, Any]) -> bool:
    """Give an interrupted, partial or failed apply (``status``, as read) to the workers to
    finish as the same run, as the local path resumes it: it reads ``running`` with a claim
    that ran out, like a run whose worker stopped, so the next claimer resumes it from its
    journal (and a worker's sweeper wakes it should the wake-up be lost). One caller wins."""
    with store.transaction():
        cur = store._execute(
            "UPDATE runs SET status = 'running', exit_code = NULL, finished_at = NULL, "
            "executor = 'celery', runtime_json = ?, claim_process = NULL, claim_until = ?, "
            "woken_at = NULL WHERE id = ? AND status = ?",
            (store._json(runtime), EXPIRED, run_id, status))
        return bool(cur.rowcount == 1)

# -- chunks of a fanned-out run ------------------------------------------------------------------

def create_chunks(store: SQLStore, run_id: str, chunks: Sequence[Sequence[str]], *,
                  concurrency: int = 1) -> list[int]:
    """Record ``chunks`` (action ids each, applied ``concurrency`` at once) of ``run_id`` as
    pending; their numbers.

    Numbers continue after the run's earlier chunks (a resumed run fans out again), and the
    earlier ones are superseded: a worker still applying one of them is fenced out.
    """
    with store.transaction():
        rows = store._rows("SELECT MAX(chunk) AS last FROM run_chunks WHERE run_id = ?",
                           (run_id,))
        first = int(rows[0]["last"] if rows[0]["last"] is not None else -1) + 1
        store._execute("UPDATE run_chunks SET status = 'superseded' WHERE run_id = ? AND "
                       "status IN ('pending', 'running', 'stop')", (run_id,))
        numbers = list(range(first, first + len(chunks)))
        store._executemany("INSERT INTO run_chunks (run_id, chunk, actions_json, status) "
                           "VALUES (?, ?, ?, 'pending')",
                           [(run_id, n, json.dumps({"actions": list(ids),
                                                    "concurrency": concurrency}))
                            for n, ids
                            in zip(numbers, chunks, strict=True)])
    return numbers


@dataclass(frozen=True)
class ChunkClaim:
    run_id: str
    chunk: int
    attempt: int
    action_ids: tuple[str, ...]
    concurrency: int = 1

    @property
    def fence(self) -> tuple[str, int, int]:
        return (self.run_id, self.chunk, self.attempt)


def claim_chunk(store: SQLStore, run_id: str, chunk: int, *, ttl_s: float,
                now: datetime | None = None) -> ChunkClaim | None:
    """Claim a pending chunk (or one whose claimer is gone) for this process, or None."""
    now = now or now_utc()
    rows = store._rows("SELECT status, attempt, claim_until, process, actions_json FROM "
                       "run_chunks WHERE run_id = ? AND chunk = ?", (run_id, chunk))
    if not rows:
        return None
    row = rows[0]
    if row["status"] == "running" and not _claimable(row["claim_until"], row["process"], now):
        return None
    if row["status"] not in ("pending", "running"):
        return None
    attempt = int(row["attempt"])
    with store.transaction():
        cur = store._execute(
            "UPDATE run_chunks SET status = 'running', attempt = ?, owner = ?, process = ?, "
            "claim_until = ? WHERE run_id = ? AND chunk = ? AND attempt = ? AND status = ?",
            (attempt + 1, owner_name(), process_identity(), _until(now, ttl_s), run_id, chunk,
             attempt, row["status"]))
        if cur.rowcount != 1:
            return None
    spec = json.loads(row["actions_json"])
    return ChunkClaim(run_id, chunk, attempt + 1, tuple(spec["actions"]),
                      max(1, int(spec.get("concurrency") or 1)))


def renew_chunk(store: SQLStore, claim: ChunkClaim, *, ttl_s: float) -> bool:
    with store.transaction():
        cur = store._execute("UPDATE run_chunks SET claim_until = ? WHERE run_id = ? AND "
                             "chunk = ? AND attempt = ? AND status IN ('running', 'stop')",
                             (_until(now_utc(), ttl_s), *claim.fence))
        return bool(cur.rowcount == 1)


def finish_chunk(store: SQLStore, claim: ChunkClaim, status: str,
                 reason: list[dict[str, Any]] | None = None) -> bool:
    """Mark a claimed chunk ``done`` (every action settled) or ``pending`` again (handed back);
    False when the claim was lost meanwhile."""
    with store.transaction():
        cur = store._execute(
            "UPDATE run_chunks SET status = ?, reason = ?, claim_until = NULL, process = NULL "
            "WHERE run_id = ? AND chunk = ? AND attempt = ? AND status IN ('running', 'stop')",
            (status, json.dumps(reason) if reason else None, *claim.fence))
        return bool(cur.rowcount == 1)


def chunk_rows(store: SQLStore, run_id: str, numbers: Iterable[int]) -> list[Row]:
    wanted = set(numbers)
    rows = store._rows("SELECT chunk, status, attempt, owner, process, claim_until, reason "
                       "FROM run_chunks WHERE run_id = ? ORDER BY chunk", (run_id,))
    return [r for r in rows if int(r["chunk"]) in wanted]


def chunk_status(store: SQLStore, claim: ChunkClaim) -> str | None:
    rows = store._rows("SELECT status, attempt FROM run_chunks WHERE run_id = ? AND chunk = ?",
                       (claim.run_id, claim.chunk))
    if not rows or int(rows[0]["attempt"]) != claim.attempt:
        return None
    return str(rows[0]["status"])


def set_chunks(store: SQLStore, run_id: str, numbers: Iterable[int], status: str, *,
               where: Sequence[str]) -> int:
    """Move the chunks among ``numbers`` whose status is in ``where`` to ``status``."""
    numbers = list(numbers)
    if not numbers:
        return 0
    marks = ", ".join("?" for _ in numbers)
    states = ", ".join("?" for _ in where)
    with store.transaction():
        cur = store._execute(f"UPDATE run_chunks SET status = ? WHERE run_id = ? AND chunk IN "
                             f"({marks}) AND status IN ({states})",
                             (status, run_id, *numbers, *where))
        return int(cur.rowcount or 0)


def reoffer_chunk(store: SQLStore, run_id: str, chunk: int, attempt: int) -> bool:
    """A running chunk whose claimer is gone is pending again (its attempt fences the old)."""
    with store.transaction():
        cur = store._execute("UPDATE run_chunks SET status = 'pending', claim_until = NULL "
                             "WHERE run_id = ? AND chunk = ? AND attempt = ? AND "
                             "status = 'running'", (run_id, chunk, attempt))
        return bool(cur.rowcount == 1)


def claim_expired(row: Row, now: datetime | None = None) -> bool:
    """A claimed chunk (running, or asked to stop) whose claimer is gone or lease ran out."""
    return row["status"] in ("running", "stop") and _claimable(
        row["claim_until"], row["process"], now or now_utc())


# -- the sweeper --------------------------------------------------------------------------------

def release_orphaned_leases(store: SQLStore, *, executor: str,
                            now: datetime | None = None) -> list[str]:
    """Release the scope leases still held for a finished run of ``executor`` by a holder that
    is gone or whose lease ran out (its worker was killed between recording the run finished
    and releasing the lease); their scopes. Nobody would take them over until the scope is
    used again, and ``opsctl locks`` would show them held. The DELETE names the lease's token:
    a lease taken meanwhile by another run is never released."""
    now = now or now_utc()
    rows = store._rows("SELECT l.scope, l.token, l.process, l.expires_at FROM locks l JOIN runs r "
                       "ON r.id = l.run_id WHERE r.executor = ? AND r.status NOT IN "
                       "('queued', 'running')", (executor,))
    released = []
    for row in rows:
        if str(row["expires_at"]) <= now.isoformat() or holder_is_gone(row["process"]):
            store.release_lease(str(row["scope"]), int(row["token"]), now=now)
            released.append(str(row["scope"]))
    return released


def sweep(store: SQLStore, *, executor: str, wake: Callable[[str, Row], None],
          redeliver_after_s: float, now: datetime | None = None) -> list[str]:
    """Wake the runs of ``executor`` that nobody carries out; their ids.

    A run is woken again when it is queued and unclaimed for ``redeliver_after_s`` (its
    message was lost, or no worker took it yet), or its claim expired or its claimer on this
    machine is gone. ``woken_at`` is set first with a conditional UPDATE, so of several
    sweepers one sends, once per interval; a duplicate wake-up would be harmless anyway.
    """
    now = now or now_utc()
    horizon = (now - timedelta(seconds=redeliver_after_s)).isoformat()
    rows = store._rows("SELECT id, status, started_at, claim_until, claim_process, woken_at, "
                       "runtime_json FROM runs WHERE executor = ? AND status IN "
                       "('queued', 'running') ORDER BY id", (executor,))
    woken: list[str] = []
    for row in rows:
        if row["claim_until"] is None:
            stale = row["status"] == "queued" and str(row["started_at"]) <= horizon
        else:
            stale = _claimable(row["claim_until"], row["claim_process"], now)
        last = row["woken_at"]
        # A wake-up sent while the lease still ran (its claimer seen gone from this machine)
        # may have reached workers elsewhere that cannot see that and let it be: once the
        # lease has run out, wake the run again instead of a redeliver_after later.
        until = row["claim_until"]
        lapsed = until is not None and last is not None and last < str(until) <= now.isoformat()
        if not stale or (last is not None and last > horizon and not lapsed):
            continue
        with store.transaction():
            if last is None:
                cur = store._execute("UPDATE runs SET woken_at = ? WHERE id = ? AND "
                                     "woken_at IS NULL", (now.isoformat(), row["id"]))
            else:
                cur = store._execute("UPDATE runs SET woken_at = ? WHERE id = ? AND "
                                     "woken_at = ?", (now.isoformat(), row["id"], last))
        if cur.rowcount == 1:
            runtime = json.loads(row.pop("runtime_json") or "{}")
            wake(str(row["id"]), {**row, "runtime": runtime})
            woken.append(str(row["id"]))
    return woken
