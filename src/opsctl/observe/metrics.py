"""Prometheus metrics computed from the store on every scrape.

Every figure is an aggregate query over the shared store, so any number of processes (CLI runs,
HTTP servers, workers) agree on it, and a restart loses nothing. prometheus_client is imported
only when :func:`render_metrics` is called.

Labels carry only automation names, modes, statuses, exit codes, lock event kinds and window
names: never a request value, a lock scope or an action target, which may hold customer data.

Counters count what the store holds (pruning runs lowers them, which Prometheus reads as a
counter reset). A resumed run moves from its earlier status to its final one, so a status
series of ``opsctl_runs_total`` can drop by one; alerting rules therefore use the
``opsctl_slo_error_ratio`` gauges, which are computed over windows ending now.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from opsctl.observe.slo import (
    BURN_WINDOWS,
    COUNTED,
    GOOD_STATUSES,
    duration_sql,
    error_budget_remaining,
    error_ratio,
    iso_utc,
    run_duration_sql,
    window_seconds,
)

if TYPE_CHECKING:
    from opsctl.store.sql import SQLStore

RUN_BUCKETS = (1.0, 5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 900.0, 1800.0, 3600.0, 7200.0,
               14400.0, 43200.0, 86400.0)
ACTION_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 15.0, 30.0, 60.0, 300.0, 900.0,
                  3600.0)
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")  # an automation name, nothing else


def render_metrics(store: SQLStore, catalog_names: Iterable[str] | None = None, *,
                   objectives: Mapping[str, Mapping[str, Any] | None] | None = None,
                   now: datetime | None = None) -> tuple[bytes, str]:
    """The Prometheus text exposition of the store: (body, content type).

    ``catalog_names`` get zero-valued gauges (queued, running, pending approvals) even before
    their first run; ``objectives`` (automation -> declared slo) adds the objective and the
    error budget left of each automation that declares a success rate.
    """
    from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

    registry = CollectorRegistry(auto_describe=False)
    registry.register(StoreCollector(store, catalog_names, objectives, now))
    return generate_latest(registry), CONTENT_TYPE_LATEST


class StoreCollector:
    """A prometheus_client collector whose ``collect`` queries the store."""

    def __init__(self, store: SQLStore, catalog_names: Iterable[str] | None = None,
                 objectives: Mapping[str, Mapping[str, Any] | None] | None = None,
                 now: datetime | None = None) -> None:
        self.store = store
        self.names = sorted({n for n in catalog_names or () if _NAME.match(n)})
        self.objectives = dict(objectives or {})
        self.now = now

    def collect(self) -> Iterator[Any]:
        from prometheus_client.core import (
            CounterMetricFamily,
            HistogramMetricFamily,
        )

        store = self.store
        now = self.now or datetime.now(UTC)
        dur = run_duration_sql(store.dialect)
        # Keeps the planner from inlining the subquery: inlined, the duration expression (a
        # result document's JSON, or two timestamp parses) would be evaluated once per bucket
        # instead of once per row.
        fence = "OFFSET 0" if store.dialect == "postgresql" else "LIMIT -1"

        runs = CounterMetricFamily("opsctl_runs", "Finished runs by outcome.",
                                   labels=["automation", "mode", "status", "exit_code"])
        for row in store._rows(
                "SELECT automation, mode, status, exit_code, COUNT(*) AS n FROM runs "
                "WHERE finished_at IS NOT NULL GROUP BY automation, mode, status, exit_code "
                "ORDER BY automation, mode, status, exit_code"):
            if _NAME.match(row["automation"]):
                runs.add_metric([row["automation"], row["mode"], row["status"],
                                 "" if row["exit_code"] is None else str(row["exit_code"])],
                                int(row["n"]))
        yield runs

        yield _histogram(HistogramMetricFamily(
            "opsctl_run_duration_seconds", "Duration of finished runs.",
            labels=["automation", "mode"]), RUN_BUCKETS, store._rows(
            f"SELECT automation, mode, COUNT(*) AS n, SUM(d) AS total, {_bucket_sums(RUN_BUCKETS)} "
            f"FROM (SELECT automation, mode, {dur} AS d FROM runs WHERE finished_at IS NOT NULL {fence}) t "
            "GROUP BY automation, mode ORDER BY automation, mode"), ("automation", "mode"))

        action_dur = duration_sql(store.dialect, "a.started_at", "a.finished_at")
        action_rows = store._rows(
            f"SELECT r.automation AS automation, COUNT(*) AS n, SUM(d) AS total, "
            f"SUM(retries) AS retries, {_bucket_sums(ACTION_BUCKETS)} FROM "
            f"(SELECT a.run_id AS run_id, {action_dur} AS d, "
            "CASE WHEN a.attempts > 1 THEN a.attempts - 1 ELSE 0 END AS retries FROM actions a "
            f"WHERE a.started_at IS NOT NULL AND a.finished_at IS NOT NULL {fence}) t "
            "JOIN runs r ON r.id = t.run_id GROUP BY r.automation ORDER BY r.automation")
        yield _histogram(HistogramMetricFamily(
            "opsctl_action_duration_seconds", "Duration of finished actions (the last attempt "
            "and the retries before it).", labels=["automation"]),
            ACTION_BUCKETS, action_rows, ("automation",))
        retries = CounterMetricFamily("opsctl_action_retries", "Action attempts after the first.",
                                      labels=["automation"])
        for row in action_rows:
            if _NAME.match(row["automation"]):
                retries.add_metric([row["automation"]], int(row["retries"] or 0))
        yield retries

        yield from self._locks(now)
        yield from self._gauges(now)
        yield from self._slo(now)

    def _locks(self, now: datetime) -> Iterator[Any]:
        from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

        store = self.store
        # The scope is "automation/field=value/...": only its automation part is a label.
        prefix = ("split_part(scope, '/', 1)" if store.dialect == "postgresql" else
                  "CASE WHEN instr(scope, '/') > 0 THEN substr(scope, 1, instr(scope, '/') - 1) "
                  "ELSE scope END")
        events = CounterMetricFamily(
            "opsctl_lock_events", "Lease events recorded in the store: acquired, taken_over "
            "(an expired lease or a dead holder's), released, broken (by `opsctl locks break`), "
            "waited (a run waited for the lease, then got it), conflict (a run gave up: exit 7).",
            labels=["automation", "event"])
        for row in store._rows(f"SELECT {prefix} AS automation, event, COUNT(*) AS n "
                               f"FROM lock_events GROUP BY {prefix}, event ORDER BY 1, 2"):
            if _NAME.match(row["automation"]):
                events.add_metric([row["automation"], row["event"]], int(row["n"]))
        yield events
        held = GaugeMetricFamily("opsctl_locks_held", "Leases held now.", labels=["automation"])
        counts = {n: 0 for n in self.names}
        # an expired lease is held by no one (its holder stopped renewing it: a crash), though
        # its row stays until a run takes the scope over
        for row in store._rows(f"SELECT {prefix} AS automation, COUNT(*) AS n FROM locks "
                               f"WHERE expires_at > ? GROUP BY {prefix}", (now.isoformat(),)):
            if _NAME.match(row["automation"]):
                counts[row["automation"]] = int(row["n"])
        for name, n in sorted(counts.items()):
            held.add_metric([name], n)
        yield held

    def _gauges(self, now: datetime) -> Iterator[Any]:
        from prometheus_client.core import GaugeMetricFamily

        store = self.store
        by_status: dict[str, dict[str, int]] = {"queued": {}, "running": {}}
        for row in store._rows("SELECT status, automation, COUNT(*) AS n FROM runs "
                               "WHERE status IN ('queued', 'running') GROUP BY status, automation"):
            by_status[row["status"]][row["automation"]] = int(row["n"])
        for status, help_text in (("queued", "Runs queued for an executor."),
                                  ("running", "Runs started and not finished (including runs "
                                              "whose process died, until they are resumed).")):
            gauge = GaugeMetricFamily(f"opsctl_runs_{status}", help_text, labels=["automation"])
            counts = {**{n: 0 for n in self.names}, **by_status[status]}
            for name, n in sorted(counts.items()):
                if _NAME.match(name):
                    gauge.add_metric([name], n)
            yield gauge

        # A plan awaits approval when its plan run's policy decision required approval (the
        # decision's audit event carries the plan id, indexed), nobody rejected it, and it is
        # neither applied nor expired. Plans with all their approvals but not yet applied count.
        pending = GaugeMetricFamily(
            "opsctl_approvals_pending", "Saved plans that need approval, not rejected, applied "
            "or expired.", labels=["automation"])
        counts = {n: 0 for n in self.names}
        for row in store._rows(
                "SELECT p.automation AS automation, COUNT(*) AS n FROM plans p "
                "WHERE p.applied_run_id IS NULL AND p.expires_at > ? "
                "AND EXISTS (SELECT 1 FROM audit_events e WHERE e.plan_id = p.id "
                "AND e.kind = 'policy.decision' "
                "AND e.payload_json LIKE ?) "
                "AND NOT EXISTS (SELECT 1 FROM approvals a WHERE a.plan_id = p.id "
                "AND a.decision = 'rejected') GROUP BY p.automation",
                (now.isoformat(), '%"effect":"require_approval"%')):
            if _NAME.match(row["automation"]):
                counts[row["automation"]] = int(row["n"])
        for name, n in sorted(counts.items()):
            pending.add_metric([name], n)
        yield pending

    def _slo(self, now: datetime) -> Iterator[Any]:
        from prometheus_client.core import GaugeMetricFamily

        store = self.store
        seconds = {w: window_seconds(w) for w in BURN_WINDOWS}
        good = f"status IN ({', '.join(repr(s) for s in GOOD_STATUSES)})"
        columns = ", ".join(
            f"SUM(CASE WHEN finished_at >= ? THEN 1 ELSE 0 END) AS runs_{i}, "
            f"SUM(CASE WHEN finished_at >= ? AND NOT {good} THEN 1 ELSE 0 END) AS bad_{i}"
            for i in range(len(seconds)))
        params: list[Any] = []
        for s in seconds.values():
            cut = iso_utc(now - timedelta(seconds=s))
            params += [cut, cut]
        since = iso_utc(now - timedelta(seconds=max(seconds.values())))
        ratio = GaugeMetricFamily(
            "opsctl_slo_error_ratio", "Share of counted apply runs (see `opsctl slo`) that "
            "failed, over a window ending now; 0 when none ran.", labels=["automation", "window"])
        rows = {r["automation"]: r for r in store._rows(
            f"SELECT automation, {columns} FROM runs WHERE {COUNTED} GROUP BY automation",
            [*params, since, iso_utc(now)])}
        for name in sorted({*self.names, *rows}):
            if not _NAME.match(name):
                continue
            row = rows.get(name, {})
            for i, window in enumerate(seconds):
                ratio.add_metric([name, window], error_ratio(int(row.get(f"bad_{i}") or 0),
                                                             int(row.get(f"runs_{i}") or 0)))
        yield ratio

        declared = {n: o for n, o in self.objectives.items()
                    if o and o.get("success_rate") is not None and _NAME.match(n)}
        if not declared:
            return
        from opsctl.observe.slo import measure_slo

        objective = GaugeMetricFamily("opsctl_slo_objective_success_rate",
                                      "Declared success-rate objective.", labels=["automation"])
        budget = GaugeMetricFamily("opsctl_slo_error_budget_remaining",
                                   "Error budget left over the objective's window (1 untouched, "
                                   "0 spent, negative overspent).", labels=["automation"])
        for name, slo in sorted(declared.items()):
            target = float(slo["success_rate"])
            measured = measure_slo(store, name, window_s=window_seconds(slo["window"]), now=now)
            objective.add_metric([name], target)
            budget.add_metric([name], error_budget_remaining(measured.good, measured.runs, target))
        yield objective
        yield budget


def _bucket_sums(buckets: tuple[float, ...]) -> str:
    return ", ".join(f"SUM(CASE WHEN d <= {le!r} THEN 1 ELSE 0 END) AS le_{i}"
                     for i, le in enumerate(buckets))


def _histogram(family: Any, buckets: tuple[float, ...], rows: list[dict[str, Any]],
               labels: tuple[str, ...]) -> Any:
    for row in rows:
        if not _NAME.match(row["automation"]):
            continue
        cumulative = [(_le(le), int(row[f"le_{i}"] or 0)) for i, le in enumerate(buckets)]
        cumulative.append(("+Inf", int(row["n"])))
        family.add_metric([str(row[label]) for label in labels], cumulative,
                          float(row["total"] or 0.0))
    return family


def _le(value: float) -> str:
    return repr(float(value))
