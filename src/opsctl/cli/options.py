"""Options every command understands, and the session they resolve to."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

HELP_OPTION_NAMES = ("-h", "--help")
"""The help options of every opsctl command (the group passes them down to subcommands)."""


class GivenPath(click.Path):
    """A path argument that may not be empty: ``""`` (an unset variable, ``"$INVENTORY"``) is
    exit 2, not the current directory it would otherwise stand for."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str | bytes) and not value:
            self.fail("is empty (an unset variable?); give a path, '.' for this folder", param, ctx)
        return super().convert(value, param, ctx)


class CommonOptions:
    def __init__(self, format: str | None, config: str | None, show_config: bool,
                 log_format: str | None, verbose: int, quiet: bool, no_color: bool = False,
                 diff: bool = False) -> None:
        self.format = format
        self.config = config
        self.show_config = show_config
        self.log_format = log_format
        self.verbose = verbose
        self.quiet = quiet
        self.no_color = no_color
        self.diff = diff

    def command(self, *words: str) -> str:
        """``opsctl WORDS`` as a hint to copy, with the ``--config FILE`` this one was given:
        without it the hinted command looks for the project (and its store) in the current
        directory, and finds none or another."""
        import shlex

        config = ["--config", self.config] if self.config else []
        return shlex.join(["opsctl", *config, *words])

    def settings_flags(self) -> dict[str, Any]:
        level = "debug" if self.verbose else ("warning" if self.quiet else None)
        return {"format": self.format, "log_format": self.log_format, "log_level": level}


def global_options(fn: F) -> F:
    """--format/-o, --config, --log-format, -v, -q and --no-color: accepted by the ``opsctl``
    group (before the subcommand) and by every command (after it); the command's value wins."""
    return click.option("-o", "--format", "format_", type=click.Choice(["text", "json"]),
                        default=None, help="Output: text for people, one JSON result document "
                        "for machines.")(global_options_but_format(fn))


def global_options_but_format(fn: F) -> F:
    """The global options but --format, for a command whose output has formats of its own
    (``audit export``: jsonl or json; ``inventory scan``: text, json or markdown)."""
    for decorator in reversed((
        click.option("--config", "config_file", type=click.Path(), default=None,
                     metavar="FILE",
                     help="Config file to use instead of the opsctl.toml found upwards."),
        click.option("--log-format", type=click.Choice(["json", "console"]), default=None,
                     help="Log lines on stderr: JSON (default when not a terminal) or console."),
        click.option("-v", "--verbose", count=True,
                     help="Debug logs; tracebacks for internal errors."),
        click.option("-q", "--quiet", is_flag=True, default=False,
                     help="Only warnings and errors."),
        click.option("--no-color", is_flag=True, default=False, callback=_no_color,
                     expose_value=True,
                     help="No colours in tables, plans and logs (as NO_COLOR=1 does)."),
    )):
        fn = decorator(fn)
    return fn


def say(line: str) -> None:
    """One line on stderr; a stderr that cannot be written (a full disk behind a redirect)
    loses the line, not the result document on stdout or the exit code."""
    with contextlib.suppress(OSError):
        click.echo(line, err=True)


def _no_color(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    # Set where every writer (rich tables, plan diffs, console logs) reads it.
    if value:
        os.environ["NO_COLOR"] = "1"
    return value


def given_before() -> dict[str, Any]:
    """The global options given before the current command (``opsctl -o json audit ...``,
    ``opsctl audit --config FILE export``): each group's, the nearest group's first."""
    parent = click.get_current_context().parent
    given: dict[str, Any] = {}
    while parent is not None:
        for key, value in parent.params.items():
            # "" too (`--config ""`): given, and refused, rather than taken for not given
            if (value or value == "") and key not in given:
                given[key] = value
        parent = parent.parent
    return given


def common_options(fn: F) -> F:
    """Add the global options and --show-config to a command."""

    @global_options
    @click.option("--show-config", is_flag=True, default=False,
                  help="Print each resolved setting and the layer it came from, then exit.")
    @functools.wraps(fn)
    def wrapper(*args: Any, format_: str | None, config_file: str | None, show_config: bool,
                log_format: str | None, verbose: int, quiet: bool, no_color: bool,
                **kwargs: Any) -> Any:
        root = given_before()
        diff = bool(kwargs.pop("diff", False))
        opts = CommonOptions(format_ or root.get("format_"),
                             # "" is given, and refused: not the file found upwards
                             config_file if config_file is not None else root.get("config_file"),
                             show_config,
                             log_format or root.get("log_format"),
                             verbose or root.get("verbose") or 0,
                             quiet or bool(root.get("quiet")),
                             no_color or bool(root.get("no_color")), diff)
        STATE.opts = opts
        from opsctl.cli.start_up import resume_collector

        resume_collector()  # the command is resolved: start-up is over (see start_up.py)
        return fn(*args, opts=opts, **kwargs)

    return wrapper  # type: ignore[return-value]


def diff_option(fn: F) -> F:
    """--diff, for commands that print plans: every key and line of before/after, not only
    what changed. Put it above ``common_options``, which hands it on as ``opts.diff``."""
    return click.option("--diff", is_flag=True, default=False,
                        help="Show before/after in full, not only what changed.")(fn)


class InvocationState:
    """What main() needs to report an error the way the command would have."""

    def __init__(self) -> None:
        self.opts: CommonOptions | None = None
        self.mode = "apply"
        self.automation: str | None = None
        self.output_format: str | None = None
        self.reader_gone = False  # an automation's print() met a reader that went away


STATE = InvocationState()

OUTPUT_ERRNOS = frozenset({28, 122, 27, 5})  # ENOSPC, EDQUOT, EFBIG, EIO
"""The errors of an output that refuses writes (a full disk, /dev/full, an I/O error)."""


def set_from_signal(event: Any, then: Any = None) -> None:
    """``event.set()`` (then ``then()``) for a signal handler. A handler runs in the main
    thread between two of its bytecodes, maybe while that thread holds the lock of the very
    event it waits on (``Event.wait`` takes it on the way in and out): setting the event there
    would wait for that lock for ever. So it is set at once when its lock is free (the next
    check of the event sees it, as the stop of a run needs), else on a thread of its own."""
    import threading

    lock = getattr(event, "_cond", None)  # CPython's Event: a Condition over a plain Lock
    if then is None and lock is not None and lock.acquire(blocking=False):
        lock.release()  # free, so not held by this thread: set() only waits for another's
        event.set()
        return

    def later() -> None:
        event.set()
        if then is not None:
            then()

    threading.Thread(target=later, name="opsctl-signal", daemon=True).start()


def _install_signal_handlers(session: Any) -> None:
    """First SIGINT/SIGTERM: take no new action and let the in-flight one finish within
    ``stop_grace``; a second signal (or the grace running out) interrupts at once."""
    import signal
    import threading

    grace = session.settings.stop_grace.total_seconds()
    main_thread = threading.main_thread().ident
    stopping: list[int] = []  # signals taken: a second one aborts at once

    def grace_over() -> None:
        # A real signal to the main thread, not _thread.interrupt_main(): that only sets a
        # flag, which an action applied inline and blocked in C (sleep, a subprocess, a socket)
        # never looks at; the signal interrupts the call and this handler raises there.
        if main_thread is not None:
            signal.pthread_kill(main_thread, signal.SIGINT)

    for_cancel: list[int] = []  # SIGINTs sent for a cancel request, not by a user

    def interrupt_for_cancel(asked: Any) -> None:
        # only a run of this very session plans on the main thread: the sessions copied from
        # it (a server's per request, a fan-out's chunks) run on threads of their own, and a
        # command that took the signals over (serve, a scheduler) would stop as a whole
        if asked is session and main_thread is not None \
                and signal.getsignal(signal.SIGINT) is on_signal:
            for_cancel.append(signal.SIGINT)
            signal.pthread_kill(main_thread, signal.SIGINT)

    def on_signal(signum: int, frame: Any) -> None:
        if for_cancel:
            for_cancel.pop()
            if session.planning or session.waiting:
                raise KeyboardInterrupt
            return  # plan() returned as the request came: the apply stops at its next boundary
        if session.stop_requested.is_set() or stopping:
            raise KeyboardInterrupt
        stopping.append(signum)  # (the event itself is set off this frame: see set_from_signal)
        set_from_signal(session.stop_requested)
        if session.planning or session.waiting:  # nothing in flight: nothing to let finish
            session.log.warning("run.stopping", signal=signal.Signals(signum).name, grace_s=0,
                                hint=f"{'waiting for ' + session.waiting if session.waiting else 'planning'}"
                                     " is interrupted at once")
            raise KeyboardInterrupt
        # Logged off this frame, bound to the run applying: its line also goes to the run's
        # event stream, whose buffer lock this (main) thread may hold as the signal lands.
        log = session.log.bind(run_id=session.applying) if session.applying else session.log
        threading.Thread(target=log.warning, name="opsctl-signal-log", args=("run.stopping",),
                         kwargs={"signal": signal.Signals(signum).name, "grace_s": grace,
                                 "hint": "a second signal aborts now"}).start()
        timer = threading.Timer(grace, grace_over)
        timer.daemon = True
        timer.start()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    session.interrupt = interrupt_for_cancel
    _quiet_lost_interrupts(session)


def _quiet_lost_interrupts(session: Any) -> None:
    """The KeyboardInterrupt ``on_signal`` raises may land in code that cannot pass it on (a
    library's C code calling back into Python: pydantic building a validator), which hands it
    to ``sys.unraisablehook`` (a traceback on stderr) and goes on. The stop stands all the
    same, in ``session.stop_requested``, where the next check finds it: no traceback."""
    import sys

    global _STOPPING_SESSION
    _STOPPING_SESSION = session
    if getattr(sys.unraisablehook, "__name__", "") == "_unraisable":  # once a process
        return
    previous = sys.unraisablehook

    def _unraisable(args: Any) -> None:
        stopping = _STOPPING_SESSION is not None and _STOPPING_SESSION.stop_requested.is_set()
        if not (stopping and issubclass(args.exc_type, KeyboardInterrupt)):
            previous(args)

    sys.unraisablehook = _unraisable


_STOPPING_SESSION: Any = None
"""The session whose stop a lost interrupt belongs to (the last one opened in this process)."""


@contextlib.contextmanager
def nothing_in_flight(session: Any, what: str) -> Iterator[None]:
    """A command's work that changes nothing a stop could leave half done (reading the audit
    trail): a first SIGINT/SIGTERM stops it at once (exit 130), as it stops a run's planning,
    rather than being taken for a run's graceful stop that lets it go on to its end."""
    outer = session.waiting
    session.waiting = outer or what
    try:
        yield
    finally:
        session.waiting = outer


def open_cli_session(opts: CommonOptions, flags: dict[str, Any] | None = None) -> Any:
    """Resolve config, identity, logger; from here on signals stop the run gracefully.
    ``flags``: a command's own options that are settings (``serve --port``: ``{"server":
    {"port": 9001}}``), the highest layer as the global ones are."""
    from opsctl.engine.session import open_session
    from opsctl.observe.log import install_stdlib_bridge

    session = open_session(config_file=opts.config, flags={**opts.settings_flags(),
                                                           **(flags or {})}, env=os.environ)
    install_stdlib_bridge(session.log, session.settings.log_levels)
    _install_signal_handlers(session)
    STATE.output_format = session.settings.format
    return session


def refuse_reading_no_store(session: Any) -> None:
    """Commands that read the run history (``runs``, ``show``, ``locks``, ``audit``), run
    outside any project on the default store that does not exist: exit 2 saying where
    opsctl looked, rather than an empty store made where they happen to run (cron starts
    jobs in the home directory) and "no runs recorded" of a project that has runs."""
    from opsctl.errors import UsageError

    settings, layers = session.settings, session.layers
    if settings.store_url is not None or layers.origin.get("state_dir") != "default":
        return
    if os.path.isfile(os.path.join(layers.root, "opsctl.toml")):
        return
    database = os.path.join(settings.state_dir, "state.db")
    if os.path.exists(database):
        return
    raise UsageError(f"no state store here: there is no opsctl.toml in {layers.root} or above "
                     f"it, and no {database}: run opsctl in the "
                     "project's directory (cron starts jobs in the home directory: cd first), "
                     "pass --config FILE, or set OPSCTL_STORE_URL")


CI_KEY_VARIABLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("github", ("GITHUB_REPOSITORY", "GITHUB_RUN_ID", "GITHUB_JOB")),
    ("gitlab", ("CI_PROJECT_ID", "CI_PIPELINE_ID", "CI_JOB_NAME")),
    ("buildkite", ("BUILDKITE_BUILD_ID", "BUILDKITE_STEP_KEY")),
    ("circleci", ("CIRCLE_WORKFLOW_ID", "CIRCLE_JOB")),
    ("jenkins", ("JOB_NAME", "BUILD_NUMBER")),
)


def idempotency_key_from(given: str | None, automation: str, env: Any) -> str | None:
    """``--idempotency-key KEY``, or ``ci``: a key naming this CI job, stable across its retries.

    Without the flag, ``OPSCTL_IDEMPOTENCY_KEY`` is used when set.
    """
    if given is not None and not given.strip():
        from opsctl.errors import UsageError

        raise UsageError("--idempotency-key is empty: give the operation's key (an unset "
                         "variable?), or leave the flag out for a key derived from the request")
    given = given or env.get("OPSCTL_IDEMPOTENCY_KEY") or None
    if given is not None and not given.strip():
        from opsctl.errors import UsageError

        raise UsageError("OPSCTL_IDEMPOTENCY_KEY is blank: give the operation's key, or unset it")
    if given is not None:
        # the HTTP API's rules for its Idempotency-Key header: keys are shared with it, so a
        # key given here is one a caller there can give too
        from opsctl.engine.request import idempotency_key_problem

        given = given.strip()
        why = idempotency_key_problem(given)
        if why is not None:
            from opsctl.errors import UsageError

            raise UsageError(why)
    if given != "ci":
        return given
    from opsctl.errors import UsageError
    from opsctl.governance.identity import detect_ci

    # The CI system running this process is the one the actor comes from (its marker variable:
    # GITHUB_ACTIONS, GITLAB_CI, ...), never another system's variables left in the environment.
    detected = detect_ci(env)
    if detected is None:
        raise UsageError("--idempotency-key ci: no CI job identity found (none of "
                         "GITHUB_ACTIONS, GITLAB_CI, BUILDKITE, CIRCLECI, JENKINS_URL is set); "
                         "outside CI give a key of your own, or leave the flag out")
    system = detected[0]
    names = dict(CI_KEY_VARIABLES)[system]
    missing = [n for n in names if not env.get(n)]
    if missing:
        raise UsageError(f"--idempotency-key ci: the {system} job does not name itself "
                         f"({', '.join(missing)} unset)")
    return ":".join([system, *(str(env[n]) for n in names), automation])


def output_format(opts: CommonOptions, session: Any | None = None) -> str:
    if opts.format:
        return opts.format
    if session is not None:
        return str(session.settings.format)
    return os.environ.get("OPSCTL_FORMAT", "text")


def _actor_row(session: Any) -> tuple[str, str, str]:
    """The actor runs will record, and where it came from (OPSCTL_ACTOR, the config, a CI
    system or the OS user), rather than the ``actor`` setting, which is often unset."""
    identity = session.identity
    if identity.source == "config":
        source = session.layers.origin.get("actor", "config")
    elif identity.source in ("env", "os"):
        source = {"env": "env", "os": "os user"}[identity.source]
    else:
        source = f"ci:{identity.source}"
    return ("actor", str(identity.actor), source)


def show_config(session: Any) -> int:
    from opsctl.cli.render import table
    from opsctl.config.settings import describe_settings, settings_values

    if output_format(STATE.opts or CommonOptions(None, None, False, None, 0, False), session) == "json":
        import json

        # values as JSON (a number, a list, null), the text table's strings aside
        values = [_actor_row(session) if key == "actor" else (key, value, layer)
                  for key, value, layer in settings_values(session.settings, session.layers)]
        from opsctl.cli.output import json_stdout

        # a secret's value inside another setting (a URL, the actor) is masked there too
        click.echo(json.dumps({k: {"value": session.redactor.redact(v), "layer": layer}
                               for k, v, layer in values}, indent=2, ensure_ascii=False),
                   file=json_stdout())
        return 0
    rows = [_actor_row(session) if key == "actor" else (key, value, layer)
            for key, value, layer in describe_settings(session.settings, session.layers)]
    rows = [(key, session.redactor.redact_text(value), layer) for key, value, layer in rows]
    table(("key", "value", "layer"), rows, sys.stdout)
    return 0


def only_once(why: str) -> Callable[[click.Context, click.Parameter, tuple[str, ...]],
                                     str | None]:
    """A callback for a file option declared ``multiple=True`` that takes one file: given
    twice (as Terraform's -var-file or Ansible's -e are, and merged), click would keep the
    last one and drop the others without a word; refused instead, saying ``why``."""
    def callback(ctx: click.Context, param: click.Parameter,
                 value: tuple[str, ...]) -> str | None:
        if len(value) > 1:
            raise click.BadParameter(f"given {len(value)} times ({', '.join(value)}): {why}",
                                     ctx=ctx, param=param)
        return value[0] if value else None
    return callback


one_request_document = only_once("a run reads one request document; merge them into one, or "
                                 "give the other fields as flags")
one_plan_file = only_once("one saved plan is applied at a time: `opsctl apply --plan FILE` for "
                          "each")
