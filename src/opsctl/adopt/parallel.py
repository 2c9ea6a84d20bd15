"""The inventory's two long loops (reading every script, reading every caller file) on every
core of the machine: the items are cut into chunks, each chunk is handled by a forked worker
process, and the chunks' results come back in order, so the inventory is the same whatever
the number of jobs.

Forked, not spawned: a worker starts with the parent's state (the tree's discovery, the index
of scripts, the caches of one scan) without re-importing or pickling it; only each chunk's
result is pickled back. Where forking is not safe (not Linux, or a process already running
threads, such as a test runner's or a server's), and for a small tree, the loop runs in the
calling process. The standard library's ``ProcessPoolExecutor`` does the work; this module
only decides when to use it and hands it the function to run.
"""

from __future__ import annotations

import os
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

_TASK: Callable[[Sequence[Any]], Any] | None = None
_ITEMS: Sequence[Any] = ()


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
    count = default_jobs() if jobs is None else max(1, jobs)
    if count == 1 or len(items) < MIN_ITEMS or not can_fork():
        return [task(items)]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # several chunks per worker, so that one slow chunk does not leave the others idle
    size = max(1, -(-len(items) // (count * 6)))
    ranges = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    global _TASK, _ITEMS
    _TASK, _ITEMS = task, items
    try:
        with ProcessPoolExecutor(max_workers=count,
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_run_chunk, ranges))
    except BrokenProcessPool:
        # a worker was killed (out of memory, a signal): do it all here, one process
        return [task(items)]
    finally:
        _TASK, _ITEMS = None, ()


def _run_chunk(bounds: tuple[int, int]) -> Any:
    assert _TASK is not None  # set by map_chunks before the workers were forked
    return _TASK(_ITEMS[bounds[0]:bounds[1]])
