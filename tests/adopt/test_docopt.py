"""docopt interfaces: the usage text read as docopt reads it, from Python (``docopt(__doc__)``)
and the shell (``docopts -h "$help" : "$@"``), and what ``wrap`` makes of one."""

from __future__ import annotations

import textwrap
from pathlib import Path

from opsctl.adopt.docopt_usage import usage_flags
from opsctl.adopt.model import Script
from opsctl.adopt.python_scan import scan_python
from opsctl.adopt.shell_scan import scan_shell

DOC = """Prune old backups.

Usage:
  prune.py [options] <stage> [<bucket>...]
  prune.py restore <stage> --from=<snapshot>
  prune.py (-h | --help)

Options:
  -n, --dry-run        Show what would be removed.
  -k N --keep=N        Backups to keep [default: 7].
  --region REGION      AWS region.
  -v                   More output.

  -h --help            Show this screen.
"""


def _by_name(doc: str) -> dict[str, object]:
    flags, _, _ = usage_flags(doc, 3)
    return {flag.name: flag for flag in flags}


def test_usage_and_options_sections() -> None:
    flags, commands, warnings = usage_flags(DOC, 3)
    assert warnings == []
    names = [flag.name for flag in flags]
    assert names == ["stage", "bucket", "--dry-run", "--keep", "--region", "-v", "--help", "--from"]
    assert commands == ["restore"]
    by_name = {flag.name: flag for flag in flags}
    assert by_name["stage"].positional and by_name["stage"].required
    assert by_name["bucket"].type == "list" and not by_name["bucket"].required
    assert by_name["--dry-run"].type == "boolean" and by_name["--dry-run"].aliases == ["-n"]
    assert by_name["--dry-run"].help == "Show what would be removed."
    assert (by_name["--keep"].type, by_name["--keep"].default, by_name["--keep"].aliases) == (
        "string", "7", ["-k"])
    assert by_name["--keep"].help == "Backups to keep."
    assert by_name["--region"].type == "string" and by_name["-v"].type == "boolean"
    assert by_name["--from"].type == "string"  # named only in a usage pattern
    assert all(flag.line == 3 for flag in flags)


def test_options_written_under_the_usage_without_a_heading_and_upper_case_arguments() -> None:
    by_name = _by_name(textwrap.dedent("""\
        Usage: validate.sh [options] ACCOUNT START_FROM [UP_TO]

          --config=FILE  Trails file.
          -q, --quiet    Less output.
        """))
    assert list(by_name) == ["ACCOUNT", "START_FROM", "UP_TO", "--config", "--quiet"]
    assert by_name["UP_TO"].required is False and by_name["ACCOUNT"].required is True


def test_a_text_without_a_usage_section_declares_nothing() -> None:
    assert usage_flags("Prune old backups.\n\n  --keep=N  how many\n") == ([], [], [])


def _python(tmp_path: Path, source: str) -> Script:
    file = tmp_path / "prune.py"
    file.write_text(textwrap.dedent(source))
    script = Script(path="prune.py", language="python")
    scan_python(script, file.read_text(), file=file, root=tmp_path)
    return script


def test_a_python_script_reading_its_docstring(tmp_path: Path) -> None:
    script = _python(tmp_path, f'"""{DOC}"""\n' + textwrap.dedent('''\
        import shutil
        from docopt import docopt

        if __name__ == "__main__":
            arguments = docopt(__doc__)
            if not arguments["--dry-run"]:
                shutil.rmtree("/srv/backups/" + arguments["<stage>"])
        '''))
    assert script.interface.kind == "docopt"
    assert [f.name for f in script.interface.flags][:3] == ["stage", "bucket", "--dry-run"]
    assert script.interface.subcommands == ["restore"]
    assert script.has_dry_run
    assert any(e.destructive for e in script.effects)


def test_a_python_script_with_a_usage_constant_formatted(tmp_path: Path) -> None:
    script = _python(tmp_path, '''\
        import docopt
        USAGE = """Usage: {prog} <queue> [--force]

        Options:
          --force  Delete without asking.
        """
        args = docopt.docopt(USAGE.format(prog="q.py"))
        ''')
    assert script.interface.kind == "docopt"
    assert [f.name for f in script.interface.flags] == ["queue", "--force"]


def test_a_docopt_import_without_a_usage_text_is_not_an_interface(tmp_path: Path) -> None:
    script = _python(tmp_path, '''\
        import sys
        from docopt import docopt
        print(sys.argv[1])
        ''')
    assert script.interface.kind == "argv"


def _shell(tmp_path: Path, source: str) -> Script:
    file = tmp_path / "validate.sh"
    file.write_text(textwrap.dedent(source))
    script = Script(path="validate.sh", language="shell")
    scan_shell(script, file.read_text(), file=file, root=tmp_path)
    return script


def test_a_shell_script_given_its_leading_comment(tmp_path: Path) -> None:
    script = _shell(tmp_path, '''\
        #!/usr/bin/env bash
        #
        # Usage: validate.sh [options] ACCOUNT [UP_TO]
        #
        # Options:
        #   --config=FILE  Trails file.
        #   -n, --dry-run  Print the command only.

        source docopts.sh
        help=$(docopt_get_help_string "$0")
        eval "$(docopts -h "$help" : "$@")"
        $dry_run && exit
        aws s3 rm "s3://trails-$ACCOUNT" --recursive
        ''')
    assert script.interface.kind == "docopt"
    assert [f.name for f in script.interface.flags] == ["ACCOUNT", "UP_TO", "--config", "--dry-run"]
    assert script.has_dry_run


def test_a_shell_script_given_a_usage_variable(tmp_path: Path) -> None:
    script = _shell(tmp_path, '''\
        #!/bin/sh
        # Drops a database.
        USAGE="Usage: drop.sh <name> [--yes]

        Options:
          --yes  Do not ask."
        eval "$(docopts -h "$USAGE" : "$@")"
        dropdb "$name"
        ''')
    assert script.interface.kind == "docopt"
    assert [f.name for f in script.interface.flags] == ["name", "--yes"]


NAVAL = """Naval Fate.

Usage:
  naval.py ship new <name>...
  naval.py ship <name> move <x> <y> [--speed=<kn>]
  naval.py mine (set|remove) <x> <y> [--moored | --drifting]
  naval.py (-h | --help)

Options:
  --speed=<kn>  Speed in knots [default: 10].
"""


def test_commands_nested_or_between_arguments_are_a_warning_and_positionals_optional() -> None:
    flags, commands, warnings = usage_flags(NAVAL)
    assert commands == ["ship", "new", "move", "mine", "set", "remove"]
    assert len(warnings) == 1 and "ship" in warnings[0]
    by_name = {flag.name: flag for flag in flags}
    assert not by_name["name"].required and not by_name["x"].required  # not in every pattern
    assert by_name["name"].type == "list"


def test_one_leading_command_per_pattern_is_a_subcommand() -> None:
    flags, commands, warnings = usage_flags("""Usage:
  svc.py (start|stop) <unit> [--force]
  svc.py status <unit>
  svc.py --version
""")
    assert commands == ["start", "stop", "status"] and warnings == []
    assert [(f.name, f.required) for f in flags] == [("unit", True), ("--force", False),
                                                     ("--version", False)]


def test_wrap_asks_for_force_when_the_usage_has_nested_commands(tmp_path: Path) -> None:
    from opsctl.adopt.wrap import problems_of

    script = _python(tmp_path, f'"""{NAVAL}"""\nfrom docopt import docopt\ndocopt(__doc__)\n')
    assert script.interface.kind == "docopt"
    assert any("docopt usage with commands" in problem for problem in problems_of(script))
