"""Leases that free themselves, and a store that refuses what it cannot safely be.

A replay takes no lease; a holder on this machine whose process is gone is taken over at once;
a typo in store_url, or a store migrated by a newer opsctl, is refused before anything is
written; state files are owner-only.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import stat
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from opsctl.engine.locks import _machine
from opsctl.store.sql import SQLStore, open_store
from tests.conftest import Project, validate_result
from tests.e2e.test_durable import LEDGER, effects, hold, release, start, wait_for_effects


@pytest.fixture
def ledger(backend_project: Project) -> Project:
    backend_project.add_module("ledger_auto", LEDGER)
    return backend_project


def store_of(project: Project) -> SQLStore:
    url = project.extra_env.get("OPSCTL_STORE_URL") or f"sqlite:///{project.db}"
    return open_store(url)


def lock_events(project: Project, scope: str = "ledger/scope=main") -> list[str]:
    store = store_of(project)
    try:
        return [e["event"] for e in store.lock_events(scope)]
    finally:
        store.close()


def kill_mid_run(project: Project) -> str:
    """SIGKILL an apply after its second effect; the killed run's id."""
    proc = start(project, "ledger", "--slow", "0.3")
    wait_for_effects(project, 2)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=10)
    runs = project.run("runs", "--format", "json", expect_json=True).doc["runs"]
    [killed] = [r["id"] for r in runs if r["status"] == "running"]
    return str(killed)


def _in_a_transaction(project: Project) -> bool:
    """Whether some process holds a lock in the project's store: a transaction is open."""
    url = project.extra_env.get("OPSCTL_STORE_URL")
    if url is None:
        import sqlite3

        try:
            with contextlib.closing(sqlite3.connect(project.db, timeout=0)) as db:
                db.execute("BEGIN EXCLUSIVE")  # no reader either (a rollback journal)
                db.rollback()
            return False
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            return True
    import re
    from urllib.parse import unquote

    import psycopg

    from tests.conftest import POSTGRES_URL

    found = re.search(r"search_path=(\w+)", unquote(url))
    assert found and POSTGRES_URL, url
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %s AND l.pid <> pg_backend_pid()", (found.group(1),)).fetchone()
    return bool(row and row[0])


def stop_between_transactions(project: Project, proc: subprocess.Popen[str]) -> None:
    """SIGSTOP ``proc`` at a moment it holds no transaction of its store open (its heartbeat
    or a group commit may be in one at any moment): stopped inside one, it would keep every
    other process from writing until it goes on ("database is locked" with SQLite; with
    PostgreSQL, a statement waiting on its row locks until the watchdog cuts it)."""
    deadline = time.monotonic() + 30
    while True:
        proc.send_signal(signal.SIGSTOP)
        if not _in_a_transaction(project):
            return
        proc.send_signal(signal.SIGCONT)
        assert time.monotonic() < deadline, "the apply never let go of its store"
        time.sleep(0.05)


def edit_lease(project: Project, **columns: object) -> None:
    store = store_of(project)
    try:
        with store.transaction():
            for column, value in columns.items():
                store._execute(f"UPDATE locks SET {column} = ?", (value,))
    finally:
        store.close()


# -- 1. replays take no lease ------------------------------------------------------------------

def test_a_replayed_key_takes_no_lease_and_prints_a_showable_run(ledger: Project) -> None:
    first = ledger.run("ledger", "--idempotency-key", "deploy-7", "--format", "json")
    assert first.code == 0
    again = ledger.run("ledger", "--idempotency-key", "deploy-7", "--format", "json")
    assert (again.code, again.doc["replayed"]) == (0, True)
    assert ledger.run("locks", "--format", "json", expect_json=True).doc["locks"] == []
    assert lock_events(ledger) == ["acquired", "released"]  # the first run's only
    shown = ledger.run("show", again.doc["run_id"], "--format", "json", expect_json=True)
    assert shown.code == 0
    # the key conflict is reported as such, not hidden behind a leftover lease
    reused = ledger.run("ledger", "--idempotency-key", "deploy-7", "--targets", "z",
                        "--format", "json")
    assert reused.code == 7
    assert "different request" in reused.doc["error"]["message"]
    assert reused.doc["idempotency_key"] == "deploy-7" and reused.doc["request"]["targets"]
    other = ledger.run("ledger", "--idempotency-key", "deploy-8", "--targets", "y")
    assert other.code == 0, other.stderr


def test_a_lock_scope_too_long_to_index_is_invalid_input_on_every_store(ledger: Project) -> None:
    """A PostgreSQL index holds at most 2704 bytes a row: a longer scope value is exit 2
    before the run exists, on SQLite as on PostgreSQL (was: exit 4, 'the state store failed:
    index row size 3032 exceeds btree version 4 maximum 2704', retried in vain)."""
    import secrets

    scope = secrets.token_hex(1500)  # random, so a store cannot compress it below the limit

    refused = ledger.run("ledger", "--scope", scope, "--format", "json")

    assert refused.code == 2, refused.stderr
    assert refused.doc["run_id"] is None
    assert refused.doc["error"]["message"] == (
        "invalid request for ledger: scope: the lock scope these fields make is 3013 bytes, "
        "more than 2000: a lock-scope field names a target; give a shorter value")
    assert effects(ledger) == []
    listed = ledger.run("runs", "--format", "json", expect_json=True)
    assert listed.code == 0 and listed.doc["runs"] == []
    assert ledger.run("ledger", "--scope", "s" * 1900, "--format", "json").code == 0


# -- 2. a dead holder on this machine does not block -------------------------------------------

def test_resume_after_sigkill_takes_the_dead_holders_lease_at_once(ledger: Project) -> None:
    killed = kill_mid_run(ledger)
    began = time.monotonic()
    resumed = ledger.run("resume", killed, "--format", "json")  # lock_ttl is the default 60 s
    assert resumed.code == 0, resumed.stderr
    assert time.monotonic() - began < 30
    assert resumed.doc["run_id"] == killed
    assert sorted(effects(ledger)) == ["main/a", "main/b", "main/c", "main/d"]
    assert lock_events(ledger)[-2:] == ["taken_over", "released"]
    store = store_of(ledger)
    try:
        reasons = [e["reason"] for e in store.lock_events("ledger/scope=main")
                   if e["event"] == "taken_over"]
    finally:
        store.close()
    assert reasons and "is gone" in reasons[0]


def test_another_request_that_takes_a_dead_holders_lease_ends_its_run(ledger: Project) -> None:
    """A killed run that no one resumes does not show ``running`` for ever once another request
    took its lease: it ends cancelled (exit 130), saying why, and stays resumable."""
    killed = kill_mid_run(ledger)
    other = ledger.run("ledger", "--targets", "x", "--format", "json")
    assert other.code == 0, other.stderr
    assert "run.abandoned" in other.stderr and killed in other.stderr
    runs = {r["id"]: r for r in ledger.run("runs", "--format", "json", expect_json=True).doc["runs"]}
    assert (runs[killed]["status"], runs[killed]["exit_code"]) == ("cancelled", 130)
    shown = ledger.run("show", killed, "--format", "json", expect_json=True).doc
    message = shown["result"]["error"]["message"] if "result" in shown else shown["error"]["message"]
    assert other.doc["run_id"] in message and f"opsctl resume {killed}" in message
    # its result says what its journal holds: the request, the actions applied, its start
    result = shown["result"]
    validate_result(result)
    assert result["request"] is not None and result["summary"]["applied"] >= 1
    journaled = {a["action_id"]: a["status"] for a in shown["actions"]}
    assert {a["id"]: a["status"] for a in result["plan"]["actions"]} == {
        action: ("interrupted" if status == "started" else status)
        for action, status in journaled.items()}
    assert result["timing"]["started_at"] == runs[killed]["started_at"]
    # its audit trail says so too: each action its journal holds applied, then its end
    applied = sorted(a for a, status in journaled.items() if status == "applied")
    assert audit_of(ledger, killed) == [("action.applied", a) for a in applied] + [
        ("run.finished", "cancelled")]
    resumed = ledger.run("resume", killed, "--format", "json")
    assert (resumed.code, resumed.doc["run_id"]) == (0, killed), resumed.stderr
    assert sorted(effects(ledger)) == ["main/a", "main/b", "main/c", "main/d", "main/x"]
    trail = audit_of(ledger, killed)  # resumed: every action once, and its own end
    assert sorted(a for kind, a in trail if kind == "action.applied") == sorted(journaled)
    assert [e for e in trail if e[0] == "run.finished"] == [("run.finished", "cancelled"),
                                                            ("run.finished", "succeeded")]
    assert ledger.run("audit", "verify").code == 0


def audit_of(project: Project, run_id: str) -> list[tuple[str, str]]:
    """The run's action and end events in the audit trail: (kind, action id or status)."""
    from opsctl.store.audit import iter_events

    store = store_of(project)
    try:
        return [(e.kind, str(e.payload.get("action") or e.payload.get("status")))
                for e in iter_events(store, run_id=run_id)
                if e.kind in ("action.applied", "action.failed", "run.finished")]
    finally:
        store.close()


VAULT = """
import time
from pathlib import Path
from pydantic import BaseModel
from opsctl import Action, Automation, Secret

class Request(BaseModel):
    env: str = "dev"
    token: Secret
    slow: float = 0.0

vault = Automation("vault", version="1.0.0", owner="o", summary="s", request=Request,
                   lock_scope=("env",))

@vault.plan
def plan(ctx, req):
    for i in range(4):
        yield Action(id=f"k{i}", kind="update", target=f"key-{i}", reason="old")

@vault.apply
def apply(ctx, req, action):
    Path("applying").write_text(action.id)
    while Path("hold").exists():  # until the test lets it go
        time.sleep(0.02)
    time.sleep(req.slow)
"""


def test_a_run_ended_by_a_takeover_shows_its_secret_request_fields_masked(
        backend_project: Project) -> None:
    """The result of a run ended because another request took its dead holder's lease says
    ``***`` for a secret field, as every result does, not the stored request's digest."""
    backend_project.add_module("vault_auto", VAULT)
    env = backend_project.env({"OPSCTL_SECRET_TOKEN": "s3cret-token-value"})
    # held inside its first action until killed: polling for a started run with a command
    # per look, a loaded machine could find it only once the whole apply had succeeded
    (backend_project.root / "hold").write_text("")
    proc = start(backend_project, "vault", "--slow", "0.4", env=env)
    deadline = time.monotonic() + 30
    while not (backend_project.root / "applying").exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the apply never started an action"
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=10)
    (backend_project.root / "hold").unlink()
    [run] = backend_project.run("runs", "--format", "json", expect_json=True).doc["runs"]
    killed = run["id"]
    other = backend_project.run("vault", "--slow", "0", "--format", "json", env=env)
    assert other.code == 0, other.stderr
    shown = backend_project.run("show", killed, "--format", "json", expect_json=True).doc
    assert (shown["status"], shown["exit_code"]) == ("cancelled", 130)
    result = shown["result"]
    validate_result(result)
    assert result["request"] == {"env": "dev", "slow": 0.4, "token": "***"}
    assert result["request"] == other.doc["request"] | {"slow": 0.4}


def test_a_run_whose_lease_ran_out_elsewhere_ends_saying_so(ledger: Project) -> None:
    """A holder on another machine cannot be checked: once its lease ran out and another
    request took the scope, its run ends cancelled, the message saying the lease ran out (its
    process may still exist; its journal writes are fenced off)."""
    from datetime import UTC, datetime, timedelta

    killed = kill_mid_run(ledger)
    edit_lease(ledger, host="build-7", process="boot=another-machine,pidns=1/pid=4242/start=1",
               expires_at=(datetime.now(UTC) - timedelta(seconds=5)).isoformat())
    other = ledger.run("ledger", "--targets", "x", "--format", "json")
    assert other.code == 0, other.stderr
    shown = ledger.run("show", killed, "--format", "json", expect_json=True).doc
    message = shown["result"]["error"]["message"] if "result" in shown else shown["error"]["message"]
    assert "lease ran out" in message and "build-7" in message, message
    assert shown.get("status", shown.get("result", {}).get("status")) == "cancelled"


def test_a_stalled_run_resumed_elsewhere_stops_with_exit_7_and_records_nothing(
        ledger: Project) -> None:
    """A holder stopped past its lease (SIGSTOP, a swapped-out VM) while the same command
    resumed its run in another process: when it wakes, its journal write is fenced off and it
    exits 7 without a word more in the store (its events would take the other's numbers, its
    result would overwrite the other's), and starts no other action. The action it was in
    finishes its own effect: fencing guards the journal, not the world outside (an effect that
    must not happen twice checks first: docs/durability.md)."""
    env = {**ledger.env(), "OPSCTL_LOCK_TTL": "2s"}
    # stopped inside b, its "started" committed and no transaction open (a pause after a's
    # effect guessed at that moment: a loaded machine could be past b, or still journaling)
    stalled = hold(ledger, "--slow", "0.3", env=env)
    stop_between_transactions(ledger, stalled)
    try:
        time.sleep(3)  # past the lease: no heartbeat renews it
        release(ledger)  # for the run resumed here (the stalled one sees it when it wakes)
        again = ledger.run("ledger", "--pause-at", "b", "--slow", "0.3", "--format", "json",
                           env=env)
        assert again.code == 0, again.stderr
    finally:
        stalled.send_signal(signal.SIGCONT)
    out, err = stalled.communicate(timeout=30)
    assert stalled.returncode == 7, err
    assert "internal error" not in err and "Traceback" not in err
    assert "was resumed by another process" in out + err or "was lost" in err
    done = effects(ledger)
    assert sorted(set(done)) == ["main/a", "main/b", "main/c", "main/d"]
    assert [done.count(t) for t in ("main/a", "main/c", "main/d")] == [1, 1, 1]
    shown = ledger.run("show", again.doc["run_id"], "--format", "json", expect_json=True).doc
    assert shown["status"] == "succeeded"


def test_a_stalled_run_in_group_mode_starts_no_action_once_another_run_took_its_scope(
        ledger: Project) -> None:
    """Group mode commits an action's "started" record after the action starts, so the fence
    of that write cannot stop it. A holder that wakes after another run took its scope still
    finishes the actions it was in (docs/durability.md), but starts none after them: it sees
    that its lease was not renewed for a whole TTL and reads the fence first (exit 7)."""
    env = {**ledger.env(), "OPSCTL_LOCK_TTL": "2s", "OPSCTL_JOURNAL_MODE": "group"}
    targets = [f"t{i}" for i in range(20)]
    stalled = start(ledger, "ledger", "--slow", "0.5", "--concurrency", "2",
                    *[a for t in targets for a in ("--targets", t)], env=env)
    wait_for_effects(ledger, 2)
    stop_between_transactions(ledger, stalled)
    try:
        time.sleep(0.3)
        before = len(effects(ledger))
        other = ledger.run("ledger", "--targets", "other", "--wait-lock", "30s",
                           "--format", "json", env=env)
        assert other.code == 0, other.stderr  # it took the scope once the lease ran out
    finally:
        stalled.send_signal(signal.SIGCONT)
    _, err = stalled.communicate(timeout=30)
    assert stalled.returncode == 7, err
    assert "was lost" in err
    mine = [e for e in effects(ledger) if e.startswith("main/t")]
    assert len(mine) == len(set(mine))
    assert len(mine) <= before + 2, (before, mine)  # only the two it was in when it stopped


def test_the_same_request_after_a_kill_resumes_the_run_rather_than_ending_it(
        ledger: Project) -> None:
    killed = kill_mid_run(ledger)
    again = ledger.run("ledger", "--slow", "0.3", "--format", "json")  # kill_mid_run's request
    assert (again.code, again.doc["run_id"]) == (0, killed), again.stderr
    assert "run.abandoned" not in again.stderr


def test_a_holder_on_another_machine_waits_for_its_ttl(ledger: Project) -> None:
    killed = kill_mid_run(ledger)
    from datetime import UTC, datetime, timedelta

    # live for an hour while the first resume looks (a lease 3 s ahead could run out before
    # a loaded machine started it), then 3 s ahead for the one that waits
    edit_lease(ledger, host="build-7", process="boot=another-machine,pidns=1/pid=4242/start=1",
               expires_at=(datetime.now(UTC) + timedelta(hours=1)).isoformat())
    busy = ledger.run("resume", killed, "--format", "json")
    assert busy.code == 7
    assert "build-7" in busy.doc["error"]["message"]
    soon = time.time() + 3
    edit_lease(ledger, expires_at=datetime.fromtimestamp(soon, UTC).isoformat())
    waited = ledger.run("resume", killed, "--wait-lock", "30s", "--format", "json")
    assert waited.code == 0, waited.stderr
    assert time.time() >= soon  # it took the lease once it ran out, not before
    assert sorted(effects(ledger)) == ["main/a", "main/b", "main/c", "main/d"]


def test_locks_marks_a_lease_past_its_expiry(ledger: Project) -> None:
    """A holder on another machine that stopped renewing: `opsctl locks` still lists its lease
    (the next run takes it over), marked expired (was: listed as held, nothing to tell)."""
    kill_mid_run(ledger)
    from datetime import UTC, datetime, timedelta

    past = (datetime.now(UTC) - timedelta(seconds=5)).isoformat()
    edit_lease(ledger, host="build-7", process="boot=another-machine,pidns=1/pid=4242/start=1",
               expires_at=past)
    listed = ledger.run("locks", "--format", "json", expect_json=True)
    assert listed.code == 0, listed.stderr
    [lease] = listed.doc["locks"]
    assert (lease["host"], lease["expires_at"], lease["expired"]) == ("build-7", past, True)
    text = ledger.run("locks")
    assert text.code == 0 and f"{past} (expired)" in text.stdout, text.stdout
    edit_lease(ledger, expires_at=(datetime.now(UTC) + timedelta(hours=1)).isoformat())
    [live] = ledger.run("locks", "--format", "json", expect_json=True).doc["locks"]
    assert live["expired"] is False


def test_a_lease_held_from_another_host_names_locks_break(ledger: Project) -> None:
    """Terraform's lock error names force-unlock: a run refused by a lease whose holder is on
    another machine (which this one cannot check) names `opsctl locks break` as the way out."""
    kill_mid_run(ledger)
    edit_lease(ledger, host="build-7", process="boot=another-machine,pidns=1/pid=4242/start=1")
    refused = ledger.run("ledger", "--targets", "x", "--format", "json")
    assert refused.code == 7, refused.stderr
    assert refused.doc["error"]["message"].endswith(
        "retry later, or wait with --wait-lock 5m; if that run's host is gone for good, "
        "`opsctl locks break ledger/scope=main --reason TEXT` frees the scope")
    broken = ledger.run("locks", "break", "ledger/scope=main", "--reason", "build-7 is gone")
    assert broken.code == 0, broken.stderr
    assert ledger.run("ledger", "--targets", "x").code == 0


def test_a_live_holder_on_this_host_is_not_offered_locks_break(ledger: Project) -> None:
    holder = hold(ledger)
    try:
        contender = ledger.run("ledger", "--targets", "x", "--format", "json")
        assert contender.code == 7
        assert "locks break" not in contender.doc["error"]["message"]
    finally:
        release(ledger)
        holder.communicate(timeout=60)


def test_locks_marks_a_lease_whose_holder_process_is_gone(ledger: Project) -> None:
    """A holder killed on this machine: its lease is taken over by the next run at once, and
    `opsctl locks` says so (was: listed as held until its expiry, as a live holder's)."""
    killed = kill_mid_run(ledger)
    listed = ledger.run("locks", "--format", "json", expect_json=True)
    assert listed.code == 0, listed.stderr
    [lease] = listed.doc["locks"]
    assert (lease["run_id"], lease["expired"], lease["holder_gone"]) == (killed, False, True)
    text = ledger.run("locks")
    assert text.code == 0 and f"{lease['expires_at']} (holder gone)" in text.stdout, text.stdout
    assert "taken over by the next run" in text.stdout
    # a holder elsewhere cannot be checked from here: never called gone
    edit_lease(ledger, host="build-7", process="boot=another-machine,pidns=1/pid=4242/start=1")
    [elsewhere] = ledger.run("locks", "--format", "json", expect_json=True).doc["locks"]
    assert elsewhere["holder_gone"] is False
    assert "(holder gone)" not in ledger.run("locks").stdout


def test_a_live_holder_is_not_marked_gone_in_locks(ledger: Project) -> None:
    holder = hold(ledger)
    try:
        [lease] = ledger.run("locks", "--format", "json", expect_json=True).doc["locks"]
        assert (lease["expired"], lease["holder_gone"]) == (False, False)
    finally:
        release(ledger)
        holder.communicate(timeout=60)


def test_a_reused_pid_does_not_keep_a_dead_holders_lease(ledger: Project) -> None:
    """The holder's pid now belongs to another live process (this test's): the start time
    recorded with the lease tells them apart."""
    killed = kill_mid_run(ledger)
    edit_lease(ledger, pid=os.getpid(), process=f"{_machine()}/pid={os.getpid()}/start=1")
    resumed = ledger.run("resume", killed)
    assert resumed.code == 0, resumed.stderr


def test_a_live_holder_on_this_machine_keeps_its_lease(ledger: Project) -> None:
    holder = hold(ledger)
    contender = ledger.run("ledger", "--targets", "x", "--format", "json")
    assert contender.code == 7
    assert "is locked by run" in contender.doc["error"]["message"]
    assert contender.doc["idempotency_key"].startswith("auto:")  # the derived key it would use
    assert contender.doc["request"]["targets"] == ["x"]
    release(ledger)
    holder.communicate(timeout=30)
    assert holder.returncode == 0


# -- 5. a store_url typo is not a second store -------------------------------------------------

def test_a_store_url_in_a_missing_directory_is_refused(project: Project, tmp_path: Path) -> None:
    project.add_module("ledger_auto", LEDGER)
    typo = tmp_path / "sate" / "dir"
    result = project.run("ledger", "--format", "json",
                         env=project.env({"OPSCTL_STORE_URL": f"sqlite:///{typo}/x.db"}))
    assert result.code == 2
    assert "does not exist" in result.doc["error"]["message"]
    assert not (tmp_path / "sate").exists()
    assert effects(project) == []


def test_a_store_url_under_the_home_folder_by_tilde_says_it_is_not_expanded(
        project: Project, tmp_path: Path) -> None:
    """`sqlite:///~/opsctl/state.db` names a folder `~` in the working directory: the error
    says so and gives the URL to write (it said "directory ~/opsctl does not exist (create
    it...)" of a folder that does exist, in the home folder)."""
    project.add_module("ledger_auto", LEDGER)
    home = tmp_path / "home"
    (home / "opsctl").mkdir(parents=True)

    result = project.run("ledger", "--format", "json", env=project.env({
        "HOME": str(home), "OPSCTL_STORE_URL": "sqlite:///~/opsctl/state.db"}))

    assert result.code == 2, result.stderr
    assert result.doc["error"]["message"] == (
        "store sqlite:///~/opsctl/state.db: directory ~/opsctl does not exist (create it, or "
        f"fix store_url; a store_url does not expand ~: for {home}/opsctl/state.db write "
        f"sqlite:///{home}/opsctl/state.db)")
    assert not (project.root / "~").exists()
    assert list((home / "opsctl").iterdir()) == []
    assert effects(project) == []


def test_a_sqlite_store_url_with_a_query_is_refused(project: Project, tmp_path: Path) -> None:
    """`?mode=ro` is no option of a sqlite:/// store: it would name the file `x.db?mode=ro`,
    a second store beside x.db that does not see its locks."""
    project.add_module("ledger_auto", LEDGER)
    store = {"OPSCTL_STORE_URL": f"sqlite:///{tmp_path}/x.db"}
    first = project.run("ledger", env=project.env(store))
    assert first.code == 0, first.stderr
    for query in ("?mode=ro", "?cache=shared&mode=rw"):
        url = f"sqlite:///{tmp_path}/x.db{query}"
        result = project.run("runs", env=project.env({"OPSCTL_STORE_URL": url}))
        assert result.code == 2, result.stderr
        assert f"takes no query ({query})" in result.stderr
    assert not any("?" in p.name for p in tmp_path.iterdir())  # no second store


def test_the_default_state_dir_is_created(project: Project) -> None:
    project.add_module("ledger_auto", LEDGER)
    assert project.run("ledger").code == 0
    assert project.db.exists()


def test_a_sqlite_store_damaged_past_its_header_is_a_store_error(project: Project) -> None:
    """Pages overwritten in the middle of the file are found only when read: as a damaged
    header at opening, exit 2 naming the store, not an internal error."""
    import random

    project.add_module("ledger_auto", LEDGER)
    for scope in ("s1", "s2", "s3"):
        assert project.run("ledger", "--scope", scope, "-q").code == 0
    with open(project.db, "r+b") as db:
        db.seek(12288)
        db.write(random.Random(1).randbytes(24576))

    damaged = project.run("ledger", "--scope", "z1", "--format", "json")

    assert damaged.code == 2, damaged.stderr
    assert "is not a usable SQLite database: database disk image is malformed" in damaged.stderr
    assert "internal error" not in damaged.stderr
    assert effects(project).count("z1/a") == 0


# -- 6. a store from a newer opsctl ------------------------------------------------------------

def test_a_store_migrated_by_a_newer_opsctl_is_refused(ledger: Project) -> None:
    assert ledger.run("ledger", "--targets", "a").code == 0
    store = store_of(ledger)
    try:
        with store.transaction():
            store._execute("INSERT INTO schema_migrations (version, name, applied_at, "
                           "opsctl_version) VALUES (99, 'from the future', 'x', '9.9.0')")
        runs_before = store._rows("SELECT COUNT(*) AS n FROM runs")[0]["n"]
    finally:
        store.close()
    for args in (["ledger", "--targets", "b"], ["runs"], ["locks"], ["audit", "verify"]):
        result = ledger.run(*args)
        assert result.code == 2, (args, result.stderr)
        assert "schema version 99" in result.stderr and "opsctl 9.9.0" in result.stderr
        from opsctl._version import __version__

        assert f"this opsctl ({__version__})" in result.stderr
    # the refusals wrote nothing
    assert _raw_rows(ledger, "SELECT COUNT(*) AS n FROM runs") == runs_before
    assert effects(ledger) == ["main/a"]



def test_a_newer_build_of_the_same_version_is_named_as_newer(ledger: Project) -> None:
    # opsctl's version number moves at releases: a store migrated by a later build of the same
    # number is refused with a message that does not read "by 0.1.0; this opsctl (0.1.0)"
    from opsctl._version import __version__

    assert ledger.run("ledger", "--targets", "a").code == 0
    store = store_of(ledger)
    try:
        with store.transaction():
            store._execute("INSERT INTO schema_migrations (version, name, applied_at, "
                           "opsctl_version) VALUES (99, 'from the future', 'x', ?)", (__version__,))
    finally:
        store.close()
    result = ledger.run("runs")
    assert result.code == 2, result.stderr
    assert f"schema version 99 by a newer build of opsctl {__version__}" in result.stderr
    assert f"this opsctl ({__version__}) knows schema versions up to" in result.stderr

def _raw_rows(project: Project, sql: str) -> int:
    url = project.extra_env.get("OPSCTL_STORE_URL")
    if url:
        import psycopg

        with psycopg.connect(url) as conn:
            return int(conn.execute(sql).fetchone()[0])
    import sqlite3

    conn = sqlite3.connect(project.db)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


# -- 7. state is owner-only --------------------------------------------------------------------

def test_state_files_are_owner_only(project: Project) -> None:
    project.add_module("ledger_auto", LEDGER)
    old = os.umask(0o022)
    try:
        assert project.run("ledger", "--targets", "a").code == 0
        assert project.run("plan", "ledger", "--targets", "b", "--out", "p.json").code == 10
    finally:
        os.umask(old)
    state = project.root / ".opsctl"
    assert stat.S_IMODE(state.stat().st_mode) == 0o700
    for name in ("state.db", "state.db-wal", "state.db-shm", "plan-signing.key"):
        path = state / name
        if path.exists():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, name
    assert (state / "state.db").exists()


def test_a_store_an_earlier_version_left_readable_by_all_is_made_owner_only(project: Project) -> None:
    # Earlier opsctl versions created state.db with the umask's mode (0644 in a 0755 folder);
    # the first run after an upgrade makes it, and its -wal and -shm files, 0600.
    project.add_module("ledger_auto", LEDGER)
    assert project.run("ledger", "--targets", "a").code == 0
    state = project.root / ".opsctl"
    state.chmod(0o755)
    files = [state / name for name in ("state.db", "state.db-wal", "state.db-shm")]
    for path in files:
        if path.exists():
            path.chmod(0o644)
    assert project.run("runs").code == 0
    for path in files:
        if path.exists():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    # shared with a group only, on purpose: left as it is
    (state / "state.db").chmod(0o660)
    assert project.run("runs").code == 0
    assert stat.S_IMODE((state / "state.db").stat().st_mode) == 0o660


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="running as root over another user's state directory needs root")
def test_root_in_another_users_state_directory_leaves_files_that_user_can_read(
        project: Project) -> None:
    """`sudo opsctl plan --out` once in your project: the plan-signing key and the store it
    creates are yours, as SQLite makes its -wal and -shm files (a root-owned 0600 key refused
    every later `plan --out` of the project's owner: "cannot read plan-signing.key")."""
    project.add_module("ledger_auto", LEDGER)
    state = project.root / ".opsctl"
    state.mkdir(mode=0o700)
    os.chown(state, 65534, 65534)
    plan = project.root / "plan.json"
    assert project.run("plan", "ledger", "--targets", "a", "--out", str(plan)).code == 10
    for name in ("plan-signing.key", "state.db"):
        info = (state / name).stat()
        assert (info.st_uid, info.st_gid) == (65534, 65534), name
        assert stat.S_IMODE(info.st_mode) == 0o600, name


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="running as root in another user's project needs root")
@pytest.mark.parametrize("first", [("plan", "ledger", "--targets", "a", "--out", "plan.json"),
                                   ("list",)], ids=["plan-out", "list"])
def test_root_in_a_fresh_project_of_another_user_gives_the_state_dir_to_that_user(
        project: Project, first: tuple[str, ...]) -> None:
    """`sudo opsctl ...` as the first command of a checkout: the state dir it creates, and
    what it puts there, belong to the project's owner (a root-owned .opsctl refused every
    later command of that user, exit 2 "not writable", until they chowned it back)."""
    project.add_module("ledger_auto", LEDGER)
    os.chown(project.root, 65534, 65534)
    state = project.root / ".opsctl"
    assert not state.exists()

    assert project.run(*first).code in (0, 10)

    info = state.stat()
    assert (info.st_uid, info.st_gid) == (65534, 65534)
    assert stat.S_IMODE(info.st_mode) == 0o700
    assert project.run("plan", "ledger", "--targets", "a", "--out", "plan.json").code == 10
    for name in ("plan-signing.key", "state.db"):
        info = (state / name).stat()
        assert (info.st_uid, info.st_gid) == (65534, 65534), name


def test_a_plan_signing_key_readable_by_all_is_made_owner_only(project: Project) -> None:
    # A key restored from a backup or copied with the umask's mode (0644): any user of the
    # machine could sign plans with it. The next command that signs makes it 0600 again; one
    # shared with a group only, on purpose, is left as it is.
    project.add_module("ledger_auto", LEDGER)
    assert project.run("plan", "ledger", "--targets", "a", "--out", "p1.json").code == 10
    key = project.root / ".opsctl" / "plan-signing.key"
    key.chmod(0o644)
    assert project.run("plan", "ledger", "--targets", "a", "--out", "p2.json").code == 10
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    key.chmod(0o640)
    assert project.run("plan", "ledger", "--targets", "a", "--out", "p3.json").code == 10
    assert stat.S_IMODE(key.stat().st_mode) == 0o640
    assert project.run("apply", "--plan", "p3.json").code == 0  # the same key signs and checks


def test_a_postgres_schema_that_does_not_exist_is_a_config_error(project: Project) -> None:
    from tests.conftest import POSTGRES_URL

    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests need OPSCTL_TEST_POSTGRES_URL (postgresql://...)")
    project.add_module("ledger_auto", LEDGER)
    sep = "&" if "?" in POSTGRES_URL else "?"
    url = f"{POSTGRES_URL}{sep}options=-csearch_path%3Dno_such_schema_here"
    result = project.run("ledger", "--format", "json", env=project.env({"OPSCTL_STORE_URL": url}))
    assert result.code == 2
    assert "schema 'no_such_schema_here'" in result.doc["error"]["message"]
    assert "create that schema" in result.doc["error"]["message"]
    assert effects(project) == []


def test_a_role_without_usage_on_the_stores_schema_is_told_to_grant_it(
        project: Project) -> None:
    """PostgreSQL passes over a search_path schema the role may not use as over one that is
    not there: exit 2 saying to grant USAGE on it (was: "does not exist: create that
    schema", which exists), and nothing is created."""
    import uuid
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    from tests.conftest import POSTGRES_URL, postgres_schema_url

    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests need OPSCTL_TEST_POSTGRES_URL (postgresql://...)")
    project.add_module("ledger_auto", LEDGER)
    role = "opsctl_nousage_" + uuid.uuid4().hex[:8]
    for owner_url in postgres_schema_url():
        assert project.run("runs", env=project.env({"OPSCTL_STORE_URL": owner_url})).code == 0
        schema = owner_url.rpartition("search_path%3D")[2]
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f"CREATE ROLE {role} LOGIN")
        try:
            parts = urlsplit(owner_url)
            host = parts.netloc.rpartition("@")[2]
            role_url = urlunsplit(parts._replace(netloc=f"{role}@{host}"))
            result = project.run("ledger", "--format", "json",
                                 env=project.env({"OPSCTL_STORE_URL": role_url}))
            assert result.code == 2, result.stderr
            message = result.doc["error"]["message"]
            assert "does not exist" not in message, message
            assert f"GRANT USAGE ON SCHEMA {schema} TO {role}" in message, message
            assert effects(project) == []
        finally:
            with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                conn.execute(f"DROP ROLE {role}")


def test_a_search_path_naming_a_mixed_case_schema_unquoted_says_to_quote_it(
        project: Project) -> None:
    """PostgreSQL folds an unquoted name to lower case: `-csearch_path=OpsStore` names
    `opsstore`, not the schema `OpsStore` a DBA created. Exit 2 naming the schema looked for
    and the one there, quoted (was: "no schema has been selected to create in", naming
    neither)."""
    import uuid

    import psycopg

    from tests.conftest import POSTGRES_URL

    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests need OPSCTL_TEST_POSTGRES_URL (postgresql://...)")
    project.add_module("ledger_auto", LEDGER)
    schema = f"Ops_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        sep = "&" if "?" in POSTGRES_URL else "?"
        url = f"{POSTGRES_URL}{sep}options=-csearch_path%3D{schema}"
        result = project.run("ledger", "--format", "json",
                             env=project.env({"OPSCTL_STORE_URL": url}))
        assert result.code == 2, result.stderr
        message = result.doc["error"]["message"]
        assert f"schema {schema.lower()!r}" in message, message
        assert f'-csearch_path="{schema}"' in message, message
        assert effects(project) == []
        quoted = f"{POSTGRES_URL}{sep}options=-csearch_path%3D%22{schema}%22"
        assert project.run("ledger", env=project.env({"OPSCTL_STORE_URL": quoted})).code == 0
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def test_a_search_path_whose_first_schema_does_not_exist_is_a_config_error(
        project: Project) -> None:
    # PostgreSQL passes over a missing schema to the next one: the store would be made there,
    # a second store beside the one store_url means
    import psycopg

    from tests.conftest import POSTGRES_URL, postgres_schema_url

    project.add_module("ledger_auto", LEDGER)
    for url in postgres_schema_url():
        schema = url.rsplit("search_path%3D", 1)[1]
        typo = url.replace("search_path%3D", "search_path%3Dopsctl_no_such_schema%2C", 1)
        result = project.run("ledger", "--format", "json",
                             env=project.env({"OPSCTL_STORE_URL": typo}))
        assert result.code == 2, result.stderr
        message = result.doc["error"]["message"]
        assert "'opsctl_no_such_schema'" in message and "does not exist" in message
        assert "create that schema" in message
        assert effects(project) == []
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = %s",
                                  (schema,)).fetchone()
        assert tables == (0,)  # nothing made in the next schema of the path
        # the default search_path ("$user", public) still passes over "$user"
        default = url.replace("search_path%3D", "search_path%3D%22%24user%22%2C", 1)
        assert project.run("ledger", "--format", "json",
                           env=project.env({"OPSCTL_STORE_URL": default})).code == 0


@pytest.mark.parametrize(("options", "said"), [
    pytest.param("-cno_such_setting%3D1", 'unrecognized configuration parameter "no_such_setting"',
                 id="unknown-setting"),
    pytest.param("-cwork_mem%3D1", 'outside the valid range for parameter "work_mem"',
                 id="out-of-range"),
    pytest.param("-csearch_path%3D%20a%20%2C%20b", "invalid command-line argument",
                 id="unescaped-blank"),
    # a quoted schema name with a blank, unescaped: libpq splits the option at the blank
    pytest.param("-csearch_path%3D%22Ops%20Store%22", 'invalid value for parameter "search_path"',
                 id="unescaped-blank-in-quoted-name"),
])
def test_options_the_postgres_server_refuses_are_a_config_error(
        project: Project, options: str, said: str) -> None:
    from tests.conftest import POSTGRES_URL

    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests need OPSCTL_TEST_POSTGRES_URL (postgresql://...)")
    project.add_module("ledger_auto", LEDGER)
    url = f"{POSTGRES_URL}{'&' if '?' in POSTGRES_URL else '?'}options={options}"
    result = project.run("ledger", "--format", "json", env=project.env({"OPSCTL_STORE_URL": url}))
    assert result.code == 2, result.stderr  # no retry makes the server take them
    assert said in result.doc["error"]["message"]
    assert "fix store_url (the settings in its options)" in result.doc["error"]["message"]
    assert result.doc["error"]["retryable"] is False
    assert effects(project) == []


def test_a_config_cache_that_cannot_be_written_leaves_no_copy_behind(project: Project) -> None:
    """marshal refuses TOML dates: the parsed-config cache is then skipped, and no temporary
    file holding the parsed config (secrets included) is left in the cache directory."""
    project.add_module("ledger_auto", LEDGER)
    project.write_config("[automation.ledger]\nsince = 2026-01-01\n")
    cache = project.root / ".home" / ".cache"
    for _ in range(2):
        assert project.run("list", env=project.env({"XDG_CACHE_HOME": str(cache)})).code == 0
    leftovers = [p.name for p in (cache / "opsctl").iterdir()] if (cache / "opsctl").exists() else []
    assert not [name for name in leftovers if ".tmp" in name], leftovers



@pytest.mark.parametrize("cache", [".opsctl/catalog.cache", ".home/.cache/opsctl/config.cache"],
                         ids=["catalog", "parsed-config"])
def test_a_cache_that_cannot_be_replaced_leaves_no_copy_behind(project: Project,
                                                              cache: str) -> None:
    """A folder where a cache goes: each run does without it, and leaves no temporary copy
    (of the parsed config, secrets included) behind, one more per run otherwise."""
    project.add_module("ledger_auto", LEDGER)
    project.write_config('[secrets]\ntoken = "s3cret-value"\n')
    folder = project.root / cache
    folder.mkdir(parents=True)
    env = project.env({"XDG_CACHE_HOME": str(project.root / ".home" / ".cache")})
    for _ in range(2):
        assert project.run("list", env=env).code == 0
    leftovers = [p.name for p in folder.parent.iterdir() if ".tmp" in p.name]
    assert leftovers == []

@pytest.mark.parametrize("args", [["runs"], ["ledger", "--scope", "z1"]])
def test_a_store_missing_a_table_is_a_store_error(project: Project, args: list[str]) -> None:
    """A table dropped by hand (a partial restore): exit 2 naming the store and the table,
    with a result document under --format json, not an internal error."""
    import sqlite3

    project.add_module("ledger_auto", LEDGER)
    assert project.run("ledger", "--scope", "s1", "-q").code == 0
    with sqlite3.connect(project.db) as conn:
        conn.execute("DROP TABLE runs")

    damaged = project.run(*args, "--format", "json", expect_json=False)

    assert damaged.code == 2, damaged.stderr
    assert "lacks part of its schema (no such table: runs)" in damaged.stderr
    assert json.loads(damaged.stdout)["exit_code"] == 2
    assert effects(project).count("z1/a") == 0


# -- one caller key, several requests at once --------------------------------------------------

STARTS_TOGETHER = '''
import os, time
from pathlib import Path
from pydantic import BaseModel
from opsctl import Action, Automation

time.sleep(max(0.0, float(os.environ.get("START_AT", "0")) - time.time()))  # all at once

class Request(BaseModel):
    scope: str

keyed = Automation("keyed", version="1.0.0", owner="o", summary="One effect per scope",
                   request=Request, lock_scope=("scope",))

@keyed.plan
def plan(ctx, req):
    yield Action(id="effect", kind="create", target=req.scope, reason="missing")

@keyed.apply
def apply(ctx, req, action):
    fd = os.open("effects.log", os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    os.write(fd, f"{req.scope}\\n".encode())
    os.close(fd)
'''


def test_one_key_sent_with_several_requests_at_once_runs_one_of_them(
        backend_project: Project) -> None:
    """Each request holds its own scope's lease, so no lease orders them: the key alone must,
    in every process, or two operations would run under one key."""
    backend_project.add_module("keyed_auto", STARTS_TOGETHER)
    assert backend_project.run("list").code == 0  # the catalog cache is built before the race
    for round_ in range(3):
        key = f"deploy-{round_}"
        env = backend_project.env({"START_AT": str(time.time() + 3)})
        procs = [start(backend_project, "keyed", "--scope", f"{key}-{i}", "--idempotency-key",
                       key, "--format", "json", env=env) for i in range(4)]
        outs = [(p.wait(timeout=60), json.loads(p.communicate()[0])) for p in procs]
        assert sorted(code for code, _ in outs) == [0, 7, 7, 7], outs
        [winner] = [doc for code, doc in outs if code == 0]
        for code, doc in outs:
            validate_result(doc)
            if code == 7:
                assert doc["error"]["message"] == (
                    f"idempotency key {key!r} was used by run {winner['run_id']} with a "
                    "different request; use a new key")
        assert [e for e in effects(backend_project) if e.startswith(key)] == \
            [winner["request"]["scope"]]
    assert backend_project.run("locks", "--format", "json", expect_json=True).doc["locks"] == []


def test_a_role_that_may_only_read_and_write_a_migrated_store_uses_it(project: Project) -> None:
    """A team's store is migrated once by its owner; the role runs use then has no CREATE
    right on the schema, and needs none: nothing is left to create."""
    import uuid
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    from tests.conftest import POSTGRES_URL, postgres_schema_url

    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests need OPSCTL_TEST_POSTGRES_URL (postgresql://...)")
    project.add_module("ledger_auto", LEDGER)
    role = "opsctl_dml_" + uuid.uuid4().hex[:8]
    for owner_url in postgres_schema_url():
        assert project.run("runs", env=project.env({"OPSCTL_STORE_URL": owner_url})).code == 0
        schema = owner_url.rpartition("search_path%3D")[2]
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f"CREATE ROLE {role} LOGIN")
            conn.execute(f"GRANT USAGE ON SCHEMA {schema} TO {role}")
            conn.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} "
                         f"TO {role}")
            conn.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role}")
        try:
            parts = urlsplit(owner_url)
            host = parts.netloc.rpartition("@")[2]
            role_url = urlunsplit(parts._replace(netloc=f"{role}@{host}"))
            env = project.env({"OPSCTL_STORE_URL": role_url})
            applied = project.run("ledger", "--format", "json", env=env)
            assert (applied.code, applied.doc["status"]) == (0, "succeeded"), applied.stderr
            assert sorted(effects(project)) == ["main/a", "main/b", "main/c", "main/d"]
            runs = project.run("runs", "--format", "json", env=env, expect_json=True).doc["runs"]
            assert [r["id"] for r in runs] == [applied.doc["run_id"]]
            assert project.run("audit", "verify", env=env).code == 0
        finally:
            with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                conn.execute(f"DROP OWNED BY {role}")
                conn.execute(f"DROP ROLE {role}")



def test_a_role_that_cannot_migrate_an_earlier_store_is_told_what_to_do(project: Project) -> None:
    """After an upgrade, the first run on the store migrates it: a role that may use the
    tables but not alter them gets exit 2 naming the migration and the role that owns them,
    and the store is left as it was."""
    import uuid
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    from opsctl.store.migrations import MIGRATIONS
    from tests.conftest import POSTGRES_URL, postgres_schema_url

    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests need OPSCTL_TEST_POSTGRES_URL (postgresql://...)")
    project.add_module("ledger_auto", LEDGER)
    role = "opsctl_dml_" + uuid.uuid4().hex[:8]
    newest = MIGRATIONS[-1].version
    for owner_url in postgres_schema_url():
        assert project.run("runs", env=project.env({"OPSCTL_STORE_URL": owner_url})).code == 0
        schema = owner_url.rpartition("search_path%3D")[2]
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            # the store as the opsctl before the newest migration left it
            conn.execute(f"ALTER TABLE {schema}.schedules DROP COLUMN paused_in_config")
            conn.execute(f"DELETE FROM {schema}.schema_migrations WHERE version = {newest}")
            conn.execute(f"CREATE ROLE {role} LOGIN")
            conn.execute(f"GRANT USAGE ON SCHEMA {schema} TO {role}")
            conn.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} "
                         f"TO {role}")
        try:
            parts = urlsplit(owner_url)
            host = parts.netloc.rpartition("@")[2]
            role_url = urlunsplit(parts._replace(netloc=f"{role}@{host}"))
            result = project.run("runs", env=project.env({"OPSCTL_STORE_URL": role_url}))
            assert result.code == 2, result.stderr
            assert (f"migrating it from schema version {newest - 1} to {newest}"
                    in result.stderr), result.stderr
            assert "naming the role that owns the store's tables" in result.stderr
            with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                versions = conn.execute(f"SELECT MAX(version) FROM {schema}.schema_migrations")
                assert versions.fetchone()[0] == newest - 1
            # its owner migrates it; the role then uses it
            assert project.run("runs", env=project.env({"OPSCTL_STORE_URL": owner_url})).code == 0
            assert project.run("runs", env=project.env({"OPSCTL_STORE_URL": role_url})).code == 0
        finally:
            with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                conn.execute(f"DROP OWNED BY {role}")
                conn.execute(f"DROP ROLE {role}")

@contextlib.contextmanager
def _role_on_store(owner_url: str, *grants: str, settings: str = "") -> Any:
    """A login role of its own on the store ``owner_url`` names (migrated by its owner):
    USAGE on the schema, then ``grants`` (each "PRIVILEGES ON WHAT", WHAT naming the schema as
    {schema}) and ``settings`` (ALTER ROLE ... SET); yields its store URL, drops it after."""
    import uuid
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    from tests.conftest import POSTGRES_URL

    role = "opsctl_role_" + uuid.uuid4().hex[:8]
    schema = owner_url.rpartition("search_path%3D")[2]
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN")
        conn.execute(f"GRANT USAGE ON SCHEMA {schema} TO {role}")
        for grant in grants:
            conn.execute(f"GRANT {grant.format(schema=schema)} TO {role}")
        if settings:
            conn.execute(f"ALTER ROLE {role} SET {settings}")
    try:
        parts = urlsplit(owner_url)
        host = parts.netloc.rpartition("@")[2]
        yield urlunsplit(parts._replace(netloc=f"{role}@{host}"))
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f"DROP OWNED BY {role}")
            conn.execute(f"DROP ROLE {role}")


def test_a_role_the_server_refuses_a_write_to_the_store_is_told_so(project: Project) -> None:
    """A role granted less than the documented SELECT, INSERT, UPDATE, DELETE (an auditor's
    SELECT): a command that writes is exit 2 naming the table the server refused, not an
    internal error, and nothing is changed; reading works."""
    from tests.conftest import POSTGRES_URL, postgres_schema_url

    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests need OPSCTL_TEST_POSTGRES_URL (postgresql://...)")
    project.add_module("ledger_auto", LEDGER)
    for owner_url in postgres_schema_url():
        assert project.run("ledger", "--dry-run",
                           env=project.env({"OPSCTL_STORE_URL": owner_url})).code == 10
        with _role_on_store(owner_url, "SELECT ON ALL TABLES IN SCHEMA {schema}") as role_url:
            env = project.env({"OPSCTL_STORE_URL": role_url})
            for args in (["ledger"], ["ledger", "--dry-run"]):
                result = project.run(*args, "--format", "json", env=env)
                assert result.code == 2, (args, result.stderr)
                assert "permission denied for table" in result.stderr, result.stderr
                assert "internal error" not in result.stderr
                assert result.doc["error"]["type"] == "validation", result.doc
            assert effects(project) == []
            runs = project.run("runs", "--format", "json", env=env, expect_json=True).doc["runs"]
            assert len(runs) == 1


@pytest.mark.parametrize(("service_file", "said"), [
    pytest.param("pg_service.conf", 'definition of service "opsctl_no_such" not found',
                 id="unknown-service"),
    pytest.param("no_such_file.conf", 'service file "', id="no-service-file"),
])
def test_a_store_url_naming_a_service_libpq_cannot_find_is_exit_2(
        project: Project, service_file: str, said: str) -> None:
    """`service=NAME` in store_url (or PGSERVICE) names a section of pg_service.conf: one
    that is not there, or no such file, is fixed in the URL or the file, not by a retry
    (was: exit 4, "unreachable")."""
    project.add_module("ledger_auto", LEDGER)
    (project.root / "pg_service.conf").write_text("[opsctl_store]\nhost=127.0.0.1\n")
    env = project.env({"OPSCTL_STORE_URL": "postgresql://127.0.0.1/ops?service=opsctl_no_such",
                       "PGSERVICEFILE": str(project.root / service_file)})
    result = project.run("ledger", "--format", "json", env=env)
    assert result.code == 2, result.stderr
    assert said in result.doc["error"]["message"]
    assert "fix store_url" in result.doc["error"]["message"]
    assert result.doc["error"]["retryable"] is False
    assert effects(project) == []


def test_a_store_url_in_libpq_keyword_form_is_refused_without_its_password(
        project: Project) -> None:
    """`host=... password=...` is a connection string, not a URL: refused (exit 2), and the
    password it holds is masked in the message, as a URL's is."""
    project.add_module("ledger_auto", LEDGER)
    for url in ("host=db.internal dbname=ops user=opsctl password=Hunter2-store",
                "host=db.internal password='Hunter2-store x' user=opsctl"):
        for args in (["runs"], ["config", "show"], ["ledger", "--format", "json"]):
            result = project.run(*args, env=project.env({"OPSCTL_STORE_URL": url}))
            assert result.code == 2, result.stderr
            assert "unsupported store URL" in result.stderr
            assert "password=***" in result.stderr
            assert "Hunter2" not in result.stderr + result.stdout
    assert effects(project) == []


# -- one saved plan applied by two processes at once -------------------------------------------

HELD = '''
import os, time
from pathlib import Path
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    scope: str = "main"

held = Automation("held", version="1.0.0", owner="o", summary="Waits where a file says",
                  request=Request, lock_scope=("scope",))

def wait_while(name):
    Path(f"at-{name}").touch()
    while Path(name).exists():
        time.sleep(0.02)

@held.plan
def plan(ctx, req):
    wait_while("hold-plan")
    if not Path("effects.log").exists():
        yield Action(id="effect", kind="create", target=req.scope, reason="missing")

@held.apply
def apply(ctx, req, action):
    wait_while("hold-apply")
    fd = os.open("effects.log", os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    os.write(fd, f"{req.scope}\\n".encode())
    os.close(fd)
'''


@pytest.mark.parametrize("hold", ["hold-plan", "hold-apply"])
def test_a_plan_applied_while_another_process_waited_for_its_lease_is_refused_as_applied(
        backend_project: Project, hold: str) -> None:
    """The waiting `apply --plan --wait-lock` came before the first claimed the plan
    (hold-plan) or after (hold-apply, when it would finish that run): either way, once the
    lease is its own, the plan is applied, and it says so (exit 3), not "stale" nor "nothing
    to resume" (exit 2)."""
    root = backend_project.root
    backend_project.add_module("held_auto", HELD)
    assert backend_project.run("plan", "held", "--out", "plan.json").code == 10
    (root / "at-hold-plan").unlink()  # planned once: what the first apply reaches is new
    (root / hold).touch()
    first = start(backend_project, "apply", "--plan", "plan.json", "--format", "json")
    deadline = time.monotonic() + 30
    while not (root / f"at-{hold}").exists():
        assert first.poll() is None and time.monotonic() < deadline, first.communicate()
        time.sleep(0.02)
    second = start(backend_project, "apply", "--plan", "plan.json", "--wait-lock", "1m",
                   "--format", "json")
    time.sleep(3)  # it reads the plan's state, then waits for the lease
    assert second.poll() is None, second.communicate()
    (root / hold).unlink()
    first_out = first.communicate(timeout=60)
    assert first.returncode == 0, first_out
    out, err = second.communicate(timeout=60)
    doc = json.loads(out)
    validate_result(doc)
    assert (second.returncode, doc["error"]["type"]) == (3, "validation"), err
    assert "was already applied by run" in doc["error"]["message"]
    assert "a saved plan applies once" in doc["error"]["message"]
    assert effects(backend_project) == ["main"]


def test_a_postgres_store_that_takes_no_writes_is_exit_4_not_a_bug(project: Project) -> None:
    """A standby, or a primary demoted during a failover, answers every write "read-only
    transaction" (SQLSTATE 25006): the store is unavailable for now (exit 4, retry), as a
    read-only SQLite file is, not an internal error (exit 1)."""
    from tests.conftest import postgres_schema_url

    project.add_module("ledger_auto", LEDGER)
    for url in postgres_schema_url():
        assert project.run("runs", env=project.env({"OPSCTL_STORE_URL": url})).code == 0
        read_only = url + "%20-cdefault_transaction_read_only%3Don"
        result = project.run("ledger", "--format", "json",
                             env=project.env({"OPSCTL_STORE_URL": read_only}))
        assert result.code == 4, result.stderr
        assert result.doc["error"]["type"] == "dependency_unavailable"
        assert "read-only transaction" in result.doc["error"]["message"]
        assert "internal error" not in result.stderr
        assert effects(project) == []
        listed = project.run("runs", "--format", "json", expect_json=True,
                             env=project.env({"OPSCTL_STORE_URL": url}))
        assert listed.doc["runs"] == []


def test_a_store_url_naming_a_folder_or_another_file_leaves_its_mode_alone(
        project: Project, tmp_path: Path) -> None:
    """A store_url that names a folder, or a file that is no database (a typo), is refused
    with the file's name, and the folder or file keeps its mode: it was made 0600, a folder
    losing its x bit (nothing inside it could be opened any more)."""
    project.add_module("ledger_auto", LEDGER)
    folder = tmp_path / "here"
    folder.mkdir(mode=0o755)
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    notes.chmod(0o644)

    for target in (folder, notes):
        result = project.run("runs", env=project.env({"OPSCTL_STORE_URL": f"sqlite:///{target}"}))
        assert result.code == 2, result.stderr
        assert str(target) in result.stderr and "Traceback" not in result.stderr
        assert stat.S_IMODE(target.stat().st_mode) == (0o755 if target == folder else 0o644)
    assert "is a directory, not a database file" in project.run(
        "runs", env=project.env({"OPSCTL_STORE_URL": f"sqlite:///{folder}"})).stderr
    assert notes.read_text() == "my notes\n"


def test_a_store_url_naming_a_fifo_is_refused_as_no_database_file(
        project: Project, tmp_path: Path) -> None:
    """A store_url naming a device or a FIFO (sqlite:////dev/null, to keep no state) is exit 2,
    fix it, and nothing is made beside it (it was exit 4, disk I/O error, to retry in vain,
    and /dev/null-journal was left in /dev, writable by every user)."""
    project.add_module("ledger_auto", LEDGER)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo, 0o600)

    result = project.run("ledger", "--format", "json",
                         env=project.env({"OPSCTL_STORE_URL": f"sqlite:///{fifo}"}))

    assert result.code == 2, result.stderr
    assert result.doc["error"]["message"] == (
        f"store {fifo} is not a regular file (a device, FIFO or socket): name a database "
        "file in store_url")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("pipe")) == ["pipe"]
    assert effects(project) == []


def test_a_memory_store_url_is_refused(project: Project) -> None:
    """sqlite:///:memory: would record every run in memory, forgotten when the command ends,
    and leave an empty file named ':memory:' in the working directory."""
    project.add_module("ledger_auto", LEDGER)
    result = project.run("ledger", env=project.env({"OPSCTL_STORE_URL": "sqlite:///:memory:"}))
    assert result.code == 2, result.stderr
    assert "in-memory" in result.stderr
    assert not (project.root / ":memory:").exists()


@pytest.mark.parametrize(("grants", "settings"), [
    pytest.param(("SELECT ON ALL TABLES IN SCHEMA {schema}",), "", id="select-only"),
    pytest.param(("SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema}",),
                 "default_transaction_read_only = on", id="read-only-transactions"),
])
def test_audit_verify_by_a_role_that_may_only_read_the_store_passes_without_a_checkpoint(
        project: Project, grants: tuple[str, ...], settings: str) -> None:
    """An auditor's role reads the trail: a verify that passes says so (exit 0) and warns
    that it recorded no checkpoint, the one row it would write (was: exit 2 or 4 after a walk
    that passed, as if the store had failed)."""
    import psycopg

    from tests.conftest import POSTGRES_URL, postgres_schema_url

    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests need OPSCTL_TEST_POSTGRES_URL (postgresql://...)")
    project.add_module("ledger_auto", LEDGER)
    for owner_url in postgres_schema_url():
        owner = project.env({"OPSCTL_STORE_URL": owner_url})
        assert project.run("runs", env=owner).code == 0
        with _role_on_store(owner_url, *grants, settings=settings) as role_url:
            # an empty trail: nothing to record, nothing to warn of
            empty = project.run("audit", "verify", "--format", "json",
                                env=project.env({"OPSCTL_STORE_URL": role_url}))
            assert (empty.code, empty.doc["warnings"]) == (0, []), empty.stderr
        assert project.run("ledger", env=owner).code == 0
        with _role_on_store(owner_url, *grants, settings=settings) as role_url:
            result = project.run("audit", "verify", "--format", "json",
                                 env=project.env({"OPSCTL_STORE_URL": role_url}))
            assert result.code == 0, result.stderr
            assert result.doc["ok"] is True and result.doc["events"] > 0
            [warning] = result.doc["warnings"]
            assert warning.startswith("no checkpoint recorded"), warning
            schema = owner_url.rpartition("search_path%3D")[2]
            with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                rows = conn.execute(f"SELECT count(*) FROM {schema}.audit_checkpoints")
                assert rows.fetchone() == (0,)
            text = project.run("audit", "verify", env=project.env({"OPSCTL_STORE_URL": role_url}))
            assert text.code == 0 and "warning: no checkpoint recorded" in text.stdout, text.stderr


def test_runs_at_once_on_a_role_whose_transactions_default_to_serializable_all_succeed(
        project: Project) -> None:
    """A DBA's `default_transaction_isolation = 'serializable'` on the role: the store's own
    transactions are written for READ COMMITTED (leases, fences, the audit chain's lock), so
    runs on different scopes at once all succeed (was: some exit 4, "could not serialize
    access"); the store's connection says which isolation it uses."""
    from tests.conftest import POSTGRES_URL, postgres_schema_url

    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests need OPSCTL_TEST_POSTGRES_URL (postgresql://...)")
    project.add_module("keyed_auto", STARTS_TOGETHER)
    for owner_url in postgres_schema_url():
        assert project.run("runs", env=project.env({"OPSCTL_STORE_URL": owner_url})).code == 0
        with _role_on_store(owner_url,
                            "SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema}",
                            settings="default_transaction_isolation = 'serializable'") as role_url:
            store = open_store(role_url)
            try:
                [row] = store._rows("SELECT current_setting('transaction_isolation') AS level")
            finally:
                store.close()
            assert row["level"] == "read committed"
            assert project.run("list").code == 0  # the catalog cache is built before the race
            env = project.env({"OPSCTL_STORE_URL": role_url, "START_AT": str(time.time() + 3)})
            procs = [start(project, "keyed", "--scope", f"s{i}", "--format", "json", env=env)
                     for i in range(6)]
            outs = [(p.wait(timeout=60), p.communicate()[1]) for p in procs]
            assert [code for code, _ in outs] == [0] * 6, outs
            assert sorted(effects(project)) == [f"s{i}" for i in range(6)]


def test_actions_longer_than_the_roles_idle_session_timeout_are_applied(
        project: Project) -> None:
    """A DBA's `idle_session_timeout` (PostgreSQL 14+) reaps connections idle that long: a run
    holds its store connection while an action runs, saying nothing, so the store's connection
    turns it off for itself (was: the server closed it under the first long action, exit 4,
    and every retry the same)."""
    import psycopg

    from tests.conftest import POSTGRES_URL, postgres_schema_url

    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests need OPSCTL_TEST_POSTGRES_URL (postgresql://...)")
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        if conn.info.server_version < 140000:
            pytest.skip("idle_session_timeout is PostgreSQL 14+")
    project.add_module("ledger_auto", LEDGER)
    for owner_url in postgres_schema_url():
        assert project.run("runs", env=project.env({"OPSCTL_STORE_URL": owner_url})).code == 0
        with _role_on_store(owner_url,
                            "SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema}",
                            settings="idle_session_timeout = '1s'") as role_url:
            env = project.env({"OPSCTL_STORE_URL": role_url})
            result = project.run("ledger", "--targets", "a", "--targets", "b", "--slow", "1.5",
                                 "--format", "json", env=env)
            assert (result.code, result.doc["status"]) == (0, "succeeded"), result.stderr
            assert sorted(effects(project)) == ["main/a", "main/b"]


def test_a_role_that_may_not_create_the_store_in_a_fresh_schema_is_told_who_may(
        project: Project) -> None:
    """The first command on a fresh schema creates the store's tables: a role with USAGE but no
    CREATE on it is exit 2 saying to run it once as a role that may create them (was: only
    the server's "permission denied for schema"), and nothing is created."""
    import psycopg

    from tests.conftest import POSTGRES_URL, postgres_schema_url

    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests need OPSCTL_TEST_POSTGRES_URL (postgresql://...)")
    project.add_module("ledger_auto", LEDGER)
    for owner_url in postgres_schema_url():
        with _role_on_store(owner_url) as role_url:
            result = project.run("ledger", "--format", "json",
                                 env=project.env({"OPSCTL_STORE_URL": role_url}))
            assert result.code == 2, result.stderr
            message = result.doc["error"]["message"]
            assert "permission denied for schema" in message, message
            assert "creating the store's tables" in message, message
            assert "a role that may create tables in that schema" in message, message
            schema = owner_url.rpartition("search_path%3D")[2]
            with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = %s",
                                      (schema,)).fetchone()
            assert tables == (0,)
            assert effects(project) == []


def test_a_role_granted_before_the_store_had_tables_is_told_to_grant_again(
        project: Project) -> None:
    """`GRANT ... ON ALL TABLES` run before the owner's first command covers no table: the
    role is then refused reading the store's own migrations table, exit 2 saying to grant the
    privileges on the tables now there (was: told the store's tables were being created)."""
    from tests.conftest import POSTGRES_URL, postgres_schema_url

    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests need OPSCTL_TEST_POSTGRES_URL (postgresql://...)")
    project.add_module("ledger_auto", LEDGER)
    for owner_url in postgres_schema_url():
        with _role_on_store(owner_url,
                            "SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema}",
                            ) as role_url:
            assert project.run("runs", env=project.env({"OPSCTL_STORE_URL": owner_url})).code == 0
            result = project.run("ledger", "--format", "json",
                                 env=project.env({"OPSCTL_STORE_URL": role_url}))
            assert result.code == 2, result.stderr
            message = result.doc["error"]["message"]
            assert "permission denied for table schema_migrations" in message, message
            assert "creating the store's tables" not in message, message
            assert "grant this role SELECT, INSERT, UPDATE, DELETE on the store's tables" in message
            assert effects(project) == []


def test_runs_at_once_on_a_role_with_a_short_lock_timeout_all_succeed(project: Project) -> None:
    """A DBA's `lock_timeout` on the role: the store's waits on its own locks (the audit
    trail's appends, a key's or a schedule's turn) are turns each taken briefly, and a
    statement with no answer is cut by the store's watchdog anyway; so runs on different
    scopes at once all succeed (was: some exit 4, "canceling statement due to lock
    timeout")."""
    from tests.conftest import POSTGRES_URL, postgres_schema_url

    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests need OPSCTL_TEST_POSTGRES_URL (postgresql://...)")
    project.add_module("keyed_auto", STARTS_TOGETHER)
    for owner_url in postgres_schema_url():
        assert project.run("runs", env=project.env({"OPSCTL_STORE_URL": owner_url})).code == 0
        with _role_on_store(owner_url,
                            "SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema}",
                            settings="lock_timeout = '1ms'") as role_url:
            store = open_store(role_url)
            try:
                [row] = store._rows("SELECT current_setting('lock_timeout') AS timeout")
            finally:
                store.close()
            assert row["timeout"] == "0"
            assert project.run("list").code == 0  # the catalog cache is built before the race
            env = project.env({"OPSCTL_STORE_URL": role_url, "START_AT": str(time.time() + 3)})
            procs = [start(project, "keyed", "--scope", f"s{i}", "--format", "json", env=env)
                     for i in range(8)]
            outs = [(p.wait(timeout=60), p.communicate()[1]) for p in procs]
            assert [code for code, _ in outs] == [0] * 8, outs
            assert sorted(effects(project)) == [f"s{i}" for i in range(8)]
