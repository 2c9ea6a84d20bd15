"""The result document (``opsctl.result/v1``) and its published JSON Schema.

The engine builds results as plain dicts (cheap on the start-up path); :class:`ResultDocument`
is the published contract, and the test suite validates every result it produces against
``result_schema()`` with an independent validator.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from opsctl.contract import RESULT_SCHEMA

__all__ = ["RESULT_SCHEMA", "ResultDocument", "result_schema"]

RunStatus = Literal["succeeded", "no_changes", "changes_planned", "partial", "failed", "denied",
                    "conflict", "cancelled"]
ActionStatus = Literal["applied", "unchanged", "skipped", "failed", "interrupted", "pending"]
ErrorType = Literal["validation", "auth", "policy_denied", "approval_required",
                    "dependency_timeout", "dependency_unavailable", "conflict", "partial",
                    "unsafe_input", "internal"]
Step = Literal["validate", "plan", "gate", "apply", "verify"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ResultAction(_Strict):
    id: str
    kind: Literal["create", "update", "delete", "run"]
    target: str
    reason: str
    status: ActionStatus
    before: Any = None
    after: Any = None
    attempts: int = Field(default=0, ge=0)
    waits: list[float] = Field(default_factory=list, description="Seconds waited before each retry")
    error: str | None = None


class ResultPlan(_Strict):
    fingerprint: str | None = Field(pattern=r"^sha256:[0-9a-f]{64}$")
    actions: list[ResultAction]


class Summary(_Strict):
    planned: int = Field(ge=0)
    applied: int = Field(ge=0)
    unchanged: int = Field(ge=0)
    skipped: int = Field(ge=0)
    failed: int = Field(ge=0)


class ResultError(_Strict):
    type: ErrorType
    message: str
    retryable: bool
    step: Step | None = None


class Timing(_Strict):
    started_at: str
    finished_at: str
    duration_ms: int = Field(ge=0)


class PolicyDecision(_Strict):
    effect: Literal["allow", "deny", "require_approval"]
    rule: str = Field(description="The rule that decided, or 'default'")
    reason: str
    matched: list[str] = Field(description="Every rule that matched, in file order")
    approvals_required: int
    approvers: list[str]


class ResultDocument(_Strict):
    """What ``--format json`` prints: exactly one per command, on stdout."""

    schema_: Literal["opsctl.result/v1"] = Field(alias="schema")
    run_id: str | None
    automation: str | None
    contract_version: str | None = Field(description="The contract version that ran")
    requested_contract_version: str | None = Field(
        default=None, description="The version the caller asked for (older majors are upgraded)")
    mode: Literal["plan", "apply", "reconcile"]
    status: RunStatus
    exit_code: Literal[0, 1, 2, 3, 4, 5, 6, 7, 10, 130]
    actor: str | None
    idempotency_key: str | None
    replayed: bool
    request: dict[str, Any] | None
    plan: ResultPlan | None
    summary: Summary
    warnings: list[str]
    error: ResultError | None
    policy: PolicyDecision | None = Field(
        default=None, description="The policy decision at the gate; null when no policy is set")
    artifacts: dict[str, Any]
    timing: Timing


def result_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of the result document."""
    schema = ResultDocument.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://opsctl.dev/schemas/result-v1.json"
    schema["title"] = "opsctl result document v1"
    return schema
