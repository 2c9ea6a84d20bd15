"""Contracts over time through the CLI: deprecated fields and older contract versions."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Project

DEPLOY = '''
import os
from pydantic import BaseModel, ConfigDict
from opsctl import Action, Automation, deprecated


class RequestV1(BaseModel):
    model_config = ConfigDict(extra="forbid")
    env: str
    count: int = 1


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")
    environment: str
    replicas: int = 1
    region: str | None = deprecated("regions are derived from the environment now",
                                    removal="3.0.0", default=None)


deploy = Automation("deploy", version="2.1.0", owner="o", summary="Versioned deploy",
                    request=Request, effect="mutate")


@deploy.upgrade(from_major=1, request=RequestV1)
def from_v1(old):
    return {"environment": old.env, "replicas": old.count}


@deploy.plan
def plan(ctx, req):
    yield Action(id="run", kind="run", target=f"{req.environment}/{req.replicas}", reason="r")


@deploy.apply
def apply(ctx, req, action):
    if os.path.exists("down"):
        raise RuntimeError("the deploy target is down")
    return "unchanged"
'''


@pytest.fixture
def deploy(project: Project) -> Project:
    project.add_module("deploy_auto", DEPLOY)
    return project


def test_describe_shows_deprecations_and_accepted_versions(deploy: Project) -> None:
    described = deploy.run("describe", "deploy", "--format", "json", expect_json=True)
    assert described.code == 0
    assert described.doc["deprecations"] == [{
        "field": "region", "flag": "--region", "removal": "3.0.0",
        "message": "regions are derived from the environment now"}]
    assert described.doc["accepted_contract_majors"] == [1, 2]
    region = described.doc["request_schema"]["properties"]["region"]
    assert region["deprecated"] is True and region["x-opsctl-removal"] == "3.0.0"
    text = deploy.run("describe", "deploy")
    assert "DEPRECATED: regions are derived" in text.stdout and "(removed in 3.0.0)" in text.stdout
    assert "accepts requests of contract majors: 1, 2" in text.stdout


def test_using_a_deprecated_field_warns_in_log_and_result(deploy: Project) -> None:
    used = deploy.run("deploy", "--environment", "prod", "--region", "eu", "--format", "json")
    assert used.code == 0
    assert used.doc["warnings"] == [
        "request field 'region' (--region) is deprecated: regions are derived from the "
        "environment now; it will be removed in 3.0.0"]
    assert any(json.loads(line)["event"] == "request.deprecated"
               for line in used.stderr.splitlines() if line.startswith("{"))
    plain = deploy.run("deploy", "--environment", "prod", "--format", "json")
    assert plain.code == 0 and plain.doc["warnings"] == []


def test_a_resumed_run_of_an_older_major_request_still_says_so(deploy: Project) -> None:
    """Resumed from its stored request, the run's result recorded the current version as
    the one asked for, without the warning that the caller's request was upgraded."""
    (deploy.root / "old.json").write_text(json.dumps({"env": "qa", "count": 3}))
    (deploy.root / "down").write_text("")
    failed = deploy.run("deploy", "--request", "old.json", "--contract-version", "1",
                        "--format", "json")
    assert (failed.code, failed.doc["status"]) == (1, "failed"), failed.stderr
    (deploy.root / "down").unlink()
    resumed = deploy.run("resume", failed.doc["run_id"], "--format", "json")
    assert resumed.code == 0, resumed.stderr
    for doc in (failed.doc, resumed.doc):
        assert (doc["requested_contract_version"], doc["contract_version"]) == ("1", "2.1.0")
        assert doc["warnings"][0] == ("request for contract 1 was upgraded to 2.1.0; update "
                                      "the caller to 2.x")


@pytest.mark.parametrize("region", [None, "eu"], ids=["unused", "used"])
def test_applying_a_saved_plan_warns_of_a_deprecated_field_only_when_it_was_used(
        deploy: Project, region: str | None) -> None:
    """A saved plan holds the whole request, defaults included: applying it warned of every
    deprecated field, one its maker never set too."""
    given = ["--region", region] if region else []
    planned = deploy.run("plan", "deploy", "--environment", "prod", *given, "--out",
                         "plan.json", "--format", "json")
    assert planned.code == 10, planned.stderr
    applied = deploy.run("apply", "--plan", "plan.json", "--format", "json")
    assert applied.code == 0, applied.stderr
    assert applied.doc["warnings"] == planned.doc["warnings"] == (
        ["request field 'region' (--region) is deprecated: regions are derived from the "
         "environment now; it will be removed in 3.0.0"] if region else [])


@pytest.mark.parametrize("how", ["document-key", "flag"])
def test_an_older_major_request_is_upgraded(deploy: Project, how: str) -> None:
    document = {"env": "prod", "count": 3}
    args = ["--contract-version", "1"]
    if how == "document-key":
        document["contract_version"] = "1"
        args = []
    (deploy.root / "old.json").write_text(json.dumps(document))
    ran = deploy.run("deploy", "--request", "old.json", *args, "--format", "json")
    assert ran.code == 0, ran.stderr
    assert (ran.doc["requested_contract_version"], ran.doc["contract_version"]) == ("1", "2.1.0")
    assert ran.doc["request"] == {"environment": "prod", "replicas": 3, "region": None}
    assert ran.doc["plan"]["actions"][0]["target"] == "prod/3"
    assert ran.doc["warnings"] == ["request for contract 1 was upgraded to 2.1.0; update the "
                                   "caller to 2.x"]


@pytest.mark.parametrize("command", [["deploy"], ["plan", "deploy"], ["apply", "deploy"],
                                     ["reconcile", "deploy"], ["policy", "check", "deploy"]],
                         ids=["run", "plan", "apply", "reconcile", "policy-check"])
def test_every_command_taking_a_request_upgrades_an_older_one_by_the_flag(
        deploy: Project, command: list[str]) -> None:
    (deploy.root / "old.json").write_text(json.dumps({"env": "prod", "count": 3}))

    ran = deploy.run(*command, "--request", "old.json", "--contract-version", "1", "--format",
                     "json")

    # deploy plans its action every time (apply finds it unchanged): reconcile never converges
    assert ran.code in ((4,) if command[0] == "reconcile" else (0, 10)), ran.stderr
    assert ran.doc["request"] == {"environment": "prod", "replicas": 3, "region": None}
    if command[0] != "policy":
        assert ran.doc["requested_contract_version"] == "1"
        assert ran.doc["plan"]["actions"][0]["target"] == "prod/3"


@pytest.mark.parametrize(("flags", "expected"), [
    pytest.param(["--replicas", "5"], {"environment": "prod", "replicas": 5, "region": None},
                 id="a-field-only-the-current-version-has"),
    pytest.param(["--environment", "staging"],
                 {"environment": "staging", "replicas": 3, "region": None},
                 id="a-current-flag-over-an-upgraded-field"),
])
def test_flags_are_the_current_version_s_and_apply_after_the_upgrade(
        deploy: Project, flags: list[str], expected: dict[str, object]) -> None:
    (deploy.root / "old.json").write_text(json.dumps({"env": "prod", "count": 3}))

    ran = deploy.run("deploy", "--request", "old.json", "--contract-version", "1", *flags,
                     "--format", "json")

    assert ran.code == 0, ran.stderr
    assert ran.doc["request"] == expected
    assert ran.doc["requested_contract_version"] == "1"


def test_flags_alone_are_not_an_older_request(deploy: Project) -> None:
    ran = deploy.run("deploy", "--contract-version", "1", "--environment", "staging",
                     "--format", "json")

    assert ran.code == 2
    assert ran.doc["error"]["message"] == (
        "invalid request for deploy 1.x: env: required field is missing (a 1.x request comes "
        "as a document; command-line flags are the 2.x fields)")


def test_current_requests_say_which_version_ran(deploy: Project) -> None:
    ran = deploy.run("deploy", "--environment", "dev", "--format", "json")
    assert (ran.doc["requested_contract_version"], ran.doc["contract_version"]) == ("2.1.0", "2.1.0")


@pytest.mark.parametrize(("document", "message"), [
    ({"contract_version": "3", "environment": "x"}, "does not exist yet"),
    ({"contract_version": "2.7.0", "environment": "x"},
     "contract version 2.7.0 of deploy does not exist yet: the code is at 2.1.0"),
    ({"contract_version": "0", "env": "x"}, "no longer accepts contract version 0"),
    ({"contract_version": "one", "env": "x"}, "is not a version"),
    ({"contract_version": "1", "environment": "x"}, "invalid request for deploy 1.x"),
], ids=["newer", "newer-minor", "unknown-older", "not-a-version", "invalid-for-the-old-model"])
def test_bad_contract_versions_exit_2_and_record_nothing(deploy: Project, document: dict[str, str],
                                                         message: str) -> None:
    (deploy.root / "req.json").write_text(json.dumps(document))
    bad = deploy.run("deploy", "--request", "req.json", "--format", "json")
    assert bad.code == 2
    assert message in bad.doc["error"]["message"]
    runs = deploy.run("runs", "--format", "json", expect_json=True)
    assert runs.doc["runs"] == []


def test_contract_check_holds_the_older_major_request_to_the_lock(deploy: Project) -> None:
    assert deploy.run("contract", "lock").code == 0
    assert "older_request_schemas" in json.loads(
        (deploy.root / "opsctl.contracts.json").read_text())["automations"]["deploy"]
    stricter = DEPLOY.replace("    count: int = 1\n", "    count: int = Field(default=1, le=2)\n"
                              ).replace("import BaseModel, ConfigDict", "import BaseModel, "
                                        "ConfigDict, Field").replace('"2.1.0"', '"2.2.0"')
    deploy.add_module("deploy_auto", stricter)

    checked = deploy.run("contract", "check")

    assert checked.code == 3, checked.stdout + checked.stderr
    assert ("BREAKING deploy request.constraint_tightened "
            "older_request_schemas/1/properties/count/maximum: contract 1.x requests:"
            ) in checked.stdout


def test_schema_of_an_older_accepted_major(deploy: Project) -> None:
    old = deploy.run("schema", "deploy", "--version", "1", expect_json=True)
    assert old.code == 0
    assert set(old.doc["properties"]) == {"env", "count"}
    assert old.doc["x-opsctl-contract-version"] == "1.x"
    assert old.doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    missing = deploy.run("schema", "deploy", "--version", "7")
    assert missing.code == 2 and "accepted majors: 1, 2" in missing.stderr


@pytest.mark.parametrize(("version", "code"), [("2", 0), ("2.0.5", 0), ("2.1.0", 0),
                                                ("2.1.1", 2), ("2.2", 2), ("2.7.0", 2)])
def test_schema_of_a_version_the_code_does_not_have_yet_is_refused(deploy: Project, version: str,
                                                                   code: int) -> None:
    printed = deploy.run("schema", "deploy", "--version", version)

    assert printed.code == code, printed.stderr
    if code:
        assert printed.stdout == ""
        assert printed.stderr.splitlines()[0] == (
            f"opsctl: error: contract version {version} of deploy does not exist yet: the code "
            "is at 2.1.0")
    else:
        assert json.loads(printed.stdout)["x-opsctl-contract-version"] == "2.1.0"


def test_every_published_schema_is_valid_json_schema_2020_12(deploy: Project) -> None:
    """What `schema` and `describe` print, for the current and an older major, and the result
    document: each passes the JSON Schema 2020-12 metaschema (jsonschema, independent of
    pydantic)."""
    from jsonschema import Draft202012Validator

    published = [deploy.run("schema", "deploy", expect_json=True).doc,
                 deploy.run("schema", "deploy", "--version", "1", expect_json=True).doc,
                 deploy.run("schema", "deploy", "--kind", "result", expect_json=True).doc,
                 deploy.run("schema", "--result-document", expect_json=True).doc]
    described = deploy.run("describe", "deploy", "--format", "json", expect_json=True).doc
    published += [described["request_schema"], described["result_schema"]]
    for schema in published:
        Draft202012Validator.check_schema(schema)
    assert published[0]["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_the_repository_examples_publish_valid_schemas_and_match_their_lock() -> None:
    import subprocess
    from pathlib import Path

    from jsonschema import Draft202012Validator

    from tests.conftest import OPSCTL

    repo = Path(__file__).resolve().parents[2]
    listed = subprocess.run([OPSCTL, "list", "--format", "json"], cwd=repo, capture_output=True,
                            text=True, timeout=60)
    names = [a["name"] for a in json.loads(listed.stdout)["automations"]]
    assert names == ["cleanup-ebs-volumes", "cleanup-files", "release-tag"]
    for name in names:
        shown = subprocess.run([OPSCTL, "schema", name], cwd=repo, capture_output=True,
                               text=True, timeout=60)
        Draft202012Validator.check_schema(json.loads(shown.stdout))
    checked = subprocess.run([OPSCTL, "contract", "check", "--format", "json"], cwd=repo,
                             capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0, checked.stdout + checked.stderr
