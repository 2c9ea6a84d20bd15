"""What an automation's plan/apply/verify functions receive.

The helpers on :class:`Context` know which phase the run is in and refuse to mutate while
planning: file writes, HTTP methods other than GET/HEAD, SQL outside a read-only transaction,
and AWS calls that are not Describe/List/Get-style reads.
"""

from __future__ import annotations

import json as _json
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Literal

from opsctl.config.redact import mask_url
from opsctl.errors import (
    AuthError,
    ConfigError,
    DependencyTimeoutError,
    MutationDuringPlanError,
    TransientError,
)
from opsctl.observe.log import Logger

Phase = Literal["plan", "apply", "verify"]
_READ_AWS_PREFIXES = ("Describe", "List", "Get", "Head", "Search", "Lookup", "Scan", "Query",
                      "BatchGet", "Select")


class _Guarded:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def _refuse_while_planning(self, what: str) -> None:
        if self._ctx.planning:
            raise MutationDuringPlanError(what)
        if self._ctx.effect == "read":
            raise MutationDuringPlanError(what, reason="the automation declares effect 'read'")


class Files(_Guarded):
    """File helpers: reads always work; writes, deletes and renames only outside planning."""

    def read_text(self, path: str | Path, encoding: str = "utf-8") -> str:
        return Path(path).read_text(encoding=encoding)

    def open(self, path: str | Path, mode: str = "r", encoding: str | None = None) -> IO[Any]:
        if any(flag in mode for flag in "wax+"):
            self._refuse_while_planning(f"open {path} for writing")
        return open(path, mode, encoding=encoding)

    def write_text(self, path: str | Path, text: str, encoding: str = "utf-8") -> None:
        self._refuse_while_planning(f"write {path}")
        Path(path).write_text(text, encoding=encoding)

    def write_bytes(self, path: str | Path, data: bytes) -> None:
        self._refuse_while_planning(f"write {path}")
        Path(path).write_bytes(data)

    def unlink(self, path: str | Path, missing_ok: bool = False) -> None:
        self._refuse_while_planning(f"delete {path}")
        Path(path).unlink(missing_ok=missing_ok)

    def mkdir(self, path: str | Path, parents: bool = True, exist_ok: bool = True) -> None:
        self._refuse_while_planning(f"create directory {path}")
        Path(path).mkdir(parents=parents, exist_ok=exist_ok)

    def rename(self, source: str | Path, target: str | Path) -> None:
        self._refuse_while_planning(f"rename {source}")
        Path(source).rename(target)

    def rmtree(self, path: str | Path) -> None:
        self._refuse_while_planning(f"delete tree {path}")
        shutil.rmtree(path)


@dataclass
class HTTPResponse:
    status: int
    headers: Mapping[str, str]
    body: bytes
    url: str

    def json(self) -> Any:
        return _json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def raise_for_status(self) -> HTTPResponse:
        """Map failures to the error tree: 429/5xx transient, 401/403 auth, other 4xx a bug."""
        if self.status < 400:
            return self
        if self.status == 429 or self.status >= 500:
            error = TransientError(f"HTTP {self.status} from {mask_url(self.url)}")
            error.retry_after = next(  # type: ignore[attr-defined]
                (v for k, v in self.headers.items() if k.lower() == "retry-after"), None)
            raise error
        if self.status in (401, 403):
            raise AuthError(f"HTTP {self.status} from {mask_url(self.url)}: credentials or permission refused")
        from opsctl.errors import AutomationBugError

        raise AutomationBugError(f"HTTP {self.status} from {mask_url(self.url)}: {self.text[:200]}")


class HTTP(_Guarded):
    """A small HTTP client with a timeout on every call; only GET/HEAD while planning.

    Every method takes ``json=``, ``data=``, ``headers=`` and ``timeout=`` (default 10 s) and
    returns an :class:`HTTPResponse`; an error status does not raise until
    ``raise_for_status()`` is called. A timeout raises ``DependencyTimeoutError`` and a failed
    connection ``TransientError``, both retried by the engine.
    """

    default_timeout = 10.0

    def request(self, method: str, url: str, *, json: Any = None, data: bytes | None = None,
                headers: Mapping[str, str] | None = None, timeout: float | None = None) -> HTTPResponse:
        import socket
        import urllib.error
        import urllib.request

        method = method.upper()
        if method not in ("GET", "HEAD"):
            self._refuse_while_planning(f"send HTTP {method} {mask_url(url)}")
        all_headers = dict(headers or {})
        if json is not None:
            data = _json.dumps(json).encode()
            all_headers.setdefault("Content-Type", "application/json")
        req = urllib.request.Request(url, data=data, method=method, headers=all_headers)
        try:
            with urllib.request.urlopen(req, timeout=timeout or self.default_timeout) as resp:
                return HTTPResponse(resp.status, dict(resp.headers), resp.read(), url)
        except urllib.error.HTTPError as exc:
            return HTTPResponse(exc.code, dict(exc.headers or {}), exc.read() or b"", url)
        except TimeoutError:
            raise DependencyTimeoutError(f"HTTP {method} {mask_url(url)} timed out") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError | socket.timeout):
                raise DependencyTimeoutError(f"HTTP {method} {mask_url(url)} timed out") from None
            raise TransientError(f"HTTP {method} {mask_url(url)} failed: {exc.reason}") from None
        except (ConnectionError, OSError) as exc:
            raise TransientError(f"HTTP {method} {mask_url(url)} failed: {exc}") from None

    def get(self, url: str, **kwargs: Any) -> HTTPResponse:
        return self.request("GET", url, **kwargs)

    def head(self, url: str, **kwargs: Any) -> HTTPResponse:
        return self.request("HEAD", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> HTTPResponse:
        return self.request("POST", url, **kwargs)

    def put(self, url: str, **kwargs: Any) -> HTTPResponse:
        return self.request("PUT", url, **kwargs)

    def patch(self, url: str, **kwargs: Any) -> HTTPResponse:
        return self.request("PATCH", url, **kwargs)

    def delete(self, url: str, **kwargs: Any) -> HTTPResponse:
        return self.request("DELETE", url, **kwargs)


class SQL(_Guarded):
    """Database connections that are read-only while planning (enforced by the database)."""

    def connect(self, target: str | Path) -> Any:
        """Open a DB-API connection to ``target``, read-only while planning.

        Args:
            target: a SQLite file path, ``sqlite:///PATH``, or a ``postgresql://`` (or
                ``postgres://``) URL; PostgreSQL needs ``opsctl[postgres]``.

        Returns:
            A ``sqlite3.Connection`` (30 s busy timeout) or a ``psycopg.Connection`` (10 s
            connect timeout). While planning, SQLite opens the file with ``mode=ro`` (it must
            exist) and PostgreSQL sets the session's transactions ``READ ONLY``, so a write
            fails in the database.

        opsctl neither commits nor closes the connection: in ``apply``, commit before
        returning (the action is journaled ``applied`` when ``apply`` returns), and close it
        when done.
        """
        text = str(target)
        if text.startswith(("postgresql://", "postgres://")):
            import psycopg

            conn = psycopg.connect(text, connect_timeout=10)
            if self._ctx.planning:
                conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
                conn.commit()
            return conn
        import sqlite3

        path = text.removeprefix("sqlite:///")
        if self._ctx.planning:
            return sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, timeout=30)
        return sqlite3.connect(path, timeout=30)


@dataclass
class Context:
    """The run as an automation sees it: what ``plan``, ``apply`` and ``verify`` receive.

    Attributes:
        run_id: the run's id (``run_...``).
        automation: the automation's name.
        actor: who runs it (``OPSCTL_ACTOR``, the CI identity or the OS user).
        config: the automation's ``[automation.NAME]`` table of the configuration.
        secrets: named secrets (``[secrets]``, ``OPSCTL_SECRET_<NAME>``), name to plain
            string; masked wherever opsctl writes.
        log: a structured logger bound to the run, step and action
            (``ctx.log.info("event.name", key=value)``).
        clock: where ``now()`` reads the time (the test kit's fake clock in tests).
        effect: the automation's declared effect, ``"read"`` or ``"mutate"``.
        phase: ``"plan"``, ``"apply"`` or ``"verify"``.
        warnings: messages added by ``warn()``, shown in the result document.
        files: file helpers; writes refused while planning.
        http: an HTTP client with timeouts; only GET/HEAD while planning.
        sql: database connections, read-only while planning.
    """

    run_id: str
    automation: str
    actor: str
    config: Mapping[str, Any]
    secrets: Mapping[str, str]
    log: Logger
    clock: Callable[[], datetime]
    effect: str = "mutate"
    phase: Phase = "plan"
    warnings: list[str] = field(default_factory=list)
    files: Files = field(init=False)
    http: HTTP = field(init=False)
    sql: SQL = field(init=False)

    def __post_init__(self) -> None:
        self.files = Files(self)
        self.http = HTTP(self)
        self.sql = SQL(self)

    @property
    def planning(self) -> bool:
        """True while ``plan`` runs: the helpers then refuse every mutation."""
        return self.phase == "plan"

    def now(self) -> datetime:
        """The current time, timezone-aware (UTC), from the run's injectable clock."""
        return self.clock()

    def warn(self, message: str, **values: Any) -> None:
        """Log a warning and add it to the result document's ``warnings``."""
        self.log.warning("automation.warning", message=message, **values)
        if message not in self.warnings:
            self.warnings.append(message)

    def aws_client(self, service: str, region: str | None = None, **kwargs: Any) -> Any:
        """A boto3 client with timeouts and bounded retries that refuses writes while planning.

        ``kwargs`` go to ``boto3.client``. Connect and read timeouts are 5 s and 20 s, botocore
        retries 3 attempts (standard mode). While planning, only operations named
        ``Describe*``, ``List*``, ``Get*``, ``Head*``, ``Search*``, ``Lookup*``, ``Scan*``,
        ``Query*``, ``BatchGet*`` or ``Select*`` are sent; others are refused. Needs
        ``opsctl[aws]``.

        ``AWS_ENDPOINT_URL`` (or ``endpoint_url`` in this automation's config) points it at an
        emulator such as moto's server.
        """
        try:
            import boto3
            from botocore.config import Config
        except ImportError:
            raise ConfigError("ctx.aws_client needs boto3, which is not installed: "
                              "pip install 'opsctl[aws]'") from None
        kwargs.setdefault("config", Config(connect_timeout=5, read_timeout=20,
                                           retries={"max_attempts": 3, "mode": "standard"}))
        endpoint = self.config.get("endpoint_url")
        if endpoint:
            kwargs.setdefault("endpoint_url", endpoint)
        client = boto3.client(service, region_name=region, **kwargs)

        def refuse_writes(model: Any, **_: Any) -> None:
            if not model.name.startswith(_READ_AWS_PREFIXES):
                Files(self)._refuse_while_planning(f"call AWS {service}.{model.name}")

        client.meta.events.register("before-call", refuse_writes)
        return client
