"""The inventory's two long loops (reading every script, reading every caller file) on every
core of the machine: the items are cut into chunks, each chunk is handled by a forked worker
process (the next chunk to whichever worker is free), and the chunks' results come back in
order, so the inventory is the same whatever the number of jobs.

Forked, not spawned: a worker starts with the parent's state (the tree's discovery, the index
of scripts, the caches of one scan) without re-importing or pickling it; only each chunk's
result is pickled back. Where forking is not safe (not Linux, or a process already running
threads, such as a test runner's or a server's), and for a small tree, the loop runs in the
calling process. Written on ``multiprocessing``'s processes and pipes rather than its pools: a
pool's worker killed or interrupted leaves its queue threads printing tracebacks, where a user
pressing Ctrl-C should see only that the scan was aborted (exit 130); a worker that dies here
has its chunks done again by the parent.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 200
"""Below this many items a loop runs in the calling process (a worker costs ~10 ms to fork and
collect; 200 scripts take about a second)."""
MAX_JOBS = 8


def default_jobs() -> int:
    """The CPUs this process may run on, at most :data:`MAX_JOBS`."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_JOBS))


def can_fork() -> bool:
    """Whether forking workers is safe here: Linux, and no other thread running (a fork copies
    only the calling thread; a lock held by another one would never be released)."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def map_chunks(task: Callable[[Sequence[T]], R], items: Sequence[T], jobs: int | None) -> list[R]:
    """``task`` over consecutive chunks of ``items``, the results in the chunks' order; one chunk
    (``[task(items)]``) when the loop stays in this process. ``jobs``: None for
    :func:`default_jobs`, 1 for this process only."""
    # at most one worker per 20 items, and 64 in all, whatever was asked
    count = min(default_jobs() if jobs is None else max(1, jobs), 64, len(items) // 20)
    if count <= 1 or len(items) < MIN_ITEMS or not can_fork():
        return [task(items)]
    import multiprocessing
    from multiprocessing.connection import wait

    # Many small chunks, handed to whichever worker is free (a script's time varies by a
    # thousand times: chunks dealt in turn left one worker busy for seconds after the other
    # was done, 5% of a scan of 9,000 scripts); each worker holds two, so that it never waits
    # for the next one while this process reads a result.
    size = max(_MIN_CHUNK, -(-len(items) // (count * _CHUNKS_PER_WORKER)))
    chunks = [items[start:start + size] for start in range(0, len(items), size)]
    results: dict[int, R] = {}
    waiting = list(range(len(chunks) - 1, -1, -1))  # popped from the end: in order
    context = multiprocessing.get_context("fork")
    workers: dict[Any, Any] = {}  # each worker's end of its pipe: the process
    try:
        parent = os.getpid()
        for _ in range(count):
            mine: Any
            mine, theirs = context.Pipe()
            # (the earlier workers' pipes are closed in this one: a pipe whose end a sibling
            # holds would never tell its worker that the parent is gone)
            process = context.Process(target=_work, daemon=True, args=(
                task, chunks, theirs, [mine, *workers], parent))
            process.start()
            theirs.close()
            workers[mine] = process
            for _ in range(_IN_FLIGHT):
                _hand_out(mine, waiting)
        while workers:
            for ready in wait(list(workers)):
                connection: Any = ready
                try:
                    index, result = connection.recv()
                except (EOFError, OSError):  # done (it closed its end), or killed (out of memory...)
                    connection.close()
                    workers.pop(connection).join()
                    continue
                results[index] = result
                _hand_out(connection, waiting)
    except BaseException:
        # Ctrl-C (the parent's KeyboardInterrupt) or an error: stop the workers now
        for process in workers.values():
            process.terminate()
        for process in workers.values():
            process.join()
        raise
    # what a worker that died did not send is done here, in this process
    return [results[index] if index in results else task(chunk)
            for index, chunk in enumerate(chunks)]


_CHUNKS_PER_WORKER = 24
_MIN_CHUNK = 5
_IN_FLIGHT = 2


def _hand_out(connection: Any, waiting: list[int]) -> None:
    """The next chunk's index to a worker, or None (no more: it finishes what it holds and
    ends). A worker that died is found by its next read: its chunks are done here."""
    with contextlib.suppress(OSError):
        connection.send(waiting.pop() if waiting else None)


def _work(task: Callable[[Sequence[T]], R], chunks: list[Sequence[T]], connection: Any,
          others: list[Any], parent: int) -> None:
    """A worker: each chunk it is handed, its result sent back at once, until it is handed
    None. It leaves Ctrl-C to the parent (which stops it), dies on SIGTERM and when the parent
    dies (killed, it cannot stop its workers), and prints nothing: what it finds goes back
    with its results, and a traceback from a worker the parent stopped would only be noise."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent(parent)
    for other in others:
        other.close()
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - for the worker's life
    try:
        while (index := connection.recv()) is not None:
            connection.send((index, task(chunks[index])))
    except EOFError:
        pass  # the parent is gone
    connection.close()


def _die_with_parent(parent: int) -> None:
    """SIGTERM to this process when its parent dies (Linux ``prctl(PR_SET_PDEATHSIG)``, through
    ctypes: the standard library has no call for it); at once if it already has."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # the parent's pipe still ends the worker when it writes its results
    if os.getppid() != parent:
        os._exit(1)
