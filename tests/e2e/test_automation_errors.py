"""Every way an automation's own code can fail ends in one result document that validates
against the published schema, with an exit code of the table and no traceback without -v."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Project

VALIDATED = '''
import sys
from pydantic import BaseModel, field_validator
from opsctl import Action, Automation, PlanRejectedError, TransientError

class Stop(BaseException):
    pass

class Request(BaseModel):
    shape: str = "ok"

    @field_validator("shape")
    @classmethod
    def _check(cls, value):
        if value == "exit0":
            sys.exit(0)
        if value == "exit-text":
            sys.exit("bad shape")
        if value == "runtime":
            raise RuntimeError("validator broke")
        if value == "timeout":
            raise TimeoutError("validator timed out")
        if value == "base":
            raise Stop("halt")
        if value == "transient":
            raise TransientError("lookup service down")
        if value == "rejected":
            raise PlanRejectedError("shape not allowed here")
        return value

checked = Automation("checked", version="1.0.0", owner="tests", summary="A validator that fails",
                     request=Request)

@checked.plan
def plan(ctx, req):
    yield Action(id="a", kind="update", target="t/a", reason="r")

@checked.apply
def apply(ctx, req, action):
    open("applied.log", "a").write("applied\\n")
'''


@pytest.mark.parametrize(("shape", "needle"), [
    ("exit0", "a validator or computed field of the request of checked called sys.exit(0)"),
    ("exit-text", "called sys.exit('bad shape')"),
    ("runtime", "raised RuntimeError: validator broke"),
    ("timeout", "raised TimeoutError: validator timed out"),
    ("base", "raised Stop: halt"),
])
def test_a_request_validator_that_raises_what_pydantic_lets_through_is_a_bug(
        project: Project, shape: str, needle: str) -> None:
    """pydantic makes a validator's ValueError a field error (exit 2) and lets anything else
    through: sys.exit(0) there ended opsctl with exit 0 having done nothing, other exceptions
    with "internal error" (a traceback for some) and no result document."""
    project.add_module("checked_auto", VALIDATED)
    r = project.run("checked", "--shape", shape, "--yes", "--format", "json")
    assert r.code == 1, r.stderr
    assert r.doc is not None and r.doc["status"] == "failed"
    assert r.doc["error"]["type"] == "internal" and r.doc["error"]["step"] == "validate"
    assert needle in r.doc["error"]["message"], r.doc["error"]
    assert "internal error" not in r.stderr  # the automation's bug, not opsctl's
    assert not (project.root / "applied.log").exists()
    verbose = project.run("-v", "checked", "--shape", shape, "--yes")
    assert verbose.code == 1 and "Traceback" in verbose.stderr


@pytest.mark.parametrize(("shape", "code", "error_type"), [
    ("transient", 4, "dependency_unavailable"),
    ("rejected", 3, "validation"),  # PlanRejectedError said step "plan", its default
])
def test_an_opsctl_error_of_a_request_validator_keeps_its_code_at_the_validate_step(
        project: Project, shape: str, code: int, error_type: str) -> None:
    project.add_module("checked_auto", VALIDATED)
    r = project.run("checked", "--shape", shape, "--yes", "--format", "json")
    assert r.code == code, r.stderr
    assert r.doc["error"]["type"] == error_type
    assert r.doc["error"]["step"] == "validate"
    assert not (project.root / "applied.log").exists()


OWN_ERRORS = '''
from pydantic import BaseModel
from opsctl import Action, Automation, OpsctlError, UsageError

class QuotaError(OpsctlError):
    exit_code = 9

class OddError(OpsctlError):
    error_type = "quota"

class BadInput(UsageError):
    exit_code = 42

class Fine(UsageError):  # a subclass that keeps to the table is left alone
    pass

ERRORS = {"nine": QuotaError, "odd": OddError, "usage42": BadInput, "fine": Fine}

class Request(BaseModel):
    error: str = "nine"

own = Automation("own-errors", version="1.0.0", owner="tests", summary="Errors of its own",
                 request=Request)

@own.plan
def plan(ctx, req):
    yield Action(id="a", kind="update", target="t/a", reason="r")

@own.apply
def apply(ctx, req, action):
    raise ERRORS[req.error]("out of quota")
'''


@pytest.mark.parametrize(("error", "code", "error_type", "note"), [
    ("nine", 1, "internal", "QuotaError declares exit_code 9, which opsctl does not publish"),
    ("odd", 1, "internal", "OddError declares error_type 'quota', which opsctl does not publish"),
    ("usage42", 2, "validation", "BadInput declares exit_code 42"),
    ("fine", 2, "validation", None),
])
def test_an_error_class_with_a_code_or_type_outside_the_table_gets_its_base_classes(
        project: Project, error: str, code: int, error_type: str, note: str | None) -> None:
    """A subclass of OpsctlError with exit_code 9 ended opsctl with exit 9, and error_type
    'quota' was written as is: both outside the stable table, and the result document failed
    its own published schema (run_opsctl validates it)."""
    project.add_module("own_auto", OWN_ERRORS)
    r = project.run("own-errors", "--error", error, "--yes", "--format", "json")
    assert r.code == code, r.stderr
    assert r.doc["exit_code"] == code and r.doc["error"]["type"] == error_type
    assert r.doc["error"]["step"] == "apply" and r.doc["status"] == "failed"
    message = r.doc["error"]["message"]
    assert message.startswith("out of quota")
    if note is None:
        assert message == "out of quota"
    else:
        assert note in message
    assert r.doc["plan"]["actions"][0]["status"] == "failed"


BROKEN_AT_IMPORT = '''
import os

class Stop(BaseException):
    pass

class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("no text")

how = os.environ.get("BREAK_HOW")
if how == "base":
    raise Stop("halt")
if how == "generator-exit":
    raise GeneratorExit
if how == "unprintable":
    raise Unprintable()
if how == "huge":
    raise RuntimeError("x" * 10_000_000)
if how == "runtime":
    raise RuntimeError("left over")
'''


@pytest.mark.parametrize(("how", "needle"), [
    ("base", "failed to import: Stop: halt"),
    ("generator-exit", "failed to import: GeneratorExit"),
    ("unprintable", "failed to import: Unprintable: <str() of Unprintable raised RuntimeError>"),
    ("huge", "characters cut)"),
    ("runtime", "failed to import: RuntimeError: left over"),
])
def test_a_module_that_raises_anything_while_imported_is_exit_2(project: Project, how: str,
                                                                needle: str) -> None:
    """A BaseException subclass or GeneratorExit at a module's top ended opsctl with a
    traceback and exit 1, an exception whose __str__ raises with "internal error", and a
    10 MB message was printed whole; -v printed no traceback of where the module raised."""
    project.add_module("broken_auto", BROKEN_AT_IMPORT)
    env = project.env({"BREAK_HOW": how})
    r = project.run("broken", "--format", "json", env=env)
    assert r.code == 2, r.stderr[:2000]
    assert r.doc is not None and r.doc["error"]["type"] == "validation"
    assert needle in r.doc["error"]["message"]
    assert len(r.stdout) < 10_000 and len(r.stderr) < 10_000
    assert "internal error" not in r.stderr
    verbose = project.run("-v", "broken", env=env)
    assert verbose.code == 2
    assert "Traceback" in verbose.stderr and "broken_auto.py" in verbose.stderr


RAISING_EVERYWHERE = '''
import os
from pydantic import BaseModel
import opsctl
from opsctl import Action, Automation

class Request(BaseModel):
    error: str = "ConflictError"
    where: str = "apply"

every = Automation("every", version="1.0.0", owner="tests", summary="Raises where told",
                   request=Request, retry={"attempts": 1})

@every.plan
def plan(ctx, req):
    yield Action(id="a", kind="update", target="t/a", reason="r")

@every.apply
def apply(ctx, req, action):
    if req.where == "apply":
        raise getattr(opsctl, req.error)("refused")

@every.verify
def verify(ctx, req, action):
    raise getattr(opsctl, req.error)("refused")
'''


@pytest.mark.parametrize(("error", "code", "status"), [
    ("ConflictError", 7, "conflict"),
    ("DeniedError", 6, "denied"),
    ("AuthError", 6, "failed"),
    ("UsageError", 2, "failed"),
])
def test_an_error_in_verify_ends_the_run_as_the_same_error_in_apply(
        project: Project, error: str, code: int, status: str) -> None:
    """The docs: any other exception in verify fails the run like one in apply. A ConflictError
    ended an apply 'conflict' but a verify 'failed' (a DeniedError: 'denied', and 'failed')."""
    project.add_module("every_auto", RAISING_EVERYWHERE)
    results = {}
    for where in ("apply", "verify"):
        r = project.run("every", "--error", error, "--where", where, "--yes", "--format", "json")
        assert r.code == code, r.stderr
        assert r.doc["error"]["step"] == where
        results[where] = (r.doc["status"], r.doc["error"]["type"], r.doc["error"]["message"])
    assert results["apply"] == results["verify"]
    assert results["verify"][0] == status


ODD_LOGS = '''
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    pass

odd = Automation("odd-logs", version="1.0.0", owner="tests", summary="Logs odd values",
                 request=Request)

@odd.plan
def plan(ctx, req):
    yield Action(id="a", kind="update", target="t/a", reason="r")

@odd.apply
def apply(ctx, req, action):
    ctx.log.info("odd.values", ratio=float("nan"), limit=float("inf"),
                 nested={"low": [float("-inf"), 1.5]}, blob=b"\\xff", thing=object())
'''


def _strict(constant: str) -> None:
    raise ValueError(f"{constant} is not JSON")


def test_log_lines_of_values_that_are_not_json_are_still_json(project: Project) -> None:
    """ctx.log.info(..., ratio=float("nan")) wrote `"ratio": NaN` on the JSON log line: no
    JSON, and a strict parser (a log shipper's) refuses the whole line."""
    project.add_module("odd_auto", ODD_LOGS)
    r = project.run("--log-format", "json", "odd-logs", "--yes")
    assert r.code == 0, r.stderr
    lines = [line for line in r.stderr.splitlines() if '"odd.values"' in line]
    assert len(lines) == 1, r.stderr
    event = json.loads(lines[0], parse_constant=_strict)
    assert (event["ratio"], event["limit"], event["nested"]) == (
        "nan", "inf", {"low": ["-inf", 1.5]})
    assert event["blob"] == "b'\\xff'" and event["thing"].startswith("<object object")
    for line in r.stderr.splitlines():
        json.loads(line, parse_constant=_strict)


UNDECODABLE_LOGS = '''
import os
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    pass

logged = Automation("undecodable-logs", version="1.0.0", owner="tests",
                    summary="Logs a file name that is not UTF-8", request=Request)
NAME = os.fsdecode(b"bad\\xff.log")  # as os.listdir gives it: a lone surrogate

@logged.plan
def plan(ctx, req):
    ctx.log.info("scanned", name=NAME, found={NAME: [NAME]})
    yield Action(id="a", kind="update", target="t/a", reason="r")

@logged.apply
def apply(ctx, req, action):
    ctx.log.info("deleting", name=NAME)
'''


def test_a_log_value_naming_a_file_that_is_not_utf8_is_recorded(project: Project) -> None:
    """ctx.log.info(..., name=NAME) with a lone surrogate in NAME (a file name of bytes that are
    not UTF-8, as os.listdir decodes it) ended the run with "internal error", exit 1 and no
    result document: its events could not be stored."""
    project.add_module("undecodable_logs_auto", UNDECODABLE_LOGS)
    r = project.run("undecodable-logs", "--yes", "--format", "json")
    assert r.code == 0, r.stderr
    assert r.doc["status"] == "succeeded"
    followed = project.run("show", r.doc["run_id"], "--follow", "--format", "json",
                           expect_json=False)
    assert followed.code == 0, followed.stderr
    events = [json.loads(line) for line in followed.stdout.splitlines() if '"scanned"' in line]
    assert len(events) == 1, followed.stdout
    assert events[0]["data"]["name"] == "bad\\udcff.log"
    assert events[0]["data"]["found"] == {"bad\\udcff.log": ["bad\\udcff.log"]}


GROUPS = '''
from pathlib import Path
from pydantic import BaseModel
from opsctl import Action, Automation, ConflictError

class Request(BaseModel):
    group: str = "connections"

grouped = Automation("grouped", version="1.0.0", owner="tests", summary="Raises groups",
                     request=Request, retry={"attempts": 2, "base": "10ms", "cap": "10ms"})

@grouped.plan
def plan(ctx, req):
    yield Action(id="a", kind="update", target="t/a", reason="r")

@grouped.apply
def apply(ctx, req, action):
    with Path("attempts.log").open("a") as f:
        f.write("tried\\n")
    if req.group == "connections":  # what asyncio.TaskGroup raises for two failed fetches
        raise ExceptionGroup("fetches", [ConnectionRefusedError("api down"),
                                         ExceptionGroup("inner", [TimeoutError("slow")])])
    if req.group == "conflict":
        raise ExceptionGroup("locks", [ConflictError("db locked by another run")])
    raise ExceptionGroup("mixed", [ConnectionRefusedError("api down"), KeyError("id")])
'''


@pytest.mark.parametrize(("group", "code", "error_type", "tries", "needle"), [
    ("connections", 4, "dependency_unavailable", 2,
     "connection failed: api down (and 1 more like it in an exception group)"),
    ("conflict", 7, "conflict", 1, "db locked by another run"),
    ("mixed", 1, "internal", 1, "ExceptionGroup: mixed (2 sub-exceptions)"),
])
def test_an_exception_group_of_one_kind_of_failure_is_that_failure(
        project: Project, group: str, code: int, error_type: str, tries: int,
        needle: str) -> None:
    """asyncio.TaskGroup wraps what its tasks raised in an ExceptionGroup: two connection
    failures were a bug (exit 1), never retried, and a ConflictError in one exit 1 too."""
    project.add_module("grouped_auto", GROUPS)
    r = project.run("grouped", "--group", group, "--yes", "--format", "json")
    assert r.code == code, r.stderr
    assert r.doc["error"]["type"] == error_type and r.doc["error"]["step"] == "apply"
    assert needle in r.doc["error"]["message"], r.doc["error"]
    assert (project.root / "attempts.log").read_text().count("tried") == tries


STOPPED = '''
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    where: str = "verify"

stopped = Automation("stopped", version="1.0.0", owner="tests", summary="Interrupted by its code",
                     request=Request)

@stopped.plan
def plan(ctx, req):
    yield Action(id="a", kind="update", target="t/a", reason="r")

@stopped.apply
def apply(ctx, req, action):
    if req.where == "apply":
        raise KeyboardInterrupt

@stopped.verify
def verify(ctx, req, action):
    raise KeyboardInterrupt
'''


@pytest.mark.parametrize("where", ["apply", "verify"])
def test_a_keyboard_interrupt_raised_by_the_automation_names_its_step(project: Project,
                                                                     where: str) -> None:
    """Raised in verify, the interruption was reported at step 'apply'."""
    project.add_module("stopped_auto", STOPPED)
    r = project.run("stopped", "--where", where, "--yes", "--format", "json")
    assert r.code == 130, r.stderr
    assert r.doc["status"] == "cancelled" and r.doc["error"]["step"] == where


UPGRADED = '''
import sys
from pydantic import BaseModel
from opsctl import Action, Automation

class RequestV1(BaseModel):
    how: str = "exit"

class Request(BaseModel):
    how: str = "exit"

class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("no text")

upgraded = Automation("upgraded", version="2.0.0", owner="tests", summary="A failing upgrade",
                      request=Request)

@upgraded.upgrade(from_major=1, request=RequestV1)
def from_v1(old):
    if old.how == "exit":
        sys.exit(0)
    if old.how == "huge":
        raise RuntimeError("x" * 5_000_000)
    raise Unprintable()

@upgraded.plan
def plan(ctx, req):
    yield Action(id="a", kind="update", target="t/a", reason="r")

@upgraded.apply
def apply(ctx, req, action):
    open("applied.log", "a").write("applied\\n")
'''


@pytest.mark.parametrize(("how", "needle"), [
    ("exit", "upgrade of a 1.x request of upgraded failed: called sys.exit(0)"),
    ("unprintable", "failed: Unprintable: <str() of Unprintable raised RuntimeError>"),
    ("huge", "characters cut)"),
])
def test_an_upgrade_function_that_exits_or_breaks_is_the_automations_bug(
        project: Project, how: str, needle: str) -> None:
    """sys.exit(0) in an upgrade function ended opsctl with exit 0 having done nothing, an
    unprintable exception with a traceback, and a 5 MB message was kept whole."""
    project.add_module("upgraded_auto", UPGRADED)
    (project.root / "old.json").write_text(json.dumps({"how": how}))
    r = project.run("upgraded", "--request", "old.json", "--contract-version", "1", "--yes",
                    "--format", "json")
    assert r.code == 1, r.stderr[:2000]
    assert r.doc["error"]["step"] == "validate" and needle in r.doc["error"]["message"]
    assert len(r.stdout) < 10_000 and len(r.stderr) < 10_000
    assert not (project.root / "applied.log").exists()


COMPUTED = '''
import sys
from pydantic import BaseModel, computed_field
from opsctl import Action, Automation

class Request(BaseModel):
    how: str = "ok"

    @computed_field
    @property
    def derived(self) -> str:
        if self.how == "exit":
            sys.exit(0)
        if self.how == "runtime":
            raise RuntimeError("computed broke")
        return "d"

computed = Automation("computed", version="1.0.0", owner="tests", summary="A computed field",
                      request=Request)

@computed.plan
def plan(ctx, req):
    yield Action(id="a", kind="update", target="t/a", reason="r")

@computed.apply
def apply(ctx, req, action):
    open("applied.log", "a").write("applied\\n")
'''


@pytest.mark.parametrize(("how", "needle"), [
    ("exit", "called sys.exit(0)"),
    ("runtime", "raised RuntimeError: computed broke"),
])
def test_a_computed_field_that_raises_is_the_automations_bug(project: Project, how: str,
                                                             needle: str) -> None:
    """A computed_field that called sys.exit(0) ended opsctl with exit 0 having done nothing;
    one that raised, with "internal error" and no result."""
    project.add_module("computed_auto", COMPUTED)
    r = project.run("computed", "--how", how, "--yes", "--format", "json")
    assert r.code == 1, r.stderr
    assert r.doc["error"]["step"] == "validate" and needle in r.doc["error"]["message"]
    assert "computed field of the request of computed" in r.doc["error"]["message"]
    assert not (project.root / "applied.log").exists()
    ok = project.run("computed", "--yes", "--format", "json")
    assert ok.code == 0 and ok.doc["request"]["derived"] == "d"


NO_SUPER = '''
from pydantic import BaseModel
from opsctl import Action, Automation, AuthError, PlanRejectedError, TransientError

class Throttled(TransientError):
    def __init__(self, code):  # no super().__init__()
        self.code = code

class Refused(AuthError):
    def __init__(self):
        pass

class Stale(PlanRejectedError):
    def __init__(self, why):
        self.why = why

ERRORS = {"throttled": lambda: Throttled(429), "refused": Refused, "stale": lambda: Stale("x")}

class Request(BaseModel):
    error: str = "throttled"

nosuper = Automation("no-super", version="1.0.0", owner="tests", summary="Lazy subclasses",
                     request=Request, retry={"attempts": 1})

@nosuper.plan
def plan(ctx, req):
    yield Action(id="a", kind="update", target="t/a", reason="r")

@nosuper.apply
def apply(ctx, req, action):
    raise ERRORS[req.error]()
'''


@pytest.mark.parametrize(("error", "code", "message"), [
    ("throttled", 4, "429"), ("refused", 6, "Refused"), ("stale", 3, "x"),
])
def test_an_error_subclass_that_skips_super_init_is_still_its_error(
        project: Project, error: str, code: int, message: str) -> None:
    """A subclass whose __init__ does not call super().__init__() ended the run "internal
    error in opsctl: 'Throttled' object has no attribute 'message'", exit 1, its action left
    pending."""
    project.add_module("nosuper_auto", NO_SUPER)
    r = project.run("no-super", "--error", error, "--yes", "--format", "json")
    assert r.code == code, r.stderr
    assert r.doc["error"]["step"] == "apply"
    assert r.doc["error"]["message"].startswith(message)
    assert "internal error" not in r.doc["error"]["message"] + r.stderr
    assert r.doc["plan"]["actions"][0]["status"] == "failed"


QUOTING = '''
from pydantic import BaseModel, field_validator
from opsctl import Action, Automation, Secret

class Request(BaseModel):
    token: Secret

    @field_validator("token")
    @classmethod
    def _check(cls, value):
        raise RuntimeError(f"token {value.get_secret_value()} rejected")

quoting = Automation("quoting", version="1.0.0", owner="tests", summary="Quotes its secret",
                     effect="read", request=Request)

@quoting.plan
def plan(ctx, req):
    yield Action(id="a", kind="run", target="t/a", reason="r")
'''


def test_the_traceback_of_a_validator_bug_masks_the_secret_it_quotes(project: Project) -> None:
    """-v printed the validator's exception whole, the secret it was given with it."""
    project.add_module("quoting_auto", QUOTING)
    env = project.env({"OPSCTL_SECRET_TOKEN": "tok-canary-7781"})
    for args in (("quoting", "--yes", "--format", "json"), ("-v", "quoting", "--yes")):
        r = project.run(*args, env=env)
        assert r.code == 1, r.stderr
        assert "tok-canary" not in r.stdout + r.stderr
        assert "token *** rejected" in r.stdout + r.stderr
    assert "Traceback" in r.stderr and "quoting_auto.py" in r.stderr


UNDECODABLE = '''
import os
from pydantic import BaseModel
import opsctl
from opsctl import Action, Automation

class Request(BaseModel):
    where: str = "apply"
    error: str = "RuntimeError"

undecodable = Automation("undecodable", version="1.0.0", owner="tests",
                         summary="Fails naming a file whose name is not UTF-8", request=Request)
NAME = os.fsdecode(b"bad\\xff.log")  # as os.listdir gives it: a lone surrogate

def fail(req, what):
    raise getattr(opsctl, req.error, RuntimeError)(f"cannot {what} {NAME}")

@undecodable.plan
def plan(ctx, req):
    if req.where == "plan":
        fail(req, "read")
    yield Action(id="a", kind="delete", target="t/a", reason="r")

@undecodable.apply
def apply(ctx, req, action):
    fail(req, "delete")
'''


@pytest.mark.parametrize(("where", "error", "code"), [
    ("plan", "RuntimeError", 1), ("apply", "RuntimeError", 1),
    ("plan", "PlanRejectedError", 3), ("apply", "ConflictError", 7),
])
def test_an_error_naming_a_file_that_is_not_utf8_is_reported(
        project: Project, where: str, error: str, code: int) -> None:
    """A message holding a lone surrogate (a file name of bytes that are not UTF-8, as Python
    decodes it) could not be journaled: "internal error", exit 1 and no result document."""
    project.add_module("undecodable_auto", UNDECODABLE)
    r = project.run("undecodable", "--where", where, "--error", error, "--yes",
                    "--format", "json")
    assert r.code == code, r.stderr
    assert "internal error" not in r.stderr
    assert r.doc["error"]["step"] == where
    assert "bad\\udcff.log" in r.doc["error"]["message"]
