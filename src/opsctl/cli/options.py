"""Options every command understands, and the session they resolve to."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

HELP_OPTION_NAMES = ("-h", "--help")
"""The help options of every opsctl command (the group passes them down to subcommands)."""


class CommonOptions:
    def __init__(self, format: str | None, config: str | None, show_config: bool,
                 log_format: str | None, verbose: int, quiet: bool) -> None:
        self.format = format
        self.config = config
        self.show_config = show_config
        self.log_format = log_format
        self.verbose = verbose
        self.quiet = quiet

    def settings_flags(self) -> dict[str, Any]:
        level = "debug" if self.verbose else ("warning" if self.quiet else None)
        return {"format": self.format, "log_format": self.log_format, "log_level": level}


def common_options(fn: F) -> F:
    """Add --format, --config, --show-config, --log-format, -v and -q to a command."""

    @click.option("--format", "format_", type=click.Choice(["text", "json"]), default=None,
                  help="Output: text for people, one JSON result document for machines.")
    @click.option("--config", "config_file", type=str, default=None, metavar="FILE",
                  help="Config file to use instead of the opsctl.toml found upwards.")
    @click.option("--show-config", is_flag=True, default=False,
                  help="Print each resolved setting and the layer it came from, then exit.")
    @click.option("--log-format", type=click.Choice(["json", "console"]), default=None,
                  help="Log lines on stderr: JSON (default when not a terminal) or console.")
    @click.option("-v", "--verbose", count=True, help="Debug logs; tracebacks for internal errors.")
    @click.option("-q", "--quiet", is_flag=True, default=False, help="Only warnings and errors.")
    @functools.wraps(fn)
    def wrapper(*args: Any, format_: str | None, config_file: str | None, show_config: bool,
                log_format: str | None, verbose: int, quiet: bool, **kwargs: Any) -> Any:
        root = click.get_current_context().find_root().params.get("config_file")
        opts = CommonOptions(format_, config_file or root, show_config, log_format, verbose, quiet)
        STATE.opts = opts
        return fn(*args, opts=opts, **kwargs)

    return wrapper  # type: ignore[return-value]


class InvocationState:
    """What main() needs to report an error the way the command would have."""

    def __init__(self) -> None:
        self.opts: CommonOptions | None = None
        self.mode = "apply"
        self.automation: str | None = None
        self.output_format: str | None = None


STATE = InvocationState()


def _install_signal_handlers(session: Any) -> None:
    """First SIGINT/SIGTERM: take no new action and let the in-flight one finish within
    ``stop_grace``; a second signal (or the grace running out) interrupts at once."""
    import _thread
    import signal
    import threading

    grace = session.settings.stop_grace.total_seconds()

    def on_signal(signum: int, frame: Any) -> None:
        if session.stop_requested.is_set():
            raise KeyboardInterrupt
        session.stop_requested.set()
        session.log.warning("run.stopping", signal=signal.Signals(signum).name,
                            grace_s=grace, hint="a second signal aborts now")
        timer = threading.Timer(grace, _thread.interrupt_main)
        timer.daemon = True
        timer.start()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)


def open_cli_session(opts: CommonOptions) -> Any:
    """Resolve config, identity, logger; from here on signals stop the run gracefully."""
    from opsctl.engine.session import open_session

    session = open_session(config_file=opts.config, flags=opts.settings_flags(), env=os.environ)
    _install_signal_handlers(session)
    STATE.output_format = session.settings.format
    return session


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
    given = given or env.get("OPSCTL_IDEMPOTENCY_KEY") or None
    if given != "ci":
        return given
    for system, names in CI_KEY_VARIABLES:
        values = [env.get(n) for n in names]
        if all(values):
            return ":".join([system, *(str(v) for v in values), automation])
    from opsctl.errors import UsageError

    raise UsageError("--idempotency-key ci: no CI job identity found (GitHub Actions, GitLab CI, "
                     "Buildkite, CircleCI or Jenkins variables)")


def output_format(opts: CommonOptions, session: Any | None = None) -> str:
    if opts.format:
        return opts.format
    if session is not None:
        return str(session.settings.format)
    return os.environ.get("OPSCTL_FORMAT", "text")


def show_config(session: Any) -> int:
    from opsctl.cli.render import table
    from opsctl.config.settings import describe_settings

    rows = describe_settings(session.settings, session.layers)
    if output_format(STATE.opts or CommonOptions(None, None, False, None, 0, False), session) == "json":
        import json

        click.echo(json.dumps({k: {"value": v, "layer": layer} for k, v, layer in rows}, indent=2))
    else:
        table(("key", "value", "layer"), rows, sys.stdout)
    return 0
