"""What a command line does, decided from its words alone (nothing is run).

:func:`classify_argv` unwraps wrappers (``sudo``, ``env``, ``nohup``, ``timeout``, ``xargs``,
``sh -c``, ``ssh host cmd``, ``docker exec``/``kubectl exec``, ``find -exec``...) and applies one
rule per executable. A rule answers *destructive* (data may be lost: deletes, overwrites,
terminates, forces), *mutating* (changes something outside the script) or nothing (reads, or an
executable we know nothing about: unknown names are not reported, so the inventory is not flooded;
the callers finder handles ``./other.sh`` and ``*.py``).

Decisions taken where the answer is arguable:

- ``shutdown``/``reboot``/``poweroff``/``halt`` (and ``systemctl reboot``): destructive, they
  terminate whatever runs on the host; ``kill``/``pkill``/``killall`` (any signal): mutating.
- ``git clone``/``git pull``/``git checkout <branch>``: mutating (they write a local tree);
  ``git fetch``: read-only. ``git checkout -- <paths>``/``git checkout .``/``-f``, ``git restore``
  (not ``--staged`` only) discard work: destructive.
- Package removal (``apt-get remove``, ``pip uninstall``): mutating; ``purge`` (deletes
  configuration too): destructive.
- ``kubectl apply --prune``, ``tag -f``, ``rclone sync``, ``sgdisk -Z``: destructive (they delete or
  force); ``docker compose down``: mutating, destructive with ``-v``/``--rmi``.
- ``wipefs`` without ``-a``/``-o`` only lists signatures: read-only.
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

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from opsctl.adopt.model import Confidence, Effect, EffectKind
from opsctl.adopt.shell_lexer import simple_commands

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


class _Verdict(NamedTuple):
    destructive: bool
    kind: EffectKind = "command"
    confidence: Confidence | None = None
    """A cap on the confidence (the deciding word was not resolved)."""


_DEST = _Verdict(True)
_MUT = _Verdict(False)
_Rule = Callable[[list[str]], "_Verdict | None"]

_CONFIDENCE_RANK: dict[Confidence, int] = {"low": 0, "medium": 1, "high": 2}
_DESTRUCTIVE_HINT = re.compile(r"(?i)delete|destroy|remove|purge|drop|force|wipe|prune|nuke|clean")
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\+?=")
_MAX_DEPTH = 8
_CALL_LIMIT = 120


def _lower(a: Confidence, b: Confidence | None) -> Confidence:
    if b is None:
        return a
    return a if _CONFIDENCE_RANK[a] <= _CONFIDENCE_RANK[b] else b


def _unresolved(word: str) -> bool:
    return word.startswith(("$", "`", "<expr>"))


def _unresolved_verdict(word: str, kind: EffectKind = "command") -> _Verdict:
    return _Verdict(_DESTRUCTIVE_HINT.search(word) is not None, kind,
                    "medium" if word.startswith(("$", "`")) else "low")


# -- the call text, with secrets masked ------------------------------------------------------------

_SECRET_VALUE = re.compile(
    r"AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,}|xox[abposr]-[\w-]{10,}"
    r"|sk-[A-Za-z0-9_-]{20,}|eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]*|glpat-[\w-]{20,}"
)
_URL_USERINFO = re.compile(r"(://[^/\s:@]+:)[^@\s/]+@")
_AUTH_HEADER = re.compile(r"(?i)^((?:proxy-)?authorization|x-api-key|x-auth-token|private-token)"
                          r"(\s*:\s*)(.+)$")
_SECRET_SHORT_OPTIONS: dict[str, frozenset[str]] = {
    "sshpass": frozenset({"-p"}), "redis-cli": frozenset({"-a"}), "docker": frozenset({"-p"}),
    "podman": frozenset({"-p"}), "curl": frozenset({"-u", "--user", "-U", "--proxy-user"}),
    "htpasswd": frozenset({"-b"}), "vault": frozenset({"-token"}),
}
_MYSQL_FAMILY = frozenset({"mysql", "mysqldump", "mysqladmin", "mariadb", "mariadb-dump", "mysqlimport"})


def _mask(word: str) -> str:
    word = _URL_USERINFO.sub(r"\1***@", word)
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
        name, eq, _value = word.partition("=")
        if eq and (name.startswith("-") or _ASSIGNMENT.match(word)) and looks_like_credential(name):
            words.append(f"{name}=***")
            continue
        if tool in _MYSQL_FAMILY and word.startswith("-p") and len(word) > 2:
            words.append("-p***")
            continue
        if word in _SECRET_SHORT_OPTIONS.get(tool, ()) or (
                word.startswith("--") and not eq and looks_like_credential(word)):
            secret_next = True
        words.append(_mask(word))
    text = " ".join(words).replace("\n", " ")
    return text if len(text) <= _CALL_LIMIT else text[: _CALL_LIMIT - 3] + "..."


# -- argument helpers ------------------------------------------------------------------------------


def _split_options(args: Sequence[str], takes_value: frozenset[str] = frozenset()) -> tuple[set[str], set[str], list[str]]:
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


def _first_positional(args: Sequence[str], takes_value: frozenset[str] = frozenset()) -> tuple[str | None, list[str]]:
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


def _option_value(args: Sequence[str], names: frozenset[str], short_attached: str = "") -> str | None:
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


def _is_dry_run(name: str, args: Sequence[str]) -> bool:
    for word in args:
        if word == "--":
            break
        key, eq, value = word.partition("=")
        if key.lower() in _DRY_RUN_LONG and not (eq and value.lower() in _NOT_DRY):
            return True
    if name in ("rsync", "make", "gmake", "apt-get", "apt", "aptitude", "ansible-playbook"):
        shorts, _, _ = _split_options(args)
        letter = {"rsync": "n", "make": "n", "gmake": "n", "ansible-playbook": "C"}.get(name, "s")
        return letter in shorts
    return False


# -- SQL -------------------------------------------------------------------------------------------

_SQL_DESTRUCTIVE = re.compile(r"(?i)\b(?:drop|truncate|delete)\b")
_SQL_MUTATING = re.compile(
    r"(?i)\b(?:insert\s+into|update\s+[\w.\"`\[\]]+\s+set|alter|create|grant|revoke|replace\s+into"
    r"|merge\s+into|copy\s+[\w.\"]+\s+from|rename|upsert|vacuum|reindex|refresh\s+materialized|call)\b"
)


def classify_sql(text: str) -> bool | None:
    """``True`` when SQL text deletes (DROP, TRUNCATE, DELETE), ``False`` when it otherwise writes
    (INSERT, UPDATE ... SET, ALTER, CREATE, GRANT...), ``None`` when it only reads."""
    if _SQL_DESTRUCTIVE.search(text):
        return True
    return False if _SQL_MUTATING.search(text) else None


def _sql_verdict(sql: str | None) -> _Verdict | None:
    if sql is None:
        return None
    if _unresolved(sql):
        return _unresolved_verdict(sql, "sql")
    destructive = classify_sql(sql)
    return None if destructive is None else _Verdict(destructive, "sql")


def _rule_psql(args: list[str]) -> _Verdict | None:
    sql = _option_value(args, frozenset({"-c", "--command"}), "-c")
    if sql is None and _option_value(args, frozenset({"-f", "--file"}), "-f") is not None:
        return _Verdict(False, "sql", "low")
    return _sql_verdict(sql)


def _rule_mysql(args: list[str]) -> _Verdict | None:
    return _sql_verdict(_option_value(args, frozenset({"-e", "--execute"}), "-e"))


def _rule_sqlite(args: list[str]) -> _Verdict | None:
    _, _, positionals = _split_options(args, frozenset({"-cmd", "-separator", "-nullvalue"}))
    sql = " ".join(positionals[1:]) if len(positionals) > 1 else None
    return None if sql is not None and sql.startswith(".") else _sql_verdict(sql)


def _rule_sql_option(*names: str) -> _Rule:
    options = frozenset(names)
    return lambda args: _sql_verdict(_option_value(args, options))


_MONGO_DESTRUCTIVE = re.compile(r"\.(?:drop\w*|remove|delete\w*|findOneAndDelete)\s*\(")
_MONGO_MUTATING = re.compile(r"\.(?:insert\w*|update\w*|replace\w*|create\w*|renameCollection|bulkWrite"
                             r"|findOneAnd(?:Update|Replace)|save)\s*\(")


def _rule_mongo(args: list[str]) -> _Verdict | None:
    code = _option_value(args, frozenset({"--eval"}))
    if code is None:
        return None
    if _unresolved(code):
        return _unresolved_verdict(code)
    if _MONGO_DESTRUCTIVE.search(code):
        return _DEST
    return _MUT if _MONGO_MUTATING.search(code) else None


_REDIS_DESTRUCTIVE = frozenset({"FLUSHALL", "FLUSHDB", "DEL", "UNLINK", "HDEL", "SREM", "ZREM",
                                "ZREMRANGEBYSCORE", "ZREMRANGEBYRANK", "XDEL", "XTRIM"})
_REDIS_MUTATING = frozenset({"SET", "MSET", "SETEX", "SETNX", "PSETEX", "HSET", "HMSET", "HSETNX",
                             "LPUSH", "RPUSH", "LSET", "LTRIM", "SADD", "ZADD", "INCR", "INCRBY",
                             "DECR", "DECRBY", "EXPIRE", "PEXPIRE", "PERSIST", "RENAME", "PUBLISH",
                             "XADD", "APPEND", "CONFIG", "SHUTDOWN", "BGREWRITEAOF", "SAVE",
                             "BGSAVE", "REPLICAOF", "SLAVEOF", "MIGRATE", "RESTORE", "EVAL"})
_REDIS_OPTIONS = frozenset({"-h", "-p", "-s", "-a", "-u", "-r", "-i", "-n", "-d", "-D", "--user",
                           "--pass", "--cacert", "--cert", "--key", "--sni", "--pattern"})


def _rule_redis(args: list[str]) -> _Verdict | None:
    verb, _ = _first_positional(args, _REDIS_OPTIONS)
    if verb is None:
        return None
    if _unresolved(verb):
        return _unresolved_verdict(verb)
    if verb.upper() in _REDIS_DESTRUCTIVE:
        return _DEST
    return _MUT if verb.upper() in _REDIS_MUTATING else None


# -- HTTP ------------------------------------------------------------------------------------------

_CURL_VALUE_SHORTS = frozenset("XdFTHuoAebcmwxKErYyzCDPQt")
_CURL_DATA = frozenset({"-d", "--data", "--data-raw", "--data-binary", "--data-urlencode",
                        "--data-ascii", "-F", "--form", "--form-string", "--json"})


def _http_verdict(method: str | None) -> _Verdict | None:
    if method is None:
        return None
    if _unresolved(method):
        return _unresolved_verdict(method, "http")
    method = method.upper()
    if method == "DELETE":
        return _Verdict(True, "http")
    return _Verdict(False, "http") if method in ("POST", "PUT", "PATCH") else None


_DISCARDED_OUTPUT = ("-", "/dev/null", "/dev/stdout", "/dev/stderr")
_DOWNLOAD = _Verdict(False, "file-write")


def _rule_curl(args: list[str]) -> _Verdict | None:
    """Writes by method (``-X``, data and upload options); otherwise a download saved with
    ``-o FILE``/``-O`` is a file write."""
    method: str | None = None
    implied: str | None = None
    get = False
    saved = False
    index = 0
    while index < len(args):
        word = args[index]
        index += 1
        if word.startswith("--"):
            name, eq, value = word.partition("=")
            if name == "--request":
                method = value if eq else (args[index] if index < len(args) else None)
            elif name in _CURL_DATA:
                implied = implied or "POST"
            elif name == "--upload-file":
                implied = "PUT"
            elif name == "--get":
                get = True
            elif name == "--head":
                return None
            elif name in ("--output", "--remote-name", "--remote-name-all"):
                target = value if eq else (args[index] if index < len(args) else "-")
                saved = saved or name != "--output" or target not in _DISCARDED_OUTPUT
            continue
        if not word.startswith("-") or len(word) < 2:
            continue
        for position, letter in enumerate(word[1:], start=2):
            if letter in _CURL_VALUE_SHORTS:
                value = word[position:] or (args[index] if index < len(args) else "")
                if not word[position:]:
                    index += 1
                if letter == "X":
                    method = value
                elif letter in "dF":
                    implied = implied or "POST"
                elif letter == "T":
                    implied = "PUT"
                elif letter == "o":
                    saved = saved or value not in _DISCARDED_OUTPUT
                break
            if letter == "O":
                saved = True
            if letter == "G":
                get = True
            elif letter == "I":
                return None
    verdict = None if method is None and get else _http_verdict(method or implied)
    return verdict or (_DOWNLOAD if saved else None)


def _rule_wget(args: list[str]) -> _Verdict | None:
    method = _option_value(args, frozenset({"--method"}))
    if method is None and any(w.split("=", 1)[0] in ("--post-data", "--post-file", "--body-data",
                                                      "--body-file") for w in args):
        method = "POST"
    verdict = _http_verdict(method)
    if verdict is not None or "--spider" in args:
        return verdict
    target: str | None = None
    for index, word in enumerate(args):
        if word.startswith("--output-document"):
            target = word.partition("=")[2] or (args[index + 1] if index + 1 < len(args) else "-")
        elif re.match(r"-[a-zA-Z]*O", word):
            target = word[word.index("O") + 1:] or (args[index + 1] if index + 1 < len(args) else "-")
    return _DOWNLOAD if target not in _DISCARDED_OUTPUT else None


_HTTPIE_OPTIONS = frozenset({"-a", "--auth", "-A", "--auth-type", "-o", "--output", "--session",
                             "--session-read-only", "--verify", "--cert", "--cert-key", "--timeout",
                             "--proxy", "--pretty", "-s", "--style", "-p", "--print",
                             "--max-redirects", "--default-scheme"})
_HTTP_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})
_HTTPIE_DATA_ITEM = re.compile(r"^[^=:@]*(?::=|=|@)(?!=)")


def _rule_httpie(args: list[str]) -> _Verdict | None:
    _, _, positionals = _split_options(args, _HTTPIE_OPTIONS)
    if not positionals:
        return None
    if positionals[0].upper() in _HTTP_METHODS and positionals[0].isupper():
        return _http_verdict(positionals[0])
    items = positionals[1:]
    if any(_HTTPIE_DATA_ITEM.match(item) and "==" not in item for item in items):
        return _Verdict(False, "http")
    return None


# -- tools with subcommands ------------------------------------------------------------------------

_KUBECTL_GLOBAL = frozenset({"-n", "--namespace", "--context", "--kubeconfig", "--cluster", "--user",
                             "-s", "--server", "--token", "--as", "--as-group", "--request-timeout",
                             "--certificate-authority", "--client-certificate", "--client-key",
                             "--tls-server-name", "--cache-dir", "-v", "--v", "-l", "--selector",
                             "-f", "--filename", "-o", "--output"})
_KUBECTL_MUTATING = frozenset({"apply", "create", "patch", "annotate", "label", "set", "edit",
                               "expose", "run", "autoscale", "cordon", "uncordon", "taint", "cp",
                               "certificate", "replace", "scale", "rollout", "debug"})


def _rule_kubectl(args: list[str]) -> _Verdict | None:
    verb, rest = _first_positional(args, _KUBECTL_GLOBAL)
    if verb is None:
        return None
    if _unresolved(verb):
        return _unresolved_verdict(verb)
    _, longs, positionals = _split_options(rest, _KUBECTL_GLOBAL)
    if verb in ("delete", "drain"):
        return _DEST
    if verb == "replace" and "--force" in longs:
        return _DEST
    if verb == "apply" and "--prune" in longs:
        return _DEST
    if verb == "scale":
        replicas = _option_value(rest, frozenset({"--replicas"}))
        return _DEST if replicas == "0" else _MUT
    if verb == "rollout" and positionals[:1] in (["status"], ["history"]):
        return None
    return _MUT if verb in _KUBECTL_MUTATING else None


_HELM_GLOBAL = frozenset({"-n", "--namespace", "--kube-context", "--kubeconfig", "--registry-config",
                          "--repository-config", "--repository-cache"})


def _rule_helm(args: list[str]) -> _Verdict | None:
    verb, _ = _first_positional(args, _HELM_GLOBAL)
    if verb is None:
        return None
    if _unresolved(verb):
        return _unresolved_verdict(verb)
    if verb in ("uninstall", "delete", "del", "un"):
        return _DEST
    return _MUT if verb in ("install", "upgrade", "rollback", "push") else None


def _rule_terraform(args: list[str]) -> _Verdict | None:
    verb, rest = _first_positional(args)
    while verb in ("run-all", "run"):
        verb, rest = _first_positional([w for w in rest if w != "--all"])
    if verb is None:
        return None
    if _unresolved(verb):
        return _unresolved_verdict(verb)
    sub, _ = _first_positional(rest)
    if verb == "destroy" or (verb == "apply" and ("-destroy" in rest or "--destroy" in rest)):
        return _DEST
    if verb == "state":
        if sub == "rm":
            return _DEST
        return _MUT if sub in ("mv", "push", "replace-provider") else None
    if verb == "workspace":
        return _DEST if sub == "delete" else (_MUT if sub == "new" else None)
    return _MUT if verb in ("apply", "import", "taint", "untaint", "force-unlock") else None


def _rule_pulumi(args: list[str]) -> _Verdict | None:
    verb, rest = _first_positional(args, frozenset({"-s", "--stack", "-C", "--cwd"}))
    if verb is None:
        return None
    if _unresolved(verb):
        return _unresolved_verdict(verb)
    sub, _ = _first_positional(rest, frozenset({"-s", "--stack"}))
    if verb == "destroy" or (verb == "stack" and sub == "rm") or (verb == "state" and sub == "delete"):
        return _DEST
    return _MUT if verb in ("up", "update", "refresh", "import", "cancel") else None


_GIT_GLOBAL = frozenset({"-C", "-c", "--git-dir", "--work-tree", "--namespace", "--exec-path"})
_GIT_MUTATING = frozenset({"commit", "merge", "rebase", "cherry-pick", "revert", "am", "apply",
                           "pull", "mv", "add", "init", "clone", "switch", "checkout", "reset",
                           "submodule", "worktree", "gc", "notes", "stash", "remote"})


def _rule_git(args: list[str]) -> _Verdict | None:
    verb, rest = _first_positional(args, _GIT_GLOBAL)
    if verb is None:
        return None
    if _unresolved(verb):
        return _unresolved_verdict(verb)
    shorts, longs, positionals = _split_options(rest, frozenset({"-m", "-F", "-u", "--message"}))
    if verb == "push":
        if "n" in shorts:
            return None
        forced = shorts & {"f", "d"} or longs & {"--force", "--force-with-lease", "--mirror",
                                                 "--delete", "--prune", "--force-if-includes"}
        refspec_forced = any(p.startswith((":", "+")) for p in positionals[1:])
        return _DEST if forced or refspec_forced else _MUT
    if verb == "reset":
        return _DEST if "--hard" in longs else _MUT
    if verb == "clean":
        if "n" in shorts:
            return None
        return _DEST if "f" in shorts or "--force" in longs else None
    if verb == "branch":
        if "D" in shorts or ({"d"} <= shorts and "f" in shorts) or {"--delete", "--force"} <= longs:
            return _DEST
        return _MUT if shorts & {"d", "m", "M", "c", "C", "f"} or longs & {"--delete", "--move",
                                                                           "--copy", "--force"} else None
    if verb == "tag":
        if "d" in shorts or "--delete" in longs or "f" in shorts or "--force" in longs:
            return _DEST
        listing = "l" in shorts or longs & {"--list", "--contains", "--points-at", "--merged"}
        return None if listing or not positionals else _MUT
    if verb == "checkout":
        if "f" in shorts or "--force" in longs or "--" in rest or "." in positionals:
            return _DEST
        return _MUT
    if verb == "restore":
        return _MUT if longs & {"--staged"} and not longs & {"--worktree"} else _DEST
    if verb in ("filter-branch", "filter-repo"):
        return _DEST
    if verb == "rm":
        return _MUT if "--cached" in longs else _DEST
    if verb == "stash" and positionals[:1] in (["drop"], ["clear"]):
        return _DEST
    if verb == "stash" and positionals[:1] in (["list"], ["show"]):
        return None
    if verb == "update-ref" and "d" in shorts:
        return _DEST
    if verb == "remote" and not positionals[:1]:
        return None
    if verb == "switch" and ("--discard-changes" in longs or "f" in shorts or "--force" in longs):
        return _DEST
    return _MUT if verb in _GIT_MUTATING else None


_DOCKER_GLOBAL = frozenset({"-H", "--host", "--context", "-c", "--config", "-l", "--log-level",
                            "--tlscacert", "--tlscert", "--tlskey"})
_DOCKER_MUTATING = frozenset({"push", "build", "run", "stop", "start", "restart", "tag", "create",
                              "pull", "commit", "load", "import", "cp", "pause", "unpause", "update",
                              "rename", "save", "kill", "deploy", "scale", "swarm", "buildx",
                              "plugin", "up", "down", "exec"})
_DOCKER_GROUPS = frozenset({"image", "container", "volume", "network", "builder", "system",
                            "service", "stack", "secret", "config", "node", "plugin", "context",
                            "buildx", "manifest", "trust"})


def _rule_docker(args: list[str]) -> _Verdict | None:
    verb, rest = _first_positional(args, _DOCKER_GLOBAL)
    if verb is None:
        return None
    if _unresolved(verb):
        return _unresolved_verdict(verb)
    if verb == "compose":
        return _rule_compose(rest)
    if verb in ("rm", "rmi", "prune"):
        return _DEST
    if verb in _DOCKER_GROUPS:
        sub, _ = _first_positional(rest)
        if sub is None:
            return None
        if sub in ("rm", "remove", "prune", "rmi"):
            # a buildx builder instance, a local manifest list or a CLI context holds no data of
            # its own: removing one (to recreate it) changes the machine, it destroys nothing
            return _MUT if verb in ("buildx", "manifest", "context") and sub in ("rm", "remove") \
                else _DEST
        if sub in ("ls", "list", "inspect", "ps", "logs", "df", "info", "events", "history", "use",
                   "version", "show"):
            return None
        return _MUT
    return _MUT if verb in _DOCKER_MUTATING else None


def _rule_compose(args: list[str]) -> _Verdict | None:
    verb, rest = _first_positional(args, frozenset({"-f", "--file", "-p", "--project-name",
                                                    "--env-file", "--profile", "--project-directory"}))
    if verb is None:
        return None
    if _unresolved(verb):
        return _unresolved_verdict(verb)
    shorts, longs, _ = _split_options(rest)
    if verb == "down":
        return _DEST if "v" in shorts or longs & {"--volumes", "--rmi"} else _MUT
    if verb == "rm":
        return _DEST
    return _MUT if verb in ("up", "start", "stop", "restart", "run", "build", "push", "pull",
                            "create", "kill", "pause", "unpause", "scale", "cp") else None


_AWS_GLOBAL = frozenset({"--profile", "--region", "--output", "--endpoint-url", "--query", "--color",
                         "--cli-read-timeout", "--cli-connect-timeout", "--ca-bundle",
                         "--cli-binary-format"})
_AWS_DESTRUCTIVE = ("delete-", "terminate-", "remove-", "deregister-", "purge-", "batch-delete-",
                    "destroy-")
_AWS_MUTATING = ("create-", "put-", "update-", "modify-", "run-", "start-", "stop-", "reboot-",
                 "attach-", "detach-", "associate-", "disassociate-", "register-", "tag-", "untag-",
                 "import-", "copy-", "enable-", "disable-", "set-", "add-", "authorize-", "revoke-",
                 "restore-", "send-", "upload-", "reset-", "rotate-", "cancel-", "promote-",
                 "failover-", "apply-", "change-", "replace-", "release-", "allocate-", "execute-",
                 "batch-write-", "batch-put-", "invoke", "publish", "deploy", "package", "sync",
                 "assign-", "unassign-", "complete-", "abort-", "accept-", "reject-", "resize-")


def _rule_aws(args: list[str]) -> _Verdict | None:
    service, rest = _first_positional(args, _AWS_GLOBAL)
    operation, after = _first_positional(rest, _AWS_GLOBAL)
    if service is None or operation is None:
        return None
    for word in (service, operation):
        if _unresolved(word):
            return _unresolved_verdict(word)
    if service == "s3":
        if operation in ("rm", "rb"):
            return _DEST
        if operation == "sync":
            return _DEST if "--delete" in after else _MUT
        return _MUT if operation in ("cp", "mv", "mb", "website") else None
    if operation.startswith(_AWS_DESTRUCTIVE):
        return _DEST
    return _MUT if operation.startswith(_AWS_MUTATING) else None


_CLOUD_DESTRUCTIVE = frozenset({"delete", "destroy", "purge", "rm", "del", "drop", "terminate",
                                "wipe", "rebuild", "uninstall", "rb", "untag"})
_CLOUD_DESTRUCTIVE_PREFIX = ("delete-", "destroy-", "purge-")
_CLOUD_MUTATING = frozenset({"create", "update", "deploy", "set", "unset", "add", "patch", "resize",
                             "start", "stop", "restart", "reboot", "apply", "import", "attach",
                             "detach", "enable", "disable", "scale", "upgrade", "submit", "upload",
                             "rollback", "promote", "move", "mv", "cp", "copy", "tag",
                             "invoke", "reset", "put", "write", "revoke", "restore", "merge", "close", "edit", "archive", "transfer", "rename", "suspend", "resume",
                             "mb", "rsync", "publish", "release", "install", "login-docker"})
_CLOUD_MUTATING_PREFIX = ("add-", "set-", "remove-", "update-", "create-", "enable-", "disable-")
_CLOUD_READ = frozenset({"list", "describe", "show", "get", "ls", "status", "info", "read", "logs",
                         "version", "help", "wait", "inspect", "search", "view", "print", "cat",
                         "config", "auth", "login", "account", "whoami", "components", "stat", "du"})


def _cloud_rule(extra_mutating: frozenset[str] = frozenset()) -> _Rule:
    def rule(args: list[str]) -> _Verdict | None:
        unresolved: str | None = None
        for count, word in enumerate(w for w in args if not w.startswith("-")):
            if word == "--":
                break
            if _unresolved(word):
                unresolved = unresolved or (word if count < 3 else None)
                continue
            verb = word.rsplit(":", 1)[-1].lower()
            if verb in _CLOUD_READ or verb.startswith(("get-", "list-", "describe-")):
                return None
            if verb in _CLOUD_DESTRUCTIVE or verb.startswith(_CLOUD_DESTRUCTIVE_PREFIX):
                return _DEST
            if verb in _CLOUD_MUTATING or verb in extra_mutating or verb.startswith(_CLOUD_MUTATING_PREFIX):
                return _MUT
        return _unresolved_verdict(unresolved) if unresolved else None

    return rule


def _rule_gsutil(args: list[str]) -> _Verdict | None:
    verb, rest = _first_positional(args, frozenset({"-o", "-h", "-u"}))
    if verb == "rsync":
        shorts, _, _ = _split_options(rest)
        return _DEST if "d" in shorts else _MUT
    return _cloud_rule(frozenset({"acl", "setmeta", "iam", "defacl", "lifecycle", "versioning",
                                  "notification", "cors", "web", "label"}))(args)


def _subcommand_rule(destructive: frozenset[str], mutating: frozenset[str],
                     takes_value: frozenset[str] = frozenset()) -> _Rule:
    def rule(args: list[str]) -> _Verdict | None:
        verb, _ = _first_positional(args, takes_value)
        if verb is None:
            return None
        if _unresolved(verb):
            return _unresolved_verdict(verb)
        if verb in destructive:
            return _DEST
        return _MUT if verb in mutating else None

    return rule


def _frozen(words: str) -> frozenset[str]:
    return frozenset(words.split())


_SYSTEMCTL = _subcommand_rule(
    _frozen("poweroff reboot halt kexec"),
    _frozen("start stop restart reload try-restart reload-or-restart try-reload-or-restart enable "
            "disable mask unmask kill daemon-reload reenable isolate set-property edit link preset "
            "revert reset-failed daemon-reexec rescue emergency"),
    frozenset({"-H", "--host", "-M", "--machine", "-t", "--type", "-p", "--property", "-s",
               "--signal", "--state"}))
_PACKAGES = _subcommand_rule(
    _frozen("purge"),
    _frozen("install reinstall upgrade dist-upgrade full-upgrade update remove autoremove erase "
            "uninstall del add localinstall downgrade groupinstall groupremove build-dep "
            "upgrade-all tap"),
    frozenset({"-o", "-c", "-t", "--target-release", "-r", "--requirement", "-e", "--index-url",
               "--repository", "-X", "--root"}))
_SERVICE_VERBS = _frozen("start stop restart reload force-reload condrestart try-restart")


def _rule_service(args: list[str]) -> _Verdict | None:
    _, _, positionals = _split_options(args)
    if len(positionals) < 2:
        return None
    if _unresolved(positionals[1]):
        return _unresolved_verdict(positionals[1])
    return _MUT if positionals[1] in _SERVICE_VERBS else None


def _rule_init_script(args: list[str]) -> _Verdict | None:
    return _MUT if args[:1] and args[0] in _SERVICE_VERBS else None


def _rule_rsync(args: list[str]) -> _Verdict | None:
    _, longs, _ = _split_options(args)
    return _DEST if any(name.startswith("--del") for name in longs) else _MUT


def _rule_dd(args: list[str]) -> _Verdict | None:
    return _DEST if any(word.startswith("of=") for word in args) else None


def _rule_sed(args: list[str]) -> _Verdict | None:
    return _MUT if any(re.match(r"-[EnrsuzRl]*i|--in-place", w) for w in args) else None


def _rule_perl(args: list[str]) -> _Verdict | None:
    return _MUT if any(re.match(r"-[a-zA-Z]*i", w) and not w.startswith("-I") for w in args) else None


def _rule_tee(args: list[str]) -> _Verdict | None:
    _, _, files = _split_options(args)
    return _MUT if any(not f.startswith("/dev/") for f in files) else None


def _rule_tar(args: list[str]) -> _Verdict | None:
    if not args:
        return None
    letters = set(args[0]) if not args[0].startswith("-") else set()
    shorts, longs, _ = _split_options(args)
    letters |= shorts
    if "--delete" in longs:
        return _DEST
    if letters & set("xcru") or longs & {"--extract", "--get", "--create", "--append", "--update"}:
        return _MUT
    return None


def _rule_kill(args: list[str]) -> _Verdict | None:
    if not args or args[0] in ("-0", "-l", "-L", "--list", "-s0"):
        return None
    return _MUT


def _rule_crontab(args: list[str]) -> _Verdict | None:
    shorts, _, positionals = _split_options(args, frozenset({"-u"}))
    if "r" in shorts:
        return _DEST
    if "l" in shorts:
        return None
    return _MUT if "e" in shorts or positionals else None


def _rule_iptables(args: list[str]) -> _Verdict | None:
    shorts, longs, _ = _split_options(args, frozenset({"-t", "--table"}))
    if shorts & {"F", "X", "Z"} or longs & {"--flush", "--delete-chain", "--zero"}:
        return _DEST
    if shorts & set("AIDRPNE") or longs & {"--append", "--insert", "--delete", "--replace",
                                          "--policy", "--new-chain", "--rename-chain"}:
        return _MUT
    return None


def _rule_partitioner(args: list[str]) -> _Verdict | None:
    shorts, longs, positionals = _split_options(args)
    if shorts & {"l", "d", "s", "p"} or longs & {"--list", "--dump", "--print", "--show"}:
        return None
    if positionals[1:2] in (["print"], ["p"]):
        return None
    return _DEST if positionals else None


_PARTED_WRITES = frozenset({"mklabel", "mktable", "rm", "mkpart", "mkpartfs", "resizepart", "resize",
                            "mkfs", "rescue", "set", "name", "toggle"})


def _rule_parted(args: list[str]) -> _Verdict | None:
    _, _, positionals = _split_options(args)
    return _DEST if _PARTED_WRITES & set(positionals) else None


def _rule_wipefs(args: list[str]) -> _Verdict | None:
    shorts, longs, _ = _split_options(args)
    return _DEST if shorts & {"a", "o"} or longs & {"--all", "--offset"} else None


def _rule_gzip(args: list[str]) -> _Verdict | None:
    shorts, longs, positionals = _split_options(args)
    if shorts & {"c", "t", "l"} or longs & {"--stdout", "--test", "--list"} or not positionals:
        return None
    return _MUT


def _rule_unzip(args: list[str]) -> _Verdict | None:
    shorts, _, _ = _split_options(args)
    return None if shorts & {"l", "t", "v", "Z"} else _MUT


def _rule_sysctl(args: list[str]) -> _Verdict | None:
    shorts, _, positionals = _split_options(args)
    return _MUT if "w" in shorts or any("=" in p for p in positionals) else None


def _rule_pg_restore(args: list[str]) -> _Verdict | None:
    shorts, longs, _ = _split_options(args)
    return _DEST if "c" in shorts or "--clean" in longs else _MUT


def _rule_mongorestore(args: list[str]) -> _Verdict | None:
    return _DEST if "--drop" in args else _MUT


def _rule_ansible(args: list[str]) -> _Verdict | None:
    _, longs, _ = _split_options(args)
    if longs & {"--syntax-check", "--list-hosts", "--list-tasks", "--list-tags"}:
        return None
    return _MUT


def _rule_bq(args: list[str]) -> _Verdict | None:
    verb, rest = _first_positional(args)
    if verb == "query":
        _, _, positionals = _split_options(rest)
        return _sql_verdict(" ".join(positionals) if positionals else None)
    if verb == "rm":
        return _DEST
    return _MUT if verb in ("mk", "load", "cp", "insert", "update", "extract") else None


def _rule_write_flag(*flags: str) -> _Rule:
    """Formatters that rewrite files only with a flag (``gofmt -w``, ``prettier --write``)."""
    wanted = frozenset(flags)

    def rule(args: list[str]) -> _Verdict | None:
        shorts, longs, _ = _split_options(args)
        letters = {f[1] for f in wanted if len(f) == 2}
        return _MUT if longs & wanted or shorts & letters else None

    return rule


def _rule_formatter(args: list[str]) -> _Verdict | None:
    """Formatters that rewrite files unless told to check (``black``, ``isort``)."""
    _, longs, positionals = _split_options(args)
    if longs & {"--check", "--diff", "--check-only"} or not positionals:
        return None
    return _MUT


def _rule_ruff(args: list[str]) -> _Verdict | None:
    verb, rest = _first_positional(args)
    if verb == "format":
        return _rule_formatter(rest or ["."])
    return _MUT if "--fix" in args and "--no-fix" not in args else None


def _rule_cargo(args: list[str]) -> _Verdict | None:
    verb, rest = _first_positional(args)
    if verb == "fmt":
        return None if "--check" in rest else _MUT
    return _MUT if verb in ("publish", "yank", "install") else None


def _rule_go(args: list[str]) -> _Verdict | None:
    verb, rest = _first_positional(args)
    if verb in ("generate", "install", "fmt", "get"):
        return _MUT
    if verb == "mod" and rest[:1] and rest[0] in ("tidy", "vendor", "edit", "init"):
        return _MUT
    return _MUT if verb == "build" and ("-o" in rest or any(w.startswith("-o=") for w in rest)) else None


_DJANGO_DESTRUCTIVE = frozenset({"flush", "reset_db", "sqlflush_apply", "clear_cache"})
_DJANGO_MUTATING = frozenset({"migrate", "loaddata", "createsuperuser", "collectstatic",
                              "createcachetable", "changepassword", "compilemessages",
                              "makemigrations", "update_index", "rebuild_index"})


def _rule_django(args: list[str]) -> _Verdict | None:
    verb, _ = _first_positional(args, frozenset({"--settings", "--pythonpath", "-v", "--verbosity"}))
    if verb is None:
        return None
    if _unresolved(verb):
        return None
    if verb in _DJANGO_DESTRUCTIVE:
        return _DEST
    return _MUT if verb in _DJANGO_MUTATING else None


def _migration_words(words: list[str]) -> _Verdict | None:
    """``<app> db upgrade``, ``<app> migrate``: a database migration run by a project's own CLI."""
    lowered = [w.lower() for w in words[:4]]
    if "downgrade" in lowered:
        return _DEST
    if "migrate" in lowered or ("db" in lowered and "upgrade" in lowered):
        return _MUT
    return None


def _rule_python(args: list[str]) -> _Verdict | None:
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
        rule = {"alembic": _RULES.get("alembic"), "django": _rule_django}.get(module)
        return rule(rest) if rule else _migration_words(rest)
    program = args[index].rsplit("/", 1)[-1]
    if program == "manage.py":
        return _rule_django(args[index + 1:])
    return None


def _rule_flask(args: list[str]) -> _Verdict | None:
    return _migration_words(args)


def _always(verdict: _Verdict) -> _Rule:
    return lambda args: verdict


def _always_with_args(verdict: _Verdict) -> _Rule:
    return lambda args: verdict if any(not a.startswith("-") for a in args) else None


_MUTATING_TOOLS = ("mv cp install ln chmod chown chgrp chattr setfacl mkdir touch mknod mkfifo patch "
                   "scp useradd usermod groupadd groupmod passwd chpasswd gpasswd adduser mount "
                   "umount swapon swapoff modprobe rmmod insmod createdb createuser pkill killall "
                   "iptables-restore ip6tables-restore zip lvcreate lvextend lvresize vgcreate "
                   "vgextend vgreduce pvcreate ansible-playbook twine supervisorctl pm2 launchctl "
                   "hostnamectl timedatectl update-alternatives logrotate chsh usermod "
                   "update-rc.d chkconfig certbot")
_DESTRUCTIVE_TOOLS = ("rm rmdir shred srm unlink truncate mke2fs mkswap mkdosfs mkntfs dropdb dropuser "
                      "userdel deluser groupdel delgroup shutdown reboot poweroff halt lvremove "
                      "vgremove pvremove lvreduce pg_dropcluster")

_RULES: dict[str, _Rule] = {
    **{name: _always(_DEST) for name in _DESTRUCTIVE_TOOLS.split()},
    **{name: _always_with_args(_MUT) for name in _MUTATING_TOOLS.split()},
    "ansible-playbook": _rule_ansible, "pkill": _always(_MUT), "killall": _always(_MUT),
    "kill": _rule_kill, "dd": _rule_dd, "sed": _rule_sed, "perl": _rule_perl, "tee": _rule_tee,
    "tar": _rule_tar, "rsync": _rule_rsync, "crontab": _rule_crontab, "iptables": _rule_iptables,
    "ip6tables": _rule_iptables, "fdisk": _rule_partitioner, "sfdisk": _rule_partitioner,
    "sgdisk": _rule_partitioner, "parted": _rule_parted, "wipefs": _rule_wipefs,
    "gzip": _rule_gzip, "gunzip": _rule_gzip, "bzip2": _rule_gzip, "xz": _rule_gzip,
    "zstd": _rule_gzip, "unzip": _rule_unzip, "sysctl": _rule_sysctl, "shutdown": _always(_DEST),
    "init": lambda a: _DEST if a[:1] in (["0"], ["6"]) else None,
    "telinit": lambda a: _DEST if a[:1] in (["0"], ["6"]) else None,
    "kubectl": _rule_kubectl, "oc": _rule_kubectl, "helm": _rule_helm,
    "terraform": _rule_terraform, "tofu": _rule_terraform, "terragrunt": _rule_terraform,
    "pulumi": _rule_pulumi, "git": _rule_git, "docker": _rule_docker, "podman": _rule_docker,
    "nerdctl": _rule_docker, "docker-compose": _rule_compose, "podman-compose": _rule_compose,
    "aws": _rule_aws, "gsutil": _rule_gsutil, "bq": _rule_bq,
    **{name: _cloud_rule() for name in ("gcloud", "az", "openstack", "doctl", "hcloud", "linode-cli",
                                        "oci", "ibmcloud", "scw", "vault", "consul", "etcdctl",
                                        "heroku", "flyctl", "fly", "vercel", "netlify", "firebase",
                                        "glab", "nomad", "rclone", "s3cmd", "mc", "azcopy", "virsh",
                                        "zfs", "zpool", "nft", "ufw", "gh", "ceph", "rbd", "kind",
                                        "k3d", "minikube", "eksctl", "kops", "ctr", "crictl")},
    "kubeadm": _subcommand_rule(_frozen("reset"), _frozen("init join upgrade certs token")),
    "psql": _rule_psql, "mysql": _rule_mysql, "mariadb": _rule_mysql, "sqlite3": _rule_sqlite,
    "clickhouse-client": _rule_sql_option("-q", "--query"), "cqlsh": _rule_sql_option("-e", "--execute"),
    "sqlcmd": _rule_sql_option("-Q", "-q"), "snowsql": _rule_sql_option("-q", "--query"),
    "mongo": _rule_mongo, "mongosh": _rule_mongo, "redis-cli": _rule_redis,
    "mysqladmin": _subcommand_rule(_frozen("drop"), _frozen("create flush-hosts flush-logs "
                                   "flush-privileges flush-tables reload refresh shutdown password"),
                                   frozenset({"-u", "-h", "-P", "--user", "--host", "--port"})),
    "pg_restore": _rule_pg_restore, "mongorestore": _rule_mongorestore,
    "pg_ctl": _subcommand_rule(frozenset(), _frozen("start stop restart promote reload kill"),
                               frozenset({"-D", "-l", "-m", "-o", "-w", "-t"})),
    "curl": _rule_curl, "wget": _rule_wget, "http": _rule_httpie, "https": _rule_httpie,
    "xh": _rule_httpie, "xhs": _rule_httpie,
    "systemctl": _SYSTEMCTL, "service": _rule_service, "rc-service": _rule_service,
    **{name: _PACKAGES for name in ("apt", "apt-get", "aptitude", "yum", "dnf", "zypper", "apk",
                                    "brew", "pip", "pip3", "pipx", "gem", "snap", "flatpak", "port",
                                    "choco", "conda", "mamba", "microdnf", "tdnf")},
    "npm": _subcommand_rule(_frozen("unpublish"), _frozen("publish deprecate dist-tag install i ci "
                                                          "update uninstall link")),
    **{name: _subcommand_rule(frozenset(), _frozen("install add ci update upgrade remove publish sync "
                                                   "lock"))
       for name in ("yarn", "pnpm", "bundle", "composer", "poetry", "pipenv", "uv")},
    "cargo": _rule_cargo,
    "go": _rule_go, "gofmt": _rule_write_flag("-w"), "goimports": _rule_write_flag("-w"),
    "shfmt": _rule_write_flag("-w", "--write"), "prettier": _rule_write_flag("--write", "-w"),
    "clang-format": _rule_write_flag("-i"), "autopep8": _rule_write_flag("-i", "--in-place"),
    "black": _rule_formatter, "isort": _rule_formatter, "rustfmt": _rule_formatter,
    "ruff": _rule_ruff, "alembic": _subcommand_rule(_frozen("downgrade"), _frozen("upgrade stamp"),
                                                    frozenset({"-c", "--config", "-n", "--name", "-x"})),
    "manage.py": _rule_django, "django-admin": _rule_django,
    "python": _rule_python, "python3": _rule_python, "flask": _rule_flask,
}


# -- wrappers --------------------------------------------------------------------------------------

_SUDO_VALUE = frozenset({"-u", "-g", "-h", "-p", "-C", "-r", "-t", "-U", "-D", "-T", "-R",
                         "--user", "--group", "--host", "--prompt", "--chdir", "--role", "--type",
                         "--close-from", "--other-user", "--command-timeout", "--chroot"})
_WRAPPERS_SIMPLE = frozenset({"nohup", "command", "builtin", "exec", "setsid", "unbuffer", "chronic",
                              "caffeinate", "time", "doas", "pkexec", "stdbuf", "nice", "ionice",
                              "env", "sudo", "timeout", "flock", "chroot", "watch", "sshpass",
                              "runuser", "xargs", "systemd-run", "strace", "ltrace", "catchsegv"})
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
    if name == "timeout" or name == "chroot" or name == "flock":
        rest = rest[1:]  # the duration, the new root, the lock file
    return rest or None


def _shell_string(args: list[str]) -> str | None:
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
        return args[index + 1:] or None
    return None


def _exec_inner(tool: str, args: list[str]) -> list[str] | None:
    """The command run by ``docker exec`` / ``kubectl exec`` / ``docker compose exec``."""
    if "--" in args:
        return args[args.index("--") + 1:] or None
    takes_value = _KUBECTL_EXEC_VALUE if tool in ("kubectl", "oc") else _DOCKER_EXEC_VALUE
    _target, rest = _first_positional(args, takes_value)
    return rest or None


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
    takes_value = {"kubectl": _KUBECTL_GLOBAL - {"-f", "--filename", "-o", "--output", "-l",
                                                 "--selector"},
                   "oc": _KUBECTL_GLOBAL, "docker": _DOCKER_GLOBAL, "podman": _DOCKER_GLOBAL}
    verb, rest = _first_positional(args, takes_value.get(name, frozenset()))
    if verb == "compose" and name in ("docker", "podman"):
        verb, rest = _first_positional(rest, frozenset({"-f", "--file", "-p", "--project-name"}))
    if verb == "exec":
        return rest
    return None


def _classify(argv: list[str], depth: int) -> list[tuple[_Verdict, Confidence | None]]:
    """The verdicts of ``argv``, each with a confidence cap (None: as given)."""
    words = argv
    cap: Confidence | None = None
    while words and _ASSIGNMENT.match(words[0]):
        words = words[1:]
    for _ in range(12):
        if not words:
            return []
        head = words[0]
        if _unresolved(head):
            return []
        name = head.rsplit("/", 1)[-1]
        args = words[1:]
        if head.startswith("/etc/init.d/"):
            verdict = _rule_init_script(args)
            return [(verdict, cap)] if verdict else []
        if name in _WRAPPERS_SIMPLE:
            if name == "command" and args[:1] and args[0] in ("-v", "-V"):
                return []
            inner = _after_wrapper(name, args)
            if inner is None:
                return []
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
                string = _option_value(args, frozenset({"-c", "--command", "--session-command"}))
            else:
                string = _shell_string(args)
            if string is None or _unresolved(string):
                return []
            return [(verdict, _lower_cap(cap, inner_cap))
                    for verdict, inner_cap in _classify_string(string, depth + 1)]
        if name == "ssh" or (name == "gcloud" and args[:2] == ["compute", "ssh"]):
            remote: list[str] | None
            if name == "gcloud":
                command = _option_value(args, frozenset({"--command"}))
                remote = [command] if command else None
            else:
                remote = _ssh_remote(args)
            if remote is None or depth >= _MAX_DEPTH:
                return []
            return [(verdict, _lower_cap(_lower_cap(cap, "medium"), inner_cap))
                    for verdict, inner_cap in _classify_string(" ".join(remote), depth + 1)]
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
        if name == "find":
            delete, inner = _find_inner(args)
            if delete:
                return [(_DEST, cap)]
            if inner is None:
                return []
            words = inner
            continue
        if _is_dry_run(name, args):
            return []
        rule = _RULES.get(name) or (_always(_DEST) if name.startswith("mkfs") else None)
        verdict = rule(args) if rule else None
        return [(verdict, _lower_cap(cap, verdict.confidence))] if verdict else []
    return []


def _lower_cap(a: Confidence | None, b: Confidence | None) -> Confidence | None:
    if a is None:
        return b
    return _lower(a, b)


def _classify_string(text: str, depth: int) -> list[tuple[_Verdict, Confidence | None]]:
    found: list[tuple[_Verdict, Confidence | None]] = []
    for _line, words in simple_commands(text):
        found.extend(_classify(words, depth))
    return found


def _effect(argv: Sequence[str], verdicts: list[tuple[_Verdict, Confidence | None]], line: int,
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
    return _effect(words, _classify(words, 0), line, confidence)


def classify_command_string(text: str, *, line: int, confidence: Confidence = "high") -> list[Effect]:
    """The effects of a shell command string (``os.system(...)``, ``shell=True``): split into
    simple commands with the shell tokeniser, each classified with :func:`classify_argv`.
    ``line`` is the line of the string; a multi-line string adds its own line offset."""
    effects: list[Effect] = []
    for offset, words in simple_commands(text):
        effect = _effect(words, _classify(words, 0), line + offset - 1, confidence)
        if effect is not None:
            effects.append(effect)
    return effects
