"""The HTTP API under test: a project with automations, tokens per role, and the server either
in-process (FastAPI's TestClient over the ASGI app) or as a real `opsctl serve` on a socket.

Automations of the project:

* ``files``  (mutate) makes files exist in ``directory``; ``environment`` staging|prod, a secret
  ``api_key`` (optional), ``hold`` names a file the apply waits for (tests pause a run with it);
  lock scope (environment, directory).
* ``report`` (read) lists a directory.

The policy asks one approval by the ``sre`` group for prod.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import OPSCTL, Project, postgres_schema_url

pytest.importorskip("fastapi", reason="the HTTP API tests need the server extra (opsctl[server])")

FILES = '''
import time
import uuid
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from opsctl import Action, Automation


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")

    directory: str = Field(description="Where the files live")
    names: list[str] = Field(default_factory=lambda: ["a.txt"], max_length=50)
    environment: Literal["staging", "prod"] = "staging"
    api_key: SecretStr | None = Field(default=None, description="Written into each file")
    hold: str | None = Field(default=None, description="Apply waits until this file exists")


files = Automation("files", version="1.0.0", owner="platform", summary="Files exist",
                   request=Request, effect="mutate", lock_scope=("environment", "directory"))


@files.plan
def plan(ctx, req):
    for name in req.names:
        path = Path(req.directory) / name
        if not path.exists():
            yield Action(id=f"file:{name}", kind="create", target=str(path), reason="missing",
                         data={"path": str(path)})


@files.apply
def apply(ctx, req, action):
    if req.hold:
        Path(req.hold + ".waiting").write_text("1")
        while not Path(req.hold).exists():
            time.sleep(0.02)
    ctx.log.info("file.write", path=action.data["path"])
    secret = req.api_key.get_secret_value() if req.api_key else "none"
    ctx.files.mkdir(Path(action.data["path"]).parent)
    ctx.files.write_text(action.data["path"], f"key={secret}")
'''

REPORT = '''
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from opsctl import Action, Automation


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")

    directory: str


report = Automation("report", version="1.0.0", owner="sre", summary="List a directory",
                    request=Request, effect="read")


@report.plan
def plan(ctx, req):
    for path in sorted(Path(req.directory).glob("*")):
        yield Action(id=f"seen:{path.name}", kind="run", target=str(path), reason="listed")


@report.apply
def apply(ctx, req, action):
    return None
'''

POLICY = """
version: 1
default: allow
groups:
  sre: [sam, sue]
rules:
  - name: prod-changes
    match: {environment: prod}
    decision: require_approval
    approvers: sre
    reason: production changes are reviewed by sre
"""

ROLES = ("viewer", "planner", "operator", "approver", "admin")


@dataclass
class Api:
    """A server over one project: ``call`` sends a request with a token."""

    project: Project
    client: Any
    base_url: str = ""
    tokens: dict[str, str] = field(default_factory=dict)

    def token(self, actor: str, role: str, *, automations: tuple[str, ...] = ("*",),
              environments: tuple[str, ...] = ("*",), expires: timedelta | None = None) -> str:
        return make_token(self.project, actor, role, automations=automations,
                          environments=environments, expires=expires)

    def call(self, method: str, path: str, token: str | None = None, **kwargs: Any) -> Any:
        headers = dict(kwargs.pop("headers", {}) or {})
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        return self.client.request(method, path, headers=headers, **kwargs)

    def run_until_done(self, token: str, run_id: str, timeout: float = 30) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            doc = self.call("GET", f"/v1/runs/{run_id}", token).json()
            if doc.get("status") not in ("queued", "running"):
                return dict(doc)
            assert time.monotonic() < deadline, f"run {run_id} still {doc.get('status')}"
            time.sleep(0.05)


def setup_project(project: Project, extra_config: str = "") -> Project:
    (project.root / "work").mkdir(exist_ok=True)
    (project.root / "policy.yaml").write_text(POLICY)
    project.add_module("files_automation", FILES)
    project.add_module("report_automation", REPORT)
    project.write_config('[server]\nworkers = 2\n' + extra_config)
    return project


def project_session(project: Project) -> Any:
    from opsctl.engine.session import open_session

    return open_session(env=project.env(), cwd=project.root)


def make_token(project: Project, actor: str, role: str, *, automations: tuple[str, ...] = ("*",),
               environments: tuple[str, ...] = ("*",),
               expires: timedelta | None = timedelta(days=1)) -> str:
    from opsctl.governance.tokens import create_token

    session = project_session(project)
    try:
        _, secret = create_token(session.store, actor=actor, role=role,
                                 automations=automations, environments=environments,
                                 expires=expires, created_by="test", now=datetime.now(UTC))
    finally:
        session.close()
    return secret


@pytest.fixture(params=["sqlite", "postgresql"])
def api_project(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Project]:
    """The project on embedded SQLite, or on a fresh PostgreSQL schema."""
    root = tmp_path / "proj"
    root.mkdir()
    project = Project(root)
    if request.param == "postgresql":
        for url in postgres_schema_url():
            project.extra_env["OPSCTL_STORE_URL"] = url
            yield setup_project(project)
        return
    yield setup_project(project)


@pytest.fixture
def sqlite_project(tmp_path: Path) -> Project:
    root = tmp_path / "proj"
    root.mkdir()
    return setup_project(Project(root))


class SyncASGITransport:
    """httpx's ASGITransport for a synchronous client: requests run on an event loop in a
    thread of its own (anyio's blocking portal); the app's sync routes then run in its thread
    pool, as under uvicorn."""

    def __init__(self, app: Any) -> None:
        import httpx
        from anyio.from_thread import start_blocking_portal

        self._inner = httpx.ASGITransport(app=app)
        self._portal_cm = start_blocking_portal()
        self._portal = self._portal_cm.__enter__()

    def handle_request(self, request: Any) -> Any:
        import httpx

        async def send() -> httpx.Response:
            inner = httpx.Request(request.method, request.url, headers=request.headers,
                                  content=request.read())
            response = await self._inner.handle_async_request(inner)
            content = await response.aread()
            return httpx.Response(response.status_code, headers=response.headers,
                                  content=content, request=request)

        return self._portal.call(send)

    def close(self) -> None:
        self._portal_cm.__exit__(None, None, None)


def in_process(project: Project) -> Iterator[Api]:
    """The ASGI app in this process, through httpx's ASGI transport (no socket)."""
    import httpx

    from opsctl.service.app import create_app
    from opsctl.service.runtime import ServerRuntime

    session = project_session(project)
    session.store.migrate()
    runtime = ServerRuntime(session, workers=2)
    transport = SyncASGITransport(create_app(runtime))
    client = httpx.Client(transport=transport,  # type: ignore[arg-type]
                          base_url="http://opsctl.test")
    try:
        yield Api(project, client)
    finally:
        runtime.shutdown(5)
        client.close()
        transport.close()
        session.close()


@pytest.fixture
def api(api_project: Project) -> Iterator[Api]:
    yield from in_process(api_project)


@pytest.fixture
def sqlite_api(sqlite_project: Project) -> Iterator[Api]:
    yield from in_process(sqlite_project)


@dataclass
class LiveServer:
    """`opsctl serve` in a subprocess on a free port."""

    project: Project
    port: int
    proc: subprocess.Popen[str] | None = None
    logs: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, *args: str, env: dict[str, str] | None = None) -> LiveServer:
        """Start the server; on port 0, the one the system gives it (read from the line
        saying where it serves), which no other process can take in between as it could a
        port found free and closed before the server opened it. Started again, a server
        keeps the port it had."""
        import re

        import httpx

        log = self.project.root / f"serve-{self.port}-{uuid.uuid4().hex[:8]}.log"
        self.logs.append(str(log))
        with log.open("w") as stderr:  # the child keeps its own copy of the descriptor
            self.proc = subprocess.Popen(
                [OPSCTL, "serve", "--port", str(self.port), "--log-format", "json", *args],
                cwd=self.project.root, env=env or self.project.env(), text=True,
                stdout=subprocess.DEVNULL, stderr=stderr)
        deadline = time.monotonic() + 90  # a loaded machine may take a while to import it all
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"server exited: {log.read_text()}"
            if self.port == 0:
                found = re.search(r"^opsctl: serving .* on https?://[^ ]*:(\d+) ",
                                  log.read_text(), re.MULTILINE)
                if found is None:
                    time.sleep(0.05)
                    continue
                self.port = int(found.group(1))
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise AssertionError(f"server did not start: {log.read_text()}")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> int:
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        code = self.proc.wait(timeout=timeout)
        self.proc = None
        return code

    def log_text(self) -> str:
        return "".join(Path(p).read_text() for p in self.logs)

    def log_events(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.log_text().splitlines()
                if line.startswith("{")]


@pytest.fixture
def live(api_project: Project) -> Iterator[Callable[..., LiveServer]]:
    """Start `opsctl serve` (real socket) on the project; stopped at the end of the test."""
    servers: list[LiveServer] = []

    def start(*args: str, env: dict[str, str] | None = None) -> LiveServer:
        server = LiveServer(api_project, 0).start(*args, env=env)
        servers.append(server)
        return server

    yield start
    for server in servers:
        if server.proc is not None:
            server.stop(signal.SIGKILL if os.environ.get("OPSCTL_TEST_FAST_STOP") else
                        signal.SIGTERM)
