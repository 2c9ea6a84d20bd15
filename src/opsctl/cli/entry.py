"""The console script's entry: a signal in the first milliseconds, while the command line's
modules load, ends the process as the same signal later does (exit 130, one line), not with
a traceback through the import system (SIGINT) or no word at all (SIGTERM's default)."""

from __future__ import annotations

import signal
import sys


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> None:
    # SIGTERM as SIGINT until a command installs its own handling (a run's graceful stop, a
    # server's shutdown): the default action would kill the process with no message, 143.
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        from opsctl.cli.main import main as run

        run()  # (it reports a signal itself once its command runs: this is for the rest)
    except KeyboardInterrupt:
        sys.stderr.write("opsctl: interrupted\n")
        sys.exit(130)
