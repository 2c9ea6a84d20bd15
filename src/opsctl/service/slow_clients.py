"""A deadline for each request to arrive whole (slowloris).

uvicorn waits for a request's headers and body as long as the client keeps its connection open,
and any byte received cancels its keep-alive timer: a few hundred clients that each send a
byte now and then hold as many of the server's file descriptors, for ever, until it accepts
no one. Here every request must be in, headers and body, within ``server.request_timeout``
of the connection opening (or of the previous response on a kept-alive connection). A
connection whose request is late is answered 408 when no response has started, and closed.
A request once in may take as long as its answer does (``?wait=``, an event stream).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

_RECEIVED = (h11.DONE, h11.MUST_CLOSE, h11.CLOSED, h11.ERROR)


def _late_answer(seconds: float) -> bytes:
    body = json.dumps({
        "type": "https://opsctl.dev/problems/error", "title": "Request timeout", "status": 408,
        "detail": f"the request did not arrive whole within {seconds:g} s",
        "exit_code": 2, "error_type": "validation", "errors": []},
        separators=(",", ":")).encode()
    return (b"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/problem+json\r\n"
            b"connection: close\r\ncontent-length: " + str(len(body)).encode() + b"\r\n\r\n"
            + body)


def protocol_with_deadline(seconds: float) -> type[H11Protocol]:
    """uvicorn's h11 protocol, closing a connection whose request is not in within
    ``seconds``."""
    late = _late_answer(seconds)

    class DeadlineProtocol(H11Protocol):
        _deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def handle_events(self) -> None:
            super().handle_events()
            if self.conn.their_state in _RECEIVED:
                self._disarm()

        def on_response_complete(self) -> None:
            # the next request's deadline; a pipelined one already in is disarmed again by
            # handle_events, which the parent calls
            self._arm()
            super().on_response_complete()

        def _arm(self) -> None:
            self._disarm()
            self._deadline = self.loop.call_later(seconds, self._too_slow)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _too_slow(self) -> None:
            self._deadline = None
            if self.transport.is_closing():
                return
            cycle = self.cycle
            if cycle is None or cycle.response_complete or not cycle.response_started:
                self.transport.write(late)
            self.transport.close()

    return DeadlineProtocol


__all__ = ["protocol_with_deadline"]
