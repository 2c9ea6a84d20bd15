"""Secret request fields (``opsctl.Secret``) over HTTP: masked in every line the server writes,
even one the automation logs on purpose; given again to apply a stored plan (which keeps only
their digests); and an interrupted apply that needs one is never left ``running`` when the
server cannot resume it by itself."""

from __future__ import annotations

import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import Project, run_opsctl
from tests.service.conftest import Api, LiveServer, make_token
from tests.service.dashboard_kit import Visitor
from tests.service.test_secret_canary import store_dump

PASSWORD = f"pw-{uuid.uuid4().hex}"

VAULT = '''
import sys
import time
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from opsctl import Action, Automation, Secret


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")

    directory: str
    environment: Literal["staging", "prod"] = "staging"
    password: Secret
    hold: str | None = None
    fail: str | None = None


vault = Automation("vault", version="1.0.0", owner="platform", summary="Keys from a password",
                   request=Request, effect="mutate", lock_scope=("environment", "directory"))


@vault.plan
def plan(ctx, req):
    ctx.log.info("vault.planning", pw=req.password.get_secret_value())
    for name in ("one", "two", "three"):
        path = Path(req.directory) / f"{name}.key"
        if not path.exists():
            yield Action(id=f"key:{name}", kind="create", target=str(path), reason="missing",
                         data={"path": str(path)})


@vault.apply
def apply(ctx, req, action):
    ctx.log.info("vault.applying", pw=req.password.get_secret_value())
    print("vault.printed", req.password.get_secret_value(), file=sys.stderr)
    if req.fail and action.id == "key:two" and Path(req.fail).exists():
        raise RuntimeError("the vault is sealed")
    if req.hold and action.id == "key:two":
        Path(req.hold + ".waiting").write_text("1")
        while not Path(req.hold).exists():
            time.sleep(0.02)
    ctx.files.mkdir(Path(action.data["path"]).parent)
    ctx.files.write_text(action.data["path"], "k-" + req.password.get_secret_value())
'''


def with_vault(project: Project) -> Project:
    project.add_module("vault_automation", VAULT)
    return project


def wait_for(predicate: Any, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def call(server: LiveServer, method: str, path: str, token: str, **kwargs: Any) -> Any:
    headers = {"Authorization": f"Bearer {token}", **kwargs.pop("headers", {})}
    return httpx.request(method, server.url + path, timeout=60, headers=headers, **kwargs)


def finished(server: LiveServer, token: str, run_id: str) -> dict[str, Any]:
    docs: list[dict[str, Any]] = []

    def done() -> bool:
        docs.append(call(server, "GET", f"/v1/runs/{run_id}", token).json())
        return docs[-1]["status"] not in ("queued", "running")

    wait_for(done, f"run {run_id} to finish")
    return docs[-1]


def events_of(server: LiveServer, token: str, run_id: str) -> str:
    with httpx.stream("GET", f"{server.url}/v1/runs/{run_id}/events", timeout=30,
                      headers={"Authorization": f"Bearer {token}"}) as r:
        assert r.status_code == 200
        return "".join(r.iter_text())


def test_a_secret_the_automation_logs_is_masked_in_the_server_log(
        live: Any, api_project: Project) -> None:
    with_vault(api_project)
    token = make_token(api_project, "olga", "operator")
    server = live("-v")
    request = {"directory": str(api_project.root / "work" / "vault"), "password": PASSWORD}
    applied = call(server, "POST", "/v1/automations/vault/runs?wait=30s", token,
                   json={"request": request})
    assert applied.status_code == 200 and applied.json()["status"] == "succeeded", applied.text
    assert (api_project.root / "work" / "vault" / "one.key").read_text() == f"k-{PASSWORD}"
    stream = events_of(server, token, applied.json()["run_id"])
    assert "vault.applying" in stream and "event: result" in stream
    assert server.stop() == 0

    log = server.log_text()
    lines = [e for e in server.log_events() if e.get("event") in ("vault.planning",
                                                                  "vault.applying")]
    assert len(lines) == 4 and all(e["pw"] == "***" for e in lines), lines
    assert log.count("vault.printed ***") == 3  # what it prints, too
    for what, text in (("the server log", log), ("the result", applied.text),
                       ("the event stream", stream)):
        assert PASSWORD not in text, f"the secret leaked into {what}"


def test_an_idempotency_key_holding_the_secret_is_refused_and_nothing_is_queued(
        live: Any, api_project: Project) -> None:
    """Keys are stored and shown as they are (run history, the store): a key holding the
    request's secret is a 422 naming the header, and no run is recorded."""
    with_vault(api_project)
    token = make_token(api_project, "olga", "operator")
    server = live()
    request = {"directory": str(api_project.root / "work" / "keyed"), "password": PASSWORD}
    for key in (f"rotate-{PASSWORD}", PASSWORD):
        refused = call(server, "POST", "/v1/automations/vault/runs?wait=30s", token,
                       json={"request": request}, headers={"Idempotency-Key": key})
        assert refused.status_code == 422, refused.text
        assert [e["field"] for e in refused.json()["errors"]] == ["header.idempotency-key"]
        assert PASSWORD not in refused.text
    listed = call(server, "GET", "/v1/runs", token)
    assert listed.status_code == 200 and listed.json()["runs"] == [], listed.text
    assert not (api_project.root / "work" / "keyed").exists()
    assert server.stop() == 0
    assert PASSWORD not in server.log_text()
    stored = b"".join(p.read_bytes() for p in api_project.db.parent.glob("state.db*"))
    assert PASSWORD.encode() not in stored
    for table, rows in store_dump(server).items():  # SQLite or PostgreSQL, every column
        assert PASSWORD not in rows, table


def _stop_mid_run(server: Any, token: str, body: dict[str, Any], hold: Path) -> str:
    """Start the vault run, stop the server (SIGTERM) while its second action waits on
    ``hold``, let that action finish: the run is left interrupted; its id."""
    held = call(server, "POST", "/v1/automations/vault/runs", token, json=body)
    assert held.status_code == 202, held.text
    run_id = str(held.json()["run_id"])
    wait_for(lambda: Path(str(hold) + ".waiting").exists(), "the second action to start")
    assert server.proc is not None
    server.proc.send_signal(15)
    wait_for(lambda: "server.stopping" in server.log_text(), "the server to begin stopping")
    hold.write_text("go")
    assert server.stop() == 0
    return run_id


def test_an_interrupted_apply_the_server_cannot_resume_is_left_for_a_caller_with_the_secret(
        live: Any, api_project: Project) -> None:
    with_vault(api_project)
    token = make_token(api_project, "olga", "operator")
    hold, work = api_project.root / "hold-vault", api_project.root / "work" / "held"
    body = {"request": {"directory": str(work), "password": PASSWORD, "hold": str(hold)}}
    server = live("--workers", "1")
    run_id = _stop_mid_run(server, token, body, hold)
    assert (work / "two.key").exists() and not (work / "three.key").exists()

    # the next start cannot resume it (no secret): it stays cancelled, not running for ever
    again = live()
    shown = run_opsctl("show", run_id, "--format", "json", cwd=api_project.root,
                       env=api_project.env())
    assert shown.doc["status"] == "cancelled", shown.stdout
    refusals = [e for e in again.log_events() if e.get("event") == "run.not_resumed"]
    assert refusals and refusals[0]["run_id"] == run_id, again.log_text()
    assert "password" in refusals[0]["reason"]
    assert PASSWORD not in again.log_text()

    # the same request again (with its secret) resumes it: the key is not blocked
    resumed = call(again, "POST", "/v1/automations/vault/runs?wait=30s", token, json=body)
    assert resumed.status_code == 200, resumed.text
    assert resumed.json()["run_id"] == run_id and resumed.json()["status"] == "succeeded"
    assert sorted(p.name for p in work.iterdir()) == ["one.key", "three.key", "two.key"]
    assert [a["status"] for a in resumed.json()["plan"]["actions"]] == ["applied"] * 3
    assert PASSWORD not in again.log_text()


def test_a_queued_run_the_server_cannot_carry_out_is_left_for_a_caller_with_the_secret(
        live: Any, api_project: Project) -> None:
    """Queued behind a run of the same scope when the server stops, a run whose secret the
    next start lacks ends ``cancelled`` (not ``failed``), and the same request again, its
    secret and key included, carries it out as the same run."""
    with_vault(api_project)
    token = make_token(api_project, "olga", "operator")
    hold, work = api_project.root / "hold-queued", api_project.root / "work" / "queued"
    server = live("--workers", "1")
    held = call(server, "POST", "/v1/automations/vault/runs", token,
                json={"request": {"directory": str(work), "password": PASSWORD,
                                  "hold": str(hold)}})
    assert held.status_code == 202, held.text
    wait_for(lambda: Path(str(hold) + ".waiting").exists(), "the held run's second action")
    body = {"request": {"directory": str(work / "next"), "password": PASSWORD}}
    key = {"Idempotency-Key": f"queued-{uuid.uuid4().hex}"}
    queued = call(server, "POST", "/v1/automations/vault/runs", token, json=body, headers=key)
    assert queued.status_code == 202 and queued.json()["status"] == "queued", queued.text
    run_id = str(queued.json()["run_id"])
    assert server.proc is not None
    server.proc.send_signal(15)
    wait_for(lambda: "server.stopping" in server.log_text(), "the server to begin stopping")
    hold.write_text("go")
    assert server.stop() == 0

    again = live()
    wait_for(lambda: call(again, "GET", f"/v1/runs/{run_id}", token).json()["status"]
             != "queued", "the start to settle the queued run")
    doc = call(again, "GET", f"/v1/runs/{run_id}", token).json()
    assert doc["status"] == "cancelled" and doc["exit_code"] == 130, doc
    assert "password" in doc["error"]["message"]
    assert not (work / "next").exists()

    resent = call(again, "POST", "/v1/automations/vault/runs?wait=30s", token, json=body,
                  headers=key)
    assert resent.status_code == 200, resent.text
    assert resent.json()["run_id"] == run_id and resent.json()["status"] == "succeeded"
    assert sorted(p.name for p in (work / "next").iterdir()) == ["one.key", "three.key",
                                                                "two.key"]
    replayed = call(again, "POST", "/v1/automations/vault/runs", token, json=body, headers=key)
    assert replayed.status_code == 200 and replayed.json()["run_id"] == run_id
    assert PASSWORD not in again.log_text()


def test_a_resume_refused_after_reopening_puts_the_run_back(live: Any,
                                                            api_project: Project) -> None:
    """A resume refused once under way (here: the lock of its scope is held) leaves the run
    as it was, not ``running`` without a lease."""
    with_vault(api_project)
    token = make_token(api_project, "olga", "operator")
    hold, work = api_project.root / "hold-lock", api_project.root / "work" / "locked"
    body = {"request": {"directory": str(work), "password": PASSWORD, "hold": str(hold)}}
    server = live("--workers", "1", env=api_project.env({"OPSCTL_SECRET_PASSWORD": "x"}))
    run_id = _stop_mid_run(server, token, body, hold)

    # the server's own OPSCTL_SECRET_PASSWORD is not the run's: the resume at start is
    # refused by the engine (exit 3) after the run was reopened, and the run goes back
    again = live(env=api_project.env({"OPSCTL_SECRET_PASSWORD": "not-the-password"}))
    wait_for(lambda: "run.not_resumed" in again.log_text(), "the refused resume")
    doc = call(again, "GET", f"/v1/runs/{run_id}", token).json()
    assert doc["status"] == "cancelled" and doc["exit_code"] == 130, doc


# -- stored plans -------------------------------------------------------------------------------

@pytest.fixture
def vault_api(api_project: Project) -> Any:
    from tests.service.conftest import in_process

    yield from in_process(with_vault(api_project))


def test_a_stored_plan_with_a_secret_is_applied_with_the_secret_in_the_body(
        vault_api: Api) -> None:
    api = vault_api
    token = api.token("olga", "operator")
    work = api.project.root / "work" / "stored"
    planned = api.call("POST", "/v1/automations/vault/plans", token,
                       json={"request": {"directory": str(work), "password": PASSWORD}})
    assert planned.status_code == 201, planned.text
    plan_id = planned.json()["plan_id"]
    apply = f"/v1/plans/{plan_id}/apply?wait=30s"

    cases: list[tuple[Any, int, str, str]] = [
        (None, 422, "body.secrets.password", "password"),
        ({"secrets": {}}, 422, "body.secrets.password", "password"),
        ({"secrets": {"token": PASSWORD}}, 422, "body.secrets.token", "token"),
        ({"secrets": {"password": 5}}, 422, "body.secrets.password", "password"),
        ({"secrets": {"password": PASSWORD}, "colour": 1}, 422, "body.colour", "colour"),
        ({"secrets": {"password": "wrong-one"}}, 409, "",
         "the secret given for 'password' differs from the one the plan was made with"),
    ]
    for body, status, field, says in cases:
        r = api.call("POST", apply, token, **({} if body is None else {"json": body}))
        assert r.status_code == status, (body, r.text)
        assert says in r.json()["detail"], r.text
        assert "OPSCTL_SECRET" not in r.text and PASSWORD not in r.text
        if field:
            assert field in {e["field"] for e in r.json()["errors"]}, r.text
    assert not work.exists()  # nothing was queued, nothing applied

    applied = api.call("POST", apply, token, json={"secrets": {"password": PASSWORD}})
    assert applied.status_code == 200, applied.text
    doc = applied.json()
    assert doc["status"] == "succeeded" and doc["request"]["password"] == "***"
    assert (work / "two.key").read_text() == f"k-{PASSWORD}"
    assert PASSWORD not in applied.text
    # the run's row and its result name the same key (the request's, as `apply --plan`)
    listed = api.call("GET", "/v1/runs?automation=vault", token).json()["runs"]
    row = next(r for r in listed if r["id"] == doc["run_id"])
    assert row["idempotency_key"] == doc["idempotency_key"]
    assert doc["idempotency_key"].startswith("auto:")


def test_the_dashboard_asks_for_the_secret_and_says_which_one_differs(vault_api: Api) -> None:
    api = vault_api
    v = Visitor(api)
    assert v.login(api.token("olga", "operator")).status_code == 303
    work, sealed = api.project.root / "work" / "dash", api.project.root / "sealed"
    planned = v.post("/automations/vault/plan", [("r.directory", str(work)),
                                                 ("r.password", PASSWORD)])
    assert planned.status_code == 303, planned.text
    plan = planned.headers["location"]
    assert 'name="secret.password"' in v.get(plan).text
    wrong = v.post(plan + "/apply", {"secret.password": "wrong-one"})
    assert wrong.status_code == 409, wrong.text
    assert ("the secret given for &#39;password&#39; differs from the one the plan was made "
            "with") in wrong.text
    assert "OPSCTL_SECRET" not in wrong.text and "wrong-one" not in wrong.text

    # a failed apply of the same request is resumed from its page, with the secret again
    sealed.write_text("1")
    failed = api.call("POST", "/v1/automations/vault/runs?wait=30s", api.token("ada", "admin"),
                      json={"request": {"directory": str(work), "password": PASSWORD,
                                        "fail": str(sealed)}})
    assert failed.status_code == 200 and failed.json()["status"] in ("failed", "partial")
    run = f"/runs/{failed.json()['run_id']}"
    page = v.get(run).text
    assert 'id="resume-run"' in page and 'name="secret.password"' in page
    for given, status, says in (({}, 422, "password"),
                                ({"secret.password": "wrong-one"}, 409,
                                 "the secret given for &#39;password&#39; differs")):
        refused = v.post(run + "/resume", given)
        assert refused.status_code == status and says in refused.text, refused.text
        doc = api.call("GET", f"/v1/runs/{failed.json()['run_id']}", api.token("vic", "viewer"))
        assert doc.json()["status"] == failed.json()["status"]  # as it was, not running
    sealed.unlink()
    resumed = v.post(run + "/resume", {"secret.password": PASSWORD})
    assert resumed.status_code == 303, resumed.text
    done = api.run_until_done(api.token("vic", "viewer"), failed.json()["run_id"])
    assert done["status"] == "succeeded", done
    assert (work / "three.key").read_text() == f"k-{PASSWORD}"
    assert PASSWORD not in v.get(run).text
    v.close()
