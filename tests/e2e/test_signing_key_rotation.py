"""Rotating the plan-signing key: plans saved before it still verify in the audit trail when the
old key is listed in ``plan_signing_keys_retired``, and are refused (exit 3, saying why) by
``apply --plan`` and ``approve``, which take only plans signed with the current key."""

from __future__ import annotations

import json

from tests.conftest import Project
from tests.e2e.test_store_integrity import BROADCAST, sent, tamper

OLD, NEW = "old-key-5b2e0d1c9a7f", "new-key-c4d3e2f1a0b9"


def _project(project: Project, *, retired: list[str] | None = None) -> None:
    project.add_module("broadcast_mod", BROADCAST)
    key = OLD if retired is None else NEW
    extra = f'plan_signing_key = "{key}"\n'
    if retired is not None:
        extra += f"plan_signing_keys_retired = {json.dumps(retired)}\n"
    project.write_config(extra)


def _saved_before_rotation(project: Project) -> tuple[str, str]:
    _project(project)
    planned = project.run("plan", "broadcast", "--out", "plan.json", "--format", "json")
    assert planned.code == 10, planned.stderr
    return planned.doc["artifacts"]["plan_id"], planned.doc["run_id"]


def test_without_the_retired_key_a_rotation_is_reported_by_audit_verify(project: Project) -> None:
    plan_id, _ = _saved_before_rotation(project)
    _project(project, retired=[])

    verified = project.run("audit", "verify", "--format", "json")

    assert verified.code == 3
    assert f"saved plan {plan_id}: does not match its signature" in verified.doc["error"]["message"]


def test_a_retired_key_keeps_the_audit_trail_verified(project: Project) -> None:
    _saved_before_rotation(project)
    _project(project, retired=["some-older-key", OLD])

    verified = project.run("audit", "verify", "--format", "json")

    assert verified.code == 0, verified.stdout + verified.stderr


def test_a_plan_edited_in_the_store_is_still_reported_under_a_retired_key(project: Project) -> None:
    plan_id, _ = _saved_before_rotation(project)
    _project(project, retired=[OLD])
    tamper(project, ("UPDATE plans SET document_json = replace(document_json, "
                     "'prod/announcements', 'prod/everyone')", ()))

    verified = project.run("audit", "verify", "--format", "json")

    assert verified.code == 3
    assert f"saved plan {plan_id}: does not match its signature" in verified.doc["error"]["message"]


def test_a_plan_signed_with_a_retired_key_is_refused_by_apply_and_approve(project: Project) -> None:
    plan_id, _ = _saved_before_rotation(project)
    _project(project, retired=[OLD])

    applied = project.run("apply", "--plan", "plan.json", "--format", "json")
    approved = project.run("approve", plan_id, "--reason", "ok", "--format", "json")

    assert applied.code == 3, applied.stderr
    assert applied.doc["error"]["message"] == (
        "plan.json: plan was signed with a retired plan-signing key (plan_signing_keys_retired); "
        "plans are applied only under the current key: re-run `opsctl plan`")
    assert approved.code == 3, approved.stderr
    assert approved.doc["error"]["message"] == (
        f"saved plan {plan_id} in the store was signed with a retired plan-signing key "
        "(plan_signing_keys_retired): plans are applied and approved only under the current "
        "key; re-run `opsctl plan`")
    assert sent(project) == []
    replanned = project.run("plan", "broadcast", "--out", "new.json", "--format", "json")
    assert replanned.code == 10
    assert project.run("apply", "--plan", "new.json").code == 0
    assert sent(project) == ["hello"]


def test_retired_keys_are_secrets(project: Project) -> None:
    _project(project, retired=[OLD])
    shown = project.run("config", "show", "--format", "json", expect_json=True)
    from_env = project.run("config", "show", env=project.env(
        {"OPSCTL_PLAN_SIGNING_KEYS_RETIRED": "first-retired-key-1, second-retired-key-2"}))

    assert shown.code == 0 and from_env.code == 0, shown.stderr + from_env.stderr
    assert OLD not in shown.stdout and NEW not in shown.stdout
    assert "first-retired-key-1" not in from_env.stdout
    assert "second-retired-key-2" not in from_env.stdout
    row = next(line for line in from_env.stdout.splitlines()
               if line.startswith("plan_signing_keys_retired"))
    assert "***" in row and "env" in row


def test_a_blank_plan_signing_key_is_a_configuration_error(project: Project) -> None:
    """An empty or blank plan_signing_key (a variable set to nothing but a space, a template
    left unfilled) signs plans anyone can forge: exit 2 naming the key and its layer, nothing
    planned (was: plans signed with the empty key)."""
    project.add_module("broadcast_mod", BROADCAST)
    for extra, env, layer in (('plan_signing_key = ""\n', {}, "repo:"),
                              ("", {"OPSCTL_PLAN_SIGNING_KEY": "  "}, "env"),
                              ('plan_signing_keys_retired = ["old", " "]\n', {}, "repo:")):
        project.write_config(extra)
        refused = project.run("plan", "broadcast", "--out", "plan.json", env=project.env(env))
        assert refused.code == 2, refused.stderr
        key = "plan_signing_keys_retired" if "retired" in extra else "plan_signing_key"
        assert f"config key '{key}' (from {layer}" in refused.stderr
        assert "may not be empty or blank" in refused.stderr
        assert not (project.root / "plan.json").exists()
    assert not project.db.exists()


def test_a_key_file_linked_to_nothing_is_named_and_not_replaced(project: Project) -> None:
    """state_dir/plan-signing.key as a link to a key that is not there (a secret mount that
    failed): exit 2 naming the link, for plan and apply alike, and the link stays (was: exit 1,
    an internal FileNotFoundError)."""
    project.add_module("broadcast_mod", BROADCAST)
    planned = project.run("plan", "broadcast", "--out", "plan.json")
    assert planned.code == 10, planned.stderr
    key = project.root / ".opsctl" / "plan-signing.key"
    key.unlink()
    key.symlink_to(project.root / "secrets" / "plan-signing.key")

    for args in (("plan", "broadcast", "--out", "again.json"), ("apply", "--plan", "plan.json")):
        refused = project.run(*args)
        assert refused.code == 2, refused.stderr
        assert (f"plan-signing key {key} is a link to {project.root / 'secrets'}"
                in refused.stderr), refused.stderr
    assert key.is_symlink() and not (project.root / "again.json").exists()


def test_audit_verify_without_a_signing_key_says_the_saved_plans_went_unchecked(
        project: Project) -> None:
    """A machine with no plan-signing key cannot check a saved plan's signature: its verify
    still passes on the chain and rows, and says which check it could not make, rather than
    calling every saved plan intact."""
    project.add_module("broadcast_mod", BROADCAST)
    assert project.run("plan", "broadcast", "--out", "plan.json").code == 10
    (project.root / ".opsctl" / "plan-signing.key").unlink()

    verified = project.run("audit", "verify", "--format", "json")
    assert verified.code == 0, verified.stderr
    warning = ("1 saved plan(s) not checked against their signatures: no plan-signing key "
               "here")
    assert any(w.startswith(warning) for w in verified.doc["warnings"]), verified.doc
    text = project.run("audit", "verify")
    assert text.code == 0, text.stderr
    assert f"warning: {warning}" in text.stdout
    assert not (project.root / ".opsctl" / "plan-signing.key").exists()
