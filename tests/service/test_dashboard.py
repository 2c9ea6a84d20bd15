"""The dashboard in process: logins (cookie, expiry, fixation, logout, revocation), CSRF on
every form, the security headers, escaping, what each role sees and may do, the plan review
with four eyes, validation errors next to their fields, and secrets that never reach a page."""

from __future__ import annotations

import html
import json
import re
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the dashboard needs the server extra")

from tests.conftest import Project
from tests.service.conftest import Api, in_process, setup_project
from tests.service.dashboard_kit import CSRF, Visitor
from tests.service.everything_automation import ECHO, SOURCE

XSS = ['<script>window.__xss=1</script>', '"><img src=x onerror="window.__xss=1">']
SECRET = "hunter2-very-secret-value"


@pytest.fixture
def dash(tmp_path: Any) -> Iterator[Api]:
    root = tmp_path / "proj"
    root.mkdir()
    project = setup_project(Project(root))
    project.add_module("everything_automation", SOURCE)
    project.add_module("echo_automation", ECHO)
    yield from in_process(project)


def visitor(api: Api, actor: str, role: str, **scope: Any) -> Visitor:
    v = Visitor(api)
    response = v.login(api.token(actor, role, **scope))
    assert response.status_code == 303, response.text
    return v


def plan_files(v: Visitor, api: Api, environment: str = "prod", names: str = "a.txt") -> str:
    response = v.post("/automations/files/plan", [
        ("r.directory", str(api.project.root / "work" / environment)), ("r.names", names),
        ("r.environment", f'"{environment}"')])
    assert response.status_code == 303, response.text
    return str(response.headers["location"])


def wait_run(v: Visitor, path: str) -> str:
    deadline = time.monotonic() + 30
    while True:
        page = v.get(path).text
        if 'class="live-state" id="live-state">live' not in page.replace(
                'class="muted live-state"', 'class="live-state"'):
            return page
        assert time.monotonic() < deadline
        time.sleep(0.05)


# -- logins ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/automations/files", "/runs", "/audit", "/locks",
                                  "/slos", "/runs/run_01ARZ3NDEKTSV4RRFFQ69G5FAV/events"])
def test_every_page_needs_a_login(dash: Api, path: str) -> None:
    response = Visitor(dash).get(path)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login?next=")


def test_login_cookie_is_signed_httponly_strict_and_ends_with_the_token(dash: Api) -> None:
    v = Visitor(dash)
    token = dash.token("olga", "operator", expires=timedelta(hours=1))
    response = v.login(token)
    assert response.status_code == 303 and response.headers["location"] == "/"
    cookie = next(c for c in response.headers.get_list("set-cookie")
                  if c.startswith("opsctl_session="))
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    assert token not in cookie and token[7:20] not in cookie
    value = cookie.split(";")[0].split("=", 1)[1]
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}\.[0-9a-f]{32}", value)
    expires = re.search(r"expires=([^;]+)", cookie)
    assert expires is not None
    from email.utils import parsedate_to_datetime

    left = parsedate_to_datetime(expires.group(1)).timestamp() - time.time()
    assert 3000 < left <= 3600  # the token's hour, not the dashboard's 8 hours
    assert "olga" in v.get("/").text


def test_a_bad_token_is_refused_and_audited(dash: Api) -> None:
    v = Visitor(dash)
    response = v.login("opsctl_" + "x" * 43)
    assert response.status_code == 401
    assert "invalid API token" in response.text and "opsctl_xxx" not in response.text
    admin = visitor(dash, "ada", "admin")
    assert "auth.refused" in admin.get("/audit").text


@pytest.mark.parametrize("mistake", ["opsctl_" + "x" * 43, " "], ids=["bad-token", "blank"])
def test_a_refused_login_still_leads_to_the_page_asked_for(dash: Api, mistake: str) -> None:
    v = Visitor(dash)
    asked = "/runs?status=failed"
    form = v.client.get("/login", params={"next": asked})
    for token in (mistake, dash.token("olga", "operator")):
        csrf, then = CSRF.search(form.text), re.search(r'name="next" value="([^"]*)"', form.text)
        assert csrf is not None and then is not None
        form = v.client.post("/login", data={"token": token, "csrf": csrf.group(1),
                                             "next": html.unescape(then.group(1))})
    assert form.status_code == 303
    assert form.headers["location"] == asked


def test_the_login_form_needs_its_own_csrf_token(dash: Api) -> None:
    v = Visitor(dash)
    response = v.post("/login", {"token": dash.token("olga", "operator")}, csrf=False)
    assert response.status_code == 403
    assert "opsctl_session" not in response.headers.get("set-cookie", "")


def test_a_planted_session_id_is_worthless_and_login_makes_a_new_one(dash: Api) -> None:
    v = Visitor(dash)
    v.client.cookies.set("opsctl_session", "attacker-chosen.0000", domain="opsctl.test")
    assert v.get("/").status_code == 303
    v.login(dash.token("olga", "operator"))
    first = v.client.cookies.get("opsctl_session")
    assert first and "attacker" not in first
    v.login(dash.token("olga", "operator"))  # logging in again: a new id, the old one ends
    second = v.client.cookies.get("opsctl_session")
    assert second != first
    stale = Visitor(dash)
    stale.client.cookies.set("opsctl_session", first, domain="opsctl.test")
    assert stale.get("/").status_code == 303


def test_logout_ends_the_login_on_the_server(dash: Api) -> None:
    v = visitor(dash, "olga", "operator")
    copied = v.client.cookies.get("opsctl_session")
    response = v.post("/logout", {})
    assert response.status_code == 303 and response.headers["location"] == "/login"
    replay = Visitor(dash)
    replay.client.cookies.set("opsctl_session", str(copied), domain="opsctl.test")
    assert replay.get("/").status_code == 303


def test_revoking_the_token_ends_its_logins(dash: Api) -> None:
    from opsctl.governance.tokens import list_tokens, revoke_token
    from tests.service.conftest import project_session

    v = visitor(dash, "olga", "operator")
    assert v.get("/").status_code == 200
    session = project_session(dash.project)
    try:
        record = next(t for t in list_tokens(session.store) if t.actor == "olga")
        revoke_token(session.store, record.id, by="test", now=session.clock())
    finally:
        session.close()
    assert v.get("/").status_code == 303


def test_rotating_the_token_ends_the_logins_made_with_its_old_secret(dash: Api) -> None:
    """A leaked token is rotated: whoever logged in with the old secret is logged out too."""
    from opsctl.governance.tokens import list_tokens, rotate_token
    from tests.service.conftest import project_session

    v = visitor(dash, "rota", "operator")
    assert v.get("/").status_code == 200
    session = project_session(dash.project)
    try:
        record = next(t for t in list_tokens(session.store) if t.actor == "rota")
        _, secret = rotate_token(session.store, record.id, by="test", now=session.clock())
    finally:
        session.close()
    assert v.get("/").status_code == 303
    again = Visitor(dash)
    assert again.login(secret).status_code == 303  # the new secret logs in
    assert again.get("/").status_code == 200


# -- CSRF and headers -----------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/automations/files/plan", "/plans/PLAN/decision",
                                  "/plans/PLAN/apply", "/runs/RUN/resume", "/locks/break",
                                  "/logout"])
def test_every_form_post_needs_the_csrf_token(dash: Api, path: str) -> None:
    v = visitor(dash, "ada", "admin")
    plan = plan_files(v, dash)
    plan_id = plan.rsplit("/", 1)[1]
    path = path.replace("PLAN", plan_id).replace("RUN", "run_01ARZ3NDEKTSV4RRFFQ69G5FAV")
    fields = {"decision": "approve", "reason": "r", "scope": "x",
              "r.directory": str(dash.project.root / "work"), "csrf": "forged"}
    response = v.post(path, fields, csrf=False)
    assert response.status_code == 403, response.text
    assert "CSRF" in response.text
    assert v.get("/").status_code == 200  # still logged in (logout refused too)
    assert "approval.approved" not in v.get("/audit").text


@pytest.mark.parametrize("before", ["99999999999999999999999", str(2**63), "\u00b2", "abc"],
                         ids=["beyond-an-integer", "beyond-a-bigint", "superscript-two",
                              "not-a-number"])
def test_the_audit_page_shows_the_newest_events_for_any_before(dash: Api, before: str) -> None:
    """``?before=`` past the head, or not a number at all, is the first page (was: a 500
    for a number the store cannot hold, or a digit ``int()`` cannot read)."""
    v = visitor(dash, "ada", "admin")
    newest = v.get("/audit")
    assert newest.status_code == 200
    page = v.get("/audit", params={"before": before})
    assert page.status_code == 200, page.text[:300]
    rows = re.findall(r"<tr>\s*<td>(\d+)</td>", page.text)
    assert rows and rows == re.findall(r"<tr>\s*<td>(\d+)</td>", newest.text)


def test_a_running_run_offers_no_resume_and_a_resume_sent_anyway_leaves_it_running(
        dash: Api) -> None:
    """Resuming a run that is being carried out is refused on the page (409); the run goes
    on and ends as it would have (was: a Resume button, and a click recorded the live run
    ``cancelled``, exit 130, until it finished)."""
    operator = dash.token("olga", "operator")
    hold = dash.project.root / "hold"
    started = dash.call("POST", "/v1/automations/files/runs", operator, json={"request": {
        "directory": str(dash.project.root / "work" / "held"), "hold": str(hold)}})
    assert started.status_code == 202, started.text
    run_id = started.json()["run_id"]
    deadline = time.monotonic() + 30
    while not (dash.project.root / "hold.waiting").exists():  # its action is under way
        assert time.monotonic() < deadline
        time.sleep(0.02)
    olga = visitor(dash, "olga", "operator")
    page = olga.get(f"/runs/{run_id}")
    assert page.status_code == 200 and "Resume this run" not in page.text
    refused = olga.post(f"/runs/{run_id}/resume", {})
    assert refused.status_code == 409, refused.text
    assert "is running: there is nothing to resume" in refused.text
    assert dash.call("GET", f"/v1/runs/{run_id}", operator).json()["status"] == "running"
    hold.write_text("go")
    done = dash.run_until_done(operator, run_id)
    assert done["status"] == "succeeded" and done["exit_code"] == 0
    events = dash.call("GET", f"/v1/audit?run_id={run_id}", dash.token("ada", "admin")).json()
    assert [e["payload"]["status"] for e in events["events"]
            if e["kind"] == "run.finished"] == ["succeeded"]


def test_security_headers_and_no_inline_script_anywhere(dash: Api) -> None:
    v = visitor(dash, "ada", "admin")
    plan = plan_files(v, dash)
    for path in ["/login", "/", "/automations/files", "/automations/everything", plan,
                 "/runs", "/audit?verify=1", "/locks", "/slos", "/static/dashboard.css"]:
        response = v.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["x-content-type-options"] == "nosniff"
        if path.startswith("/static"):
            continue
        html = response.text
        assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", html)), path
        assert not re.search(r"\son[a-z]+\s*=", html), path
        assert not re.search(r"\sstyle\s*=", html), path
    api_response = dash.call("GET", "/healthz")
    assert "content-security-policy" not in api_response.headers


BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.mark.parametrize(("method", "path", "status"), [
    ("GET", "/no-such-page", 404), ("GET", "/runs/run_1/nope", 404), ("PUT", "/runs", 405),
], ids=["unknown-page", "unknown-subpage", "wrong-method"])
def test_a_browser_gets_an_error_page_and_other_clients_a_problem(
        dash: Api, method: str, path: str, status: int) -> None:
    v = visitor(dash, "ada", "admin")
    page = v.client.request(method, path, headers=BROWSER)
    assert page.status_code == status
    assert page.headers["content-type"].startswith("text/html")
    assert "<h1>" in page.text and 'href="/"' in page.text
    assert "content-security-policy" in page.headers
    other = v.client.request(method, path)  # curl, a script: the API's problem document
    assert other.status_code == status
    assert other.headers["content-type"] == "application/problem+json"
    api = v.client.get("/v1/no-such-endpoint", headers=BROWSER)
    assert api.status_code == 404
    assert api.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("path", ["/static/dashboard.css", "/static/dashboard.js",
                                  "/static/htmx.min.js"])
def test_static_files_are_revalidated_before_each_use(dash: Api, path: str) -> None:
    v = Visitor(dash)
    first = v.get(path)
    assert first.status_code == 200
    assert first.headers["cache-control"] == "no-cache"  # no stale script after an upgrade
    again = v.get(path, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.headers["cache-control"] == "no-cache"


def test_a_form_too_large_is_refused_with_a_page_in_a_browser(dash: Api) -> None:
    v = visitor(dash, "ada", "admin")
    form = {"r.text": "x" * (1024 * 1024 + 1), "csrf": v.csrf}
    page = v.client.post("/automations/echo/plan", data=form, headers=BROWSER)
    assert page.status_code == 422
    assert page.headers["content-type"].startswith("text/html")
    assert "larger than this server accepts" in page.text
    other = v.client.post("/automations/echo/plan", data=form)
    assert other.status_code == 422
    assert other.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(("form", "page"), [
    ("/automations/echo/plan", "/automations/echo"), ("/plans/plan_1/apply", "/plans/plan_1"),
    ("/plans/plan_1/decision", "/plans/plan_1"), ("/runs/run_1/cancel", "/runs/run_1"),
    ("/runs/run_1/resume", "/runs/run_1"), ("/locks/break", "/locks"), ("/logout", "/"),
])
def test_a_forms_address_opened_again_leads_to_the_page_of_the_form(
        dash: Api, form: str, page: str) -> None:
    v = visitor(dash, "ada", "admin")
    # the address bar shows a form's address after its page came back with errors
    response = v.client.get(form, headers=BROWSER)
    assert response.status_code == 303
    assert response.headers["location"] == page
    assert v.client.get(form).status_code == 405  # not a browser: the problem document


def test_times_say_they_are_utc_as_the_filters_read_them(dash: Api) -> None:
    v = visitor(dash, "ada", "admin")
    plan_files(v, dash)  # a run to list
    runs = v.get("/runs").text
    assert "Started (UTC)" in runs
    assert "since (UTC)" in runs and "until (UTC)" in runs  # a time without zone is UTC
    assert "at (UTC)" in v.get("/audit").text


def test_htmx_is_vendored_with_its_licence_and_version(dash: Api) -> None:
    response = Visitor(dash).get("/static/htmx.min.js")
    assert response.status_code == 200
    assert response.text.startswith("/*! htmx 2.0.11") and "0BSD" in response.text[:300]


# -- what a role sees -----------------------------------------------------------------------------

def test_a_viewer_sees_no_form_and_may_not_plan(dash: Api) -> None:
    v = visitor(dash, "vic", "viewer")
    page = v.get("/automations/files").text
    assert 'action="/automations/files/plan"' not in page and "may not plan" in page
    response = v.post("/automations/files/plan", {"r.directory": "/tmp/x"})
    assert response.status_code == 403
    assert "needs role planner" in response.text


def test_a_token_scoped_to_one_automation_sees_only_it(dash: Api) -> None:
    v = visitor(dash, "rita", "operator", automations=("report",))
    catalog = v.get("/").text
    assert "/automations/report" in catalog and "/automations/files" not in catalog
    assert 'href="/audit"' not in catalog and 'href="/locks"' not in catalog
    assert v.get("/audit").status_code == 403
    assert v.get("/automations/files").status_code == 403
    history = v.get("/runs").text  # its filter offers only what the token may view
    assert '<option value="report"' in history and '<option value="files"' not in history


def test_catalog_shows_the_facts_and_filters(dash: Api) -> None:
    v = visitor(dash, "ada", "admin")
    page = v.get("/").text
    for fact in ("files", "platform", "1.0.0", "effect-mutate", "effect-read", "never"):
        assert fact in page
    assert "/automations/files" not in v.get("/?effect=read").text
    searched = v.get("/?q=list+a+dir").text
    assert "/automations/report" in searched and "/automations/files" not in searched


# -- plans, four eyes, applying -------------------------------------------------------------------

def test_plan_review_four_eyes_apply_and_history(dash: Api) -> None:
    sam = visitor(dash, "sam", "admin")
    plan = plan_files(sam, dash, names="a.txt\nb.txt")
    page = sam.get(plan).text
    assert "2 create" in page and "prod-changes" in page and "1 still missing" in page
    assert 'id="apply-plan"' not in page  # not approved yet
    assert "You cannot approve" in page and "four eyes" in page
    own = sam.post(plan + "/decision", {"decision": "approve", "reason": "mine"})
    assert own.status_code == 403 and "needs another approver" in own.text

    sue = visitor(dash, "sue", "approver")
    review = sue.get(plan).text
    assert 'value="approve"' in review and "disabled" not in review.split('value="approve"')[1][:40]
    assert 'id="apply-plan"' not in review  # an approver may not apply
    assert sue.post(plan + "/decision", {"decision": "approve", "reason": "ok"}
                    ).status_code == 303

    approved = sam.get(plan).text
    assert "Approvals: 1 of 1 (by sue)" in approved and 'id="apply-plan"' in approved
    applied = sam.post(plan + "/apply", {})
    assert applied.status_code == 303 and applied.headers["location"].startswith("/runs/run_")
    run_page = wait_run(sam, applied.headers["location"])
    assert "succeeded" in run_page and "file:a.txt" in run_page and "<svg" in run_page
    assert (dash.project.root / "work" / "prod" / "b.txt").exists()
    history = sam.get("/runs?automation=files&status=succeeded").text
    assert applied.headers["location"].removeprefix("/runs/") in history
    again = sam.post(plan + "/apply", {})
    assert again.status_code == 409 and "already" in again.text
    assert "The chain is intact" in sam.get("/audit?verify=1").text


def test_a_vetoed_plan_says_it_cannot_be_applied_and_offers_a_re_plan(dash: Api) -> None:
    sam = visitor(dash, "sam", "admin")
    plan = plan_files(visitor(dash, "ada", "admin"), dash)
    sue = visitor(dash, "sue", "approver")
    assert sue.post(plan + "/decision", {"decision": "reject", "reason": "not now"}
                    ).status_code == 303
    page = sam.get(plan).text
    assert "Rejected by sue: not now" in page
    assert 'id="plan-vetoed"' in page and "cannot be applied" in page
    assert "once the plan has its approvals" not in page  # it never will
    # another approver's approval of it would be refused: the button says so before it is
    # pressed
    assert 'value="approve" class="primary" disabled' in page
    assert "You cannot approve: plan " in page and "was rejected by sue: not now" in page
    assert f'?from_plan={plan.removeprefix("/plans/")}' in page


def test_a_plan_of_another_contract_version_cannot_be_approved_from_its_page(
        dash: Api) -> None:
    """The code moved to a new contract version since the plan was made: the server refuses
    an approval of it (as `apply` refuses the plan), and the page says so on the disabled
    button rather than offering it."""
    plan = plan_files(visitor(dash, "ada", "admin"), dash)
    runtime = dash.client._transport._inner.app.state.runtime  # type: ignore[attr-defined]
    automation = runtime.base.catalog.load("files")
    made_with = automation.version
    automation.version = "9.0.0"  # the code as deployed since the plan was made
    try:
        sam = visitor(dash, "sam", "approver")
        page = sam.get(plan).text
        assert 'value="approve" class="primary" disabled' in page
        assert (f"plan was made with files {made_with}, the code is now 9.0.0") in page
        pressed = sam.post(plan + "/decision", {"decision": "approve", "reason": "fine"})
        assert pressed.status_code == 409, pressed.text
    finally:
        automation.version = made_with


def test_a_plan_whose_apply_was_refused_as_stale_says_so_and_offers_a_re_plan(
        dash: Api) -> None:
    """The refused run never claimed the plan (its row names none); the page still finds
    it (was: "Apply this plan" again, and no word of the refusal)."""
    sam = visitor(dash, "sam", "admin")
    plan = plan_files(sam, dash, environment="staging", names="late.txt")
    target = dash.project.root / "work" / "staging" / "late.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("made meanwhile")  # planning now gives no action: the plan is stale
    applied = sam.post(plan + "/apply", {})
    assert applied.status_code == 303, applied.text
    run_page = wait_run(sam, applied.headers["location"])
    assert "plan is stale" in run_page
    page = sam.get(plan).text
    assert 'id="plan-stale"' in page and "This plan is stale" in page
    assert "stale: plan is stale" not in page  # said once
    assert "Re-plan with the same request" in page and 'id="apply-plan"' not in page


def test_an_expired_plan_says_so_and_offers_a_re_plan(dash: Api) -> None:
    sam = visitor(dash, "sam", "admin")
    plan = plan_files(sam, dash, environment="staging")
    runtime = dash.client._transport._inner.app.state.runtime  # type: ignore[attr-defined]
    real = runtime.base.clock
    runtime.base.clock = lambda: real() + timedelta(days=30)
    try:
        page = sam.get(plan).text
        assert 'id="plan-expired"' in page and "Re-plan with the same request" in page
        assert 'id="apply-plan"' not in page
        replan = re.search(r'href="(/automations/files\?from_plan=[^"]+)"', page)
        assert replan is not None
        form = sam.get(replan.group(1).replace("&amp;", "&")).text
        assert str(dash.project.root / "work" / "staging") in form
    finally:
        runtime.base.clock = real


def test_validation_errors_appear_next_to_their_fields(dash: Api) -> None:
    v = visitor(dash, "ada", "admin")
    response = v.post("/automations/everything/plan", [
        ("r.service", "Bad Name"), ("r.replicas", "99"), ("r.primary.host", ""),
        ("r.api_key", SECRET), ("r.retention", "soon")])
    assert response.status_code == 422
    html = response.text
    for dom_id, words in [("f-service-error", "pattern"), ("f-replicas-error", "less than"),
                          ("f-primary-host-error", "required"), ("f-retention-error", "")]:
        assert f'id="{dom_id}"' in html, dom_id
        assert words in html.split(f'id="{dom_id}"')[1][:300]
    assert 'value="Bad Name"' in html  # what was typed stays
    assert SECRET not in html  # a secret is never echoed back


MANY_KEYS = """
from pydantic import BaseModel, ConfigDict, model_validator
from opsctl import Automation, Secret

class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")
    service: str
    tokens: list[Secret] = []
    by_site: dict[str, Secret] = {}

    @model_validator(mode="after")
    def known(self):
        if self.service != "api":
            raise ValueError("unknown service")
        return self

keys = Automation("many-keys", version="1.0.0", owner="o", summary="Many secrets",
                  request=Request)

@keys.plan
def plan(ctx, req):
    return []

@keys.apply
def apply(ctx, req, action):
    return None
"""


def test_lists_and_mappings_of_secrets_are_never_echoed_back(tmp_path: Any) -> None:
    """``list[Secret]`` and ``dict[str, Secret]`` fields are a text area and a JSON box: after
    a refused submission the form keeps what was typed, but not what they held."""
    root = tmp_path / "proj"
    root.mkdir()
    project = setup_project(Project(root))
    project.add_module("many_keys_automation", MANY_KEYS)
    server = in_process(project)
    api = next(server)
    try:
        v = visitor(api, "ada", "admin")
        form = v.get("/automations/many-keys").text
        assert 'name="r.tokens"' in form and 'name="r.by_site"' in form
        response = v.post("/automations/many-keys/plan", [
            ("r.service", "web"), ("r.tokens", f"{SECRET}-1\n{SECRET}-2"),
            ("r.by_site", json.dumps({"eu": SECRET}))])
        assert response.status_code == 422, response.text
        assert "unknown service" in response.text
        assert 'value="web"' in response.text  # what was typed stays
        assert SECRET not in response.text
    finally:
        server.close()


def test_a_default_factory_list_is_filled_in_as_other_defaults_are(dash: Api) -> None:
    """``names`` is declared ``Field(default_factory=lambda: ["a.txt"])``: pydantic's schema
    has no default for it, so the form showed it empty and the form as served planned ``[]``
    (nothing). It is filled in now; clearing it is still the user's choice."""
    v = visitor(dash, "ada", "admin")
    page = v.get("/automations/files").text
    served = page.split('name="r.names"')[1].split(">", 1)[1].split("</textarea>")[0].strip()
    assert served == "a.txt"
    as_served = v.get(plan_files(v, dash, environment="staging", names=served)).text
    assert "&#34;names&#34;: [\n    &#34;a.txt&#34;" in as_served or '"a.txt"' in as_served
    cleared = v.get(plan_files(v, dash, environment="staging", names="")).text
    assert "&#34;names&#34;: []" in cleared


def test_add_item_gives_one_more_row(dash: Api) -> None:
    v = visitor(dash, "ada", "admin")
    page = v.post("/automations/everything/plan", [("r.service", "svc"), ("r.ports._list", "1"),
                                                    ("_add", "ports")])
    assert page.status_code == 200
    assert 'name="r.ports.0.name"' in page.text and 'name="r.ports.1.name"' not in page.text


def test_a_plan_of_every_construct_round_trips_through_the_page(dash: Api) -> None:
    v = visitor(dash, "ada", "admin")
    response = v.post("/automations/everything/plan", [
        ("r.service", "api"), ("r.replicas", "3"), ("r.color", '"green"'),
        ("r.ports._list", "1"), ("r.ports.0._row", "1"), ("r.ports.0.name", "http"),
        ("r.ports.0.number", "80"), ("r.primary.host", "db"), ("r.api_key", SECRET),
        ("r.retention", "12h"), ("r.tags", "x\ny"), ("r.colors", '"blue"'),
        ("r.old_name", "legacy")])
    assert response.status_code == 303, response.text
    page = html.unescape(v.get(response.headers["location"]).text)
    assert SECRET not in page
    assert '"retention": "12h"' in page and '"$secret"' in page
    assert "deprecated" in v.get("/automations/everything").text


# -- escaping and secrets -------------------------------------------------------------------------

def test_bidirectional_controls_are_shown_as_escapes_in_the_plan_review_and_the_run(
        dash: Api) -> None:
    """A right-to-left override makes ``invoice-\\u202egnp.exe`` read ``invoice-exe.png``: the
    plan a reviewer approves and the run's page show the escape instead (was: the character,
    which the browser obeyed)."""
    v = visitor(dash, "ada", "admin")
    planned = v.post("/automations/echo/plan", [("r.text", "invoice-\u202egnp.exe")])
    assert planned.status_code == 303, planned.text
    plan = planned.headers["location"]
    review = v.get(plan).text
    applied = v.post(plan + "/apply", {})
    assert applied.status_code == 303, applied.text
    run = wait_run(v, applied.headers["location"])
    for page in (review, run):
        assert "\u202e" not in page
        assert "invoice-\\u202egnp.exe" in page
    shown = dash.call("GET", f"/v1/plans/{plan.rsplit('/', 1)[1]}", dash.token("ada", "admin"))
    assert shown.json()["plan"]["request"]["text"] == "invoice-\u202egnp.exe"  # kept as given


@pytest.mark.parametrize("payload", XSS, ids=["script", "attribute"])
def test_every_value_is_escaped(dash: Api, payload: str) -> None:
    v = visitor(dash, "ada", "admin")
    planned = v.post("/automations/echo/plan", [("r.text", payload),
                                                 ("r.password", SECRET)])
    assert planned.status_code == 303, planned.text
    plan = planned.headers["location"]
    pages = [v.get(plan).text, v.get("/").text]
    assert 'name="secret.password"' in pages[0]
    applied = v.post(plan + "/apply", {"secret.password": SECRET})
    run = applied.headers["location"]
    pages += [wait_run(v, run), v.get("/audit").text, v.get("/runs").text]
    bad_form = v.post("/automations/echo/plan", [("r.text", payload), ("r.nope", "1")])
    pages.append(bad_form.text)
    for text in pages:
        assert payload not in text
        assert "<script>window" not in text and "<img src=x" not in text
        assert SECRET not in text
    assert "&lt;script&gt;" in pages[0] or "&#34;&gt;&lt;img" in pages[0]
    stream = v.client.get(run + "/events", timeout=30).text
    assert "echo.said" in stream and "event: result" in stream
    assert SECRET not in stream
    assert '"status":"succeeded"' in stream


def test_the_live_log_resumes_after_the_last_event_seen(dash: Api) -> None:
    v = visitor(dash, "ada", "admin")
    planned = v.post("/automations/echo/plan", [("r.text", "hello")])
    applied = v.post(planned.headers["location"] + "/apply", {})
    run = applied.headers["location"]
    wait_run(v, run)
    whole = v.client.get(run + "/events", timeout=30).text
    ids = [int(line[4:]) for line in whole.splitlines() if line.startswith("id: ")]
    assert ids == list(range(1, len(ids) + 1)) and len(ids) > 4
    rest = v.client.get(run + "/events", headers={"Last-Event-ID": "3"}, timeout=30).text
    assert [int(line[4:]) for line in rest.splitlines() if line.startswith("id: ")] == ids[3:]
    assert rest.rstrip().splitlines()[-2] == "event: result"


@pytest.mark.parametrize("last_event_id", ["1" * 5000, "9" * 20, "x"],
                         ids=["past-int-conversion", "past-int64", "not-a-number"])
def test_a_live_log_with_a_last_event_id_it_never_sent_starts_from_the_beginning(
        dash: Api, last_event_id: str) -> None:
    """A browser resumes with an id the stream sent; any other starts it over (5000 digits
    were a 500: Python refuses to read such a number)."""
    v = visitor(dash, "ada", "admin")
    planned = v.post("/automations/echo/plan", [("r.text", "hello")])
    run = v.post(planned.headers["location"] + "/apply", {}).headers["location"]
    wait_run(v, run)
    response = v.client.get(run + "/events", headers={"Last-Event-ID": last_event_id},
                            timeout=30)
    assert response.status_code == 200, response.text
    ids = [int(line[4:]) for line in response.text.splitlines() if line.startswith("id: ")]
    assert ids[0] == 1 and "event: result" in response.text


PACED = '''
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    n: int = 1

paced = Automation("paced", version="1.0.0", owner="o", summary="s", request=Request,
                   effect="read", slo={"success_rate": 0.99})

@paced.plan
def plan(ctx, req):
    yield Action(id="a", kind="run", target="t", reason="r")

@paced.apply
def apply(ctx, req, action):
    pass
'''


def test_the_slo_page_lists_only_the_objectives_declared(tmp_path: Any) -> None:
    """An automation declaring a success rate alone shows "success_rate 0.99", not the
    objectives it left out as "p50 None, p95 None"."""
    root = tmp_path / "proj"
    root.mkdir()
    project = setup_project(Project(root))
    project.add_module("paced_automation", PACED)
    for api in in_process(project):
        page = html.unescape(visitor(api, "ada", "viewer").get("/slos").text)
        row = page[page.index(">paced<"):].split("</tr>", 1)[0]
        assert "success_rate 0.99" in row
        assert "None" not in row


def test_a_verify_over_http_or_the_dashboard_records_its_checkpoint(dash: Api) -> None:
    """`GET /v1/audit/verify` and the dashboard's "Verify chain" are `opsctl audit verify`: a
    pass records its head as a checkpoint (a later `--since` starts there), and the dashboard
    shows the verify's warnings (was: no checkpoint recorded, warnings dropped)."""
    from opsctl.store.sql import open_store

    def checkpoints() -> list[int]:
        url = dash.project.extra_env.get("OPSCTL_STORE_URL") or f"sqlite:///{dash.project.db}"
        store = open_store(url)
        try:
            return [int(r["seq"]) for r in store._rows(
                "SELECT seq FROM audit_checkpoints ORDER BY seq")]
        finally:
            store.close()

    token = dash.token("ada", "admin")
    assert dash.call("POST", "/v1/automations/report/runs", token,
                     json={"request": {"directory": str(dash.project.root / "work")},
                           "dry_run": True}).status_code == 202
    verified = dash.call("GET", "/v1/audit/verify", token)
    assert verified.status_code == 200, verified.text
    head = verified.json()["events"]
    assert checkpoints() == [head]
    page = visitor(dash, "sam", "admin").get("/audit?verify=1").text  # the login adds events
    assert "The chain is intact" in page
    assert max(checkpoints()) > head
    since = dash.project.run("audit", "verify", "--since", str(head), "--format", "json",
                             expect_json=True)
    assert since.code == 0, since.stderr
    assert since.doc["from_seq"] >= head
