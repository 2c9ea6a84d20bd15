"""What ``opsctl wrap`` refuses (exit 2, nothing written), and where ``wrap --all`` finds the
scripts of an inventory made in another checkout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from opsctl.adopt.model import Inventory, Script, inventory_document
from opsctl.adopt.wrap import wrap_all, wrap_script
from opsctl.errors import UsageError
from tests.conftest import run_opsctl

HELLO = "#!/bin/sh\n# Say hello\necho hello\n"


def tree(root: Path) -> list[Path]:
    return sorted(p.relative_to(root) for p in root.rglob("*") if "__pycache__" not in p.parts)


def project_with_a_wrapped_script(root: Path, name: str = "hello_kit") -> Path:
    """A project with ``s/NAME.sh`` wrapped (each test its own name: the catalog imports the
    module, and Python keeps it for the rest of the session)."""
    (root / "s").mkdir()
    (root / "s" / f"{name}.sh").write_text(HELLO)
    (root / "s" / "other_kit.sh").write_text(HELLO)
    wrap_script(root, root / "s" / f"{name}.sh", owner="ops")
    return root


@pytest.mark.parametrize(("kwargs", "error"), [
    ({"name": "hello-kit", "out": "auto3", "tests": "t3"},
     "an automation named hello-kit is already registered \\(module hello_kit\\)"),
    ({"name": "hello-kit", "out": "auto3", "tests": "t3", "force": True},
     "an automation named hello-kit is already registered"),
], ids=["same-name-elsewhere", "same-name-elsewhere-even-forced"])
def test_a_name_already_registered_is_refused(tmp_path: Path, kwargs: dict[str, object],
                                             error: str) -> None:
    root = project_with_a_wrapped_script(tmp_path)
    before = tree(root)
    config = (root / "opsctl.toml").read_text()

    with pytest.raises(UsageError, match=error) as refused:
        wrap_script(root, root / "s" / "other_kit.sh", **kwargs)  # type: ignore[arg-type]

    assert refused.value.exit_code == 2
    assert tree(root) == before
    assert (root / "opsctl.toml").read_text() == config


def test_a_module_name_already_registered_is_refused(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "modname_kit.py").write_text(
        "from pydantic import BaseModel\n\nfrom opsctl import Automation\n\n\n"
        "class Request(BaseModel):\n    pass\n\n\n"
        "other = Automation('other-modname-kit', version='0.1.0', owner='ops', summary='x',\n"
        "                   request=Request, effect='read')\n\n\n"
        "@other.plan\ndef plan(ctx, req):\n    return iter(())\n")
    (tmp_path / "opsctl.toml").write_text('python_path = ["lib"]\nautomations = ["modname_kit"]\n')
    (tmp_path / "modname_kit.sh").write_text(HELLO)
    before = tree(tmp_path)

    with pytest.raises(UsageError, match="a module named modname_kit is already registered"):
        wrap_script(tmp_path, tmp_path / "modname_kit.sh")

    assert tree(tmp_path) == before


def test_force_does_not_replace_a_module_that_wrap_did_not_write(tmp_path: Path) -> None:
    """--force replaces the files of an earlier wrap only: a hand-written automation module
    (one `opsctl new` made, say) of the same module name stays, and nothing is written."""
    (tmp_path / "automations").mkdir()
    handwritten = tmp_path / "automations" / "prune_reports.py"
    handwritten.write_text("# prune reports, by hand\n")
    (tmp_path / "job.sh").write_text(HELLO)
    before = tree(tmp_path)

    with pytest.raises(UsageError, match="exists and was not written by `opsctl wrap`"):
        wrap_script(tmp_path, tmp_path / "job.sh", name="prune-reports", force=True)

    assert tree(tmp_path) == before
    assert handwritten.read_text() == "# prune reports, by hand\n"


def test_a_forced_rewrap_of_the_same_module_is_allowed(tmp_path: Path) -> None:
    root = project_with_a_wrapped_script(tmp_path, "rewrap_kit")

    wrapped = wrap_script(root, root / "s" / "rewrap_kit.sh", force=True)

    assert wrapped.name == "rewrap-kit"


@pytest.mark.parametrize("option", ["tests", "out"])
def test_a_folder_outside_the_project_is_refused(tmp_path: Path, option: str) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "hello_kit.sh").write_text(HELLO)
    outside = tmp_path / "outside"

    with pytest.raises(UsageError, match=f"--{option} .* is outside the project"):
        wrap_script(project, project / "hello_kit.sh", **{option: str(outside)})  # type: ignore[arg-type]

    assert tree(project) == [Path("hello_kit.sh")]
    assert not outside.exists()


def test_a_folder_that_cannot_be_made_is_exit_2_with_nothing_left(tmp_path: Path) -> None:
    (tmp_path / "hello_kit.sh").write_text(HELLO)
    (tmp_path / "blocked").write_text("a file where the folder would go\n")
    before = tree(tmp_path)

    with pytest.raises(UsageError, match="cannot write") as refused:
        wrap_script(tmp_path, tmp_path / "hello_kit.sh", out="blocked/automations")

    assert refused.value.exit_code == 2
    assert tree(tmp_path) == before


@pytest.mark.parametrize("out", ["/proc/opsctl-inventory.md", "no/such/folder/x.md"],
                         ids=["unwritable", "missing-folder"])
def test_inventory_out_that_cannot_be_written_is_exit_2(tmp_path: Path, out: str) -> None:
    (tmp_path / "ops").mkdir()
    (tmp_path / "ops" / "hello.sh").write_text(HELLO)

    result = run_opsctl("inventory", "scan", "ops", "--no-git", "--format", "markdown",
                        "--out", out, cwd=tmp_path)

    assert result.code == 2, result.stderr
    assert "internal error" not in result.stderr
    assert "cannot write" in result.stderr or "no such folder" in result.stderr
    assert not list(tmp_path.glob("**/*.md"))


def test_inventory_out_is_written_whole(tmp_path: Path) -> None:
    (tmp_path / "ops").mkdir()
    (tmp_path / "ops" / "hello.sh").write_text(HELLO)
    (tmp_path / "report.md").write_text("old\n")

    result = run_opsctl("inventory", "scan", "ops", "--no-git", "--format", "markdown",
                        "--out", "report.md", cwd=tmp_path)

    assert result.code == 0, result.stderr
    assert (tmp_path / "report.md").read_text().startswith("# Script inventory")
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["report.md"]


# -- wrap --all with an inventory from another checkout ---------------------------------------
def inventory_from_elsewhere(project: Path, root: str) -> Path:
    (project / "ops").mkdir(parents=True)
    (project / "ops" / "deploy_kit.sh").write_text(HELLO)
    document = inventory_document(Inventory(root=root, scripts=[
        Script(path="deploy_kit.sh", language="shell", interpreter="/bin/sh", tier="shared")]))
    inventory = project / "inventory.json"
    inventory.write_text(json.dumps(document))
    return inventory


@pytest.mark.parametrize("recorded", ["missing", "other-checkout"])
def test_wrap_all_finds_the_scripts_in_this_checkout(tmp_path: Path, recorded: str) -> None:
    other = tmp_path / "other" / "proj" / "ops"
    if recorded == "other-checkout":
        other.mkdir(parents=True)
        (other / "deploy_kit.sh").write_text(HELLO)
    project = tmp_path / "proj"
    inventory = inventory_from_elsewhere(project, str(other))

    reports, _ = wrap_all(project, inventory)

    assert [(r.script, r.wrapped) for r in reports] == [("deploy_kit.sh", True)]
    assert reports[0].root is not None and reports[0].root.startswith(str(project / "ops"))
    module = (project / "automations" / "deploy_kit.py").read_text()
    assert "script='../ops/deploy_kit.sh'" in module


def test_wrap_all_prefers_this_checkout_even_when_the_other_holds_more_scripts(
        tmp_path: Path) -> None:
    """The other checkout holds all three scripts, this one only one so far: the modules run
    this project's copy, and the two missing here are refused as missing, not wrapped from
    the other checkout (which may move or go)."""
    other = tmp_path / "chkA" / "ops"
    other.mkdir(parents=True)
    for name in ("a_kit", "b_kit", "c_kit"):
        (other / f"{name}.sh").write_text(HELLO)
    project = tmp_path / "chkB"
    (project / "ops").mkdir(parents=True)
    (project / "ops" / "a_kit.sh").write_text(HELLO)
    document = inventory_document(Inventory(root=str(other), scripts=[
        Script(path=f"{name}.sh", language="shell", interpreter="/bin/sh", tier="shared")
        for name in ("a_kit", "b_kit", "c_kit")]))
    (tmp_path / "inventory.json").write_text(json.dumps(document))

    reports, _ = wrap_all(project, tmp_path / "inventory.json")

    assert [(r.script, r.wrapped) for r in reports] == [
        ("a_kit.sh", True), ("b_kit.sh", False), ("c_kit.sh", False)]
    assert reports[0].root is not None and reports[0].root.startswith(str(project / "ops"))
    assert "script='../ops/a_kit.sh'" in (project / "automations" / "a_kit.py").read_text()


def test_wrap_all_of_an_inventory_kept_outside_the_project_uses_this_checkout(
        tmp_path: Path) -> None:
    """The inventory file sits next to both checkouts, so its recorded root is found from
    the file's folder too: the folder of this project wins, and is reported."""
    for checkout in ["repo", "repo2"]:
        (tmp_path / checkout / "ops").mkdir(parents=True)
        (tmp_path / checkout / "ops" / "deploy_far.sh").write_text(HELLO)
    document = inventory_document(Inventory(root=str(tmp_path / "repo" / "ops"), scripts=[
        Script(path="deploy_far.sh", language="shell", interpreter="/bin/sh", tier="shared")]))
    (tmp_path / "inventory.json").write_text(json.dumps(document))
    project = tmp_path / "repo2"

    result = run_opsctl("wrap", "--all", "../inventory.json", "--owner", "ops",
                        "--format", "json", cwd=project)
    text = run_opsctl("wrap", "--all", "../inventory.json", "--owner", "ops", "--force",
                      cwd=project)

    assert result.code == 0, result.stderr
    assert result.doc is not None
    assert result.doc["scripts_root"].startswith(str(project / "ops") + ":")
    assert text.code == 0, text.stderr
    assert f"scripts found under {project / 'ops'}:" in text.stdout
    module = (project / "automations" / "deploy_far.py").read_text()
    assert "script='../ops/deploy_far.sh'" in module
    assert "repo/ops" not in module


def test_the_inventory_of_one_script_is_rooted_at_its_folder_and_wraps(tmp_path: Path) -> None:
    import os
    import subprocess

    import jsonschema

    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, env=env)
    (tmp_path / "ops").mkdir()
    (tmp_path / "ops" / "rotate_kit.py").write_text(
        "import sys\n\nprint('rotating', sys.argv[1])\n")
    (tmp_path / "Makefile").write_text("rotate:\n\tpython3 ops/rotate_kit.py /var/log\n")
    subprocess.run(["git", "-C", str(tmp_path), "add", "-A"], check=True, env=env)

    scanned = run_opsctl("inventory", "scan", "ops/rotate_kit.py", "--format", "json",
                         cwd=tmp_path)
    (tmp_path / "single.json").write_text(scanned.stdout)
    schema = run_opsctl("schema", "--inventory", cwd=tmp_path, expect_json=True)
    wrapped = run_opsctl("wrap", "--all", "single.json", "--min-tier", "private",
                         "--owner", "ops", cwd=tmp_path)

    assert scanned.code == 0, scanned.stderr
    assert scanned.doc is not None and schema.doc is not None
    jsonschema.validate(scanned.doc, schema.doc)
    assert scanned.doc["root"] == str(tmp_path / "ops")
    assert [s["path"] for s in scanned.doc["scripts"]] == ["rotate_kit.py"]
    assert [(c["path"], c["line"]) for c in scanned.doc["scripts"][0]["callers"]] == [
        ("../Makefile", 2)]
    assert wrapped.code == 0, wrapped.stdout + wrapped.stderr
    assert "scripts found under" not in wrapped.stdout
    module = (tmp_path / "automations" / "rotate_kit.py").read_text()
    assert "script='../ops/rotate_kit.py'" in module


def test_wrap_all_refuses_when_the_scripts_are_nowhere(tmp_path: Path) -> None:
    project = tmp_path / "proj"
    inventory = inventory_from_elsewhere(project, str(tmp_path / "gone" / "ops"))
    (project / "ops" / "deploy_kit.sh").unlink()

    with pytest.raises(UsageError, match="cannot be found"):
        wrap_all(project, inventory)

    assert not (project / "automations").exists()


def test_wrap_all_refuses_subcommand_modules_and_modules_only_a_launcher_runs(tmp_path: Path) -> None:
    ops = tmp_path / "ops"
    (ops / "tool" / "commands").mkdir(parents=True)
    (ops / "bin").mkdir()
    (ops / "bin" / "tool").write_text("#!/usr/bin/env python\nfrom tool.main import run\n\n"
                                      "if __name__ == '__main__':\n    run()\n")
    (ops / "tool" / "__init__.py").write_text("")
    (ops / "tool" / "commands" / "__init__.py").write_text("")
    (ops / "tool" / "main.py").write_text(
        "import argparse\nfrom .commands.drop import Drop\n\ndef run():\n    p = argparse.ArgumentParser()\n"
        "    sub = p.add_subparsers()\n    Drop.add_parser(sub)\n    p.parse_args()\n")
    (ops / "tool" / "commands" / "drop.py").write_text(
        "import shutil\n\nclass Drop:\n    @classmethod\n    def add_parser(cls, subparsers):\n"
        "        subparsers.add_parser('drop').add_argument('name')\n\n"
        "    def run(self, args):\n        shutil.rmtree('/srv/' + args.name)\n")

    reports, _files = wrap_all(tmp_path, ops, min_tier="private", owner="ops")

    by_script = {r.script: r for r in reports}
    assert by_script["tool/commands/drop.py"].wrapped is False
    assert "a subcommand module that tool/main.py registers" in by_script["tool/commands/drop.py"].reason
    assert by_script["tool/main.py"].wrapped is False
    assert "run by the launcher bin/tool (`run()`)" in by_script["tool/main.py"].reason
    assert by_script["bin/tool"].wrapped is True


def test_wrap_keeps_the_mode_of_the_opsctl_toml_it_rewrites(tmp_path: Path) -> None:
    """An opsctl.toml kept 0600 (it holds a secret) is still 0600 once wrap registered a script
    in it: the temporary file and the rename do not hand it the umask's mode."""
    import os
    import stat

    (tmp_path / "opsctl.toml").write_text('[secrets]\napi_token = "S3cr3tValueInConfig"\n')
    os.chmod(tmp_path / "opsctl.toml", 0o600)
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "mode_kit.sh").write_text(HELLO)

    wrap_script(tmp_path, tmp_path / "s" / "mode_kit.sh", owner="ops")

    config = tmp_path / "opsctl.toml"
    assert "mode_kit" in config.read_text() and "S3cr3tValueInConfig" in config.read_text()
    assert stat.S_IMODE(config.stat().st_mode) == 0o600


def test_an_inventory_of_a_file_name_that_is_not_utf8_is_written_as_utf8(tmp_path: Path) -> None:
    """A script whose name is not UTF-8: --out (every format) and standard output stay UTF-8,
    the byte written as a backslash escape (it was an internal error, exit 1)."""
    import os

    folder = tmp_path / "nu"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"clean\xe9.sh"), "wb") as fh:
        fh.write(b"#!/bin/sh\nrm -rf /var/lib/app/data\n")
    for fmt in ("json", "text", "markdown"):
        out = tmp_path / f"inv.{fmt}"
        r = run_opsctl("inventory", "scan", str(folder), "--format", fmt, "--out", str(out),
                       cwd=tmp_path, expect_json=False)
        assert r.code == 0, r.stderr
        text = out.read_bytes().decode("utf-8")  # strict
        assert "clean\\udce9.sh" in text
    r = run_opsctl("inventory", "scan", str(folder), "--format", "json", cwd=tmp_path)
    assert r.code == 0, r.stderr
    assert json.loads(r.stdout)["scripts"][0]["path"] == "clean\udce9.sh"
