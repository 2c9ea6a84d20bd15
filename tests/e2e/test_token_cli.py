"""`opsctl token create|list|revoke|rotate` through the real CLI, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

import pytest

from opsctl.errors import AuthError
from opsctl.governance.tokens import authenticate
from opsctl.store.sql import open_store
from tests.conftest import Project

TOKEN = re.compile(r"opsctl_[A-Za-z0-9_-]{43}")


def as_(project: Project, actor: str, *args: str) -> Any:
    env = {k: v for k, v in project.env().items() if not k.startswith("GITHUB_")}
    return project.run(*args, env={**env, "OPSCTL_ACTOR": actor})


def store_url(project: Project) -> str:
    return project.extra_env.get("OPSCTL_STORE_URL") or f"sqlite:///{project.db}"


def token_events(project: Project) -> list[tuple[str, str, dict[str, Any]]]:
    exported = as_(project, "root", "audit", "export", "--format", "jsonl")
    assert exported.code == 0, exported.stderr
    events = [json.loads(line) for line in exported.stdout.splitlines()]
    return [(e["kind"], e["actor"], e["payload"]) for e in events
            if e["kind"].startswith(("token.", "permission."))]


@pytest.fixture
def project(backend_project: Project) -> Project:
    backend_project.write_config("")
    return backend_project


def test_create_prints_the_token_once_and_it_authenticates(project: Project) -> None:
    created = as_(project, "alice", "token", "create", "--actor", "ci-bot", "--role", "operator",
                  "--automation", "deploy-*", "--environment", "staging", "--expires", "30d",
                  "--description", "deploys from CI")

    assert created.code == 0, created.stderr
    assert TOKEN.fullmatch(created.stdout.rstrip("\n")), created.stdout  # alone on its line
    secret = created.stdout.strip()
    token_id = re.search(r"API token (tok_[0-9a-f]{12}) for ci-bot", created.stderr)
    assert token_id is not None, created.stderr
    assert "shown only now" in created.stderr and secret not in created.stderr

    listed = as_(project, "alice", "token", "list", "--format", "json")
    assert listed.code == 0, listed.stderr
    [token] = listed.doc["tokens"]
    assert (token["id"], token["actor"], token["role"], token["automations"],
            token["environments"], token["description"], token["created_by"]) == (
        token_id.group(1), "ci-bot", "operator", ["deploy-*"], ["staging"], "deploys from CI",
        "alice")
    assert (token["status"], token["expires_in_days"], token["expires"]) == (
        "active", 30, "in 30 day(s)")
    assert token["last_used_at"] is None and secret not in listed.stdout
    store = open_store(store_url(project))
    try:
        assert authenticate(store, secret, datetime.now(UTC)).actor == "ci-bot"
    finally:
        store.close()
    [(kind, actor, payload)] = token_events(project)
    assert (kind, actor, payload["token_id"]) == ("token.created", "alice", token_id.group(1))
    assert secret not in json.dumps(payload)
    text = as_(project, "alice", "token", "list")
    assert text.code == 0 and "in 30 day(s)" in text.stdout and secret not in text.stdout


def test_create_as_json_and_never_expiring(project: Project) -> None:
    created = as_(project, "alice", "token", "create", "--actor", "viewer-bot", "--role",
                  "viewer", "--expires", "never", "--format", "json")

    assert created.code == 0, created.stderr
    assert set(created.doc) >= {"id", "token", "actor", "role", "automations", "environments",
                                "expires_at"}
    assert (created.doc["actor"], created.doc["role"], created.doc["automations"],
            created.doc["environments"], created.doc["expires_at"]) == (
        "viewer-bot", "viewer", ["*"], ["*"], None)
    assert TOKEN.fullmatch(created.doc["token"])
    listed = as_(project, "alice", "token", "list")
    assert listed.code == 0 and "never" in listed.stdout


def test_a_secret_in_a_description_is_stored_and_shown_masked(project: Project) -> None:
    """The description is kept in the tokens table as well as in the audit trail: masked in
    both, and wherever it is shown, as an approval's reason is."""
    canary = "canary-7e11a9-desc"
    env = {**project.env(), "OPSCTL_ACTOR": "alice", "OPSCTL_SECRET_DB_PASSWORD": canary}
    created = project.run("token", "create", "--actor", "ci-bot", "--role", "viewer",
                          "--description", f"reads with {canary}", "--format", "json", env=env)
    assert created.code == 0, created.stderr
    assert created.doc["description"] == "reads with ***"
    listed = project.run("token", "list", env=env)
    assert listed.code == 0, listed.stderr
    assert "reads with ***" in listed.stdout
    assert canary not in created.stdout + created.stderr + listed.stdout
    store = open_store(store_url(project))
    try:
        descriptions = [row["description"] for row in
                        store._rows("SELECT description FROM api_tokens")]
    finally:
        store.close()
    assert descriptions == ["reads with ***"]
    [(_, _, payload)] = token_events(project)
    assert payload["description"] == "reads with ***"


def test_revoke_then_rotate_and_revoke_again(project: Project) -> None:
    created = as_(project, "alice", "token", "create", "--actor", "ci-bot", "--role", "viewer",
                  "--format", "json")
    token_id, old = created.doc["id"], created.doc["token"]

    rotated = as_(project, "alice", "token", "rotate", token_id, "--expires", "7d",
                  "--format", "json")
    assert rotated.code == 0, rotated.stderr
    assert rotated.doc["id"] == token_id and rotated.doc["token"] != old
    store = open_store(store_url(project))
    try:
        with pytest.raises(AuthError):
            authenticate(store, old, datetime.now(UTC))
        assert authenticate(store, rotated.doc["token"], datetime.now(UTC)).id == token_id
    finally:
        store.close()

    revoked = as_(project, "bob", "token", "revoke", token_id)
    assert revoked.code == 0, revoked.stderr
    assert f"API token {token_id} (ci-bot) revoked" in revoked.stdout
    again = as_(project, "carol", "token", "revoke", token_id, "--format", "json")
    assert again.code == 0 and again.doc["already_revoked"] is True
    assert again.doc["revoked_by"] == "bob"
    refused = as_(project, "alice", "token", "rotate", token_id)
    assert refused.code == 2 and "cannot be rotated" in refused.stderr
    assert refused.stdout == ""
    listed = as_(project, "alice", "token", "list", "--format", "json")
    assert listed.doc["tokens"][0]["status"] == "revoked"
    assert [(k, a) for k, a, _ in token_events(project)] == [
        ("token.created", "alice"), ("token.rotated", "alice"), ("token.revoked", "bob")]


@pytest.mark.parametrize(("args", "message"), [
    (("create", "--actor", "x", "--role", "boss"), "unknown role 'boss' (expected one of"),
    (("create", "--actor", "x", "--role", "viewer", "--automation", ""),
     "automation globs must not be empty"),
    (("create", "--actor", "x", "--role", "viewer", "--expires", "soon"),
     "--expires: invalid duration 'soon'"),
    (("create", "--actor", "x", "--role", "viewer", "--expires", "0s"), "must be in the future"),
    (("create", "--actor", " ", "--role", "viewer"), "a token needs an actor"),
    (("create", "--role", "viewer"), "Missing option '--actor'"),
    (("revoke", "tok_0123456789ab"), "no API token tok_0123456789ab"),
    (("rotate", "tok_0123456789ab"), "no API token tok_0123456789ab"),
    (("rotate", "tok_0123456789ab", "--expires", "-1d"), "must not be negative"),
], ids=["unknown-role", "empty-glob", "bad-duration", "zero-duration", "blank-actor",
        "no-actor", "revoke-unknown", "rotate-unknown", "negative-duration"])
def test_bad_input_exits_2_with_one_line_and_records_nothing(project: Project,
                                                             args: tuple[str, ...],
                                                             message: str) -> None:
    result = as_(project, "alice", "token", *args)

    assert result.code == 2, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("opsctl: error:")]
    assert len(errors) == 1 and message in errors[0], result.stderr
    assert result.stdout == ""
    assert token_events(project) == []


def test_only_admins_manage_tokens_when_permissions_are_configured(project: Project) -> None:
    project.write_config("""
        [[permissions.grants]]
        role = "admin"
        to = ["root"]

        [[permissions.grants]]
        role = "operator"
        to = ["bob"]
    """)
    created = as_(project, "root", "token", "create", "--actor", "ci", "--role", "viewer",
                  "--format", "json")
    assert created.code == 0, created.stderr

    for args in (("create", "--actor", "bob", "--role", "admin"), ("list",),
                 ("revoke", created.doc["id"]), ("rotate", created.doc["id"])):
        denied = as_(project, "bob", "token", *args)
        assert denied.code == 6, (args, denied.stderr)
        assert "actor bob may not administer *" in denied.stderr
        assert denied.stdout == ""
    events = token_events(project)
    assert [(k, a) for k, a, _ in events] == [("token.created", "root")] + [
        ("permission.denied", "bob")] * 4
    listed = as_(project, "root", "token", "list", "--format", "json")
    assert [t["status"] for t in listed.doc["tokens"]] == ["active"]


@pytest.mark.parametrize("output", ["closed-pipe", "full-disk"])
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_token_whose_secret_cannot_be_shown_is_revoked(project: Project, output: str,
                                                         fmt: str) -> None:
    """The secret is shown once: when standard output refuses it (its reader gone, a full
    disk), no one holds the token, so it is revoked and the command says so (was: a live
    token in `token list` for 90 days, under a line that said it was shown)."""
    import os
    import subprocess

    from tests.conftest import OPSCTL

    if output == "closed-pipe":
        read_end, write_end = os.pipe()
        os.close(read_end)  # the reader went away before anything was written
        expected = 141
    else:
        write_end = os.open("/dev/full", os.O_WRONLY)
        expected = 4
    try:
        done = subprocess.run(
            [OPSCTL, "token", "create", "--actor", "ci-bot", "--role", "operator",
             "--format", fmt], cwd=project.root, env={**project.env(), "OPSCTL_ACTOR": "alice"},
            stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write_end)
    assert done.returncode == expected, done.stderr
    assert "could not be shown, so it was revoked" in done.stderr
    assert "Traceback" not in done.stderr
    listed = as_(project, "alice", "token", "list", "--format", "json")
    assert listed.code == 0, listed.stderr
    assert [t["status"] for t in listed.doc["tokens"]] == ["revoked"]
    assert [kind for kind, _, _ in token_events(project)] == ["token.created", "token.revoked"]
    assert as_(project, "alice", "audit", "verify").code == 0


def test_a_rotation_whose_secret_cannot_be_shown_says_to_rotate_again(project: Project) -> None:
    """The old secret stops working at the rotation: when the new one cannot be shown (a
    full disk), the command says so and how to get a secret again (was: only 'cannot write
    the output', and a token no one could use)."""
    import os
    import subprocess

    from tests.conftest import OPSCTL

    created = as_(project, "alice", "token", "create", "--actor", "ci-bot", "--role", "viewer",
                  "--format", "json")
    assert created.code == 0, created.stderr
    token_id = created.doc["id"]
    full = os.open("/dev/full", os.O_WRONLY)
    try:
        done = subprocess.run([OPSCTL, "token", "rotate", token_id], cwd=project.root,
                              env={**project.env(), "OPSCTL_ACTOR": "alice"}, stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(full)
    assert done.returncode == 4, done.stderr
    assert (f"the new secret of {token_id} could not be shown, and the old one no longer "
            f"works: `opsctl token rotate {token_id}` again") in done.stderr
    again = as_(project, "alice", "token", "rotate", token_id)
    assert again.code == 0, again.stderr
    assert TOKEN.fullmatch(again.stdout.rstrip("\n"))
