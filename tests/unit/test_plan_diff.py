"""A plan reads as a diff: markers per kind, changed keys only, unified diff for text."""

from __future__ import annotations

import io
from typing import Any

import pytest

from opsctl.cli.confirm import approved, confirm_plan, needs_confirmation
from opsctl.cli.plan_diff import action_lines, change_lines, kind_counts
from opsctl.observe.color import color_enabled


@pytest.mark.parametrize(("kind", "marker"), [
    pytest.param("create", "+", id="create"), pytest.param("update", "~", id="update"),
    pytest.param("delete", "-", id="delete"), pytest.param("run", ">", id="run"),
])
def test_each_kind_has_its_marker(kind: str, marker: str) -> None:
    lines = action_lines({"id": "x", "kind": kind, "target": "t", "reason": "r"})
    assert lines[0].startswith(f"{marker} {kind}")


@pytest.mark.parametrize(("before", "after", "full", "expected"), [
    pytest.param(None, None, False, [], id="nothing"),
    pytest.param(None, "fresh key", False, ["+ fresh key"], id="created-scalar"),
    pytest.param({"size": 8}, None, False, ['- {"size": 8}'], id="deleted-structure"),
    pytest.param("120d old", "fresh", False, ["~ 120d old -> fresh"], id="changed-scalar"),
    pytest.param("same", "same", False, [], id="unchanged-hidden"),
    pytest.param("same", "same", True, ["  same"], id="unchanged-with-diff"),
    pytest.param({"a": 1, "b": [1], "c": 0}, {"a": 2, "b": [1], "d": True}, False,
                 ["~ a: 1 -> 2", "- c: 0", "+ d: true"], id="changed-keys-only"),
    pytest.param({"a": 1, "b": [1]}, {"a": 2, "b": [1]}, True,
                 ["~ a: 1 -> 2", "  b: [1]"], id="every-key-with-diff"),
    pytest.param(None, {"command": "prune.sh -n", "dry_run": "would prune a\nwould prune b"},
                 False, ["+ command: prune.sh -n", "+ dry_run:", "+   would prune a",
                         "+   would prune b"], id="created-structure-with-text-a-line-each"),
    pytest.param({"out": "a\nb"}, {"out": "a\nc"}, False,
                 ["~ out:", "  @@ -1,2 +1,2 @@", "   a", "  -b", "  +c"],
                 id="changed-text-in-a-structure-as-a-diff"),
    pytest.param({"out": "a\nb"}, {"out": "a\nb"}, True, ["  out:", "    a", "    b"],
                 id="unchanged-text-in-a-structure-with-diff"),
    pytest.param("1", 1, False, ['~ "1" -> 1'], id="text-to-number-in-json"),
    pytest.param({"on": "true"}, {"on": True}, False, ['~ on: "true" -> true'],
                 id="text-to-boolean-under-a-key-in-json"),
    pytest.param({"v": "(none)"}, {"v": None}, False, ['~ v: "(none)" -> null'],
                 id="the-text-none-to-no-value-in-json"),
])
def test_change_lines(before: Any, after: Any, full: bool, expected: list[str]) -> None:
    assert change_lines(before, after, full=full) == expected


def test_text_is_a_unified_diff_with_context() -> None:
    before = "".join(f"line {i}\n" for i in range(20))
    after = before.replace("line 10\n", "line ten\n")
    lines = change_lines(before, after)
    assert lines[0].startswith("@@")
    assert "-line 10" in lines and "+line ten" in lines
    assert " line 0" not in lines                                  # three lines of context
    assert " line 0" in change_lines(before, after, full=True)   # --diff: all of it


def test_status_and_colour() -> None:
    lines = action_lines({"id": "k", "kind": "delete", "target": "t", "reason": "r",
                          "status": "failed", "error": "boom"},
                         color=True, status_style={"failed": "red"})
    assert lines[0].startswith("\x1b[31m- delete k  t  (r)\x1b[0m")
    assert "[failed]" in lines[0] and "error: boom" in lines[1]
    assert action_lines({"id": "k", "kind": "run", "target": "t", "status": "pending"}) == [
        "> run    k  t"]


def test_an_action_is_one_marked_line_whatever_its_id_target_or_reason_hold() -> None:
    """A newline in a request value that reaches a target does not print a line of its own,
    which would read as another action of the plan."""
    lines = action_lines({"id": "a\nb", "kind": "update", "target": "t/x\n+ create all  /",
                          "reason": "why\n- delete", "status": "failed",
                          "error": "boom\n+ create fake"})
    assert lines == ["~ update a\\nb  t/x\\n+ create all  /  (why\\n- delete)  [failed]",
                     "    error: boom", "    + create fake"]


def test_a_result_indents_the_later_lines_of_its_error_and_warnings() -> None:
    """Only the actions start a line with a marker: a rejection quoting a request value of
    several lines cannot print a line that reads as one."""
    from opsctl.cli.render import render_result

    stream = io.StringIO()
    doc = {"automation": "weird", "contract_version": "1.0.0", "mode": "apply",
           "status": "failed", "exit_code": 3, "run_id": None, "plan": None, "summary": None,
           "warnings": ["deprecated\n+ create all  /"],
           "error": {"type": "validation", "message": "rejected x\n+ create evil  t/all"}}

    render_result(doc, stream)

    assert stream.getvalue().splitlines() == [
        "weird 1.0.0  apply  failed  (exit 3)",
        "warning: deprecated", "    + create all  /",
        "error (validation): rejected x", "    + create evil  t/all"]


def test_kind_counts() -> None:
    kinds = [{"kind": k} for k in ("delete", "create", "create", "run")]
    assert kind_counts(kinds) == "2 to create, 1 to delete, 1 to run"


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("tty", "env", "flag", "expected"), [
    pytest.param(True, {}, False, True, id="terminal"),
    pytest.param(False, {}, False, False, id="pipe"),
    pytest.param(True, {"NO_COLOR": "1"}, False, False, id="NO_COLOR"),
    pytest.param(True, {"NO_COLOR": ""}, False, True, id="empty-NO_COLOR-ignored"),
    pytest.param(True, {}, True, False, id="no-color-flag"),
    pytest.param(False, {"FORCE_COLOR": "1"}, False, True, id="FORCE_COLOR"),
    pytest.param(False, {"FORCE_COLOR": "0"}, False, False, id="FORCE_COLOR-0"),
    pytest.param(False, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False,
                 id="NO_COLOR-beats-FORCE_COLOR"),
    pytest.param(True, {"TERM": "dumb"}, False, False, id="dumb-terminal"),
    pytest.param(True, {"TERM": "dumb", "FORCE_COLOR": "1"}, False, True,
                 id="FORCE_COLOR-beats-dumb-terminal"),
])
def test_color_enabled(tty: bool, env: dict[str, str], flag: bool, expected: bool) -> None:
    stream = Tty() if tty else io.StringIO()
    assert color_enabled(stream, no_color=flag, env=env) is expected


@pytest.mark.parametrize(("setting", "yes", "effect", "dry_run", "stdin", "stderr", "expected"), [
    pytest.param("tty", False, "mutate", False, True, True, True, id="terminal-asks"),
    pytest.param("tty", True, "mutate", False, True, True, False, id="yes"),
    pytest.param("never", False, "mutate", False, True, True, False, id="confirm-never"),
    pytest.param("tty", False, "read", False, True, True, False, id="read-only-automation"),
    pytest.param("tty", False, "mutate", True, True, True, False, id="dry-run"),
    pytest.param("tty", False, "mutate", False, False, True, False, id="stdin-not-a-terminal"),
    pytest.param("tty", False, "mutate", False, True, False, False, id="stderr-not-a-terminal"),
])
def test_needs_confirmation(setting: str, yes: bool, effect: str, dry_run: bool, stdin: bool,
                            stderr: bool, expected: bool) -> None:
    assert needs_confirmation(setting=setting, yes=yes, effect=effect, dry_run=dry_run,
                              stdin_tty=stdin, stderr_tty=stderr) is expected


@pytest.mark.parametrize(("answer", "expected"), [
    pytest.param("yes\n", True, id="yes"), pytest.param("  yes ", True, id="spaces"),
    pytest.param("y", False, id="y"), pytest.param("YES", False, id="upper"),
    pytest.param("", False, id="empty"), pytest.param(None, False, id="end-of-input"),
])
def test_only_yes_approves(answer: str | None, expected: bool) -> None:
    assert approved(answer) is expected


PREVIEW: dict[str, Any] = {
    "automation": "rotate-keys", "contract_version": "1.0.0", "status": "changes_planned",
    "plan": {"fingerprint": "sha256:0123456789abcdef0123", "actions": [
        {"id": "key-api", "kind": "update", "target": "keys/api.key", "reason": "too old",
         "before": "120d old", "after": "fresh key", "status": "pending"}]},
    "policy": {"effect": "allow", "rule": "default"}, "warnings": [],
}


@pytest.mark.parametrize(("answer", "expected"), [
    pytest.param("yes\n", True, id="yes"), pytest.param("no\n", False, id="no"),
])
def test_the_prompt_shows_the_plan_then_asks(answer: str, expected: bool) -> None:
    stream = io.StringIO()
    assert confirm_plan(PREVIEW, stream=stream, read_line=lambda: answer) is expected
    shown = stream.getvalue()
    assert shown.startswith("rotate-keys 1.0.0 will make these changes (plan "
                            "sha256:0123456789ab):\n"
                            "~ update key-api  keys/api.key  (too old)\n"
                            "    ~ 120d old -> fresh key\n"
                            "plan: 1 to update\n"
                            "policy: allow (rule default)\n"
                            "Apply these changes? Only 'yes' applies: ")
    assert ("apply cancelled" in shown) is not expected


def test_the_prompt_of_a_resumed_run_counts_what_is_left() -> None:
    """(was: "plan: 2 to update" above "Apply these changes?" when one of the two had been
    applied before the run was interrupted)"""
    done = {**PREVIEW["plan"]["actions"][0], "id": "key-web", "status": "applied"}
    preview = {**PREVIEW, "plan": {**PREVIEW["plan"],
                                   "actions": [done, *PREVIEW["plan"]["actions"]]}}
    stream = io.StringIO()
    assert confirm_plan(preview, stream=stream, read_line=lambda: "no\n") is False
    assert "plan: 1 to update (1 already done)\n" in stream.getvalue()


def test_a_terminal_table_prints_cells_as_typed_not_as_rich_markup(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from opsctl.cli.render import table

    monkeypatch.setenv("NO_COLOR", "1")
    stream = Tty()

    table(["id", "error"], [["[b]run", "KeyError: '[/]' in [red]"]], stream, title="runs [i]")

    text = stream.getvalue()
    assert "[b]run" in text and "KeyError: '[/]' in [red]" in text and "runs [i]" in text


def test_a_piped_table_keeps_one_row_a_line_whatever_a_value_holds() -> None:
    from opsctl.cli.render import table

    stream = io.StringIO()

    table(["script", "tier"], [["nl\nname.sh", "shared"], ["tab\tname.sh", "private"]], stream)

    assert stream.getvalue().splitlines() == [
        "SCRIPT        TIER",
        "nl\\nname.sh   shared",
        "tab\\tname.sh  private",
    ]


class AsciiStream(io.TextIOWrapper):
    """Standard output under PYTHONIOENCODING=ascii, as opsctl's entry sets it up."""

    def __init__(self, tty: bool) -> None:
        super().__init__(io.BytesIO(), encoding="ascii", errors="backslashreplace")
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty

    def text(self) -> str:
        self.flush()
        return self.buffer.getvalue().decode("ascii")  # type: ignore[attr-defined]


@pytest.mark.parametrize(("tty", "expected"), [
    pytest.param(True, ["+--------------------------------+",
                        "| name    | summary      | owner |",
                        "|---------+--------------+-------|",
                        "| caf\\xe9 | \\u65e5\\u672c | me    |",
                        "| plain   | text         | ops   |",
                        "+--------------------------------+"], id="terminal"),
    pytest.param(False, ["NAME     SUMMARY       OWNER",
                         "caf\\xe9  \\u65e5\\u672c  me",
                         "plain    text          ops"], id="pipe"),
])
def test_a_table_stays_aligned_where_the_encoding_escapes_a_value(
        monkeypatch: pytest.MonkeyPatch, tty: bool, expected: list[str]) -> None:
    """A value the stream cannot encode is written as backslash escapes, longer than the
    value: columns are measured on what is written (was: borders and columns pushed right)."""
    from opsctl.cli.render import table

    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    stream = AsciiStream(tty)

    table(["name", "summary", "owner"], [["caf\u00e9", "\u65e5\u672c", "me"],
                                         ["plain", "text", "ops"]], stream)

    assert stream.text().splitlines() == expected


def test_a_piped_table_aligns_wide_characters_by_the_columns_they_take() -> None:
    from opsctl.cli.render import table

    stream = io.StringIO()

    table(["actor", "status"], [["日本語チーム", "succeeded"], ["root", "failed"],
                                ["cafe\u0301", "failed"]], stream)

    assert stream.getvalue().splitlines() == [
        "ACTOR         STATUS",
        "日本語チーム  succeeded",
        "root          failed",
        "cafe\u0301          failed",
    ]


def test_the_progress_bar_shows_an_action_id_as_typed() -> None:
    from opsctl.cli.render import ProgressReporter

    stream = Tty()
    progress = ProgressReporter(stream)
    progress.started -= ProgressReporter.DELAY_S
    progress(1, 3, "key[/]0")
    progress._progress.refresh()
    progress.close()

    assert "key[/]0" in stream.getvalue()
