"""Callers in Go source: the commands a Kubernetes operator or a CLI written in Go hands to a
container or runs, read and never compiled.

A ``[]string{...}`` list of string literals on one line is an exec-form command, word by word
(``cmd := []string{"bash", "/opt/percona/backup/backup.sh"}``, ``Command: []string{"/pxc-init-
entrypoint.sh"}``). Another string literal holding an absolute path that names a script (a
probe's ``"/var/lib/mysql/liveness-check.sh"``) runs it, as in a Python literal: relative paths
and bare names elsewhere in Go code stay data (messages, file names). Kind ``script``.
"""

from __future__ import annotations

import re

from opsctl.adopt.caller_refs import (
    CallerFile,
    Collector,
    ScriptIndex,
    Where,
    callers_in_word_list,
    command_refs,
    normalise,
)
from opsctl.adopt.callers_build import absolute_names, is_absolute_ref

_STRING_LIST = re.compile(r"\[\]string\s*\{([^{}]*)\}")
_GO_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"|`([^`]*)`')


def callers_in_go(file: CallerFile, index: ScriptIndex, collector: Collector,
                  plan: list[tuple[str, str]]) -> None:
    where = Where(file.path, None)
    for number, line in enumerate(file.lines, 1):
        if ('"' not in line and "`" not in line) or line.lstrip().startswith("//"):
            continue
        lists: list[tuple[int, int]] = []
        for match in _STRING_LIST.finditer(line):
            lists.append(match.span())
            elements = [element.strip() for element in match.group(1).split(",") if element.strip()]
            if elements and all(_GO_STRING.fullmatch(element) for element in elements):
                words = [_literal(_GO_STRING.fullmatch(element)) for element in elements]
                callers_in_word_list(file, [(word, number) for word in words], index, collector,
                                     "script", where)
        for match in _GO_STRING.finditer(line):
            if any(start <= match.start() < end for start, end in lists):
                continue
            text = _literal(match)
            if "/" not in text or not any(name in index.by_basename for name in absolute_names(text)):
                continue
            refs, _ = command_refs(normalise(text), index, where)
            for ref in refs:
                if is_absolute_ref(text, ref.pos):
                    collector.add(ref.script, file.path, number, "script", file.text_of(number))


def _literal(match: re.Match[str] | None) -> str:
    if match is None:
        return ""
    return match.group(1) if match.group(1) is not None else match.group(2)
