"""``--target``: a plan limited to some actions and what they depend on, like Terraform's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Project

STACK = '''
import os
from pathlib import Path
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    env: str = "dev"

stack = Automation("stack", version="1.0.0", owner="o", summary="A small stack",
                   request=Request, lock_scope=("env",))

SHAPE = {"net": (), "vol-a": ("net",), "vol-b": ("net",), "snap-a": ("vol-a",), "dns": ()}

def done():
    try:
        return set(Path("effects.log").read_text().split())
    except FileNotFoundError:
        return set()

@stack.plan
def plan(ctx, req):
    for name, deps in SHAPE.items():
        if name not in done():
            yield Action(id=name, kind="create", target=f"{req.env}/{name}", reason="missing",
                         depends_on=tuple(d for d in deps if d not in done()))

@stack.apply
def apply(ctx, req, action):
    if Path(f"fail-{action.id}").exists():
        raise RuntimeError(f"{action.id} broke")
    fd = os.open("effects.log", os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    os.write(fd, f"{action.id}\\n".encode())
    os.close(fd)
'''


@pytest.fixture
def stack(project: Project) -> Project:
    project.add_module("stack_auto", STACK)
    return project


def effects(project: Project) -> list[str]:
    log = project.root / "effects.log"
    return log.read_text().split() if log.exists() else []


def planned(doc: dict) -> list[str]:
    return [a["id"] for a in doc["plan"]["actions"]]


def test_a_dry_run_with_targets_plans_only_them_and_their_dependencies(stack: Project) -> None:
    whole = stack.run("stack", "--dry-run", "--format", "json")
    targeted = stack.run("stack", "--dry-run", "--target", "vol-*", "--format", "json")
    assert targeted.code == 10
    assert planned(targeted.doc) == ["net", "vol-a", "vol-b"]
    assert targeted.doc["artifacts"]["targets"] == {
        "patterns": ["vol-*"], "selected": 3, "planned_without_targets": 5}
    assert any(w.startswith("targeting is in effect") for w in targeted.doc["warnings"])
    assert targeted.doc["plan"]["fingerprint"] != whole.doc["plan"]["fingerprint"]
    assert not any("targeting" in w for w in whole.doc["warnings"])
    assert effects(stack) == []


def test_a_targeted_apply_changes_only_the_targets_then_a_full_run_converges(
        stack: Project) -> None:
    first = stack.run("stack", "--target", "snap-a", "--target", "dns", "--format", "json")
    assert first.code == 0, first.stderr
    assert sorted(effects(stack)) == ["dns", "net", "snap-a", "vol-a"]
    assert first.doc["summary"]["applied"] == 4
    shown = stack.run("show", first.doc["run_id"], "--format", "json", expect_json=True)
    assert shown.code == 0
    rest = stack.run("stack", "--format", "json")
    assert rest.code == 0
    assert planned(rest.doc) == ["vol-b"]
    assert sorted(effects(stack)) == ["dns", "net", "snap-a", "vol-a", "vol-b"]


def test_a_target_that_matches_nothing_warns_and_changes_nothing(stack: Project) -> None:
    result = stack.run("stack", "--target", "db-*", "--format", "json")
    assert result.code == 0
    assert result.doc["status"] == "no_changes"
    assert any("--target db-* matched no planned action" in w for w in result.doc["warnings"])
    assert effects(stack) == []


def test_a_target_that_matches_nothing_does_not_say_the_target_is_converged(
        stack: Project) -> None:
    """Five actions are still planned outside the targets (was: "no changes: the target is
    already in the requested state", which it was not)."""
    result = stack.run("stack", "--target", "db-*", "--dry-run")
    assert result.code == 0, result.stderr
    assert "already in the requested state" not in result.stdout
    assert "no changes among the targeted actions; the rest of the plan is left as it is" in (
        result.stdout)
    assert "--target db-* matched no planned action" in result.stdout
    converged = stack.run("stack", "--format", "json")
    assert converged.code == 0, converged.stderr
    whole = stack.run("stack", "--target", "*", "--dry-run")
    assert whole.code == 0, whole.stderr
    assert "no changes: the target is already in the requested state" in whole.stdout


@pytest.mark.parametrize("bad", ["", "  "], ids=["empty", "blank"])
def test_an_empty_target_is_invalid_input(stack: Project, bad: str) -> None:
    result = stack.run("stack", "--target", bad, "--format", "json")
    assert result.code == 2
    assert "--target" in result.doc["error"]["message"]
    assert not stack.db.exists() or effects(stack) == []


@pytest.mark.parametrize("bad", ["db\nweb-*", "web-\x1b[2J*", "db web", "*" * 401],
                         ids=["newline", "escape", "blank-inside", "too-long"])
def test_a_target_no_action_id_could_match_is_invalid_input(stack: Project, bad: str) -> None:
    """An action id is 1-200 characters of [A-Za-z0-9_.:/@+=-]: a pattern with a newline, an
    escape or a blank matches none, and was only echoed (was: exit 0, a warning whose newline
    printed a line of its own, and the escape sent to the terminal)."""
    result = stack.run("stack", "--target", bad, "--format", "json")
    assert result.code == 2, result.stderr
    message = result.doc["error"]["message"]
    assert message.startswith("--target ") and "give an action id or a glob" in message
    assert "\n" not in message and "\x1b" not in message
    assert result.doc["run_id"] is None
    assert effects(stack) == []


def test_a_saved_targeted_plan_applies_exactly_its_targets(stack: Project) -> None:
    saved = stack.run("plan", "stack", "--target", "vol-b", "--out", "plan.json",
                      "--format", "json")
    assert saved.code == 10
    document = json.loads((stack.root / "plan.json").read_text())
    assert document["targets"] == ["vol-b"]
    applied = stack.run("apply", "--plan", "plan.json", "--format", "json")
    assert applied.code == 0, applied.stderr
    assert planned(applied.doc) == ["net", "vol-b"]
    assert sorted(effects(stack)) == ["net", "vol-b"]


def test_editing_a_saved_plans_targets_is_refused(stack: Project) -> None:
    assert stack.run("plan", "stack", "--target", "vol-b", "--out", "plan.json").code == 10
    path: Path = stack.root / "plan.json"
    document = json.loads(path.read_text())
    document["targets"] = ["*"]
    path.write_text(json.dumps(document))
    refused = stack.run("apply", "--plan", "plan.json", "--format", "json")
    assert refused.code == 3
    assert "signature does not match" in refused.doc["error"]["message"]
    assert effects(stack) == []


VERIFY = '''

@stack.verify
def verify(ctx, req, action):
    return action.id in done()
'''


@pytest.mark.parametrize("with_verify", [False, True], ids=["replanned", "from-journal"])
def test_resuming_a_targeted_run_keeps_its_targets(stack: Project, with_verify: bool) -> None:
    """Resumed from its journal (an automation with verify), the finished run's result no
    longer said that targeting was in effect."""
    if with_verify:
        stack.add_module("stack_auto", STACK + VERIFY)
    (stack.root / "fail-vol-a").write_text("")
    partial = stack.run("stack", "--target", "vol-*", "--max-failures", "5", "--format", "json")
    assert partial.code == 5, partial.stderr
    (stack.root / "fail-vol-a").unlink()
    resumed = stack.run("resume", partial.doc["run_id"], "--format", "json")
    assert resumed.code == 0, resumed.stderr
    assert resumed.doc["run_id"] == partial.doc["run_id"]
    assert sorted(effects(stack)) == ["net", "vol-a", "vol-b"]  # not snap-a, not dns
    assert resumed.doc["artifacts"]["targets"]["patterns"] == ["vol-*"]
    assert any(w.startswith("targeting is in effect (--target vol-*): ")
               for w in resumed.doc["warnings"]), resumed.doc["warnings"]
    if with_verify:  # the plan it finishes, not a fresh one
        assert resumed.doc["artifacts"]["targets"] == partial.doc["artifacts"]["targets"] == {
            "patterns": ["vol-*"], "selected": 3, "planned_without_targets": 5}


def test_the_same_key_with_other_targets_is_a_conflict(stack: Project) -> None:
    assert stack.run("stack", "--target", "dns", "--idempotency-key", "k1").code == 0
    other = stack.run("stack", "--target", "net", "--idempotency-key", "k1", "--format", "json")
    assert other.code == 7
    assert "different request" in other.doc["error"]["message"]
