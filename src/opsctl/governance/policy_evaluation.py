"""Deciding: a policy's rules against one planned run, and the decision with its explanation.

:func:`decide` is a pure function of the policy and a :class:`PolicyInput` (automation,
contract version, request, actor, groups, the time, the planned actions): no I/O, no clock.
Every rule whose conditions all hold *matches*; the most restrictive matching decision wins
(deny > require_approval > allow), and the :class:`Decision` names the rule that decided, every
rule that matched, and per rule and condition why it did or did not hold (:class:`RuleTrace`,
:class:`ConditionTrace`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opsctl.governance.policy_conditions import CONDITION_CHECKS, ConditionFacts
from opsctl.governance.policy_terms import (
    DEFAULT_RULE,
    ConditionTrace,
    Decision,
    PolicyInput,
    RuleTrace,
)

if TYPE_CHECKING:
    from opsctl.governance.policy_schema import Policy, Rule

_RANK: dict[str, int] = {"allow": 0, "require_approval": 1, "deny": 2}


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
