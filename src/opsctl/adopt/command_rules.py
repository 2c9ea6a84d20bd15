"""The command rule of each executable: :data:`RULES` maps a program name to its rule, from the
host tools kept here (systemctl and package managers, file tools, ``dd``, ``tar``, ``kill``,
``crontab``, firewalls and partitioners, formatters, ``cargo``/``go``, Django and Python entry
points, the lists of always-mutating and always-destructive tools) and the service clients of
:mod:`~opsctl.adopt.service_rules`.
"""

from __future__ import annotations

import itertools
import re
import urllib.parse

from opsctl.adopt.command_args import (
    DEST,
    MUT,
    Rule,
    Verdict,
    first_positional,
    frozen,
    is_unresolved,
    option_value,
    split_options,
    subcommand_rule,
    unresolved_verdict,
)
from opsctl.adopt.service_rules import (
    cloud_rule,
    rule_aws,
    rule_az,
    rule_compose,
    rule_curl,
    rule_docker,
    rule_git,
    rule_gsutil,
    rule_helm,
    rule_httpie,
    rule_kubectl,
    rule_mongo,
    rule_mysql,
    rule_psql,
    rule_pulumi,
    rule_redis,
    rule_sql_option,
    rule_sqlite,
    rule_terraform,
    rule_wget,
    sql_verdict,
)

_SYSTEMCTL = subcommand_rule(
    frozen("poweroff halt kexec"),
    frozen("reboot start stop restart reload try-restart reload-or-restart try-reload-or-restart enable "
           "disable mask unmask kill daemon-reload reenable isolate set-property edit link preset "
           "revert reset-failed daemon-reexec rescue emergency"),
    frozenset({"-H", "--host", "-M", "--machine", "-t", "--type", "-p", "--property", "-s",
               "--signal", "--state"}))
_PACKAGES = subcommand_rule(
    frozen("purge"),
    frozen("install reinstall upgrade dist-upgrade full-upgrade update remove autoremove erase "
           "uninstall del add localinstall downgrade groupinstall groupremove build-dep "
           "upgrade-all tap"),
    frozenset({"-o", "-c", "-t", "--target-release", "-r", "--requirement", "-e", "--index-url",
               "--repository", "-X", "--root"}))
_SERVICE_VERBS = frozen("start stop restart reload force-reload condrestart try-restart")


def _rule_pacman(args: list[str]) -> Verdict | None:
    """Arch's ``pacman`` (and the AUR helpers ``yay``, ``paru``, which take its operations):
    ``-R`` with ``n`` (``-Rns``, ``--nosave``) also deletes the packages' saved configuration
    files, as ``apt-get purge`` does: destructive; ``-R``, ``-S``, ``-U``, ``-D`` change the
    system; ``-Q``, ``-F``, ``-T`` and ``-S``'s searches (``-Ss``, ``-Si``, ``-Sl``, ``-Sg``) read."""
    operation = next((word for word in args if re.fullmatch(r"-[A-Z][a-zA-Z]*", word)
                      or word in ("--remove", "--sync", "--upgrade", "--database", "--query")), None)
    if operation is None:
        return None
    letters = operation[1:] if not operation.startswith("--") else {
        "--remove": "R", "--sync": "S", "--upgrade": "U", "--database": "D", "--query": "Q"}[operation]
    if letters[0] == "R":
        return DEST if "n" in letters or "--nosave" in args else MUT
    if letters[0] == "S" and not (set(letters[1:]) & set("silgp") or {"--search", "--info", "--list",
                                                                         "--groups", "--print"} & set(args)):
        return MUT
    return MUT if letters[0] in "UD" else None


def _rule_snapper(args: list[str]) -> Verdict | None:
    """``snapper cleanup number`` deletes the snapshots its retention settings no longer keep,
    ``delete``/``remove``/``rm`` the ones named, ``rollback``/``undochange`` put a snapshot's
    files back over the present ones: destructive; ``create``, ``set-config``... change."""
    verb, _ = first_positional(args, frozenset({"-c", "--config", "-r", "--root", "--iso", "--utc"}))
    if verb in ("cleanup", "delete", "remove", "rm", "rollback", "undochange", "delete-config"):
        return DEST
    return MUT if verb in ("create", "create-config", "set-config", "modify", "setup-quota", "mount",
                           "umount") else None


def _rule_towncrier(args: list[str]) -> Verdict | None:
    """``towncrier build --yes`` (``towncrier`` alone, before 21.3) writes the release notes
    and removes the news fragments it merged: destructive, unless ``--draft`` (printed only)
    or ``--keep``; ``create`` writes a fragment, ``check`` reads."""
    if any(w in ("--draft", "--keep", "-h", "--help") for w in args):
        return None
    verb, _ = first_positional(args, frozenset({"--version", "--name", "--date", "--config", "--dir"}))
    if verb in (None, "build"):
        return DEST
    return MUT if verb == "create" else None


def _rule_pfctl(args: list[str]) -> Verdict | None:
    """BSD's packet filter: ``-F`` flushes rules, states or tables, ``-k``/``-K`` kill live
    states and source nodes, ``-T flush``/``-T kill`` empty or drop a table: destructive;
    ``-f`` loads rules, ``-T add``/``delete``/``replace``/``expire``, ``-e``/``-d`` change;
    ``-s``, ``-T show``/``test`` read."""
    shorts, _, _ = split_options(args, frozenset({"-a", "-f", "-t", "-T", "-F", "-k", "-K", "-s", "-x", "-D", "-i",
                                                   "-p", "-L"}))
    table = option_value(args, frozenset({"-T"}))
    if shorts & {"F", "k", "K"} or table in ("flush", "kill"):
        return DEST
    if table is not None:
        return None if table in ("show", "test", "zero") else MUT
    return MUT if shorts & {"f", "e", "d", "D"} else None


def _rule_ipfw(args: list[str]) -> Verdict | None:
    """FreeBSD's ipfw (and dnctl, its traffic shaper): ``flush`` (every rule, or with ``pipe``/
    ``queue``/``sched``/``table NAME`` in front, those), ``delete`` of rules, pipes or queues,
    ``table NAME destroy``: destructive; ``add``, ``pipe N config``, ``table NAME add``: a change;
    ``show``/``list`` read."""
    words = [w for w in args if not w.startswith("-")]
    if any(w in ("flush", "delete", "destroy") for w in words):
        return DEST
    return MUT if any(w in ("add", "config", "create", "set", "enable", "disable", "zero", "resetlog")
                      for w in words) else None


def _rule_setkey(args: list[str]) -> Verdict | None:
    """IPsec's setkey: ``-F`` flushes the security associations (``-FP`` the policies):
    destructive; ``-c`` and ``-f FILE`` run commands (``delete``, ``spddelete``, ``flush``
    among them, read from input the scan does not see): a change; ``-D`` dumps."""
    shorts, _, _ = split_options(args, frozenset({"-f"}))
    if "F" in shorts:
        return DEST
    return MUT if shorts & {"c", "f"} else None


def _rule_route(args: list[str]) -> Verdict | None:
    """``route delete``/``del`` (``route -n flush``: every gateway route) removes routes the
    network depends on: destructive; ``add``/``change`` change; ``get``/``show`` read."""
    # (the verb after options, or after a word computed at run time: ``route $inet delete X``)
    verb = next((w for w in args if not w.startswith(("-", "$", "<"))), None)
    if verb in ("delete", "del", "flush"):
        return DEST
    return MUT if verb in ("add", "change", "replace") else None


def _rule_ip(args: list[str]) -> Verdict | None:
    """iproute2: ``ip route del``/``flush`` (and a link's, a namespace's, an address's, a
    rule's ``del``/``flush``: ``ip link delete cni0``) remove what traffic depends on:
    destructive; ``add``, ``set``, ``replace``, ``change`` change; ``show``/``list``/``get`` read."""
    words = [w for w in args if not w.startswith("-")]
    if len(words) < 2:
        return None
    if words[1] in ("del", "delete", "flush"):
        return DEST
    return MUT if words[1] in ("add", "set", "replace", "change", "append", "prepend") else None


def _rule_packages(args: list[str]) -> Verdict | None:
    """``apt-get remove --purge X`` (``autoremove --purge``) is ``apt-get purge X``: the
    package's configuration goes with it."""
    verdict = _PACKAGES(args)
    if verdict is MUT and "--purge" in args and first_positional(args)[0] in ("remove", "autoremove"):
        return DEST
    return verdict


def _rule_mt(args: list[str]) -> Verdict | None:
    """A tape drive: ``mt -f /dev/nst0 weof`` (an end-of-file mark where the tape is: what
    follows it is unreadable), ``erase``; ``rewind``, ``status``, ``eject``... only move it."""
    verb = next((word for word in args if word in _MT_DESTROYS or word in _MT_MOVES), None)
    return None if verb is None else DEST if verb in _MT_DESTROYS else MUT


_MT_DESTROYS = frozenset({"weof", "eof", "erase", "wset"})
_MT_MOVES = frozenset({"rewind", "offline", "eject", "retension", "load", "unload"})


def _rule_dbcheck(args: list[str]) -> Verdict | None:
    """Bareos/Bacula's catalog check: with ``-f`` it fixes what it finds, deleting orphaned
    catalog records; without, it only reports."""
    return DEST if any(w == "-f" or (w.startswith("-") and not w.startswith("--") and "f" in w[1:])
                       for w in args) else None


def _rule_vagrant(args: list[str]) -> Verdict | None:
    """``vagrant destroy`` (the machine and its disks), ``vagrant box prune``/``remove`` (box
    versions), ``vagrant snapshot delete``; ``up``, ``halt``, ``provision``... change a machine."""
    _, _, positionals = split_options(args)
    verb, noun = [*positionals, "", ""][:2]
    if is_unresolved(verb):
        return unresolved_verdict(verb)
    if verb == "destroy" or (verb == "box" and noun in ("prune", "remove")) or (
            verb == "snapshot" and noun == "delete") or (verb == "sandbox" and noun == "rollback"):
        return DEST  # (sahara's ``sandbox rollback``: what was done in the machines since is gone)
    if verb in ("up", "halt", "reload", "provision", "suspend", "resume", "package", "box", "snapshot",
                "plugin", "upload", "cloud", "sandbox"):
        return MUT if verb not in ("box", "snapshot", "plugin", "cloud", "sandbox") or noun not in (
            "list", "outdated", "") else None
    return None


_DRUSH_VALUED = frozen("-l --uri -r --root --alias-path --config --define -D")


def _rule_drush(args: list[str]) -> Verdict | None:
    """Drupal's drush: ``site:install`` (``si``) drops every table of the site's database before
    it installs, ``sql:drop`` drops them, ``sql:sync`` writes one site's database over another's;
    updates, configuration imports, cache rebuilds and module installs change the site."""
    verb, _ = first_positional([a for a in args if not a.startswith("@")], _DRUSH_VALUED)
    if verb is None:
        return None
    if is_unresolved(verb):
        return unresolved_verdict(verb)
    if verb in ("si", "site-install", "site:install", "sql-drop", "sql:drop", "sql-sync", "sql:sync"):
        return DEST
    if verb in ("sql-query", "sql:query", "sqlq"):  # (``drush sqlq "TRUNCATE cache_render"``)
        return sql_verdict(" ".join(a for a in args if a != verb and not a.startswith("-")))
    if verb in ("status", "st", "version", "sql-connect", "sql:connect", "config-get", "config:get", "cget",
                "state-get", "state:get", "sget", "pm-list", "pm:list", "pml", "core-status", "core:status",
                "watchdog-show", "watchdog:show", "ws", "updatedb-status", "updb-status", "updatedb:status",
                "config-status", "config:status", "cst", "uli", "user-login", "user:login", "help", "list"):
        return None
    return MUT


def _rule_wp(args: list[str]) -> Verdict | None:
    """WP-CLI: ``db reset``/``drop``/``clean`` and ``site empty``/``delete`` remove the site's
    tables or content, ``db import`` loads a dump over them; other commands that are not reads
    (plugins installed, options updated, search-replace) change the site."""
    _, _, positionals = split_options(args, frozen("--path --url --user --skip-plugins --skip-themes"))
    verb, noun = [*positionals, "", ""][:2]
    if is_unresolved(verb):
        return unresolved_verdict(verb)
    if (verb == "db" and noun in ("reset", "drop", "clean", "import")) or (
            verb == "site" and noun in ("empty", "delete")):
        return DEST
    if verb == "db" and noun == "query":  # (``wp db query "DELETE FROM wp_options WHERE ..."``)
        return sql_verdict(" ".join(positionals[2:]))
    if not verb or noun in ("get", "list", "status", "is-installed", "is-active", "version", "check",
                            "exists", "path", "verify-checksums", "check-update", "tables", "size") \
            or verb in ("help", "cli", "eval-file", "shell", "eval"):
        return None
    return MUT


def _rule_service(args: list[str]) -> Verdict | None:
    _, _, positionals = split_options(args)
    if len(positionals) < 2:
        return None
    if is_unresolved(positionals[1]):
        return unresolved_verdict(positionals[1])
    return MUT if positionals[1] in _SERVICE_VERBS else None


def rule_init_script(args: list[str]) -> Verdict | None:
    return MUT if args[:1] and args[0] in _SERVICE_VERBS else None


def _rule_rsync(args: list[str]) -> Verdict | None:
    _, longs, _ = split_options(args)
    return DEST if any(name.startswith("--del") for name in longs) else MUT


# Paths whose loss loses no data: caches, package indexes, installed docs, and regenerable
# Python/Node build byproducts. Temporary paths are left to the script readers, which know whether
# the script made them (a named entry under ``/tmp`` in a shell script is its own; ``/tmp/*`` is not).
_CACHE_PREFIX = re.compile(
    # (also under a root being built or mounted: ``rm -rf $BASE_MNT/var/cache/pkg/*``)
    r"^(?:(?:\$\{?\w+\}?)?/var/cache(?:/|$)|(?:\$\{?\w+\}?)?/var/lib/apt/lists(?:/|$)"
    r"|(?:~|\$\{?HOME\}?|/root)/\.cache(?:/|$)|/usr/share/(?:doc|man)(?:/|$)"
    # the Docker CLI's local manifest lists: made again by ``docker manifest create``
    r"|(?:~|\$\{?HOME\}?|/root)/\.docker/manifests(?:/|$)"
    # build tools' local repositories of downloaded (or locally installed) artifacts
    r"|(?:~|\$\{?HOME\}?|/root)/(?:\.m2/repository|\.gradle/caches|\.ivy2/cache|\.npm/_cacache)(?:/|$))")
_CACHE_NAME = re.compile(
    r"^(?:\*?\.py[co]|\*?\.py\[[co|]+\]|__pycache__|\.pytest_cache|\.mypy_cache|\.ruff_cache|node_modules"
    r"|\.tox|\.nox"  # test environments tox and nox make again
    r"|vendor"  # dependencies ``go mod vendor`` (or ``composer install``) writes again
    r"|[\w.-]*\.tsbuildinfo(?:\.json)?"  # the TypeScript compiler's incremental build state
    r"|\.terraform|\.terragrunt-cache"  # providers and modules ``terraform init`` downloads again
    r"|\*?\.egg-info|[\w.-]+\.egg-info"
    # runtime state a process leaves behind: a stale PID file, socket or lock holds no data
    # (``$SHARED_VOLUME/lock``: a bare lock file; ``etcd.socket:2379``: a socket named with its port)
    r"|[\w.*$-]*\.(?:pid|sock|socket|lock)|lock|pid|[\w.*$-]*\.(?:sock|socket):\d+"
    r"|[\w.*${}-]+\.tmp"  # (``rm -rf "${name}.tmp/"``: a temporary copy, by its name)
    # a marker a step leaves to say it has run (``conda-forge-build-done-${CONFIG}``, ``.done``,
    # ``configure.stamp``), removed before the step runs again
    r"|(?:[\w${}-]*[-_.])?(?:done|canary|sentinel|stamp)(?:[-_][\w${}-]*)?"
    # a package's new default configuration left beside the one in use (``cups-browsed.conf.pacnew``)
    r"|[\w.*${}-]+\.(?:pacnew|rpmnew|dpkg-new|dpkg-dist|ucf-dist)"
    r"|\.venv"  # a project's own virtualenv, made again from its requirements
    r"|Singleton(?:Lock|Socket|Cookie)"  # a browser profile's locks, left by a crashed browser
    r"|\.DS_Store|Thumbs\.db|desktop\.ini"  # what a desktop's file browser leaves in a folder
    # generated Go code (``zz_generated.deepcopy.go``, ``find -name '*generated*.go'``), which
    # the generators write again
    r"|(?:\*|zz_)?[\w.-]*generated\*?[\w.-]*\.go"
    # protobuf's generated code (``*_pb2.py``, ``*_pb2_grpc.py``, ``*.pb.go``), which protoc writes again
    r"|[\w*.-]*_pb2(?:_grpc)?\*?(?:\.pyi?|\.\*)?|[\w*.-]*\.pb(?:\.gw)?\.go"
    r"|\$\{?\w*(?i:SOCK|SOCKET|PIDFILE|PID_FILE|LOCKFILE|LOCK_FILE)\}?"  # ``rm -f "${TMATE_SOCK}"``, ``$pidfile``
    r"|\$\{?\w*CACHE\w*\}?)$")  # ``rm -rf $LOCAL_CACHE``: a folder named as the script's cache
# Regenerated build output named relative to the project (``rm -r dist site htmlcov``), and
# executables under a bin folder, replaced when a tool is installed again (``rm $GOBIN/tool*``).
_BUILD_OUTPUT = re.compile(r"^(?:\./)?(?:dist|build|_build|_out|site|htmlcov|\.coverage|coverage\.xml|\.eggs)/?$"
                           # a test run's coverage profile (Go's ``cover.out``), written again by the next
                           r"|^(?:\./)?(?:cover|coverage|profile)\.out$|^(?:\./)?coverage\.txt$|^[\w.-]+\.coverprofile$"
                           # MSBuild's and .NET's output folders of the project (``rm -rf ./x64``)
                           r"|^(?:\./)?(?:x64|x86|Win32|ARM64|obj)/?$"
                           # tox's and nox's environments and logs, made again by the next run
                           r"|^(?:\./)?\.(?:tox|nox)(?:/.*)?$"
                           # Sphinx's output in a project's docs folder (``rm -rf docs/_build``)
                           r"|^(?:\./)?(?:[\w.-]+/)+_build/?$"
                           # a file in the build's output folder (``rm -f dist/app-1.2.tar.gz``,
                           # ``rm -f ${DISTROOT}/pgadmin4*.deb``): a package built again
                           r"|^(?:\./)?(?:dist|_build)/[^/]+$"
                           r"|^\$\{?DIST_?(?:ROOT|DIR|PATH)?(?::?\?[^}]*)?\}?/[^/]+$"  # (``${DISTDIR:?}/*``)
                           # inside Maven's/Cargo's ``target`` folder of the project
                           # (``rm -r ${BK_HOME}/target/dist_dev``): what the build made
                           r"|^(?:\./)?target/[^$]+$|^\$\{?\w*(?:HOME|ROOT)\w*\}?/target/[^$]+$")
# a toolchain's install folder, replaced by a newer release (``rm -rf /usr/local/go``, then the
# release untarred there): installing over an older copy
_TOOLCHAIN = re.compile(r"^/usr/local/go/?$|^/usr/local/Cellar/[\w@.+-]+/?$")
_INSTALLED_BINARY = re.compile(r"^(?:\$\{?\w*BIN\w*\}?|(?:~|\$\{?HOME\}?)?/(?:usr/(?:local/)?)?(?:\.local/)?bin)/[^/]+$")


def is_cache_path(word: str) -> bool:
    """A path whose deletion loses no data: anything under ``/var/cache``, ``/var/lib/apt/lists``, ``~/.cache``,
    ``/root/.cache``, ``/usr/share/doc``/``man``, or a Python/Node byproduct (``*.pyc``, ``*.pyo``,
    ``__pycache__``, ``.pytest_cache``, ``node_modules``, ``*.egg-info``), a process's runtime
    state (``*.pid``, ``*.sock``, ``*.lock``), or a marker a step leaves (``build-done-x``, ``.stamp``)."""
    path = word.strip("\"'")
    defaulted = _DEFAULTED.match(path)
    if defaulted is not None:
        # ``${unbound_pidfile:-"/usr/local/etc/unbound/unbound.pid"}``: named for what it holds,
        # or by its default
        return is_cache_path(f"${defaulted.group(1)}") or (
            bool(defaulted.group(2).strip("\"'")) and is_cache_path(defaulted.group(2)))
    stripped = path.rstrip("/")
    if _CACHE_PREFIX.match(path) or _BUILD_OUTPUT.match(path) or _INSTALLED_BINARY.match(path) \
            or _TOOLCHAIN.match(path):
        return True
    if _SCRATCH_SUBFOLDER.match(stripped) or _IN_LOCK_FOLDER.search(stripped):
        return True
    return bool(stripped) and _CACHE_NAME.match(stripped.rsplit("/", 1)[-1]) is not None


_DEFAULTED = re.compile(r"^\$\{(\w+):?[-=]([^{}$]*)\}$")
_BRACE = re.compile(r"^(?P<head>[^{}]*)\{(?P<items>[^{}$]*,[^{}$]*)\}(?P<tail>[^{}]*)$")


def _braces_expanded(word: str) -> list[str]:
    """``a/{x,y}.z`` as ``a/x.z`` and ``a/y.z``: one brace of literal alternatives, as the shell
    expands it (a word with no such brace is itself)."""
    match = _BRACE.match(word)
    if match is None:
        return [word]
    return [match.group("head") + item + match.group("tail") for item in match.group("items").split(",")]


# A file in a folder of lock files (``/var/lock/x``, ``/var/lock/subsys/app``,
# ``${SNAP_DATA}/var/lock/cni-needs-reload``, ``$STATE/locks/job``): a lock or a marker another
# run makes again, holding no data.
_IN_LOCK_FOLDER = re.compile(r"(?:^|/)locks?/.")


# A folder named as scratch inside a project's or a variable's folder (``$PKGDIR/tmp``,
# ``./tmp``); not ``/tmp`` or ``/var/tmp`` themselves, which hold every program's files.
_SCRATCH_SUBFOLDER = re.compile(r"^(?:\.|\$\{?\w+\}?|[\w.-]+)(?:/[\w.-]+)*/(?:tmp|temp)$")


# Named beside ``dist`` or ``build`` in one ``rm`` (``rm -rf bin dist build``): the other output
# folders of the same build. Alone, ``bin`` may be the project's own scripts.
_BUILD_OUTPUT_BESIDE = re.compile(r"^(?:\./)?(?:bin|out|_output|target|obj)/?$")


def _rule_rm(args: list[str]) -> Verdict | None:
    """``rm``: destructive, mutating when every operand is a cache (each of a brace's
    alternatives: ``$DIR/{mysql.sock,mysql.sock.lock}``)."""
    _, _, operands = split_options(args)
    operands = [alternative for word in operands for alternative in _braces_expanded(word)]
    if operands and all(is_cache_path(word) for word in operands):
        return MUT
    words = [word.strip("\"'") for word in operands]
    if any(_BUILD_OUTPUT.match(w) for w in words) and all(
            _BUILD_OUTPUT.match(w) or _BUILD_OUTPUT_BESIDE.match(w) for w in words):
        return MUT
    return DEST


def _rule_dd(args: list[str]) -> Verdict | None:
    """``dd of=/dev/sdX`` overwrites a device: destructive; ``dd of=FILE`` writes a file as a
    redirection does (mutating), ``of=/dev/null`` nothing. An unresolved target is a device for all
    we know."""
    targets = [word[3:].strip("\"'") for word in args if word.startswith("of=")]
    if not targets or all(target in ("/dev/null", "/dev/stdout", "/dev/stderr") for target in targets):
        return None
    device = [target for target in targets if target.startswith("/dev/")
              or (target.startswith(("$", "`")) and "/" not in target
                  and not re.search(r"\}?\.\w+$", target))]  # ``of=${UUID}.raw`` is a file
    return DEST if device else MUT


def _rule_truncate(args: list[str]) -> Verdict | None:
    """``truncate -s 0 f``, ``-s -10M``, ``-s <1G``, ``--reference``: data is cut; ``-s 1G`` on a
    file the script names (preallocating an image) and ``-s +1G`` only make or grow it."""
    size = option_value(args, frozenset({"-s", "--size"}), short_attached="-s")
    if size is None or is_unresolved(size):
        return DEST
    size = size.strip("\"'")
    if size.startswith(("-", "<", "/", "%")) or size.rstrip("KMGTPEZYkmgtpezyiBb") in ("0", ""):
        return DEST
    return MUT


def _rule_sed(args: list[str]) -> Verdict | None:
    return MUT if any(re.match(r"-[EnrsuzRl]*i|--in-place", w) for w in args) else None


def _rule_perl(args: list[str]) -> Verdict | None:
    return MUT if any(re.match(r"-[a-zA-Z]*i", w) and not w.startswith("-I") for w in args) else None


def _rule_tee(args: list[str]) -> Verdict | None:
    _, _, files = split_options(args)
    return MUT if any(not f.startswith("/dev/") for f in files) else None


_FILE_WRITE = Verdict(False, "file-write")
_STDOUT = frozenset({"-", "/dev/stdout", "/dev/fd/1"})


def _tar_archive(args: list[str]) -> str | None:
    """The archive of ``tar -cf X``, ``tar czf X``, ``tar --file=X``/``--file X``."""
    for index, word in enumerate(args):
        if word == "--file" or word.startswith("--file="):
            return word.partition("=")[2] or (args[index + 1] if index + 1 < len(args) else None)
        bundle = word[1:] if word.startswith("-") and not word.startswith("--") else (
            word if index == 0 else "")
        if "f" in bundle and bundle.isalpha():
            after = bundle[bundle.index("f") + 1:]
            return after or (args[index + 1] if index + 1 < len(args) else None)
    return None


def _rule_tar(args: list[str]) -> Verdict | None:
    if not args:
        return None
    letters = set(args[0]) if not args[0].startswith("-") else set()
    shorts, longs, _ = split_options(args)
    letters |= shorts
    if "--delete" in longs:
        return DEST
    if "c" in letters or "--create" in longs:
        archive = _tar_archive(args)
        # creating an archive file: a file written through the command's own option
        return _FILE_WRITE if archive and archive not in _STDOUT else MUT
    if letters & set("xru") or longs & {"--extract", "--get", "--append", "--update"}:
        return MUT
    return None


def _rule_output_option(names: frozenset[str], attached: str) -> Rule:
    """A dump tool that writes a file only when given one (``pg_dump -f X``, ``mysqldump
    --result-file=X``; to standard output otherwise, the caller's redirection): a file write,
    mutating, never destructive (a dump replaces no data of the store)."""
    def rule(args: list[str]) -> Verdict | None:
        target = option_value(args, names, attached)
        return _FILE_WRITE if target and target not in _STDOUT else None
    return rule


def _rule_zip(args: list[str]) -> Verdict | None:
    """``zip [options] ARCHIVE FILES...``: writes (or updates) the archive; ``-T``/``-sf`` only
    test or list it."""
    shorts, longs, positionals = split_options(args, frozenset({"-b", "-n", "-t", "-tt", "-x", "-i"}))
    if "T" in shorts or longs & {"--test", "--show-files"} or "-sf" in args:
        return None
    if not positionals:
        return None
    return _FILE_WRITE if positionals[0] not in _STDOUT else None


_GENTLE_SIGNALS = frozenset({"HUP", "USR1", "USR2", "CONT", "STOP", "TSTP", "WINCH", "1", "10", "12", "18",
                             "19", "28"})


def _rule_kill(args: list[str]) -> Verdict | None:
    """``kill``/``pkill``/``killall``: terminating processes is destructive (default TERM, KILL,
    INT...); a signal that asks a process to reload, report or pause (HUP, USR1, USR2, CONT,
    STOP, WINCH) is mutating; ``-0`` and ``-l`` only check or list."""
    if not args or args[0] in ("-0", "-l", "-L", "--list", "-s0"):
        return None
    targets = [w for w in args if not w.startswith("-")]
    if targets and all(w.strip('"{}$') == "PPID" for w in targets):
        # its own parent: a process manager's event listener asking supervisord to stop or
        # restart (the protocol of the daemon it runs under), as a service's own stop script
        return MUT
    for index, word in enumerate(args):
        if word in ("-s", "--signal") and index + 1 < len(args):
            signal = args[index + 1]
        elif word.startswith("--signal="):
            signal = word.partition("=")[2]
        elif word.startswith("-") and len(word) > 1 and (word[1:].isdigit() or word[1:].isupper()):
            signal = word[1:]
        else:
            continue
        signal = signal.upper().removeprefix("SIG")
        return MUT if signal in _GENTLE_SIGNALS else DEST
    return DEST


def _rule_zfs(args: list[str]) -> Verdict | None:
    """``zfs rollback`` discards everything written since the snapshot (and with ``-r`` the
    newer snapshots); ``zfs receive -F`` rolls the target back first; ``destroy`` as any cloud
    CLI's; the rest (``create``, ``snapshot``, ``set``...) are changes, ``list``/``get`` reads."""
    verb, rest = first_positional(args)
    if verb == "rollback":
        return DEST
    if verb in ("receive", "recv"):
        shorts, _, _ = split_options(rest)
        return DEST if "F" in shorts else MUT
    return cloud_rule(frozenset({"snapshot", "clone", "mount", "unmount", "umount", "inherit",
                                 "send", "bookmark", "hold", "release", "promote", "allow"}))(args)


def _rule_zfs_autobackup(args: list[str]) -> Verdict | None:
    """``zfs-autobackup``: each run thins the older snapshots it made (``--keep-source``,
    ``--keep-target``: a schedule that is on by default), and ``--rollback`` or
    ``--destroy-missing`` discard what the target holds: destructive; with ``--no-thinning``
    and neither of those, it only makes and sends snapshots (a change)."""
    if "--no-thinning" in args and not any(a in ("--rollback", "--force", "-F") or a.startswith("--destroy-missing")
                                           for a in args):
        return MUT
    return DEST


def _rule_dscl(args: list[str]) -> Verdict | None:
    """macOS ``dscl DATASOURCE COMMAND ...``: ``delete``/``deletepl`` remove directory records
    or their attributes (users, groups, stored policy data); ``create``/``append``/``merge``/
    ``change``/``passwd`` change them; ``read``/``list``/``search`` only read."""
    words = [w.lstrip("-").lower() for w in args if w not in ("-plist", "-raw", "-q", "-url")]
    verb = words[1] if len(words) > 1 else ""
    if verb in ("delete", "deletepl"):
        return DEST
    if verb in ("create", "createpl", "append", "appendpl", "merge", "mergepl", "change",
                "changei", "passwd", "auth"):
        return MUT if verb != "auth" else None
    return None


def _rule_crontab(args: list[str]) -> Verdict | None:
    shorts, _, positionals = split_options(args, frozenset({"-u"}))
    if "r" in shorts:
        return DEST
    if "l" in shorts:
        return None
    return MUT if "e" in shorts or positionals else None


def _rule_iptables(args: list[str]) -> Verdict | None:
    shorts, longs, _ = split_options(args, frozenset({"-t", "--table"}))
    if shorts & {"F", "X", "Z"} or longs & {"--flush", "--delete-chain", "--zero"}:
        return DEST
    if shorts & set("AIDRPNE") or longs & {"--append", "--insert", "--delete", "--replace",
                                          "--policy", "--new-chain", "--rename-chain"}:
        return MUT
    return None


def _rule_sfdisk(args: list[str]) -> Verdict | None:
    """sfdisk: ``-d`` dumps the table (read-only), as ``-l``, ``--verify`` checks it;
    ``--relocate`` moves the GPT backup header and ``-N n`` (re)writes one partition (growing
    it, usually), each a change; otherwise as the others (a whole new table may delete)."""
    shorts, longs, _ = split_options(args, frozenset({"-N", "--partno"}))
    if "d" in shorts or "V" in shorts or longs & {"--verify", "--dump", "--json"}:
        return None
    if "--relocate" in longs or "N" in shorts or "--partno" in longs or "--move-data" in longs:
        return MUT
    return _rule_partitioner(args)


def _rule_journalctl(args: list[str]) -> Verdict | None:
    """journalctl: ``--vacuum-size/-time/-files`` delete archived journal files (log retention);
    ``--rotate`` and ``--flush`` move what is written; anything else reads."""
    if any(word.startswith(("--vacuum-size", "--vacuum-time", "--vacuum-files")) for word in args):
        return DEST
    return MUT if any(word in ("--rotate", "--flush", "--sync") for word in args) else None


_CONCOURSE_DESTRUCTIVE = frozenset({"destroy-pipeline", "dp", "destroy-team", "dt", "prune-worker", "pw",
                                    "clear-task-cache", "ctc"})
_CONCOURSE_MUTATING = frozenset({"set-pipeline", "sp", "unpause-pipeline", "up", "pause-pipeline", "pp",
                                 "trigger-job", "tj", "set-team", "st", "rename-pipeline", "rp",
                                 "expose-pipeline", "ep", "hide-pipeline", "hp", "order-pipelines", "op"})


def _rule_fly(args: list[str]) -> Verdict | None:
    """``fly``: Concourse's CLI (``fly -t ci destroy-pipeline -p x``: the pipeline and its build
    history go) or fly.io's (its verbs as any cloud CLI's)."""
    _, _, positionals = split_options(args, frozenset({"-t", "--target", "-p", "--pipeline", "-c", "--config",
                                                       "-n", "--team-name", "-j", "--job"}))
    verb = positionals[0] if positionals else None
    if verb in _CONCOURSE_DESTRUCTIVE:
        return DEST
    if verb in _CONCOURSE_MUTATING:
        return MUT
    return _CLOUD(args)


def _rule_partitioner(args: list[str]) -> Verdict | None:
    """fdisk, sgdisk: ``-l``/``-p``/``--print`` read; adding or naming a partition, or moving
    the backup header, changes the table only; anything else (``sgdisk -d``/``-o``/``-Z``, an
    interactive fdisk) may delete."""
    shorts, longs, positionals = split_options(args)
    if shorts & {"l", "s", "p"} or longs & {"--list", "--dump", "--print", "--show"}:
        return None
    if positionals[1:2] in (["print"], ["p"]):
        return None
    if args and all(_ADDS_PARTITION.match(word) or not word.startswith("-") for word in args) and \
            any(_ADDS_PARTITION.match(word) for word in args):
        # ``sgdisk -e DEV`` (the backup header moved to the disk's end), ``-n 0:-64MB:0 -c 0:x``
        # (a partition added, named): nothing on the disk goes; ``-d``/``-o``/``-Z`` delete
        return MUT
    return DEST if positionals else None


_ADDS_PARTITION = re.compile(r"^(?:-[encutA]|--(?:move-second-header|new|change-name|typecode|"
                             r"partition-guid|attributes)(?:=.*)?|-[encutA]\S+)$")


_PARTED_WRITES = frozenset({"mklabel", "mktable", "rm", "mkpart", "mkpartfs", "resizepart", "resize",
                            "mkfs", "rescue", "set", "name", "toggle"})


def _rule_parted(args: list[str]) -> Verdict | None:
    _, _, positionals = split_options(args)
    writes = _PARTED_WRITES & set(positionals)
    if writes and writes <= {"mkpart", "name", "set", "toggle"}:
        return MUT  # a partition added in free space, or named or flagged: nothing goes
    return DEST if writes else None


def _rule_wipefs(args: list[str]) -> Verdict | None:
    shorts, longs, _ = split_options(args)
    return DEST if shorts & {"a", "o"} or longs & {"--all", "--offset"} else None


def _rule_gzip(args: list[str]) -> Verdict | None:
    shorts, longs, positionals = split_options(args)
    if shorts & {"c", "t", "l"} or longs & {"--stdout", "--test", "--list"} or not positionals:
        return None
    return MUT


def _rule_unzip(args: list[str]) -> Verdict | None:
    shorts, _, _ = split_options(args)
    return None if shorts & {"l", "t", "v", "Z"} else MUT


def _rule_sysctl(args: list[str]) -> Verdict | None:
    shorts, _, positionals = split_options(args)
    return MUT if "w" in shorts or any("=" in p for p in positionals) else None


def _rule_pg_restore(args: list[str]) -> Verdict | None:
    shorts, longs, _ = split_options(args)
    return DEST if "c" in shorts or "--clean" in longs else MUT


def _rule_mongorestore(args: list[str]) -> Verdict | None:
    return DEST if "--drop" in args else MUT


def _rule_ansible(args: list[str]) -> Verdict | None:
    _, longs, _ = split_options(args)
    if longs & {"--syntax-check", "--list-hosts", "--list-tasks", "--list-tags"}:
        return None
    return MUT


def _rule_bq(args: list[str]) -> Verdict | None:
    """BigQuery's CLI: ``rm`` deletes; ``query``/``load`` with ``--replace`` overwrite their
    destination table (or a partition of it, ``TABLE$20200101``); a query's SQL is read."""
    verb, rest = first_positional(args)
    if verb in ("query", "load") and any(w in ("--replace", "--replace=true") for w in rest):
        return DEST
    if verb == "query":
        _, _, positionals = split_options(rest)
        return sql_verdict(" ".join(positionals) if positionals else None)
    if verb == "rm":
        return DEST
    return MUT if verb in ("mk", "load", "cp", "insert", "update", "extract") else None


def _rule_write_flag(*flags: str) -> Rule:
    """Formatters that rewrite files only with a flag (``gofmt -w``, ``prettier --write``)."""
    wanted = frozenset(flags)

    def rule(args: list[str]) -> Verdict | None:
        shorts, longs, _ = split_options(args)
        letters = {f[1] for f in wanted if len(f) == 2}
        return MUT if longs & wanted or shorts & letters else None

    return rule


def _rule_formatter(args: list[str]) -> Verdict | None:
    """Formatters that rewrite files unless told to check (``black``, ``isort``)."""
    _, longs, positionals = split_options(args)
    if longs & {"--check", "--diff", "--check-only"} or not positionals:
        return None
    return MUT


def _rule_ruff(args: list[str]) -> Verdict | None:
    verb, rest = first_positional(args)
    if verb == "format":
        return _rule_formatter(rest or ["."])
    return MUT if "--fix" in args and "--no-fix" not in args else None


def _rule_dpkg(args: list[str]) -> Verdict | None:
    """``dpkg -P``/``--purge`` as apt's purge (destructive: the package's configuration goes
    too); ``-i``/``-r``/``--configure``... as apt's install and remove (mutating); queries
    (``-l``, ``-s``, ``-L``, ``--get-selections``) change nothing."""
    shorts, longs, _ = split_options(args)
    if "P" in shorts or "--purge" in longs:
        return DEST
    if shorts & set("irRx") or longs & {"--install", "--remove", "--unpack", "--configure",
                                          "--set-selections", "--add-architecture",
                                          "--remove-architecture"}:
        return MUT
    return None


def _rule_java(args: list[str]) -> Verdict | None:
    """``java -cp LIB org.apache.zookeeper.server.PurgeTxnLog DIR -n 3``: a program whose main
    class is named for deleting (``Purge...``, ``Delete...``, ``Drop...``), at medium
    confidence, as an unknown tool's deleting verb is; ``-jar app.jar`` and other classes are
    not judged."""
    index = 0
    while index < len(args):
        word = args[index]
        if word in ("-cp", "-classpath", "--class-path", "-p", "--module-path"):
            index += 2
            continue
        if word.startswith("-"):
            if word == "-jar":
                return None
            index += 1
            continue
        if word.startswith("$"):  # ``$JVMFLAGS``: options in a variable, before the class
            index += 1
            continue
        simple = word.rsplit(".", 1)[-1]
        return Verdict(True, "command", "medium") if _DELETING_CLASS.match(simple) else None
    return None


_DELETING_CLASS = re.compile(r"^(?:Purge|Delete|Drop|Destroy|Truncate|Wipe|Prune|Erase)[A-Z]")


def _rule_cargo(args: list[str]) -> Verdict | None:
    verb, rest = first_positional(args)
    if verb == "fmt":
        return None if "--check" in rest else MUT
    return MUT if verb in ("publish", "yank", "install") else None


def _rule_go(args: list[str]) -> Verdict | None:
    verb, rest = first_positional(args)
    if verb in ("generate", "install", "fmt", "get"):
        return MUT
    if verb == "mod" and rest[:1] and rest[0] in ("tidy", "vendor", "edit", "init"):
        return MUT
    return MUT if verb == "build" and ("-o" in rest or any(w.startswith("-o=") for w in rest)) else None


_DJANGO_DESTRUCTIVE = frozenset({"flush", "reset_db", "sqlflush_apply", "clear_cache"})
_DJANGO_DESTRUCTIVE_PREFIX = ("delete", "remove", "purge", "clear", "drop", "wipe", "prune", "flush")
"""A command named for deleting (``remove_stale_contenttypes``, ``clearsessions``,
``delete_old_events``): a job with effects of its own, which the inventory reports on the command
itself; a script that runs it is labelled on its own body, as one that runs another script is
(mutating, medium). ``flush`` and ``reset_db`` empty the database: destructive."""
_DJANGO_MUTATING = frozenset({"migrate", "loaddata", "createsuperuser", "collectstatic",
                              "createcachetable", "changepassword", "compilemessages",
                              "makemigrations", "update_index", "rebuild_index"})


def _rule_django(args: list[str]) -> Verdict | None:
    verb, _ = first_positional(args, frozenset({"--settings", "--pythonpath", "-v", "--verbosity"}))
    if verb is None:
        return None
    if is_unresolved(verb):
        return None
    if verb in _DJANGO_DESTRUCTIVE:
        return DEST
    if verb.lower().startswith(_DJANGO_DESTRUCTIVE_PREFIX):
        # a housekeeping job of its own (``clearsessions``, ``delete_old_events``): that
        # command's effect, inventoried with the command; running it changes things here
        return Verdict(False, confidence="medium")
    return MUT if verb in _DJANGO_MUTATING else None


def _migration_words(words: list[str]) -> Verdict | None:
    """``<app> db upgrade``, ``<app> migrate``: a database migration run by a project's own CLI."""
    lowered = [w.lower() for w in words[:4]]
    if "downgrade" in lowered:
        return DEST
    if "migrate" in lowered or ("db" in lowered and "upgrade" in lowered):
        return MUT
    return None


def _rule_python(args: list[str]) -> Verdict | None:
    """``python manage.py migrate``, ``python -m alembic upgrade``, ``python -m app db upgrade``;
    other Python programs are left to the callers finder."""
    index = 0
    while index < len(args) and args[index].startswith("-") and args[index] != "-m":
        index += 1
    if index >= len(args):
        return None
    if args[index] == "-m":
        module = args[index + 1] if index + 1 < len(args) else ""
        rest = args[index + 2:]
        rule = {"alembic": RULES.get("alembic"), "django": _rule_django}.get(module)
        return rule(rest) if rule else _migration_words(rest)
    program = args[index].rsplit("/", 1)[-1]
    if program == "manage.py":
        return _rule_django(args[index + 1:])
    return None


def _rule_flask(args: list[str]) -> Verdict | None:
    return _migration_words(args)


def _confirmed(verbs: frozenset[str], confirm: str, mutating: frozenset[str],
               takes_value: frozenset[str] = frozenset()) -> Rule:
    """Backup tools whose delete only lists what it would delete unless confirmed
    (``wal-g delete ... --confirm``, ``duplicity remove-older-than ... --force``)."""
    def rule(args: list[str]) -> Verdict | None:
        verb, _ = first_positional(args, takes_value)
        if verb is None:
            return None
        if is_unresolved(verb):
            return unresolved_verdict(verb)
        if verb in verbs:
            return DEST if confirm in args else None
        return MUT if verb in mutating else None

    return rule


_RESTIC_VALUE = frozenset({"-r", "--repo", "-p", "--password-file", "--cache-dir", "--repository-file",
                           "--password-command", "-o", "--option", "--limit-upload",
                           "--limit-download", "--tls-client-cert", "--cacert"})


def _rule_restic(args: list[str]) -> Verdict | None:
    verb, _ = first_positional(args, _RESTIC_VALUE)
    if verb in ("forget", "prune"):
        return DEST
    return MUT if verb in ("backup", "init", "restore", "copy", "migrate", "rewrite", "tag",
                           "key", "unlock") else None


def _janitor(args: list[str]) -> Verdict | None:
    """``aws-janitor -all``: deletes what it finds, unless ``--dry-run`` (``-dry-run=true``)."""
    dry = any(w.lstrip("-").split("=")[0] in ("dry-run", "dryrun") and not w.endswith("=false") for w in args)
    return None if dry else DEST


_RCLONE_DESTRUCTIVE = frozen("delete purge deletefile rmdirs rmdir cleanup sync dedupe")
"""``rclone sync`` makes the destination a mirror of the source: it deletes at the destination
(like ``rsync --delete``)."""
_RCLONE_MUTATING = frozen("copy copyto move moveto mkdir touch copyurl rcat bisync settier link")
_RCLONE_VALUE = frozenset({"--config", "--log-file", "--log-level", "--transfers", "--checkers",
                           "--exclude", "--include", "--filter", "--bwlimit", "--backup-dir"})


def _rule_mc(args: list[str]) -> Verdict | None:
    """MinIO client: ``rm``/``rb`` and ``mirror --remove`` delete; ``mirror``/``cp``/``mv`` write."""
    verb, rest = first_positional(args, frozenset({"--config-dir", "-C"}))
    if verb in ("rm", "rb"):
        return DEST
    if verb == "mirror":
        return DEST if "--remove" in rest or "--overwrite" in rest else MUT
    return cloud_rule()(args)


def _rule_s3cmd(args: list[str]) -> Verdict | None:
    verb, rest = first_positional(args, frozenset({"-c", "--config", "--region", "--host"}))
    if verb in ("del", "rm", "rb", "delete"):
        return DEST
    if verb == "sync":
        return DEST if "--delete-removed" in rest or "--delete-after" in rest else MUT
    return MUT if verb in ("put", "cp", "mv", "mb", "modify", "setacl", "setpolicy") else None


def _rule_mkdocs(args: list[str]) -> Verdict | None:
    """``mkdocs gh-deploy`` pushes the built site to its branch; ``--force`` force-pushes."""
    verb, rest = first_positional(args)
    if verb != "gh-deploy":
        return None
    return DEST if "--force" in rest or "-f" in rest else MUT


def _rule_ghp_import(args: list[str]) -> Verdict | None:
    shorts, longs, _ = split_options(args)
    if "--push" not in longs and "p" not in shorts:
        return MUT
    return DEST if "--force" in longs or "f" in shorts else MUT


_SETTING_GROUPS = frozenset({"docker-options", "options", "config", "env", "domains", "ports", "labels",
                             "checks", "proxy", "nginx", "resource"})
"""``dokku docker-options:remove APP``, ``config:unset``, ``domains:remove``: a platform CLI's
setting taken off an app, not data."""
_UNKNOWN_TOOL_DELETES = frozenset({"delete", "destroy", "purge", "teardown", "nuke", "wipe", "terminate",
                                   "prune", "rm", "remove", "uninstall", "undeploy", "drop"})


_NOT_ACTING = frozenset({
    "inotifywait", "inotifywatch",  # (``inotifywait -e delete_self x.sock``: waits for an event)
    "echo", "printf", "print", "grep", "egrep", "fgrep", "zgrep", "rg", "ag", "ack", "cat", "tac", "less",
    "more", "head", "tail", "awk", "gawk", "mawk", "sort", "uniq", "wc", "cut", "tr", "diff", "cmp", "comm",
    "which", "whereis", "type", "hash", "man", "help", "info", "apropos", "whatis", "test", "[", "[[", "expr",
    "basename", "dirname", "realpath", "readlink", "stat", "file", "ls", "du", "df", "jq", "yq", "xmllint",
    "logger", "log", "say", "notify-send", "column", "fold", "fmt", "nl", "od", "xxd", "hexdump", "strings",
    "base64", "md5sum", "sha1sum", "sha256sum", "sha512sum", "printenv", "declare", "local", "export",
    "alias", "set", "unset", "read", "getopts", "shift", "return", "exit", "true", "false", "sleep", "date",
    "id", "whoami", "hostname", "uname", "seq", "yes", "tput", "clear", "let", "source", ".", "die",
    "fail", "warn", "error", "usage", "debug"})
"""Commands that print, read or test: their words are data (``echo rm -rf /``, ``grep delete``)."""


def rule_unknown_tool(args: list[str]) -> Verdict | None:
    """A tool without a rule of its own whose first word is a deleting verb (``kfctl delete``,
    ``mytool destroy env``, also as part of a compound: ``acl-remove``, ``apps:destroy``), or
    whose second is after a group word (``socorro-cmd db drop``,
    ``mytool cluster delete``), or that is given a deleting option (``--delete-old``,
    ``-remove-data=$X``): destructive, at medium confidence; anything else is not
    reported."""
    verb, rest = first_positional(args)
    if verb in _UNKNOWN_TOOL_DELETES:
        return Verdict(True, "command", "medium")
    own = args[:args.index("--")] if "--" in args else args  # after ``--``: another program's
    if any(_deleting_option(word) for word in own if not (word == "-prune" and _FIND_TESTS & set(own))):
        # (not find's ``-prune`` handed to a function that runs find: ``make_dir_writable
        # "$DIR" -not '(' -path "$DIR/images" -prune ')'``: a folder it does not descend into)
        # ``pgo-rmdata -remove-data=$REMOVE_DATA``, ``tool --delete-backups``: told to delete
        return Verdict(True, "command", "medium")
    if verb == "curl" and args[:1] == ["curl"]:
        # a platform CLI's raw API call (``cf curl -X DELETE /v3/apps/x``, ``uaac curl
        # /identity-providers/x -X DELETE``, ``credhub curl``): curl's own methods
        verdict = rule_curl(rest)
        return None if verdict is None or verdict.kind != "http" else \
            Verdict(verdict.destructive, "http", "medium")
    # a compound of one (``sshcommand acl-remove``, ``tool delete-user``, ``dokku apps:destroy``)
    parts = re.split(r"[-_:]", verb) if verb is not None and re.fullmatch(r"[a-z][a-z0-9_:-]*", verb) else []
    if len(parts) > 1 and (parts[0] in _UNKNOWN_TOOL_DELETES or parts[-1] in _UNKNOWN_TOOL_DELETES) and not (
            verb is not None and ":" in verb and verb.partition(":")[0] in _SETTING_GROUPS):
        return Verdict(True, "command", "medium")
    # a group word, not a command handed on (``ssh host -- sudo rm``, ``tool exec sudo ...``)
    # (not a cache's entries: ``mytool cache rm old``)
    if (verb is not None and "--" not in args[:args.index(verb) + 1]
            and re.fullmatch(r"[a-z][a-z0-9_-]*", verb) and verb not in _HANDS_ON
            and first_positional(rest)[0] in _GROUP_DELETES and not _NO_DATA_OPTION.search(verb)):
        return Verdict(True, "command", "medium")
    # groups of groups, before any option (``confluent kafka topic delete X``, ``confluent iam
    # rbac role-binding delete --role ...``)
    leading = list(itertools.takewhile(lambda w: re.fullmatch(r"[a-z][a-z0-9_-]*", w) is not None, args))
    if len(leading) >= 3 and leading[0] not in _HANDS_ON and any(
            word in _GROUP_DELETES for word in leading[2:4]):
        return Verdict(True, "command", "medium")
    return None


_FIND_TESTS = frozenset({"-path", "-name", "-iname", "-ipath", "-wholename", "-regex", "-type", "-not", "!", "("})
_DELETING_OPTION = re.compile(r"^--?(?:remove|delete|purge|prune|wipe|destroy|drop)(?:[-_][\w-]+)?"
                              r"(?:=(.*))?$")


def _deleting_option(word: str) -> bool:
    """An option of an unknown tool that tells it to delete (``--delete-old``,
    ``-remove-data=$X``), unless given a false value or naming what holds no data
    (``--remove-pidfile``, ``--prune-cache``). (Words after ``--`` are another program's.)"""
    match = _DELETING_OPTION.match(word)
    return match is not None and not _NO_DATA_OPTION.search(word) and (
        match.group(1) or "true").strip("\"'").lower() not in ("false", "0", "no", "off", "")


# (``xtrabackup --decompress --remove-original``: the compressed originals of the files it
# writes, as ``gunzip`` replaces its input)
_NO_DATA_OPTION = re.compile(r"(?i)pid|lock|cache|te?mp|orphan|sock|original")


_QUERY_DELETES = re.compile(r"(?i)\b(?:drop\s+(?:database|table|measurement|series|retention\s+policy)"
                            r"|delete\s+from|truncate\s+table)\b")
"""A statement that drops or deletes stored data, sent to a database's HTTP API (InfluxDB's
``/query?q=drop database x``, QuestDB's ``/exec?query=drop table cpu``, ClickHouse's ``/?query=``)."""


def _with_query(rule: Rule) -> Rule:
    """``rule`` of an HTTP client, or destructive when its URL or data holds a statement that
    drops or deletes stored data (URL-encoded or not)."""
    def query_rule(args: list[str]) -> Verdict | None:
        text = " ".join(args)
        lower = text.lower()
        if ("drop" in lower or "delete" in lower or "truncate" in lower or "unload" in lower) and (
                _QUERY_DELETES.search(decoded := urllib.parse.unquote_plus(text))
                or _SOLR_DELETES.search(decoded)):
            return Verdict(True, "http", "high")
        return rule(args)
    return query_rule


_SOLR_DELETES = re.compile(
    # a collection, a shard or a replica removed through SolrCloud's Collections API, a core
    # unloaded with its index or data (``action=UNLOAD&deleteIndex=true``)
    r"/admin/(?:collections|cores)\?(?:[^\s]*&)?action=(?:DELETE|DELETESHARD|DELETEREPLICA|DELETENODE)(?:&|\s|$|[\"'])"
    r"|/admin/cores\?[^\s]*action=UNLOAD[^\s]*delete(?:Index|DataDir|InstanceDir)=true"
    # documents deleted by query or id through the update handler (``stream.body=<delete>``, a
    # JSON ``{"delete": ...}``)
    r"|/update\b[^\s]*(?:<delete>|stream\.body=\{?\s*[\"']?delete)"
    r"|<delete>\s*<(?:query|id)>|\{\s*[\"']delete[\"']\s*:", re.I)


def _rule_pg_ctl(args: list[str]) -> Verdict | None:
    """``pg_ctl stop`` (``restart``, ``kill``): the server stopped, in the default "fast" mode
    every open session aborted and its transaction rolled back, as a ``kill`` is (the labels of
    six sets call it destructive); ``-m smart`` waits for the clients to leave (mutating), as do
    ``start``, ``promote`` and ``reload``."""
    verb, _ = first_positional(args, frozenset({"-D", "--pgdata", "-l", "--log", "-m", "--mode", "-o",
                                                "--options", "-w", "-t", "--timeout", "-s"}))
    if verb is None:
        return None
    mode = option_value(args, frozenset({"-m", "--mode"}), short_attached="-m") or "fast"
    if verb in ("stop", "restart", "kill") and not mode.strip("\"'").startswith("s"):
        return DEST
    return MUT if verb in ("start", "stop", "restart", "promote", "reload", "kill", "init", "initdb") else None


_PGBACKREST_DESTRUCTIVE = frozenset({"expire", "stanza-delete"})
_PGBACKREST_MUTATING = frozenset({"backup", "restore", "stanza-create", "stanza-upgrade", "archive-push",
                                  "start", "stop"})


def _rule_pgbackrest(args: list[str]) -> Verdict | None:
    """pgBackRest: ``expire`` and ``stanza-delete`` remove backups; ``restore --delta`` (or
    ``--force``) restores over an existing data directory, removing the files the backup does
    not hold and replacing those that differ (destructive); a restore into an empty one, a
    backup and the rest change."""
    words = [w for w in args if not w.startswith("-")]
    verb = next((w for w in words if w in _PGBACKREST_DESTRUCTIVE | _PGBACKREST_MUTATING), None)
    if verb in _PGBACKREST_DESTRUCTIVE or (verb == "restore" and any(
            w.partition("=")[0] in ("--delta", "--force") and w.partition("=")[2] not in ("n", "no", "false", "0")
            for w in args)):
        return DEST
    return MUT if verb else None


_DOVEADM_DESTRUCTIVE = frozenset({"expunge", "purge", "backup", "deduplicate"})
_DOVEADM_READ = frozenset({"search", "fetch", "who", "user", "auth", "stats", "log", "help", "dump", "pw",
                           "instance", "service", "process", "director", "proxy", "replicator", "quota",
                           "dict", "fs", "acl", "metadata", "mailbox"})
"""Verbs that read (``mailbox list``, ``quota get``); ``index``, ``force-resync`` and ``kick``
rebuild indexes or disconnect users: changes."""


def _rule_doveadm(args: list[str]) -> Verdict | None:
    """Dovecot's ``doveadm``: ``expunge`` (messages removed), ``purge`` (expunged messages'
    storage freed for good), ``backup`` (the destination made to match the source, what it
    holds beyond it deleted), ``deduplicate``, ``mailbox delete``: destructive; ``sync``,
    ``import``, ``move``, ``mailbox create``, ``quota recalc``... change; listing, searching and
    status read."""
    words = [w for w in args if not w.startswith("-")]
    verb = words[0] if words else None
    if verb is None:
        return None
    if verb in _DOVEADM_DESTRUCTIVE or (verb == "mailbox" and words[1:2] == ["delete"]):
        return DEST
    if verb in _DOVEADM_READ and not (words[1:2] and words[1] in ("create", "rename", "subscribe", "set", "recalc",
                                                                  "add", "remove", "put", "optimize", "rescan")):
        return None
    return MUT


def _rule_killproc(args: list[str]) -> Verdict | None:
    """An init script's ``killproc -p PIDFILE daemon`` (TERM, then KILL after a delay): the
    daemon terminated, as ``kill`` is; ``killproc daemon -HUP`` only asks it to reload."""
    gentle = [w for w in args if w.startswith("-") and w[1:].upper().removeprefix("SIG") in _GENTLE_SIGNALS]
    return MUT if gentle else DEST


def _rule_start_stop_daemon(args: list[str]) -> Verdict | None:
    """``start-stop-daemon --stop`` (``-K``) asks the service to shut down cleanly (TERM):
    a change, as the earlier sets' labels of init scripts mostly read it; killed when it does
    not (``--retry TERM/30/KILL/5``, ``--signal KILL``), what it was doing is lost:
    destructive. Starting it (``--start``) is the daemon's own business (its script is read
    as its caller's)."""
    if not any(w in ("--stop", "-K") for w in args):
        return None
    signal = (option_value(args, frozenset({"--signal", "-s"}), short_attached="-s") or "").strip("\"'")
    retry = (option_value(args, frozenset({"--retry", "-R"}), short_attached="-R") or "").strip("\"'")
    forced = signal.upper().removeprefix("SIG") in ("KILL", "9") or re.search(r"(?i)(?:^|/)(?:SIG)?(?:KILL|9)(?:/|$)", retry)
    return DEST if forced else MUT


def _rule_dpkg_divert(args: list[str]) -> Verdict | None:
    """``dpkg-divert --add --rename X`` moves a file aside for a package's own; ``--remove
    --rename`` moves the original back: a change either way, nothing lost."""
    return MUT if any(w in ("--add", "--remove", "--rename") for w in args) else None


def _rule_myloader(args: list[str]) -> Verdict | None:
    """mydumper's ``myloader``: loads a dump into the server (mutating); with
    ``--overwrite-tables``/``-o`` (or ``--drop-table`` in later versions) the tables already
    there are dropped and replaced: destructive."""
    shorts, longs, _ = split_options(args)
    if "o" in shorts or {"--overwrite-tables", "--drop-table"} & {w.partition("=")[0] for w in longs}:
        return DEST
    return MUT


def _rule_pt_archiver(args: list[str]) -> Verdict | None:
    """Percona's ``pt-archiver --source ... [--dest ...]``: rows archived are deleted from the
    source table unless ``--no-delete``; ``--dry-run`` only prints the queries."""
    _, longs, _ = split_options(args)
    if "--dry-run" in longs:
        return None
    return MUT if "--no-delete" in longs else DEST


def _rule_logrotate(args: list[str]) -> Verdict | None:
    """``logrotate /etc/logrotate.conf``: rotates logs and removes those past the configured
    ``rotate N``/``maxage`` (retention: old logs are deleted; medium, the count is in its
    configuration); ``-d``/``--debug`` only says what it would do."""
    shorts, longs, _ = split_options(args)
    if "d" in shorts or "--debug" in longs or not args:
        return None
    return Verdict(True, "command", "medium")


_VIRSH_READ = re.compile(r"^(?:\w+-)?(?:list|info|dumpxml|path|name|uuid|key|state|stat|get\w*|dom\w*|"
                         r"capabilities|version|hostname|nodeinfo|pool-capabilities|vol-pool|"
                         r"net-dhcp-leases|console|connect|help)$")


def _rule_virsh(args: list[str]) -> Verdict | None:
    """libvirt's virsh: ``destroy``/``undefine`` of a domain and ``*-delete``, ``*-wipe``,
    ``*-destroy``, ``*-undefine`` of volumes, pools, networks, snapshots remove what was there;
    listing and inspecting read; the rest (``*-create``, ``define``, ``start``, ``attach-*``)
    change. (A leftover of the same name removed before making it again is still removed.)"""
    verb, _rest = first_positional(args, frozenset({"-c", "--connect"}))
    if verb is None:
        return None
    if verb in ("net-destroy", "pool-destroy", "iface-destroy", "nwfilter-binding-destroy"):
        # (a network or a storage pool stopped: its definition and the pool's volumes stay)
        return MUT
    if verb in ("destroy", "undefine") or verb.endswith(("-delete", "-wipe", "-destroy", "-undefine")):
        return DEST
    return None if _VIRSH_READ.match(verb) else MUT


def _rule_s6_svscanctl(args: list[str]) -> Verdict | None:
    """``s6-svscanctl -t /run/service``: the supervision tree told to stop every service and
    exit (``-t``, ``-q``; ``-0``/``-6``/``-7``/``-8`` halt, reboot or power off), as a
    container's init shutting everything down: destructive; ``-a``/``-h``/``-n`` (rescan,
    reload) change nothing lasting."""
    shorts, _, _ = split_options(args)
    return DEST if shorts & set("tq0678") else (MUT if shorts else None)


# second words that delete after a group word: not ``rm``/``remove``/``prune`` (``tool cache rm``)
_GROUP_DELETES = frozenset({"delete", "destroy", "drop", "purge", "wipe", "nuke", "teardown",
                            "terminate", "evict", "undeploy", "rm", "remove"})
_HANDS_ON = frozenset({"sudo", "doas", "env", "exec", "run", "command", "nice", "nohup", "time",
                       "timeout", "xargs", "sh", "bash", "ssh", "echo", "printf"})


_GH_CLOUD = cloud_rule()


def _rule_gh(args: list[str]) -> Verdict | None:
    """GitHub CLI: as the other platform CLIs, and ``gh pr merge -d``/``--delete-branch`` (the
    pull request's branch is deleted once merged)."""
    if args[:2] == ["pr", "merge"] and any(w in ("-d", "--delete-branch") or (
            w.startswith("-") and not w.startswith("--") and "d" in w[1:]) for w in args[2:]):
        return DEST
    return _GH_CLOUD(args)


_CELERY_VALUE = frozenset({"-A", "--app", "-b", "--broker", "--result-backend", "--loader",
                           "--config", "--workdir"})


def _rule_celery(args: list[str]) -> Verdict | None:
    """Celery's command line: ``purge`` empties the broker's queues (every waiting task lost,
    asked or not: ``-f`` only skips the prompt), as ``amqp queue.purge``/``queue.delete``/
    ``exchange.delete`` do by hand; ``control shutdown`` and ``multi kill`` end the workers.
    ``call`` sends a task and ``migrate`` moves tasks between brokers: mutating; ``worker`` and
    ``beat`` run what the tasks do, which is the tasks' effect, not the command's."""
    verb, rest = first_positional(args, _CELERY_VALUE)
    if verb is None:
        return None
    if is_unresolved(verb):
        return unresolved_verdict(verb)
    action, _ = first_positional(rest, frozenset({"-d", "--destination", "-t", "--timeout"}))
    if verb == "purge" or (verb == "amqp" and action in ("queue.purge", "queue.delete", "exchange.delete")) \
            or (verb == "control" and action == "shutdown") or (verb == "multi" and action == "kill"):
        return DEST
    return MUT if verb in ("call", "migrate", "amqp") else None


_GOVC_DESTRUCTIVE = re.compile(r"\.(?:destroy|remove|rm|revert|unregister|delete|purge)$|^(?:vm|host)\.destroy$")
_GOVC_MUTATING = re.compile(r"\.(?:create|clone|import\.\w+|upload|power|change|add|register|attach|markastemplate"
                            r"|markasvm|mkdir|cp|mv|ip|info\.set)$|^(?:vm|host|snapshot|disk|library)\.")
_GOVC_READ = re.compile(r"\.(?:info|ls|find|tree|ip|logs|download|export\.\w+|about|events|ping)$|^(?:ls|find|about|tree)$")


def _rule_govc(args: list[str]) -> Verdict | None:
    """vSphere's ``govc object.verb``: ``snapshot.remove``, ``vm.destroy``, ``datastore.rm``,
    ``snapshot.revert`` (the state since the snapshot gone) are destructive; ``vm.create``,
    ``snapshot.create``, ``vm.power``, ``vm.change`` mutating; ``*.info``/``ls``/``find`` read."""
    verb, _ = first_positional(args)
    if verb is None:
        return None
    if is_unresolved(verb):
        return unresolved_verdict(verb)
    if _GOVC_READ.search(verb):
        return None
    if _GOVC_DESTRUCTIVE.search(verb):
        return DEST
    return MUT if _GOVC_MUTATING.search(verb) else None


_YARN_PACKAGES = subcommand_rule(frozenset(), frozen("install add ci update upgrade remove publish "
                                                     "sync lock"))


def _rule_yarn(args: list[str]) -> Verdict | None:
    """Two programs of one name: Hadoop's ``yarn application -kill ID`` (``app -destroy``,
    ``-stop``) ends a running application: destructive; ``yarn add``/``install``, the
    JavaScript package manager: mutating."""
    if args[:1] in (["application"], ["app"]):
        return DEST if any(w in ("-kill", "-destroy", "-stop") for w in args[1:]) else (
            MUT if any(w in ("-launch", "-start", "-flex", "-changeQueue", "-updatePriority")
                       for w in args[1:]) else None)
    return _YARN_PACKAGES(args)


_HDFS_DESTRUCTIVE = frozenset({"-rm", "-rmr", "-rmdir", "-expunge", "-truncate", "-deleteSnapshot"})
_HDFS_MUTATING = frozenset({"-put", "-copyFromLocal", "-moveFromLocal", "-mkdir", "-mv", "-cp", "-chmod",
                            "-chown", "-chgrp", "-setrep", "-touchz", "-touch", "-appendToFile",
                            "-createSnapshot", "-renameSnapshot", "-setfacl", "-setfattr"})


def _rule_hdfs(args: list[str]) -> Verdict | None:
    """``hdfs dfs -rm -r -skipTrash DIR``, ``hadoop fs -rmr``, ``-expunge`` (the trash emptied):
    destructive; ``-put``, ``-mkdir``, ``-mv``...: mutating; ``-ls``, ``-cat``, ``-get``: nothing."""
    if args[:1] not in (["dfs"], ["fs"]):
        return None
    option = next((w for w in args[1:] if w.startswith("-") and not w.startswith("-D")), None)
    if option in _HDFS_DESTRUCTIVE:
        return DEST
    return MUT if option in _HDFS_MUTATING else None


def _rule_shutdown(args: list[str]) -> Verdict | None:
    """``shutdown -h now`` powers the machine off (what runs on it stops until someone starts it
    again): destructive; ``shutdown -r`` reboots it, as ``reboot`` does: it comes back, as a
    restarted service does (mutating); ``-c`` cancels a pending one."""
    if "-c" in args:
        return None
    return MUT if any(w in ("-r", "--reboot") or (w.startswith("-") and not w.startswith("--") and "r" in w)
                      for w in args) else DEST


_OVS_VALUES = frozenset({"-O", "--protocols", "-t", "--timeout", "--db", "-F", "--flow-format"})


def _rule_ovs(args: list[str]) -> Verdict | None:
    """Open vSwitch: ``ovs-ofctl del-flows br0 cookie=...``, ``ovs-vsctl del-br``/``del-port``
    remove flows, bridges and ports (destructive); ``add-*``/``mod-*``/``set``: mutating;
    ``show``/``dump-*``/``list``: nothing. ``ovs-vsctl -- del-port x -- add-port y``: each
    command counts."""
    verb, _rest = first_positional(args, _OVS_VALUES)
    found = [verb, *(args[i + 1] for i, w in enumerate(args[:-1]) if w == "--")] if verb else []
    if any(v.startswith(("del", "destroy", "clear")) for v in found):
        return DEST
    return MUT if any(v.startswith(("add", "mod-", "replace-", "set", "create", "emer-reset"))
                      for v in found) else None


def _rule_kafka_topics(args: list[str]) -> Verdict | None:
    """``kafka-topics --delete --topic X``: the topic and its messages are gone; ``--create``,
    ``--alter``: mutating; ``--list``, ``--describe``: nothing. (The Kafka tools take their long
    options after one dash too: ``-delete``.)"""
    if "--delete" in args or "-delete" in args:
        return DEST
    return MUT if any(w in ("--create", "--alter", "-create", "-alter") for w in args) else None


def _rule_kafka_consumer_groups(args: list[str]) -> Verdict | None:
    """``kafka-consumer-groups --delete`` (a group's committed offsets removed) and
    ``--reset-offsets ... --execute`` (overwritten in place): destructive; ``--reset-offsets``
    without ``--execute`` only prints the plan (``--dry-run`` is its default)."""
    if any(w in ("--delete", "--delete-offsets", "-delete", "-delete-offsets") for w in args):
        return DEST
    if "--reset-offsets" in args:
        return DEST if "--execute" in args else None
    return None


def _rule_puppet(args: list[str]) -> Verdict | None:
    """``puppet node clean|deactivate``, ``puppet cert clean|revoke``, ``puppetserver ca
    clean|revoke``: a node's certificates and stored data removed; ``apply``/``agent``: mutating."""
    verb, rest = first_positional(args, frozenset({"--environment", "--certname", "--config"}))
    action, _ = first_positional(rest)
    if verb in ("node", "cert", "ca") and action in ("clean", "deactivate", "revoke", "destroy"):
        return DEST
    return MUT if verb in ("apply", "agent", "resource") or (verb, action) == ("module", "install") else None


def unknown_tool_rule(name: str, *, beside: bool = False) -> Rule | None:
    """:func:`rule_unknown_tool` for a tool that is not one of the commands that only print, read
    or test; a tool named for deleting (``delete_docker_registry_image -i repo``,
    ``purge-old-indices``) deletes whatever it is given (medium: only its name says so), unless
    the name says what it removes holds no data (``purge-stale-locks``), or it is a script of
    the project run by its path (``beside``), labelled on its own. (Not ``remove_*``: a library's
    ``remove_from_links_file``, ``remove_value_from_grub_line`` take an entry out of a file.)"""
    if name in _NOT_ACTING or name.startswith(("log_", "print_", "echo_")):
        return None
    parts = re.split(r"[-_]", name)
    if len(parts) > 1 and parts[0] in _DELETING_NAMES and not beside and not _NO_DATA_OPTION.search(name):
        return always(Verdict(True, "command", "medium"))
    return rule_unknown_tool


_DELETING_NAMES = frozenset({"delete", "destroy", "purge", "nuke", "wipe", "prune", "drop"})


def _rule_repmgr(args: list[str]) -> Verdict | None:
    """``repmgr standby clone --force`` (over the data directory), ``node rejoin
    --force-rewind``, ``standby|primary|witness unregister`` and ``cluster cleanup`` (the
    monitoring history) delete; ``register``, ``follow``, ``promote``, ``switchover`` change."""
    words = [w for w in args if not w.startswith("-")]
    if "clone" in words:
        return DEST if any(w in ("-F", "--force") for w in args) else MUT
    if "rejoin" in words:
        return DEST if any(w.startswith("--force-rewind") for w in args) else MUT
    if "unregister" in words or ("cluster" in words and "cleanup" in words):
        return DEST
    return MUT if any(w in words for w in ("register", "follow", "promote", "switchover")) else None


def _rule_adb(args: list[str]) -> Verdict | None:
    """Android's debug bridge: ``adb -s SERIAL emu kill`` ends an emulator, ``uninstall`` removes
    an app with its data; ``install``, ``push``, ``reboot`` change the device."""
    verb, rest = first_positional(args, frozenset({"-s", "-t", "-H", "-P", "-L"}))
    if (verb == "emu" and rest[:1] == ["kill"]) or verb == "uninstall":
        return DEST
    return MUT if verb in ("install", "install-multiple", "push", "reboot", "root", "remount") else None


_ADMIN_API_DELETES = re.compile(r"\.(?:removeInstance|dissolve|removeCluster|removeReplicaSet|dropMetadataSchema)\(")


def _rule_mysqlsh(args: list[str]) -> Verdict | None:
    """MySQL Shell: its AdminAPI removing an instance from a cluster or dissolving one
    (``-e "dba.getCluster().removeInstance('db-2:3306')"``); with ``--sql``, the SQL it runs."""
    if any(_ADMIN_API_DELETES.search(word) for word in args):
        return DEST
    return sql_verdict(option_value(args, frozenset({"-e", "--execute"}))) if "--sql" in args else None


def always(verdict: Verdict) -> Rule:
    return lambda args: verdict


def _always_with_args(verdict: Verdict) -> Rule:
    return lambda args: verdict if any(not a.startswith("-") for a in args) else None


_MUTATING_TOOLS = ("rmdir mv cp install ln chmod chown chgrp chattr setfacl mkdir touch mknod mkfifo patch "
                   "scp useradd usermod groupadd groupmod passwd chpasswd gpasswd adduser mount "
                   "umount swapon swapoff modprobe rmmod insmod createdb createuser pkill killall "
                   "iptables-restore ip6tables-restore lvcreate lvextend lvresize vgcreate "
                   "vgextend vgreduce pvcreate ansible-playbook twine supervisorctl pm2 launchctl "
                   "hostnamectl timedatectl update-alternatives logrotate chsh usermod "
                   "update-rc.d chkconfig certbot")
_DESTRUCTIVE_TOOLS = ("shred srm sfill sswap sdmem unlink mke2fs mkswap mkdosfs mkntfs dropdb dropuser "
                      "userdel deluser groupdel delgroup poweroff halt lvremove "
                      "vgremove pvremove lvreduce pg_dropcluster repo-remove "
                      "condor_rm qdel bkill scancel")
"""(``repo-remove repo.db.tar.gz pkg``: Arch's tool deleting packages from a repository's database;
``condor_rm``, ``qdel``, ``bkill``, ``scancel``: a batch system's running jobs ended)"""

_REPREPRO_DESTRUCTIVE = frozenset({"remove", "removesrc", "removesrcs", "removefilter", "removematched",
                                   "deleteunreferenced", "deleteleftover", "clearvanished", "flood"})


def _rule_heroku(args: list[str]) -> Verdict | None:
    """Heroku's CLI: a database copied over another (``pg:copy SRC TARGET``), reset, or a backup
    restored into it (``pg:backups:restore``) replaces what it held; other verbs as any cloud
    CLI's."""
    verb = next((w for w in args if not w.startswith("-")), "")
    if verb in ("pg:copy", "pg:reset", "pg:backups:restore", "pg:backups restore"):
        return DEST
    return _CLOUD(args)


def _rule_imposm(args: list[str]) -> Verdict | None:
    """imposm's ``import -deployproduction`` puts the fresh import in place of the production
    tables (the old ones go to the backup schema, whose own are dropped); other imports write."""
    if "-deployproduction" in args or "-removebackup" in args:
        return DEST
    return MUT if args[:1] in (["import"], ["run"], ["diff"]) else None


def _rule_ogr2ogr(args: list[str]) -> Verdict | None:
    """GDAL's ``ogr2ogr -overwrite`` (or ``-lco OVERWRITE=YES``) drops the layer it writes and
    makes it again; appending or writing a new layer is a change."""
    if "-overwrite" in args or any(w.upper() == "OVERWRITE=YES" for w in args):
        return DEST
    return MUT


def _rule_flyway(args: list[str]) -> Verdict | None:
    """Flyway: ``clean`` drops every object of the schemas, ``undo`` reverts migrations; ``migrate``
    and ``repair`` change; ``info`` and ``validate`` read."""
    verb = next((w for w in args if not w.startswith("-")), "")
    return DEST if verb in ("clean", "undo") else MUT if verb in ("migrate", "repair", "baseline") else None


def _rule_lipo(args: list[str]) -> Verdict | None:
    """``lipo -remove arm64 bin -output bin.tmp``: a thinned copy written elsewhere; in place
    (``-output`` the input itself) the removed architecture is a rebuildable slice: a change."""
    return MUT if "-output" in args or "-create" in args else None


def _rule_nmcli(args: list[str]) -> Verdict | None:
    """NetworkManager: a saved connection deleted (``nmcli connection delete wifi``: its
    settings and stored secrets gone) is destructive; ``connection modify ... remove
    802-11-wireless-security`` changes a setting, and up, down, add, reload change state."""
    takes_value = {"-f", "--fields", "-g", "--get-values", "-e", "--escape", "-c", "--colors",
                   "-m", "--mode", "-w", "--wait"}
    words = [w for i, w in enumerate(args) if not w.startswith("-") and (i == 0 or args[i - 1] not in takes_value)]
    if len(words) < 2:
        return None
    if "connection".startswith(words[0]) and words[0] and "delete".startswith(words[1]) and len(words[1]) >= 2:
        return DEST
    return None if words[1] in ("show", "status", "list", "monitor", "wifi") and words[0] != "radio" else MUT


def _rule_reprepro(args: list[str]) -> Verdict | None:
    """A Debian repository's packages removed (``reprepro -b /srv/repo remove bookworm pkg``) or
    its unreferenced files deleted; ``includedeb``, ``export``: a change."""
    takes_value = {"-b", "--basedir", "-C", "--component", "-A", "--architecture", "-T", "--type",
                   "-S", "--section", "-P", "--priority", "--outdir", "--distdir", "--dbdir", "--listdir",
                   "--confdir", "--logdir", "--morguedir", "--gnupghome"}
    verb = next((w for i, w in enumerate(args) if not w.startswith("-")
                 and (i == 0 or args[i - 1] not in takes_value)), None)
    return DEST if verb in _REPREPRO_DESTRUCTIVE else MUT if verb else None


def _rule_aptly(args: list[str]) -> Verdict | None:
    """``aptly repo remove``, ``aptly snapshot drop``, ``aptly publish drop``, ``aptly db
    cleanup``: packages, snapshots or published repositories gone; other verbs change."""
    words = [w for w in args if not w.startswith("-")]
    if words[1:2] in (["remove"], ["drop"]) or words[:2] == ["db", "cleanup"]:
        return DEST
    return MUT if words[1:2] in (["add"], ["create"], ["import"], ["publish"], ["update"], ["switch"]) else None

_CLOUD = cloud_rule()

RULES: dict[str, Rule] = {
    **{name: always(DEST) for name in _DESTRUCTIVE_TOOLS.split()},
    **{name: _always_with_args(MUT) for name in _MUTATING_TOOLS.split()},
    "rm": _rule_rm, "ansible-playbook": _rule_ansible, "pkill": _rule_kill, "killall": _rule_kill,
    "kill": _rule_kill, "dscl": _rule_dscl, "dd": _rule_dd, "sed": _rule_sed, "perl": _rule_perl, "tee": _rule_tee,
    "tar": _rule_tar, "rsync": _rule_rsync, "truncate": _rule_truncate, "crontab": _rule_crontab, "iptables": _rule_iptables,
    "ip6tables": _rule_iptables, "fdisk": _rule_partitioner, "sfdisk": _rule_sfdisk,
    "journalctl": _rule_journalctl, "fly": _rule_fly,
    "sgdisk": _rule_partitioner, "parted": _rule_parted, "wipefs": _rule_wipefs,
    "zip": _rule_zip, "pg_dump": _rule_output_option(frozenset({"-f", "--file"}), "-f"),
    "pg_dumpall": _rule_output_option(frozenset({"-f", "--file"}), "-f"),
    "mysqldump": _rule_output_option(frozenset({"-r", "--result-file"}), "-r"),
    "mariadb-dump": _rule_output_option(frozenset({"-r", "--result-file"}), "-r"),
    "gzip": _rule_gzip, "gunzip": _rule_gzip, "bzip2": _rule_gzip, "xz": _rule_gzip,
    "zstd": _rule_gzip, "unzip": _rule_unzip, "sysctl": _rule_sysctl, "shutdown": _rule_shutdown, "reboot": always(MUT),
    "ovs-ofctl": _rule_ovs, "ovs-vsctl": _rule_ovs,
    # a package's maintainer scripts: ``purge`` forgets a unit's enablement state, no data
    "deb-systemd-helper": lambda a: MUT if first_positional(a)[0] in (
        "enable", "disable", "purge", "mask", "unmask", "update-state", "reenable") else None,
    # runlevel 0 powers off (as ``shutdown -h``), 6 reboots (as ``reboot``)
    "init": lambda a: DEST if a[:1] == ["0"] else MUT if a[:1] == ["6"] else None,
    "telinit": lambda a: DEST if a[:1] == ["0"] else MUT if a[:1] == ["6"] else None,
    "kubectl": rule_kubectl, "oc": rule_kubectl, "helm": rule_helm,
    "terraform": rule_terraform, "tofu": rule_terraform, "terragrunt": rule_terraform,
    "pulumi": rule_pulumi, "git": rule_git, "docker": rule_docker, "podman": rule_docker,
    "nerdctl": rule_docker, "docker-compose": rule_compose, "podman-compose": rule_compose,
    "aws": rule_aws, "gsutil": rule_gsutil, "bq": _rule_bq, "az": rule_az,
    **{name: cloud_rule() for name in ("gcloud", "openstack", "doctl", "hcloud", "linode-cli",
                                       "oci", "ibmcloud", "scw", "vault", "consul", "etcdctl",
                                       "heroku", "flyctl", "vercel", "netlify", "firebase",
                                       "glab", "nomad", "azcopy",
                                       "zpool", "nft", "ufw", "ceph", "ceph-volume", "rbd", "kind",
                                       "k3d", "minikube", "eksctl", "kops", "ctr", "crictl")},
    "zfs": _rule_zfs, "zfs-autobackup": _rule_zfs_autobackup, "reprepro": _rule_reprepro, "aptly": _rule_aptly, "nmcli": _rule_nmcli,
    "heroku": _rule_heroku, "imposm": _rule_imposm, "ogr2ogr": _rule_ogr2ogr, "flyway": _rule_flyway,
    "lipo": _rule_lipo,
    # Debian's archive mirror script: its second stage deletes what left the upstream archive
    "ftpsync": lambda args: DEST,
    # tmux: ``kill-session``/``kill-server``/``kill-window``/``kill-pane`` end the processes that
    # run in them (a server's console session); sending keys or opening a session changes it
    "tmux": subcommand_rule(frozen("kill-session kill-server kill-window kill-pane killp killw"),
                            frozen("new-session new send-keys send new-window neww"),
                            frozen("-L -S -f -T")),
    "rclone": subcommand_rule(_RCLONE_DESTRUCTIVE, _RCLONE_MUTATING, _RCLONE_VALUE),
    # the janitors of Kubernetes' test infrastructure delete every resource they manage
    **{name: _janitor for name in ("aws-janitor", "gcp-janitor", "azure-janitor", "boskos-janitor")},
    # easy-rsa: ``init-pki`` wipes an existing PKI (CA, keys, issued certificates); a revoked
    # certificate cannot be brought back
    # PowerDNS: ``load-zone`` replaces a zone's records with a file's, ``replace-rrset`` a
    # record set's; deleting a zone or a record set loses it
    "pdnsutil": subcommand_rule(frozen("load-zone delete-zone delete-rrset clear-zone replace-rrset "
                                       "remove-zone-key delete-tsig-key"),
                                frozen("create-zone add-record edit-zone increase-serial rectify-zone "
                                       "rectify-all-zones secure-zone set-meta add-zone-key import-zone-key "
                                       "set-kind set-account activate-zone-key deactivate-zone-key")),
    "easyrsa": subcommand_rule(frozen("init-pki revoke revoke-issued revoke-expired revoke-renewed"),
                               frozen("build-ca gen-dh gen-req sign-req build-client-full build-server-full "
                                      "build-serverClient-full gen-crl renew import-req update-db set-pass")),
    "mc": _rule_mc, "s3cmd": _rule_s3cmd, "mkdocs": _rule_mkdocs, "ghp-import": _rule_ghp_import,
    "wal-g": _confirmed(frozen("delete"), "--confirm", frozen("backup-push wal-push backup-fetch "
                                                              "wal-fetch backup-mark"),
                        frozenset({"--config"})),
    "wal-e": _confirmed(frozen("delete"), "--confirm", frozen("backup-push wal-push backup-fetch "
                                                              "wal-fetch"),
                        frozenset({"--aws-instance-profile", "--s3-prefix", "--gpg-key-id",
                                   "--terse", "-k", "--aws-access-key-id"})),
    "duplicity": _confirmed(frozen("remove-older-than remove-all-but-n-full remove-all-inc-of-but-n-full "
                                   "cleanup"), "--force", frozen("full incremental incr restore")),
    "pgbackrest": _rule_pgbackrest,
    "barman": subcommand_rule(frozen("delete"), frozen("backup recover cron switch-wal "
                                                       "switch-xlog receive-wal")),
    "restic": _rule_restic,
    "borg": subcommand_rule(frozen("delete prune recreate"), frozen("create init compact rename "
                                                                    "upgrade import-tar")),
    # LDAP: ``ldapdelete`` (``-r``: a whole subtree) deletes entries; ``ldapmodify`` changes them
    # (its LDIF may delete too, unknown here), ``ldapadd``/``ldappasswd`` add or set
    "ldapdelete": always(DEST), "ldapmodify": always(MUT), "ldapadd": always(MUT),
    "ldapmodrdn": always(MUT), "ldappasswd": always(MUT),
    # repmgr: a standby cloned with ``--force`` over its data directory, a node rejoined with
    # ``--force-rewind`` (pg_rewind over its data), a node's record removed from the cluster
    "repmgr": _rule_repmgr,
    "adb": _rule_adb, "mysqlsh": _rule_mysqlsh,
    # Pure-FTPd's virtual users: ``pure-pw userdel`` removes an account
    "pure-pw": subcommand_rule(frozen("userdel"), frozen("useradd usermod passwd mkdb")),
    # environment modules (Lmod): ``module purge``/``load`` change the shell's environment only
    "module": lambda a: None, "ml": lambda a: None,
    # Grid Engine's configuration: ``qconf -du USER ACL`` (a user out of an access list), ``-dq``
    # (a queue), ``-de`` (an execution host)...: removed; ``-au``, ``-aq``, ``-mattr``: changed
    "qconf": lambda a: DEST if any(re.fullmatch(r"-d[a-z]+", w) for w in a) else (
        MUT if any(re.fullmatch(r"-(?:a|A|m|M|r|R)[a-z]*", w) for w in a) else None),
    # a container registry's clean-up: deckschrubber deletes the images older than its limits
    # (``-dry`` only lists them); the registry's ``garbage-collect`` deletes the blobs no
    # manifest names any more (``--dry-run``/``-d`` only lists them)
    "deckschrubber": lambda a: None if "-dry" in a or "--dry" in a else DEST,
    "registry": lambda a: (None if "--dry-run" in a or "-d" in a else DEST)
    if first_positional(a)[0] == "garbage-collect" else None,
    # ``zfs-auto-snapshot --keep=N`` destroys the label's snapshots beyond the newest N; without
    # a limit it only takes one (``-n``/``--dry-run``: neither)
    "zfs-auto-snapshot": lambda a: None if "-n" in a or "--dry-run" in a else DEST if any(
        w in ("-k", "--keep") or w.startswith("--keep=") for w in a) else MUT,
    # Elasticsearch Curator runs the actions of its action file, which a job keeps for
    # deleting (``delete_indices``, ``delete_snapshots``) more than anything: a guess unless
    # ``--dry-run``; ``curator_cli ACTION`` says its action
    "curator": lambda a: None if "--dry-run" in a else Verdict(True, confidence="medium"),
    "curator_cli": lambda a: None if "--dry-run" in a else (
        DEST if any(w.startswith("delete_") for w in a if not w.startswith("-")) else (
            None if any(w.startswith("show_") for w in a) else MUT)),
    # spruce merges YAML documents and prints the result (``--prune KEY``: a key left out of it)
    "spruce": lambda a: None,
    # Percona Toolkit: ``pt-kill --kill`` (``--kill-query``) kills the server's matching
    # connections (queries); without either it only prints them
    "pt-kill": lambda a: DEST if any(w in ("--kill", "--kill-query") for w in a) else None,
    # pyenv's interpreters and virtualenvs are environments made again from their versions and
    # requirements, as a project's ``.venv``: removing one is a change
    "pyenv": subcommand_rule(frozenset(), frozen("install uninstall virtualenv virtualenv-delete "
                                                 "global local rehash")),
    # mailing-list managers: subscribers removed, or the list itself; adding is a change
    "ezmlm-unsub": always(DEST), "ezmlm-sub": always(MUT), "ezmlm-make": always(MUT),
    "remove_members": always(DEST), "rmlist": always(DEST), "add_members": always(MUT),
    "newlist": always(MUT),
    "puppet": _rule_puppet, "puppetserver": _rule_puppet, "gh": _rule_gh, "celery": _rule_celery,
    "govc": _rule_govc, "towncrier": _rule_towncrier,
    "pfctl": _rule_pfctl, "ipfw": _rule_ipfw, "dnctl": _rule_ipfw, "setkey": _rule_setkey,
    "route": _rule_route, "ip": _rule_ip,
    # Keycloak's admin CLI: ``kcadm.sh delete realms/test`` (a realm with its users and clients)
    **{name: subcommand_rule(frozen("delete"), frozen("create update set-password add-roles remove-roles"))
       for name in ("kcadm.sh", "kcadm")},
    "kubeadm": subcommand_rule(frozen("reset"), frozen("init join upgrade certs token")),
    # Cloud Foundry's BOSH: ``bosh -d app delete-deployment``, ``clean-up --all`` (unused releases,
    # stemcells and orphaned disks), ``recreate`` (the VMs, deleted and made again); bbl tears
    # down the director and its IaaS; leftovers deletes every resource its filter matches
    "bosh": subcommand_rule(
        frozen("delete-deployment delete-env delete-release delete-stemcell delete-disk delete-vm "
               "delete-config delete-snapshot delete-snapshots clean-up recreate"),
        frozen("deploy create-env upload-release upload-stemcell create-release finalize-release "
               "add-blob remove-blob upload-blobs update-cloud-config update-runtime-config "
               "update-cpi-config update-config run-errand restart start stop take-snapshot "
               "attach-disk orphan-disk"),
        frozen("-d --deployment -e --environment --ca-cert --client --client-secret --config "
               "--vars-store -o --ops-file -v --var -l --vars-file --state")),
    "bbl": subcommand_rule(frozen("down destroy cleanup-leftovers"), frozen("up plan rotate"),
                           frozen("--state-dir -s --iaas --name --lb-type")),
    "leftovers": lambda a: None if "--dry-run" in a or "-d" in a else DEST,
    "psql": rule_psql, "mysql": rule_mysql, "mariadb": rule_mysql, "sqlite3": rule_sqlite,
    "clickhouse-client": rule_sql_option("-q", "--query"), "cqlsh": rule_sql_option("-e", "--execute"),
    "sqlcmd": rule_sql_option("-Q", "-q"), "snowsql": rule_sql_option("-q", "--query"),
    "mongo": rule_mongo, "mongosh": rule_mongo, "redis-cli": rule_redis,
    "mysqladmin": subcommand_rule(frozen("drop"), frozen("create flush-hosts flush-logs "
                                   "flush-privileges flush-tables reload refresh shutdown password"),
                                  frozenset({"-u", "-h", "-P", "--user", "--host", "--port"})),
    "pg_restore": _rule_pg_restore, "mongorestore": _rule_mongorestore,
    "pg_ctl": _rule_pg_ctl,
    "curl": _with_query(rule_curl), "wget": _with_query(rule_wget), "http": rule_httpie, "https": rule_httpie,
    "xh": rule_httpie, "xhs": rule_httpie,
    "systemctl": _SYSTEMCTL, "service": _rule_service, "rc-service": _rule_service,
    **{name: _rule_pacman for name in ("pacman", "yay", "paru")}, "snapper": _rule_snapper,
    "vagrant": _rule_vagrant, "drush": _rule_drush, "wp": _rule_wp,
    # helmfile's ``destroy``/``delete`` uninstall every release its selectors pick
    "helmfile": subcommand_rule(frozen("destroy delete"), frozen("apply sync deploy"),
                                frozen("-l --selector -e --environment -f --file --state-values-set "
                                       "--state-values-file -n --namespace --kube-context")),
    "mt": _rule_mt, "mt-st": _rule_mt,
    "bareos-dbcheck": _rule_dbcheck, "dbcheck": _rule_dbcheck, "bacula-dbcheck": _rule_dbcheck,
    **{name: _rule_packages for name in ("apt", "apt-get", "aptitude", "yum", "dnf", "zypper", "apk",
                                    "brew", "pip", "pip3", "pipx", "gem", "snap", "flatpak", "port",
                                    "choco", "conda", "mamba", "microdnf", "tdnf")},
    "npm": subcommand_rule(frozen("unpublish"), frozen("publish deprecate dist-tag install i ci "
                                                          "update uninstall link")),
    **{name: subcommand_rule(frozenset(), frozen("install add ci update upgrade remove publish sync "
                                                 "lock"))
       for name in ("pnpm", "bundle", "composer", "poetry", "pipenv", "uv")},
    "yarn": _rule_yarn,
    "hdfs": _rule_hdfs, "hadoop": _rule_hdfs,
    **{name: _rule_kafka_topics for name in ("kafka-topics", "kafka-topics.sh")},
    **{name: _rule_kafka_consumer_groups for name in ("kafka-consumer-groups", "kafka-consumer-groups.sh")},
    **{name: always(DEST) for name in ("kafka-delete-records", "kafka-delete-records.sh")},
    "cargo": _rule_cargo, "dpkg": _rule_dpkg, "java": _rule_java,
    "s6-svscanctl": _rule_s6_svscanctl, "myloader": _rule_myloader, "doveadm": _rule_doveadm, "killproc": _rule_killproc,
    "start-stop-daemon": _rule_start_stop_daemon, "dpkg-divert": _rule_dpkg_divert, "pt-archiver": _rule_pt_archiver,
    "logrotate": _rule_logrotate, "virsh": _rule_virsh,
    "go": _rule_go, "gofmt": _rule_write_flag("-w"), "goimports": _rule_write_flag("-w"),
    "shfmt": _rule_write_flag("-w", "--write"), "prettier": _rule_write_flag("--write", "-w"),
    "clang-format": _rule_write_flag("-i"), "autopep8": _rule_write_flag("-i", "--in-place"),
    "black": _rule_formatter, "isort": _rule_formatter, "rustfmt": _rule_formatter,
    "ruff": _rule_ruff, "alembic": subcommand_rule(frozen("downgrade"), frozen("upgrade stamp"),
                                                   frozenset({"-c", "--config", "-n", "--name", "-x"})),
    "manage.py": _rule_django, "django-admin": _rule_django,
    "python": _rule_python, "python3": _rule_python, "flask": _rule_flask,
}
