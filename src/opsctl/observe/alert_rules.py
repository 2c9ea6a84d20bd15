"""Prometheus alerting rules for declared objectives: multi-window, multi-burn-rate.

The rules read the gauges ``/metrics`` exposes (:mod:`opsctl.observe.metrics`):
``opsctl_slo_error_ratio{automation, window}`` for the success rate, and the
``opsctl_run_duration_seconds`` histogram of apply runs for p50/p95 objectives.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from opsctl.contract.durations import parse_duration
from opsctl.observe.slo import BURN_ALERTS, BurnAlert, unreachable_note

PAGE_FOR = "2m"
TICKET_FOR = "15m"
LATENCY_WINDOW = "6h"
LATENCY_FOR = "30m"


def _ratio(name: str, window: str) -> str:
    return f'opsctl_slo_error_ratio{{automation="{name}",window="{window}"}}'


def _burn_expr(name: str, alerts: list[BurnAlert], objective: float) -> str:
    pairs = []
    for alert in alerts:
        # Out of reach (threshold * (1 - objective) >= 1), the limit is capped at 1: the alert
        # fires when every run in both windows failed, not never (see BurnAlert.exceeded).
        above = ">" if alert.reachable(objective) else ">="
        limit = f"{above} {alert.error_ratio_limit(objective):.6g}"
        pairs.append(f"({_ratio(name, alert.long)} {limit} and ignoring(window) "
                     f"{_ratio(name, alert.short)} {limit})")
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
                capped = [f"{a.long}/{a.short}: {note}" for a in chosen
                          if (note := unreachable_note(a, float(target))) is not None]
                rules.append({
                    "alert": "OpsctlErrorBudgetBurn",
                    "expr": _burn_expr(name, chosen, float(target)),
                    "for": wait,
                    "labels": {"severity": severity, "automation": name},
                    "annotations": {
                        "summary": f"{name} is burning its error budget too fast",
                        "description": f"{name}: the failure rate of apply runs burns the "
                                       f"{target * 100:g}% success objective ({slo['window']}) "
                                       f"faster than allowed (windows {windows}). "
                                       + "".join(f"{c}. " for c in capped)
                                       + f"See `opsctl slo {name}` and `opsctl runs --automation "
                                       f"{name} --status failed`.",
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


def alerting_rules_yaml(slos: Mapping[str, Mapping[str, Any] | None]) -> str:
    """:func:`alerting_rules` as YAML, headed by a comment for each burn-rate alert whose
    threshold is out of reach for its objective (and is therefore capped)."""
    import yaml

    notes = [f"# {name}: {alert.severity} {alert.long}/{alert.short}: {note}"
             for name, slo in sorted(slos.items())
             if slo and slo.get("success_rate") is not None
             for alert in BURN_ALERTS
             if (note := unreachable_note(alert, float(slo["success_rate"]))) is not None]
    text = yaml.safe_dump(alerting_rules(slos), sort_keys=False, width=10_000)
    return "".join(f"{line}\n" for line in notes) + text
