"""A TCP proxy on a free loopback port, for tests that must lose a server under a running client.

``kill()`` closes the listening socket and every proxied connection at once, the way a
database restart or a network partition looks to the client; the real server is not touched.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading


class TCPProxy:
    def __init__(self, target_host: str, target_port: int, port: int = 0) -> None:
        self.target = (target_host, target_port)
        self._listener = socket.create_server(("127.0.0.1", port))  # port: come back on it
        self.port = self._listener.getsockname()[1]
        self._sockets: list[socket.socket] = [self._listener]
        self._lock = threading.Lock()
        self._dead = threading.Event()
        self._frozen = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="tcp-proxy", daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._dead.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=10)
            except OSError:
                client.close()
                continue
            with self._lock:
                if self._dead.is_set():
                    client.close()
                    upstream.close()
                    return
                self._sockets += [client, upstream]
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()

    def _pump(self, a: socket.socket, b: socket.socket) -> None:
        selector = selectors.DefaultSelector()
        selector.register(a, selectors.EVENT_READ, b)
        selector.register(b, selectors.EVENT_READ, a)
        try:
            while not self._dead.is_set():
                if self._frozen.is_set():  # connected, silent: a peer that stopped answering
                    self._dead.wait(0.1)
                    continue
                for key, _ in selector.select(timeout=0.2):
                    data = key.fileobj.recv(65536)  # type: ignore[union-attr]
                    if not data:
                        return
                    key.data.sendall(data)
        except OSError:
            return
        finally:
            selector.close()
            for sock in (a, b):
                with contextlib.suppress(OSError):
                    sock.close()

    def connections(self) -> int:
        """How many client connections it carries now (or carried until ``kill()``)."""
        with self._lock:
            return (len(self._sockets) - 1) // 2

    def freeze(self) -> None:
        """Stop forwarding, connections left open: the client's bytes are taken (the kernel
        acknowledges them) and nothing comes back, as from a hung server or proxy."""
        self._frozen.set()

    def kill(self) -> None:
        """Drop the listener and every connection (RST where the OS allows it)."""
        self._dead.set()
        with self._lock:
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                with contextlib.suppress(OSError):
                    sock.close()
            self._sockets.clear()
