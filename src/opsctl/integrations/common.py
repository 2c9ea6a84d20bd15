"""What every orchestrator adapter shares: run an automation by name, and one exit-code policy.

An adapter (:mod:`opsctl.integrations.airflow`, :mod:`opsctl.integrations.prefect`) is three
steps, and only the last one is its own:

1. :func:`run_automation` opens a session (``opsctl.toml`` found from ``cwd``, or
   ``config_file``), loads the automation from the catalog and runs it through
   :func:`opsctl.execute`, in this process: no subprocess, no CLI. It never raises for an
   expected opsctl failure: one raised before a run exists (an invalid request, an unknown
   automation, a bad configuration, an idempotency key reused with another request) becomes a
   result document with its exit code, exactly as ``opsctl ... --format json`` prints it.
2. :func:`settle` applies :data:`EXIT_CODE_POLICY` to that outcome: it returns the result
   document when the task succeeded (exit 0, or 10 "changes planned") and raises
   :class:`OpsctlTaskFailed`, which carries the document and whether the host should retry,
   otherwise.
3. The adapter turns that into its host's states (Airflow: ``AirflowException`` is retried,
   ``AirflowFailException`` is not; Prefect: a retry condition that asks
   :attr:`OpsctlTaskFailed.retryable`).

Everything returned, raised or logged here comes from a result document or a log event that
opsctl has already passed through the session's redactor: secret request fields, configured
secrets and passwords in URLs read ``***``.

This module imports no orchestrator, and nothing heavier than :mod:`opsctl.errors` until a run
starts.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from opsctl.errors import ExitCode

if TYPE_CHECKING:
    from opsctl.engine.state import RunOutcome
    from opsctl.observe.log import EventDict

__all__ = [
    "EXIT_CODE_POLICY",
    "Disposition",
    "ExitPolicy",
    "OpsctlTaskFailed",
    "describe",
    "logging_sink",
    "policy_for",
    "run_automation",
    "run_task",
    "settle",
]

Disposition = Literal["success", "changes_planned", "retry", "fail", "fail_with_partial"]


@dataclass(frozen=True)
class ExitPolicy:
    """What a host does with one exit code."""

    disposition: Disposition
    meaning: str

    @property
    def succeeded(self) -> bool:
        """The task succeeds (its return value is the result document)."""
        return self.disposition in ("success", "changes_planned")

    @property
    def retryable(self) -> bool:
        """The task fails, and the host may run it again (its own retry budget applies)."""
        return self.disposition == "retry"

    @property
    def partial(self) -> bool:
        """The task fails after some actions applied; the partial result goes with the failure."""
        return self.disposition == "fail_with_partial"


EXIT_CODE_POLICY: Mapping[int, ExitPolicy] = MappingProxyType({
    ExitCode.SUCCESS: ExitPolicy("success", "done, or nothing to do"),
    ExitCode.CHANGES_PLANNED: ExitPolicy("changes_planned", "a plan: changes planned, none made"),
    ExitCode.DEPENDENCY: ExitPolicy("retry", "a remote dependency failed: retry later"),
    ExitCode.CONFLICT: ExitPolicy("retry", "the target is locked by another run: retry later"),
    ExitCode.USAGE: ExitPolicy("fail", "invalid request or configuration: fix the input"),
    ExitCode.VALIDATION: ExitPolicy("fail", "a precheck failed, or the plan is stale"),
    ExitCode.DENIED: ExitPolicy("fail", "denied by policy, approval or permissions"),
    ExitCode.PARTIAL: ExitPolicy("fail_with_partial",
                                 "some actions applied, some failed: inspect, then resume"),
    ExitCode.INTERNAL: ExitPolicy("fail", "a bug in the automation or in opsctl"),
    ExitCode.INTERRUPTED: ExitPolicy("fail", "interrupted; running it again resumes it"),
})
"""Exit code -> what the host does. 4 and 7 are retried; 2, 3, 6, 1 and 130 fail at once; 5
fails with the partial result attached; 0 and 10 succeed. An exit code not in the table fails
without retry."""

_UNKNOWN = ExitPolicy("fail", "an exit code opsctl does not document")


def policy_for(exit_code: int) -> ExitPolicy:
    """The policy of ``exit_code`` (an undocumented code fails without retry)."""
    return EXIT_CODE_POLICY.get(int(exit_code), _UNKNOWN)


def describe(document: Mapping[str, Any]) -> str:
    """One line about a result document, for a host's log or an exception message.

    Built only from the (already redacted) document, so it holds no secret.
    """
    name = document.get("automation") or "?"
    head = (f"opsctl {name} {document.get('mode') or 'apply'}: {document.get('status')} "
            f"(exit {document.get('exit_code')})")
    parts = [head]
    summary = document.get("summary") or {}
    if summary.get("planned"):
        parts.append(", ".join(f"{summary.get(k, 0)} {k}" for k in
                               ("planned", "applied", "unchanged", "failed", "skipped")))
    if document.get("replayed"):
        parts.append("replayed from an earlier run")
    if document.get("run_id"):
        parts.append(f"run {document['run_id']}")
    error = document.get("error") or {}
    if error.get("message"):
        parts.append(str(error["message"]))
    return "; ".join(parts)


class OpsctlTaskFailed(Exception):
    """An automation's task failed; ``document`` is its result document (secrets masked).

    ``retryable`` says whether the host should run the task again (exit 4 and 7); ``partial``
    that some actions applied before the failure (exit 5, ``document`` is the partial result).
    """

    def __init__(self, document: Mapping[str, Any], exit_code: int | None = None) -> None:
        self.document: dict[str, Any] = dict(document)
        self.exit_code = int(exit_code if exit_code is not None
                             else self.document.get("exit_code", ExitCode.INTERNAL))
        self.policy = policy_for(self.exit_code)
        super().__init__(describe({**self.document, "exit_code": self.exit_code}))

    @property
    def retryable(self) -> bool:
        return self.policy.retryable

    @property
    def partial(self) -> bool:
        return self.policy.partial

    @property
    def status(self) -> str | None:
        status = self.document.get("status")
        return None if status is None else str(status)

    @property
    def run_id(self) -> str | None:
        run_id = self.document.get("run_id")
        return None if run_id is None else str(run_id)

    def __reduce__(self) -> tuple[Any, ...]:
        # hosts pickle failures (Prefect's states, multiprocessing executors): keep the document
        return (type(self), (self.document, self.exit_code))


def settle(outcome: RunOutcome) -> dict[str, Any]:
    """The result document when the task succeeded, else raise :class:`OpsctlTaskFailed`."""
    policy = policy_for(outcome.exit_code)
    if policy.succeeded:
        return outcome.document
    raise OpsctlTaskFailed(outcome.document, outcome.exit_code)


_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING,
           "error": logging.ERROR}
_NOT_SHOWN = ("ts", "level", "event")


def logging_sink(logger: logging.Logger | logging.LoggerAdapter[Any]) -> Callable[[EventDict], None]:
    """An opsctl log sink that writes each event (already redacted) to a stdlib logger, such as
    an Airflow operator's ``self.log`` or Prefect's run logger: ``opsctl run.started
    run_id=... automation=...``."""

    def sink(event: EventDict) -> None:
        level = _LEVELS.get(str(event.get("level", "info")), logging.INFO)
        rest = " ".join(f"{k}={v}" for k, v in event.items() if k not in _NOT_SHOWN and v is not None)
        logger.log(level, "opsctl %s %s", event.get("event", ""), rest)

    return sink


def run_automation(name: str, request: Mapping[str, Any] | None = None, *,
                   mode: Literal["apply", "plan"] = "apply", idempotency_key: str | None = None,
                   config_file: str | os.PathLike[str] | None = None,
                   cwd: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None,
                   settings: Mapping[str, Any] | None = None,
                   contract_version: str | None = None, targets: Sequence[str] = (),
                   max_failures: int = 1, concurrency: int = 1, wait_lock_s: float = 0.0,
                   logger: logging.Logger | logging.LoggerAdapter[Any] | None = None,
                   stop: threading.Event | None = None,
                   on_secrets: Callable[[list[str]], None] | None = None) -> RunOutcome:
    """Run automation ``name`` with ``request`` as ``opsctl NAME`` (``mode="apply"``, never asking
    for confirmation) or ``opsctl plan NAME`` (``mode="plan"``) would, in this process.

    ``config_file`` (else ``$OPSCTL_CONFIG``, else the ``opsctl.toml`` found from ``cwd``, default
    the working directory), ``env`` (default ``os.environ``) and ``settings`` (configuration
    values that override both, as command-line flags do: ``{"actor": ..., "store_url": ...}``)
    make the session, which is closed before this returns. ``idempotency_key``: without one, a
    re-run of an interrupted or failed run resumes it; with one, a re-run after it finished
    replays its result. ``logger``: opsctl's log events go there instead of stderr. ``stop``:
    setting this event makes the run take no new action and checkpoint (exit 130).
    ``on_secrets`` is handed every secret value the run knew (so a host can mask them in its
    own logs too).

    Returns the result document and exit code; an expected failure before a run exists is a
    result document too (``run_id`` null). Anything else (a bug) propagates.
    """
    from opsctl.engine.results import error_document
    from opsctl.engine.run import execute
    from opsctl.engine.session import Session, open_session
    from opsctl.engine.state import RunOutcome
    from opsctl.errors import OpsctlError, UsageError

    started = datetime.now(UTC)
    session: Session | None = None
    try:
        try:
            if mode not in ("apply", "plan"):
                raise UsageError(f"mode must be 'apply' or 'plan', not {mode!r}")
            if request is not None and not isinstance(request, Mapping):
                raise UsageError("the request must be a mapping of field names to values, "
                                 f"not {type(request).__name__}")
            if isinstance(targets, str):
                targets = [targets]
            _check_run_options(max_failures, concurrency, wait_lock_s)
            session = open_session(
                config_file=os.fspath(config_file) if config_file is not None else None,
                flags=settings, env=env, cwd=Path(cwd) if cwd is not None else None,
                log_sink=logging_sink(logger) if logger is not None else None)
            if stop is not None:
                session.stop_requested = stop
            automation = session.catalog.load(name)
            source = session.catalog.entry(automation.name).source
            return execute(session, automation, dict(request or {}), mode=mode,
                           idempotency_key=idempotency_key, source=source,
                           contract_version=contract_version, targets=list(targets),
                           max_failures=max_failures, concurrency=concurrency,
                           wait_lock_s=wait_lock_s)
        except OpsctlError as exc:
            doc = error_document(exc, mode="plan" if mode == "plan" else "apply", automation=name,
                                 started_at=started, finished_at=datetime.now(UTC),
                                 actor=session.actor if session is not None else None,
                                 redact=session.redactor.redact if session is not None
                                 else _mask_urls)
            if session is not None:
                session.log.error("run.refused", automation=name, exit_code=exc.exit_code,
                                  error_type=exc.error_type, error=exc.message)
            return RunOutcome(doc, int(exc.exit_code))
    finally:
        if session is not None:
            try:
                if on_secrets is not None:
                    on_secrets(session.redactor.values())
            finally:
                session.close()


def _check_run_options(max_failures: int, concurrency: int, wait_lock_s: float) -> None:
    """The ranges `--max-failures` and `--concurrency` take on the command line: a value out
    of them is exit 2, as there, not quietly read as 1."""
    from opsctl.errors import UsageError

    def whole(value: object, low: int, high: int | None = None) -> bool:
        return (isinstance(value, int) and not isinstance(value, bool) and value >= low
                and (high is None or value <= high))

    if not whole(max_failures, 1):
        raise UsageError(f"max_failures must be a whole number of at least 1, not "
                         f"{max_failures!r}")
    if not whole(concurrency, 1, 512):
        raise UsageError(f"concurrency must be a whole number from 1 to 512, not "
                         f"{concurrency!r}")
    if isinstance(wait_lock_s, bool) or not isinstance(wait_lock_s, int | float) \
            or not 0 <= wait_lock_s < float("inf"):
        raise UsageError(f"wait_lock_s must be a number of seconds, 0 or more, not "
                         f"{wait_lock_s!r}")


def _mask_urls(value: Any) -> Any:
    """Before a session exists no secret is known by value: mask passwords in URLs at least
    (a configuration error may quote a store URL)."""
    from opsctl.config.redact import mask_url

    if isinstance(value, str):
        return mask_url(value)
    if isinstance(value, dict):
        return {k: _mask_urls(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_mask_urls(v) for v in value]
    return value


def run_task(name: str, request: Mapping[str, Any] | None = None, **options: Any) -> dict[str, Any]:
    """:func:`run_automation`, then :func:`settle`: the result document of a task that
    succeeded (exit 0 or 10), else :class:`OpsctlTaskFailed`."""
    return settle(run_automation(name, request, **options))
