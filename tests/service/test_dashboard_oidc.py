"""Logging in to the dashboard with an OIDC ID token: a local issuer (its JWKS over HTTP),
`[[server.oidc]]` trusting it and a `[permissions]` grant to one of the token's groups. The
login shows what the grant allows, ends no later than the token's ``exp``, and a bad token
is refused with a clear message and audited."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the dashboard needs the server extra")

from tests.conftest import Project
from tests.service.conftest import Api, in_process, project_session, setup_project
from tests.service.dashboard_kit import Visitor
from tests.service.oidc_issuer import OTHER_RSA_KEY, Issuer

GRANTS = """
[groups]
deployers = []

[permissions]
grants = [{ role = "planner", to = ["group:deployers"], automations = ["report"] }]
"""
ACTOR = "oidc:repo:octo/deploy:ref:main"


@pytest.fixture(scope="module")
def issuer() -> Iterator[Issuer]:
    running = Issuer()
    yield running
    running.stop()


@pytest.fixture
def oidc_dash(tmp_path: Path, issuer: Issuer) -> Iterator[Api]:
    root = tmp_path / "proj"
    root.mkdir()
    yield from in_process(setup_project(Project(root), issuer.config() + GRANTS))


def refusals(api: Api) -> list[dict[str, Any]]:
    from opsctl.store.audit import iter_events

    session = project_session(api.project)
    try:
        return [e.to_dict() for e in iter_events(session.store) if e.kind == "auth.refused"]
    finally:
        session.close()


def test_an_oidc_id_token_logs_in_with_what_its_group_grant_allows(
        oidc_dash: Api, issuer: Issuer) -> None:
    exp = int(time.time()) + 600
    v = Visitor(oidc_dash)
    response = v.login(issuer.token({"exp": exp}))
    assert response.status_code == 303, response.text

    cookie = next(c for c in response.headers.get_list("set-cookie")
                  if c.startswith("opsctl_session="))
    assert issuer.token({"exp": exp})[:40] not in cookie
    expires = re.search(r"expires=([^;]+)", cookie)
    assert expires is not None
    assert parsedate_to_datetime(expires.group(1)).timestamp() <= exp  # not the 8 hours

    catalog = v.get("/")
    assert catalog.status_code == 200 and ACTOR in catalog.text
    assert "/automations/report" in catalog.text  # the grant's automation
    assert "/automations/files" not in catalog.text  # and nothing else
    assert 'href="/audit"' not in catalog.text
    report = v.get("/automations/report").text
    assert 'action="/automations/report/plan"' in report  # planner may plan
    assert v.get("/automations/files").status_code == 403
    assert v.get("/audit").status_code == 403

    planned = v.post("/automations/report/plan",
                     [("r.directory", str(oidc_dash.project.root / "work"))])
    assert planned.status_code == 303, planned.text
    assert ACTOR in v.get(planned.headers["location"]).text

    from opsctl.service.dashboard.logins import _moment

    session = project_session(oidc_dash.project)
    try:
        row = session.store._rows("SELECT * FROM dashboard_sessions")[0]
    finally:
        session.close()
    assert row["actor"] == ACTOR and row["token_id"] is None
    assert "deployers" in str(row["principal_json"]) and "repo:octo" in str(row["principal_json"])
    assert _moment(str(row["expires_at"])).timestamp() <= exp


def test_an_oidc_login_ends_at_the_tokens_expiry(oidc_dash: Api, issuer: Issuer) -> None:
    v = Visitor(oidc_dash)
    # time enough for the login and a page on a loaded machine (an expiry 2 s ahead, which
    # int() makes as little as 1 s, could pass before the login was checked)
    exp = int(time.time()) + 8
    assert v.login(issuer.token({"exp": exp})).status_code == 303
    assert v.get("/").status_code == 200
    time.sleep(max(0.0, exp - time.time()) + 0.2)
    assert v.get("/").status_code == 303


@pytest.mark.parametrize(("claims", "key", "words"), [
    ({"exp": -120}, None, "expired"),
    ({"exp": -5}, None, "expired"),  # within the verifier's leeway: a login would be dead
    ({"aud": "https://someone-else.test"}, None, "audience"),
    ({}, OTHER_RSA_KEY, "signature"),
], ids=["expired", "expired-within-leeway", "wrong-audience", "bad-signature"])
def test_a_bad_oidc_token_is_refused_clearly_and_audited(
        oidc_dash: Api, issuer: Issuer, claims: dict[str, Any], key: Any, words: str) -> None:
    if "exp" in claims:  # seconds from now
        claims = {**claims, "exp": int(time.time()) + claims["exp"]}
    token = issuer.token(claims, **({"key": key} if key is not None else {}))
    v = Visitor(oidc_dash)
    response = v.login(token)
    assert response.status_code == 401
    assert "opsctl_session" not in response.headers.get("set-cookie", "")
    message = re.search(r'<p class="problem" role="alert">([^<]+)<', response.text)
    assert message is not None, response.text
    assert "invalid OIDC token" in message.group(1) and words in message.group(1).lower()
    assert token[:40] not in response.text
    audited = refusals(oidc_dash)
    assert len(audited) == 1 and token[:40] not in str(audited)
    assert v.get("/").status_code == 303


def test_a_token_joins_only_groups_declared_empty(tmp_path: Path, issuer: Issuer) -> None:
    """Any issuer's token may claim any group name: it joins a group declared empty (filled
    from tokens), never one that lists its members (`sre = ["bob"]`, local) nor one not
    declared."""
    root = tmp_path / "proj"
    root.mkdir()
    config = issuer.config() + """
[groups]
deployers = []
sre = ["bob"]

[permissions]
grants = [{ role = "admin", to = ["group:sre"] },
          { role = "viewer", to = ["group:deployers"] }]
"""
    for api in in_process(setup_project(Project(root), config)):
        claims_sre = {"Authorization": "Bearer " + issuer.token({"groups": ["sre", "ghosts"]})}
        assert api.call("GET", "/v1/audit", headers=claims_sre).status_code == 403
        assert api.call("GET", "/v1/automations/report", headers=claims_sre).status_code == 403
        deployer = {"Authorization": "Bearer " + issuer.token({"groups": ["deployers"]})}
        assert api.call("GET", "/v1/automations/report", headers=deployer).status_code == 200


def test_an_approval_through_a_claimed_group_is_counted_when_the_plan_is_applied(
        tmp_path: Path, issuer: Issuer) -> None:
    """The policy names a group filled from tokens' claims as approvers: an OIDC approver
    whose token claims it approves, and the plan then applies (its approval still counts
    when someone else, without the claim, applies it)."""
    root = tmp_path / "proj"
    root.mkdir()
    config = issuer.config() + """
[groups]
reviewers = []

[permissions]
grants = [{ role = "admin", to = ["olga"] },
          { role = "approver", to = ["group:reviewers"] }]
"""
    project = setup_project(Project(root), config)
    (root / "policy.yaml").write_text(
        "version: 1\nrules:\n  - name: prod-changes\n    match: {environment: prod}\n"
        "    decision: require_approval\n    approvers: [group:reviewers]\n")
    for api in in_process(project):
        olga = api.token("olga", "admin")
        request = {"directory": str(root / "work"), "environment": "prod"}
        planned = api.call("POST", "/v1/automations/files/plans", olga,
                           json={"request": request})
        assert planned.status_code == 201, planned.text
        plan_id = planned.json()["plan_id"]
        reviewer = {"Authorization": "Bearer " + issuer.token({"groups": ["reviewers"]})}
        approved = api.call("POST", f"/v1/plans/{plan_id}/approvals", headers=reviewer,
                            json={"decision": "approve", "reason": "reviewed"})
        assert approved.status_code == 201, approved.text
        applied = api.call("POST", f"/v1/plans/{plan_id}/apply?wait=30s", olga)
        assert applied.status_code == 200, applied.text
        assert applied.json()["status"] == "succeeded", applied.json()["error"]


def test_a_worker_decides_a_queued_run_with_the_groups_its_token_claimed(
        tmp_path: Path, issuer: Issuer) -> None:
    """A policy rule on a group filled from tokens' claims (`group: contractors`, declared
    empty) holds for a run a worker or a restart carries out as it does for the server that
    accepted it (was: the worker's principal had no groups, so a deny rule on the group did
    not hold there)."""
    from opsctl.dispatch.config import WorkerConfig
    from opsctl.dispatch.worker import Worker
    from opsctl.service.runtime import Principal

    root = tmp_path / "proj"
    root.mkdir()
    project = setup_project(Project(root), issuer.config() + "\n[groups]\ncontractors = []\n")
    principal = Principal(actor=ACTOR, source="oidc", groups=("contractors", "elsewhere"),
                          scope={"issuer": "https://issuer.test", "subject": "s"})
    row = {"actor": ACTOR, "runtime": {"identity": principal.identity().to_dict()}}
    base = project_session(project)
    base.store.migrate()
    worker = Worker(base, WorkerConfig(), wake=lambda *a: None, wake_chunk=lambda *a: None)
    try:
        carried_out = worker.session_for(row)
        assert carried_out.governance.groups_of(ACTOR) == frozenset({"contractors"})
    finally:
        base.close()
