"""What the command rules share: the :class:`Verdict` a rule returns (destructive or mutating,
its effect kind, a cap on confidence), the readers of an argument list (short and long options,
the first positional, an option's value, a dry-run argument) and :func:`subcommand_rule`, the
rule of a tool decided by its verb.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from opsctl.adopt.model import Confidence, EffectKind


class Verdict(NamedTuple):
    destructive: bool
    kind: EffectKind = "command"
    confidence: Confidence | None = None
    """A cap on the confidence (the deciding word was not resolved)."""


DEST = Verdict(True)
MUT = Verdict(False)
Rule = Callable[[list[str]], "Verdict | None"]

_DESTRUCTIVE_HINT = re.compile(r"(?i)delete|destroy|remove|purge|drop|force|wipe|prune|nuke|clean")


HOLE = "<expr>"
"""A part of a command line a Python script computes in a way not read statically."""
SHELL_HOLE = "$__expr__"
"""``HOLE`` in a command string given to the shell tokeniser, where ``<`` and ``>`` redirect:
one word there, and read back as ``HOLE``."""


def is_unresolved(word: str) -> bool:
    return word.startswith(("$", "`", HOLE))


def unresolved_verdict(word: str, kind: EffectKind = "command") -> Verdict:
    return Verdict(_DESTRUCTIVE_HINT.search(word) is not None, kind,
                   "medium" if word.startswith(("$", "`")) and not word.startswith(SHELL_HOLE) else "low")


# -- argument helpers ------------------------------------------------------------------------------


def split_options(args: Sequence[str], takes_value: frozenset[str] = frozenset()) -> tuple[set[str], set[str], list[str]]:
    """(short flag letters, long option names, positionals). ``takes_value`` names options
    (``-n``, ``--namespace``) whose value is the next word; ``--`` ends the options."""
    shorts: set[str] = set()
    longs: set[str] = set()
    positionals: list[str] = []
    skip = False
    for index, word in enumerate(args):
        if skip:
            skip = False
            continue
        if word == "--":
            positionals.extend(args[index + 1:])
            break
        if word.startswith("--"):
            name = word.split("=", 1)[0]
            longs.add(name)
            skip = name in takes_value and "=" not in word
        elif word.startswith("-") and len(word) > 1 and not word[1].isdigit():
            shorts.update(word[1:])
            skip = word in takes_value
        else:
            positionals.append(word)
    return shorts, longs, positionals


def first_positional(args: Sequence[str], takes_value: frozenset[str] = frozenset()) -> tuple[str | None, list[str]]:
    """The first word that is not an option (the subcommand) and the words after it."""
    skip = False
    for index, word in enumerate(args):
        if skip:
            skip = False
            continue
        if word == "--":
            rest = list(args[index + 1:])
            return (rest[0], rest[1:]) if rest else (None, [])
        if word.startswith("-") and len(word) > 1:
            skip = word.split("=", 1)[0] in takes_value and "=" not in word
            continue
        return word, list(args[index + 1:])
    return None, []


def option_value(args: Sequence[str], names: frozenset[str], short_attached: str = "") -> str | None:
    """The value of the first option in ``names`` (``-c VALUE``, ``--command=VALUE``, and
    ``-cVALUE`` when ``short_attached`` is ``-c``)."""
    for index, word in enumerate(args):
        if word in names:
            return args[index + 1] if index + 1 < len(args) else None
        name, eq, value = word.partition("=")
        if eq and name in names and name.startswith("--"):
            return value
        if short_attached and word.startswith(short_attached) and len(word) > len(short_attached) \
                and not word.startswith("--"):
            return word[len(short_attached):]
    return None


_DRY_RUN_LONG = frozenset({"--dry-run", "--dryrun", "--dry_run", "--noop", "--simulate",
                           "--what-if", "--whatif", "--check", "--server-dry-run", "--just-print",
                           "--no-act", "--recon", "-whatif", "-dry-run", "-noop"})
_NOT_DRY = frozenset({"none", "false", "0", "no", "off"})


def is_dry_run(name: str, args: Sequence[str]) -> bool:
    for word in args:
        if word == "--":
            break
        key, eq, value = word.partition("=")
        if key.lower() in _DRY_RUN_LONG and not (eq and value.lower() in _NOT_DRY):
            return True
    if name in ("rsync", "make", "gmake", "apt-get", "apt", "aptitude", "ansible-playbook", "rclone",
                "restic", "borg"):
        shorts, _, _ = split_options(args)
        letter = {"rsync": "n", "make": "n", "gmake": "n", "ansible-playbook": "C", "rclone": "n",
                  "restic": "n", "borg": "n"}.get(name, "s")
        return letter in shorts
    return False


def subcommand_rule(destructive: frozenset[str], mutating: frozenset[str],
                    takes_value: frozenset[str] = frozenset()) -> Rule:
    def rule(args: list[str]) -> Verdict | None:
        verb, _ = first_positional(args, takes_value)
        if verb is None:
            return None
        if is_unresolved(verb):
            return unresolved_verdict(verb)
        if verb in destructive:
            return DEST
        return MUT if verb in mutating else None

    return rule


def frozen(words: str) -> frozenset[str]:
    return frozenset(words.split())
