"""`opsctl wrap`: legacy scripts become automations that work at once from the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from opsctl.adopt.model import (
    Effect,
    EnvVar,
    Flag,
    Interface,
    Inventory,
    Script,
    inventory_document,
)
from tests.conftest import CLIResult, clean_env, run_opsctl

SECRET = "tok-5e5e5e5e"

CLEANUP = """#!/bin/bash
# Remove build folders older than some days
DAYS=7; DRY=0
while getopts "d:n" opt; do
  case $opt in d) DAYS=$OPTARG ;; n) DRY=1 ;; esac
done
shift $((OPTIND-1))
echo "cleaning $1 older than $DAYS days with $API_TOKEN"
[ $DRY = 1 ] && { echo "would remove $1/old"; exit 0; }
echo "$DAYS $1" > cleaned.txt
"""

DEPLOY = """#!/usr/bin/env python3
\"\"\"Deploy a service.\"\"\"
import argparse, json, sys
p = argparse.ArgumentParser()
p.add_argument("--env", choices=["staging", "prod"], required=True)
p.add_argument("--tag", action="append")
p.add_argument("--fail-with", type=int, default=0)
p.add_argument("service")
a = p.parse_args()
if a.fail_with:
    print("cannot reach the cluster", file=sys.stderr)
    sys.exit(a.fail_with)
open("deployed.json", "w").write(json.dumps(sys.argv[1:]))
"""


def scans() -> list[Script]:
    return [
        Script(path="scripts/cleanup.sh", language="shell", interpreter="/bin/bash",
               summary="Remove build folders older than some days",
               interface=Interface(kind="getopts", flags=[
                   Flag("-d", type="integer", default=7, dest="DAYS", help="Age in days"),
                   Flag("-n", type="boolean"), Flag("folder", positional=True, required=True)]),
               env=[EnvVar("API_TOKEN", 8, credential=True, required=True)],
               effects=[Effect("file-delete", True, "rm -rf $1/old", 9)],
               has_dry_run=True, dry_run_flag="-n", tier="shared"),
        Script(path="scripts/deploy.py", language="python", interpreter="/usr/bin/env python3",
               summary="Deploy a service.",
               interface=Interface(kind="argparse", flags=[
                   Flag("--env", type="choice", choices=["staging", "prod"], required=True),
                   Flag("--tag", type="list"), Flag("--fail-with", type="integer", default=0),
                   Flag("service", positional=True, required=True)]),
               effects=[Effect("file-write", False, "open('deployed.json', 'w')", 12)],
               tier="interface"),
    ]


def project(tmp_path: Path) -> Path:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "cleanup.sh").write_text(CLEANUP)
    (tmp_path / "scripts" / "deploy.py").write_text(DEPLOY)
    (tmp_path / "opsctl.toml").write_text("# the ops repository\n")
    return tmp_path


def write_inventory(root: Path, scripts: list[Script]) -> Path:
    path = root / "inventory.json"
    path.write_text(json.dumps(inventory_document(Inventory(root=".", scripts=scripts))))
    return path


def opsctl(cwd: Path, *args: str, secret: bool = False) -> CLIResult:
    env = clean_env(cwd / ".home", {"OPSCTL_SECRET_API_TOKEN": SECRET} if secret else {})
    return run_opsctl(*args, cwd=cwd, env=env)


def tree(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                  if ".home" not in p.parts)


def test_wrapped_scripts_work_at_once_help_dry_run_apply_runs_contract_audit(
        tmp_path: Path) -> None:
    root = project(tmp_path)
    write_inventory(root, scans())

    wrapped = opsctl(root, "wrap", "--all", "inventory.json", "--format", "json")

    assert wrapped.code == 0, wrapped.stderr
    report = json.loads(wrapped.stdout)
    assert [(s["automation"], s["wrapped"], s["effect"]) for s in report["scripts"]] == [
        ("cleanup", True, "mutate"), ("deploy", True, "mutate")]
    assert "script='../scripts/cleanup.sh'" in (root / "automations" / "cleanup.py").read_text()

    helped = opsctl(root, "cleanup", "--help")
    assert helped.code == 0
    assert "--days" in helped.stdout and "--folder" in helped.stdout
    assert "Age in days" in helped.stdout

    dry = opsctl(root, "cleanup", "--folder", "build", "--days", "3", "--dry-run", secret=True)
    assert dry.code == 10, dry.stderr
    assert f"bash {root}/scripts/cleanup.sh -d 3 build" in dry.stdout
    assert "would remove build/old" in dry.stdout
    assert not (root / "cleaned.txt").exists()

    applied = opsctl(root, "cleanup", "--folder", "build", "--days", "3", "--format", "json",
                     secret=True)
    assert applied.code == 0, applied.stderr
    assert applied.doc["status"] == "succeeded"
    assert (root / "cleaned.txt").read_text() == "3 build\n"
    assert SECRET not in applied.stdout + applied.stderr
    assert "cleaning build older than 3 days with ***" in applied.stderr

    deployed = opsctl(root, "deploy", "--env", "prod", "--tag", "a", "--tag", "b",
                      "--service", "-web", "--yes")
    assert deployed.code == 0, deployed.stderr
    assert json.loads((root / "deployed.json").read_text()) == [
        "--env=prod", "--tag=a", "--tag=b", "--", "-web"]

    failed = opsctl(root, "deploy", "--env", "prod", "--service", "web", "--fail-with", "3",
                    "--format", "json")
    assert failed.code == 5
    assert (failed.doc["status"], failed.doc["error"]["type"]) == ("failed", "partial")
    error = failed.doc["plan"]["actions"][0]["error"]
    assert "exited with code 3" in error and "cannot reach the cluster" in error

    runs = opsctl(root, "runs", "--format", "json")
    assert runs.code == 0
    shown = opsctl(root, "show", applied.doc["run_id"], "--format", "json")
    assert shown.code == 0 and SECRET not in shown.stdout
    assert opsctl(root, "contract", "check").code == 0
    assert opsctl(root, "audit", "verify").code == 0
    exported = opsctl(root, "audit", "export")
    assert exported.code == 0 and SECRET not in exported.stdout


def test_wrap_one_script_from_its_own_scan(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "scripts" / "hello.py").write_text("print('hello from the legacy script')\n")

    wrapped = opsctl(root, "wrap", "scripts/hello.py")

    assert wrapped.code == 0, wrapped.stderr
    assert "wrapped scripts/hello.py as automation hello" in wrapped.stdout
    assert opsctl(root, "hello", "--dry-run").code == 10
    applied = opsctl(root, "hello", "--yes")
    assert applied.code == 0, applied.stderr
    assert "hello from the legacy script" in applied.stderr


URL_PASSWORD = "pw-9d2f-in-a-url"

URL_DEFAULTS = {
    "scripts/purge.py": f"""#!/usr/bin/env python3
import argparse, os
p = argparse.ArgumentParser()
p.add_argument("--db", default="postgresql://app:{URL_PASSWORD}@db.example/app")
p.add_argument("--mirrors", nargs="*", default=["https://ci:{URL_PASSWORD}@m1.example"])
a = p.parse_args()
os.remove("rows.txt")
""",
    "scripts/drop-items.sh": f"""#!/bin/bash
URL="https://admin:{URL_PASSWORD}@api.example"
while getopts "u:" opt; do
  case $opt in u) URL=$OPTARG ;; esac
done
curl -X DELETE "$URL/items"
""",
}


def test_a_url_password_in_a_flag_default_is_in_no_report_wrapper_or_lock(
        tmp_path: Path) -> None:
    """A flag whose default is a URL with a password keeps no default in the inventory, so
    the wrapper, its contract lock and its help do not show the password either."""
    root = project(tmp_path)
    for path, text in URL_DEFAULTS.items():
        (root / path).write_text(text)
    reports = [opsctl(root, "inventory", "scan", ".", "--format", fmt)
               for fmt in ("json", "text", "markdown")]
    assert all(r.code == 0 for r in reports), [r.stderr for r in reports]
    flags = {s["path"]: {f["name"]: f["default"] for f in s["interface"]["flags"]}
             for s in json.loads(reports[0].stdout)["scripts"]}
    assert flags["scripts/purge.py"] == {"--db": None, "--mirrors": None}
    assert flags["scripts/drop-items.sh"] == {"-u": None}
    outputs = [r.stdout + r.stderr for r in reports]
    for path in URL_DEFAULTS:
        wrapped = opsctl(root, "wrap", path)
        assert wrapped.code == 0, wrapped.stderr
        outputs.append(wrapped.stdout + wrapped.stderr)
    helps = [opsctl(root, name, "--help") for name in ("purge", "drop-items")]
    assert all(h.code == 0 for h in helps), [h.stderr for h in helps]
    outputs += [h.stdout + h.stderr for h in helps]
    written = [p for p in root.rglob("*") if p.is_file() and ".home" not in p.parts
               and p.relative_to(root).as_posix() not in URL_DEFAULTS]
    assert any(p.name == "opsctl.contracts.json" for p in written)
    assert any(p.name == "purge.py" and p.parent.name != "scripts" for p in written)
    for text in outputs:
        assert URL_PASSWORD not in text
    for path in written:
        assert URL_PASSWORD.encode() not in path.read_bytes(), path


def test_wraps_run_at_once_in_one_project_each_register_their_automation(
        tmp_path: Path) -> None:
    """Each wrap reads opsctl.toml and the contract lock, adds its entries and writes them
    back: started together, they take turns, and none loses another's."""
    import subprocess
    from concurrent.futures import ThreadPoolExecutor

    from tests.conftest import OPSCTL

    root = project(tmp_path)
    for i in range(5):
        (root / "scripts" / f"job{i}.sh").write_text(f"#!/bin/sh\n# job {i}\necho {i}\n")
    env = clean_env(root / ".home", {})

    def wrap(i: int) -> int:
        return subprocess.run([OPSCTL, "wrap", f"scripts/job{i}.sh"], cwd=root, env=env,
                              capture_output=True, text=True, timeout=120).returncode

    with ThreadPoolExecutor(5) as pool:
        assert list(pool.map(wrap, range(5))) == [0] * 5
    import tomllib

    modules = tomllib.loads((root / "opsctl.toml").read_text())["automations"]
    assert sorted(modules) == [f"job{i}" for i in range(5)]
    locked = json.loads((root / "opsctl.contracts.json").read_text())["automations"]
    assert sorted(locked) == [f"job{i}" for i in range(5)]
    assert opsctl(root, "contract", "check").code == 0


def existing(root: Path) -> None:
    (root / "automations").mkdir()
    (root / "automations" / "deploy.py").write_text("# someone's module\n")


@pytest.mark.parametrize(("args", "setup", "code", "message"), [
    (["scripts/missing.sh"], None, 2, "script scripts/missing.sh does not exist"),
    (["scripts"], None, 2, "is not a file"),
    (["scripts/deploy.py", "--name", "plan"], None, 2, "give it another with --name"),
    (["scripts/deploy.py"], existing, 2, "would overwrite"),
    (["scripts/broken.py"], None, 3, "the scan failed: Python syntax error"),
    (["--all", ""], None, 2, "is empty (an unset variable?)"),
], ids=["missing-script", "a-directory", "reserved-name", "existing-files", "unparseable",
        "an-empty-path-is-not-this-folder"])
def test_bad_input_is_refused_and_nothing_is_written(tmp_path: Path, args: list[str],
                                                     setup: Any, code: int,
                                                     message: str) -> None:
    root = project(tmp_path)
    (root / "scripts" / "broken.py").write_text("def broken(:\n")
    if setup:
        setup(root)
    before = tree(root)

    refused = opsctl(root, "wrap", *args)

    assert refused.code == code
    assert message in refused.stderr
    assert tree(root) == before


def test_an_unparseable_script_is_wrapped_with_force_behind_an_args_passthrough(
        tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "scripts" / "broken.py").write_text("#!/usr/bin/env python3\ndef broken(:\n")

    forced = opsctl(root, "wrap", "scripts/broken.py", "--force")

    assert forced.code == 0, forced.stderr
    assert "could not determine: the scan failed" in forced.stdout
    helped = opsctl(root, "broken", "--help")
    assert helped.code == 0 and "--args" in helped.stdout


def test_wrap_all_reports_refusals_with_the_partial_and_refused_exit_codes(tmp_path: Path) -> None:
    root = project(tmp_path)
    dynamic = Script(path="scripts/deploy.py", language="python", tier="platform",
                     warnings=["flags built dynamically at line 3"])
    write_inventory(root, [scans()[0], dynamic])

    partial = opsctl(root, "wrap", "--all", "inventory.json")

    assert partial.code == 5
    assert "wrapped  scripts/cleanup.sh" in partial.stdout
    assert "refused  scripts/deploy.py" in partial.stdout
    assert "could not determine: flags built dynamically at line 3" in partial.stdout
    write_inventory(root, [dynamic])
    none = opsctl(root, "wrap", "--all", "inventory.json", "--format", "json")
    assert none.code == 3
    assert json.loads(none.stdout)["files"] == []


def test_wrap_all_with_no_script_at_the_tier_says_so(tmp_path: Path) -> None:
    root = project(tmp_path)
    write_inventory(root, [Script(path="scripts/cleanup.sh", language="shell", tier="private")])

    nothing = opsctl(root, "wrap", "--all", "inventory.json", "--min-tier", "interface")

    assert nothing.code == 0
    assert nothing.stdout.splitlines() == [
        "0 of 0 wrapped",
        "no script of inventory.json is at or above --min-tier interface (--min-tier private "
        "wraps every script)"]
    assert not (root / "automations").exists()


def test_a_script_changed_after_wrap_warns_and_stales_its_saved_plan(tmp_path: Path) -> None:
    """The module records the script as wrapped: a later plan of a changed script warns that
    its options may have changed; a plan saved before the change is refused as stale (the
    script's SHA-256 is in the plan), and nothing runs."""
    root = project(tmp_path)
    hello = root / "scripts" / "hello.py"
    hello.write_text("open('ran.txt', 'w').write('v1')\n")
    assert opsctl(root, "wrap", "scripts/hello.py").code == 0
    assert "wrapped_sha256=" in (root / "automations" / "hello.py").read_text()
    fresh = opsctl(root, "hello", "--dry-run")
    assert fresh.code == 10, fresh.stderr
    assert "script.changed_since_wrap" not in fresh.stderr
    saved = opsctl(root, "plan", "hello", "--out", "plan.json")
    assert saved.code == 10, saved.stderr

    hello.write_text("open('ran.txt', 'w').write('v2')\n")
    changed = opsctl(root, "hello", "--dry-run")
    assert changed.code == 10, changed.stderr
    assert "script.changed_since_wrap" in changed.stderr
    stale = opsctl(root, "apply", "--plan", "plan.json", "--yes")
    assert stale.code == 3, stale.stderr
    assert "stale" in stale.stderr
    assert not (root / "ran.txt").exists()
