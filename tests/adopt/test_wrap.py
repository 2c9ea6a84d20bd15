"""Generating an automation module from a scanned script (opsctl.adopt.wrap), from hand-built
``Script`` values."""

from __future__ import annotations

import json
import subprocess
import sys
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
from opsctl.adopt.scan import scan_file
from opsctl.adopt.wrap import (
    ScriptNotUnderstoodError,
    derive_name,
    design,
    interpreter_for,
    load_inventory,
    sample_request,
    script_from_document,
    select_effect,
    wrap_all,
    wrap_script,
)
from opsctl.errors import UsageError
from tests.conftest import clean_env


def script_with(*flags: Flag, kind: Any = "argparse", **extra: Any) -> Script:
    return Script(path="tool.py", language="python",
                  interface=Interface(kind=kind, flags=list(flags)), **extra)


def one_field(flag: Flag, **extra: Any) -> Any:
    fields = design(script_with(flag, **extra), "tool").fields
    assert len(fields) == 1
    return fields[0]


@pytest.mark.parametrize(("flag", "annotation", "default", "required"), [
    (Flag("--name"), "str | None", None, False),
    (Flag("--name", required=True), "str", None, True),
    (Flag("--count", type="integer", default=3), "int", 3, False),
    (Flag("--count", type="integer", default="3"), "int", 3, False),
    (Flag("--ratio", type="number", default=0.5), "float", 0.5, False),
    (Flag("--force", type="boolean"), "bool", False, False),
    (Flag("--keep", type="boolean", default=True), "bool", True, False),
    (Flag("--out-dir", type="path", default="."), "Path", ".", False),
    (Flag("--env", type="choice", choices=["staging", "prod"], required=True),
     "Literal['staging', 'prod']", None, True),
    (Flag("--level", type="integer", choices=[1, 2], default=1), "Literal['1', '2']", "1", False),
    (Flag("--tag", type="list"), "list[str]", [], False),
    (Flag("target", positional=True, required=True), "str", None, True),
    (Flag("--count", type="integer", default="many"), "int | None", None, False),
], ids=["optional-string", "required-string", "integer-default", "integer-default-from-text",
        "number", "switch", "store-false-switch", "path", "choices", "integer-choices-as-text",
        "list", "positional", "default-that-does-not-fit-is-dropped"])
def test_a_flag_becomes_a_typed_field(flag: Flag, annotation: str, default: Any,
                                      required: bool) -> None:
    field = one_field(flag)

    assert (field.annotation, field.default, field.required) == (annotation, default, required)


@pytest.mark.parametrize(("flag", "name"), [
    (Flag("--max-age"), "max_age"),
    (Flag("-n", aliases=["--count"]), "count"),
    (Flag("-n", dest="number"), "number"),
    (Flag("-x"), "x"),
    (Flag("--Max.Age"), "max_age"),
    (Flag("--2fa"), "arg_2fa"),
    (Flag("--class"), "script_class"),
    (Flag("--out"), "script_out"),
    (Flag("--verbose", type="boolean"), "script_verbose"),
    (Flag("--target"), "script_target"),
    (Flag("--json"), "script_json"),
    (Flag("--model-name"), "model_name"),
], ids=["dashes", "long-alias-preferred", "dest-for-a-short-flag", "short-only", "odd-characters",
        "leading-digit", "keyword", "built-in-option", "built-in-switch", "built-in-target",
        "pydantic-attribute", "pydantic-namespace-is-fine"])
def test_flag_names_become_identifiers_that_clash_with_nothing(flag: Flag, name: str) -> None:
    assert one_field(flag).name == name


def test_the_script_spelling_stays_in_the_argv_and_the_help() -> None:
    field = one_field(Flag("--out", help="Where to write"))

    assert field.arg.flag == "--out"
    assert field.description == "Where to write (the script's --out)"


def test_a_switch_and_its_negation_get_distinct_flags() -> None:
    fields = design(script_with(Flag("--cache", type="boolean"),
                                Flag("--no-cache", type="boolean")), "tool").fields

    assert [f.name for f in fields] == ["cache", "script_no_cache"]


def test_the_dry_run_and_help_flags_are_not_request_fields() -> None:
    script = script_with(Flag("-h", aliases=["--help"], type="boolean"),
                         Flag("--dry-run", aliases=["-n"], type="boolean"), Flag("--name"),
                         has_dry_run=True, dry_run_flag="--dry-run")

    assert [f.name for f in design(script, "tool").fields] == ["name"]


def test_subcommands_become_a_required_command_field_and_options_per_command() -> None:
    script = script_with(Flag("--older", type="integer", subcommand="prune", required=True),
                         Flag("--verbose-log", type="boolean"))
    script.interface.subcommands = ["sync", "prune"]

    fields = design(script, "tool").fields

    assert [(f.name, f.annotation, f.required) for f in fields] == [
        ("command", "Literal['sync', 'prune']", True), ("older", "int | None", False),
        ("verbose_log", "bool", False)]
    assert fields[1].arg.subcommand == "prune" and fields[1].arg.required


def test_an_option_several_subcommands_share_is_one_field() -> None:
    script = script_with(
        Flag("--env", type="choice", choices=["staging", "prod"], subcommand="up", required=True),
        Flag("--replicas", type="integer", default=2, subcommand="up"),
        Flag("--env", type="choice", choices=["staging", "prod"], subcommand="down", required=True),
        Flag("--force", type="boolean", subcommand="down"))
    script.interface.subcommands = ["up", "down"]

    d = design(script, "deploy")

    assert [f.name for f in d.fields] == ["command", "env", "replicas", "force"]
    env = d.fields[1]
    assert env.arg.subcommand == ("up", "down") and env.arg.required
    assert sample_request(d) == {"command": "up", "env": "staging"}


def test_credentials_in_the_environment_become_opsctl_secrets() -> None:
    script = script_with(env=[EnvVar("API_TOKEN", 3, credential=True, required=True),
                              EnvVar("DB_PASSWORD", 4, credential=True),
                              EnvVar("HOME", 5)])

    made = design(script, "tool")

    assert made.secrets == {"api_token": "API_TOKEN", "db_password": "DB_PASSWORD"}
    assert made.required_secrets == ["api_token"]


@pytest.mark.parametrize(("effects", "warnings", "effect"), [
    ([], [], "read"),
    ([Effect("http", False, "requests.post", 3)], [], "mutate"),
    ([], ["unresolved command: $CMD"], "mutate"),
], ids=["nothing-found-is-read", "any-effect-mutates", "unresolved-commands-mutate"])
def test_the_effect_comes_from_the_scan(effects: list[Effect], warnings: list[str],
                                        effect: str) -> None:
    assert select_effect(script_with(effects=effects, warnings=warnings)) == effect


@pytest.mark.parametrize(("language", "shebang", "interpreter"), [
    ("python", None, None),
    ("python", "/usr/bin/env python3", None),
    ("python", "/usr/bin/python3", None),
    ("python", "/usr/bin/env python2", ("python2",)),
    ("python", "/opt/venv/bin/python", ("/opt/venv/bin/python",)),
    ("shell", "/bin/bash", ("bash",)),
    ("shell", "/usr/bin/env sh", ("sh",)),
    ("shell", None, None),
], ids=["python-no-shebang", "env-python3", "system-python3", "python2", "a-venv",
        "bash", "env-sh", "shell-no-shebang"])
def test_the_interpreter_comes_from_the_shebang(language: Any, shebang: str | None,
                                                interpreter: tuple[str, ...] | None) -> None:
    script = Script(path="x", language=language, interpreter=shebang)

    assert interpreter_for(script) == interpreter


@pytest.mark.parametrize(("path", "name"), [
    ("scripts/cleanup.sh", "cleanup"), ("Cleanup_Old.v2.py", "cleanup-old-v2"),
    ("2fa-reset.sh", "script-2fa-reset"), ("bin/backup", "backup"),
], ids=["plain", "mixed-case-and-dots", "leading-digit", "no-suffix"])
def test_names_come_from_file_names(path: str, name: str) -> None:
    assert derive_name(path) == name


def test_a_script_not_understood_is_refused_with_what_could_not_be_determined() -> None:
    script = script_with(kind="argv", warnings=["flags built dynamically at line 4"])

    with pytest.raises(ScriptNotUnderstoodError) as refused:
        design(script, "tool")

    assert refused.value.exit_code == 3
    assert refused.value.problems[0] == "flags built dynamically at line 4"
    assert "reads its arguments wholesale" in refused.value.problems[1]


def test_an_exit_code_the_scan_could_not_read_does_not_keep_a_known_interface_from_wrap(
        tmp_path: Path) -> None:
    script = tmp_path / "rotate.py"
    script.write_text("import argparse, sys\n\n\ndef main():\n    p = argparse.ArgumentParser()\n"
                      "    p.add_argument('--days', type=int, default=7)\n"
                      "    p.set_defaults(func=print)\n    a = p.parse_args()\n"
                      "    return a.func(a)\n\n\nsys.exit(main())\n")
    scanned = scan_file(script, root=tmp_path, git=False)
    assert scanned.warnings[0].startswith("exit code not determined statically")

    fields = design(scanned, "rotate").fields

    assert [(f.name, f.annotation) for f in fields] == [("days", "int")]


def test_forced_it_gets_an_args_passthrough_field() -> None:
    script = script_with(Flag("--name"), warnings=["unresolved command: $CMD"])

    fields = design(script, "tool", force=True).fields

    assert [(f.name, f.annotation) for f in fields] == [("name", "str | None"),
                                                        ("args", "list[str]")]


def test_arguments_handed_on_wholesale_are_refused_then_carried_by_the_passthrough_field() -> None:
    """``exec docker run --rm alpine "$@"``: the only flag is the list the script hands on, read
    by docker; refused as before, and forced, that list is the `args` field, not a second one."""
    handed_on = Flag("arg1", type="list", positional=True, nargs="*", passed_on="docker")
    script = script_with(handed_on, kind="argv")

    with pytest.raises(ScriptNotUnderstoodError) as refused:
        design(script, "tool")
    assert "reads its arguments wholesale" in refused.value.problems[0]
    assert [(f.name, f.annotation) for f in design(script, "tool", force=True).fields] == [
        ("args", "list[str]")]
    # a dispatcher reads its first argument and hands the rest on: both are fields, no problem
    own = Flag("arg1", positional=True)
    rest = Flag("arg2", type="list", positional=True, nargs="*", passed_on="*")
    fields = design(script_with(own, rest, kind="argv"), "tool").fields
    assert [(f.name, f.annotation) for f in fields] == [("arg1", "str | None"), ("arg2", "list[str]")]


# -- writing a project ---------------------------------------------------------------------------
CLEANUP = """#!/bin/bash
# Remove old build folders
while getopts "d:n" opt; do case $opt in d) DAYS=$OPTARG ;; n) DRY=1 ;; esac; done
echo "days=$DAYS"
"""


def cleanup_scan(path: str = "scripts/cleanup_unit.sh") -> Script:
    return Script(path=path, language="shell", interpreter="/bin/bash",
                  summary="Remove old build folders",
                  interface=Interface(kind="getopts", flags=[
                      Flag("-d", type="integer", default=7, help="Age in days"),
                      Flag("-n", type="boolean")]),
                  env=[EnvVar("API_TOKEN", 3, credential=True)],
                  effects=[Effect("file-delete", True, "rm -rf $BUILD", 4)],
                  has_dry_run=True, dry_run_flag="-n", tier="shared")


def test_wrap_writes_a_module_that_runs_the_script_relative_to_itself(tmp_path: Path) -> None:
    script = tmp_path / "scripts" / "cleanup_unit.sh"
    script.parent.mkdir()
    script.write_text(CLEANUP)

    wrapped = wrap_script(tmp_path, script, script=cleanup_scan(), owner="ops")

    assert wrapped.name == "cleanup-unit" and wrapped.effect == "mutate"
    module = (tmp_path / "automations" / "cleanup_unit.py").read_text()
    assert "script='../scripts/cleanup_unit.sh'" in module
    assert "DESTRUCTIVE" in module and "rm -rf $BUILD" in module
    assert "dry_run_flag='-n'" in module and "secrets={'api_token': 'API_TOKEN'}" in module
    assert (tmp_path / "tests" / "test_cleanup_unit.py").exists()
    assert "cleanup-unit" in json.loads((tmp_path / "opsctl.contracts.json").read_text())[
        "automations"]


@pytest.mark.parametrize("summary", ['Clean "things" up', 'ends with a quote"',
                                     'a \\ backslash, """triple""" and {braces}'])
def test_the_contract_summary_is_the_scripts_own_words(tmp_path: Path, summary: str) -> None:
    import ast

    script = tmp_path / "scripts" / "cleanup_unit.sh"
    script.parent.mkdir()
    script.write_text(CLEANUP)
    scanned = cleanup_scan()
    scanned.summary = summary

    wrap_script(tmp_path, script, script=scanned, owner="ops")

    tree = ast.parse((tmp_path / "automations" / "cleanup_unit.py").read_text())
    declared = [kw.value for node in ast.walk(tree) if isinstance(node, ast.Call)
                for kw in node.keywords if kw.arg == "summary"]
    assert [ast.literal_eval(value) for value in declared] == [summary]


@pytest.mark.parametrize(("setup", "kwargs", "error"), [
    (lambda p: None, {"name": "plan"}, "built-in opsctl verb; give it another with --name"),
    (lambda p: None, {"name": "copy"}, "hides Python's own `copy` module"),
    (lambda p: None, {"name": "pydantic"}, "hides the installed package `pydantic`"),
    (lambda p: (p / "automations").mkdir() or (p / "automations" / "cleanup_unit.py")
     .write_text("# mine\n"), {}, "would overwrite"),
], ids=["reserved-name", "stdlib-module", "installed-package", "existing-module"])
def test_wrap_refuses_and_writes_nothing(tmp_path: Path, setup: Any, kwargs: dict[str, Any],
                                         error: str) -> None:
    script = tmp_path / "cleanup_unit.sh"
    script.write_text(CLEANUP)
    setup(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))

    with pytest.raises(UsageError, match=error):
        wrap_script(tmp_path, script, script=cleanup_scan("cleanup_unit.sh"), **kwargs)

    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_wrap_all_takes_an_inventory_wraps_at_or_above_the_tier_and_reports_refusals(
        tmp_path: Path) -> None:
    (tmp_path / "ops").mkdir()
    for name in ("sync_unit_a.sh", "sync-unit-a.sh", "private_unit.sh", "dynamic_unit.sh"):
        (tmp_path / "ops" / name).write_text(CLEANUP)
    scripts = [cleanup_scan("sync_unit_a.sh"), cleanup_scan("sync-unit-a.sh"),
               Script(path="private_unit.sh", language="shell", tier="private"),
               Script(path="dynamic_unit.sh", language="shell", tier="platform",
                      warnings=["flags built dynamically"]),
               Script(path="gone_unit.sh", language="shell", tier="shared")]
    inventory = tmp_path / "inventory.json"
    inventory.write_text(json.dumps(inventory_document(Inventory(root="ops", scripts=scripts))))

    reports, _ = wrap_all(tmp_path, inventory)

    assert [(r.script, r.name, r.wrapped) for r in reports] == [
        ("dynamic_unit.sh", "dynamic-unit", False), ("gone_unit.sh", "gone-unit", False),
        ("sync-unit-a.sh", "sync-unit-a", True), ("sync_unit_a.sh", "sync-unit-a-2", True)]
    assert reports[0].reason == "could not determine: flags built dynamically"
    assert "does not exist" in reports[1].reason
    assert not (tmp_path / "automations" / "dynamic_unit.py").exists()


def test_an_inventory_document_reads_back_into_the_same_script() -> None:
    script = cleanup_scan()
    document = json.loads(json.dumps(inventory_document(Inventory(root=".", scripts=[script]))))

    assert script_from_document(document["scripts"][0]) == script


def test_the_generated_tests_pass_at_once(tmp_path: Path) -> None:
    script = tmp_path / "scripts" / "cleanup_kit.sh"
    script.parent.mkdir()
    script.write_text(CLEANUP)
    wrap_script(tmp_path, script, script=cleanup_scan("scripts/cleanup_kit.sh"))

    ran = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "tests/test_cleanup_kit.py"], cwd=tmp_path, capture_output=True,
                         text=True, env=clean_env(tmp_path / "home"), timeout=300)

    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "5 passed" in ran.stdout


def test_a_wrap_that_fails_after_writing_puts_the_project_back(tmp_path: Path) -> None:
    script = tmp_path / "cleanup_unit.sh"
    script.write_text(CLEANUP)
    # another module of the project that does not import: the lock step loads the catalog
    (tmp_path / "broken.py").write_text("import no_such_module_anywhere\n")
    config = 'automations = ["broken"]\npython_path = ["."]\n'
    (tmp_path / "opsctl.toml").write_text(config)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))

    with pytest.raises(UsageError, match="no_such_module_anywhere"):
        wrap_script(tmp_path, script, script=cleanup_scan("cleanup_unit.sh"))

    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    assert (tmp_path / "opsctl.toml").read_text() == config


FIRE_CLEANUP = '''"""Clean old blueprints."""
import fire


class Cleanup:
    def auto_blueprints(self, project, dryrun=True, force=False):
        print(project, dryrun, force)


if __name__ == "__main__":
    fire.Fire(Cleanup)
'''


def test_a_python_fire_script_previewing_by_default_is_made_to_act_on_apply(tmp_path: Path) -> None:
    script = tmp_path / "cleanup_blueprints.py"
    script.write_text(FIRE_CLEANUP)
    scanned = scan_file(script, root=tmp_path, git=False)
    assert scanned.interface.kind == "fire" and scanned.dry_run_flag == "--dryrun"

    wrap_script(tmp_path, script, script=scanned, owner="ops")

    module = (tmp_path / "automations" / "cleanup_blueprints.py").read_text()
    assert "dry_run_flag='--dryrun'" in module
    assert "apply_flag='--nodryrun'" in module and "mode_flags_last=True" in module
    assert "negated='--noforce'" in module
    assert "double_dash=False" in module


def test_a_flask_blueprints_commands_are_refused_saying_wrap_does_not_run_flask() -> None:
    script = script_with(Flag("path", subcommand="import_ctf", positional=True), kind="flask")

    with pytest.raises(ScriptNotUnderstoodError) as refused:
        design(script, "ctfd-cli")

    assert refused.value.exit_code == 3
    assert "belong to the `flask` program" in refused.value.problems[0]


def test_an_invoke_tasks_file_is_refused_saying_wrap_does_not_run_inv() -> None:
    script = script_with(Flag("--name", subcommand="dev-env"), kind="invoke")

    with pytest.raises(ScriptNotUnderstoodError) as refused:
        design(script, "tasks")

    assert refused.value.exit_code == 3
    assert "run by `inv TASK`" in refused.value.problems[0]


PY2_WARNING = ("Python 2 source (print statement at line 2): read with its Python 2 statements "
               "rewritten for Python 3, line numbers kept; it runs only under Python 2 (port it "
               "with 2to3 or pyupgrade)")


@pytest.mark.parametrize(("shebang", "interpreter"), [
    (None, ("python2",)),
    ("/usr/bin/env python", ("python2",)),
    ("/usr/bin/python", ("python2",)),
    ("/usr/bin/python2.7", ("/usr/bin/python2.7",)),
    ("/opt/venv/bin/python", ("/opt/venv/bin/python",)),
], ids=["no-shebang", "env-python", "system-python", "python2.7", "a-venv"])
def test_a_python2_script_runs_under_python2(shebang: str | None, interpreter: tuple[str, ...]) -> None:
    script = Script(path="x.py", language="python", interpreter=shebang, warnings=[PY2_WARNING])

    assert interpreter_for(script) == interpreter


def test_wrapping_a_python2_script_is_refused_unless_forced() -> None:
    from opsctl.adopt.wrap import ScriptNotUnderstoodError, design

    script = Script(path="old.py", language="python", interpreter="/usr/bin/env python",
                    warnings=[PY2_WARNING])
    with pytest.raises(ScriptNotUnderstoodError, match=r"cannot wrap old.py: Python 2 source .*\(use --force"):
        design(script, "old")
    assert design(script, "old", force=True).interpreter == ("python2",)


@pytest.mark.parametrize(("scripts", "message"), [
    ("x", "scripts is a list of scripts, not str"),
    (["x"], "malformed: Input should be a dictionary"),
    ([{"path": "x.sh"}], "malformed: language: Field required"),
    ([{"path": "x.sh", "language": "shell",
       "interface": {"kind": "argv", "flags": [{"name": 5}]}}],
     "malformed: interface.flags.0.name: Input should be a valid string"),
], ids=["scripts-not-a-list", "entry-not-an-object", "missing-field", "flag-name-not-text"])
def test_a_malformed_inventory_document_is_bad_input_saying_where(
        tmp_path: Path, scripts: Any, message: str) -> None:
    source = tmp_path / "inventory.json"
    source.write_text(json.dumps({"schema": "opsctl.inventory/v1", "root": ".",
                                  "scripts": scripts}))

    with pytest.raises(UsageError, match=message) as refused:
        load_inventory(source)

    assert refused.value.exit_code == 2


def test_a_script_wrapped_again_with_force_is_locked_and_listed_as_written_now(
        tmp_path: Path) -> None:
    """The module read before the new one is written (to see what the project registers) is
    not what the lock and the catalog's cache record: the new flag is there, and the generated
    tests, checking the contract against the lock, pass at once."""
    from opsctl.catalog import load_catalog
    from opsctl.config.layers import load_layers

    script = tmp_path / "scripts" / "alerts_kit.py"
    script.parent.mkdir()
    source = ("import argparse\np = argparse.ArgumentParser()\n"
              "p.add_argument('--config', required=True)\nprint(p.parse_args())\n")
    script.write_text(source)
    wrap_script(tmp_path, script, owner="ops")
    script.write_text(source.replace("print(", "p.add_argument('--region')\nprint("))

    wrap_script(tmp_path, script, owner="ops", force=True)

    entry = load_catalog(load_layers(cwd=tmp_path)).entry("alerts-kit")
    assert [f["flag"] for f in entry.flags] == ["--script-config", "--region"]
    locked = json.loads((tmp_path / "opsctl.contracts.json").read_text())["automations"]
    assert "region" in json.dumps(locked["alerts-kit"]["request_schema"])


def test_help_names_the_opsctl_secrets_the_script_reads(tmp_path: Path) -> None:
    """They are no flags: without them in --help and describe, the first a user hears of a
    required one is the run that stops for it."""
    from opsctl.adopt.wrap import load_module_text

    script = tmp_path / "scripts" / "cleanup_help.sh"
    script.parent.mkdir()
    script.write_text(CLEANUP)
    scanned = cleanup_scan("scripts/cleanup_help.sh")
    scanned.env = [EnvVar("API_TOKEN", 3, credential=True, required=True),
                   EnvVar("SLACK_TOKEN", 4, credential=True)]
    wrap_script(tmp_path, script, script=scanned, owner="ops")
    module = tmp_path / "automations" / "cleanup_help.py"

    automation = load_module_text(module.read_text(), module)["cleanup_help"]

    assert automation.summary == "Remove old build folders"
    assert automation.description == (
        "Remove old build folders\n\nCredentials, as opsctl secrets (OPSCTL_SECRET_<NAME> or "
        "[secrets]): api_token (the script's API_TOKEN, required); slack_token (the script's "
        "SLACK_TOKEN).")


def test_a_script_wrapped_again_keeps_its_locked_version_and_bumps_it_for_a_break(
        tmp_path: Path) -> None:
    """A script whose flag was renamed, wrapped again: the lock's version is not taken back to
    0.1.0 (a version going down, which `contract check` refuses), and the break is not
    recorded under the version its callers know: the major is bumped, as `contract check`
    asks, and the wrap says what breaks."""
    from opsctl.catalog import load_catalog
    from opsctl.config.layers import load_layers
    from opsctl.contract.compat import check
    from opsctl.contract.lockfile import catalog_snapshots, read_lock

    script = tmp_path / "scripts" / "rotate_kit.py"
    script.parent.mkdir()
    source = ("import argparse\np = argparse.ArgumentParser()\n"
              "p.add_argument('--max-age', type=int, default=30)\n"
              "p.add_argument('--env', default='staging')\nprint(p.parse_args())\n")
    script.write_text(source)
    wrap_script(tmp_path, script, owner="ops")
    lock_file = tmp_path / "opsctl.contracts.json"
    module = tmp_path / "automations" / "rotate_kit.py"
    module.write_text(module.read_text().replace('version="0.1.0"', 'version="1.2.0"'))
    lock = json.loads(lock_file.read_text())
    lock["automations"]["rotate-kit"]["version"] = "1.2.0"  # locked so, as `contract lock` does
    lock_file.write_text(json.dumps(lock))

    added = source.replace("print(", "p.add_argument('--region')\nprint(")
    script.write_text(added)  # a flag added: compatible, kept at 1.2.0
    again = wrap_script(tmp_path, script, owner="ops", force=True)
    assert 'version="1.2.0"' in module.read_text() and again.breaking == []

    script.write_text(added.replace("--max-age", "--max-days"))  # renamed: callers break
    again = wrap_script(tmp_path, script, owner="ops", force=True)

    assert 'version="2.0.0"' in module.read_text()
    assert json.loads(lock_file.read_text())["automations"]["rotate-kit"]["version"] == "2.0.0"
    assert any("'max_age' removed" in line for line in again.breaking)
    report = check(read_lock(lock_file),
                   catalog_snapshots(load_catalog(load_layers(cwd=tmp_path), use_cache=False)))
    assert report.ok, report.render_text()


def test_wrap_all_again_keeps_each_wrapped_script_under_its_own_name(tmp_path: Path) -> None:
    """A folder wrapped again once a script of the same file name was added (sorting before
    it): the script wrapped before keeps its automation, and the new one gets a name of its
    own. Not the old one wrapped a second time under `-2`, and, forced, not the name that
    cron jobs call taken over by the other script."""
    from opsctl.catalog import load_catalog
    from opsctl.config.layers import load_layers

    (tmp_path / "ops" / "b").mkdir(parents=True)
    (tmp_path / "ops" / "b" / "clean.sh").write_text(CLEANUP)
    first, _ = wrap_all(tmp_path, tmp_path / "ops", min_tier="private")
    assert [(r.script, r.name, r.wrapped) for r in first] == [("b/clean.sh", "clean", True)]
    (tmp_path / "ops" / "a").mkdir()
    (tmp_path / "ops" / "a" / "clean.sh").write_text(CLEANUP.replace("-d", "-x"))

    again, _ = wrap_all(tmp_path, tmp_path / "ops", min_tier="private")
    forced, _ = wrap_all(tmp_path, tmp_path / "ops", min_tier="private", force=True)

    assert [(r.script, r.name, r.wrapped) for r in again] == [
        ("a/clean.sh", "clean-2", True), ("b/clean.sh", "clean", False)]
    assert [(r.script, r.name, r.wrapped) for r in forced] == [
        ("a/clean.sh", "clean-2", True), ("b/clean.sh", "clean", True)]
    catalog = load_catalog(load_layers(cwd=tmp_path), use_cache=False)
    assert sorted(catalog.entries) == ["clean", "clean-2"]
    module = (tmp_path / "automations" / "clean.py").read_text()
    assert "script='../ops/b/clean.sh'" in module


def test_wrap_forced_does_not_give_a_wrapped_scripts_automation_to_another_script(
        tmp_path: Path) -> None:
    """`opsctl clean` runs ops/b/clean.sh; wrapping ops/a/clean.sh, whose name is also
    `clean`, with --force would make the same command run another script: refused, nothing
    written."""
    (tmp_path / "ops" / "a").mkdir(parents=True)
    (tmp_path / "ops" / "b").mkdir()
    (tmp_path / "ops" / "b" / "clean.sh").write_text(CLEANUP)
    (tmp_path / "ops" / "a" / "clean.sh").write_text(CLEANUP)
    wrap_script(tmp_path, tmp_path / "ops" / "b" / "clean.sh")
    module = tmp_path / "automations" / "clean.py"
    before = module.read_text()

    with pytest.raises(UsageError, match=r"automation clean runs the script .*ops/b/clean\.sh"):
        wrap_script(tmp_path, tmp_path / "ops" / "a" / "clean.sh", force=True)

    assert module.read_text() == before
    wrap_script(tmp_path, tmp_path / "ops" / "b" / "clean.sh", force=True)  # its own: replaced


def test_a_script_moved_is_wrapped_again_from_where_it_is_now(tmp_path: Path) -> None:
    (tmp_path / "ops" / "old").mkdir(parents=True)
    (tmp_path / "ops" / "old" / "clean.sh").write_text(CLEANUP)
    wrap_script(tmp_path, tmp_path / "ops" / "old" / "clean.sh")
    (tmp_path / "ops" / "new").mkdir()
    (tmp_path / "ops" / "old" / "clean.sh").rename(tmp_path / "ops" / "new" / "clean.sh")

    wrap_script(tmp_path, tmp_path / "ops" / "new" / "clean.sh", force=True)

    assert "script='../ops/new/clean.sh'" in (tmp_path / "automations" / "clean.py").read_text()


def test_a_script_named_like_a_python_keyword_gets_a_name_its_module_can_have(
        tmp_path: Path) -> None:
    """`class.sh`, `pass.sh`: a module `class.py` defining `class = Automation(...)` does not
    compile. One script: refused (exit 2) with a name to use instead; --all: `-script`."""
    (tmp_path / "ops").mkdir()
    for name in ("class.sh", "pass.sh"):
        (tmp_path / "ops" / name).write_text(CLEANUP)

    with pytest.raises(UsageError, match=r"--name class-script"):
        wrap_script(tmp_path, tmp_path / "ops" / "class.sh")
    reports, _ = wrap_all(tmp_path, tmp_path / "ops", min_tier="private")

    assert [(r.script, r.name, r.wrapped) for r in reports] == [
        ("class.sh", "class-script", True), ("pass.sh", "pass-script", True)]
    from opsctl.catalog import load_catalog
    from opsctl.config.layers import load_layers

    catalog = load_catalog(load_layers(cwd=tmp_path), use_cache=False)
    assert sorted(catalog.entries) == ["class-script", "pass-script"]


def test_a_script_outside_the_project_is_run_from_where_it_is_when_the_project_moves(
        tmp_path: Path) -> None:
    """The path of a script in the project is relative to the module, so the project can
    move; one outside it (`/opt/scripts/x.sh`) stays where it is when the project moves."""
    import shutil

    from opsctl.adopt.wrap import load_module_text

    outside = tmp_path / "opt" / "cleanup_far.sh"
    outside.parent.mkdir()
    outside.write_text(CLEANUP)
    project = tmp_path / "proj"
    project.mkdir()
    (project / "opsctl.toml").write_text("automations = []\n")
    wrap_script(project, outside, script=cleanup_scan("cleanup_far.sh"))
    moved = tmp_path / "deep" / "er" / "proj"
    moved.parent.mkdir(parents=True)
    shutil.move(str(project), str(moved))
    module = moved / "automations" / "cleanup_far.py"

    wrapped = load_module_text(module.read_text(), module)["SCRIPT"]

    assert (Path(wrapped.module_file).parent / wrapped.script).resolve() == outside.resolve()


def test_wrap_all_again_over_an_unchanged_folder_says_so_and_exits_0(tmp_path: Path) -> None:
    """The same `wrap --all` again (a CI job, say) over scripts that did not change: each is
    reported unchanged, not refused, so the command succeeds; a script whose module was edited
    by hand is still refused without --force, its edit kept."""
    from tests.conftest import OPSCTL

    (tmp_path / "ops").mkdir()
    for name in ("clean_one.sh", "clean_two.sh"):
        (tmp_path / "ops" / name).write_text(CLEANUP)
    (tmp_path / "opsctl.toml").write_text("automations = []\n")
    first, _ = wrap_all(tmp_path, tmp_path / "ops", min_tier="private")
    assert all(r.wrapped for r in first)
    edited = tmp_path / "automations" / "clean_two.py"
    edited.write_text(edited.read_text().replace("timeout=600.0", "timeout=60.0"))

    again, _ = wrap_all(tmp_path, tmp_path / "ops", min_tier="private")

    assert [(r.script, r.wrapped, r.unchanged) for r in again] == [
        ("clean_one.sh", False, True), ("clean_two.sh", False, False)]
    assert "would overwrite" in again[1].reason and "timeout=60.0" in edited.read_text()
    edited.write_text(edited.read_text().replace("timeout=60.0", "timeout=600.0"))

    done = subprocess.run([OPSCTL, "wrap", "--all", "ops", "--min-tier", "private"],
                          cwd=tmp_path, env=clean_env(tmp_path / ".home"), capture_output=True,
                          text=True, timeout=120)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "unchanged clean_one.sh  -> clean-one" in done.stdout
    assert "0 of 2 wrapped, 2 unchanged" in done.stdout


def test_a_script_wrapped_again_keeps_the_owner_its_automation_declares(tmp_path: Path) -> None:
    """The owner set in the module (by hand, or by --owner) stays when the script is wrapped
    again without --owner: not replaced by whoever the git history names first now."""
    script = tmp_path / "scripts" / "owned_kit.sh"
    script.parent.mkdir()
    script.write_text(CLEANUP)
    wrap_script(tmp_path, script, owner="someone")
    module = tmp_path / "automations" / "owned_kit.py"
    module.write_text(module.read_text().replace("owner='someone'", "owner='team-storage'"))
    sys.modules.pop("owned_kit", None)  # edited as between two commands: read afresh

    wrap_script(tmp_path, script, force=True)
    kept = module.read_text()
    wrap_script(tmp_path, script, owner="team-other", force=True)

    assert "owner='team-storage'" in kept
    assert "owner='team-other'" in module.read_text()


def test_a_script_wrapped_alone_is_unchanged_for_wrap_all_of_its_folder(tmp_path: Path) -> None:
    """Which command wrote the module (`opsctl wrap ops/x.sh` or `wrap --all ops`) is a note
    in its docstring, not a change: the folder wrapped later reports it unchanged."""
    (tmp_path / "ops").mkdir()
    (tmp_path / "ops" / "clean_alone.sh").write_text(CLEANUP)
    (tmp_path / "opsctl.toml").write_text("automations = []\n")
    wrap_script(tmp_path, tmp_path / "ops" / "clean_alone.sh")

    reports, _ = wrap_all(tmp_path, tmp_path / "ops", min_tier="private")

    assert [(r.script, r.unchanged) for r in reports] == [("clean_alone.sh", True)]
