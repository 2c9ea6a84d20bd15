"""The ``opsctl`` command: built-in verbs plus one subcommand per registered automation.

Automation subcommands are built from the catalog manifest, so ``--help`` and ``list`` import
neither the automations nor pydantic. ``main()`` is the only place that exits the process.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from typing import Any

import click

from opsctl._version import __version__
from opsctl.cli.options import HELP_OPTION_NAMES, OUTPUT_ERRNOS, STATE, global_options, say


def _config_from_args(args: list[str]) -> str | None:
    """--config given after the subcommand name, needed before that command can be built."""
    for index, arg in enumerate(args):
        if arg == "--config" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--config="):
            return arg.split("=", 1)[1]
    return None


def _catalog(ctx: click.Context) -> Any:
    root = ctx.find_root()
    cached = root.meta.get("opsctl.catalog")
    if cached is None:
        from opsctl.catalog import load_catalog
        from opsctl.config.layers import load_layers

        config = root.params.get("config_file") or root.meta.get("opsctl.config_arg")
        try:
            cached = load_catalog(load_layers(config_file=config))
        except Exception as exc:  # reported when a command needs the catalog
            root.meta["opsctl.catalog_error"] = exc
            from opsctl.catalog import Catalog

            cached = Catalog()
        root.meta["opsctl.catalog"] = cached
    return cached


def complete_automation(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """Shell completion of an argument or option that names an automation (``describe NAME``,
    ``runs --automation NAME``): the registered ones starting with what was typed."""
    from click.shell_completion import CompletionItem

    return [CompletionItem(name) for name in sorted(_catalog(ctx).entries)
            if name.startswith(incomplete)]


def _no_project(ctx: click.Context) -> str:
    """Why no automation is known, when it is that no opsctl.toml was found: cron starts a
    job in the home directory, not in the project."""
    from opsctl.config.layers import find_repo_config

    root = ctx.find_root()
    if root.params.get("config_file") or root.meta.get("opsctl.config_arg") \
            or os.environ.get("OPSCTL_CONFIG"):
        return ""
    try:
        cwd = os.getcwd()
        if find_repo_config(cwd) is not None:
            return ""
    except Exception:  # a config path that is a folder: reported when the config is read
        return ""
    return (f"; there is no opsctl.toml in {cwd} or above it: run opsctl in the project's "
            "directory (cron starts jobs in the home directory: cd first) or pass --config FILE")


# Built-in verbs load on demand; their one-line help is here so `opsctl --help` imports none.
BUILTINS: dict[str, tuple[str, str]] = {
    "apply": ("apply_group", "Apply an automation, or a saved plan."),
    "approve": ("governance_cmds:approve_cmd", "Approve a saved plan (bound to its fingerprint)."),
    "audit": ("governance_cmds:audit_group", "Verify or export the hash-chained audit trail."),
    "cancel": ("cancel_cmd", "Ask a queued or running run to stop."),
    "completion": ("completion_cmd", "Print a shell completion script (bash, zsh, fish)."),
    "config": ("config_group", "Inspect the resolved configuration."),
    "contract": ("contract_cmds:contract_group", "Lock and check automation contracts."),
    "describe": ("describe_cmd", "Show an automation's contract."),
    "inventory": ("inventory_cmd:inventory_group", "Inventory a folder of legacy scripts."),
    "list": ("list_cmd", "List registered automations."),
    "locks": ("locks_group", "List or break run leases."),
    "new": ("scaffold_cmd:new_cmd", "Scaffold a new automation, its tests and lock entry."),
    "openapi": ("serve_cmd:openapi_cmd", "Print the HTTP API's OpenAPI document."),
    "plan": ("plan_group", "Plan an automation without changing anything."),
    "policy": ("governance_cmds:policy_group", "Explain the policy decision for a request."),
    "reconcile": ("reconcile_group", "Apply and re-plan until converged."),
    "reject": ("governance_cmds:reject_cmd", "Reject a saved plan (vetoes applying it)."),
    "resume": ("resume_cmd", "Finish an interrupted or partial run."),
    "runs": ("runs_cmd", "List recorded runs."),
    "schedule": ("schedule_cmds:schedule_group",
                 "List, add, pause, resume and remove cron schedules."),
    "scheduler": ("schedule_cmds:scheduler_cmd", "Fire due schedules as queued runs."),
    "schema": ("schema_cmd", "Print JSON Schemas of requests and results."),
    "serve": ("serve_cmd:serve_cmd", "Serve the HTTP API (extra opsctl[server])."),
    "show": ("show_cmd", "Show one run: its result, actions and runtime."),
    "slo": ("slo_cmds:slo_cmd", "Report service-level objectives, or print alerting rules."),
    "token": ("token_cmds:token_group", "Create, list and revoke API tokens."),
    "wait": ("remote_cmds:wait_cmd", "Follow a queued or running run to its result."),
    "worker": ("remote_cmds:worker_cmd", "Run a Celery worker for queued runs (extra opsctl[celery])."),
    "wrap": ("wrap_cmd:wrap_cmd", "Put a legacy script behind a contract (an automation module)."),
}


class AutomationGroup(click.Group):
    """A group whose extra subcommands are the registered automations."""

    def __init__(self, *args: Any, mode: str = "run", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.mode = mode

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        root = ctx.find_root()
        root.meta.setdefault("opsctl.config_arg", _config_from_args(args))
        return super().parse_args(ctx, args)

    def _verbs(self) -> dict[str, str]:
        return {name: short for name, (_, short) in BUILTINS.items()} if self.mode == "run" else {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        own = sorted(self._verbs())
        return own + sorted(n for n in _catalog(ctx).entries if n not in own)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_help(ctx, formatter)
        error = ctx.find_root().meta.get("opsctl.catalog_error")
        if error is not None:  # help still helps; the automations are what is broken
            click.echo(f"opsctl: warning: no automations listed: {error}", err=True)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self._verbs():
            import importlib

            module, _, attr = BUILTINS[cmd_name][0].rpartition(":")
            found: click.Command = getattr(
                importlib.import_module(f"opsctl.cli.{module or 'builtins'}"), attr)
            return found
        entry = _catalog(ctx).entries.get(cmd_name)
        if entry is None:
            error = ctx.find_root().meta.get("opsctl.catalog_error")
            if error is not None:
                raise error
            return None
        from opsctl.cli.automation_cmd import build_command

        STATE.automation = entry.name  # so a flag that fails to parse is reported against it
        STATE.mode = self.mode if self.mode in ("plan", "reconcile") else "apply"
        return build_command(entry, self.mode)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Built-in verbs and automations in separate sections."""
        from opsctl.cli.render import printable

        entries = _catalog(ctx).entries
        sections = (("Commands", sorted(self._verbs().items())),
                    ("Automations", sorted((e.name, printable(e.summary))
                                           for e in entries.values())))
        for title, rows in sections:
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

    def _saved_plan_hint(self, word: str) -> str:
        """``opsctl apply plan.json``, as Terraform applies a plan file: say how opsctl does."""
        if self.mode != "apply" or not (word.endswith(".json") or os.path.isfile(word)):
            return ""
        import shlex

        return f"; a saved plan file is applied with `opsctl apply --plan {shlex.quote(word)}`"

    def _other_tools_command(self, word: str) -> str:
        """A command of Terraform or Rundeck typed as it is there: opsctl's for the same."""
        said = _OTHER_TOOLS_COMMANDS.get(word) if self.mode == "run" else None
        return f"; {said}" if said else ""

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[Any, ...]:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:
            if args and not args[0].startswith("-") and "No such command" in str(exc):
                from opsctl.errors import UnknownAutomationError

                known = ", ".join(sorted(_catalog(ctx).entries)) or "none registered"
                raise UnknownAutomationError(f"unknown automation or command {args[0]!r} "
                                             f"(automations: {known}; see `opsctl --help`)"
                                             f"{self._saved_plan_hint(args[0])}"
                                             f"{self._other_tools_command(args[0])}"
                                             f"{_no_project(ctx)}") from None
            raise


_UNLOCK = ("a stuck lock is listed by `opsctl locks` and broken by `opsctl locks break SCOPE "
           "--reason TEXT`")
_HISTORY = "runs are listed by `opsctl runs` and shown by `opsctl show RUN_ID`"
_RERUN = ("a failed, partial or interrupted run is finished by `opsctl resume RUN_ID` (or the "
          "same command again)")
_KILL = "a running run is stopped by `opsctl cancel RUN_ID --reason TEXT`"
# Commands of Terraform, Ansible and Rundeck that people type first, and opsctl's for the same.
_OTHER_TOOLS_COMMANDS = {
    "force-unlock": _UNLOCK, "unlock": _UNLOCK,
    "state": _HISTORY, "history": _HISTORY,
    "rerun": _RERUN, "retry": _RERUN,
    "kill": _KILL, "stop": _KILL, "abort": _KILL,
    "init": "a new automation is made by `opsctl new NAME`",
    "version": "the version is printed by `opsctl --version`",
    "help": "each command's help is `opsctl COMMAND --help`",
}


@click.group(cls=AutomationGroup, mode="run",
             context_settings={"help_option_names": list(HELP_OPTION_NAMES),
                               "max_content_width": 100})
@click.version_option(__version__, prog_name="opsctl")
@global_options
def cli(**global_values: Any) -> None:
    """Run contract-bound operations automations: typed requests, read-only plans, durable applies.

    \b
    Preview:  opsctl NAME [FLAGS] --dry-run      (or: opsctl plan NAME [FLAGS] --out plan.json)
    Apply:    opsctl NAME [FLAGS]                 (or: opsctl apply --plan plan.json)
    Inspect:  opsctl list | describe NAME | runs | show RUN_ID
    """


def _wants_json(args: list[str]) -> bool:
    """Whether a failure gets its result document on stdout: the format as the command would
    have resolved it (a flag over OPSCTL_FORMAT over the config files), which a command that
    failed to parse never did."""
    given = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg in ("--format", "-o") and index + 1 < len(args):
            given = args[index + 1]
        elif arg.startswith("--format="):
            given = arg.split("=", 1)[1]
        elif arg in ("-ojson", "-otext", "-o=json", "-o=text"):
            given = arg[-4:]
    if given in ("json", "text"):
        return given == "json"
    if STATE.output_format is not None:
        return STATE.output_format == "json"
    if os.environ.get("OPSCTL_FORMAT"):
        return os.environ.get("OPSCTL_FORMAT") == "json"
    try:
        from opsctl.config.layers import load_layers

        return load_layers(config_file=_config_from_args(args)).values.get("format") == "json"
    except Exception:  # a config that does not load: that failure is being reported already
        return False


def _not_utf8(args: list[str]) -> str | None:
    """The first argument that is not UTF-8 text (Python hands such bytes on as lone
    surrogates, which cannot be stored, hashed or printed), named by its place and option:
    not shown, for it may be a secret's value (``--password``)."""
    from opsctl.config.strict_documents import surrogate_at

    for number, arg in enumerate(args, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            option = arg.split("=", 1)[0] if arg.startswith("--") and "=" in arg else (
                args[number - 2] if number > 1 and args[number - 2].startswith("-") else None)
            return (f"argument {number}{f' (the value of {option})' if option else ''} is not "
                    f"UTF-8 text ({surrogate_at(arg)})")
    return None


def _verb(args: list[str]) -> str | None:
    """The subcommand of these arguments, before click resolved it (the first word that is
    neither an option nor a global option's value)."""
    values = iter(args)
    for arg in values:
        if arg in _VALUED_GLOBALS:
            next(values, None)
        elif not arg.startswith("-"):
            return arg
    return None


def _plan_to_stdout(args: list[str]) -> bool:
    """Whether this invocation is ``opsctl plan ... --out -`` (the plan on standard output)."""
    if _verb(args) != "plan":
        return False
    options = args[:args.index("--")] if "--" in args else args
    from itertools import pairwise

    return "--out=-" in options or any(
        arg == "--out" and value == "-" for arg, value in pairwise(options))


def _result_mode(args: list[str]) -> Any:
    """The ``mode`` a result document of this invocation has: ``plan`` for ``opsctl plan`` and
    ``--dry-run``, ``reconcile`` for ``opsctl reconcile``, else ``apply``."""
    verb = _verb(args)
    if STATE.mode == "plan" or "--dry-run" in args or verb == "plan":
        return "plan"
    return "reconcile" if "reconcile" in (STATE.mode, verb) else "apply"


def _closed_streams_to_devnull() -> None:
    """A standard stream the caller closed (``cmd <&-``, a daemon's start): Python sets it to
    None, and each read, write or ``isatty`` of it was an internal error (after an apply had
    changed its target). It is /dev/null instead, as ``</dev/null`` or ``>/dev/null`` would
    give, for this process and the scripts it runs."""
    for fd, name, mode in ((0, "stdin", "r"), (1, "stdout", "w"), (2, "stderr", "w")):
        if getattr(sys, name) is not None:
            continue
        devnull = os.open(os.devnull, os.O_RDWR)  # the lowest free descriptor: usually fd
        if devnull != fd:
            os.dup2(devnull, fd)
            os.close(devnull)
        setattr(sys, name, open(fd, mode, encoding="utf-8", closefd=False))  # noqa: SIM115 (kept open for the process)


def _report(error: Any, args: list[str], started: datetime, hint: str | None = None, *,
            line: bool = True) -> int:
    """Every failure the same way: ``opsctl: error: MESSAGE`` (and a hint) on stderr (unless
    not ``line``: said already), and under ``--format json`` one result document on stdout."""
    from opsctl.cli.render import printable
    from opsctl.engine.run import error_document

    if line:
        message = error.message.encode("utf-8", "backslashreplace").decode("utf-8")
        say(f"opsctl: error: {printable(message)}")  # escape sequences shown, not sent
    if hint:
        say(f"opsctl: hint: {hint}")
    if _wants_json(args):
        import json

        doc = error_document(error, mode=_result_mode(args), automation=STATE.automation,
                             started_at=started, finished_at=datetime.now(UTC))
        try:
            # `plan --out -`: standard output is the plan's (piped into `apply --plan -`), and
            # the run's document goes to stderr, whatever ended the command
            click.echo(json.dumps(doc), err=_plan_to_stdout(args))
        except OSError as exc:
            if not _stdout_unwritable(exc):
                raise
            _discard_stdout()  # a full disk, /dev/full: as for any output (exit 4)
            say(f"opsctl: error: cannot write the output to standard output: "
                f"{exc.strerror or exc}")
            return 4  # ExitCode.DEPENDENCY, as for any output stdout refuses
    return int(error.exit_code)


def _report_interrupted(args: list[str], started: datetime) -> int:
    """A signal that stopped a command outside a run (a scan, a listing, an audit check; a
    run reports its own): exit 130, and under ``--format json`` its result document
    (``cancelled``), as every exit path has."""
    from opsctl.errors import InterruptedRunError

    return _report(InterruptedRunError("interrupted by a signal before the command finished",
                                       step=None), args, started, line=False)


def _quiet_leftovers(args: list[str]) -> None:
    """A signal that lands while a library builds something (asyncio's event loop while
    ``serve`` starts: half made, its ``__del__`` fails) leaves objects that complain when they
    are collected at exit: "Exception ignored in ..." with a traceback, or a coroutine "never
    awaited". The process is ending on purpose; those lines are dropped (``-v`` keeps them).
    Called first thing once the signal is caught: a collection may run at any allocation."""
    if _verbose(args):
        return
    import warnings

    warnings.filterwarnings("ignore", message="coroutine .* was never awaited",
                            category=RuntimeWarning)
    sys.unraisablehook = lambda _unraisable: None


_VALUED_GLOBALS = ("-o", "--format", "--config", "--log-format")
_FLAG_GLOBALS = ("-v", "-vv", "-vvv", "--verbose", "-q", "--quiet", "--no-color")
# Options of commands that are settings (`NAME --executor celery`), taken by `config show` too.
_SETTING_OPTIONS = ("--executor",)


def _verbose(args: list[str]) -> bool:
    """Whether ``-v`` was given: read from the arguments when the command failed before its
    options were (an automation module that fails to import, while the command is looked up)."""
    if STATE.opts is not None:
        return bool(STATE.opts.verbose)
    given = args[:args.index("--")] if "--" in args else args
    return any(arg in ("-v", "-vv", "-vvv", "--verbose") for arg in given)


def _as_config_show(args: list[str]) -> list[str]:
    """``--show-config`` on any command, before or after it, is ``config show`` with the same
    global options: it prints the settings that command would run with, and does not need
    the command's own required flags (``opsctl NAME --show-config`` without ``--environment``)."""
    kept: list[str] = []
    rest = iter(args[:args.index("--")] if "--" in args else args)
    for arg in rest:
        name = arg.split("=", 1)[0]
        if name in _VALUED_GLOBALS:
            kept.append(arg)
            if "=" not in arg:
                kept.append(next(rest, ""))
        elif arg.startswith("-o") and len(arg) > 2 and not arg.startswith("--"):
            kept.append(arg)  # -ojson
        elif arg in _FLAG_GLOBALS:
            kept.append(arg)
        elif name in _SETTING_OPTIONS:  # a run's own option that is a setting
            kept.append(arg)
            if "=" not in arg:
                kept.append(next(rest, ""))
    return ["config", "show", *kept]


# Commands with options of their own that are settings (`serve --port`: server.port): their
# --show-config is the command's own, which prints those options as the flag layer.
SETTING_COMMANDS = frozenset({"serve"})


def _as_own_show_config(args: list[str]) -> list[str]:
    """``--show-config`` of a command of SETTING_COMMANDS, wherever given: after the command
    name, where the command takes it."""
    name = _verb(args)
    kept = [arg for arg in args if arg != "--show-config"]
    at = kept.index(name) + 1 if name in kept else len(kept)
    return [*kept[:at], "--show-config", *kept[at:]]


# What engineers coming from Terraform and Ansible type first, and what opsctl has for it.
_DRY_RUN = "is --dry-run here (or `opsctl plan NAME`)"
_TARGET = "is --target ID here (a glob of action ids; repeatable)"
_REQUEST = "is --request FILE here (a JSON or YAML request document; flags override it)"
_OTHER_TOOLS_OPTIONS = {
    "--check": f"Ansible's --check {_DRY_RUN}",
    "-C": f"Ansible's -C {_DRY_RUN}",
    "--limit": f"Ansible's --limit {_TARGET}",
    "-l": f"Ansible's -l {_TARGET}",
    "--extra-vars": f"Ansible's --extra-vars {_REQUEST}",
    "-e": f"Ansible's -e {_REQUEST}",
    "-var-file": f"Terraform's -var-file {_REQUEST}",
    "--var-file": f"Terraform's -var-file {_REQUEST}",
    "-var": "Terraform's -var is a request field's own flag here (--FIELD VALUE)",
    "-lock-timeout": "Terraform's -lock-timeout is --wait-lock DURATION here",
    "-parallelism": "Terraform's -parallelism is --concurrency N here",
    "--forks": "Ansible's --forks is --concurrency N here",
    "-detailed-exitcode": ("Terraform's -detailed-exitcode is the default here: a plan and "
                           "--dry-run exit 10 when changes are planned, 0 when none"),
}


def _other_tools_hint(exc: click.ClickException, args: list[str]) -> str | None:
    """A hint for an option spelled as in Terraform or Ansible: Terraform's single-dash long
    options (``-out=plan.json``), which click reads as a cluster of short ones and reports as
    ``-o``'s bad value, and the options of both tools that opsctl names otherwise."""
    ctx = getattr(exc, "ctx", None)
    known: set[str] = set()
    if ctx is not None:
        for param in ctx.command.params:
            known.update(getattr(param, "opts", ()))
            known.update(getattr(param, "secondary_opts", ()))
    for arg in args[:args.index("--")] if "--" in args else args:
        name = arg.split("=", 1)[0]
        if not name.startswith("-") or name in known:
            continue
        if name in _OTHER_TOOLS_OPTIONS:
            return _OTHER_TOOLS_OPTIONS[name]
        if not name.startswith("--") and len(name) > 2 and f"-{name}" in known:
            return f"opsctl's long options take two dashes: -{name}"
    return None


def _saved_plan_option_hint(exc: click.ClickException, args: list[str]) -> str | None:
    """``apply --plan plan.json --target x`` (or a request flag, or ``--dry-run``): a saved
    plan is applied as it was written, so those belong to the ``opsctl plan`` that writes it."""
    ctx = getattr(exc, "ctx", None)
    group = ctx.command if ctx is not None else None
    given = args[:args.index("--")] if "--" in args else args
    if not (isinstance(exc, click.NoSuchOption) and isinstance(group, AutomationGroup)
            and group.mode == "apply"
            and any(arg == "--plan" or arg.startswith("--plan=") for arg in given)):
        return None
    from opsctl.contract.flags import RESERVED_OPTIONS

    # a request flag, or the options that shape the plan; not a run option such as --concurrency
    if exc.option_name in RESERVED_OPTIONS and exc.option_name not in (
            "--target", "--dry-run", "--request", "--contract-version"):
        return None
    return ("a saved plan applies exactly what `opsctl plan NAME` wrote, its request and "
            "--target included: give them to `opsctl plan` and apply the plan it writes "
            "(the run that wrote a plan shows it: `opsctl show RUN_ID`)")


def _dry_run_hint(exc: click.ClickException) -> str | None:
    """``plan NAME --dry-run`` or ``apply NAME --dry-run``: where a dry run is."""
    ctx = getattr(exc, "ctx", None)
    parent = ctx.parent.command if ctx is not None and ctx.parent is not None else None
    if not (isinstance(exc, click.NoSuchOption) and exc.option_name == "--dry-run"
            and isinstance(parent, AutomationGroup)):
        return None
    if parent.mode == "plan":
        return "`opsctl plan NAME` changes nothing already: leave --dry-run out"
    if parent.mode not in ("apply", "reconcile"):
        return None
    return (f"`opsctl {parent.mode} NAME` changes things; a dry run is `opsctl plan NAME` or "
            "`opsctl NAME --dry-run`")


def _usage_hint(exc: click.ClickException, args: list[str]) -> str:
    ctx = getattr(exc, "ctx", None)
    path = ctx.command_path if ctx is not None else "opsctl"
    other = (_saved_plan_option_hint(exc, args) or _dry_run_hint(exc)
             or _other_tools_hint(exc, args))
    return f"{other}; see `{path} --help`" if other else f"see `{path} --help`"


def _discard_stdout() -> None:
    """Point stdout at /dev/null: what is still buffered for a reader that went away (or a
    device that is full) goes nowhere, and the interpreter's final flush stays quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)


def _stdout_unwritable(exc: OSError) -> bool:
    """Whether an OSError was standard output refusing the output (a full disk, /dev/full)
    rather than something a command did: a device refuses even an empty write, and a file
    on a full disk failed in the write that printed (``echo``, a ``write``, a ``flush``)."""
    if exc.errno not in OUTPUT_ERRNOS:
        return False
    try:
        os.write(1, b"")
    except OSError:
        return True
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and tb.tb_frame.f_code.co_name in ("echo", "write", "flush")


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: run the command and exit with its code."""
    args = list(sys.argv[1:] if argv is None else argv)
    started = datetime.now(UTC)
    # pydantic looks for its plugins in every installed distribution's entry points when the
    # first model is built (measured 15-30 ms here); opsctl's CLI uses none. Setting the
    # variable yourself (e.g. to an empty string) keeps them enabled.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if argv is None:
        from opsctl.cli.start_up import start_cli_process

        start_cli_process()
        _closed_streams_to_devnull()
    from opsctl.catalog import defer_manifest_writes, flush_manifest_writes
    from opsctl.errors import ExitCode, OpsctlError, UsageError

    defer_manifest_writes()  # an invocation that ends with exit 2 writes nothing
    try:
        try:
            shown = _not_utf8(args)
            if shown is not None:
                raise UsageError(shown)
            options = args[:args.index("--")] if "--" in args else args
            if "--show-config" in options:
                args = (_as_own_show_config(args) if _verb(options) in SETTING_COMMANDS
                        else _as_config_show(args))
            code = cli.main(args=args, prog_name="opsctl", standalone_mode=False)
        except click.exceptions.Exit as exc:
            code = exc.exit_code
        except SystemExit as exc:
            # click ends with exit 1 when stdout's reader went away (EPIPE), after wrapping
            # stdout to keep the last flush quiet: the same case as BrokenPipeError below
            if exc.code != 1 or not type(sys.stdout).__name__.endswith("PacifyFlushWrapper"):
                raise
            _discard_stdout()
            code = 141
        except click.Abort:
            _quiet_leftovers(args)
            say("opsctl: aborted")
            code = _report_interrupted(args, started)
        except click.ClickException as exc:
            # Click's own usage text ("Usage: ... Try ... Error: ...") would be a second error
            # format; its message becomes the one opsctl line, with where to look for help.
            message = " ".join(exc.format_message().split())
            # click names the type of a bounded number option "integer range": what is wanted
            # is a number (the bounds are said when a number is out of them)
            message = message.replace("is not a valid integer range", "is not a whole number")
            # click >= 8.2 raises this for a group called bare (8.1 prints the help and exits 0)
            no_args = getattr(click.exceptions, "NoArgsIsHelpError", ())
            if isinstance(exc, no_args):
                click.echo(exc.format_message(), err=True)
                ctx = getattr(exc, "ctx", None)
                group = ctx.command if ctx is not None else None
                message = ("give an automation NAME" if isinstance(group, AutomationGroup)
                           and group.mode != "run" else "give a subcommand"
                           if ctx is not None and ctx.parent is not None
                           else "give a command (or an automation NAME)")
            code = _report(UsageError(message), args, started, _usage_hint(exc, args))
        except OpsctlError as exc:
            code = _report(exc, args, started)
            # an internal error's, or the one of an automation module that failed to import
            # (exit 2: the author fixes the module, and needs where it raised)
            if _verbose(args) and (exc.exit_code == 1 or exc.__cause__ is not None):
                import traceback

                traceback.print_exception(exc)
        except KeyboardInterrupt:
            _quiet_leftovers(args)
            say("opsctl: interrupted")
            code = _report_interrupted(args, started)
        except Exception as exc:
            from opsctl.cli.output import terminal_hung_up

            if isinstance(exc, OSError) and terminal_hung_up(exc):
                # the terminal closed, and its SIGHUP stopped the command (as SIGTERM does):
                # no one is left to read a line, and the stop is the exit code's cause
                _discard_stdout()
                code = ExitCode.INTERRUPTED
            elif isinstance(exc, OSError) and _stdout_unwritable(exc):
                # stdout cannot take the output (a full disk, /dev/full, an I/O error): not a
                # bug of opsctl; what ran is recorded in the store all the same
                _discard_stdout()
                say(f"opsctl: error: cannot write the output to standard output: "
                    f"{exc.strerror or exc} (what ran is recorded: `opsctl runs`)")
                code = 4
            elif STATE.opts is not None and STATE.opts.verbose:
                import traceback

                traceback.print_exc()
                say(f"opsctl: internal error: {type(exc).__name__}: {exc}")
                code = 1
            else:
                say(f"opsctl: internal error: {type(exc).__name__}: {exc} "
                    "(run again with -v for the traceback)")
                code = 1
    except BrokenPipeError:
        # The reader went away (`opsctl ... | head`): what it did not read is not an error of
        # opsctl. Point stdout at /dev/null so the interpreter's final flush stays quiet.
        _discard_stdout()
        code = 141  # as a shell reports a process ended by SIGPIPE
    if STATE.reader_gone:
        code = 141
    flush_manifest_writes(write=code != ExitCode.USAGE)
    if argv is None:
        # A CLI process is about to end: skip the interpreter's final garbage-collector walk over
        # every live object (measured ~8-25 ms after a plan). Files and the store are closed.
        import gc

        gc.freeze()
    sys.exit(code if isinstance(code, int) else 0)
