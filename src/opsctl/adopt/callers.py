"""Who runs each script: CI workflows, Makefiles, justfiles, tox, cron tables, Dockerfiles, compose
files, package entry points and the other scripts of the tree, read and never run.

The scan is linear in the size of the tree, whatever the number of scripts: one index maps each
script's file name (and Python module name) to the scripts bearing it; each candidate caller file is
read once, split into words by a small shell-like scanner, and only words ending in an indexed name
are resolved (working directory, ``$(dirname "$0")``, ``cd dir &&``, then the longest unambiguous
trailing path). Each caller format only decides which text of the file is a command and from which
directory it runs.

This module holds :func:`find_callers`, which file is read by which reader (:func:`classify`)
and the table of readers; the index and the scanner are in :mod:`~opsctl.adopt.caller_refs`, the
readers in :mod:`~opsctl.adopt.callers_ci` and :mod:`~opsctl.adopt.callers_build`.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Sequence
from pathlib import Path

import yaml

from opsctl.adopt.caller_refs import (
    PATH_FOLDERS,
    CallerFile,
    Collector,
    ScriptIndex,
    docker_contexts,
    docker_copies,
    read_text,
)
from opsctl.adopt.callers_build import (
    callers_in_bazelrc,
    callers_in_cron,
    callers_in_dockerfile,
    callers_in_entry_points,
    callers_in_gradle,
    callers_in_hatch,
    callers_in_heroku_app,
    callers_in_ini,
    callers_in_justfile,
    callers_in_logrotate,
    callers_in_makefile,
    callers_in_maven,
    callers_in_package_json,
    callers_in_packer,
    callers_in_procfile,
    callers_in_python,
    callers_in_shell,
    callers_in_snakemake,
    callers_in_systemd,
    callers_in_tox,
    cli_subcommands,
    console_script_commands,
    make_variables,
    timed_services,
)
from opsctl.adopt.callers_ci import (
    YAML_FALLBACK_KINDS,
    callers_in_ci,
    callers_in_cirrus,
    callers_in_compose,
    callers_in_github,
    callers_in_gitlab,
    callers_in_gitpod,
    callers_in_inline_cron,
    callers_in_jenkins,
    callers_in_jenkins_job,
    callers_in_pre_commit,
    callers_in_skaffold,
    callers_in_taskfile,
    callers_in_yaml,
    callers_in_yaml_lines,
    gitlab_includes,
)
from opsctl.adopt.callers_config import (
    callers_in_chef,
    callers_in_daemon_config,
    callers_in_json,
    callers_in_nix,
    callers_in_pam,
    callers_in_puppet,
    callers_in_rpm_spec,
    callers_in_s6_rc,
    callers_in_salt,
    callers_in_terraform,
    callers_in_vagrantfile,
)
from opsctl.adopt.callers_deploy import (
    ansible_deployments,
    bosh_job_templates,
    chef_deployments,
    cron_tables,
    puppet_deployments,
    salt_deployments,
)
from opsctl.adopt.callers_go import callers_in_go
from opsctl.adopt.discover import interpreter_of
from opsctl.adopt.model import Caller
from opsctl.adopt.parallel import map_chunks

_CLICK_GROUP = re.compile(r"@click\.group\((?:\s*[\"']([\w-]+)[\"'])?[^\n]*\)\s*\n(?:@[^\n]*\n)*\s*def\s+(\w+)"
                          r"|(\w+)\s*=\s*(?:flask\.cli\.)?AppGroup\(\s*[\"']([\w-]+)[\"']")
_ADDED_TO_FLASK = re.compile(r"\.cli\.add_command\(\s*(?:\w+\.)*(\w+)")


def flask_cli_groups(root: Path, scripts: Sequence[str]) -> dict[str, str]:
    """Click groups added to a Flask application's CLI (``app.cli.add_command(manage.mailu)``
    beside ``@click.group() def mailu()`` or ``mailu = AppGroup("mailu")``): the group's command
    name -> the module declaring it. A text search over the Python scripts and libraries (only
    those mentioning flask), no import."""
    declared: dict[str, tuple[str, str]] = {}  # python name -> (command name, module)
    added: set[str] = set()
    for path in scripts:
        if not path.endswith(".py"):
            continue
        text = read_text(root / path)
        if text is None or "flask" not in text:
            continue
        added.update(_ADDED_TO_FLASK.findall(text))
        for match in _CLICK_GROUP.finditer(text):
            name, function, variable, command = match.groups()
            python_name = function or variable
            declared[python_name] = ((name or command or function or "").replace("_", "-"), path)
            if variable:  # an ``AppGroup`` is made for the flask program, added where it may not be seen
                added.add(variable)
    return {command: module for python_name, (command, module) in declared.items() if python_name in added}


def find_callers(root: Path, scripts: Sequence[str], files: Sequence[str], *,
                 jobs: int | None = 1) -> dict[str, list[Caller]]:
    """For each script (path relative to ``root``), the places that run it, found in ``files``
    (every file of the tree that discovery kept, relative to ``root``, scripts included).
    ``jobs``: worker processes reading the files of a large tree (see
    :func:`~opsctl.adopt.parallel.map_chunks`)."""
    index = ScriptIndex.of(scripts, root)
    plan = _plan(files, index)
    deployed = ansible_deployments(root, [path for path, kind in plan if kind == "yaml"], files)
    deployed.update((dest, pair) for dest, pair in salt_deployments(
        root, [path for path, kind in plan if kind == "salt"], files).items() if dest not in deployed)
    deployed.update((dest, pair) for dest, pair in puppet_deployments(
        root, [path for path, kind in plan if kind == "puppet"], files).items() if dest not in deployed)
    deployed.update((dest, pair) for dest, pair in chef_deployments(
        root, [path for path, kind in plan if kind == "chef"], files).items() if dest not in deployed)
    deployed.update((dest, pair) for dest, pair in bosh_job_templates(root, files).items() if dest not in deployed)
    if deployed:
        _learn_deployments(index, deployed, plan)
    included = gitlab_includes(root, plan, files) | _gitlab_shaped(root, plan)
    timed = timed_services(root, plan)
    plan = [(path, "gitlab-ci" if path in included else "systemd-timer" if path in timed else kind)
            for path, kind in plan]
    registered: list[tuple[str, str, str]] = []
    for path, kind in plan:
        if kind == "entry-point" and (source := read_text(root / path)) is not None:
            index.commands.update(console_script_commands(CallerFile.of(path, source), index))
            registered += cli_subcommands(CallerFile.of(path, source), index)
        elif kind == "makefile" and (source := read_text(root / path)) is not None:
            folder = index.make_values.setdefault(posixpath.dirname(path), {})
            for name, value in make_variables(source).items():
                folder.setdefault(name, value)
        elif kind == "dockerfile" and (source := read_text(root / path)) is not None:
            copies = docker_copies(source, index, docker_contexts(posixpath.dirname(path)))
            index.image_commands.update(_installed_commands(copies | _linked_onto_path(source, copies), index))
            index.on_image_path.update(posixpath.basename(target) for target in copies
                                       if posixpath.dirname(target) in PATH_FOLDERS)
            index.image_scripts.update(copies.values())
    index.flask_groups.update(flask_cli_groups(root, scripts))
    for group, word, script in registered:  # ``tempest.cm``: the ``tempest`` command's
        command = re.split(r"[._-]", group)[0]
        if command in index.commands:
            index.subcommands.setdefault(command, {}).setdefault(word, script)
    # Each file is read on its own (the index is only read from now on): in chunks, on every
    # core for a large tree; one caller per script and line, the first one read kept.
    found: dict[str, dict[tuple[str, int], Caller]] = {}
    for chunk in map_chunks(functools.partial(_read_callers, root=root, index=index, plan=plan),
                            plan, jobs):
        for script, callers in chunk.items():
            mine = found.setdefault(script, {})
            for key, caller in callers.items():
                mine.setdefault(key, caller)
    return {script: sorted(callers.values(), key=lambda c: (c.path, c.line))
            for script, callers in found.items()}


def _read_callers(files: Sequence[tuple[str, str]], *, root: Path, index: ScriptIndex,
                  plan: list[tuple[str, str]]) -> dict[str, dict[tuple[str, int], Caller]]:
    """The callers found in ``files`` (paths and readers of the plan)."""
    collector = Collector(index)
    for path, kind in files:
        source = read_text(root / path)
        if source is None or (kind == "json" and len(source) > _MAX_JSON_CHARS):
            continue  # (a large JSON file is data, not a tool's configuration)
        index.hints = None
        # hands over to a module it imports, or names the modules of lazily loaded click groups
        package_main = path.endswith("__main__.py") or (kind == "python" and (
            "import_name" in source or "lazy_subcommands" in source or "run_module" in source))
        if kind in _HINTED:
            hints = index.mentions(source, modules=package_main, path=path)
            if not hints and (kind != "shell" or _GLOB_LOOP.search(source) is None):
                continue  # (``for f in lib/*.sh; do . "$f"; done`` names none, runs each)
            if len(hints) <= _MAX_HINTS:
                index.hints = frozenset(hints)
        elif not index.mentioned_in(source, modules=kind == "entry-point" or package_main, path=path) and not (
                kind == "github-actions" and "matrix." in source) and not (
                kind in ("yaml", "terraform") and ("andler" in source or "entry_point" in source)):
            # (a name filled in from the matrix; a serverless function's handler, ``main.handler``
            # for ``main.py``, or a cloud function's entry point in the ``main.py`` it zips)
            continue
        file = CallerFile.of(path, source)
        index.functions = frozenset(
            a or b for a, b in _SHELL_FUNCTION.findall(source)) if kind == "shell" else frozenset()
        if kind == "yaml" and "job:" in source and _CRON_ITEMS.search(source):
            callers_in_yaml_lines(file, index, collector, "cron")
        if kind == "yaml" and "job=" in source:
            callers_in_inline_cron(file, index, collector)
        if kind == "entry-point" and path.endswith("setup.py") and "subprocess" in source:
            # a package's build running a script of its own (``check_output([version_script])``)
            callers_in_python(file, index, collector, plan)
        try:
            _SCANNERS[kind](file, index, collector, plan)
        except yaml.YAMLError:
            # A templated file (Helm, Jinja) is not YAML until rendered: read it line by line.
            fallback = YAML_FALLBACK_KINDS.get(kind)
            if fallback is not None and (kind != "yaml" or "CronJob" in source):
                callers_in_yaml_lines(file, index, collector, fallback)
        except (RecursionError, ValueError):
            continue
        finally:
            index.hints = None
            index.functions = frozenset()
    return collector.found


_MAX_JSON_CHARS = 256 * 1024
_CRON_ITEMS = re.compile(r"^\s*-?\s*(?:minute|hour|special_time|weekday):.*\n(?:.*\n){0,3}?\s*job:\s*\S", re.M)
"""Cron entries kept as data for a configuration tool (Ansible's ``cron`` module: ``minute:``,
``hour:``, ``job: CMD``): each ``job`` is a command run on that schedule."""
_SHELL_FUNCTION = re.compile(r"^[ \t]*(?:function[ \t]+([\w.:-]+)|([\w.:-]+)[ \t]*\(\))", re.M)
_GLOB_LOOP = re.compile(r"^\s*for\s+\w+\s+in\s+[^;\n]*[*?]", re.M)
_HINTED = frozenset({"shell", "python"})
"""Readers of scripts calling scripts, whose commands are the file's own words: a command is
looked at only when one of its words holds a name the file mentions (a third of a scan was
resolving the words of commands that name no script). Other readers build commands from
templates, aliases and copies, and read every command of a file that mentions a name."""
_MAX_HINTS = 64


_TEMPLATE_SUFFIXES = (".j2", ".jinja", ".jinja2", ".tmpl", ".tpl", ".erb")



def _learn_deployments(index: ScriptIndex, deployed: dict[str, tuple[str, str]],
                       plan: list[tuple[str, str]]) -> None:
    """What the tasks of a configuration tool install (:func:`ansible_deployments`): the
    scripts by installed path, and the cron tables installed into ``/etc/cron.d`` read as such."""
    index.deployed = {dest: source for dest, (source, _) in deployed.items() if source in index.scripts}
    index.deployed_names = frozenset(
        re.sub(r"[{}]", "", dest.rpartition("/")[2]) for dest in index.deployed)
    index.deployed_on_path = {dest.rpartition("/")[2]: script for dest, script in index.deployed.items()
                              if posixpath.dirname(dest) in PATH_FOLDERS}
    index.deploying = frozenset(path for pair in deployed.values() for path in pair)
    planned = {path for path, _ in plan}
    plan += [(table, "cron") for table in sorted(cron_tables(deployed)) if table not in planned]


_SYMLINK = re.compile(r"\bln\s+((?:-[A-Za-z]+\s+)+)([^\s;&|]+)\s+([^\s;&|]+)")


def _linked_onto_path(text: str, copies: dict[str, str]) -> dict[str, str]:
    """Scripts an image links onto its PATH after copying them (``COPY ./scripts /scripts``,
    ``RUN ln -s /scripts/rconcli.sh /usr/local/bin/rconcli``): {the link's path: the script}."""
    if "ln " not in text:
        return {}
    found: dict[str, str] = {}
    for match in _SYMLINK.finditer(text):
        options, target, link = match.groups()
        script = copies.get(target.strip("\"'"))
        link = link.strip("\"'")
        if "s" in options and script and posixpath.dirname(link) in PATH_FOLDERS:
            found[link] = script
    return found


def _installed_commands(copies: dict[str, str], index: ScriptIndex) -> dict[str, str]:
    """Commands an image installs on its PATH under a name of their own (``COPY
    jenkins-plugin-cli.sh /bin/jenkins-plugin-cli``), from a Dockerfile's copies: run by that
    bare name in Dockerfiles (of images built ``FROM`` it too), compose files and the scripts
    images hold (:attr:`ScriptIndex.image_commands`). Not one that takes the name of a script."""
    return {name: script for target, script in copies.items()
            if posixpath.dirname(target) in PATH_FOLDERS
            and (name := posixpath.basename(target)) not in index.by_basename}


def classify(path: str, scripts: frozenset[str]) -> str | None:
    """Which reader applies to a file, from its path alone (None: not a caller). A template
    of one (``supervisor_task.conf.j2``, ``docker-compose.yml.j2``) is read as what it renders."""
    if path.lower().endswith(_TEMPLATE_SUFFIXES) and path not in scripts:
        rendered = classify(path.rsplit(".", 1)[0], scripts)
        if rendered is not None or not path.lower().endswith(".erb"):
            return rendered  # (an ERB template read by its own name otherwise: ``x.conf.erb``)
    name = posixpath.basename(path)
    lower = name.lower()
    parts = path.split("/")
    folders = parts[:-1]
    yaml_file = lower.endswith((".yml", ".yaml"))
    if len(parts) >= 3 and parts[-3:-1] == [".github", "workflows"] and yaml_file:
        return "github-actions"
    if ".github" in folders and "actions" in folders and lower in ("action.yml", "action.yaml"):
        return "github-actions"
    if lower in (".gitlab-ci.yml", ".gitlab-ci.yaml") or (".gitlab" in folders and yaml_file) or lower.endswith(
            (".gitlab-ci.yml", ".gitlab-ci.yaml")):  # (``.ci/linux.gitlab-ci.yml``: a file the main one includes)
        return "gitlab-ci"
    if (lower in ("makefile", "gnumakefile") or lower.endswith((".mk", ".make"))
            or lower.startswith(("makefile.", "gnumakefile."))) and path not in scripts:
        # (``Makefile.inc``, ``Makefile.images``: parts a Makefile includes)
        return "makefile"
    if lower in ("justfile", ".justfile") or lower.endswith(".just"):
        return "justfile"
    if lower in ("tox.ini", "tox.toml"):
        return "tox"
    if lower == "hatch.toml":
        return "hatch"
    if lower == "pom.xml":
        return "maven"
    if lower.endswith((".gradle", ".gradle.kts")):  # (``build.gradle``, a module's ``daemon.gradle``)
        return "gradle"
    if lower == ".bazelrc" or (lower.endswith(".bazelrc") and path not in scripts):
        return "bazelrc"
    if lower.endswith(".tf") and path not in scripts:
        return "terraform"
    if lower in ("pyproject.toml", "setup.py", "setup.cfg"):
        return "entry-point"
    if lower in ("dockerfile", "containerfile") or lower.endswith((".dockerfile", ".containerfile")) \
            or lower.startswith(("dockerfile.", "containerfile.", "dockerfile-", "dockerfile_")):
        # also the templates a Dockerfile is generated from (Dockerfile-alpine.template)
        return "dockerfile"
    if yaml_file and (lower.startswith(("docker-compose", "compose.", "compose-"))):
        return "compose"
    if lower.startswith("jenkinsfile") or lower.endswith(".jenkinsfile") or (
            path not in scripts and "." not in name
            and any(f.lower().startswith("jenkinsfile") for f in folders)):
        # (and the pipelines of a ``Jenkinsfile.d/`` folder, ``Jenkinsfile.d/core/release``)
        return "jenkins"
    if lower.endswith(".groovy") and path not in scripts and (
            "jenkins" in path.lower() or "vars" in folders
            or any(word in lower for word in ("pipeline", "job", "dsl", "seed"))):
        # a job DSL seed or a pipeline library's step (``jenkins-dsl/cassandra_job_dsl_seed.groovy``,
        # ``vars/deploy.groovy``): ``shell('./build.sh')``, ``sh "./test.sh"`` as in a Jenkinsfile
        return "jenkins"
    if (yaml_file and (".circleci" in folders or ".buildkite" in folders or "buildkite" in folders or ".azure" in folders
                       or ".azure-pipelines" in folders or "buildspecs" in folders or lower.startswith((
            "azure-pipelines", "bitbucket-pipelines", ".travis", ".drone", "buildkite",
            ".woodpecker", "cloudbuild", "appveyor", "codefresh", "buildspec",
            ".craft.")) or "_cloudbuild." in lower or "-cloudbuild." in lower
                       # a snap's, rock's or charm's build: its parts' scriptlets, its apps' commands
                       or lower in ("snapcraft.yaml", ".snapcraft.yaml", "rockcraft.yaml", "charmcraft.yaml"))) \
            or ".woodpecker" in folders:
        return "ci"
    if lower in (".cirrus.yml", ".cirrus.yaml"):
        return "cirrus"
    if lower in ("taskfile.yml", "taskfile.yaml", "taskfile.dist.yml", "taskfile.dist.yaml") or (
            yaml_file and lower.startswith("taskfile.") and path not in scripts):
        return "taskfile"
    if lower in (".gitpod.yml", ".gitpod.yaml"):
        return "gitpod"
    if yaml_file and lower.startswith("skaffold") and path not in scripts:
        return "skaffold"
    if lower == "config.xml" and "jobs" in folders:
        return "jenkins-job"  # (``jenkins/jobs/<name>/config.xml``, a job as Jenkins keeps it)
    if lower in (".pre-commit-config.yaml", ".pre-commit-config.yml", ".pre-commit-hooks.yaml"):
        return "pre-commit"
    if name == "Procfile" or lower.startswith("procfile."):
        return "procfile"
    if lower in ("app.json", "heroku.yml") and path not in scripts:
        return "heroku"
    if lower == "package.json" and "node_modules" not in folders:
        return "npm"
    if ("logrotate" in lower and lower.endswith(".conf")) or "logrotate.d" in folders:
        return "logrotate"
    if lower.endswith((".service", ".timer", ".systemd")) or (
            lower.endswith(".conf") and folders and folders[-1].endswith((".service.d", ".timer.d"))):
        return "systemd"  # (a drop-in, ``docker.service.d/failure.conf``: ``ExecStartPre=...``)
    if lower in ("up", "down", "run", "finish") and len(folders) >= 2 and folders[-2] in ("s6-rc.d", "services.d") \
            and path not in scripts:
        # (a longrun's ``run``/``finish`` in execline, ``#!/command/execlineb -S2``, which no
        # shell reads: its command lines all the same)
        return "s6-rc"
    if "pam.d" in folders and path not in scripts:
        return "pam"
    if name == "Vagrantfile":
        return "vagrant"
    if name == "Tiltfile" or lower.endswith(".tiltfile"):
        return "python"  # Starlark, which parses as Python: ``local_resource(cmd="./x.sh")``
    if lower.endswith((".pkr.json", ".pkr.hcl")) or (lower.endswith(".json") and (
            "packer" in lower or lower == "template.json" or "packer" in folders)):
        return "packer"
    if (lower.endswith(".ini") and path not in scripts) or (lower.endswith(".conf") and (
            "supervisor" in path.lower() or "uwsgi" in lower)):
        return "ini"
    if lower.endswith(".pp") and path not in scripts:
        return "puppet"
    if lower.endswith(".rb") and ("recipes" in folders or "resources" in folders) and "cookbooks" in folders:
        return "chef"
    if lower.endswith(".sls") and path not in scripts:
        return "salt"
    if lower.endswith(".nix"):
        return "nix"
    if path not in scripts and (name == "Snakefile" or lower.endswith(".smk")):
        return "snakemake"
    if path not in scripts and len(parts) >= 2 and parts[-2].lower() in ("docker", "dockerfiles") \
            and "." not in name and name not in ("README", "LICENSE", "Makefile"):
        return "dockerfile"  # (``docker/prod``, ``docker/dev``: an image's Dockerfile by its stage)
    if path not in scripts and ((lower == "monit" and len(parts) >= 3 and parts[-3] == "jobs")
                                or lower in ("bpm.yml", "bpm.yml.erb")):
        return "daemon-config"  # a BOSH job's process supervision: monit, or BPM
    if lower.startswith(("slurm", "rsnapshot", "lightdm")) and ".conf" in lower and path not in scripts:
        return "daemon-config"  # (``slurm.conf``, ``slurm.conf.epp``: ``Epilog=/etc/slurm/epilog``)
    if lower.endswith(".conf") and "actions.d" in folders and path not in scripts:
        return "daemon-config"  # (OPNsense's configd: ``[reload]`` / ``command:/usr/local/.../x.py -s``)
    if (lower.endswith((".cfg", ".cfg.erb", ".conf.erb")) and lower != "setup.cfg" and path not in scripts) or (
            lower.endswith(".conf") and folders and folders[-1] == "init" and path not in scripts):
        return "daemon-config"  # (and an upstart job, ``etc/init/x.conf``: ``exec /usr/bin/x``)
    if lower.endswith(".spec") and path not in scripts:
        return "rpm-spec"
    if path in scripts:
        return "python" if lower.endswith(".py") else "shell"
    if (lower in ("crontab", "cron") or lower.endswith((".cron", ".crontab")) or "crontab" in lower
            or (lower.startswith("cron") and lower.endswith((".txt", ".tab", ".conf")))  # cronjobs.txt
            or any(f in ("cron.d", "cron", "crontabs", "crontab") for f in folders)):
        return "cron"
    if lower.endswith(".py"):
        return "python"
    if lower.endswith((".sh", ".bash", ".zsh", ".ksh", ".bats")) or lower == ".envrc":
        return "shell"  # (bats tests: shell with @test; direnv's ``.envrc``, sourced on ``cd``)
    if lower.endswith(".go"):
        return "go"
    if yaml_file:
        return "yaml"
    if lower.endswith(".json") and not lower.endswith(("-lock.json", ".lock.json")) and "node_modules" not in folders:
        return "json"  # (a tool's configuration naming the scripts it runs: ``"script": "x.sh"``)
    return None


_GITLAB_SHAPE = re.compile(r"^stages:[ \t]*\n(?:[ \t]*-[ \t]*\S.*\n)+(?:.*\n)*?[ \t]+(?:before_)?script:", re.M)
"""A YAML file (or its template) with GitLab CI's top-level ``stages:`` list and jobs'
``script:``: a pipeline, whatever its name (``ci/input_files/build.yaml.tpl``, a template a
generator renders into the pipeline a parent triggers)."""


def _gitlab_shaped(root: Path, plan: list[tuple[str, str]]) -> set[str]:
    found: set[str] = set()
    for path, kind in plan:
        if kind == "yaml" and (source := read_text(root / path)) is not None and "stages:" in source \
                and _GITLAB_SHAPE.search(source):
            found.add(path)
    return found


def _plan(files: Sequence[str], index: ScriptIndex) -> list[tuple[str, str]]:
    plan: list[tuple[str, str]] = []
    for path in files:
        kind = classify(path, index.scripts)
        if kind == "python" and index.root is not None and path in index.scripts and _shell_shebang(index.root / path):
            kind = "shell"  # ``tools/mail.py`` that starts ``#!/bin/bash``: read as what it is
        if kind is not None:
            plan.append((path, kind))
    return plan


def _shell_shebang(file: Path) -> bool:
    try:
        with open(file, "rb") as handle:
            return interpreter_of(handle.readline(512))[0] == "shell"
    except OSError:
        return False


_SCANNERS = {
    "github-actions": callers_in_github,
    "gitlab-ci": callers_in_gitlab,
    "ci": callers_in_ci,
    "jenkins": callers_in_jenkins,
    "cirrus": callers_in_cirrus,
    "gitpod": callers_in_gitpod,
    "skaffold": callers_in_skaffold,
    "jenkins-job": callers_in_jenkins_job,
    "taskfile": callers_in_taskfile,
    "makefile": callers_in_makefile,
    "justfile": callers_in_justfile,
    "tox": callers_in_tox,
    "hatch": callers_in_hatch,
    "cron": callers_in_cron,
    "systemd": callers_in_systemd,
    "systemd-timer": callers_in_systemd,
    "packer": callers_in_packer,
    "maven": callers_in_maven,
    "gradle": callers_in_gradle,
    "bazelrc": callers_in_bazelrc,
    "snakemake": callers_in_snakemake,
    "terraform": callers_in_terraform,
    "procfile": callers_in_procfile,
    "heroku": callers_in_heroku_app,
    "npm": callers_in_package_json,
    "logrotate": callers_in_logrotate,
    "ini": callers_in_ini,
    "pre-commit": callers_in_pre_commit,
    "dockerfile": callers_in_dockerfile,
    "compose": callers_in_compose,
    "entry-point": callers_in_entry_points,
    "python": callers_in_python,
    "shell": callers_in_shell,
    "yaml": callers_in_yaml,
    "puppet": callers_in_puppet,
    "chef": callers_in_chef,
    "salt": callers_in_salt,
    "daemon-config": callers_in_daemon_config,
    "go": callers_in_go,
    "s6-rc": callers_in_s6_rc,
    "vagrant": callers_in_vagrantfile,
    "rpm-spec": callers_in_rpm_spec,
    "pam": callers_in_pam,
    "json": callers_in_json,
    "nix": callers_in_nix,
}
