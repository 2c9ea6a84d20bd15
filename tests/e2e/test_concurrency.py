"""--concurrency: independent actions in parallel, depends_on respected, failures contained."""

from __future__ import annotations

import time

from tests.conftest import Project

PARALLEL = '''
import time
from pathlib import Path
from pydantic import BaseModel, Field
from opsctl import Action, Automation, TransientError

class Request(BaseModel):
    count: int = 8
    pause: float = 0.4
    fail: list[str] = Field(default_factory=list)

parallel = Automation("parallel", version="1.0.0", owner="o", summary="Slow independent actions",
                      request=Request, retry={"attempts": 1})

@parallel.plan
def plan(ctx, req):
    yield Action(id="base", kind="create", target="base", reason="first")
    for i in range(req.count):
        yield Action(id=f"n{i}", kind="create", target=f"n{i}", reason="after base",
                     depends_on=("base",))
    yield Action(id="last", kind="run", target="last", reason="after all",
                 depends_on=tuple(f"n{i}" for i in range(req.count)))

@parallel.apply
def apply(ctx, req, action):
    started = time.monotonic()
    time.sleep(req.pause)
    if action.id in req.fail:
        raise TransientError(f"{action.id} failed")
    with open("order.log", "a") as fh:
        fh.write(f"{action.id} {started:.3f} {time.monotonic():.3f}\\n")
'''


def order(project: Project) -> list[tuple[str, float, float]]:
    rows = (project.root / "order.log").read_text().split("\n")
    return [(a, float(b), float(c)) for a, b, c in (r.split() for r in rows if r)]


def test_independent_actions_run_in_parallel_after_their_dependency(project: Project) -> None:
    project.add_module("parallel_auto", PARALLEL)
    began = time.monotonic()
    r = project.run("parallel", "--concurrency", "8", "--format", "json")
    elapsed = time.monotonic() - began
    assert r.code == 0, r.stderr
    assert r.doc["summary"]["applied"] == 10
    rows = order(project)
    names = [n for n, _, _ in rows]
    assert names[0] == "base" and names[-1] == "last"
    base_end = rows[0][2]
    assert all(start >= base_end for _, start, _ in rows[1:])
    last_start = rows[-1][1]
    assert all(end <= last_start for _, _, end in rows[:-1])
    assert elapsed < 3.6  # sequentially over 4 s of sleeping alone; in parallel about 1.2 s


def test_a_failed_dependency_skips_its_dependents(project: Project) -> None:
    project.add_module("parallel_auto", PARALLEL)
    r = project.run("parallel", "--concurrency", "4", "--count", "3", "--pause", "0.05",
                    "--fail", "n1", "--max-failures", "5", "--format", "json")
    assert r.code == 5
    status = {a["id"]: a["status"] for a in r.doc["plan"]["actions"]}
    assert status == {"base": "applied", "n0": "applied", "n1": "failed", "n2": "applied",
                      "last": "skipped"}
    shown = project.run("show", r.doc["run_id"], "--format", "json", expect_json=True)
    last = next(a for a in shown.doc["actions"] if a["action_id"] == "last")
    assert "depends on n1" in last["error"]
