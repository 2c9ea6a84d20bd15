"""Roles granted per automation and environment; config errors that name the grant and field."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from opsctl.errors import ConfigError, DeniedError, ExitCode
from opsctl.governance.permissions import (
    ACTIONS,
    PERMISSIONS,
    ROLES,
    Grant,
    Permission,
    Permissions,
    Role,
    load_permissions,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "identity-and-permissions.md"


def grant_only(role: Role, **grant: object) -> Permissions:
    return load_permissions({"grants": [{"role": role, "to": ["alice"], **grant}]}, {}, "test.toml")


# -- each role x each permission --------------------------------------------------------------

ALLOWED: dict[Role, set[Permission]] = {
    "viewer": {"view"},
    "planner": {"view", "plan"},
    "operator": {"view", "plan", "apply"},
    "approver": {"view", "approve"},
    "admin": {"view", "plan", "apply", "approve", "admin"},
}


@pytest.mark.parametrize(
    ("role", "permission"),
    [(r, p) for r in ROLES for p in PERMISSIONS],
    ids=[f"{r}-{p}" for r in ROLES for p in PERMISSIONS],
)
def test_role_grants_exactly_its_permissions(role: Role, permission: Permission) -> None:
    permissions = grant_only(role)
    expected = permission in ALLOWED[role]
    assert permissions.allows("alice", permission, automation="any", environment="prod") is expected
    if expected:
        permissions.check("alice", permission, automation="any", environment="prod")
    else:
        with pytest.raises(DeniedError):
            permissions.check("alice", permission, automation="any", environment="prod")


def test_actions_table_is_complete() -> None:
    assert set(ACTIONS) == set(PERMISSIONS)
    assert all("admin" in roles for roles in ACTIONS.values())
    assert {r for roles in ACTIONS.values() for r in roles} == set(ROLES)


# -- globs on automation and environment ------------------------------------------------------


@pytest.mark.parametrize(
    ("automations", "environments", "automation", "environment", "allowed"),
    [
        (["release-*"], ["prod"], "release-tag", "prod", True),
        (["release-*"], ["prod"], "cleanup-files", "prod", False),
        (["release-*"], ["prod"], "release-tag", "staging", False),
        (["release-*"], ["prod"], "release-tag", None, False),
        (["release-tag", "cleanup-?????"], ["*"], "cleanup-files", "prod", True),
        (["*"], ["*"], "anything", None, True),
        (["*"], ["dev-*", "staging"], "x", "dev-eu", True),
        (["*"], ["dev-*", "staging"], "x", "prod", False),
        (["*"], ["*-prod"], "x", None, False),
        (["*"], ["prod", "*"], "x", None, True),
        (["Release-*"], ["*"], "release-tag", "prod", False),
        (["*"], ["PROD"], "x", "prod", False),
    ],
    ids=[
        "both-match",
        "other-automation",
        "other-environment",
        "no-environment-specific-grant",
        "second-pattern",
        "wildcards-cover-no-environment",
        "env-glob-match",
        "env-glob-miss",
        "glob-is-not-star",
        "star-among-others",
        "automation-case-sensitive",
        "environment-case-sensitive",
    ],
)
def test_globs(
    automations: list[str],
    environments: list[str],
    automation: str,
    environment: str | None,
    allowed: bool,
) -> None:
    permissions = grant_only("operator", automations=automations, environments=environments)
    assert (
        permissions.allows("alice", "apply", automation=automation, environment=environment)
        is allowed
    )


@pytest.mark.parametrize(
    ("automations", "allowed"),
    [(["*"], True), (["release-*", "*"], True), (["?"], False), (["[!_]*"], False),
     (["[*]"], False), (["release-*"], False)],
    ids=["star", "star-among-others", "one-character-names", "all-but-underscored",
         "a-class-holding-star", "a-prefix"],
)
def test_every_automation_is_covered_only_by_a_star_grant(automations: list[str],
                                                           allowed: bool) -> None:
    """What concerns every automation at once (the audit trail, the locks, tokens) is checked
    on ``*``: a glob that matches that text (``?``, ``[!_]*``) covers only some automations."""
    permissions = grant_only("admin", automations=automations)
    for permission in PERMISSIONS:
        assert permissions.allows("alice", permission, automation="*",
                                  environment=None) is allowed


def test_defaults_cover_every_automation_and_environment() -> None:
    grant = grant_only("viewer").grants[0]
    assert grant == Grant(role="viewer", to=("alice",), automations=("*",), environments=("*",))


# -- actors and groups --------------------------------------------------------------------------

GROUPED = load_permissions(
    {
        "grants": [
            {
                "role": "operator",
                "to": ["group:sre", "github:carol"],
                "automations": ["release-*"],
                "environments": ["prod"],
            },
            {"role": "viewer", "to": ["group:everyone"]},
            {"role": "approver", "to": ["group:leads"], "environments": ["prod"]},
        ]
    },
    {
        "sre": ["github:alice", "bob"],
        "everyone": ["github:alice", "bob", "github:carol", "dave"],
        "leads": ["bob"],
    },
    "test.toml",
)


@pytest.mark.parametrize(
    ("actor", "automation", "environment", "roles"),
    [
        ("github:alice", "release-tag", "prod", {"operator", "viewer"}),
        ("bob", "release-tag", "prod", {"operator", "viewer", "approver"}),
        ("bob", "release-tag", "staging", {"viewer"}),
        ("github:carol", "release-tag", "prod", {"operator", "viewer"}),
        ("github:carol", "cleanup-files", "prod", {"viewer"}),
        ("dave", "release-tag", "prod", {"viewer"}),
        ("alice", "release-tag", "prod", set()),  # not github:alice
        ("mallory", "release-tag", "prod", set()),
    ],
    ids=[
        "group-member",
        "two-groups",
        "other-environment",
        "direct-actor",
        "other-automation",
        "everyone-only",
        "names-are-exact",
        "in-no-grant",
    ],
)
def test_roles_for(actor: str, automation: str, environment: str, roles: set[str]) -> None:
    assert GROUPED.roles_for(actor, automation, environment) == roles


def test_a_name_reading_group_is_not_an_actor() -> None:
    """An identity whose name reads ``group:sre`` (an OIDC claim its user chose, with an empty
    actor_prefix) holds nothing granted to the group sre: grants name groups by membership."""
    for actor in ("group:sre", "group:everyone", "group:leads"):
        assert GROUPED.roles_for(actor, "release-tag", "prod") == frozenset()
        assert not GROUPED.allows(actor, "view", automation="release-tag", environment="prod")
    assert GROUPED.roles_for("dave", "release-tag", "prod") == frozenset({"viewer"})


@pytest.mark.parametrize(
    ("actor", "groups"),
    [
        ("bob", {"sre", "everyone", "leads"}),
        ("github:alice", {"sre", "everyone"}),
        ("mallory", set()),
        ("group:sre", set()),
    ],
    ids=["three", "two", "none", "a-group-is-not-an-actor"],
)
def test_groups_of(actor: str, groups: set[str]) -> None:
    assert GROUPED.groups_of(actor) == groups


def test_a_denial_names_actor_command_target_and_missing_role() -> None:
    permissions = load_permissions(
        {"grants": [{"role": "viewer", "to": ["github:bob"]}]}, {}, "test.toml"
    )
    with pytest.raises(DeniedError) as caught:
        permissions.check("github:bob", "apply", automation="release-tag", environment="prod")
    assert caught.value.exit_code == ExitCode.DENIED
    assert caught.value.error_type == "policy_denied"
    assert str(caught.value) == (
        "actor github:bob may not apply release-tag in environment prod: "
        "needs role operator or admin (granted roles here: viewer)"
    )


@pytest.mark.parametrize(
    ("actor", "permission", "environment", "message"),
    [
        (
            "mallory",
            "view",
            "prod",
            "actor mallory may not view release-tag in environment prod: "
            "needs role viewer or admin (granted roles here: none)",
        ),
        (
            "github:alice",
            "apply",
            None,
            "actor github:alice may not apply release-tag without an "
            "environment: needs role operator or admin (granted roles "
            "here: viewer)",
        ),
        (
            "bob",
            "admin",
            "prod",
            "actor bob may not administer release-tag in environment prod: "
            "needs role admin (granted roles here: viewer, operator, approver)",
        ),
    ],
    ids=["in-no-grant", "no-environment", "admin"],
)
def test_denial_messages(
    actor: str, permission: Permission, environment: str | None, message: str
) -> None:
    with pytest.raises(DeniedError) as caught:
        GROUPED.check(actor, permission, automation="release-tag", environment=environment)
    assert str(caught.value) == message


def test_an_unknown_permission_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown permission 'deploy'"):
        GROUPED.check("bob", "deploy", automation="x", environment=None)  # type: ignore[arg-type]


# -- defaults -----------------------------------------------------------------------------------


@pytest.mark.parametrize("permission", PERMISSIONS)
def test_unrestricted_allows_everything(permission: Permission) -> None:
    permissions = Permissions.unrestricted()
    assert not permissions.enforced
    permissions.check("anyone", permission, automation="release-tag", environment=None)
    assert permissions.roles_for("anyone", "release-tag", "prod") == set(ROLES)


def test_no_permissions_table_is_unrestricted_but_keeps_groups() -> None:
    permissions = load_permissions(None, {"sre": ["bob"]}, "test.toml")
    assert not permissions.enforced
    permissions.check("mallory", "admin", automation="x", environment="prod")
    assert permissions.groups_of("bob") == {"sre"}


@pytest.mark.parametrize("data", [{}, {"grants": []}], ids=["empty-table", "no-grants"])
def test_a_permissions_table_without_grants_denies_everything(data: Mapping[str, object]) -> None:
    permissions = load_permissions(data, {}, "test.toml")
    assert permissions.enforced
    with pytest.raises(DeniedError):
        permissions.check("bob", "view", automation="x", environment=None)


def test_names_are_stripped() -> None:
    permissions = load_permissions(
        {"grants": [{"role": "viewer", "to": [" group:sre "]}]}, {"sre": [" bob "]}, "test.toml"
    )
    assert permissions.roles_for("bob", "x", None) == {"viewer"}


# -- bad configuration ------------------------------------------------------------------------


def grants(*items: object) -> dict[str, object]:
    return {"grants": list(items)}


@pytest.mark.parametrize(
    ("data", "groups", "message"),
    [
        (
            grants({"role": "operator", "to": ["a"], "roles": ["x"]}),
            {},
            "opsctl.toml: permissions.grants[0]: unknown key 'roles' (allowed: role, to, automations, "
            "environments)",
        ),
        ({"grant": []}, {}, "opsctl.toml: permissions: unknown key 'grant' (allowed: grants)"),
        (
            grants({"role": "viewer", "to": ["a"]}, {"role": "operater", "to": ["a"]}),
            {},
            "opsctl.toml: permissions.grants[1].role: unknown role 'operater' (expected one of viewer, "
            "planner, operator, approver, admin)",
        ),
        (grants({"to": ["a"]}), {}, "opsctl.toml: permissions.grants[0].role: is required"),
        (grants({"role": "viewer"}), {}, "opsctl.toml: permissions.grants[0].to: is required"),
        (
            grants({"role": "viewer", "to": "a"}),
            {},
            "opsctl.toml: permissions.grants[0].to: expected a list of strings, got a string",
        ),
        (
            grants({"role": "viewer", "to": ["a", 7]}),
            {},
            "opsctl.toml: permissions.grants[0].to[1]: expected a string, got an integer",
        ),
        (
            grants({"role": "viewer", "to": ["a"], "environments": "prod"}),
            {},
            "opsctl.toml: permissions.grants[0].environments: expected a list of strings, got a string",
        ),
        (
            grants({"role": "viewer", "to": []}),
            {},
            "opsctl.toml: permissions.grants[0].to: must name at least one actor or group:<name>",
        ),
        (
            grants({"role": "viewer", "to": ["a"], "automations": []}),
            {},
            "opsctl.toml: permissions.grants[0].automations: must not be empty (omit the key to mean "
            "all)",
        ),
        (
            grants({"role": "viewer", "to": [" "]}),
            {},
            "opsctl.toml: permissions.grants[0].to[0]: must not be an empty string",
        ),
        (
            grants({"role": "viewer", "to": ["a"]}, {"role": "viewer", "to": ["b", "group:sre"]}),
            {},
            "opsctl.toml: permissions.grants[1].to: group 'sre' is not defined in [groups]",
        ),
        (
            grants("viewer"),
            {},
            "opsctl.toml: permissions.grants[0]: expected a table, got a string",
        ),
        (
            {"grants": {"role": "viewer"}},
            {},
            "opsctl.toml: permissions.grants: expected an array of tables ([[permissions.grants]]), "
            "got a table",
        ),
        ("all", {}, "opsctl.toml: permissions: expected a table, got a string"),
        ({}, {"sre": "bob"}, "opsctl.toml: groups.sre: expected a list of strings, got a string"),
        (
            {},
            {"sre": ["bob", True]},
            "opsctl.toml: groups.sre[1]: expected a string, got a boolean",
        ),
        (
            {},
            {"sre": ["group:ops"]},
            "opsctl.toml: groups.sre[0]: 'group:ops': a group lists actors; groups cannot contain groups",
        ),
        ({}, {"": ["bob"]}, "opsctl.toml: groups: a group name must be a non-empty string"),
    ],
    ids=[
        "unknown-grant-key",
        "unknown-table-key",
        "unknown-role",
        "missing-role",
        "missing-to",
        "to-not-a-list",
        "to-item-not-a-string",
        "environments-not-a-list",
        "empty-to",
        "empty-automations",
        "blank-actor",
        "undefined-group",
        "grant-not-a-table",
        "grants-not-an-array",
        "permissions-not-a-table",
        "group-not-a-list",
        "group-member-not-a-string",
        "nested-group",
        "empty-group-name",
    ],
)
def test_bad_config(data: object, groups: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_permissions(data, groups, "opsctl.toml")  # type: ignore[arg-type]
    assert caught.value.exit_code == ExitCode.USAGE
    assert str(caught.value) == message


# -- the documented example ---------------------------------------------------------------------


def documented_config() -> dict[str, Any]:
    blocks = re.findall(r"```toml\n(.*?)```", DOC.read_text(), flags=re.DOTALL)
    assert len(blocks) == 1
    return tomllib.loads(blocks[0])


@pytest.mark.parametrize(
    ("actor", "permission", "automation", "environment", "allowed"),
    [
        ("github:alice", "apply", "release-tag", "prod", True),
        ("github:carol", "apply", "release-tag", "prod", True),
        ("github:carol", "view", "cleanup-files", "prod", True),
        ("github:carol", "plan", "cleanup-files", "prod", False),
        ("gitlab:jdoe", "approve", "release-tag", "prod", True),
        ("gitlab:jdoe", "approve", "release-tag", None, True),
        ("gitlab:jdoe", "apply", "release-tag", "prod", False),
        ("github:alice", "apply", "cleanup-files", "dev-eu", True),
        ("github:alice", "apply", "cleanup-files", "prod", False),
        ("bob", "admin", "cleanup-files", None, True),
        ("mallory", "view", "release-tag", None, False),
    ],
    ids=[
        "alice-via-sre",
        "carol-direct",
        "carol-views-all",
        "carol-plans-only-release",
        "jdoe-approves",
        "jdoe-approves-without-environment",
        "jdoe-cannot-apply",
        "sre-applies-in-dev",
        "sre-not-in-prod-for-others",
        "bob-admin",
        "stranger",
    ],
)
def test_documented_example(
    actor: str, permission: Permission, automation: str, environment: str | None, allowed: bool
) -> None:
    config = documented_config()
    permissions = load_permissions(config["permissions"], config["groups"], "docs")
    assert (
        permissions.allows(actor, permission, automation=automation, environment=environment)
        is allowed
    )


def test_documented_denial_message() -> None:
    expected = (
        "actor github:bob may not apply release-tag in environment prod: needs role "
        "operator or admin (granted roles here: viewer)"
    )
    assert expected in DOC.read_text()
    permissions = load_permissions(
        {"grants": [{"role": "viewer", "to": ["github:bob"]}]}, {}, "test.toml"
    )
    with pytest.raises(DeniedError, match=re.escape(expected)):
        permissions.check("github:bob", "apply", automation="release-tag", environment="prod")
