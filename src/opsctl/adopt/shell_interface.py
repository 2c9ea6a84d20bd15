"""The interface of a POSIX shell script: its options and arguments, read from ``getopts``
loops (short and ``-:`` long options), ``case "$1" in --name)`` loops, and the positional
parameters its top level (or a function called with ``"$@"``) reads, with help taken from
the arm's comment or the script's usage text and defaults from the variable's value before
the loop. :class:`ShellInterface` is the part of the shell scan (:mod:`shell_scan`) that
fills ``script.interface``.
"""

from __future__ import annotations

import re

from opsctl.adopt import commands as _commands
from opsctl.adopt.docopt_usage import usage_flags
from opsctl.adopt.model import Flag, Script
from opsctl.adopt.shell_lexer import Case, CaseArm, Command, Expansion, Parsed, command_program
from opsctl.adopt.shell_sources import Sourced

looks_like_credential = _commands.looks_like_credential
SUBJECT_VAR = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*|1)\}?")
CASE_SUBJECT = re.compile(r"\$\{?!?([A-Za-z_][A-Za-z0-9_]*|1)(?::?-[^}]*)?\}?")
"""A ``case`` subject: ``$1``, ``${opt}``, ``${1:-}`` (an unset argument read as empty), and
``${!i}`` (the argument at index ``i``, in ``for ((i = 1; i <= $#; i++))``)."""
REQUIRED_OPS = frozenset({":?", "?"})
_ARG_COUNT_CHECK = re.compile(r"\$\{?#\}?\"?\s*-(lt|ne|le|eq)\s*\"?(\d+)")
_CHOICE = re.compile(r"[A-Za-z0-9][\w.:-]*")
_ALL_ARGUMENTS = ("$@", "${@}", "$*", "${*}")
_BARE_FOR = re.compile(r"^\s*for\s+[A-Za-z_]\w*\s*(?:;|\s+do\b|$)")
"""``for version; do``: a loop over the script's arguments (``in "$@"`` left out)."""
_NOT_PASSING_ON = frozenset({"echo", "printf", "getopt", "log", "info", "warn", "error", "die", "fail", "[", "[[", "test",
                             "local", "declare", "readonly", "export", "shift", "return", "usage"})
OPTION_PATTERN = re.compile(r"(--?[A-Za-z0-9][\w-]*)(=\*?)?")
_ECHO_PREFIX = re.compile(r"^\s*(?:echo|printf)\s+(?:-[en]+\s+)?")
_USAGE_FUNCTION = re.compile(r"(?i)usage|help")
_LONG_VALUE_READ = re.compile(r"\$\{OPTARG#|\$\{!OPTIND\}|OPTIND\s*(?:\+\+|\+=|\+\s*1\b)")
_WALKS_ARGUMENTS = re.compile(r"\bfor\s+([A-Za-z_]\w*)(?:\s+in\s+\"?\$(?:@|\{@\})\"?)?\s*(?:;|\n|\s+do\b)")
"""``for arg in "$@"; do``: a loop over the script's arguments (its variable is group 1)."""
_HOLDS_FIRST_ARGUMENT = re.compile(r"^[ \t]*(?:(?:local|readonly|declare)[ \t]+)?([A-Za-z_]\w*)="
                                   r"\"?\$(?:1|\{1(?:[?:=-][^}\n]*)?\})\"?[ \t]*$", re.M)
"""``mode="${1?usage}"`` at the start of a line: a variable holding the first argument."""
_SHFLAGS_TYPES = {"DEFINE_string": "string", "DEFINE_boolean": "boolean", "DEFINE_bool": "boolean",
                  "DEFINE_integer": "integer", "DEFINE_float": "number"}
"""shflags' declarations: ``DEFINE_string name default "help" [short]``; ``FLAGS "$@"`` parses."""
_FLAGS_VARIABLE_MADE = re.compile(r"\bFLAGS_\$\{?\w")
"""``eval export FLAGS_${name//-/_}=...``: a flags library making ``FLAGS_<name>`` from ``--name``."""
_FLAGS_VARIABLE_READ = re.compile(r"(?<![\w])FLAGS_([A-Za-z0-9]\w*)\b(?!\w*=[^=])")


def variable_of(word: str) -> str | None:
    """``NAME`` for a word that is exactly ``$NAME`` or ``${NAME}`` (or ``$1``)."""
    match = SUBJECT_VAR.fullmatch(word)
    return match.group(1) if match else None


def literal(value: str) -> bool:
    return "$" not in value and "`" not in value


def _usage_lines(parsed: Parsed, text: str) -> list[str]:
    lines = text.splitlines()
    found: list[str] = []
    for name, (start, end) in parsed.functions.items():
        if _USAGE_FUNCTION.search(name):
            found.extend(lines[start - 1:end])
    for line in lines[:80]:
        if line.lstrip().startswith("#"):
            found.append(line.lstrip().lstrip("#"))
        elif line.strip():
            break
    return found


def _usage_help(usage: list[str], names: list[str]) -> str | None:
    for name in names:
        token = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")
        for line in usage:
            if not token.search(line):
                continue
            parts = re.split(r"\s{2,}|\t+", _ECHO_PREFIX.sub("", line).strip().strip("\"'").strip())
            if len(parts) >= 2 and token.search(parts[0]):
                return " ".join(parts[1:]).strip("\"' ") or None
            tail = re.search(re.escape(name) + r"(?:[ =]<?[A-Za-z_]+>?)?\s*[:)-]\s+(.+)", line)
            if tail:
                return tail.group(1).strip("\"' ") or None
    return None


def set_default(flag: Flag, value: str | None) -> None:
    """The option's default: the literal its variable holds before the option loop (``KEEP=14``);
    a whole number makes it an integer option."""
    if value is None:
        return
    value = value.strip("\"'")
    if re.fullmatch(r"-?\d{1,18}", value):
        flag.type, flag.default = "integer", int(value)
    else:
        flag.default = value


_USAGE_LINE = re.compile(r"(?im)usage:\s*(?:\$\([^)\n]*\)|\S+)((?:[ \t]+(?:\[?<[\w.-]+>(?:\.\.\.)?\]?(?:\.\.\.)?))+)[ \t]*[\"']?[ \t]*$")
_PLACEHOLDER = re.compile(r"(\[)?<([\w.-]+)>(\.\.\.)?\]?(\.\.\.)?")


def _usage_placeholders(text: str) -> list[tuple[str, bool, bool]]:
    """The positional arguments a usage line names, each (name, optional, repeated), a name
    given again (``<repo> [<repo>...]``) once, repeated: only from a line whose words after the
    program are all ``<placeholders>``."""
    line = _USAGE_LINE.search(text)
    if line is None:
        return []
    found: dict[str, tuple[str, bool, bool]] = {}
    for match in _PLACEHOLDER.finditer(line.group(1)):
        name = match.group(2)
        many = bool(match.group(3) or match.group(4))
        if name in found:
            first = found[name]
            found[name] = (name, first[1], True)
        else:
            found[name] = (name, bool(match.group(1)), many)
    return list(found.values())


def _passed_on_to(words: list[str]) -> str:
    if words[0] == "set":  # ``set -- /usr/bin/restic "$@"``: the command the rest runs
        words = [w for w in words[1:] if w != "--"]
    else:
        program, index = command_program(words)
        words = words[index:] if program is not None else words
    program = words[0].rsplit("/", 1)[-1] if words else ""
    if not program or program.startswith("$") or program in ("exec", "eval"):
        return "*"
    return program


_HELP_COMMENT_FLAG = re.compile(r"^\s*#F\s+(?:(?P<short>-\w)\|)?(?P<long>--[\w-]+)(?:\s+(?P<value>[^,\s][^,]*?))?\s*,(?P<help>.*)$")
_COMPARED = re.compile(r"\$\{?(\w+)\}?[\"']?\s*(?:==?|!=)\s*[\"']?(--?[A-Za-z][\w-]*)[\"']?(?=[\s\];])")
"""``"$arg" == "--verbose"``: a variable compared with a switch (one pattern for every script:
a pattern of each script's own variable names was compiled once a script)."""


class ShellInterface:
    """Options and arguments of the scanned script; the attributes are the scan's own."""

    script: Script
    text: str
    lines: list[str]
    parsed: Parsed
    sourced: list[Sourced]
    arm_commands: dict[int, list[Command]]
    arm_expansions: dict[int, list[Expansion]]
    assignments: dict[str, list[tuple[int, str, str | None, int]]]

    def interface(self) -> None:
        if self.docopts_interface():
            return
        usage = _usage_lines(self.parsed, self.text)
        flags: list[Flag] = []
        kind = "none"
        getopts = [c for c in self.parsed.commands if c.words[:1] == ["getopts"] and len(c.words) >= 3]
        option_cases: list[Case] = []
        specs: set[tuple[str, str]] = set()
        spec_of = {id(c): self.literal_value(c.words[1]) for c in getopts}
        for command in getopts:
            kind = "getopts"
            spec = spec_of[id(command)]
            if spec is not None and (spec, command.words[2]) not in specs:
                specs.add((spec, command.words[2]))
                names = {flag.name for flag in flags}
                flags.extend(f for f in self.getopts_flags(command, usage, spec) if f.name not in names)
        if getopts:
            variables = {c.words[2] for c in getopts}
            if any("-" in (spec_of[id(c)] or "") for c in getopts):
                variables.add("OPTARG")
            option_cases = [case for case in self.parsed.cases
                            if variable_of(case.subject) in variables]
            # long options taken out of the arguments before getopts reads the short ones:
            # ``for arg; do case $arg in --no-loki) ...; *) set -- "$@" "$arg";; esac; done``
            walkers = {match.group(1) for match in _WALKS_ARGUMENTS.finditer(self.text)} - variables
            known = {flag.name: flag for flag in flags}
            for case in self.parsed.cases:
                if variable_of(case.subject) in walkers and any(
                        OPTION_PATTERN.fullmatch(p) for arm in case.arms for p in arm.patterns):
                    option_cases.append(case)
                    flags.extend(f for f in self.case_flags(case, usage, known) if not f.positional)
        else:
            by_name: dict[str, Flag] = {}
            for case in self.parsed.cases:
                if CASE_SUBJECT.fullmatch(case.subject) and any(
                        OPTION_PATTERN.fullmatch(p) for arm in case.arms for p in arm.patterns):
                    option_cases.append(case)
                    flags.extend(self.case_flags(case, usage, by_name))
            if flags:
                kind = "case"
        compared: list[Flag] = []
        for reader in (self.sourced_case_flags, self.compared_flags, self.flags_library_flags,
                       self.help_comment_flags):
            found = reader({flag.name for flag in flags})
            if found:
                flags.extend(found)
                kind = "case" if kind == "none" else kind
                compared = found if reader == self.compared_flags else compared
        positionals = self.positional_flags(option_cases)
        if compared:  # the loop over the arguments that compares them is an option loop
            walking = {flag.line or 0 for flag in compared}
            loops = {number for number, line in enumerate(self.lines, start=1) if _WALKS_ARGUMENTS.search(line + "\n")}
            holders = {match.group(1) for match in _HOLDS_FIRST_ARGUMENT.finditer(self.text)}
            positionals = [flag for flag in positionals if not (
                flag.type == "list" and flag.line in loops and any(0 < line - (flag.line or 0) <= 20 for line in walking))
                and not (flag.name == "arg1" and flag.dest in holders)]  # (the switch it holds)
        if positionals:
            flags.extend(positionals)
            if kind == "none":
                kind = "argv"
        elif kind == "none" and any(e.name in ("@", "*", "#") and e.function is None
                                    for e in self.parsed.expansions):
            kind = "argv"
        self.script.interface.kind = kind  # type: ignore[assignment]
        self.script.interface.flags = flags

    def sourced_case_flags(self, seen: set[str]) -> list[Flag]:
        """``help_usage "$@"``, a function of a sourced file whose ``case "$arg" in -h|--help)``
        reads the script's arguments: the options of its arms."""
        called = self.argument_functions() - {None}
        if not called or not self.sourced:
            return []
        flags: list[Flag] = []
        for lib in self.sourced:
            function_of = {id(command.arm): command.function for command in lib.parsed.commands
                           if command.arm is not None}
            for case in lib.parsed.cases:
                function = next((function_of[id(arm)] for arm in case.arms if id(arm) in function_of), None)
                if function not in called or not CASE_SUBJECT.fullmatch(case.subject):
                    continue
                for arm in case.arms:
                    names = [p for p in arm.patterns if OPTION_PATTERN.fullmatch(p) and "=" not in p]
                    if not names:
                        continue
                    names.sort(key=lambda n: (not n.startswith("--"), -len(n)))
                    if any(name in seen for name in names):
                        continue
                    seen.update(names)
                    flags.append(Flag(name=names[0], type="boolean", aliases=names[1:]))
        return flags

    def compared_flags(self, seen: set[str]) -> list[Flag]:
        """``for arg in "$@"; do if [[ "$arg" == "--verbose" ]]; ...``: the switches each
        argument is compared with (a ``case "$arg"`` over them is read as any option case)."""
        walkers = {match.group(1) for match in _WALKS_ARGUMENTS.finditer(self.text)}
        # ``BROWSER="${1?Please specify --chrome or --firefox}"``, then ``[[ "$BROWSER" ==
        # "--chrome" ]]``: the first argument is one of the switches it is compared with
        walkers |= {match.group(1) for match in _HOLDS_FIRST_ARGUMENT.finditer(self.text)}
        if not walkers:
            return []
        flags: list[Flag] = []
        for number, line in enumerate(self.lines, start=1):
            if "=" not in line or line.lstrip().startswith("#"):
                continue
            for match in _COMPARED.finditer(line):
                name = match.group(2)
                if match.group(1) in walkers and name not in seen:
                    seen.add(name)
                    flags.append(Flag(name=name, type="boolean", line=number))
        return flags

    def help_comment_flags(self, seen: set[str]) -> list[Flag]:
        """Options a command declares in the help comments its dispatcher prints (Dokku's
        plugins: ``#F -i|--image IMAGE, the image name to start the service with``, a switch
        without the metavar): parsed by a shared library, declared here."""
        if "#F " not in self.text:
            return []
        flags: list[Flag] = []
        for number, line in enumerate(self.lines, start=1):
            match = _HELP_COMMENT_FLAG.match(line)
            if match is None or match.group("long") in seen:
                continue
            seen.add(match.group("long"))
            flags.append(Flag(name=match.group("long"), type="string" if match.group("value") else "boolean",
                              line=number, help=match.group("help").strip() or None,
                              aliases=[match.group("short")] if match.group("short") else []))
        return flags

    def flags_library_flags(self, seen: set[str]) -> list[Flag]:
        """Options declared for a flags library: shflags' ``DEFINE_string name default help
        [short]`` calls, or, when the script or a file it sources makes ``FLAGS_<name>``
        variables from the arguments (``eval export FLAGS_${name}=...``), each ``FLAGS_<name>``
        the script's own code reads is ``--<name>`` (the convention of shflags and of libraries
        modelled on it)."""
        flags: list[Flag] = []
        for command in self.parsed.commands:
            kind = _SHFLAGS_TYPES.get(command.words[0]) if command.words else None
            if kind is None or len(command.words) < 2 or not literal(command.words[1]):
                continue
            words = [word.strip("'\"") for word in command.words]
            name = "--" + words[1]
            if name in seen:
                continue
            seen.add(name)
            flag = Flag(name=name, type=kind, line=command.line,
                        help=words[3] if len(words) > 3 and words[3] else None,
                        aliases=[f"-{words[4]}"] if len(words) > 4 and len(words[4]) == 1 else [])
            if len(words) > 2 and kind != "boolean":
                set_default(flag, words[2])
            flags.append(flag)
        if flags or not any(_FLAGS_VARIABLE_MADE.search(text)
                            for text in [self.text, *(lib.text for lib in self.sourced)]):
            return flags
        for number, line in enumerate(self.lines, start=1):
            if line.lstrip().startswith("#"):
                continue
            for match in _FLAGS_VARIABLE_READ.finditer(line):
                name = "--" + match.group(1)
                if name not in seen:
                    seen.add(name)
                    flags.append(Flag(name=name, type="string", line=number))
        return flags

    def docopts_interface(self) -> bool:
        """``docopts -h "$help" : "$@"`` (the shell port of docopt): the flags of the usage text
        it is given, a variable assigned a literal text, else the script's leading comment
        (what ``docopt_get_help_string "$0"`` reads)."""
        calls = [c for c in self.parsed.commands if c.words[:1] == ["docopts"]]
        if not calls:
            return False
        texts: list[str] = []
        words = calls[0].words
        if "-h" in words[:-1]:
            given = variable_of(words[words.index("-h") + 1])
            texts += [value for _line, value, *_rest in self.assignments.get(given or "", [])
                      if value and "usage:" in value.lower()]
        header = []
        for line in self.lines[1:80] if self.lines[:1] and self.lines[0].startswith("#!") \
                else self.lines[:80]:
            if not line.startswith("#"):
                break
            header.append(line[2:] if line.startswith("# ") else line[1:])
        texts.append("\n".join(header))
        for text in texts:
            flags, commands, warnings = usage_flags(text, calls[0].line)
            if flags or commands:
                self.script.interface.kind = "docopt"
                self.script.interface.flags = flags
                self.script.interface.subcommands = commands
                self.script.warnings += warnings
                return True
        return False

    def literal_value(self, word: str) -> str | None:
        """``word`` when literal, or the one literal value of the variable it names
        (``OPTSPEC=":-:"`` ... ``getopts "$OPTSPEC" optchar``); None when unknown."""
        if literal(word):
            return word
        match = re.fullmatch(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?", word)
        values = {value for _line, value, _function, _seq in self.assignments.get(match.group(1), [])} if match else set()
        value = values.pop() if len(values) == 1 else None
        return value if value is not None and literal(value) else None

    def getopts_flags(self, command: Command, usage: list[str], spec: str) -> list[Flag]:
        spec = spec.lstrip(":")
        variable = command.words[2]
        arms: dict[str, CaseArm] = {}
        for case in self.parsed.cases:
            match = CASE_SUBJECT.fullmatch(case.subject)
            if match and match.group(1) == variable:
                for arm in case.arms:
                    for pattern in arm.patterns:
                        arms.setdefault(pattern.lstrip("-"), arm)
        flags: list[Flag] = []
        for index, letter in enumerate(spec):
            if letter == ":" or not letter.isalnum():
                continue
            takes_value = spec[index + 1:index + 2] == ":"
            found = arms.get(letter)
            name = f"-{letter}"
            dest = self.arm_dest(found) if found else None
            help_text = (found.comment if found else None) or self.comment_above(found) or _usage_help(usage, [name])
            flag = Flag(name=name, type="string" if takes_value else "boolean", help=help_text,
                        dest=dest, line=found.line if found else command.line)
            if takes_value and dest and not looks_like_credential(dest):
                set_default(flag, self.initial_value(dest, command.line))
            flags.append(flag)
        if "-" in spec:
            flags.extend(self.getopts_long_flags(usage, {flag.name for flag in flags}))
        return flags

    def getopts_long_flags(self, usage: list[str], seen: set[str]) -> list[Flag]:
        """Long options read by ``getopts ":-:"`` (``-`` takes a value: the rest of ``--name``):
        the arms of ``case "${OPTARG}" in name) ...;; name=*) ...``; an option takes a value when
        its pattern has ``=`` or its arm reads ``${OPTARG#*=}``, ``"${!OPTIND}"`` or advances
        ``OPTIND``."""
        flags: list[Flag] = []
        by_name: dict[str, Flag] = {}
        for case in self.parsed.cases:
            if variable_of(case.subject) != "OPTARG":
                continue
            for arm in case.arms:
                patterns = [p for p in arm.patterns if re.fullmatch(r"[A-Za-z0-9][\w-]*(?:=\*?)?", p)]
                names = list(dict.fromkeys("--" + p.split("=", 1)[0] for p in patterns))
                body = "\n".join(self.lines[arm.line - 1:max(arm.end_line, arm.line)])
                reads_next = _LONG_VALUE_READ.search(body) is not None
                if names and names[0] in by_name and not all("=" in p for p in patterns):
                    by_name[names[0]].joined = False  # `name)` beside `name=*)`: both forms
                if not names or names[0] in seen:
                    continue
                takes_value = any("=" in p for p in patterns) or reads_next
                seen.update(names)
                flag = Flag(name=names[0], type="string" if takes_value else "boolean",
                            aliases=names[1:], dest=self.arm_dest(arm), line=arm.line,
                            help=arm.comment or self.comment_above(arm) or _usage_help(usage, names),
                            joined=takes_value and not reads_next and all("=" in p for p in patterns))
                by_name[names[0]] = flag
                flags.append(flag)
        return flags

    def comment_above(self, arm: CaseArm | None) -> str | None:
        if arm is None or arm.line < 2:
            return None
        above = self.lines[arm.line - 2].strip() if arm.line - 2 < len(self.lines) else ""
        if not above.startswith("#") or (arm.line == 2 and above.startswith("#!")):
            return None  # (the interpreter line is not a comment on the flag below it)
        return above.lstrip("#").strip() or None

    def arm_dest(self, arm: CaseArm) -> str | None:
        for command in self.arm_commands.get(id(arm), []):
            for name, _value, _raw in command.assignments:
                return name
        return None

    def case_flags(self, case: Case, usage: list[str], by_name: dict[str, Flag]) -> list[Flag]:
        subject = variable_of(case.subject)
        flags: list[Flag] = []
        for arm in case.arms:
            options = [m for m in (OPTION_PATTERN.fullmatch(p) for p in arm.patterns) if m]
            if arm.patterns == ["*"] and subject is not None:
                flags.extend(self.catch_all_positionals(arm, subject, by_name))
                continue
            if not options:
                continue
            names = list(dict.fromkeys(m.group(1) for m in options))
            takes_value = any(m.group(2) for m in options) or self.arm_takes_value(arm, subject)
            # `--namespace=*)` alone: the script reads the value only from the same word
            joined = takes_value and all(m.group(2) for m in options)
            existing = next((by_name[n] for n in names if n in by_name), None)
            if existing is not None:
                if takes_value:
                    existing.joined = joined and (existing.joined or existing.type != "string")
                    existing.type = "string"
                else:
                    existing.joined = False
                for name in names:
                    if name != existing.name and name not in existing.aliases:
                        existing.aliases.append(name)
                continue
            names.sort(key=lambda n: not n.startswith("--"))
            dest = self.arm_dest(arm)
            flag = Flag(name=names[0], type="string" if takes_value else "boolean",
                        aliases=names[1:], dest=dest, line=arm.line,
                        help=arm.comment or self.comment_above(arm) or _usage_help(usage, names),
                        joined=joined)
            if takes_value and dest and not looks_like_credential(dest):
                set_default(flag, self.initial_value(dest, case.line))
            flags.append(flag)
            for name in names:
                by_name[name] = flag
        return flags

    def catch_all_positionals(self, arm: CaseArm, subject: str, by_name: dict[str, Flag]) -> list[Flag]:
        """``*) target="$1" ;;`` in an option loop: a positional named after its variable; one
        each for ``*) if [ -z "$search" ]; then search=$1; elif ...; then replacement=$1; fi``,
        in that order. Each also answers to ``argN``, its place among the positionals."""
        reference = re.compile(r"\"?\$\{?" + re.escape(subject) + r"\}?\"?")
        found: list[Flag] = []
        for command in self.arm_commands.get(id(arm), []):
            for name, _value, raw in command.assignments:
                if reference.fullmatch(raw) and name not in by_name:
                    flag = Flag(name=name, positional=True, dest=name, line=arm.line,
                                aliases=[f"arg{len(found) + 1}"])
                    by_name[name] = flag
                    found.append(flag)
        return found

    def arm_takes_value(self, arm: CaseArm, subject: str | None) -> bool:
        for expansion in self.arm_expansions.get(id(arm), []):
            if expansion.name == "2" or (expansion.name == subject and expansion.op in ("#", "##")):
                return True
        for command in self.arm_commands.get(id(arm), []):
            if command.words[:2] == ["shift", "2"]:
                return True
            if any(re.search(r"\$\{?2\b", value) for _n, _v, value in command.assignments):
                return True
        return False

    def initial_value(self, name: str, before: int) -> str | None:
        for line, value, function, _seq in self.assignments.get(name, []):
            if line < before and function is None and literal(value):
                return value
        return None

    def argument_functions(self) -> set[str | None]:
        """The top level and the functions it calls with the script's arguments (``main "$@"``),
        its own or those of a file it sources (``ParseArgs "$@"``)."""
        called: set[str | None] = {None}
        functions = set(self.parsed.functions).union(*(lib.parsed.functions for lib in self.sourced))
        for command in self.parsed.commands:
            if command.function is None and len(command.words) >= 2 and command.words[0] in \
                    functions and any(w in ("$@", "$*", "${@}") for w in command.words[1:]):
                called.add(command.words[0])
        return called

    def passed_on(self, argument_functions: set[str | None], excluded: set[int]) -> Command | None:
        """The first command that hands the script's arguments on to another program
        (``exec "$@"`` in an entrypoint, ``docker build . "$@"``, ``set -- restic "$@"``): what
        the script accepts beyond the arguments it reads itself. Not a function of its own (its
        ``$1`` are read as the script's), nor ``echo``/``printf`` of them."""
        functions = set(self.parsed.functions).union(*(lib.parsed.functions for lib in self.sourced))
        # (a virtualenv's ``bin/activate`` defines only ``deactivate``: not a command that runs)
        sources = sum(1 for command in self.parsed.commands if command.words[:1] in (["."], ["source"])
                      and len(command.words) >= 2 and not command.words[1].strip("\"'").endswith("bin/activate"))
        if sources > len(self.sourced):  # a command may be a function of a file it could not read
            return None
        for command in self.parsed.commands:
            words = command.words
            if (command.function in argument_functions and command.line not in excluded
                    and len(words) >= 2 and words[0] not in functions
                    and words[0] not in _NOT_PASSING_ON
                    and any(w in _ALL_ARGUMENTS for w in words[1:])):
                return command
            if command.function in argument_functions and command.line not in excluded \
                    and words[:1] in (["$@"], ["${@}"]):
                return command  # ``"${@}"``: runs what it is given (a function of its own, by name)
        return None

    def walked_arguments(self, argument_functions: set[str | None], excluded: set[int]) -> int | None:
        """The line where the script takes its arguments as a list, without handing them to
        another program: a loop over them (``for i in "$@"``, or ``for version; do``, which
        walks them too) or a copy of them (``versions=( "$@" )``), at its top level or in a
        function called with them. Not ``main "$@"`` (the function reads them) nor a message."""
        run_at = {command.line for command in self.parsed.commands
                  if any(a in w for w in command.words for a in _ALL_ARGUMENTS)}
        functions = self.parsed.functions
        for expansion in self.parsed.expansions:
            # not as a command's words (``ParseArgs "$@"``: handed on, see :meth:`passed_on`, or
            # a function's or a message's): a ``for ... in "$@"`` head, an assignment
            if expansion.name in ("@", "*") and expansion.function in argument_functions \
                    and expansion.line not in excluded and expansion.line not in run_at:
                return expansion.line
        for number, line in enumerate(self.lines, 1):
            if number in excluded or not _BARE_FOR.match(line):
                continue
            inside = [name for name, (first, last) in functions.items() if first <= number <= last]
            if not inside or any(name in argument_functions for name in inside):
                return number
        return None

    def positional_flags(self, option_cases: list[Case]) -> list[Flag]:
        argument_functions = self.argument_functions()
        excluded: set[int] = set()
        for case in option_cases:
            excluded.update(range(case.line, (case.end_line or case.line) + 1))
            for line in range(max(1, case.line - 3), case.line):
                if re.match(r"\s*(?:while|until|for)\b", self.lines[line - 1] if line <= len(self.lines) else ""):
                    excluded.update(range(line, case.line))
        reads: dict[int, Flag] = {}
        own = len(self.parsed.expansions)
        # ``name=$1; shift; timeout=$1``: each ``shift`` of the script's top level moves what a
        # later ``$N`` reads by one (``shift 2``: two). Top level: not in a function, a case arm
        # or an option loop, and written at the start of its line (a ``shift`` in a loop or an
        # ``if`` is indented, and happens a number of times not known here)
        shifts = [(command.seq, int(command.words[1]) if len(command.words) > 1 else 1)
                  for command in self.parsed.commands
                  if command.words[:1] == ["shift"] and command.function is None and command.arm is None
                  and command.line not in excluded and command.line <= len(self.lines)
                  and self.lines[command.line - 1].startswith("shift")
                  and (len(command.words) == 1 or command.words[1].isdigit())]

        def shifted_by(seq: int, function: str | None, arm: object) -> int:
            if not shifts or function is not None or arm is not None:
                return 0
            return sum(count for at, count in shifts if at < seq)
        # a sourced file's functions called with "$@" read the script's arguments (not its top
        # level: its $1 is whatever the script's $1 is when sourced, rarely an argument read)
        borrowed = [expansion for lib in self.sourced for expansion in lib.parsed.expansions
                    if expansion.function is not None and expansion.function not in self.parsed.functions]
        for i, expansion in enumerate([*self.parsed.expansions, *borrowed]):
            if not expansion.name.isdigit() or expansion.name == "0" or \
                    expansion.function not in argument_functions:
                continue
            if i < own and expansion.line in excluded:
                continue
            number = int(expansion.name) + (shifted_by(expansion.seq, expansion.function, expansion.arm)
                                            if i < own else 0)
            flag = reads.get(number)
            if flag is None:
                flag = reads[number] = Flag(name=f"arg{number}", positional=True, line=expansion.line)
            if expansion.op in REQUIRED_OPS:
                flag.required = True
            elif expansion.op in (":-", "-") and literal(expansion.arg) and flag.default is None:
                flag.default = expansion.arg.strip("\"'")
        for command in self.parsed.commands:
            if command.function not in argument_functions or command.line in excluded:
                continue
            pairs = [(name, raw) for name, _value, raw in command.assignments]
            if command.words[:1] and command.words[0] in ("local", "declare", "readonly", "export"):
                pairs += [(w.partition("=")[0], w.partition("=")[2]) for w in command.words[1:] if "=" in w]
            for name, raw in pairs:
                match = re.fullmatch(r"\"?\$\{?([1-9])(?:[:}?\-=+][^\"]*)?\"?", raw)
                number = int(match.group(1)) + shifted_by(command.seq, command.function, command.arm) \
                    if match else 0
                if match and number in reads and reads[number].dest is None:
                    reads[number].dest = name
        for case in self.parsed.cases:
            subject = re.fullmatch(r"\$\{?([1-9])\}?", case.subject)
            if subject and int(subject.group(1)) in reads and case not in option_cases:
                choices = [p for arm in case.arms for p in arm.patterns if _CHOICE.fullmatch(p)]
                flag = reads[int(subject.group(1))]
                if choices and flag.choices is None:
                    flag.type, flag.choices = "choice", list(dict.fromkeys(choices))
        passed = self.passed_on(argument_functions, excluded)
        shifted = passed is not None and any(
            command.words[:1] == ["shift"] and command.seq < passed.seq
            and command.function in argument_functions for command in self.parsed.commands)
        # without a ``shift`` first, "$@" starts at the $1 it read itself: nothing more
        placeholders = _usage_placeholders(self.text) if passed is not None and not reads and not shifted else []
        if len(placeholders) > 1:
            # ``echo "Usage: $0 <series> <deliverable> <updatetype>"`` ... ``new-release $@``: the
            # arguments it hands on, one by one as its usage names them
            program = _passed_on_to(passed.words) if passed is not None else "*"
            for number, (name, optional, many) in enumerate(placeholders, start=1):
                reads[number] = Flag(name=f"arg{number}", type="list" if many else "string",
                                     dest=re.sub(r"\W", "_", name),
                                     positional=True, nargs="*" if many else None, required=not optional,
                                     help=f"<{name}> in its usage line, passed on to {program}",
                                     line=passed.line if passed is not None else None)
        elif passed is not None and (shifted or not reads):
            number = max(reads, default=0) + 1
            program = _passed_on_to(passed.words)
            reads[number] = Flag(name=f"arg{number}", type="list", positional=True, nargs="*",
                                 line=passed.line, passed_on=program,
                                 help="the command it runs, with its arguments" if program == "*"
                                 else f"the arguments it passes on to {program}")
        elif passed is None and not reads and (walked := self.walked_arguments(argument_functions, excluded)):
            # ``for version; do``, ``for i in "$@"``, ``versions=( "$@" )``: a list of arguments
            reads[1] = Flag(name="arg1", type="list", positional=True, nargs="*", line=walked,
                            help="the arguments it takes, one by one")
        count_check = _ARG_COUNT_CHECK.search(self.text)
        if count_check and reads:
            operator, number = count_check.group(1), int(count_check.group(2))
            needed = number + 1 if operator == "le" else (1 if operator == "eq" and number == 0 else number)
            for position, flag in reads.items():
                if position <= needed:
                    flag.required = True
        return [reads[n] for n in sorted(reads)]
