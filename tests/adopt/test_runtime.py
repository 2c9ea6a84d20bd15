"""The runtime of wrapped scripts (opsctl.adopt.runtime), on real scripts run as subprocesses."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field

from opsctl import Action, Automation, Context
from opsctl.adopt.runtime import Arg, WrappedScript, exit_outcome, run_script
from opsctl.errors import UsageError
from opsctl.testing import OpsctlHarness, assert_exit

ECHO_ARGV = "import json, sys\nprint(json.dumps(sys.argv[1:]))\n"


class Req(BaseModel):
    model_config = ConfigDict(extra="forbid")

    command: Literal["sync", "prune", "db purge"] = "sync"
    days: int = Field(default=7)
    force: bool = False
    keep: bool = True
    tag: list[str] = Field(default_factory=list)
    name: str | None = None
    paths: list[str] = Field(default_factory=list)
    older: int | None = None
    extra: list[str] = Field(default_factory=list)


WRAPPED = WrappedScript(
    script="tool.py", module_file=__file__, language="python",
    args=(Arg("days", "--days", default=7, joined=True),
          Arg("force", "-f", kind="switch", default=False),
          Arg("keep", "--no-keep", kind="switch", default=True),
          Arg("tag", "--tag", kind="list"),
          Arg("name", "-n"),
          Arg("older", "--older", subcommand="prune", required=False),
          Arg("paths", kind="positional")),
    command_field="command", passthrough="extra")


@pytest.mark.parametrize(("request_", "argv"), [
    ({}, ["sync"]),
    ({"days": 7}, ["sync"]),
    ({"days": 3}, ["--days=3", "sync"]),
    ({"force": True}, ["-f", "sync"]),
    ({"keep": False}, ["--no-keep", "sync"]),
    ({"tag": ["a", "b"]}, ["--tag", "a", "--tag", "b", "sync"]),
    ({"name": "x y; rm -rf /"}, ["-n", "x y; rm -rf /", "sync"]),
    ({"paths": ["b", "a"]}, ["sync", "b", "a"]),
    ({"paths": ["-rf"]}, ["sync", "--", "-rf"]),
    ({"command": "prune", "older": 3}, ["prune", "--older", "3"]),
    ({"extra": ["--raw", "1"], "paths": ["p"]}, ["sync", "--raw", "1", "p"]),
    ({"command": "db purge", "paths": ["30"]}, ["db", "purge", "30"]),
], ids=["defaults", "the-scripts-default-is-left-out", "joined-long-option", "boolean-is-bare",
        "store-false-switch", "list-repeats-the-flag", "value-is-one-word",
        "positionals-in-order", "dash-value-after-double-dash", "subcommand-then-its-options",
        "passthrough-before-positionals", "a-nested-subcommand-is-its-words"])
def test_arguments_from_a_request(request_: dict[str, Any], argv: list[str]) -> None:
    assert WRAPPED.arguments(Req(**request_)) == argv


@pytest.mark.parametrize(("wrapped", "request_", "message"), [
    (WRAPPED, {"older": 3}, "option of the 'prune' command"),
    (WrappedScript("t.sh", __file__, "shell", args=(Arg("paths", kind="positional"),),
                   double_dash=False), {"paths": ["-x"]}, "cannot tell it from an option"),
    (WRAPPED, {"name": "a\x00b"}, "name holds a NUL character"),
    (WRAPPED, {"tag": ["ok", "\x00"]}, "tag holds a NUL character"),
    (WRAPPED, {"paths": ["p\x00"]}, "paths holds a NUL character"),
    (WRAPPED, {"extra": ["--raw", "\x00"]}, "extra holds a NUL character"),
], ids=["option-of-another-subcommand", "dash-value-without-double-dash", "nul-in-an-option",
        "nul-in-a-list", "nul-in-a-positional", "nul-in-the-passthrough"])
def test_arguments_refused(wrapped: WrappedScript, request_: dict[str, Any],
                           message: str) -> None:
    with pytest.raises(UsageError, match=message):
        wrapped.arguments(Req(**request_))


@pytest.mark.parametrize(("code", "mapping", "outcome"), [
    (0, {}, "ok"), (1, {}, "failed"), (75, {75: "retry"}, "retry"), (0, {0: "failed"}, "failed"),
    (3, {3: "ok"}, "ok"),
], ids=["zero-ok", "nonzero-failed", "declared-retry", "declared-zero-failed", "declared-ok"])
def test_exit_code_mapping(code: int, mapping: dict[int, Any], outcome: str) -> None:
    assert exit_outcome(code, mapping) == outcome


def test_arguments_reach_the_script_as_one_argv_never_through_a_shell(tmp_path: Path) -> None:
    script = tmp_path / "echo.py"
    script.write_text(ECHO_ARGV)
    words = ["a b", "$(touch pwned)", "; rm -rf /", "`id`", "*"]

    done = run_script([sys.executable, str(script), *words], cwd=tmp_path, env=os.environ,
                      timeout=30)

    assert done.exit_code == 0
    assert json.loads(done.stdout_tail[0]) == words
    assert not (tmp_path / "pwned").exists()


def test_a_timeout_kills_the_whole_process_group_fast(tmp_path: Path) -> None:
    script = tmp_path / "slow.sh"
    script.write_text('sleep 30 &\necho $! > child.pid\nsleep 30\n')
    began = time.monotonic()

    # 5 s: time for bash to start its child and write its pid on a loaded machine (with 1 s,
    # the kill could come before child.pid was written)
    done = run_script(["bash", str(script)], cwd=tmp_path, env=os.environ, timeout=5)

    assert done.timed_out and done.exit_code is None
    assert time.monotonic() - began < 20  # not the 30 s of the sleeps
    child = int((tmp_path / "child.pid").read_text())
    assert not alive(child)


def alive(pid: int) -> bool:
    """Running, not a zombie waiting for a parent (or init) to reap it."""
    for _ in range(50):
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return False
        if state == "Z":
            return False
        time.sleep(0.1)
    return True


def test_output_lines_are_masked_before_anyone_sees_them(tmp_path: Path) -> None:
    script = tmp_path / "leak.sh"
    script.write_text('echo "token is $TOKEN"\necho "again $TOKEN" >&2\n')
    seen: list[tuple[str, str]] = []

    done = run_script(["bash", str(script)], cwd=tmp_path, env={**os.environ, "TOKEN": "s3cr3t-v"},
                      timeout=30, secrets=["s3cr3t-v"], on_line=lambda s, ln: seen.append((s, ln)))

    assert sorted(seen) == [("stderr", "again ***"), ("stdout", "token is ***")]
    assert done.stdout_tail == ["token is ***"] and done.stderr_tail == ["again ***"]


def test_a_secret_across_the_cut_of_a_long_line_is_masked_not_cut(tmp_path: Path) -> None:
    """A line longer than MAX_LINE_CHARS is cut after masking: a secret that straddles the cut
    leaves none of its characters."""
    from opsctl.adopt.runtime import MAX_LINE_CHARS

    script = tmp_path / "long.sh"
    script.write_text(f'printf "%0{MAX_LINE_CHARS - 10}d%s\\n" 0 "$TOKEN"\n')
    seen: list[str] = []

    done = run_script(["bash", str(script)], cwd=tmp_path,
                      env={**os.environ, "TOKEN": "RegT0kenSecretZ"}, timeout=30,
                      secrets=["RegT0kenSecretZ"], on_line=lambda s, ln: seen.append(ln))

    assert seen == ["0" * (MAX_LINE_CHARS - 10) + "***"]
    assert done.stdout_tail == seen and "RegT0" not in seen[0]


# -- through the engine: a real automation around a real script --------------------------------
class ToolRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    mode: str = Field(default="ok", description="what the script does")


SCRIPT_TEXT = """#!/bin/bash
# -n: dry run, changes nothing
DRY=0
if [ "$1" = "-n" ]; then DRY=1; shift; fi
echo "token=$API_TOKEN mode=$1"
case "$1" in
  ok) [ $DRY = 1 ] && echo "would write out.txt" || echo done > out.txt ;;
  fail) echo "first" >&2; echo "it broke: $API_TOKEN" >&2; exit 3 ;;
  busy) exit 75 ;;
  sleep) sleep 30 ;;
  killed) echo "out of memory" >&2; kill -9 $$ ;;
  selfedit) [ $DRY = 1 ] && echo "# edited by its dry run" >> "$0" || echo done > out.txt ;;
esac
"""


def make_automation(script: Path, *, dry_run_flag: str | None, name: str) -> Automation[Any]:
    wrapped = WrappedScript(
        script=script.name, module_file=str(script), language="shell",
        args=(Arg("mode", kind="positional"),), dry_run_flag=dry_run_flag,
        secrets={"api_token": "API_TOKEN"}, required_secrets=("api_token",),
        exit_codes={0: "ok", 75: "retry"}, timeout=30)
    automation = Automation(name, version="1.0.0", owner="t", summary="a wrapped script",
                            request=ToolRequest, effect="mutate",
                            retry={"attempts": 2, "base": "1s", "cap": "1s"})

    @automation.plan
    def plan(ctx: Context, req: ToolRequest) -> Iterator[Action]:
        return wrapped.plan(ctx, req)

    @automation.apply
    def apply(ctx: Context, req: ToolRequest, action: Action) -> None:
        wrapped.apply(ctx, req, action)

    return automation


SECRET = "tok-9f8e7d6c"


@pytest.fixture
def tool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    script = tmp_path / "scripts" / "tool.sh"
    script.parent.mkdir()
    script.write_text(SCRIPT_TEXT)
    monkeypatch.chdir(script.parent)  # the script runs in the current directory
    return script


@pytest.fixture
def harness(tmp_path: Path) -> Iterator[OpsctlHarness]:
    with OpsctlHarness(tmp_path / "h", secrets={"api_token": SECRET}) as h:
        yield h


def test_apply_runs_the_script_in_its_folder_and_logs_its_output(
        harness: OpsctlHarness, tool: Path) -> None:
    automation = harness.register(make_automation(tool, dry_run_flag=None, name="tool-ok"))

    result = harness.apply(automation, mode="ok")

    assert_exit(result, 0)
    assert (tool.parent / "out.txt").read_text() == "done\n"
    lines = [e["line"] for e in result.events if e["event"] == "script.output"]
    assert lines == ["token=*** mode=ok"]
    assert [e["exit_code"] for e in result.events if e["event"] == "script.exited"] == [0]


def test_a_request_value_holding_a_nul_is_invalid_input_and_the_script_never_runs(
        harness: OpsctlHarness, tool: Path) -> None:
    automation = harness.register(make_automation(tool, dry_run_flag=None, name="tool-nul"))

    result = harness.apply(automation, mode="o\x00k")

    assert_exit(result, 2)
    assert result.doc["error"]["type"] == "validation"
    assert "mode holds a NUL character" in result.doc["error"]["message"]
    assert not (tool.parent / "out.txt").exists()


def test_a_script_killed_by_a_signal_fails_the_action_naming_the_signal(
        harness: OpsctlHarness, tool: Path) -> None:
    automation = harness.register(make_automation(tool, dry_run_flag=None, name="tool-killed"))

    result = harness.apply(automation, mode="killed")

    assert_exit(result, 5)
    assert "was killed by SIGKILL (signal 9); last lines of output: out of memory" in (
        result.action("run")["error"])


def test_a_failing_exit_code_fails_the_action_naming_the_code_and_stderr(
        harness: OpsctlHarness, tool: Path) -> None:
    automation = harness.register(make_automation(tool, dry_run_flag=None, name="tool-fail"))

    result = harness.apply(automation, mode="fail")

    assert_exit(result, 5)
    assert result.action("run")["status"] == "failed"
    assert result.action("run")["attempts"] == 1  # not retried
    error = result.action("run")["error"]
    assert "exited with code 3" in error and "first | it broke: ***" in error
    everything = json.dumps(result.doc) + json.dumps(result.events, default=str)
    assert SECRET not in everything


def test_a_code_declared_transient_is_retried_then_fails(harness: OpsctlHarness,
                                                         tool: Path) -> None:
    automation = harness.register(make_automation(tool, dry_run_flag=None, name="tool-busy"))

    result = harness.apply(automation, mode="busy")

    assert result.exit_code == 4
    assert result.action("run")["attempts"] == 2


def test_a_dry_run_flag_runs_the_scripts_dry_run_while_planning(harness: OpsctlHarness,
                                                                tool: Path) -> None:
    automation = harness.register(make_automation(tool, dry_run_flag="-n", name="tool-dry"))

    result = harness.dry_run(automation, mode="ok")

    assert_exit(result, 10)
    after = result.action("run")["after"]
    assert after["command"] == f"bash {tool} ok"
    assert after["dry_run"] == "token=*** mode=ok\nwould write out.txt"
    assert not (tool.parent / "out.txt").exists()


def test_a_failing_dry_run_rejects_the_plan(harness: OpsctlHarness, tool: Path) -> None:
    automation = harness.register(make_automation(tool, dry_run_flag="-n", name="tool-dryfail"))

    result = harness.dry_run(automation, mode="fail")

    assert_exit(result, 3)
    assert "exited with code 3" in str(result.error)
    assert SECRET not in json.dumps(result.doc)


def test_a_missing_credential_is_a_configuration_error_before_anything_runs(
        tmp_path: Path, tool: Path) -> None:
    with OpsctlHarness(tmp_path / "h2") as harness:
        automation = harness.register(make_automation(tool, dry_run_flag=None, name="tool-nosec"))

        result = harness.apply(automation, mode="ok")

    assert_exit(result, 2)
    assert "OPSCTL_SECRET_API_TOKEN" in str(result.error)
    assert not (tool.parent / "out.txt").exists()


def test_the_timeout_from_config_kills_the_script_with_a_clear_error(
        harness: OpsctlHarness, tool: Path) -> None:
    automation = harness.register(make_automation(tool, dry_run_flag=None, name="tool-slow"))
    harness.configure("tool-slow", timeout=1)
    began = time.monotonic()

    result = harness.apply(automation, mode="sleep")

    assert_exit(result, 5)
    assert "timed out after 1s; its process group was killed" in result.action("run")["error"]
    assert time.monotonic() - began < 8


@pytest.mark.parametrize(("settings", "message"), [
    ({"plan_dry_run": "false"}, "plan_dry_run is true or false, not 'false'"),
    ({"timeout": "abc"}, "timeout: "),
    ({"timeout": 0}, "timeout: 0 is no time to run the script"),
    ({"interpreter": []}, "interpreter is a command"),
    ({"no_such_setting": 1}, "unknown key 'no_such_setting' (a wrapped script's keys: cwd, "),
], ids=["string-boolean", "timeout", "zero-timeout", "empty-interpreter", "unknown-key"])
def test_wrong_settings_of_a_wrapped_script_are_exit_2_before_it_runs(
        harness: OpsctlHarness, tool: Path, settings: dict[str, Any], message: str) -> None:
    """A string "false" is not false, and a mistyped key is not a setting applied: refused
    before the script (or its dry run) runs."""
    name = f"tool-conf-{abs(hash(str(settings))) % 10**6}"
    automation = harness.register(make_automation(tool, dry_run_flag="-n", name=name))
    harness.configure(name, **settings)

    result = harness.dry_run(automation, mode="ok")

    assert_exit(result, 2)
    assert f"[automation.{name}]" in str(result.error) and message in str(result.error)
    assert not (tool.parent / "out.txt").exists()


class FireReq(BaseModel):
    model_config = ConfigDict(extra="forbid")
    dryrun: bool = True
    force: bool = False


@pytest.mark.parametrize(("request_", "argv"), [
    ({}, []), ({"dryrun": False}, ["--nodryrun"]), ({"force": True}, ["--force"]),
    ({"dryrun": True, "force": False}, []),
], ids=["defaults", "off-is-spelled-no", "on-is-bare", "defaults-given"])
def test_python_fire_switches_are_turned_off_with_their_no_spelling(request_: dict[str, Any],
                                                                    argv: list[str]) -> None:
    wrapped = WrappedScript(script="cleanup.py", module_file=__file__, language="python", args=(
        Arg("dryrun", "--dryrun", kind="switch", default=True, joined=True, negated="--nodryrun"),
        Arg("force", "--force", kind="switch", default=False, joined=True, negated="--noforce")))
    assert wrapped.arguments(FireReq(**request_)) == argv


def test_a_script_that_previews_by_default_gets_its_apply_flag_after_the_command(
        harness: OpsctlHarness, tmp_path: Path) -> None:
    # python-fire style: flags after the command's name, ``--nodryrun`` to act
    script = tmp_path / "fire_like.py"
    script.write_text("import sys\nargs = sys.argv[1:]\nassert args[0] == 'sync', args\n"
                      "print('acting' if '--nodryrun' in args else 'preview', ' '.join(args))\n")
    wrapped = WrappedScript(script=script.name, module_file=str(script), language="python",
                            interpreter=(sys.executable,), args=(Arg("mode", kind="positional"),),
                            dry_run_flag="--dryrun", apply_flag="--nodryrun", mode_flags_last=True)
    automation = Automation("fire-like", version="1.0.0", owner="t", summary="previews by default",
                            request=ToolRequest, effect="mutate")

    @automation.plan
    def plan(ctx: Context, req: ToolRequest) -> Iterator[Action]:
        return wrapped.plan(ctx, req)

    @automation.apply
    def apply(ctx: Context, req: ToolRequest, action: Action) -> None:
        wrapped.apply(ctx, req, action)

    harness.register(automation)
    planned = harness.plan(automation, mode="sync")
    after = planned.action("run")["after"]
    assert after["command"].endswith("fire_like.py sync --nodryrun")
    assert after["dry_run"] == "preview sync --dryrun"
    applied = harness.apply(automation, mode="sync")
    assert_exit(applied, 0)
    assert [e["line"] for e in applied.events if e["event"] == "script.output"] == ["acting sync --nodryrun"]


class GroupRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    command: Literal["purge", "show"]
    days: int | None = None


def test_a_subcommands_own_dry_run_flag_goes_after_its_name_and_only_for_it(
        harness: OpsctlHarness, tmp_path: Path) -> None:
    """A click group's ``purge --dry-run`` (or an argparse subparser's): given before the
    subcommand, the script refuses it; the other subcommands have no dry run."""
    script = tmp_path / "users.py"
    script.write_text("import argparse\np = argparse.ArgumentParser()\n"
                      "sub = p.add_subparsers(dest='cmd', required=True)\n"
                      "purge = sub.add_parser('purge')\npurge.add_argument('--dry-run', "
                      "action='store_true')\npurge.add_argument('--days', type=int)\n"
                      "sub.add_parser('show')\nprint(vars(p.parse_args()))\n")
    wrapped = WrappedScript(script=script.name, module_file=str(script), language="python",
                            interpreter=(sys.executable,), command_field="command",
                            args=(Arg("days", "--days", subcommand="purge", joined=True),),
                            dry_run_flag="--dry-run", dry_run_commands=("purge",))
    automation = Automation("user-group", version="1.0.0", owner="t", summary="a click group",
                            request=GroupRequest, effect="mutate")

    @automation.plan
    def plan(ctx: Context, req: GroupRequest) -> Iterator[Action]:
        return wrapped.plan(ctx, req)

    @automation.apply
    def apply(ctx: Context, req: GroupRequest, action: Action) -> None:
        wrapped.apply(ctx, req, action)

    harness.register(automation)
    purge = harness.plan(automation, command="purge", days=3)
    show = harness.plan(automation, command="show")

    assert_exit(purge, 10)
    assert purge.action("run")["after"]["dry_run"] == (
        "{'cmd': 'purge', 'dry_run': True, 'days': 3}")
    assert_exit(show, 10)
    assert show.action("run")["after"].endswith("users.py show")


def test_a_huge_line_is_read_in_bounded_memory_and_kept_cut(tmp_path: Path) -> None:
    """A script that prints hundreds of megabytes without a newline: the line is cut as any
    long line is (masked first), the rest read and dropped, not held whole in memory (which
    also took the reader so long after the script exited that the output was lost)."""
    import resource

    from opsctl.adopt.runtime import MAX_LINE_CHARS

    script = tmp_path / "huge.sh"
    script.write_text('printf "%s" "$TOKEN"\nhead -c 300000000 /dev/zero | tr "\\0" a\n'
                      'echo\necho after\n')
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    done = run_script(["bash", str(script)], cwd=tmp_path,
                      env={**os.environ, "TOKEN": "HugeT0kenSecretZ"}, timeout=60,
                      secrets=["HugeT0kenSecretZ"])

    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024
    assert done.exit_code == 0 and done.lines == 2
    assert done.stdout_tail == ["***" + "a" * (MAX_LINE_CHARS - 3), "after"]
    assert grown_mib < 100


def test_a_secret_cut_by_the_read_limit_of_a_huge_line_leaves_nothing(tmp_path: Path) -> None:
    """Where a line is cut for being too long to hold, a secret that runs past the cut shows
    none of its first characters, even when masking made the kept text short."""
    from opsctl.adopt.runtime import read_limit

    secret = "K" + "".join(f"{i:04d}" for i in range(250))  # a long one, masked to 3 chars
    copies = read_limit([secret]) // len(secret) + 1  # the last copy runs past the limit
    script = tmp_path / "cut.py"
    script.write_text("import sys\n"
                      f"sys.stdout.write({secret!r} * {copies} + 'tail' * 100000 + '\\n')\n")

    done = run_script([sys.executable, str(script)], cwd=tmp_path, env=os.environ, timeout=60,
                      secrets=[secret])

    assert done.lines == 1
    assert secret[:5] not in done.stdout_tail[0]


def test_a_stop_request_ends_the_script_after_the_grace(tmp_path: Path) -> None:
    """A run asked to stop (a signal, `opsctl cancel`, a server shutting down) lets the script
    run for the grace, then kills its process group rather than waiting for its timeout."""
    import threading

    script = tmp_path / "long.sh"
    script.write_text("trap '' TERM\nsleep 60 &\necho $! > child.pid\nwait\n")
    stop = threading.Event()
    stop.set()
    began = time.monotonic()

    done = run_script(["bash", str(script)], cwd=tmp_path, env=os.environ, timeout=120,
                      stop=stop, stop_grace=1)

    assert done.stopped and done.exit_code is None and not done.timed_out
    assert time.monotonic() - began < 20
    assert not alive(int((tmp_path / "child.pid").read_text()))


SLEEPER_MODULE = '''
from pathlib import Path
from pydantic import BaseModel, ConfigDict
from opsctl import Automation
from opsctl.adopt.runtime import WrappedScript

class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")

SCRIPT = WrappedScript(script="sleeper.sh", module_file=__file__, language="shell")
sleeper = Automation("sleeper", version="1.0.0", owner="t", summary="a long script",
                     request=Request, effect="mutate")

@sleeper.plan
def plan(ctx, req):
    return SCRIPT.plan(ctx, req)

@sleeper.apply
def apply(ctx, req, action):
    SCRIPT.apply(ctx, req, action)
'''


def test_a_wrapped_script_cancelled_from_another_terminal_is_stopped(tmp_path: Path) -> None:
    """`opsctl cancel` of a run whose script runs for minutes: the script is killed once
    stop_grace is over and the run ends cancelled (exit 130), resumable; not left to run to
    its end, nor the run recorded as succeeded."""
    import subprocess

    from tests.conftest import OPSCTL, Project

    project = Project(tmp_path / "proj")
    project.root.mkdir()
    (project.root / "sleeper.sh").write_text("echo $$ > script.pid\nsleep 90\necho done\n")
    project.add_module("sleeper_auto", SLEEPER_MODULE)
    env = project.env({"OPSCTL_STOP_GRACE": "1s"})
    proc = subprocess.Popen([OPSCTL, "sleeper", "--yes", "--format", "json"], cwd=project.root,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 90
        while not (project.root / "script.pid").exists():
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the script never started"
            time.sleep(0.05)
        [run] = project.run("runs", "--status", "running", "--format", "json", env=env).doc["runs"]
        asked = project.run("cancel", run["id"], "--reason", "stop the script", env=env)
        assert asked.code == 0, asked.stderr
        out, err = proc.communicate(timeout=45)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130, err
    doc = json.loads(out)
    assert doc["status"] == "cancelled"
    assert doc["plan"]["actions"][0]["status"] == "interrupted"
    assert not alive(int((project.root / "script.pid").read_text()))


def test_reconcile_refuses_a_wrapped_script_and_runs_nothing(tmp_path: Path) -> None:
    """Its plan is one run of the script whatever the script did, so it never empties:
    reconcile would run a legacy script (not known to be safe twice) round after round, then
    end "not converged" (exit 4, which a caller retries). Refused as for a read automation."""
    from tests.conftest import Project

    project = Project(tmp_path / "proj")
    project.root.mkdir()
    (project.root / "sleeper.sh").write_text("echo ran >> runs.log\n")
    project.add_module("sleeper_auto", SLEEPER_MODULE)

    result = project.run("reconcile", "sleeper", "--yes")

    assert result.code == 2, result.stderr
    assert "runs the wrapped script sleeper.sh" in result.stderr
    assert "`opsctl sleeper`" in result.stderr
    assert not (project.root / "runs.log").exists()
    assert project.run("sleeper", "--yes").code == 0  # applied as itself: once
    assert (project.root / "runs.log").read_text() == "ran\n"


@pytest.mark.parametrize(("settings", "message"), [
    ({"cwd": "/nonexistent/folder"}, "working directory /nonexistent/folder of the script does "
                                     "not exist"),
    ({"interpreter": "no-such-interpreter-9"}, "interpreter no-such-interpreter-9 of the script "
                                               "is not installed"),
], ids=["cwd", "interpreter"])
def test_a_script_that_cannot_run_here_is_refused_by_its_dry_run(
        harness: OpsctlHarness, tool: Path, settings: dict[str, Any], message: str) -> None:
    """A working directory or an interpreter missing on this machine: the dry run (a CI
    check before the apply) says so with exit 2, rather than exit 10 with a plan that only
    fails once applied."""
    name = f"tool-here-{abs(hash(str(settings))) % 10**6}"
    automation = harness.register(make_automation(tool, dry_run_flag=None, name=name))
    harness.configure(name, **settings)

    result = harness.dry_run(automation, mode="ok")

    assert_exit(result, 2)
    assert message in str(result.error)


def test_a_secret_with_line_breaks_is_masked_in_each_output_line(tmp_path: Path) -> None:
    """Output is masked line by line: a secret given with a trailing newline (a variable set
    from a file or a mounted secret) or of several lines (a PEM key) is masked in the lines
    that print it, not compared whole with text that never holds its line break."""
    key = "-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0B\nAQEFAASCBKcwggSjAgEAAoIB\n-----END KEY-----\n"
    script = tmp_path / "leak.sh"
    script.write_text('echo "token $TOKEN"\nprintf "%s" "$KEY"\n')

    done = run_script(["bash", str(script)], cwd=tmp_path,
                      env={**os.environ, "TOKEN": "NewlineTok9876\n", "KEY": key}, timeout=30,
                      secrets=["NewlineTok9876\n", key])

    shown = "\n".join(done.stdout_tail)
    assert "NewlineTok9876" not in shown and "MIIEvQIBADANBgkqhkiG9w0B" not in shown
    assert "AQEFAASCBKcwggSjAgEAAoIB" not in shown and shown.startswith("token ***")


def test_a_dry_run_exiting_with_a_code_declared_transient_is_exit_4(harness: OpsctlHarness,
                                                                    tool: Path) -> None:
    """The module maps 75 to 'retry' (a transient failure): its dry run exiting 75 is a plan
    worth retrying later (exit 4), not a rejected one (exit 3, which callers never retry)."""
    automation = harness.register(make_automation(tool, dry_run_flag="-n", name="tool-drybusy"))

    result = harness.dry_run(automation, mode="busy")

    assert_exit(result, 4)
    assert "exited with code 75" in str(result.error) and "declared transient" in str(
        result.error)


def test_a_password_in_the_broker_url_is_masked_in_what_a_script_prints(tmp_path: Path) -> None:
    """A wrapped script that prints its environment (`env`, `set -x`) shows the settings it
    inherits: the broker URL's password is masked there, as the store URL's is."""
    from tests.conftest import Project

    project = Project(tmp_path / "proj")
    project.root.mkdir()
    (project.root / "sleeper.sh").write_text("env | grep '^OPSCTL_.*_URL='\n")
    project.add_module("sleeper_auto", SLEEPER_MODULE)
    env = project.env({"OPSCTL_BROKER_URL": "redis://:BrokerPass9981@127.0.0.1:1/15",
                       "OPSCTL_STORE_URL": f"sqlite:///{project.root / 'state.db'}"})

    result = project.run("sleeper", "--yes", "--format", "json", "--log-format", "json",
                         env=env)

    assert result.code == 0, result.stderr
    assert "redis://:***@127.0.0.1:1/15" in result.stderr
    assert "BrokerPass9981" not in result.stderr + result.stdout


def test_a_dry_run_exiting_with_a_code_declared_ok_is_a_plan(harness: OpsctlHarness,
                                                             tmp_path: Path) -> None:
    """Scripts that say "changes would be made" with their exit code (as `terraform plan
    -detailed-exitcode` exits 2): the module declares 2 'ok', and the dry run exiting 2 is
    the plan, as the apply exiting 2 succeeds."""
    script = tmp_path / "detailed.sh"
    script.write_text('if [ "$1" = "-n" ]; then echo "1 to change"; exit 2; fi\necho changed\n'
                      'exit 2\n')
    wrapped = WrappedScript(script=script.name, module_file=str(script), language="shell",
                            dry_run_flag="-n", exit_codes={0: "ok", 2: "ok"}, timeout=30)
    automation = Automation("detailed", version="1.0.0", owner="t", summary="detailed codes",
                            request=ToolRequest, effect="mutate")

    @automation.plan
    def plan(ctx: Context, req: ToolRequest) -> Iterator[Action]:
        return wrapped.plan(ctx, req)

    @automation.apply
    def apply(ctx: Context, req: ToolRequest, action: Action) -> None:
        wrapped.apply(ctx, req, action)

    harness.register(automation)

    planned = harness.dry_run(automation)
    applied = harness.apply(automation)

    assert_exit(planned, 10)
    assert planned.action("run")["after"]["dry_run"] == "1 to change"
    assert_exit(applied, 0)


def test_a_script_changed_between_plan_and_apply_is_not_run(harness: OpsctlHarness,
                                                            tool: Path) -> None:
    """The plan holds the script's SHA-256: a script edited after it was planned (here by its
    own dry run) is refused as stale at apply, having run nothing."""
    automation = harness.register(make_automation(tool, dry_run_flag="-n", name="tool-edited"))

    result = harness.apply(automation, mode="selfedit")

    assert_exit(result, 3)
    assert "changed since this run was planned" in str(result.error)
    assert not (tool.parent / "out.txt").exists()
    assert not [e for e in result.events if e["event"] == "script.exited"]


def test_the_plan_holds_the_scripts_digest(harness: OpsctlHarness, tool: Path) -> None:
    import hashlib

    automation = harness.register(make_automation(tool, dry_run_flag=None, name="tool-digest"))

    result = harness.dry_run(automation, mode="ok")

    assert_exit(result, 10)
    assert result.planned is not None
    assert result.planned[0]["data"]["script_sha256"] == hashlib.sha256(
        tool.read_bytes()).hexdigest()
