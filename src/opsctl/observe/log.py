"""Structured logging: a pipeline of processors over an event dict, rendered to stderr.

The shape is structlog's (bound context, processors, a renderer at the end); it is written
here in a few dozen lines because ``import structlog`` measured +130 ms on this machine, more
than half of the start-up budget of a trivial ``opsctl plan``. Tests assert on captured event
dicts (:class:`CaptureSink`), never on formatted strings.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Mapping, MutableMapping
from datetime import UTC, datetime
from typing import Any, TextIO

from opsctl.config.redact import Redactor

EventDict = MutableMapping[str, Any]
Processor = Callable[[EventDict], EventDict]
LEVELS = {"debug": 10, "info": 20, "warning": 30, "error": 40}


def add_timestamp(event: EventDict) -> EventDict:
    event.setdefault("ts", datetime.now(UTC).isoformat(timespec="milliseconds"))
    return event


def redactor_processor(redactor: Redactor) -> Processor:
    def redact(event: EventDict) -> EventDict:
        return redactor.redact(dict(event))  # type: ignore[no-any-return]

    return redact


def render_json(event: EventDict) -> str:
    return json.dumps(event, default=str, ensure_ascii=False)


def color_enabled(stream: TextIO, *, no_color: bool = False,
                  env: Mapping[str, str] | None = None) -> bool:
    """Whether to colour what is written to ``stream``: never with ``--no-color`` or a
    non-empty ``NO_COLOR`` (no-color.org); always with a non-empty ``FORCE_COLOR`` other than
    ``0``; otherwise only on a terminal. Tables, plan diffs and console logs all ask this."""
    env = os.environ if env is None else env
    if no_color or env.get("NO_COLOR"):
        return False
    force = env.get("FORCE_COLOR")
    if force and force != "0":
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


_COLORS = {"debug": "\x1b[2m", "info": "\x1b[36m", "warning": "\x1b[33m", "error": "\x1b[31m"}
_FIRST = ("ts", "level", "event")


def console_renderer(color: bool) -> Callable[[EventDict], str]:
    def render(event: EventDict) -> str:
        level = str(event.get("level", "info"))
        ts = str(event.get("ts", ""))[11:23]
        head = f"{level:<7}"
        if color:
            head = f"{_COLORS.get(level, '')}{head}\x1b[0m"
        rest = " ".join(f"{k}={v}" for k, v in event.items() if k not in _FIRST and v is not None)
        return f"{ts} {head} {event.get('event', '')} {rest}".rstrip()

    return render


class StreamSink:
    """Writes rendered events, one per line, to a text stream (stderr by default)."""

    def __init__(self, renderer: Callable[[EventDict], str], stream: TextIO | None = None) -> None:
        self.renderer = renderer
        self.stream = stream

    def __call__(self, event: EventDict) -> None:
        stream = self.stream or sys.stderr
        stream.write(self.renderer(event) + "\n")
        stream.flush()


class CaptureSink:
    """Keeps the processed event dicts, for tests."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []

    def __call__(self, event: EventDict) -> None:
        self.events.append(dict(event))


class Logger:
    """A bound logger: ``log.bind(run_id=...).info("action.applied", action=...)``."""

    def __init__(self, sink: Callable[[EventDict], None], processors: list[Processor],
                 level: str = "info", context: dict[str, Any] | None = None) -> None:
        self._sink = sink
        self._processors = processors
        self._level = level
        self._threshold = LEVELS[level]
        self._context = context or {}

    def bind(self, **values: Any) -> Logger:
        return Logger(self._sink, self._processors, context={**self._context, **values},
                      level=self._level)

    def _log(self, level: str, event: str, values: dict[str, Any]) -> None:
        if LEVELS[level] < self._threshold:
            return
        record: EventDict = {"level": level, "event": event, **self._context,
                             **{k: v for k, v in values.items() if v is not None}}
        for processor in self._processors:
            record = processor(record)
        self._sink(record)

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
    return Logger(sink, [add_timestamp, redactor_processor(redactor)], level=level)
