"""Service-level objectives of automations: declared objectives, measured figures, burn rates.

An automation declares objectives with ``Automation(..., slo={"success_rate": 0.99,
"p95": "10m"})``; :func:`normalize_slo` checks them at declaration. :func:`measure_slo` reads
the store over a window ending now, and the rest of this module is plain arithmetic on counts.

What counts: a run is counted in a window when it is an **apply** (reconcile iterations are
applies; plans and dry runs are not), it has **finished** (``finished_at`` set) inside the
window, and its status is not ``denied`` (a policy decision working as intended) or
``changes_planned`` (an apply declined at the confirmation prompt). Of those, ``succeeded``
and ``no_changes`` are good; ``failed``, ``partial``, ``cancelled`` and ``conflict`` spend the
error budget. A ``conflict`` run is one whose action raised ConflictError, or a queued run
refused because its lease was held; an apply started directly that cannot take its lease
(exit 7) records no run, so it is not counted (it is a ``conflict`` lock event). A resumed
run counts once, with its latest outcome. Durations (p50, p95) are of all counted runs,
nearest rank; a run's duration is its last attempt's (:func:`run_duration_sql`: the time a
resumed run lay dead is not counted). The retry rate is the share of the counted runs'
actions that ran (attempts >= 1) and needed more than one attempt.

Burn rates follow the Google SRE workbook's multi-window, multi-burn-rate alerts: an alert
fires when both its long and its short window burn faster than its threshold.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from opsctl.contract.durations import parse_duration

if TYPE_CHECKING:
    from opsctl.store.sql import SQLStore

SLO_KEYS = ("success_rate", "p50", "p95", "window")
DEFAULT_WINDOW = "30d"
GOOD_STATUSES = ("succeeded", "no_changes")
NOT_COUNTED_STATUSES = ("running", "queued", "denied", "changes_planned")


@dataclass(frozen=True)
class BurnAlert:
    """One multi-window burn-rate alert: both windows must burn faster than ``threshold``."""

    long: str
    short: str
    threshold: float
    severity: str  # "page" or "ticket"

    def reachable(self, objective: float) -> bool:
        """Whether an error ratio can burn ``objective``'s budget faster than ``threshold``:
        not when ``threshold * (1 - objective) >= 1`` (14.4x a 75% objective's budget is an
        error ratio of 3.6, and at most every run fails)."""
        return self.threshold * (1.0 - objective) < 1.0

    def error_ratio_limit(self, objective: float) -> float:
        """The error ratio both windows must exceed (six significant digits, as the rules
        print it); capped at 1 when out of reach, which is then met by a ratio of 1 (every
        run in the window failed): the fastest burn there is still pages."""
        if not self.reachable(objective):
            return 1.0
        return float(f"{self.threshold * (1.0 - objective):.6g}")

    def exceeded(self, ratio: float, objective: float) -> bool:
        """Whether one window's error ratio is over this alert's limit."""
        limit = self.error_ratio_limit(objective)
        return ratio >= limit if not self.reachable(objective) else ratio > limit


# The Google SRE workbook's pairs for a 30-day objective (chapter "Alerting on SLOs").
BURN_ALERTS: tuple[BurnAlert, ...] = (
    BurnAlert("1h", "5m", 14.4, "page"),
    BurnAlert("6h", "30m", 6.0, "page"),
    BurnAlert("1d", "2h", 3.0, "ticket"),
    BurnAlert("3d", "6h", 1.0, "ticket"),
)
BURN_WINDOWS: tuple[str, ...] = ("5m", "30m", "1h", "2h", "6h", "1d", "3d")
# The longest window: ``now - window`` must stay a date (year 1 at the earliest), and no store
# holds more history than this is worth measuring over.
MAX_WINDOW = "3650d"
MAX_WINDOW_SECONDS = 3650 * 86400.0


# -- declaration -----------------------------------------------------------------------------

def _positive_duration(value: Any, key: str, name: str, *, longest: float | None = None) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(f"automation {name!r}: slo {key} must be a duration like 10m or a "
                         "number of seconds")
    try:
        seconds = parse_duration(value).total_seconds()
    except ValueError as exc:
        raise ValueError(f"automation {name!r}: slo {key}: {exc}") from None
    if seconds <= 0:
        raise ValueError(f"automation {name!r}: slo {key} must be longer than zero")
    if longest is not None and seconds > longest:
        raise ValueError(f"automation {name!r}: slo {key} must be at most {MAX_WINDOW} "
                         "(10 years)")
    return value.strip() if isinstance(value, str) else f"{value:g}s"


def normalize_slo(name: str, slo: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The declared objectives, checked: ``success_rate`` in (0, 1), ``p50``/``p95``/``window``
    durations (``window`` defaults to 30d, at most 3650d). ValueError names what is wrong."""
    if slo is None:
        return None
    if not isinstance(slo, Mapping):
        raise ValueError(f"automation {name!r}: slo must be a mapping such as "
                         '{"success_rate": 0.99, "p95": "10m"}')
    unknown = sorted(str(k) for k in slo if k not in SLO_KEYS)
    if unknown:
        raise ValueError(f"automation {name!r}: slo has unknown keys {unknown} (known: "
                         f"{', '.join(SLO_KEYS)})")
    objectives = [k for k in ("success_rate", "p50", "p95") if slo.get(k) is not None]
    if not objectives:
        raise ValueError(f"automation {name!r}: slo declares no objective (success_rate, p50 "
                         "or p95)")
    out: dict[str, Any] = {"success_rate": None, "p50": None, "p95": None,
                           "window": _positive_duration(slo.get("window", DEFAULT_WINDOW),
                                                        "window", name,
                                                        longest=MAX_WINDOW_SECONDS)}
    rate = slo.get("success_rate")
    if rate is not None:
        if isinstance(rate, bool) or not isinstance(rate, int | float) or not 0 < rate < 1 \
                or math.isnan(rate):
            raise ValueError(f"automation {name!r}: slo success_rate must be a number between "
                             f"0 and 1 (exclusive), like 0.99, not {rate!r}")
        out["success_rate"] = float(rate)
    for key in ("p50", "p95"):
        if slo.get(key) is not None:
            out[key] = _positive_duration(slo[key], key, name)
    return out


def window_seconds(text: str | int | float) -> float:
    """A report window (``30d``, ``6h``...) in seconds; ValueError if not a positive duration
    of at most :data:`MAX_WINDOW`."""
    seconds = parse_duration(text).total_seconds()
    if seconds <= 0:
        raise ValueError("the window must be longer than zero")
    if seconds > MAX_WINDOW_SECONDS:
        raise ValueError(f"the window must be at most {MAX_WINDOW} (10 years)")
    return seconds


# -- the arithmetic ----------------------------------------------------------------------------

def nearest_rank(ordered: Sequence[float], q: float) -> float | None:
    """The ``q`` quantile (0 < q <= 1) of ascending ``ordered`` values by nearest rank."""
    if not ordered:
        return None
    return ordered[rank_of(len(ordered), q) - 1]


def rank_of(n: int, q: float) -> int:
    """The 1-based nearest rank of quantile ``q`` among ``n`` values (n >= 1)."""
    return min(n, max(1, math.ceil(q * n - 1e-9)))


def success_rate(good: int, total: int) -> float | None:
    return good / total if total else None


def error_ratio(bad: int, total: int) -> float:
    """The share of failed runs; 0 when nothing ran (no run failed)."""
    return bad / total if total else 0.0


def burn_rate(bad: int, total: int, objective: float) -> float:
    """How fast the error budget burns: 1 spends exactly the budget over the SLO window."""
    return error_ratio(bad, total) / (1.0 - objective)


def error_budget_remaining(good: int, total: int, objective: float) -> float:
    """``1 - failures / allowed failures``: 1 untouched, 0 spent, below 0 overspent."""
    if not total:
        return 1.0
    allowed = (1.0 - objective) * total
    return 1.0 - (total - good) / allowed


def burn_alerts(windows: Mapping[str, tuple[int, int]], objective: float,
                alerts: Sequence[BurnAlert] = BURN_ALERTS) -> list[dict[str, Any]]:
    """Each alert with both windows' burn rates and whether it fires; ``windows`` maps a
    window (``1h``) to (bad, total) runs finished in it. An alert whose threshold is out of
    reach for ``objective`` fires when every run of both windows failed, and says so in
    ``note``; the rules (:mod:`opsctl.observe.alert_rules`) compare the same limits."""
    out = []
    for alert in alerts:
        long_bad, long_total = windows.get(alert.long, (0, 0))
        short_bad, short_total = windows.get(alert.short, (0, 0))
        long_ratio, short_ratio = error_ratio(long_bad, long_total), error_ratio(short_bad,
                                                                                 short_total)
        out.append({"long_window": alert.long, "short_window": alert.short,
                    "threshold": alert.threshold, "severity": alert.severity,
                    "error_ratio_threshold": alert.error_ratio_limit(objective),
                    "long_burn_rate": round(burn_rate(long_bad, long_total, objective), 4),
                    "short_burn_rate": round(burn_rate(short_bad, short_total, objective), 4),
                    "firing": alert.exceeded(long_ratio, objective)
                    and alert.exceeded(short_ratio, objective),
                    "note": unreachable_note(alert, objective)})
    return out


def unreachable_note(alert: BurnAlert, objective: float) -> str | None:
    """Why an alert's threshold is capped for ``objective`` (None when it is reachable)."""
    if alert.reachable(objective):
        return None
    return (f"a {alert.threshold:g}x burn is out of reach for a {objective * 100:g}% objective "
            f"(at most {1.0 / (1.0 - objective):.3g}x, every run failing): fires when every "
            f"run in {alert.long} and in {alert.short} failed")


@dataclass(frozen=True)
class Measured:
    """What the store holds about one automation's counted runs over a window."""

    runs: int
    good: int
    p50_s: float | None
    p95_s: float | None
    actions: int
    retried_actions: int
    windows: Mapping[str, tuple[int, int]]  # burn window -> (bad, total)


def slo_report(name: str, objectives: Mapping[str, Any] | None, measured: Measured, *,
               window: str, now: datetime) -> dict[str, Any]:
    """The report of one automation: objectives (or null), measured figures and verdicts."""
    rate = success_rate(measured.good, measured.runs)
    target = objectives.get("success_rate") if objectives else None
    p50 = objectives.get("p50") if objectives else None
    p95 = objectives.get("p95") if objectives else None

    def within(measured_s: float | None, objective: str | None) -> bool | None:
        if objective is None or measured_s is None:
            return None
        return measured_s <= parse_duration(objective).total_seconds()

    return {
        "automation": name,
        "window": window,
        "until": now.isoformat(timespec="seconds"),
        "objectives": dict(objectives) if objectives else None,
        "runs": measured.runs,
        "succeeded": measured.good,
        "failed": measured.runs - measured.good,
        "success_rate": None if rate is None else round(rate, 6),
        "p50_seconds": None if measured.p50_s is None else round(measured.p50_s, 3),
        "p95_seconds": None if measured.p95_s is None else round(measured.p95_s, 3),
        "retry_rate": round(measured.retried_actions / measured.actions, 6)
        if measured.actions else None,
        "error_budget_remaining": None if target is None else round(
            error_budget_remaining(measured.good, measured.runs, target), 6),
        "burn_rates": [] if target is None else burn_alerts(measured.windows, target),
        "met": {
            "success_rate": None if target is None or rate is None else rate >= target,
            "p50": within(measured.p50_s, p50),
            "p95": within(measured.p95_s, p95),
        },
    }


# -- the store -------------------------------------------------------------------------------

def iso_utc(moment: datetime) -> str:
    """A moment as the store writes timestamps (ISO 8601, UTC, milliseconds), so text
    comparisons in SQL order them correctly."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def duration_sql(dialect: str, start: str = "started_at", end: str = "finished_at") -> str:
    """SQL for the seconds between two ISO 8601 text columns.

    SQLite's ``julianday`` is a double near 2.46 million days, exact to about 40 µs only, so a
    run of exactly 5 s came out as 5.00002 s and missed the histogram's ``le="5"`` bucket; the
    times opsctl stores have milliseconds, so the difference is rounded to them."""
    if dialect == "postgresql":
        return f"EXTRACT(EPOCH FROM (CAST({end} AS timestamptz) - CAST({start} AS timestamptz)))"
    return f"ROUND((julianday({end}) - julianday({start})) * 86400.0, 3)"


def run_duration_sql(dialect: str) -> str:
    """SQL for a finished run's duration in seconds: its last attempt's (``attempt_ms``, the
    result document's ``timing.duration_ms``), else ``finished_at - started_at``.

    A resumed run keeps its first attempt's ``started_at``, so the columns alone counted the
    time it lay dead between a crash and its resume (a day, for a run resumed the next day);
    the result's timing is that of the attempt that finished it, the figure ``opsctl show``
    prints. A finished run without a result document (one put back by a refused resume, say)
    falls back to the columns."""
    return f"COALESCE(attempt_ms / 1000.0, {duration_sql(dialect)})"


COUNTED = ("mode = 'apply' AND finished_at IS NOT NULL AND finished_at >= ? AND finished_at <= ? "
           f"AND status NOT IN ({', '.join(repr(s) for s in NOT_COUNTED_STATUSES)})")
_GOOD = f"status IN ({', '.join(repr(s) for s in GOOD_STATUSES)})"


def measure_success(store: SQLStore, automation: str, *, window_s: float,
                    now: datetime | None = None) -> tuple[int, int]:
    """(counted runs, good runs) of one automation over ``window_s`` seconds ending ``now``:
    the part of :func:`measure_slo` a summary (the dashboard's catalog) shows, one aggregate
    over the ``runs_by_finish`` index, without the quantiles, burn windows and retries."""
    now = now or datetime.now(UTC)
    row = store._rows(
        f"SELECT COUNT(*) AS runs, SUM(CASE WHEN {_GOOD} THEN 1 ELSE 0 END) AS good "
        f"FROM runs WHERE automation = ? AND {COUNTED}",
        (automation, iso_utc(now - timedelta(seconds=window_s)), iso_utc(now)))[0]
    return int(row["runs"] or 0), int(row["good"] or 0)


def measure_slo(store: SQLStore, automation: str, *, window_s: float,
                now: datetime | None = None) -> Measured:
    """Read one automation's counted runs over ``window_s`` seconds ending ``now``.

    Aggregates in SQL on the ``runs_by_finish`` index (automation, finished_at, ...): counts
    and burn windows in one statement, each quantile as one ``ORDER BY ... OFFSET`` row, the
    retry rate through the actions of the counted runs.
    """
    now = now or datetime.now(UTC)
    until = iso_utc(now)
    since = iso_utc(now - timedelta(seconds=window_s))
    burn_s = {w: parse_duration(w).total_seconds() for w in BURN_WINDOWS}
    earliest = iso_utc(now - timedelta(seconds=max(window_s, *burn_s.values())))
    cuts = [iso_utc(now - timedelta(seconds=s)) for s in burn_s.values()]
    columns = [f"SUM(CASE WHEN finished_at >= ? THEN 1 ELSE 0 END) AS runs_{i}, "
               f"SUM(CASE WHEN finished_at >= ? AND NOT {_GOOD} THEN 1 ELSE 0 END) AS bad_{i}"
               for i in range(len(cuts))]
    params: list[Any] = [since, since]
    for cut in cuts:
        params += [cut, cut]
    row = store._rows(
        "SELECT SUM(CASE WHEN finished_at >= ? THEN 1 ELSE 0 END) AS runs, "
        f"SUM(CASE WHEN finished_at >= ? AND {_GOOD} THEN 1 ELSE 0 END) AS good, "
        + ", ".join(columns) + f" FROM runs WHERE automation = ? AND {COUNTED}",
        [*params, automation, earliest, until])[0]
    runs, good = int(row["runs"] or 0), int(row["good"] or 0)
    windows = {w: (int(row[f"bad_{i}"] or 0), int(row[f"runs_{i}"] or 0))
               for i, w in enumerate(burn_s)}
    where = f"automation = ? AND {COUNTED}"
    in_window = (automation, since, until)

    def quantile(q: float) -> float | None:
        if not runs:
            return None
        found = store._rows(f"SELECT {run_duration_sql(store.dialect)} AS d FROM runs WHERE {where} "
                            "ORDER BY d LIMIT 1 OFFSET ?", (*in_window, rank_of(runs, q) - 1))
        return float(found[0]["d"]) if found and found[0]["d"] is not None else None

    actions = store._rows(
        "SELECT COUNT(*) AS n, SUM(CASE WHEN a.attempts > 1 THEN 1 ELSE 0 END) AS retried "
        "FROM actions a WHERE a.attempts >= 1 AND a.run_id IN "
        f"(SELECT id FROM runs WHERE {where})", in_window)[0]
    return Measured(runs=runs, good=good, p50_s=quantile(0.5), p95_s=quantile(0.95),
                    actions=int(actions["n"] or 0), retried_actions=int(actions["retried"] or 0),
                    windows=windows)
