"""Queue a run for the ``celery`` executor from this process (the CLI, the HTTP server), and
follow a queued run to its result.

Queueing does what the local path does before it runs anything: validate the request, check
the caller's permission, look at earlier runs of the idempotency key (a finished one replays,
an unfinished one is followed instead of queued twice, an interrupted, partial or failed one is
resumed by a worker as the same run, another request under it is exit 7).
Then the run is recorded ``queued`` with the options it runs with, and its wake-up sent.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from opsctl.engine.session import Session
from opsctl.errors import ConflictError, DependencyError, UsageError

EXECUTOR = "celery"


@dataclass(frozen=True)
class Queued:
    run_id: str
    replayed: dict[str, Any] | None = None  # a finished run of the key: its result
    existing: bool = False                   # an unfinished run of the key, followed instead
    resumed: str | None = None               # the status of the key's run a worker resumes


def queue_for_celery(session: Session, automation: Any, data: Mapping[str, Any], *,
                     mode: str, idempotency_key: str | None = None,
                     contract_version: str | None = None, targets: Sequence[str] = (),
                     fan_out: int = 0, concurrency: int = 1, max_failures: int = 1,
                     wait_lock_s: float = 0.0, plan_id: str | None = None,
                     send: Callable[[str, str], None] | None = None,
                     runtime_extra: Mapping[str, Any] | None = None) -> Queued:
    """Record the run ``queued`` for a worker and wake one (``send``: run id, queue)."""
    from opsctl.dispatch.config import require_remote_ready, worker_config
    from opsctl.engine.ids import new_run_id
    from opsctl.engine.request import (
        derived_run_key,
        hash_of_request,
        refuse_key_with_secret,
        request_document,
        target_patterns,
        versioned_request,
        where_secrets_are,
    )
    from opsctl.engine.run import REPLAYABLE, RESUMABLE, _check_permission
    from opsctl.engine.runtime import runtime_info
    from opsctl.engine.state import iso
    from opsctl.governance.gate import environment_of
    from opsctl.store.queue import create_queued_run

    broker = require_remote_ready(session.settings, "the celery executor")
    config = worker_config(session.settings.worker)
    versioned = versioned_request(automation, data, contract_version)
    request_doc = request_document(session, automation, versioned.request)
    _check_permission(session, automation, "plan" if mode == "plan" else "apply", request_doc)
    patterns = target_patterns(targets)
    refuse_key_with_secret(session, idempotency_key)
    where = where_secrets_are(session, request_doc, patterns)
    if where:
        raise UsageError(f"{' and '.join(where)} holds the value of a configured secret, and a "
                         "run queued for workers is stored with secrets masked: a worker would "
                         "be given *** in its place, so it was not queued; run it with the "
                         "local executor, or leave the secret out (a request carries one in a "
                         "Secret field)", step="validate")
    key = idempotency_key or derived_run_key(automation, request_doc, patterns)
    request_hash = hash_of_request(request_doc, patterns)
    store = session.store
    prior = None
    if mode == "apply":
        prior = store.latest_run_for_key(automation.name, key)
        if prior is not None:
            if prior["request_hash"] != request_hash:
                raise ConflictError(f"idempotency key {key!r} was used by run {prior['id']} "
                                    "with a different request; use a new key", step="validate")
            if prior["status"] in REPLAYABLE and idempotency_key is not None:
                doc = dict(prior["result"] or {})
                doc["replayed"] = True
                return Queued(str(prior["id"]), replayed=doc)
            if prior["status"] in ("queued", "running"):
                return Queued(str(prior["id"]), existing=True)
    queue = config.queue_for(automation.name, environment_of(request_doc))
    options = {"executor": EXECUTOR, "queue": queue, "fan_out": fan_out or config.fan_out,
               "concurrency": concurrency, "max_failures": max_failures,
               "wait_lock_s": wait_lock_s}
    if (mode == "apply" and prior is not None and prior["status"] in RESUMABLE
            and store.list_actions(str(prior["id"]))):
        # The same command run locally finishes this run as the same run: so do the workers,
        # rather than a second run under the key that starts over.
        from opsctl.dispatch.claims import hand_run_to_workers

        if hand_run_to_workers(store, str(prior["id"]), str(prior["status"]),
                               {**(prior.get("runtime") or {}), **options}):
            session.log.info("run.handed_to_workers", run_id=str(prior["id"]),
                             automation=automation.name, queue=queue,
                             previous_status=prior["status"])
            _wake(session, broker, send, str(prior["id"]), queue, withdraw=False)
            return Queued(str(prior["id"]), resumed=str(prior["status"]))
        return Queued(str(prior["id"]), existing=True)  # another caller handed it over first
    run_id = new_run_id()
    entry = session.catalog.entry(automation.name)
    runtime = {**runtime_info(entry.source), "identity": session.identity.to_dict(), **options}
    if patterns:
        runtime["targets"] = list(patterns)
    if versioned.requested_version:  # by --contract-version, or the document's key
        runtime["contract_version"] = versioned.requested_version
    if plan_id:
        runtime["plan_id"] = plan_id
    if _holds_secrets(request_doc):
        runtime["signing_key_id"] = signing_key_id(session.signing_key())
    runtime.update(runtime_extra or {})
    create_queued_run(store, {
        "id": run_id, "automation": automation.name, "contract_version": automation.version,
        "mode": mode, "actor": session.actor, "idempotency_key": key,
        "key_source": "caller" if idempotency_key else "derived",
        "request_hash": request_hash, "request": request_doc, "runtime": runtime,
        "started_at": iso(session.clock()), "executor": EXECUTOR,
    })
    session.log.info("run.queued", run_id=run_id, automation=automation.name, queue=queue,
                     executor=EXECUTOR)
    _wake(session, broker, send, run_id, queue, withdraw=True)
    return Queued(run_id)


def _wake(session: Session, broker: str, send: Callable[[str, str], None] | None, run_id: str,
          queue: str, *, withdraw: bool) -> None:
    """Send ``run_id``'s wake-up; a refused login is exit 4 (``withdraw``: the queued run is
    taken back first), any other failure a warning: a worker's sweeper sends it again."""
    try:
        (send or broker_sender(broker))(run_id, queue)
    except Exception as exc:
        from opsctl.dispatch.celery_app import broker_refusal

        refusal = broker_refusal(exc)
        if refusal is not None:
            # No retry fixes a refused login: the run is taken back (unless a worker that
            # logs in claimed it meanwhile), and the caller is told what to fix.
            from opsctl.config.redact import mask_url
            from opsctl.store.queue import withdraw_queued_run

            if withdraw:
                withdraw_queued_run(session.store, run_id)
            raise DependencyError(f"the broker {mask_url(broker)} refused this login "
                                  f"({type(refusal).__name__}): check the user, password and "
                                  "virtual host in broker_url; "
                                  + ("the run was not queued" if withdraw else
                                     "a worker's sweeper resumes the run once one logs in"),
                                  step="validate") from None
        # Recorded: a worker's sweeper sends the wake-up once the broker is back.
        session.log.warning("run.wake_failed", run_id=run_id, error=f"{type(exc).__name__}",
                            message="the broker did not take the wake-up; a worker's sweeper "
                                    "sends it again once the broker is reachable")


def signing_key_id(key: bytes) -> str:
    """Names a plan-signing key without revealing it (a keyed digest of a fixed text): a
    queued run with secret fields records the id of the key its secrets' digests were made
    with, so a worker with another key says that, not that the secret differs."""
    import hashlib
    import hmac

    return hmac.new(key, b"opsctl plan-signing key id", hashlib.sha256).hexdigest()[:16]


def check_signing_key(session: Session, run_id: str, runtime: Mapping[str, Any]) -> None:
    """PlanRejectedError (exit 3) when the run's secrets were digested under another
    plan-signing key than this process's."""
    from opsctl.errors import PlanRejectedError

    recorded = runtime.get("signing_key_id")
    if recorded is None or recorded == signing_key_id(session.signing_key()):
        return
    raise PlanRejectedError(
        f"run {run_id}: the plan-signing key of this worker differs from the one of the "
        "machine that queued the run, and the run's secret fields are checked with it: set "
        "the same plan_signing_key (OPSCTL_PLAN_SIGNING_KEY) where runs are queued and on the "
        "workers", reason="signature", step="gate")


def _holds_secrets(doc: Any) -> bool:
    from opsctl.contract.plan import SECRET_MARKER

    if isinstance(doc, dict):
        return set(doc) == {SECRET_MARKER} or any(_holds_secrets(v) for v in doc.values())
    if isinstance(doc, list):
        return any(_holds_secrets(v) for v in doc)
    return False


_MAKING_SENDER = threading.Lock()
"""Celery's lazy module, imported by several threads at once, fails in all but one ("cannot
import name 'Celery'"): a server's request threads and its scheduler make their clients one
at a time."""


def broker_sender(broker_url: str) -> Callable[[str, str], None]:
    with _MAKING_SENDER:
        from opsctl.dispatch.celery_app import make_app, wake

        app = make_app(broker_url)
    return lambda run_id, queue: wake(app, run_id, queue)


def wait_for(session: Session, run_id: str, *, timeout_s: float | None,
             on_event: Callable[[Any], None] | None = None,
             stop: Any = None, still: Callable[[], str] | None = None) -> dict[str, Any]:
    """Follow ``run_id`` until it finished; its result document. DependencyError (exit 4)
    when ``timeout_s`` passes first, saying what ``still()`` knows of the run (by default
    that it goes on)."""
    from opsctl.engine.events import follow_events

    for event in follow_events(session.store, run_id, timeout_s=timeout_s, stop=stop):
        if event.kind == "result":
            return dict(event.data)
        if on_event is not None:
            on_event(event)
    if stop is not None and stop.is_set():
        raise KeyboardInterrupt
    going = still() if still is not None else (f"it goes on (`opsctl wait {run_id}` follows "
                                                 "it again)")
    raise DependencyError(f"run {run_id} has not finished within the timeout; {going}",
                          step="result")
