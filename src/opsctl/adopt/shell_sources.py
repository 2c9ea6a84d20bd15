"""The files a shell script sources (``. lib.sh``, ``source "$(dirname "$0")/lib/common"``),
found without running anything, so that the functions it calls from them count as its own.

A sourced file runs in the script's shell: its top-level commands run when it is sourced, its
functions see the script's arguments when called with ``"$@"`` (``ParseArgs "$@"``) and their
commands are the script's effects. Only paths that can be read statically are followed: a
literal path, or one under the script's own folder (``$(dirname "$0")``, ``${BASH_SOURCE%/*}``,
``$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)`` or a variable set to one of those once), and
only inside the scanned tree; an absolute path is the file of the tree installed there, when one
file's path ends with it (``COPY install /``), and so is a path under a folder only known when
run (``$PLUGIN_PATH/certs/functions``); a path known only when run is the file a ShellCheck
``source=`` directive above the line names, if any; two levels (a library's own ``source`` lines
are followed once, not further).
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from opsctl.adopt.shell_lexer import NAME, Command, Parsed, parse_shell

_SELF_DIR = re.compile(r"\bdirname\b.*(?:\$\{?0\b|BASH_SOURCE)|^\$\{?0\}?$")
_SELF_DIR_PARAM = re.compile(r"^(?:BASH_SOURCE(?:\[0\])?|0)%/\*$")
_HERE = "\0"  # the script's folder, in a path being resolved
_MAX_BYTES = 1_000_000
_MAX_SOURCED = 8
_MAX_LOOP_SOURCED = 64
"""(a loop that sources a folder of function files, ``for s in ./scripts/*``: each of them)"""


@dataclass(frozen=True)
class Sourced:
    """One file a script sources: its path relative to the scan root, and its parsed text."""

    path: str
    text: str
    parsed: Parsed
    version: tuple[str, int, int] = ("", 0, 0)
    """The file's real path, mtime and size: what its effects are cached by."""

    def calls(self, names: set[str]) -> set[str]:
        """``names`` (functions of this file) and the functions of this file they call in turn."""
        reached = set(names)
        frontier = set(names)
        while frontier:
            frontier = {command.words[0] for command in self.parsed.commands
                        if command.function in frontier and command.words
                        and command.words[0] in self.parsed.functions} - reached
            reached |= frontier
        return reached


_SHELLCHECK_SOURCE = re.compile(r"^\s*#\s*shellcheck\s.*?\bsource=(\S+)")


def _directives(text: str) -> dict[int, str]:
    """``# shellcheck source=build/lib/backup.sh`` above a ``source`` line: the file the
    project names for it (for ShellCheck, from the repository's top), by the number of the
    next line that is not blank or a comment."""
    found: dict[int, str] = {}
    pending: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        match = _SHELLCHECK_SOURCE.match(line)
        if match:
            pending = match.group(1).strip("\"'")
        elif pending is not None and line.strip() and not line.lstrip().startswith("#"):
            found[number] = pending
            pending = None
    return found


def sourced_files(parsed: Parsed, file: Path | None, root: Path | None,
                  text: str = "", *, nested: bool = True) -> list[Sourced]:
    """The files the script's top level (or a function it runs) sources, in order, that exist
    inside ``root``; a ``source`` whose path is only known when run is the file a ShellCheck
    ``source=`` directive above it names, when that is in the tree; a loop's variable over a
    pattern, each file the pattern matches. With ``nested``, the files those
    files' top levels source in turn (a library that loads the others: ``lib/backup.sh``
    sourcing ``common.sh``, whose ``getopts`` reads the script's arguments), after each."""
    if file is None or root is None:
        return []
    folders: dict[str, str] = {}
    found: list[Sourced] = []
    if not any(command.words[:1] in (["."], ["source"]) for command in parsed.commands):
        return found
    directives = _directives(text) if "shellcheck" in text and "source=" in text else {}
    # (a ``main`` function the top level runs, which sources the libraries first)
    run = {command.words[0] for command in parsed.commands if command.function is None and command.words}
    for command in parsed.commands:
        if command.function is not None and (command.function not in run or command.assignments):
            continue
        for name, value, _raw in command.assignments:
            if NAME.fullmatch(name) and _resolved(value, folders) == _HERE:
                folders[name] = _HERE
            else:
                folders.pop(name, None)
        if len(command.words) >= 2 and command.words[0] in (".", "source") and len(found) < _MAX_SOURCED:
            if (globbed := _looped_glob(command.words[1], parsed, file)) is not None:
                found += [loaded for target in globbed[:_MAX_LOOP_SOURCED]
                          if (loaded := _load(target, root)) is not None]
                continue
            target = _path(command, folders, file, root)
            if target is None and command.line in directives:
                target = _named_by_directive(directives[command.line], file, root)
            if target is None:
                target = _under_unknown_folder(command.words[1], root)
            if target is not None and (loaded := _load(target, root)) is not None:
                found.append(loaded)
    if nested and found:
        seen = {source.path for source in found} | {os.path.relpath(file, root)}
        ordered: list[Sourced] = []
        for source in found:
            ordered.append(source)
            for inner in sourced_files(source.parsed, root / source.path, root, source.text, nested=False):
                if inner.path not in seen and len(seen) <= _MAX_SOURCED:
                    seen.add(inner.path)
                    ordered.append(inner)
        found = ordered
    return found


def _looped_glob(word: str, parsed: Parsed, file: Path) -> list[Path] | None:
    """``for s in ./scripts/*; do source "$s"; done``: each file the loop's pattern matches,
    relative to the script's folder, in the shell's (sorted) order. None when ``word`` is not
    such a loop's variable."""
    name = word.strip("\"'")
    name = name[2:-1] if name.startswith("${") and name.endswith("}") else name[1:] if name.startswith("$") else ""
    items = parsed.for_items.get(name) if name else None
    if not items or not all("*" in item and "$" not in item and not item.startswith("/") for item in items):
        return None
    matched: list[Path] = []
    for item in items:
        pattern = item.strip("\"'")
        pattern = pattern[2:] if pattern.startswith("./") else pattern
        matched += sorted(path for path in file.parent.glob(pattern) if path.is_file())
    return matched


def _named_by_directive(path: str, file: Path, root: Path) -> Path | None:
    if not path or path.startswith("/") or ".." in path.split("/"):
        return None  # (``source=/dev/null``: none)
    for candidate in (root / path, file.parent / path):
        if candidate.is_file():
            return candidate
    return None


def _path(command: Command, folders: dict[str, str], file: Path, root: Path) -> Path | None:
    word = _resolved(command.words[1], folders)
    if not word:
        return None
    if word.startswith(_HERE):
        candidates = [file.parent / word[1:].lstrip("/")]
    elif word.startswith("/") and _HERE not in word:
        return _deployed(word, root)
    elif _HERE in word or word.startswith("~"):
        return None
    else:  # relative to where it is run from: the script's folder, or the tree's root
        candidates = [file.parent / word, root / word]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    for candidate in candidates:  # ``. "$BASE_DIR"/common.sh`` of the build's ``common.sh.in``
        template = candidate.with_name(candidate.name + ".in")
        if template.is_file():
            return template
    return None


_UNDER_VARIABLE = re.compile(r"""^["']?\$(?:\{[A-Za-z_]\w*\}|[A-Za-z_]\w*)["']?/([\w.\-/"']+)$""")


def tree_file(word: str, file: Path | None, root: Path | None) -> Path | None:
    """The file of the tree a path word of the script names (``sql/purge.sql`` beside the
    script or at the root, ``"$source_root/test/tools/x.sql"`` under a folder known when run),
    as a sourced file is found; None when it is not in the tree."""
    if file is None or root is None:
        return None
    word = word.strip("\"'")
    if not word or ".." in word.split("/"):
        return None
    if not word.startswith(("$", "/", "~")):
        candidates = [file.parent / word, root / word]
    else:  # under a folder known when run: the tree's root, or a folder above the script
        match = _UNDER_VARIABLE.match(word)
        rest = match.group(1).replace('"', "").replace("'", "").strip("/") if match else ""
        if not rest or ".." in rest.split("/"):
            return None
        candidates = [folder / rest for folder in (file.parent, *file.parent.parents)
                      if folder == root or root in folder.parents]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return None


def _under_unknown_folder(word: str, root: Path) -> Path | None:
    """``source "$PLUGIN_AVAILABLE_PATH/certs/internal-functions"``: a literal path of two
    parts or more under a folder only known when run (an install prefix, a plugin
    directory). The one file of the tree that ends with it, at the root or one or two folders
    down (as for an absolute path); None when there are several or none. A single name after
    the variable (``${CONTAINER_SCRIPTS_PATH}/common.sh``) is the one file of that name the
    scan found anywhere in the tree, while :func:`scanning` it."""
    match = _UNDER_VARIABLE.match(word)
    if match is None:
        return None
    rest = match.group(1).replace('"', "").replace("'", "").strip("/")
    if not rest or ".." in rest.split("/"):
        return None
    if "/" not in rest:
        # ``source "${CONTAINER_SCRIPTS_PATH}/common.sh"``: the one file of the tree so named
        # (an image's scripts folder, set where the image is built), whatever its depth; not a
        # dotfile (``$HOME/.bashrc`` is the user's, whatever the tree holds)
        named = _BY_NAME.get(root, {}).get(rest, ()) if not rest.startswith(".") else ()
        return root / named[0] if len(named) == 1 else None
    found = _deployed("/" + rest, root)
    if found is None:
        # ``source "$PLUGIN_AVAILABLE_PATH/letsencrypt/command-functions"`` in a plugin's own
        # repository (``dokku-letsencrypt``): the plugin's folder is the tree's root
        plugin, _, inside = rest.partition("/")
        if plugin.lower() in root.resolve().name.lower() and (root / inside).is_file():
            return root / inside
    return found


_DEPLOYED: dict[tuple[str, Path], Path | None] | None = None
"""While :func:`scanning` a tree: what each absolute path resolved to (the same library is
sourced by many scripts, and each look-up walks the tree)."""


@contextlib.contextmanager
def scanning(root: Path | None = None, files: Iterable[str] = ()) -> Iterator[None]:
    """Remember :func:`_deployed` answers for one scan of a tree (it does not change meanwhile);
    ``files``, the paths discovery found under ``root`` (a folder), are where an installed
    path's tail is looked for, without walking the tree again."""
    global _DEPLOYED
    outer, _DEPLOYED = _DEPLOYED, {}
    indexed = root is not None and root not in _BY_NAME
    if indexed and root is not None:
        by_name: dict[str, list[str]] = {}
        for relative in files:
            if not relative.endswith("/"):
                by_name.setdefault(relative.rsplit("/", 1)[-1], []).append(relative)
        _BY_NAME[root] = by_name
    try:
        yield
    finally:
        _DEPLOYED = outer
        if indexed and root is not None:
            del _BY_NAME[root]
        if outer is None:
            _TOP_FOLDERS.clear()


_BY_NAME: dict[Path, dict[str, list[str]]] = {}
"""While :func:`scanning` a folder: its discovered files by name."""


def _deployed(path: str, root: Path) -> Path | None:
    """The file of the tree an absolute path names once the tree is installed (``source
    /assets/functions/10-db-backup`` in an image built with ``COPY install /``): the one file
    whose path ends with it, at the root or one or two folders down; None unless exactly one."""
    cache = _DEPLOYED
    if cache is None:
        return _find_deployed(path, root)
    key = (path, root)
    if key not in cache:
        cache[key] = _find_deployed(path, root)
    return cache[key]


_BIN_FOLDERS = frozenset({"usr/local/bin", "usr/local/sbin", "usr/bin", "usr/sbin", "bin", "sbin", "opt/bin"})


def _find_deployed(path: str, root: Path) -> Path | None:
    parts = [part for part in path.split("/") if part]
    if len(parts) < 2 or any(c in path for c in "*?[") or ".." in parts:
        return None
    named = _BY_NAME.get(root)
    if named is not None:  # at the root or one or two folders down, as below
        matches = {relative for relative in named.get(parts[-1], ())
                   if (split := relative.split("/"))[-len(parts):] == parts
                   and len(split) <= len(parts) + 2}
        if not matches and parts[:3] == ["var", "vcap", "packages"] and len(parts) >= 5:
            # ``source /var/vcap/packages/cf-mysql-common/pid_utils.sh`` in a BOSH release: the
            # package's files are the release's ``src/cf-mysql-common/...`` (its spec lists them)
            tail = parts[3:]
            matches = {relative for relative in named.get(parts[-1], ())
                       if relative.split("/")[-len(tail):] == tail}
        if not matches and "/".join(parts[:-1]) in _BIN_FOLDERS and len(named.get(parts[-1], ())) == 1:
            # ``. /usr/local/bin/_ec2`` in an image whose Containerfile copies ``orphanvms/_ec2``
            # there: the one file of the tree by that name
            matches = set(named[parts[-1]])
        return root / matches.pop() if len(matches) == 1 else None
    rest = "/".join(parts)
    found = {candidate for folder in _top_folders(root)
             if (candidate := os.path.join(folder, rest)) and os.path.isfile(candidate)}
    return Path(found.pop()) if len(found) == 1 else None


_TOP_FOLDERS: dict[Path, list[str]] = {}
"""While :func:`scanning`: each root's own folder and the folders one and two levels down."""


def _top_folders(root: Path) -> list[str]:
    """``root`` and its folders one and two levels down (symlinks followed, as a glob's ``*/*/``
    does): where an installed path's tail is looked for. Listed once a scan; three globs a
    path listed them again each time."""
    if _DEPLOYED is not None and root in _TOP_FOLDERS:
        return _TOP_FOLDERS[root]
    folders, level = [str(root)], [str(root)]
    for _ in range(2):
        level = [entry.path for folder in level for entry in _subfolders(folder)]
        folders += level
    if _DEPLOYED is not None:
        _TOP_FOLDERS[root] = folders
    return folders


def _subfolders(folder: str) -> list[os.DirEntry[str]]:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    found = []
    for entry in entries:
        try:
            if entry.is_dir():
                found.append(entry)
        except OSError:
            continue
    return found


_CD_PWD = re.compile(r'cd\s+(?:-P\s+)?"?\$\((.*)\)"?((?:/\.\.)*)/?"?\s*(?:>\s*/dev/null\s*(?:2>&1)?\s*)?&&\s*pwd(?:\s+-P)?',
                     re.S)
_DIRNAME = re.compile(r'dirname\s+(?:--\s+)?"?(.*?)"?', re.S)
_SELF = re.compile(r"\$\{?(?:0|BASH_SOURCE(?:\[0\])?)\}?")


def _folder_level(expression: str) -> int | None:
    """How many folders above the script's own a substitution names: ``dirname "$0"`` and
    ``cd "$(dirname "${BASH_SOURCE[0]}")" && pwd`` 0, ``dirname "$(cd "$(dirname "$0")" && pwd)"``
    1 (a plugin's ``subcommands/stop`` sourcing the ``config`` above it); None for anything else."""
    expression = expression.strip()
    if (match := _CD_PWD.fullmatch(expression)) is not None:  # (``cd "$(dirname "$0")/.." && pwd``: one up)
        level = _folder_level(match.group(1))
        return None if level is None else level + match.group(2).count("/..")
    if (match := _DIRNAME.fullmatch(expression)) is None:
        return None
    argument = match.group(1)
    if _SELF.fullmatch(argument):
        return 0
    inner = re.fullmatch(r"\$\((.*)\)", argument, re.S)
    level = _folder_level(inner.group(1)) if inner is not None else None
    return None if level is None else level + 1


def _resolved(word: str, folders: dict[str, str]) -> str | None:
    """``word`` with the script's folder written as ``_HERE``; None when anything else in it
    would only be known by running the script."""
    out: list[str] = []
    i = 0
    while i < len(word):
        if word.startswith("$(", i):
            depth, j = 1, i + 2
            while j < len(word) and depth:
                depth += {"(": 1, ")": -1}.get(word[j], 0)
                j += 1
            level = _folder_level(word[i + 2:j - 1]) if not depth else None
            if level is None and (depth or not _SELF_DIR.search(word[i + 2:j - 1])):
                return None
            out.append(_HERE + "/.." * (level or 0))
            i = j
        elif word.startswith("${", i):
            end = word.find("}", i)
            if end < 0:
                return None
            inner = word[i + 2:end]
            if not (_SELF_DIR_PARAM.match(inner) or folders.get(inner) == _HERE):
                return None
            out.append(_HERE)
            i = end + 1
        elif word[i] == "$":
            match = NAME.match(word, i + 1)
            if match is None or folders.get(match.group(0)) != _HERE:
                return None
            out.append(_HERE)
            i = match.end()
        elif word[i] in "\"'`":
            i += 1  # quotes around the parts: the path is the same
        else:
            out.append(word[i])
            i += 1
    return "".join(out)


def _load(path: Path, root: Path) -> Sourced | None:
    try:
        real, top = path.resolve(), root.resolve()
        relative = real.relative_to(top).as_posix()
        stat = real.stat()
    except (OSError, ValueError, RuntimeError):  # outside the tree, gone, a symlink loop
        return None
    if stat.st_size > _MAX_BYTES:
        return None
    parsed_text = _parse(str(real), stat.st_mtime_ns, stat.st_size)
    if parsed_text is None:
        return None
    return Sourced(relative, *parsed_text, version=(str(real), stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=256)
def _parse(path: str, mtime_ns: int, size: int) -> tuple[str, Parsed] | None:
    """A library's text and parse, once per version of the file (sourced by many scripts)."""
    del mtime_ns, size  # the cache key
    try:
        with open(path, "rb") as handle:
            data = handle.read(_MAX_BYTES + 1)
    except OSError:
        return None
    if b"\0" in data:
        return None
    text = data.decode("utf-8", errors="replace")
    try:
        return text, parse_shell(text)
    except (ValueError, RecursionError):
        return None


__all__ = ["Sourced", "sourced_files"]
