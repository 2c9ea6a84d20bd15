"""Schedules and their fires in the store (tables of migration 10)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from opsctl.schedule.model import Schedule, declared_limits
from opsctl.store.audit import NewEvent, append_in_transaction
from opsctl.store.sql import Row, SQLStore

_COLUMNS = ("name", "automation", "cron", "timezone", "request_json", "request_file",
            "concurrency", "misfire", "grace_s", "max_catchup", "paused", "source", "problem",
            "last_slot", "last_run_id", "created_at", "updated_at")


def slot_key(slot: datetime) -> str:
    """A slot as every scheduler writes it: UTC, ISO 8601."""
    return slot.astimezone(UTC).isoformat()


def _row(row: Row) -> Row:
    row["request"] = json.loads(row.pop("request_json") or "{}")
    row["paused"] = bool(row["paused"])
    return row


def list_schedules(store: SQLStore) -> list[Row]:
    return [_row(r) for r in store._rows(f"SELECT {', '.join(_COLUMNS)} FROM schedules "
                                         "ORDER BY name")]


def get_schedule(store: SQLStore, name: str) -> Row | None:
    rows = store._rows(f"SELECT {', '.join(_COLUMNS)} FROM schedules WHERE name = ?", (name,))
    return _row(rows[0]) if rows else None


# A schedule's stored definition: what save_schedule and save_invalid write, but updated_at.
_DEFINITION = ("automation", "cron", "timezone", "request_json", "request_file", "concurrency",
               "misfire", "grace_s", "max_catchup", "source", "problem", "paused_in_config")


def _unchanged(row: dict[str, Any], values: dict[str, Any]) -> bool:
    """Whether writing ``values`` over the stored ``row`` would change nothing but its
    updated_at."""
    return all(row[key] == value for key, value in values.items()
               if key != "updated_at" and key in row)


def save_schedule(store: SQLStore, schedule: Schedule, *, now: datetime,
                  problem: str | None = None, keep_paused: bool = True,
                  audit: NewEvent | None = None, only_new: bool = False) -> bool:
    """Insert or update ``schedule``'s definition; False, with nothing written, when
    ``only_new`` and a schedule of its name exists (the look and the insert are one step).
    An existing schedule keeps its history (last slot, last run) and, with ``keep_paused``,
    a pause set with `opsctl schedule pause`; one this update resumes goes on from ``now``
    (the slots while it was paused are not misfires to make up for). ``audit`` is appended to
    the trail in the same transaction: an audit chain that refuses it leaves the schedule as
    it was."""
    values = {"automation": schedule.automation, "cron": schedule.cron.expression,
              "timezone": schedule.cron.timezone, "request_json": store._json(schedule.request),
              "request_file": schedule.request_file, "concurrency": schedule.concurrency,
              "misfire": schedule.misfire, "grace_s": round(schedule.grace_s),
              "max_catchup": schedule.max_catchup, "source": schedule.source,
              "problem": problem, "updated_at": now.isoformat()}
    with store.transaction():
        store.take_turns(f"opsctl.schedule/{schedule.name}")  # schedulers starting together
        found = store._rows(f"SELECT paused, {', '.join(_DEFINITION)} FROM schedules "
                            "WHERE name = ?", (schedule.name,))
        values["paused_in_config"] = int(schedule.paused and schedule.source == "config")
        if found and only_new:
            return False
        if found:
            # kept: a pause `opsctl schedule pause` set; one the file declared goes with it
            by_command = bool(found[0]["paused"]) and not found[0]["paused_in_config"]
            values["paused"] = int(schedule.paused or (keep_paused and by_command))
            if found[0]["paused"] and not values["paused"]:
                values["last_slot"] = slot_key(now)  # resumed: from now, as `schedule resume`
            if audit is None and _unchanged(found[0], values):
                # every command that reads the declared schedules syncs them: one that
                # changes nothing writes nothing (a role that may only read the store lists)
                return True
            sets = ", ".join(f"{k} = ?" for k in values)
            store._execute(f"UPDATE schedules SET {sets} WHERE name = ?",
                           [*values.values(), schedule.name])
        else:
            values.update(name=schedule.name, paused=int(schedule.paused),
                          created_at=now.isoformat(), last_slot=slot_key(now))
            store._execute(f"INSERT INTO schedules ({', '.join(values)}) VALUES "
                           f"({', '.join('?' for _ in values)})", list(values.values()))
        if audit is not None:
            append_in_transaction(store, [audit])
    return True


def save_invalid(store: SQLStore, name: str, raw: dict[str, Any], problem: str, *,
                 now: datetime) -> None:
    """A declared schedule that does not parse, stored as written with its ``problem``: an
    earlier definition of the same name is replaced (never fired again while it is invalid),
    and a new one is listed. Its history and a pause are kept."""
    def text(key: str, default: str = "") -> str:
        value = raw.get(key, default)
        return value if isinstance(value, str) else json.dumps(value, default=str)

    request = raw.get("request")
    grace_s, max_catchup = declared_limits(raw)
    values = {"automation": text("automation"), "cron": text("cron"),
              "timezone": text("timezone", "UTC"),
              "request_json": store._json(request if isinstance(request, dict) else {}),
              "request_file": raw["request_file"] if isinstance(raw.get("request_file"), str)
              else None, "concurrency": text("concurrency", "forbid"),
              "misfire": text("misfire", "run_once"), "grace_s": round(grace_s),
              "max_catchup": max_catchup, "source": "config", "problem": problem,
              "updated_at": now.isoformat()}
    with store.transaction():
        store.take_turns(f"opsctl.schedule/{name}")
        found = store._rows(f"SELECT {', '.join(_DEFINITION)} FROM schedules WHERE name = ?",
                            (name,))
        if found:
            if _unchanged(found[0], values):
                return
            sets = ", ".join(f"{k} = ?" for k in values)
            store._execute(f"UPDATE schedules SET {sets} WHERE name = ?", [*values.values(), name])
        else:
            values.update(name=name, paused=0, created_at=now.isoformat(),
                          last_slot=slot_key(now))
            store._execute(f"INSERT INTO schedules ({', '.join(values)}) VALUES "
                           f"({', '.join('?' for _ in values)})", list(values.values()))


def set_problem(store: SQLStore, name: str, problem: str | None, *, now: datetime) -> None:
    """Mark schedule ``name`` invalid with ``problem`` (not fired meanwhile), or valid again
    with None."""
    with store.transaction():
        store.take_turns(f"opsctl.schedule/{name}")
        store._execute("UPDATE schedules SET problem = ?, updated_at = ? WHERE name = ?",
                       (problem, now.isoformat(), name))


def delete_schedule(store: SQLStore, name: str, *, audit: NewEvent | None = None) -> bool:
    """Delete schedule ``name``, with ``audit`` appended in the same transaction when it
    existed; False when there was no such schedule."""
    with store.transaction():
        store.take_turns(f"opsctl.schedule/{name}")  # a scheduler claiming its slot
        cur = store._execute("DELETE FROM schedules WHERE name = ?", (name,))
        if cur.rowcount == 1 and audit is not None:
            append_in_transaction(store, [audit])
        return bool(cur.rowcount == 1)


def set_paused(store: SQLStore, name: str, paused: bool, *, now: datetime,
               audit: NewEvent | None = None) -> bool | None:
    """Pause or resume: True when the schedule changed, False when it already was so, None
    when there is no such schedule. A resumed schedule goes on from now (the slots while it
    was paused are not misfires to make up for); ``audit`` is appended in the same
    transaction when it changed. One already active is left as it is: moved to now, the slots
    missed while every scheduler was down would be dropped without a misfire. Once it
    returns, no scheduler claims a slot of a paused schedule (they take turns on it)."""
    with store.transaction():
        store.take_turns(f"opsctl.schedule/{name}")
        if paused:
            cur = store._execute("UPDATE schedules SET paused = 1, updated_at = ? WHERE "
                                 "name = ? AND paused = 0", (now.isoformat(), name))
        else:
            cur = store._execute("UPDATE schedules SET paused = 0, updated_at = ?, "
                                 "last_slot = ? WHERE name = ? AND paused = 1",
                                 (now.isoformat(), slot_key(now), name))
        if cur.rowcount == 1:
            if audit is not None:
                append_in_transaction(store, [audit])
            return True
        exists = store._rows("SELECT 1 AS found FROM schedules WHERE name = ?", (name,))
        return False if exists else None


def advance(store: SQLStore, name: str, slot: datetime) -> None:
    """Move the schedule's last handled slot forward (never back: schedulers race)."""
    key = slot_key(slot)
    with store.transaction():
        store._execute("UPDATE schedules SET last_slot = ? WHERE name = ? AND "
                       "(last_slot IS NULL OR last_slot < ?)", (key, name, key))


def claim_slot(store: SQLStore, name: str, slot: datetime, *, outcome: str, reason: str,
               now: datetime, scheduler: str) -> bool:
    """Record what happens to ``slot``: True for the one scheduler whose row went in."""
    return claim_slots(store, [(name, slot, outcome, reason)], now=now, scheduler=scheduler)[0]


# A slot of a schedule paused or removed meanwhile is not claimed: the claim takes the
# schedule's turn (as `schedule pause`, `remove` and `add` do) and then looks at its row.
_CLAIM = ("INSERT INTO schedule_fires (schedule, slot, outcome, reason, at, scheduler) "
          "SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM schedules WHERE name = ? "
          "AND paused = 0) ON CONFLICT (schedule, slot) DO NOTHING")


def settle_fire(store: SQLStore, name: str, slot: datetime, *, outcome: str, reason: str,
                run_id: str | None) -> None:
    with store.transaction():
        store._execute("UPDATE schedule_fires SET outcome = ?, reason = ?, run_id = ? "
                       "WHERE schedule = ? AND slot = ?",
                       (outcome, reason, run_id, name, slot_key(slot)))
        if run_id is not None:
            store._execute("UPDATE schedules SET last_run_id = ? WHERE name = ?",
                           (run_id, name))


def last_fire(store: SQLStore, name: str) -> Row | None:
    rows = store._rows("SELECT slot, outcome, reason, run_id, at FROM schedule_fires WHERE "
                       "schedule = ? ORDER BY slot DESC LIMIT 1", (name,))
    return rows[0] if rows else None


def fires(store: SQLStore, name: str | None = None, limit: int = 100000) -> list[Row]:
    where, params = ("WHERE schedule = ? ", [name]) if name else ("", [])
    return store._rows(f"SELECT schedule, slot, outcome, reason, run_id, at, scheduler FROM "
                       f"schedule_fires {where}ORDER BY schedule, slot LIMIT ?",
                       [*params, limit])


def run_status(store: SQLStore, run_id: str | None) -> Any:
    if not run_id:
        return None
    rows = store._rows("SELECT status, exit_code FROM runs WHERE id = ?", (run_id,))
    return rows[0] if rows else None


# -- a tick's work in a few round trips (1,000 schedules due at once) --------------------------

def states(store: SQLStore, names: Sequence[str]) -> dict[str, Row]:
    """The pause, last slot and last run (with its status) of the schedules ``names``: what a
    tick reads fresh, in one query, before it decides anything."""
    sql = ("SELECT s.name, s.paused, s.last_slot, s.last_run_id, r.status AS last_run_status "
           "FROM schedules s LEFT JOIN runs r ON r.id = s.last_run_id")
    if len(names) > 500:  # most of them: all rows, rather than a long IN list
        rows = store._rows(sql)
    else:
        rows = store._rows(f"{sql} WHERE s.name IN ({', '.join('?' for _ in names)})", names)
    return {str(r["name"]): r for r in rows}


def claim_slots(store: SQLStore, claims: Sequence[tuple[str, datetime, str, str]], *,
                now: datetime, scheduler: str) -> list[bool]:
    """:func:`claim_slot` for each (schedule, slot, outcome, reason), in one transaction."""
    at = now.isoformat()
    with store.transaction():
        for name in sorted({claim[0] for claim in claims}):  # in one order: no deadlock
            store.take_turns(f"opsctl.schedule/{name}")
        return [bool(store._execute(_CLAIM, (name, slot_key(slot), outcome, reason, at,
                                             scheduler, name)).rowcount == 1)
                for name, slot, outcome, reason in claims]


def record_tick(store: SQLStore, *, runs: Sequence[Row],
                settled: Sequence[tuple[str, datetime, str, str, str | None]],
                advanced: Sequence[tuple[str, datetime]], events: Sequence[Any]) -> None:
    """What a tick did, in one transaction: the runs it queued (rows as
    :func:`opsctl.store.queue.create_queued_run` takes them), each claimed slot's outcome,
    reason and run (the schedule's last run), each schedule's last handled slot moved forward
    (:func:`advance`), and the audit events (``NewEvent``)."""
    from opsctl.store.audit import append_in_transaction
    from opsctl.store.sql import RUN_COLUMNS

    rows = [{**run, "status": "queued", "request_json": store._json(run["request"]),
             "runtime_json": store._json(run["runtime"])} for run in runs]
    columns = [c for c in RUN_COLUMNS if rows and c in rows[0]]
    keys = [(slot_key(slot), name, slot_key(slot)) for name, slot in advanced]
    with store.transaction():
        _many(store, f"INSERT INTO runs ({', '.join(columns)}) VALUES "
                     f"({', '.join('?' for _ in columns)})", [[r[c] for c in columns]
                                                               for r in rows])
        _many(store, "UPDATE schedule_fires SET outcome = ?, reason = ?, run_id = ? WHERE "
                     "schedule = ? AND slot = ?",
              [(outcome, reason, run_id, name, slot_key(slot))
               for name, slot, outcome, reason, run_id in settled])
        _many(store, "UPDATE schedules SET last_run_id = ? WHERE name = ?",
              [(run_id, name) for name, _, _, _, run_id in settled if run_id is not None])
        _many(store, "UPDATE schedules SET last_slot = ? WHERE name = ? AND "
                     "(last_slot IS NULL OR last_slot < ?)", keys)
        if events:
            append_in_transaction(store, events)


def _many(store: SQLStore, statement: str, params: Sequence[Sequence[Any]]) -> None:
    """One statement for many rows, in the caller's transaction (psycopg pipelines them)."""
    if not params:
        return
    if store.dialect == "postgresql":
        with store._conn.cursor() as cur:
            cur.executemany(store._sql(statement), params)
    else:
        store._conn.executemany(statement, params)
