"""Losing the store under a running apply: exit 4 with a result document, then a clean resume.

The faults are real: a SQLite state dir on a 2 MB tmpfs that fills up, and a PostgreSQL
connection through a TCP proxy that is killed. The apply pauses inside one action (it waits
for a file) so the fault lands at a known point: after some actions were journaled, before
the rest.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from opsctl.store.sql import open_store
from tests.conftest import OPSCTL, Project, postgres_schema_url, validate_result
from tests.tcp_proxy import TCPProxy

GATED = '''
import os, time
from pathlib import Path
from pydantic import BaseModel, Field
from opsctl import Action, Automation

class Request(BaseModel):
    targets: list[str] = Field(default_factory=lambda: ["a", "b", "c", "d"])
    pause_at: str = ""

gated = Automation("gated", version="1.0.0", owner="o", summary="Pauses inside one action",
                   request=Request, lock_scope=())

def done():
    try:
        return set(Path("effects.log").read_text().split())
    except FileNotFoundError:
        return set()

@gated.plan
def plan(ctx, req):
    for t in req.targets:
        if t not in done():
            yield Action(id=f"t-{t}", kind="create", target=t, reason="missing", data={"t": t})

@gated.apply
def apply(ctx, req, action):
    t = action.data["t"]
    if t == req.pause_at:
        Path(f"waiting-{t}").write_text("")
        while not Path("go").exists():
            time.sleep(0.02)
    fd = os.open("effects.log", os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    os.write(fd, f"{t}\\n".encode())
    os.close(fd)
'''


def effects(project: Project) -> list[str]:
    log = project.root / "effects.log"
    return log.read_text().split() if log.exists() else []


def paused_apply(project: Project, at: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([OPSCTL, "gated", "--pause-at", at, "--format", "json"],
                            cwd=project.root, env=project.env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not (project.root / f"waiting-{at}").exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the apply never reached the pause"
        time.sleep(0.02)
    return proc


def assert_store_failure(proc: subprocess.Popen[str]) -> dict:
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 4, err
    assert "Traceback" not in err, err
    assert "opsctl: error:" in err or '"level": "error"' in err
    doc = json.loads(out)
    validate_result(doc)
    assert doc["exit_code"] == 4
    assert doc["status"] == "failed"
    assert doc["error"]["type"] == "dependency_unavailable"
    assert doc["error"]["retryable"] is True
    assert doc["artifacts"]["store"]["recorded"] is False
    assert any("not recorded in the store" in w for w in doc["warnings"])
    return doc


def assert_stopped_at_the_failure(project: Project, doc: dict, journal: str) -> None:
    """Strict mode sees the failure at the next action boundary: d is never started. Group
    mode commits every 50 ms or 256 records, so it may apply d before its commit fails."""
    applied = [a["id"] for a in doc["plan"]["actions"] if a["status"] == "applied"]
    if journal == "strict":
        assert effects(project) == ["a", "b", "c"]
    else:
        assert effects(project)[:3] == ["a", "b", "c"]
    assert applied == [f"t-{t}" for t in effects(project)]  # what this process knew


def assert_resumes_cleanly(project: Project, failed: dict, *how: str) -> None:
    rerun = project.run(*how, "--format", "json")
    assert rerun.code == 0, rerun.stderr
    assert rerun.doc["run_id"] == failed["run_id"]  # the failed run is finished, not repeated
    assert sorted(effects(project)) == ["a", "b", "c", "d"]  # each effect exactly once
    runs = project.run("runs", "--format", "json", expect_json=True).doc["runs"]
    assert [r["id"] for r in runs] == [failed["run_id"]]
    # group mode may have lost every record of the actions it applied: the resumed run then
    # finds them done by re-planning ("unchanged"), which is the trade-off group mode makes
    assert runs[0]["status"] in ("succeeded", "no_changes")
    assert project.run("locks", "--format", "json", expect_json=True).doc["locks"] == []
    assert project.run("audit", "verify").code == 0


@pytest.fixture
def tmpfs_state(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs for the state dir (mounting needs root: CI runs as root)."""
    if os.geteuid() != 0:
        pytest.skip("filling a disk for real needs a tmpfs, and mounting one needs root")
    mount = tmp_path / "statefs"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(directory: Path) -> Path:
    filler = directory / "filler"
    # unbuffered: a buffered file would retry its refused bytes on close, and raise there
    with open(filler, "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
        except OSError:
            pass
    # the last partial block: write byte by byte until the device refuses
    with open(filler, "ab", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 512)
        except OSError:
            pass
    return filler


@pytest.mark.parametrize("journal", ["strict", "group"])
def test_disk_full_under_an_apply_exits_4_with_a_result_and_resumes(project: Project,
                                                                  tmpfs_state: Path,
                                                                  journal: str) -> None:
    project.add_module("gated_auto", GATED)
    project.extra_env["OPSCTL_STATE_DIR"] = str(tmpfs_state / "state")
    project.extra_env["OPSCTL_JOURNAL_MODE"] = journal
    proc = paused_apply(project, "c")
    filler = fill(tmpfs_state)
    (project.root / "go").write_text("")
    doc = assert_store_failure(proc)
    assert "full" in doc["error"]["message"]
    assert_stopped_at_the_failure(project, doc, journal)
    filler.unlink()
    assert_resumes_cleanly(project, doc, "gated", "--pause-at", "c")  # the same command again


def test_a_full_disk_at_the_first_run_leaves_no_empty_signing_key(project: Project,
                                                                 tmpfs_state: Path) -> None:
    """The plan-signing key is written whole or not at all: a full disk once left an empty
    key file, and every later plan was signed with the empty key."""
    project.add_module("gated_auto", GATED)
    state = tmpfs_state / "state"
    state.mkdir(mode=0o700)
    project.extra_env["OPSCTL_STATE_DIR"] = str(state)
    filler = fill(tmpfs_state)
    full = project.run("plan", "gated", "--out", str(project.root / "plan.json"),
                       "--format", "json")
    assert full.code == 4, full.stderr
    assert "Traceback" not in full.stderr and "internal error" not in full.stderr
    assert not (state / "plan-signing.key").exists()
    filler.unlink()
    again = project.run("plan", "gated", "--out", str(project.root / "plan.json"))
    assert again.code == 10, again.stderr
    assert len((state / "plan-signing.key").read_bytes().strip()) == 64


def test_a_full_disk_refusing_the_signing_key_is_exit_4_to_retry(project: Project,
                                                                 tmpfs_state: Path) -> None:
    """The store has room, the state dir's disk has none: the plan-signing key cannot be
    written. A full disk is a failure to retry (exit 4), as it is for the store, not a setting
    to fix (it was exit 2, which a CI retry on exit 4 gives up on)."""
    project.add_module("gated_auto", GATED)
    state = tmpfs_state / "state"
    state.mkdir(mode=0o700)
    project.extra_env["OPSCTL_STATE_DIR"] = str(state)
    project.extra_env["OPSCTL_STORE_URL"] = f"sqlite:///{project.root / 'store.db'}"
    filler = fill(tmpfs_state)
    plan = project.root / "plan.json"

    full = project.run("plan", "gated", "--out", str(plan), "--format", "json")

    assert full.code == 4, full.stderr
    assert full.doc["error"]["type"] == "dependency_unavailable"
    assert full.doc["error"]["retryable"] is True
    assert "plan-signing.key" in full.doc["error"]["message"]
    assert "No space left" in full.doc["error"]["message"]
    assert not plan.exists()
    assert not (state / "plan-signing.key").exists()
    filler.unlink()
    again = project.run("plan", "gated", "--out", str(plan))
    assert again.code == 10, again.stderr
    assert plan.exists()


def test_a_full_disk_refusing_the_plan_file_is_exit_4_to_retry(project: Project,
                                                               tmpfs_state: Path) -> None:
    """`plan --out` onto a disk that is full: exit 4, retryable, and no saved plan, no
    temporary file left (it was exit 2, as if the path given were wrong)."""
    project.add_module("gated_auto", GATED)
    filler = fill(tmpfs_state)
    plan = tmpfs_state / "plan.json"

    full = project.run("plan", "gated", "--out", str(plan), "--format", "json")

    assert full.code == 4, full.stderr
    assert full.doc["error"]["type"] == "dependency_unavailable"
    assert full.doc["error"]["retryable"] is True
    assert full.doc["error"]["message"] == (f"cannot write plan file {plan}: "
                                            "No space left on device")
    assert sorted(p.name for p in tmpfs_state.iterdir()) == ["filler"]
    store = open_store(f"sqlite:///{project.db}")
    try:
        assert store._rows("SELECT COUNT(*) AS n FROM plans")[0]["n"] == 0
    finally:
        store.close()
    filler.unlink()
    again = project.run("plan", "gated", "--out", str(plan))
    assert again.code == 10, again.stderr
    assert plan.exists()


def test_audit_verify_on_a_full_disk_gives_its_verdict_without_a_checkpoint(
        project: Project, tmpfs_state: Path) -> None:
    """The trail is read whole and intact; only the checkpoint a passing verify records does
    not fit on the disk. The verdict stands (exit 0) with a warning, as for an auditor's role
    that may not write (it was exit 4, the store failed, and no verdict at all)."""
    project.add_module("gated_auto", GATED)
    state = tmpfs_state / "state"
    project.extra_env["OPSCTL_STATE_DIR"] = str(state)
    (project.root / "go").write_text("")
    assert project.run("gated").code == 0
    # the store held open meanwhile, as a server holds it: its -wal and -shm files exist
    server = open_store(f"sqlite:///{state / 'state.db'}")
    try:
        filler = fill(tmpfs_state)

        full = project.run("audit", "verify")

        assert full.code == 0, full.stderr
        assert full.stdout.startswith("audit trail intact: ")
        assert "warning: no checkpoint recorded (" in full.stdout
        assert "database or disk is full" in full.stdout
        filler.unlink()
        assert server._rows("SELECT COUNT(*) AS n FROM audit_checkpoints")[0]["n"] == 0
    finally:
        server.close()
    again = project.run("audit", "verify")
    assert again.code == 0, again.stderr
    assert "no checkpoint recorded" not in again.stdout
    store = open_store(f"sqlite:///{state / 'state.db'}")
    try:
        assert store._rows("SELECT COUNT(*) AS n FROM audit_checkpoints")[0]["n"] == 1
    finally:
        store.close()


def test_an_empty_signing_key_file_is_refused(project: Project) -> None:
    project.add_module("gated_auto", GATED)
    state = project.root / ".opsctl"
    state.mkdir(mode=0o700, exist_ok=True)
    (state / "plan-signing.key").write_bytes(b"")
    r = project.run("plan", "gated", "--out", str(project.root / "plan.json"))
    assert r.code == 2
    assert "plan-signing key" in r.stderr and "is empty" in r.stderr
    assert not (project.root / "plan.json").exists()


@pytest.fixture
def proxied_postgres(project: Project) -> Iterator[tuple[Project, TCPProxy, str]]:
    for url in postgres_schema_url():
        parts = urlsplit(url)
        proxy = TCPProxy(parts.hostname or "127.0.0.1", parts.port or 5432)
        via_proxy = urlunsplit(parts._replace(netloc=f"127.0.0.1:{proxy.port}"))
        project.extra_env["OPSCTL_STORE_URL"] = via_proxy
        try:
            yield project, proxy, url
        finally:
            proxy.kill()


@pytest.mark.parametrize("journal", ["strict", "group"])
def test_postgres_lost_under_an_apply_exits_4_with_a_result_and_resumes(
        proxied_postgres: tuple[Project, TCPProxy, str], journal: str) -> None:
    project, proxy, direct_url = proxied_postgres
    project.add_module("gated_auto", GATED)
    project.extra_env["OPSCTL_JOURNAL_MODE"] = journal
    proc = paused_apply(project, "c")
    proxy.kill()
    (project.root / "go").write_text("")
    doc = assert_store_failure(proc)
    assert_stopped_at_the_failure(project, doc, journal)
    project.extra_env["OPSCTL_STORE_URL"] = direct_url  # the server is back
    assert_resumes_cleanly(project, doc, "resume", doc["run_id"])


def test_postgres_that_stops_answering_under_an_apply_exits_4_not_a_hang(
        proxied_postgres: tuple[Project, TCPProxy, str]) -> None:
    """A server (or a proxy, a pooler) that keeps the connection open and answers nothing:
    the statement waiting on it is cut after the lease's time to live (at least 10 s) and
    the run exits 4 as for a lost store, rather than hanging with its lease running out."""
    project, proxy, direct_url = proxied_postgres
    project.add_module("gated_auto", GATED)
    project.extra_env["OPSCTL_LOCK_TTL"] = "5s"
    proc = paused_apply(project, "c")
    proxy.freeze()
    began = time.monotonic()
    (project.root / "go").write_text("")
    doc = assert_store_failure(proc)
    assert time.monotonic() - began < 45
    assert "no answer from the server for 10s" in doc["error"]["message"]
    project.extra_env["OPSCTL_STORE_URL"] = direct_url
    assert_resumes_cleanly(project, doc, "resume", doc["run_id"])


def test_postgres_unreachable_before_a_run_exits_4_and_writes_nothing(
        proxied_postgres: tuple[Project, TCPProxy, str]) -> None:
    project, proxy, _ = proxied_postgres
    project.add_module("gated_auto", GATED)
    proxy.kill()
    result = project.run("gated", "--format", "json")
    assert result.code == 4
    assert result.doc["error"]["type"] == "dependency_unavailable"
    assert effects(project) == []


@pytest.mark.parametrize("command", [
    pytest.param(["runs", "--format", "json"], id="runs"),
    pytest.param(["approve", "plan_01", "--reason", "ok", "--format", "json"], id="approve"),
    pytest.param(["token", "list", "--format", "json"], id="token-list"),
])
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_while_postgres_does_not_answer_stops_the_command_at_once(
        proxied_postgres: tuple[Project, TCPProxy, str], command: list[str],
        signum: int) -> None:
    """Reaching the store is a wait with nothing in flight: Ctrl-C (or SIGTERM) while a
    PostgreSQL server does not answer ends the command at once, exit 130, as it ends a wait
    for a lock (was: a graceful stop of no run, the connect timeout waited out, then exit 4
    'unreachable')."""
    project, proxy, _ = proxied_postgres
    project.add_module("gated_auto", GATED)
    proxy.freeze()
    proc = subprocess.Popen([OPSCTL, *command], cwd=project.root, env=project.env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while proxy.connections() == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proxy.connections() > 0, "opsctl never tried the store"
    time.sleep(0.3)
    proc.send_signal(signum)
    sent = time.monotonic()
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert time.monotonic() - sent < 5, err
    assert "Traceback" not in err and "unreachable" not in err
    doc = json.loads(out)
    validate_result(doc)
    assert doc["status"] == "cancelled"


def test_a_full_disk_leaves_no_half_written_contract_lock_beside_it(
        tmpfs_state: Path, tmp_path: Path) -> None:
    """`opsctl contract lock` on a full disk is exit 2 naming the lock, and leaves no
    temporary file beside it for `git add -A` to commit (was: an empty
    `opsctl.contracts.json.tmpPID` in the project)."""
    from tests.e2e.test_contract_cli import opsctl_contract, write_automation

    project = Project(tmpfs_state / "proj")
    project.root.mkdir()
    project.extra_env["OPSCTL_STATE_DIR"] = str(tmp_path / "state")  # the store has room
    write_automation(project)
    fill(tmpfs_state)
    result = opsctl_contract(project, "lock")
    assert result.code == 2, result.stderr
    assert "cannot write contract lock" in result.stderr
    assert "No space left on device" in result.stderr
    assert sorted(p.name for p in project.root.iterdir()
                  if not p.name.startswith((".", "__"))) == ["opsctl.toml", "release_tag_auto.py"]
