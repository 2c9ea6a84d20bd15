"""What produced a run: opsctl and Python versions, the automation's source hash, the git commit.

The git commit is read from ``.git`` directly (HEAD, loose refs, packed-refs) rather than by
spawning ``git``, which would cost a process start on every run.
"""

from __future__ import annotations

import hashlib
import platform
import socket
import sys
from pathlib import Path
from typing import Any

from opsctl._version import __version__


def source_hash(path: str | None) -> str | None:
    if not path:
        return None
    try:
        return "sha256:" + hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def _git_dir(start: Path) -> Path | None:
    for directory in (start, *start.parents):
        candidate = directory / ".git"
        if candidate.is_dir():
            return candidate
        if candidate.is_file():  # a worktree or submodule: "gitdir: PATH"
            text = candidate.read_text().strip()
            if text.startswith("gitdir:"):
                return (directory / text[7:].strip()).resolve()
    return None


def git_commit(start: Path) -> str | None:
    """The commit checked out in the repository containing ``start``, or None."""
    try:
        git_dir = _git_dir(start.resolve())
        if git_dir is None:
            return None
        head = (git_dir / "HEAD").read_text().strip()
        if not head.startswith("ref:"):
            return head or None
        ref = head[4:].strip()
        common = git_dir
        commondir = git_dir / "commondir"
        if commondir.is_file():
            common = (git_dir / commondir.read_text().strip()).resolve()
        for base in (git_dir, common):
            loose = base / ref
            if loose.is_file():
                return loose.read_text().strip()
        packed = common / "packed-refs"
        if packed.is_file():
            for line in packed.read_text().splitlines():
                if line.endswith(" " + ref):
                    return line.split(" ", 1)[0]
        return None  # a branch with no commits yet
    except OSError:
        return None


def runtime_info(source_file: str | None) -> dict[str, Any]:
    start = Path(source_file).parent if source_file else Path.cwd()
    return {
        "opsctl_version": __version__,
        "python_version": platform.python_version(),
        "python_implementation": sys.implementation.name,
        "platform": sys.platform,
        "host": socket.gethostname(),
        "automation_source": source_file,
        "automation_source_hash": source_hash(source_file),
        "git_commit": git_commit(start),
    }
