import asyncio
import datetime
import json
import os
import traceback
import urllib
import urllib.parse
from typing import Any, Iterable

import kinto_http
import pygit2
import requests
from decouple import config
from pygit2 import (
    Keypair,
    RemoteCallbacks,
)

from . import ts2dt
from ._git_export_git_tools import (
    clone_or_fetch,
    delete_old_tags,
    list_lfs_pointers,
    make_lfs_pointer,
    push_mirror,
    reset_repo,
    tree_upsert_blobs,
    truncate_branch,
)
from ._git_export_lfs import (
    fetch_and_hash,
    github_lfs_batch_upload_many,
    github_lfs_validate_credentials,
)


# Mandatory environment variables (default values)
SERVER_URL = config("SERVER", default="http://localhost:8888/v1")
GIT_AUTHOR = config("GIT_AUTHOR", default="User <user@example.com>")
REPO_OWNER = config("REPO_OWNER", default="mozilla")
REPO_NAME = config("REPO_NAME", default="remote-settings-data")
SSH_PRIVKEY_PATH = os.path.expanduser(
    config("SSH_PRIVKEY_PATH", default="~/.ssh/id_ed25519")
)
SSH_KEY_PASSPHRASE = config("SSH_KEY_PASSPHRASE", default="")

# LFS GitHub authentication
# Option A: Personal Access Token (PAT)
GITHUB_USERNAME = config("GITHUB_USERNAME", default=None)
GITHUB_TOKEN = config("GITHUB_TOKEN", default=None)
# Option B: GitHub App authentication
GITHUB_APP_ID = config("GITHUB_APP_ID", default=None)
GITHUB_APP_PRIVATE_KEY_PATH = config("GITHUB_APP_PRIVATE_KEY_PATH", default=None)

# Internal parameters
WORK_DIR = config("WORK_DIR", default="/tmp/git-export.git")
MAX_PARALLEL_REQUESTS = config("MAX_PARALLEL_REQUESTS", default=10, cast=int)
LOG_LEVEL = config("LOG_LEVEL", default="INFO").upper()
GIT_SSH_USERNAME = config("GIT_SSH_USERNAME", default="git")
GIT_REMOTE_URL = config(
    "GIT_REMOTE_URL",
    default=f"{GIT_SSH_USERNAME}@github.com:{REPO_OWNER}/{REPO_NAME}.git",
)
SSH_PUBKEY_PATH = os.path.expanduser(
    config("SSH_PUBKEY_PATH", default=f"{SSH_PRIVKEY_PATH}.pub")
)
TAGS_MAX_AGE_DAYS = config("TAGS_MAX_AGE_DAYS", default=30, cast=int)
MIN_TAGS_PER_COLLECTION_COUNT = config(
    "MIN_TAGS_PER_COLLECTION_COUNT", default=3, cast=int
)
# We truncate and force push the common branch only every 50 publications (a few days).
# This is to avoid excessive rewriting of history. Truncating is only needed to
# garbage collect old LFS objects that are no longer referenced by any tag.
TAGS_DELETION_THRESHOLD = config("TAGS_DELETION_THRESHOLD", default=50, cast=int)

_now = datetime.datetime.now(datetime.timezone.utc)

# By default, we only synchronize if there are data changes.
# But once a day, we run a full sync in order to synchronize collections whose data
# didn't change but whose metadata did (e.g., signature refreshed, new certs, etc.).
# On this full sync, we rebuild the attachment LFS pointers and drop the ones no longer
# referenced by current records (see ``process_attachments``).
_SHOULD_FORCE = _now.hour == 0 and 0 < _now.minute < 15
FORCE = config("FORCE", default=_SHOULD_FORCE, cast=bool)

# Constants
GIT_REF_PREFIX = "v1/"
COMMON_BRANCH = "common"
_user, _email = GIT_AUTHOR.split("<")
GIT_USER = _user.strip()
GIT_EMAIL = _email.rstrip(">")


def git_export() -> None:
    """
    Export Remote Settings data to a Git repository.
    """
    print(f"Git remote URL {GIT_REMOTE_URL}")
    print(
        f"Use SSH key {SSH_PUBKEY_PATH} with {'*' * len(SSH_KEY_PASSPHRASE) if SSH_KEY_PASSPHRASE else 'empty'} passphrase"
    )
    for key in (SSH_PUBKEY_PATH, SSH_PRIVKEY_PATH):
        open(key, "rb").read()
    credentials = Keypair(
        GIT_SSH_USERNAME,
        SSH_PUBKEY_PATH,
        SSH_PRIVKEY_PATH,
        SSH_KEY_PASSPHRASE,
    )
    callbacks = RemoteCallbacks(credentials=credentials)
    # TODO: use PGP key to sign commits

    print(
        f"Testing GitHub Token for {GITHUB_USERNAME or GITHUB_APP_ID} on {REPO_OWNER}/{REPO_NAME}..."
    )
    auth_header = github_lfs_validate_credentials(
        repo_owner=REPO_OWNER,
        repo_name=REPO_NAME,
        github_username=GITHUB_USERNAME,
        github_token=GITHUB_TOKEN,
        github_app_id=GITHUB_APP_ID,
        github_app_private_key_path=GITHUB_APP_PRIVATE_KEY_PATH,
    )

    repo = clone_or_fetch(GIT_REMOTE_URL, WORK_DIR, callbacks=callbacks)
    if not repo.raw_listall_references():
        print("No branches or tags found in the repository.")
    else:
        if not repo.head_is_unborn:
            print("Head is now at", repo.head.target)

    try:
        changed_attachments, changed_branches, created_tags = asyncio.run(
            repo_sync_content(repo)
        )

        # Tags are files on disk, and having too many tags slows down git operations.
        # Delete old ones to keep the repository size reasonable.
        deleted_tags = delete_old_tags(
            repo,
            max_age_days=TAGS_MAX_AGE_DAYS,
            min_tags_per_collection=MIN_TAGS_PER_COLLECTION_COUNT,
        )
        print(f"{len(deleted_tags)} old tags to delete.")

        # LFS are removed from remote storage as soon as they are no longer referenced
        # by any commit.
        # Now that we deleted old tags, we will rewrite the 'common' branch to remove
        # commits that are no longer referenced by any tag.
        if len(deleted_tags) > 0:
            truncate_branch(
                repo,
                f"{GIT_REF_PREFIX}{COMMON_BRANCH}",
                tags_deletion_threshold=TAGS_DELETION_THRESHOLD,
            )

        print(f"{len(changed_attachments)} attachments to upload.")
        github_lfs_batch_upload_many(
            objects=changed_attachments,
            repo_owner=REPO_OWNER,
            repo_name=REPO_NAME,
            auth_header=auth_header,
        )

        changed_tags = [f"+{tag}" for tag in created_tags] + [
            f"-{tag}" for tag in deleted_tags
        ]
        push_mirror(repo, changed_branches, changed_tags, callbacks=callbacks)

        print("Done.")
    except Exception as exc:
        print("Error occurred:", exc)
        traceback.print_exc()
        print("Rolling back local changes...")
        reset_repo(repo, callbacks=callbacks)
        raise exc


def json_dumpb(obj: Any) -> bytes:
    """
    Serialize an object to a JSON-formatted byte string.
    """
    return json.dumps(obj, sort_keys=True, separators=(",", ":")).encode("utf-8")


async def fetch_all_changesets(
    client: kinto_http.AsyncClient, collections: Iterable[tuple[str, str]]
) -> list[dict[str, Any]]:
    """
    Fetch the changesets of the specified collections using parallel requests.
    """
    sem = asyncio.Semaphore(MAX_PARALLEL_REQUESTS)

    async def fetch(bid: str, cid: str) -> dict[str, Any]:
        async with sem:
            print("Fetching %s/%s" % (bid, cid))
            return await client.get_changeset(
                bucket=bid, collection=cid, bust_cache=True
            )

    return await asyncio.gather(*[fetch(bid, cid) for bid, cid in collections])


def fetch_all_cert_chains(
    client: kinto_http.AsyncClient, changesets: list[dict[str, Any]]
) -> list[tuple[str, str]]:
    """
    Fetch all certificate chains for the given changesets, and return URL + PEM content.
    """
    all_x5u = set()
    for changeset in changesets:
        all_x5u.add(changeset["metadata"]["signature"]["x5u"])

    pem_files = []
    for x5u in all_x5u:
        resp = requests.get(x5u)
        resp.raise_for_status()
        pem_files.append((x5u, resp.text))
    return pem_files


async def repo_sync_content(
    repo: pygit2.Repository,
) -> tuple[list[tuple[str, int, str]], set[str], list[str]]:
    """
    Sync content from the remote server to the local git repository.
    Return the list of changed attachments to be uploaded to LFS, the list of changed branches, and the list of changed tags.
    """
    changed_attachments: list[tuple[str, int, str]] = []
    changed_branches: set[str] = set()
    created_tags: list[str] = []
    author = committer = pygit2.Signature(GIT_USER, GIT_EMAIL)

    common_branch_name = f"refs/heads/{GIT_REF_PREFIX}{COMMON_BRANCH}"

    common_branch_parents, common_base_tree, latest_timestamp = extract_branch_info(
        repo, common_branch_name
    )

    # Fetch content from Remote Settings server.
    client = kinto_http.AsyncClient(server_url=SERVER_URL)

    monitor_changeset = await client.get_changeset(
        bucket="monitor", collection="changes", bust_cache=True
    )
    if not FORCE and monitor_changeset["timestamp"] == latest_timestamp:
        print("No new changes since last run.")
        return changed_attachments, changed_branches, created_tags

    server_info = await client.server_info()  # ty: ignore[invalid-await]

    # The config file timestamp changes on each redeploy. In order to avoid
    # unnecessary commits, we remove it from the server info.
    server_info["config"].pop("modified")

    # Store the server info and monitor changeset in `common` branch.
    # Anything from previous commits is lost.
    common_content: list[tuple[str, bytes | None]] = [
        ("server-info.json", json_dumpb(server_info)),
        ("monitor-changes.json", json_dumpb(monitor_changeset)),
    ]

    new_changesets = [
        entry
        for entry in monitor_changeset["changes"]
        if FORCE or entry["last_modified"] > latest_timestamp
    ]
    print(f"{len(new_changesets)} collections changed since last sync.")
    all_changesets = await fetch_all_changesets(
        client, [(entry["bucket"], entry["collection"]) for entry in new_changesets]
    )

    # Store the broadcast version in `common` branch.
    print("Fetching broadcasts content")
    resp = requests.get(f"{SERVER_URL}/__broadcasts__")
    resp.raise_for_status()
    broadcasts = resp.json()
    common_content.append(("broadcasts.json", json_dumpb(broadcasts)))

    # Store the certificate chains.
    print("Fetching certificate chains")
    for url, pem in fetch_all_cert_chains(client, all_changesets):
        parsed = urllib.parse.urlparse(url)
        cert_path = f"cert-chains/{parsed.path.lstrip('/')}"
        print(f"Storing cert chain {cert_path}")
        common_content.append((cert_path, pem.encode()))

    attachments_base_url = server_info["capabilities"]["attachments"][
        "base_url"
    ].rstrip("/")

    # Scan the existing LFS pointers in the repository, in order to detect changed attachments.
    existing_attachments = list_lfs_pointers(repo, common_base_tree)
    print(f"Found {len(existing_attachments)} attachments in tree")
    # Compare attachments in the changesets with existing ones, fetch the ones that
    # have changed, and return the content of the 'common' branch.
    changed_attachments, attachments_branch_common_content = process_attachments(
        changesets=all_changesets,
        existing_attachments=existing_attachments,
        attachments_base_url=attachments_base_url,
        delete_orphan_attachments=FORCE,
    )
    common_content += attachments_branch_common_content or []

    # Write the 'common' branch. If nothing changed, the commit id will be the same.
    monitor_tree_id = tree_upsert_blobs(
        repo, common_content, base_tree=common_base_tree
    )

    if common_base_tree is not None and monitor_tree_id == common_base_tree.id:
        print("No changes for common branch, skipping commit.")
    else:
        ts = monitor_changeset["timestamp"]
        dt = ts2dt(ts).isoformat()
        message = f"common@{ts} ({dt})"
        common_tag_name = (
            f"{GIT_REF_PREFIX}timestamps/common/{monitor_changeset['timestamp']}"
        )

        commit_and_tag(
            repo,
            author,
            committer,
            message,
            monitor_tree_id,
            common_branch_parents,
            common_branch_name,
            common_tag_name,
            move_tag_if_exists=True,
        )
        changed_branches.add(common_branch_name)
        created_tags.append(common_tag_name)

    # Process from oldest changeset to newest so that commits of the bucket branch
    # are sorted chronologically.
    # If a collection was resigned it should come after one that hasn't changed.
    sorted_changesets = sorted(
        all_changesets, key=lambda cs: cs["metadata"]["last_modified"]
    )
    changesets_by_bucket: dict[str, list[dict[str, Any]]] = {}
    for changeset in sorted_changesets:
        bid = changeset["metadata"]["bucket"]
        changesets_by_bucket.setdefault(bid, []).append(changeset)

    if common_base_tree is None:
        # First run, initialize all bucket branches.
        changeset_changed_branches, changeset_created_tags = initialize_bucket_branches(
            repo,
            author=author,
            committer=committer,
            changesets_by_bucket=changesets_by_bucket,
        )
    else:
        # Now process each collection changeset, creating/updating branches and tags accordingly.
        changeset_changed_branches, changeset_created_tags = update_bucket_branches(
            repo,
            author=author,
            committer=committer,
            changesets_by_bucket=changesets_by_bucket,
        )

    changed_branches.update(changeset_changed_branches)
    created_tags += changeset_created_tags

    return changed_attachments, changed_branches, created_tags


def extract_branch_info(
    repo: pygit2.Repository, branch: str
) -> tuple[list[pygit2.Oid], pygit2.Tree | None, int]:
    """
    Extract information about the given branch in the repository.
    Return the list of parent commits, the base tree, and the latest timestamp found in tags
    """
    # The repo may exist without the 'common' ref (first run).
    try:
        common_tip = repo.lookup_reference(branch).target
        common_base_tree = repo.get(common_tip).tree  # ty: ignore[unresolved-attribute]
        parents = [common_tip]
    except KeyError:  # pragma: no cover
        common_base_tree = None
        parents = []

    # Previous run timestamp, find latest tag starting with `timestamps/common/*`
    refs = [ref.decode() for ref in repo.raw_listall_references()]
    timestamps = [
        int(t.split("/")[-1])
        for t in refs
        if t.startswith(f"refs/tags/{GIT_REF_PREFIX}timestamps/common/")
    ]
    if timestamps:
        latest_timestamp = max(timestamps)
        print(
            f"Found latest tag: {latest_timestamp}.",
            "Ignoring (forced)" if FORCE else "",
        )
    else:
        print("No previous tags found.")
        latest_timestamp = 0
    return parents, common_base_tree, latest_timestamp  # ty: ignore[invalid-return-type]


def process_attachments(
    attachments_base_url: str,
    changesets: list[dict[str, Any]],
    existing_attachments: dict[str, tuple[str, int]],
    delete_orphan_attachments: bool,
) -> tuple[list[tuple[str, int, str]], list[tuple[str, bytes | None]]]:
    """
    Process attachments from the given changesets.
    Return the list of changed attachments to be uploaded to LFS,
    and the list of blobs to be added to the 'common' branch.

    When `delete_orphan_attachments` is True (full sync), we drop the pointers
    that are no longer referenced by any record of the specified `changesets`.
    """
    changed_attachments: list[tuple[str, int, str]] = []
    common_content: list[tuple[str, bytes | None]] = []
    # Paths (relative to `attachments/`) referenced by active records and bundles.
    referenced_paths: set[str] = set()

    # Store all the attachments as LFS pointers.
    # Mark the attachments/ folder as fully managed via LFS.
    common_content.append(
        (".gitattributes", b"attachments/** filter=lfs diff=lfs merge=lfs -text\n")
    )
    # Iterate through all records that have attachments, and compare their sha256
    # with the existing LFS pointer. If new or changed, keep track of it for upload.
    for changeset in changesets:
        for record in changeset["changes"]:
            if "attachment" not in record:
                continue

            attachment = record["attachment"]
            location = attachment["location"].lstrip("/")
            referenced_paths.add(location)
            git_path = f"attachments/{location}"
            pointer_blob = make_lfs_pointer(attachment["hash"], attachment["size"])
            common_content.append((git_path, pointer_blob))

            existing_hash = existing_size = None
            if existing := existing_attachments.get(location):
                existing_hash, existing_size = existing
            if (
                existing_hash != attachment["hash"]
                or existing_size != attachment["size"]
            ):
                print(
                    f"Attachment {git_path} {'is new' if existing_hash is None else 'has changed'}"
                )
                changed_attachments.append(
                    (
                        attachment["hash"],
                        attachment["size"],
                        f"{attachments_base_url}/{location}",
                    )
                )

    # Also store the bundles as LFS pointers. But since we don't know their sha256
    # and size, we have to fetch them first before being able to compare them
    # with existing LFS pointers.
    print("Fetching attachments bundles")
    bundles_locations: list[str] = ["bundles/startup.json.mozlz4"]
    for changeset in changesets:
        if not changeset["metadata"].get("attachment", {}).get("bundle", False):
            continue
        has_attachment = any(r.get("attachment") for r in changeset["changes"])
        if not has_attachment:
            continue
        metadata = changeset["metadata"]
        bundles_locations.append(f"bundles/{metadata['bucket']}--{metadata['id']}.zip")
    for location in bundles_locations:
        url = f"{attachments_base_url}/{location}"
        path = f"attachments/{location}"
        referenced_paths.add(location)
        hash, size = fetch_and_hash(url)
        blob = make_lfs_pointer(hash, size)
        common_content.append((path, blob))

        existing_hash = existing_size = None
        if existing := existing_attachments.get(location):
            existing_hash, existing_size = existing
        if existing_hash != hash or existing_size != size:
            print(
                f"Bundle {path} {'is new' if existing_hash is None else 'has changed'}"
            )
            changed_attachments.append((hash, size, url))

    # On a full sync, drop the pointers of attachments that are no longer
    # referenced by any active record.
    if delete_orphan_attachments:
        for path in existing_attachments:
            if path not in referenced_paths:
                print(f"Attachment {path} is no longer referenced, deleting from tree")
                common_content.append((f"attachments/{path}", None))

    return changed_attachments, common_content


def changeset_to_branch_folder(
    branch_tree: pygit2.Tree | None, changeset: dict[str, Any]
) -> list[tuple[str, bytes | None]]:
    """
    Convert a changeset to a list of files to be stored in the corresponding branch folder.
    """
    # Create one blob per record.
    cid = changeset["metadata"]["id"]
    branch_content: list[tuple[str, bytes | None]] = [
        (f"{cid}/metadata.json", json_dumpb(changeset["metadata"]))
    ]
    records = sorted(changeset["changes"], key=lambda r: r["id"])
    for record in records:
        branch_content.append((f"{cid}/{record['id']}.json", json_dumpb(record)))

    # Delete any records that were removed in this changeset.
    # (branch_tree is None on first run, and `cid` folder may not exist yet)
    if branch_tree is not None and cid in branch_tree:
        for entry in branch_tree[cid]:  # ty: ignore[not-iterable]
            assert entry.name is not None
            basename = entry.name.rsplit(".json", 1)[0]
            if basename != "metadata" and basename not in {r["id"] for r in records}:
                branch_content.append((f"{cid}/{entry.name}", None))

    return branch_content


def initialize_bucket_branches(
    repo: pygit2.Repository,
    author: pygit2.Signature,
    committer: pygit2.Signature,
    changesets_by_bucket: dict[str, list[dict[str, Any]]],
) -> tuple[set[str], list[str]]:
    """
    Initialize the bucket branches and tags from the given changesets.
    Return the set of created branches and the list of created tags.
    """
    created_changes: set[str] = set()
    created_tags: list[str] = []
    # On first run, we process all changesets to create the initial branches and tags.
    # Each branch will all records of all collections of the related bucket.
    for bid, bucket_changesets in changesets_by_bucket.items():
        branch_content: list[tuple[str, bytes | None]] = []
        for changeset in bucket_changesets:
            branch_content += changeset_to_branch_folder(
                branch_tree=None, changeset=changeset
            )

        # Bucket branch does not exist yet, create it as an empty branch.
        empty_tree_id = repo.TreeBuilder().write()
        branch_tree = repo.get(empty_tree_id)
        branch_tree_id = tree_upsert_blobs(repo, branch_content, base_tree=branch_tree)  # ty: ignore[invalid-argument-type]

        branch_refname = f"refs/heads/{GIT_REF_PREFIX}buckets/{bid}"
        commit_oid = repo.create_commit(
            branch_refname,
            author,
            committer,
            f"Initialize bucket branch {bid}",
            branch_tree_id,
            [],  # No parents.
        )
        print(f"Created bucket branch {branch_refname} at {commit_oid}")
        created_changes.add(branch_refname)

        # We add all tags on this initial commit.
        for changeset in bucket_changesets:
            cid = changeset["metadata"]["id"]
            timestamp = changeset["timestamp"]
            tag_name = f"{GIT_REF_PREFIX}timestamps/{bid}/{cid}/{timestamp}"
            tag_refname = f"refs/tags/{tag_name}"
            if repo.references.get(tag_refname) is not None:
                repo.references.delete(tag_refname)
            repo.create_tag(
                tag_name,
                commit_oid,
                pygit2.GIT_OBJECT_COMMIT,  # ty: ignore[invalid-argument-type]
                author,
                f"Initial tag for {bid}/{cid}@{timestamp}",
            )
            print(f"Created tag {tag_name} at {commit_oid}")
            created_tags.append(tag_name)

    return created_changes, created_tags


def update_bucket_branches(
    repo: pygit2.Repository,
    author: pygit2.Signature,
    committer: pygit2.Signature,
    changesets_by_bucket: dict[str, list[dict[str, Any]]],
) -> tuple[set[str], list[str]]:
    """
    Process the given changesets and create/update branches and tags accordingly.
    Return the set of changed branches and created tags.
    """
    changed_branches: set[str] = set()
    created_tags: list[str] = []

    # In the next runs, we only add commits on top of the existing branches with the
    # changed data.
    for bid, bucket_changesets in changesets_by_bucket.items():
        # Find the bucket branch tip and base tree.
        branch_refname = f"refs/heads/{GIT_REF_PREFIX}buckets/{bid}"
        branch_tip = repo.lookup_reference(branch_refname).target
        branch_tree = repo.get(branch_tip).tree  # ty: ignore[unresolved-attribute]
        parents = [branch_tip]

        for changeset in bucket_changesets:
            cid = changeset["metadata"]["id"]

            timestamp = changeset["timestamp"]
            dtcollection = ts2dt(timestamp).isoformat()
            commit_message = f"{bid}/{cid}@{timestamp} ({dtcollection})"

            branch_content = changeset_to_branch_folder(branch_tree, changeset)
            files_tree_id = tree_upsert_blobs(
                repo, branch_content, base_tree=branch_tree
            )
            if files_tree_id == branch_tree.id:
                print(f"No changes for {bid}/{cid} branch, skipping.")
                continue

            # Commit and tag.
            # If the tag already exists (that happens when records don't change but metadata does),
            # we move it to the new commit.
            tag_name = f"{GIT_REF_PREFIX}timestamps/{bid}/{cid}/{timestamp}"
            tag_moved = commit_and_tag(
                repo,
                author=author,
                committer=committer,
                message=commit_message,
                tree_id=files_tree_id,
                parents=parents,  # ty: ignore[invalid-argument-type]
                branch_name=branch_refname,
                tag_name=tag_name,
                move_tag_if_exists=True,
            )
            changed_branches.add(branch_refname)
            if tag_moved:
                created_tags.append(tag_name)

            # Next collection will be put on top of the branch.
            new_tip = repo.lookup_reference(branch_refname).target
            branch_tree = repo.get(new_tip).tree  # ty: ignore[unresolved-attribute]
            parents = [new_tip]

    return changed_branches, created_tags


def commit_and_tag(
    repo: pygit2.Repository,
    author: pygit2.Signature,
    committer: pygit2.Signature,
    message: str,
    tree_id: pygit2.Oid,
    parents: list[pygit2.Oid],
    branch_name: str,
    tag_name: str,
    move_tag_if_exists: bool = True,
) -> bool:
    """
    Create a commit and tag it.
    """
    commit_oid = repo.create_commit(
        branch_name, author, committer, message, tree_id, parents
    )
    print(f"Created commit {branch_name}: {commit_oid}")

    tag_exists = repo.references.get(f"refs/tags/{tag_name}") is not None
    if tag_exists and not move_tag_if_exists:
        print(f"Tag {tag_name} already exists, skipping.")
        return False

    if tag_exists:
        repo.references.delete(f"refs/tags/{tag_name}")

    repo.create_tag(
        tag_name,
        commit_oid,
        pygit2.GIT_OBJECT_COMMIT,  # ty: ignore[invalid-argument-type]
        author,
        message,
    )
    print(f"{'Created' if not tag_exists else 'Moved'} tag {tag_name}")
    return True
