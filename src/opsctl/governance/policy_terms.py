"""The terms of a policy decision: what it is asked about (:class:`PolicyInput`, each
:class:`PlanAction`) and what it answers (:class:`Decision`, with a :class:`RuleTrace` and
:class:`ConditionTrace` per rule and condition). Plain data: the schema, the conditions and the
evaluation all speak it, and it depends on none of them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Effect = Literal["allow", "deny", "require_approval"]

DEFAULT_RULE = "default"  # what Decision.rule says when no rule matched


# -- evaluation input and output -------------------------------------------------------------

@dataclass(frozen=True)
class PlanAction:
    """What policy sees of one planned action. ``blast_radius`` is what the automation declares
    the action may affect (hosts, volumes, users...); 1 when it declares nothing."""

    id: str
    kind: str
    target: str
    blast_radius: int = 1

    def __post_init__(self) -> None:
        if isinstance(self.blast_radius, bool) or not isinstance(self.blast_radius, int) \
                or self.blast_radius < 0:
            raise ValueError(f"action {self.id!r}: blast_radius must be an integer >= 0")

    @classmethod
    def from_mapping(cls, raw: Mapping[str, object]) -> PlanAction:
        """From an action document (``Action.to_dict()``, a saved plan): ``blast_radius`` is
        read from the action itself or from its ``data``; ValueError when it is not an integer
        >= 0 (the automation broke its contract)."""
        data = raw.get("data")
        radius = raw.get("blast_radius")
        if radius is None and isinstance(data, Mapping):
            radius = data.get("blast_radius")
        if radius is None:
            radius = 1
        if isinstance(radius, bool) or not isinstance(radius, int):
            raise ValueError(f"action {raw.get('id')!r}: blast_radius must be an integer >= 0")
        return cls(id=str(raw["id"]), kind=str(raw["kind"]), target=str(raw["target"]),
                   blast_radius=radius)


@dataclass(frozen=True)
class PolicyInput:
    """Everything a decision may depend on. ``groups`` are the actor's groups known from
    outside the policy; the policy's own ``groups`` are added when it evaluates."""

    automation: str
    contract_version: str
    request: Mapping[str, object]
    actor: str
    now: datetime
    actions: Sequence[PlanAction] = ()
    groups: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.now.tzinfo is None or self.now.utcoffset() is None:
            raise ValueError("PolicyInput.now must be timezone-aware")


@dataclass(frozen=True)
class ConditionTrace:
    condition: str
    holds: bool
    detail: str

    def to_dict(self) -> dict[str, object]:
        return {"condition": self.condition, "holds": self.holds, "detail": self.detail}


@dataclass(frozen=True)
class RuleTrace:
    """Why one rule matched or not: every condition it has, each with the fact it saw."""

    rule: str
    decision: Effect
    matched: bool
    conditions: tuple[ConditionTrace, ...]

    def to_dict(self) -> dict[str, object]:
        return {"rule": self.rule, "decision": self.decision, "matched": self.matched,
                "conditions": [c.to_dict() for c in self.conditions]}


@dataclass(frozen=True)
class Decision:
    """The outcome of a policy evaluation. ``rule`` is the deciding rule, or ``"default"``."""

    effect: Effect
    rule: str
    reason: str
    matched: tuple[str, ...] = ()
    approvals: int = 0
    approvers: tuple[str, ...] = ()
    allow_self_approval: bool = False
    approval_ttl_s: float = 0.0
    explain: tuple[RuleTrace, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready form, for result documents and the audit log."""
        return {
            "effect": self.effect,
            "rule": self.rule,
            "reason": self.reason,
            "matched": list(self.matched),
            "approvals": self.approvals,
            "approvers": list(self.approvers),
            "allow_self_approval": self.allow_self_approval,
            "approval_ttl_s": self.approval_ttl_s,
            "explain": [t.to_dict() for t in self.explain],
        }
