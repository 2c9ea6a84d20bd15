"""The inventory's two long loops (reading every script, reading every caller file) on every
core of the machine: the items are cut into chunks, each chunk is handled by a forked worker
process, and the chunks' results come back in order, so the inventory is the same whatever
the number of jobs.

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

    # several chunks per worker, dealt in turn, so that one slow chunk does not leave the
    # others idle for long
    size = max(1, -(-len(items) // (count * 6)))
    chunks = [items[start:start + size] for start in range(0, len(items), size)]
    results: dict[int, R] = {}
    context = multiprocessing.get_context("fork")
    workers: dict[Any, tuple[Any, list[int]]] = {}
    try:
        parent = os.getpid()
        for worker in range(count):
            mine = list(range(worker, len(chunks), count))
            reader: Any
            reader, writer = context.Pipe(duplex=False)
            # (the earlier workers' pipes are closed in this one: a pipe whose reader a
            # sibling holds would never tell its worker that the parent is gone)
            process = context.Process(target=_work, daemon=True, args=(
                task, chunks, mine, writer, [reader, *workers], parent))
            process.start()
            writer.close()
            workers[reader] = (process, mine)
        while workers:
            for ready in wait(list(workers)):
                process, _mine = workers.pop(ready)
                reader = ready  # one of the pipes' readers
                with contextlib.suppress(EOFError, OSError):  # a worker killed (out of memory...)
                    results.update(reader.recv())
                reader.close()
                process.join()
    except BaseException:
        # Ctrl-C (the parent's KeyboardInterrupt) or an error: stop the workers now
        for process, _mine in workers.values():
            process.terminate()
        for process, _mine in workers.values():
            process.join()
        raise
    # what a worker that died did not send is done here, in this process
    return [results[index] if index in results else task(chunk)
            for index, chunk in enumerate(chunks)]


def _work(task: Callable[[Sequence[T]], R], chunks: list[Sequence[T]], mine: list[int],
          writer: Any, readers: list[Any], parent: int) -> None:
    """A worker: its chunks' results, sent back at once. It leaves Ctrl-C to the parent
    (which stops it), dies on SIGTERM and when the parent dies (killed, it cannot stop its
    workers), and prints nothing: what it finds goes back with its results, and a traceback
    from a worker the parent stopped would only be noise."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent(parent)
    for reader in readers:
        reader.close()
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - for the worker's life
    writer.send({index: task(chunks[index]) for index in mine})
    writer.close()


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
