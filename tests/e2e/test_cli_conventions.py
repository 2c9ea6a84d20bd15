"""Command-line conventions: -o, global options anywhere, colour switches, one error format,
completion, nothing asked without a terminal, library logs in the run's stream."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import OPSCTL, CLIResult, Project, clean_env, run_in_terminal, run_opsctl
from tests.e2e.test_cli_core import COUNTER, counts

LIBRARY_LOGGER = '''
import logging
from pydantic import BaseModel, Field
from opsctl import Action, Automation, Duration

class Request(BaseModel):
    max_age: Duration = Field(default="30d", description="Age")

chatty = Automation("chatty", version="1.0.0", owner="tests", summary="Logs through a library",
                    request=Request, effect="read")

@chatty.plan
def plan(ctx, req):
    logging.getLogger("urllib3.connectionpool").warning("retrying with token %s", "tok-canary-9")
    logging.getLogger("urllib3.connectionpool").debug("wire bytes")
    yield Action(id="r", kind="run", target="x", reason=f"older than {req.max_age}")

@chatty.apply
def apply(ctx, req, action):
    return None
'''


@pytest.fixture
def counter(project: Project) -> Project:
    project.add_module("counter_auto", COUNTER)
    return project


@pytest.mark.parametrize("args", [
    pytest.param(["-o", "json", "counter", "--environment", "staging", "--dry-run"],
                 id="before-the-subcommand"),
    pytest.param(["counter", "--environment", "staging", "--dry-run", "-o", "json"],
                 id="after-the-subcommand"),
    pytest.param(["plan", "counter", "--environment", "staging", "-ojson"], id="attached"),
    pytest.param(["plan", "-o", "json", "counter", "--environment", "staging"],
                 id="after-the-plan-verb"),
    pytest.param(["-v", "--no-color", "--log-format", "json", "--format", "json", "plan",
                  "counter", "--environment", "staging"], id="every-global-option-first"),
])
def test_format_is_o_and_global_options_go_anywhere(counter: Project, args: list[str]) -> None:
    r = counter.run(*args, expect_json=False)
    assert r.code == 10, r.stderr
    doc = json.loads(r.stdout)
    assert (doc["mode"], doc["status"]) == ("plan", "changes_planned")


@pytest.mark.parametrize("args", [
    pytest.param(["audit", "export", "-v", "-q", "--no-color", "--log-format", "json"],
                 id="audit-export"),
    pytest.param(["inventory", "scan", ".", "--no-git", "-v", "--no-color", "--config",
                  "opsctl.toml", "--log-format", "json"], id="inventory-scan"),
    pytest.param(["completion", "bash", "-v", "-q", "--no-color", "-o", "json"], id="completion"),
])
def test_global_options_go_after_the_commands_with_formats_of_their_own(
        counter: Project, args: list[str]) -> None:
    assert counter.run("counter", "--environment", "staging", "--yes").code == 0
    r = counter.run(*args, expect_json=False)
    assert r.code == 0, r.stderr


def test_the_global_json_format_makes_audit_export_one_document(counter: Project) -> None:
    assert counter.run("counter", "--environment", "staging", "--yes").code == 0
    r = counter.run("-o", "json", "audit", "export", expect_json=False)
    assert r.code == 0 and len(r.stdout.strip().splitlines()) == 1
    assert json.loads(r.stdout)["events"]
    lines = counter.run("audit", "export", expect_json=False).stdout.strip().splitlines()
    assert len(lines) > 1 and all(json.loads(line)["seq"] for line in lines)


def test_config_given_before_the_subcommand_is_used(counter: Project) -> None:
    (counter.root / "other.toml").write_text('automations = []\nformat = "json"\n')
    r = counter.run("--config", "other.toml", "list", expect_json=False)
    assert r.code == 0, r.stderr
    assert json.loads(r.stdout)["automations"] == []


def test_hints_repeat_the_config_they_were_given(counter: Project) -> None:
    """Run from another folder with --config, each command a hint spells works there too
    (was: the hint left out --config, and its command found no state store)."""
    elsewhere = counter.root / "elsewhere"
    elsewhere.mkdir()
    config = ("--config", str(counter.root / "opsctl.toml"))

    def run(*args: str) -> CLIResult:
        return run_opsctl(*args, cwd=elsewhere, env=counter.env())

    def follow(hint: str) -> CLIResult:
        words = shlex.split(hint)
        assert words[:3] == ["opsctl", *config], hint
        return run(*words[1:])

    planned = run(*config, "plan", "counter", "--environment", "staging", "--out", "plan.json")
    assert planned.code == 10, planned.stderr
    assert follow(planned.stdout.split("apply it with: ")[1].splitlines()[0]).code == 0
    partial = run(*config, "counter", "--environment", "prod", "--fail-on", "b")
    assert partial.code == 5, partial.stderr
    resumed = follow(partial.stderr.split("opsctl: hint: `")[1].split("`")[0])
    assert resumed.code == 5 and "resumed run" in resumed.stdout, resumed.stderr
    listed = run("runs", *config, "--limit", "1")
    assert listed.code == 0, listed.stderr
    older = follow(listed.stdout.split("older runs: ")[1].splitlines()[0])
    assert older.code == 0 and "run_" in older.stdout, older.stderr


def test_without_a_terminal_nothing_is_asked(counter: Project) -> None:
    r = counter.run("counter", "--environment", "staging", "--targets", "a", input="no\n")
    assert r.code == 0, r.stderr
    assert "Only 'yes' applies" not in r.stdout + r.stderr
    assert counts(counter) == {"a": 1}


@pytest.mark.parametrize(("args", "message", "hint", "mode"), [
    pytest.param(["counter", "--environment", "staging", "--nope"], "No such option '--nope'",
                 "see `opsctl counter --help`", "apply", id="unknown-option"),
    pytest.param(["counter", "--environment", "staging", "--dry-run", "--slow", "x"],
                 "Invalid value for '--slow'", "see `opsctl counter --help`", "plan",
                 id="bad-value-dry-run"),
    pytest.param(["plan", "counter"], "Missing option '--environment'",
                 "see `opsctl plan counter --help`", "plan", id="missing-required"),
    pytest.param(["reconcile", "counter", "--environment", "qa"], "Invalid value for",
                 "see `opsctl reconcile counter --help`", "reconcile", id="bad-choice-reconcile"),
    pytest.param(["runs", "--limit", "0"], "Invalid value for '--limit'",
                 "see `opsctl runs --help`", "apply", id="builtin-command"),
])
def test_usage_errors_are_one_line_with_a_hint(counter: Project, args: list[str], message: str,
                                               hint: str, mode: str) -> None:
    text = counter.run(*args)
    assert text.code == 2
    lines = text.stderr.strip().splitlines()
    assert lines[-2].startswith(f"opsctl: error: {message}")
    assert lines[-1] == f"opsctl: hint: {hint}"
    assert "Usage:" not in text.stderr and "Try '" not in text.stderr
    machine = counter.run(*args, "--format", "json")
    assert machine.code == 2
    assert (machine.doc["mode"], machine.doc["error"]["type"]) == (mode, "validation")
    assert machine.doc["error"]["message"].startswith(message)


@pytest.mark.parametrize("args", [["audit", "verify", "--since", "x"], ["runs", "--limit", "ten"]],
                         ids=["audit-since", "runs-limit"])
def test_a_number_option_given_no_number_says_it_takes_a_whole_number(
        counter: Project, args: list[str]) -> None:
    r = counter.run(*args)
    assert r.code == 2
    assert "is not a whole number" in r.stderr and "integer range" not in r.stderr, r.stderr


def test_a_verb_without_its_automation_shows_its_help_and_one_error(counter: Project) -> None:
    text = counter.run("plan")
    assert text.code == 2
    assert "Usage: opsctl plan" in text.stderr  # the help of what was called bare
    assert text.stderr.strip().splitlines()[-2] == "opsctl: error: give an automation NAME"
    machine = counter.run("-o", "json", "plan", expect_json=True)
    assert machine.code == 2 and machine.doc["mode"] == "plan"


@pytest.mark.parametrize(("args", "code"), [
    pytest.param(["--fail-on", "b", "--max-failures", "5"], 5, id="partial"),
    pytest.param(["--fail-on", "a"], 6, id="failed-auth"),
    pytest.param(["--bug-on", "a"], 1, id="automation-bug"),
])
def test_run_failures_get_the_one_error_line_too(counter: Project, args: list[str],
                                                code: int) -> None:
    """A run that fails prints its result (stdout) and the one `opsctl: error:` line every
    failure gets (stderr), in both formats; a partial one also says how to finish it."""
    for fmt in ("text", "json"):
        r = counter.run("counter", "--environment", "staging", *args, "--format", fmt,
                        expect_json=fmt == "json")
        assert r.code == code, r.stderr
        errors = [line for line in r.stderr.splitlines() if line.startswith("opsctl: error: ")]
        assert len(errors) == 1, r.stderr
        if fmt == "json":
            assert errors[0] == "opsctl: error: " + " ".join(r.doc["error"]["message"].split())
        if code == 5:
            assert "opsctl: hint: `opsctl resume run_" in r.stderr
        shutil.rmtree(counter.root / "state", ignore_errors=True)  # the same run again


def test_a_stderr_that_cannot_be_written_loses_lines_not_the_result(counter: Project) -> None:
    """Logs and the error line go to stderr; a full disk behind its redirect (/dev/full) must
    not turn a run into exit 1 without a result."""
    import subprocess

    from tests.conftest import OPSCTL

    for args, code in ((["counter", "--environment", "staging"], 0),
                       (["counter", "--environment", "prod", "--fail-on", "a"], 6),
                       (["counter", "--nope"], 2)):
        with open("/dev/full", "w") as full:
            proc = subprocess.run([OPSCTL, *args, "--format", "json"], cwd=counter.root,
                                  env=counter.env(), stdout=subprocess.PIPE, stderr=full,
                                  text=True, timeout=60, check=False)
        assert proc.returncode == code, (args, proc.stdout)
        doc = json.loads(proc.stdout)
        assert doc["exit_code"] == code
        if code == 0:
            assert any("log lines could not be written" in w for w in doc["warnings"])


def test_successful_and_planned_runs_print_no_error_line(counter: Project) -> None:
    planned = counter.run("counter", "--environment", "staging", "--dry-run")
    assert planned.code == 10 and "opsctl: error" not in planned.stderr
    applied = counter.run("counter", "--environment", "staging")
    assert applied.code == 0 and "opsctl: error" not in applied.stderr


@pytest.mark.parametrize("env", [
    pytest.param({"NO_COLOR": "1", "FORCE_COLOR": "1"}, id="NO_COLOR"),
    pytest.param({"FORCE_COLOR": "1", "--no-color": ""}, id="no-color-flag"),
])
def test_colour_can_be_switched_off(counter: Project, env: dict[str, str]) -> None:
    flag = ["--no-color"] if "--no-color" in env else []
    env = {k: v for k, v in env.items() if not k.startswith("--")}
    r = counter.run("counter", "--environment", "staging", "--dry-run", "--log-format", "console",
                    *flag, env=counter.env(env))
    assert r.code == 10
    assert "+ create t-a" in r.stdout
    assert "\x1b[" not in r.stdout + r.stderr


def test_force_color_colours_a_pipe(counter: Project) -> None:
    r = counter.run("counter", "--environment", "staging", "--dry-run", "--log-format", "console",
                    env=counter.env({"FORCE_COLOR": "1"}))
    assert r.code == 10
    assert "\x1b[32m+ create t-a" in r.stdout
    assert "\x1b[36minfo" in r.stderr


def test_tables_follow_the_colour_rule_in_a_pipe_and_on_a_terminal(counter: Project) -> None:
    assert counter.run("counter", "--environment", "staging", "--dry-run").code == 10
    forced = counter.run("runs", env=counter.env({"FORCE_COLOR": "1"}))
    assert forced.code == 0 and forced.stdout.startswith("\x1b[1mRUN")
    plain = counter.run("runs", env=counter.env({"FORCE_COLOR": "1", "NO_COLOR": "1"}))
    assert plain.code == 0 and "\x1b[" not in plain.stdout
    for flag, coloured in (([], True), (["--no-color"], False)):
        code, shown = run_in_terminal([*flag, "runs"], counter.root, extra_env=counter.extra_env)
        assert code == 0 and "counter" in shown
        assert ("\x1b[" in shown) is coloured, (flag, shown[:200])


def test_a_dumb_terminal_gets_no_colour_anywhere(counter: Project) -> None:
    """TERM=dumb (an editor's shell buffer): plan diffs and console logs are as plain as the
    tables (rich already drew those without colour; the diff and the logs had escapes)."""
    for args in (["counter", "--environment", "staging", "--dry-run"], ["runs"]):
        code, shown = run_in_terminal(args, counter.root,
                                      extra_env={**counter.extra_env, "TERM": "dumb"})
        assert code in (0, 10) and "counter" in shown, shown
        assert "\x1b[" not in shown, (args, shown[:200])


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts(counter: Project, shell: str) -> None:
    r = counter.run("completion", shell)
    assert r.code == 0
    assert "_OPSCTL_COMPLETE" in r.stdout


@pytest.mark.parametrize(("words", "cword", "expected"), [
    pytest.param("opsctl cou", "1", "plain,counter", id="automation-name"),
    pytest.param("opsctl plan counter --request ", "4", "file,", id="request-completes-paths"),
    pytest.param("opsctl apply --plan ", "3", "file,", id="plan-completes-paths"),
    pytest.param("opsctl describe cou", "2", "plain,counter", id="describe-names-automations"),
    pytest.param("opsctl schema ", "2", "plain,counter", id="schema-names-automations"),
    pytest.param("opsctl slo c", "2", "plain,counter", id="slo-names-automations"),
    pytest.param("opsctl slo rules c", "3", "plain,counter", id="slo-rules-names-automations"),
    pytest.param("opsctl runs --automation ", "3", "plain,counter", id="runs-automation"),
    pytest.param("opsctl schedule add nightly --automation c", "5", "plain,counter",
                 id="schedule-add-automation"),
    pytest.param("opsctl schedule add nightly --request ", "5", "file,",
                 id="schedule-request-completes-paths"),
])
def test_completion_answers(counter: Project, words: str, cword: str, expected: str) -> None:
    r = counter.run(env=counter.env({"_OPSCTL_COMPLETE": "bash_complete", "COMP_WORDS": words,
                                     "COMP_CWORD": cword}))
    assert r.code == 0, r.stderr
    assert expected in r.stdout.splitlines()


def test_library_logs_join_the_run_stream_masked(project: Project) -> None:
    project.add_module("chatty_auto", LIBRARY_LOGGER)
    project.write_config("[secrets]\ntoken = 'tok-canary-9'\n")
    r = project.run("chatty", "--format", "json")
    assert r.code == 0, r.stderr
    assert r.doc["plan"]["actions"][0]["reason"] == "older than 30d"
    library = [e for e in r.logs() if e.get("logger") == "urllib3.connectionpool"]
    assert [e["event"] for e in library] == ["retrying with token ***"]   # debug filtered
    assert library[0]["run_id"] == r.doc["run_id"] and library[0]["step"] == "plan"
    assert "tok-canary-9" not in r.stderr
    louder = project.run("chatty", "--format", "json",
                         env=project.env({"OPSCTL_LOG_LEVELS": "urllib3=debug"}))
    assert "wire bytes" in [e["event"] for e in louder.logs()]


def test_config_show_names_the_actor_runs_record(counter: Project) -> None:
    r = counter.run("config", "show", "--format", "json", expect_json=True,
                    env=counter.env({"OPSCTL_ACTOR": "carol"}))
    assert r.code == 0
    assert r.doc["actor"] == {"value": "carol", "layer": "env"}
    plain = counter.run("config", "show", "--format", "json", expect_json=True)
    assert plain.doc["actor"]["value"]
    assert plain.doc["actor"]["layer"] == "os user" or plain.doc["actor"]["layer"].startswith("ci:")


# -- an output that cannot be written -------------------------------------------------------------

def _describe_into(counter: Project, stdout: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([OPSCTL, "describe", "counter"], cwd=counter.root, env=counter.env(),
                          stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=60)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_output_device_is_a_clear_error_not_a_bug(counter: Project) -> None:
    with open("/dev/full", "w") as full:
        done = _describe_into(counter, full)
    assert done.returncode == 4, done.stderr
    assert done.stderr.strip().splitlines()[-1] == (
        "opsctl: error: cannot write the output to standard output: No space left on device "
        "(what ran is recorded: `opsctl runs`)")
    assert "internal error" not in done.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["counter", "--bogus"], ["show", "run_nope"],
                                  ["apply", "--plan", "nofile.json"]])
def test_a_full_output_device_under_json_errors_is_exit_4_not_a_traceback(
        counter: Project, args: list[str]) -> None:
    """A failure's result document (`-o json`) that stdout cannot take: the failure's line,
    then the output's, exit 4, as for any output."""
    with open("/dev/full", "w") as full:
        done = subprocess.run([OPSCTL, "-o", "json", *args], cwd=counter.root,
                              env=counter.env(), stdout=full, stderr=subprocess.PIPE, text=True,
                              timeout=60)
    assert done.returncode == 4, done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith(
        "opsctl: error: cannot write the output to standard output: No space left on device")


@pytest.mark.parametrize("closed", ["<&-", ">&-", "2>&-"])
def test_a_closed_standard_stream_reads_or_writes_nothing(counter: Project, closed: str) -> None:
    """`opsctl ... <&-` (a daemon's start, some schedulers): a closed stream is /dev/null, not
    an internal error after the apply changed its target."""
    import shlex

    done = subprocess.run(["bash", "-c", f"{shlex.quote(OPSCTL)} counter --environment staging --yes {closed}"],
                          cwd=counter.root, env=counter.env(), capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert "internal error" not in done.stdout + done.stderr


def test_a_reader_that_goes_away_ends_it_like_sigpipe(counter: Project) -> None:
    """`opsctl describe NAME | head -1`: exit 141, as a shell reports SIGPIPE, nothing on
    stderr (click's own handling ended it with exit 1)."""
    read, write = os.pipe()
    os.close(read)  # the reader is gone before a byte is written
    try:
        done = subprocess.run([OPSCTL, "describe", "counter"], cwd=counter.root,
                              env=counter.env(), stdout=write, stderr=subprocess.PIPE, text=True,
                              timeout=60)
    finally:
        os.close(write)
    assert done.returncode == 141, done.stderr
    assert done.stderr == ""


CHATTY_APPLY = '''
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    n: int = 2

chatty = Automation("chatty", version="1.0.0", owner="docs", summary="Prints while applying",
                    request=Request)

@chatty.plan
def plan(ctx, req):
    for i in range(req.n):
        yield Action(id=f"a{i}", kind="run", target="t", reason="x")

@chatty.apply
def apply(ctx, req, action):
    print("applying", action.id, flush=True)
    for i in range(20000):
        print("line", i)
'''


def test_a_reader_gone_while_the_automation_prints_still_records_the_whole_run(
        project: Project) -> None:
    """`opsctl NAME | head -1` while apply() prints: the run goes on to its end, recorded as it
    went, and opsctl ends quietly with 141: the broken pipe does not fail the action that printed."""
    project.add_module("chatty_auto", CHATTY_APPLY)
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run([OPSCTL, "chatty", "--yes"], cwd=project.root, env=project.env(),
                              stdout=write, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write)
    assert done.returncode == 141, done.stderr
    assert "opsctl: error" not in done.stderr
    run = project.run("runs", "--format", "json", expect_json=True).doc["runs"][0]
    assert (run["status"], run["exit_code"]) == ("succeeded", 0)


def test_a_log_reader_gone_under_json_keeps_the_documented_exit_code(project: Project) -> None:
    """`opsctl NAME --format json 2> >(a log shipper that went away)`: what the automation
    prints goes to stderr and is lost; the document on stdout is whole and the exit code is
    the run's (was: 141, as if the document's reader had gone away)."""
    project.add_module("chatty_auto", CHATTY_APPLY)
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run([OPSCTL, "chatty", "--yes", "--format", "json"], cwd=project.root,
                              env=project.env(), stdout=subprocess.PIPE, stderr=write, text=True,
                              timeout=120)
    finally:
        os.close(write)
    assert done.returncode == 0
    doc = json.loads(done.stdout)
    assert (doc["status"], doc["exit_code"]) == ("succeeded", 0)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_output_device_while_the_automation_prints_still_records_the_whole_run(
        project: Project) -> None:
    """`opsctl NAME > /dev/full` while apply() prints: the lines are lost, not the action; the
    run ends as it would have, and opsctl says once that the output could not be written."""
    project.add_module("chatty_auto", CHATTY_APPLY)
    with open("/dev/full", "w") as full:
        done = subprocess.run([OPSCTL, "chatty", "--yes"], cwd=project.root, env=project.env(),
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 4, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("opsctl: error")]
    assert errors == ["opsctl: error: cannot write the output to standard output: No space left "
                      "on device (what ran is recorded: `opsctl runs`)"]
    run = project.run("runs", "--format", "json", expect_json=True).doc["runs"][0]
    assert (run["status"], run["exit_code"]) == ("succeeded", 0)


ECHO = '''
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    name: str

echo = Automation("echo", version="1.0.0", owner="o", summary="Names a target",
                  request=Request)

@echo.plan
def plan(ctx, req):
    yield Action(id="one", kind="run", target=req.name, reason="asked")

@echo.apply
def apply(ctx, req, action):
    pass
'''


def test_recorded_text_reaches_a_terminal_as_data_not_escape_sequences(
        project: Project) -> None:
    """A target holding an escape sequence (a request is anyone's text) is shown escaped by the
    run's own output, `show` and `show --follow`, never as a command to the terminal."""
    project.add_module("echo_auto", ECHO)
    sneaky = "web\x1b[31mRED\x1b]0;title\x07"
    applied = project.run("echo", "--name", sneaky)
    assert applied.code == 0, applied.stderr
    run_id = project.run("runs", "--format", "json", expect_json=True).doc["runs"][0]["id"]
    for out in (applied.stdout, project.run("show", run_id).stdout,
                project.run("show", run_id, "--follow").stdout):
        assert "\x1b" not in out and "\x07" not in out
        assert "web\\x1b[31mRED" in out


def test_bidirectional_controls_in_recorded_text_are_shown_as_escapes(project: Project) -> None:
    """A right-to-left override shows ``\\u202egnp.exe`` to the terminal as ``exe.png``: in
    the run's output, `show` and `runs`, it is shown as the escape it is (was: sent as is)."""
    project.add_module("echo_auto", ECHO)
    disguised = "invoice-\u202egnp.exe"
    applied = project.run("echo", "--name", disguised)
    assert applied.code == 0, applied.stderr
    run_id = project.run("runs", "--format", "json", expect_json=True).doc["runs"][0]["id"]
    for out in (applied.stdout, project.run("show", run_id).stdout,
                project.run("show", run_id, "--follow").stdout):
        assert "\u202e" not in out
        assert "invoice-\\u202egnp.exe" in out
    as_json = project.run("show", run_id, "--format", "json", expect_json=True)
    assert as_json.doc["request"]["name"] == disguised  # the data itself is kept as given


def test_describe_shows_escape_sequences_of_a_summary_as_text(project: Project) -> None:
    """A summary carried over from a legacy script's comment is text: `describe` shows its
    escape sequences as `list` does (was: sent to the terminal, which set its title)."""
    project.add_module("echo_auto", ECHO.replace('summary="Names a target"',
                                                 'summary="Names\\x1b]0;pwned\\x07 a target"'))
    described = project.run("describe", "echo")
    assert described.code == 0, described.stderr
    assert "\x1b" not in described.stdout and "\x07" not in described.stdout
    assert "Names\\x1b]0;pwned\\x07 a target" in described.stdout


@pytest.mark.parametrize("args", [("--help",), ("echo", "--help"), ("plan", "--help")],
                         ids=["help", "automation-help", "plan-help"])
def test_help_shows_escape_sequences_of_a_summary_as_text(
        project: Project, args: tuple[str, ...]) -> None:
    project.add_module("echo_auto", ECHO.replace('summary="Names a target"',
                                                 'summary="Names\\x1b]0;pwned\\x07 a target"'))
    helped = project.run(*args)
    assert helped.code == 0, helped.stderr
    assert "\x1b" not in helped.stdout and "\x07" not in helped.stdout
    assert "Names\\x1b]0;pwned\\x07 a target" in helped.stdout


@pytest.mark.parametrize("args", [("echo", "--help"), ("plan", "echo", "--help"),
                                  ("apply", "echo", "--help")],
                         ids=["automation-help", "plan-help", "apply-help"])
def test_help_shows_escape_sequences_of_the_owner_as_text(
        project: Project, args: tuple[str, ...]) -> None:
    project.add_module("echo_auto", ECHO.replace('owner="o"', 'owner="o\\x1b]0;pwned\\x07"'))
    helped = project.run(*args)
    assert helped.code == 0, helped.stderr
    assert "\x1b" not in helped.stdout and "\x07" not in helped.stdout
    assert "owner o\\x1b]0;pwned\\x07," in helped.stdout


@pytest.mark.parametrize("args", [
    ("config", "-o", "json", "show"), ("token", "-o", "json", "list"),
    ("audit", "-o", "json", "verify"), ("audit", "-o", "json", "export"),
    ("schedule", "-o", "json", "list"),
    ("contract", "-o", "json", "check"), ("inventory", "-o", "json", "scan", "."),
    ("locks", "-o", "json"),
    ("policy", "-o", "json", "check", "counter", "--environment", "staging"),
    ("policy", "check", "-o", "json", "counter", "--environment", "staging"),
], ids=lambda a: " ".join(a[:2]))
def test_global_options_also_go_between_a_group_and_its_subcommand(
        counter: Project, args: tuple[str, ...]) -> None:
    """"Global options go before or after the subcommand": also after a group's name."""
    if args[0] == "contract":
        assert counter.run("contract", "lock").code == 0
    done = counter.run(*args, expect_json=True)
    assert done.code == 0, done.stderr
    assert isinstance(json.loads(done.stdout), dict | list)


def test_config_given_between_audit_and_export_is_the_store_exported(
        counter: Project, tmp_path: Path) -> None:
    """`opsctl audit --config FILE export` exports FILE's store, not the one found upwards."""
    other = Project(tmp_path / "other")
    other.root.mkdir()
    other.add_module("counter_auto", COUNTER)
    assert other.run("counter", "--environment", "staging", "--yes").code == 0
    config = str(other.root / "opsctl.toml")
    assert counter.run("audit", "export").stdout == ""  # nothing recorded here
    mine = other.run("audit", "export").stdout
    assert mine and counter.run("audit", "--config", config, "export").stdout == mine
    assert counter.run("--config", config, "audit", "export").stdout == mine


NOISY = '''
import subprocess
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    n: int = 1

noisy = Automation("noisy", version="1.0.0", owner="docs", summary="Prints", request=Request)

@noisy.plan
def plan(ctx, req):
    print("print from plan")
    yield Action(id="a", kind="run", target="t", reason="x")

@noisy.apply
def apply(ctx, req, action):
    print("print from apply")
    subprocess.run(["echo", "a program it starts"], check=True)
'''


def test_what_an_automation_prints_never_breaks_the_one_json_document(project: Project) -> None:
    """print() and the programs an automation starts write to stderr under --format json and
    `plan --out -`: stdout holds the document (and the pipe into `apply --plan -` works)."""
    project.add_module("noisy_auto", NOISY)
    r = project.run("noisy", "--yes", "--format", "json")
    assert r.code == 0, r.stderr
    assert r.doc["status"] == "succeeded"
    assert "print from plan" in r.stderr and "a program it starts" in r.stderr
    text = project.run("noisy", "--yes")
    assert "print from apply" in text.stdout  # text mode: left as it is
    piped = subprocess.run(f"{OPSCTL} plan noisy --out - | {OPSCTL} apply --plan - --format json",
                           shell=True, cwd=project.root, env=project.env(), capture_output=True,
                           text=True, timeout=120)
    assert piped.returncode == 0, piped.stderr
    assert json.loads(piped.stdout)["status"] == "succeeded"


SECRET_PRINTER = '''
import sys
from pydantic import BaseModel
from opsctl import Action, Automation, Secret

class Request(BaseModel):
    token: Secret

printer = Automation("printer", version="1.0.0", owner="docs", summary="Prints its secret",
                     request=Request)

@printer.plan
def plan(ctx, req):
    print("print from plan", req.token.get_secret_value())
    sys.stderr.write(f"stderr from plan {req.token.get_secret_value()}\\n")
    yield Action(id="a", kind="run", target="t", reason="x")

@printer.apply
def apply(ctx, req, action):
    return None
'''


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_policy_check_keeps_what_the_plan_prints_off_the_document_and_masked(
        project: Project, fmt: str) -> None:
    """`policy check` runs the automation's plan: under --format json its print() goes to
    stderr, and in every format what it prints has the request's secrets masked."""
    project.add_module("printer_auto", SECRET_PRINTER)
    env = {**project.env(), "OPSCTL_SECRET_TOKEN": "tok-canary-policy-7"}
    r = project.run("policy", "check", "printer", "--format", fmt, env=env)
    assert r.code == 0, r.stderr
    if fmt == "json":
        assert json.loads(r.stdout)["automation"] == "printer"
        assert "print from plan ***" in r.stderr
    else:
        assert "print from plan ***" in r.stdout
    assert "stderr from plan ***" in r.stderr
    assert "tok-canary-policy-7" not in r.stdout + r.stderr


BYTES_PRINTER = '''
import sys
from pydantic import BaseModel
from opsctl import Action, Automation, Secret

class Request(BaseModel):
    token: Secret

printer = Automation("bytes-printer", version="1.0.0", owner="docs", summary="Prints bytes",
                     request=Request)

@printer.plan
def plan(ctx, req):
    sys.stdout.buffer.write(b"bytes from plan " + req.token.get_secret_value().encode() + b"\\n")
    sys.stdout.flush()
    yield Action(id="a", kind="run", target="t", reason="x")

@printer.apply
def apply(ctx, req, action):
    return None
'''


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_what_the_automation_writes_to_sys_stdout_buffer_is_masked_too(
        project: Project, fmt: str) -> None:
    project.add_module("bytes_printer_auto", BYTES_PRINTER)
    env = {**project.env(), "OPSCTL_SECRET_TOKEN": "tok-canary-bytes-3"}
    r = project.run("bytes-printer", "--dry-run", "--format", fmt, env=env)
    assert r.code == 10, r.stderr
    assert "bytes from plan ***" in (r.stderr if fmt == "json" else r.stdout)
    assert "tok-canary-bytes-3" not in r.stdout + r.stderr


def test_a_failures_document_follows_the_format_as_resolved(counter: Project) -> None:
    """`format = "json"` in opsctl.toml gives a usage error its document too; `-o text` over
    OPSCTL_FORMAT=json gives it none (a flag over the environment over the files)."""
    counter.write_config(counter.extra_config + '\nformat = "json"\n')
    from_file = counter.run("counter", "--bogus", expect_json=False)
    assert from_file.code == 2 and json.loads(from_file.stdout)["error"]["type"] == "validation"
    counter.write_config(counter.extra_config.replace('\nformat = "json"\n', ""))
    flag_over_env = counter.run("-o", "text", "counter", "--bogus",
                                env=counter.env({"OPSCTL_FORMAT": "json"}), expect_json=False)
    assert flag_over_env.code == 2 and flag_over_env.stdout == ""


def test_a_table_on_an_ascii_terminal_prints(counter: Project) -> None:
    """`opsctl runs` on a terminal whose encoding is ASCII: ASCII borders, long cells folded
    (rich's "…" was an internal error)."""
    assert counter.run("counter", "--environment", "staging", "--yes").code == 0
    code, screen = run_in_terminal(["runs", "--limit", "1"], counter.root,
                                   extra_env={"PYTHONIOENCODING": "ascii", "COLUMNS": "200"})
    assert code == 0, screen
    assert "internal error" not in screen and "+---" in screen


@pytest.mark.parametrize("columns", ["20", "80"])
def test_a_table_wider_than_the_terminal_keeps_every_value_whole(counter: Project,
                                                                 columns: str) -> None:
    """`opsctl runs` on an 80-column terminal: the run id is there to be copied into `opsctl
    show` (rich cut it to "run_01M97G…"; at 20 columns every cell was empty)."""
    assert counter.run("counter", "--environment", "staging", "--yes").code == 0
    run_id = counter.run("runs", "--format", "json").doc["runs"][0]["id"]
    code, screen = run_in_terminal(["runs", "--limit", "1"], counter.root,
                                   extra_env={"COLUMNS": columns, "NO_COLOR": "1"})
    assert code == 0, screen
    assert run_id in screen and "…" not in screen


@pytest.mark.parametrize("args", [
    pytest.param("list", id="list"),
    pytest.param("runs", id="runs"),
    pytest.param("new disk-clean", id="new"),
])
def test_a_working_directory_removed_under_the_shell_is_exit_2(tmp_path: Path,
                                                               args: str) -> None:
    """A build agent wiped the workspace the shell was in: one error line, exit 2 (was exit 1,
    an internal error: FileNotFoundError from getcwd)."""
    gone = tmp_path / "workspace"
    gone.mkdir()
    env = clean_env(tmp_path / "home")
    proc = subprocess.run(f"cd {gone} && rmdir {gone} && exec {OPSCTL} {args}", shell=True,
                          executable="/bin/bash", env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "opsctl: error: the working directory no longer exists" in proc.stderr
    assert "internal error" not in proc.stderr


def test_a_command_run_outside_the_project_says_no_opsctl_toml_was_found(tmp_path: Path) -> None:
    # as cron runs a job: in the home directory, a bare environment, no terminal
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C",
           **({"PYTHONPATH": os.environ["PYTHONPATH"]} if "PYTHONPATH" in os.environ else {})}
    proc = subprocess.run([OPSCTL, "cleanup-files", "--root", "data"], cwd=home, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert f"there is no opsctl.toml in {home} or above it" in proc.stderr
    assert "--config FILE" in proc.stderr
    assert proc.stderr.count("opsctl: error:") == 1
    project = tmp_path / "project"
    project.mkdir()
    (project / "opsctl.toml").write_text("automations = []\n")
    inside = subprocess.run([OPSCTL, "cleanup-files"], cwd=project, env=env,
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert inside.returncode == 2 and "opsctl.toml" not in inside.stderr


@pytest.mark.parametrize("args", [["runs"], ["show", "run_01ABCDEF"], ["locks"],
                                  ["audit", "verify"], ["audit", "export"]])
def test_reading_history_outside_any_project_makes_no_store(tmp_path: Path, args: list[str]) -> None:
    """In the home directory (as cron starts a job), with no opsctl.toml above and no store:
    exit 2 saying where opsctl looked, not "no runs recorded" from an empty store it made."""
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C",
           **({"PYTHONPATH": os.environ["PYTHONPATH"]} if "PYTHONPATH" in os.environ else {})}
    proc = subprocess.run([OPSCTL, *args], cwd=home, env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == (
        f"opsctl: error: no state store here: there is no opsctl.toml in {home} or above it, and "
        f"no {home}/.opsctl/state.db: run opsctl in the project's directory (cron starts jobs in "
        "the home directory: cd first), pass --config FILE, or set OPSCTL_STORE_URL")
    assert not (home / ".opsctl").exists()
    elsewhere = subprocess.run([OPSCTL, *args[:1]], cwd=home, stdin=subprocess.DEVNULL,
                               env={**env, "OPSCTL_STATE_DIR": str(tmp_path / "state")},
                               capture_output=True, text=True, timeout=60)
    assert elsewhere.returncode in (0, 2) and "no state store here" not in elsewhere.stderr


UNICODE_NAMES = '''
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    bucket: str = "café-☃"

uni = Automation("uni", version="1.0.0", owner="tests", summary="Cleans café ☃ buckets",
                 request=Request)

@uni.plan
def plan(ctx, req):
    yield Action(id="a1", kind="run", target=req.bucket, reason="tidy ☃")

@uni.apply
def apply(ctx, req, action):
    return None
'''


def test_text_the_terminal_cannot_encode_is_escaped_not_a_crash(project: Project) -> None:
    """A terminal or redirect in ASCII or Latin-1 gets ``\\u2603`` for what it cannot hold; the
    run it reports is recorded either way, and the exit code is the run's."""
    project.add_module("uni_names", UNICODE_NAMES)
    env = project.env({"PYTHONIOENCODING": "ascii"})
    planned = project.run("uni", "--dry-run", env=env)
    assert planned.code == 10, planned.stderr
    assert "\\u2603" in planned.stdout and "internal error" not in planned.stderr
    listed = project.run("list", env=env)
    assert listed.code == 0, listed.stderr
    assert "Cleans caf\\xe9 \\u2603 buckets" in listed.stdout
    applied = project.run("uni", env=env)
    assert applied.code == 0, applied.stderr
    assert "internal error" not in applied.stderr
    latin = subprocess.run([OPSCTL, "list"], cwd=project.root, capture_output=True, timeout=60,
                           env=project.env({"PYTHONIOENCODING": "latin-1"}))
    assert latin.returncode == 0, latin.stderr
    assert "Cleans caf\xe9 \\u2603 buckets".encode("latin-1") in latin.stdout


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize("args", [
    pytest.param(("uni", "--dry-run", "--format", "json"), id="result"),
    pytest.param(("describe", "uni", "--format", "json"), id="describe"),
    pytest.param(("plan", "uni", "--out", "-"), id="plan-out"),
    pytest.param(("audit", "export"), id="audit-export"),
    pytest.param(("audit", "export", "--format", "json"), id="audit-export-json"),
    pytest.param(("show", "RUN", "--format", "json"), id="show"),
])
def test_json_on_stdout_is_utf8_whatever_the_encoding_of_the_locale(
        project: Project, encoding: str, args: tuple[str, ...]) -> None:
    """JSON between programs is UTF-8 (RFC 8259): under an ASCII or Latin-1 locale, stdout
    still gets JSON a parser reads (was: ``\\xe9``, no JSON escape, or a Latin-1 byte)."""
    project.add_module("uni_names", UNICODE_NAMES)
    planned = project.run("uni", "--dry-run", "--format", "json", expect_json=True)
    args = tuple(planned.doc["run_id"] if a == "RUN" else a for a in args)
    done = subprocess.run([OPSCTL, *args], cwd=project.root, capture_output=True, timeout=60,
                          env=project.env({"PYTHONIOENCODING": encoding}))
    assert done.returncode in (0, 10), done.stderr
    text = done.stdout.decode("utf-8")
    documents = [json.loads(line) for line in text.splitlines()] if args == ("audit", "export") \
        else [json.loads(text)]
    assert "café-☃" in json.dumps(documents, ensure_ascii=False)
