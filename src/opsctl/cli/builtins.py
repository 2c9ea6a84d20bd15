"""Built-in verbs: plan, apply, list, describe, schema, runs, show, config show."""

from __future__ import annotations

import json
import shlex
import sys
from dataclasses import fields
from typing import Any, TextIO

import click

from opsctl.cli.automation_cmd import DurationType
from opsctl.cli.main import AutomationGroup, complete_automation
from opsctl.cli.options import (
    STATE,
    CommonOptions,
    common_options,
    diff_option,
    global_options,
    one_plan_file,
    open_cli_session,
    refuse_reading_no_store,
    show_config,
)
from opsctl.cli.output import emit_data, json_stdout
from opsctl.cli.render import table
from opsctl.contract.description import describe, request_schema

# Every status a run row can have: a result's (opsctl.contract.result.RunStatus) and the two of a
# run not finished yet. Spelled out so that `opsctl runs --help` does not import pydantic.
RUN_STATUSES = ("queued", "running", "succeeded", "no_changes", "changes_planned", "partial",
                "failed", "denied", "conflict", "cancelled")
# A store's integers are 64-bit: a larger number cannot even be compared with a column.
MAX_INT64 = 2**63 - 1


@click.command("list", short_help="List registered automations.")
@common_options
def list_cmd(opts: CommonOptions) -> int:
    """List the registered automations (from opsctl.toml and installed entry points)."""
    from opsctl.catalog import load_catalog
    from opsctl.config.layers import load_layers

    if opts.show_config:
        return show_config(open_cli_session(opts))
    layers = load_layers(config_file=opts.config, flags=opts.settings_flags())
    catalog = load_catalog(layers)
    entries = sorted(catalog.entries.values(), key=lambda e: e.name)
    if layers.values.get("permissions") is not None:  # roles configured: list what one may view
        entries = _viewable(open_cli_session(opts), entries)
    data: dict[str, Any] = {"automations": [{"name": e.name, "version": e.version, "effect": e.effect,
                             "owner": e.owner, "summary": e.summary, "origin": e.origin}
                            for e in entries],
            "problems": catalog.problems}
    for problem in catalog.problems:
        click.echo(f"opsctl: warning: {problem}", err=True)
    fmt = opts.format or layers.values.get("format", "text")
    if fmt == "json":
        click.echo(json.dumps(data))
        return 0

    rows = [(a["name"], a["version"], a["effect"], a["owner"], a["summary"])
            for a in data["automations"]]
    if not rows:
        click.echo("no automations registered: add module paths to `automations` in opsctl.toml")
        return 0
    table(("name", "version", "effect", "owner", "summary"), rows, sys.stdout)
    return 0


def _viewable(session: Any, entries: list[Any]) -> list[Any]:
    """The entries the session's actor may view; none of several is a refusal (exit 6,
    audited), as `runs` and `show` refuse, not an empty list that reads "none registered"."""
    from opsctl.governance.gate import check_permission, governance_for, may_somewhere

    governance = governance_for(session)
    shown = [e for e in entries if may_somewhere(governance, session.actor, e.name)]
    if entries and not shown:
        check_permission(session, "view", automation="*")
    return shown


@click.command("describe", short_help="Show an automation's contract.")
@click.argument("name", shell_complete=complete_automation)
@common_options
def describe_cmd(name: str, opts: CommonOptions) -> int:
    """Show NAME's contract: version, owner, effect, lock scope, flags and schemas."""
    from opsctl.governance.gate import check_view_automation

    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    session.catalog.entry(name)  # an unknown name is exit 2 before any permission is checked
    check_view_automation(session, name)
    data = describe(session, name)

    def render(d: dict[str, Any], stream: TextIO) -> None:
        from opsctl.cli.render import printable

        d = printable(d)  # a summary from a legacy script's comment is text, not commands
        stream.write(f"{d['name']} {d['version']} — {d['summary']}\n")
        stream.write(f"owner: {d['owner']}   effect: {d['effect']}   lock scope: "
                     f"{', '.join(d['lock_scope']) or 'none'}\n")
        stream.write(f"defined in: {d['module']} ({d['origin']})\n")
        if d.get("slo"):
            stream.write(f"slo: {slo_text(d['slo'])}\n")
        if len(d["accepted_contract_majors"]) > 1:
            stream.write("accepts requests of contract majors: "
                         + ", ".join(str(m) for m in d["accepted_contract_majors"])
                         + " (older ones are upgraded)\n")
        if d["description"] != d["summary"]:
            stream.write(f"\n{d['description']}\n")
        rows = [(f["flag"], f["type"] + (" (repeatable)" if f["multiple"] else ""),
                 "yes" if f["required"] else "", f["default"] or "",
                 ("choices: " + "|".join(f["choices"]) + ". " if f["choices"] else "")
                 + f["help"] + (f" DEPRECATED: {f['deprecated']}" if f["deprecated"] else ""))
                for f in d["flags"]]
        if rows:
            table(("flag", "type", "required", "default", "description"), rows, stream)

    return emit_data(data, opts, session, render)


def slo_text(slo: dict[str, Any]) -> str:
    """Declared objectives for people: ``success rate 99%, p95 10m over 30d``."""
    parts = []
    if slo.get("success_rate") is not None:
        parts.append(f"success rate {slo['success_rate'] * 100:g}%")
    parts += [f"{key} {slo[key]}" for key in ("p50", "p95") if slo.get(key) is not None]
    return f"{', '.join(parts)} over {slo['window']}"


@click.command("schema", short_help="Print JSON Schemas of requests and results.")
@click.argument("name", required=False, shell_complete=complete_automation)
@click.option("--kind", type=click.Choice(["request", "result"]), default="request",
              help="Which schema of NAME to print.")
@click.option("--version", "version", default=None, metavar="V",
              help="The request schema of an older contract major still accepted (e.g. 1).")
@click.option("--result-document", is_flag=True, default=False,
              help="Print the schema of the result document every command emits.")
@click.option("--inventory", "inventory", is_flag=True, default=False,
              help="Print the schema of `opsctl inventory scan --format json` (opsctl.inventory/v1).")
@common_options
def schema_cmd(name: str | None, kind: str, version: str | None, result_document: bool,
               inventory: bool, opts: CommonOptions) -> int:
    """Print the JSON Schema (2020-12) of NAME's request or result, of the result document, or of
    the script inventory."""
    from opsctl.contract.result import result_schema

    kind_given = click.get_current_context().get_parameter_source("kind") is \
        click.core.ParameterSource.COMMANDLINE
    for flag, chosen in (("--inventory", inventory), ("--result-document", result_document)):
        if not chosen:
            continue
        if name is not None:  # a misspelt NAME would go unnoticed
            raise click.UsageError(f"{flag} takes no automation NAME (NAME --kind result is "
                                   "the result schema of NAME)")
        if kind_given or version is not None:
            raise click.UsageError(f"{flag} takes no --kind or --version")
    if inventory:
        if result_document:
            raise click.UsageError("--inventory and --result-document exclude each other: "
                                   "give one")
        from opsctl.adopt.model import inventory_schema

        click.echo(json.dumps(inventory_schema(), indent=2))
        return 0
    if result_document or (name is None and kind == "result"):
        click.echo(json.dumps(result_schema(), indent=2))
        return 0
    if name is None:
        raise click.UsageError("give an automation NAME, --result-document or --inventory")
    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    if kind == "result":
        session.catalog.entry(name)
        click.echo(json.dumps(result_schema(), indent=2))
        return 0
    automation = session.catalog.load(name)
    major = None
    if version is not None:
        from opsctl.contract.versions import requested_major, resolve_contract_version

        major = requested_major({}, version)[1]
        if major == automation.major_version:  # a later minor or patch is refused, as requests are
            resolve_contract_version(automation, {}, version)
    click.echo(json.dumps(request_schema(automation, major), indent=2))
    return 0


@click.command("runs", short_help="List recorded runs.")
@click.option("--automation", default=None, help="Only runs of this automation.",
              shell_complete=complete_automation)
@click.option("--status", default=None,
              type=click.Choice(RUN_STATUSES), help="Only runs with this status.")
@click.option("--actor", default=None, help="Only runs started by this actor.")
@click.option("--since", default=None, metavar="WHEN",
              help="Only runs started at or after WHEN: a time ago (1h, 30m, 2d) or an "
                   "ISO 8601 time (UTC unless it gives its offset).")
@click.option("--until", default=None, metavar="WHEN",
              help="Only runs started before WHEN (as --since).")
@click.option("--limit", type=click.IntRange(1, 10000), default=50, show_default=True)
@click.option("--after", default=None, metavar="RUN_ID",
              help="Only runs older than this one (or a unique prefix of its id): the next "
                   "page (its `next_after`).")
@click.option("--before", default=None, metavar="RUN_ID",
              help="Only runs newer than this one: the previous page (its `next_before`).")
@common_options
def runs_cmd(automation: str | None, status: str | None, actor: str | None, since: str | None,
             until: str | None, limit: int, after: str | None, before: str | None,
             opts: CommonOptions) -> int:
    """List recorded runs, newest first (by start time), a page at a time."""
    from opsctl.store.queue import runs_page

    since_at = _moment("--since", since)
    until_at = _moment("--until", until)
    if since_at is not None and until_at is not None and since_at >= until_at:
        # an empty window: "no runs match" would read as no such runs having been recorded
        raise click.BadParameter(f"{since!r} ({since_at}) is not before --until {until!r} "
                                 f"({until_at}): no run can match; a time ago is further back "
                                 "the larger it is (--since 3h --until 2h)", param_hint="--since")
    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    refuse_reading_no_store(session)
    after, before = _cursor(session, "--after", after), _cursor(session, "--before", before)
    scoped = _scoped_viewer(session, automation)
    # an environment-scoped viewer's pages are filled from the runs it may see
    page = runs_page(session.store, automation=automation, status=status, actor=actor,
                     since=since_at, until=until_at, after=after, before=before, limit=limit,
                     visible=(lambda rows: _viewable_runs(session, rows)) if scoped else None)

    filters = _runs_filters(automation, status, limit, actor, since_at, until_at)

    def render(data: dict[str, Any], stream: TextIO) -> None:
        if not data["runs"]:
            stream.write("no runs on this page\n" if after is not None or before is not None
                         else f"no runs match {shlex.join(filters)}\n" if filters
                         else "no runs recorded\n")
            return
        table(("run", "automation", "mode", "status", "exit", "actor", "started"),
              [(r["id"], r["automation"], r["mode"], r["status"], r["exit_code"], r["actor"],
                r["started_at"]) for r in data["runs"]], stream)
        for option, key in (("--before", "next_before"), ("--after", "next_after")):
            if data[key]:
                stream.write(f"{'newer' if key == 'next_before' else 'older'} runs: "
                             f"{opts.command('runs', *filters, option, data[key])}\n")

    return emit_data({"runs": page.runs, "next_after": page.next_after,
                      "next_before": page.next_before}, opts, session, render)


def _runs_filters(automation: str | None, status: str | None, limit: int,
                  actor: str | None = None, since: str | None = None,
                  until: str | None = None) -> list[str]:
    """The options of `opsctl runs` that a page hint repeats, so that it shows the next page
    of the same listing (a time ago repeated as the time it meant)."""
    given = [("--automation", automation), ("--status", status), ("--actor", actor),
             ("--since", since), ("--until", until),
             ("--limit", str(limit) if limit != 50 else None)]
    return [word for option, value in given if value is not None for word in (option, value)]


def _cursor(session: Any, option: str, run_id: str | None) -> str | None:
    """The run ``--after``/``--before`` names, in full or by a unique prefix (as `show` takes
    it); one that names none is left for the page to refuse."""
    if run_id is None:
        return None
    row = session.store.get_run(run_id, with_result=False)
    if row is not None:
        return str(row["id"])
    matches = session.store.count_runs_with_prefix(run_id)
    if matches > 1:
        from opsctl.errors import UsageError

        raise UsageError(f"{option} {run_id}: the prefix matches {matches} runs: give more of "
                         "the id")
    return run_id


def _moment(option: str, text: str | None) -> str | None:
    """``--since``/``--until``: a time ago (``1h``) or an ISO 8601 time, as the store keeps
    start times (UTC, text order is time order); a usage error (exit 2) otherwise."""
    if text is None:
        return None
    from datetime import UTC, datetime

    from opsctl.contract.durations import parse_duration
    from opsctl.engine.state import iso

    try:
        ago = parse_duration(text)
    except ValueError:
        try:
            moment = datetime.fromisoformat(text.strip())
        except ValueError:
            raise click.BadParameter(
                f"{text!r} is neither a time ago (1h, 30m, 2d) nor an ISO 8601 time "
                "(2026-12-07T03:00:00Z)", param_hint=option) from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
    else:
        try:
            moment = datetime.now(UTC) - ago
        except OverflowError:  # longer ago than year 1: before every run
            moment = datetime.min.replace(tzinfo=UTC)
    try:
        moment = moment.astimezone(UTC)
    except OverflowError:  # before year 1 or after 9999 in UTC: before or after every run
        moment = (datetime.min if moment.year == 1 else datetime.max).replace(tzinfo=UTC)
    return iso(moment)


def _run_by_ref(session: Any, run_id: str, *, with_result: bool = True) -> dict[str, Any]:
    """The run ``run_id`` names, in full or by a unique prefix; UsageError (exit 2) when none
    does, or when the prefix matches several runs."""
    from opsctl.errors import UsageError

    row: dict[str, Any] | None = session.store.get_run(run_id, with_result=with_result)
    if row is not None:
        return row
    # a run id is 30 characters: more is a paste gone wrong, shown cut rather than in full
    shown = repr(run_id) if len(run_id) <= 60 else f"{run_id[:60]!r}... ({len(run_id)} characters)"
    matches = session.store.count_runs_with_prefix(run_id)
    if matches > 1:
        raise UsageError(f"prefix {shown} matches {matches} runs: give more of the id")
    # the id `opsctl plan` prints as "plan id", beside its run's; or the plan file it wrote
    # (`opsctl show plan.json`, as `terraform show` reads a plan file)
    in_file = None if run_id.startswith("plan_") else _plan_id_in_file(run_id)
    plan_id = in_file or run_id
    plan = session.store.get_plan(plan_id) if plan_id.startswith("plan_") else None
    what = (f"{run_id} is the saved plan file of {in_file}, not a run" if in_file
            else f"{run_id} is a saved plan's id, not a run's")
    if plan is not None:
        made = session.store.planning_run_id(plan_id)
        runs = [f"made by run {made} (`opsctl show {made}`)" if made else None,
                f"applied by run {plan['applied_run_id']}" if plan["applied_run_id"] else None]
        raise UsageError(f"{what}: {', '.join(r for r in runs if r) or 'not applied yet'}")
    if in_file:
        raise UsageError(f"{what}: its plan is not in this store (it was made against another "
                         "one, or not applied here yet)")
    from opsctl.config.redact import mask_url

    raise UsageError(f"no run {shown} in {mask_url(session.settings.effective_store_url)}; "
                     "`opsctl runs` lists the runs it holds")


def _plan_id_in_file(path: str) -> str | None:
    """The plan id a plan file at ``path`` holds; None for anything else (a file that is not
    one, or none at all)."""
    import os

    if not os.path.isfile(path):
        return None

    from opsctl.config.input_files import read_document
    from opsctl.errors import UsageError

    try:
        doc = json.loads(read_document(path, what="plan file"))
    except (UsageError, ValueError, RecursionError):
        return None
    if not isinstance(doc, dict) or doc.get("schema") != "opsctl.plan/v1":
        return None
    plan_id = doc.get("plan_id")
    if not isinstance(plan_id, str):
        return None
    return plan_id if plan_id.startswith("plan_") else None


def _may_view(session: Any, automation: str = "*", environment: str | None = None) -> None:
    from opsctl.governance.gate import check_permission

    check_permission(session, "view", automation=automation, environment=environment)


def _scoped_viewer(session: Any, automation: str | None) -> bool:
    """Whether the actor may view ``automation``'s runs (every automation's, for None) only in
    some environments: its grants name environments, not all (the runs it lists are then
    those of its environments). Exit 6 when it may view them in none."""
    from opsctl.governance.gate import governance_for, may_somewhere

    governance = governance_for(session)
    permissions = governance.permissions
    if permissions is None or permissions.allows(session.actor, "view",
                                                 automation=automation or "*", environment=None):
        return False
    names = [automation] if automation else list(session.catalog.entries)
    if not any(may_somewhere(governance, session.actor, name) for name in names):
        _may_view(session, automation or "*")  # refused, and audited
    return True


def _viewable_runs(session: Any, runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The runs of a page that the actor's environment-scoped grants cover."""
    from opsctl.governance.gate import environment_of, governance_for

    permissions = governance_for(session).permissions
    if permissions is None:
        return runs
    shown = []
    for run in runs:
        full = session.store.get_run(str(run["id"])) or {}
        environment = environment_of(full.get("request") or {})
        if permissions.allows(session.actor, "view", automation=str(run["automation"]),
                              environment=environment):
            shown.append(run)
    return shown


def _artifacts(session: Any, row: dict[str, Any]) -> dict[str, Any]:
    """Everything kept about one run: request, plan, approvals, policy decision, result,
    and its audit events (secrets were masked before any of it was stored)."""
    from opsctl.governance.approvals import approvals_of
    from opsctl.store.audit import iter_events

    store = session.store
    plan_id = row.get("plan_id")
    result = row.get("result") or {}
    return {
        "request": row.get("request"),
        "plan": store.plan_document(plan_id) if plan_id else None,
        "journal": row["actions"],
        "approvals": approvals_of(store, plan_id) if plan_id else [],
        "policy": result.get("policy"),
        "result": row.get("result"),
        "audit": [e.to_dict() for e in iter_events(store, run_id=row["id"])],
    }


@click.command("show", short_help="Show one run: its result, actions and runtime.")
@click.argument("run_id")
@click.option("--artifacts", is_flag=True, default=False,
              help="Also the run's artifacts: request, saved plan, approvals, policy decision, "
                   "result and audit events.")
@click.option("--follow", "-f", is_flag=True, default=False,
              help="Print the run's events as they happen (JSON: one per line), then its "
                   "result, and exit with the run's exit code. Ctrl-C stops following (exit "
                   "130) and leaves the run alone.")
@click.option("--after", "after_seq", type=click.IntRange(0, MAX_INT64), default=None,
              metavar="SEQ",
              help="With --follow: start after event SEQ (the last one seen), as a Server-Sent "
                   "Events client resumes with Last-Event-ID.")
@diff_option
@common_options
def show_cmd(run_id: str, artifacts: bool, follow: bool, after_seq: int | None,
             opts: CommonOptions) -> int:
    """Show RUN_ID (or a unique prefix of at least 6 characters, matched exactly as typed).

    Exits 0 once shown; with --follow, exits with the run's own exit code once it finished.
    """
    from opsctl.errors import UsageError

    if after_seq is not None and not follow:
        raise UsageError("--after needs --follow: it says which event following starts after")
    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    refuse_reading_no_store(session)
    from opsctl.cli.options import output_format

    # (--artifacts holds the result twice, parsed: it is written the plain way)
    streamed = not follow and not artifacts and output_format(opts, session) == "json"
    row = _run_by_ref(session, run_id, with_result=not streamed)
    from opsctl.governance.gate import environment_of

    _may_view(session, row["automation"], environment_of(row.get("request") or {}))
    if streamed:
        _write_run_json(session, row, json_stdout())
        return 0
    if follow:
        from opsctl.cli.follow import follow_run

        return follow_run(session, row, opts, lambda done, stream: _render_run(
            _shown_run(session, done, artifacts), stream, opts), after_seq=after_seq or 0)

    def render(data: dict[str, Any], stream: TextIO) -> None:
        _render_run(data, stream, opts)
        if data["status"] == "running":  # a run whose process is gone says what finishes it
            from opsctl.cli.follow import what_goes_on

            said = what_goes_on(session, row)
            if "may be gone" in said or "is gone" in said:
                stream.write(f"note: {said}\n")

    return emit_data(_shown_run(session, row, artifacts), opts, session, render)


def _shown_run(session: Any, row: dict[str, Any], artifacts: bool) -> dict[str, Any]:
    # one level: the journal's values are the store's own, and a deep copy of a `before`
    # nested a few hundred levels would overflow the stack
    row["actions"] = [{f.name: getattr(a, f.name) for f in fields(a)}
                      for a in session.store.list_actions(row["id"])]
    if artifacts:
        row["artifacts"] = _artifacts(session, row)
    return row


def _write_run_json(session: Any, row: dict[str, Any], stream: TextIO) -> None:
    """``show --format json``: the document :func:`_shown_run` makes, written as it is read.
    The stored result goes out as the JSON text it was stored as (not parsed and dumped
    again), and the journal one action at a time from the store: a run of 100,000 actions
    took ten times its output's size in memory (a result parsed, the journal as records and
    as dicts, the whole text, its bytes)."""
    head = json.dumps(row, ensure_ascii=False, default=str)
    stream.write(head[:-1] + (", " if row else "") + '"result": ')
    stream.write(session.store.run_result_text(row["id"]) or "null")
    stream.write(', "actions": [')
    for n, action in enumerate(session.store.iter_actions(row["id"])):
        stream.write((", " if n else "") + json.dumps(
            {f.name: getattr(action, f.name) for f in fields(action)},
            ensure_ascii=False, default=str))
    stream.write("]}\n")
    stream.flush()


_JOURNAL_SHOWN = 50  # actions of an unfinished run listed in text


def _render_run(data: dict[str, Any], stream: TextIO, opts: CommonOptions) -> None:
    from opsctl.cli.render import render_result

    if data.get("result"):
        render_result(data["result"], stream, full_diff=opts.diff, command=opts.command)
    else:
        state = ("its result was not recorded" if data.get("finished_at")
                 and data["status"] not in ("queued", "running") else "unfinished")
        stream.write(f"run {data['id']}  {data['automation']}  {data['status']} ({state})\n")
        journal = data.get("actions") or []
        if journal:  # what the journal holds so far: what a resume would finish
            from collections import Counter

            counts = Counter(str(a["status"]) for a in journal)
            stream.write("journal: " + ", ".join(f"{n} {status}" for status, n in
                                                 sorted(counts.items())) + "\n")
            for action in journal[:_JOURNAL_SHOWN]:
                stream.write(f"  {action['status']:<11} {action['action_id']}  "
                             f"{action.get('target') or ''}\n")
            if len(journal) > _JOURNAL_SHOWN:
                stream.write(f"  ... and {len(journal) - _JOURNAL_SHOWN} more (--format json "
                             "lists them all)\n")
    rt = data.get("runtime") or {}
    identity = rt.get("identity") or {}
    context = identity.get("context") or {}
    stream.write(f"actor {data['actor']} ({identity.get('source', '?')})"
                 + (f"  job {context['job_url']}" if context.get("job_url") else "")
                 + f"  started {data['started_at']}  finished {data['finished_at'] or '-'}\n")
    stream.write(f"opsctl {rt.get('opsctl_version')}  python {rt.get('python_version')}  "
                 f"source {str(rt.get('automation_source_hash'))[:19]}  "
                 f"git {rt.get('git_commit') or '-'}\n")
    kept = data.get("artifacts")
    if kept:
        if kept.get("request") is not None:
            from opsctl.cli.render import printable

            request = dict(printable(kept["request"]))
            stream.write("request " + (json.dumps(request, ensure_ascii=False, sort_keys=True,
                                                   default=str) if request else "{}") + "\n")
        plan = kept.get("plan")
        if plan:
            stream.write(f"saved plan {plan['plan_id']} by {plan.get('created_by')} at "
                         f"{plan['created_at']} ({len(plan.get('actions') or [])} actions)\n")
        from opsctl.cli.render import printable

        for approval in kept["approvals"]:
            # a reason is what someone typed: one line, its escape sequences shown, so it can
            # neither pose as another approval's line nor command the reviewer's terminal
            reason = printable(" ".join(str(approval["reason"]).split()))
            stream.write(f"{approval['decision']} by {approval['actor']} at "
                         f"{approval['created_at']}: {reason}\n")
        if kept.get("policy"):
            policy = kept["policy"]
            stream.write(f"policy {policy['effect']} by rule {policy['rule']}\n")
        stream.write(f"audit events ({len(kept['audit'])}):\n")
        for event in kept["audit"]:
            stream.write(f"  {event['seq']:>6}  {event['at']}  {event['kind']}  "
                         f"{event['actor']}\n")


@click.command("completion", short_help="Print a shell completion script (bash, zsh, fish).")
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
@global_options  # accepted after it as after any command; the script is the same
def completion_cmd(shell: str, **_global: Any) -> int:
    """Print the completion script of SHELL: commands, automations, their flags and choices,
    and file paths for --request, --out, --plan and --config.

    \b
    bash:  eval "$(opsctl completion bash)"      (in ~/.bashrc)
    zsh:   eval "$(opsctl completion zsh)"       (in ~/.zshrc)
    fish:  opsctl completion fish > ~/.config/fish/completions/opsctl.fish
    """
    from click.shell_completion import get_completion_class

    from opsctl.cli.main import cli

    completion = get_completion_class(shell)
    assert completion is not None  # the Choice above admits only shells click knows
    click.echo(completion(cli, {}, "opsctl", "_OPSCTL_COMPLETE").source())
    return 0


@click.group("config", short_help="Inspect the resolved configuration.")
@global_options  # `opsctl config -o json show`: read by the subcommand
def config_group(**_global: Any) -> None:
    """Inspect the resolved configuration."""


@config_group.command("show")
@click.option("--executor", type=click.Choice(["local", "celery"]), default=None, hidden=True,
              help="As a run's --executor: `NAME --executor celery --show-config`.")
@common_options
def config_show(executor: str | None, opts: CommonOptions) -> int:
    """Print each resolved setting and the layer it came from (secrets as ***)."""
    return show_config(open_cli_session(opts, {"executor": executor}))


@click.group("plan", cls=AutomationGroup, mode="plan",
             short_help="Plan an automation without changing anything.")
@global_options  # `opsctl plan -o json NAME`: read by the automation's command
def plan_group(**_global: Any) -> None:
    """Plan NAME: print the actions a run would take (exit 10 if there are any, 0 if none).

    With --out, write a signed plan document that `opsctl apply --plan` executes exactly.
    """


@click.group("reconcile", cls=AutomationGroup, mode="reconcile",
             short_help="Apply and re-plan until converged.")
@global_options
def reconcile_group(**_global: Any) -> None:
    """Reconcile NAME: apply, re-plan, apply again until the plan is empty (exit 0) or
    --max-iterations is hit (exit 4, not converged)."""


@click.group("apply", cls=AutomationGroup, mode="apply", invoke_without_command=True,
             short_help="Apply an automation, or a saved plan.")
@click.option("--plan", "plan_file", multiple=True, metavar="PLAN.json",
              type=click.Path(allow_dash=True), callback=one_plan_file,
              help="Apply a saved plan; refused (exit 3) if edited, expired, stale or already applied.")
@click.option("--wait-lock", default=None, metavar="DURATION", type=DurationType(),
              help="With --plan: wait up to this long for the scope's lock instead of exiting 7.")
@click.option("-y", "--yes", "--auto-approve", "yes", is_flag=True, default=False,
              help="With --plan: accepted, a saved plan never asks; before NAME: as NAME's --yes.")
@click.option("--concurrency", type=click.IntRange(1, 512), default=None, metavar="N",
              help="With --plan: apply up to N independent actions at once (default 1; "
                   "depends_on is respected).")
@click.option("--max-failures", type=click.IntRange(1), default=None, metavar="N",
              help="With --plan: keep applying independent actions until N have failed "
                   "(default 1: stop at the first failure).")
@click.option("--fail-fast", is_flag=True, default=False,
              help="With --plan: stop at the first failed action (the default).")
@diff_option
@common_options
@click.pass_context
def apply_group(ctx: click.Context, plan_file: str | None, wait_lock: str | None, yes: bool,
                concurrency: int | None, max_failures: int | None, fail_fast: bool,
                opts: CommonOptions) -> int | None:
    """Apply NAME [FLAGS], or --plan PLAN.json written by `opsctl plan --out`."""
    # CI scripts pass --yes to every apply: refusing it on `apply --plan` would break them
    ctx.meta["opsctl.yes"] = yes
    if ctx.invoked_subcommand is not None:
        if plan_file:
            raise click.UsageError("give either --plan or an automation name, not both")
        for given, flag in ((wait_lock, "--wait-lock DURATION"), (concurrency, "--concurrency N"),
                            (max_failures, "--max-failures N"), (fail_fast or None, "--fail-fast")):
            if given is not None:
                raise click.UsageError(f"{flag.split()[0]} of an automation goes after its "
                                       f"name: opsctl apply NAME {flag}")
        return None
    if not plan_file:
        raise click.UsageError("give an automation name or --plan PLAN.json")
    STATE.mode = "apply"
    from pathlib import Path

    from opsctl.cli.output import automation_output, emit, progress_for
    from opsctl.contract.durations import parse_duration
    from opsctl.engine.run import apply_plan_file

    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    if session.settings.executor == "celery":
        session.log.info("plan_apply.in_process", plan_file=plan_file,
                         message="apply --plan runs in this process; the configured celery "
                                 "executor is for `apply NAME` and the HTTP API's runs "
                                 "(POST /v1/plans/{id}/apply hands a stored plan to the workers)")
    progress = progress_for(session, opts)
    try:
        with automation_output(session, opts):
            # how to carry the plan out, not what it does: neither is in its fingerprint, so a
            # reviewed plan of 10,000 deletions need not be applied one at a time
            options = {name: value for name, value in (
                ("concurrency", concurrency),
                ("max_failures", 1 if fail_fast else max_failures)) if value is not None}
            outcome = apply_plan_file(session, Path(plan_file), on_progress=progress,
                                      wait_lock_s=parse_duration(wait_lock).total_seconds()
                                      if wait_lock else 0.0, **options)
    finally:
        if progress is not None:
            progress.close()
        session.close()
    return emit(outcome.document, outcome.exit_code, opts, session)


@click.command("resume", short_help="Finish an interrupted or partial run.")
@click.argument("run_id")
@click.option("--wait-lock", default=None, metavar="DURATION", type=DurationType(),
              help="Wait up to this long for the scope's lock instead of exiting 7.")
@click.option("-y", "--yes", "--auto-approve", "yes", is_flag=True, default=False,
              help="Accepted: a resume never asks (a pipeline may pass it to every apply).")
@diff_option
@common_options
def resume_cmd(run_id: str, wait_lock: str | None, yes: bool, opts: CommonOptions) -> int:
    """Finish RUN_ID (or a unique prefix of at least 6 characters), an interrupted, partial or
    failed apply, as the same run; actions the journal shows finished are not applied again.

    \b
    An automation with @verify resumes from its journal: plan() is not called
    again; each unfinished action is re-checked with verify before it is applied.
    An automation without verify re-plans: journaled finished actions are skipped,
    an action caught mid-apply counts as done if the fresh plan no longer wants it,
    and the rest of the fresh plan is applied.

    Running the same command again resumes the same way. Exit codes as for an apply.
    """
    from opsctl.cli.output import automation_output, emit, progress_for
    from opsctl.contract.durations import parse_duration
    from opsctl.engine.run import resume_run

    STATE.mode = "apply"
    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    run_id = str(_run_by_ref(session, run_id)["id"])  # an ambiguous prefix says so
    progress = progress_for(session, opts)
    try:
        with automation_output(session, opts):
            outcome = resume_run(session, run_id, on_progress=progress,
                                 wait_lock_s=parse_duration(wait_lock).total_seconds()
                                 if wait_lock else 0.0)
    finally:
        if progress is not None:
            progress.close()
        session.close()
    return emit(outcome.document, outcome.exit_code, opts, session)


@click.command("cancel", short_help="Ask a queued or running run to stop.")
@click.argument("run_id")
@click.option("--reason", required=True, callback=lambda _ctx, _param, value: _said(value),
              help="Why the run is cancelled (recorded in the audit trail).")
@common_options
def cancel_cmd(run_id: str, reason: str, opts: CommonOptions) -> int:
    """Ask RUN_ID (or a unique prefix of at least 6 characters) to stop, wherever it runs: the
    command line, `opsctl serve`, a worker or a scheduler.

    \b
    A queued run ends cancelled at once. A running apply sees the request
    within a second and stops as on SIGTERM: no new action starts, the
    actions in flight finish, the journal is kept, and the run ends cancelled
    (exit 130 where it runs). `opsctl resume RUN_ID`, or the same command
    again, finishes it later as the same run; a run cancelled while queued
    ran nothing: the same command again is a run of its own.

    Needs the apply permission on the run's automation and environment; the
    request is audited (run.cancel_requested). Exit 3 when the run has
    finished already, or is a plan still planning (it changes nothing).
    """
    from opsctl.engine.cancel import request_cancel

    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    refuse_reading_no_store(session)
    row = _run_by_ref(session, run_id, with_result=False)
    asked = request_cancel(session, row, reason)

    def render(data: dict[str, Any], stream: TextIO) -> None:
        follow = f" (`opsctl wait {data['run_id']}` follows it)" if data["status"] == "running" \
            else ""
        stream.write(f"{data['message']}{follow}\n")

    return emit_data(asked, opts, session, render)


def _said(reason: str) -> str:
    """A recorded reason, stripped; one that says nothing is refused (exit 2), as `approve`
    and `reject` refuse it."""
    if not reason.strip():
        raise click.BadParameter("a reason must say why (it is recorded)")
    return reason.strip()


@click.group("locks", invoke_without_command=True, short_help="List or break run leases.")
@common_options
@click.pass_context
def locks_group(ctx: click.Context, opts: CommonOptions) -> int | None:
    """List the leases held on lock scopes (holder run, actor, host, since, expiry)."""
    if ctx.invoked_subcommand is not None:
        return None
    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    refuse_reading_no_store(session)
    from datetime import datetime

    from opsctl.engine.locks import holder_is_gone
    from opsctl.governance.gate import check_permission

    # every scope, holder and run: view on every automation, as GET /v1/locks
    check_permission(session, "view", automation="*")
    now = session.clock()
    processes = session.store.lease_processes()
    # an expired lease, or one whose holder process is gone from this machine: the next run
    # takes it over at once
    rows = [{**r, "expired": datetime.fromisoformat(str(r["expires_at"])) <= now,
             "holder_gone": holder_is_gone(processes.get(str(r["scope"])))}
            for r in session.store.list_leases()]

    def expiry(r: dict[str, Any]) -> str:
        marks = [m for m, on in (("expired", r["expired"]), ("holder gone", r["holder_gone"]))
                 if on]
        return f"{r['expires_at']} ({', '.join(marks)})" if marks else str(r["expires_at"])

    def render(data: dict[str, Any], stream: TextIO) -> None:
        if not data["locks"]:
            stream.write("no locks held\n")
            return
        table(("scope", "run", "token", "actor", "host", "pid", "since", "expires"),
              [(r["scope"], r["run_id"], r["token"], r["actor"], r["host"], r["pid"],
                r["acquired_at"], expiry(r)) for r in data["locks"]], stream)
        if any(r["expired"] or r["holder_gone"] for r in data["locks"]):
            stream.write("an expired lease, or one whose holder is gone, is taken over by the "
                         "next run (`opsctl resume RUN` finishes its run)\n")

    return emit_data({"locks": rows}, opts, session, render)


@locks_group.command("break")
@click.argument("scope")
@click.option("--reason", required=True, callback=lambda _ctx, _param, value: _said(value),
              help="Why the lease is broken (recorded).")
@common_options
def locks_break(scope: str, reason: str, opts: CommonOptions) -> int:
    """Break the lease on SCOPE; its holder's next journal write is refused (fencing)."""
    from opsctl.engine.locks import break_lock

    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    broken = break_lock(session, scope, reason)
    return emit_data({"broken": broken, "by": session.actor,
                      "reason": session.redactor.redact_text(reason)}, opts, session,
                     lambda d, stream: stream.write(
                         f"broke the lease on {scope} held by run {d['broken']['run_id']}\n"))
