"""The dashboard's edges: templates, the login dependency, CSRF, errors as pages, and the
security headers (Content-Security-Policy without inline scripts, no framing)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import parse_qsl, quote, urlsplit

from fastapi import Depends, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.routing import APIRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from opsctl.errors import OpsctlError
from opsctl.service.dashboard.logins import COOKIE, Login, Logins, csrf_matches
from opsctl.service.problems import UnauthenticatedError, status_for
from opsctl.service.runtime import Principal, ServerRuntime

if TYPE_CHECKING:
    from jinja2 import Environment

    from opsctl.engine.session import Session

HERE = Path(__file__).parent
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
       "object-src 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]
API_PREFIXES = ("/v1/", "/metrics", "/healthz", "/readyz", "/openapi.json")


class LoginRequired(Exception):
    """No live login: the page redirects to the login form."""


class CSRFRefused(Exception):
    """A state-changing form without this login's CSRF token."""


@dataclass
class Viewer:
    """Who looks at a page: the login, its principal and a session with its permissions."""

    login: Login
    principal: Principal
    session: Session

    @property
    def actor(self) -> str:
        return self.principal.actor


class Dashboard:
    """What the dashboard's routes share: the runtime, the logins, the templates."""

    def __init__(self, runtime: ServerRuntime) -> None:
        from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

        self.runtime = runtime
        self.logins = Logins(runtime.store, runtime.base.clock, runtime.base.signing_key)
        self.templates: Environment = Environment(
            loader=FileSystemLoader(str(HERE / "templates")),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        from opsctl import __version__

        self.templates.globals["opsctl_version"] = __version__
        self.templates.filters["json"] = _json_text
        self.templates.filters["shown"] = _shown

    # -- identity ---------------------------------------------------------------------------
    def viewer(self, request: Request) -> Viewer:
        """The login the cookie names, re-checked (a revoked or expired token ends it)."""
        from opsctl.service.auth import principal_of_token

        login = self.logins.find(request.cookies.get(COOKIE))
        if login is None:
            raise LoginRequired
        if login.principal is not None:
            principal = login.principal
        else:
            assert login.token_id is not None
            try:
                principal = principal_of_token(self.runtime, login.token_id)
            except UnauthenticatedError:
                self.logins.end(login.id)
                raise LoginRequired from None
        return Viewer(login, principal, self.runtime.session(principal))

    # -- rendering --------------------------------------------------------------------------
    def page(self, request: Request, template: str, viewer: Viewer | None, *,
             status: int = 200, **context: Any) -> HTMLResponse:
        nav = None
        if viewer is not None:
            nav = nav_permissions(viewer.session)
        body = self.templates.get_template(template).render(
            request_path=request.url.path, viewer=viewer, nav=nav,
            csrf=viewer.login.csrf if viewer is not None else "", **context)
        return HTMLResponse(body, status_code=status,
                            headers={"Cache-Control": "no-store"})


def current_viewer(request: Request) -> Viewer:
    """The dependency of every page: who looks at it (no login: the login form)."""
    dashboard: Dashboard = request.app.state.dashboard
    return dashboard.viewer(request)


Who = Annotated[Viewer, Depends(current_viewer)]


def nav_permissions(session: Session) -> dict[str, bool]:
    """What the navigation offers: the audit trail and locks need view on every automation;
    breaking a lock needs admin."""
    return {"audit": may(session, "view", "*", everywhere=True),
            "admin": may(session, "admin", "*", everywhere=True)}


def may(session: Session, permission: Any, automation: str, *,
        environment: str | None = None, everywhere: bool = False) -> bool:
    """Whether to *show* an action: the actor holds ``permission`` on ``automation`` in
    ``environment``, or (unless ``everywhere``) in some environment. Display only: the server
    checks again, with auditing, when the action is taken."""
    from fnmatch import fnmatchcase

    from opsctl.governance.gate import governance_for
    from opsctl.governance.permissions import ACTIONS

    governance = governance_for(session)
    permissions = governance.permissions
    if permissions is None:
        return True
    if permissions.allows(session.actor, permission, automation=automation,
                          environment=environment):
        return True
    if everywhere or environment is not None:
        return False
    principals = permissions.principals_of(session.actor)
    return any(grant.role in ACTIONS[permission] and principals.intersection(grant.to)
               and any(fnmatchcase(automation, p) for p in grant.automations)
               for grant in permissions.grants)


async def form_pairs(request: Request) -> list[tuple[str, str]]:
    """The fields of an url-encoded form, in order (the body limit middleware bounds it);
    none of a form whose client went away before sending it all: without its CSRF token,
    nothing is done."""
    from starlette.requests import ClientDisconnect

    try:
        body = await request.body()
    except ClientDisconnect:
        return []
    try:
        # strictly: a percent-escape that is not UTF-8 (%ff) is no text a browser sends, and
        # read as U+FFFD it planned for a directory of that name
        return parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=5000,
                         errors="strict")
    except (UnicodeDecodeError, ValueError):
        return []


def check_csrf(viewer: Viewer, pairs: list[tuple[str, str]]) -> None:
    given = next((v for k, v in pairs if k == "csrf"), None)
    if not csrf_matches(viewer.login.csrf, given):
        raise CSRFRefused


def first(pairs: list[tuple[str, str]], name: str, default: str = "") -> str:
    return next((v for k, v in pairs if k == name), default)


def see_other(location: str) -> RedirectResponse:
    return RedirectResponse(location, status_code=303)


_BIDI = None  # compiled on first use


def _shown(value: Any) -> Any:
    """A recorded text (a target, a reason, a diff line) with its bidirectional controls as
    ``\\u202e``: a reviewer must not read ``invoice-\\u202egnp.exe`` as ``invoice-exe.png``.
    Form values keep the text as it is, so a request sent again is the same request."""
    global _BIDI
    if not isinstance(value, str):
        return value
    if _BIDI is None:
        import re

        _BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
    return _BIDI.sub(lambda m: f"\\u{ord(m.group()):04x}", value)


def _json_text(value: Any) -> str:
    import json

    # a bidirectional control can only be in a string, where \u202e is its JSON escape
    return str(_shown(json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False,
                                 default=str)))


def page_route_class(dashboard: Dashboard) -> type[APIRoute]:
    """Routes whose errors are pages: no login -> the login form; a refused CSRF token ->
    403; an opsctl error -> its status with its message (never a traceback)."""

    class PageRoute(APIRoute):
        def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
            handler = super().get_route_handler()

            async def guarded(request: Request) -> Response:
                try:
                    return await handler(request)
                except LoginRequired:
                    target = request.url.path + (f"?{request.url.query}"
                                                 if request.url.query else "")
                    if request.method != "GET":
                        target = "/"
                    if request.headers.get("hx-request") == "true":
                        # a partial update (catalog search, older runs) would swap in a
                        # piece of the login page, i.e. nothing: the whole page goes there
                        target = _current_page(request.headers.get("hx-current-url", ""))
                        return Response(status_code=204, headers={
                            "HX-Redirect": f"/login?next={quote(target, safe='')}"})
                    return see_other(f"/login?next={quote(target, safe='')}")
                except CSRFRefused:
                    return dashboard.page(request, "error.html", None, status=403,
                                          title="Form refused",
                                          message="This form is stale or was not sent by this "
                                                  "dashboard (CSRF token missing or wrong). "
                                                  "Reload the page and try again.")
                except OpsctlError as exc:
                    status = status_for(exc)
                    return dashboard.page(request, "error.html", None, status=status,
                                          title=_title(status), message=exc.message)

            return guarded

    return PageRoute


def error_page(request: Request, status: int, message: str) -> Response | None:
    """An error outside a page's route (no such page, a method it does not take) as a page
    for a browser that navigated there; None for the API and for other clients, which keep
    their problem document. A form's address opened again (reloaded from the address bar
    after the form's page was shown with its errors) leads to the page of the form."""
    dashboard: Dashboard | None = getattr(request.app.state, "dashboard", None)
    if dashboard is None or request.url.path.startswith(API_PREFIXES) \
            or "text/html" not in request.headers.get("accept", ""):
        return None
    if status == 405 and request.method == "GET":  # every form posts to PAGE/ACTION
        return see_other(request.url.path.rstrip("/").rsplit("/", 1)[0] or "/")
    return dashboard.page(request, "error.html", None, status=status, title=_title(status),
                          message=message)


def _title(status: int) -> str:
    from opsctl.service.problems import TITLES

    return TITLES.get(status, "Error")


class SecurityHeaders:
    """Adds the Content-Security-Policy and friends to every response but the API's: a
    plain ASGI middleware (cheaper than Starlette's ``BaseHTTPMiddleware``)."""

    def __init__(self, inner: ASGIApp) -> None:
        self.inner = inner

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or str(scope.get("path", "")).startswith(API_PREFIXES):
            await self.inner(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []),
                                                  *SECURITY_HEADERS]}
            await send(message)

        await self.inner(scope, receive, with_headers)


def query(request: Request, name: str, limit: int = 200) -> str | None:
    value = request.query_params.get(name)
    if value is None or not value.strip():
        return None
    return value.strip()[:limit]


def _current_page(url: str) -> str:
    """The page a partial update came from (htmx's ``HX-Current-URL``), as ``safe_next``
    takes it; ``/`` for an address that is no URL (``http://[``)."""
    try:
        current = urlsplit(url)
    except ValueError:
        return "/"
    return safe_next(current.path + (f"?{current.query}" if current.query else ""))


def safe_next(target: str | None) -> str:
    """Where to go after login: a path of this site only (no ``//host``, no scheme)."""
    if not target or not target.startswith("/") or target.startswith("//") \
            or "\\" in target or any(ord(c) < 32 for c in target):
        return "/"
    return target

