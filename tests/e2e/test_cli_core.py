"""End-to-end: the installed console script against a temporary project, real SQLite, real files."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import OPSCTL, Project, clean_env

COUNTER = '''
from typing import Literal
from pathlib import Path
from pydantic import BaseModel, ConfigDict, Field
from opsctl import Action, Automation, Context, Duration, TransientError

class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")
    environment: Literal["staging", "prod"] = Field(description="Target environment")
    targets: list[str] = Field(default_factory=lambda: ["a", "b", "c"], description="Targets")
    fail_on: list[str] = Field(default_factory=list, description="Targets whose apply fails")
    transient_on: list[str] = Field(default_factory=list, description="Targets that raise transient")
    bug_on: list[str] = Field(default_factory=list, description="Targets whose apply has a bug")
    slow: float = Field(default=0.0, description="Seconds each apply takes")
    older_than: Duration = Field(default="30d", description="Unused duration")
    verbose_plan: bool = False

counter = Automation("counter", version="1.2.0", owner="platform", summary="Count per target",
                     request=Request, lock_scope=("environment",))

def state_dir(req):
    return Path("state") / req.environment

@counter.plan
def plan(ctx: Context, req: Request):
    for target in req.targets:
        path = state_dir(req) / target
        if not path.exists():
            yield Action(id=f"t-{target}", kind="create", target=str(path),
                         reason="target missing", after="1", data={"target": target})

@counter.apply
def apply(ctx: Context, req: Request, action: Action):
    import time
    target = action.data["target"]
    if req.slow:
        time.sleep(req.slow)
    if target in req.transient_on:
        raise TransientError(f"remote for {target} unavailable")
    if target in req.fail_on:
        from opsctl.errors import AuthError
        raise AuthError(f"no rights on {target}")
    if target in req.bug_on:
        raise ValueError("boom")
    ctx.files.mkdir(state_dir(req))
    path = Path(action.target)
    count = int(path.read_text()) if path.exists() else 0
    ctx.files.write_text(path, str(count + 1))
'''


@pytest.fixture
def counter(project: Project) -> Project:
    project.add_module("counter_auto", COUNTER)
    return project


def counts(project: Project, env: str = "staging") -> dict[str, int]:
    base = project.root / "state" / env
    return {p.name: int(p.read_text()) for p in sorted(base.iterdir())} if base.exists() else {}


def db_rows(project: Project, sql: str) -> list[tuple]:
    with sqlite3.connect(project.db) as conn:
        return conn.execute(sql).fetchall()


def wait_until_applied(project: Project, proc: subprocess.Popen[str], count: int = 1) -> None:
    """Until ``count`` actions are journaled applied: the run is applying (its signal handlers
    are installed), whatever the machine's load; a fixed sleep cannot promise that."""
    deadline = time.monotonic() + 30
    while True:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the run never applied an action"
        try:
            if db_rows(project, "SELECT COUNT(*) FROM actions WHERE status = 'applied'")[0][0] \
                    >= count:
                return
        except sqlite3.Error:
            pass  # not created yet
        time.sleep(0.02)


# -- the happy path -----------------------------------------------------------------------------

def test_dry_run_plans_changes_and_changes_nothing(counter: Project) -> None:
    r = counter.run("counter", "--environment", "staging", "--dry-run", "--format", "json")
    assert r.code == 10
    assert r.doc["status"] == "changes_planned"
    assert r.doc["mode"] == "plan"
    assert [a["id"] for a in r.doc["plan"]["actions"]] == ["t-a", "t-b", "t-c"]
    assert {a["status"] for a in r.doc["plan"]["actions"]} == {"pending"}
    assert counts(counter) == {}
    assert db_rows(counter, "SELECT status, exit_code FROM runs") == [("changes_planned", 10)]


def test_apply_runs_exactly_the_planned_actions(counter: Project) -> None:
    dry = counter.run("counter", "--environment", "staging", "--dry-run", "--format", "json")
    applied = counter.run("counter", "--environment", "staging", "--format", "json")
    assert applied.code == 0
    assert applied.doc["status"] == "succeeded"
    assert applied.doc["plan"]["fingerprint"] == dry.doc["plan"]["fingerprint"]
    assert [a["id"] for a in applied.doc["plan"]["actions"]] == [a["id"] for a in dry.doc["plan"]["actions"]]
    assert applied.doc["summary"] == {"planned": 3, "applied": 3, "unchanged": 0, "skipped": 0, "failed": 0}
    assert counts(counter) == {"a": 1, "b": 1, "c": 1}
    journal = db_rows(counter, "SELECT action_id, a.status, attempts FROM actions a JOIN runs r "
                               "ON a.run_id = r.id WHERE r.mode = 'apply' ORDER BY seq")
    assert journal == [("t-a", "applied", 1), ("t-b", "applied", 1), ("t-c", "applied", 1)]


def test_second_apply_plans_nothing(counter: Project) -> None:
    counter.run("counter", "--environment", "staging")
    again = counter.run("counter", "--environment", "staging", "--format", "json")
    assert again.code == 0
    assert again.doc["status"] == "no_changes"
    assert again.doc["plan"]["actions"] == []
    assert counts(counter) == {"a": 1, "b": 1, "c": 1}


def test_plan_verb_and_apply_verb(counter: Project) -> None:
    planned = counter.run("plan", "counter", "--environment", "prod", "--format", "json")
    assert planned.code == 10
    assert planned.doc["mode"] == "plan"
    applied = counter.run("apply", "counter", "--environment", "prod", "--format", "json")
    assert applied.code == 0
    assert counts(counter, "prod") == {"a": 1, "b": 1, "c": 1}


def test_request_file_with_flag_override(counter: Project) -> None:
    (counter.root / "req.yaml").write_text("environment: staging\ntargets: [x, y]\n")
    r = counter.run("plan", "counter", "--request", "req.yaml", "--environment", "prod",
                    "--format", "json")
    assert r.code == 10
    assert r.doc["request"]["environment"] == "prod"
    assert r.doc["request"]["targets"] == ["x", "y"]
    (counter.root / "req.json").write_text(json.dumps({"environment": "staging", "targets": ["j"]}))
    r = counter.run("plan", "counter", "--request", "req.json", "--format", "json")
    assert r.code == 10
    assert [a["id"] for a in r.doc["plan"]["actions"]] == ["t-j"]


def test_text_output_is_for_people(counter: Project) -> None:
    r = counter.run("counter", "--environment", "staging", "--dry-run")
    assert r.code == 10
    assert "changes_planned" in r.stdout
    assert "t-a" in r.stdout and "create" in r.stdout
    assert not r.stdout.lstrip().startswith("{")


def test_logs_are_json_lines_on_stderr_bound_to_the_run(counter: Project) -> None:
    r = counter.run("counter", "--environment", "staging", "--format", "json")
    events = r.logs()
    names = [e["event"] for e in events]
    assert names[0] == "run.started" and names[-1] == "run.finished"
    assert {"plan.created", "gate.passed", "action.applied"} <= set(names)
    for event in events:
        assert event["run_id"] == r.doc["run_id"]
        assert event["automation"] == "counter"
        assert "step" in event
    assert {e["action"] for e in events if e["event"] == "action.applied"} == {"t-a", "t-b", "t-c"}


def test_runs_and_show(counter: Project) -> None:
    first = counter.run("counter", "--environment", "staging", "--format", "json")
    counter.run("counter", "--environment", "prod", "--dry-run")
    runs = counter.run("runs", "--format", "json", expect_json=True)
    assert runs.code == 0
    assert [r["status"] for r in runs.doc["runs"]] == ["changes_planned", "succeeded"]
    only = counter.run("runs", "--status", "succeeded", "--format", "json", expect_json=True)
    assert [r["id"] for r in only.doc["runs"]] == [first.doc["run_id"]]
    none = counter.run("runs", "--automation", "other", "--format", "json", expect_json=True)
    assert none.doc["runs"] == []
    shown = counter.run("show", first.doc["run_id"], "--format", "json", expect_json=True)
    assert shown.code == 0
    assert shown.doc["result"] == first.doc
    assert [a["status"] for a in shown.doc["actions"]] == ["applied"] * 3
    runtime = shown.doc["runtime"]
    assert runtime["opsctl_version"]
    assert runtime["python_version"]
    assert runtime["automation_source_hash"].startswith("sha256:")
    text = counter.run("show", first.doc["run_id"])
    assert text.code == 0 and "succeeded" in text.stdout


def test_runs_pages_with_after_and_before(counter: Project) -> None:
    counter.run("counter", "--environment", "staging", "--dry-run")
    counter.run("counter", "--environment", "prod", "--dry-run")
    counter.run("counter", "--environment", "staging", "--dry-run")
    every = counter.run("runs", "--format", "json", expect_json=True).doc
    assert every["next_after"] is None and every["next_before"] is None
    ids = [r["id"] for r in every["runs"]]
    assert len(ids) == 3
    first = counter.run("runs", "--limit", "2", "--format", "json", expect_json=True)
    assert first.code == 0
    assert ([r["id"] for r in first.doc["runs"]], first.doc["next_after"]) == (ids[:2], ids[1])
    older = counter.run("runs", "--limit", "2", "--after", ids[1], "--format", "json",
                        expect_json=True)
    assert (older.code, [r["id"] for r in older.doc["runs"]]) == (0, ids[2:])
    assert (older.doc["next_after"], older.doc["next_before"]) == (None, ids[2])
    newer = counter.run("runs", "--limit", "2", "--before", ids[2], "--format", "json",
                        expect_json=True)
    assert [r["id"] for r in newer.doc["runs"]] == ids[:2]
    text = counter.run("runs", "--limit", "1")
    assert text.code == 0 and f"older runs: opsctl runs --limit 1 --after {ids[0]}" in text.stdout
    bad = counter.run("runs", "--after", "run_unknown")
    assert bad.code == 2
    assert "--after run_unknown: no such run" in bad.stderr
    # a unique prefix names the run as it does for `opsctl show`; a shared one is refused
    short = counter.run("runs", "--limit", "2", "--after", ids[1][:-4], "--format", "json",
                        expect_json=True)
    assert (short.code, short.doc) == (0, older.doc), short.stderr
    shared = next(n for n in range(len(ids[0])) if len({i[:n + 1] for i in ids}) > 1)
    ambiguous = counter.run("runs", "--before", ids[0][:shared])
    assert ambiguous.code == 2 and "matches" in ambiguous.stderr, ambiguous.stderr


def test_runs_filters_by_actor_and_start_time(counter: Project) -> None:
    """`opsctl runs --actor/--since/--until`: the runs of the last hour, of one person; a time
    ago or an ISO 8601 time; a page hint repeats the time meant; a time that is neither is
    exit 2, as the HTTP API's filters of the same names."""
    old = counter.run("counter", "--environment", "staging", "--dry-run", "--format", "json",
                      env=counter.env({"OPSCTL_ACTOR": "ada"})).doc["run_id"]
    recent = counter.run("counter", "--environment", "prod", "--dry-run", "--format", "json",
                         env=counter.env({"OPSCTL_ACTOR": "ada"})).doc["run_id"]
    other = counter.run("counter", "--environment", "staging", "--dry-run", "--format", "json",
                        env=counter.env({"OPSCTL_ACTOR": "grace"})).doc["run_id"]
    with sqlite3.connect(counter.db) as conn:  # the first run started yesterday
        conn.execute("UPDATE runs SET started_at = ? WHERE id = ?",
                     ("2026-01-01T03:00:00.000+00:00", old))

    def listed(*args: str) -> list[str]:
        r = counter.run("runs", *args, "--format", "json", expect_json=True)
        assert r.code == 0, r.stderr
        return [run["id"] for run in r.doc["runs"]]

    assert listed("--actor", "ada") == [recent, old]
    assert listed("--since", "1h") == [other, recent]
    assert listed("--since", "1h", "--actor", "ada") == [recent]
    assert listed("--until", "1h") == [old]
    assert listed("--since", "2026-01-01T02:00:00", "--until", "2026-01-01T04:00:00Z") == [old]
    assert listed("--since", "2026-01-01T04:00:00+02:00", "--until", "2026-01-01T03:00:00Z") == []
    text = counter.run("runs", "--since", "2026-01-01T02:00", "--limit", "1")
    assert text.code == 0, text.stderr
    assert ("older runs: opsctl runs --since 2026-01-01T02:00:00.000+00:00 --limit 1 --after "
            f"{other}") in text.stdout
    for bad in ("yesterday", "-1h", "2026-13-01"):
        refused = counter.run("runs", "--since", bad)
        assert refused.code == 2, (bad, refused.stderr)
        assert "opsctl: error: Invalid value for --since" in refused.stderr
        assert "Traceback" not in refused.stderr


def test_runtime_records_git_commit(counter: Project) -> None:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@e", "PATH": os.environ["PATH"], "HOME": str(counter.root)}
    for cmd in (["git", "init", "-q"], ["git", "add", "counter_auto.py"],
                ["git", "commit", "-qm", "init"]):
        subprocess.run(cmd, cwd=counter.root, env=env, check=True)
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=counter.root, capture_output=True,
                          text=True, check=True).stdout.strip()
    r = counter.run("counter", "--environment", "staging", "--dry-run", "--format", "json")
    shown = counter.run("show", r.doc["run_id"], "--format", "json", expect_json=True)
    assert shown.doc["runtime"]["git_commit"] == head


# -- exit codes of failures ---------------------------------------------------------------------

def test_transient_failure_of_first_action_exits_4(counter: Project) -> None:
    r = counter.run("counter", "--environment", "staging", "--transient-on", "a", "--format", "json")
    assert r.code == 4
    assert r.doc["status"] == "failed"
    assert r.doc["error"]["type"] == "dependency_unavailable"
    assert r.doc["error"]["retryable"] is True
    assert r.doc["error"]["step"] == "apply"
    assert [a["status"] for a in r.doc["plan"]["actions"]] == ["failed", "skipped", "skipped"]
    assert counts(counter) == {}


def test_failure_after_some_applied_is_partial_exit_5(counter: Project) -> None:
    r = counter.run("counter", "--environment", "staging", "--transient-on", "b", "--format", "json")
    assert r.code == 5
    assert r.doc["status"] == "partial"
    assert r.doc["error"]["type"] == "partial"
    assert [a["status"] for a in r.doc["plan"]["actions"]] == ["applied", "failed", "skipped"]
    assert r.doc["summary"]["applied"] == 1 and r.doc["summary"]["failed"] == 1
    assert counts(counter) == {"a": 1}


def test_permission_refused_exits_6(counter: Project) -> None:
    """A remote refusing the credentials: exit 6, a failed run (not `denied`, which is
    opsctl's own governance)."""
    r = counter.run("counter", "--environment", "staging", "--fail-on", "a", "--format", "json")
    assert r.code == 6
    assert r.doc["status"] == "failed"
    assert r.doc["error"]["type"] == "auth"


def test_bug_in_apply_exits_1_without_traceback_unless_verbose(counter: Project) -> None:
    r = counter.run("counter", "--environment", "staging", "--bug-on", "a", "--format", "json")
    assert r.code == 1
    assert r.doc["error"]["type"] == "internal"
    assert "ValueError: boom" in r.doc["error"]["message"]
    verbose = counter.run("counter", "--environment", "prod", "--bug-on", "a", "-v")
    assert verbose.code == 1
    assert "Traceback" in verbose.stderr


def test_sigint_during_apply_exits_130_cancelled(counter: Project) -> None:
    # Each action takes 2 s: the signal lands before the last one starts even when a loaded
    # machine is slow to see the first one applied (with 0.6 s, it could see it too late).
    proc = subprocess.Popen([OPSCTL, "counter", "--environment", "staging", "--slow", "2",
                             "--format", "json"], cwd=counter.root, env=clean_env(counter.root),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_until_applied(counter, proc)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    doc = json.loads(out)
    assert doc["status"] == "cancelled"
    assert doc["exit_code"] == 130
    statuses = dict(db_rows(counter, "SELECT action_id, status FROM actions"))
    assert "applied" in statuses.values()
    assert statuses != {"t-a": "applied", "t-b": "applied", "t-c": "applied"}


def test_sigterm_is_treated_like_sigint(counter: Project) -> None:
    proc = subprocess.Popen([OPSCTL, "counter", "--environment", "staging", "--slow", "2"],
                            cwd=counter.root, env=clean_env(counter.root),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_until_applied(counter, proc)
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert db_rows(counter, "SELECT status FROM runs") == [("cancelled",)]



def wait_until_reading_stdin(proc: subprocess.Popen[str]) -> None:
    """Until the main thread of ``proc`` is blocked in read(2) on its standard input: the
    command is past start-up (its signal handlers installed) and waits on the writer."""
    reads = {"0", "63"}  # read(2) on x86-64, and on arm64
    deadline = time.monotonic() + 60
    while True:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "opsctl never waited on its standard input"
        try:
            fields = Path(f"/proc/{proc.pid}/syscall").read_text().split()
        except OSError:
            pytest.skip("/proc/PID/syscall is not readable here")
        if len(fields) > 1 and fields[0] in reads and int(fields[1], 16) == 0:
            return
        time.sleep(0.05)


@pytest.mark.parametrize(("args", "what", "sig"), [
    (["apply", "--plan", "-"], "plan file", signal.SIGINT),
    (["counter", "--request", "-", "--dry-run"], "request file", signal.SIGINT),
    (["counter", "--request", "-"], "request file", signal.SIGTERM),
])
def test_a_signal_while_reading_standard_input_exits_130_at_once(
        counter: Project, args: list[str], what: str, sig: int) -> None:
    """`opsctl plan ... --out - | opsctl apply --plan -` stopped with Ctrl-C: the reader does
    not wait for its writer and then refuse an empty document (exit 2)."""
    from tests.conftest import validate_result

    proc = subprocess.Popen([OPSCTL, *args, "--format", "json"], cwd=counter.root,
                            env=clean_env(counter.root), stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_until_reading_stdin(proc)
        proc.send_signal(sig)
        proc.wait(timeout=30)  # stdin stays open (communicate would close it): only the signal
        out, err = proc.communicate()  # can end the read
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1, out
    doc = json.loads(lines[0])
    validate_result(doc)
    assert (doc["status"], doc["exit_code"]) == ("cancelled", 130)
    assert doc["error"]["message"] == (f"interrupted while reading the {what} from standard "
                                       "input: nothing was run")
    assert "Traceback" not in err
    if counter.db.exists():
        assert db_rows(counter, "SELECT COUNT(*) FROM runs") == [(0,)]


PRECHECK = '''
from pydantic import BaseModel
from opsctl import Action, Automation, PlanRejectedError

class Request(BaseModel):
    ready: bool = False
    late: bool = False

guarded = Automation("guarded", version="0.1.0", owner="o", summary="Refuses when not ready",
                     request=Request)

@guarded.plan
def plan(ctx, req):
    if not req.ready:
        raise PlanRejectedError("target is not ready: run the migration first")
    yield Action(id="go", kind="run", target="x", reason="ready")

@guarded.apply
def apply(ctx, req, action):
    if req.late:
        raise PlanRejectedError("target changed since planning: plan again")
    return None
'''


def test_failed_precheck_exits_3(project: Project) -> None:
    project.add_module("guarded_auto", PRECHECK)
    r = project.run("guarded", "--format", "json")
    assert r.code == 3
    assert r.doc["error"] == {"type": "validation", "message": "target is not ready: run the migration first",
                              "retryable": False, "step": "plan"}
    assert project.run("guarded", "--ready").code == 0


def test_a_precheck_refused_while_applying_names_the_apply_step(project: Project) -> None:
    project.add_module("guarded_auto", PRECHECK)
    r = project.run("guarded", "--ready", "--late", "--format", "json")
    assert r.code == 3, r.stderr
    assert r.doc["error"] == {"type": "validation", "message": "target changed since planning: "
                              "plan again", "retryable": False, "step": "apply"}


@pytest.mark.parametrize(("args", "step"), [([], "plan"), (["--ready", "--late"], "apply")])
def test_an_automations_own_step_name_keeps_the_result_within_its_schema(
        project: Project, args: list[str], step: str) -> None:
    """``PlanRejectedError(..., step="precheck")``: the result's ``error.step`` is one the
    published schema names, the step of the run it came from (was: "precheck", a document
    that failed validation against `opsctl schema --result-document`). The run's own
    ``project.run`` validates every document it returns."""
    project.add_module("guarded_auto", PRECHECK.replace('plan again")', 'plan again", '
                                                        'step="precheck")').replace(
        'migration first")', 'migration first", step="precheck")'))
    r = project.run("guarded", *args, "--format", "json")
    assert r.code == 3, r.stderr
    assert (r.doc["error"]["type"], r.doc["error"]["step"]) == ("validation", step)
    from typing import get_args

    from opsctl.contract.result import Step
    from opsctl.engine.results import PUBLISHED_STEPS

    assert get_args(Step) == PUBLISHED_STEPS


# -- bad input: exit 2, one line, nothing written -------------------------------------------------

@pytest.mark.parametrize(
    ("args", "needle"),
    [
        pytest.param(["counter"], "--environment", id="missing-required-flag"),
        pytest.param(["counter", "--environment", "qa"], "--environment", id="unknown-enum-value"),
        pytest.param(["counter", "--environment", "prod", "--slow", "fast"], "--slow", id="wrong-type"),
        pytest.param(["counter", "--environment", "prod", "--older-than", "soon"], "--older-than",
                     id="bad-duration"),
        pytest.param(["counter", "--environment", "prod", "--nope"], "--nope", id="unknown-flag"),
        pytest.param(["no-such-automation"], "no-such-automation", id="unknown-automation"),
        pytest.param(["plan", "no-such-automation"], "no-such-automation", id="unknown-automation-plan"),
        pytest.param(["describe", "no-such-automation"], "no-such-automation", id="unknown-describe"),
    ],
)
def test_bad_arguments_exit_2_and_write_nothing(counter: Project, args: list[str], needle: str) -> None:
    r = counter.run(*args)
    assert r.code == 2
    assert needle in r.stderr
    assert not counter.db.exists() or db_rows(counter, "SELECT COUNT(*) FROM runs") == [(0,)]


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        pytest.param("req.yaml", "environment: [unclosed\n", "not valid YAML", id="malformed-yaml"),
        pytest.param("req.json", "{\"environment\": ", "not valid JSON", id="malformed-json"),
        pytest.param("req.yaml", "environment: prod\nsurprise: 1\n", "surprise: unknown field",
                     id="unknown-field"),
        pytest.param("req.yaml", "environment: prod\nslow: lots\n", "slow:", id="wrong-type-in-document"),
        pytest.param("req.yaml", "- a\n- b\n", "must hold a mapping", id="not-a-mapping"),
        pytest.param("req.yaml", "targets: [a]\n", "environment: required field is missing",
                     id="missing-field-in-document"),
    ],
)
def test_bad_request_documents_exit_2(counter: Project, name: str, content: str, needle: str) -> None:
    (counter.root / name).write_text(content)
    r = counter.run("counter", "--request", name, "--format", "json")
    assert r.code == 2
    assert needle in r.doc["error"]["message"]
    assert name in r.doc["error"]["message"] or "counter" in r.doc["error"]["message"]
    assert r.doc["run_id"] is None
    assert len(r.stderr.strip().splitlines()) == 1
    assert counts(counter) == {}
    assert not counter.db.exists() or db_rows(counter, "SELECT COUNT(*) FROM runs") == [(0,)]


def test_missing_request_file_exits_2(counter: Project) -> None:
    r = counter.run("counter", "--request", "absent.yaml")
    assert r.code == 2
    assert "absent.yaml does not exist" in r.stderr


def test_config_that_does_not_parse_exits_2(counter: Project) -> None:
    (counter.root / "opsctl.toml").write_text("automations = [\n")
    r = counter.run("list")
    assert r.code == 2
    assert "opsctl.toml does not parse" in r.stderr
    r = counter.run("counter", "--environment", "prod")
    assert r.code == 2
    assert "opsctl.toml" in r.stderr


def test_unknown_config_key_exits_2(counter: Project) -> None:
    counter.write_config("plan_tll = '1h'\n")
    r = counter.run("counter", "--environment", "prod")
    assert r.code == 2
    assert "plan_tll" in r.stderr


def test_missing_explicit_config_file_exits_2(counter: Project) -> None:
    r = counter.run("list", "--config", "nowhere.toml")
    assert r.code == 2
    assert "nowhere.toml does not exist" in r.stderr


def test_unwritable_state_dir_exits_2(counter: Project) -> None:
    (counter.root / "blocker").write_text("a file, not a directory")
    env = clean_env(counter.root, {"OPSCTL_STATE_DIR": str(counter.root / "blocker" / "state")})
    r = counter.run("counter", "--environment", "prod", env=env)
    assert r.code == 2
    assert "state directory" in r.stderr
    # and what to do about it, as in a container whose project is mounted read-only
    assert "set state_dir (OPSCTL_STATE_DIR) to a writable directory" in r.stderr
    assert counts(counter, "prod") == {}


# -- mutation guards while planning ---------------------------------------------------------------

SNEAKY = '''
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    how: str

sneaky = Automation("sneaky", version="1.0.0", owner="o", summary="Mutates while planning",
                    request=Request)

@sneaky.plan
def plan(ctx, req):
    if req.how == "file":
        ctx.files.write_text("planted.txt", "x")
    elif req.how == "http":
        ctx.http.post("http://127.0.0.1:9/")
    elif req.how == "sql":
        import sqlite3
        sqlite3.connect("data.db").execute("CREATE TABLE IF NOT EXISTS t (x)").connection.commit()
        conn = ctx.sql.connect("data.db")
        conn.execute("INSERT INTO t VALUES (1)")
    return []

@sneaky.apply
def apply(ctx, req, action):
    return None
'''


@pytest.mark.parametrize("how", ["file", "http", "sql"])
def test_helpers_refuse_to_mutate_while_planning(project: Project, how: str) -> None:
    project.add_module("sneaky_auto", SNEAKY)
    r = project.run("sneaky", "--how", how, "--dry-run", "--format", "json")
    assert r.code == 1
    assert r.doc["error"]["step"] == "plan"
    assert r.doc["error"]["type"] == "unsafe_input"  # every helper, ctx.sql's database too
    if how == "sql":
        assert "readonly" in r.doc["error"]["message"]
        with sqlite3.connect(project.root / "data.db") as conn:
            assert conn.execute("SELECT COUNT(*) FROM t").fetchone() == (0,)
    else:
        assert "while planning" in r.doc["error"]["message"]
    assert not (project.root / "planted.txt").exists()


# -- help, list, describe, schema, config ---------------------------------------------------------

def test_help_lists_automations_and_generated_flags(counter: Project) -> None:
    top = counter.run("--help")
    assert top.code == 0
    assert "counter" in top.stdout and "Count per target" in top.stdout
    sub = counter.run("counter", "--help")
    assert sub.code == 0
    for text in ("--environment [staging|prod]", "Target environment", "[required]",
                 "--older-than DURATION", "[default: 30d]", "--verbose-plan / --no-verbose-plan",
                 "Repeatable", "--dry-run", "--request FILE", "--idempotency-key"):
        assert text in sub.stdout, text


def test_list_and_describe(counter: Project) -> None:
    listed = counter.run("list", "--format", "json", expect_json=True)
    assert listed.code == 0
    assert [a["name"] for a in listed.doc["automations"]] == ["counter"]
    described = counter.run("describe", "counter", "--format", "json", expect_json=True)
    assert described.code == 0
    d = described.doc
    assert (d["version"], d["owner"], d["effect"], d["lock_scope"]) == ("1.2.0", "platform", "mutate",
                                                                       ["environment"])
    assert d["request_schema"]["properties"]["environment"]["enum"] == ["staging", "prod"]
    assert {c["code"] for c in d["exit_codes"]} == {0, 1, 2, 3, 4, 5, 6, 7, 10, 130}


def test_schemas_are_valid_json_schema(counter: Project) -> None:
    from jsonschema import Draft202012Validator

    request = counter.run("schema", "counter", expect_json=True)
    assert request.code == 0
    Draft202012Validator.check_schema(request.doc)
    assert "environment" in request.doc["required"]
    result = counter.run("schema", "--result-document", expect_json=True)
    Draft202012Validator.check_schema(result.doc)
    assert result.doc["properties"]["schema"]["const"] == "opsctl.result/v1"


@pytest.mark.parametrize("args", [
    pytest.param(["--config", "", "list"], id="before-the-command"),
    pytest.param(["list", "--config", ""], id="after-the-command"),
    pytest.param(["config", "show", "--config="], id="with-equals"),
])
def test_an_empty_config_option_is_refused(counter: Project, args: list[str]) -> None:
    """`--config "$CFG"` with CFG unset: exit 2, not the opsctl.toml found upwards in its
    place (another project's settings, store and automations)."""
    r = counter.run(*args)
    assert r.code == 2, r.stdout
    assert "--config: an empty path" in r.stderr and "Traceback" not in r.stderr
    assert r.stdout == ""


def test_show_config_masks_a_secret_s_value_wherever_it_is_shown(counter: Project) -> None:
    """A secret's value inside another setting (a URL in `[automation.NAME]`, the actor) is
    `***` there too, as in logs and results (was: printed in clear beside `secrets.api ***`)."""
    counter.write_config('[secrets]\napi = "hunter2-canary"\n'
                         '[automation.counter]\nurl = "https://x.example/?key=hunter2-canary"\n')
    env = counter.env({"OPSCTL_ACTOR": "hunter2-canary"})
    for args in (["config", "show"], ["config", "show", "-o", "json"],
                 ["counter", "--show-config"]):
        r = counter.run(*args, env=env)
        assert r.code == 0, (args, r.stderr)
        assert "hunter2-canary" not in r.stdout, args
        assert "key=***" in r.stdout, args


def test_show_config_names_each_layer(counter: Project) -> None:
    user_cfg = counter.root / ".home" / ".config" / "opsctl"
    user_cfg.mkdir(parents=True)
    (user_cfg / "config.toml").write_text("log_level = 'warning'\n")
    counter.write_config("plan_ttl = '2h'\n[secrets]\ndb_password = 'pa55word-canary'\n")
    env = clean_env(counter.root / ".home", {"OPSCTL_ACTOR": "alice"})
    r = counter.run("config", "show", "--format", "json", "--log-format", "console", env=env,
                    expect_json=True)
    assert r.code == 0
    assert r.doc["plan_ttl"]["value"] == "2h" and r.doc["plan_ttl"]["layer"].startswith("repo:")
    assert r.doc["log_level"]["layer"].startswith("user:")
    assert r.doc["actor"] == {"value": "alice", "layer": "env"}
    assert r.doc["log_format"] == {"value": "console", "layer": "flag"}
    assert r.doc["format"] == {"value": "json", "layer": "flag"}
    assert r.doc["store_url"]["layer"] == "default"
    assert r.doc["secrets.db_password"]["value"] == "***"
    assert "pa55word-canary" not in r.stdout
    flag_form = counter.run("counter", "--environment", "prod", "--show-config", env=env)
    assert flag_form.code == 0
    assert "plan_ttl" in flag_form.stdout and "2h" in flag_form.stdout
    assert counts(counter, "prod") == {}
    # on any command, before or after it, without that command's required flags
    for args in (["counter", "--show-config"], ["--show-config", "runs"],
                 ["runs", "--show-config"], ["-o", "json", "--show-config", "list"]):
        shown = counter.run(*args, env=env)
        assert shown.code == 0, (args, shown.stderr)
        assert "plan_ttl" in shown.stdout and "2h" in shown.stdout, args
    assert json.loads(shown.stdout)["format"] == {"value": "json", "layer": "flag"}
    # --executor is the executor setting of that run: shown as the flag layer
    for args in (["counter", "--executor", "celery", "--show-config"],
                 ["apply", "counter", "--executor=celery", "--show-config"]):
        shown = counter.run(*args, "-o", "json", env=env)
        assert shown.code == 0, (args, shown.stderr)
        assert json.loads(shown.stdout)["executor"] == {"value": "celery", "layer": "flag"}, args


WARNING = '''
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    pass

cautious = Automation("cautious", version="1.0.0", owner="o", summary="Warns", request=Request)

@cautious.plan
def plan(ctx, req):
    ctx.warn("target list is from a stale cache")
    yield Action(id="one", kind="update", target="x", reason="r")

@cautious.apply
def apply(ctx, req, action):
    ctx.warn("kept x: modified since planning", target="x")
    return "unchanged"
'''


def test_warnings_reach_the_result_and_the_logs(project: Project) -> None:
    project.add_module("cautious_auto", WARNING)
    r = project.run("cautious", "--format", "json")
    assert r.code == 0
    assert r.doc["status"] == "no_changes"
    assert r.doc["warnings"] == ["target list is from a stale cache", "kept x: modified since planning"]
    logged = [e for e in r.logs() if e["level"] == "warning"]
    assert [e["step"] for e in logged] == ["plan", "apply"]
    text = project.run("cautious")
    assert "warning: kept x: modified since planning" in text.stdout


LITERALS = '''
from typing import Literal
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    level: Literal[1, 2, 3] = 1
    word: Literal["1", "b"] = "b"
    many: list[Literal[1, 2]] = []
    mode: Literal[1, "auto", None] = None
    modes: list[Literal[0, "x"]] = []

lit = Automation("lit", version="1.0.0", owner="o", summary="Literal flags", request=Request,
                 effect="read")

@lit.plan
def plan(ctx, req):
    yield Action(id="a", kind="run", target="t", reason="r")
'''


def test_a_literal_of_numbers_is_set_from_its_flag(project: Project) -> None:
    """`Literal[1, 2, 3]`: `--level 2` is the number 2 (it was the text "2", refused); a
    Literal of strings keeps "1" a string."""
    project.add_module("lit_auto", LITERALS)
    r = project.run("lit", "--level", "2", "--word", "1", "--many", "1", "--many", "2",
                    "--format", "json")
    assert r.code == 0, r.stderr
    assert r.doc["request"] == {"level": 2, "word": "1", "many": [1, 2], "mode": None, "modes": []}
    refused = project.run("lit", "--level", "4")
    assert refused.code == 2 and "'4' is not one of '1', '2', '3'" in refused.stderr


@pytest.mark.parametrize(("args", "request_fields"), [
    pytest.param(["--mode", "auto"], {"mode": "auto"}, id="string-choice"),
    pytest.param(["--mode", "1"], {"mode": 1}, id="number-choice"),
    pytest.param(["--mode", "null"], {"mode": None}, id="null-choice"),
    pytest.param(["--modes", "x", "--modes", "0"], {"modes": ["x", 0]}, id="repeated"),
])
def test_a_literal_of_strings_and_numbers_takes_either_from_its_flag(
        project: Project, args: list[str], request_fields: dict[str, object]) -> None:
    """`Literal[1, "auto", None]`: `--mode auto` is the string (it was exit 1, a JSON error)."""
    project.add_module("lit_auto", LITERALS)
    r = project.run("lit", *args, "--format", "json")
    assert r.code == 0, r.stderr
    assert r.doc["request"].items() >= request_fields.items()


ENUMS = """
import enum
from pydantic import BaseModel
from opsctl import Action, Automation

class Size(enum.Enum):
    small = 1
    large = 2

class Mode(enum.Enum):
    one = 1
    auto = "auto"

class Request(BaseModel):
    size: Size = Size.small
    sizes: list[Size] = []
    mode: Mode = Mode.auto

sized = Automation("sized", version="1.0.0", owner="o", summary="Enum flags", request=Request,
                   effect="read")

@sized.plan
def plan(ctx, req):
    yield Action(id="a", kind="run", target="t", reason="r")
"""


def test_an_enum_of_numbers_is_set_from_its_flag(project: Project) -> None:
    """A plain `Enum` whose values are numbers: `--size 2` is its member 2 (it was the text
    "2": exit 2, 'Input should be 1 or 2', for a choice --help offers)."""
    project.add_module("sized_auto", ENUMS)
    r = project.run("sized", "--size", "2", "--sizes", "1", "--sizes", "2", "--mode", "1",
                    "--format", "json")
    assert r.code == 0, r.stderr
    assert r.doc["request"] == {"size": 2, "sizes": [1, 2], "mode": 1}
    r = project.run("sized", "--mode", "auto", "--format", "json")
    assert r.code == 0, r.stderr
    assert r.doc["request"]["mode"] == "auto"


def test_an_action_stopped_between_its_retries_keeps_its_attempts_and_waits(
        counter: Project) -> None:
    """A signal during a retry's wait: the journal and the result agree on the attempts made,
    and the result keeps the waits so far (the journal said 1 attempt, the result 2)."""
    env = counter.env({"OPSCTL_RETRY__ATTEMPTS": "6", "OPSCTL_RETRY__BASE": "1s",
                       "OPSCTL_RETRY__CAP": "1s"})
    proc = subprocess.Popen([OPSCTL, "counter", "--environment", "staging", "--targets", "a",
                             "--transient-on", "a", "--yes", "--format", "json"],
                            cwd=counter.root, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    err = ""
    while True:  # the log line of each retry says it is about to wait
        line = proc.stderr.readline() if proc.stderr else ""
        err += line
        if err.count("action.retrying") >= 2:
            break
        assert line and time.monotonic() < deadline, err
    proc.send_signal(signal.SIGINT)
    out, rest = proc.communicate(timeout=30)
    assert proc.returncode == 130, err + rest
    [action] = json.loads(out)["plan"]["actions"]
    shown = counter.run("show", json.loads(out)["run_id"], "--format", "json", expect_json=True)
    [journaled] = shown.doc["actions"]
    assert action["attempts"] == journaled["attempts"] >= 2, (action, journaled)
    assert action["waits"], action
