"""Exceptions escaping an automation: dependency failures get their exit codes, the rest is a bug."""

from __future__ import annotations

import pytest
from botocore.exceptions import (
    ClientError,
    ConnectTimeoutError,
    EndpointConnectionError,
    NoCredentialsError,
)

from opsctl.engine.classify import aws_error_code, classify_exception


def _client_error(code: str) -> ClientError:
    return ClientError({"Error": {"Code": code, "Message": "m"}}, "DeleteVolume")


@pytest.mark.parametrize(("exc", "error_type", "exit_code"), [
    pytest.param(ConnectionRefusedError("refused"), "dependency_unavailable", 4, id="connection"),
    pytest.param(TimeoutError("slow"), "dependency_timeout", 4, id="timeout"),
    pytest.param(_client_error("RequestLimitExceeded"), "dependency_unavailable", 4, id="aws-throttled"),
    pytest.param(_client_error("InternalError"), "dependency_unavailable", 4, id="aws-5xx"),
    pytest.param(_client_error("UnauthorizedOperation"), "auth", 6, id="aws-denied"),
    pytest.param(EndpointConnectionError(endpoint_url="http://x"), "dependency_unavailable", 4,
                 id="aws-unreachable"),
    pytest.param(ConnectTimeoutError(endpoint_url="http://x"), "dependency_timeout", 4,
                 id="aws-connect-timeout"),
    pytest.param(NoCredentialsError(), "auth", 6, id="aws-no-credentials"),
])
def test_dependency_failures_are_classified(exc: Exception, error_type: str, exit_code: int) -> None:
    error = classify_exception(exc, "calling the remote")
    assert error is not None
    assert (error.error_type, error.exit_code) == (error_type, exit_code)
    assert error.message.startswith("calling the remote")


@pytest.mark.parametrize("exc", [ValueError("bug"), KeyError("k"),
                                 _client_error("InvalidParameterValue")], ids=str)
def test_everything_else_is_left_a_bug(exc: Exception) -> None:
    assert classify_exception(exc, "x") is None


def test_aws_error_code() -> None:
    assert aws_error_code(_client_error("VolumeInUse")) == "VolumeInUse"
    assert aws_error_code(ValueError()) == ""
