"""A plan as people read it: one marked line per action and its change as a compact diff.

``+`` create, ``~`` update, ``-`` delete, ``>`` run. ``before``/``after`` show only what changed:
the changed keys of structured values, a unified diff of multi-line text, ``old -> new`` for
the rest; ``full`` (``--diff``) shows every key and all the text. ``plan``, ``--dry-run``,
``show`` and the approval prompt all print plans through :func:`render_actions`.

Written on the standard library (difflib, imported only for text) rather than rich, so a plan
printed into a CI log costs no rich import.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from opsctl.observe.color import styled

MARKERS = {"create": "+", "update": "~", "delete": "-", "run": ">"}
KIND_STYLE = {"create": "green", "update": "yellow", "delete": "red", "run": "cyan"}
MISSING = "(none)"


def _compact(value: Any) -> str:
    if value is None:
        return MISSING
    if isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _changed(before: Any, after: Any) -> str:
    """``old -> new``, in JSON when the plain forms would read alike (``"1"`` and ``1``, the
    text ``(none)`` and no value), so a change never shows as ``1 -> 1``."""
    old, new = _compact(before), _compact(after)
    if old == new:
        old, new = (json.dumps(v, sort_keys=True, ensure_ascii=False) for v in (before, after))
    return f"{old} -> {new}"


def _multiline(value: Any) -> bool:
    return isinstance(value, str) and "\n" in value


def change_lines(before: Any, after: Any, *, full: bool = False) -> list[str]:
    """The change from ``before`` to ``after`` as diff lines (no colour, no indent).

    Each line starts with ``+`` (only after), ``-`` (only before), ``~`` (changed) or a space
    (unchanged, shown with ``full``); a unified diff keeps its own ``@@`` and ``+/-`` lines.
    """
    if before is None and after is None:
        return []
    if isinstance(before, dict) and isinstance(after, dict):
        return _dict_lines(before, after, full)
    if (before is None and isinstance(after, dict) and any(map(_multiline, after.values()))) or (
            after is None and isinstance(before, dict) and any(map(_multiline, before.values()))):
        # a wrapped script's {"command", "dry_run"}: its output line by line, not one JSON line
        return _dict_lines(before or {}, after or {}, full)
    if _multiline(before) or _multiline(after):
        import difflib

        old = "" if before is None else _compact(before)
        new = "" if after is None else _compact(after)
        context = max(len(old.splitlines()), len(new.splitlines())) if full else 3
        diff = difflib.unified_diff(old.splitlines(), new.splitlines(), "before", "after",
                                    n=context, lineterm="")
        return [line for line in diff if not line.startswith(("--- ", "+++ "))]
    if before is None:
        return [f"+ {_compact(after)}"]
    if after is None:
        return [f"- {_compact(before)}"]
    if before == after:
        return [f"  {_compact(after)}"] if full else []
    return [f"~ {_changed(before, after)}"]


def _dict_lines(before: Mapping[str, Any], after: Mapping[str, Any], full: bool) -> list[str]:
    lines: list[str] = []
    for key in sorted(set(before) | set(after), key=str):
        old, new = before.get(key), after.get(key)
        if (_multiline(old) or _multiline(new)) and (old != new or full):
            # text under its key, a line each (in JSON it would be one line of "\n"s)
            mark = "+" if key not in before else "-" if key not in after else "~"
            if mark == "~" and old != new:
                text = [f"  {line}" for line in change_lines(old, new, full=full)]
            else:
                mark = mark if old != new else " "
                text = [f"{mark}   {line}" for line in _compact(new if key in after else old).splitlines()]
            lines += [f"{mark} {key}:", *text]
        elif key not in before:
            lines.append(f"+ {key}: {_compact(after[key])}")
        elif key not in after:
            lines.append(f"- {key}: {_compact(before[key])}")
        elif before[key] != after[key]:
            lines.append(f"~ {key}: {_changed(before[key], after[key])}")
        elif full:
            lines.append(f"  {key}: {_compact(after[key])}")
    return lines


_LINE_STYLE = {"+": "green", "-": "red", "~": "yellow", "@": "cyan"}


def action_lines(action: Mapping[str, Any], *, full: bool = False, color: bool = False,
                 status_style: Mapping[str, str] | None = None) -> list[str]:
    """One action: ``+ create t-a  state/a  (target missing)`` and its change, indented.

    The status is shown once an action is no longer just planned (``[applied]``, ``[failed]``).
    """
    kind = str(action.get("kind", "run"))
    marker = MARKERS.get(kind, "?")
    # one line an action: a newline in a target (from a request value) would print a line
    # that reads as another action
    head = f"{marker} {kind:<6} {action.get('id')}  {action.get('target')}"
    if action.get("reason"):
        head += f"  ({action['reason']})"
    lines = [styled(head.replace("\n", "\\n"), KIND_STYLE.get(kind), color)]
    status = action.get("status")
    if status and status != "pending":
        lines[0] += "  " + styled(f"[{status}]", (status_style or {}).get(status), color)
    if action.get("error"):
        lines += ["    " + styled(line, "red", color)
                  for line in f"error: {action['error']}".splitlines()]
    for line in change_lines(action.get("before"), action.get("after"), full=full):
        lines.append("    " + styled(line, _LINE_STYLE.get(line[:1]), color))
    return lines


def kind_counts(actions: Iterable[Mapping[str, Any]]) -> str:
    """``2 to create, 1 to delete`` (kinds with no action left out)."""
    counts: dict[str, int] = {}
    for action in actions:
        counts[str(action.get("kind"))] = counts.get(str(action.get("kind")), 0) + 1
    return ", ".join(f"{counts[k]} to {k}" for k in MARKERS if counts.get(k))


def render_actions(actions: Sequence[Mapping[str, Any]], stream: TextIO, *, full: bool = False,
                   color: bool = False, status_style: Mapping[str, str] | None = None) -> None:
    for action in actions:
        for line in action_lines(action, full=full, color=color, status_style=status_style):
            stream.write(line + "\n")
