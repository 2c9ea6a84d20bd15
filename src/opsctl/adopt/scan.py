"""Scan a tree of legacy scripts into an :class:`~opsctl.adopt.model.Inventory`.

Nothing is run: files are read, Python is parsed to an AST and shell is tokenised. A script that
cannot be read or parsed is recorded in ``errors`` with the reason and the scan goes on.

    discover -> read + scan each candidate -> libraries apart -> callers -> owners -> tier -> sort
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import io
import os
import posixpath
import re
import subprocess
import sys
import tokenize
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from opsctl.adopt.caller_refs import read_text
from opsctl.adopt.discover import (
    MAX_BYTES,
    TEST_FOLDERS,
    Candidate,
    Discovery,
    discover,
    interpreter_of,
)
from opsctl.adopt.model import Caller, Effect, Interface, Inventory, Script, Skipped
from opsctl.adopt.parallel import map_chunks
from opsctl.adopt.python2 import convert as convert_python2
from opsctl.adopt.python_commands_registry import module_paths
from opsctl.adopt.python_scan import PythonFacts, scan_python
from opsctl.adopt.shell_scan import scan_shell
from opsctl.adopt.shell_sources import scanning
from opsctl.adopt.tier import promotion, tier_rank


class ScanError(Exception):
    """A script that could not be scanned; ``reason`` says why in words."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def _decode(data: bytes, language: str) -> str:
    if language == "python":
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # shell has no declared encoding; keep scanning


def _scan_candidate(candidate: Candidate, root: Path) -> tuple[Script, PythonFacts | None]:
    script = Script(path=candidate.path, language=candidate.language,
                    interpreter=candidate.interpreter)
    try:
        data = candidate.file.read_bytes()
    except OSError as exc:
        raise ScanError(candidate.path, f"cannot read: {exc.strerror or exc}") from None
    if b"\0" in data:
        raise ScanError(candidate.path, "binary file, not a script")
    try:
        text = _decode(data, candidate.language)
    except (UnicodeDecodeError, LookupError, SyntaxError) as exc:
        raise ScanError(candidate.path, f"not readable text: {exc}") from None
    if candidate.language == "shell":
        scan_shell(script, text, file=candidate.file, root=root)
        _temporary_helpers(script)
        _no_url_passwords_in_defaults(script)
        return script, None
    try:
        facts = scan_python(script, text, file=candidate.file, root=root)
        _temporary_helpers(script)
        _no_url_passwords_in_defaults(script)
    except SyntaxError as exc:
        where = f" at line {exc.lineno}" if exc.lineno else ""
        newer = ""
        if sys.version_info < (3, 12) and "f-string" in (exc.msg or ""):
            # PEP 701 (Python 3.12) allows quotes, backslashes and comments in f-strings
            newer = "; valid from Python 3.12: run opsctl on Python 3.12 or newer to scan it"
        raise ScanError(candidate.path, f"Python syntax error{where}: {exc.msg}{newer}") from None
    except (ValueError, RecursionError, MemoryError) as exc:
        reason = str(exc) if isinstance(exc, ValueError) else "nested too deeply to parse"
        converted = convert_python2(text) if reason.startswith("Python 2 syntax") else None
        if converted is None:
            raise ScanError(candidate.path, reason) from None
        return _scan_python2(candidate, root, converted, reason)
    return script, facts


PYTHON2_WARNING = "Python 2 source"
"""How the warning of a script read as Python 2 begins (``--strict`` exits 3 for one)."""


def _scan_python2(candidate: Candidate, root: Path, converted: str,
                  reason: str) -> tuple[Script, PythonFacts | None]:
    """A Python 2 script, read with its Python 2 statements rewritten (line numbers kept): what
    it deletes, its flags and callers are still worth knowing; the warning says what it is."""
    script = Script(path=candidate.path, language=candidate.language,
                    interpreter=candidate.interpreter)
    try:
        facts = scan_python(script, converted, file=candidate.file, root=root)
        _temporary_helpers(script)
        _no_url_passwords_in_defaults(script)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        raise ScanError(candidate.path, reason) from None
    cause = reason.removeprefix("Python 2 syntax (").partition(")")[0]
    script.warnings.insert(0, f"{PYTHON2_WARNING} ({cause}): read with its Python 2 statements "
                              "rewritten for Python 3, line numbers kept; it runs only under "
                              "Python 2 (port it with 2to3 or pyupgrade)")
    return script, facts


def is_python2(script: Script) -> bool:
    """Whether the scan read ``script`` as Python 2 source."""
    return any(warning.startswith(PYTHON2_WARNING) for warning in script.warnings)


_URL_PASSWORD = re.compile(r"://[^/\s:@]*:[^/\s@]+@")


def _no_url_passwords_in_defaults(script: Script) -> None:
    """A flag whose default is a URL with a password (``--db postgresql://app:PW@db/app``)
    keeps no default: the inventory, and the wrapper, contract lock and help made from it,
    would show the password. Whatever the flag is named, as for Python's credential-named
    flags, whose defaults are dropped where they are read."""
    for flag in script.interface.flags:
        values = flag.default if isinstance(flag.default, list) else [flag.default]
        if any(isinstance(value, str) and _URL_PASSWORD.search(value) for value in values):
            flag.default = None


_TEMPORARY_HELPER = re.compile(r"(?i)(?:^|_)(?:te?mp|temporary|scratch)(?:_?(?:files?|dirs?|folders?|data))?(?:_|$)")


def _temporary_helpers(script: Script) -> None:
    """Files deleted inside a function its author named for temporary files (``def
    remove_temp_files(path)``, ``cleanup_tmp() { rm -rf "$1"; }``): the script's own scratch,
    not its data. The effect stays listed, marked, and mutating."""
    for effect in script.effects:
        if effect.destructive and effect.kind in ("file-delete", "command") and effect.via and \
                _TEMPORARY_HELPER.search(effect.via.rpartition(".")[2]) and (
                effect.kind == "file-delete" or effect.call.split()[:1] in (["rm"], ["rmdir"], ["unlink"])):
            effect.destructive = False
            effect.call += f" [in {effect.via.rpartition('.')[2]}]"


def _scan_candidates(candidates: Sequence[Candidate], *, folder: Path
                     ) -> list[tuple[Script, PythonFacts | None] | Skipped]:
    """Each candidate scanned, or the reason it could not be (in a worker process too: the
    result is pickled back, an exception would not say which file)."""
    results: list[tuple[Script, PythonFacts | None] | Skipped] = []
    for candidate in candidates:
        try:
            results.append(_scan_candidate(candidate, folder))
        except ScanError as exc:
            results.append(Skipped(exc.path, exc.reason))
    return results


_REPOSITORY_FILES = 5000  # caller files read outside the scanned folder, at most
_NOT_OUTSIDE = frozenset({"python", "shell"})  # other scripts: only those scanned call others


def _repository_callers(folder: Path, scripts: list[str], jobs: int | None
                        ) -> dict[str, list[Caller]]:
    """Callers of ``scripts`` (relative to ``folder``) in the git repository around ``folder``
    but outside it, as the repository's own CI, build and cron files, and the folder's own
    scripts read from the repository's top (``./ops/prune-backups.sh`` in ``ops/nightly``: the
    folder is usually run from there): their paths relative to ``folder``. Nothing when
    ``folder`` is not inside a repository, or is its top."""
    import dataclasses

    from opsctl.adopt.callers import classify, find_callers
    from opsctl.adopt.history import git_env, prefix_in_repository

    if not scripts:
        return {}
    here = folder.resolve()
    prefix = prefix_in_repository("git", here, 30)
    if not prefix:  # not inside a repository, or its top
        return {}
    top = here.parents[prefix.rstrip("/").count("/")]

    try:
        done = subprocess.run(["git", "-C", str(top), "ls-files", "-z"], capture_output=True,
                              env=git_env(), timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    if done.returncode != 0:
        return {}
    listed = done.stdout
    in_repo = [prefix + script for script in scripts]
    known = frozenset(in_repo)
    outside = [path for path in listed.decode("utf-8", "replace").split("\0")
               if path and not path.startswith(prefix)
               and classify(path, known) not in (None, *_NOT_OUTSIDE)][:_REPOSITORY_FILES]
    found = find_callers(top, in_repo, outside + in_repo, jobs=jobs)
    return {script.removeprefix(prefix): [
        dataclasses.replace(caller, path=os.path.relpath(top / caller.path, here))
        for caller in callers] for script, callers in found.items()}


def _is_library(candidate: Candidate, facts: PythonFacts | None) -> bool:
    return facts is not None and not facts.entry and candidate.interpreter is None


def _module_name(path: str) -> str:
    dotted = path[:-3] if path.endswith(".py") else path
    return dotted.replace("/", ".").removesuffix(".__init__")


def scan_tree(root: Path, *, git: bool = True, now: datetime | None = None,
              max_bytes: int = MAX_BYTES, repository_callers: bool = True,
              jobs: int | None = None) -> Inventory:
    """Every script under ``root`` (a folder, or a single script), with callers and owners.
    The inventory's root is the folder (a single script's own folder): the scripts' paths and
    their callers' paths are relative to it.

    With ``git`` and ``repository_callers``, a folder inside a git repository also gets the
    callers found in the rest of that repository (its CI workflows, Makefiles, crontabs...:
    ``ops/`` is usually called from the root), their paths relative to ``root`` (``../``).

    ``jobs``: worker processes for the scripts and the caller files of a large tree (None: one
    per CPU, at most 8; 1: this process only); the inventory is the same whatever the number.

    Raises FileNotFoundError (or NotADirectoryError) when ``root`` does not exist."""
    if not root.exists():
        raise FileNotFoundError(f"no such file or folder: {root}")
    folder = root if root.is_dir() else root.parent
    found = discover(root, max_bytes=max_bytes)
    listed = ([*found.files, *(c.path for c in found.candidates), *(c.path for c in found.in_tests),
               *(s.path for s in found.skipped), *(e.path for e in found.errors)]
              if root.is_dir() else [])
    with scanning(folder if root.is_dir() else None, listed), _fewer_collections():
        return _scan_tree(root, folder, found, git=git, now=now,
                          repository_callers=repository_callers, jobs=jobs)


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """A scan allocates syntax trees by the hundred thousand, freed by reference counting, not
    cycles; the collector's default first-generation threshold (700) ran it ~1,200 times a
    scan of 1,100 scripts, 6% of the time (bench/inventory.py), 17 times at 10,000 (as mypy
    raises it for the same reason)."""
    before = gc.get_threshold()
    gc.set_threshold(10_000, 10, 10)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _scan_tree(root: Path, folder: Path, found: Discovery, *, git: bool, now: datetime | None,
               repository_callers: bool, jobs: int | None) -> Inventory:
    from opsctl.adopt.callers import find_callers
    from opsctl.adopt.history import git_owners

    # the paths are relative to the folder, so the root is the folder, a single script's too
    inventory = Inventory(root=str(folder.absolute()), skipped=found.skipped, errors=found.errors)
    scanned: list[tuple[Candidate, Script, PythonFacts | None]] = []
    results = [result for chunk in map_chunks(functools.partial(_scan_candidates, folder=folder),
                                               found.candidates, jobs)
               for result in chunk]
    for candidate, result in zip(found.candidates, results, strict=True):
        if isinstance(result, Skipped):
            inventory.errors.append(result)
        else:
            scanned.append((candidate, *result))

    importers: dict[str, list[str]] = {}
    for _, script, facts in scanned:
        for name in facts.imports if facts else ():
            importers.setdefault(name, []).append(script.path)
    for candidate, script, facts in scanned:
        if _is_library(candidate, facts):
            users = _importers_of(candidate.path, importers)
            if users:
                reason = f"library, imported by {', '.join(users[:3])}"
                if len(users) > 3:
                    reason += f" and {len(users) - 3} more"
            else:
                reason = "library: only definitions, no entry point"
            inventory.libraries.append(Skipped(candidate.path, reason))
        else:
            inventory.scripts.append(script)

    paths = [script.path for script in inventory.scripts]
    libraries = {library.path for library in inventory.libraries}
    in_tests = [c.path for c in found.in_tests]
    wanted = paths + sorted(libraries) + in_tests
    # a test folder's shell scripts run the project's scripts too (``docker run $IMG
    # ovpn_genconfig`` in ``test/tests/basic/run.sh``), as test-named files do
    # one script scanned alone: its callers are looked for in its whole folder, as in a scan
    # of the folder (a crontab or Makefile beside it), not only in the script itself
    around = found if root.is_dir() else discover(folder)
    readers = dict.fromkeys([*around.files, *(c.path for c in around.candidates),
                             *(c.path for c in around.in_tests if c.language == "shell"
                               or (c.language == "python" and _calls_commands(c.file)))])
    callers = find_callers(folder, wanted, list(readers), jobs=jobs)
    if git and repository_callers:
        for path, more in _repository_callers(folder, wanted, jobs).items():
            # a script of the folder may be read by both passes: one caller per line
            merged = {(c.path, c.line): c for c in [*more, *callers.get(path, [])]}
            callers[path] = sorted(merged.values(), key=lambda c: (c.path, c.line))
    test_scripts = _ci_scripts_of_test_folders(inventory, found.in_tests, callers, folder, jobs)
    commands = _command_modules(scanned, inventory, callers)
    # A module with only definitions that an entry point (``console_scripts``) or another file
    # runs is a script after all: ``swift-recon-cron = swift.cli.recon_cron:main``. So is one
    # a launcher hands over to, or a command line registers as its subcommand.
    run = {path for path in libraries if path in commands or any(
        caller.kind == "entry-point" or not _imported_library(inventory, path)
        for caller in callers.get(path, []))}
    if run:
        inventory.libraries = [library for library in inventory.libraries if library.path not in run]
        inventory.scripts.extend(script for _candidate, script, _facts in scanned if script.path in run)
    _package_modules_apart(inventory, scanned, importers, callers, folder, keep=set(commands))
    for script in inventory.scripts:
        if (note := commands.get(script.path)) is not None and note not in script.warnings:
            script.warnings.append(note)
    paths = [script.path for script in inventory.scripts]
    _sourced_steps_apart(inventory.scripts)
    _star_reexports(inventory.scripts, {script.path: facts.reexports for _candidate, script, facts in scanned
                                        if facts is not None and facts.reexports})
    owners = git_owners(folder, paths, now=now or datetime.now(UTC)) if git else {}
    for script in inventory.scripts:
        script.callers = callers.get(script.path, [])
        script.owners = owners.get(script.path)
    _runs_of_own_commands(inventory.scripts, callers)
    _module_launchers(inventory.scripts, folder)
    image_builds = _image_build_scripts(inventory.scripts, folder)
    for script in inventory.scripts:
        for effect in script.effects:
            if effect.destructive and effect.kind in ("file-delete", "command") and (
                    script.path in image_builds or _in_image_root(effect.call)):
                effect.destructive = False
                effect.call += " [image build]"
        tier, reasons, risk = promotion(script)
        if script.path in test_scripts:
            where = "in a test folder" if any(part in TEST_FOLDERS for part in script.path.split("/")[:-1]) \
                else "named as a test"
            reasons.append(f"{where}, listed for what it destroys: " + (
                "only another script runs it" if script.callers else "nothing in the repository runs it"))
        script.tier, script.reasons, script.risk = tier, reasons, risk  # type: ignore[assignment]
    inventory.scripts.sort(key=lambda s: (-tier_rank(s.tier), -s.risk, s.path))
    return inventory


_DELETING_VERB = re.compile(r"(?:[\w-]+[:_-])?(?:delete|destroy|purge|prune|remove|rm|drop|wipe|teardown|nuke|clean|"
                            r"cleanup|terminate|uninstall)(?:[:_-][\w-]+)?")


def _runs_of_own_commands(scripts: list[Script], callers: dict[str, list[Caller]]) -> None:
    """``/usr/share/gitlab-runner/clear-docker-cache prune``: a deleting verb given to a script of
    the tree (found as a caller of it, on that line), which reads its arguments itself. What that
    script deletes is its own effect, reported there; the caller runs it (a change here). A
    script that hands its arguments on to a program (``bin/cli rm -rf x``: ``exec docker exec
    app "$@"``) is a wrapper, and the command it is given stays the caller's."""
    by_path = {script.path: script for script in scripts}
    run_at: dict[tuple[str, int], list[Script]] = {}
    for callee, places in callers.items():
        target = by_path.get(callee)
        if target is None or target.language != "shell" or any(f.passed_on for f in target.interface.flags):
            continue
        for caller in places:
            if caller.kind == "script" and not caller.text.lstrip().startswith((". ", "source ")):
                run_at.setdefault((caller.path, caller.line), []).append(target)
    if not run_at:
        return
    for script in scripts:
        for effect in script.effects:
            if not (effect.destructive and effect.kind == "command" and effect.confidence == "medium"
                    and effect.path is None and (script.path, effect.line) in run_at):
                continue
            words = effect.call.split()
            program = words[0].rsplit("/", 1)[-1] if words else ""
            verb = next((w for w in words[1:] if not w.startswith("-")), "")
            if not _DELETING_VERB.fullmatch(verb):
                continue  # (``dalmatian aws run-command s3 rm ...``: a command handed on, deeper down)
            for target in run_at[(script.path, effect.line)]:
                name = target.path.rsplit("/", 1)[-1]
                if program and program in (name, name.rsplit(".", 1)[0]) and target.path != script.path:
                    effect.destructive = False
                    effect.call += f" [runs {target.path}]"
                    break


_RUNS_MODULE = re.compile(r"^(?:exec\s+)?(?:\S*/)?python[\d.]*\s+(?:-[A-Za-z]+\s+)*-m\s+([\w.]+)(?:\s|$)")
_LAUNCHER_LINE = re.compile(r"^(?:#|$|(?:export\s+|readonly\s+|local\s+)?[A-Za-z_]\w*=|(?:export|set|cd|source|\.|echo|"
                            r"printf|exit|umask|ulimit|unset|trap|shopt)\b|[{}]\s*$|fi$|then$|else$|if\s|\[)")


def _module_launchers(scripts: list[Script], folder: Path) -> None:
    """A shell script that only sets its environment and runs a module of the tree with
    ``python -m lta.deleter`` (``bin/pipe0-deleter.sh``) is that module's launcher:
    - what the module destroys, the launcher does when cron or a job runs it, so it gets that
      module's destructive effects at its ``python -m`` line (medium: through the module);
    - when it hands its own arguments on (``python -m lta.lta_cmd "$@"``), its flags are the
      module's.
    A script that runs other commands as well is a step of its own, labelled on its own body."""
    by_path = {script.path: script for script in scripts}
    for module in scripts:
        if module.language != "python":
            continue
        destroys = [e for e in module.effects if e.destructive]
        for caller in module.callers:
            launcher = by_path.get(caller.path)
            if launcher is None or launcher.language != "shell" or caller.kind != "script" \
                    or not _RUNS_MODULE.match(caller.text):
                continue
            hands_on = _HANDS_ON_ARGUMENTS.search(caller.text) is not None and module.interface.flags \
                and all(flag.passed_on for flag in launcher.interface.flags)
            if not (hands_on or (destroys and not any(e.destructive for e in launcher.effects))):
                continue
            try:
                lines = (folder / launcher.path).read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                continue
            rest = [line.strip() for number, line in enumerate(lines, 1) if number != caller.line]
            if not all(_LAUNCHER_LINE.match(line) for line in rest if line):  # (a shebang is a comment)
                continue
            if destroys and not any(e.destructive for e in launcher.effects):
                launcher.effects.append(Effect("command", True, f"{caller.text} [runs {module.path}: "
                                               f"{destroys[0].call}]", caller.line, "medium", via=module.path))
            if hands_on:
                launcher.interface = Interface(module.interface.kind, [dataclasses.replace(flag, line=None)
                                                                       for flag in module.interface.flags],
                                               list(module.interface.subcommands))


_HANDS_ON_ARGUMENTS = re.compile(r'"\$@"|\$@|"\$\*"|\$\*|"\$\{@\}"')


def _calls_commands(file: Path) -> bool:
    """A test module that runs the project's management commands (``call_command("delete_tenant",
    ...)``): read for callers as the test folder's shell scripts are (most test modules import
    what they test and run nothing, and are passed over without parsing)."""
    text = read_text(file)
    return text is not None and "call_command(" in text


def _star_reexports(scripts: list[Script], reexports: dict[str, tuple[str, int]]) -> None:
    """A Python script that only re-exports a sibling (``from .common_perform_upgrade import
    *``: a command kept under its old name) does what the sibling does: its effects (found
    behind the import line), options and dry run."""
    by_path = {script.path: script for script in scripts}
    for script in scripts:
        found = reexports.get(script.path)
        if found is None or script.effects or script.interface.flags:
            continue
        module, line = found
        source = by_path.get(posixpath.join(posixpath.dirname(script.path), *module.split(".")) + ".py")
        if source is None or source is script:
            continue
        script.effects = [replace(effect, line=line, path=None, via=module,
                                  confidence="medium" if effect.confidence == "high" else effect.confidence)
                          for effect in source.effects]
        script.interface = replace(source.interface, flags=list(source.interface.flags))
        script.has_dry_run, script.dry_run_flag = source.has_dry_run, source.dry_run_flag
        known = {variable.name for variable in script.env}
        script.env += [variable for variable in source.env if variable.name not in known]


def _sourced_steps_apart(scripts: list[Script]) -> None:
    """What a sourced file does when it is sourced is that file's own, when it is a script of
    the inventory itself (``install.sh`` sourcing ``install/turn-things-off.sh``, a step that
    runs on load): the step is reported with its effects and the sourcing script as its
    caller, as a script that runs another is. The functions a script calls from a sourced
    file stay its own effects (``source _lib.sh; reset``), and so does a library's load-time
    code."""
    shell = {script.path for script in scripts if script.language == "shell"}
    for script in scripts:
        if script.language == "shell" and any(e.path in shell for e in script.effects):
            script.effects = [e for e in script.effects
                              if not (e.path in shell and e.path != script.path and e.via == e.path)]


_NOT_RUNNERS = frozenset({"script", "tox"})  # another script, a test runner: still a test
# A calling line that hands the file to a test runner: a test run, not a script run
_TEST_RUNNER = re.compile(r"(?<![\w.-])(?:py\.?test|pytest|nose2?|nosetests|unittest|bats|tox|nox"
                          r"|coverage\s+run|go\s+test)(?![\w.-])")


_TEST_MODULE = re.compile(r"^\s*(?:import|from)\s+(?:unittest|pytest)\b|\bunittest\.TestCase\b", re.M)
_RUN_BY_PYTHON = re.compile(r"\bpython[\d.]*\s+(?:-u\s+)?[\w./${}-]+\.py\s+[\w\"'$-]")
"""``python3 tests/pipeline_v2_test.py run_pipeline ...``: run as a program, with arguments."""


def _ci_scripts_of_test_folders(inventory: Inventory, candidates: list[Candidate],
                                callers: dict[str, list[Caller]], folder: Path, jobs: int | None) -> set[str]:
    """A script in a test folder (or named as a test) that CI, a build file, cron or a
    container runs is not a test but a script the project depends on (``tests/scripts/
    vagrant_clean.sh`` in ``.gitlab-ci/vagrant.yml``): scanned and inventoried. So is one that
    nothing in the repository runs but that destroys data or resources beyond its own files
    (an end-to-end runner that an outside CI starts and that deletes cloud DNS records, a
    teardown that kills every container on the host): a blast radius whoever runs it. Those
    are returned, to say why they are listed. The others stay skipped as tests. A Python test
    module (``test_*.py``, ``conftest.py``) stays a test whoever names it, and so do a Python
    file without a shebang that nothing runs (not even another script) and a file that tox or
    a calling line hands to a test runner (``pytest tests/x.py``, ``bats tests/smoke.sh``)."""
    for_effects: set[str] = set()
    to_scan: list[tuple[Candidate, bool]] = []
    ran = _run_from_outside(candidates, callers)
    for candidate in candidates:
        name = candidate.path.rsplit("/", 1)[-1]
        run = candidate.path in ran
        if candidate.language == "python" and (name.startswith("test_") or name.endswith("_test.py")
                                               or name == "conftest.py") and not (
                run and any(_RUN_BY_PYTHON.search(caller.text) and name in caller.text
                            and not _TEST_RUNNER.search(caller.text)
                            for caller in callers.get(candidate.path, ()))
                and not _TEST_MODULE.search(read_text(candidate.file) or "import unittest")):
            # (unless CI runs it as a program with arguments: ``python3 tests/pipeline_v2_test.py
            # run_pipeline "$TOKEN"``, a script with a command line of its own, named as a test;
            # a unittest or pytest module, or one run by its path alone, stays a test)
            continue
        if candidate.interpreter is None:  # named as a test outside a test folder: not read yet
            try:
                with open(candidate.file, "rb") as handle:
                    candidate.interpreter = interpreter_of(handle.readline(512))[1]
            except OSError:
                pass
        if not run and ((candidate.language == "python" and candidate.interpreter is None
                         and not callers.get(candidate.path))
                        or any(caller.kind == "tox" or _TEST_RUNNER.search(caller.text)
                               for caller in callers.get(candidate.path, ()))):
            # a test's helper module, or what a test runner runs: a test (one that another
            # script of the folder runs, ``python3 tools/delete_old_runs.py``, is read as a
            # shell script there is: listed if it destroys)
            continue
        to_scan.append((candidate, run))
    # (scanned as the folder's scripts are: in the workers of a large tree)
    results = [result for chunk in map_chunks(functools.partial(_scan_candidates, folder=folder),
                                               [candidate for candidate, _ in to_scan], jobs)
               for result in chunk]
    listed: set[str] = set()
    for (candidate, run), result in zip(to_scan, results, strict=True):
        if isinstance(result, Skipped):
            if run:
                inventory.errors.append(result)
            continue
        script = result[0]
        if not run:
            if not any(effect.destructive for effect in script.effects):
                continue
            for_effects.add(script.path)
        listed.add(candidate.path)
        inventory.scripts.append(script)
    if listed:
        inventory.skipped = [s for s in inventory.skipped if s.path not in listed]
    return for_effects


def _run_from_outside(candidates: list[Candidate], callers: dict[str, list[Caller]]) -> set[str]:
    """The scripts of test folders that CI, a build file, cron or a container runs, and those
    that such a script runs in turn (``test/e2e/run-test`` from the Makefile, sourcing
    ``test/e2e/provision-cluster``): one job, whichever of its files the runner names. A script
    that only other tests, or a test runner, run stays a test."""
    def outside(caller: Caller) -> bool:
        return caller.kind not in _NOT_RUNNERS and not _TEST_RUNNER.search(caller.text)

    ran = {c.path for c in candidates if any(outside(caller) for caller in callers.get(c.path, ()))}
    rest = [c.path for c in candidates if c.path not in ran]
    while rest:
        more = [path for path in rest if any(
            caller.kind == "script" and caller.path in ran and not _TEST_RUNNER.search(caller.text)
            for caller in callers.get(path, ()))]
        if not more:
            break
        ran.update(more)
        rest = [path for path in rest if path not in ran]
    return ran


def _imported_library(inventory: Inventory, path: str) -> bool:
    """Whether ``path`` was put with the libraries because other files import it."""
    return any(library.path == path and library.reason.startswith("library, imported by")
               for library in inventory.libraries)


def _command_modules(scanned: list[tuple[Candidate, Script, PythonFacts | None]], inventory: Inventory,
                     callers: dict[str, list[Caller]]) -> dict[str, str | None]:
    """The modules of the tree that are commands although no file runs them by path (see
    :mod:`~opsctl.adopt.python_commands_registry`): a thin launcher's module gets the
    launcher's call as its caller. Each with what keeps ``opsctl wrap`` from running it as a
    file, if anything (a subcommand module, a module without a ``__main__`` guard): its scan
    gets that as a warning, and wrap refuses it unless forced."""
    python = [(candidate, facts) for candidate, _script, facts in scanned if facts is not None]
    modules = module_paths(candidate.path for candidate, _ in python)
    listed = {script.path for script in inventory.scripts}
    files = {candidate.path: candidate.file for candidate, _ in python}
    found: dict[str, str | None] = {}
    for candidate, facts in python:
        target = modules.get(facts.launches[0]) if facts.launches and candidate.path in listed else None
        if facts.launches and target and target != candidate.path:
            _module, line, text = facts.launches
            found[target] = None if _has_main_guard(files[target]) else (
                f"run by the launcher {candidate.path} (`{text}`), "
                "and as a file of its own it only defines: wrap the launcher")
            entries = callers.setdefault(target, [])
            if not any(c.path == candidate.path and c.line == line for c in entries):
                entries.append(Caller(candidate.path, line, "script", text))
        for dotted in _expanded(facts.registers, modules):
            target = modules.get(dotted)
            if target and target != candidate.path and target not in found:
                found[target] = (f"a subcommand module that {candidate.path} registers: it runs only "
                                 "through that program, and wrap does not write its command line yet")
    return found


def _expanded(registers: Iterable[str], modules: dict[str, str]) -> list[str]:
    """The registered module names, ``PACKAGE.*`` (a program that imports the module its
    argument names) written out as the modules of that package, those named with a leading
    ``_`` left out (helpers the commands share)."""
    found: list[str] = []
    for dotted in registers:
        if not dotted.endswith(".*"):
            found.append(dotted)
            continue
        prefix = dotted[:-1]
        found.extend(name for name in modules if name.startswith(prefix)
                     and "." not in (rest := name[len(prefix):]) and rest and not rest.startswith("_"))
    return found


def _package_modules_apart(inventory: Inventory,
                           scanned: list[tuple[Candidate, Script, PythonFacts | None]],
                           importers: dict[str, list[str]], callers: dict[str, list[Caller]],
                           folder: Path, keep: set[str] = frozenset()) -> None:  # type: ignore[assignment]
    """A module of a package (its folder has ``__init__.py``) with no shebang, no ``__main__``
    guard and nothing found that runs it is a library even when it declares a CLI at module
    level (``cli/builtins.py`` of a click application): importing it runs nothing. Commands
    of the ``flask`` program (``@bp.cli.command``) stay scripts, as Django commands do."""
    moved: set[str] = set()
    listed = {script.path for script in inventory.scripts}
    for candidate, script, facts in scanned:
        if (facts is None or script.path not in listed or candidate.interpreter is not None
                or script.path in keep or callers.get(script.path) or facts.flask_commands
                or "/management/commands/" in f"/{script.path}" or "/" not in script.path
                or not (folder / candidate.path).parent.joinpath("__init__.py").exists()
                or _has_main_guard(candidate.file)):
            continue
        users = _importers_of(candidate.path, importers)
        reason = (f"library, imported by {', '.join(users[:3])}" if users else
                  "library: a module of its package that nothing runs (no __main__ guard, "
                  "shebang or caller)")
        inventory.libraries.append(Skipped(script.path, reason))
        moved.add(script.path)
    inventory.scripts = [s for s in inventory.scripts if s.path not in moved]


def _importers_of(path: str, importers: dict[str, list[str]]) -> list[str]:
    """Files importing the module at ``path``, whatever folder the import is rooted at
    (``src/pkg/mod.py`` is ``pkg.mod``)."""
    parts = _module_name(path).split(".")
    # the names it is imported by: its dotted name and each of its tails (``pkg.mod``, ``mod``)
    found = {user for k in range(len(parts)) for user in importers.get(".".join(parts[k:]), ())}
    return sorted(found)


def _image_build_scripts(scripts: list[Script], folder: Path) -> set[str]:
    """The scripts that run only while an image is built (:func:`_image_build_only`), and those
    that only such scripts run in turn (``fedora_setup.sh`` from a Packer provisioner, which
    runs ``build-push_packaging.sh``): the same build."""
    builds = {script.path for script in scripts if _image_build_only(script, folder)}
    rest = [script for script in scripts if script.path not in builds and script.callers]
    while rest:
        more = {script.path for script in rest
                if all(c.kind == "script" and c.path in builds for c in script.callers)}
        if not more:
            break
        builds |= more
        rest = [script for script in rest if script.path not in more]
    return builds


def _image_build_only(script: Script, folder: Path) -> bool:
    """Every caller is a Dockerfile ``RUN`` or a Packer provisioner, or the script is a
    diskimage-builder element's step (``elements/<name>/post-install.d/90-remove-build-deps``):
    it runs while an image is built, so what it deletes (package caches, docs, build
    dependencies, the build machine's host keys and logs) belongs to that image alone."""
    if _DIB_PHASE.search(script.path):
        return True
    if not script.callers or any(c.kind not in ("dockerfile", "packer") for c in script.callers):
        return False
    return all(c.kind == "packer" or _dockerfile_instruction(folder / c.path, c.line) == "RUN"
               for c in script.callers)


_IMAGE_ROOT = re.compile(r"(?i)^\$\{?\w*(?:rootfs|chroot|sysroot)\w*\}?(?:/|$)|^\$\{?\w+\}?/(?:[\w.-]+/)*rootfs(?:/|$)")


def _in_image_root(call: str) -> bool:
    """``rm -f ${ROOTFS_DIR}/etc/ssh/ssh_host_*_key*``, ``rm -rf ${STAGE_WORK_DIR}/rootfs``: every
    path the command removes lies in a root filesystem being built (an OS image's, a chroot's),
    whose files belong to that image, as an image build's are."""
    operands = [word for word in call.split()[1:] if not word.startswith("-")]
    return bool(operands) and all(_IMAGE_ROOT.match(word) for word in operands)


_DIB_PHASE = re.compile(r"(?:^|/)elements/[^/]+/(?:pre-install|install|post-install|finalise|root|extra-data|"
                        r"cleanup|block-device)\.d/[^/]+$")


def _dockerfile_instruction(file: Path, line: int) -> str | None:
    """The instruction (``RUN``, ``CMD``...) of the Dockerfile line ``line``, through the
    backslash continuations before it."""
    try:
        lines = file.read_text(errors="replace").splitlines()
    except OSError:
        return None
    index = line - 1
    while 0 < index < len(lines) + 1 and lines[index - 1].rstrip().endswith("\\"):
        index -= 1
    if not 0 <= index < len(lines):
        return None
    words = lines[index].split(None, 1)
    return words[0].upper() if words else None


_MAIN_GUARD = re.compile(r"""^if\s+(?:__name__\s*==\s*['"]__main__['"]|['"]__main__['"]\s*==\s*__name__)""",
                         re.MULTILINE)


def _has_main_guard(file: Path) -> bool:
    try:
        return _MAIN_GUARD.search(file.read_text(errors="replace")) is not None
    except OSError:
        return False


def scan_file(file: Path, *, root: Path | None = None, git: bool = True) -> Script:
    """One script, with its callers and owners looked up in ``root`` (default: the top of the git
    work tree holding it, else its folder). Raises ScanError when it cannot be scanned."""
    file = file.absolute()
    if not file.exists():
        raise ScanError(str(file), "no such file")
    if file.is_dir():
        raise ScanError(str(file), "a folder, not a script (scan it with `opsctl inventory scan`)")
    root = (root or _work_tree(file.parent) or file.parent).absolute()
    inventory = scan_tree(root, git=git) if root != file.parent or _small(root) else None
    relative = os.path.relpath(file, root).replace(os.sep, "/")
    if inventory is not None:
        for script in inventory.scripts:
            if script.path == relative:
                return script
        for entry in inventory.errors + inventory.libraries + inventory.skipped:
            if entry.path == relative:
                raise ScanError(relative, entry.reason)
    only = scan_tree(file, git=git)
    if only.errors:
        raise ScanError(relative, only.errors[0].reason)
    if not only.scripts:
        reason = (only.libraries or only.skipped or [Skipped(relative, "not a Python or shell "
                                                                       "script")])[0].reason
        raise ScanError(relative, reason)
    script = only.scripts[0]
    script.path = relative
    return script


def _small(folder: Path) -> bool:
    try:
        return sum(1 for _ in zip(range(2000), os.scandir(folder), strict=False)) < 2000
    except OSError:
        return False


def _work_tree(folder: Path) -> Path | None:
    try:
        top = subprocess.run(["git", "-C", str(folder), "rev-parse", "--show-toplevel"],
                             capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(top.stdout.strip()) if top.returncode == 0 and top.stdout.strip() else None
