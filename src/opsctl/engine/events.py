"""A run's event stream: what it did, in order, recorded while it runs and followed by readers.

Every run numbers its events 1, 2, 3... in the store's ``run_events`` (a resumed run goes on
after its last one)::

    run.started | run.resumed   automation, mode, actor (resumed: previous_status)
    plan                        fingerprint, count, kinds, actions [{id, kind, target}]
    gate                        policy: the decision (effect, rule, reason, ...) or null
    action.started              id
    action.finished             id, status, attempts, duration_ms, error
    log                         level, event and the fields of one line of the run's logger
    run.finished                status, exit_code, summary, error

Recording costs no commit of its own: rows are buffered in the store and written at the start
of its next transaction (a journal record's), and ``run.finished`` commits with the run's
result, so a reader that sees the run finished has every event. Secrets are masked by value.

:func:`follow_events` reads them back in order while the run goes on and ends with a
``result`` event carrying the result document; ``opsctl show --follow`` prints it, and the
HTTP server's Server-Sent Events (event id = seq) are the same iterator.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from opsctl.engine.results import kind_counts
from opsctl.engine.state import RunState
from opsctl.jsontext import plain_string as _plain
from opsctl.observe.log import EventDict
from opsctl.store.sql import SQLStore

UNFINISHED = ("running", "queued")
"""Run statuses a follower keeps waiting on."""

# Fields of a log line that the event's run already says (and ``at`` holds ``ts``).
_NOT_IN_LOG_EVENT = ("ts", "run_id", "automation")


@dataclass(frozen=True)
class RunEvent:
    """One event of a run: ``seq`` numbers it within its run (None for the closing ``result``
    event, which is read from the run, not the stream)."""

    seq: int | None
    at: str
    kind: str
    data: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "at": self.at, "kind": self.kind, "data": self.data}


class RunEventRecorder:
    """Records the events of one run through its session's store, with the lines of its
    logger (a tap on ``run_id``: lines of other runs in this process are not taken)."""

    def __init__(self, run: RunState) -> None:
        self.run_id = run.run_id
        self._store = run.session.store
        self._now = run.session.now_iso
        self._store.open_run_events(run.run_id)
        self._untap = run.session.log.tap(run.run_id, self._log_line)

    def record(self, kind: str, data: dict[str, Any], at: str | None = None) -> None:
        self._store.queue_run_event(self.run_id, at or self._now(), kind, data)

    def action_started(self, action_id: str, at: str) -> None:
        """The ``action.started`` event, its text written here when JSON would escape nothing
        in it (:func:`~opsctl.jsontext.plain_string`)."""
        self._store.queue_run_event(
            self.run_id, at, "action.started", {"id": action_id},
            text=f'{{"id": "{action_id}"}}' if _plain(action_id) else None)

    def action_finished(self, action_id: str, status: str, attempts: int,
                        duration_ms: float | None, error: str | None, at: str) -> None:
        """The ``action.finished`` event; an outcome without an error has its text written
        here, as the store's encoder writes it (strings JSON writes as they are, ``repr`` of
        an int and of a finite float)."""
        data = {"id": action_id, "status": status, "attempts": attempts,
                "duration_ms": duration_ms, "error": error}
        text = None
        if (error is None and type(attempts) is int and _plain(action_id) and _plain(status)
                and (duration_ms is None or (type(duration_ms) is float
                                             and duration_ms - duration_ms == 0.0))):
            text = (f'{{"id": "{action_id}", "status": "{status}", "attempts": {attempts!r}, '
                    f'"duration_ms": {"null" if duration_ms is None else repr(duration_ms)}, '
                    '"error": null}')
        self._store.queue_run_event(self.run_id, at, "action.finished", data, text=text)

    def _log_line(self, line: EventDict) -> None:
        data = dict(line)  # a copy less what the run says (in order: the text keeps it)
        for key in _NOT_IN_LOG_EVENT:
            data.pop(key, None)
        self._store.queue_run_event(self.run_id, str(line.get("ts") or self._now()),
                                    "log", data)

    def close(self) -> None:
        """Stop recording; what is buffered is written with the store's next commit."""
        self._untap()
        self._store.close_run_events(self.run_id)


def start_recording(run: RunState, kind: str, data: dict[str, Any]) -> None:
    """Open the run's stream (numbering after its last stored event) with its first event."""
    run.events = RunEventRecorder(run)
    run.events.record(kind, data)


def record_event(run: RunState, kind: str, data: dict[str, Any], at: str | None = None) -> None:
    """Queue one event of ``run`` (nothing when it records none, e.g. a policy check)."""
    if run.events is not None:
        run.events.record(kind, data, at)


def stop_recording(run: RunState) -> None:
    """Detach the run's logger tap; later lines of this run are not recorded."""
    if run.events is not None:
        run.events.close()
        run.events = None


def plan_event(run: RunState) -> dict[str, Any]:
    """The ``plan`` event's data: its actions as the result document names them."""
    actions = [state.action for state in run.states]
    return {"fingerprint": run.plan.fingerprint if run.plan else None, "count": len(actions),
            "kinds": kind_counts(actions),
            "actions": [{"id": a.id, "kind": a.kind, "target": a.target} for a in actions]}


# -- following ----------------------------------------------------------------------------------

def follow_events(store: SQLStore | Callable[[], SQLStore], run_id: str, *, after_seq: int = 0,
                  poll_s: float = 0.2, stop: threading.Event | None = None,
                  timeout_s: float | None = None) -> Iterator[RunEvent]:
    """Yield the events of ``run_id`` numbered above ``after_seq``, in order, as they are
    recorded; once the run has finished (its status is no longer running or queued) and every
    event is read, yield one ``result`` event (seq None) carrying its result document
    (``opsctl.result/v1``) and end.

    ``store`` is an open store, or a function opening one (closed when the iterator ends).
    Each poll reads the run's status, then its new events, each in a read transaction of its
    own, so commits of other processes are seen; a run's last event commits with its result,
    so a run seen finished has nothing left to read. Resuming after the last event seen
    (``after_seq``, an SSE ``Last-Event-ID``) gives no gap and no duplicate.

    Ends without the ``result`` event when ``stop`` is set or ``timeout_s`` passes. A run id
    that is unknown (or an ambiguous prefix) raises :class:`~opsctl.errors.UsageError` on the
    first ``next()``.
    """
    owned = not isinstance(store, SQLStore)
    opened = store() if not isinstance(store, SQLStore) else store
    try:
        yield from _follow(opened, run_id, after_seq, poll_s, stop or threading.Event(),
                           None if timeout_s is None else time.monotonic() + timeout_s)
    finally:
        if owned:
            opened.close()


def _follow(store: SQLStore, run_id: str, seq: int, poll_s: float, stop: threading.Event,
            deadline: float | None) -> Iterator[RunEvent]:
    from opsctl.errors import UsageError

    page = 500
    row = store.get_run(run_id)
    if row is None:
        raise UsageError(f"no run {run_id!r} in the store")
    run_id = str(row["id"])
    while True:
        finished = row["status"] not in UNFINISHED  # read before the events: see the docstring
        while True:
            batch = store.run_events(run_id, after_seq=seq, limit=page)
            for event in batch:
                seq = int(event["seq"])
                yield RunEvent(seq, str(event["at"]), str(event["kind"]), event["data"])
            if len(batch) < page:
                break
        if finished:
            yield RunEvent(None, str(row["finished_at"] or row["started_at"]), "result",
                           result_of(row))
            return
        if stop.is_set() or (deadline is not None and time.monotonic() >= deadline):
            return
        stop.wait(poll_s if deadline is None else max(0.0, min(poll_s,
                                                                 deadline - time.monotonic())))
        if stop.is_set():
            return
        row = store.get_run(run_id) or row


def result_of(row: dict[str, Any]) -> dict[str, Any]:
    """A finished run's result document; a run whose result was never recorded (its store
    failed as it finished) gets what its row says."""
    if row.get("result"):
        return dict(row["result"])
    return {"run_id": row["id"], "automation": row["automation"], "mode": row["mode"],
            "status": row["status"], "exit_code": row["exit_code"],
            "error": {"type": row.get("error_type"), "message": "the run's result was not recorded"}}
