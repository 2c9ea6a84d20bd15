"""The ``[worker]`` table and the checks a remote executor needs before anything is queued."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

from opsctl.contract.durations import parse_duration
from opsctl.errors import ConfigError, UsageError

DEFAULT_QUEUE = "opsctl"


@dataclass(frozen=True)
class Route:
    automation: str = "*"
    environment: str | None = None
    queue: str = DEFAULT_QUEUE


@dataclass(frozen=True)
class WorkerConfig:
    queue: str = DEFAULT_QUEUE
    routes: tuple[Route, ...] = ()
    fan_out: int = 0
    sweep_interval_s: float = 5.0
    redeliver_after_s: float = 300.0

    def queue_for(self, automation: str, environment: str | None) -> str:
        """The queue of the first route matching the automation (a glob) and environment."""
        for route in self.routes:
            if fnmatchcase(automation, route.automation) and (
                    route.environment is None or route.environment == environment):
                return route.queue
        return self.queue


_KEYS = {"queue", "routes", "fan_out", "sweep_interval", "redeliver_after"}


def queue_name(value: Any, key: str) -> str:
    """``value`` as a queue name (ConfigError naming ``key`` otherwise)."""
    if not isinstance(value, str) or not value or not value.replace("-", "").replace(
            "_", "").replace(".", "").isalnum():
        where = key if key.startswith("-") else f"config key {key!r}"
        raise ConfigError(f"{where}: a queue name is letters, digits, '-', '_' and '.', "
                          f"not {value!r}")
    return value


def worker_config(table: Mapping[str, Any]) -> WorkerConfig:
    """Validate ``[worker]``: ConfigError (exit 2) naming the key on anything wrong."""
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(f"unknown config key 'worker.{unknown[0]}' (known: "
                          f"{', '.join(sorted(_KEYS))})")
    queue = queue_name(table.get("queue", DEFAULT_QUEUE), "worker.queue")
    routes = []
    raw_routes = table.get("routes", [])
    if not isinstance(raw_routes, list):
        raise ConfigError("config key 'worker.routes': a list of tables ([[worker.routes]])")
    for i, raw in enumerate(raw_routes):
        where = f"worker.routes[{i}]"
        if not isinstance(raw, dict) or set(raw) - {"automation", "environment", "queue"} \
                or "queue" not in raw:
            raise ConfigError(f"config key {where!r}: a table with queue and optionally "
                              "automation (a glob) and environment")
        routes.append(Route(str(raw.get("automation", "*")),
                            None if raw.get("environment") is None else str(raw["environment"]),
                            queue_name(raw["queue"], f"{where}.queue")))
    fan_out = table.get("fan_out", 0)
    if isinstance(fan_out, bool) or not isinstance(fan_out, int) or not 0 <= fan_out <= 1024:
        raise ConfigError("config key 'worker.fan_out': a whole number of chunks, 0 to 1024")
    durations = {}
    for key, default in (("sweep_interval", 5.0), ("redeliver_after", 300.0)):
        try:
            seconds = parse_duration(table.get(key, default)).total_seconds()
        except ValueError as exc:
            raise ConfigError(f"config key 'worker.{key}': {exc}") from None
        if not 0.1 <= seconds <= 86400:
            raise ConfigError(f"config key 'worker.{key}': between 100ms and 24h")
        durations[key] = seconds
    return WorkerConfig(queue, tuple(routes), fan_out, durations["sweep_interval"],
                        durations["redeliver_after"])


def require_remote_ready(settings: Any, what: str) -> str:
    """The broker URL, once a remote executor can work here: exit 2 with the reason if the
    store is SQLite (a file on this machine: workers elsewhere cannot share it) or no broker
    is configured."""
    url = settings.effective_store_url
    if not url.startswith(("postgresql://", "postgres://")):
        raise UsageError(f"{what} needs the PostgreSQL store: workers on other machines share "
                         "runs, leases and the journal through it, and the SQLite store is a "
                         "file on this machine. Set store_url (OPSCTL_STORE_URL) to "
                         "postgresql://...")
    if not settings.broker_url:
        raise UsageError(f"{what} needs a Celery broker: set broker_url (OPSCTL_BROKER_URL) "
                         "to redis://HOST:6379/0 or amqp://USER:PASSWORD@HOST:5672//")
    from opsctl.config.settings import BROKER_SCHEMES

    if not str(settings.broker_url).startswith(BROKER_SCHEMES):
        raise UsageError("broker_url must be a redis:// or amqp:// URL")
    return str(settings.broker_url)
