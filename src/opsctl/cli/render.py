"""Text output for people: tables, result summaries (a plan as a diff), a progress bar.

On a terminal, tables are drawn with rich when they fit its width; piped (CI logs, ``| less``),
or wider than the terminal, they are plain aligned columns, which read well in logs, never cut a
value, and keep rich's import off the start-up path of scripted calls.
Colour follows :func:`opsctl.observe.color.color_enabled` (``NO_COLOR``, ``FORCE_COLOR``,
``--no-color``, else a terminal).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from opsctl.observe.color import color_enabled, styled

STATUS_STYLE = {"succeeded": "green", "no_changes": "green", "changes_planned": "yellow",
                "partial": "yellow", "failed": "red", "denied": "red", "conflict": "red",
                "cancelled": "yellow", "applied": "green", "unchanged": "dim", "skipped": "dim",
                "pending": "cyan"}


_CONTROL = None  # compiled on first use: most commands print no recorded text


def printable(value: Any) -> Any:
    """``value`` with the control characters of its strings (escape sequences, carriage
    returns, C1 codes; not newlines and tabs) shown as ``\\xNN``, and the bidirectional
    controls as ``\\uNNNN``: recorded text (a request, a target, an error message) is data, and
    a terminal must not take it for commands, nor show ``\\u202egnp.exe`` as ``exe.png``."""
    global _CONTROL
    if isinstance(value, str):
        if _CONTROL is None:
            import re

            _CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f"
                                  "\u202a-\u202e\u2066-\u2069]")
        return _CONTROL.sub(_escaped_control, value)
    if not isinstance(value, dict | list | tuple):
        return value
    # A loop rather than recursion: a recorded value may be nested deeper than the stack.
    copy: dict[Any, Any] | list[Any] = {} if isinstance(value, dict) else []
    pending: list[tuple[Any, dict[Any, Any] | list[Any]]] = [(value, copy)]
    while pending:
        source, target = pending.pop()
        pairs = source.items() if isinstance(source, dict) else enumerate(source)
        for key, item in pairs:
            if isinstance(item, dict | list | tuple):
                shown: Any = {} if isinstance(item, dict) else []
                pending.append((item, shown))
            else:
                shown = printable(item)
            if isinstance(target, dict):
                target[printable(key)] = shown
            else:
                target.append(shown)
    return copy


def _escaped_control(match: Any) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return str(printable(value))


def _as_written(stream: TextIO, text: str) -> str:
    """``text`` as ``stream`` writes it: what its encoding cannot hold (``café`` under
    ``PYTHONIOENCODING=ascii``, a file name of other bytes) as backslash escapes, so columns
    are measured on what is written, not on the shorter value."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode(encoding, "backslashreplace").decode(encoding)
    except LookupError:
        pass
    return text


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], stream: TextIO,
          title: str | None = None) -> None:
    cells = [[_as_written(stream, _cell(v)) for v in row] for row in rows]
    if stream.isatty():
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table

        color = color_enabled(stream)
        tbl = Table(*headers, title=escape(title) if title else None, title_justify="left",
                    header_style="bold" if color else "")
        for row in cells:  # data, not markup: "[b]" stays as typed, "[/]" is no error
            tbl.add_row(*map(escape, row))
        if not _encodes(stream, "…─"):  # an ASCII terminal: rich's "…" and lines would not print
            from rich import box

            tbl.box = box.ASCII
            for column in tbl.columns:
                column.overflow = "fold"
        # color_system=None: no escape at all (rich's no_color keeps bold and underline);
        # "standard", not "auto": rich would drop the header's bold under TERM=dumb even when
        # FORCE_COLOR asks for colour, as plan diffs and logs then have it
        console = Console(file=stream, color_system="standard" if color else None)
        natural = tbl.__rich_measure__(console, console.options.update_width(1 << 20))
        if natural.maximum <= console.width:
            console.print(tbl)
            return
        # Narrower than the table: rich would cut cells with "…" (a run id no longer to be
        # copied into `opsctl show`; at 20 columns every cell empty). Plain columns keep every
        # value whole and let the terminal wrap the lines.
    if title:
        stream.write(title + "\n")
    # one row a line, for grep, awk and cut: a newline or tab in a value (a file named so) shown
    cells = [[v.replace("\n", "\\n").replace("\t", "\\t") for v in row] for row in cells]
    widths = [max([len(h)] + [_columns(r[i]) for r in cells]) for i, h in enumerate(headers)]
    line = "  ".join(h.upper().ljust(w) for h, w in zip(headers, widths, strict=True))
    stream.write(_styled(stream, line.rstrip(), "bold") + "\n")  # FORCE_COLOR in a pipe
    for row in cells:
        stream.write("  ".join(v + " " * (w - _columns(v)) for v, w in zip(row, widths, strict=True))
                     .rstrip() + "\n")


def _columns(text: str) -> int:
    """How many terminal columns ``text`` takes: two a wide character (日本), none a
    combining mark, as rich measures its tables (its cell widths are not imported here)."""
    if text.isascii():
        return len(text)
    from unicodedata import combining, east_asian_width

    return sum(0 if combining(c) else 2 if east_asian_width(c) in "WF" else 1 for c in text)


def _encodes(stream: TextIO, text: str) -> bool:
    try:
        text.encode(getattr(stream, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _styled(stream: TextIO, text: str, style: str | None) -> str:
    return styled(text, style, color_enabled(stream))


def _opsctl(*words: str) -> str:
    import shlex

    return shlex.join(["opsctl", *words])


def _write_indented(stream: TextIO, text: str, style: str) -> None:
    """A message of several lines (a rejection quoting what someone typed, a command's
    output) with its later lines indented: none of them reads as a line of the result (an
    action of the plan, a ``run ...`` line)."""
    first, *rest = text.splitlines() or [""]
    for line in (first, *(f"    {more}" for more in rest)):
        stream.write(_styled(stream, line, style) + "\n")


def render_result(doc: dict[str, Any], stream: TextIO, *, full_diff: bool = False,
                  command: Callable[..., str] | None = None) -> None:
    """A result for people: the head line, the actions as a plan diff (``full_diff``: every
    key and line of before/after), the summary, warnings, error, policy and where to go next
    (``command`` spells an opsctl command to copy: :meth:`CommonOptions.command`)."""
    doc = printable(doc)
    status = doc["status"]
    head = (f"{doc.get('automation') or 'opsctl'} {doc.get('contract_version') or ''}".strip()
            + f"  {doc['mode']}  " + _styled(stream, status, STATUS_STYLE.get(status))
            + f"  (exit {doc['exit_code']})")
    stream.write(head + "\n")
    if doc.get("replayed"):
        stream.write(_styled(stream, f"replayed: the recorded result of run {doc.get('run_id')} "
                             f"(idempotency key {doc.get('idempotency_key')}); nothing was run "
                             "again", "yellow") + "\n")
    plan = doc.get("plan") or {}
    actions = plan.get("actions") or []
    if actions:
        from opsctl.cli.plan_diff import kind_counts, render_actions

        render_actions(actions, stream, full=full_diff, color=color_enabled(stream),
                       status_style=STATUS_STYLE)
    elif (doc["mode"] == "plan" and not doc.get("error")) or status == "no_changes":
        targets = (doc.get("artifacts") or {}).get("targets") or {}
        if targets.get("planned_without_targets"):  # the rest of the plan still has changes
            stream.write("no changes among the targeted actions; the rest of the plan is left "
                         "as it is\n")
        else:
            stream.write("no changes: the target is already in the requested state\n")
    s = doc.get("summary")  # none in a run whose result was never recorded
    if actions:
        from opsctl.cli.plan_diff import kind_counts

        stream.write(f"plan: {kind_counts(actions)}\n")
    if actions and s:
        stream.write(f"planned {s['planned']}, applied {s['applied']}, unchanged {s['unchanged']}, "
                     f"skipped {s['skipped']}, failed {s['failed']}\n")
    for warning in doc.get("warnings") or []:
        _write_indented(stream, f"warning: {warning}", "yellow")
    error = doc.get("error")
    if error:
        kind = f" ({error['type']})" if error.get("type") else ""
        _write_indented(stream, f"error{kind}: {error['message']}", "red")
    policy = doc.get("policy")
    if policy:
        line = f"policy: {policy['effect']} (rule {policy['rule']})"
        if policy["effect"] == "require_approval":
            line += f", {policy['approvals_required']} approval(s) from " + (
                ", ".join(policy["approvers"]) or "any approver")
        stream.write(_styled(stream, line, "red" if policy["effect"] == "deny" else None) + "\n")
    artifacts = doc.get("artifacts") or {}
    if "plan_file" in artifacts:
        stream.write(f"plan id {artifacts['plan_id']}\n")
    apply_plan = (command or _opsctl)("apply", "--plan", str(artifacts.get("plan_file")))
    if artifacts.get("plan_file") == "-":
        stream.write(f"plan written to standard output (expires {artifacts['plan_expires_at']});"
                     f" apply it with: {apply_plan} (reading it from standard input)\n")
    elif "plan_file" in artifacts:
        stream.write(f"plan saved to {artifacts['plan_file']} (expires {artifacts['plan_expires_at']});"
                     f" apply it with: {apply_plan}\n")
    if doc.get("run_id"):
        fp = plan.get("fingerprint")
        stream.write(f"run {doc['run_id']}" + (f"  plan {fp[:19]}" if fp else "") + "\n")


class ProgressReporter:
    """A transient rich progress bar on a terminal, shown only once an apply takes > 0.5 s."""

    DELAY_S = 0.5

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self._progress: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int, action_id: str) -> None:
        if self._progress is None:
            if time.monotonic() - self.started < self.DELAY_S or done >= total:
                return
            from rich.console import Console
            from rich.progress import Progress

            self._progress = Progress(console=Console(file=self.stream), transient=True)
            self._progress.start()
            self._task = self._progress.add_task("applying", total=total)
        from rich.markup import escape

        # an action id is data: "[/]" in it would be a markup error in the progress bar
        self._progress.update(self._task, completed=done,
                              description=f"applying {escape(printable(action_id))}")

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()


def render_policy(doc: dict[str, Any], stream: TextIO) -> None:
    """``opsctl policy check``: the decision, then each rule and condition with what it saw."""
    stream.write(f"{doc['automation']} {doc['contract_version']} for {doc['actor']} at {doc['at']}"
                 f" ({doc['plan']['actions']} planned action(s))\n")
    decision = doc.get("decision")
    if decision is None:
        stream.write(doc.get("message", "no policy is configured") + "\n")
        return
    effect = decision["effect"]
    style = {"allow": "green", "deny": "red"}.get(effect, "yellow")
    stream.write(_styled(stream, f"decision: {effect}", style)
                 + f" by rule {decision['rule']}: {decision['reason']}\n")
    if effect == "require_approval":
        stream.write(f"needs {decision['approvals']} approval(s) from "
                     f"{', '.join(decision['approvers']) or 'any approver'}"
                     + (" (self-approval allowed)" if decision.get("allow_self_approval") else "")
                     + "\n")
    for rule in decision.get("explain") or []:
        mark = "matched" if rule["matched"] else "no match"
        stream.write(f"  rule {rule['rule']} ({rule['decision']}): {mark}\n")
        for cond in rule.get("conditions") or []:
            stream.write(f"    {'+' if cond['holds'] else '-'} {cond['condition']}: "
                         f"{cond['detail']}\n")
