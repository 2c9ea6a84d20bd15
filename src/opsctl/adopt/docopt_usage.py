"""A docopt interface: the flags a usage text declares (Python's ``docopt(__doc__)``, the shell's
``docopts -h "$help" : "$@"``), read from the text as docopt reads it, without importing docopt
(it may not be installed where the scan runs, and the text is all it reads).

* the usage section, from ``Usage:`` to the first blank line: each pattern after the program's
  name; ``<name>`` and ``NAME`` are positionals (``[...]`` optional, ``...`` repeated), other
  bare words are commands (subcommands), ``-x`` / ``--name[=<value>]`` are options;
* every line of the text that starts with a dash (``Options:`` sections, or option lines right
  under the usage, as many scripts write them): ``-n, --dry-run  Help text [default: x]``; the
  long spelling names the option, a value after it (``--config=FILE``, ``-o FILE``) makes it
  take one.
"""

from __future__ import annotations

import re

from opsctl.adopt.model import Flag

_USAGE_RE = re.compile(r"(?im)^[^\n]*?usage:")
_OPTION_LINE_RE = re.compile(r"^[ \t]*(-{1,2}[A-Za-z0-9?][^\n]*)$", re.M)
_DEFAULT_RE = re.compile(r"\s*\[default:\s*([^\]]*)\]", re.I)
_TOKEN_RE = re.compile(r"<[^>\s]+>(?:\.\.\.)?|\[|\]|\(|\)|\||\.\.\.|[^\s\[\]()|]+")
_POSITIONAL_RE = re.compile(r"^(?:<([^>\s]+)>|([A-Z][A-Z0-9_-]*))$")
_LONG_RE = re.compile(r"^--[A-Za-z0-9][\w-]*$")
_SHORT_RE = re.compile(r"^-[A-Za-z0-9?]$")


def usage_flags(doc: str, line: int | None = None) -> tuple[list[Flag], list[str], list[str]]:
    """The options and positionals ``doc`` declares, its commands, and what a wrapper could not
    describe (all empty when it has no usage section: not a docopt text). ``line``: where the
    text is, for each flag."""
    match = _USAGE_RE.search(doc)
    if match is None:
        return [], [], []
    end = doc.find("\n\n", match.end())
    if end < 0:
        end = len(doc)
    usage = doc[match.end():end]
    flags: dict[str, Flag] = {}
    spellings: dict[str, str] = {}  # every spelling -> the flag's name
    for text in _OPTION_LINE_RE.findall(doc[:match.start()] + "\n" + doc[end:]):
        _option_line(text, flags, spellings, line)
    positionals, commands, warnings = _patterns(usage, flags, spellings, line)
    return [*positionals, *flags.values()], commands, warnings


def _option_line(text: str, flags: dict[str, Flag], spellings: dict[str, str],
                 line: int | None) -> None:
    """``-n, --dry-run  Output ...`` (names, then two spaces, then the help)."""
    parts = re.split(r"\s{2,}|\t", text.strip(), maxsplit=1)
    names_part, description = parts[0], parts[1] if len(parts) > 1 else ""
    names: list[str] = []
    takes_value = False
    for token in names_part.replace(",", " ").replace("=", " ").split():
        if token.startswith("-") and (_LONG_RE.match(token) or _SHORT_RE.match(token)):
            names.append(token)
        elif names:
            takes_value = True
    if not names:
        return
    name = next((n for n in names if n.startswith("--")), names[0])
    if name in spellings:
        return
    default = _DEFAULT_RE.search(description)
    help_text = " ".join(_DEFAULT_RE.sub("", description).split()) or None
    flags[name] = Flag(name, "string" if takes_value else "boolean",
                       default=default.group(1).strip() if default and takes_value else (
                           False if not takes_value else None),
                       help=help_text, aliases=[n for n in names if n != name], line=line)
    for spelling in names:
        spellings[spelling] = name


def _patterns(usage: str, flags: dict[str, Flag], spellings: dict[str, str],
              line: int | None) -> tuple[list[Flag], list[str], list[str]]:
    """The positionals, commands and warnings of the usage patterns; options only they name
    are added. A positional is required when every pattern has it outside ``[...]``; commands
    are subcommands when each pattern starts with at most one (``prog (start|stop) [--force]``),
    and a warning otherwise (``prog ship <name> move <x>``: the order of commands and
    arguments is the pattern's own, which no field describes)."""
    tokens = _TOKEN_RE.findall(usage)
    if not tokens:
        return [], [], []
    program = tokens[0]
    # (token, bracket depth, repeated, an alternative to the word before it: ``(set|remove)``)
    patterns: list[list[tuple[str, int, bool, bool]]] = []
    depth = 0
    for index, token in enumerate(tokens):
        if token == program:  # each pattern starts with the program's name
            patterns.append([])
            depth = 0
            continue
        if token in ("[", "("):
            depth += token == "["
            continue
        if token in ("]", ")"):
            depth -= token == "]" and depth > 0
            continue
        if token in ("|", "...", "options", "[options]", "--") or not patterns:
            continue
        repeated = token.endswith("...") or (index + 1 < len(tokens) and tokens[index + 1] == "...")
        patterns[-1].append((token.removesuffix("..."), depth, repeated,
                             index > 0 and tokens[index - 1] == "|"))
    positionals: dict[str, Flag] = {}
    commands: list[str] = []
    nested = False
    needed: list[set[str]] = []  # per pattern, the positionals it has outside ``[...]``
    for pattern in patterns:
        leading = True  # before the pattern's first positional or option
        mine = 0
        needed.append(set())
        for token, depth, repeated, alternative in pattern:
            if token.startswith("-"):
                name, _, value = token.partition("=")
                if (_LONG_RE.match(name) or _SHORT_RE.match(name)) and name not in spellings:
                    flags[name] = Flag(name, "string" if value else "boolean",
                                       default=None if value else False, line=line)
                    spellings[name] = name
                leading = False
                continue
            named = _POSITIONAL_RE.match(token)
            if named:
                key = named.group(1) or named.group(2)
                positionals.setdefault(key, Flag(key, "list" if repeated else "string",
                                                 positional=True, line=line))
                if not depth:
                    needed[-1].add(key)
                leading = False
                continue
            if re.fullmatch(r"[a-z][\w-]*", token):
                mine += not alternative
                nested = nested or not leading or mine > 1
                if token not in commands:
                    commands.append(token)
    # a pattern of options alone (``prog (-h | --help)``, ``prog --version``) asks for nothing
    asking = [keys for keys, pattern in zip(needed, patterns, strict=True)
              if any(not token.startswith("-") for token, *_rest in pattern)]
    for key, flag in positionals.items():
        flag.required = all(key in keys for keys in asking)
    warnings = [f"docopt usage with commands nested or between arguments ({', '.join(commands)}): "
                "the order of a pattern's words is not described by flags"] if nested else []
    return list(positionals.values()), commands, warnings
