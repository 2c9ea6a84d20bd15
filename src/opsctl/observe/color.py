"""Whether and how to colour terminal output: one rule for tables, plan diffs and console logs.

Standard library only and imported on the start-up path of ``opsctl list``: keep it small.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TextIO

STYLE_CODES = {"green": "32", "yellow": "33", "red": "31", "cyan": "36", "dim": "2", "bold": "1"}


def color_enabled(stream: TextIO, *, no_color: bool = False,
                  env: Mapping[str, str] | None = None) -> bool:
    """Whether to colour what is written to ``stream``: never with ``--no-color`` (which sets
    ``NO_COLOR``) or a non-empty ``NO_COLOR`` (no-color.org); always with a non-empty
    ``FORCE_COLOR`` other than ``0``; otherwise only on a terminal that is not ``TERM=dumb``
    (an editor's shell buffer, a CI log viewer), as rich decides for the tables it draws."""
    env = os.environ if env is None else env
    if no_color or env.get("NO_COLOR"):
        return False
    force = env.get("FORCE_COLOR")
    if force and force != "0":
        return True
    if env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def styled(text: str, style: str | None, color: bool) -> str:
    """``text`` in ``style`` (an ANSI colour name) when ``color``, else as is."""
    if not color or not style:
        return text
    return f"\x1b[{STYLE_CODES.get(style, '0')}m{text}\x1b[0m"
