"""Checkpoints of the audit chain: `verify --since` walks from the newest one at or before SEQ."""

from __future__ import annotations

import pytest

from opsctl.errors import PlanRejectedError, UsageError
from opsctl.store.audit import (
    GENESIS_HASH,
    Checkpoint,
    append_event,
    record_checkpoint,
    verify_chain,
)
from opsctl.store.sql import SQLStore
from tests.integration.test_audit_chain import RawDB, content_of, event_hash, raw, record, store

__all__ = ["raw", "store"]  # fixtures, shared with the chain's own tests


def checkpointed(store: SQLStore, events: int) -> Checkpoint:
    record(store, events)
    checkpoint = record_checkpoint(store, verify_chain(store), actor="auditor")
    assert checkpoint is not None
    return checkpoint


def test_a_verify_that_passed_is_recorded_and_since_walks_only_what_follows(
        store: SQLStore, raw: RawDB) -> None:
    checkpoint = checkpointed(store, 10)
    assert checkpoint == Checkpoint(10, raw.event(10)["hash"])
    assert raw.rows("SELECT seq, hash, actor FROM audit_checkpoints") == [
        {"seq": 10, "hash": checkpoint.hash, "actor": "auditor"}]
    later = record(store, 5)

    report = verify_chain(store, since=12)

    assert report.ok and report.events == 5
    assert (report.from_seq, report.from_hash, report.head_hash) == (10, checkpoint.hash,
                                                                     later[-1].hash)
    assert record_checkpoint(store, report, actor="auditor") == Checkpoint(15, later[-1].hash)
    assert verify_chain(store, since=15).events == 0
    assert record_checkpoint(store, verify_chain(store), actor="again") == Checkpoint(
        15, later[-1].hash)  # recorded once
    assert [r["seq"] for r in raw.rows("SELECT seq FROM audit_checkpoints ORDER BY seq")] == \
        [10, 15]


def test_since_before_any_checkpoint_walks_from_event_1(store: SQLStore) -> None:
    checkpointed(store, 6)
    report = verify_chain(store, since=3)
    assert (report.ok, report.events, report.from_seq, report.from_hash) == (True, 6, 0,
                                                                            GENESIS_HASH)


def test_tampering_after_the_checkpoint_is_found_by_since(store: SQLStore, raw: RawDB) -> None:
    checkpointed(store, 8)
    record(store, 4)
    raw.execute("UPDATE audit_events SET payload_json = ? WHERE seq = 11", '{"n":0}')

    report = verify_chain(store, since=8)

    assert not report.ok and report.first_bad_seq == 11
    assert report.problem is not None and "hash does not match its content" in report.problem
    assert report.events == 2 and report.from_seq == 8


def test_tampering_before_the_checkpoint_is_left_to_a_full_verify(store: SQLStore,
                                                                   raw: RawDB) -> None:
    checkpointed(store, 8)
    record(store, 2)
    raw.execute("UPDATE audit_events SET payload_json = ? WHERE seq = 3", '{"n":0}')

    assert verify_chain(store, since=9).ok  # events 1..8 are not examined
    full = verify_chain(store)
    assert not full.ok and full.first_bad_seq == 3


def test_a_checkpointed_event_edited_and_rehashed_is_reported(store: SQLStore,
                                                              raw: RawDB) -> None:
    checkpoint = checkpointed(store, 6)
    prev = raw.event(5)["hash"]
    # a forger who rewrites the newest event, its hash and the head, but not the checkpoint
    raw.execute("UPDATE audit_events SET payload_json = ? WHERE seq = 6", '{"n":0}')
    raw.rehash(6)
    forged = raw.event(6)["hash"]
    raw.execute("UPDATE audit_head SET hash = ?", forged)
    assert forged == event_hash(prev, content_of(raw.event(6)))

    since = verify_chain(store, since=6)
    assert not since.ok and since.first_bad_seq == 6
    assert since.problem is not None and checkpoint.hash in since.problem
    full = verify_chain(store)
    assert not full.ok and full.first_bad_seq == 6
    assert full.problem is not None and "checkpointed by an earlier verify" in full.problem


@pytest.mark.parametrize("since", [-1, 7, 1000], ids=["negative", "past-head", "far"])
def test_since_beyond_the_head_is_a_usage_error(store: SQLStore, since: int) -> None:
    checkpointed(store, 6)
    with pytest.raises(UsageError) as raised:
        verify_chain(store, since=since)
    assert raised.value.exit_code == 2


def test_nothing_is_recorded_for_a_failed_verify_or_an_empty_trail(store: SQLStore,
                                                                   raw: RawDB) -> None:
    assert record_checkpoint(store, verify_chain(store), actor="a") is None
    record(store, 3)
    raw.execute("DELETE FROM audit_events WHERE seq = 2")
    assert record_checkpoint(store, verify_chain(store), actor="a") is None
    assert raw.rows("SELECT seq FROM audit_checkpoints") == []


@pytest.mark.parametrize("head", ["moved-back", "deleted"])
def test_the_end_of_the_trail_deleted_below_a_checkpoint_is_reported_and_stops_recording(
        store: SQLStore, raw: RawDB, head: str) -> None:
    """Events deleted from the end, the head moved back onto the new last event (or its row
    deleted, which appending rebuilds from the newest event): the chain itself is intact,
    only the checkpoint still knows the trail reached further."""
    checkpointed(store, 8)
    raw.execute("DELETE FROM audit_events WHERE seq > 5")
    if head == "moved-back":
        raw.execute("UPDATE audit_head SET seq = 5, hash = ?", raw.event(5)["hash"])
    else:
        raw.execute("DELETE FROM audit_head")

    report = verify_chain(store)
    assert not report.ok and report.first_bad_seq == (6 if head == "moved-back" else None)
    if head == "moved-back":
        assert report.problem == (
            "a checkpoint recorded by an earlier verify names event 8, beyond the audit head at "
            "event 5: events 6..8 were deleted from the end of the trail (truncated?)")
    with pytest.raises(PlanRejectedError, match="names event 8, beyond the audit head at event 5"):
        append_event(store, "plan.claimed", actor="me", payload={})
    assert [r["seq"] for r in raw.rows("SELECT seq FROM audit_events ORDER BY seq")] == [1, 2, 3,
                                                                                        4, 5]


def test_an_event_forged_past_the_head_with_a_gap_stops_recording(store: SQLStore,
                                                                  raw: RawDB) -> None:
    events = record(store, 4)
    raw.forge(9, events[-1].hash)  # not next to the head: events 5..8 never existed

    with pytest.raises(PlanRejectedError, match="audit event 9 \\(evt_forged\\) lies beyond the "
                       "audit head at event 4"):
        append_event(store, "run.finished", actor="me", payload={})
    assert raw.rows("SELECT seq FROM audit_head") == [{"seq": 4}]
