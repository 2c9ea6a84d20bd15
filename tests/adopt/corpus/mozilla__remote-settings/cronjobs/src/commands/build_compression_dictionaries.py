"""
This command will iterate through the collections where Compression Dictionary Transport
is enabled, and create compressed files for the latest attachments.
It then uploads these `.dcz` files to Google Cloud Storage.
"""

import hashlib
import json
import os
import tempfile
import typing
from collections import namedtuple
from compression.zstd import ZstdCompressor, ZstdDict
from pathlib import Path

from google.cloud import storage
from kinto_http.utils import Iterable

from . import KintoClient, fetch_all_changesets


ENVIRONMENT = os.getenv("ENVIRONMENT", "local")
REALM = os.getenv("REALM", "test")
SERVER = os.getenv("SERVER")
AUTH = os.getenv("AUTH")
STORAGE_BUCKET_NAME_DICTS = os.getenv(
    "STORAGE_BUCKET_NAME_DICTS",
    f"remote-settings-{REALM}-{ENVIRONMENT}-compression-dictionaries",
)
STORAGE_BUCKET_NAME_ATTACHMENTS = os.getenv(
    "STORAGE_BUCKET_NAME_ATTACHMENTS",
    f"remote-settings-{REALM}-{ENVIRONMENT}-attachments",
)
DESTINATION_FOLDER = os.getenv("DESTINATION_FOLDER", "cdt")
# Flags for local development
SKIP_UPLOAD = os.getenv("SKIP_UPLOAD", "0") in "1yY"

PREVIOUS_VERSIONS_COUNT = int(os.getenv("PREVIOUS_VERSIONS_COUNT", "5"))

# RFC 9842: a "Dictionary-Compressed Zstandard" (`dcz`) stream starts with a
# 40-byte header (an 8-byte magic number followed by the 32-byte SHA-256 of the
# dictionary) and is followed by the Zstandard stream. The magic number is a
# Zstandard skippable frame header, so standard decoders can skip it.
DCZ_MAGIC = b"\x5e\x2a\x4d\x18\x20\x00\x00\x00"


DictPair = namedtuple("DictPair", ["bid", "cid", "old", "new", "mimetype"])


def records_to_compress(
    changesets: list[dict[str, typing.Any]],
) -> list[tuple[str, str, dict[str, str]]]:
    to_compress: list[tuple[str, str, dict[str, str]]] = []
    for changeset in changesets:
        if "compression-dictionaries" not in changeset["metadata"].get("flags", []):
            continue
        bid = changeset["metadata"]["bucket"]
        cid = changeset["metadata"]["id"]
        # Map each record id to the mime type of its (latest) attachment.
        mimetypes_by_rid = {}
        for r in changeset["changes"]:
            if "attachment" in r:
                mimetypes_by_rid[r["id"]] = r["attachment"].get("mimetype")
        if mimetypes_by_rid:
            to_compress.append((bid, cid, mimetypes_by_rid))
    return to_compress


def scan_existing_attachments(
    bucket: storage.Bucket, collections: list[tuple[str, str, dict[str, str]]]
) -> typing.Generator[tuple[str, str, list[str], str]]:
    for bid, cid, records in collections:
        folder = f"{bid}/{cid}/"
        filenames_by_rid = {}
        blobs = bucket.list_blobs(prefix=folder)
        for blob in blobs:
            filename = blob.name
            # Extract {rid} from filename using pattern {{ datetime }}--{{ rid }}--{{ filename }}
            try:
                _, rid, _ = filename.split("--", maxsplit=2)
            except ValueError:
                print(
                    f"{filename} filename format is not compatible with compression dictionaries",
                    # We don't support attachments that were uploaded before
                    # this change: https://github.com/mozilla/webservices-infra/pull/10827
                )
                continue
            if rid not in records:
                # This attachment belongs to a record that was deleted.
                continue
            filenames_by_rid.setdefault(rid, []).append(filename)

        for rid, filenames in filenames_by_rid.items():
            yield bid, cid, filenames, records[rid]


def find_missing_compressed_files(
    client: storage.Client,
    bucket: storage.Bucket,
    pairs: Iterable[DictPair],
) -> list[DictPair]:
    missing: list[DictPair] = []
    for pair in pairs:
        dict_name = compressed_filename(pair)
        exists = storage.Blob(bucket=bucket, name=dict_name).exists(client=client)
        if not exists:
            print(f"{dict_name} is missing from GCS.")
            missing.append(pair)
    return missing


def compressed_filename(pair: DictPair):
    old_filename = Path(pair.old).name
    new_filename = Path(pair.new).name
    # /cdt/{bid}/{cid}/compressed/target-{new}/dcz/from-{old}.dcz"
    return f"{DESTINATION_FOLDER}/{pair.bid}/{pair.cid}/compressed/target-{new_filename}/dcz/from-{old_filename}.dcz"


def download_blob_to_file(
    client: storage.Client, bucket: storage.Bucket, blobname: str, path: Path
):
    print(f"Download {blobname} into {path}")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fd:
        storage.Blob(bucket=bucket, name=blobname).download_to_file(fd, client=client)


def zstd_compress(dict_path: Path, file_path: Path, destination: typing.IO):
    print(f"Compress {file_path} using {dict_path} as dictionary")
    with (
        open(dict_path, "rb") as dict_fd,
        open(file_path, "rb") as file_fd,
    ):
        dict_content = dict_fd.read()

        # Prefix the `dcz` header: magic number + SHA-256 of the dictionary.
        destination.write(DCZ_MAGIC)
        destination.write(hashlib.sha256(dict_content).digest())

        zdict = ZstdDict(dict_content, is_raw=True)
        zcomp = ZstdCompressor(zstd_dict=zdict)
        while chunk := file_fd.read(8192):
            destination.write(zcomp.compress(chunk))
        destination.write(zcomp.flush())


def file_sha256(path: Path) -> str:
    """
    Return the SHA-256 digest for the specified `path`.
    """
    with open(path, "rb") as f:
        content = f.read()
    return hashlib.sha256(content).hexdigest()


def build_compression_dictionaries():
    """
    Builds and publishes compressed attachments for the collections
    where compression dictionaries are enabled.

    This command:
    - fetches all collections changesets
    - lists collections where compression-dictionaries are enabled
    - iterates all attachments on GCS and link them to records
    - builds the list of missing compressed dictionaries
    - fetches files from GCS, compress the latest using the N previous as dictionary
    - uploads the files to GCS
    """
    # Build list of records with attachments for the
    # collections where compression dictionaries are enabled.
    kinto_client = KintoClient(server_url=SERVER, auth=AUTH)
    workspace_changesets = fetch_all_changesets(
        kinto_client, with_workspace_buckets=True, with_preview_destination=False
    )
    to_compress = records_to_compress(workspace_changesets)

    gcs_client = storage.Client()
    dicts_bucket = gcs_client.bucket(STORAGE_BUCKET_NAME_DICTS)
    attachments_bucket = gcs_client.bucket(STORAGE_BUCKET_NAME_ATTACHMENTS)

    # Build list of all GCS attachments for these records.
    # We could rely on collection history, but scanning GCS to
    # look for all previous attachments of a record is simpler.
    all_files = scan_existing_attachments(attachments_bucket, to_compress)

    # Iterate each attachment and its previous versions.
    all_pairs = []
    for bid, cid, filenames, mimetype in all_files:
        if len(filenames) < 2:
            # No history for this record. We need at least 2 files.
            continue
        # For each record, take the last N attachments
        latest_filenames = sorted(filenames, reverse=True)
        new = latest_filenames[0]
        for old in latest_filenames[1 : PREVIOUS_VERSIONS_COUNT + 1]:
            all_pairs.append(DictPair(bid, cid, old, new, mimetype))

    # Query the compression-dictionaries GCS bucket to see which are missing.
    missing_dictionaries = find_missing_compressed_files(
        gcs_client, dicts_bucket, all_pairs
    )

    if not missing_dictionaries:
        print(f"Up-to-date ({len(all_pairs)} existing compressed files).")
        return
    else:
        print(f"{len(missing_dictionaries)} files to compress.")

    # Now build all missing compression dictionaries, and upload them.
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp_dir = Path(tmp_dir)

        for dictpair in missing_dictionaries:
            # Download actual files from attachments bucket.
            old_tmp_path = tmp_dir / dictpair.old
            download_blob_to_file(
                gcs_client, attachments_bucket, dictpair.old, old_tmp_path
            )
            old_sha256 = file_sha256(old_tmp_path)
            new_tmp_path = tmp_dir / dictpair.new
            if not new_tmp_path.exists():
                download_blob_to_file(
                    gcs_client, attachments_bucket, dictpair.new, new_tmp_path
                )

            with tempfile.TemporaryFile() as compressed_fd:
                # Compress `new` using `old` as the compression dictionary.
                zstd_compress(
                    dict_path=old_tmp_path,
                    file_path=new_tmp_path,
                    destination=compressed_fd,
                )

                # Upload result to compression-dictionaries bucket.
                dest_name = compressed_filename(dictpair)
                if SKIP_UPLOAD:
                    print(f"[skip] Upload to {dest_name}")
                else:
                    print(f"Upload {dest_name}...")
                    compressed_fd.seek(0)
                    blob = storage.Blob(bucket=dicts_bucket, name=dest_name)
                    blob.metadata = {
                        "source_sha256": old_sha256,
                    }
                    blob.upload_from_file(
                        compressed_fd,
                        content_type=dictpair.mimetype,
                        client=gcs_client,
                    )

    # Publish a `manifest.json` for each impacted collection.
    # It shows the list of all pairs, giving the list of possible
    # sources for each target.
    impacted_cids = {(p.bid, p.cid) for p in missing_dictionaries}
    all_pairs_of_impacted_cids = [
        p for p in all_pairs if (p.bid, p.cid) in impacted_cids
    ]
    pairs_by_cid_by_target = {}
    for d in all_pairs_of_impacted_cids:
        # Strip `bid/cid` out of `bid/cid/yyyymmdd--rid--filename.ext`
        pairs_by_cid_by_target.setdefault((d.bid, d.cid), {}).setdefault(
            d.new.split("/")[2], []
        ).append(d.old.split("/")[2])
    for (bid, cid), pairs_by_target in pairs_by_cid_by_target.items():
        manifest_path = f"{DESTINATION_FOLDER}/{bid}/{cid}/manifest.json"
        storage.Blob(bucket=dicts_bucket, name=manifest_path).upload_from_string(
            json.dumps(pairs_by_target),
            content_type="application/json",
            client=gcs_client,
        )
