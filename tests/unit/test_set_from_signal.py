"""A signal handler sets the event its main thread waits on without waiting for that event's
lock, which the main thread may hold at that very moment (Event.wait takes it on the way in
and out): `show --follow` once hung for ever on a Ctrl-C that landed there."""

from __future__ import annotations

import threading

from opsctl.cli.options import set_from_signal


def test_an_event_whose_lock_is_free_is_set_at_once() -> None:
    event = threading.Event()
    set_from_signal(event)
    assert event.is_set()  # the next check of the event sees it: a run stops taking actions


def test_an_event_whose_lock_this_thread_holds_is_set_soon_without_waiting() -> None:
    event = threading.Event()
    done: list[str] = []
    with event._cond:  # as the main thread holds it inside event.wait()
        set_from_signal(event, then=lambda: done.append("then"))  # returns: no deadlock
        assert not event.is_set()
    assert event.wait(5)
    for _ in range(500):
        if done:
            break
        threading.Event().wait(0.01)
    assert done == ["then"]


def test_an_interrupt_a_library_could_not_pass_on_prints_no_traceback_once_stopping() -> None:
    """The stop handler's KeyboardInterrupt may land in C code calling back into Python (a
    pydantic validator being built), which hands it to sys.unraisablehook: once the stop is
    recorded that is no traceback (the stop stands); anything else is still reported."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent('''
        import threading
        from opsctl.cli.options import _quiet_lost_interrupts

        class Session:
            stop_requested = threading.Event()

        class Raises:
            def __init__(self, error):
                self.error = error
            def __del__(self):
                raise self.error

        session = Session()
        _quiet_lost_interrupts(session)
        _quiet_lost_interrupts(session)  # a second session in the process: one hook
        Raises(KeyboardInterrupt("before the stop"))
        session.stop_requested.set()
        Raises(KeyboardInterrupt("after the stop"))
        Raises(ValueError("not an interrupt"))
    ''')
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert "before the stop" in done.stderr and "not an interrupt" in done.stderr
    assert "after the stop" not in done.stderr
