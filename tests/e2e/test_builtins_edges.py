"""Edges of the built-in commands: option values refused as usage errors (exit 2, one line),
run id prefixes matched literally, ambiguous prefixes named, every run status listable, page
hints that repeat the filters, reasons that must say something, schema's option clashes."""

from __future__ import annotations

import json
import signal
import sqlite3
from typing import Any

import pytest

from tests.conftest import Project
from tests.e2e.test_cli_core import COUNTER

MAX_INT64 = 2**63 - 1


@pytest.fixture
def counter(project: Project) -> Project:
    project.add_module("counter_auto", COUNTER)
    return project


@pytest.fixture
def backend_counter(backend_project: Project) -> Project:
    backend_project.add_module("counter_auto", COUNTER)
    return backend_project


def make_runs(project: Project, count: int) -> list[str]:
    """``count`` recorded applies (one each for targets t0, t1...), newest first."""
    for n in range(count):
        r = project.run("counter", "--environment", "staging", "--targets", f"t{n}")
        assert r.code == 0, r.stderr
    listed = project.run("runs", "--format", "json")
    assert listed.code == 0, listed.stderr
    return [run["id"] for run in listed.doc["runs"]]


def common_prefix(ids: list[str]) -> str:
    first, last = min(ids), max(ids)
    same = next((n for n, (a, b) in enumerate(zip(first, last, strict=False)) if a != b),
                len(first))
    return first[:same]


def usage_error(project: Project, *args: str) -> tuple[str, dict[str, Any]]:
    """Run a command that must be refused as a usage error: exit 2 and one `opsctl: error:`
    line (plus a hint), and under -o json one result document saying the same."""
    text = project.run(*args)
    assert text.code == 2, text.stdout + text.stderr
    errors = [line for line in text.stderr.splitlines() if line.startswith("opsctl: error: ")]
    assert len(errors) == 1, text.stderr
    assert "internal error" not in text.stderr
    machine = project.run(*args, "--format", "json")
    assert machine.code == 2, machine.stderr
    assert machine.doc["error"]["type"] == "validation"
    return errors[0], machine.doc


# -- option values ------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [pytest.param("abc", id="not-a-duration"),
                                   pytest.param("-5s", id="negative")])
def test_resume_wait_lock_must_be_a_duration(counter: Project, value: str) -> None:
    run_id = make_runs(counter, 1)[0]
    line, doc = usage_error(counter, "resume", run_id, "--wait-lock", value)
    assert line.startswith("opsctl: error: Invalid value for '--wait-lock'")
    assert value in doc["error"]["message"]


@pytest.mark.parametrize("args", [
    pytest.param(["show", "RUN", "-f", "--after", str(MAX_INT64 + 1)], id="show-after"),
    pytest.param(["show", "RUN", "-f", "--after", "-1"], id="show-after-negative"),
    pytest.param(["audit", "verify", "--since", str(MAX_INT64 + 1)], id="audit-verify-since"),
    pytest.param(["runs", "--limit", str(MAX_INT64 + 1)], id="runs-limit"),
])
def test_integer_options_beyond_a_store_integer_are_usage_errors(counter: Project,
                                                                  args: list[str]) -> None:
    run_id = make_runs(counter, 1)[0]
    args = [run_id if arg == "RUN" else arg for arg in args]
    line, _ = usage_error(counter, *args)
    assert "Invalid value for" in line


def test_audit_export_since_beyond_a_store_integer_is_a_usage_error(counter: Project) -> None:
    r = counter.run("audit", "export", "--since", str(MAX_INT64 + 1))
    assert r.code == 2
    assert r.stderr.startswith("opsctl: error: Invalid value for '--since'"), r.stderr
    assert counter.run("audit", "export", "--since", str(MAX_INT64)).code == 0


def test_audit_export_of_one_run_takes_a_prefix_and_refuses_an_unknown_run(
        backend_counter: Project) -> None:
    """`audit export --run` names a run as `show` does (in full or by a unique prefix); a
    mistyped id is exit 2 with nothing exported, not an empty trail that proves nothing."""
    first, second = make_runs(backend_counter, 2)

    def exported(run: str) -> list[dict[str, Any]]:
        r = backend_counter.run("audit", "export", "--run", run, expect_json=False)
        assert r.code == 0, r.stderr
        return [json.loads(line) for line in r.stdout.splitlines()]

    events = exported(first)
    assert events and {e["run_id"] for e in events} == {first}
    assert exported(first[:-3]) == events
    for wrong in (first + "X", "run_nosuchrun", first[:-3].upper()):
        r = backend_counter.run("audit", "export", "--run", wrong, expect_json=False)
        assert (r.code, r.stdout) == (2, ""), (wrong, r.stdout, r.stderr)
        assert r.stderr.startswith(f"opsctl: error: no run {wrong!r}"), r.stderr
    both = backend_counter.run("audit", "export", "--run", common_prefix([first, second]),
                               expect_json=False)
    assert (both.code, both.stdout) == (2, "") and "matches 2 runs" in both.stderr


# -- run id prefixes ----------------------------------------------------------------------------

def _wildcards(run_id: str) -> list[str]:
    return ["%" + run_id[5:13], run_id[:6] + "%", run_id[:4] + "_" + run_id[5:14],
            run_id[:10] + "_" * 4]


@pytest.mark.parametrize("verb", ["show", "resume"])
def test_a_prefix_is_matched_literally_and_case_sensitively(backend_counter: Project,
                                                            verb: str) -> None:
    run_id = make_runs(backend_counter, 1)[0]
    for ref in [*_wildcards(run_id), run_id.lower(), run_id[:12].lower()]:
        r = backend_counter.run(verb, ref)
        assert r.code == 2, (ref, r.stdout, r.stderr)
        assert r.stderr.startswith(f"opsctl: error: no run {ref!r}"), r.stderr
    shown = backend_counter.run("show", run_id[:12], "--format", "json")
    assert shown.code == 0, shown.stderr
    assert shown.doc["id"] == run_id
    assert backend_counter.run("show", run_id[:5]).code == 2  # fewer than 6 characters


@pytest.mark.parametrize("verb", ["show", "resume"])
def test_an_ambiguous_prefix_says_how_many_runs_it_matches(backend_counter: Project,
                                                           verb: str) -> None:
    ids = make_runs(backend_counter, 3)
    prefix = common_prefix(ids)  # the 3 runs are all there are
    assert len(prefix) >= 6
    line, _ = usage_error(backend_counter, verb, prefix)
    assert line == f"opsctl: error: prefix {prefix!r} matches 3 runs: give more of the id"
    after = backend_counter.run("runs", "--format", "json")
    assert [r["id"] for r in after.doc["runs"]] == ids  # nothing resumed: no new run


@pytest.mark.parametrize(("args", "advice"), [
    pytest.param(["show", "run_nosuchrun"], "`opsctl runs` lists", id="show"),
    pytest.param(["resume", "run_nosuchrun"], "`opsctl runs` lists", id="resume"),
    pytest.param(["runs", "--after", "run_nosuchrun"], "next_after", id="runs-after"),
    pytest.param(["runs", "--before", "run_nosuchrun"], "next_before", id="runs-before"),
])
def test_an_unknown_run_says_where_to_find_one(counter: Project, args: list[str],
                                               advice: str) -> None:
    make_runs(counter, 1)
    line, _ = usage_error(counter, *args)
    assert "run_nosuchrun" in line and advice in line, line


# -- runs ---------------------------------------------------------------------------------------

def test_runs_lists_queued_runs(counter: Project) -> None:
    run_id = make_runs(counter, 2)[0]
    with sqlite3.connect(counter.db) as conn:  # as the HTTP API and schedules record one
        conn.execute("UPDATE runs SET status = 'queued', exit_code = NULL, finished_at = NULL "
                     "WHERE id = ?", (run_id,))
    r = counter.run("runs", "--status", "queued", "--format", "json")
    assert r.code == 0, r.stderr
    assert [(run["id"], run["status"]) for run in r.doc["runs"]] == [(run_id, "queued")]


def test_runs_accepts_every_status_a_run_can_have() -> None:
    from typing import get_args

    from opsctl.cli.builtins import RUN_STATUSES
    from opsctl.contract.result import RunStatus
    from opsctl.engine.events import UNFINISHED

    assert set(RUN_STATUSES) == {*get_args(RunStatus), *UNFINISHED}


def test_page_hints_repeat_the_filters(counter: Project) -> None:
    ids = make_runs(counter, 5)
    first = counter.run("runs", "--automation", "counter", "--status", "succeeded",
                        "--limit", "2")
    assert first.code == 0, first.stderr
    older = [line for line in first.stdout.splitlines() if line.startswith("older runs: ")]
    assert older == [f"older runs: opsctl runs --automation counter --status succeeded "
                     f"--limit 2 --after {ids[1]}"]
    second = counter.run(*older[0].removeprefix("older runs: opsctl ").split())
    assert second.code == 0, second.stderr
    hints = [line for line in second.stdout.splitlines()
             if line.startswith(("newer runs: ", "older runs: "))]
    assert hints == [
        f"newer runs: opsctl runs --automation counter --status succeeded --limit 2 "
        f"--before {ids[2]}",
        f"older runs: opsctl runs --automation counter --status succeeded --limit 2 "
        f"--after {ids[3]}"]
    assert [line.split()[0] for line in second.stdout.splitlines()[1:3]] == ids[2:4]


def test_no_runs_matching_the_filters_is_not_no_runs_recorded(counter: Project) -> None:
    empty = counter.run("runs")
    assert (empty.code, empty.stdout) == (0, "no runs recorded\n")
    make_runs(counter, 1)
    r = counter.run("runs", "--automation", "counter", "--status", "failed")
    assert (r.code, r.stdout) == (0, "no runs match --automation counter --status failed\n")


@pytest.mark.parametrize("window", [
    pytest.param(["--since", "2h", "--until", "3h"], id="times-ago-swapped"),
    pytest.param(["--since", "2026-12-07T10:00:00Z", "--until", "2026-12-07T10:00:00Z"],
                 id="the-same-time"),
])
def test_runs_in_a_window_that_ends_before_it_starts_is_a_usage_error(
        counter: Project, window: list[str]) -> None:
    """(was: exit 0, "no runs match", as though none had been recorded in it)"""
    make_runs(counter, 1)
    r = counter.run("runs", *window, "--format", "json")
    assert r.code == 2, r.stderr
    assert "is not before --until" in r.doc["error"]["message"]
    ok = counter.run("runs", "--since", "3h", "--until", "2999-01-01T00:00:00Z", "--format", "json")
    assert ok.code == 0, ok.stderr
    assert len(ok.doc["runs"]) == 1


# -- reasons and schema -------------------------------------------------------------------------

@pytest.mark.parametrize("reason", [pytest.param("", id="empty"), pytest.param("   ", id="spaces")])
@pytest.mark.parametrize("args", [
    pytest.param(["locks", "break", "staging"], id="locks-break"),
    pytest.param(["approve", "plan_x"], id="approve"),
    pytest.param(["reject", "plan_x"], id="reject"),
])
def test_a_recorded_reason_must_say_something(counter: Project, args: list[str],
                                              reason: str) -> None:
    line, _ = usage_error(counter, *args, "--reason", reason)
    assert "a reason must say why" in line


@pytest.mark.parametrize(("args", "message"), [
    pytest.param(["--inventory", "--result-document"],
                 "--inventory and --result-document exclude each other", id="both"),
    pytest.param(["--inventory", "counter"], "--inventory takes no automation NAME",
                 id="inventory-and-name"),
    pytest.param([], "give an automation NAME, --result-document or --inventory", id="nothing"),
    pytest.param(["nope", "--result-document"], "--result-document takes no automation NAME",
                 id="result-document-and-name"),
    pytest.param(["--inventory", "--kind", "result"], "--inventory takes no --kind or --version",
                 id="inventory-and-kind"),
])
def test_schema_says_what_is_wrong(counter: Project, args: list[str], message: str) -> None:
    line, _ = usage_error(counter, "schema", *args)
    assert line.startswith(f"opsctl: error: {message}")


def test_audit_verify_of_an_empty_trail_says_it_is_empty(counter: Project) -> None:
    """A store with no event yet has no head: the text says so (was: `head None`)."""
    r = counter.run("audit", "verify")
    assert r.code == 0, r.stderr
    assert r.stdout.strip() == "audit trail intact: 0 event(s), no head yet (the trail is empty)"
    doc = counter.run("audit", "verify", "--format", "json").doc
    assert doc["events"] == 0 and doc["head_hash"] is None


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_stops_an_audit_export_at_once(counter: Project, signum: int) -> None:
    """Exporting the trail changes nothing: the first Ctrl-C (or SIGTERM) stops it, exit 130
    (was: taken for a run's graceful stop, "a second signal aborts now", and the export went
    on to its end, exit 0). The export here waits on a reader that has not read yet."""
    import subprocess
    import time

    from opsctl.store.audit import NewEvent, append_events
    from opsctl.store.sql import open_store
    from tests.conftest import OPSCTL

    assert counter.run("runs").code == 0  # the store, made
    store = open_store(f"sqlite:///{counter.db}")
    try:  # far more than a pipe holds: the export blocks on its reader
        append_events(store, [NewEvent("test.filler", "root", {"i": i, "pad": "x" * 200})
                              for i in range(3000)])
    finally:
        store.close()
    proc = subprocess.Popen([OPSCTL, "audit", "export"], cwd=counter.root,
                            env=counter.env({"OPSCTL_STOP_GRACE": "60s"}),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    first = proc.stdout.read(1)  # exporting: the rest waits in the full pipe
    assert first == b"{"
    time.sleep(0.5)
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err.decode()
    assert b"Traceback" not in err
    assert (first + out).count(b"\n") < 3000  # stopped before its end
    assert counter.run("audit", "verify").code == 0
