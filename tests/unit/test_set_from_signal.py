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
