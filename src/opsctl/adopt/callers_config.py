"""Callers in configuration management and service configuration: Puppet manifests (``.pp``)
and the configuration files and templates that name a command for a daemon (NRPE, Nagios and
Icinga command definitions, upstart jobs), read and never run.

Puppet: the value of a ``command =>`` attribute (``exec``, ``cron``, ``cron::crondotdee`` and the
like) is a shell command, and so is a ``shellquote([...])`` array, word by word; both are kind
``cron`` inside a cron resource (a ``cron`` within a few lines before), else ``script``. What a
``file`` resource installs (``source => 'puppet:///modules/m/x.sh'``) is not a call. The script
is named by the path Puppet installs it at (``/usr/local/bin/x.sh`` for
``modules/m/files/usr/local/bin/x.sh``), which the index resolves by its trailing path or name.

Daemon configuration (``*.cfg``, ``*.conf.erb``, ``*.cfg.erb``): NRPE's ``command[name]=CMD``,
Nagios/Icinga's ``command_line CMD`` and upstart's ``exec CMD``, kind ``script``.
"""

from __future__ import annotations

import posixpath
import re

from opsctl.adopt.caller_refs import (
    CallerFile,
    Collector,
    ScriptIndex,
    Where,
    callers_in_chunk,
    callers_in_word_list,
)
from opsctl.adopt.model import CallerKind

_COMMAND_ATTRIBUTE = re.compile(r"^\s*command\s*=>\s*(.+?)\s*,?\s*$")
_SHELLQUOTE_OPEN = re.compile(r"\bshellquote\(\s*\[")
_STRING = re.compile(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"")
_CRON_RESOURCE = re.compile(r"^\s*(?:cron|cron::[\w:]+)\s*\{")
_CRON_LOOKBACK = 12
_DAEMON_COMMAND = re.compile(r"^\s*(?:command\[[^\]]+\]\s*=|command_line\s|exec\s)\s*(.+)$")


def _strings(text: str) -> list[str]:
    return [m.group(1) if m.group(1) is not None else m.group(2) for m in _STRING.finditer(text)]


def _kind_at(file: CallerFile, number: int) -> CallerKind:
    for back in range(number, max(0, number - _CRON_LOOKBACK), -1):
        if _CRON_RESOURCE.match(file.text_of(back)):
            return "cron"
    return "script"


def callers_in_puppet(file: CallerFile, index: ScriptIndex, collector: Collector,
                      plan: list[tuple[str, str]]) -> None:
    """``command => '...'`` values and ``shellquote([...])`` arrays of a Puppet manifest."""
    where = Where(file.path, None)
    words: list[tuple[str, int]] = []
    in_array = False
    for number, line in enumerate(file.lines, 1):
        if line.lstrip().startswith("#"):
            continue
        opened = _SHELLQUOTE_OPEN.search(line)
        if opened or in_array:
            start = opened.end() if opened else 0
            end = line.find("]", start)
            words.extend((word, number) for word in _strings(line[start:end if end >= 0 else None]))
            in_array = end < 0
            if not in_array:
                callers_in_word_list(file, words, index, collector, _kind_at(file, number), where)
                words = []
            continue
        match = _COMMAND_ATTRIBUTE.match(line)
        if match:
            values = _strings(match.group(1))
            if values:
                callers_in_chunk(file, " ".join(values), number, index, collector,
                                 _kind_at(file, number), where)


def callers_in_daemon_config(file: CallerFile, index: ScriptIndex, collector: Collector,
                             plan: list[tuple[str, str]]) -> None:
    """NRPE ``command[x]=``, Nagios/Icinga ``command_line`` and upstart ``exec`` lines."""
    where = Where(file.path, None)
    for number, line in enumerate(file.lines, 1):
        if line.lstrip().startswith("#"):
            continue
        match = _DAEMON_COMMAND.match(line)
        if match:
            # a template's tags (<%= @title %>) and NRPE's macros ($ARG1$) are words, not paths
            command = re.sub(r"<%.*?%>", "X", match.group(1)).replace("$ARG", "ARG")
            callers_in_chunk(file, command, number, index, collector, "script", where)


def callers_in_s6_rc(file: CallerFile, index: ScriptIndex, collector: Collector,
                     plan: list[tuple[str, str]]) -> None:
    """An s6-rc oneshot's ``up``/``down`` file (``s6-rc.d/10-config/up``: the command the
    container's init runs at start, ``/etc/s6-overlay/scripts/config``): its command lines."""
    callers_in_chunk(file, file.text, 1, index, collector, "script", Where(file.path, None))


_VAGRANT_PATH = re.compile(r"""provision\b.*?(?:\bpath:|:path\s*=>)\s*(["'])(?P<path>[^"'\n]+)\1""")
_VAGRANT_INLINE = re.compile(r"""provision\b.*?(?:\binline:|:inline\s*=>)\s*(["'])(?P<command>[^"'\n]+)\1""")


def callers_in_vagrantfile(file: CallerFile, index: ScriptIndex, collector: Collector,
                           plan: list[tuple[str, str]]) -> None:
    """A Vagrantfile's shell provisioners: ``config.vm.provision "shell", path:
    "vagrant/provision.sh"`` (or ``:path => ...``; relative to the Vagrantfile) and one-line
    ``inline: "..."`` commands."""
    here = posixpath.dirname(file.path)
    for number, line in enumerate(file.lines, 1):
        if line.lstrip().startswith("#"):
            continue
        if (match := _VAGRANT_PATH.search(line)) is not None:
            script = index.resolve_path(match.group("path"), [here], {})
            if script and script != file.path:
                collector.add(script, file.path, number, "script", line)
        if (match := _VAGRANT_INLINE.search(line)) is not None:
            callers_in_chunk(file, match.group("command"), number, index, collector, "script",
                             Where(file.path, None))
