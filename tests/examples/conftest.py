"""Fixtures for the example automations: a project that registers one example, git repositories,
and a moto server running as a real subprocess."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CLIResult, Project, clean_env

REPO_ROOT = Path(__file__).resolve().parents[2]

# A git identity for test commits and for the opsctl subprocess, and no machine-wide git config.
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Release Bot", "GIT_AUTHOR_EMAIL": "release-bot@example.com",
    "GIT_COMMITTER_NAME": "Release Bot", "GIT_COMMITTER_EMAIL": "release-bot@example.com",
    "GIT_CONFIG_NOSYSTEM": "1",
}


_OUTER_AWS = ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_REGION",
              "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION")


class ExampleProject(Project):
    """A temporary project whose opsctl.toml registers one module of the repository's examples/."""

    def __init__(self, root: Path, module: str) -> None:
        super().__init__(root)
        self.module = module
        self.home = root / ".home"
        self.home.mkdir(exist_ok=True)
        self.env_extra: dict[str, str] = {}
        self.write_config()

    def write_config(self, extra: str | None = None) -> None:
        if extra is not None:
            self.extra_config = extra
        (self.root / "opsctl.toml").write_text(
            f"automations = [{json.dumps(self.module)}]\n"
            f"python_path = [{json.dumps(str(REPO_ROOT))}]\n{self.extra_config}")

    def env(self, **extra: str) -> dict[str, str]:
        # no __pycache__ written into the repository's examples/ by the opsctl subprocesses
        env = clean_env(self.home, {"PYTHONDONTWRITEBYTECODE": "1", **self.env_extra, **extra})
        for key in [k for k in env if k.startswith("GIT_") or k in _OUTER_AWS]:
            if key not in self.env_extra and key not in extra:
                del env[key]  # e.g. GIT_DIR of a hook running the tests, a developer's AWS_PROFILE
        return env

    def run(self, *args: str, **kwargs: Any) -> CLIResult:
        kwargs.setdefault("env", self.env())
        return super().run(*args, **kwargs)


@pytest.fixture
def example_project(tmp_path: Path) -> Iterator[Any]:
    """``example_project("examples.cleanup_files")`` → an ExampleProject in tmp_path/proj."""
    def make(module: str) -> ExampleProject:
        root = tmp_path / "proj"
        root.mkdir()
        return ExampleProject(root, module)

    yield make


def import_example(module: str) -> Any:
    """Import an example module of the repository in the test process (for in-process tests)."""
    import importlib

    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    return importlib.import_module(module)


# -- git ---------------------------------------------------------------------------------------------

class GitRepo:
    """A real git repository with real commits, driven by the git CLI."""

    def __init__(self, path: Path, home: Path) -> None:
        self.path = path
        self.env = {**{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
                    "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), **GIT_IDENTITY}
        self._counter = 0
        path.mkdir(parents=True, exist_ok=True)
        home.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        proc = subprocess.run(["git", *args], cwd=self.path, env=self.env, capture_output=True,
                              text=True, timeout=30)
        assert proc.returncode == 0, f"git {' '.join(args)} failed: {proc.stderr}"
        return proc.stdout.strip()

    def commit(self, message: str, path: str | None = None) -> str:
        """Commit a change to ``path`` (a fresh file by default); returns the new HEAD sha."""
        self._counter += 1
        target = self.path / (path or f"file{self._counter}.txt")
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("a") as fh:
            fh.write(f"change {self._counter}\n")
        self.git("add", "--", str(target.relative_to(self.path)))
        self.git("commit", "-q", "-m", message)
        return self.head()

    def head(self) -> str:
        return self.git("rev-parse", "HEAD")

    def tags(self) -> list[str]:
        return sorted(self.git("tag", "--list").split())

    def tag(self, name: str, ref: str = "HEAD") -> None:
        self.git("tag", "-a", name, "-m", f"Release {name}", ref)

    def status(self) -> str:
        return self.git("status", "--porcelain")

    def subject(self, ref: str = "HEAD") -> str:
        return self.git("log", "-1", "--format=%s", ref)


@pytest.fixture
def git_repo(tmp_path: Path) -> GitRepo:
    return GitRepo(tmp_path / "repo", tmp_path / "git-home")


# -- moto --------------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(url: str, proc: subprocess.Popen[bytes], deadline: float) -> None:
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"moto server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/moto-api/data.json", timeout=1):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise RuntimeError(f"moto server at {url} did not answer in time")


@pytest.fixture(scope="session")
def moto_server() -> Iterator[str]:
    """moto in server mode as a real subprocess on a free local port (one per test worker)."""
    pytest.importorskip("moto.server")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "moto.server", "-p", str(port), "-H", "127.0.0.1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until_up(url, proc, time.monotonic() + 30)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def moto(moto_server: str) -> str:
    """The moto server's URL, with every emulated resource removed before the test."""
    request = urllib.request.Request(f"{moto_server}/moto-api/reset", method="POST", data=b"")
    with urllib.request.urlopen(request, timeout=10) as resp:
        assert resp.status == 200
    return moto_server


def aws_env(home: Path, endpoint: str) -> dict[str, str]:
    """What the opsctl subprocess sees: fake credentials, the endpoint, no shared AWS config."""
    return {
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": str(home / "no-aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(home / "no-aws-credentials"),
        "AWS_EC2_METADATA_DISABLED": "true",
    }
