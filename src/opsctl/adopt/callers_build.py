"""Readers of build and runtime caller files: Makefiles, justfiles, tox, Procfiles, cron tables,
systemd units (services a timer starts), Dockerfiles, Python code that runs or schedules a script
(subprocess, Celery beat, APScheduler, schedule...) and package entry points (pyproject.toml,
setup.py, setup.cfg).
"""

from __future__ import annotations

import ast
import json
import posixpath
import re
import shlex
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from opsctl.adopt.caller_refs import (
    BRACED_VAR_RE,
    CallerFile,
    Collector,
    ScriptIndex,
    Where,
    boot_script_files,
    callers_in_chunk,
    callers_in_word_list,
    command_refs,
    docker_contexts,
    docker_copies,
    join_path,
    normalise,
    read_text,
)
from opsctl.adopt.model import CallerKind
from opsctl.adopt.python_index import dotted, parse

_MAKE_VAR_RE = re.compile(r"\$\(([A-Za-z_][\w.]*)\)")
_MAKE_ASSIGN_RE = re.compile(r"^(?:export\s+|override\s+)?([A-Za-z_]\w*)\s*(?:[:?]{1,2}|::=)?=[ \t]*"
                             r"([^\n#]*)", re.M)
# One crontab entry: its schedule and its command (Salt's cron tables in callers_config too).
CRON_LINE_RE = re.compile(r"^\s*(?:@(?:reboot|yearly|annually|monthly|weekly|daily|midnight|hourly)"
                           # (a field a script fills in: ``$minute 1 * * * root ...``)
                           r"|(?:(?:[\d*/,\-?LW]+|\$\{?\w+\}?)\s+){3}(?:[\d*/,\-A-Za-z?LW#]+\s+)[\d*/,\-A-Za-z?LW#]+)"
                           r"\s+(?P<command>\S.*)$")
_TOX_POSARGS_RE = re.compile(r"\{posargs:([^{}]*)\}")
_EVAL_VAR_RE = re.compile(r"""\beval\s+["']?\$\{?([A-Za-z_]\w*)""")
_ASSIGN_LINE_RE = re.compile(r"""^\s*(?:export\s+|local\s+)?(?P<name>[A-Za-z_]\w*)=(?P<q>["'])"""
                             r"""(?P<value>[^"'\n]*)(?P=q)\s*(?:#.*)?$""")
_SCHEDULE_PLACEHOLDER_RE = re.compile(r"^\s*\{\w*(?i:schedule|cron)\w*\}\s")
_YAML_KEY_RE = re.compile(r"^\s*(?:-\s+)?[\w.\-]+:\s+")
_ABSOLUTE_WORD_RE = re.compile(r"(?<![\w.~$}])/(?:[\w.\-]+/)*[\w.\-]+")
_QUOTED_ABSOLUTE_RE = re.compile(r"""["']/\w""")
_DOCKER_RUN_RE = re.compile(
    r"^\s*(RUN|CMD|ENTRYPOINT|HEALTHCHECK(?:(?:\s|\\\n)+--[\w-]+(?:=\S+|\s+\S+)?)*(?:\s|\\\n)+CMD)"
    r"\s+(.*)$", re.I | re.S)
_INI_SECTION_RE = re.compile(r"^\s*\[([^\]]+)\]")
_INI_KEY_RE = re.compile(r"^([\w.\-]+)\s*[=:]\s*(.*)$")
_UWSGI_DAEMONS = frozenset({"attach-daemon", "attach-control-daemon", "smart-attach-daemon",
                            "smart-attach-daemon2", "exec-pre-app", "exec-post-app",
                            "exec-as-root", "exec-as-user", "exec-pre-jail", "exec-post-jail"})
_UWSGI_CRONS = frozenset({"cron", "unique-cron", "cron-harakiri-cron"})
# Whether a Python file may schedule or run commands: literal words are looked for with `in`
# (a fast substring search) before any regex. One alternation of all of them, tried at every
# position of every file (case-insensitively, for the runners), was a tenth of a whole scan
# (bench/inventory.py).
_SCHEDULER_WORDS = ("beat_schedule", "CELERYBEAT_SCHEDULE", "apscheduler", "add_job",
                    "scheduled_job", "schedule.every", "crontab")
_SCHEDULER_RE = re.compile(r"beat_schedule|CELERYBEAT_SCHEDULE|apscheduler|add_job\s*\(|scheduled_job"
                           r"|schedule\.every|\bcrontab\s*\(")
_PY_RUNNER_WORDS = ("call_command", "subprocess", "os.system", "popen", "os.exec", "spawn",
                    "plumbum", "pexpect", "runpy", "check_call", "check_output", "invoke",
                    "fabric", "getoutput", "execute", "shell")  # in lower case
_PY_RUNNER_RE = re.compile(r"\b(?:sh\b|run\w*\(|call\()")  # searched in the lower-cased text


def _schedules(text: str) -> bool:
    return any(word in text for word in _SCHEDULER_WORDS) and bool(_SCHEDULER_RE.search(text))


def _runs_commands(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _PY_RUNNER_WORDS) or bool(
        _PY_RUNNER_RE.search(lowered))


# --- plain text formats ---------------------------------------------------------------------------


_BATS_TITLE = re.compile(r"""^(\s*@test\s+)(["'])(?:\\.|(?!\2).)*\2""", re.M)


def callers_in_shell(file: CallerFile, index: ScriptIndex, collector: Collector,
                     plan: list[tuple[str, str]]) -> None:
    # (a bats test's title, ``@test "($PLUGIN_COMMAND_PREFIX:create) success" {``, runs nothing)
    text = _BATS_TITLE.sub(r'\1""', file.text) if "@test" in file.text else file.text
    callers_in_chunk(file, text, 1, index, collector, "script", Where(file.path, None))
    _scan_cron_lines(file, index, collector)
    boot_script_files(file, index, collector)
    _scan_evaluated_variables(file, index, collector)
    if "dokku" in file.text:
        _scan_plugin_subcommands(file, index, collector)
    if "./" in file.text and ("*/" in file.text or "-type d" in file.text):
        _runs_in_each_subfolder(file, index, collector)


_SUBFOLDER_LOOP = re.compile(
    r"^\s*(?:for\s+(?P<for>\w+)\s+in\s+(?:\./)?\*/\s*(?:;|$)"
    r"|for\s+(?P<ls>\w+)\s+in\s+\$\(\s*ls\s+-d\s+(?:\./)?\*/\s*\)"
    r"|(?:find\s+(?:\*|\.)\s[^|]*-type\s+d[^|]*|ls\s+-d\s+(?:\./)?\*/)\|\s*while\s+(?:IFS=\S*\s+)?read\s+(?:-r\s+)?(?P<read>\w+))")
"""A loop over the folders beside the script: ``for d in */``, ``for d in $(ls -d */)``, ``find *
-prune -type d | while read -r d``."""
_LOCAL_RUN = re.compile(r"(?:^|[;&|(]|\bthen|\bdo)\s*(?:(?:ba|da|z)?sh\s+)?\./([\w.-]+)")


def _runs_in_each_subfolder(file: CallerFile, index: ScriptIndex, collector: Collector) -> None:
    """``for d in */; do (cd "$d" && ./mirror.sh); done``: each folder beside the script has its
    own ``mirror.sh``, run from there; the ``./mirror.sh`` line is the caller of every
    ``FOLDER/mirror.sh`` one level below the script's folder."""
    here = posixpath.dirname(file.path)
    lines = file.lines
    for number, line in enumerate(lines, 1):
        loop = _SUBFOLDER_LOOP.match(line)
        if loop is None:
            continue
        variable = loop.group("for") or loop.group("ls") or loop.group("read")
        entered = re.compile(rf"\b(?:cd|pushd)\s+[\"']?\$\{{?{variable}\b")
        inside = False
        for offset, body in enumerate(lines[number:number + 40], number + 1):
            if re.match(r"^\s*done\b", body):
                break
            into = entered.search(body)
            if not (inside or into):
                continue
            inside = True
            for run in _LOCAL_RUN.finditer(body[into.end():] if into else body):  # (after ``cd "$d" &&``)
                name = run.group(1)
                for script in index.by_basename.get(name, ()):
                    if posixpath.dirname(posixpath.dirname(script)) == here and script != file.path:
                        collector.add(script, file.path, offset, "script", body)


_DOKKU_SUBCOMMAND = re.compile(
    r"""\bdokku\s+(?:--?[\w-]+\s+)*["']?(?:\$\{?PLUGIN_COMMAND_PREFIX\}?|(?P<prefix>[a-z][\w-]*)):(?P<name>[\w-]+)""")


def _scan_plugin_subcommands(file: CallerFile, index: ScriptIndex, collector: Collector) -> None:
    """``dokku "$PLUGIN_COMMAND_PREFIX:create" x`` (``dokku postgres:create x``): a Dokku plugin's
    ``subcommands/create``, as ``dokku`` dispatches it (the plugin's own tests, its hooks). The
    plugin is the caller's nearest folder holding a ``subcommands/NAME`` script; a literal prefix
    must be the one its ``config`` declares."""
    for number, line in enumerate(file.lines, 1):
        if line.lstrip().startswith("#"):
            continue
        for match in _DOKKU_SUBCOMMAND.finditer(line):
            script = _plugin_subcommand(file.path, match.group("name"), index)
            if script is None or script == file.path:
                continue
            prefix = match.group("prefix")
            if prefix is not None and not _declares_prefix(index, script, prefix):
                continue
            collector.add(script, file.path, number, "script", line)


def _plugin_subcommand(caller: str, name: str, index: ScriptIndex) -> str | None:
    folder = posixpath.dirname(caller)
    while True:
        candidate = join_path(folder, f"subcommands/{name}")
        if candidate in index.scripts:
            return candidate
        if not folder:
            return None
        folder = posixpath.dirname(folder)


def _declares_prefix(index: ScriptIndex, script: str, prefix: str) -> bool:
    plugin = posixpath.dirname(posixpath.dirname(script))
    text = read_text(index.root / join_path(plugin, "config")) if index.root is not None else None
    return text is not None and re.search(rf"""PLUGIN_COMMAND_PREFIX=["']?{re.escape(prefix)}["']?\s*$""",
                                          text, re.M) is not None


def _scan_evaluated_variables(file: CallerFile, index: ScriptIndex, collector: Collector) -> None:
    """A command kept in a variable and run by ``eval $VAR`` (or ``eval "$VAR"``): the assigned
    text is scanned as a command at the line of the assignment."""
    evaluated = set(_EVAL_VAR_RE.findall(file.text)) if "eval" in file.text else set()
    if not evaluated:
        return
    for number, line in enumerate(file.lines, 1):
        match = _ASSIGN_LINE_RE.match(line)
        if match and match.group("name") in evaluated:
            callers_in_chunk(file, match.group("value"), number, index, collector, "script",
                             Where(file.path, None))


_CRON_VARIABLE_LINE = re.compile(r"^\s*\$\{?\w*(?:CRON|SCHEDULE)\w*\}?\s+(?P<command>[^\s$].*)$", re.I)


def _scan_cron_lines(file: CallerFile, index: ScriptIndex, collector: Collector) -> None:
    """Cron entries written by a script or a program (``echo "0 2 * * * ..." | crontab -``)."""
    for number, line in enumerate(file.lines, 1):
        if "*" not in line and "@" not in line and "cron" not in line.lower():
            continue
        for piece in [line, *re.findall(r"""["']([^"']+)["']""", line)]:
            # (or a schedule held in a variable, written into a cron table: ``echo "${CRON_TIME}
            # /backup.sh >> /mysql_backup.log 2>&1" > /tmp/crontab.conf``)
            match = CRON_LINE_RE.match(piece) or (_CRON_VARIABLE_LINE.match(piece) if "cron" in line.lower() else None)
            if match:
                refs, _ = command_refs(normalise(match.group("command")), index,
                                       Where(file.path, None))
                for ref in refs:
                    collector.add(ref.script, file.path, number, "cron", line)


def callers_in_cron(file: CallerFile, index: ScriptIndex, collector: Collector,
                    plan: list[tuple[str, str]]) -> None:
    for number, line in enumerate(file.lines, 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or re.match(r"^[A-Za-z_]\w*\s*=", stripped):
            continue
        match = CRON_LINE_RE.match(line)
        command = match.group("command") if match else stripped
        callers_in_chunk(file, command.replace("%", " "), number, index, collector, "cron",
                         Where(file.path, None))


def callers_in_makefile(file: CallerFile, index: ScriptIndex, collector: Collector,
                        plan: list[tuple[str, str]]) -> None:
    here = posixpath.dirname(file.path)
    # Literal variables of the Makefile (SCRIPTS := tools/ops) stand for their value; those it
    # does not set, for what the other Makefiles of its folder set (the one that includes it).
    values = {**index.make_values.get(here, {}), **make_variables(file.text)}
    number = 0
    target: str | None = None  # the rule's only target, what ``$@`` stands for in its recipe
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
        elif not line.startswith("#") and (rule := _MAKE_RULE_RE.match(line)):
            targets = rule.group(1).split()
            target = targets[0] if len(targets) == 1 and "%" not in targets[0] and "$" not in targets[0] else None
            if re.match(r"^[^=#:]+::?(?!=)[^=;]*;", line):
                recipe = line.partition(";")[2]
        if recipe is not None and target is not None:
            recipe = _MAKE_TARGET_RE.sub(target, recipe)
        if recipe is None:
            # ``VERSION = $(shell scripts/compute-version.sh)``: run when make reads the file, from
            # where make runs (an included ``.mk`` file's folder is not that: the tree's root)
            for command in _make_shell_calls(line) if not line.lstrip().startswith("#") else ():
                command = _MAKE_VAR_RE.sub(r"${\1}", command.replace("$$", "$"))
                callers_in_chunk(file, command, first + 1, index, collector, "makefile",
                                 Where(file.path, "" if file.path.endswith(".mk") else here, {"CURDIR": here}))
            continue
        if "$(" in recipe:
            recipe = _make_functions_expanded(recipe)
        recipe = _MAKE_VAR_RE.sub(r"${\1}", recipe.lstrip().lstrip("@-+").replace("$$", "$"))
        for _ in range(2):
            if "${" in recipe:
                recipe = BRACED_VAR_RE.sub(lambda m: values.get(m.group(1), m.group(0)), recipe)
        # Each recipe line runs in a shell of its own, from the Makefile's folder.
        callers_in_chunk(file, recipe, first + 1, index, collector, "makefile",
                         Where(file.path, here, {"CURDIR": here}))


_MAKE_RULE_RE = re.compile(r"^([^=#:\t][^=#:]*?)\s*::?(?!=)")
_MAKE_TARGET_RE = re.compile(r"(?<!\$)\$(?:@|\(@\)|\{@\})")


def make_variables(text: str) -> dict[str, str]:
    """The literal variables a Makefile sets (``SCRIPTS := tools/ops``, ``export DIR=./x``),
    each as its value with ``$(VAR)`` written ``${VAR}``; not those made by ``$(shell ...)``."""
    return {m.group(1): _MAKE_VAR_RE.sub(r"${\1}", m.group(2).strip())
            for m in _MAKE_ASSIGN_RE.finditer(text) if "$(shell" not in m.group(2)}


_MAKE_FUNCTION = re.compile(r"(?<!\$)\$\((?P<name>call|info|warning|error)[ ,]")
"""A make function in a recipe whose value is not a command the shell runs: a user function
(``@echo "$(call format,cache-clean,'...')"``) or a message make prints; not the shell's
``$(...)``, which a Makefile writes ``$$(...)``."""


def _make_functions_expanded(recipe: str) -> str:
    """A recipe line without its ``$(call ...)``, ``$(info ...)``... (make expands them before
    the shell runs the line), but for the ``$(shell ...)`` in their arguments, which run then."""
    out: list[str] = []
    i = 0
    while (match := _MAKE_FUNCTION.search(recipe, i)) is not None:
        depth, end = 1, match.start() + 2
        while end < len(recipe) and depth:
            depth += {"(": 1, ")": -1}.get(recipe[end], 0)
            end += 1
        out.append(recipe[i:match.start()])
        out += ["$(shell " + command + ")" for command in _make_shell_calls(recipe[match.end():end - 1])]
        i = end
    out.append(recipe[i:])
    return "".join(out)


def _make_shell_calls(line: str) -> list[str]:
    """The commands of ``$(shell ...)`` in a line of a Makefile (nested ones too)."""
    found: list[str] = []
    start = line.find("$(shell ")
    while start >= 0:
        depth, end = 1, start + 2
        while end < len(line) and depth:
            depth += {"(": 1, ")": -1}.get(line[end], 0)
            end += 1
        if depth:
            break
        found.append(line[start + len("$(shell "):end - 1])
        start = line.find("$(shell ", start + 2)
    return found


def callers_in_justfile(file: CallerFile, index: ScriptIndex, collector: Collector,
                        plan: list[tuple[str, str]]) -> None:
    here = posixpath.dirname(file.path)
    for number, line in enumerate(file.lines, 1):
        if not line[:1].isspace() or not line.strip() or line.strip().startswith("#"):
            continue
        recipe = re.sub(r"\{\{\s*(\w+)\s*\}\}", r"${\1}", line.strip().lstrip("@-"))
        callers_in_chunk(file, recipe, number, index, collector, "justfile", Where(file.path, here))


def callers_in_tox(file: CallerFile, index: ScriptIndex, collector: Collector,
                   plan: list[tuple[str, str]]) -> None:
    here = posixpath.dirname(file.path)
    if file.path.endswith(".toml"):
        try:
            data = tomllib.loads(file.text)
        except tomllib.TOMLDecodeError:
            return
        _tox_toml_commands(file, data, index, collector)
        return
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
        value = _TOX_POSARGS_RE.sub(r"\1", value)  # ``{posargs:DEFAULT}`` runs DEFAULT
        value = re.sub(r"\{[^}]*\}", "", value)
        callers_in_chunk(file, value, number, index, collector, "tox", Where(file.path, here))


def _tox_toml_commands(file: CallerFile, config: dict[str, object], index: ScriptIndex,
                       collector: Collector) -> None:
    """tox's TOML configuration (``tox.toml``, or ``[tool.tox]`` of pyproject.toml):
    ``[env_run_base]`` and each ``[env.NAME]`` have ``commands`` (and ``commands_pre``,
    ``commands_post``), lists of commands that are each a list of words, run from the env's
    ``change_dir`` (``"{tox_root}{/}tasks"``) or the configuration's folder. A
    ``{ replace = "posargs", default = [...] }`` word stands for the arguments given, else its
    default; other replacements (``{ replace = "env", ... }``) are left out."""
    here = posixpath.dirname(file.path)
    envs = config.get("env")
    tables = [config.get("env_run_base"), *(envs.values() if isinstance(envs, dict) else ())]
    for table in tables:
        if not isinstance(table, dict):
            continue
        change_dir = table.get("change_dir")
        cwd = here
        if isinstance(change_dir, str):
            relative = change_dir.replace("{tox_root}", "").replace("{/}", "/").lstrip("/")
            if "{" not in relative:
                cwd = posixpath.normpath(posixpath.join(here, relative)) if relative else here
        for key in ("commands_pre", "commands", "commands_post"):
            commands = table.get(key)
            for command in commands if isinstance(commands, list) else []:
                if not isinstance(command, list):
                    continue
                words: list[str] = []
                for word in command:
                    if isinstance(word, str):
                        # (a command's leading ``-``, alone or on its first word: its exit status ignored)
                        if words or word.lstrip("-"):
                            words.append(word if words else word.lstrip("-"))
                    elif isinstance(word, dict) and word.get("replace") == "posargs" and isinstance(
                            word.get("default"), list):
                        words += [w for w in word["default"] if isinstance(w, str)]
                if not words:
                    continue
                line = _line_with(file, json.dumps(words[1] if len(words) > 1 else words[0]))
                callers_in_chunk(file, shlex.join(words), line, index, collector, "tox", Where(file.path, cwd))


def callers_in_hatch(file: CallerFile, index: ScriptIndex, collector: Collector,
                     plan: list[tuple[str, str]]) -> None:
    """``hatch.toml``: the ``[envs.NAME.scripts]`` of pyproject.toml's ``[tool.hatch]``, in a
    file of their own (``hatch run release:bump``)."""
    try:
        data = tomllib.loads(file.text)
    except tomllib.TOMLDecodeError:
        return
    _task_runner_commands(file, {"tool": {"hatch": data}}, index, collector, posixpath.dirname(file.path))


def callers_in_ini(file: CallerFile, index: ScriptIndex, collector: Collector,
                   plan: list[tuple[str, str]]) -> None:
    """Process managers configured in INI files. uWSGI ``[uwsgi]``: ``cron``/``unique-cron``
    (``MIN HOUR DAY MONTH WEEKDAY command``, kind cron), ``attach-daemon``-like and ``exec-*``
    options (kind script); supervisord ``[program:x]``/``[eventlistener:x]``: ``command=``. No
    caller kind names a process manager: the daemons and programs are kind ``script`` (cron is
    for schedules, compose for container runtimes)."""
    section = ""
    for number, line in enumerate(file.lines, 1):
        header = _INI_SECTION_RE.match(line)
        if header:
            section = header.group(1).strip().lower()
            continue
        key = _INI_KEY_RE.match(line.strip())
        if not key or line[:1].isspace():
            continue
        name, value = key.group(1).lower(), key.group(2)
        kind: CallerKind = "script"
        if section == "uwsgi" and name in _UWSGI_CRONS:
            fields = value.split(None, 5)
            if len(fields) < 6:
                continue
            value, kind = fields[5], "cron"
        elif section == "uwsgi" and name in _UWSGI_DAEMONS:
            if name.startswith("smart-attach-daemon"):
                value = value.split(None, 1)[1] if len(value.split(None, 1)) == 2 else ""
        elif not (section.startswith(("program:", "eventlistener:", "fcgi-program:"))
                  and name == "command"):
            continue
        value = re.sub(r"%\(here\)s", "$__HERE", value)  # supervisord's folder of the file
        if section == "uwsgi":
            value = value.replace("%d", "$__HERE/")  # uWSGI's folder of the file
        callers_in_chunk(file, value, number, index, collector, kind, Where(file.path, None))


def callers_in_procfile(file: CallerFile, index: ScriptIndex, collector: Collector,
                        plan: list[tuple[str, str]]) -> None:
    """Heroku-style process types (``release: bin/release``): run by the platform on deploy."""
    for number, line in enumerate(file.lines, 1):
        match = re.match(r"^\s*[\w\-]+\s*:\s*(.+)$", line)
        if match and not line.lstrip().startswith("#"):
            callers_in_chunk(file, match.group(1), number, index, collector, "ci", Where(file.path, ""))


_HEROKU_SCRIPT = re.compile(r"""^\s*"(?:postdeploy|pr-predestroy|test-setup|test|command)"\s*:\s*("(?:[^"\\]|\\.)*")\s*,?\s*$""")


_HEROKU_YML_SECTION = re.compile(r"^(run|release):\s*$")
_HEROKU_YML_COMMAND = re.compile(r"^\s+(?:-\s+)?(?:[\w.-]+:\s*|command:\s*)?(\S.*?)\s*$")


def callers_in_heroku_app(file: CallerFile, index: ScriptIndex, collector: Collector,
                          plan: list[tuple[str, str]]) -> None:
    """Heroku's ``app.json``: the commands of its ``scripts`` (``"postdeploy": "./bin/setup &&
    ./manage.py seed"``, ``pr-predestroy``, a CI environment's ``test-setup``/``test``), run by
    the platform after a deploy or around a review app's life; and ``heroku.yml``: the process
    types of its ``run:`` section (``web: ./bin/run-prod.sh``) and its ``release:`` command."""
    if file.path.rpartition("/")[2] == "heroku.yml":
        section = None
        for number, line in enumerate(file.lines, 1):
            if line and not line[0].isspace():
                section = match.group(1) if (match := _HEROKU_YML_SECTION.match(line)) else None
                continue
            command = _HEROKU_YML_COMMAND.match(line) if section and not line.lstrip().startswith("#") else None
            if command is not None and command.group(1) not in ("command:", "image:"):
                text = command.group(1).strip("\"'[]")
                callers_in_chunk(file, text, number, index, collector, "ci", Where(file.path, ""))
        return
    if '"scripts"' not in file.text:
        return
    for number, line in enumerate(file.lines, 1):
        _json_command(file, _HEROKU_SCRIPT.match(line), number, index, collector, "ci")


def _json_command(file: CallerFile, match: re.Match[str] | None, number: int, index: ScriptIndex,
                  collector: Collector, kind: CallerKind) -> None:
    """The command a JSON file's string (``match`` group 1, quotes and escapes as written) holds."""
    if match is None:
        return
    try:
        command = json.loads(match.group(1))
    except ValueError:
        return
    callers_in_chunk(file, command, number, index, collector, kind, Where(file.path, ""))


_PACKAGE_SCRIPTS = re.compile(r'^\s*"scripts"\s*:\s*\{')
_PACKAGE_SCRIPT = re.compile(r"""^\s*"(?:[^"\\]|\\.)+"\s*:\s*("(?:[^"\\]|\\.)*")\s*,?\s*$""")


def callers_in_package_json(file: CallerFile, index: ScriptIndex, collector: Collector,
                            plan: list[tuple[str, str]]) -> None:
    """``package.json``: the commands of its ``scripts`` (``"test:js": "./scripts/test/js_test.sh"``,
    ``"postinstall": "bash bin/setup.sh"``), run by ``npm run``/``yarn`` and npm's own hooks,
    each on the line of its entry."""
    if '"scripts"' not in file.text:
        return
    try:  # parsed, whatever its layout (`npm pkg set` and generators write it on one line)
        data = json.loads(file.text)
    except ValueError:  # not JSON (comments, a template): read line by line
        data = None
    scripts = data.get("scripts") if isinstance(data, dict) else None
    if isinstance(scripts, dict):
        start = file.text.find('"scripts"')
        for name, command in scripts.items():
            if not isinstance(command, str):
                continue
            at = file.text.find(json.dumps(name), start)  # the line of the entry's key
            number = file.text.count("\n", 0, at if at >= 0 else start) + 1
            callers_in_chunk(file, command, number, index, collector, "npm",
                             Where(file.path, ""))
        return
    inside = False
    for number, line in enumerate(file.lines, 1):
        if not inside:
            inside = bool(_PACKAGE_SCRIPTS.match(line))
            continue
        if line.strip().startswith("}"):
            break
        _json_command(file, _PACKAGE_SCRIPT.match(line), number, index, collector, "npm")


_LOGROTATE_SCRIPT = re.compile(r"^\s*(?:postrotate|prerotate|firstaction|lastaction|preremove)\s*$")


def callers_in_logrotate(file: CallerFile, index: ScriptIndex, collector: Collector,
                         plan: list[tuple[str, str]]) -> None:
    """A logrotate configuration: the lines of a ``postrotate`` (``prerotate``, ``firstaction``,
    ``lastaction``, ``preremove``) block, up to ``endscript``, are run by ``/bin/sh`` each time
    the logs rotate (daily, from cron): ``/usr/bin/st2ctl reload --register-...``."""
    inside = False
    for number, line in enumerate(file.lines, 1):
        if _LOGROTATE_SCRIPT.match(line):
            inside = True
        elif line.strip() == "endscript":
            inside = False
        elif inside and line.strip() and not line.lstrip().startswith("#"):
            callers_in_chunk(file, line.strip(), number, index, collector, "cron", Where(file.path, ""))


def timed_services(root: Path, plan: list[tuple[str, str]]) -> set[str]:
    """The ``.service`` units a ``.timer`` starts: the timer of the same name, or its ``Unit=``."""
    services = {path for path, kind in plan if kind == "systemd" and path.endswith(".service")}
    timed: set[str] = set()
    for path, kind in plan:
        if kind != "systemd" or not path.endswith(".timer"):
            continue
        folder = posixpath.dirname(path)
        unit = posixpath.basename(path)[: -len(".timer")] + ".service"
        text = read_text(root / path) or ""
        match = re.search(r"^\s*Unit\s*=\s*(\S+)", text, re.M)
        if match:
            unit = match.group(1)
        for candidate in (posixpath.join(folder, unit), posixpath.join(folder, unit.replace(
                "@.service", ".service"))):
            if candidate in services:
                timed.add(candidate)
    return timed


_PACKER_DIR = re.compile(r"\{\{\s*template_dir\s*\}\}|\$\{path\.(?:root|module|cwd)\}|\{\{\s*pwd\s*\}\}")
_HCL_SCRIPT = re.compile(r"""^\s*(?:script|source)\s*=\s*"([^"]+)"|^\s*scripts\s*=\s*\[(.*)\]?""")
_HCL_INLINE = re.compile(r"^\s*inline\s*=.*\[")
_HCL_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_HCL_VALUE = re.compile(r"\$\{[^}]*\}")  # ``${local.ssh_username}``, ``${var.x}``: a value of the template


_MAVEN_CONFIGURATION = re.compile(r"<configuration>(.*?)</configuration>", re.S)
_MAVEN_EXECUTABLE = re.compile(r"<executable>\s*([^<\s]+)\s*</executable>")
_MAVEN_ARGUMENT = re.compile(r"<argument>\s*([^<]*?)\s*</argument>")
_MAVEN_BASEDIR = re.compile(r"\$\{(?:project\.)?basedir\}/?")


def callers_in_maven(file: CallerFile, index: ScriptIndex, collector: Collector,
                     plan: list[tuple[str, str]]) -> None:
    """A Maven ``pom.xml``: the exec plugin's ``<executable>bash</executable>`` with its
    ``<argument>`` words, run by the build from the project's folder (``${project.basedir}``,
    the pom's; a ``<workingDirectory>`` elsewhere is not followed). Read as text: a pom is XML,
    but its line numbers are what a caller is reported by, which ElementTree does not keep."""
    here = posixpath.dirname(file.path)
    for block in _MAVEN_CONFIGURATION.finditer(file.text):
        executable = _MAVEN_EXECUTABLE.search(block.group(1))
        if executable is None:
            continue
        start = block.start(1)
        items = [(_MAVEN_BASEDIR.sub("", executable.group(1)),
                  file.text.count("\n", 0, start + executable.start()) + 1)]
        items += [(_MAVEN_BASEDIR.sub("", m.group(1)), file.text.count("\n", 0, start + m.start()) + 1)
                  for m in _MAVEN_ARGUMENT.finditer(block.group(1))]
        callers_in_word_list(file, items, index, collector, "maven", Where(file.path, here))
    for scriptlet in _MAVEN_SCRIPTLET.finditer(file.text):
        # the rpm plugin's ``<preinstallScriptlet><scriptFile>src/main/scripts/preinstall.sh``:
        # a package hook, run by the package manager on the machine that installs the package
        line = file.text.count("\n", 0, scriptlet.start(1)) + 1
        callers_in_word_list(file, [(_MAVEN_BASEDIR.sub("", scriptlet.group(1)), line)], index, collector,
                             "maven", Where(file.path, here))


_MAVEN_SCRIPTLET = re.compile(r"<\w+Scriptlet>\s*<scriptFile>\s*([^<\s]+)\s*</scriptFile>")
_GRADLE_COMMAND = re.compile(r"^\s*(?:commandLine|executable)\b\s*=?\s*\(?\s*\[?(.+?)\]?\s*\)?\s*$")
_GRADLE_WORKDIR = re.compile(r"""^\s*workingDir\b\s*=?\s*\(?\s*(?:file\(\s*)?(['"])(.*?)\1""")
_GRADLE_STRING = re.compile(r"'([^']*)'|\"([^\"]*)\"")
_GRADLE_PROJECT = re.compile(r"^\$\{?(?:project\.)?(?:projectDir|rootDir)\}?/?")


def callers_in_gradle(file: CallerFile, index: ScriptIndex, collector: Collector,
                      plan: list[tuple[str, str]]) -> None:
    """Gradle's ``Exec`` tasks (``build.gradle``, ``build.gradle.kts``): the words of a
    ``commandLine "./build-model.sh"`` (or ``executable``), run from the task's ``workingDir``
    (``"$projectDir/spec"``: under the build file's folder) or else the build file's folder.
    A line reader: a task's ``workingDir`` holds until the task's block closes."""
    here = posixpath.dirname(file.path)
    cwd = here
    for number, line in enumerate(file.lines, 1):
        if line.startswith("}"):  # a top-level block closed: the next task starts from here
            cwd = here
        if (work := _GRADLE_WORKDIR.match(line)) is not None:
            folder = _GRADLE_PROJECT.sub("", work.group(2))
            cwd = here if "$" in folder else posixpath.normpath(posixpath.join(here, folder))
            continue
        if (command := _GRADLE_COMMAND.match(line)) is not None:
            words = [(m.group(1) if m.group(1) is not None else m.group(2), number)
                     for m in _GRADLE_STRING.finditer(command.group(1))]
            callers_in_word_list(file, words, index, collector, "gradle", Where(file.path, cwd))
        elif (hook := _GRADLE_PACKAGE_HOOK.match(line)) is not None:
            script = index.resolve_path(_GRADLE_PROJECT.sub("", hook.group(1)), [here], {})
            if script is not None and script != file.path:
                collector.add(script, file.path, number, "script", file.text_of(number))


_GRADLE_PACKAGE_HOOK = re.compile(r"""^\s*(?:post|pre)(?:Install|Uninstall|Trans)\s*(?:=\s*|\(\s*)?file\(\s*["']([^"']+)["']""")
"""A package's maintainer script in the ospackage plugin's settings (``postInstall =
file('pkg_scripts/postInstall.sh')``): run by the package manager where the package is
installed or removed (kind ``script``, as nfpm's)."""


_SNAKE_DIRECTIVE = re.compile(r"^(?P<indent>[ \t]*)(?P<key>shell|script):[ \t]*(?P<rest>.*)$")
_SNAKE_CALL = re.compile(r"""\bshell\(\s*[rRfF]{0,2}(?P<quote>["'])(?P<text>.*?)(?<!\\)(?P=quote)""")
_SNAKE_STRING = re.compile(r"""^[rRfF]{0,2}(?P<quote>\"\"\"|'''|"|')""")


def callers_in_snakemake(file: CallerFile, index: ScriptIndex, collector: Collector,
                         plan: list[tuple[str, str]]) -> None:
    """A Snakemake workflow (``Snakefile``, the ``*.smk`` files it includes): each rule's
    ``shell:`` string (triple-quoted over many lines, or strings on their own lines, joined),
    ``shell("...")`` in ``run:``/``onsuccess:`` blocks and a rule's ``script:`` file. Commands
    run from the workflow's folder (the nearest ``Snakefile`` above, or the file's own); a
    ``script:`` path is the rule file's. ``{input.x:q}`` placeholders are words. A line reader:
    the files are Python with Snakemake's own statements, which do not parse."""
    here = posixpath.dirname(file.path)
    workflows = sorted((posixpath.dirname(path) for path, _kind in plan
                        if posixpath.basename(path) == "Snakefile"), key=len, reverse=True)
    top = next((folder for folder in workflows if not folder or here == folder
                or here.startswith(folder + "/")), here)
    lines = file.lines
    number = 0
    while number < len(lines):
        line = lines[number]
        number += 1
        for call in _SNAKE_CALL.finditer(line):
            _snakemake_command(file, call.group("text"), number, index, collector, top)
        directive = _SNAKE_DIRECTIVE.match(line)
        if directive is None:
            continue
        rest, at = directive.group("rest").strip(), number  # (at: the line the string opens on)
        if not rest:  # the string starts on the next line that holds something
            while at < len(lines) and not lines[at].strip():
                at += 1
            if at >= len(lines):
                break
            rest, at = lines[at].strip(), at + 1
        opening = _SNAKE_STRING.match(rest)
        if opening is None:
            continue
        quote, body = opening.group("quote"), rest[opening.end():]
        if len(quote) == 3:
            parts, end = [body], at
            while quote not in parts[-1] and end < len(lines):
                parts.append(lines[end])
                end += 1
            text = "\n".join(parts).split(quote, 1)[0]
            number = max(number, end)
        else:
            text, end = body.split(quote, 1)[0], at
            # (``"cmd "`` then ``"--more"`` on the next lines: implicitly joined strings)
            while end < len(lines) and (more := _SNAKE_STRING.match(lines[end].strip())) is not None \
                    and len(more.group("quote")) == 1:
                text += " " + lines[end].strip()[more.end():].split(more.group("quote"), 1)[0]
                end += 1
        if directive.group("key") == "script":
            callers_in_chunk(file, text.strip(), at, index, collector, "snakemake", Where(file.path, here))
        else:
            _snakemake_command(file, text, at, index, collector, top)


def _snakemake_command(file: CallerFile, text: str, line: int, index: ScriptIndex, collector: Collector,
                       cwd: str) -> None:
    command = re.sub(r"\{[^{}\n]*\}", "X", text)
    if index.mentioned_in(command):
        callers_in_chunk(file, command, line, index, collector, "snakemake", Where(file.path, cwd))


_BAZEL_STATUS = re.compile(r"--workspace_status_command[= ](\S+)")


def callers_in_bazelrc(file: CallerFile, index: ScriptIndex, collector: Collector,
                       plan: list[tuple[str, str]]) -> None:
    """A ``.bazelrc``'s ``--workspace_status_command=scripts/status.sh``: run by every build
    that stamps, from the workspace (the folder of the ``.bazelrc``)."""
    here = posixpath.dirname(file.path)
    for number, line in enumerate(file.lines, 1):
        if line.lstrip().startswith("#"):
            continue
        for match in _BAZEL_STATUS.finditer(line):
            callers_in_chunk(file, match.group(1).strip("'\""), number, index, collector, "bazel",
                             Where(file.path, here))


def _filled_pattern(path: str) -> re.Pattern[str]:
    """``scripts/${var.os}/cleanup_${var.os}.sh`` as a pattern of the paths it may be: each
    variable one path part, the same value wherever the same variable is written."""
    names: dict[str, str] = {}
    parts: list[str] = []
    last = 0
    for match in re.finditer(r"\$\{([^}]*)\}", path):
        parts.append(re.escape(path[last:match.start()]))
        name = match.group(1)
        if name in names:
            parts.append(f"(?P={names[name]})")
        else:
            names[name] = f"v{len(names)}"
            parts.append(f"(?P<{names[name]}>[^/]+)")
        last = match.end()
    parts.append(re.escape(path[last:]))
    return re.compile("".join(parts))


def callers_in_packer(file: CallerFile, index: ScriptIndex, collector: Collector,
                      plan: list[tuple[str, str]]) -> None:
    """A Packer template's shell provisioners (``"script": "{{template_dir}}/provisioners/
    install-worker.sh"``, ``"scripts": [...]``, ``"inline": [...]``; in HCL ``script =
    "${path.root}/scripts/x.sh"``): run on the machine whose image is being built."""
    here = posixpath.dirname(file.path)
    where = Where(file.path, here)

    def add(ref: str, line: int) -> None:
        relative = _PACKER_DIR.sub(".", ref).removeprefix("./")
        if "${" in relative:  # ``scripts/${var.os_name}/cleanup_${var.os_name}.sh``: each it may be
            path = posixpath.normpath(posixpath.join(here, relative))
            if re.search(r"[\w-]{3}", re.sub(r"\$\{[^}]*\}", "", posixpath.basename(path))):
                pattern = _filled_pattern(path)
                for matched in sorted(p for p in index.scripts if pattern.fullmatch(p)):
                    if matched != file.path:
                        collector.add(matched, file.path, line, "packer", file.text_of(line))
            return
        script = index.resolve_path(relative, [here, ""], {})
        if script and script != file.path:
            collector.add(script, file.path, line, "packer", file.text_of(line))

    if file.path.lower().endswith(".hcl"):
        in_list = False
        inline: list[tuple[int, str]] | None = None  # the commands of an ``inline = [...]`` so far
        depth = 0  # brackets open in it (``inline = local.skip ? [...] : [...]``: both lists)
        for number, line in enumerate(file.lines, 1):
            if inline is not None or _HCL_INLINE.match(line):
                # ``inline = ["cd /home/${local.user}/utils", "sudo -E ./clear_history.sh"]``: the
                # strings are the lines of one shell script the provisioner runs (its values made
                # plain words), each kept on its own line of the file
                text = line.partition("=")[2] if inline is None else line
                inline = inline or []
                for literal in _HCL_STRING.findall(text):
                    inline.append((number, _HCL_VALUE.sub("$PACKER_VALUE", _PACKER_DIR.sub(
                        ".", literal.replace('\\"', '"')))))
                bare = _HCL_STRING.sub("", text)
                depth += bare.count("[") - bare.count("]")
                if depth <= 0:
                    depth = 0
                    if inline:
                        first = inline[0][0]
                        lines = [""] * (inline[-1][0] - first + 1)
                        for at, command in inline:
                            lines[at - first] = f"{lines[at - first]}; {command}" if lines[at - first] else command
                        callers_in_chunk(file, "\n".join(lines), first, index, collector, "packer", where)
                    inline = None
                continue
            match = _HCL_SCRIPT.match(line)
            if match or in_list:
                for ref in re.findall(r'"([^"]+)"', line if not match or not match.group(1) else f'"{match.group(1)}"'):
                    add(ref, number)
                in_list = bool(match and match.group(1) is None and "]" not in line) or (
                    in_list and "]" not in line)
            elif _PACKER_DIR.search(line):
                # a list kept in ``locals`` (``common_scripts = [...]``) or chosen by a condition
                # (``scripts = var.x == null ? (var.os == "y" ? [...] : [...])``): a path under
                # the template's folder on a line of its own
                for ref in re.findall(r'"([^"]+)"', line):
                    if _PACKER_DIR.match(ref):
                        add(ref, number)
        return
    import yaml

    try:
        if file.path.lower().endswith((".yml", ".yaml")):  # a template kept as YAML, made JSON to build
            data = yaml.safe_load(file.text)
        else:
            data = json.loads(file.text)
    except (ValueError, yaml.YAMLError):
        return
    provisioners = data.get("provisioners") if isinstance(data, dict) else None
    for provisioner in provisioners if isinstance(provisioners, list) else []:
        if not isinstance(provisioner, dict) or not str(provisioner.get("type", "")).startswith("shell"):
            continue
        refs = [provisioner.get("script"), *(provisioner.get("scripts") or [])]
        for ref in refs:
            if isinstance(ref, str):
                add(ref, _line_with(file, json.dumps(ref)[1:-1]))
        for command in provisioner.get("inline") or []:
            if isinstance(command, str):
                # ``{{user `working_dir`}}``: a template variable, not a shell substitution
                callers_in_chunk(file, re.sub(r"\{\{[^}]*\}\}", "$PACKER_VALUE", _PACKER_DIR.sub(".", command)),
                                 _line_with(file, json.dumps(command)[1:-1]), index, collector, "packer", where)


def callers_in_systemd(file: CallerFile, index: ScriptIndex, collector: Collector,
                       plan: list[tuple[str, str]]) -> None:
    """A service unit's Exec lines: kind ``cron`` when a timer starts it (see
    :func:`timed_services`), else ``systemd`` (a service the machine runs, at boot or on
    demand)."""
    timer = any(path == file.path and kind == "systemd-timer" for path, kind in plan)
    kind: CallerKind = "cron" if timer else "systemd"
    for number, line in enumerate(file.lines, 1):
        if "@" in line:
            # a unit filled in at build time (``ExecStart=@BINDIR@/data-reset``, autotools' and
            # Yocto's placeholders): the folder a placeholder names, or a variable
            line = _BUILD_PLACEHOLDER.sub(
                lambda m: _INSTALL_DIRS.get(m.group(1).lower(), "${" + m.group(1) + "}"), line)
        match = re.match(r"^\s*Exec(?:Start|StartPre|StartPost|Stop|Reload|Condition)\s*=\s*[-@:+!]*(.*)$",
                         line)
        if not match:
            continue
        callers_in_chunk(file, match.group(1), number, index, collector, kind, Where(file.path, None))


_BUILD_PLACEHOLDER = re.compile(r"@([A-Za-z_]\w*)@")
_INSTALL_DIRS = {"bindir": "/usr/bin", "sbindir": "/usr/sbin", "base_bindir": "/bin", "base_sbindir": "/sbin",
                 "libexecdir": "/usr/libexec", "prefix": "/usr"}
"""The folders autotools' and Yocto's install placeholders name (``@BINDIR@``, ``@bindir@``)."""


_RUN_PARTS = re.compile(r"^(?:/docker-entrypoint(?:-initdb)?\.d|/etc/cron\.(?:hourly|daily|weekly|monthly)"
                        r"|/etc/periodic/\w+|/etc/my_init\.d|/etc/cont-init\.d|/etc/cont-finish\.d"
                        r"|/etc/rc\.local\.d)/?$")
"""Folders whose every script is run by the image: its entrypoint's hooks (``nginx``'s
``/docker-entrypoint.d``, the database images' ``/docker-entrypoint-initdb.d``), cron's and
Alpine's periodic folders, the init systems' start-up folders."""


def _copied_to_run_parts(file: CallerFile, index: ScriptIndex, collector: Collector,
                         here: str) -> None:
    """``COPY 10-listen-on-ipv6.sh /docker-entrypoint.d``: a script copied into a folder the
    image runs every script of is run from there; the COPY line is its caller."""
    for number, line in enumerate(file.lines, 1):
        match = re.match(r"^\s*(?:COPY|ADD)\s+(?:--\S+\s+)*(\S+(?:[ \t]+\S+)+)[ \t]*$", line, re.I)
        if not match:
            continue
        *sources, target = match.group(1).split()
        if sources[0].startswith("[") or not _RUN_PARTS.match(target):
            continue
        for source in sources:
            script = index.resolve_path(source, [here, ""], {})
            if script and script != file.path:
                collector.add(script, file.path, number, "dockerfile", line)


@dataclass(slots=True)
class _ImageFolders:
    """Which folder of the build context an image's working directory holds: ``WORKDIR /home/app``,
    ``COPY java java/`` (a folder of the context, its content copied), ``WORKDIR java``, then ``RUN
    ./publish-layers.sh`` runs the context's ``java/publish-layers.sh``. Each ``FROM`` starts a
    stage afresh; a copy from another stage (``--from=``) maps nothing."""

    root: Path | None
    contexts: list[str]
    workdir: str = "/"
    copied: dict[str, str] = field(default_factory=dict)  # image folder -> context folder

    def read(self, instruction: str) -> None:
        words = [w.strip("\"'") for w in instruction.replace("\\\n", " ").split()]  # (``WORKDIR "/app"``)
        if not words:
            return
        keyword = words[0].upper()
        if keyword == "FROM":
            self.workdir, self.copied = "/", {}
        elif keyword == "WORKDIR" and len(words) == 2 and "$" not in words[1]:
            self.workdir = posixpath.normpath(posixpath.join(self.workdir, words[1]))
        elif keyword in ("COPY", "ADD") and self.root is not None and not any(w.startswith("--from") for w in words):
            *sources, target = [w for w in words[1:] if not w.startswith("--")] or [""]
            if len(sources) != 1 or sources[0].startswith("[") or "$" in target:
                return
            where = posixpath.normpath(posixpath.join(self.workdir, target))
            folders = {folder for context in self.contexts
                       if not (folder := posixpath.normpath(posixpath.join(context or ".", sources[0]))).startswith("..")
                       and (self.root / folder).is_dir()}
            if len(folders) == 1:  # (``ADD . /src`` may be any of the contexts: not known)
                folder = folders.pop()
                self.copied[where] = "" if folder == "." else folder
            else:
                self.copied.pop(where, None)

    def folder(self) -> str | None:
        """The context folder the working directory holds, if a copy says (else None: unknown)."""
        for image_folder in sorted(self.copied, key=len, reverse=True):
            if self.workdir == image_folder or self.workdir.startswith(image_folder.rstrip("/") + "/"):
                rest = self.workdir[len(image_folder):].strip("/")
                return join_path(self.copied[image_folder], rest) if rest else self.copied[image_folder]
        return None


def callers_in_dockerfile(file: CallerFile, index: ScriptIndex, collector: Collector,
                          plan: list[tuple[str, str]]) -> None:
    here = posixpath.dirname(file.path)
    aliases = docker_copies(file.text, index, docker_contexts(here))
    _copied_to_run_parts(file, index, collector, here)
    # (``RUN echo "* * * * * root python3 /app/manage.py get_email" > /etc/crontab``: the table
    # the image's cron daemon reads)
    _scan_cron_lines(file, index, collector)
    image = _ImageFolders(index.root, docker_contexts(here))
    number = 0
    while number < len(file.lines):
        first = number
        body_lines = [file.lines[number]]
        last = body_lines[0]
        while last.rstrip().endswith("\\") and number + 1 < len(file.lines):
            number += 1
            nxt = file.lines[number]
            if nxt.lstrip().startswith("#"):
                # Docker drops a comment line inside an instruction, whatever it ends with: the
                # instruction goes on (a line of its own kept, so that lines keep their numbers)
                body_lines.append(" \\")
                continue
            body_lines.append(nxt)
            last = nxt
        number += 1
        instruction = "\n".join(body_lines)
        image.read(instruction)
        match = _DOCKER_RUN_RE.match(instruction)
        if not match:
            continue
        body = match.group(2)
        stripped = body.strip()
        where = Where(file.path, image.folder(), {"__HERE": here})
        if stripped.startswith("["):
            try:
                items = json.loads(re.sub(r"\\\n", "", stripped))
            except ValueError:
                items = None
            if isinstance(items, list) and all(isinstance(item, str) for item in items):
                items = [aliases.get(item, item) for item in items]
                callers_in_word_list(file, [(item, first + 1) for item in items], index, collector,
                                     "dockerfile", where, raw_range=(first + 1, number))
                continue
        body = re.sub(r"--mount=\S+|--network=\S+|--security=\S+", "", body)
        for alias, script in aliases.items():
            if alias in body:
                body = re.sub(rf"(?<![\w./-]){re.escape(alias)}(?![\w.-])", script, body)
        callers_in_chunk(file, body, first + 1, index, collector, "dockerfile", where)


# --- Python ---------------------------------------------------------------------------------------


_RUNNER_CALLS = frozenset({
    "run", "call", "check_call", "check_output", "Popen", "system", "popen", "getoutput",
    "getstatusoutput", "run_path", "create_subprocess_exec", "create_subprocess_shell", "spawn",
    "spawnl", "spawnle", "spawnlp", "spawnv", "spawnve", "spawnvp", "execl", "execle", "execlp",
    "execv", "execve", "execvp", "execvpe", "sudo", "local", "run_command", "run_cmd", "run_script",
    "runcmd", "sh", "bash", "shell", "check_run", "run_process"})
_RUNNER_HELPER = re.compile(r"^_?run_(?:action|step|cmd|command|shell|task|script)s?$")
"""A project's helper named for running the command line it is given (``run_action("jupyter-releaser
prep-git")``): a literal command line of several words, read as one."""
_SCHEDULE_CALLS = frozenset({"add_job", "do", "scheduled_job", "add_periodic_task", "enter", "every"})
_COMMAND_KEYWORDS = frozenset({"args", "cmd", "command", "commands", "script", "path", "argv",
                               "path_name", "func"})
_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[sdrifgeExXoc]")
_FORMAT_FIELD = re.compile(r"\{[^{}]*\}")
_MAX_PY_DEPTH = 4
_BEAT_NAMES = frozenset({"beat_schedule", "CELERYBEAT_SCHEDULE"})


@dataclass(slots=True)
class _PythonCallers:
    """Scripts a Python file runs: the arguments of subprocess-like calls (through the names
    they were assigned to), and of scheduler calls and Celery beat schedules (kind cron)."""

    file: CallerFile
    index: ScriptIndex
    collector: Collector
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
            callers_in_word_list(self.file, items, self.index, self.collector, kind, self.where)
        elif isinstance(node, ast.Constant | ast.JoinedStr | ast.BinOp):
            text = self.word(node, depth)
            if self.index.mentioned_in(text):
                callers_in_chunk(self.file, text, line or node.lineno, self.index, self.collector,
                                 kind, self.where, python=True)
        elif isinstance(node, ast.Name):
            for value in self.assigned.get(node.id, []):
                self.command(value, kind, line, depth + 1)
        elif isinstance(node, ast.Call):
            name = _call_name(node.func)
            if name == "format" and isinstance(getattr(node.func, "value", None), ast.Constant):
                text = self.word(node, depth)  # "flask mailu admin {} {}".format(user, domain)
                if self.index.mentioned_in(text):
                    callers_in_chunk(self.file, text, line or node.lineno, self.index, self.collector,
                                     kind, self.where, python=True)
                return
            if name in ("join", "joinpath", "Path", "PurePath") and _call_name(node.func) != "":
                text = self.word(node, depth)
                if text != "$X" and self.index.mentioned_in(text):
                    callers_in_chunk(self.file, text, line or node.lineno, self.index, self.collector,
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
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):  # "flask mailu admin %s" % (...)
            return _PERCENT_FIELD.sub("$X", self.word(node.left, depth + 1))
        if isinstance(node, ast.Call):
            name = _call_name(node.func)
            if name == "format" and isinstance(template := getattr(node.func, "value", None), ast.Constant) \
                    and isinstance(template.value, str):
                # ``"{rd} {script}".format(script="{}/x.sh".format(d))``: each field its argument's word
                named = {k.arg: k.value for k in node.keywords if k.arg}
                order = iter(node.args)

                def field(match: re.Match[str]) -> str:
                    key = match.group(0)[1:-1].split("!")[0].split(":")[0]
                    value = (named.get(key) if key and not key.isdigit() else
                             node.args[int(key)] if key.isdigit() and int(key) < len(node.args)
                             else next(order, None) if not key else None)
                    return self.word(value, depth + 1) if value is not None else "$X"
                return _FORMAT_FIELD.sub(field, template.value)
            if name in ("join", "joinpath") and not isinstance(
                    getattr(node.func, "value", None), ast.Constant):
                return "/".join(self.word(arg, depth + 1) for arg in node.args)
            # (``os.path.expandvars("$SNAP/microk8s-kubectl.wrapper")``: the variable stays a word's part)
            if name in ("str", "Path", "PurePath", "fspath", "abspath", "realpath", "resolve", "normpath",
                        "expandvars", "expanduser") and len(node.args) == 1:
                return self.word(node.args[0], depth + 1)
            if name in ("resolve", "absolute") and isinstance(node.func, ast.Attribute):
                return self.word(node.func.value, depth + 1)
        if isinstance(node, ast.Name):
            values = self.assigned.get(node.id, [])
            if len(values) == 1:
                return self.word(values[0], depth + 1)
        return "$X"


def _beat_tasks(schedule: ast.expr, file: CallerFile, index: ScriptIndex,
                collector: Collector) -> None:
    """A Celery beat entry's ``"task": "scripts.retract_registrations"``: the task's name is
    its module's path (a name given as the module, or Celery's default ``module.function``),
    so the script of that module is run on the schedule."""
    for node in ast.walk(schedule):
        if not isinstance(node, ast.Dict):
            continue
        for key, value in zip(node.keys, node.values, strict=True):
            if not (isinstance(key, ast.Constant) and key.value == "task"
                    and isinstance(value, ast.Constant) and isinstance(value.value, str)
                    and "." in value.value):
                continue
            name = value.value
            module = name.rpartition(".")[0]
            script = index.resolve_module(name, [])
            if script is None and "." in module:  # ``package.module.function``
                script = index.resolve_module(module, [])
            if script and script != file.path:
                collector.add(script, file.path, value.lineno, "cron", file.text_of(value.lineno))


def _package_main(file: CallerFile, index: ScriptIndex, collector: Collector) -> None:
    """A package's ``__main__.py`` (what ``python -m package`` runs) handing over to a module of
    the package: ``import cartography.cli; sys.exit(cartography.cli.main())``, ``from .cli import
    main; main()``: that module is run."""
    try:
        tree = parse(file.text)  # (warnings about the file's own code silenced, as in a scan)
    except (SyntaxError, ValueError):
        return
    package = posixpath.dirname(file.path)
    imported: dict[str, str] = {}  # local name -> module
    for node in tree.body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                imported[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # ``from .cli import main``: a module of this package
                base = ".".join([*package.split("/")[-1:], *([base] if base else [])])
            for alias in node.names:
                imported[alias.asname or alias.name] = f"{base}.{alias.name}" if base else alias.name
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        name = dotted(call.func) or ""
        head, _, function = name.rpartition(".")
        module = next((imported[n] + name[len(n):] for n in sorted(imported, key=len, reverse=True)
                       if name == n or name.startswith(n + ".")), None)
        if module is None or function not in ("main", "run", "cli", "app", "entry_point", "execute"):
            continue
        target = module.rpartition(".")[0] if module.endswith("." + function) else head
        script = index.resolve_module(target, [posixpath.dirname(package), ""]) if "." in target else None
        if script and script != file.path:
            collector.add(script, file.path, call.lineno, "script", file.text_of(call.lineno))


_LAZY_GROUP = re.compile(r"""\bimport_name\s*=\s*['"]([\w.]+):\w+['"]"""
                         r"""|['"][\w-]+['"]\s*:\s*['"]([\w.]+)\.\w+['"]""")


def _lazy_click_groups(file: CallerFile, index: ScriptIndex, collector: Collector) -> None:
    """A click group loaded when its subcommand is typed (``@cli.group(cls=LazyGroup,
    import_name='indico.cli.user:cli')``, click's ``LazyGroup(lazy_subcommands={"user":
    "app.cli.user.cli"})``): the module holding it runs as that subcommand of the program."""
    for match in _LAZY_GROUP.finditer(file.text):
        module = match.group(1) or match.group(2)
        if match.group(2) and "lazy_subcommands" not in file.text:
            continue
        script = index.resolve_module(module, [""])
        if script and script != file.path:
            line = file.text.count("\n", 0, match.start()) + 1
            collector.add(script, file.path, line, "script", file.text_of(line))


def _added_commands(file: CallerFile, index: ScriptIndex, collector: Collector) -> None:
    """A program's CLI that adds a command implemented in another module of the tree: click's
    ``cli.add_command(certificate_cli, "certificate")``, Flask-Script's ``manager.add_command(
    "archive", ArchiveCredentials)`` with the object imported from that module (``from
    lemur.certificates.cli import cli as certificate_cli``): the module runs as that command."""
    try:
        tree = parse(file.text)  # (warnings about the file's own code silenced, as in a scan)
    except (SyntaxError, ValueError):
        return
    imported: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                imported[alias.asname or alias.name] = node.module
    if not imported:
        return
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "add_command"):
            continue
        for arg in node.args:
            target = arg.func if isinstance(arg, ast.Call) else arg
            module = imported.get(target.id) if isinstance(target, ast.Name) else None
            script = index.resolve_module(module, [""]) if module else None
            if script and script != file.path:
                collector.add(script, file.path, node.lineno, "script", file.text_of(node.lineno))


def callers_in_python(file: CallerFile, index: ScriptIndex, collector: Collector,
                      plan: list[tuple[str, str]]) -> None:
    if posixpath.basename(file.path) == "__main__.py":
        _package_main(file, index, collector)
    _scan_cron_lines(file, index, collector)
    if "import_name" in file.text or "lazy_subcommands" in file.text:
        _lazy_click_groups(file, index, collector)
    if "add_command" in file.text:
        _added_commands(file, index, collector)
    scheduler = _schedules(file.text)
    if not scheduler and not _runs_commands(file.text) \
            and not _QUOTED_ABSOLUTE_RE.search(file.text):
        return
    try:
        tree = parse(file.text)  # (warnings about the file's own code silenced, as in a scan)
    except (SyntaxError, ValueError):
        return
    # One walk collects assignments and calls; calls are read once every name is known.
    assigned: dict[str, list[ast.expr]] = {}
    calls: list[ast.Call] = []
    functions: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
    beat: list[ast.expr] = []
    literals: list[tuple[ast.Constant, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            calls.append(node)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                "/" in node.value and any(name in index.by_basename
                                          for name in absolute_names(node.value)):
            literals.append((node, node.value))
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
        _beat_tasks(value, file, index, collector)
    in_jobs = _calls_in_scheduled_functions(functions, calls) if scheduler else set()
    for node in calls:
        kind: CallerKind = "cron" if id(node) in in_jobs else "script"
        name = _call_name(node.func)
        call_kind: CallerKind | None = (
            "cron" if scheduler and name in _SCHEDULE_CALLS
            else kind if name in _RUNNER_CALLS or (name in ("execute", "_execute", "trycmd")
                                                   and _process_runner(node))
            or (_RUNNER_HELPER.match(name or "") and len(node.args) == 1 and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str) and " " in node.args[0].value) else None)
        if call_kind is not None:
            for arg in node.args:
                finder.command(arg, call_kind, None)
            for keyword in node.keywords:
                if keyword.arg in _COMMAND_KEYWORDS:
                    finder.command(keyword.value, call_kind, None)
        elif name == "local_resource":  # Tilt: ``local_resource("prune", cmd="./prune.sh", serve_cmd=...)``
            for keyword in node.keywords:
                if keyword.arg in ("cmd", "serve_cmd", "cmd_bat", "serve_cmd_bat"):
                    finder.command(keyword.value, kind, None)
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
    if literals:
        _deployed_paths_in_literals(file, index, collector, literals, tree)


def _deployed_paths_in_literals(file: CallerFile, index: ScriptIndex, collector: Collector,
                                literals: list[tuple[ast.Constant, str]], tree: ast.Module) -> None:
    """Commands a configuration generator writes for another program (a Patroni or supervisor
    template, a crontab line built from a format string): in a string literal, a command whose
    words hold an absolute path naming a script (``/scripts/backup.sh``, matched by its trailing
    path) runs it, at the line of the literal that holds the path. A line led by a schedule (five
    cron fields, or a ``{..schedule..}`` placeholder) is kind cron. Relative paths and bare names
    in literals stay data (messages, lists of files)."""
    heads = _concatenation_heads(tree)
    for node, text in literals:
        head = heads.get(id(node), text)
        cron = bool(CRON_LINE_RE.match(head) or _SCHEDULE_PLACEHOLDER_RE.match(head))
        last = node.end_lineno or node.lineno
        # A triple-quoted template's k-th line is written k lines below its opening.
        for k, line in enumerate(text.split("\n")):
            if "/" not in line:
                continue
            command = _YAML_KEY_RE.sub("", line).strip().strip("'\"")
            refs, _ = command_refs(normalise(command), index, Where(file.path, None))
            for ref in refs:
                if not is_absolute_ref(command, ref.pos):
                    continue
                number = min(node.lineno + k, last)
                collector.add(ref.script, file.path, number, "cron" if cron else "script",
                              file.text_of(number))


def absolute_names(text: str) -> list[str]:
    return [word.rstrip("/").rpartition("/")[2] for word in _ABSOLUTE_WORD_RE.findall(text)]


def is_absolute_ref(command: str, pos: int) -> bool:
    return command[pos:pos + 1] == "/" or command[pos:pos + 2] in ('"/', "'/")


def _concatenation_heads(tree: ast.Module) -> dict[int, str]:
    """For each string literal inside ``"a" + "b"``, the text of the leftmost literal."""
    heads: dict[int, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and id(node) not in heads:
            parts: list[ast.expr] = []
            stack: list[ast.expr] = [node]
            while stack:
                item = stack.pop()
                if isinstance(item, ast.BinOp) and isinstance(item.op, ast.Add):
                    heads[id(item)] = ""
                    stack.extend([item.right, item.left])
                else:
                    parts.append(item)
            first = parts[0] if parts else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                for part in parts:
                    heads[id(part)] = first.value
    return heads


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


_PROCESS_RUNNER = re.compile(r"(?:^|\.)(?:\w*utils|putils|processutils|self)$")


def _process_runner(call: ast.Call) -> bool:
    """``utils.execute('cinder-rtstool', 'verify', run_as_root=True)``, ``processutils.execute``,
    ``self._execute(...)``: oslo.concurrency's way of running a program, one word an argument
    (not a database cursor's ``execute``: its receiver is not a utilities module)."""
    receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
    named = receiver is not None and _PROCESS_RUNNER.search(ast.unparse(receiver)) is not None
    return (named or any(k.arg in ("run_as_root", "root_helper", "check_exit_code") for k in call.keywords)) \
        and bool(call.args) and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str) \
        and " " not in call.args[0].value.strip()


def _call_name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


# --- package entry points ------------------------------------------------------------------------------


def callers_in_entry_points(file: CallerFile, index: ScriptIndex, collector: Collector,
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
        groups = project.get("entry-points", {})
        if isinstance(groups, dict):  # a CLI's subcommands registered as plugins, and console
            # scripts declared as an entry-point group (``[project.entry-points.console_scripts]``)
            tables += [table for group, table in groups.items()
                       if _COMMAND_GROUP.search(group) or group in _SCRIPT_GROUPS]
        for table in tables:
            if not isinstance(table, dict):
                continue
            for key, value in table.items():
                if isinstance(value, dict):
                    value = value.get("callable") or value.get("reference") or ""
                if isinstance(value, str) and value:
                    is_path = "/" in value or value.endswith((".py", ".sh"))
                    # (the line of this entry: two commands may name the same function)
                    entry = re.compile(rf"""^\s*["']?{re.escape(str(key))}["']?\s*=""")
                    line = next((n for n, text in enumerate(file.lines, 1) if value in text and entry.match(text)),
                                0) or _line_with(file, value)
                    targets.append((value, line, is_path))
        for value in data.get("tool", {}).get("setuptools", {}).get("script-files", []) or []:
            if isinstance(value, str):
                targets.append((value, _line_with(file, value), True))
        _task_runner_commands(file, data, index, collector, here)
        tox = data.get("tool", {}).get("tox")
        if isinstance(tox, dict):
            _tox_toml_commands(file, tox, index, collector)
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


def console_script_commands(file: CallerFile, index: ScriptIndex) -> dict[str, str]:
    """The commands a package installs (``ospurge = ospurge.main:main`` in ``console_scripts``,
    ``[project.scripts]``) and the script each one runs: after ``pip install``, CI, cron and
    tox run the script by that name."""
    here = posixpath.dirname(file.path)
    named: list[tuple[str, str]] = []
    if posixpath.basename(file.path) == "pyproject.toml":
        try:
            data = tomllib.loads(file.text)
        except tomllib.TOMLDecodeError:
            return {}
        project = data.get("project", {})
        groups = project.get("entry-points", {})
        declared = groups.get("console_scripts", {}) if isinstance(groups, dict) else {}
        for table in (project.get("scripts", {}), declared,
                      data.get("tool", {}).get("poetry", {}).get("scripts", {})):
            if isinstance(table, dict):
                named += [(str(key), value) for key, value in table.items() if isinstance(value, str)]
    else:
        targets = _setup_py_targets(file) if posixpath.basename(file.path) == "setup.py" \
            else _setup_cfg_targets(file, groups=False)
        named += [(value.partition("=")[0].strip(), value.partition("=")[2].strip())
                  for value, _line, is_path in targets if not is_path and "=" in value]
    commands: dict[str, str] = {}
    for name, target in named:
        script = index.resolve_entry_point(target.split()[0] if target.split() else "", here)
        if script and name and re.fullmatch(r"[\w.-]+", name):
            commands[name] = script
    return commands


def _task_runner_commands(file: CallerFile, data: dict[str, object], index: ScriptIndex,
                          collector: Collector, here: str) -> None:
    """Tasks of the pyproject task runners (``[tool.poe.tasks]``, ``[tool.pdm.scripts]``,
    ``[tool.taskipy.tasks]``, ``[tool.hatch.envs.NAME.scripts]``): a task's command (a string,
    or its ``cmd``/``shell`` value, or each step of a ``sequence`` or of a hatch list) is
    run from the project's folder. No caller kind names a task runner of pyproject.toml: these
    are kind ``script``."""
    tool = data.get("tool")
    if not isinstance(tool, dict):
        return
    tables = [tool.get("poe", {}).get("tasks") if isinstance(tool.get("poe"), dict) else None,
              tool.get("pdm", {}).get("scripts") if isinstance(tool.get("pdm"), dict) else None,
              tool.get("taskipy", {}).get("tasks") if isinstance(tool.get("taskipy"), dict) else None]
    hatch = tool.get("hatch")
    envs = hatch.get("envs") if isinstance(hatch, dict) else None
    if isinstance(envs, dict):  # [tool.hatch.envs.NAME.scripts]: `hatch run NAME:task`
        tables += [env.get("scripts") for env in envs.values() if isinstance(env, dict)]
    commands: list[str] = [*_cibuildwheel_commands(tool.get("cibuildwheel"))]
    # any other tool's hook that is a command line running a file (``[tool.jupyter-releaser.hooks]
    # after-populate-release = "bash ./.github/scripts/bump_tag.sh"``)
    commands += [value for name, table in tool.items() if name not in _TOOL_TABLES_READ
                 for value in _command_strings(table)]
    for table in tables:
        if not isinstance(table, dict):
            continue
        for task in table.values():
            steps = task.get("sequence", [task]) if isinstance(task, dict) else (
                task if isinstance(task, list) else [task])  # hatch: a list of commands
            for step in steps if isinstance(steps, list) else []:
                if isinstance(step, dict):
                    step = step.get("cmd") or step.get("shell")
                if isinstance(step, str) and step.strip():
                    commands.append(step)
    for command in commands:
        first = command.strip().split("\n", 1)[0]
        # cibuildwheel's ``{project}``/``{package}``: the project's folder, here
        run = re.sub(r"\{(?:project|package)\}/*", "./", command)
        callers_in_chunk(file, run, _line_with(file, first), index, collector, "script",
                         Where(file.path, here))


_TOOL_TABLES_READ = frozenset({"poe", "pdm", "taskipy", "hatch", "cibuildwheel", "tox"})
_RUNS_A_FILE = re.compile(r"^(?:(?:bash|sh|zsh|python3?|uv run|poetry run)\s+[\w./-]+|\.\.?/[\w./-]+)\.(?:sh|py|bash)\b")
"""A command line running a file: through an interpreter, or by a ``./`` path (not a bare path,
which a linter's ``files = ["src/x.py"]`` lists)."""


def _command_strings(node: object, depth: int = 0) -> list[str]:
    """Strings of a ``[tool.X]`` table (its subtables and lists too) that run a file:
    ``bash ./scripts/x.sh``, ``python tools/y.py --z``, ``./release.sh``."""
    if depth > 4:
        return []
    if isinstance(node, str):
        return [node] if _RUNS_A_FILE.match(node.strip()) else []
    if isinstance(node, list):
        return [s for item in node for s in _command_strings(item, depth + 1)]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _command_strings(value, depth + 1)]
    return []


_CIBUILDWHEEL_COMMANDS = ("before-all", "before-build", "before-test", "test-command",
                          "repair-wheel-command")


def _cibuildwheel_commands(table: object) -> list[str]:
    """The commands of ``[tool.cibuildwheel]`` and its platform tables (``before-build = "bash
    {project}/tools/wheels/cibw_before_build.sh {project}"``, a string or a list)."""
    if not isinstance(table, dict):
        return []
    commands: list[str] = []
    for level in [table, *(value for value in table.values() if isinstance(value, dict))]:
        for key in _CIBUILDWHEEL_COMMANDS:
            value = level.get(key)
            for command in value if isinstance(value, list) else [value]:
                if isinstance(command, str) and command.strip():
                    commands.append(command)
    return commands


def _line_with(file: CallerFile, value: str) -> int:
    for number, line in enumerate(file.lines, 1):
        if value in line and not line.lstrip().startswith("#"):
            return number
    return 1


def _setup_py_targets(file: CallerFile) -> list[tuple[str, int, bool]]:
    try:
        tree = parse(file.text)  # (warnings about the file's own code silenced, as in a scan)
    except (SyntaxError, ValueError):
        return []
    targets: list[tuple[str, int, bool]] = []
    # ``CONSOLE_SCRIPTS = [...]`` then ``entry_points={"console_scripts": CONSOLE_SCRIPTS}``
    named = {statement.targets[0].id: statement.value for statement in tree.body
             if isinstance(statement, ast.Assign) and len(statement.targets) == 1
             and isinstance(statement.targets[0], ast.Name)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value in ("console_scripts", "gui_scripts"):
                    targets += [(s, line, False) for s, line in _strings(value, named)]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict":
            for keyword in node.keywords:  # entry_points=dict(console_scripts=[...])
                if keyword.arg in ("console_scripts", "gui_scripts"):
                    targets += [(s, line, False) for s, line in _strings(keyword.value, named)]
        elif isinstance(node, ast.keyword) and node.arg == "scripts":
            targets += [(s, line, True) for s, line in _strings(node.value, named)]
        elif isinstance(node, ast.keyword) and node.arg == "entry_points" and isinstance(
                node.value, ast.Constant) and isinstance(node.value.value, str):
            for offset, line in enumerate(node.value.value.split("\n")):
                if "=" in line and ":" in line:
                    targets.append((line, node.value.lineno + offset, False))
    return targets


def _strings(node: ast.expr, named: dict[str, ast.expr] | None = None) -> list[tuple[str, int]]:
    if isinstance(node, ast.Name) and named and node.id in named:
        return _strings(named[node.id])
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _strings(node.left, named) + _strings(node.right, named)
    if isinstance(node, ast.List | ast.Tuple):
        return [(elt.value, elt.lineno) for elt in node.elts
                if isinstance(elt, ast.Constant) and isinstance(elt.value, str)]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [(node.value, node.lineno)]
    return []


_SCRIPT_GROUPS = frozenset({"console_scripts", "gui_scripts"})
_COMMAND_GROUP = re.compile(r"(?:^|[._-])(?:cm|cmds?|commands?|subcommands?|cli)$")
"""Entry-point groups whose entries are a command line's subcommands (cliff's
``tempest.cm``, ``openstack.cli``-style ``*.commands``, ``flask.commands``): the module an
entry names runs when its subcommand is typed, as a console script's does."""


def cli_subcommands(file: CallerFile, index: ScriptIndex) -> list[tuple[str, str, str]]:
    """A CLI's subcommands registered as entry points (cliff's ``[project.entry-points."tempest.cm"]
    cleanup = "tempest.cmd.cleanup:TempestCleanup"``): (group, the subcommand's first word,
    the script its module is). ``workspace_remove`` is typed ``workspace remove``."""
    here = posixpath.dirname(file.path)
    entries: list[tuple[str, str, str]] = []  # group, entry name, target
    if posixpath.basename(file.path) == "pyproject.toml":
        try:
            data = tomllib.loads(file.text)
        except tomllib.TOMLDecodeError:
            return []
        groups = data.get("project", {}).get("entry-points", {})
        if isinstance(groups, dict):
            entries += [(str(group), str(name), target) for group, table in groups.items()
                        if _COMMAND_GROUP.search(str(group)) and isinstance(table, dict)
                        for name, target in table.items() if isinstance(target, str)]
    elif posixpath.basename(file.path) == "setup.cfg":
        entries += [(group, value.partition("=")[0].strip(), value.partition("=")[2].strip())
                    for value, group in _setup_cfg_group_entries(file)]
    found: list[tuple[str, str, str]] = []
    for group, name, target in entries:
        script = index.resolve_entry_point(target.split()[0] if target.split() else "", here)
        word = re.split(r"[_ ]", name.strip())[0]
        if script and word:
            found.append((group, word, script))
    return found


def _setup_cfg_values(file: CallerFile) -> Iterator[tuple[str, str, str, int]]:
    """(section, key, value, line) of each value of a setup.cfg, a continuation line being a
    value of the key above it; comments and empty values skipped."""
    section = key = ""
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
        if value:
            yield section, key, value, number


_ENTRY_POINT_SECTIONS = ("options.entry_points", "entry_points")


def _setup_cfg_group_entries(file: CallerFile) -> list[tuple[str, str]]:
    """``name = module:attr`` lines of setup.cfg's entry-point groups of subcommands."""
    return [(value, key) for section, key, value, _number in _setup_cfg_values(file)
            if section in _ENTRY_POINT_SECTIONS and _COMMAND_GROUP.search(key) and "=" in value]


def _setup_cfg_targets(file: CallerFile, *, groups: bool = True) -> list[tuple[str, int, bool]]:
    targets: list[tuple[str, int, bool]] = []
    for section, key, value, number in _setup_cfg_values(file):
        if section in _ENTRY_POINT_SECTIONS and (
                key in ("console_scripts", "gui_scripts") or (groups and _COMMAND_GROUP.search(key))):
            if "=" in value:
                targets.append((value, number, False))
        elif (section, key) in (("options", "scripts"), ("files", "scripts")):
            targets += [(path, number, True) for path in value.split()]
    return targets
