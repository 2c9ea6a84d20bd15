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
Nagios/Icinga's ``command_line CMD`` and upstart's ``exec CMD``, kind ``script``; and
``slurm.conf`` (or a template of it): the programs Slurm runs (``Epilog=``, ``Prolog=``,
``MailProg=``, ``HealthCheckProgram=``, ``ResumeProgram=``...).
"""

from __future__ import annotations

import json
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

_COMMAND_ATTRIBUTE = re.compile(r"^\s*(?:(?:nrpe_|check_)?command|cmd|exec_start(?:_pre|_post)?)\s*=>\s*(.+?)\s*,?\s*$")
"""``command => '...'`` (``exec``, ``cron``), and ``exec_start => '...'`` of a defined type
that makes a systemd service or timer of it (as its ``ExecStart=``)."""
_SHELLQUOTE_OPEN = re.compile(r"\bshellquote\(\s*\[")
_ARGS_OPEN = re.compile(r"^\s*args\s*=>\s*\[")  # ``args => ['/usr/bin/handler.sh']`` (consul::watch)
_COMMAND_VALUE = re.compile(r"\bcommand\s*=>\s*([^,}\n]+)")  # (``exec { 'x': command => $cmd }`` too)
_VARIABLE_USE = re.compile(r"\$\{?(\w+)\}?")
_ASSIGNMENT = re.compile(r"^\s*\$(\w+)\s*=\s*(.+?)\s*$")
_HEREDOC_OPEN = re.compile(r"@\(\s*\"?(\w+)\"?\s*(?:[:/][^)]*)?\)")  # ``@("EOT")``, ``@("X"/L)``, ``@(END:sh)``
_LONE_STRING = re.compile(r"""^\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*,?\s*$""")
_STRING = re.compile(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"")
_CRON_RESOURCE = re.compile(r"^\s*(?:->\s*)?(?:cron|cron::[\w:]+|[\w:]*::cron_?job)\s*\{")  # (a site's own type too)
_CRON_LOOKBACK = 12
_DAEMON_COMMAND = re.compile(r"^\s*(?:command\[[^\]]+\]\s*=|command_line\s|exec\s"
                             # rsnapshot: ``cmd_preexec<TAB>/usr/bin/kinit``, ``backup_script<TAB>/x``;
                             # LightDM: ``session-cleanup-script=/etc/lightdm/session-cleanup``
                             r"|(?:cmd_(?:rsync|preexec|postexec|ssh)|backup_(?:script|exec))\t"
                             r"|(?:session|greeter|display)-(?:setup|cleanup)-script\s*="
                             # Slurm's hooks: ``Epilog=/etc/slurm/epilog``, ``MailProg=...``
                             r"|(?:(?:Task|Srun)?(?:Prolog|Epilog)(?:Slurmctld)?|MailProg|HealthCheckProgram"
                             r"|(?:Resume|ResumeFail|Suspend|Reboot)Program)\s*=)\s*(.+)$")


def _strings(text: str) -> list[str]:
    return [m.group(1) if m.group(1) is not None else m.group(2) for m in _STRING.finditer(text)]


_RESOURCE = re.compile(r"^\s*[a-z][\w:]*\s*\{")


def _kind_at(file: CallerFile, number: int) -> CallerKind:
    """``cron`` inside a cron resource: the nearest resource opened above the line is one."""
    for back in range(number, max(0, number - _CRON_LOOKBACK), -1):
        text = file.text_of(back)
        if _CRON_RESOURCE.match(text):
            return "cron"
        if _RESOURCE.match(text):  # another resource (``exec {``, ``mirrors::timer { 'x':``)
            break
    return "script"


_PUPPET_SERVICE = re.compile(r"""^\s*service\s*\{\s*['"]([\w.-]+)['"]\s*:""")


def callers_in_puppet(file: CallerFile, index: ScriptIndex, collector: Collector,
                      plan: list[tuple[str, str]]) -> None:
    """``command => '...'`` values and ``shellquote([...])`` or ``args => [...]`` arrays of a
    Puppet manifest; and the value of a variable a ``command`` attribute runs (``$cmd = '...'``,
    a heredoc ``@("EOT")``, the strings of a ``.map`` block), where it is written."""
    where = Where(file.path, None)
    if "service" in file.text:
        # ``service { 'pseudo-gtid': ensure => running }``: Puppet runs the init script of that name
        for number, line in enumerate(file.lines, 1):
            match = _PUPPET_SERVICE.match(line)
            scripts = [s for s in index.by_basename.get(match.group(1), ()) if "/init.d/" in f"/{s}"] if match else []
            if len(scripts) == 1:
                collector.add(scripts[0], file.path, number, "script", file.text_of(number))
    words: list[tuple[str, int]] = []
    in_array = False
    run_vars = {name for value in _COMMAND_VALUE.findall(file.text) for name in _VARIABLE_USE.findall(value)}
    heredoc: tuple[str, CallerKind] | None = None  # (its end tag, kind) inside a command's heredoc
    block: CallerKind | None = None  # inside the ``{ ... }`` of a command variable's ``.map``
    for number, line in enumerate(file.lines, 1):
        if heredoc is not None:
            if re.match(rf"^\s*\|?-?\s*{re.escape(heredoc[0])}\s*$", line):
                heredoc = None
            elif line.strip():
                callers_in_chunk(file, line.strip().removesuffix("\\"), number, index, collector,
                                 heredoc[1], where)
            continue
        if line.lstrip().startswith("#"):
            continue
        if block is not None:
            if line.strip() == "}":
                block = None
            elif (lone := _LONE_STRING.match(line)) and (text := lone.group(1) or lone.group(2)):
                callers_in_chunk(file, text, number, index, collector, block, where)
            continue
        assigned = _ASSIGNMENT.match(line) if run_vars else None
        if assigned and assigned.group(1) in run_vars and not _SHELLQUOTE_OPEN.search(line):
            assigned_value = assigned.group(2)
            if (tag := _HEREDOC_OPEN.search(assigned_value)) is not None:
                heredoc = (tag.group(1), _kind_at(file, number))
            elif assigned_value.rstrip().endswith("{"):  # ``range(...).map |$i| {``, a string a line
                block = _kind_at(file, number)
            else:
                for text in _strings(assigned_value):
                    callers_in_chunk(file, text, number, index, collector, _kind_at(file, number), where)
            continue
        opened = _SHELLQUOTE_OPEN.search(line) or _ARGS_OPEN.search(line)
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
        if match and (tag := _HEREDOC_OPEN.search(match.group(1))) is not None:
            heredoc = (tag.group(1), _kind_at(file, number))
            continue
        if match:
            values = _strings(match.group(1))
            if values:
                callers_in_chunk(file, " ".join(values), number, index, collector,
                                 _kind_at(file, number), where)


_SALT_RUNS = {"cron.present": "cron", "cmd.run": "script", "cmd.wait": "script", "cmd.script": "script"}


def callers_in_salt(file: CallerFile, index: ScriptIndex, collector: Collector,
                    plan: list[tuple[str, str]]) -> None:
    """A Salt state file (``.sls``): what a ``cron.present`` (kind ``cron``) or a ``cmd.run``/
    ``cmd.wait`` state runs, its ``- name:`` or else its ID (an installed path resolves to the
    file a ``file.managed`` state put there), and the ``- source: salt://...`` of a
    ``cmd.script``."""
    from opsctl.adopt.callers_deploy import salt_states

    where = Where(file.path, None)
    for state_id, line, function, arguments in salt_states(file.text):
        if function == "file.managed":
            _salt_cron_files(file, index, collector, state_id, line, arguments)
        kind = _SALT_RUNS.get(function)
        if kind is None:
            continue
        if function == "cmd.script":
            source = arguments.get("source", ("", 0))
            tail = source[0].removeprefix("salt://").lstrip("/") if source[0].startswith("salt://") else ""
            script = index.resolve_path(tail, [""], {}) if tail else None
            if script and script != file.path:
                collector.add(script, file.path, source[1], "script", file.text_of(source[1]))
            continue
        command, number = arguments.get("name", (state_id, line - 1))
        command = re.sub(r"\{[{%].*?[%}]\}", " ", command)  # Jinja tags: not words of the command
        if command.strip():
            callers_in_chunk(file, command, number, index, collector, kind, where)  # type: ignore[arg-type]


_CRON_FOLDER = re.compile(r"^/etc/cron\.(?:hourly|daily|weekly|monthly)/[^/]+$")


def _salt_cron_files(file: CallerFile, index: ScriptIndex, collector: Collector, state_id: str, line: int,
                     arguments: dict[str, tuple[str, int]]) -> None:
    """A ``file.managed`` state that cron reads: a table under ``/etc/cron.d/`` written from its
    ``contents: |`` (each entry's command, kind ``cron``), or a script installed into
    ``/etc/cron.daily/`` (and the other periodic folders), which cron runs: kind ``cron``, at
    the state."""
    from opsctl.adopt.callers_build import CRON_LINE_RE
    from opsctl.adopt.callers_deploy import by_trailing_path

    dest = arguments.get("name", (state_id, 0))[0]
    source = arguments.get("source", ("", 0))[0]
    if _CRON_FOLDER.match(dest) and source.startswith("salt://"):
        tail = source[len("salt://"):].lstrip("/")
        found = by_trailing_path(tail, sorted(index.scripts)) if "{" not in tail else []
        if len(found) == 1 and found[0] != file.path:
            collector.add(found[0], file.path, line, "cron", file.text_of(line))
        return
    contents = arguments.get("contents")
    if not (dest.startswith("/etc/cron.d/") or dest == "/etc/crontab") or contents is None or contents[0] not in ("|", "|-", ">"):
        return
    opened = file.lines[contents[1] - 1] if 0 < contents[1] <= len(file.lines) else ""
    depth = len(opened) - len(opened.lstrip())
    for number in range(contents[1] + 1, len(file.lines) + 1):
        text = file.lines[number - 1]
        if text.strip() and len(text) - len(text.lstrip()) <= depth:
            break  # (the block ends where its indentation does)
        if (entry := CRON_LINE_RE.match(text)) is not None:
            command = re.sub(r"\{[{%].*?[%}]\}", " ", entry.group("command"))  # Jinja: not words
            callers_in_chunk(file, command.replace("%", " "), number, index, collector, "cron",
                             Where(file.path, None))


_MONIT_PROGRAM = re.compile(r'^\s*(?:start|stop|restart)\s+program\s*=?\s*"([^"]+)"')
_BPM_PROGRAM = re.compile(r"^\s*(?:-\s+)?(?:executable|pre_start):\s*(['\"]?)(/[^'\"\s]+)\1\s*$")


def callers_in_daemon_config(file: CallerFile, index: ScriptIndex, collector: Collector,
                             plan: list[tuple[str, str]]) -> None:
    """NRPE ``command[x]=``, Nagios/Icinga ``command_line`` and upstart ``exec`` lines, configd's
    ``command:`` in an ``actions.d`` file; a
    monit file's ``start program "..."`` (and the command a wrapper there is handed in quotes:
    ``monit_debugger ctl '/var/vcap/jobs/x/bin/ctl start'``) and a BPM configuration's
    ``executable:`` and ``pre_start:`` hook."""
    where = Where(file.path, None)
    configd = "/actions.d/" in f"/{file.path}"
    for number, line in enumerate(file.lines, 1):
        if line.lstrip().startswith("#"):
            continue
        if (program := _MONIT_PROGRAM.match(line) or _BPM_PROGRAM.match(line)) is not None:
            command = program.group(program.lastindex or 1)
            callers_in_chunk(file, command, number, index, collector, "script", where)
            for inner in re.findall(r"'(/[^']+)'", command):
                callers_in_chunk(file, inner, number, index, collector, "script", where)
            continue
        match = _DAEMON_COMMAND.match(line) or (_CONFIGD_COMMAND.match(line) if configd else None)
        if match:
            # a template's tags (<%= @title %>) and NRPE's macros ($ARG1$) are words, not paths
            command = re.sub(r"<%.*?%>", "X", match.group(1)).replace("$ARG", "ARG")
            # (Nagios's ``$USER1$`` is, by convention, its plugins' folder)
            command = command.replace("$USER1$", "/usr/lib/nagios/plugins")
            callers_in_chunk(file, command, number, index, collector, "script", where)


_CONFIGD_COMMAND = re.compile(r"^command:\s*(\S.*)$")
"""An action of OPNsense's configd (``actions.d/actions_unbound.conf``: ``[stats]`` then
``command:/usr/local/opnsense/scripts/unbound/wrapper.py -s``), run when the web interface or
``configctl unbound stats`` asks for it."""


_SPEC_SECTION = re.compile(r"^%(prep|build|install|check|clean|pre|post|preun|postun|pretrans|posttrans"
                           r"|triggerin|triggerun|triggerpostun|files|changelog|description|package)\b")
_SPEC_SCRIPTLETS = frozenset({"prep", "build", "install", "check", "clean", "pre", "post", "preun", "postun",
                              "pretrans", "posttrans", "triggerin", "triggerun", "triggerpostun"})


def callers_in_rpm_spec(file: CallerFile, index: ScriptIndex, collector: Collector,
                        plan: list[tuple[str, str]]) -> None:
    """An RPM spec file: the shell lines of its build sections and install scriptlets
    (``%install``, ``%post``...: ``/usr/bin/google_instance_setup``), and a scriptlet's
    ``%include install_restart_sshd.sh``, whose text rpmbuild puts in its place (run, then)."""
    where = Where(file.path, None)
    inside = False
    for number, line in enumerate(file.lines, 1):
        stripped = line.strip()
        section = _SPEC_SECTION.match(stripped)
        if section:
            inside = section.group(1) in _SPEC_SCRIPTLETS
            continue
        if not inside or not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("%include "):
            included = stripped.split(None, 1)[1].strip()
            callers_in_chunk(file, f"sh {included}", number, index, collector, "script", where)
        elif not stripped.startswith("%"):
            callers_in_chunk(file, stripped, number, index, collector, "script", where)


def callers_in_s6_rc(file: CallerFile, index: ScriptIndex, collector: Collector,
                     plan: list[tuple[str, str]]) -> None:
    """An s6-rc oneshot's ``up``/``down`` file (``s6-rc.d/10-config/up``: the command the
    container's init runs at start, ``/etc/s6-overlay/scripts/config``), or a longrun's ``run``
    or ``finish`` written in execline: its command lines."""
    callers_in_chunk(file, file.text, 1, index, collector, "script", Where(file.path, None))


_VAGRANT_PATH = re.compile(r"""(?:provision\b.*?|^\s*)(?:\bpath:|:path\s*=>)\s*(["'])(?P<path>[^"'\n]+)\1""")
_VAGRANT_INLINE = re.compile(r"""(?:provision\b|\btrigger\.run(?:_remote)?\b|^\s*).*?(?:\binline:|:inline\s*=>)\s*(["'])(?P<command>[^"'\n]+)\1""")
"""(a provisioner's options on lines of their own; a trigger's ``run_remote = { inline: '...' }``)"""


_RUBY_JOIN = re.compile(r"""File\.join\(\s*((?:['"][^'"]+['"]\s*,?\s*)+)\)""")


def callers_in_vagrantfile(file: CallerFile, index: ScriptIndex, collector: Collector,
                           plan: list[tuple[str, str]]) -> None:
    """A Vagrantfile's shell provisioners: ``config.vm.provision "shell", path:
    "vagrant/provision.sh"`` (or ``:path => ...``; relative to the Vagrantfile) and one-line
    ``inline: "..."`` commands."""
    here = posixpath.dirname(file.path)
    for number, line in enumerate(file.lines, 1):
        if line.lstrip().startswith("#"):
            continue
        if "File.join(" in line:  # ``path: File.join('provision', 'provision.sh')``: Ruby's path join
            line = _RUBY_JOIN.sub(lambda m: '"' + "/".join(re.findall(r"""['"]([^'"]+)['"]""", m.group(1))) + '"', line)
        if (match := _VAGRANT_PATH.search(line)) is not None:
            script = index.resolve_path(match.group("path"), [here], {})
            if script and script != file.path:
                collector.add(script, file.path, number, "script", file.text_of(number))
        if (match := _VAGRANT_INLINE.search(line)) is not None:
            callers_in_chunk(file, match.group("command"), number, index, collector, "script",
                             Where(file.path, None))


_TF_COMMAND = re.compile(r"""^\s*command\s*=\s*(?:"(?P<command>(?:[^"\\]|\\.)*)"|<<-?(?P<heredoc>\w+)\s*$)""")
_TF_PROGRAM = re.compile(r"""^\s*program\s*=\s*\[(?P<words>[^\]]*)\]""")
_TF_FILE = re.compile(r'\b(?:file|templatefile|filebase64|filemd5|filesha256)\(\s*"(?P<path>[^"]+)"')
_TF_RUN_KEYS = re.compile(r"""^\s*"?(?P<key>[\w-]*(?:startup[-_]script|user[-_]data|update[-_]script|init[-_]script"""
                          r"""|custom[-_]data)[\w-]*|script|template)"?\s*=""")
"""(``script = file("stackscript.sh")``: a Linode StackScript, run on the machine it makes; a
``data "template_file"``'s ``template = file("user-data.sh")``, rendered into a machine's user
data: a script of the tree only, so a configuration file's template names nothing)"""
_TF_REMOTE_SCRIPTS = re.compile(r"""^\s*scripts?\s*=\s*(?P<value>\[[^\]]*\]|"[^"]*")\s*$""")
"""A ``remote-exec`` provisioner's ``script = "setup.sh"`` or ``scripts = ["a.sh", "b.sh"]``: each
copied to the machine and run there."""
_TF_MODULE_DIR = re.compile(r"\$\{path\.(?:module|root|cwd)\}/?")
_TF_LIFECYCLE_BLOCK = re.compile(r"^\s*lifecycle_commands\s*\{\s*$")
_TF_LIFECYCLE = re.compile(r"""^\s*(?:create|read|update|delete)\s*=\s*(?:"(?P<command>(?:[^"\\]|\\.)*)"\s*$)?""")
"""A command of the shell provider's ``lifecycle_commands`` block (``create = file("${path.module}/
scripts/create.sh")``, ``delete = "bash delete.sh"``), run as the resource is made, read, changed
or deleted."""


def callers_in_terraform(file: CallerFile, index: ScriptIndex, collector: Collector,
                         plan: list[tuple[str, str]]) -> None:
    """Terraform (kind ``terraform``): a ``local-exec`` provisioner's ``command`` (a string, or
    a heredoc), an ``external`` data source's ``program = ["x.sh", ...]``, run from the
    module's folder when Terraform applies it; and a script handed to a machine to run at boot
    (``metadata_startup_script = file("startup.sh")``, ``user_data = templatefile("init.sh",
    ...)``, a ``startup-script`` metadata key), which runs on that machine; the shell provider's
    ``lifecycle_commands`` (:data:`_TF_LIFECYCLE`)."""
    here = posixpath.dirname(file.path)
    where = Where(file.path, here)
    lines = file.lines
    number = 0
    lifecycle = None  # the indentation of an open ``lifecycle_commands {`` block
    while number < len(lines):
        line = lines[number]
        number += 1
        if line.lstrip().startswith(("#", "//")):
            continue
        indent = len(line) - len(line.lstrip())
        if _TF_LIFECYCLE_BLOCK.match(line):
            lifecycle = indent
            continue
        if lifecycle is not None and line.strip() == "}" and indent <= lifecycle:
            lifecycle = None
        if lifecycle is not None and (match := _TF_LIFECYCLE.match(line)) is not None:
            if match.group("command"):
                callers_in_chunk(file, _TF_MODULE_DIR.sub("", match.group("command").replace('\\"', '"')), number,
                                 index, collector, "terraform", where)
            elif (found := _TF_FILE.search(line)) is not None:
                script = index.resolve_path(_TF_MODULE_DIR.sub("", found.group("path")), [here], {})
                if script and script != file.path:
                    collector.add(script, file.path, number, "terraform", file.text_of(number))
            continue
        if (match := _TF_COMMAND.match(line)) is not None:
            if match.group("heredoc"):
                end = next((k for k in range(number, len(lines)) if lines[k].strip() == match.group("heredoc")),
                           len(lines))
                callers_in_chunk(file, _TF_MODULE_DIR.sub("", "\n".join(lines[number:end])), number + 1, index,
                                 collector, "terraform", where)
                number = end + 1
            else:
                callers_in_chunk(file, _TF_MODULE_DIR.sub("", match.group("command").replace('\\"', '"')), number,
                                 index, collector, "terraform", where)
        elif (match := _TF_PROGRAM.match(line)) is not None:
            words = re.findall(r'"([^"]*)"', match.group("words"))
            callers_in_word_list(file, [(_TF_MODULE_DIR.sub("", word), number) for word in words], index,
                                 collector, "terraform", where)
        elif _TF_RUN_KEYS.match(line) and (found := _TF_FILE.search(line)) is not None:
            script = index.resolve_path(_TF_MODULE_DIR.sub("", found.group("path")), [here], {})
            if script and script != file.path:
                collector.add(script, file.path, number, "terraform", file.text_of(number))
        elif (match := _TF_REMOTE_SCRIPTS.match(line)) is not None:
            for path in re.findall(r'"([^"$]*(?:\$\{path\.\w+\}[^"$]*)?)"', match.group("value")):
                script = index.resolve_path(_TF_MODULE_DIR.sub("", path), [here], {})
                if script and script != file.path:
                    collector.add(script, file.path, number, "terraform", file.text_of(number))
    if "handler" in file.text:
        callers_as_function_handler(file, index, collector, _TF_HANDLER)
    if "entry_point" in file.text and "source_dir" in file.text:
        _cloud_function_entry_points(file, index, collector)


_CHEF_COMMAND = re.compile(r"""^\s*(command|exec_start|exec_start_pre|exec_start_post|exec_stop|exec_reload)\s+["'](.+?)["']\s*$""")


def callers_in_chef(file: CallerFile, index: ScriptIndex, collector: Collector,
                    plan: list[tuple[str, str]]) -> None:
    """A Chef recipe's or resource's ``command "..."`` (``execute``, ``cron``) and a systemd
    unit resource's ``exec_start "/usr/local/bin/backup-db"`` (kind ``systemd``; ``cron``
    inside a cron resource): the installed paths its ``template``/``cookbook_file`` resources
    name (:func:`~opsctl.adopt.callers_deploy.chef_deployments`)."""
    where = Where(file.path, None)
    resource = ""
    for number, line in enumerate(file.lines, 1):
        opened = re.match(r"^\s*([a-z_]+)\s+[\"'][^\"']*[\"']\s+do\b", line)
        if opened is not None:
            resource = opened.group(1)
        match = _CHEF_COMMAND.match(line)
        if match is None:
            continue
        kind: CallerKind = "cron" if "cron" in resource else (
            "systemd" if match.group(1).startswith("exec_") else "script")
        command = re.sub(r"#\{[^}]*\}", "X", match.group(2))
        callers_in_chunk(file, command, number, index, collector, kind, where)


_JSON_COMMAND = re.compile(r'^\s*"(?P<key>script|scripts|command|cmd|run|exec|entrypoint|setup_script|startup_script'
                           r'|initializeCommand|onCreateCommand|updateContentCommand|postCreateCommand'
                           r'|postStartCommand|postAttachCommand'
                           r'|execute-command)"\s*:\s*"(?P<value>(?:[^"\\]|\\.)+)"')
_DEV_CONTAINER_KEY = re.compile(r"^[a-z]+[A-Z]\w*Command$")
"""A dev container's lifecycle commands (``"postStartCommand": "python manage.py update_platforms"``),
run in the workspace: the folder holding ``.devcontainer/``."""


def callers_in_json(file: CallerFile, index: ScriptIndex, collector: Collector,
                    plan: list[tuple[str, str]]) -> None:
    """A tool's JSON configuration naming what it runs, one string under a key that says so
    (``"script": "create_raid0.sh"`` in a cluster builder's steps, ``"command": "./x.sh"``): kind
    ``script``; the file name alone is the tree's one script of that name (relative to the
    file's folder, else anywhere)."""
    here = posixpath.dirname(file.path)
    for number, line in enumerate(file.lines, 1):
        match = _JSON_COMMAND.match(line)
        if match is None:
            continue
        try:  # (the string's escapes: ``"while [ \\"$(...)\\" -ne 0 ]; ..."``)
            value = str(json.loads(f'"{match.group("value")}"')).strip()
        except ValueError:
            continue
        if not index.mentioned_in(value):
            continue
        first = value.split(None, 1)[0] if value else ""
        if "/" not in first and " " not in value and first.endswith((".sh", ".py", ".bash")):
            script = index.resolve_path(first, [here], {})  # (a name the tool finds in its scripts folder)
            if script is not None and script != file.path:
                collector.add(script, file.path, number, "script", file.text_of(number))
            continue
        cwd = posixpath.dirname(here) if _DEV_CONTAINER_KEY.match(match.group("key")) and \
            posixpath.basename(here) == ".devcontainer" else here
        callers_in_chunk(file, value, number, index, collector, "script", Where(file.path, cwd))


_NIX_STRING = re.compile(r"''(?P<long>(?:[^']|'''|''[$\\]|'(?!'))*)''|\"(?P<short>(?:[^\"\\]|\\.)*)\"", re.S)
"""A Nix string: ``'' ... ''`` (with its ``'''``, ``''$`` and ``''\\`` escapes) or ``"..."``."""
_NIX_SOURCE_PATH = re.compile(r"\$\{\s*(\.{1,2}(?:/[\w.+-]*)*)\s*\}")
"""``${./check_dist.py}``, ``${./.}``: a file or folder of the expression's own folder (copied
to the store, where the command runs it)."""
_NIX_KEY = re.compile(r"([\w-]+)\s*=\s*$")
_NIX_NOT_COMMANDS = frozenset({"description", "longDescription", "name", "pname", "version", "homepage",
                               "license", "src", "mainProgram", "url", "hash", "sha256", "rev", "owner",
                               "repo", "user", "group", "WorkingDirectory", "Type", "User", "Group"})
"""Attributes whose string is a name or a text, not a command line."""
_NIX_PACKAGE_BIN = re.compile(r"\$\{[^{}]*\}/s?bin/")
"""``${python-dev}/bin/python``, ``${pkgs.moreutils}/bin/sponge``: a package's program, by name."""


def callers_in_nix(file: CallerFile, index: ScriptIndex, collector: Collector,
                   plan: list[tuple[str, str]]) -> None:
    """A Nix expression (a flake, a NixOS module, a devenv): its strings read as shell (a
    service's ``script = '' ... ''``, ``ExecStart = "${./exporter.py} ..."``, a
    ``writeShellScriptBin`` body, a dev command's ``"./manage.py run"``): kind ``nix``. A path
    interpolated from the expression's folder (``${./check_dist.py}``, ``cd ${./.}``) is that
    file of the tree; a package's ``${pkg}/bin/prog`` is ``prog``. A string of one word that
    names no file (``"evap"``, an attribute's value) is not a command."""
    def local_path(match: re.Match[str]) -> str:  # (``$__HERE``: the file's folder, to the readers)
        path = posixpath.normpath(match.group(1))
        return "$__HERE" if path == "." else f"$__HERE/{path}"

    where = Where(file.path, None)
    for match in _NIX_STRING.finditer(file.text):
        value = match.group("long") if match.group("long") is not None else match.group("short")
        if not value or not index.mentioned_in(value) or (
                not any(c.isspace() for c in value.strip()) and "/" not in value and "." not in value):
            continue
        key = _NIX_KEY.search(file.text, max(0, match.start() - 80), match.start())
        if key is not None and key.group(1) in _NIX_NOT_COMMANDS:
            continue  # (``description = "Rotate logs with rotate.sh"``, ``name = "check_dist.py"``)
        first = file.text.count("\n", 0, match.start()) + 1
        command = _NIX_PACKAGE_BIN.sub("", _NIX_SOURCE_PATH.sub(local_path, value))
        callers_in_chunk(file, command, first, index, collector, "nix", where)


_PAM_EXEC = re.compile(r"^\s*-?\w+\s+(?:\[[^\]]*\]|\S+)\s+(?:\S*/)?pam_exec\.so\s+(.+)$")


def callers_in_pam(file: CallerFile, index: ScriptIndex, collector: Collector,
                   plan: list[tuple[str, str]]) -> None:
    """A PAM service file (``/etc/pam.d/sshd``): ``pam_exec.so [options] /path/cmd args`` runs the
    command at each login or session (kind ``script``); the options before it are words
    without a ``/`` (``quiet``, ``debug``, ``stdout``, ``log=FILE``...)."""
    for number, line in enumerate(file.lines, 1):
        match = _PAM_EXEC.match(line)
        if match is None:
            continue
        words = match.group(1).split()
        start = next((k for k, word in enumerate(words) if word.startswith("/")), None)
        if start is not None:
            callers_in_chunk(file, " ".join(words[start:]), number, index, collector, "script",
                             Where(file.path, None))


_TF_HANDLER = re.compile(r'^\s*handler\s*=\s*"(?P<module>[\w./-]+)\.(?P<function>\w+)"\s*(?:#.*)?$')
"""``handler = "cleanup.lambda_handler"`` of an ``aws_lambda_function`` resource."""
_PYTHON_RUNTIME = re.compile(r"""\bruntime["']?\s*[:=]\s*["']?python""", re.I)


def callers_as_function_handler(file: CallerFile, index: ScriptIndex, collector: Collector,
                                pattern: re.Pattern[str]) -> None:
    """A serverless function whose handler is a script's function (kind ``serverless``): a
    Terraform ``aws_lambda_function``'s ``handler = "cleanup.lambda_handler"``, a CloudFormation
    or SAM template's ``Handler: main.handler``, a Serverless Framework ``handler:
    src/jobs/prune.run``. The platform imports the module and calls the function, as a shell
    runs a script; only in a file that names a Python runtime. The module is the Python script
    whose path ends with it (dots or slashes); of several, the one nearest the file (its
    folder, else the most folders in common): a template deploys code beside it."""
    if _PYTHON_RUNTIME.search(file.text) is None:
        return
    here = posixpath.dirname(file.path)
    for number, line in enumerate(file.lines, 1):
        match = pattern.match(line)
        if match is None:
            continue
        module = match.group("module")
        if "/" not in module:
            module = module.replace(".", "/")
        module = module.removeprefix("./")
        found = [path for path in index.by_basename.get(f"{module.rpartition('/')[2]}.py", ())
                 if path[:-3] == module or path[:-3].endswith(f"/{module}")]
        if len(found) > 1:
            shared = {path: _folders_in_common(here, posixpath.dirname(path)) for path in found}
            best = max(shared.values())
            found = [path for path in found if shared[path] == best]
        if len(found) == 1 and found[0] != file.path:
            collector.add(found[0], file.path, number, "serverless", file.text_of(number))


_TF_ENTRY_POINT = re.compile(r'^\s*entry_point\s*=\s*"\w+"')
_TF_SOURCE_DIR = re.compile(r'^\s*source_dir\s*=\s*"(?P<path>[^"]+)"', re.M)


def _cloud_function_entry_points(file: CallerFile, index: ScriptIndex, collector: Collector) -> None:
    """A Google Cloud Function's ``entry_point = "run"`` (kind ``serverless``): the platform
    calls that function of ``main.py`` in the folder the module zips (``source_dir`` of an
    ``archive_file``); only when the file zips one folder holding a ``main.py`` script."""
    if _PYTHON_RUNTIME.search(file.text) is None:
        return
    here = posixpath.dirname(file.path)
    mains = {script for found in _TF_SOURCE_DIR.finditer(file.text)
             if (script := index.resolve_path(
                 posixpath.join(_TF_MODULE_DIR.sub("", found.group("path")).rstrip("/"), "main.py"),
                 [here], {})) is not None}
    if len(mains) != 1:
        return
    for number, line in enumerate(file.lines, 1):
        if _TF_ENTRY_POINT.match(line):
            collector.add(next(iter(mains)), file.path, number, "serverless", file.text_of(number))


def _folders_in_common(a: str, b: str) -> int:
    count = 0
    for left, right in zip(a.split("/") if a else [], b.split("/") if b else [], strict=False):
        if left != right:
            break
        count += 1
    return count
