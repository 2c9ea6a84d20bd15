"""Which exceptions escaping an automation are transient, auth or plain bugs.

Authors may raise opsctl errors themselves; anything else that escapes plan/apply/verify is
classified here before it is called a bug (exit 1): network and timeout errors of the standard
library, botocore's errors, and database connection failures of psycopg and sqlite3 (each
checked only when its module is already imported, so this costs nothing for automations that
do not use them). A few are problems of configuration rather than of a dependency, and are not
retried: no AWS region, an AWS profile that does not exist or an AWS config file that cannot be
parsed, a TLS certificate not validated, a SQLite database file that cannot be opened (exit 2).
"""

from __future__ import annotations

import re
import socket
import sys
from collections.abc import Callable
from typing import Any

from opsctl.errors import (
    AuthError,
    ConfigError,
    DependencyTimeoutError,
    MutationDuringPlanError,
    OpsctlError,
    TransientError,
)
from opsctl.jsontext import unicode_text

AWS_THROTTLING_CODES = frozenset({
    "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottled",
    "RequestThrottledException", "RequestLimitExceeded", "TooManyRequestsException",
    "SlowDown", "EC2ThrottledException", "PriorRequestNotComplete", "BandwidthLimitExceeded",
    "ProvisionedThroughputExceededException",
})
AWS_SERVER_CODES = frozenset({"InternalError", "InternalFailure", "ServiceUnavailable",
                              "Unavailable", "InternalServerError"})
AWS_AUTH_CODES = frozenset({
    "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthFailure",
    "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch",
    "ExpiredToken", "ExpiredTokenException", "OptInRequired",
})


def aws_error_code(exc: BaseException) -> str:
    """The ``Error.Code`` of a botocore ClientError, or "" for anything else."""
    response: Any = getattr(exc, "response", None)
    if not isinstance(response, dict):
        return ""
    return str(response.get("Error", {}).get("Code", ""))


def aws_http_status(exc: BaseException) -> int:
    """The HTTP status of a botocore ClientError's response, or 0 when it has none."""
    response: Any = getattr(exc, "response", None)
    if not isinstance(response, dict):
        return 0
    status = response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
    return status if isinstance(status, int) else 0


def _classify_botocore(exc: BaseException, what: str) -> OpsctlError | None:
    exceptions = sys.modules.get("botocore.exceptions")
    if exceptions is None or not isinstance(exc, exceptions.BotoCoreError | exceptions.ClientError):
        return None
    if isinstance(exc, exceptions.ClientError):
        code = aws_error_code(exc)
        if code in AWS_THROTTLING_CODES or code in AWS_SERVER_CODES:
            return TransientError(f"{what}: AWS throttled or failed ({code}): {exc}")
        if code in AWS_AUTH_CODES:
            return AuthError(f"{what}: AWS refused the request ({code}): {exc}")
        # services name their 5xx codes freely (ServiceUnavailableException, ServiceException),
        # and a gateway's 502/504 has no AWS code at all: the status says what the code may not
        status = aws_http_status(exc)
        if status == 429 or status >= 500:
            return TransientError(f"{what}: AWS throttled or failed (HTTP {status}): {exc}")
        return None
    if isinstance(exc, exceptions.NoRegionError):
        return ConfigError(f"{what}: no AWS region: pass region= to ctx.aws_client or set "
                           "AWS_REGION (or AWS_DEFAULT_REGION)")
    if isinstance(exc, exceptions.ConnectTimeoutError | exceptions.ReadTimeoutError):
        return DependencyTimeoutError(f"{what}: AWS endpoint timed out: {exc}")
    if isinstance(exc, exceptions.ProfileNotFound | exceptions.ConfigParseError
                  | exceptions.InvalidConfigError):
        return ConfigError(f"{what}: the AWS configuration is not usable: {exc}")
    if isinstance(exc, exceptions.SSLError):
        text = str(exc)
        if "certificate" in text.lower() or "No such file" in text:  # not fixed by retrying
            return ConfigError(f"{what}: {text}: check AWS_CA_BUNDLE (or ca_bundle in the AWS "
                               "config) and the endpoint's certificate")
        return TransientError(f"{what}: TLS connection failed: {text}")  # a handshake cut off
    if isinstance(exc, exceptions.NoCredentialsError | exceptions.PartialCredentialsError
                  | exceptions.CredentialRetrievalError | exceptions.TokenRetrievalError
                  | exceptions.SSOError):
        return AuthError(f"{what}: no usable AWS credentials ({exc})")
    if isinstance(exc, exceptions.EndpointConnectionError | exceptions.ConnectionClosedError):
        return TransientError(f"{what}: cannot reach the AWS endpoint: {exc}")
    return None


def _classify_botocore_parser(exc: BaseException, what: str) -> OpsctlError | None:
    """botocore reads a 5xx HTML page as a generic error, but not a 429's (a rate limiter or a
    proxy in front of the endpoint): its parser fails on it (an error that is not a
    BotoCoreError), saying retries may succeed."""
    parsers = sys.modules.get("botocore.parsers")
    if parsers is None or not isinstance(exc, parsers.ResponseParserError):
        return None
    shown = " ".join(str(exc).split())
    return TransientError(f"{what}: the AWS endpoint answered with a response that is not "
                          "AWS's (a proxy's or rate limiter's page?): "
                          f"{shown[:200]}{'...' if len(shown) > 200 else ''}")


def exception_text(exc: BaseException) -> str:
    """``str(exc)``, or a stand-in when the exception's own ``__str__`` raises: the failure
    being reported is the automation's, not a new one of opsctl's while reporting it."""
    try:
        return unicode_text(str(exc))
    except Exception as broken:
        return f"<str() of {type(exc).__name__} raised {type(broken).__name__}>"


MESSAGE_LIMIT = 2000  # characters of an automation's error kept in results, journal and logs


def clipped(text: str, redact: Callable[[str], str]) -> str:
    """``text``, or its start and end around a count of what was cut when it is longer than
    ``MESSAGE_LIMIT``: an exception holding a whole response body (a megabyte) is kept once
    per failed action in the journal, the result document and the log (``-v`` logs the
    traceback whole). The end is kept for what opsctl appends, ``(gave up after N attempts)``.
    Secrets are masked first (``redact``): a secret cut in two is no longer found whole."""
    if len(text) <= MESSAGE_LIMIT:
        return text
    text = redact(text)
    head, tail = MESSAGE_LIMIT - 300, 200
    if len(text) <= MESSAGE_LIMIT:
        return text
    return f"{text[:head]}... ({len(text) - head - tail} characters cut) ...{text[-tail:]}"


def clip_message(error: OpsctlError, redact: Callable[[str], str]) -> OpsctlError:
    """``error`` with its message :func:`clipped`, and in :func:`unicode_text`."""
    text = clipped(unicode_text(error.message), redact)
    if text != error.message:
        error.message = text
        error.args = (error.message,)
    return error


def classify_exception(exc: BaseException, what: str) -> OpsctlError | None:
    """An opsctl error for a known dependency failure, or None for a bug."""
    if isinstance(exc, OpsctlError):
        return exc
    if isinstance(exc, BaseExceptionGroup):
        return _classify_group(exc, what)
    if isinstance(exc, TimeoutError | socket.timeout):
        return DependencyTimeoutError(f"{what}: timed out: {exception_text(exc)}")
    if isinstance(exc, ConnectionError):
        return TransientError(f"{what}: connection failed: {exception_text(exc)}")
    if isinstance(exc, PermissionError):  # the OS refused this user: rights, not a bug (exit 6)
        return AuthError(f"{what}: permission denied: {exception_text(exc)}; run as a user "
                         "allowed to, or change the permissions", reason="permission")
    return (_classify_botocore(exc, what) or _classify_botocore_parser(exc, what)
            or _classify_database(exc, what))


def _classify_group(group: BaseExceptionGroup[BaseException], what: str) -> OpsctlError | None:
    """An exception group (``asyncio.TaskGroup``'s, ``raise ExceptionGroup``) whose every
    exception classifies alike (the same exit code, retryable or not: connections refused and
    timeouts, each a ConflictError) is its first one, and is retried as it would be; one that
    mixes kinds, or holds a bug, stays a bug (exit 1)."""
    leaves: list[BaseException] = []

    def collect(exc: BaseException) -> None:
        if isinstance(exc, BaseExceptionGroup):
            for inner in exc.exceptions:
                collect(inner)
        else:
            leaves.append(exc)

    collect(group)
    classified = [classify_exception(leaf, what) for leaf in leaves]
    first = classified[0] if classified else None
    if first is None or any(c is None or (c.exit_code, c.retryable)
                            != (first.exit_code, first.retryable) for c in classified):
        return None
    if len(leaves) > 1:
        first.message += f" (and {len(leaves) - 1} more like it in an exception group)"
        first.args = (first.message,)
    return first


# The server answered and refused the login (SQLSTATE class 28, or no right to connect to
# that database): no retry makes the name, password or pg_hba.conf right.
_POSTGRES_LOGIN_REFUSED = re.compile(r'role "[^"]*" (?:does not exist|is not permitted to log '
                                     r'in)|password authentication failed[^\n]*|no password '
                                     r'supplied|no pg_hba\.conf entry[^\n]*|permission denied '
                                     r'for database "[^"]*"')


def _postgres_refusal(text: str, what: str) -> OpsctlError | None:
    """A PostgreSQL connection refused for good: the login (AuthError, exit 6), or what the URL
    names or asks for (ConfigError, exit 2: a database that does not exist, SSL the server
    lacks, an option it does not know), as the store's own connection tells them apart."""
    lines = text.strip().splitlines()
    said = lines[0] if lines else ""  # names the server, and what it refused
    if _POSTGRES_LOGIN_REFUSED.search(text) is not None:
        return AuthError(f"{what}: the database refused the login: {said}")
    from opsctl.store.sql import (
        _POSTGRES_OPTIONS_REFUSED,
        _POSTGRES_REFUSED,
        _POSTGRES_SSL_REFUSED,
    )

    if any(pattern.search(text) is not None
           for pattern in (_POSTGRES_REFUSED, _POSTGRES_SSL_REFUSED, _POSTGRES_OPTIONS_REFUSED)):
        return ConfigError(f"{what}: the database connection cannot work as given: {said}; "
                           "fix the URL or the server")
    return None


def _classify_database(exc: BaseException, what: str) -> OpsctlError | None:
    """A database a ``ctx.sql.connect`` connection talks to: lost, unreachable, busy, or out of
    space is transient (retried); an SQL error in the automation is not (checked only when the
    driver is already imported)."""
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None and isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
        text = str(exc).strip().splitlines()
        refused = _postgres_refusal(str(exc), what)
        if refused is not None:
            return refused
        return TransientError(f"{what}: database unavailable: {text[0] if text else repr(exc)}")
    sqlite3 = sys.modules.get("sqlite3")
    code = getattr(exc, "sqlite_errorcode", None)
    if sqlite3 is None or not isinstance(exc, sqlite3.Error) or code is None:
        return None
    # busy, locked, out of memory, I/O error, disk full, locking protocol; not "readonly":
    # ctx.sql opens read-only connections while planning, and a write refused there is the
    # automation's bug
    if isinstance(exc, sqlite3.OperationalError) and code & 0xFF in (5, 6, 7, 10, 13, 15):
        return TransientError(f"{what}: database unavailable: {exc}")
    # cannot open: a missing file (or directory, or permission) does not appear by retrying
    if isinstance(exc, sqlite3.OperationalError) and code & 0xFF == 14:
        return ConfigError(f"{what}: cannot open the SQLite database file ({exc}): check that "
                           "the path exists and is readable")
    # refused by an authorizer: ctx.sql's read-only connections refuse ATTACH, DETACH (so
    # VACUUM INTO) and PRAGMA query_only changes
    if code & 0xFF == 23:
        return MutationDuringPlanError(
            f"run that statement on a read-only ctx.sql connection ({exc})",
            reason="ctx.sql connections are read-only while planning and in automations "
                   "declared effect 'read'; ATTACH, DETACH and VACUUM INTO are refused")
    return None
