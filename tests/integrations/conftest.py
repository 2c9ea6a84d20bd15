"""A real project for the orchestrator adapters: one automation that writes files under the
project, on the embedded SQLite store, whose request picks how the run ends (every exit-code
class the adapters map).

``test_prefect.py`` and ``test_airflow.py`` need their host library (``opsctl[prefect]``,
``opsctl[airflow]``), which the main suite does not install: there they are skipped with the
reason, except in CI (``OPSCTL_TEST_REQUIRE_SERVICES=1`` turns a skip into a failure), where
they are not collected at all: ``.ci/integrations-check`` runs each in a venv of its own.
"""

from __future__ import annotations

import importlib.util
import json
import os
import textwrap
from pathlib import Path

import pytest

from tests.conftest import clean_env

collect_ignore: list[str] = []
if os.environ.get("OPSCTL_TEST_REQUIRE_SERVICES") == "1":
    for _library, _module in (("prefect", "test_prefect.py"), ("airflow", "test_airflow.py")):
        if importlib.util.find_spec(_library) is None:
            collect_ignore.append(_module)

AUTOMATION = "integ-files"

AUTOMATION_SOURCE = '''\
"""Writes one file per name under the project; the request decides how the run ends."""

from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from opsctl import (Action, AuthError, Automation, Context, DeniedError, PlanRejectedError,
                    Secret, TransientError)


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")

    folder: str = Field(description="Directory under the project the files go to")
    files: list[str] = Field(default_factory=lambda: ["a", "b"], description="Files to write")
    broken: list[str] = Field(default_factory=list,
                              description="Files whose apply is refused for good")
    flaky: dict[str, int] = Field(default_factory=dict,
                                  description="File -> transient failures before it works")
    precheck: bool = Field(default=False, description="The plan's precheck fails")
    denied: bool = Field(default=False, description="The plan is denied")
    bug: bool = Field(default=False, description="apply() raises an unexpected exception")
    token: Secret | None = Field(default=None, description="A credential")
    leak: bool = Field(default=False, description="The precheck fails quoting the token")


files = Automation("integ-files", version="1.0.0", owner="tests",
                   summary="Write files, ending as the request says", request=Request,
                   effect="mutate", lock_scope=("folder",), retry={"attempts": 1})


@files.plan
def plan(ctx: Context, req: Request) -> Iterator[Action]:
    if req.leak and req.token is not None:
        raise PlanRejectedError(f"token {req.token.get_secret_value()} was refused")
    if req.precheck:
        raise PlanRejectedError(f"{req.folder} failed its precheck")
    if req.denied:
        raise DeniedError(f"{req.folder} is frozen")
    for name in req.files:
        path = Path(ctx.config["root"]) / req.folder / name
        if not path.exists():
            yield Action(id=f"file-{name}", kind="create", target=str(path), reason="missing",
                         after=name, data={"path": str(path), "name": name})


@files.apply
def apply(ctx: Context, req: Request, action: Action) -> None:
    name = action.data["name"]
    if req.bug:
        raise RuntimeError("the automation broke")
    if name in req.broken:
        raise AuthError(f"writing {name} was refused")
    if name in req.flaky:
        counter = Path(ctx.config["root"]) / req.folder / f".tries-{name}"
        tries = int(counter.read_text()) if counter.exists() else 0
        if tries < req.flaky[name]:
            counter.parent.mkdir(parents=True, exist_ok=True)
            counter.write_text(str(tries + 1))
            raise TransientError(f"{name}: the remote is unavailable (try {tries + 1})")
    path = Path(action.data["path"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(name)
'''


def write_project(root: Path) -> Path:
    """A project directory with ``opsctl.toml`` registering the automation (SQLite store)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "integ_files.py").write_text(AUTOMATION_SOURCE)
    # the files go under the project named in the config: the module is imported once per
    # process, whichever project's copy came first
    (root / "opsctl.toml").write_text(textwrap.dedent(f"""\
        automations = ["integ_files"]
        python_path = ["."]
        actor = "orchestrator-tests"

        [automation.integ-files]
        root = {json.dumps(str(root))}
        """))
    return root


@pytest.fixture
def ops_project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "proj")


@pytest.fixture
def ops_env(tmp_path: Path) -> dict[str, str]:
    """The environment opsctl reads: no OPSCTL_* of the caller, HOME in the temp dir."""
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True, exist_ok=True)
    return clean_env(home)
