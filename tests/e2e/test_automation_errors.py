"""Every way an automation's own code can fail ends in one result document that validates
against the published schema, with an exit code of the table and no traceback without -v."""

from __future__ import annotations

import pytest

from tests.conftest import Project

VALIDATED = '''
import sys
from pydantic import BaseModel, field_validator
from opsctl import Action, Automation, TransientError

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
    ("exit0", "a validator of the request of checked called sys.exit(0)"),
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


def test_an_opsctl_error_of_a_request_validator_keeps_its_code_at_the_validate_step(
        project: Project) -> None:
    project.add_module("checked_auto", VALIDATED)
    r = project.run("checked", "--shape", "transient", "--yes", "--format", "json")
    assert r.code == 4, r.stderr
    assert r.doc["error"]["type"] == "dependency_unavailable"
    assert r.doc["error"]["step"] == "validate"
    assert not (project.root / "applied.log").exists()
