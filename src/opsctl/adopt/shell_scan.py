"""POSIX shell scripts, read without running them: :func:`scan_shell` takes the commands,
case arms and expansions :mod:`shell_lexer` finds and reads the summary, the interface (getopts /
case / argv), env, effects, exit codes and dry-run support of a script.
"""

from __future__ import annotations

import fnmatch
import itertools
import re
import shlex
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace
from pathlib import Path

from opsctl.adopt import commands as _commands
from opsctl.adopt.command_args import option_value, split_options
from opsctl.adopt.command_rules import RULES, is_cache_path
from opsctl.adopt.model import Confidence, Effect, EnvVar, Flag, Script
from opsctl.adopt.shell_interface import (
    CASE_SUBJECT,
    OPTION_PATTERN,
    REQUIRED_OPS,
    SUBJECT_VAR,
    ShellInterface,
)
from opsctl.adopt.shell_lexer import (
    ARITH_ASSIGN,
    NAME,
    Command,
    Expansion,
    Parsed,
    Redirect,
    command_program,
    parse_shell,
    simple_commands,
)
from opsctl.adopt.shell_sources import Sourced, sourced_files, tree_file
from opsctl.adopt.summary import comment_summary

__all__ = ["looks_like_credential", "scan_shell"]

looks_like_credential = _commands.looks_like_credential

# A command substitution reading a PID file: $(cat x.pid), `head -1 $D/postmaster.pid`, $(< pidfile)
_WHOLE_ARRAY = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\[[@*]\](?::-)?\}")
"""``${pids[@]}``, ``${pids[*]}``, ``${pids[@]:-}``: every element of an array (none when empty)."""
_OWN_JOB = re.compile(r"^(?:\$\(\s*jobs\s+-p[rs]?\s*\)|`\s*jobs\s+-p[rs]?\s*`|\$\{!\})$")
"""``$(jobs -p)``: the PIDs of the script's own background jobs, as ``$!`` (``${!}``) is the last one."""
_ROTATION = re.compile(r"(\$\{?\w+\}?)\.(?:\d+|\$\{?\w+\}?)")
"""``$LOGFILE.3``, ``$LOGFILE.$1``: a numbered rotation of the file a variable names."""
_PID_FILE_READ = re.compile(r"(?:\$\(|`)\s*(?:(?:cat|head|tail)\s[^`)]*|<\s*[^`)]*)pid[^`)]*(?:\)|`)",
                            re.IGNORECASE)
_RESTORE_WORD = re.compile(r"(?i)restore")
_DUMP_WORD = re.compile(r"(?i)dump|backup|snapshot\S*\.sql|\.bak\b")  # (``prod-snapshot.sql.xz``: a database's snapshot, as SQL)
_DUMP_READERS = frozenset({"gunzip", "zcat", "gzip", "bzcat", "bzip2", "xzcat", "xz", "zstdcat", "zstd",
                           "cat", "pv", "openssl", "gpg", "aws", "gsutil", "mc", "s3cmd", "rclone",
                           "restic", "borg", "kopia"})
class _Mentioned:
    """A search for words over a whole script, after a substring test for them. ``re`` has no
    literal start to skip ahead by in ``\b(?:a|b)\b`` and tries every position: ~50 us a
    script of 3 KB, five times a script, where ``in`` costs a microsecond."""

    __slots__ = ("parts", "pattern")

    def __init__(self, pattern: str, *parts: str) -> None:
        self.pattern = re.compile(pattern)
        self.parts = parts

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if any(part in text for part in self.parts) else None


_SQL_CLIENT_WORD = _Mentioned(r"\b(?:psql|mysql|mariadb|sqlite3|clickhouse-client|cqlsh|sqlcmd|snowsql)\b",
                             "sql", "mariadb", "clickhouse-client")
_PIPED_TO_SHELL = re.compile(r"\|\s*(?:\\\n\s*)?(?:sudo\s+)?(?:/bin/|/usr/bin/)?(?:ba)?sh\b")
_SQL_GIVEN = frozenset({"-c", "--command", "-f", "--file", "-e", "--execute"})
"""Options that give a SQL client its statements: it does not read them from its input."""
_INNER_SQL_CLIENT = re.compile(r"^(?:\S*/)?(?:psql|mysql|mariadb)\s")
_SQL_CLIENTS = _commands.SQL_CLIENTS

_SHELL_VARIABLES = frozenset(
    ["HOME", "PATH", "PWD", "OLDPWD", "USER", "LOGNAME", "SHELL", "IFS", "RANDOM", "SRANDOM", "LINENO", "SECONDS", "BASH", "BASH_SOURCE", "BASH_VERSION", "BASH_VERSINFO", "BASH_REMATCH", "BASH_LINENO", "BASHPID", "BASH_ARGV", "BASH_ARGC", "BASH_COMMAND", "BASH_SUBSHELL", "BASHOPTS", "SHELLOPTS", "FUNCNAME", "PPID", "UID", "EUID", "GROUPS", "HOSTNAME", "HOSTTYPE", "OSTYPE", "MACHTYPE", "OPTARG", "OPTIND", "OPTERR", "TMPDIR", "TERM", "LANG", "LANGUAGE", "PS1", "PS2", "PS3", "PS4", "PIPESTATUS", "REPLY", "COLUMNS", "LINES", "SHLVL", "EPOCHSECONDS", "EPOCHREALTIME", "DIRSTACK", "HISTFILE", "HISTSIZE", "MAIL", "MAILPATH", "PROMPT_COMMAND", "TIMEFORMAT", "POSIXLY_CORRECT", "COMP_WORDS", "COMP_CWORD", "COMP_LINE", "COMPREPLY", "READLINE_LINE", "ZSH_VERSION", "KSH_VERSION"])
_SPECIAL_BUILTINS = frozenset({":", ".", "break", "continue", "eval", "exec", "exit", "export",
                               "readonly", "return", "set", "shift", "source", "times", "trap", "unset"})
_DEFAULTING_OPS = frozenset({":-", "-", ":=", "=", ":+", "+"})
_NOUNSET = re.compile(r"^[ \t]*set[ \t]+(?:-[a-zA-Z]*u|-o[ \t]+nounset)", re.M)
_DRY_RUN_NAMES = frozenset({"dry-run", "dryrun", "dry_run", "noop", "no-op", "check", "plan",
                            "simulate", "what-if", "whatif", "pretend", "no-act", "preview"})
_CONFIRM_NAMES = frozenset({"apply", "execute", "commit", "for-real", "no-dry-run", "confirm", "really"})
"""Flags that turn a preview-by-default script into a real run: the script has a dry run, without
a flag to ask for it."""
_DRY_RUN_HELP = re.compile(r"(?i)dry|simulat|what would|without (?:making|applying|changing)|no changes|noop")
_DRY_RUN_VARIABLE = re.compile(r"(?i)^(?:DRY_?RUN|NOOP|NO_OP|SIMULATE|WHAT_?IF)$")
_QUIET_TARGETS = _commands.QUIET_TARGETS
_WRITE_OPS = _commands.WRITE_OPS
_SKIP_COMMENT = re.compile(r"(?i)^(?:shellcheck|-\*-|vim?:|usage\b|author\b|date\b|version\b|"
                           r"created\b|\$id|@|ex:|todo\b)|^[-=#*~_+ ]*$")
_MAX_WARNINGS = 10
_SCRATCH_ALL_ARGS = frozenset({"rm", "rmdir", "unlink", "shred", "mkdir", "touch", "chmod", "chown",
                               "tee", "truncate"})
_SCRATCH_LAST_ARG = frozenset({"cp", "mv", "ln", "install", "rsync", "scp"})


_VARIABLE = re.compile(r"\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)")
_POSITIONAL_PARAMETER = re.compile(r"\$\{?[1-9]")
_TMP_SUFFIX = re.compile(r"\.(?:tmp|temp)(?:\.[A-Za-z0-9]{1,5})?[\"']?$")
_TEMP_PREFIX = re.compile(r"^(?:/tmp/|/var/tmp/|/cygdrive/[a-zA-Z]/tmp/|[A-Za-z]:/tmp/|\$\{?TMPDIR\b)")
"""The temporary folder, Cygwin's and Windows' ``C:/tmp`` (a build host's) included."""
# A variable the script itself sets and names as temporary (``TMPDIR="$ROOT/test/tmp"``,
# ``scratch_dir=...``, ``WORK_TMP=...``) holds the script's own scratch space, contents included.
_TEMP_NAME = re.compile(r"(?i)(?:^|_)(?:tmp|temp|scratch)(?:_?dir|_?path|_?root)?(?:_|$)|^tmpdir$|tmpdir$")


def _reads_itself(name: str, text: str) -> bool:
    """Whether ``text`` expands ``$name`` or ``${name`` (``FOO=${FOO:-x}``). A plain search: a
    pattern built per variable name would be compiled for every name of every script."""
    for prefix in ("$" + name, "${" + name):
        start = text.find(prefix)
        while start >= 0:
            end = start + len(prefix)
            if end == len(text) or not (text[end].isalnum() or text[end] == "_"):
                return True
            start = text.find(prefix, start + 1)
    return False


def _accumulates(name: str, raw: str) -> bool:
    """``tokill="$tokill $pid"``, ``ARGS+=...``-like: a value that adds to the variable's own
    (not ``FOO=${FOO:-default}``, which reads the environment once)."""
    bare = raw.strip("\"'")
    default = bare.startswith("${" + name) and bare.endswith("}") and bare[len(name) + 2:][:1] in (":", "-", "=", "+", "?")
    return not default and bare not in ("$" + name, "${" + name + "}")


def _scratch_path(word: str) -> bool:
    """A path of the script's own: named after its process id (``/tmp/x.$$``), or a named entry
    under the temporary folder, a pattern naming some (``/tmp/*galera*``) included (not
    ``/tmp/*`` nor ``/tmp`` itself)."""
    if "$$" in word or _TMP_SUFFIX.search(word):  # (``"${DEST}.tmp"``, ``$SAVES/*.tmp.zip``: named as temporary)
        return True
    prefix = _TEMP_PREFIX.match(word)
    if prefix is None:
        return False
    rest = word[prefix.end():]
    if word.startswith("$") and not rest.lstrip("}").strip("/\"'"):
        return True  # ``"$TMPDIR"``: the temporary folder the caller gave it
    return bool(rest.strip("\"'").strip("/*?.{}"))


_HELM_DEPS = re.compile(r"\bhelm\S*\s+(?:\S+\s+)*?dep(?:endency|endencies|s)?\s+(?:up|update|build)\b")
"""``helm dep up CHART``, ``"$bindir"/helm dependency build``: chart dependencies fetched again."""

_NAMED_TOOLS = ("docker", "podman", "nerdctl", "kubectl", "helm", "git", "aws", "gcloud", "yarn",
                "terraform", "psql", "mysql", "java", "tar", "zfs", "zpool", "oc", "gsutil",
                "rclone", "restic", "virsh", "iptables", "ip6tables", "ebtables", "nft", "ipset")


def _tool_named_by(variable: str) -> str | None:
    """``"$DOCKER_BIN" container rm --force "$CID"``, ``$KUBECTL delete``: a program held in a
    variable set outside the script (a configuration file, the environment), named after it."""
    if variable.lower() in _CONTAINER_TOOL_VARIABLES:  # ``"$CONTAINER_RUNTIME" rm x``: docker or podman
        return "docker"
    parts = [part for part in variable.lower().split("_") if part not in _PROGRAM_WORDS]
    if parts[-1:] == ["cri"]:  # ``${CDI_CRI} rmi -f $image``: the container runtime's CLI
        return "docker"
    return parts[0] if len(parts) == 1 and parts[0] in _NAMED_TOOLS else None


_CONTAINER_TOOL_VARIABLES = frozenset({"container_runtime", "container_engine", "container_cli",
                                       "container_tool", "container_cmd", "oci_runtime"})


def _program_of(words: list[str]) -> tuple[str | None, int]:
    """:func:`command_program`, a program held in a variable named after it read as that one."""
    program, index = command_program(words)
    if program is not None and (held := SUBJECT_VAR.fullmatch(program)):
        program = _tool_named_by(held.group(1)) or program
    return program, index


_PROGRAM_WORDS = frozenset({"bin", "cmd", "command", "exe", "exec", "cli", "binary", "executable",
                            "prog", "program", "path"})


_RUNTIME_OR_LINKS = re.compile(r"^(?:/run/|/var/run/|/etc/service/|/etc/runit/runsvdir/|"
                               r"/etc/rc[0-6S]\.d/|/etc/systemd/system/[^/]+\.wants/|"
                               r"/etc/logrotate\.d/|/etc/cron\.(?:d|hourly|daily|weekly|monthly)/|"
                               r"/var/vcap/(?:packages|sys/run)/)[^*]")


def _relative_operands(words: list[str], also: Callable[[str], bool] | None = None) -> bool:
    """``rm -rf cli/ server/models``, ``find ./server ... -delete``: every path named relative
    to the working folder, inside it (what a script deletes in a copy it made and went into);
    or one ``also`` accepts (a path of the same scratch folder by its variable)."""
    program, index = command_program(words)
    if program not in (*_REMOVERS, "find"):
        return False
    operands = [w.strip("\"'") for w in words[index + 1:] if not w.startswith(("-", "(", ")", "!"))]
    if program == "find":
        operands = operands[:1]
    return bool(operands) and all(
        (not w.startswith(("/", "$", "~", "..")) and "/../" not in w and w not in (".", "./", "*"))
        or (also is not None and also(w)) for w in operands)


def _runtime_or_links(words: list[str]) -> bool:
    """``rm -f /var/run/dokku/ready``, ``rm /etc/runit/runsvdir/default/nginx``: files of
    the running system's state (``/run`` lives in memory and is emptied at boot), sockets and
    PID files, or the links that enable a service (runit, SysV rc, systemd ``.wants``) and the
    entries that schedule a job (``/etc/cron.d/app``, ``/etc/logrotate.d/app``, as a package's
    ``postrm`` removes them), and a BOSH release's installed packages (``/var/vcap/packages/``,
    laid down again by every deploy; its data is under ``/var/vcap/store/``): removing them
    stops or disables something, no data is lost."""
    program, index = command_program(words)
    if program not in _REMOVERS:
        return False
    operands = [path_key(w) for w in words[index + 1:] if not w.startswith("-")]
    # (beside named entries of the temporary folder: ``rm -rf /run/apache2/* /tmp/apache2*``)
    return bool(operands) and all(_RUNTIME_OR_LINKS.match(w) or _SOCKET_FILE.search(w) or _scratch_path(w)
                                  for w in operands)


_SOCKET_FILE = re.compile(r"^/dev/log$|^[^*?]+\.(?:sock|socket|ctl|pid|lock)$|^\$\{?\w*LOCK\w*\}?(?:/[^*?]*)?$")
"""``rm -f /dev/log``, ``rm -f /var/lib/syslog-ng/syslog-ng.ctl``, ``rm -f $RUN/app.pid``: a
stale socket, control or PID file a daemon makes again when it starts: no data; and a lock
(``rm -f app.lock``, ``rm -f "$LOCKDIR/dos-$IP"``), released."""


_COMPRESSORS = {"gzip": ".gz", "bzip2": ".bz2", "xz": ".xz", "zstd": ".zst", "lz4": ".lz4"}
_REMOVERS = frozenset({"rm", "unlink", "shred"})  # (``shred -u``: removed once overwritten)
_ARGUMENT_OPERAND = re.compile(r"\$\{?([1-9])\}?")  # ``$1``, ``${2}``: what a function is handed
_FOR_IN = re.compile(r"\bfor\s+([A-Za-z_]\w*)\s+in\s+([^;\n]*)")
_NOW = re.compile(r"\$\(\s*date(?![^)]*(?:\s-d|--date|\s-v|\s-r|--reference|\sago\b))[^)]*\)|\$\(\s*date\s*\)")
"""``$(date +%F_%H%M%S)``: the time of this run (not ``date -d '7 days ago'``, not a file's)."""
_IN_TEST_FOLDER = re.compile(r"(?:^|/)(?:tests?|testing|__tests__)/")


def _greps_caches(words: list[str]) -> bool:
    """``grep -E "(__pycache__|\\.pyc|\\.pyo$)"``: a filter that keeps only cache names, each
    alternative of its pattern one (``-v`` keeps the rest: not one)."""
    if any(w.startswith("-") and "v" in w.lstrip("-") and not w.startswith("--") for w in words[1:]) \
            or "--invert-match" in words:
        return False
    patterns = [w for w in words[1:] if not w.startswith("-")]
    if len(patterns) != 1:
        return False
    alternatives = [part.strip("()^$").replace("\\", "") for part in re.split(r"\\?\|", patterns[0])]
    return bool(alternatives) and all(part and is_cache_path(part) for part in alternatives)


_UNPACKERS = frozenset({"tar", "unzip", "gunzip", "gzip", "bunzip2", "xz", "unxz", "zstd", "7z"})
_UNPACK_WORDS = _Mentioned(r"\b(?:tar|unzip|gunzip|gzip|bunzip2|xz|unxz|zstd|7z)\b",
                          "tar", "unzip", "gzip", "bunzip2", "xz", "zstd", "7z")


def path_key(word: str) -> str:
    """A path as compared between commands: quotes dropped, ``${NAME}`` spelled ``$NAME``."""
    # (``${DIR:?}`` fails when unset and is ``$DIR`` otherwise)
    word = word.strip("\"'")
    return (_BRACED.sub(r"$\1", word) if "${" in word else word).rstrip("/")


_BRACED = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?\?[^}]*)?\}")
_GLOB_CHARS = re.compile(r"[*?\[]")
_CONSTANT_REFERENCE = re.compile(r"\$\{[A-Z][A-Z0-9_]*\}|\$[A-Z][A-Z0-9_]*")


def _name_core(word: str) -> str:
    """The literal part of a path word's last name, up to a pattern (``"${DIR}/nodesource*.repo"``:
    ``nodesource``), for a cheap look for it elsewhere in the text."""
    name = re.sub(r"[\"'{}$]", "", word).rpartition("/")[2]
    return _GLOB_CHARS.split(name)[0] or name


def _named_in_full(key: str) -> bool:
    """A path whose name is known for the whole run: literal, or built from constants written
    in capitals (``$EXTENSION_DIST_ZIP``, ``${DIST_DIR}/x.zip``), not a command's output
    (``db-$(date +%F).gz``), a loop's or a function's variable (``$f``) nor an argument (``$1``)."""
    return "`" not in key and "$" not in _CONSTANT_REFERENCE.sub("", key)
_DATED = re.compile(r"(?i)\bdate\b|\$\{?\w*(?:date|time|stamp|now|today)\w*\}?")


def _regenerated_pattern(word: str, produced: AbstractSet[str]) -> bool:
    """``rm -f requirements/*.txt`` in a script that then writes ``requirements/prod.txt``
    (``uv pip compile ... -o requirements/prod.txt``): a folder of the project (relative, named
    in full) purged of the kind of file the script writes into it by fixed names, to be
    written afresh."""
    pattern = path_key(word).removeprefix("./")
    folder, _, name = pattern.rpartition("/")
    if (not folder or any(c in folder for c in "*?[$`") or folder.startswith(("/", "~", ".."))
            or not any(c in name for c in "*?[") or "$" in name):
        return False
    return any(fnmatch.fnmatchcase(path.removeprefix("./"), pattern) for path in produced
               if "$" not in path and "`" not in path)


def _glob_of_own(word: str, produced: AbstractSet[str], folder: str | None = None) -> bool:
    """``rm -f bench*.img`` (or ``find . -name "bench*.img"``, ``folder`` ".") after the script
    wrote ``./bench64.img``: a pattern whose name has a fixed part of its own (three characters
    or more besides the wildcards and the extension: not ``*.img``) that matches files the
    script made, in the folder it made them in."""
    pattern = path_key(word)
    name = pattern.rsplit("/", 1)[-1]
    # (a folder named by a variable, ``"${source_dir}"/bench_*.dat``, is compared as written)
    if not any(c in name for c in "*?[") or "$" in name or any(c in pattern.rpartition("/")[0] for c in "*?[`"):
        return False
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    if len(re.sub(r"[*?]|\[[^\]]*\]", "", stem).strip(".-_")) < 3:
        return False  # *.log, *: whatever else lies there too
    if folder is not None:
        pattern = f"{folder.rstrip('/')}/{pattern}"
    bare = pattern.removeprefix("./")
    # fixed names, or named by a variable that is not a date (``standalone-cert-$domain.conf``);
    # not dated ones (``db-$(date +%F).gz``, ``db-$STAMP.gz``: a rotation's older copies)
    return any(fnmatch.fnmatchcase(path.removeprefix("./"), bare) for path in produced
               if "`" not in path and "$(" not in path and _DATED.search(path.rsplit("/", 1)[-1]) is None)


def _finds_own_files(args: list[str], produced: AbstractSet[str]) -> bool:
    """``find . -name "bench*.img" -delete``: the only test is a name the script's own files
    match (see :func:`_glob_of_own`), searched in the folder it wrote them in, not deeper."""
    start = [w for w in args[:1] if not w.startswith(("-", "(", "!"))]
    folder = path_key(start[0]) if start else "."
    tests = [w for w in args[len(start):] if w.startswith("-") and w not in (
        "-delete", "-type", "-print", "-maxdepth", "-mindepth", "-xdev", "-depth")]
    if "-delete" not in args or tests not in (["-name"], ["-iname"]):
        return False
    name = args[args.index(tests[0]) + 1] if args.index(tests[0]) + 1 < len(args) else ""
    return _glob_of_own(name, produced, folder)


def _tar_file(args: list[str]) -> str | None:
    """The archive of ``tar -cf X``, ``tar xpJf X``, ``tar --file=X``."""
    for index, word in enumerate(args):
        if word.startswith("--file"):
            return word.partition("=")[2] or (args[index + 1] if index + 1 < len(args) else None)
        bundle = word[1:] if word.startswith("-") and not word.startswith("--") else (
            word if index == 0 else "")
        if ("f" in bundle and bundle.replace("f", "").isalpha()) or bundle == "f":
            after = bundle[bundle.index("f") + 1:]
            return after or (args[index + 1] if index + 1 < len(args) else None)
    return None


def _tar_sources(args: list[str]) -> list[str]:
    """What ``tar -c`` puts into its archive: its operands, under ``-C DIR`` (``-C DIR .``:
    DIR itself); nothing for another mode."""
    first = args[0] if args else ""
    bundle = first[1:] if first.startswith("-") and not first.startswith("--") else first
    if not ("c" in bundle and bundle.isalpha()) and "--create" not in args and not any(
            w.startswith("-") and not w.startswith("--") and "c" in w[1:] and w[1:].isalpha() for w in args):
        return []
    archive, folder, sources = _tar_file(args), "", []
    skip = False
    for index, word in enumerate(args):
        if skip:
            skip = False
            continue
        if word in ("-C", "--directory"):
            folder, skip = (args[index + 1] if index + 1 < len(args) else ""), True
        elif word.startswith("--directory="):
            folder = word.partition("=")[2]
        elif word in ("-X", "--exclude-from", "-T", "--files-from", "--exclude"):
            skip = True
        elif not word.startswith("-") and word != archive and not (index == 0 and word == first == bundle):
            sources.append(word)
    if not folder:
        return sources
    return [folder if source in (".", "./") else f"{folder.rstrip('/')}/{source}" for source in sources]


_PACKAGE_TOOLS = {"apt": ("install", ("remove", "purge")), "apt-get": ("install", ("remove", "purge")),
                  "yum": ("install", ("remove", "erase")), "dnf": ("install", ("remove", "erase")),
                  "apk": ("add", ("del",)), "zypper": ("install", ("remove", "rm"))}


def _package_words(words: list[str]) -> tuple[str | None, str | None, list[str]]:
    """(tool, subcommand, packages) of ``apt-get install -y a b``, ``apk del x``..."""
    program, index = command_program(words)
    if program not in _PACKAGE_TOOLS:
        return None, None, []
    rest = [w for w in words[index + 1:] if not w.startswith("-")]
    return (program, rest[0], rest[1:]) if rest else (program, None, [])


def _installed_packages(commands: list[Command]) -> set[str]:
    """The packages the script installs itself (its build dependencies, say)."""
    installed: set[str] = set()
    for command in commands:
        if command.words:
            tool, verb, packages = _package_words(command.words)
            if tool is not None and verb == _PACKAGE_TOOLS[tool][0]:
                installed.update(packages)
    return installed


def _removes_own_packages(words: list[str], installed: set[str]) -> bool:
    """``apt purge -qy cmake wget unzip`` after ``apt-get install -y cmake wget unzip``: the
    build dependencies it installed itself, removed again (an image kept small)."""
    tool, verb, packages = _package_words(words)
    return (tool is not None and verb in _PACKAGE_TOOLS[tool][1] and bool(packages)
            and all(package in installed for package in packages))


_UNPACKS = _Mentioned(r"\b(?:tar|unzip)\b", "tar", "unzip")
_PACKAGES = _Mentioned(r"\b(?:apt|apt-get|yum|dnf|apk|zypper)\b", "apt", "yum", "dnf", "apk", "zypper")
_ARCHIVE_SUFFIX = re.compile(r"\.(?:tar\.(?:gz|bz2|xz|zst)|tgz|tbz2?|txz|tar|zip)$")


def _unpacked_folders(commands: list[Command], values: dict[str, list[str]] | None = None) -> set[str]:
    """Folders the script unpacks an archive into, where it unpacks it (no ``-C``/``-d``):
    ``etcd-v3.5`` of ``tar xf etcd-v3.5.tar.gz``, and the folder it goes into right after
    (``unzip v1.1.0.zip && cd brotli-1.1.0``): removing one after the build is removing its
    own files."""
    folders: set[str] = set()
    for position, command in enumerate(commands):
        program, index = command_program(command.words) if command.words else (None, 0)
        args = command.words[index + 1:]
        if program == "tar" and args and (("x" in args[0].lstrip("-") and args[0].lstrip("-").isalpha())
                                          or "--extract" in args or "-x" in args):
            archive = _tar_file(args)
        elif program == "unzip":
            archive = next((w for w in args if not w.startswith("-")), None)
        else:
            continue
        if not archive or _output_folders(command.words):
            continue
        held = SUBJECT_VAR.fullmatch(path_key(archive))
        expanded = bool(held and values and len(set(values.get(held.group(1), []))) == 1)
        if held and expanded and values:
            archive = values[held.group(1)][0]  # ``tar_gz=${name}.tar.gz``, then ``tar xf ${tar_gz}``
        name = path_key(archive).rsplit("/", 1)[-1]
        stem = _ARCHIVE_SUFFIX.sub("", name)
        # (a stem that is a variable counts when the archive's name was set from it: ``${name}``,
        # or when the archive is named by it: ``tar zxf "${SPARK_ARCHIVE}.tgz"`` unpacks into
        # ``${SPARK_ARCHIVE}``)
        if stem and stem != name and (not stem.startswith("$") or (
                (expanded or not held) and SUBJECT_VAR.fullmatch(stem))):
            folders.add(stem)
        for following in commands[position + 1:position + 4]:
            if following.function != command.function:
                break
            if following.words[:1] == ["cd"] and len(following.words) == 2:
                target = path_key(following.words[1].removeprefix("./")).split("/")[0]
                if target and not target.startswith(("/", "$", "~", "..", "-")) and target != ".":
                    folders.add(target)
                break
            program, at = command_program(following.words)
            if program in ("install", "cp", "mv"):
                # ``tar xzf step_linux_${V}_amd64.tar.gz``, then ``install -t /usr/bin
                # step_${V}/bin/step``: a folder of the archive's, named by what is taken from it
                for word in following.words[at + 1:]:
                    parts = path_key(word.removeprefix("./")).split("/")
                    if len(parts) > 1 and parts[0] and not parts[0].startswith(("/", "$", "~", "..", "-")):
                        folders.add(parts[0])
    return folders


_TEMP_FOLDERS = frozenset({"/tmp", "/var/tmp", "$TMPDIR", "${TMPDIR}", "${TMPDIR:-/tmp}"})


def _fills_working_folder(words: list[str]) -> bool:
    """Whether a command downloads or unpacks into the folder it runs in: ``curl -O URL``,
    ``wget URL``, ``tar xf A`` (no ``-C``), ``unzip A`` (no ``-d``), ``git clone URL``."""
    program, index = command_program(words)
    args = words[index + 1:]
    if program == "curl":
        return any(w in ("-O", "--remote-name", "-J") or re.fullmatch(r"-[A-Za-z]*O[A-Za-z]*", w) for w in args)
    if program == "wget":
        return not any(w in ("-P", "--directory-prefix", "-O", "-q-O") for w in args)
    if program == "fetch":  # FreeBSD's: ``fetch URL`` saves it here, unless ``-o FILE`` says where
        return not any(w == "-o" or w.startswith("--output") for w in args)
    if program in ("xbstream", "mbstream"):  # ``datasafed pull X - | xbstream -x``: a backup's files
        return "-x" in args and not any(w in ("-C", "--directory") or w.startswith("--directory=") for w in args)
    if program in ("tar", "unzip", "cpio", "xar"):
        return not _output_folders(words) and any(
            w in ("x", "-x", "--extract", "-i", "-xf") or re.fullmatch(r"-?[A-Za-z]*x[A-Za-z]*", w) for w in args[:2])
    if program == "gh":  # ``gh repo clone OWNER/REPO``, ``gh repo fork OWNER/REPO --clone``
        return args[:2] == ["repo", "clone"] or (args[:2] == ["repo", "fork"] and any(
            w == "--clone" or (w.startswith("--clone=") and w != "--clone=false") for w in args))
    return program == "git" and args[:1] == ["clone"]


def _output_folders(words: list[str]) -> list[str]:
    """Folders a command writes files into: ``wget -P DIR``, ``curl --output-dir DIR``,
    ``unzip -d DIR``, ``tar -x -C DIR``, ``jsonnet -m DIR``."""
    program, index = _program_of(words)  # (``$TAR -C"$out" -x``)
    args = words[index + 1:]
    if program == "protoc":  # ``--go_out=DIR``, ``--openapiv2_out=opt:DIR``, ``--go_out DIR``
        return [value.rpartition(":")[2] for i, w in enumerate(args)
                if (m := re.fullmatch(r"--\w+_out(?:=(.*))?", w)) and (value := m.group(1) if m.group(1) is not None
                                                                      else (args[i + 1] if i + 1 < len(args) else ""))]
    if program in ("sphinx-build", "rsync") and not any(w in ("-n", "--dry-run") for w in words[index + 1:]):
        operands = [w for w in words[index + 1:] if not w.startswith("-")]
        if len(operands) >= 2:  # ``sphinx-build -b html SRC OUT``, ``rsync -av A B DEST``: the last
            return operands[-1:]
    if program == "gh" and "download" in args[:3]:  # ``gh release download --dir DIR TAG``
        return [args[i + 1] for i, w in enumerate(args[:-1]) if w in ("-D", "--dir")] + \
            [w.partition("=")[2] for w in args if w.startswith("--dir=")]
    wanted = {"wget": ("-P", "--directory-prefix"), "curl": ("--output-dir",), "unzip": ("-d",),
              "tar": ("-C", "--directory"), "sphinx-apidoc": ("-o", "--output-dir"),
              "jsonnet": ("-m", "--multi"),  # ``jsonnet -m manifests x.jsonnet``: one file per key
              "sphinx-autogen": ("-o", "--output-dir"), "stubgen": ("-o", "--output"),
              "scan-build": ("-o",)}.get(program or "", ())
    if program == "tar" and not any((w.startswith("-") and "x" in w.lstrip("-")[:3]) or w in ("x", "--extract")
                                    for w in args[:2]) and not (
            args and re.fullmatch(r"[A-Za-z]*x[A-Za-z]*", args[0])):  # ``tar xvfz A -C DIR``
        return []
    folders: list[str] = []
    for i, word in enumerate(args):
        name, eq, value = word.partition("=")
        if name in wanted:
            folder = value if eq else (args[i + 1] if i + 1 < len(args) else "")
            if folder:
                folders.append(folder)
        elif program == "tar" and word.startswith("-C") and len(word) > 2:
            folders.append(word[2:])  # ``-C${OUT}/docs``: the folder joined to its option
    return folders


_DATA_OPTION = re.compile(r"--?(?:storage\.)?(?:tsdb|data|db|storage|datadir|dbpath)(?:[-_.]?(?:dir|path|directory))?")


def _data_folders(words: list[str]) -> list[str]:
    """The folders a command is told to keep its data in: ``prometheus --storage.tsdb.path X``,
    ``thanos receive --tsdb.path X``, ``--data-dir X``, ``mongod --dbpath X``, ``--datadir=X``."""
    found: list[str] = []
    for i, word in enumerate(words):
        name, eq, value = word.partition("=")
        if word.startswith("-") and _DATA_OPTION.fullmatch(name):
            value = value if eq else (words[i + 1] if i + 1 < len(words) else "")
            if value and not value.startswith("-"):
                found.append(value)
    return found


_RENAMED_TO_FILE = re.compile(r"[^/.]\.[A-Za-z][A-Za-z0-9]{0,7}[\"']?$")
"""A copy's or a move's target named as a file (``x.charm``, ``"$out.tar.gz"``), not a folder."""
_DUMPERS = {"pg_dump": ("-f", "--file"), "pg_dumpall": ("-f", "--file"), "mysqldump": ("-r", "--result-file"),
            "mariadb-dump": ("-r", "--result-file"), "mongodump": ("-o", "--out", "--archive")}
"""A database dump program's options naming the file (or folder) it writes."""


def command_outputs(words: list[str]) -> list[str]:
    """The files a command writes or unpacks, by its own options: ``curl -o X``, ``wget -O X``,
    ``tee X``, ``tar -cf X``/``tar -xf X``, ``gzip X`` (X.gz), ``cp A X``, ``unzip X``,
    ``aws lambda invoke ... X``, ``zip X files``, ``pip install -t X``, ``sed -i.bak E X`` (X.bak),
    ``git worktree add X``."""
    program, index = command_program(words)
    args = words[index + 1:]
    if program is None or not args:
        return []
    positionals = [w for w in args if not w.startswith("-")]
    if (program == "virtualenv" or (program and program.startswith("python") and args[:2] == ["-m", "venv"])
            or (program == "uv" and args[:1] == ["venv"])):
        return positionals[-1:] if program != "uv" or len(positionals) > 1 else []  # its own venv
    if program == "curl":
        named = [args[i + 1] for i, w in enumerate(args[:-1]) if w in ("-o", "--output")] + \
            [w[2:] for w in args if w.startswith("-o") and len(w) > 2 and not w.startswith("--")]
        if named or not any(w in ("--remote-name", "--remote-name-all") or (w[:1] == "-" and w[1:2] != "-" and "O" in w[1:]
                                                   and w[1:].isalpha()) for w in args):
            return named
        # ``curl -fsSO URL/rancher.openvex.json``: saved under the URL's last part
        return [name for w in positionals if "://" in w
                and (name := w.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]) and "://" not in name]
    if program == "ln" and len(positionals) == 2 and not positionals[1].endswith("/"):
        return positionals[1:]  # ``ln -s . v3``: the link it makes
    if program == "ln" and len(positionals) == 2 and positionals[0].rstrip("/"):
        # ``ln -sf /shared/seafile/logs /opt/seafile/``: the link ``/opt/seafile/logs``
        return [positionals[1] + positionals[0].rstrip("/").rsplit("/", 1)[-1]]
    if program in ("docker", "podman") and any(w.startswith("--cidfile") for w in args):
        # ``docker run --cidfile=$ROOT/ID ...``: the file it writes the container's id into
        return [args[i + 1] for i, w in enumerate(args[:-1]) if w == "--cidfile"] + \
            [w.partition("=")[2] for w in args if w.startswith("--cidfile=")]
    if program in ("docker", "podman") and "save" in positionals[:2]:  # ``docker image save -o X``
        return [args[i + 1] for i, w in enumerate(args[:-1]) if w in ("-o", "--output")] + \
            [w.partition("=")[2] for w in args if w.startswith("--output=")]
    if program == "wget":
        named = [args[i + 1] for i, w in enumerate(args[:-1]) if w in ("-O", "--output-document")] + \
            [w.partition("=")[2] for w in args if w.startswith("--output-document=")]
        if named:
            return named
        # ``wget -q URL/agent.jar -P $DIR``: saved under the URL's last part, in -P's folder
        folder = next((args[i + 1] for i, w in enumerate(args[:-1]) if w in ("-P", "--directory-prefix")), "")
        # (a URL held in a variable: ``wget "$repo_url/index.yaml"``)
        urls = [w for w in positionals if ("://" in w and not w.rstrip("/").endswith("://"))
                or (w.startswith("$") and "/" in w and not w.endswith("/"))]
        return [f"{folder.rstrip('/')}/{name}" if folder else name
                for url in urls if (name := url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1])]
    if program == "git" and positionals[:1] == ["clone"]:  # the checkout it makes
        operands = split_options(args[args.index("clone") + 1:], _GIT_CLONE_VALUES)[2]
        if len(operands) == 1:  # git's own choice: the URL's last part, without ``.git``
            name = operands[0].rstrip("/").rsplit("/", 1)[-1]
            name = name if "${" in name else name.rsplit(":", 1)[-1]  # (``git@host:repo``, not ``${2:-x}``)
            name = name[:-4] if name.endswith(".git") else name
            # (``git clone https://github.com/org/${proj}``: the folder the variable names)
            # (``${2:-build-harness}``: a variable with its default, the URL's variable expanded)
            return [name] if name and ("$" not in name or re.fullmatch(r"\$\{?\w+\}?|\$\{\w+:?[-=][\w.-]*\}", name)) else []
        return operands[1:2]
    if program == "git" and positionals[:2] == ["worktree", "add"]:  # the working tree it makes
        operands = split_options(args[args.index("add") + 1:], frozenset({"-b", "-B", "--reason"}))[2]
        return operands[:1]
    if program == "tee":
        return positionals
    if program == "go" and positionals[:1] in (["build"], ["test"]) and "-o" in args[:-1]:
        return [args[args.index("-o") + 1]]  # ``go build -buildmode=c-shared -o "$lib" .``: the binary
    if program == "helm" and positionals[:1] == ["package"]:  # ``helm package feast``: NAME-VERSION.tgz
        folder = next((args[i + 1] for i, w in enumerate(args[:-1]) if w in ("-d", "--destination")), "")
        return [f"{folder.rstrip('/')}/*.tgz" if folder else "*.tgz"]
    if program == "git" and positionals[:1] == ["archive"]:  # ``git archive -o X HEAD``
        return [args[i + 1] for i, w in enumerate(args[:-1]) if w in ("-o", "--output")] + \
            [w.partition("=")[2] for w in args if w.startswith("--output=")]
    if program == "gh" and positionals[:1] in (["release"], ["run"]) and "download" in positionals[1:2]:
        # ``gh release download TAG --dir artifacts``: the folder it downloads into, and the
        # assets it names (``--pattern "$tar.sha512"``, in that folder, or here), or ``-O FILE``
        folders = [args[i + 1] for i, w in enumerate(args[:-1]) if w in ("-D", "--dir")] + \
            [w.partition("=")[2] for w in args if w.startswith("--dir=")]
        into = folders[0].rstrip("/") if folders and folders[0].rstrip("/") not in ("", ".") else ""
        assets = [f"{into}/{pattern}" if into else pattern for i, w in enumerate(args[:-1])
                  if w in ("-p", "--pattern") and not any(c in (pattern := args[i + 1]) for c in "*?[")]
        return folders + assets + [args[i + 1] for i, w in enumerate(args[:-1]) if w in ("-O", "--output")]
    if program in ("mkfifo", "touch"):  # ``rm -f "$fifo"; mkfifo "$fifo"``: a pipe made again
        # (``touch "$COMMON/.maintenance"``: a marker file it makes, and removes later)
        return positionals if program == "mkfifo" or not any(w in ("-r", "--reference", "-d", "--date")
                                                                for w in args) else []
    if program == "zramctl" and positionals and not any(w in ("-r", "--reset") for w in args):
        # ``zramctl "$DEVICE" -s 1G``: a fresh in-memory device, set up to be formatted
        return positionals[:1]
    if program == "pip-compile" or (program == "uv" and positionals[:2] == ["pip", "compile"]):
        # ``uv pip compile requirements/prod.in -o requirements/prod.txt``: the lock it writes
        return [args[i + 1] for i, w in enumerate(args[:-1]) if w in ("-o", "--output-file")] + \
            [w.partition("=")[2] for w in args if w.startswith("--output-file=")]
    if program in ("gpg", "gpg2") and (signed := _gpg_signature(args, positionals)):
        return [signed]
    if program == "skopeo" and positionals[:1] == ["copy"] and len(positionals) > 2:
        # ``skopeo copy oci:dir docker-archive:"$archive"``: a local archive or folder it writes
        transport, _, where = positionals[2].partition(":")
        return [where.split(":", 1)[0]] if transport in ("docker-archive", "oci-archive", "dir", "oci") else []
    if program in ("7z", "7za", "7zz", "7zr") and positionals[:1] in (["a"], ["u"]) and len(positionals) > 1:
        return positionals[1:2]  # ``7z a -mx8 -txz "$out.xz" "$out"``: the archive it writes
    if program in ("zstd", "xz", "gzip", "bzip2", "lz4") and ("-o" in args):
        return [args[i + 1] for i, w in enumerate(args[:-1]) if w == "-o"]  # ``zstd -9 -o X Y``
    if program == "dd":  # ``dd if=/dev/zero of=1GB.img bs=1M count=1024``: the file it writes
        return [w[3:] for w in args if w.startswith("of=") and not w.startswith("of=/dev/")]
    if program in _DUMPERS:  # ``pg_dump --format=c --file=pgbackup_$ts.dump``: the dump it writes
        spellings = _DUMPERS[program]
        return [args[i + 1] for i, w in enumerate(args[:-1]) if w in spellings] + \
            [value for w in args for option, eq, value in [w.partition("=")] if eq and option in spellings]
    if program == "openssl":  # ``openssl req ... -out "$dir/$name.csr"``, ``genrsa -out key.pem``
        return [args[i + 1] for i, w in enumerate(args[:-1]) if w in ("-out", "-keyout")]
    named = [args[i + 1] for i, w in enumerate(args[:-1]) if w in ("--output", "--output-file", "--out-file")] + \
        [w.partition("=")[2] for w in args if w.startswith(("--output=", "--output-file=", "--out-file="))]
    if named and program not in _NAMED_OUTPUT_ELSEWHERE:
        # ``helm schema --output diff-schema.schema.json``: any tool's output file (a format
        # such as ``--output json`` names no path that a later ``rm`` would remove)
        return named
    if program == "tar":
        archive = _tar_file(args)
        return [archive] if archive else []
    if program in _COMPRESSORS:
        return [name for word in positionals for name in (word, word + _COMPRESSORS[program])]
    if program in ("docker", "podman", "kubectl", "oc") and positionals[:1] == ["cp"]:
        positionals = positionals[1:]
        program = "cp"
    if program in ("cp", "mv", "install", "unzip", "scp"):
        if program == "unzip":
            return positionals[:1]
        # ``cp dir/{,.diff.}openapi.json``: the shell's brace expansion, two operands
        positionals = [expanded for word in positionals for expanded in _braces(word)]
        if len(positionals) >= 2 and (positionals[-1] in (".", "./") or positionals[-1].endswith("/")
                                      or len(positionals) > 2 or ("*" in positionals[0] and not (
                                          # (``mv ${charm}_*.charm ${charm}.charm``: the one file
                                          # the pattern matches renamed, to a name with a suffix)
                                          _RENAMED_TO_FILE.search(positionals[-1])))):
            # (``cp $OUT/go_client/* ./go_client``: a pattern, or several files, go into a folder)
            # ``cp A dir/``, ``docker cp ctr:/out/x.tar.gz .``: each source lands in that folder
            folder = positionals[-1].rstrip("/")
            names = [word.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1] for word in positionals[:-1]]
            return [name if folder in (".", "") else f"{folder}/{name}" for name in names]
        return positionals[-1:]
    if program == "truncate" or program == "fallocate":  # ``truncate -s 1G img``: makes the file
        return positionals[-1:]
    if program == "dd":
        return [word[3:] for word in args if word.startswith("of=") and not word.startswith("of=/dev/")]
    if program == "aws" and positionals[:2] == ["lambda", "invoke"] and len(positionals) > 2:
        return positionals[-1:]
    if program == "aws" and positionals[:2] in (["s3", "cp"], ["s3", "mv"]):
        return _aws_s3_operands(args[args.index(positionals[1]) + 1:])[1:2]  # the object it uploads
    if program == "qemu-img" and positionals[:1] in (["create"], ["convert"]):
        # ``qemu-img create -f qcow2 -o backing_file=B IMG``: the image it makes (convert: the last)
        values = {"-f", "-o", "-F", "-b", "-O", "-B", "-S", "-l", "-t", "-T"}
        rest = args[args.index(positionals[0]) + 1:]
        operands = [w for i, w in enumerate(rest) if not w.startswith("-") and (i == 0 or rest[i - 1] not in values)]
        return operands[:1] if positionals[0] == "create" else operands[-1:]
    mapped = [w for w in positionals if not w.startswith("$")]  # (``$cryptsetup_args``: options)
    if program == "cryptsetup" and mapped[:1] in (["open"], ["luksOpen"]) and len(mapped) >= 3:
        return [f"/dev/mapper/{mapped[2]}"]  # the mapped device it opens, to format or mount
    pidfile = next((args[i + 1] for i, w in enumerate(args[:-1]) if w in ("-pidfile", "--pidfile", "--pid-file")), None)
    if pidfile is not None:  # ``qemu ... -pidfile "$PIDFILE"``: the PID file the program writes
        return [pidfile]
    if program == "zip":  # ``zip -r9q layer.zip python/``: the archive is the first operand
        return positionals[:1]
    if program == "ditto" and len(positionals) >= 2:  # ``ditto -c -k --keepParent App.app App.zip``
        return positionals[-1:]  # (macOS: the copy or archive it makes is last)
    if program == "sed":  # ``sed -i.bak EXPR FILE``: the backup copy it leaves, FILE.bak
        suffix = next((w[2:] if w.startswith("-i") else w.partition("=")[2] for w in args
                       if (w.startswith("-i") and len(w) > 2) or w.startswith("--in-place=")), "")
        if not suffix or "*" in suffix:
            return []
        scripted = any(w in ("-e", "-f", "--expression", "--file") or w.startswith(
            ("--expression=", "--file=")) for w in args)
        files = positionals if scripted else positionals[1:]
        return [f"{path_key(file)}{suffix}" for file in files]
    if program in ("pip", "pip3") and positionals[:1] == ["install"]:  # ``-t python/``
        return [args[i + 1] for i, w in enumerate(args[:-1]) if w in ("-t", "--target")] + \
            [w.partition("=")[2] for w in args if w.startswith("--target=")]
    return []


def _gpg_signature(args: list[str], positionals: list[str]) -> str | None:
    """The file ``gpg`` signs into: ``-o``/``--output``, else beside the file it signs
    (``gpg --detach-sign --armor X``: ``X.asc``; ``.sig`` unarmoured, ``.gpg`` for ``--sign``);
    or the ``-o`` file of a key dearmored, exported, encrypted or decrypted."""
    named = next((args[i + 1] for i, w in enumerate(args[:-1]) if w in ("-o", "--output")), None)
    if named and any(w in ("--dearmor", "--enarmor", "--export", "--encrypt", "-e", "--decrypt", "-d")
                     for w in args):
        return named  # ``gpg --dearmor -o /usr/share/keyrings/x.gpg``: the keyring it writes
    short = "".join(w[1:] for w in args if w.startswith("-") and not w.startswith("--"))
    detach = "b" in short or any(w in ("--detach-sign", "--detach-sig") for w in args)
    clear = any(w in ("--clearsign", "--clear-sign") for w in args)
    if not (detach or clear or "s" in short or "--sign" in args) or not positionals:
        return None
    if named:
        return named
    armor = "a" in short or "--armor" in args
    return positionals[-1] + (".asc" if armor or clear else ".sig" if detach else ".gpg")


_NAMED_OUTPUT_ELSEWHERE = frozenset({"curl", "wget", "docker", "podman"})
"""Tools whose output file :func:`_outputs` reads by their own options (``-o``, ``-O``)."""

_OPTION_TEST = re.compile(r"(?P<x>x[\"']?)?\$(?:[1-9]|\{[1-9](?::?-[^}]*)?\})[\"']?\s*(?:==?|!=)\s*"
                          r"[\"']?(?(x)x)(--?[A-Za-z][\w-]*)[\"']?\s*(?:\]|-a\s|-o\s|&&|\|\||;|$)")
"""``"${2}" == "--push" ]``, ``"${2:-}" == "-t" ]``, ``test x"$1" = "x--live";``: a positional
compared with an option's spelling in a test."""


_OPTION_LOOP_TEST = re.compile(r"\$(?:[1-9]|\{[1-9]\})[\"']?\s*==?\s*[\"']?(?P<dashes>--?)(?P<no>no-)?"
                               r"\$\{?(?P<var>[A-Za-z_]\w*)\}?[\"']?\s*(?:\]|&&|\|\||;|$)")
"""``[ "$1" = "--$allowedopt" ]`` inside ``for allowedopt in ...``: an option per word of the loop."""


def _copied_in(key: str, produced: set[str]) -> bool:
    """``rm -f /app/settings/README.md`` after ``cp /app/extra/* /app/settings/``: one of the
    files the script copied into that folder itself (a plain name, not a pattern)."""
    folder, _, name = key.rpartition("/")
    return bool(folder) and bool(name) and not any(c in name for c in "*?[") and f"{folder}/*" in produced


_GIT_CLONE_VALUES = frozenset({"-b", "--branch", "--depth", "-o", "--origin", "-c", "--config",
                               "--reference", "--separate-git-dir", "-j", "--jobs", "--filter",
                               "-u", "--upload-pack", "--template", "--shallow-since",
                               "--shallow-exclude"})


_AWS_S3_SWITCHES = frozenset({"--recursive", "--quiet", "--dryrun", "--no-progress", "--only-show-errors",
                              "--follow-symlinks", "--no-follow-symlinks", "--no-guess-mime-type",
                              "--force-glacier-transfer", "--ignore-glacier-warnings", "--debug",
                              "--no-verify-ssl", "--no-paginate", "--no-sign-request"})


def _operands(args: list[str], switches: AbstractSet[str]) -> list[str]:
    """The operands of a command whose options take a value each but ``switches`` (``aws s3
    cp SRC DEST --region R``, ``gh release upload --repo R V FILE``): without the values."""
    operands: list[str] = []
    skip = False
    for word in args:
        if skip:
            skip = False
        elif word.startswith("-"):
            skip = "=" not in word and word not in switches
        else:
            operands.append(word)
    return operands


def _aws_s3_operands(args: list[str]) -> list[str]:
    return _operands(args, _AWS_S3_SWITCHES)


def _static(value: str) -> bool:
    """No command substitution: the value is known up to the variables it names."""
    return "`" not in value and "$(" not in value


class _Scan(ShellInterface):
    def __init__(self, script: Script, text: str, *, file: Path | None = None,
                 root: Path | None = None, parsed: Parsed | None = None) -> None:
        self.script = script
        self.text = text
        self.lines = text.splitlines()
        self.parsed = parsed if parsed is not None else parse_shell(text)
        self.sourced = sourced_files(self.parsed, file, root, text)
        if self.parsed.functions:
            self.parsed = _command_strings_run(self.parsed, self.sourced)
        self.file, self.root = file, root
        self._made_in: dict[str | None, set[str]] | None = None  # rebuilt_folders' caches
        self._handing_on: dict[str, list[list[str]]] | None = None  # through_own_function's
        self._written: set[str] | None = None
        self._sed_suffixes: set[str] | None = None  # own_backups' cache
        self._applied: set[str] | None = None  # deletes_own_manifest's cache
        self._called: dict[str | None, set[str]] | None = None  # called_from's cache
        self.arm_commands: dict[int, list[Command]] = {}
        for command in self.parsed.commands:
            if command.arm is not None:
                self.arm_commands.setdefault(id(command.arm), []).append(command)
        self.arm_expansions: dict[int, list[Expansion]] = {}
        for expansion in self.parsed.expansions:
            if expansion.arm is not None:
                self.arm_expansions.setdefault(id(expansion.arm), []).append(expansion)
        self.raw_values: dict[str, list[str]] = {}
        self._pages: list[str] | None = None  # regenerated_pages' names, found once
        """name -> each value as written (expansions kept), to follow ``mktemp`` scratch paths."""
        self.scratch: set[str] = set()
        self.defaults: dict[str, str] = {}
        """name -> its one literal value, also when an argument may replace it."""
        self.assignments: dict[str, list[tuple[int, str, str | None, int]]] = {}
        self._tested_links: set[str] | None = None  # removes_tested_links's
        self._http_functions: set[str | None] | None = None  # deleting_api_call's
        self.accumulated: set[str] = set()
        """Variables a script adds to (``tokill="$tokill $pid"`` in a loop): when one is only
        ever set empty otherwise, no literal holds it."""
        """name -> (line, value or "$" when it runs a command, function, seq) for each assignment."""

    def run(self) -> None:
        self.collect_assignments()
        self.script.summary = comment_summary(self.text.splitlines()[:200], _SKIP_COMMENT)
        self.interface()
        self.sourced_interface()
        self.tested_options()
        self.environment()
        self.effects()
        self.exit_codes()
        self.dry_run()

    def in_own_clone(self, words: list[str], cloned: set[str]) -> bool:
        """``rm -rf ${basepath}/${repo}/qa`` after ``git clone URL ${basepath}/${repo}``: a part
        of the checkout the script made itself."""
        program, index = command_program(words)
        if program not in _REMOVERS or not cloned:
            return False
        operands = [self.expanded_key(w) for w in words[index + 1:] if not w.startswith("-")]
        return bool(operands) and all(any(key.startswith(clone + "/") for clone in cloned)
                                      for key in operands)

    def stops_own_program(self, args: list[str]) -> bool:
        """``killall tmate`` in a script that starts ``tmate`` itself: the server it runs and
        manages, stopped (a signal that terminates it, as a service's own stop script does)."""
        names = [w for w in args if not w.startswith("-")]
        if not names or "-f" in args or "--full" in args or any(
                w.upper().removeprefix("-").removeprefix("SIG") in ("9", "KILL") for w in args):
            return False  # (``killall -KILL uwsgi``: every such process on the host, at once)
        started = {command_program(command.words)[0] for command in self.parsed.commands if command.words}
        return all(name in started for name in names)

    def reinstalled(self, command: Command) -> bool:
        """``gitlab-runner uninstall --service=x`` followed, in the same function (or at the top
        level), by ``gitlab-runner install``: a tool without a rule of its own taking its service
        definition down to set it up again (a package hook's reinstall), not a loss."""
        words = command.words
        program, index = command_program(words)
        if program is None or program in RULES or words[index + 1:index + 2] != ["uninstall"]:
            return False
        return any(command_program(c.words)[0] == program and "install" in c.words[1:3]
                   and c.function == command.function and c.seq > command.seq
                   for c in self.parsed.commands if c.words)

    def stops_own_cluster(self, call: str) -> bool:
        """``pg_ctl stop`` of a PostgreSQL cluster the script made itself with ``initdb`` (an
        image build's or a smoke test's throw-away server): its own sessions, nothing of
        anyone's. (A cluster only started and stopped is a live one.)"""
        return "pg_ctl" in call and "stop" in call and _INITDB.search(self.text) is not None

    def removes_tested_links(self, words: list[str]) -> bool:
        """``rm -vf "$fromfile"`` where the script tests ``-L "$fromfile"`` (``test -L``, ``[ -h
        ... ]``) before it: the link goes, the file it points to stays (a change)."""
        program, index = command_program(words)
        if program not in _REMOVERS:
            return False
        operands = [w for w in words[index + 1:] if not w.startswith("-")]
        if not operands or ("-L" not in self.text and "-h" not in self.text):
            return False
        if self._tested_links is None:  # once a script
            self._tested_links = {c.words[k + 1] for c in self.parsed.commands
                                  if c.words and c.words[0] in ("test", "[", "[[")
                                  for k, w in enumerate(c.words[:-1]) if w in ("-L", "-h")}
        return all(operand in self._tested_links for operand in operands)

    def opens_tmux_session(self) -> bool:
        """``tmux new-session -d -s build ...`` in the script: the sessions it kills are the
        ones it opened (a test's or a job's own, ended on its way out)."""
        return any(command_program(c.words)[0] == "tmux" and {"new-session", "new"} & set(c.words)
                   for c in self.parsed.commands if c.words)

    def tested_options(self) -> None:
        """Options a script tests its arguments against without a loop: ``[ "${2}" == "--push" ]``,
        ``[[ $1 = -h ]]`` (switches, beside the positional they are read from)."""
        found: dict[str, tuple[int, list[str]]] = {}  # name -> (line, its other spellings)
        for number, line in enumerate(self.lines, 1):
            if "$" not in line or line.lstrip().startswith("#"):
                continue
            names = [match.group(2) for match in _OPTION_TEST.finditer(line)]
            if len(names) > 1 and "||" in line:
                # ``[[ "$1" == "-p" || "$1" == "--ping-service" ]]``: one switch, two spellings
                name = max(names, key=lambda n: (n.startswith("--"), len(n)))
                if not any(n in found for n in names):
                    found[name] = (number, [n for n in dict.fromkeys(names) if n != name])
                continue
            for name in names:
                found.setdefault(name, (number, []))
            for match in _OPTION_LOOP_TEST.finditer(line):
                # ``for opt in modify-banner cron ...; do if [ "$1" = "--$opt" ]``: each word
                # of the loop is an option (``--no-$opt`` its other spelling)
                for item in self.parsed.for_items.get(match.group("var"), ()):
                    if re.fullmatch(r"[A-Za-z][\w-]*", item):
                        name = f"{match.group('dashes')}{item}"
                        _line, spellings = found.setdefault(name, (number, []))
                        if match.group("no") and f"{match.group('dashes')}no-{item}" not in spellings:
                            spellings.append(f"{match.group('dashes')}no-{item}")
        interface = self.script.interface
        known = {name for flag in interface.flags for name in (flag.name, *flag.aliases)}
        added = [Flag(name=name, type="boolean", line=line, aliases=aliases)
                 for name, (line, aliases) in found.items() if name not in known]
        if added:
            interface.flags = [*added, *interface.flags]
            if interface.kind == "none":
                interface.kind = "argv"

    def sourced_interface(self) -> None:
        """Options parsed by a file the script sources, at that file's top level (``source
        install/parse-cli.sh``, whose ``while (($#)); do case "$1" in --minimize-downtime)``
        runs on the script's own arguments: ``source`` without arguments keeps them; or a
        ``while getopts "hfkv" o`` there, in a library that every script of a folder loads), when
        the script reads no option itself."""
        interface = self.script.interface
        if any(not flag.positional for flag in interface.flags):
            return
        # (or in a function of the file that the script hands its arguments to: ``install_main
        # "$@"``, whose ``while getopts :sdrah arg`` reads them)
        handed = {command.words[0] for command in self.parsed.commands if command.function is None
                  and len(command.words) == 2 and command.words[1] in _ALL_ARGUMENTS}
        for lib in self.sourced:
            in_functions = list(lib.parsed.functions.values())
            if not any(CASE_SUBJECT.fullmatch(case.subject) and any(
                    OPTION_PATTERN.fullmatch(p) for arm in case.arms for p in arm.patterns)
                    and not any(start <= case.line <= end for start, end in in_functions)
                    for case in lib.parsed.cases) and not (any(
                    (command.function is None or command.function in handed)
                    and command.words[:1] == ["getopts"] and len(command.words) >= 3
                    for command in lib.parsed.commands) and not self.sourced_with_arguments(lib)):
                continue
            borrowed = Script(path=lib.path, language="shell")
            reader = _Scan(borrowed, lib.text, parsed=lib.parsed)  # no file: nothing sourced further
            reader.collect_assignments()
            reader.interface()
            options = [flag for flag in borrowed.interface.flags if not flag.positional]
            if options:
                known = {flag.name for flag in options}
                interface.flags = options + [f for f in interface.flags if f.name not in known]
                interface.kind = borrowed.interface.kind
                return

    def sourced_with_arguments(self, lib: Sourced) -> bool:
        """``. "$HOME/bin/load-env.sh" -s``: the file is handed arguments of its own, which its
        ``getopts`` reads instead of the script's (``. k8s-read-config "$@"`` hands it the
        script's own)."""
        name = lib.path.rsplit("/", 1)[-1]
        return any(len(command.words) > 2 and command.words[0] in (".", "source")
                   and command.words[1].strip("\"'").endswith(name)
                   and any(word not in _ALL_ARGUMENTS for word in command.words[2:])
                   for parsed in (self.parsed, *(other.parsed for other in self.sourced))
                   for command in parsed.commands)

    # -- assignments ------------------------------------------------------------------------------

    def assign(self, name: str, command: Command | tuple[int, int], value: str = "$") -> None:
        if isinstance(command, Command):
            entry = (command.line, value, command.function, command.seq)
        else:
            entry = (command[0], value, None, command[1])
        self.assignments.setdefault(name, []).append(entry)

    def collect_assignments(self) -> None:
        for name, where in self.parsed.assigned.items():
            self.assign(name, where)
        for expansion in self.parsed.expansions:
            if expansion.op in (":=", "="):
                # ``: "${CHART_TMP:=$(mktemp)}"`` sets it when unset: a value the script may hold
                # (to follow its scratch paths; it still reads the environment first)
                self.raw_values.setdefault(expansion.name, []).append(expansion.arg)
        for command in self.parsed.commands:
            # ``POSTGRES_DB= psql ...`` sets it in that command's environment only (but before a
            # special builtin, ``FOO=1 export``, it stays)
            for_command_only = bool(command.words) and command.words[0] not in _SPECIAL_BUILTINS
            for name, value, raw in command.assignments:
                self.raw_values.setdefault(name, []).append(value)
                if _reads_itself(name, raw) or for_command_only:
                    if not for_command_only and _accumulates(name, raw):
                        self.accumulated.add(name)
                    continue  # FOO=${FOO:-default} reads the environment
                self.assign(name, command, value if _static(raw) else "$")
            words = command.words
            if not words:
                continue
            head = words[0]
            if head in ("local", "declare", "typeset", "export", "readonly"):
                for word in words[1:]:
                    if word.startswith("-"):
                        continue
                    name, eq, value = word.partition("=")
                    if not NAME.fullmatch(name):
                        continue
                    if eq:
                        self.raw_values.setdefault(name, []).append(value)
                    if eq and not _reads_itself(name, value):
                        self.assign(name, command, value if _static(value) else "$")
                    elif not eq and head in ("local", "declare", "typeset"):
                        self.assign(name, command)
            elif head == "unset" and "-f" not in words[1:]:
                # ``unset DRY_RUN`` then ``DRY_RUN="--dry-run"`` under ``-n``: empty unless asked
                for word in words[1:]:
                    if NAME.fullmatch(word):
                        self.assign(word, command, "")
            elif head in ("read", "mapfile", "readarray"):
                skip = False
                for word in words[1:]:
                    if skip:
                        skip = False
                        continue
                    if word in ("-p", "-d", "-n", "-N", "-t", "-u", "-i", "-C", "-c", "-O", "-s"):
                        skip = True
                        continue
                    if word == "-a":
                        continue
                    if NAME.fullmatch(word):
                        self.assign(word, command)
            elif (head == "getopts" and len(words) >= 3) or (head == "printf" and len(words) >= 3 and words[1] == "-v"):
                self.assign(words[2], command)
            elif head == "let":
                for word in words[1:]:
                    match = ARITH_ASSIGN.match(word)
                    if match:
                        self.assign(match.group(1), command)

    def scratch_variables(self) -> set[str]:
        """Variables holding the script's own ``mktemp`` paths, or paths under them."""
        scratch = {name for name, values in self.raw_values.items()
                   if any("mktemp" in value or _scratch_path(value) for value in values)
                   or (values and _TEMP_NAME.search(name) and not any(
                       value.rstrip("/") in ("", "/", "$HOME", "${HOME}", "~") for value in values))}
        changed = bool(scratch)
        while changed:
            changed = False
            # a path under one, or a file found in one (``whl=$(find "$tmp" -name '*.whl')``)
            for name, values in self.raw_values.items():
                # (``CLEANUP=""`` first, ``CLEANUP="${tmp}"`` later: emptied, not another path)
                set_to = [v for v in values if v.strip("\"'")]
                if name not in scratch and set_to and all(
                        (under := _UNDER_VARIABLE.match(v)) and under.group(1) in scratch for v in set_to):
                    scratch.add(name)
                    changed = True
            # ``for whl in "$tmp"/*.whl``: each a file of it
            for match in _FOR_IN.finditer(self.text):
                items = [item for item in match.group(2).split() if item != "do"]
                if match.group(1) not in scratch and not self.raw_values.get(match.group(1)) and items \
                        and all((first := _FIRST_VARIABLE.match(item)) and first.group(1) in scratch
                                for item in items):
                    scratch.add(match.group(1))
                    changed = True
        return scratch

    def url_values(self, words: list[str]) -> list[str]:
        """``curl -O "$INVENTORY_URL"`` with ``INVENTORY_URL="https://.../inventory.yml"`` set
        once: the URL, whose last part names the file saved."""
        if words[:1] not in (["curl"], ["wget"]):
            return words
        return [value if (match := SUBJECT_VAR.fullmatch(word)) and "://" in (
            value := self.defaults.get(match.group(1), "")) else word for word in words]

    def is_scratch(self, word: str) -> bool:
        match = re.match(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)", word)
        return (match is not None and match.group(1) in self.scratch) or _scratch_path(word)

    def deletes_what_it_fed(self, command: Command) -> bool:
        """``echo "$TEST_RESOURCE" | kubectl apply -f -`` ... ``echo "$TEST_RESOURCE" | kubectl
        delete -f -``: the objects of the manifest it applied itself, deleted again."""
        program, index = command_program(command.words)
        if not command.piped or "delete" not in command.words[index + 1:index + 3] or "-" not in command.words \
                or self.program_name(program) not in ("kubectl", "oc"):
            return False
        before: Command | None = None
        fed: dict[int, str] = {}  # seq of a ``kubectl apply -f -`` -> the command line that fed it
        for other in self.parsed.commands:
            if other.piped and before is not None and before.words:
                fed[other.seq] = " ".join(before.words)
            before = other
        mine = fed.get(command.seq)
        return mine is not None and "$" in mine and any(
            seq < command.seq and text == mine and self.program_name((
                name := command_program(other.words))[0]) in ("kubectl", "oc")
            and {"apply", "create"} & set(other.words[name[1] + 1:name[1] + 3])
            for other in self.parsed.commands for seq, text in [(other.seq, fed.get(other.seq))])

    def program_name(self, program: str | None) -> str | None:
        """A program as written, or the one a variable holds (``"${KUBECTL}"`` set to
        ``.../bin/kubectl``, or named for it)."""
        if program is None or not program.startswith("$"):
            return program
        name = program.strip("${}\"")
        values = self.raw_values.get(name, [])
        if len(values) == 1:
            return values[0].strip("\"'").rsplit("/", 1)[-1]
        return _tool_named_by(name)

    def deletes_own_manifest(self, words: list[str]) -> bool:
        """``kubectl delete -f "$MANIFEST_FILE"`` of a manifest the script wrote into its own
        temporary file and created the objects from (``kubectl create -f "$MANIFEST_FILE"``):
        the objects it made itself."""
        program, index = command_program(words)
        if program not in ("kubectl", "oc") or "delete" not in words[index + 1:index + 3]:
            return False
        files = [words[i + 1] for i in range(index + 1, len(words) - 1) if words[i] in ("-f", "--filename")]
        if not files or not all(self.is_scratch(f) for f in files):
            return False
        if self._applied is None:
            self._applied = {words[i + 1] for command in self.parsed.commands
                             if command_program(command.words)[0] in ("kubectl", "oc")
                             and ({"create", "apply"} & set(command.words))
                             for words in [command.words] for i in range(len(words) - 1)
                             if words[i] in ("-f", "--filename")}
        return all(f in self._applied for f in files)

    def own_scratch(self, words: list[str], depth: int = 0) -> bool:
        """``rm -rf "$tmpdir"``, ``trap 'rm -rf "$tmp"' EXIT``, ``cp x "$tmp/"``: work on the
        script's own temporary files, which is not an effect."""
        if depth > 2:
            return False
        if words[:1] == ["trap"] and len(words) > 1:
            inner = [w for _line, w in simple_commands(words[1])]
            return bool(inner) and all(self.own_scratch(w, depth + 1) or
                                       _commands.classify_argv(w, line=1) is None for w in inner)
        name, index = command_program(words)
        args = [w for w in words[index + 1:] if not w.startswith("-")]
        if not args:
            return False
        if name == "find":  # ``find "$rootfsDir/usr/share/doc" ... -delete`` in its mktemp tree
            # (or entries of the temporary folder by a name of their own, as ``/tmp/x*`` is:
            # ``find /tmp -name "importupload*" -print0 | xargs -0 rm -f``)
            return self.is_scratch(args[0]) or (args[0].strip("\"'").rstrip("/") in _TEMP_FOLDERS and any(
                w in ("-name", "-iname") and _scratch_path("/tmp/" + n.strip("\"'"))
                for w, n in zip(words[index + 1:], words[index + 2:], strict=False)))
        if name == "tar":  # ``tar --delete -f "$CHART_TMP" x/Chart.yaml``: editing its own archive
            archive = _tar_file(words[index + 1:])
            return archive is not None and self.is_scratch(archive)
        if name in _SCRATCH_ALL_ARGS:
            return all(self.is_scratch(arg) for arg in args)
        return name in _SCRATCH_LAST_ARG and self.is_scratch(args[-1])

    def resolvable(self) -> dict[str, list[str]]:
        """Variables only ever assigned literals (a few at most): their values."""
        values: dict[str, list[str]] = {}
        for name, seen in self.assignments.items():
            literals = list(dict.fromkeys(value for _line, value, _function, _seq in seen))
            if "$" not in literals and len(literals) <= 4 and not looks_like_credential(name) \
                    and not (name in self.accumulated and literals == [""]):
                values[name] = literals
            elif "$" not in literals and name in self.parsed.appended and not looks_like_credential(name):
                # ``opts="-av"`` then ``opts+=' --delete'`` under one condition, ``opts+=' --sparse'``
                # under another...: every part together (what the command may be given)
                values[name] = [" ".join(literal.strip() for literal in literals)]
        return values

    # -- interface --------------------------------------------------------------------------------

    # -- environment ------------------------------------------------------------------------------

    def environment(self) -> None:
        nounset = _NOUNSET.search(self.text) is not None
        reads: dict[str, list[Expansion]] = {}
        for expansion in self.parsed.expansions:
            name = expansion.name
            if not NAME.fullmatch(name) or name in _SHELL_VARIABLES or name.startswith("LC_") \
                    or name == _TEMPLATE_VALUE:
                continue
            reads.setdefault(name, []).append(expansion)
        set_by_sourced = self.sourced_assignments()
        env: list[EnvVar] = []
        for name, seen in reads.items():
            if name in set_by_sourced:
                continue  # a variable a sourced file sets (its functions' state), not an input
            assigned = self.assignments.get(name, [])
            if assigned:
                _line, _value, writer, first = min(assigned, key=lambda entry: entry[3])
                early = [e for e in seen if e.seq < first and e.function in (None, writer)]
                if not early:
                    continue
                seen = early
            required = any(e.op in REQUIRED_OPS for e in seen) or (
                nounset and not assigned and not any(e.op in _DEFAULTING_OPS for e in seen))
            env.append(EnvVar(name=name, line=min(e.line for e in seen),
                              credential=looks_like_credential(name), required=required))
        known = {var.name for var in env}
        for name, line, seq in self.indirect_reads():
            if name not in known and not any(first < seq for _l, _v, _f, first in self.assignments.get(name, [])):
                known.add(name)
                env.append(EnvVar(name=name, line=line, credential=looks_like_credential(name)))
        env.sort(key=lambda var: var.line)
        self.script.env = env

    def sourced_assignments(self) -> set[str]:
        """Names the functions of the sourced files that the script calls assign (state their
        calls set up, such as ``bootstrap_variables``), other than from themselves (``X=${X:-default}`` still reads
        ``X`` from the environment), and the constants a sourced file sets at its top level
        (``BACKUP_DIR_PATH='/backups'``: what the environment held is replaced). What it sets
        from other values (``DATA=${DATA:-/srv}``, ``URL="https://$HOST"``) is the script's
        configuration, as the environment is, and still counts."""
        names: set[str] = set()
        if not self.sourced:
            return names
        called_here = {command.words[0] for command in self.parsed.commands if command.words}
        for lib in self.sourced:
            reached = lib.calls(called_here & set(lib.parsed.functions))
            for command in lib.parsed.commands:
                if command.function is None and not command.words:
                    # a constant the sourced file always sets (``BACKUP_DIR_PATH='/backups'``):
                    # whatever the environment held is replaced
                    names.update(name for name, value, raw in command.assignments
                                 if NAME.fullmatch(name) and value and "$" not in raw and "`" not in raw)
                    continue
                if command.function is None or command.function not in reached:
                    continue
                pairs = [(name, raw) for name, _value, raw in command.assignments]
                if command.words[:1] and command.words[0] in ("local", "declare", "typeset", "export", "readonly"):
                    pairs += [(w.partition("=")[0], w.partition("=")[2]) for w in command.words[1:] if "=" in w]
                # lower case: the functions' own state; an upper-case name such a function
                # sets (GHE_HOSTNAME resolved from the ssh config) is the script's configuration
                names.update(name for name, raw in pairs
                             if NAME.fullmatch(name) and name != name.upper()
                             and not re.search(r"\$\{?" + re.escape(name) + r"\b", raw))
        return names

    def indirect_reads(self) -> list[tuple[str, int, int]]:
        """``file_env 'POSTGRES_PASSWORD'`` where ``file_env`` reads ``${!var}`` of its first
        argument (and ``${!fileVar}`` with ``fileVar="${var}_FILE"``): the environment variables
        it names, at the line of each call (the docker-library entrypoint idiom)."""
        suffixes: dict[str, set[str]] = {}
        texts = [self.text, *(lib.text for lib in self.sourced)]
        for parsed, text in zip((self.parsed, *(lib.parsed for lib in self.sourced)), texts, strict=True):
            if "${!" not in text:
                continue
            values: dict[tuple[str, str], str] = {}
            for command in parsed.commands:
                if command.function is None:
                    continue
                pairs = [(name, raw) for name, _value, raw in command.assignments]
                if command.words[:1] and command.words[0] in ("local", "declare", "typeset"):
                    pairs += [(w.partition("=")[0], w.partition("=")[2]) for w in command.words[1:] if "=" in w]
                for name, raw in pairs:
                    values[(command.function, name)] = raw.strip("\"'")
            for command in parsed.commands:
                function = command.function
                if function is None:
                    continue
                for word in command.words:
                    for match in re.finditer(r"\$\{!([A-Za-z_][A-Za-z0-9_]*)", word):
                        suffix = _argument_suffix(values, function, match.group(1))
                        if suffix is not None:
                            suffixes.setdefault(function, set()).add(suffix)
        found: list[tuple[str, int, int]] = []
        for command in self.parsed.commands:
            if len(command.words) >= 2 and command.words[0] in suffixes:
                argument = command.words[1].strip("\"'")
                if NAME.fullmatch(argument):
                    found += [(argument + suffix, command.line, command.seq)
                              for suffix in sorted(suffixes[command.words[0]])]
        return found

    # -- effects ----------------------------------------------------------------------------------

    def warn(self, message: str) -> None:
        if len(self.script.warnings) < _MAX_WARNINGS and message not in self.script.warnings:
            self.script.warnings.append(message)

    def runs_own_function(self, words: list[str]) -> bool:
        """``run_all_clusters remove_gw_labels``: a tool without a rule of its own handed the
        name of one of the script's functions to run, not told to remove anything."""
        program, index = command_program(words)
        if program is None or program in RULES or program.startswith("$") or not self.parsed.functions:
            return False  # (``${DKMS} remove -m x`` beside a ``remove`` function: the tool's verb)
        verb = next((w for w in words[index + 1:] if not w.startswith("-")), None)
        # (a name of several words: ``remove`` alone is as likely the tool's own verb)
        return verb is not None and verb in self.parsed.functions and ("_" in verb or "-" in verb)

    def command_effect(self, command: Command, values: dict[str, list[str]], single: dict[str, str],
                       base: Confidence) -> Effect | None:
        """The effect of one command, its variables resolved; a variable with several literal
        values is tried with each (the most destructive wins, at medium confidence)."""
        head = SUBJECT_VAR.fullmatch(command.words[0])
        varied: list[tuple[str, list[str]]] = []
        if head and len(values.get(head.group(1), [])) > 1:
            varied.append((head.group(1), values[head.group(1)]))
        elif not head:
            # options held in variables set to one of a few literals (``dry_run="--dry-run"``,
            # ``dry_run=""`` when asked to delete; ``KUBECONFIG=""`` or ``"$1"``): tried with
            # each value, all of them together (a few at most), as a command name is
            for word in command.words[1:]:
                option = SUBJECT_VAR.fullmatch(word.strip("\"'"))
                if option and len(values.get(option.group(1), [])) > 1 and len(varied) < 3 \
                        and all(option.group(1) != name for name, _ in varied):
                    varied.append((option.group(1), values[option.group(1)]))
        run = command.words[1] if command.words[0] == "eval" and len(command.words) == 2 else command.words[0]
        ran = SUBJECT_VAR.fullmatch(run)
        if ran and ran.group(1) not in values:
            nearest = self.nearest_value(ran.group(1), command)
            if nearest is None and ran.group(1) not in single:
                nearest = _tool_named_by(ran.group(1))
            if nearest is not None:
                single = {**single, ran.group(1): nearest}
        found: list[Effect] = []
        combinations = list(itertools.islice(itertools.product(*(choices for _, choices in varied)), 27))
        for combination in combinations if varied else [()]:
            choice = combination or None
            known = {**single, **{name: value for (name, _), value in zip(varied, combination, strict=True)}}
            words, through_variable = self.resolve(command, known)
            if words and (held := SUBJECT_VAR.fullmatch(words[0])) and (tool := _tool_named_by(held.group(1))):
                # (``ZFS_ROLLBACK="$ZFS_CMD rollback ..."``, then ``$ZFS_ROLLBACK``: the tool the
                # inner variable is named for, set by a library the script does not source)
                words = [tool, *words[1:]]
            if words and words[0].startswith("$"):
                self.warn(f"line {command.line}: a command run through an unresolved variable "
                          f"({words[0]})")
            elif words[:1] == ["eval"] and any("$" in w for w in words[1:]):
                self.warn(f"line {command.line}: eval of a string built at run time")
            confidence: Confidence = "medium" if through_variable or choice is not None else base
            effect = _commands.classify_argv(words, line=command.line, confidence=confidence)
            if effect is not None and effect.destructive and (self.runs_own_function(words) or (
                    (called := command_program(words)[0]) in self.parsed.functions and called not in RULES
                    and not any(c.function == called and command_program(c.words)[0] == called
                                for c in self.parsed.commands if c.words))):
                # (what the function does is read in its body; but ``cscli() { command cscli -c
                # "$CONFIG" "$@"; }`` is the tool itself, with an option of the script's)
                effect = None
            if (effect is None or not effect.destructive) and self.parsed.functions:
                effect = self.through_own_function(words, command.line) or self.deleting_api_call(
                    words, command.line) or effect
            if effect is not None:
                found.append(effect)
        return max(found, key=lambda effect: effect.destructive) if found else None

    def deleting_api_call(self, words: list[str], line: int) -> Effect | None:
        """``api "purge-binary-logs/$instance/$binlog"`` where ``api() { ... curl -s "$leader_api/$1"
        ...; }``: an HTTP API wrapper of the script's own asked for a path whose first part says it
        deletes (``delete-*``, ``purge-*``, ``forget``, ``remove-*``, ``reset-*``, ``drop-*``),
        whatever the method (an RPC-style API that acts on GET): medium."""
        program, index = command_program(words)
        rest = [w for w in words[index + 1:] if not w.startswith("-")]
        if program not in self.parsed.functions or not rest:
            return None
        if self._http_functions is None:  # once a script: the functions whose body calls curl/wget
            self._http_functions = {c.function for c in self.parsed.commands
                                    if c.function and command_program(c.words)[0] in ("curl", "wget", "http")}
        first = rest[0].strip("\"'").lstrip("/").split("/", 1)[0].split("?", 1)[0]
        if program in self._http_functions and _DELETING_ENDPOINT.fullmatch(first):
            return Effect(kind="http", destructive=True, call=" ".join(words), line=line, confidence="medium")
        return None

    def through_own_function(self, words: list[str], line: int) -> Effect | None:
        """``run_az_command resource delete --ids X`` (or ``parallel run_az_command ... ::: ...``)
        where ``run_az_command() { az "$@"; }``: the tool the function hands its arguments to,
        with these arguments, read at the call (medium: the function may add or drop some).
        One level: a function called in that body is not followed."""
        if self._handing_on is None:  # once a script: the commands of functions that hand "$@" on
            self._handing_on = {}
            for body in self.parsed.commands:
                if body.function is not None and any(w in _ALL_ARGUMENTS for w in body.words):
                    self._handing_on.setdefault(body.function, []).append(body.words)
        if not self._handing_on:
            return None
        inner = _commands.unwrapped(words)
        if not inner or inner[0] not in self._handing_on:
            return None
        for body_words in self._handing_on[inner[0]]:
            argv = [part for w in body_words for part in (inner[1:] if w in _ALL_ARGUMENTS else [w])]
            effect = _commands.classify_argv(argv, line=line, confidence="medium")
            if effect is not None and effect.destructive and _commands.unwrapped(argv)[:1] != inner[:1]:
                return effect
        return None

    def nearest_value(self, name: str, command: Command) -> str | None:
        """``COMMAND="rm -rf x"; eval $COMMAND``: the value of the last assignment above the
        command in the same function, when the variable has too many values to try each."""
        best: tuple[int, str] | None = None
        for line, value, function, _seq in self.assignments.get(name, []):
            if value != "$" and line <= command.line and function == command.function \
                    and (best is None or line >= best[0]):
                best = (line, value)
        return best[1] if best else None

    def resolve(self, command: Command, values: dict[str, str]) -> tuple[list[str], bool]:
        words: list[str] = []
        through_variable = False
        def substitute(match: re.Match[str]) -> str:
            name = match.group(1) or match.group(2)
            return values.get(name, match.group(0))

        def substitute_default(match: re.Match[str]) -> str:  # ``engine=docker`` unless ``-e X``
            name = match.group(1) or match.group(2)
            return values.get(name) or self.defaults.get(name) or match.group(0)

        for index, (word, raw) in enumerate(zip(command.words, command.raw, strict=False)):
            if "$" not in word:
                words.append(word)
                continue
            if index == 0 and (array := _WHOLE_ARRAY.fullmatch(word)) and len(
                    held := set(self.raw_values.get(array.group(1), ()))) == 1 and (value := next(iter(held))):
                # ``local -a delete_cmd=(gcloud filestore instances delete "$name")`` then
                # ``"${delete_cmd[@]}"``: the array's words run as the command
                words.extend(_VARIABLE.sub(substitute_default, part) for part in value.split())
                through_variable = True
                continue
            whole = SUBJECT_VAR.fullmatch(word)
            if whole and whole.group(1) in values and not raw.startswith('"'):
                # ``CMD="sudo ${engine} rmi -f"; $CMD``: the words of the value, its own
                # variables put in where they have one value
                words.extend(_VARIABLE.sub(substitute_default, part) for part in values[whole.group(1)].split())
                through_variable = through_variable or index <= 1
                continue
            resolved = _VARIABLE.sub(substitute, word)
            if resolved != word and index <= 1:
                through_variable = True
            words.append(resolved)
        return words, through_variable

    def effects(self) -> None:
        values = self.resolvable()
        self.defaults = {name: literals[0] for name, seen in self.assignments.items()
                         if len(literals := list(dict.fromkeys(v for _l, v, _f, _s in seen if "$" not in v))) == 1
                         and not looks_like_credential(name)}
        single = {name: literals[0] for name, literals in values.items() if len(literals) == 1}
        self.scratch = self.scratch_variables()
        effects: list[Effect] = []
        written: set[str] = set()
        # What the script writes anywhere in it is its own output: a ``cleanup`` function written
        # above the command that makes the file still removes the script's own file.
        # each command's outputs, read once (the loop below adds them to ``earlier`` as it goes)
        runners = self.argument_runners()
        # (``noroot git clone URL "$DIR"`` through ``noroot() { sudo -u vagrant "$@"; }``: the
        # command the function runs writes it)
        outputs_of = {command.seq: [path_key(word) for word in command_outputs(self.url_values(
                          command.words[1:] if command.words[0] in runners else command.words))]
                      for command in self.parsed.commands if command.words}
        produced: set[str] = {key for keys in outputs_of.values() for key in keys}
        if " -c " in self.text:  # (``time sh -c 'dd if=/dev/zero of=4k-test.img ...'``: inside it too,
            # and ``sh -c "mail ... > ${mailLog} 2>&1"``: what it redirects into)
            for command in self.parsed.commands:
                for run_inside in _shell_string_parsed(command.words) if command.words else ():
                    produced.update(path_key(word) for word in command_outputs(run_inside.words))
                    produced.update(_redirected_into(run_inside))
        produced.update(_unpacked_folders(self.parsed.commands, self.raw_values) if _UNPACKS.search(self.text) else ())
        # and so is a file it writes by redirection: ``rm -f .htpasswd`` then ``>> .htpasswd``
        # makes the file again (a fixed path, not a pattern)
        produced.update(key for command in self.parsed.commands for key in _redirected_into(command))
        # ``mkdir unpack`` (no -p: it fails if the folder was there) makes a folder of its own
        produced.update(path_key(word) for command in self.parsed.commands if command.words[:1] == ["mkdir"]
                        and not any(w.startswith("-") and "p" in w for w in command.words[1:]) and not any(
                            w.startswith("--parents") for w in command.words[1:])
                        for word in command.words[1:] if not word.startswith("-"))
        # per function: one that makes a folder (``fn-certs-set``) does not make its removal by
        # another (``fn-certs-remove``) a regeneration; folders the top level makes count for all
        rebuilt_in: dict[str | None, set[str]] = {}

        def rebuilt_for(scope: str | None) -> set[str]:
            if "mkdir" not in self.text and not any(tool in self.text for tool in _MAKES_ITS_OUTPUT_FOLDER):
                return set()
            if scope not in rebuilt_in:
                rebuilt_in[scope] = self.rebuilt_folders(scope)
            return rebuilt_in[scope]

        containers = _containers_made(self.parsed.commands) if _RUNTIME_WORD.search(self.text) else set()
        objects = _kube_objects_made(self.parsed.commands) if "kubectl" in self.text or (
            " oc " in self.text) else set()
        installed = _installed_packages(self.parsed.commands) if _PACKAGES.search(self.text) else set()
        resources = _cli_resources_made(self.parsed.commands) if re.search(r" (?:create|mb)[ -]", self.text) else {}
        made_ids = _made_ids(self.parsed.commands) if "$(" in self.text else set()
        aws_made = _aws_made(self.parsed.commands) if "aws " in self.text else []
        handlers = _trap_handlers(self.parsed.commands, self.parsed.functions) if "trap" in self.text else set()
        earlier: set[str] = set()  # written by the commands before this one (for patterns)
        # the folders it clones repositories into: its own checkouts (``$DRY git clone ... DIR``)
        clones = [(self.expanded_key(w), command.function, command.line) for command in self.parsed.commands
                  if "clone" in command.words
                  for w in command_outputs(command.words[command.words.index("git"):] if "git" in command.words
                                    else [])]
        cloned = {key for key, _function, _line in clones}
        in_clone = False  # the last ``cd`` went into a folder the script cloned a repository into
        entered: str | None = None  # the folder the last ``cd`` named (as written)
        in_scratch = False  # ... into its own temporary folder (``cd "$TMPDIR/src"`` after mktemp)
        cwd: str | None = None  # ... into a folder named relative to where it started
        wiped: set[str] = set()  # folders an ``rm -r`` emptied so far: what is in them now is new
        fed: tuple[int, str] | None = None  # (line, text) of a ``cat <<EOF`` piped to the next command
        echoed: list[str] = []  # what the ``echo``/``printf`` commands just before print
        # a ``for`` variable names what it walks (``for log in $(find ...)``): the files found,
        # not the one a later ``mv -f "$tmp" "$log"`` writes under the same name
        # (an archive it unpacks and removes stays consumed input: ``tar xf "$tf"; unlink "$tf"``)
        looped = {f"${name}" for name in self.parsed.assigned} - ({
            path_key(word) for command in self.parsed.commands if command.words
            and command_program(command.words)[0] in _UNPACKERS for word in command_outputs(command.words)}
            if self.parsed.assigned and _UNPACK_WORDS.search(self.text) else set())
        found_before: Command | None = None  # the ``find`` just before (its list piped on?)
        jobs_before = False  # ``jobs -p`` just before: ``jobs -p | xargs kill`` stops its own jobs
        grepped: list[str] | None = None  # the ``grep`` its list went through on the way
        dumped: int | None = None  # the line of the command before, when it writes out a dump
        printed: tuple[int, list[str]] | None = None  # command lines an awk/echo/printf prints
        sql_clients = _SQL_CLIENT_WORD.search(self.text) is not None
        piped_to_shell = _PIPED_TO_SHELL.search(self.text) is not None
        pipeline: list[Command] = []  # the commands of the pipeline so far (``cat f | jq . > f``)
        for command in self.parsed.commands:
            pipeline = [*pipeline, command] if command.piped else [command]
            base: Confidence = "medium" if command.remote else "high"
            while len(command.words) > 1 and command.words[0] in runners:
                # ``run_cmd rm "$tmpfile"`` through ``run_cmd() { "$@" || die; }``: the command it
                # runs (after the function's own options: ``must_do -v docker rm x``; through
                # one runner handed to another: ``ici_cmd ici_quiet docker rm "$cid"``)
                skip = 1
                while skip < len(command.words) - 1 and (command.words[skip].startswith("-") or self.option_variable(
                        command.words[skip])):
                    skip += 1
                command = replace(command, words=command.words[skip:], raw=command.raw[skip:])
            if command.words:
                program, index = command_program(command.words)
                if program is not None and program.startswith("$") and len(command.words) > index + 1:
                    # ``$DRY git clone ...``: a prefix variable (empty, or ``echo`` for a dry run)
                    program, index = command_program(command.words[index + 1:])
                    index += 1
                if program in ("cd", "pushd"):
                    into_key = self.expanded_key(command.words[-1])
                    # (``cd $WORKSPACE && git clone URL $REPO`` ... ``cd "$WORKSPACE/$REPO"``: a
                    # clone named relative to the folder it was made in, entered by a longer path)
                    # A clone written later in the same function (or both outside any) into a
                    # folder its caller names did not make the folder: ``if [ -d "$2/.git" ];
                    # then cd "$2"; git reset --hard; else git clone URL "$2"; fi`` resets the
                    # caller's checkout (one at a place of the script's own is its own either way)
                    made = {key for key, function, line in clones
                            if function != command.function or line < command.line
                            or not _POSITIONAL_PARAMETER.search(key)}
                    in_clone = into_key in made or any(
                        into_key.endswith("/" + clone) for clone in made
                        if clone and not clone.startswith(("/", ".", "~")))
                    # (``cd /tmp``, then ``rm -rf awscli*.zip ./aws``: what it put in the
                    # temporary folder, named relative to it)
                    in_scratch = self.is_scratch(command.words[-1]) or command.words[-1].strip("\"'").rstrip(
                        "/") in _TEMP_FOLDERS

                    # ``cd dist/``: a folder named relative to where the script started (once)
                    into = path_key(command.words[-1]).rstrip("/") if len(command.words) > index + 1 else ""
                    cwd = into if cwd is None and into and not into.startswith(("/", "$", "~", "-", ".")) else None
                elif program == "popd":
                    in_clone = in_scratch = False
                    cwd = None
                elif (program == "git" and command.words[index + 1:] == ["init"] and entered is not None
                      and entered in produced):
                    # ``mkdir semantic-conventions; cd semantic-conventions; git init``: a
                    # repository the script makes in a folder it made (``git reset --hard
                    # FETCH_HEAD`` there resets nothing of anyone's)
                    in_clone = True
                if program in ("cd", "pushd", "popd"):
                    entered = path_key(command.words[-1]) if program != "popd" and len(command.words) > index + 1 else None
                effect = self.command_effect(command, values, single, base)
                if effect is not None and not effect.destructive and command.piped and program == "xargs" \
                        and _BRANCH_DELETE.search(" ".join(command.words)) \
                        and re.search(r"\bgit\s+branch\b[^\n|]*--merged", self.text):
                    # ``git branch --merged | grep -v main | xargs git branch -d`` (or that list
                    # held in a variable first): as ``git branch -d $(git branch --merged)``,
                    # every merged branch swept away
                    effect.destructive = True
                if effect is not None and effect.destructive and found_before is not None \
                        and program == "xargs" and found_before.line == command.line:
                    # ``find . -name "*.pyc" -print0 | xargs -0 rm``: what the find lists is what
                    # goes, judged as ``find ... -delete`` is (caches, the script's own files)
                    as_delete = self.command_effect(
                        replace(found_before, words=[*found_before.words, "-delete"],
                                raw=[*found_before.raw, "-delete"]), values, single, base)
                    if as_delete is None or not as_delete.destructive or self.own_output(
                            [*found_before.words, "-delete"], produced - looped, earlier) or self.own_backups(
                            [*found_before.words, "-delete"]) or self.own_scratch([*found_before.words, "-delete"]) or (
                            grepped is not None and _greps_caches(grepped)):
                        effect.destructive = False
                if effect is not None and effect.destructive and (
                        self.own_output(command.words, produced - looped, earlier)
                        or self.own_output_expanded(command.words, produced - looped)
                        or self.own_children(command.words)
                        or (jobs_before and command.piped and program == "xargs")
                        or _removes_itself(command.words) or self.regenerated_pages(command)
                        or self.copied_away(command) or self.downs_own_stack(command, handlers)
                        or self.deletes_what_it_fed(command)
                        or self.own_output(command.words, rebuilt_for(command.function))
                        or (_own_container(command.words, containers)
                            and not _volume_made_again(command, self.parsed.commands))
                        or _own_kube_object(effect.call.split(), objects) or _own_kube_object(command.words, objects)
                        or (resources and _own_cli_resource(command, resources, handlers))
                        or (made_ids and _deletes_made_id(command.words, made_ids))
                        or (aws_made and _aws_own(command, aws_made, handlers))
                        or self.deletes_own_manifest(command.words)
                        or self.own_trap(command.words, containers)
                        or self.stops_own_cluster(effect.call)
                        or (program in ("gpg", "trap") and _removes_imported_keys(command.words, self.text))
                        or _removes_own_packages(command.words, installed)
                        or self.own_output([self.expanded_key(w) for w in command.words],
                                           rebuilt_for(command.function))
                        or self.in_own_clone(command.words, cloned)
                        or (in_scratch and _relative_operands(command.words, self.is_scratch))
                        or self.finds_in_wiped(command.words, wiped, rebuilt_for(command.function))
                        or self.under_rebuilt(command.words, wiped, rebuilt_for(command.function))
                        or self.unpacked_leftovers(command)
                        or self.own_backups(command.words) or self.helm_dependencies(command.words)
                        or self.stamped_this_run(command.words) or self.written_again(command.words)
                        or (cwd is not None and self.own_output(_under(command.words, cwd), produced - looped))
                        or self.own_output(self.loop_patterns(command), produced - looped, earlier)
                        or ("pfctl" in command.words and _pf_refilled(command, self.parsed.commands))
                        or self.test_folders_made(command.words)
                        or self.removes_own_argument(command, effect.call, produced - looped)
                        or self.deletes_uploaded_assets(command.words)):
                    effect = None
                elif effect is not None and effect.destructive and _runtime_or_links(command.words):
                    effect.destructive = False  # run-time state, or a service disabled: a change
                elif effect is not None and effect.destructive and self.reinstalled(command):
                    effect.destructive = False  # ``tool uninstall`` then ``tool install``: set up again
                elif effect is not None and effect.destructive and self.removes_tested_links(command.words):
                    effect.destructive = False  # ``test -L "$f" || continue; rm -f "$f"``: a link
                elif effect is not None and effect.destructive and self.pid_file_stop(command.words):
                    effect.destructive = False  # the daemon stops: a change, nothing deleted
                elif effect is not None and effect.destructive and (
                        (program in ("killall", "pkill") and self.stops_own_program(command.words[index + 1:]))
                        or (program == "tmux" and self.opens_tmux_session())):
                    effect.destructive = False  # ``tmate -S $SOCK new-session -d`` ... ``killall tmate``
                elif effect is not None and effect.destructive and program == "git" and self.drops_own_commit(
                        command, index):
                    effect.destructive = False  # ``git commit ...`` then ``git reset --hard HEAD~1``
                elif effect is not None and effect.destructive and program == "git" and in_clone and (
                        "push" not in command.words[index + 1:]):
                    # ``git checkout -qf FETCH_HEAD`` in the checkout it cloned: its own tree (a
                    # ``git push --force`` from there rewrites the remote's branch all the same)
                    effect.destructive = False
                if effect is not None and not self.own_scratch(command.words):
                    effect.via = command.function
                    effects.append(effect)
                program, _index = command_program(command.words)
                if program and (held := SUBJECT_VAR.fullmatch(program)) and (
                        named := single.get(held.group(1), "").split()):
                    program = named[0].rsplit("/", 1)[-1]  # ``PSQL_CMD='psql -U postgres'``, ``| $PSQL_CMD``
                if program == "bconsole" and command.stdin_text and _CONSOLE_DELETES.search(command.stdin_text):
                    # Bareos/Bacula's console fed ``prune stats yes``, ``purge volume=X``,
                    # ``delete jobid=N``: catalog records (and with purge, volumes' jobs) gone
                    effects.append(Effect("command", True, _commands.call_text(command.words), command.line,
                                          base, via=command.function))
                if program == "nsupdate" and command.stdin_text and _NSUPDATE_DELETES.search(
                        _VARIABLE.sub(lambda m: single.get(m.group(1) or m.group(2), m.group(0)), command.stdin_text)):
                    # ``nsupdate -k KEY << EOF`` fed ``update delete host.example.org A`` (here
                    # through ``${remove_cmd}`` set once above): DNS records deleted from the zone
                    effects.append(Effect("command", True, _commands.call_text(command.words), command.line,
                                          base, via=command.function))
                if program in _SQL_CLIENTS:
                    if command.stdin_text is None and fed is not None and fed[0] == command.line:
                        # ``cat << EOF | mysql -u root``: the here-document is the client's input
                        command = replace(command, stdin_text=fed[1])
                    elif command.stdin_text is None and command.piped and echoed:
                        # ``( echo "DROP DATABASE x;"; echo "CREATE ..." ) | mysql``: a group's
                        # printed lines, the commands just before the client, are its input
                        command = replace(command, stdin_text="\n".join(echoed))
                    effects.extend(self.sql_input(command, base, dumped is not None and (
                        dumped == command.line or command.piped)))
                elif any(w.rsplit("/", 1)[-1] in _SQL_CLIENTS for w in command.words[1:]):
                    if command.stdin_text is None and fed is not None and fed[0] == command.line:
                        # ``echo "DROP DATABASE x" | docker compose exec -T mysql mysql``
                        command = replace(command, stdin_text=fed[1])
                    effects.extend(self.sql_input(command, "medium"))  # docker exec db psql <<SQL
                elif dumped is not None and (dumped == command.line or command.piped) and (inner := next((
                        w.strip("\"'") for w in command.words[1:] if _INNER_SQL_CLIENT.match(w.strip("\"'"))), None)):
                    # ``restic dump $ID /db | kubectl exec -i $POD -- bash -c 'mysql -uroot'``
                    effects.extend(self.sql_input(replace(command, words=inner.split()), "medium", True))
            # (kept along the line: ``| kubectl exec -i $POD -- bash -c 'mysql'`` is read as the
            # command and then the one it runs remotely)
            if sql_clients:  # (checked once a script: most name no SQL client at all)
                dumped = command.line if self.dump_producer(command.words) else (
                    command.line if dumped is not None and (dumped == command.line or command.piped) else None)
            if piped_to_shell:
                shell_fed, _at = command_program(command.words)
                if printed and (printed[0] == command.line or command.piped) and shell_fed in ("sh", "bash") \
                        and all(w.startswith("-") for w in command.words[_at + 1:]):
                    # ``... | awk '{print "gcloud compute images delete --quiet " $1}' | bash``:
                    # the command lines printed for a shell to run are what runs
                    for text in printed[1]:
                        for found in _commands.classify_command_string(text, line=command.line,
                                                                       confidence="medium"):
                            effects.append(replace(found, via=command.function))
                printed = (command.line, texts) if (texts := _printed_command_lines(command.words)) else (
                    (command.line, printed[1]) if printed and (printed[0] == command.line or command.piped)
                    else None)
            echoed = ([*echoed, " ".join(command.words[1:])] if sql_clients and not command.piped
                      and command.words[:1] in (["echo"], ["printf"]) else [])
            fed = (command.line, command.stdin_text) if command.words[:1] == ["cat"] and command.stdin_text else (
                # ``echo "select pg_terminate_backend($PID)" | psql``: the printed text is the input
                (command.line, " ".join(w for w in command.words[1:] if w not in ("-e", "-n", "-E", "-ne", "-en")))
                if sql_clients and command.words[:1] in (["echo"], ["printf"]) and len(command.words) > 1 else None)
            # (``find . | grep -E "(__pycache__|\.pyc)" | xargs rm -rf``: the find's list, filtered)
            grepped = command.words if command.words[:1] == ["grep"] and found_before is not None \
                and found_before.line == command.line else None
            found_before = command if command.words[:1] == ["find"] else (
                found_before if grepped is not None else None)
            jobs_before = command.words[:2] in (["jobs", "-p"], ["jobs", "-pr"], ["jobs", "-rp"])
            for redirect in command.redirects:
                effect = self.redirect_effect(command, redirect, written, base, pipeline)
                if effect is not None:
                    effects.append(effect)
                if redirect.op.lstrip("0123456789") in _WRITE_OPS and redirect.target:
                    produced.add(path_key(redirect.target))
                    earlier.add(path_key(redirect.target))
            if command.words:
                earlier.update(outputs_of.get(command.seq, ()))
                if entered is not None and not entered.startswith("-"):
                    # (``pushd "${source_dir}"; go test ... | tee bench_stat.dat; popd`` ... ``rm
                    # "${source_dir}"/bench_*.dat``: written there, named from outside)
                    inside = {f"{entered}/{key}" for key in outputs_of.get(command.seq, ())
                              if not key.startswith(("/", "$", "~"))}
                    earlier.update(inside)
                    produced.update(inside)
                if command.words[0] == "rm" and any(w.startswith("-") and "r" in w.lower() for w in command.words[1:]):
                    wiped.update(path_key(w) for w in command.words[1:] if not w.startswith("-"))
        if "CREATE" in self.text.upper() and "TABLE" in self.text.upper():
            for effect in effects:
                if effect.destructive and effect.kind == "sql" and self.drops_own_tables(effect.line):
                    effect.destructive = False
        if "tables" in self.text.lower() and ("-F" in self.text or "--flush" in self.text):
            for effect in effects:
                if not (effect.destructive and effect.kind == "command" and "tables" in effect.call.lower()):
                    continue
                flushed = _CHAIN_FLUSH.search(effect.call)
                whole = _WHOLE_TABLE_RESET.match(effect.call)
                if flushed is not None:
                    # ``iptables -N X``, ``-F X``, then ``-A X ...``: a chain of its own, refilled
                    refilled = re.compile(r"\s(?:-N|--new-chain|-A|--append|-I|--insert)\s+[\"']?"
                                          + re.escape(flushed.group(1)) + r"[\"']?(?:\s|$)")
                    effect.destructive = not any(refilled.search(other.call) for other in effects)
                elif whole is not None:
                    # ``iptables -F``, ``-X``, then ``iptables -A INPUT ...`` for the whole rule set:
                    # a firewall script rebuilding its rules (a reset that adds none back loses them)
                    rebuilt = re.compile(rf"^(?:sudo\s+)?{whole.group('tool')}\s+(?:-t\s+\S+\s+)?"
                                         r"(?:-A|--append|-I|--insert)\s+(?:INPUT|OUTPUT|FORWARD|PREROUTING|POSTROUTING)\b")
                    effect.destructive = not any(other.line > effect.line and rebuilt.match(other.call)
                                                 for other in effects)
        if ("tables" in self.text and ("-X" in self.text or "--delete-chain" in self.text)) or "ipset" in self.text:
            for effect in effects:
                removed = _CHAIN_OR_SET_REMOVED.search(effect.call) if effect.destructive \
                    and effect.kind == "command" else None
                if removed is not None and re.search(
                        (r"\s(?:-N|--new-chain)\s+" if removed.group("chain") else r"\bipset\s+(?:create|-N|n)\s+")
                        + "[\"']?" + re.escape(removed.group("chain") or removed.group("set")) + r"[\"']?(?:\s|$)",
                        self.text, re.M):
                    # ``ipset create probe hash:ip``, ``iptables -N PROBE`` ... ``-X PROBE``,
                    # ``ipset destroy probe``: the chain or set the script makes (a probe, a
                    # chain made again each run), not rules someone else keeps
                    effect.destructive = False
        if "git tag" in self.text and "--tags" in self.text:
            for effect in effects:
                if effect.destructive and effect.kind == "command" and _LOCAL_TAG_DELETE.match(effect.call) \
                        and _TAGS_FETCHED.search("\n".join(self.lines[effect.line:])):
                    effect.destructive = False
        self.script.effects = effects + self.sourced_effects()

    def drops_own_tables(self, line: int) -> bool:
        """``mysql_cmd -e 'DROP TABLE tbl;'`` in a script that ran ``CREATE TABLE tbl (...)``
        on an earlier line: a table of its own (a test's, a scratch table), dropped again. Only
        when every destructive statement of the line is such a ``DROP TABLE``."""
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        statements = _DESTRUCTIVE_STATEMENT.findall(text)
        if not statements or any(not kind.upper().startswith("DROP TABLE") for kind, _name in statements):
            return False
        before = "\n".join(self.lines[:line - 1])
        return all(re.search(rf"\bCREATE\s+(?:TEMP(?:ORARY)?\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?[`\"']?"
                             rf"{re.escape(name)}\b", before, re.I) for _kind, name in statements)

    def sourced_effects(self) -> list[Effect]:
        """What the sourced files do for the script: their top level (run when sourced) and the
        functions the script calls from them, with their file; ``medium`` at most."""
        found: list[Effect] = []
        own = set(self.parsed.functions)
        names = {self.command_name(command.words[0]) for command in self.parsed.commands
                 if command.words}
        for lib in self.sourced:
            called = lib.calls({name for name in names
                                if name in lib.parsed.functions and name not in own})
            for effect in _library_effects(lib):
                if effect.via is None or effect.via in called:
                    found.append(replace(effect, path=lib.path, via=f"{lib.path}:{effect.via}" if effect.via else lib.path,
                                         confidence="medium" if effect.confidence == "high" else effect.confidence))
        return found

    def command_name(self, word: str) -> str:
        """A command word as the shell runs it: ``$cmd`` after the one assignment ``cmd=reset``
        is ``reset`` (``cmd=reset; source _lib.sh; $cmd`` runs the library's ``reset``)."""
        match = re.fullmatch(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?", word.strip('"'))
        if match is None:
            return word
        values = self.raw_values.get(match.group(1), [])
        if len(values) == 1 and re.fullmatch(r"[\w.-]+", values[0].strip("\"'")):
            return values[0].strip("\"'")
        return word

    def downs_own_stack(self, command: Command, handlers: AbstractSet[str]) -> bool:
        """``docker compose -p it up -d`` ... ``docker compose -p it down``: a test or a tool
        taking down the containers it brought up itself, in the same function (or on the way
        out, from an exit trap): its own. A ``down`` before any ``up`` (a stop script, a
        restart) removes what ran before it."""
        words = _untrapped(command.words)
        if words is None:
            return False
        words = self.command_held(words)
        down = _compose_call(words)
        if down is None or down[0] != "down" or down[1] is None or any(
                w in ("-v", "--volumes", "--rmi") or w.startswith("--rmi=") for w in words):
            return False  # (its volumes, or images, deleted as well: data, whoever made them)
        trapped = words is not command.words or command.function in handlers
        for other in self.parsed.commands:
            if other is command or not other.words:
                continue
            up = _compose_call(self.command_held(other.words))
            # (in another function, a ``cleanup()`` beside the ``start_env()`` that brought it up,
            # whichever comes first in the file)
            if up is not None and up[0] in ("up", "run", "create", "start") and up[1] == down[1] and (
                    trapped or (other.seq < command.seq if other.function == command.function
                                else other.function is None or other.function in self.called_from(None)
                                or other.function in self.called_from(command.function))):
                return True
        return False

    def called_from(self, function: str | None) -> set[str]:
        """The names run as commands by ``function`` (None: the file's top level): a script
        whose top level calls ``start_env`` and then ``cleanup`` runs both; a library's
        ``up()`` and ``down()``, called by neither, are two commands, not one run's start and end."""
        if self._called is None:
            self._called = {}
            for command in self.parsed.commands:
                if command.words:
                    self._called.setdefault(command.function, set()).add(command.words[0])
        return self._called.get(function, set())

    def command_held(self, words: list[str]) -> list[str]:
        """``$COMPOSE down`` after ``COMPOSE="docker compose -p $P -f x.yml"`` (set once): the
        command line the variable holds, with the words after it."""
        match = SUBJECT_VAR.fullmatch(words[0]) if words else None
        values = self.raw_values.get(match.group(1), []) if match else []
        return [*values[0].strip("\"'").split(), *words[1:]] if len(values) == 1 and " " in values[0] else words

    def copied_away(self, command: Command) -> bool:
        """``cp -R --parents "$dir" reports; rm -rf "$dir"``: removed after a copy of it was
        made elsewhere just before (in the same function), or an archive (``tar``, ``zip``,
        ``7z a``): a move, nothing lost."""
        program, index = command_program(command.words)
        operands = [path_key(w) for w in command.words[index + 1:] if not w.startswith("-")]
        if program not in _REMOVERS or not operands:
            return False
        copied: set[str] = set()
        for other in self.parsed.commands:
            if other.seq >= command.seq:
                break
            if other.function != command.function or not other.words:
                continue
            name, at = command_program(other.words)
            if name in ("cp", "rsync"):
                sources = [path_key(w) for w in other.words[at + 1:] if not w.startswith("-")][:-1]
                copied.update(sources)
                # (``cp -rvp bin/* /root/out/tools; rm -rf bin``: the folder's contents copied)
                copied.update(source[:-2] for source in sources if source.endswith(("/*", "/.")))
            elif name == "tar":  # ``tar caf data.tar.xz -C "$PGDATA" .``: archived, then removed
                copied.update(path_key(w) for w in _tar_sources(other.words[at + 1:]))
            elif name in ("zip", "7z", "7za", "7zz"):  # ``zip -rq layer.zip $BUILD_DIR``: the same
                files = [path_key(w) for w in other.words[at + 1:] if not w.startswith("-")]
                copied.update(files[2:] if name != "zip" else files[1:])  # (7z's verb, then the archive)
        return all(o in copied for o in operands)

    def regenerated_pages(self, command: Command) -> bool:
        """``rm cold_indices_json/*json`` before a loop writes ``> "cold_indices_json/$COUNTER.json"``
        (``COUNTER=$((COUNTER+1))``): the pages of the script's own output, numbered by a
        counter, wiped to be written again. Names that carry a date (a backup rotation's
        ``db-$(date +%F).gz``) are not pages: older ones are what such a pattern deletes."""
        program, index = command_program(command.words)
        operands = [path_key(w) for w in command.words[index + 1:] if not w.startswith("-")]
        if program not in _REMOVERS or not operands or not all(_GLOB_CHARS.search(w) for w in operands):
            return False
        if self._pages is None:
            self._pages = []
            for other in self.parsed.commands:
                for redirect in other.redirects if other.seq > command.seq else ():
                    if redirect.op.lstrip("0123456789") in _WRITE_OPS and redirect.target:
                        page = self._page_name(path_key(redirect.target))
                        if page is not None:
                            self._pages.append(page)
        return bool(self._pages) and all(
            any(fnmatch.fnmatchcase(page, self._page_name(word, 1) or word) for page in self._pages)
            for word in operands)

    def _page_name(self, key: str, depth: int = 0) -> str | None:
        """A written name with its counters as ``0`` and other command output as ``x`` (a
        variable set once is written out): None when it carries a date or an unknown part."""
        if _DATED.search(key):
            return None
        key = re.sub(r"\$\([^()]*(?:\([^()]*\)[^()]*)*\)", "x", key)

        def one(match: re.Match[str]) -> str:
            values = self.raw_values.get(match.group(1), [])
            if any("$((" in v for v in values):
                return "0"  # a counter
            if len(values) == 1 and depth < 2 and not _DATED.search(values[0]):
                inner = self._page_name(path_key(values[0]), depth + 1)
                if inner is not None:
                    return inner
            return match.group(0)  # (a folder given as an argument stays as written)
        named = re.sub(r"\$([A-Za-z_][A-Za-z0-9_]*)", one, key)
        return named if named != key or depth else None

    def stamped_this_run(self, words: list[str]) -> bool:
        """``rm -f "$SNAPSHOT"`` (also in a ``trap``) where each file's name holds this run's
        time (``SNAPSHOT=$BACKUP_DIR/snapshot_$DATESTRING.db``, ``DATESTRING=$(date +%F_%H%M%S)``):
        files this run made, no older ones. A date moved back (``date -d '7 days ago'``) names
        older files, and a pattern may match them too: neither counts."""
        if words[:1] == ["trap"] and len(words) > 1:
            inner = [w for _line, w in simple_commands(words[1])]
            return bool(inner) and all(self.stamped_this_run(w) or _commands.classify_argv(w, line=1) is None
                                       for w in inner)
        program, index = command_program(words)
        if program not in _REMOVERS:
            return False
        operands = [w for w in words[index + 1:] if not w.startswith("-")]
        return bool(operands) and all("*" not in w and "?" not in w and self._holds_now(w) for w in operands)

    def _holds_now(self, text: str, depth: int = 0) -> bool:
        if _NOW.search(text):
            return True
        if depth > 3:
            return False
        for name in re.findall(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?", text):
            values = self.raw_values.get(name, [])
            if len(values) == 1 and self._holds_now(values[0], depth + 1):
                return True
        return False

    def expanded_key(self, word: str) -> str:
        """``path_key`` with variables the script sets once to one value written out
        (``dir="$version/$variant"``: ``$dir/Dockerfile`` is ``$version/$variant/Dockerfile``)."""
        key = path_key(word)
        for _ in range(3):
            def one(match: re.Match[str]) -> str:
                values = self.raw_values.get(match.group(1), [])
                return path_key(values[0]) if len(values) == 1 and "$(" not in values[0] else match.group(0)
            expanded = re.sub(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?", one, key)
            if expanded == key:
                break
            key = expanded
        return key

    def rebuilt_folders(self, scope: str | None = None) -> set[str]:
        """Folders the script makes again and writes files into (``rm -rf "$version"``, then
        ``mkdir -p "$version/$variant"`` and ``> "$version/$variant/Dockerfile"``): generated
        output, wiped to be regenerated. A folder only made again, with nothing written into
        it, is not one of them (a data folder emptied for a restore is made again too). Only
        a folder made at the top level or in function ``scope`` counts, whoever writes into it."""
        if self._made_in is None:  # once a script: folders made, by function, and files written
            self._made_in = {}
            for command in self.parsed.commands:
                if "mkdir" in command.words:
                    program, index = command_program(command.words)
                    if program == "mkdir":
                        self._made_in.setdefault(command.function, set()).update(
                            self.expanded_key(w) for w in command.words[index + 1:] if not w.startswith("-"))
                elif command.words and command_program(command.words)[0] in _MAKES_ITS_OUTPUT_FOLDER:
                    # ``stubgen -o "$OUT"``: the tool makes the folder it writes into
                    self._made_in.setdefault(command.function, set()).update(
                        self.expanded_key(w) for w in _output_folders(command.words))
        made = self._made_in.get(None, set()) | self._made_in.get(scope, set())
        if not made:
            return set()
        written = self.written_keys()
        # a folder handed to a server as its data (``--storage.tsdb.path data/prom0``,
        # ``--data-dir``): what it held is data, however often the script makes it again
        stores = {self.expanded_key(value).removeprefix("./") for command in self.parsed.commands
                  for value in _data_folders(command.words)}
        folders: set[str] = set()
        for folder in made:
            parts = folder.split("/")
            for cut in range(1, len(parts) + 1):
                top = "/".join(parts[:cut])
                if top.removeprefix("./") in stores:
                    break
                if top not in ("", ".", "$HOME", "~") and any(
                        w.removeprefix("./").startswith(top.removeprefix("./") + "/") for w in written):
                    folders.add(top)
        # both spellings: the folder as written in the rm (``"$version"``) is matched by key
        return folders

    def written_keys(self) -> set[str]:
        """Every path the script writes (a command's output, a redirect's target, ``FOLDER/*``
        for a folder a tool fills), variables set once written out."""
        if self._written is None:
            self._written = written = set[str]()
            cwd: dict[str | None, str] = {}  # ``cd "$GODIR"``, then ``curl -O``, ``tar xf``: into it
            for command in self.parsed.commands:
                if command.words:
                    written.update(self.expanded_key(w) for w in command_outputs(command.words))
                    written.update(self.expanded_key(folder) + "/*" for folder in _output_folders(command.words))
                    if command.words[0] in ("cd", "pushd") and len(command.words) == 2:
                        cwd[command.function] = self.expanded_key(command.words[1])
                    elif command.function in cwd and _fills_working_folder(command.words):
                        written.add(cwd[command.function] + "/*")
                written.update(self.expanded_key(r.target) for r in command.redirects
                               if r.op.lstrip("0123456789") in _WRITE_OPS and r.target)
        return self._written

    def written_again(self, words: list[str]) -> bool:
        """``rm -f /usr/share/keyrings/nodesource.gpg``, then ``gpg --dearmor -o`` that file;
        ``rm -f /etc/yum.repos.d/nodesource*.repo``, then ``tee /etc/yum.repos.d/nodesource-nodejs.repo``:
        files the script writes itself (here or in another of its functions), removed to be
        replaced. Files only: a folder removed (``-r``) holds more than what is written back. A
        pattern only for configuration (under ``/etc``), naming something (``*.repo`` alone
        matches others' files too): elsewhere a pattern removed before the script writes a
        file of that shape takes earlier runs' files, which hold data (a benchmark's images)."""
        program, index = command_program(words)
        if program not in ("rm", "unlink") or any(
                (w.startswith("-") and not w.startswith("--") and ("r" in w or "R" in w)) or w == "--recursive"
                for w in words[index + 1:]):
            return False
        operands = [self.expanded_key(w) for w in words[index + 1:] if not w.startswith("-")]
        if not operands or any(self.text.count(_name_core(w)) < 2 for w in words[index + 1:] if not w.startswith("-")):
            return False  # (a name written once in the whole script is not written again: cheap, first)
        # (names known in full only: ``db-$(date +%F).gz`` written and ``db-*.gz`` removed is a
        # rotation's older backups, not the file written again)
        written = {w for w in self.written_keys() if not _GLOB_CHARS.search(w) and _named_in_full(w)}
        for operand in operands:
            if not _named_in_full(operand):
                return False
            if not _GLOB_CHARS.search(operand):
                if operand not in written:
                    return False
                continue
            base = operand.rpartition("/")[2]
            stem = _GLOB_CHARS.sub("", base.rpartition(".")[0] or base).strip(".")  # (the name, not its extension)
            if not operand.startswith("/etc/") or len(stem) < 4 or not any(fnmatch.fnmatchcase(w, operand) for w in written):
                return False
        return True

    @staticmethod
    def finds_in_wiped(words: list[str], wiped: set[str], rebuilt: set[str]) -> bool:
        """``rm -rf manifests``, ``jsonnet -m manifests ...``, then ``find manifests ! -name
        '*.yaml' -delete``: a find in a folder the script emptied and wrote again, so all it can
        find there is what this run wrote (not a retention ``find DIR -mtime +7 -delete`` in a
        folder that keeps earlier runs' files)."""
        program, index = command_program(words)
        if program != "find" or len(words) <= index + 1:
            return False
        start = path_key(words[index + 1])
        return start in wiped and start in rebuilt

    def under_rebuilt(self, words: list[str], wiped: set[str], rebuilt: set[str]) -> bool:
        """``rm -rf "$SYNC_DIR"; mkdir -p "$SYNC_DIR"; cd "$SYNC_DIR"; gh repo fork X --clone``,
        then ``rm -rf "$SYNC_DIR/x/stable/chart"``: inside a folder the script emptied, made
        again and filled earlier in the run, so all that lies there is this run's."""
        program, index = command_program(words)
        if program not in _REMOVERS or not wiped or not rebuilt:
            return False
        roots = [root.rstrip("/") + "/" for root in {self.expanded_key(w) for w in wiped} & rebuilt
                 if root.rstrip("/") not in ("", ".", "~", "$HOME")]
        operands = [self.expanded_key(w) for w in words[index + 1:] if not w.startswith("-")]
        return bool(roots and operands) and all(
            any(operand.startswith(root) for root in roots) for operand in operands)

    def drops_own_commit(self, command: Command, index: int) -> bool:
        """``git commit -m "$message"`` ... ``git reset --hard HEAD~1``: the commit the script
        made just before (in the same function), undone; nothing it did not write is lost."""
        args = [w for w in command.words[index + 1:] if w not in ("-q", "--quiet")]
        if args[:2] != ["reset", "--hard"] or len(args) != 3 or args[2] not in ("HEAD~1", "HEAD^", "HEAD~"):
            return False
        return any(other.seq < command.seq and other.function == command.function
                   and (found := command_program(other.words))[0] == "git"
                   and other.words[found[1] + 1:found[1] + 2] == ["commit"]
                   for other in self.parsed.commands if other.words)

    def unpacked_leftovers(self, command: Command) -> bool:
        """``curl -L URL | tar zxf - -C "$BUILD_DIR"``, ``mv "$BUILD_DIR/linux-amd64/helm"
        "$BUILD_DIR/"``, then ``rm -rf "$BUILD_DIR/linux-amd64"``: what is left of an archive
        it unpacked into a folder, once it took what it needed out of it (a folder directly
        in the unpacking target that a move or copy took a file from)."""
        program, index = command_program(command.words)
        if program not in _REMOVERS or ("tar" not in self.text and "unzip" not in self.text):
            return False
        operands = [self.expanded_key(w).rstrip("/") for w in command.words[index + 1:] if not w.startswith("-")]
        if not operands:
            return False
        unpacked_into: set[str] = set()
        taken_from: set[str] = set()
        for other in self.parsed.commands:
            if other.seq >= command.seq:
                break
            name, at = command_program(other.words) if other.words else (None, 0)
            if name in ("tar", "unzip"):
                unpacked_into.update(self.expanded_key(f).rstrip("/") for f in _output_folders(other.words))
            elif name in ("mv", "cp", "install"):
                taken_from.update(self.expanded_key(w) for w in [
                    w for w in other.words[at + 1:] if not w.startswith("-")][:-1])
        return all(any(op.startswith(folder + "/") and "/" not in op[len(folder) + 1:]
                       for folder in unpacked_into if folder not in ("", "/", ".", "~"))
                   and any(source.startswith(op + "/") for source in taken_from)
                   for op in operands)

    def test_folders_made(self, words: list[str]) -> bool:
        """``sudo rm -rf "${TEST_OUTPUT_DIR}"`` in a test's ``cleanup`` function, the folder its
        ``prepare`` function made (``mkdir -p "${TEST_OUTPUT_DIR}"``): in a test folder, every
        folder a function of the script makes is its own to remove, whichever function does."""
        if not _IN_TEST_FOLDER.search(self.script.path) or "mkdir" not in self.text:
            return False
        program, index = command_program(words)
        operands = [self.expanded_key(w) for w in words[index + 1:] if not w.startswith("-")]
        if program not in _REMOVERS or not operands:
            return False
        self.rebuilt_folders()  # (fills the folders made, by function)
        made = set().union(*(self._made_in or {}).values())
        return all(operand in made for operand in operands)

    def own_backups(self, words: list[str]) -> bool:
        """``rm -f *.bak`` after ``sed -i.bak EXPR *.pb.go``: the backup copies its own in-place
        edits left (every operand a pattern ending in a suffix the script's ``sed -i`` used)."""
        program, index = command_program(words)
        if (program not in _REMOVERS and not (program == "find" and "-delete" in words)) or "sed" not in self.text:
            return False
        if self._sed_suffixes is None:  # (also ``find ... -exec sed -i'.bak' EXPR {} +``)
            self._sed_suffixes = {
                w[2:] if w.startswith("-i") else w.partition("=")[2]
                for command in self.parsed.commands if "sed" in command.words
                for w in command.words[command.words.index("sed") + 1:]
                if (w.startswith("-i") and len(w) > 2) or w.startswith("--in-place=")}
            self._sed_suffixes = {x for x in self._sed_suffixes if re.fullmatch(r"[.~_-]\w*~?|~", x)}
        if program == "find":  # ``find docs -name "*.bak" -delete``: what its names match, in a
            # folder of its own (``find . -name "*.bak"`` goes through the whole tree, others' too)
            start = words[index + 1] if len(words) > index + 1 else "."
            if start.startswith("-") or path_key(start) in ("", ".", "./"):
                return False
            operands = [path_key(words[i + 1]) for i, w in enumerate(words[:-1]) if w in ("-name", "-iname")]
        else:
            operands = [path_key(w) for w in words[index + 1:] if not w.startswith("-")]
        return bool(operands and self._sed_suffixes) and all(
            any(re.fullmatch(r"(?:[\w./-]*/)?\*" + re.escape(x), o) for x in self._sed_suffixes)
            for o in operands)

    def helm_dependencies(self, words: list[str]) -> bool:
        """``rm -f charts/linkerd-crds/charts/*`` in a script that runs ``helm dependency
        update`` (or ``build``): the chart's dependency archives, downloaded again."""
        program, index = command_program(words)
        if program not in _REMOVERS or "helm" not in self.text or not _HELM_DEPS.search(self.text):
            return False
        operands = [path_key(w) for w in words[index + 1:] if not w.startswith("-")]
        return bool(operands) and all(re.search(r"(?:^|/)(?:charts/(?:\*|[^/]*\.tgz)|tmpcharts)$", o)
                                      for o in operands)

    def own_trap(self, words: list[str], containers: set[str]) -> bool:
        """An exit ``trap`` of several commands, each cleaning up what the script made: its
        background jobs (``jobs -p | xargs -r kill``, ``kill $pid``), its containers and
        volumes, its scratch files (``trap "{ jobs -p | xargs -r kill; wait; docker volume rm
        $DATA; }" EXIT``)."""
        if words[:1] != ["trap"] or len(words) < 2:
            return False
        jobs_killed = bool(re.search(r"\bjobs\s+-p\s*\|\s*xargs(?:\s+-r)?\s+kill\b", words[1]))
        inner = [w for _line, w in simple_commands(words[1])]
        return len(inner) > 1 and all(
            (jobs_killed and w[:1] == ["xargs"] and "kill" in w) or self.own_children(w)
            or _own_container(w, containers) or self.own_scratch(w)
            or not _destroys(w) for w in inner)  # (``sudo umount "$dir"`` beside them: a change)

    def option_variable(self, word: str) -> bool:
        """``${verbose_flag}`` only ever set to an option or nothing (``verbose_flag="-v"``)."""
        held = SUBJECT_VAR.fullmatch(word)
        values = self.raw_values.get(held.group(1), []) if held else []
        return bool(values) and all(not v.strip("\"'") or v.strip("\"'").startswith("-") for v in values)

    def argument_runners(self) -> set[str]:
        """Functions of the script, or of a file it sources, whose body runs their arguments as a
        command (``run_cmd() { "$@" || err_exit "failed: $*"; }``)."""
        commands = [*self.parsed.commands, *(c for lib in self.sourced for c in lib.parsed.commands)]
        # (or through a variable holding them: ``local cmd="${@}"; ${cmd} > "$output" || die``)
        holders = {(c.function, word.partition("=")[0]) for c in commands if c.function
                   for word in (c.words[1:] if c.words[:1] in (["local"], ["declare"]) else [])
                   if word.partition("=")[2] in _ALL_ARGUMENTS}
        holders |= {(c.function, name) for c in commands if c.function
                    for name, value, _raw in c.assignments if value in _ALL_ARGUMENTS}
        return {c.function for c in commands
                if c.function and (c.words[:1] in (["$@"], ['"$@"'], ["${@}"], ['"${@}"']) or (
                    c.words and (held := SUBJECT_VAR.fullmatch(c.words[0]))
                    and (c.function, held.group(1)) in holders) or (
                    # ``local args=("$@")`` ... ``"${cmd}" "${args[@]}"``: a command and the
                    # arguments kept in an array, run
                    len(c.words) > 1 and SUBJECT_VAR.fullmatch(c.words[0]) and (
                        array := _WHOLE_ARRAY.fullmatch(c.words[1])) and (c.function, array.group(1)) in holders))}

    def own_children(self, words: list[str]) -> bool:
        """``kill $!``, ``kill "$worker_pid"`` after ``worker_pid=$!`` (or ``=$(jobs -p)``),
        ``kill 0``: processes the script started in the background itself, or its own process
        group, stopped on its way out (also in a ``trap``)."""
        if words[:1] == ["trap"] and len(words) > 1:
            inner = [w for _line, w in simple_commands(words[1])]
            return any(w[:1] == ["kill"] for w in inner) and all(
                self.own_children(w) or _commands.classify_argv(w, line=1) is None for w in inner)
        program, index = command_program(words)
        if program == "pkill" and (parent := option_value(words[index + 1:], frozenset({"-P", "--parent"}))):
            # ``pkill -15 -P "$LOOP_PID" -fx "sleep 8d"``: a child of the script's own child
            return self.own_children(["kill", parent])
        if program not in ("kill", "wait"):
            return False
        rest = words[index + 1:]
        if program == "kill" and rest[:1] in (["-s"], ["-n"]) and len(rest) > 1:
            rest = rest[2:]  # ``kill -s SIGTERM $!``: the signal's name, then the PIDs
        end = rest.index("--") if "--" in rest else len(rest)  # after ``--``: PIDs, ``-$$`` too
        # (``kill -INT -$!``: the process group its last background job leads; a first word
        # ``-$1`` is a signal, as in ``kill -$1 $!``)
        groups = {k for k, w in enumerate(rest[:end]) if w.startswith("-$") and w != "-$$" and (k or w == "-$!")}
        pids = [w.strip("\"'").removeprefix("-") if k in groups else w.strip("\"'")
                for k, w in enumerate(rest[:end]) if not w.startswith("-") or k in groups] + [
            w.strip("\"'") for w in rest[end + 1:]]
        if not pids:
            return False
        for pid in pids:
            if program == "kill" and pid in ("0", "-$$", "$$"):  # itself, or its own process group
                continue
            # (and an array of them: ``pids+=("$!")`` ... ``kill -TERM "${pids[@]}"``)
            match = re.fullmatch(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?|\$\{([A-Za-z_][A-Za-z0-9_]*)\[[@*]\]\}", pid)
            # (``scriptPid=$$``: the script itself, to end it from a subshell)
            values = [_OWN_JOB.sub("$!", v.strip("\"'")).replace("$$", "$!")
                      for v in self._values_one_level(match.group(1))] if match and match.group(1) else []
            # (a loop over such an array: ``for pid in "${pids[@]:-}"; do kill "$pid"; done``)
            values = [element for value in values for element in self._elements_if_array(value)]
            if match is not None and match.group(1):
                # ``kids=$!`` ... ``kids="$kids $!"``: a list of them grown one job at a time
                grown = (f"${match.group(1)}", f"${{{match.group(1)}}}", "$!")
                values = ["$!" if value.split() and all(w in grown for w in value.split()) else value
                          for value in values]
            if match is not None and match.group(2) is not None:
                values = self._array_elements(match.group(2))
            # ``pid=`` between uses resets it (``pid=0``, the guard of ``[ $pid -ne 0 ]``, too):
            # still only ever the script's own child
            if _OWN_JOB.sub("$!", pid) != "$!" and not (
                    values and all(v in ("$!", "", "0") for v in values) and "$!" in values):
                return False
        return True

    def _array_elements(self, name: str) -> list[str]:
        """The elements the array ``name`` is given by its compound assignments (``pids+=("$!")``,
        ``pids=()``), the script's own jobs as ``$!``; a slice of itself (``pids=("${pids[@]:1}")``,
        shifting one off) gives it nothing new."""
        itself = re.compile(rf"\$\{{{name}\[[@*]\](?::[-\d]*)?(?::\d+)?\}}")
        return [_OWN_JOB.sub("$!", element.strip("\"'")) for found in re.findall(
            rf"(?<![\w$]){name}\+?=\(([^)]*)\)", self.text) for element in found.split()
            if not itself.fullmatch(element.strip("\"'"))]

    def _elements_if_array(self, value: str) -> list[str]:
        array = _WHOLE_ARRAY.fullmatch(value)
        return self._array_elements(array.group(1)) if array else [value]

    def _values_one_level(self, name: str) -> list[str]:
        """The values ``name`` is given, a value that is another variable replaced by that one's
        (``for PID in "${NGINX_PID}" "${LOOP_PID}"`` after ``NGINX_PID=$!``)."""
        found: list[str] = []
        for value in self.raw_values.get(name, []) or self.parsed.for_items.get(name, []):
            inner = SUBJECT_VAR.fullmatch(value.strip("\"'"))
            found.extend(self.raw_values.get(inner.group(1), [value]) if inner and inner.group(1) != name else [value])
        return found

    def pid_file_stop(self, words: list[str]) -> bool:
        """``kill $(cat app.pid)``, ``kill -INT `head -1 $PGDATA/postmaster.pid```, ``kill "$pid"``
        after ``pid=$(cat "$pid_file")``: stopping the process a PID file names, as an init
        script's ``stop`` does (the daemon shuts down; nothing it holds is deleted): mutating."""
        if words[:1] == ["trap"] and len(words) > 1:
            inner = [w for _line, w in simple_commands(words[1])]
            return any(w[:1] == ["kill"] for w in inner) and all(
                self.pid_file_stop(w) or self.own_children(w)
                or not getattr(_commands.classify_argv(w, line=1), "destructive", False)
                for w in inner)
        program, index = command_program(words)
        if program != "kill":
            return False
        pids = [w.strip("\"'") for w in words[index + 1:] if not w.startswith("-") and w != "--"]
        if not pids:
            return False
        for pid in pids:
            if _PID_FILE_READ.fullmatch(pid):
                continue
            match = re.fullmatch(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?", pid)
            # (``local p; p="$(cat "$PIDFILE")"``: the declaration holds no value of its own)
            values = [v.strip("\"'") for v in self.raw_values.get(match.group(1), [])
                      if v.strip("\"'")] if match else []
            if not values or not all(_PID_FILE_READ.fullmatch(v) for v in values):
                return False
        return True

    @staticmethod
    def own_output(words: list[str], produced: set[str],
                   earlier: AbstractSet[str] = frozenset()) -> bool:
        """``rm out.json`` after ``curl -o out.json``/``> out.json``/``tar -xf out.json``...
        in the script (same literal path or same variable): its own output. A pattern
        (``rm bench*.img``, ``find . -name "bench*.img" -delete``) only after the script wrote
        files by fixed names it matches (``earlier``): a pattern before a dated backup is written
        (``rm db-*.gz`` then ``> db-$(date +%F).gz``) deletes the older ones."""
        if words[:1] == ["trap"] and len(words) > 1:  # ``trap 'rm -f "$out"' EXIT``: on the way out
            inner = [w for _line, w in simple_commands(words[1])]
            return bool(inner) and all(_Scan.own_output(w, produced, earlier)
                                       or _commands.classify_argv(w, line=1) is None for w in inner)
        program, index = command_program(words)
        if program == "find":
            return _finds_own_files(words[index + 1:], earlier)
        if program == "aws" and words[index + 1:index + 3] == ["s3", "rm"]:
            objects = _aws_s3_operands(words[index + 3:])  # the test object it uploaded itself
            return bool(objects) and "--recursive" not in words and all(
                path_key(word) in produced for word in objects)
        if program not in _REMOVERS and not (program and (program.startswith("mkfs") or program == "mkswap")):
            return False  # (formatting an image file the script just made is not destructive either)
        operands = [w for w in words[index + 1:] if not w.startswith("-")]
        if program and (program.startswith("mkfs") or program == "mkswap"):
            operands = operands[-1:]  # (``mkfs.ext4 -L data -E opts IMG``: the device or image is last)
        return bool(operands) and all(
            (key := path_key(word)) in produced or key.removeprefix("./") in produced
            or _glob_of_own(word, earlier) or _regenerated_pattern(word, produced)
            or _copied_in(key, produced) or (key.endswith("/*") and key[:-2] in produced)
            # (``rm -f "$LOGFILE.$1"``: the oldest rotation of a log the script writes itself)
            or ((rotated := _ROTATION.fullmatch(key)) is not None and rotated.group(1) in produced)
            for word in operands)  # (``rm -rf docs/snyk/*`` of a folder it makes and writes again)

    def loop_patterns(self, command: Command) -> list[str]:
        """``rm -f "${file}"`` in ``for file in "/etc/nginx/conf.d/standalone-cert-"*".conf"``:
        the words with the variable of the loop around them (the nearest ``for`` of that name
        above, in the text) as the patterns it walks, judged as ``rm`` of the pattern; the words
        themselves when there is no such loop."""
        out: list[str] = []
        lines = self.lines
        for word in command.words:
            match = SUBJECT_VAR.fullmatch(word.strip("\"'"))
            items = None
            if match and match.group(1) in self.parsed.for_items:
                loop = re.compile(rf"^\s*for\s+{match.group(1)}\s+in\s+(.+?)\s*(?:;\s*do\b.*)?$")
                header = next((found for k in range(command.line - 2, max(command.line - 12, 0) - 1, -1)
                               if 0 <= k < len(lines) and (found := loop.match(lines[k]))), None)
                try:
                    items = shlex.split(header.group(1)) if header else None
                except ValueError:
                    items = None
            if items and all(_GLOB_CHARS.search(item) and "$(" not in item and "`" not in item for item in items):
                out += items
            else:
                out.append(word)
        return out

    def removes_own_argument(self, command: Command, call: str, produced: set[str]) -> bool:
        """``clean_dir() { DIR="$1"; rm -rf "$DIR"; }`` called only as ``clean_dir "$TMP_DIR"``
        (a ``mktemp -d`` folder), also from a trap: a function that removes what it is handed,
        and every call hands it the script's own temporary or written files."""
        function = command.function
        words = call.split()
        program, index = command_program(words)
        if function is None or program not in _REMOVERS:
            return False
        positions = {int(match.group(1)) for word in words[index + 1:] if not word.startswith("-")
                     if (match := _ARGUMENT_OPERAND.fullmatch(word))}
        if not positions or len(positions) != sum(1 for w in words[index + 1:] if not w.startswith("-")):
            return False  # (``rm -rf "$1/build" /opt/x``: not only what it is handed)
        calls = [c.words for c in self.parsed.commands if c.words[:1] == [function]]
        calls += [inner for c in self.parsed.commands if c.words[:1] == ["trap"] and len(c.words) > 1
                  for _line, inner in simple_commands(c.words[1]) if inner[:1] == [function]]
        return bool(calls) and all(
            n < len(handed) and (self.is_scratch(handed[n]) or self.own_scratch(["rm", handed[n]])
                                 or self.own_output(["rm", handed[n]], produced)
                                 or self.own_output_expanded(["rm", handed[n]], produced))
            for handed in calls for n in positions)

    def deletes_uploaded_assets(self, words: list[str]) -> bool:
        """``github-release delete --tag V "$FILE" "$FILE.sha256"`` of assets the script uploads
        itself by those names (``gh release upload V "$FILE" "$FILE.sha256"``), to upload them
        again: its own release files (without names it deletes the release: not its own)."""
        program, index = command_program(words)
        if program != "github-release" or words[index + 1:index + 2] != ["delete"]:
            return False
        names = _release_operands(words[index + 2:])
        if not names:
            return False
        uploaded: set[str] = set()
        for other in self.parsed.commands:
            name, at = command_program(other.words)
            after = other.words[at + 1:]
            if name == "gh" and after[:2] == ["release", "upload"]:
                uploaded.update(_release_operands(after[2:]))
            elif name == "github-release" and after[:1] == ["upload"]:
                uploaded.update(_release_operands(after[1:]))
        return all(name in uploaded for name in names)

    def own_output_expanded(self, words: list[str], produced: set[str]) -> bool:
        """:meth:`own_output` with the variables set once written out on both sides: ``echo
        > $input-bw.data``, ``datafile=$input-bw.data``, then ``rm $datafile``."""
        if not produced or not any("$" in w for w in words[1:]):
            return False
        return self.own_output([words[0], *(self.expanded_key(w) if "$" in w else w for w in words[1:])],
                               {self.expanded_key(p) for p in produced})

    def sql_file_text(self, word: str) -> str | None:
        """The text of a ``.sql`` file of the tree the script feeds to a client (the first
        64 KiB: statements, not data), or None."""
        if not word.strip("\"'").endswith(".sql"):
            return None
        found = tree_file(word, self.file, self.root)
        if found is None:
            return None
        try:
            with open(found, encoding="utf-8", errors="replace") as handle:
                return handle.read(65536)
        except OSError:
            return None

    def dump_producer(self, words: list[str]) -> bool:
        """A command that writes a dump or a backup out (``gunzip -c db-dump.sql.gz``,
        ``restic dump $ID /db``, ``aws s3 cp s3://b/backup.sql -``), whose output the next
        command of the line reads (a pipe, or ``< <(...)``): in a restore script, any such."""
        program, index = command_program(words)
        if program not in _DUMP_READERS:
            return False
        rest = words[index + 1:]
        if program in ("restic", "borg", "kopia"):
            return bool(rest) and rest[0] in ("dump", "extract", "cat")
        return any(_DUMP_WORD.search(w) for w in rest if not w.startswith("-")) or bool(
            _RESTORE_WORD.search(self.script.path.rsplit("/", 1)[-1]))

    def sql_input(self, command: Command, confidence: Confidence, dumped: bool = False) -> list[Effect]:
        call = _commands.call_text(command.words)
        if command.stdin_text is not None:
            destructive = _commands.classify_sql(command.stdin_text)
            if destructive is not None:
                return [Effect("sql", destructive, f"{call} <<SQL", command.line, confidence,
                               via=command.function)]
            return []
        fed = [r.target for r in command.redirects
               if r.op.endswith("<") and r.op not in ("<<", "<<-", "<<<") and r.target]
        if fed:
            # a dump or a backup loaded into the server, by a restore script: what the database
            # held is replaced (a dump drops and recreates its tables); other SQL files, unknown
            restore = _RESTORE_WORD.search(self.script.path.rsplit("/", 1)[-1]) or any(
                _DUMP_WORD.search(target) for target in fed)
            if not restore and (text := self.sql_file_text(fed[0])) is not None:
                # a SQL file of the repository (``mysql < truncate_cache.sql``): what it says
                destructive = _commands.classify_sql(text)
                if destructive is not None:
                    return [Effect("sql", destructive, f"{call} < {fed[0]}", command.line, "medium",
                                   via=command.function)]
            return [Effect("sql", bool(restore), f"{call} < file", command.line,
                           "medium" if restore else "low", via=command.function)]
        if dumped and not any(w in _SQL_GIVEN for w in command.words):
            # the dump the command before wrote out, read from a pipe: loaded into the server
            return [Effect("sql", True, f"{call} < dump", command.line, "medium", via=command.function)]
        return []

    def redirect_effect(self, command: Command, redirect: Redirect, written: set[str],
                        confidence: Confidence, pipeline: Sequence[Command] = ()) -> Effect | None:
        op = redirect.op.lstrip("0123456789")
        target = redirect.target
        if op not in _WRITE_OPS or not target or target.startswith((*_QUIET_TARGETS, ">(", "<(")):
            return None
        if op == ">&" and (target.isdigit() or target == "-"):
            return None
        if target in written or self.is_scratch(target):
            return None
        written.add(target)
        call = _commands.call_text([*command.words, f"{op} {target}"])
        if op in (">", ">|") and _reads_what_it_truncates(pipeline, target):
            # ``cat "$CONF" | jq ... > "$CONF"``, ``sed 's/a/b/' f > f``: the shell empties the
            # file before the pipeline reads it, so what it held is lost (ShellCheck's SC2094)
            call = " | ".join(_commands.call_text(c.words) for c in pipeline[:-1]) + (
                " | " if len(pipeline) > 1 else "") + call
            return Effect("file-write", True, call, redirect.line, confidence, via=command.function)
        # ``true > /var/log/lastlog``, ``: > /var/log/wtmp``: a system record emptied, not a file
        # the script writes (its own log, written to after, is a rewrite of its own)
        emptied = op in (">", ">|") and command.words in ([], ["true"], [":"], ["cat", "/dev/null"]) \
            and target.startswith(_SYSTEM_RECORDS) and not any(
                r.target == target for other in self.parsed.commands if other.seq > command.seq
                for r in other.redirects)
        return Effect("file-write", emptied, call, redirect.line, confidence, via=command.function)

    # -- exits and dry run ------------------------------------------------------------------------

    def exit_codes(self) -> None:
        codes: set[int] = set()
        for command in self.parsed.commands:
            if command.words[:1] == ["exit"] and len(command.words) >= 2 and not command.remote:
                value = command.words[1]
                if re.fullmatch(r"-?\d+", value):
                    codes.add(int(value) % 256)
        self.script.exit_codes = sorted(codes)

    def dry_run(self) -> None:
        for flag in self.script.interface.flags:
            names = [flag.name, *flag.aliases]
            for name in names:
                bare = name.lstrip("-").lower()
                dest_hint = flag.dest is not None and _DRY_RUN_VARIABLE.match(flag.dest)
                if bare in _DRY_RUN_NAMES or (flag.type == "boolean" and (
                        dest_hint or (len(bare) == 1 and flag.help and _DRY_RUN_HELP.search(flag.help)))):
                    self.script.has_dry_run = True
                    self.script.dry_run_flag = flag.name
                    return
        confirming = any(name.lstrip("-").lower() in _CONFIRM_NAMES
                         for flag in self.script.interface.flags for name in (flag.name, *flag.aliases))
        if confirming or any(_DRY_RUN_VARIABLE.match(var.name) for var in self.script.env):
            self.script.has_dry_run = True


_LIBRARY_EFFECTS: dict[tuple[str, str, int, int], tuple[Effect, ...]] = {}


def _library_effects(lib: Sourced) -> tuple[Effect, ...]:
    """A sourced file's effects, by function (``via``), found once per version of the file: a
    library sourced by fifty scripts is read once (the parse is cached the same way)."""
    key = (lib.path, *lib.version)
    found = _LIBRARY_EFFECTS.get(key)
    if found is None:
        if len(_LIBRARY_EFFECTS) > 256:
            _LIBRARY_EFFECTS.clear()
        inner = _Scan(Script(path=lib.path, language="shell"), lib.text, parsed=lib.parsed)
        inner.collect_assignments()
        inner.effects()
        found = _LIBRARY_EFFECTS[key] = tuple(inner.script.effects)
    return found


_RUNTIMES = frozenset({"docker", "podman", "nerdctl"})


_RUNTIME_WORD = _Mentioned(r"\b(?:docker|podman|nerdctl)\b", "docker", "podman", "nerdctl")
_INITDB = re.compile(r"\binitdb\b|\bpg_ctl\b[^\n|;&]*\binit(?:db)?\b|\binit(?:iali[sz]e)?_(?:database|db|cluster)\b")

_BRANCH_DELETE = re.compile(r"\bgit\s+branch\s+(?:-\w+\s+)*?(?:-d|--delete)\b")

_MADE_BY_ID = re.compile(r"^\$\(\s*(?:eval\s+[\"']?)?(?:sudo\s+)?(?:[a-z_][\w-]*\s+){0,2}?"
                         r"(?:docker|podman|nerdctl)\s+(?:container\s+)?(?:create|run)\b")
"""``ID=$(docker create img)``, also through a wrapper function or two (``$(ici_cmd docker
create ...)``, ``$(retry docker run -d ...)``) that print what they run."""


_COMPOSE_VALUES = frozenset({"-f", "--file", "-p", "--project-name", "--env-file", "--profile",
                             "--project-directory"})


def _compose_call(words: list[str]) -> tuple[str, tuple[str, ...] | None] | None:
    """``docker compose -f a.yml -p x up -d``: (the verb, the files and project named, in
    order), for ``docker compose``, ``docker-compose`` and ``podman-compose``; the second is
    None when the command names them through a variable it cannot compare."""
    program, index = command_program(words)
    rest = words[index + 1:]
    if program in ("docker", "podman") and rest[:1] == ["compose"]:
        rest = rest[1:]
    elif program not in ("docker-compose", "podman-compose"):
        return None
    named: list[str] = []
    at = 0
    while at < len(rest) and rest[at].startswith("-"):
        option, eq, value = rest[at].partition("=")
        if option in _COMPOSE_VALUES:
            if not eq and at + 1 < len(rest):
                value = rest[at + 1]
                at += 1
            named.append(f"{option}={value}")
        at += 1
    if at >= len(rest):
        return None
    return rest[at], tuple(named)


def _printed_command_lines(words: list[str]) -> list[str]:
    """The command lines ``awk '{print "tool verb " $1}'``, ``echo "tool verb x"`` or ``printf``
    print (the literal text, each a line a shell piped after them would run)."""
    program, index = command_program(words)
    if program in ("awk", "gawk", "mawk"):
        source = next((w for w in words[index + 1:] if not w.startswith("-")), "")
        texts = [m.group(1) for m in re.finditer(r'"((?:[^"\\]|\\.)*)"', source)]
    elif program in ("echo", "printf"):
        texts = [" ".join(w for w in words[index + 1:] if not w.startswith("-"))]
    else:
        return []
    return [text.strip() for text in texts if re.match(r"\s*[a-z][\w.-]*\s+\S", text)]


def _removes_itself(words: list[str]) -> bool:
    """``rm -f "$0"``: the script deletes its own file (an installer stub replaced by what it
    installs, a run-once hook), nothing else."""
    program, index = command_program(words)
    operands = [w for w in words[index + 1:] if not w.startswith("-")]
    return program in _REMOVERS and bool(operands) and all(w in ("$0", "${0}") for w in operands)


_BRACES = re.compile(r"^([^{}$`\"']*)\{([^{}$`\"']*,[^{}$`\"']*)\}([^{}$`\"']*)$")


def _braces(word: str) -> list[str]:
    """One level of the shell's brace expansion: ``a{,.b}c`` -> ``ac``, ``a.bc``."""
    match = _BRACES.match(word)
    if match is None:
        return [word]
    head, choices, tail = match.groups()
    return [f"{head}{choice}{tail}" for choice in choices.split(",")]


def _under(words: list[str], folder: str) -> list[str]:
    """``rm -f README.md`` run in ``dist``: ``rm -f dist/README.md`` (relative operands only)."""
    _program, index = command_program(words)
    return [*words[:index + 1], *(w if w.startswith(("-", "/", "$", "~")) else f"{folder}/{w}"
                                  for w in words[index + 1:])]


def _destroys(words: list[str]) -> bool:
    effect = _commands.classify_argv(words, line=1)
    return effect is not None and effect.destructive


def _containers_made(commands: list[Command]) -> set[str]:
    """Names the script gives the containers it makes (``docker create --name X``,
    ``docker run --name=X``), the variables holding the ID of one it makes
    (``ID=$(docker create img)``: ``$ID``), and the images it builds or tags (``docker build -t
    X``, ``docker tag SRC X``: ``image:X``)."""
    names: set[str] = set()
    copies: dict[str, set[str]] = {}
    for command in commands:
        for name, value, _raw in command.assignments:
            if _MADE_BY_ID.match(value):
                names.add(f"${name}")
            elif value.strip("\"'"):
                copies.setdefault(name, set()).add(path_key(value))
        program, index = _program_of(command.words) if command.words else (None, 0)
        rest = command.words[index + 1:]
        if program in _RUNTIMES and rest[:2] == ["volume", "create"]:
            # ``docker volume create --name X`` (or ``... create X``): ``volume:X``
            named = [rest[i + 1] for i, w in enumerate(rest[:-1]) if w == "--name"] + \
                [w for i, w in enumerate(rest[2:], 2) if not w.startswith("-") and rest[i - 1] not in (
                    "--name", "--driver", "-d", "--label", "--opt", "-o")]
            names.update("volume:" + path_key(name) for name in named[:1])
        elif program in _RUNTIMES and rest[:1] in (["create"], ["run"], ["container"]):
            for i, word in enumerate(rest):
                if word == "--name" and i + 1 < len(rest):
                    names.add(path_key(rest[i + 1]))
                elif word.startswith("--name="):
                    names.add(path_key(word.partition("=")[2]))
                elif word == "--cidfile" or word.startswith("--cidfile="):
                    # ``docker run --cidfile $DIR/x.cid ...``: ``docker rm -f $(cat $cidfile)``
                    # removes a container whose ID the script's own run wrote down
                    names.add(_CIDFILE_READ)
        elif program in _RUNTIMES and (rest[:1] == ["tag"] or rest[:2] == ["image", "tag"]):
            # ``docker tag app $ECR/app:ref.$SHA``, pushed, then ``docker rmi $ECR/app:ref.$SHA``:
            # a name it gave an image, taken off again (the image itself stays)
            operands = [w for w in rest[1 if rest[0] == "tag" else 2:] if not w.startswith("-")]
            names.update("image:" + path_key(target) for target in operands[1:2])
        elif program in _RUNTIMES and (rest[:1] == ["build"] or rest[:2] in (["image", "build"],
                                                                            ["buildx", "build"])):
            for i, word in enumerate(rest):
                if word in ("-t", "--tag") and i + 1 < len(rest):
                    names.add("image:" + path_key(rest[i + 1]))
                elif word.startswith("--tag="):
                    names.add("image:" + path_key(word.partition("=")[2]))
    # ``CLEANUP_CONTAINER="${cid}"`` (emptied again elsewhere): the ID of one it made, under another name
    names.update(f"${name}" for name, values in copies.items() if values and values <= names)
    return names


_MANIFEST_KIND = re.compile(r"^kind:\s*[\"']?(\w+)", re.M)
_MANIFEST_NAME = re.compile(r"^metadata:[ \t]*\n(?:[ \t]+.*\n)*?[ \t]+name:\s*[\"']?([\w.\-]+)[\"']?\s*$", re.M)


_KUBE_SHORT = {"po": "pod", "ns": "namespace", "deploy": "deployment", "svc": "service",
               "sa": "serviceaccount", "pvc": "persistentvolumeclaim", "pv": "persistentvolume",
               "sts": "statefulset", "ds": "daemonset", "rs": "replicaset", "cm": "configmap"}


def _kube_kind(kind: str) -> str:
    kind = kind.lower()  # ``Pod``, ``pods``, ``po``, ``pod``: one spelling
    return _KUBE_SHORT.get(kind, kind).rstrip("s")


def _kube_objects_made(commands: list[Command]) -> set[str]:
    """``kind/name`` of the Kubernetes objects the script makes under a fixed name: ``kubectl
    run NAME``, ``kubectl create KIND NAME``, and each manifest of a here-document it hands
    to ``kubectl apply -f -`` (or ``create``)."""
    made: set[str] = set()
    deleted: set[str] = set()
    applied = False
    for command in commands:
        words = command.words
        verb = next((w for w in words[1:] if not w.startswith("-")), None)
        if verb in ("apply", "create") and "-f" in words and "-" in words:
            applied = True
        if words[:1] in (["kubectl"], ["oc"]) and verb in ("create", "delete") and "-f" in words[:-1] \
                and words[words.index("-f") + 1] != "-":
            # ``kubectl create -f prepull.yaml`` (create fails on what exists: the objects are
            # new), unless a ``delete -f`` of the same file came first (a running deployment
            # torn down and made again)
            manifest = "file:" + path_key(words[words.index("-f") + 1])
            if verb == "delete":
                deleted.add(manifest)
            elif manifest not in deleted:
                made.add(manifest)
        if words[:1] in (["kubectl"], ["oc"]) and verb in ("run", "create"):
            rest = [w for w in words[words.index(verb) + 1:] if not w.startswith("-")]
            if verb == "run" and rest:
                made.add(f"pod/{path_key(rest[0])}")
            elif verb == "create" and len(rest) >= 2 and rest[0] not in ("secret", "configmap"):
                made.add(f"{_kube_kind(rest[0])}/{path_key(rest[1])}")
    if applied:
        for command in commands:
            text = command.stdin_text
            if not text or "kind:" not in text or "metadata:" not in text:
                continue
            text = re.sub(r"^\t+", "", text, flags=re.M)  # a ``<<-EOF`` body indented by tabs
            for document in re.split(r"^---.*$", text, flags=re.M):
                kind, name = _MANIFEST_KIND.search(document), _MANIFEST_NAME.search(document)
                if kind and name:
                    made.add(f"{_kube_kind(kind.group(1))}/{name.group(1)}")
    return made


_CREATE_VERBS = frozenset({"create", "add", "new", "mb"})  # (``aws s3 mb``: make bucket)
_DELETE_VERBS = frozenset({"delete", "rm", "remove", "destroy", "del", "rb"})
_MADE_ID = re.compile(r"^\$\(\s*(?:sudo\s+)?[\w./-]+(?:\s+[\w.:/-]+){0,3}?\s+"
                      r"(?:create|import|run|allocate|request|register|record)(?:-[\w-]+)?(?=\s|\)|$)")
"""``ARN=$(aws acm import-certificate ...)``, ``ID=$(gcloud ... create ...)``, ``rid=$(kapacitor record batch ...)``: the value is the
identifier of something the command just made."""
_CHAIN_OR_SET_REMOVED = re.compile(r"\bip6?tables\b.*\s(?:-X|--delete-chain)\s+[\"']?(?P<chain>[^\s\"'-][^\s\"']*)"
                                   r"|\bipset\s+(?:destroy|flush|-X|-F|x)\s+[\"']?(?P<set>[^\s\"'-][^\s\"']*)")
_CHAIN_FLUSH = re.compile(r"\s(?:-F|--flush)\s+[\"']?([^\s\"'-][^\s\"']*)")
_LOCAL_TAG_DELETE = re.compile(r"git\s+tag\s+(?:-d|--delete)\b")
_TAGS_FETCHED = re.compile(r"^\s*git\s+(?:fetch|pull)\b.*\s--tags\b", re.M)
"""``git tag -d $(git tag)``, then ``git fetch --tags``: a checkout's local tags cleared and
fetched again from the remote (to follow a re-tag), nothing lost."""
_NSUPDATE_DELETES = re.compile(r"(?mi)^\s*update\s+del(?:ete)?\s+\S")
_CONSOLE_DELETES = re.compile(r"(?m)^\s*(?:prune|purge|delete)\s+\S")
_MAKES_ITS_OUTPUT_FOLDER = frozenset({"stubgen", "sphinx-apidoc", "sphinx-autogen", "jsonnet", "sphinx-build",
                                      "scan-build"})
_SYSTEM_RECORDS = ("/var/log/", "/var/lib/", "/var/spool/", "/var/mail/")
_UNDER_VARIABLE = re.compile(r"^(?:\$\(\s*(?:find|ls)\s+(?:-\S+\s+)*)?[\"']?\$\{?(\w+)\b")
_FIRST_VARIABLE = re.compile(r"[\"']?\$\{?(\w+)\b")
_FIRST_ARGUMENT = frozenset({"$1", "${1}", "$*", "${*}", "$@", "${@}"})
_DECLARES = frozenset({"local", "declare", "typeset", "readonly", "export"})


def _string_runners(commands: list[Command]) -> set[str]:
    """Functions that run their first argument as a command line: ``execute() { local cmd=$1;
    echo ">> $cmd"; $cmd; }``, ``run() { eval "$1"; }``, ``remote() { sh -c "$*"; }``."""
    holders: dict[str, set[str]] = {}
    for command in commands:
        if command.function is None:
            continue
        pairs = [(name, value) for name, value, _ in command.assignments]
        if command.words[:1] and command.words[0] in _DECLARES:
            pairs += [(word.partition("=")[0], word.partition("=")[2]) for word in command.words[1:] if "=" in word]
        for name, value in pairs:
            if value in _FIRST_ARGUMENT:
                holders.setdefault(command.function, set()).add(name)
    found: set[str] = set()
    for command in commands:
        if command.function is None or not command.words:
            continue
        first = command.words[0]
        run = first if first.startswith("$") else (
            command.words[1] if first == "eval" and len(command.words) == 2 else
            command.words[2] if first in ("sh", "bash") and command.words[1:2] == ["-c"] and len(command.words) >= 3
            else None)
        if run is not None and (run in _FIRST_ARGUMENT or run.strip("${}") in holders.get(command.function, ())):
            found.add(command.function)
    return found


_DELETING_ENDPOINT = re.compile(r"(?i)(?:delete|destroy|purge|remove|forget|reset|drop|wipe|terminate|truncate)(?:[-_][a-z]+)*")


_RELEASE_SWITCHES = frozenset({"--clobber", "--draft", "--prerelease", "-y", "--yes"})


def _release_operands(words: list[str]) -> list[str]:
    """The positional words of a release tool's command (``--repo R``, ``--tag V`` left out)."""
    return _operands(words, _RELEASE_SWITCHES)


def _reads_what_it_truncates(pipeline: Sequence[Command], target: str) -> bool:
    """A command of the pipeline names ``target`` as an operand or reads it with ``<``, while the
    last one truncates it with ``>``: the file is emptied before it is read."""
    key = path_key(target)
    for command in pipeline:
        program, index = command_program(command.words)
        if program in ("echo", "printf", "sponge", "tee", "mv", "cp", "touch", "test", "[", "[["):
            continue  # (``sponge`` soaks its input up first; the rest do not read the file)
        if any(path_key(word) == key for word in command.words[index + 1:]) or any(
                r.op.lstrip("0123456789") == "<" and path_key(r.target) == key for r in command.redirects):
            return True
    return False


def _redirected_into(command: Command) -> list[str]:
    """The files a command writes by redirection (fixed paths, not patterns or devices)."""
    return [path_key(r.target) for r in command.redirects if r.op.lstrip("0123456789") in _WRITE_OPS
            and r.target and "*" not in r.target and not r.target.startswith("/dev/")]


def _shell_string_commands(words: list[str]) -> list[list[str]]:
    """The commands of ``sh -c STRING`` (also behind ``time``, ``sudo``...): their words."""
    return [command.words for command in _shell_string_parsed(words) if command.words]


def _shell_string_parsed(words: list[str]) -> list[Command]:
    """The commands of ``sh -c STRING`` (also behind ``time``, ``sudo``...), parsed."""
    inner = _commands.unwrapped(words)
    if not inner or inner[0].rsplit("/", 1)[-1] not in ("sh", "bash", "dash", "zsh"):
        return []
    string = _commands.shell_string(inner[1:])
    return parse_shell(string).commands if string else []


def _command_strings_run(parsed: Parsed, sourced: list[Sourced]) -> Parsed:
    """``execute "git push origin :refs/tags/$tag"`` through a function that runs its first
    argument (:func:`_string_runners`): the command line it runs, read as a command of its own
    at the line of the call (beside the call, which stays)."""
    runners = _string_runners([*parsed.commands, *(c for lib in sourced for c in lib.parsed.commands)])
    if not runners:
        return parsed
    commands: list[Command] = []
    for command in parsed.commands:
        commands.append(command)
        if len(command.words) == 2 and command.words[0] in runners and " " in command.words[1].strip():
            commands += [replace(inner, line=command.line, function=command.function, arm=command.arm,
                                 remote=command.remote, seq=command.seq)
                         for inner in parse_shell(command.words[1]).commands if inner.words]
    return replace(parsed, commands=commands)


_ALL_ARGUMENTS = frozenset({"$@", "${@}", "$*", "${*}"})
"""A function's arguments handed on whole (``az "$@"``)."""
_DELETE_ACTION = re.compile(r"^(?:delete|remove|terminate|deregister|release|destroy)(?:-[\w-]+)?$")


def _removes_imported_keys(words: list[str], text: str) -> bool:
    """``gpg --delete-secret-keys`` in a script that imports the signing key it is handed
    (``gpg --batch --import signing.gpg``): the keys it imported for the run, removed again."""
    inner = _untrapped(words)
    if inner is None:
        return False
    words = inner
    return command_program(words)[0] == "gpg" and any(
        w.startswith(("--delete-key", "--delete-secret-key")) for w in words) and bool(
        re.search(r"\bgpg\b[^\n]*\s--import\b", text))


_AWS_MAKES = re.compile(r"^(?:create|add|attach|put|import|register|allocate|run)-[\w-]+$")
_AWS_UNMAKES = re.compile(r"^(?:delete|remove|detach|deregister|release|terminate)-[\w-]+$")


def _aws_named(words: list[str], actions: re.Pattern[str]) -> tuple[str, set[str]] | None:
    """``aws iam create-user --user-name "$U"``: (the service, the values of its naming
    options: ``--*-name``, ``--*-id``, ``--*-arn``), when the action is one of ``actions``."""
    program, index = command_program(words)
    rest = words[index + 1:]
    if program != "aws" or len(rest) < 2 or not actions.match(rest[1]):
        return None
    values = {path_key(rest[i + 1]) for i, w in enumerate(rest[:-1])
              if re.fullmatch(r"--[\w-]+-(?:name|id|ids|arn)", w)}
    return rest[0], values


def _aws_made(commands: list[Command]) -> list[tuple[int, str | None, str, set[str]]]:
    """What the script's own ``aws`` creates named: (seq, function, service, values)."""
    made = []
    for command in commands:
        found = _aws_named(command.words, _AWS_MAKES) if command.words[:1] == ["aws"] else None
        if found is not None and found[1]:
            made.append((command.seq, command.function, *found))
    return made


def _aws_own(command: Command, made: list[tuple[int, str | None, str, set[str]]],
             handlers: AbstractSet[str]) -> bool:
    """``aws iam delete-user --user-name "$U"`` after its own ``aws iam create-user --user-name
    "$U"`` (in the same function, or on the way out): each name it deletes, detaches or
    removes, the script made or attached itself."""
    found = _aws_named(command.words, _AWS_UNMAKES)
    if found is None or not found[1]:
        return False
    service, values = found
    trapped = command.function in handlers
    earlier = set().union(*[names for seq, function, made_in, names in made if made_in == service
                            and (trapped or (seq < command.seq and function == command.function))])
    return values <= earlier


def _made_ids(commands: list[Command]) -> set[str]:
    """Variables holding the identifier a create command of the script printed."""
    return {name for command in commands for name, value, _raw in command.assignments
            if _MADE_ID.match(value)}


def _trap_handlers(commands: list[Command], functions: Mapping[str, object]) -> set[str]:
    """Functions an exit ``trap`` runs (``trap cleanup_aws EXIT``): what they delete, they
    delete on the way out, after everything the script made."""
    return {words[1] for command in commands if (words := command.words)[:1] == ["trap"]
            and len(words) > 2 and words[1] in functions}


def _deletes_made_id(words: list[str], ids: set[str]) -> bool:
    """``aws elbv2 delete-trust-store --trust-store-arn $TRUST_STORE_ARN``: a delete whose
    target is an identifier the script's own create printed."""
    program, index = command_program(words)
    if program is None or not ids:
        return False
    rest = words[index + 1:]
    if not any(_DELETE_ACTION.match(word) for word in rest[:3]):
        return False
    # where it is done (``--region $AWS_REGION``) is not what is deleted
    targets = [w for i, w in enumerate(rest) if not (i and rest[i - 1] in _WHERE_OPTIONS)
               and not w.startswith(tuple(f"{o}=" for o in _WHERE_OPTIONS))]
    named = {m.group(1) for word in targets for m in re.finditer(r"\$\{?(\w+)\}?", word)}
    return bool(named) and named <= ids


_WHERE_OPTIONS = ("--region", "--profile", "--project", "--zone", "--location", "--endpoint-url",
                  "--output", "--query", "--subscription", "--resource-group", "-g", "--namespace", "-n")
_NOT_RESOURCE_CLIS = frozenset({"kubectl", "oc", *_RUNTIMES, "git", "rm", "find", "sh", "bash",
                                "sudo", "env", "xargs", "trap"})


def _resource_key(words: list[str], verbs: frozenset[str]) -> tuple[tuple[str, ...], list[str]] | None:
    """``temporal schedule delete -s "$id"``: (program and the words before the verb, the
    words after it with their quotes taken off), when one of the first three words after the
    program is one of ``verbs``."""
    program, index = command_program(words)
    if program is None or program in _NOT_RESOURCE_CLIS:
        return None
    if program.startswith("$"):  # ``$EXE cluster create NAME``: the same variable both times
        program = words[index]
    rest = words[index + 1:]
    for at, word in enumerate(rest[:3]):
        if word.startswith("-"):
            return None
        if word in verbs:
            return (program, *rest[:at]), [w.strip("\"'") for w in rest[at + 1:]]
        verb, dash, noun = word.partition("-")
        if dash and noun and verb in verbs:  # ``cf create-service-key`` ... ``cf delete-service-key``
            return (program, *rest[:at], noun), [w.strip("\"'") for w in rest[at + 1:]]
    return None


def _cli_resources_made(commands: list[Command]
                        ) -> dict[tuple[str, ...], list[tuple[int, str | None, set[str]]]]:
    """What a CLI's ``create`` commands name (``temporal schedule create -s "$id" ...``), by
    program and noun: the seq of each, its function and its words."""
    made: dict[tuple[str, ...], list[tuple[int, str | None, set[str]]]] = {}
    for command in commands:
        found = _resource_key(command.words, _CREATE_VERBS) if command.words else None
        if found is not None:
            made.setdefault(found[0], []).append((command.seq, command.function, set(found[1])))
    return made


_WHOLE_TABLE_RESET = re.compile(r"^(?:sudo\s+)?(?P<tool>ip6?tables)\s+(?:-t\s+\S+\s+)?(?:-F|--flush|-X|--delete-chain|-Z|--zero)$")
"""``iptables -F``, ``iptables -t nat -X``: every chain of a table flushed or deleted (no chain named)."""


def _pf_refilled(command: Command, commands: list[Command]) -> bool:
    """``pfctl -a "$anchor" -F rules`` or ``pfctl -t "$table" -T flush`` of an anchor or a table
    the script also loads from a file (``pfctl -a "$anchor" -f "$conf"``, ``pfctl -t "$table" -T
    replace -f "$list"``): a jail's or a service's own rules, unloaded, that a load puts back. A
    function's ``$2`` is what its callers hand it (``flush "$a" "$a/$JAIL"``)."""
    # (also through the script's own runner: ``do_cmd pfctl -a "$2" -F rules``)
    words = command.words[command.words.index("pfctl"):]
    named: dict[str, set[str]] = {}
    for option in ("-a", "-t"):
        value = option_value(words, frozenset({option}))
        if value is None:
            continue
        values = {value}
        if command.function is not None and re.fullmatch(r"\$\{?[1-9]\}?", value):
            position = int(value.strip("${}"))
            values = {other.words[position] for other in commands
                      if other.words[:1] == [command.function] and len(other.words) > position}
        named[option] = values
    if not named:
        return False
    return any("pfctl" in other.words and "-f" in other.words and any(
        option_value(other.words, frozenset({option})) in values for option, values in named.items())
        for other in commands)


def _own_cli_resource(command: Command,
                      made: dict[tuple[str, ...], list[tuple[int, str | None, set[str]]]],
                      handlers: AbstractSet[str] = frozenset()) -> bool:
    """``temporal schedule delete -s "$id"`` (in an exit ``trap``, or after the create) of what
    the script's own ``temporal schedule create -s "$id"`` made, under the same names: a test
    or fixture script cleaning up after itself. A delete before the create (``kops delete
    cluster`` to make it again) removes what was there: not its own, and so does one in
    another function than the create's, unless an exit trap runs it."""
    words = _untrapped(command.words)
    if words is None:
        return False
    trapped = words is not command.words or command.function in handlers
    found = _resource_key(words, _DELETE_VERBS)
    if found is None:
        return False
    names = [w for w in found[1] if not w.startswith("-")]
    # (after the create in the same function: a ``teardown`` function beside a ``deploy`` one
    # deletes what an earlier run made, on another day)
    return bool(names) and any(
        (trapped or (seq < command.seq and function == command.function)) and all(n in created for n in names)
        for seq, function, created in made.get(found[0], ()))


def _own_kube_object(words: list[str], made: set[str]) -> bool:
    """``kubectl delete pod/backup-access`` (or ``pod backup-access``) of an object the script
    made itself under that name (a helper pod it starts to copy files out), or of anything in a
    namespace it made (``kubectl create ns $NS`` ... ``kubectl -n $NS delete job/x``)."""
    if not made or words[:1] not in (["kubectl"], ["oc"]) or "delete" not in words:
        return False
    namespace = next((words[i + 1] for i, w in enumerate(words[:-1]) if w in ("-n", "--namespace")), None) or next(
        (w.partition("=")[2] for w in words if w.startswith("--namespace=")), None)
    if namespace and f"namespace/{path_key(namespace)}" in made:
        return True  # in a namespace the script made for itself (a verification job's)
    if "-f" in words[:-1]:  # ``kubectl delete -f prepull.yaml`` of what ``create -f`` made
        return "file:" + path_key(words[words.index("-f") + 1]) in made
    rest = [w for w in words[words.index("delete") + 1:] if not w.startswith("-")]
    if not rest:
        return False
    if "/" in rest[0]:
        targets = [(_kube_kind(w.partition("/")[0]), w.partition("/")[2]) for w in rest]
    else:
        targets = [(_kube_kind(rest[0]), w) for w in rest[1:]]
    return bool(targets) and all(f"{kind}/{path_key(name)}" in made for kind, name in targets)


def _untrapped(words: list[str]) -> list[str] | None:
    """The one command an exit ``trap`` runs (``trap "docker rm -vf $cid" EXIT``), the words
    themselves when they are no trap, None for a trap of several commands."""
    if words[:1] != ["trap"] or len(words) < 2:
        return words
    inner = [w for _line, w in simple_commands(words[1])]
    return inner[0] if len(inner) == 1 else None


def _volume_made_again(command: Command, commands: list[Command]) -> bool:
    """``docker volume rm X`` before ``docker volume create X`` in the same function (or both at
    the top level): a volume left by an earlier run is dropped, with its data, to be made anew
    (a cleanup of the script's own volume comes after it makes it, or in a trap)."""
    program, index = command_program(command.words)
    rest = command.words[index + 1:]
    if program not in _RUNTIMES or rest[:2] != ["volume", "rm"]:
        return False
    removed = {path_key(w) for w in rest[2:] if not w.startswith("-")}
    made = [other for other in commands if other.function == command.function
            and (found := command_program(other.words) if other.words else (None, 0))[0] in _RUNTIMES
            and other.words[found[1] + 1:found[1] + 3] == ["volume", "create"]
            and removed & {path_key(w) for w in other.words[found[1] + 3:]}]
    return bool(made) and all(other.line > command.line for other in made)


_CIDFILE_READ = "$(cat)"
"""In the names made: the script runs containers with ``--cidfile``; an ID read back with
``$(cat FILE)`` is one of them."""


def _own_container(words: list[str], made: set[str]) -> bool:
    """``docker rm -f X`` of a container the script made itself under that name (or whose ID
    it holds, also in an exit ``trap``), ``docker rmi X`` of an image it built as X."""
    inner = _untrapped(words)
    if inner is None:
        return False
    words = inner
    program, index = _program_of(words)
    # through a wrapper function or two of a library (``ici_cmd ici_quiet docker rm "$cid"``)
    if program not in _RUNTIMES and (handed := next((i for i, w in enumerate(words[:3]) if w in _RUNTIMES), None)) \
            and all(re.fullmatch(r"[a-z_][\w-]*", w) for w in words[:handed]):
        program, index = words[handed], handed
    rest = words[index + 1:]
    if program not in _RUNTIMES or not made:
        return False
    if rest[:2] in (["container", "rm"], ["image", "rm"], ["volume", "rm"]):
        rest = [{"image": "rmi", "container": "rm", "volume": "volume-rm"}[rest[0]], *rest[2:]]
    if rest[:1] not in (["rm"], ["rmi"], ["volume-rm"]):
        return False
    # ``docker rmi -f X`` of the image it built as X, ``docker volume rm X`` of the one it made
    prefix = {"rmi": "image:", "volume-rm": "volume:"}.get(rest[0], "")
    targets = [w for w in rest[1:] if not w.startswith("-")]
    return bool(targets) and all(prefix + path_key(w) in made or (
        not prefix and _CIDFILE_READ in made and re.fullmatch(r"\$\(\s*cat\s+[^()]+\)", w))
        for w in targets)


def _argument_suffix(values: dict[tuple[str, str], str], function: str, name: str) -> str | None:
    """What ``name`` holds in ``function`` relative to its first argument: ``""`` for
    ``var="$1"``, ``"_FILE"`` for ``fileVar="${var}_FILE"``; None for anything else."""
    raw = values.get((function, name))
    if raw is None:
        return None
    if re.fullmatch(r"\$\{?1\}?", raw):
        return ""
    match = re.fullmatch(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?(\w+)", raw)
    if match and values.get((function, match.group(1)), "") in ("$1", "${1}"):
        return match.group(2)
    return None


def scan_shell(script: Script, text: str, *, file: Path | None = None, root: Path | None = None) -> None:
    """Fill ``script`` (interface, env, effects, exit_codes, has_dry_run, dry_run_flag, summary,
    warnings) from a shell script's text.

    Decisions: ``> file`` is a file-write, not destructive (a script truncating its own output or
    log is normal; one effect per target); ``exit`` with no number and ``exit $?`` add no code; a
    variable read before the script assigns it, or assigned only from itself
    (``FOO=${FOO:-x}``), is an environment read; ``${VAR:?}``, or a plain read under ``set -u``,
    makes it required; a ``DRY_RUN`` environment variable sets ``has_dry_run`` without a flag.
    With the script's ``file`` and the scan's ``root``, the files it sources are read too
    (:mod:`opsctl.adopt.shell_sources`). An ERB template's tags are read as what they stand
    for: ``<%= p("x") %>`` a value known when rendered, ``<% if ... %>`` nothing."""
    if "<%" in text:
        text = _ERB_TAG.sub(_erb_placeholder, text)
    _Scan(script, text, file=file, root=root).run()


_DESTRUCTIVE_STATEMENT = re.compile(
    r"\b(DROP\s+TABLE(?:\s+IF\s+EXISTS)?|DROP\s+DATABASE(?:\s+IF\s+EXISTS)?|DROP\s+SCHEMA|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)"
    r"\s+[`\"']?(?!IF\b)([\w.${}]+)", re.I)
_ERB_TAG = re.compile(r"<%(=?)-?(.*?)-?%>", re.S)
_TEMPLATE_VALUE = "__template_value__"


def _erb_placeholder(match: re.Match[str]) -> str:
    """A tag's stand-in, with its line breaks kept (so every line keeps its number): an output
    tag is a value the script does not know (not an environment variable it reads), a control
    tag nothing."""
    breaks = "\n" * match.group(0).count("\n")
    return ("${" + _TEMPLATE_VALUE + "}" if match.group(1) else "") + breaks
