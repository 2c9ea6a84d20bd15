"""The library's table of reserved option names is exactly what the CLI's commands take.

``opsctl.contract.flags.RESERVED_OPTIONS`` lets the catalog refuse a request field that a
built-in option would shadow, without importing the CLI. This pins it to the options the
automation commands really have, so adding an option without reserving its names fails here.
"""

from __future__ import annotations

from opsctl.cli.automation_cmd import builtin_options
from opsctl.contract.flags import RESERVED_OPTIONS


def test_reserved_options_match_the_commands_the_cli_builds() -> None:
    real = builtin_options()
    missing = {k: v for k, v in real.items() if k not in RESERVED_OPTIONS}
    stale = sorted(set(RESERVED_OPTIONS) - set(real))
    assert not missing and not stale, (
        f"update RESERVED_OPTIONS in src/opsctl/contract/flags.py: add {missing}, "
        f"remove {stale}")
    # the labels name the same option strings (click versions order -h/--help differently)
    assert {k: sorted(v.split("/")) for k, v in real.items()} == \
        {k: sorted(v.split("/")) for k, v in RESERVED_OPTIONS.items()}
