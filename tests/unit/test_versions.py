"""Declaring deprecated fields and upgrades of older contract versions."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict

from opsctl import Automation, deprecated
from opsctl.contract.versions import (
    deprecations,
    requested_major,
    resolve_contract_version,
    used_deprecations,
)
from opsctl.engine.request import versioned_request
from opsctl.errors import AutomationBugError, UsageError


class Old(BaseModel):
    name: str


class Request(BaseModel):
    name: str
    legacy: int | None = deprecated("use name", removal="3.0.0", default=None)


def test_upgrade_must_come_from_an_older_major() -> None:
    auto = Automation("versioned", version="2.0.0", owner="o", summary="s", request=Request)
    with pytest.raises(ValueError, match="older major"):
        auto.upgrade(from_major=2, request=Old)
    with pytest.raises(TypeError, match="BaseModel"):
        auto.upgrade(from_major=1, request=dict)  # type: ignore[arg-type]
    auto.upgrade(from_major=1, request=Old)(lambda old: {"name": old.name})
    assert auto.accepted_majors == [1, 2]


def test_deprecations_are_read_from_the_model_and_only_count_when_set() -> None:
    [found] = deprecations(Request)
    assert (found.field, found.flag, found.removal) == ("legacy", "--legacy", "3.0.0")
    assert used_deprecations(Request, Request(name="x")) == []
    assert used_deprecations(Request, Request(name="x", legacy=1)) == [found]
    assert Request(name="x", legacy=2).legacy == 2  # reading it does not warn


@pytest.mark.parametrize(("given", "document", "expected"), [
    (None, {}, (None, None)),
    ("1", {}, ("1", 1)),
    (None, {"contract_version": "v2.3.0"}, ("2.3.0", 2)),
    ("3", {"contract_version": "1"}, ("3", 3)),
], ids=["none", "flag", "document-with-v", "flag-wins"])
def test_requested_major(given: str | None, document: dict[str, str],
                         expected: tuple[str | None, int | None]) -> None:
    assert requested_major(document, given) == expected


@pytest.mark.parametrize("raw", ["latest", "\u00b9", "\u0085\u00b9\u001e", "\u0663.0.0"],
                         ids=["word", "superscript-one", "control-and-superscript", "arabic-three"])
def test_requested_major_rejects_garbage(raw: str) -> None:
    with pytest.raises(UsageError, match="not a version"):
        requested_major({"contract_version": raw}, None)


class DeployV1(BaseModel):
    model_config = ConfigDict(extra="forbid")
    env: str
    count: int = 1


class Deploy(BaseModel):
    model_config = ConfigDict(extra="forbid")
    environment: str
    replicas: int = 1


def deploy_automation(version: str = "2.0.0") -> Automation[Deploy]:
    auto = Automation("deploy", version=version, owner="o", summary="s", request=Deploy)
    auto.upgrade(from_major=1, request=DeployV1)(
        lambda old: {"environment": old.env, "replicas": old.count})
    return auto


@pytest.mark.parametrize(("given", "expected"), [
    pytest.param("2", "2", id="the-major"),
    pytest.param("2.3", "2.3", id="an-older-minor"),
    pytest.param("2.3.1", "2.3.1", id="the-code-version"),
    pytest.param("2.0.0-rc.1", "2.0.0-rc.1", id="an-older-pre-release"),
    pytest.param("1.9.0", "1.9.0", id="an-older-accepted-major"),
    pytest.param("2.x", "2.x", id="the-major-with-a-wildcard"),
    pytest.param("2.3.x", "2.3.x", id="the-code-minor-with-a-wildcard"),
])
def test_contract_versions_the_code_has_are_accepted(given: str, expected: str) -> None:
    text, adapter = resolve_contract_version(deploy_automation("2.3.1"), {}, given)
    assert text == expected
    assert (adapter is None) is (not given.startswith("1"))


@pytest.mark.parametrize("given", [
    pytest.param("2.7.0", id="newer-minor"),
    pytest.param("2.3.2", id="newer-patch"),
    pytest.param("2.4", id="newer-minor-without-patch"),
    pytest.param("3", id="newer-major"),
    pytest.param("2.7.x", id="newer-minor-with-a-wildcard"),
    pytest.param("2.3.2.0", id="newer-patch-with-a-fourth-number"),
])
def test_a_contract_version_newer_than_the_code_is_refused(given: str) -> None:
    with pytest.raises(UsageError, match=rf"contract version {given} of deploy does not exist "
                                         r"yet: the code is at 2\.3\.1"):
        resolve_contract_version(deploy_automation("2.3.1"), {}, given)


@pytest.mark.parametrize(("data", "expected"), [
    pytest.param({"env": "prod", "count": 3}, {"environment": "prod", "replicas": 3},
                 id="the-old-document-alone"),
    pytest.param({"env": "prod", "count": 3, "replicas": 5},
                 {"environment": "prod", "replicas": 5}, id="a-current-flag-after-the-upgrade"),
    pytest.param({"env": "prod", "environment": "staging"},
                 {"environment": "staging", "replicas": 1}, id="a-current-flag-wins"),
])
def test_current_version_fields_apply_after_the_upgrade(data: dict[str, object],
                                                        expected: dict[str, object]) -> None:
    versioned = versioned_request(deploy_automation(), data, "1")

    assert versioned.request.model_dump() == expected
    assert versioned.requested_version == "1"


@pytest.mark.parametrize(("data", "says"), [
    pytest.param({"environment": "staging"}, "invalid request for deploy 1.x: env: required "
                 "field is missing (a 1.x request comes as a document", id="flags-without-a-document"),
    pytest.param({"env": "prod", "colour": "red"}, "colour: unknown field",
                 id="a-field-neither-version-has"),
    pytest.param({"env": "prod", "replicas": "many"}, "invalid request for deploy (upgraded "
                 "from 1.x): replicas:", id="a-bad-current-field"),
])
def test_an_older_request_is_refused_naming_the_version_and_field(data: dict[str, object],
                                                                   says: str) -> None:
    with pytest.raises(UsageError) as caught:
        versioned_request(deploy_automation(), data, "1")
    assert says in caught.value.message


class Current(BaseModel):
    model_config = ConfigDict(extra="forbid")
    environment: str
    replicas: int = 1
    zone: str | None = deprecated("zones are automatic now", removal="3.0.0", default=None)


def test_an_upgrade_returning_the_current_model_sets_only_what_it_set() -> None:
    auto = Automation("deploy", version="2.0.0", owner="o", summary="s", request=Current)
    auto.upgrade(from_major=1, request=DeployV1)(
        lambda old: Current(environment=old.env, replicas=old.count))

    versioned = versioned_request(auto, {"env": "prod", "count": 3}, "1")

    assert versioned.request.model_dump() == {"environment": "prod", "replicas": 3, "zone": None}
    assert versioned.request.model_fields_set == {"environment", "replicas"}
    assert versioned.warnings == ("request for contract 1 was upgraded to 2.0.0; update the "
                                  "caller to 2.x",)  # no warning for 'zone', never given


@pytest.mark.parametrize("returned", [None, [("environment", "prod")], "prod"],
                         ids=["none", "a-list", "a-string"])
def test_an_upgrade_returning_neither_model_nor_mapping_is_a_bug_it_names(returned: object
                                                                         ) -> None:
    auto = Automation("deploy", version="2.0.0", owner="o", summary="s", request=Deploy)
    auto.upgrade(from_major=1, request=DeployV1)(lambda old: returned)

    with pytest.raises(AutomationBugError) as caught:
        versioned_request(auto, {"env": "prod"}, "1")
    assert caught.value.exit_code == 1
    assert caught.value.message.startswith(
        f"the upgrade of a 1.x request of deploy returned {type(returned).__name__}")
