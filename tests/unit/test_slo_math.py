"""The arithmetic of service-level objectives, and how objectives are declared."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from opsctl import Automation
from opsctl.observe.slo import (
    BURN_ALERTS,
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
    ({"window": "30d"}, "declares no objective"),
    ("99%", "must be a mapping"),
], ids=["unknown-key", "rate-one", "rate-zero", "rate-string", "rate-bool", "rate-nan",
        "bad-duration", "zero-duration", "negative-duration", "bad-window", "no-objective",
        "not-a-mapping"])
def test_bad_objectives_are_refused_at_declaration(slo: Any, message: str) -> None:
    with pytest.raises(ValueError, match=r"automation 'with-slo': ") as caught:
        declare(slo)
    assert message in str(caught.value)


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
