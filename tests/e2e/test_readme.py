"""The README's tutorial works as written: its module, its opsctl.toml and its commands."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import Project

README = Path(__file__).resolve().parents[2] / "README.md"


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README.read_text(), flags=re.S)


def test_tutorial_automation_runs_as_documented(project: Project) -> None:
    module = next(b for b in _blocks("python") if "# rotate_keys.py" in b)
    (project.root / "rotate_keys.py").write_text(module)
    config = next(b for b in _blocks("toml") if "rotate_keys" in b)
    (project.root / "opsctl.toml").write_text(config)
    (project.root / "keys" / "staging").mkdir(parents=True)

    helped = project.run("rotate-keys", "--help")
    assert helped.code == 0 and "--environment [staging|prod]" in helped.stdout

    dry = project.run("rotate-keys", "--environment", "staging", "--dry-run", "--format", "json")
    assert dry.code == 10
    assert [a["id"] for a in dry.doc["plan"]["actions"]] == ["key-api", "key-worker"]
    assert not list((project.root / "keys" / "staging").iterdir())

    applied = project.run("rotate-keys", "--environment", "staging", "--format", "json")
    assert applied.code == 0
    assert sorted(p.name for p in (project.root / "keys" / "staging").iterdir()) == ["api.key", "worker.key"]

    again = project.run("rotate-keys", "--environment", "staging", "--format", "json")
    assert (again.code, again.doc["status"]) == (0, "no_changes")

    missing = project.run("rotate-keys", "--environment", "prod", "--format", "json")
    assert missing.code == 3

    (project.root / "keys" / "prod").mkdir()
    assert project.run("plan", "rotate-keys", "--environment", "prod", "--out", "plan.json").code == 10
    assert json.loads((project.root / "plan.json").read_text())["automation"] == "rotate-keys"
    assert project.run("apply", "--plan", "plan.json").code == 0
    runs = project.run("runs", "--automation", "rotate-keys", "--format", "json", expect_json=True)
    assert len(runs.doc["runs"]) == 6
    shown = project.run("show", applied.doc["run_id"])
    assert shown.code == 0 and "succeeded" in shown.stdout


def test_readme_exit_code_table_matches_the_code() -> None:
    from opsctl.errors import EXIT_CODE_TABLE

    documented = {int(m) for m in re.findall(r"^\| (\d+) \|", README.read_text(), flags=re.M)}
    assert documented == {code for code, _, _ in EXIT_CODE_TABLE}
