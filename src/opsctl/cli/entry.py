"""The console script's entry: a signal in the first milliseconds, while the command line's
modules load, ends the process as the same signal later does (exit 130, one line), not with
a traceback through the import system (SIGINT) or no word at all (SIGTERM's default); SIGHUP
is SIGTERM unless it is ignored; and
text that the terminal's encoding cannot hold is written escaped, not a crash after the work."""

from __future__ import annotations

import codecs
import signal
import sys


def _escape_what_cannot_be_encoded() -> None:
    """Standard output and error in an encoding that cannot hold every character (ASCII under
    ``PYTHONIOENCODING=ascii``, Latin-1 under such a locale) write what they cannot encode as
    ``\\xNN``/``\\uNNNN`` escapes: a target named ``café`` must not turn a recorded run into a
    crash (exit 1) while its result is printed."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        reconfigure = getattr(stream, "reconfigure", None)
        if not encoding or reconfigure is None:
            continue
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            continue
        if not name.startswith("utf") and name != "gb18030":
            reconfigure(errors="backslashreplace")


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _hangup(signum: int, frame: object) -> None:
    """SIGHUP (the terminal or the ssh session that started opsctl closed) stops it as SIGTERM
    does, through whatever handles SIGTERM now: a run checkpoints, a server or a scheduler
    shuts down with its log line. Its default action ended them at once, silently, leaving
    their runs ``running`` until a lease ran out."""
    import os

    os.kill(os.getpid(), signal.SIGTERM)


def main() -> None:
    _escape_what_cannot_be_encoded()
    # Not when ignored (started by nohup, or under a supervisor that ignores it): that stays.
    hup = getattr(signal, "SIGHUP", None)  # none on Windows
    if hup is not None and signal.getsignal(hup) is signal.SIG_DFL:
        signal.signal(hup, _hangup)
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
