"""Who may call what: every endpoint against every kind of credential, with the exact status.

Rows are endpoints (method, path, body, the permission they need on which automation and
environment); columns are credentials: none, malformed, unknown, expired and revoked API
tokens, forged and expired OIDC tokens, each role unscoped, each role scoped to another
automation, each role scoped to another environment, and OIDC identities whose group is (or is
not) granted a role by the configured ``[permissions]``. Each cell is one test.

Every 401 and 403 must be audited (one ``auth.refused`` or ``permission.denied`` event) and
record nothing else: no run, no plan, no approval, no broken lock. The full matrix runs on
SQLite; a representative slice runs on PostgreSQL.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import pytest

from opsctl.governance.permissions import ACTIONS, ROLES
from tests.conftest import Project, postgres_schema_url
from tests.service.conftest import Api, in_process, project_session, setup_project
from tests.service.oidc_issuer import OTHER_RSA_KEY, Issuer

PUBLIC = "public"  # no credential needed
ANY = "authenticated"  # any valid credential; what it returns is filtered by its grants

# Tables a refused request must leave as they were (audit_events gains exactly the refusal).
AUDIT_TABLES = {"audit_events", "audit_head"}

OIDC_SUBJECT = "repo:octo/deploy:ref:main"


@dataclass(frozen=True)
class Credential:
    name: str
    kind: str  # none | bad | token | oidc
    role: str | None = None
    automations: tuple[str, ...] = ("*",)
    environments: tuple[str, ...] = ("*",)


CREDENTIALS: tuple[Credential, ...] = (
    Credential("none", "none"),
    Credential("basic-scheme", "bad"),
    Credential("malformed", "bad"),
    Credential("unknown", "bad"),
    Credential("expired", "bad"),
    Credential("revoked", "bad"),
    Credential("oidc-forged", "bad"),
    Credential("oidc-expired", "bad"),
    Credential("oidc-other-audience", "bad"),
    *(Credential(role, "token", role) for role in ROLES),
    *(Credential(f"{role}@report", "token", role, automations=("report",)) for role in ROLES),
    *(Credential(f"{role}@staging", "token", role, environments=("staging",))
      for role in ROLES),
    # [permissions] grants operator to group:deployers; group:strangers has no grant.
    Credential("oidc-deployer", "oidc", "operator"),
    Credential("oidc-stranger", "oidc", None),
)
BY_NAME = {c.name: c for c in CREDENTIALS}


@dataclass(frozen=True)
class Endpoint:
    name: str
    method: str
    path: str  # {run_id} {plan_id} {fresh_plan} {fresh_lock} are filled in per cell
    needs: str  # a permission, PUBLIC or ANY
    automation: str = "*"
    environment: str | None = None
    any_environment: bool = False  # viewing: a grant on some environment of it is enough
    ok: int = 200
    body: str | None = None  # a body kind, built per cell: see World.body
    requires: str | None = None  # a capability another branch brings: metrics, run_events


ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint("healthz", "GET", "/healthz", PUBLIC),
    Endpoint("readyz", "GET", "/readyz", PUBLIC),
    Endpoint("metrics", "GET", "/metrics", "view", requires="metrics"),
    Endpoint("catalog", "GET", "/v1/automations", ANY),
    Endpoint("describe", "GET", "/v1/automations/files", "view", "files",
             any_environment=True),
    Endpoint("schema", "GET", "/v1/automations/files/schema?kind=result", "view", "files",
             any_environment=True),
    Endpoint("describe-unknown", "GET", "/v1/automations/nope", ANY, ok=404),
    Endpoint("plan", "POST", "/v1/automations/files/plans", "plan", "files", "prod", ok=201,
             body="prod"),
    Endpoint("dry-run", "POST", "/v1/automations/files/runs", "plan", "files", "prod", ok=202,
             body="prod-dry"),
    Endpoint("apply", "POST", "/v1/automations/files/runs", "apply", "files", "prod", ok=202,
             body="prod"),
    Endpoint("apply-staging", "POST", "/v1/automations/files/runs", "apply", "files",
             "staging", ok=202, body="staging"),
    Endpoint("report-dry-run", "POST", "/v1/automations/report/runs", "plan", "report",
             ok=202, body="report-dry"),
    Endpoint("run-unknown-automation", "POST", "/v1/automations/nope/runs", ANY, ok=404,
             body="report-dry"),
    Endpoint("runs", "GET", "/v1/runs", ANY),
    Endpoint("runs-of-files", "GET", "/v1/runs?automation=files", "view", "files",
             any_environment=True),
    # a run's and a plan's details: only where the grant covers their environment (prod)
    Endpoint("run", "GET", "/v1/runs/{run_id}", "view", "files", "prod"),
    Endpoint("run-unknown", "GET", "/v1/runs/run_00000000000000000000000000", ANY, ok=404),
    Endpoint("run-events", "GET", "/v1/runs/{run_id}/events", "view", "files", "prod",
             requires="run_events"),
    Endpoint("stored-plan", "GET", "/v1/plans/{plan_id}", "view", "files", "prod"),
    Endpoint("plan-unknown", "GET", "/v1/plans/plan_00000000000000000000000000", ANY, ok=404),
    Endpoint("approve", "POST", "/v1/plans/{fresh_plan}/approvals", "approve", "files", "prod",
             ok=201, body="approval"),
    Endpoint("apply-plan", "POST", "/v1/plans/{fresh_plan}/apply", "apply", "files", "prod",
             ok=202),
    Endpoint("audit", "GET", "/v1/audit", "view"),
    Endpoint("audit-verify", "GET", "/v1/audit/verify", "view"),
    Endpoint("locks", "GET", "/v1/locks", "view"),
    Endpoint("break-lock", "DELETE", "/v1/locks/{fresh_lock}?reason=maintenance", "admin",
             "files"),
    Endpoint("break-lock-unknown", "DELETE", "/v1/locks/files/none?reason=maintenance",
             "admin", "files", ok=404),
)
ENDPOINT_BY_NAME = {e.name: e for e in ENDPOINTS}


def expected_status(credential: Credential, endpoint: Endpoint) -> int:
    """The status of a cell, from the role table (permissions.ACTIONS) and the token's globs."""
    if endpoint.needs == PUBLIC:
        return endpoint.ok
    if credential.kind in ("none", "bad"):
        return 401
    if endpoint.needs == ANY:
        return endpoint.ok
    role = credential.role
    if role is None or role not in ACTIONS[endpoint.needs]:  # type: ignore[index]
        return 403
    if not any(fnmatchcase(endpoint.automation, p) for p in credential.automations):
        return 403
    if endpoint.any_environment:
        return endpoint.ok
    if endpoint.environment is None:
        return endpoint.ok if "*" in credential.environments else 403
    if not any(fnmatchcase(endpoint.environment, p) for p in credential.environments):
        return 403
    return endpoint.ok


def test_the_expected_statuses_are_not_all_the_same() -> None:
    """The model itself: each credential kind is refused somewhere and allowed somewhere."""
    for credential in CREDENTIALS:
        statuses = {expected_status(credential, e) for e in ENDPOINTS if e.needs != PUBLIC}
        if credential.kind in ("none", "bad"):
            assert statuses == {401}
        elif credential.name != "admin":
            assert 403 in statuses, credential
            assert statuses - {403}, credential
    assert {expected_status(BY_NAME["admin"], e) for e in ENDPOINTS} <= {200, 201, 202, 404}


# -- the server and its world ------------------------------------------------------------------

class World:
    """One in-process server over a project with an OIDC issuer, credentials of every kind, a
    prod run and a stored plan to look at, and a direct connection to the store."""

    def __init__(self, api: Api, issuer: Issuer, store_kind: str) -> None:
        self.api = api
        self.issuer = issuer
        self.store_kind = store_kind
        self.session = project_session(api.project)
        self.store = self.session.store
        self.setup_token = api.token("pat", "admin")
        self.credentials = {c.name: self._secret(c) for c in CREDENTIALS}
        self.work = api.project.root / "work"
        run = api.call("POST", "/v1/automations/files/runs?wait=30s", self.setup_token,
                       json={"request": self.request("prod", "seed"), "dry_run": True})
        assert run.status_code == 200, run.text
        self.run_id = run.json()["run_id"]
        self.plan_id = self.fresh_plan()

    def close(self) -> None:
        self.session.close()

    # credentials
    def _secret(self, credential: Credential) -> str | None:
        from opsctl.governance.tokens import create_token, revoke_token

        name, now = credential.name, datetime.now(UTC)
        if name == "none":
            return None
        if name == "basic-scheme":
            return "Basic c2FtOnNlY3JldA=="  # a whole Authorization header value
        if name == "malformed":
            return "not-a-token"
        if name == "unknown":
            return "opsctl_" + secrets.token_urlsafe(32)
        if name == "expired":
            _, secret = create_token(self.store, actor="ed", role="admin",
                                     expires=timedelta(hours=1), created_by="test",
                                     now=now - timedelta(days=1))
            return secret
        if name == "revoked":
            record, secret = create_token(self.store, actor="rev", role="admin",
                                          expires=None, created_by="test", now=now)
            revoke_token(self.store, record.id, by="test", now=now)
            return secret
        if name == "oidc-forged":
            return self.issuer.token({"groups": ["deployers"]}, key=OTHER_RSA_KEY)
        if name == "oidc-expired":
            stamp = int(now.timestamp())
            return self.issuer.token({"groups": ["deployers"], "iat": stamp - 7200,
                                      "exp": stamp - 3600})
        if name == "oidc-other-audience":
            return self.issuer.token({"groups": ["deployers"], "aud": "https://elsewhere"})
        if name == "oidc-deployer":
            return self.issuer.token({"groups": ["deployers"]})
        if name == "oidc-stranger":
            return self.issuer.token({"groups": ["strangers"], "sub": "stranger"})
        # approvers of prod are the policy's sre group (sam, sue)
        actor = "sam" if credential.role in ("approver", "admin") else credential.role
        assert actor is not None
        _, secret = create_token(self.store, actor=actor, role=credential.role or "viewer",
                                 automations=credential.automations,
                                 environments=credential.environments, expires=None,
                                 created_by="test", now=now)
        return secret

    def headers(self, credential: Credential) -> dict[str, str]:
        secret = self.credentials[credential.name]
        if secret is None:
            return {}
        if secret.startswith("Basic "):
            return {"Authorization": secret}
        return {"Authorization": f"Bearer {secret}"}

    # what cells need
    def request(self, environment: str, tag: str | None = None) -> dict[str, Any]:
        return {"directory": str(self.work), "environment": environment,
                "names": [f"{tag or uuid.uuid4().hex}.txt"]}

    def body(self, kind: str | None) -> dict[str, Any] | None:
        if kind is None:
            return None
        if kind == "prod":
            return {"request": self.request("prod")}
        if kind == "prod-dry":
            return {"request": self.request("prod"), "dry_run": True}
        if kind == "staging":
            return {"request": self.request("staging")}
        if kind == "report-dry":
            return {"request": {"directory": str(self.work)}, "dry_run": True}
        if kind == "approval":
            return {"decision": "approve", "reason": "reviewed the diff"}
        raise AssertionError(kind)

    def fresh_plan(self) -> str:
        r = self.api.call("POST", "/v1/automations/files/plans", self.setup_token,
                          json={"request": self.request("prod")})
        assert r.status_code == 201, r.text
        return str(r.json()["plan_id"])

    def fresh_lock(self) -> str:
        scope = f"files/prod/{uuid.uuid4().hex[:8]}"
        token, holder = self.store.acquire_lease(
            scope, "run_00000000000000000000000000", actor="pat", host="elsewhere", pid=1,
            now=datetime.now(UTC), ttl_s=3600)
        assert token is not None and holder is None
        return scope

    def path(self, endpoint: Endpoint) -> str:
        fill = {"run_id": self.run_id, "plan_id": self.plan_id}
        if "{fresh_plan}" in endpoint.path:
            fill["fresh_plan"] = self.fresh_plan()
        if "{fresh_lock}" in endpoint.path:
            fill["fresh_lock"] = self.fresh_lock()
        return endpoint.path.format(**fill)

    # what the store holds
    def tables(self) -> list[str]:
        if self.store.dialect == "postgresql":
            rows = self.store._rows("SELECT table_name AS name FROM information_schema.tables "
                                    "WHERE table_schema = current_schema()")
        else:
            rows = self.store._rows("SELECT name FROM sqlite_master WHERE type = 'table'")
        return sorted(str(r["name"]) for r in rows)

    def counts(self) -> dict[str, int]:
        return {t: int(self.store._rows(f"SELECT COUNT(*) AS n FROM {t}")[0]["n"])
                for t in self.tables() if t not in AUDIT_TABLES}

    def last_seq(self) -> int:
        rows = self.store._rows("SELECT MAX(seq) AS seq FROM audit_events")
        return int(rows[0]["seq"] or 0)

    def quiesce(self) -> None:
        """Wait for runs that earlier cells queued: their audit events (appended as they
        finish) are not this cell's. Quiet = none unfinished and no new event for 50 ms."""
        import time

        deadline = time.monotonic() + 60
        seen = -1
        while time.monotonic() < deadline:
            busy = self.store._rows("SELECT COUNT(*) AS n FROM runs WHERE status IN "
                                    "('queued', 'running')")[0]["n"]
            now = self.last_seq()
            if not busy and now == seen:
                return
            seen = now
            time.sleep(0.05)

    def events_after(self, seq: int) -> list[Any]:
        from opsctl.store.audit import iter_events

        return list(iter_events(self.store, since_seq=seq))

    def settle(self, run_id: str) -> None:
        """Wait for a run this cell started, so nothing runs behind the next cell's back."""
        self.api.run_until_done(self.setup_token, run_id)


def missing_capability(requires: str | None) -> str | None:
    if requires == "metrics":
        import importlib.util

        if importlib.util.find_spec("opsctl.observe.metrics") is None:
            return ("opsctl.observe.metrics (render_metrics) is not on this branch yet: "
                    "GET /metrics cannot answer 200")
    if requires == "run_events":
        from opsctl.store.sql import SQLStore

        if not hasattr(SQLStore, "run_events"):
            return ("SQLStore.run_events is not on this branch yet: the SSE stream of "
                    "GET /v1/runs/{id}/events cannot be read")
    return None


OIDC_GRANTS = """
[groups]
deployers = []
strangers = []

[permissions]
grants = [{ role = "operator", to = ["group:deployers"] }]
"""


@pytest.fixture(scope="module")
def issuer() -> Iterator[Issuer]:
    running = Issuer()
    yield running
    running.stop()


def build_world(root: Path, issuer: Issuer, store_url: str | None) -> Iterator[World]:
    project = Project(root)
    if store_url is not None:
        project.extra_env["OPSCTL_STORE_URL"] = store_url
    setup_project(project, issuer.config() + OIDC_GRANTS)
    for api in in_process(project):
        world = World(api, issuer, "postgresql" if store_url else "sqlite")
        try:
            yield world
        finally:
            world.close()


@pytest.fixture(scope="module")
def sqlite_world(tmp_path_factory: pytest.TempPathFactory, issuer: Issuer) -> Iterator[World]:
    root = tmp_path_factory.mktemp("matrix") / "proj"
    root.mkdir()
    yield from build_world(root, issuer, None)


@pytest.fixture(scope="module")
def postgres_world(tmp_path_factory: pytest.TempPathFactory,
                   issuer: Issuer) -> Iterator[World]:
    root = tmp_path_factory.mktemp("matrix-pg") / "proj"
    root.mkdir()
    for url in postgres_schema_url():
        yield from build_world(root, issuer, url)


# -- the cells ---------------------------------------------------------------------------------

def check_cell(world: World, credential: Credential, endpoint: Endpoint) -> None:
    want = expected_status(credential, endpoint)
    if 200 <= want < 300:
        reason = missing_capability(endpoint.requires)
        if reason:
            pytest.skip(reason)
    path = world.path(endpoint)
    body = world.body(endpoint.body)
    world.quiesce()
    counts, seq = world.counts(), world.last_seq()

    r = world.api.call(endpoint.method, path, headers=world.headers(credential),
                       **({"json": body} if body is not None else {}))

    assert r.status_code == want, (
        f"{endpoint.method} {path} with {credential.name}: {r.status_code} (want {want}): "
        f"{r.text[:300]}")
    if want >= 400:
        assert r.headers["content-type"] == "application/problem+json"
        problem = r.json()
        assert problem["status"] == want
        assert "Traceback" not in r.text
    if want in (401, 403):
        events = world.events_after(seq)
        kind = "auth.refused" if want == 401 else "permission.denied"
        assert [e.kind for e in events] == [kind], [e.to_dict() for e in events]
        assert world.counts() == counts, "a refused request recorded something"
        secret = world.credentials[credential.name]
        if secret:
            assert secret not in str(events[0].payload)
    if want == 401:
        assert r.headers.get("www-authenticate") == "Bearer"
        assert r.json()["exit_code"] == 6 and r.json()["error_type"] == "auth"
    if want == 403:
        assert r.json()["exit_code"] == 6
        payload = world.events_after(seq)[0].payload
        assert payload["permission"] == endpoint.needs and payload["automation"] == \
            endpoint.automation
    if want == 202:
        world.settle(r.json()["run_id"])
    if endpoint.name == "approve" and want == 201:
        assert r.json()["approval"]["decision"] == "approved"
    if endpoint.name == "break-lock" and want == 200:
        assert r.json()["broken"]["scope"] == path.split("/v1/locks/")[1].split("?")[0]


CELLS = [(c.name, e.name) for c in CREDENTIALS for e in ENDPOINTS]


@pytest.mark.parametrize(("credential", "endpoint"), CELLS, ids=[f"{c}-{e}" for c, e in CELLS])
def test_sqlite_cell(sqlite_world: World, credential: str, endpoint: str) -> None:
    check_cell(sqlite_world, BY_NAME[credential], ENDPOINT_BY_NAME[endpoint])


PG_CREDENTIALS = ("none", "expired", "revoked", "oidc-forged", "viewer", "planner", "operator",
                  "approver", "admin", "operator@report", "approver@staging", "admin@staging",
                  "oidc-deployer", "oidc-stranger")
PG_ENDPOINTS = ("describe", "plan", "dry-run", "apply", "run", "approve", "apply-plan", "audit",
                "break-lock")
PG_CELLS = [(c, e) for c in PG_CREDENTIALS for e in PG_ENDPOINTS]


@pytest.mark.parametrize(("credential", "endpoint"), PG_CELLS,
                         ids=[f"{c}-{e}" for c, e in PG_CELLS])
def test_postgresql_cell(postgres_world: World, credential: str, endpoint: str) -> None:
    check_cell(postgres_world, BY_NAME[credential], ENDPOINT_BY_NAME[endpoint])


def test_out_of_scope_tokens_see_only_their_automations(sqlite_world: World) -> None:
    """The catalog and run history (200 for any caller) are filtered by the grant."""
    def names(credential: str) -> set[str]:
        r = sqlite_world.api.call("GET", "/v1/automations",
                                  headers=sqlite_world.headers(BY_NAME[credential]))
        assert r.status_code == 200, r.text
        return {a["name"] for a in r.json()["automations"]}

    def run_automations(credential: str) -> set[str]:
        r = sqlite_world.api.call("GET", "/v1/runs",
                                  headers=sqlite_world.headers(BY_NAME[credential]))
        assert r.status_code == 200, r.text
        return {row["automation"] for row in r.json()["runs"]}

    assert names("viewer") == {"files", "report"}
    assert names("viewer@report") == {"report"}
    assert names("viewer@staging") == {"files", "report"}
    assert names("oidc-deployer") == {"files", "report"}
    assert names("oidc-stranger") == set()
    assert "files" in run_automations("viewer")
    assert "files" not in run_automations("viewer@report")
    assert run_automations("oidc-stranger") == set()
