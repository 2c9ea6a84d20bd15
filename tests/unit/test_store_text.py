"""Texts the store writes by shortcuts, each checked against the plain way it stands for:
a run's result written from chunks of its entries, a batch of audit payloads through one
encoder, timestamps formatted once a millisecond."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsctl.config.redact import Redactor
from opsctl.contract.canonical import CanonicalJSONError
from opsctl.observe.log import now_iso_ms
from opsctl.store.audit import _payload_encoder, _stored_payload
from opsctl.store.sql import SQLStore, open_store

SECRET = "hunter2-very-secret"
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
VALUES = st.recursive(st.none() | st.booleans() | st.integers() | TEXT
                      | st.floats(allow_nan=False, allow_infinity=False),
                      lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(TEXT, inner, max_size=3), max_leaves=8)
ENTRY = st.fixed_dictionaries({"id": TEXT, "status": st.sampled_from(["applied", "failed"]),
                               "attempts": st.integers(0, 5), "error": st.none() | TEXT,
                               "after": VALUES})


@pytest.fixture(params=[False, True], ids=["no-secret", "secret"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> SQLStore:
    redactor = Redactor([SECRET]) if request.param else None
    opened = open_store(f"sqlite:///{tmp_path}/state.db", redactor)
    request.addfinalizer(opened.close)
    return opened


def _document(entries: list[dict[str, Any]]) -> dict[str, Any]:
    return {"schema": "opsctl.result/v1", "run_id": "run_1", "error": None,
            "plan": {"fingerprint": "sha256:0", "actions": entries},
            "request": {"token": SECRET, "note": "opsctl-result-actions-"},
            "artifacts": {"when": datetime(2025, 1, 1, tzinfo=UTC)}}


@pytest.mark.parametrize("count", [0, 1, 999, 1000, 1001, 2500])
def test_a_result_written_from_chunks_is_the_text_of_the_whole_document(
        store: SQLStore, count: int) -> None:
    entries = [{"id": f"a{i}", "target": f"t {SECRET} ü", "waits": [], "error": None}
               for i in range(count)]
    chunks = [entries[i:i + 1000] for i in range(0, count, 1000)]
    streamed = "".join(store._result_parts(_document([]), iter(chunks)))
    assert streamed == store._result_text(_document(entries))
    assert (SECRET in streamed) is not bool(store.redactor)


@settings(max_examples=60, deadline=None)
@given(entries=st.lists(ENTRY, max_size=7), size=st.integers(1, 4))
def test_any_chunking_gives_the_same_result_text(tmp_path_factory: pytest.TempPathFactory,
                                                 entries: list[dict[str, Any]],
                                                 size: int) -> None:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('s')}/state.db", Redactor([SECRET]))
    try:
        chunks = [entries[i:i + size] for i in range(0, len(entries), size)]
        assert "".join(store._result_parts(_document([]), chunks)) == store._result_text(
            _document(entries))
    finally:
        store.close()


def test_a_finished_run_reads_back_its_whole_result(store: SQLStore) -> None:
    store.create_run({"id": "run_1", "automation": "a", "contract_version": "1.0.0",
                      "mode": "apply", "status": "running", "actor": "me", "request": {},
                      "runtime": {}, "started_at": "2025-01-01T00:00:00.000+00:00"})
    # over _BLOB_RESULT_MIN: written through a blob
    entries = [{"id": f"a{i}", "status": "applied", "target": "t" * 800} for i in range(1500)]
    store.finish_run("run_1", status="succeeded", exit_code=0, result=_document([]),
                     error_type=None, finished_at="2025-01-01T00:00:01.000+00:00",
                     result_actions=[entries[:1000], entries[1000:]])
    row = store.get_run("run_1")
    assert row is not None
    assert row["result"]["plan"]["actions"] == entries
    assert row["result"]["request"]["token"] == ("***" if store.redactor else SECRET)
    # written through a blob, stored as the TEXT a bound str writes (JSON functions read it)
    stored = store._rows("SELECT typeof(result_json) AS t, result_json AS v, "
                         "json_extract(result_json, '$.plan.actions[1499].id') AS last "
                         "FROM runs WHERE id = 'run_1'")[0]
    assert stored["t"] == "text" and stored["last"] == "a1499"
    assert stored["v"] == store._result_text({**_document([]), "plan": {
        **_document([])["plan"], "actions": entries}})


def test_a_connection_keeps_no_memory_per_result_it_writes(tmp_path: Path) -> None:
    # A server's, a worker's or a scheduler's connection lives for weeks and writes a result
    # per run: nothing may stay behind per result (SQLite's blob handles leave a reference on
    # their connection until it closes, ~90 bytes each).
    import gc
    import tracemalloc

    store = open_store(f"sqlite:///{tmp_path}/state.db")
    entries = [{"id": "a0", "status": "applied"}]

    def runs(start: int, count: int) -> None:
        for i in range(start, start + count):
            store.create_run({"id": f"run_{i}", "automation": "a", "contract_version": "1.0.0",
                              "mode": "apply", "status": "running", "actor": "me",
                              "request": {}, "runtime": {},
                              "started_at": "2025-01-01T00:00:00.000+00:00"})
            store.finish_run(f"run_{i}", status="succeeded", exit_code=0,
                             result=_document([]), error_type=None,
                             finished_at="2025-01-01T00:00:01.000+00:00",
                             result_actions=[entries])

    try:
        runs(0, 50)
        gc.collect()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            runs(50, 1000)
            gc.collect()
            grown = tracemalloc.get_traced_memory()[0] - before
        finally:
            tracemalloc.stop()
        # a blob handle's reference is ~90 bytes a result (90,000 here); the rest of a worker's
        # process (its other threads, caches warmed by earlier tests) adds up to ~30 a result
        assert grown < 50_000, f"{grown / 1000:.0f} bytes per result"
    finally:
        store.close()


@settings(max_examples=200, deadline=None)
@given(payloads=st.lists(st.dictionaries(TEXT, VALUES, max_size=4), max_size=5))
def test_a_batch_encoder_writes_each_payload_as_stored_payload_does(
        tmp_path_factory: pytest.TempPathFactory, payloads: list[dict[str, Any]]) -> None:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('s')}/state.db", Redactor([SECRET]))
    try:
        encode = _payload_encoder(store)
        assert [encode(p) for p in payloads] == [_stored_payload(store, p) for p in payloads]
    finally:
        store.close()


@pytest.mark.parametrize("payload", [
    pytest.param({"n": float("nan")}, id="nan"),
    pytest.param({"s": "\ud800"}, id="lone-surrogate"),
])
def test_a_payload_with_no_canonical_text_is_refused_by_the_batch_encoder_too(
        store: SQLStore, payload: dict[Any, Any]) -> None:
    encode = _payload_encoder(store)
    with pytest.raises(CanonicalJSONError):
        _stored_payload(store, payload)
    with pytest.raises(CanonicalJSONError):
        encode(payload)
    assert encode({"after": "a failure"}) == '{"after":"a failure"}'  # the encoder goes on


def test_values_that_are_not_json_are_written_as_their_redacted_text(store: SQLStore) -> None:
    class Url:
        def __str__(self) -> str:
            return f"https://user:{SECRET}@host"

    encode = _payload_encoder(store)
    assert encode({"url": Url()}) == _stored_payload(store, {"url": Url()})
    assert encode({1: "a key that is not a string"}) == _stored_payload(
        store, {1: "a key that is not a string"})


def test_timestamps_are_the_clock_in_milliseconds_as_datetime_writes_them() -> None:
    before = datetime.now(UTC).isoformat(timespec="milliseconds")
    stamp = now_iso_ms()
    after = datetime.now(UTC).isoformat(timespec="milliseconds")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", stamp)
    assert before <= stamp <= after


# -- deferred journal records: batched, with the effect of running them one by one ------------

_PLAIN_FINISHED = ("UPDATE actions SET status = ?, error = ?, finished_at = ? "
                   "WHERE run_id = ? AND action_id = ?")


def _apply_records(records: list[tuple[str, Any, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    """What the journal's statements do to the rows, as a model: the reference for batching."""
    from opsctl.store.sql import _FINISHED_COUNTED, _STARTED, _STARTED_AND_FINISHED

    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for statement, params, _fence in records:
        row = rows.setdefault((params[-2], params[-1]), {"attempts": 0})
        if statement == _STARTED:
            row.update(status="started", started_at=params[0], attempts=row["attempts"] + 1)
        elif statement == _FINISHED_COUNTED:
            row.update(status=params[0], error=params[1], finished_at=params[2],
                       attempts=params[3])
        elif statement == _STARTED_AND_FINISHED:
            row.update(status=params[0], error=params[1], finished_at=params[2],
                       started_at=params[3], attempts=params[4])
        else:
            assert statement == _PLAIN_FINISHED
            row.update(status=params[0], error=params[1], finished_at=params[2])
    return rows


RECORD = st.tuples(st.sampled_from(["started", "counted", "plain"]), st.sampled_from("abc"),
                   st.sampled_from([None, ("scope", 1)]), st.integers(0, 9))


@settings(max_examples=300, deadline=None)
@given(picks=st.lists(RECORD, max_size=12))
def test_batched_journal_records_have_the_effect_of_the_records_in_order(
        picks: list[tuple[str, str, Any, int]]) -> None:
    from opsctl.store.sql import _FINISHED_COUNTED, _STARTED, _batched_records

    records: list[tuple[str, Any, Any]] = []
    for i, (kind, action, fence, n) in enumerate(picks):
        if kind == "started":
            records.append((_STARTED, (f"t{i}", "run_1", action), fence))
        elif kind == "counted":
            records.append((_FINISHED_COUNTED, ("applied", None, f"t{i}", n, "run_1", action),
                            fence))
        else:
            records.append((_PLAIN_FINISHED, ("failed", f"e{n}", f"t{i}", "run_1", action), fence))
    batches = _batched_records(records)
    replayed = [(statement, row, fence) for statement, fence, rows in batches for row in rows]
    assert _apply_records(replayed) == _apply_records(records)
    # a row is written under the fence its records carried: pairs merge only under one fence
    fenced = {(p[-1], f) for _, p, f in records}
    assert all((p[-1], f) in fenced for _, p, f in replayed)


def test_interleaved_workers_records_are_one_statement_per_kind() -> None:
    """64 workers' records arrive interleaved (started, started, finished, ...): a batch is
    one executemany per statement, not a statement per record."""
    from opsctl.store.sql import _FINISHED_COUNTED, _STARTED, _batched_records

    records: list[tuple[str, Any, Any]] = []
    for i in range(100):
        records.append((_STARTED, (f"s{i}", "run_1", f"a{i}"), None))
        if i:
            records.append((_FINISHED_COUNTED, ("applied", None, f"f{i}", 1, "run_1",
                                                f"a{i - 1}"), None))
    batches = _batched_records(records)
    assert [(len(rows)) for _, _, rows in batches] == [99, 1]  # 99 merged pairs, a0..a98; a99 started
