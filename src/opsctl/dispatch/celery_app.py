"""The Celery side of the ``celery`` executor (extra ``opsctl[celery]``): the app, its two tasks
and the settings chosen for runs that last minutes or hours.

The broker carries wake-ups only (a run id, or a run id and a chunk number); the store holds
the run. That decides the settings:

* ``task_acks_late = False``: a message is acknowledged when a worker takes it. Late acks are
  not the safety net here: Redis redelivers an unacknowledged long task after its visibility
  timeout again and again, and RabbitMQ's consumer timeout closes the channel of a worker that
  holds one too long. A worker that dies after taking a message leaves a claim that runs out;
  the sweeper of any live worker then sends the run's wake-up again.
* ``task_reject_on_worker_lost = False`` for the same reason (requeueing on a lost worker loops
  and duplicates); duplicates would be harmless, but they are not needed.
* ``worker_prefetch_multiplier = 1`` and the fair strategy: a worker reserves one message per
  free slot, so a long run never holds other wake-ups behind it.
* ``worker_enable_prefetch_count_reduction = False``: after a reconnection to the broker,
  Celery lowers the prefetch count while runs are in progress and raises it again from the
  thread that acknowledges the next message. With the threads pool that thread is a pool
  thread, and on RabbitMQ the ``basic.qos`` it sends waits for its reply on the connection the
  consumer reads too: both wait for ever and the worker takes no more work. The prefetch
  count stays what it was before the cut instead.
* No time limits: a run's own deadlines (retry deadlines, verify timeout, stop_grace) bound it,
  and a hard kill mid-action would only turn into a resume.
* The ``threads`` pool: runs are I/O-bound, and threads share the loaded catalog and let a
  stop reach every run in the process.
* SIGTERM (warm shutdown): each run in progress stops at its next action boundary (actions in
  flight finish within ``stop_grace``) and is handed back: its claim is released at once and
  its wake-up sent again, so another worker resumes it from the journal without waiting for a
  lease to run out. Chunks stop the same way and are offered again by their run.
* Results are not kept by Celery (``task_ignore_result``): the store has them.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from opsctl.dispatch.config import DEFAULT_QUEUE

if TYPE_CHECKING:
    import threading

    from celery import Celery

    from opsctl.dispatch.worker import Worker

RUN_TASK = "opsctl.run"
CHUNK_TASK = "opsctl.chunk"
REFUSED_DELAY_S = 2.0

_worker: Worker | None = None
"""The worker this process runs (set by ``opsctl worker``); tasks carry out runs through it."""


def make_app(broker_url: str, *, default_queue: str = DEFAULT_QUEUE) -> Celery:
    from celery import Celery

    app = Celery("opsctl", broker=broker_url, set_as_current=False)
    app.conf.update(
        task_acks_late=False,
        task_reject_on_worker_lost=False,
        worker_prefetch_multiplier=1,
        worker_enable_prefetch_count_reduction=False,  # see the module's docstring
        task_ignore_result=True,
        task_default_queue=default_queue,
        task_serializer="json",
        accept_content=["json"],
        task_time_limit=None,
        task_soft_time_limit=None,
        broker_connection_retry_on_startup=True,
        broker_connection_max_retries=None,  # a worker waits for its broker to come back
        task_publish_retry=True,
        task_publish_retry_policy={"max_retries": 5, "interval_start": 0.2,
                                   "interval_step": 0.5, "interval_max": 2.0},
        worker_hijack_root_logger=False,
        worker_redirect_stdouts=False,
        worker_send_task_events=False,
        broker_transport_options={"visibility_timeout": 43200},  # unused with early acks
        worker_consumer=_refusal_stopping_consumer(),
    )

    @app.task(name=RUN_TASK, bind=True, ignore_result=True)  # type: ignore[untyped-decorator]
    def run_task(self: Any, run_id: str, refusals: int = 0) -> str:
        worker = _require_worker()
        outcome = worker.carry_out(run_id, refusals)
        if outcome == "refused":
            # Another worker of this queue may have the automation at the run's version.
            queue = self.request.delivery_info.get("routing_key") or worker.config.queue
            app.send_task(RUN_TASK, args=[run_id, refusals + 1], queue=queue,
                          countdown=REFUSED_DELAY_S)
        return outcome

    @app.task(name=CHUNK_TASK, ignore_result=True)  # type: ignore[untyped-decorator]
    def chunk_task(run_id: str, chunk: int) -> str:
        return _require_worker().apply_chunk(run_id, int(chunk))

    return app


def run_worker(app: Celery, argv: list[str], broker_url: str,
               stopped: threading.Event | None = None) -> None:
    """Run a Celery worker in this process (``argv`` as ``celery worker`` takes it) until it
    stops. A warm shutdown returns. A worker that stops on an error (the broker refuses its
    credentials or virtual host, a channel error it cannot recover from) raises
    DependencyError (exit 4) naming the broker, so a supervisor that restarts on failure
    restarts it. A broker that is down at start, or goes away later, is not such an error:
    Celery connects again and again, for ever, logging each failed attempt. ``stopped``: a
    stop asked for before Celery took the signals over, which shuts it down once it has."""
    import logging

    from opsctl.config.redact import mask_url
    from opsctl.errors import DependencyError

    unrecoverable = _UnrecoverableError()
    # celery.utils.log makes every Celery logger a child of "celery", whatever its name
    logger = logging.getLogger("celery")
    logger.addHandler(unrecoverable)
    app.Worker = _hangup_stops(app.Worker, stopped)
    try:
        code: object = app.start(argv)
    except SystemExit as exc:
        code = exc.code
    finally:
        logger.removeHandler(unrecoverable)
    if code in (0, None) and unrecoverable.error is None:
        return
    why = (f"{type(unrecoverable.error).__name__}: {unrecoverable.error}"
           if unrecoverable.error is not None else f"Celery exited {code}")
    raise DependencyError(f"the worker stopped: broker {mask_url(broker_url)} failed: "
                          f"{' '.join(why.split())}")


def _hangup_stops(worker_class: Any, stopped: threading.Event | None = None) -> Any:
    """Celery's worker class, with SIGHUP left as opsctl has it: a warm shutdown, as SIGTERM
    (the terminal or the ssh session that started the worker closed), or ignored under
    ``nohup``. Celery's own handler, installed when stdout is not a terminal, re-executed the
    process from ``sys.argv``: the worker started again (or, from an ``opsctl`` that is no
    file, failed with exit 2), its runs in flight cut off without being handed back."""
    import signal

    hup = getattr(signal, "SIGHUP", None)  # none on Windows
    before = signal.getsignal(hup) if hup is not None else None

    class HangupStopsWorker(worker_class):  # type: ignore[misc]
        def install_platform_tweaks(self, worker: Any) -> None:
            super().install_platform_tweaks(worker)
            if hup is not None and before is not None:
                signal.signal(hup, before)
            if stopped is not None and stopped.is_set():  # signalled just before: stop now
                signal.raise_signal(signal.SIGTERM)

    return HangupStopsWorker


class BrokerRefusedError(Exception):
    """The broker answered and refused this worker (its credentials, its virtual host): a
    refusal that connecting again does not mend. Not a connection error, so that Celery's
    consumer does not connect again but stops its worker on it ("Unrecoverable error")."""

    def __init__(self, refusal: BaseException) -> None:
        super().__init__(f"{type(refusal).__name__}: {refusal}")
        self.refusal = refusal


def broker_refusal(exc: BaseException) -> BaseException | None:
    """The broker's refusal in ``exc`` or what caused it (kombu re-raises a transport's error
    as its own OperationalError): a RabbitMQ ``ACCESS_REFUSED`` (403) or ``NOT_ALLOWED`` (530,
    e.g. no such virtual host), a Redis ``AUTH`` failure (``WRONGPASS``, ``NOAUTH``, a password
    Redis does not take), an ACL refusal or a database number past the server's
    ``databases``. ``None`` for anything else: a broker that is down or unreachable is waited
    for."""
    refusals: list[type[BaseException]] = []
    try:
        from amqp.exceptions import AccessRefused, NotAllowed  # type: ignore[import-untyped]

        refusals += [AccessRefused, NotAllowed]
    except ImportError:  # no RabbitMQ client installed
        pass
    try:
        from redis.exceptions import AuthenticationError, AuthorizationError

        refusals += [AuthenticationError, AuthorizationError]
    except ImportError:  # no Redis client installed
        pass
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, tuple(refusals)) or _no_such_redis_database(seen):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _no_such_redis_database(exc: BaseException) -> bool:
    """Redis answers ``SELECT 99`` of a URL's ``/99`` past its ``databases`` with this error,
    at every connection: a setting to fix, as a refused login is, not an outage."""
    return type(exc).__name__ == "ResponseError" and "DB index is out of range" in str(exc)


def _refusal_stopping_consumer() -> type:
    """Celery's consumer, except that a broker refusing the worker stops it.

    Celery connects again, for ever, on every error its transport calls a connection error,
    and both Redis's ``AuthenticationError`` and py-amqp's ``NotAllowed`` are such errors:
    kombu retries the first inside ``ensure_connection`` (calling its errback each time), the
    consumer restarts on the second. Both pass through ``ensure_connected``."""
    from celery.worker.consumer import Consumer

    class RefusalStoppingConsumer(Consumer):  # type: ignore[misc]
        def ensure_connected(self, conn: Any) -> Any:
            ensure_connection = conn.ensure_connection

            def ensure_unless_refused(errback: Any = None, *args: Any, **kwargs: Any) -> Any:
                def retry_unless_refused(exc: BaseException, interval: float) -> None:
                    refusal = broker_refusal(exc)
                    if refusal is not None:
                        raise BrokerRefusedError(refusal) from exc
                    if errback is not None:
                        errback(exc, interval)

                return ensure_connection(retry_unless_refused, *args, **kwargs)

            conn.ensure_connection = ensure_unless_refused
            try:
                return super().ensure_connected(conn)
            except BrokerRefusedError:
                raise
            except Exception as exc:
                refusal = broker_refusal(exc)
                if refusal is None:
                    raise
                raise BrokerRefusedError(refusal) from exc

    return RefusalStoppingConsumer


class _UnrecoverableError(logging.Handler):
    """Keeps the exception of the error a Celery worker stops on: Celery logs it (CRITICAL,
    "Unrecoverable error") and ends its worker with an exit code, not with the exception."""

    def __init__(self) -> None:
        super().__init__(logging.CRITICAL)
        self.error: BaseException | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and record.exc_info[1] is not None and self.error is None:
            error = record.exc_info[1]
            self.error = error.refusal if isinstance(error, BrokerRefusedError) else error


def _require_worker() -> Worker:
    if _worker is None:  # a task delivered to a process that is not an `opsctl worker`
        raise RuntimeError("opsctl tasks run in `opsctl worker` processes only")
    return _worker


def wake(app: Celery, run_id: str, queue: str) -> None:
    app.send_task(RUN_TASK, args=[run_id], queue=queue)


def wake_chunk(app: Celery, run_id: str, chunk: int, queue: str) -> None:
    app.send_task(CHUNK_TASK, args=[run_id, chunk], queue=queue)
