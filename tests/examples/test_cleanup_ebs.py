"""cleanup-ebs-volumes against moto in server mode (a real HTTP endpoint in a subprocess).

moto stamps CreateTime with the creation moment, so the age threshold is exercised with
``--older-than 0s`` (every volume is old enough) against the default 7d (none is).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from opsctl.testing import FakeClock, OpsctlHarness, assert_exit
from tests.examples.conftest import _OUTER_AWS, ExampleProject, aws_env, free_port, import_example

CLEANUP_TAG = {"Key": "opsctl:cleanup", "Value": "true"}


@pytest.fixture
def project(example_project: Any, moto: str) -> ExampleProject:
    proj: ExampleProject = example_project("examples.cleanup_ebs")
    proj.env_extra = aws_env(proj.home, moto)
    return proj


@pytest.fixture
def ec2(moto: str) -> Any:
    boto3 = pytest.importorskip("boto3")
    return boto3.client("ec2", region_name="us-east-1", endpoint_url=moto,
                        aws_access_key_id="testing", aws_secret_access_key="testing")


def create_volume(ec2: Any, *tags: dict[str, str], zone: str = "us-east-1a") -> str:
    spec = [{"ResourceType": "volume", "Tags": list(tags)}] if tags else []
    volume = ec2.create_volume(AvailabilityZone=zone, Size=8, VolumeType="gp3",
                               TagSpecifications=spec)
    return str(volume["VolumeId"])


def volume_ids(ec2: Any) -> set[str]:
    return {v["VolumeId"] for v in ec2.describe_volumes()["Volumes"]}


_IMAGE: list[str] = []


def any_image(ec2: Any) -> str:
    """An AMI moto knows (its catalogue is large: listed once per test process)."""
    if not _IMAGE:
        _IMAGE.append(ec2.describe_images()["Images"][0]["ImageId"])
    return _IMAGE[0]


@pytest.fixture
def fleet(ec2: Any) -> dict[str, str]:
    """Two deletable volumes and four that must survive every run."""
    image = any_image(ec2)
    instance = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, InstanceType="t3.micro",
                                 Placement={"AvailabilityZone": "us-east-1a"})["Instances"][0]
    volumes = {
        "stale-a": create_volume(ec2, CLEANUP_TAG, {"Key": "Name", "Value": "stale-a"}),
        "stale-b": create_volume(ec2, CLEANUP_TAG, zone="us-east-1b"),
        "untagged": create_volume(ec2),
        "other-value": create_volume(ec2, {"Key": "opsctl:cleanup", "Value": "false"}),
        "attached": create_volume(ec2, CLEANUP_TAG),
        "team-tagged": create_volume(ec2, {"Key": "team", "Value": "data"}),
    }
    ec2.attach_volume(VolumeId=volumes["attached"], InstanceId=instance["InstanceId"],
                      Device="/dev/sdf")
    return volumes


def cleanup(project: ExampleProject, *args: str, region: str = "us-east-1"):
    return project.run("cleanup-ebs-volumes", "--region", region, *args, "--format", "json")


def planned(doc: dict[str, Any]) -> list[str]:
    return sorted(a["id"] for a in doc["plan"]["actions"])


@pytest.mark.aws
def test_dry_run_plans_only_available_tagged_old_volumes(project: ExampleProject, ec2: Any,
                                                         fleet: dict[str, str]) -> None:
    before = volume_ids(ec2)

    result = cleanup(project, "--older-than", "0s", "--dry-run")

    assert result.code == 10, result.stderr
    assert result.doc["status"] == "changes_planned"
    assert planned(result.doc) == sorted(f"volume:{fleet[n]}" for n in ("stale-a", "stale-b"))
    action = next(a for a in result.doc["plan"]["actions"] if fleet["stale-a"] in a["id"])
    assert action["kind"] == "delete"
    assert action["target"] == f"ec2:us-east-1:volume/{fleet['stale-a']}"
    assert action["before"]["size_gib"] == 8
    assert action["before"]["tags"] == {"opsctl:cleanup": "true", "Name": "stale-a"}
    assert datetime.fromisoformat(action["before"]["created"]) <= datetime.now(UTC)
    assert volume_ids(ec2) == before


@pytest.mark.aws
def test_apply_deletes_them_and_a_second_run_changes_nothing(project: ExampleProject, ec2: Any,
                                                             fleet: dict[str, str]) -> None:
    result = cleanup(project, "--older-than", "0s")

    assert result.code == 0, result.stderr
    assert result.doc["status"] == "succeeded"
    assert [a["status"] for a in result.doc["plan"]["actions"]] == ["applied", "applied"]
    survivors = {fleet[n] for n in ("untagged", "other-value", "attached", "team-tagged")}
    assert survivors <= volume_ids(ec2)
    assert not ({fleet["stale-a"], fleet["stale-b"]} & volume_ids(ec2))

    again = cleanup(project, "--older-than", "0s")

    assert again.code == 0
    assert again.doc["status"] == "no_changes"
    assert again.doc["plan"]["actions"] == []
    assert survivors <= volume_ids(ec2)


@pytest.mark.aws
def test_default_threshold_keeps_new_volumes(project: ExampleProject, ec2: Any,
                                             fleet: dict[str, str]) -> None:
    before = volume_ids(ec2)

    result = cleanup(project)

    assert result.code == 0, result.stderr
    assert result.doc["status"] == "no_changes"
    assert result.doc["request"]["older_than"] == "7d"
    assert result.doc["plan"]["actions"] == []
    assert volume_ids(ec2) == before


@pytest.mark.aws
def test_a_threshold_further_back_than_any_date_deletes_nothing(project: ExampleProject,
                                                                 ec2: Any,
                                                                 fleet: dict[str, str]) -> None:
    before = volume_ids(ec2)

    result = cleanup(project, "--older-than", "100000000d")

    assert result.code == 0, result.stderr
    assert result.doc["status"] == "no_changes"
    assert volume_ids(ec2) == before


@pytest.mark.aws
def test_custom_tag_and_other_regions(project: ExampleProject, ec2: Any, fleet: dict[str, str],
                                      moto: str) -> None:
    import boto3

    west = boto3.client("ec2", region_name="us-west-2", endpoint_url=moto,
                        aws_access_key_id="testing", aws_secret_access_key="testing")
    west_volume = create_volume(west, {"Key": "team", "Value": "data"}, zone="us-west-2a")

    result = cleanup(project, "--tag-key", "team", "--tag-value", "data", "--older-than", "0s")

    assert result.code == 0, result.stderr
    assert planned(result.doc) == [f"volume:{fleet['team-tagged']}"]
    assert fleet["team-tagged"] not in volume_ids(ec2)
    assert fleet["stale-a"] in volume_ids(ec2)
    assert volume_ids(west) == {west_volume}


@pytest.mark.aws
def test_unreachable_endpoint_is_a_dependency_error(example_project: Any, tmp_path: Path) -> None:
    proj: ExampleProject = example_project("examples.cleanup_ebs")
    closed = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    proj.env_extra = aws_env(proj.home, closed)

    result = cleanup(proj, "--older-than", "0s")

    assert result.code == 4
    assert result.doc["status"] == "failed"
    assert result.doc["error"]["type"] == "dependency_unavailable"
    assert result.doc["error"]["retryable"] is True
    assert result.doc["error"]["step"] == "plan"
    assert "cannot reach the AWS endpoint" in result.doc["error"]["message"]
    assert closed in result.doc["error"]["message"]
    assert "Traceback" not in result.stderr


def test_invalid_region_is_a_usage_error(example_project: Any) -> None:
    proj: ExampleProject = example_project("examples.cleanup_ebs")

    result = cleanup(proj, region="Mars")

    assert result.code == 2
    assert result.doc["error"]["type"] == "validation"
    assert "region" in result.doc["error"]["message"]


def test_listing_does_not_import_boto3(example_project: Any) -> None:
    proj: ExampleProject = example_project("examples.cleanup_ebs")
    probe = proj.root / "sitecustomize.py"
    probe.write_text("import sys\nsys.modules['boto3'] = None\nsys.modules['botocore'] = None\n")
    env = proj.env(PYTHONPATH=str(proj.root))  # imports of boto3/botocore now fail

    listed = proj.run("list", "--format", "json", env=env, expect_json=True)
    helped = proj.run("cleanup-ebs-volumes", "--help", env=env)

    assert listed.code == 0, listed.stderr
    assert [a["name"] for a in listed.doc["automations"]] == ["cleanup-ebs-volumes"]
    assert helped.code == 0
    assert "--older-than" in helped.stdout


# -- in process with the test kit: golden plan, dry run = apply, idempotency, the clock ------------

@pytest.fixture
def harness(opsctl_harness: OpsctlHarness, moto: str) -> OpsctlHarness:
    """cleanup-ebs-volumes run in this process against moto; no AWS profile from outside."""
    for key in _OUTER_AWS:
        opsctl_harness.delenv(key)
    for key, value in aws_env(opsctl_harness.home, moto).items():
        opsctl_harness.setenv(key, value)
    opsctl_harness.register(import_example("examples.cleanup_ebs").cleanup_ebs)
    return opsctl_harness


@pytest.fixture
def eight_days_later(fleet: dict[str, str], opsctl_clock: FakeClock) -> dict[str, str]:
    """The fleet, seen eight days after moto created it: past the default 7d threshold."""
    opsctl_clock.set(datetime.now(UTC) + timedelta(days=8))
    return fleet


@pytest.mark.aws
def test_kit_plan_matches_the_golden_plan(harness: OpsctlHarness,
                                          eight_days_later: dict[str, str]) -> None:
    fleet = eight_days_later

    result = harness.dry_run("cleanup-ebs-volumes", region="us-east-1")

    assert_exit(result, 10)
    # volume ids are generated (and order the plan); creation times are moto's real clock
    harness.assert_plan_matches_golden(
        result, "cleanup-ebs-volumes",
        normalize={fleet["stale-a"]: "<stale-a>", fleet["stale-b"]: "<stale-b>"},
        ignore=["before.created"], sort=True)


@pytest.mark.aws
def test_kit_dry_run_shows_exactly_what_apply_deletes(harness: OpsctlHarness, ec2: Any,
                                                      eight_days_later: dict[str, str]) -> None:
    fleet = eight_days_later

    dry, applied = harness.assert_dry_run_matches_apply(
        "cleanup-ebs-volumes", region="us-east-1", observe=lambda: volume_ids(ec2))

    assert sorted(dry.action_ids()) == sorted(f"volume:{fleet[n]}" for n in ("stale-a", "stale-b"))
    assert applied.summary["applied"] == 2
    assert not ({fleet["stale-a"], fleet["stale-b"]} & volume_ids(ec2))
    assert {fleet[n] for n in ("untagged", "other-value", "attached", "team-tagged")} <= volume_ids(ec2)


@pytest.mark.aws
def test_kit_a_second_cleanup_changes_nothing(harness: OpsctlHarness, ec2: Any,
                                              eight_days_later: dict[str, str]) -> None:
    fleet = eight_days_later

    first = harness.assert_idempotent("cleanup-ebs-volumes", region="us-east-1")

    assert first.summary["applied"] == 2
    assert not ({fleet["stale-a"], fleet["stale-b"]} & volume_ids(ec2))


@pytest.mark.aws
def test_kit_new_volumes_are_kept_until_the_threshold(harness: OpsctlHarness, ec2: Any,
                                                      fleet: dict[str, str],
                                                      opsctl_clock: FakeClock) -> None:
    opsctl_clock.set(datetime.now(UTC) + timedelta(days=6))
    assert_exit(harness.dry_run("cleanup-ebs-volumes", region="us-east-1"), 0)

    opsctl_clock.advance("2d")

    assert_exit(harness.dry_run("cleanup-ebs-volumes", region="us-east-1"), 10)


# -- apply's error mapping, in process with botocore's Stubber ------------------------------------

class _Stubbed:
    def __init__(self) -> None:
        boto3 = pytest.importorskip("boto3")
        from botocore.stub import Stubber

        self.client = boto3.client("ec2", region_name="us-east-1", aws_access_key_id="x",
                                   aws_secret_access_key="x")
        self.stub = Stubber(self.client)
        self.stub.activate()


def _apply(stubbed: _Stubbed) -> str:
    from opsctl import Action
    from opsctl.engine.context import Context
    from opsctl.observe.log import CaptureSink, Logger

    example = import_example("examples.cleanup_ebs")
    ctx = Context(run_id="run_test", automation="cleanup-ebs-volumes", actor="test", config={},
                  secrets={}, log=Logger(CaptureSink(), []), clock=lambda: datetime.now(UTC),
                  phase="apply")
    ctx.aws_client = lambda service, region=None, **_: stubbed.client  # type: ignore[method-assign]
    request = example.Request(region="us-east-1")
    action = Action(id="volume:vol-1", kind="delete", target="ec2:us-east-1:volume/vol-1",
                    reason="test", data={"volume_id": "vol-1", "region": "us-east-1"})
    return str(example.cleanup_ebs.call_apply(ctx, request, action))


AVAILABLE = {"Volumes": [{"VolumeId": "vol-1", "State": "available", "Attachments": [],
                          "Tags": [CLEANUP_TAG]}]}


@pytest.mark.parametrize("fails", [False, True], ids=["listed", "throttled"])
def test_plan_closes_its_client(fails: bool) -> None:
    from opsctl.engine.context import Context
    from opsctl.errors import TransientError
    from opsctl.observe.log import CaptureSink, Logger

    stubbed = _Stubbed()
    if fails:
        stubbed.stub.add_client_error("describe_volumes", "RequestLimitExceeded")
    else:
        stubbed.stub.add_response("describe_volumes", {"Volumes": [
            {**AVAILABLE["Volumes"][0], "CreateTime": datetime.now(UTC) - timedelta(days=9)}]})
    closed: list[bool] = []
    close = stubbed.client.close
    stubbed.client.close = lambda: (closed.append(True), close())[1]  # type: ignore[method-assign]
    example = import_example("examples.cleanup_ebs")
    ctx = Context(run_id="run_test", automation="cleanup-ebs-volumes", actor="test", config={},
                  secrets={}, log=Logger(CaptureSink(), []), clock=lambda: datetime.now(UTC))
    ctx.aws_client = lambda service, region=None, **_: stubbed.client  # type: ignore[method-assign]
    request = example.Request(region="us-east-1")

    if fails:
        with pytest.raises(TransientError):
            list(example.cleanup_ebs.call_plan(ctx, request))
    else:
        assert [a.id for a in example.cleanup_ebs.call_plan(ctx, request)] == ["volume:vol-1"]

    assert closed == [True]


def test_apply_of_a_volume_already_gone_is_unchanged() -> None:
    stubbed = _Stubbed()
    stubbed.stub.add_client_error("describe_volumes", "InvalidVolume.NotFound")

    assert _apply(stubbed) == "unchanged"


def test_apply_when_delete_finds_it_gone_is_unchanged() -> None:
    stubbed = _Stubbed()
    stubbed.stub.add_response("describe_volumes", AVAILABLE)
    stubbed.stub.add_client_error("delete_volume", "InvalidVolume.NotFound")

    assert _apply(stubbed) == "unchanged"


def test_apply_keeps_a_volume_attached_since_planning() -> None:
    stubbed = _Stubbed()
    stubbed.stub.add_response("describe_volumes", {"Volumes": [
        {**AVAILABLE["Volumes"][0], "State": "in-use",
         "Attachments": [{"InstanceId": "i-1", "State": "attached"}]}]})

    assert _apply(stubbed) == "unchanged"
    stubbed.stub.assert_no_pending_responses()


@pytest.mark.parametrize(("code", "error", "exit_code"), [
    ("RequestLimitExceeded", "TransientError", 4),
    ("Throttling", "TransientError", 4),
    ("UnauthorizedOperation", "AuthError", 6),
    ("AccessDenied", "AuthError", 6),
])
def test_apply_maps_aws_errors_to_exit_codes(code: str, error: str, exit_code: int) -> None:
    from opsctl.errors import OpsctlError

    stubbed = _Stubbed()
    stubbed.stub.add_response("describe_volumes", AVAILABLE)
    stubbed.stub.add_client_error("delete_volume", code, "nope")

    with pytest.raises(OpsctlError) as raised:
        _apply(stubbed)

    assert type(raised.value).__name__ == error
    assert raised.value.exit_code == exit_code
    assert code in raised.value.message
