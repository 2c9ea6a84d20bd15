"""`opsctl new NAME`: the generated automation, tests and lock entry work at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import OPSCTL, clean_env


def opsctl(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([OPSCTL, *args], cwd=cwd, env=clean_env(cwd / "home"),
                          capture_output=True, text=True, timeout=120)


def test_new_automation_in_an_existing_project_passes_its_own_tests(tmp_path: Path) -> None:
    (tmp_path / "opsctl.toml").write_text('# ours\nlog_level = "warning"\n\n'
                                          '[retry]\nattempts = 4\n')
    made = opsctl(tmp_path, "new", "rotate-certs", "--owner", "sre", "--format", "json")
    assert made.returncode == 0, made.stderr
    files = {Path(f["path"]).relative_to(tmp_path).as_posix(): f["purpose"]
             for f in json.loads(made.stdout)["files"]}
    assert set(files) == {"automations/rotate_certs.py", "tests/test_rotate_certs.py",
                          "tests/golden/rotate-certs.json", "opsctl.toml",
                          "opsctl.contracts.json"}
    config = tomllib.loads((tmp_path / "opsctl.toml").read_text())
    assert config["automations"] == ["rotate_certs"]
    assert config["python_path"] == ["automations"]
    assert config["log_level"] == "warning" and config["retry"]["attempts"] == 4
    assert "# ours" in (tmp_path / "opsctl.toml").read_text()

    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                            "tests/test_rotate_certs.py"], cwd=tmp_path,
                           env=clean_env(tmp_path / "home"), capture_output=True, text=True,
                           timeout=300)
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "5 passed" in tests.stdout

    checked = opsctl(tmp_path, "contract", "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    described = opsctl(tmp_path, "describe", "rotate-certs", "--format", "json")
    assert json.loads(described.stdout)["owner"] == "sre"
    dry = opsctl(tmp_path, "rotate-certs", "--directory", str(tmp_path / "out"), "--dry-run")
    assert dry.returncode == 10 and not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", ["prune", "a-rather-long-name-for-an-automation-of-reports"])
def test_the_generated_files_pass_ruff_and_mypy_strict_as_they_are(tmp_path: Path,
                                                                   name: str) -> None:
    """A project of its own, linted with ruff's defaults (opsctl is a third-party package
    there, lines are 88 wide) and mypy --strict: nothing to fix before the first commit (the
    imports were grouped as opsctl's own, and long lines were reformatted)."""
    ruff = Path(sys.executable).with_name("ruff")
    if not ruff.exists():
        pytest.skip("ruff is not installed beside this Python")
    assert opsctl(tmp_path, "new", name).returncode == 0
    files = ["automations", "tests"]
    for args in (["check", "--isolated", *files], ["format", "--isolated", "--check", *files]):
        linted = subprocess.run([str(ruff), *args], cwd=tmp_path, capture_output=True,
                                text=True, timeout=120)
        assert linted.returncode == 0, linted.stdout + linted.stderr
    # this Python's mypy finds the opsctl these tests run, as an installed package
    typed = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir",
                            str(tmp_path / ".mypy_cache"), *files], cwd=tmp_path,
                           env=clean_env(tmp_path / "home"), capture_output=True, text=True,
                           timeout=300)
    assert typed.returncode == 0, typed.stdout + typed.stderr


def test_a_second_automation_keeps_the_first_in_config_and_lock(tmp_path: Path) -> None:
    assert opsctl(tmp_path, "new", "first-one").returncode == 0
    assert opsctl(tmp_path, "new", "second-one").returncode == 0
    config = tomllib.loads((tmp_path / "opsctl.toml").read_text())
    assert config["automations"] == ["first_one", "second_one"]
    assert config["python_path"] == ["automations"]
    lock = json.loads((tmp_path / "opsctl.contracts.json").read_text())
    assert sorted(lock["automations"]) == ["first-one", "second-one"]
    assert opsctl(tmp_path, "contract", "check").returncode == 0


def test_a_second_automation_leaves_the_firsts_pending_acknowledgements_as_they_were(
        tmp_path: Path) -> None:
    """The first automation's default changed, acknowledged in the lock and not re-locked yet
    (plus one acknowledgement written ahead for 0.2.0): locking only the new automation does
    not record the first's change, so its acknowledgements must still approve it."""
    assert opsctl(tmp_path, "new", "first-one").returncode == 0
    module = tmp_path / "automations" / "first_one.py"
    module.write_text(module.read_text().replace('["example.txt"]', '["other.txt"]'))
    path = tmp_path / "opsctl.contracts.json"
    lock = json.loads(path.read_text())
    acks = [{"rule": "request.default_changed", "path": "request/properties/names/default",
             "reason": "other.txt from now on", "version": "0.1.0"},
            {"rule": "request.field_removed", "path": "request/properties/names",
             "reason": "going in 0.2.0", "version": "0.2.0"}]
    lock["automations"]["first-one"]["acknowledged"] = acks
    path.write_text(json.dumps(lock, indent=2))
    before = opsctl(tmp_path, "contract", "check")
    assert before.returncode == 0, before.stdout + before.stderr

    assert opsctl(tmp_path, "new", "second-one").returncode == 0
    assert json.loads(path.read_text())["automations"]["first-one"]["acknowledged"] == acks
    after = opsctl(tmp_path, "contract", "check")
    assert after.returncode == 0, after.stdout + after.stderr
    assert "(acknowledged: other.txt from now on)" in after.stdout


@pytest.mark.parametrize("config", [
    'automations = [\n  # deploy tools: see [automation.deploy] below\n]\npython_path = ["."]\n',
    'automations = [\n  "tools.a]b",\n]\n',
    '"automations" = []\n',
], ids=["bracket-in-a-comment", "bracket-in-a-string", "quoted-key"])
def test_new_adds_to_an_automations_array_however_it_is_written(config: str) -> None:
    from opsctl.scaffold import wire_config

    wired = tomllib.loads(wire_config(config, "rotate_certs", "automations"))
    assert wired["automations"][-1] == "rotate_certs"
    assert wired["automations"][:-1] == tomllib.loads(config)["automations"]
    assert "automations" in wired["python_path"]


def test_refusals_write_nothing(tmp_path: Path) -> None:
    assert opsctl(tmp_path, "new", "rotate-certs").returncode == 0
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if "home" not in p.parts
                    and ".opsctl" not in p.parts)
    config = (tmp_path / "opsctl.toml").read_text()
    taken = tmp_path / "elsewhere.py"  # a module of another name registering the same name
    taken.write_text((tmp_path / "automations" / "rotate_certs.py").read_text().replace(
        '"rotate-certs"', '"rotate-keys"'))
    config_with = config.replace('automations = ["rotate_certs"]',
                                 'automations = ["rotate_certs", "elsewhere"]')
    (tmp_path / "opsctl.toml").write_text(config_with.replace('python_path = ["automations"]',
                                                              'python_path = ["automations", "."]'))
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if "home" not in p.parts
                    and ".opsctl" not in p.parts and "__pycache__" not in p.parts)
    config = (tmp_path / "opsctl.toml").read_text()
    for args, message in [(["rotate-certs"], "would overwrite"),
                          (["Bad_Name"], "lower-case words"),
                          (["plan"], "built-in opsctl verb"),
                          (["pass"], "which Python cannot import: 'pass' is a keyword"),
                          (["a" * 300], "is 300 characters long; at most 100"),
                          (["rotate-keys", "--force"], "already has an automation named "
                                                       "'rotate-keys' (module elsewhere)"),
                          (["rotate-keys"], "already has an automation named 'rotate-keys' "
                                            "(module elsewhere)")]:
        refused = opsctl(tmp_path, "new", *args)
        assert refused.returncode == 2, refused.stderr
        assert message in refused.stderr
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if "home" not in p.parts
                   and ".opsctl" not in p.parts and "__pycache__" not in p.parts)
    assert after == before and (tmp_path / "opsctl.toml").read_text() == config


def test_help_says_what_each_generated_file_is_for(tmp_path: Path) -> None:
    helped = opsctl(tmp_path, "new", "--help")
    assert helped.returncode == 0
    for line in ("automations/NAME.py", "tests/test_NAME.py", "tests/golden/NAME.json",
                 "opsctl.toml", "opsctl.contracts.json"):
        assert line in helped.stdout


def test_a_summary_and_owner_are_kept_as_given(tmp_path: Path) -> None:
    """Quotes, backslashes and a triple quote in --summary and --owner: the module still
    imports and says exactly what was given (they were rewritten, or broke the module)."""
    summary, owner = 'Rotate the "edge" certs \\n, then """ reload \\', "o'brien \"ops\""
    made = opsctl(tmp_path, "new", "odd-text", "--summary", summary, "--owner", owner,
                  "--format", "json")
    assert made.returncode == 0, made.stderr
    described = json.loads(opsctl(tmp_path, "describe", "odd-text", "--format", "json").stdout)
    assert (described["summary"], described["owner"]) == (summary, owner)


def test_force_regenerates_the_scaffold_it_wrote(tmp_path: Path) -> None:
    """`new NAME` again says to use --force; --force then replaces the module that holds the
    name (it said the name was taken)."""
    assert opsctl(tmp_path, "new", "prune-reports").returncode == 0
    module = tmp_path / "automations" / "prune_reports.py"
    module.write_text("broken = (\n")
    again = opsctl(tmp_path, "new", "prune-reports")
    assert again.returncode == 2 and "use --force" in again.stderr
    forced = opsctl(tmp_path, "new", "prune-reports", "--force")
    assert forced.returncode == 0, forced.stderr
    assert "Automation(" in module.read_text()
    assert (tmp_path / "opsctl.toml").read_text().count("prune_reports") == 1


@pytest.mark.parametrize("args", [["--dir", "../elsewhere"], ["--tests", "../tests"],
                                  ["--dir", "/tmp/opsctl-new-elsewhere"]])
def test_folders_outside_the_project_are_refused_and_nothing_written(tmp_path: Path,
                                                                     args: list[str]) -> None:
    project = tmp_path / "project"
    project.mkdir()
    refused = subprocess.run([OPSCTL, "new", "tidy-up", *args], cwd=project,
                             env=clean_env(project / "home"), capture_output=True, text=True,
                             timeout=120)
    assert refused.returncode == 2, refused.stderr
    assert f"{args[0]} {args[1]}: the folder is outside the project" in refused.stderr
    assert list(project.iterdir()) == [] and list(tmp_path.iterdir()) == [project]
    assert not Path("/tmp/opsctl-new-elsewhere").exists()


@pytest.mark.parametrize(("args", "blocking", "what"), [
    pytest.param([], "automations", "a file", id="dir-a-file"),
    pytest.param(["--tests", "tests/unit"], "tests", "a file", id="tests-under-a-file"),
    pytest.param(["--tests", "checks"], "checks", "a link to nothing", id="tests-a-dangling-link"),
])
def test_a_file_where_a_folder_goes_is_named_and_nothing_written(
        tmp_path: Path, args: list[str], blocking: str, what: str) -> None:
    """A file (or a link to nothing) where `new` makes its module's or tests' folder: exit 2
    naming it and the option, the project as it was (was: exit 1, an internal
    FileExistsError)."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "opsctl.toml").write_text('automations = []\n')
    if what == "a file":
        (project / blocking).write_text("notes\n")
    else:
        (project / blocking).symlink_to(project / "elsewhere")
    before = sorted(p.name for p in project.iterdir())
    refused = opsctl(project, "new", "tidy-up", *args)
    assert refused.returncode == 2, refused.stderr
    option = "--tests" if args else "--dir"
    assert (f"{option}: {project / blocking} is {what}, not a folder; give another {option}"
            in refused.stderr), refused.stderr
    assert "Traceback" not in refused.stderr
    assert sorted(p.name for p in project.iterdir()) == before
    assert (project / "opsctl.toml").read_text() == 'automations = []\n'


def test_a_name_of_a_module_importable_from_outside_the_project_is_refused(tmp_path: Path
                                                                          ) -> None:
    """An editable install (``pip install -e``, opsctl's own in a checkout) is no site-packages
    module, yet the automation's module would hide it the same way."""
    library = tmp_path / "lib" / "ourlib"
    library.mkdir(parents=True)
    (library / "__init__.py").write_text("")
    project = tmp_path / "project"
    project.mkdir()
    env = clean_env(project / "home")
    env["PYTHONPATH"] = os.pathsep.join(p for p in [env.get("PYTHONPATH", ""),
                                                    str(tmp_path / "lib")] if p)
    for name, module in [("ourlib", library / "__init__.py"), ("opsctl", None)]:
        refused = subprocess.run([OPSCTL, "new", name], cwd=project, env=env,
                                 capture_output=True, text=True, timeout=120)
        assert refused.returncode == 2, refused.stderr
        assert f"would make the module {name}.py, which hides the module `{name}`" in \
            refused.stderr
        if module is not None:
            assert f"({module})" in refused.stderr
    assert list(project.iterdir()) == []  # nothing written


def test_a_policy_that_denies_the_new_automation_refuses_it_in_one_line(tmp_path: Path
                                                                        ) -> None:
    (tmp_path / "opsctl.toml").write_text("automations = []\n")
    (tmp_path / "policy.yaml").write_text("version: 1\ndefault: deny\nrules: []\n")

    refused = opsctl(tmp_path, "new", "prune-logs")

    assert refused.returncode == 2, refused.stderr
    assert refused.stderr.splitlines()[0] == (
        "opsctl: error: the generated automation prune-logs does not plan in this project "
        "(exit 6: denied by policy rule 'default': no policy rule matched; the default is "
        "deny); nothing was written")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == [
        "opsctl.toml", "policy.yaml"]
    assert (tmp_path / "opsctl.toml").read_text() == "automations = []\n"


def test_permissions_that_grant_the_test_actor_nothing_refuse_it_naming_the_actor(
        tmp_path: Path) -> None:
    (tmp_path / "opsctl.toml").write_text(
        'automations = []\n\n[[permissions.grants]]\nrole = "admin"\nto = ["alice"]\n'
        'automations = ["*"]\n')

    refused = opsctl(tmp_path, "new", "prune-logs")

    assert refused.returncode == 2, refused.stderr
    assert refused.stderr.splitlines()[0].startswith(
        "opsctl: error: the generated automation prune-logs does not plan in this project "
        "(exit 6: actor tester may not plan prune-logs")
    help_text = " ".join(opsctl(tmp_path, "new", "--help").stdout.split())
    assert "as the test kit's actor `tester`" in help_text
    assert "[permissions] that grant `tester` no role for it" in help_text


def test_after_new_an_edit_of_a_module_an_automation_imports_refreshes_its_flags(
        tmp_path: Path) -> None:
    """`opsctl new` loads the catalog more than once in one process: the manifest it leaves
    still tracks the project's modules the first load imported (a shared Literal)."""
    (tmp_path / "choices.py").write_text('from typing import Literal\n'
                                         'Env = Literal["staging", "prod"]\n')
    (tmp_path / "dep.py").write_text(
        "from pydantic import BaseModel\nfrom opsctl import Automation\nfrom choices import Env\n"
        "class Request(BaseModel):\n    env: Env\n"
        'deploy = Automation("dep", version="1.0.0", owner="o", summary="s", request=Request,'
        ' effect="read")\n'
        "@deploy.plan\ndef plan(ctx, req):\n    return []\n")
    (tmp_path / "opsctl.toml").write_text('automations = ["dep"]\npython_path = ["."]\n')
    assert opsctl(tmp_path, "new", "hello").returncode == 0
    (tmp_path / "choices.py").write_text('from typing import Literal\n'
                                         'Env = Literal["staging", "prod", "dev"]\n')
    helped = opsctl(tmp_path, "dep", "--help")
    assert helped.returncode == 0, helped.stderr
    assert "[staging|prod|dev]" in helped.stdout


@pytest.mark.parametrize("how", ["flag", "environment"])
def test_new_adds_to_the_project_of_the_config_file_given(tmp_path: Path, how: str) -> None:
    """`--config FILE` (or OPSCTL_CONFIG) names the project, as for every other command."""
    project, elsewhere = tmp_path / "proj", tmp_path / "elsewhere"
    project.mkdir()
    elsewhere.mkdir()
    (project / "opsctl.toml").write_text("automations = []\n")
    config = str(project / "opsctl.toml")
    args, env = ["new", "hello"], clean_env(tmp_path / "home")
    if how == "flag":
        args += ["--config", config]
    else:
        env["OPSCTL_CONFIG"] = config
    made = subprocess.run([OPSCTL, *args], cwd=elsewhere, env=env, capture_output=True,
                          text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    assert tomllib.loads((project / "opsctl.toml").read_text())["automations"] == ["hello"]
    assert (project / "automations" / "hello.py").exists()
    assert list(elsewhere.iterdir()) == []


def test_new_replaces_opsctl_toml_whole_never_in_place(tmp_path: Path) -> None:
    """The project's opsctl.toml is written as a new file renamed over the old one: a process
    killed mid-write (SIGKILL, a power cut) leaves the old file or the new one, never one cut
    short that every command then refuses (was: rewritten in place). Its mode is kept."""
    config = tmp_path / "opsctl.toml"
    config.write_text('# ours\nlog_level = "warning"\n')
    config.chmod(0o640)
    before = config.stat()
    made = opsctl(tmp_path, "new", "rotate-certs")
    assert made.returncode == 0, made.stderr
    after = config.stat()
    assert after.st_ino != before.st_ino  # a new file, renamed into place
    assert after.st_mode & 0o777 == 0o640
    assert tomllib.loads(config.read_text())["automations"] == ["rotate_certs"]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
