"""The side effects of a Python module's calls: :class:`EffectFinder` walks the calls once and
applies the rule tables kept here (file deletes and writes, subprocess and ``os.system``/``exec*``,
``sh``, cloud SDKs and API clients, HTTP clients and ``urllib``, SQL statements and ORM methods),
resolving command lines through :mod:`opsctl.adopt.python_commands`.
"""

from __future__ import annotations

import ast
import fnmatch
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import replace

from opsctl.adopt import commands as _commands
from opsctl.adopt.command_rules import is_cache_path
from opsctl.adopt.model import Confidence, Effect, EffectKind
from opsctl.adopt.python_commands import (
    CommandParameter,
    Resolver,
    classify_command,
    command_at_site,
    command_parameter,
    node_text,
    sanitize_call,
    split_command,
)
from opsctl.adopt.python_index import (
    TASK_DECORATORS,
    ModuleIndex,
    const_str,
    dotted,
    keywords,
    literal,
    literal_value,
    position,
)
from opsctl.adopt.shell_lexer import command_program
from opsctl.adopt.shell_scan import command_outputs, path_key

# --- effects -----------------------------------------------------------------------------------

_FILE_DELETE = {"os.remove", "os.unlink", "os.rmdir", "os.removedirs", "shutil.rmtree"}
_DATABASE_DROPS = {"sqlalchemy_utils.drop_database", "sqlalchemy_utils.functions.drop_database",
                   "sqlalchemy_utils.functions.database.drop_database"}
_FILE_MOVE = {"shutil.move", "shutil.copy", "shutil.copyfile", "shutil.copy2", "shutil.copytree",
              "os.rename", "os.replace", "os.renames"}
# ``for tmp_f in glob.glob("harbor.yml.*.tmp"):``: the loop's name, when its pattern only
# matches temporary files (a ``.tmp``/``.temp``/``.partial`` suffix)
_TEMP_GLOB = re.compile(r"""\bfor\s+(\w+)\s+in\s+(?:sorted\()?(?:glob\.)?i?glob\(\s*(?:[\w.]+\(\s*)?"""
                       r"""(?:[\w.]+\s*,\s*)*['"][^'"\n]*\.(?:tmp|temp|partial)['"]\s*\)""")

_OPENERS = {"open", "io.open", "codecs.open", "gzip.open", "bz2.open", "lzma.open", "tarfile.open",
            "zipfile.ZipFile"}
_SUBPROCESS = {"subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
               "subprocess.Popen"}
_SHELL_STRING = {"os.system", "os.popen", "subprocess.getoutput", "subprocess.getstatusoutput",
                 "commands.getoutput", "commands.getstatusoutput", "asyncio.create_subprocess_shell",
                 "pexpect.run", "pexpect.spawn", "fabric.api.local", "fabric.api.run", "fabric.api.sudo",
                 "fabric.operations.local", "fabric.operations.run", "fabric.operations.sudo", "invoke.run"}
_EXEC_ARGV = {"os.execv": 1, "os.execve": 1, "os.execvp": 1, "os.execvpe": 1, "os.spawnv": 2,
              "os.spawnve": 2, "os.spawnvp": 2, "os.spawnvpe": 2, "os.posix_spawn": 1, "os.posix_spawnp": 1}
_EXEC_LIST = {"os.execl": 1, "os.execle": 1, "os.execlp": 1, "os.execlpe": 1, "os.spawnl": 2,
              "os.spawnle": 2, "os.spawnlp": 2, "os.spawnlpe": 2}
_SH_SPECIAL = {"Command", "ErrorReturnCode", "CommandNotFound", "RunningCommand", "glob", "contrib", "bake"}

_CLOUD_MODULES = ("boto3", "boto", "botocore", "openstack", "novaclient", "keystoneclient", "cinderclient",
                  "glanceclient", "neutronclient", "google.cloud", "googleapiclient", "azure", "libcloud",
                  "kubernetes", "digitalocean", "hcloud", "linode_api4", "pyVmomi", "proxmoxer", "docker",
                  "upcloud_api", "CloudFlare", "cloudflare")
# Words looked for with `in` (a fast substring search) before, or instead of, a regex: an
# alternation of words is tried at every position of a module, and these hints were a few per
# cent of a scan (bench/inventory.py).
_CLOUD_HINTS = tuple(sorted({module.partition(".")[0] for module in _CLOUD_MODULES}))
_CLOUD_DESTRUCTIVE = re.compile(
    r"^(?:begin_|_|stop_and_)?(?:delete|terminate|remove|purge|deregister|detach|destroy|batch_delete|force_delete|prune|kill"
    r"|rebuild|restore_workspace|rdelete)(?:_|$)")  # (a rebuild makes the disks again from an image;
# ``_delete(url)``: an SDK's own request helper; ``rdelete``: a REST session's DELETE of a path)
_RPC_METHOD_DELETE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*_(?:delete|destroy|purge|remove)$")
"""A method of an RPC-style API named by its namespaces, then its verb (Slack's
``admin_conversations_delete``, ``admin_users_remove``; ``admin.emoji.remove`` as a URL's path)."""
_RPC_PATH_DELETE = re.compile(r"/[a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9]*)*\.(?:delete|destroy|purge|remove)(?:[A-Z]\w*)?/?(?:\?.*)?$")
_CLOUD_UNDOABLE = re.compile(  # deleting words for what leaves the resource itself alone
    # (``detach_volume``, ``detach_role_policy``: the volume or policy kept, attachable again,
    # as the AWS CLI's ``detach-*`` is read)
    r"^(?:deregister_targets|deregister_instances_from_load_balancer|detach_\w+|"
    r"delete_message|delete_message_batch"
    r"|delete_function_concurrency"  # (a function's reserved concurrency back to the shared pool)
    # a search index's alias moved or dropped (``remove_alias(old_index, alias)`` before adding it
    # to the new one): a name pointing at an index, the index and its documents kept
    r"|(?:remove|delete)_alias(?:es)?)$")
_CLOUD_MUTATING = re.compile(  # a bare verb (instance.start(), obj.put()) or verb_object
    r"^(?:begin_)?(?:(?:modify|put|update|create|attach|start|stop|reboot|patch|insert|upload|copy|restore|"
    r"publish|restart|resize|rebuild|deallocate|power_off)(?:_|$)|(?:run|replace|reset|associate|disassociate|"
    r"authorize|revoke|register|enable|disable|send|tag|untag|import|release|allocate|scale|change|migrate|"
    r"apply|invoke)_)(?!client$|resource$|session$|presigned)")
_CLOUD_FACTORY = re.compile(  # what makes a client/resource/connection in a cloud SDK
    r"\.(?:client|resource|Session|session|get_session|connect\w*|Connection|build|Client|\w+Client|\w+Api|\w+API"
    r"|get_driver|ServiceResource|Bucket|Object|Table|Queue|Topic|Instance|Volume|Stack|Proxmox\w*|from_env"
    r"|CloudManager|CloudFlare|Cloudflare)$")
_CLOUD_NAMED_DESTRUCTIVE = re.compile(
    r"^(?:terminate_instances|delete_(?:bucket\w*|objects?|stack|db_\w+|snapshots?|volume|table|function|"
    r"cluster|service|security_group|hosted_zone|secret|parameters?|log_group|repository|nodegroup|key_pair|"
    r"image|load_balancer|target_group|queue|topic|distribution|vpc|subnet|nat_gateway|internet_gateway|"
    r"network_interface|launch_template|auto_scaling_group|file_system|namespaced_\w+|namespace|server|"
    r"instances?|resource_group|virtual_machine|disk)|deregister_(?:image|instances\w*|targets|task_definition)"
    r"|purge_queue|batch_delete_\w+|begin_delete\w*|remove_(?:objects?|bucket)|release_address(?:es)?"
    r"|abort_multipart_upload"  # (the parts uploaded so far, gone)
    # ECS ``stop_task``, Batch ``terminate_job``/``cancel_job``: running work ended, not resumable
    r"|stop_task|terminate_job|cancel_job"
    r"|revoke_(?:security_group_(?:ingress|egress)|grant)"
    # Kafka's admin clients (kafka-python, confluent-kafka): topics, records, groups, offsets
    r"|delete_(?:topics|records|consumer_groups|acls)|alter_consumer_group_offsets)$")
_CLOUD_NAMED_MUTATING = re.compile(
    r"^(?:run_instances|(?:start|stop|reboot)_instances|(?:create|update|modify)_(?:stack|db_\w+|snapshot|"
    r"bucket|cluster|service|function\w*|auto_scaling_group|namespaced_\w+|server)|put_(?:object|bucket_\w+|"
    r"parameter|secret_value|item|metric_alarm|record)|change_resource_record_sets|set_desired_capacity|"
    r"upload_file(?:obj)?|copy_object|(?:patch|replace)_namespaced_\w+|"
    r"begin_(?:create\w*|update\w*|start|restart|power_off|deallocate))$")
_DERIVED_ROWS = re.compile(r"(?i)rendition|thumbnail|\bthumbs?\b|\bembeds?\b|Embed\b|cache|search_?index|[a-z]Index\b|\w_index\b|sitemap")
_LOCAL_GIT_VERBS = frozenset({"reset", "clean", "checkout", "switch", "restore", "stash", "branch", "tag"})
_WITH_DATA = frozenset({"delete_files", "deleteFiles", "delete_data", "deleteData", "remove_data",
                        "removeData", "delete_local_data", "with_data", "delete_volumes"})
"""A deleting call's keyword that takes the data along (a torrent client's ``delete_files=True``)."""
_GIT_VERBS = frozenset({"clean", "reset", "branch", "tag", "checkout", "rm", "stash", "update_ref",
                        "filter_branch", "restore", "switch"})


def _git_options(call: ast.Call) -> list[str]:
    """A GitPython call's arguments as git's: keywords as options (``d=True``: ``-d``,
    ``hard=True``: ``--hard``, ``message="x"``: ``--message=x``), positionals as words."""
    words: list[str] = []
    for keyword in call.keywords:
        if keyword.arg is None or (isinstance(keyword.value, ast.Constant) and keyword.value.value in (False, None)):
            continue
        option = f"-{keyword.arg}" if len(keyword.arg) == 1 else "--" + keyword.arg.replace("_", "-")
        value = keyword.value.value if isinstance(keyword.value, ast.Constant) else "<expr>"
        words.append(option if value is True else f"{option}={value!s}")
    words += [str(arg.value) if isinstance(arg, ast.Constant) else "<expr>" for arg in call.args]
    return words


def _name_shape(node: ast.expr) -> str | None:
    """The last part of a literal or f-string path, each value in it as ``*``
    (``f"{app}-version-{v}"``: ``*-version-*``); None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(part.value if isinstance(part, ast.Constant) and isinstance(part.value, str) else "*"
                       for part in node.values)
    else:
        return None
    return text.rsplit("/", 1)[-1]


def _truncates(value: ast.expr) -> bool:
    """A value that is (or may be) BigQuery's ``WRITE_TRUNCATE`` disposition."""
    return any((isinstance(node, ast.Attribute) and node.attr == "WRITE_TRUNCATE")
               or (isinstance(node, ast.Constant) and node.value == "WRITE_TRUNCATE") for node in ast.walk(value))


_TEMP_NAME = re.compile(r"^(?:temp|tmp)(?:_|$|[A-Z])|^(?:TEMP|TMP)_")
_API_MODULE_DELETE = re.compile(r"^\w[\w.]*(?:\.api|_api|\.client|_client|\.sdk)\.(?:delete|destroy|purge)_\w+$")
_TEMP_FILE = re.compile(r"^(?:temp|tmp)(?:[._-]|$)", re.I)
_NAMED_IN_TMP = re.compile(r"^/(?:var/)?tmp/[\w.$<>{}-]*[A-Za-z][\w.$<>{}-]*$")
_SEARCH_INDEX = re.compile(r"^(?:elasticsearch_dsl|opensearch_dsl|elasticsearch\.dsl|opensearchpy)(?:\.\w+)*\.Index$")
_COMMAND_CONSTANT = re.compile(r"(?:^|_)(?:CMD|COMMAND|CMDLINE|ARGV)S?$", re.IGNORECASE)
_UNCALLED_DELETE = re.compile(  # a deleting method named without a call right after it
    r"\.(?:begin_)?(?:delete|terminate|remove|purge|deregister|detach|destroy|batch_delete|force_delete|prune|kill)"
    r"\w*\b(?!\s*\()")
_OPENSTACK_MANAGER = re.compile(
    r"(?:^|\.)(?:nova|glance|cinder|keystone|heat|neutron|swift|octavia|designate|manila|ironic|trove"
    r"|magnum|barbican)(?:_?client)?\.[a-z][a-z_]*s$")
"""A python-*client resource manager: the client named for its service, then a plural
collection (``nova.servers``, ``keystone.tenants``, ``cinder.volume_snapshots``)."""
_OPENSTACK_DELETES = frozenset({"delete", "force_delete", "destroy", "purge"})
_OPENSTACK_VERBS = _OPENSTACK_DELETES | {"create", "update", "reboot", "stop", "start", "migrate",
                                        "live_migrate", "evacuate", "resize", "rebuild", "lock",
                                        "unlock", "suspend", "resume", "add_user_role"}
_UNSETS = re.compile(r"""["']\$unset["']""")


def _unsets(node: ast.expr) -> bool:
    """A MongoDB update document with ``$unset`` (a literal dict, at its top)."""
    return isinstance(node, ast.Dict) and any(const_str(key) == "$unset" for key in node.keys if key is not None)


_ARCHIVE_NAME = re.compile(r"(?i)(?:^|\.)(?:\w*zip\w*|tar(?!get)\w*|\w*archive\w*|zf|tf)$")
"""A receiver named for an archive (``zipf``, ``tar``, ``self.archive``), by its last name (not
``self.starter``, ``target``): its ``write``/``add`` puts a file into it."""
_PID_OR_SOCKET = re.compile(r"(?i)pid_?file|\.pid\b|\.sock(?:et)?\b|_sock(?:et)?(?:_?path)?\b|lock_?file|\.lock\b")
_REMOTE_DELETE = re.compile(r"^[A-Z][A-Za-z]*\.(?:destroy|delete|purge|wipe)(?:_\w+)?$")
"""An XML-RPC style method name (``VDI.destroy``, ``VM.destroy``, ``Pool.delete_x``)."""
_HANDED_DELETE = re.compile(r"^(?:delete|destroy|purge|terminate|wipe)(?:_\w+)?$")
_VSPHERE_DESTROYS = re.compile(r"^(?:Destroy|Delete|Remove|Revert|Unregister|Purge|Erase|Format)[A-Z]?\w*$")
"""pyVmomi's deleting methods (``Destroy_Task``, ``RemoveAllSnapshots_Task``, ``RevertToCurrentSnapshot_Task``,
``DeleteDatastoreFile_Task``, ``RemoveVirtualSwitch``, ``UnregisterVM``)."""
_CONNECTION_DELETE = re.compile(r"^(?:delete|destroy|terminate|purge)_\w+$")
"""(not a bare ``delete``: ``client.delete(index=..., id=...)`` is a search index's document)"""
_CONNECTION_NAMES = frozenset({"conn", "connection", "client", "api", "sdk", "cloud", "service_client"})


def _connection_named(name: str) -> bool:
    """A variable named as a service's connection or client: ``client``, ``emr_client``,
    ``ec2_conn``, ``ckan_api``."""
    return name in _CONNECTION_NAMES or name.endswith(("_client", "_conn", "_connection", "_api"))


_SPARK_WRITES = frozenset({"mode", "parquet", "csv", "json", "orc", "text", "save", "saveAsTable"})
_DELETING_PREFIX = re.compile(r"(?:delete|destroy|purge|terminate|wipe)_")
_GENTLE_SIGNALS = frozenset({"HUP", "USR1", "USR2", "CONT", "STOP", "TSTP", "WINCH"})
_TERMINATING_SIGNALS = frozenset({"KILL", "TERM", "INT", "QUIT", "ABRT"})
_API_CLIENT = re.compile(r"(?:^|\.)[A-Z]\w*(?:Api|API|Client|Manager|Service|Connection|Hub|Account|Server)$|(?:^|\.)\w*APISession$|"
                         r"^(?:github3|github|gitlab|jenkins)\.(?:[\w.]*\.)?(?:[A-Z]\w*|login|enterprise_login)$|"
                         # a project's own maker of one (``get_github3_client()``, ``gitlab_client()``)
                         r"(?:^|\.)\w*(?:github3?|gitlab|jenkins)\w*_client$")
"""A constructed client of some remote API (``GhApi(...)``, ``LambdaManager(...)``,
``MyPlexAccount(...)``, ``PlexServer(...)``, an object
of the GitHub, GitLab or Jenkins SDKs, made or annotated: ``github3.login(...)``, ``repo:
github3.repos.repo.Repository``): its deleting methods count even when its SDK is not one the
scanner knows, and so do those of what it returns (``repo.ref(...).delete()``)."""
_API_CLIENT_WORDS = ("Api", "API", "Client", "Manager", "Service", "Connection", "Hub", "Account", "Server", "github",
                     "gitlab", "jenkins")  # one of them is in every text _API_CLIENT_HINT finds
_API_CLIENT_HINT = re.compile(r"[A-Z]\w*(?:Api|API|Client|Manager|Service|Connection|Hub|Account|Server)\(|"
                              # imported under a name of its own: ``from . import KintoClient as Client``
                              r"\bimport\s+[A-Z]\w*(?:Api|API|Client|Manager|Service|Connection|Hub|Account|Server)\s+as\s|"
                              r":\s*[\"']?(?:\w+\[)?[\w.]*[A-Z]\w*(?:Api|API|Client|Manager|Service|Connection|Hub|Account|Server)\b|"
                              r"\b(?:import|from) (?:github3|github|gitlab|jenkins)\b|"
                              r"\w*(?:github3?|gitlab|jenkins)\w*_client\(|APISession\(")
"""A client made here, a parameter annotated with one (``client: KubeClient``), or an import of
an SDK ``_API_CLIENT`` names (not the word: ``github`` is in most URLs)."""
_API_CLIENT_WORD = re.compile("|".join(_API_CLIENT_WORDS))


def _mentions_api_client(source: str) -> bool:
    r"""Whether ``_API_CLIENT_HINT`` is found in ``source``, tried on the lines that hold one of
    its words (and the line above each): over a whole file, its ``[A-Z]\w*`` and ``\w*`` starts
    are tried at every position (0.4 ms a script, a tenth of that so, the same answer on the
    corpus)."""
    seen = -1
    for word in _API_CLIENT_WORD.finditer(source):
        start = source.rfind("\n", 0, word.start()) + 1
        if start <= seen:
            continue
        seen = start
        end = source.find("\n", word.end())
        above = source.rfind("\n", 0, start - 1) + 1 if start else 0
        if _API_CLIENT_HINT.search(source, above, len(source) if end < 0 else end):
            return True
    return False


_HTTP_MODULES = ("requests", "httpx", "niquests")  # (niquests: a drop-in replacement of requests)
_HTTP_CLIENTS = {"requests.Session", "requests.session", "httpx.Client", "httpx.AsyncClient", "niquests.Session",
                 "aiohttp.ClientSession", "urllib3.PoolManager", "requests.sessions.Session"}
_WRITING_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_HTTP_WRITES = {"post": False, "put": False, "patch": False, "delete": True}
_PROGRAM = re.compile(r"[a-z][\w.+-]*")
_TASK_CONTEXT_RUNS = frozenset({"run", "sudo", "local"})
_RUNNER_METHODS = frozenset({"execute", "run_command", "execute_command", "run_cmd", "exec_cmd",
                             "execute_cmd", "run_as_root", "sudo_execute", "trycmd"})
"""Names of commands runners other than subprocess's (``neutron.agent.linux.utils.execute``,
``processutils.execute``): a list of words handed to one is a command."""
_SQL_METHODS = {"execute", "executemany", "executescript", "exec_driver_sql", "read_sql", "read_sql_query",
                "query", "run_sql", "execute_sql", "raw",
                "start_query_execution"}  # Amazon Athena's (``QueryString=...``)
_SQL_HEAD = re.compile(r"(?:DELETE\s+FROM|DROP\s+(?:TABLE|DATABASE|SCHEMA)|TRUNCATE)\s", re.IGNORECASE)
"""The start of a destructive statement, for SQL written apart from where it is executed."""
_SQL_HEAD_WORDS = ("delete", "drop", "truncate")  # lower case: in every text _SQL_HEAD finds
_SAYING = frozenset({"print", "echo", "secho", "debug", "info", "warning", "warn", "error",
                     "exception", "critical", "log", "write", "format"})
_SQL_STATEMENT = re.compile(r"^\W*([A-Za-z]+)\s+(\S+)")
_SQL_DESTRUCTIVE = {"DELETE", "DROP", "TRUNCATE"}
_SQL_MUTATING = {"UPDATE", "ALTER", "INSERT", "CREATE", "GRANT", "REVOKE", "REPLACE", "MERGE", "UPSERT", "RENAME"}
_SQL_NOISE = re.compile(r"--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'", re.DOTALL)
_URLLIB = {"urllib.request.Request", "urllib.request.urlopen", "urllib2.Request", "urllib2.urlopen",
           # tornado's request object, fetched by its client (``HTTPRequest(url=u, method="DELETE")``)
           "tornado.httpclient.HTTPRequest"}
_ORM_MUTATING = {"update", "bulk_update", "bulk_create", "create", "get_or_create", "update_or_create"}
_SESSION_MUTATING = {"add", "add_all", "merge", "bulk_save_objects", "bulk_insert_mappings",
                     "bulk_update_mappings"}
_BOOKKEEPING_WORDS = frozenset({
    "date", "dates", "time", "times", "timestamp", "ts", "datetime", "at", "on", "after", "before", "until",
    "since", "processed", "status", "state", "next", "last", "seen", "sent", "notified", "count", "counter",
    "counts", "attempts", "retries", "retry", "flag", "flags", "updated", "modified", "checked", "synced",
    "expires", "expiry", "deadline", "scheduled", "progress", "n", "num"})
"""Words of a field's name (split on ``_``) that mark it as a schedule, time or progress marker."""
_DERIVED_WORDS = frozenset({"sha1", "sha256", "sha512", "md5", "checksum", "digest", "etag", "crc32"})
_BYTECODE = re.compile(r"\.py[co]\b|\.py\[co\]|__pycache__")
_QUERYSET_METHODS = {"filter", "exclude", "all", "select_related", "prefetch_related", "order_by", "annotate",
                     "distinct", "using", "only", "defer", "select_for_update"}
_ORM_METHODS = {"delete", "save", *_ORM_MUTATING, *_SESSION_MUTATING}
_MONGO_DROPS = frozenset({"drop_database", "drop_collection"})
_MONGO_NAME = re.compile(r"(?i)(?:^|_)(?:db|database|mongo\w*|client|conn(?:ection)?)$")


def _mongo_collection(node: ast.expr) -> bool:
    """``db[NAME]``, ``db.markers``, ``client.app.markers``: a collection reached from a name
    of a MongoDB database or client (pandas' ``drop`` needs labels, SQLAlchemy's a bind: a
    ``drop()`` without arguments on such a receiver is a collection's)."""
    if not isinstance(node, ast.Subscript | ast.Attribute):
        return False
    inner = node.value
    while isinstance(inner, ast.Attribute | ast.Subscript | ast.Call):
        if isinstance(inner, ast.Call):  # ``get_db()[NAME]``, ``MongoClient(url).app``
            name = dotted(inner.func) or ""
            return bool(_MONGO_NAME.search(name.rpartition(".")[2].removeprefix("get_")))
        if isinstance(inner, ast.Attribute) and _MONGO_NAME.search(inner.attr):
            return True
        inner = inner.value
    return isinstance(inner, ast.Name) and bool(_MONGO_NAME.search(inner.id))


_QUEUE_PURGES = frozenset({"queue_purge", "queue_delete", "exchange_delete"})
_OBJECT_STORE_DELETES = frozenset({"delete_key", "delete_keys", "delete_blob", "delete_blobs",
                                   "delete_object", "delete_objects", "remove_object",
                                   "remove_objects", "delete_tree"})
"""Deleting methods of object-storage wrappers (rohmu's ``transfer.delete_key``, a bucket's
``delete_blob``) whose SDK the scanner does not know: counted on a receiver named as a store."""
_OBJECT_STORE = re.compile(r"(?i)storage|transfer|bucket|blob|\bs3|gcs|container|store\b")


def _deletes_a_record(call: ast.AST) -> bool:
    """A Route 53 ``ChangeBatch`` written in the call (or the function) with ``"Action": "DELETE"``."""
    for node in ast.walk(call):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if const_str(key) == "Action" and const_str(value) == "DELETE":
                    return True
    return False


def bookkeeping_field(field: str | None) -> bool:
    """A field whose value is bookkeeping rather than data: private/derived (``_depth``), or a
    schedule, time or progress marker (``status``, ``processed``, ``alert_after``,
    ``next_report_date``, ``retry_count``); not ``email``, ``password``, ``name``, ``value``."""
    if not field:
        return False
    words = field.lower().split("_")
    # (``sha256``, ``checksum``: a value computed from the content, computed again at will)
    return field.startswith("_") or any(word in _BOOKKEEPING_WORDS or word in _DERIVED_WORDS for word in words)


_PATH_WRAPPERS = frozenset({"pathlib.Path", "Path", "str", "os.fspath", "os.path.realpath",
                            "os.path.abspath"})


def _made_from_itself(target: str, field: str, value: ast.expr | None, names: dict[str, ast.expr]) -> bool:
    """``zarr.name = f"{zarr.name[:-5]}.ome.zarr"`` (directly or through a variable; or from
    the same field of the row locked again, ``migrate(locked.metadata)``): the stored value
    rewritten from itself, a rename or a migration; nothing else is lost."""
    del target  # (the row under another name counts too)
    if value is None:
        return False
    if isinstance(value, ast.Name) and value.id in names:
        value = names[value.id]
    return any(isinstance(node, ast.Attribute) and node.attr == field and isinstance(node.value, ast.Name)
               for node in ast.walk(value))


def _flag_value(field: str | None, value: ast.expr | None) -> bool:
    """A field set to ``True``/``False`` (``is_active = False``, ``complete=True``: a switch,
    set back as easily), or shifted by an amount (``order=F("order") + 1``): no value lost. A
    field named as a yes/no (``is_revoked=revoke``) is such a switch whatever the value's spelling."""
    if isinstance(value, ast.Constant) and isinstance(value.value, bool):
        return True
    if field and field.startswith(("is_", "has_")) and isinstance(value, ast.Name | ast.UnaryOp | ast.Compare):
        return True
    return (isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add | ast.Sub)
            and isinstance(value.left, ast.Call) and dotted(value.left.func) in ("F", "models.F")
            and bool(value.left.args) and const_str(value.left.args[0]) == field)


def _fills_empty(receiver: ast.expr) -> bool:
    """``Model.objects.filter(duration__isnull=True).update(...)``, ``.filter(**only_unfilled)``,
    ``.filter(id__in=null_ids)``: the rows updated are those whose fields are empty, filled in."""
    for node in ast.walk(receiver):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "filter"):
            continue
        for kw in node.keywords:
            if kw.arg and kw.arg.endswith("__isnull") and isinstance(kw.value, ast.Constant) and kw.value.value is True:
                return True
            if any(isinstance(n, ast.Name) and _EMPTY_NAME.search(n.id) for n in ast.walk(kw.value)):
                return True
    return False


_EMPTY_NAME = re.compile(r"(?i)(?:^|_)(?:null|unfilled|empty|missing|blank)(?:_|$)")


_SQL_DROP = re.compile(r"^\W*DROP\s+(TABLE|INDEX|VIEW)\s+(?:IF\s+EXISTS\s+)?([\w.\"`\[\]$]+)\s*(?:CASCADE\s*)?$",
                       re.IGNORECASE)
_SQL_DROP_CODE = re.compile(r"^\W*DROP\s+(?:TRIGGER|FUNCTION|PROCEDURE|EVENT)\b", re.IGNORECASE)
_SQL_ALTER_DROP = re.compile(r"^\W*ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?([\w.\"`\[\]$]+)\s", re.IGNORECASE)
_SCRATCH_TABLE = re.compile(r"(?i)(?:^|\.)[\"`\[]?(?:(?:tmp|temp|scratch|staging)_[\w$]*|[\w$]+_(?:tmp|temp|scratch|staging))[\"`\]]?$")
"""``tmp_import_desktop_$channel``, ``events_staging``: a table a load fills and drops, by its name."""


def _recreated(kind: str, name: str, text: str) -> bool:
    """``CREATE <kind> <name>`` somewhere in ``text``: a dropped table, index or view built again."""
    bare = re.escape(name.strip('"`[]').rpartition(".")[2].strip('"`[]'))
    return re.search(
        rf"\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:UNIQUE\s+)?(?:MATERIALIZED\s+)?(?:TEMP(?:ORARY)?\s+|VIRTUAL\s+)?{kind}\s+"
        rf"(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:[\w\"`\[\]]+\.)?[\"`\[]?{bare}[\"`\]]?(?![\w.])",
        text, re.IGNORECASE) is not None


def classify_sql(text: str, source: str = "") -> bool | None:
    """True: the SQL deletes (DELETE, DROP, TRUNCATE, ALTER ... DROP); False: it changes
    (UPDATE, INSERT, CREATE...); None: it only reads, or is not SQL. Keywords count only at the
    start of a statement, outside comments and quoted strings. ``DROP TABLE|INDEX|VIEW x`` of a
    name created again (``CREATE TABLE x`` in the same SQL or in ``source``, the module) is a
    rebuild of something derived: a change, not a loss."""
    result: bool | None = None
    if "terminate_backend" in text and re.search(r"(?i)\bpg_terminate_backend\s*\(", _SQL_NOISE.sub(" ", text)):
        return True  # a server process ended, with the transaction it held
    for statement in _SQL_NOISE.sub(" ", text).split(";"):
        if _SQL_DROP_CODE.match(statement):  # (a trigger, function or procedure: code, no data)
            result = False
            continue
        drop = _SQL_DROP.match(statement)
        if drop and (_recreated(drop.group(1), drop.group(2), text) or (
                source and _recreated(drop.group(1), drop.group(2), source))
                or (drop.group(1).upper() == "TABLE" and _SCRATCH_TABLE.search(drop.group(2)))):
            result = False
            continue
        altered = _SQL_ALTER_DROP.match(statement)
        if altered and _SCRATCH_TABLE.search(altered.group(1)):
            result = False  # (``ALTER TABLE tmp_import_x DROP COLUMN id``: the load's own shape)
            continue
        match = _SQL_STATEMENT.match(statement)
        if not match:
            continue
        verb = match.group(1).upper()
        if verb == "WITH":
            # the statement after the CTEs, or a data-modifying CTE itself (PostgreSQL's ``WITH
            # deleted AS (DELETE FROM sessions WHERE ... RETURNING *) SELECT count(*) FROM deleted``)
            found = re.search(r"\)\s*(DELETE|UPDATE|INSERT|MERGE)\b", statement, re.IGNORECASE) or re.search(
                r"\bAS\s*(?:NOT\s+)?(?:MATERIALIZED\s*)?\(\s*(DELETE|UPDATE|INSERT|MERGE)\b", statement, re.IGNORECASE)
            verb = found.group(1).upper() if found else verb
        if verb in _SQL_DESTRUCTIVE or (verb == "ALTER" and re.search(r"\bDROP\b", statement, re.IGNORECASE)) or (
                verb == "PURGE" and match.group(2).upper() in ("BINARY", "MASTER")):  # MySQL's binary logs
            return True
        if verb in _SQL_MUTATING:
            result = False
    return result


def _service_client(call: ast.Call) -> bool:
    """``session.client("ec2")``, ``local_session(factory).resource("s3")``: an SDK client by its
    shape, whoever made the session."""
    return (isinstance(call.func, ast.Attribute) and call.func.attr in ("client", "resource")
            and bool(call.args) and const_str(call.args[0]) is not None)


_RMTREE_TARGET = re.compile(r"rmtree\((?:str\()?([A-Za-z_][\w.]*)(?:\)?[,)]|\s*/)")
"""``shutil.rmtree(build_dir)``, or a folder under it (``rmtree(OUT / "src/gpu")``)."""


def _regenerated(effect: Effect, source: str) -> Effect:
    """``shutil.rmtree(build_dir)`` of a folder the script creates again (``build_dir.mkdir``,
    ``os.makedirs(build_dir)``): it wipes its own output to rebuild it, a write of output rather
    than the loss of data."""
    if effect.kind != "file-delete" or not effect.destructive:
        return effect
    match = _RMTREE_TARGET.search(effect.call)
    if match is None:
        return effect
    target = re.escape(match.group(1))
    if len(re.findall(rf"\bfor\s+{target}\s+in\b", source)) > 1:
        # ``for dirname in dirs_to_wipe: rmtree(dirname)``, ``for dirname in dirs_to_create:
        # os.makedirs(dirname)``: one name for two loops' items, not the same folder
        return effect
    # (or filled again: ``shutil.copytree(src, TARGET / "src")``, ``(TARGET / "x").write_text(...)``)
    recreated = re.search(rf"(?:\b{target}\.mkdir\(|makedirs\(\s*(?:str\()?{target}\b|"
                          rf"\bmkdir\(\s*(?:str\()?{target}\b|copytree\([^,()]+(?:\([^()]*\))?[^,()]*,\s*{target}\b"
                          rf"|\(\s*{target}\s*/[^()]*\)\.(?:write_text|write_bytes|mkdir|touch)\()", source)
    if recreated is None:
        return effect
    return replace(effect, kind="file-write", destructive=False,
                   call=sanitize_call(effect.call + " (re-created: its own output)"))


def _unwrapped_path(node: ast.expr, index: ModuleIndex) -> ast.expr:
    """``str(p)``, ``os.fspath(p)``, ``Path(p)`` -> ``p``."""
    while isinstance(node, ast.Call) and len(node.args) == 1 and (index.canonical(node.func) or "") in (
            "str", "os.fspath", "pathlib.Path", "Path"):
        node = node.args[0]
    return node


_ODOO_METHODS = frozenset({"unlink", "write", "set_param", "create"})


def _odoo_model(node: ast.expr) -> bool:
    """An Odoo model or recordset: ``env["res.partner"]``, ``self.env["x.y"]``, and what its
    ``search``/``browse``/``sudo``/``with_context`` calls return."""
    for _ in range(8):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            node = node.func.value
        elif isinstance(node, ast.Subscript):
            key = node.slice
            return ((dotted(node.value) or "").rpartition(".")[2] == "env" and isinstance(key, ast.Constant)
                    and isinstance(key.value, str) and "." in key.value)
        else:
            return False
    return False


_HTTP_METHOD_LITERAL = re.compile(r"""['"](POST|PUT|PATCH|DELETE)['"]""")


class EffectFinder:
    """The effects of one module's calls (see the module docstring for the rules)."""

    def __init__(self, index: ModuleIndex, source: str) -> None:
        self.index = index
        self.source = source
        self.warnings: list[str] = []
        self.found: list[Effect] = []
        self.sites: dict[tuple[str, bool], list[tuple[ast.Call, str]]] | None = None
        self.command_parameters: dict[str, CommandParameter] = {}
        self.cloned: set[str] = set()  # functions that ran ``git clone`` or ``git init``
        self.command_outputs: dict[str, set[str]] = {}  # scope -> what its commands so far wrote
        self.link_guards: list[tuple[str, int, int]] | None = None
        """Functions of this module that run the command they are given (see _through_callers)."""
        cloud = any(hint in source for hint in _CLOUD_HINTS)
        self.cloud = self._receivers(
            lambda name: name.startswith(_CLOUD_MODULES) and bool(_CLOUD_FACTORY.search(name)), cloud=True,
        ) if cloud else set()
        self.clients = self._receivers(lambda name: bool(_API_CLIENT.search(name))) \
            if _mentions_api_client(source) \
            else set()
        http = "requests" in source or "httpx" in source or "aiohttp" in source or "urllib3" in source
        self.http = self._receivers(lambda name: name in _HTTP_CLIENTS, propagate=False) if http else set()
        self.paths = self._receivers(lambda name: name in ("pathlib.Path", "Path", "pathlib.PurePath"),
                                     propagate=False) if "Path" in source else set()
        self.orm: set[str] = set()
        self.temp_globs: set[str] | None = None
        self.temporary = self._receivers(lambda name: name.startswith("tempfile."),
                                         propagate=False) if "tempfile" in source else set()
        if "mkstemp" in source:  # ``fd, fn = tempfile.mkstemp('.pem')``: the second is the path
            self.temporary |= {element.id for assign, _scope in index.tuple_assigns
                               if isinstance(assign.value, ast.Call)
                               and (index.canonical(assign.value.func) or "") == "tempfile.mkstemp"
                               for target in assign.targets if isinstance(target, ast.Tuple | ast.List)
                               and len(target.elts) == 2
                               for element in target.elts[1:] if isinstance(element, ast.Name)}
        # processes found by psutil (``psutil.Process(pid)``, ``for p in psutil.process_iter()``)
        self.processes = self._receivers(lambda name: name in ("psutil.Process", "psutil.process_iter"),
                                         ) if "psutil" in source else set()
        # GitPython's command objects (``g = git.cmd.Git(working_dir=path)``, ``repo.git``):
        # ``g.reset(hard=True)`` runs ``git reset --hard``
        self.git_commands = self._receivers(lambda name: name in ("git.cmd.Git", "git.Git"), propagate=False) \
            if "Git(" in source else set()
        self.django = any(target.startswith("django.") for target in index.aliases.values())
        self.vsphere = any(target.startswith("pyVmomi") for target in index.aliases.values())
        if "objects" in source or "query" in source or "get_object_or_404" in source:
            self.orm = self._receivers(lambda name: name.endswith("get_object_or_404"), orm=True)
        self.outputs: dict[str, set[str]] | None = None
        self._cleanups: dict[int, set[str]] | None = None  # (see :meth:`_failed_steps_output`)
        self.bytecode_scopes: dict[str, bool] = {}
        self.querysets: set[tuple[str, str]] = set()
        self.queryset_functions: set[str] = set()
        self.rewritten_saves: dict[int, bool] = {}
        """``obj.save()`` after fields of a queryset's row were set: whether a data field was."""
        if (self.django or "objects" in source) and ("update" in source or "save" in source):
            self._find_querysets()

    # --- stored rows overwritten in place ---------------------------------------------------

    def _queryset(self, node: ast.expr, scope: str, depth: int = 0) -> bool:
        """A Django queryset: rooted in ``Model.objects``/a tracked queryset name, a chain of
        queryset methods (``metric.data.all()``, ``.filter(...)``), a name bound to one in this
        scope, or a call of a function of this file that returns one."""
        if depth > 8:
            return False
        if self._rooted(node, self.orm, orm=True):
            return True
        if isinstance(node, ast.IfExp):  # Model.objects.filter(ip=ip) if ip else Model.objects.all()
            return self._queryset(node.body, scope, depth + 1) or self._queryset(node.orelse, scope, depth + 1)
        if isinstance(node, ast.Call):
            func = node.func
            if self.django and isinstance(func, ast.Attribute) and func.attr in _QUERYSET_METHODS:
                return True
            if isinstance(func, ast.Name) and (helper := self.index.function(func.id, scope)) is not None:
                return self.index.qualname(helper) in self.queryset_functions
            return False
        if isinstance(node, ast.Name):
            while True:
                if (scope, node.id) in self.querysets:
                    return True
                if not scope:
                    return False
                scope = scope.rpartition(".")[0]
        return False

    def is_queryset(self, node: ast.expr, scope: str) -> bool:
        """Whether ``node`` (in ``scope``) is a Django queryset, as far as this file tells."""
        return self._queryset(node, scope)

    def _find_querysets(self) -> None:
        index = self.index
        for _ in range(3):
            for (scope, name), entries in index.assigns.items():
                if (scope, name) not in self.querysets and any(
                        op == "=" and self._queryset(value, scope) for _pos, op, value in entries):
                    self.querysets.add((scope, name))
            for scope, returns in index.returns.items():
                if scope not in self.queryset_functions and any(
                        ret.value is not None and self._queryset(ret.value, scope) for ret in returns):
                    self.queryset_functions.add(scope)
        for loop, scope in index.loops:  # for obj in <queryset>: obj.field = ...; obj.save()
            target = loop.target
            if not isinstance(target, ast.Name) or not self._queryset(loop.iter, scope):
                continue
            self._find_rewrites(target.id, loop.body, setters=True)
        # for line in rows: obj = Model.objects.get(...); obj.field = ...; obj.save(): stored rows
        # overwritten one by one (an import by key); one row edited once is a setting changed
        for (scope, name), entries in index.assigns.items():
            if "." in name or not any(op == "=" and self._fetched_row(value, scope)
                                      and self._in_loop(value, scope) for _pos, op, value in entries):
                continue
            function = index.functions.get(scope) if scope else None
            if function is not None:
                self._find_rewrites(name, function.body, setters=False)

    def _in_loop(self, node: ast.expr, scope: str) -> bool:
        line = getattr(node, "lineno", 0)
        return any(loop_scope == scope and loop.lineno < line <= (loop.end_lineno or loop.lineno)
                   for loop, loop_scope in self.index.loops)

    def _fetched_row(self, node: ast.expr, scope: str) -> bool:
        """``Model.objects.get(...)`` (``first()``, ``latest()``...): one stored row, read."""
        return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("get", "first", "last", "latest", "earliest")
                and (self._rooted(node.func.value, set(), orm=True) or self._queryset(node.func.value, scope)))

    def _find_rewrites(self, target: str, body: list[ast.stmt], *, setters: bool) -> None:
        """``target.field = ...`` then ``target.save()`` in ``body``: a rewritten save, and whether
        a field other than a bookkeeping marker was set (``set_password()`` too with ``setters``)."""
        changed = False
        data = False  # a field other than a bookkeeping marker was set
        names = {t.id: node.value for statement in body for node in ast.walk(statement)
                 if isinstance(node, ast.Assign) for t in node.targets if isinstance(t, ast.Name)}
        for node in (inner for statement in body for inner in ast.walk(statement)):
            if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for t in targets:
                    if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == target:
                        changed = True
                        data = data or not (bookkeeping_field(t.attr) or _flag_value(t.attr, node.value)
                                            or _made_from_itself(target, t.attr, node.value, names))
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and isinstance(node.func.value, ast.Name) and node.func.value.id == target):
                if setters and node.func.attr.startswith("set_"):
                    changed = data = True
                elif node.func.attr == "save" and changed:
                    self.rewritten_saves[id(node)] = data

    def _rooted(self, node: ast.expr, names: set[str], orm: bool = False) -> bool:
        for _ in range(32):
            if isinstance(node, ast.Attribute):
                if orm and (node.attr == "objects" or ((
                        # ``Election.public_objects``: a model's other manager; ``User.query``
                        node.attr in ("query", "_default_manager", "_base_manager") or node.attr.endswith("_objects"))
                        and isinstance(node.value, ast.Name) and node.value.id[:1].isupper())):
                    return True
                if names and dotted(node) in names:
                    return True
                node = node.value
            elif isinstance(node, ast.Call):
                if orm and isinstance(node.func, ast.Attribute) and node.func.attr == "query":
                    return True
                node = node.func
            elif isinstance(node, ast.Subscript):
                node = node.value
            elif isinstance(node, ast.Name):
                return node.id in names
            elif isinstance(node, ast.IfExp):  # A.objects.filter(x=x) if x else A.objects.all()
                return self._rooted(node.body, names, orm) or self._rooted(node.orelse, names, orm)
            else:
                return False
        return False

    def _receivers(self, accepts: Callable[[str], bool], propagate: bool = True, orm: bool = False,
                   cloud: bool = False) -> set[str]:
        """Names assigned (or bound by ``with ... as``/``for``) from a constructor ``accepts``
        takes, or, with ``propagate``, from an expression rooted in such a name."""
        names: set[str] = set()
        index = self.index
        # (a method, not a closure calling itself: that is a reference cycle, which kept this
        # finder and the module's syntax tree alive until the collector ran)
        produces = functools.partial(self._produces, accepts=accepts, names=names, propagate=propagate,
                                     orm=orm, cloud=cloud)

        for _ in range(2):
            for (_scope, name), entries in index.assigns.items():
                if name not in names and any(op == "=" and produces(value) for _pos, op, value in entries):
                    names.add(name)
            for item, _scope in index.withitems:
                if item.optional_vars is not None and (target := dotted(item.optional_vars)) and produces(item.context_expr):
                    names.add(target)
            for loop, _scope in index.loops:
                if (target := dotted(loop.target)) and propagate and produces(loop.iter):
                    names.add(target)
            if propagate:  # ``for m in Message.objects.filter(...): found.append(m)``: a list of them
                for call, _scope in index.calls:
                    if (isinstance(call.func, ast.Attribute) and call.func.attr in ("append", "add")
                            and isinstance(call.func.value, ast.Name) and len(call.args) == 1
                            and call.func.value.id not in names and produces(call.args[0])):
                        names.add(call.func.value.id)
        for function in index.functions.values():  # def reap(client: KubeClient, ...)
            arguments = function.args
            for arg in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs):
                if arg.annotation is not None and any(accepts(name) for name in self._annotation_names(arg.annotation)):
                    names.add(arg.arg)
        return names

    def _produces(self, value: ast.expr, *, accepts: Callable[[str], bool], names: set[str],
                  propagate: bool, orm: bool, cloud: bool) -> bool:
        """Whether ``value`` makes what ``accepts`` takes (see :meth:`_receivers`)."""
        index = self.index
        if isinstance(value, ast.Call) and (accepts(index.canonical(value.func) or "") or (
                cloud and _service_client(value))):
            return True
        if (isinstance(value, ast.Call) and value.args and isinstance(value.args[0], ast.Call)
                and (index.canonical(value.func) or "") in _PATH_WRAPPERS
                and accepts(index.canonical(value.args[0].func) or "")):
            return True  # ``pathlib.Path(tempfile.mkdtemp())``: the same thing, as a path
        if not propagate:
            return False
        if self._rooted(value, names, orm):
            return True
        if isinstance(value, ast.ListComp | ast.GeneratorExp | ast.SetComp) and isinstance(value.elt, ast.Name) \
                and any(isinstance(g.target, ast.Name) and g.target.id == value.elt.id
                        and self._produces(g.iter, accepts=accepts, names=names, propagate=propagate,
                                           orm=orm, cloud=cloud)
                        for g in value.generators):
            return True  # ``[v for v in ec2.volumes.all() if not v.attachments]``: the same items
        node = value
        while isinstance(node, ast.Attribute | ast.Call | ast.Subscript):  # boto3.resource("s3").Bucket(b)
            if isinstance(node, ast.Call):
                if accepts(index.canonical(node.func) or ""):
                    return True
                node = node.func
            else:
                node = node.value
        return False

    def _annotation_names(self, node: ast.expr) -> list[str]:
        """The class names an annotation mentions: ``KubeClient``, ``Optional[EC2Client]``,
        ``"S3Client"``, ``Client | None``."""
        found: list[str] = []
        for inner in ast.walk(node):
            if isinstance(inner, ast.Name | ast.Attribute):
                found.append(self.index.canonical(inner) or "")
            elif isinstance(inner, ast.Constant) and isinstance(inner.value, str):
                found.extend(re.findall(r"[A-Za-z_][\w.]*", inner.value))
        return found

    def _method_references(self) -> dict[tuple[str, str], list[ast.expr]]:
        """``fetch = session.delete``, ``run = functools.partial(subprocess.run, check=True)``:
        names bound to a function, so ``fetch(url)`` is classified as ``session.delete(url)``."""
        found: dict[tuple[str, str], list[ast.expr]] = {}
        for key, entries in self.index.assigns.items():
            values: list[ast.expr] = []
            for _pos, op, value in entries:
                if op != "=":
                    continue
                if (isinstance(value, ast.Call) and value.args
                        and self.index.canonical(value.func) == "functools.partial"):
                    value = value.args[0]
                if isinstance(value, ast.Attribute) or (
                        isinstance(value, ast.Name) and value.id in self.index.aliases):
                    values.append(value)
            if values:
                found[key] = values
        return found

    def _regenerable(self, node: ast.expr, scope: str, line: int) -> bool:
        """A path whose loss loses no data, as the command rules judge paths (a PID file, a cache,
        build output): a literal (``os.remove("/var/run/nginx.pid")``), or the variable of a loop
        over a glob of such names (``for path in glob.glob("*.egg-info"): shutil.rmtree(path)``)."""
        text = const_str(node)
        if text is not None:
            return is_cache_path(text)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            # ``(static / "ts" / ".tsbuildinfo.json").unlink()``: by the name it ends in
            last = const_str(node.right)
            return last is not None and "/" not in last.strip("/") and is_cache_path(last)
        if isinstance(node, ast.Name):
            for loop, loop_scope in self.index.loops:
                if (isinstance(loop.target, ast.Name) and loop.target.id == node.id and loop_scope == scope
                        and loop.lineno <= line <= (loop.end_lineno or loop.lineno)
                        and isinstance(loop.iter, ast.Call)
                        and (self.index.canonical(loop.iter.func) or "") in ("glob.glob", "glob.iglob")
                        and loop.iter.args and (pattern := const_str(loop.iter.args[0])) is not None
                        and is_cache_path(pattern)):
                    return True
        return False

    def _relinked(self, call: ast.Call, scope: str) -> bool:
        """``os.unlink(current); os.symlink(new, current)``: a symbolic link pointed elsewhere
        (the same function makes a link at the path it removed, after it): no data lost. Or
        the function reads the path as a link first (``cur = os.readlink(link)``, which fails
        on anything else): a link removed, its target kept."""
        if "symlink" not in self.source and "readlink" not in self.source:
            return False
        text = node_text(call.args[0])
        return any(other_scope == scope and (
            (other.lineno >= call.lineno and len(other.args) >= 2
             and (self.index.canonical(other.func) or "") == "os.symlink" and node_text(other.args[1]) == text)
            or (other.lineno < call.lineno and len(other.args) == 1
                and (self.index.canonical(other.func) or "") == "os.readlink" and node_text(other.args[0]) == text))
            for other, other_scope in self.index.calls)

    def _link_only(self, node: ast.expr, line: int) -> bool:
        """The path is a symbolic link where it is removed: the call is in the body of
        ``if os.path.islink(path):`` or ``if path.is_symlink():`` on the same expression. Removing
        a link loses no data (its target stays)."""
        if self.link_guards is None:
            guards: list[tuple[str, int, int]] = []
            if "islink" in self.source or "is_symlink" in self.source:
                for statement in ast.walk(self.index.tree):
                    if not isinstance(statement, ast.If) or not isinstance(statement.test, ast.Call):
                        continue
                    test = statement.test
                    name = self.index.canonical(test.func) or ""
                    if name == "os.path.islink" and test.args:
                        subject = node_text(test.args[0])
                    elif isinstance(test.func, ast.Attribute) and test.func.attr == "is_symlink":
                        subject = node_text(test.func.value)
                    else:
                        continue
                    end = max(getattr(child, "end_lineno", None) or child.lineno for child in statement.body)
                    guards.append((subject, statement.body[0].lineno, end))
            self.link_guards = guards
        text = node_text(node)
        return any(subject == text and first <= line <= last for subject, first, last in self.link_guards)

    def _named_in_tmp(self, call: ast.Call, scope: str) -> bool:
        """``os.unlink(FN)`` after ``FN = f"/tmp/check_pgsql_stats_py_{user}"``: a file of its own
        name in the system's temporary folder, the script's own (as a shell script's named entry
        under ``/tmp`` is); not a pattern (``/tmp/*``) nor a path a variable begins."""
        text = Resolver(self.index, scope, position(call)).text(call.args[0])
        return text is not None and _NAMED_IN_TMP.match(text) is not None

    def _temporary(self, node: ast.expr, scope: str) -> bool:
        """A path the script made with ``tempfile`` (its own scratch space: deleting it is not an
        effect), or one joined under such a path; or a file a loop takes from a pattern that only
        matches temporary files (``for f in glob.glob("harbor.yml.*.tmp")``)."""
        if isinstance(node, ast.Name) and "glob(" in self.source and node.id in self._temporary_globs():
            return True
        if isinstance(node, ast.Name) and _TEMP_NAME.match(node.id):
            return True  # ``os.unlink(temp_archive_name)``, ``tmpfile``: named as its own scratch file
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and _TEMP_FILE.match(
                node.value.rpartition("/")[2]):
            return True  # ``os.remove("data/temp.geojson")``: a file named as its scratch file
        if not self.temporary:
            return False
        for _ in range(8):
            if isinstance(node, ast.Call) and node.args and (self.index.canonical(node.func) or "").startswith(
                    ("os.path.join", "pathlib.Path", "Path", "str", "os.fspath")):
                node = node.args[0]  # (``shutil.rmtree(str(tempdir))``)
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div | ast.Add):
                node = node.left
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.FormattedValue):
                node = node.values[0].value
            elif isinstance(node, ast.Attribute) and node.attr == "name" and dotted(node.value) in self.temporary:
                return True
            else:
                break
        return dotted(node) in self.temporary

    def _temporary_globs(self) -> set[str]:
        if self.temp_globs is None:
            self.temp_globs = set(_TEMP_GLOB.findall(self.source))
        return self.temp_globs

    # --- the script's own output ------------------------------------------------------------

    def _own_output(self, node: ast.expr, scope: str) -> bool:
        """A path the same function (or the module) wrote earlier as its own output: opened for
        writing (``open(x, "wb")``, ``gzip.open``, ``tarfile.open(x, "w:gz")``), made by
        ``shutil.make_archive``, named by ``-o x`` in a command, or returned by a function of this
        file that did so. Deleting it (after uploading it, say) loses nothing."""
        if self.outputs is None:
            self.outputs = self._find_outputs()
        if isinstance(node, ast.Call) and node.args and (self.index.canonical(node.func) or "") in (
                "pathlib.Path", "Path"):
            node = node.args[0]
        text = node_text(node)
        while True:
            if text in self.outputs.get(scope, ()):
                return True
            if not scope:
                return False
            scope = scope.rpartition(".")[0]

    def _failed_steps_output(self, call: ast.Call) -> bool:
        """``try: HttpFile(uri, data, dst_path).save_to_file() except Exception: os.remove(dst_path);
        raise``: what the failed step had begun to write, removed before its error is raised
        again: a name the ``try`` body hands on, removed in a handler that re-raises."""
        argument = call.args[0]
        if not isinstance(argument, ast.Name):
            return False
        if self._cleanups is None:
            self._cleanups = {}
            for node in ast.walk(self.index.tree):
                if not isinstance(node, ast.Try):
                    continue
                used = {n.id for statement in node.body for n in ast.walk(statement) if isinstance(n, ast.Name)}
                for handler in node.handlers:
                    if any(isinstance(statement, ast.Raise) for statement in handler.body):
                        for inner in ast.walk(handler):
                            if isinstance(inner, ast.Call):
                                self._cleanups[id(inner)] = used
        return argument.id in self._cleanups.get(id(call), ())

    def _globbed_own_files(self, node: ast.expr, scope: str) -> bool:
        """``for f in glob(f"{name}-version-*"): os.remove(f)`` then ``open(version_file, "w")``
        with ``version_file`` named ``f"{name}-version-{v}"``: the stamp files the function
        writes itself, the older ones removed. The glob's pattern, its values as ``*``, matches
        the name of a file the same function opens for writing."""
        if not isinstance(node, ast.Name):
            return False
        pattern = next((_name_shape(loop.iter.args[0]) for loop, where in self.index.loops
                        if where == scope and isinstance(loop.target, ast.Name) and loop.target.id == node.id
                        and isinstance(loop.iter, ast.Call) and loop.iter.args
                        and (self.index.canonical(loop.iter.func) or "") in ("glob.glob", "glob.iglob")), None)
        if not pattern or not pattern.strip("*?"):
            return False
        for call, where in self.index.calls:
            if where != scope or (self.index.canonical(call.func) or "") not in _OPENERS or not call.args:
                continue
            mode = const_str(call.args[1] if len(call.args) > 1 else keywords(call).get("mode")) or ""
            if "w" not in mode and "x" not in mode:
                continue
            target: ast.expr | None = call.args[0]
            if isinstance(target, ast.Name):
                entries = self.index.assigns.get((scope, target.id), [])
                target = entries[0][2] if len(entries) == 1 else None
            if isinstance(target, ast.Call) and target.args and (
                    self.index.canonical(target.func) or "") == "os.path.join":
                target = target.args[-1]
            written = _name_shape(target) if target is not None else None
            if written and fnmatch.fnmatchcase(written.replace("*", "X"), pattern):
                return True
        return False

    def _find_outputs(self) -> dict[str, set[str]]:
        index = self.index
        outputs: dict[str, set[str]] = {}
        for call, scope in index.calls:
            name = index.canonical(call.func) or ""
            path: ast.expr | None = None
            if name in _OPENERS and call.args:
                mode = const_str(call.args[1] if len(call.args) > 1 else keywords(call).get("mode")) or ""
                if "w" in mode or "x" in mode:
                    path = call.args[0]
            elif name == "venv.create" and call.args:
                path = _unwrapped_path(call.args[0], index)
            elif name in ("shutil.copy", "shutil.copyfile", "shutil.copy2", "shutil.move", "os.rename",
                          "os.replace") and len(call.args) > 1:
                path = call.args[1]  # the copy the script made is its own
            elif name == "os.open" and len(call.args) > 1 and "O_CREAT" in self.source:
                path = call.args[0]  # ``os.open(f, O_WRONLY | O_CREAT | O_TRUNC)``: rewritten
            elif isinstance(call.func, ast.Attribute) and call.func.attr in ("write", "add") and call.args \
                    and _ARCHIVE_NAME.search(node_text(call.func.value)):
                path = call.args[0]  # ``zipf.write(f"tmp/{f}")``, ``tar.add(p)``: kept in the archive
            elif name in _SUBPROCESS and call.args and isinstance(call.args[0], ast.List):
                words = call.args[0].elts
                for before, after in itertools.pairwise(words):
                    # ``curl -o X``; ``python -m venv X`` / ``virtualenv X`` make the script's own venv
                    if const_str(before) in ("-o", "--output", "-O", "--output-document", "venv", "virtualenv"):
                        outputs.setdefault(scope, set()).add(node_text(_unwrapped_path(after, index)))
            if path is not None:
                outputs.setdefault(scope, set()).add(node_text(path))
        for _ in range(2):
            producing = {scope for scope, returns in index.returns.items() if any(
                ret.value is not None and node_text(ret.value) in outputs.get(scope, ()) for ret in returns)}
            for (scope, target), entries in index.assigns.items():
                for _pos, op, value in entries:
                    if op != "=" or not isinstance(value, ast.Call):
                        continue
                    called = index.canonical(value.func) or ""
                    helper = index.function(value.func.id, scope) if isinstance(value.func, ast.Name) else None
                    if called == "shutil.make_archive" or (helper is not None and index.qualname(helper) in producing):
                        outputs.setdefault(scope, set()).add(target)
        return outputs

    def _bytecode_cleaner(self, scope: str) -> bool:
        """Deletes in a function that picks files by ``.pyc``/``.pyo``/``__pycache__``: byte-code
        caches Python regenerates, not data."""
        if scope not in self.bytecode_scopes:
            function = self.index.functions.get(scope)
            self.bytecode_scopes[scope] = function is not None and any(
                isinstance(node, ast.Constant) and isinstance(node.value, str) and _BYTECODE.search(node.value)
                for node in ast.walk(function))
        return self.bytecode_scopes[scope]

    def effects(self) -> list[Effect]:
        references = self._method_references()
        for call, scope in self.index.calls:
            before = len(self.found)
            try:
                self._classify(call, scope)
                func = call.func
                if isinstance(func, ast.Name) and len(self.found) == before and references:
                    targets = references.get((scope, func.id)) or references.get(("", func.id)) or []
                    for target in targets:
                        self._classify(ast.copy_location(ast.Call(target, call.args, call.keywords), call), scope)
                    for effect in self.found[before:]:
                        effect.confidence = "medium" if effect.confidence == "high" else effect.confidence
            except RecursionError:
                self.warnings.append(f"line {call.lineno}: nested too deeply to resolve")
            if scope:
                for effect in self.found[before:]:
                    effect.via = effect.via or scope
        self._command_constants()
        lowered = self.source.lower()
        if any(word in lowered for word in _SQL_HEAD_WORDS) and _SQL_HEAD.search(self.source):
            self._sql_handed_on()
        if (self.cloud or self.clients) and _UNCALLED_DELETE.search(self.source):
            self._deleting_callbacks()
        if "delete" in self.source or "destroy" in self.source or "purge" in self.source:
            self._deleting_arguments()
        unique: dict[tuple[str, str, int], Effect] = {}
        for effect in sorted(self.found, key=lambda effect: effect.line):
            unique.setdefault((effect.kind, effect.call, effect.line), effect)
        return [_regenerated(effect, self.source) for effect in unique.values()]

    def _sql_handed_on(self) -> None:
        """An SQL statement written in one place and executed in another: ``execute_query(engine,
        "batches", f"DELETE FROM batches WHERE {cond}")`` where ``execute_query`` runs
        ``conn.execute(text(query))``. In a module that executes SQL it cannot read (a
        parameter), a string that starts as a statement is reported where it is written, at
        medium confidence; one already found at its line is not repeated."""
        seen = {effect.line for effect in self.found if effect.kind == "sql"}
        executes = [call for call, _scope in self.index.calls  # those whose SQL was not read
                    if isinstance(call.func, ast.Attribute) and call.func.attr in _SQL_METHODS
                    and (given := call.args[0] if call.args else next(
                        (k.value for k in call.keywords if k.arg == "QueryString"), None)) is not None
                    and not isinstance(given, ast.Constant | ast.JoinedStr)
                    and call.lineno not in seen]
        if not executes:
            return
        said = {id(argument) for call, _scope in self.index.calls for argument in call.args
                if (call.func.attr if isinstance(call.func, ast.Attribute) else
                    call.func.id if isinstance(call.func, ast.Name) else "") in _SAYING}
        for node in ast.walk(self.index.tree):
            if id(node) in said:  # print("DELETE FROM ... is what --purge does"): a message
                continue
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
            elif isinstance(node, ast.JoinedStr):
                text = "".join(part.value if isinstance(part, ast.Constant) and isinstance(part.value, str)
                               else "x" for part in node.values)
            else:
                continue
            if node.lineno in seen or not _SQL_HEAD.match(text.lstrip()):
                continue
            verdict = classify_sql(text, self.source)
            if verdict is not None:
                seen.add(node.lineno)
                self.found.append(Effect("sql", verdict, node_text(node), node.lineno, "medium"))

    def _deleting_callbacks(self) -> None:
        """A client's deleting method handed over uncalled, to be called elsewhere:
        ``pool.map(s3.delete_object, keys)``, ``actions = [(kube.core.delete_namespaced_job,
        ...)]`` then ``delete_func(name, namespace)``."""
        called = {id(call.func) for call, _scope in self.index.calls}
        # (an attribute further along a chain is a resource, not a method: ``cf.zones.purge_cache``
        # in ``cf.zones.purge_cache.post(zone)``)
        chained = {id(node.value) for node in ast.walk(self.index.tree) if isinstance(node, ast.Attribute)}
        for node in ast.walk(self.index.tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load) and id(node) not in called
                    and id(node) not in chained and _CLOUD_DESTRUCTIVE.match(node.attr)
                    and (self._cloud_rooted(node.value) or self._rooted(node.value, self.clients))):
                self.found.append(Effect("cloud", True, node_text(node), node.lineno, "medium"))

    def _command_constants(self) -> None:
        """A command kept in a module constant to be run later (``DEFAULT_REMOVAL_COMMAND =
        ["rm", "-fR"]``, ``PURGE_CMD = "kubectl delete ns"``): reported where it is written, at
        ``low`` confidence when destructive (where it runs is not followed)."""
        for (scope, name), entries in self.index.assigns.items():
            if scope or not name.isupper() or not _COMMAND_CONSTANT.search(name):
                continue
            for _position, op, value in entries:
                words: list[str] | str | None = None
                if op == "=" and isinstance(value, ast.List | ast.Tuple) and value.elts and all(
                        isinstance(item, ast.Constant) and isinstance(item.value, str) for item in value.elts):
                    words = [str(item.value) for item in value.elts]  # type: ignore[attr-defined]
                elif op == "=" and (text := const_str(value)) is not None and " " in text.strip():
                    words = text
                if words is None:
                    continue
                for effect in classify_command(words, line=value.lineno, confidence="low"):
                    if effect.destructive:
                        self.found.append(effect)

    def _deleting_arguments(self) -> None:
        """Any object's ``delete`` method handed to a call to be run there
        (``call_and_ignore_exc(exc, manager.delete, resource)``, ``executor.submit(obj.destroy)``):
        a guess at what the object is, so ``low``."""
        for call, scope in self.index.calls:
            for argument in (*call.args, *(keyword.value for keyword in call.keywords)):
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str) and \
                        _REMOTE_DELETE.match(argument.value) and (
                        call.func.attr if isinstance(call.func, ast.Attribute) else
                        call.func.id if isinstance(call.func, ast.Name) else "") not in _SAYING:
                    # ``call_xenapi(session, 'VDI.destroy', ref)``: an RPC method named by a string
                    self.found.append(Effect("call", True, sanitize_call(node_text(call)), call.lineno,
                                             "medium", via=scope or None))
                    break
                if (isinstance(argument, ast.Attribute) and _HANDED_DELETE.match(argument.attr)
                        and not (isinstance(argument.value, ast.Name) and argument.value.id in self.index.aliases)):
                    self.found.append(Effect("call", True, node_text(argument), argument.lineno, "low",
                                             via=scope or None))

    def _signal(self, call: ast.Call, scope: str) -> None:
        """``os.kill(pid, sig)``/``os.killpg``: terminating a process is destructive; a signal that
        asks it to reload, report or pause (HUP, USR1, USR2, CONT, STOP, WINCH) is mutating and
        signal 0 only checks that it exists. Stopping the process a PID file names (a daemon's
        own ``stop``, as an init script does) is mutating."""
        node = call.args[1] if len(call.args) > 1 else keywords(call).get("sig") or keywords(call).get("signal")
        known, value = literal_value(self.index, node) if node is not None else (False, None)
        name = (self.index.canonical(node) or "") if node is not None and not known else ""
        if known and value == 0:
            return
        signal = name.rpartition(".")[2].removeprefix("SIG") if name else ""
        if (signal in _GENTLE_SIGNALS or (known and value in (1, 10, 12, 18, 19, 28))
                or self._from_pid_file(call.args[0], scope) or self._own_child(call.args[0], scope)):
            self._add("command", False, call)
        elif signal in _TERMINATING_SIGNALS or (known and isinstance(value, int)):
            self._add("command", True, call)
        else:  # a signal chosen at run time (``-k SIGNAL``)
            self._add("command", True, call, "medium")

    def _from_pid_file(self, node: ast.expr, scope: str) -> bool:
        """A pid read from a PID file: ``int(open(pidfile).read())``, ``Path(x.pid).read_text()``,
        or a name the same function assigned only such values."""
        def reads_pid_file(value: ast.expr) -> bool:
            text = node_text(value)
            return bool(re.search(r"pid", text, re.IGNORECASE)) and bool(
                re.search(r"\bopen\(|\.read_text\(|\.read\(|readline", text))

        if reads_pid_file(node):
            return True
        if not isinstance(node, ast.Name):
            return False
        # ``for pid_file, pid in pid_files(server):``: a loop over what PID files hold
        if any(isinstance(loop.target, ast.Tuple | ast.Name) and loop_scope == scope
               and node.id in {n.id for n in ast.walk(loop.target) if isinstance(n, ast.Name)}
               and re.search(r"pid_?file", self._iterated_text(loop.iter, scope), re.IGNORECASE)
               for loop, loop_scope in self.index.loops):
            return True
        values = [value for _pos, op, value in self.index.assigns.get((scope, node.id), ())
                  if op == "="]
        return bool(values) and all(reads_pid_file(value) for value in values)

    def _own_container(self, call: ast.Call, scope: str) -> bool:
        """``container = cli.create_container(image, ...)`` ... ``cli.remove_container(
        container.get('Id'))``: the argument starts from a name the same function assigned only
        from its own ``create_container``/``containers.run``/``containers.create``."""
        argument = call.args[0] if call.args else keywords(call).get("container")
        root = argument
        while isinstance(root, ast.Call | ast.Attribute | ast.Subscript):
            root = root.func if isinstance(root, ast.Call) else root.value
        if not isinstance(root, ast.Name):
            return False
        values = [value for _pos, op, value in self.index.assigns.get((scope, root.id), ()) if op == "="]
        return bool(values) and all(isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute)
                                    and (value.func.attr == "create_container" or (
                                        value.func.attr in ("run", "create")
                                        and (dotted(value.func.value) or "").endswith("containers")))
                                    for value in values)

    def _made_container(self, node: ast.expr, scope: str) -> bool:
        """``container.kill()`` of a container the script made: a name assigned only from a
        ``create_container``/``containers.run``/``containers.create`` call (the SDK's, or a
        method of the script's own of that name), or the variable of a loop over a list filled
        only with such names (``containers.append(kibana)``), in the same function."""
        def made(value: ast.expr) -> bool:
            return isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and (
                value.func.attr in ("create_container", "run_container") or (
                    value.func.attr in ("run", "create") and (dotted(value.func.value) or "").endswith("containers")))

        def assigned_made(name: str) -> bool:  # (or None: ``proxy = None`` when none is needed)
            values = [value for _pos, op, value in self.index.assigns.get((scope, name), ()) if op == "="
                      and not (isinstance(value, ast.Constant) and value.value is None)]
            return bool(values) and all(made(value) for value in values)

        if not isinstance(node, ast.Name):
            return False
        if assigned_made(node.id):
            return True
        lists = {loop.iter.id for loop, loop_scope in self.index.loops
                 if loop_scope == scope and isinstance(loop.target, ast.Name) and loop.target.id == node.id
                 and isinstance(loop.iter, ast.Name)}
        for listed in lists:
            added = [call.args[0] for call, where in self.index.calls
                     if where == scope and isinstance(call.func, ast.Attribute) and call.func.attr == "append"
                     and isinstance(call.func.value, ast.Name) and call.func.value.id == listed and len(call.args) == 1]
            if added and all(isinstance(item, ast.Name) and assigned_made(item.id) for item in added):
                return True
        return False

    def _own_child(self, node: ast.expr, scope: str) -> bool:
        """The pid of a process the script started: ``proc.pid`` of its own ``subprocess.Popen``,
        or a loop over its children (``for pid in get_children()`` where that lists ``ps
        --ppid=<own pid>``, ``psutil.Process().children()``): stopping it stops its own work."""
        text = node_text(node)
        if text.endswith(".pid"):
            receiver = text[:-4]
            return any((self.index.canonical(value.func) or "") == "subprocess.Popen"
                       for (_where, target), entries in self.index.assigns.items() if target == receiver
                       for _pos, op, value in entries if op == "=" and isinstance(value, ast.Call))
        if not isinstance(node, ast.Name):
            return False
        return any(loop_scope == scope and isinstance(loop.target, ast.Name) and loop.target.id == node.id
                   and re.search(r"(?i)\bchild(?:ren)?\b|_child(?:ren)?\b|child_", self._iterated_text(loop.iter, scope))
                   for loop, loop_scope in self.index.loops)

    def _iterated_text(self, node: ast.expr, scope: str) -> str:
        """What a loop walks, as written, through one name (``pfiles = pid_files(server)``)."""
        if isinstance(node, ast.Name):
            values = [value for _pos, op, value in self.index.assigns.get((scope, node.id), ()) if op == "="]
            if len(values) == 1:
                return node_text(values[0])
        return node_text(node)

    def _add(self, kind: EffectKind, destructive: bool, call: ast.Call, confidence: Confidence = "high") -> None:
        self.found.append(Effect(kind, destructive, node_text(call), call.lineno, confidence))

    def _spark_overwrite(self, call: ast.Call, attr: str) -> bool:
        """Whether a Spark writer call overwrites: its ``mode`` (argument or keyword) is
        ``"overwrite"``, or a value the script may set to it (the literal is in the module)."""
        mode = call.args[0] if attr == "mode" and call.args else keywords(call).get("mode")
        if mode is None:
            return False
        text = const_str(mode)
        return text == "overwrite" if text is not None else "'overwrite'" in self.source or '"overwrite"' in self.source

    def _vsphere(self, call: ast.Call, func: ast.Attribute, attr: str) -> None:
        """VMware's vSphere SDK (pyVmomi): a managed object's ``Destroy_Task``, ``RemoveSnapshot_Task``,
        ``RevertToSnapshot_Task``, ``DeleteVStorageObject_Task``, ``RemovePortGroup``... lose what
        they name; ``Destroy()`` only drops a container view or filter of the script's own. A
        ``ReconfigVM_Task`` with a device ``Operation.remove`` takes a device off the VM: a
        network adapter, its MAC and binding, gone; a disk whose file stays (no ``fileOperation``
        ``destroy``) is detached, a change."""
        if attr == "ReconfigVM_Task":
            if ".Operation.remove" not in self.source:
                self._add("cloud", False, call, "medium")
                return
            kept_disk = "VirtualDisk" in self.source and "FileOperation.destroy" not in self.source
            self._add("cloud", not kept_disk, call, "medium")
            return
        if attr == "Destroy" and not call.args:
            # (``view.Destroy()``, ``container.Destroy()``, ``pcfilter.Destroy()``: a container
            # view or property filter of the script's session; an entity is deleted by Destroy_Task)
            self._add("cloud", False, call, "medium")
            return
        self._add("cloud", True, call)

    def _deleting_method_named(self, name: str, scope: str) -> bool:
        """Whether ``name`` holds a method fetched by a name that starts with a deleting verb
        (``getattr(client, "delete_" + kind)``, ``getattr(api, f"destroy_{kind}")``)."""
        for _position, op, value in self.index.assigns.get((scope, name), ()):
            if op == "=" and isinstance(value, ast.Call) and isinstance(value.func, ast.Name) \
                    and value.func.id == "getattr" and len(value.args) >= 2:
                attribute = value.args[1]
                first = attribute
                while isinstance(first, ast.BinOp):
                    first = first.left
                if isinstance(first, ast.JoinedStr) and first.values:
                    first = first.values[0]
                text = const_str(first) if isinstance(first, ast.Constant) else None
                if text and _DELETING_PREFIX.match(text):
                    return True
        return False

    def _classify(self, call: ast.Call, scope: str) -> None:
        func = call.func
        name = self.index.canonical(func) or ""
        attr = func.attr if isinstance(func, ast.Attribute) else None
        if attr and ("delete" in attr.lower() or "remove" in attr.lower()) and any(
                keyword.arg in _WITH_DATA and literal(keyword.value)[1] is True for keyword in call.keywords):
            # ``qbt_client.torrents_delete(torrent_hashes=h, delete_files=True)``: whatever the
            # client is, the call says the data goes with the record
            self._add("cloud", True, call, "medium")
            return
        if attr and attr.startswith("delete_namespaced_") and attr != "delete_namespaced_custom_object" \
                and call.args and isinstance(call.args[0], ast.Name) \
                and f"create_namespaced_{attr.removeprefix('delete_namespaced_')}(" in self.source:
            # the Kubernetes client's ``delete_namespaced_secret(secret_name, ns)`` in a script that
            # creates that kind itself (``create_namespaced_secret(ns, body)``): the temporary
            # secret, pod or claim of its own run, cleaned up (not a custom object, which may be
            # of any kind: snapshots made by this run and pruned from older ones alike)
            self._add("cloud", False, call, "medium")
            return
        if name in ("os.rmdir", "os.removedirs") or (attr == "rmdir" and isinstance(func, ast.Attribute)):
            # an empty directory only (``rmdir`` refuses one that holds anything): nothing is lost
            self._add("file-delete", False, call)
        elif name in _FILE_DELETE:
            if call.args and (self._link_only(call.args[0], call.lineno) or self._relinked(call, scope)
                              or self._regenerable(call.args[0], scope, call.lineno)
                              or _PID_OR_SOCKET.search(node_text(call.args[0]))):
                # (a PID, socket or lock file, ``os.unlink(pid_file)``: run-time state, a change)
                self._add("file-delete", False, call)
            elif not ((call.args and (self._temporary(call.args[0], scope) or self._own_output(call.args[0], scope)
                                      or self._globbed_own_files(call.args[0], scope)
                                      or self._named_in_tmp(call, scope) or self._failed_steps_output(call)))
                      or self._bytecode_cleaner(scope)):
                self._add("file-delete", True, call)
        elif name in _FILE_MOVE:
            self._add("file-write", False, call)
        elif attr == "truncate" and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                and (not call.args or (isinstance(call.args[0], ast.Constant) and call.args[0].value == 0)) \
                and self._opened_file(func.value.id):
            # ``with open(db_file, "w") as f: f.truncate()``: the file's content, gone (after
            # ``f.seek(0)``, the idiom of a file read and written back updated, or after
            # ``f.write(new)``, which cuts what is left of the old content: a rewrite)
            opened = max((item.context_expr.lineno for item, _scope in self.index.withitems
                          if isinstance(item.optional_vars, ast.Name) and item.optional_vars.id == func.value.id
                          and item.context_expr.lineno <= call.lineno), default=0)
            handle = func.value.id
            rewrite = any(where == scope and (
                (isinstance(other.func, ast.Attribute) and isinstance(other.func.value, ast.Name)
                 and other.func.value.id == handle and (
                     (other.func.attr == "seek" and other.lineno <= call.lineno)
                     or (other.func.attr == "write" and opened <= other.lineno <= call.lineno)))
                # (``yaml.dump(config, f)`` then ``f.truncate()``: written through the handle)
                or (opened <= other.lineno <= call.lineno and other is not call and any(
                    isinstance(arg, ast.Name) and arg.id == handle
                    for arg in (*other.args, *(k.value for k in other.keywords)))))
                for other, where in self.index.calls)
            self._add("file-write", not rewrite, call, "medium")
        elif isinstance(func, ast.Name) and self._deleting_method_named(func.id, scope):
            # ``delete_method = getattr(self._client, "delete_" + resource_type)`` then
            # ``delete_method(name=...)``: an SDK's deleting method, chosen by name
            self._add("cloud", True, call, "medium")
        elif name and isinstance(func, ast.Name) and _API_MODULE_DELETE.match(name):
            # ``from mitol.hubspot_api.api import delete_object_property``: a service's API
            # wrapper, called by a name that says what it does to the service's objects
            self._add("http", True, call, "medium")
        elif name in _DATABASE_DROPS or (attr == "drop_all" and isinstance(func, ast.Attribute)):
            # ``sqlalchemy_utils.drop_database(url)``; ``db.drop_all()`` (Flask-SQLAlchemy),
            # ``Base.metadata.drop_all(engine)``: every table, and what they held
            self._add("sql", True, call, "high" if name in _DATABASE_DROPS else "medium")
        elif attr == "push" and isinstance(func, ast.Attribute) and any(
                k.arg in ("force", "f") and isinstance(k.value, ast.Constant) and k.value.value is True
                for k in call.keywords) and "git" in self.source:
            # GitPython: ``repo.git.push(remote, branch, force=True)``, ``origin.push(force=True)``
            self._add("command", True, call, "medium")
        elif attr in _GIT_VERBS and isinstance(func, ast.Attribute) and (
                (dotted(func.value) or "").endswith(".git") or dotted(func.value) in self.git_commands):
            # GitPython: a command object's method runs that git command, keywords as options
            # (``clean(force=True, d=True, x=True)``: ``git clean --force -d -x``)
            argv = ["git", attr.replace("_", "-"), *_git_options(call)]
            found = _commands.classify_argv(argv, line=call.lineno, confidence="medium")
            if found is not None:
                self._add(found.kind, found.destructive, call, "medium")
        elif name in ("os.kill", "os.killpg") and call.args:
            self._signal(call, scope)
        elif attr == "remove" and isinstance(func, ast.Attribute) and call.args \
                and (dotted(func.value) or "").endswith(".query"):
            # Ming (MongoDB) ``Notification.query.remove({...})``: the documents it matches deleted
            # (derived ones, ``{'type': 'thumbnail'}``, are made again: a change)
            self._add("orm", not _DERIVED_ROWS.search(node_text(call)), call, "medium")
        elif attr is not None and attr.startswith(("update", "find_one_and_update")) and _UNSETS.search(
                node_text(call)) and any(_unsets(arg) for arg in (*call.args, *(k.value for k in call.keywords))):
            # ``query.update(q, {"$unset": {field: True}})``: a stored field removed from the documents
            self._add("orm", True, call, "medium")
        elif attr in _ODOO_METHODS and isinstance(func, ast.Attribute) and "env[" in self.source \
                and _odoo_model(func.value):
            # Odoo: ``env["res.partner"].search(domain).unlink()`` deletes the records,
            # ``.write({...})`` and ``env["ir.config_parameter"].set_param(k, v)`` overwrite
            # stored values in place; ``.create({...})`` adds one
            self._add("orm", attr != "create", call, "medium")
        elif attr in ("kill", "terminate") and isinstance(func, ast.Attribute) and self.processes \
                and self._rooted(func.value, self.processes):
            # ``psutil.Process(pid).kill()``: a process the script found, ended
            self._add("command", True, call)
        elif name in _OPENERS or attr == "open":
            self._open(call, name)
        elif attr in ("write_text", "write_bytes") and isinstance(func, ast.Attribute):
            self._add("file-write", False, call, "high" if self._path_like(func) else "medium")
        elif attr in _OPENSTACK_VERBS and isinstance(func, ast.Attribute) and _OPENSTACK_MANAGER.search(
                dotted(func.value) or ""):
            # an OpenStack client's resource manager (``shell.nova.servers.delete(id)``,
            # ``cinder.volume_snapshots.delete(s.id)``), however the client reached the script
            self._add("cloud", attr in _OPENSTACK_DELETES, call, "medium")
        elif name.startswith("django.core.files.storage.") and attr in ("delete", "save"):
            self._add("file-delete" if attr == "delete" else "file-write", attr == "delete", call)
        elif attr == "delete" and len(call.args) == 1 and isinstance(func, ast.Attribute) and re.search(
                r"(?:^|[._])(?:\w+_)?storage$", dotted(func.value) or ""):
            # ``self.media_storage.delete(name)``, ``default_storage.delete(path)``: a Django-style
            # storage, reached through the object that holds it
            self._add("file-delete", True, call, "medium")
        elif (attr == "unlink" and isinstance(func, ast.Attribute) and not name.startswith("os.")
              and not self._temporary(func.value, scope) and not self._own_output(func.value, scope)
              and not self._bytecode_cleaner(scope)):
            # (``(static / "ts" / ".tsbuildinfo.json").unlink()``: a compiler's build state)
            self._add("file-delete", not self._regenerable(func.value, scope, call.lineno), call,
                      "high" if self._path_like(func) else "medium")
        elif (attr in _TASK_CONTEXT_RUNS and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
              and self._task_context(func.value.id, scope)):
            # ``c.run("kind delete cluster")`` in an invoke or Fabric task: a shell command line
            self._command(call, scope, "", "exec_command")
        elif (name in _SUBPROCESS or name in _SHELL_STRING or name in _EXEC_ARGV or name in _EXEC_LIST
              or name == "asyncio.create_subprocess_exec" or name.startswith(("sh.", "plumbum."))
              or isinstance(func, ast.Subscript) or attr == "exec_command"
              or (isinstance(func, ast.Call) and "Command" in self.source)):
            self._command(call, scope, name, attr)
        elif attr in _SPARK_WRITES and isinstance(func, ast.Attribute) and ".write" in (node_text(func.value) or "") \
                and self._spark_overwrite(call, attr):
            # a DataFrame written over what the path or table held (``.mode("overwrite")``,
            # ``.parquet(out, mode="overwrite")``, or a mode an option sets to "overwrite")
            self._add("file-write", True, call, "medium")
        elif attr and self.vsphere and isinstance(func, ast.Attribute) and (
                _VSPHERE_DESTROYS.match(attr) or attr == "ReconfigVM_Task"):
            self._vsphere(call, func, attr)
        elif (attr and isinstance(func, ast.Attribute) and self._cloud(call, func, attr, scope)) or (
                (attr in _HTTP_WRITES or attr == "request" or name in _URLLIB) and self._http(call, name, attr, scope)) \
                or (attr in _RUNNER_METHODS and call.args and self._argv_runner(call, scope)) \
                or self._http_wrapper(call, func, scope):
            pass
        elif attr in _SQL_METHODS or (name.startswith("sqlalchemy") and name.endswith(".text")):
            self._sql(call, scope)
        elif name in ("sqlalchemy.delete", "sqlalchemy.update", "sqlalchemy.insert"):
            self._add("orm", name == "sqlalchemy.delete", call)
        elif attr == "edit" and isinstance(func, ast.Attribute) and "github" in self.source \
                and literal(keywords(call).get("force"))[1] is True:
            # PyGithub's ``ref.edit(sha=new.sha, force=True)``: a branch or tag moved to a
            # commit that need not follow it, as ``git push --force`` does
            self._add("cloud", True, call, "medium")
        elif attr in _QUEUE_PURGES and isinstance(func, ast.Attribute):
            # AMQP/Celery: queued messages dropped for good (``channel.queue_purge(name)``)
            self._add("cloud", True, call, "medium")
        elif attr == "_raw_delete" and isinstance(func, ast.Attribute):  # Django's delete, no signals
            self._add("orm", not self._derived(func.value), call, "medium")
        elif attr in _OBJECT_STORE_DELETES and isinstance(func, ast.Attribute) and _OBJECT_STORE.search(
                dotted(func.value) or ""):
            self._add("cloud", True, call, "medium")
        elif isinstance(func, ast.Attribute) and (
                attr == "delete_by_query" or (attr == "delete" and (dotted(func.value) or "").endswith(
                    ("indices", "indexes")))):
            # Elasticsearch/OpenSearch: ``client.indices.delete(index)``, ``delete_by_query``
            self._add("http", True, call, "medium")
        elif isinstance(func, ast.Attribute) and (attr in _MONGO_DROPS or (
                attr == "drop" and not call.args and not call.keywords and _mongo_collection(func.value))):
            # MongoDB: ``client.drop_database(name)``, ``db.drop_collection(name)``,
            # ``db[NAME].drop()`` (a collection and its documents, gone)
            self._add("orm", True, call, "medium")
        elif any(kw.arg == "write_disposition" and _truncates(kw.value) for kw in call.keywords):
            # BigQuery: a job that empties its destination table before writing to it
            # (``QueryJobConfig(write_disposition=WriteDisposition.WRITE_TRUNCATE)``), even
            # when only one branch of the value does (an ``--overwrite`` option)
            self._add("cloud", True, call, "medium")
        elif attr == "mode" and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Attribute) \
                and func.value.attr == "write" and len(call.args) == 1:
            # Spark's ``df.write.mode("overwrite")``: what the destination held is replaced;
            # a mode from an option is the overwrite the script spells out as its choice
            mode = const_str(call.args[0])
            spelled = "'overwrite'" in self.source or '"overwrite"' in self.source
            self._add("file-write", mode == "overwrite" or (mode is None and spelled), call, "medium")
        elif attr == "delete" and isinstance(func, ast.Attribute) and self._search_index(func.value):
            # elasticsearch-dsl/opensearch-dsl ``Index(name).delete()``: the whole index, as
            # ``client.indices.delete(index=name)``
            self._add("http", True, call, "medium")
        elif attr == "delete" and isinstance(func, ast.Attribute) and {"index", "id"} <= {
                kw.arg for kw in call.keywords}:
            # a search client's ``conn.delete(index=alias, id=doc_id)``: one document, made from
            # the data it indexes, as the search-index rows above: a change, not data lost
            self._add("http", False, call, "medium")
        elif attr in _ORM_METHODS:
            self._orm(call, attr or "", scope)
        elif attr and _DELETING_PREFIX.match(attr) and isinstance(func, ast.Attribute) and (
                dotted(func.value) or "").endswith(".objects") and self.django:
            # ``CreditCard.objects.delete_unused()``: a model manager's own deleting method
            self._add("orm", True, call, "medium")

    def _task_context(self, name: str, scope: str) -> bool:
        """Whether ``name`` is the context (or connection) an invoke or Fabric ``@task`` gets as
        its first parameter, in that task's body."""
        if "invoke" not in self.source and "fabric" not in self.source:
            return False
        function = self.index.functions.get(scope.split(".")[0]) if scope else None
        if function is None or not (function.args.posonlyargs or function.args.args):
            return False
        first = [*function.args.posonlyargs, *function.args.args][0].arg
        return first == name and any(
            (self.index.canonical(d.func if isinstance(d, ast.Call) else d) or "") in TASK_DECORATORS
            for d in function.decorator_list)

    def _path_like(self, func: ast.Attribute) -> bool:
        receiver = func.value
        if isinstance(receiver, ast.Call):
            return self.index.canonical(receiver.func) in ("pathlib.Path", "Path")
        if isinstance(receiver, ast.BinOp) and isinstance(receiver.op, ast.Div):
            return True
        return dotted(receiver) in self.paths

    def _opened_file(self, name: str) -> bool:
        """Whether ``name`` is bound by ``with open(...) as name`` in this module."""
        return any(isinstance(item.optional_vars, ast.Name) and item.optional_vars.id == name
                   and isinstance(item.context_expr, ast.Call)
                   and (self.index.canonical(item.context_expr.func) or "") in _OPENERS
                   for item, _scope in self.index.withitems)

    def _open(self, call: ast.Call, name: str) -> None:
        if name in _OPENERS:
            mode_node = call.args[1] if len(call.args) > 1 else keywords(call).get("mode")
            confidence: Confidence = "high"
        elif isinstance(call.func, ast.Attribute) and self._path_like(call.func):
            mode_node = call.args[0] if call.args else keywords(call).get("mode")
            confidence = "medium" if isinstance(call.func.value, ast.Name) else "high"
        else:
            return
        mode = const_str(mode_node) or ""
        if any(letter in mode for letter in "wax+"):
            self._add("file-write", False, call, confidence)

    def _argv_runner(self, call: ast.Call, scope: str) -> bool:
        """A project's or a library's own runner handed a command as a list of words
        (``utils.execute(["ipset", "destroy", name], run_as_root=True)``,
        ``self.run_command(cmd)`` after ``cmd = ["kubectl", "delete", ...]``): read as that
        command, at medium confidence, when its first word is a program with a rule. A string
        (``cursor.execute("DELETE ...")``) is left to the SQL reader."""
        if not self._a_list(call.args[0], scope):
            return False
        resolver = Resolver(self.index, scope, position(call))
        words = resolver.words(call.args[0])
        if not words or len(words) < 2 or not _PROGRAM.fullmatch(words[0].rsplit("/", 1)[-1]):
            return False
        self.found.extend(classify_command(words, line=call.lineno, confidence="medium"))
        return True

    def _a_list(self, node: ast.expr, scope: str, depth: int = 0) -> bool:
        """Whether ``node`` is a list of words: written as one, joined from one, or a name
        assigned one (in this scope or the module's)."""
        if isinstance(node, ast.List | ast.Tuple):
            return True
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and depth < 3:
            return self._a_list(node.left, scope, depth + 1) or self._a_list(node.right, scope, depth + 1)
        if isinstance(node, ast.Name) and depth < 3:
            for where in (scope, ""):
                entries = self.index.assigns.get((where, node.id))
                if entries:
                    return any(op == "=" and self._a_list(value, scope, depth + 1)
                               for _position, op, value in entries)
        return False

    def _command(self, call: ast.Call, scope: str, name: str, attr: str | None) -> None:
        resolver = Resolver(self.index, scope, position(call))
        kw = keywords(call)
        target: list[str] | str | None
        label = name or attr or "command"
        confidence: Confidence = "high"
        command_node: ast.expr | None = None
        as_text = True
        if name in _SUBPROCESS:
            command_node = call.args[0] if call.args else kw.get("args")
            if command_node is None:
                return
            target = resolver.command(command_node)
            as_text = literal(kw.get("shell"))[1] is True
            if (isinstance(command_node, ast.List | ast.Tuple) and len(command_node.elts) == 1
                    and isinstance(command_node.elts[0], ast.Name)
                    and self._through_callers(command_node, scope, as_text)):
                return  # ``def run(cmd): subprocess.run([cmd], shell=True)``: each caller's command
            if (isinstance(command_node, ast.Name) and (spec := command_parameter(
                    self.index, command_node, scope, as_text)) is not None and spec.prefix
                    and self._through_callers(command_node, scope, as_text)):
                return  # ``cmd = ["git"] + list(args); subprocess.run(cmd)``: git and each caller's words
            if as_text and isinstance(target, list):
                target = " ".join(target)
        elif name in _SHELL_STRING or attr == "exec_command":
            if not call.args:
                return
            command_node = call.args[0]
            target = resolver.text(command_node)
            if name == "pexpect.spawn" and target is not None and len(call.args) > 1:
                target = [*split_command(target), *(resolver.words(call.args[1]) or ["<expr>"])]
            confidence = "medium" if attr == "exec_command" else "high"
        elif name in _EXEC_ARGV:
            slot = _EXEC_ARGV[name]
            target = resolver.words(call.args[slot]) if len(call.args) > slot else None
        elif name in _EXEC_LIST:
            slot = _EXEC_LIST[name]
            arguments = call.args[slot:-1] if name.endswith("e") else call.args[slot:]
            target = [resolver.word(arg) for arg in arguments] or None
        elif name == "asyncio.create_subprocess_exec":
            words: list[str] = []
            for arg in call.args:
                if isinstance(arg, ast.Starred):
                    words.extend(resolver.words(arg.value) or [resolver.word(arg.value)])
                else:
                    words.append(resolver.word(arg))
            target = words or None
        else:
            target = self._sh_or_plumbum(call, resolver, name)
            if target is None:
                return
            confidence = "medium"
        if target is None or target == []:
            if command_node is not None and self._through_callers(command_node, scope, as_text):
                return
            self.found.append(Effect("command", False, sanitize_call(f"{label}(<expr>)"), call.lineno, "low"))
            self.warnings.append(f"line {call.lineno}: {label}(<expr>): command not resolved statically")
            return
        if resolver.indirect and confidence == "high":
            confidence = "medium"
        found = classify_command(target, line=call.lineno, confidence=confidence)
        words = split_command(target) if isinstance(target, str) else target
        if "input" in kw and name in _SUBPROCESS:
            found += self._fed_commands(words, resolver.text(kw["input"]), call.lineno, confidence)
        if any(e.destructive for e in found) and self._removes_own_output(words, scope):
            found = [replace(e, destructive=False, call=sanitize_call(e.call + " (its own output)"))
                     for e in found]
        program, at = command_program(words)
        verb = next((w for w in words[at + 1:] if not w.startswith("-")), None) if program == "git" else None
        if verb in ("clone", "init"):
            self.cloned.add(scope)
        elif verb in _LOCAL_GIT_VERBS and scope in self.cloned and any(e.destructive for e in found):
            # ``git clone URL``, ``os.chdir(NAME)``, then ``git reset --hard``, ``git clean -fxd``:
            # the checkout the script made itself (a push from it is judged as any other)
            found = [replace(e, destructive=False, call=sanitize_call(e.call + " (its own clone)"))
                     for e in found]
        self.command_outputs.setdefault(scope, set()).update(path_key(w) for w in command_outputs(words))
        self.found.extend(found)

    @staticmethod
    def _fed_commands(words: list[str], fed: str | None, line: int, confidence: Confidence) -> list[Effect]:
        """What a program reads as commands from the ``input=`` it is handed: ``setkey -c`` fed
        ``"delete SRC DST esp 0x...;"`` (or ``spddelete``, ``flush``, ``spdflush``) deletes IPsec
        associations or policies; a shell fed a script runs that script."""
        program, at = command_program(words)
        if not fed:
            return []
        if program == "setkey" and "-c" in words[at + 1:]:
            verbs = {part.split(None, 1)[0] for part in fed.split(";") if part.strip()}
            if verbs & {"delete", "deleteall", "spddelete", "flush", "spdflush"}:
                return [Effect("command", True, sanitize_call(f"setkey -c <<< {fed.strip()}"), line, confidence)]
            return []
        if program in ("sh", "bash", "dash", "zsh") and len(words) == at + 1:
            return classify_command(fed, line=line, confidence=confidence)
        return []

    def _removes_own_output(self, words: list[str], scope: str) -> bool:
        """``os.system(f"rm {db_file}")`` after ``os.system(f"pg_dump ... --file={db_file}")``,
        ``rm -rf {repo}`` after ``git clone URL/{repo}.git``: an ``rm`` of what an earlier
        command of the same function wrote (by the shell scan's reading of each command's
        outputs), after uploading or reading it."""
        program, at = command_program(words)
        if program != "rm":
            return False
        operands = [path_key(w) for w in words[at + 1:] if not w.startswith("-")]
        made = self.command_outputs.get(scope, set())
        return bool(operands) and all(operand in made for operand in operands)

    def _through_callers(self, node: ast.expr, scope: str, as_text: bool) -> bool:
        """A wrapper (``def run(cmd): subprocess.run(cmd, shell=True)``): the command is each
        call site's argument, classified at the call site's line (medium confidence)."""
        spec = command_parameter(self.index, node, scope, as_text)
        if spec is None:
            return False
        self.command_parameters.setdefault(scope, spec)
        if self.sites is None:  # built once, on the first wrapper: (name, is a method call) -> calls
            self.sites = {}
            for site, site_scope in self.index.calls:
                func = site.func
                if isinstance(func, ast.Name):
                    self.sites.setdefault((func.id, False), []).append((site, site_scope))
                elif (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                      and func.value.id in ("self", "cls")):
                    self.sites.setdefault((func.attr, True), []).append((site, site_scope))
        resolved = False
        for site, site_scope in self.sites.get((scope.rpartition(".")[2], spec.method), []):
            target = command_at_site(self.index, site, site_scope, spec)
            if target is not None:
                found = classify_command(target, line=site.lineno, confidence="medium")
                if any(e.destructive for e in found) and self._own_prefixed(site, site_scope):
                    found = [replace(e, destructive=False) for e in found]
                self.found.extend(found)
                resolved = True
        return resolved

    def _own_prefixed(self, site: ast.Call, scope: str) -> bool:
        """``for branch in filter(lambda x: x.startswith(PREFIX), branches): run("git branch -D
        %s" % branch)`` where the script names what it makes with ``PREFIX`` itself (``"%s_PR_%s"
        % (PREFIX, num)``): it deletes only its own (a merge tool's temporary branches)."""
        if not site.args:
            return False
        used = {n.id for n in ast.walk(site.args[0]) if isinstance(n, ast.Name)}
        for loop, loop_scope in self.index.loops:
            if (loop_scope != scope or not isinstance(loop.target, ast.Name) or loop.target.id not in used
                    or not loop.lineno <= site.lineno <= (loop.end_lineno or loop.lineno)):
                continue
            prefixes = {dotted(c.args[0]) for c in ast.walk(loop.iter) if isinstance(c, ast.Call)
                        and isinstance(c.func, ast.Attribute) and c.func.attr == "startswith"
                        and c.args and dotted(c.args[0])}
            if prefixes and all(self._names_with(p) for p in prefixes if p):
                return True
        return False

    def _names_with(self, prefix: str) -> bool:
        """``prefix`` (a constant's name) is formatted into names the script makes: a ``%`` or
        an f-string or ``.format()`` with it, elsewhere than in a ``startswith``."""
        for node in ast.walk(self.index.tree):
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant):
                parts = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
            elif isinstance(node, ast.JoinedStr):
                parts = [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and node.func.attr == "format" and isinstance(node.func.value, ast.Constant)):
                parts = list(node.args)
            else:
                continue
            if any(dotted(part) == prefix for part in parts):
                return True
        return False

    def _sh_or_plumbum(self, call: ast.Call, resolver: Resolver, name: str) -> list[str] | None:
        """``sh.rm("-rf", path)``, ``sh.Command("x")(...)``, plumbum's ``rm["-rf", path]()`` and
        ``local["rm"][...]()``."""
        func = call.func
        base: list[str] | None = None
        if name.startswith("sh.") and name.count(".") == 1 and name[3:] not in _SH_SPECIAL:
            base = [name[3:].replace("_", "-")]
        elif name.startswith("plumbum.cmd.") and name.count(".") == 2:
            base = [name[12:]]
        elif isinstance(func, ast.Subscript):
            base = self._plumbum_command(func, resolver)
        elif isinstance(func, ast.Call) and self.index.canonical(func.func) in ("sh.Command", "plumbum.local.get"):
            base = [resolver.word(func.args[0])] if func.args else None
        if base is None:
            return None
        words = [resolver.word(arg) for arg in call.args if not isinstance(arg, ast.Starred)]
        for keyword in call.keywords:
            if keyword.arg and not keyword.arg.startswith("_"):
                flag = ("-" if len(keyword.arg) == 1 else "--") + keyword.arg.replace("_", "-")
                words.append(flag if literal(keyword.value)[1] is True else f"{flag}={resolver.word(keyword.value)}")
        return base + words

    def _plumbum_command(self, node: ast.expr, resolver: Resolver) -> list[str] | None:
        if isinstance(node, ast.Subscript):
            inner = node.value
            elements = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            if self.index.canonical(inner) == "plumbum.local":
                return [resolver.word(node.slice)]
            base = self._plumbum_command(inner, resolver)
            return None if base is None else base + [resolver.word(element) for element in elements]
        name = self.index.canonical(node) or ""
        return [name[12:]] if name.startswith("plumbum.cmd.") else None

    def _cloud_rooted(self, node: ast.expr) -> bool:
        if self.cloud and self._rooted(node, self.cloud):
            return True
        while isinstance(node, ast.Attribute | ast.Subscript | ast.Call):
            if isinstance(node, ast.Call):  # boto3.client("s3").delete_bucket(...)
                name = self.index.canonical(node.func) or ""
                return (name.startswith(_CLOUD_MODULES) and bool(_CLOUD_FACTORY.search(name))) or _service_client(node)
            node = node.value
        return False

    def _cloud(self, call: ast.Call, func: ast.Attribute, attr: str, scope: str = "") -> bool:
        """A cloud SDK call: any mutating method of a client/resource made by the SDK (high), or
        a method whose name only a cloud SDK has (medium)."""
        if attr == "put_item" and self._rewrites_a_read_row(call):
            # ``for row in scan(table): ...; client.put_item(TableName=t, Item=row)``: each row
            # read back over itself, changed: stored rows overwritten in place (DynamoDB's call,
            # however the client reached the script)
            self._add("cloud", True, call, "medium")
            return True
        if self._cloud_rooted(func.value):
            if _CLOUD_UNDOABLE.match(attr) or (attr == "delete" and not call.args
                                               and self._received_message(func.value)) or (
                    "cache" in (dotted(func) or "").lower()):
                # (and a cache's entries, ``cf.zones.purge_cache.delete(zone)``: fetched again)
                # the thing itself stays: register it again, re-send (a message acknowledged)
                self._add("cloud", False, call)
                return True
            if attr == "change_resource_record_sets" and _deletes_a_record(call):
                self._add("cloud", True, call)  # a Route 53 change batch with a DELETE
                return True
            function = self.index.functions.get(scope) if scope else None
            if attr == "change_resource_record_sets" and function is not None and _deletes_a_record(function):
                # ``changes.append({"Action": "DELETE", ...})`` then ``ChangeBatch={"Changes": changes}``
                self._add("cloud", True, call, "medium")
                return True
            if _CLOUD_DESTRUCTIVE.match(attr) or _CLOUD_NAMED_DESTRUCTIVE.match(attr):
                # (``release_address``: the address is gone; ``remove_container(c.get('Id'))`` of
                # a container the script created itself: its own, a change)
                self._add("cloud", not ((attr == "remove_container" and self._own_container(call, scope)) or (
                    attr in ("kill", "remove", "stop") and self._made_container(func.value, scope))), call)
                return True
            if _CLOUD_MUTATING.match(attr):
                self._add("cloud", False, call)
                return True
            return False
        if self.http and self._rooted(func.value, self.http):
            return False
        if self.clients and (_CLOUD_DESTRUCTIVE.match(attr) or _RPC_METHOD_DELETE.match(attr)) \
                and self._rooted(func.value, self.clients):
            # (``client.admin_conversations_delete(channel_id=c)``: an RPC-style API's method,
            # namespaces first and the verb last)
            self._add("cloud", not _CLOUD_UNDOABLE.match(attr), call, "medium")
            return True
        receiver = (dotted(func.value) or "").lower().split(".") if isinstance(func.value, ast.Attribute | ast.Name) else (
            # ``runner.make_emr_client().terminate_job_flows(...)``: the client a factory makes
            [made] if isinstance(func.value, ast.Call) and (made := (dotted(func.value.func) or "").lower().rpartition(
                ".")[2]).endswith(("_client", "_conn", "_connection")) else [])
        if _CLOUD_NAMED_DESTRUCTIVE.match(attr) or (
                _CONNECTION_DELETE.match(attr) and receiver and _connection_named(receiver[-1])) or (
                _RPC_METHOD_DELETE.match(attr) and len(receiver) > 1 and receiver[-1] == "action"
                and _connection_named(receiver[-2])):
            # (and a deleting method of an object named as a service's connection or client:
            # ``self.rpcm.conn.delete_check(check)``, ``api.destroy_server(id)``,
            # ``emr_client.terminate_job_flows(...)``; an action of an RPC client's ``action``
            # namespace, verb last: ``api.action.organization_member_delete(...)``, CKAN's)
            self._add("cloud", True, call, "medium")
            return True
        if _CLOUD_NAMED_MUTATING.match(attr):
            self._add("cloud", False, call, "medium")
            return True
        return False

    def _http(self, call: ast.Call, name: str, attr: str | None, scope: str) -> bool:
        kw = keywords(call)
        if name in _URLLIB:
            method = (const_str(kw.get("method")) or "").upper()
            has_data = len(call.args) > 1 or "data" in kw
            if method in ("POST", "PUT", "PATCH", "DELETE") or (has_data and not method):
                self._add("http", method == "DELETE", call, "low" if "method" in kw and not method else "high")
            return True
        module_call = name.partition(".")[0] in _HTTP_MODULES and name.count(".") == 1
        receiver = isinstance(call.func, ast.Attribute) and bool(self.http) and self._rooted(call.func.value, self.http)
        if not (module_call or receiver):
            if attr == "request" and len(call.args) > 1 and (const_str(call.args[0]) or "") in _WRITING_METHODS \
                    and self._api_path(call.args[1], scope):
                # ``await rc.request("DELETE", f"/Metadata/{uuid}")``: a REST client of any kind,
                # given a writing HTTP method, in capitals, and a path of the API or a URL
                self._add("http", const_str(call.args[0]) == "DELETE", call, "medium")
                return True
            if attr in _HTTP_WRITES and self._url_argument(call, scope):
                self._add("http", self._http_write(call, attr, scope), call, "medium")
                return True
            return False
        if attr == "request":
            method_node = call.args[0] if call.args else kw.get("method")
            method = (const_str(method_node) or "").upper()
            if not method and method_node is not None and not isinstance(method_node, ast.Constant):
                method = (Resolver(self.index, scope, position(call)).text(method_node) or "").upper()
            if method in ("POST", "PUT", "PATCH", "DELETE"):
                self._add("http", method == "DELETE", call)
            elif method == "GET":
                pass
            elif not method and method_node is not None and not isinstance(method_node, ast.Constant) and (
                    named := set(_HTTP_METHOD_LITERAL.findall(self.source))):
                # ``for verb, member in calls: requests.request(verb, url)``, the verbs written
                # out elsewhere in the script (``('DELETE', ...)`` in a list of actions)
                self._add("http", "DELETE" in named, call, "medium")
            elif not method:
                self._add("http", False, call, "low")
        elif attr in _HTTP_WRITES:
            self._add("http", self._http_write(call, attr, scope), call)
        return True

    def _url_text(self, call: ast.Call, scope: str) -> tuple[ast.expr | None, str]:
        """The URL argument of an HTTP call (the first, or ``url=``) and its text as far as it
        is known here ("" when none of it is)."""
        argument = call.args[0] if call.args else keywords(call).get("url")
        if argument is None:
            return None, ""
        return argument, Resolver(self.index, scope, position(call)).text(argument) or ""

    def _http_write(self, call: ast.Call, attr: str, scope: str) -> bool:
        """Whether an HTTP write deletes: its method is DELETE, or it POSTs to an RPC-style method
        that deletes, named at the end of the URL's path (``requests.post("https://slack.com/api/
        admin.emoji.remove", ...)``)."""
        return _HTTP_WRITES[attr] or (attr == "post" and _RPC_PATH_DELETE.search(self._url_text(call, scope)[1])
                                      is not None)

    def _http_wrapper(self, call: ast.Call, func: ast.expr, scope: str) -> bool:
        """``github_api(path, method="DELETE")``, ``self.issue_request(path, 'DELETE')``: a
        function (or a method of the same class) of the script that takes the HTTP method as a
        parameter named ``method`` (and hands it to its request), called with a writing one."""
        if isinstance(func, ast.Name):
            function, skip = self.index.function(func.id, scope), 0
        elif (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
              and func.value.id in ("self", "cls") and "." in scope):
            function, skip = self.index.functions.get(f"{scope.partition('.')[0]}.{func.attr}"), 1
        else:
            return False
        if function is None:
            return False
        method = (const_str(keywords(call).get("method")) or "").upper()
        positional = [arg.arg for arg in (*function.args.posonlyargs, *function.args.args)][skip:]
        if not method and "method" in positional and positional.index("method") < len(call.args):
            method = (const_str(call.args[positional.index("method")]) or "").upper()
        if method not in ("POST", "PUT", "PATCH", "DELETE") or not any(
                arg.arg == "method" for arg in (*function.args.args, *function.args.kwonlyargs)):
            return False
        self._add("http", method == "DELETE", call, "medium")
        return True

    def _api_path(self, argument: ast.expr, scope: str) -> bool:
        """A literal (or formatted) path of an HTTP API, ``/Bundles/{uuid}``, or a URL."""
        text = Resolver(self.index, scope, position(argument)).text(argument) or ""
        return text.startswith(("/", "http://", "https://")) and " " not in text

    def _url_argument(self, call: ast.Call, scope: str) -> bool:
        """The first argument of a call on an unknown client is a URL: a literal ``http(s)://``
        string, or a value whose name says ``url``/``endpoint``."""
        argument, text = self._url_text(call, scope)
        if argument is None:
            return False
        if text.startswith(("http://", "https://")):
            return True
        if isinstance(argument, ast.JoinedStr | ast.BinOp):
            argument = next((node.value for node in ast.walk(argument) if isinstance(node, ast.FormattedValue)),
                            argument.left if isinstance(argument, ast.BinOp) else argument)
        name = (dotted(argument) or "").rpartition(".")[2].lower()
        return any(word in name for word in ("url", "uri", "endpoint"))

    def _sql(self, call: ast.Call, scope: str) -> None:
        kw = keywords(call)
        argument = call.args[0] if call.args else next(
            (kw[key] for key in ("sql", "statement", "operation", "query", "QueryString") if key in kw), None)
        if argument is None or (isinstance(argument, ast.Call) and not isinstance(argument.func, ast.Attribute)):
            return
        resolver = Resolver(self.index, scope, position(call))
        text = resolver.text(argument)
        if text is None:
            return
        verdict = classify_sql(text, self.source)
        if verdict is not None:
            self._add("sql", verdict, call, "medium" if resolver.indirect else "high")

    def _rewrites_a_read_row(self, call: ast.Call) -> bool:
        """``put_item(Item=row)`` where ``row`` is the variable of a loop over what the script
        read (a scan, a query, a page of items): a row written back over itself."""
        item = next((kw.value for kw in call.keywords if kw.arg == "Item"), None)
        return isinstance(item, ast.Name) and any(
            isinstance(loop.target, ast.Name) and loop.target.id == item.id for loop, _scope in self.index.loops)

    def _search_index(self, receiver: ast.expr) -> bool:
        """``Index("name")`` of elasticsearch-dsl or opensearch-dsl, or a name assigned one."""
        values = [receiver]
        if isinstance(receiver, ast.Name):
            values = [value for (_scope, name), entries in self.index.assigns.items()
                      if name == receiver.id for _position, op, value in entries if op == "="]
        return any(isinstance(value, ast.Call) and _SEARCH_INDEX.match(self.index.canonical(value.func) or "")
                   for value in values)

    def _derived(self, receiver: ast.expr) -> bool:
        """Rows that are made from other data and made again when missing: image renditions,
        thumbnails, cached oEmbed responses, search-index entries (``Rendition.objects.all()``,
        ``embeds``, ``thumbnail``). Deleting them loses nothing."""
        texts = [node_text(receiver)]
        if isinstance(receiver, ast.Name):  # ``for t in Thumbnail.objects.all(): t.delete()``
            texts += [node_text(loop.iter) for loop, _scope in self.index.loops
                      if isinstance(loop.target, ast.Name) and loop.target.id == receiver.id]
            texts += [node_text(value) for (_scope, name), entries in self.index.assigns.items()
                      if name == receiver.id for _position, op, value in entries if op == "="]
        return any(_DERIVED_ROWS.search(text) for text in texts)

    def _received_message(self, receiver: ast.expr, depth: int = 0) -> bool:
        """``for msg in queue.receive_messages(...)`` (or a name it was assigned to): a queued
        message, whose ``delete()`` acknowledges it as consumed, as ``delete_message`` does."""
        if not isinstance(receiver, ast.Name) or depth > 2:
            return False
        sources = [loop.iter for loop, _scope in self.index.loops
                   if isinstance(loop.target, ast.Name) and loop.target.id == receiver.id]
        sources += [value for (_scope, name), entries in self.index.assigns.items()
                    if name == receiver.id for _position, op, value in entries if op == "="]
        return any((isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("receive_messages", "receive_message"))
                   or self._received_message(node, depth + 1) for node in sources)

    def _orm(self, call: ast.Call, attr: str, scope: str) -> None:
        receiver = call.func.value  # type: ignore[attr-defined]
        session = (dotted(receiver) or "").rpartition(".")[2].lower().endswith("session")
        if session and not (self.http and self._rooted(receiver, self.http)):
            if attr == "delete" and len(call.args) == 1 and const_str(call.args[0]) is None:
                self._add("orm", True, call)
                return
            if attr in _SESSION_MUTATING:
                self._add("orm", False, call, "medium")
                return
        chained = bool(self.orm or "objects" in self.source or "query" in self.source) and self._rooted(
            receiver, set(), orm=True)
        tracked = not chained and bool(self.orm) and self._rooted(receiver, self.orm, orm=True)
        if not (chained or tracked) and (id(call) in self.rewritten_saves or (
                attr in ("update", "bulk_update") and bool(self.querysets or self.queryset_functions)
                and self._queryset(receiver, scope))):
            tracked = True
        if not (chained or tracked):
            if self.django and attr in ("delete", "save") and not call.args and not (
                    self.http and self._rooted(receiver, self.http)):
                self._add("orm", attr == "delete" and not self._derived(receiver), call, "low")  # a model instance
            return
        confidence: Confidence = "high" if chained else "medium"
        if attr == "update" and ((call.keywords and not call.args) or (  # queryset.update(field=...): rows overwritten
                chained and len(call.args) == 1 and isinstance(call.args[0], ast.Dict))):  # SQLAlchemy query.update({})
            values = call.args[0] if call.args else None
            fields = [kw.arg for kw in call.keywords] if call.keywords or not isinstance(values, ast.Dict) else [
                const_str(key) if key is not None else None for key in values.keys]
            # only bookkeeping: a status/state marker, timestamps, derived ``_cache`` fields: not data lost
            # (nor a flag set to True or False, a counter shifted, or empty fields filled)
            given = {kw.arg: kw.value for kw in call.keywords if kw.arg}
            self._add("orm", not (all(bookkeeping_field(field) or _flag_value(field, given.get(field or ""))
                                      for field in fields) or _fills_empty(receiver)), call, confidence)
        elif attr == "bulk_update":
            self._add("orm", True, call, "medium")
        elif id(call) in self.rewritten_saves:
            self._add("orm", self.rewritten_saves[id(call)], call, "medium")
        elif attr == "delete" and not call.args:
            self._add("orm", not self._derived(receiver), call, confidence)
        elif (attr == "save" and tracked) or attr in _ORM_MUTATING:
            self._add("orm", False, call, confidence)
