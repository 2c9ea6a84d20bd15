"""`opsctl schedule list|add|pause|resume|remove|next|check` and `opsctl scheduler`."""

from __future__ import annotations

import json
import signal
import sys
import threading
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TextIO

import click

from opsctl.cli.main import complete_automation
from opsctl.cli.options import (
    CommonOptions,
    common_options,
    global_options,
    one_request_document,
    open_cli_session,
    set_from_signal,
    show_config,
)
from opsctl.errors import ExitCode, UsageError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from opsctl.store.audit import NewEvent


def _open(opts: CommonOptions) -> Any:
    session = open_cli_session(opts)
    session.store.migrate()
    return session


def _now() -> datetime:
    return datetime.now(UTC)


def _sync(session: Any) -> list[tuple[str, str]]:
    from opsctl.schedule.scheduler import sync_declared

    return sync_declared(session, now=_now())


def _local(moment: str | None, timezone: str) -> str | None:
    if not moment:
        return None
    from opsctl.schedule.cron import zone

    return datetime.fromisoformat(moment).astimezone(zone(timezone)).isoformat()


def _listing(session: Any) -> list[dict[str, Any]]:
    from opsctl.schedule import store as sched_store
    from opsctl.schedule.model import schedule_from_row

    out = []
    for row in sched_store.list_schedules(session.store):
        schedule = schedule_from_row(row)
        last = sched_store.last_fire(session.store, schedule.name)
        status = sched_store.run_status(session.store, (last or {}).get("run_id"))
        upcoming = None
        if not row["paused"] and not row["problem"]:
            upcoming = schedule.cron.next_after(_now()).isoformat()
        out.append({
            **schedule.definition(), "problem": row["problem"],
            "state": "invalid" if row["problem"] else "paused" if row["paused"] else "active",
            "last": None if last is None else {
                "slot": _local(str(last["slot"]), "UTC" if row["problem"] else schedule.cron.timezone),
                "outcome": last["outcome"], "reason": last["reason"],
                "run_id": last["run_id"],
                "run_status": status["status"] if status else None,
                "exit_code": status["exit_code"] if status else None},
            "next": upcoming,
        })
    return out


REASON_WIDTH = 60
"""Characters of the last slot's reason in the table (``--format json`` has all of it)."""


def _shortened(reason: str | None) -> str:
    text = " ".join(str(reason or "").split())
    return text if len(text) <= REASON_WIDTH else text[:REASON_WIDTH - 3].rstrip() + "..."


def _wall_clock(moment: str | None, timezone: str) -> str:
    """``moment`` as `schedule next` shows it, with the zone's abbreviation (CET/CEST): the two
    02:30 of a night that falls back are told apart."""
    if not moment:
        return "-"
    from opsctl.schedule.cron import zone

    stamp = datetime.fromisoformat(moment).astimezone(zone(timezone))
    return f"{stamp:%Y-%m-%d %H:%M:%S} {stamp.tzname()}"


def _render_list(rows: list[dict[str, Any]], stream: TextIO) -> None:
    if not rows:
        stream.write("no schedules (declare [[schedules]] in opsctl.toml, or `opsctl schedule "
                     "add`)\n")
        return
    table = [("NAME", "AUTOMATION", "CRON", "STATE", "LAST", "OUTCOME", "NEXT", "REASON")]
    for row in rows:
        last = row["last"] or {}
        outcome = last.get("outcome") or ""
        if last.get("run_status"):
            outcome = f"{last['run_status']} (exit {last.get('exit_code')})" if last.get(
                "exit_code") is not None else str(last["run_status"])
        zone_name = "UTC" if row["problem"] else str(row["timezone"])  # as `_listing` shows
        table.append((row["name"], row["automation"], f"{row['cron']} {row['timezone']}",
                      row["state"], _wall_clock(last.get("slot"), zone_name), outcome or "-",
                      _wall_clock(row["next"], zone_name), _shortened(last.get("reason")) or "-"))
    widths = [max(len(str(r[i])) for r in table) for i in range(len(table[0]))]
    for r in table:
        stream.write("  ".join(str(v).ljust(w) for v, w in zip(r, widths, strict=True))
                     .rstrip() + "\n")
    for row in rows:
        if row["problem"]:
            stream.write(f"{row['name']}: not fired: {row['problem']}\n")


@click.group("schedule", short_help="List, add, pause, resume and remove cron schedules.")
@global_options  # `opsctl schedule -o json SUBCOMMAND`: read by the subcommand
def schedule_group(**_global: Any) -> None:
    """Cron schedules of automations: declared in opsctl.toml ([[schedules]]) or added here,
    fired by `opsctl scheduler` (or `opsctl serve --scheduler`)."""


@schedule_group.command("list")
@common_options
def list_cmd(opts: CommonOptions) -> int:
    """Every schedule: its state, last fire and outcome, next fire (in its time zone)."""
    from opsctl.cli.output import emit_data

    session = _open(opts)
    if opts.show_config:
        return show_config(session)
    try:
        problems = _sync(session)
        rows = _listing(session)
        stored = {str(row["name"]) for row in rows}
        shown = _viewable(session, sorted(stored))
        rows = [row for row in rows if row["name"] in shown]
    finally:
        session.close()
    for name, problem in problems:
        if name not in stored:  # no name to store it under (`name = "Nightly"`): not listed
            click.echo(f"opsctl: warning: not stored, never fired: {problem}", err=True)
    return emit_data(rows, opts, session, _render_list)


@schedule_group.command("add")
@click.argument("name")
@click.option("--automation", required=True, help="The automation to run.",
              shell_complete=complete_automation)
@click.option("--cron", "cron_expr", required=True, metavar="EXPR",
              help="Cron expression: 5 fields, or 6 with seconds first.")
@click.option("--timezone", default="UTC", show_default=True, help="IANA time zone of EXPR.")
@click.option("--request", "request_file", metavar="FILE", multiple=True, type=click.Path(),
              callback=one_request_document,
              help="Request document (JSON or YAML), stored with the schedule.")
@click.option("--concurrency", type=click.Choice(["allow", "forbid", "replace"]),
              default="forbid", show_default=True,
              help="While the previous run is active: fire anyway, skip, or stop it first.")
@click.option("--misfire", type=click.Choice(["skip", "run_once", "run_all"]),
              default="run_once", show_default=True,
              help="Slots missed by more than --grace: skip them, one run for all, or each "
                   "(at most --max-catchup).")
@click.option("--grace", default="5m", show_default=True, metavar="DURATION",
              help="How late a fire may be and still count as on time.")
@click.option("--max-catchup", type=click.IntRange(1, 1000), default=10, show_default=True,
              help="With --misfire run_all: the most missed slots made up for (the newest).")
@click.option("--paused", is_flag=True, default=False, help="Add it paused.")
@common_options
def add_cmd(name: str, automation: str, cron_expr: str, timezone: str,
            request_file: str | None, concurrency: str, misfire: str, grace: str,
            max_catchup: int, paused: bool, opts: CommonOptions) -> int:
    """Add schedule NAME (checked first: the cron expression, the time zone, the automation
    and the request; anything wrong is exit 2 and nothing is stored)."""
    from opsctl.cli.request_input import read_request_file
    from opsctl.schedule import store as sched_store
    from opsctl.schedule.model import ScheduleError, check_target, parse_schedule

    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    try:
        request = read_request_file(session, request_file)
        schedule = parse_schedule({"name": name, "automation": automation, "cron": cron_expr,
                                   "timezone": timezone, "request": request,
                                   "concurrency": concurrency, "misfire": misfire,
                                   "grace": grace, "max_catchup": max_catchup,
                                   "paused": paused}, where=name, source="cli")
        document = check_target(session, schedule)
        # only now: a refused schedule leaves no store behind in a project that had none
        session.store.migrate()
        _check_may_schedule(session, schedule.automation, document)
        declared = {s.get("name") for s in session.settings.schedules}
        if name in declared:
            raise ScheduleError(name, "name", "declared in opsctl.toml: change it there")
        # another `schedule add` of the name may store it first: that one stands
        if not sched_store.save_schedule(session.store, schedule, now=_now(), only_new=True,
                                         audit=_audit(session, "schedule.added", name,
                                                      schedule.definition())):
            raise ScheduleError(name, "name", "a schedule of that name exists (`opsctl "
                                              "schedule remove` it first)")
        # a paused schedule has no next fire, as `schedule list` shows it
        upcoming = None if paused else schedule.cron.next_after(_now()).isoformat()
    finally:
        session.close()
    return _report(opts, session, {"schedule": name, "added": True, "paused": paused,
                                   "next": upcoming},
                   f"added schedule {name}: {automation} at {cron_expr} ({timezone})"
                   + ("" if paused else f"; next fire {upcoming}"))


def _check_may_schedule(session: Any, automation: str, request: dict[str, Any]) -> None:
    """Exit 6 (audited) unless the actor may apply ``automation`` in the request's
    environment: a schedule applies it on a calendar, as the scheduler's actor."""
    from opsctl.governance.gate import check_permission, environment_of

    check_permission(session, "apply", automation=automation,
                     environment=environment_of(request))


def _request_of(session: Any, row: dict[str, Any]) -> dict[str, Any]:
    """The request a stored schedule fires, with its defaults (the environment may be one);
    what it stores when it no longer validates."""
    from opsctl.errors import OpsctlError
    from opsctl.schedule.model import check_target, schedule_from_row

    try:
        return check_target(session, schedule_from_row(row))
    except (OpsctlError, ValueError):
        return dict(row["request"])


def _existing(session: Any, name: str) -> dict[str, Any]:
    """Schedule ``name`` from the store, once the actor may change it (exit 2 if none)."""
    from opsctl.schedule import store as sched_store

    row = sched_store.get_schedule(session.store, name)
    if row is None:
        raise UsageError(f"no schedule {name!r} (`opsctl schedule list` shows them)")
    _check_may_schedule(session, str(row["automation"]), _request_of(session, row))
    return dict(row)


def _viewable(session: Any, names: list[str]) -> set[str]:
    """The schedules whose automation the actor may view in the schedule's environment;
    none of several is a refusal (exit 6, audited), as `opsctl runs` refuses."""
    from opsctl.governance.gate import check_permission, environment_of, governance_for
    from opsctl.schedule import store as sched_store

    permissions = governance_for(session).permissions
    if permissions is None:
        return set(names)
    shown = set()
    for name in names:
        row = sched_store.get_schedule(session.store, name)
        if row is not None and permissions.allows(
                session.actor, "view", automation=str(row["automation"]),
                environment=environment_of(_request_of(session, row))):
            shown.add(name)
    if names and not shown:
        check_permission(session, "view", automation="*")
    return shown


def _audit(session: Any, kind: str, name: str, payload: dict[str, Any]) -> NewEvent:
    """The audit event of a change to schedule ``name``, appended in the change's own
    transaction: a trail that refuses it leaves the schedule as it was."""
    from opsctl.store.audit import NewEvent

    return NewEvent(kind, session.actor, {"schedule": name, **payload})


def _report(opts: CommonOptions, session: Any, data: dict[str, Any], text: str) -> int:
    from opsctl.cli.options import output_format

    if output_format(opts, session) == "json":
        click.echo(json.dumps(data))
    else:
        click.echo(text)
    return ExitCode.SUCCESS


def _toggle(name: str, paused: bool, opts: CommonOptions) -> int:
    from opsctl.schedule import store as sched_store

    session = _open(opts)
    if opts.show_config:
        return show_config(session)
    try:
        _sync(session)
        if not paused and any(s.get("name") == name and s.get("paused") is True
                              for s in session.settings.schedules):
            # the file would pause it again at the next sync, and a scheduler fire it meanwhile
            raise UsageError(f"schedule {name!r} is declared paused in opsctl.toml: set "
                             "paused = false there")
        _existing(session, name)
        event = _audit(session, "schedule.paused" if paused else "schedule.resumed", name, {})
        changed = sched_store.set_paused(session.store, name, paused, now=_now(), audit=event)
        if changed is None:
            raise UsageError(f"no schedule {name!r} (`opsctl schedule list` shows them)")
    finally:
        session.close()
    state = "paused" if paused else "active"
    return _report(opts, session, {"schedule": name, "paused": paused, "changed": changed},
                   f"{'paused' if paused else 'resumed'} schedule {name}" if changed
                   else f"schedule {name} is already {state}")


@schedule_group.command("pause")
@click.argument("name")
@common_options
def pause_cmd(name: str, opts: CommonOptions) -> int:
    """Stop firing NAME (slots while paused are not made up for when resumed)."""
    return _toggle(name, True, opts)


@schedule_group.command("resume")
@click.argument("name")
@common_options
def resume_cmd(name: str, opts: CommonOptions) -> int:
    """Fire NAME again from its next slot."""
    return _toggle(name, False, opts)


@schedule_group.command("remove")
@click.argument("name")
@common_options
def remove_cmd(name: str, opts: CommonOptions) -> int:
    """Remove NAME, one added with `schedule add` (a declared one is refused: delete its
    [[schedules]] table from opsctl.toml). Its fires and runs stay in the history."""
    from opsctl.schedule import store as sched_store

    session = _open(opts)
    if opts.show_config:
        return show_config(session)
    try:
        if name in {s.get("name") for s in session.settings.schedules}:
            raise UsageError(f"schedule {name!r} is declared in opsctl.toml: remove it there")
        _existing(session, name)
        if not sched_store.delete_schedule(session.store, name,
                                           audit=_audit(session, "schedule.removed", name, {})):
            raise UsageError(f"no schedule {name!r} (`opsctl schedule list` shows them)")
    finally:
        session.close()
    return _report(opts, session, {"schedule": name, "removed": True},
                   f"removed schedule {name}")


@schedule_group.command("next")
@click.argument("name")
@click.option("--count", type=click.IntRange(1, 1000), default=5, show_default=True,
              help="How many fire times to show.")
@common_options
def next_cmd(name: str, count: int, opts: CommonOptions) -> int:
    """The coming fire times of NAME, in its time zone."""
    from opsctl.cli.output import emit_data
    from opsctl.schedule import store as sched_store
    from opsctl.schedule.model import schedule_from_row

    session = _open(opts)
    if opts.show_config:
        return show_config(session)
    try:
        _sync(session)
        row = sched_store.get_schedule(session.store, name)
        if row is None:
            raise UsageError(f"no schedule {name!r} (`opsctl schedule list` shows them)")
        from opsctl.governance.gate import check_permission, environment_of

        check_permission(session, "view", automation=str(row["automation"]),
                         environment=environment_of(_request_of(session, row)))
        if row["problem"]:
            raise UsageError(f"schedule {name!r} is invalid and does not fire: {row['problem']}")
        schedule = schedule_from_row(row)
        times = [t.isoformat() for t in schedule.cron.upcoming(_now(), count)]
    finally:
        session.close()
    data = {"schedule": name, "cron": schedule.cron.expression,
            "timezone": schedule.cron.timezone, "paused": bool(row["paused"]), "next": times}

    def render(doc: dict[str, Any], stream: TextIO) -> None:
        note = " (paused: these fire once resumed)" if doc["paused"] else ""
        stream.write(f"{name}: {doc['cron']} in {doc['timezone']}{note}\n")
        from opsctl.schedule.cron import zone

        for moment in doc["next"]:
            stamp = datetime.fromisoformat(moment).astimezone(zone(doc["timezone"]))
            stream.write(f"  {stamp.strftime('%Y-%m-%d %H:%M:%S')} {stamp.tzname()} "
                         f"({stamp.strftime('%a')})\n")

    return emit_data(data, opts, session, render)


@schedule_group.command("check")
@common_options
def check_cmd(opts: CommonOptions) -> int:
    """Check the declared schedules (cron, time zone, automation, request) without storing
    anything: exit 2 naming each schedule and field that is wrong."""
    from opsctl.cli.output import emit_data
    from opsctl.schedule.model import ScheduleError, check_target
    from opsctl.schedule.scheduler import declared_schedules

    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    try:
        schedules, problems = declared_schedules(session)
        for schedule in schedules:
            try:
                check_target(session, schedule)
            except ScheduleError as exc:
                problems.append((schedule.name, exc.message))
    finally:
        session.close()
    for _, problem in problems:
        click.echo(f"opsctl: error: {problem}", err=True)
    bad = {name for name, _ in problems}
    data = {"ok": [s.name for s in schedules if s.name not in bad],
            "invalid": [{"name": name, "problem": problem} for name, problem in problems]}

    def render(shown: dict[str, Any], stream: TextIO) -> None:
        if not problems:
            stream.write(f"{len(schedules)} schedule(s) ok\n")

    emit_data(data, opts, session, render)
    return ExitCode.USAGE if problems else ExitCode.SUCCESS


def _once_summary(scheduler: Any, since: str) -> dict[str, Any]:
    """What one `scheduler --once` did: each slot it claimed, and the run it fired as it ended."""
    from opsctl.schedule import store as sched_store

    store = scheduler.store
    slots = []
    for row in sched_store.fires(store):
        if row["scheduler"] != scheduler.owner or str(row["at"]) < since:
            continue
        run = sched_store.run_status(store, row["run_id"])
        slots.append({"schedule": row["schedule"], "slot": row["slot"],
                      "outcome": row["outcome"], "reason": row["reason"],
                      "run_id": row["run_id"],
                      "status": run["status"] if run else None,
                      "exit_code": run["exit_code"] if run else None})
    return {"scheduler": scheduler.owner,
            "fired": sum(1 for slot in slots if slot["outcome"] == "fired"), "slots": slots}


def _render_once(data: Mapping[str, Any], out: TextIO) -> None:
    if not data["slots"]:
        out.write("nothing was due\n")
    for slot in data["slots"]:
        run = (f" run {slot['run_id']} {slot['status']} (exit {slot['exit_code']})"
               if slot["run_id"] else "")
        out.write(f"{slot['schedule']}  {slot['slot']}  {slot['outcome']}{run}: "
                  f"{slot['reason']}\n")


@click.command("scheduler", short_help="Fire due schedules as queued runs.")
@click.option("--once", is_flag=True, default=False,
              help="Handle what is due now, wait for the runs fired here, and exit.")
@common_options
def scheduler_cmd(once: bool, opts: CommonOptions) -> int:
    """Fire each due slot of each schedule as a queued run (executor of the config), with the
    misfire and concurrency policies. Any number of schedulers may run against one store:
    each slot fires once. SIGTERM stops firing; runs carried out here checkpoint."""
    from opsctl.schedule.scheduler import Scheduler

    session = _open(opts)
    if opts.show_config:
        return show_config(session)
    if session.settings.executor == "celery":
        from opsctl.dispatch.config import require_remote_ready

        require_remote_ready(session.settings, "`opsctl scheduler` with the celery executor")
    from opsctl.cli.output import mask_prints_of_runs

    mask_prints_of_runs()  # what an automation prints: its run's secrets masked
    scheduler = Scheduler(session)
    scheduler.start()
    grace = session.settings.stop_grace.total_seconds()
    if once:
        since = datetime.now(UTC).isoformat()
        try:
            scheduler.tick()
            scheduler.runtime._pool.shutdown(wait=True)
            data = _once_summary(scheduler, since)
        finally:
            scheduler.runtime._pool.shutdown(wait=True)
            scheduler.close(grace)
            session.close()
        from opsctl.cli.output import emit_data

        emit_data(session.redactor.redact(data), opts, session, _render_once)
        return ExitCode.SUCCESS
    stop = threading.Event()

    def on_signal(signum: int, frame: Any) -> None:
        set_from_signal(stop, then=scheduler.runtime.shutdown_requested)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    if session.stop_requested.is_set():  # a signal while it started, taken by the run's handler
        stop.set()
        scheduler.runtime.shutdown_requested()
    click.echo(f"opsctl: scheduler {scheduler.owner} firing "
               f"{len(session.settings.schedules)} declared schedule(s) and those added with "
               f"`opsctl schedule add` ({session.settings.executor} executor)", err=True)
    in_flight: list[str] = []
    try:
        scheduler.run_forever(stop)
    finally:
        in_flight = scheduler.close(grace)
        if not in_flight:
            session.close()
    if in_flight:
        from opsctl.service.runtime import exit_leaving_runs

        exit_leaving_runs(session, in_flight)
    sys.stdout.flush()
    return ExitCode.SUCCESS
