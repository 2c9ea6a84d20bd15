"""A run's event stream on real stores: recorded in order, secrets masked, followed to the end."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, Field

from opsctl import Action, Automation, Secret, TransientError
from opsctl.engine.events import RunEvent, follow_events
from opsctl.engine.run import execute
from opsctl.engine.session import Session, open_session
from opsctl.errors import UsageError

CANARY = "canary-4e1d-events-s3cr3t"


class Request(BaseModel):
    targets: list[str] = Field(default_factory=lambda: ["a", "b", "c"])
    token: Secret | None = None
    tag: str = ""


fleet = Automation("fleet", version="1.0.0", owner="o", summary="One action per target",
                   request=Request, lock_scope=("tag",), retry={"attempts": 1})
# Per test, reset by the session fixture:
DONE: set[str] = set()  # "tag/target" applied
FAIL: set[str] = set()  # targets whose apply fails
GATES: dict[str, threading.Event] = {}  # tag -> event; the apply of "b" waits until it is set


@fleet.plan
def plan(ctx: Any, req: Request) -> Iterator[Action]:
    for target in req.targets:
        if f"{req.tag}/{target}" not in DONE:
            yield Action(id=f"t-{target}", kind="create", target=target, reason="missing")


@fleet.apply
def apply(ctx: Any, req: Request, action: Action) -> None:
    secret = req.token.get_secret_value() if req.token else None
    ctx.log.info("fleet.applying", target=action.target, tag=req.tag, token=secret)
    if req.tag in GATES and action.target == "b":
        GATES[req.tag].wait(10)
    if action.target in FAIL:
        raise TransientError(f"{action.target} refused token {secret}")
    DONE.add(f"{req.tag}/{action.target}")


@pytest.fixture
def session(store_url: str, tmp_path: Path) -> Iterator[Session]:
    DONE.clear()
    FAIL.clear()
    GATES.clear()
    (tmp_path / "home").mkdir()
    opened = open_session(cwd=tmp_path, env={"HOME": str(tmp_path / "home"),
                                             "OPSCTL_STORE_URL": store_url},
                          log_sink=lambda event: None)
    assert opened.store  # opened here, not raced for by the threads of a test
    yield opened
    opened.close()


def events_of(session: Session, run_id: str) -> list[dict[str, Any]]:
    return session.store.run_events(run_id)


def kinds(events: list[dict[str, Any]]) -> list[str]:
    """Kinds in order; a log line as log:EVENT."""
    return [f"log:{e['data']['event']}" if e["kind"] == "log" else e["kind"] for e in events]


def test_a_plan_run_records_its_events_in_order(session: Session) -> None:
    outcome = execute(session, fleet, {}, mode="plan")
    assert outcome.exit_code == 10
    events = events_of(session, outcome.document["run_id"])
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert kinds(events) == ["run.started", "log:run.started", "log:plan.created", "plan", "gate",
                             "log:gate.passed", "run.finished"]
    started, plan = events[0]["data"], events[3]["data"]
    assert started == {"automation": "fleet", "mode": "plan", "actor": session.actor}
    assert plan["count"] == 3 and plan["kinds"] == {"create": 3}
    assert plan["actions"][0] == {"id": "t-a", "kind": "create", "target": "a"}
    assert events[4]["data"] == {"policy": None}
    assert events[-1]["data"]["status"] == "changes_planned"
    assert events[-1]["data"]["exit_code"] == 10
    assert events[-1]["data"]["summary"]["planned"] == 3


def test_an_apply_records_each_action_and_its_log_lines(session: Session) -> None:
    outcome = execute(session, fleet, {}, mode="apply")
    assert outcome.exit_code == 0
    events = events_of(session, outcome.document["run_id"])
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    per_action = ["action.started", "log:fleet.applying", "log:action.applied", "action.finished"]
    assert kinds(events) == ["run.started", "log:run.started", "log:plan.created", "plan", "gate",
                             "log:gate.passed", *per_action * 3, "run.finished"]
    finished = [e["data"] for e in events if e["kind"] == "action.finished"]
    assert [(f["id"], f["status"], f["attempts"]) for f in finished] == [
        ("t-a", "applied", 1), ("t-b", "applied", 1), ("t-c", "applied", 1)]
    assert all(isinstance(f["duration_ms"], float) for f in finished)
    line = next(e["data"] for e in events if e["kind"] == "log"
                and e["data"]["event"] == "fleet.applying")
    assert line["level"] == "info" and line["target"] == "a" and line["action"] == "t-a"
    assert "run_id" not in line and "ts" not in line
    assert events[-1]["data"]["status"] == "succeeded"


def test_a_partial_failure_records_the_failed_and_skipped_actions(session: Session) -> None:
    FAIL.add("b")
    outcome = execute(session, fleet, {}, mode="apply")
    assert outcome.exit_code == 5
    events = events_of(session, outcome.document["run_id"])
    finished = [(e["data"]["id"], e["data"]["status"]) for e in events
                if e["kind"] == "action.finished"]
    assert finished == [("t-a", "applied"), ("t-b", "failed"), ("t-c", "skipped")]
    failed = next(e for e in events if e["kind"] == "action.finished"
                  and e["data"]["status"] == "failed")
    assert "b refused token" in failed["data"]["error"]
    assert any(e["kind"] == "log" and e["data"]["event"] == "action.failed"
               and e["data"]["level"] == "error" for e in events)
    last = events[-1]
    assert (last["kind"], last["data"]["status"], last["data"]["exit_code"]) == (
        "run.finished", "partial", 5)
    assert last["data"]["error"]["type"] == "partial"


@pytest.mark.parametrize("journal_mode", ["strict", "group"])
def test_action_events_are_stored_as_the_event_encoder_writes_them(session: Session,
                                                                   journal_mode: str) -> None:
    """The engine writes the text of the common action events itself (no secret registered):
    byte for byte the encoder's text of the same data, a failure's error included."""
    import json

    from opsctl.store.sql import _EVENT_JSON

    session.store.journal_mode = journal_mode
    FAIL.add("b")
    outcome = execute(session, fleet, {"targets": ["a", "b", "c"], "tag": journal_mode},
                      mode="apply", max_failures=3)
    assert outcome.exit_code == 5
    rows = session.store._rows("SELECT kind, data_json FROM run_events WHERE run_id = ? "
                               "ORDER BY seq", (outcome.document["run_id"],))
    texts = [r["data_json"] for r in rows if r["kind"] in ("action.started", "action.finished")]
    assert len(texts) == 6
    assert texts[0] == '{"id": "t-a"}'
    for text in texts:
        assert text == _EVENT_JSON(json.loads(text))
    finished = [json.loads(t) for t in texts if '"status"' in t]
    assert [(f["id"], f["status"], f["attempts"]) for f in finished] == [
        ("t-a", "applied", 1), ("t-b", "failed", 1), ("t-c", "applied", 1)]
    assert "b refused token" in finished[1]["error"]
    assert all(type(f["duration_ms"]) is float for f in finished)


odd = Automation("odd-targets", version="1.0.0", owner="o", summary="Targets JSON escapes",
                 request=Request, retry={"attempts": 1})


@odd.plan
def plan_odd(ctx: Any, req: Request) -> Iterator[Action]:
    for n, target in enumerate(req.targets):
        yield Action(id=f"n{n}", kind="update", target=target, reason="odd")


@odd.apply
def apply_odd(ctx: Any, req: Request, action: Action) -> None:
    if action.target in FAIL:
        raise ValueError(f"{action.target} failed")


def test_action_texts_written_by_the_engine_are_the_encoders_texts(session: Session) -> None:
    """Events and audit payloads of actions whose targets JSON escapes, or does not, and of a
    failed action: each stored text is its encoder's text of the same data."""
    import json

    from opsctl.contract.canonical import canonical_json
    from opsctl.store.audit import iter_events, verify_chain
    from opsctl.store.sql import _EVENT_JSON

    targets = ["plain", 'a "quoted" one', "back\\slash", "tab\there", "ünï €", "line\u2028x",
               "fails"]
    FAIL.add("fails")
    outcome = execute(session, odd, {"targets": targets}, mode="apply", max_failures=9)
    assert outcome.exit_code == 5
    run_id = outcome.document["run_id"]
    rows = session.store._rows("SELECT kind, data_json FROM run_events WHERE run_id = ? "
                               "ORDER BY seq", (run_id,))
    for row in rows:
        assert row["data_json"] == _EVENT_JSON(json.loads(row["data_json"])), row
    audit = session.store._rows("SELECT kind, payload_json FROM audit_events WHERE run_id = ? "
                                "AND kind IN ('action.applied', 'action.failed') ORDER BY seq", (run_id,))
    assert [json.loads(r["payload_json"])["target"] for r in audit] == targets
    assert [r["kind"] for r in audit] == ["action.applied"] * 6 + ["action.failed"]
    for row in audit:
        assert row["payload_json"] == canonical_json(json.loads(row["payload_json"])), row
    assert [e.payload["target"] for e in iter_events(session.store, run_id=run_id)
            if e.kind.startswith("action.")] == targets
    assert verify_chain(session.store).ok


def test_action_events_with_a_secret_registered_are_masked(session: Session) -> None:
    """A secret in an action's id (refused at planning) cannot reach the events; one in its
    error is masked in the event that says it failed."""
    FAIL.add("b")
    outcome = execute(session, fleet, {"targets": ["b"], "token": CANARY}, mode="apply")
    assert outcome.exit_code == 4
    rows = session.store._rows("SELECT data_json FROM run_events WHERE run_id = ?",
                               (outcome.document["run_id"],))
    assert rows and not any(CANARY in r["data_json"] for r in rows)
    assert any('"status": "failed"' in r["data_json"] and "***" in r["data_json"] for r in rows)


def test_a_resumed_run_continues_the_sequence(session: Session) -> None:
    FAIL.add("b")
    first = execute(session, fleet, {}, mode="apply")
    run_id = first.document["run_id"]
    before = events_of(session, run_id)
    FAIL.clear()
    resumed = execute(session, fleet, {}, mode="apply", resume_run_id=run_id)
    assert resumed.exit_code == 0 and resumed.document["run_id"] == run_id
    events = events_of(session, run_id)
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert events[:len(before)] == before
    after = events[len(before):]
    assert after[0]["kind"] == "run.resumed"
    assert after[0]["data"]["previous_status"] == "partial"
    assert [e["data"]["id"] for e in after if e["kind"] == "action.started"] == ["t-b", "t-c"]
    assert after[-1]["kind"] == "run.finished" and after[-1]["data"]["status"] == "succeeded"


def test_secrets_never_reach_the_event_rows(session: Session) -> None:
    FAIL.add("a")
    outcome = execute(session, fleet, {"token": CANARY}, mode="apply")
    assert outcome.exit_code == 4
    run_id = outcome.document["run_id"]
    raw = session.store._rows("SELECT data_json FROM run_events WHERE run_id = ?", (run_id,))
    assert raw and [r for r in raw if CANARY in r["data_json"]] == []
    # the store was opened before the request registered its secret (see the fixture)
    assert CANARY not in str(session.store.list_actions(run_id)[0].error)
    events = events_of(session, run_id)
    applying = next(e["data"] for e in events if e["kind"] == "log"
                    and e["data"]["event"] == "fleet.applying")
    assert applying["token"] == "***"
    failed = next(e["data"] for e in events if e["kind"] == "action.finished")
    assert failed["error"].startswith("a refused token *** (")


@pytest.mark.parametrize("shared", [False, True], ids=["own-sessions", "one-session"])
def test_runs_in_threads_of_one_process_keep_their_own_lines(session: Session, tmp_path: Path,
                                                              shared: bool) -> None:
    """Run "one" is held inside its second action while run "two" runs from start to end in
    another thread (with its own session, or the same one as the HTTP server may do): their
    lines interleave in time, never in their streams."""
    GATES["one"] = threading.Event()
    other = session if shared else open_session(cwd=tmp_path, env=dict(session.env),
                                                log_sink=lambda event: None)
    assert other.store
    outcomes: dict[str, Any] = {}

    def run(tag: str, where: Session) -> None:
        outcomes[tag] = execute(where, fleet, {"tag": tag}, mode="apply")

    one = threading.Thread(target=run, args=("one", session))
    one.start()
    _wait_for_running_run(session)
    two = threading.Thread(target=run, args=("two", other))
    two.start()
    two.join(30)
    GATES["one"].set()
    one.join(30)
    if not shared:
        other.close()
    for tag in ("one", "two"):
        assert outcomes[tag].exit_code == 0, outcomes[tag].document["error"]
        events = events_of(session, outcomes[tag].document["run_id"])
        assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
        lines = [e["data"] for e in events if e["kind"] == "log"
                 and e["data"]["event"] == "fleet.applying"]
        assert [line["tag"] for line in lines] == [tag] * 3
        assert [e["data"]["id"] for e in events if e["kind"] == "action.finished"] == [
            "t-a", "t-b", "t-c"]


def test_following_yields_every_event_then_the_result(session: Session) -> None:
    GATES[""] = threading.Event()
    outcomes: list[Any] = []
    worker = threading.Thread(target=lambda: outcomes.append(
        execute(session, fleet, {}, mode="apply")))
    worker.start()
    run_id = _wait_for_running_run(session)
    seen: list[RunEvent] = []
    for event in follow_events(session.store, run_id, poll_s=0.02, timeout_s=30):
        seen.append(event)
        if event.kind == "action.started" and event.data["id"] == "t-b":
            GATES[""].set()  # the run was held at b until the follower saw it start
    worker.join(30)
    assert seen[-1].kind == "result" and seen[-1].seq is None
    assert seen[-1].data == outcomes[0].document
    assert [e.seq for e in seen[:-1]] == list(range(1, len(seen)))
    stored = events_of(session, run_id)
    assert [e.to_dict() for e in seen[:-1]] == [
        {"seq": e["seq"], "at": e["at"], "kind": e["kind"], "data": e["data"]} for e in stored]
    # resuming after any event gives the rest: no gap, no duplicate
    rest = list(follow_events(session.store, run_id, after_seq=4, poll_s=0.01))
    assert [e.seq for e in rest] == [*range(5, len(stored) + 1), None]


def test_following_through_a_store_factory_and_a_stop(session: Session, store_url: str) -> None:
    from opsctl.store.sql import open_store

    GATES[""] = threading.Event()
    worker = threading.Thread(target=lambda: execute(session, fleet, {}, mode="apply"))
    worker.start()
    run_id = _wait_for_running_run(session)
    stop = threading.Event()
    seen = []
    for event in follow_events(lambda: open_store(store_url), run_id, poll_s=0.02, stop=stop):
        seen.append(event)
        if event.kind == "action.started" and event.data["id"] == "t-b":
            stop.set()
    GATES[""].set()
    worker.join(30)
    assert seen[-1].kind == "action.started" and all(e.kind != "result" for e in seen)
    with pytest.raises(UsageError):
        next(follow_events(session.store, "no-such-run"))


def test_following_times_out_without_a_result(session: Session) -> None:
    GATES[""] = threading.Event()
    worker = threading.Thread(target=lambda: execute(session, fleet, {}, mode="apply"))
    worker.start()
    run_id = _wait_for_running_run(session)
    try:
        seen = list(follow_events(session.store, run_id, poll_s=0.02, timeout_s=0.3))
        assert seen and all(e.kind != "result" for e in seen)
    finally:
        GATES[""].set()
        worker.join(30)


def test_a_follower_whose_session_took_a_signal_before_following_stops_at_once(
        session: Session, store_url: str, tmp_path: Path) -> None:
    """`show --follow` opens its session (whose handler only takes note of a first signal, as
    a run's graceful stop does) before it installs its own handlers: a SIGTERM landing in
    between was noted, then the follower went on to the run's end, exit 0."""
    import signal
    import time

    from opsctl.cli.follow import follow_run
    from opsctl.cli.options import CommonOptions

    GATES[""] = threading.Event()
    worker = threading.Thread(target=lambda: execute(session, fleet, {}, mode="apply"))
    worker.start()
    run_id = _wait_for_running_run(session)
    follower = open_session(cwd=tmp_path, env={"HOME": str(tmp_path / "home"),
                                               "OPSCTL_STORE_URL": store_url},
                            log_sink=lambda event: None)
    handlers = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    try:
        follower.stop_requested.set()  # what the session's handler did with the signal
        row = follower.store.get_run(run_id)
        assert row is not None
        began = time.monotonic()
        code = follow_run(follower, row, CommonOptions("json", None, False, None, 0, False),
                          lambda done, stream: None)
        assert code == 130
        assert time.monotonic() - began < 5  # not at the run's end, when b is let go
        assert session.store.get_run(run_id)["status"] == "running"  # the run is left alone
    finally:
        signal.signal(signal.SIGINT, handlers[0])
        signal.signal(signal.SIGTERM, handlers[1])
        GATES[""].set()
        worker.join(30)
        follower.close()


def _wait_for_running_run(session: Session, timeout: float = 20) -> str:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        runs = session.store.list_runs(status="running")
        if runs:
            return str(runs[0]["id"])
        time.sleep(0.01)
    raise AssertionError("no run started")
