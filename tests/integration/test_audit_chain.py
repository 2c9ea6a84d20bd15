"""The audit trail's hash chain, on SQLite and PostgreSQL.

Tampering is done the way an intruder would: plain SQL on a second connection to the same
database, never through ``opsctl.store.audit``. Every kind of edit must be found, and the report
must name the first bad event.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsctl.config.redact import Redactor
from opsctl.contract.canonical import CanonicalJSONError
from opsctl.errors import PlanRejectedError
from opsctl.store.audit import (
    GENESIS_HASH,
    AuditEvent,
    ChainReport,
    append_event,
    canonical_json,
    event_hash,
    iter_events,
    verify_chain,
)
from opsctl.store.sql import SQLStore, open_store

KINDS = ("request.received", "plan.created", "policy.decision", "approval.granted",
         "lock.acquired", "action.applied", "action.failed", "run.finished")
CANARY = "canary-s3cret-7f3a9c"


class RawDB:
    """A plain driver connection to the store's database, outside opsctl."""

    def __init__(self, url: str) -> None:
        if url.startswith("sqlite:///"):
            import sqlite3

            self.conn: Any = sqlite3.connect(url[len("sqlite:///"):], isolation_level=None)
            self.placeholder = "?"
            self.integrity_error: type[Exception] = sqlite3.IntegrityError
        else:
            import psycopg

            self.conn = psycopg.connect(url, autocommit=True)
            self.placeholder = "%s"
            self.integrity_error = psycopg.IntegrityError

    def execute(self, statement: str, *params: object) -> None:
        self.conn.execute(statement.replace("?", self.placeholder), params)

    def rows(self, statement: str, *params: object) -> list[dict[str, Any]]:
        cur = self.conn.execute(statement.replace("?", self.placeholder), params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def event(self, seq: int) -> dict[str, Any]:
        return self.rows("SELECT * FROM audit_events WHERE seq = ?", seq)[0]

    def rehash(self, seq: int) -> None:
        """Recompute one event's hash from its (edited) content, as a forger would."""
        row = self.event(seq)
        self.execute("UPDATE audit_events SET hash = ? WHERE seq = ?",
                     event_hash(row["prev_hash"], content_of(row)), seq)

    def move(self, seqs: dict[int, int]) -> None:
        """Renumber events (through negative seqs: the primary key is checked row by row)."""
        for old in seqs:
            self.execute("UPDATE audit_events SET seq = ? WHERE seq = ?", -old - 1000, old)
        for old, new in seqs.items():
            self.execute("UPDATE audit_events SET seq = ? WHERE seq = ?", new, -old - 1000)

    def forge(self, seq: int, prev_hash: str, *, correct_hash: bool = True) -> None:
        row = {"seq": seq, "id": "evt_forged", "at": "2026-01-01T00:00:00.000000+00:00",
               "kind": "approval.granted", "run_id": None, "plan_id": "plan_1", "actor": "mallory",
               "payload_json": '{"reason":"trust me"}', "prev_hash": prev_hash}
        row["hash"] = event_hash(prev_hash, content_of(row)) if correct_hash else "f" * 64
        self.execute(f"INSERT INTO audit_events ({', '.join(row)}) VALUES "
                     f"({', '.join('?' for _ in row)})", *row.values())

    def dump(self) -> str:
        return repr([self.rows(f"SELECT * FROM {t}") for t in ("audit_events", "audit_head")])

    def close(self) -> None:
        self.conn.close()


def content_of(row: dict[str, Any]) -> dict[str, object]:
    return {"seq": row["seq"], "id": row["id"], "at": row["at"], "kind": row["kind"],
            "run_id": row["run_id"], "plan_id": row["plan_id"], "actor": row["actor"],
            "payload": json.loads(row["payload_json"])}


@pytest.fixture
def store(store_url: str) -> Iterator[SQLStore]:
    opened = open_store(store_url, Redactor([CANARY]))
    yield opened
    opened.close()


@pytest.fixture
def raw(store_url: str, store: SQLStore) -> Iterator[RawDB]:
    """A second, plain connection to the migrated database of ``store``."""
    db = RawDB(store_url)
    yield db
    db.close()


def record(store: SQLStore, n: int) -> list[AuditEvent]:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    return [append_event(store, KINDS[i % len(KINDS)], actor=f"user{i % 3}",
                         payload={"n": i + 1, "note": f"step {i + 1}"}, run_id=f"run_{i % 2}",
                         plan_id="plan_1" if i % 4 == 0 else None,
                         at=start + timedelta(seconds=i))
            for i in range(n)]


# -- a clean trail ------------------------------------------------------------------------
def test_a_fresh_store_has_an_empty_trail_that_verifies(store: SQLStore, raw: RawDB) -> None:
    assert raw.rows("SELECT id, seq, hash FROM audit_head") == [{"id": 1, "seq": 0,
                                                                 "hash": GENESIS_HASH}]
    assert verify_chain(store) == ChainReport(True, 0, None, None, None, None)
    assert list(iter_events(store)) == []


def test_a_clean_chain_verifies_and_streams_in_pages(store: SQLStore, raw: RawDB) -> None:
    events = record(store, 25)

    assert [e.seq for e in events] == list(range(1, 26))
    assert events[0].prev_hash == GENESIS_HASH
    assert all(b.prev_hash == a.hash for a, b in pairwise(events))
    for page in (1, 4, 25, 1000):
        report = verify_chain(store, page=page)
        assert report == ChainReport(True, 25, None, None, None, events[-1].hash), page
        assert list(iter_events(store, page=page)) == events
    assert raw.rows("SELECT seq, hash FROM audit_head") == [{"seq": 25, "hash": events[-1].hash}]
    assert list(iter_events(store, since_seq=20, page=2)) == events[20:]
    assert list(iter_events(store, run_id="run_1", page=3)) == events[1::2]
    assert report.to_dict() == {"ok": True, "events": 25, "first_bad_seq": None,
                                "first_bad_id": None, "problem": None,
                                "head_hash": events[-1].hash, "mismatches": [],
                                "from_seq": 0, "from_hash": GENESIS_HASH, "warnings": []}


def test_an_event_is_stored_as_returned_and_exports_as_json(store: SQLStore, raw: RawDB) -> None:
    event = append_event(store, "plan.created", actor="ops@example", payload={"b": 1, "a": "ü"},
                         run_id="run_1", plan_id="plan_1",
                         at=datetime(2026, 1, 1, 2, 0, tzinfo=timezone(timedelta(hours=2))))

    assert event.at == "2026-01-01T00:00:00.000000+00:00"
    assert event.id.startswith("evt_")
    assert event.hash == event_hash(GENESIS_HASH, event.content())
    row = raw.event(1)
    assert row["payload_json"] == '{"a":"ü","b":1}'
    assert (row["hash"], row["prev_hash"]) == (event.hash, GENESIS_HASH)
    line = json.dumps(event.to_dict())
    assert json.loads(line) == {"seq": 1, "id": event.id, "at": event.at, "kind": "plan.created",
                                "run_id": "run_1", "plan_id": "plan_1", "actor": "ops@example",
                                "payload": {"a": "ü", "b": 1}, "prev_hash": GENESIS_HASH,
                                "hash": event.hash}


def test_a_naive_time_is_refused(store: SQLStore) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        append_event(store, "run.finished", actor="me", payload={}, at=datetime(2026, 1, 1))
    assert verify_chain(store).events == 0


# -- tampering ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Tampering:
    change: Callable[[RawDB, list[AuditEvent]], None]
    first_bad_seq: int | None
    first_bad: int | str | None  # the original seq whose id is named, a literal id, or none
    problem: str


def _edit_and_rehash(seq: int) -> Callable[[RawDB, list[AuditEvent]], None]:
    def change(db: RawDB, _: list[AuditEvent]) -> None:
        db.execute("UPDATE audit_events SET payload_json = ? WHERE seq = ?", '{"n":0}', seq)
        db.rehash(seq)
    return change


def _swap_payloads(db: RawDB, _: list[AuditEvent]) -> None:
    two, seven = db.event(2)["payload_json"], db.event(7)["payload_json"]
    db.execute("UPDATE audit_events SET payload_json = ? WHERE seq = 2", seven)
    db.execute("UPDATE audit_events SET payload_json = ? WHERE seq = 7", two)


def _insert_between(correct_hash: bool) -> Callable[[RawDB, list[AuditEvent]], None]:
    def change(db: RawDB, events: list[AuditEvent]) -> None:
        db.move({seq: seq + 1 for seq in range(8, 4, -1)})
        db.forge(5, events[3].hash, correct_hash=correct_hash)
    return change


N = 8
TAMPERINGS = {
    "edit-payload": Tampering(
        lambda db, _: db.execute("UPDATE audit_events SET payload_json = ? WHERE seq = 4",
                                 '{"n":999,"note":"step 4"}'),
        4, 4, "event 4 ({id}): hash does not match its content (edited?)"),
    "edit-kind": Tampering(
        lambda db, _: db.execute("UPDATE audit_events SET kind = 'action.applied' WHERE seq = 2"),
        2, 2, "event 2 ({id}): hash does not match its content (edited?)"),
    "edit-actor": Tampering(
        lambda db, _: db.execute("UPDATE audit_events SET actor = 'someone' WHERE seq = 6"),
        6, 6, "event 6 ({id}): hash does not match its content (edited?)"),
    "edit-time": Tampering(
        lambda db, _: db.execute("UPDATE audit_events SET at = ? WHERE seq = 1",
                                 "2025-12-31T00:00:00.000000+00:00"),
        1, 1, "event 1 ({id}): hash does not match its content (edited?)"),
    "duplicate-key-payload": Tampering(  # opsctl reads the original, json_extract the forgery
        lambda db, _: db.execute("UPDATE audit_events SET payload_json = ? WHERE seq = 4",
                                 '{"n":999,"n":4,"note":"step 4"}'),
        4, 4, "event 4 ({id}): payload is not canonical JSON (duplicate key 'n') "
              "(edited?)"),
    "reformatted-payload": Tampering(
        lambda db, _: db.execute("UPDATE audit_events SET payload_json = ? WHERE seq = 4",
                                 '{"note": "step 4", "n": 4}'),
        4, 4, "event 4 ({id}): payload is not canonical JSON (its text differs from the "
              "canonical form) (edited?)"),
    "nan-payload": Tampering(
        lambda db, _: db.execute("UPDATE audit_events SET payload_json = ? WHERE seq = 4",
                                 '{"n":NaN,"note":"step 4"}'),
        4, 4, "event 4 ({id}): payload is not canonical JSON (NaN is not a JSON number (numbers must be finite)) "
              "(edited?)"),
    "edit-payload-into-garbage": Tampering(
        lambda db, _: db.execute("UPDATE audit_events SET payload_json = 'nope' WHERE seq = 3"),
        3, 3, "event 3 ({id}): payload is not a JSON object (edited?)"),
    "edit-hash": Tampering(
        lambda db, _: db.execute("UPDATE audit_events SET hash = ? WHERE seq = 5", "0" * 64),
        5, 5, "event 5 ({id}): hash does not match its content (edited?)"),
    "edit-prev-hash": Tampering(
        lambda db, events: db.execute("UPDATE audit_events SET prev_hash = ? WHERE seq = 3",
                                      events[0].hash),
        3, 3, "event 3 ({id}): prev_hash does not match event 2's hash (inserted or reordered?)"),
    "edit-and-rehash": Tampering(
        _edit_and_rehash(4),
        5, 5, "event 5 ({id}): prev_hash does not match event 4's hash (inserted or reordered?)"),
    "edit-and-rehash-the-first": Tampering(
        _edit_and_rehash(1),
        2, 2, "event 2 ({id}): prev_hash does not match event 1's hash (inserted or reordered?)"),
    "edit-and-rehash-the-newest": Tampering(
        _edit_and_rehash(N),
        N, N, f"event {N} ({{id}}): hash does not match the audit head's (edited and rehashed?)"),
    "swap-payloads": Tampering(
        _swap_payloads, 2, 2, "event 2 ({id}): hash does not match its content (edited?)"),
    "delete-a-middle-event": Tampering(
        lambda db, _: db.execute("DELETE FROM audit_events WHERE seq = 5"),
        6, 6, "event 6 ({id}): follows event 4 (event 5 missing: deleted?)"),
    "delete-two-middle-events": Tampering(
        lambda db, _: db.execute("DELETE FROM audit_events WHERE seq IN (3, 4)"),
        5, 5, "event 5 ({id}): follows event 2 (events 3..4 missing: deleted?)"),
    "delete-the-first-event": Tampering(
        lambda db, _: db.execute("DELETE FROM audit_events WHERE seq = 1"),
        2, 2, "event 2 ({id}): follows the start of the trail (event 1 missing: deleted?)"),
    "delete-the-newest-event": Tampering(
        lambda db, _: db.execute("DELETE FROM audit_events WHERE seq = ?", N),
        N, None, f"event {N} missing after event {N - 1} (truncated?)"),
    "delete-the-newest-three": Tampering(
        lambda db, _: db.execute("DELETE FROM audit_events WHERE seq > ?", N - 3),
        N - 2, None, f"events {N - 2}..{N} missing after event {N - 3} (truncated?)"),
    "delete-every-event": Tampering(
        lambda db, _: db.execute("DELETE FROM audit_events"),
        1, None, f"events 1..{N} missing after the start of the trail (truncated?)"),
    "insert-renumbered-with-a-wrong-hash": Tampering(
        _insert_between(correct_hash=False),
        5, "evt_forged", "event 5 (evt_forged): hash does not match its content (edited?)"),
    "insert-renumbered-with-a-correct-hash": Tampering(
        _insert_between(correct_hash=True),
        6, 5, "event 6 ({id}): prev_hash does not match event 5's hash (inserted or reordered?)"),
    "insert-before-the-first": Tampering(
        lambda db, _: db.forge(0, GENESIS_HASH),
        0, "evt_forged", "event 0 (evt_forged): sequence number 0 is out of order, 1 expected"),
    "append-past-the-head": Tampering(
        lambda db, events: db.forge(N + 1, events[-1].hash),
        N + 1, "evt_forged",
        f"event {N + 1} (evt_forged): lies beyond the audit head at event {N} "
        "(appended outside opsctl?)"),
    "rewind-the-head": Tampering(
        lambda db, events: db.execute("UPDATE audit_head SET seq = ?, hash = ?", N - 1,
                                      events[-2].hash),
        N, N, f"event {N} ({{id}}): lies beyond the audit head at event {N - 1}"),
    "delete-the-head": Tampering(
        lambda db, _: db.execute("DELETE FROM audit_head"),
        None, None, "the audit head record is missing (deleted?)"),
    "swap-two-events": Tampering(
        lambda db, _: db.move({3: 6, 6: 3}),
        3, 6, "event 3 ({id}): prev_hash does not match event 2's hash (inserted or reordered?)"),
    "swap-adjacent-events": Tampering(
        lambda db, _: db.move({4: 5, 5: 4}),
        4, 5, "event 4 ({id}): prev_hash does not match event 3's hash (inserted or reordered?)"),
}


@pytest.mark.parametrize("tampering", TAMPERINGS.values(), ids=TAMPERINGS.keys())
def test_direct_tampering_is_detected_and_the_first_bad_event_named(
        store: SQLStore, raw: RawDB, tampering: Tampering) -> None:
    events = record(store, N)
    assert verify_chain(store).ok

    tampering.change(raw, events)

    expected_id = (events[tampering.first_bad - 1].id if isinstance(tampering.first_bad, int)
                   else tampering.first_bad)
    for page in (1000, 3):  # the same answer whichever page boundary the break falls on
        report = verify_chain(store, page=page)
        assert not report.ok
        assert (report.first_bad_seq, report.first_bad_id) == (tampering.first_bad_seq, expected_id)
        assert report.problem is not None
        assert report.problem.startswith(tampering.problem.format(id=expected_id)), report.problem


@pytest.mark.parametrize("value", [float("nan"), float("inf")], ids=["nan", "infinity"])
def test_a_payload_that_is_not_json_is_refused_and_nothing_recorded(
        store: SQLStore, raw: RawDB, value: float) -> None:
    record(store, 2)

    with pytest.raises(CanonicalJSONError, match="NaN and Infinity are not JSON values"):
        append_event(store, "run.finished", actor="me", payload={"ratio": value})

    assert raw.rows("SELECT seq FROM audit_events ORDER BY seq") == [{"seq": 1}, {"seq": 2}]
    assert verify_chain(store).ok


def test_good_events_before_the_break_are_counted(store: SQLStore, raw: RawDB) -> None:
    events = record(store, N)
    raw.execute("DELETE FROM audit_events WHERE seq = 5")

    report = verify_chain(store)

    assert (report.events, report.head_hash) == (4, events[3].hash)


@pytest.mark.parametrize("deleted", [1, 3], ids=["the-head-event", "the-last-three"])
def test_appending_after_a_truncation_is_refused(store: SQLStore, raw: RawDB,
                                                 deleted: int) -> None:
    """Events deleted from the end while the head still names the last: new events chained
    onto the head would bury the gap in the middle of the trail, so nothing more is appended
    (the same fail-closed answer as to an event forged past the head)."""
    record(store, N)
    raw.execute("DELETE FROM audit_events WHERE seq > ?", N - deleted)
    missing = f"event {N}" if deleted == 1 else f"events {N - deleted + 1}..{N}"
    deleted_text = (f"event {N} was deleted from the end of the trail \\(truncated\\?\\); "
                    "nothing more is appended to the audit trail until it is restored"
                    if deleted == 1 else
                    f"{missing} were deleted from the end of the trail \\(truncated\\?\\); "
                    "nothing more is appended to the audit trail until they are restored")

    with pytest.raises(PlanRejectedError, match=f"the audit head names event {N}, which the "
                       f"trail no longer holds: {deleted_text}"):
        append_event(store, "run.finished", actor="me", payload={})

    assert raw.rows("SELECT MAX(seq) AS seq FROM audit_events") == [{"seq": N - deleted}]
    report = verify_chain(store)
    assert report.problem == f"{missing} missing after event {N - deleted} (truncated?)"


def test_appending_after_the_head_event_was_rehashed_is_refused(store: SQLStore,
                                                                raw: RawDB) -> None:
    record(store, N)
    raw.execute("UPDATE audit_events SET hash = ? WHERE seq = ?", "0" * 64, N)

    with pytest.raises(PlanRejectedError, match=f"audit event {N} \\(evt_[0-9a-f]+\\) at the "
                       "audit head does not have the hash the head recorded"):
        append_event(store, "run.finished", actor="me", payload={})

    assert raw.rows("SELECT MAX(seq) AS seq FROM audit_events") == [{"seq": N}]


def test_appending_after_an_event_forged_past_the_head_is_refused(store: SQLStore,
                                                                  raw: RawDB) -> None:
    events = record(store, N)
    raw.forge(N + 1, events[-1].hash)

    with pytest.raises(PlanRejectedError, match=f"audit event {N + 1} \\(evt_forged\\) lies "
                       f"beyond the audit head at event {N}: it was appended outside opsctl"):
        append_event(store, "run.finished", actor="me", payload={})

    assert [r["seq"] for r in raw.rows("SELECT seq FROM audit_events ORDER BY seq")] == \
        list(range(1, N + 2))
    assert raw.rows("SELECT seq FROM audit_head") == [{"seq": N}]


def test_appending_after_the_head_was_deleted_continues_the_chain(store: SQLStore,
                                                                   raw: RawDB) -> None:
    events = record(store, 3)
    raw.execute("DELETE FROM audit_head")

    later = append_event(store, "run.finished", actor="me", payload={})

    assert (later.seq, later.prev_hash) == (4, events[-1].hash)
    assert verify_chain(store) == ChainReport(True, 4, None, None, None, later.hash)


# -- concurrency, secrets, the journal ----------------------------------------------------
def test_concurrent_appenders_on_their_own_connections_build_one_chain(
        store_url: str, store: SQLStore) -> None:
    stop = threading.Event()

    def appender(worker: int) -> None:
        own = open_store(store_url)
        try:
            for i in range(50):
                append_event(own, "action.applied", actor=f"worker{worker}",
                             payload={"worker": worker, "i": i}, run_id=f"run_{worker}")
        finally:
            own.close()

    def verifier() -> list[ChainReport]:
        own = open_store(store_url)
        try:
            reports = []
            while not stop.is_set():
                reports.append(verify_chain(own, page=7))
            return reports
        finally:
            own.close()

    with ThreadPoolExecutor(max_workers=5) as pool:
        watching = pool.submit(verifier)
        try:
            for future in [pool.submit(appender, w) for w in range(4)]:
                future.result()
        finally:
            stop.set()
        during = watching.result()

    assert [r for r in during if not r.ok] == []
    assert verify_chain(store).ok
    events = list(iter_events(store))
    assert [e.seq for e in events] == list(range(1, 201))
    assert verify_chain(store) == ChainReport(True, 200, None, None, None, events[-1].hash)
    for worker in range(4):
        mine = [e.payload["i"] for e in events if e.actor == f"worker{worker}"]
        assert mine == list(range(50))  # each appender's events keep its own order


def test_a_registered_secret_never_reaches_a_stored_row(store_url: str, store: SQLStore,
                                                        raw: RawDB) -> None:
    append_event(store, "request.received", actor=f"svc:{CANARY}", run_id="run_1",
                 payload={"token": CANARY, "nested": {"list": [f"Bearer {CANARY}", 3]},
                          CANARY: "as a key", "error": RuntimeError(f"denied for {CANARY}"),
                          "when": datetime(2026, 1, 1, tzinfo=UTC)})
    append_event(store, "run.finished", actor="me", payload={"echo": CANARY})

    dump = raw.dump()
    assert CANARY not in dump
    assert "***" in dump
    if store_url.startswith("sqlite:///"):
        database = Path(store_url[len("sqlite:///"):])
        for path in (database, database.with_name(database.name + "-wal")):
            if path.exists():
                assert CANARY.encode() not in path.read_bytes(), path
    first = next(iter_events(store))
    assert first.payload == {"token": "***", "nested": {"list": ["Bearer ***", 3]},
                             "***": "as a key", "error": "denied for ***",
                             "when": "2026-01-01 00:00:00+00:00"}
    assert first.actor == "svc:***"
    assert verify_chain(store).ok


def test_an_append_commits_the_journal_records_still_deferred(store_url: str,
                                                              store: SQLStore) -> None:
    store.create_run({"id": "run_1", "automation": "a", "contract_version": "1.0.0",
                      "mode": "apply", "status": "running", "actor": "me", "request": {},
                      "runtime": {}, "started_at": "2026-01-01T00:00:00+00:00"})
    store.record_actions("run_1", [{"id": "x", "kind": "create", "target": "t"}])
    store.action_started("run_1", "x", "2026-01-01T00:00:01+00:00")
    store.action_finished("run_1", "x", status="applied", error=None,
                          at="2026-01-01T00:00:02+00:00", defer=True)

    append_event(store, "action.applied", actor="me", payload={"action": "x"}, run_id="run_1")

    other = open_store(store_url)
    try:
        assert [a.status for a in other.list_actions("run_1")] == ["applied"]
        assert [e.kind for e in iter_events(other)] == ["action.applied"]
    finally:
        other.close()


def test_approvals_allow_one_decision_per_plan_and_actor(raw: RawDB) -> None:
    insert = ("INSERT INTO approvals (id, plan_id, fingerprint, decision, actor, reason, "
              "created_at) VALUES (?, 'plan_1', 'sha256:0', ?, ?, 'ok', '2026-01-01T00:00:00')")
    raw.execute(insert, "apr_1", "approved", "alice")
    raw.execute(insert, "apr_2", "rejected", "bob")
    with pytest.raises(raw.integrity_error):
        raw.execute(insert, "apr_3", "rejected", "alice")
    with pytest.raises(raw.integrity_error):
        raw.execute(insert, "apr_4", "maybe", "carol")
    assert [r["actor"] for r in raw.rows("SELECT actor FROM approvals WHERE plan_id = 'plan_1' "
                                         "ORDER BY actor")] == ["alice", "bob"]


# -- canonical hashing --------------------------------------------------------------------
CONTENT: dict[str, object] = {
    "seq": 1, "id": "evt_0", "at": "2026-01-01T00:00:00.000000+00:00", "kind": "plan.created",
    "run_id": "run_1", "plan_id": None, "actor": "ops@example",
    "payload": {"b": [1, 2.5, None, True], "a": "ünïcode ✓"},
}


def test_the_canonical_form_is_sorted_compact_utf8() -> None:
    text = ('{"actor":"ops@example","at":"2026-01-01T00:00:00.000000+00:00","id":"evt_0",'
            '"kind":"plan.created","payload":{"a":"ünïcode ✓","b":[1,2.5,null,true]},'
            '"plan_id":null,"run_id":"run_1","seq":1}')
    assert canonical_json(CONTENT) == text
    expected = hashlib.sha256((GENESIS_HASH + text).encode("utf-8")).hexdigest()
    assert event_hash(GENESIS_HASH, CONTENT) == expected


def test_the_hash_of_a_fixed_event_never_changes() -> None:
    # Pinned: a different value means every recorded trail stops verifying.
    assert event_hash(GENESIS_HASH, CONTENT) == (
        "9505f9a21ac82d0e8920b0c69c8c73921c63e908b64d2600825f0dd5716c3047")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12)
PAYLOADS = st.dictionaries(st.text(), JSON_VALUES, max_size=6)


@given(payload=PAYLOADS, prev=st.text("0123456789abcdef", min_size=64, max_size=64))
def test_the_hash_survives_key_order_and_a_round_trip_through_stored_json(
        payload: dict[str, object], prev: str) -> None:
    content = {**CONTENT, "payload": payload}
    shuffled = dict(reversed(list({**content, "payload": dict(reversed(payload.items()))}.items())))
    stored = json.loads(json.dumps(payload, sort_keys=True, default=str))
    assert event_hash(prev, shuffled) == event_hash(prev, content)
    assert event_hash(prev, {**content, "payload": stored}) == event_hash(prev, content)


@given(field=st.sampled_from(sorted(CONTENT)), value=st.text(min_size=1))
def test_changing_any_covered_field_changes_the_hash(field: str, value: str) -> None:
    changed = {**CONTENT, field: value}
    if changed[field] != CONTENT[field]:
        assert event_hash(GENESIS_HASH, changed) != event_hash(GENESIS_HASH, CONTENT)
    assert event_hash("1" * 64, CONTENT) != event_hash(GENESIS_HASH, CONTENT)


@pytest.mark.parametrize("payload", [{}, {"b": [1, {"z": None}], "a": "é\u2028x"}, {"n": 1.5}],
                         ids=["empty", "nested-unicode", "float"])
def test_fast_content_text_is_the_canonical_json_of_the_content(payload: dict[str, object]) -> None:
    from opsctl.store.audit import _content_json, canonical_json

    content = {"seq": 7, "id": "evt_x", "at": "2026-01-01T00:00:00.000000+00:00",
               "kind": "kind.é", "run_id": None, "plan_id": "plan_1", "actor": "ålice",
               "payload": payload}
    assert _content_json(7, "evt_x", content["at"], "kind.é", None, "plan_1", "ålice",
                         canonical_json(payload)) == canonical_json(content)


@pytest.mark.parametrize("actor", ["alice", "github:octo cat", 'quo"te\\', "tab\tnew\nline", "é"])
def test_fast_content_text_escapes_what_json_escapes(actor: str) -> None:
    from opsctl.store.audit import _content_json, canonical_json

    content = {"seq": 1, "id": "evt_1", "at": "t", "kind": "k", "run_id": "run_1",
               "plan_id": None, "actor": actor, "payload": {}}
    assert _content_json(1, "evt_1", "t", "k", "run_1", None, actor, "{}") == \
        canonical_json(content)


@pytest.mark.parametrize("actor", ["ops@example", 'o"brien\\ü\n', "user\u2028x"])
def test_a_batch_of_events_hashes_each_as_its_content_says(store: SQLStore, actor: str) -> None:
    """Events appended together (their text built around a frame shared by a kind, actor,
    run and plan) hash as each event's own content does, escapes and masking included."""
    from opsctl.store.audit import NewEvent, append_events

    events = append_events(store, [
        NewEvent(kind, name, {"n": n, "note": f"{CANARY} ü"}, run_id, plan_id)
        for n, (kind, name, run_id, plan_id) in enumerate([
            ("action.applied", actor, "run_1", None), ("action.applied", actor, "run_1", None),
            ("action.failed", actor, "run_1", "plan_\"1"), ("action.applied", CANARY, None, None),
            ("action.applied", actor, "run_1", None)])])
    prev = GENESIS_HASH
    for event in events:
        assert event.prev_hash == prev
        assert event.hash == event_hash(prev, event.content())
        prev = event.hash
    assert events[3].actor == "***" and CANARY not in repr([e.payload for e in events])
    assert verify_chain(store).ok


def test_event_ids_are_unique_and_follow_the_order_of_appends(store: SQLStore) -> None:
    """Ids keep their form (evt_ and 32 hex digits), never repeat, and sort as the events
    were appended within an append (the id index grows at its end)."""
    import re

    from opsctl.store.audit import NewEvent, append_events, append_stream

    first = append_events(store, [NewEvent("action.applied", "ops", {"n": n}) for n in range(300)])
    append_stream(store, (NewEvent("action.applied", "ops", {"n": n}) for n in range(2500)))
    ids = [event.id for event in iter_events(store)]
    assert len(ids) == len(set(ids)) == 2800
    assert all(re.fullmatch(r"evt_[0-9a-f]{32}", i) for i in ids)
    assert [e.id for e in first] == sorted(e.id for e in first)
    assert ids[300:1300] == sorted(ids[300:1300])
    assert verify_chain(store).ok
