"""The HTTP API: the CLI's contracts under ``/v1``, with identity from credentials only.

Every route is a thin wrapper over the library functions the CLI calls (the engine's
``execute``, ``apply_stored_plan``, ``decide_plan``, the store's queries), in a session whose
actor and permissions come from the bearer credential. Runs are recorded ``queued`` and carried
out by the server's bounded executor (:mod:`opsctl.service.runtime`).
"""


import asyncio
import json
import re
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from opsctl.engine.request import IDEMPOTENCY_KEY_MAX, idempotency_key_problem
from opsctl.engine.session import Session
from opsctl.errors import (
    ConflictError,
    DependencyError,
    OpsctlError,
    StateDirError,
    UnknownAutomationError,
    UsageError,
)
from opsctl.governance.permissions import Permission
from opsctl.service.dashboard import mount_dashboard
from opsctl.service.dashboard.web import error_page
from opsctl.service.problems import (
    PROBLEM_TYPE,
    InputError,
    NotFoundError,
    Problem,
    UnauthenticatedError,
    problem,
    problem_for,
    responses,
)
from opsctl.service.runtime import EXECUTOR, NOT_STARTED, Principal, ServerRuntime

API_VERSION = "v1"
RUN_ID = re.compile(r"^run_[0-9A-HJKMNP-TV-Z]{26}$")
PLAN_ID = re.compile(r"^plan_[0-9A-HJKMNP-TV-Z]{26}$")
MAX_WAIT_S = 300.0
MAX_SEQ = 2**63 - 1  # a store's 64-bit integer: a larger ?since cannot even be compared
# No actor, automation, run id, lock scope or reason holds a NUL character, and a PostgreSQL
# store cannot even be asked for one: a text parameter with one is a 422 naming it
NO_NUL = r"^[^\x00]*$"
RECHECK_S = 2.0  # how often an open event stream checks its caller's credential again
WHEN_HELP = ("A time ago (1h, 30m, 2d), as `opsctl runs --since` takes it, or an ISO 8601 time "
             "(UTC unless it gives its offset)")
RUN_STATUSES = ("queued", "running", "succeeded", "no_changes", "changes_planned", "partial",
                "failed", "denied", "conflict", "cancelled")

bearer = HTTPBearer(auto_error=False, description="An opsctl API token (`opsctl token create`) "
                    "or an OIDC ID token from a configured issuer")


# -- request and response bodies ----------------------------------------------------------------

class RunCreate(BaseModel):
    # strict: "off" or "no" is not a boolean (pydantic's lax mode reads "off" as false and runs
    # an apply); only JSON true/false are, as in request documents
    model_config = ConfigDict(extra="forbid", strict=True)

    request: dict[str, Any] = Field(default_factory=dict,
                                    description="The automation's request document")
    dry_run: bool = Field(default=False, description="Plan only (the CLI's --dry-run)")
    targets: list[str] = Field(default_factory=list, max_length=100,
                               description="Limit the plan to these action ids or globs")
    contract_version: str | None = Field(default=None, max_length=64,
                                         description="The contract version the request is for")


class PlanCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    request: dict[str, Any] = Field(default_factory=dict)
    targets: list[str] = Field(default_factory=list, max_length=100)
    contract_version: str | None = Field(default=None, max_length=64)


class PlanApply(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    secrets: dict[str, str] = Field(
        default_factory=dict, max_length=100,
        description="The values of the plan's secret fields (a stored plan keeps only their "
                    "digests), by field name; checked against the digests, never stored")


class ApprovalCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    decision: Literal["approve", "reject"]
    reason: str = Field(min_length=1, max_length=2000)


class RunCancel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    reason: str = Field(min_length=1, max_length=2000,
                        description="Why the run is cancelled (recorded in the audit trail)")


class CancelAsked(BaseModel):
    run_id: str
    automation: str
    status: str = Field(description="`cancelled` for a run stopped before it started; "
                                    "`running` for one that stops at its next action boundary")
    by: str
    reason: str
    message: str = Field(description="What happened, in a sentence")


class RunAccepted(BaseModel):
    model_config = ConfigDict(extra="allow")

    run_id: str
    status: str
    location: str
    events: str


class RunPage(BaseModel):
    runs: list[dict[str, Any]]
    next_cursor: str | None


class AuditPage(BaseModel):
    events: list[dict[str, Any]]
    next_since: int | None


# -- the application ------------------------------------------------------------------------------

def create_app(runtime: ServerRuntime) -> FastAPI:
    from opsctl import __version__

    app = FastAPI(
        title="opsctl", version=__version__,
        summary="Contract-bound operations automation over HTTP",
        description="The same automations, contracts, plans, approvals and exit codes as the "
                    "opsctl CLI. Errors are RFC 9457 problem documents carrying the CLI's "
                    "exit_code and error_type; a run's own outcome is its result document.",
        openapi_url="/openapi.json", docs_url=None, redoc_url=None,
        redirect_slashes=False)  # Starlette's redirect names http:// behind a TLS proxy
    app.state.runtime = runtime
    _install_error_handlers(app, runtime)
    _install_body_limit(app, runtime)
    _routes(app, runtime)
    _answer_head(app)
    mount_dashboard(app, runtime)
    app.openapi = lambda: _openapi(app, runtime)  # type: ignore[method-assign]
    return app


def _answer_head(app: FastAPI) -> None:
    """HEAD wherever the API takes GET (RFC 9110 asks every server to): the GET's status and
    headers, no body. Left out of the OpenAPI document, as HEAD /healthz is."""
    from fastapi.routing import APIRoute

    for route in list(app.router.routes):
        if isinstance(route, APIRoute) and route.methods == {"GET"} and \
                route.path.startswith((f"/{API_VERSION}/", "/metrics")):
            app.add_api_route(route.path, route.endpoint, methods=["HEAD"],
                              response_class=route.response_class, include_in_schema=False)


def _install_error_handlers(app: FastAPI, runtime: ServerRuntime) -> None:
    def send(body: dict[str, Any], headers: dict[str, str] | None = None) -> JSONResponse:
        return JSONResponse(body, status_code=int(body["status"]), media_type=PROBLEM_TYPE,
                            headers=headers)

    @app.exception_handler(OpsctlError)
    async def opsctl_error(request: Request, exc: OpsctlError) -> JSONResponse:
        body = problem_for(exc)
        if isinstance(exc, StateDirError):
            # the server's own store (its address, its role's grants): the log's, as /readyz
            runtime.base.log.error("http.store_unusable", path=request.url.path,
                                   error=exc.message)
            body["detail"] = "the server's store cannot be used: the server logged the details"
        headers = {"WWW-Authenticate": "Bearer"} if body["status"] == 401 else None
        if body["status"] == 503:
            headers = {"Retry-After": "5"}
        return send(body, headers)

    async def unauthenticated(request: Request) -> JSONResponse | None:
        """A body FastAPI cannot parse is refused before the route's credential check runs:
        on /v1 a caller without valid credentials still gets its 401 (audited), and no word
        about its input."""
        if not request.url.path.startswith(f"/{API_VERSION}/"):
            return None
        credentials = await bearer(request)
        try:
            await run_in_threadpool(_authenticate, runtime, credentials, request)
        except UnauthenticatedError as exc:
            return send(problem_for(exc), {"WWW-Authenticate": "Bearer"})
        return None

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        content_type = request.headers.get("content-type")
        not_json = not is_json_media_type(content_type)
        if not_json or any(err.get("type") == "json_invalid" for err in exc.errors()):
            refused = await unauthenticated(request)
            if refused is not None:
                return refused
        if not_json and any(tuple(err.get("loc", ()))[:1] == ("body",)
                            for err in exc.errors()):
            # FastAPI did not read the body as JSON at all (curl -d sends a form's type)
            why = (f"the body is read as JSON only with `Content-Type: application/json` "
                   f"(got {content_type!r})")
            return send(problem(422, f"invalid input: header.content-type: {why}",
                                exit_code=2, error_type="validation",
                                errors=[{"field": "header.content-type", "message": why}]))
        fields = []
        for err in exc.errors():
            loc = [str(p) for p in err.get("loc", ())]
            where = ".".join(loc) or "body"
            message = str(err.get("msg", "invalid"))
            if err.get("type") == "extra_forbidden":
                message = "unknown field"
            elif err.get("type") == "missing":
                message = "required field is missing"
            elif err.get("type") == "json_invalid":
                where, message = "body", "malformed JSON"
            elif (err.get("ctx") or {}).get("pattern") == NO_NUL:
                message = "a NUL character is not allowed"
            fields.append({"field": where, "message": message})
        fields += await run_in_threadpool(_request_fields, runtime, request,
                                          await bearer(request), exc.body)
        detail = "; ".join(f"{f['field']}: {f['message']}" for f in fields)
        return send(problem(422, f"invalid input: {detail}", exit_code=2,
                            error_type="validation", errors=fields))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        status = exc.status_code
        if status == 400:  # FastAPI could not read the body at all (not UTF-8 JSON, say)
            refused = await unauthenticated(request)
            if refused is not None:
                return refused
            return send(problem(422, "invalid input: body: malformed JSON", exit_code=2,
                                error_type="validation",
                                errors=[{"field": "body", "message": "malformed JSON"}]))
        moved = _without_trailing_slash(app, request) if status == 404 else None
        if moved is not None:
            return RedirectResponse(moved, status_code=307)
        detail = {404: "no such endpoint", 405: "method not allowed here"}.get(
            status, str(exc.detail))
        page = error_page(request, status, {404: "There is no such page.",
                                            405: "This page does not take that method."}.get(
                                                status, detail))
        if status == 405:  # every route of the path (GET's HEAD too), not only the first's
            exc.headers = {**(exc.headers or {}), "Allow": _allowed_methods(app, request)}
        # Starlette's own headers, such as a 405's Allow (the methods the route takes), on the
        # browser's page as on the problem document
        if page is not None:
            page.headers.update(dict(exc.headers or {}))
            return page
        return send(problem(status, detail, exit_code=2 if status < 500 else 1,
                            error_type="validation" if status < 500 else "internal"),
                    dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        runtime.base.log.error("http.internal_error", path=request.url.path,
                               error=f"{type(exc).__name__}: {exc}")
        return send(problem(500, "internal error: the server logged the details", exit_code=1,
                            error_type="internal"))


_REQUEST_BODY_ROUTES = ("/v1/automations/{name}/runs", "/v1/automations/{name}/plans")


def _request_fields(runtime: ServerRuntime, request: Request,
                    credentials: HTTPAuthorizationCredentials | None,
                    body: Any) -> list[dict[str, str]]:
    """The bad fields of the automation's request in a run's or a plan's body whose own
    fields were refused (an unknown one, a ``dry_run`` that is no boolean), so that one 422
    names them all. Only to a caller who may plan the automation somewhere, who would hear
    them anyway: anyone else learns nothing of the automation's fields."""
    route = request.scope.get("route")
    name = request.path_params.get("name")
    if getattr(route, "path", None) not in _REQUEST_BODY_ROUTES or not isinstance(name, str) \
            or not isinstance(body, dict) or not isinstance(body.get("request"), dict):
        return []
    from opsctl.engine.request import versioned_request

    version = body.get("contract_version")
    try:
        session = runtime.session(_authenticate(runtime, credentials, request))
        automation = _automation(session, name)
        _check_somewhere(session, "plan", name, body["request"])
        _engine(lambda: versioned_request(automation, body["request"],
                                          version if isinstance(version, str) else None))
    except InputError as exc:
        return [f for f in exc.fields  # the request's fields, or a contract version not had
                if f["field"].startswith(("request", "body.contract_version"))]
    except OpsctlError:  # no credential, no access, no such automation: the body's 422 stands
        return []
    return []


_METHODS = ("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE")


def _allowed_methods(app: FastAPI, request: Request) -> str:
    """A 405's ``Allow``: the methods of every route on the request's path (Starlette names
    only those of the first route it found). Each method is tried against each route: the
    dashboard's routes sit behind an included router, which has no ``methods`` of its own
    (the dashboard's 405s named none)."""
    from starlette.routing import Match, Mount
    from starlette.staticfiles import StaticFiles

    # a mount's 405 comes with its own scope: the path under it (``/htmx.min.js``)
    scope = {**request.scope, "root_path": request.scope.get("app_root_path",
                                                             request.scope.get("root_path", ""))}
    methods: set[str] = set()
    for route in app.router.routes:
        if isinstance(route, Mount):  # the dashboard's files, which take GET and HEAD
            if isinstance(route.app, StaticFiles) and \
                    route.matches(scope)[0] is not Match.NONE:
                methods |= {"GET", "HEAD"}
            continue
        methods.update(method for method in _METHODS
                       if route.matches({**scope, "method": method})[0] is Match.FULL)
    return ", ".join(sorted(methods))


def _without_trailing_slash(app: FastAPI, request: Request) -> str | None:
    """The address of a route that a path with a trailing slash missed (``/v1/runs/``), as a
    reference relative to the client's own address: behind a proxy that terminates TLS, the
    absolute URL Starlette's redirect names is http://, where the client's next request (and
    its bearer token) would go in clear text."""
    from starlette.routing import Match

    path = str(request.scope.get("path", ""))
    trimmed = path.rstrip("/")
    if not path.endswith("/") or not trimmed or trimmed.startswith("//"):
        return None  # "//host" would name another host
    scope = {**request.scope, "path": trimmed}
    if all(route.matches(scope)[0] is Match.NONE for route in app.router.routes):
        return None
    query = bytes(request.scope.get("query_string", b"")).decode("latin-1")
    return trimmed + (f"?{query}" if query else "")


def _install_body_limit(app: FastAPI, runtime: ServerRuntime) -> None:
    """Refuse request bodies larger than ``server.max_body`` (422). A plain ASGI middleware:
    Starlette's ``@app.middleware("http")`` runs every request through a task group and
    memory streams, which cost about as much as a whole small route."""
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

    limit = server_setting_int(runtime, "max_body", 1024 * 1024)
    too_big = JSONResponse(problem(422, f"request body is larger than {limit} bytes",
                                   exit_code=2, error_type="validation",
                                   errors=[{"field": "body",
                                            "message": f"larger than {limit} bytes"}]),
                           status_code=422, media_type=PROBLEM_TYPE)

    async def refuse(scope: Scope, receive: Receive, send: Send) -> None:
        from starlette.requests import Request as ScopeRequest

        page = error_page(ScopeRequest(scope), 422,  # a dashboard form, in a browser
                          f"The form is larger than this server accepts ({limit} bytes).")
        await (page or too_big)(scope, receive, send)

    class BodyLimit:
        def __init__(self, inner: ASGIApp) -> None:
            self.inner = inner

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] != "http":
                await self.inner(scope, receive, send)
                return
            length = next((v for k, v in scope["headers"] if k == b"content-length"), None)
            if length is not None and (not length.isdigit() or int(length) > limit):
                await refuse(scope, receive, send)
                return
            content_type = next((v for k, v in scope["headers"] if k == b"content-type"),
                                None)
            json_body = (scope["method"] in ("POST", "PUT", "PATCH")
                         and str(scope.get("path", "")).startswith("/v1/")
                         and is_json_media_type(content_type))
            if json_body or (length is None and scope["method"] in ("POST", "PUT", "PATCH",
                                                                    "DELETE")):
                # a JSON body (checked for duplicate keys) or a chunked one: read up to the
                # limit, then hand the body on as one message
                chunks: list[bytes] = []
                size, more = 0, True
                while more:
                    message = await receive()
                    if message["type"] != "http.request":
                        break  # the client went away: the app sees an empty body
                    chunks.append(message.get("body", b""))
                    size += len(chunks[-1])
                    more = bool(message.get("more_body", False))
                    if size > limit:
                        await refuse(scope, receive, send)
                        return
                refused = _not_strict_json(b"".join(chunks)) if json_body else None
                if refused is not None:
                    where, why = refused
                    await JSONResponse(problem(422, f"invalid input: {where}: {why}",
                                               exit_code=2, error_type="validation",
                                               errors=[{"field": where, "message": why}]),
                                       status_code=422, media_type=PROBLEM_TYPE)(scope, receive, send)
                    return
                replayed = False

                async def replay() -> Message:
                    nonlocal replayed
                    if replayed:
                        return await receive()
                    replayed = True
                    return {"type": "http.request", "body": b"".join(chunks),
                            "more_body": False}

                await self.inner(scope, replay, send)
                return
            await self.inner(scope, receive, send)

    app.add_middleware(BodyLimit)


def is_json_media_type(content_type: bytes | str | None) -> bool:
    """Whether FastAPI reads a body of this ``Content-Type`` as JSON: none at all,
    ``application/json`` or ``application/*+json``, in any letter case and with any
    parameters (``Application/JSON; charset=utf-8``)."""
    if isinstance(content_type, bytes):
        content_type = content_type.decode("latin-1")
    if not content_type:
        return True
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/")
                                           and media.endswith("+json"))


def _not_strict_json(body: bytes) -> tuple[str, str] | None:
    """``(field, message)`` for a JSON body the CLI refuses in request documents though the
    parser behind the routes takes it: a key named twice in one object (JSON readers keep
    different copies; that parser keeps the last), NaN or an infinity (it reads them as
    floats, which a request then records as null). Read in the encoding that parser detects
    (a UTF-8 byte order mark, UTF-16, UTF-32), so no encoding slips past. Not text, not JSON
    at all: left to the routes' own validation, which words it."""
    from opsctl.config.strict_documents import json_value_problem
    from opsctl.contract.canonical import (
        CanonicalJSONError,
        DuplicateKeyError,
        InvalidJSONError,
        parse_json,
    )

    try:
        text = body.decode(json.detect_encoding(body), "surrogatepass")
        data = parse_json(text)
    except DuplicateKeyError as exc:
        return "body", str(exc)
    except (UnicodeDecodeError, InvalidJSONError):
        return None
    except CanonicalJSONError as exc:  # NaN, Infinity, 1e999, too deep, too many digits
        try:
            lenient = json.loads(text)
        except (ValueError, RecursionError):
            return "body", str(exc)
        return _non_finite_at(lenient, "body") or "body", str(exc)
    # a lone surrogate ("\ud800"), which no text can be stored or hashed with, named by where
    # it is: a Secret field is digested before the request is validated, and its value is
    # not to be shown
    problem = json_value_problem(data, root="body")
    if problem is not None and "Unicode" in problem:
        where, _, why = problem.partition(": ")
        return where, why
    return None


def _non_finite_at(value: Any, where: str) -> str | None:
    """The dotted path of the first NaN or infinity in a parsed body (``body.request.x``)."""
    import math

    if isinstance(value, float) and not math.isfinite(value):
        return where
    items = value.items() if isinstance(value, dict) else \
        enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found = _non_finite_at(item, f"{where}.{key}")
        if found is not None:
            return found
    return None


def server_setting_int(runtime: ServerRuntime, key: str, default: int) -> int:
    value = runtime.base.settings.server.get(key, default)
    if isinstance(value, str):
        from opsctl.config.settings import parse_byte_size

        return int(parse_byte_size(value))
    return int(value)


# -- authentication -------------------------------------------------------------------------------

def _authenticate(runtime: ServerRuntime, credentials: HTTPAuthorizationCredentials | None,
                  request: Request) -> Principal:
    from opsctl.service.auth import principal_from

    if len(request.headers.getlist("authorization")) > 1:
        # one would be read and the others ignored, while a proxy in front may have checked
        # another one: no request speaks for two credentials
        _audit_refusal(runtime, "more than one Authorization header", request)
        raise UnauthenticatedError("malformed credentials: send one `Authorization` header")
    if credentials is None or not credentials.credentials:
        _audit_refusal(runtime, "missing", request)
        raise UnauthenticatedError("missing credentials: send `Authorization: Bearer TOKEN` "
                                   "(an `opsctl token create` token or an OIDC ID token)")
    try:
        return principal_from(runtime, credentials.credentials)
    except UnauthenticatedError as exc:
        _audit_refusal(runtime, exc.message, request)
        raise


def _refuse_unknown_query(request: Request) -> None:
    """A 422 naming each query parameter the route does not take (``?stauts=failed`` listed
    every run; ``?wiat=30s`` answered at once), or that is given more than once: a typo must
    not change what an answer means without a word. Checked once the caller is
    authenticated."""
    from fastapi.routing import APIRoute

    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    # kept on the route itself: a table keyed by id() could hand a route of a later app
    # (tests make many) the names of a collected one that had its address
    known: frozenset[str] | None = getattr(route, "_opsctl_query_names", None)
    if known is None:
        names: set[str] = set()
        dependants = [route.dependant]
        while dependants:  # the route's own parameters and its dependencies'
            dependant = dependants.pop()
            names.update(str(param.alias) for param in dependant.query_params)
            dependants.extend(dependant.dependencies)
        known = frozenset(names)
        route._opsctl_query_names = known  # type: ignore[attr-defined]
    unknown = sorted({name for name in request.query_params if name not in known})
    # one value is read of a parameter given twice (``?status=failed&status=succeeded``
    # listed the succeeded runs alone): which one, the caller cannot tell
    repeated = sorted({name for name in request.query_params if name in known
                       and len(request.query_params.getlist(name)) > 1})
    if unknown or repeated:
        errors = [{"field": f"query.{name}", "message": "unknown query parameter"}
                  for name in unknown] + \
                 [{"field": f"query.{name}", "message": "given more than once"}
                  for name in repeated]
        raise InputError("invalid input: " + "; ".join(f"{e['field']}: {e['message']}"
                                                       for e in errors), errors)


_SINGLE_HEADERS = ("idempotency-key", "last-event-id")


def _refuse_repeated_headers(request: Request) -> None:
    """A 422 naming each header opsctl reads that is given more than once: one would be read
    and the others ignored (a proxy's retry adding its own Idempotency-Key ran the request
    under the first key without a word)."""
    repeated = [name for name in _SINGLE_HEADERS if len(request.headers.getlist(name)) > 1]
    if repeated:
        raise InputError("invalid input: " + "; ".join(f"header.{name}: given more than once"
                                                       for name in repeated),
                         [{"field": f"header.{name}", "message": "given more than once"}
                          for name in repeated])


def _audit_refusal(runtime: ServerRuntime, reason: str, request: Request) -> None:
    from contextlib import suppress

    from opsctl.store.audit import append_event

    with suppress(OpsctlError):  # the store is down: the 401 stands; readyz reports the store
        append_event(runtime.store(), "auth.refused", actor="anonymous",
                     payload={"reason": reason[:200], "method": request.method,
                              "path": request.url.path[:200]})


# -- routes ---------------------------------------------------------------------------------------

def _routes(app: FastAPI, runtime: ServerRuntime) -> None:
    # One worker-thread hop authenticates and opens the session; the two async dependencies
    # only hand out its parts (a sync dependency each would cost a thread hop per request).
    def caller(request: Request,
               credentials: Annotated[HTTPAuthorizationCredentials | None,
                                      Depends(bearer)]) -> tuple[Principal, Session]:
        who = _authenticate(runtime, credentials, request)
        _refuse_unknown_query(request)
        _refuse_repeated_headers(request)
        return who, runtime.session(who)

    async def principal(
            pair: Annotated[tuple[Principal, Session], Depends(caller)]) -> Principal:
        return pair[0]

    async def session_of(
            pair: Annotated[tuple[Principal, Session], Depends(caller)]) -> Session:
        return pair[1]

    Caller = Annotated[Session, Depends(session_of)]
    """The session of the caller. A route that evaluates the policy (plan, apply, approve)
    refuses an unreadable policy file (:func:`require_policy`) once the caller's permission
    is checked: a caller without it hears 403 then too."""
    Who = Annotated[Principal, Depends(principal)]
    auth_problems = (401, 403, 503)

    @app.get("/healthz", tags=["health"], summary="The process is up")
    async def healthz() -> dict[str, str]:
        # async: it answers on the event loop even while slow requests hold every thread
        return {"status": "ok"}

    @app.get("/readyz", tags=["health"], summary="The store is reachable and migrated",
             responses=responses(503))
    def readyz() -> dict[str, Any]:
        from opsctl.store.migrations import MIGRATIONS

        try:
            version = runtime.store().schema_version()
        except OpsctlError as exc:
            # Public: anyone who reaches the port may ask, so the store's host, user and
            # database stay in the server's log
            runtime.base.log.error("http.store_unavailable", path="/readyz", error=exc.message)
            raise DependencyError("store unavailable (the server's log says why)") from None
        if version != MIGRATIONS[-1].version:
            raise DependencyError(f"store schema is at version {version}, this opsctl needs "
                               f"{MIGRATIONS[-1].version}: restart the server to migrate")
        return {"status": "ready", "schema_version": version}

    # Load balancers and uptime checks often probe with HEAD (RFC 9110 asks every server to
    # take it where it takes GET); the server sends the GET's status and headers, no body
    # (the /v1 routes and /metrics: _answer_head)
    for path, answer in (("/healthz", healthz), ("/readyz", readyz)):
        app.add_api_route(path, answer, methods=["HEAD"], include_in_schema=False)

    @app.get("/metrics", tags=["observability"], summary="Prometheus metrics, from the store",
             response_class=Response, responses={200: {"content": {"text/plain": {}}},
                                                 **responses(*auth_problems)})
    def metrics(request: Request,
                credentials: Annotated[HTTPAuthorizationCredentials | None,
                                       Depends(bearer)]) -> Response:
        if runtime.base.settings.server.get("metrics_auth", True):
            session = runtime.session(_authenticate(runtime, credentials, request))
            _check(session, "view", "*")
        from opsctl.observe.metrics import render_metrics

        entries = runtime.base.catalog.entries
        body, content_type = render_metrics(
            runtime.store(), list(entries),
            objectives={name: entry.slo for name, entry in entries.items()})
        return Response(body, media_type=content_type)

    # catalog --------------------------------------------------------------------------------
    @app.get("/v1/automations", tags=["catalog"], summary="Every automation the caller may view",
             responses=responses(*auth_problems))
    def catalog(session: Caller) -> dict[str, Any]:
        from opsctl.governance.gate import governance_for, may_somewhere

        governance = governance_for(session)
        items = []
        for entry in sorted(session.catalog.entries.values(), key=lambda e: e.name):
            if governance.permissions is not None and not governance.permissions.allows(
                    session.actor, "view", automation=entry.name, environment=None) \
                    and not may_somewhere(governance, session.actor, entry.name):
                continue
            automation = session.catalog.load(entry.name)
            items.append({"name": entry.name, "version": entry.version, "owner": entry.owner,
                          "effect": entry.effect, "summary": entry.summary,
                          "slo": _slo_of(automation)})
        return {"automations": items, "problems": catalog_problems(session)}

    @app.get("/v1/automations/{name}", tags=["catalog"], summary="An automation's contract",
             responses=responses(*auth_problems, 404))
    def describe(name: str, session: Caller) -> dict[str, Any]:
        from opsctl.contract.description import describe as describe_doc

        _automation(session, name)
        _check(session, "view", name, any_environment=True)
        return describe_doc(session, name)

    @app.get("/v1/automations/{name}/schema", tags=["catalog"],
             summary="JSON Schema of the automation's request or result",
             responses=responses(*auth_problems, 404, 422))
    def schema(name: str, session: Caller,
               kind: Literal["request", "result"] = "request") -> dict[str, Any]:
        from opsctl.contract.description import request_schema
        from opsctl.contract.result import result_schema

        automation = _automation(session, name)
        _check(session, "view", name, any_environment=True)
        return request_schema(automation) if kind == "request" else result_schema()

    # plans ----------------------------------------------------------------------------------
    @app.post("/v1/automations/{name}/plans", tags=["plans"], status_code=201,
              summary="Plan now (read-only), store the signed plan, say what approval it needs",
              responses={200: {"description": "No plan was stored: the run's result document "
                                              "says why (refused at the gate, a failed "
                                              "precheck, an automation error)"},
                         **responses(*auth_problems, 404, 409, 422)})
    def create_plan(name: str, body: PlanCreate, session: Caller,
                    response: Response) -> dict[str, Any]:
        from opsctl.engine.run import execute

        automation = _automation(session, name)
        _check_somewhere(session, "plan", name, body.request)  # 403 before a word of it
        require_policy(session)
        outcome = _engine(lambda: execute(
            session, automation, body.request, mode="plan", dry_run=True, store_plan=True,
            targets=body.targets, contract_version=body.contract_version,
            source=session.catalog.entry(name).source))
        doc = outcome.document
        plan_id = (doc.get("artifacts") or {}).get("plan_id")
        if plan_id is None:  # refused before a plan existed (a denial, a failed precheck)
            response.status_code = 200
            return {"plan_id": None, "result": doc, "approval": None}
        response.headers["Location"] = f"/v1/plans/{plan_id}"
        return {"plan_id": plan_id, "result": doc, "approval": _approval_state(session, plan_id)}

    @app.get("/v1/plans/{plan_id}", tags=["plans"], summary="A stored plan and its approvals",
             responses=responses(*auth_problems, 404))
    def get_plan(plan_id: str, session: Caller) -> dict[str, Any]:
        document = viewable_plan(session, plan_id)
        return {"plan": document, "approval": _approval_state(session, plan_id)}

    @app.post("/v1/plans/{plan_id}/approvals", tags=["plans"], status_code=201,
              summary="Approve or reject a stored plan (bound to its fingerprint)",
              responses=responses(*auth_problems, 404, 409, 422))
    def approve(plan_id: str, body: ApprovalCreate, session: Caller) -> dict[str, Any]:
        from opsctl.governance.plan_decisions import decide_plan

        _plan(session, plan_id)
        record = _engine(lambda: decide_plan(session, plan_id, approve=body.decision == "approve",
                                             reason=body.reason))
        return {"approval": record, "state": _approval_state(session, plan_id)}

    @app.post("/v1/plans/{plan_id}/apply", tags=["plans"], status_code=202,
              summary="Apply exactly that stored plan (refused when stale, expired, unapproved "
                      "or already applied)", response_model=None,
              responses={202: {"model": RunAccepted, "description": "Queued: poll Location"},
                         200: {"description": "The run finished within ?wait"},
                         **responses(*auth_problems, 404, 409, 422)})
    async def apply_plan(plan_id: str, session: Caller, who: Who, response: Response,
                         body: PlanApply | None = None,
                         wait: Annotated[str | None, Query(description="e.g. 30s")] = None,
                         ) -> dict[str, Any]:
        wait_s = None if wait is None else _wait_seconds(wait)  # refused before anything runs
        run_id = await run_in_threadpool(queue_plan_apply, runtime, session, who, plan_id,
                                         body.secrets if body is not None else None)
        return await _accepted(run_id, wait_s, response)

    # runs -----------------------------------------------------------------------------------
    @app.post("/v1/automations/{name}/runs", tags=["runs"], status_code=202,
              summary="Start a run (a dry run, or an apply): 202 + Location, or the result "
                      "with ?wait", response_model=None,
              responses={202: {"model": RunAccepted, "description": "Queued: poll Location"},
                         200: {"description": "The run finished within ?wait, or a finished "
                                              "run of this Idempotency-Key was replayed"},
                         **responses(*auth_problems, 404, 409, 422)})
    async def create_run(name: str, body: RunCreate, session: Caller, who: Who,
                         response: Response,
                         idempotency_key: Annotated[str | None, Header(
                             # characters, counted once the key is read as UTF-8 (start_run)
                             json_schema_extra={"maxLength": IDEMPOTENCY_KEY_MAX})] = None,
                         wait: Annotated[str | None, Query(description="e.g. 30s")] = None,
                         ) -> dict[str, Any]:
        wait_s = None if wait is None else _wait_seconds(wait)  # refused before anything runs
        started = await run_in_threadpool(start_run, name, body, session, who, response,
                                          idempotency_key)
        return started if isinstance(started, dict) else await _accepted(started, wait_s,
                                                                         response)

    def start_run(name: str, body: RunCreate, session: Session, who: Principal,
                  response: Response, idempotency_key: str | None) -> dict[str, Any] | str:
        """The replayed result of a finished run of the key, or the id of the run the
        request queued (or found queued, running or interrupted)."""
        from opsctl.engine.request import (
            derived_run_key,
            hash_of_request,
            request_document,
            target_patterns,
            versioned_request,
            where_secrets_are,
        )
        from opsctl.engine.run import REPLAYABLE, RESUMABLE, execute

        automation = _automation(session, name)
        mode: Literal["plan", "apply"] = "plan" if body.dry_run else "apply"
        _check_somewhere(session, mode, name, body.request)  # 403 before a word of it
        require_policy(session)
        versioned = _engine(lambda: versioned_request(automation, body.request,
                                                      body.contract_version))
        request = versioned.request
        request_doc = _engine(lambda: request_document(session, automation, request))
        _check(session, "plan" if body.dry_run else "apply", name,
               environment=_environment(request_doc))
        patterns = _engine(lambda: target_patterns(body.targets))
        # read as UTF-8 before the spaces are dropped: "à" ends in the byte A0, a no-break
        # space in Latin-1
        key = _utf8_header(idempotency_key or "").strip() or None
        if idempotency_key is not None and key is None:  # `Idempotency-Key: $KEY`, KEY unset
            raise InputError("invalid input: header.idempotency-key: the key is empty: give the "
                             "operation's key (an unset variable?), or leave the header out "
                             "for a key derived from the request",
                             [{"field": "header.idempotency-key", "message": "empty"}])
        why = None if key is None else idempotency_key_problem(key)
        if why is not None:
            raise InputError(f"invalid input: header.idempotency-key: {why}",
                             [{"field": "header.idempotency-key",
                                    "message": f"at most {IDEMPOTENCY_KEY_MAX} printable "
                                               "characters (no newline or tab)"}])
        if key is not None and session.redactor.redact_text(key) != key:
            raise InputError("Idempotency-Key holds a secret value of the request or the "
                             "configuration: keys are stored and shown as they are; give a key "
                             "without it", [{"field": "header.idempotency-key",
                                             "message": "holds a secret value"}])
        where = where_secrets_are(session, request_doc, patterns)
        if where:  # the queued run is stored masked: a restart or a worker would apply ***
            raise InputError(
                f"invalid input: {' and '.join(where)} holds the value of a configured secret, "
                "and a queued run is stored with secrets masked: carried out after a restart, "
                "or by a worker, it would be given *** in its place, so it was not queued; "
                "leave the secret out (a request carries one in a Secret field)",
                [{"field": f"body.request.{field}", "message": "holds a secret value"}
                 for field, value in request_doc.items()
                 if session.redactor.redact({field: value}) != {field: value}])
        run_key = key or derived_run_key(automation, request_doc, patterns)
        request_hash = hash_of_request(request_doc, patterns)
        if mode == "apply":
            prior = session.store.latest_run_for_key(name, run_key)
            if prior is not None:
                if prior["request_hash"] != request_hash:
                    # the run is named only to a caller who may view it (its environment may
                    # be one the caller's grant does not cover)
                    holder = (f"run {prior['id']}" if _may_view_run(session, prior)
                              else "another run")
                    raise ConflictError(f"Idempotency-Key {run_key!r} was used by {holder} "
                                        "with a different request; use a new key")
                if prior["status"] in REPLAYABLE and key is not None:
                    doc = dict(prior["result"] or {})
                    doc["replayed"] = True
                    response.status_code = 200
                    return doc
                if prior["status"] in ("queued", "running"):
                    return str(prior["id"])
                if prior["status"] == "cancelled" and (prior.get("runtime") or {}).get(
                        NOT_STARTED):
                    runtime.requeue(str(prior["id"]), who,
                                    _secrets_given(prior["request"], body.request))
                    return str(prior["id"])
                if prior["status"] in RESUMABLE and session.store.list_actions(str(prior["id"])):
                    runtime.resume(str(prior["id"]), who,
                                   _secrets_given(prior["request"], body.request))
                    return str(prior["id"])
        source = session.catalog.entry(name).source
        queued: list[str] = []
        run_id = _queue(session, automation, mode=mode, request_doc=request_doc, key=run_key,
                        key_source="caller" if key else "derived",
                        request_hash=request_hash, once=mode == "apply", queued=queued,
                        # a request sent with the key while its run was finishing: the
                        # look above found none, and that run has since succeeded
                        finished=REPLAYABLE if key is not None else (),
                        runtime={**({"targets": list(patterns)} if patterns else {}),
                                 # what a restart reports, when it carries the run out
                                 **({"contract_version": versioned.requested_version}
                                    if versioned.requested_version else {})})
        if not queued:  # a request sent at the same moment with the key queued its run first
            carried = session.store.get_run(run_id)
            if carried is not None and carried["status"] in REPLAYABLE:
                doc = dict(carried["result"] or {})
                doc["replayed"] = True
                response.status_code = 200
                return doc
            return run_id
        data = body.request
        runtime.submit(run_id, who, lambda s: execute(
            s, automation, data, mode=mode, dry_run=body.dry_run, idempotency_key=key,
            targets=patterns, contract_version=body.contract_version, queued_run_id=run_id,
            source=source))
        return run_id

    @app.get("/v1/runs", tags=["runs"], response_model=RunPage,
             summary="Run history, newest first, a page at a time (cursor pagination)",
             responses=responses(*auth_problems, 404, 422))
    def list_runs(session: Caller,
                  automation: Annotated[str | None, Query(max_length=200,
                                                          pattern=NO_NUL)] = None,
                  status: Literal[RUN_STATUSES] | None = None,  # type: ignore[valid-type]
                  actor: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
                  since: Annotated[When | None,
                                   Query(max_length=64, description=WHEN_HELP)] = None,
                  until: Annotated[When | None,
                                   Query(max_length=64, description=WHEN_HELP)] = None,
                  cursor: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
                  limit: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
        now = session.clock()
        since_at, until_at = (None if text is None else _history_bound(text, now)
                              for text in (since, until))
        if since_at is not None and until_at is not None and since_at >= until_at:
            # an empty window, refused as `opsctl runs` refuses it (exit 2): an empty page
            # would read as no such runs having been recorded
            why = (f"{since!r} ({since_at.isoformat()}) is not before until {until!r} "
                   f"({until_at.isoformat()}): no run can match; a time ago is further back the "
                   "larger it is (since=3h&until=2h)")
            raise InputError(f"invalid input: query.since: {why}",
                             [{"field": "query.since", "message": why}])
        found, next_cursor = _visible_runs(session, automation=automation, status=status,
                                           actor=actor, since=since_at, until=until_at,
                                           cursor=cursor, limit=limit)
        return {"runs": found, "next_cursor": next_cursor}

    @app.get("/v1/runs/{run_id}", tags=["runs"],
             summary="The run's result document (opsctl.result/v1); unfinished runs show their "
                     "status", responses=responses(*auth_problems, 404))
    def get_run(run_id: str, session: Caller) -> dict[str, Any]:
        row = _run(session, run_id)
        return _result_of(row)

    @app.post("/v1/runs/{run_id}/cancel", tags=["runs"], status_code=202,
              response_model=CancelAsked,
              summary="Ask a queued or running run to stop (apply permission; audited); 409 "
                      "once it has finished", responses=responses(*auth_problems, 404, 409, 422))
    def cancel_run(run_id: str, body: RunCancel, session: Caller) -> dict[str, Any]:
        from opsctl.engine.cancel import request_cancel

        row = _run(session, run_id)
        asked: dict[str, Any] = _engine(lambda: request_cancel(session, row, body.reason))
        return asked

    @app.get("/v1/runs/{run_id}/events", tags=["runs"],
             summary="Server-Sent Events: the run's journal and log lines (id = sequence), "
                     "ending with the result document; Last-Event-ID resumes",
             response_class=StreamingResponse,
             responses={200: {"content": {"text/event-stream": {}}},
                        **responses(*auth_problems, 404, 422)})
    async def events(run_id: str, request: Request, who: Who,
                     credentials: Annotated[HTTPAuthorizationCredentials | None,
                                            Depends(bearer)],
                     last_event_id: Annotated[str | None, Header(max_length=20)] = None,
                     ) -> Response:
        from opsctl.service.auth import principal_from

        session = await run_in_threadpool(runtime.session, who)
        await run_in_threadpool(_run, session, run_id)
        after = 0 if last_event_id is None else _event_id(last_event_id)
        credential = credentials.credentials if credentials is not None else ""
        headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
        if request.method == "HEAD":  # the stream's headers, not the stream until it ends
            return Response(media_type="text/event-stream", headers=headers)

        def still_allowed() -> bool:  # the bearer credential again: revoked, expired, rescoped
            return may_still_view(lambda: runtime.session(principal_from(runtime, credential)),
                                  run_id)

        return StreamingResponse(_event_stream(runtime, run_id, after, request, still_allowed),
                                 media_type="text/event-stream", headers=headers)

    # audit and locks ------------------------------------------------------------------------
    @app.get("/v1/audit", tags=["audit"], response_model=AuditPage,
             summary="Audit events after sequence number `since`, in order, with their hashes",
             responses=responses(*auth_problems, 422))
    def audit(session: Caller, since: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0,
              run_id: Annotated[str | None, Query(max_length=64, pattern=NO_NUL)] = None,
              limit: Annotated[int, Query(ge=1, le=1000)] = 500) -> dict[str, Any]:
        from opsctl.store.audit import iter_events

        _check(session, "view", "*")
        events = []
        for event in iter_events(session.store, since_seq=since, run_id=run_id,
                                 page=limit + 1):
            events.append(event.to_dict())
            if len(events) > limit:
                break
        more = len(events) > limit
        events = events[:limit]
        return {"events": events,
                "next_since": int(str(events[-1]["seq"])) if more and events else None}

    @app.get("/v1/audit/verify", tags=["audit"],
             summary="Recompute the hash chain (409 naming the first bad event)",
             responses=responses(*auth_problems, 409))
    def audit_verify(session: Caller) -> dict[str, Any]:
        from opsctl.errors import PlanRejectedError
        from opsctl.governance.approvals import verify_audit

        _check(session, "view", "*")
        report = verify_audit(session)  # records its checkpoint, as `opsctl audit verify`
        if not report.ok:
            raise PlanRejectedError(f"audit trail is not intact: {report.problem}",
                                    reason="tampered")
        if report.mismatches:
            raise PlanRejectedError("audit trail is intact, but rows disagree with it: "
                                    + "; ".join(report.mismatches), reason="tampered")
        return report.to_dict()

    @app.get("/v1/locks", tags=["locks"], summary="Leases held on lock scopes",
             responses=responses(*auth_problems))
    def locks(session: Caller) -> dict[str, Any]:
        _check(session, "view", "*")
        return {"locks": session.store.list_leases()}

    @app.delete("/v1/locks/{scope:path}", tags=["locks"],
                summary="Break the lease on a scope (admin; its holder is fenced off)",
                responses=responses(*auth_problems, 404, 422))
    def break_lock(scope: Annotated[str, Path(pattern=NO_NUL)], session: Caller,
                   reason: Annotated[str, Query(min_length=1, max_length=2000,
                                                pattern=NO_NUL)]) -> dict[str, Any]:
        broken = _break_lock(session, scope, reason)
        return {"broken": broken, "by": session.actor,
                "reason": session.redactor.redact_text(reason)}

    async def _accepted(run_id: str, seconds: float | None,
                        response: Response) -> dict[str, Any]:
        """202 with the run's Location, or the result once it finished within ``seconds``.
        Waiting holds no thread: the sync routes share a small pool of them, and callers
        waiting on ``?wait=`` would otherwise starve every other request, /healthz too."""
        location = f"/{API_VERSION}/runs/{run_id}"
        if seconds is not None:
            future = runtime.future(run_id)
            if future is not None:
                waited = asyncio.wrap_future(future)
                # asyncio.wait, not wait_for: a timeout must not cancel the run's future
                done, _ = await asyncio.wait({waited}, timeout=seconds)
                outcome = waited.result() if done and not waited.cancelled() else None
                if outcome is not None:
                    response.status_code = 200
                    response.headers["Location"] = location
                    return outcome.document
            else:  # carried out by a worker (or finished already): watch the store
                import time

                # runtime.store() is the calling thread's connection: taken in the pool's
                # thread that reads with it
                deadline = time.monotonic() + seconds
                while True:
                    row = await run_in_threadpool(lambda: runtime.store().get_run(run_id))
                    if row is not None and row.get("result") and row["status"] not in (
                            "queued", "running"):
                        response.status_code = 200
                        response.headers["Location"] = location
                        return _result_of(row)
                    if time.monotonic() >= deadline or runtime.stopping.is_set():
                        break
                    await asyncio.sleep(min(0.1, max(0.0, deadline - time.monotonic())))
        response.headers["Location"] = location
        row = await run_in_threadpool(lambda: runtime.store().get_run(run_id))
        return {"run_id": run_id, "status": str(row["status"]) if row else "queued",
                "location": location, "events": f"{location}/events"}


# -- helpers --------------------------------------------------------------------------------------

def queue_plan_apply(runtime: ServerRuntime, session: Session, who: Principal, plan_id: str,
                     secrets: dict[str, str] | None = None) -> str:
    """Queue the apply of stored plan ``plan_id`` once it may be applied now: it exists, the
    caller may apply it, it was not applied, it is intact and unexpired (409 otherwise, with
    nothing queued), and its secrets are given. ``secrets`` (field name to value) restore the
    secret fields a stored plan keeps only as digests, as ``OPSCTL_SECRET_<FIELD>`` does on
    the command line: checked against the digests now (422 when one is missing, 409 when one
    differs), they live in memory only. The queued run's id."""
    from opsctl.engine.request import derived_run_key, hash_of_request, target_patterns
    from opsctl.engine.run import apply_stored_plan
    from opsctl.service.runtime import secret_env, with_secrets
    from opsctl.store.plans import refuse_applied

    document = _plan(session, plan_id)
    name = str(document["automation"])
    automation = _automation(session, name)
    _check(session, "apply", name, environment=_environment(document.get("request")))
    require_policy(session)
    _engine(lambda: refuse_applied(session.store, plan_id, session.store.get_plan(plan_id), ""))
    _engine(lambda: _intact_and_current(session, plan_id))  # 409 now, not a queued refusal
    env = secret_env(session, document.get("request"), secrets or {}, f"plan {plan_id}",
                     made_with="the plan was made with")
    # the key the engine records in the result: the request's, as for `apply --plan`
    patterns = target_patterns([str(t) for t in document.get("targets") or []])

    def queue(once: bool = False, queued: list[str] | None = None) -> str:
        return _queue(session, automation, mode="apply", request_doc=document["request"],
                      key=derived_run_key(automation, document["request"], patterns),
                      key_source="derived",
                      request_hash=hash_of_request(document["request"], patterns),
                      runtime={"plan_id": plan_id}, once=once, queued=queued)

    queued: list[str] = []
    run_id = queue(once=True, queued=queued)
    if not queued:
        # A run of the plan's request is queued or running. This plan's own apply, asked for
        # again before it claimed the plan (a double click, a client's retry): that run, as
        # an Idempotency-Key answers, not a second one that fails as already applied.
        prior = session.store.get_run(run_id)
        if prior is not None and (prior.get("runtime") or {}).get("plan_id") == plan_id:
            return run_id
        run_id = queue()  # another run of the same request: this one waits for its scope

    def work(run_session: Session) -> Any:
        with_secrets(run_session, env)
        return apply_stored_plan(run_session, plan_id, queued_run_id=run_id)

    runtime.submit(run_id, who, work)
    return run_id


def _queue(session: Session, automation: Any, *, mode: str, request_doc: Any, key: str,
           key_source: str, runtime: dict[str, Any], request_hash: str | None = None,
           once: bool = False, queued: list[str] | None = None,
           finished: Sequence[str] = ()) -> str:
    """Record a queued run; its id (also appended to ``queued``). ``once``: unless a run of
    the same key is queued or running already, or ended in a ``finished`` status, whose id
    is returned instead (nothing is recorded, nor appended)."""
    from opsctl.engine.ids import new_run_id
    from opsctl.engine.request import hash_of_request
    from opsctl.engine.runtime import runtime_info
    from opsctl.engine.state import iso
    from opsctl.store.queue import create_queued_run, queue_run_once

    run_id = new_run_id()
    entry = session.catalog.entry(automation.name)
    executor: dict[str, Any] = {"executor": EXECUTOR}
    if session.settings.executor == "celery":
        from opsctl.dispatch.config import worker_config
        from opsctl.governance.gate import environment_of

        config = worker_config(session.settings.worker)
        executor = {"executor": "celery", "fan_out": config.fan_out,
                    "queue": config.queue_for(automation.name, environment_of(request_doc))}
    fields = {
        "id": run_id, "automation": automation.name,
        "contract_version": automation.version, "mode": mode, "actor": session.actor,
        "idempotency_key": key, "key_source": key_source,
        "request_hash": request_hash or hash_of_request(request_doc),
        "request": request_doc,
        "runtime": {**runtime_info(entry.source), "identity": session.identity.to_dict(),
                    **executor, **runtime},
        "started_at": iso(session.clock()),
        "executor": "celery" if executor["executor"] == "celery" else None,
    }
    if once:
        carried = queue_run_once(session.store, fields, finished)
        if carried != run_id:
            return carried
    else:
        create_queued_run(session.store, fields)
    if queued is not None:
        queued.append(run_id)
    return run_id


def _visible_runs(session: Session, *, automation: str | None = None, status: str | None = None,
                  actor: str | None = None, since: datetime | None = None,
                  until: datetime | None = None, cursor: str | None = None,
                  limit: int = 50) -> tuple[list[dict[str, Any]], str | None]:
    """A page of run history, newest first, of the runs the session may view."""
    from opsctl.governance.gate import governance_for, may_somewhere
    from opsctl.store.queue import page_runs

    governance = governance_for(session)
    permissions = governance.permissions
    if automation is not None:
        if automation not in session.catalog.entries and not session.store._rows(
                "SELECT id FROM runs WHERE automation = ? LIMIT 1", (automation,)):
            # neither served nor in the history (one no longer served keeps its history)
            raise NotFoundError(f"unknown automation {automation!r}")
        _check(session, "view", automation, any_environment=True)

    def visible(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The rows whose automation and environment the caller may view: a grant on every
        environment needs no look at the request; a scoped one needs the run's environment."""
        if permissions is None:
            return rows
        everywhere = {str(r["id"]) for r in rows if permissions.allows(
            session.actor, "view", automation=str(r["automation"]), environment=None)}
        scoped = [str(r["id"]) for r in rows if str(r["id"]) not in everywhere
                  and may_somewhere(governance, session.actor, str(r["automation"]))]
        environments = _environments_of(session, scoped)
        return [r for r in rows if str(r["id"]) in everywhere or (
            str(r["id"]) in environments and permissions.allows(
                session.actor, "view", automation=str(r["automation"]),
                environment=environments[str(r["id"])]))]

    try:  # a scoped token's page is filled from the runs it may see
        return page_runs(session.store, automation=automation, status=status, actor=actor,
                         since=_iso(since), until=_iso(until), cursor=cursor, limit=limit,
                         visible=visible if permissions is not None else None)
    except UsageError as exc:  # only a cursor can be wrong here: the caller's
        message = exc.message if exc.message.startswith("cursor") else \
            f"cursor {cursor!r} names no run to page from"
        raise InputError(message, [{"field": "query.cursor",
                                    "message": "not a cursor this server returned"}]) from None


def _environments_of(session: Session, run_ids: list[str]) -> dict[str, str | None]:
    """The environment of each of ``run_ids`` (None: its request has none), read in one query
    (a page of history lists no requests)."""
    if not run_ids:
        return {}
    marks = ", ".join("?" for _ in run_ids)
    rows = session.store._rows(f"SELECT id, request_json FROM runs WHERE id IN ({marks})",
                               run_ids)
    return {str(row["id"]): _environment(json.loads(row["request_json"] or "null"))
            for row in rows}


def catalog_problems(session: Session) -> list[dict[str, str | None]]:
    """The automations the server could not load (module, origin, error): for an admin of
    every automation only, as the errors name modules and paths."""
    from opsctl.governance.gate import governance_for

    broken = session.catalog.broken
    permissions = governance_for(session).permissions
    if not broken or (permissions is not None and not permissions.allows(
            session.actor, "admin", automation="*", environment=None)):
        return []
    return [dict(b) for b in broken]


def _break_lock(session: Session, scope: str, reason: str) -> dict[str, Any]:
    """Break the lease on ``scope`` (admin), fencing its holder off; audited; 404 if none."""
    from opsctl.engine.locks import break_lock

    try:
        result: dict[str, Any] = _engine(lambda: break_lock(session, scope, reason))
    except InputError as exc:  # the reason of a break is a query parameter, not a body field
        exc.fields = [{**f, "field": "query.reason"} if f["field"] == "body.reason" else f
                      for f in exc.fields]
        raise
    return result


def _engine(call: Callable[[], Any]) -> Any:
    """Call library code; an unknown automation/run/plan becomes 404, everything else keeps
    its exit code's status (the exception handlers turn it into a problem document)."""
    try:
        return call()
    except UnknownAutomationError as exc:
        # Without the CLI's list of known names: a caller sees only what it may view.
        raise NotFoundError(exc.message.split(" (known:")[0]) from None
    except UsageError as exc:
        if exc.message.startswith(("no saved plan", "no run ", "no lock held")):
            raise NotFoundError(exc.message) from None
        if exc.fields:
            raise InputError(exc.message, [{"field": f"request.{f['field']}" if f["field"] else "request",
                                            "message": f["message"]} for f in exc.fields]) from None
        for prefix, field in _BODY_FIELDS:  # a top-level field of the body, named too
            if exc.message.startswith(prefix):
                raise InputError(f"{field.removeprefix('body.')}: {exc.message}",
                                 [{"field": field, "message": exc.message}]) from None
        raise


# The library's refusals of a body's own fields (not the request's), by how they begin.
_BODY_FIELDS = (("contract version ", "body.contract_version"),
                ("a reason must say why", "body.reason"),
                ("--target ", "body.targets"))


def _automation(session: Session, name: str) -> Any:
    return _engine(lambda: session.catalog.load(name))


def require_policy(session: Session) -> None:
    """422 (exit 2) while the policy file no longer parses, before anything is queued or
    recorded: for what evaluates the policy (planning, applying, approving); reads go on."""
    from opsctl.governance.gate import require_policy as refuse_unreadable

    refuse_unreadable(session)


def _check(session: Session, permission: Any, automation: str, *,
           environment: str | None = None, any_environment: bool = False) -> None:
    from opsctl.governance.gate import check_permission, governance_for, may_somewhere

    if any_environment:
        governance = governance_for(session)
        if may_somewhere(governance, session.actor, automation):
            return
    check_permission(session, permission, automation=automation, environment=environment)


def _may_view_run(session: Session, row: Mapping[str, Any]) -> bool:
    from opsctl.governance.gate import governance_for

    permissions = governance_for(session).permissions
    return permissions is None or permissions.allows(
        session.actor, "view", automation=str(row["automation"]),
        environment=_environment(row.get("request")))


def _check_somewhere(session: Session, permission: Permission, automation: str,
                     request: dict[str, Any]) -> None:
    """403 (audited) unless the caller holds ``permission`` on ``automation`` in some
    environment: checked before the request is validated, so a caller without access learns
    nothing of the automation's fields (the refusal names the environment the request
    names, the caller's own word); the request's own environment is checked after."""
    from opsctl.governance.gate import check_permission, governance_for, may_somewhere

    if not may_somewhere(governance_for(session), session.actor, automation,
                                      permission):
        check_permission(session, permission, automation=automation,
                         environment=_environment(request))


def _secrets_given(request_doc: Any, request: Any) -> dict[str, str]:
    """The values a request body gives for the secret fields of a stored request (the same
    request: its hash matched), by field name."""
    from opsctl.contract.plan import SECRET_MARKER

    found: dict[str, str] = {}
    if isinstance(request_doc, dict) and isinstance(request, dict):
        for key, value in request_doc.items():
            if isinstance(value, dict) and set(value) == {SECRET_MARKER}:
                if isinstance(request.get(key), str):
                    found[str(key)] = request[key]
            else:
                found.update(_secrets_given(value, request.get(key)))
    elif isinstance(request_doc, list) and isinstance(request, list):
        for doc_item, item in zip(request_doc, request, strict=False):
            found.update(_secrets_given(doc_item, item))
    return found


def _environment(request_doc: Any) -> str | None:
    from opsctl.governance.gate import environment_of

    return environment_of(request_doc) if isinstance(request_doc, dict) else None


def _plan(session: Session, plan_id: str) -> dict[str, Any]:
    if not PLAN_ID.match(plan_id):
        raise NotFoundError(f"no saved plan {plan_id!r}")
    document = session.store.plan_document(plan_id)
    if document is None:
        raise NotFoundError(f"no saved plan {plan_id!r}")
    return document


def viewable_plan(session: Session, plan_id: str) -> dict[str, Any]:
    """Stored plan ``plan_id``, for a caller who may view its automation in its environment
    (404 if there is none, 403 otherwise)."""
    document = _plan(session, plan_id)
    _check(session, "view", str(document["automation"]),
           environment=_environment(document.get("request")))
    return document


def _intact_and_current(session: Session, plan_id: str) -> None:
    """Exit 3 (409) for a stored plan that was edited or has expired."""
    from opsctl.contract.plan import verify_plan_document
    from opsctl.store.plans import stored_plan

    key = session.signing_key(create=False)
    document = stored_plan(session.store, plan_id, key, retired=session.retired_signing_keys())
    verify_plan_document(document, key, session.clock(), f"plan {plan_id}")


def _run(session: Session, run_id: str) -> dict[str, Any]:
    row = session.store.get_run(run_id) if RUN_ID.match(run_id) else None
    if row is None:
        raise NotFoundError(f"no run {run_id!r}")
    _check(session, "view", str(row["automation"]), environment=_environment(row.get("request")))
    return row


def _result_of(row: dict[str, Any]) -> dict[str, Any]:
    """The run's result document; a queued or running run shows its status and no outcome."""
    from opsctl.contract.result import RESULT_SCHEMA
    from opsctl.engine.request import display_request

    if row.get("result") and row["status"] not in ("queued", "running"):
        return dict(row["result"])
    return {"schema": RESULT_SCHEMA, "run_id": row["id"], "automation": row["automation"],
            "contract_version": row["contract_version"], "requested_contract_version": None,
            "mode": row["mode"], "status": row["status"], "exit_code": None,
            "actor": row["actor"], "idempotency_key": row["idempotency_key"], "replayed": False,
            "request": display_request(row.get("request")), "plan": None,
            "summary": None, "warnings": [], "error": None, "policy": None, "artifacts": {},
            "timing": {"started_at": row["started_at"], "finished_at": None,
                       "duration_ms": None}}


def _approval_state(session: Session, plan_id: str) -> dict[str, Any]:
    """What the stored plan's policy decision asks for and what is recorded so far."""
    from opsctl.governance.approvals import approvals_of

    row = session.store.get_plan(plan_id) or {}
    runs = session.store._rows("SELECT result_json FROM runs WHERE plan_id = ? "
                               "ORDER BY id LIMIT 1", (plan_id,))
    policy = None
    if runs and runs[0]["result_json"]:
        policy = json.loads(runs[0]["result_json"]).get("policy")
    records = [{k: a[k] for k in ("decision", "actor", "reason", "created_at") if k in a}
               for a in approvals_of(session.store, plan_id)]
    return {"policy": policy, "records": records,
            "applied_run_id": row.get("applied_run_id"), "expires_at": row.get("expires_at")}


def _slo_of(automation: Any) -> Any:
    slo = getattr(automation, "slo", None)
    if slo is None:
        return None
    to_dict = getattr(slo, "to_dict", None)
    return to_dict() if callable(to_dict) else slo


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    from opsctl.engine.state import iso

    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        moment = moment.astimezone(UTC)
    except OverflowError:  # before year 1 or after 9999 in UTC: before or after every run
        moment = (datetime.min if moment.year == 1 else datetime.max).replace(tzinfo=UTC)
    return iso(moment)  # the stored form, so text order is time order


def _history_bound(text: str, now: datetime) -> datetime:
    """``?since=``/``?until=``: a time ago (``1h``, as ``opsctl runs --since`` reads it) or a
    time (ISO 8601, a date, or a Unix timestamp as a bare number); ValueError otherwise."""
    from pydantic import TypeAdapter, ValidationError

    from opsctl.contract.durations import parse_duration

    try:
        if text.strip().replace(".", "", 1).isdigit():
            raise ValueError(text)  # a bare number is a timestamp, not seconds ago
        ago = parse_duration(text)
    except ValueError:
        try:
            return TypeAdapter(datetime).validate_python(text)
        except ValidationError:
            raise ValueError("neither a time ago (1h, 30m, 2d) nor an ISO 8601 time "
                             "(2026-12-07T03:00:00Z)") from None
    try:
        return now - ago
    except OverflowError:  # longer ago than year 1: before every run
        return datetime.min.replace(tzinfo=UTC)


def _valid_moment(text: str) -> str:
    _history_bound(text, datetime.now(UTC))  # a field error now, with every other bad parameter
    return text


When = Annotated[str, AfterValidator(_valid_moment)]


def _wait_seconds(text: str) -> float:
    from opsctl.contract.durations import parse_duration

    try:
        seconds = parse_duration(text if not text.isdigit() else f"{text}s").total_seconds()
    except (ValueError, TypeError):
        raise InputError(f"wait={text!r}: give a duration such as 30s",
                         [{"field": "query.wait", "message": "not a duration"}]) from None
    if not 0 <= seconds <= MAX_WAIT_S:
        raise InputError(f"wait={text!r}: at most {int(MAX_WAIT_S)}s",
                         [{"field": "query.wait", "message": f"more than {int(MAX_WAIT_S)}s"}])
    return seconds


def _utf8_header(text: str) -> str:
    """An ``Idempotency-Key`` as the client wrote it: HTTP hands header bytes over as Latin-1,
    and a key beyond ASCII is UTF-8 text, as on the command line (`déploiement-42` stays
    itself, not `dÃ©ploiement-42`, and finds the same runs)."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:
        raise InputError("Idempotency-Key must be UTF-8 text",
                         [{"field": "header.idempotency-key",
                           "message": "not UTF-8 text"}]) from None


def _event_id(text: str) -> int:
    """A ``Last-Event-ID`` header: a sequence number, at most a store's 64-bit integer (a
    larger one cannot even be compared), refused with a 422 before the stream starts."""
    text = text.strip()
    if not text.isascii() or not text.isdigit():
        raise InputError("Last-Event-ID must be an event id this stream sent",
                         [{"field": "header.last-event-id", "message": "not a number"}])
    if int(text) > MAX_SEQ:
        raise InputError(f"Last-Event-ID must be at most {MAX_SEQ}",
                         [{"field": "header.last-event-id",
                           "message": f"larger than {MAX_SEQ}"}])
    return int(text)


def may_still_view(session_of: Callable[[], Session], run_id: str) -> bool:
    """Whether the caller of an open event stream may still read it: its credential not
    revoked or expired since (``session_of`` checks it again), its grant still covering the
    run. A store that is away says neither: the stream's own reads answer for it."""
    try:
        _run(session_of(), run_id)
    except DependencyError:
        return True
    except OpsctlError:
        return False
    return True


async def _event_stream(runtime: ServerRuntime, run_id: str, after: int, request: Request,
                        still_allowed: Callable[[], bool]) -> AsyncIterator[bytes]:
    """Events after ``after`` as SSE frames, polled from the store (so events of runs carried
    out by other processes stream too), then one ``result`` event; a comment every 15 s keeps
    proxies from closing an idle stream. The caller's credential is checked again every
    ``RECHECK_S``: a token revoked (or a login ended) meanwhile ends the stream."""
    import time

    last_beat = last_check = time.monotonic()
    while True:
        if time.monotonic() - last_check >= RECHECK_S:
            last_check = time.monotonic()
            if not await run_in_threadpool(still_allowed):
                return
        rows, finished = await run_in_threadpool(_events_after, runtime, run_id, after)
        for row in rows:
            after = int(row["seq"])
            data = json.dumps({"seq": after, "at": row["at"], "kind": row["kind"],
                               "data": row["data"]}, separators=(",", ":"))
            yield f"id: {after}\nevent: {row['kind']}\ndata: {data}\n\n".encode()
        if finished is not None and not rows:
            data = json.dumps(finished, separators=(",", ":"))
            yield f"event: result\ndata: {data}\n\n".encode()
            return
        if await request.is_disconnected():
            return
        if not rows:
            if time.monotonic() - last_beat > 15:
                last_beat = time.monotonic()
                yield b": keep-alive\n\n"
            await asyncio.sleep(0.2)


def _events_after(runtime: ServerRuntime, run_id: str,
                  after: int) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    store = runtime.store()
    row = store.get_run(run_id)
    rows = store.run_events(run_id, after_seq=after, limit=500)
    if row is None:
        return rows, {"run_id": run_id, "status": "unknown"}
    done = row["status"] not in ("queued", "running")
    return rows, (_result_of(row) if done else None)


def _add_result_responses(doc: dict[str, Any]) -> None:
    """The bodies of the 200 answers that carry a finished run's result document (a run done
    within ``?wait``, a replayed Idempotency-Key, a plan refused before it was stored): the
    published result schema (``opsctl schema --result-document``) as the ``ResultDocument``
    component, so clients generated from the document read them."""
    from opsctl.contract.result import ResultDocument

    schemas = doc["components"]["schemas"]
    result = ResultDocument.model_json_schema(by_alias=True,
                                              ref_template="#/components/schemas/{model}")
    for name, sub in (result.pop("$defs", None) or {}).items():
        schemas.setdefault(name, sub)
    schemas["ResultDocument"] = result
    ref = {"$ref": "#/components/schemas/ResultDocument"}
    stored_plan = {
        "type": "object", "required": ["plan_id", "result", "approval"],
        "properties": {"plan_id": {"type": "string"}, "result": ref,
                       "approval": {"type": "object", "additionalProperties": True}},
        "description": "The stored plan's id, the plan run's result document and the approval "
                       "the plan needs"}
    refused_plan = {
        "type": "object", "required": ["plan_id", "result", "approval"],
        "properties": {"plan_id": {"type": "null"}, "result": ref,
                       "approval": {"type": "null"}},
        "description": "No plan was stored: the result document says why"}
    unfinished = {
        "type": "object", "required": sorted(result["properties"]),
        "properties": {**{name: {} for name in result["properties"]},
                       "schema": {"const": "opsctl.result/v1"}, "run_id": {"type": "string"},
                       "status": {"type": "string"}, "exit_code": {"type": "null"},
                       "plan": {"type": "null"}, "summary": {"type": "null"},
                       "timing": {"type": "object",
                                  "required": ["started_at", "finished_at", "duration_ms"],
                                  "properties": {"started_at": {"type": "string"},
                                                 "finished_at": {"type": "null"},
                                                 "duration_ms": {"type": "null"}}}},
        "description": "A run not finished yet (queued, running): the result document's fields, "
                       "no outcome yet"}
    schemas["RunInProgress"] = unfinished
    paths = doc.get("paths", {})
    shown = paths.get("/v1/runs/{run_id}", {}).get("get", {}).get("responses", {}).get("200")
    if shown is not None:
        shown["content"] = {"application/json": {"schema": {"anyOf": [
            ref, {"$ref": "#/components/schemas/RunInProgress"}]}}}
    for path, status, schema in (("/v1/automations/{name}/runs", "200", ref),
                                 ("/v1/plans/{plan_id}/apply", "200", ref),
                                 ("/v1/automations/{name}/plans", "200", refused_plan),
                                 ("/v1/automations/{name}/plans", "201", stored_plan)):
        answer = paths.get(path, {}).get("post", {}).get("responses", {}).get(status)
        if answer is not None:
            answer["content"] = {"application/json": {"schema": schema}}


def _openapi(app: FastAPI, runtime: ServerRuntime) -> dict[str, Any]:
    """FastAPI's document, plus: the bearer scheme on every /v1 route, the Problem schema, and
    each automation's own request schema on its concrete run and plan paths."""
    if app.openapi_schema:
        return app.openapi_schema
    from fastapi.openapi.utils import get_openapi

    from opsctl.contract.description import request_schema

    doc = get_openapi(title=app.title, version=app.version, summary=app.summary,
                      description=app.description, routes=app.routes)
    components = doc.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, sub in list((schemas["Problem"].pop("$defs", None) or {}).items()):
        schemas.setdefault(name, sub)
    _add_result_responses(doc)
    components.setdefault("securitySchemes", {})["bearer"] = {
        "type": "http", "scheme": "bearer",
        "description": "An opsctl API token or an OIDC ID token of a configured issuer"}
    for path, item in doc.get("paths", {}).items():
        for operation in item.values():
            if path.startswith("/v1/"):
                operation["security"] = [{"bearer": []}]
    templated = doc["paths"].get("/v1/automations/{name}/runs", {}).get("post")
    planned = doc["paths"].get("/v1/automations/{name}/plans", {}).get("post")
    for entry in sorted(runtime.base.catalog.entries.values(), key=lambda e: e.name):
        try:
            automation = runtime.base.catalog.load(entry.name)
        except OpsctlError:
            continue
        component = f"Request_{entry.name.replace('-', '_')}"
        schema = request_schema(automation)
        for key in ("$schema", "$id"):
            schema.pop(key, None)
        defs = schema.pop("$defs", None) or {}
        text = json.dumps(schema).replace("#/$defs/", f"#/components/schemas/{component}__")
        schemas[component] = json.loads(text)
        for sub_name, sub in defs.items():
            sub_text = json.dumps(sub).replace("#/$defs/",
                                               f"#/components/schemas/{component}__")
            schemas[f"{component}__{sub_name}"] = json.loads(sub_text)
        ref = {"$ref": f"#/components/schemas/{component}"}
        for template, kind in ((templated, "runs"), (planned, "plans")):
            if template is None:
                continue
            operation = json.loads(json.dumps(template))
            operation["operationId"] = f"{kind}_{entry.name.replace('-', '_')}"
            operation["summary"] = f"{template.get('summary', '')} ({entry.name})"
            operation["parameters"] = [p for p in operation.get("parameters", [])
                                       if p.get("name") != "name"]
            body_schema: dict[str, Any] = {"type": "object", "additionalProperties": False,
                           "properties": {"request": ref,
                                          "targets": {"type": "array", "maxItems": 100,
                                                      "items": {"type": "string"}},
                                          "contract_version": {"anyOf": [{"type": "string",
                                                                          "maxLength": 64},
                                                                         {"type": "null"}]}},
                           "required": ["request"]}
            if kind == "runs":
                body_schema["properties"]["dry_run"] = {"type": "boolean", "default": False}
            operation["requestBody"] = {"required": True, "content": {
                "application/json": {"schema": body_schema}}}
            doc["paths"].setdefault(f"/v1/automations/{entry.name}/{kind}", {})["post"] = \
                operation
    app.openapi_schema = doc
    return doc
