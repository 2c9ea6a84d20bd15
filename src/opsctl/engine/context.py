"""What an automation's plan/apply/verify functions receive.

The helpers on :class:`Context` know which phase the run is in and refuse to mutate while
planning (and in every phase of an automation declared ``effect="read"``): file writes, HTTP
methods other than GET/HEAD, SQL writes (read-only connections), and AWS calls that are not
Describe/List/Get-style reads.
"""

from __future__ import annotations

import functools
import json as _json
import os
import re
import shutil
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

from opsctl.config.redact import mask_url
from opsctl.errors import (
    AuthError,
    ConfigError,
    DependencyTimeoutError,
    MutationDuringPlanError,
    TransientError,
)
from opsctl.observe.log import Logger

if TYPE_CHECKING:
    import threading
    import urllib.request

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
    """What a ``ctx.http`` call got back, read whole within the call's timeout.

    Attributes:
        status: the HTTP status code; an error status raises only in ``raise_for_status()``.
        headers: the response headers, as the server spelt their names.
        body: the whole body, as bytes (``text`` decodes it as UTF-8, ``json()`` parses it).
        url: the URL called, as given (its password masked in error messages).
    """

    status: int
    headers: Mapping[str, str]
    body: bytes
    url: str

    def json(self) -> Any:
        """The body parsed as JSON."""
        return _json.loads(self.body)

    @property
    def text(self) -> str:
        """The body decoded as UTF-8 (bytes that are not UTF-8 replaced)."""
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
    ``raise_for_status()`` is called. ``timeout`` bounds the whole call (connecting, the
    response's headers and all of its body), not each read. A timeout raises
    ``DependencyTimeoutError`` and a failed connection ``TransientError``, both retried by the
    engine; a ``timeout`` that is not a positive number of seconds raises ``ValueError``.
    """

    default_timeout = 10.0

    def request(self, method: str, url: str, *, json: Any = None, data: bytes | None = None,
                headers: Mapping[str, str] | None = None, timeout: float | None = None) -> HTTPResponse:
        import socket
        import urllib.error
        import urllib.request

        if timeout is None:
            timeout = self.default_timeout
        elif not timeout > 0:  # also NaN; 0 used to mean "the default" by accident
            raise ValueError(f"ctx.http timeout must be a positive number of seconds, not {timeout!r}")
        method = method.upper()
        if method not in ("GET", "HEAD"):
            self._refuse_while_planning(f"send HTTP {method} {mask_url(url)}")
        all_headers = dict(headers or {})
        if json is not None:
            data = _json.dumps(json).encode()
            all_headers.setdefault("Content-Type", "application/json")
        target, credentials = _without_userinfo(url)
        if credentials is not None and not any(k.lower() == "authorization" for k in all_headers):
            # urllib would look the host up as "user:pw@host"; a URL's user and password are
            # HTTP Basic credentials, as curl and requests read them
            import base64

            all_headers["Authorization"] = "Basic " + base64.b64encode(credentials).decode()
        req = urllib.request.Request(target, data=data, method=method, headers=all_headers)
        opener = _deadline_opener(time.monotonic() + timeout)
        try:
            try:
                with opener.open(req, timeout=timeout) as resp:
                    return HTTPResponse(resp.status, dict(resp.headers), resp.read(), url)
            except urllib.error.HTTPError as exc:  # reading its body is bounded by the deadline too
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


def _without_userinfo(url: str) -> tuple[str, bytes | None]:
    """``url`` without ``user:password@``, and those credentials (percent-decoded, as
    ``user:password`` bytes) when it had them."""
    from urllib.parse import unquote, urlsplit, urlunsplit

    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url, None
    userinfo, _, host = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    credentials = f"{unquote(user)}:{unquote(password)}".encode()
    return urlunsplit(parts._replace(netloc=host)), credentials


def _deadline_opener(deadline: float) -> urllib.request.OpenerDirector:
    """A urllib opener whose every connect and read gets only what is left until ``deadline``
    (``time.monotonic()``).

    urllib's own ``timeout`` is a socket timeout: it bounds each read, so a server sending one
    byte a second holds a call for as long as it likes. httpx has a pool timeout but no total
    one either, and ctx.http stays on the standard library (nothing to install), so the
    deadline is enforced here: a raw reader under the response that sets the socket's timeout
    to the time left before each read.
    """
    import urllib.request

    http_handler, https_handler = _deadline_handlers()
    return urllib.request.build_opener(http_handler(deadline), https_handler(deadline))


def _time_left(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("the call's timeout ran out")
    return left


@functools.cache
def _deadline_handlers() -> tuple[Callable[[float], Any], Callable[[float], Any]]:
    """urllib handlers for HTTP and HTTPS with a deadline (built on first use: http.client is
    not imported by ``import opsctl``)."""
    import http.client
    import io
    import socket
    import urllib.request

    class DeadlineReader(io.RawIOBase):
        """The response's socket reader, each read limited to the time left."""

        def __init__(self, sock: socket.socket, raw: Any, deadline: float) -> None:
            super().__init__()
            self._sock, self._raw, self._deadline = sock, raw, deadline

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            self._sock.settimeout(_time_left(self._deadline))
            return int(self._raw.readinto(buffer))

        def close(self) -> None:
            if not self.closed:
                self._raw.close()  # the socket file keeps the socket open until now
            super().close()

    class DeadlineResponse(http.client.HTTPResponse):
        def __init__(self, sock: socket.socket, *args: Any, deadline: float, **kwargs: Any) -> None:
            super().__init__(sock, *args, **kwargs)
            self.fp = io.BufferedReader(DeadlineReader(sock, self.fp.detach(), deadline))

    class DeadlineConnection(http.client.HTTPConnection):
        def __init__(self, *args: Any, deadline: float, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.deadline = deadline
            self.response_class = functools.partial(  # type: ignore[assignment]
                DeadlineResponse, deadline=deadline)

        def connect(self) -> None:
            self.timeout = _time_left(self.deadline)  # a redirect's connection gets what is left
            super().connect()

    class DeadlineHTTPSConnection(DeadlineConnection, http.client.HTTPSConnection):
        pass

    class DeadlineHTTPHandler(urllib.request.HTTPHandler):
        def __init__(self, deadline: float) -> None:
            super().__init__()
            self.deadline = deadline

        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(functools.partial(DeadlineConnection, deadline=self.deadline), req)

    class DeadlineHTTPSHandler(urllib.request.HTTPSHandler):
        def __init__(self, deadline: float) -> None:
            super().__init__()
            self.deadline = deadline

        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(
                functools.partial(DeadlineHTTPSConnection, deadline=self.deadline), req)

    return DeadlineHTTPHandler, DeadlineHTTPSHandler


# SQLite: statements refused on a read-only ctx.sql connection, whatever PRAGMA query_only
# says. ATTACH would open (or create) another database file read-write, and VACUUM INTO
# attaches its output file the same way (SQLite has no authorizer code of its own for it, but
# denying the ATTACH it runs refuses it); PRAGMA query_only = OFF would undo the guard.
_SQLITE_SETTING_REFUSED = frozenset({"query_only"})

# PostgreSQL: statements that switch a read-only session or transaction back to read-write
# (SET [SESSION CHARACTERISTICS AS] TRANSACTION READ WRITE, BEGIN/START TRANSACTION READ WRITE,
# SET default_transaction_read_only / set_config(...)); reading the setting stays allowed
_PG_READ_WRITE = re.compile(r"\bread\s+write\b|\bset(?:_config)?\b[^;]*transaction_read_only",
                            re.IGNORECASE)
_READ_ONLY_REASON = ("ctx.sql connections are read-only while planning and in automations "
                     "declared effect 'read'")


def _sqlite_read_only_authorizer(action: int, arg1: str | None, arg2: str | None,
                                 database: str | None, trigger: str | None) -> int:
    import sqlite3

    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA and arg2 is not None \
            and (arg1 or "").lower() in _SQLITE_SETTING_REFUSED:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


@functools.cache
def _pg_read_only_cursor() -> type[Any]:
    """A psycopg cursor refusing statements that switch the connection back to read-write."""
    import psycopg

    def refuse_read_write(cursor: psycopg.Cursor[Any], query: Any) -> None:
        if isinstance(query, bytes):
            text = query.decode(errors="replace")
        elif isinstance(query, str):
            text = query
        else:  # psycopg.sql.Composable
            text = query.as_string(cursor)
        if _PG_READ_WRITE.search(text):
            raise MutationDuringPlanError("make a read-only ctx.sql connection read-write",
                                          reason=_READ_ONLY_REASON)

    class ReadOnlyCursor(psycopg.Cursor[Any]):
        def execute(self, query: Any, *args: Any, **kwargs: Any) -> Any:
            refuse_read_write(self, query)
            return super().execute(query, *args, **kwargs)

        def executemany(self, query: Any, *args: Any, **kwargs: Any) -> None:
            refuse_read_write(self, query)
            super().executemany(query, *args, **kwargs)

    return ReadOnlyCursor


@functools.cache
def _pg_read_only_connection() -> type[Any]:
    """A psycopg connection that stays read-only: ``conn.read_only = False`` (or
    ``set_read_only(False)``, ``autocommit``'s own transactions aside) would have psycopg begin
    ``READ WRITE`` transactions, past the cursors' guard."""
    import psycopg

    class ReadOnlyConnection(psycopg.Connection[Any]):
        # the step every psycopg 3 takes, from the property's setter and set_read_only() alike
        def _set_read_only_gen(self, value: bool | None) -> Any:
            if not value:
                raise MutationDuringPlanError("make a read-only ctx.sql connection read-write",
                                              reason=_READ_ONLY_REASON)
            return super()._set_read_only_gen(value)

    return ReadOnlyConnection


class SQL(_Guarded):
    """Database connections that are read-only while planning and, in automations declared
    ``effect="read"``, in every phase."""

    def connect(self, target: str | Path) -> Any:
        """Open a DB-API connection to ``target``, read-only while planning.

        Args:
            target: a SQLite file path, ``sqlite:///PATH``, or a ``postgresql://`` (or
                ``postgres://``) URL; PostgreSQL needs ``opsctl[postgres]``.

        Returns:
            A ``sqlite3.Connection`` (30 s busy timeout) or a ``psycopg.Connection`` (10 s
            connect timeout). It is read-only while planning, and in every phase of an
            automation declared ``effect="read"``. SQLite: the file is opened with ``mode=ro``
            (it must exist, else ``ConfigError``, exit 2), ``PRAGMA query_only`` is on, and an
            authorizer refuses ``ATTACH``, ``DETACH`` (so ``VACUUM INTO``) and turning
            ``query_only`` off. PostgreSQL: the session starts with
            ``default_transaction_read_only`` on, each transaction begins ``READ ONLY``, and
            the connection's cursors refuse statements that say ``READ WRITE`` or set
            ``transaction_read_only``, and the connection refuses ``read_only = False``. A
            write then fails in the database. Deliberate SQL can
            still get around the PostgreSQL guard (see docs/authoring.md).

        opsctl neither commits nor closes the connection: in ``apply``, commit before
        returning (the action is journaled ``applied`` when ``apply`` returns), and close it
        when done.
        """
        text = str(target)
        read_only = self._ctx.planning or self._ctx.effect == "read"
        if text.startswith(("postgresql://", "postgres://")):
            return _connect_postgresql(text, read_only)
        return _connect_sqlite(text.removeprefix("sqlite:///"), read_only)


def _connect_postgresql(url: str, read_only: bool) -> Any:
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    if not read_only:
        return psycopg.connect(url, connect_timeout=10)
    # the options keyword replaces the URL's options (and PGOPTIONS): keep them. Set when the
    # session starts, the setting also survives RESET ALL and DISCARD ALL.
    options = str(conninfo_to_dict(url).get("options") or os.environ.get("PGOPTIONS", ""))
    conn = _pg_read_only_connection().connect(
        url, connect_timeout=10, cursor_factory=_pg_read_only_cursor(),
        options=f"{options} -c default_transaction_read_only=on".strip())
    conn.read_only = True
    return conn


def _connect_sqlite(path: str, read_only: bool) -> Any:
    import sqlite3

    if not read_only:
        return sqlite3.connect(path, timeout=30)
    # as_uri percent-quotes the path: a "#" or "?" in a file name would otherwise end it and
    # drop mode=ro
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=30)
    except sqlite3.OperationalError as exc:
        if exc.sqlite_errorcode & 0xFF != sqlite3.SQLITE_CANTOPEN:
            raise
        why = "does not exist" if not Path(path).exists() else f"cannot be opened ({exc})"
        raise ConfigError(f"ctx.sql: the SQLite database {path} {why}; a read-only connection "
                          "(while planning, or for an effect 'read' automation) needs an "
                          "existing database file") from None
    conn.execute("PRAGMA query_only = ON")
    conn.set_authorizer(_sqlite_read_only_authorizer)
    return conn


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
        http: an HTTP client whose timeout bounds each whole call; only GET/HEAD while
            planning.
        sql: database connections, read-only while planning (in every phase for effect
            ``"read"``).
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
    _stop: threading.Event | None = field(default=None, repr=False)
    """Set once the run is asked to stop (a signal, ``opsctl cancel``, a server stopping):
    what an action waits on for long (a wrapped script) ends after ``_stop_grace`` seconds."""
    _stop_grace: float = field(default=30.0, repr=False)

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

        ``kwargs`` go to ``boto3.client``. Connect and read timeouts are 5 s and 20 s; botocore
        retries a failed call up to 3 times (standard mode: at most 4 requests). While planning, only operations named
        ``Describe*``, ``List*``, ``Get*``, ``Head*``, ``Search*``, ``Lookup*``, ``Scan*``,
        ``Query*``, ``BatchGet*`` or ``Select*`` are sent; others are refused. Needs
        ``opsctl[aws]``.

        ``AWS_ENDPOINT_URL`` (or ``endpoint_url`` in this automation's config) points it at an
        emulator such as moto's server. No region (``region=``, ``AWS_REGION``,
        ``AWS_DEFAULT_REGION`` or the AWS config file) is a ``ConfigError`` (exit 2).
        """
        try:
            import boto3
            from botocore.config import Config
            from botocore.exceptions import NoRegionError
        except ImportError:
            raise ConfigError("ctx.aws_client needs boto3, which is not installed: "
                              "pip install 'opsctl[aws]'") from None
        kwargs.setdefault("config", Config(connect_timeout=5, read_timeout=20,
                                           retries={"max_attempts": 3, "mode": "standard"}))
        endpoint = self.config.get("endpoint_url")
        if endpoint:
            kwargs.setdefault("endpoint_url", endpoint)
        try:
            client = boto3.client(service, region_name=region, **kwargs)
        except NoRegionError:
            raise ConfigError(f"ctx.aws_client({service!r}): no AWS region: pass region= or set "
                              "AWS_REGION (or AWS_DEFAULT_REGION)") from None
        except ValueError as exc:
            if not str(exc).startswith("Invalid endpoint"):
                raise
            # botocore's "Invalid endpoint: NAME": AWS_ENDPOINT_URL or endpoint_url is no URL
            raise ConfigError(f"ctx.aws_client({service!r}): {exc}: AWS_ENDPOINT_URL (or "
                              "endpoint_url in the automation's config) must be a URL such as "
                              "http://127.0.0.1:5000") from None

        def refuse_writes(model: Any, **_: Any) -> None:
            if not model.name.startswith(_READ_AWS_PREFIXES):
                Files(self)._refuse_while_planning(f"call AWS {service}.{model.name}")

        client.meta.events.register("before-call", refuse_writes)
        return client
