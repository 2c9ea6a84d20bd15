"""The arithmetic of service-level objectives, and how objectives are declared."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from opsctl import Automation
from opsctl.observe.slo import (
    BURN_ALERTS,
    BURN_WINDOWS,
    Measured,
    burn_alerts,
    burn_rate,
    error_budget_remaining,
    error_ratio,
    nearest_rank,
    normalize_slo,
    rank_of,
    slo_report,
    success_rate,
    window_seconds,
)


class Request(BaseModel):
    n: int = 1


def declare(slo: Any) -> Automation[Request]:
    return Automation("with-slo", version="1.0.0", owner="t", summary="s", request=Request,
                      slo=slo)


@pytest.mark.parametrize(("values", "q", "expected"), [
    ([], 0.5, None),
    ([7.0], 0.95, 7.0),
    ([1.0, 2.0, 3.0, 4.0], 0.5, 2.0),
    ([1.0, 2.0, 3.0, 4.0], 0.95, 4.0),
    ([float(i) for i in range(1, 101)], 0.95, 95.0),
    ([float(i) for i in range(1, 101)], 0.5, 50.0),
    ([float(i) for i in range(1, 21)], 0.95, 19.0),
], ids=["empty", "one", "median-of-4", "p95-of-4", "p95-of-100", "p50-of-100", "p95-of-20"])
def test_nearest_rank(values: list[float], q: float, expected: float | None) -> None:
    assert nearest_rank(values, q) == expected


@given(st.lists(st.floats(0, 1e6), min_size=1, max_size=200), st.floats(0.01, 1.0))
def test_nearest_rank_is_a_value_with_at_least_q_at_or_below_it(values: list[float],
                                                                q: float) -> None:
    ordered = sorted(values)
    found = nearest_rank(ordered, q)
    assert found in ordered
    assert sum(1 for v in ordered if v <= found) >= math.ceil(q * len(ordered) - 1e-9)
    assert 1 <= rank_of(len(ordered), q) <= len(ordered)


def test_rates_and_budget() -> None:
    assert success_rate(0, 0) is None
    assert success_rate(99, 100) == 0.99
    assert error_ratio(0, 0) == 0.0
    assert error_ratio(1, 4) == 0.25
    assert burn_rate(1, 100, 0.99) == pytest.approx(1.0)
    assert burn_rate(10, 100, 0.99) == pytest.approx(10.0)
    assert error_budget_remaining(0, 0, 0.99) == 1.0  # nothing ran, nothing spent
    assert error_budget_remaining(1000, 1000, 0.99) == 1.0
    assert error_budget_remaining(995, 1000, 0.99) == pytest.approx(0.5)
    assert error_budget_remaining(990, 1000, 0.99) == pytest.approx(0.0)
    assert error_budget_remaining(980, 1000, 0.99) == pytest.approx(-1.0)  # overspent


def test_burn_alert_pairs_are_the_workbook_ones() -> None:
    assert [(a.long, a.short, a.threshold, a.severity) for a in BURN_ALERTS] == [
        ("1h", "5m", 14.4, "page"), ("6h", "30m", 6.0, "page"),
        ("1d", "2h", 3.0, "ticket"), ("3d", "6h", 1.0, "ticket")]


def test_an_alert_fires_only_when_both_windows_burn_too_fast() -> None:
    # 20% failures in the last hour and 5 minutes: burn 20x a 99% objective -> page
    windows = {"5m": (2, 10), "1h": (20, 100), "30m": (0, 10), "6h": (20, 400),
               "2h": (20, 200), "1d": (20, 1000), "3d": (20, 3000)}
    fired = {(b["long_window"], b["short_window"]): b["firing"]
             for b in burn_alerts(windows, 0.99)}
    assert fired == {("1h", "5m"): True, ("6h", "30m"): False, ("1d", "2h"): False,
                     ("3d", "6h"): False}
    # the long window burns, the short one has recovered: no page
    windows["5m"] = (0, 10)
    assert not burn_alerts(windows, 0.99)[0]["firing"]
    # no runs at all is no burn
    assert not any(b["firing"] for b in burn_alerts({}, 0.99))


def test_an_out_of_reach_page_threshold_is_capped_at_every_run_failing() -> None:
    """75%: the budget is a quarter of the runs, so no burn exceeds 4x; the workbook's 14.4x
    and 6x pages (error ratios 3.6 and 1.5) could never fire."""
    every_run_failed = {w: (4, 4) for w in BURN_WINDOWS}
    alerts = burn_alerts(every_run_failed, 0.75)
    assert [(b["severity"], b["error_ratio_threshold"], b["firing"]) for b in alerts] == [
        ("page", 1.0, True), ("page", 1.0, True), ("ticket", 0.75, True), ("ticket", 0.25, True)]
    assert [b["note"] is not None for b in alerts] == [True, True, False, False]
    assert "14.4x burn is out of reach for a 75% objective (at most 4x" in alerts[0]["note"]
    assert "fires when every run in 1h and in 5m failed" in alerts[0]["note"]
    most_failed = {w: (7, 8) for w in BURN_WINDOWS}
    assert [b["firing"] for b in burn_alerts(most_failed, 0.75)] == [False, False, True, True]
    assert [b["firing"] for b in burn_alerts({}, 0.75)] == [False] * 4
    # a 99.9% objective keeps the workbook's limits
    assert [b["error_ratio_threshold"] for b in burn_alerts({}, 0.999)] == [
        0.0144, 0.006, 0.003, 0.001]
    assert all(b["note"] is None for b in burn_alerts({}, 0.999))


def test_rules_cap_an_out_of_reach_threshold_and_say_so() -> None:
    import yaml

    from opsctl.observe.alert_rules import alerting_rules_yaml

    text = alerting_rules_yaml({"low": normalize_slo("low", {"success_rate": 0.75})})
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert [c.split(":")[:2] for c in comments] == [["# low", " page 1h/5m"],
                                                     ["# low", " page 6h/30m"]]
    page, ticket = yaml.safe_load(text)["groups"][0]["rules"]
    assert 'window="1h"} >= 1 and ignoring(window)' in page["expr"]
    assert 'window="5m"} >= 1)' in page["expr"] and "3.6" not in page["expr"]
    assert "out of reach for a 75% objective" in page["annotations"]["description"]
    assert 'window="1d"} > 0.75 and' in ticket["expr"]
    assert "out of reach" not in ticket["annotations"]["description"]

    high = alerting_rules_yaml({"high": normalize_slo("high", {"success_rate": 0.999})})
    assert not high.startswith("#")
    assert 'window="1h"} > 0.0144 and' in yaml.safe_load(high)["groups"][0]["rules"][0]["expr"]


def test_report_with_and_without_objectives() -> None:
    measured = Measured(runs=4, good=3, p50_s=20.0, p95_s=700.0, actions=8, retried_actions=2,
                        windows={"5m": (1, 4), "1h": (1, 4)})
    now = datetime(2030, 1, 1, tzinfo=UTC)
    objectives = normalize_slo("x", {"success_rate": 0.9, "p50": "1m", "p95": "10m"})
    report = slo_report("x", objectives, measured, window="30d", now=now)
    assert report["success_rate"] == 0.75 and report["retry_rate"] == 0.25
    assert report["met"] == {"success_rate": False, "p50": True, "p95": False}
    assert report["error_budget_remaining"] == pytest.approx(1 - 1 / 0.4)
    assert len(report["burn_rates"]) == 4

    bare = slo_report("x", None, measured, window="7d", now=now)
    assert bare["objectives"] is None and bare["error_budget_remaining"] is None
    assert bare["burn_rates"] == [] and bare["met"] == {"success_rate": None, "p50": None,
                                                        "p95": None}
    assert bare["p95_seconds"] == 700.0


def test_declared_objectives_are_normalised_and_exposed() -> None:
    automation = declare({"success_rate": 0.99, "p95": "10m"})
    assert automation.slo == {"success_rate": 0.99, "p50": None, "p95": "10m", "window": "30d"}
    assert declare(None).slo is None
    assert declare({"p50": 90, "window": "7d"}).slo == {"success_rate": None, "p50": "90s",
                                                        "p95": None, "window": "7d"}


@pytest.mark.parametrize(("slo", "message"), [
    ({"success_rate": 0.99, "p99": "1m"}, "unknown keys ['p99']"),
    ({"success_rate": 1.0}, "between 0 and 1"),
    ({"success_rate": 0}, "between 0 and 1"),
    ({"success_rate": "0.99"}, "between 0 and 1"),
    ({"success_rate": True}, "between 0 and 1"),
    ({"success_rate": float("nan")}, "between 0 and 1"),
    ({"p95": "ten minutes"}, "slo p95: invalid duration"),
    ({"p95": "0s"}, "longer than zero"),
    ({"p95": "-5m"}, "must not be negative"),
    ({"success_rate": 0.9, "window": "soon"}, "slo window"),
    ({"success_rate": 0.9, "window": "1000000d"}, "slo window must be at most 3650d"),
    ({"success_rate": 0.9, "window": "3651d"}, "slo window must be at most 3650d"),
    ({"window": "30d"}, "declares no objective"),
    ("99%", "must be a mapping"),
], ids=["unknown-key", "rate-one", "rate-zero", "rate-string", "rate-bool", "rate-nan",
        "bad-duration", "zero-duration", "negative-duration", "bad-window", "huge-window",
        "window-over-ten-years", "no-objective", "not-a-mapping"])
def test_bad_objectives_are_refused_at_declaration(slo: Any, message: str) -> None:
    with pytest.raises(ValueError, match=r"automation 'with-slo': ") as caught:
        declare(slo)
    assert message in str(caught.value)


def test_the_longest_window_is_ten_years_and_measurable() -> None:
    """A million days made ``now - window`` fall before year 1: OverflowError, exit 1."""
    assert window_seconds("3650d") == 3650 * 86400
    assert declare({"success_rate": 0.9, "window": "3650d"}).slo["window"] == "3650d"
    for too_long in ("3651d", "1000000d", 999999 * 86400):
        with pytest.raises(ValueError, match="the window must be at most 3650d"):
            window_seconds(too_long)
    now = datetime(2030, 1, 1, tzinfo=UTC)
    assert now - timedelta(seconds=window_seconds("3650d")) > datetime(2000, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(("start", "end", "seconds"), [
    ("2030-01-01T00:00:02.000+00:00", "2030-01-01T00:00:07.000+00:00", 5.0),
    ("2030-01-01T00:03:42.930+00:00", "2030-01-01T00:03:47.930+00:00", 5.0),
    ("2029-12-31T23:59:59.999+00:00", "2030-01-01T00:00:00.100+00:00", 0.101),
])
def test_a_duration_in_sqlite_is_exact_to_the_millisecond(start: str, end: str, seconds: float) -> None:
    """julianday() alone gave 5.000013 s for a run of 5 s: it fell out of the le="5" bucket."""
    import sqlite3

    from opsctl.observe.slo import duration_sql

    with sqlite3.connect(":memory:") as conn:
        # the SQL names the end, then the start
        got = conn.execute(f"SELECT {duration_sql('sqlite', '?', '?')}", (end, start)).fetchone()[0]
    assert got == seconds
