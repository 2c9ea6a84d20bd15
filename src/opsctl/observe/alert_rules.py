"""Prometheus alerting rules for declared objectives: multi-window, multi-burn-rate.

The rules read the gauges ``/metrics`` exposes (:mod:`opsctl.observe.metrics`):
``opsctl_slo_error_ratio{automation, window}`` for the success rate, and the
``opsctl_run_duration_seconds`` histogram of apply runs for p50/p95 objectives.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from opsctl.contract.durations import parse_duration
from opsctl.observe.slo import BURN_ALERTS, BurnAlert

PAGE_FOR = "2m"
TICKET_FOR = "15m"
LATENCY_WINDOW = "6h"
LATENCY_FOR = "30m"


def _ratio(name: str, window: str) -> str:
    return f'opsctl_slo_error_ratio{{automation="{name}",window="{window}"}}'


def _burn_expr(name: str, alerts: list[BurnAlert], objective: float) -> str:
    pairs = []
    for alert in alerts:
        limit = f"{alert.threshold * (1.0 - objective):.6g}"
        pairs.append(f"({_ratio(name, alert.long)} > {limit} and ignoring(window) "
                     f"{_ratio(name, alert.short)} > {limit})")
    return " or ".join(pairs)


def alerting_rules(slos: Mapping[str, Mapping[str, Any] | None]) -> dict[str, Any]:
    """The rules document (``groups:``) for each automation with declared objectives."""
    groups = []
    for name, slo in sorted(slos.items()):
        if not slo:
            continue
        rules: list[dict[str, Any]] = []
        target = slo.get("success_rate")
        if target is not None:
            for severity, wait in (("page", PAGE_FOR), ("ticket", TICKET_FOR)):
                chosen = [a for a in BURN_ALERTS if a.severity == severity]
                windows = ", ".join(f"{a.long}/{a.short} over {a.threshold:g}x" for a in chosen)
                rules.append({
                    "alert": "OpsctlErrorBudgetBurn",
                    "expr": _burn_expr(name, chosen, float(target)),
                    "for": wait,
                    "labels": {"severity": severity, "automation": name},
                    "annotations": {
                        "summary": f"{name} is burning its error budget too fast",
                        "description": f"{name}: the failure rate of apply runs burns the "
                                       f"{target * 100:g}% success objective ({slo['window']}) "
                                       f"faster than allowed (windows {windows}). See "
                                       f"`opsctl slo {name}` and `opsctl runs --automation {name} "
                                       "--status failed`.",
                    },
                })
        for key, q in (("p95", 0.95), ("p50", 0.5)):
            if slo.get(key) is None:
                continue
            limit = parse_duration(slo[key]).total_seconds()
            rules.append({
                "alert": f"OpsctlRunDuration{key.upper()}",
                "expr": f"histogram_quantile({q}, sum by (le) (rate(opsctl_run_duration_seconds_"
                        f'bucket{{automation="{name}",mode="apply"}}[{LATENCY_WINDOW}]))) > '
                        f"{limit:g}",
                "for": LATENCY_FOR,
                "labels": {"severity": "ticket", "automation": name},
                "annotations": {
                    "summary": f"{name} apply runs are slower than their {key} objective",
                    "description": f"{name}: the {key} duration of apply runs over the last "
                                   f"{LATENCY_WINDOW} is above {slo[key]} (estimated from "
                                   "histogram buckets).",
                },
            })
        if rules:
            groups.append({"name": f"opsctl-slo-{name}", "rules": rules})
    return {"groups": groups}
