"""Owners and churn from git: who changed each script, when last, and how often lately.

One ``git log`` over the whole scanned root, read as a stream, never one invocation (nor one
command-line argument) per script: a tree holds thousands of them. Anything git cannot answer (no
git on PATH, not a work tree, an empty repository, a timeout) gives fewer owners, never an error.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from opsctl.adopt.model import Author, Owners

GIT_TIMEOUT = 60.0
"""Seconds the whole ``git log`` may take before the scan goes on without owners."""
CHURN_WINDOW = timedelta(days=90)


@dataclass(slots=True)
class Commit:
    """One commit as ``git log`` printed it: author (after mailmap), date, paths from the top."""

    name: str
    email: str
    date: datetime
    paths: list[str] = field(default_factory=list)


def git_owners(root: Path, scripts: Sequence[str], *, now: datetime,
               timeout: float = GIT_TIMEOUT) -> dict[str, Owners]:
    """Owners of each script (relative to ``root``) from the git repository holding ``root``;
    empty when ``root`` is not in a repository or git is missing. Scripts git never saw are left
    out. ``now`` bounds the 90-day churn window (a naive ``now`` is taken as UTC)."""
    git = shutil.which("git")
    if git is None or not scripts:
        return {}
    prefix = prefix_in_repository(git, root, timeout)
    if prefix is None:
        return {}
    wanted = {prefix + script: script for script in scripts}
    return aggregate_owners(_read_log(git, root, timeout), wanted, now=now)


def aggregate_owners(commits: Iterable[Commit], wanted: dict[str, str], *,
                     now: datetime) -> dict[str, Owners]:
    """Fold commits (newest first or not) into owners of the ``wanted`` paths, given as
    {path from the top of the repository: script path to report}."""
    now = now if now.tzinfo else now.replace(tzinfo=UTC)
    since = now - CHURN_WINDOW
    counts: dict[str, Counter[tuple[str, str]]] = {}
    latest: dict[str, datetime] = {}
    recent: Counter[str] = Counter()
    for commit in commits:
        for path in commit.paths:
            script = wanted.get(path)
            if script is None:
                continue
            counts.setdefault(script, Counter())[(commit.name, commit.email)] += 1
            if script not in latest or commit.date > latest[script]:
                latest[script] = commit.date
            if since < commit.date <= now:
                recent[script] += 1
    owners: dict[str, Owners] = {}
    for script, authors in counts.items():
        ranked = sorted(authors.items(), key=lambda item: (-item[1], item[0][0].lower(), item[0][1]))
        owners[script] = Owners(
            authors=[Author(name=name, email=email, commits=n) for (name, email), n in ranked],
            last_change=latest[script].isoformat(),
            commits_90d=recent[script])
    return owners


def prefix_in_repository(git: str, root: Path, timeout: float) -> str | None:
    """``root``'s path below the top of its work tree (``""`` or ``"sub/dir/"``), None outside one."""
    try:
        done = subprocess.run(
            [git, "-C", str(root), "rev-parse", "--is-inside-work-tree", "--show-prefix"],
            capture_output=True, timeout=timeout, env=git_env(), check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    inside, _, prefix = done.stdout.decode("utf-8", "surrogateescape").partition("\n")
    if done.returncode != 0 or inside != "true":  # not a repository, a bare one, or .git itself
        return None
    return prefix.strip("\n")


def _read_log(git: str, root: Path, timeout: float) -> Iterator[Commit]:
    """Commits touching ``root`` (no merges), streamed; stops quietly at ``timeout``."""
    command = [git, "-c", "core.quotePath=false", "-c", "log.showSignature=false",
               "-C", str(root), "log", "--no-merges", "--no-renames", "--no-color",
               "--format=%x00%aN%x09%aE%x09%aI", "--name-only", "-z", "--", "."]
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                   stdin=subprocess.DEVNULL, env=git_env())
    except OSError:
        return
    # A huge repository must not hang the scan: kill git after the timeout, keep what was read.
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    stdout = process.stdout
    try:
        if stdout is not None:
            yield from parse_log(stdout)
    finally:
        timer.cancel()
        if process.poll() is None:
            process.kill()
        if stdout is not None:
            stdout.close()
        process.wait()


def parse_log(stream: Iterable[bytes]) -> Iterator[Commit]:
    """Parse ``git log -z --format=%x00%aN%x09%aE%x09%aI --name-only`` output.

    With ``-z`` every path ends with NUL and each header starts with one (our ``%x00``), so the
    fields between NULs are headers (they hold two tabs and an ISO date) and paths, in order.
    """
    commit: Commit | None = None
    for field_bytes in _nul_fields(stream):
        text = field_bytes.decode("utf-8", "surrogateescape").lstrip("\n")
        if not text:
            continue
        header = _parse_header(text)
        if header is not None:
            if commit is not None:
                yield commit
            commit = header
        elif commit is not None:
            commit.paths.append(text)
    if commit is not None:
        yield commit


def _parse_header(text: str) -> Commit | None:
    parts = text.split("\t")
    if len(parts) != 3:
        return None
    try:
        date = datetime.fromisoformat(parts[2].strip())
    except ValueError:
        return None
    return Commit(name=parts[0], email=parts[1], date=date)


def _nul_fields(stream: Iterable[bytes]) -> Iterator[bytes]:
    pending = b""
    for chunk in stream:
        pending += chunk
        *complete, pending = pending.split(b"\0")
        yield from complete
    if pending:
        yield pending


def git_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0", LC_ALL="C")
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    return env
