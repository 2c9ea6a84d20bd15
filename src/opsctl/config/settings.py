"""Validated settings: the merged layers checked by a strict pydantic model.

Unknown keys, wrong types and bad values are configuration errors (exit 2) that name the key
and the layer it came from.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from opsctl.config.layers import Layers
from opsctl.config.redact import mask_url
from opsctl.contract.durations import format_duration, parse_duration
from opsctl.errors import ConfigError

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


class Settings(BaseModel):
    """Every opsctl setting. Paths are absolute once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    automations: list[str] = Field(description="Automation modules: 'package.module' or 'package.module:attr'")
    python_path: list[str] = Field(description="Directories added to sys.path before importing automations")
    state_dir: Path = Field(description="Where the embedded store, the plan key and caches live")
    store_url: str | None = Field(description="sqlite:///PATH or postgresql://...; default: SQLite in state_dir")
    plan_ttl: timedelta = Field(description="How long a saved plan stays valid")
    journal_mode: Literal["strict", "group"] = Field(
        description="strict: commit at every action boundary; group: batch journal records")
    lock_ttl: timedelta = Field(description="Lease length of a run's lock; renewed every third of it")
    stop_grace: timedelta = Field(description="After SIGINT/SIGTERM, how long in-flight actions may finish")
    plan_signing_key: SecretStr | None = Field(description="Key that signs plan files; default: a key file in state_dir")
    log_format: Literal["auto", "json", "console"] = Field(description="Log rendering on stderr")
    log_level: Literal["debug", "info", "warning", "error"] = Field(description="Lowest level logged")
    log_levels: dict[str, Literal["debug", "info", "warning", "error"]] = Field(
        description="Levels of stdlib loggers (boto3, urllib3, psycopg...) by logger name; "
                    "others log warnings and errors")
    format: Literal["text", "json"] = Field(description="Default output format")
    actor: str | None = Field(description="Who runs opsctl; default: CI identity or OS user")
    retry: dict[str, Any] = Field(description="Default retry policy: attempts, base, cap, deadline, timeout")
    secrets: dict[str, SecretStr] = Field(description="Named secrets for automations (ctx.secrets)")
    automation: dict[str, dict[str, Any]] = Field(description="Per-automation settings (ctx.config)")
    policy_file: Path | None = Field(
        description="Policy rules (YAML or JSON); default: policy.yaml beside opsctl.toml, if any")
    policy: dict[str, Any] | None = Field(
        description="Policy rules inline (the [policy] table), instead of a policy file")
    groups: dict[str, list[str]] = Field(description="Groups of actors: name = [actor, ...]")
    permissions: dict[str, Any] | None = Field(
        description="Role grants ([[permissions.grants]]); none configured: no role checks")
    confirm: Literal["tty", "never"] = Field(
        description="tty: on a terminal, a mutating apply without a saved plan shows the plan "
                    "and asks for 'yes' first; never: do not ask")
    max_input_size: int = Field(
        description="Largest request document or plan file read, in bytes (10MiB, 512KiB, 4096)")
    server: dict[str, Any] = Field(
        description="`opsctl serve`: host, port, tls_cert, tls_key, allow_remote, workers, "
                    "max_body, [[server.oidc]] issuers (validated when the server starts)")

    executor: Literal["local", "celery"] = Field(
        description="Who carries out applies: local (this process) or celery (queued for "
                    "`opsctl worker` processes; needs broker_url and a PostgreSQL store)")
    broker_url: str | None = Field(
        description="Celery broker of the celery executor and `opsctl worker`: "
                    "redis://HOST:6379/0 or amqp://USER:PASSWORD@HOST:5672//")
    worker: dict[str, Any] = Field(
        description="Workers: queue (default 'opsctl'), [[worker.routes]] (automation glob, "
                    "environment, queue), fan_out (chunks of a large run), sweep_interval, "
                    "redeliver_after (validated when a worker starts or a run is queued)")

    schedules: list[dict[str, Any]] = Field(
        description="[[schedules]]: name, automation, cron, timezone, request or request_file, "
                    "concurrency, misfire, grace, max_catchup, paused (checked by `opsctl "
                    "schedule` and the scheduler)")

    @field_validator("plan_ttl", "lock_ttl", "stop_grace", mode="before")
    @classmethod
    def _duration(cls, value: Any, info: ValidationInfo) -> timedelta:
        duration = parse_duration(value)
        low, high, why = DURATION_BOUNDS[str(info.field_name)]
        if not low <= duration <= high:
            raise ValueError(f"{format_duration(duration)} is out of range: between "
                             f"{format_duration(low)} and {format_duration(high)} ({why})")
        return duration

    @field_validator("max_input_size", mode="before")
    @classmethod
    def _byte_size(cls, value: Any) -> int:
        return parse_byte_size(value)

    @field_validator("secrets", mode="before")
    @classmethod
    def _indirect_secrets(cls, value: Any) -> Any:
        """A secret may be written as ``env:NAME`` or ``file:PATH`` instead of inline."""
        if not isinstance(value, dict):
            return value
        resolved = {}
        for name, raw in value.items():
            if isinstance(raw, str) and raw.startswith("env:"):
                import os

                env_value = os.environ.get(raw[4:])
                if env_value is None:
                    raise ValueError(f"secret {name!r} refers to unset environment variable {raw[4:]}")
                raw = env_value
            elif isinstance(raw, str) and raw.startswith("file:"):
                try:
                    raw = Path(raw[5:]).expanduser().read_text().strip()
                except OSError as exc:
                    raise ValueError(f"secret {name!r}: cannot read {raw[5:]}: {exc.strerror}") from None
            resolved[name] = raw
        return resolved

    @property
    def effective_store_url(self) -> str:
        return self.store_url or f"sqlite:///{self.state_dir / 'state.db'}"

    def secret_values(self) -> list[str]:
        values = [s.get_secret_value() for s in self.secrets.values()]
        if self.plan_signing_key is not None:
            values.append(self.plan_signing_key.get_secret_value())
        return values


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


SECRET_KEYS = frozenset({"plan_signing_key", "secrets"})


def validate_settings(layers: Layers) -> Settings:
    try:
        return Settings.model_validate(layers.values)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"]) or "config"
        top = str(first["loc"][0]) if first["loc"] else ""
        where = layers.origin.get(key) or layers.origin.get(top, "config")
        if first["type"] == "extra_forbidden":
            raise ConfigError(f"unknown config key {key!r} (from {where})") from None
        ctx = first.get("ctx") or {}
        message = str(ctx["error"]) if first["type"] == "value_error" and "error" in ctx else first["msg"]
        raise ConfigError(f"config key {key!r} (from {where}): {message}") from None


def describe_settings(settings: Settings, layers: Layers) -> list[tuple[str, str, str]]:
    """(key, value for display, layer) rows; secrets print as ***, and so do passwords in URLs."""
    return [(key, mask_url(shown), layer) for key, shown, layer in _setting_rows(settings, layers)]


def _setting_rows(settings: Settings, layers: Layers) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    for key in Settings.model_fields:
        value = getattr(settings, key)
        if key == "secrets":
            for name in sorted(value):
                rows.append((f"secrets.{name}", "***", layers.origin.get(f"secrets.{name}", "?")))
            continue
        if key == "automation":
            for name in sorted(value):
                for sub, sub_value in sorted(value[name].items()):
                    rows.append((f"automation.{name}.{sub}", repr(sub_value),
                                 layers.origin.get(f"automation.{name}.{sub}")
                                 or layers.origin.get(f"automation.{name}", layers.origin[key])))
            continue
        if key in ("retry", "log_levels"):
            for sub, sub_value in sorted(value.items()):
                rows.append((f"{key}.{sub}", str(sub_value),
                             layers.origin.get(f"{key}.{sub}", layers.origin.get(key, "default"))))
            if not value:
                rows.append((key, "{}", layers.origin.get(key, "default")))
            continue
        if key in SECRET_KEYS and value is not None:
            shown = "***"
        elif isinstance(value, timedelta):
            shown = format_duration(value)
        elif key == "store_url" and value is None:
            shown = f"{settings.effective_store_url} (embedded)"
        elif isinstance(value, list):
            shown = ", ".join(str(v.get("name", "?")) if isinstance(v, dict) else str(v)
                              for v in value) if value else "[]"
        else:
            shown = "" if value is None else str(value)
        rows.append((key, shown, layers.origin.get(key, "default")))
    return rows
