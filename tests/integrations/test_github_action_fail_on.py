"""The GitHub Action's input errors fail the step with exit 2 whatever ``fail-on`` says
(docs/orchestrators.md): those found reading the inputs, and those found once they are read
(a request with ``apply-plan``, a plan of another automation, a request that is no document).
Run the way tests/integrations/test_github_action.py runs the action: through action.yml."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Project
from tests.integrations.test_github_action import ROOT, Runner


@pytest.fixture
def action_runner(project: Project, tmp_path: Path) -> Runner:
    project.add_module("cleanup_files", (ROOT / "examples" / "cleanup_files.py").read_text())
    project.write_config('[automation.cleanup-files]\nallowed_roots = ["data"]\n')
    return Runner(project, tmp_path)


@pytest.mark.parametrize("fail_on", ["never", "changes", "error"])
def test_a_request_with_apply_plan_fails_the_step_whatever_fail_on(
        action_runner: Runner, fail_on: str) -> None:
    run = action_runner.run(mode="apply-plan", request='{"dir": "/x"}',
                            **{"fail-on": fail_on})
    assert run.code == 2, run.log
    assert run.outputs["exit-code"] == "2"
    assert "a saved plan carries its request" in run.outputs["error"]


@pytest.mark.parametrize("fail_on", ["never", "changes"])
def test_a_plan_of_another_automation_fails_the_step_whatever_fail_on(
        action_runner: Runner, fail_on: str) -> None:
    action_runner.old_files("a.log")
    plan = action_runner.run(mode="plan", request="root: data")
    assert plan.code == 0, plan.log
    wrong = action_runner.run(automation="other", mode="apply-plan", **{"fail-on": fail_on})
    assert wrong.code == 2, wrong.log
    assert wrong.outputs["exit-code"] == "2"
    assert "is a plan of 'cleanup-files', not of 'other'" in wrong.outputs["error"]


def test_a_bad_mode_fails_the_step_with_fail_on_never(action_runner: Runner) -> None:
    run = action_runner.run(mode="destroy", **{"fail-on": "never"})
    assert run.code == 2, run.log
    assert run.outputs["exit-code"] == "2"
