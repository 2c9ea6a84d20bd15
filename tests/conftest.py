"""Shared test helpers: run the installed ``opsctl`` console script as a real subprocess.

Every JSON result document a test produces is validated against the published schema with an
independent validator (jsonschema), and no expected failure may print a traceback.
"""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pytest

try:
    from hypothesis import settings as _hypothesis_settings
except ImportError:  # the adapters' own venvs run a few tests without it
    pass
else:
    # No per-example deadline: on a loaded CI machine (two cores, two pytest workers and the
    # servers the other tests start) one slow example is load, not a regression; the
    # properties themselves are what these tests check.
    _hypothesis_settings.register_profile("opsctl", deadline=None)
    _hypothesis_settings.load_profile("opsctl")

OPSCTL = str(Path(sys.executable).parent / "opsctl")
RESULT_SCHEMA_ID = "opsctl.result/v1"
_VALIDATOR: Any = None


def result_validator() -> Any:
    global _VALIDATOR
    if _VALIDATOR is None:
        from jsonschema import Draft202012Validator

        from opsctl.contract.result import result_schema

        schema = result_schema()
        Draft202012Validator.check_schema(schema)
        _VALIDATOR = Draft202012Validator(schema)
    return _VALIDATOR


def validate_result(doc: dict[str, Any]) -> None:
    errors = sorted(result_validator().iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, f"result document violates its schema: {errors[0].message} at {list(errors[0].path)}"


@dataclass
class CLIResult:
    code: int
    stdout: str
    stderr: str
    doc: Any = None

    def logs(self) -> list[dict[str, Any]]:
        """The JSON log events on stderr."""
        events = []
        for line in self.stderr.splitlines():
            if line.startswith("{"):
                events.append(json.loads(line))
        return events


def clean_env(home: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPSCTL_")}
    env["HOME"] = str(home)
    env["XDG_CONFIG_HOME"] = str(home / ".config")
    env.pop("AWS_ENDPOINT_URL", None)
    env.update(extra or {})
    return env


def run_opsctl(*args: str, cwd: Path, env: dict[str, str] | None = None, input: str | None = None,
               timeout: float = 120, expect_json: bool | None = None) -> CLIResult:
    """Run ``opsctl ARGS`` in ``cwd``; parse and schema-check stdout when it is JSON."""
    home = cwd / ".home"
    home.mkdir(exist_ok=True)
    proc = subprocess.run([OPSCTL, *args], cwd=cwd, env=env or clean_env(home), input=input,
                          capture_output=True, text=True, timeout=timeout)
    result = CLIResult(proc.returncode, proc.stdout, proc.stderr)
    wants_json = expect_json if expect_json is not None else (
        "--format" in args and args[args.index("--format") + 1] == "json")
    if wants_json:
        lines = [line for line in proc.stdout.splitlines() if line.strip()]
        if expect_json:  # a pretty-printed payload (schemas, config): one document, many lines
            lines = [proc.stdout]
        assert len(lines) == 1, f"expected exactly one JSON document on stdout, got:\n{proc.stdout}\n{proc.stderr}"
        result.doc = json.loads(lines[0])
        if isinstance(result.doc, dict) and result.doc.get("schema") == RESULT_SCHEMA_ID:
            validate_result(result.doc)
            assert result.doc["exit_code"] == proc.returncode
    if "-v" not in args and "--verbose" not in args:
        assert "Traceback" not in proc.stderr, proc.stderr
    return result


class Project:
    """A temporary project directory with its own opsctl.toml and automation modules."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.modules: list[str] = []
        self.extra_config = ""
        self.extra_env: dict[str, str] = {}  # e.g. OPSCTL_STORE_URL of the backend under test

    def env(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        return clean_env(self.root / ".home", {**self.extra_env, **(extra or {})})

    def add_module(self, name: str, source: str) -> None:
        (self.root / f"{name}.py").write_text(textwrap.dedent(source))
        if name not in self.modules:
            self.modules.append(name)
        self.write_config()

    def write_config(self, extra: str | None = None) -> None:
        if extra is not None:
            self.extra_config = textwrap.dedent(extra)
        mods = ", ".join(json.dumps(m) for m in self.modules)
        (self.root / "opsctl.toml").write_text(
            f'automations = [{mods}]\npython_path = ["."]\n{self.extra_config}')

    def run(self, *args: str, **kwargs: Any) -> CLIResult:
        if kwargs.get("env") is None:
            kwargs["env"] = self.env()
        return run_opsctl(*args, cwd=self.root, **kwargs)

    @property
    def db(self) -> Path:
        return self.root / ".opsctl" / "state.db"


def forge_audit_event_past_head(project: Project) -> None:
    """Append a copy of the last audit event past the audit head, outside opsctl: the trail
    then refuses every further event (exit 3) until it is removed."""
    from opsctl.store.sql import open_store

    store = open_store(project.extra_env.get("OPSCTL_STORE_URL") or f"sqlite:///{project.db}")
    try:
        with store.transaction():
            store._execute("INSERT INTO audit_events SELECT seq + 1, id || '-forged', at, kind, "
                           "run_id, plan_id, actor, payload_json, hash, hash FROM audit_events "
                           "WHERE seq = (SELECT MAX(seq) FROM audit_events)")
    finally:
        store.close()


PAUSE_HOOK = """
import os
if os.environ.get("PAUSE_BEFORE"):
    import importlib, time
    from pathlib import Path
    module_name, name = os.environ["PAUSE_BEFORE"].split(":")
    module = importlib.import_module(module_name)
    original = getattr(module, name)

    def paused(*args, **kwargs):
        Path("paused").touch()
        while not Path("go").exists():
            time.sleep(0.02)
        return original(*args, **kwargs)

    setattr(module, name, paused)
"""


@contextmanager
def paused_before(project: Project, function: str, *args: str,
                  env: dict[str, str] | None = None) -> Iterator[subprocess.Popen[str]]:
    """``opsctl ARGS`` (in ``env``), held before it calls ``function`` (``module:name``) until
    the block ends: yields the process, stopped at that moment, for a race lined up there."""
    (project.root / "sitecustomize.py").write_text(PAUSE_HOOK)
    path = os.pathsep.join(p for p in (str(project.root), os.environ.get("PYTHONPATH")) if p)
    env = {**(env if env is not None else project.env()), "PAUSE_BEFORE": function,
           "PYTHONPATH": path}
    proc = subprocess.Popen([OPSCTL, *args], cwd=project.root, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while not (project.root / "paused").exists():
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the command never reached its pause"
            time.sleep(0.05)
        yield proc
    finally:
        (project.root / "go").touch()
        if proc.poll() is None:
            proc.wait(timeout=120)


def wait_for_stopping(proc: subprocess.Popen[str]) -> str:
    """Read a run's JSON log on its stderr (a pipe) until it says it took a stop signal: the
    signal's handler has run. A loaded machine may run it later than any fixed pause, and a
    second signal sent before the first is handled merges with it (the run then waits out
    its whole stop grace). Returns the log read so far."""
    assert proc.stderr is not None
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if '"run.stopping"' in line:
            return "".join(seen)
    raise AssertionError(f"the run never logged its stop: {''.join(seen)}")


POSTGRES_URL = os.environ.get("OPSCTL_TEST_POSTGRES_URL")


def postgres_schema_url() -> Any:
    """A fresh schema in the test PostgreSQL, as a store URL; dropped afterwards."""
    import uuid
    from urllib.parse import quote

    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests need OPSCTL_TEST_POSTGRES_URL (postgresql://...)")
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in POSTGRES_URL else "?"
    try:
        yield f"{POSTGRES_URL}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_project(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    """A project whose store is embedded SQLite, or a fresh PostgreSQL schema."""
    root = tmp_path / "proj"
    root.mkdir()
    project = Project(root)
    if request.param == "postgresql":
        for url in postgres_schema_url():
            project.extra_env["OPSCTL_STORE_URL"] = url
            yield project
        return
    yield project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    root = tmp_path / "proj"
    root.mkdir()
    return Project(root)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """With OPSCTL_TEST_REQUIRE_SERVICES=1 (set by .ci/run), a skipped test is a failed test."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("OPSCTL_TEST_REQUIRE_SERVICES") == "1":
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where every service must be available: {reason}"


PROMPT = "Only 'yes' applies: "


def run_on_terminal(args: list[str], cwd: Path, answer: str | None = None,
                    extra_env: dict[str, str] | None = None, stdout: IO[str] | None = None,
                    timeout: float = 60,
                    before_answer: Callable[[], None] | None = None,
                    signal_at_prompt: int | None = None) -> tuple[int, str]:
    """Run opsctl on a pty (stdout too, unless given); when the prompt shows, type ``answer``
    (None: end of input), or send it ``signal_at_prompt`` instead. Returns the exit code and
    everything the terminal showed."""
    leader, follower = pty.openpty()
    env = clean_env(cwd / ".home", {"COLUMNS": "160", "TERM": "xterm", **(extra_env or {})})
    proc = subprocess.Popen([OPSCTL, *args], cwd=cwd, env=env, stdin=follower,
                            stdout=stdout or follower, stderr=follower, close_fds=True)
    os.close(follower)
    screen = b""
    answered = False
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 1.0)
        if not ready:
            if proc.poll() is not None:
                break
            continue
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        screen += data
        if not answered and PROMPT.encode() in screen:
            answered = True
            if before_answer is not None:
                before_answer()
            if signal_at_prompt is not None:
                proc.send_signal(signal_at_prompt)
            else:
                os.write(leader, b"\x04" if answer is None else answer.encode() + b"\n")
    else:
        proc.kill()
    os.close(leader)
    return proc.wait(timeout=timeout), screen.decode(errors="replace")


def start_on_own_terminal(args: list[str], cwd: Path,
                          env: dict[str, str]) -> tuple[subprocess.Popen[bytes], int]:
    """Start opsctl in a session of its own whose controlling terminal is a new pty (as a
    login shell's command is); returns it and the pty's leader, which closing hangs up."""
    import fcntl
    import termios

    leader, follower = pty.openpty()

    def take_the_terminal() -> None:
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    proc = subprocess.Popen([OPSCTL, *args], cwd=cwd, env=env, stdin=follower, stdout=follower,
                            stderr=follower, start_new_session=True,
                            preexec_fn=take_the_terminal)
    os.close(follower)
    return proc, leader


def read_terminal_until(leader: int, wanted: bytes, timeout: float = 60) -> bytes:
    """What the terminal showed, up to ``wanted`` (or the timeout)."""
    screen = b""
    deadline = time.monotonic() + timeout
    while wanted not in screen and time.monotonic() < deadline:
        if select.select([leader], [], [], 1.0)[0]:
            try:
                screen += os.read(leader, 65536)
            except OSError:
                break
    return screen


def run_in_terminal(args: list[str], cwd: Path, timeout: float = 60,
                    extra_env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run opsctl with stdout and stderr on a pseudo-terminal (no prompt answered: end of
    input); return its exit code and screen."""
    return run_on_terminal(args, cwd, None, timeout=timeout, extra_env=extra_env)
