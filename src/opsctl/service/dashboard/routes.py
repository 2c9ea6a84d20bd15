"""The dashboard's pages. Each parses its input, calls the library (through the same helpers
as the ``/v1`` routes), and renders a template; a state-changing form is a POST carrying the
login's CSRF token and answers with a redirect (303) or the page again with its errors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.responses import HTMLResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from opsctl.errors import ConfigError, OpsctlError, UsageError
from opsctl.service import app as api
from opsctl.service.dashboard import forms, views
from opsctl.service.dashboard.logins import COOKIE, LOGIN_COOKIE, csrf_matches
from opsctl.service.dashboard.web import (
    HERE,
    Dashboard,
    LoginRequired,
    SecurityHeaders,
    Viewer,
    Who,
    check_csrf,
    first,
    form_pairs,
    may,
    page_route_class,
    query,
    safe_next,
    see_other,
)
from opsctl.service.problems import InputError, UnauthenticatedError
from opsctl.service.runtime import ServerRuntime

PAGE = 50
RECENT = 10
LOG_EVENT_KINDS = ("run.started", "run.resumed", "plan", "gate", "action.started",
                   "action.finished", "log", "run.finished")


def install(app: FastAPI, runtime: ServerRuntime) -> None:
    dashboard = Dashboard(runtime)
    app.state.dashboard = dashboard
    router = APIRouter(route_class=page_route_class(dashboard), include_in_schema=False)
    _login_routes(router, dashboard)
    _catalog_routes(router, dashboard)
    _plan_routes(router, dashboard)
    _run_routes(router, dashboard)
    _admin_routes(router, dashboard)
    app.include_router(router)
    app.mount("/static", RevalidatedStaticFiles(directory=str(HERE / "static")),
              name="dashboard-static")
    app.add_middleware(SecurityHeaders)


class RevalidatedStaticFiles(StaticFiles):
    """The stylesheet and scripts, which a browser revalidates (a 304 by their ETag) before
    each use: their URLs carry no version, so a browser's heuristic caching would otherwise
    run the script of the opsctl before an upgrade against the pages after it."""

    def file_response(self, *args: Any, **kwargs: Any) -> Response:
        response = super().file_response(*args, **kwargs)
        response.headers["Cache-Control"] = "no-cache"
        return response


def _now(viewer: Viewer) -> datetime:
    return viewer.session.clock()


# -- login ----------------------------------------------------------------------------------------

def _login_routes(router: APIRouter, dashboard: Dashboard) -> None:
    runtime = dashboard.runtime

    def login_form(request: Request, *, error: str | None = None, status: int = 200,
                   then: str | None = None) -> HTMLResponse:
        """The form; ``then``: where a refused attempt was going (else ``?next=``)."""
        import secrets

        nonce = secrets.token_urlsafe(24)
        response = dashboard.page(request, "login.html", None, status=status, error=error,
                                  login_csrf=nonce, next=safe_next(
                                      then if then is not None
                                      else request.query_params.get("next")),
                                  oidc=bool(runtime.base.settings.server.get("oidc")))
        response.set_cookie(LOGIN_COOKIE, nonce, max_age=1800, httponly=True,
                            samesite="strict", secure=request.url.scheme == "https",
                            path="/login")
        return response

    @router.get("/login")
    def login_page(request: Request) -> HTMLResponse:
        return login_form(request)

    @router.post("/login")
    async def login(request: Request) -> Response:
        pairs = await form_pairs(request)
        then = first(pairs, "next")
        if not csrf_matches(request.cookies.get(LOGIN_COOKIE, ""), first(pairs, "csrf")):
            return login_form(request, error="The login form expired: try again.", status=403,
                              then=then)
        credential = first(pairs, "token").strip()
        if not credential:
            return login_form(request, error="Paste an API token.", status=401, then=then)
        try:
            login = await run_in_threadpool(_start_login, dashboard, credential, request)
        except UnauthenticatedError as exc:
            return login_form(request, error=_login_refusal(exc.message), status=401,
                              then=then)
        await run_in_threadpool(_end_login, dashboard, request.cookies.get(COOKIE))
        response = see_other(safe_next(then))
        response.set_cookie(COOKIE, dashboard.logins.cookie_value(login),
                            expires=login.expires_at, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https", path="/")
        response.delete_cookie(LOGIN_COOKIE, path="/login", httponly=True, samesite="strict")
        return response

    @router.post("/logout")
    async def logout(request: Request) -> Response:
        pairs = await form_pairs(request)
        login = await run_in_threadpool(dashboard.logins.find, request.cookies.get(COOKIE))
        if login is not None:
            if not csrf_matches(login.csrf, first(pairs, "csrf")):
                from opsctl.service.dashboard.web import CSRFRefused

                raise CSRFRefused
            await run_in_threadpool(dashboard.logins.end, login.id)
        response = see_other("/login")
        response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
        return response


def _start_login(dashboard: Dashboard, credential: str, request: Request) -> Any:
    """Check the credential as the API does (a refusal is audited the same way) and start a
    login bound to it: an API token's id, or an OIDC token's verified principal."""
    from opsctl.service.auth import principal_from

    runtime = dashboard.runtime
    try:
        principal = principal_from(runtime, credential)
    except UnauthenticatedError as exc:
        api._audit_refusal(runtime, exc.message, request)
        raise
    if principal.source == "token":
        from opsctl.governance.tokens import get_token

        token_id = str(principal.scope["token_id"])
        record = get_token(runtime.store(), token_id)
        return dashboard.logins.start(actor=principal.actor, token_id=token_id,
                                      credential_expires=record.expires_at)
    import jwt

    claims = jwt.decode(credential, options={"verify_signature": False})  # verified above
    expires = datetime.fromtimestamp(int(claims["exp"]), UTC)
    if expires <= runtime.base.clock():
        # accepted by the verifier's clock-skew leeway, but a login would end before it began
        message = "invalid OIDC token: the token has expired"
        api._audit_refusal(runtime, message, request)
        raise UnauthenticatedError(message)
    return dashboard.logins.start(actor=principal.actor, principal=principal,
                                  credential_expires=expires)


def _end_login(dashboard: Dashboard, cookie: str | None) -> None:
    """A login replaces the browser's earlier one."""
    previous = dashboard.logins.find(cookie)
    if previous is not None:
        dashboard.logins.end(previous.id)


def _login_refusal(message: str) -> str:
    # the refusal names the token id at most, never a secret; keep the first sentence
    return message.split(" (")[0]


# -- catalog and automation pages -----------------------------------------------------------------

def _catalog_routes(router: APIRouter, dashboard: Dashboard) -> None:

    @router.get("/")
    def catalog(request: Request, viewer: Who) -> HTMLResponse:
        session = viewer.session
        text = (query(request, "q") or "").lower()
        effect = query(request, "effect")
        items = []
        for entry in sorted(session.catalog.entries.values(), key=lambda e: e.name):
            if not may(session, "view", entry.name):
                continue
            if effect in ("read", "mutate") and entry.effect != effect:
                continue
            if text and not any(text in str(v).lower() for v in (
                    entry.name, entry.owner, entry.summary, entry.description)):
                continue
            last, _ = api._visible_runs(session, automation=entry.name, limit=1)
            # the rate counts the runs of every environment: not for a login that sees only
            # some of them (as the automation's page and the SLOs page)
            slo = _success(session, entry, _now(viewer)) if may(
                session, "view", entry.name, everywhere=True) else None
            items.append({"entry": entry, "last": last[0] if last else None, "slo": slo})
        return dashboard.page(request, "catalog.html", viewer, items=items, q=text,
                              effect=effect or "", problems=api.catalog_problems(session))

    @router.get("/automations/{name}")
    def automation(request: Request, name: str, viewer: Who) -> HTMLResponse:
        values: dict[str, Any] | None = None
        replan = query(request, "from_plan")
        if replan is not None:
            document = api.viewable_plan(viewer.session, replan)
            if document.get("automation") == name:
                values = dict(document.get("request") or {})
        return _automation_page(dashboard, request, viewer, name, values=values)

    @router.post("/automations/{name}/plan")
    async def plan(request: Request, name: str, viewer: Who) -> Response:
        pairs = await form_pairs(request)
        check_csrf(viewer, pairs)
        return await run_in_threadpool(_plan_from_form, dashboard, request, viewer, name, pairs)


def _success(session: Any, entry: Any, now: datetime) -> dict[str, Any]:
    """The success rate over the automation's SLO window: all the catalog shows of its SLO
    (one aggregate; the quantiles cost a sort of the window's runs each)."""
    from opsctl.observe.slo import DEFAULT_WINDOW, measure_success, success_rate, window_seconds

    window = str((entry.slo or {}).get("window") or DEFAULT_WINDOW)
    runs, good = measure_success(session.store, entry.name, window_s=window_seconds(window),
                                 now=now)
    rate = success_rate(good, runs)
    return {"window": window, "success_rate": None if rate is None else round(rate, 6)}


def _slo(session: Any, entry: Any, now: datetime) -> dict[str, Any] | None:
    """The automation's SLO figures, or None for a login that may view only some of its
    environments: the figures count the runs of every environment (as /metrics does, which
    such a login may not read either)."""
    from opsctl.observe.slo import DEFAULT_WINDOW, measure_slo, slo_report, window_seconds

    if not may(session, "view", entry.name, everywhere=True):
        return None
    window = str((entry.slo or {}).get("window") or DEFAULT_WINDOW)
    measured = measure_slo(session.store, entry.name, window_s=window_seconds(window), now=now)
    return slo_report(entry.name, entry.slo, measured, window=window, now=now)


def _automation_page(dashboard: Dashboard, request: Request, viewer: Viewer, name: str, *,
                     values: dict[str, Any] | None = None,
                     errors: list[dict[str, str]] | None = None, extra_rows: list[str] | None = None,
                     problem: str | None = None, status: int = 200) -> HTMLResponse:
    from opsctl.contract.description import describe

    session = viewer.session
    api._automation(session, name)
    api._check(session, "view", name, any_environment=True)
    contract = describe(session, name)
    fields, loose = forms.form_fields(contract["request_schema"], values, errors=errors or [],
                                      extra_rows=extra_rows or [])
    recent, _ = api._visible_runs(session, automation=name, limit=RECENT)
    entry = session.catalog.entry(name)
    return dashboard.page(
        request, "automation.html", viewer, status=status, contract=contract, fields=fields,
        form_errors=[*loose, *([problem] if problem else [])], recent=recent,
        slo=_slo(session, entry, _now(viewer)), can_plan=may(session, "plan", name),
        constraints=forms.constraints)


def _plan_from_form(dashboard: Dashboard, request: Request, viewer: Viewer, name: str,
                    pairs: list[tuple[str, str]]) -> Response:
    """Plan now from the submitted form (as ``POST /v1/automations/{name}/plans``), or show
    the form again: with one more row after "add item", or with the contract's errors."""
    from opsctl.contract.description import request_schema
    from opsctl.engine.run import execute

    session = viewer.session
    automation = api._automation(session, name)
    schema = request_schema(automation)
    document = forms.parse_form(schema, pairs)
    added = forms.added_rows(pairs)
    if added:
        return _automation_page(dashboard, request, viewer, name, values=document,
                                extra_rows=added)
    try:
        api._check_somewhere(session, "plan", name, document)  # 403 before the policy's 422
        api.require_policy(session)
        outcome = api._engine(lambda: execute(
            session, automation, document, mode="plan", dry_run=True, store_plan=True,
            source=session.catalog.entry(name).source))
    except InputError as exc:
        return _automation_page(dashboard, request, viewer, name, values=document,
                                errors=exc.fields, status=422)
    except OpsctlError as exc:
        from opsctl.service.problems import status_for

        return _automation_page(dashboard, request, viewer, name, values=document,
                                problem=exc.message, status=status_for(exc))
    doc = outcome.document
    plan_id = (doc.get("artifacts") or {}).get("plan_id")
    if plan_id is None:  # nothing to apply, or refused before a plan existed
        return see_other(f"/runs/{doc['run_id']}") if doc.get("run_id") else \
            _automation_page(dashboard, request, viewer, name, values=document,
                             problem=(doc.get("error") or {}).get("message"), status=200)
    return see_other(f"/plans/{plan_id}")


# -- plans ----------------------------------------------------------------------------------------

def _plan_routes(router: APIRouter, dashboard: Dashboard) -> None:
    runtime = dashboard.runtime

    @router.get("/plans/{plan_id}")
    def plan_page(request: Request, plan_id: str, viewer: Who) -> HTMLResponse:
        return _plan_page(dashboard, request, viewer, plan_id)

    @router.post("/plans/{plan_id}/decision")
    async def decide(request: Request, plan_id: str, viewer: Who) -> Response:
        pairs = await form_pairs(request)
        check_csrf(viewer, pairs)

        def work() -> Response:
            from opsctl.governance.plan_decisions import decide_plan

            session = viewer.session
            api._plan(session, plan_id)
            verdict = first(pairs, "decision")
            if verdict not in ("approve", "reject"):
                return _plan_page(dashboard, request, viewer, plan_id, status=422,
                                  problem="choose approve or reject")
            # the role first, then the policy (refused while its file does not parse)
            return _done_or_shown(
                lambda: api._engine(lambda: decide_plan(
                    session, plan_id, approve=verdict == "approve",
                    reason=first(pairs, "reason")[:2000])),
                f"/plans/{plan_id}", lambda status, problem: _plan_page(
                    dashboard, request, viewer, plan_id, status=status, problem=problem))

        return await run_in_threadpool(work)

    @router.post("/plans/{plan_id}/apply")
    async def apply(request: Request, plan_id: str, viewer: Who) -> Response:
        pairs = await form_pairs(request)
        check_csrf(viewer, pairs)

        def work() -> Response:
            session = viewer.session
            document = api._plan(session, plan_id)
            # A saved plan keeps only digests of its secrets: the form asks for them again
            # and they reach the run as OPSCTL_SECRET_<FIELD> do on the command line (checked
            # against the digests first); they live in memory only.
            given = secrets_from_form(pairs, document.get("request"))
            try:
                run_id = api.queue_plan_apply(runtime, session, viewer.principal, plan_id, given)
            except OpsctlError as exc:
                from opsctl.service.problems import status_for

                return _plan_page(dashboard, request, viewer, plan_id,
                                  status=status_for(exc), problem=exc.message)
            return see_other(f"/runs/{run_id}")

        return await run_in_threadpool(work)


def secret_fields(request_doc: Any) -> list[str]:
    """The fields of a saved plan's (or a run's) request whose secret is kept only as a
    digest."""
    from opsctl.service.runtime import secret_markers

    return sorted(secret_markers(request_doc))


def secrets_from_form(pairs: list[tuple[str, str]], request_doc: Any) -> dict[str, str]:
    """The secret inputs (``secret.FIELD``) of a form, for the secret fields of the request."""
    fields = secret_fields(request_doc)
    return {key: value for name, value in pairs if name.startswith("secret.") and value
            for key in [name.removeprefix("secret.")] if key in fields}


def _plan_page(dashboard: Dashboard, request: Request, viewer: Viewer, plan_id: str, *,
               status: int = 200, problem: str | None = None) -> HTMLResponse:
    session = viewer.session
    document = api.viewable_plan(session, plan_id)
    name = str(document["automation"])
    now = _now(viewer)
    saved = session.store.get_plan(plan_id) or {}
    entry = session.catalog.entry(name) if name in session.catalog.entries else None
    automation = api._automation(session, name)
    policy_error = None
    try:
        progress = views.approval_progress(session, document, now)
    except ConfigError as exc:  # a policy file that no longer parses: the plan is still read
        progress, policy_error = None, exc.message
    applied_run = saved.get("applied_run_id")
    # The plan's latest apply: the run that claimed it, or one refused before it could (stale,
    # unapproved), whose run row names no plan; the audit trail ties that one to the plan.
    latest = session.store._rows(
        "SELECT id, status, result_json FROM runs WHERE mode = 'apply' AND (plan_id = ? OR id IN "
        "(SELECT run_id FROM audit_events WHERE plan_id = ? AND kind = 'request.received')) "
        "ORDER BY id DESC LIMIT 1", (plan_id, plan_id))
    stale = None
    if automation.version != document["contract_version"]:
        stale = (f"the plan was made with {name} {document['contract_version']}; the code is "
                 f"now {automation.version}")
    elif latest and not applied_run and latest[0]["status"] not in ("queued", "running"):
        import json

        error = (json.loads(latest[0]["result_json"] or "{}").get("error") or {})
        if "stale" in str(error.get("message", "")):  # the page says "This plan is stale:"
            stale = str(error["message"]).removeprefix("plan is stale: ")
    left = views.remaining(str(document.get("expires_at")), now)
    actions = [{**a, "diff": views.action_diff(a.get("before"), a.get("after"))}
               for a in document.get("actions") or []]
    environment = api._environment(document.get("request"))
    return dashboard.page(
        request, "plan.html", viewer, status=status, problem=problem, plan=document,
        actions=actions, counts=views.kind_counts(actions), progress=progress,
        blast=views.blast_radius(document, entry.lock_scope if entry else [],
                                 entry.effect if entry else "mutate"),
        left=left, stale=stale, applied_run=applied_run,
        secrets=secret_fields(document.get("request")),
        latest_run=latest[0]["id"] if latest else None,
        policy_error=policy_error,
        can_decide=policy_error is None and may(viewer.session, "approve", name,
                                                environment=environment),
        can_apply=policy_error is None and may(viewer.session, "apply", name,
                                               environment=environment),
        approved=progress is None or progress["decision"]["effect"] == "allow"
        or (progress["missing"] == 0 and not progress["rejected_by"]))


# -- runs -----------------------------------------------------------------------------------------

def _run_routes(router: APIRouter, dashboard: Dashboard) -> None:
    runtime = dashboard.runtime

    @router.get("/runs")
    def runs(request: Request, viewer: Who) -> HTMLResponse:
        session = viewer.session
        status = query(request, "status")
        if status is not None and status not in api.RUN_STATUSES:
            raise UsageError(f"unknown status {status!r}")
        filters = {"automation": query(request, "automation"), "status": status,
                   "actor": query(request, "actor"), "since": query(request, "since", 40),
                   "until": query(request, "until", 40)}
        rows, next_cursor = api._visible_runs(
            session, automation=filters["automation"], status=status, actor=filters["actor"],
            since=_moment(filters["since"]), until=_moment(filters["until"]),
            cursor=query(request, "cursor"), limit=PAGE)
        more = None
        if next_cursor is not None:
            from urllib.parse import urlencode

            more = "/runs?" + urlencode({**{k: v for k, v in filters.items() if v},
                                         "cursor": next_cursor})
        return dashboard.page(request, "runs.html", viewer, runs=rows, filters=filters,
                              more=more, statuses=api.RUN_STATUSES,
                              automations=sorted(n for n in session.catalog.entries
                                                 if may(session, "view", n)))

    @router.get("/runs/{run_id}")
    def run_page(request: Request, run_id: str, viewer: Who) -> HTMLResponse:
        return _run_page(dashboard, request, viewer, run_id)

    @router.get("/runs/{run_id}/events")
    async def events(request: Request, run_id: str, viewer: Who) -> StreamingResponse:
        await run_in_threadpool(api._run, viewer.session, run_id)
        last = request.headers.get("last-event-id", "").strip()
        # at most MAX_SEQ's 19 digits: Python refuses to read a number of thousands
        after = int(last) if last.isascii() and last.isdigit() and len(last) <= 19 \
            and int(last) <= api.MAX_SEQ else 0

        def session_of() -> Any:  # the login again: logged out, or its token revoked, ends it
            try:
                return dashboard.viewer(request).session
            except LoginRequired:
                raise UnauthenticatedError("the login has ended") from None

        return StreamingResponse(api._event_stream(
            runtime, run_id, after, request, lambda: api.may_still_view(session_of, run_id)),
                                 media_type="text/event-stream",
                                 headers={"Cache-Control": "no-store",
                                          "X-Accel-Buffering": "no"})

    @router.post("/runs/{run_id}/resume")
    async def resume(request: Request, run_id: str, viewer: Who) -> Response:
        pairs = await form_pairs(request)
        check_csrf(viewer, pairs)

        def work() -> Response:
            from opsctl.engine.run import RESUMABLE

            session = viewer.session
            row = api._run(session, run_id)
            api._check(session, "apply", str(row["automation"]),
                       environment=api._environment(row.get("request")))
            if row["mode"] != "apply" or row["status"] not in RESUMABLE \
                    or not session.store.list_actions(run_id):
                raise UsageError(f"run {run_id} is {row['status']}: nothing to resume")
            # as for a saved plan: the run keeps only digests of its secrets
            given = secrets_from_form(pairs, row.get("request"))

            def resume_it() -> None:
                api.require_policy(session)
                runtime.resume(run_id, viewer.principal, given)

            return _done_or_shown(resume_it, f"/runs/{run_id}", lambda status, problem:
                                  _run_page(dashboard, request, viewer, run_id, status=status,
                                            problem=problem))

        return await run_in_threadpool(work)

    @router.post("/runs/{run_id}/cancel")
    async def cancel(request: Request, run_id: str, viewer: Who) -> Response:
        pairs = await form_pairs(request)
        check_csrf(viewer, pairs)

        def work() -> Response:
            from opsctl.engine.cancel import request_cancel

            session = viewer.session
            row = api._run(session, run_id)
            reason = first(pairs, "reason").strip()[:2000]
            if not reason:
                return _run_page(dashboard, request, viewer, run_id, status=422,
                                 problem="say why the run is cancelled (it is recorded)")
            return _done_or_shown(lambda: request_cancel(session, row, reason),
                                  f"/runs/{run_id}", lambda status, problem: _run_page(
                                      dashboard, request, viewer, run_id, status=status,
                                      problem=problem))

        return await run_in_threadpool(work)


def _run_page(dashboard: Dashboard, request: Request, viewer: Viewer, run_id: str, *,
              status: int = 200, problem: str | None = None) -> HTMLResponse:
    from opsctl.engine.run import RESUMABLE

    session = viewer.session
    row = api._run(session, run_id)
    result = api._result_of(row)
    planned = {str(a.get("id")): a for a in ((result.get("plan") or {}).get("actions") or [])}
    ledger = []
    for record in session.store.list_actions(run_id):
        ledger.append({"id": record.action_id, "kind": record.kind, "target": record.target,
                       "status": record.status, "attempts": record.attempts,
                       "error": record.error, "started_at": record.started_at,
                       "finished_at": record.finished_at,
                       "reason": (planned.get(record.action_id) or {}).get("reason")})
    environment = api._environment(row.get("request"))
    can_resume = (row["mode"] == "apply" and row["status"] in RESUMABLE
                  and bool(ledger) and may(session, "apply", str(row["automation"]),
                                           environment=environment)
                  and not (row["status"] == "running" and dashboard.runtime.is_live(run_id)))
    return dashboard.page(request, "run.html", viewer, status=status, problem=problem,
                          run=row, result=result, ledger=views.timeline(ledger),
                          can_resume=can_resume, secrets=secret_fields(row.get("request")),
                          can_cancel=(row["status"] == "queued"
                                      or (row["status"] == "running"
                                          and row["mode"] == "apply"))
                          and may(session, "apply", str(row["automation"]),
                                  environment=environment),
                          live=row["status"] in ("queued", "running"),
                          event_kinds=LOG_EVENT_KINDS)


def _moment(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{text!r} is not a time (use 2025-01-31T12:00)") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


# -- audit, locks, SLOs ---------------------------------------------------------------------------

def _admin_routes(router: APIRouter, dashboard: Dashboard) -> None:

    @router.get("/audit")
    def audit(request: Request, viewer: Who) -> HTMLResponse:
        from opsctl.store.audit import iter_events

        session = viewer.session
        api._check(session, "view", "*")
        head = session.store._rows("SELECT MAX(seq) AS n FROM audit_events")[0]["n"] or 0
        before = query(request, "before")
        upper = int(head) + 1
        if before is not None and before.isascii() and before.isdigit():
            upper = min(int(before), upper)  # past the head (or a store's integer): the newest
        since = max(0, upper - 1 - PAGE)
        events = [e.to_dict() for e in iter_events(session.store, since_seq=since, page=PAGE)
                  if e.seq < upper][:PAGE]
        events.reverse()
        report = _verify(session) if query(request, "verify") else None
        return dashboard.page(request, "audit.html", viewer, events=events, report=report,
                              older=since if since > 0 else None)

    @router.get("/locks")
    def locks(request: Request, viewer: Who) -> HTMLResponse:
        return _locks_page(dashboard, request, viewer)

    @router.post("/locks/break")
    async def break_lock(request: Request, viewer: Who) -> Response:
        pairs = await form_pairs(request)
        check_csrf(viewer, pairs)

        def work() -> Response:
            scope, reason = first(pairs, "scope"), first(pairs, "reason").strip()[:2000]
            if not reason:
                return _locks_page(dashboard, request, viewer, status=422,
                                   problem="say why the lock is broken (it is recorded)")
            return _done_or_shown(lambda: api._break_lock(viewer.session, scope, reason),
                                  "/locks", lambda status, problem: _locks_page(
                                      dashboard, request, viewer, status=status,
                                      problem=problem))

        return await run_in_threadpool(work)

    @router.get("/slos")
    def slos(request: Request, viewer: Who) -> HTMLResponse:
        session = viewer.session
        shown = [(entry.name, _slo(session, entry, _now(viewer)))
                 for entry in sorted(session.catalog.entries.values(), key=lambda e: e.name)
                 if may(session, "view", entry.name)]
        return dashboard.page(request, "slos.html", viewer,
                              reports=[r for _, r in shown if r is not None],
                              hidden=[name for name, r in shown if r is None])


def _done_or_shown(call: Callable[[], object], target: str,
                   page: Callable[[int, str], HTMLResponse]) -> Response:
    """A form's action: ``call()``, then a redirect to ``target``; an opsctl error (the role,
    the policy, the store) shows ``page(status, message)`` instead, the page the form was on."""
    from opsctl.service.problems import status_for

    try:
        call()
    except OpsctlError as exc:
        return page(status_for(exc), exc.message)
    return see_other(target)


def _verify(session: Any) -> dict[str, Any]:
    """``opsctl audit verify``: the chain, then the rows recorded with it (its checkpoint
    recorded, its warnings shown)."""
    from opsctl.governance.approvals import verify_audit

    report = verify_audit(session)
    return {**report.to_dict(), "intact": report.ok and not report.mismatches}


def _locks_page(dashboard: Dashboard, request: Request, viewer: Viewer, *, status: int = 200,
                problem: str | None = None) -> HTMLResponse:
    session = viewer.session
    api._check(session, "view", "*")
    leases = session.store.list_leases()
    for lease in leases:
        lease["can_break"] = may(session, "admin", str(lease["scope"]).split("/", 1)[0],
                                 everywhere=True)
    return dashboard.page(request, "locks.html", viewer, status=status, problem=problem,
                          leases=leases)


__all__ = ["install"]
