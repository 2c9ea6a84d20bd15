"""``opsctl inventory scan PATH``: what a folder of legacy scripts does, who runs it, who owns it."""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

import click

from opsctl.cli.options import GivenPath, global_options, global_options_but_format

_EPILOG = """Nothing is run: Python is read as an AST, shell with a tokeniser. Scripts that cannot
be read (a syntax error, a binary or huge file, a symlink loop) are listed with the reason; a
Python 2 script is read with its Python 2 statements rewritten and a warning saying so. The
scan goes on and exits 0 (3 with --strict, for either).

\b
Formats:
  text       a table, riskiest first (the default on a terminal)
  json       opsctl.inventory/v1; its JSON Schema: `opsctl schema --inventory`
  markdown   a report for a ticket or a wiki page

\b
Tiers (how many of: run by CI or cron / destroys or changes remote systems / others depend on it):
  private 0, shared 1, interface 2, platform 3; `opsctl wrap --all` wraps them by tier."""


def write_report(out: Path, text: str | Callable[[TextIO], None]) -> None:
    """``--out`` written whole (a temporary file renamed over it) or not at all (exit 2);
    ``text`` may be a function writing the report to the open file."""
    from opsctl.adopt.wrap import write_atomically
    from opsctl.errors import UsageError

    if out.is_dir() or (out.exists() and not out.is_file()):
        raise UsageError(f"--out {out} is not a regular file")
    try:
        write_atomically(out, text)
    except OSError as exc:
        raise UsageError(f"--out: cannot write {out}: {exc.strerror or exc}") from None


@click.group("inventory", short_help="Inventory a folder of legacy scripts.")
@global_options  # `opsctl inventory -o json SUBCOMMAND`: read by the subcommand
def inventory_group(**_global: Any) -> None:
    """Inventory legacy scripts: interface, environment, effects, callers, owners, tier."""


@inventory_group.command("scan", epilog=_EPILOG)
@click.argument("path", type=GivenPath(path_type=Path, readable=False))  # scanned: listed under errors
@click.option("-o", "--format", "format_", type=click.Choice(["text", "json", "markdown"]),
              default=None, help="Output format (default: text, or the global --format).")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to FILE instead of standard output ('-': standard "
                   "output, as `plan --out -`).")
@click.option("--strict", is_flag=True, default=False,
              help="Exit 3 when any script could not be scanned.")
@click.option("--no-git", is_flag=True, default=False,
              help="Do not read git: no owners and churn, and no callers from the rest of the "
                   "repository around PATH.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes for a tree of 200 scripts or more (default: one per "
                   "CPU, at most 8; at most 64 and one per 20 scripts whatever N; 1: none). "
                   "The report is the same whatever N.")
@global_options_but_format  # (a scan reads no configuration and logs nothing: accepted, as
@click.pass_context         # after any command; --no-color turns the table's colours off)
def scan_cmd(ctx: click.Context, /, path: Path, format_: str | None, out: Path | None, strict: bool,
             no_git: bool, jobs: int | None, **_global: Any) -> int:
    """Scan PATH (a folder or one script) without running anything."""
    from opsctl.cli.start_up import resume_collector

    # Start-up is over (this command has its own options, not the common ones that end it): a
    # scan of thousands of scripts with the collector still paused kept all its cyclic garbage
    # (784 MiB at its peak on the corpus, 119 MiB with it on).
    resume_collector()
    from opsctl.adopt.model import write_inventory_json
    from opsctl.adopt.report import render_markdown, render_table, summary_line
    from opsctl.adopt.scan import scan_tree
    from opsctl.errors import ExitCode, UsageError
    from opsctl.observe.color import color_enabled

    # the global --format given before `inventory` or between it and `scan`
    root_format = next((c.params.get("format_") for c in (ctx.parent, ctx.find_root())
                        if c is not None and c.params.get("format_")), None)
    chosen = format_ or root_format or os.environ.get("OPSCTL_FORMAT") or "text"
    if chosen not in ("text", "json", "markdown"):
        raise UsageError(f"unknown format {chosen!r} (text, json or markdown)")
    if not path.exists() and not path.is_symlink():
        raise UsageError(f"no such file or folder: {path}")
    if not path.exists():  # a symlink whose target is missing, or a loop of links
        try:
            path.resolve(strict=True)
            problem = "cannot be followed"
        except RuntimeError:  # a loop (Python < 3.13)
            problem = "is a symlink loop"
        except OSError as exc:
            problem = ("is a symlink loop" if exc.errno == errno.ELOOP
                       else "is a symlink to nothing")
        raise UsageError(f"{path} {problem}: nothing to scan")
    if not path.is_dir() and not path.is_file():
        raise UsageError(f"{path} is not a folder or a script file (a device, FIFO or socket)")
    if out is not None and str(out) == "-":  # standard output, not a file named "-"
        out = None
    if out is not None and out.parent and not out.parent.is_dir():
        raise UsageError(f"--out: no such folder: {out.parent}")
    try:
        inventory = scan_tree(path, git=not no_git, jobs=jobs)
    except OSError as exc:
        raise UsageError(f"cannot scan {path}: {exc.strerror or exc}") from None
    read = [s.path for s in inventory.scripts] + [e.path for e in inventory.libraries
                                                  + inventory.errors]
    if out is not None and out.is_file() and any(
            _same_file(out, Path(inventory.root) / name) for name in read):
        raise UsageError(f"--out {out} is one of the files scanned: writing the report would "
                         "replace it; give the report a file of its own")

    def report(stream: TextIO) -> None:
        """The report, written to ``stream`` as it is made (to the file of ``--out``: a large
        tree's JSON is tens of megabytes, and a copy of it in memory was several times that)."""
        if chosen == "json":  # indented in a file, which is meant to be read and diffed
            write_inventory_json(inventory, stream, indent=2)
            stream.write("\n")
        elif chosen == "markdown":
            render_markdown(inventory, stream)
        else:  # a pipe or a file: plain columns, as every opsctl table there (grep, awk, cut)
            from opsctl.adopt.report import COLUMNS, table_rows, trailer_lines
            from opsctl.cli.render import printable, table

            table(COLUMNS, table_rows(inventory), stream,
                  title=printable(f"Inventory of {inventory.root}"))
            stream.write("".join(f"{printable(line)}\n" for line in trailer_lines(inventory)))

    if out is not None:
        write_report(out, report)
        click.echo(f"wrote {out}: {summary_line(inventory)}", err=True)
    elif chosen == "json":  # one line on standard output, as every opsctl JSON document
        line = io.StringIO()
        write_inventory_json(inventory, line)
        click.echo(_utf8(line.getvalue()))
    elif chosen == "text" and sys.stdout.isatty() and render_table(
            inventory, sys.stdout, color=color_enabled(sys.stdout)):
        pass  # a terminal wide enough for the table's borders
    else:  # piped (FORCE_COLOR colours the plain columns) or a narrow terminal
        buffer = io.StringIO()
        report(buffer)
        if buffer.getvalue():  # click drops the escapes in a pipe unless told otherwise
            click.echo(_utf8(buffer.getvalue()), nl=False, color=color_enabled(sys.stdout))
    from opsctl.adopt.scan import is_python2

    python2 = [script for script in inventory.scripts if is_python2(script)]
    if chosen != "text" or out is not None:
        for entry in inventory.errors:
            click.echo(f"opsctl: warning: not scanned: {entry.path}: {entry.reason}", err=True)
        for script in python2:
            click.echo(f"opsctl: warning: {script.path}: {script.warnings[0]}", err=True)
    if strict and (inventory.errors or python2):
        # Not an exception: the inventory is printed; under --format json an error document
        # after it would make standard output two documents.
        from opsctl.adopt.report import not_scanned_line

        if inventory.errors:
            click.echo(f"opsctl: error: {not_scanned_line(inventory)}", err=True)
        if python2:
            click.echo(f"opsctl: error: {len(python2)} of {len(inventory.scripts) + len(inventory.errors)} "
                       "scripts are Python 2, read with their statements rewritten (--strict)", err=True)
        return ExitCode.VALIDATION
    return 0


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _utf8(text: str) -> str:
    """``text`` with what is not UTF-8 (a file name of other bytes, read as surrogates) as
    backslash escapes: the output stays UTF-8, as the ``--out`` file is."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
