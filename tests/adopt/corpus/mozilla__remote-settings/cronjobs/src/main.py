#!/usr/bin/env python
import glob
import importlib
import os
import sys
from typing import Any, Callable

import sentry_sdk
from decouple import config
from sentry_sdk.crons import monitor
from sentry_sdk.integrations.gcp import GcpIntegration
from sentry_sdk.utils import Dsn


HERE = os.path.dirname(os.path.realpath(__file__))

SENTRY_DSN = config("SENTRY_DSN", default=None)
SENTRY_ENV = config("SENTRY_ENV", default=None)
SERVER_URL = os.getenv("SERVER", "http://localhost:8888/v1")

if SENTRY_DSN:
    # Note! If you don't do `sentry_sdk.init(DSN)` it will still work
    # to do things like calling `sentry_sdk.capture_exception(exception)`
    # It just means it's a noop.
    env_option = {}
    if SENTRY_ENV:
        print("Setting Sentry environment to", SENTRY_ENV)
        env_option = {"environment": SENTRY_ENV}

    # We're running in Google Cloud. See https://cloud.google.com/functions/docs/configuring/env-var
    sentry_sdk.init(SENTRY_DSN, integrations=[GcpIntegration()], **env_option)
    print("Sentry SDK initialized on project", Dsn(SENTRY_DSN).project_id)
else:
    print("SENTRY_DSN not set; Sentry SDK not initialized.", file=sys.stderr)

ENTRYPOINTS = [
    os.path.splitext(os.path.basename(f))[0]
    for f in glob.glob(f"{HERE}/commands/[a-z]*.py")
]


def help_(**kwargs: Any) -> None:
    """Show this help."""

    def white_bold(s: str) -> str:
        return f"\033[1m\x1b[37m{s}\033[0;0m"

    commands = [
        getattr(importlib.import_module(f"commands.{entrypoint}"), entrypoint)
        for entrypoint in ENTRYPOINTS
    ]
    func_listed = "\n - ".join(
        [
            f"{white_bold(f.__name__)}: {f.__doc__.strip().splitlines()[0]}"
            for f in commands
        ]
    )
    print(
        f"""
Remote Settings lambdas.

Available commands:

 - {func_listed}
    """
    )


def run(command: str | Callable[[], Any]) -> Any:
    if isinstance(command, (str,)):
        # Import the command module and returns its main function.
        mod = importlib.import_module(f"commands.{command}")
        command = getattr(mod, command)

    # Note! If the sentry_sdk was initialized with the platform integration,
    # it is now ready to automatically capture all and any unexpected exceptions.
    # See https://docs.sentry.io/platforms/python/guides/aws-lambda/
    # See https://docs.sentry.io/platforms/python/guides/gcp-functions/

    # Option to test failure to test Sentry integration.
    if os.getenv("FORCE_FAIL"):
        raise Exception("Found forced failure flag")

    return command()


def main(*args: str) -> int | None:
    # Run the function specified in CLI arg.
    #
    # $ AUTH=user:pass python aws_lambda.py refresh_signature
    #

    if not args or args[0] in ("help", "--help"):
        help_()
        return

    entrypoint = args[0]
    if entrypoint not in ENTRYPOINTS:
        print(f"Unknown function {entrypoint!r}", file=sys.stderr)
        help_()
        return 1

    # https://docs.sentry.io/platforms/python/crons/#connecting-errors-to-cron-monitors
    with monitor(monitor_slug=entrypoint):
        return run(entrypoint)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
