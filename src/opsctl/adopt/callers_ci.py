"""Readers of CI and YAML caller files: GitHub Actions workflows and actions, GitLab CI (and the
files it includes), other CI services (CircleCI, Buildkite, Azure, Bitbucket, Travis, Drone,
Woodpecker...), Jenkinsfiles, pre-commit, compose files and Kubernetes CronJobs, with a line by line
fallback for templated YAML.
"""

from __future__ import annotations

import fnmatch
import json
import posixpath
import re
import shlex
from collections.abc import Iterator, Sequence
from pathlib import Path

import yaml

from opsctl.adopt.caller_refs import (
    GH_WORKSPACE_RE,
    CallerFile,
    Collector,
    Found,
    ScriptIndex,
    Where,
    boot_script_files,
    callers_in_chunk,
    callers_in_word_list,
    command_refs,
    compact_templates,
    docker_copies,
    join_path,
    normalise,
    read_text,
)
from opsctl.adopt.callers_config import callers_as_function_handler
from opsctl.adopt.model import CallerKind


def callers_in_jenkins(file: CallerFile, index: ScriptIndex, collector: Collector,
                       plan: list[tuple[str, str]]) -> None:
    for number, line in enumerate(file.lines, 1):
        stripped = line.strip()
        if not stripped or stripped.startswith(("//", "*", "/*")):
            continue
        shell = re.sub(r"""['"]{3}|['"]""", " ", stripped)
        callers_in_chunk(file, shell, number, index, collector, "ci", Where(file.path, ""))


_JOB_SHELL = re.compile(r"<command>(.*?)</command>", re.S)


def callers_in_jenkins_job(file: CallerFile, index: ScriptIndex, collector: Collector,
                           plan: list[tuple[str, str]]) -> None:
    """A Jenkins job's ``config.xml`` (``jobs/<name>/config.xml``, as Jenkins keeps it, or
    under version control with a configuration-as-code setup): each shell build step's
    ``<command>`` (XML-escaped: ``&amp;&amp;``), run in the job's workspace (kind ``ci``)."""
    import html  # (only for the files that are such jobs)

    for match in _JOB_SHELL.finditer(file.text):
        first = file.text.count("\n", 0, match.start(1)) + 1
        body = html.unescape(match.group(1))
        if index.mentioned_in(body):
            callers_in_chunk(file, body, first, index, collector, "ci", Where(file.path, ""))


def callers_in_skaffold(file: CallerFile, index: ScriptIndex, collector: Collector,
                        plan: list[tuple[str, str]]) -> None:
    """Skaffold's ``skaffold.yaml``: the lifecycle hooks of its builds and deploys (``hooks:
    before: - host: command: ["../bin/generate-values", "local"]``), an argument list run from
    the folder of the file, or the hook's ``dir`` (kind ``script``: a developer's loop, or a
    deploy run by hand or by CI through skaffold)."""
    here = posixpath.dirname(file.path)

    def walk(node: yaml.Node, in_hooks: bool) -> None:
        if isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, in_hooks)
        elif isinstance(node, yaml.MappingNode):
            fields = _mapping(node)
            command = fields.get("command")
            if in_hooks and isinstance(command, yaml.SequenceNode):
                words = [(word, item.start_mark.line + 1) for item in command.value
                         if (word := _scalar(item)) is not None]
                callers_in_word_list(file, words, index, collector, "script",
                                     Where(file.path, _workdir(fields.get("dir"), here)))
            for key, child in fields.items():
                walk(child, in_hooks or key == "hooks")

    for document in _compose_all(file.text):
        walk(document, False)


# --- YAML formats -------------------------------------------------------------------------------------


_TEMPLATE_TAG = re.compile(r"\{%-?.*?-?%\}|\{#.*?#\}", re.S)
_TEMPLATE_VALUE = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}")


class _RedefiningLoader(yaml.SafeLoader):
    """YAML 1.2 lets an anchor be defined again (``&notify-slack`` on every job of a Concourse
    pipeline), each alias naming the latest definition; PyYAML refuses the second one."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if not isinstance(event, yaml.AliasEvent) and getattr(event, "anchor", None) is not None:
            self.anchors.pop(event.anchor, None)
        return super().compose_node(parent, index)


_ACTION_LINE = re.compile(r"(?m)^[ \t]*\{\{-?[^{}\n]*-?\}\}[ \t]*$")


def _compose_all(text: str) -> list[yaml.Node]:
    """The YAML documents of ``text``. A Jinja-templated file (a cookiecutter or Ansible
    template, ``{% if ... %}`` lines) that is not YAML as written is read once more with its
    tags blanked out (line breaks kept, so lines hold) and ``{{ x }}`` read as ``x``."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return [node for node in yaml.compose_all(text, Loader=loader) if node is not None]
    except yaml.composer.ComposerError as exc:
        if "duplicate anchor" not in str(exc):
            raise
        return [node for node in yaml.compose_all(text, Loader=_RedefiningLoader) if node is not None]
    except yaml.YAMLError:
        if "{%" not in text and "{{" not in text:
            raise
        untagged = _TEMPLATE_TAG.sub(lambda m: "\n" * m.group(0).count("\n"), text)
        # a Helm template's line that is only an action (``{{ if .Values.x }}``, ``{{ toYaml .Values.r
        # | indent 10 }}``, ``{{- end }}``): no YAML of its own as written
        untagged = _ACTION_LINE.sub("", untagged)
        untagged = _TEMPLATE_VALUE.sub(lambda m: re.sub(r"[^\w.-]", "_", m.group(1)), untagged)
        return [node for node in yaml.compose_all(untagged, Loader=loader) if node is not None]


def _mapping(node: yaml.Node | None) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): value for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _scalar(node: yaml.Node | None) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str) else None


def _scan_yaml_scalar(file: CallerFile, node: yaml.Node, index: ScriptIndex, collector: Collector,
                      kind: CallerKind, where: Where, aliases: dict[str, str] | None = None,
                      filled: tuple[re.Pattern[str], str] | None = None) -> str | None:
    """A command written as a YAML string, with each reference's line in the file (``aliases``:
    paths an image gives scripts, replaced by the scripts'; ``filled``: an expression written
    in it and the value it stands for, on one line)."""
    value = _scalar(node)
    if value is None:
        return where.cwd
    if filled is not None:
        value = filled[0].sub(filled[1], value)
    text = normalise(value)
    for alias, script in (aliases or {}).items():
        if alias in text and "/" in alias:
            text = re.sub(rf"(?<![\w./-]){re.escape(alias)}(?![\w.-])", script, text)
    found, cwd = command_refs(text, index, where)
    start, end = node.start_mark.line, node.end_mark.line
    style = getattr(node, "style", None)
    for ref in found:
        offset = text.count("\n", 0, ref.pos)
        if style == "|":
            line = start + 2 + offset
        elif start == end or (style not in ("|", ">") and "\n" not in value.strip()
                              and start + 1 == end):
            line = start + 1
        else:
            line = _nth_line_holding(file, text, ref, start, end)
        collector.add(ref.script, file.path, line, kind, file.text_of(line))
    return cwd


def _nth_line_holding(file: CallerFile, value: str, ref: Found, start: int, end: int) -> int:
    """For folded and quoted scalars: the raw line holding the same occurrence of the name, as
    written there (``manage.py load_initial_data`` names ``.../load_initial_data.py``)."""
    name = posixpath.basename(ref.script)
    if name not in value[ref.pos:]:
        name = posixpath.splitext(name)[0]
    nth = value[:ref.pos].count(name)
    seen = 0
    for number in range(start + 1, min(end + 1, len(file.lines)) + 1):
        count = file.text_of(number).count(name)
        if seen + count > nth:
            return number
        seen += count
    return start + 1


def _scan_yaml_commands(file: CallerFile, node: yaml.Node, index: ScriptIndex, collector: Collector,
                        kind: CallerKind, where: Where,
                        filled: tuple[re.Pattern[str], str] | None = None) -> str | None:
    """A string or a (nested) list of strings, run one after the other in one shell."""
    cwd = where.cwd
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            cwd = _scan_yaml_commands(file, item, index, collector, kind,
                                      Where(where.caller, cwd, where.variables), filled)
        return cwd
    return _scan_yaml_scalar(file, node, index, collector, kind, where, filled=filled)


def _workdir(node: yaml.Node | None, default: str) -> str:
    value = _scalar(node)
    if not value:
        return default
    value = GH_WORKSPACE_RE.sub("", value).lstrip("/") if "github.workspace" in value else value
    directory = join_path(default, value) if not value.startswith("/") else value.lstrip("/")
    return "" if directory.startswith("..") else directory


_ACTION_PATH = re.compile(r"\$\{\{\s*github\.action_path\s*\}\}|\$\{?GITHUB_ACTION_PATH\}?")


_INPUT_RUN = re.compile(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}")


def _commands_of_local_action(uses: str, index: ScriptIndex) -> list[str]:
    """The inputs a local composite action (``uses: ./.github/actions/NAME``) runs as a command:
    a ``run`` step whose text holds ``${{ inputs.NAME }}`` as one of its words, not only as a
    quoted argument (``ssh host "${{ inputs.COMMAND }}"``, ``${{ inputs.cmd }}``)."""
    if not uses.startswith("./") or index.root is None:
        return []
    folder = index.root / uses[2:].rstrip("/")
    text = read_text(folder / "action.yml") or read_text(folder / "action.yaml")
    if text is None or "inputs." not in text:
        return []
    try:
        documents = _compose_all(text)
    except yaml.YAMLError:
        return []
    names: list[str] = []
    for document in documents:
        steps = _mapping(_mapping(document).get("runs")).get("steps")
        for step in steps.value if isinstance(steps, yaml.SequenceNode) else []:
            run = _scalar(_mapping(step).get("run")) or ""
            for line in run.splitlines():
                for match in _INPUT_RUN.finditer(line):
                    before = line[:match.start()].rstrip()
                    # the command itself, or what ssh/sudo/eval/sh -c run
                    if not before or before.endswith(("ssh", "sudo", "eval", "-c", '"', "'", "&&", ";", "|")) \
                            or re.search(r"\bssh\b", before):
                        names.append(match.group(1))
    return list(dict.fromkeys(names))


def callers_in_github(file: CallerFile, index: ScriptIndex, collector: Collector,
                      plan: list[tuple[str, str]]) -> None:
    for document in _compose_all(file.text):
        top = _mapping(document)
        default = _workdir(_mapping(_mapping(top.get("defaults")).get("run")).get("working-directory"), "")
        step_lists: list[tuple[yaml.Node, str, dict[str, yaml.Node]]] = []
        for job in _mapping(top.get("jobs")).values():
            job_map = _mapping(job)
            job_dir = _workdir(_mapping(_mapping(job_map.get("defaults")).get("run")).get(
                "working-directory"), default)
            if "steps" in job_map:
                step_lists.append((job_map["steps"], job_dir, job_map))
        runs = _mapping(top.get("runs"))
        if "steps" in runs:
            step_lists.append((runs["steps"], default, {}))
        for steps, directory, job_map in step_lists:
            if not isinstance(steps, yaml.SequenceNode):
                continue
            for step in steps.value:
                step_map = _mapping(step)
                if "run" not in step_map:
                    inputs = _mapping(step_map.get("with"))
                    uses = _scalar(step_map.get("uses")) or ""
                    # (and ``on_retry_command:``, ``pre-command:``: another command line it runs)
                    named = [key for key in inputs if key.lower() in ("command", "cmd") or key.lower().endswith((
                        "_command", "-command")) or (key.lower() == "script" and "ssh" in uses.lower())]
                    for name in dict.fromkeys([*_commands_of_local_action(uses, index), *named]):
                        # ``uses: ./.github/actions/run-command-ssh`` with ``COMMAND: sudo
                        # /srv/x/upgrade.sh``: an input that action runs in its own steps
                        given = inputs.get(name)
                        if isinstance(given, yaml.ScalarNode):
                            _scan_yaml_scalar(file, given, index, collector, "github-actions",
                                              Where(file.path, directory))
                    shell_input = inputs.get("command") if _SHELL_COMMAND_ACTION.search(uses) \
                        and "command" not in named else None
                    if isinstance(shell_input, yaml.ScalarNode):
                        # an action that runs its ``command`` input in a shell, retrying it or
                        # timing it (``nick-fields/retry``: ``command: hack/local-up.sh``)
                        _scan_yaml_scalar(file, shell_input, index, collector, "github-actions",
                                          Where(file.path, directory))
                        continue
                    cf = inputs.get("cf_command")
                    if isinstance(cf, yaml.ScalarNode) and isinstance(cf.value, str):
                        # an action running the Cloud Foundry CLI (``cf_command: "run-task APP
                        # --command 'python manage.py x'"``): the arguments of ``cf``
                        _scan_yaml_scalar(file, yaml.ScalarNode(cf.tag, "cf " + cf.value, cf.start_mark,
                                                                cf.end_mark, cf.style), index, collector,
                                          "github-actions", Where(file.path, directory))
                    continue
                cwd = _workdir(step_map.get("working-directory"), directory)
                run = step_map["run"]
                if not job_map and isinstance(run, yaml.ScalarNode) and isinstance(run.value, str) and (
                        "action_path" in run.value or "GITHUB_ACTION_PATH" in run.value):
                    # a composite action's own files: ``"${{ github.action_path }}/deploy.sh"``
                    # (or ``$GITHUB_ACTION_PATH``) is the folder of its ``action.yml``
                    here = posixpath.dirname(file.path) or "."
                    run = yaml.ScalarNode(run.tag, _ACTION_PATH.sub(here, run.value), run.start_mark,
                                          run.end_mark, run.style)
                _scan_yaml_scalar(file, run, index, collector, "github-actions", Where(file.path, cwd))
                for value in _matrix_values(job_map, _scalar(step_map["run"]) or ""):
                    _scan_yaml_scalar(file, value, index, collector, "github-actions",
                                      Where(file.path, cwd))
                for filled in _matrix_fills(job_map, _scalar(step_map["run"]) or ""):
                    _scan_yaml_scalar(file, step_map["run"], index, collector, "github-actions",
                                      Where(file.path, cwd), filled=filled)


_MATRIX_REF_RE = re.compile(r"\$\{\{\s*matrix\.([\w-]+)((?:\.[\w-]+)*)\s*(?:\}\}|\|\|)")


def _matrix_values(job: dict[str, yaml.Node], run: str) -> Iterator[yaml.Node]:
    """The values a step's ``${{ matrix.KEY }}`` takes (the KEY list of the job's matrix, and
    KEY in each ``include`` entry; ``matrix.tests.command``: the ``command`` of each entry of
    the ``tests`` list): a command written there runs where the step runs, at the line it is
    written on."""
    if "matrix." not in run:
        return
    matrix = _mapping(_mapping(job.get("strategy")).get("matrix"))
    for key, rest in set(_MATRIX_REF_RE.findall(run)):
        path = [part for part in rest.split(".") if part]
        values = matrix.get(key)
        if isinstance(values, yaml.SequenceNode):
            yield from (found for item in values.value if (found := _at(item, path)) is not None)
        for entry in getattr(matrix.get("include"), "value", None) or []:
            value = _mapping(entry).get(key) if isinstance(entry, yaml.MappingNode) else None
            if (found := _at(value, path)) is not None:
                yield found


def _matrix_fills(job: dict[str, yaml.Node], run: str) -> Iterator[tuple[re.Pattern[str], str]]:
    """``./${{ matrix.os }}-x86_64-build.sh``: each word value of the matrix list (a few) filled
    into the step's text, one key at a time, so a script named in part by the matrix is found."""
    if "matrix." not in run:
        return
    matrix = _mapping(_mapping(job.get("strategy")).get("matrix"))
    for key, rest in set(_MATRIX_REF_RE.findall(run)):
        values = matrix.get(key)
        if rest or not isinstance(values, yaml.SequenceNode) or len(values.value) > 16:
            continue
        pattern = re.compile(r"\$\{\{\s*matrix\." + re.escape(key) + r"\s*\}\}")
        for item in values.value:
            if isinstance(item, yaml.ScalarNode) and re.fullmatch(r"[\w.-]+", item.value or ""):
                yield pattern, item.value


def _at(node: yaml.Node | None, path: list[str]) -> yaml.ScalarNode | None:
    """The scalar at ``path`` (keys of nested mappings) below ``node``."""
    for key in path:
        node = _mapping(node).get(key) if isinstance(node, yaml.MappingNode) else None
    return node if isinstance(node, yaml.ScalarNode) else None


_GITLAB_KEYS = frozenset({"script", "before_script", "after_script"})
_CI_KEYS = frozenset({"run", "command", "commands", "script", "before_script", "after_script",
                      "install", "before_install", "after_success", "after_failure", "before_deploy",
                      "after_deploy", "bash", "sh", "inlineScript", "scriptPath", "filePath", "cmd",
                      "pre_build", "build", "post_build", "entrypoint", "args",
                      # a release tool's hooks (``.craft.yml``: ``preReleaseCommand: bash x.sh``)
                      "preReleaseCommand", "postReleaseCommand",
                      # snapcraft's (and rockcraft's, charmcraft's) scriptlets of a part
                      # (``override-build: $CRAFT_PROJECT_DIR/build-scripts/build-component.sh etcd``)
                      "override-pull", "override-build", "override-stage", "override-prime"})


def _walk_keys(node: yaml.Node, keys: frozenset[str], depth: int = 0,
               suffix: str | None = None) -> Iterator[yaml.Node]:
    if depth > 50:
        return
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and (key.value in keys or (
                    suffix is not None and isinstance(key.value, str) and key.value.endswith(suffix))) \
                    and not isinstance(value, yaml.MappingNode):
                yield value
            else:
                yield from _walk_keys(value, keys, depth + 1, suffix)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _walk_keys(item, keys, depth + 1, suffix)


def callers_in_gitlab(file: CallerFile, index: ScriptIndex, collector: Collector,
                      plan: list[tuple[str, str]]) -> None:
    for document in _compose_all(file.text):
        for value in _walk_keys(document, _GITLAB_KEYS):
            _scan_yaml_commands(file, value, index, collector, "gitlab-ci", Where(file.path, ""))


def callers_in_ci(file: CallerFile, index: ScriptIndex, collector: Collector,
                  plan: list[tuple[str, str]]) -> None:
    boot_script_files(file, index, collector)
    cloud_build = "cloudbuild" in posixpath.basename(file.path).lower()
    for document in _compose_all(file.text):
        for value in _walk_keys(document, _CI_KEYS):
            _scan_yaml_commands(file, value, index, collector, "ci", Where(file.path, ""))
        if cloud_build:
            _cloud_build_steps(file, document, index, collector)


def _cloud_build_steps(file: CallerFile, document: yaml.Node, index: ScriptIndex, collector: Collector) -> None:
    """Google Cloud Build's steps: the ``entrypoint`` (else the builder image's own program,
    ``gcr.io/cloud-builders/bash`` runs ``bash``) given the ``args`` list, run from the step's
    ``dir`` (``dir: udfs/x``, ``entrypoint: bash``, ``args: [deploy.sh]`` runs
    ``udfs/x/deploy.sh``)."""
    steps = _mapping(document).get("steps")
    for step in steps.value if isinstance(steps, yaml.SequenceNode) else []:
        fields = _mapping(step)
        args = fields.get("args")
        if not isinstance(args, yaml.SequenceNode) or not args.value:
            continue
        words = [_scalar(item) for item in args.value]
        program = _scalar(fields.get("entrypoint")) or (_scalar(fields.get("name")) or "").rpartition("/")[2].partition(":")[0]
        if not program or any(word is None for word in words):
            continue
        folder = _workdir(fields.get("dir"), "")
        callers_in_chunk(file, shlex.join([program, *(word for word in words if word is not None)]),
                         args.value[0].start_mark.line + 1, index, collector, "ci", Where(file.path, folder))


def callers_in_cirrus(file: CallerFile, index: ScriptIndex, collector: Collector,
                      plan: list[tuple[str, str]]) -> None:
    """Cirrus CI (``.cirrus.yml``): a task's ``script`` and every ``NAME_script`` (``main_script:
    ci/make.sh``, ``test_script: [...]``), its background and cache scripts alike."""
    for document in _compose_all(file.text):
        for value in _walk_keys(document, _CI_KEYS, suffix="_script"):
            _scan_yaml_commands(file, value, index, collector, "ci", Where(file.path, ""))


def callers_in_gitpod(file: CallerFile, index: ScriptIndex, collector: Collector,
                     plan: list[tuple[str, str]]) -> None:
    """A Gitpod workspace (``.gitpod.yml``): each task's ``before``, ``init`` and ``command``
    run when a workspace starts (kind ``script``: a developer's environment, not CI)."""
    for document in _compose_all(file.text):
        tasks = _mapping(document).get("tasks")
        for task in tasks.value if isinstance(tasks, yaml.SequenceNode) else []:
            task_map = _mapping(task)
            for key in ("before", "init", "command"):
                if (value := task_map.get(key)) is not None:
                    _scan_yaml_commands(file, value, index, collector, "script", Where(file.path, ""))


_TASK_VARIABLE = re.compile(r"\{\{\s*\.(\w+)\s*\}\}")


def callers_in_taskfile(file: CallerFile, index: ScriptIndex, collector: Collector,
                        plan: list[tuple[str, str]]) -> None:
    """A Task runner's ``Taskfile.yml``: each task's ``cmds`` (strings, or ``cmd:`` entries), run
    from the task's ``dir`` under the Taskfile's folder (kind ``script``, as other task runners'
    tasks are); ``{{.NAME}}`` is the variable ``$NAME``."""
    here = posixpath.dirname(file.path)
    for document in _compose_all(file.text):
        for task in _mapping(_mapping(document).get("tasks")).values():
            fields = _mapping(task)
            folder = _workdir(fields.get("dir"), here)
            commands = fields.get("cmds")
            for item in commands.value if isinstance(commands, yaml.SequenceNode) else []:
                command = _mapping(item).get("cmd") if isinstance(item, yaml.MappingNode) else item
                if command is not None:
                    _scan_yaml_commands(file, command, index, collector, "script", Where(file.path, folder),
                                        (_TASK_VARIABLE, r"${\1}"))


def callers_in_pre_commit(file: CallerFile, index: ScriptIndex, collector: Collector,
                          plan: list[tuple[str, str]]) -> None:
    """pre-commit hooks (``entry: scripts/check.sh``), run on commits and in CI."""
    for document in _compose_all(file.text):
        for value in _walk_keys(document, frozenset({"entry"})):
            _scan_yaml_commands(file, value, index, collector, "ci", Where(file.path, ""))


def callers_in_compose(file: CallerFile, index: ScriptIndex, collector: Collector,
                       plan: list[tuple[str, str]]) -> None:
    here = posixpath.dirname(file.path)
    for document in _compose_all(file.text):
        top = _mapping(document)
        services = _mapping(top.get("services")) if "services" in top else {
            # the first format of compose files: each service at the top level
            name: value for name, value in top.items() if name not in ("version", "volumes", "networks")
            and any(key in _mapping(value) for key in ("image", "build", "command", "entrypoint"))}
        for service in services.values():
            service_map = _mapping(service)
            merged = _mapping(service_map.get("<<"))  # ``<<: *django``
            aliases = _image_copies(merged | service_map, here, index)
            for key in ("entrypoint", "command"):
                _scan_command_node(file, service_map.get(key) or merged.get(key), index, collector,
                                   "compose", Where(file.path, None, {"__HERE": here}), aliases)


def _image_copies(service: dict[str, yaml.Node], here: str, index: ScriptIndex) -> dict[str, str]:
    """Scripts the service's image copies under another path (its Dockerfile's ``COPY
    ./compose/django/start /start``), so that ``command: /start`` names the right one."""
    build = service.get("build")
    context = _scalar(build)
    dockerfile = "Dockerfile"
    if context is None:
        build_map = _mapping(build)
        build_map = _mapping(build_map.get("<<")) | build_map  # (``build: {<<: *lh-build}``)
        context = _scalar(build_map.get("context")) or "."
        dockerfile = _scalar(build_map.get("dockerfile")) or dockerfile
    if index.root is None or build is None or "$" in context:
        return {}
    context_dir = posixpath.normpath(join_path(here, context))
    if context_dir.startswith(".."):
        return {}
    if "$" in dockerfile:
        # ``dockerfile: ${BESU_DOCKERFILE}``: one of the context's Dockerfiles, chosen where it
        # runs; a name that every one of them copies the same script to holds whichever it is
        found = [docker_copies(text, index, [context_dir]) for file in sorted((index.root / context_dir).glob("Dockerfile*"))
                 if file.is_file() and (text := read_text(file))]
        return {name: script for name, script in found[0].items()
                if all(other.get(name) == script for other in found[1:])} if found else {}
    path = posixpath.normpath(join_path(context_dir, dockerfile))
    if path.startswith(".."):
        return {}
    text = read_text(index.root / path)
    return docker_copies(text, index, [context_dir]) if text else {}


def _scan_command_node(file: CallerFile, node: yaml.Node | None, index: ScriptIndex,
                       collector: Collector, kind: CallerKind, where: Where,
                       aliases: dict[str, str] | None = None) -> None:
    if isinstance(node, yaml.SequenceNode):
        items = [((aliases or {}).get(str(item.value), str(item.value)), item.start_mark.line + 1)
                 for item in node.value if isinstance(item, yaml.ScalarNode)]
        callers_in_word_list(file, items, index, collector, kind, where)
    elif isinstance(node, yaml.ScalarNode):
        _scan_yaml_scalar(file, node, index, collector, kind, where, aliases)


_PACKAGE_HOOK = re.compile(r"""^\s*(?:pre|post)(?:install|remove|upgrade|trans)\s*:\s*["']?([\w./${}-]+)["']?\s*(?:#.*)?$""")


def _package_hooks(file: CallerFile, index: ScriptIndex, collector: Collector) -> None:
    """A package's maintainer scripts in nfpm's configuration (``scripts: {postinstall:
    release_files/post_install.sh}``, also under goreleaser's ``nfpms:``): run by the package
    manager where the package is installed or removed (kind ``script``); a path from the
    project's root, or from the file's folder."""
    here = posixpath.dirname(file.path)
    for number, line in enumerate(file.lines, 1):
        match = _PACKAGE_HOOK.match(line)
        if match is None or not index.mentioned_in(match.group(1)):
            continue
        script = index.resolve_path(match.group(1), ["", here] if here else [""], {})
        if script is not None and script != file.path:
            collector.add(script, file.path, number, "script", file.text_of(number))


_BUILDSPEC = re.compile(r"^version:\s*['\"]?0\.[12]\b(?:.*\n)*?phases:", re.M)
"""An AWS CodeBuild build specification, whatever its name (``ci/nightly_build.yml``)."""


def _buildspec_phases(file: CallerFile, index: ScriptIndex, collector: Collector) -> None:
    """A CodeBuild build specification's phases (``install``, ``pre_build``, ``build``,
    ``post_build``): their ``commands`` and ``finally`` lists, run one after the other in one
    shell from the source's root, so a ``cd binaries/`` holds for the commands after it."""
    for document in _compose_all(file.text):
        cwd = ""
        for phase in _mapping(_mapping(document).get("phases")).values():
            for key in ("commands", "finally"):
                if (node := _mapping(phase).get(key)) is not None:
                    cwd = _scan_yaml_commands(file, node, index, collector, "ci", Where(file.path, cwd)) or cwd


def _semaphore_commands(file: CallerFile, index: ScriptIndex, collector: Collector) -> None:
    """Semaphore CI's pipelines (``.semaphore/semaphore.yml`` and the ones it promotes to):
    every ``commands`` list of a block's task, its jobs, prologue and epilogue, run in one shell
    from the repository's root once ``checkout`` has run."""
    for document in _compose_all(file.text):
        stack: list[yaml.Node] = [document]
        while stack:
            node = stack.pop()
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if _scalar(key) == "commands":
                        _scan_yaml_commands(file, value, index, collector, "ci", Where(file.path, ""))
                    else:
                        stack.append(value)
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(node.value)


def callers_in_yaml(file: CallerFile, index: ScriptIndex, collector: Collector,
                    plan: list[tuple[str, str]]) -> None:
    """Other YAML: Kubernetes manifests (a container's command and args: a CronJob's are kind
    ``cron``, a Job's, Deployment's or Pod's kind ``kubernetes``; the steps of a Tekton Task or an
    Argo Workflow, kind ``ci``), AWS CodeDeploy's ``appspec.yml`` and CodeBuild's build
    specifications under any name (kind ``ci``), and GitLab CI files that the main
    ``.gitlab-ci.yml`` includes."""
    if ".Files.Get" in file.text and "templates/" in file.path:
        _files_run_by_chart(file, index, collector)
    if "install:" in file.text or "remove:" in file.text:
        _package_hooks(file, index, collector)
    if "andler:" in file.text:
        callers_as_function_handler(file, index, collector, _YAML_HANDLER)
    boot_script_files(file, index, collector)
    if "phases:" in file.text and _BUILDSPEC.search(file.text):
        _buildspec_phases(file, index, collector)
    if "commands:" in file.text and "/.semaphore/" in f"/{file.path}":
        _semaphore_commands(file, index, collector)
    if "_command:" in file.text.lower() or "-command:" in file.text.lower() or "cmd:" in file.text.lower():
        _command_keys(file, index, collector)
    if "args" in file.text and not re.search(r"^\s*(?:apiVersion|services):", file.text, re.M):
        _argument_lists(file, index, collector)
    if file.path.rpartition("/")[2].lower() in ("appspec.yml", "appspec.yaml") and re.search(
            r"^hooks:", file.text, re.M):
        # the scripts of the deployment's lifecycle hooks (``BeforeInstall: - location: x.sh``),
        # each run from the root of the revision: the folder of the appspec
        here = file.path.rpartition("/")[0]
        for number, line in enumerate(file.lines, 1):
            match = _CODEDEPLOY_HOOK.match(line)
            if match and index.mentioned_in(match.group(1)):
                callers_in_chunk(file, match.group(1).strip("\"'"), number, index, collector, "ci",
                                 Where(file.path, here))
    elif (re.search(r"^\s*apiVersion:", file.text, re.M) and re.search(r"^\s*kind:", file.text, re.M)) \
            or _PROW_JOBS.search(file.text):
        for document in _compose_all(file.text):
            top = _mapping(document)
            manifest = _scalar(top.get("kind")) or ""
            if set(top) & {"presubmits", "postsubmits", "periodics"}:
                # a Prow job configuration: each job's pod ``spec`` runs its containers
                manifest = "ProwJob"
            elif not manifest or "apiVersion" not in top:
                continue
            kind: CallerKind = "cron" if manifest == "CronJob" else (
                "ci" if manifest in _PIPELINE_KINDS or manifest == "ProwJob" else "kubernetes")
            for container in [*_walk_containers(document), *_walk_steps(document)]:
                container_map = _mapping(container)
                items: list[tuple[str, int]] = []
                for key in ("command", "args"):
                    node = container_map.get(key)
                    if isinstance(node, yaml.SequenceNode):
                        for item in node.value:
                            if isinstance(item, yaml.ScalarNode) and item.style in ("|", ">") \
                                    and "\n" in item.value.strip():
                                # ``args: - |`` a script of many lines (``bash -c``): each command at
                                # its own line
                                _scan_yaml_scalar(file, item, index, collector, kind, Where(file.path, None))
                            elif isinstance(item, yaml.ScalarNode):
                                items.append((item.value, item.start_mark.line + 1))
                    elif isinstance(node, yaml.ScalarNode):
                        items.append((node.value, node.start_mark.line + 1))
                if ".Files.Get" in file.text:  # the file a chart pastes in: read where it is named
                    items = [(_FILES_GET_TAG.sub(" ", text), line) for text, line in items]
                callers_in_word_list(file, items, index, collector, kind, Where(file.path, None))
                for handler in _exec_handlers(container_map):
                    # a probe's or a lifecycle hook's ``exec: command: [...]``, run in the container
                    callers_in_word_list(file, [(item.value, item.start_mark.line + 1) for item in handler
                                                if isinstance(item, yaml.ScalarNode)],
                                         index, collector, kind, Where(file.path, None))
                script = container_map.get("script") or container_map.get("source")
                if isinstance(script, yaml.ScalarNode):  # a Tekton step's or Argo template's script
                    _scan_yaml_scalar(file, script, index, collector, kind, Where(file.path, None))
    elif re.search(r"^builders:", file.text, re.M) and re.search(r"^provisioners:", file.text, re.M):
        from opsctl.adopt.callers_build import callers_in_packer

        callers_in_packer(file, index, collector, plan)  # a Packer template written as YAML
    elif _COMPOSE_SERVICES.search(file.text) and _COMPOSE_SERVICE_KEY.search(file.text):
        # a compose file named after its environment (``production.yml``, ``local.yml``)
        callers_in_compose(file, index, collector, plan)
    elif _CONCOURSE_RUN.search(file.text) and re.search(r"^\s*path:\s*\S", file.text, re.M):
        _callers_in_concourse(file, index, collector)
    elif re.search(r"^steps:", file.text, re.M) and re.search(r"^\s*-?\s*commands?:", file.text, re.M):
        # a Buildkite pipeline kept outside ``.buildkite/`` (``pipelines/publish.yml``: ``steps:``
        # of ``command:``/``commands:``), uploaded by ``buildkite-agent pipeline upload``
        callers_in_ci(file, index, collector, plan)
    elif _AZURE_STEP.search(file.text) and _AZURE_MARK.search(file.text):
        # an Azure Pipelines template kept outside the pipeline folders (``builds/ci/dotnet.yaml``:
        # ``- script: scripts/linux/installPrereqs.sh``, ``- bash: |``, ``- task: Bash@3``), which
        # the pipelines include (an Ansible play has no ``displayName`` nor versioned tasks)
        callers_in_ci(file, index, collector, plan)
    elif _ANSIBLE_HINT.search(file.text):
        _callers_in_ansible(file, index, collector)
    elif re.search(r"^\s*(before_)?script:", file.text, re.M) and re.search(
            r"^\s*stage:", file.text, re.M):
        callers_in_gitlab(file, index, collector, plan)


_AZURE_STEP = re.compile(r"^\s*-\s+(?:script|bash|task):\s", re.M)
_AZURE_MARK = re.compile(r"^\s*(?:-\s+)?displayName:|^\s*-\s+task:\s*\w+@\d|^\s*vmImage:", re.M)
_COMMAND_KEY = re.compile(r"""^\s*(?:-\s+)?(?:[\w-]+[_-](?:command|cmd)|cmd):[ \t]+(?P<value>[^\s\[{|>#][^\n]*)$""",
                          re.I)


def _command_keys(file: CallerFile, index: ScriptIndex, collector: Collector) -> None:
    """A tool's configuration naming a command it runs, one line's string under a key that
    says so (``upload_command: /custom/kopia/upload.sh {{ .backupName }}``, ``RELEASE_COMMAND:
    scripts/release.sh master``, ``cmd: ...``; a bare ``command:`` is a compose service's or a
    manifest's, read by their own readers): kind ``script``. Only a value that starts
    with a script's path (a path with a ``/``, not a bare word: ``command: deploy`` names a
    tool's own subcommand)."""
    for number, line in enumerate(file.lines, 1):
        match = _COMMAND_KEY.match(line)
        if match is None:
            continue
        value = _TEMPLATE_TAGS.sub(" ", match.group("value")).strip().strip("\"'").strip()
        first = value.split(None, 1)[0] if value else ""  # (``cmd: ' '``: nothing)
        if "/" in first and index.mentioned_in(first):
            callers_in_chunk(file, value, number, index, collector, "script", Where(file.path, None))


_ARGS_LIST = re.compile(r"""^\s*(?:-\s+)?args\s*:\s*\[\s*["']([^"']+)["']""")


def _argument_lists(file: CallerFile, index: ScriptIndex, collector: Collector) -> None:
    """A monitoring agent's or a tool's check whose ``args: ["{{ plugin_dir }}/nfs_check.py",
    "-H", ...]`` list starts with a script's path (the program it runs it with, ``file:
    run_plugin_in_venv.sh``, a runner): kind ``script``. Not a Kubernetes manifest's or a
    compose file's, which their own readers take."""
    for number, line in enumerate(file.lines, 1):
        match = _ARGS_LIST.match(line)
        if match is None:
            continue
        first = _TEMPLATE_TAGS.sub("", match.group(1)).strip()
        if "/" in first and first.endswith(_SCRIPT_ENDINGS):
            script = index.resolve_path(first, [posixpath.dirname(file.path), ""], {})
            if script is not None and script != file.path:
                collector.add(script, file.path, number, "script", file.text_of(number))


_SCRIPT_ENDINGS = (".py", ".sh", ".bash", ".pl", ".rb")
_YAML_HANDLER = re.compile(r"""^\s*(?:-\s+)?[Hh]andler:\s*["']?(?P<module>[\w./-]+)\.(?P<function>\w+)["']?\s*(?:#.*)?$""")
"""``Handler: main.handler`` (CloudFormation, SAM), ``handler: src/jobs/prune.run`` (Serverless)."""
_PROW_JOBS = re.compile(r"^(?:presubmits|postsubmits|periodics):", re.M)
_FILES_GET_TAG = re.compile(r"\{\{-?[^}]*\.Files\.Get[^}]*\}\}")
_FILES_GET = re.compile(r"""\.Files\.Get\s+["']([^"']+)["']""")
_RUNS_TEXT = re.compile(r"""^\s*(?:-\s+)?(?:command|args|source|script):|^\s*-\s+["']?-c["']?\s*$""")


def _files_run_by_chart(file: CallerFile, index: ScriptIndex, collector: Collector) -> None:
    """A Helm chart's template that pastes a file of the chart in as the text a container runs
    (``command: [bash, -c, |]`` or an Argo template's ``source: |`` followed by ``{{ .Files.Get
    "scripts/x.sh" | nindent 10 }}``): the script runs there. Only within a few lines after such
    a key: a ConfigMap's ``data`` holding the file ships it, it does not run it."""
    chart = file.path.rpartition("templates/")[0].rstrip("/")
    kind: CallerKind = "cron" if re.search(r"^kind:\s*CronJob", file.text, re.M) else (
        "ci" if re.search(r"^kind:\s*(?:Workflow|WorkflowTemplate|CronWorkflow)\b", file.text, re.M)
        else "kubernetes")
    for number, line in enumerate(file.lines, 1):
        named = _FILES_GET.search(line)
        if named is None:
            continue
        # the key of the block the tag is in: back over the block's own lines (indented as far
        # as the tag or further: ``set -e``, another file pasted in before it, an ``include``)
        indent = len(line) - len(line.lstrip())
        opening = number - 1
        while opening > 1 and (not file.lines[opening - 1].strip()
                               or len(file.lines[opening - 1]) - len(file.lines[opening - 1].lstrip()) >= indent):
            opening -= 1
        if not any(_RUNS_TEXT.match(file.text_of(back)) for back in range(max(1, opening - 3), opening + 1)):
            continue
        script = index.resolve_path(named.group(1), [chart], {})
        if script is not None and script != file.path:
            collector.add(script, file.path, number, kind, file.text_of(number))


_SHELL_COMMAND_ACTION = re.compile(r"^(?:nick-fields|nick-invision|wandalen)/(?:retry|wretry\.action)@|"
                                   r"^Wandalen/wretry\.action@")
"""Actions whose ``command`` input is a shell command line they run (retried on failure)."""
_COMPOSE_SERVICES = re.compile(r"^services:[ \t]*(?:#.*)?$", re.M)
_COMPOSE_SERVICE_KEY = re.compile(r"^[ \t]+(?:image|build):", re.M)
_CODEDEPLOY_HOOK = re.compile(r"^\s*-?\s*location:\s*(\S+)\s*$")


YAML_FALLBACK_KINDS: dict[str, CallerKind] = {
    "github-actions": "github-actions", "gitlab-ci": "gitlab-ci", "ci": "ci", "compose": "compose",
    "pre-commit": "ci", "cirrus": "ci",
    "yaml": "cron"}


_TEMPLATE_TAGS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_YAML_LINE_VALUE = re.compile(r"^\s*(?:-\s+)?(?:(?P<key>[\w.\-]+):(?:\s+|$))?(?P<value>.*)$")
_NOT_COMMAND_KEYS = frozenset({"src", "dest", "name", "template", "owner", "group", "mode"})


def callers_in_yaml_lines(file: CallerFile, index: ScriptIndex, collector: Collector,
                          kind: CallerKind) -> None:
    """Each line's value (after ``- `` and ``key:``, template tags removed but for an installed
    path's, ``{{ script_dest }}``) as a command; not the value of a key that names a file to
    copy or a task (``src: housekeep.sh`` beside a cron entry's ``job:``)."""
    def untemplated(tag: re.Match[str]) -> str:
        return tag.group(0) if index.deployed and compact_templates(tag.group(0)) in index.deployed else " "

    for number, line in enumerate(file.lines, 1):
        value = _TEMPLATE_TAGS.sub(untemplated, line)
        match = _YAML_LINE_VALUE.match(value)
        if match is None or match.group("key") in _NOT_COMMAND_KEYS:
            continue
        value = match.group("value").strip()
        if not value or value.startswith("#") or not index.mentioned_in(value):
            continue
        if value.startswith("["):
            try:
                items = json.loads(value)
            except ValueError:
                items = None
            if isinstance(items, list) and all(isinstance(item, str) for item in items):
                callers_in_word_list(file, [(item, number) for item in items], index, collector, kind,
                                     Where(file.path, None))
                continue
        callers_in_chunk(file, value.strip("\"'"), number, index, collector, kind,
                         Where(file.path, None))


_INLINE_CRON = re.compile(r"^[ \t]*(?:-[ \t]+)?(?:ansible\.builtin\.)?cron:[ \t]+[^\n]*?\bjob=(\"[^\"\n]*\"|'[^'\n]*'|\S+)",
                          re.M)


def callers_in_inline_cron(file: CallerFile, index: ScriptIndex, collector: Collector) -> None:
    """Ansible's ``cron`` module written on one line (``cron: name="rotate" hour="23"
    job="/root/rotate.sh"``): the ``job`` is a command run on that schedule."""
    for match in _INLINE_CRON.finditer(file.text):
        line = file.text.count("\n", 0, match.start(1)) + 1
        callers_in_chunk(file, match.group(1).strip("\"'"), line, index, collector, "cron",
                         Where(file.path, None))


_ANSIBLE_MODULES = {"script": "script", "ansible.builtin.script": "script", "command": "command",
                    "ansible.builtin.command": "command", "shell": "shell", "ansible.builtin.shell": "shell",
                    "raw": "shell", "ansible.builtin.raw": "shell"}
_ANSIBLE_HINT = re.compile(r"^\s*-?\s*(?:ansible\.builtin\.)?(?:script|command|shell|raw):", re.M)
_JINJA = re.compile(r"\{\{\s*([A-Za-z_]\w*)\s*\}\}")
_JINJA_DEFAULT = re.compile(r"""\{\{\s*[A-Za-z_][\w.]*\s*\|\s*default\(\s*(['"])([^'"]*)\1[^)]*\)\s*\}\}""")


def _ansible_words(value: str) -> str:
    """``{{ name }}`` as ``$name``, and ``{{ x | default('scripts/cpu.sh') }}`` as its default:
    the file a role runs unless a play says otherwise."""
    if "{{" not in value:
        return value
    return _JINJA.sub(lambda m: "$" + m.group(1), _JINJA_DEFAULT.sub(lambda m: m.group(2), value))


def _callers_in_ansible(file: CallerFile, index: ScriptIndex, collector: Collector) -> None:
    """Ansible tasks (a role's ``tasks/*.yml``, a playbook): ``script: FILE args`` runs a file
    looked up in the role's ``files/`` folder, then beside the playbook; ``command:``/``shell:``
    run a command line, with ``{{ role_path }}`` read as the role's folder."""
    parts = file.path.split("/")
    role = "/".join(parts[:parts.index("tasks")]) if "tasks" in parts[:-1] else posixpath.dirname(file.path)
    playbooks = "/".join(parts[:parts.index("roles")]) if "roles" in parts[:-1] else posixpath.dirname(file.path)
    bases = list(dict.fromkeys([join_path(role, "files"), role, join_path(role, "tasks"), playbooks]))
    try:
        documents = _compose_all(file.text)
    except yaml.YAMLError:
        return
    for document in documents:
        if not isinstance(document, yaml.SequenceNode):
            # a task file or a playbook is a list; a mapping is another tool's manifest
            _callers_in_command_keys(file, document, index, collector)
            continue
        for module, node in _walk_ansible(document):
            if isinstance(node, yaml.MappingNode):  # ``command: {cmd: ..., argv: [...]}``
                inner = _mapping(node)
                found = inner.get("cmd") or inner.get("argv") or inner.get("_raw_params")
                if found is None:
                    continue
                node = found
            if module == "script" and isinstance(node, yaml.ScalarNode) and (value := _scalar(node)):
                value = _ansible_words(value)
                first = value.split()[0] if value.split() else ""
                script = index.resolve_path(first, bases, {})
                if script and script != file.path:
                    line = node.start_mark.line + 1
                    collector.add(script, file.path, line, "ansible", file.text_of(line))
            elif node is not None:
                where = Where(file.path, None, {"__HERE": role, "role_path": role, "playbook_dir": playbooks})
                if isinstance(node, yaml.ScalarNode) and (value := _scalar(node)) is not None:
                    node = yaml.ScalarNode(node.tag, _ansible_words(value),
                                           node.start_mark, node.end_mark, node.style)
                _scan_command_node(file, node, index, collector, "ansible", where)


def _values_of_key(node: yaml.Node, key: str, kind: type[yaml.Node], depth: int = 0) -> Iterator[yaml.Node]:
    """The values of type ``kind`` under mapping key ``key``, anywhere in ``node`` (not inside
    one found: a ``run`` holds no other ``run``)."""
    if depth > 40:
        return
    if isinstance(node, yaml.MappingNode):
        for name, value in node.value:
            if isinstance(name, yaml.ScalarNode) and name.value == key and isinstance(value, kind):
                yield value
            elif isinstance(value, yaml.SequenceNode | yaml.MappingNode):
                yield from _values_of_key(value, key, kind, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _values_of_key(item, key, kind, depth + 1)


_CONCOURSE_RUN = re.compile(r"^\s*run:\s*$", re.M)


def _callers_in_concourse(file: CallerFile, index: ScriptIndex, collector: Collector) -> None:
    """Concourse tasks and pipelines: a task's ``run: {path: bosh-deployment/ci/tasks/x.sh,
    args: [...], dir: ...}`` runs that file (its first folder is usually the input the
    repository is checked out as, matched by the path's longest trailing part), and
    ``path: bash`` with ``args: [-c, ...]`` runs the command text."""
    try:
        documents = _compose_all(file.text)
    except yaml.YAMLError:
        return

    for document in documents:
        for run in _values_of_key(document, "run", yaml.MappingNode):
            fields = _mapping(run)
            path = fields.get("path")
            if not isinstance(path, yaml.ScalarNode) or not (program := _scalar(path)):
                continue
            folder = _scalar(fields.get("dir")) or ""
            if folder and not program.startswith("/") and "/" not in program.lstrip("./"):
                program = posixpath.join(folder, program.removeprefix("./"))  # ``dir`` + ``./test``
            items = [(program, path.start_mark.line + 1)]
            args = fields.get("args")
            if isinstance(args, yaml.SequenceNode):
                items += [(item.value, item.start_mark.line + 1) for item in args.value
                          if isinstance(item, yaml.ScalarNode)]
            callers_in_word_list(file, items, index, collector, "ci", Where(file.path, None))


def _callers_in_command_keys(file: CallerFile, document: yaml.Node, index: ScriptIndex,
                             collector: Collector) -> None:
    """A tool's YAML manifest that is neither CI nor Kubernetes nor Ansible, whose steps say
    ``command: bash ./updatecli/scripts/create-issue.sh rke2-calico`` (updatecli's shell
    targets, task runners): each ``command`` string is a command line, run from the root."""
    for node in _values_of_key(document, "command", yaml.ScalarNode):
        if (value := _scalar(node)) and index.mentioned_in(value):
            _scan_yaml_scalar(file, node, index, collector, "ci", Where(file.path, None))


def _walk_ansible(node: yaml.Node, depth: int = 0) -> Iterator[tuple[str, yaml.Node]]:
    if depth > 30:
        return
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            module = _ANSIBLE_MODULES.get(str(key.value)) if isinstance(key, yaml.ScalarNode) else None
            if module is not None:
                yield module, value
            elif isinstance(value, yaml.SequenceNode | yaml.MappingNode):
                yield from _walk_ansible(value, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _walk_ansible(item, depth + 1)


_PIPELINE_KINDS = frozenset({"Task", "ClusterTask", "Pipeline", "PipelineRun", "TaskRun", "Workflow",
                             "WorkflowTemplate", "ClusterWorkflowTemplate", "CronWorkflow"})


def _walk_steps(node: yaml.Node) -> Iterator[yaml.Node]:
    """Tekton ``steps``, Argo ``container``/``script`` templates."""
    for value in _walk_keys(node, frozenset({"steps", "sidecars"})):
        if isinstance(value, yaml.SequenceNode):
            yield from (item for item in value.value if isinstance(item, yaml.MappingNode))
    for value in _walk_keys(node, frozenset({"container", "script"})):
        if isinstance(value, yaml.MappingNode):
            yield value


def _exec_handlers(container: dict[str, yaml.Node]) -> Iterator[list[yaml.Node]]:
    """The ``exec.command`` lists of a container's probes (liveness, readiness, startup) and
    lifecycle hooks (``postStart``, ``preStop``)."""
    lifecycle = _mapping(container.get("lifecycle"))
    for handler in [*(container.get(key) for key in ("livenessProbe", "readinessProbe", "startupProbe")),
                    lifecycle.get("postStart"), lifecycle.get("preStop")]:
        command = _mapping(_mapping(handler).get("exec")).get("command")
        if isinstance(command, yaml.SequenceNode):
            yield command.value


def _walk_containers(node: yaml.Node) -> Iterator[yaml.Node]:
    for value in _walk_keys(node, frozenset({"containers", "initContainers"})):
        if isinstance(value, yaml.SequenceNode):
            yield from value.value


def gitlab_includes(root: Path, plan: list[tuple[str, str]], files: Sequence[str]) -> set[str]:
    """The local files ``.gitlab-ci.yml`` includes (``include: local:``, globs, a child
    pipeline's ``trigger: include:``, transitively)."""
    queue = [path for path, kind in plan if kind == "gitlab-ci"]
    seen: set[str] = set(queue)
    while queue:
        source = read_text(root / queue.pop())
        if source is None or "include" not in source:
            continue
        try:
            documents = _compose_all(source)
        except yaml.YAMLError:
            continue
        for document in documents:
            top = _mapping(document)
            # a job's child pipeline (``trigger: include: /ci/check-packages.yml``) runs that file's jobs
            children = [_mapping(_mapping(job).get("trigger")).get("include") for job in top.values()
                        if isinstance(job, yaml.MappingNode)]
            for pattern in (*_include_patterns(top.get("include")),
                            *(p for child in children for p in _include_patterns(child))):
                pattern = pattern.lstrip("/")
                for path in fnmatch.filter(files, pattern) if "*" in pattern else [pattern]:
                    if path not in seen and path in files:
                        seen.add(path)
                        queue.append(path)
    return seen


def _include_patterns(node: yaml.Node | None) -> Iterator[str]:
    if isinstance(node, yaml.ScalarNode):
        if not node.value.startswith(("http://", "https://")):
            yield node.value
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _include_patterns(item)
    elif isinstance(node, yaml.MappingNode):
        local = _scalar(_mapping(node).get("local"))
        if local:
            yield local
