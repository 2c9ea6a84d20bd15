"""Files a configuration tool installs on a host under a path of their own, read before the
callers are: Ansible's ``template`` and ``copy`` tasks (``src: firewall.sh``, ``dest:
/usr/local/sbin/firewall``) and Salt's ``file.managed`` states (``- name: /var/lib/backup.bash``,
``- source: salt://bugs/files/backup.bash``) and Puppet's ``file`` resources (``'/opt/bin/clean':
source => 'puppet:///modules/docker/clean'``). A systemd unit or a cron file installed beside such a script names
it by that path (``ExecStart=/usr/local/sbin/firewall``), and a cron table installed into
``/etc/cron.d`` is one whatever its name in the repository (``cron_cleanup_disk_space.j2``).

A line reader, not a YAML parser: task files are Jinja templates as much as YAML
(``dest: {{ path }}`` unquoted does not load), and only two keys of one module are wanted.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from opsctl.adopt.caller_refs import compact_templates, read_text

_MODULE = re.compile(r"^(?P<indent>[ \t]*)(?:-[ \t]+)?(?:ansible\.(?:builtin|legacy)\.)?"
                     r"(?P<module>template|copy|win_template|win_copy):[ \t]*(?P<rest>.*?)[ \t]*$")
_KEY = re.compile(r"^(?P<indent>[ \t]*)(?P<key>src|dest):[ \t]*(?P<value>.*?)[ \t]*$")
_TRAILING_COMMENT = re.compile(r"\s+#.*$")
_INLINE = re.compile(r"\b(src|dest)=(\"[^\"]*\"|'[^']*'|\S+)")
_CRON_DESTINATIONS = ("/etc/cron.d/", "/etc/crontab", "/var/spool/cron/")


def ansible_deployments(root: Path, task_files: Sequence[str], files: Sequence[str]
                        ) -> dict[str, tuple[str, str]]:
    """Installed path -> (the file of the tree a task installs there, the task's file), from
    the YAML files ``task_files`` (the first task read wins); ``files``: every file kept. A
    source named by a loop variable (``src: "{{ item }}"``) is not followed."""
    known = frozenset(files)
    deployed: dict[str, tuple[str, str]] = {}
    for path in task_files:
        text = read_text(root / path)
        if text is None or "dest" not in text or "src" not in text:
            continue
        for module, src, dest in _installs(text):
            if "{{" in src or not dest:
                continue
            source = _source_file(path, module, src, known)
            if source is None:
                continue
            if dest.endswith("/"):  # into a folder: the file keeps its name, less a template's suffix
                dest += posixpath.basename(src).removesuffix(".j2")
            deployed.setdefault(compact_templates(dest), (source, path))
    return deployed


def cron_tables(deployed: dict[str, tuple[str, str]]) -> set[str]:
    """The files installed as cron tables."""
    return {source for dest, (source, _) in deployed.items() if dest.startswith(_CRON_DESTINATIONS)}


def _installs(text: str) -> Iterator[tuple[str, str, str]]:
    """(module, src, dest) of each ``template``/``copy`` task, block or ``k=v`` form."""
    lines = text.splitlines()
    for number, line in enumerate(lines):
        match = _MODULE.match(line)
        if not match:
            continue
        module, rest = match.group("module"), match.group("rest")
        values: dict[str, str] = {}
        if rest and not rest.startswith("#"):
            values = {key: value.strip("\"'") for key, value in _INLINE.findall(rest)}
        else:
            indent = len(match.group("indent")) + (2 if line.lstrip().startswith("-") else 0)
            for following in lines[number + 1:]:
                if not following.strip() or following.lstrip().startswith("#"):
                    continue
                if len(following) - len(following.lstrip()) <= indent:
                    break
                key = _KEY.match(following)
                if key:  # (a plain value ends at a comment: ``src: x.sh  # in files/``)
                    value = key.group("value")
                    value = value if value.startswith(("'", '"')) else _TRAILING_COMMENT.sub("", value)
                    values.setdefault(key.group("key"), value.strip("\"'"))
        if "src" in values and "dest" in values:
            yield module.removeprefix("win_"), values["src"], values["dest"]


def _source_file(task_file: str, module: str, src: str, known: frozenset[str]) -> str | None:
    """The file ``src`` names, as Ansible looks it up: the role's ``templates/`` (``copy``:
    ``files/``) folder, then beside the task file and in its ``templates``/``files`` folders."""
    if src.startswith("/"):
        return None
    here = posixpath.dirname(task_file)
    first, second = ("templates", "files") if module == "template" else ("files", "templates")
    folders: list[str] = []
    parents = task_file.split("/")[:-1]
    for marker in ("tasks", "handlers"):
        if marker in parents:  # ``roles/common/tasks/networking.yml``: the role is ``roles/common``
            role = "/".join(parents[:len(parents) - 1 - parents[::-1].index(marker)])
            folders += [posixpath.join(role, first), posixpath.join(role, second), role]
    folders += [posixpath.join(here, first), posixpath.join(here, second), here]
    for folder in folders:
        candidate = posixpath.normpath(posixpath.join(folder, src))
        if candidate in known:
            return candidate
    return None


# -- Salt ---------------------------------------------------------------------------------------
_SALT_STATE_ID = re.compile(r"^(?P<id>[^\s#{%][^:]*):\s*$")
_SALT_FUNCTION = re.compile(r"^[ \t]+(?P<function>[a-z_]+\.[a-z_]+):\s*$")
_SALT_ARGUMENT = re.compile(r"^[ \t]+-[ \t]+(?P<key>[a-z_]+):[ \t]*(?P<value>.*?)[ \t]*$")


def salt_states(text: str) -> Iterator[tuple[str, int, str, dict[str, tuple[str, int]]]]:
    """The states of a Salt ``.sls`` file, read line by line (it is a Jinja template as much as
    YAML): (id, line of the function, function such as ``cron.present``, {argument: (value,
    line)}). Functions that are alternatives of one another (``{% if %} cron.present: ...
    {% else %} cron.absent: {% endif %}``) share their arguments, those written after the
    ``{% endif %}`` included."""
    groups: list[list[tuple[str, int, str, dict[str, tuple[str, int]]]]] = []
    state_id: str | None = None
    alternative = False  # an ``{% else %}``/``{% elif %}`` since the last function
    for number, line in enumerate(text.splitlines(), 1):
        if (named := _SALT_STATE_ID.match(line)) is not None:
            state_id, alternative = named.group("id").strip().strip("\"'"), False
            groups.append([])
        elif re.match(r"^\s*\{%-?\s*(?:else|elif)\b", line):
            alternative = True
        elif (function := _SALT_FUNCTION.match(line)) is not None and state_id is not None:
            if groups[-1] and not alternative:
                groups.append([])
            groups[-1].append((state_id, number, function.group("function"), {}))
            alternative = False
        elif (argument := _SALT_ARGUMENT.match(line)) is not None and groups and groups[-1]:
            groups[-1][-1][3].setdefault(argument.group("key"), (argument.group("value").strip("\"'"), number))
    for group in groups:
        shared: dict[str, tuple[str, int]] = {}
        for *_, arguments in group:
            for key, value in arguments.items():
                shared.setdefault(key, value)
        for name, number, run, _arguments in group:
            yield name, number, run, shared


def by_trailing_path(tail: str, files: Sequence[str]) -> list[str]:
    """The files of the tree a configuration tool names by a path under its own tree
    (``salt://aws/files/x.sh``, ``puppet:///modules/M/x``): those ending with ``tail``."""
    return [f for f in files if f == tail or f.endswith("/" + tail)]


def salt_deployments(root: Path, state_files: Sequence[str], files: Sequence[str]) -> dict[str, tuple[str, str]]:
    """Installed path -> (the file of the tree a ``file.managed`` state installs there, the
    state file): ``- source: salt://bugs/files/x.bash`` names a file by its path under the
    state tree, found here by that trailing path (one file only)."""
    deployed: dict[str, tuple[str, str]] = {}
    for path in state_files:
        text = read_text(root / path)
        if text is None or "file.managed" not in text or "salt://" not in text:
            continue
        for state_id, _line, function, arguments in salt_states(text):
            source = arguments.get("source", ("", 0))[0]
            if function != "file.managed" or not source.startswith("salt://"):
                continue
            tail = source[len("salt://"):].lstrip("/")
            found = by_trailing_path(tail, files) if tail and "{" not in tail else []
            dest = arguments.get("name", (state_id, 0))[0]
            if len(found) == 1 and dest.startswith("/") and "{" not in dest:
                deployed.setdefault(dest, (found[0], path))
    return deployed


_PUPPET_TITLE = re.compile(r"""^\s*(?:->\s*)?(?:file\s*\{\s*)?(['"])(/[^'"$]+)\1\s*:""")  # (``-> file{ '/x':``)
_PUPPET_SOURCE = re.compile(r"""^\s*source\s*=>\s*(['"])puppet:///modules/([^'"$]+)\1""")
_PUPPET_TEMPLATE = re.compile(r"""^\s*content\s*=>\s*(?:template|epp)\(\s*(['"])([^'"$]+)\1\s*\)""")


def puppet_deployments(root: Path, manifests: Sequence[str], files: Sequence[str]) -> dict[str, tuple[str, str]]:
    """Installed path -> (the file of the tree a Puppet ``file`` resource installs there, the
    manifest): the resource's title is the path, ``source => 'puppet:///modules/M/x'`` the
    file ``M/files/x`` of module ``M`` (found by that trailing path, one file only); a folder
    source (``.../project/archlinux/``, with ``recurse``) installs each file under it. A
    template rendered there (``content => template('M/x.erb.sh')``, ``epp(...)``) is the file
    ``M/templates/x.erb.sh``, or ``templates/x.erb.sh`` of a tree that is the module itself."""
    deployed: dict[str, tuple[str, str]] = {}
    for path in manifests:
        text = read_text(root / path)
        if text is None or ("puppet:///modules/" not in text and "template(" not in text and "epp(" not in text):
            continue
        dest: str | None = None
        for line in text.splitlines():
            if (title := _PUPPET_TITLE.match(line)) is not None:
                dest = title.group(2)
                continue
            if dest is not None and (rendered := _PUPPET_TEMPLATE.match(line)) is not None:
                module, _, rest = rendered.group(2).partition("/")
                tail = f"{module}/templates/{rest}"
                found = by_trailing_path(tail, files) or by_trailing_path(f"templates/{rest}", files)
                if rest and len(found) == 1:
                    deployed.setdefault(dest, (found[0], path))
                dest = None
                continue
            source = _PUPPET_SOURCE.match(line)
            if source is None or dest is None:
                continue
            module, _, rest = source.group(2).partition("/")
            tail = f"{module}/files/{rest}"
            if rest.endswith("/"):  # a folder: each file keeps its path under it
                for file in files:
                    if file.startswith(tail):
                        start = 0
                    elif (at := file.find("/" + tail)) >= 0:
                        start = at + 1
                    else:
                        continue
                    deployed.setdefault(dest.rstrip("/") + "/" + file[start + len(tail):], (file, path))
            else:
                found = by_trailing_path(tail, files)
                if len(found) == 1:
                    deployed.setdefault(dest, (found[0], path))
            dest = None
    return deployed


# -- Chef ---------------------------------------------------------------------------------------
_CHEF_RESOURCE = re.compile(r"""^\s*(template|cookbook_file)\s+["']([^"'#]+)["']\s+do\b""")
_CHEF_SOURCE = re.compile(r"""^\s*source\s+["']([^"'#]+)["']""")


def chef_deployments(root: Path, recipes: Sequence[str], files: Sequence[str]) -> dict[str, tuple[str, str]]:
    """Installed path -> (the file of the tree a Chef ``template`` or ``cookbook_file``
    resource installs there, the recipe): ``template "/usr/local/bin/backup-db" do source
    "backup-db.erb"`` installs ``templates/default/backup-db.erb`` of the recipe's cookbook (the
    source defaults to the path's name, ``.erb`` added for a template); a ``cookbook_file``'s,
    ``files/default/NAME``. Only literal paths (not ``#{...}``)."""
    deployed: dict[str, tuple[str, str]] = {}
    known = set(files)
    for path in recipes:
        cookbook = path.split("/recipes/")[0] if "/recipes/" in path else path.split("/resources/")[0]
        text = read_text(root / path)
        if text is None or ("template" not in text and "cookbook_file" not in text):
            continue
        lines = text.splitlines()
        for number, line in enumerate(lines):
            resource = _CHEF_RESOURCE.match(line)
            if resource is None or not resource.group(2).startswith("/"):
                continue
            kind, dest = resource.groups()
            source = next((m.group(1) for inner in lines[number + 1:number + 12]
                           if (m := _CHEF_SOURCE.match(inner)) is not None), None)
            name = source or (dest.rsplit("/", 1)[-1] + (".erb" if kind == "template" else ""))
            folder = "templates" if kind == "template" else "files"
            for candidate in (f"{cookbook}/{folder}/default/{name}", f"{cookbook}/{folder}/{name}"):
                if candidate in known:
                    deployed.setdefault(dest, (candidate, path))
                    break
    return deployed


# -- BOSH ---------------------------------------------------------------------------------------
_BOSH_TEMPLATE = re.compile(r"^[ \t]+(['\"]?)([^'\"\s:#][^'\":#]*?)\1[ \t]*:[ \t]*(['\"]?)([^'\"\s#]+)\3[ \t]*$")


def bosh_job_templates(root: Path, files: Sequence[str]) -> dict[str, tuple[str, str]]:
    """Installed path -> (the template of a BOSH job, the job's ``spec``): a release's
    ``jobs/NAME/spec`` maps each file of ``jobs/NAME/templates/`` to its place under
    ``/var/vcap/jobs/NAME/`` (``bin/ctl.erb: bin/ctl``), where the job's ``monit`` file, its BPM
    configuration and its other scripts run it. Read line by line: only the ``templates:``
    block is wanted, and a spec is often written loosely."""
    known = frozenset(files)
    deployed: dict[str, tuple[str, str]] = {}
    for path in files:
        parts = path.split("/")
        if parts[-1] != "spec" or len(parts) < 3 or parts[-3] != "jobs":
            continue
        text = read_text(root / path)
        if text is None or "templates:" not in text:
            continue
        folder = "/".join(parts[:-1])
        name = parts[-2]
        inside = False
        for line in text.splitlines():
            if line.startswith("name:"):
                name = line.partition(":")[2].strip().strip("\"'") or name
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not line[0].isspace():
                inside = line.rstrip() == "templates:"
                continue
            entry = _BOSH_TEMPLATE.match(line) if inside else None
            if entry is None:
                continue
            source = f"{folder}/templates/{entry.group(2).strip()}"
            if source in known:
                deployed.setdefault(f"/var/vcap/jobs/{name}/{entry.group(4)}", (source, path))
    return deployed
