"""Owners and churn from git. STUB: interface only; the real reader replaces this file."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from opsctl.adopt.model import Owners


def git_owners(root: Path, scripts: Sequence[str], *, now: datetime) -> dict[str, Owners]:
    """Owners of each script (relative to ``root``) from the git repository holding ``root``;
    empty when ``root`` is not in a repository or git is missing."""
    return {}
