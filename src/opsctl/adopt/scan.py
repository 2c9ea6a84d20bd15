"""Scan a tree of legacy scripts into an Inventory. STUB: interface only, being written."""

from __future__ import annotations

from pathlib import Path

from opsctl.adopt.model import Inventory, Script


class ScanError(Exception):
    """A script that could not be scanned; ``reason`` says why in words."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def scan_file(file: Path, *, root: Path | None = None) -> Script:
    """One script, with its callers and owners looked up in ``root`` (default: the nearest git
    work tree holding it, else its folder). Raises ScanError when it cannot be scanned."""
    raise NotImplementedError


def scan_tree(root: Path) -> Inventory:
    """Every script under ``root``."""
    raise NotImplementedError
