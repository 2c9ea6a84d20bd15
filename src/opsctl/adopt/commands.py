"""What a command line does. STUB: interface only; the real rules replace this file."""

from __future__ import annotations

from collections.abc import Sequence

from opsctl.adopt.model import Confidence, Effect


def classify_argv(argv: Sequence[str], *, line: int, confidence: Confidence = "high") -> Effect | None:
    """The effect of running ``argv`` (words already split; a word the scanner could not resolve
    is given as ``$NAME`` or ``<expr>``), or None when the command only reads."""
    return None


def classify_command_string(text: str, *, line: int, confidence: Confidence = "high") -> list[Effect]:
    """The effects of a shell command string (``os.system(...)``, ``shell=True``): split into
    simple commands with the shell tokeniser, each classified with :func:`classify_argv`."""
    return []
