"""``opsctl wrap SCRIPT`` and ``opsctl wrap --all INVENTORY_OR_FOLDER``: legacy scripts behind
contracts (docs/adopting.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

import click

from opsctl.cli.options import CommonOptions, GivenPath, common_options
from opsctl.cli.output import emit_data

_EPILOG = """Files, in the project of the nearest opsctl.toml (or here, for a new project):

\b
  automations/NAME.py        the automation: request from the script's flags, plan, apply
  tests/test_NAME.py         its tests (opsctl.testing; the script replaced by a stub)
  opsctl.toml                the module added to `automations` (and its folder to python_path)
  opsctl.contracts.json      the contract lock, with the new entry

Exit codes: 0 wrapped; 2 bad input (no such script, a reserved name, files that exist, an
automation or module of that name registered already, --out/--tests outside the project or
not writable);
3 the scan could not determine the interface (nothing written; --force wraps it with an
`args` passthrough). With --all: 0 all wrapped (or none at the tier), 5 some wrapped and
some refused, 3 all refused."""


@click.command("wrap", short_help="Put a legacy script behind a contract (an automation module).",
               epilog=_EPILOG)
@click.argument("script", type=GivenPath(path_type=Path))
@click.option("--name", default=None, help="Automation name (default: from the file name).")
@click.option("--all", "wrap_every", is_flag=True, default=False,
              help="SCRIPT is an inventory JSON file or a folder: wrap every script in it.")
@click.option("--min-tier", type=click.Choice(["private", "shared", "interface", "platform"]),
              default="shared", show_default=True, help="With --all: the lowest tier wrapped.")
@click.option("--out", "out_dir", default="automations", show_default=True,
              help="Folder of the generated modules, relative to the project.")
@click.option("--tests", default="tests", show_default=True,
              help="Folder of the generated tests, relative to the project.")
@click.option("--owner", default="", help="Owning team or person (default: from git, $USER).")
@click.option("--force", is_flag=True, default=False,
              help="Replace files that exist; wrap a script the scan did not fully understand.")
@common_options
def wrap_cmd(script: Path, name: str | None, wrap_every: bool, min_tier: Any, out_dir: str,
             tests: str, owner: str, force: bool, opts: CommonOptions) -> int:
    """Generate an automation module around the legacy SCRIPT (or, with --all, around every
    script of an inventory or folder)."""
    from opsctl.adopt.wrap import wrap_all, wrap_script
    from opsctl.config.layers import working_directory
    from opsctl.errors import ExitCode, UsageError

    if wrap_every:
        if name:
            raise UsageError("--name names one script; with --all names come from file names")
        reports, files = wrap_all(Path(working_directory()), script, min_tier=min_tier, out=out_dir,
                                  tests=tests, owner=owner, force=force)
        wrapped = [r for r in reports if r.wrapped]
        data: dict[str, Any] = {
            "scripts_root": next((r.root for r in reports if r.root), None),
            "scripts": [{"script": r.script, "automation": r.name, "wrapped": r.wrapped,
                         "reason": r.reason, "effect": r.effect, "version": r.version,
                         "breaking": list(r.breaking), "unchanged": r.unchanged}
                        for r in reports],
            "files": [{"path": str(g.path), "purpose": g.purpose} for g in files]}

        def render_all(doc: dict[str, Any], stream: TextIO) -> None:
            if doc["scripts_root"]:
                stream.write(f"scripts found under {doc['scripts_root']}\n")
            for item in doc["scripts"]:
                mark = ("wrapped" if item["wrapped"] else
                        "unchanged" if item["unchanged"] else "refused")
                stream.write(f"{mark:<8} {item['script']}  -> {item['automation']}"
                             + ("" if item["wrapped"] or item["unchanged"]
                                else f"\n         {item['reason']}")
                             + "\n")
                _breaking(item, stream, "         ")
            unchanged = sum(1 for item in doc["scripts"] if item["unchanged"])
            stream.write(f"{len(wrapped)} of {len(doc['scripts'])} wrapped"
                         + (f", {unchanged} unchanged" if unchanged else "") + "\n")
            if not doc["scripts"]:  # "0 of 0 wrapped" alone read as a scan that found nothing
                stream.write(f"no script of {script} is at or above --min-tier {min_tier}"
                             + (" (--min-tier private wraps every script)"
                                if min_tier != "private" else "") + "\n")

        emit_data(data, opts, None, render_all)
        if len(wrapped) + sum(r.unchanged for r in reports) == len(reports):
            return ExitCode.SUCCESS
        return ExitCode.PARTIAL if wrapped else ExitCode.VALIDATION

    result = wrap_script(Path(working_directory()), script, name=name, out=out_dir, tests=tests, owner=owner,
                         force=force)
    one = {"automation": result.name, "script": result.script, "effect": result.effect,
           "version": result.version, "breaking": result.breaking,
           "could_not_determine": result.problems,
           "files": [{"path": str(g.path), "purpose": g.purpose} for g in result.files]}

    def render(doc: dict[str, Any], stream: TextIO) -> None:
        stream.write(f"wrapped {doc['script']} as automation {doc['automation']} "
                     f"(effect: {doc['effect']}):\n")
        for item in doc["files"]:
            stream.write(f"  {item['path']}\n      {item['purpose']}\n")
        for problem in doc["could_not_determine"]:
            stream.write(f"  could not determine: {problem}\n")
        _breaking(doc, stream, "  ")
        stream.write(f"next: `opsctl {doc['automation']} --help`, then "
                     f"`opsctl {doc['automation']} --dry-run ...`\n")

    return emit_data(one, opts, None, render)


def _breaking(item: dict[str, Any], stream: TextIO, indent: str) -> None:
    """A script wrapped again whose new contract breaks the callers of the locked one."""
    if item["breaking"]:
        stream.write(f"{indent}breaks callers of the locked contract, so its version is now "
                     f"{item['version']}:\n")
        for message in item["breaking"]:
            stream.write(f"{indent}  {message}\n")
