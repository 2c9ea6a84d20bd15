"""Metrics and SLO figures read back from real stores (SQLite and PostgreSQL).

Runs go through the real engine (the test kit's harness) on a fake clock, so every duration
and window is known; the expected figures are computed here independently from the stored rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from prometheus_client.parser import text_string_to_metric_families
from pydantic import BaseModel, Field

from opsctl import Action, Automation, TransientError
from opsctl.observe.metrics import ACTION_BUCKETS, RUN_BUCKETS, render_metrics
from opsctl.observe.slo import measure_slo, measure_success, rank_of
from opsctl.store.audit import NewEvent, append_events
from opsctl.store.sql import SQLStore, open_store
from opsctl.testing import FakeClock, OpsctlHarness

CANARY = "canary-7f3a9e-request-value"
START = datetime.fromisoformat("2030-01-01T00:00:00+00:00")
clock = FakeClock(START)
flaky_left: dict[str, int] = {}
broken: set[str] = set()  # notes whose apply fails until taken out (then a resume succeeds)


class Request(BaseModel):
    note: str = Field(description="Ends up in the target and the lock scope")
    seconds: int = Field(description="How long the apply takes")
    fail: bool = False
    transient: int = 0


metered = Automation("metered", version="1.0.0", owner="tests", summary="Metered",
                     request=Request, lock_scope=("note",), retry={"attempts": 3, "base": 1},
                     slo={"success_rate": 0.9, "p95": "10m"})


@metered.plan
def plan(ctx: Any, req: Request) -> Iterator[Action]:
    yield Action(id="one", kind="update", target=f"thing/{req.note}", reason="test")


@metered.apply
def apply(ctx: Any, req: Request, action: Action) -> None:
    if flaky_left.get(req.note, req.transient) > 0:
        flaky_left[req.note] = flaky_left.get(req.note, req.transient) - 1
        raise TransientError("try again")
    clock.advance(req.seconds)
    if req.fail or req.note in broken:
        raise RuntimeError("broken")


@pytest.fixture
def seeded(store_url: str, tmp_path: Path) -> Iterator[tuple[OpsctlHarness, datetime]]:
    """Six runs of ``metered``: one 40 days old, four recent applies (one failed, one retried),
    and a dry run."""
    flaky_left.clear()
    broken.clear()
    clock.set(START - timedelta(days=40))
    harness = OpsctlHarness(tmp_path / "h", clock=clock, settings={"store_url": store_url})
    harness.register(metered)
    with harness:
        assert harness.apply(metered, note=f"{CANARY}-old", seconds=1).exit_code == 0
        clock.set(START)
        assert harness.apply(metered, note=f"{CANARY}-a", seconds=2).exit_code == 0
        assert harness.apply(metered, note=f"{CANARY}-b", seconds=20).exit_code == 0
        assert harness.apply(metered, note=f"{CANARY}-c", seconds=200, fail=True).exit_code == 1
        assert harness.apply(metered, note=f"{CANARY}-d", seconds=5, transient=1).exit_code == 0
        assert harness.dry_run(metered, note=f"{CANARY}-e", seconds=1).exit_code == 10
        yield harness, clock()


def families(store: SQLStore, now: datetime, **kwargs: Any) -> dict[str, Any]:
    body, content_type = render_metrics(store, ["metered", "idle"], now=now, **kwargs)
    assert content_type.startswith("text/plain; version=")
    return {f.name: f for f in text_string_to_metric_families(body.decode())}


def samples(family: Any, suffix: str = "", **labels: str) -> list[Any]:
    return [s for s in family.samples if s.name == family.name + suffix
            and all(s.labels.get(k) == v for k, v in labels.items())]


def value(family: Any, suffix: str = "", **labels: str) -> float:
    found = samples(family, suffix, **labels)
    assert len(found) == 1, (labels, family.samples)
    return float(found[0].value)


def seconds_between(start: str, end: str) -> float:
    return (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds()


def stored_runs(store: SQLStore) -> list[dict[str, Any]]:
    return store.list_runs(automation="metered", limit=100)


def test_runs_total_and_histograms_match_the_stored_rows(seeded: tuple[OpsctlHarness, datetime],
                                                         store_url: str) -> None:
    _, now = seeded
    store = open_store(store_url)
    try:
        got = families(store, now)
        runs = stored_runs(store)
        assert value(got["opsctl_runs"], "_total", automation="metered", mode="apply",
                     status="succeeded", exit_code="0") == 4
        assert value(got["opsctl_runs"], "_total", automation="metered", mode="apply",
                     status="failed", exit_code="1") == 1
        assert value(got["opsctl_runs"], "_total", automation="metered", mode="plan",
                     status="changes_planned", exit_code="10") == 1

        applies = [seconds_between(r["started_at"], r["finished_at"]) for r in runs
                   if r["mode"] == "apply"]
        assert {1.0, 2.0, 20.0, 200.0} <= set(applies)
        histogram = got["opsctl_run_duration_seconds"]
        assert value(histogram, "_count", automation="metered", mode="apply") == len(applies) == 5
        assert value(histogram, "_sum", automation="metered", mode="apply") == \
            pytest.approx(sum(applies), abs=0.01)
        for le in RUN_BUCKETS:
            assert value(histogram, "_bucket", automation="metered", mode="apply",
                         le=repr(le)) == sum(1 for d in applies if d <= le), le
        assert value(histogram, "_bucket", automation="metered", mode="apply", le="+Inf") == 5

        actions = [a for r in runs if r["mode"] == "apply" for a in store.list_actions(r["id"])]
        durations = [seconds_between(a.started_at, a.finished_at) for a in actions
                     if a.started_at and a.finished_at]
        action_histogram = got["opsctl_action_duration_seconds"]
        assert value(action_histogram, "_count", automation="metered") == len(durations) == 5
        assert value(action_histogram, "_sum", automation="metered") == \
            pytest.approx(sum(durations), abs=0.01)
        for le in ACTION_BUCKETS:
            assert value(action_histogram, "_bucket", automation="metered",
                         le=repr(le)) == sum(1 for d in durations if d <= le), le
        assert value(got["opsctl_action_retries"], "_total", automation="metered") == 1
    finally:
        store.close()


def test_gauges_locks_and_slo_error_ratio(seeded: tuple[OpsctlHarness, datetime],
                                          store_url: str) -> None:
    _, now = seeded
    store = open_store(store_url)
    try:
        store.create_run({"id": "run_queued", "automation": "metered", "contract_version": "1.0.0",
                          "mode": "apply", "status": "queued", "actor": "me",
                          "request": {"note": CANARY}, "runtime": {},
                          "started_at": now.isoformat()})
        token, _ = store.acquire_lease(f"metered/note={CANARY}-held", "run_x", actor="me",
                                       host="h", pid=1, now=now, ttl_s=60)
        assert token is not None
        assert store.break_lease(f"metered/note={CANARY}-held", actor="me", reason="test",
                                 now=now) is not None
        _save_plans(store, now)

        got = families(store, now, objectives={"metered": metered.slo})
        assert value(got["opsctl_runs_queued"], automation="metered") == 1
        assert value(got["opsctl_runs_queued"], automation="idle") == 0
        assert value(got["opsctl_runs_running"], automation="metered") == 0
        assert value(got["opsctl_approvals_pending"], automation="metered") == 1
        assert value(got["opsctl_lock_events"], "_total", automation="metered",
                     event="acquired") == 6  # five applies and the lease taken above
        assert value(got["opsctl_lock_events"], "_total", automation="metered",
                     event="released") == 5
        assert value(got["opsctl_lock_events"], "_total", automation="metered", event="broken") == 1
        assert value(got["opsctl_locks_held"], automation="metered") == 0
        # a lease held now counts; once its TTL has passed (its holder crashed) it does not,
        # though its row stays until another run takes the scope over
        token, _ = store.acquire_lease(f"metered/note={CANARY}-crashed", "run_y", actor="me",
                                       host="h", pid=1, now=now, ttl_s=60)
        assert token is not None
        held = families(store, now, objectives={"metered": metered.slo})
        assert value(held["opsctl_locks_held"], automation="metered") == 1
        later = families(store, now + timedelta(seconds=61), objectives={"metered": metered.slo})
        assert value(later["opsctl_locks_held"], automation="metered") == 0

        # four recent applies counted (the dry run is not, the old run is outside 3 days)
        for window in ("5m", "30m", "1h", "2h", "6h", "1d", "3d"):
            assert value(got["opsctl_slo_error_ratio"], automation="metered",
                         window=window) == 0.25
        assert value(got["opsctl_slo_error_ratio"], automation="idle", window="1h") == 0
        assert value(got["opsctl_slo_objective_success_rate"], automation="metered") == 0.9
        # 1 failure of 4 counted runs in 30 days, where 0.4 are allowed: 1 - 1/0.4
        assert value(got["opsctl_slo_error_budget_remaining"], automation="metered") == \
            pytest.approx(-1.5)
    finally:
        store.close()


def _save_plans(store: SQLStore, now: datetime) -> None:
    """Three saved plans needing approval: one pending, one rejected, one expired; and one
    whose policy allowed it (needs no approval)."""
    def plan(plan_id: str, expires: datetime, effect: str) -> None:
        store.save_plan({"plan_id": plan_id, "automation": "metered", "contract_version": "1.0.0",
                         "fingerprint": "sha256:x", "created_by": "me",
                         "created_at": now.isoformat(), "expires_at": expires.isoformat(),
                         "request": {"note": CANARY}})
        append_events(store, [NewEvent("policy.decision", "me", {"effect": effect, "rule": "r"},
                                       plan_id=plan_id)])

    later, earlier = now + timedelta(hours=1), now - timedelta(hours=1)
    plan("plan_pending", later, "require_approval")
    plan("plan_rejected", later, "require_approval")
    plan("plan_expired", earlier, "require_approval")
    plan("plan_allowed", later, "allow")
    with store.transaction():
        store._execute("INSERT INTO approvals (id, plan_id, fingerprint, decision, actor, reason, "
                       "created_at) VALUES ('apr_1', 'plan_rejected', 'sha256:x', 'rejected', "
                       "'boss', 'no', ?)", (now.isoformat(),))


def test_two_connections_agree_and_see_each_others_runs(seeded: tuple[OpsctlHarness, datetime],
                                                        store_url: str) -> None:
    harness, now = seeded
    first, second = open_store(store_url), open_store(store_url)
    try:
        assert render_metrics(first, ["metered"], now=now) == \
            render_metrics(second, ["metered"], now=now)
        assert harness.apply(metered, note="another", seconds=3).exit_code == 0
        later = clock()
        body_first = render_metrics(first, ["metered"], now=later)
        assert body_first == render_metrics(second, ["metered"], now=later)
        got = {f.name: f for f in text_string_to_metric_families(body_first[0].decode())}
        assert value(got["opsctl_runs"], "_total", automation="metered", mode="apply",
                     status="succeeded", exit_code="0") == 5
    finally:
        first.close()
        second.close()


def test_no_request_value_in_any_label(seeded: tuple[OpsctlHarness, datetime],
                                       store_url: str) -> None:
    _, now = seeded
    store = open_store(store_url)
    try:
        _save_plans(store, now)
        body, _ = render_metrics(store, ["metered"], now=now, objectives={"metered": metered.slo})
        assert CANARY not in body.decode()
        assert "note=" not in body.decode() and "thing/" not in body.decode()
    finally:
        store.close()


def test_slo_figures_over_the_window(seeded: tuple[OpsctlHarness, datetime],
                                     store_url: str) -> None:
    _, now = seeded
    store = open_store(store_url)
    try:
        measured = measure_slo(store, "metered", window_s=30 * 86400, now=now)
        recent = sorted(seconds_between(r["started_at"], r["finished_at"])
                        for r in stored_runs(store)
                        if r["mode"] == "apply" and r["started_at"] >= START.isoformat())
        assert (measured.runs, measured.good) == (4, 3)
        assert measured.p50_s == pytest.approx(recent[rank_of(4, 0.5) - 1], abs=0.01)
        assert measured.p95_s == pytest.approx(recent[rank_of(4, 0.95) - 1], abs=0.01)
        assert recent[rank_of(4, 0.95) - 1] == 200.0
        assert (measured.actions, measured.retried_actions) == (4, 1)
        assert measured.windows["5m"] == (1, 4) and measured.windows["3d"] == (1, 4)

        wide = measure_slo(store, "metered", window_s=60 * 86400, now=now)
        assert (wide.runs, wide.good) == (5, 4)
        later = measure_slo(store, "metered", window_s=30 * 86400, now=now + timedelta(hours=2))
        assert later.windows["5m"] == (0, 0) and later.windows["6h"] == (1, 4)
        nothing = measure_slo(store, "nobody", window_s=86400, now=now)
        assert (nothing.runs, nothing.p50_s, nothing.p95_s, nothing.actions) == (0, None, None, 0)

        # the catalog's summary counts the same runs as the full measurement
        for window_s, at in ((30 * 86400, now), (60 * 86400, now),
                             (30 * 86400, now + timedelta(hours=2)), (86400, now)):
            full = measure_slo(store, "metered", window_s=window_s, now=at)
            assert measure_success(store, "metered", window_s=window_s, now=at) == \
                (full.runs, full.good)
        assert measure_success(store, "nobody", window_s=86400, now=now) == (0, 0)
    finally:
        store.close()


def test_a_resumed_run_lasts_its_last_attempt_not_the_day_it_lay_dead(
        seeded: tuple[OpsctlHarness, datetime], store_url: str) -> None:
    """A resumed run keeps its first attempt's ``started_at``: the columns alone made a run
    resumed a day later a one-day run in p95 and in the duration histogram."""
    from opsctl.engine.run import execute

    harness, _ = seeded
    note = f"{CANARY}-resumed"
    broken.add(note)
    first = harness.apply(metered, note=note, seconds=2)
    assert first.exit_code == 1
    broken.discard(note)
    clock.advance(86400)
    session = harness.open_session()
    try:
        resumed = execute(session, metered, {"note": note, "seconds": 2}, mode="apply",
                          resume_run_id=first.doc["run_id"])
        assert resumed.exit_code == 0
    finally:
        session.close()
    now = clock()
    store = open_store(store_url)
    try:
        row = store.get_run(first.doc["run_id"])
        assert row is not None and row["status"] == "succeeded"
        assert seconds_between(row["started_at"], row["finished_at"]) == 86404.0
        assert row["result"]["timing"]["duration_ms"] == 2000  # the attempt that finished it

        applies = [store.get_run(r["id"]) for r in stored_runs(store) if r["mode"] == "apply"]
        durations = sorted(r["result"]["timing"]["duration_ms"] / 1000 for r in applies if r)
        assert len(durations) == 6 and max(durations) == 200.0
        histogram = families(store, now)["opsctl_run_duration_seconds"]
        assert value(histogram, "_sum", automation="metered", mode="apply") == \
            pytest.approx(sum(durations), abs=0.01)
        for le in RUN_BUCKETS:
            assert value(histogram, "_bucket", automation="metered", mode="apply",
                         le=repr(le)) == sum(1 for d in durations if d <= le), le

        measured = measure_slo(store, "metered", window_s=30 * 86400, now=now)
        assert (measured.runs, measured.good) == (5, 4)
        assert measured.p95_s == 200.0  # not 86404
    finally:
        store.close()
