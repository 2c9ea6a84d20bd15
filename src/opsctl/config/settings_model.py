"""The pydantic model of the settings: what is valid, and the words of every error.

:func:`opsctl.config.settings.validate_settings` checks plain values without importing
pydantic; it hands this model everything else, valid (a value pydantic converts) or not.
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
from opsctl.config.settings import (
    FIELDS,
    SecretReferenceError,
    SecretText,
    Settings,
    checked_duration,
    level_name,
    parse_byte_size,
    resolve_secret_references,
)
from opsctl.errors import ConfigError


class SettingsModel(BaseModel):
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
    plan_signing_keys_retired: list[SecretStr] = Field(
        description="Earlier plan-signing keys: plans they signed still verify in the audit "
                    "trail, and are refused as made under a retired key")
    log_format: Literal["auto", "json", "console"] = Field(description="Log rendering on stderr")
    log_level: Literal["debug", "info", "warning", "error"] = Field(description="Lowest level logged")
    log_levels: dict[str, Literal["debug", "info", "warning", "error", "critical"]] = Field(
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
                    "max_body, request_timeout, [[server.oidc]] issuers")

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
        return checked_duration(str(info.field_name), value)

    @field_validator("max_input_size", mode="before")
    @classmethod
    def _byte_size(cls, value: Any) -> int:
        return parse_byte_size(value)

    @field_validator("plan_signing_key", "plan_signing_keys_retired", mode="before")
    @classmethod
    def _not_blank(cls, value: Any) -> Any:
        # a plan signed with an empty key proves nothing: anyone can make its signature
        for key in value if isinstance(value, list) else [value]:
            if isinstance(key, str) and not key.strip():
                raise ValueError("a plan-signing key may not be empty or blank (a plan signed "
                                 "with it proves nothing); leave plan_signing_key out to use "
                                 "the key file in state_dir")
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _level(cls, value: Any) -> Any:
        return level_name(value)

    @field_validator("log_levels", mode="before")
    @classmethod
    def _levels(cls, value: Any) -> Any:
        return ({name: level_name(level) for name, level in value.items()}
                if isinstance(value, dict) else value)

    @field_validator("secrets", mode="before")
    @classmethod
    def _indirect_secrets(cls, value: Any, info: ValidationInfo) -> Any:
        return resolve_secret_references(value, (info.context or {}).get("env"))


def validate_with_model(layers: Layers) -> Settings:
    try:
        model = SettingsModel.model_validate(layers.values, context={"env": layers.env})
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"]) or "config"
        error = (first.get("ctx") or {}).get("error")
        if isinstance(error, SecretReferenceError):
            key = f"secrets.{error.name}"  # the one secret, and the layer that set it
        top = str(first["loc"][0]) if first["loc"] else ""
        where = layers.origin.get(key) or layers.origin.get(top, "config")
        if first["type"] == "extra_forbidden":
            import difflib

            near = difflib.get_close_matches(key, FIELDS, n=1)
            hint = f"; did you mean {near[0]!r}?" if near else ""
            raise ConfigError(f"unknown config key {key!r} (from {where}){hint}") from None
        ctx = first.get("ctx") or {}
        message = str(ctx["error"]) if first["type"] == "value_error" and "error" in ctx else first["msg"]
        if key == "automations" and isinstance(layers.values.get(key), dict):
            message += "; did you mean [automation.NAME]?"  # an automation's own settings
        raise ConfigError(f"config key {key!r} (from {where}): {message}") from None
    values = {name: getattr(model, name) for name in FIELDS}
    signing_key = model.plan_signing_key
    values["plan_signing_key"] = (None if signing_key is None
                                  else SecretText(signing_key.get_secret_value()))
    values["plan_signing_keys_retired"] = [SecretText(key.get_secret_value())
                                           for key in model.plan_signing_keys_retired]
    values["secrets"] = {name: SecretText(secret.get_secret_value())
                         for name, secret in model.secrets.items()}
    return Settings(**values)
