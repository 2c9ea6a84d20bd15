"""Property-based tests of the published API: schemathesis generates requests for every
operation of GET /openapi.json (valid and invalid ones) against `opsctl serve` on a real socket,
as an admin and as a viewer, and checks that

* nothing answers 5xx (``not_a_server_error``),
* every status is one the operation documents (``status_code_conformance``),
* every body has a documented content type and conforms to its documented schema
  (``content_type_conformance``, ``response_schema_conformance``),
* documented response headers conform (``response_headers_conformance``).

The number of examples per operation is bounded so the test stays well under 90 s on a small
machine. One server (embedded SQLite) serves both runs: starting one per operation would cost
more than the examples.
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Project
from tests.service.conftest import LiveServer, make_token, setup_project

schemathesis = pytest.importorskip("schemathesis")

ADMIN_EXAMPLES = 60
VIEWER_EXAMPLES = 15

CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.response_headers_conformance,
]


class Live:
    def __init__(self, server: LiveServer, admin: str, viewer: str, sandbox: Path) -> None:
        self.server, self.admin, self.viewer, self.sandbox = server, admin, viewer, sandbox


@pytest.fixture(scope="module")
def live_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """`opsctl serve` on a socket over a project on SQLite (the `live` fixture's server)."""
    root = tmp_path_factory.mktemp("schemathesis") / "proj"
    root.mkdir()
    project = setup_project(Project(root))
    admin = make_token(project, "ada", "admin")
    viewer = make_token(project, "vic", "viewer")
    server = LiveServer(project, 0).start()
    sandbox = root / "work"
    try:
        yield Live(server, admin, viewer, sandbox)
    finally:
        server.stop()
        assert "Traceback" not in server.log_text(), server.log_text()[-4000:]


def load_schema(live: Live, token: str, examples: int) -> Any:
    from schemathesis import GenerationMode

    schema = schemathesis.openapi.from_url(f"{live.server.url}/openapi.json", timeout=10)
    schema.config.update(base_url=live.server.url,
                         headers={"Authorization": f"Bearer {token}"}, request_timeout=30)
    schema.config.generation.update(max_examples=examples, database="none",
                                    modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
    if importlib.util.find_spec("opsctl.observe.metrics") is None:
        # GET /metrics renders with opsctl.observe.metrics, which is not on this branch yet:
        # every authorised call would be a 500 for that reason alone.
        schema = schema.exclude(path="/metrics")
    return schema


@pytest.fixture(scope="module")
def admin_schema(live_api: Live) -> Any:
    return load_schema(live_api, live_api.admin, ADMIN_EXAMPLES)


@pytest.fixture(scope="module")
def viewer_schema(live_api: Live) -> Any:
    return load_schema(live_api, live_api.viewer, VIEWER_EXAMPLES)


def confine(case: Any, sandbox: Path) -> None:
    """Keep generated runs harmless: the `files` automation writes files where its request
    says, and waits while its `hold` file is missing. A generated directory, file name or
    hold is replaced by one inside the sandbox (strings stay strings, so a request invalid for
    another reason stays invalid); ?wait is at most a second."""
    body = case.body
    if isinstance(body, dict) and isinstance(body.get("request"), dict):
        request = dict(body["request"])
        if isinstance(request.get("directory"), str):
            request["directory"] = str(sandbox)
        names = request.get("names")
        if isinstance(names, list):
            request["names"] = [
                "f-" + hashlib.sha256(n.encode("utf-8", "replace")).hexdigest()[:12]
                if isinstance(n, str) else n for n in names]
        if isinstance(request.get("hold"), str):
            request.pop("hold")
        case.body = {**body, "request": request}
    query = case.query or {}
    if isinstance(query.get("wait"), str):
        from opsctl.contract.durations import parse_duration

        try:
            parse_duration(query["wait"])
        except (ValueError, TypeError):
            return
        query["wait"] = "1s"


def describe(exc: BaseException) -> str:
    """A failure's text, with the failures grouped in it (schemathesis groups them)."""
    text = str(exc)
    for inner in getattr(exc, "exceptions", ()):
        text += "\n    " + str(inner).replace("\n", "\n    ")
    return text


def fuzz(schema: Any, sandbox: Path, examples: int) -> list[str]:
    """Every operation, valid and invalid inputs, ``examples`` of each: the failures found
    (one per operation and mode, with schemathesis's description and a curl command)."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis.errors import Unsatisfiable
    from schemathesis import GenerationMode

    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20, [op.label for op in operations]
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            @settings(max_examples=examples, deadline=None, database=None,
                      phases=[Phase.explicit, Phase.generate],
                      suppress_health_check=list(HealthCheck))
            @given(case=operation.as_strategy(mode))
            def check(case: Any) -> None:
                confine(case, sandbox)
                case.call_and_validate(checks=CHECKS)

            try:
                check()
            except Unsatisfiable:
                # Nothing to make invalid (no parameters, or only a path segment, which any
                # string fills): negative mode has no case to send.
                assert mode is GenerationMode.NEGATIVE, operation.label
            except (Exception, BaseExceptionGroup) as exc:  # note it, go on with the others
                failures.append(f"{operation.label} ({mode.value}): {describe(exc)}")
    return failures


def test_every_operation_as_admin(admin_schema: Any, live_api: Live) -> None:
    failures = fuzz(admin_schema, live_api.sandbox, ADMIN_EXAMPLES)
    assert not failures, "\n\n".join(failures)


def test_every_operation_as_viewer(viewer_schema: Any, live_api: Live) -> None:
    failures = fuzz(viewer_schema, live_api.sandbox, VIEWER_EXAMPLES)
    assert not failures, "\n\n".join(failures)
