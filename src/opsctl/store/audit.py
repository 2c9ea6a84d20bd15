"""The audit trail: append-only events linked by a SHA-256 hash chain.

Each event carries a gap-free sequence number and ``hash = sha256(prev_hash + canonical JSON of
its content)``, where the content is ``{seq, id, at, kind, run_id, plan_id, actor, payload}`` and
the first event's ``prev_hash`` is :data:`GENESIS_HASH`. The single-row ``audit_head`` table holds
the newest (seq, hash) and moves in the same transaction as each append, so deleting the newest
events is as visible as editing, deleting, inserting or reordering any other.

Anyone who can write the database *and* recompute hashes can rewrite the whole trail, head
included; publishing :attr:`ChainReport.head_hash` somewhere else (a ticket, a log sink) anchors
everything up to it.

Payloads are redacted with the store's redactor before they are hashed, so the stored row and
its hash agree and no registered secret is ever written. A payload is stored as its canonical
JSON text (:mod:`opsctl.contract.canonical`) and the hash covers that text byte for byte:
:func:`verify_chain` hashes the stored text itself, without parsing or serialising it again, so
any edit of a payload breaks the chain. Readers that act on events (:func:`plan_events`) also
refuse a payload that is not the canonical text of its own parse (a duplicate key, say, which
SQL's ``json_extract`` and a JSON reader could resolve differently from opsctl), and so does
:func:`verify_chain` when it names what is wrong with an event whose hash does not match. (A
non-canonical payload whose hash matches can only come from someone who recomputed the hashes
from it to the head, which only an anchor, a published head or a checkpoint, can reveal.)

A verify that passed can be recorded as a checkpoint, its (seq, hash) in ``audit_checkpoints``
(:func:`record_checkpoint`); ``verify_chain(store, since=SEQ)`` then starts from the newest
checkpoint at or before SEQ instead of event 1. The events up to the checkpoint are not
re-examined: a checkpoint in the same database guards against accidental corruption and against
edits made after it, not against someone who rewrites the trail *and* its checkpoints; compare
the start hash it reports with a head you published. A full verify also checks every checkpoint
against the event it names, so a rehashed trail that forgot its checkpoints is caught.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

from opsctl.contract.canonical import (
    CanonicalJSONError,
    InvalidJSONError,
    canonical_json,
    parse_json,
)
from opsctl.errors import PlanRejectedError, UsageError
from opsctl.store.sql import SQLStore

__all__ = ["GENESIS_HASH", "AuditEvent", "ChainReport", "NewEvent", "append_event",
           "append_events", "append_in_transaction", "append_stream", "canonical_json",
           "check_appendable", "event_hash",
           "events_of_kinds", "iter_events", "plan_events", "verify_chain"]

_PLAIN = re.compile(r"[A-Za-z0-9_.:+@/ -]*")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # as canonical_json refuses
GENESIS_HASH = "0" * 64
"""The ``prev_hash`` of event 1 (and the head of an empty trail)."""

# Serialises appenders on PostgreSQL; SQLite's BEGIN IMMEDIATE already admits one writer.
_APPEND_LOCK_KEY = 7270112
_COLUMNS = "seq, id, at, kind, run_id, plan_id, actor, payload_json, prev_hash, hash"
_NAMES = tuple(name.strip() for name in _COLUMNS.split(","))


@dataclass(frozen=True)
class AuditEvent:
    """One recorded event, as stored."""

    seq: int
    id: str
    at: str
    kind: str
    run_id: str | None
    plan_id: str | None
    actor: str
    payload: dict[str, object]
    prev_hash: str
    hash: str

    def content(self) -> dict[str, object]:
        """The fields the hash covers."""
        return {"seq": self.seq, "id": self.id, "at": self.at, "kind": self.kind,
                "run_id": self.run_id, "plan_id": self.plan_id, "actor": self.actor,
                "payload": self.payload}

    def to_dict(self) -> dict[str, object]:
        return {**self.content(), "prev_hash": self.prev_hash, "hash": self.hash}


@dataclass(frozen=True)
class ChainReport:
    """The outcome of :func:`verify_chain`.

    ``events`` counts the events verified good, up to the first bad one. ``head_hash`` is the
    hash of the newest good event (None for an empty trail): when ``ok``, the value to anchor.
    ``mismatches`` lists rows of other tables that disagree with the events recorded with them
    (filled by ``opsctl audit verify`` once the chain itself is intact). ``from_seq`` and
    ``from_hash`` are where the walk started: event 0 and the genesis hash, or a checkpoint.
    """

    ok: bool
    events: int
    first_bad_seq: int | None
    first_bad_id: str | None
    problem: str | None
    head_hash: str | None
    mismatches: tuple[str, ...] = ()
    from_seq: int = 0
    from_hash: str = GENESIS_HASH
    warnings: tuple[str, ...] = ()
    """Checks that could not be made (saved plans with no key to check them with)."""

    def to_dict(self) -> dict[str, object]:
        return {**asdict(self), "mismatches": list(self.mismatches),
                "warnings": list(self.warnings)}


def event_hash(prev_hash: str, content: Mapping[str, object]) -> str:
    """``sha256(prev_hash + canonical JSON of content)``, as 64 hex digits."""
    text = prev_hash + canonical_json(dict(content))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _json_text(value: str | None) -> str:
    """``value`` as canonical JSON writes it (``null`` for None), without the encoder for the
    usual ids, times and kinds, which JSON writes as they are."""
    if value is None:
        return "null"
    if _PLAIN.fullmatch(value):
        return f'"{value}"'
    return canonical_json(value)


def _content_json(seq: int, event_id: str, at: str, kind: str, run_id: str | None,
                  plan_id: str | None, actor: str, payload_json: str) -> str:
    """``canonical_json(event.content())``, built around the already canonical payload text
    (keys in sorted order) instead of parsing and serialising the payload again."""
    if _PLAIN.fullmatch(f"{actor}{at}{event_id}{kind}{run_id or ''}{plan_id or ''}"):
        # ids, times, kinds: nothing JSON would escape (the common case, one regex per event)
        run = "null" if run_id is None else f'"{run_id}"'
        plan = "null" if plan_id is None else f'"{plan_id}"'
        return (f'{{"actor":"{actor}","at":"{at}","id":"{event_id}","kind":"{kind}",'
                f'"payload":{payload_json},"plan_id":{plan},"run_id":{run},"seq":{seq}}}')

    return (f'{{"actor":{_json_text(actor)},"at":{_json_text(at)},"id":{_json_text(event_id)},'
            f'"kind":{_json_text(kind)},"payload":{payload_json},"plan_id":{_json_text(plan_id)},'
            f'"run_id":{_json_text(run_id)},'
            f'"seq":{seq}}}')


def _content_frame(at: str, kind: str, run_id: str | None, plan_id: str | None,
                   actor: str) -> tuple[str, str, str]:
    """:func:`_content_json`'s text around an event's id, payload and seq, for an id of the
    form ``evt_`` + hex digits (JSON writes it as it is): the text is ``frame[0] + id +
    frame[1] + payload + frame[2] + seq + "}"``. The same for every event of a kind, actor,
    run and plan in one append, so it is built once for them."""

    return (f'{{"actor":{_json_text(actor)},"at":{_json_text(at)},"id":"',
            f'","kind":{_json_text(kind)},"payload":',
            f',"plan_id":{_json_text(plan_id)},"run_id":{_json_text(run_id)},"seq":')


class _Head(NamedTuple):
    seq: int
    hash: str


class Checkpoint(NamedTuple):
    """A (seq, hash) of the chain recorded after a verify that passed."""

    seq: int
    hash: str


_GENESIS_HEAD = _Head(0, GENESIS_HASH)


# -- appending ----------------------------------------------------------------------------
class NewEvent(NamedTuple):
    """An event to append: what happened, who did it, and what it concerns.

    A named tuple: a run makes one per action, and a frozen dataclass costs ten times as
    much to build (bench/journal.py)."""

    kind: str
    actor: str
    payload: Mapping[str, object]
    run_id: str | None = None
    plan_id: str | None = None
    text: str | None = None
    """The payload's canonical JSON text, when its maker wrote it (one per action); used
    only while no secret is registered, else the payload is masked and written as ever."""


def append_event(store: SQLStore, kind: str, *, actor: str, payload: Mapping[str, object],
                 run_id: str | None = None, plan_id: str | None = None,
                 at: datetime | None = None) -> AuditEvent:
    """Record one event at the end of the chain, in one transaction, and return it.

    ``at`` defaults to the time the append lock is held, so timestamps follow ``seq``; it is
    stored in UTC with microseconds, so timestamps sort as text.
    """
    with store.transaction():
        [event] = append_in_transaction(
            store, [NewEvent(kind, actor, payload, run_id, plan_id)], at=at)
    return event


def append_events(store: SQLStore, events: Sequence[NewEvent]) -> list[AuditEvent]:
    """Record several events in order, in one transaction (one commit for a batch)."""
    if not events:
        return []
    with store.transaction():
        return append_in_transaction(store, events)


def check_appendable(store: SQLStore) -> None:
    """Refuse (:class:`PlanRejectedError`, exit 3) as the next append would, appending
    nothing: for work whose effect outside the store (a plan file) must not happen when
    its events cannot be recorded."""
    with store.transaction(deferred=False):
        _locked_head(store)


def append_stream(store: SQLStore, events: Iterable[NewEvent], *,
                  with_journal: bool = True) -> int:
    """Record events in order, in one transaction, without keeping them: a run's one event
    per action (a million of them) is hashed and inserted ``_STREAM_CHUNK`` at a time, and
    nothing of an event outlives its chunk. Returns how many were appended. Without
    ``with_journal`` the transaction leaves the journal's deferred records to their own."""
    count = 0
    head: _Head | None = None
    with store.transaction(deferred=with_journal):
        chunk: list[NewEvent] = []
        for new in events:
            chunk.append(new)
            if len(chunk) == _STREAM_CHUNK:
                head = _append_rows(store, chunk, None, head, None)
                count += len(chunk)
                chunk = []
        if chunk:
            _append_rows(store, chunk, None, head, None)
            count += len(chunk)
    return count


def append_in_transaction(store: SQLStore, events: Sequence[NewEvent], *,
                          at: datetime | None = None) -> list[AuditEvent]:
    """Append inside the caller's open transaction, so an event commits with what it records
    (an approval row, a broken lease) or not at all."""
    appended: list[AuditEvent] = []
    _append_rows(store, events, at, None, appended)
    return appended


_STREAM_CHUNK = 1000


def _append_rows(store: SQLStore, events: Sequence[NewEvent], at: datetime | None,
                 head: _Head | None, appended: list[AuditEvent] | None) -> _Head:
    """Hash ``events`` onto the chain after ``head`` (None: read it, checking nothing lies
    beyond it) in one loop and insert them with one executemany; the new head. ``appended``,
    when given, receives each event as stored (its payload parsed back from the stored text)."""
    for new in events:
        if not new.kind:
            raise ValueError("an audit event needs a kind")
    if at is not None and at.utcoffset() is None:
        raise ValueError("an audit event's time must be timezone-aware")
    stored = _payload_encoder(store)
    if store.redactor:
        payloads = [stored(new.payload) for new in events]
    else:
        payloads = [stored(new.payload) if new.text is None else new.text for new in events]
    if head is None:
        head = _locked_head(store)
    stamp = (at or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="microseconds")
    inserted: list[tuple[object, ...]] = []
    seq, prev = head.seq, head.hash
    # Unique and in time order: the clock's milliseconds, 48 random bits for this append and
    # the event's place in it, 32 hex digits as ever. A random id per event put each new row
    # of the id index on a page of its own: appending a long run's events (100,000 actions)
    # dirtied most of the index, a third of their cost (bench/journal.py).
    ids = f"{time.time_ns() // 1_000_000:012x}{os.urandom(6).hex()}"
    redact_text = store.redactor.redact_text
    # (kind, actor as given, run, plan) -> (the actor as stored, its _content_frame)
    frames: dict[tuple[str, str, str | None, str | None], tuple[str, tuple[str, str, str]]] = {}
    sha256 = hashlib.sha256
    for i, (new, payload_json) in enumerate(zip(events, payloads, strict=True)):
        seq += 1
        event_id = f"evt_{ids}{i:08x}"
        key = (new.kind, new.actor, new.run_id, new.plan_id)
        known = frames.get(key)
        if known is None:
            masked = redact_text(new.actor)
            known = frames[key] = (masked, _content_frame(stamp, new.kind, new.run_id,
                                                          new.plan_id, masked))
        actor, (before_id, before_payload, before_seq) = known
        digest = sha256(f"{prev}{before_id}{event_id}{before_payload}{payload_json}{before_seq}"
                        f"{seq}}}".encode()).hexdigest()
        inserted.append((seq, event_id, stamp, new.kind, new.run_id, new.plan_id, actor,
                         payload_json, prev, digest))
        if appended is not None:
            appended.append(AuditEvent(seq=seq, id=event_id, at=stamp, kind=new.kind,
                                       run_id=new.run_id, plan_id=new.plan_id, actor=actor,
                                       payload=_parse_payload(payload_json) or {},
                                       prev_hash=prev, hash=digest))
        prev = digest
    if inserted:
        statement = store._sql(f"INSERT INTO audit_events ({_COLUMNS}) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        if store.dialect == "postgresql":
            with store._conn.cursor() as cur:
                cur.executemany(statement, inserted)
        else:
            store._conn.executemany(statement, inserted)
        store._execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", (seq, prev))
    return _Head(seq, prev)


def _locked_head(store: SQLStore) -> _Head:
    """The chain's head, read under the append lock (PostgreSQL; SQLite's BEGIN IMMEDIATE
    already admits one writer); refuses to append after an event that lies beyond it."""
    if store.dialect == "postgresql":
        store._execute(f"SELECT pg_advisory_xact_lock({_APPEND_LOCK_KEY})")
    head = _read_head(store)
    if head is None:  # the head row was deleted: continue from the newest event instead
        rows = store._rows("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
        head = _Head(int(rows[0]["seq"]), str(rows[0]["hash"])) if rows else _GENESIS_HEAD
        store._execute("INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)", head)
    # The head's own event, and any event past it (not only the next one: a forged event
    # left a gap before it would otherwise be overwritten by the chain growing into it).
    rows = store._rows("SELECT seq, id, hash FROM audit_events WHERE seq >= ? ORDER BY seq "
                       "LIMIT 2", (head.seq,))
    if head.seq and not (rows and int(rows[0]["seq"]) == head.seq):
        # the head names an event the trail no longer holds: its end was deleted, and new
        # events chained onto the head would hide the gap
        last = store._rows("SELECT MAX(seq) AS seq FROM audit_events WHERE seq < ?",
                           (head.seq,))[0]["seq"]
        first = int(last or 0) + 1
        missing, restored = ((f"event {head.seq} was", "it is") if first == head.seq
                             else (f"events {first}..{head.seq} were", "they are"))
        raise PlanRejectedError(
            f"the audit head names event {head.seq}, which the trail no longer holds: "
            f"{missing} deleted from the end of the trail (truncated?); nothing more is "
            f"appended to the audit trail until {restored} restored (run `opsctl audit verify`)",
            reason="tampered", step=None)
    if head.seq and str(rows[0]["hash"]) != head.hash:
        raise PlanRejectedError(
            f"audit event {head.seq} ({rows[0]['id']}) at the audit head does not have the "
            "hash the head recorded: it was edited outside opsctl, and nothing more is "
            "appended to the audit trail until it is restored (run `opsctl audit verify`)",
            reason="tampered", step=None)
    beyond = [row for row in rows if int(row["seq"]) > head.seq]
    if beyond:  # fail closed: continuing from it would launder it into the chain
        raise PlanRejectedError(
            f"audit event {beyond[0]['seq']} ({beyond[0]['id']}) lies beyond the audit head at "
            f"event {head.seq}: it was appended outside opsctl, and nothing more is appended "
            "to the audit trail until it is removed (run `opsctl audit verify`)",
            reason="tampered", step=None)
    # A verify recorded a checkpoint at an event the trail no longer reaches: its end was
    # deleted (and the head moved back, or rebuilt above). Appending would fill the gap with
    # new events and hide it; and a saved plan whose claim was deleted would apply again.
    checkpoint = _checkpoint_beyond(store, head.seq)
    if checkpoint is not None:
        raise PlanRejectedError(
            f"{checkpoint}: nothing more is appended to the audit trail until the missing "
            "events are restored (run `opsctl audit verify`)", reason="tampered", step=None)
    return head


def _checkpoint_beyond(store: SQLStore, seq: int) -> str | None:
    """What is wrong when a checkpoint names an event beyond event ``seq`` (the head): events
    from there on were deleted; None when no checkpoint lies beyond it."""
    rows = store._rows("SELECT seq FROM audit_checkpoints WHERE seq > ? ORDER BY seq DESC "
                       "LIMIT 1", (seq,))
    if not rows:
        return None
    last = int(rows[0]["seq"])
    missing = (f"event {seq + 1} was" if last == seq + 1
               else f"events {seq + 1}..{last} were")
    return (f"a checkpoint recorded by an earlier verify names event {last}, beyond the audit "
            f"head at event {seq}: {missing} deleted from the end of the trail "
            "(truncated?)")


def _payload_encoder(store: SQLStore) -> Callable[[Mapping[str, object]], str]:
    """:func:`_stored_payload` for a batch of events: the same text, with one C encoder built
    for the batch (``json.dumps`` builds one per call: two thirds of a small payload's cost,
    bench/journal.py). A payload it cannot encode goes through :func:`_stored_payload`, which
    raises the same error as ever."""
    from json import encoder as json_encoder

    make: Any = getattr(json_encoder, "c_make_encoder", None)  # CPython's, not in typeshed
    if make is None:
        return lambda payload: _stored_payload(store, payload)
    redactor = store.redactor

    def default(value: object) -> str:
        return redactor.redact_text(str(value))

    def build() -> Any:
        # canonical_json's json.dumps: sort_keys, separators (",", ":"), no ASCII escaping,
        # allow_nan=False; cycles checked (the markers dict)
        return make({}, default, json_encoder.encode_basestring, None, ":", ",", True, False,
                    False)

    encode = build()

    def stored(payload: Mapping[str, object]) -> str:
        nonlocal encode
        value = redactor.redact(dict(payload)) if redactor else (
            payload if type(payload) is dict else dict(payload))
        try:
            text = "".join(encode(value, 0))
        except Exception:
            encode = build()  # its markers may hold what the failed call left
            return _stored_payload(store, payload)
        if not text.isascii() and _LONE_SURROGATE.search(text):
            return _stored_payload(store, payload)  # refused there, with the reason
        return text

    return stored


def _stored_payload(store: SQLStore, payload: Mapping[str, object]) -> str:
    """The canonical, redacted JSON text of a payload, in one pass.

    Values that are not JSON types (an exception, a URL object) become ``str()`` and are
    redacted as text too, so a secret inside one is masked like any other.
    """
    redactor = store.redactor
    return canonical_json(redactor.redact(dict(payload)),
                          default=lambda value: redactor.redact_text(str(value)))


# -- reading ------------------------------------------------------------------------------
def iter_events(store: SQLStore, *, since_seq: int = 0, run_id: str | None = None,
                page: int = 1000) -> Iterator[AuditEvent]:
    """Events with ``seq > since_seq`` (of one run, if given) in order, ``page`` rows a query."""
    after = since_seq
    while True:
        where = "seq > ?"
        params: list[object] = [after]
        if run_id is not None:
            where += " AND run_id = ?"
            params.append(run_id)
        rows = store._rows(f"SELECT {_COLUMNS} FROM audit_events WHERE {where} ORDER BY seq LIMIT ?",
                           [*params, page])
        for row in rows:
            yield _event_from_row(row)
        if len(rows) < page:
            return
        after = int(rows[-1]["seq"])


def plan_events(store: SQLStore, plan_id: str, kinds: Sequence[str]) -> list[AuditEvent]:
    """The events of ``kinds`` about ``plan_id``, in order, each checked to belong to the chain.

    An event that does not match its hash, is not linked to the event before it, or lies
    beyond the audit head was not appended by opsctl: :class:`PlanRejectedError` (exit 3)
    names it, so a row forged together with a forged event is not honoured.
    """
    marks = ", ".join("?" for _ in kinds)
    rows = store._rows(f"SELECT {_COLUMNS} FROM audit_events WHERE plan_id = ? "
                       f"AND kind IN ({marks}) ORDER BY seq", [plan_id, *kinds])
    head = _read_head(store) if rows else None
    for row in rows:
        problem = _unchained(store, row, head)
        if problem is not None:
            raise PlanRejectedError(
                f"audit event {row['seq']} ({row['id']}, {row['kind']} of plan {plan_id}) "
                f"{problem}; run `opsctl audit verify`", reason="tampered", step="gate")
    return [_event_from_row(row) for row in rows]


def events_of_kinds(store: SQLStore, kinds: Sequence[str]) -> list[AuditEvent]:
    """Every event of ``kinds``, in order (for cross-checks after :func:`verify_chain`)."""
    marks = ", ".join("?" for _ in kinds)
    return [_event_from_row(row) for row in store._rows(
        f"SELECT {_COLUMNS} FROM audit_events WHERE kind IN ({marks}) ORDER BY seq", kinds)]


def _unchained(store: SQLStore, row: Mapping[str, Any], head: _Head | None) -> str | None:
    """Why one stored event is not part of the chain, checked locally (not a full walk)."""
    if _payload_problem(row["payload_json"]) is not None or _stored_hash(row) != row["hash"]:
        return "does not match its hash (forged or edited?)"
    seq = int(row["seq"])
    if head is None or seq > head.seq:
        return "lies beyond the audit head (appended outside opsctl?)"
    before = store._rows("SELECT hash FROM audit_events WHERE seq = ?", (seq - 1,))
    expected = GENESIS_HASH if seq == 1 else (str(before[0]["hash"]) if before else None)
    if row["prev_hash"] != expected:
        return "is not linked to the event before it (inserted?)"
    return None


def _event_from_row(row: Mapping[str, Any]) -> AuditEvent:
    payload = _parse_payload(row["payload_json"])
    return AuditEvent(seq=int(row["seq"]), id=row["id"], at=row["at"], kind=row["kind"],
                      run_id=row["run_id"], plan_id=row["plan_id"], actor=row["actor"],
                      payload=payload if payload is not None else {},
                      prev_hash=row["prev_hash"], hash=row["hash"])


def _parse_payload(raw: object) -> dict[str, object] | None:
    try:
        value = parse_json(raw) if isinstance(raw, str) else None
    except CanonicalJSONError:
        return None
    return value if isinstance(value, dict) else None


def _payload_problem(raw: object) -> str | None:
    """Why a stored payload text is not the canonical JSON text of an object, or None."""
    try:
        value = parse_json(raw) if isinstance(raw, str) else None
    except InvalidJSONError:
        value = None
    except CanonicalJSONError as exc:  # a duplicate key, NaN: JSON readers disagree on it
        return f"payload is not canonical JSON ({exc})"
    if not isinstance(value, dict):
        return "payload is not a JSON object"
    assert isinstance(raw, str)
    if canonical_json(value) != raw:
        return "payload is not canonical JSON (its text differs from the canonical form)"
    return None


def _stored_hash(row: Mapping[str, Any]) -> str:
    """The hash of a stored event, computed over its stored text (the payload byte for byte)."""
    text = _content_json(int(row["seq"]), str(row["id"]), str(row["at"]), str(row["kind"]),
                         row["run_id"], row["plan_id"], str(row["actor"]), str(row["payload_json"]))
    return hashlib.sha256((str(row["prev_hash"]) + text).encode("utf-8")).hexdigest()


def _read_head(store: SQLStore) -> _Head | None:
    rows = store._rows("SELECT seq, hash FROM audit_head WHERE id = 1")
    return _Head(int(rows[0]["seq"]), str(rows[0]["hash"])) if rows else None


# -- verifying ----------------------------------------------------------------------------
class _Chain:
    """Checks events handed to it in seq order; remembers the newest good one."""

    def __init__(self, seq: int = 0, start_hash: str = GENESIS_HASH) -> None:
        self.seq = seq
        self.id: str | None = None
        self.hash = start_hash
        self.count = 0

    def accept(self, row: tuple[Any, ...]) -> bool:
        """Take one raw row if it is the next good event; False (nothing taken) otherwise.

        The fast path of the walk: a tuple, one regex and one SHA-256 over the stored text, no
        JSON parsing (the stored payload text is what was hashed). :meth:`refusal` says what is
        wrong with a row this refuses.
        """
        seq, event_id, at, kind, run_id, plan_id, actor, payload, prev_hash, digest = row
        if seq != self.seq + 1 or prev_hash != self.hash or type(payload) is not str:
            return False
        try:
            data = (prev_hash + _content_json(seq, event_id, at, kind, run_id, plan_id, actor,
                                              payload)).encode("utf-8")
        except (UnicodeEncodeError, TypeError, CanonicalJSONError):
            return False
        if _sha256(data).hexdigest() != digest:
            return False
        self.seq, self.id, self.hash = seq, event_id, digest
        self.count += 1
        return True

    def refusal(self, row: tuple[Any, ...]) -> str:
        """Why :meth:`accept` refused ``row``, in the words of :meth:`problem_with`."""
        named = dict(zip(_NAMES, row, strict=True))
        try:
            problem = self.problem_with(named)
        except (UnicodeEncodeError, CanonicalJSONError) as exc:
            problem = f"event {row[0]} ({row[1]}): payload is not canonical JSON ({exc}) (edited?)"
        return problem or f"event {row[0]} ({row[1]}): hash does not match its content (edited?)"

    def problem_with(self, row: Mapping[str, Any]) -> str | None:
        seq, name = int(row["seq"]), f"event {row['seq']} ({row['id']})"
        expected = self.seq + 1
        if seq > expected:
            missing = (f"event {expected}" if seq == expected + 1
                       else f"events {expected}..{seq - 1}")
            after = f"event {self.seq}" if self.seq else "the start of the trail"
            return f"{name}: follows {after} ({missing} missing: deleted?)"
        if seq < expected:
            return f"{name}: sequence number {seq} is out of order, {expected} expected (inserted?)"
        if row["prev_hash"] != self.hash:
            previous = f"event {self.seq}'s hash" if self.seq else "the genesis hash"
            return f"{name}: prev_hash does not match {previous} (inserted or reordered?)"
        problem = _payload_problem(row["payload_json"])
        if problem is not None:
            return f"{name}: {problem} (edited?)"
        if _stored_hash(row) != row["hash"]:
            return f"{name}: hash does not match its content (edited?)"
        self.seq, self.id, self.hash = seq, str(row["id"]), str(row["hash"])
        self.count += 1
        return None


def verify_chain(store: SQLStore, *, page: int = 5000, since: int | None = None) -> ChainReport:
    """Recompute the chain from event 1 to the head, ``page`` events a query; name the first break.

    ``since``: start instead from the newest checkpoint at or before event ``since``
    (:func:`record_checkpoint`), after checking that the event it names still has its hash;
    with no such checkpoint the walk starts from event 1. A ``since`` beyond the head is a
    UsageError (exit 2).

    Safe while events are appended: the walk follows the head as it moves, and an event past
    the head is reported only if the head, read after the event was seen, still lies behind
    it (an append moves both in one transaction).
    """
    head = _read_head(store)
    start = _GENESIS_HEAD
    if since is not None:
        if since < 0 or (head is not None and since > head.seq):
            last = head.seq if head else 0
            raise UsageError(f"--since {since}: the audit trail's head is event {last}; give an "
                             f"event number up to {last} (the walk starts at the newest "
                             "checkpoint at or before it)", step="validate")
        found = store._rows("SELECT seq, hash FROM audit_checkpoints WHERE seq <= ? "
                            "ORDER BY seq DESC LIMIT 1", (since,))
        if found:
            start = _Head(int(found[0]["seq"]), str(found[0]["hash"]))
    chain = _Chain(start.seq, start.hash)

    def bad(seq: int | None, event_id: str | None, problem: str) -> ChainReport:
        return ChainReport(False, chain.count, seq, event_id, problem,
                           chain.hash if chain.seq else None, from_seq=start.seq,
                           from_hash=start.hash)

    if start.seq:
        anchor = store._rows("SELECT id, hash FROM audit_events WHERE seq = ?", (start.seq,))
        if not anchor or anchor[0]["hash"] != start.hash:
            what = "has a hash other than" if anchor else "is missing, unlike"
            return bad(start.seq, str(anchor[0]["id"]) if anchor else None,
                       f"event {start.seq} {what} the checkpoint's {start.hash} "
                       "(edited or deleted before the checkpoint?)")
    # the first walk from event 1 has no lower bound: it sees a forged seq <= 0 too
    lower: int | None = start.seq if start.seq else None
    while True:
        for row in _raw_rows_between(store, lower, head.seq if head else None, page):
            if not chain.accept(row):
                return bad(int(row[0]), str(row[1]), chain.refusal(row))
        lower = chain.seq
        if head is None:
            return bad(None, None, "the audit head record is missing (deleted?)")
        if chain.seq < head.seq:
            first = chain.seq + 1
            missing = f"event {first}" if first == head.seq else f"events {first}..{head.seq}"
            after = f"event {chain.seq}" if chain.seq else "the start of the trail"
            return bad(first, None, f"{missing} missing after {after} (truncated?)")
        if chain.hash != head.hash and not chain.seq:
            return bad(None, None, "the audit head of an empty trail is not the genesis hash "
                       "(events deleted?)")
        if chain.hash != head.hash:
            return bad(chain.seq, chain.id, f"event {chain.seq} ({chain.id}): hash does not match "
                       "the audit head's (edited and rehashed?)")
        beyond = store._rows("SELECT seq, id FROM audit_events WHERE seq > ? ORDER BY seq LIMIT 1",
                             (head.seq,))
        if not beyond:
            moved = _moved_checkpoint(store, start.seq, chain.seq)
            if moved is not None:
                return bad(*moved)
            truncated = _checkpoint_beyond(store, chain.seq)
            if truncated is not None:
                return bad(chain.seq + 1, None, truncated)
            return ChainReport(True, chain.count, None, None, None,
                               chain.hash if chain.seq else None, from_seq=start.seq,
                               from_hash=start.hash)
        newer = _read_head(store)
        if newer is None or newer.seq < int(beyond[0]["seq"]):
            return bad(int(beyond[0]["seq"]), str(beyond[0]["id"]),
                       f"event {beyond[0]['seq']} ({beyond[0]['id']}): lies beyond the audit head "
                       f"at event {head.seq} (appended outside opsctl?)")
        head = newer


_sha256 = hashlib.sha256


def _moved_checkpoint(store: SQLStore, lower: int,
                      upper: int) -> tuple[int, str | None, str] | None:
    """The first checkpoint in (lower, upper] whose event now has another hash: the trail was
    rewritten and rehashed after the checkpoint was recorded."""
    rows = store._rows("SELECT c.seq AS seq, c.hash AS checkpoint, e.id AS id "
                       "FROM audit_checkpoints c LEFT JOIN audit_events e ON e.seq = c.seq "
                       "WHERE c.seq > ? AND c.seq <= ? AND (e.hash IS NULL OR e.hash <> c.hash) "
                       "ORDER BY c.seq LIMIT 1", (lower, upper))
    if not rows:
        return None
    seq, event_id = int(rows[0]["seq"]), rows[0]["id"]
    return (seq, event_id, f"event {seq} ({event_id}): hash is not the one checkpointed by an "
                           f"earlier verify ({rows[0]['checkpoint']}): rewritten and rehashed?")


def record_checkpoint(store: SQLStore, report: ChainReport, *, actor: str) -> Checkpoint | None:
    """Record the head of a verify that passed (``report``) as a checkpoint; None if there is
    nothing to record (a failed verify, mismatched rows, an empty trail)."""
    if not report.ok or report.mismatches or report.head_hash is None:
        return None
    seq = report.from_seq + report.events
    with store.transaction():
        store._execute("INSERT INTO audit_checkpoints (seq, hash, actor, recorded_at) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING",
                       (seq, report.head_hash, store.redactor.redact_text(actor),
                        datetime.now(UTC).isoformat(timespec="microseconds")))
    return Checkpoint(seq, report.head_hash)


def checkpoint_refused(store: SQLStore) -> str | None:
    """Why the store's role cannot record a checkpoint, asked before trying: a PostgreSQL role
    that may only read the trail (an auditor's), or whose transactions are read-only (a
    standby, ``default_transaction_read_only``). None when it can."""
    if store.dialect != "postgresql":
        return None
    [row] = store._rows("SELECT current_setting('transaction_read_only') AS read_only, "
                        "has_table_privilege('audit_checkpoints', 'INSERT') AS may_insert")
    if row["read_only"] == "on":
        return "the store's role runs read-only transactions"
    if not row["may_insert"]:
        return "the store's role may not insert into audit_checkpoints"
    return None


def _raw_rows_between(store: SQLStore, lower: int | None, upper: int | None,
                      page: int) -> Iterator[tuple[Any, ...]]:
    """Rows (tuples in :data:`_COLUMNS` order) with lower < seq <= upper, in seq order."""
    while True:
        where: list[str] = []
        params: list[int] = []
        if lower is not None:
            where.append("seq > ?")
            params.append(lower)
        if upper is not None:
            where.append("seq <= ?")
            params.append(upper)
        clause = f"WHERE {' AND '.join(where)} " if where else ""
        with store._lock, store._driver_errors():
            rows: list[tuple[Any, ...]] = store._execute(
                f"SELECT {_COLUMNS} FROM audit_events {clause}ORDER BY seq LIMIT ?",
                [*params, page]).fetchall()
        yield from rows
        if len(rows) < page:
            return
        lower = int(rows[-1][0])


def _rows_between(store: SQLStore, lower: int | None, upper: int | None,
                  page: int) -> Iterator[dict[str, Any]]:
    """Raw rows with lower < seq <= upper (unbounded where None), in seq order."""
    while True:
        where: list[str] = []
        params: list[int] = []
        if lower is not None:
            where.append("seq > ?")
            params.append(lower)
        if upper is not None:
            where.append("seq <= ?")
            params.append(upper)
        clause = f"WHERE {' AND '.join(where)} " if where else ""
        rows = store._rows(f"SELECT {_COLUMNS} FROM audit_events {clause}ORDER BY seq LIMIT ?",
                           [*params, page])
        yield from rows
        if len(rows) < page:
            return
        lower = int(rows[-1]["seq"])
