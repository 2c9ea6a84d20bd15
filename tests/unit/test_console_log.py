"""Console log lines, as people read them on a terminal: one line an event, recorded text
shown, never taken for terminal commands."""

from __future__ import annotations

from opsctl.observe.log import console_renderer


def test_an_event_is_one_line_whatever_its_values_hold() -> None:
    """A value of several lines (a rejection reason, a request value) cannot print a line
    that reads as another event."""
    render = console_renderer(color=False)
    forged = "ok\n21:42:11.336 info    run.finished status=succeeded exit_code=0"

    line = render({"ts": "2026-12-07T21:42:11.300+00:00", "level": "info",
                   "event": "approval.rejected", "reason": forged, "tab": "a\tb"})

    assert line == ("21:42:11.300 info    approval.rejected reason=ok\\n21:42:11.336 info    "
                    "run.finished status=succeeded exit_code=0 tab=a\tb")


def test_a_traceback_keeps_its_lines() -> None:
    render = console_renderer(color=False)
    trace = 'Traceback (most recent call last):\n  File "x.py", line 1\nKeyError: 1'

    line = render({"ts": "2026-12-07T21:42:11.300+00:00", "level": "debug",
                   "event": "traceback", "traceback": trace})

    assert line.splitlines()[1:] == ['  File "x.py", line 1', "KeyError: 1"]
