"""The Markdown report of an inventory (opsctl.adopt.report)."""

from __future__ import annotations

import io

from opsctl.adopt.model import Flag, Interface, Inventory, Script, Skipped
from opsctl.adopt.report import not_scanned_line, render_markdown, summary_line


def test_flag_rows_show_defaults_once_quoted_and_their_subcommand() -> None:
    script = Script(path="dbtool.py", language="python", interface=Interface(
        "argparse", [Flag("--db", default="app.db", subcommand="migrate"),
                     Flag("--db", default="app.db", subcommand="dump"),
                     Flag("--verbose", type="boolean", default=False)],
        ["migrate", "dump"]))
    stream = io.StringIO()

    render_markdown(Inventory(root="/srv/ops", scripts=[script]), stream)

    rows = [line for line in stream.getvalue().splitlines() if "`--" in line]
    assert rows == [
        "| `migrate` | `--db` | string | `'app.db'` |  |  |",
        "| `dump` | `--db` | string | `'app.db'` |  |  |",
        "| | `--verbose` | boolean | `False` |  |  |",
    ]


def test_the_strict_failure_counts_the_scripts_the_summary_counts() -> None:
    inventory = Inventory(
        root="/srv/ops",
        scripts=[Script(path=f"s{n}.sh", language="shell") for n in range(17)],
        libraries=[Skipped(f"lib{n}.py", "library: only definitions, no entry point")
                   for n in range(4)],
        errors=[Skipped("broken.py", "Python 2 syntax")])

    assert summary_line(inventory).startswith("17 scripts")
    assert "1 not scanned" in summary_line(inventory)
    assert not_scanned_line(inventory) == "1 of 18 scripts could not be scanned (--strict)"


def test_the_table_prints_paths_and_owners_as_typed_not_as_markup() -> None:
    from opsctl.adopt.model import Author, Owners
    from opsctl.adopt.report import render_table

    script = Script(path="ops/[b]ackup.py", language="python",
                    owners=Owners(authors=[Author(name="ops [/] bot", email="bot@example.org",
                                                  commits=1)]))
    stream = io.StringIO()

    render_table(Inventory(root="/srv/[i]ops", scripts=[script],
                           errors=[Skipped("bad[/x].py", "Python 2 syntax [print]")]),
                 stream, color=False)

    text = stream.getvalue()
    assert "ops/[b]ackup.py" in text and "ops [/] bot" in text and "/srv/[i]ops" in text
    assert "not scanned: bad[/x].py: Python 2 syntax [print]" in text


def test_the_table_says_which_scripts_were_read_as_python2() -> None:
    from opsctl.adopt.report import render_table  # (rich: imported where a table is drawn)

    warning = ("Python 2 source (print statement at line 3): read with its Python 2 statements "
               "rewritten for Python 3, line numbers kept; it runs only under Python 2")
    scripts = [Script(path="old[/]clean.py", language="python", warnings=[warning]),
               Script(path="new.py", language="python", warnings=["line 4: a flag whose name is built at run time"])]
    stream = io.StringIO()

    render_table(Inventory(root="/srv", scripts=scripts), stream, color=False)

    text = stream.getvalue()
    assert "Python 2: old[/]clean.py: Python 2 source (print statement at line 3)" in " ".join(text.split())
    assert "Python 2: new.py" not in text


def test_the_table_on_a_terminal_without_colour_holds_no_escape_at_all() -> None:
    from opsctl.adopt.report import render_table

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    script = Script(path="x.py", language="python", tier="platform")

    render_table(Inventory(root="/srv/ops", scripts=[script]), stream, color=False)

    assert "x.py" in stream.getvalue() and "\x1b" not in stream.getvalue()


def test_names_and_texts_in_the_markdown_report_render_as_typed_never_as_html() -> None:
    """A script's path, summary, flag help and warnings are data: on a wiki page they read as
    typed, not as an HTML element, emphasis or a link, and no control character reaches a
    terminal that shows the report."""
    from markdown_it import MarkdownIt

    name = "<img src=x onerror=alert(1)>_**x**_[y](z).sh"
    script = Script(path=name, language="shell", summary="Purge <script>alert(2)</script> & co",
                    interface=Interface("argparse", [Flag("--older", help="older than <DAYS>")]),
                    reasons=["destroys data: rm -rf *_tmp_*"],
                    warnings=["\x1b[2Jcleared \x1b]8;;http://x\x07link"])
    stream = io.StringIO()

    render_markdown(Inventory(root="/srv/ops", scripts=[script]), stream)

    report = stream.getvalue()
    assert not any(ch in report for ch in "\x1b\x07")
    html = MarkdownIt("commonmark").enable("table").render(report)
    assert "<img" not in html and "<script" not in html and "<em>" not in html
    assert "<strong>x</strong>" not in html and '<a href="z"' not in html
    assert f"<h2>{name.replace('<', '&lt;').replace('>', '&gt;')}</h2>" in html
    assert "Purge &lt;script&gt;alert(2)&lt;/script&gt; &amp; co" in html
    assert "older than &lt;DAYS&gt;" in html
    assert "rm -rf *_tmp_*" in html
    assert "\\x1b[2Jcleared \\x1b]8;;http://x\\x07link" in html


def test_bidirectional_controls_in_the_markdown_report_are_shown_as_escapes() -> None:
    """A right-to-left override makes ``purge-\\u202ehs.txt`` read ``purge-txt.sh`` on the
    wiki page: the report shows the escape, in code as in prose."""
    script = Script(path="purge-\u202ehs.txt", language="shell",
                    summary="cleans \u2067up\u2069 old files")
    stream = io.StringIO()

    render_markdown(Inventory(root="/srv/ops", scripts=[script]), stream)

    report = stream.getvalue()
    assert not any(ch in report for ch in "\u202e\u2067\u2069")
    assert "[`purge-\\u202ehs.txt`]" in report and "## purge-\\\\u202ehs.txt" in report
    assert "cleans \\\\u2067up\\\\u2069 old files" in report
