"""``opsctl inventory scan`` through the installed console script, on a small ops repository in
a real git repository: what a new user reads in the README."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import textwrap
import time
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import clean_env, run_in_terminal, run_opsctl

pytestmark = pytest.mark.e2e

CLEANUP = '''\
#!/usr/bin/env python3
"""Terminate stopped EC2 instances older than --days."""
import argparse
import os
import sys

import boto3


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--region", default="eu-west-1", help="AWS region")
    parser.add_argument("--days", type=int, default=30, help="Minimum age in days")
    parser.add_argument("--env", choices=["staging", "prod"], required=True)
    parser.add_argument("--dry-run", action="store_true", help="Only print what would go")
    args = parser.parse_args()
    token = os.environ["SLACK_TOKEN"]
    ec2 = boto3.client("ec2", region_name=args.region)
    ids = [i["InstanceId"] for r in ec2.describe_instances()["Reservations"] for i in r["Instances"]]
    if not ids:
        sys.exit(3)
    if not args.dry_run:
        ec2.terminate_instances(InstanceIds=ids)


if __name__ == "__main__":
    main()
'''

ROTATE = '''\
#!/bin/bash
# Rotate the nightly database dumps.
set -euo pipefail
KEEP=7
while getopts "k:n" opt; do
  case $opt in
    k) KEEP="$OPTARG" ;;
    n) DRY=1 ;;
  esac
done
find "$BACKUP_DIR" -name '*.sql.gz' -mtime +"$KEEP" -delete
exit 0
'''

REPORT = '''\
#!/usr/bin/env python3
"""Print disk usage of the backup folder."""
import shutil
from helpers import human

print(human(shutil.disk_usage("/").used))
'''

HELPERS = '''\
def human(n):
    return f"{n / 1e9:.1f} GB"
'''


def git(root: Path, *args: str, author: str = "Ada <ada@example.com>") -> None:
    name, email = author[:-1].split(" <")
    env = {**os.environ, "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email,
           "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email}
    subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "ops"
    files = {
        "scripts/cleanup_ec2.py": CLEANUP,
        "scripts/rotate-dumps.sh": ROTATE,
        "scripts/report.py": REPORT,
        "scripts/helpers.py": HELPERS,
        "Makefile": "clean:\n\tpython3 scripts/cleanup_ec2.py --env staging\n",
        ".github/workflows/nightly.yml": textwrap.dedent("""\
            on:
              schedule: [{cron: "0 3 * * *"}]
            jobs:
              clean:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: |
                      pip install boto3
                      python scripts/cleanup_ec2.py --env prod
            """),
        "deploy/crontab": "15 2 * * * /opt/ops/scripts/rotate-dumps.sh -k 14\n",
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "scripts")
    (root / "scripts/cleanup_ec2.py").write_text(CLEANUP + "# tuned\n")
    git(root, "commit", "-qam", "tune", author="Grace <grace@example.com>")
    return root


def scan(*args: str, cwd: Path) -> tuple[int, str, str]:
    result = run_opsctl("inventory", "scan", *args, cwd=cwd, env=clean_env(cwd / ".home"))
    return result.code, result.stdout, result.stderr


def test_the_json_inventory_follows_its_published_schema(repo: Path) -> None:
    code, out, err = scan(str(repo), "--format", "json", cwd=repo.parent)
    assert code == 0, err
    doc = json.loads(out)
    schema_run = run_opsctl("schema", "--inventory", cwd=repo.parent, expect_json=True)
    assert schema_run.code == 0
    jsonschema.Draft202012Validator(schema_run.doc).validate(doc)

    assert doc["schema"] == "opsctl.inventory/v1"
    assert Path(doc["root"]) == repo
    scripts = {s["path"]: s for s in doc["scripts"]}
    assert sorted(scripts) == ["scripts/cleanup_ec2.py", "scripts/report.py",
                               "scripts/rotate-dumps.sh"]
    assert [(lib["path"], lib["reason"]) for lib in doc["libraries"]] == [
        ("scripts/helpers.py", "library, imported by scripts/report.py")]

    cleanup = scripts["scripts/cleanup_ec2.py"]
    assert cleanup["interface"]["kind"] == "argparse"
    flags = {f["name"]: f for f in cleanup["interface"]["flags"]}
    assert flags["--days"]["type"] == "integer" and flags["--days"]["default"] == 30
    assert flags["--env"]["choices"] == ["staging", "prod"] and flags["--env"]["required"]
    assert cleanup["has_dry_run"] and cleanup["dry_run_flag"] == "--dry-run"
    assert [(v["name"], v["credential"]) for v in cleanup["env"]] == [("SLACK_TOKEN", True)]
    destroying = [e for e in cleanup["effects"] if e["destructive"]]
    assert [(e["kind"], e["line"]) for e in destroying] == [("cloud", 23)]
    assert cleanup["exit_codes"] == [3]
    assert sorted((c["kind"], c["path"], c["line"]) for c in cleanup["callers"]) == [
        ("github-actions", ".github/workflows/nightly.yml", 10), ("makefile", "Makefile", 2)]
    assert [a["name"] for a in cleanup["owners"]["authors"]] in (["Ada", "Grace"],
                                                                 ["Grace", "Ada"])
    assert cleanup["owners"]["commits_90d"] == 2
    assert cleanup["tier"] == "platform"
    assert len(cleanup["reasons"]) >= 3

    rotate = scripts["scripts/rotate-dumps.sh"]
    assert rotate["interface"]["kind"] == "getopts"
    assert {f["name"] for f in rotate["interface"]["flags"]} == {"-k", "-n"}
    assert [v["name"] for v in rotate["env"]] == ["BACKUP_DIR"]
    assert any(e["destructive"] and e["line"] == 11 for e in rotate["effects"])
    assert [(c["kind"], c["path"], c["line"]) for c in rotate["callers"]] == [
        ("cron", "deploy/crontab", 1)]

    report = scripts["scripts/report.py"]
    assert report["effects"] == [] and report["tier"] == "private"
    # riskiest first
    assert doc["scripts"][0]["path"] == "scripts/cleanup_ec2.py"


def test_a_folder_of_a_repository_gets_the_callers_around_it(repo: Path) -> None:
    """`opsctl inventory scan scripts/` in a repository: the workflow, Makefile and crontab at
    its root still call the scripts (paths relative to the scanned folder)."""
    code, out, err = scan("scripts", "--format", "json", cwd=repo)
    assert code == 0, err
    scripts = {s["path"]: s for s in json.loads(out)["scripts"]}
    assert sorted((c["kind"], c["path"], c["line"]) for c in scripts["cleanup_ec2.py"]["callers"]) == [
        ("github-actions", "../.github/workflows/nightly.yml", 10), ("makefile", "../Makefile", 2)]
    assert [(c["kind"], c["path"]) for c in scripts["rotate-dumps.sh"]["callers"]] == [
        ("cron", "../deploy/crontab")]
    assert scripts["cleanup_ec2.py"]["tier"] == "platform"
    # --no-git reads the folder alone
    code, out, err = scan("scripts", "--format", "json", "--no-git", cwd=repo)
    assert code == 0, err
    assert all(s["callers"] == [] for s in json.loads(out)["scripts"])


def test_markdown_and_table_reports(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "inventory.md"
    code, stdout, err = scan(str(repo), "--format", "markdown", "--out", str(out), cwd=tmp_path)
    assert code == 0, err
    assert stdout == ""
    assert f"wrote {out}" in err
    text = out.read_text()
    assert text.startswith(f"# Script inventory of `{repo}`")
    assert "## scripts/cleanup_ec2.py" in text
    assert "**Tier: platform.**" in text
    assert "| `--env` | choice ['staging', 'prod'] |" in text

    code, stdout, err = scan(str(repo), cwd=tmp_path)
    assert code == 0, err
    first_row = next(line for line in stdout.splitlines() if "scripts/" in line)
    assert "platform" in first_row and "cleanup_ec2.py" in first_row
    assert "3 scripts (1 platform" in stdout
    assert "\x1b[" not in stdout
    # piped: plain columns a script can cut, as every other table of opsctl in a pipe
    assert not set("│┃─━┏┡└") & set(stdout)
    header = next(line for line in stdout.splitlines() if line.startswith("TIER"))
    assert header.split() == ["TIER", "SCRIPT", "LANG", "INTERFACE", "EFFECTS", "DRY", "RUN",
                              "CALLERS", "OWNER"]
    assert first_row.split()[:2] == ["platform", "scripts/cleanup_ec2.py"]
    code, _, err = scan(str(repo), "--out", str(tmp_path / "inventory.txt"), cwd=tmp_path)
    assert code == 0, err
    assert (tmp_path / "inventory.txt").read_text() == stdout
    # piped with FORCE_COLOR, as every other table of opsctl: coloured, still plain columns
    forced = run_opsctl("inventory", "scan", str(repo), cwd=tmp_path,
                        env={**clean_env(tmp_path / ".home"), "FORCE_COLOR": "1"})
    assert forced.code == 0 and "\x1b[" in forced.stdout
    assert not set("│┃─━┏┡└") & set(forced.stdout)
    assert "scripts/cleanup_ec2.py" in forced.stdout


@pytest.mark.parametrize(("columns", "borders"), [("200", True), ("60", False)])
def test_the_table_on_a_terminal_has_borders_only_when_it_fits(
        repo: Path, tmp_path: Path, columns: str, borders: bool) -> None:
    """A terminal narrower than the table gets plain columns with every path whole (was:
    rich's table folded each path over several lines)."""
    code, screen = run_in_terminal(["inventory", "scan", str(repo), "--no-git"], tmp_path,
                                   extra_env={"COLUMNS": columns})
    assert code == 0, screen
    assert bool(set("│┃━┏") & set(screen)) is borders, screen
    assert "scripts/cleanup_ec2.py" in screen


@pytest.mark.parametrize("format_", ["json", "markdown", "text"])
def test_out_dash_is_standard_output(repo: Path, tmp_path: Path, format_: str) -> None:
    """As `plan --out -` (was: a file named '-' in the current folder, nothing printed)."""
    code, out, err = scan(str(repo), "--format", format_, "--out", "-", cwd=tmp_path)
    assert code == 0, err
    assert "cleanup_ec2.py" in out
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("scanned", ["folder", "file"])
def test_out_never_replaces_a_scanned_script(repo: Path, tmp_path: Path, scanned: str) -> None:
    """Exit 2, the script as it was (was: replaced by the report)."""
    script = repo / "scripts" / "cleanup_ec2.py"
    before = script.read_bytes()
    target = str(repo / "scripts") if scanned == "folder" else str(script)
    code, _, err = scan(target, "--out", str(script), cwd=tmp_path)
    assert code == 2 and "is one of the files scanned" in err, err
    assert script.read_bytes() == before


def test_bad_scripts_are_reported_one_by_one_and_the_scan_goes_on(tmp_path: Path) -> None:
    root = tmp_path / "mess"
    root.mkdir()
    (root / "good.sh").write_text("#!/bin/sh\nrm -rf /tmp/cache\n")
    (root / "old.py").write_text("print 'hello'\n")
    (root / "broken.py").write_text("def f(:\n")
    (root / "blob.py").write_bytes(b"\x00\x01\x02 not text")
    (root / "loop.sh").symlink_to("loop.sh")
    with open(root / "huge.py", "wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)

    (root / "older.py").write_text("print 'hello'\nx = (\n")  # Python 2, and broken
    code, out, err = scan(str(root), "--format", "json", "--no-git", cwd=tmp_path)
    assert code == 0, err
    doc = json.loads(out)
    # a Python 2 script is read with its statements rewritten, and says so
    assert [s["path"] for s in doc["scripts"]] == ["good.sh", "old.py"]
    old = doc["scripts"][1]
    assert old["warnings"][0].startswith("Python 2 source (print statement at line 1): read with")
    assert f"opsctl: warning: old.py: {old['warnings'][0]}" in err
    reasons = {e["path"]: e["reason"] for e in doc["errors"]}
    assert "old.py" not in reasons
    assert reasons["older.py"].startswith("Python 2 syntax (print statement at line 1)")
    assert reasons["broken.py"].startswith("Python syntax error at line 1")
    assert reasons["blob.py"] == "binary file, not a script"
    assert reasons["loop.sh"] == "symlink loop"
    assert reasons["huge.py"].startswith("too large to be a script: 50.0 MB")
    for path in reasons:
        assert f"opsctl: warning: not scanned: {path}: " in err

    code, out, err = scan(str(root), "--format", "json", "--no-git", "--strict", cwd=tmp_path)
    assert code == 3
    assert json.loads(out)["errors"]  # the inventory is still printed, once
    assert "opsctl: error: 5 of 7 scripts could not be scanned (--strict)" in err
    assert "opsctl: error: 1 of 7 scripts are Python 2, read with their statements rewritten (--strict)" in err
    (root / "older.py").unlink()

    # a library only imported is not a script: the count is the summary's (3 + 4, not 8)
    (root / "helpers.py").write_text("def shared():\n    return 1\n")
    (root / "user.py").write_text("#!/usr/bin/env python3\nimport helpers\nhelpers.shared()\n")
    code, out, err = scan(str(root), "--no-git", "--strict", cwd=tmp_path)
    assert code == 3
    assert "1 libraries" in out
    assert "opsctl: error: 4 of 7 scripts could not be scanned (--strict)" in err


@pytest.mark.parametrize(("args", "message"), [
    pytest.param(["does-not-exist"], "no such file or folder: does-not-exist", id="missing-path"),
    pytest.param([".", "--format", "yaml"], "Invalid value for '-o' / '--format'", id="bad-format"),
    pytest.param([".", "--out", "no/such/dir/x.json"], "--out: no such folder: no/such/dir",
                 id="out-folder-missing"),
    pytest.param(["loop-a"], "loop-a is a symlink loop: nothing to scan", id="symlink-loop"),
    pytest.param(["dangling"], "dangling is a symlink to nothing", id="dangling-symlink"),
    pytest.param(["/dev/zero"], "/dev/zero is not a folder or a script file", id="device"),
    pytest.param([""], "is empty (an unset variable?)", id="empty-path-not-this-folder"),
])
def test_bad_arguments_exit_2_and_write_nothing(tmp_path: Path, args: list[str],
                                                message: str) -> None:
    (tmp_path / "loop-a").symlink_to("loop-b")
    (tmp_path / "loop-b").symlink_to("loop-a")
    (tmp_path / "dangling").symlink_to("not-there")
    before = sorted(p.name for p in tmp_path.iterdir())
    code, out, err = scan(*args, cwd=tmp_path)
    assert code == 2
    assert message in err
    assert out == ""
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".home") == \
        [b for b in before if b != ".home"]


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_during_a_scan_still_prints_one_result_document(tmp_path: Path,
                                                                  sig: int) -> None:
    """Ctrl-C (or SIGTERM) while the scan waits on git: exit 130, and under --format json the
    one result document every exit path prints (was: nothing on stdout)."""
    from tests.conftest import OPSCTL, validate_result

    ops = tmp_path / "ops"
    ops.mkdir()
    (ops / "cleanup.py").write_text(CLEANUP)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    marker = tmp_path / "git-started"
    fake_git = bin_dir / "git"  # a git that hangs: the scan is then surely under way
    fake_git.write_text(f"#!/bin/sh\ntouch '{marker}'\nexec sleep 300\n")
    fake_git.chmod(0o755)
    env = clean_env(tmp_path, {"PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"})
    proc = subprocess.Popen([OPSCTL, "inventory", "scan", str(ops), "--format", "json"],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the scan never ran git"
            time.sleep(0.05)
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130, err
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1, out
    doc = json.loads(lines[0])
    validate_result(doc)
    assert (doc["status"], doc["exit_code"], doc["run_id"]) == ("cancelled", 130, None)
    assert "Traceback" not in err
