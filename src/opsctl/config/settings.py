"""Validated settings: the merged layers, checked field by field.

Unknown keys, wrong types and bad values are configuration errors (exit 2) that name the key
and the layer it came from.

Every command validates its settings, and ``opsctl runs`` / ``opsctl show`` need nothing else
that imports pydantic, whose import and the building of a 30-field model measured ~85 ms of a
~150 ms ``opsctl runs``. So settings are checked here by a small validator that accepts only
values already in their plain form (a string for a path, a duration or a choice, a list of
strings, a table with string keys...) and builds the same values pydantic would. Anything else,
valid or not, goes to the pydantic model in :mod:`opsctl.config.settings_model`, which stays the
definition of what is valid and words every error; a test pins that both agree.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal

from opsctl.config.layers import Layers
from opsctl.config.redact import mask_url
from opsctl.contract.durations import format_duration, parse_duration

# (lowest, highest, why) of each duration setting. The lease heartbeat renews every third of
# lock_ttl: at 0s leases expire as they are granted and two applies both take the same scope.
DURATION_BOUNDS: dict[str, tuple[timedelta, timedelta, str]] = {
    "lock_ttl": (timedelta(seconds=1), timedelta(hours=24),
                 "the heartbeat renews the lease every third of it; a run killed on another "
                 "host blocks its scope for one lock_ttl"),
    "plan_ttl": (timedelta(seconds=1), timedelta(days=90), "how long a saved plan stays valid"),
    "stop_grace": (timedelta(milliseconds=100), timedelta(hours=1),
                   "how long the action in flight may finish after a signal"),
}

LogLevel = Literal["debug", "info", "warning", "error"]
# a library's logger may be silenced down to its critical records, as Python's logging names them
LibraryLogLevel = Literal["debug", "info", "warning", "error", "critical"]


class SecretText:
    """A secret setting: shown as ``**********``, read with :meth:`get_secret_value` (the
    interface of pydantic's ``SecretStr``, without importing pydantic)."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get_secret_value(self) -> str:
        return self._value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SecretText) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __str__(self) -> str:
        return "**********" if self._value else ""

    def __repr__(self) -> str:
        return f"SecretText('{self}')"


@dataclass(frozen=True)
class Settings:
    """Every opsctl setting (described in :class:`opsctl.config.settings_model.SettingsModel`).
    Paths are absolute once loaded."""

    automations: list[str]
    python_path: list[str]
    state_dir: Path
    store_url: str | None
    plan_ttl: timedelta
    journal_mode: Literal["strict", "group"]
    lock_ttl: timedelta
    stop_grace: timedelta
    plan_signing_key: SecretText | None
    plan_signing_keys_retired: list[SecretText]
    log_format: Literal["auto", "json", "console"]
    log_level: LogLevel
    log_levels: dict[str, LibraryLogLevel]
    format: Literal["text", "json"]
    actor: str | None
    retry: dict[str, Any]
    secrets: dict[str, SecretText]
    automation: dict[str, dict[str, Any]]
    policy_file: Path | None
    policy: dict[str, Any] | None
    groups: dict[str, list[str]]
    permissions: dict[str, Any] | None
    confirm: Literal["tty", "never"]
    max_input_size: int
    server: dict[str, Any]
    executor: Literal["local", "celery"]
    broker_url: str | None
    worker: dict[str, Any]
    schedules: list[dict[str, Any]]

    @property
    def effective_store_url(self) -> str:
        return self.store_url or f"sqlite:///{self.state_dir / 'state.db'}"

    def secret_values(self) -> list[str]:
        values = [s.get_secret_value() for s in self.secrets.values()]
        if self.plan_signing_key is not None:
            values.append(self.plan_signing_key.get_secret_value())
        values.extend(key.get_secret_value() for key in self.plan_signing_keys_retired)
        return values


FIELDS: tuple[str, ...] = tuple(Settings.__dataclass_fields__)
CHOICES: dict[str, tuple[str, ...]] = {
    "journal_mode": ("strict", "group"),
    "log_format": ("auto", "json", "console"),
    "log_level": ("debug", "info", "warning", "error"),
    "library_log_level": ("debug", "info", "warning", "error", "critical"),
    "format": ("text", "json"),
    "confirm": ("tty", "never"),
    "executor": ("local", "celery"),
}


def checked_duration(name: str, value: Any) -> timedelta:
    """A duration setting within its bounds; ValueError otherwise."""
    duration = parse_duration(value)
    low, high, why = DURATION_BOUNDS[name]
    if not low <= duration <= high:
        raise ValueError(f"{format_duration(duration)} is out of range: between "
                         f"{format_duration(low)} and {format_duration(high)} ({why})")
    return duration


class SecretReferenceError(ValueError):
    """A secret's ``env:VAR`` or ``file:PATH`` that gives no value; ``name`` is the secret's,
    so the error names the layer that set that secret rather than the whole table's."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


def resolve_secret_references(value: Any, env: Mapping[str, str] | None = None) -> Any:
    """A secret may be written as ``env:NAME`` (read from ``env``, by default
    ``os.environ``) or ``file:PATH`` instead of inline."""
    if not isinstance(value, dict):
        return value
    resolved = {}
    for name, raw in value.items():
        if raw in ("env:", "file:"):
            what = "environment variable" if raw == "env:" else "file"
            raise SecretReferenceError(name, f"secret {name!r}: {raw!r} names no {what}")
        if isinstance(raw, str) and raw.startswith("env:"):
            import os

            env_value = (os.environ if env is None else env).get(raw[4:])
            if env_value is None:
                raise SecretReferenceError(name, f"secret {name!r} refers to unset environment "
                                           f"variable {raw[4:]}")
            if not env_value:  # a CI job's `env:` passes "" for a variable it does not have
                raise SecretReferenceError(name, f"secret {name!r}: environment variable "
                                           f"{raw[4:]} is empty")
            raw = env_value
        elif isinstance(raw, str) and raw.startswith("file:"):
            path = raw[5:]
            try:
                raw = Path(path).expanduser().read_bytes().decode("utf-8").strip()
            except OSError as exc:
                raise SecretReferenceError(name, f"secret {name!r}: cannot read {path}: "
                                           f"{exc.strerror}") from None
            except UnicodeDecodeError as exc:
                raise SecretReferenceError(name, f"secret {name!r}: {path} is not UTF-8 text "
                                           f"(invalid byte at offset {exc.start})") from None
            if not raw:  # a mount not there yet, a write that failed: never an empty secret
                raise SecretReferenceError(name, f"secret {name!r}: {path} is empty")
        resolved[name] = raw
    return resolved


class _NotPlain(Exception):
    """A value not in its plain form: the pydantic model decides whether it is valid."""


def _text(value: Any) -> str:
    if type(value) is not str:
        raise _NotPlain
    return value


def _text_or_none(value: Any) -> str | None:
    return None if value is None else _text(value)


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise _NotPlain
    return value


def _texts(value: Any) -> list[str]:
    return [_text(item) for item in _list(value)]


def _table(value: Any) -> dict[str, Any]:
    if type(value) is not dict or any(type(key) is not str for key in value):
        raise _NotPlain
    return dict(value)


def _table_or_none(value: Any) -> dict[str, Any] | None:
    return None if value is None else _table(value)


def _choice(name: str, value: Any) -> Any:
    if type(value) is not str or value not in CHOICES[name]:
        raise _NotPlain
    return value


def level_name(value: Any) -> Any:
    """A log level as Python's logging writes it (``DEBUG``) or in lower case: the same level."""
    return value.lower() if isinstance(value, str) else value


def _path_or_none(value: Any) -> Path | None:
    return None if value is None else Path(_text(value))


def _plain_settings(values: dict[str, Any], env: Mapping[str, str] | None = None) -> Settings:
    """Settings from values already in their plain form, as the pydantic model would build
    them; raises _NotPlain for anything else (a wrong value, or one pydantic would convert)."""
    if len(values) != len(FIELDS) or any(key not in values for key in FIELDS):
        raise _NotPlain
    try:
        durations = {name: checked_duration(name, values[name]) for name in DURATION_BOUNDS}
        max_input_size = parse_byte_size(values["max_input_size"])
        secrets = _table(resolve_secret_references(values["secrets"], env))
    except Exception:  # the model raises the same error, worded as a config error
        raise _NotPlain from None
    signing_key = _text_or_none(values["plan_signing_key"])
    retired = _texts(values["plan_signing_keys_retired"])
    keys = [*([] if signing_key is None else [signing_key]), *retired]
    if any(not key.strip() for key in keys):
        raise _NotPlain  # a blank key: the model words the error
    return Settings(
        automations=_texts(values["automations"]),
        python_path=_texts(values["python_path"]),
        state_dir=Path(_text(values["state_dir"])),
        store_url=_text_or_none(values["store_url"]),
        plan_ttl=durations["plan_ttl"],
        journal_mode=_choice("journal_mode", values["journal_mode"]),
        lock_ttl=durations["lock_ttl"],
        stop_grace=durations["stop_grace"],
        plan_signing_key=None if signing_key is None else SecretText(signing_key),
        plan_signing_keys_retired=[SecretText(key) for key in retired],
        log_format=_choice("log_format", values["log_format"]),
        log_level=_choice("log_level", level_name(values["log_level"])),
        log_levels={name: _choice("library_log_level", level_name(level))
                    for name, level in _table(values["log_levels"]).items()},
        format=_choice("format", values["format"]),
        actor=_text_or_none(values["actor"]),
        retry=_table(values["retry"]),
        secrets={name: SecretText(_text(value)) for name, value in secrets.items()},
        automation={name: _table(table) for name, table in _table(values["automation"]).items()},
        policy_file=_path_or_none(values["policy_file"]),
        policy=_table_or_none(values["policy"]),
        groups={name: _texts(members) for name, members in _table(values["groups"]).items()},
        permissions=_table_or_none(values["permissions"]),
        confirm=_choice("confirm", values["confirm"]),
        max_input_size=max_input_size,
        server=_table(values["server"]),
        executor=_choice("executor", values["executor"]),
        broker_url=_text_or_none(values["broker_url"]),
        worker=_table(values["worker"]),
        schedules=[_table(schedule) for schedule in _list(values["schedules"])],
    )


_BYTE_UNITS = {"": 1, "b": 1, "kb": 1000, "kib": 1024, "mb": 1000**2, "mib": 1024**2,
               "gb": 1000**3, "gib": 1024**3}


def parse_byte_size(value: Any) -> int:
    """``4096``, ``"512KiB"`` or ``"10MB"`` as a whole number of bytes, at least 1."""
    import re

    if isinstance(value, bool):
        raise ValueError("expected a size such as 10MiB")
    if isinstance(value, int):
        size = value
    elif isinstance(value, str):
        match = re.fullmatch(r"\s*(\d{1,15})\s*([A-Za-z]{0,3})\s*", value)
        unit = match.group(2).lower() if match else ""
        if match is None or unit not in _BYTE_UNITS:
            raise ValueError(f"invalid size {value!r}: expected bytes or a number with KiB, MiB, "
                             "GiB, KB, MB or GB")
        size = int(match.group(1)) * _BYTE_UNITS[unit]
    else:
        raise ValueError("expected a size such as 10MiB")
    if not 1 <= size <= 1024**4:
        raise ValueError(f"size {value!r} out of range (1 byte to 1TiB)")
    return size


BROKER_SCHEMES = ("redis://", "rediss://", "amqp://", "amqps://", "pyamqp://")
"""The Celery brokers opsctl's workers take (as ``require_remote_ready`` checks them)."""
SECRET_KEYS = frozenset({"plan_signing_key", "plan_signing_keys_retired", "secrets"})
SERVER_KEYS = frozenset({"host", "port", "workers", "allow_insecure_remote", "tls_cert",
                         "tls_key", "max_body", "metrics_auth", "oidc", "scheduler",
                         "request_timeout"})
"""The keys of ``[server]`` (docs/http-api.md); each is read where it is used."""


def _server_value_problem(key: str, value: Any) -> str | None:
    """What is wrong with ``[server]``'s ``key = value``, or None (``oidc`` is checked by the
    server's OIDC module, which knows its tables)."""
    if key in ("allow_insecure_remote", "metrics_auth", "scheduler"):
        return None if isinstance(value, bool) else f"expected true or false, not {value!r}"
    if key in ("host", "tls_cert", "tls_key"):
        return None if isinstance(value, str) and value.strip() else \
            f"expected a non-empty string, not {value!r}"
    if key in ("port", "workers"):
        low, high = (0, 65535) if key == "port" else (1, 64)  # as serve --workers
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            return f"expected a whole number from {low} to {high}, not {value!r}"
        return None
    if key == "max_body":
        try:
            parse_byte_size(value)
        except ValueError as exc:
            return str(exc)
    if key == "request_timeout":
        try:
            server_request_timeout(value)
        except ValueError as exc:
            return str(exc)
    return None


def server_request_timeout(value: Any) -> float:
    """``[server]``'s ``request_timeout`` in seconds: how long a client may take to send a
    whole request (1s to 1h)."""
    from opsctl.contract.durations import parse_duration

    seconds = parse_duration(value).total_seconds()
    if not 1 <= seconds <= 3600:
        raise ValueError(f"request_timeout {value!r} out of range (1s to 1h)")
    return seconds


def validate_settings(layers: Layers) -> Settings:
    from opsctl.errors import ConfigError

    try:
        return _validated(layers)
    except ConfigError as exc:  # a bad value may be a secret's: masked, as in every output
        exc.message = _secrets_masked(layers, exc.message)
        exc.args = (exc.message,)
        raise


def _secrets_masked(layers: Layers, text: str) -> str:
    """``text`` with the values of the named secrets that resolve masked."""
    given = layers.values.get("secrets")
    if not isinstance(given, dict) or not given:
        return text
    from opsctl.config.redact import Redactor

    redactor = Redactor()
    for name, value in given.items():
        try:  # one at a time: a reference that does not resolve has no value to mask
            redactor.add(*(v for v in resolve_secret_references({name: value},
                                                                layers.env).values()
                           if isinstance(v, str)))
        except ValueError:
            continue
    return redactor.redact_text(text)


def _validated(layers: Layers) -> Settings:
    try:
        settings = _plain_settings(layers.values, layers.env)
    except _NotPlain:
        from opsctl.config.settings_model import validate_with_model

        settings = validate_with_model(layers)
    _check_feature_tables(settings, layers)
    for layer, key, value, name in layers.shadowed:  # a file's value a later layer replaced
        _validated(Layers({**layers.values, key: value},
                                 {**layers.origin, key: layer, name: layer},
                                 layers.files, layers.root, env=layers.env))
    return settings


def _check_feature_tables(settings: Settings, layers: Layers) -> None:
    """The store URL's scheme, and the tables whose schema lives with their feature: ``[retry]`` and
    ``[automation.NAME.retry]`` (the retry policy), ``[permissions]`` and ``[groups]``, an
    inline ``[policy]``. Checked with the settings, so every command refuses what a run would
    refuse (``opsctl list`` and ``config show`` included); each feature's module is imported
    only when its table is there. A policy *file* is read by the commands that use it."""
    from opsctl.errors import ConfigError

    origin = layers.origin
    url = settings.store_url
    if url is not None and not url.startswith(("sqlite:///", "postgresql://", "postgres://")):
        raise ConfigError(f"config key 'store_url' (from {origin.get('store_url', 'config')}): "
                          f"unsupported store URL {mask_url(url)!r}: use sqlite:///PATH or "
                          "postgresql://...")
    broker = settings.broker_url
    if broker is not None and not broker.startswith(BROKER_SCHEMES):
        raise ConfigError(f"config key 'broker_url' (from "
                          f"{origin.get('broker_url', 'config')}): unsupported broker URL "
                          f"{mask_url(broker)!r}: use redis://HOST:6379/0 or "
                          "amqp://USER:PASSWORD@HOST:5672//")
    retry_tables = [("retry", settings.retry)] + [
        (f"automation.{name}.retry", table["retry"])
        for name, table in settings.automation.items() if "retry" in table]
    for key, table in retry_tables:
        if isinstance(table, dict) and not table:
            continue
        from opsctl.engine.retry import RetryPolicy

        where = (origin.get(key) or origin.get(key.rsplit(".", 1)[0])
                 or origin.get(key.split(".", 1)[0], "config"))
        if not isinstance(table, dict):
            raise ConfigError(f"config key {key!r} (from {where}): expected a table of retry "
                              "settings (attempts, base, cap, deadline, timeout)")
        for sub, value in table.items():  # each key alone first: its layer, not the table's
            try:
                RetryPolicy.from_mapping({sub: value})
            except ValueError as exc:
                raise ConfigError(f"config key {key!r} (from "
                                  f"{origin.get(f'{key}.{sub}', where)}): {exc}") from None
        try:
            RetryPolicy.from_mapping(table)
        except ValueError as exc:
            raise ConfigError(f"config key {key!r} (from {where}): {exc}") from None
    if settings.policy is not None or settings.permissions is not None or settings.groups:
        from opsctl.governance.gate import configured_tables

        configured_tables(settings, origin)
    # [server] and [worker] merge key by key: each key names the layer that set it
    unknown = sorted(set(settings.server) - SERVER_KEYS)
    if unknown:  # a typo (`prot = 8080`) would otherwise be a default silently kept
        raise ConfigError(f"unknown config key 'server.{unknown[0]}' (from "
                          f"{_table_key_origin(origin, 'server', unknown[0])}; known: "
                          f"{', '.join(sorted(SERVER_KEYS))})")
    for key, value in settings.server.items():
        problem = _server_value_problem(key, value)
        if problem is not None:
            raise ConfigError(f"config key 'server.{key}' (from "
                              f"{_table_key_origin(origin, 'server', key)}): {problem}")
    if settings.server.get("oidc") is not None:
        from opsctl.service.oidc import load_issuers

        try:
            load_issuers(settings.server["oidc"])
        except ConfigError as exc:  # the same check `opsctl serve` makes, naming the layer
            raise ConfigError(f"{exc.message} (from "
                              f"{_table_key_origin(origin, 'server', 'oidc')})") from None
    if settings.worker:
        from opsctl.dispatch.config import worker_config

        for key in [*sorted(settings.worker), None]:  # each key alone, then the table
            try:
                worker_config(settings.worker if key is None else {key: settings.worker[key]})
            except ConfigError as exc:  # the same check `opsctl worker` makes, naming the layer
                where = (origin.get("worker", "config") if key is None
                         else _table_key_origin(origin, "worker", key))
                raise ConfigError(f"{exc.message} (from {where})") from None


def _table_key_origin(origin: Mapping[str, str], table: str, key: str) -> str:
    """The layer that set one key of a table merged key by key."""
    return origin.get(f"{table}.{key}") or origin.get(table, "config")


def describe_settings(settings: Settings, layers: Layers) -> list[tuple[str, str, str]]:
    """(key, value for display, layer) rows; secrets print as ***, and so do passwords in URLs."""
    return [(key, mask_url(shown), layer)
            for key, shown, _, layer in _setting_rows(settings, layers)]


def settings_values(settings: Settings, layers: Layers) -> list[tuple[str, Any, str]]:
    """(key, value as JSON, layer) rows, masked as :func:`describe_settings`'s: a number stays
    a number, a list a list, a duration its canonical text (``30s``), unset null."""
    return [(key, _masked(value), layer)
            for key, _, value, layer in _setting_rows(settings, layers)]


def _masked(value: Any) -> Any:
    if isinstance(value, str):
        return mask_url(value)
    if isinstance(value, list | tuple):
        return [_masked(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _masked(v) for k, v in value.items()}
    if value is None or isinstance(value, bool | int | float):
        return value
    return mask_url(str(value))


def _setting_rows(settings: Settings, layers: Layers) -> list[tuple[str, str, Any, str]]:
    """(key, value for display, value as JSON, layer) rows."""
    rows: list[tuple[str, str, Any, str]] = []
    for key in FIELDS:
        value = getattr(settings, key)
        if key == "secrets":
            for name in sorted(value):
                rows.append((f"secrets.{name}", "***", "***",
                             layers.origin.get(f"secrets.{name}", "?")))
            continue
        if key == "automation":
            for name in sorted(value):
                table = dict(value[name])
                retry = table.pop("retry", None)
                if isinstance(retry, dict) and retry:
                    # its keys merge across layers one by one, as [retry]'s: shown so
                    table.update({f"retry.{k}": v for k, v in retry.items()})
                elif retry is not None:
                    table["retry"] = retry
                for sub, sub_value in sorted(table.items()):
                    rows.append((f"automation.{name}.{sub}", repr(sub_value), sub_value,
                                 layers.origin.get(f"automation.{name}.{sub}")
                                 or layers.origin.get(f"automation.{name}", layers.origin[key])))
            continue
        if key in ("retry", "log_levels", "server", "worker"):  # merged key by key
            for sub, sub_value in sorted(value.items()):
                raw = format_duration(sub_value) if isinstance(sub_value, timedelta) else sub_value
                rows.append((f"{key}.{sub}", str(sub_value), raw,
                             layers.origin.get(f"{key}.{sub}", layers.origin.get(key, "default"))))
            if not value:
                rows.append((key, "{}", {}, layers.origin.get(key, "default")))
            continue
        raw = value
        if key in SECRET_KEYS and value is not None and value != []:
            shown = raw = "***"
        elif isinstance(value, timedelta):
            shown = raw = format_duration(value)
        elif key == "max_input_size":  # as written in a file and the docs: 10MiB
            shown = _byte_size_text(value)
        elif key == "store_url" and value is None:
            shown = f"{settings.effective_store_url} (embedded)"
        elif key == "policy_file" and value is None and settings.policy is None and \
                _present(Path(layers.root) / "policy.yaml"):  # the file the gate then reads
            shown = f"{Path(layers.root) / 'policy.yaml'} (beside opsctl.toml)"
        elif isinstance(value, list):
            shown = ", ".join(str(v.get("name", "?")) if isinstance(v, dict) else str(v)
                              for v in value) if value else "[]"
        else:
            shown = "" if value is None else str(value)
        rows.append((key, shown, raw, layers.origin.get(key, "default")))
    return rows


def _byte_size_text(size: int) -> str:
    """A byte size in the largest binary unit that writes it whole (``10MiB``), else bytes."""
    for unit, factor in (("GiB", 1024 ** 3), ("MiB", 1024 ** 2), ("KiB", 1024)):
        if size >= factor and size % factor == 0:
            return f"{size // factor}{unit}"
    return str(size)


def _present(path: Path) -> bool:
    """Whether something is at ``path``, a link to nothing included."""
    return os.path.lexists(path)
