"""The scheduler on a real store (SQLite and PostgreSQL) with a fake clock: each slot fired
once by two schedulers, the concurrency policies against a real previous run, misfires after
downtime, pause/resume, and schedules that stopped validating."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from opsctl.engine.session import open_session
from opsctl.schedule import store as sched_store
from opsctl.schedule.model import schedule_from_row
from opsctl.schedule.scheduler import Scheduler
from tests.conftest import Project

HELD = '''
import os, time
from pathlib import Path
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    tag: str = "t"
    hold: bool = False

held = Automation("held", version="1.0.0", owner="tests", summary="record a fire",
                  request=Request, lock_scope=["tag"])
@held.plan
def plan(ctx, req):
    yield Action(id="mark", kind="create", target=req.tag, reason="scheduled")
    yield Action(id="after", kind="create", target=req.tag, reason="second step")

@held.apply
def apply(ctx, req, action):
    ROOT = Path(ctx.config["root"])  # the module is imported once per test process
    if req.hold and action.id == "mark":
        (ROOT / "holding").write_text("1")
        while not (ROOT / "release").exists():
            time.sleep(0.02)
    with open(ROOT / "fires.log", "a") as fh:
        fh.write(f"{req.tag} {action.id}\\n")
    return "applied"
'''

T0 = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def sched_project(tmp_path: Path, store_url: str) -> Project:
    root = tmp_path / "proj"
    root.mkdir()
    project = Project(root)
    project.extra_env["OPSCTL_STORE_URL"] = store_url
    project.add_module("held_auto", HELD)
    return project


def _config(project: Project, *schedules: dict[str, Any]) -> None:
    lines = []
    for s in schedules:
        lines.append("[[schedules]]")
        for key, value in s.items():
            if isinstance(value, dict):  # a TOML inline table
                inner = ", ".join(f"{k} = {json.dumps(v)}" for k, v in value.items())
                lines.append(f"{key} = {{ {inner} }}")
            else:
                lines.append(f"{key} = {json.dumps(value)}")
    lines.append(f"[automation.held]\nroot = {json.dumps(str(project.root))}")
    project.write_config("\n".join(lines) + "\n")


@pytest.fixture
def make_scheduler(sched_project: Project) -> Iterator[Any]:
    made: list[Scheduler] = []

    def make(clock: Clock) -> Scheduler:
        session = open_session(env=sched_project.env(), cwd=sched_project.root)
        session.store.migrate()
        scheduler = Scheduler(session, clock=clock)
        made.append(scheduler)
        return scheduler

    yield make
    for scheduler in made:
        scheduler.close(5)
        scheduler.session.close()


def _wait_runs(scheduler: Scheduler, deadline_s: float = 30) -> list[dict[str, Any]]:
    deadline = time.monotonic() + deadline_s
    while True:
        rows = scheduler.store._rows("SELECT id, status, idempotency_key FROM runs ORDER BY id")
        if all(r["status"] not in ("queued", "running") for r in rows):
            return rows
        assert time.monotonic() < deadline, rows
        time.sleep(0.02)


def _fires(scheduler: Scheduler) -> list[tuple[str, str, str | None]]:
    return [(str(f["slot"])[11:19], str(f["outcome"]), f["run_id"])
            for f in sched_store.fires(scheduler.store)]


def test_two_schedulers_fire_each_slot_once(sched_project: Project, make_scheduler: Any) -> None:
    _config(sched_project, {"name": "tick", "automation": "held", "cron": "* * * * *",
                            "request": {"tag": "tick"}, "concurrency": "allow"})
    clock = Clock(T0)
    a, b = make_scheduler(clock), make_scheduler(clock)
    a.start()
    b.start()
    for minute in range(1, 6):
        clock.now = T0 + timedelta(minutes=minute, seconds=1)
        first, second = (a, b) if minute % 2 else (b, a)
        first.tick()
        second.tick()
    runs = _wait_runs(a)
    assert {r["status"] for r in runs} == {"succeeded"}  # overlapping runs wait for the lock
    keys = [r["idempotency_key"] for r in runs]
    assert len(keys) == len(set(keys)) == 5
    assert sorted(keys) == [f"schedule:tick:2026-12-02T12:0{m}:00+00:00" for m in range(1, 6)]
    assert [o for _, o, _ in _fires(a)] == ["fired"] * 5
    assert (sched_project.root / "fires.log").read_text().count("tick mark") == 5


def test_forbid_skips_while_the_previous_run_is_active_and_replace_stops_it(
        sched_project: Project, make_scheduler: Any) -> None:
    _config(sched_project,
            {"name": "forbid", "automation": "held", "cron": "* * * * *",
             "request": {"tag": "f", "hold": True}, "concurrency": "forbid"},
            {"name": "replace", "automation": "held", "cron": "* * * * *",
             "request": {"tag": "r", "hold": True}, "concurrency": "replace"})
    clock = Clock(T0)
    scheduler = make_scheduler(clock)
    scheduler.start()
    clock.now = T0 + timedelta(minutes=1, seconds=1)
    assert scheduler.tick() == 2
    deadline = time.monotonic() + 30
    while not (sched_project.root / "holding").exists():
        assert time.monotonic() < deadline
        time.sleep(0.02)
    clock.now = T0 + timedelta(minutes=2, seconds=1)
    scheduler.tick()
    fires = {(f["schedule"], str(f["slot"])[14:16]): f for f in sched_store.fires(scheduler.store)}
    skipped = fires[("forbid", "02")]
    assert skipped["outcome"] == "skipped" and "concurrency = forbid" in skipped["reason"]
    replaced = fires[("replace", "02")]
    assert replaced["outcome"] == "fired" and "replaced run" in replaced["reason"]
    (sched_project.root / "release").write_text("1")
    runs = {r["id"]: r for r in _wait_runs(scheduler)}
    first_replace = runs[fires[("replace", "01")]["run_id"]]
    assert first_replace["status"] == "cancelled"  # stopped at its next action boundary
    # who asked it to stop, and why, is in its own trail, as for `opsctl cancel`
    asked = scheduler.store._rows("SELECT actor, payload_json FROM audit_events WHERE "
                                  "kind = 'run.cancel_requested' AND run_id = ?",
                                  (first_replace["id"],))
    assert [json.loads(a["payload_json"])["reason"] for a in asked] == [
        "replaced by schedule replace's next run"]
    stopped = scheduler.store.get_run(first_replace["id"])
    assert "audited as run.cancel_requested" in stopped["result"]["error"]["message"]
    assert runs[replaced["run_id"]]["status"] == "succeeded"
    assert runs[fires[("forbid", "01")]["run_id"]]["status"] == "succeeded"
    events = scheduler.store._rows("SELECT kind FROM audit_events WHERE kind LIKE ?",
                                   ("schedule.%",))
    assert {"schedule.skipped", "schedule.fired"} <= {e["kind"] for e in events}


def test_a_run_in_flight_past_the_stop_grace_still_records_how_it_ended(
        sched_project: Project, make_scheduler: Any) -> None:
    """SIGTERM (the runtime's shutdown) while an action outlasts `stop_grace`: the action
    finishes, its run ends `cancelled` with the action applied, resumable (was: the store was
    closed under it, `run.crashed` ProgrammingError, the run left `running` with the action
    not journaled, to be applied again by the next start)."""
    _config(sched_project, {"name": "h", "automation": "held", "cron": "* * * * *",
                            "request": {"tag": "h", "hold": True}})
    clock = Clock(T0)
    scheduler = make_scheduler(clock)
    scheduler.start()
    clock.now = T0 + timedelta(minutes=1, seconds=1)
    assert scheduler.tick() == 1
    deadline = time.monotonic() + 30
    while not (sched_project.root / "holding").exists():
        assert time.monotonic() < deadline
        time.sleep(0.02)
    scheduler.runtime.shutdown(0.2)  # the grace runs out with "mark" in flight
    (sched_project.root / "release").write_text("1")
    reader = open_session(env=sched_project.env(), cwd=sched_project.root)
    try:
        deadline = time.monotonic() + 30
        while True:
            [run] = reader.store._rows("SELECT id, status FROM runs")
            if run["status"] not in ("queued", "running"):
                break
            assert time.monotonic() < deadline, run
            time.sleep(0.05)
        assert run["status"] == "cancelled"
        actions = {a.action_id: a.status for a in reader.store.list_actions(run["id"])}
        assert actions.get("mark") == "applied" and actions.get("after") != "applied"
    finally:
        reader.close()


def test_a_scheduled_run_recovered_at_start_still_waits_for_its_lock_up_to_the_grace(
        sched_project: Project, make_scheduler: Any) -> None:
    """A run a scheduler queued and did not start (it stopped) is carried out by the next
    scheduler, and waits for its scope's lock up to the schedule's grace as it would have
    (was: exit 7 at once, `conflict`, when another run held the scope)."""
    import subprocess

    from opsctl.schedule.model import schedule_from_row
    from tests.conftest import OPSCTL

    _config(sched_project, {"name": "w", "automation": "held", "cron": "* * * * *",
                            "request": {"tag": "w"}, "grace": "1m"})
    clock = Clock(T0)
    first = make_scheduler(clock)
    first.start()
    holder = subprocess.Popen([OPSCTL, "held", "--tag", "w", "--hold", "--yes"],
                              cwd=sched_project.root, env=sched_project.env(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not (sched_project.root / "holding").exists():
            assert holder.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        [row] = sched_store.list_schedules(first.store)
        slot = T0 + timedelta(minutes=1)
        run, _, _ = first._local_run(schedule_from_row(row), slot, 60.0)  # queued, not started
        sched_store.record_tick(first.store, runs=[run], settled=[], advanced=[], events=[])
        second = make_scheduler(clock)
        second.start()  # carries the queued run out: it waits for the lock
        time.sleep(1.5)
        (sched_project.root / "release").write_text("1")
        assert holder.wait(60) == 0
    finally:
        if holder.poll() is None:
            holder.kill()
    runs = {r["id"]: r for r in _wait_runs(second)}
    assert runs[run["id"]]["status"] == "succeeded", runs[run["id"]]


@pytest.mark.parametrize(("policy", "fired"), [("skip", 0), ("run_once", 1), ("run_all", 3)])
def test_downtime_applies_the_misfire_policy(sched_project: Project, make_scheduler: Any,
                                             policy: str, fired: int) -> None:
    _config(sched_project, {"name": "m", "automation": "held", "cron": "*/10 * * * *",
                            "request": {"tag": policy}, "misfire": policy, "grace": "1m",
                            "max_catchup": 3, "concurrency": "allow"})
    clock = Clock(T0)
    scheduler = make_scheduler(clock)
    scheduler.start()
    clock.now = T0 + timedelta(minutes=55)  # down since T0: 5 slots missed
    scheduler.tick()
    runs = _wait_runs(scheduler)
    assert len(runs) == fired
    outcomes = [o for _, o, _ in _fires(scheduler)]
    assert outcomes.count("fired") == fired
    assert outcomes.count("misfired") == 5 - fired
    clock.now = T0 + timedelta(minutes=60, seconds=5)  # back on time
    scheduler.tick()
    assert len(_wait_runs(scheduler)) == fired + 1


def test_a_week_down_a_per_second_schedule_is_handled_in_one_short_tick_with_a_record(
        sched_project: Project, make_scheduler: Any) -> None:
    """Every second, every scheduler down for a week: one tick decides it quickly (was:
    every one of 604,800 slots walked, twice, seconds long, while no other schedule fired)
    and every slot not fired is on record, the oldest ones as one range; the next tick is
    back to one slot."""
    _config(sched_project, {"name": "s", "automation": "held", "cron": "* * * * * *",
                            "request": {"tag": "s"}, "misfire": "skip",
                            "concurrency": "forbid"})
    clock = Clock(T0)
    scheduler = make_scheduler(clock)
    scheduler.start()
    clock.now = T0 + timedelta(days=7, seconds=0.5)
    started = time.monotonic()
    scheduler.tick()
    took = time.monotonic() - started
    assert took < 4, took
    fires = sched_store.fires(scheduler.store)
    ranges = [f for f in fires if "recorded here at once" in str(f["reason"])]
    assert [str(f["outcome"]) for f in ranges] == ["misfired", "misfired"]
    assert f"from {(T0 + timedelta(seconds=1)).isoformat()} to " in str(ranges[0]["reason"])
    events = scheduler.store._rows("SELECT payload_json FROM audit_events WHERE kind = "
                                   "'schedule.misfired'")
    assert len(events) == len([f for f in fires if f["outcome"] == "misfired"])
    outcomes = [str(f["outcome"]) for f in fires]
    assert len(fires) == 1 + 100 + 1 + 100  # a range, 100 missed, a range, 100 on time
    assert outcomes.count("misfired") == 102  # the rest fired, or skipped (forbid)
    assert outcomes.count("fired") >= 1 and "firing" not in outcomes
    _wait_runs(scheduler)


def test_paused_schedules_do_not_fire_and_resume_from_now(sched_project: Project,
                                                          make_scheduler: Any) -> None:
    _config(sched_project, {"name": "p", "automation": "held", "cron": "* * * * *",
                            "request": {"tag": "p"}, "misfire": "run_all"})
    clock = Clock(T0)
    scheduler = make_scheduler(clock)
    scheduler.start()
    sched_store.set_paused(scheduler.store, "p", True, now=clock.now)
    scheduler._loaded = 0  # read definitions again now
    clock.now = T0 + timedelta(minutes=30)
    scheduler.tick()
    assert _fires(scheduler) == []
    sched_store.set_paused(scheduler.store, "p", False, now=clock.now)
    scheduler._loaded = 0
    clock.now = T0 + timedelta(minutes=31, seconds=1)
    scheduler.tick()
    assert [o for _, o, _ in _fires(scheduler)] == ["fired"]  # not the 30 paused minutes


def test_resuming_an_active_schedule_changes_nothing(sched_project: Project,
                                                     make_scheduler: Any) -> None:
    """`schedule resume` of a schedule that is not paused (a deploy script making sure) keeps
    the slots missed while every scheduler was down: they are still made up for, and no
    `schedule.resumed` event is recorded; pausing twice records one `schedule.paused`."""
    _config(sched_project, {"name": "m", "automation": "held", "cron": "*/10 * * * *",
                            "request": {"tag": "m"}, "misfire": "run_once", "grace": "1m"})
    clock = Clock(T0)
    scheduler = make_scheduler(clock)
    scheduler.start()
    clock.now = T0 + timedelta(minutes=55)  # down since T0: 5 slots missed
    assert sched_store.set_paused(scheduler.store, "m", False, now=clock.now) is False
    assert sched_store.set_paused(scheduler.store, "nope", False, now=clock.now) is None
    scheduler._loaded = 0
    scheduler.tick()
    assert len(_wait_runs(scheduler)) == 1  # run_once: one run for the missed slots
    assert [o for _, o, _ in _fires(scheduler)].count("misfired") == 4

    assert sched_store.set_paused(scheduler.store, "m", True, now=clock.now) is True
    assert sched_store.set_paused(scheduler.store, "m", True, now=clock.now) is False


def test_a_pause_lifted_in_opsctl_toml_resumes_from_now(sched_project: Project,
                                                        make_scheduler: Any) -> None:
    """`paused = true` edited to `false` in opsctl.toml resumes the schedule as `opsctl
    schedule resume` does: the slots while it was paused are not misfires to make up for."""
    declared = {"name": "p", "automation": "held", "cron": "* * * * *",
                "request": {"tag": "p"}, "misfire": "run_all", "concurrency": "allow",
                "paused": True}
    _config(sched_project, declared)
    clock = Clock(T0)
    scheduler = make_scheduler(clock)
    scheduler.start()
    clock.now = T0 + timedelta(minutes=30)
    scheduler.tick()
    assert _fires(scheduler) == []
    _config(sched_project, {**declared, "paused": False})
    scheduler._config_stamp = ()  # the running scheduler sees the edited file
    scheduler._loaded = 0
    clock.now = T0 + timedelta(minutes=30, seconds=30)
    scheduler.tick()
    clock.now = T0 + timedelta(minutes=31, seconds=1)
    scheduler.tick()
    assert [(slot, o) for slot, o, _ in _fires(scheduler)] == [("12:31:00", "fired")]
    assert len(_wait_runs(scheduler)) == 1


def test_schedules_that_stop_validating_are_reported_not_fired(sched_project: Project,
                                                               make_scheduler: Any) -> None:
    request = sched_project.root / "req.json"
    request.write_text('{"tag": "file"}')
    _config(sched_project,
            {"name": "ghost", "automation": "no-such-thing", "cron": "* * * * *"},
            {"name": "bad-request", "automation": "held", "cron": "* * * * *",
             "request": {"tag": 5}},
            {"name": "from-file", "automation": "held", "cron": "* * * * *",
             "request_file": "req.json"})
    clock = Clock(T0)
    scheduler = make_scheduler(clock)
    problems = dict(scheduler.start())
    assert "automation" in problems["ghost"] and "request.tag" in problems["bad-request"]
    request.write_text('{"tag": ["not", "a", "string"]}')  # broken after it was stored
    clock.now = T0 + timedelta(minutes=1, seconds=1)
    scheduler.tick()
    fires = _fires(scheduler)
    assert [o for _, o, _ in fires] == ["invalid"]  # only from-file was tried
    events = scheduler.store._rows("SELECT payload_json FROM audit_events WHERE kind = "
                                   "'schedule.invalid'")
    assert "request" in events[0]["payload_json"]
    rows = {r["name"]: r for r in sched_store.list_schedules(scheduler.store)}
    assert rows["ghost"]["problem"] and rows["bad-request"]["problem"]
    assert not rows["from-file"]["problem"]


def test_an_added_schedule_whose_automation_is_gone_is_listed_invalid_and_not_fired(
        sched_project: Project, make_scheduler: Any) -> None:
    """Checked when added, and again as declared ones are: its automation unregistered since,
    it is `invalid` with the reason, `schedule next` refuses it, no scheduler fires it; once
    the automation is back it is active again."""
    _config(sched_project)
    (sched_project.root / "req.json").write_text('{"tag": "added"}')
    added = sched_project.run("schedule", "add", "gone", "--automation", "held", "--cron",
                              "* * * * *", "--request", "req.json")
    assert added.code == 0, added.stderr
    sched_project.modules = []
    sched_project.write_config("")
    listed = sched_project.run("schedule", "list", "--format", "json", expect_json=True)
    assert listed.code == 0, listed.stderr
    [row] = listed.doc
    assert row["state"] == "invalid" and row["next"] is None
    assert "automation: unknown automation 'held'" in row["problem"]
    upcoming = sched_project.run("schedule", "next", "gone")
    assert upcoming.code == 2 and "is invalid and does not fire" in upcoming.stderr
    clock = Clock(datetime.now(UTC))
    scheduler = make_scheduler(clock)
    scheduler.start()
    clock.now += timedelta(minutes=2)
    assert scheduler.tick() == 0 and _fires(scheduler) == []
    sched_project.modules = ["held_auto"]
    _config(sched_project)
    again = sched_project.run("schedule", "list", "--format", "json", expect_json=True)
    assert again.code == 0, again.stderr
    assert [(r["state"], r["problem"]) for r in again.doc] == [("active", None)]


def test_a_name_declared_twice_is_invalid_and_neither_definition_fires(
        sched_project: Project, make_scheduler: Any) -> None:
    _config(sched_project,
            {"name": "twice", "automation": "held", "cron": "* * * * *", "request": {"tag": "a"}},
            {"name": "once", "automation": "held", "cron": "* * * * *", "request": {"tag": "o"}},
            {"name": "twice", "automation": "held", "cron": "*/2 * * * *",
             "request": {"tag": "b"}})
    check = sched_project.run("schedule", "check")
    assert check.code == 2 and "schedule 'twice': name: declared twice" in check.stderr
    clock = Clock(T0)
    scheduler = make_scheduler(clock)
    assert dict(scheduler.start())["twice"] == "schedule 'twice': name: declared twice"
    clock.now = T0 + timedelta(minutes=2, seconds=1)
    scheduler.tick()
    _wait_runs(scheduler)
    assert {schedule for schedule, _, _ in _fire_rows(scheduler)} == {"once"}
    listed = sched_project.run("schedule", "list", "--format", "json", expect_json=True)
    assert listed.code == 0, listed.stderr
    assert {r["name"]: r["state"] for r in listed.doc} == {"once": "active", "twice": "invalid"}


def _fire_rows(scheduler: Scheduler) -> list[tuple[str, str, str]]:
    return [(str(f["schedule"]), str(f["slot"])[11:19], str(f["outcome"]))
            for f in sched_store.fires(scheduler.store)]


def test_a_slot_whose_scheduler_died_after_claiming_it_fires_once_unless_paused_since(
        sched_project: Project, make_scheduler: Any) -> None:
    """A slot left `firing` (its scheduler died before it queued the run) is fired a minute
    later by another scheduler; one whose schedule was paused meanwhile is not."""
    _config(sched_project,
            {"name": "alive", "automation": "held", "cron": "0 * * * *",
             "request": {"tag": "alive"}},
            {"name": "halted", "automation": "held", "cron": "0 * * * *",
             "request": {"tag": "halted"}})
    clock = Clock(T0 - timedelta(minutes=30))
    scheduler = make_scheduler(clock)
    scheduler.start()
    for name in ("alive", "halted"):  # claimed by a scheduler that then died
        assert sched_store.claim_slot(scheduler.store, name, T0, outcome="firing",
                                      reason="on time", now=T0, scheduler="gone:1")
    sched_store.set_paused(scheduler.store, "halted", True, now=T0)
    clock.now = T0 + timedelta(minutes=2)
    scheduler._loaded = 0
    scheduler.tick()
    runs = _wait_runs(scheduler)
    assert [r["idempotency_key"] for r in runs] == ["schedule:alive:2026-12-02T12:00:00+00:00"]
    outcomes = {f["schedule"]: (f["outcome"], f["reason"])
                for f in sched_store.fires(scheduler.store)}
    assert outcomes["alive"][0] == "fired"
    assert outcomes["halted"] == ("skipped", "on time; not fired: the schedule was paused "
                                             "before its run was queued")
    events = scheduler.store._rows("SELECT payload_json FROM audit_events WHERE kind = "
                                   "'schedule.skipped'")
    assert len(events) == 1 and "halted" in events[0]["payload_json"]


@pytest.mark.parametrize(("holder", "outcome"), [
    ("gone", "fired"), ("ran-out", "fired"), ("alive", "skipped"), ("waiting", "skipped"),
    ("no-lease-gone", "fired"),
], ids=["holder-gone", "lease-ran-out", "holder-alive", "waiting-for-its-lock",
        "no-lease-its-process-gone"])
def test_forbid_is_not_held_off_by_a_run_whose_scheduler_died(
        sched_project: Project, make_scheduler: Any, holder: str, outcome: str) -> None:
    """A run left `running` by a scheduler that was killed goes on only once a scheduler
    starts again; meanwhile the schedulers still up fire the schedule's next slots."""
    import subprocess
    import sys

    from opsctl.engine.locks import process_identity
    from opsctl.store.queue import claim_queued_run, create_queued_run

    _config(sched_project, {"name": "f", "automation": "held", "cron": "* * * * *",
                            "request": {"tag": "f"}})
    clock = Clock(T0)
    scheduler = make_scheduler(clock)
    scheduler.start()
    store = scheduler.store
    schedule = schedule_from_row(sched_store.get_schedule(store, "f") or {})
    session = scheduler._session({"schedule": "f", "slot": "earlier"})
    run, _, _ = scheduler._run_row(session, scheduler._automation(schedule), {"tag": "f"},
                                   "schedule:f:earlier", {"schedule": "f"}, 0.0)
    create_queued_run(store, run)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    # the process that took it from the queue: this one, or (a read automation's run, which
    # holds no lease) one killed since
    claim_queued_run(store, run["id"], run["started_at"], process=process_identity(
        int(dead.stdout) if holder == "no-lease-gone" else None))
    now = datetime.now(UTC)
    if holder not in ("waiting", "no-lease-gone"):
        token, _ = store.acquire_lease(
            "held/tag=f", run["id"], actor="me", host="here", pid=1, ttl_s=600,
            now=now - timedelta(hours=1) if holder == "ran-out" else now,
            process=process_identity(int(dead.stdout) if holder == "gone" else None))
        assert token is not None
    with store.transaction():
        store._execute("UPDATE schedules SET last_run_id = ? WHERE name = ?", (run["id"], "f"))
    clock.now = T0 + timedelta(minutes=1, seconds=1)
    scheduler.tick()
    [(slot, found, _)] = _fires(scheduler)
    assert (slot, found) == ("12:01:00", outcome)


def test_an_added_schedule_whose_zone_is_refused_since_is_listed_invalid_and_others_fire(
        sched_project: Project, make_scheduler: Any) -> None:
    """A schedule stored by an earlier version with a time zone this one refuses (from the
    zone database's right/ tree) is invalid: listed so, not fired, and no other schedule's
    fire fails with it."""
    from opsctl.schedule.cron import Cron
    from opsctl.schedule.model import Schedule

    _config(sched_project, {"name": "fine", "automation": "held", "cron": "* * * * *",
                            "request": {"tag": "fine"}})
    clock = Clock(T0)
    scheduler = make_scheduler(clock)
    sched_store.save_schedule(scheduler.store, Schedule(
        name="leap", automation="held", cron=Cron("* * * * *", "right/Europe/Berlin"),
        request={"tag": "leap"}, source="cli"), now=T0)
    problems = dict(scheduler.start())
    assert "timezone: unknown time zone 'right/Europe/Berlin'" in problems["leap"]
    clock.now = T0 + timedelta(minutes=1, seconds=1)
    assert scheduler.tick() == 1
    _wait_runs(scheduler)
    assert [(name, outcome) for name, _, outcome in _fire_rows(scheduler)] == [
        ("fine", "fired")]
    listed = sched_project.run("schedule", "list", "--format", "json", expect_json=True)
    assert listed.code == 0, listed.stderr
    assert {r["name"]: r["state"] for r in listed.doc} == {"fine": "active", "leap": "invalid"}


def test_schedule_list_shows_the_last_slots_reason(sched_project: Project,
                                                   make_scheduler: Any) -> None:
    """`opsctl schedule list` shows the last slot's outcome and reason (README); the table
    cuts a long reason, `--format json` has all of it."""
    _config(sched_project, {"name": "m", "automation": "held", "cron": "*/10 * * * *",
                            "request": {"tag": "m"}, "misfire": "skip", "grace": "1m"})
    clock = Clock(T0)
    scheduler = make_scheduler(clock)
    scheduler.start()
    clock.now = T0 + timedelta(minutes=55)  # down since T0: 5 slots missed, none fired
    scheduler.tick()
    listed = sched_project.run("schedule", "list", "--format", "json", expect_json=True)
    assert listed.code == 0, listed.stderr
    [row] = listed.doc
    reason = row["last"]["reason"]
    assert row["last"]["outcome"] == "misfired" and reason.startswith("misfire: 5 slot(s)")
    assert len(reason) > 60  # long enough to be cut in the table
    text = sched_project.run("schedule", "list")
    assert text.code == 0, text.stderr
    header, line = text.stdout.splitlines()[:2]
    assert header.split()[-2:] == ["NEXT", "REASON"]
    assert line[header.index("OUTCOME"):].split()[0] == "misfired"
    shown = line[header.index("REASON"):]
    assert shown.endswith("...") and len(shown) <= 60, shown
    assert reason.startswith(shown[:-3])


def test_schedule_list_tells_the_two_halves_of_a_repeated_hour_apart(
        sched_project: Project, make_scheduler: Any) -> None:
    """The table shows the last slot in the schedule's zone with its abbreviation, as
    `schedule next` does: the 02:30 after falling back is CET, not a bare 02:30."""
    _config(sched_project, {"name": "half", "automation": "held", "cron": "*/30 * * * *",
                            "timezone": "Europe/Berlin", "request": {"tag": "h"}})
    clock = Clock(datetime(2026, 10, 25, 0, 20, tzinfo=UTC))  # 02:20 CEST
    scheduler = make_scheduler(clock)
    scheduler.start()
    clock.now = datetime(2026, 10, 25, 1, 30, 1, tzinfo=UTC)  # 02:30:01 CET, the second time
    scheduler.tick()
    _wait_runs(scheduler)
    text = sched_project.run("schedule", "list")
    assert text.code == 0, text.stderr
    header, line = text.stdout.splitlines()[:2]
    assert line[header.index("LAST"):header.index("OUTCOME")].strip() == "2026-10-25 02:30:00 CET"
    listed = sched_project.run("schedule", "list", "--format", "json", expect_json=True)
    assert listed.doc[0]["last"]["slot"] == "2026-10-25T02:30:00+01:00"


def test_an_empty_time_zone_is_refused_like_an_unknown_one(sched_project: Project,
                                                           make_scheduler: Any) -> None:
    from opsctl.schedule.model import ScheduleError, parse_schedule

    with pytest.raises(ScheduleError) as refused:
        parse_schedule({"name": "t1", "automation": "held", "cron": "0 * * * *",
                        "timezone": ""}, where="t1")
    assert (refused.value.field, refused.value.exit_code) == ("timezone", 2)
    assert "unknown time zone ''" in refused.value.message
    request = sched_project.root / "req.json"
    request.write_text('{"tag": "t"}')
    added = sched_project.run("schedule", "add", "t1", "--automation", "held", "--cron",
                              "0 * * * *", "--timezone", "", "--request", str(request))
    assert added.code == 2, added.stdout
    assert "schedule 't1': timezone: unknown time zone ''" in added.stderr
    listed = sched_project.run("schedule", "list", "--format", "json", expect_json=True)
    assert listed.doc == []  # nothing stored
    # declared with an empty zone: listed invalid, not fired in UTC
    _config(sched_project, {"name": "t2", "automation": "held", "cron": "0 * * * *",
                            "timezone": ""})
    problems = dict(make_scheduler(Clock(T0)).start())
    assert "unknown time zone ''" in problems["t2"]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("timezone", "localtime", "unknown time zone 'localtime' (use an IANA name"),
    ("timezone", "posixrules", "unknown time zone 'posixrules'"),
    ("cron", 5, 'a cron expression is text in quotes ("0 3 * * *"), not 5'),
    ("cron", ["0 1 * * *"], "a cron expression is text in quotes"),
], ids=["localtime", "posixrules", "cron-number", "cron-list"])
def test_a_host_dependent_zone_or_a_cron_that_is_not_text_is_refused(
        field: str, value: Any, message: str) -> None:
    """`localtime` is each host's own zone (schedulers on several hosts would fire it at
    different instants); a cron given as a number is not "empty"."""
    from opsctl.schedule.model import ScheduleError, parse_schedule

    declared = {"name": "t1", "automation": "held", "cron": "0 * * * *", field: value}
    with pytest.raises(ScheduleError) as refused:
        parse_schedule(declared, where="t1")
    assert (refused.value.field, refused.value.exit_code) == (field, 2)
    assert message in refused.value.message


def test_schedules_invalid_for_their_cron_or_zone_keep_their_grace_and_catchup(
        sched_project: Project, make_scheduler: Any) -> None:
    """A declared schedule stored invalid (its cron or time zone does not parse) is listed with
    its declared grace and max_catchup, or the defaults (5m, 10), never 0."""
    _config(sched_project,
            {"name": "bad-cron", "automation": "held", "cron": "61 * * * *", "grace": "2m",
             "max_catchup": 3},
            {"name": "bad-zone", "automation": "held", "cron": "0 * * * *",
             "timezone": "Mars/Olympus"})
    scheduler = make_scheduler(Clock(T0))
    problems = dict(scheduler.start())
    assert set(problems) == {"bad-cron", "bad-zone"}
    listed = sched_project.run("schedule", "list", "--format", "json", expect_json=True)
    assert listed.code == 0, listed.stderr
    got = {r["name"]: (r["state"], r["grace_s"], r["max_catchup"]) for r in listed.doc}
    assert got == {"bad-cron": ("invalid", 120.0, 3), "bad-zone": ("invalid", 300.0, 10)}



def test_one_schedule_that_breaks_does_not_stop_the_others_firing(
        sched_project: Project, make_scheduler: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug met while firing one schedule's slot (here, reading its request raises
    something that is no opsctl error) is that slot's: recorded and logged, and every other
    schedule of the tick fires, that minute and the next."""
    import opsctl.schedule.scheduler as scheduler_module

    real = scheduler_module.request_of

    def request_of(schedule: Any, **kwargs: Any) -> Any:
        if schedule.name == "breaks":
            raise RuntimeError("the request broke")
        return real(schedule, **kwargs)

    _config(sched_project,
            {"name": "breaks", "automation": "held", "cron": "* * * * *",
             "request": {"tag": "breaks"}},
            {"name": "fine", "automation": "held", "cron": "* * * * *",
             "request": {"tag": "fine"}})
    clock = Clock(T0)
    scheduler = make_scheduler(clock)
    scheduler.start()
    monkeypatch.setattr(scheduler_module, "request_of", request_of)
    for minute in (1, 2):
        clock.now = T0 + timedelta(minutes=minute, seconds=1)
        assert scheduler.tick() == 1
        _wait_runs(scheduler)
    fires = sorted((f["schedule"], f["outcome"], f["reason"])
                   for f in sched_store.fires(scheduler.store))
    broke = ("breaks", "invalid", "internal error: RuntimeError: the request broke")
    assert fires[:2] == [broke, broke] and [f[:2] for f in fires[2:]] == [("fine", "fired")] * 2
    assert (sched_project.root / "fires.log").read_text().count("fine mark") == 2
