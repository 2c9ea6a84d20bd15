"""cleanup-files: delete files older than a threshold under an allow-listed root directory.

The root must resolve (symlinks resolved) inside one of the directories listed in
``allowed_roots`` of this automation's configuration; without an allow-list it refuses to run::

    [automation.cleanup-files]
    allowed_roots = ["/var/tmp/build-cache", "/srv/app/logs"]

Relative entries are resolved against the directory opsctl runs in.

The plan walks the root (recursively unless ``--no-recursive``) without following symlinks:
symbolic links, to files or directories, are never deleted nor entered. Every regular file whose
name (or relative path, for patterns with ``/``) matches ``--pattern`` and whose modification
time is older than ``now - older_than`` becomes one ``delete`` action. More than
``--max-deletions`` matches refuse the whole run (exit 3) before anything is deleted. A
directory that cannot be listed (no read permission) is skipped and named in a warning.

Apply deletes one file, and is safe to repeat: a file that is already gone is "unchanged", and
a file that was modified (or replaced) since planning is kept, logged as a warning and reported
"unchanged".
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from opsctl import Action, AuthError, Automation, Context, Duration, PlanRejectedError, UsageError

_ID_SAFE = re.compile(r"[^A-Za-z0-9_.:/@+=-]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


HELP = (
    "Delete files older than a threshold under an allow-listed root directory.\n\n"
    "The root must resolve (symlinks resolved) inside one of allowed_roots in "
    "[automation.cleanup-files] of opsctl.toml; without that allow-list nothing runs (exit 3). "
    "Symbolic links are never followed nor deleted. One delete action per regular file matching "
    "--pattern that was last modified before now minus --older-than; more than --max-deletions "
    "refuses the run. A file modified since planning is kept."
)


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")

    root: str = Field(description="Directory to clean up; must be inside an allowed root")
    older_than: Duration = Field(default=timedelta(days=30),
                                 description="Delete files last modified longer ago than this")
    pattern: str = Field(default="*", min_length=1,
                         description="Glob matched against file names (or relative paths "
                                     "when it contains '/')")
    recursive: bool = Field(default=True, description="Descend into subdirectories")
    max_deletions: int = Field(default=1000, ge=1,
                               description="Refuse to run if more files than this would be deleted")

    @field_validator("pattern")
    @classmethod
    def _relative_pattern(cls, value: str) -> str:
        # matched against paths relative to the root: an absolute one, or one with no name
        # left ('.', '/'), would match nothing, or fail inside the plan
        if value.startswith("/") or not PurePosixPath(value).parts:
            raise ValueError("must be a file name glob, or a path glob relative to the root "
                             "(not absolute, not '.')")
        return value

    @model_validator(mode="after")
    def _pattern_reachable(self) -> Request:
        if not self.recursive and "/" in self.pattern.strip("/"):
            raise ValueError(f"--pattern {self.pattern!r} matches files in subdirectories, "
                             "which --no-recursive does not enter")
        return self

    @field_validator("root")
    @classmethod
    def _absolute_root(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        # Absolute (symlinks kept): the lock scope and the recorded request name the directory.
        return os.path.abspath(os.path.expanduser(value))


cleanup_files = Automation(
    "cleanup-files",
    version="1.0.0",
    owner="platform",
    summary="Delete files older than a threshold under an allow-listed root",
    description=HELP,
    request=Request,
    effect="mutate",
    lock_scope=("root",),
)


def allowed_roots(ctx: Context) -> list[Path]:
    raw = ctx.config.get("allowed_roots")
    if raw is None or raw == []:
        raise PlanRejectedError(
            "cleanup-files has no allow-list: set allowed_roots = [...] under "
            "[automation.cleanup-files] in opsctl.toml; it refuses to delete anywhere else")
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(p, str) and p for p in raw):
        raise UsageError("[automation.cleanup-files] allowed_roots must be a list of paths")
    return [Path(p).expanduser().resolve() for p in raw]


def resolved_root(ctx: Context, req: Request) -> Path:
    """The real root directory, checked against the allow-list (PlanRejectedError otherwise)."""
    allowed = allowed_roots(ctx)
    real = Path(req.root).resolve()
    if not any(real == base or real.is_relative_to(base) for base in allowed):
        shown = ", ".join(str(p) for p in allowed)
        via = f" (resolves to {real})" if str(real) != req.root else ""
        raise PlanRejectedError(f"root {req.root}{via} is outside the allowed roots: {shown}")
    if not real.is_dir():
        raise PlanRejectedError(f"root {req.root} is not an existing directory")
    return real


def action_id(relative: str) -> str:
    """A stable action id for a relative path; a digest keeps unusual names unique."""
    safe = _ID_SAFE.sub("_", relative)
    if safe == relative and len(relative) <= 190:
        return f"file:{relative}"
    digest = hashlib.sha256(relative.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return f"file:{safe[:170]}@{digest}"


def _matches(relative: str, pattern: str) -> bool:
    return PurePosixPath(relative).match(pattern)


def candidate_files(root: Path, pattern: str, recursive: bool,
                    unreadable: Callable[[OSError], None] | None = None,
                    ) -> Iterator[tuple[str, os.stat_result]]:
    """(relative path, lstat) of every regular, non-symlink file under ``root``; a directory
    that cannot be listed is passed to ``unreadable``."""
    for directory, dirnames, filenames in os.walk(root, onerror=unreadable, followlinks=False):
        dirnames.sort()
        if not recursive:
            dirnames.clear()
        for name in sorted(filenames):
            path = os.path.join(directory, name)
            try:
                info = os.lstat(path)
            except FileNotFoundError:
                continue
            if not stat.S_ISREG(info.st_mode):  # symlinks, sockets, fifos: never touched
                continue
            relative = os.path.relpath(path, root).replace(os.sep, "/")
            if _matches(relative, pattern):
                yield relative, info


def _shown(path: str) -> str:
    """``path`` as one line of text: a byte that is not UTF-8, and a control character (a
    newline in a name would print as a line of its own), shows as ``\\xNN``."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _planned_path(action: Action) -> Path:
    """The file an action deletes; a name that is not valid UTF-8 is kept as its bytes."""
    raw = action.data.get("path_bytes")
    return Path(os.fsdecode(bytes.fromhex(str(raw)))) if raw else Path(str(action.data["path"]))


def _iso(timestamp_ns: int) -> str:
    return datetime.fromtimestamp(timestamp_ns / 1e9, UTC).isoformat(timespec="seconds")


@cleanup_files.plan
def plan(ctx: Context, req: Request) -> Iterator[Action]:
    root = resolved_root(ctx, req)
    try:
        cutoff = ctx.now() - req.older_than
    except OverflowError:  # a threshold before year 1 (--older-than 1000000d): nothing is older
        cutoff = datetime.min.replace(tzinfo=UTC)
    actions = []

    def unreadable(error: OSError) -> None:
        # its files are neither planned nor kept on purpose: the plan says so
        where = _shown(str(error.filename))
        ctx.warn(f"skipped {where}: {error.strerror or error}; files under it were not "
                 "considered", path=where)

    for relative, info in candidate_files(root, req.pattern, req.recursive, unreadable):
        modified = datetime.fromtimestamp(info.st_mtime_ns / 1e9, UTC)
        if modified >= cutoff:
            continue
        age_days = (ctx.now() - modified).total_seconds() / 86400
        path = str(root / relative)
        data: dict[str, object] = {"path": _shown(path), "root": str(root),
                                   "mtime": _iso(info.st_mtime_ns), "mtime_ns": info.st_mtime_ns}
        if data["path"] != path:  # shown otherwise: the bytes of the name go as hex
            data["path_bytes"] = os.fsencode(path).hex()
        actions.append(Action(
            id=action_id(relative), kind="delete", target=_shown(path),
            reason=f"last modified {age_days:.1f} days ago",
            data=data,
            before={"size": info.st_size, "mtime": _iso(info.st_mtime_ns)},
        ))
        if len(actions) > req.max_deletions:
            raise PlanRejectedError(
                f"more than --max-deletions={req.max_deletions} files under {root} are older than "
                "the threshold; raise the limit or narrow --pattern/--older-than")
    ctx.log.info("cleanup.scanned", root=str(root), cutoff=cutoff.isoformat(), matches=len(actions))
    yield from sorted(actions, key=lambda a: str(a.data["path"]).split(os.sep))


def _still_inside(path: Path, root: Path) -> bool:
    """The file's directory still resolves inside the root (no symlink swapped in since)."""
    return path.parent.resolve().is_relative_to(root)


@cleanup_files.apply
def apply(ctx: Context, req: Request, action: Action) -> Literal["applied", "unchanged"]:
    path = _planned_path(action)
    root = Path(str(action.data["root"]))
    shown = str(action.data["path"])
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return "unchanged"
    if not _still_inside(path, root):
        ctx.warn(f"kept {shown}: the path now leads outside the root", path=shown)
        return "unchanged"
    if not stat.S_ISREG(info.st_mode):
        ctx.warn(f"kept {shown}: no longer a regular file", path=shown)
        return "unchanged"
    if info.st_mtime_ns != action.data["mtime_ns"]:
        ctx.warn(f"kept {shown}: modified since planning", path=shown,
                 planned_mtime=action.data["mtime"], mtime=_iso(info.st_mtime_ns))
        return "unchanged"
    try:
        ctx.files.unlink(path)
    except FileNotFoundError:
        return "unchanged"
    except PermissionError as exc:
        raise AuthError(f"permission denied deleting {shown}: {exc.strerror}") from None
    return "applied"


@cleanup_files.verify
def verify(ctx: Context, req: Request, action: Action) -> bool:
    """The planned file is gone; a new one since made under its name (a log the service
    opened again) is another file, not a failed delete."""
    try:
        info = os.lstat(_planned_path(action))
    except FileNotFoundError:
        return True
    return not stat.S_ISREG(info.st_mode) or info.st_mtime_ns != action.data["mtime_ns"]
