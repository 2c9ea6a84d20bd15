"""Deciding: a policy's rules against one planned run, and the decision with its explanation.

:func:`decide` is a pure function of the policy and a :class:`PolicyInput` (automation,
contract version, request, actor, groups, the time, the planned actions): no I/O, no clock.
Every rule whose conditions all hold *matches*; the most restrictive matching decision wins
(deny > require_approval > allow), and the :class:`Decision` names the rule that decided, every
rule that matched, and per rule and condition why it did or did not hold (:class:`RuleTrace`,
:class:`ConditionTrace`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from opsctl.governance.policy_conditions import CONDITION_CHECKS, ConditionFacts

if TYPE_CHECKING:
    from opsctl.governance.policy_schema import Policy, Rule

Effect = Literal["allow", "deny", "require_approval"]

_RANK: dict[str, int] = {"allow": 0, "require_approval": 1, "deny": 2}
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


def decide(policy: Policy, inp: PolicyInput) -> Decision:
    """The decision of ``policy`` for one planned run (what :meth:`Policy.evaluate` returns).
    Pure: reads nothing but its arguments."""
    facts = ConditionFacts.of(inp, policy.groups_of(inp.actor, inp.groups))
    traces = tuple(_trace(rule, facts) for rule in policy.rules)
    matched = [rule for rule, trace in zip(policy.rules, traces, strict=True) if trace.matched]
    names = tuple(rule.name for rule in matched)
    if not matched:
        return Decision(effect=policy.default, rule=DEFAULT_RULE, matched=(), explain=traces,
                        reason=f"no policy rule matched; the default is {policy.default}")
    # Most restrictive effect first; among approvals, the most approvals, then the one that
    # refuses self-approval; file order breaks the remaining ties (min() keeps the first).
    winner = min(matched, key=lambda r: (-_RANK[r.decision], -_approval_weight(r)))
    if winner.decision != "require_approval":
        verb = "denied" if winner.decision == "deny" else "allowed"
        return Decision(effect=winner.decision, rule=winner.name, matched=names,
                        explain=traces,
                        reason=winner.reason or f"{verb} by policy rule {winner.name!r}")
    who = ", ".join(winner.approvers)
    return Decision(
        effect="require_approval", rule=winner.name, matched=names, explain=traces,
        reason=winner.reason or (f"policy rule {winner.name!r} requires {winner.approvals} "
                                 f"approval(s) from {who}"),
        approvals=winner.approvals, approvers=winner.approvers,
        allow_self_approval=winner.allow_self_approval,
        approval_ttl_s=winner.approval_ttl.total_seconds())


def _approval_weight(rule: Rule) -> int:
    if rule.decision != "require_approval":
        return 0
    return rule.approvals * 2 + (0 if rule.allow_self_approval else 1)


def _trace(rule: Rule, facts: ConditionFacts) -> RuleTrace:
    conditions = []
    for name, check in CONDITION_CHECKS.items():
        if getattr(rule.match, name) is not None:
            holds, detail = check(rule.match, facts)
            conditions.append(ConditionTrace(name, holds, detail))
    matched = all(c.holds for c in conditions)
    if not conditions:
        conditions.append(ConditionTrace("always", True, "no conditions: the rule always applies"))
    return RuleTrace(rule=rule.name, decision=rule.decision, matched=matched,
                     conditions=tuple(conditions))
