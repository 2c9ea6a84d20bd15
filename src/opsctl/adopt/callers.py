"""Who runs each script. STUB: interface only; the real finder replaces this file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from opsctl.adopt.model import Caller


def find_callers(root: Path, scripts: Sequence[str], files: Sequence[str]) -> dict[str, list[Caller]]:
    """For each script (path relative to ``root``), the places that run it, found in ``files``
    (every file of the tree that discovery kept, relative to ``root``, scripts included)."""
    return {}
