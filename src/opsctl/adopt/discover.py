"""Which files of a tree are scripts, and which are left out (and why).

A script is a ``*.py`` or ``*.sh``/``*.bash`` file, or an extensionless file whose shebang names
Python or a POSIX shell. Left out, with the reason recorded: version-control, virtualenv, vendored
and build folders, tests, files that are not text, files over the size limit, symlinks that loop
or leave the tree. Whether a Python file is a program or a library only imported by others is
decided after its AST is read (see :mod:`opsctl.adopt.scan`).

The walk is ``os.scandir`` by hand rather than ``os.walk`` so that a skipped folder is recorded
once with its reason and a symlink loop is reported instead of followed.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from opsctl.adopt.model import Language, Skipped

MAX_BYTES = 2 * 1024 * 1024
"""Larger files are reported, not read: no hand-written ops script is 2 MB."""

_SKIP_DIRS: dict[str, str] = {
    ".git": "version control", ".hg": "version control", ".svn": "version control",
    "node_modules": "vendored dependencies", "vendor": "vendored code", "vendored": "vendored code",
    "_vendor": "vendored code", "third_party": "vendored code", "third-party": "vendored code",
    "site-packages": "installed packages", "dist-packages": "installed packages",
    # `build/` is left in: many repositories keep their build scripts there.
    "venv": "virtualenv", ".venv": "virtualenv", ".tox": "test environments",
    ".nox": "test environments", "__pycache__": "bytecode cache", ".mypy_cache": "tool cache",
    ".pytest_cache": "tool cache", ".ruff_cache": "tool cache", "dist": "build output", ".eggs": "build output", ".terraform": "terraform providers",
    "tests": "tests", "test": "tests", "testing": "tests", "__tests__": "tests",
}
TEST_FOLDERS = frozenset(name for name, reason in _SKIP_DIRS.items() if reason == "tests")
_TEST_FILE = re.compile(r"^(test_.*\.py|.*_test\.py|conftest\.py|.*_test\.sh|test_.*\.sh)$")
_SHEBANG = re.compile(rb"^#!\s*(\S+)(?:[ \t]+(\S+))?")
_PYTHON = re.compile(r"^python[0-9.]*$|^pypy[0-9.]*$|^[\w.]+-python[0-9.]*$")  # awx-python: a project's own interpreter
# (``bashio``: Home Assistant add-ons' bash with its library loaded, ``#!/usr/bin/with-contenv bashio``)
_SHELLS = frozenset({"sh", "bash", "dash", "ksh", "zsh", "ash", "busybox", "bashio"})
_SCRIPT_SUFFIXES: dict[str, Language] = {".py": "python", ".sh": "shell", ".bash": "shell",
                                          ".ksh": "shell", ".zsh": "shell"}


@dataclass(slots=True)
class Candidate:
    """A file that looks like a script: read it and scan it."""

    path: str
    """Relative to the root, ``/``-separated."""
    file: Path
    language: Language
    interpreter: str | None = None


@dataclass(slots=True)
class Discovery:
    candidates: list[Candidate] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    """Every other readable file kept (relative), where callers are looked for."""
    skipped: list[Skipped] = field(default_factory=list)
    errors: list[Skipped] = field(default_factory=list)
    in_tests: list[Candidate] = field(default_factory=list)
    """Scripts in a test folder, or named as tests: inventoried only if CI, a build or cron
    file runs them (``tests/scripts/rebase.sh`` in ``.gitlab-ci.yml`` is a CI script)."""


_ENV_WRAPPERS = frozenset({"with-contenv"})

def interpreter_of(first_line: bytes) -> tuple[Language | None, str | None]:
    """The language and interpreter a shebang names (``#!/usr/bin/env python3`` -> python)."""
    match = _SHEBANG.match(first_line)
    if match is None:
        return None, None
    program = os.path.basename(match.group(1).decode("utf-8", "replace"))
    if program in _ENV_WRAPPERS and match.group(2):
        # s6-overlay's ``#!/command/with-contenv bash``: runs the program it names with the
        # container's environment, like env
        program = "env"
    if program == "env" and match.group(2):
        argument = match.group(2).decode("utf-8", "replace")
        if argument == "-S":  # `#!/usr/bin/env -S python3 -u`
            rest = first_line[match.end():].split()
            argument = rest[0].decode("utf-8", "replace") if rest else ""
        program = os.path.basename(argument)
    interpreter = first_line[2:].decode("utf-8", "replace").strip()
    if _PYTHON.match(program):
        return "python", interpreter
    if program in _SHELLS:
        return "shell", interpreter
    return None, interpreter


def _virtualenv(path: str) -> bool:
    return os.path.exists(os.path.join(path, "pyvenv.cfg"))


def discover(root: Path, *, max_bytes: int = MAX_BYTES) -> Discovery:
    """Walk ``root`` (a folder, or one file) and sort its files."""
    found = Discovery()
    if root.is_file():
        _consider(found, root, root.name, max_bytes)
        if not (found.candidates or found.in_tests or found.skipped or found.errors):
            # the one file asked for: not scanned, and why (an empty inventory said nothing)
            found.errors.append(Skipped(root.name, "not a Python or shell script (no .py, .sh... "
                                                   "suffix, no shebang naming one)"))
        return found
    seen: set[tuple[int, int]] = set()
    for directory, relative, in_tests in _walk_dirs(root, found, seen):
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError as exc:
            found.errors.append(Skipped(relative or ".", f"cannot list the folder: {exc.strerror}"))
            continue
        for entry in entries:
            rel = f"{relative}/{entry.name}" if relative else entry.name
            try:
                is_file = entry.is_file()
            except OSError as exc:  # ELOOP: a symlink to itself
                found.errors.append(Skipped(rel, _os_reason(exc)))
                continue
            if not is_file:
                if entry.is_symlink() and not os.path.exists(entry.path):
                    found.errors.append(Skipped(rel, _dangling(entry.path)))
                continue
            if in_tests:
                _consider_in_tests(found, Path(entry.path), rel, max_bytes)
            else:
                _consider(found, Path(entry.path), rel, max_bytes)
    return found


def _walk_dirs(root: Path, found: Discovery,
               seen: set[tuple[int, int]]) -> Iterator[tuple[str, str, bool]]:
    """Folders to read, depth first, skipping the ones that hold no scripts of the project;
    whether each lies in a test folder (reported skipped, read for CI scripts only)."""
    stack: list[tuple[str, str, bool]] = [(str(root), "", False)]
    while stack:
        directory, relative, in_tests = stack.pop()
        try:
            stat = os.stat(directory)
        except OSError as exc:
            found.errors.append(Skipped(relative or ".", _os_reason(exc)))
            continue
        if (stat.st_dev, stat.st_ino) in seen:
            found.errors.append(Skipped(relative, "symlink loop: the folder is already scanned "
                                                  "under another path"))
            continue
        seen.add((stat.st_dev, stat.st_ino))
        yield directory, relative, in_tests
        try:
            subdirs = sorted((e for e in os.scandir(directory) if _is_dir(e)),
                             key=lambda entry: entry.name, reverse=True)
        except OSError:
            continue  # reported by the caller's own scandir
        for entry in subdirs:
            rel = f"{relative}/{entry.name}" if relative else entry.name
            reason = _SKIP_DIRS.get(entry.name)
            if entry.name == "testing" and os.path.isfile(os.path.join(entry.path, "__init__.py")):
                reason = None  # a package named ``testing`` (``kubeflow/testing``) holds the tools too
            elif entry.name == "dist" and _packaging_sources(entry.path):
                reason = None  # ``dist/debian``, ``dist/redhat/*.spec``: how packages are made
            if reason is None and (entry.name.endswith(".egg-info") or _virtualenv(entry.path)):
                reason = "build output" if entry.name.endswith(".egg-info") else "virtualenv"
            if reason == "tests":
                if not in_tests:
                    found.skipped.append(Skipped(rel + "/", reason))
                stack.append((entry.path, rel, True))
                continue
            if reason is not None:
                if reason not in ("version control", "bytecode cache", "tool cache") and not in_tests:
                    found.skipped.append(Skipped(rel + "/", reason))
                if entry.name in _OWN_TOOLS_INSIDE and not in_tests:
                    yield from _own_tool_folders(entry.path, rel)
                continue
            stack.append((entry.path, rel, in_tests))


_OWN_TOOLS_INSIDE = frozenset({"third_party", "third-party"})
_UPSTREAM_MARKERS = re.compile(r"(?i)^(?:licen[cs]e|copying|notice|authors)(?:[.-].*)?$|^(?:setup\.py|pyproject\.toml"
                               r"|package\.json|go\.mod|cargo\.toml|cmakelists\.txt|configure(?:\.ac)?|meson\.build)$")


def _own_tool_folders(path: str, relative: str) -> Iterator[tuple[str, str, bool]]:
    """Within a ``third_party`` folder, the project's own tools that re-vendor what lies there
    (``third_party/kube-prometheus-stack/update.sh`` beside the chart it fetches): the files
    of the folder itself and of each folder under it that holds no upstream project of its own
    (no licence file, no package manifest). Their subfolders stay out."""
    yield path, relative, False
    try:
        children = sorted((e for e in os.scandir(path) if _is_dir(e)), key=lambda entry: entry.name)
    except OSError:
        return
    for child in children:
        try:
            names = os.listdir(child.path)
        except OSError:
            continue
        if not any(_UPSTREAM_MARKERS.match(name) for name in names):
            yield child.path, f"{relative}/{child.name}", False


_PACKAGING = frozenset({"debian", "redhat", "rpm", "deb"})


def _packaging_sources(path: str) -> bool:
    """Whether a ``dist`` folder holds the sources of the project's packages (a ``debian/`` or
    ``redhat/`` folder, an RPM ``.spec``, a build script, or a folder of them beneath it: the
    Dockerfile and scripts of an image, a platform's ``dist/platforms/ubuntu/steps/build.sh``)
    rather than what a build wrote there (wheels, tarballs, a bundle): a build's output has no
    such folders and no scripts. An unpacked release (``dist/app-1.0/`` with a ``setup.sh``) is
    what a build wrote, and is not looked into. Four levels at most, a few hundred entries."""
    pending, looked = [(path, 0)], 0
    try:
        while pending and looked < 300:
            folder, depth = pending.pop(0)
            with os.scandir(folder) as entries:
                for entry in entries:
                    looked += 1
                    if entry.name in _PACKAGING or entry.name.endswith((".spec", ".sh")) or (
                            depth and entry.name == "Dockerfile"):
                        return True
                    if depth < 3 and _is_dir(entry) and not _UNPACKED_RELEASE.fullmatch(entry.name):
                        pending.append((entry.path, depth + 1))
    except OSError:
        return False
    return False


_UNPACKED_RELEASE = re.compile(r"[\w.+]+-v?\d[\w.+-]*")
"""``app-1.0``, ``tool-v2.3.1-linux-amd64``: a release unpacked by a build."""


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _consider_in_tests(found: Discovery, file: Path, rel: str, max_bytes: int) -> None:
    """A file of a test folder: a script there is kept aside (``in_tests``); the rest (a test
    image's Dockerfile, a fixture workflow, the Procfile of a test environment's processes) may
    still run a script of the project: read for callers, as every other file is."""
    kept = Discovery()
    _consider(kept, file, rel, max_bytes)
    found.in_tests.extend(kept.candidates)
    found.in_tests.extend(kept.in_tests)
    found.files.extend(path for path in kept.files if posixpath.basename(path).lower().startswith(
        ("dockerfile", "containerfile", "makefile", "docker-compose", "compose.", "procfile"))
        or path.endswith(".bats"))  # (a bats suite running the project's commands)


_TEMPLATE_SUFFIXES = (".in", ".tmpl", ".template", ".j2", ".tpl", ".erb", ".tftpl")
"""A script written out from a template: ``entrypoint.sh.in``, a Helm chart's ``_start.sh.tpl``,
a BOSH job's ``pre-start.bash.erb``."""
_DATA_SUFFIXES = frozenset({".md", ".txt", ".json", ".yml", ".yaml", ".toml", ".cfg", ".ini", ".conf",
                            ".png", ".jpg", ".gif", ".svg", ".html", ".css", ".js", ".ts", ".go",
                            ".rs", ".c", ".h", ".java", ".rb", ".pl", ".lua", ".jar", ".zip",
                            ".gz", ".tgz", ".xml", ".lock", ".csv", ".sql", ".mk"})


_JOB_SUFFIXES = frozenset({".cron", ".command", ".sbatch", ".slurm", ".pbs", ".init"})
"""``daily.borg.cron``, ``deploy.command``, ``purge.sbatch``, ``app.init``: a job copied into
``/etc/cron.daily`` or ``/etc/init.d``, opened from a file manager or handed to a batch scheduler
(``sbatch purge.sbatch``), named for where it goes rather than its language, and not always
executable in the tree; read for a shebang as a file without a suffix is."""

_MAINTAINER_NAMES = frozenset({"preinst", "postinst", "prerm", "postrm"})
_MAINTAINER_SCRIPT = re.compile(r"\.(?:preinst|postinst|prerm|postrm|config|init|init\.d)$")
"""``debian/openfire.postrm``, ``debian/app.init.d``: a package's maintainer and init scripts,
which dpkg runs (made executable when the package is built, so not always in the tree)."""


def _consider(found: Discovery, file: Path, rel: str, max_bytes: int) -> None:
    name = file.name
    language = _SCRIPT_SUFFIXES.get(file.suffix)
    if language is None and file.suffix in _TEMPLATE_SUFFIXES:
        # ``entrypoint.sh.in``: the script a build writes out by filling it in (sed, configure)
        language = _SCRIPT_SUFFIXES.get(Path(file.stem).suffix)
    if language is not None and _TEST_FILE.match(name):
        found.skipped.append(Skipped(rel, "tests"))
        found.files.append(rel)  # not a script to inventory, but what it runs has a caller
        found.in_tests.append(Candidate(rel, file, language))
        return
    if language is None and file.suffix not in ("",) and not name.startswith(".") and not (
            file.suffix not in _DATA_SUFFIXES and os.access(file, os.X_OK)) and (
            file.suffix not in _JOB_SUFFIXES) and not (
            file.suffix in _TEMPLATE_SUFFIXES and not Path(file.stem).suffix) and not (
            _MAINTAINER_SCRIPT.search(name) and "debian" in rel.split("/")[:-1]) and name.split(".", 1)[0] not in _MAINTAINER_NAMES:  # (``postinst.deb``, ``prerm.rpm``: per format)
        # a Makefile.in, a workflow, a Dockerfile: maybe a caller. An executable file with
        # another suffix (``pg_autoctl.valgrind``) is read for a shebang, as one without is,
        # and so is a template of a file without one (``entrypoint.tmpl``: a script if it
        # starts with a shell's or Python's shebang, as ``entrypoint.sh.in`` is).
        found.files.append(rel)
        return
    try:
        size = file.stat().st_size
        if size > max_bytes:
            if language is not None:
                found.errors.append(Skipped(rel, f"too large to be a script: {_size(size)} "
                                                 f"(limit {_size(max_bytes)})"))
            return
        with open(file, "rb") as handle:
            head = handle.read(512)
    except OSError as exc:
        if language is not None:
            found.errors.append(Skipped(rel, _os_reason(exc)))
        return
    shebang_language, interpreter = interpreter_of(head.split(b"\n", 1)[0])
    if language is None:
        if shebang_language is None:
            if interpreter is not None:
                found.skipped.append(Skipped(rel, f"not Python or shell ({interpreter})"))
            # not a script to inventory, but maybe a caller (a Makefile that starts ``#!make``)
            found.files.append(rel)
            return
        language = shebang_language
    elif b"\0" in head:
        found.errors.append(Skipped(rel, "binary file, not a script"))
        return
    elif shebang_language is not None and shebang_language != language and not (
            language == "python" and _parses_as_python(file)):
        # the kernel runs a ``manage.py`` that says #!/bin/sh with sh; a ``.py`` file whose
        # shebang is wrong but whose text is Python is run as ``python x.py``
        language = shebang_language
    elif shebang_language is not None and shebang_language != language:
        interpreter = None  # (not the shell its first line names)
    found.candidates.append(Candidate(rel, file, language, interpreter))


def _parses_as_python(file: Path) -> bool:
    import ast
    import warnings

    try:
        with warnings.catch_warnings():  # ("\d" in the file's strings: its own concern)
            warnings.simplefilter("ignore")
            ast.parse(file.read_bytes())
    except (SyntaxError, ValueError, OSError, RecursionError, MemoryError):
        return False
    return True


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _os_reason(exc: OSError) -> str:
    if exc.errno == 40:  # ELOOP
        return "symlink loop"
    return f"cannot read: {exc.strerror or exc}"


def _dangling(path: str) -> str:
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == 40:
            return "symlink loop"
    return "broken symlink"
