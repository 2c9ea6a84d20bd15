"""Crash harness for workers: real `opsctl worker` processes on Redis and RabbitMQ and PostgreSQL.

The automation ``effects`` (tests/workers/conftest.py) counts each target's effect in
``effects.db``, so an action applied twice shows ``count == 2`` and one never applied is missing.

* ``test_sigkill_workers_at_random_points``: a pool of workers carries out fanned-out runs (each
  its own ``--batch``, so its own lock scope and targets) while the harness SIGKILLs a random
  live worker at a random moment and starts a replacement, ``OPSCTL_WORKER_KILLS`` times per
  broker (default 50; seed ``OPSCTL_WORKER_SEED``), and now and then delivers a running run's
  wake-ups (``opsctl.run``, ``opsctl.chunk``) again. A kill counts as a kill point only when a
  run was ``running`` at that moment; the killed worker was its coordinator, applying one of
  its chunks, both, or neither (tallied). Then every run must end ``succeeded`` with every
  effect once and every action journaled applied, and nothing may stay queued or running: no
  run, no chunk, no lease.
* ``test_duplicate_deliveries_apply_each_effect_once``: extra ``opsctl.run`` and
  ``opsctl.chunk`` messages for a fanned-out run, sent while it runs and after it finished.
* ``test_sigterm_hands_the_run_back``: the coordinator stops at an action boundary, exits 0
  within stop_grace, and another worker resumes the run from the journal.
* ``test_sigkill_of_the_only_worker``: the replacement's sweeper finds the run whose claimer is
  gone and resumes it.

Every wait polls the store (or a worker's log) under a deadline; the only sleeps are the random
moments at which the harness kills.
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
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.conftest import OPSCTL
from tests.workers.conftest import WorkerProject

KILLS = int(os.environ.get("OPSCTL_WORKER_KILLS", "50"))  # per broker
SEED = int(os.environ.get("OPSCTL_WORKER_SEED") or random.SystemRandom().randrange(2**32))
POOL = 4               # workers alive at once in the kill test
WORKER_SLOTS = 2       # --concurrency of each worker
IN_FLIGHT = 2          # runs kept queued or running while the harness kills
KILL_DEADLINE_S = 240  # the kill phase, whatever happens (a hang fails, it does not wait)
FINISH_DEADLINE_S = 120


def seeded(message: str) -> str:
    return f"{message} (seed OPSCTL_WORKER_SEED={SEED})"


# -- the store -------------------------------------------------------------------------------

@contextlib.contextmanager
def opened(project: WorkerProject) -> Iterator[Any]:
    store = project.store()
    try:
        yield store
    finally:
        store.close()


def poll(what: str, check: Callable[[], Any], timeout: float, *,
         logs: WorkerProject | None = None, every: float = 0.05) -> Any:
    """``check()`` until it returns something truthy; AssertionError naming ``what`` after
    ``timeout`` seconds (with the end of the workers' logs)."""
    deadline = time.monotonic() + timeout
    while True:
        got = check()
        if got:
            return got
        if time.monotonic() > deadline:
            tail = logs.worker_logs()[-4000:] if logs is not None else ""
            raise AssertionError(seeded(f"{what}: not within {timeout:.0f}s") + f"\n{tail}")
        time.sleep(every)


def runs(store: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = store._rows(
        "SELECT id, status, exit_code, claim_owner, claim_process, claim_until, claim_token "
        "FROM runs ORDER BY id")
    return rows


def chunks(store: Any, run_id: str | None = None) -> list[dict[str, Any]]:
    if run_id is None:
        rows: list[dict[str, Any]] = store._rows(
            "SELECT run_id, chunk, status, attempt, owner, process FROM run_chunks "
            "ORDER BY run_id, chunk")
        return rows
    rows = store._rows("SELECT run_id, chunk, status, attempt, owner, process FROM run_chunks "
                       "WHERE run_id = ? ORDER BY chunk", (run_id,))
    return rows


def unfinished(store: Any) -> list[dict[str, Any]]:
    return [r for r in runs(store) if r["status"] in ("queued", "running")]


def effects(project: WorkerProject) -> dict[str, int]:
    """Each target's effect count; empty while the first action creates ``effects.db``."""
    try:
        return project.effects()
    except sqlite3.OperationalError:  # the file exists, its table not yet
        return {}


def pid_of(process: str | None) -> int | None:
    match = re.search(r"/pid=(\d+)/", process or "")
    return int(match.group(1)) if match else None


# -- runs and workers ---------------------------------------------------------------------------

@dataclass
class Queued:
    run_id: str
    batch: str
    count: int

    def targets(self) -> dict[str, int]:
        return {f"{self.batch}-{i:05d}": 1 for i in range(self.count)}


def queue_run(project: WorkerProject, batch: str, *, count: int, sleep_ms: int, fan_out: int,
              concurrency: int = 2) -> Queued:
    """`opsctl apply effects ... --executor celery --no-wait`: the queued run."""
    r = project.run("apply", "effects", "--batch", batch, "--count", str(count),
                    "--sleep-ms", str(sleep_ms), "--executor", "celery",
                    "--fan-out", str(fan_out), "--concurrency", str(concurrency),
                    "--no-wait", "--format", "json")
    assert r.code == 0, r.stderr
    assert r.doc["status"] == "queued", r.stdout
    return Queued(str(r.doc["run_id"]), batch, count)


def spawn_worker(project: WorkerProject, concurrency: int = WORKER_SLOTS) -> subprocess.Popen[str]:
    """Start `opsctl worker` as the fixture does (its own session, a log of its own), without
    waiting for it to be ready: the harness goes on killing meanwhile."""
    log = project.root / f"worker-{len(project.workers)}.log"
    handle = open(log, "w")  # noqa: SIM115 - the process writes it until it ends
    proc = subprocess.Popen([OPSCTL, "worker", "--concurrency", str(concurrency)],
                            cwd=project.root, env=project.env(), stdout=handle,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    proc.log_path = log  # type: ignore[attr-defined]
    proc.log_handle = handle  # type: ignore[attr-defined]
    project.workers.append(proc)
    return proc


def start_workers(project: WorkerProject, n: int,
                  concurrency: int = WORKER_SLOTS) -> list[subprocess.Popen[str]]:
    """Start ``n`` workers at once and wait until each is ready (as ``start_worker`` does, one
    at a time)."""
    procs = [spawn_worker(project, concurrency) for _ in range(n)]

    def ready() -> bool:
        for proc in procs:
            assert proc.poll() is None, f"worker exited {proc.returncode}:\n{log_of(proc)}"
        return all(map(is_ready, procs))

    poll(f"{n} workers ready", ready, 60, logs=project)
    return procs


def log_of(proc: subprocess.Popen[str]) -> str:
    return Path(proc.log_path).read_text(errors="replace")  # type: ignore[attr-defined]


def is_ready(proc: subprocess.Popen[str]) -> bool:
    return proc.poll() is None and " ready." in log_of(proc)


def sigkill(proc: subprocess.Popen[str]) -> None:
    """SIGKILL the worker's process group and reap it (a zombie still has its pid, and would
    not be recognised as gone)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def log_events(text: str) -> list[dict[str, Any]]:
    events = []
    for line in text.splitlines():
        if line.startswith("{"):
            with contextlib.suppress(ValueError):
                events.append(json.loads(line))
    return events


def check_all_done(project: WorkerProject, store: Any, queued: list[Queued]) -> dict[str, int]:
    """Every run finished ``succeeded``; every effect once; nothing left running or leased.
    The tally of how the runs ended (fresh, or resumed after a take-over)."""
    rows = poll("every run finished", lambda: not unfinished(store) and runs(store),
                FINISH_DEADLINE_S, logs=project)
    by_id = {r["id"]: r for r in rows}
    assert set(by_id) == {q.run_id for q in queued}, seeded(f"runs {sorted(by_id)}")
    tally: dict[str, int] = {}
    for q in queued:
        row = store.get_run(q.run_id)
        doc = row["result"] or {}
        assert (row["status"], row["exit_code"]) == ("succeeded", 0), seeded(
            f"run {q.run_id} (batch {q.batch}) ended {row['status']} exit {row['exit_code']}: "
            f"{json.dumps(doc.get('error'))} warnings {doc.get('warnings')}")
        assert doc.get("status") == "succeeded" and doc.get("run_id") == q.run_id, seeded(
            f"run {q.run_id}: result {json.dumps(doc)[:2000]}")
        summary = doc.get("summary") or {}
        journal = {r["status"]: int(r["n"]) for r in store._rows(
            "SELECT status, COUNT(*) AS n FROM actions WHERE run_id = ? GROUP BY status",
            (q.run_id,))}
        assert (summary.get("applied"), journal) == (q.count, {"applied": q.count}), seeded(
            f"run {q.run_id} (batch {q.batch}): summary {summary}, journal {journal}: " + str(
                store._rows("SELECT action_id, status, attempts, started_at, finished_at FROM "
                            "actions WHERE run_id = ? AND status <> 'applied'", (q.run_id,))))
        resumed = any(str(w).startswith("resumed run") for w in doc.get("warnings") or [])
        key = "resumed" if resumed else "one claim"
        tally[key] = tally.get(key, 0) + 1
    want: dict[str, int] = {}
    for q in queued:
        want.update(q.targets())
    got = effects(project)
    missing = sorted(set(want) - set(got))
    twice = {t: n for t, n in got.items() if n != 1}
    stray = sorted(set(got) - set(want))
    assert not missing and not twice and not stray, seeded(
        f"effects: {len(missing)} missing {missing[:20]}, applied more than once {twice}, "
        f"unexpected {stray[:20]}")
    left = [c for c in chunks(store) if c["status"] in ("running", "stop", "pending")]
    assert left == [], seeded(f"chunks left unsettled: {left}")
    # A run is recorded finished before its lease is released; a worker killed in between
    # leaves the lease to the sweeper.
    leases: list[dict[str, Any]] = []

    def released() -> bool:
        leases[:] = store._rows("SELECT scope, run_id, token, process FROM locks")
        return not leases

    with contextlib.suppress(AssertionError):
        poll("leases released", released, 15)
    assert leases == [], seeded(f"leases left: {leases}")
    return tally


# -- the kill harness -------------------------------------------------------------------------------

@dataclass
class KillPoint:
    at: float                     # seconds since the kill phase began
    pid: int
    roles: list[str] = field(default_factory=list)   # "coordinator", "chunk"


def roles_of(store: Any, pid: int) -> list[str]:
    """What worker ``pid`` was doing: coordinating a run, applying a chunk (both, or none)."""
    roles = []
    if any(r["status"] == "running" and pid_of(r["claim_process"]) == pid for r in runs(store)):
        roles.append("coordinator")
    if any(c["status"] == "running" and pid_of(c["process"]) == pid for c in chunks(store)):
        roles.append("chunk")
    return roles


class Feeder(threading.Thread):
    """Keeps ``IN_FLIGHT`` runs queued or running (each a batch of its own: its own lock scope
    and targets) until stopped, so that kills keep landing in fanned-out runs. Queueing is a
    CLI process; in a thread, it never delays a kill."""

    def __init__(self, project: WorkerProject, rng: random.Random) -> None:
        super().__init__(name="feeder", daemon=True)
        self.project, self.rng = project, rng
        self.queued: list[Queued] = []
        self.error: BaseException | None = None
        self.halt = threading.Event()

    def run(self) -> None:
        try:
            with opened(self.project) as store:
                while not self.halt.is_set():
                    if len(unfinished(store)) >= IN_FLIGHT:
                        self.halt.wait(0.05)
                        continue
                    rng = self.rng
                    self.queued.append(queue_run(
                        self.project, f"k{len(self.queued)}", count=rng.randint(30, 48),
                        sleep_ms=rng.randint(20, 50), fan_out=rng.randint(3, 4),
                        concurrency=rng.choice((2, 4))))
        except BaseException as exc:  # re-raised by the test
            self.error = exc

    def stop(self) -> list[Queued]:
        self.halt.set()
        self.join(timeout=60)
        assert not self.is_alive(), "queueing a run hangs"
        if self.error is not None:
            raise self.error
        return self.queued


def test_sigkill_workers_at_random_points(wproject: WorkerProject,
                                          record_property: Any) -> None:
    """SIGKILL random workers at random moments of fanned-out runs, with wake-ups of running
    runs and of their chunks delivered again now and then: every effect once, every run
    succeeded, nothing left running, queued or leased."""
    from opsctl.dispatch.celery_app import CHUNK_TASK, RUN_TASK, make_app

    print(f"seed OPSCTL_WORKER_SEED={SEED}")
    project, rng = wproject, random.Random(SEED)
    app = make_app(project.extra_env["OPSCTL_BROKER_URL"], default_queue=project.queue)
    began = time.monotonic()
    pool = start_workers(project, POOL)
    kills: list[KillPoint] = []
    idle_kills, waited, duplicates = 0, 0.0, 0
    feeder = Feeder(project, random.Random(SEED + 1))
    with opened(project) as store:
        kill_began = time.monotonic()
        deadline = kill_began + KILL_DEADLINE_S
        feeder.start()
        try:
            while len(kills) < KILLS:
                assert time.monotonic() < deadline, seeded(
                    f"{len(kills)} kill points in {KILL_DEADLINE_S}s")
                assert feeder.is_alive(), "the feeder stopped"
                # The random moment: often right after the last kill (a take-over under way),
                # else some way into the runs' actions.
                time.sleep(rng.choice((0.0, rng.uniform(0.05, 0.8))))
                live = [p for p in pool if is_ready(p)]
                if len(live) < 2:  # keep two workers taking work: wait for a replacement
                    t0 = time.monotonic()
                    poll("a replacement worker ready", lambda: sum(map(is_ready, pool)) >= 2,
                         60, logs=project)
                    waited += time.monotonic() - t0
                    continue
                # A kill point is a kill while a run is running: between runs (the next one
                # queued, not yet claimed), wait a little for one rather than spend a kill.
                with contextlib.suppress(AssertionError):
                    poll("a run running", lambda: any(r["status"] == "running"
                                                      for r in runs(store)), 3)
                running = [r for r in runs(store) if r["status"] == "running"]
                if running and rng.random() < 0.3:  # a run's wake-ups, delivered twice
                    again = rng.choice(running)["id"]
                    app.send_task(RUN_TASK, args=[again], queue=project.queue)
                    numbers = [int(c["chunk"]) for c in chunks(store, again)]
                    for number in rng.sample(numbers, min(2, len(numbers))):
                        app.send_task(CHUNK_TASK, args=[again, number], queue=project.queue)
                    duplicates += 1 + min(2, len(numbers))
                doing = {p.pid: roles_of(store, p.pid) for p in live}
                busy = [p for p in live if doing[p.pid]]
                # Mostly a worker in the middle of something; now and then any of them.
                victim = rng.choice(busy if busy and rng.random() < 0.8 else live)
                sigkill(victim)
                pool.remove(victim)
                pool.append(spawn_worker(project))
                if running:
                    kills.append(KillPoint(time.monotonic() - kill_began, victim.pid,
                                           doing[victim.pid]))
                else:
                    idle_kills += 1
        finally:
            queued = feeder.stop()
        killed = time.monotonic()
        tally = check_all_done(project, store, queued)
    finished = time.monotonic()
    roles = {"coordinator": 0, "chunk": 0, "coordinator+chunk": 0, "idle": 0}
    for kp in kills:
        roles["+".join(kp.roles) or "idle"] += 1
    record_property("kill_points", len(kills))
    assert len(kills) >= KILLS
    print(f"worker crash harness on {project.broker}: {len(kills)} kill points "
          f"({idle_kills} more kills with no run running) over {len(queued)} runs in "
          f"{finished - began:.1f}s (kills {killed - kill_began:.1f}s, of which waiting for a "
          f"replacement {waited:.1f}s; finishing {finished - killed:.1f}s), {duplicates} "
          f"duplicate wake-ups, seed {SEED}")
    print(f"  killed worker was: {roles}; runs: {tally}")


# -- one fault at a time ----------------------------------------------------------------------------

TASK_DONE = re.compile(r"Task (opsctl\.(?:run|chunk))\[([0-9a-f-]+)\] succeeded in [^:]*: '([a-z-]+)'")


def task_outcomes(project: WorkerProject) -> dict[str, str]:
    """What each task delivered to the workers returned (Celery logs it at INFO): by task id."""
    return {m.group(2): m.group(3) for m in TASK_DONE.finditer(project.worker_logs())}


def mid_run(project: WorkerProject, store: Any, q: Queued, *, applied: int = 3) -> dict[str, Any]:
    """Wait until run ``q`` is running, fanned out, with at least ``applied`` effects and some
    left to apply; its row."""
    def check() -> dict[str, Any] | None:
        row = next((r for r in runs(store) if r["id"] == q.run_id), None)
        assert row is None or row["status"] in ("queued", "running"), \
            f"run {q.run_id} ended {row['status']} before the fault"
        done = len([t for t in effects(project) if t.startswith(f"{q.batch}-")])
        assert done < q.count, f"run {q.run_id} applied everything before the fault"
        if row and row["status"] == "running" and chunks(store, q.run_id) and done >= applied:
            return row
        return None

    row: dict[str, Any] = poll(f"run {q.run_id} under way", check, 60, logs=project, every=0.02)
    return row


def worker_with_pid(project: WorkerProject, pid: int | None) -> subprocess.Popen[str]:
    found = [p for p in project.workers if p.pid == pid]
    assert found, f"no worker process {pid} (workers {[p.pid for p in project.workers]})"
    return found[0]


def finished_once(project: WorkerProject, store: Any, q: Queued) -> dict[str, Any]:
    """Run ``q`` (the only one) succeeded, with each of its effects once and nothing left; its
    row with its result."""
    check_all_done(project, store, [q])
    row: dict[str, Any] = store.get_run(q.run_id)
    [claims] = [r for r in runs(store) if r["id"] == q.run_id]
    row.update(claim_owner=claims["claim_owner"], claim_token=claims["claim_token"])
    return row


def test_duplicate_deliveries_apply_each_effect_once(wproject: WorkerProject) -> None:
    """``opsctl.run`` and ``opsctl.chunk`` wake-ups of a fanned-out run delivered again, while
    it runs and after it finished: no second claim, no chunk claimed twice, effects once."""
    from opsctl.dispatch.celery_app import CHUNK_TASK, RUN_TASK, make_app

    project = wproject
    start_workers(project, 2)
    app = make_app(project.extra_env["OPSCTL_BROKER_URL"], default_queue=project.queue)
    sent: dict[str, str] = {}  # task id -> "run" or "chunk N", "during" or "after"

    def duplicate(run_id: str, numbers: list[int], when: str) -> None:
        for _ in range(3):
            sent[app.send_task(RUN_TASK, args=[run_id], queue=project.queue).id] = \
                f"run {when}"
        for number in [*numbers, *numbers, max(numbers) + 100]:  # and a chunk that never was
            sent[app.send_task(CHUNK_TASK, args=[run_id, number], queue=project.queue).id] = \
                f"chunk {number} {when}"

    with opened(project) as store:
        # long enough (about 3 s) that the duplicates are surely sent while it runs, on a
        # loaded machine too (100 ms actions once finished first under a full CI run)
        q = queue_run(project, "dup", count=48, sleep_ms=250, fan_out=4, concurrency=4)
        mid_run(project, store, q)
        duplicate(q.run_id, [int(c["chunk"]) for c in chunks(store, q.run_id)], "during")
        still = next(r for r in runs(store) if r["id"] == q.run_id)
        assert still["status"] == "running", "the run finished before the duplicates were sent"
        row = finished_once(project, store, q)
        assert int(row["claim_token"]) == 1, "the run was claimed again"
        numbers = [int(c["chunk"]) for c in chunks(store, q.run_id)]
        duplicate(q.run_id, numbers, "after")
        outcomes = poll("every duplicate delivered and answered",
                        lambda: (lambda got: got if set(sent) <= set(got) else None)(
                            task_outcomes(project)), 60, logs=project)
        assert [r["claim_token"] for r in runs(store)] == [row["claim_token"]]
        final = chunks(store, q.run_id)
        assert [(c["status"], c["attempt"]) for c in final] == [("done", 1)] * len(final), \
            f"chunks claimed more than once: {final}"
        assert len(runs(store)) == 1
    answers = {task: outcomes[task] for task in sent}
    # A live claim, a finished run, a chunk claimed already or never created: nothing to do.
    # A duplicate chunk wake-up may be the one that claims a chunk still pending.
    for task, answer in answers.items():
        allowed = {"not-claimed", "applied"} if sent[task].startswith("chunk") and \
            sent[task].endswith("during") else {"not-claimed"}
        assert answer in allowed, f"duplicate {sent[task]} answered {answer!r}"
    assert effects(project) == q.targets()
    tally = Counter(f"{sent[task].split()[0]} {answer}" for task, answer in answers.items())
    print(f"duplicates on {project.broker}: {dict(tally)}")


class StatusWatch(threading.Thread):
    """Reads a run's (status, exit_code) every few milliseconds on a connection of its own
    until told to stop, keeping each change: what a follower polling the store could read."""

    def __init__(self, project: WorkerProject, run_id: str) -> None:
        super().__init__(name="status-watch", daemon=True)
        self.project, self.run_id = project, run_id
        self.seen: list[tuple[str, int | None]] = []
        self.halt = threading.Event()

    def run(self) -> None:
        with opened(self.project) as store:
            while True:
                # one more read once told to stop: what the caller saw before stopping the
                # watch is seen here too, however long a loaded machine kept this thread off
                # the CPU since its last read
                stopping = self.halt.is_set()
                [row] = store._rows("SELECT status, exit_code FROM runs WHERE id = ?",
                                    (self.run_id,))
                now = (str(row["status"]), row["exit_code"])
                if not self.seen or self.seen[-1] != now:
                    self.seen.append(now)
                if stopping:
                    return
                self.halt.wait(0.002)

    def stop(self) -> list[tuple[str, int | None]]:
        self.halt.set()
        self.join(timeout=30)
        return self.seen


def test_sigterm_hands_the_run_back(wproject: WorkerProject) -> None:
    """SIGTERM to the worker coordinating a fanned-out run: it stops at an action boundary,
    hands the run back and exits 0 within stop_grace; the other worker resumes it from the
    journal at once (no lease to wait for) and applies each effect once. The run finishes
    once: it never reads finished while it is handed back (``cancelled``/130 would end a
    follower's wait), and its event stream and the audit trail hold one ``run.finished``."""
    from opsctl.store.audit import iter_events

    project = wproject
    grace = 30.0  # a bound a loaded machine's Celery shutdown cannot reach by its slowness alone
    project.extra_env["OPSCTL_STOP_GRACE"] = f"{grace:.0f}s"
    start_workers(project, 2)
    with opened(project) as store:
        q = queue_run(project, "term", count=40, sleep_ms=100, fan_out=3, concurrency=3)
        row = mid_run(project, store, q)
        coordinator = worker_with_pid(project, pid_of(row["claim_process"]))
        [other] = [p for p in project.workers if p is not coordinator]
        watch = StatusWatch(project, q.run_id)
        watch.start()
        began = time.monotonic()
        code = project.stop_worker(coordinator, signal.SIGTERM, timeout=grace + 20)
        took = time.monotonic() - began
        assert code == 0, log_of(coordinator)[-3000:]
        assert took < grace, f"the worker took {took:.1f}s to stop (stop_grace {grace:.0f}s)"
        handed = [e for e in log_events(log_of(coordinator))
                  if e.get("event") == "run.handed_back" and e.get("run_id") == q.run_id]
        assert handed, log_of(coordinator)[-3000:]
        row = finished_once(project, store, q)
        resumed_in = time.monotonic() - began
        seen = watch.stop()
        assert seen == [("running", None), ("succeeded", 0)], seen
        finished_events = [(e["data"]["status"], e["data"]["exit_code"])
                           for e in store.run_events(q.run_id, limit=100_000)
                           if e["kind"] == "run.finished"]
        assert finished_events == [("succeeded", 0)], finished_events
        audited = [(e.payload["status"], e.payload["exit_code"])
                   for e in iter_events(store, run_id=q.run_id) if e.kind == "run.finished"]
        assert audited == [("succeeded", 0)], audited
        applied_events = [e.payload["action"] for e in iter_events(store, run_id=q.run_id)
                          if e.kind == "action.applied"]
        assert sorted(applied_events) == sorted(q.targets()), "each action audited once"
    assert str(row["claim_owner"]).endswith(f":{other.pid}"), row
    warnings = row["result"]["warnings"]
    assert any(w.startswith(f"resumed run {q.run_id}") for w in warnings), warnings
    print(f"SIGTERM on {project.broker}: exit 0 in {took:.1f}s, run finished by the other "
          f"worker {resumed_in:.1f}s after the signal")


def test_sigkill_of_the_only_worker(wproject: WorkerProject) -> None:
    """SIGKILL the only worker in the middle of a fanned-out run, then start another: its
    sweeper finds the run's claimer gone, the run is resumed and every effect applied once."""
    project = wproject
    first = project.start_worker(2)
    with opened(project) as store:
        q = queue_run(project, "only", count=30, sleep_ms=60, fan_out=3, concurrency=3)
        mid_run(project, store, q)
        sigkill(first)
        at_kill = len(effects(project))
        began = time.monotonic()
        second = project.start_worker(2)
        row = finished_once(project, store, q)
        took = time.monotonic() - began
    assert row["claim_owner"].endswith(f":{second.pid}"), row
    assert any(w.startswith(f"resumed run {q.run_id}") for w in row["result"]["warnings"])
    woke = [e for e in log_events(log_of(second))
            if e.get("event") == "sweeper.woke" and e.get("run_id") == q.run_id]
    assert woke, log_of(second)[-3000:]
    print(f"SIGKILL of the only worker on {project.broker}: {at_kill}/{q.count} effects at the "
          f"kill, finished {took:.1f}s after it by the next worker")


def test_a_run_asked_to_stop_while_its_worker_was_gone_is_not_carried_on(
        wproject: WorkerProject) -> None:
    """SIGKILL the only worker mid-run; its lease looks held from another machine, so
    `opsctl cancel` can only ask. The next worker's sweeper wakes the run: it ends
    `cancelled` there, with nothing more applied (was: resumed, the request forgotten)."""
    project = wproject
    first = project.start_worker(2)
    with opened(project) as store:
        q = queue_run(project, "asked", count=30, sleep_ms=60, fan_out=3, concurrency=3)
        mid_run(project, store, q)
        sigkill(first)
        at_kill = len(effects(project))
        with store.transaction():  # a holder elsewhere: never judged gone before its TTL
            store._execute("UPDATE locks SET process = 'host=elsewhere/pid=1/start=1', "
                           "expires_at = '9999-01-01T00:00:00+00:00' WHERE run_id = ?",
                           (q.run_id,))
        asked = project.run("cancel", q.run_id, "--reason", "the worker died",
                            "--format", "json")
        assert asked.code == 0 and asked.doc["status"] == "running", asked.stderr
        second = project.start_worker(2)
        row = poll("the run to end", lambda: (r := store.get_run(q.run_id)) and
                   r["status"] not in ("queued", "running") and r, 120, logs=project)
    assert row["status"] == "cancelled", row
    assert "cancelled on request" in row["result"]["error"]["message"]
    assert len(effects(project)) == at_kill
    assert second.poll() is None


def test_a_fanned_out_run_asked_to_stop_says_it_stopped_while_applying(
        rproject: WorkerProject) -> None:
    """A fanned-out run stopped on request ends ``cancelled`` with ``error.step`` ``apply``,
    as a run applied by one worker does (was: ``plan``, its actions applied all the same)."""
    project = rproject
    project.start_worker(3)
    with opened(project) as store:
        q = queue_run(project, "halt", count=60, sleep_ms=200, fan_out=3, concurrency=3)
        mid_run(project, store, q)
        asked = project.run("cancel", q.run_id, "--reason", "incident", "--format", "json")
        assert asked.code == 0 and asked.doc["status"] == "running", asked.stderr
        row = poll("the run to end", lambda: (r := store.get_run(q.run_id)) and
                   r["status"] not in ("queued", "running") and r, 120, logs=project)
    assert row["status"] == "cancelled", row
    error = row["result"]["error"]
    assert "cancelled on request" in error["message"] and error["step"] == "apply", error
    assert 0 < row["result"]["summary"]["applied"] < q.count


def test_ci_kills_at_least_50_workers_per_broker() -> None:
    if "OPSCTL_WORKER_KILLS" not in os.environ:
        assert KILLS >= 50
