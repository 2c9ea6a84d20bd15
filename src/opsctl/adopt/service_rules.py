"""Command rules for clients of services: SQL, MongoDB and Redis clients, HTTP clients (``curl``,
``wget``, HTTPie), and the tools with subcommands that drive a platform (``kubectl``, ``helm``,
``terraform``, ``pulumi``, ``git``, ``docker``/``compose``, ``aws``, ``gcloud``/``az`` and other
cloud CLIs, ``gsutil``). Each rule reads the words after the executable and returns a
:class:`~opsctl.adopt.command_args.Verdict` or None (reads only).
"""

from __future__ import annotations

import re

from opsctl.adopt.command_args import (
    DEST,
    MUT,
    Rule,
    Verdict,
    first_positional,
    is_unresolved,
    option_value,
    split_options,
    unresolved_verdict,
)

# -- SQL -------------------------------------------------------------------------------------------

# (``pg_terminate_backend(pid)``: a server process ended, its transaction lost)
_SQL_DESTRUCTIVE = re.compile(r"(?i)\b(?:drop|truncate|delete|pg_terminate_backend|pg_drop_replication_slot"
                              # a replica's channels and positions, or the primary's binary logs, gone
                              r"|reset\s+(?:replica|slave)\s+all|reset\s+(?:master|binary\s+logs)"
                              r"|purge\s+(?:binary|master)\s+logs)\b")
_SQL_MUTATING = re.compile(
    r"(?i)\b(?:insert\s+into|update\s+[\w.\"`\[\]]+\s+set|alter|create|grant|revoke|replace\s+into"
    r"|merge\s+into|copy\s+[\w.\"]+\s+from|rename|upsert|vacuum|reindex|refresh\s+materialized|call)\b"
)


_REFERENTIAL_ACTION = re.compile(r"(?i)\bon\s+delete\s+(?:cascade|set\s+null|set\s+default|restrict|no\s+action)\b")
"""``REFERENCES users(id) ON DELETE CASCADE`` in a ``CREATE TABLE``: what a later delete does to
the rows that refer to it, declared, not a delete."""
_ANONYMOUS_USERS = re.compile(r"(?i)\bdelete\s+from\s+mysql\.user\s+where\s+user\s*=\s*(?:''|\"\")")
"""The secure-installation step that removes MySQL's anonymous accounts: a hardening, no data."""


_CODE_OBJECT_DROP = re.compile(r"(?i)\bdrop\s+(?:trigger|function|procedure|event)\b")
"""``DROP TRIGGER IF EXISTS fail_ready`` (then ``CREATE TRIGGER fail_ready ...``): code the database
runs, defined again from the script's own text; no stored data goes with it."""
_SCRATCH_TABLE_DROP = re.compile(
    r"(?i)\bdrop\s+(?:temporary\s+)?table\s+(?:if\s+exists\s+)?(?:[\w\"`]+\.)?[\"`]?"
    r"(?:(?:tmp|temp|scratch|staging)_\w*|\w+_(?:tmp|temp|scratch))[\"`]?(?=\s*(?:;|$|,|\)|'|\"))"
    r"|\bdrop\s+temporary\s+table\b")
"""``DROP TABLE IF EXISTS tmp_json`` (or MySQL's ``DROP TEMPORARY TABLE``): a scratch table by
its name, emptied before a load into it; not stored data."""


def classify_sql(text: str) -> bool | None:
    """``True`` when SQL text deletes (DROP, TRUNCATE, DELETE), ``False`` when it otherwise writes
    (INSERT, UPDATE ... SET, ALTER, CREATE, GRANT...), ``None`` when it only reads."""
    if "drop" in text.lower():
        text = _CODE_OBJECT_DROP.sub("create", _SCRATCH_TABLE_DROP.sub("create", text))
    if "mysql.user" in text:
        text = _ANONYMOUS_USERS.sub("revoke", text)
    if "on delete" in text.lower():
        text = _REFERENTIAL_ACTION.sub(" ", text)
    if _SQL_DESTRUCTIVE.search(text):
        return True
    return False if _SQL_MUTATING.search(text) else None


def sql_verdict(sql: str | None) -> Verdict | None:
    if sql is None:
        return None
    if is_unresolved(sql):
        return unresolved_verdict(sql, "sql")
    destructive = classify_sql(sql)
    return None if destructive is None else Verdict(destructive, "sql")


_DROPPING_SQL_FILE = re.compile(r"(?i)(?:^|[-_.])(?:drop|truncate|wipe|purge)(?:[-_.]|all\b|$)")
"""The name of a SQL file that says it drops or empties (``drop-all.sql``, ``truncate_tables.sql``),
judged by its name when its text is not at hand."""


def rule_psql(args: list[str]) -> Verdict | None:
    sql = option_value(args, frozenset({"-c", "--command"}), "-c")
    if sql is None:  # ``psql -tAc "SELECT ..."``: short options run together, ``c`` last
        sql = next((args[i + 1] for i, w in enumerate(args[:-1])
                    if re.fullmatch(r"-[a-zA-Z]+c", w) and not w.startswith("--")), None)
    if sql is None and (file := option_value(args, frozenset({"-f", "--file"}), "-f")) is not None:
        named = _DROPPING_SQL_FILE.search(file.rstrip("/").rsplit("/", 1)[-1].removesuffix(".sql"))
        return Verdict(True, "sql", "medium") if named else Verdict(False, "sql", "low")
    return sql_verdict(sql)


def rule_mysql(args: list[str]) -> Verdict | None:
    return sql_verdict(option_value(args, frozenset({"-e", "--execute"}), "-e"))


def rule_sqlite(args: list[str]) -> Verdict | None:
    _, _, positionals = split_options(args, frozenset({"-cmd", "-separator", "-nullvalue"}))
    sql = " ".join(positionals[1:]) if len(positionals) > 1 else None
    return None if sql is not None and sql.startswith(".") else sql_verdict(sql)


def rule_sql_option(*names: str) -> Rule:
    options = frozenset(names)
    return lambda args: sql_verdict(option_value(args, options))


_MONGO_DESTRUCTIVE = re.compile(r"\.(?:drop\w*|remove|delete\w*|findOneAndDelete)\s*\(")
_MONGO_MUTATING = re.compile(r"\.(?:insert\w*|update\w*|replace\w*|create\w*|renameCollection|bulkWrite"
                             r"|findOneAnd(?:Update|Replace)|save)\s*\(")


def rule_mongo(args: list[str]) -> Verdict | None:
    code = option_value(args, frozenset({"--eval"}))
    if code is None:
        return None
    if is_unresolved(code):
        return unresolved_verdict(code)
    if _MONGO_DESTRUCTIVE.search(code):
        return DEST
    return MUT if _MONGO_MUTATING.search(code) else None


_REDIS_DESTRUCTIVE = frozenset({"FLUSHALL", "FLUSHDB", "DEL", "UNLINK", "HDEL", "SREM", "ZREM",
                                "ZREMRANGEBYSCORE", "ZREMRANGEBYRANK", "XDEL", "XTRIM"})
_REDIS_MUTATING = frozenset({"SET", "MSET", "SETEX", "SETNX", "PSETEX", "HSET", "HMSET", "HSETNX",
                             "LPUSH", "RPUSH", "LSET", "LTRIM", "SADD", "ZADD", "INCR", "INCRBY",
                             "DECR", "DECRBY", "EXPIRE", "PEXPIRE", "PERSIST", "RENAME", "PUBLISH",
                             "XADD", "APPEND", "CONFIG", "SHUTDOWN", "BGREWRITEAOF", "SAVE",
                             "BGSAVE", "REPLICAOF", "SLAVEOF", "MIGRATE", "RESTORE", "EVAL"})
_REDIS_OPTIONS = frozenset({"-h", "-p", "-s", "-a", "-u", "-r", "-i", "-n", "-d", "-D", "--user",
                           "--pass", "--cacert", "--cert", "--key", "--sni", "--pattern"})


def rule_redis(args: list[str]) -> Verdict | None:
    verb, _ = first_positional(args, _REDIS_OPTIONS)
    if verb is None:
        return None
    if is_unresolved(verb):
        return unresolved_verdict(verb)
    if verb.upper() in _REDIS_DESTRUCTIVE:
        return DEST
    return MUT if verb.upper() in _REDIS_MUTATING else None


# -- HTTP ------------------------------------------------------------------------------------------

_CURL_VALUE_SHORTS = frozenset("XdFTHuoAebcmwxKErYyzCDPQt")
_CURL_DATA = frozenset({"-d", "--data", "--data-raw", "--data-binary", "--data-urlencode",
                        "--data-ascii", "-F", "--form", "--form-string", "--json"})


def _http_verdict(method: str | None) -> Verdict | None:
    if method is None:
        return None
    if is_unresolved(method):
        return unresolved_verdict(method, "http")
    method = method.upper()
    if method == "DELETE":
        return Verdict(True, "http")
    return Verdict(False, "http") if method in ("POST", "PUT", "PATCH") else None


_DISCARDED_OUTPUT = ("-", "/dev/null", "/dev/stdout", "/dev/stderr")
_DOWNLOAD = Verdict(False, "file-write")


def rule_curl(args: list[str]) -> Verdict | None:
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
    if verdict is not None and verdict.destructive and any(
            _SNAPSHOT_REPOSITORY.search(word) for word in args if not word.startswith("-")):
        # ``DELETE _snapshot/REPO`` unregisters a search cluster's snapshot repository: the
        # snapshots stay in its store, and registering it again finds them
        return Verdict(False, "http")
    if verdict is not None and not verdict.destructive and _deleting_endpoint(args):
        return Verdict(True, "http")  # POST .../admin/purge_history/...: the API says what it does
    return verdict or (_DOWNLOAD if saved else None)


_SNAPSHOT_REPOSITORY = re.compile(r"/_snapshot/[^/?\s]+/?(?:\?[^/]*)?$")
_DELETING_ENDPOINT = re.compile(
    r"(?:^|[/_.-])(?:delete|purge|destroy|wipe|erase|remove|truncate|drop|prune)(?:[/_.?-]|$)")


def _deleting_endpoint(args: list[str]) -> bool:
    """A URL among ``args`` whose path names a deletion (``/admin/purge_history/ROOM``,
    ``/api/v1/delete-old-builds``); the host is not looked at."""
    for word in args:
        if word.startswith("-") or "/" not in word or not ("://" in word or word.startswith(("$", "http"))):
            continue
        path = word.split("://", 1)[1] if "://" in word else word
        host, _, path = path.partition("/") if "/" in path else (path, "", "")
        found = _DELETING_ENDPOINT.search(path.lower())
        if found and "cache" not in path.lower() and not (
                "purge" in found.group(0) and _CDN_HOST.search(host.lower())):
            # (purging a cache loses nothing: ``/admin/purge_media_cache``, and a CDN's
            # ``https://api.fastly.com/service/$ID/purge_all`` empties its edge caches)
            return True
    return False


_CDN_HOST = re.compile(r"(?:^|\.)(?:fastly|cloudflare|akamai\w*|cloudfront|bunnycdn|keycdn|cdn77)\.")


def rule_wget(args: list[str]) -> Verdict | None:
    method = option_value(args, frozenset({"--method"}))
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


def rule_httpie(args: list[str]) -> Verdict | None:
    _, _, positionals = split_options(args, _HTTPIE_OPTIONS)
    if not positionals:
        return None
    if positionals[0].upper() in _HTTP_METHODS and positionals[0].isupper():
        return _http_verdict(positionals[0])
    items = positionals[1:]
    if any(_HTTPIE_DATA_ITEM.match(item) and "==" not in item for item in items):
        return Verdict(False, "http")
    return None


# -- tools with subcommands ------------------------------------------------------------------------

KUBECTL_GLOBAL = frozenset({"-n", "--namespace", "--context", "--kubeconfig", "--cluster", "--user",
                            "-s", "--server", "--token", "--as", "--as-group", "--request-timeout",
                            "--certificate-authority", "--client-certificate", "--client-key",
                            "--tls-server-name", "--cache-dir", "-v", "--v", "-l", "--selector",
                            "-f", "--filename", "-o", "--output"})
_KUBECTL_MUTATING = frozenset({"apply", "create", "patch", "annotate", "label", "set", "edit",
                               "expose", "run", "autoscale", "cordon", "uncordon", "taint", "cp",
                               "certificate", "replace", "scale", "rollout", "debug"})


def rule_kubectl(args: list[str]) -> Verdict | None:
    verb, rest = first_positional(args, KUBECTL_GLOBAL)
    if verb is None:
        return None
    if is_unresolved(verb):
        return unresolved_verdict(verb)
    _, longs, positionals = split_options(rest, KUBECTL_GLOBAL)
    if verb in ("delete", "drain"):
        return DEST
    if verb == "adm" and positionals[:1] in (["prune"], ["drain"]):
        # ``oc adm prune images|builds|deployments --confirm`` (without it, a dry run), ``oc adm drain``
        return DEST if positionals[0] == "drain" or "--confirm" in longs or any(
            w.startswith("--confirm=") and not w.endswith("=false") for w in rest) else None
    if verb == "replace" and "--force" in longs:
        return DEST
    if verb == "apply" and "--prune" in longs:
        return DEST
    if verb == "scale":  # (to zero too: the workload stops, its objects and volumes stay)
        return MUT
    if verb == "rollout" and positionals[:1] in (["status"], ["history"]):
        return None
    return MUT if verb in _KUBECTL_MUTATING else None


_HELM_GLOBAL = frozenset({"-n", "--namespace", "--kube-context", "--kubeconfig", "--registry-config",
                          "--repository-config", "--repository-cache"})


def rule_helm(args: list[str]) -> Verdict | None:
    verb, _ = first_positional(args, _HELM_GLOBAL)
    if verb is None:
        return None
    if is_unresolved(verb):
        return unresolved_verdict(verb)
    if verb in ("uninstall", "delete", "del", "un"):
        return DEST
    return MUT if verb in ("install", "upgrade", "rollback", "push") else None


_TERRAFORM_VERBS = frozenset({"apply", "destroy", "plan", "init", "state", "workspace", "import", "taint",
                              "untaint", "output", "validate", "fmt", "refresh", "force-unlock", "show"})


def rule_terraform(args: list[str]) -> Verdict | None:
    verb, rest = first_positional(args)
    while verb in ("run-all", "run"):
        verb, rest = first_positional([w for w in rest if w != "--all"])
    if verb is None:
        return None
    following, after = first_positional(rest)
    if is_unresolved(verb) and following in _TERRAFORM_VERBS:
        # ``terraform $chdir destroy -auto-approve``: global options held in a variable
        verb, rest = following, after
    if is_unresolved(verb):
        return unresolved_verdict(verb)
    sub, _ = first_positional(rest)
    if verb == "destroy" or (verb == "apply" and ("-destroy" in rest or "--destroy" in rest)):
        return DEST
    if verb == "state":
        if sub == "rm":
            return DEST
        return MUT if sub in ("mv", "push", "replace-provider") else None
    if verb == "workspace":
        return DEST if sub == "delete" else (MUT if sub == "new" else None)
    return MUT if verb in ("apply", "import", "taint", "untaint", "force-unlock") else None


def rule_pulumi(args: list[str]) -> Verdict | None:
    verb, rest = first_positional(args, frozenset({"-s", "--stack", "-C", "--cwd"}))
    if verb is None:
        return None
    if is_unresolved(verb):
        return unresolved_verdict(verb)
    sub, _ = first_positional(rest, frozenset({"-s", "--stack"}))
    if verb == "destroy" or (verb == "stack" and sub == "rm") or (verb == "state" and sub == "delete"):
        return DEST
    return MUT if verb in ("up", "update", "refresh", "import", "cancel") else None


_GIT_GLOBAL = frozenset({"-C", "-c", "--git-dir", "--work-tree", "--namespace", "--exec-path"})
_GIT_MUTATING = frozenset({"commit", "merge", "rebase", "cherry-pick", "revert", "am", "apply",
                           "pull", "mv", "add", "init", "clone", "switch", "checkout", "reset",
                           "submodule", "worktree", "gc", "notes", "stash", "remote"})


def rule_git(args: list[str]) -> Verdict | None:
    verb, rest = first_positional(args, _GIT_GLOBAL)
    if verb is None:
        return None
    if is_unresolved(verb):
        return unresolved_verdict(verb)
    # (``--sort -version:refname``, ``--format FORMAT``: a value that starts with a dash is not
    # a flag: ``git tag -l 'v*' --sort -version:refname`` lists)
    shorts, longs, positionals = split_options(rest, frozenset({"-m", "-F", "-u", "--message", "--sort", "--format"}))
    if verb == "push":
        if "n" in shorts:
            return None
        forced = shorts & {"f", "d"} or longs & {"--force", "--force-with-lease", "--mirror",
                                                 "--delete", "--prune", "--force-if-includes"}
        refspec_forced = any(p.startswith((":", "+")) for p in positionals[1:])
        return DEST if forced or refspec_forced else MUT
    if verb == "reset":
        return DEST if "--hard" in longs else MUT
    if verb == "clean":
        if "n" in shorts:
            return None
        if "X" in shorts and "x" not in shorts:
            return MUT  # (``-X``: only what the ignore rules name, the build's own output)
        return DEST if "f" in shorts or "--force" in longs else None
    if verb == "branch":
        if "D" in shorts or ({"d"} <= shorts and "f" in shorts) or {"--delete", "--force"} <= longs:
            return DEST
        if ("d" in shorts or "--delete" in longs) and any("--merged" in p for p in positionals):
            # ``git branch -d `git branch --merged | grep -v master```: every merged branch
            # swept away (their commits stay, the branches and their names do not)
            return DEST
        return MUT if shorts & {"d", "m", "M", "c", "C", "f"} or longs & {"--delete", "--move",
                                                                          "--copy", "--force"} else None
    if verb == "tag":
        if "d" in shorts or "--delete" in longs or "f" in shorts or "--force" in longs:
            return DEST
        listing = "l" in shorts or longs & {"--list", "--contains", "--points-at", "--merged"}
        return None if listing or not positionals else MUT
    if verb == "checkout":
        if "f" in shorts or "--force" in longs or "--" in rest or "." in positionals:
            return DEST
        # ``git checkout $COMMIT $FILE``: a tree-ish and paths, the files' uncommitted changes
        # replaced (not ``-b NEW START``, ``-B``, ``--orphan``, ``-t``, whose first word is a name)
        # (a word split inside ``${team/ /_}`` is one word, not two)
        if len(positionals) >= 2 and not shorts & {"b", "B", "t"} and not longs & {"--orphan", "--track"} \
                and not any(w.startswith(("--orphan=", "--track=")) for w in rest) \
                and all(p.count("{") == p.count("}") for p in positionals):
            return DEST
        return MUT
    if verb == "restore":
        return MUT if longs & {"--staged"} and not longs & {"--worktree"} else DEST
    if verb in ("filter-branch", "filter-repo"):
        return DEST
    if verb == "rm":
        return MUT if "--cached" in longs else DEST
    if verb == "stash" and positionals[:1] in (["drop"], ["clear"]):
        return DEST
    if verb == "stash" and positionals[:1] in (["list"], ["show"]):
        return None
    if verb == "update-ref" and "d" in shorts:
        # (a remote-tracking ref, ``refs/remotes/origin/master``, is the remote's state cached:
        # the next fetch writes it again)
        return MUT if positionals[:1] and positionals[0].startswith("refs/remotes/") else DEST
    if verb == "remote" and not positionals[:1]:
        return None
    if verb == "switch" and ("--discard-changes" in longs or "f" in shorts or "--force" in longs):
        return DEST
    return MUT if verb in _GIT_MUTATING else None


DOCKER_GLOBAL = frozenset({"-H", "--host", "--context", "-c", "--config", "-l", "--log-level",
                           "--tlscacert", "--tlscert", "--tlskey"})
_DOCKER_MUTATING = frozenset({"push", "build", "run", "stop", "start", "restart", "tag", "create",
                              "pull", "commit", "load", "import", "cp", "pause", "unpause", "update",
                              "rename", "save", "kill", "deploy", "scale", "swarm", "buildx",
                              "plugin", "up", "down", "exec"})
_DOCKER_GROUPS = frozenset({"image", "container", "volume", "network", "builder", "system",
                            "service", "stack", "secret", "config", "node", "plugin", "context",
                            "buildx", "manifest", "trust"})


_EVERY_CONTAINER = re.compile(r"\$\(\s*(?:sudo\s+)?(?:docker|podman)\s+(?:container\s+)?(?:ps|ls)"
                              r"(?:\s+(?:-a|-q|-aq|-qa|--all|--quiet))*\s*\)")
"""``docker stop $(docker ps -q)``, ``docker kill $(docker ps -aq)``: every container of the host,
whoever runs it (no ``--filter``, no name: what the host's other services run goes down too)."""


def rule_docker(args: list[str]) -> Verdict | None:
    verb, rest = first_positional(args, DOCKER_GLOBAL)
    if verb is None:
        return None
    if is_unresolved(verb):
        return unresolved_verdict(verb)
    if verb == "compose":
        return rule_compose(rest)
    if verb in ("rm", "rmi", "prune"):
        return DEST
    if verb in ("stop", "kill") and any(_EVERY_CONTAINER.fullmatch(w) for w in rest):
        return DEST
    if verb == "machine":  # podman's virtual machines (their disks with them), as ``limactl delete``
        sub, _ = first_positional(rest)
        return DEST if sub in ("rm", "remove", "reset") else None if sub in (
            None, "ls", "list", "inspect", "info", "ssh") else MUT
    if verb in _DOCKER_GROUPS:
        sub, after = first_positional(rest)
        if sub is None:
            return None
        if verb == "container" and sub in ("stop", "kill") and any(_EVERY_CONTAINER.fullmatch(w) for w in after):
            return DEST
        if sub in ("rm", "remove", "prune", "rmi"):
            # a buildx builder instance, a local manifest list or a CLI context holds no data of
            # its own: removing one (to recreate it) changes the machine, it destroys nothing
            if verb in ("buildx", "builder") and sub == "prune":
                return MUT  # the build cache: layers a build makes again, no data of anyone's
            return MUT if verb in ("buildx", "manifest", "context") and sub in ("rm", "remove") \
                else DEST
        if sub in ("ls", "list", "inspect", "ps", "logs", "df", "info", "events", "history", "use",
                   "version", "show"):
            return None
        return MUT
    return MUT if verb in _DOCKER_MUTATING else None


def rule_compose(args: list[str]) -> Verdict | None:
    verb, rest = first_positional(args, frozenset({"-f", "--file", "-p", "--project-name",
                                                   "--env-file", "--profile", "--project-directory"}))
    if verb is None:
        return None
    if is_unresolved(verb):
        return unresolved_verdict(verb)
    _shorts, longs, _ = split_options(rest)
    if verb == "down":
        # the project's containers and networks removed (and with ``-v`` its volumes): what it
        # ran is gone, whatever state the containers held outside a volume (a script taking
        # down what it brought up itself is read as its own: shell_scan)
        return DEST
    if verb == "up" and "--remove-orphans" in longs:
        return DEST  # the containers of services no longer in the file, removed
    if verb == "rm":
        return DEST
    return MUT if verb in ("up", "start", "stop", "restart", "run", "build", "push", "pull",
                           "create", "kill", "pause", "unpause", "scale", "cp") else None


_AWS_GLOBAL = frozenset({"--profile", "--region", "--output", "--endpoint-url", "--query", "--color",
                         "--cli-read-timeout", "--cli-connect-timeout", "--ca-bundle",
                         "--cli-binary-format"})
_AWS_DESTRUCTIVE = ("delete-", "terminate-", "remove-", "deregister-", "purge-", "batch-delete-",
                    "destroy-", "abort-multipart-upload")  # (the parts uploaded so far, gone)
_AWS_MUTATING = ("create-", "put-", "update-", "modify-", "run-", "start-", "stop-", "reboot-",
                 "attach-", "detach-", "associate-", "disassociate-", "register-", "tag-", "untag-",
                 "import-", "copy-", "enable-", "disable-", "set-", "add-", "authorize-", "revoke-",
                 "restore-", "send-", "upload-", "reset-", "rotate-", "cancel-", "promote-",
                 "failover-", "apply-", "change-", "replace-", "release-", "allocate-", "execute-",
                 "batch-write-", "batch-put-", "invoke", "publish", "deploy", "package", "sync",
                 "assign-", "unassign-", "complete-", "abort-", "accept-", "reject-", "resize-")


def rule_aws(args: list[str]) -> Verdict | None:
    service, rest = first_positional(args, _AWS_GLOBAL)
    operation, after = first_positional(rest, _AWS_GLOBAL)
    if service is None or operation is None:
        return None
    for word in (service, operation):
        if is_unresolved(word):
            return unresolved_verdict(word)
    if service == "s3":
        if operation in ("rm", "rb"):
            return DEST
        if operation == "sync":
            return DEST if "--delete" in after else MUT
        return MUT if operation in ("cp", "mv", "mb", "website") else None
    if operation.startswith(_AWS_DESTRUCTIVE) or operation.startswith(_AWS_REBUILDS):
        return DEST
    if service == "logs" and operation == "put-retention-policy":
        return DEST  # events older than the new retention are deleted by the service
    return MUT if operation.startswith(_AWS_MUTATING) else None


_AWS_REBUILDS = ("rebuild-", "restore-workspace")
"""``aws workspaces rebuild-workspaces``/``restore-workspace``: the disks made again from an
image or a snapshot, what was written since gone."""


_CLOUD_DESTRUCTIVE = frozenset({"delete", "destroy", "purge", "rm", "del", "drop", "terminate",
                                "wipe", "rebuild", "uninstall", "rb", "untag", "remove", "zap",
                                "rmsnap"})  # (``ceph osd pool rmsnap POOL SNAP``: a pool's snapshot)
_CLOUD_DESTRUCTIVE_PREFIX = ("delete-", "destroy-", "purge-")
_CLOUD_REMOVES_DATA = frozenset({"remove-metadata"})
"""``gcloud compute project-info remove-metadata --keys=...``: keys and the values they held
gone (other ``remove-`` verbs, such as an IAM binding or a label, are mutating: said again,
they come back as they were)."""
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


_CLOUD_NOUN_OR_READ = frozenset({"account", "config", "auth", "components"})
"""Read-only command groups when they come first (``az account show``, ``gcloud config list``),
and the names of resources after another word (``az storage account delete``)."""


def cloud_rule(extra_mutating: frozenset[str] = frozenset()) -> Rule:
    def rule(args: list[str]) -> Verdict | None:
        unresolved: str | None = None
        for count, word in enumerate(w for w in args if not w.startswith("-")):
            if word == "--":
                break
            if is_unresolved(word):
                unresolved = unresolved or (word if count < 3 else None)
                continue
            verb = word.rsplit(":", 1)[-1].lower()
            if verb in _CLOUD_NOUN_OR_READ and count > 0:
                continue  # ``az storage account delete``: a resource's name, not ``az account show``
            if verb in _CLOUD_READ or verb.startswith(("get-", "list-", "describe-")):
                return None
            if verb in _CLOUD_DESTRUCTIVE or verb.startswith(_CLOUD_DESTRUCTIVE_PREFIX) or (
                    verb in _CLOUD_REMOVES_DATA):
                return DEST
            if verb in _CLOUD_MUTATING or verb in extra_mutating or verb.startswith(_CLOUD_MUTATING_PREFIX):
                return MUT
        return unresolved_verdict(unresolved) if unresolved else None

    return rule


def rule_az(args: list[str]) -> Verdict | None:
    """Azure CLI: a deployment in ``--mode Complete`` deletes every resource of the group that
    its template does not name (``az deployment group create``, ``az group deployment create``)."""
    mode = option_value(args, frozenset({"--mode"}))
    if mode is not None and mode.strip("\"'").lower() == "complete" and "deployment" in args:
        return DEST
    if ("keys" in args and "renew" in args) or any(w.startswith("regenerate") for w in args[:4]):
        # ``az storage account keys renew``, ``az cosmosdb keys regenerate``: the old access
        # keys, and every token signed with them, stop working for good
        return DEST
    command = option_value(args, frozenset({"--cmd"}))
    if args[:1] == ["acr"] and command is not None and re.match(
            r"acr\s+(?:purge|untag)\b", command.strip("\"'")):
        # ``az acr run``/``az acr task create --cmd "acr purge ..."``: the registry deletes
        # images now or on the task's schedule: deletions it asked for
        return DEST
    return cloud_rule()(args)


def rule_gsutil(args: list[str]) -> Verdict | None:
    verb, rest = first_positional(args, frozenset({"-o", "-h", "-u"}))
    if verb == "rsync":
        shorts, _, _ = split_options(rest)
        return DEST if "d" in shorts else MUT
    return cloud_rule(frozenset({"acl", "setmeta", "iam", "defacl", "lifecycle", "versioning",
                                 "notification", "cors", "web", "label"}))(args)
