"""RFC 9457 problem documents: every refusal of the HTTP API, with the CLI's exit code.

The exit-code table maps onto HTTP statuses (2 -> 422, 3 -> 409, 4 -> 503, 6 -> 403, 7 -> 409,
1 -> 500). Authentication failures are 401, unknown automations, runs and plans 404. A
response never carries a traceback or an internal detail: an unexpected error is logged on the
server and answered with a generic 500 naming only its id in the log.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from opsctl.errors import ExitCode, OpsctlError, StateDirError

PROBLEM_TYPE = "application/problem+json"
TYPE_BASE = "https://opsctl.dev/problems/"

STATUS_BY_EXIT: dict[int, int] = {
    ExitCode.USAGE: 422,
    ExitCode.VALIDATION: 409,
    ExitCode.DEPENDENCY: 503,
    ExitCode.DENIED: 403,
    ExitCode.CONFLICT: 409,
    ExitCode.INTERNAL: 500,
    ExitCode.PARTIAL: 409,
    ExitCode.INTERRUPTED: 503,
}
TITLES: dict[int, str] = {
    400: "Bad request",
    401: "Authentication required",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    409: "Conflict",
    413: "Request body too large",
    415: "Unsupported media type",
    422: "Invalid input",
    429: "Too many requests",
    500: "Internal error",
    503: "Unavailable",
}


class FieldProblem(BaseModel):
    field: str = Field(description="Dotted path of the bad field ('body', 'request.ttl', ...)")
    message: str


class Problem(BaseModel):
    """An RFC 9457 problem document, extended with opsctl's exit code and error type."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(description="A URI naming the kind of problem")
    title: str
    status: int
    detail: str
    exit_code: int = Field(description="The CLI exit code of the same failure")
    error_type: str = Field(description="The result document's error.type of the same failure")
    errors: list[FieldProblem] = Field(default_factory=list,
                                       description="Every bad field, for invalid input")


class NotFoundError(OpsctlError):
    """An unknown automation, run or plan (404; the CLI's exit 2)."""

    exit_code = ExitCode.USAGE
    error_type = "validation"


class UnauthenticatedError(OpsctlError):
    """Missing, malformed, expired or revoked credentials (401; the CLI's exit 6)."""

    exit_code = ExitCode.DENIED
    error_type = "auth"


class InputError(OpsctlError):
    """Invalid input over HTTP (422) with the bad fields named."""

    exit_code = ExitCode.USAGE
    error_type = "validation"

    def __init__(self, message: str, fields: list[dict[str, str]] | None = None) -> None:
        super().__init__(message, step="validate")
        self.fields = fields or []


def status_for(error: OpsctlError) -> int:
    if isinstance(error, UnauthenticatedError):
        return 401
    if isinstance(error, NotFoundError):
        return 404
    if isinstance(error, StateDirError):
        # the server's own store or state dir (its role, its schema, its plan-signing key):
        # nothing the request could fix, unlike the 422 of the CLI's other exit 2s
        return 500
    return STATUS_BY_EXIT.get(int(error.exit_code), 500)


def problem(status: int, detail: str, *, exit_code: int, error_type: str,
            errors: list[dict[str, str]] | None = None, **extra: Any) -> dict[str, Any]:
    slug = {401: "unauthenticated", 403: "forbidden", 404: "not-found", 409: "conflict",
            413: "too-large", 422: "invalid-input", 503: "unavailable"}.get(status, "error")
    return {"type": TYPE_BASE + slug, "title": TITLES.get(status, "Error"), "status": status,
            "detail": detail, "exit_code": exit_code, "error_type": error_type,
            "errors": errors or [], **extra}


def problem_for(error: OpsctlError) -> dict[str, Any]:
    status = status_for(error)
    fields = getattr(error, "fields", None) or []
    return problem(status, error.message, exit_code=int(error.exit_code),
                   error_type=error.error_type, errors=list(fields))


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the problem statuses an endpoint may answer."""
    return {status: {"model": Problem, "description": TITLES.get(status, "Problem"),
                     "content": {PROBLEM_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}}
            for status in statuses}
