#!/usr/bin/env -S uv run --script
# [MISE] description="Prune old qemu image bundles from the CI S3 bucket"
# /// script
# requires-python = ">=3.11"
# dependencies = ["boto3", "pyyaml"]
# ///
"""Prune old nested-qemu image bundles from S3.

The live image for each machine/release pair is read from the promoted.json
pointer object:

    s3://homelab-ci-images/<ubuntu>/<machine>/promoted.json -> {"build_id": ...}

The bucket layout is:

    s3://homelab-ci-images/<ubuntu>/<machine>/<build-id>/

This task keeps the promoted build, the newest 3 extra builds, and anything
younger than 7 days. It prints the deletion plan by default and only mutates the
bucket when called with --apply. The bucket lifecycle handles noncurrent
versions, so a stale prefix is swept by deleting every object version.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

# Import the release constants from the test harness so the source of truth
# stays single. test/ isn't a package, so prepend it to sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "test"))
from matrix import UBUNTU_RELEASES

S3_BUCKET = "homelab-ci-images"
AWS_REGION = "eu-central-1"
MACHINES = ("box", "box_deps")
UBUNTUS = tuple(sorted(UBUNTU_RELEASES))
KEEP_NEWEST = 3
KEEP_DAYS = 7
POINTER_NAME = "promoted.json"
DELETE_BATCH_SIZE = 1000

CFG = Config(retries={"max_attempts": 10, "mode": "adaptive"})


@dataclass
class Build:
    ubuntu: str
    machine: str
    build_id: str
    prefix: str
    last_modified: dt.datetime
    object_count: int
    size_bytes: int
    keep_reasons: list[str] = field(default_factory=list)

    @property
    def keep(self) -> bool:
        return bool(self.keep_reasons)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--apply", action="store_true")
    return parser.parse_args()


def promoted_build(s3, machine: str, ubuntu: str) -> str | None:
    key = f"{ubuntu}/{machine}/{POINTER_NAME}"
    try:
        body = s3.get_object(Bucket=S3_BUCKET, Key=key)["Body"].read()
    except ClientError as e:
        code = e.response["Error"].get("Code", "Error")
        status = e.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        if code in ("NoSuchKey", "404") or status == 404:
            return None
        raise
    pointer = json.loads(body)
    build_id = pointer.get("build_id")
    return build_id or None


def list_build_ids(s3, machine: str, ubuntu: str) -> list[str]:
    root = f"{ubuntu}/{machine}/"
    build_ids: list[str] = []
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=S3_BUCKET, Prefix=root, Delimiter="/"):
        for common in page.get("CommonPrefixes", []):
            prefix = common["Prefix"]
            build_id = prefix.removeprefix(root).strip("/")
            if build_id:
                build_ids.append(build_id)
    return sorted(build_ids)


def build_stats(s3, machine: str, ubuntu: str, build_id: str) -> Build:
    prefix = f"{ubuntu}/{machine}/{build_id}/"
    last_modified: dt.datetime | None = None
    size_bytes = 0
    object_count = 0
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=S3_BUCKET, Prefix=prefix):
        for obj in page.get("Contents", []):
            object_count += 1
            size_bytes += int(obj["Size"])
            modified = obj["LastModified"]
            if last_modified is None or modified > last_modified:
                last_modified = modified
    if last_modified is None:
        last_modified = dt.datetime.fromtimestamp(0, tz=dt.UTC)
    return Build(
        ubuntu=ubuntu,
        machine=machine,
        build_id=build_id,
        prefix=prefix,
        last_modified=last_modified,
        object_count=object_count,
        size_bytes=size_bytes,
    )


def mark_keep_reasons(builds: list[Build], promoted: str | None, keep_newest: int, keep_days: int) -> None:
    now = dt.datetime.now(dt.UTC)
    if promoted:
        for build in builds:
            if build.build_id == promoted:
                build.keep_reasons.append("promoted")
                break

    extras = 0
    for build in builds:
        if build.build_id == promoted:
            continue
        if extras < keep_newest:
            build.keep_reasons.append(f"newest-extra-{extras + 1}")
            extras += 1

    grace = dt.timedelta(days=keep_days)
    for build in builds:
        age = now - build.last_modified
        if age <= grace:
            build.keep_reasons.append(f"younger-than-{keep_days}d")


def list_release_prefixes(s3) -> list[str]:
    """Release codenames actually present in the bucket.

    Read from S3 rather than the supported-release list: a release dropped from
    UBUNTU_RELEASES would otherwise stop being enumerated and its bundles would
    become immortal -- retirement has to mean reaped, not orphaned.
    """
    releases: list[str] = []
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=S3_BUCKET, Delimiter="/"):
        for common in page.get("CommonPrefixes", []):
            release = common["Prefix"].strip("/")
            if release:
                releases.append(release)
    return sorted(releases)


def iter_versions(s3, prefix: str) -> Iterable[dict[str, str]]:
    """Yield every object version + delete marker under a prefix."""
    paginator = s3.get_paginator("list_object_versions")
    for page in paginator.paginate(Bucket=S3_BUCKET, Prefix=prefix):
        for key in ("Versions", "DeleteMarkers"):
            for item in page.get(key, []):
                yield {"Key": item["Key"], "VersionId": item["VersionId"]}


def delete_in_batches(s3, items: Iterable[dict[str, str]]) -> int:
    deleted = 0
    batch: list[dict[str, str]] = []
    for item in items:
        batch.append(item)
        if len(batch) == DELETE_BATCH_SIZE:
            s3.delete_objects(Bucket=S3_BUCKET, Delete={"Objects": batch, "Quiet": True})
            deleted += len(batch)
            batch = []
    if batch:
        s3.delete_objects(Bucket=S3_BUCKET, Delete={"Objects": batch, "Quiet": True})
        deleted += len(batch)
    return deleted


def human_size(size: int) -> str:
    units = ("B", "KiB", "MiB", "GiB", "TiB")
    value = float(size)
    for unit in units:
        if value < 1024 or unit == units[-1]:
            return f"{value:.1f}{unit}" if unit != "B" else f"{size}B"
        value /= 1024
    return f"{size}B"


def main() -> int:
    args = parse_args()
    s3 = boto3.client("s3", region_name=AWS_REGION, config=CFG)

    print(
        f"== QEMU image reaper: s3://{S3_BUCKET}/ "
        f"(keep promoted + newest {KEEP_NEWEST} + younger than {KEEP_DAYS}d)"
    )
    if not args.apply:
        print("DRY RUN: pass --apply to delete stale build prefixes")

    stale: list[Build] = []
    kept: list[Build] = []
    for ubuntu in list_release_prefixes(s3):
        # A release no longer in UBUNTU_RELEASES can never be hydrated again, so
        # nothing under it is worth keeping -- no promoted pointer, no newest-N.
        retired = ubuntu not in UBUNTUS
        if retired:
            print(f"  {ubuntu}: retired release -- reaping every build")
        for machine in MACHINES:
            promoted = None if retired else promoted_build(s3, machine, ubuntu)
            builds = [build_stats(s3, machine, ubuntu, build_id) for build_id in list_build_ids(s3, machine, ubuntu)]
            builds.sort(key=lambda build: build.last_modified, reverse=True)
            mark_keep_reasons(builds, promoted, 0 if retired else KEEP_NEWEST, 0 if retired else KEEP_DAYS)
            if promoted and all(build.build_id != promoted for build in builds):
                print(f"WARN: {ubuntu}/{machine} promotes missing build {promoted}", file=sys.stderr)
            if not builds:
                print(f"    {ubuntu}/{machine}: no builds")
                continue
            for build in builds:
                (kept if build.keep else stale).append(build)
                marker = "KEEP" if build.keep else "DROP"
                reason = ",".join(build.keep_reasons) if build.keep else "stale"
                print(
                    f"    {marker} {ubuntu}/{machine}/{build.build_id} "
                    f"{build.last_modified:%Y-%m-%d} "
                    f"{build.object_count} objects {human_size(build.size_bytes)} "
                    f"({reason})"
                )

    print(f"\nSummary: keep {len(kept)} build prefixes, delete {len(stale)} stale build prefixes")
    if not stale:
        return 0
    if not args.apply:
        return 0

    deleted = 0
    for build in stale:
        print(f"==> deleting all versions under s3://{S3_BUCKET}/{build.prefix}")
        deleted += delete_in_batches(s3, iter_versions(s3, build.prefix))
    print(f"Deleted {deleted} object versions/delete markers")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
