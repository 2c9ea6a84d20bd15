"""Policy: ordered rules that allow, deny or require approval for a planned run.

A policy comes from ``policy.yaml`` (or ``.json``) or the ``[policy]`` table of ``opsctl.toml``
and is validated once, at load: an unknown condition, a wrong type, a bad time zone or time of
day is a :class:`~opsctl.errors.ConfigError` (exit 2) naming the source, the rule and the field,
e.g. ``policy.yaml: rule 'no-friday-deploys': match.freeze[0].timezone: unknown time zone
'Mars/Base'``. The schema is documented in ``docs/policy.md``.

:func:`evaluate` is a pure function of the policy and a :class:`PolicyInput` (automation,
contract version, request, actor, groups, the time, the planned actions): no I/O, no clock.
Every rule whose conditions all hold *matches*; the most restrictive matching decision wins
(deny > require_approval > allow), and the :class:`Decision` names the rule that decided, every
rule that matched, and per rule and condition why it did or did not hold.

The code is in four modules, one concept each; the rest of opsctl imports the names below
from here:

* :mod:`~opsctl.governance.policy_terms`: what a decision is asked (:class:`PolicyInput`) and
  what it answers (:class:`Decision` and its traces);
* :mod:`~opsctl.governance.policy_schema`: the policy document (:class:`Policy`, :class:`Rule`,
  :class:`Match`, :class:`TimeWindow`) and its validation;
* :mod:`~opsctl.governance.policy_conditions`: each match condition (:data:`CONDITIONS`);
* :mod:`~opsctl.governance.policy_evaluation`: deciding (:func:`evaluate`).
"""

from __future__ import annotations

from opsctl.governance.policy_conditions import CONDITIONS
from opsctl.governance.policy_evaluation import decide as evaluate
from opsctl.governance.policy_schema import GROUP_PREFIX, Match, Policy, Rule, TimeWindow
from opsctl.governance.policy_terms import (
    DEFAULT_RULE,
    ConditionTrace,
    Decision,
    Effect,
    PlanAction,
    PolicyInput,
    RuleTrace,
)

__all__ = [
    "CONDITIONS",
    "DEFAULT_RULE",
    "GROUP_PREFIX",
    "ConditionTrace",
    "Decision",
    "Effect",
    "Match",
    "PlanAction",
    "Policy",
    "PolicyInput",
    "Rule",
    "RuleTrace",
    "TimeWindow",
    "evaluate",
]
