"""Crash harness: SIGKILL the CLI at every action boundary and at random points, rerun, check.

The automation under test (``CRASHY``) has one observable effect per target: a counter in
``effects.db`` (a SQLite file of its own in the project), bumped by ONE atomic, committed
statement. ``plan`` only yields targets that have no counter yet, so an effect that is applied
twice shows up as ``count == 2``. Apply is not retried (``retry={"attempts": 1}``).

Kill points (8 targets), per backend (SQLite, PostgreSQL):

* deterministic, chosen with ``CRASH_AT`` in the environment of the killed process: the
  automation SIGKILLs its own process ``before:N`` the effect of the Nth action, ``inside:N``
  (half-way through its sleep), ``after:N`` (right after the effect's commit); and, by wrapping
  the store's methods in the automation module (instrumentation only: the real method runs
  first), right after the lease is taken (``lease``), the run row is created (``created``), the
  actions are journaled pending (``recorded``), action N's finished record is handed to the
  store (``finished:N``, before action N+1 starts; strict mode commits it with N+1's start) and
  the run is recorded finished (``done``, before the lease is released); ``plan`` dies inside
  ``plan()``. The 35 boundary points run with both journal modes (``strict``, ``group``):
  70, plus the 2 plan-window points (strict);
* random: the harness SIGKILLs the process at a random time of a strict run
  (``OPSCTL_CRASH_KILLS`` per backend, default 40, seed ``OPSCTL_CRASH_SEED``).

CI total: 2 x (70 + 2 + 40) = 224 kill points.

Every kill point uses a lock scope and targets of its own in one project (store per backend).
All crash runs of a test go first, then the same command is re-run for each (without
``CRASH_AT``, ``OPSCTL_LOCK_TTL=1s``, ``--wait-lock 30s``) until it exits 0, then every kill point
is checked: each target's effect applied exactly once, one run journals the work with every
action applied/unchanged (none started/interrupted/pending), the killed run was resumed (not
duplicated) when it had journaled actions, attempts and the resume warning match the kill point,
no lease is left.

A kill in the plan window (``created``/``plan``: the run row exists, nothing is journaled) is
resumed by the rerun like any other: it holds the scope's lease, so a run of its key still
``running`` is dead and is adopted, never left ``running`` beside a second run.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pytest

from tests.conftest import OPSCTL, CLIResult, Project

CRASHY = '''
import os, signal, sqlite3, time
from contextlib import closing
from pydantic import BaseModel
from opsctl import Action, Automation

TARGETS = [f"t{i}" for i in range(1, 9)]
KIND, _, NTH = os.environ.get("CRASH_AT", "").partition(":")
NTH = int(NTH) if NTH else 0


class Request(BaseModel):
    scope: str = "main"
    sleep: float = 0.0


crashy = Automation("crashy", version="1.0.0", owner="o", summary="One counted effect per target",
                    request=Request, lock_scope=("scope",), retry={"attempts": 1})


def die():
    os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(60)  # not reached: SIGKILL is delivered at once


def effects_db():
    conn = sqlite3.connect("effects.db", timeout=30, isolation_level=None)  # autocommit
    conn.execute("CREATE TABLE IF NOT EXISTS effects "
                 "(target TEXT PRIMARY KEY, count INTEGER NOT NULL)")
    return conn


@crashy.plan
def plan(ctx, req):
    if KIND == "plan":
        die()
    with closing(effects_db()) as conn:
        present = {row[0] for row in conn.execute("SELECT target FROM effects")}
    for t in TARGETS:
        target = f"{req.scope}/{t}"
        if target not in present:
            yield Action(id=t, kind="create", target=target, reason="no effect yet")


@crashy.apply
def apply(ctx, req, action):
    here = TARGETS.index(action.id) + 1 == NTH
    if here and KIND == "before":
        die()
    time.sleep(req.sleep / 2)
    if here and KIND == "inside":
        die()
    time.sleep(req.sleep / 2)
    with closing(effects_db()) as conn:  # THE effect: one atomic statement, committed
        conn.execute("INSERT INTO effects (target, count) VALUES (?, 1) "
                     "ON CONFLICT(target) DO UPDATE SET count = count + 1", (action.target,))
    if here and KIND == "after":
        die()


def _die_after(name, when):
    from opsctl.store import sql

    original = getattr(sql.SQLStore, name)

    def wrapper(self, *args, **kwargs):
        returned = original(self, *args, **kwargs)  # committed before the kill
        if when(returned, *args, **kwargs):
            die()
        return returned

    setattr(sql.SQLStore, name, wrapper)


if KIND == "lease":
    _die_after("acquire_lease", lambda token_holder, *a, **k: token_holder[0] is not None)
elif KIND == "created":
    _die_after("create_run", lambda returned, *a, **k: True)
elif KIND == "recorded":
    _die_after("record_actions", lambda returned, *a, **k: True)
elif KIND == "finished":
    _die_after("action_finished", lambda returned, run_id, action_id, **k:
               action_id == TARGETS[NTH - 1] and k["status"] == "applied")
elif KIND == "done":
    _die_after("finish_run", lambda returned, *a, **k: True)
'''

TARGETS = [f"t{i}" for i in range(1, 9)]
LOCK_TTL = "1s"
DETERMINISTIC_SLEEP = 0.01   # per action; ``inside:N`` dies half-way through it
RANDOM_SLEEP = 0.03          # per action: 0.24 s of applying in which random kills land
RANDOM_KILLS = int(os.environ.get("OPSCTL_CRASH_KILLS", "40"))  # per backend
SEED = int(os.environ.get("OPSCTL_CRASH_SEED") or random.SystemRandom().randrange(2**32))

BOUNDARIES = (["lease", "recorded"]
              + [f"{kind}:{n}" for n in range(1, 9)
                 for kind in ("before", "inside", "after", "finished")]
              + ["done"])
PLAN_WINDOW = ["created", "plan"]  # the run row exists, no action is journaled yet
JOURNAL_MODES = ["strict", "group"]


@dataclass
class KillPoint:
    scope: str
    crash_at: str | None = None     # deterministic kill point
    delay: float | None = None      # random kill: seconds after the process started
    crash_stderr: str = ""
    effects_at_kill: dict[str, int] = field(default_factory=dict)
    rerun: CLIResult | None = None
    reruns: int = 0

    @property
    def label(self) -> str:
        how = self.crash_at if self.crash_at else f"random kill after {self.delay:.3f}s"
        return f"{how} (scope {self.scope}, seed {SEED})"

    def args(self, sleep: float) -> list[str]:
        return ["crashy", "--scope", self.scope, "--sleep", str(sleep), "--format", "json"]


@pytest.fixture
def crashy(backend_project: Project) -> Project:
    backend_project.add_module("crashy_auto", CRASHY)
    return backend_project


def journal_mode(project: Project) -> str:
    return project.extra_env.get("OPSCTL_JOURNAL_MODE", "strict")


def env_for(project: Project, crash_at: str | None = None) -> dict[str, str]:
    env = project.env({"OPSCTL_LOCK_TTL": LOCK_TTL})
    env.pop("CRASH_AT", None)
    if crash_at is not None:
        env["CRASH_AT"] = crash_at
    return env


def effects(project: Project, scope: str | None = None) -> dict[str, int]:
    path = project.root / "effects.db"
    if not path.exists():
        return {}
    with contextlib.closing(sqlite3.connect(path, timeout=30)) as conn:
        try:
            rows = conn.execute("SELECT target, count FROM effects").fetchall()
        except sqlite3.OperationalError:  # killed before the table was created
            return {}
    return {t: c for t, c in rows if scope is None or t.startswith(f"{scope}/")}


def popen(project: Project, args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([OPSCTL, *args], cwd=project.root, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def clean_run(project: Project, scope: str, sleep: float) -> tuple[float, float]:
    """One uninterrupted run: (seconds from spawn to its run row, seconds from spawn to exit)."""
    spawned, began = time.time(), time.monotonic()
    proc = popen(project, KillPoint(scope).args(sleep), env_for(project))
    out, err = proc.communicate(timeout=60)
    took = time.monotonic() - began
    assert proc.returncode == 0, err
    assert json.loads(out)["summary"]["applied"] == len(TARGETS)
    assert effects(project, scope) == {f"{scope}/{t}": 1 for t in TARGETS}
    events = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    started = next(e["ts"] for e in events if e["event"] == "run.started")
    return datetime.fromisoformat(started).timestamp() - spawned, took


def crash_deterministic(project: Project, kp: KillPoint) -> None:
    proc = popen(project, kp.args(DETERMINISTIC_SLEEP), env_for(project, kp.crash_at))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL, f"{kp.label}: exit {proc.returncode}\n{out}\n{err}"
    kp.crash_stderr = err
    kp.effects_at_kill = effects(project, kp.scope)


def crash_random(project: Project, kp: KillPoint) -> bool:
    """Kill after ``kp.delay``; False when the run had already exited by itself."""
    assert kp.delay is not None
    proc = popen(project, kp.args(RANDOM_SLEEP), env_for(project))
    time.sleep(kp.delay)
    proc.send_signal(signal.SIGKILL)  # a no-op when it has exited already
    out, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        return False
    assert proc.returncode == -signal.SIGKILL, f"{kp.label}: exit {proc.returncode}\n{out}\n{err}"
    kp.crash_stderr = err
    kp.effects_at_kill = effects(project, kp.scope)
    return True


def rerun(project: Project, kp: KillPoint, sleep: float) -> None:
    """Re-run the same command until it exits 0 (at most 3 times)."""
    for _ in range(3):
        kp.reruns += 1
        kp.rerun = project.run(*kp.args(sleep), "--wait-lock", "30s", env=env_for(project))
        if kp.rerun.code == 0:
            return
    raise AssertionError(f"{kp.label}: 3 reruns did not finish the work; last exit "
                         f"{kp.rerun.code if kp.rerun else None}\n{kp.rerun.stdout if kp.rerun else ''}")


def runs_by_scope(project: Project) -> dict[str, list[dict[str, Any]]]:
    """Every recorded run (``opsctl runs``), as shown by ``opsctl show``, grouped by scope."""
    listed = project.run("runs", "--automation", "crashy", "--limit", "10000", "--format", "json",
                         expect_json=True)
    assert listed.code == 0, listed.stderr
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in listed.doc["runs"]:
        shown = project.run("show", row["id"], "--format", "json", expect_json=True)
        assert shown.code == 0, shown.stderr
        assert shown.doc["id"] == row["id"] and shown.doc["status"] == row["status"]
        grouped.setdefault(shown.doc["request"]["scope"], []).append(shown.doc)
    for runs in grouped.values():
        runs.sort(key=lambda r: (r["started_at"], r["id"]))
    return grouped


@dataclass
class Outcome:
    kind: str                      # "fresh" | "resumed" | "finished-before-kill"
    already_finished: int | None   # actions the killed run had journaled finished (resumed)
    effects_at_kill: int           # effects committed when the process died (always a prefix)
    reapplied: list[str]           # journaled started by the killed run, applied by the rerun
    unchanged: list[str]           # journaled 'unchanged': effect by the killed run, record lost

    def describe(self) -> str:
        if self.kind != "resumed":
            return {"fresh": "killed before any action was journaled: a fresh run",
                    "finished-before-kill": "killed after its run was recorded finished"}[self.kind]
        return (f"resumed: {self.already_finished} journaled finished, {self.effects_at_kill} "
                "effects at the kill" + (", in-flight action re-applied" if self.reapplied else "")
                + (f", {len(self.unchanged)} journaled unchanged" if self.unchanged else ""))


def verify(kp: KillPoint, runs: list[dict[str, Any]], effects_now: dict[str, int],
           mode: str) -> Outcome:
    """Everything that must hold after any kill point; the outcome, for finer expectations.
    """
    where = f"{kp.label} [{mode} journal]"
    want = {f"{kp.scope}/{t}": 1 for t in TARGETS}
    assert effects_now == want, f"{where}: effects (target -> times applied) {effects_now}"
    assert kp.rerun is not None and kp.rerun.doc is not None
    doc = kp.rerun.doc
    assert kp.reruns == 1, f"{where}: needed {kp.reruns} reruns"
    assert doc["status"] in ("succeeded", "no_changes"), f"{where}: rerun {doc['status']}"
    at_kill = len(kp.effects_at_kill)
    assert kp.effects_at_kill == {f"{kp.scope}/{t}": 1 for t in TARGETS[:at_kill]}, \
        f"{where}: effects at the kill {kp.effects_at_kill}"
    before_kill = set(TARGETS[:at_kill])

    # One run journals the work: every action once, finished; none started/interrupted/pending.
    work = [r for r in runs if r["actions"]]
    assert len(work) == 1, f"{where}: runs with journaled actions: {[r['id'] for r in work]}"
    [w] = work
    assert (w["mode"], w["status"], w["exit_code"]) == ("apply", "succeeded", 0), \
        f"{where}: run {w['id']} is {w['status']}"
    journal = w["actions"]
    assert [a["action_id"] for a in journal] == TARGETS, f"{where}: journal {journal}"
    assert [a["seq"] for a in journal] == list(range(len(TARGETS))), f"{where}: journal {journal}"
    statuses = [a["status"] for a in journal]
    assert set(statuses) <= {"applied", "unchanged"}, f"{where}: journal statuses {statuses}"
    assert all(a["finished_at"] and a["error"] is None for a in journal), f"{where}: {journal}"
    unchanged = [a["action_id"] for a in journal if a["status"] == "unchanged"]
    reapplied = []
    for a in journal:
        if a["status"] == "unchanged":
            # Its effect was committed by the killed run, whose 'started' record was not:
            # the journal cannot tell, so resume calls it converged. Group mode only.
            assert mode == "group" and a["action_id"] in before_kill, f"{where}: {a}"
            assert a["attempts"] == 0 and a["started_at"] is None, f"{where}: {a}"
        elif a["action_id"] in before_kill:  # applied by the killed run, never run again
            assert a["attempts"] == 1 and a["started_at"], f"{where}: {a}"
        else:  # applied by the rerun; 2 attempts when the killed run had journaled it started
            assert a["attempts"] in (1, 2) and a["started_at"], f"{where}: {a}"
            if a["attempts"] == 2:
                reapplied.append(a["action_id"])
    # Only the action in flight at the kill (the one after the last effect) can be re-applied.
    assert set(reapplied) <= set(TARGETS[at_kill:at_kill + 1]), f"{where}: re-applied {reapplied}"
    result = w["result"]
    assert result is not None and result["run_id"] == w["id"] and result["status"] == "succeeded"
    assert [a["status"] for a in result["plan"]["actions"]] == statuses, \
        f"{where}: result {result['plan']['actions']} vs journal {statuses}"
    assert result["summary"]["applied"] + result["summary"]["unchanged"] == len(TARGETS)

    others = [r for r in runs if r is not w]
    orphans = [r["id"] for r in runs if r["status"] == "running"]
    assert orphans == [], f"{where}: runs left running {orphans}"
    fresh = others
    warnings = [m for m in doc["warnings"] if m.startswith("resumed run")]
    if doc["status"] == "no_changes":
        # The killed process had recorded its run as finished: the rerun plans afresh.
        assert [r["id"] for r in fresh] == [doc["run_id"]], f"{where}: runs {others}"
        assert fresh[0]["status"] == "no_changes" and fresh[0]["actions"] == []
        assert fresh[0]["started_at"] >= w["started_at"]
        assert at_kill == len(TARGETS) and statuses == ["applied"] * len(TARGETS)
        assert warnings == []
        return Outcome("finished-before-kill", None, at_kill, [], [])
    assert doc["run_id"] == w["id"], f"{where}: rerun {doc['run_id']} did not journal the work"
    assert fresh == [], f"{where}: more runs {[(r['id'], r['status']) for r in fresh]}"
    assert [a["status"] for a in doc["plan"]["actions"]] == statuses
    if not warnings:
        # A new run: the killed one had journaled no action, so it had applied nothing.
        assert at_kill == 0, f"{where}: effects before the rerun {kp.effects_at_kill}"
        assert reapplied == [] and unchanged == [], f"{where}: {journal}"
        return Outcome("fresh", None, 0, [], [])
    [warning] = warnings
    match = re.fullmatch(rf"resumed run {re.escape(w['id'])}: (\d+) action\(s\) already finished "
                         "were not applied again", warning)
    assert match, f"{where}: {warning}"
    already = int(match.group(1))
    assert already <= at_kill, f"{where}: {already} journaled finished, {at_kill} effects"
    if mode == "strict":
        # One commit per action boundary: at most the action in flight is not journaled finished.
        assert at_kill in (already, already + 1), \
            f"{where}: {already} journaled finished, {at_kill} effects at the kill"
        assert statuses == ["applied"] * len(TARGETS), f"{where}: journal statuses {statuses}"
    return Outcome("resumed", already, at_kill, reapplied, unchanged)


def check_expected(kp: KillPoint, outcome: Outcome, mode: str) -> None:
    """What a deterministic kill point must lead to, beyond what ``verify`` checks."""
    assert kp.crash_at is not None
    kind, _, nth = kp.crash_at.partition(":")
    n = int(nth) if nth else 0
    got = (outcome.kind, outcome.effects_at_kill)
    where = f"{kp.label} [{mode} journal]: {outcome}"
    if kind == "lease":
        assert got == ("fresh", 0), where
    elif kind == "done":
        assert got == ("finished-before-kill", len(TARGETS)), where
    elif kind in ("created", "plan", "recorded"):  # the run row exists: rerunning resumes it
        assert (*got, outcome.already_finished, outcome.reapplied) == ("resumed", 0, 0, []), where
    elif kind in ("before", "inside"):
        # strict journals "started" before apply runs: the rerun sees it and counts attempt 2
        assert got == ("resumed", n - 1), where
        assert outcome.already_finished is not None and outcome.already_finished <= n - 1, where
        if mode == "strict":
            assert outcome.already_finished == n - 1, where
            assert outcome.reapplied == [TARGETS[n - 1]], where
    else:
        assert kind in ("after", "finished"), kp.crash_at
        assert got == ("resumed", n), where
        assert outcome.already_finished is not None and outcome.already_finished <= n, where
        assert outcome.reapplied == [], where
        if mode == "strict" and kind == "after":
            assert outcome.already_finished == n - 1, where


def no_leases_left(project: Project) -> None:
    locks = project.run("locks", "--format", "json", expect_json=True)
    assert locks.code == 0 and locks.doc["locks"] == [], locks.stdout


def scope_name(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "-", text)


def run_deterministic(project: Project, points: list[str], record_property: Any) -> list[
        tuple[KillPoint, Outcome]]:
    """Crash at each point (own scope), rerun each, verify each; the outcomes in order."""
    began = time.monotonic()
    mode = journal_mode(project)
    clean_run(project, "clean", DETERMINISTIC_SLEEP)
    kills = [KillPoint(scope_name(p), crash_at=p) for p in points]
    for kp in kills:
        crash_deterministic(project, kp)
    for kp in kills:
        rerun(project, kp, DETERMINISTIC_SLEEP)
    grouped = runs_by_scope(project)
    assert set(grouped) == {"clean"} | {kp.scope for kp in kills}
    outcomes = [(kp, verify(kp, grouped[kp.scope], effects(project, kp.scope), mode))
                for kp in kills]
    no_leases_left(project)
    assert len(outcomes) == len(points)
    record_property("kill_points", len(outcomes))
    print(f"crash harness: {len(outcomes)} deterministic kill points, {mode} journal, in "
          f"{time.monotonic() - began:.1f}s")
    for kp, outcome in outcomes:
        print(f"  {kp.crash_at:12} {outcome.describe()}")
    return outcomes


@pytest.mark.parametrize("mode", JOURNAL_MODES)
def test_sigkill_at_every_action_boundary_applies_each_effect_once(
        crashy: Project, mode: str, record_property: Any) -> None:
    crashy.extra_env["OPSCTL_JOURNAL_MODE"] = mode
    for kp, outcome in run_deterministic(crashy, BOUNDARIES, record_property):
        check_expected(kp, outcome, mode)
    assert len(BOUNDARIES) == 35


def test_sigkill_in_the_plan_window_resumes_that_run(crashy: Project, record_property: Any) -> None:
    """Killed after its run row was recorded, before any action was journaled: the rerun
    adopts that run (it holds the scope's lease, so the run cannot be alive) and finishes it."""
    for kp, outcome in run_deterministic(crashy, PLAN_WINDOW, record_property):
        check_expected(kp, outcome, "strict")


def test_sigkill_at_random_points_applies_each_effect_once(
        crashy: Project, record_property: Any) -> None:
    """OPSCTL_CRASH_KILLS kills at random times of a run (default strict journal).

    Uniform from 80% of the time a clean run takes to record its run row (so some kills land
    while it starts, takes the lease, creates the row and plans) to the time it exits. A kill
    anywhere, including the plan window, must leave no run ``running`` and every effect once.
    """
    began = time.monotonic()
    rng = random.Random(SEED)
    clean_run(crashy, "clean1", RANDOM_SLEEP)  # migrates the store
    # the faster of two clean runs: on a loaded machine one slow run would put most kill times
    # after a typical run has already exited
    (row2, wall2), (row3, wall3) = (clean_run(crashy, "clean2", RANDOM_SLEEP),
                                    clean_run(crashy, "clean3", RANDOM_SLEEP))
    row_at, wall = min(row2, row3), min(wall2, wall3)
    kills: list[KillPoint] = []
    missed = 0
    while len(kills) < RANDOM_KILLS:
        kp = KillPoint(f"r{len(kills) + missed}", delay=rng.uniform(0.8 * row_at, wall))
        if crash_random(crashy, kp):
            kills.append(kp)
        else:
            missed += 1
            assert missed <= 2 * RANDOM_KILLS, "most runs finished before the kill"
            # runs got faster than the clean ones (a machine's load changes): later kill times
            # come from a shorter window, so the harness keeps killing runs mid-flight
            row_at, wall = row_at * 0.9, max(row_at * 0.9, wall * 0.9)
            # a run that was not killed is still checked: its work is done exactly once
            assert effects(crashy, kp.scope) == {f"{kp.scope}/{t}": 1 for t in TARGETS}
    crashed = time.monotonic()
    for kp in kills:
        rerun(crashy, kp, RANDOM_SLEEP)
    rerun_done = time.monotonic()
    grouped = runs_by_scope(crashy)
    assert set(grouped) <= {"clean1", "clean2", "clean3"} | {f"r{i}" for i in range(len(kills) + missed)}
    tally: dict[str, int] = {}
    for kp in kills:
        outcome = verify(kp, grouped[kp.scope], effects(crashy, kp.scope), "strict")
        tally[outcome.describe()] = tally.get(outcome.describe(), 0) + 1
    no_leases_left(crashy)
    assert len(kills) == RANDOM_KILLS
    record_property("kill_points", len(kills))
    print(f"crash harness: {len(kills)} random kill points ({missed} runs finished before their "
          f"kill) in {time.monotonic() - began:.1f}s (crash {crashed - began:.1f}s, rerun "
          f"{rerun_done - crashed:.1f}s, check {time.monotonic() - rerun_done:.1f}s), "
          f"seed {SEED}, clean run: row at {row_at:.2f}s, exit at {wall:.2f}s")
    for phase, count in sorted(tally.items()):
        print(f"  {count:3d} x {phase}")


def test_ci_executes_at_least_200_kill_points() -> None:
    per_backend = len(JOURNAL_MODES) * len(BOUNDARIES) + len(PLAN_WINDOW) + RANDOM_KILLS
    assert per_backend == 72 + RANDOM_KILLS
    if "OPSCTL_CRASH_KILLS" not in os.environ:
        assert 2 * per_backend >= 200, per_backend
