"""What a command line does, decided from its words alone (nothing is run).

:func:`classify_argv` unwraps wrappers (``sudo``, ``env``, ``nohup``, ``timeout``, ``xargs``,
``sh -c``, ``ssh host cmd``, ``docker exec``/``kubectl exec``, ``find -exec``...) and applies one
rule per executable. A rule answers *destructive* (data may be lost: deletes, overwrites,
terminates, forces), *mutating* (changes something outside the script) or nothing (reads, or an
executable we know nothing about: unknown names are not reported, so the inventory is not flooded;
the callers finder handles ``./other.sh`` and ``*.py``).

This module holds that public API, the masking of secrets in the call text and the unwrapping;
the rules themselves are in :mod:`~opsctl.adopt.command_rules` (the table by executable, host
tools), :mod:`~opsctl.adopt.service_rules` (database, HTTP and platform clients) and
:mod:`~opsctl.adopt.command_args` (what they share).

Decisions taken where the answer is arguable:

- ``shutdown``/``poweroff``/``halt`` (and ``systemctl poweroff``): destructive, they stop
  whatever runs on the host until someone starts it again; ``reboot``, ``shutdown -r`` and
  ``systemctl reboot``: mutating, the host comes back as a restarted service does (the labels
  of the corpus call a reboot at the end of an upgrade or a provisioning step so);
  ``kill``/``pkill``/``killall`` (and Python's ``os.kill``)
  terminate processes: destructive, mutating with a signal that asks a process to reload, report
  or pause (``-HUP``, ``-USR1``, ``-USR2``, ``-CONT``, ``-STOP``).
- A project's wrapper named after a tool (``ghe-rsync``, ``ghe-ssh``, ``run_kubectl``) is read as
  that tool, at medium confidence; a command named for loading a dump into a data store
  (``ghe-import-redis``, ``restore_db``) replaces what the store holds: destructive, medium.
- ``truncate -s 0``/``-s -N``: destructive; ``truncate -s 1G img`` (preallocating): mutating.
  ``dd of=/dev/...``: destructive; ``dd of=FILE``: mutating, like a redirection.
- ``git clone``/``git pull``/``git checkout <branch>``: mutating (they write a local tree);
  ``git fetch``: read-only. ``git checkout -- <paths>``/``git checkout .``/``-f``, ``git restore``
  (not ``--staged`` only) discard work: destructive.
- Package removal (``apt-get remove``, ``pip uninstall``): mutating; ``purge`` (deletes
  configuration too): destructive.
- ``kubectl apply --prune``, ``tag -f``, ``rclone sync``, ``sgdisk -Z``: destructive (they delete or
  force); ``docker compose down``: mutating, destructive with ``-v``/``--rmi``.
- ``wipefs`` without ``-a``/``-o`` only lists signatures: read-only.
- Backup tools deleting old backups are destructive: ``wal-g``/``wal-e delete --confirm`` (without
  ``--confirm`` they only list), ``pgbackrest expire``, ``barman delete``, ``restic forget``/``prune``,
  ``borg delete``/``prune``, ``duplicity remove-older-than ... --force`` (without ``--force`` it
  lists), ``rclone delete``/``purge``/``deletefile``/``rmdirs``/``sync``, ``mc rm``/``rb``,
  ``s3cmd del``/``rb``/``sync --delete-removed``, ``aws s3 rm``, ``gsutil rm``.
- ``manage.py``/``django-admin``: ``flush`` destructive; a command named ``delete*``, ``remove*``,
  ``purge*``, ``clear*``, ``drop*``, ``wipe*``, ``prune*``, ``flush*`` (``clearsessions``,
  ``remove_stale_contenttypes``) destructive at medium confidence; ``migrate`` mutating.
- A tool without a rule whose first word is a deleting verb (``kfctl delete``, ``mytool destroy
  env``): destructive, medium; commands that only print, read or test (``echo rm -rf /``, ``grep
  delete``, ``which rm``) never are. A command that is a variable with no known value is read the
  same way (``${CLI?} delete deployment x``), or, when a command follows it, as a prefix such as
  ``$SUDO rm -rf DIR`` (medium); ``${KUBECTL:-kubectl}`` is its default (medium).
- ``rm`` of regenerated build output named relative to the project (``dist``, ``build``, ``site``,
  ``htmlcov``, ``_build``) and of executables under a bin folder (``$GOBIN/tool*``, replaced when
  the tool is installed again): mutating.
- ``rm``/``find -delete`` of caches only (``/var/cache``, ``~/.cache``, ``/var/lib/apt/lists``,
  ``/usr/share/doc``, ``*.pyc``, ``__pycache__``, ``node_modules``, ``*.egg-info``...): mutating, no
  data is lost. Temporary paths are decided by the script readers (the shell reader: a named entry
  under ``/tmp``/``$TMPDIR`` or a ``mktemp`` path is the script's own; ``/tmp`` itself and ``/tmp/*``
  stay destructive). ``apt-get clean``, ``pip cache purge``, ``npm``/``yarn cache clean``: no
  effect reported.
- Cloud CLIs (``aws``, ``gcloud``, ``az``...) are kind ``command`` like any other executable; kind
  ``http`` is for ``curl``/``wget``/``httpie`` writes, kind ``sql`` for SQL run by a database client.
- A dry-run argument on the same command (``--dry-run``, ``--dryrun``, ``--noop``, ``--simulate``,
  ``--check``, ``-n`` for ``rsync``/``git push``/``git clean``/``make``, ``-s`` for ``apt-get``,
  ``-C`` for ``ansible-playbook``) makes it no effect.

Confidence: as given by the caller, lowered to ``medium`` behind ``ssh``/``exec`` into a container
or when the deciding word is an unresolved ``$NAME`` (then the effect is reported as mutating,
destructive only if the variable's name says so), ``low`` when it is ``<expr>``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from opsctl.adopt.command_args import (
    DEST,
    HOLE,
    MUT,
    SHELL_HOLE,
    Verdict,
    first_positional,
    is_dry_run,
    is_unresolved,
    option_value,
)
from opsctl.adopt.command_rules import (
    RULES,
    always,
    is_cache_path,
    rule_init_script,
    rule_unknown_tool,
    unknown_tool_rule,
)
from opsctl.adopt.model import Confidence, Effect
from opsctl.adopt.service_rules import DOCKER_GLOBAL, KUBECTL_GLOBAL, classify_sql
from opsctl.adopt.shell_lexer import parse_shell, simple_commands

__all__ = ["call_text", "classify_argv", "classify_command_string", "classify_sql",
           "looks_like_credential"]

_CREDENTIAL_NAME = re.compile(
    r"TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|(?:^|_)PASS(?:_|$)|_PWD$|CREDENTIAL"
    r"|(?:API|ACCESS|PRIVATE|SIGNING|ENCRYPTION|MASTER|CLIENT|SSH|GPG|LICENSE|APP|SERVICE)_?KEY"
    r"|(?:^|_)O?AUTH(?:_|$|ORIZATION)|(?:^|_)(?:DSN|COOKIE|SESSION_KEY)$"
)
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def looks_like_credential(name: str) -> bool:
    """Whether a variable or option name looks like it holds a credential (``GITHUB_TOKEN``,
    ``DB_PASSWORD``, ``AWS_SECRET_ACCESS_KEY``, ``apiKey``, ``--auth-token``); ``AWS_REGION``,
    ``AUTHOR`` and ``KEY_NAME`` do not."""
    normal = _CAMEL_BOUNDARY.sub("_", name.strip("-$")).upper().replace("-", "_")
    return _CREDENTIAL_NAME.search(normal) is not None


_CONFIDENCE_RANK: dict[Confidence, int] = {"low": 0, "medium": 1, "high": 2}
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\+?=")
_MAX_DEPTH = 8
_CALL_LIMIT = 120


def _lower(a: Confidence, b: Confidence | None) -> Confidence:
    if b is None:
        return a
    return a if _CONFIDENCE_RANK[a] <= _CONFIDENCE_RANK[b] else b



# -- the call text, with secrets masked ------------------------------------------------------------

_SECRET_VALUE = re.compile(
    r"AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,}|xox[abposr]-[\w-]{10,}"
    r"|sk-[A-Za-z0-9_-]{20,}|eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]*|glpat-[\w-]{20,}"
)
_URL_USERINFO = re.compile(r"(://[^/\s:@]+:)[^@\s/]+@")
_AUTH_HEADER = re.compile(r"(?i)^((?:proxy-)?authorization|x-api-key|x-auth-token|private-token|cookie)"
                          r"(\s*:\s*)(.+)$")
_SECRET_SHORT_OPTIONS: dict[str, frozenset[str]] = {
    "sshpass": frozenset({"-p"}), "redis-cli": frozenset({"-a"}), "docker": frozenset({"-p"}),
    "podman": frozenset({"-p"}), "curl": frozenset({"-u", "--user", "-U", "--proxy-user"}),
    "htpasswd": frozenset({"-b"}), "vault": frozenset({"-token"}),
}
_MYSQL_FAMILY = frozenset({"mysql", "mysqldump", "mysqladmin", "mariadb", "mariadb-dump", "mysqlimport"})


# a URL's query parameter named like a credential: ?api_key=..., &access_token=...
_QUERY_PARAMETER = re.compile(r"([?&])([A-Za-z0-9_.-]+)=([^&#\s]+)")


def _query_value(match: re.Match[str]) -> str:
    if looks_like_credential(match.group(2)):
        return f"{match.group(1)}{match.group(2)}=***"
    return match.group(0)


def _mask(word: str) -> str:
    word = _URL_USERINFO.sub(r"\1***@", word)
    if "=" in word and ("?" in word or "&" in word):
        word = _QUERY_PARAMETER.sub(_query_value, word)
    header = _AUTH_HEADER.match(word)
    if header:
        return f"{header.group(1)}{header.group(2)}***"
    return _SECRET_VALUE.sub("***", word)


def call_text(argv: Sequence[str]) -> str:
    """``argv`` joined for an Effect's ``call``: trimmed to about 120 characters, with values that
    look like secrets (``--password X``, ``TOKEN=...``, ``-pX`` for mysql, URL passwords,
    ``Authorization:`` headers, well-known token formats) replaced by ``***``."""
    words: list[str] = []
    secret_next = False
    tool = ""
    for word in argv:
        if secret_next:
            words.append("***" if ":" not in word else word.split(":", 1)[0] + ":***")
            secret_next = False
            continue
        if not tool and not _ASSIGNMENT.match(word):
            tool = word.rsplit("/", 1)[-1]
        elif word.rsplit("/", 1)[-1] in _MYSQL_FAMILY:
            tool = word.rsplit("/", 1)[-1]  # a client a wrapper runs (``compose exec -T db mysql -pX``)
        name, eq, _value = word.partition("=")
        if eq and (name.startswith("-") or _ASSIGNMENT.match(word)) and looks_like_credential(name):
            words.append(f"{name}=***")
            continue
        if tool in _MYSQL_FAMILY and word.startswith("-p") and len(word) > 2:
            words.append("-p***")
            continue
        if (word in _SECRET_SHORT_OPTIONS.get(tool, ()) and not (
                # ``docker login -p PASSWORD``; ``docker compose -p NAME`` names a project
                tool in ("docker", "podman") and "login" not in argv)) or (
                word.startswith("--") and not eq and looks_like_credential(word)):
            secret_next = True
        words.append(_mask(word))
    text = " ".join(words).replace("\n", " ")
    return text if len(text) <= _CALL_LIMIT else text[: _CALL_LIMIT - 3] + "..."


# -- wrappers --------------------------------------------------------------------------------------

_SUDO_VALUE = frozenset({"-u", "-g", "-h", "-p", "-C", "-r", "-t", "-U", "-D", "-T", "-R",
                         "--user", "--group", "--host", "--prompt", "--chdir", "--role", "--type",
                         "--close-from", "--other-user", "--command-timeout", "--chroot"})
_WRAPPERS_SIMPLE = frozenset({"nohup", "command", "builtin", "exec", "setsid", "unbuffer", "chronic",
                              "caffeinate", "time", "doas", "pkexec", "stdbuf", "nice", "ionice",
                              "env", "sudo", "timeout", "flock", "chroot", "watch", "sshpass",
                              "runuser", "xargs", "systemd-run", "strace", "ltrace", "catchsegv",
                              "envdir", "chpst", "parallel", "gosu", "su-exec", "s6-setuidgid"})
_WRAPPER_VALUE: dict[str, frozenset[str]] = {
    "sudo": _SUDO_VALUE, "doas": frozenset({"-u", "-C"}), "pkexec": frozenset({"--user"}),
    "env": frozenset({"-u", "--unset", "-C", "--chdir", "-S", "--split-string"}),
    "nice": frozenset({"-n", "--adjustment"}), "ionice": frozenset({"-c", "-n", "-p", "-t", "--class",
                                                                   "--classdata"}),
    "timeout": frozenset({"-s", "--signal", "-k", "--kill-after"}), "time": frozenset({"-o", "-f"}),
    "stdbuf": frozenset({"-i", "-o", "-e"}), "exec": frozenset({"-a"}),
    "flock": frozenset({"-w", "--timeout", "-E", "--conflict-exit-code"}),
    "watch": frozenset({"-n", "--interval", "-d"}),
    "sshpass": frozenset({"-p", "-f", "-d", "-P", "-e"}),
    "runuser": frozenset({"-u", "--user", "-g", "--group", "-G", "--supp-group", "-s", "--shell"}),
    "xargs": frozenset({"-E", "-e", "-I", "-i", "-L", "-l", "-n", "-P", "-s", "-d", "-a",
                        "--arg-file", "--delimiter", "--max-args", "--max-procs", "--max-lines",
                        "--replace", "--eof", "--max-chars", "--process-slot-var"}),
    "systemd-run": frozenset({"-u", "--unit", "-p", "--property", "--description", "--slice",
                              "-M", "--machine", "-H", "--host", "--uid", "--gid", "-E",
                              "--setenv", "--on-calendar", "--on-active", "-t"}),
    "strace": frozenset({"-o", "-e", "-p", "-s", "-u"}), "ltrace": frozenset({"-o", "-e", "-p"}),
    # GNU parallel: ``parallel --halt-on-error never run_cmd delete --id {} ::: "${ids[@]}"``
    "parallel": frozenset({"-j", "--jobs", "-P", "--max-procs", "--halt", "--halt-on-error",
                           "-S", "--sshlogin", "--slf", "--sshloginfile", "--joblog", "--results",
                           "--res", "--tmpdir", "-I", "--delay", "--timeout", "--retries",
                           "--colsep", "-C", "-d", "--delimiter", "-a", "--arg-file",
                           "--tagstring", "--tag-string", "--wd", "--workdir", "-N", "-n",
                           "--max-args", "-L", "--max-lines", "--memfree", "--load", "-E",
                           "--env", "--basefile", "--bf", "--return", "--shebang-wrap"}),
}
_SHELLS = frozenset({"sh", "bash", "dash", "zsh", "ksh", "ash", "busybox"})
_SSH_VALUE_LETTERS = frozenset("bcDEeFIiJLlmOoPpQRSWwB")
_DOCKER_EXEC_VALUE = frozenset({"-e", "--env", "--env-file", "-u", "--user", "-w", "--workdir",
                                "--detach-keys", "--index"})
_KUBECTL_EXEC_VALUE = frozenset({"-n", "--namespace", "-c", "--container", "--context", "-f",
                                 "--filename", "--pod-running-timeout", "--kubeconfig"})


def _after_wrapper(name: str, args: list[str]) -> list[str] | None:
    """The wrapped command's words, or None when the wrapper runs nothing (``sudo -i``)."""
    takes_value = _WRAPPER_VALUE.get(name, frozenset())
    index = 0
    while index < len(args):
        word = args[index]
        if word == "--":
            index += 1
            break
        if name == "flock" and word in ("-c", "--command"):
            return ["sh", "-c", *args[index + 1:index + 2]]
        if name in ("env", "sudo", "doas") and _ASSIGNMENT.match(word):
            index += 1
            continue
        if word.startswith("-") and len(word) > 1:
            if name == "nice" and word[1:].lstrip("-").isdigit():
                index += 1
                continue
            if name in ("sudo", "runuser") and word in ("-i", "-s", "--login", "--shell") \
                    and index + 1 >= len(args):
                return None
            index += 2 if word in takes_value else 1
            continue
        break
    rest = args[index:]
    if name == "parallel":  # the command ends where its inputs begin
        rest = list(itertools.takewhile(lambda word: word not in (":::", "::::", ":::+", "::::+"), rest))
    if name in ("timeout", "chroot", "flock", "envdir", "gosu", "su-exec", "s6-setuidgid"):
        # the duration, the new root, the lock file, the environment folder, the user
        # (``gosu postgres psql -c ...``: a container's step run as another user)
        rest = rest[1:]
    return rest or None


def unwrapped(argv: Sequence[str]) -> list[str]:
    """The command a chain of wrappers runs (``sudo -u x parallel -j4 fn a {} ::: b`` -> ``fn a
    {}``); ``argv`` itself when nothing wraps it, empty when a wrapper runs nothing."""
    words = list(argv)
    while words and _ASSIGNMENT.match(words[0]):
        words = words[1:]
    for _ in range(12):
        name = words[0].rsplit("/", 1)[-1] if words else ""
        if name not in _WRAPPERS_SIMPLE or (name == "command" and words[1:2] in (["-v"], ["-V"])):
            break
        words = _after_wrapper(name, words[1:]) or []
    return words


def shell_string(args: list[str]) -> str | None:
    """The command string of ``sh -c STRING`` (options such as ``-e``/``-x``/``-ec`` allowed)."""
    for index, word in enumerate(args):
        if word.startswith("-") and not word.startswith("--") and "c" in word[1:]:
            return args[index + 1] if index + 1 < len(args) else None
        if word.startswith("--"):
            continue
        if not word.startswith(("-", "+")):
            return None  # a script file: the callers finder handles it
    return None


def _ssh_remote(args: list[str]) -> list[str] | None:
    index = 0
    while index < len(args):
        word = args[index]
        if word.startswith("-") and len(word) > 1:
            index += 1
            for position, letter in enumerate(word[1:], start=2):
                if letter in _SSH_VALUE_LETTERS:
                    if position == len(word):
                        index += 1
                    break
            continue
        remote = args[index + 1:]
        if remote[:1] == ["--"]:  # a wrapper's ``ghe-ssh HOST -- cmd``
            remote = remote[1:]
        return remote or None
    return None


_FANOUT_VALUE_LETTERS = {"pdsh": "wxfRltugXMNeo", "clush": "wxgXflturRoOE", "pssh": "hHlptoeOxX",
                         "parallel-ssh": "hHlptoeOxX"}
"""The short options of a parallel shell that take a value (``pdsh -w ^hosts -f 64``)."""


def _fanout_remote(tool: str, args: list[str]) -> list[str] | None:
    """The command ``pdsh``, ``clush`` or ``pssh`` runs on every host it is given: the words
    after its options (``pdsh -f 1024 -R ssh -w ^/job/hosts 'pkill -f train.py'``)."""
    letters = _FANOUT_VALUE_LETTERS[tool]
    index = 0
    while index < len(args):
        word = args[index]
        if word == "--":
            return args[index + 1:] or None
        if word.startswith("--"):  # ``clush --nodes=x`` or ``--nodes x``: a long option's value
            index += 1 if "=" in word or word in ("--all", "--quiet", "--verbose") else 2
            continue
        if word.startswith("-") and len(word) > 1:
            index += 2 if word[-1] in letters and len(word) == 2 else 1
            continue
        return args[index:]
    return None


def _exec_inner(tool: str, args: list[str]) -> list[str] | None:
    """The command run by ``docker exec`` / ``kubectl exec`` / ``docker compose exec``."""
    if "--" in args:
        return args[args.index("--") + 1:] or None
    takes_value = _KUBECTL_EXEC_VALUE if tool in ("kubectl", "oc") else _DOCKER_EXEC_VALUE
    _target, rest = first_positional(args, takes_value)
    return rest or None


_DOCKER_RUN_VALUE = frozenset(
    ["-v", "--volume", "--mount", "-e", "--env", "--env-file", "--name", "-w", "--workdir", "-u", "--user", "--network", "--net", "-p", "--publish", "-l", "--label", "--platform", "--cpus", "-m", "--memory", "--restart", "-h", "--hostname", "--add-host", "--volumes-from", "--log-driver", "--log-opt", "--cap-add", "--cap-drop", "--device", "--pull", "--ulimit", "--security-opt", "--tmpfs", "--shm-size", "--dns", "--ipc", "--pid", "--gpus", "--runtime", "--cidfile", "--label-file", "--health-cmd", "--stop-signal", "--stop-timeout", "--userns", "--uts", "--group-add"])


def _mounted_run_inner(tool: str, args: list[str]) -> list[str] | None:
    """The command of ``docker run ... -v HOST:PATH IMAGE CMD...``: run in a container, but on
    the host's files mounted into it (``registry garbage-collect`` over ``/var/lib/registry``,
    ``rm -rf /data/*``); None without a mount, a command, or with another entrypoint."""
    verb, rest = first_positional(args, DOCKER_GLOBAL)
    if verb == "container":
        verb, rest = first_positional(rest, frozenset())
    if verb != "run" or "--entrypoint" in rest or any(w.startswith("--entrypoint=") for w in rest):
        return None
    mounts = [value for index, word in enumerate(rest)
              for value in ([rest[index + 1]] if word in ("-v", "--volume", "--mount") and index + 1 < len(rest)
                            else [word.partition("=")[2]] if word.startswith(("--volume=", "--mount="))
                            else [word[2:]] if word.startswith("-v") and len(word) > 2 else [])]
    if not any("docker.sock" not in mount for mount in mounts):  # the daemon's socket: no files
        return None
    _image, command = first_positional(rest, _DOCKER_RUN_VALUE)
    return command or None


_FIND_NAME_TESTS = frozenset({"-name", "-iname", "-path", "-ipath", "-wholename"})
_PROTOBUF_OUTPUT = re.compile(r"_pb2|\\?\.pb\\?\.go")


def _find_deletes_cache(args: list[str]) -> bool:
    """``find /var/cache ... -delete``, ``find . -name '*.pyc' -delete``: every starting point is a
    cache or temporary path, or a name test selects only caches (``*.pyc``, ``__pycache__``)."""
    starts: list[str] = []
    for word in args:
        if word.startswith(("-", "(", "!", "\\(")):
            break
        starts.append(word)
    if starts and all(is_cache_path(word) for word in starts):
        return True
    names = [args[index + 1] for index, word in enumerate(args[:-1]) if word in _FIND_NAME_TESTS]
    # (``-regex ".*_pb2.*\.pyi?"``: protobuf's generated modules, by a pattern)
    names += ["x_pb2.py" if _PROTOBUF_OUTPUT.search(args[index + 1]) else args[index + 1]
              for index, word in enumerate(args[:-1]) if word in ("-regex", "-iregex")]
    return bool(names) and all(is_cache_path(name) and not name.startswith("/") for name in names) \
        and (("-o" not in args and "-or" not in args) or _only_names_ored(args))


def _only_names_ored(args: list[str]) -> bool:
    """``\\( -name SingletonLock -o -name SingletonSocket \\)``: the alternatives of the one
    group are name tests only, so a file matches only by one of those names."""
    opening = next((i for i, w in enumerate(args) if w in ("(", "\\(")), None)
    closing = next((i for i, w in enumerate(args) if w in (")", "\\)")), None)
    if opening is None or closing is None or closing < opening:
        return False
    inner, rest = args[opening + 1:closing], args[:opening] + args[closing + 1:]
    if "-o" in rest or "-or" in rest:
        return False
    tests = [w for i, w in enumerate(inner) if i % 3 == 0]
    joins = [w for i, w in enumerate(inner) if i % 3 == 2]
    return len(inner) % 3 == 2 and all(t in _FIND_NAME_TESTS for t in tests) and all(j in ("-o", "-or") for j in joins)


def _find_only_links(args: list[str]) -> bool:
    """``find bin -type l -delete``: only symbolic links are selected (no ``-o``): links go, the
    files they point to stay."""
    return any(word in ("-type", "-xtype") and args[index + 1] == "l"
               for index, word in enumerate(args[:-1])) and "-o" not in args and "-or" not in args


def _find_only_empty(args: list[str]) -> bool:
    """``find /etc/grafana/provisioning -type f -empty -delete``: only empty files or folders are
    selected (no ``-o``, no ``-not``/``!`` before it): nothing they held is lost."""
    return "-empty" in args and not any(word in ("-o", "-or", "-not", "!") for word in args)


def _find_inner(args: list[str]) -> tuple[bool, list[str] | None]:
    """(``-delete`` present, the first ``-exec``/``-execdir``/``-ok`` command)."""
    inner: list[str] | None = None
    for index, word in enumerate(args):
        if word == "-delete":
            return True, None
        if word in ("-exec", "-execdir", "-ok", "-okdir") and inner is None:
            end = index + 1
            while end < len(args) and args[end] not in (";", "+", "\\;"):
                end += 1
            inner = args[index + 1:end]
    return False, inner


def _exec_position(name: str, args: list[str]) -> list[str] | None:
    """The args after ``exec`` for tools with an exec subcommand."""
    takes_value = {"kubectl": KUBECTL_GLOBAL - {"-f", "--filename", "-o", "--output", "-l",
                                                "--selector"},
                   "oc": KUBECTL_GLOBAL, "docker": DOCKER_GLOBAL, "podman": DOCKER_GLOBAL}
    verb, rest = first_positional(args, takes_value.get(name, frozenset()))
    if verb == "compose" and name in ("docker", "podman"):
        verb, rest = first_positional(rest, frozenset({"-f", "--file", "-p", "--project-name"}))
    if verb == "exec":
        return rest
    return None


# A project's own wrapper of a well-known tool is usually named after it (``ghe-ssh``,
# ``ci-rsync``, ``run_kubectl``): an executable we have no rule for whose last name part is one of
# these is read as that tool, at medium confidence (the wrapper may add or drop arguments).
_WRAPPED_TOOLS = frozenset({"ssh", "rsync", "scp", "kubectl", "docker", "git", "psql", "mysql",
                            "aws", "gcloud", "az", "helm", "terraform", "rclone", "gsutil",
                            "sudo", "redis-cli"})
# A command that loads a dump into a data store (``ghe-import-redis``, ``import_mysql_dump``,
# ``restore-postgres``) replaces what the store holds: destructive, at medium confidence.
_STORE_LOAD = re.compile(
    r"(?i)(?:^|[-_])(?:import|restore|load)[-_](?:[a-z]+[-_])?"
    r"(?:redis|mysql|mysqldump|mariadb|postgres|postgresql|pg|psql|mongo|mongodb|db|database|"
    r"elasticsearch|es|opensearch|sqlite|snapshot)(?:[-_](?:dump|mysqldump|pgdump|data|backup|snapshot))?$")


_COMPOSE_VERBS = frozenset({"up", "down", "exec", "run", "rm", "stop", "start", "restart", "kill", "pull",
                            "push", "build", "ps", "logs", "config", "create"})


def _site_tool(name: str) -> str | None:
    """The well-known tool a project's wrapper is named after (``ghe-rsync`` -> ``rsync``)."""
    if name in RULES or ("-" not in name and "_" not in name):
        return None
    for tool in _WRAPPED_LONGEST_FIRST:
        if len(name) > len(tool) and name.endswith(tool) and name[-len(tool) - 1] in "-_":
            return tool
    return None


_WRAPPED_LONGEST_FIRST = sorted(_WRAPPED_TOOLS, key=len, reverse=True)


_VARIABLE_HEAD = re.compile(r"\$\{\w+(?::?([-=?+])([^}]*))?\}|\$\w+")
"""A command word that is one variable: ``$CLI``, ``${CLI}``, ``${CLI?}``, ``${CLI:-kubectl}``."""


_GO_MODULE_TOOL = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/[\w.~-]+)+(?:@\S+)?")


def _classify(argv: list[str], depth: int) -> list[tuple[Verdict, Confidence | None]]:
    """The verdicts of ``argv``, each with a confidence cap (None: as given)."""
    words = argv
    cap: Confidence | None = None
    while words and _ASSIGNMENT.match(words[0]):
        words = words[1:]
    for _ in range(12):
        if not words:
            return []
        head = words[0]
        name = head.rsplit("/", 1)[-1]
        if is_unresolved(head):
            # ``$VENV/bin/mkdocs``, ``${PREFIX}mkdocs``: the tool is named after the variable
            name = re.sub(r"^\$\{?\w+\}?", "", name) if "/" not in head else name
            whole = _VARIABLE_HEAD.fullmatch(head)
            if whole is not None:  # ``${KUBE:-kubectl}``: its default; ``${CLI?}``: unknown
                default = whole.group(2) if whole.group(1) in ("-", "=") else None
                name = default if default and re.fullmatch(r"[\w.+-]+", default) else ""
                cap = _lower_cap(cap, "medium")
            if not name and "/" not in head and words[1:]:
                # the command is the variable's value, unknown here: ``$SUDO rm -rf DIR``
                # (a prefix the script may leave empty) runs the command after it, and
                # ``${KUBE_CLI} delete deployment x`` is a tool whose first word deletes
                after = words[1:]
                if _ASSIGNMENT.match(after[0]) or after[0].startswith("$") or after[0] in RULES \
                        or after[0] in _WRAPPERS_SIMPLE or after[0] in _SHELLS:
                    words, cap = after, _lower_cap(cap, "medium")
                    continue
                if _PACKAGE_MANAGER_VARIABLE.search(head):
                    # ``${PKG_MANAGER} remove -y epel-release``: the distribution's package manager
                    words, cap = ["dnf", *after], _lower_cap(cap, "medium")
                    continue
                if after[0] in _AWS_SERVICES:  # ``"$client" s3 rm s3://b/x --recursive``: an AWS CLI
                    words, cap = ["aws", *after], _lower_cap(cap, "medium")
                    continue
                verdict = rule_unknown_tool(after)
                return [(verdict, _lower_cap(cap, "medium"))] if verdict else []
            if not re.fullmatch(r"[A-Za-z][\w.+-]*", name):
                return []
        args = words[1:]
        if (tool := _site_tool(name)) is not None:
            name = tool
            cap = _lower_cap(cap, "medium")
        elif name == "compose" and args and (args[0].startswith("-") or args[0] in _COMPOSE_VERBS):
            # a project's own wrapper of ``docker compose`` (``compose() { docker compose -f
            # ... "$@"; }`` in a library the runner sources): ``compose exec -T mysql mysql``
            name, cap = "docker-compose", _lower_cap(cap, "medium")
        elif name not in RULES and _STORE_LOAD.search(name):
            return [(DEST, _lower_cap(cap, "medium"))]
        if head.startswith("/etc/init.d/"):
            verdict = rule_init_script(args)
            return [(verdict, cap)] if verdict else []
        if name == "go" and args[:1] == ["run"] and len(args) > 1 and _GO_MODULE_TOOL.fullmatch(args[1]):
            # ``go run github.com/genevieve/leftovers/cmd/leftovers@v0.70.0 --no-confirm``: a
            # tool fetched by its module path and run, read as that tool
            words = [args[1].rsplit("/", 1)[-1].partition("@")[0], *args[2:]]
            continue
        if name in _WRAPPERS_SIMPLE:
            if name == "command" and args[:1] and args[0] in ("-v", "-V"):
                return []
            inner = _after_wrapper(name, args)
            if inner is None:
                return []
            if name == "xargs" and inner[:1] == ["kill"] and all(w.startswith("-") for w in inner[1:]):
                # ``ps ax | grep vite | awk '{print $1}' | xargs kill``: the PIDs come from the pipe
                inner = [*inner, "$PIDS"]
            words = inner
            continue
        if name in _SHELLS or name == "su" or name == "eval" or name == "trap":
            if depth >= _MAX_DEPTH:
                return []
            if name == "eval":
                string: str | None = " ".join(args)
            elif name == "trap":
                string = args[0] if args and args[0] not in ("-", "") and not args[0].startswith("-") else None
            elif name == "su":
                string = option_value(args, frozenset({"-c", "--command", "--session-command"}))
            else:
                string = shell_string(args)
            if string is None or is_unresolved(string):
                return []
            return [(verdict, _lower_cap(cap, inner_cap))
                    for verdict, inner_cap in _classify_string(string, depth + 1)]
        if name == "ssh" or (name == "gcloud" and args[:2] == ["compute", "ssh"]) or name in _FANOUT_VALUE_LETTERS:
            remote: list[str] | None
            if name in _FANOUT_VALUE_LETTERS:
                remote = _fanout_remote(name, args)
            elif name == "gcloud":
                command = option_value(args, frozenset({"--command"}))
                remote = [command] if command else None
            else:
                remote = _ssh_remote(args)
            if remote is None or depth >= _MAX_DEPTH:
                return []
            return [(verdict, _lower_cap(_lower_cap(cap, "medium"), inner_cap))
                    for verdict, inner_cap in _classify_string(" ".join(remote), depth + 1)]
        if name not in SQL_CLIENTS and depth < _MAX_DEPTH and (client := next((
                i for i, w in enumerate(args) if w.rsplit("/", 1)[-1] in SQL_CLIENTS), None)) is not None \
                and any(w in _SQL_STATEMENT_OPTIONS for w in args[client + 1:]):
            # a wrapper or a container running a SQL client with a statement (``govuk-docker run
            # --rm db mysql -h db -e "DROP DATABASE x"``, ``docker run --rm postgres psql -h
            # db -c ...``): the statement reaches the server, whatever runs the client
            statements = [(verdict, _lower_cap(_lower_cap(cap, "medium"), inner_cap))
                          for verdict, inner_cap in _classify(args[client:], depth + 1) if verdict.kind == "sql"]
            if statements:
                return statements
        if name in ("kubectl", "oc", "docker", "podman", "docker-compose"):
            exec_args = args[1:] if name == "docker-compose" and args[:1] == ["exec"] else \
                _exec_position(name, args)
            if exec_args is not None:
                inner = _exec_inner(name, exec_args)
                if inner is None:
                    return []
                words = inner
                cap = _lower_cap(cap, "medium")
                continue
        if name in ("docker", "podman", "nerdctl") and depth < _MAX_DEPTH:
            inner = _mounted_run_inner(name, args)
            deleting = [(verdict, _lower_cap(_lower_cap(cap, "medium"), inner_cap))
                        for verdict, inner_cap in _classify(inner, depth + 1)
                        if verdict.destructive] if inner else []
            if deleting:
                return deleting
        if name == "find":
            delete, inner = _find_inner(args)
            if delete:
                return [(MUT if _find_deletes_cache(args) or _find_only_links(args) or _find_only_empty(args)
                         else DEST, cap)]
            if inner is None:
                return []
            if _find_only_links(args):  # ``find bin -type l -exec rm {} +``: links, no data
                return [(MUT, cap)]
            if inner and inner[0] in ("rm", "unlink") and _find_deletes_cache(args):
                return [(MUT, cap)]  # ``find . -name '*.pyc' -exec rm {} \;``: as ``-delete``
            words = inner
            continue
        if name not in RULES and args and args[0] in RULES and _RUNS_WHAT_FOLLOWS.fullmatch(name):
            # a wrapper function from a library the scan cannot read (``source
            # /usr/local/lib/functions.sh``; ``f_trace zfs-autobackup ...``, ``retry kubectl
            # delete ...``): named for running the command it is given, which follows
            words, cap = args, _lower_cap(cap, "medium")
            continue
        if name not in RULES and depth < _MAX_DEPTH and not _PRINTS.match(name) and (handed := next((
                i for i, w in enumerate(args[:3]) if w in _HANDED_TOOLS), None)) is not None:
            # a project's wrapper handing a cluster tool on, with a context word of its own
            # maybe between (``bin/ck8s ops kubectl sc delete ns x``, ``ops.bash helmfile wc destroy``)
            handed_on = args[handed:]
            deleting = [(verdict, _lower_cap(_lower_cap(cap, "medium"), inner_cap))
                        for attempt in (handed_on, [handed_on[0], *handed_on[2:]])
                        for verdict, inner_cap in _classify(attempt, depth + 1) if verdict.destructive]
            if deleting:
                return deleting[:1]
        if is_dry_run(name, args):
            return []
        rule = RULES.get(name) or (always(DEST) if name.startswith("mkfs") else None)
        if rule is None and re.fullmatch(r"[a-z][\w.+-]*", name) and not name.endswith((".sh", ".py")):
            # (a project script run by name is the callers' business: one beside it,
            # ``$DIR/delete-environment-variable``, is not a tool named for deleting)
            rule = unknown_tool_rule(name, beside=head.startswith(("$", ".")) or ("/" in head and not head.startswith("/")))
        verdict = rule(args) if rule else None
        return [(verdict, _lower_cap(cap, verdict.confidence))] if verdict else []
    return []


_PACKAGE_MANAGER_VARIABLE = re.compile(r"(?i)^\$\{?\w*(?:PKG|PACKAGE)_?(?:MANAGER|MGR|CMD|TOOL)\w*\}?$")
"""A variable holding the distribution's package manager (``$PKG_MANAGER``, ``${PACKAGE_MGR}``)."""
_HANDED_TOOLS = frozenset({"kubectl", "oc", "helm", "helmfile", "velero"})
_RUNS_WHAT_FOLLOWS = re.compile(r"(?:f_|_)?(?:trace|traced|run|run_?cmd|run_?command|retry|with_?retry|try|exe|"
                                r"execute|verbose|echo_?run|log_?run|log_?exec|show_?run|do_?cmd)")
"""Names of a shell function that runs the command it is given (``f_trace cmd ...``)."""
_PRINTS = re.compile(r"^(?:echo|printf|say|msg|print|log|info|warn|error|die|debug|fatal|note)(?:$|[_-])")
_AWS_SERVICES = frozenset({"s3", "s3api", "ec2", "ecr", "ecs", "eks", "rds", "iam", "route53", "cloudformation",
                           "dynamodb", "sqs", "sns", "elbv2", "autoscaling", "secretsmanager", "ssm", "efs",
                           "elasticache", "cloudfront", "kms", "logs"})
"""The first word of an AWS CLI command (the CLI itself held in a variable: ``$AWS``,
``"$client"``, one of several installations)."""
SQL_CLIENTS = frozenset({"psql", "mysql", "mariadb", "sqlite3", "clickhouse-client", "cqlsh", "sqlcmd", "snowsql"})
"""Database command-line clients: a statement they are given (``-e``, ``-c``, ``-q``...) or read
on their input is run on the server."""
_SQL_STATEMENT_OPTIONS = frozenset({"-e", "-c", "--execute", "--command", "-q", "-Q", "--query"})


def _lower_cap(a: Confidence | None, b: Confidence | None) -> Confidence | None:
    if a is None:
        return b
    return _lower(a, b)


def _classify_string(text: str, depth: int) -> list[tuple[Verdict, Confidence | None]]:
    found: list[tuple[Verdict, Confidence | None]] = []
    for _line, words in simple_commands(text):
        found.extend(_classify(words, depth))
    return found


def _effect(argv: Sequence[str], verdicts: list[tuple[Verdict, Confidence | None]], line: int,
            confidence: Confidence) -> Effect | None:
    if not verdicts:
        return None
    verdict, cap = max(verdicts, key=lambda pair: (pair[0].destructive,
                                                   _CONFIDENCE_RANK[_lower(confidence, pair[1])]))
    return Effect(kind=verdict.kind, destructive=verdict.destructive, call=call_text(argv),
                  line=line, confidence=_lower(confidence, cap))


def classify_argv(argv: Sequence[str], *, line: int, confidence: Confidence = "high") -> Effect | None:
    """The effect of running ``argv`` (words already split; a word the scanner could not resolve
    is given as ``$NAME`` or ``<expr>``), or None when the command only reads.

    When a wrapped command string holds several commands (``sh -c "a; b"``), the most destructive
    one decides; ``call`` is always the whole of ``argv``, trimmed, with secrets masked."""
    words = [str(word) for word in argv]
    key = tuple(words)
    verdicts = _VERDICTS.get(key)
    if verdicts is None:
        if len(_VERDICTS) >= _MAX_VERDICTS:
            _VERDICTS.clear()
        verdicts = _VERDICTS[key] = _classify(words, 0)
    return _effect(words, verdicts, line, confidence)


_VERDICTS: dict[tuple[str, ...], list[tuple[Verdict, Confidence | None]]] = {}
"""The verdicts of the command lines classified so far in this process: the rules are a pure
function of the words, and about half the command lines of a large tree (``exit 1``, ``set -e``,
``echo``, a script's own helper run again) were classified before; ``functools.lru_cache``
would keep the same, with a lock and a recency list a scan does not need."""
_MAX_VERDICTS = 20_000
"""Emptied when it holds this many: the lines that repeat come back at once, and a cap of
200,000 kept 26 MB more at the peak of a scan of 13,000 scripts for no time saved."""


QUIET_TARGETS = ("/dev/null", "/dev/stderr", "/dev/stdout", "/dev/tty", "/dev/fd/", "/proc/self/fd/")
"""Redirection targets that write no file."""
WRITE_OPS = (">", ">>", ">|", "&>", "&>>", ">&")
"""Redirections that write their target (``2>`` is ``>`` once the descriptor is stripped)."""


def writes_file(op: str, target: str) -> bool:
    """Whether the redirection ``op target`` writes a file (not ``/dev/null``, ``2>&1``, ``>(...)``)."""
    op = op.lstrip("0123456789")
    if op not in WRITE_OPS or not target or target.startswith((*QUIET_TARGETS, ">(", "<(")):
        return False
    return not (op == ">&" and (target.isdigit() or target == "-"))


def classify_command_string(text: str, *, line: int, confidence: Confidence = "high") -> list[Effect]:
    """The effects of a shell command string (``os.system(...)``, ``shell=True``): split into
    simple commands with the shell tokeniser, each classified with :func:`classify_argv`, and a
    redirection to a file (``pg_dump db > out.sql``) a file write, as in a shell script.
    ``line`` is the line of the string; a multi-line string adds its own line offset."""
    effects: list[Effect] = []
    holes = HOLE in text
    if holes:  # (``"GOVC_URL=%s govc vm.destroy %s" % (...)`` with a value not read: one word each)
        text = text.replace(HOLE, SHELL_HOLE)
    for command in parse_shell(text).commands:
        at = line + command.line - 1
        if command.words:
            effect = _effect(command.words, _classify(command.words, 0), at, confidence)
            if effect is not None:
                effects.append(effect)
        for redirect in command.redirects:
            if writes_file(redirect.op, redirect.target):
                op = redirect.op.lstrip("0123456789")
                effects.append(Effect("file-write", False,
                                      call_text([*command.words, f"{op} {redirect.target}"]),
                                      line + redirect.line - 1, confidence))
    if holes:
        for effect in effects:
            effect.call = effect.call.replace(SHELL_HOLE, HOLE)
    return effects
