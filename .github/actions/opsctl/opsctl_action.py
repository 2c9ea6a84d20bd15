#!/usr/bin/env python3
"""The steps of the opsctl GitHub Action (``action.yml`` at the repository root).

A composite action gets no ``INPUT_*`` variables by itself: each step of ``action.yml`` passes
the inputs it needs through ``env:``, and calls this script::

    python3 opsctl_action.py install   # pip-install opsctl as the inputs say
    python3 opsctl_action.py run       # run opsctl once and report its result document

``run`` builds one opsctl command from the inputs (``--format json``, ``--idempotency-key ci``
unless told otherwise), runs it with its logs passing through, then

* writes the outputs (``status``, ``exit-code``, ``run-id``, the summary counts, ...) to
  ``$GITHUB_OUTPUT``, multi-line values in the delimited form;
* appends a Markdown report (the run, its counts, the error, the actions) to
  ``$GITHUB_STEP_SUMMARY``, every value escaped so that it stays in its table cell; values come
  only from the result document, where opsctl has already masked secrets;
* exits with the run's exit code, except that ``fail-on`` says which codes fail the step: by
  default exit 10 ("changes planned") succeeds when planning (modes ``plan`` and ``dry-run``).

Standard library only: it runs on the runner's Python, before opsctl is installed too.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import stat
import subprocess
import sys
import sysconfig
import tempfile
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

MODES = ("dry-run", "plan", "apply", "apply-plan")
FAIL_ON = ("error", "changes", "never")
COUNTS = ("planned", "applied", "unchanged", "skipped", "failed")
RESULT_SCHEMA = "opsctl.result/v1"
EXIT_USAGE = 2
EXIT_CHANGES_PLANNED = 10
EXIT_NOT_FOUND = 127
MAX_ACTION_ROWS = 100  # a job summary is at most 1 MiB; the whole plan is in result-file
MAX_CELL = 200
MAX_PLAN_READ = 64 * 1024 * 1024  # a plan file larger than this is left to opsctl to refuse
MAX_REQUEST_SHOWN = 64 * 1024  # characters of the request in the summary; the runner drops a
                               # step's whole summary over 1 MiB, and a request may be 10 MiB
SECRET_PREFIX = "OPSCTL_SECRET_"
MIN_MASK = 4  # opsctl masks shorter secrets only where a whole value equals them
_EXTRAS = re.compile(r"^[A-Za-z0-9_.,-]*$")
_AUTOMATION = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*\Z")  # opsctl's own rule for names
_APPLIED_BY = re.compile(r"already applied by run (run_[0-9A-Za-z]+)")
_MARKDOWN_SPECIAL = frozenset("\\`*_[]<>|~&")
# the runner's file commands: what is written to them sets outputs, the job's environment and
# PATH, the summary; the action writes them, opsctl and its automations never see them
FILE_COMMANDS = ("GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STATE",
                 "GITHUB_STEP_SUMMARY")


class ActionInputError(Exception):
    """An input of the action that cannot work: the step fails with exit 2, whatever fail-on."""


@dataclass(frozen=True)
class Inputs:
    automation: str
    mode: str
    request: str
    args: tuple[str, ...]
    plan_file: str
    idempotency_key: str
    fail_on: str

    @property
    def planning(self) -> bool:
        return self.mode in ("plan", "dry-run")


def split_args(text: str) -> list[str]:
    """``text`` split as bash splits words: quotes and backslashes as shlex reads them, and a
    ``#`` that begins a word comments out the rest of its line (``fix#42`` is one word, which
    ``shlex.split(comments=True)`` would cut at the ``#``)."""
    kept: list[str] = []
    quote = ""
    word_start = True
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "#" and not quote and word_start:
            end = text.find("\n", i)
            if end < 0:
                break
            i = end
            continue
        kept.append(ch)
        i += 1
        if quote == "'":
            quote = "" if ch == "'" else quote
        elif ch == "\\" and i < len(text):
            kept.append(text[i])  # an escaped character is never a quote nor a comment
            i += 1
        elif ch == '"' or (ch == "'" and not quote):
            quote = "" if quote == ch else ch
        word_start = not quote and ch.isspace()
    return shlex.split("".join(kept))


def read_inputs(env: Mapping[str, str]) -> Inputs:
    def get(name: str, default: str = "") -> str:
        return env.get(f"INPUT_{name}", default).strip()

    mode = get("MODE", "dry-run") or "dry-run"
    if mode not in MODES:
        raise ActionInputError(f"input mode: {mode!r} is not one of {', '.join(MODES)}")
    fail_on = get("FAIL_ON", "error") or "error"
    if fail_on not in FAIL_ON:
        raise ActionInputError(f"input fail-on: {fail_on!r} is not one of {', '.join(FAIL_ON)}")
    automation = get("AUTOMATION")
    if not automation:
        raise ActionInputError("input automation is required (the name `opsctl list` shows)")
    if not _AUTOMATION.match(automation):  # it is printed to the log, where a line is a command
        raise ActionInputError(f"input automation: {automation!r} is not an automation name "
                               "(lower-case words joined by '-', as `opsctl list` shows)")
    try:
        args = tuple(split_args(env.get("INPUT_ARGS", "")))
    except ValueError as exc:
        raise ActionInputError(f"input args: {exc}") from None
    plan_file = get("PLAN_FILE", "opsctl-plan.json")
    if mode in ("plan", "apply-plan") and not plan_file:
        raise ActionInputError(f"input plan-file is required with mode {mode}")
    if mode in ("plan", "apply-plan") and plan_file == "-":
        raise ActionInputError("input plan-file: - is standard output or input, which the action "
                               "reads itself: name a file")
    return Inputs(automation=automation, mode=mode, request=env.get("INPUT_REQUEST", ""),
                  args=args, plan_file=plan_file, idempotency_key=get("IDEMPOTENCY_KEY"),
                  fail_on=fail_on)


# --- install -----------------------------------------------------------------------------


def install_command(install: str, version: str, extras: str, action_path: str,
                    python: str) -> list[str] | None:
    """The pip command that installs opsctl, or None for ``install: none``.

    ``install`` given: what pip installs, verbatim (``opsctl[aws]==1.2.0``, ``-e .``,
    ``-r requirements.txt``). Else ``opsctl-version`` from the package index, else the opsctl
    of the action's own checkout, so the action and the CLI are the same version.
    """
    install, version, extras = install.strip(), version.strip(), extras.strip()
    if install == "none":
        return None
    pip = [python, "-m", "pip", "install", "--disable-pip-version-check", "--no-input"]
    if install:
        try:
            return [*pip, *shlex.split(install)]
        except ValueError as exc:
            raise ActionInputError(f"input install: {exc}") from None
    if not _EXTRAS.match(extras):
        raise ActionInputError(f"input extras: {extras!r} is not a comma-separated list of "
                               "extras such as aws,postgres")
    wanted = f"[{extras}]" if extras else ""
    if version:
        pin = version if version[0] in "<>=!~" else f"=={version.removeprefix('v')}"
        return [*pip, f"opsctl{wanted}{pin}"]
    return [*pip, f"{action_path}{wanted}"]


def install(env: Mapping[str, str]) -> int:
    command = install_command(env.get("INPUT_INSTALL", ""), env.get("INPUT_OPSCTL_VERSION", ""),
                              env.get("INPUT_EXTRAS", ""), env.get("GITHUB_ACTION_PATH", "."),
                              sys.executable)
    if command is not None:
        print("+ " + shlex.join(command), flush=True)
        code = subprocess.call(command)
        if code != 0:
            return code
        for scheme in (sysconfig.get_default_scheme(), f"{os.name}_user"):
            scripts = Path(sysconfig.get_path("scripts", scheme))
            installed = scripts / "opsctl"
            if not installed.is_file():
                continue
            if shutil.which("opsctl") != str(installed) and env.get("GITHUB_PATH"):
                # pip put it where PATH does not look (a user site): later steps look there.
                with open(env["GITHUB_PATH"], "a", encoding="utf-8") as fh:
                    fh.write(f"{scripts}\n")
            return subprocess.call([str(installed), "--version"])
    found = shutil.which("opsctl")
    if found is None:
        if command is None:
            problem = ("no opsctl on PATH: with install: none, install it in an earlier step or "
                       "add its directory to $GITHUB_PATH")
        else:
            problem = (f"pip installed no opsctl command ({shlex.join(command[1:])}): name "
                       "opsctl in input install, or leave it empty")
        annotate("error", problem, title="opsctl action")
        return EXIT_NOT_FOUND
    return subprocess.call([found, "--version"])


# --- run -----------------------------------------------------------------------------------


def is_document(text: str) -> bool:
    """Whether the request input is a document rather than the path of one."""
    stripped = text.strip()
    return "\n" in stripped or stripped.startswith(("{", "[")) or ": " in stripped \
        or stripped.endswith(":")


def _is_file(text: str) -> bool:
    try:
        return Path(text).is_file()
    except OSError:  # a document longer than a file name may be is not the name of a file
        return False


def request_arguments(text: str, scratch: Path) -> tuple[list[str], Path | None]:
    """``--request FILE``: a path as given, or the document text written to a scratch file
    (returned second, to be removed after the run)."""
    if not text.strip():
        return [], None
    if text.strip() == "-":
        raise ActionInputError("input request: - is standard input, which the action does not "
                               "pass on: give the path of the document, or the document itself")
    if _is_file(text.strip()) or not is_document(text):
        return ["--request", text.strip()], None
    # JSON is read as JSON: YAML takes neither its tab indentation nor its escaped surrogate
    # pairs ("\ud83d\ude80"); opsctl reads a request document strictly either way.
    try:
        json.loads(text)
        suffix = ".json"
    except ValueError:
        suffix = ".yaml"
    fd, path = tempfile.mkstemp(prefix="opsctl-request-", suffix=suffix, dir=scratch)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    return ["--request", path], Path(path)


def build_command(inputs: Inputs, request: Sequence[str], opsctl: str = "opsctl") -> list[str]:
    key = ["--idempotency-key", inputs.idempotency_key] if inputs.idempotency_key else []
    if inputs.mode == "apply-plan":  # the saved plan is the run's key: it applies once
        head = [opsctl, "apply", "--plan", inputs.plan_file]
    elif inputs.mode == "plan":
        head = [opsctl, "plan", inputs.automation, *request, "--out", inputs.plan_file, *key]
    elif inputs.mode == "dry-run":
        head = [opsctl, inputs.automation, *request, "--dry-run", *key]
    else:
        head = [opsctl, "apply", inputs.automation, *request, *key, "--yes"]
    return [*head, *inputs.args, "--format", "json"]


def check_plan_automation(inputs: Inputs) -> None:
    """With mode apply-plan, the saved plan must be a plan of the automation named."""
    try:
        if not stat.S_ISREG(os.stat(inputs.plan_file).st_mode):
            return  # a FIFO or a device would never end: opsctl refuses it without reading
        with open(inputs.plan_file, encoding="utf-8") as fh:
            plan = json.loads(fh.read(MAX_PLAN_READ + 1))
    except (OSError, ValueError):
        return  # opsctl says what is wrong with the file (exit 2), recorded as any refusal
    named = plan.get("automation") if isinstance(plan, dict) else None
    if isinstance(named, str) and named != inputs.automation:
        raise ActionInputError(f"plan-file {inputs.plan_file} is a plan of {named!r}, not of "
                               f"{inputs.automation!r}")


@dataclass
class Outcome:
    code: int
    document: dict[str, Any] | None
    problem: str | None = None
    replayed_from: str | None = None
    request_file: str | None = None  # where the request input, a document, was written

    def error_message(self) -> str:
        """The error, if any; the file a request document was written to (gone by now, and
        named nowhere in the workflow) is named as the input it came from."""
        error = (self.document or {}).get("error") or {}
        text = str(error.get("message") or self.problem or "")
        if self.request_file:
            text = text.replace(f"request file {self.request_file}", "input request")
            text = text.replace(self.request_file, "input request")
        return text


def result_document(lines: Sequence[str]) -> tuple[dict[str, Any] | None, int]:
    """The result document among opsctl's stdout lines (the last one), and its line number."""
    for number in range(len(lines) - 1, -1, -1):
        line = lines[number].strip()
        if not line.startswith("{"):
            continue
        try:
            doc = json.loads(line)
        except ValueError:
            continue
        if isinstance(doc, dict) and doc.get("schema") == RESULT_SCHEMA:
            return doc, number
    return None, -1


@contextlib.contextmanager
def forwarding_signals(proc: subprocess.Popen[str]) -> Iterator[None]:
    """SIGINT and SIGTERM (the runner's "Cancel workflow", Ctrl-C) are passed on to opsctl
    rather than ending this step at once: opsctl stops as it does on a signal (the actions in
    flight finish, the run ends ``cancelled``, exit 130), and its result is still reported."""
    def forward(signum: int, frame: object) -> None:
        proc.send_signal(signum)

    previous = {signum: signal.signal(signum, forward)
                for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def run_json(command: Sequence[str], env: Mapping[str, str]) -> Outcome:
    """Run ``command`` (its stderr, the log, to this step's stdout) and read its result
    document from its stdout.

    Workflow commands are off meanwhile, and ``env`` holds none of the runner's file commands:
    nothing an automation logs or writes can set an output or an environment variable of the
    job.
    """
    token = secrets.token_hex(16)
    print(f"::stop-commands::{token}", flush=True)
    try:
        try:
            # a session of its own: a signal reaches opsctl once, through forwarding_signals.
            # Its stderr is this step's stdout: the runner reads stdout and stderr on two
            # threads, so only lines of one stream keep their order around the tokens.
            proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=sys.stdout, text=True, errors="replace", env=env,
                                    start_new_session=True)
        except OSError as exc:
            return Outcome(EXIT_NOT_FOUND, None, f"opsctl could not be started: {exc.strerror}")
        with forwarding_signals(proc):
            stdout, _ = proc.communicate()
        lines = stdout.splitlines()
        doc, number = result_document(lines)
        # what else the automation printed, shown while commands are still off
        shown = [line for i, line in enumerate(lines) if i != number and line.strip()]
        if shown:
            print("\n".join(shown), flush=True)
    finally:
        print(f"::{token}::", flush=True)
    code = proc.returncode if proc.returncode >= 0 else 128 - proc.returncode
    if doc is None:
        return Outcome(code, None, f"opsctl exited {code} without a result document; "
                                   "its log above says why")
    return Outcome(code, doc)


def same_ci_job(run: Mapping[str, Any], env: Mapping[str, str]) -> bool:
    runtime = run.get("runtime") or {}
    context = (runtime.get("identity") or {}).get("context") or {}
    wanted = {"ci": "github", "repository": env.get("GITHUB_REPOSITORY"),
              "run_id": env.get("GITHUB_RUN_ID"), "job_name": env.get("GITHUB_JOB")}
    return all(value and context.get(name) == value for name, value in wanted.items())


def replay_applied_plan(outcome: Outcome, env: Mapping[str, str], opsctl: str,
                        child_env: Mapping[str, str]) -> Outcome:
    """A re-run of this job finds its saved plan applied by its own earlier attempt: replay
    that run's result (resume it when it did not finish), as ``--idempotency-key ci`` does for
    an apply without a saved plan. A plan applied by any other run stays refused (exit 3)."""
    error = (outcome.document or {}).get("error") or {}
    match = _APPLIED_BY.search(str(error.get("message", "")))
    if outcome.code != 3 or match is None:
        return outcome
    run_id = match.group(1)
    shown = subprocess.run([opsctl, "show", run_id, "--format", "json"], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True, errors="replace", check=False,
                           env=child_env)
    try:
        run = json.loads(shown.stdout) if shown.returncode == 0 else None
    except ValueError:
        run = None
    if not isinstance(run, dict) or not same_ci_job(run, env):
        return outcome
    if run.get("status") in ("succeeded", "no_changes") and isinstance(run.get("result"), dict):
        doc = dict(run["result"])
        doc["replayed"] = True
        return Outcome(int(doc.get("exit_code", 0)), doc, replayed_from=run_id)
    resumed = run_json([opsctl, "resume", run_id, "--format", "json"], child_env)
    resumed.replayed_from = run_id
    return resumed


def step_exit_code(code: int, inputs: Inputs) -> int:
    if inputs.fail_on == "never" or code == 0:
        return 0
    if code == EXIT_CHANGES_PLANNED and inputs.planning and inputs.fail_on == "error":
        return 0
    return code


# --- outputs and summary -------------------------------------------------------------------


def output_lines(name: str, value: str) -> str:
    """One ``$GITHUB_OUTPUT`` entry: ``name=value``, or the delimited form for multi-line text."""
    if "\n" not in value and "\r" not in value:
        return f"{name}={value}\n"
    while True:
        delimiter = f"ghadelimiter_{secrets.token_hex(16)}"
        if delimiter not in value:
            return f"{name}<<{delimiter}\n{value}\n{delimiter}\n"


def outputs_of(outcome: Outcome, inputs: Inputs, result_file: str) -> dict[str, str]:
    doc = outcome.document or {}
    summary = doc.get("summary") or {}
    plan_file = ""
    written = (doc.get("artifacts") or {}).get("plan_file")
    if inputs.mode == "apply-plan":
        plan_file = os.path.abspath(inputs.plan_file)
    elif inputs.mode == "plan" and isinstance(written, str) and os.path.isfile(written):
        plan_file = os.path.abspath(written)  # the file opsctl wrote (`--out` in args wins)
    return {
        "status": str(doc.get("status") or "failed"),
        "exit-code": str(outcome.code),
        "run-id": str(doc.get("run_id") or ""),
        "replayed": "true" if doc.get("replayed") else "false",
        **{name: str(int(summary.get(name) or 0)) for name in COUNTS},
        "error": outcome.error_message(),
        "plan-file": plan_file,
        "result-file": result_file,
    }


def write_outputs(values: Mapping[str, str], env: Mapping[str, str]) -> None:
    path = env.get("GITHUB_OUTPUT")
    text = "".join(output_lines(name, value) for name, value in values.items())
    if not path:
        print(text, end="")
        return
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(text)


def cell(value: Any, limit: int = MAX_CELL) -> str:
    """Text that stays inside one Markdown table cell and renders as itself."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True,
                                                           ensure_ascii=False)
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    out = []
    for ch in text.replace("\r\n", "\n"):
        if ch in "\n\r":
            out.append("<br>")
        elif ch in _MARKDOWN_SPECIAL:
            out.append("\\" + ch)
        elif unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            out.append("\N{REPLACEMENT CHARACTER}")
        else:
            out.append(ch)
    return "".join(out)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str = "---") -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _fenced(text: str, info: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{text}\n{fence}\n"


def summary_markdown(outcome: Outcome, inputs: Inputs, outputs: Mapping[str, str]) -> str:
    doc = outcome.document or {}
    automation = doc.get("automation") or inputs.automation
    parts = [f"### opsctl {cell(automation)}: {cell(outputs['status'])} "
             f"(exit {outcome.code})\n"]
    rows = [("mode", cell(inputs.mode)), ("exit code", cell(str(outcome.code))),
            ("run", cell(outputs["run-id"] or "-")),
            ("contract version", cell(doc.get("contract_version") or "-")),
            ("actor", cell(doc.get("actor") or "-")),
            ("idempotency key", cell(doc.get("idempotency_key") or "-")),
            ("replayed", "yes" if outputs["replayed"] == "true" else "no")]
    if outcome.replayed_from:
        rows.append(("replayed from", cell(outcome.replayed_from
                                           + " (this job's earlier attempt)")))
    artifacts = doc.get("artifacts") or {}
    if artifacts.get("plan_id"):
        rows.append(("saved plan", cell(f"{artifacts['plan_id']}")))
    if outputs["plan-file"]:
        rows.append(("plan file", cell(outputs["plan-file"])))
    if artifacts.get("plan_expires_at"):
        rows.append(("plan expires", cell(artifacts["plan_expires_at"])))
    parts.append(_table(("", ""), rows))
    parts.append(_table(COUNTS, [[outputs[name] for name in COUNTS]], "--:"))
    error = doc.get("error") or {}
    if error or outcome.problem:
        kind = f" ({cell(error['type'])})" if error.get("type") else ""
        message = outcome.error_message()
        parts.append(f"**Error**{kind}: {cell(message, limit=2000)}\n")
    warnings = [w for w in doc.get("warnings") or [] if w]
    if warnings:
        parts.append("**Warnings**\n\n" + "".join(f"- {cell(w, limit=500)}\n"
                                                  for w in warnings[:20]))
    actions = ((doc.get("plan") or {}).get("actions")) or []
    if actions:
        shown = actions[:MAX_ACTION_ROWS]
        with_errors = any(a.get("error") for a in shown)
        header = ["action", "kind", "target", "reason", "status"] + (["error"] if with_errors
                                                                     else [])
        rows_ = [[cell(a.get("id")), cell(a.get("kind")), cell(a.get("target")),
                  cell(a.get("reason")), cell(a.get("status"))]
                 + ([cell(a.get("error"))] if with_errors else []) for a in shown]
        parts.append(_table(header, rows_))
        if len(actions) > len(shown):
            parts.append(f"… and {len(actions) - len(shown)} more actions: all of them are in "
                         "the result document (output `result-file`)\n")
    elif doc.get("run_id") and doc.get("status") in ("succeeded", "no_changes"):
        parts.append("No actions: nothing to change.\n")
    request = doc.get("request")
    if request:
        text = json.dumps(request, indent=2, sort_keys=True, ensure_ascii=False)
        cut = ""
        if len(text) > MAX_REQUEST_SHOWN:
            text = text[:text.rfind("\n", 0, MAX_REQUEST_SHOWN)]
            cut = ("… cut: the whole request is in the result document (output "
                   "`result-file`)\n")
        parts.append("<details><summary>request</summary>\n\n" + _fenced(text, "json")
                     + cut + "\n</details>\n")
    return "\n".join(parts) + "\n"


def write_summary(markdown: str, env: Mapping[str, str]) -> None:
    path = env.get("GITHUB_STEP_SUMMARY")
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(markdown)


def _command_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def annotate(kind: str, message: str, title: str) -> None:
    """A ``::error``/``::warning``/``::notice`` workflow command, its values escaped."""
    def prop(text: str) -> str:
        return _command_data(text).replace(":", "%3A").replace(",", "%2C")

    print(f"::{kind} title={prop(title)}::{_command_data(message)}", flush=True)


def register_secret_masks(env: Mapping[str, str]) -> None:
    """``::add-mask::`` each ``OPSCTL_SECRET_<FIELD>`` value, and each line of one that spans
    lines (the log is masked line by line), before workflow commands are switched off: opsctl
    masks what it writes, the runner then masks what the programs an automation starts write.
    Values shorter than ``MIN_MASK`` are left out, as opsctl leaves them out of longer text."""
    values: set[str] = set()
    for name, value in env.items():
        if name.startswith(SECRET_PREFIX):
            values.update(text for text in (value, *value.splitlines())
                          if len(text.strip()) >= MIN_MASK)
    for text in sorted(values):
        print(f"::add-mask::{_command_data(text)}", flush=True)


def save_result(doc: Mapping[str, Any] | None, scratch: Path) -> str:
    if doc is None:
        return ""
    fd, path = tempfile.mkstemp(prefix="opsctl-result-", suffix=".json", dir=scratch)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, indent=2, sort_keys=True)
        fh.write("\n")
    return path


def report(outcome: Outcome, inputs: Inputs, env: Mapping[str, str], scratch: Path) -> int:
    result_file = save_result(outcome.document, scratch)
    values = outputs_of(outcome, inputs, result_file)
    write_outputs(values, env)
    write_summary(summary_markdown(outcome, inputs, values), env)
    counts = ", ".join(f"{values[name]} {name}" for name in COUNTS)
    print(f"opsctl {inputs.automation} ({inputs.mode}): {values['status']}, exit {outcome.code}"
          f"{', run ' + values['run-id'] if values['run-id'] else ''}"
          f"{' (replayed)' if values['replayed'] == 'true' else ''}: {counts}", flush=True)
    if result_file:
        print(f"result document: {result_file}", flush=True)
    code = step_exit_code(outcome.code, inputs)
    if code == 0 and outcome.document is None and outcome.problem and inputs.fail_on != "never":
        code = 1  # opsctl exited 0 (`--help` in args?) but nothing says what it did
    title = f"opsctl {inputs.automation}"
    if code != 0:
        annotate("error", f"{values['status']} (exit {outcome.code}): "
                          f"{values['error'] or 'see the log'}", title=title)
    elif outcome.code == EXIT_CHANGES_PLANNED:
        annotate("notice", f"changes planned: {values['planned']} action(s)", title=title)
    return code


def run(env: Mapping[str, str]) -> int:
    scratch = Path(env.get("RUNNER_TEMP") or tempfile.gettempdir())
    scratch.mkdir(parents=True, exist_ok=True)
    register_secret_masks(env)
    opsctl = shutil.which("opsctl") or "opsctl"
    try:
        inputs = read_inputs(env)
    except ActionInputError as exc:
        named = env.get("INPUT_AUTOMATION", "").strip()
        fallback = Inputs(named if _AUTOMATION.match(named) else "-", "-", "", (), "", "",
                          "error")
        return report(Outcome(EXIT_USAGE, None, str(exc)), fallback, env, scratch)
    request: list[str] = []
    scratch_request: Path | None = None
    try:
        if inputs.mode == "apply-plan":
            if inputs.request.strip():
                raise ActionInputError("input request: a saved plan carries its request; "
                                       "give it to the plan step instead")
            check_plan_automation(inputs)
        else:
            request, scratch_request = request_arguments(inputs.request, scratch)
            if inputs.mode == "plan":
                try:
                    Path(inputs.plan_file).parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise ActionInputError(f"input plan-file: cannot create the folder of "
                                           f"{inputs.plan_file}: {exc.strerror}") from None
    except ActionInputError as exc:
        # an input the action cannot use fails the step whatever fail-on says, as above
        return report(Outcome(EXIT_USAGE, None, str(exc)), replace(inputs, fail_on="error"),
                      env, scratch)
    print(f"opsctl {inputs.automation}: {inputs.mode}", flush=True)
    child_env = {name: value for name, value in env.items() if name not in FILE_COMMANDS}
    try:
        outcome = run_json(build_command(inputs, request, opsctl), child_env)
        if inputs.mode == "apply-plan":
            outcome = replay_applied_plan(outcome, env, opsctl, child_env)
        outcome.request_file = str(scratch_request) if scratch_request else None
    finally:
        if scratch_request is not None:
            scratch_request.unlink(missing_ok=True)
    return report(outcome, inputs, env, scratch)


def main(argv: Sequence[str]) -> int:
    commands = {"install": install, "run": run}
    if len(argv) != 1 or argv[0] not in commands:
        print(f"usage: {os.path.basename(__file__)} install|run", file=sys.stderr)
        return EXIT_USAGE
    try:
        return commands[argv[0]](os.environ)
    except ActionInputError as exc:
        annotate("error", str(exc), title="opsctl action")
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
