"""POSIX shell scripts. STUB: interface only; the real scanner replaces this file."""

from __future__ import annotations

from collections.abc import Iterator

from opsctl.adopt.model import Script


def simple_commands(text: str) -> Iterator[tuple[int, list[str]]]:
    """Each simple command of a shell text as (line, words), quotes removed, expansions kept as
    written (``$VAR``), through pipelines, lists, subshells, ``$( )`` and control structures."""
    return iter(())


def scan_shell(script: Script, text: str) -> None:
    """Fill ``script`` (interface, env, effects, exit_codes, has_dry_run, dry_run_flag, summary,
    warnings) from a shell script's text."""
