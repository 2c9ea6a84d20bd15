"""The policy engine: loading and validating policy files, conditions, time windows, decisions."""

from __future__ import annotations

import json
import re
import textwrap
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, Field, SecretStr

from opsctl.contract.automation import Action
from opsctl.errors import ConfigError, DeniedError, UsageError
from opsctl.governance.gate import Governance, decide, enforce, with_aliases
from opsctl.governance.policy import Decision, PlanAction, Policy, PolicyInput, evaluate
from opsctl.governance.policy_file import load_policy_file, policy_from_mapping

DOCS = Path(__file__).resolve().parents[2] / "docs" / "policy.md"
BERLIN = ZoneInfo("Europe/Berlin")
WEDNESDAY_NOON = datetime(2026, 1, 7, 12, 0, tzinfo=UTC)


def actions(*kinds: str, radius: int = 1) -> tuple[PlanAction, ...]:
    return tuple(PlanAction(f"a{i}", kind, f"web/{i}", radius) for i, kind in enumerate(kinds))


def make_input(**changes: Any) -> PolicyInput:
    base = PolicyInput(
        automation="deploy-web",
        contract_version="2.1.0",
        request={"environment": "prod", "region": "eu-west-1", "dry_run": False,
                 "target": {"env": "staging"}},
        actor="alice",
        now=WEDNESDAY_NOON,
        actions=actions("update"),
    )
    return replace(base, **changes)


def policy(*rules: Mapping[str, object], external_groups: frozenset[str] = frozenset(),
           **top: object) -> Policy:
    return policy_from_mapping({"version": 1, **top, "rules": list(rules)}, "policy.yaml",
                               external_groups=external_groups)


def deny_when(**match: object) -> Policy:
    """A deny rule of ``match``; groups sre and security in the policy, oncall configured."""
    return policy({"name": "r", "decision": "deny", "match": match},
                  groups={"sre": ["alice"], "security": ["carol"]},
                  external_groups=frozenset({"oncall"}))


def write(tmp_path: Path, text: str, name: str = "policy.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


# -- conditions ------------------------------------------------------------------------------

ConditionCase = tuple[dict[str, object], dict[str, Any], bool, str]
CONDITION_CASES: list[ConditionCase] = [
    # (match, input changes, holds, detail)
    ({"automation": ["deploy-*"]}, {}, True, "automation 'deploy-web' matches 'deploy-*'"),
    ({"automation": "db-*"}, {}, False, "automation 'deploy-web' matches none of ['db-*']"),
    ({"contract_version": ["1.*", "2.*"]}, {}, True, "contract version '2.1.0' matches '2.*'"),
    ({"contract_version": "1.*"}, {}, False, "contract version '2.1.0' matches none of ['1.*']"),
    ({"environment": ["staging", "prod"]}, {}, True, "request.environment 'prod' matches 'prod'"),
    ({"environment": ["staging", "dev-*"]}, {}, False, "matches none of ['staging', 'dev-*']"),
    ({"environment": "prod"}, {"request": {}}, False,
     "request.environment is missing or not a string"),
    ({"not_environment": ["staging", "dev-*"]}, {}, True, "matches none of ['staging', 'dev-*']"),
    ({"not_environment": ["prod"]}, {}, False, "request.environment 'prod' matches 'prod'"),
    ({"not_environment": ["prod"]}, {"request": {"environment": 3}}, True,
     "request.environment is missing or not a string"),
    ({"environment_field": "target.env", "environment": "staging"}, {}, True,
     "request.target.env 'staging' matches 'staging'"),
    ({"environment_field": "target.env", "environment": "prod"}, {}, False,
     "request.target.env 'staging' matches none of ['prod']"),
    ({"request": {"region": ["eu-west-1", "eu-central-1"]}}, {}, True,
     "region='eu-west-1' is one of ['eu-west-1', 'eu-central-1']"),
    ({"request": {"region": "us-east-1"}}, {}, False,
     "region='eu-west-1' is not one of ['us-east-1']"),
    ({"request": {"dry_run": False, "target.env": "staging"}}, {}, True,
     "dry_run=False is one of [False]; target.env='staging' is one of ['staging']"),
    ({"request": {"dry_run": 0}}, {}, False, "dry_run=False is not one of [0]"),
    ({"request": {"tier": None}}, {}, False, "tier is missing"),
    ({"request": {"tier": None}}, {"request": {"tier": None}}, True, "tier=None is one of [None]"),
    ({"actor": ["ali*"]}, {}, True, "actor 'alice' matches 'ali*'"),
    ({"actor": "bob"}, {}, False, "actor 'alice' matches none of ['bob']"),
    ({"not_actor": ["bob", "carol"]}, {}, True, "actor 'alice' matches none of ['bob', 'carol']"),
    ({"not_actor": "alice"}, {}, False, "actor 'alice' matches 'alice'"),
    ({"actor": "github:dependabot[bot]"}, {"actor": "github:dependabot[bot]"}, True,
     "actor 'github:dependabot[bot]' matches 'github:dependabot[bot]'"),
    ({"not_actor": "github:renovate[bot]"}, {"actor": "github:renovate[bot]"}, False,
     "actor 'github:renovate[bot]' matches 'github:renovate[bot]'"),
    ({"targets": "db[0]"}, {"actions": (PlanAction("a0", "delete", "db[0]"),)}, True,
     "target 'db[0]' of 'a0' matches 'db[0]'"),
    ({"group": ["security", "sre"]}, {}, True, "actor 'alice' is in group 'sre'"),
    ({"group": "oncall"}, {"groups": frozenset({"oncall"})}, True,
     "actor 'alice' is in group 'oncall'"),
    ({"group": "security"}, {}, False, "actor 'alice' is in none of ['security']"),
    ({"not_group": "security"}, {}, True, "actor 'alice' is in none of ['security']"),
    ({"not_group": "sre"}, {}, False, "actor 'alice' is in group 'sre'"),
    ({"kinds": ["create", "delete"]}, {"actions": actions("delete", "delete", "update")}, True,
     "plan has 2 delete action(s)"),
    ({"kinds": "create"}, {}, False, "plan has no create action"),
    ({"targets": ["db/*", "web/*"]}, {}, True, "target 'web/0' of 'a0' matches 'web/*'"),
    ({"targets": "db/*"}, {}, False, "no target matches any of ['db/*']"),
    ({"max_actions": 2}, {"actions": actions("run", "run", "run")}, True, "3 actions > 2"),
    ({"max_actions": 3}, {"actions": actions("run", "run", "run")}, False, "3 actions <= 3"),
    ({"max_deletes": 10}, {"actions": actions(*["delete"] * 12)}, True, "12 deletes > 10"),
    ({"max_deletes": 10}, {"actions": actions(*["delete"] * 10, "create")}, False,
     "10 deletes <= 10"),
    ({"blast_radius_over": 50}, {"actions": actions("update", "update", radius=30)}, True,
     "60 blast radius > 50"),
    ({"blast_radius_over": 3}, {"actions": actions("run", "run", "run")}, False,
     "3 blast radius <= 3"),
    ({"freeze": {"timezone": "UTC", "weekdays": "wed"}}, {}, True,
     "wed 2026-01-07 12:00 UTC is inside freeze[0] (wed UTC)"),
    ({"freeze": [{"timezone": "UTC", "weekdays": ["fri"]}]}, {}, False,
     "2026-01-07T12:00:00+00:00 is outside every freeze window"),
    ({"outside": [{"timezone": "UTC", "start": "22:00", "end": "04:00"}]}, {}, True,
     "is outside every outside window"),
    ({"outside": [{"timezone": "UTC", "start": "09:00", "end": "17:00"}]}, {}, False,
     "wed 2026-01-07 12:00 UTC is inside outside[0] (09:00-17:00 UTC)"),
]


def _case_id(case: ConditionCase) -> str:
    match, changes, holds, _ = case
    keys = "+".join(k for k in match if k != "environment_field")
    extra = "-with-" + "+".join(changes) if changes else ""
    return f"{keys}{extra}-{'holds' if holds else 'fails'}"


@pytest.mark.parametrize(("match", "changes", "holds", "detail"), CONDITION_CASES,
                         ids=[_case_id(c) for c in CONDITION_CASES])
def test_condition(match: dict[str, object], changes: dict[str, Any], holds: bool,
                   detail: str) -> None:
    decision = evaluate(deny_when(**match), make_input(**changes))

    assert decision.effect == ("deny" if holds else "allow")
    assert decision.rule == ("r" if holds else "default")
    (trace,) = decision.explain
    assert trace.matched is holds
    (condition,) = trace.conditions
    assert condition.condition == next(k for k in match if k != "environment_field")
    assert condition.holds is holds
    assert detail in condition.detail


def test_every_condition_has_a_case() -> None:
    from opsctl.governance.policy import CONDITIONS

    covered = {key for match, *_ in CONDITION_CASES for key in match}
    assert set(CONDITIONS) <= covered


def test_all_conditions_must_hold_and_each_is_explained() -> None:
    rules = deny_when(environment="prod", actor="bob", max_actions=0)

    decision = evaluate(rules, make_input())

    assert decision.effect == "allow"
    (trace,) = decision.explain
    assert [(c.condition, c.holds) for c in trace.conditions] == [
        ("environment", True), ("actor", False), ("max_actions", True)]


def test_a_rule_without_conditions_always_matches() -> None:
    decision = evaluate(policy({"name": "everything", "decision": "deny"}), make_input())

    assert (decision.effect, decision.rule) == ("deny", "everything")
    assert [c.condition for c in decision.explain[0].conditions] == ["always"]


# -- time windows ----------------------------------------------------------------------------

FRIDAY_EVENING_BERLIN = {"timezone": "Europe/Berlin", "weekdays": ["fri"], "start": "17:00"}
FRIDAY_NIGHT_UTC = {"timezone": "UTC", "weekdays": ["fri"], "start": "22:00", "end": "02:00"}
YEAR_END_BERLIN = {"timezone": "Europe/Berlin", "from": "2026-12-20", "until": "2027-01-03"}
OFFICE_HOURS = {"timezone": "UTC", "start": "09:00", "end": "17:00"}


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(("window", "now", "inside"), [
    (FRIDAY_EVENING_BERLIN, utc("2026-01-09T16:30"), True),  # 17:30 CET
    (FRIDAY_EVENING_BERLIN, utc("2026-01-09T16:30").astimezone(BERLIN), True),
    (FRIDAY_EVENING_BERLIN, utc("2026-01-09T16:30").astimezone(timezone(timedelta(hours=-7))),
     True),
    (FRIDAY_EVENING_BERLIN, utc("2026-01-09T15:59"), False),  # 16:59 CET
    (FRIDAY_EVENING_BERLIN, utc("2026-01-09T16:00"), True),  # 17:00 CET, start is inclusive
    (FRIDAY_EVENING_BERLIN, utc("2026-01-09T22:59"), True),  # 23:59 CET
    (FRIDAY_EVENING_BERLIN, utc("2026-01-09T23:00"), False),  # Saturday 00:00 CET
    (FRIDAY_EVENING_BERLIN, utc("2026-07-10T15:30"), True),  # 17:30 CEST
    (FRIDAY_EVENING_BERLIN, utc("2026-07-10T14:30"), False),  # 16:30 CEST
    ({**FRIDAY_EVENING_BERLIN, "timezone": "UTC"}, utc("2026-01-09T16:30"), False),
    (FRIDAY_NIGHT_UTC, utc("2026-01-09T23:00"), True),
    (FRIDAY_NIGHT_UTC, utc("2026-01-10T01:59"), True),  # Saturday, in Friday's window
    (FRIDAY_NIGHT_UTC, utc("2026-01-10T02:00"), False),  # end is exclusive
    (FRIDAY_NIGHT_UTC, utc("2026-01-10T23:00"), False),  # Saturday's evening is not Friday's
    (FRIDAY_NIGHT_UTC, utc("2026-01-09T01:00"), False),  # Thursday's window is not open
    (FRIDAY_NIGHT_UTC, utc("2026-01-09T21:59"), False),
    (YEAR_END_BERLIN, utc("2026-12-19T23:30"), True),  # 2026-12-20 00:30 in Berlin
    (YEAR_END_BERLIN, utc("2026-12-19T22:30"), False),  # 2026-12-19 23:30 in Berlin
    (YEAR_END_BERLIN, utc("2027-01-03T22:59"), True),  # 2027-01-03 23:59 in Berlin
    (YEAR_END_BERLIN, utc("2027-01-03T23:00"), False),  # 2027-01-04 00:00 in Berlin
    (OFFICE_HOURS, utc("2026-01-07T16:59:59"), True),
    (OFFICE_HOURS, utc("2026-01-07T17:00"), False),
    (OFFICE_HOURS, utc("2026-01-07T08:59:59"), False),
    ({"timezone": "UTC", "end": "24:00", "start": "23:00"}, utc("2026-01-07T23:59:59"), True),
    ({"timezone": "UTC", "end": "06:00"}, utc("2026-01-07T05:59"), True),
    ({"timezone": "UTC", "end": "06:00"}, utc("2026-01-07T06:00"), False),
    ({"timezone": "UTC", "weekdays": ["Friday", "SAT"]}, utc("2026-01-10T12:00"), True),
    ({"timezone": "Asia/Kolkata"}, utc("2026-01-07T12:00"), True),  # only a zone: always
    ({**FRIDAY_NIGHT_UTC, "from": "2026-01-09", "until": "2026-01-09"}, utc("2026-01-10T01:00"),
     True),  # the date is the day the window opened
    ({**FRIDAY_NIGHT_UTC, "from": "2026-01-10"}, utc("2026-01-10T01:00"), False),
], ids=[
    "berlin-fri-17:30-as-utc", "berlin-fri-17:30-as-berlin", "berlin-fri-17:30-as-minus7",
    "berlin-fri-16:59", "berlin-fri-17:00", "berlin-fri-23:59", "berlin-sat-00:00",
    "berlin-summer-17:30", "berlin-summer-16:30", "utc-window-same-instant",
    "overnight-fri-23:00", "overnight-sat-01:59", "overnight-sat-02:00", "overnight-sat-23:00",
    "overnight-fri-01:00-thursdays-window", "overnight-fri-21:59",
    "dates-first-minute", "dates-day-before", "dates-last-minute", "dates-day-after",
    "hours-before-end", "hours-at-end", "hours-before-start", "end-24:00", "end-only-inside",
    "end-only-at-end", "weekday-full-name", "zone-only-always", "overnight-dated-by-start",
    "overnight-before-from",
])
def test_freeze_window(window: dict[str, object], now: datetime, inside: bool) -> None:
    frozen = deny_when(freeze=[window])
    open_only = deny_when(outside=[window])

    assert evaluate(frozen, make_input(now=now)).effect == ("deny" if inside else "allow")
    assert evaluate(open_only, make_input(now=now)).effect == ("allow" if inside else "deny")


def test_any_freeze_window_is_enough() -> None:
    rules = deny_when(freeze=[FRIDAY_NIGHT_UTC, OFFICE_HOURS])

    decision = evaluate(rules, make_input())

    assert decision.effect == "deny"
    assert "inside freeze[1] (09:00-17:00 UTC)" in decision.explain[0].conditions[0].detail


# -- combining decisions ---------------------------------------------------------------------

DENY = {"name": "deny-prod", "decision": "deny", "match": {"environment": "prod"}}
ALLOW = {"name": "allow-alice", "decision": "allow", "match": {"actor": "alice"}}
ONE = {"name": "one-approval", "decision": "require_approval", "approvers": ["bob"]}
THREE = {"name": "three-approvals", "decision": "require_approval", "approvers": ["bob"],
         "approvals": 3}
TWO_SELF = {"name": "two-self", "decision": "require_approval", "approvers": ["bob"],
            "approvals": 2, "allow_self_approval": True}
TWO_STRICT = {"name": "two-strict", "decision": "require_approval", "approvers": ["carol"],
              "approvals": 2, "approval_ttl": "30m"}
NEVER = {"name": "never", "decision": "deny", "match": {"actor": "nobody"}}


@pytest.mark.parametrize(("rules", "default", "effect", "rule", "matched"), [
    ([ALLOW, ONE, DENY], "allow", "deny", "deny-prod", ["allow-alice", "one-approval", "deny-prod"]),
    ([ALLOW, ONE], "allow", "require_approval", "one-approval", ["allow-alice", "one-approval"]),
    ([ONE, THREE, ALLOW], "allow", "require_approval", "three-approvals",
     ["one-approval", "three-approvals", "allow-alice"]),
    ([TWO_SELF, TWO_STRICT], "allow", "require_approval", "two-strict", ["two-self", "two-strict"]),
    ([TWO_STRICT, {**TWO_STRICT, "name": "two-strict-again"}], "allow", "require_approval",
     "two-strict", ["two-strict", "two-strict-again"]),
    ([DENY, {**DENY, "name": "deny-again"}], "allow", "deny", "deny-prod",
     ["deny-prod", "deny-again"]),
    ([ALLOW, {**ALLOW, "name": "allow-again"}], "deny", "allow", "allow-alice",
     ["allow-alice", "allow-again"]),
    ([NEVER], "deny", "deny", "default", []),
    ([NEVER], "allow", "allow", "default", []),
    ([], "deny", "deny", "default", []),
    ([], "allow", "allow", "default", []),
], ids=[
    "deny-beats-everything", "approval-beats-allow", "most-approvals-decides",
    "refusing-self-approval-breaks-a-tie", "file-order-breaks-the-rest", "first-deny-decides",
    "allow-overrides-default-deny", "default-deny", "default-allow", "no-rules-default-deny",
    "no-rules-default-allow",
])
def test_combination(rules: list[dict[str, object]], default: str, effect: str, rule: str,
                     matched: list[str]) -> None:
    decision = evaluate(policy(*rules, default=default), make_input())

    assert (decision.effect, decision.rule, list(decision.matched)) == (effect, rule, matched)
    assert [t.rule for t in decision.explain] == [r["name"] for r in rules]


def test_approval_decision_carries_the_requirement_of_the_deciding_rule() -> None:
    decision = evaluate(policy(ONE, TWO_STRICT), make_input())

    assert decision.effect == "require_approval"
    assert (decision.approvals, decision.approvers) == (2, ("carol",))
    assert decision.allow_self_approval is False
    assert decision.approval_ttl_s == 1800.0
    assert decision.reason == "policy rule 'two-strict' requires 2 approval(s) from carol"


@pytest.mark.parametrize(("rule", "reason"), [
    ({**DENY, "reason": "prod is closed"}, "prod is closed"),
    (DENY, "denied by policy rule 'deny-prod'"),
    (ALLOW, "allowed by policy rule 'allow-alice'"),
    (NEVER, "no policy rule matched; the default is allow"),
], ids=["own-reason", "deny", "allow", "default"])
def test_reason(rule: dict[str, object], reason: str) -> None:
    decision = evaluate(policy(rule), make_input())

    assert decision.reason == reason
    assert (decision.approvals, decision.approvers, decision.approval_ttl_s) == (0, (), 0.0)


def test_decision_is_json_ready() -> None:
    rules = policy(DENY, ONE, {**TWO_STRICT, "match": {"freeze": FRIDAY_NIGHT_UTC}})
    decision = evaluate(rules, make_input())

    doc = decision.to_dict()

    assert json.loads(json.dumps(doc)) == doc
    assert doc["effect"] == "deny"
    assert doc["matched"] == ["deny-prod", "one-approval"]
    explain = doc["explain"]
    assert isinstance(explain, list)
    assert [t["matched"] for t in explain] == [True, True, False]


def test_evaluation_is_repeatable() -> None:
    rules = policy(DENY, ONE, {**TWO_STRICT, "match": {"freeze": FRIDAY_NIGHT_UTC}})
    inp = make_input()

    assert evaluate(rules, inp) == evaluate(rules, inp)


# -- groups and approvers --------------------------------------------------------------------

APPROVAL_POLICY = {
    "groups": {"sre": ["alice", "bob"], "security": ["carol"]},
    "rules": [{"name": "needs-sre", "decision": "require_approval",
               "approvers": ["group:sre", "dave"]}],
}


def test_group_membership() -> None:
    rules = policy_from_mapping({"version": 1, **APPROVAL_POLICY}, "policy.yaml")

    assert rules.members("sre") == frozenset({"alice", "bob"})
    assert rules.members("nobody") == frozenset()
    assert rules.is_member("carol", "security")
    assert not rules.is_member("carol", "sre")
    assert rules.is_member("carol", "oncall", frozenset({"oncall"}))
    assert rules.groups_of("alice", frozenset({"oncall"})) == frozenset({"sre", "oncall"})


@pytest.mark.parametrize(("approver", "requester", "self_ok", "groups", "counts"), [
    ("bob", "alice", False, frozenset(), True),
    ("dave", "alice", False, frozenset(), True),
    ("carol", "alice", False, frozenset(), False),
    ("erin", "alice", False, frozenset({"sre"}), True),
    ("alice", "alice", False, frozenset(), False),
    ("alice", "alice", True, frozenset(), True),
], ids=["group-member", "listed-actor", "not-listed", "member-by-configured-groups",
        "self-approval-refused", "self-approval-allowed"])
def test_can_approve(approver: str, requester: str, self_ok: bool, groups: frozenset[str],
                     counts: bool) -> None:
    rules = policy_from_mapping({"version": 1, **APPROVAL_POLICY}, "policy.yaml")
    decision = replace(evaluate(rules, make_input(actor=requester)), allow_self_approval=self_ok)

    assert rules.can_approve(decision, approver, requester=requester,
                             approver_groups=groups) is counts


def test_nobody_approves_a_decision_that_needs_no_approval() -> None:
    rules = policy_from_mapping({"version": 1, **APPROVAL_POLICY}, "policy.yaml")
    decision = Decision(effect="deny", rule="x", reason="no")

    assert not rules.can_approve(decision, "bob", requester="alice")


@pytest.mark.parametrize(("approvers", "normalised"), [
    ("sre", ("group:sre",)),
    ("group:sre", ("group:sre",)),
    (["group:sre", "dave"], ("group:sre", "dave")),
], ids=["group-name", "group-ref", "list"])
def test_approvers_forms(approvers: object, normalised: tuple[str, ...]) -> None:
    rules = policy({"name": "r", "decision": "require_approval", "approvers": approvers},
                   groups={"sre": ["alice"]})

    assert evaluate(rules, make_input()).approvers == normalised


# -- input -----------------------------------------------------------------------------------

def test_plan_action_from_an_action_document() -> None:
    action = Action(id="vol-1", kind="delete", target="ebs/vol-1", reason="stale",
                    data={"blast_radius": 7})

    assert PlanAction.from_mapping(action.to_dict()) == PlanAction("vol-1", "delete",
                                                                   "ebs/vol-1", 7)
    assert PlanAction.from_mapping({"id": "x", "kind": "run", "target": "t"}).blast_radius == 1
    assert PlanAction.from_mapping({"id": "x", "kind": "run", "target": "t",
                                    "blast_radius": 3}).blast_radius == 3


@pytest.mark.parametrize("radius", [-1, "3", True, 2.5], ids=["negative", "text", "bool", "float"])
def test_plan_action_refuses_a_bad_blast_radius(radius: object) -> None:
    with pytest.raises(ValueError, match="blast_radius must be an integer >= 0"):
        PlanAction.from_mapping({"id": "x", "kind": "run", "target": "t", "blast_radius": radius})


def test_policy_input_needs_an_aware_time() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        make_input(now=datetime(2026, 1, 7, 12, 0))


# -- loading ---------------------------------------------------------------------------------

def test_yaml_file_with_unquoted_times_and_dates(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        version: 1
        rules:
          - name: friday-evening
            decision: deny
            match:
              freeze:
                - timezone: Europe/Berlin
                  weekdays: [fri]
                  start: 17:00
                  end: 09:30
                  from: 2026-01-01
    """)

    rules = load_policy_file(path)

    (window,) = rules.rules[0].match.freeze or ()
    assert (window.start, window.end, str(window.from_)) == ("17:00", "09:30", "2026-01-01")


def test_json_file(tmp_path: Path) -> None:
    doc = {"version": 1, "default": "deny",
           "rules": [{"name": "staging", "decision": "allow",
                      "match": {"environment": "staging"}}]}
    path = write(tmp_path, json.dumps(doc, indent=2), name="policy.json")

    rules = load_policy_file(path)

    assert rules.default == "deny"
    assert evaluate(rules, make_input()).rule == "default"
    assert evaluate(rules, make_input(request={"environment": "staging"})).rule == "staging"


def test_toml_policy_table() -> None:
    data = tomllib.loads(textwrap.dedent("""\
        [policy]
        version = 1

        [[policy.rules]]
        name = "night"
        decision = "deny"

        [[policy.rules.match.freeze]]
        timezone = "UTC"
        start = 22:00:00
        end = 06:00:00
        until = 2026-12-31
    """))

    rules = policy_from_mapping(data["policy"], "opsctl.toml [policy]")

    assert evaluate(rules, make_input(now=utc("2026-01-07T23:00"))).effect == "deny"
    assert evaluate(rules, make_input(now=utc("2026-01-07T12:00"))).effect == "allow"


def test_configured_groups_satisfy_approver_references() -> None:
    doc = {"version": 1, "groups": {"sre": ["alice"]},
           "rules": [{"name": "r", "decision": "require_approval", "approvers": "oncall"}]}

    rules = policy_from_mapping(doc, "policy.yaml", external_groups={"oncall"})

    assert rules.rules[0].approvers == ("group:oncall",)


BAD_POLICIES = [
    # (id, YAML text, the message after "<path>: ")
    ("unknown-condition", """\
        version: 1
        rules:
          - name: big-runs
            decision: deny
            match: {max_action: 3}
     """, "rule 'big-runs': match.max_action: unknown condition (known: automation, "
          "contract_version, environment, not_environment, environment_field, request, actor, "
          "not_actor, group, not_group, kinds, targets, max_actions, max_deletes, "
          "blast_radius_over, freeze, outside)"),
    ("unknown-rule-field", """\
        version: 1
        rules: [{name: r, decision: deny, desc: typo}]
     """, "rule 'r': desc: unknown field (known: name, description, match, decision, reason, "
          "approvals, approvers, allow_self_approval, approval_ttl)"),
    ("unknown-window-field", """\
        version: 1
        rules: [{name: r, decision: deny, match: {freeze: [{timezone: UTC, to: "2026-01-01"}]}}]
     """, "rule 'r': match.freeze[0].to: unknown field (known: timezone, weekdays, start, end, "
          "from, until)"),
    ("unknown-top-level-key", "version: 1\nrulez: []\n",
     "rulez: unknown field (known: version, default, groups, rules)"),
    ("wrong-type-count", """\
        version: 1
        rules: [{name: r, decision: deny, match: {max_deletes: "10"}}]
     """, "rule 'r': match.max_deletes: Input should be a valid integer (got '10')"),
    ("wrong-type-bool-count", """\
        version: 1
        rules: [{name: r, decision: deny, match: {max_actions: true}}]
     """, "rule 'r': match.max_actions: Input should be a valid integer (got True)"),
    ("negative-count", """\
        version: 1
        rules: [{name: r, decision: deny, match: {blast_radius_over: -1}}]
     """, "rule 'r': match.blast_radius_over: Input should be greater than or equal to 0"),
    ("wrong-type-glob", """\
        version: 1
        rules: [{name: r, decision: deny, match: {actor: [7]}}]
     """, "rule 'r': match.actor[0]: Input should be a valid string (got 7)"),
    ("wrong-type-self-approval", """\
        version: 1
        rules: [{name: r, decision: require_approval, approvers: [bob],
                 allow_self_approval: "sure"}]
     """, "rule 'r': allow_self_approval: Input should be a valid boolean (got 'sure')"),
    ("wrong-type-request-value", """\
        version: 1
        rules: [{name: r, decision: deny, match: {request: {region: {a: 1}}}}]
     """, "rule 'r': match.request.region: expected a string, number, boolean or null, or a "
          "list of them"),
    ("bad-time-zone", """\
        version: 1
        rules:
          - name: no-friday-deploys
            decision: deny
            match:
              freeze: [{timezone: Mars/Base, weekdays: [fri]}]
     """, "rule 'no-friday-deploys': match.freeze[0].timezone: unknown time zone 'Mars/Base': "
          "use an IANA name such as Europe/Berlin or UTC"),
    ("time-zone-path", """\
        version: 1
        rules: [{name: r, decision: deny, match: {outside: {timezone: ../../etc/passwd}}}]
     """, "rule 'r': match.outside[0].timezone: unknown time zone '../../etc/passwd'"),
    ("time-zone-of-the-host", """\
        version: 1
        rules: [{name: r, decision: deny, match: {freeze: {timezone: localtime}}}]
     """, "rule 'r': match.freeze[0].timezone: unknown time zone 'localtime': use an IANA name"),
    ("time-zone-posixrules", """\
        version: 1
        rules: [{name: r, decision: deny, match: {outside: {timezone: posixrules}}}]
     """, "rule 'r': match.outside[0].timezone: unknown time zone 'posixrules'"),
    ("bad-hhmm", """\
        version: 1
        rules: [{name: r, decision: deny, match: {freeze: [{timezone: UTC, start: "25:00"}]}}]
     """, "rule 'r': match.freeze[0].start: invalid time '25:00': use HH:MM from 00:00 to 23:59"),
    ("bad-hhmm-text", """\
        version: 1
        rules: [{name: r, decision: deny, match: {freeze: [{timezone: UTC, end: 5pm}]}}]
     """, "rule 'r': match.freeze[0].end: invalid time '5pm': use HH:MM from 00:00 to 24:00"),
    ("start-24:00", """\
        version: 1
        rules: [{name: r, decision: deny, match: {freeze: [{timezone: UTC, start: "24:00"}]}}]
     """, "rule 'r': match.freeze[0].start: invalid time '24:00'"),
    ("start-equals-end", """\
        version: 1
        rules: [{name: r, decision: deny,
                 match: {freeze: [{timezone: UTC, start: "08:00", end: "08:00"}]}}]
     """, "rule 'r': match.freeze[0]: start and end are both 08:00: omit both for whole days"),
    ("end-at-the-default-start", """\
        version: 1
        rules: [{name: r, decision: deny, match: {outside: [{timezone: UTC, end: "00:00"}]}}]
     """, "rule 'r': match.outside[0]: start and end are both 00:00: omit both for whole days"),
    ("one-digit-hour", """\
        version: 1
        rules: [{name: r, decision: deny, match: {freeze: [{timezone: UTC, start: "9:00"}]}}]
     """, "rule 'r': match.freeze[0].start: invalid time '9:00': use HH:MM from 00:00 to 23:59"),
    ("unknown-weekday", """\
        version: 1
        rules: [{name: r, decision: deny, match: {freeze: [{timezone: UTC, weekdays: [fri, fry]}]}}]
     """, "rule 'r': match.freeze[0].weekdays[1]: unknown weekday 'fry': use mon, tue, wed, thu, "
          "fri, sat, sun"),
    ("bad-date", """\
        version: 1
        rules: [{name: r, decision: deny, match: {freeze: [{timezone: UTC, from: "2026-13-01"}]}}]
     """, "rule 'r': match.freeze[0].from: Input should be a valid date"),
    ("request-empty", """\
        version: 1
        default: deny
        rules: [{name: r, decision: allow, match: {request: {}}}]
     """, "rule 'r': match.request: must name at least one field"),
    ("request-nan", """\
        version: 1
        rules: [{name: r, decision: deny, match: {request: {ratio: [0.5, .nan]}}}]
     """, "rule 'r': match.request.ratio: nan is not a number a request holds"),
    ("request-infinity", """\
        version: 1
        rules: [{name: r, decision: deny, match: {request: {ratio: -.inf}}}]
     """, "rule 'r': match.request.ratio: -inf is not a number a request holds"),
    ("version-true", """\
        version: true
     """, "version: Input should be 1 (got True)"),
    ("version-float", """\
        version: 1.0
     """, "version: Input should be 1 (got 1.0)"),
    ("instant-for-a-date", """\
        version: 1
        rules: [{name: r, decision: deny,
                 match: {freeze: [{timezone: Europe/Berlin, from: "2026-12-20T00:00:00Z"}]}}]
     """, "rule 'r': match.freeze[0].from: invalid date '2026-12-20T00:00:00Z': use YYYY-MM-DD"),
    ("timestamp-for-a-date", """\
        version: 1
        rules: [{name: r, decision: deny, match: {freeze: [{timezone: UTC, until: 1797724800}]}}]
     """, "rule 'r': match.freeze[0].until: invalid date 1797724800: use YYYY-MM-DD"),
    ("from-after-until", """\
        version: 1
        rules: [{name: r, decision: deny,
                 match: {freeze: [{timezone: UTC, from: 2027-01-03, until: 2026-12-20}]}}]
     """, "rule 'r': match.freeze[0]: from (2027-01-03) is after until (2026-12-20)"),
    ("empty-list", """\
        version: 1
        rules: [{name: r, decision: deny, match: {environment: []}}]
     """, "rule 'r': match.environment: must not be an empty list"),
    ("unknown-kind", """\
        version: 1
        rules: [{name: r, decision: deny, match: {kinds: [destroy]}}]
     """, "rule 'r': match.kinds[0]: Input should be 'create', 'update', 'delete' or 'run' "
          "(got 'destroy')"),
    ("duplicate-rule-names", """\
        version: 1
        rules:
          - {name: prod, decision: deny}
          - {name: prod, decision: allow}
     """, "rule 'prod': name: duplicate rule name (rules[0] and rules[1])"),
    ("approvals-zero", """\
        version: 1
        rules: [{name: mass-deletes, decision: require_approval, approvers: [bob], approvals: 0}]
     """, "rule 'mass-deletes': approvals: Input should be greater than or equal to 1 (got 0)"),
    ("unknown-approver-group", """\
        version: 1
        groups: {sre: [alice], security: [carol]}
        rules: [{name: mass-deletes, decision: require_approval, approvers: sre-oncall}]
     """, "rule 'mass-deletes': approvers[0]: unknown group 'sre-oncall' (groups: security, sre)"),
    ("environment-field-with-an-empty-part", """\
        version: 1
        rules: [{name: r, decision: deny, match: {environment_field: account..tier,
                                                  environment: prod}}]
     """, "rule 'r': match.environment_field: 'account..tier' is not a dotted field path"),
    ("request-path-with-an-empty-part", """\
        version: 1
        rules: [{name: r, decision: deny, match: {request: {"account.": prod}}}]
     """, "rule 'r': match.request.account.: 'account.' is not a dotted field path"),
    ("unknown-condition-group", """\
        version: 1
        groups: {sre: [alice], security: [carol]}
        rules: [{name: sre-only, decision: deny, match: {not_group: [sre, securty]}}]
     """, "rule 'sre-only': match.not_group[1]: unknown group 'securty' (groups: security, sre)"),
    ("unknown-condition-group-of-a-deny", """\
        version: 1
        groups: {sre: [alice]}
        rules: [{name: no-sre, decision: deny, match: {group: sre-team}}]
     """, "rule 'no-sre': match.group[0]: unknown group 'sre-team' (groups: sre)"),
    ("unknown-condition-group-of-no-groups", """\
        version: 1
        groups: {}
        rules: [{name: no-sre, decision: deny, match: {group: sre}}]
     """, "rule 'no-sre': match.group[0]: unknown group 'sre' (groups: none)"),
    ("group-taken-for-an-actor", """\
        version: 1
        groups: {sre: [alice]}
        rules: [{name: r, decision: require_approval, approvers: [bob, sre]}]
     """, "rule 'r': approvers[1]: 'sre' is a group: write 'group:sre' (plain entries are actors)"),
    ("approvers-missing", """\
        version: 1
        rules: [{name: r, decision: require_approval}]
     """, "rule 'r': approvers: required when decision is require_approval"),
    ("approval-fields-on-deny", """\
        version: 1
        rules: [{name: r, decision: deny, approvals: 2, approval_ttl: 1h}]
     """, "rule 'r': approval_ttl: only allowed when decision is require_approval; "
          "rule 'r': approvals: only allowed when decision is require_approval"),
    ("bad-approval-ttl", """\
        version: 1
        rules: [{name: r, decision: require_approval, approvers: [bob], approval_ttl: soon}]
     """, "rule 'r': approval_ttl: invalid duration 'soon': use forms like 30d, 15m, 1h30m, 90s"),
    ("zero-approval-ttl", """\
        version: 1
        rules: [{name: r, decision: require_approval, approvers: [bob], approval_ttl: 0s}]
     """, "rule 'r': approval_ttl: must be longer than zero"),
    ("bad-decision", """\
        version: 1
        rules: [{name: r, decision: maybe}]
     """, "rule 'r': decision: Input should be 'allow', 'deny' or 'require_approval' "
          "(got 'maybe')"),
    ("decision-missing", """\
        version: 1
        rules: [{name: r}]
     """, "rule 'r': decision: required field is missing"),
    ("name-missing", """\
        version: 1
        rules: [{decision: deny}, {decision: allow, match: {bogus: 1}}]
     """, "rules[0]: name: required field is missing; rules[1]: name: required field is missing; "
          "rules[1]: match.bogus: unknown condition"),
    ("name-reserved", """\
        version: 1
        rules: [{name: default, decision: deny}]
     """, "rule 'default': name: 'default' is reserved for decisions no rule made"),
    ("name-with-spaces", """\
        version: 1
        rules: [{name: no friday deploys, decision: deny}]
     """, "rule 'no friday deploys': name: invalid name 'no friday deploys'"),
    ("rule-not-a-mapping", "version: 1\nrules: [deny-all]\n",
     "rules[0]: Input should be a mapping (got 'deny-all')"),
    ("group-in-group", """\
        version: 1
        groups: {sre: [alice], all: [bob, "group:sre"]}
     """, "groups.all[1]: 'group:sre': a group lists actors; groups cannot contain groups"),
    ("environment-field-alone", """\
        version: 1
        rules: [{name: r, decision: deny, match: {environment_field: env}}]
     """, "rule 'r': match.environment_field: only used with environment or not_environment"),
    ("version-missing", "rules: []\n", "version: required field is missing"),
    ("version-2", "version: 2\n", "version: Input should be 1 (got 2)"),
    ("bad-default", "version: 1\ndefault: maybe\n",
     "default: Input should be 'allow' or 'deny' (got 'maybe')"),
    ("malformed-yaml", """\
        version: 1
        rules:
          - name: r
            decision: deny
           match: {}
     """, "invalid YAML at line 5, column 4: "),
    ("duplicate-yaml-key", """\
        version: 1
        rules:
          - name: r
            decision: deny
            match: {actor: bob}
            match: {actor: carol}
     """, "invalid YAML at line 6, column 5: found duplicate key 'match'"),
    ("top-level-list", "- version: 1\n",
     "a policy must be a mapping with version, default, groups and rules, not list"),
    ("empty-file", "# nothing yet\n", "the policy file is empty"),
    ("rules-not-a-list", "version: 1\nrules: {name: r}\n",
     "rules: Input should be a list (got {'name': 'r'})"),
    ("match-not-a-mapping", "version: 1\nrules: [{name: r, decision: deny, match: prod}]\n",
     "rule 'r': match: Input should be a mapping (got 'prod')"),
]


@pytest.mark.parametrize(("text", "message"), [case[1:] for case in BAD_POLICIES],
                         ids=[case[0] for case in BAD_POLICIES])
def test_bad_policy_file(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)

    with pytest.raises(ConfigError) as caught:
        load_policy_file(path)

    assert caught.value.exit_code == 2
    text_of_error = str(caught.value)
    assert text_of_error.startswith(f"{path}: ")
    assert text_of_error.removeprefix(f"{path}: ").startswith(message)
    for leak in ("pydantic", "Value error", "validation error", "Traceback", "type="):
        assert leak not in text_of_error


@pytest.mark.parametrize(("text", "message"), [
    ('{"version": 1, "rules": [}', "invalid JSON at line 1, column 26: Expecting value"),
    ('{"version": 1, "version": 1}', "duplicate key 'version'"),
    ('{"version": 1, "rules": [{"name": "r", "decision": "deny", "match": {"actor": 1}}]}',
     "rule 'r': match.actor: Input should be a list (got 1)"),
], ids=["malformed", "duplicate-key", "wrong-type"])
def test_bad_json_policy_file(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text, name="policy.json")

    with pytest.raises(ConfigError) as caught:
        load_policy_file(path)

    assert caught.value.exit_code == 2
    assert str(caught.value) == f"{path}: {message}"


def test_missing_policy_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_policy_file(tmp_path / "policy.yaml")

    assert caught.value.exit_code == 2
    assert str(caught.value) == f"{tmp_path / 'policy.yaml'}: cannot read policy file: " \
                                "No such file or directory"


def test_policy_table_that_is_not_a_mapping() -> None:
    with pytest.raises(ConfigError, match=r"^opsctl.toml \[policy\]: a policy must be a mapping"):
        policy_from_mapping(["rules"], "opsctl.toml [policy]")  # type: ignore[arg-type]


# -- properties ------------------------------------------------------------------------------

CONDITION_POOL: list[dict[str, object]] = [
    {}, {"environment": "prod"}, {"not_environment": ["staging"]}, {"actor": "a*"},
    {"not_group": "sre"}, {"max_deletes": 2}, {"kinds": "delete"}, {"blast_radius_over": 3},
    {"freeze": FRIDAY_EVENING_BERLIN}, {"outside": OFFICE_HOURS}, {"targets": "web/1*"},
    {"request": {"region": "eu-west-1"}},
]
times = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1),
                     timezones=st.sampled_from([UTC, BERLIN, ZoneInfo("America/New_York"),
                                                timezone(timedelta(hours=5, minutes=30))]))
inputs = st.builds(
    make_input,
    actor=st.sampled_from(["alice", "bob", "anna"]),
    request=st.fixed_dictionaries({}, optional={"environment": st.sampled_from(["prod", "dev"]),
                                                "region": st.just("eu-west-1")}),
    actions=st.lists(st.sampled_from(["create", "update", "delete", "run"]), max_size=6).map(
        lambda kinds: actions(*kinds)),
    now=times,
)


@settings(max_examples=150, deadline=None)
@given(matches=st.lists(st.sampled_from(CONDITION_POOL), max_size=6), inp=inputs)
def test_a_policy_of_allow_rules_never_denies(matches: Sequence[dict[str, object]],
                                              inp: PolicyInput) -> None:
    rules = policy(*[{"name": f"r{i}", "decision": "allow", "match": m}
                     for i, m in enumerate(matches)], groups={"sre": ["bob"]})

    decision = evaluate(rules, inp)

    assert decision.effect == "allow"
    assert (decision.rule == "default") == (not decision.matched)


@settings(max_examples=150, deadline=None)
@given(now=times, zone=st.sampled_from([UTC, BERLIN, ZoneInfo("Pacific/Chatham"),
                                        timezone(timedelta(hours=-9, minutes=-30))]))
def test_the_decision_depends_on_the_instant_not_on_its_time_zone(now: datetime,
                                                                   zone: ZoneInfo) -> None:
    rules = policy(
        {"name": "friday", "decision": "deny", "match": {"freeze": FRIDAY_EVENING_BERLIN}},
        {"name": "night", "decision": "deny", "match": {"freeze": FRIDAY_NIGHT_UTC}},
        {"name": "office", "decision": "require_approval", "approvers": ["bob"],
         "match": {"outside": OFFICE_HOURS}},
        {"name": "holidays", "decision": "deny", "match": {"freeze": YEAR_END_BERLIN}},
    )

    here, there = evaluate(rules, make_input(now=now)), evaluate(rules,
        make_input(now=now.astimezone(zone)))

    assert (here.effect, here.rule, here.matched) == (there.effect, there.rule, there.matched)


# -- the documentation -----------------------------------------------------------------------

def doc_blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", DOCS.read_text(), flags=re.S | re.M)


def documented_policy(index: int, tmp_path: Path) -> Policy:
    return load_policy_file(write(tmp_path, doc_blocks("yaml")[index]))


def test_every_documented_yaml_policy_loads(tmp_path: Path) -> None:
    blocks = doc_blocks("yaml")

    assert len(blocks) == 3
    for block in blocks:
        assert isinstance(load_policy_file(write(tmp_path, block)), Policy)


def test_the_complete_example_uses_every_condition(tmp_path: Path) -> None:
    from opsctl.governance.policy import CONDITIONS

    example = yaml.safe_load(doc_blocks("yaml")[0])
    used = {key for rule in example["rules"] for key in rule.get("match", {})}

    assert used == {*CONDITIONS, "environment_field"}


@pytest.mark.parametrize(("changes", "effect", "rule"), [
    ({"automation": "release-tag", "actor": "github:release-bot", "request": {}},
     "allow", "release-bot"),
    ({"automation": "cleanup-ebs-volumes", "actor": "dave",
      "request": {"environment": "staging"}, "actions": actions(*["delete"] * 12)},
     "require_approval", "mass-deletes"),
    ({"actor": "dave", "now": datetime(2026, 1, 9, 18, 0, tzinfo=BERLIN)},
     "deny", "no-friday-evening-deploys"),
    ({"actor": "alice", "now": datetime(2026, 1, 9, 18, 0, tzinfo=BERLIN)}, "allow", "default"),
    ({"request": {"environment": "qa"}}, "deny", "known-environments-only"),
], ids=["release-bot", "mass-deletes", "friday-evening", "friday-evening-sre", "unknown-env"])
def test_the_complete_example_decides_as_documented(tmp_path: Path, changes: dict[str, Any],
                                                    effect: str, rule: str) -> None:
    rules = documented_policy(0, tmp_path)

    decision = evaluate(rules, make_input(**changes))

    assert (decision.effect, decision.rule) == (effect, rule)
    if rule == "mass-deletes":
        assert (decision.approvals, decision.approvers) == (2, ("group:sre",))


def test_a_toml_datetime_is_no_date_of_a_window() -> None:
    """A TOML date is a day of the window's zone; a datetime is an instant, and refused
    (midnight UTC is not midnight in New York)."""
    text = textwrap.dedent("""\
        [policy]
        version = 1
        [[policy.rules]]
        name = "holidays"
        decision = "deny"
        [[policy.rules.match.freeze]]
        timezone = "America/New_York"
        from = 2026-12-20T00:00:00Z
    """)
    with pytest.raises(ConfigError) as caught:
        policy_from_mapping(tomllib.loads(text)["policy"], "opsctl.toml [policy]")
    assert "match.freeze[0].from: invalid date '2026-12-20T00:00:00+00:00'" in str(caught.value)
    day = policy_from_mapping(tomllib.loads(text.replace("T00:00:00Z", ""))["policy"], "t")
    assert day.rules[0].match.freeze is not None
    assert str(day.rules[0].match.freeze[0].from_) == "2026-12-20"


def test_the_documented_toml_policy_loads() -> None:
    (block,) = doc_blocks("toml")

    rules = policy_from_mapping(tomllib.loads(block)["policy"], "opsctl.toml [policy]",
                                external_groups={"sre"})

    assert [r.name for r in rules.rules] == ["read-only-reports", "prod-with-approval",
                                             "friday-freeze"]
    friday_in_new_york = datetime(2026, 1, 9, 15, 30, tzinfo=ZoneInfo("America/New_York"))
    assert evaluate(rules, make_input(now=friday_in_new_york)).rule == "friday-freeze"


def test_the_documented_decision(tmp_path: Path) -> None:
    rules = documented_policy(2, tmp_path)
    (expected,) = doc_blocks("json")

    decision = evaluate(rules, make_input(actions=actions(*["delete"] * 12)))

    assert decision.to_dict() == json.loads(expected)


def test_the_documented_errors(tmp_path: Path) -> None:
    (block,) = doc_blocks("text")
    documented = [line.removeprefix("policy.yaml: ") for line in block.splitlines()]
    produced = {message for _, _, message in BAD_POLICIES}

    for line in documented:
        prefix = line.removesuffix("...)")  # the elided list of known conditions
        assert any(message.startswith(prefix) for message in produced), line


class _Where(BaseModel):
    data_center: str = Field("fra1", alias="dataCenter")


class _AliasedRequest(BaseModel):
    where: _Where = Field(default_factory=_Where)
    maybe: _Where | None = None


@pytest.mark.parametrize("field", ["where", "maybe"], ids=["nested", "optional-nested"])
def test_a_rule_on_the_alias_of_a_nested_field_matches(field: str) -> None:
    """The request schema shows a nested model's aliases, also for an optional one
    (`Where | None`); a rule written from it must match (was: skipped for an optional one, so
    a deny rule on it denied nothing)."""
    rule = {"name": "no-fra1", "match": {"request": {f"{field}.dataCenter": "fra1"}},
            "decision": "deny"}
    request = with_aliases(_AliasedRequest, {"where": {"data_center": "fra1"},
                                             "maybe": {"data_center": "fra1"}})

    decision = evaluate(policy(rule), make_input(request=request))

    assert (decision.effect, decision.rule) == ("deny", "no-fra1")


@pytest.mark.parametrize(("rule", "message"), [
    ({**DENY, "reason": "prod is closed"}, "denied by policy rule 'deny-prod': prod is closed"),
    (DENY, "denied by policy rule 'deny-prod'"),
    (NEVER, "denied by policy rule 'default': no policy rule matched; the default is deny"),
], ids=["own-reason", "generated-reason", "default"])
def test_a_denial_says_its_rule_and_reason_once(rule: dict[str, object], message: str) -> None:
    """(was: "denied by policy rule 'deny-prod': denied by policy rule 'deny-prod'" for a rule
    without a reason of its own)"""
    decision = evaluate(policy(rule, default="deny"), make_input())

    with pytest.raises(DeniedError) as caught:
        enforce(decision)
    assert caught.value.exit_code == 6
    assert caught.value.message == message


@pytest.mark.parametrize("name", ["policy.yaml", "policy.yml", "rules.YAML"])
def test_a_yaml_file_may_hold_a_flow_mapping(tmp_path: Path, name: str) -> None:
    """(was: read as JSON because it starts with `{`: "invalid JSON ... Expecting property name
    enclosed in double quotes" for a valid YAML file)"""
    path = write(tmp_path, "{version: 1, default: deny, rules: [{name: r, decision: allow}]}\n",
                 name=name)

    loaded = load_policy_file(path)

    assert (loaded.default, [r.name for r in loaded.rules]) == ("deny", ["r"])


def test_an_action_of_a_negative_blast_radius_is_named_once() -> None:
    """(was: "action d0: action 'd0': blast_radius must be an integer >= 0")"""
    without_catalog = SimpleNamespace(catalog=SimpleNamespace(load=_no_automation))
    governance = Governance(policy(DENY), "policy.yaml", None, {})
    action = Action(id="d0", kind="delete", target="db/0", reason="r", data={"blast_radius": -1})

    with pytest.raises(ConfigError) as caught:
        decide(without_catalog, governance, automation="deploy-web", version="2.1.0",
               request_doc={}, actor="alice", actions=[action], now=WEDNESDAY_NOON)
    assert caught.value.exit_code == 2
    assert caught.value.message == "action 'd0': blast_radius must be an integer >= 0"


def _no_automation(name: str) -> None:
    raise UsageError(f"no automation {name!r}")


class _Place(BaseModel):
    region: str = "eu-west-1"


class _Fields(BaseModel):
    hosts: list[str] = []
    host_or_hosts: list[str] | str = "web-1"
    token: SecretStr | None = None
    place: _Place = Field(default_factory=_Place)
    place_or_raw: _Place | dict[str, str] = Field(default_factory=_Place)


@pytest.mark.parametrize(("path", "problem"), [
    pytest.param("hosts", "is a list", id="list"),
    pytest.param("token", "is a secret", id="secret"),
    pytest.param("place.regoin", "has no request field 'regoin' in place", id="nested-typo"),
    pytest.param("host_or_hosts", None, id="list-or-scalar"),
    pytest.param("place.region", None, id="nested"),
    pytest.param("place_or_raw.anything", None, id="model-or-mapping"),
])
def test_a_request_condition_that_can_never_hold_is_named(path: str, problem: str | None) -> None:
    """Only what every type of the field rules out: a `list[str] | str` field may equal a
    string, and a key of `Model | dict` may be any key."""
    from opsctl.governance.policy_fields import field_problems

    rules = policy({"name": "guard", "match": {"automation": "fields", "request": {path: "x"}},
                    "decision": "deny"})
    found = field_problems(rules, automation="fields", version="1.0.0", model=_Fields)
    if problem is None:
        assert found == []
    else:
        [message] = found
        assert message.startswith(f"rule 'guard': match.request.{path}: ") and problem in message
