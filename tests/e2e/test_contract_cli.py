"""End-to-end: ``opsctl contract lock`` and ``opsctl contract check`` on a temporary project.

Each call is a fresh process (the automation module is edited between calls). Until the verb is
registered among the built-ins, the process runs ``opsctl.cli.main.main`` with it added, which
is exactly what the console script runs afterwards.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from opsctl.cli.main import BUILTINS
from tests.conftest import CLIResult, Project

RELEASE_TAG = '''
from pydantic import BaseModel, Field
from opsctl import Action, Automation

class Request(BaseModel):
    repository: str = Field(description="Repository to tag")
    tag: str = Field(description="Tag name", pattern=r"^v[0-9]")
    retries: int = Field(default=3, ge=0, description="Push attempts")

release = Automation("release-tag", version="{version}", owner="platform", summary="Tag a release",
                     request=Request, lock_scope=("repository",))

@release.plan
def plan(ctx, req):
    yield Action(id="tag", kind="create", target=req.tag, reason="missing")

@release.apply
def apply(ctx, req, action):
    return None
'''

WITHOUT_RETRIES = '    retries: int = Field(default=3, ge=0, description="Push attempts")\n'

RUN_MAIN = """\
import sys
from opsctl.cli import main as cli_main
cli_main.BUILTINS.setdefault(
    "contract", ("contract_cmds:contract_group", "Lock and check automation contracts."))
sys.argv = ["opsctl", *sys.argv[1:]]
cli_main.main()
"""


def opsctl_contract(project: Project, *args: str) -> CLIResult:
    if "contract" in BUILTINS:
        return project.run("contract", *args)
    proc = subprocess.run([sys.executable, "-c", RUN_MAIN, "contract", *args], cwd=project.root,
                          env=project.env(), capture_output=True, text=True, timeout=120)
    result = CLIResult(proc.returncode, proc.stdout, proc.stderr)
    if "--format" in args and args[args.index("--format") + 1] == "json":
        lines = [line for line in proc.stdout.splitlines() if line.strip()]
        assert len(lines) == 1, f"expected one JSON document:\n{proc.stdout}\n{proc.stderr}"
        result.doc = json.loads(lines[0])
    assert "Traceback" not in proc.stderr, proc.stderr
    return result


def write_automation(project: Project, version: str = "1.2.0", *, retries: bool = True) -> None:
    source = RELEASE_TAG.replace("{version}", version)
    if not retries:
        source = source.replace(WITHOUT_RETRIES, "")
    project.add_module("release_tag_auto", source)


@pytest.fixture
def locked(project: Project) -> Project:
    write_automation(project)
    result = opsctl_contract(project, "lock")
    assert result.code == 0, result.stderr
    return project


def lock_path(project: Project) -> Any:
    return project.root / "opsctl.contracts.json"


def test_lock_writes_a_stable_reviewed_file(locked: Project) -> None:
    first = lock_path(locked).read_bytes()
    assert json.loads(first)["automations"]["release-tag"]["version"] == "1.2.0"
    again = opsctl_contract(locked, "lock", "--format", "json")
    assert again.code == 0, again.stderr
    assert again.doc["automations"] == [{"name": "release-tag", "version": "1.2.0",
                                         "acknowledged": 0}]
    assert lock_path(locked).read_bytes() == first


def test_check_passes_when_nothing_changed(locked: Project) -> None:
    result = opsctl_contract(locked, "check")
    assert result.code == 0, result.stderr
    assert "contract check passed: 1 automation(s), 0 changed" in result.stdout


def test_removed_field_fails_then_major_bump_passes(locked: Project) -> None:
    write_automation(locked, retries=False)

    text = opsctl_contract(locked, "check")
    assert text.code == 3, text.stderr
    assert ("BREAKING release-tag request.field_removed request/properties/retries: "
            "field 'retries' removed") in text.stdout
    assert "contract check failed" in text.stdout

    report = opsctl_contract(locked, "check", "--format", "json")
    assert report.code == 3
    assert report.doc["ok"] is False
    failed = [c for c in report.doc["changes"] if c["verdict"] == "fail"]
    assert [(c["automation"], c["rule"], c["path"], c["severity"]) for c in failed] == [
        ("release-tag", "request.field_removed", "request/properties/retries", "breaking")]

    write_automation(locked, "2.0.0", retries=False)
    bumped = opsctl_contract(locked, "check")
    assert bumped.code == 0, bumped.stdout
    assert "(allowed: major version bumped 1.2.0 -> 2.0.0)" in bumped.stdout


def test_a_changed_default_factory_default_is_a_breaking_change(project: Project) -> None:
    """``Field(default_factory=lambda: [...])`` is a default as any other: callers that omit
    the field get it, so changing it breaks them (pydantic's schema leaves it out)."""
    with_factory = RELEASE_TAG.replace(
        WITHOUT_RETRIES, WITHOUT_RETRIES + '    remotes: list[str] = Field(default_factory=lambda: '
                                           '["origin", "mirror"], description="Push to")\n')
    project.add_module("release_tag_auto", with_factory.replace("{version}", "1.2.0"))
    assert opsctl_contract(project, "lock").code == 0
    locked = json.loads(lock_path(project).read_text())["automations"]["release-tag"]
    assert locked["request_schema"]["properties"]["remotes"]["default"] == [
        "origin", "mirror"]
    project.add_module("release_tag_auto", with_factory.replace("{version}", "1.2.0").replace(
        '["origin", "mirror"]', '["origin"]'))
    report = opsctl_contract(project, "check", "--format", "json")
    assert report.code == 3, report.doc
    assert [(c["rule"], c["severity"]) for c in report.doc["changes"] if c["verdict"] == "fail"] == [
        ("request.default_changed", "breaking")]


def test_a_secret_fields_default_is_masked_in_the_schema_describe_and_the_lock(
        project: Project) -> None:
    """A Secret field's default is a secret like its other values: `schema`, `describe` and the
    committed contract lock show `***`, never the value."""
    with_secret = RELEASE_TAG.replace("from opsctl import Action, Automation",
                                      "from opsctl import Action, Automation, Secret").replace(
        WITHOUT_RETRIES, WITHOUT_RETRIES + '    token: Secret = Field(default="DEFAULTSECRET42", '
                                           'description="tok")\n    other: Secret | None = '
                                           '"OTHERSECRET99"\n')
    project.add_module("release_tag_auto", with_secret.replace("{version}", "1.2.0"))
    assert opsctl_contract(project, "lock").code == 0
    for shown in (lock_path(project).read_text(), project.run("schema", "release-tag").stdout,
                  project.run("describe", "release-tag").stdout,
                  project.run("describe", "release-tag", "--format", "json").stdout):
        assert "SECRET42" not in shown and "SECRET99" not in shown
    locked = json.loads(lock_path(project).read_text())["automations"]["release-tag"]
    assert locked["request_schema"]["properties"]["token"]["default"] == "***"
    assert locked["request_schema"]["properties"]["other"]["default"] == "***"
    assert opsctl_contract(project, "check").code == 0


def test_acknowledged_break_passes_and_survives_a_relock(locked: Project) -> None:
    write_automation(locked, "1.3.0", retries=False)
    assert opsctl_contract(locked, "check").code == 3

    doc = json.loads(lock_path(locked).read_text())
    doc["automations"]["release-tag"]["acknowledged"] = [{
        "rule": "request.field_removed", "path": "request/properties/retries",
        "reason": "no pipeline passes --retries", "version": "1.3.0"}]
    lock_path(locked).write_text(json.dumps(doc))
    result = opsctl_contract(locked, "check", "--format", "json")
    assert result.code == 0, result.stdout
    assert [(c["rule"], c["verdict"], c["note"]) for c in result.doc["changes"]] == [
        ("version.bumped", "pass", ""),
        ("request.field_removed", "acknowledged", "acknowledged: no pipeline passes --retries")]

    relock = opsctl_contract(locked, "lock")
    assert relock.code == 0, relock.stderr
    assert "release-tag 1.3.0 (1 acknowledged change(s))" in relock.stdout
    kept = json.loads(lock_path(locked).read_text())["automations"]["release-tag"]
    assert kept["acknowledged"][0]["reason"] == "no pipeline passes --retries"
    assert opsctl_contract(locked, "check").code == 0


def test_compatible_change_passes_with_info_lines(locked: Project) -> None:
    source = RELEASE_TAG.replace("{version}", "1.2.0").replace(
        WITHOUT_RETRIES, WITHOUT_RETRIES + '    dry: bool = Field(default=False, description="x")\n')
    locked.add_module("release_tag_auto", source)
    result = opsctl_contract(locked, "check")
    assert result.code == 0, result.stdout
    assert "info release-tag request.field_added request/properties/dry" in result.stdout
    assert "warning release-tag version.unchanged version" in result.stdout


def test_missing_or_malformed_lock_is_exit_2(project: Project) -> None:
    write_automation(project)
    missing = opsctl_contract(project, "check")
    assert missing.code == 2
    assert "run `opsctl contract lock`" in missing.stderr

    lock_path(project).write_text("{")
    malformed = opsctl_contract(project, "check")
    assert malformed.code == 2
    assert str(lock_path(project)) in malformed.stderr and "not valid JSON" in malformed.stderr


@pytest.mark.parametrize(("where", "value", "says"), [
    pytest.param(("request_schema", "required"), 5,
                 "automations.release-tag.request_schema.required: must be an array",
                 id="required-a-number"),
    pytest.param(("lock_scope",), [1], "automations.release-tag.lock_scope[0]: must be a string",
                 id="lock-scope-a-number"),
])
def test_a_malformed_value_in_the_lock_is_exit_2_naming_its_place(
        locked: Project, where: tuple[str, ...], value: object, says: str) -> None:
    doc = json.loads(lock_path(locked).read_text())
    node = doc["automations"]["release-tag"]
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    lock_path(locked).write_text(json.dumps(doc))

    result = opsctl_contract(locked, "check")

    assert result.code == 2, result.stdout + result.stderr
    assert says in result.stderr and str(lock_path(locked)) in result.stderr
    assert "internal error" not in result.stderr


@pytest.mark.parametrize("damage", ["duplicate-key", "directory", "not-utf8", "nan"])
def test_a_damaged_lock_file_is_exit_2_naming_it_and_is_not_rewritten(
        locked: Project, damage: str) -> None:
    """A key twice (a merge conflict resolved by hand: JSON keeps the last copy, a reviewer
    reads the first), a folder, bytes that are not UTF-8, NaN: exit 2 naming the lock and
    what is wrong, for `check` and `lock` alike, and `lock` leaves the file as it was."""
    path = lock_path(locked)
    text = path.read_text()
    if damage == "duplicate-key":
        text = text.replace('"release-tag": {', '"release-tag": {"version": "0.1.0"}, '
                            '"release-tag": {', 1)
        says = "is not a lock file: duplicate key 'release-tag'"
    elif damage == "not-utf8":
        text = text.replace('"release-tag"', '"release-\udcfftag"', 1)
        says = "is not UTF-8 text (invalid byte at offset"
    elif damage == "nan":
        text = text.replace('"version": "1.2.0"', '"version": NaN', 1)
        says = "is not a lock file: NaN is not a JSON number"
    else:
        says = "is a directory, not a file"
    if damage == "directory":
        path.unlink()
        path.mkdir()
    elif damage == "not-utf8":
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
    else:
        path.write_text(text)
    before = None if damage == "directory" else path.read_bytes()

    for command in ("check", "lock"):
        result = opsctl_contract(locked, command)
        assert result.code == 2, result.stdout + result.stderr
        assert f"contract lock {path} {says}" in result.stderr, result.stderr
        assert "Errno" not in result.stderr and "codec" not in result.stderr
    if before is not None:
        assert path.read_bytes() == before


def test_a_lock_file_with_a_byte_order_mark_reads_as_without(locked: Project) -> None:
    """An editor that saves with a byte order mark: read as without, as opsctl.toml and
    request documents are (was: exit 2, 'Unexpected UTF-8 BOM')."""
    path = lock_path(locked)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = opsctl_contract(locked, "check")
    assert result.code == 0, result.stderr
    assert "contract check passed" in result.stdout


def test_lock_and_check_another_file(project: Project) -> None:
    write_automation(project)
    assert opsctl_contract(project, "lock", "--file", "contracts/locked.json").code == 2  # no dir
    (project.root / "contracts").mkdir()
    assert opsctl_contract(project, "lock", "--file", "contracts/locked.json").code == 0
    assert not lock_path(project).exists()
    assert opsctl_contract(project, "check", "--file", "contracts/locked.json").code == 0
