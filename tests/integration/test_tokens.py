"""API tokens on SQLite and PostgreSQL: issued once, stored as a hash, refused precisely."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from opsctl.errors import AuthError, DeniedError, UsageError
from opsctl.governance.tokens import (
    LAST_USED_RESOLUTION,
    TokenRecord,
    audit_refusal,
    authenticate,
    create_token,
    is_api_token,
    list_tokens,
    revoke_token,
    rotate_token,
)
from opsctl.store.audit import iter_events, verify_chain
from opsctl.store.sql import SQLStore, open_store

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(store_url: str) -> Iterator[SQLStore]:
    opened = open_store(store_url)
    yield opened
    opened.close()


def _create(store: SQLStore, **overrides: object) -> tuple[TokenRecord, str]:
    args: dict[str, object] = {"actor": "ci-bot", "role": "operator", "expires": timedelta(days=30),
                               "created_by": "alice", "now": T0}
    args.update(overrides)
    return create_token(store, **args)  # type: ignore[arg-type]


def _events(store: SQLStore, prefix: str = "token.") -> list[tuple[str, str, dict[str, object]]]:
    return [(e.kind, e.actor, e.payload) for e in iter_events(store) if e.kind.startswith(prefix)]


def test_a_created_token_authenticates_as_its_actor_and_is_audited(store: SQLStore) -> None:
    record, secret = create_token(store, actor="ci-bot", role="operator",
                                  automations=("deploy-*",), environments=("staging",),
                                  expires=timedelta(days=30), created_by="alice", now=T0,
                                  description="deploys from CI")

    assert secret.startswith("opsctl_") and len(secret) == 50 and is_api_token(secret)
    assert record.id.startswith("tok_")
    assert (record.actor, record.role, record.automations, record.environments) == (
        "ci-bot", "operator", ("deploy-*",), ("staging",))
    assert record.expires_at == T0 + timedelta(days=30)
    found = authenticate(store, secret, T0 + timedelta(days=1))
    assert (found.id, found.actor, found.last_used_at) == (record.id, "ci-bot",
                                                           T0 + timedelta(days=1))
    [(kind, actor, payload)] = _events(store)
    assert (kind, actor) == ("token.created", "alice")
    assert payload == {"token_id": record.id, "actor": "ci-bot", "role": "operator",
                       "automations": ["deploy-*"], "environments": ["staging"],
                       "description": "deploys from CI",
                       "expires_at": "2026-03-31T12:00:00.000000+00:00"}
    assert verify_chain(store).ok


def test_two_tokens_get_distinct_secrets_and_ids(store: SQLStore) -> None:
    first, one = _create(store)
    second, two = _create(store, now=T0 + timedelta(seconds=1))

    assert one != two and first.id != second.id
    assert [t.id for t in list_tokens(store)] == [first.id, second.id]


def test_only_the_hash_is_stored_nowhere_the_secret(store_url: str, store: SQLStore) -> None:
    record, secret = _create(store)
    rotate_token(store, record.id, by="alice", now=T0)
    store.flush()
    digest = hashlib.sha256(secret.encode()).hexdigest()

    [row] = store._rows("SELECT token_hash FROM api_tokens")
    assert len(row["token_hash"]) == 64 and secret not in row["token_hash"]
    audit = "".join(str(r) for r in store._rows("SELECT * FROM audit_events"))
    assert secret not in audit and digest not in audit
    listed = str([t.to_dict() for t in list_tokens(store)])
    assert secret not in listed and digest not in listed
    if store_url.startswith("sqlite:///"):
        store.close()
        raw = b"".join(p.read_bytes() for p in Path(store_url[len("sqlite:///"):]).parent.iterdir()
                       if p.is_file())
        assert secret.encode() not in raw
        assert secret.split("_", 1)[1].encode() not in raw


@pytest.mark.parametrize(("presented", "reason"), [
    ("", "malformed"),
    ("Bearer opsctl_x", "malformed"),
    ("opsctl_" + "A" * 42, "malformed"),
    ("opsctl_" + "A" * 43 + "\n", "malformed"),
    ("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "malformed"),
    ("opsctl_" + "A" * 43, "unknown"),
], ids=["empty", "with-scheme", "short", "trailing-newline", "a-jwt", "never-issued"])
def test_a_token_that_was_never_issued_is_refused(store: SQLStore, presented: str,
                                                  reason: str) -> None:
    _create(store)

    with pytest.raises(AuthError) as refused:
        authenticate(store, presented, T0)

    assert refused.value.reason == reason
    assert refused.value.exit_code == 6 and refused.value.error_type == "auth"


def test_an_expired_token_is_refused_naming_its_id_not_its_secret(store: SQLStore) -> None:
    record, secret = _create(store, expires=timedelta(hours=1))

    authenticate(store, secret, T0 + timedelta(minutes=59))
    with pytest.raises(AuthError) as refused:
        authenticate(store, secret, T0 + timedelta(hours=1))

    assert refused.value.reason == "expired"
    assert record.id in refused.value.message and secret not in refused.value.message


def test_a_token_that_never_expires(store: SQLStore) -> None:
    record, secret = _create(store, expires=None)

    assert record.expires_at is None
    assert authenticate(store, secret, T0 + timedelta(days=3650)).id == record.id


def test_revoking_stops_the_token_at_once_and_twice_records_once(store: SQLStore) -> None:
    record, secret = _create(store)

    revoked, changed = revoke_token(store, record.id, by="bob", now=T0 + timedelta(hours=1))
    again, changed_again = revoke_token(store, record.id, by="carol", now=T0 + timedelta(hours=2))

    assert (changed, changed_again) == (True, False)
    assert revoked.revoked_at == again.revoked_at == T0 + timedelta(hours=1)
    assert again.revoked_by == "bob" and again.status(T0) == "revoked"
    with pytest.raises(AuthError) as refused:
        authenticate(store, secret, T0 + timedelta(hours=1))
    assert refused.value.reason == "revoked"
    assert [(k, a) for k, a, _ in _events(store)] == [("token.created", "alice"),
                                                      ("token.revoked", "bob")]


def test_unknown_ids_are_usage_errors_that_record_nothing(store: SQLStore) -> None:
    with pytest.raises(UsageError, match="no API token tok_000000000000"):
        revoke_token(store, "tok_000000000000", by="bob", now=T0)
    with pytest.raises(UsageError, match="no API token"):
        rotate_token(store, "nope", by="bob", now=T0)

    assert list(iter_events(store)) == []


def test_rotating_replaces_the_secret_and_keeps_id_and_scope(store: SQLStore) -> None:
    record, old = _create(store, automations=("deploy-*",), expires=timedelta(days=30))
    later = T0 + timedelta(days=40)  # expired: rotating is how it is renewed

    rotated, new = rotate_token(store, record.id, by="alice", now=later)

    assert new != old and rotated.id == record.id and rotated.automations == ("deploy-*",)
    assert rotated.expires_at == later + timedelta(days=30)  # the lifetime it had
    assert rotated.rotated_at == later and rotated.created_at == T0
    assert authenticate(store, new, later).id == record.id
    with pytest.raises(AuthError) as refused:
        authenticate(store, old, later)
    assert refused.value.reason == "unknown"
    kinds = _events(store)
    assert kinds[-1] == ("token.rotated", "alice", {
        "token_id": record.id, "actor": "ci-bot",
        "expires_at": "2026-05-10T12:00:00.000000+00:00"})


def test_rotating_with_a_new_expiry_or_never(store: SQLStore) -> None:
    record, _ = _create(store)

    short, _ = rotate_token(store, record.id, by="a", now=T0, expires=timedelta(days=7))
    forever, _ = rotate_token(store, record.id, by="a", now=T0, expires=None)
    same, _ = rotate_token(store, record.id, by="a", now=T0 + timedelta(days=1))

    assert short.expires_at == T0 + timedelta(days=7)
    assert forever.expires_at is None and same.expires_at is None


def test_a_revoked_token_cannot_be_rotated_back_to_life(store: SQLStore) -> None:
    record, _ = _create(store)
    revoke_token(store, record.id, by="bob", now=T0)

    with pytest.raises(UsageError, match="revoked"):
        rotate_token(store, record.id, by="bob", now=T0)

    assert [k for k, _, _ in _events(store)] == ["token.created", "token.revoked"]


def test_last_used_is_written_at_most_once_a_minute(store: SQLStore) -> None:
    _, secret = _create(store)

    def stored_last_used() -> object:
        [row] = store._rows("SELECT last_used_at FROM api_tokens")
        return row["last_used_at"]

    authenticate(store, secret, T0)
    first = stored_last_used()
    for seconds in (1, 30, 59):
        authenticate(store, secret, T0 + timedelta(seconds=seconds))
    assert stored_last_used() == first
    authenticate(store, secret, T0 + LAST_USED_RESOLUTION)
    assert stored_last_used() != first
    assert list_tokens(store)[0].last_used_at == T0 + LAST_USED_RESOLUTION


@pytest.mark.parametrize(("overrides", "message"), [
    ({"role": "root"}, "unknown role 'root'"),
    ({"actor": "  "}, "needs an actor"),
    ({"actor": "group:sre"}, "is a group reference, not an actor"),
    ({"automations": ()}, "at least one automation glob"),
    ({"environments": ("prod", " ")}, "environment globs must not be empty"),
    ({"expires": timedelta(0)}, "must be in the future"),
    ({"expires": timedelta(days=999_999_999)}, "too far in the future"),
], ids=["role", "actor", "group-actor", "no-automations", "blank-environment", "zero-expiry", "overflow"])
def test_bad_input_is_a_usage_error_and_records_nothing(store: SQLStore, overrides: dict[str, object],
                                                        message: str) -> None:
    with pytest.raises(UsageError, match=message):
        _create(store, **overrides)

    assert list_tokens(store) == [] and list(iter_events(store)) == []


def test_the_tokens_permissions_are_its_scope(store: SQLStore) -> None:
    record, _ = _create(store, role="operator", automations=("deploy-*", "restart"),
                        environments=("staging", "dev-*"))
    permissions = record.permissions({"sre": ["ci-bot"]})

    permissions.check("ci-bot", "apply", automation="deploy-web", environment="dev-eu")
    permissions.check("ci-bot", "view", automation="restart", environment="staging")
    assert permissions.groups_of("ci-bot") == frozenset({"sre"})
    refused = [
        ("ci-bot", "apply", "deploy-web", "prod"),  # environment outside the scope
        ("ci-bot", "apply", "cleanup", "staging"),  # automation outside the scope
        ("ci-bot", "apply", "deploy-web", None),  # no environment: only "*" covers it
        ("ci-bot", "approve", "deploy-web", "staging"),  # operator does not approve
        ("someone-else", "view", "deploy-web", "staging"),  # the grant is to its actor only
    ]
    for actor, permission, automation, environment in refused:
        with pytest.raises(DeniedError):
            permissions.check(actor, permission, automation=automation,  # type: ignore[arg-type]
                              environment=environment)


def test_a_refusal_is_audited_without_credential_material(store: SQLStore) -> None:
    _, secret = _create(store)
    jwt_like = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"

    event = audit_refusal(store, "unknown", f"presented {secret} and {jwt_like} from 10.0.0.1")

    assert event.kind == "auth.refused" and event.actor == "unauthenticated"
    assert event.payload == {"reason": "unknown",
                             "detail": "presented [credential] and [credential] from 10.0.0.1"}
    stored = str(store._rows("SELECT payload_json FROM audit_events"))
    assert secret not in stored and jwt_like not in stored
    assert verify_chain(store).ok


def test_times_must_be_timezone_aware(store: SQLStore) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        _create(store, now=datetime(2026, 3, 1, 12, 0))


def test_two_processes_revoking_at_once_record_one_revocation(store_url: str,
                                                              store: SQLStore) -> None:
    from concurrent.futures import ThreadPoolExecutor

    record, _ = _create(store)
    others = [open_store(store_url) for _ in range(2)]
    try:
        with ThreadPoolExecutor(2) as pool:
            outcomes = list(pool.map(
                lambda pair: revoke_token(pair[0], record.id, by=pair[1], now=T0),
                zip(others, ("bob", "carol"), strict=True)))
    finally:
        for other in others:
            other.close()

    assert sorted(changed for _, changed in outcomes) == [False, True]
    assert [k for k, _, _ in _events(store)] == ["token.created", "token.revoked"]
    assert verify_chain(store).ok
