"""`opsctl serve` (the HTTP API) and `opsctl openapi` (its OpenAPI document, no server needed)."""

from __future__ import annotations

import ipaddress
import json
import socket
import sys
from typing import Any

import click

from opsctl.cli.options import CommonOptions, common_options, open_cli_session, show_config
from opsctl.errors import UsageError

DEFAULT_PORT = 8400


def _require_server_extra(command: str = "serve") -> None:
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        raise UsageError(f"`opsctl {command}` needs the server extra: pip install "
                         "'opsctl[server]'") from None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _runtime(session: Any, workers: int) -> Any:
    from opsctl.service.runtime import ServerRuntime

    runtime = ServerRuntime(session, workers=workers)
    for problem in session.catalog.problems:
        click.echo(f"opsctl: warning: {problem}", err=True)
    for broken in session.catalog.broken:
        click.echo(f"opsctl: warning: not serving {broken.get('automation') or broken['module']}"
                   f": {broken['message']}", err=True)
    return runtime


@click.command("serve", short_help="Serve the HTTP API (extra opsctl[server]).")
@click.option("--host", default=None, help="Address to bind (default: server.host, else "
              "127.0.0.1). Anything but loopback needs TLS or --allow-insecure-remote.")
@click.option("--port", type=click.IntRange(0, 65535), default=None,
              help=f"Port (default: server.port, else {DEFAULT_PORT}).")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Runs carried out at once (default: server.workers, else 4).")
@click.option("--scheduler/--no-scheduler", "with_scheduler", default=None,
              help="Also fire the schedules (as `opsctl scheduler` does; default: "
                   "server.scheduler, else off).")
@click.option("--allow-insecure-remote", is_flag=True, default=False,
              help="Bind a non-loopback address without TLS (tokens then cross the network "
                   "in clear text: only behind a TLS-terminating proxy).")
@common_options
def serve_cmd(host: str | None, port: int | None, workers: int | None,
              with_scheduler: bool | None, allow_insecure_remote: bool,
              opts: CommonOptions) -> int:
    """Serve the automations over HTTP: the API under /v1, /metrics, /healthz, /readyz.

    Runs are carried out by a bounded pool of threads in this process, through the same
    engine as the CLI. On SIGTERM or Ctrl-C, running runs checkpoint and queued ones stay
    queued; the next start resumes them.
    """
    given = {"host": host, "port": port, "workers": workers, "scheduler": with_scheduler,
             "allow_insecure_remote": allow_insecure_remote or None}
    server_flags = {key: value for key, value in given.items() if value is not None}
    # the flags are the [server] settings' highest layer: --show-config prints them so
    session = open_cli_session(opts, {"server": server_flags} if server_flags else None)
    if opts.show_config:
        return show_config(session)
    _require_server_extra()
    # until the server runs (and takes SIGINT/SIGTERM over), nothing is in flight that a
    # stop should wait for: a first signal ends the start at once (runs picked up again
    # meanwhile checkpoint in the shutdown below)
    session.waiting = "the server to start"
    server = session.settings.server
    host = host or str(server.get("host", "127.0.0.1"))
    port = port if port is not None else int(server.get("port", DEFAULT_PORT))
    workers = workers or int(server.get("workers", 4))
    cert, key = server.get("tls_cert"), server.get("tls_key")
    if bool(cert) != bool(key):
        raise UsageError("server.tls_cert and server.tls_key go together: set both or neither")
    if cert and key:
        _check_tls(str(cert), str(key))
    remote_ok = allow_insecure_remote or bool(server.get("allow_insecure_remote", False))
    if not is_loopback(host) and not cert and not remote_ok:
        raise UsageError(f"refusing to serve on {host} without TLS: set server.tls_cert and "
                         "server.tls_key, or pass --allow-insecure-remote behind a "
                         "TLS-terminating proxy")
    if session.settings.executor == "celery":  # refused before anything listens
        from opsctl.dispatch.config import require_remote_ready, worker_config

        require_remote_ready(session.settings, "`opsctl serve` with the celery executor")
        worker_config(session.settings.worker)
    import uvicorn

    from opsctl.service.app import create_app
    from opsctl.service.auth import oidc_verifier

    listener = _listen(host, port)  # before any run is picked up: a taken port changes nothing
    port = int(listener.getsockname()[1])
    session.store.migrate()
    runtime = _runtime(session, workers)
    oidc_verifier(runtime)  # a bad [[server.oidc]] table is exit 2 now, not a 500 later
    app = create_app(runtime)
    if not is_loopback(host) and not cert:
        session.log.warning("server.insecure", host=host,
                            message="serving without TLS on a non-loopback address")
    recovered = runtime.recover()
    grace = session.settings.stop_grace.total_seconds()
    scheduler = None
    if with_scheduler if with_scheduler is not None else bool(server.get("scheduler", False)):
        import threading

        from opsctl.schedule.scheduler import Scheduler

        scheduler = Scheduler(session, runtime=runtime)
        scheduler.start()
        threading.Thread(target=_schedule, args=(scheduler, session), name="opsctl-scheduler",
                         daemon=True).start()

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            session.log.info("server.stopping", signal=sig,
                             running=runtime.running_count(), queued=runtime.queued_count())
            if scheduler is not None:
                scheduler.stopping.set()  # no new fire; the fired runs checkpoint below
            runtime.shutdown_requested()  # queued runs stay queued; running ones checkpoint
            super().handle_exit(sig, frame)
            # A stop asked for is the end of a server's job: exit 0 after the graceful
            # shutdown instead of re-raising the signal (uvicorn's default).
            self._captured_signals.clear()

        async def on_tick(self, counter: int) -> bool:
            # A signal that landed while uvicorn was starting, before it took the signals
            # over, has its interrupt swallowed there (the event loop being built) and the
            # server would serve on: the stop it asked for stands, so it is carried out now.
            if session.stop_requested.is_set() and not self.should_exit:
                import signal

                self.handle_exit(signal.SIGINT, None)
            return await super().on_tick(counter)

    from opsctl.config.settings import server_request_timeout
    from opsctl.service.slow_clients import protocol_with_deadline

    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False,
                            ssl_certfile=cert, ssl_keyfile=key, lifespan="off",
                            timeout_graceful_shutdown=5, server_header=False,
                            http=protocol_with_deadline(server_request_timeout(
                                server.get("request_timeout", "30s"))))
    url_host = f"[{host}]" if ":" in host else host  # an IPv6 address in a URL (RFC 3986)
    click.echo(f"opsctl: serving {len(session.catalog.entries)} automation(s) on "
               f"{'https' if cert else 'http'}://{url_host}:{port} ({workers} run workers"
               + (f", {len(recovered)} run(s) picked up again" if recovered else "")
               + (", firing schedules" if scheduler is not None else "") + ")",
               err=True)
    from opsctl.cli.output import mask_prints_of_runs

    mask_prints_of_runs()  # what an automation prints: its run's secrets masked
    try:
        if session.stop_requested.is_set():  # a signal whose interrupt a library swallowed
            raise KeyboardInterrupt
        Server(config).run(sockets=[listener])
    finally:
        in_flight = runtime.shutdown(grace)
        listener.close()
    if in_flight:
        from opsctl.service.runtime import exit_leaving_runs

        exit_leaving_runs(session, in_flight)
    return 0



def _check_tls(cert: str, key: str) -> None:
    """Exit 2 before anything listens when the certificate and key do not load together."""
    import ssl

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        context.load_cert_chain(cert, key)
    except FileNotFoundError as exc:
        raise UsageError(f"server.tls_cert / server.tls_key: {exc.filename or cert} does not "
                         "exist") from None
    except (OSError, ssl.SSLError) as exc:
        raise UsageError(f"server.tls_cert {cert} and server.tls_key {key} do not load as a "
                         f"PEM certificate and its private key ({exc})") from None


def _listen(host: str, port: int) -> socket.socket:
    """The listening socket on ``host:port`` (port 0: a free one), or exit 2 saying why."""
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM,
                                   flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise UsageError(f"cannot serve on {host}: {exc.strerror}") from None
    family, _, _, _, address = infos[0]
    try:
        return socket.create_server(address, family=family, backlog=2048)
    except OSError as exc:
        raise UsageError(f"cannot serve on {host}:{port}: {exc.strerror}") from None


@click.command("openapi", short_help="Print the HTTP API's OpenAPI document.")
@common_options
def openapi_cmd(opts: CommonOptions) -> int:
    """Print the OpenAPI 3.1 document of `opsctl serve` for the registered automations."""
    _require_server_extra("openapi")
    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    from opsctl.service.app import create_app

    runtime = _runtime(session, 1)
    try:
        document = create_app(runtime).openapi()
    finally:
        runtime.shutdown(0)
    sys.stdout.write(json.dumps(document, indent=2) + "\n")
    return 0


def _schedule(scheduler: Any, session: Any) -> None:
    """The server's scheduler thread: fires until the server stops; a store whose role is
    refused a write stops the firing (logged, as `opsctl scheduler` exits 2 on it) and the
    server goes on serving."""
    from opsctl.store.sql import StorePrivilegeError

    try:
        scheduler.run_forever()
    except StorePrivilegeError as exc:
        session.log.error("scheduler.stopped", error=exc.message)
