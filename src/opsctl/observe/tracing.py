"""OpenTelemetry spans of runs, their steps and their actions, when tracing is configured.

Tracing is on for a run when the process has already imported ``opentelemetry.trace`` and set a
real tracer provider (``trace.set_tracer_provider(TracerProvider(...))``, or auto-instrumentation
did): opsctl never imports OpenTelemetry itself, so a process that does not trace pays nothing
but one ``sys.modules`` lookup per run, and one attribute check per step and action.

Spans (names are low-cardinality; the details are attributes):

    opsctl.run      opsctl.run_id, opsctl.automation, opsctl.mode, opsctl.status,
                    opsctl.exit_code, error.type
      opsctl.plan | opsctl.gate | opsctl.apply | opsctl.verify     (children of the run)
        opsctl.action   opsctl.action.id, .kind, .target (secrets masked), .status,
                        .attempts, error.type                        (children of apply)

Step and action spans are current while they run, so spans of instrumented libraries inside
``plan``/``apply``/``verify`` nest under them. Action spans name their parent explicitly: with
``concurrency > 1`` actions run on pool threads, which do not inherit the context.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from opsctl.engine.state import RunState
    from opsctl.errors import OpsctlError

F = TypeVar("F", bound=Callable[..., Any])
TRACER_NAME = "opsctl"


@dataclass
class RunTrace:
    """The tracer and open spans of one traced run (``RunState.trace``)."""

    tracer: Any
    span: Any
    steps: dict[str, Any] = field(default_factory=dict)  # step name -> its open span
    ended: bool = False


def _configured_tracer() -> Any:
    """The opsctl tracer when OpenTelemetry is imported and a real provider is set, else None."""
    trace = sys.modules.get("opentelemetry.trace")
    if trace is None:
        return None
    provider = trace.get_tracer_provider()
    if isinstance(provider, trace.ProxyTracerProvider | trace.NoOpTracerProvider):
        return None
    from opsctl._version import __version__

    return provider.get_tracer(TRACER_NAME, __version__)


def start_run(run: RunState) -> None:
    """Open the run's span if tracing is configured (sets ``run.trace``)."""
    tracer = _configured_tracer()
    if tracer is None:
        return
    span = tracer.start_span("opsctl.run", attributes={
        "opsctl.run_id": run.run_id, "opsctl.automation": run.automation.name,
        "opsctl.mode": run.mode, "opsctl.resumed": run.resumed})
    run.trace = RunTrace(tracer, span)


def finish_run(run: RunState, status: str, exit_code: int, error: OpsctlError | None) -> None:
    """Record the outcome on the run's span and end it."""
    traced: RunTrace | None = run.trace
    if traced is None or traced.ended:
        return
    traced.span.set_attribute("opsctl.status", status)
    traced.span.set_attribute("opsctl.exit_code", int(exit_code))
    if error is not None:
        _error(traced.span, error.error_type, run.session.redactor.redact(error.message))
    traced.ended = True
    traced.span.end()


def end_run(run: RunState) -> None:
    """End the run's span if an unexpected exception left it open (no outcome recorded)."""
    traced: RunTrace | None = getattr(run, "trace", None)
    if traced is not None and not traced.ended:
        traced.ended = True
        traced.span.end()


def _error(span: Any, error_type: str, message: str) -> None:
    from opentelemetry.trace import Status, StatusCode

    span.set_attribute("error.type", error_type)
    span.set_status(Status(StatusCode.ERROR, message))


def _masked_exception(span: Any, run: RunState, exc: BaseException) -> None:
    """What ``record_exception=True`` records, with the run's secrets masked: the SDK's own
    records the raw message and stack trace, which may hold a secret the run masks
    everywhere else (an exception raised with a token in its text)."""
    import traceback

    from opentelemetry.trace import Status, StatusCode

    redact = run.session.redactor.redact_text
    message = redact(f"{type(exc).__name__}: {exc}")
    span.add_event("exception", {
        "exception.type": type(exc).__name__,
        "exception.message": redact(str(exc)),
        "exception.stacktrace": redact("".join(traceback.format_exception(exc))),
        "exception.escaped": True})
    span.set_status(Status(StatusCode.ERROR, message))


def _error_type(value: Any) -> str | None:
    from opsctl.errors import OpsctlError

    return value.error_type if isinstance(value, OpsctlError) else None


def traced_step(step: str) -> Callable[[F], F]:
    """Decorate a step function ``fn(run, ...)``: one span per call, a child of the run's."""

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(run: RunState, *args: Any, **kwargs: Any) -> Any:
            traced: RunTrace | None = run.trace
            if traced is None or (step == "verify" and not run.automation.has_verify):
                return fn(run, *args, **kwargs)
            from opentelemetry.trace import set_span_in_context

            with traced.tracer.start_as_current_span(
                    f"opsctl.{step}", context=set_span_in_context(traced.span),
                    attributes={"opsctl.run_id": run.run_id, "opsctl.step": step},
                    record_exception=False, set_status_on_exception=False) as span:
                traced.steps[step] = span
                try:
                    result = fn(run, *args, **kwargs)
                except Exception as exc:
                    kind = _error_type(exc)
                    if kind is not None:
                        span.set_attribute("error.type", kind)
                    _masked_exception(span, run, exc)
                    raise
                finally:
                    traced.steps.pop(step, None)
                kind = _error_type(result)  # apply and verify return their failure
                if kind is not None:
                    _error(span, kind, run.session.redactor.redact(result.message))
                return result

        return wrapper  # type: ignore[return-value]

    return decorate


def traced_action(fn: F) -> F:
    """Decorate ``_apply_one(run, ctx, state)``: one span per action, a child of apply's."""

    @functools.wraps(fn)
    def wrapper(run: RunState, ctx: Any, state: Any) -> Any:
        traced: RunTrace | None = run.trace
        if traced is None:
            return fn(run, ctx, state)
        from opentelemetry.trace import set_span_in_context

        action = state.action
        parent = traced.steps.get("apply", traced.span)
        with traced.tracer.start_as_current_span(
                "opsctl.action", context=set_span_in_context(parent),
                attributes={"opsctl.run_id": run.run_id, "opsctl.action.id": action.id,
                            "opsctl.action.kind": action.kind,
                            "opsctl.action.target": str(run.session.redactor.redact(
                                action.target))},
                record_exception=False, set_status_on_exception=False) as span:
            try:
                error = fn(run, ctx, state)
            except Exception as exc:
                _masked_exception(span, run, exc)
                raise
            span.set_attribute("opsctl.action.status", str(state.status))
            span.set_attribute("opsctl.action.attempts", int(state.attempts))
            if error is not None:
                _error(span, error.error_type, run.session.redactor.redact(error.message))
            return error

    return wrapper  # type: ignore[return-value]
