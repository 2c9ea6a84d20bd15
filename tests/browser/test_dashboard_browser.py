"""The dashboard in a real browser: Playwright driving Debian's Chromium against a real
`opsctl serve` on a free port. Log in, fill a generated form, plan, review the diff, be refused
approving one's own plan, approve as a second user, apply, follow the live log to its end, find
the run in the history, verify the audit chain; fill a form of every request construct; and
check that values made to run script never do.

With OPSCTL_SCREENSHOTS=1 the main pages are saved under docs/screenshots/ (shown in the
README). Chromium is /usr/bin/chromium (OPSCTL_CHROMIUM overrides); Playwright's own browser
download is never used.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Project
from tests.service.conftest import LiveServer, make_token, setup_project
from tests.service.everything_automation import ECHO, SOURCE

CHROMIUM = os.environ.get("OPSCTL_CHROMIUM", "/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
XSS = ['<script>window.__xss=1</script>', '"><img src=x onerror="window.__xss=1;alert(1)">',
       "javascript:alert(1)//</textarea><svg onload=alert(1)>"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    root = tmp_path_factory.mktemp("browser") / "proj"
    root.mkdir()
    project = setup_project(Project(root))
    project.add_module("everything_automation", SOURCE)
    project.add_module("echo_automation", ECHO)
    live = LiveServer(project, 0).start()
    yield live
    live.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    # Checked here, not at import: a missing browser is a skipped test, which CI fails.
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        pytest.skip(f"no Chromium at {CHROMIUM}")
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
            headless=True, args=["--no-sandbox"])
        yield launched
        launched.close()


class User:
    """One person at one browser: a context of its own (its own cookies)."""

    def __init__(self, browser: Any, server: LiveServer, actor: str, role: str, *,
                 dark: bool = False, phone: bool = False) -> None:
        viewport = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 860}
        self.context = browser.new_context(base_url=server.url, viewport=viewport,
                                           color_scheme="dark" if dark else "light")
        # Playwright's 30 s for each wait: a loaded machine (a CI run beside other jobs) can
        # take longer to render a page or to finish a run; a wait still ends as soon as it can
        self.context.set_default_timeout(90_000)
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.console_errors: list[str] = []
        self.page.on("console", self._console)
        self.token = make_token(server.project, actor, role)

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url')})")

    def login(self) -> None:
        self.page.goto("/login")
        self.page.fill("#token", self.token)
        self.page.click("button[type=submit]")
        self.page.wait_for_url(re.compile(r".*/$"))

    def shot(self, name: str) -> None:
        if os.environ.get("OPSCTL_SCREENSHOTS") == "1":
            SHOTS.mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    def no_script_ran(self) -> None:
        assert self.dialogs == []
        assert self.page.evaluate("() => window.__xss") is None

    def close(self) -> None:
        self.context.close()


def test_plan_review_four_eyes_apply_live_log_history_and_audit(server: LiveServer,
                                                                 browser: Any) -> None:
    sam = User(browser, server, "sam", "admin")
    sue = User(browser, server, "sue", "approver")
    page = sam.page
    page.goto("/runs")
    assert "/login" in page.url  # no login, no page
    sam.shot("login")
    sam.login()
    assert page.locator("article.automation").count() == 4
    sam.shot("catalog")

    page.click("a[href='/automations/echo']")
    page.fill("#f-text", "release 2.4")
    page.select_option("#f-environment", label="prod")
    sam.shot("automation")
    page.click("button.primary:has-text('Plan')")
    page.wait_for_url(re.compile(r".*/plans/plan_"))
    plan_url = page.url
    assert page.locator("table.diff.side-by-side").count() == 1
    assert page.locator("pre.line-diff .add").count() == 1
    assert "1 still missing" in page.inner_text("#approvals")
    approve = page.locator("button[value=approve]")
    assert approve.is_disabled()
    assert "four eyes" in page.inner_text("#approve-refused")
    assert page.locator("#apply-plan").count() == 0
    assert re.match(r"^\d+h \d\dm$", page.inner_text(".countdown"))
    sam.shot("plan-review")
    # pressed anyway (the button is only a hint): the server refuses it
    csrf = page.locator("form.decision input[name=csrf]").input_value()
    refused = page.request.post(plan_url + "/decision", form={
        "csrf": csrf, "decision": "approve", "reason": "mine"})
    assert refused.status == 403 and "needs another approver" in refused.text()

    sue.login()
    sue.page.goto(plan_url)
    sue.page.fill("#reason", "diff reviewed")
    sue.page.click("button[value=approve]")
    sue.page.wait_for_url(plan_url)
    assert "1 of 1 (by sue)" in sue.page.inner_text("#approvals")
    assert sue.page.locator("#apply-plan").count() == 0  # an approver does not apply

    page.reload()
    page.click("#apply-plan")
    page.wait_for_url(re.compile(r".*/runs/run_"))
    run_url = page.url
    page.wait_for_selector("#live-log[data-finished=succeeded]")
    log = page.inner_text("#live-log")
    assert "run.started" in log and "echo.said" in log and "action.finished" in log
    assert log.strip().splitlines()[-1].startswith("result succeeded")
    page.reload()  # the finished run's page: its ledger and the whole log again
    page.wait_for_selector("#live-log[data-finished=succeeded]")
    assert page.locator("table.ledger tbody tr").count() == 2
    assert page.locator("svg.bar rect").count() == 2
    sam.shot("run")

    page.goto("/runs?automation=echo")
    assert run_url.rsplit("/", 1)[1] in page.inner_text("table.runs")
    sam.shot("runs")
    page.goto("/audit")
    page.click("#verify-chain")
    assert "The chain is intact" in page.inner_text("#verify-result")
    sam.shot("audit")
    page.goto("/slos")
    sam.shot("slos")
    page.goto("/locks")
    sam.shot("locks")
    sam.no_script_ran()

    dark = User(browser, server, "dana", "viewer", dark=True)
    dark.login()
    assert dark.page.locator("form#run-form").count() == 0
    dark.shot("catalog-dark")
    dark.page.goto(plan_url)
    assert dark.page.locator("form.decision").count() == 0  # a viewer may not decide
    dark.shot("plan-review-dark")
    phone = User(browser, server, "pat", "operator", phone=True)
    phone.login()
    phone.page.goto(plan_url)
    phone.shot("plan-review-phone")
    for user in (sam, sue, dark, phone):
        user.close()


def test_a_form_of_every_construct_plans_a_valid_request(server: LiveServer,
                                                         browser: Any) -> None:
    ada = User(browser, server, "ada", "admin")
    ada.login()
    page = ada.page
    page.goto("/automations/everything")
    assert "deprecated: use service (removed in 2.0.0)" in page.inner_text("#run-form")
    assert page.get_attribute("#f-api_key", "type") == "password"
    page.fill("#f-service", "Not Valid")
    page.fill("#f-primary-host", "db")
    page.fill("#f-api_key", "first-secret")
    page.click("button.primary:has-text('Plan')")
    assert "should match pattern" in page.inner_text("#f-service-error")
    assert page.input_value("#f-api_key") == ""  # never echoed back
    assert page.input_value("#f-service") == "Not Valid"

    page.fill("#f-service", "api-gw")
    page.fill("#f-replicas", "7")
    page.fill("#f-ratio", "0.25")
    page.check("#f-force")
    page.select_option("#f-notify", label="yes")
    page.select_option("#f-color", label="blue")
    page.select_option("#f-mode", label="fast")
    page.fill("#f-note", "first deploy")
    page.fill("#f-limit", "12")
    page.fill("#f-tags", "a\nb c")
    page.fill("#f-sizes", "1\n20")
    page.select_option("#f-colors", label=["green", "blue"])
    page.click("button:has-text('Add ports item')")
    page.fill("#f-ports-0-name", "http")
    page.fill("#f-ports-0-number", "80")
    page.select_option("#f-ports-0-protocol", label="udp")
    page.fill("#f-primary-host", "db.internal")
    page.fill("#f-primary-weight", "2.5")
    page.check("input[name='r.backup._set']")
    page.fill("#f-backup-host", "backup.internal")
    page.fill("#f-retention", "1h30m")
    page.fill("#f-api_key", "s3cr3t-key")
    page.fill("#f-token", "tok-value")
    page.fill("#f-labels", '{"team": "core"}')
    page.fill("#f-old_name", "legacy")
    ada.shot("run-form")
    page.click("button.primary:has-text('Plan')")
    page.wait_for_url(re.compile(r".*/plans/plan_"))
    page.click("details summary:has-text('Request')")
    request = page.inner_text("details pre.code")
    import json

    doc = json.loads(request)
    assert doc["service"] == "api-gw" and doc["replicas"] == 7 and doc["ratio"] == 0.25
    assert doc["force"] is True and doc["notify"] is True and doc["color"] == "blue"
    assert doc["ports"] == [{"name": "http", "number": 80, "protocol": "udp"}]
    assert doc["backup"] == {"host": "backup.internal", "weight": 1.0}
    assert doc["retention"] == "1h30m" and doc["colors"] == ["green", "blue"]
    assert doc["tags"] == ["a", "b c"] and doc["sizes"] == [1, 20]
    assert doc["labels"] == {"team": "core"} and doc["old_name"] == "legacy"
    assert set(doc["api_key"]) == {"$secret"} and "s3cr3t" not in page.content()
    ada.no_script_ran()
    ada.close()


@pytest.mark.parametrize("payload", XSS, ids=["script", "attribute", "svg"])
def test_values_never_run_as_script(server: LiveServer, browser: Any, payload: str) -> None:
    eve = User(browser, server, "eve", "admin")
    eve.login()
    page = eve.page
    page.goto("/automations/echo")
    page.fill("#f-text", payload)
    page.fill("#f-password", "pw-" + payload)
    page.click("button.primary:has-text('Plan')")
    page.wait_for_url(re.compile(r".*/plans/plan_"))
    assert payload in page.inner_text("ol.actions-list")  # shown, as text
    page.fill("#secret-password", "pw-" + payload)
    page.click("#apply-plan")
    page.wait_for_url(re.compile(r".*/runs/run_"))
    page.wait_for_selector("#live-log[data-finished=succeeded]")
    assert payload in page.inner_text("#live-log")
    for path in ["/", "/runs", "/audit", "/automations/echo"]:
        page.goto(path)
        eve.no_script_ran()
    page.goto("/automations/echo")
    page.fill("#f-text", payload)
    page.fill("#f-nope" if page.locator("#f-nope").count() else "#f-text", payload)
    page.click("button.primary:has-text('Plan')")
    eve.no_script_ran()
    assert "pw-" not in page.content()
    eve.close()


@pytest.mark.parametrize("path", ["/", "/runs", "/audit", "/automations/everything",
                                  "/automations/echo"])
def test_a_page_fits_a_phone_without_sideways_scrolling(server: LiveServer, browser: Any,
                                                        path: str) -> None:
    pat = User(browser, server, "pat", "admin", phone=True)
    pat.login()
    pat.page.goto(path)
    # wide content (tables, code) scrolls inside its own box, never the whole page
    widths = pat.page.evaluate("() => [document.documentElement.scrollWidth, "
                               "document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], widths
    pat.close()


def test_the_pages_log_no_console_error(server: LiveServer, browser: Any) -> None:
    ivy = User(browser, server, "ivy", "admin")
    ivy.page.goto("/login")
    ivy.login()
    for path in ["/runs", "/slos", "/audit", "/locks", "/automations/echo"]:
        ivy.page.goto(path)
        ivy.page.wait_for_load_state("networkidle")
    assert ivy.console_errors == []
    ivy.close()


def test_enter_in_a_field_plans_even_where_the_form_can_add_items(server: LiveServer,
                                                                  browser: Any) -> None:
    kim = User(browser, server, "kim", "admin")
    kim.login()
    page = kim.page
    page.goto("/automations/everything")
    page.fill("#f-service", "api-gw")
    page.fill("#f-primary-host", "db")
    page.fill("#f-api_key", "s3cr3t-key")
    page.press("#f-api_key", "Enter")
    page.wait_for_url(re.compile(r".*/plans/plan_"))  # planned: no "ports" row was added
    kim.close()


@pytest.mark.parametrize("phone", [True, False], ids=["phone", "laptop"])
def test_a_plan_of_long_unbroken_values_fits_the_page(server: LiveServer, browser: Any,
                                                      phone: bool) -> None:
    lea = User(browser, server, "lea", "admin", phone=phone)
    lea.login()
    page = lea.page
    page.goto("/automations/echo")
    page.fill("#f-text", "x" * 120 + "ünïcødé" + "y" * 120)  # the target and the reason
    page.click("button.primary:has-text('Plan')")
    page.wait_for_url(re.compile(r".*/plans/plan_"))
    widths = page.evaluate("() => [document.documentElement.scrollWidth, "
                           "document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], widths
    lea.close()


LINKED = '''
from pydantic import BaseModel, ConfigDict, Field

from opsctl import Action, Automation

WIKI = "https://wiki.example.com/operations/runbooks/rotation/keys-for-the-owners-of-the-service"


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: str = Field(description="Which key, as listed at " + WIKI)


linked = Automation("linked", version="1.0.0", owner="ops", summary="Rotates keys: " + WIKI,
                    request=Request, effect="mutate")


@linked.plan
def plan(ctx, req):
    yield Action(id="rotate", kind="update", target=req.key, reason="asked")


@linked.apply
def apply(ctx, req, action):
    pass
'''


@pytest.mark.parametrize("path", ["/", "/automations/linked"], ids=["catalog", "automation"])
def test_a_long_link_in_a_summary_or_help_wraps_on_a_phone(
        tmp_path: Path, browser: Any, path: str) -> None:
    root = tmp_path / "proj"
    root.mkdir()
    project = setup_project(Project(root))
    project.add_module("linked_automation", LINKED)
    live = LiveServer(project, 0).start()
    try:
        pat = User(browser, live, "pat", "admin", phone=True)
        pat.login()
        pat.page.goto(path)
        assert "wiki.example.com" in pat.page.inner_text("main")
        widths = pat.page.evaluate("() => [document.documentElement.scrollWidth, "
                                   "document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], widths
        pat.close()
    finally:
        live.stop()


GATED = '''
import time
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from opsctl import Action, Automation


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")

    gate: str


gated = Automation("gated", version="1.0.0", owner="ops", summary="Waits for its gate file",
                   request=Request, effect="mutate")


@gated.plan
def plan(ctx, req):
    yield Action(id="wait", kind="run", target=req.gate, reason="until the test opens it")


@gated.apply
def apply(ctx, req, action):
    deadline = time.monotonic() + 120
    while not Path(req.gate).exists() and time.monotonic() < deadline:
        time.sleep(0.05)
'''


def test_a_live_log_whose_login_ended_says_it_is_disconnected(tmp_path: Path,
                                                              browser: Any) -> None:
    root = tmp_path / "proj"
    root.mkdir()
    project = setup_project(Project(root))
    project.add_module("gated_automation", GATED)
    gate = tmp_path / "gate"
    live = LiveServer(project, 0).start()
    try:
        mia = User(browser, live, "mia", "admin")
        mia.login()
        page = mia.page
        page.goto("/automations/gated")
        page.fill("#f-gate", str(gate))
        page.click("button.primary:has-text('Plan')")
        page.wait_for_url(re.compile(r".*/plans/plan_"))
        page.click("#apply-plan")
        page.wait_for_url(re.compile(r".*/runs/run_"))
        page.wait_for_function(
            "() => document.getElementById('live-log').textContent.includes('action.started')")
        elsewhere = mia.context.new_page()  # another tab of the same browser logs out
        elsewhere.goto("/")
        elsewhere.click("button:has-text('Log out')")
        elsewhere.wait_for_url(re.compile(r".*/login"))
        # the stream ends with the login and its URL now answers with the login page: the
        # browser stops retrying, and the page must not promise that it reconnects
        page.wait_for_function(
            "() => document.getElementById('live-state').textContent.startsWith('disconnected')")
        mia.close()
    finally:
        gate.touch()
        live.stop()


def test_a_search_after_the_login_ended_opens_the_login_form(server: LiveServer,
                                                             browser: Any) -> None:
    ned = User(browser, server, "ned", "viewer")
    ned.login()
    page = ned.page
    page.goto("/?effect=mutate")
    elsewhere = ned.context.new_page()  # another tab of the same browser logs out
    elsewhere.goto("/")
    elsewhere.click("button:has-text('Log out')")
    elsewhere.wait_for_url(re.compile(r".*/login"))
    page.fill("#q", "echo")  # a partial update of the catalog
    page.wait_for_url(re.compile(r".*/login\?next=%2F%3Feffect%3Dmutate$"))
    assert page.locator("#token").count() == 1
    ned.close()


def test_a_form_shown_again_with_errors_focuses_the_first_field_to_fix(
        server: LiveServer, browser: Any) -> None:
    ola = User(browser, server, "ola", "admin")
    ola.login()
    page = ola.page
    page.goto("/automations/everything")
    page.fill("#f-service", "web")
    page.fill("#f-replicas", "99")  # the first bad field; primary.host and api_key follow
    page.click("button.primary:has-text('Plan')")
    page.wait_for_selector("#f-replicas-error")
    page.wait_for_function("() => document.activeElement.id === 'f-replicas'")
    ola.close()
