"""ctx.aws_client against a real local HTTP server answering like an AWS endpoint, or like the
gateway in front of one: how its errors are classified, how often botocore retries, and what a
missing region means. Botocore's back-off sleeps go to a fake, so nothing really waits."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from opsctl.engine.classify import classify_exception
from opsctl.engine.context import Context
from opsctl.errors import ConfigError
from opsctl.observe.log import CaptureSink, Logger
from tests.local_http import serving

QUERY_ERROR = ("<ErrorResponse><Error><Type>Receiver</Type><Code>{code}</Code>"
               "<Message>m</Message></Error></ErrorResponse>")


@dataclass
class Answer:
    status: int = 200
    body: str = ""
    content_type: str = "text/xml"
    requests: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class Handler(BaseHTTPRequestHandler):
    server: Server

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        answer = self.server.answer
        with answer.lock:
            answer.requests += 1
        body = answer.body.encode()
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    answer: Answer


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Server]:
    for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                        "AWS_CONFIG_FILE": str(tmp_path / "none"),
                        "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "none"),
                        "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"}.items():
        monkeypatch.setenv(name, value)
    for name in ("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ENDPOINT_URL",
                 "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    httpd = Server(("127.0.0.1", 0), Handler)
    httpd.answer = Answer()
    with serving(httpd):
        yield httpd


def make_context(server: Server) -> Context:
    host, port = server.server_address[:2]
    ctx = Context(run_id="run_test", automation="aws", actor="test",
                  config={"endpoint_url": f"http://{host!s}:{port}"}, secrets={},
                  log=Logger(CaptureSink(), []), clock=lambda: datetime.now(UTC))
    ctx.phase = "apply"
    return ctx


def call_failing(server: Server, status: int, body: str, content_type: str = "text/xml",
                 **client_kwargs: Any) -> ClientError:
    server.answer.status, server.answer.body = status, body
    server.answer.content_type = content_type
    client = make_context(server).aws_client("sts", region="us-east-1", **client_kwargs)
    with pytest.raises(ClientError) as raised:
        client.get_caller_identity()
    return raised.value


@pytest.mark.parametrize(("status", "body", "content_type", "error_type"), [
    pytest.param(503, QUERY_ERROR.format(code="ServiceUnavailableException"), "text/xml",
                 "dependency_unavailable", id="503-service-unavailable-exception"),
    pytest.param(500, QUERY_ERROR.format(code="ServiceException"), "text/xml",
                 "dependency_unavailable", id="500-service-exception"),
    pytest.param(502, "<html><body>Bad Gateway</body></html>", "text/html",
                 "dependency_unavailable", id="502-gateway-html"),
    pytest.param(504, "<html><body>Gateway Timeout</body></html>", "text/html",
                 "dependency_unavailable", id="504-gateway-html"),
    pytest.param(429, QUERY_ERROR.format(code="SomeNewLimitExceeded"), "text/xml",
                 "dependency_unavailable", id="429-unknown-code"),
    pytest.param(500, QUERY_ERROR.format(code="InternalError"), "text/xml",
                 "dependency_unavailable", id="500-known-code"),
    pytest.param(403, QUERY_ERROR.format(code="AccessDenied"), "text/xml", "auth", id="403"),
    pytest.param(400, QUERY_ERROR.format(code="ValidationError"), "text/xml", None,
                 id="400-is-a-bug"),
])
def test_errors_are_classified_by_status_too(server: Server, status: int, body: str,
                                             content_type: str, error_type: str | None) -> None:
    error = call_failing(server, status, body, content_type,
                         config=Config(retries={"total_max_attempts": 1}))
    assert error.response["ResponseMetadata"]["HTTPStatusCode"] == status
    known = classify_exception(error, "apply() of aws")
    assert (known.error_type if known else None) == error_type
    if known is not None and error_type == "dependency_unavailable":
        assert (known.exit_code, known.retryable) == (4, True)


@pytest.mark.parametrize("status", [429, 200], ids=["429-rate-limiter-html", "200-not-aws"])
def test_an_html_page_botocore_cannot_parse_is_transient(server: Server, status: int) -> None:
    """A rate limiter's 429 page (botocore reads only a 5xx HTML page as a generic error), or a
    proxy's page at the endpoint: retried and then exit 4, not an opsctl bug (exit 1)."""
    from botocore.parsers import ResponseParserError

    server.answer.status, server.answer.content_type = status, "text/html"
    server.answer.body = "<html><body><h1>429 Too Many Requests</h1>" + "x" * 500 + "</html>"
    client = make_context(server).aws_client("sts", region="us-east-1",
                                             config=Config(retries={"total_max_attempts": 1}))
    with pytest.raises(ResponseParserError) as raised:
        client.get_caller_identity()
    known = classify_exception(raised.value, "apply() of aws")
    assert known is not None
    assert (known.error_type, known.exit_code, known.retryable) == (
        "dependency_unavailable", 4, True)
    assert "not AWS's" in known.message and len(known.message) < 320


def test_botocore_retries_three_times_after_the_first_call(
        server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    waits: list[float] = []
    monkeypatch.setattr("botocore.endpoint.time.sleep", waits.append)
    call_failing(server, 503, QUERY_ERROR.format(code="ServiceUnavailable"))
    assert server.answer.requests == 4  # as docs/authoring.md says: 3 retries, 4 requests
    assert len(waits) == 3


def test_no_region_is_a_config_error(server: Server) -> None:
    with pytest.raises(ConfigError, match=r"no AWS region: pass region= or set AWS_REGION") \
            as raised:
        make_context(server).aws_client("ec2")
    assert (raised.value.exit_code, raised.value.retryable) == (2, False)
    assert server.answer.requests == 0


def test_region_from_the_environment_is_enough(server: Server,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")
    assert make_context(server).aws_client("ec2").meta.region_name == "eu-west-1"
