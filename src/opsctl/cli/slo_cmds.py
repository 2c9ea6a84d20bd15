"""``opsctl slo [NAME]`` and ``opsctl slo rules [NAME]``: objectives measured, alerting rules.

One command with an optional NAME rather than a group, so ``opsctl slo NAME`` reads naturally:
a first argument ``rules`` selects the rules. (An automation named ``rules`` still appears in
``opsctl slo`` and gets rules from ``opsctl slo rules rules``.)
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, TextIO

import click

from opsctl.cli.main import complete_automation
from opsctl.cli.options import (
    CommonOptions,
    common_options,
    open_cli_session,
    output_format,
    show_config,
)
from opsctl.cli.output import emit_data
from opsctl.cli.render import table


def _complete_name(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    from click.shell_completion import CompletionItem

    rules = [CompletionItem("rules")] if "rules".startswith(incomplete) else []
    return complete_automation(ctx, param, incomplete) + rules


def _complete_rules_for(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    return complete_automation(ctx, param, incomplete) if ctx.params.get("name") == "rules" else []


@click.command("slo", short_help="Report service-level objectives, or print alerting rules.")
@click.argument("name", required=False, shell_complete=_complete_name)
@click.argument("rules_for", metavar="", required=False, shell_complete=_complete_rules_for)
@click.option("--window", default=None, metavar="DURATION",
              help="Measure over this window ending now (default: each objective's window, "
                   "30d when none is declared).")
@common_options
def slo_cmd(name: str | None, rules_for: str | None, window: str | None,
            opts: CommonOptions) -> int:
    """Report success rate, p50/p95 duration, retry rate, error budget left and burn rates.

    \b
    opsctl slo                 every automation that declares an slo
    opsctl slo NAME            one automation (objectives null if it declares none)
    opsctl slo rules [NAME]    Prometheus alerting rules (YAML) for declared objectives

    Counted: apply runs (reconcile iterations included; not plans or dry runs) that finished
    in the window, except those denied by policy or declined at the prompt. With roles
    configured, only the automations the actor may view in every environment are reported
    (the figures count the runs of every environment).
    """
    from opsctl.errors import UsageError

    if name == "rules":
        return _rules(rules_for, opts)
    if rules_for is not None:
        raise UsageError(f"unexpected argument {rules_for!r}: give one automation NAME, or "
                         "`rules [NAME]`")
    from opsctl.observe.slo import DEFAULT_WINDOW, measure_slo, slo_report, window_seconds

    if window is not None:
        try:
            window_seconds(window)
        except ValueError as exc:
            raise UsageError(f"--window: {exc}") from None
    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    entries = _every_environment(session, _entries(session, name), named=name is not None)
    now = datetime.now(UTC)
    reports = []
    for entry in entries:
        span = window or (entry.slo or {}).get("window") or DEFAULT_WINDOW
        measured = measure_slo(session.store, entry.name, window_s=window_seconds(span), now=now)
        reports.append(slo_report(entry.name, entry.slo, measured, window=span, now=now))
    return emit_data({"automations": reports}, opts, session, _render)


def _entries(session: Any, name: str | None) -> list[Any]:
    """The automation NAME (unknown: exit 2; one the actor may not view: exit 6), or every
    automation that declares an slo and the actor may view, as `opsctl list` shows them
    (none of several: exit 6). Both refusals are audited."""
    from opsctl.cli.builtins import _viewable
    from opsctl.governance.gate import check_view_automation

    if name is not None:
        entry = session.catalog.entry(name)
        check_view_automation(session, name)
        return [entry]
    return _viewable(session, [e for _, e in sorted(session.catalog.entries.items()) if e.slo])


def _every_environment(session: Any, entries: list[Any], *, named: bool) -> list[Any]:
    """The entries whose runs the actor may view in every environment: the figures count the
    runs of all of them, so a grant on some environments would learn how the others' runs
    went (as /metrics and the dashboard's SLOs page keep them from it). A named automation,
    or none left of several, is a refusal (exit 6, audited)."""
    from opsctl.governance.gate import governance_for

    permissions = governance_for(session).permissions
    if permissions is None:
        return entries
    shown = [e for e in entries
             if permissions.allows(session.actor, "view", automation=e.name, environment=None)]
    if entries and not shown:
        from opsctl.errors import DeniedError
        from opsctl.store.audit import append_event

        target = entries[0].name if named else "*"
        message = (f"actor {session.actor} may not view the figures of {target}: they count "
                   "the runs of every environment, and its grants cover only some (needs role "
                   "viewer or admin on every environment)")
        append_event(session.store, "permission.denied", actor=session.actor,
                     payload={"automation": target, "permission": "view",
                              "environment": None, "message": message})
        raise DeniedError(message, step="gate")
    return shown


def _rules(name: str | None, opts: CommonOptions) -> int:
    from opsctl.errors import UsageError
    from opsctl.observe.alert_rules import alerting_rules, alerting_rules_yaml

    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    entries = _entries(session, name)
    if name is not None and not entries[0].slo:
        raise UsageError(f"{name} declares no slo: add slo={{...}} to its Automation(...)")
    slos = {e.name: e.slo for e in entries}
    if output_format(opts, session) == "json":
        # one JSON document, as every --format json output is (a rule file may be JSON: it is
        # YAML); the capped alerts' notes stay in their descriptions
        return emit_data(alerting_rules(slos), opts, session, None)
    click.echo(alerting_rules_yaml(slos), nl=False)
    return 0


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.2f}%"


def _seconds(value: float | None) -> str:
    if value is None:
        return "-"
    from datetime import timedelta

    from opsctl.contract.durations import format_duration

    return format_duration(timedelta(seconds=round(value, 3)))


def _render(data: dict[str, Any], stream: TextIO) -> None:
    reports = data["automations"]
    if not reports:
        stream.write("no automation declares an slo (add slo={...} to its Automation(...))\n")
        return
    rows = []
    for r in reports:
        objectives = r["objectives"] or {}

        def versus(shown: str, key: str, report: dict[str, Any] = r,
                   wanted: dict[str, Any] = objectives) -> str:
            if wanted.get(key) is None:
                return shown
            target = (_percent(wanted[key]) if key == "success_rate" else str(wanted[key]))
            mark = {True: "ok", False: "MISSED", None: "-"}[report["met"][key]]
            return f"{shown} / {target} {mark}"

        firing = [f"{b['severity']} {b['long_window']}/{b['short_window']}"
                  for b in r["burn_rates"] if b["firing"]]
        rows.append((r["automation"], r["window"], r["runs"],
                     versus(_percent(r["success_rate"]), "success_rate"),
                     versus(_seconds(r["p50_seconds"]), "p50"),
                     versus(_seconds(r["p95_seconds"]), "p95"),
                     _percent(r["retry_rate"]), _percent(r["error_budget_remaining"]),
                     ", ".join(firing) or ("none" if r["burn_rates"] else "-")))
    table(("automation", "window", "runs", "success", "p50", "p95", "retried", "budget left",
           "burn alerts"), rows, stream)
    for r in reports:
        for b in r["burn_rates"]:
            if b.get("note"):
                stream.write(f"note: {r['automation']} {b['severity']} {b['long_window']}/"
                             f"{b['short_window']}: {b['note']}\n")
