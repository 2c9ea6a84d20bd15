"""The Markdown report of an inventory (opsctl.adopt.report)."""

from __future__ import annotations

import io

from opsctl.adopt.model import Flag, Interface, Inventory, Script
from opsctl.adopt.report import render_markdown


def test_flag_rows_show_defaults_once_quoted_and_their_subcommand() -> None:
    script = Script(path="dbtool.py", language="python", interface=Interface(
        "argparse", [Flag("--db", default="app.db", subcommand="migrate"),
                     Flag("--db", default="app.db", subcommand="dump"),
                     Flag("--verbose", type="boolean", default=False)],
        ["migrate", "dump"]))
    stream = io.StringIO()

    render_markdown(Inventory(root="/srv/ops", scripts=[script]), stream)

    rows = [line for line in stream.getvalue().splitlines() if "`--" in line]
    assert rows == [
        "| `migrate` | `--db` | string | `'app.db'` |  |  |",
        "| `dump` | `--db` | string | `'app.db'` |  |  |",
        "| | `--verbose` | boolean | `False` |  |  |",
    ]
