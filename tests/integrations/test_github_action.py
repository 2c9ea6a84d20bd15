"""The GitHub Action (``action.yml``) run the way the runner runs a composite action.

No runner here: :func:`run_action` reads ``action.yml``, evaluates the ``${{ }}`` expressions of
each step (``inputs``, ``github``, ``runner``, ``env``, ``steps``, status functions) the way the
runner does, records the ``uses:`` steps it cannot run (actions/setup-python), runs the ``run:``
steps with bash in order, with fresh ``GITHUB_OUTPUT`` and ``GITHUB_STEP_SUMMARY`` files and a
simulated ``GITHUB_*`` environment, reads the outputs files back, and evaluates the action's
``outputs``. The automation is real: examples/cleanup_files.py on the embedded SQLite store.
The example workflow (docs/examples/github-workflow.yml) is run the same way, job by job, its
artifacts carried from the plan job to the apply job.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from tests.conftest import Project, clean_env

ROOT = Path(__file__).resolve().parents[2]
ACTION = ROOT / "action.yml"
SCRIPT = ROOT / ".github" / "actions" / "opsctl" / "opsctl_action.py"
WORKFLOW = ROOT / "docs" / "examples" / "github-workflow.yml"
BIN = Path(sys.executable).parent
ACTION_REF = re.compile(r"^opsctl/opsctl@v\d+\.\d+\.\d+$")

# --- the runner's expressions ------------------------------------------------------------

_TOKEN = re.compile(r"""\s*(?:
    (?P<str>'(?:[^']|'')*')
  | (?P<num>\d+(?:\.\d+)?)
  | (?P<op>==|!=|<=|>=|&&|\|\||[!<>()\[\].,])
  | (?P<name>[A-Za-z_][A-Za-z0-9_-]*)
)""", re.X)
_EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)
_STATUS_FUNCTIONS = ("success", "failure", "always", "cancelled")


class ExpressionError(Exception):
    pass


def _number(value: Any) -> float:
    if value is None:
        return 0.0
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip()) if value.strip() else 0.0
        except ValueError:
            return math.nan
    return math.nan


def _equal(a: Any, b: Any) -> bool:
    """GitHub's loose equality: strings compare ignoring case, other types as numbers."""
    if isinstance(a, str) and isinstance(b, str):
        return a.casefold() == b.casefold()
    if isinstance(a, (dict, list)) or isinstance(b, (dict, list)):
        return a is b
    return _number(a) == _number(b)


def truthy(value: Any) -> bool:
    if isinstance(value, float) and math.isnan(value):
        return False
    return value not in (None, False, 0, "") and value != 0.0


def to_string(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dict, list)):
        return json.dumps(value, indent=2)
    return str(value)


class Expressions:
    """The subset of GitHub's expression language that action.yml and the example use; any
    other construct is an error, so neither can grow one this emulation would get wrong."""

    def __init__(self, contexts: Mapping[str, Any], job_status: str = "success") -> None:
        self.contexts = contexts
        self.job_status = job_status
        self.tokens: list[tuple[str, str]] = []
        self.pos = 0

    def evaluate(self, text: str) -> Any:
        self.tokens, self.pos, text = [], 0, text.strip()
        position = 0
        while position < len(text):
            match = _TOKEN.match(text, position)
            if match is None or not match.lastgroup:
                raise ExpressionError(f"cannot read {text[position:]!r} in {text!r}")
            self.tokens.append((match.lastgroup, match.group(match.lastgroup)))
            position = match.end()
        value = self._or()
        if self.pos != len(self.tokens):
            raise ExpressionError(f"unexpected {self.tokens[self.pos][1]!r} in {text!r}")
        return value

    def render(self, text: str) -> str:
        return _EXPRESSION.sub(lambda m: to_string(self.evaluate(m.group(1))), text)

    def condition(self, text: str | None) -> bool:
        expr = (text or "success()").strip()
        match = re.fullmatch(r"\$\{\{(.*)\}\}", expr, re.S)
        expr = match.group(1) if match else expr
        if not any(re.search(rf"\b{f}\s*\(", expr) for f in _STATUS_FUNCTIONS):
            expr = f"success() && ({expr})"
        return truthy(self.evaluate(expr))

    def _peek(self) -> str | None:
        return self.tokens[self.pos][1] if self.pos < len(self.tokens) else None

    def _take(self, expected: str | None = None) -> tuple[str, str]:
        if self.pos >= len(self.tokens):
            raise ExpressionError("expression ends too early")
        token = self.tokens[self.pos]
        if expected is not None and token[1] != expected:
            raise ExpressionError(f"expected {expected!r}, got {token[1]!r}")
        self.pos += 1
        return token

    def _or(self) -> Any:
        value = self._and()
        while self._peek() == "||":
            self._take()
            right = self._and()
            value = value if truthy(value) else right
        return value

    def _and(self) -> Any:
        value = self._compare()
        while self._peek() == "&&":
            self._take()
            right = self._compare()
            value = right if truthy(value) else value
        return value

    def _compare(self) -> Any:
        left = self._unary()
        op = self._peek()
        if op in ("==", "!="):
            self._take()
            right = self._unary()
            return _equal(left, right) == (op == "==")
        if op in ("<", ">", "<=", ">="):
            self._take()
            a, b = _number(left), _number(self._unary())
            return {"<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b}[op]
        return left

    def _unary(self) -> Any:
        if self._peek() == "!":
            self._take()
            return not truthy(self._unary())
        return self._postfix()

    def _postfix(self) -> Any:
        value = self._primary()
        while self._peek() in (".", "["):
            if self._take()[1] == ".":
                kind, name = self._take()
                if kind != "name":
                    raise ExpressionError(f"property name expected, got {name!r}")
            else:
                name = to_string(self._or())
                self._take("]")
            value = value.get(name) if isinstance(value, dict) else None
        return value

    def _primary(self) -> Any:
        kind, text = self._take()
        if kind == "str":
            return text[1:-1].replace("''", "'")
        if kind == "num":
            return float(text)
        if text == "(":
            value = self._or()
            self._take(")")
            return value
        if kind != "name":
            raise ExpressionError(f"unexpected {text!r}")
        if text in ("true", "false"):
            return text == "true"
        if text == "null":
            return None
        if self._peek() == "(":
            self._take()
            args = []
            while self._peek() != ")":
                args.append(self._or())
                if self._peek() == ",":
                    self._take()
            self._take(")")
            return self._call(text, args)
        if text not in self.contexts:
            raise ExpressionError(f"unknown context {text!r}")
        return self.contexts[text]

    def _call(self, name: str, args: list[Any]) -> Any:
        if name in _STATUS_FUNCTIONS and not args:
            return {"success": self.job_status == "success", "failure": self.job_status == "failure",
                    "always": True, "cancelled": False}[name]
        if name == "startsWith" and len(args) == 2:
            return to_string(args[0]).casefold().startswith(to_string(args[1]).casefold())
        raise ExpressionError(f"function {name}({len(args)} arguments) is not emulated")


def parse_output_file(text: str) -> dict[str, str]:
    """``$GITHUB_OUTPUT`` as the runner reads it: ``name=value`` or ``name<<DELIMITER``."""
    outputs: dict[str, str] = {}
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    i = 0
    while i < len(lines):
        line = lines[i]
        equals, heredoc = line.find("="), line.find("<<")
        if equals > 0 and (heredoc < 0 or equals < heredoc):
            outputs[line[:equals]] = line[equals + 1:]
            i += 1
            continue
        assert heredoc > 0, f"malformed output line {line!r}"
        name, delimiter = line[:heredoc], line[heredoc + 2:]
        end = lines.index(delimiter, i + 1)  # ValueError: the delimiter never came
        outputs[name] = "\n".join(lines[i + 1:end])
        i = end + 1
    return outputs


# --- the runner's composite actions ------------------------------------------------------


@dataclass
class Step:
    name: str
    uses: str | None = None
    with_: dict[str, str] = field(default_factory=dict)
    code: int | None = None  # None: a uses: step recorded, not run
    stdout: str = ""


@dataclass
class ActionRun:
    code: int
    outputs: dict[str, str]
    summary: str
    steps: list[Step]

    @property
    def log(self) -> str:
        return "".join(s.stdout for s in self.steps)

    def result(self) -> dict[str, Any]:
        return json.loads(Path(self.outputs["result-file"]).read_text())


def load_action() -> dict[str, Any]:
    return yaml.safe_load(ACTION.read_text())


def run_action(inputs: Mapping[str, str], *, workspace: Path, env: Mapping[str, str],
               runner_temp: Path, github: Mapping[str, Any] | None = None,
               while_running: Callable[[subprocess.Popen[str]], None] | None = None,
               ) -> ActionRun:
    """Run action.yml as the runner would for ``uses: opsctl/opsctl@...`` with ``inputs``;
    ``while_running`` is called with the process of the step ``run`` once it has started (to
    cancel the job, say)."""
    action = load_action()
    declared = action["inputs"]
    unknown = set(inputs) - set(declared)
    assert not unknown, f"not inputs of action.yml: {sorted(unknown)}"
    values = {name: inputs.get(name, "" if spec.get("default") is None else str(spec["default"]))
              for name, spec in declared.items()}
    for name, spec in declared.items():
        if spec.get("required"):
            assert values[name], f"required input {name} not given"
    runner_temp.mkdir(parents=True, exist_ok=True)
    commands = runner_temp / "_runner_file_commands"
    commands.mkdir(exist_ok=True)
    github_context = {"action_path": str(ROOT), "workspace": str(workspace),
                      "repository": env.get("GITHUB_REPOSITORY"), "run_id": env.get("GITHUB_RUN_ID"),
                      "job": env.get("GITHUB_JOB"), **(github or {})}
    steps_context: dict[str, Any] = {}
    contexts = {"inputs": values, "github": github_context, "steps": steps_context,
                "runner": {"temp": str(runner_temp), "os": "Linux"}, "env": dict(env)}
    status, code, summary, records = "success", 0, "", []
    for i, spec in enumerate(action["runs"]["steps"]):
        expressions = Expressions(contexts, status)
        record = Step(name=spec.get("name") or spec.get("id") or f"step {i}")
        records.append(record)
        if not expressions.condition(spec.get("if")):
            continue
        if "uses" in spec:
            record.uses = spec["uses"]
            record.with_ = {k: expressions.render(str(v)) for k, v in (spec.get("with") or {}).items()}
            continue
        assert spec.get("shell") == "bash", f"{record.name}: a run step of a composite action names its shell"
        step_env = {k: expressions.render(str(v)) for k, v in (spec.get("env") or {}).items()}
        token = uuid.uuid4().hex
        output_file, summary_file = commands / f"set_output_{token}", commands / f"step_summary_{token}"
        output_file.touch()
        summary_file.touch()
        script = runner_temp / f"{token}.sh"
        script.write_text(expressions.render(spec["run"]))
        cwd = workspace / expressions.render(str(spec.get("working-directory") or "."))
        proc = subprocess.Popen(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=cwd,
            env={**env, "GITHUB_OUTPUT": str(output_file), "GITHUB_STEP_SUMMARY": str(summary_file),
                 "GITHUB_ACTION_PATH": str(ROOT), "GITHUB_WORKSPACE": str(workspace),
                 "GITHUB_PATH": str(commands / f"add_path_{token}"),
                 "RUNNER_TEMP": str(runner_temp), **step_env},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
        if while_running is not None and spec.get("id") == "run":
            while_running(proc)
        # one stream, as the runner reads both for workflow commands, in the order written
        stdout, _ = proc.communicate(timeout=300)
        record.code, record.stdout = proc.returncode, stdout
        assert "Traceback" not in stdout, stdout
        summary += summary_file.read_text()
        if "id" in spec:
            steps_context[spec["id"]] = {
                "outputs": parse_output_file(output_file.read_text()),
                "outcome": "success" if proc.returncode == 0 else "failure",
                "conclusion": "success" if proc.returncode == 0 else "failure"}
        if proc.returncode != 0:
            status, code = "failure", proc.returncode
    expressions = Expressions(contexts, status)
    outputs = {name: expressions.render(str(spec["value"]))
               for name, spec in action["outputs"].items()}
    return ActionRun(code, outputs, summary, records)


# --- a project on the runner -------------------------------------------------------------

OLD = 40 * 86400


@dataclass
class Runner:
    """A job's runner: the workspace (a real opsctl project) and the job's environment."""

    project: Project
    tmp: Path
    repository: str = "acme/ops"
    run_id: str = "1001"
    job: str = "ops"
    extra_env: dict[str, str] = field(default_factory=dict)

    @property
    def workspace(self) -> Path:
        return self.project.root

    def env(self) -> dict[str, str]:
        home = self.tmp / "home"
        home.mkdir(exist_ok=True)
        env = clean_env(home, {
            "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
            "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_REPOSITORY": self.repository,
            "GITHUB_RUN_ID": self.run_id, "GITHUB_RUN_ATTEMPT": "1", "GITHUB_JOB": self.job,
            "GITHUB_ACTOR": "octocat", "GITHUB_WORKFLOW": "opsctl",
            "GITHUB_SERVER_URL": "https://github.com", "GITHUB_WORKSPACE": str(self.workspace),
            **self.extra_env})
        for name in [n for n in env if n.startswith("INPUT_")]:
            del env[name]  # a composite action's steps get inputs only through their env:
        return env

    def run(self, while_running: Callable[[subprocess.Popen[str]], None] | None = None,
            **inputs: str) -> ActionRun:
        defaults = {"automation": "cleanup-files", "install": "none", "python-version": "3.12"}
        return run_action({**defaults, **inputs}, workspace=self.workspace, env=self.env(),
                          runner_temp=self.tmp / f"runner-temp-{self.run_id}-{self.job}",
                          while_running=while_running)

    def old_files(self, *names: str, folder: str = "data") -> list[Path]:
        paths = []
        for name in names:
            path = self.workspace / folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(name)
            stamp = path.stat().st_mtime - OLD
            os.utime(path, (stamp, stamp))
            paths.append(path)
        return paths


@pytest.fixture
def runner(project: Project, tmp_path: Path) -> Runner:
    project.add_module("cleanup_files", (ROOT / "examples" / "cleanup_files.py").read_text())
    project.write_config('[automation.cleanup-files]\nallowed_roots = ["data"]\n')
    return Runner(project, tmp_path)


@functools.cache
def action_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("opsctl_action", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["opsctl_action"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _cells(inner: str) -> list[str]:
    cells, current, i = [], "", 0
    while i < len(inner):
        ch = inner[i]
        if ch == "\\" and i + 1 < len(inner):
            current += inner[i:i + 2]
            i += 2
            continue
        if ch == "|":
            cells.append(current)
            current = ""
        else:
            current += ch
        i += 1
    cells.append(current)
    return cells


def markdown_table(summary: str, header_start: str) -> list[list[str]]:
    lines = summary.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([c.strip() for c in _cells(line.strip()[1:-1])])
    del rows[1]  # the delimiter row
    return rows


# --- the action's file -------------------------------------------------------------------


def test_action_is_composite_with_setup_python_and_inputs_only_through_env() -> None:
    action = load_action()
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    setup = [s for s in steps if str(s.get("uses", "")).startswith("actions/setup-python@")]
    assert len(setup) == 1 and setup[0]["with"]["python-version"] == "${{ inputs.python-version }}"
    assert steps.index(setup[0]) == 0, "Python is set up before anything runs on it"
    text = ACTION.read_text()
    used = set(re.findall(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}", text))
    used |= set(re.findall(r"inputs\.([A-Za-z0-9_-]+)", str(setup[0].get("if", ""))))
    assert used == set(action["inputs"]), "every input is used, and only declared ones"
    for step in steps:
        if "run" in step:
            assert step["shell"] == "bash"
            # an input in the script text could inject shell code: inputs go through env:
            assert "${{" not in step["run"], step["run"]
    run_step = next(s for s in steps if s.get("id") == "run")
    module = action_module()
    inputs = module.Inputs("a", "dry-run", "", (), "p.json", "ci", "error")
    written = module.outputs_of(module.Outcome(0, None), inputs, "")
    assert set(action["outputs"]) == set(written), "each output is one the script writes"
    for name, spec in action["outputs"].items():
        assert spec["value"] == f"${{{{ steps.{run_step['id']}.outputs.{name} }}}}"
        assert spec.get("description")
    for name, spec in action["inputs"].items():
        assert spec.get("description"), name
    assert action["inputs"]["idempotency-key"]["default"] == "ci"


# --- runs --------------------------------------------------------------------------------


def test_dry_run_with_changes_succeeds_and_reports_changes_planned(runner: Runner) -> None:
    files = runner.old_files("a.log", "b.log")
    run = runner.run(mode="dry-run", args="--root data")
    assert run.code == 0, run.log
    assert [s.uses for s in run.steps if s.uses] == ["actions/setup-python@v5"]
    assert run.steps[0].with_ == {"python-version": "3.12"}
    out = run.outputs
    assert (out["status"], out["exit-code"], out["planned"], out["applied"]) == (
        "changes_planned", "10", "2", "0")
    assert re.fullmatch(r"run_[0-9A-Z]+", out["run-id"])
    assert (out["replayed"], out["error"], out["plan-file"]) == ("false", "", "")
    assert all(f.exists() for f in files), "a dry run changes nothing"
    doc = run.result()
    assert doc["mode"] == "plan" and doc["exit_code"] == 10
    assert doc["idempotency_key"] == "github:acme/ops:1001:ops:cleanup-files"
    assert "### opsctl cleanup-files: changes\\_planned (exit 10)" in run.summary
    assert markdown_table(run.summary, "| planned") == [
        ["planned", "applied", "unchanged", "skipped", "failed"], ["2", "0", "0", "0", "0"]]
    actions = markdown_table(run.summary, "| action")
    assert actions[0] == ["action", "kind", "target", "reason", "status"]
    assert [row[0] for row in actions[1:]] == ["file:a.log", "file:b.log"]
    assert {row[4] for row in actions[1:]} == {"pending"}
    assert "::notice title=opsctl cleanup-files::changes planned: 2 action(s)" in run.log


def test_apply_then_the_same_job_again_replays(runner: Runner) -> None:
    files = runner.old_files("a.log", "b.log")
    first = runner.run(mode="apply", request="root: data\nolder_than: 30d\n")
    assert first.code == 0, first.log
    assert (first.outputs["status"], first.outputs["exit-code"], first.outputs["applied"],
            first.outputs["replayed"]) == ("succeeded", "0", "2", "false")
    assert not any(f.exists() for f in files)
    assert {row[4] for row in markdown_table(first.summary, "| action")[1:]} == {"applied"}
    runner.old_files("c.log")  # a re-run replays the finished run; it plans nothing new
    again = runner.run(mode="apply", request="root: data\nolder_than: 30d\n")
    assert again.code == 0, again.log
    assert again.outputs["replayed"] == "true"
    assert again.outputs["run-id"] == first.outputs["run-id"]
    assert (again.outputs["status"], again.outputs["applied"]) == ("succeeded", "2")
    assert "| replayed | yes |" in again.summary
    assert (runner.workspace / "data" / "c.log").exists()


def test_bad_request_fails_the_step_and_the_summary_says_why(runner: Runner) -> None:
    files = runner.old_files("a.log")
    run = runner.run(mode="apply", request="root: data\nbogus: 1\n")
    assert run.code == 2, run.log
    out = run.outputs
    assert (out["status"], out["exit-code"], out["run-id"]) == ("failed", "2", "")
    assert "bogus: unknown field" in out["error"]
    assert "**Error** (validation): invalid request for cleanup-files: bogus: unknown field" \
        in run.summary
    assert "::error title=opsctl cleanup-files::failed (exit 2): invalid request" in run.log
    assert files[0].exists()
    assert not list(runner.tmp.glob("runner-temp-*/opsctl-request-*")), \
        "the request document written for opsctl is removed"
    # an error about the document names the input, not the file opsctl read it from
    broken = runner.run(mode="apply", request="root: data\nroot: other\n")
    assert broken.code == 2, broken.log
    assert broken.outputs["error"].startswith("input request is not valid YAML: "), \
        broken.outputs["error"]
    assert "opsctl-request-" not in broken.summary


def test_request_file_path_and_flags(runner: Runner) -> None:
    runner.old_files("a.log", "keep.txt")
    (runner.workspace / "ops").mkdir()
    (runner.workspace / "ops" / "cleanup.yaml").write_text("root: data\npattern: '*.txt'\n")
    run = runner.run(mode="dry-run", request="ops/cleanup.yaml", args="--pattern '*.log'")
    assert run.code == 0, run.log
    assert run.result()["request"]["pattern"] == "*.log", "flags override the document"
    missing = runner.run(mode="dry-run", request="ops/missing.yaml")
    assert missing.code == 2
    assert "ops/missing.yaml" in missing.outputs["error"]
    stdin = runner.run(mode="dry-run", request="-")
    assert stdin.code == 2, stdin.log
    assert stdin.outputs["error"].startswith("input request: - is standard input"), stdin.log


def test_a_long_request_document_is_a_document_not_a_path_too_long(runner: Runner) -> None:
    runner.old_files("a.log")
    comments = "".join(f"# {'why this cleanup runs, line ' * 4}{i}\n" for i in range(4))
    document = f"{comments}root: data\nolder_than: 30d\n"
    assert len(document) > 255 and "/" not in document  # longer than a file name may be
    run = runner.run(mode="dry-run", request=document)
    assert run.code == 0, run.log
    assert (run.outputs["status"], run.outputs["planned"]) == ("changes_planned", "1")


def test_a_json_request_document_is_read_as_json(runner: Runner) -> None:
    runner.old_files("a.log", "\N{ROCKET}.log")
    # what `jq --tab` or json.dumps writes: tabs, and escaped characters beyond U+FFFF
    document = '{\n\t"root": "data",\n\t"pattern": "\\ud83d\\ude80*"\n}'
    run = runner.run(mode="dry-run", request=document)
    assert run.code == 0, run.log
    assert run.result()["request"]["pattern"] == "\N{ROCKET}*"
    assert run.outputs["planned"] == "1"


def test_args_are_split_as_bash_splits_them(runner: Runner) -> None:
    runner.old_files("a.log", "ticket#42.log", "$(touch pwned).log")
    args = "--root data  # where the logs are\n--pattern ticket#*.log"
    run = runner.run(mode="dry-run", args=args)
    assert run.code == 0, run.log
    assert run.result()["request"]["pattern"] == "ticket#*.log", "a # inside a word is kept"
    assert run.outputs["planned"] == "1"
    quoted = runner.run(mode="dry-run", args="--root data --pattern '$(touch pwned)*' \\#1")
    assert quoted.code == 2, quoted.log  # the escaped \\# is a word of its own: an extra argument
    assert "#1" in quoted.outputs["error"]
    assert not (runner.workspace / "pwned").exists()


@pytest.mark.parametrize(("fail_on", "mode", "document", "exit_code", "step_code"), [
    ("changes", "dry-run", "root: data", "10", 10),
    ("error", "apply", "root: data\nmax_deletions: 0", "2", 2),
    ("never", "apply", "root: data\nmax_deletions: 0", "2", 0),
    ("never", "dry-run", "root: data", "10", 0),
], ids=["changes-fails-on-10", "error-fails-on-2", "never-passes-2", "never-passes-10"])
def test_fail_on_decides_which_exit_codes_fail_the_step(
        runner: Runner, fail_on: str, mode: str, document: str, exit_code: str,
        step_code: int) -> None:
    runner.old_files("a.log")
    run = runner.run(mode=mode, request=document, **{"fail-on": fail_on})
    assert run.code == step_code, run.log
    assert run.outputs["exit-code"] == exit_code


def test_exit_code_is_opsctls_even_when_it_printed_no_result(runner: Runner) -> None:
    run = runner.run(mode="dry-run", args="--root data --help")  # help, and exit 0
    assert run.code == 1, run.log
    assert (run.outputs["status"], run.outputs["exit-code"]) == ("failed", "0")
    assert run.outputs["error"] == ("opsctl exited 0 without a result document; its log above "
                                    "says why")
    assert runner.run(mode="dry-run", args="--help", **{"fail-on": "never"}).code == 0


def test_inputs_the_action_refuses(runner: Runner) -> None:
    bad_mode = runner.run(mode="destroy")
    assert bad_mode.code == 2
    assert "input mode: 'destroy' is not one of" in bad_mode.outputs["error"]
    assert "**Error**: input mode" in bad_mode.summary
    plan = runner.run(mode="apply-plan", request="root: data")
    assert plan.code == 2 and "a saved plan carries its request" in plan.outputs["error"]
    # an input built from untrusted text cannot print a workflow command
    injected = {mode: runner.run(mode=mode, automation="cleanup-files\n::warning::injected")
                for mode in ("dry-run", "destroy")}
    assert "input automation: 'cleanup-files\\n::warning::injected' is not" in \
        injected["dry-run"].outputs["error"]
    for run in injected.values():
        assert run.code == 2
        assert not re.search(r"^::warning", run.log, re.M), run.log
    folder = runner.run(mode="plan", request="root: data", **{"plan-file": "opsctl.toml/p.json"})
    assert (folder.code, folder.outputs["status"]) == (2, "failed"), folder.log
    assert folder.outputs["error"] == ("input plan-file: cannot create the folder of "
                                       "opsctl.toml/p.json: File exists")


def test_summary_cells_hold_pipes_newlines_and_markdown(runner: Runner) -> None:
    runner.old_files("pipe|name.log", "new\nline.log", "star*_[x].log")
    run = runner.run(mode="dry-run", request="root: data")
    assert run.code == 0, run.log
    rows = markdown_table(run.summary, "| action")
    assert all(len(row) == 5 for row in rows), rows
    targets = {row[2].rsplit("/", 1)[-1] for row in rows[1:]}
    # cleanup-files shows a newline in a name as \x0a (one line per action), its backslash
    # escaped here; a newline in a cell is test_cell_escaping's
    assert targets == {"pipe\\|name.log", "new\\\\x0aline.log", "star\\*\\_\\[x\\].log"}


BULK = '''
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    hosts: list[str]

bulk = Automation("bulk", version="1.0.0", owner="o", summary="Many hosts", request=Request,
                  effect="read")

@bulk.plan
def plan(ctx, req):
    return []
'''


def test_summary_stays_under_the_runners_limit_with_a_large_request(runner: Runner) -> None:
    """The runner drops a step's whole summary when it is over 1 MiB."""
    runner.project.add_module("bulk", BULK)
    hosts = [f"host-{n:06d}.example.internal" for n in range(60_000)]
    (runner.workspace / "hosts.json").write_text(json.dumps({"hosts": hosts}))
    run = runner.run(automation="bulk", request="hosts.json")
    assert run.code == 0, run.log
    assert len(run.result()["request"]["hosts"]) == 60_000
    assert len(run.summary.encode()) < 1024 * 1024
    assert "### opsctl bulk: no\\_changes (exit 0)" in run.summary
    assert "the whole request is in the result document" in run.summary
    assert "</details>" in run.summary


LEAKY = '''
from pydantic import BaseModel, ConfigDict
from opsctl import Action, Automation, Secret

class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    token: Secret

leaky = Automation("leaky", version="1.0.0", owner="o", summary="Tries to leak its secret",
                   request=Request)

@leaky.plan
def plan(ctx, req):
    token = req.token.get_secret_value()
    ctx.log.info("planning", token=token)
    yield Action(id="use-token", kind="update", target=f"svc/{req.name}",
                 reason=f"rotate from {token}", data={"token": token}, before=token, after="new")

@leaky.apply
def apply(ctx, req, action):
    import sys
    print("::set-output name=status::hijacked")
    print("::add-mask::nothing", file=sys.stderr)
    raise RuntimeError(f"remote said no to {req.token.get_secret_value()}")
'''
CANARY = "canary-91c2-s3cr3t"


def test_secrets_stay_masked_and_automation_output_cannot_run_workflow_commands(
        runner: Runner) -> None:
    runner.project.add_module("leaky", LEAKY)
    runner.extra_env["OPSCTL_SECRET_TOKEN"] = CANARY
    run = runner.run(automation="leaky", mode="apply", args="--name api")
    assert run.code not in (0, 10), run.log
    assert run.outputs["status"] in ("failed", "partial")
    # the runner shows no ::add-mask:: line: it takes the value out of the log instead
    log = "".join(line for line in run.log.splitlines(keepends=True)
                  if not line.startswith("::add-mask::"))
    for text in (json.dumps(run.outputs), run.summary, log,
                 Path(run.outputs["result-file"]).read_text()):
        assert CANARY not in text
    # the automation's own prints ran between ::stop-commands:: and the resume token
    stdout = run.steps[-1].stdout
    stop = re.search(r"^::stop-commands::([0-9a-f]+)$", stdout, re.M)
    assert stop is not None
    resume = stdout.index(f"\n::{stop.group(1)}::\n")
    assert stop.start() < stdout.find("::set-output") < resume
    assert stop.start() < stdout.find("::add-mask::nothing") < resume


def test_what_opsctl_logs_shares_one_stream_with_the_actions_workflow_commands(
        runner: Runner) -> None:
    """The runner reads a step's stdout and stderr on two threads, and in each batch handles
    the stderr lines first: a line of opsctl's stderr could be taken for a command before the
    ``::stop-commands::`` of stdout, or after its resume token. One stream keeps their order."""
    runner.project.add_module("leaky", LEAKY)
    runner.extra_env["OPSCTL_SECRET_TOKEN"] = CANARY
    outputs = runner.tmp / "outputs"
    outputs.touch()
    inputs = {"INPUT_AUTOMATION": "leaky", "INPUT_MODE": "apply", "INPUT_ARGS": "--name api",
              "INPUT_IDEMPOTENCY_KEY": "ci", "INPUT_FAIL_ON": "error",
              "INPUT_PLAN_FILE": "opsctl-plan.json"}
    proc = subprocess.run([sys.executable, str(SCRIPT), "run"], cwd=runner.workspace,
                          env={**runner.env(), **inputs, "GITHUB_OUTPUT": str(outputs),
                               "RUNNER_TEMP": str(runner.tmp / "temp")},
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert proc.stderr == ""
    stop = re.search(r"^::stop-commands::([0-9a-f]+)$", proc.stdout, re.M)
    assert stop is not None
    resume = proc.stdout.index(f"\n::{stop.group(1)}::\n")
    assert stop.start() < proc.stdout.index('"event": "run.started"') < resume
    assert stop.start() < proc.stdout.index("::add-mask::nothing") < resume
    assert resume < proc.stdout.index("::error title=opsctl leaky::")


def test_secrets_from_the_environment_are_registered_as_masks_before_opsctl_runs(
        runner: Runner) -> None:
    """opsctl masks what it writes; what a program the automation starts writes to the log is
    masked by the runner, once the action registered the secret (an earlier step's output is
    not masked by itself, as a ``secrets.*`` value is)."""
    runner.project.add_module("leaky", LEAKY)
    key = "-----BEGIN KEY-----\nline-two-of-the-key\n-----END KEY-----"
    runner.extra_env.update({"OPSCTL_SECRET_TOKEN": CANARY, "OPSCTL_SECRET_PIN": "123",
                             "OPSCTL_SECRET_KEY": key, "OPSCTL_SECRET_PERCENT": "50%\rdone"})
    run = runner.run(automation="leaky", mode="dry-run", args="--name api")
    log = run.steps[-1].stdout
    stop = log.index("::stop-commands::")
    masks = re.findall(r"^::add-mask::(.*)$", log[:stop], re.M)
    assert CANARY in masks
    assert {key.replace("\n", "%0A"), "line-two-of-the-key", "-----END KEY-----"} <= set(masks)
    assert "50%25%0Ddone" in masks
    assert "123" not in masks, "too short to mask in every line of the log, as opsctl does"
    assert "::add-mask::" not in log[stop:]


SLOW = '''
import time
from pathlib import Path
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    folder: str

slow = Automation("slow", version="1.0.0", owner="o", summary="Three slow actions",
                  request=Request)

@slow.plan
def plan(ctx, req):
    for n in range(3):
        yield Action(id=f"step-{n}", kind="run", target=f"{req.folder}/{n}", reason="r")

@slow.apply
def apply(ctx, req, action):
    Path(action.target + ".started").touch()
    time.sleep(1.5)
    Path(action.target + ".done").touch()
'''


@pytest.mark.parametrize("whole_group", [False, True], ids=["runner-cancel", "ctrl-c"])
def test_a_cancelled_job_stops_opsctl_gracefully_and_still_reports(
        runner: Runner, whole_group: bool) -> None:
    """On "Cancel workflow" the runner sends SIGINT to the step's process (then SIGTERM, then
    kills it): opsctl gets it once, finishes the action in flight, and ends ``cancelled``
    (exit 130) with the outputs and the summary written; Ctrl-C reaches the whole group."""
    runner.project.add_module("slow", SLOW)
    folder = runner.tmp / "marks"
    folder.mkdir()

    def cancel(proc: subprocess.Popen[str]) -> None:
        deadline = time.monotonic() + 60
        while not (folder / "0.started").exists():
            assert time.monotonic() < deadline and proc.poll() is None
            time.sleep(0.05)
        if whole_group:
            os.killpg(proc.pid, signal.SIGINT)
        else:
            proc.send_signal(signal.SIGINT)

    run = runner.run(cancel, automation="slow", mode="apply", args=f"--folder {folder}")
    assert run.code == 130, run.log
    assert (run.outputs["status"], run.outputs["exit-code"]) == ("cancelled", "130")
    assert (run.outputs["applied"], run.outputs["run-id"] != "") == ("1", True)
    assert sorted(p.name for p in folder.iterdir()) == ["0.done", "0.started"]
    assert "### opsctl slow: cancelled (exit 130)" in run.summary


FILE_COMMANDS = '''
import os
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    pass

sneaky = Automation("sneaky", version="1.0.0", owner="o", summary="Writes the runner's files",
                    request=Request)

def _write(ctx):
    for name, text in (("GITHUB_OUTPUT", "status=hijacked\\nswallow<<EOF\\n"),
                       ("GITHUB_ENV", "LD_PRELOAD=/tmp/hijacked.so\\n"),
                       ("GITHUB_PATH", "/tmp/hijacked\\n"),
                       ("GITHUB_STEP_SUMMARY", "hijacked\\n")):
        if os.environ.get(name):
            with open(os.environ[name], "a") as fh:
                fh.write(text)

@sneaky.plan
def plan(ctx, req):
    _write(ctx)
    yield Action(id="one", kind="run", target="x", reason="r")

@sneaky.apply
def apply(ctx, req, action):
    _write(ctx)
'''


def test_automation_cannot_write_the_runners_file_commands(runner: Runner) -> None:
    runner.project.add_module("sneaky", FILE_COMMANDS)
    env_file = runner.tmp / "github-env"
    env_file.touch()
    runner.extra_env["GITHUB_ENV"] = str(env_file)
    run = runner.run(automation="sneaky", mode="apply")  # its outputs file must still parse
    assert run.code == 0, run.log
    assert (run.outputs["status"], run.outputs["applied"]) == ("succeeded", "1")
    assert "hijacked" not in run.summary
    assert env_file.read_text() == ""
    added = list(runner.tmp.glob("runner-temp-*/_runner_file_commands/add_path_*"))
    assert all("hijacked" not in path.read_text() for path in added)


def test_matrix_legs_share_the_ci_key_and_the_documented_key_keeps_them_apart(
        runner: Runner) -> None:
    doc = (ROOT / "docs" / "orchestrators.md").read_text()
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", doc, re.S) if "matrix" in b)
    example = yaml.safe_load(block)
    key_expression = example["steps"][0]["with"]["idempotency-key"]
    legs = {"staging": "30d", "prod": "31d"}  # two legs of one job, another request each
    runner.old_files("a.log")
    shared = [runner.run(mode="apply", request=f"root: data\nolder_than: {age}\n")
              for age in legs.values()]
    assert shared[0].code == 0, shared[0].log
    assert (shared[1].code, shared[1].outputs["status"]) == (7, "conflict"), shared[1].log
    assert "with a different request" in shared[1].outputs["error"]
    runner.run_id = "1002"  # the next workflow run, with the key the docs give
    keys = []
    for environment, age in legs.items():
        contexts = {"github": {"repository": runner.repository, "run_id": runner.run_id,
                               "job": runner.job}, "matrix": {"environment": environment}}
        key = Expressions(contexts).render(key_expression)
        run = runner.run(mode="apply", request=f"root: data\nolder_than: {age}\n",
                         **{"idempotency-key": key})
        assert (run.code, run.outputs["replayed"]) == (0, "false"), run.log
        keys.append(run.result()["idempotency_key"])
    assert keys == [f"github:acme/ops:1002:ops:rotate-keys:{e}" for e in legs]


# --- saved plans: plan in one job, apply in another ----------------------------------------


def test_plan_then_apply_plan_in_two_jobs(runner: Runner) -> None:
    runner.extra_env.update({"OPSCTL_PLAN_SIGNING_KEY": "test-signing-key-" + "0" * 32,
                             "OPSCTL_STORE_URL": f"sqlite:///{runner.tmp / 'shared.db'}"})
    files = runner.old_files("a.log", "b.log")
    runner.job = "plan"
    plan = runner.run(mode="plan", request="root: data", **{"plan-file": "out/plan.json"})
    assert plan.code == 0, plan.log
    assert (plan.outputs["status"], plan.outputs["exit-code"]) == ("changes_planned", "10")
    plan_file = Path(plan.outputs["plan-file"])
    assert plan_file == runner.workspace / "out" / "plan.json" and plan_file.is_file()
    assert "| saved plan | plan\\_" in plan.summary
    artifact = runner.tmp / "artifact.json"
    shutil.move(plan_file, artifact)
    shutil.rmtree(runner.workspace / ".opsctl", ignore_errors=True)  # another runner
    runner.job = "apply"
    (runner.workspace / "downloaded").mkdir()
    shutil.copy(artifact, runner.workspace / "downloaded" / "plan.json")
    apply = runner.run(mode="apply-plan", **{"plan-file": "downloaded/plan.json"})
    assert apply.code == 0, apply.log
    assert (apply.outputs["status"], apply.outputs["applied"], apply.outputs["replayed"]) == (
        "succeeded", "2", "false")
    assert not any(f.exists() for f in files)
    assert apply.result()["artifacts"]["plan_id"] == plan.result()["artifacts"]["plan_id"]
    # "Re-run jobs": the same job of the same workflow run replays what it applied
    rerun = runner.run(mode="apply-plan", **{"plan-file": "downloaded/plan.json"})
    assert rerun.code == 0, rerun.log
    assert (rerun.outputs["replayed"], rerun.outputs["run-id"], rerun.outputs["applied"]) == (
        "true", apply.outputs["run-id"], "2")
    assert "this job's earlier attempt" in rerun.summary
    # any other run gets the refusal: a saved plan applies once
    runner.run_id = "1002"
    other = runner.run(mode="apply-plan", **{"plan-file": "downloaded/plan.json"})
    assert other.code == 3, other.log
    assert "already applied" in other.outputs["error"]


def test_plan_file_output_is_the_file_opsctl_wrote(runner: Runner) -> None:
    runner.old_files("a.log")
    first = runner.run(mode="plan", request="root: data")
    assert first.outputs["plan-file"] == str(runner.workspace / "opsctl-plan.json")
    runner.old_files("b.log")
    runner.run_id = "1002"
    second = runner.run(mode="plan", request="root: data", args="--out reviewed.json")
    assert second.code == 0, second.log
    plan_file = Path(second.outputs["plan-file"])
    assert plan_file == runner.workspace / "reviewed.json", "not the earlier, stale plan"
    assert json.loads(plan_file.read_text())["plan_id"] == \
        second.result()["artifacts"]["plan_id"]


def test_apply_plan_refuses_a_plan_of_another_automation(runner: Runner) -> None:
    runner.old_files("a.log")
    plan = runner.run(mode="plan", request="root: data")
    assert plan.code == 0, plan.log
    wrong = runner.run(automation="release-tag", mode="apply-plan")
    assert wrong.code == 2
    assert wrong.outputs["error"] == ("plan-file opsctl-plan.json is a plan of 'cleanup-files', "
                                      "not of 'release-tag'")


def test_plan_file_must_be_a_file(runner: Runner) -> None:
    runner.old_files("a.log")
    for mode in ("plan", "apply-plan"):  # `-` would be the action's own stdout, or stdin
        run = runner.run(mode=mode, request="root: data" if mode == "plan" else "",
                         **{"plan-file": "-"})
        assert (run.code, run.outputs["exit-code"]) == (2, "2"), run.log
        assert run.outputs["error"].startswith("input plan-file: - is standard "), run.log
    fifo = runner.workspace / "plan.json"
    os.mkfifo(fifo)  # nobody writes it: reading it would wait for ever
    run = runner.run(mode="apply-plan", **{"plan-file": "plan.json"})
    assert (run.code, run.outputs["status"]) == (2, "failed"), run.log
    assert "is not a regular file" in run.outputs["error"]


# --- the example workflow ----------------------------------------------------------------


def load_workflow() -> dict[str, Any]:
    workflow = yaml.safe_load(WORKFLOW.read_text())
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads `on:` as true
    return workflow


def opsctl_steps(job: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [s for s in job["steps"] if ACTION_REF.match(str(s.get("uses", "")))]


def test_example_workflow_plans_on_pull_requests_and_applies_the_plan_on_merge() -> None:
    workflow = load_workflow()
    assert set(workflow["on"]) == {"pull_request", "push"}
    assert workflow["on"]["push"]["branches"] == ["main"]
    declared = set(load_action()["inputs"])
    plan_job, apply_job = workflow["jobs"]["plan"], workflow["jobs"]["apply"]
    assert "pull_request" in plan_job["if"] and "push" in apply_job["if"]
    (plan_step,), (apply_step,) = opsctl_steps(plan_job), opsctl_steps(apply_job)
    for step in (plan_step, apply_step):
        assert set(step["with"]) <= declared, set(step["with"]) - declared
    assert (plan_step["with"]["mode"], apply_step["with"]["mode"]) == ("plan", "apply-plan")
    assert plan_step["with"]["automation"] == apply_step["with"]["automation"]
    upload = next(s for s in plan_job["steps"] if s.get("uses") == "actions/upload-artifact@v4")
    assert upload["with"]["path"] == f"${{{{ steps.{plan_step['id']}.outputs.plan-file }}}}"
    download = next(s for s in apply_job["steps"]
                    if s.get("uses") == "actions/download-artifact@v4")
    assert download["with"]["name"] == upload["with"]["name"]
    assert apply_step["with"]["plan-file"] == (
        f"{download['with']['path']}/{Path(plan_step['with']['plan-file']).name}")
    assert apply_job["permissions"]["actions"] == "read"
    assert apply_job["steps"].index(download) < apply_job["steps"].index(apply_step)
    env = workflow["env"]
    assert env["OPSCTL_PLAN_SIGNING_KEY"] == "${{ secrets.OPSCTL_PLAN_SIGNING_KEY }}"
    assert env["OPSCTL_STORE_URL"] == "${{ secrets.OPSCTL_STORE_URL }}"


FAKE_GH = """#!/usr/bin/env bash
printf '%s\\n' "$*" >> "$GH_CALLS"
case "$1 $2" in
  "api repos/acme/ops/commits/$GITHUB_SHA/pulls") echo "$FAKE_PR_HEAD" ;;
  "run list") echo "$FAKE_PLAN_RUN" ;;
  *) echo "gh: unexpected $*" >&2; exit 1 ;;
esac
"""


def run_job(workflow: Mapping[str, Any], name: str, runner: Runner, *,
            contexts: dict[str, Any], artifacts: dict[str, dict[str, bytes]],
            replace: Mapping[str, str]) -> dict[str, ActionRun]:
    """Run one job of the example workflow: checkout is the workspace as it is, the opsctl
    action runs (with ``replace`` for the automation and request of this test project),
    artifacts are kept in ``artifacts``, other uses: steps (cloud credentials) are skipped,
    and run: steps run with bash."""
    job = workflow["jobs"][name]
    runner.job = name
    env = runner.env()
    steps_context: dict[str, Any] = {}
    contexts = {**contexts, "steps": steps_context, "env": env}
    assert Expressions(contexts).condition(job["if"]), f"job {name} would not run"
    for key, value in {**workflow.get("env", {}), **job.get("env", {})}.items():
        env[key] = Expressions(contexts).render(str(value))
    runs: dict[str, ActionRun] = {}
    status = "success"
    temp = runner.tmp / f"job-temp-{name}-{runner.run_id}"
    temp.mkdir()
    for spec in job["steps"]:
        expressions = Expressions(contexts, status)
        if not expressions.condition(spec.get("if")):
            continue
        uses = str(spec.get("uses", ""))
        with_ = {k: expressions.render(str(v)) for k, v in (spec.get("with") or {}).items()}
        outputs: dict[str, str] = {}
        code = 0
        if ACTION_REF.match(uses):
            inputs = {**with_, **replace, "install": "none"}
            run = run_action(inputs, workspace=runner.workspace, env=env, runner_temp=temp,
                             github={"event_name": contexts["github"]["event_name"]})
            runs[spec["id"]] = run
            outputs, code = run.outputs, run.code
        elif uses == "actions/upload-artifact@v4":
            path = Path(with_["path"])
            assert path.is_absolute() and path.is_file(), with_
            artifacts[with_["name"]] = {path.name: path.read_bytes()}
        elif uses == "actions/download-artifact@v4":
            assert with_["run-id"] == contexts["plan_run_id"], "the pull request's run"
            target = runner.workspace / with_["path"]
            target.mkdir(parents=True, exist_ok=True)
            for file_name, content in artifacts[with_["name"]].items():
                (target / file_name).write_bytes(content)
        elif uses.startswith(("actions/checkout@", "aws-actions/configure-aws-credentials@")):
            pass
        elif "run" in spec:
            output_file = temp / f"output-{uuid.uuid4().hex}"
            output_file.touch()
            step_env = {k: expressions.render(str(v)) for k, v in (spec.get("env") or {}).items()}
            proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                                   expressions.render(spec["run"])],
                                  cwd=runner.workspace, capture_output=True, text=True,
                                  env={**env, **step_env, "GITHUB_OUTPUT": str(output_file)})
            assert proc.returncode == 0, proc.stdout + proc.stderr
            outputs = parse_output_file(output_file.read_text())
        else:
            raise AssertionError(f"the example uses {uses}, which this emulation does not know")
        if "id" in spec:
            steps_context[spec["id"]] = {"outputs": outputs}
        if code != 0:
            status = "failure"
    return runs


def test_example_workflow_runs_plan_job_then_apply_job(runner: Runner) -> None:
    """The example as written (its action inputs, artifact wiring and the lookup of the pull
    request's run), on this test's automation instead of EBS volumes."""
    workflow = load_workflow()
    files = runner.old_files("a.log", "b.log")
    (runner.workspace / "ops").mkdir()
    (runner.workspace / "ops" / "cleanup.yaml").write_text("root: data\n")
    replace = {"automation": "cleanup-files", "request": "ops/cleanup.yaml"}
    secrets = {"OPSCTL_PLAN_SIGNING_KEY": "k" * 64,
               "OPSCTL_STORE_URL": f"sqlite:///{runner.tmp / 'shared.db'}"}
    gh = runner.tmp / "bin" / "gh"
    gh.parent.mkdir()
    gh.write_text(FAKE_GH)
    gh.chmod(0o755)
    calls = runner.tmp / "gh-calls"
    artifacts: dict[str, dict[str, bytes]] = {}

    runner.run_id = "4242"
    pr = {"github": {"event_name": "pull_request", "token": "ghs_fake", "sha": "1" * 40},
          "secrets": secrets, "vars": {}, "plan_run_id": "4242"}
    planned = run_job(workflow, "plan", runner, contexts=pr, artifacts=artifacts, replace=replace)
    assert planned["opsctl"].code == 0, planned["opsctl"].log
    assert planned["opsctl"].outputs["status"] == "changes_planned"
    assert set(artifacts["opsctl-plan"]) == {"opsctl-plan.json"}

    # the push to main runs on a fresh runner: no plan file, no local state
    (runner.workspace / "opsctl-plan.json").unlink()
    shutil.rmtree(runner.workspace / ".opsctl", ignore_errors=True)
    runner.run_id = "4300"
    merge_sha, head_sha = "2" * 40, "3" * 40
    runner.extra_env.update({"PATH": f"{gh.parent}{os.pathsep}{BIN}{os.pathsep}"
                                     f"{os.environ.get('PATH', '')}",
                             "GITHUB_SHA": merge_sha, "GH_CALLS": str(calls),
                             "GITHUB_WORKFLOW_REF": "acme/ops/.github/workflows/opsctl.yml@refs/heads/main",
                             "FAKE_PR_HEAD": head_sha, "FAKE_PLAN_RUN": "4242"})
    push = {"github": {"event_name": "push", "token": "ghs_fake", "sha": merge_sha},
            "secrets": secrets, "vars": {}, "plan_run_id": "4242"}
    applied = run_job(workflow, "apply", runner, contexts=push, artifacts=artifacts,
                      replace={"automation": "cleanup-files"})
    assert applied["opsctl"].code == 0, applied["opsctl"].log
    assert (applied["opsctl"].outputs["status"], applied["opsctl"].outputs["applied"]) == (
        "succeeded", "2")
    assert not any(f.exists() for f in files)
    run_list = calls.read_text().splitlines()[1]
    for flag in ("--workflow opsctl.yml", "--event pull_request", f"--commit {head_sha}",
                 "--status success"):
        assert flag in run_list


# --- the script's pieces -----------------------------------------------------------------


@pytest.mark.parametrize("value", ["one line", "two\nlines", "ends with newline\n",
                                   "ghadelimiter_x\nlooks like a delimiter", "", "a=b<<c"])
def test_outputs_round_trip_through_the_runners_reader(value: str) -> None:
    module = action_module()
    text = module.output_lines("error", value) + module.output_lines("status", "failed")
    assert parse_output_file(text) == {"error": value, "status": "failed"}


@pytest.mark.parametrize(("install", "version", "extras", "expected"), [
    ("none", "", "", None),
    ("", "", "", ["/action"]),
    ("", "", "aws,postgres", ["/action[aws,postgres]"]),
    ("", "0.1.0", "aws", ["opsctl[aws]==0.1.0"]),
    ("", "v0.1.0", "", ["opsctl==0.1.0"]),
    ("", ">=0.1,<0.2", "", ["opsctl>=0.1,<0.2"]),
    ("-r requirements-ops.txt", "0.1.0", "aws", ["-r", "requirements-ops.txt"]),
], ids=["none", "action-checkout", "checkout-extras", "release", "tag", "specifier", "verbatim"])
def test_install_command(install: str, version: str, extras: str,
                         expected: list[str] | None) -> None:
    command = action_module().install_command(install, version, extras, "/action", "py")
    if expected is None:
        assert command is None
    else:
        assert command == ["py", "-m", "pip", "install", "--disable-pip-version-check",
                           "--no-input", *expected]


def test_install_refuses_extras_that_are_not_a_list_of_names() -> None:
    module = action_module()
    with pytest.raises(module.ActionInputError, match="extras"):
        module.install_command("", "", "aws] evil[", "/action", "py")


def test_an_install_that_puts_no_opsctl_on_path_says_so(runner: Runner) -> None:
    """A Python with pip but no opsctl, and an install input that installs nothing."""
    python = runner.tmp / "python"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", "--system-site-packages",
                    str(python)], check=True)
    runner.extra_env["PATH"] = os.pathsep.join([str(python / "bin"), "/usr/bin", "/bin"])
    run = runner.run(install="--dry-run pip")  # already there: pip installs nothing
    assert run.code == 127, run.log
    assert "pip installed no opsctl command" in run.log
    assert "with install: none" not in run.log


def test_install_with_an_unclosed_quote_fails_the_step_and_says_why(runner: Runner) -> None:
    run = runner.run(install="-r 'requirements ops.txt")
    assert run.code == 2, run.log
    assert "::error title=opsctl action::input install: No closing quotation" in run.log
    assert run.steps[-1].code is None, "opsctl does not run"


def test_cell_escaping() -> None:
    cell: Callable[..., str] = action_module().cell
    assert cell("a|b") == "a\\|b"
    assert cell("back\\slash|pipe") == "back\\\\slash\\|pipe"
    assert cell("x\r\ny\nz") == "x<br>y<br>z"
    assert cell("<script>&amp;") == "\\<script\\>\\&amp;"
    assert cell("\x1b[31m") == "\N{REPLACEMENT CHARACTER}\\[31m"
    assert cell({"k": [1]}) == '{"k": \\[1\\]}'
    assert cell("x" * 300).endswith("…") and len(cell("x" * 300)) == 200


def test_the_emulated_expressions_behave_as_githubs() -> None:
    contexts = {"inputs": {"python-version": "", "mode": "plan"},
                "github": {"event_name": "pull_request"},
                "steps": {"run": {"outputs": {"run-id": "run_1"}}}}
    ok, failed = Expressions(contexts), Expressions(contexts, "failure")
    assert not ok.condition("inputs.python-version != ''")
    assert ok.condition("${{ inputs.mode == 'PLAN' }}"), "strings compare ignoring case"
    assert ok.condition("github.event_name == 'pull_request'")
    assert not failed.condition("github.event_name == 'pull_request'"), "success() is implied"
    assert failed.condition("always() && steps.run.outputs.run-id != ''")
    assert ok.render("id=${{ steps.run.outputs.run-id }}, x=${{ steps.none.outputs.x }}") == \
        "id=run_1, x="
    with pytest.raises(ExpressionError):
        ok.evaluate("secrets.TOKEN")
    with pytest.raises(ExpressionError):
        ok.evaluate("toJSON(inputs)")
