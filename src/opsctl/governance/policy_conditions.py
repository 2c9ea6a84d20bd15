"""The conditions of a policy rule's ``match``: what each one checks and how it explains itself.

Every condition is a plain function of the rule's :class:`~opsctl.governance.policy_schema.Match`
and the :class:`ConditionFacts` of one evaluation (the request, actor, groups, time and planned
actions), returning whether it holds and a sentence saying why: automation and contract version,
environment (``environment_field`` of the request), request fields, actor and groups, action
kinds, targets, counts of actions and deletes, blast radius, and the ``freeze`` and ``outside``
time windows (each in its own time zone). :data:`CONDITION_CHECKS` lists them in the order
evaluation and explanations follow.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opsctl.governance.policy_schema import Match, RequestScalar, TimeWindow
    from opsctl.governance.policy_terms import PolicyInput

_MISSING = object()


@dataclass(frozen=True)
class ConditionFacts:
    """What the conditions look at, computed once per evaluation."""

    inp: PolicyInput
    groups: frozenset[str]
    kinds: Counter[str]
    blast_radius: int

    @classmethod
    def of(cls, inp: PolicyInput, groups: frozenset[str]) -> ConditionFacts:
        return cls(inp=inp, groups=groups, kinds=Counter(a.kind for a in inp.actions),
                   blast_radius=sum(a.blast_radius for a in inp.actions))


def _lookup(request: Mapping[str, object], path: str) -> object:
    """A request field by dotted path (``target.region``), or _MISSING."""
    node: object = request
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return _MISSING
        node = node[part]
    return node


def _same(actual: object, expected: RequestScalar) -> bool:
    if isinstance(actual, bool) or isinstance(expected, bool):  # True is not 1 here
        return type(actual) is type(expected) and actual == expected
    return actual == expected


def matches_glob(value: str, pattern: str) -> bool:
    """A glob, or the very value it spells: GitHub's bots are `github:dependabot[bot]`, which
    as a glob alone would match `github:dependabotb` and not the bot."""
    return value == pattern or fnmatchcase(value, pattern)


def _glob(what: str, value: str, patterns: Sequence[str]) -> tuple[bool, str]:
    for pattern in patterns:
        if matches_glob(value, pattern):
            return True, f"{what} {value!r} matches {pattern!r}"
    return False, f"{what} {value!r} matches none of {list(patterns)}"


def _environment(m: Match, f: ConditionFacts, patterns: Sequence[str], listed: bool) -> tuple[bool, str]:
    value = _lookup(f.inp.request, m.environment_field)
    if not isinstance(value, str):
        # Missing counts as "not listed": an allow-list (not_environment) fails closed.
        return not listed, f"request.{m.environment_field} is missing or not a string"
    holds, detail = _glob(f"request.{m.environment_field}", value, patterns)
    return holds == listed, detail


def _request(m: Match, f: ConditionFacts) -> tuple[bool, str]:
    holds, parts = True, []
    for key, allowed in (m.request or {}).items():
        value = _lookup(f.inp.request, key)
        if value is _MISSING:
            holds = False
            parts.append(f"{key} is missing")
        elif any(_same(value, a) for a in allowed):
            parts.append(f"{key}={value!r} is one of {list(allowed)}")
        else:
            holds = False
            parts.append(f"{key}={value!r} is not one of {list(allowed)}")
    return holds, "; ".join(parts)


def _group(names: Sequence[str], f: ConditionFacts, listed: bool) -> tuple[bool, str]:
    hits = [name for name in names if name in f.groups]
    if hits:
        return listed, f"actor {f.inp.actor!r} is in group {hits[0]!r}"
    return not listed, f"actor {f.inp.actor!r} is in none of {list(names)}"


def _kinds(kinds: Sequence[str], f: ConditionFacts) -> tuple[bool, str]:
    present = [f"{f.kinds[k]} {k}" for k in kinds if f.kinds[k]]
    if present:
        return True, "plan has " + ", ".join(present) + " action(s)"
    return False, f"plan has no {' or '.join(kinds)} action"


def _targets(patterns: Sequence[str], f: ConditionFacts) -> tuple[bool, str]:
    for action in f.inp.actions:
        for pattern in patterns:
            if matches_glob(action.target, pattern):
                return True, f"target {action.target!r} of {action.id!r} matches {pattern!r}"
    return False, f"no target matches any of {list(patterns)}"


def _not(result: tuple[bool, str]) -> tuple[bool, str]:
    return not result[0], result[1]


def _over(what: str, count: int, limit: int) -> tuple[bool, str]:
    return (True, f"{count} {what} > {limit}") if count > limit else (
        False, f"{count} {what} <= {limit}")


def _windows(key: str, windows: Sequence[TimeWindow], f: ConditionFacts, inside: bool) -> tuple[bool, str]:
    for index, window in enumerate(windows):
        if window.contains(f.inp.now):
            return inside, (f"{window.local_time(f.inp.now)} is inside {key}[{index}] "
                            f"({window.describe()})")
    return not inside, f"{f.inp.now.isoformat()} is outside every {key} window"


# Condition name -> check; evaluation and explanations follow this order.
CONDITION_CHECKS: dict[str, Callable[[Match, ConditionFacts], tuple[bool, str]]] = {
    "automation": lambda m, f: _glob("automation", f.inp.automation, m.automation or ()),
    "contract_version": lambda m, f: _glob("contract version", f.inp.contract_version,
                                           m.contract_version or ()),
    "environment": lambda m, f: _environment(m, f, m.environment or (), True),
    "not_environment": lambda m, f: _environment(m, f, m.not_environment or (), False),
    "request": _request,
    "actor": lambda m, f: _glob("actor", f.inp.actor, m.actor or ()),
    "not_actor": lambda m, f: _not(_glob("actor", f.inp.actor, m.not_actor or ())),
    "group": lambda m, f: _group(m.group or (), f, True),
    "not_group": lambda m, f: _group(m.not_group or (), f, False),
    "kinds": lambda m, f: _kinds(m.kinds or (), f),
    "targets": lambda m, f: _targets(m.targets or (), f),
    "max_actions": lambda m, f: _over("actions", len(f.inp.actions), m.max_actions or 0),
    "max_deletes": lambda m, f: _over("deletes", f.kinds["delete"], m.max_deletes or 0),
    "blast_radius_over": lambda m, f: _over("blast radius", f.blast_radius,
                                            m.blast_radius_over or 0),
    "freeze": lambda m, f: _windows("freeze", m.freeze or (), f, True),
    "outside": lambda m, f: _windows("outside", m.outside or (), f, False),
}
CONDITIONS: tuple[str, ...] = tuple(CONDITION_CHECKS)
