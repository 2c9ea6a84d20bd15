"""call_with_retries around opsctl's real HTTP helper, against a real local HTTP server.

The server fails a configured number of requests (503, 429 with ``Retry-After: 1``, a 4xx, by
answering later than the client's 0.3 s timeout, or by sending its headers or body a byte every
0.05 s, each read fast but the whole answer slower than the timeout) and then answers 200. Waits
go to a fake sleep, so only the timeout cases spend real time (0.3 s per timed-out attempt).
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from opsctl.engine.context import Context, HTTPResponse
from opsctl.engine.retry import RetryEvent, RetryPolicy, call_with_retries
from opsctl.errors import AuthError, AutomationBugError, DependencyTimeoutError, TransientError
from opsctl.observe.log import CaptureSink, Logger
from tests.local_http import serving

CLIENT_TIMEOUT = 0.3


@dataclass
class Scenario:
    """Fail the first ``failures`` requests with ``mode``, then answer 200."""

    mode: str = "ok"  # "503", "429", "400", "401", "slow", "drip-body" or "drip-headers"
    failures: int = 0
    requests: int = 0
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)


class Handler(BaseHTTPRequestHandler):
    server: Server

    def do_GET(self) -> None:
        scenario = self.server.scenario
        self.server.authorizations.append(self.headers.get("Authorization"))
        with scenario.lock:
            scenario.requests += 1
            failing = scenario.requests <= scenario.failures
        try:
            if not failing:
                self._answer(200, b"ok")
            elif scenario.mode == "slow":
                scenario.release.wait(2.0)  # the client gave up after 0.3 s
                self._answer(200, b"too late")
            elif scenario.mode == "429":
                self._answer(429, b"slow down", {"Retry-After": "1"})
            elif scenario.mode.startswith("drip"):
                self._drip(scenario)
            else:
                self._answer(int(scenario.mode), b"failed")
        except OSError:  # the client timed out and closed the connection
            pass

    def _answer(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _drip(self, scenario: Scenario) -> None:
        """A byte every 0.05 s (2 s for the whole answer): no single read waits 0.3 s."""
        body = b"x" * 20
        head = f"HTTP/1.0 200 OK\r\nContent-Length: {len(body)}\r\nX-Pad: {'p' * 20}\r\n\r\n"
        if scenario.mode == "drip-body":
            self.wfile.write(head.encode())
            dripped = body
        else:
            dripped = head.encode() + body
        for byte in dripped:
            if scenario.release.wait(0.05):
                return
            self.wfile.write(bytes([byte]))
            self.wfile.flush()

    def log_message(self, format: str, *args: object) -> None:
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    scenario: Scenario
    authorizations: list[str | None]


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    httpd = Server(("127.0.0.1", 0), Handler)
    httpd.scenario = Scenario()
    httpd.authorizations = []
    with serving(httpd):
        try:
            yield httpd
        finally:
            httpd.scenario.release.set()  # a dripping answer stops before the shutdown waits


@dataclass
class Harness:
    server: Server
    ctx: Context
    waits: list[float] = field(default_factory=list)
    events: list[RetryEvent] = field(default_factory=list)
    now: float = 0.0

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}/thing"

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now

    def call(self, mode: str, failures: int, policy: RetryPolicy) -> tuple[HTTPResponse, int]:
        self.server.scenario.mode = mode
        self.server.scenario.failures = failures
        return call_with_retries(
            lambda: self.ctx.http.get(self.url, timeout=CLIENT_TIMEOUT).raise_for_status(),
            policy, what="GET /thing", sleep=self.sleep, clock=self.clock,
            on_retry=self.events.append, rng=random.Random(3))


@pytest.fixture
def harness(server: Server) -> Harness:
    ctx = Context(run_id="run_test", automation="retry-http", actor="test", config={},
                  secrets={}, log=Logger(CaptureSink(), []), clock=lambda: datetime.now(UTC))
    ctx.phase = "apply"
    return Harness(server, ctx)


POLICY = RetryPolicy(attempts=4, base=0.1, cap=5.0, deadline=60.0)


@pytest.mark.parametrize(("mode", "failures", "error_type"), [
    pytest.param("503", 0, None, id="ok-at-once"),
    pytest.param("503", 2, "TransientError", id="503-twice"),
    pytest.param("503", 3, "TransientError", id="503-thrice"),
    pytest.param("429", 1, "TransientError", id="429-once"),
    pytest.param("slow", 2, "DependencyTimeoutError", id="timeout-twice"),
    pytest.param("drip-body", 1, "DependencyTimeoutError", id="dripped-body-once"),
    pytest.param("drip-headers", 1, "DependencyTimeoutError", id="dripped-headers-once"),
])
def test_recovers_after_transient_failures(harness: Harness, mode: str, failures: int,
                                           error_type: str | None) -> None:
    response, attempts = harness.call(mode, failures, POLICY)
    assert (response.status, response.body) == (200, b"ok")
    assert attempts == failures + 1
    assert harness.server.scenario.requests == failures + 1
    assert len(harness.waits) == failures
    assert [(e.attempt, e.error_type) for e in harness.events] == \
        [(n, error_type) for n in range(1, failures + 1)]


def test_429_retry_after_is_honoured(harness: Harness) -> None:
    # jitter alone stays below 0.1 * 2**(n-1) <= 0.2 s; Retry-After: 1 lifts every wait to 1 s
    response, attempts = harness.call("429", 2, POLICY)
    assert (response.status, attempts) == (200, 3)
    assert harness.server.scenario.requests == 3
    assert harness.waits == [1.0, 1.0]
    assert [e.message for e in harness.events] == [f"HTTP 429 from {harness.url}"] * 2


@pytest.mark.parametrize(("mode", "error", "exit_code"), [
    pytest.param("400", AutomationBugError, 1, id="400"),
    pytest.param("401", AuthError, 6, id="401"),
])
def test_client_errors_are_not_retried(harness: Harness, mode: str,
                                       error: type[Exception], exit_code: int) -> None:
    with pytest.raises(error) as raised:
        harness.call(mode, 5, POLICY)
    assert harness.server.scenario.requests == 1
    assert harness.waits == []
    assert harness.events == []
    assert raised.value.exit_code == exit_code  # type: ignore[attr-defined]
    assert raised.value.attempts == 1  # type: ignore[attr-defined]
    assert "gave up" not in str(raised.value)


@pytest.mark.parametrize(("mode", "error", "error_type", "message"), [
    pytest.param("503", TransientError, "dependency_unavailable", "HTTP 503 from {url}", id="503"),
    pytest.param("429", TransientError, "dependency_unavailable", "HTTP 429 from {url}", id="429"),
    pytest.param("slow", DependencyTimeoutError, "dependency_timeout", "HTTP GET {url} timed out",
                 id="timeout"),
])
def test_exhaustion_is_a_dependency_failure(harness: Harness, mode: str,
                                            error: type[TransientError], error_type: str,
                                            message: str) -> None:
    policy = RetryPolicy(attempts=3, base=0.1, cap=5.0, deadline=60.0)
    with pytest.raises(error) as raised:
        harness.call(mode, 10, policy)
    assert type(raised.value) is error
    assert (raised.value.exit_code, raised.value.error_type) == (4, error_type)
    assert raised.value.message == \
        message.format(url=harness.url) + " (gave up after 3 attempts)"
    assert raised.value.attempts == 3  # type: ignore[attr-defined]
    assert harness.server.scenario.requests == 3
    assert len(harness.waits) == 2


@pytest.mark.parametrize("mode", ["drip-body", "drip-headers"])
def test_timeout_bounds_the_whole_call_not_each_read(harness: Harness, mode: str) -> None:
    harness.server.scenario.mode, harness.server.scenario.failures = mode, 1
    began = time.monotonic()
    with pytest.raises(DependencyTimeoutError) as raised:
        harness.ctx.http.get(harness.url, timeout=CLIENT_TIMEOUT)
    took = time.monotonic() - began
    assert (raised.value.exit_code, raised.value.error_type) == (4, "dependency_timeout")
    assert raised.value.message == f"HTTP GET {harness.url} timed out"
    assert CLIENT_TIMEOUT <= took < CLIENT_TIMEOUT + 0.5  # not the 2 s the answer takes


def test_a_slow_answer_within_the_timeout_is_read_whole(harness: Harness) -> None:
    harness.server.scenario.mode, harness.server.scenario.failures = "drip-body", 1
    response = harness.ctx.http.get(harness.url, timeout=5)
    assert (response.status, response.body) == (200, b"x" * 20)


@pytest.mark.parametrize("timeout", [0, -1, 0.0, float("nan")], ids=str)
def test_a_timeout_that_is_not_positive_is_refused(harness: Harness, timeout: float) -> None:
    with pytest.raises(ValueError, match="positive number of seconds"):
        harness.ctx.http.get(harness.url, timeout=timeout)
    assert harness.server.scenario.requests == 0


def test_a_url_with_user_and_password_is_sent_as_basic_credentials(harness: Harness) -> None:
    """`http://user:pw@host/`: the host is the host (urllib looked up "user:pw@host" and the
    call failed as a retryable dependency error), the user and password go as Basic auth."""
    import base64

    host, port = harness.server.server_address[:2]
    response = harness.ctx.http.get(f"http://deploy%40ci:s3cr%3Aet@{host!s}:{port}/thing",
                                    timeout=5)
    assert response.status == 200
    assert harness.server.authorizations == [
        "Basic " + base64.b64encode(b"deploy@ci:s3cr:et").decode()]
