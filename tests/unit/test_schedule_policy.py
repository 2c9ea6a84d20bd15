"""The misfire policy as a pure function of (schedule, last slot handled, now), on a fake
clock: each policy x each misfire case x the DST transitions of Europe/Berlin and
America/New_York."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from opsctl.schedule.cron import CronError, parse_cron
from opsctl.schedule.model import ScheduleError, decide, parse_schedule

BERLIN = ZoneInfo("Europe/Berlin")
NY = ZoneInfo("America/New_York")


def sched(cron: str = "*/10 * * * *", tz: str = "UTC", **kw: Any) -> Any:
    return parse_schedule({"name": "s", "automation": "a", "cron": cron, "timezone": tz, **kw},
                          where="test")


T0 = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def test_on_time_and_late_within_grace_fire() -> None:
    s = sched(grace="2m")
    d = decide(s, T0, T0 + timedelta(minutes=10, seconds=30))
    assert [x.slot for x in d.fires] == [T0 + timedelta(minutes=10)]
    assert d.fires[0].reason.startswith("late by 30s")
    assert d.skipped == [] and d.missed == 0 and d.last_slot == T0 + timedelta(minutes=10)
    assert decide(s, T0, T0 + timedelta(minutes=9)).fires == []  # nothing due yet


@pytest.mark.parametrize("policy", ["skip", "run_once", "run_all"])
def test_missed_slots_without_one_on_time(policy: str) -> None:
    s = sched(grace="1m", misfire=policy, max_catchup=3)
    now = T0 + timedelta(minutes=55)  # slots 10..50 missed (5), none on time
    d = decide(s, T0, now)
    missed = [T0 + timedelta(minutes=m) for m in (10, 20, 30, 40, 50)]
    assert d.missed == 5 and d.last_slot == missed[-1]
    fired = [x.slot for x in d.fires]
    skipped = [x.slot for x in d.skipped]
    if policy == "skip":
        assert fired == [] and skipped == missed
    elif policy == "run_once":
        assert fired == [missed[-1]] and skipped == missed[:-1]
        assert "makes up for them" in d.fires[0].reason
    else:
        assert fired == missed[-3:] and skipped == missed[:2]
        assert all("run_all" in x.reason for x in d.skipped)
    assert sorted(fired + skipped) == missed  # every slot accounted for once


@pytest.mark.parametrize("policy", ["skip", "run_once", "run_all"])
def test_missed_slots_with_one_on_time(policy: str) -> None:
    s = sched(grace="1m", misfire=policy, max_catchup=10)
    now = T0 + timedelta(minutes=30, seconds=20)  # 10, 20 missed; 30 on time
    d = decide(s, T0, now)
    fired = [x.slot for x in d.fires]
    on_time = T0 + timedelta(minutes=30)
    if policy == "run_all":
        assert fired == [T0 + timedelta(minutes=10), T0 + timedelta(minutes=20), on_time]
    else:  # skip, and run_once (the run on time covers the missed ones)
        assert fired == [on_time]
        assert [x.slot for x in d.skipped] == [T0 + timedelta(minutes=10),
                                               T0 + timedelta(minutes=20)]


def test_a_long_outage_is_bounded() -> None:
    s = sched("* * * * *", grace="1m", misfire="run_all", max_catchup=5)
    d = decide(s, T0, T0 + timedelta(days=7))  # 10,080 slots, the last two within the grace
    assert d.missed == 7 * 24 * 60 - 2
    assert len(d.fires) == 5 + 2  # caught up (max_catchup), then the two on time
    # the newest 100 missed are listed one by one; the older ones in one record of their range
    assert len(d.skipped) == 1 + 100 - 5
    assert "10078 slot(s) missed" in d.fires[0].reason
    oldest = d.skipped[0]
    newest_listed = T0 + timedelta(days=7, minutes=-2) - timedelta(minutes=99)
    assert oldest.slot == newest_listed - timedelta(minutes=1)
    assert (f"9978 slot(s) from {(T0 + timedelta(minutes=1)).isoformat()} to "
            f"{oldest.slot.isoformat()}, recorded here at once") in oldest.reason
    assert d.skipped[1].slot == newest_listed


def _covered(d: Any) -> int:
    """How many slots the decisions account for: each listed one, and each range record's."""
    count = 0
    for x in [*d.fires, *d.skipped]:
        ranged = re.search(r"(\d+) slot\(s\) from \S+ to \S+, recorded here at once", x.reason)
        count += int(ranged.group(1)) if ranged else 1
    return count


@pytest.mark.parametrize("policy", ["skip", "run_once", "run_all"])
def test_more_slots_within_the_grace_than_are_listed_leave_a_record(policy: str) -> None:
    """Every second, down for 4 minutes (default grace 5m): 240 slots are on time, more than
    the 100 fired at once; the older ones are recorded, never dropped unseen (was: 140 slots
    neither fired nor recorded)."""
    s = sched("* * * * * *", misfire=policy)
    now = T0 + timedelta(minutes=4, seconds=0.5)
    d = decide(s, T0, now)
    fired = [x.slot for x in d.fires]
    assert fired == [T0 + timedelta(seconds=i) for i in range(141, 241)]
    assert len(d.skipped) == 1
    assert d.skipped[0].slot == T0 + timedelta(seconds=140)
    assert (f"140 slot(s) from {(T0 + timedelta(seconds=1)).isoformat()} to "
            f"{(T0 + timedelta(seconds=140)).isoformat()}, recorded here at once"
            in d.skipped[0].reason)
    assert "more than the 100 fired at once" in d.skipped[0].reason
    assert _covered(d) == 240


def test_a_week_of_per_second_slots_is_decided_in_bounded_time() -> None:
    """Every second, down for a week: 604,800 slots. Deciding walks a bounded number of them
    (was: every one, seconds long, blocking every other schedule's tick), and still leaves a
    record of every slot not fired."""
    import time as clock

    s = sched("* * * * * *", misfire="run_all", max_catchup=3)
    now = T0 + timedelta(days=7, seconds=0.5)
    started = clock.monotonic()
    d = decide(s, T0, now)
    took = clock.monotonic() - started
    assert took < 0.5, took
    assert [x.slot for x in d.fires][-1] == now.replace(microsecond=0)
    assert len(d.fires) == 3 + 100  # caught up, then the newest 100 of the grace's 300
    oldest, *listed_missed, older_on_time = d.skipped
    assert re.match(r"misfire: more than \d+ slot\(s\) missed", oldest.reason)
    assert f"from {(T0 + timedelta(seconds=1)).isoformat()} to {oldest.slot.isoformat()}, " \
        "recorded here at once" in oldest.reason
    assert "200 slot(s) from" in older_on_time.reason
    # the records and the fires follow each other with no slot left out between them
    listed = sorted([x.slot for x in d.skipped] + [x.slot for x in d.fires])
    newest_missed = now.replace(microsecond=0) - timedelta(seconds=300)
    assert listed[1:len(listed_missed) + 4] == [
        newest_missed - timedelta(seconds=i) for i in range(len(listed_missed) + 2, -1, -1)]
    assert listed[-101:] == [newest_missed + timedelta(seconds=200 + i) for i in range(101)]


@pytest.mark.parametrize("policy", ["skip", "run_once", "run_all"])
def test_missed_slots_are_seen_behind_more_on_time_slots_than_are_listed(policy: str) -> None:
    """Every second with the default grace of 5m: 300 slots are on time after an outage, more
    than the 100 listed; the misfire policy still sees the slots missed before them (was: no
    misfire recorded, nothing caught up, and on-time slots counted as missed)."""
    s = sched("* * * * * *", misfire=policy, max_catchup=3)
    now = T0 + timedelta(minutes=30, seconds=0.5)  # 1,500 slots missed, 300 on time
    d = decide(s, T0, now)
    assert d.missed == 30 * 60 - 300
    first_on_time = T0 + timedelta(minutes=25, seconds=1)
    fired = [x.slot for x in d.fires]
    assert fired[-1] == now.replace(microsecond=0)
    assert _covered(d) == 1800  # every slot fired or on record
    assert all("1500 slot(s) missed" in x.reason for x in d.skipped
               if x.reason.startswith("misfire"))
    skipped = [x.slot for x in d.skipped if "recorded here at once" not in x.reason]
    if policy == "run_all":  # the latest three missed caught up, the ones before recorded
        assert fired[:3] == [first_on_time - timedelta(seconds=i) for i in (3, 2, 1)]
        assert max(skipped) == first_on_time - timedelta(seconds=4)
    else:  # recorded up to the last missed one; only slots on time fire
        assert max(skipped) == first_on_time - timedelta(seconds=1)
        assert min(fired) >= first_on_time


def test_spring_forward_fixed_time_runs_at_the_transition() -> None:
    s = sched("30 2 * * *", "Europe/Berlin")
    before = datetime(2026, 3, 28, 12, 0, tzinfo=BERLIN)
    slot = s.cron.next_after(before)
    assert slot == datetime(2026, 3, 29, 3, 0, tzinfo=BERLIN)  # 02:30 does not exist
    assert slot.utcoffset() == timedelta(hours=2)
    d = decide(s, before, slot + timedelta(seconds=5))
    assert [x.slot for x in d.fires] == [slot]


def test_fall_back_fixed_time_runs_once() -> None:
    s = sched("30 2 * * *", "Europe/Berlin")
    start = datetime(2026, 10, 24, 12, 0, tzinfo=BERLIN)
    end = datetime(2026, 10, 26, 0, 0, tzinfo=BERLIN)
    slots, total = s.cron.between(start, end, keep=10)
    assert total == 1 and slots[0].utcoffset() == timedelta(hours=2)  # the first 02:30 only


def test_fall_back_interval_runs_in_both_halves() -> None:
    s = sched("0 * * * *", "America/New_York")
    start = datetime(2026, 11, 1, 0, 0, tzinfo=NY)  # 01:00 happens twice this night
    slots, _ = s.cron.between(start, start.astimezone(UTC) + timedelta(hours=4), keep=10)
    assert [x.astimezone(UTC).hour for x in slots] == [5, 6, 7, 8]  # 4 real hours, 4 fires
    assert [x.hour for x in slots] == [1, 1, 2, 3]


def test_spring_forward_interval_skips_the_missing_hour() -> None:
    s = sched("15 * * * *", "America/New_York")
    start = datetime(2026, 3, 8, 0, 30, tzinfo=NY)
    slots, _ = s.cron.between(start, datetime(2026, 3, 8, 4, 0, tzinfo=NY), keep=10)
    assert [x.hour for x in slots] == [1, 3]  # 02:15 does not exist; nothing made up twice


def test_a_scheduler_down_across_a_dst_change_applies_the_misfire_policy() -> None:
    s = sched("30 2 * * *", "Europe/Berlin", misfire="run_once", grace="10m")
    last = datetime(2026, 3, 27, 12, 0, tzinfo=BERLIN)
    now = datetime(2026, 3, 30, 9, 0, tzinfo=BERLIN)  # missed the 28th, 29th (03:00), 30th
    d = decide(s, last, now)
    assert d.missed == 3
    assert [x.slot for x in d.fires] == [datetime(2026, 3, 30, 2, 30, tzinfo=BERLIN)]


def test_six_fields_are_seconds_first() -> None:
    s = sched("*/15 * * * * *")
    assert s.cron.upcoming(T0, 3) == [T0 + timedelta(seconds=15 * i) for i in (1, 2, 3)]


@pytest.mark.parametrize(("raw", "field", "message"), [
    ({"cron": "61 * * * *"}, "cron", "Bad minute"),
    ({"cron": "0 0 30 2 *"}, "cron", "day-of-month '30' falls in none of the months '2': it "
                                     "would never fire"),
    ({"cron": "0 0 0 31 4,6 *"}, "cron", "day-of-month '31' falls in none of the months '4,6'"),
    ({"cron": "0 0 32 * *"}, "cron", "'0 0 32 * *': Bad day-of-month"),
    ({"cron": "* * *"}, "cron", "3 fields"),
    ({"cron": ""}, "cron", "empty"),
    ({"cron": "@daily"}, "cron", "'@daily': write the fields it stands for ('0 0 * * *')"),
    ({"cron": "@Hourly"}, "cron", "'@Hourly': write the fields it stands for ('0 * * * *')"),
    ({"cron": "@reboot"}, "cron", "'@reboot': write the fields it stands for, @reboot has no"),
    ({"timezone": "Mars/Olympus"}, "timezone", "unknown time zone"),
    ({"timezone": "../../etc/passwd"}, "timezone", "unknown time zone"),
    ({"timezone": "right/Europe/Berlin"}, "timezone", "unknown time zone"),
    ({"timezone": "posix/Europe/Berlin"}, "timezone", "unknown time zone"),
    ({"concurrency": "sometimes"}, "concurrency", "not one of"),
    ({"misfire": "later"}, "misfire", "not one of"),
    ({"grace": "0s"}, "grace", "between"),
    ({"grace": "soon"}, "grace", ""),
    ({"max_catchup": 0}, "max_catchup", "1 to 1000"),
    ({"paused": "yes"}, "paused", "true or false"),
    ({"request": [1]}, "request", "table"),
    ({"color": "red"}, "color", "unknown field"),
    ({"automation": ""}, "automation", "required"),
])
def test_bad_definitions_name_the_schedule_and_field(raw: dict[str, Any], field: str,
                                                     message: str) -> None:
    base = {"name": "nightly", "automation": "a", "cron": "0 3 * * *"}
    with pytest.raises(ScheduleError) as info:
        parse_schedule({**base, **raw}, where="schedules[0]")
    assert info.value.schedule == "nightly" and info.value.field == field
    assert message in info.value.message and info.value.exit_code == 2


def test_bad_names() -> None:
    for name in ("", "Upper", "has space", "x" * 101, None):
        with pytest.raises(ScheduleError):
            parse_schedule({"name": name, "automation": "a", "cron": "* * * * *"}, where="w")
    with pytest.raises(CronError):
        parse_cron("* * * * *", "Nowhere/City")


def test_slots_in_the_repeated_hour_compare_as_instants_in_the_zone_too() -> None:
    """Times given in the schedule's own zone (as `decide` hands back its last slot): the
    second half of the hour repeated in autumn comes after the first half, as in UTC."""
    s = sched("*/30 * * * *", "Europe/Berlin")
    first_half = datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN)  # 00:30 UTC, fold 0
    second_half = datetime(2026, 10, 25, 2, 0, fold=1, tzinfo=BERLIN)  # 01:00 UTC
    assert s.cron.next_after(first_half).astimezone(UTC) == datetime(2026, 10, 25, 1, 0,
                                                                     tzinfo=UTC)
    assert [x.astimezone(UTC).strftime("%H:%M") for x in s.cron.upcoming(first_half, 2)] == [
        "01:00", "01:30"]
    d = decide(s, first_half, second_half.replace(second=5))
    assert [x.slot.astimezone(UTC) for x in d.fires] == [second_half.astimezone(UTC)]
    assert d.fires[0].reason == "late by 5s, within the grace of 300s"
    early = decide(s, datetime(2026, 10, 25, 2, 0, tzinfo=BERLIN), first_half)
    assert [x.slot.astimezone(UTC) for x in early.fires] == [first_half.astimezone(UTC)]
