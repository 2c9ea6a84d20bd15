"""OpenTelemetry spans of runs, steps and actions; nothing at all when tracing is not set up."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import StatusCode
from pydantic import BaseModel

from opsctl import Action, Automation
from opsctl.observe import tracing
from opsctl.testing import OpsctlHarness

SECRET = "s3cr3t-token-value"


class Request(BaseModel):
    fail: bool = False
    fail_plan: bool = False


traced = Automation("traced", version="1.0.0", owner="tests", summary="Traced", request=Request,
                    retry={"attempts": 1})


@traced.plan
def plan(ctx: Any, req: Request) -> Iterator[Action]:
    if req.fail_plan:
        raise RuntimeError(f"could not list with token {SECRET}")
    yield Action(id="first", kind="create", target=f"bucket/{SECRET}", reason="test")
    yield Action(id="second", kind="update", target="bucket/plain", reason="test")
    yield Action(id="third", kind="update", target="bucket/later", reason="test",
                 depends_on=("first",))


@traced.apply
def apply(ctx: Any, req: Request, action: Action) -> None:
    if req.fail and action.id == "second":
        raise RuntimeError("broken")


@traced.verify
def verify(ctx: Any, req: Request, action: Action) -> bool:
    return True


@pytest.fixture
def exporter(monkeypatch: pytest.MonkeyPatch) -> InMemorySpanExporter:
    """A real SDK provider for opsctl's spans (not the process-wide one, which is set once)."""
    memory = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(memory))
    monkeypatch.setattr(tracing, "_configured_tracer", lambda: provider.get_tracer("opsctl"))
    return memory


@pytest.fixture
def harness(tmp_path: Path) -> Iterator[OpsctlHarness]:
    with OpsctlHarness(tmp_path, secrets={"token": SECRET}) as kit:
        kit.register(traced)
        yield kit


def by_name(spans: tuple[ReadableSpan, ...], name: str) -> list[ReadableSpan]:
    return [s for s in spans if s.name == name]


def parent_of(span: ReadableSpan) -> int | None:
    return span.parent.span_id if span.parent is not None else None


@pytest.mark.parametrize("concurrency", [1, 2], ids=["inline", "thread-pool"])
def test_an_apply_has_run_step_and_action_spans(exporter: InMemorySpanExporter,
                                                harness: OpsctlHarness, concurrency: int) -> None:
    result = harness.run(traced, {}, concurrency=concurrency)
    assert result.exit_code == 0
    spans = exporter.get_finished_spans()
    (run,) = by_name(spans, "opsctl.run")
    assert run.attributes is not None
    assert dict(run.attributes) == {
        "opsctl.run_id": result.doc["run_id"], "opsctl.automation": "traced",
        "opsctl.mode": "apply", "opsctl.resumed": False, "opsctl.status": "succeeded",
        "opsctl.exit_code": 0}
    assert run.parent is None
    steps = {s.name: s for s in spans if s.name in ("opsctl.plan", "opsctl.gate", "opsctl.apply",
                                                    "opsctl.verify")}
    assert sorted(steps) == ["opsctl.apply", "opsctl.gate", "opsctl.plan", "opsctl.verify"]
    assert all(parent_of(s) == run.context.span_id for s in steps.values())
    assert all(s.context.trace_id == run.context.trace_id for s in spans)
    actions = by_name(spans, "opsctl.action")
    assert sorted(str((a.attributes or {})["opsctl.action.id"]) for a in actions) == [
        "first", "second", "third"]
    apply_id = steps["opsctl.apply"].context.span_id
    assert all(parent_of(a) == apply_id for a in actions)
    first = next(a for a in actions if (a.attributes or {})["opsctl.action.id"] == "first")
    attributes = dict(first.attributes or {})
    assert attributes["opsctl.action.kind"] == "create"
    assert attributes["opsctl.action.status"] == "applied"
    assert attributes["opsctl.action.attempts"] == 1
    assert SECRET not in str(attributes["opsctl.action.target"])  # masked like in the journal
    assert str(attributes["opsctl.action.target"]).startswith("bucket/")


def test_a_failed_action_marks_its_span_the_apply_and_the_run(exporter: InMemorySpanExporter,
                                                              harness: OpsctlHarness) -> None:
    result = harness.run(traced, {"fail": True})
    assert result.exit_code == 5  # partial: "first" applied, "second" failed
    spans = exporter.get_finished_spans()
    (failed,) = [a for a in by_name(spans, "opsctl.action")
                 if (a.attributes or {})["opsctl.action.id"] == "second"]
    assert failed.status.status_code is StatusCode.ERROR
    assert (failed.attributes or {})["error.type"] == "internal"
    (apply_step,) = by_name(spans, "opsctl.apply")
    assert apply_step.status.status_code is StatusCode.ERROR
    (run,) = by_name(spans, "opsctl.run")
    attributes = dict(run.attributes or {})
    assert (attributes["opsctl.status"], attributes["opsctl.exit_code"]) == ("partial", 5)
    assert attributes["error.type"] == "partial"
    assert run.status.status_code is StatusCode.ERROR
    assert by_name(spans, "opsctl.verify") == []  # verify does not run after a failure


def test_an_exception_in_a_step_is_recorded_on_its_span_with_secrets_masked(
        exporter: InMemorySpanExporter, harness: OpsctlHarness) -> None:
    """The SDK's record_exception would keep the raw message and stack trace: a secret the
    automation put in an exception's text must not reach a span, as it reaches no log."""
    result = harness.run(traced, {"fail_plan": True})
    assert result.exit_code == 1
    spans = exporter.get_finished_spans()
    assert SECRET not in repr([(s.status.description, dict(s.attributes or {}),
                                [(e.name, dict(e.attributes or {})) for e in s.events])
                               for s in spans])
    (plan_step,) = by_name(spans, "opsctl.plan")
    assert plan_step.status.status_code is StatusCode.ERROR
    (event,) = [e for e in plan_step.events if e.name == "exception"]
    attributes = dict(event.attributes or {})
    assert attributes["exception.message"].endswith("could not list with token ***")
    assert "Traceback" in str(attributes["exception.stacktrace"])


def test_a_dry_run_has_plan_and_gate_only(exporter: InMemorySpanExporter,
                                          harness: OpsctlHarness) -> None:
    assert harness.dry_run(traced).exit_code == 10
    names = sorted(s.name for s in exporter.get_finished_spans())
    assert names == ["opsctl.gate", "opsctl.plan", "opsctl.run"]


def test_without_a_provider_runs_are_not_traced(harness: OpsctlHarness) -> None:
    # opentelemetry is imported in this process, but no provider was set: the proxy provider
    # of the API is not a configured tracer
    assert tracing._configured_tracer() is None
    assert harness.apply(traced).exit_code == 0


ENGINE_RUN = textwrap.dedent("""\
    import json, sys, tempfile
    mode = sys.argv[1]
    if mode != "none":
        from opentelemetry import trace
    if mode == "sdk":
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import SimpleSpanProcessor
        from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
        memory = InMemorySpanExporter()
        provider = TracerProvider()
        provider.add_span_processor(SimpleSpanProcessor(memory))
        trace.set_tracer_provider(provider)
    from pydantic import BaseModel
    from opsctl import Action, Automation
    from opsctl.testing import OpsctlHarness

    class Request(BaseModel):
        n: int = 2

    probe = Automation("probe", version="1.0.0", owner="t", summary="s", request=Request)

    @probe.plan
    def plan(ctx, req):
        for i in range(req.n):
            yield Action(id=f"a{i}", kind="run", target="t", reason="r")

    @probe.apply
    def apply(ctx, req, action):
        return None

    with tempfile.TemporaryDirectory() as tmp, OpsctlHarness(tmp) as kit:
        kit.register(probe)
        assert kit.apply(probe).exit_code == 0
    spans = [s.name for s in memory.get_finished_spans()] if mode == "sdk" else []
    print(json.dumps({"spans": sorted(spans),
                      "otel": sorted(m for m in sys.modules if m.startswith("opentelemetry"))}))
""")


@pytest.mark.parametrize("mode", ["none", "api-only", "sdk"])
def test_tracing_follows_the_process_configuration(tmp_path: Path, mode: str) -> None:
    """In a fresh interpreter: opsctl imports no OpenTelemetry itself; an API without a
    provider records nothing; the process-wide SDK provider gets every span."""
    proc = subprocess.run([sys.executable, "-c", ENGINE_RUN, mode],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout.splitlines()[-1])
    if mode == "none":
        assert found["otel"] == []
    if mode == "sdk":
        # no verify span: the automation has no @verify
        assert found["spans"] == sorted(["opsctl.run", "opsctl.plan", "opsctl.gate",
                                         "opsctl.apply", "opsctl.action", "opsctl.action"])
    else:
        assert found["spans"] == []
