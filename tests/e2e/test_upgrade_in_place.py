"""opsctl's code replaced in place between releases (an editable install after ``git pull``):
the version number is the same, and no ``sys.path`` directory changes, yet the catalog
manifest the earlier code wrote is not used by the new code."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import opsctl

RUN_CLI = "import sys; from opsctl.cli.entry import main; sys.argv[0] = 'opsctl'; sys.exit(main())"

TINY = textwrap.dedent('''
    from pydantic import BaseModel

    from opsctl import Automation


    class Request(BaseModel):
        name: str = "x"


    tiny = Automation("tiny-upgrade", version="1.0.0", owner="ops", summary="A tiny one",
                      request=Request, effect="read")


    @tiny.plan
    def plan(ctx, req):
        return []
''')


def test_a_manifest_of_the_code_before_an_upgrade_in_place_is_rebuilt(tmp_path: Path) -> None:
    source = Path(opsctl.__file__).parent
    installed = tmp_path / "src" / "opsctl"
    shutil.copytree(source, installed, ignore=shutil.ignore_patterns("__pycache__"))
    # "the earlier code": one that did not check [automation.NAME] tables against the catalog
    catalog = installed / "catalog.py"
    text = catalog.read_text()
    marker = "def _check_automation_tables(layers: Layers, catalog: Catalog) -> None:\n"
    assert marker in text
    catalog.write_text(text.replace(marker, marker + "    return\n", 1))

    project = tmp_path / "project"
    project.mkdir()
    (project / "tiny_upgrade.py").write_text(TINY)
    (project / "opsctl.toml").write_text('automations = ["tiny_upgrade"]\npython_path = ["."]\n'
                                         '[automation.tiny-upgrad]\nkey = 1\n')
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPSCTL_")}
    env.update(PYTHONPATH=str(tmp_path / "src"), HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"))

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", RUN_CLI, "list"], cwd=project, env=env,
                              capture_output=True, text=True, timeout=120)

    before = run()
    assert before.returncode == 0, before.stderr
    assert "tiny-upgrade" in before.stdout
    assert (project / ".opsctl" / "catalog.cache").exists()

    # the upgrade: the new code over the old, same version number, same folders
    shutil.copy2(source / "catalog.py", catalog)
    after = run()
    assert after.returncode == 2, after.stdout + after.stderr
    assert "[automation.tiny-upgrad]" in after.stderr and "did you mean tiny-upgrade" in after.stderr
