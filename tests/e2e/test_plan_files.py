"""Plan files through the real CLI: what is not a plan document exits 2, an edited plan exits 3,
neither runs or records anything; ``plan --out`` replaces the file atomically and never writes
through a symbolic link."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Project, clean_env, forge_audit_event_past_head
from tests.e2e.test_cli_core import COUNTER, counts


@pytest.fixture
def counter(project: Project) -> Project:
    project.add_module("counter_auto", COUNTER)
    return project


def plan_to(project: Project, out: str = "plan.json") -> dict[str, Any]:
    r = project.run("plan", "counter", "--environment", "staging", "--out", out)
    assert r.code == 10, r.stderr
    return dict(json.loads((project.root / out).read_text()))


def recorded(project: Project) -> dict[str, list[tuple[Any, ...]]]:
    """Runs and saved plans in the store (what an apply would have written)."""
    if not project.db.exists():  # refused before the store was opened
        return {"runs": [], "plans": []}
    with sqlite3.connect(project.db) as conn:
        return {"runs": conn.execute("SELECT id, mode, status FROM runs ORDER BY id").fetchall(),
                "plans": conn.execute("SELECT id, applied_run_id FROM plans").fetchall()}


def signed(project: Project, doc: dict[str, Any]) -> str:
    """``doc`` signed with the project's key, as only the key holder could."""
    from opsctl.contract.plan import sign

    key = (project.root / ".opsctl" / "plan-signing.key").read_bytes().strip()
    doc = {k: v for k, v in doc.items() if k != "signature"}
    return json.dumps({**doc, "signature": sign(key, doc)})


# -- reading: not a plan document (2), an edited plan (3) ----------------------------------------

def _text(text: str) -> Callable[[Project, dict[str, Any]], str]:
    def make(project: Project, doc: dict[str, Any]) -> str:
        (project.root / "bad.json").write_text(text)
        return "bad.json"
    return make


def _bytes(data: bytes) -> Callable[[Project, dict[str, Any]], str]:
    def make(project: Project, doc: dict[str, Any]) -> str:
        (project.root / "bad.json").write_bytes(data)
        return "bad.json"
    return make


def _edited(edit: Callable[[str], str]) -> Callable[[Project, dict[str, Any]], str]:
    def make(project: Project, doc: dict[str, Any]) -> str:
        (project.root / "bad.json").write_text(edit((project.root / "plan.json").read_text()))
        return "bad.json"
    return make


def _signed(change: Callable[[dict[str, Any]], None]) -> Callable[[Project, dict[str, Any]], str]:
    def make(project: Project, doc: dict[str, Any]) -> str:
        copy = json.loads(json.dumps(doc))
        change(copy)
        (project.root / "bad.json").write_text(signed(project, copy))
        return "bad.json"
    return make


def _fifo(project: Project, doc: dict[str, Any]) -> str:
    os.mkfifo(project.root / "plan.fifo")
    return "plan.fifo"


def _directory(project: Project, doc: dict[str, Any]) -> str:
    (project.root / "plans").mkdir()
    return "plans"


NOT_A_PLAN = [
    pytest.param(_bytes(b'{"schema": "opsctl.plan/v1", "x": "\xff\xfe"}'), "is not UTF-8 text",
                 id="not-utf8"),
    pytest.param(_text("[" * 100_000), "not a plan document (JSON nested too deeply)",
                 id="deep-nesting"),
    pytest.param(_text('{"schema": "opsctl.plan/v1", "created_at": NaN}'),
                 "not a plan document (NaN is not a JSON number", id="nan"),
    pytest.param(_edited(lambda t: t.replace('"slow": 0.0', '"slow": Infinity')),
                 "not a plan document (Infinity is not a JSON number", id="infinity-in-a-plan"),
    pytest.param(_text('{"schema": "opsctl.plan/v1", "n": 1e999}'),
                 "out of range of a double", id="number-overflow"),
    pytest.param(_text('{"schema": "opsctl.plan/v1", "n": ' + "9" * 5000 + "}"),
                 "not a plan document (a number has more than 4300 digits", id="integer-too-long"),
    pytest.param(_text(""), "not a plan document (invalid JSON", id="empty"),
    pytest.param(_text("plan: yes"), "not a plan document (invalid JSON", id="not-json"),
    pytest.param(_edited(lambda t: t[: len(t) // 2]), "not a plan document (invalid JSON",
                 id="truncated"),
    pytest.param(_text("[]"), "not an opsctl plan document", id="json-array"),
    pytest.param(_text('{"schema": "opsctl.plan/v2"}'), "not an opsctl plan document",
                 id="other-schema"),
    pytest.param(_text('{"a": 1, "a": 2}'), "not a plan document (duplicate key 'a'",
                 id="duplicate-key-not-a-plan"),
    pytest.param(lambda p, d: "/dev/zero", "is not a regular file", id="dev-zero"),
    pytest.param(_fifo, "is not a regular file", id="fifo-without-writer"),
    pytest.param(_directory, "is a directory", id="directory"),
    pytest.param(lambda p, d: "missing.json", "does not exist", id="missing"),
]


@pytest.mark.parametrize(("make", "message"), NOT_A_PLAN)
def test_a_file_that_is_not_a_plan_document_exits_2(
        counter: Project, make: Callable[[Project, dict[str, Any]], str], message: str) -> None:
    doc = plan_to(counter)
    before = recorded(counter)

    r = counter.run("apply", "--plan", make(counter, doc), "--format", "json", timeout=30)

    assert r.code == 2, r.stderr
    assert r.doc["error"]["type"] == "validation"
    assert message in r.doc["error"]["message"]
    assert r.doc["run_id"] is None
    assert (counts(counter), recorded(counter)) == ({}, before)


def test_a_plan_file_over_max_input_size_exits_2(counter: Project) -> None:
    plan_to(counter)
    env = clean_env(counter.root / ".home", {"OPSCTL_MAX_INPUT_SIZE": "1KiB"})

    r = counter.run("apply", "--plan", "plan.json", env=env)

    assert r.code == 2
    assert "over the limit of 1024" in r.stderr
    assert counts(counter) == {}


def test_plan_out_warns_when_the_plan_file_is_over_max_input_size(counter: Project) -> None:
    small = clean_env(counter.root / ".home", {"OPSCTL_MAX_INPUT_SIZE": "1KiB"})

    r = counter.run("plan", "counter", "--environment", "staging", "--out", "plan.json",
                    "--format", "json", env=small)

    assert r.code == 10, r.stderr
    size = (counter.root / "plan.json").stat().st_size
    assert size > 1024
    assert [w for w in json.loads(r.stdout)["warnings"] if "max_input_size" in w] == [
        f"the plan file is {size} bytes, over max_input_size (1024): `opsctl apply --plan` "
        "refuses it unless max_input_size (OPSCTL_MAX_INPUT_SIZE) is raised to at least its "
        "size where it is applied"]
    assert counter.run("apply", "--plan", "plan.json", env=small).code == 2
    r = counter.run("plan", "counter", "--environment", "staging", "--out", "plan.json",
                    "--format", "json")
    assert r.code == 10, r.stderr
    assert not [w for w in json.loads(r.stdout)["warnings"] if "max_input_size" in w]


EDITED = [
    pytest.param(_edited(lambda t: t.replace('{\n', '{\n  "plan_id": "plan_forged",\n', 1)),
                 "plan document has a duplicate key 'plan_id'", id="duplicate-key"),
    pytest.param(_edited(lambda t: t.replace('"staging"', '"\\ud800"', 1)),
                 "plan document has no canonical form (a string holds the lone surrogate U+D800",
                 id="lone-surrogate"),
    pytest.param(_signed(lambda d: d.update(expires_at="next tuesday")),
                 "'expires_at' is not a time with a time zone", id="signed-garbage-expiry"),
    pytest.param(_signed(lambda d: d.update(expires_at="2999-01-01T00:00:00")),
                 "'expires_at' is not a time with a time zone", id="signed-naive-expiry"),
    pytest.param(_signed(lambda d: d.update(actions={"t-a": 1})),
                 "field 'actions' has the wrong type", id="signed-actions-not-a-list"),
    pytest.param(_signed(lambda d: d.update(actions=[1, 2])),
                 "has an action that is not an object", id="signed-action-not-an-object"),
    pytest.param(_signed(lambda d: d.pop("fingerprint")), "plan document lacks 'fingerprint'",
                 id="signed-without-fingerprint"),
    pytest.param(_edited(lambda t: t.replace('"staging"', '"prod"', 1)),
                 "plan signature does not match", id="request-edited"),
]


@pytest.mark.parametrize(("make", "message"), EDITED)
def test_an_edited_plan_document_exits_3(
        counter: Project, make: Callable[[Project, dict[str, Any]], str], message: str) -> None:
    doc = plan_to(counter)
    before = recorded(counter)

    r = counter.run("apply", "--plan", make(counter, doc), "--format", "json")

    assert r.code == 3, r.stderr
    assert r.doc["error"]["type"] == "validation"
    assert message in r.doc["error"]["message"]
    assert (counts(counter), counts(counter, "prod"), recorded(counter)) == ({}, {}, before)


def test_a_plan_read_from_stdin_applies(counter: Project) -> None:
    doc = plan_to(counter)
    piped = counter.run("apply", "--plan", "-", "--format", "json",
                        input=(counter.root / "plan.json").read_text())
    assert piped.code == 0, piped.stderr
    assert piped.doc["artifacts"]["plan_id"] == doc["plan_id"]
    assert counts(counter) == {"a": 1, "b": 1, "c": 1}


def test_out_dash_writes_the_plan_to_stdout_and_the_run_to_stderr(counter: Project) -> None:
    """``plan --out -`` pipes into ``apply --plan -``: the signed plan alone on stdout (no file
    named ``-``), the result document on stderr; the plan applies once."""
    r = counter.run("plan", "counter", "--environment", "staging", "--out", "-",
                    "--format", "json", expect_json=True)
    assert r.code == 10, r.stderr
    assert r.doc["schema"] == "opsctl.plan/v1"
    assert not (counter.root / "-").exists()
    result = json.loads([line for line in r.stderr.splitlines()
                         if '"opsctl.result/v1"' in line][-1])
    assert result["artifacts"]["plan_file"] == "-"
    assert result["artifacts"]["plan_id"] == r.doc["plan_id"]
    assert counts(counter) == {}

    text = counter.run("plan", "counter", "--environment", "staging", "--out", "-",
                       expect_json=True)
    assert json.loads(text.stdout)["schema"] == "opsctl.plan/v1"
    assert "plan written to standard output" in text.stderr

    piped = counter.run("apply", "--plan", "-", "--format", "json", input=r.stdout)
    assert piped.code == 0, piped.stderr
    assert piped.doc["artifacts"]["plan_id"] == r.doc["plan_id"]
    assert counts(counter) == {"a": 1, "b": 1, "c": 1}


def test_a_plan_whose_run_the_audit_trail_refuses_is_not_written(counter: Project) -> None:
    plan_to(counter, "first.json")
    forge_audit_event_past_head(counter)  # the trail takes no more events
    before = recorded(counter)["plans"]
    for out in ("plan.json", "-"):
        refused = counter.run("plan", "counter", "--environment", "staging", "--out", out)
        assert refused.code == 3 and "beyond the audit head" in refused.stderr
        assert refused.stdout == ""
    assert not (counter.root / "plan.json").exists()
    assert recorded(counter)["plans"] == before  # nor saved in the store to be applied


def test_out_dash_of_a_plan_that_fails_writes_nothing_to_stdout(counter: Project) -> None:
    r = counter.run("plan", "counter", "--environment", "nowhere", "--out", "-")
    assert r.code == 2, r.stderr
    assert r.stdout == ""
    assert not (counter.root / "-").exists()


@pytest.mark.parametrize("args", [
    ["plan", "counter", "--environment", "nowhere", "--out", "-"],
    ["plan", "counter", "--out=-", "--environment", "staging", "--no-such-flag"],
    ["plan", "counter", "--environment", "staging", "--out", "-", "--request", "missing.yaml"],
])
def test_out_dash_with_json_puts_the_result_of_a_refused_plan_on_stderr(
        counter: Project, args: list[str]) -> None:
    """Under ``--format json`` too, ``plan --out -`` keeps standard output for the plan: a
    command refused before it ran has its result document on stderr, where a run's goes (was:
    on stdout, into the pipe to ``apply --plan -``)."""
    from tests.conftest import validate_result

    r = counter.run(*args, "--format", "json", expect_json=False)
    assert r.code == 2, r.stderr
    assert r.stdout == ""
    documents = [json.loads(line) for line in r.stderr.splitlines()
                 if '"opsctl.result/v1"' in line]
    assert len(documents) == 1, r.stderr
    validate_result(documents[0])
    assert (documents[0]["mode"], documents[0]["exit_code"]) == ("plan", 2)


def test_a_plan_made_against_another_store_applies_once_there_with_a_warning(
        counter: Project) -> None:
    """A plan file carried to another store (a CI runner's own SQLite) cannot be known as
    applied elsewhere: the apply says so, and this store refuses it from then on."""
    doc = plan_to(counter)
    other = counter.root / "other-store"
    other.mkdir()
    env = {**counter.env(), "OPSCTL_STORE_URL": f"sqlite:///{other / 'state.db'}"}

    first = counter.run("apply", "--plan", "plan.json", "--format", "json", env=env)
    assert first.code == 0, first.stderr
    assert any("was not made against this state store" in w and "store_url" in w
               for w in first.doc["warnings"]), first.doc["warnings"]
    again = counter.run("apply", "--plan", "plan.json", "--format", "json", env=env)
    assert again.code == 3 and "already applied" in again.doc["error"]["message"]
    assert first.doc["artifacts"]["plan_id"] == doc["plan_id"]
    # the store it was made against does not know of that apply; here the target changed
    # since, so the plan is stale there (exit 3), which is what keeps this one from applying
    at_home = counter.run("apply", "--plan", "plan.json", "--format", "json")
    assert at_home.code == 3 and "stale" in at_home.doc["error"]["message"], at_home.doc["error"]


def test_a_plan_from_another_store_keeps_its_warning_after_a_refused_first_apply(
        counter: Project) -> None:
    """The first ``apply --plan`` saves a foreign plan in this store even when the gate then
    refuses it: the apply that follows still says the plan was not made against this store."""
    plan_to(counter)
    other = counter.root / "other-store"
    other.mkdir()
    env = {**counter.env(), "OPSCTL_STORE_URL": f"sqlite:///{other / 'state.db'}"}
    warning = "was not made against this state store"
    (counter.root / "policy.yaml").write_text("version: 1\ndefault: deny\n")
    denied = counter.run("apply", "--plan", "plan.json", "--format", "json", env=env)
    assert denied.code == 6, denied.stderr
    assert any(warning in w for w in denied.doc["warnings"]), denied.doc["warnings"]
    (counter.root / "policy.yaml").unlink()
    applied = counter.run("apply", "--plan", "plan.json", "--format", "json", env=env)
    assert applied.code == 0, applied.stderr
    assert any(warning in w for w in applied.doc["warnings"]), applied.doc["warnings"]
    at_home = counter.run("plan", "counter", "--environment", "prod", "--out", "home.json")
    assert at_home.code == 10, at_home.stderr
    home = counter.run("apply", "--plan", "home.json", "--format", "json")
    assert home.code == 0, home.stderr
    assert not any(warning in w for w in home.doc["warnings"]), home.doc["warnings"]


# -- writing: atomic, never through a link ------------------------------------------------------

def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("dangling", [False, True], ids=["link-to-a-file", "dangling-link"])
def test_plan_out_refuses_a_symlink_and_leaves_its_target_alone(
        counter: Project, dangling: bool) -> None:
    victim = counter.root / "victim.txt"
    if not dangling:
        victim.write_text("precious\n")
    (counter.root / "plan.json").symlink_to(victim)

    r = counter.run("plan", "counter", "--environment", "staging", "--out", "plan.json",
                    "--format", "json")

    assert r.code == 2, r.stderr
    assert "plan file plan.json is a symbolic link" in r.doc["error"]["message"]
    assert (counter.root / "plan.json").is_symlink()
    assert (victim.read_text() if not dangling else victim.exists()) == (
        "precious\n" if not dangling else False)
    assert leftovers(counter.root) == []
    assert recorded(counter)["plans"] == []


@pytest.mark.parametrize(("out", "message"), [
    pytest.param("", "--out needs a file name (or - for standard output); it was empty",
                 id="empty"),
    pytest.param("  ", "--out needs a file name", id="blank"),
    pytest.param("reviews/2026/plan.json",
                 "--out reviews/2026/plan.json: the folder reviews/2026 does not exist", id="typo"),
    pytest.param("reviews/", "--out reviews/ names a folder (it ends in /): give a file name, "
                 "such as reviews/plan.json", id="a-folder-that-does-not-exist"),
])
def test_plan_out_to_no_file_or_a_missing_folder_exits_2_before_planning(
        counter: Project, out: str, message: str) -> None:
    """An unset variable or a mistyped folder: exit 2, no plan run recorded, no folder made."""
    r = counter.run("plan", "counter", "--environment", "prod", "--out", out, "--format", "json")
    assert r.code == 2, r.stderr
    assert message in r.doc["error"]["message"]
    assert not (counter.root / "reviews").exists()
    assert counter.run("runs", "--format", "json").doc["runs"] == []


@pytest.mark.parametrize("target", ["folder", "link", "device"])
def test_plan_out_to_what_it_cannot_replace_exits_2_before_planning(
        counter: Project, target: str) -> None:
    """--out naming a folder, a link or a device: exit 2 with no plan run recorded, as for a
    missing folder (was: the plan made, then a failed plan run recorded for the file)."""
    out = {"folder": "plans", "link": "plan.json", "device": os.devnull}[target]
    if target == "folder":
        (counter.root / "plans").mkdir()
    elif target == "link":
        (counter.root / "plan.json").symlink_to(counter.root / "elsewhere.json")
    r = counter.run("plan", "counter", "--environment", "prod", "--out", out, "--format", "json")
    assert r.code == 2, r.stderr
    assert f"plan file {out} is " in r.doc["error"]["message"]
    assert counter.run("runs", "--format", "json").doc["runs"] == []
    assert recorded(counter)["plans"] == []


def test_plan_out_ending_in_a_slash_leaves_the_file_of_that_name_alone(counter: Project) -> None:
    """`--out plan.json/` names a folder: the file plan.json is not replaced by the plan."""
    old = counter.root / "plan.json"
    old.write_text("an old plan\n")
    r = counter.run("plan", "counter", "--environment", "prod", "--out", "plan.json/",
                    "--format", "json")
    assert r.code == 2, r.stderr
    assert "--out plan.json/ names a folder" in r.doc["error"]["message"]
    assert old.read_text() == "an old plan\n"
    assert counter.run("runs", "--format", "json").doc["runs"] == []


def test_plan_out_takes_the_longest_name_the_folder_takes(counter: Project) -> None:
    """A plan file name of 255 bytes is written: the temporary file beside it is no longer."""
    name = "p" * 250 + ".json"
    r = counter.run("plan", "counter", "--environment", "prod", "--out", name, "--format", "json")
    assert r.code == 10, r.stderr
    assert json.loads((counter.root / name).read_text())["schema"] == "opsctl.plan/v1"
    assert leftovers(counter.root) == []


def test_plan_out_refuses_a_directory(counter: Project) -> None:
    (counter.root / "plans").mkdir()

    r = counter.run("plan", "counter", "--environment", "staging", "--out", "plans")

    assert r.code == 2
    assert "plan file plans is a directory" in r.stderr
    assert list((counter.root / "plans").iterdir()) == []
    assert recorded(counter)["plans"] == []


def test_plan_out_replaces_an_existing_file_with_the_mode_of_a_new_file(counter: Project) -> None:
    old = counter.root / "plan.json"
    old.write_text("an old plan\n")
    old.chmod(0o600)
    umask = os.umask(0)
    os.umask(umask)

    doc = plan_to(counter)

    assert doc["schema"] == "opsctl.plan/v1"
    assert stat.S_IMODE((counter.root / "plan.json").stat().st_mode) == 0o666 & ~umask
    assert leftovers(counter.root) == []
    assert recorded(counter)["plans"] == [(doc["plan_id"], None)]


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from opsctl.engine import saved_plans
    from opsctl.errors import DependencyError

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    (tmp_path / "plan.json").write_text("old\n")
    monkeypatch.setattr(saved_plans.os, "replace", refuse)

    with pytest.raises(DependencyError, match=r"cannot write plan file .*: No space left on device"):
        saved_plans.write_file_atomically(tmp_path / "plan.json", "new\n", what="plan file")

    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json"]
    assert (tmp_path / "plan.json").read_text() == "old\n"


@pytest.mark.parametrize("flag", ["--yes", "-y", "--auto-approve"])
def test_apply_plan_takes_the_yes_ci_scripts_pass_to_every_apply(counter: Project,
                                                                 flag: str) -> None:
    """A saved plan never asks; a pipeline that passes --yes to every apply still works."""
    plan_to(counter)
    applied = counter.run("apply", flag, "--plan", "plan.json", "--format", "json")
    assert applied.code == 0, applied.stderr
    assert counts(counter) == {"a": 1, "b": 1, "c": 1}


def test_resume_takes_the_yes_ci_scripts_pass_to_every_apply(counter: Project) -> None:
    partial = counter.run("counter", "--environment", "staging", "--fail-on", "b",
                          "--max-failures", "3", "--format", "json")
    assert partial.code == 5, partial.stderr
    again = counter.run("resume", "--yes", partial.doc["run_id"], "--format", "json")
    assert again.code == 5, again.stderr  # resumed (b still refused), not a usage error
    assert again.doc["run_id"] == partial.doc["run_id"]


PAIR = '''
import time
from pathlib import Path
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    root: str
    fail: list[str] = []

pair = Automation("pair", version="1.0.0", owner="tests", summary="two actions that meet",
                  request=Request)

@pair.plan
def plan(ctx, req):
    for name in ("a", "b", "c"):
        yield Action(id=name, kind="update", target=name, reason="meet")

@pair.apply
def apply(ctx, req, action):
    root = Path(req.root)
    if action.id in req.fail:
        raise RuntimeError(f"{action.id} fails")
    (root / f"started-{action.id}").touch()
    if action.id == "c":
        return "applied"
    deadline = time.monotonic() + 5
    while not all((root / f"started-{n}").exists() for n in ("a", "b")):
        if time.monotonic() > deadline:
            raise RuntimeError("applied one at a time")
        time.sleep(0.02)
    return "applied"
'''


def test_a_saved_plan_applies_with_concurrency_and_max_failures_given_to_apply(
        project: Project, tmp_path: Path) -> None:
    """A reviewed plan of many actions was applied one at a time, stopping at the first
    failure: `apply --plan` took no --concurrency or --max-failures. They say how to carry the
    plan out, not what it does, so the plan's fingerprint and approvals hold either way."""
    project.add_module("pair_auto", PAIR)
    root = tmp_path / "meet"
    root.mkdir()
    planned = project.run("plan", "pair", "--root", str(root), "--out", "plan.json",
                          "--format", "json")
    assert planned.code == 10, planned.stderr
    applied = project.run("apply", "--plan", "plan.json", "--concurrency", "2", "--format",
                          "json", expect_json=True)
    assert applied.code == 0, applied.stderr
    assert sorted(a["status"] for a in applied.doc["plan"]["actions"]) == ["applied"] * 3

    for path in root.iterdir():
        path.unlink()
    planned = project.run("plan", "pair", "--root", str(root), "--fail", "a", "--fail", "b",
                          "--out", "failing.json", "--format", "json")
    assert planned.code == 10, planned.stderr
    partial = project.run("apply", "--plan", "failing.json", "--max-failures", "3",
                          "--format", "json", expect_json=True)
    assert partial.code == 5, partial.stderr  # partial
    statuses = {a["id"]: a["status"] for a in partial.doc["plan"]["actions"]}
    assert statuses == {"a": "failed", "b": "failed", "c": "applied"}

    placed = project.run("apply", "--concurrency", "2", "pair", "--root", str(root))
    assert placed.code == 2
    assert "--concurrency of an automation goes after its name" in placed.stderr
