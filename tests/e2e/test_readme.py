"""The README's tutorial works as written: its module, its opsctl.toml and its commands."""

from __future__ import annotations

import json
import os
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
    # a service name is a file name: one that leaves keys/staging is bad input, nothing written
    outside = project.run("rotate-keys", "--environment", "staging", "--services", "../../x",
                          "--yes", "--format", "json")
    assert outside.code == 2 and "services" in outside.doc["error"]["message"]
    assert not (project.root / "x.key").exists()

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
    ids = [r["id"] for r in runs.doc["runs"]]
    older = project.run("runs", "--limit", "50", "--after", ids[0], "--format", "json",
                        expect_json=True)
    assert ([r["id"] for r in older.doc["runs"]], older.doc["next_before"]) == (ids[1:], ids[1])
    newer = project.run("runs", "--limit", "50", "--before", ids[1], "--format", "json",
                        expect_json=True)
    assert ([r["id"] for r in newer.doc["runs"]], newer.doc["next_after"]) == (ids[:1], ids[0])
    verified = project.run("audit", "verify", "--format", "json", expect_json=True)
    head = verified.doc["events"]
    since = project.run("audit", "verify", "--since", str(head), "--format", "json",
                        expect_json=True)
    assert (since.code, since.doc["from_seq"], since.doc["events"]) == (0, head, 0)
    shown = project.run("show", applied.doc["run_id"])
    assert shown.code == 0 and "succeeded" in shown.stdout


def test_readme_exit_code_table_matches_the_code() -> None:
    from opsctl.errors import EXIT_CODE_TABLE

    documented = {int(m) for m in re.findall(r"^\| (\d+) \|", README.read_text(), flags=re.M)}
    assert documented == {code for code, _, _ in EXIT_CODE_TABLE}


def test_governance_section_works_as_documented(project: Project) -> None:
    """The README's policy.yaml and four-eyes flow, with the tutorial's automation."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    module = next(b for b in _blocks("python") if "# rotate_keys.py" in b)
    (project.root / "rotate_keys.py").write_text(module)
    (project.root / "opsctl.toml").write_text(next(b for b in _blocks("toml") if "rotate_keys" in b))
    (project.root / "policy.yaml").write_text(next(b for b in _blocks("yaml") if "# policy.yaml" in b))
    for env_dir in ("staging", "prod"):
        (project.root / "keys" / env_dir).mkdir(parents=True)
    berlin = datetime.now(ZoneInfo("Europe/Berlin"))
    frozen = berlin.weekday() == 4 and berlin.hour >= 16  # the documented freeze, right now

    check = project.run("policy", "check", "rotate-keys", "--environment", "prod", "--format", "json",
                        expect_json=True)
    assert check.code == 6
    assert check.doc["decision"]["effect"] == ("deny" if frozen else "require_approval")
    friday = project.run("policy", "check", "rotate-keys", "--environment", "staging", "--at",
                         "2026-11-27T17:00+01:00", "--format", "json", expect_json=True)
    assert (friday.code, friday.doc["decision"]["rule"]) == (6, "no-friday-evenings")
    if frozen:
        return
    carol = {"OPSCTL_ACTOR": "carol"}
    planned = project.run("plan", "rotate-keys", "--environment", "prod", "--out", "plan.json",
                          "--format", "json", env=project.env(carol))
    assert planned.code == 10 and planned.doc["policy"]["rule"] == "prod-four-eyes"
    plan_id = planned.doc["artifacts"]["plan_id"]
    unapproved = project.run("apply", "--plan", "plan.json", "--format", "json", env=project.env(carol))
    assert (unapproved.code, unapproved.doc["error"]["type"]) == (6, "approval_required")
    for who, why in (("alice", "rotation ticket OPS-1"), ("bob", "checked the plan")):
        approved = project.run("approve", plan_id, "--reason", why, env=project.env({"OPSCTL_ACTOR": who}))
        assert approved.code == 0, approved.stderr
    applied = project.run("apply", "--plan", "plan.json", "--format", "json", env=project.env(carol))
    assert applied.code == 0, applied.stdout
    assert applied.doc["artifacts"]["approvals"]["approved_by"] == ["alice", "bob"]
    shown = project.run("show", applied.doc["run_id"], "--artifacts", "--format", "json",
                        expect_json=True)
    assert [a["actor"] for a in shown.doc["artifacts"]["approvals"]] == ["alice", "bob"]
    assert "action.applied" in [e["kind"] for e in shown.doc["artifacts"]["audit"]]
    assert project.run("audit", "verify").code == 0
    exported = project.run("audit", "export", "--format", "jsonl")
    assert exported.code == 0
    assert [json.loads(line)["seq"] for line in exported.stdout.splitlines()] == list(
        range(1, len(exported.stdout.splitlines()) + 1))


def test_plan_diff_example_is_what_a_dry_run_prints(project: Project) -> None:
    import os
    import time

    module = next(b for b in _blocks("python") if "# rotate_keys.py" in b)
    (project.root / "rotate_keys.py").write_text(module)
    (project.root / "opsctl.toml").write_text(next(b for b in _blocks("toml") if "rotate_keys" in b))
    key = project.root / "keys" / "staging" / "api.key"
    key.parent.mkdir(parents=True)
    key.write_text("old")
    old = time.time() - 120 * 86400 - 3600
    os.utime(key, (old, old))
    shown = next(b for b in _blocks("text") if b.startswith("rotate-keys 1.0.0  plan"))
    dry = project.run("rotate-keys", "--environment", "staging", "--dry-run")
    assert dry.code == 10
    assert dry.stdout.startswith(shown)


def test_configuration_from_the_environment_as_documented(project: Project) -> None:
    line = next(b for b in _blocks("sh") if "OPSCTL_AUTOMATION__" in b).strip()
    *assignments, _, _, _ = line.split()
    env = dict(a.split("=", 1) for a in assignments)
    env = {k: v.strip("'") for k, v in env.items()}
    project.write_config("[automation.cleanup-files]\nmin_age = '7d'\n")
    shown = project.run("config", "show", "--format", "json", env=project.env(env),
                        expect_json=True)
    assert shown.code == 0
    # JSON output keeps what the variables' JSON said: a list, a number
    assert shown.doc["automation.cleanup-files.allowed_roots"] == {"value": ["/srv/tmp"],
                                                                   "layer": "env"}
    assert shown.doc["automation.cleanup-files.min_age"] == {
        "value": "7d", "layer": shown.doc["automation.cleanup-files.min_age"]["layer"]}
    assert shown.doc["automation.cleanup-files.min_age"]["layer"].startswith("repo:")
    assert shown.doc["retry.attempts"] == {"value": 5, "layer": "env"}
    assert shown.doc["max_input_size"]["value"] == 10 * 1024 * 1024


def test_adoption_section_works_as_documented(project: Project) -> None:
    script = next(b for b in _blocks("bash") if "ops/prune-backups.sh" in b)
    (project.root / "ops").mkdir()
    (project.root / "ops" / "prune-backups.sh").write_text(script)
    backups = project.root / "srv" / "backups"
    backups.mkdir(parents=True)
    old, new = backups / "old.tar.gz", backups / "new.tar.gz"
    old.write_text("old")
    new.write_text("new")
    month_ago = old.stat().st_mtime - 30 * 86400
    os.utime(old, (month_ago, month_ago))

    scanned = project.run("inventory", "scan", "ops/", "--format", "json")
    assert scanned.code == 0, scanned.stderr
    (found,) = scanned.doc["scripts"]
    assert (found["path"], found["tier"], found["dry_run_flag"]) == ("prune-backups.sh", "shared",
                                                                     "-n")
    assert [e["call"].split()[0] for e in found["effects"] if e["destructive"]] == ["find"]
    assert {f["name"] for f in found["interface"]["flags"]} == {"-d", "-k", "-n"}

    assert project.run("wrap", "ops/prune-backups.sh").code == 0
    helped = project.run("prune-backups", "--help")
    assert helped.code == 0 and "--dir" in helped.stdout and "--keep" in helped.stdout

    dry = project.run("prune-backups", "--dir", "srv/backups", "--dry-run", "--format", "json")
    assert dry.code == 10, dry.stderr
    assert "old.tar.gz" in json.dumps(dry.doc["plan"]["actions"][0]["after"])
    assert old.exists()

    applied = project.run("prune-backups", "--dir", "srv/backups", "--keep", "7", "--format",
                          "json")
    assert applied.code == 0, applied.stderr
    assert not old.exists() and new.exists()
    assert project.run("audit", "verify").code == 0
    assert project.run("contract", "check").code == 0
