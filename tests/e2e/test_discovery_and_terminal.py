"""Automations from installed entry points; rich tables and the progress bar on a real terminal."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from tests.conftest import Project, clean_env, run_in_terminal, run_opsctl
from tests.e2e.test_cli_core import COUNTER

PLUGIN = '''
from pydantic import BaseModel, Field
from opsctl import Action, Automation

class Request(BaseModel):
    greeting: str = Field(default="hello", description="What to say")

hello = Automation("hello-plugin", version="2.0.0", owner="plugins", summary="Installed by a package",
                   request=Request, effect="read")

@hello.plan
def plan(ctx, req):
    yield Action(id="say", kind="run", target="stdout", reason=req.greeting)
'''


def _install_fake_distribution(site: Path) -> None:
    """A real .dist-info with an entry_points.txt, found by importlib.metadata on sys.path."""
    (site / "hello_plugin.py").write_text(textwrap.dedent(PLUGIN))
    dist = site / "hello_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: hello-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[opsctl.automations]\nhello = hello_plugin:hello\n")


def test_entry_point_automations_are_discovered(project: Project, tmp_path: Path) -> None:
    project.write_config()
    site = tmp_path / "site"
    site.mkdir()
    env = clean_env(project.root / ".home", {"PYTHONPATH": str(site)})
    before = project.run("list", "--format", "json", env=env, expect_json=True)
    assert [a["name"] for a in before.doc["automations"]] == []
    _install_fake_distribution(site)  # installing changes the directory: the cache notices
    after = project.run("list", "--format", "json", env=env, expect_json=True)
    assert after.code == 0
    [entry] = after.doc["automations"]
    assert (entry["name"], entry["version"], entry["effect"]) == ("hello-plugin", "2.0.0", "read")
    assert "entry point" in entry["origin"]
    planned = project.run("hello-plugin", "--greeting", "hi", "--format", "json", env=env)
    assert planned.code == 0
    assert planned.doc["plan"]["actions"][0]["reason"] == "hi"


def test_broken_automation_module_is_an_error_naming_it(project: Project) -> None:
    project.add_module("counter_auto", COUNTER)
    project.add_module("broken_auto", "raise RuntimeError('half-written module')\n")
    listed = project.run("list", "--format", "json")
    assert listed.code == 2
    assert "automation module 'broken_auto'" in listed.doc["error"]["message"]
    assert "RuntimeError: half-written module" in listed.doc["error"]["message"]
    ran = project.run("counter", "--environment", "prod", "--dry-run")
    assert ran.code == 2
    assert "broken_auto" in ran.stderr and "half-written module" in ran.stderr
    assert not (project.root / ".opsctl").exists()


@pytest.mark.parametrize("code", ["0", "'set DEPLOY_TOKEN first'"], ids=["zero", "message"])
def test_a_module_that_exits_while_imported_is_an_error_naming_it(project: Project,
                                                                 code: str) -> None:
    """A script's `sys.exit()` left at the top of a module: exit 2 naming it, not the
    process ending with the script's code (0: a run that did nothing, reported as done)."""
    project.add_module("counter_auto", COUNTER)
    project.add_module("leftover", f"import sys\nsys.exit({code})\n")
    ran = project.run("counter", "--environment", "prod", "--dry-run", "--format", "json")
    assert ran.code == 2, ran.stderr
    assert "automation module 'leftover'" in ran.doc["error"]["message"]
    assert f"called sys.exit({code})" in ran.doc["error"]["message"]
    assert project.run("list").code == 2

def test_a_module_that_changes_the_working_directory_while_imported_is_an_error(
        project: Project, tmp_path: Path) -> None:
    """A script's `os.chdir(its folder)`: exit 2 naming it, not a --request read (or an --out
    written) in another folder, or "unknown automation" once the project is not found."""
    project.add_module("counter_auto", COUNTER)
    project.add_module("leftover", f"import os\nos.chdir({str(tmp_path)!r})\n")
    (project.root / "request.json").write_text('{"environment": "prod"}')
    ran = project.run("counter", "--request", "request.json", "--dry-run", "--format", "json")
    assert ran.code == 2, ran.stderr
    assert "automation module 'leftover'" in ran.doc["error"]["message"]
    assert f"changed the working directory to {tmp_path}" in ran.doc["error"]["message"]

def test_what_a_module_prints_while_imported_goes_to_stderr(project: Project) -> None:
    """`print("loading...")` at the top of an automation module: stdout still holds the one
    JSON document of list and of a run, cold and warm."""
    project.add_module("counter_auto", "print('loading tools v3')\n" + COUNTER)
    listed = project.run("list", "--format", "json")  # one JSON document, or it fails here
    assert listed.code == 0 and "loading tools v3" in listed.stderr
    ran = project.run("counter", "--environment", "prod", "--dry-run", "--format", "json")
    assert ran.code == 10 and "loading tools v3" in ran.stderr  # a run imports it again
    assert project.run("list", "--format", "json").code == 0

def test_missing_automation_module_is_reported(project: Project) -> None:
    project.modules.append("not_there")
    project.write_config()
    listed = project.run("list")
    assert listed.code == 2
    assert "automation module 'not_there' not found" in listed.stderr


def test_terminal_gets_a_coloured_plan_console_logs_a_progress_bar_and_rich_tables(
        project: Project) -> None:
    project.add_module("counter_auto", COUNTER)
    code, screen = run_in_terminal(["counter", "--yes", "--environment", "staging", "--slow", "0.3",
                                     "--targets", "a", "--targets", "b", "--targets", "c",
                                     "--targets", "d"], project.root)
    assert code == 0, screen
    assert "\x1b[32m+ create t-a" in screen          # the plan as a coloured diff
    assert "applying" in screen                    # the transient progress bar was drawn
    assert '{"level"' not in screen                # console logs, not JSON lines
    assert "run.finished" in screen
    code, screen = run_in_terminal(["runs"], project.root)
    assert code == 0, screen
    assert "┃" in screen or "│" in screen          # a rich table, not plain columns


SHARED_CHOICES = '''
from pydantic import BaseModel
from opsctl import Action, Automation
from choices import Environment

class Request(BaseModel):
    environment: Environment

deploy = Automation("deploy-app", version="1.0.0", owner="ops", summary="Deploy",
                    request=Request, effect="read")

@deploy.plan
def plan(ctx, req):
    yield Action(id="say", kind="run", target=req.environment, reason="deploy")
'''


def test_an_edit_of_a_module_the_automation_imports_refreshes_its_flags(
        project: Project) -> None:
    (project.root / "choices.py").write_text(
        'from typing import Literal\nEnvironment = Literal["staging", "prod"]\n')
    project.add_module("deploy_app", SHARED_CHOICES)
    assert project.run("list").code == 0  # the catalog cache is warm
    (project.root / "choices.py").write_text(
        'from typing import Literal\nEnvironment = Literal["staging", "prod", "dev"]\n')
    helped = project.run("deploy-app", "--help")
    assert helped.code == 0
    assert "[staging|prod|dev]" in helped.stdout
    planned = project.run("deploy-app", "--environment", "dev", "--format", "json")
    assert planned.code == 0, planned.stderr
    assert planned.doc["plan"]["actions"][0]["target"] == "dev"


def test_an_edit_of_the_same_size_whose_mtime_was_set_back_refreshes_the_catalog(
        project: Project) -> None:
    """`cp -p`, `rsync -a` or `touch -d` put the old mtime back: list and describe still show
    what the code now says (a version 1.0.0 -> 2.0.0 keeps the file's size)."""
    import os

    project.add_module("deploy_app", SHARED_CHOICES.replace("from choices import Environment",
                                                            "Environment = str"))
    assert project.run("list").code == 0  # the catalog cache is warm
    module = project.root / "deploy_app.py"
    before = module.stat()
    module.write_text(module.read_text().replace('version="1.0.0"', 'version="2.0.0"'))
    os.utime(module, ns=(before.st_atime_ns, before.st_mtime_ns))
    listed = project.run("list", "--format", "json")
    assert listed.code == 0
    assert [a["version"] for a in listed.doc["automations"]] == ["2.0.0"]


def test_one_automation_registered_twice_is_no_duplicate_and_two_of_one_name_are(
        project: Project, tmp_path: Path) -> None:
    """opsctl.toml naming the module an installed entry point names too, or one automation
    bound to two names in its module, is the same automation: no "defined twice" warning on
    every command. Two automations of one name still get it."""
    site = tmp_path / "site"
    site.mkdir()
    _install_fake_distribution(site)
    with (site / "hello_plugin.py").open("a") as fh:
        fh.write("default = hello\n")
    project.modules.append("hello_plugin")
    project.write_config()
    paths = [str(site), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = clean_env(project.root / ".home", {"PYTHONPATH": os.pathsep.join(paths)})
    listed = project.run("list", "--format", "json", env=env, expect_json=True)
    assert listed.code == 0
    assert [a["name"] for a in listed.doc["automations"]] == ["hello-plugin"]
    assert listed.doc["problems"] == []
    assert "defined twice" not in listed.stderr

    project.add_module("another_hello", PLUGIN)
    listed = project.run("list", "--format", "json", env=env, expect_json=True)
    assert listed.code == 0
    assert listed.doc["problems"] == ["automation 'hello-plugin' is defined twice: in "
                                      "hello_plugin and another_hello; keeping the first"]


def test_a_relative_python_path_from_the_environment_lists_what_a_run_imports(
        project: Project) -> None:
    """OPSCTL_PYTHON_PATH=src names another folder from a subfolder: list (warm) says what a
    run finds there, not what the cache holds from the project's root."""
    (project.root / "src").mkdir()
    (project.root / "src" / "hello_plugin.py").write_text(textwrap.dedent(PLUGIN))
    (project.root / "opsctl.toml").write_text('automations = ["hello_plugin"]\n')
    (project.root / "sub").mkdir()
    env = project.env({"OPSCTL_PYTHON_PATH": "src"})
    assert project.run("list", env=env).code == 0  # the cache is warm
    listed = run_opsctl("list", cwd=project.root / "sub", env=env)
    ran = run_opsctl("hello-plugin", cwd=project.root / "sub", env=env)
    assert (listed.code, ran.code) == (2, 2)
    assert "automation module 'hello_plugin' not found" in listed.stderr
