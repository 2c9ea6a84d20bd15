"""cleanup-ebs-volumes: delete unattached, tagged EBS volumes older than a threshold.

The plan lists the volumes of one region that are ``available`` (attached to nothing) and carry
the tag ``--tag-key`` = ``--tag-value`` (default ``opsctl:cleanup=true``), and plans one
``delete`` per volume created longer ago than ``--older-than`` (default 7d). Only
Describe calls happen while planning.

Apply re-reads the volume first: one that is gone is "unchanged"; one that was attached or
untagged since planning is kept (logged as a warning, "unchanged"). Then it deletes it;
``InvalidVolume.NotFound`` is "unchanged".

AWS failures map to opsctl's exit codes: throttling, 5xx and unreachable or timed-out endpoints
are retryable dependency errors (exit 4, after botocore's bounded retries); AccessDenied,
UnauthorizedOperation and missing or refused credentials are auth errors (exit 6).

boto3 is imported only when the automation runs (inside ``ctx.aws_client``), so listing
automations stays fast and works without the ``opsctl[aws]`` extra.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from opsctl import Action, Automation, Context, Duration
from opsctl.engine.classify import aws_error_code, classify_exception

NOT_FOUND = "InvalidVolume.NotFound"
IN_USE = "VolumeInUse"


HELP = (
    "Delete unattached EBS volumes of one region that carry the cleanup tag and are older than "
    "a threshold.\n\n"
    "Candidates are volumes in state 'available' tagged TAG_KEY=TAG_VALUE (default "
    "opsctl:cleanup=true) created before now minus --older-than. A volume attached or untagged "
    "since planning is kept. Throttling and unreachable endpoints exit 4, refused credentials "
    "or permissions exit 6. AWS_ENDPOINT_URL (or endpoint_url in [automation.cleanup-ebs-volumes]) "
    "points it at an emulator."
)


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")

    region: str = Field(pattern=r"^[a-z]{2}(-[a-z]+)+-\d+$",
                        description="AWS region whose volumes to clean up, e.g. eu-west-1")
    tag_key: str = Field(default="opsctl:cleanup", min_length=1, max_length=128,
                         description="Only volumes with this tag key are candidates")
    tag_value: str = Field(default="true", max_length=256,
                           description="Value the tag must have")
    older_than: Duration = Field(default=timedelta(days=7),
                                 description="Delete volumes created longer ago than this")


cleanup_ebs = Automation(
    "cleanup-ebs-volumes",
    version="1.0.0",
    owner="platform",
    summary="Delete unattached, tagged EBS volumes older than a threshold",
    description=HELP,
    request=Request,
    effect="mutate",
    lock_scope=("region",),
)


@contextmanager
def aws_errors(what: str) -> Iterator[None]:
    """Name the AWS call in the error; opsctl maps botocore failures to exit codes 4 and 6."""
    try:
        yield
    except Exception as exc:
        known = classify_exception(exc, what)
        if known is None or known is exc:
            raise
        raise known from None


def _tags(volume: dict[str, Any]) -> dict[str, str]:
    return {t["Key"]: t.get("Value", "") for t in volume.get("Tags") or []}


@cleanup_ebs.plan
def plan(ctx: Context, req: Request) -> Iterator[Action]:
    ec2 = ctx.aws_client("ec2", region=req.region)
    try:
        cutoff = ctx.now() - req.older_than
    except OverflowError:  # a threshold before year 1 (--older-than 1000000d): nothing is older
        cutoff = datetime.min.replace(tzinfo=UTC)
    filters = [{"Name": "status", "Values": ["available"]},
               {"Name": f"tag:{req.tag_key}", "Values": [req.tag_value]}]
    volumes: list[dict[str, Any]] = []
    try:
        with aws_errors(f"EC2 DescribeVolumes in {req.region}"):
            for page in ec2.get_paginator("describe_volumes").paginate(Filters=filters):
                volumes.extend(page.get("Volumes", []))
    finally:  # a worker or a server plans many times: no connections left behind
        ec2.close()
    volumes.sort(key=lambda v: str(v["VolumeId"]))
    ctx.log.info("ebs.scanned", region=req.region, candidates=len(volumes),
                 cutoff=cutoff.isoformat())
    for volume in volumes:
        # The filters did this server-side; checked again so a lax emulator cannot widen it.
        if volume.get("State") != "available" or volume.get("Attachments"):
            continue
        if _tags(volume).get(req.tag_key) != req.tag_value:
            continue
        created = volume["CreateTime"]
        if created >= cutoff:
            continue
        volume_id = str(volume["VolumeId"])
        age = ctx.now() - created
        yield Action(
            id=f"volume:{volume_id}", kind="delete",
            target=f"ec2:{req.region}:volume/{volume_id}",
            reason=f"available and tagged {req.tag_key}={req.tag_value}, created "
                   f"{age.days}d{age.seconds // 3600}h ago",
            data={"volume_id": volume_id, "region": req.region},
            before={"size_gib": volume.get("Size"), "type": volume.get("VolumeType"),
                    "zone": volume.get("AvailabilityZone"), "created": created.isoformat(),
                    "tags": _tags(volume)},
        )


@cleanup_ebs.apply
def apply(ctx: Context, req: Request, action: Action) -> Literal["applied", "unchanged"]:
    ec2 = ctx.aws_client("ec2", region=req.region)
    volume_id = str(action.data["volume_id"])
    from botocore.exceptions import ClientError

    try:
        with aws_errors(f"EC2 DescribeVolumes {volume_id}"):
            try:
                found = ec2.describe_volumes(VolumeIds=[volume_id]).get("Volumes", [])
            except ClientError as exc:
                if aws_error_code(exc) == NOT_FOUND:
                    return "unchanged"
                raise
        if not found:
            return "unchanged"
        volume = found[0]
        if volume.get("State") != "available" or volume.get("Attachments"):
            ctx.warn(f"kept {volume_id}: attached or in use since planning",
                     volume_id=volume_id, state=volume.get("State"))
            return "unchanged"
        if _tags(volume).get(req.tag_key) != req.tag_value:
            ctx.warn(f"kept {volume_id}: cleanup tag removed since planning", volume_id=volume_id)
            return "unchanged"
        with aws_errors(f"EC2 DeleteVolume {volume_id}"):
            try:
                ec2.delete_volume(VolumeId=volume_id)
            except ClientError as exc:
                code = aws_error_code(exc)
                if code == NOT_FOUND:
                    return "unchanged"
                if code == IN_USE:
                    ctx.warn(f"kept {volume_id}: attached since planning", volume_id=volume_id)
                    return "unchanged"
                raise
    finally:
        ec2.close()
    return "applied"


@cleanup_ebs.verify
def verify(ctx: Context, req: Request, action: Action) -> bool:
    """Converged when the volume is gone or deleting."""
    ec2 = ctx.aws_client("ec2", region=req.region)
    volume_id = str(action.data["volume_id"])
    from botocore.exceptions import ClientError

    try:
        with aws_errors(f"EC2 DescribeVolumes {volume_id}"):
            try:
                found = ec2.describe_volumes(VolumeIds=[volume_id]).get("Volumes", [])
            except ClientError as exc:
                if aws_error_code(exc) == NOT_FOUND:
                    return True
                raise
    finally:
        ec2.close()
    return not found or found[0].get("State") in ("deleting", "deleted")
