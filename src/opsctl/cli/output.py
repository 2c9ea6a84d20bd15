"""Printing what a command produced: one JSON document, or text for people."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any, TextIO

import click

from opsctl.cli.options import OUTPUT_ERRNOS, STATE, CommonOptions, output_format, say


def json_stdout() -> TextIO:
    """Standard output, about to take JSON: in UTF-8 whatever the locale's encoding. JSON
    between programs is UTF-8 (RFC 8259); an ASCII stream (``PYTHONIOENCODING=ascii``) wrote
    ``é`` as ``\\xe9``, no JSON escape, and a Latin-1 one as a byte no UTF-8 parser reads.
    Text for people keeps the terminal's encoding: only a command whose output is JSON asks."""
    import codecs

    stream = sys.stdout
    encoding = getattr(stream, "encoding", None)
    reconfigure = getattr(stream, "reconfigure", None)
    with suppress(LookupError, OSError, ValueError):
        if encoding and reconfigure is not None and codecs.lookup(encoding).name != "utf-8":
            stream.flush()
            reconfigure(encoding="utf-8", errors="backslashreplace")
    return stream


def emit(document: dict[str, Any], exit_code: int, opts: CommonOptions, session: Any = None,
         *, stream: TextIO | None = None) -> int:
    """Print a run's result document (to stdout, or ``stream``); a run that failed also gets
    the one ``opsctl: error:`` line on stderr that every failure gets (the document itself may
    be going to a file or a pipe, and CI logs show stderr)."""
    lost = session.log.sink_failure() if session is not None else None
    if lost is not None:
        document = {**document, "warnings": [*document.get("warnings", []),
                                             f"log lines could not be written ({lost}); the "
                                             "run's events are in the store: opsctl show "
                                             f"{document.get('run_id')}"]}
    error = document.get("error")
    if exit_code not in (0, 10) and isinstance(error, dict) and error.get("message"):
        from opsctl.cli.render import printable

        message = str(error["message"]).encode("utf-8", "backslashreplace").decode("utf-8")
        # one line, its escape sequences shown: a message may quote what someone typed (the
        # reason of a rejection), and the terminal reading it must not take it for commands
        say(f"opsctl: error: {printable(' '.join(message.split()))}")
        run_id = document.get("run_id")
        planned = (document.get("plan") or {}).get("actions")
        if run_id and planned and document.get("status") in ("partial", "cancelled") \
                and not document.get("replayed") and (error.get("step") != "plan" or any(
                    a.get("status") not in (None, "pending") for a in planned)):
            # (stopped before applying anything, while planning or at the prompt, by a run
            # that had journaled nothing: nothing to resume, the same command runs it again)
            say(f"opsctl: hint: `{opts.command('resume', run_id)}` finishes what is left")
    try:
        if output_format(opts, session) == "json":
            click.echo(json.dumps(document, ensure_ascii=False, sort_keys=False),
                       file=stream or json_stdout())
        else:
            from opsctl.cli.render import render_result

            render_result(document, stream or sys.stdout, full_diff=opts.diff,
                          command=opts.command)
    except OSError as exc:
        if stream is not None or not terminal_hung_up(exc):
            raise
        # The terminal closed (a dropped ssh session): its SIGHUP stopped the run, which is
        # recorded; no one is there to read the result, and the run's exit code stands
        # (exit 4, "cannot write the output", told a caller to retry a dependency).
        with suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.close(devnull)
    return exit_code


def terminal_hung_up(exc: OSError) -> bool:
    """Whether ``exc`` is standard output's terminal gone: EIO from a character device that
    no longer answers as a terminal (``isatty`` is false on a hung-up one). A file on a
    failing disk also says EIO, and that output is lost (exit 4)."""
    import errno
    import stat

    if exc.errno != errno.EIO:
        return False
    try:
        return stat.S_ISCHR(os.fstat(1).st_mode) and not os.isatty(1)
    except OSError:
        return False


def emit_data(data: Any, opts: CommonOptions, session: Any, render_text: Any) -> int:
    """Print a non-result payload (list, runs, describe...): JSON as is, or its text rendering."""
    if output_format(opts, session) == "json":
        click.echo(json.dumps(data, ensure_ascii=False, default=str), file=json_stdout())
    else:
        render_text(data, sys.stdout)
    return 0


class MaskingStream:
    """A text stream that masks the run's secrets in what is written through it: what an
    automation prints with ``print()``, ``sys.stdout.write`` or ``sys.stdout.buffer.write`` (a
    program it starts writes to the descriptor, past it). Everything else is the wrapped
    stream's."""

    def __init__(self, stream: TextIO, redactor: Any = None, *, output: bool = True) -> None:
        """``redactor`` None: the secrets of the run being carried out in the writing thread
        (a server's or a worker's runs, each with its own). ``output``: whether the stream
        is where the command's output goes (stdout, not while it is sent to stderr), whose
        reader going away ends the command with 141."""
        self.unmasked = stream
        self._redactor = redactor
        self.output = output

    def redactor_now(self) -> Any:
        if self._redactor is not None:
            return self._redactor
        from opsctl.observe.log import current_redactor

        return current_redactor()

    @property
    def buffer(self) -> MaskingBuffer:
        """``sys.stdout.buffer``: bytes printed there are masked as text is."""
        return MaskingBuffer(self, self.unmasked.buffer)

    def write(self, text: str) -> int:
        redactor = self.redactor_now()
        try:
            if redactor and isinstance(text, str):
                self.unmasked.write(redactor.redact_text(text))
                return len(text)
            return self.unmasked.write(text)
        except OSError as exc:
            self._undelivered(exc)
            return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self.unmasked.flush()
        except OSError as exc:
            self._undelivered(exc)

    def _undelivered(self, exc: OSError) -> None:
        """What an automation prints and cannot be delivered does not fail the action that
        printed it; the run goes on to its end and its record. A reader that went away
        (`opsctl NAME | head -1`) gets nothing more, as SIGPIPE would have it, and main()
        exits 141; a full device loses the line, and main() reports it (exit 4) when the
        result cannot be written there either."""
        if isinstance(exc, BrokenPipeError):
            # a log shipper gone from stderr is not the reader of the output going away
            STATE.reader_gone = STATE.reader_gone or self.output
            with suppress(OSError, ValueError, AttributeError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, self.unmasked.fileno())
                os.close(devnull)
        elif exc.errno not in OUTPUT_ERRNOS:
            raise exc

    def __getattr__(self, name: str) -> Any:
        return getattr(self.unmasked, name)


class MaskingBuffer:
    """The binary stream under a :class:`MaskingStream`, masking the same secrets in the bytes
    written to it (read as UTF-8; bytes that are not UTF-8 pass as they are)."""

    def __init__(self, text_stream: MaskingStream, raw: Any) -> None:
        self.text_stream = text_stream
        self.unmasked = raw

    def write(self, data: Any) -> int:
        redactor = self.text_stream.redactor_now()
        shown = data
        if redactor and isinstance(data, bytes | bytearray | memoryview):
            text = bytes(data).decode("utf-8", "surrogateescape")
            shown = redactor.redact_text(text).encode("utf-8", "surrogateescape")
        try:
            self.unmasked.write(shown)
        except OSError as exc:
            self.text_stream._undelivered(exc)
        return len(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.unmasked, name)


def mask_prints_of_runs() -> None:
    """From now on, ``sys.stdout`` and ``sys.stderr`` mask the secrets of the run carried out
    in the thread that writes (``opsctl serve``, ``opsctl worker``)."""
    if not isinstance(sys.stdout, MaskingStream):
        sys.stdout = MaskingStream(sys.stdout)
    if not isinstance(sys.stderr, MaskingStream):
        sys.stderr = MaskingStream(sys.stderr, output=False)


@contextmanager
def masked_prints(redactor: Any, *, stdout_is_output: bool = True) -> Iterator[None]:
    """``sys.stdout`` and ``sys.stderr`` masking ``redactor``'s secrets while it lasts."""
    saved = sys.stdout, sys.stderr
    sys.stdout = MaskingStream(sys.stdout, redactor, output=stdout_is_output)
    sys.stderr = MaskingStream(sys.stderr, redactor, output=False)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


@contextmanager
def automation_output(session: Any, opts: CommonOptions, *, piped: bool = False) -> Iterator[None]:
    """While an automation's code runs under ``--format json`` (or ``plan --out -``), what it
    prints (``print()``, a program it starts) goes to stderr: stdout holds the one document.
    At the descriptor, so programs it starts are covered too; in text mode it is left as is.
    What it prints through Python's streams has the run's secrets masked, in both modes."""
    if not piped and output_format(opts, session) != "json":
        with masked_prints(session.redactor):
            yield
        return
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        with masked_prints(session.redactor, stdout_is_output=False):
            yield
    finally:
        with suppress(OSError, ValueError):
            sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def progress_for(session: Any, opts: CommonOptions) -> Any:
    """A progress bar for applies on a terminal, in text mode only."""
    if output_format(opts, session) != "text" or not sys.stderr.isatty():
        return None
    from opsctl.cli.render import ProgressReporter

    return ProgressReporter(sys.stderr)
