"""Reading documents a user hands opsctl (request documents, plan files) safely.

A path may name anything: ``/dev/zero``, a FIFO nobody writes to, a 4 GB log. Reading such a
thing with ``Path.read_text()`` hangs or exhausts memory, so every user-supplied document is
read through :func:`read_document`: regular files (or ``-`` for standard input) only, at most
``limit`` bytes, strict UTF-8. Each refusal is a :class:`~opsctl.errors.UsageError` (exit 2)
that names the file.
"""

from __future__ import annotations

import os
import stat
import sys
from typing import BinaryIO

from opsctl.errors import UsageError

DEFAULT_MAX_INPUT_BYTES = 10 * 1024 * 1024
"""Default size limit of a request document or plan file (setting ``max_input_size``)."""


def read_document(path: str, *, what: str, limit: int = DEFAULT_MAX_INPUT_BYTES,
                  step: str | None = "validate", hints: bool = True) -> str:
    """The text of ``path`` (``-``: standard input), refusing what is not a bounded document.

    ``what`` names the document in messages ("request file", "plan file"). ``hints``: a
    refusal names ``-`` and the ``max_input_size`` setting as the ways out; not for a config
    file, which is read before the settings and never from standard input.
    """
    if path == "-":
        return _decode(_read_bounded(sys.stdin.buffer, limit, path, what, step), path, what, step)
    try:
        # O_NONBLOCK: opening a FIFO with no writer must not hang before fstat can refuse it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        # curl's and Ansible's `@file`: the option takes the path itself
        bare = (f"; give the path without '@': {path[1:]}"
                if path.startswith("@") and os.path.isfile(path[1:]) else "")
        raise UsageError(f"{what} {path} does not exist{bare}", step=step) from None
    except IsADirectoryError:
        raise UsageError(f"{what} {path} is a directory, not a file", step=step) from None
    except OSError as exc:
        raise UsageError(f"{what} {path} cannot be read: {exc.strerror}", step=step) from None
    info = os.fstat(fd)
    problem = None
    if stat.S_ISDIR(info.st_mode):
        problem = "is a directory, not a file"
    elif not stat.S_ISREG(info.st_mode):
        problem = "is not a regular file (a device, FIFO or socket)" + (
            "; pass a file, or - for standard input" if hints else "")
    elif info.st_size > limit:
        problem = f"is {info.st_size} bytes, over the limit of {limit}" + (
            " (setting max_input_size)" if hints else "")
    if problem is not None:
        os.close(fd)
        raise UsageError(f"{what} {path} {problem}", step=step)
    os.set_blocking(fd, True)
    with os.fdopen(fd, "rb") as handle:
        data = _read_bounded(handle, limit, path, what, step)
    return _decode(data, path, what, step)


def _read_bounded(handle: BinaryIO, limit: int, path: str, what: str, step: str | None) -> bytes:
    try:
        data = handle.read(limit + 1)
    except OSError as exc:
        raise UsageError(f"{what} {path} cannot be read: {exc.strerror}", step=step) from None
    if len(data) > limit:
        raise UsageError(f"{what} {path} is over the limit of {limit} bytes "
                         "(setting max_input_size)", step=step)
    return data


def _decode(data: bytes, path: str, what: str, step: str | None) -> str:
    try:
        # a byte-order mark (what some Windows editors put first) is not content: JSON and
        # YAML documents read the same with it or without it
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{what} {path} is not UTF-8 text (invalid byte at offset {exc.start})",
                         step=step) from None
