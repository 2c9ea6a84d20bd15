"""``opsctl new NAME``: scaffold an automation, its tests and its lock entry."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

import click

from opsctl.cli.options import CommonOptions, common_options
from opsctl.cli.output import emit_data

_EPILOG = """Files, in the project of the nearest opsctl.toml (or of --config; or here, for a new
project):

\b
  automations/NAME.py          the automation: request model, read-only plan, apply, verify
  tests/test_NAME.py           its tests, written with the test kit (opsctl.testing)
  tests/golden/NAME.json       the golden snapshot of its plan, compared by those tests
  opsctl.toml                  the module added to `automations` (and its folder to python_path)
  opsctl.contracts.json        the reviewed contract lock, with the new entry

The generated tests pass at once: run `pytest tests/test_NAME.py`. They run with the
project's settings, its policy and permissions included, as the test kit's actor `tester`: a
policy that denies the new automation, or [permissions] that grant `tester` no role for it,
refuse `opsctl new` (exit 2, nothing written); a policy that requires approval for it fails
the tests that apply until a rule allows it."""


@click.command("new", short_help="Scaffold a new automation, its tests and lock entry.",
               epilog=_EPILOG)
@click.argument("name")
@click.option("--dir", "directory", default="automations", show_default=True,
              help="Folder of the automation module, relative to the project.")
@click.option("--tests", default="tests", show_default=True,
              help="Folder of the generated tests, relative to the project.")
@click.option("--owner", default="", help="Owning team or person (default: $USER, else the OS user).")
@click.option("--summary", default="", help="One line saying what it does.")
@click.option("--force", is_flag=True, default=False, help="Replace files that exist.")
@common_options
def new_cmd(name: str, directory: str, tests: str, owner: str, summary: str, force: bool,
            opts: CommonOptions) -> int:
    """Create the automation NAME (lower-case words joined by '-', e.g. rotate-keys)."""
    import os

    from opsctl.config.layers import working_directory
    from opsctl.scaffold import scaffold

    generated = scaffold(Path(working_directory()), name, directory=directory, tests=tests,
                         owner=owner, summary=summary, force=force,
                         config_file=opts.config or os.environ.get("OPSCTL_CONFIG"))
    data = {"automation": name,
            "files": [{"path": str(g.path), "purpose": g.purpose} for g in generated]}

    def render(doc: dict[str, Any], stream: TextIO) -> None:
        stream.write(f"created automation {doc['automation']}:\n")
        for item in doc["files"]:
            stream.write(f"  {item['path']}\n      {item['purpose']}\n")
        stream.write(f"next: edit the module, then `pytest {generated[1].path}` and "
                     f"`opsctl {name} --help`\n")

    return emit_data(data, opts, None, render)
