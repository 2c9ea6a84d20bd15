"""``--executor celery`` for an automation command, ``opsctl wait RUN_ID`` and ``opsctl worker``.

A queued run is followed to its end as if it ran here: progress on a terminal, then the result
document and the run's own exit code. Ctrl-C stops following (exit 130); the run goes on.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from typing import Any

import click

from opsctl.cli.options import (
    CommonOptions,
    common_options,
    open_cli_session,
    set_from_signal,
    show_config,
)
from opsctl.errors import ExitCode


def _follow(session: Any, run_id: str, opts: CommonOptions, *, timeout_s: float | None,
            automation: str | None, warnings: list[str] | None = None) -> int:
    from opsctl.cli.output import emit, progress_for
    from opsctl.dispatch.remote import wait_for
    from opsctl.errors import DependencyError, InterruptedRunError

    stop = session.stop_requested  # a signal the session's handler took before these: stop

    def on_signal(signum: int, frame: Any) -> None:
        set_from_signal(stop)  # only the follower stops: the run is the worker's

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    progress = progress_for(session, opts)
    state = {"done": 0, "total": 0}

    def on_event(event: Any) -> None:
        if progress is None:
            return
        if event.kind == "plan":
            state["total"] = int(event.data.get("count") or 0)
        elif event.kind == "action.finished" and state["total"]:
            state["done"] += 1
            progress(state["done"], state["total"], str(event.data.get("id")))

    began = session.clock()
    session.log.debug("run.following", run_id=run_id, timeout_s=timeout_s)
    try:
        try:
            document = wait_for(session, run_id, timeout_s=timeout_s, on_event=on_event,
                                stop=stop, still=lambda: _still(session, run_id))
        finally:
            if progress is not None:
                progress.close()
    except KeyboardInterrupt:
        return _not_followed(session, run_id, automation, opts, began, InterruptedRunError(
            f"stopped following run {run_id}; {_still(session, run_id)}"))
    except DependencyError as exc:  # the timeout, or the store went away meanwhile
        return _not_followed(session, run_id, automation, opts, began, exc)
    if warnings:
        shown = document.setdefault("warnings", [])
        shown.extend(w for w in warnings if w not in shown)
    code = document.get("exit_code")
    return emit(document, int(code) if isinstance(code, int) else ExitCode.INTERNAL, opts,
                session)


def _still(session: Any, run_id: str) -> str:
    """What goes on with the run a follower gave up on: a worker's run goes on (a sweeper
    wakes it should its worker die); one started here is said to be carried on only while
    its process is (as `opsctl show --follow` says)."""
    from opsctl.cli.follow import what_goes_on
    from opsctl.errors import OpsctlError

    again = f"`opsctl wait {run_id}` follows it again"
    row = None
    with contextlib.suppress(OpsctlError):  # the store is away: what the follower knew
        row = session.store.get_run(run_id)
    if row is None:
        return f"it goes on ({again})"
    if row.get("executor") not in (None, "local"):
        return _worker_gone(session, run_id, again) or f"it goes on ({again})"
    return what_goes_on(session, row, again)


def _worker_gone(session: Any, run_id: str, again: str) -> str | None:
    """What to say of a worker's run that is ``running`` under a claim nobody holds any more
    (its worker was killed, or cut off for a whole lease): it goes on only if a live worker's
    sweeper takes it, so say so, and how to finish it here instead; None otherwise."""
    from opsctl.dispatch.claims import _claimable, now_utc
    from opsctl.errors import OpsctlError

    try:
        rows = session.store._rows("SELECT status, claim_owner, claim_process, claim_until "
                                   "FROM runs WHERE id = ?", (run_id,))
    except OpsctlError:
        return None
    if not rows or rows[0]["status"] != "running" or rows[0]["claim_until"] is None:
        return None
    claim = rows[0]
    if not _claimable(claim["claim_until"], claim["claim_process"], now_utc()):
        return None
    return (f"the worker that carried it ({claim['claim_owner']}) is gone: a live worker of its "
            f"queue resumes it from its journal at its next sweep, or `opsctl resume {run_id}` "
            f"finishes it here ({again})")


def _not_followed(session: Any, run_id: str, automation: str | None, opts: CommonOptions,
                  began: Any, error: Any) -> int:
    """Following ``run_id`` ended before the run did (Ctrl-C, the timeout): the one
    ``opsctl: error:`` line, and under ``--format json`` the result document every failing
    command prints, naming the run, whose status as it is now a warning says (the result
    schema's statuses are those of a finished run: ``cancelled`` with exit 130 for a follower
    stopped, ``failed`` with exit 4 for one that gave up)."""
    from opsctl.cli.options import output_format, say
    from opsctl.cli.output import emit
    from opsctl.engine.results import error_document
    from opsctl.errors import OpsctlError

    if output_format(opts, session) != "json":
        say(f"opsctl: error: {error.message}")
        return int(error.exit_code)
    row = None
    with contextlib.suppress(OpsctlError):  # the store is away: what the follower knew
        row = session.store.get_run(run_id)
    doc = error_document(error, mode="plan" if row is not None and row["mode"] == "plan"
                         else "apply",
                         automation=str(row["automation"]) if row is not None else automation,
                         started_at=began, finished_at=session.clock(),
                         actor=session.actor, redact=session.redactor.redact)
    doc["run_id"] = run_id
    if row is not None:
        doc.update(contract_version=row["contract_version"],
                   idempotency_key=row["idempotency_key"])
        doc["warnings"].append(f"run {run_id} is {row['status']} (not followed to its end: "
                               "this document says why following stopped)")
    return emit(doc, int(error.exit_code), opts, session)


def run_on_celery(session: Any, automation: Any, request: dict[str, Any], opts: CommonOptions,
                  *, dry_run: bool, idempotency_key: str | None, contract_version: str | None,
                  targets: tuple[str, ...], fan_out: int, concurrency: int, max_failures: int,
                  wait_lock_s: float, no_wait: bool, warnings: list[str]) -> int:
    """Queue the run for a worker, then follow it (or print its id with ``no_wait``)."""
    from opsctl.cli.options import output_format
    from opsctl.cli.output import emit
    from opsctl.dispatch.remote import queue_for_celery

    queued = queue_for_celery(session, automation, request,
                              mode="plan" if dry_run else "apply",
                              idempotency_key=idempotency_key, contract_version=contract_version,
                              targets=targets, fan_out=fan_out, concurrency=concurrency,
                              max_failures=max_failures, wait_lock_s=wait_lock_s)
    if queued.replayed is not None:
        return emit(queued.replayed, int(queued.replayed.get("exit_code") or 0), opts, session)
    if queued.existing:
        click.echo(f"opsctl: run {queued.run_id} of this idempotency key is already queued or "
                   "running: following it", err=True)
    if queued.resumed:
        click.echo(f"opsctl: run {queued.run_id} of this idempotency key is {queued.resumed}: "
                   "a worker resumes it (as `opsctl resume` would)", err=True)
    if no_wait:
        if output_format(opts, session) == "json":
            import json

            click.echo(json.dumps({"run_id": queued.run_id, "status": "queued",
                                   "automation": automation.name}))
        else:
            click.echo(queued.run_id)
        return ExitCode.SUCCESS
    return _follow(session, queued.run_id, opts, timeout_s=None, automation=automation.name,
                   warnings=warnings)


@click.command("wait", short_help="Follow a queued or running run to its result.")
@click.argument("run_id")
@click.option("--timeout", default=None, metavar="DURATION",
              help="Give up following after this long (exit 4; the run goes on).")
@common_options
def wait_cmd(run_id: str, timeout: str | None, opts: CommonOptions) -> int:
    """Wait for RUN_ID (or a unique prefix) to finish: progress on a terminal, then its result
    document, and exit with the run's own exit code (as if it had run here)."""
    from opsctl.contract.durations import parse_duration
    from opsctl.errors import UsageError

    timeout_s = None
    if timeout is not None:
        try:
            timeout_s = parse_duration(timeout).total_seconds()
        except ValueError as exc:
            raise UsageError(f"--timeout: {exc}") from None
    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    try:
        from opsctl.cli.builtins import _may_view, _run_by_ref
        from opsctl.governance.gate import environment_of

        row = _run_by_ref(session, run_id, with_result=False)
        # as `opsctl show`: a grant on the run's environment is enough to follow it
        _may_view(session, row["automation"], environment_of(row.get("request") or {}))
        return _follow(session, str(row["id"]), opts, timeout_s=timeout_s,
                       automation=str(row["automation"]))
    finally:
        session.close()


@click.command("worker", short_help="Run a Celery worker for queued runs (extra opsctl[celery]).")
@click.option("--concurrency", type=click.IntRange(1, 256), default=4, show_default=True,
              help="Runs and chunks this worker carries out at once (threads).")
@click.option("--queue", "-Q", "queues", multiple=True, metavar="QUEUE",
              help="Queue to take work from (repeatable; default: worker.queue, else 'opsctl'). "
                   "Route prod automations to a prod queue with [[worker.routes]].")
@click.option("--name", default=None,
              help="Worker name, as Celery's -n: %h, %n, %d expand (default: opsctl@HOST-PID).")
@common_options
def worker_cmd(concurrency: int, queues: tuple[str, ...], name: str | None,
               opts: CommonOptions) -> int:
    """Carry out runs queued with the celery executor (`--executor celery`, or
    `executor = "celery"`), from the broker in broker_url, on the PostgreSQL store.

    SIGTERM: runs in progress stop at their next action boundary and are handed back to other
    workers (resumed from the journal); a killed worker's runs are taken over once its claims
    run out (at once for a worker on the same machine)."""
    import os
    import socket

    from opsctl.dispatch.config import require_remote_ready, worker_config
    from opsctl.errors import UsageError

    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    # Nothing is in flight until Celery takes the signals over: a first one stops the start
    # at once (it was taken for a run's graceful stop, and the worker served until the
    # stop grace ran out, 30 s by default, then ended with exit 0).
    session.waiting = "the worker to start"
    broker = require_remote_ready(session.settings, "`opsctl worker`")
    config = worker_config(session.settings.worker)
    from opsctl.dispatch.config import queue_name

    for queue in queues:  # as worker.queue is checked (an unset variable in -Q "$QUEUE")
        queue_name(queue, "--queue")
    try:
        import celery  # noqa: F401
    except ImportError:
        raise UsageError("`opsctl worker` needs the celery extra: pip install "
                         "'opsctl[celery]'") from None
    from celery.utils.nodenames import default_nodename, host_format

    from opsctl.config.redact import mask_url
    from opsctl.dispatch import celery_app
    from opsctl.dispatch.worker import Worker
    from opsctl.service.runtime import serve_catalog

    session.store.migrate()
    serve_catalog(session)
    for broken in session.catalog.broken:
        click.echo(f"opsctl: warning: this worker cannot run "
                   f"{broken.get('automation') or broken['module']}: {broken['message']}",
                   err=True)
    if not session.catalog.entries:
        from opsctl.cli.main import _no_project

        click.echo("opsctl: warning: this worker has no automations: it refuses every run it "
                   "is woken for (add module paths to `automations` in opsctl.toml)"
                   f"{_no_project(click.get_current_context())}", err=True)
    app = celery_app.make_app(broker, default_queue=config.queue)
    # The name Celery gives the node: `--name wv@%h` is wv@HOST (%h, %n, %d expanded)
    node = (host_format(default_nodename(name)) if name
            else f"opsctl@{socket.gethostname()}-{os.getpid()}")
    worker = Worker(session, config,
                    wake=lambda run_id, queue: celery_app.wake(app, run_id, queue),
                    wake_chunk=lambda run_id, chunk, queue: celery_app.wake_chunk(
                        app, run_id, chunk, queue), name=node)
    celery_app._worker = worker
    from celery.signals import worker_shutting_down

    def stopping(**_: Any) -> None:
        worker.request_stop()

    worker_shutting_down.connect(stopping, weak=False)
    session.waiting = None  # a signal from here on is Celery's warm shutdown (see run_worker)
    sweeper_stop = threading.Event()
    sweeper = threading.Thread(target=worker.sweep_forever, args=(sweeper_stop,),
                               name="opsctl-sweeper", daemon=True)
    sweeper.start()
    wanted = list(queues) or [config.queue]
    click.echo(f"opsctl: worker {node} taking {', '.join(wanted)} from {mask_url(broker)} "
               f"({concurrency} at once, {len(session.catalog.entries)} automation(s))",
               err=True)
    level = {"debug": "DEBUG", "info": "INFO"}.get(session.settings.log_level, "WARNING")
    from opsctl.cli.output import mask_prints_of_runs

    mask_prints_of_runs()  # what an automation prints: its run's secrets masked
    try:
        celery_app.run_worker(app, ["worker", f"--concurrency={concurrency}", "--pool=threads",
                                    "-O", "fair", "-Q", ",".join(wanted), "-n", node,
                                    f"--loglevel={level}", "--without-gossip",
                                    "--without-mingle", "--without-heartbeat"], broker,
                              stopped=session.stop_requested)
    finally:
        sweeper_stop.set()
        worker.close()
        session.close()
    sys.stdout.flush()
    return ExitCode.SUCCESS
