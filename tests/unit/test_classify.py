"""Exceptions escaping an automation: dependency failures get their exit codes, the rest is a bug."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import (
    ClientError,
    ConfigParseError,
    ConnectTimeoutError,
    CredentialRetrievalError,
    EndpointConnectionError,
    NoCredentialsError,
    NoRegionError,
    ProfileNotFound,
    SSLError,
    UnauthorizedSSOTokenError,
)

from opsctl.engine.classify import aws_error_code, classify_exception


def _client_error(code: str, status: int | None = None) -> ClientError:
    response: dict[str, Any] = {"Error": {"Code": code, "Message": "m"}}
    if status is not None:
        response["ResponseMetadata"] = {"HTTPStatusCode": status}
    return ClientError(response, "DeleteVolume")  # type: ignore[arg-type]


@pytest.mark.parametrize(("exc", "error_type", "exit_code"), [
    pytest.param(ConnectionRefusedError("refused"), "dependency_unavailable", 4, id="connection"),
    pytest.param(TimeoutError("slow"), "dependency_timeout", 4, id="timeout"),
    pytest.param(PermissionError(13, "Permission denied", "/etc/shadow"), "auth", 6,
                 id="os-permission-denied"),
    pytest.param(_client_error("RequestLimitExceeded"), "dependency_unavailable", 4, id="aws-throttled"),
    pytest.param(_client_error("InternalError"), "dependency_unavailable", 4, id="aws-5xx"),
    pytest.param(_client_error("UnauthorizedOperation"), "auth", 6, id="aws-denied"),
    pytest.param(EndpointConnectionError(endpoint_url="http://x"), "dependency_unavailable", 4,
                 id="aws-unreachable"),
    pytest.param(ConnectTimeoutError(endpoint_url="http://x"), "dependency_timeout", 4,
                 id="aws-connect-timeout"),
    pytest.param(NoCredentialsError(), "auth", 6, id="aws-no-credentials"),
    pytest.param(_client_error("ServiceUnavailableException", 503), "dependency_unavailable", 4,
                 id="aws-503-unlisted-code"),
    pytest.param(_client_error("ServiceException", 500), "dependency_unavailable", 4,
                 id="aws-500-unlisted-code"),
    pytest.param(_client_error("502", 502), "dependency_unavailable", 4, id="aws-502-gateway"),
    pytest.param(_client_error("TooManyRequests", 429), "dependency_unavailable", 4,
                 id="aws-429-unlisted-code"),
    pytest.param(_client_error("AccessDenied", 403), "auth", 6, id="aws-403"),
    pytest.param(NoRegionError(), "validation", 2, id="aws-no-region"),
    pytest.param(ProfileNotFound(profile="nope"), "validation", 2, id="aws-no-such-profile"),
    pytest.param(ConfigParseError(path="~/.aws/credentials"), "validation", 2,
                 id="aws-config-unparsable"),
    pytest.param(CredentialRetrievalError(provider="custom-process", error_msg="exit 1"), "auth", 6,
                 id="aws-credential-process-failed"),
    pytest.param(UnauthorizedSSOTokenError(), "auth", 6, id="aws-sso-expired"),
    pytest.param(SSLError(endpoint_url="https://x", error="[Errno 2] No such file or directory"),
                 "validation", 2, id="aws-tls-ca-bundle-missing"),
    pytest.param(SSLError(endpoint_url="https://x", error="[SSL: CERTIFICATE_VERIFY_FAILED] "
                          "certificate verify failed"), "validation", 2, id="aws-tls-not-trusted"),
    pytest.param(SSLError(endpoint_url="https://x", error="EOF occurred in violation of protocol"),
                 "dependency_unavailable", 4, id="aws-tls-cut-off"),
])
def test_dependency_failures_are_classified(exc: Exception, error_type: str, exit_code: int) -> None:
    error = classify_exception(exc, "calling the remote")
    assert error is not None
    assert (error.error_type, error.exit_code) == (error_type, exit_code)
    assert error.message.startswith("calling the remote")


@pytest.mark.parametrize("exc", [ValueError("bug"), KeyError("k"),
                                 _client_error("InvalidParameterValue"),
                                 _client_error("InvalidParameterValue", 400),
                                 _client_error("VolumeInUse", 409)], ids=str)
def test_everything_else_is_left_a_bug(exc: Exception) -> None:
    assert classify_exception(exc, "x") is None


def test_aws_error_code() -> None:
    assert aws_error_code(_client_error("VolumeInUse")) == "VolumeInUse"
    assert aws_error_code(ValueError()) == ""


def _readonly_write() -> Exception:
    import sqlite3
    import tempfile

    path = f"{tempfile.mkdtemp()}/ro.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        conn.execute("INSERT INTO t VALUES (1)")
    except sqlite3.OperationalError as exc:
        return exc
    raise AssertionError("no error")


def _sqlite_error(sql: str, deny: bool = False) -> Exception:
    import sqlite3

    conn = sqlite3.connect(":memory:")
    if deny:
        conn.set_authorizer(lambda *_: sqlite3.SQLITE_DENY)
    try:
        conn.execute(sql)
    except sqlite3.Error as exc:
        return exc
    raise AssertionError("no error")


def _missing_read_only_file() -> Exception:
    import sqlite3
    import tempfile

    try:
        sqlite3.connect(f"file:{tempfile.mkdtemp()}/absent.db?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return exc
    raise AssertionError("no error")


def test_a_sqlite_file_that_cannot_be_opened_is_not_retried() -> None:
    error = classify_exception(_missing_read_only_file(), "plan() of t")
    assert error is not None
    assert (error.exit_code, error.retryable) == (2, False)
    assert "cannot open the SQLite database file" in error.message


@pytest.mark.parametrize(("make", "expected"), [
    pytest.param(lambda: __import__("psycopg").OperationalError("server closed the connection"),
                 "dependency_unavailable", id="psycopg-connection-lost"),
    pytest.param(lambda: __import__("psycopg").InterfaceError("the connection is closed"),
                 "dependency_unavailable", id="psycopg-closed"),
    pytest.param(lambda: __import__("psycopg").errors.SyntaxError("syntax error at or near"),
                 None, id="psycopg-sql-error-is-a-bug"),
    pytest.param(lambda: _sqlite_error("SELEC 1"), None, id="sqlite-sql-error-is-a-bug"),
    pytest.param(lambda: _readonly_write(), None, id="sqlite-write-refused-while-planning"),
    pytest.param(lambda: _missing_read_only_file(), "validation", id="sqlite-cannot-open"),
    pytest.param(lambda: _sqlite_error("ATTACH 'x.db' AS x", deny=True), "unsafe_input",
                 id="sqlite-refused-by-authorizer"),
])
def test_database_connection_failures_are_transient(make: object, expected: str | None) -> None:
    import psycopg  # noqa: F401 - classification looks only at drivers already imported

    known = classify_exception(make(), "apply() of t")  # type: ignore[operator]
    assert (known.error_type if known else None) == expected


_PG_FAILED = 'connection failed: connection to server at "127.0.0.1", port 5432 failed: '


@pytest.mark.parametrize(("server_said", "error_type", "exit_code"), [
    pytest.param('FATAL:  role "nobody" does not exist', "auth", 6, id="unknown-role"),
    pytest.param('FATAL:  password authentication failed for user "app"', "auth", 6,
                 id="wrong-password"),
    pytest.param('FATAL:  no pg_hba.conf entry for host "10.0.0.1", user "app", database "x"',
                 "auth", 6, id="no-hba-entry"),
    pytest.param('FATAL:  database "nosuchdb" does not exist', "validation", 2,
                 id="unknown-database"),
    pytest.param("server does not support SSL, but SSL was required", "validation", 2,
                 id="ssl-required"),
    pytest.param("Connection refused\n\tIs the server running on that host and accepting "
                 "TCP/IP connections?", "dependency_unavailable", 4, id="server-down"),
])
def test_a_postgresql_server_refusing_the_login_is_not_retried(
        server_said: str, error_type: str, exit_code: int) -> None:
    import psycopg

    error = classify_exception(psycopg.OperationalError(_PG_FAILED + server_said), "apply of a")
    assert error is not None
    assert (error.exit_code, error.error_type) == (exit_code, error_type)
    assert error.retryable is (exit_code == 4)
    assert server_said.splitlines()[0] in error.message
    assert f"'{_PG_FAILED}" not in error.message  # the server's words, not their repr


def test_aws_client_without_boto3_is_an_install_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from opsctl.config.redact import Redactor
    from opsctl.engine.context import Context
    from opsctl.errors import ConfigError
    from opsctl.observe.log import make_logger

    monkeypatch.setitem(sys.modules, "boto3", None)  # import boto3 -> ImportError
    ctx = Context(run_id="r", automation="a", actor="x", config={}, secrets={},
                  log=make_logger(redactor=Redactor(), sink=lambda event: None),
                  clock=lambda: None, effect="mutate")  # type: ignore[arg-type,return-value]
    with pytest.raises(ConfigError, match=r"pip install 'opsctl\[aws\]'") as caught:
        ctx.aws_client("ec2", "us-east-1")
    assert caught.value.exit_code == 2


def test_aws_client_with_an_endpoint_that_is_no_url_is_a_configuration_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from opsctl.config.redact import Redactor
    from opsctl.engine.context import Context
    from opsctl.errors import ConfigError
    from opsctl.observe.log import make_logger

    monkeypatch.setenv("AWS_ENDPOINT_URL", "notaurl")
    ctx = Context(run_id="r", automation="a", actor="x", config={}, secrets={},
                  log=make_logger(redactor=Redactor(), sink=lambda event: None),
                  clock=lambda: None, effect="mutate")  # type: ignore[arg-type,return-value]
    with pytest.raises(ConfigError, match="Invalid endpoint: notaurl") as caught:
        ctx.aws_client("ec2", "us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
    assert caught.value.exit_code == 2
