"""``opsctl contract lock|check``: record every automation's contract, and hold the code to it.

``lock`` writes the lock file (default: ``opsctl.contracts.json`` beside ``opsctl.toml``);
``check`` compares the code with it and exits 0 when every change may ship, 3 when a breaking
change is neither covered by a major version bump nor acknowledged in the lock (the report is
printed either way), and 2 when the lock file is missing or malformed.
"""

from __future__ import annotations

import os
from typing import Any, TextIO

import click

from opsctl.cli.options import (
    CommonOptions,
    common_options,
    global_options,
    open_cli_session,
    show_config,
)
from opsctl.cli.output import emit_data

_FILE_HELP = "Lock file to use instead of opsctl.contracts.json beside opsctl.toml."


@click.group("contract", short_help="Lock and check automation contracts.")
@global_options  # `opsctl contract -o json SUBCOMMAND`: read by the subcommand
def contract_group(**_global: Any) -> None:
    """Keep automation contracts stable: a reviewed lock file, and a check against it.

    \b
    opsctl contract lock     record every automation's contract in opsctl.contracts.json
    opsctl contract check    compare the code with the lock (exit 3 on a breaking change)

    A breaking change (a stricter request, a looser or missing result field, read -> mutate,
    a changed lock scope or exit code) passes only with a major version bump, or when the lock
    acknowledges it for the new version with a reason:

    \b
      "acknowledged": [{"rule": "request.field_removed", "path": "request/properties/retries",
                        "version": "1.4.0", "reason": "no caller passes it"}]
    """


def _lock_path(session: Any, given: str | None) -> str:
    from opsctl.contract.lockfile import LOCK_FILE

    return given if given else os.path.join(session.layers.root, LOCK_FILE)


@contract_group.command("lock")
@click.option("--file", "lock_file", default=None, metavar="PATH", help=_FILE_HELP)
@common_options
def contract_lock(lock_file: str | None, opts: CommonOptions) -> int:
    """Write the contract of every registered automation to the lock file.

    Acknowledgements already in the lock are kept while their automation's version stays the
    version they were recorded for.
    """
    from opsctl.contract.lockfile import catalog_snapshots, read_lock, write_lock

    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    path = _lock_path(session, lock_file)
    previous = read_lock(path) if os.path.exists(path) else None
    written = write_lock(path, catalog_snapshots(session.catalog), previous)
    data = {"lock_file": path, "automations": [
        {"name": entry.name, "version": entry.version, "acknowledged": len(entry.acknowledged)}
        for entry in written.automations.values()]}

    def render(d: dict[str, Any], stream: TextIO) -> None:
        stream.write(f"locked {len(d['automations'])} automation contract(s) in {d['lock_file']}\n")
        for row in d["automations"]:
            acks = f" ({row['acknowledged']} acknowledged change(s))" if row["acknowledged"] else ""
            stream.write(f"  {row['name']} {row['version']}{acks}\n")

    return emit_data(data, opts, session, render)


@contract_group.command("check")
@click.option("--file", "lock_file", default=None, metavar="PATH", help=_FILE_HELP)
@common_options
def contract_check(lock_file: str | None, opts: CommonOptions) -> int:
    """Compare every automation's contract with the lock file.

    Exit 0 when every change may ship (compatible changes are listed as info), 3 when a change
    breaks callers without a major version bump or an acknowledgement, 2 when the lock file is
    missing or malformed.
    """
    from opsctl.cli.options import output_format
    from opsctl.contract.compat import check
    from opsctl.contract.lockfile import catalog_snapshots, read_lock
    from opsctl.errors import ExitCode

    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    lock = read_lock(_lock_path(session, lock_file))
    report = check(lock, catalog_snapshots(session.catalog))
    emit_data(report.to_dict(), opts, session,
              lambda _data, stream: stream.write(report.render_text()))
    if report.ok:
        return ExitCode.SUCCESS
    if output_format(opts, session) == "json":
        click.echo(f"opsctl: error: contract check failed: {len(report.failures)} change(s) not "
                   "allowed", err=True)
    return ExitCode.VALIDATION
