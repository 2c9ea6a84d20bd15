"""cleanup-files on a real directory tree: the allow-list, ages, symlinks, idempotent deletes."""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from opsctl.testing import FakeClock, OpsctlHarness, assert_exit
from tests.examples.conftest import ExampleProject, import_example

DAY = 86400


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    root.mkdir()
    return root


@pytest.fixture
def project(example_project: object, data: Path) -> ExampleProject:
    proj: ExampleProject = example_project("examples.cleanup_files")  # type: ignore[operator]
    proj.write_config(f"\n[automation.cleanup-files]\nallowed_roots = [{json.dumps(str(data))}]\n")
    return proj


def make_file(path: Path, age_days: float, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    moment = time.time() - age_days * DAY
    os.utime(path, (moment, moment))
    return path


def cleanup(project: ExampleProject, root: Path, *args: str):
    return project.run("cleanup-files", "--root", str(root), *args, "--format", "json")


def planned_ids(doc: dict) -> list[str]:
    return [a["id"] for a in doc["plan"]["actions"]]


def tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() or p.is_symlink())


@pytest.fixture
def aged(data: Path) -> Path:
    make_file(data / "old.log", 40)
    make_file(data / "recent.log", 3)
    make_file(data / "nested" / "deep" / "old.txt", 90)
    make_file(data / "nested" / "fresh.txt", 0)
    make_file(data / "mid.log", 10)
    return data


def test_dry_run_lists_old_files_and_deletes_nothing(project: ExampleProject, aged: Path) -> None:
    before = tree(aged)

    result = cleanup(project, aged, "--dry-run")

    assert result.code == 10
    assert result.doc["status"] == "changes_planned"
    assert planned_ids(result.doc) == ["file:nested/deep/old.txt", "file:old.log"]
    first = result.doc["plan"]["actions"][0]
    assert first["kind"] == "delete"
    assert first["target"] == str(aged / "nested" / "deep" / "old.txt")
    assert first["before"]["size"] == 1
    mtime = datetime.fromisoformat(first["before"]["mtime"])
    assert abs((datetime.now(UTC) - mtime).total_seconds() - 90 * DAY) < 60
    assert tree(aged) == before


def test_apply_deletes_exactly_the_old_files_and_a_second_run_changes_nothing(
        project: ExampleProject, aged: Path) -> None:
    result = cleanup(project, aged)

    assert result.code == 0, result.stderr
    assert result.doc["status"] == "succeeded"
    assert [(a["id"], a["status"]) for a in result.doc["plan"]["actions"]] == [
        ("file:nested/deep/old.txt", "applied"), ("file:old.log", "applied")]
    assert result.doc["summary"]["applied"] == 2
    assert tree(aged) == ["mid.log", "nested/fresh.txt", "recent.log"]
    assert (aged / "nested" / "deep").is_dir()  # directories are left alone

    again = cleanup(project, aged)

    assert again.code == 0
    assert again.doc["status"] == "no_changes"
    assert again.doc["plan"]["actions"] == []
    assert tree(aged) == ["mid.log", "nested/fresh.txt", "recent.log"]


def test_older_than_flag(project: ExampleProject, aged: Path) -> None:
    result = cleanup(project, aged, "--older-than", "7d", "--dry-run")

    assert result.code == 10
    assert planned_ids(result.doc) == ["file:mid.log", "file:nested/deep/old.txt", "file:old.log"]
    assert result.doc["request"]["older_than"] == "7d"
    hours = cleanup(project, aged, "--older-than", "1h", "--dry-run")
    assert hours.code == 10
    assert "file:recent.log" in planned_ids(hours.doc)
    assert "file:nested/fresh.txt" not in planned_ids(hours.doc)


def test_a_threshold_further_back_than_any_date_deletes_nothing(project: ExampleProject,
                                                                 aged: Path) -> None:
    result = cleanup(project, aged, "--older-than", "100000000d")

    assert result.code == 0, result.stderr
    assert result.doc["status"] == "no_changes"
    assert (aged / "nested" / "deep" / "old.txt").exists()


@pytest.mark.parametrize("value", ["abc", "7x", "-1d"])
def test_malformed_older_than_is_a_usage_error(project: ExampleProject, aged: Path,
                                               value: str) -> None:
    result = cleanup(project, aged, f"--older-than={value}")

    assert result.code == 2
    assert result.doc["status"] == "failed"
    assert result.doc["error"]["type"] == "validation"
    assert "--older-than" in result.doc["error"]["message"]
    assert "invalid duration" in result.doc["error"]["message"]
    assert (aged / "old.log").exists()


def test_pattern_and_no_recursive(project: ExampleProject, aged: Path) -> None:
    make_file(aged / "nested" / "old.log", 50)

    top_logs = cleanup(project, aged, "--pattern", "*.log", "--no-recursive")

    assert top_logs.code == 0
    assert planned_ids(top_logs.doc) == ["file:old.log"]
    assert tree(aged) == ["mid.log", "nested/deep/old.txt", "nested/fresh.txt", "nested/old.log",
                          "recent.log"]
    by_path = cleanup(project, aged, "--pattern", "deep/*.txt", "--dry-run")
    assert by_path.code == 10
    assert planned_ids(by_path.doc) == ["file:nested/deep/old.txt"]


@pytest.mark.parametrize("pattern", [".", "./", "/", "/srv/data/*.log"],
                         ids=["dot", "dot-slash", "slash", "absolute"])
def test_a_pattern_that_names_no_relative_path_is_a_usage_error(project: ExampleProject,
                                                                aged: Path, pattern: str) -> None:
    result = cleanup(project, aged, "--pattern", pattern, "--dry-run")

    assert result.code == 2, result.stderr
    assert result.doc["error"]["type"] == "validation"
    assert "pattern" in result.doc["error"]["message"]
    assert "relative to the root" in result.doc["error"]["message"]


def test_a_path_pattern_with_no_recursive_is_a_usage_error(project: ExampleProject,
                                                           aged: Path) -> None:
    result = cleanup(project, aged, "--pattern", "deep/*.txt", "--no-recursive")

    assert result.code == 2, result.stderr
    assert result.doc["error"]["type"] == "validation"
    assert "--no-recursive does not enter" in result.doc["error"]["message"]
    assert (aged / "nested" / "deep" / "old.txt").exists()


def test_root_outside_the_allow_list_is_refused(project: ExampleProject, aged: Path,
                                               tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    make_file(elsewhere / "old.log", 400)

    result = cleanup(project, elsewhere)

    assert result.code == 3
    assert result.doc["status"] == "failed"
    assert result.doc["error"]["type"] == "validation"
    assert str(elsewhere) in result.doc["error"]["message"]
    assert "outside the allowed roots" in result.doc["error"]["message"]
    assert (elsewhere / "old.log").exists()


def test_root_that_resolves_outside_through_a_symlink_is_refused(project: ExampleProject,
                                                                 data: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    make_file(outside / "precious.db", 400)
    (data / "sneaky").symlink_to(outside, target_is_directory=True)

    result = cleanup(project, data / "sneaky")

    assert result.code == 3
    assert f"resolves to {outside}" in result.doc["error"]["message"]
    assert (outside / "precious.db").exists()


def test_parent_traversal_out_of_the_root_is_refused(project: ExampleProject, data: Path,
                                                     tmp_path: Path) -> None:
    make_file(tmp_path / "sibling" / "old.log", 400)

    result = cleanup(project, data / ".." / "sibling")

    assert result.code == 3
    assert (tmp_path / "sibling" / "old.log").exists()


def test_without_an_allow_list_nothing_runs(project: ExampleProject, aged: Path) -> None:
    project.write_config("")

    result = cleanup(project, aged)

    assert result.code == 3
    assert "allowed_roots" in result.doc["error"]["message"]
    assert (aged / "old.log").exists()


def test_subdirectory_of_an_allowed_root_is_allowed(project: ExampleProject, aged: Path) -> None:
    result = cleanup(project, aged / "nested")

    assert result.code == 0
    assert planned_ids(result.doc) == ["file:deep/old.txt"]
    assert not (aged / "nested" / "deep" / "old.txt").exists()
    assert (aged / "old.log").exists()


def test_symlinks_are_neither_followed_nor_deleted(project: ExampleProject, data: Path,
                                                   tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    make_file(outside / "old-outside.log", 400)
    make_file(outside / "dir" / "old-in-dir.log", 400)
    (data / "link-to-dir").symlink_to(outside / "dir", target_is_directory=True)
    (data / "link-to-file.log").symlink_to(outside / "old-outside.log")
    os.utime(data / "link-to-file.log", (time.time() - 400 * DAY,) * 2, follow_symlinks=False)
    make_file(data / "old.log", 400)

    result = cleanup(project, data)

    assert result.code == 0, result.stderr
    assert planned_ids(result.doc) == ["file:old.log"]
    assert (outside / "old-outside.log").exists()
    assert (outside / "dir" / "old-in-dir.log").exists()
    assert (data / "link-to-dir").is_symlink()
    assert (data / "link-to-file.log").is_symlink()
    assert not (data / "old.log").exists()


def test_max_deletions_refuses_the_whole_run(project: ExampleProject, data: Path) -> None:
    for index in range(3):
        make_file(data / f"old{index}.log", 40)

    result = cleanup(project, data, "--max-deletions", "2")

    assert result.code == 3
    assert "--max-deletions=2" in result.doc["error"]["message"]
    assert tree(data) == ["old0.log", "old1.log", "old2.log"]
    exact = cleanup(project, data, "--max-deletions", "3")
    assert exact.code == 0
    assert tree(data) == []


def test_unusual_file_names_get_valid_unique_action_ids(project: ExampleProject,
                                                        data: Path) -> None:
    make_file(data / "a b.log", 40)
    make_file(data / "a_b.log", 40)
    make_file(data / ".hidden", 40)

    result = cleanup(project, data)

    assert result.code == 0, result.stderr
    ids = planned_ids(result.doc)
    assert len(ids) == len(set(ids)) == 3
    assert "file:a_b.log" in ids
    assert tree(data) == []


def test_a_name_not_utf8_or_with_a_newline_is_planned_shown_and_deleted(
        project: ExampleProject, data: Path) -> None:
    odd = make_file(data / os.fsdecode(b"cache\xff.bin"), 40)
    make_file(data / "plain.log", 40)
    make_file(data / "two\nlines.log", 40)

    dry = cleanup(project, data, "--dry-run")

    assert dry.code == 10, dry.stderr
    shown = {a["target"] for a in dry.doc["plan"]["actions"]}
    assert shown == {str(data / "cache\\xff.bin"), str(data / "plain.log"),
                     str(data / "two\\x0alines.log")}
    assert odd.exists()
    text = project.run("cleanup-files", "--root", str(data), "--dry-run")
    assert f"{data}/two\\x0alines.log  (" in text.stdout

    result = cleanup(project, data)

    assert result.code == 0, result.stderr
    assert result.doc["summary"]["applied"] == 3
    assert tree(data) == []
    assert cleanup(project, data).doc["status"] == "no_changes"


def test_a_file_touched_after_a_saved_plan_makes_the_plan_stale(project: ExampleProject,
                                                                aged: Path) -> None:
    plan_file = project.root / "cleanup-plan.json"
    planned = project.run("plan", "cleanup-files", "--root", str(aged), "--out", str(plan_file),
                          "--format", "json")
    assert planned.code == 10
    os.utime(aged / "old.log")  # someone is using it again

    result = project.run("apply", "--plan", str(plan_file), "--format", "json")

    assert result.code == 3
    assert "stale" in result.doc["error"]["message"]
    assert (aged / "old.log").exists()
    assert (aged / "nested" / "deep" / "old.txt").exists()


# -- apply() between plan and apply, in process ------------------------------------------------------

def _context(allowed: Path):
    from opsctl.engine.context import Context
    from opsctl.observe.log import CaptureSink, Logger

    sink = CaptureSink()
    ctx = Context(run_id="run_test", automation="cleanup-files", actor="test",
                  config={"allowed_roots": [str(allowed)]}, secrets={},
                  log=Logger(sink, []), clock=lambda: datetime.now(UTC))
    return ctx, sink


def test_apply_keeps_a_file_modified_since_planning_and_skips_a_vanished_one(aged: Path) -> None:
    example = import_example("examples.cleanup_files")
    Request, cleanup_files = example.Request, example.cleanup_files

    ctx, sink = _context(aged)
    request = Request(root=str(aged))
    planned = {a.id: a for a in cleanup_files.call_plan(ctx, request)}
    assert sorted(planned) == ["file:nested/deep/old.txt", "file:old.log"]
    os.utime(aged / "old.log")  # touched between plan and apply
    (aged / "nested" / "deep" / "old.txt").unlink()  # deleted by someone else meanwhile
    ctx.phase = "apply"

    assert cleanup_files.call_apply(ctx, request, planned["file:old.log"]) == "unchanged"
    assert cleanup_files.call_apply(ctx, request, planned["file:nested/deep/old.txt"]) == "unchanged"

    assert (aged / "old.log").exists()
    warnings = [e for e in sink.events if e["level"] == "warning"]
    assert [(e["event"], e["path"]) for e in warnings] == [("automation.warning", str(aged / "old.log"))]
    assert ctx.warnings == [f"kept {aged / 'old.log'}: modified since planning"]


def test_a_directory_that_cannot_be_listed_is_named_in_a_warning(aged: Path,
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  ) -> None:
    example = import_example("examples.cleanup_files")
    Request, cleanup_files = example.Request, example.cleanup_files
    locked = aged / "nested" / "deep"
    listing = os.scandir

    def scandir(path: object) -> object:  # as for a directory without read permission
        if os.fspath(path) == str(locked):  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", str(locked))
        return listing(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    ctx, sink = _context(aged)

    planned = [a.id for a in cleanup_files.call_plan(ctx, Request(root=str(aged)))]

    assert planned == ["file:old.log"]
    assert ctx.warnings == [f"skipped {locked}: Permission denied; files under it were not "
                            "considered"]
    assert [e["path"] for e in sink.events if e["level"] == "warning"] == [str(locked)]


def test_a_file_made_again_under_a_deleted_name_does_not_fail_verify(aged: Path) -> None:
    example = import_example("examples.cleanup_files")
    Request, cleanup_files = example.Request, example.cleanup_files
    ctx, _ = _context(aged)
    request = Request(root=str(aged))
    planned = {a.id: a for a in cleanup_files.call_plan(ctx, request)}
    ctx.phase = "apply"

    assert cleanup_files.call_apply(ctx, request, planned["file:old.log"]) == "applied"
    (aged / "old.log").write_text("the service opened its log again\n")
    ctx.phase = "verify"

    assert cleanup_files.call_verify(ctx, request, planned["file:old.log"]) is True
    assert cleanup_files.call_verify(ctx, request, planned["file:nested/deep/old.txt"]) is False


def test_plan_is_read_only(aged: Path) -> None:
    example = import_example("examples.cleanup_files")
    Request, cleanup_files = example.Request, example.cleanup_files

    ctx, _ = _context(aged)
    request = Request(root=str(aged))
    [first, *_] = cleanup_files.call_plan(ctx, request)
    from opsctl.errors import MutationDuringPlanError

    with pytest.raises(MutationDuringPlanError):
        cleanup_files.call_apply(ctx, request, first)  # still in the plan phase
    assert Path(first.target).exists()


# -- in process with the test kit: golden plan, dry run = apply, idempotency, the clock -------------

@pytest.fixture
def harness(opsctl_harness: OpsctlHarness, data: Path) -> OpsctlHarness:
    opsctl_harness.register(import_example("examples.cleanup_files").cleanup_files)
    opsctl_harness.configure("cleanup-files", allowed_roots=[str(data)])
    return opsctl_harness


@pytest.fixture
def clock_aged(data: Path, opsctl_clock: FakeClock) -> Path:
    """The ``aged`` tree with ages counted on the fake clock, so every run plans the same."""
    for relative, days in [("old.log", 40), ("recent.log", 3), ("nested/deep/old.txt", 90),
                           ("nested/fresh.txt", 0), ("mid.log", 10)]:
        path = data / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
        moment = int((opsctl_clock.now() - timedelta(days=days)).timestamp()) * 10**9
        os.utime(path, ns=(moment, moment))
    return data


def test_kit_plan_matches_the_golden_plan(harness: OpsctlHarness, clock_aged: Path) -> None:
    result = harness.dry_run("cleanup-files", root=str(clock_aged))

    assert_exit(result, 10)
    harness.assert_plan_matches_golden(result, "cleanup-files")  # tmp_path is written <tmp>
    assert tree(clock_aged) == ["mid.log", "nested/deep/old.txt", "nested/fresh.txt",
                                "old.log", "recent.log"]


def test_kit_dry_run_shows_exactly_what_apply_deletes(harness: OpsctlHarness,
                                                      clock_aged: Path) -> None:
    dry, applied = harness.assert_dry_run_matches_apply("cleanup-files", root=str(clock_aged),
                                                        observe=lambda: tree(clock_aged))

    assert dry.action_ids() == ["file:nested/deep/old.txt", "file:old.log"]
    assert applied.summary["applied"] == 2
    assert tree(clock_aged) == ["mid.log", "nested/fresh.txt", "recent.log"]


def test_kit_a_second_apply_changes_nothing(harness: OpsctlHarness, clock_aged: Path) -> None:
    first = harness.assert_idempotent("cleanup-files", root=str(clock_aged), older_than="7d")

    assert first.action_ids() == ["file:mid.log", "file:nested/deep/old.txt", "file:old.log"]
    assert tree(clock_aged) == ["nested/fresh.txt", "recent.log"]


def test_kit_files_age_with_the_clock(harness: OpsctlHarness, clock_aged: Path,
                                     opsctl_clock: FakeClock) -> None:
    opsctl_clock.advance("25d")  # mid.log is now 35 days old, recent.log 28

    result = harness.dry_run("cleanup-files", root=str(clock_aged))

    assert_exit(result, 10)
    assert result.action_ids() == ["file:mid.log", "file:nested/deep/old.txt", "file:old.log"]
    assert result.action("file:mid.log")["reason"] == "last modified 35.0 days ago"
