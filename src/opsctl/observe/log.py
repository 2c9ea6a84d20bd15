"""Structured logging: a pipeline of processors over an event dict, rendered to stderr.

The shape is structlog's (bound context, processors, a renderer at the end); it is written
here in a few dozen lines because ``import structlog`` measured +130 ms on this machine, more
than half of the start-up budget of a trivial ``opsctl plan``. Tests assert on captured event
dicts (:class:`CaptureSink`), never on formatted strings.
"""

from __future__ import annotations

import contextvars
import logging
import sys
import threading
import time
from collections.abc import Callable, Mapping, MutableMapping
from contextlib import suppress
from datetime import UTC, datetime
from typing import Any, TextIO

from opsctl.config.redact import Redactor
from opsctl.jsontext import json_encoder
from opsctl.observe.color import color_enabled

EventDict = MutableMapping[str, Any]
Processor = Callable[[EventDict], EventDict]
LEVELS = {"debug": 10, "info": 20, "warning": 30, "error": 40}


_last_stamp: tuple[int, str] = (-1, "")


def now_iso_ms() -> str:
    """``datetime.now(UTC).isoformat(timespec="milliseconds")``, formatted once a millisecond:
    a run writes a line and two events per action, many to a millisecond, and formatting a
    datetime is most of a timestamp's cost (bench/journal.py)."""
    global _last_stamp
    ms = time.time_ns() // 1_000_000
    last = _last_stamp
    if last[0] == ms:
        return last[1]
    moment = datetime.fromtimestamp(ms // 1000, UTC).replace(microsecond=ms % 1000 * 1000)
    text = moment.isoformat(timespec="milliseconds")
    _last_stamp = (ms, text)  # one tuple, replaced whole: safe between threads
    return text


def add_timestamp(event: EventDict) -> EventDict:
    if "ts" not in event:
        event["ts"] = now_iso_ms()
    return event


def redactor_processor(redactor: Redactor) -> Processor:
    def redact(event: EventDict) -> EventDict:
        if not redactor:  # no secret registered (yet): nothing to mask, no copy to make
            return event
        return redactor.redact(dict(event))  # type: ignore[no-any-return]

    return redact


_LINE_JSON = json_encoder(sort_keys=False, ensure_ascii=False, allow_nan=False)


def render_json(event: EventDict) -> str:
    """``json.dumps(event, default=str, ensure_ascii=False)``, without building an encoder per
    line (a line per action: a third of the CLI's cost of logging one). A float that is not
    finite (``ctx.log.info("x", ratio=float("nan"))``) is written as the string ``"nan"``:
    ``NaN`` is no JSON, and a log shipper's parser refuses the whole line."""
    try:
        return _LINE_JSON(event)
    except ValueError:  # a NaN or an infinity, somewhere in the values
        return _LINE_JSON(_finite(event))


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if value - value == 0 else str(value)  # inf - inf and nan - nan are nan
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


_COLORS = {"debug": "\x1b[2m", "info": "\x1b[36m", "warning": "\x1b[33m", "error": "\x1b[31m"}
_FIRST = ("ts", "level", "event")
# Control characters (escape sequences, carriage returns, C1 codes; not newlines and tabs, as
# in a traceback) shown as \xNN, as text results show them (cli.render.printable): what a line
# carries is recorded text (a request, a target, the reason of a rejection), and a terminal
# must not take it for commands.
_CONTROL_SHOWN = {code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7f, 0xa0))
                  if code not in (0x09, 0x0a)}
# One line an event: a newline in a value (a rejection reason, a request value) would print a
# line that reads as another event. A traceback keeps its lines.
_NEWLINE_SHOWN = {0x0a: "\\n"}
_MULTILINE_KEYS = ("traceback",)


def console_renderer(color: bool) -> Callable[[EventDict], str]:
    def render(event: EventDict) -> str:
        level = str(event.get("level", "info"))
        ts = str(event.get("ts", ""))[11:23]
        head = f"{level:<7}"
        if color:
            head = f"{_COLORS.get(level, '')}{head}\x1b[0m"
        rest = " ".join(f"{k}={v}" if k in _MULTILINE_KEYS else
                        f"{k}={str(v).translate(_NEWLINE_SHOWN)}"
                        for k, v in event.items() if k not in _FIRST and v is not None)
        name = str(event.get("event", "")).translate(_NEWLINE_SHOWN)
        line = f"{name} {rest}".rstrip().translate(_CONTROL_SHOWN)
        return f"{ts} {head} {line}".rstrip()

    return render


class StreamSink:
    """Writes rendered events, one per line, to a text stream (stderr by default)."""

    def __init__(self, renderer: Callable[[EventDict], str], stream: TextIO | None = None) -> None:
        self.renderer = renderer
        self.stream = stream
        self.failed: str | None = None
        """Why lines could not be written (a full disk behind a redirect): from then on they
        are dropped; the run goes on, and its events are in the store."""

    def __call__(self, event: EventDict) -> None:
        if self.failed is not None:
            return
        # past a stream masking an automation's prints: log lines are masked already
        stream = self.stream or sys.stderr
        stream = getattr(stream, "unmasked", stream)
        try:
            stream.write(self.renderer(event) + "\n")
            stream.flush()
        except OSError as exc:  # ENOSPC, EIO, a closed pipe: logging must not end the run
            self.failed = exc.strerror or type(exc).__name__


class CaptureSink:
    """Keeps the processed event dicts, for tests."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []

    def __call__(self, event: EventDict) -> None:
        self.events.append(dict(event))


Tap = Callable[[EventDict], None]


class Logger:
    """A bound logger: ``log.bind(run_id=...).info("action.applied", action=...)``."""

    def __init__(self, sink: Callable[[EventDict], None], processors: list[Processor],
                 level: str = "info", context: dict[str, Any] | None = None,
                 taps: dict[str, Tap] | None = None) -> None:
        self._sink = sink
        self._processors = processors
        self._level = level
        self._threshold = LEVELS[level]
        self._context = context or {}
        self._taps: dict[str, Tap] = {} if taps is None else taps  # shared with bound loggers
        self.redactor: Redactor | None = None  # what it masks with (for a run's prints)

    def bind(self, **values: Any) -> Logger:
        context = {**self._context, **values}
        # __init__'s work without its checks: a run binds one logger per action
        bound = Logger.__new__(Logger)
        bound._sink, bound._processors, bound._level = self._sink, self._processors, self._level
        bound._threshold, bound._context, bound._taps = self._threshold, context, self._taps
        bound.redactor = self.redactor
        _LAST_LOGGER.set(bound)
        return bound

    def masking_with(self, redactor: Redactor) -> Logger:
        """This logger (its sink, level, bound context and taps) masking with ``redactor``
        instead of its own: a server's sessions share one sink, each with its own secrets."""
        masking = Logger(self._sink, [add_timestamp, redactor_processor(redactor)],
                         level=self._level, context=dict(self._context), taps=self._taps)
        masking.redactor = redactor
        return masking

    def sink_failure(self) -> str | None:
        """Why this logger's lines stopped being written, if they did."""
        return getattr(self._sink, "failed", None)

    def tap(self, run_id: str, tap: Tap) -> Callable[[], None]:
        """Also hand ``tap`` every line about run ``run_id`` (its ``run_id`` field, bound or
        given) that this logger, or one bound from it, writes: after the level filter and
        the processors (secrets masked), as the sink gets it. Lines of other runs, in other
        threads of the same process, never reach it. Returns the function that removes it.
        """
        self._taps[run_id] = tap

        def remove() -> None:
            if self._taps.get(run_id) is tap:
                self._taps.pop(run_id, None)

        return remove

    def _log(self, level: str, event: str, values: dict[str, Any]) -> None:
        if LEVELS[level] < self._threshold:
            return
        _LAST_LOGGER.set(self)
        self._emit(level, event, values)

    def _emit(self, level: str, event: str, values: dict[str, Any]) -> None:
        record: EventDict = {"level": level, "event": event, **self._context}
        for key, value in values.items():
            if value is not None:
                record[key] = value
        for processor in self._processors:
            record = processor(record)
        self._sink(record)
        taps = self._taps
        if taps:
            run_id = record.get("run_id")
            tap = taps.get(run_id) if isinstance(run_id, str) else None
            if tap is not None:
                tap(record)

    def debug(self, event: str, **values: Any) -> None:
        self._log("debug", event, values)

    def info(self, event: str, **values: Any) -> None:
        self._log("info", event, values)

    def warning(self, event: str, **values: Any) -> None:
        self._log("warning", event, values)

    def error(self, event: str, **values: Any) -> None:
        self._log("error", event, values)


def make_logger(*, redactor: Redactor, log_format: str = "auto", level: str = "info",
                sink: Callable[[EventDict], None] | None = None, stream: TextIO | None = None) -> Logger:
    """The logger of one run: timestamps, secrets masked, JSON or console lines on stderr."""
    if sink is None:
        out = stream or sys.stderr
        tty = out.isatty()
        if log_format == "auto":
            log_format = "console" if tty else "json"
        renderer = render_json if log_format == "json" else console_renderer(
            color=color_enabled(out))
        sink = StreamSink(renderer, stream)
    logger = Logger(sink, [add_timestamp, redactor_processor(redactor)], level=level)
    logger.redactor = redactor
    return logger


def current_redactor() -> Redactor | None:
    """The secrets of the run whose logger was last used in this thread or task, if any."""
    logger = _LAST_LOGGER.get()
    return logger.redactor if logger is not None else None


# The logger last bound or logged with in this thread or task: what a library's log record,
# which knows nothing of runs, is written through. The engine binds the run's logger before
# planning and each action's before applying it, so a record that a library writes from
# plan() or apply() gets that run, step and action, and is masked with that run's secrets (a
# server's sessions each mask with their own redactor).
_LAST_LOGGER: contextvars.ContextVar[Logger | None] = contextvars.ContextVar(
    "opsctl_last_logger", default=None)
LIBRARY_DEFAULT_LEVEL = "warning"


def _level_name(levelno: int) -> str:
    if levelno >= logging.ERROR:
        return "error"
    if levelno >= logging.WARNING:
        return "warning"
    return "info" if levelno >= logging.INFO else "debug"


class StdlibBridge(logging.Handler):
    """Sends stdlib ``logging`` records (boto3, urllib3, psycopg, ...) through an opsctl
    :class:`Logger`: the same stream and rendering, the run's context, secrets masked.

    Which records come is decided by stdlib levels (:func:`install_stdlib_bridge`), so the
    opsctl logger's own level does not filter them a second time.
    """

    def __init__(self, logger: Logger) -> None:
        super().__init__(logging.NOTSET)
        self.logger = logger
        self._busy = threading.local()

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(self._busy, "active", False):  # a library logging while we write: drop it
            return
        self._busy.active = True
        try:
            values: dict[str, Any] = {"logger": record.name}
            if record.exc_info and record.exc_info[1] is not None:
                error = record.exc_info[1]
                values["exception"] = f"{type(error).__name__}: {error}"
            # the run's own logger (its context, its secrets masked) when one is current here
            # and writes where this bridge does; else this bridge's, with that context
            logger, last = self.logger, _LAST_LOGGER.get()
            if last is not None:
                if last._sink is logger._sink:
                    logger = last
                else:
                    values = {**last._context, **values}
            logger._emit(_level_name(record.levelno), record.getMessage(), values)
        except Exception as exc:
            # not logging's handleError: it prints the record's raw arguments (a secret
            # among them) to stderr. Say which logger wrote what could not be rendered.
            with suppress(Exception):
                self.logger._emit("warning", "log.record_dropped",
                                  {"logger": record.name, "error": type(exc).__name__})
        finally:
            self._busy.active = False


def install_stdlib_bridge(logger: Logger, levels: Mapping[str, str] | None = None,
                          default: str = LIBRARY_DEFAULT_LEVEL) -> StdlibBridge:
    """Route every stdlib logger through ``logger``, replacing a bridge installed before.

    Libraries log at ``default`` (warning) and above; ``levels`` sets a level per logger name
    (``{"botocore": "debug"}``), which applies to its children too (``botocore.endpoint``).
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, StdlibBridge):
            root.removeHandler(handler)
    bridge = StdlibBridge(logger)
    root.addHandler(bridge)
    root.setLevel(LEVELS[default])
    for name, level in (levels or {}).items():
        logging.getLogger(name).setLevel(logging.CRITICAL if level == "critical"
                                         else LEVELS[level])
    return bridge
