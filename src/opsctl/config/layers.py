"""Layered configuration, read cheaply: defaults < opsctl.toml < user config < OPSCTL_* < flags.

This module only reads and merges raw values and remembers which layer set each one; it imports
neither pydantic nor pydantic-settings, because ``opsctl --help`` and ``opsctl list`` need the
catalog settings and must start as fast as a bare click app (pydantic-settings alone measured
+110 ms over pydantic here). :mod:`opsctl.config.settings` validates the merged values.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Mapping
from typing import Any

from opsctl.errors import ConfigError

REPO_FILE = "opsctl.toml"
ENV_PREFIX = "OPSCTL_"
SECRET_ENV_PREFIX = "OPSCTL_SECRET_"
# Scalar settings that environment variables may set (OPSCTL_<NAME>).
ENV_KEYS = ("state_dir", "store_url", "plan_ttl", "lock_ttl", "journal_mode", "stop_grace", "plan_signing_key", "log_format", "log_level",
            "format", "actor", "policy_file", "max_input_size", "confirm", "executor",
            "broker_url")
LIST_ENV_KEYS = ("automations", "python_path", "plan_signing_keys_retired")
# Tables that environment variables may set one key of: OPSCTL_RETRY__ATTEMPTS=5 and
# OPSCTL_AUTOMATION__CLEANUP_FILES__ALLOWED_ROOTS='["/srv/tmp"]' (name: "_" for "-").
RETRY_ENV_PREFIX = "OPSCTL_RETRY__"
AUTOMATION_ENV_PREFIX = "OPSCTL_AUTOMATION__"
# Tables merged key by key across layers (a later layer sets keys, it does not replace the table).
MERGED_TABLES = ("secrets", "automation", "retry", "log_levels", "server", "worker")
DEFAULTS: dict[str, Any] = {
    "automations": [],
    "python_path": [],
    "state_dir": ".opsctl",
    "store_url": None,
    "plan_ttl": "4h",
    "lock_ttl": "60s",
    "journal_mode": "strict",
    "stop_grace": "30s",
    "plan_signing_key": None,
    "plan_signing_keys_retired": [],
    "log_format": "auto",
    "log_level": "info",
    "log_levels": {},
    "format": "text",
    "actor": None,
    "secrets": {},
    "retry": {},
    "automation": {},
    "policy_file": None,
    "policy": None,
    "groups": {},
    "permissions": None,
    "max_input_size": "10MiB",
    "confirm": "tty",
    "server": {},
    "executor": "local",
    "broker_url": None,
    "worker": {},
    "schedules": [],
}
PATH_KEYS = ("state_dir", "policy_file")
PATH_LIST_KEYS = ("python_path",)
SERVER_PATH_KEYS = ("tls_cert", "tls_key")


class Layers:
    """The merged raw configuration and, for each top-level key, the layer that set it.

    Plain class and ``os.path`` rather than dataclasses and pathlib: this runs on every start-up,
    including ``--help``, where each of those imports costs milliseconds.
    """

    def __init__(self, values: dict[str, Any], origin: dict[str, str], files: list[str],
                 root: str, shadowed: list[tuple[str, str, Any, str]] | None = None,
                 env: Mapping[str, str] | None = None) -> None:
        self.values = values
        self.origin = origin
        self.files = files
        self.root = root
        self.env = env
        """The environment the layers were read from (None: ``os.environ``); ``env:VAR``
        secrets are read from it too."""
        self.shadowed = shadowed or []
        """(layer, key, value, origin key): a file's value that a later layer replaced (for a
        key of a table, the table as it was, and the key's dotted name); still checked, so a
        bad value in a config file is an error even while the environment overrides it."""


def working_directory() -> str:
    """``os.getcwd()``, or a configuration error (exit 2) when the directory was removed after
    the shell entered it (a build agent's workspace wiped under a shell still in it)."""
    try:
        return os.getcwd()
    except FileNotFoundError:
        raise ConfigError("the working directory no longer exists (removed after this shell "
                          "entered it): cd into the project again") from None


def find_repo_config(start: str) -> str | None:
    """The nearest opsctl.toml in ``start`` or one of its parents."""
    directory = os.path.abspath(start)
    while True:
        candidate = os.path.join(directory, REPO_FILE)
        if os.path.isfile(candidate):
            return candidate
        _not_a_file(candidate)
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _explicit_config(path: str, cwd: str) -> str:
    """``--config PATH`` made absolute with its folder resolved but not the file itself: an
    opsctl.toml linked into a project (one shared file, linked into several) belongs to the
    project it is linked into, as when it is found upwards; resolved, ``--config opsctl.toml``
    put the state, and so the store and its locks, beside the link's target."""
    path = os.path.join(cwd, os.path.expanduser(path))
    if os.path.basename(path) in ("", ".", ".."):
        return os.path.realpath(path)  # a folder: reported as one
    return os.path.join(os.path.realpath(os.path.dirname(path)), os.path.basename(path))


def _not_a_file(path: str) -> None:
    """A config file found where it is looked for that is a folder (or a device): an error, as
    with --config; skipped, the project would run on defaults without a word."""
    if os.path.lexists(path) and not os.path.isfile(path):
        if os.path.isdir(path):
            what = "a directory, not a file"
        elif not os.path.exists(path):  # a dotfiles link whose target is not there
            what = f"a link to {os.readlink(path)}, which does not exist"
        else:
            what = "not a regular file (a device, FIFO or socket)"
        raise ConfigError(f"config file {path} is {what}")


def _base_directory(env: Mapping[str, str], variable: str, folder: str) -> str | None:
    """An XDG base directory: ``$variable`` when absolute, else ``folder`` in the home folder;
    None without an absolute home. A relative path (``HOME=`` as some service managers and
    containers leave it, ``XDG_CONFIG_HOME=.config``) would be the working directory's, so the
    XDG spec ignores it, and so does opsctl."""
    base = env.get(variable, "")
    if os.path.isabs(base):
        return base
    home = env["HOME"] if "HOME" in env else os.path.expanduser("~")
    return os.path.join(home, folder) if os.path.isabs(home) else None


def user_config_path(env: Mapping[str, str]) -> str | None:
    base = _base_directory(env, "XDG_CONFIG_HOME", ".config")
    return None if base is None else os.path.join(base, "opsctl", "config.toml")


def _parse_cache_path() -> str | None:
    base = _base_directory(os.environ, "XDG_CACHE_HOME", ".cache")
    if base is None or not os.path.isdir(os.path.dirname(base)):
        return None  # a home folder that does not exist (HOME=/nonexistent) is not made
    return os.path.join(base, "opsctl", "config.cache")


def _parse_toml(path: str) -> dict[str, Any]:
    import tomllib

    from opsctl.config.input_files import DEFAULT_MAX_INPUT_BYTES, read_document
    from opsctl.errors import UsageError

    try:
        # Bounded like any document a user names: `--config /dev/zero` must not hang.
        text = read_document(path, what="config file", limit=DEFAULT_MAX_INPUT_BYTES, step=None,
                             hints=False)
    except UsageError as exc:
        raise ConfigError(exc.message) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} does not parse: {exc}") from None
    except RecursionError:
        raise ConfigError(f"config file {path} does not parse: arrays or tables nested too "
                          "deeply") from None


def read_toml(path: str) -> dict[str, Any]:
    """A parsed TOML file, from a marshal cache keyed by path, mtime, size and ctime when possible.

    Importing tomllib compiles its regular expressions (~2-3 ms), a tenth of the margin
    `opsctl --help` has over a bare click app; the cache lives in ~/.cache/opsctl.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist") from None
    except OSError as exc:
        raise ConfigError(f"config file {path} cannot be read: {exc.strerror}") from None
    stamp = [st.st_mtime_ns, st.st_size, st.st_ctime_ns]  # ctime: an mtime set back (cp -p)
    cache_path = _parse_cache_path()
    if cache_path is None:
        return _parse_toml(path)
    try:
        with open(cache_path, "rb") as fh:
            cache = marshal.load(fh)
        hit = cache.get(path) if isinstance(cache, dict) else None
        if isinstance(hit, list) and hit[:3] == stamp:
            return dict(hit[3])
    except (OSError, ValueError, EOFError, TypeError):
        cache = {}
    data = _parse_toml(path)
    try:
        cache = cache if isinstance(cache, dict) else {}
        cache[path] = [*stamp, data]
        # Serialised before any file is created: a value marshal refuses (a TOML date) must
        # not leave a temporary copy of the parsed config, secrets included, behind.
        blob = marshal.dumps(cache)
        os.makedirs(os.path.dirname(cache_path), mode=0o700, exist_ok=True)
        tmp = f"{cache_path}.tmp{os.getpid()}"
        # Owner-only: the parsed files hold secrets (plan_signing_key, [secrets], store_url).
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as fh:
            fh.write(blob)
        try:
            os.replace(tmp, cache_path)
        except OSError:
            os.unlink(tmp)  # (a folder in its place): a copy of the secrets per run otherwise
            raise
    except (OSError, ValueError):
        pass  # TOML dates do not marshal; an unwritable cache only costs time
    return data


def _resolve_paths(data: dict[str, Any], base: str, layer: str) -> dict[str, Any]:
    """Paths in a config file are relative to that file's directory."""
    out = dict(data)
    for key in PATH_KEYS:
        if isinstance(out.get(key), str) and not out[key].strip():
            # resolved, "" is the project folder itself: state.db and the plan-signing key
            # beside the code, where `git add .` takes them
            raise ConfigError(f"config key {key!r} (from {layer}): an empty path; leave the "
                              "key out for the default")

    def resolve(path: Any) -> Any:
        if not isinstance(path, str):
            return path
        return os.path.realpath(os.path.join(base, os.path.expanduser(path)))

    for key in PATH_KEYS:
        out[key] = resolve(out[key]) if key in out else out.get(key)
        if out[key] is None:
            del out[key]
    for key in PATH_LIST_KEYS:
        if isinstance(out.get(key), list):
            out[key] = [resolve(p) for p in out[key]]
    if isinstance(out.get("server"), dict):  # `opsctl serve` started in another folder
        out["server"] = {key: (resolve(value) if key in SERVER_PATH_KEYS and isinstance(value, str)
                               and value.strip() else value)
                         for key, value in out["server"].items()}
    if isinstance(out.get("secrets"), dict):
        # a secret's file:PATH too: run from a subfolder, file:token named another file
        out["secrets"] = {name: (f"file:{os.path.join(base, os.path.expanduser(raw[5:]))}"
                                 if isinstance(raw, str) and raw.startswith("file:") and raw[5:]
                                 else raw)
                          for name, raw in out["secrets"].items()}
    return out


def _absolute(value: str, cwd: str) -> str:
    """A path setting of the environment or the flags: `~` as in a config file (systemd's
    Environment=, `docker run -e` and a CI job's `env:` pass it unexpanded, and a literal `~`
    folder would hold the store); relative, the working directory's, made absolute as every
    path setting is once loaded."""
    return os.path.abspath(os.path.join(cwd, os.path.expanduser(value)))


def _flag_layer(flags: Mapping[str, Any], cwd: str) -> dict[str, Any]:
    layer = {k: v for k, v in flags.items() if v is not None}
    for key in PATH_KEYS:
        if isinstance(layer.get(key), str) and layer[key].strip():
            layer[key] = _absolute(layer[key], cwd)
    for key in PATH_LIST_KEYS:
        if isinstance(layer.get(key), list):
            layer[key] = [_absolute(p, cwd) if isinstance(p, str) else p for p in layer[key]]
    return layer


def _env_layer(env: Mapping[str, str], cwd: str) -> dict[str, Any]:
    layer: dict[str, Any] = {}

    def path(value: str) -> str:
        return _absolute(value, cwd)

    for key in ENV_KEYS:
        value = env.get(ENV_PREFIX + key.upper())
        if value is not None and value != "":
            layer[key] = path(value) if key in PATH_KEYS else value
    for key in LIST_ENV_KEYS:
        value = env.get(ENV_PREFIX + key.upper())
        if value:
            if key in PATH_LIST_KEYS:  # commas, or os.pathsep as in PYTHONPATH (src:lib)
                value = value.replace(os.pathsep, ",")
            parts = [part.strip() for part in value.split(",") if part.strip()]
            layer[key] = [path(p) for p in parts] if key in PATH_LIST_KEYS else parts
    secrets = {name[len(SECRET_ENV_PREFIX):].lower(): value for name, value in env.items()
               if name.startswith(SECRET_ENV_PREFIX) and value}
    if secrets:
        layer["secrets"] = secrets
    levels = env.get(ENV_PREFIX + "LOG_LEVELS")
    if levels:
        layer["log_levels"] = _logger_levels(levels)
    # a variable set to "" is unset, as above: a CI job's `env:` passes "" for one of its own
    # that is not set (JSON `""` sets an empty text)
    for name, value in sorted(env.items()):
        if name.startswith(RETRY_ENV_PREFIX) and name != RETRY_ENV_PREFIX and value:
            layer.setdefault("retry", {})[name[len(RETRY_ENV_PREFIX):].lower()] = \
                env_value(value, name)
        elif name.startswith(AUTOMATION_ENV_PREFIX):
            automation, sep, key = name[len(AUTOMATION_ENV_PREFIX):].partition("__")
            if not (automation and sep and key):
                raise ConfigError(f"environment variable {name}: expected "
                                  "OPSCTL_AUTOMATION__<NAME>__<KEY> (NAME with _ for -)")
            if not value:
                continue
            table = layer.setdefault("automation", {}).setdefault(
                automation.lower().replace("_", "-"), {})
            key = key.lower()
            if key.startswith("retry__"):  # a key of [automation.NAME.retry], as in [retry]
                table.setdefault("retry", {})[key[len("retry__"):]] = env_value(value, name)
            else:
                table[key] = env_value(value, name)
    return layer


def env_value(text: str, name: str = "an OPSCTL_ variable") -> Any:
    """A table value from the environment: JSON when it reads as JSON (``5``, ``true``,
    ``["/srv/a"]``, ``{"k": 1}``), else the text itself (``30d``, ``/srv/tmp``)."""
    import json

    try:
        value = json.loads(text)
    except ValueError:
        return text
    except RecursionError:
        raise ConfigError(f"environment variable {name}: JSON arrays or objects nested too "
                          "deeply") from None
    return text if value is None else value


def _logger_levels(text: str) -> dict[str, str]:
    """``OPSCTL_LOG_LEVELS=botocore=debug,urllib3=info``."""
    levels: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        name, sep, level = part.partition("=")
        if not sep or not name.strip():
            raise ConfigError(f"OPSCTL_LOG_LEVELS: {part.strip()!r} is not LOGGER=LEVEL "
                              "(e.g. botocore=debug,urllib3=info)")
        levels[name.strip()] = level.strip().lower()
    return levels


# Tables whose keys have a schema: a file's key that a later layer replaces is still checked.
# Not [secrets]: a file's `env:VAR` that OPSCTL_SECRET_<NAME> replaces is not to be resolved.
CHECKED_TABLES = ("retry", "log_levels", "server", "worker")


def _replaced_file_keys(origin: Mapping[str, str], key: str, before: Mapping[str, Any],
                        table: dict[str, Any]) -> list[tuple[str, str, Any, str]]:
    """The shadowed entries of the keys of a config file's table ``key`` (``before``) that a
    later layer's ``table`` replaces: the table as it was, and each replaced key's name."""
    names: list[str] = []
    for sub, sub_value in table.items():
        if key in CHECKED_TABLES and sub in before:
            names.append(f"{key}.{sub}")
        elif key == "automation" and isinstance(sub_value, dict) \
                and isinstance(sub_value.get("retry"), dict) and isinstance(before.get(sub), dict) \
                and isinstance(before[sub].get("retry"), dict):
            names.extend(f"{key}.{sub}.retry.{k}" for k in sub_value["retry"]
                         if k in before[sub]["retry"])
    return [(origin[name], key, before, name) for name in names if ":" in origin.get(name, "")]


def load_layers(
    *,
    cwd: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
    config_file: str | None = None,
    flags: Mapping[str, Any] | None = None,
) -> Layers:
    """Merge every layer; the tables of ``MERGED_TABLES`` merge per key, the rest replace."""
    env = os.environ if env is None else env
    cwd = os.fspath(cwd) if cwd is not None else working_directory()
    values = {k: (dict(v) if isinstance(v, dict) else list(v) if isinstance(v, list) else v)
              for k, v in DEFAULTS.items()}
    origin = dict.fromkeys(DEFAULTS, "default")
    files: list[str] = []

    if config_file is not None and not config_file.strip():
        # `--config "$CFG"` with CFG unset: the file found upwards would be another's
        raise ConfigError("--config: an empty path; leave the option out to use the "
                          "opsctl.toml found upwards")
    explicit = config_file or env.get("OPSCTL_CONFIG")
    repo = _explicit_config(explicit, cwd) if explicit else find_repo_config(cwd)
    root = os.path.dirname(repo) if repo else os.path.realpath(cwd)
    values["state_dir"] = os.path.join(root, ".opsctl")
    layers: list[tuple[str, dict[str, Any]]] = []
    if repo is not None:
        files.append(repo)
        name = f"file:{repo}" if explicit else f"repo:{repo}"
        layers.append((name, _resolve_paths(read_toml(repo), root, name)))
    user = user_config_path(env)
    if user is not None:
        _not_a_file(user)
    if user is not None and os.path.isfile(user):
        files.append(user)
        layers.append((f"user:{user}", _resolve_paths(read_toml(user), os.path.dirname(user),
                                                      f"user:{user}")))
    layers.append(("env", _env_layer(env, cwd)))
    layers.append(("flag", _flag_layer(flags or {}, cwd)))

    shadowed: list[tuple[str, str, Any, str]] = []
    for name, layer in layers:
        for key, value in layer.items():
            if key == "secrets" and name == "env" and isinstance(values.get(key), dict):
                # a variable name has one case: OPSCTL_SECRET_API_KEY sets `[secrets] API_KEY`
                # as it sets `api_key` (was: a second secret beside the file's, never read)
                spelt = {known.lower(): known for known in values[key]}
                value = {spelt.get(sub, sub): sub_value for sub, sub_value in value.items()}
            if key in MERGED_TABLES and isinstance(value, dict) and isinstance(
                    values.get(key), dict):
                shadowed.extend(_replaced_file_keys(origin, key, dict(values[key]), value))
                merged = dict(values[key])
                for sub, sub_value in value.items():
                    if key == "automation" and isinstance(sub_value, dict) and isinstance(
                            merged.get(sub), dict):
                        retry = (merged[sub].get("retry"), sub_value.get("retry"))
                        merged[sub] = {**merged[sub], **sub_value}
                        if isinstance(retry[0], dict) and isinstance(retry[1], dict):
                            merged[sub]["retry"] = {**retry[0], **retry[1]}  # key by key too
                        origin.update({f"{key}.{sub}.{k}": name for k in sub_value})
                    else:
                        merged[sub] = sub_value
                        if isinstance(sub_value, dict):
                            origin.update({f"{key}.{sub}.{k}": name for k in sub_value})
                    if key == "automation" and isinstance(sub_value, dict) and isinstance(
                            sub_value.get("retry"), dict):
                        # merged key by key, so each key keeps the layer that set it
                        origin.update({f"{key}.{sub}.retry.{k}": name
                                       for k in sub_value["retry"]})
                    if not (key == "automation" and name.startswith("user:")
                            and f"{key}.{sub}" in origin):
                        # the project's table stays the project's: the user's config may
                        # name other projects' automations, the project's may not
                        origin[f"{key}.{sub}"] = name
                values[key] = merged
            else:
                if origin.get(key, "default") != "default" and ":" in origin[key]:
                    shadowed.append((origin[key], key, values[key], key))  # a file's, replaced
                values[key] = value
            origin[key] = name
    return Layers(values=values, origin=origin, files=files, root=root, shadowed=shadowed,
                  env=env)
