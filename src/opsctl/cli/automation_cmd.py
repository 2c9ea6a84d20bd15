"""Click commands generated from an automation's flag specs (read from the catalog manifest)."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from opsctl.catalog import CatalogEntry
from opsctl.cli.options import (
    HELP_OPTION_NAMES,
    STATE,
    CommonOptions,
    common_options,
    idempotency_key_from,
    one_request_document,
    open_cli_session,
    show_config,
)
from opsctl.cli.render import printable
from opsctl.contract.durations import parse_duration
from opsctl.errors import UsageError


class DurationType(click.ParamType):  # type: ignore[type-arg]
    name = "duration"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            parse_duration(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)
        return value


_TYPES: dict[str, Any] = {"str": click.STRING, "int": click.INT, "float": click.FLOAT,
                          "duration": DurationType(), "secret": click.STRING,
                          "path": click.STRING, "json": click.STRING}


def _option(spec: dict[str, Any]) -> click.Option:
    help_parts = [spec["help"].rstrip(".") + "."] if spec["help"] else []
    if spec["deprecated"]:
        help_parts.append(f"DEPRECATED: {spec['deprecated']}.")
    if spec["type"] == "duration":
        help_parts.append("Duration: 30d, 12h, 15m, 1h30m or seconds.")
    as_text = spec.get("text_json")  # a datetime, an address, a Decimal: its text
    if spec["type"] == "json":
        help_parts.append("Its text, or a JSON value." if as_text else "JSON value.")
    if spec["multiple"]:
        help_parts.append("Repeatable.")
    if spec["type"] == "secret":
        help_parts.append(f"Secret: prefer the environment variable {spec['envvar']}; "
                          "the value is masked in every output.")
    if spec["required"]:
        help_parts.append("[required]")
    elif spec["default"] is not None and spec["type"] != "secret":
        help_parts.append(f"[default: {spec['default']}]")
    text = printable(" ".join(help_parts))  # an author's text, shown escaped as in describe
    if spec["type"] == "bool":
        name = spec["flag"][2:]
        return click.Option([f"--{name}/--no-{name}", spec["field"]], default=None, help=text)
    param_type = click.Choice(spec["choices"]) if spec["type"] == "choice" else _TYPES[spec["type"]]
    return click.Option([spec["flag"], spec["field"]], type=param_type, multiple=spec["multiple"],
                        default=None, help=text, envvar=spec["envvar"],
                        metavar=None if spec["type"] == "choice" else
                        {"text": "TEXT", "decimal": "NUMBER"}.get(as_text or "",
                                                                  spec["type"].upper()))


def _collect_flags(entry: CatalogEntry, ctx: click.Context, values: dict[str, Any],
                   have_document: bool) -> dict[str, Any]:
    from opsctl.cli.request_input import flag_value

    flags: dict[str, Any] = {}
    for spec in entry.flags:
        source = ctx.get_parameter_source(spec["field"])
        value = values.get(spec["field"])
        given = source in (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT) and value not in (None, ())
        if given:
            flags[spec["field"]] = flag_value(
                spec, value, spec["envvar"] if source is ParameterSource.ENVIRONMENT else None)
        elif spec["required"] and not have_document:
            if spec["type"] == "secret":  # not the flag, which other users can read in ps
                raise UsageError(f"missing the secret {spec['field']}: set {spec['envvar']} "
                                 f"(or pass {spec['flag']}, which other users can read in ps)",
                                 step="validate")
            raise click.MissingParameter(ctx=ctx, param=next(
                p for p in ctx.command.params if p.name == spec["field"]))
    return flags


def secret_flag_warnings(entry: CatalogEntry, ctx: click.Context) -> list[str]:
    """A warning for each Secret field given as a command-line flag: other users of the machine
    can read it in ``ps`` or /proc while the run lasts."""
    return [f"{spec['flag']} was given on the command line, where other users can read it "
            f"(ps, /proc); set {spec['envvar']} instead"
            for spec in entry.flags
            if spec["type"] == "secret" and ctx.get_parameter_source(spec["field"])
            is ParameterSource.COMMANDLINE]


def _with_warnings(document: dict[str, Any], warnings: list[str]) -> dict[str, Any]:
    shown = document.setdefault("warnings", [])
    shown.extend(w for w in warnings if w not in shown)
    return document


def _check_plan_out(out: str) -> None:
    """``--out FILE`` names a file in a folder that exists, before anything is planned: an
    empty value (an unset variable) or a mistyped folder is exit 2 with nothing recorded,
    not a plan run whose file is missing or lands in folders made on the way."""
    if not out.strip():
        raise UsageError("--out needs a file name (or - for standard output); it was empty",
                         step="validate")
    if out != "-" and out.endswith(("/", os.sep)):
        # Path() drops the slash: "plans/" would become a file named plans
        raise UsageError(f"--out {out} names a folder (it ends in {out[-1]}): give a file "
                         f"name, such as {out}plan.json", step="validate")
    folder = Path(out).parent
    if not folder.exists():
        raise UsageError(f"--out {out}: the folder {folder} does not exist; create it first, "
                         "or give a file in an existing folder", step="validate")
    if not folder.is_dir():
        raise UsageError(f"--out {out}: {folder} is not a folder", step="validate")
    if out == "-":
        return
    import stat

    try:  # what the plan file would replace: refused now, not after a run was recorded
        mode = os.lstat(out).st_mode
    except OSError:
        return
    problem = ("is a symbolic link; opsctl does not write through links: give the path of the "
               "file itself" if stat.S_ISLNK(mode) else "is a directory, not a file"
               if stat.S_ISDIR(mode) else None if stat.S_ISREG(mode)
               else "is not a regular file (a device, FIFO or socket)")
    if problem is not None:
        raise UsageError(f"plan file {out} {problem}", step="validate")


def run_automation_command(entry: CatalogEntry, mode: str, opts: CommonOptions,
                           values: dict[str, Any], *, dry_run: bool = False,
                           out: str | None = None, request_file: str | None = None,
                           idempotency_key: str | None = None, wait_lock: str | None = None,
                           max_failures: int = 1, max_iterations: int = 5,
                           concurrency: int = 1, contract_version: str | None = None,
                           yes: bool = False, targets: tuple[str, ...] = (),
                           executor: str | None = None, no_wait: bool = False,
                           fan_out: int | None = None) -> int:
    """Plan, or apply (asking first on a terminal, see :mod:`opsctl.cli.confirm`), or
    reconcile one automation; print the result document and return its exit code."""
    from opsctl.cli.request_input import merge_request, read_request_file

    STATE.mode = mode if mode in ("plan", "reconcile") else "apply"
    STATE.automation = entry.name
    ctx = click.get_current_context()
    flags = _collect_flags(entry, ctx, values, have_document=request_file is not None)
    if out is not None and out != "-":
        _check_plan_out(out)
    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    document = read_request_file(session, request_file)
    from opsctl.cli.start_up import pause_collector, resume_collector

    pause_collector()  # importing the automation (and pydantic) is start-up too
    automation = session.catalog.load(entry.name)
    warnings = secret_flag_warnings(entry, ctx)
    for warning in warnings:
        session.log.warning("request.secret_flag", automation=entry.name, message=warning)
    from opsctl.cli.confirm import confirm_plan, needs_confirmation, read_answer
    from opsctl.cli.output import automation_output, emit, progress_for
    from opsctl.engine.run import execute
    from opsctl.observe.color import color_enabled

    resume_collector()

    request = merge_request(document, flags)
    if mode == "reconcile" and automation.effect == "read":
        from opsctl.errors import UsageError

        # its apply changes nothing, so its plan never empties: every round would run it again
        # and end "not converged" (exit 4, retryable), which no retry mends
        raise UsageError(f"{entry.name} is a read automation: applying it changes nothing, so "
                         "reconcile could never converge it; run it with "
                         f"`opsctl {entry.name}` instead")
    if mode == "reconcile":
        from opsctl.adopt.runtime import wrapped_script_of

        wrapped = wrapped_script_of(automation)
        if wrapped is not None:
            from opsctl.errors import UsageError

            # its plan is one run of the script whatever the script did: it never empties
            raise UsageError(f"{entry.name} runs the wrapped script {Path(wrapped.script).name}"
                             ": its plan is always one run of the script, so reconcile would "
                             "run it again each round and never converge it; run it with "
                             f"`opsctl {entry.name}` instead")
    if mode == "reconcile" and idempotency_key is not None:
        from opsctl.errors import UsageError

        raise UsageError("--idempotency-key: reconcile applies in rounds, each a run of its "
                         "own under its own key; give the key to apply instead")
    if mode == "reconcile" and (os.environ.get("OPSCTL_IDEMPOTENCY_KEY") or "").strip():
        # set for a whole CI job, it is not refused as the flag is, but not dropped unsaid
        warning = ("OPSCTL_IDEMPOTENCY_KEY is not used by reconcile: it applies in rounds, "
                   "each a run of its own under its own key, and replays none of them")
        warnings.append(warning)
        session.log.warning("reconcile.idempotency_key_ignored", automation=entry.name,
                            message=warning)
    key = idempotency_key_from(idempotency_key, entry.name, os.environ)
    wait_s = parse_duration(wait_lock).total_seconds() if wait_lock else 0.0
    chosen = executor or session.settings.executor
    if mode == "reconcile" and chosen == "celery" and executor is None \
            and not (no_wait or fan_out):
        # Only the configured default: reconcile re-plans between applies, which a queued run
        # does not, so it runs here (an explicit --executor celery is refused below).
        chosen = "local"
        session.log.info("reconcile.in_process", automation=entry.name,
                         message="reconcile runs in this process; the configured celery "
                                 "executor is for apply and run")
    if (no_wait or fan_out) and chosen != "celery":
        from opsctl.errors import UsageError

        raise UsageError(f"{'--no-wait' if no_wait else '--fan-out'} needs the celery executor "
                         "(--executor celery, or executor = \"celery\" in opsctl.toml)")
    if chosen == "celery" and mode != "plan":
        if mode == "reconcile":
            from opsctl.errors import UsageError

            raise UsageError("reconcile runs in this process: use --executor local (it "
                             "re-plans between applies, which a queued run does not)")
        from opsctl.cli.confirm import needs_confirmation
        from opsctl.cli.remote_cmds import run_on_celery

        if not dry_run and needs_confirmation(
                setting=session.settings.confirm, yes=yes, effect=automation.effect,
                dry_run=dry_run, stdin_tty=sys.stdin.isatty(), stderr_tty=sys.stderr.isatty()):
            from opsctl.errors import UsageError

            raise UsageError("a queued apply cannot stop to ask on this terminal: look at the "
                             "plan with --dry-run, then apply with --yes (or set confirm = "
                             "\"never\")")

        try:
            return run_on_celery(session, automation, request, opts, dry_run=dry_run,
                                 idempotency_key=key, contract_version=contract_version,
                                 targets=targets, fan_out=fan_out or 0,
                                 concurrency=concurrency, max_failures=max_failures,
                                 wait_lock_s=wait_s, no_wait=no_wait, warnings=warnings)
        finally:
            session.close()
    confirm: Callable[[dict[str, Any]], bool] | None = None
    if mode != "plan" and not dry_run and needs_confirmation(
            setting=session.settings.confirm, yes=yes, effect=automation.effect,
            dry_run=dry_run, stdin_tty=sys.stdin.isatty(), stderr_tty=sys.stderr.isatty()):
        def confirm(plan_doc: dict[str, Any]) -> bool:
            return confirm_plan(plan_doc, stream=sys.stderr, full=opts.diff,
                                read_line=lambda: read_answer(sys.stdin, session.stop_requested),
                                color=color_enabled(sys.stderr))
    try:
        progress = progress_for(session, opts) if mode != "plan" and not dry_run else None
        try:
            with automation_output(session, opts, piped=out == "-"):
                if mode == "reconcile":
                    from opsctl.engine.run import reconcile

                    outcome = reconcile(session, automation, request, max_iterations=max_iterations,
                                        on_progress=progress, source=entry.source,
                                        max_failures=max_failures, concurrency=concurrency,
                                        warnings=warnings, wait_lock_s=wait_s, targets=targets,
                                        confirm=confirm, contract_version=contract_version)
                else:
                    # `--out -`: the signed plan goes to standard output (to pipe into `opsctl
                    # apply --plan -`), taken from the store as a file would hold it, and the
                    # run's own output goes to stderr
                    outcome = execute(session, automation, request,
                                      mode="plan" if mode == "plan" else "apply", dry_run=dry_run,
                                      out=Path(out) if out and out != "-" else None,
                                      store_plan=out == "-", idempotency_key=key,
                                      confirm=confirm, wait_lock_s=wait_s,
                                      max_failures=max_failures, concurrency=concurrency,
                                      on_progress=progress, source=entry.source,
                                      contract_version=contract_version, warnings=warnings,
                                      targets=targets)
        finally:
            if progress is not None:
                progress.close()
        piped = _saved_plan_text(session, outcome.document) if out == "-" else None
    finally:
        session.close()
    document = _with_warnings(outcome.document, warnings)
    if out != "-":
        return emit(document, outcome.exit_code, opts, session)
    if piped is not None:
        from opsctl.cli.output import json_stdout

        document["artifacts"] = {**document["artifacts"], "plan_file": "-"}
        json_stdout().write(piped)
        sys.stdout.flush()
    return emit(document, outcome.exit_code, opts, session, stream=sys.stderr)


def _saved_plan_text(session: Any, document: dict[str, Any]) -> str | None:
    """The signed plan document of a run that saved one, as ``--out FILE`` writes it."""
    plan_id = (document.get("artifacts") or {}).get("plan_id")
    saved = session.store.plan_document(plan_id) if plan_id else None
    if saved is None:
        return None
    import json

    return json.dumps(saved, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def run_policy_check(entry: CatalogEntry, opts: CommonOptions, values: dict[str, Any], *,
                     request_file: str | None, at: str | None, actor: str | None,
                     contract_version: str | None = None, targets: tuple[str, ...] = ()) -> int:
    """``opsctl policy check NAME [FLAGS]``: the decision and why, nothing recorded."""
    from datetime import UTC, datetime

    from opsctl.cli.output import automation_output, emit_data
    from opsctl.cli.request_input import merge_request, read_request_file
    from opsctl.engine.run import check_policy
    from opsctl.errors import UsageError

    STATE.mode = "plan"
    STATE.automation = entry.name
    ctx = click.get_current_context()
    flags = _collect_flags(entry, ctx, values, have_document=request_file is not None)
    when = None
    if at is not None:
        try:
            when = datetime.fromisoformat(at)
        except ValueError:
            raise UsageError(f"--at {at!r} is not an ISO 8601 time") from None
        if when.utcoffset() is None:
            raise UsageError(f"--at {at!r} needs a UTC offset (e.g. +01:00 or Z)")
        try:  # days from the ends of time: every window's zone can show it, and its eve
            in_range = datetime(1, 1, 3, tzinfo=UTC) <= when.astimezone(UTC) <= datetime(
                9999, 12, 30, tzinfo=UTC)
        except OverflowError:
            in_range = False
        if not in_range:
            raise UsageError(f"--at {at!r} is out of range: from 0001-01-03 to 9999-12-30 UTC")
    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    document = read_request_file(session, request_file)
    for warning in secret_flag_warnings(entry, ctx):
        session.log.warning("request.secret_flag", automation=entry.name, message=warning)
    try:
        # the check runs the automation's plan: what it prints is kept as in a dry run
        with automation_output(session, opts):
            outcome = check_policy(session, session.catalog.load(entry.name),
                                   merge_request(document, flags), at=when, actor=actor,
                                   contract_version=contract_version, targets=targets)
    finally:
        session.close()

    def render(doc: dict[str, Any], stream: Any) -> None:
        from opsctl.cli.render import render_policy

        render_policy(doc, stream)

    emit_data(outcome.document, opts, session, render)
    return outcome.exit_code


def _epilog(entry: CatalogEntry) -> str:
    scope = ", ".join(entry.lock_scope) or "none"
    return (f"Contract {entry.version}, owner {printable(entry.owner)}, effect {entry.effect}, "
            f"lock scope: {scope}. Request fields also come from --request FILE (JSON or YAML); "
            "flags override the file. Exit codes: 0 done, 2 bad input, 3 precheck/stale plan, "
            "4 dependency, 5 partial, 6 denied, 7 conflict, 10 changes planned.")


def build_command(entry: CatalogEntry, mode: str) -> click.Command:
    """The command for ``opsctl NAME`` (mode "run"), ``opsctl plan NAME`` or ``opsctl apply NAME``."""
    params: list[click.Parameter] = [_option(spec) for spec in entry.flags]
    params.append(click.Option(["--request", "request_file"], metavar="FILE", multiple=True,
                               type=click.Path(allow_dash=True), callback=one_request_document,
                               help="Request document (JSON or YAML, '-' for stdin); flags override it."))
    params.append(click.Option(["--contract-version"], default=None, metavar="VERSION",
                               help="The contract version the request is written for; an older "
                                    "major still accepted is upgraded (default: the request "
                                    "document's contract_version, else the current one)."))
    params.append(click.Option(["--idempotency-key"], default=None, metavar="KEY",
                               hidden=mode == "reconcile",  # refused there (one key a round)
                               help="Run key: a finished key replays its result, an interrupted "
                                    "one resumes, another request under it exits 7. 'ci' derives it "
                                    "from the CI job; default: OPSCTL_IDEMPOTENCY_KEY, else a hash "
                                    "of automation, version and request (resumes only)."))
    if mode not in ("plan", "policy"):
        params.append(click.Option(["--wait-lock"], default=None, metavar="DURATION",
                                   type=DurationType(),
                                   help="Wait up to this long for another run's lock on the same "
                                        "scope instead of exiting 7 at once."))
        params.append(click.Option(["--max-failures"], type=click.IntRange(1), default=None,
                                   metavar="N", help="Keep applying independent actions until N "
                                   "have failed (default 1: stop at the first failure)."))
        params.append(click.Option(["--fail-fast"], is_flag=True, default=False,
                                   help="Stop at the first failed action (the default)."))
        params.append(click.Option(["--concurrency"], type=click.IntRange(1, 512), default=1,
                                   show_default=True, metavar="N",
                                   help="Apply up to N independent actions at once "
                                        "(depends_on is respected)."))
    if mode == "reconcile":
        params.append(click.Option(["--max-iterations"], type=click.IntRange(1), default=5,
                                   show_default=True, help="Apply/re-plan rounds before giving up "
                                   "(exit 4, not converged)."))
        params.append(click.Option(["--until-converged"], is_flag=True, default=True,
                                   help="Re-plan after each apply until the plan is empty "
                                        "(always on; kept for scripts that spell it out)."))
    if mode == "policy":
        params.append(click.Option(["--at"], metavar="TIME", default=None,
                                   help="Evaluate at this time (ISO 8601 with a UTC offset, "
                                        "e.g. 2026-12-24T17:00+01:00); default: now."))
        params.append(click.Option(["--as", "as_actor"], metavar="ACTOR", default=None,
                                   help="Evaluate for this actor instead of the current one."))
    if mode == "plan":
        params.append(click.Option(["--out"], metavar="PLAN.json", default=None,
                                   type=click.Path(),
                                   help="Write a signed plan document to apply later with "
                                        "`opsctl apply --plan` ('-': to stdout, the run's "
                                        "output to stderr)."))
    if mode == "run":
        params.append(click.Option(["--dry-run"], is_flag=True, default=False,
                                   help="Print the plan and stop after the gate; change nothing."))
    if mode in ("run", "apply", "reconcile"):
        params.append(click.Option(["--executor"], type=click.Choice(["local", "celery"]),
                                   default=None,
                                   help="Who carries out the run: local (this process) or "
                                        "celery (queued for `opsctl worker`s; followed here to "
                                        "its result and exit code). Default: the executor "
                                        "setting, else local."))
        params.append(click.Option(["--no-wait"], is_flag=True, default=False,
                                   help="With the celery executor: print the queued run's id "
                                        "and exit 0 (`opsctl wait RUN_ID` follows it)."))
        params.append(click.Option(["--fan-out"], type=click.IntRange(1, 1024), default=None,
                                   metavar="N",
                                   help="With the celery executor: spread the run's independent "
                                        "actions over up to N chunks on other workers "
                                        "(default: worker.fan_out, else 1). --concurrency is "
                                        "shared among the chunks."))
        params.append(click.Option(["-y", "--yes", "--auto-approve", "yes"], is_flag=True,
                                   default=False,
                                   help="Apply without showing the plan and asking first (on a "
                                        "terminal a mutating apply asks for 'yes'; CI never "
                                        "asks). See the `confirm` setting."))
    if mode != "policy":
        params.append(click.Option(["--diff"], is_flag=True, default=False,
                                   help="Show before/after in full, not only what changed."))
        params.append(click.Option(["--target", "target_patterns"], multiple=True, metavar="ID",
                                   help="Limit the plan to actions whose id matches (a glob; "
                                        "repeatable) and what they depend on. Recorded in the "
                                        "plan and the result, with a warning: the rest is left "
                                        "unconverged."))
    else:  # a targeted run is decided on its targeted plan: the check can ask the same
        params.append(click.Option(["--target", "target_patterns"], multiple=True, metavar="ID",
                                   help="Decide on the plan limited as a run's --target limits "
                                        "it: actions whose id matches (a glob; repeatable) and "
                                        "what they depend on."))
    field_names = {spec["field"] for spec in entry.flags}

    @common_options
    def callback(*, opts: CommonOptions, request_file: str | None, idempotency_key: str | None,
                 out: str | None = None, dry_run: bool = False, wait_lock: str | None = None,
                 max_failures: int | None = None, fail_fast: bool = False,
                 max_iterations: int = 5, until_converged: bool = True, concurrency: int = 1,
                 at: str | None = None, as_actor: str | None = None,
                 contract_version: str | None = None, yes: bool = False,
                 target_patterns: tuple[str, ...] = (), executor: str | None = None,
                 no_wait: bool = False, fan_out: int | None = None, **values: Any) -> int:
        unknown = set(values) - field_names
        assert not unknown, unknown
        yes = yes or bool(click.get_current_context().meta.get("opsctl.yes"))  # apply --yes NAME
        if mode == "policy":
            return run_policy_check(entry, opts, values, request_file=request_file, at=at,
                                    actor=as_actor, contract_version=contract_version,
                                    targets=target_patterns)
        return run_automation_command(entry, mode if mode in ("plan", "reconcile") else "apply",
                                      opts, values, max_iterations=max_iterations,
                                      concurrency=concurrency,
                                      dry_run=dry_run, out=out, request_file=request_file,
                                      idempotency_key=idempotency_key, wait_lock=wait_lock,
                                      max_failures=1 if fail_fast else (max_failures or 1),
                                      contract_version=contract_version, yes=yes,
                                      targets=target_patterns, executor=executor,
                                      no_wait=no_wait, fan_out=fan_out)

    command = click.Command(entry.name, callback=callback, params=params,
                            help=printable(entry.description), short_help=printable(entry.summary),
                            epilog=_epilog(entry))
    # common_options added its params to the function; move them onto the command.
    command.params.extend(getattr(callback, "__click_params__", [])[::-1])
    return command



AUTOMATION_MODES = ("run", "plan", "apply", "reconcile", "policy")


@functools.cache
def builtin_options() -> dict[str, str]:
    """Every name the built-in options of an automation command take, and the option it is.

    Read from the commands :func:`build_command` makes in every mode (and the help option of
    the ``opsctl`` group), so it cannot drift from them: option strings (``--out``, ``-v``,
    ``--no-x``), click parameter names (``as_actor`` for ``--as``) and the callback's own
    keyword arguments (``opts``). A request field that takes any of them would be shadowed.
    """
    import inspect

    empty = CatalogEntry(name="builtin-options", version="0.0.0", owner="", summary="",
                         description="", effect="mutate", lock_scope=[], module="", attr="",
                         source=None, origin="", flags=[], slo=None)
    help_names = list(HELP_OPTION_NAMES)
    names: dict[str, str] = {}
    commands = [build_command(empty, mode) for mode in AUTOMATION_MODES]
    for command in commands:
        for param in command.get_params(click.Context(command, help_option_names=help_names)):
            strings = [*param.opts, *param.secondary_opts]
            for string in strings:
                names.setdefault(string, "/".join(strings))
            # The help option's own name is click's business and differs between versions
            # ("help", "_click_default_help"); its strings -h/--help are reserved above.
            if param.name and not set(param.opts) & set(HELP_OPTION_NAMES):
                names.setdefault(param.name, "/".join(strings))
    for command in commands:
        for name, arg in inspect.signature(command.callback or (lambda: None)).parameters.items():
            if arg.kind is inspect.Parameter.KEYWORD_ONLY:
                names.setdefault(name, f"argument {name!r} of every automation command")
    return names


