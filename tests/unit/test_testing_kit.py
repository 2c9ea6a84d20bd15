"""The test kit (opsctl.testing): its fixtures, assertions and golden files, as a user meets them.

Assertions that must fail are checked by running small generated test modules with pytester
and reading their outcomes and messages; the rest runs on the ``opsctl_harness`` fixture of
this very session.
"""

from __future__ import annotations

import json
import os
import re
import sys
import textwrap
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from opsctl import Action, Automation, Context, Secret, TransientError, deprecated
from opsctl.testing import (
    UPDATE_GOLDEN_ENV,
    FakeClock,
    OpsctlHarness,
    Result,
    assert_exit,
    assert_plan_matches_golden,
    assert_result_valid,
    assert_schemas_match_lock,
    plan_snapshot,
)
from tests.examples.conftest import import_example

pytest_plugins = ["pytester"]

REPO_ROOT = Path(__file__).resolve().parents[2]
DOCS = REPO_ROOT / "docs" / "testing.md"

# A module of automations the generated tests import: one well-behaved, and one of each flaw
# the kit exists to catch.
AUTOMATIONS = '''
from itertools import count
from pathlib import Path

from pydantic import BaseModel

from opsctl import Action, Automation


class Request(BaseModel):
    names: list[str]
    directory: str = "/srv/greetings"


GREETED: set[str] = set()
greet = Automation("greet", version="1.0.0", owner="tests", summary="Greet people",
                   request=Request)


@greet.plan
def plan(ctx, req):
    for name in req.names:
        if name not in GREETED:
            yield Action(id=f"greet:{name}", kind="create", target=f"{req.directory}/{name}",
                         reason="not greeted yet", data={"name": name},
                         after=ctx.now().isoformat())


@greet.apply
def apply(ctx, req, action):
    GREETED.add(action.data["name"])


stubborn = Automation("stubborn", version="1.0.0", owner="tests",
                      summary="Applies without effect", request=Request)


@stubborn.plan
def plan_stubborn(ctx, req):
    for name in req.names:
        yield Action(id=f"fix:{name}", kind="update", target=name, reason="still broken")


@stubborn.apply
def apply_stubborn(ctx, req, action):
    return None  # claims success, changes nothing


_PLANS = count(1)
drifting = Automation("drifting", version="1.0.0", owner="tests",
                      summary="Plans differently every time", request=Request)


@drifting.plan
def plan_drifting(ctx, req):
    yield Action(id="counter", kind="update", target="counter", reason="bump",
                 after=next(_PLANS))


@drifting.apply
def apply_drifting(ctx, req, action):
    return None


lazy = Automation("lazy", version="1.0.0", owner="tests",
                  summary="Plans work its apply skips", request=Request)


@lazy.plan
def plan_lazy(ctx, req):
    yield Action(id="job", kind="run", target="job", reason="due")


@lazy.apply
def apply_lazy(ctx, req, action):
    return "unchanged"


sneaky = Automation("sneaky", version="1.0.0", owner="tests",
                    summary="Writes while planning", request=Request)


@sneaky.plan
def plan_sneaky(ctx, req):
    Path(req.directory, "touched-by-plan").write_text("oops")  # bypasses ctx.files
    yield Action(id="job", kind="run", target="job", reason="due")


@sneaky.apply
def apply_sneaky(ctx, req, action):
    return None
'''


@pytest.fixture(autouse=True)
def _no_update_from_outside(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests decide themselves when golden files are written."""
    monkeypatch.delenv(UPDATE_GOLDEN_ENV, raising=False)


@pytest.fixture
def kit_pytester(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makepyfile(automations=AUTOMATIONS)
    pytester.syspathinsert()
    return pytester


def write_test(pytester: pytest.Pytester, body: str, name: str = "test_generated") -> None:
    pytester.makepyfile(**{name: "from opsctl.testing import assert_exit\n\n"
                           + textwrap.dedent(body)})


def failure_text(result: pytest.RunResult) -> str:
    return result.stdout.str()


# -- golden snapshots ----------------------------------------------------------------------------------

GOLDEN_TEST = '''
import automations

def test_plan(opsctl_harness):
    opsctl_harness.register(automations.greet)
    result = opsctl_harness.plan("greet", names={names!r})
    assert_exit(result, 10)
    opsctl_harness.assert_plan_matches_golden(result, "greet")
'''


def test_a_missing_golden_file_fails_and_says_how_to_create_it(
        kit_pytester: pytest.Pytester) -> None:
    write_test(kit_pytester, GOLDEN_TEST.format(names=["ada", "bob"]))

    result = kit_pytester.runpytest("-p", "no:cacheprovider")

    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*golden file *golden/greet.json does not exist; to create it "
                                 "from this plan, run pytest with --opsctl-update-golden*"])
    assert not (kit_pytester.path / "golden").exists()


def test_the_update_option_writes_the_golden_file_then_it_passes(
        kit_pytester: pytest.Pytester) -> None:
    write_test(kit_pytester, GOLDEN_TEST.format(names=["ada", "bob"]))

    written = kit_pytester.runpytest("-p", "no:cacheprovider", "--opsctl-update-golden")

    written.assert_outcomes(passed=1)
    written.stdout.fnmatch_lines(["*opsctl: wrote 1 golden file(s)*", "*golden/greet.json"])
    golden = kit_pytester.path / "golden" / "greet.json"
    text = golden.read_text()
    assert json.loads(text) == {
        "automation": "greet",
        "request": {"names": ["ada", "bob"], "directory": "/srv/greetings"},
        "actions": [
            {"id": f"greet:{n}", "kind": "create", "target": f"/srv/greetings/{n}",
             "reason": "not greeted yet", "before": None, "after": "2030-01-01T00:00:00+00:00",
             "data": {"name": n}, "depends_on": []} for n in ("ada", "bob")],
    }
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True) + "\n"
    assert os.environ.get(UPDATE_GOLDEN_ENV) is None  # the option's setting ends with its session

    again = kit_pytester.runpytest("-p", "no:cacheprovider")

    again.assert_outcomes(passed=1)
    assert golden.read_text() == text


OWN_HARNESS_GOLDEN_TEST = '''
from pathlib import Path

from opsctl.testing import OpsctlHarness
import automations

def test_plan_{n}(tmp_path):
    with OpsctlHarness(tmp_path / "h", golden_dir=Path(__file__).parent / "golden") as harness:
        harness.register(automations.greet)
        result = harness.plan("greet", names=["n{n}"])
        harness.assert_plan_matches_golden(result, "greet-{n}")
'''


@pytest.mark.parametrize("workers", [[], ["-n", "2"]], ids=["one-process", "xdist"])
def test_the_update_option_lists_files_written_by_any_harness_and_any_worker(
        kit_pytester: pytest.Pytester, workers: list[str]) -> None:
    """A harness of the test's own (as `opsctl new` generates) and pytest-xdist's workers wrote
    their golden files, but the end of the session listed none of them."""
    if workers:
        pytest.importorskip("xdist")
    for n in (1, 2):
        kit_pytester.makepyfile(**{f"test_own_{n}": OWN_HARNESS_GOLDEN_TEST.format(n=n)})

    written = kit_pytester.runpytest_subprocess("-p", "no:cacheprovider", *workers,
                                                "--opsctl-update-golden")

    written.assert_outcomes(passed=2)
    written.stdout.fnmatch_lines(["*opsctl: wrote 2 golden file(s)*"])
    listed = {line.strip() for line in written.stdout.lines if line.strip().endswith(".json")}
    assert listed == {str(kit_pytester.path / "golden" / f"greet-{n}.json") for n in (1, 2)}


def test_a_changed_plan_fails_with_a_readable_diff(kit_pytester: pytest.Pytester) -> None:
    write_test(kit_pytester, GOLDEN_TEST.format(names=["ada", "bob"]))
    kit_pytester.runpytest("-p", "no:cacheprovider", "--opsctl-update-golden").assert_outcomes(
        passed=1)
    write_test(kit_pytester, GOLDEN_TEST.format(names=["ada", "cy"]))

    result = kit_pytester.runpytest("-p", "no:cacheprovider")

    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*the plan differs from golden file *golden/greet.json:*",
        "*--- *golden/greet.json (golden)",
        "*+++ this plan",
        '*-      "id": "greet:bob",',
        '*+      "id": "greet:cy",',
        "*If the change is intended, run pytest with --opsctl-update-golden*",
    ])


def test_the_environment_variable_also_updates_golden_files(
        kit_pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    write_test(kit_pytester, GOLDEN_TEST.format(names=["ada"]))
    monkeypatch.setenv(UPDATE_GOLDEN_ENV, "1")

    kit_pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)

    assert (kit_pytester.path / "golden" / "greet.json").exists()


# -- idempotency and dry-run/apply equivalence ---------------------------------------------------------

def test_idempotency_passes_for_a_converging_automation_and_fails_for_one_that_does_not(
        kit_pytester: pytest.Pytester) -> None:
    write_test(kit_pytester, '''
        import automations

        def test_greet(opsctl_harness):
            opsctl_harness.register(automations.greet)
            first = opsctl_harness.assert_idempotent("greet", names=["ada"])
            assert first.status == "succeeded"

        def test_stubborn(opsctl_harness):
            opsctl_harness.register(automations.stubborn)
            opsctl_harness.assert_idempotent("stubborn", names=["ada", "bob"])
    ''')

    result = kit_pytester.runpytest("-p", "no:cacheprovider")

    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "*not idempotent: after an apply, planning again still plans 2 action(s):*",
        "*fix:ada ?update ada?: still broken*",
        "*fix:bob ?update bob?: still broken*",
    ])


def test_dry_run_apply_equivalence_catches_a_plan_that_changes_between_runs(
        kit_pytester: pytest.Pytester) -> None:
    write_test(kit_pytester, '''
        import automations

        def test_greet(opsctl_harness):
            opsctl_harness.register(automations.greet)
            dry, applied = opsctl_harness.assert_dry_run_matches_apply("greet", names=["ada"])
            assert (dry.exit_code, applied.exit_code) == (10, 0)

        def test_drifting(opsctl_harness):
            opsctl_harness.register(automations.drifting)
            opsctl_harness.assert_dry_run_matches_apply("drifting", names=[])
    ''')

    result = kit_pytester.runpytest("-p", "no:cacheprovider")

    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "*the apply planned other actions than the dry run showed:*",
        "*--- dry run",
        "*+++ apply",
        '*-    "after": 1,',
        '*+    "after": 2,',
    ])


def test_dry_run_apply_equivalence_catches_an_apply_that_skips_planned_work(
        kit_pytester: pytest.Pytester) -> None:
    write_test(kit_pytester, '''
        import automations

        def test_lazy(opsctl_harness):
            opsctl_harness.register(automations.lazy)
            opsctl_harness.assert_dry_run_matches_apply("lazy", names=[])

        def test_lazy_allowed(opsctl_harness):
            opsctl_harness.register(automations.lazy)
            opsctl_harness.assert_dry_run_matches_apply("lazy", names=[], allow_unchanged=True)
    ''')

    result = kit_pytester.runpytest("-p", "no:cacheprovider")

    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*the dry run showed actions the apply did not apply:*",
                                 "*job: unchanged*"])


def test_dry_run_apply_equivalence_catches_a_dry_run_that_changes_the_system(
        kit_pytester: pytest.Pytester) -> None:
    write_test(kit_pytester, '''
        import automations

        def test_sneaky(opsctl_harness, tmp_path):
            opsctl_harness.register(automations.sneaky)
            opsctl_harness.assert_dry_run_matches_apply(
                "sneaky", names=[], directory=str(tmp_path),
                observe=lambda: sorted(p.name for p in tmp_path.iterdir()))
    ''')

    result = kit_pytester.runpytest("-p", "no:cacheprovider")

    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*the dry run changed the system it planned for:*",
                                 '*+  "touched-by-plan"*'])


# -- the marker and the option are registered ----------------------------------------------------------

def test_the_marker_is_registered_and_checks_its_arguments(kit_pytester: pytest.Pytester) -> None:
    write_test(kit_pytester, '''
        import pytest

        @pytest.mark.opsctl(colour="blue")
        def test_typo(opsctl_harness):
            pass
    ''')

    result = kit_pytester.runpytest("-p", "no:cacheprovider", "--strict-markers")

    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*@pytest.mark.opsctl: unknown argument(s) ?'colour'?; use clock, *"])
    help_text = kit_pytester.runpytest("--help").stdout.str()
    assert "--opsctl-update-golden" in help_text
    markers = kit_pytester.runpytest("--markers").stdout.str()
    assert "@pytest.mark.opsctl(clock=None" in markers


# -- the documented example ------------------------------------------------------------------------------

def _doc_block(marker: str) -> str:
    blocks = re.findall(r"```python\n(.*?)```", DOCS.read_text(), flags=re.S)
    return next(b for b in blocks if b.startswith(marker))


def test_the_documented_example_runs_as_written(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(prune_reports=_doc_block("# prune_reports.py"),
                        test_prune_reports=_doc_block("# test_prune_reports.py"))

    first = pytester.runpytest("-p", "no:cacheprovider", "-W", "error")
    first.assert_outcomes(passed=5, failed=1)
    first.stdout.fnmatch_lines(["*golden/prune-reports.json does not exist*"])
    pytester.runpytest("-p", "no:cacheprovider", "--opsctl-update-golden").assert_outcomes(
        passed=6)
    pytester.runpytest("-p", "no:cacheprovider", "-W", "error").assert_outcomes(passed=6)

    documented = re.search(r"```json\n(.*?)```", DOCS.read_text(), flags=re.S)
    assert documented is not None
    golden = pytester.path / "golden" / "prune-reports.json"
    assert json.loads(golden.read_text()) == json.loads(documented.group(1))


def test_the_documented_script_runs_without_pytest(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(prune_reports=_doc_block("# prune_reports.py"))
    script = pytester.makepyfile(check_prune_reports=_doc_block("# check_prune_reports.py")
                                 + "\nimport sys\nassert 'pytest' not in sys.modules\n")

    result = pytester.runpython(script)

    assert result.ret == 0, result.stderr.str()


def test_the_documented_lock_check_runs_as_written(pytester: pytest.Pytester) -> None:
    from opsctl.contract.lockfile import contract_snapshot, write_lock

    release_tag = import_example("examples.release_tag").release_tag
    write_lock(pytester.path / "opsctl.contracts.json",
               {release_tag.name: contract_snapshot(release_tag)})
    pytester.makepyfile(test_contracts=_doc_block("# test_contracts.py"))
    pytester.syspathinsert(REPO_ROOT)

    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)


# -- in this session: the harness, the clock, normalisation ---------------------------------------------

class Request(BaseModel):
    names: list[str]
    token: str = ""


class Flaky:
    """Fails its first ``failures`` applies with a transient error."""

    def __init__(self, failures: int) -> None:
        self.failures = failures


def make_flaky(state: Flaky) -> Automation[Request]:
    flaky = Automation("flaky", version="1.0.0", owner="tests", summary="Fails, then works",
                       request=Request, retry={"attempts": 4, "base": "10s", "cap": "10s"})

    @flaky.plan
    def plan(ctx: Context, req: Request) -> Iterator[Action]:
        for name in req.names:
            yield Action(id=f"n:{name}", kind="run", target=name, reason="due",
                         data={"token": ctx.secrets.get("token", ""), "config": dict(ctx.config)})

    @flaky.apply
    def apply(ctx: Context, req: Request, action: Action) -> None:
        if state.failures:
            state.failures -= 1
            raise TransientError("try again")

    return flaky


def test_retries_wait_on_the_fake_clock_not_for_real(opsctl_harness: OpsctlHarness,
                                                     opsctl_clock: FakeClock) -> None:
    start = opsctl_clock.now()
    began = time.monotonic()

    result = opsctl_harness.apply(make_flaky(Flaky(failures=2)), names=["a"])

    assert_exit(result, 0)
    assert result.actions[0]["attempts"] == 3
    assert len(opsctl_clock.sleeps) == 2
    moved = (opsctl_clock.now() - start).total_seconds()
    assert moved == pytest.approx(sum(opsctl_clock.sleeps), abs=1e-5)
    assert time.monotonic() - began < 5  # up to 20s of backoff, none of it slept


def test_the_retry_deadline_counts_the_waits_of_the_fake_clock(
        opsctl_harness: OpsctlHarness, opsctl_clock: FakeClock) -> None:
    """The deadline was measured on the real monotonic clock, which the fake clock's sleeps do
    not move: a 10s deadline never ended the retries, all 50 attempts ran (the command line
    stops within the 10s)."""
    opsctl_harness.configure("flaky", retry={"attempts": 50, "base": "1s", "cap": "4s",
                                             "deadline": "10s"})

    result = opsctl_harness.apply(make_flaky(Flaky(failures=1000)), names=["a"])

    assert_exit(result, 4)
    assert result.actions[0]["attempts"] < 50
    assert sum(opsctl_clock.sleeps) <= 10
    assert result.error is not None
    assert f"gave up after {result.actions[0]['attempts']} attempts" in result.error["message"]


@pytest.mark.opsctl(clock="2024-02-29T12:00:00Z", actor="alice",
                    secrets={"token": "s3cr3t-value"}, config={"flaky": {"region": "eu-west-1"}})
def test_the_marker_sets_clock_actor_secrets_and_config(opsctl_harness: OpsctlHarness,
                                                        opsctl_clock: FakeClock) -> None:
    result = opsctl_harness.dry_run(make_flaky(Flaky(0)), names=["a"], token="s3cr3t-value")

    assert_exit(result, 10)
    assert opsctl_clock.now() == datetime(2024, 2, 29, 12, tzinfo=UTC)
    assert result.doc["actor"] == "alice"
    assert result.doc["timing"]["started_at"] == "2024-02-29T12:00:00.000+00:00"
    assert result.planned is not None
    assert result.planned[0]["data"] == {"token": "***", "config": {"region": "eu-west-1"}}
    assert "s3cr3t-value" not in json.dumps(result.doc)
    assert "s3cr3t-value" not in json.dumps(result.events)


def test_opsctl_sees_only_what_the_test_sets(opsctl_harness: OpsctlHarness,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPSCTL_ACTOR", "someone-outside")
    monkeypatch.setenv("OPSCTL_JOURNAL_MODE", "not-a-mode")  # would be a config error (exit 2)
    opsctl_harness.setenv("OPSCTL_JOURNAL_MODE", "group")

    result = opsctl_harness.apply(make_flaky(Flaky(0)), names=["a"])

    assert_exit(result, 0)
    assert result.doc["actor"] == "tester"
    assert os.environ["HOME"] == str(opsctl_harness.home)
    assert opsctl_harness.session_env()["OPSCTL_JOURNAL_MODE"] == "group"
    session = opsctl_harness.open_session()
    try:
        assert session.settings.journal_mode == "group"
        assert session.settings.state_dir == opsctl_harness.state_dir
        stored = session.store.get_run(str(result.run_id))
        assert stored is not None and stored["status"] == "succeeded"
    finally:
        session.close()


def test_close_restores_the_process_environment(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/original")
    monkeypatch.delenv("KIT_PROBE", raising=False)

    with OpsctlHarness(tmp_path / "h", env={"KIT_PROBE": "1"}) as harness:
        assert os.environ["HOME"] == str(harness.home)
        assert os.environ["KIT_PROBE"] == "1"

    assert os.environ["HOME"] == "/home/original"
    assert "KIT_PROBE" not in os.environ


def test_a_harness_that_fails_to_open_leaves_the_process_environment_as_it_was(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`@pytest.mark.opsctl(env={"PORT": 8080})`: the harness raised a bare 'str expected, not
    int' with HOME and XDG_CONFIG_HOME already pointing into it, for every later test."""
    monkeypatch.setenv("HOME", "/home/original")
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("KIT_PROBE", raising=False)

    with pytest.raises(TypeError, match=r"'PORT': its value must be text, not int \(8080\)"):
        OpsctlHarness(tmp_path / "h", env={"KIT_PROBE": "1", "PORT": 8080})  # type: ignore[dict-item]

    assert os.environ["HOME"] == "/home/original"
    assert "XDG_CONFIG_HOME" not in os.environ and "KIT_PROBE" not in os.environ


def test_a_config_table_that_is_not_a_mapping_is_named(tmp_path: Path) -> None:
    """`@pytest.mark.opsctl(config={"flaky": 5})` was "'int' object is not iterable"."""
    with pytest.raises(TypeError, match=r"config\['flaky'\]: the \[automation.flaky\] table is a "
                                        r"mapping of its keys .*not int \(5\)"):
        OpsctlHarness(tmp_path / "h", config={"flaky": 5})  # type: ignore[dict-item]


def test_errors_before_a_run_are_results_with_their_exit_code(
        opsctl_harness: OpsctlHarness) -> None:
    result = opsctl_harness.plan(make_flaky(Flaky(0)), names="not a list")

    assert_exit(result, 2)
    assert result.status == "failed"
    assert result.error is not None and result.error["type"] == "validation"
    assert result.planned is None
    with pytest.raises(AssertionError, match=r"expected exit 0, got exit 2 \(failed\)\n"
                                             r"error: validation: invalid request for flaky"):
        assert_exit(result, 0)


@pytest.mark.parametrize("phase", ["plan", "apply", "verify"])
def test_a_bug_in_the_automation_fails_an_assertion_showing_where_it_was_raised(
        opsctl_harness: OpsctlHarness, phase: str) -> None:
    """Exit 1 said only `RuntimeError: no such key`: the test failed with nothing pointing at
    the line of the automation that raised (the command line's -v logs the traceback)."""
    opsctl_harness.secrets["token"] = "hunter2-secret"
    buggy = Automation("buggy", version="1.0.0", owner="tests", summary="Raises a bug",
                       request=Request)

    def broken(ctx: Context) -> None:
        if ctx.phase == phase:
            raise RuntimeError(f"no such key near {ctx.secrets['token']}")

    @buggy.plan
    def plan(ctx: Context, req: Request) -> Iterator[Action]:
        broken(ctx)
        yield Action(id="a", kind="run", target="t", reason="due")

    @buggy.apply
    def apply(ctx: Context, req: Request, action: Action) -> None:
        broken(ctx)

    @buggy.verify
    def verify(ctx: Context, req: Request, action: Action) -> bool:
        broken(ctx)
        return True

    result = opsctl_harness.apply(buggy, names=["a"])

    assert result.exit_code == 1
    with pytest.raises(AssertionError) as failed:
        assert_exit(result, 0)
    message = str(failed.value)
    assert "the automation raised:\nTraceback (most recent call last):" in message
    assert f'{__file__}", line' in message and ", in broken\n" in message
    assert message.rstrip().endswith("RuntimeError: no such key near ***")
    assert "hunter2-secret" not in message


def test_a_plan_of_dicts_is_a_result_with_exit_1_not_an_exception(
        opsctl_harness: OpsctlHarness) -> None:
    """The harness read the plan's items as actions for `Result.planned`: AttributeError
    'dict' object has no attribute 'to_dict' out of dry_run(), instead of the run's result."""
    dicts = Automation("dicts", version="1.0.0", owner="tests", summary="Plans dicts",
                       request=Request)

    @dicts.plan
    def plan(ctx: Context, req: Request) -> Any:
        return [{"id": "a", "kind": "create", "target": "t", "reason": "r"}]

    result = opsctl_harness.dry_run(dicts, names=["a"])

    assert_exit(result, 1)
    assert result.error is not None
    assert result.error["message"] == "plan() of dicts yielded dict, not an opsctl Action"
    assert result.planned is None


def test_an_unknown_automation_name_is_a_result_naming_the_registered_ones(
        opsctl_harness: OpsctlHarness) -> None:
    opsctl_harness.register("examples.cleanup_files:cleanup_files")
    result = opsctl_harness.dry_run("cleanup-flies", root="/tmp")

    assert_exit(result, 2)
    assert result.error is not None
    assert "unknown automation 'cleanup-flies'" in result.error["message"]
    assert "registered with the harness: cleanup-files" in result.error["message"]


def test_register_by_module_path(opsctl_harness: OpsctlHarness) -> None:
    with pytest.raises(ValueError, match="defines 0 automations"):
        opsctl_harness.register("opsctl.testing.harness")

    automation = opsctl_harness.register("examples.cleanup_files:cleanup_files")

    assert automation.name == "cleanup-files"
    assert opsctl_harness.automation("cleanup-files") is automation


def test_a_project_opsctl_toml_provides_automations_and_their_config(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "kit_project_automations.py").write_text(AUTOMATIONS)
    (project / "opsctl.toml").write_text(
        'automations = ["kit_project_automations:greet"]\npython_path = ["."]\n')
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.delitem(sys.modules, "kit_project_automations", raising=False)

    with OpsctlHarness(tmp_path / "h", project=project) as harness:
        result = harness.dry_run("greet", names=["ada"])

        assert_exit(result, 10)
        assert result.action_ids() == ["greet:ada"]
    assert not (project / ".opsctl").exists()  # the project's own store is left alone
    assert sys.modules.pop("kit_project_automations", None) is not None


@pytest.mark.parametrize("given", ["project", "project/opsctl.toml"], ids=["folder", "file"])
def test_a_relative_project_path_is_read_from_where_the_test_runs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str) -> None:
    """`project="path/to/opsctl.toml"`, as the docs write it: it was read from the harness's
    own folder, where runs start ("config file <root>/opsctl.toml does not exist", exit 2)."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "kit_project_automations.py").write_text(AUTOMATIONS)
    (project / "opsctl.toml").write_text(
        'automations = ["kit_project_automations:greet"]\npython_path = ["."]\n')
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.delitem(sys.modules, "kit_project_automations", raising=False)
    monkeypatch.chdir(tmp_path)

    with OpsctlHarness(tmp_path / "h", project=given) as harness:
        result = harness.dry_run("greet", names=["ada"])

        assert_exit(result, 10)
    assert sys.modules.pop("kit_project_automations", None) is not None


def test_a_configured_registered_automation_leaves_the_projects_runnable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """configure() of a registered automation gave the project's catalog a table naming none
    of its automations, refused as a typo: every project automation was exit 2, reported as
    "unknown automation (registered with the harness: ...)"."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "kit_project_automations.py").write_text(AUTOMATIONS)
    (project / "opsctl.toml").write_text(
        'automations = ["kit_project_automations:greet"]\npython_path = ["."]\n')
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.delitem(sys.modules, "kit_project_automations", raising=False)

    with OpsctlHarness(tmp_path / "h", project=project) as harness:
        harness.register(make_flaky(Flaky(0)))
        harness.configure("flaky", region="eu")

        assert_exit(harness.dry_run("greet", names=["ada"]), 10)
        flaky = harness.dry_run("flaky", names=["a"])
        assert_exit(flaky, 10)
        assert flaky.planned is not None and flaky.planned[0]["data"]["config"] == {
            "region": "eu"}
        harness.configure("greeet", loud=True)  # a typo is still refused, and named
        typo = harness.dry_run("greet", names=["ada"])
        assert_exit(typo, 2)
        assert typo.error is not None
        assert typo.error["message"].startswith("[automation.greeet] (from flag) names no "
                                                "automation of this project: did you mean greet?")
    assert sys.modules.pop("kit_project_automations", None) is not None


def test_a_project_naming_a_real_store_and_key_still_runs_on_the_harness_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "kit_real_store_automations.py").write_text(AUTOMATIONS)
    real_store = tmp_path / "real" / "state.db"
    real_store.parent.mkdir()
    (project / "opsctl.toml").write_text(
        'automations = ["kit_real_store_automations:greet"]\npython_path = ["."]\n'
        f'store_url = "sqlite:///{real_store}"\nplan_signing_key = "the-real-key"\n'
        'executor = "celery"\nbroker_url = "redis://real-broker:6379/0"\n'
        '[automation.greet]\nregion = "eu-west-1"\n')
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.delitem(sys.modules, "kit_real_store_automations", raising=False)

    with OpsctlHarness(tmp_path / "h", project=project) as harness:
        result = harness.apply("greet", names=["ada"])
        session = harness.open_session()
        try:
            settings = session.settings
            stored = session.store.get_run(str(result.run_id))
            key = session.signing_key()
        finally:
            session.close()

    assert_exit(result, 0)
    assert not real_store.exists()
    assert settings.effective_store_url == f"sqlite:///{harness.state_dir / 'state.db'}"
    assert stored is not None and stored["status"] == "succeeded"
    assert key != b"the-real-key"
    assert settings.executor == "local"
    assert settings.automation["greet"] == {"region": "eu-west-1"}  # kept from the project
    assert sys.modules.pop("kit_real_store_automations", None) is not None


def test_a_project_configuration_error_is_a_result_with_exit_2(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As on the command line: a secret whose variable is not set is exit 2, not a
    ConfigError raised out of the run."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "kit_secret_automations.py").write_text(AUTOMATIONS)
    (project / "opsctl.toml").write_text(
        'automations = ["kit_secret_automations:greet"]\npython_path = ["."]\n'
        '[secrets]\ntoken = "env:KIT_PROJECT_TOKEN"\n')
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.delitem(sys.modules, "kit_secret_automations", raising=False)
    monkeypatch.delenv("KIT_PROJECT_TOKEN", raising=False)

    with OpsctlHarness(tmp_path / "h", project=project) as harness:
        missing = harness.apply("greet", names=["ada"])
        harness.setenv("KIT_PROJECT_TOKEN", "from-the-test")
        given = harness.apply("greet", names=["ada"])

    assert_exit(missing, 2)
    assert missing.error is not None and missing.error["type"] == "validation"
    assert "unset environment variable KIT_PROJECT_TOKEN" in missing.error["message"]
    assert missing.doc["automation"] == "greet" and missing.planned is None
    assert_exit(given, 0)
    assert sys.modules.pop("kit_secret_automations", None) is not None


def test_the_fake_clock() -> None:
    clock = FakeClock("2026-03-01T09:00:00+01:00")

    assert clock() == datetime(2026, 3, 1, 8, tzinfo=UTC)
    assert clock.advance("1h30m") == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    assert clock.advance(30) == datetime(2026, 3, 1, 9, 30, 30, tzinfo=UTC)
    clock.sleep(2.5)
    assert clock.now() == datetime(2026, 3, 1, 9, 30, 32, 500000, tzinfo=UTC)
    assert clock.sleeps == [2.5]
    clock.set(datetime(2020, 1, 1, tzinfo=UTC))
    assert clock().isoformat() == "2020-01-01T00:00:00+00:00"
    with pytest.raises(ValueError, match="timezone-aware"):
        clock.set("2020-01-01T00:00:00")
    assert FakeClock()() == datetime(2030, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize("step", [timedelta(days=-1), -5, "-1h"], ids=["timedelta", "seconds", "text"])
def test_the_fake_clock_advances_only_forward(step: object) -> None:
    """A negative timedelta moved the clock back, where -5 and "-1h" were refused."""
    clock = FakeClock("2026-03-01T00:00:00Z")

    with pytest.raises(ValueError, match="negative"):
        clock.advance(step)  # type: ignore[arg-type]
    assert clock() == datetime(2026, 3, 1, tzinfo=UTC)


@pytest.mark.parametrize("moment", [0, 1767225600.0, None])
def test_the_fake_clock_names_a_moment_it_cannot_take(moment: object) -> None:
    """A number was an AttributeError ('int' object has no attribute 'tzinfo')."""
    with pytest.raises(TypeError, match="a datetime or an ISO 8601 text"):
        FakeClock("2026-03-01T00:00:00Z").set(moment)  # type: ignore[arg-type]


def test_snapshots_normalise_ignore_and_sort() -> None:
    actions = [
        Action(id="volume:vol-9f", kind="delete", target="/tmp/run-1/vol-9f", reason="old",
               data={"/tmp/run-1": "root"}, before={"created": "2026-01-01T10:11:12"}),
        Action(id="volume:vol-1a", kind="delete", target="/tmp/run-1/vol-1a", reason="old"),
    ]

    snapshot = plan_snapshot(actions, normalize={"/tmp/run-1": "<root>", "/tmp": "<tmp>",
                                                 re.compile(r"vol-[0-9a-f]+"): "<vol>"},
                             ignore=["before.created"], sort=True)

    assert snapshot == {"actions": [
        {"id": "volume:<vol>", "kind": "delete", "target": "<root>/<vol>", "reason": "old",
         "data": {}, "before": None, "after": None, "depends_on": []},
        {"id": "volume:<vol>", "kind": "delete", "target": "<root>/<vol>", "reason": "old",
         "data": {"<root>": "root"}, "before": {"created": "<ignored>"}, "after": None,
         "depends_on": []},
    ]}


def test_normalize_takes_a_path_as_its_text_and_refuses_other_keys(tmp_path: Path) -> None:
    """`{tmp_path: "<tmp>"}` was silently no replacement at all (a key neither str nor a
    pattern was skipped), and so was any other key."""
    result = Result({"automation": "a", "request": {"root": str(tmp_path / "x")},
                     "status": "changes_planned", "exit_code": 10}, 10,
                    ({"id": "a", "kind": "run", "target": str(tmp_path), "reason": "r"},))

    snapshot = plan_snapshot(result, normalize={tmp_path: "<tmp>"})

    assert snapshot["request"] == {"root": "<tmp>/x"}
    assert snapshot["actions"][0]["target"] == "<tmp>"
    with pytest.raises(TypeError, match=r"normalize: the key 3 is neither text nor a "
                                        r"compiled pattern \(re.compile\(...\)\)"):
        plan_snapshot(result, normalize={3: "three"})


def test_the_function_form_writes_only_when_asked(tmp_path: Path) -> None:
    golden = tmp_path / "plans" / "one.json"
    actions = [Action(id="a", kind="run", target="t", reason="r")]

    with pytest.raises(AssertionError, match="does not exist"):
        assert_plan_matches_golden(actions, golden)
    assert assert_plan_matches_golden(actions, golden, update=True) is True
    assert assert_plan_matches_golden(actions, golden) is False  # equal: nothing written
    with pytest.raises(AssertionError, match=r'-      "reason": "r",\n\+      "reason": "s",'):
        assert_plan_matches_golden([Action(id="a", kind="run", target="t", reason="s")], golden)


@pytest.mark.parametrize(("golden_value", "planned"), [
    pytest.param(True, 1, id="true-is-not-1"),
    pytest.param(1, True, id="1-is-not-true"),
    pytest.param(1, 1.0, id="1-is-not-1.0"),
    pytest.param(0.0, False, id="0.0-is-not-false"),
    pytest.param([True, False], [1, 0], id="booleans-are-not-numbers-inside-arrays"),
    pytest.param({"n": 1}, {"n": 1.0}, id="inside-objects"),
])
def test_a_value_whose_json_type_changed_differs_from_the_golden_file(
        tmp_path: Path, golden_value: object, planned: object) -> None:
    golden = tmp_path / "typed.json"
    assert_plan_matches_golden([Action(id="a", kind="run", target="t", reason="r",
                                       data={"value": golden_value})], golden, update=True)

    with pytest.raises(AssertionError, match="the plan differs from golden file"):
        assert_plan_matches_golden([Action(id="a", kind="run", target="t", reason="r",
                                           data={"value": planned})], golden)


def test_the_golden_file_layout_does_not_matter(tmp_path: Path) -> None:
    golden = tmp_path / "compact.json"
    golden.write_text('{"actions": [{"after": null, "before": null, "data": {"n": 1.0, "ok": '
                      'true}, "depends_on": [], "id": "a", "kind": "run", "reason": "r", '
                      '"target": "t"}]}')

    assert assert_plan_matches_golden(
        [Action(id="a", kind="run", target="t", reason="r", data={"ok": True, "n": 1.0})],
        golden) is False


def test_a_failed_run_has_no_plan_to_snapshot(tmp_path: Path) -> None:
    failed = Result({"status": "failed", "exit_code": 3, "plan": None,
                     "error": {"type": "validation", "message": "nope"}}, 3)

    with pytest.raises(AssertionError, match=r"(?s)the run did not plan: exit 3 .*nope"):
        assert_plan_matches_golden(failed, tmp_path / "x.json", update=True)
    assert not (tmp_path / "x.json").exists()


def test_result_documents_are_checked_against_the_published_schema(
        opsctl_harness: OpsctlHarness) -> None:
    result = opsctl_harness.dry_run(make_flaky(Flaky(0)), names=["a"])
    assert_result_valid(result)
    broken: dict[str, Any] = {**result.doc, "status": "sort of done"}

    with pytest.raises(AssertionError, match=r"violates opsctl\.result/v1"):
        assert_result_valid(broken)


# -- the contract lock ------------------------------------------------------------------------------------

def test_schemas_match_the_lock_until_the_request_changes(tmp_path: Path) -> None:
    from opsctl.contract import lockfile

    locked = make_flaky(Flaky(0))
    lock = tmp_path / "opsctl.contracts.json"
    lockfile.write_lock(lock, {locked.name: lockfile.contract_snapshot(locked)})

    assert_schemas_match_lock(locked, lock)

    class Stricter(BaseModel):
        names: list[str]
        token: str = ""
        region: str  # a new required field breaks existing callers

    changed = Automation("flaky", version="1.0.0", owner="tests", summary="Fails, then works",
                         request=Stricter)
    with pytest.raises(AssertionError, match=r"(?s)differs from .*breaking: .*region"):
        assert_schemas_match_lock(changed, lock)
    with pytest.raises(AssertionError, match="has no contract for 'other'"):
        assert_schemas_match_lock(Automation("other", version="1.0.0", owner="t", summary="s",
                                             request=Request), lock)


class Deprecating(BaseModel):
    names: list[str]
    token: str = ""
    legacy: str | None = deprecated("use names", removal="2.0.0", default=None)


def deprecating(version: str) -> Automation[Deprecating]:
    return Automation("flaky", version=version, owner="tests", summary="Fails, then works",
                      request=Deprecating)


@pytest.mark.parametrize(("locked_version", "version", "rule"), [
    pytest.param("1.4.0", "2.0.0", "deprecated.past_removal", id="deprecated-past-removal"),
    pytest.param("1.4.0", "1.3.0", "version.decreased", id="version-decreased"),
])
def test_schemas_match_the_lock_fails_what_contract_check_fails(
        tmp_path: Path, locked_version: str, version: str, rule: str) -> None:
    from opsctl.contract import lockfile
    from opsctl.contract.compat import check

    lock = tmp_path / "opsctl.contracts.json"
    lockfile.write_lock(lock, {"flaky": lockfile.contract_snapshot(deprecating(locked_version))})
    code = deprecating(version)
    report = check(lockfile.read_lock(lock), {"flaky": lockfile.contract_snapshot(code)})
    assert (report.ok, [c.change.rule for c in report.failures]) == (False, [rule])

    with pytest.raises(AssertionError, match=rf"differs from .*\n  error: {rule} at "):
        assert_schemas_match_lock(code, lock)


def test_a_verify_that_never_converges_ends_on_the_fake_clock(tmp_path: Path) -> None:
    """The verify deadline is on the session's clock: the fake sleeps advance it, no real wait."""
    import time as real_time

    from pydantic import BaseModel

    from opsctl import Action, Automation
    from opsctl.testing import FakeClock, OpsctlHarness, assert_exit

    class Request(BaseModel):
        name: str = "x"

    stuck = Automation("never-converges", version="1.0.0", owner="o", summary="s",
                       request=Request, verify_timeout=600.0)
    stuck.plan(lambda ctx, req: [Action(id="a", kind="update", target="t", reason="r")])
    stuck.apply(lambda ctx, req, action: None)
    stuck.verify(lambda ctx, req, action: False)
    clock = FakeClock()
    began = real_time.monotonic()
    with OpsctlHarness(tmp_path / "h", clock=clock) as harness:
        harness.register(stuck)
        result = harness.apply("never-converges")
    assert_exit(result, 4)
    assert "not converged" in (result.error or {}).get("message", "")
    assert real_time.monotonic() - began < 30
    assert clock.now() >= FakeClock().now().replace(minute=10)


class Keyed(BaseModel):
    name: str
    token: Secret


def make_keyed(seen: list[str]) -> Automation[Keyed]:
    keyed = Automation("keyed", version="1.0.0", owner="tests", summary="Takes a secret field",
                       request=Keyed)

    @keyed.plan
    def plan(ctx: Context, req: Keyed) -> Iterator[Action]:
        yield Action(id="k", kind="run", target=req.name, reason="due")

    @keyed.apply
    def apply(ctx: Context, req: Keyed, action: Action) -> None:
        seen.append(req.token.get_secret_value())

    return keyed


def test_a_secret_field_comes_from_its_environment_variable_as_on_the_cli(
        opsctl_harness: OpsctlHarness) -> None:
    """`OPSCTL_SECRET_TOKEN` fills a `Secret` field the request leaves out, as the command
    line's flag does; without it the field is missing (exit 2)."""
    seen: list[str] = []
    keyed = make_keyed(seen)
    assert_exit(opsctl_harness.apply(keyed, name="a"), 2)

    opsctl_harness.setenv("OPSCTL_SECRET_TOKEN", "from-the-env")
    result = opsctl_harness.apply(keyed, name="a")

    assert_exit(result, 0)
    assert seen == ["from-the-env"]
    assert "from-the-env" not in json.dumps(result.doc)
    assert "from-the-env" not in json.dumps(result.events)


def test_a_stop_during_a_retry_wait_counts_only_the_attempts_made(
        opsctl_harness: OpsctlHarness, opsctl_clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A stop in the wait after the first failure reported two attempts: the second was
    counted when the wait began, though it never ran."""
    def stopped(seconds: float) -> None:
        raise KeyboardInterrupt  # as Session.wait does on a stop request

    monkeypatch.setattr(opsctl_clock, "sleep", stopped)
    state = Flaky(failures=1000)

    result = opsctl_harness.apply(make_flaky(state), names=["a"])

    assert_exit(result, 130)
    assert state.failures == 999  # one apply
    assert result.actions[0]["status"] == "interrupted"
    assert result.actions[0]["attempts"] == 1


def test_a_store_lost_before_a_retry_stops_the_action_without_another_attempt(
        opsctl_harness: OpsctlHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    """The journal write counting a retry failed inside the attempt: it was retried as the
    action's own transient failure, and counted as an attempt that never ran."""
    from opsctl.store.sql import SQLStore, StoreUnavailableError

    def lost(self: SQLStore, *args: object, **kwargs: object) -> None:
        raise StoreUnavailableError("the state store failed: the connection is lost")

    monkeypatch.setattr(SQLStore, "action_retried", lost)
    state = Flaky(failures=1000)

    result = opsctl_harness.apply(make_flaky(state), names=["a"])

    assert_exit(result, 4)
    assert state.failures == 999  # the first attempt only
    assert result.actions[0]["attempts"] == 1
    assert "gave up" not in json.dumps(result.doc)


def test_a_lease_lost_during_a_retry_wait_stops_the_action_before_another_attempt(
        opsctl_harness: OpsctlHarness, opsctl_clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The fence was read only when the action finished: a holder whose lease was broken (or
    taken over) while it waited to retry applied the action once more."""
    from opsctl.engine.locks import break_lock

    def broken_meanwhile(seconds: float) -> None:
        other = opsctl_harness.open_session()
        try:
            break_lock(other, "flaky", "taken over while the holder waited")
        finally:
            other.close()

    monkeypatch.setattr(opsctl_clock, "sleep", broken_meanwhile)
    state = Flaky(failures=1000)

    result = opsctl_harness.apply(make_flaky(state), names=["a"])

    assert_exit(result, 7)
    assert state.failures == 999  # no attempt after the lease was lost
