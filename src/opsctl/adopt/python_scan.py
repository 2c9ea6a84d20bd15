"""The AST of a Python script. STUB: interface only; the real scanner replaces this file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from opsctl.adopt.model import Script


@dataclass(slots=True)
class PythonFacts:
    """What discovery needs beyond the Script: whether the file runs as a program, and what it imports."""

    entry: bool = False
    """Has a ``__main__`` guard, top-level code that does work, a CLI declared at module level,
    or is a Django management command."""
    imports: set[str] = field(default_factory=set)
    """Dotted module names imported (absolute and resolved relative ones)."""


def scan_python(script: Script, source: str, *, file: Path, root: Path) -> PythonFacts:
    """Fill ``script`` (interface, env, effects, exit_codes, has_dry_run, dry_run_flag, summary,
    warnings) from ``source``. Raises SyntaxError (or ValueError) when it does not parse."""
    import ast

    ast.parse(source)
    return PythonFacts(entry=True)
