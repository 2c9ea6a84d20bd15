"""The references to scripts in caller files: :class:`ScriptIndex` (each script by file name and
Python module name, and how a written path is anchored and matched by its longest unambiguous
suffix), the small shell-like scanner (:func:`split_commands`, :func:`command_refs`: words,
``$(dirname "$0")`` and ``cd dir &&``, variables) and what every reader shares: the file read,
the collector of callers, a chunk of shell or an exec-form word list scanned for references.
"""

from __future__ import annotations

import bisect
import fnmatch
import posixpath
import re
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from opsctl.adopt.model import Caller, CallerKind

MAX_BYTES = 2 * 1024 * 1024
"""Caller files larger than this are not read (a generated or data file, not a pipeline)."""

# The directory of the running script, in its usual shell spellings, rewritten to ``$__HERE``
# (on one line: rewriting never removes a line break, so line numbers hold).
_SP = r"[ \t]"
_SELF = r"""["']?\$\{?(?:0|BASH_SOURCE(?:\[0\])?)\}?["']?"""
_SELF_RESOLVED = (rf"""(?:{_SELF}|["']?\$\({_SP}*(?:readlink{_SP}+-f|realpath){_SP}+{_SELF}{_SP}*\)"""
                  r"""["']?)""")
_DIRNAME = (rf"""\$\({_SP}*dirname{_SP}+(?:--{_SP}+)?{_SELF_RESOLVED}{_SP}*\)"""
            rf"""|`{_SP}*dirname{_SP}+{_SELF}{_SP}*`""")
_HERE_RE = re.compile(
    rf"""\$\({_SP}*cd{_SP}+(?:-P{_SP}+)?(?:--{_SP}+)?["']?(?:{_DIRNAME})(?P<up>/\.\.)?["']?{_SP}*"""
    rf"""(?:[&12]?>{_SP}*/dev/null{_SP}*(?:2>&1{_SP}*)?)?(?:&&|;){_SP}*pwd(?:{_SP}+-P)?{_SP}*\)"""
    rf"""|(?:{_DIRNAME})|\$\{{(?:0|BASH_SOURCE(?:\[0\])?)%/\*\}}""")
GH_WORKSPACE_RE = re.compile(r"\$\{\{\s*github\.workspace\s*\}\}")
_VAR_PREFIX_RE = re.compile(r"^\$(?:\{([A-Za-z_]\w*)(?::?\?[^}/]*)?\}|([A-Za-z_]\w*))(/|$)")
"""``$ROOT/``, ``${ROOT}/``, and ``${ROOT?}/``/``${ROOT:?unset}/`` (the same value, or an error)."""
_HEREDOC_RE = re.compile(r"<<-?\s*(['\"]?)([A-Za-z_]\w*)\1")
_PYTHONISH_RE = re.compile(r"(?i)python|^py$|^uv$|^coverage$|^pipenv$|^poetry$|^pdm$|^hatch$|^\$X$")
_MODULE_RE = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$")
_PLAIN_RUN_RE = re.compile(r"[^\s\"'\\#$<;&|()`>]+")
_DQ_STOP_RE = re.compile(r'["\\]|\$\((?!\()')
_PIECE_SPLIT_RE = re.compile(r"[\s=,;:|&\[\](){}]+")
BRACED_VAR_RE = re.compile(r"\$\{(\w+)\}")
_GUARDED_VAR_RE = re.compile(r"\$\{(\w+):?\?[^}]*\}")
"""``${GITHUB_WORKSPACE?}``, ``${ROOT:?unset}``: the variable's value (or an error)."""
_TEMPLATE_SUFFIXES = (".j2", ".jinja", ".jinja2", ".erb", ".tmpl", ".tpl")
_NAME_TOKEN_RE = re.compile(r"\.?[\w\-]+(?:\.[\w\-]+)*")  # (``.snapshot-url.sh``: a hidden script too)

HERE_VARS = frozenset({"__HERE", "SCRIPT_DIR", "SCRIPTDIR", "SCRIPTS_DIR", "DIR", "HERE", "BASEDIR",
                       "BASE_DIR", "THIS_DIR", "MYDIR", "MY_DIR", "SCRIPTPATH", "SCRIPT_PATH",
                       "CURDIR", "CURRENT_DIR", "BIN_DIR", "BINDIR"})
ROOT_VARS = frozenset({"__ROOT", "GITHUB_WORKSPACE", "CI_PROJECT_DIR", "REPO_ROOT", "ROOT_DIR",
                       "PROJECT_ROOT", "PROJECT_DIR", "TOPDIR", "TOP_DIR", "WORKSPACE", "REPO_DIR",
                       "BITBUCKET_CLONE_DIR", "CIRCLE_WORKING_DIRECTORY", "BUILD_SOURCESDIRECTORY",
                       "DRONE_WORKSPACE", "TRAVIS_BUILD_DIR", "BUILDKITE_BUILD_CHECKOUT_PATH",
                       "toxinidir", "GIT_ROOT"})
CWD_VARS = frozenset({"PWD", "pwd"})
WRAPPERS = frozenset({"sudo", "exec", "time", "nohup", "env", "nice", "ionice", "command", "builtin",
                      "xargs", "timeout", "stdbuf", "chronic", "setsid", "unbuffer", "then", "do",
                      "else", "elif", "if", "while", "until", "!", "{", "run-one", "flock", "watch",
                      "strace", "caffeinate", "doas", "eval"})
_SYSTEM_BINS = ("/bin/", "/usr/bin/", "/usr/local/bin/", "/sbin/", "/usr/sbin/")
_RUNS_ITS_ARGUMENT = frozenset({"ssh", "su", "runuser", "chroot", "parallel", "run-parts", "start-stop-daemon",
                                "daemon", "supervise", "chpst", "s6-setuidgid", "gosu", "su-exec", "tini",
                                "dumb-init", "setpriv", "capsh", "unshare", "nsenter", "systemd-run",
                                "screen", "tmux", "script", "expect", "entr", "retry", "with-contenv",
                                "timeout.sh"})
"""Programs whose later words are a command they run (``ssh host prune-backups``,
``gosu app prune-backups``, ``systemd-run --unit x prune-backups``)."""
_RUNNER_NAME = re.compile(r"(?:^|[_-])(?:run|exec|env|setenv|envdir|wrap|wrapper|retry|with|as)(?:$|[_-])")
"""A project's own wrapper, named for running what it is given (``debug_and_run``,
``govuk_setenv``, ``with_retries``, ``run_as``)."""
SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "/bin/sh", "/bin/bash", "/usr/bin/env",
                    "/usr/bin/bash", "/bin/zsh", "/bin/dash"})
NOT_RUNNING = frozenset({
    "echo", "printf", "cat", "cp", "mv", "rm", "ln", "chmod", "chown", "chgrp", "touch", "ls",
    "test", "[", "[[", "install", "scp", "rsync", "grep", "egrep", "fgrep", "rg", "sed", "diff",
    "stat", "file", "wc", "head", "tail", "less", "more", "vi", "vim", "nano", "shellcheck", "shfmt",
    "tar", "zip", "unzip", "gzip", "git", "curl", "wget", "mkdir", "dirname", "basename",
    "realpath", "readlink", "read", "which", "type", "hash", "md5sum", "sha256sum", "sha1sum",
    "dos2unix", "black", "ruff", "flake8", "pylint", "mypy", "isort", "pyflakes", "bandit",
    "yamllint", "aws", "gsutil", "log", "info", "warn", "warning", "die", "error", "fail", "usage",
    "logger", "COPY", "ADD", "find", "du", "sort", "uniq", "tee", "pycodestyle", "autopep8",
    "pre-commit", "codespell", "chattr", "setfacl", "openssl", "gpg", "base64", "xxd", "od",
})
CONTAINER_RUNTIMES = frozenset({"docker", "docker-compose", "podman", "podman-compose", "nerdctl",
                                "kubectl", "oc"})
"""Commands whose arguments run inside a container: a bare name there is a subcommand, a service,
an image or a program on the image's PATH (``docker compose run web run``), never the repository's
script of that name; a path with a folder is the image's path, matched like a deployed path."""
PACKAGE_MANAGERS = frozenset({"apt", "apt-get", "apt-cache", "aptitude", "dpkg", "dpkg-query", "yum",
                              "dnf", "zypper", "apk", "brew", "pip", "pip3", "conda", "snap",
                              "rpm", "gem", "port", "choco", "microdnf", "tdnf"})
# (not ``pipx``: ``pipx run scripts/x.py`` runs a script)
"""Commands whose bare-name arguments are package names (``apt-cache depends patroni``)."""
_SYSTEM_BIN = re.compile(r"^/(?:usr/(?:local/)?)?s?bin/[^/]+$")
_MESSAGE_COMMAND = re.compile(
    r"(?i)(?:^|_)(?:log|logger|print|msg|message|say|puts|debug|info|notice|warn|warning|error|"
    r"fatal|die|abort|verbose|banner|title|header|status|note|err|echo|printf|whiptail|dialog|zenity)(?:_|$)")
"""Commands that print their arguments (``log_info "Running: ./launcher rebuild"``): a
sentence given to them mentions a script, it does not run it."""
_DECLARES = frozenset({"declare", "local", "export", "readonly", "typeset"})
_SHELL_BUILTINS = frozenset({
    "export", "local", "declare", "readonly", "typeset", "set", "unset", "shift", "source", "test",
    "true", "false", "exit", "return", "read", "eval", "exec", "cd", "echo", "printf", "trap", "wait",
    "umask", "ulimit", "alias", "unalias", "type", "hash", "getopts", "let", "break", "continue"})
"""Run as a bare word, the shell's own command, whatever a script of that name (a plugin's
``subcommands/export``) the repository holds."""
_BUILTIN_NAMES = frozenset({
    "test", "true", "false", "exit", "return", "set", "unset", "export", "local", "declare",
    "readonly", "shift", "source", "wait", "trap", "kill", "umask", "ulimit", "alias", "times",
    "run", "start", "stop", "restart", "status", "help", "check", "build", "install", "setup",
    "main", "init", "update", "upgrade", "clean", "all", "default"})
"""A bare word that is also a shell builtin or an everyday verb (a subcommand, a make target,
a service action) does not name the repository's script of that name: ``ghe-ssh host test -f``
runs ``test``, ``$docker run`` runs no ``run`` script. A path (``./test``, ``script/test``) still
does."""
_READ_INTO_COMMAND = re.compile(r"""\$\(\s*(?:cat\s+|<\s*)(['"]?)([^\s()'"]+)\1\s*\)""")
"""``$(cat FILE)`` or ``$(< FILE)``: a file's text made the command string of ``sh -c``."""
_COMMAND_OPTIONS = frozenset({("su", "-c"), ("su", "--command"), ("runuser", "-c"), ("runuser", "--command"),
                              # Cloud Foundry: ``cf run-task APP --command 'python manage.py x'``
                              ("cf", "--command"), ("cf", "-c"),
                              ("tox", "--run-command"),
                              ("script", "-c"), ("script", "--command")})
"""A program's option whose value is a command line it runs (``su app --command "x.sh"``,
``tox -e dev --run-command 'python3 -m pkg.init_db'``)."""
_SYSTEM_PROGRAMS = frozenset({
    "go", "make", "python", "python3", "pip", "pip3", "node", "npm", "java", "ruby", "perl", "cargo",
    "gcc", "cc", "docker", "kubectl", "helm", "terraform", "mysql", "psql", "ssh", "jq", "yq"})
"""Programs a script of the repository is sometimes named after (``script/go``, a wrapper that
sets up a GOPATH): a bare command of that name runs the program on the PATH."""
PACKAGE_TASK_RUNNERS = frozenset({"npm", "pnpm", "yarn", "bun", "npx", "pnpx", "bunx"})
_ENV_RUNNERS = frozenset({"poetry", "uv", "pdm", "pipenv", "rye", "pixi", "devbox"})
"""``X run CMD`` runs CMD (a script, or a command the project installs) in its environment
(``devbox run -- 'cd scripts && ./x.sh'``: a whole command line in one word, as ``sh -c``)."""
_ENV_RUNNER_VALUED = frozenset({
    "--group", "--only-group", "--no-group", "--extra", "--with", "-w", "--with-editable",
    "--with-requirements", "--python", "-p", "--package", "--env-file", "--directory", "--project",
    "--index", "--default-index", "--index-url", "--extra-index-url", "-C", "-P", "--venv",
    "--environment", "-e", "--manifest-path", "--pyproject", "--config", "-c", "--env"})
"""Options of those runners' ``run`` that take the next word as their value."""
_PATH_FOLDER_NAMES = frozenset({"/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"})
_FIND_EXEC = frozenset({"-exec", "-execdir", "-ok", "-okdir"})
"""Commands whose bare-name arguments are package.json tasks or package binaries."""


# --- the index of scripts -----------------------------------------------------------------------


@dataclass(slots=True)
class ScriptIndex:
    """The scripts by path, by file name and by last module component."""

    scripts: frozenset[str]
    by_basename: dict[str, list[str]]
    by_module_tail: dict[str, list[str]]
    root: Path | None = None
    _django_mains: dict[str, bool] = field(default_factory=dict)
    _name_parts: dict[str, bool] = field(default_factory=dict)
    commands: dict[str, str] = field(default_factory=dict)
    """Commands the package installs (``console_scripts`` names) -> the script each runs."""
    image_commands: dict[str, str] = field(default_factory=dict)
    """Commands an image installs on its PATH (``COPY x.sh /usr/local/bin/x``) -> the script:
    run by that name in a Dockerfile, a compose file or a script an image holds (elsewhere,
    on a CI runner or a developer's machine, the name is some other program's, often the
    project's own command: ``prefect`` is not the client image's stub in a workflow)."""
    on_image_path: set[str] = field(default_factory=set)
    """Names of the scripts an image of the folder puts on its PATH (``ADD ./bin /usr/local/bin``):
    run by that bare name inside the container (``docker run -v ... $IMG ovpn_genconfig``)."""
    _sorted: list[str] | None = None
    by_stem: dict[str, list[str]] | None = None
    """The ``.py``/``.sh`` scripts by file name without the extension (built when first asked for)."""
    by_folder: dict[str, list[str]] | None = None
    """The scripts of each folder (built when first asked for: see :func:`_scripts_in_folder`)."""
    image_scripts: set[str] = field(default_factory=set)
    """The scripts the project's Dockerfiles copy into an image (images built ``FROM`` another
    are not followed: every image's scripts count)."""
    subcommands: dict[str, dict[str, str]] = field(default_factory=dict)
    """An installed command's subcommands registered as entry points (cliff): command -> the
    subcommand's first word -> the script (``tempest cleanup`` runs ``tempest/cmd/cleanup.py``)."""
    flask_groups: dict[str, str] = field(default_factory=dict)
    make_values: dict[str, dict[str, str]] = field(default_factory=dict)
    """Folder -> the literal variables its Makefiles define (``export SCRIPTS_DIR=./scripts``):
    an included ``Makefile.inc`` uses what the Makefile beside it sets."""
    deployed: dict[str, str] = field(default_factory=dict)
    """Path a configuration tool installs a script at (``/usr/local/sbin/firewall``, or a
    template's ``{{vars_gc_path}}``) -> the script (:mod:`~opsctl.adopt.callers_deploy`)."""
    deployed_names: frozenset[str] = frozenset()
    """The last parts of those paths (``firewall``): words that may name a script."""
    deployed_on_path: dict[str, str] = field(default_factory=dict)
    """Those installed into a PATH folder, by bare name: run so by the files installed with them
    and by the tasks that install them (``sudo -u renew -- renew-ssl-certs``)."""
    deploying: frozenset[str] = frozenset()
    """The files that install, or are installed by, a configuration tool."""
    functions: frozenset[str] = frozenset()
    """While a shell file is read: the functions it defines, which its bare commands of those
    names call (``build linux amd64`` after ``function build {``)."""
    hints: frozenset[str] | None = None
    """While one file is read: the names it mentions (:meth:`mentions`). A simple command none
    of whose words holds one of them runs no script, and is passed over (None: none known)."""
    """Click groups a Flask application's CLI takes (``app.cli.add_command(manage.mailu)``):
    ``flask mailu ...`` runs the module that declares ``mailu``."""

    @classmethod
    def of(cls, scripts: Iterable[str], root: Path | None = None) -> ScriptIndex:
        paths = frozenset(scripts)
        by_basename: dict[str, list[str]] = {}
        by_module_tail: dict[str, list[str]] = {}
        for path in sorted(paths):
            name = posixpath.basename(path)
            by_basename.setdefault(name, []).append(path)
            if name.endswith(".sh.in"):  # ``backup.sh.in``: run by the name the build gives it
                by_basename.setdefault(name[:-3], []).append(path)
            elif name.endswith(_TEMPLATE_SUFFIXES) and name.rpartition(".")[0].endswith((".sh", ".py")):
                # ``update_conf.sh.j2``: a template a configuration tool installs as ``update_conf.sh``
                by_basename.setdefault(name.rpartition(".")[0], []).append(path)
            module = _module_parts(path)
            if module:
                by_module_tail.setdefault(module[-1], []).append(path)
        return cls(paths, by_basename, by_module_tail, root)

    def sorted_scripts(self) -> list[str]:
        """The scripts' paths in order (built when first asked for)."""
        if self._sorted is None:
            self._sorted = sorted(self.scripts)
        return self._sorted

    def stems(self) -> dict[str, list[str]]:
        """The ``.py``/``.sh`` scripts with a distinctive name (a ``-`` or ``_``, six characters
        or more) by that name without the extension (built when first asked for)."""
        if self.by_stem is None:
            self.by_stem = {}
            for path in self.scripts:
                stem, dot, suffix = posixpath.basename(path).rpartition(".")
                if dot and suffix in ("py", "sh", "bash") and len(stem) >= 6 and ("-" in stem or "_" in stem):
                    self.by_stem.setdefault(stem, []).append(path)
        return self.by_stem

    def installed_without_extension(self, word: str, *, command_position: bool) -> str | None:
        """The script a command names by its file name without ``.py``/``.sh``, as a package
        installs it (``ops-runner`` for ``scripts/monitoring/ops-runner.py``): a bare command,
        or a path in a PATH folder (``/usr/bin/cron-send-pcp-ping``). Only a distinctive name
        (with a ``-`` or ``_``, six characters or more) that one script of the tree has."""
        folder, _, name = word.rpartition("/")
        found = self.stems().get(name)  # (most words name no script: a look-up first)
        if found is None or len(found) != 1 or (folder and folder not in _PATH_FOLDER_NAMES) or (
                not folder and not command_position):
            return None
        return found[0]

    def is_django_main(self, script: str) -> bool:
        """Whether a Python script hands its arguments to Django's command line
        (``execute_from_command_line``) like ``manage.py`` does: read once, when it is run."""
        known = self._django_mains.get(script)
        if known is None:
            text = read_text(self.root / script) if self.root is not None else None
            known = text is not None and "execute_from_command_line" in text
            self._django_mains[script] = known
        return known

    def mentioned_in(self, text: str, *, modules: bool = False, path: str = "") -> bool:
        """Whether ``text`` holds a word that may name a script (a cheap filter before parsing):
        a file name, or with ``-m`` (or ``modules``) a module, or a Django command name; the
        name of ``path`` itself (a script's usage text) does not count."""
        return next(self._naming_words(text, modules, path), None) is not None

    def mentions(self, text: str, *, modules: bool = False, path: str = "") -> set[str]:
        """Every word of ``text`` that may name a script, as :meth:`mentioned_in` looks for
        the first."""
        return set(self._naming_words(text, modules, path))

    def _naming_words(self, text: str, modules: bool, path: str) -> Iterator[str]:
        modules = modules or "-m" in text
        commands = ("manage" in text or "django-admin" in text or "call_command" in text
                    or "MANAGE" in text)  # (``python $MANAGE_FILE x``)
        by_basename, installed, in_images, deployed = (self.by_basename, self.commands, self.image_commands,
                                                       self.deployed_names)
        stems = self.stems()
        # each word once (a file repeats its words: half of them are seen before), then for most
        # words, which name nothing, a few look-ups first and the rules below for the rest
        for token in dict.fromkeys(_NAME_TOKEN_RE.findall(text)):
            if not (token in by_basename or token in installed or token in in_images or token in deployed
                    or token in stems or token[:1] in "-_" or token[-1:] in "-_" or token in _TASK_RUNNERS
                    or token == "flask" or (modules and token.rpartition(".")[2] in self.by_module_tail)
                    or (commands and f"{token}.py" in by_basename)):
                continue
            named = by_basename.get(token)
            # a script named by a number (runit's ``etc/runit/1``) is named by its path: the
            # number alone is in every file
            if (named and named != [path] and (not token.isdigit() or f"/{token}" in text)) or (
                    token in self.commands and self.commands[token] != path) or (
                    token in self.image_commands and self.image_commands[token] != path) or (
                    token in self.deployed_names) or (
                    "-" in token and token in self.stems() and len(self.stems()[token]) == 1) or (
                    ((token[:1] in "-_" and token.endswith(_SCRIPT_SUFFIXES)) or (token[-1:] in "-_" and len(token) > 4))
                    and self._is_name_part(token)) or (
                    token in _TASK_RUNNERS and f"{_TASK_RUNNERS[token]}.py" in self.by_basename) or (
                    token == "flask" and self.flask_groups) or (
                    modules and token.rpartition(".")[2] in self.by_module_tail) or (
                    commands and f"{token}.py" in self.by_basename):
                yield token

    def installed_at(self, word: str, caller: str) -> str | None:
        """The script installed at the path ``word`` (or by that bare name into a PATH folder,
        when ``caller`` is installed or installs with it) by a configuration tool."""
        if word.startswith(("/", "{{")):
            return self.deployed.get(word)
        return self.deployed_on_path.get(word) if caller in self.deploying else None

    def _is_name_part(self, token: str) -> bool:
        """``_deploy.sh`` in ``./bin/${NAMESPACE}_deploy.sh`` (``gh-ost-test-mysql-`` in
        ``gh-ost-test-mysql-$1``): the end (the start) of some script's name, cut at one of its
        ``-``/``_`` (every such end and start of every name, made once: a scan of all the names
        for each word cost more than the rest of the callers' reading in a large tree)."""
        if not self._name_parts:
            parts: dict[str, bool] = {"": False}
            for name in self.by_basename:
                for i, char in enumerate(name):
                    if char in "-_":
                        if i:
                            parts["end:" + name[i:]] = True  # an end that starts with the separator
                        if i + 1 < len(name):
                            parts["start:" + name[:i + 1]] = True  # a start that ends with it
            self._name_parts = parts
        return self._name_parts.get(("end:" if token[:1] in "-_" else "start:") + token, False)

    def resolve_path(self, ref: str, bases: Sequence[str], variables: dict[str, str], *,
                     known_cwd: bool = False, caller: str = "") -> str | None:
        """The script a path word names, tried from each base directory, else by trailing path
        (not for ``./name`` when the working directory is known: it is not there). ``caller``:
        the file the word is written in, which does not name itself (an init script's
        ``--startas ${DIR}/pseudo-gtid`` names the daemon of its own name)."""
        ref = ref.strip()
        name = ref.rstrip("/").rpartition("/")[2]
        candidates = self.by_basename.get(name)
        if caller and candidates and caller in candidates and len(candidates) > 1:
            candidates = [c for c in candidates if c != caller]
        if not candidates or "/.cache/" in ref:  # (``dest=$HOME/.cache/docker/app``: a tool's cache)
            return None
        anchored = _anchor(ref, bases, variables)
        if anchored is not None:
            for base_dir, rest in anchored:
                path = join_path(base_dir, rest)
                if path in self.scripts:
                    return path
                if path.endswith((".sh", ".py")):
                    # the template the build (``.in``) or a configuration tool (``.j2``) writes
                    # the script from
                    template = next((path + suffix for suffix in (".in", *_TEMPLATE_SUFFIXES)
                                     if path + suffix in self.scripts and (suffix != ".in" or path.endswith(".sh"))), None)
                    if template is not None:
                        return template
            for base_dir, rest in anchored:
                # ``${GITHUB_WORKSPACE}/pgbackrest/test/test.py``: the repository checked out
                # into a folder of its own name (``actions/checkout`` with ``path:``)
                first, _, inner = rest.lstrip("./").partition("/")
                if base_dir == "" and first and "/" in inner and inner in self.scripts:
                    return inner
            deployed = [join_path(base, rest) for base, rest in anchored if base.startswith("/")]
            if deployed:  # after ``cd /opt/app``
                return _by_suffix(deployed[0], candidates, _path_parts)
        if ref.startswith("/") and len(candidates) > 1:
            # an absolute path written in an image's file tree (``prosody/rootfs/etc/s6-overlay/
            # s6-rc.d/10-config/up`` running ``/etc/s6-overlay/scripts/config``): the script at
            # that path in the same tree, when the caller's folders hold one
            for base in bases:
                parts = [part for part in base.split("/") if part and not part.startswith("$")]
                for cut in range(len(parts), -1, -1):
                    path = join_path("/".join(parts[:cut]), ref.lstrip("/"))
                    if path in self.scripts:
                        return path
            # (or another image's tree, the base one builds ``FROM``: ``images/activemq/rootfs/
            # .../finish`` running ``/usr/local/share/s6/finish`` of ``images/base/rootfs``)
            in_trees = [c for c in candidates if c == "rootfs" + ref or c.endswith("/rootfs" + ref)]
            if len(in_trees) == 1:
                return in_trees[0]
        # A relative path with folders that leads nowhere names another file of the same name
        # unless a folder matches too; an absolute (deployed) path or a bare name needs only the
        # name to be unique.
        # (the folder a variable stands for is not one of them: ``${SCRIPTS_DIR}/compile.sh``,
        # guessed to be the caller's folder and not there, is a name under an unknown folder)
        relative_with_folders = anchored is not None and (any(
            part not in ("", ".") and not part.startswith("$") for part in ref.split("/")[:-1]) or (
            known_cwd and ref.startswith("./")))
        return _by_suffix(ref, candidates, _path_parts,
                          minimum=2 if relative_with_folders else 1)

    def resolve_module(self, module: str, bases: Sequence[str]) -> str | None:
        """The script ``python -m module`` runs, from each base directory, else by module suffix."""
        parts = module.split(".")
        candidates = self.by_module_tail.get(parts[-1])
        if not candidates:
            return None
        relative = "/".join(parts)
        for base_dir in [*bases, "", "src"]:
            for path in (f"{relative}.py", f"{relative}/__main__.py"):
                full = join_path(base_dir, path)
                if full in self.scripts:
                    return full
        if len(parts) == 1:
            # ``python -m build`` runs an installed package or a module at the working
            # directory, not a ``tools/build.py`` somewhere: one name is found where it is run
            return None
        return _by_suffix(relative, candidates, lambda p: _module_parts(p) or [], exact=True)

    def resolve_management_command(self, name: str) -> str | None:
        """The script of a Django management command (``manage.py NAME``), when only one app
        has it."""
        found = [path for path in self.by_basename.get(f"{name}.py", [])
                 if "/management/commands/" in f"/{path}"]
        return found[0] if len(found) == 1 else None

    def resolve_entry_point(self, target: str, base_dir: str) -> str | None:
        """The script holding the module of ``pkg.mod:func`` in a package at ``base_dir``."""
        module = target.partition(":")[0].strip()
        if not _MODULE_RE.match(module):
            return None
        relative = module.replace(".", "/")
        # ``pkg:main`` names a function of the package's ``__init__``; ``pkg`` alone, what
        # ``python -m pkg`` runs
        order = ("__init__", "__main__") if ":" in target else ("__main__", "__init__")
        for src in ("", "src", "lib"):
            for path in (f"{relative}.py", *(f"{relative}/{name}.py" for name in order)):
                full = join_path(join_path(base_dir, src), path)
                if full in self.scripts:
                    return full
        return self.resolve_module(module, [base_dir])


def _module_parts(path: str) -> list[str] | None:
    if not path.endswith(".py"):
        return None
    parts = path[:-3].split("/")
    if parts[-1] == "__main__":
        parts.pop()
    return parts or None


def join_path(base: str, rest: str) -> str:
    joined = posixpath.normpath(posixpath.join(base, rest)) if base else posixpath.normpath(rest)
    return "" if joined == "." else joined


def _anchor(ref: str, bases: Sequence[str], variables: dict[str, str]) -> list[tuple[str, str]] | None:
    """Where a path word starts: [(directory relative to root, rest)], None when unknown."""
    match = _VAR_PREFIX_RE.match(ref)
    if match:
        var = match.group(1) or match.group(2)
        rest = ref[match.end():]
        if var in variables:
            return [(variables[var], rest)]
        if var in ROOT_VARS:
            return [("", rest)]
        if var in CWD_VARS:
            return [(base, rest) for base in bases]
        if var in HERE_VARS:
            return [(variables.get("__HERE", bases[0] if bases else ""), rest)]
        return None
    if ref.startswith(("/", "~", "$")):
        return None
    return [(base, ref) for base in bases]


def _path_parts(path: str) -> list[str]:
    """A script's path parts, a template's by the name the build gives it (``x.sh.in``: ``x.sh``)."""
    if path.endswith(_TEMPLATE_SUFFIXES) and path.rpartition(".")[0].endswith((".sh", ".py")):
        path = path.rpartition(".")[0]  # (``update_conf.sh.j2``: ``update_conf.sh``)
    return (path[:-3] if path.endswith(".sh.in") else path).split("/")


def _by_suffix(ref: str, candidates: Sequence[str], parts_of: Any, *, exact: bool = False,
               minimum: int = 1) -> str | None:
    """The one candidate sharing the longest trailing path with ``ref`` (None when tied)."""
    wanted = [part for part in ref.split("/") if part not in ("", ".", "..", "~")
              and not part.startswith("$")]
    if not wanted:
        return None
    best: list[str] = []
    best_length = 0
    for candidate in candidates:
        parts = parts_of(candidate)
        length = 0
        while (length < len(parts) and length < len(wanted)
               and parts[-1 - length] == wanted[-1 - length]):
            length += 1
        if exact and length < len(wanted):
            continue
        if length > best_length:
            best, best_length = [candidate], length
        elif length == best_length and length:
            best.append(candidate)
    return best[0] if len(best) == 1 and best_length >= minimum else None


# --- a shell-like scanner -----------------------------------------------------------------------


@dataclass(slots=True)
class Word:
    text: str
    pos: int
    """Offset of the word's first character in the scanned text."""


@dataclass(slots=True)
class Found:
    """A script named in a scanned text, at ``pos``."""

    script: str
    pos: int
    lines: int = 0
    """Line breaks inside the word before the name (a name on the third line of a quoted,
    multi-line command string is on the word's line + 2)."""


@dataclass(slots=True)
class Where:
    """From where a caller's commands run, relative to the scanned root."""

    caller: str
    cwd: str | None
    """The working directory when the format fixes it (CI: the root), else None."""
    variables: dict[str, str] = field(default_factory=dict)

    here: str = ""

    def __post_init__(self) -> None:
        self.here = posixpath.dirname(self.caller)
        self.variables.setdefault("__HERE", self.here)

    def bases(self, cwd: str | None) -> list[str]:
        if cwd is not None:
            return [cwd]
        return [self.here, ""] if self.here else [""]


def normalise(text: str) -> str:
    """Rewrite spellings of "this script's folder" and of the workspace to plain variables."""
    if "dirname" in text or "%/*" in text:
        text = _HERE_RE.sub(lambda m: "$__HERE/.." if m.group("up") else "$__HERE", text)
    if "github.workspace" in text:
        text = GH_WORKSPACE_RE.sub("$__ROOT", text)
    return text


def split_commands(text: str) -> Iterator[list[Word]]:
    """The simple commands of a shell text as words (quotes removed), comments dropped, through
    ``;``, ``&&``, ``||``, pipes, subshells and new lines; ``${...}`` is kept whole; the bodies of
    here-documents fed to ``cat``-like commands are skipped."""
    words: list[Word] = []
    chars: list[str] = []
    start = -1
    quote = ""
    heredocs: list[tuple[str, bool, bool]] = []
    i, n = 0, len(text)

    def flush_word() -> None:
        nonlocal chars, start
        if start >= 0:
            words.append(Word("".join(chars), start))
        chars, start = [], -1

    while i < n:
        if quote:
            # Jump to the closing quote (or, in double quotes, the next backslash).
            stop = _DQ_STOP_RE.search(text, i) if quote == '"' else None
            end = text.find("'", i) if quote == "'" else (stop.start() if stop else -1)
            end = n if end < 0 else end
            chars.append(text[i:end])
            i = end
            if i >= n:
                break
            if text[i] == quote:
                quote = ""
            elif text[i] == "$":
                # ``"$(grep 'x\"y' f)"``: quoted anew inside, its quotes do not end the string
                # (its commands are read from the word, as an unquoted one's)
                end = _substitution_end(text, i + 2)
                chars.append(text[i:end + 1])
                i = end + 1
                continue
            elif i + 1 < n and text[i + 1] in '"\\$`':
                chars.append(text[i + 1])
                i += 1
            else:
                chars.append("\\")
            i += 1
            continue
        plain = _PLAIN_RUN_RE.match(text, i)
        if plain:
            if start < 0:
                start = i
            chars.append(plain.group())
            i = plain.end()
            continue
        c = text[i]
        if c in "\"'":
            quote = c
            if start < 0:
                start = i
            i += 1
            continue
        if c == "\\" and i + 1 < n:
            if text[i + 1] != "\n":
                if start < 0:
                    start = i
                chars.append(text[i + 1])
            i += 2
            continue
        if c == "#":
            if start < 0:
                end = text.find("\n", i)
                i = n if end < 0 else end
            else:
                chars.append(c)
                i += 1
            continue
        if c == "$" and i + 1 < n and text[i + 1] == "{":
            end = _braced_end(text, i + 2)
            if start < 0:
                start = i
            chars.append(text[i:end + 1])
            i = end + 1
            continue
        if c == "<" and text.startswith("<<", i) and not text.startswith("<<<", i):
            match = _HEREDOC_RE.match(text, i)
            if match:
                first = next((w.text for w in words if "=" not in w.text), "")
                # (``cat > /etc/cron.daily/x << EOF``: a script that cron runs, its body read)
                heredocs.append((match.group(2), match.group(0).startswith("<<-"),
                                 posixpath.basename(first) in NOT_RUNNING
                                 and not any(_PERIODIC_CRON.match(w.text) for w in words)))
                flush_word()
                i = match.end()
                continue
        if c.isspace() or c in ";&|()`<>":
            flush_word()
            if c in ";&|()`\n" and words:
                yield words
                words = []
            if c == "\n" and heredocs:
                i = _skip_heredocs(text, i + 1, heredocs)
                heredocs = []
                continue
            i += 1
            continue
        if start < 0:
            start = i
        chars.append(c)
        i += 1
    flush_word()
    if words:
        yield words


def _substitution_end(text: str, i: int) -> int:
    """The ``)`` closing a ``$(`` whose body starts at ``i`` (the end of the text when it is not
    closed): quotes inside it are its own, so a ``"`` there does not end the double-quoted
    string around it; nested ``$(...)`` and parentheses are part of it."""
    depth, n = 1, len(text)
    while i < n:
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "'":
            close = text.find("'", i + 1)
            i = n if close < 0 else close + 1
            continue
        if c == '"':
            i += 1
            while i < n and text[i] != '"':
                if text[i] == "\\":
                    i += 1
                elif text.startswith("$(", i):
                    i = _substitution_end(text, i + 2)
                i += 1
            i += 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return n


def _braced_end(text: str, i: int) -> int:
    """The ``}`` closing a ``${`` whose body starts at ``i``: nested ``${...}`` and quoted text
    inside (``${B:-"v-${M}"}``) are part of it; the last character when it is not closed."""
    depth, quote, n, start = 1, "", len(text), i
    while i < n:
        c = text[i]
        if quote:
            if c == "\\" and quote == '"':
                i += 1
            elif c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
        elif c == "\\":
            i += 1
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i
        elif c == "\n" and not quote:
            break
        i += 1
    close = text.find("}", start)  # not closed on its line: the first ``}``, as written
    return n - 1 if close < 0 else close


_PERIODIC_CRON = re.compile(r"^/etc/cron\.(?:hourly|daily|weekly|monthly)/")


def _skip_heredocs(text: str, i: int, heredocs: list[tuple[str, bool, bool]]) -> int:
    """Past the bodies of quiet here-documents (``cat <<EOF``); others are read as commands."""
    for delimiter, strip_tabs, quiet in heredocs:
        if not quiet:
            return i
        while i < len(text):
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            line = text[i:end]
            i = end + 1
            if (line.lstrip("\t") if strip_tabs else line) == delimiter:
                break
    return i


def command_refs(text: str, index: ScriptIndex, where: Where, *, base: int = 0,
                 python: bool = False) -> tuple[list[Found], str | None]:
    """Scripts a shell text runs, and the working directory it ends in."""
    found: list[Found] = []
    cwd = where.cwd
    loops: dict[str, list[str]] = {}  # ``for f in dir/*.sh``: the globs each loop variable walks
    assigned: set[str] | None = None  # the variables the text sets (read once, for a loop)
    for words in split_commands(text):
        if len(words) > 3 and words[0].text == "for" and words[2].text == "in":
            loops[words[1].text] = [w.text for w in words[3:] if any(c in w.text for c in "*?")]
            continue
        if loops:
            assigned = assigned if assigned is not None else set(re.findall(r"(?<![\w$])(\w+)\+?=", text))
            _globbed_runs(words, loops, index, where, cwd, found, base, assigned)
        cwd = _segment_refs(words, index, where, cwd, found, base, python)
    return found, cwd


_RUNS_A_FILE = frozenset({"source", ".", "bash", "sh", "exec", "python", "python3"})


def _globbed_runs(words: list[Word], loops: dict[str, list[str]], index: ScriptIndex, where: Where,
                  cwd: str | None, found: list[Found], base: int, assigned: AbstractSet[str]) -> None:
    """``for script in ${script_path}/tfcloud/*.sh; do source "$script"; done`` (or ``bash
    "$f"``, ``"$f"``): each script of the tree the loop's glob matches runs there. A folder
    under a variable the text does not set is taken from the file's folder (as a sourced
    library is found)."""
    texts = [w.text for w in words]
    while texts and texts[0] in ("do", "then", "else", "{"):
        texts, words = texts[1:], words[1:]
    at = 0
    while at < len(texts) - 1 and re.match(r"[A-Za-z_]\w*=", texts[at]):
        at += 1  # (``ENSURE_NO_MIGRATION=true "$f"``: run with a variable of its own)
    at += 1 if texts[at:at + 1] and texts[at] in _RUNS_A_FILE else 0
    if len(texts) <= at:
        return
    variable = re.fullmatch(r"\$\{?(\w+)\}?", texts[at].strip("\"'"))
    if variable is None or variable.group(1) not in loops:
        return
    for pattern in loops[variable.group(1)]:
        glob = normalise(pattern).strip("\"'")
        folder, _, name = glob.rpartition("/")
        if (not name.strip("*?") and not folder.endswith(".d")) or "$" in name or any(c.isspace() for c in glob):
            continue  # (``for f in *``: whatever lies there, not a set of scripts; but every
            # file of a ``cleanup.d`` folder is one of its steps)
        unknown = _VAR_PREFIX_RE.match(folder)
        prefix = (unknown.group(1) or unknown.group(2)) if unknown is not None else None
        if unknown is not None and prefix not in where.variables and prefix not in ROOT_VARS | CWD_VARS | HERE_VARS:
            if prefix in assigned:
                continue  # (``strategy_path=/etc/x/$2``: a folder set when run, not the tree's)
            folder = "$__HERE/" + folder[unknown.end():]
        anchored = _anchor(folder, where.bases(cwd), where.variables) if folder else [(b, "") for b in where.bases(cwd)]
        matched = [script for directory, rest in anchored or ()
                   for script in _scripts_in_folder(index, join_path(directory, rest) or ".", [""])
                   if fnmatch.fnmatchcase(posixpath.basename(script), name) and script != where.caller]
        if not matched and (folder.startswith("/") or (unknown is not None and folder.startswith("$__HERE/"))):
            # ``for f in "${QUAYCONF}"/init/*.sh``, the variable set where the image is built:
            # the one folder of the tree that ends so (``conf/init``), when only one does; an
            # image's folder by its installed path (``/etc/cleanup.d``): the one file tree of
            # an image (``images/base/rootfs/etc/cleanup.d``) that holds it
            tail = folder.removeprefix("$__HERE/").strip("/")
            suffix = "rootfs/" + tail if folder.startswith("/") else tail
            folders = [each for each in _scripts_by_folder(index)
                       if tail and (each == suffix or each.endswith("/" + suffix))]
            if len(folders) == 1:
                matched = [script for script in _scripts_by_folder(index)[folders[0]]
                           if fnmatch.fnmatchcase(posixpath.basename(script), name) and script != where.caller]
        found.extend(Found(script, base + words[at].pos) for script in matched)


_MISE_TASK_FOLDERS = ("mise-tasks", ".mise-tasks", "mise/tasks", ".mise/tasks", ".config/mise/tasks")
"""Where mise looks for file tasks, from the project's root (``mise run ci:reap`` runs
``mise-tasks/ci/reap`` or ``mise-tasks/ci/reap.py``)."""
_MISE_VALUED = frozenset({"-C", "--cd", "-E", "--env", "-j", "--jobs", "-o", "--output", "-t", "--tool",
                          "--timeout"})


def _mise_file_task(words: list[Word], index: ScriptIndex, where: Where) -> tuple[str | None, int]:
    """The file task that ``mise run ci:reap-qemu-images --apply`` (or ``mise ci:reap...``, a
    task named without ``run``) runs, with the position of its name; (None, 0) when none of
    the tree's scripts is that task."""
    k = 1 if words and words[0].text in ("run", "r") else 0
    while k < len(words) and words[k].text.startswith("-"):
        k += 2 if words[k].text in _MISE_VALUED else 1
    if k >= len(words) or not re.fullmatch(r"[\w.:-]+", words[k].text):
        return None, 0
    name = words[k].text.replace(":", "/")
    for folder in _MISE_TASK_FOLDERS:
        for suffix in ("", *_SCRIPT_SUFFIXES):
            script = index.resolve_path(f"{folder}/{name}{suffix}", [""], {})
            if script is not None and script != where.caller:
                return script, words[k].pos
    return None, 0


_TASK_RUNNERS = {"inv": "tasks", "invoke": "tasks", "fab": "fabfile"}
"""Task runners and the module each loads by default (``tasks.py``, ``fabfile.py``)."""
_IMAGE_FILE = re.compile(r"dockerfile|containerfile|compose")
_VENV_BIN = re.compile(r"(?:^|/)(?:\.?venv\w*|\$\(?\{?VENV\w*\}?\)?|\$\{?VIRTUAL_ENV\}?|env)/bin/[^/]+$"
                       r"|^\$\{?\w*BIN\w*\}?/[^/]+$", re.I)
"""A command run from a virtualenv's ``bin`` (``.venv/bin/x``, ``$(VENV)/bin/x``, ``$VIRTUAL_ENV/bin/x``)
or from a folder of installed commands named by a variable (``$IRONIC_BIN_DIR/ironic-dbsync``)."""


_COPY_TOOL = re.compile(r"^(?:cp|copy)[-_](?:tool|files?)$|^[\w-]+[-_](?:cp|copy)$")
"""A project's own copy program (``/cp-tool /frr-reloader.sh /etc/frr/``): it moves the file."""
_HANDLES_FILES = frozenset({"rm", "unlink", "rmdir", "mkdir", "ln", "chmod", "chown", "chgrp", "touch"})
"""Programs whose operands are files they handle: naming a script there does not run it."""
_FOLDER_VARIABLE = re.compile(r"(?i)^[A-Za-z_]*(?:dir|directory|folder|root|home|prefix)=")
"""A variable named for a folder: what it is set to is a folder."""
_SUDO_VALUED = frozenset({"-u", "-g", "-U", "-C", "-D", "-h", "-p", "-r", "-t", "-T", "-R"})
"""sudo's (and doas's ``-u``) options that take the next word as their value."""
_SUDO_VARIABLE = re.compile(r"\$\{?[A-Za-z_]*(?:SUDO|sudo)[A-Za-z_]*\}?")
"""``${SUDO} unlink ...``: a variable holding ``sudo`` (or nothing when already root)."""


_FPM_SCRIPT_OPTIONS = frozenset({"--before-install", "--after-install", "--before-remove", "--after-remove",
                                 "--before-upgrade", "--after-upgrade", "--rpm-posttrans", "--rpm-pretrans"})
_RUNS_AFTER_DASHES = frozenset({"wait-for-it", "wait-for-it.sh", "wait-for", "wait-for.sh", "dockerize",
                                "xvfb-run"})
"""(``flock LOCK -- cmd`` is read as a wrapper by :func:`_segment_refs`, past its lock file)"""


def _segment_refs(words: list[Word], index: ScriptIndex, where: Where, cwd: str | None,
                  found: list[Found], base: int, python: bool) -> str | None:
    """Scripts one simple command runs; returns the working directory after it (``cd``)."""
    position = 0
    # ``flock -n /var/run/backup.lock /bin/backup``: the lock file, then the command (or ``-c CMD``)
    flock, lock_file = False, False
    while position < len(words):
        leading = words[position].text
        if leading.endswith("/flock") and leading.startswith("/"):  # (``/usr/bin/flock``, ``/bin/flock``)
            leading = "flock"
        elif leading.startswith(_SYSTEM_BINS) and leading.rpartition("/")[2] in WRAPPERS:
            leading = leading.rpartition("/")[2]  # ``/usr/bin/sudo mangle_homebrew``
        if re.match(r"^[A-Za-z_]\w*=", leading):
            _learn_variable(leading, where, cwd)
        elif leading == "flock":
            flock = lock_file = True
        elif flock and leading in ("-c", "--command") and position + 1 < len(words):
            inner = words[position + 1]
            refs, _ = command_refs(normalise(inner.text), index, Where(where.caller, cwd, where.variables),
                                   base=base + inner.pos)
            found.extend(refs)
            return cwd
        elif lock_file and leading in ("-w", "--wait", "--timeout", "-E", "--conflict-exit-code"):
            position += 1  # (its value)
        elif lock_file and not leading.startswith("-"):
            lock_file = False
        elif leading in WRAPPERS or _SUDO_VARIABLE.fullmatch(leading) or (position > 0 and leading.startswith("-")) or (
                position > 0 and words[position - 1].text == "timeout" and leading[:1].isdigit()):
            if leading in _SUDO_VALUED and position > 0 and position + 1 < len(words) and any(
                    words[j].text in ("sudo", "doas") for j in range(position)):
                position += 1  # ``sudo -u renew -- renew-ssl-certs``: the user is not the command
        else:
            break
        position += 1
    command = posixpath.basename(words[position].text) if position < len(words) else ""
    if command in _ENV_RUNNERS and position + 1 < len(words) and words[position + 1].text == "run":
        # ``poetry run update_db --x``, ``uv run tool``: the command runs in the project's environment
        position += 2
        while position < len(words) and words[position].text.startswith("-"):
            # ``uv run --group aws --with-editable . python x.py``: an option's value is no command
            position += 2 if words[position].text in _ENV_RUNNER_VALUED else 1
        if position == len(words) - 1 and any(c.isspace() for c in words[position].text.strip("'\"")):
            inner = words[position]
            refs, _ = command_refs(normalise(inner.text), index, Where(where.caller, cwd, where.variables),
                                   base=base + inner.pos)
            found.extend(refs)
            return cwd
        command = posixpath.basename(words[position].text) if position < len(words) else ""
    if command == "find" and position < len(words) - 2:
        # ``find charts -name Chart.yaml -exec .github/render-charts.sh {} \;``: the command of
        # each ``-exec`` runs, from where find runs (``-execdir``: beside each file found)
        for k in range(position + 1, len(words) - 1):
            if words[k].text in _FIND_EXEC:
                end = next((j for j in range(k + 1, len(words))
                            if words[j].text in (";", "\\;", "+", "';'", '";"')), len(words))
                if end > k + 1:
                    _segment_refs(words[k + 1:end], index, where, cwd, found, base, python)
        return cwd
    if command in _RUNS_AFTER_DASHES and position < len(words) - 2:
        # ``wait-for-it.sh db:5432 -- python manage.py migrate``: the command after ``--`` runs
        # once the service answers (``flock LOCK -- cmd``, ``xvfb-run -a -- cmd`` alike)
        dashes = next((k for k in range(position + 1, len(words)) if words[k].text == "--"), None)
        if dashes is not None and dashes + 1 < len(words):
            if "/" in words[position].text:  # the project's own copy runs too (``./scripts/wait-for.sh``)
                _segment_refs(words[position:dashes], index, where, cwd, found, base, python)
            return _segment_refs(words[dashes + 1:], index, where, cwd, found, base, python)
    if command == "fpm":
        # ``fpm ... --after-install scripts/post-install.sh``: a package hook, run by the
        # package manager on the machine that installs (or removes) the package
        for k in range(position + 1, len(words) - 1):
            if words[k].text in _FPM_SCRIPT_OPTIONS:
                script = index.resolve_path(words[k + 1].text, where.bases(cwd), where.variables,
                                            known_cwd=cwd is not None and not cwd.startswith("/"))
                if script and script != where.caller:
                    found.append(Found(script, base + words[k + 1].pos))
    if command == "start-stop-daemon" and any(w.text in ("--stop", "-K", "--status", "-T") for w in words[position + 1:]):
        return cwd  # (``--stop ... --startas DIR/daemon``: the process is matched and signalled, not run)
    if command in ("service", "invoke-rc.d", "rc-service") and position + 2 < len(words) \
            and not words[position + 1].text.startswith("-"):
        # ``service osh-seal-banner stop``: the init script of that name runs with the action
        name = words[position + 1].text
        scripts = [s for s in index.by_basename.get(name, ()) if "/init.d/" in f"/{s}"]
        if len(scripts) == 1 and scripts[0] != where.caller:
            found.append(Found(scripts[0], base + words[position + 1].pos))
        return cwd
    if command == "cd":
        target = words[position + 1].text if position + 1 < len(words) else ""
        return _change_directory(target, where, cwd)
    if command in _HANDLES_FILES and words[position].text == command:
        # ``unlink /usr/local/bin/pivpn``, ``mkdir -p /etc/pivpn``, ``chmod +x x.sh``: a file
        # removed, made or changed, not run (a ``$( )`` in the words still runs)
        for word in words[1:]:
            if "$(" in word.text:
                _substitutions(word.text, index, where, cwd, found, base + word.pos, python)
        return cwd
    if command == "for" and position == 0:
        # ``for file in hack/generate-proto.sh Makefile; do sed -i ... "$file"``: the names a
        # loop walks are its data; what runs is in its body (a ``$( )`` in the list still runs)
        for word in words[1:]:
            if "$(" in word.text:
                _substitutions(word.text, index, where, cwd, found, base + word.pos, python)
        return cwd
    if command in _TASK_RUNNERS and position + 1 < len(words):
        # ``inv dev-env --name kind``, ``invoke -r ops -c deploy release``, ``fab deploy``: the
        # tasks file the runner loads from its search root (the working folder by default)
        collection, search_root = _TASK_RUNNERS[command], ""
        rest = words[position + 1:]
        for k, word in enumerate(rest[:-1]):
            if word.text in ("-c", "--collection", "-f", "--fabfile"):
                collection = rest[k + 1].text.removesuffix(".py")
            elif word.text in ("-r", "--search-root"):
                search_root = rest[k + 1].text
        ref = posixpath.join(search_root, collection + ".py") if search_root else collection + ".py"
        script = index.resolve_path(ref, where.bases(cwd), where.variables,
                                    known_cwd=cwd is not None and not cwd.startswith("/"))
        if script and script != where.caller:
            found.append(Found(script, base + words[position].pos))
            return cwd
    if command == "mise" and position + 1 < len(words):
        script, at = _mise_file_task(words[position + 1:], index, where)
        if script is not None:
            found.append(Found(script, base + at))
            return cwd
    hints = index.hints
    if hints is not None:  # no word here holds a name the file mentions: nothing to resolve
        joined = "\0".join(word.text for word in words)
        if not any(hint in joined for hint in hints):
            return cwd
    if (command in NOT_RUNNING or command in PACKAGE_MANAGERS or _COPY_TOOL.search(command)) and (
            "/" not in (written := words[position].text) or (
                written.startswith("/") and posixpath.dirname(written).endswith(("/bin", "/sbin", "/")))):
        # (a relative path such as ``script/test`` is the repository's own, and so is an
        # absolute one outside a programs' folder: ``/opt/bastion/bin/admin/install``)
        for word in words[position + 1:]:  # ``echo "path=$(./hack/image.sh x)" >> $GITHUB_ENV``
            if "$(" in word.text:
                _substitutions(word.text, index, where, cwd, found, base + word.pos, python)
        return cwd
    message = _MESSAGE_COMMAND.search(command) is not None
    typed_command = words[position].text if position < len(words) else ""
    installed = index.commands.get(typed_command) or (
        # ``$(VENV)/bin/kinto init``, ``.venv/bin/kinto start``: the command as a virtualenv installs it;
        # ``ExecStart=/usr/bin/google_instance_setup``: as a system-wide install puts it
        index.commands.get(command) if _VENV_BIN.search(typed_command) or _SYSTEM_BIN.match(typed_command)
        else None)
    if installed is None and index.deployed:  # ``ExecStart=/usr/local/sbin/firewall``
        installed = index.installed_at(typed_command, where.caller)
    # (also by the path it is installed at: ``/usr/bin/flock -n LOCK /bin/backup`` for ``COPY
    # backup.sh /bin/backup``)
    image_command = command if _SYSTEM_BIN.match(typed_command) else typed_command
    if installed is None and image_command in index.image_commands and (
            where.caller in index.image_scripts
            or _IMAGE_FILE.search(posixpath.basename(where.caller).lower())):
        installed = index.image_commands[image_command]
    if installed and installed != where.caller:  # ``ospurge --help`` after ``pip install .``
        found.append(Found(installed, base + words[position].pos))
    if index.subcommands:  # ``tempest cleanup --dry-run`` (also ``tox -e venv -- tempest ...``)
        for k in range(position, len(words) - 1):
            subcommands = index.subcommands.get(words[k].text)
            if subcommands is None:
                continue
            typed = next((w for w in words[k + 1:] if not w.text.startswith("-")), None)
            script = subcommands.get(typed.text) if typed else None
            if typed and script and script != where.caller:
                found.append(Found(script, base + typed.pos))
    # ``flask --app x mailu admin ...``, also run in a container: ``docker compose exec admin flask mailu ...``
    flask_at = position if command == "flask" else next(
        (k for k in range(position + 1, len(words)) if words[k].text == "flask"),
        None) if command in CONTAINER_RUNTIMES and index.flask_groups else None
    if flask_at is not None and index.flask_groups:
        named = _flask_command(words[flask_at + 1:])
        group = index.flask_groups.get(named.text) if named else None
        if named and group and group != where.caller:
            found.append(Found(group, base + named.pos))
    bases = where.bases(cwd)
    pythonish = python or any(_PYTHONISH_RE.search(w.text) for w in words[:position + 1])
    in_container = command in CONTAINER_RUNTIMES or command in PACKAGE_TASK_RUNNERS
    for k, word in enumerate(words):
        if ("manage" in word.text or "MANAGE" in word.text or (k == 0 and "django" in command) or word.text == "django" or (
                pythonish and word.text.endswith(".py"))) and _is_django_manage(
                words, k, command, index, bases, where) and k + 1 < len(words):
            following = next((w for w in words[k + 1:] if not w.text.startswith("-")), None)
            script = index.resolve_management_command(following.text) if following else None
            if following and script and script != where.caller:
                found.append(Found(script, base + following.pos))
        if (((word.text == "-c" or (command in SHELLS and re.fullmatch(r"-[a-z]*c[a-z]*", word.text)))
                and (command in SHELLS | {"env"} or (  # (``docker-compose run app sh -c "..."``)
                    in_container and k > position and posixpath.basename(words[k - 1].text) in SHELLS)))
                or (command, word.text) in _COMMAND_OPTIONS) \
                and k + 1 < len(words):  # ``sh -c``, ``bash -xc``, ``su app -c '...'``
            inner = words[k + 1]
            # ``bash -c "$(cat install.sh)"``: the file's text is the command string, so the file runs
            text = normalise(inner.text)
            if read := _READ_INTO_COMMAND.fullmatch(text.strip()):
                text = f"sh {read.group(2)}"
            refs, _ = command_refs(text, index, Where(
                where.caller, cwd, where.variables), base=base + inner.pos)
            found.extend(refs)
            break
        if word.text in ("-m", "run") and k + 1 < len(words) and (pythonish or word.text == "-m"):
            module = words[k + 1].text
            if _MODULE_RE.match(module) and (pythonish or "." in module):
                script = index.resolve_module(module, bases)
                if script and script != where.caller:
                    found.append(Found(script, base + words[k + 1].pos))
            continue
        if word.text.startswith("-m") and len(word.text) > 2 and pythonish:
            script = index.resolve_module(word.text[2:], bases)
            if script and script != where.caller:
                found.append(Found(script, base + word.pos))
            continue
        text = word.text
        if k > position and message and any(c.isspace() for c in text.strip()):
            continue  # a sentence printed by a logging function
        if "$(" in text:  # ``X=${X:-$(helper)}``: the substitution's own commands
            text = _substitutions(text, index, where, cwd, found, base + word.pos, python)
        if "$" in text and (k == position or (k == position + 1 and command in SHELLS | {"source", "."})) and (
                by_pattern := _scripts_named_by_pattern(index, text, bases)):
            # ``./bin/${NAMESPACE}_deploy.sh``: each script of that folder the name may be
            found.extend(Found(script, base + word.pos) for script in by_pattern if script != where.caller)
            continue
        if k > position and index.deployed and text.startswith(("/", "{{")) and (
                script := index.deployed.get(text)):  # ``bash /usr/local/bin/backup``
            if script != where.caller:
                found.append(Found(script, base + word.pos))
            continue
        pieces = [text] if _PIECE_SPLIT_RE.search(text) is None else _PIECE_SPLIT_RE.split(
            _GUARDED_VAR_RE.sub(r"$\1", BRACED_VAR_RE.sub(r"$\1", text)))
        # (``declare desc="Verify if letsencrypt is active"``, ``local x=y``: set, not run)
        assigned = (k < position or (k > position and command in _DECLARES)) and "=" in text
        for piece in pieces:
            piece = piece.strip("'\"`,")
            if not piece:
                continue
            if piece.rstrip("/").rpartition("/")[2] not in index.by_basename:
                # ``ops-runner ... /usr/bin/cron-send-pcp-ping``: scripts installed without their
                # extension, run by that name or from a PATH folder
                # (``. k8s-deploy-secrets``: a bare name sourced is looked for on the PATH too)
                installed = index.installed_without_extension(piece, command_position=piece == text and (
                    (k == position and not assigned) or (k == position + 1 and command in ("source", "."))))
                if installed is not None and installed != where.caller:
                    found.append(Found(installed, base + word.pos, text.count("\n", 0, text.find(piece))))
                continue
            if assigned and "/" not in piece and "." not in piece:
                continue  # ``TREE_STATE=clean``: a bare word set, not the script named so
            if assigned and _FOLDER_VARIABLE.match(text):
                continue  # ``setupConfigDir="/etc/pivpn"``: a folder of that name, not the script
            if "/" not in piece and not (in_container and piece in index.on_image_path) and not (
                    in_container and _python_file_in_container(words, k, piece, index)) and (
                    in_container or piece.isdigit() or (
                    # ``build linux amd64`` after ``function build {``, ``go build ./...``: the
                    # file's own function, the system's program, not the script of that name
                    k == position and piece == text and (
                        piece in index.functions or piece in _SYSTEM_PROGRAMS or piece in _SHELL_BUILTINS)) or (
                    k > position and piece in _BUILTIN_NAMES) or (
                    k == position + 1 and piece == text and "." not in piece and not pythonish
                    and command not in SHELLS and command not in ("source", ".")) or (
                    # a bare word further on is an argument (``cargo chef prepare``, ``python
                    # x.py prepare``), unless the command runs what it is given
                    k > position + 1 and piece == text and "." not in piece
                    and command not in SHELLS and command not in WRAPPERS
                    and command not in _RUNS_ITS_ARGUMENT and not _RUNNER_NAME.search(command))):
                # a subcommand (``pnpm run build``), a name inside a container, a number, a builtin
                continue
            script = index.resolve_path(piece, bases, where.variables,
                                        known_cwd=cwd is not None and not cwd.startswith("/"),
                                        caller=where.caller if piece.startswith("$") else "")
            if script and script != where.caller:
                found.append(Found(script, base + word.pos, text.count("\n", 0, text.find(piece))))
    return cwd


def _python_file_in_container(words: list[Word], k: int, piece: str, index: ScriptIndex) -> bool:
    """``docker compose run django coverage run manage.py test``: a Python file the container's
    interpreter is handed, named as the one file of that name in the tree (the project is the
    image's working folder)."""
    if words[k].text != piece or not piece.endswith(".py") or len(index.by_basename.get(piece, ())) != 1:
        return False
    before = next((w.text for w in reversed(words[:k]) if not w.text.startswith("-")), "")
    return bool(_PYTHONISH_RE.search(before)) or (before == "run" and k >= 2 and any(
        w.text == "coverage" for w in words[:k - 1]))


def _substitutions(text: str, index: ScriptIndex, where: Where, cwd: str | None, found: list[Found],
                   base: int, python: bool) -> str:
    """Scan each ``$( ... )`` of a word as commands of its own (they run before the word is
    used); returns the word with those bodies taken out."""
    kept: list[str] = []
    i = 0
    while (start := text.find("$(", i)) >= 0:
        if text.startswith("$((", start):  # arithmetic
            kept.append(text[i:start + 3])
            i = start + 3
            continue
        depth, end = 1, start + 2
        while end < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            end += 1
        body = text[start + 2:end - 1] if not depth else text[start + 2:]
        refs, _ = command_refs(body, index, Where(where.caller, cwd, where.variables),
                               base=base, python=python)
        lines_before = text.count("\n", 0, start + 2)
        found.extend(Found(ref.script, ref.pos, ref.lines + lines_before) for ref in refs)
        kept.append(text[i:start])
        i = end
    kept.append(text[i:])
    return " ".join(kept)


_MANAGE_VARIABLE = re.compile(r"\$\{?(?:\w+_)?MANAGE(?:_PY|_FILE|_SCRIPT)?\}?", re.IGNORECASE)
"""``python $MANAGE_FILE prune_subscription_queries`` after ``MANAGE_FILE=$(find . -name manage.py
...)``: a variable named for Django's ``manage.py``."""


def _is_django_manage(words: list[Word], k: int, command: str, index: ScriptIndex,
                      bases: Sequence[str], where: Where) -> bool:
    text = words[k].text
    if (posixpath.basename(text) == "manage.py" or _MANAGE_VARIABLE.fullmatch(text)
            or (text in ("manage", "django") and k > 0 and words[k - 1].text == "-m")
            or (k == 0 and command in ("django-admin", "django-admin.py"))):
        return True
    # Another program that runs Django's command line (``runtests.py dbbackup``).
    if not text.endswith(".py") or posixpath.basename(text) not in index.by_basename:
        return False
    script = index.resolve_path(text, bases, where.variables)
    return script is not None and index.is_django_main(script)


def _change_directory(target: str, where: Where, cwd: str | None) -> str | None:
    if not target or target == "-":
        return cwd
    if target.startswith("/"):  # a deployed path: kept to match scripts by their trailing path
        return posixpath.normpath(target)
    anchored = _anchor(target, where.bases(cwd), where.variables)
    if not anchored:
        return None
    directory = join_path(*anchored[0])
    return None if directory.startswith("..") else directory


def _learn_variable(word: str, where: Where, cwd: str | None) -> None:
    """Remember ``DIR=$__HERE/..``-like assignments naming a folder of the tree."""
    name, _, value = word.partition("=")
    if not value.startswith("$"):
        return
    anchored = _anchor(value, where.bases(cwd), where.variables)
    if anchored and len(anchored) == 1:
        directory = join_path(*anchored[0])
        if not directory.startswith(".."):
            where.variables[name] = directory


_FLASK_VALUE_OPTIONS = frozenset({"--app", "-A", "--env-file", "-e"})


def _flask_command(words: Sequence[Word]) -> Word | None:
    """The command ``flask`` runs: its first word that is not an option or an option's value
    (``flask --app mailu:create_app mailu admin`` runs ``mailu``)."""
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word.text in _FLASK_VALUE_OPTIONS:
            skip = True
        elif not word.text.startswith("-"):
            return word
    return None


_DOCKER_CONTINUATION = re.compile(r"[ \t]*\\\r?\n(?:[ \t]*#[^\n]*\n)*")
"""A backslash that ends a line of a Dockerfile instruction (and the comment lines after it,
which Docker drops): the instruction goes on."""


_BOOT_SCRIPT_FILE = re.compile(r"\b(?:startup-script|shutdown-script|user-data)=([^\s,\"';]+)")


def boot_script_files(file: CallerFile, index: ScriptIndex, collector: Collector) -> None:
    """A file handed to a machine to run at boot or shutdown by a cloud's metadata
    (``gcloud compute instances create --metadata-from-file startup-script=setup.sh``, an
    instance list's ``metadata_from_file: startup-script=startup-docker.sh``): it runs there.
    Relative to the file's folder, else the root."""
    if "-script=" not in file.text and "user-data=" not in file.text:
        return
    here = posixpath.dirname(file.path)
    for number, line in enumerate(file.lines, 1):
        for match in _BOOT_SCRIPT_FILE.finditer(line):
            script = index.resolve_path(match.group(1), [here, ""], {})
            if script is not None and script != file.path:
                collector.add(script, file.path, number, "script", file.text_of(number))


def docker_contexts(folder: str) -> list[str]:
    """Where a Dockerfile's build context may be: its own folder, the one above it (``images/``
    for ``images/api/Dockerfile``, which copies ``./common/init.sh``), or the root."""
    return list(dict.fromkeys([folder, posixpath.dirname(folder), ""]))


def docker_copies(text: str, index: ScriptIndex, bases: Sequence[str]) -> dict[str, str]:
    """Scripts copied into the image under another name (``COPY scripts/entry.sh /entrypoint``):
    {that name as a path and as a bare name: the script}. ``bases``: the build context's
    folders, relative to the scanned root."""
    aliases: dict[str, str] = {}
    if "\\\n" in text or "\\\r\n" in text:  # an instruction written on several lines, one here
        text = _DOCKER_CONTINUATION.sub(" ", text)
    for match in re.finditer(r"^\s*(?:COPY|ADD)\s+(?:--\S+\s+)*(\S+(?:[ \t]+\S+)+)[ \t]*$", text,
                             re.M | re.I):
        *sources, target = match.group(1).split()
        if sources[0].startswith("["):
            continue
        if len(sources) == 1 and not target.endswith("/") and target not in (".", "..") and not target.endswith("/."):
            # (``COPY libBuild.sh .``: into the working directory, under its own name)
            script = index.resolve_path(sources[0], bases, {})
            if script is None and target.startswith("/") and "$" not in sources[0]:
                # ``ADD ./bin /usr/local/bin``: a folder's contents, each script under its path
                # inside it (``COPY root /`` puts ``root/usr/bin/run-x`` at ``/usr/bin/run-x``)
                for inside, relative in _scripts_in_tree(index, sources[0], bases):
                    aliases.setdefault(posixpath.join(target, relative), inside)
                continue
            if script and posixpath.basename(target) != posixpath.basename(script):
                aliases[target] = script
                aliases.setdefault(posixpath.basename(target), script)
            elif script and target.startswith("/"):  # same name: the path still tells it apart
                aliases.setdefault(target, script)
            continue
        # Into a folder (``COPY a.py docker/entrypoint.sh /``): each script keeps its name there,
        # which tells apart two scripts of the same name elsewhere in the tree.
        for source in sources:
            if "$" in source or not target.startswith("/"):
                continue
            if any(c in source for c in "*?["):  # ``COPY *.py /``: the scripts the pattern matches
                folder, pattern = posixpath.split(source.removeprefix("./"))
                by_folder = _scripts_by_folder(index)
                matched = sorted(script for each in {join_path(base, folder) for base in bases}
                                 for script in by_folder.get(each, ())
                                 if fnmatch.fnmatchcase(posixpath.basename(script), pattern))
            elif script := index.resolve_path(source, bases, {}):
                matched = [script]
            else:  # a folder: its contents, at their paths inside it
                for inside, relative in _scripts_in_tree(index, source, bases):
                    aliases.setdefault(posixpath.join(target, relative), inside)
                continue
            for script in matched:
                aliases.setdefault(posixpath.join(target, posixpath.basename(script)), script)
                if posixpath.normpath(target) in PATH_FOLDERS:
                    # (``COPY ./docker-entrypoint.sh /usr/local/bin/``: on the image's PATH, so
                    # ``entrypoint: docker-entrypoint.sh`` runs it by its bare name)
                    aliases.setdefault(posixpath.basename(script), script)
    return aliases


PATH_FOLDERS = frozenset({"/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"})
"""The folders of an image's (or a host's) ``PATH``: a program copied there runs by its bare name."""


_SCRIPT_SUFFIXES = (".sh", ".py", ".bash")
_PATTERN_VARIABLE = re.compile(r"\$\{?(?:[A-Za-z_]\w*|\d)\}?")


def _scripts_named_by_pattern(index: ScriptIndex, word: str, bases: Sequence[str]) -> list[str]:
    """The scripts of a literal folder whose names fit a name built from variables
    (``./bin/${NAMESPACE}_deploy.sh``, ``script/gh-ost-test-mysql-$1``): a few at most, and
    only when enough of the name is literal to say which."""
    word = word.strip("\"'")
    folder, _, name = word.rpartition("/")
    if "$" not in name or "$" in folder or any(c.isspace() for c in word) or "$(" in word:
        return []
    literal = _PATTERN_VARIABLE.sub("", name)
    if len(re.sub(r"[^A-Za-z0-9]", "", literal)) < 4:
        return []
    pattern = re.compile("[^/]+".join(re.escape(part) for part in _PATTERN_VARIABLE.split(name)))
    found = [script for script in _scripts_in_folder(index, folder or ".", bases)
             if pattern.fullmatch(posixpath.basename(script))]
    return found if len(found) <= 8 else []


def _scripts_in_tree(index: ScriptIndex, source: str, bases: Sequence[str]) -> list[tuple[str, str]]:
    """The scripts anywhere under the folder a COPY source names, each with its path inside it
    (Docker copies a folder's contents whole, subfolders included). The build context itself
    (``COPY . /app``) gives the scripts directly in it only: every script of a large tree under
    every image that copies its context cost more than the rest of the Dockerfiles' reading."""
    folder = source.removeprefix("./").rstrip("/")
    if folder in ("", "."):
        return [(script, posixpath.basename(script)) for script in _scripts_in_folder(index, source, bases)]
    found: list[tuple[str, str]] = []
    ordered = index.sorted_scripts()
    for base in dict.fromkeys(join_path(base, folder) for base in bases):
        prefix = base + "/" if base else ""
        # the scripts are sorted: those under ``prefix`` are one run of them, found by bisection
        for script in ordered[bisect.bisect_left(ordered, prefix):]:
            if not script.startswith(prefix):
                break
            found.append((script, script[len(prefix):]))
    return found


def _scripts_in_folder(index: ScriptIndex, source: str, bases: Sequence[str]) -> list[str]:
    """The scripts directly in the folder a COPY source names (Docker copies its contents)."""
    folder = source.removeprefix("./").rstrip("/")
    by_folder = _scripts_by_folder(index)
    folders = dict.fromkeys(join_path(base, folder) if folder not in ("", ".") else base for base in bases)
    return [script for each in folders for script in by_folder.get(each, ())]


def _scripts_by_folder(index: ScriptIndex) -> dict[str, list[str]]:
    """The scripts of each folder, sorted (made when first asked for)."""
    if index.by_folder is None:
        index.by_folder = {}
        for script in sorted(index.scripts):
            index.by_folder.setdefault(posixpath.dirname(script), []).append(script)
    return index.by_folder


# --- what every reader shares --------------------------------------------------------------------


class Collector:
    def __init__(self, index: ScriptIndex) -> None:
        self.index = index
        self.found: dict[str, dict[tuple[str, int], Caller]] = {}

    def add(self, script: str, caller: str, line: int, kind: CallerKind, text: str) -> None:
        if script == caller:
            return
        key = (caller, line)
        self.found.setdefault(script, {}).setdefault(
            key, Caller(path=caller, line=line, kind=kind, text=text.strip()[:300]))


@dataclass(slots=True)
class CallerFile:
    path: str
    text: str
    lines: list[str]

    @classmethod
    def of(cls, path: str, text: str) -> CallerFile:
        return cls(path, text, text.split("\n"))

    def text_of(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""


def read_text(file: Path) -> str | None:
    try:
        if not file.is_file() or file.stat().st_size > MAX_BYTES:
            return None
        data = file.read_bytes()
    except OSError:
        return None
    if b"\0" in data[:8192]:
        return None
    return data.decode("utf-8", "replace")


_TEMPLATE_VALUE = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")


def compact_templates(text: str) -> str:
    """``{{ vars_gc_path }}`` -> ``{{vars_gc_path}}``: one word, as an installed path's key
    (:attr:`ScriptIndex.deployed`)."""
    return _TEMPLATE_VALUE.sub(r"{{\1}}", text) if "{{" in text else text


def callers_in_chunk(file: CallerFile, chunk: str, first_line: int, index: ScriptIndex,
                     collector: Collector, kind: CallerKind, where: Where, *,
                     python: bool = False) -> str | None:
    """Scan ``chunk``, written from line ``first_line`` of the file on, as shell commands."""
    text = normalise(chunk)
    if index.deployed:  # ``ExecStart={{ vars_gc_path }}``: the installed path as one word
        text = compact_templates(text)
    found, cwd = command_refs(text, index, where, python=python)
    last = first_line + text.count("\n")
    for ref in found:
        line = first_line + text.count("\n", 0, ref.pos) + ref.lines
        for used in _runs_of_variable(file, line, last) or (line,):
            collector.add(ref.script, file.path, used, kind, file.text_of(used))
    return cwd


_ASSIGNMENT = re.compile(r"^\s*(?:(?:export|local|readonly|declare(?:\s+-\w+)*)\s+)?([A-Za-z_]\w*)=")
_RUNNER_BEFORE = r"(?:^\s*|[;&|(]\s*|\b(?:python3?|bash|sh|exec|sudo|env|source|time|nohup)\s+)"


def _runs_of_variable(file: CallerFile, line: int, last: int) -> list[int]:
    """``ST2CTL_BIN='/usr/bin/st2ctl'`` (line 4), then ``${ST2CTL_BIN} reload`` (line 7): the
    lines below that run what the variable names (its first word, or an interpreter's
    argument), which are where the script is called; none when it is only set (and handed
    on to something else: the assignment's line stays)."""
    match = _ASSIGNMENT.match(file.text_of(line))
    value = file.text_of(line)[match.end():].strip() if match else ""
    if match is None or not value or any(c.isspace() for c in value.strip("\"'")):
        return []  # (``CMD="/scripts/wait.sh -t 60 -- backup.sh"``: a command line, named there)
    name = re.escape(match.group(1))
    use = re.compile(_RUNNER_BEFORE + r"[\"']?\$(?:\{" + name + r"\}|" + name + r"\b)[\"']?(?:\s|$|[;)])")
    found = []
    for number in range(line + 1, min(last, len(file.lines)) + 1):
        text = file.text_of(number)
        again = _ASSIGNMENT.match(text)
        if again is not None and again.group(1) == match.group(1):
            break  # set again: later uses run something else
        run = use.search(text)
        if run and not text.lstrip().startswith("#") and text.count('"', 0, run.start()) % 2 == 0:
            found.append(number)  # (not inside a quoted string: ``pgrep -f "python $X"``)
    return found


def callers_in_word_list(file: CallerFile, items: list[tuple[str, int]], index: ScriptIndex,
                         collector: Collector, kind: CallerKind, where: Where, *,
                         raw_range: tuple[int, int] | None = None) -> None:
    """An exec-form command (a list of words, each with the line it is written on)."""
    # A word's position is its index times _WORD_SPAN (plus the offset inside a ``sh -c`` text).
    words = [Word(text, k * _WORD_SPAN) for k, (text, _) in enumerate(items)]
    if not words:
        return
    found: list[Found] = []
    _segment_refs(words, index, where, where.cwd, found, 0, False)
    for ref in found:
        line = items[min(ref.pos // _WORD_SPAN, len(items) - 1)][1]
        if raw_range is not None:
            line = _line_holding(file, ref.script, raw_range) or line
        collector.add(ref.script, file.path, line, kind, file.text_of(line))


_WORD_SPAN = 1 << 24


def _line_holding(file: CallerFile, script: str, raw_range: tuple[int, int]) -> int | None:
    name = posixpath.basename(script)
    stem = name[:-3] if name.endswith(".py") else name
    for number in range(raw_range[0], min(raw_range[1], len(file.lines)) + 1):
        if name in file.text_of(number) or stem in file.text_of(number):
            return number
    return None
