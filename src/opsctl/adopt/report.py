"""The inventory for people: a table for the terminal, a Markdown report for a ticket or a wiki.

Both list scripts in the inventory's order (tier, then risk). Nothing here reads files or
decides anything: it only formats an :class:`~opsctl.adopt.model.Inventory`.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TextIO

from opsctl.adopt.model import TIERS, Inventory, Script


def _effects_cell(script: Script) -> str:
    destructive = sum(1 for e in script.effects if e.destructive)
    mutating = len(script.effects) - destructive
    parts = []
    if destructive:
        parts.append(f"{destructive} destructive")
    if mutating:
        parts.append(f"{mutating} mutating")
    return ", ".join(parts) or "-"


def _callers_cell(script: Script) -> str:
    kinds = Counter(c.kind for c in script.callers)
    return ", ".join(f"{kind} x{n}" if n > 1 else kind for kind, n in kinds.most_common()) or "-"


def _owner_cell(script: Script) -> str:
    if not script.owners or not script.owners.authors:
        return "-"
    first = script.owners.authors[0].name
    others = len(script.owners.authors) - 1
    return first + (f" +{others}" if others else "")


def summary_line(inventory: Inventory) -> str:
    tiers = Counter(s.tier for s in inventory.scripts)
    destructive = sum(1 for s in inventory.scripts if s.destructive)
    counts = ", ".join(f"{tiers[t]} {t}" for t in reversed(TIERS) if tiers[t])
    line = (f"{len(inventory.scripts)} scripts ({counts or 'none'}); {destructive} destructive; "
            f"{len(inventory.libraries)} libraries, {len(inventory.skipped)} skipped, "
            f"{len(inventory.errors)} not scanned")
    return line


def not_scanned_line(inventory: Inventory) -> str:
    """What ``inventory scan --strict`` fails with: the files not scanned out of the scripts
    :func:`summary_line` counts (those scanned and those not; libraries are not scripts)."""
    total = len(inventory.scripts) + len(inventory.errors)
    return f"{len(inventory.errors)} of {total} scripts could not be scanned (--strict)"


COLUMNS = ("tier", "script", "lang", "interface", "effects", "dry run", "callers", "owner")


def table_rows(inventory: Inventory) -> list[list[str]]:
    """The table's cells as plain text, one row a script (:data:`COLUMNS`)."""
    return [[script.tier, script.path, script.language, _interface_cell(script),
             _effects_cell(script), script.dry_run_flag or ("yes" if script.has_dry_run else "no"),
             _callers_cell(script), _owner_cell(script)] for script in inventory.scripts]


def trailer_lines(inventory: Inventory) -> list[str]:
    """What follows the table: the summary, the files not scanned, the Python 2 scripts."""
    from opsctl.adopt.scan import is_python2

    return ([summary_line(inventory)]
            + [f"not scanned: {entry.path}: {entry.reason}" for entry in inventory.errors]
            + [f"Python 2: {script.path}: {script.warnings[0]}"
               for script in inventory.scripts if is_python2(script)])


def _interface_cell(script: Script) -> str:
    interface: str = script.interface.kind
    if script.interface.flags:
        interface += f" ({len(script.interface.flags)} flags)"
    return interface


def render_table(inventory: Inventory, stream: TextIO, *, color: bool = True) -> bool:
    """The rich table, riskiest first, then the warnings and the files not scanned; False,
    with nothing written, when the table is wider than the terminal (rich would fold a path
    over several lines: the caller prints plain columns, as every opsctl table then)."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    # paths, owners' names, flags and reasons are data: escaped, or rich reads "[b]x.py" as
    # markup (prints "x.py" in bold) and a name with "[/]" stops the table with an error
    # color_system=None without colour: no escape at all (rich's no_color keeps bold and
    # italic), as every other opsctl table under --no-color or NO_COLOR
    console = Console(file=stream, color_system="auto" if color else None, highlight=False,
                      soft_wrap=False, width=None if stream.isatty() else 160)
    table = Table(title=f"Inventory of {escape(str(inventory.root))}", title_justify="left")
    for column in COLUMNS:
        table.add_column(column, overflow="fold")
    for script, row in zip(inventory.scripts, table_rows(inventory), strict=True):
        cells = [escape(cell) for cell in row]
        if script.tier == "platform":
            cells[0] = f"[bold red]{cells[0]}[/]"
        if script.destructive:
            cells[4] = f"[red]{cells[4]}[/]"
        table.add_row(*cells)
    if table.__rich_measure__(console, console.options.update_width(1 << 20)).maximum \
            > console.width:
        return False
    console.print(table)
    console.print(escape(summary_line(inventory)))
    for line in trailer_lines(inventory)[1:]:
        label, rest = line.split(": ", 1)
        console.print(f"[yellow]{label}[/]: {escape(rest)}")
    return True


def render_markdown(inventory: Inventory, stream: TextIO) -> None:
    """A report to paste into a ticket or a wiki page: summary, table, then one section a script."""
    write = stream.write
    write(f"# Script inventory of `{_md(str(inventory.root))}`\n\n{summary_line(inventory)}.\n\n")
    write("| tier | script | language | interface | effects | dry run | callers | owner |\n")
    write("|---|---|---|---|---|---|---|---|\n")
    for s in inventory.scripts:
        write(f"| {s.tier} | [`{_md(s.path)}`](#{_anchor(s.path)}) | {s.language} | "
              f"{s.interface.kind} | {_effects_cell(s)} | "
              f"{_prose(s.dry_run_flag or ('yes' if s.has_dry_run else 'no'))} | "
              f"{_callers_cell(s)} | {_prose(_owner_cell(s))} |\n")
    for s in inventory.scripts:
        write(f"\n## {_prose(s.path)}\n\n")
        if s.summary:
            write(f"{_prose(s.summary)}\n\n")
        write(f"**Tier: {s.tier}.** " + "; ".join(_prose(r) for r in s.reasons) + ".\n\n")
        if s.interface.flags:
            # flags of different subcommands may share a spelling (two `--db`): say whose
            per_command = any(flag.subcommand for flag in s.interface.flags)
            head = "| command " if per_command else ""
            write(f"Interface ({s.interface.kind}):\n\n{head}| flag | type | default | required "
                  f"| help |\n{'|---' if per_command else ''}|---|---|---|---|---|\n")
            for flag in s.interface.flags:
                name = " / ".join([flag.name, *flag.aliases])
                kind = flag.type + (f" {flag.choices}" if flag.choices else "")
                default = "" if flag.default is None else f"`{_md(repr(flag.default))}`"
                command = f"| `{_md(flag.subcommand)}` " if flag.subcommand else "| "
                write(f"{command if per_command else ''}| `{_md(name)}` | {_prose(kind)} | "
                      f"{default} | {'yes' if flag.required else ''} | {_prose(flag.help or '')} |\n")
            write("\n")
        if s.effects:
            write("Effects:\n\n")
            for effect in s.effects:
                where = f"{effect.path}:{effect.line}" if effect.path else f"line {effect.line}"
                mark = "**destructive** " if effect.destructive else ""
                via = f" via `{_md(effect.via)}`" if effect.via else ""
                write(f"- {mark}{effect.kind}: `{_md(effect.call)}` ({where}{via}, "
                      f"{effect.confidence} confidence)\n")
            write("\n")
        if s.env:
            names = ", ".join(f"`{v.name}`" + (" (credential)" if v.credential else "")
                              for v in s.env)
            write(f"Environment: {names}\n\n")
        if s.exit_codes:
            write(f"Exit codes: {', '.join(str(c) for c in s.exit_codes)}\n\n")
        if s.callers:
            write("Callers:\n\n")
            for caller in s.callers:
                write(f"- {caller.kind}: `{_md(caller.path)}:{caller.line}`"
                      + (f" — `{_md(caller.text)}`" if caller.text else "") + "\n")
            write("\n")
        if s.owners and s.owners.authors:
            people = ", ".join(f"{_prose(a.name)} ({a.commits})" for a in s.owners.authors[:5])
            write(f"Owners: {people}; last change {s.owners.last_change}, "
                  f"{s.owners.commits_90d} commits in 90 days\n\n")
        for warning in s.warnings:
            write(f"> warning: {_prose(warning)}\n")
    if inventory.errors:
        write("\n## Not scanned\n\n")
        for entry in inventory.errors:
            write(f"- `{_md(entry.path)}`: {_prose(entry.reason)}\n")
    if inventory.libraries:
        write("\n## Libraries (imported, not run)\n\n")
        for entry in inventory.libraries:
            write(f"- `{_md(entry.path)}`: {_prose(entry.reason)}\n")


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell or inline code: no pipes, no line breaks, and
    control characters (an escape sequence in a file name) as ``\\xNN``."""
    return _controls(str(text)).replace("|", "\\|").replace("\n", " ").replace("`", "'")


# Markdown and HTML read these characters outside code; escaped, text is shown as typed. An
# underscore inside a word (cleanup_ec2.py) and brackets that open no link (choice ['a', 'b'])
# are left as they are: they are common, and read as themselves.
_PROSE = str.maketrans({"\\": "\\\\", "`": "\\`", "*": "\\*", "~": "\\~", "|": "\\|",
                        "<": "&lt;", ">": "&gt;", "&": "&amp;", "\n": " "})
_EMPHASIS_OR_LINK = re.compile(r"(?<![^\W_])_|_(?![^\W_])|\](?=[(\[:])")


def _prose(text: str) -> str:
    """Text safe as Markdown outside code (a heading, a paragraph, a table cell): never read
    as HTML (a script named ``<img src=x onerror=...>.sh``), emphasis, a link or code."""
    escaped = _controls(str(text)).translate(_PROSE)
    return _EMPHASIS_OR_LINK.sub(lambda m: "\\" + m.group(), escaped)


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                      "\u2066-\u2069]")


def _controls(text: str) -> str:
    """``text`` with control characters but newline and tab as ``\\xNN``, bidirectional
    controls as ``\\uNNNN``: a report is read with ``cat`` too, and its terminal must not take
    them for commands, nor a wiki page show ``\\u202egnp.sh`` as ``hs.png``."""
    return _CONTROL.sub(lambda m: (f"\\x{ord(m.group()):02x}" if ord(m.group()) <= 0xFF
                                   else f"\\u{ord(m.group()):04x}"), text)


def _anchor(path: str) -> str:
    return "".join(ch for ch in path.lower().replace(" ", "-") if ch.isalnum() or ch in "-_")
