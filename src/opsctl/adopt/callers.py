"""Who runs each script: CI workflows, Makefiles, justfiles, tox, cron tables, Dockerfiles, compose
files, package entry points and the other scripts of the tree, read and never run.

The scan is linear in the size of the tree, whatever the number of scripts: one index maps each
script's file name (and Python module name) to the scripts bearing it; each candidate caller file is
read once, split into words by a small shell-like scanner, and only words ending in an indexed name
are resolved (working directory, ``$(dirname "$0")``, ``cd dir &&``, then the longest unambiguous
trailing path). Each caller format only decides which text of the file is a command and from which
directory it runs.
"""

from __future__ import annotations

import ast
import fnmatch
import json
import posixpath
import re
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from opsctl.adopt.model import Caller, CallerKind

MAX_BYTES = 2 * 1024 * 1024
"""Caller files larger than this are not read (a generated or data file, not a pipeline)."""

# The directory of the running script, in its usual shell spellings, rewritten to ``$__HERE``
# (on one line: rewriting never removes a line break, so line numbers hold).
_SP = r"[ \t]"
_SELF = r"""["']?\$\{?(?:0|BASH_SOURCE(?:\[0\])?)\}?["']?"""
_SELF_RESOLVED = (rf"""(?:{_SELF}|["']?\$\({_SP}*(?:readlink{_SP}+-f|realpath){_SP}+{_SELF}{_SP}*\)"""
                  r"""["']?)""")
_DIRNAME = (rf"""\$\({_SP}*dirname{_SP}+(?:--{_SP}+)?{_SELF_RESOLVED}{_SP}*\)"""
            rf"""|`{_SP}*dirname{_SP}+{_SELF}{_SP}*`""")
_HERE_RE = re.compile(
    rf"""\$\({_SP}*cd{_SP}+(?:-P{_SP}+)?(?:--{_SP}+)?["']?(?:{_DIRNAME})(?P<up>/\.\.)?["']?{_SP}*"""
    rf"""(?:[&12]?>{_SP}*/dev/null{_SP}*(?:2>&1{_SP}*)?)?(?:&&|;){_SP}*pwd(?:{_SP}+-P)?{_SP}*\)"""
    rf"""|(?:{_DIRNAME})|\$\{{(?:0|BASH_SOURCE(?:\[0\])?)%/\*\}}""")
_GH_WORKSPACE_RE = re.compile(r"\$\{\{\s*github\.workspace\s*\}\}")
_MAKE_VAR_RE = re.compile(r"\$\(([A-Za-z_][\w.]*)\)")
_MAKE_ASSIGN_RE = re.compile(r"^(?:export\s+|override\s+)?([A-Za-z_]\w*)\s*(?:[:?]{1,2}|::=)?=[ \t]*"
                             r"([^\n#]*)", re.M)
_VAR_PREFIX_RE = re.compile(r"^\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))(/|$)")
_CRON_LINE_RE = re.compile(r"^\s*(?:@(?:reboot|yearly|annually|monthly|weekly|daily|midnight|hourly)"
                           r"|(?:[\d*/,\-?LW]+\s+){3}(?:[\d*/,\-A-Za-z?LW#]+\s+)[\d*/,\-A-Za-z?LW#]+)"
                           r"\s+(?P<command>\S.*)$")
_HEREDOC_RE = re.compile(r"<<-?\s*(['\"]?)([A-Za-z_]\w*)\1")
_PYTHONISH_RE = re.compile(r"(?i)python|^py$|^uv$|^coverage$|^pipenv$|^poetry$|^pdm$|^hatch$|^\$X$")
_MODULE_RE = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$")
_SCHEDULER_RE = re.compile(r"beat_schedule|CELERYBEAT_SCHEDULE|apscheduler|add_job\s*\(|scheduled_job"
                           r"|schedule\.every|\bcrontab\s*\(")
_PY_RUNNER_RE = re.compile(r"call_command|subprocess|os\.system|popen|os\.exec|spawn|\bsh\b|plumbum|pexpect|runpy"
                           r"|check_call|check_output|\brun\w*\(|invoke|fabric|getoutput|execute"
                           r"|shell|\bcall\(", re.I)
_PLAIN_RUN_RE = re.compile(r"[^\s\"'\\#$<;&|()`>]+")
_DQ_STOP_RE = re.compile(r'["\\]')
_PIECE_SPLIT_RE = re.compile(r"[\s=,;:|&\[\](){}]+")
_BRACED_VAR_RE = re.compile(r"\$\{(\w+)\}")
_NAME_TOKEN_RE = re.compile(r"[\w\-]+(?:\.[\w\-]+)*")

HERE_VARS = frozenset({"__HERE", "SCRIPT_DIR", "SCRIPTDIR", "SCRIPTS_DIR", "DIR", "HERE", "BASEDIR",
                       "BASE_DIR", "THIS_DIR", "MYDIR", "MY_DIR", "SCRIPTPATH", "SCRIPT_PATH",
                       "CURDIR", "CURRENT_DIR", "BIN_DIR", "BINDIR"})
ROOT_VARS = frozenset({"__ROOT", "GITHUB_WORKSPACE", "CI_PROJECT_DIR", "REPO_ROOT", "ROOT_DIR",
                       "PROJECT_ROOT", "PROJECT_DIR", "TOPDIR", "TOP_DIR", "WORKSPACE", "REPO_DIR",
                       "BITBUCKET_CLONE_DIR", "CIRCLE_WORKING_DIRECTORY", "BUILD_SOURCESDIRECTORY",
                       "DRONE_WORKSPACE", "TRAVIS_BUILD_DIR", "BUILDKITE_BUILD_CHECKOUT_PATH",
                       "toxinidir", "GIT_ROOT"})
CWD_VARS = frozenset({"PWD", "pwd"})
WRAPPERS = frozenset({"sudo", "exec", "time", "nohup", "env", "nice", "ionice", "command", "builtin",
                      "xargs", "timeout", "stdbuf", "chronic", "setsid", "unbuffer", "then", "do",
                      "else", "elif", "if", "while", "until", "!", "{", "run-one", "flock", "watch",
                      "strace", "caffeinate", "doas", "eval"})
SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "/bin/sh", "/bin/bash", "/usr/bin/env",
                    "/usr/bin/bash", "/bin/zsh", "/bin/dash"})
NOT_RUNNING = frozenset({
    "echo", "printf", "cat", "cp", "mv", "rm", "ln", "chmod", "chown", "chgrp", "touch", "ls",
    "test", "[", "[[", "install", "scp", "rsync", "grep", "egrep", "fgrep", "rg", "sed", "diff",
    "stat", "file", "wc", "head", "tail", "less", "more", "vi", "vim", "nano", "shellcheck", "shfmt",
    "tar", "zip", "unzip", "gzip", "git", "curl", "wget", "mkdir", "dirname", "basename",
    "realpath", "readlink", "read", "which", "type", "hash", "md5sum", "sha256sum", "sha1sum",
    "dos2unix", "black", "ruff", "flake8", "pylint", "mypy", "isort", "pyflakes", "bandit",
    "yamllint", "aws", "gsutil", "log", "info", "warn", "warning", "die", "error", "fail", "usage",
    "logger", "COPY", "ADD", "find", "du", "sort", "uniq", "tee", "pycodestyle", "autopep8",
    "pre-commit", "codespell", "chattr", "setfacl", "openssl", "gpg", "base64", "xxd", "od",
})


# --- the index of scripts -----------------------------------------------------------------------


@dataclass(slots=True)
class ScriptIndex:
    """The scripts by path, by file name and by last module component."""

    scripts: frozenset[str]
    by_basename: dict[str, list[str]]
    by_module_tail: dict[str, list[str]]

    @classmethod
    def of(cls, scripts: Iterable[str]) -> ScriptIndex:
        paths = frozenset(scripts)
        by_basename: dict[str, list[str]] = {}
        by_module_tail: dict[str, list[str]] = {}
        for path in sorted(paths):
            name = posixpath.basename(path)
            by_basename.setdefault(name, []).append(path)
            module = _module_parts(path)
            if module:
                by_module_tail.setdefault(module[-1], []).append(path)
        return cls(paths, by_basename, by_module_tail)

    def mentioned_in(self, text: str, *, modules: bool = False, path: str = "") -> bool:
        """Whether ``text`` holds a word that may name a script (a cheap filter before parsing):
        a file name, or with ``-m`` (or ``modules``) a module, or a Django command name; the
        name of ``path`` itself (a script's usage text) does not count."""
        modules = modules or "-m" in text
        commands = "manage" in text or "django-admin" in text or "call_command" in text
        for token in _NAME_TOKEN_RE.findall(text):
            named = self.by_basename.get(token)
            if named and named != [path]:
                return True
            if modules and token.rpartition(".")[2] in self.by_module_tail:
                return True
            if commands and f"{token}.py" in self.by_basename:
                return True
        return False

    def resolve_path(self, ref: str, bases: Sequence[str], variables: dict[str, str], *,
                     known_cwd: bool = False) -> str | None:
        """The script a path word names, tried from each base directory, else by trailing path
        (not for ``./name`` when the working directory is known: it is not there)."""
        ref = ref.strip()
        name = ref.rstrip("/").rpartition("/")[2]
        candidates = self.by_basename.get(name)
        if not candidates:
            return None
        anchored = _anchor(ref, bases, variables)
        if anchored is not None:
            for base_dir, rest in anchored:
                path = _join(base_dir, rest)
                if path in self.scripts:
                    return path
            deployed = [_join(base, rest) for base, rest in anchored if base.startswith("/")]
            if deployed:  # after ``cd /opt/app``
                return _by_suffix(deployed[0], candidates, lambda p: p.split("/"))
        # A relative path with folders that leads nowhere names another file of the same name
        # unless a folder matches too; an absolute (deployed) path or a bare name needs only the
        # name to be unique.
        relative_with_folders = anchored is not None and (any(
            part not in ("", ".") for part in ref.split("/")[:-1]) or (
            known_cwd and ref.startswith("./")))
        return _by_suffix(ref, candidates, lambda p: p.split("/"),
                          minimum=2 if relative_with_folders else 1)

    def resolve_module(self, module: str, bases: Sequence[str]) -> str | None:
        """The script ``python -m module`` runs, from each base directory, else by module suffix."""
        parts = module.split(".")
        candidates = self.by_module_tail.get(parts[-1])
        if not candidates:
            return None
        relative = "/".join(parts)
        for base_dir in [*bases, "", "src"]:
            for path in (f"{relative}.py", f"{relative}/__main__.py"):
                full = _join(base_dir, path)
                if full in self.scripts:
                    return full
        return _by_suffix(relative, candidates, lambda p: _module_parts(p) or [], exact=True)

    def resolve_management_command(self, name: str) -> str | None:
        """The script of a Django management command (``manage.py NAME``), when only one app
        has it."""
        found = [path for path in self.by_basename.get(f"{name}.py", [])
                 if "/management/commands/" in f"/{path}"]
        return found[0] if len(found) == 1 else None

    def resolve_entry_point(self, target: str, base_dir: str) -> str | None:
        """The script holding the module of ``pkg.mod:func`` in a package at ``base_dir``."""
        module = target.partition(":")[0].strip()
        if not _MODULE_RE.match(module):
            return None
        relative = module.replace(".", "/")
        for src in ("", "src", "lib"):
            for path in (f"{relative}.py", f"{relative}/__main__.py", f"{relative}/__init__.py"):
                full = _join(_join(base_dir, src), path)
                if full in self.scripts:
                    return full
        return self.resolve_module(module, [base_dir])


def _module_parts(path: str) -> list[str] | None:
    if not path.endswith(".py"):
        return None
    parts = path[:-3].split("/")
    if parts[-1] == "__main__":
        parts.pop()
    return parts or None


def _join(base: str, rest: str) -> str:
    joined = posixpath.normpath(posixpath.join(base, rest)) if base else posixpath.normpath(rest)
    return "" if joined == "." else joined


def _anchor(ref: str, bases: Sequence[str], variables: dict[str, str]) -> list[tuple[str, str]] | None:
    """Where a path word starts: [(directory relative to root, rest)], None when unknown."""
    match = _VAR_PREFIX_RE.match(ref)
    if match:
        var = match.group(1) or match.group(2)
        rest = ref[match.end():]
        if var in variables:
            return [(variables[var], rest)]
        if var in ROOT_VARS:
            return [("", rest)]
        if var in CWD_VARS:
            return [(base, rest) for base in bases]
        if var in HERE_VARS:
            return [(variables.get("__HERE", bases[0] if bases else ""), rest)]
        return None
    if ref.startswith(("/", "~", "$")):
        return None
    return [(base, ref) for base in bases]


def _by_suffix(ref: str, candidates: Sequence[str], parts_of: Any, *, exact: bool = False,
               minimum: int = 1) -> str | None:
    """The one candidate sharing the longest trailing path with ``ref`` (None when tied)."""
    wanted = [part for part in ref.split("/") if part not in ("", ".", "..", "~")
              and not part.startswith("$")]
    if not wanted:
        return None
    best: list[str] = []
    best_length = 0
    for candidate in candidates:
        parts = parts_of(candidate)
        length = 0
        while (length < len(parts) and length < len(wanted)
               and parts[-1 - length] == wanted[-1 - length]):
            length += 1
        if exact and length < len(wanted):
            continue
        if length > best_length:
            best, best_length = [candidate], length
        elif length == best_length and length:
            best.append(candidate)
    return best[0] if len(best) == 1 and best_length >= minimum else None


# --- a shell-like scanner -----------------------------------------------------------------------


@dataclass(slots=True)
class Word:
    text: str
    pos: int
    """Offset of the word's first character in the scanned text."""


@dataclass(slots=True)
class Found:
    """A script named in a scanned text, at ``pos``."""

    script: str
    pos: int


@dataclass(slots=True)
class Where:
    """From where a caller's commands run, relative to the scanned root."""

    caller: str
    cwd: str | None
    """The working directory when the format fixes it (CI: the root), else None."""
    variables: dict[str, str] = field(default_factory=dict)

    here: str = ""

    def __post_init__(self) -> None:
        self.here = posixpath.dirname(self.caller)
        self.variables.setdefault("__HERE", self.here)

    def bases(self, cwd: str | None) -> list[str]:
        if cwd is not None:
            return [cwd]
        return [self.here, ""] if self.here else [""]


def normalise(text: str) -> str:
    """Rewrite spellings of "this script's folder" and of the workspace to plain variables."""
    if "dirname" in text or "%/*" in text:
        text = _HERE_RE.sub(lambda m: "$__HERE/.." if m.group("up") else "$__HERE", text)
    if "github.workspace" in text:
        text = _GH_WORKSPACE_RE.sub("$__ROOT", text)
    return text


def split_commands(text: str) -> Iterator[list[Word]]:
    """The simple commands of a shell text as words (quotes removed), comments dropped, through
    ``;``, ``&&``, ``||``, pipes, subshells and new lines; ``${...}`` is kept whole; the bodies of
    here-documents fed to ``cat``-like commands are skipped."""
    words: list[Word] = []
    chars: list[str] = []
    start = -1
    quote = ""
    heredocs: list[tuple[str, bool, bool]] = []
    i, n = 0, len(text)

    def flush_word() -> None:
        nonlocal chars, start
        if start >= 0:
            words.append(Word("".join(chars), start))
        chars, start = [], -1

    while i < n:
        if quote:
            # Jump to the closing quote (or, in double quotes, the next backslash).
            stop = _DQ_STOP_RE.search(text, i) if quote == '"' else None
            end = text.find("'", i) if quote == "'" else (stop.start() if stop else -1)
            end = n if end < 0 else end
            chars.append(text[i:end])
            i = end
            if i >= n:
                break
            if text[i] == quote:
                quote = ""
            elif i + 1 < n and text[i + 1] in '"\\$`':
                chars.append(text[i + 1])
                i += 1
            else:
                chars.append("\\")
            i += 1
            continue
        plain = _PLAIN_RUN_RE.match(text, i)
        if plain:
            if start < 0:
                start = i
            chars.append(plain.group())
            i = plain.end()
            continue
        c = text[i]
        if c in "\"'":
            quote = c
            if start < 0:
                start = i
            i += 1
            continue
        if c == "\\" and i + 1 < n:
            if text[i + 1] != "\n":
                if start < 0:
                    start = i
                chars.append(text[i + 1])
            i += 2
            continue
        if c == "#":
            if start < 0:
                end = text.find("\n", i)
                i = n if end < 0 else end
            else:
                chars.append(c)
                i += 1
            continue
        if c == "$" and i + 1 < n and text[i + 1] == "{":
            end = text.find("}", i)
            end = n - 1 if end < 0 else end
            if start < 0:
                start = i
            chars.append(text[i:end + 1])
            i = end + 1
            continue
        if c == "<" and text.startswith("<<", i) and not text.startswith("<<<", i):
            match = _HEREDOC_RE.match(text, i)
            if match:
                first = next((w.text for w in words if "=" not in w.text), "")
                heredocs.append((match.group(2), match.group(0).startswith("<<-"),
                                 posixpath.basename(first) in NOT_RUNNING))
                flush_word()
                i = match.end()
                continue
        if c.isspace() or c in ";&|()`<>":
            flush_word()
            if c in ";&|()`\n" and words:
                yield words
                words = []
            if c == "\n" and heredocs:
                i = _skip_heredocs(text, i + 1, heredocs)
                heredocs = []
                continue
            i += 1
            continue
        if start < 0:
            start = i
        chars.append(c)
        i += 1
    flush_word()
    if words:
        yield words


def _skip_heredocs(text: str, i: int, heredocs: list[tuple[str, bool, bool]]) -> int:
    """Past the bodies of quiet here-documents (``cat <<EOF``); others are read as commands."""
    for delimiter, strip_tabs, quiet in heredocs:
        if not quiet:
            return i
        while i < len(text):
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            line = text[i:end]
            i = end + 1
            if (line.lstrip("\t") if strip_tabs else line) == delimiter:
                break
    return i


def command_refs(text: str, index: ScriptIndex, where: Where, *, base: int = 0,
                 python: bool = False) -> tuple[list[Found], str | None]:
    """Scripts a shell text runs, and the working directory it ends in."""
    found: list[Found] = []
    cwd = where.cwd
    for words in split_commands(text):
        cwd = _segment_refs(words, index, where, cwd, found, base, python)
    return found, cwd


def _segment_refs(words: list[Word], index: ScriptIndex, where: Where, cwd: str | None,
                  found: list[Found], base: int, python: bool) -> str | None:
    """Scripts one simple command runs; returns the working directory after it (``cd``)."""
    position = 0
    while position < len(words):
        leading = words[position].text
        if re.match(r"^[A-Za-z_]\w*=", leading):
            _learn_variable(leading, where, cwd)
        elif leading in WRAPPERS or (position > 0 and leading.startswith("-")) or (
                position > 0 and words[position - 1].text == "timeout" and leading[:1].isdigit()):
            pass
        else:
            break
        position += 1
    command = posixpath.basename(words[position].text) if position < len(words) else ""
    if command == "cd":
        target = words[position + 1].text if position + 1 < len(words) else ""
        return _change_directory(target, where, cwd)
    if command in NOT_RUNNING:
        return cwd
    bases = where.bases(cwd)
    pythonish = python or any(_PYTHONISH_RE.search(w.text) for w in words[:position + 1])
    for k, word in enumerate(words):
        if ("manage" in word.text or (k == 0 and "django" in command)) and _is_django_manage(
                words, k, command) and k + 1 < len(words):
            following = next((w for w in words[k + 1:] if not w.text.startswith("-")), None)
            script = index.resolve_management_command(following.text) if following else None
            if following and script and script != where.caller:
                found.append(Found(script, base + following.pos))
        if word.text == "-c" and command in SHELLS | {"env"} and k + 1 < len(words):
            inner = words[k + 1]
            refs, _ = command_refs(normalise(inner.text), index, Where(
                where.caller, cwd, where.variables), base=base + inner.pos)
            found.extend(refs)
            break
        if word.text in ("-m", "run") and k + 1 < len(words) and (pythonish or word.text == "-m"):
            module = words[k + 1].text
            if _MODULE_RE.match(module) and (pythonish or "." in module):
                script = index.resolve_module(module, bases)
                if script and script != where.caller:
                    found.append(Found(script, base + words[k + 1].pos))
            continue
        if word.text.startswith("-m") and len(word.text) > 2 and pythonish:
            script = index.resolve_module(word.text[2:], bases)
            if script and script != where.caller:
                found.append(Found(script, base + word.pos))
            continue
        text = word.text
        pieces = [text] if _PIECE_SPLIT_RE.search(text) is None else _PIECE_SPLIT_RE.split(
            _BRACED_VAR_RE.sub(r"$\1", text))
        for piece in pieces:
            piece = piece.strip("'\"`,")
            if not piece or piece.rstrip("/").rpartition("/")[2] not in index.by_basename:
                continue
            script = index.resolve_path(piece, bases, where.variables,
                                        known_cwd=cwd is not None and not cwd.startswith("/"))
            if script and script != where.caller:
                found.append(Found(script, base + word.pos))
    return cwd


def _is_django_manage(words: list[Word], k: int, command: str) -> bool:
    text = words[k].text
    return (posixpath.basename(text) == "manage.py"
            or (text == "manage" and k > 0 and words[k - 1].text == "-m")
            or (k == 0 and command in ("django-admin", "django-admin.py")))


def _change_directory(target: str, where: Where, cwd: str | None) -> str | None:
    if not target or target == "-":
        return cwd
    if target.startswith("/"):  # a deployed path: kept to match scripts by their trailing path
        return posixpath.normpath(target)
    anchored = _anchor(target, where.bases(cwd), where.variables)
    if not anchored:
        return None
    directory = _join(*anchored[0])
    return None if directory.startswith("..") else directory


def _learn_variable(word: str, where: Where, cwd: str | None) -> None:
    """Remember ``DIR=$__HERE/..``-like assignments naming a folder of the tree."""
    name, _, value = word.partition("=")
    if not value.startswith("$"):
        return
    anchored = _anchor(value, where.bases(cwd), where.variables)
    if anchored and len(anchored) == 1:
        directory = _join(*anchored[0])
        if not directory.startswith(".."):
            where.variables[name] = directory


# --- the callers ---------------------------------------------------------------------------------


class _Collector:
    def __init__(self, index: ScriptIndex) -> None:
        self.index = index
        self.found: dict[str, dict[tuple[str, int], Caller]] = {}

    def add(self, script: str, caller: str, line: int, kind: CallerKind, text: str) -> None:
        if script == caller:
            return
        key = (caller, line)
        self.found.setdefault(script, {}).setdefault(
            key, Caller(path=caller, line=line, kind=kind, text=text.strip()[:300]))


@dataclass(slots=True)
class _File:
    path: str
    text: str
    lines: list[str]

    @classmethod
    def of(cls, path: str, text: str) -> _File:
        return cls(path, text, text.split("\n"))

    def text_of(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""


def find_callers(root: Path, scripts: Sequence[str], files: Sequence[str]) -> dict[str, list[Caller]]:
    """For each script (path relative to ``root``), the places that run it, found in ``files``
    (every file of the tree that discovery kept, relative to ``root``, scripts included)."""
    index = ScriptIndex.of(scripts)
    collector = _Collector(index)
    plan = _plan(files, index)
    included = gitlab_includes(root, plan, files)
    timed = timed_services(root, plan)
    plan = [(path, "gitlab-ci" if path in included else kind) for path, kind in plan
            if kind != "systemd" or path in timed]
    for path, kind in plan:
        source = _read(root / path)
        if source is None or not index.mentioned_in(source, modules=kind == "entry-point",
                                                    path=path):
            continue
        file = _File.of(path, source)
        try:
            _SCANNERS[kind](file, index, collector, plan)
        except yaml.YAMLError:
            # A templated file (Helm, Jinja) is not YAML until rendered: read it line by line.
            fallback = _YAML_FALLBACK_KINDS.get(kind)
            if fallback is not None and (kind != "yaml" or "CronJob" in source):
                _scan_yaml_lines(file, index, collector, fallback)
        except (RecursionError, ValueError):
            continue
    return {script: sorted(callers.values(), key=lambda c: (c.path, c.line))
            for script, callers in collector.found.items()}


def _read(file: Path) -> str | None:
    try:
        if not file.is_file() or file.stat().st_size > MAX_BYTES:
            return None
        data = file.read_bytes()
    except OSError:
        return None
    if b"\0" in data[:8192]:
        return None
    return data.decode("utf-8", "replace")


def classify(path: str, scripts: frozenset[str]) -> str | None:
    """Which reader applies to a file, from its path alone (None: not a caller)."""
    name = posixpath.basename(path)
    lower = name.lower()
    parts = path.split("/")
    folders = parts[:-1]
    yaml_file = lower.endswith((".yml", ".yaml"))
    if len(parts) >= 3 and parts[-3:-1] == [".github", "workflows"] and yaml_file:
        return "github-actions"
    if ".github" in folders and "actions" in folders and lower in ("action.yml", "action.yaml"):
        return "github-actions"
    if lower in (".gitlab-ci.yml", ".gitlab-ci.yaml") or (".gitlab" in folders and yaml_file):
        return "gitlab-ci"
    if (lower in ("makefile", "gnumakefile") or lower.endswith(".mk")) and path not in scripts:
        return "makefile"
    if lower in ("justfile", ".justfile") or lower.endswith(".just"):
        return "justfile"
    if lower == "tox.ini":
        return "tox"
    if lower in ("pyproject.toml", "setup.py", "setup.cfg"):
        return "entry-point"
    if lower in ("dockerfile", "containerfile") or lower.endswith((".dockerfile", ".containerfile")) \
            or lower.startswith(("dockerfile.", "containerfile.")):
        return "dockerfile"
    if yaml_file and (lower.startswith(("docker-compose", "compose.", "compose-"))):
        return "compose"
    if lower.startswith("jenkinsfile") or lower.endswith(".jenkinsfile"):
        return "jenkins"
    if (yaml_file and (".circleci" in folders or ".buildkite" in folders or lower.startswith((
            "azure-pipelines", "bitbucket-pipelines", ".travis", ".drone", "buildkite",
            ".woodpecker", "cloudbuild", "appveyor", "codefresh", "buildspec")))) \
            or ".woodpecker" in folders:
        return "ci"
    if lower in (".pre-commit-config.yaml", ".pre-commit-config.yml", ".pre-commit-hooks.yaml"):
        return "pre-commit"
    if name == "Procfile" or lower.startswith("procfile."):
        return "procfile"
    if lower.endswith((".service", ".timer")):
        return "systemd"
    if path in scripts:
        return "python" if lower.endswith(".py") else "shell"
    if (lower in ("crontab", "cron") or lower.endswith((".cron", ".crontab")) or "crontab" in lower
            or any(f in ("cron.d", "cron", "crontabs", "crontab") for f in folders)):
        return "cron"
    if lower.endswith(".py"):
        return "python"
    if lower.endswith((".sh", ".bash", ".zsh", ".ksh")):
        return "shell"
    if yaml_file:
        return "yaml"
    return None


def _plan(files: Sequence[str], index: ScriptIndex) -> list[tuple[str, str]]:
    plan: list[tuple[str, str]] = []
    for path in files:
        kind = classify(path, index.scripts)
        if kind is not None:
            plan.append((path, kind))
    return plan


# --- plain text formats ---------------------------------------------------------------------------


def _scan_chunk(file: _File, chunk: str, first_line: int, index: ScriptIndex,
                collector: _Collector, kind: CallerKind, where: Where, *,
                python: bool = False) -> str | None:
    """Scan ``chunk``, written from line ``first_line`` of the file on, as shell commands."""
    text = normalise(chunk)
    found, cwd = command_refs(text, index, where, python=python)
    for ref in found:
        line = first_line + text.count("\n", 0, ref.pos)
        collector.add(ref.script, file.path, line, kind, file.text_of(line))
    return cwd


def _scan_shell(file: _File, index: ScriptIndex, collector: _Collector,
                plan: list[tuple[str, str]]) -> None:
    _scan_chunk(file, file.text, 1, index, collector, "script", Where(file.path, None))
    _scan_cron_lines(file, index, collector)


def _scan_cron_lines(file: _File, index: ScriptIndex, collector: _Collector) -> None:
    """Cron entries written by a script or a program (``echo "0 2 * * * ..." | crontab -``)."""
    for number, line in enumerate(file.lines, 1):
        if "*" not in line and "@" not in line:
            continue
        for piece in [line, *re.findall(r"""["']([^"']+)["']""", line)]:
            match = _CRON_LINE_RE.match(piece)
            if match:
                refs, _ = command_refs(normalise(match.group("command")), index,
                                       Where(file.path, None))
                for ref in refs:
                    collector.add(ref.script, file.path, number, "cron", line)


def _scan_cron(file: _File, index: ScriptIndex, collector: _Collector,
               plan: list[tuple[str, str]]) -> None:
    for number, line in enumerate(file.lines, 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or re.match(r"^[A-Za-z_]\w*\s*=", stripped):
            continue
        match = _CRON_LINE_RE.match(line)
        command = match.group("command") if match else stripped
        _scan_chunk(file, command.replace("%", " "), number, index, collector, "cron",
                    Where(file.path, None))


def _scan_makefile(file: _File, index: ScriptIndex, collector: _Collector,
                   plan: list[tuple[str, str]]) -> None:
    here = posixpath.dirname(file.path)
    # Literal variables of the Makefile (SCRIPTS := tools/ops) stand for their value.
    values = {m.group(1): _MAKE_VAR_RE.sub(r"${\1}", m.group(2).strip())
              for m in _MAKE_ASSIGN_RE.finditer(file.text) if "$(shell" not in m.group(2)}
    number = 0
    while number < len(file.lines):
        line = file.lines[number]
        first = number
        while line.endswith("\\") and number + 1 < len(file.lines):
            number += 1
            line = line[:-1] + "\n" + file.lines[number].lstrip("\t")
        number += 1
        recipe: str | None = None
        if line.startswith("\t"):
            recipe = line[1:]
        elif not line.startswith("#") and re.match(r"^[^=#:]+::?(?!=)[^=;]*;", line):
            recipe = line.partition(";")[2]
        if recipe is None:
            continue
        recipe = _MAKE_VAR_RE.sub(r"${\1}", recipe.lstrip().lstrip("@-+").replace("$$", "$"))
        for _ in range(2):
            if "${" in recipe:
                recipe = _BRACED_VAR_RE.sub(lambda m: values.get(m.group(1), m.group(0)), recipe)
        # Each recipe line runs in a shell of its own, from the Makefile's folder.
        _scan_chunk(file, recipe, first + 1, index, collector, "makefile",
                    Where(file.path, here, {"CURDIR": here}))


def _scan_justfile(file: _File, index: ScriptIndex, collector: _Collector,
                   plan: list[tuple[str, str]]) -> None:
    here = posixpath.dirname(file.path)
    for number, line in enumerate(file.lines, 1):
        if not line[:1].isspace() or not line.strip() or line.strip().startswith("#"):
            continue
        recipe = re.sub(r"\{\{\s*(\w+)\s*\}\}", r"${\1}", line.strip().lstrip("@-"))
        _scan_chunk(file, recipe, number, index, collector, "justfile", Where(file.path, here))


def _scan_tox(file: _File, index: ScriptIndex, collector: _Collector,
              plan: list[tuple[str, str]]) -> None:
    here = posixpath.dirname(file.path)
    in_commands = False
    for number, line in enumerate(file.lines, 1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_commands = False
            continue
        key = re.match(r"^([\w.\-]+)\s*[=:]\s*(.*)$", line)
        if key:
            in_commands = key.group(1) in ("commands", "commands_pre", "commands_post")
            value = key.group(2)
        elif in_commands and line[:1].isspace():
            value = stripped
        else:
            continue
        if not in_commands or not value or value.startswith("#"):
            continue
        value = value.lstrip("-")
        value = re.sub(r"\{toxinidir\}", "$__HERE", value)
        value = re.sub(r"\{env(?:python|bindir/python\d*)\}", "python", value)
        value = re.sub(r"\{[^}]*\}", "", value)
        _scan_chunk(file, value, number, index, collector, "tox", Where(file.path, here))


def _scan_jenkins(file: _File, index: ScriptIndex, collector: _Collector,
                  plan: list[tuple[str, str]]) -> None:
    for number, line in enumerate(file.lines, 1):
        stripped = line.strip()
        if not stripped or stripped.startswith(("//", "*", "/*")):
            continue
        shell = re.sub(r"""['"]{3}|['"]""", " ", stripped)
        _scan_chunk(file, shell, number, index, collector, "ci", Where(file.path, ""))


def _scan_procfile(file: _File, index: ScriptIndex, collector: _Collector,
                   plan: list[tuple[str, str]]) -> None:
    """Heroku-style process types (``release: bin/release``): run by the platform on deploy."""
    for number, line in enumerate(file.lines, 1):
        match = re.match(r"^\s*[\w\-]+\s*:\s*(.+)$", line)
        if match and not line.lstrip().startswith("#"):
            _scan_chunk(file, match.group(1), number, index, collector, "ci", Where(file.path, ""))


def timed_services(root: Path, plan: list[tuple[str, str]]) -> set[str]:
    """The ``.service`` units a ``.timer`` starts: the timer of the same name, or its ``Unit=``."""
    services = {path for path, kind in plan if kind == "systemd" and path.endswith(".service")}
    timed: set[str] = set()
    for path, kind in plan:
        if kind != "systemd" or not path.endswith(".timer"):
            continue
        folder = posixpath.dirname(path)
        unit = posixpath.basename(path)[: -len(".timer")] + ".service"
        text = _read(root / path) or ""
        match = re.search(r"^\s*Unit\s*=\s*(\S+)", text, re.M)
        if match:
            unit = match.group(1)
        for candidate in (posixpath.join(folder, unit), posixpath.join(folder, unit.replace(
                "@.service", ".service"))):
            if candidate in services:
                timed.add(candidate)
    return timed


def _scan_systemd(file: _File, index: ScriptIndex, collector: _Collector,
                  plan: list[tuple[str, str]]) -> None:
    """A service a timer starts (see :func:`timed_services`): its Exec lines, kind cron."""
    kind: CallerKind = "cron"
    for number, line in enumerate(file.lines, 1):
        match = re.match(r"^\s*Exec(?:Start|StartPre|StartPost|Stop|Reload|Condition)\s*=\s*[-@:+!]*(.*)$",
                         line)
        if not match:
            continue
        _scan_chunk(file, match.group(1), number, index, collector, kind, Where(file.path, None))


def _scan_dockerfile(file: _File, index: ScriptIndex, collector: _Collector,
                     plan: list[tuple[str, str]]) -> None:
    here = posixpath.dirname(file.path)
    aliases = _docker_copies(file, index, here)
    number = 0
    while number < len(file.lines):
        first = number
        body_lines = [file.lines[number]]
        while body_lines[-1].rstrip().endswith("\\") and number + 1 < len(file.lines):
            number += 1
            nxt = file.lines[number]
            body_lines.append("" if nxt.lstrip().startswith("#") else nxt)
        number += 1
        match = re.match(r"^\s*(RUN|CMD|ENTRYPOINT)\s+(.*)$", body_lines[0], re.I | re.S)
        if not match:
            continue
        body = "\n".join([match.group(2), *body_lines[1:]])
        stripped = body.strip()
        where = Where(file.path, None, {"__HERE": here})
        if stripped.startswith("["):
            try:
                items = json.loads(re.sub(r"\\\n", "", stripped))
            except ValueError:
                items = None
            if isinstance(items, list) and all(isinstance(item, str) for item in items):
                items = [aliases.get(item, item) for item in items]
                _scan_word_list(file, [(item, first + 1) for item in items], index, collector,
                                "dockerfile", where, raw_range=(first + 1, number))
                continue
        body = re.sub(r"--mount=\S+|--network=\S+|--security=\S+", "", body)
        for alias, script in aliases.items():
            if alias in body:
                body = re.sub(rf"(?<![\w./-]){re.escape(alias)}(?![\w.-])", script, body)
        _scan_chunk(file, body, first + 1, index, collector, "dockerfile", where)


def _docker_copies(file: _File, index: ScriptIndex, here: str) -> dict[str, str]:
    """Scripts copied into the image under another name (``COPY scripts/entry.sh /entrypoint``):
    {that name as a path and as a bare name: the script}."""
    aliases: dict[str, str] = {}
    for match in re.finditer(r"^\s*(?:COPY|ADD)\s+(?:--\S+\s+)*(\S+)\s+(\S+)\s*$", file.text,
                             re.M | re.I):
        source, target = match.group(1), match.group(2)
        if target.endswith("/") or source.startswith("["):
            continue
        script = index.resolve_path(source, [here, ""], {})
        if script and posixpath.basename(target) != posixpath.basename(script):
            aliases[target] = script
            aliases.setdefault(posixpath.basename(target), script)
    return aliases


def _scan_word_list(file: _File, items: list[tuple[str, int]], index: ScriptIndex,
                    collector: _Collector, kind: CallerKind, where: Where, *,
                    raw_range: tuple[int, int] | None = None) -> None:
    """An exec-form command (a list of words, each with the line it is written on)."""
    # A word's position is its index times _WORD_SPAN (plus the offset inside a ``sh -c`` text).
    words = [Word(text, k * _WORD_SPAN) for k, (text, _) in enumerate(items)]
    if not words:
        return
    found: list[Found] = []
    _segment_refs(words, index, where, where.cwd, found, 0, False)
    for ref in found:
        line = items[min(ref.pos // _WORD_SPAN, len(items) - 1)][1]
        if raw_range is not None:
            line = _line_holding(file, ref.script, raw_range) or line
        collector.add(ref.script, file.path, line, kind, file.text_of(line))


_WORD_SPAN = 1 << 24


def _line_holding(file: _File, script: str, raw_range: tuple[int, int]) -> int | None:
    name = posixpath.basename(script)
    stem = name[:-3] if name.endswith(".py") else name
    for number in range(raw_range[0], min(raw_range[1], len(file.lines)) + 1):
        if name in file.text_of(number) or stem in file.text_of(number):
            return number
    return None


# --- Python ---------------------------------------------------------------------------------------


_RUNNER_CALLS = frozenset({
    "run", "call", "check_call", "check_output", "Popen", "system", "popen", "getoutput",
    "getstatusoutput", "run_path", "create_subprocess_exec", "create_subprocess_shell", "spawn",
    "spawnl", "spawnle", "spawnlp", "spawnv", "spawnve", "spawnvp", "execl", "execle", "execlp",
    "execv", "execve", "execvp", "execvpe", "sudo", "local", "run_command", "run_cmd", "run_script",
    "runcmd", "sh", "bash", "shell", "check_run", "run_process"})
_SCHEDULE_CALLS = frozenset({"add_job", "do", "scheduled_job", "add_periodic_task", "enter", "every"})
_COMMAND_KEYWORDS = frozenset({"args", "cmd", "command", "commands", "script", "path", "argv",
                               "path_name", "func"})
_MAX_PY_DEPTH = 4
_BEAT_NAMES = frozenset({"beat_schedule", "CELERYBEAT_SCHEDULE"})


@dataclass(slots=True)
class _PythonCallers:
    """Scripts a Python file runs: the arguments of subprocess-like calls (through the names
    they were assigned to), and of scheduler calls and Celery beat schedules (kind cron)."""

    file: _File
    index: ScriptIndex
    collector: _Collector
    assigned: dict[str, list[ast.expr]]
    where: Where

    def command(self, node: ast.expr, kind: CallerKind, line: int | None, depth: int = 0) -> None:
        """Scan ``node`` as a command; ``line`` overrides the node's own (for assigned names)."""
        if depth > _MAX_PY_DEPTH:
            return
        if isinstance(node, ast.List | ast.Tuple):
            if any(isinstance(elt, ast.List | ast.Tuple) for elt in node.elts):
                for elt in node.elts:
                    self.command(elt, kind, line, depth + 1)
                return
            items = [(self.word(elt, depth), line or elt.lineno) for elt in node.elts]
            _scan_word_list(self.file, items, self.index, self.collector, kind, self.where)
        elif isinstance(node, ast.Constant | ast.JoinedStr | ast.BinOp):
            text = self.word(node, depth)
            if self.index.mentioned_in(text):
                _scan_chunk(self.file, text, line or node.lineno, self.index, self.collector,
                            kind, self.where, python=True)
        elif isinstance(node, ast.Name):
            for value in self.assigned.get(node.id, []):
                self.command(value, kind, line or node.lineno, depth + 1)
        elif isinstance(node, ast.Call):
            name = _call_name(node.func)
            if name in ("join", "joinpath", "Path", "PurePath") and _call_name(node.func) != "":
                text = self.word(node, depth)
                if text != "$X" and self.index.mentioned_in(text):
                    _scan_chunk(self.file, text, line or node.lineno, self.index, self.collector,
                                kind, self.where, python=True)
                    return
            for arg in node.args:
                self.command(arg, kind, line, depth + 1)
        elif isinstance(node, ast.Dict):
            for value in node.values:
                self.command(value, kind, line, depth + 1)

    def word(self, node: ast.expr, depth: int = 0) -> str:
        """One word of a command: a literal, ``python`` for sys.executable, a path joined with
        ``/`` (``Path(x) / "a.sh"``, ``os.path.join(x, "a.sh")``), else ``$X``."""
        if depth > _MAX_PY_DEPTH:
            return "$X"
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Attribute) and node.attr == "executable":
            return "python"
        if isinstance(node, ast.JoinedStr):
            return "".join(self.word(value.value if isinstance(value, ast.FormattedValue) else value,
                                     depth + 1) for value in node.values)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            return f"{self.word(node.left, depth + 1)}/{self.word(node.right, depth + 1)}"
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return f"{self.word(node.left, depth + 1)}{self.word(node.right, depth + 1)}"
        if isinstance(node, ast.Call):
            name = _call_name(node.func)
            if name in ("join", "joinpath") and not isinstance(
                    getattr(node.func, "value", None), ast.Constant):
                return "/".join(self.word(arg, depth + 1) for arg in node.args)
            if name in ("str", "Path", "PurePath", "fspath", "abspath", "realpath", "resolve") \
                    and len(node.args) == 1:
                return self.word(node.args[0], depth + 1)
            if name in ("resolve", "absolute") and isinstance(node.func, ast.Attribute):
                return self.word(node.func.value, depth + 1)
        if isinstance(node, ast.Name):
            values = self.assigned.get(node.id, [])
            if len(values) == 1:
                return self.word(values[0], depth + 1)
        return "$X"


def _scan_python(file: _File, index: ScriptIndex, collector: _Collector,
                 plan: list[tuple[str, str]]) -> None:
    _scan_cron_lines(file, index, collector)
    scheduler = bool(_SCHEDULER_RE.search(file.text))
    if not scheduler and not _PY_RUNNER_RE.search(file.text):
        return
    try:
        tree = ast.parse(file.text)
    except (SyntaxError, ValueError):
        return
    # One walk collects assignments and calls; calls are read once every name is known.
    assigned: dict[str, list[ast.expr]] = {}
    calls: list[ast.Call] = []
    functions: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
    beat: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            calls.append(node)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, []).append(node.value)
                if (isinstance(target, ast.Name) and target.id in _BEAT_NAMES) or (
                        isinstance(target, ast.Attribute) and target.attr in _BEAT_NAMES):
                    beat.append(node.value)
        elif isinstance(node, ast.AnnAssign) and node.value and isinstance(node.target, ast.Name):
            assigned.setdefault(node.target.id, []).append(node.value)
        elif scheduler and isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            functions.append(node)
    finder = _PythonCallers(file, index, collector, assigned, Where(file.path, None))
    for value in beat:
        finder.command(value, "cron", None)
    in_jobs = _calls_in_scheduled_functions(functions, calls) if scheduler else set()
    for node in calls:
        kind: CallerKind = "cron" if id(node) in in_jobs else "script"
        name = _call_name(node.func)
        call_kind: CallerKind | None = (
            "cron" if scheduler and name in _SCHEDULE_CALLS
            else kind if name in _RUNNER_CALLS else None)
        if call_kind is not None:
            for arg in node.args:
                finder.command(arg, call_kind, None)
            for keyword in node.keywords:
                if keyword.arg in _COMMAND_KEYWORDS:
                    finder.command(keyword.value, call_kind, None)
        if name == "call_command" and node.args and isinstance(node.args[0], ast.Constant):
            script = index.resolve_management_command(str(node.args[0].value))
            if script:
                collector.add(script, file.path, node.lineno, kind, file.text_of(node.lineno))
            continue
        if name == "run_module" and node.args and isinstance(node.args[0], ast.Constant):
            module = str(node.args[0].value)
            script = index.resolve_module(module, [])
            if script:
                collector.add(script, file.path, node.lineno, kind, file.text_of(node.lineno))
        for keyword in node.keywords:
            if keyword.arg in _BEAT_NAMES:
                finder.command(keyword.value, "cron", None)


def _calls_in_scheduled_functions(functions: list[ast.FunctionDef | ast.AsyncFunctionDef],
                                  calls: list[ast.Call]) -> set[int]:
    """The calls inside functions a scheduler runs (``add_job(f)``, ``@scheduled_job``)."""
    scheduled = {arg.id for call in calls if _call_name(call.func) in _SCHEDULE_CALLS
                 for arg in call.args if isinstance(arg, ast.Name)}
    inside: set[int] = set()
    for function in functions:
        if function.name in scheduled or any(
                _call_name(d.func if isinstance(d, ast.Call) else d) in _SCHEDULE_CALLS
                | {"periodic_task"} for d in function.decorator_list):
            inside.update(id(node) for node in ast.walk(function) if isinstance(node, ast.Call))
    return inside


def _call_name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


# --- YAML formats -------------------------------------------------------------------------------------


def _compose_all(text: str) -> list[yaml.Node]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return [node for node in yaml.compose_all(text, Loader=loader) if node is not None]


def _mapping(node: yaml.Node | None) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): value for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _scalar(node: yaml.Node | None) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str) else None


def _scan_yaml_scalar(file: _File, node: yaml.Node, index: ScriptIndex, collector: _Collector,
                      kind: CallerKind, where: Where) -> str | None:
    """A command written as a YAML string, with each reference's line in the file."""
    value = _scalar(node)
    if value is None:
        return where.cwd
    text = normalise(value)
    found, cwd = command_refs(text, index, where)
    start, end = node.start_mark.line, node.end_mark.line
    style = getattr(node, "style", None)
    for ref in found:
        offset = text.count("\n", 0, ref.pos)
        if style == "|":
            line = start + 2 + offset
        elif start == end or (style not in ("|", ">") and "\n" not in value.strip()
                              and start + 1 == end):
            line = start + 1
        else:
            line = _nth_line_holding(file, text, ref, start, end)
        collector.add(ref.script, file.path, line, kind, file.text_of(line))
    return cwd


def _nth_line_holding(file: _File, value: str, ref: Found, start: int, end: int) -> int:
    """For folded and quoted scalars: the raw line holding the same occurrence of the name."""
    name = posixpath.basename(ref.script)
    nth = value[:ref.pos].count(name)
    seen = 0
    for number in range(start + 1, min(end + 1, len(file.lines)) + 1):
        count = file.text_of(number).count(name)
        if seen + count > nth:
            return number
        seen += count
    return start + 1


def _scan_yaml_commands(file: _File, node: yaml.Node, index: ScriptIndex, collector: _Collector,
                        kind: CallerKind, where: Where) -> str | None:
    """A string or a (nested) list of strings, run one after the other in one shell."""
    cwd = where.cwd
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            cwd = _scan_yaml_commands(file, item, index, collector, kind,
                                      Where(where.caller, cwd, where.variables))
        return cwd
    return _scan_yaml_scalar(file, node, index, collector, kind, where)


def _workdir(node: yaml.Node | None, default: str) -> str:
    value = _scalar(node)
    if not value:
        return default
    value = _GH_WORKSPACE_RE.sub("", value).lstrip("/") if "github.workspace" in value else value
    directory = _join(default, value) if not value.startswith("/") else value.lstrip("/")
    return "" if directory.startswith("..") else directory


def _scan_github(file: _File, index: ScriptIndex, collector: _Collector,
                 plan: list[tuple[str, str]]) -> None:
    for document in _compose_all(file.text):
        top = _mapping(document)
        default = _workdir(_mapping(_mapping(top.get("defaults")).get("run")).get("working-directory"), "")
        step_lists: list[tuple[yaml.Node, str]] = []
        for job in _mapping(top.get("jobs")).values():
            job_map = _mapping(job)
            job_dir = _workdir(_mapping(_mapping(job_map.get("defaults")).get("run")).get(
                "working-directory"), default)
            if "steps" in job_map:
                step_lists.append((job_map["steps"], job_dir))
        runs = _mapping(top.get("runs"))
        if "steps" in runs:
            step_lists.append((runs["steps"], default))
        for steps, directory in step_lists:
            if not isinstance(steps, yaml.SequenceNode):
                continue
            for step in steps.value:
                step_map = _mapping(step)
                if "run" not in step_map:
                    continue
                cwd = _workdir(step_map.get("working-directory"), directory)
                _scan_yaml_scalar(file, step_map["run"], index, collector, "github-actions",
                                  Where(file.path, cwd))


_GITLAB_KEYS = frozenset({"script", "before_script", "after_script"})
_CI_KEYS = frozenset({"run", "command", "commands", "script", "before_script", "after_script",
                      "install", "before_install", "after_success", "after_failure", "before_deploy",
                      "after_deploy", "bash", "sh", "inlineScript", "scriptPath", "filePath", "cmd",
                      "pre_build", "build", "post_build", "entrypoint", "args"})


def _walk_keys(node: yaml.Node, keys: frozenset[str], depth: int = 0) -> Iterator[yaml.Node]:
    if depth > 50:
        return
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value in keys and not isinstance(
                    value, yaml.MappingNode):
                yield value
            else:
                yield from _walk_keys(value, keys, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _walk_keys(item, keys, depth + 1)


def _scan_gitlab(file: _File, index: ScriptIndex, collector: _Collector,
                 plan: list[tuple[str, str]]) -> None:
    for document in _compose_all(file.text):
        for value in _walk_keys(document, _GITLAB_KEYS):
            _scan_yaml_commands(file, value, index, collector, "gitlab-ci", Where(file.path, ""))


def _scan_ci(file: _File, index: ScriptIndex, collector: _Collector,
             plan: list[tuple[str, str]]) -> None:
    for document in _compose_all(file.text):
        for value in _walk_keys(document, _CI_KEYS):
            _scan_yaml_commands(file, value, index, collector, "ci", Where(file.path, ""))


def _scan_pre_commit(file: _File, index: ScriptIndex, collector: _Collector,
                     plan: list[tuple[str, str]]) -> None:
    """pre-commit hooks (``entry: scripts/check.sh``), run on commits and in CI."""
    for document in _compose_all(file.text):
        for value in _walk_keys(document, frozenset({"entry"})):
            _scan_yaml_commands(file, value, index, collector, "ci", Where(file.path, ""))


def _scan_compose(file: _File, index: ScriptIndex, collector: _Collector,
                  plan: list[tuple[str, str]]) -> None:
    here = posixpath.dirname(file.path)
    for document in _compose_all(file.text):
        for service in _mapping(_mapping(document).get("services")).values():
            service_map = _mapping(service)
            for key in ("entrypoint", "command"):
                _scan_command_node(file, service_map.get(key), index, collector, "compose",
                                   Where(file.path, None, {"__HERE": here}))


def _scan_command_node(file: _File, node: yaml.Node | None, index: ScriptIndex,
                       collector: _Collector, kind: CallerKind, where: Where) -> None:
    if isinstance(node, yaml.SequenceNode):
        items = [(item.value, item.start_mark.line + 1) for item in node.value
                 if isinstance(item, yaml.ScalarNode)]
        _scan_word_list(file, items, index, collector, kind, where)
    elif isinstance(node, yaml.ScalarNode):
        _scan_yaml_scalar(file, node, index, collector, kind, where)


def _scan_yaml(file: _File, index: ScriptIndex, collector: _Collector,
               plan: list[tuple[str, str]]) -> None:
    """Other YAML: Kubernetes CronJobs (a container's command and args), and GitLab CI files
    that the main ``.gitlab-ci.yml`` includes."""
    if "CronJob" in file.text:
        for document in _compose_all(file.text):
            top = _mapping(document)
            if _scalar(top.get("kind")) != "CronJob":
                continue
            for container in _walk_containers(document):
                container_map = _mapping(container)
                items: list[tuple[str, int]] = []
                for key in ("command", "args"):
                    node = container_map.get(key)
                    if isinstance(node, yaml.SequenceNode):
                        items += [(item.value, item.start_mark.line + 1) for item in node.value
                                  if isinstance(item, yaml.ScalarNode)]
                    elif isinstance(node, yaml.ScalarNode):
                        items.append((node.value, node.start_mark.line + 1))
                _scan_word_list(file, items, index, collector, "cron", Where(file.path, None))
    elif re.search(r"^\s*(before_)?script:", file.text, re.M) and re.search(
            r"^\s*stage:", file.text, re.M):
        _scan_gitlab(file, index, collector, plan)


_YAML_FALLBACK_KINDS: dict[str, CallerKind] = {
    "github-actions": "github-actions", "gitlab-ci": "gitlab-ci", "ci": "ci", "compose": "compose",
    "pre-commit": "ci",
    "yaml": "cron"}


def _scan_yaml_lines(file: _File, index: ScriptIndex, collector: _Collector,
                     kind: CallerKind) -> None:
    """Each line's value (after ``- `` and ``key:``, template tags removed) as a command."""
    for number, line in enumerate(file.lines, 1):
        value = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", line)
        match = re.match(r"^\s*(?:-\s+)?(?:[\w.\-]+:(?:\s+|$))?(.*)$", value)
        value = match.group(1).strip() if match else ""
        if not value or value.startswith("#") or not index.mentioned_in(value):
            continue
        if value.startswith("["):
            try:
                items = json.loads(value)
            except ValueError:
                items = None
            if isinstance(items, list) and all(isinstance(item, str) for item in items):
                _scan_word_list(file, [(item, number) for item in items], index, collector, kind,
                                Where(file.path, None))
                continue
        _scan_chunk(file, value.strip("\"'"), number, index, collector, kind,
                    Where(file.path, None))


def _walk_containers(node: yaml.Node) -> Iterator[yaml.Node]:
    for value in _walk_keys(node, frozenset({"containers", "initContainers"})):
        if isinstance(value, yaml.SequenceNode):
            yield from value.value


def gitlab_includes(root: Path, plan: list[tuple[str, str]], files: Sequence[str]) -> set[str]:
    """The local files ``.gitlab-ci.yml`` includes (``include: local:``, globs, transitively)."""
    queue = [path for path, kind in plan if kind == "gitlab-ci"]
    seen: set[str] = set(queue)
    while queue:
        source = _read(root / queue.pop())
        if source is None or "include" not in source:
            continue
        try:
            documents = _compose_all(source)
        except yaml.YAMLError:
            continue
        for document in documents:
            for pattern in _include_patterns(_mapping(document).get("include")):
                pattern = pattern.lstrip("/")
                for path in fnmatch.filter(files, pattern) if "*" in pattern else [pattern]:
                    if path not in seen and path in files:
                        seen.add(path)
                        queue.append(path)
    return seen


def _include_patterns(node: yaml.Node | None) -> Iterator[str]:
    if isinstance(node, yaml.ScalarNode):
        if not node.value.startswith(("http://", "https://")):
            yield node.value
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _include_patterns(item)
    elif isinstance(node, yaml.MappingNode):
        local = _scalar(_mapping(node).get("local"))
        if local:
            yield local


# --- package entry points ------------------------------------------------------------------------------


def _scan_entry_points(file: _File, index: ScriptIndex, collector: _Collector,
                       plan: list[tuple[str, str]]) -> None:
    here = posixpath.dirname(file.path)
    name = posixpath.basename(file.path)
    targets: list[tuple[str, int, bool]] = []  # (pkg.mod:func or a script's path, line, is a path)
    if name == "pyproject.toml":
        try:
            data = tomllib.loads(file.text)
        except tomllib.TOMLDecodeError:
            return
        project = data.get("project", {})
        tables = [project.get("scripts", {}), project.get("gui-scripts", {}),
                  data.get("tool", {}).get("poetry", {}).get("scripts", {})]
        for table in tables:
            if not isinstance(table, dict):
                continue
            for value in table.values():
                if isinstance(value, dict):
                    value = value.get("callable") or value.get("reference") or ""
                if isinstance(value, str) and value:
                    is_path = "/" in value or value.endswith((".py", ".sh"))
                    targets.append((value, _line_with(file, value), is_path))
        for value in data.get("tool", {}).get("setuptools", {}).get("script-files", []) or []:
            if isinstance(value, str):
                targets.append((value, _line_with(file, value), True))
    elif name == "setup.py":
        targets += _setup_py_targets(file)
    else:
        targets += _setup_cfg_targets(file)
    for value, line, is_path in targets:
        if is_path:
            script = index.resolve_path(value.strip(), [here], {})
        else:
            target = value.partition("=")[2] if "=" in value else value
            script = index.resolve_entry_point(target.strip().split()[0] if target.strip() else "",
                                               here)
        if script:
            collector.add(script, file.path, line, "entry-point", file.text_of(line))


def _line_with(file: _File, value: str) -> int:
    for number, line in enumerate(file.lines, 1):
        if value in line and not line.lstrip().startswith("#"):
            return number
    return 1


def _setup_py_targets(file: _File) -> list[tuple[str, int, bool]]:
    try:
        tree = ast.parse(file.text)
    except (SyntaxError, ValueError):
        return []
    targets: list[tuple[str, int, bool]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value in ("console_scripts", "gui_scripts"):
                    targets += [(s, line, False) for s, line in _strings(value)]
        elif isinstance(node, ast.keyword) and node.arg == "scripts":
            targets += [(s, line, True) for s, line in _strings(node.value)]
        elif isinstance(node, ast.keyword) and node.arg == "entry_points" and isinstance(
                node.value, ast.Constant) and isinstance(node.value.value, str):
            for offset, line in enumerate(node.value.value.split("\n")):
                if "=" in line and ":" in line:
                    targets.append((line, node.value.lineno + offset, False))
    return targets


def _strings(node: ast.expr) -> list[tuple[str, int]]:
    if isinstance(node, ast.List | ast.Tuple):
        return [(elt.value, elt.lineno) for elt in node.elts
                if isinstance(elt, ast.Constant) and isinstance(elt.value, str)]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [(node.value, node.lineno)]
    return []


def _setup_cfg_targets(file: _File) -> list[tuple[str, int, bool]]:
    targets: list[tuple[str, int, bool]] = []
    section = ""
    key = ""
    for number, line in enumerate(file.lines, 1):
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", ";")):
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            section, key = stripped[1:-1].strip(), ""
            continue
        match = re.match(r"^([\w.\-]+)\s*=\s*(.*)$", line)
        if match and not line[:1].isspace():
            key, value = match.group(1), match.group(2).strip()
        elif line[:1].isspace():
            value = stripped
        else:
            continue
        if not value:
            continue
        if section in ("options.entry_points", "entry_points") and key in ("console_scripts",
                                                                          "gui_scripts"):
            if "=" in value:
                targets.append((value, number, False))
        elif (section, key) in (("options", "scripts"), ("files", "scripts")):
            targets += [(path, number, True) for path in value.split()]
    return targets


_SCANNERS = {
    "github-actions": _scan_github,
    "gitlab-ci": _scan_gitlab,
    "ci": _scan_ci,
    "jenkins": _scan_jenkins,
    "makefile": _scan_makefile,
    "justfile": _scan_justfile,
    "tox": _scan_tox,
    "cron": _scan_cron,
    "systemd": _scan_systemd,
    "procfile": _scan_procfile,
    "pre-commit": _scan_pre_commit,
    "dockerfile": _scan_dockerfile,
    "compose": _scan_compose,
    "entry-point": _scan_entry_points,
    "python": _scan_python,
    "shell": _scan_shell,
    "yaml": _scan_yaml,
}
