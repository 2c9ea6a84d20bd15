"""API tokens for callers of the HTTP API: random secrets, stored only as their SHA-256.

A token is ``opsctl_`` followed by 43 URL-safe characters (``secrets.token_urlsafe(32)``, 256
random bits), shown once when it is created or rotated. The ``api_tokens`` row keeps its
SHA-256 (hex) with what the token may do: one actor, one role, automation and environment
globs (:meth:`TokenRecord.permissions`), an expiry, and when it was last used. Neither the
secret nor its hash is ever written to the audit trail or a log.

Every change commits with its audit event: ``token.created``, ``token.rotated``,
``token.revoked``. Revoking and rotating are conditional writes, so two callers racing do the
change once and record one event. :func:`authenticate` refuses a presented token with
:class:`~opsctl.errors.AuthError` whose ``reason`` is ``malformed``, ``unknown``, ``expired``
or ``revoked``; the server answers every one with 401 and audits it with
:func:`audit_refusal`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

from opsctl.errors import AuthError, UsageError
from opsctl.governance.identity import MAX_ACTOR_LENGTH, sanitise

if TYPE_CHECKING:
    from opsctl.governance.permissions import Permissions
    from opsctl.store.audit import AuditEvent
    from opsctl.store.sql import Row, SQLStore

TOKEN_PREFIX = "opsctl_"
ID_PREFIX = "tok_"
DEFAULT_EXPIRY = timedelta(days=90)
LAST_USED_RESOLUTION = timedelta(minutes=1)
"""``last_used_at`` is written at most once per this interval per token: a write on every
request would halve the throughput of reads."""

_SECRET_BYTES = 32
_TOKEN = re.compile(re.escape(TOKEN_PREFIX) + r"[A-Za-z0-9_-]{43}")
_ID = re.compile(re.escape(ID_PREFIX) + r"[0-9a-f]{12}")
_MAX_DESCRIPTION = 200
# Anything in a refusal's detail that looks like a credential is masked before it is audited.
_CREDENTIAL_LIKE = re.compile(re.escape(TOKEN_PREFIX) + r"[A-Za-z0-9_-]{8,}"
                              r"|eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*)?")
_COLUMNS = ("id, actor, role, automations, environments, description, created_by, created_at, "
            "expires_at, revoked_at, revoked_by, rotated_at, last_used_at")

Status = Literal["active", "expired", "revoked"]


@dataclass(frozen=True)
class TokenRecord:
    """What the store holds about one token: never the secret, never its hash."""

    id: str
    actor: str
    role: str
    automations: tuple[str, ...]
    environments: tuple[str, ...]
    description: str | None
    created_by: str
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None
    revoked_by: str | None = None
    rotated_at: datetime | None = None

    def status(self, now: datetime) -> Status:
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= now:
            return "expired"
        return "active"

    def expires_in(self, now: datetime) -> timedelta | None:
        """Time left before expiry (negative once expired); None for a token that never expires."""
        return None if self.expires_at is None else self.expires_at - now

    def permissions(self, groups: Mapping[str, Sequence[str]] | None = None) -> Permissions:
        """One grant of the token's role to its actor, on its automations and environments:
        ``Permissions.check`` then refuses whatever lies outside the token's scope."""
        from opsctl.governance.permissions import Grant, Permissions

        role: Any = self.role  # validated against ROLES when the token was created
        return Permissions([Grant(role, (self.actor,), self.automations, self.environments)],
                           groups or {})

    def to_dict(self) -> dict[str, object]:
        def stamp(value: datetime | None) -> str | None:
            return None if value is None else _stamp(value)

        return {"id": self.id, "actor": self.actor, "role": self.role,
                "automations": list(self.automations), "environments": list(self.environments),
                "description": self.description, "created_by": self.created_by,
                "created_at": _stamp(self.created_at), "expires_at": stamp(self.expires_at),
                "revoked_at": stamp(self.revoked_at), "revoked_by": self.revoked_by,
                "rotated_at": stamp(self.rotated_at), "last_used_at": stamp(self.last_used_at)}


def is_api_token(presented: str) -> bool:
    """Whether ``presented`` has the form of an opsctl API token (an OIDC token never does:
    it holds dots, a token none)."""
    return _TOKEN.fullmatch(presented) is not None


def token_hash(secret: str) -> str:
    """The SHA-256 of a token, as 64 hex digits: all the store keeps of it."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(store: SQLStore, *, actor: str, role: str,
                 automations: Sequence[str] = ("*",), environments: Sequence[str] = ("*",),
                 expires: timedelta | None, created_by: str, now: datetime,
                 description: str | None = None) -> tuple[TokenRecord, str]:
    """Record a new token and return it with its secret, which is not stored and not
    shown again. ``expires`` None means the token never expires.

    Raises :class:`UsageError` (exit 2), recording nothing, for an empty actor, a role not in
    ``permissions.ROLES``, an empty glob list or glob, or a non-positive ``expires``.
    """
    from opsctl.governance.permissions import GROUP_PREFIX, ROLES
    from opsctl.store.audit import NewEvent, append_in_transaction

    _aware(now)
    name = sanitise(actor, MAX_ACTOR_LENGTH)
    if name is None:
        raise UsageError("a token needs an actor (--actor NAME)")
    if name.startswith(GROUP_PREFIX):
        raise UsageError(f"--actor {name!r}: a name starting with {GROUP_PREFIX!r} is a group "
                         "reference, not an actor (give the token the actor it speaks for)")
    if role not in ROLES:
        raise UsageError(f"unknown role {role!r} (expected one of {', '.join(ROLES)})")
    scope = _globs("automation", automations), _globs("environment", environments)
    expires_at = _expiry(now, expires)
    note = sanitise(description, _MAX_DESCRIPTION)
    if note is not None:  # kept in the row and shown by `token list`, as the event keeps it
        note = store.redactor.redact_text(note)
    secret = TOKEN_PREFIX + secrets.token_urlsafe(_SECRET_BYTES)
    record = TokenRecord(id=ID_PREFIX + secrets.token_hex(6), actor=name, role=role,
                         automations=scope[0], environments=scope[1], description=note,
                         created_by=created_by, created_at=now, expires_at=expires_at,
                         revoked_at=None, last_used_at=None)
    with store.transaction():
        store._execute(f"INSERT INTO api_tokens (token_hash, {_COLUMNS}) VALUES "
                       f"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (token_hash(secret), record.id, name, role, json.dumps(scope[0]),
                        json.dumps(scope[1]), note, created_by, _stamp(now),
                        _stamp(expires_at) if expires_at else None, None, None, None, None))
        append_in_transaction(store, [NewEvent("token.created", created_by, {
            "token_id": record.id, "actor": name, "role": role, "automations": list(scope[0]),
            "environments": list(scope[1]), "description": note,
            "expires_at": _stamp(expires_at) if expires_at else None})], at=now)
    return record, secret


def list_tokens(store: SQLStore) -> list[TokenRecord]:
    """Every token, revoked and expired ones included, oldest first."""
    rows = store._rows(f"SELECT {_COLUMNS} FROM api_tokens ORDER BY created_at, id")
    return [_record(row) for row in rows]


def get_token(store: SQLStore, token_id: str) -> TokenRecord:
    """The token ``token_id``; :class:`UsageError` (exit 2) when there is none."""
    rows = store._rows(f"SELECT {_COLUMNS} FROM api_tokens WHERE id = ?", (token_id,))
    if not rows:
        shown = token_id if _ID.fullmatch(token_id) else repr(token_id[:40])
        raise UsageError(f"no API token {shown} (see `opsctl token list`)")
    return _record(rows[0])


def revoke_token(store: SQLStore, token_id: str, *, by: str,
                 now: datetime) -> tuple[TokenRecord, bool]:
    """Revoke ``token_id`` at once: (the record, True), or (the record, False) when it was
    already revoked, in which case nothing more is recorded.

    Unknown ids are :class:`UsageError` (exit 2).
    """
    from opsctl.store.audit import NewEvent, append_in_transaction

    _aware(now)
    with store.transaction():
        current = get_token(store, token_id)
        cur = store._execute("UPDATE api_tokens SET revoked_at = ?, revoked_by = ? "
                             "WHERE id = ? AND revoked_at IS NULL",
                             (_stamp(now), by, current.id))
        revoked = cur.rowcount == 1
        if revoked:
            append_in_transaction(store, [NewEvent("token.revoked", by, {
                "token_id": current.id, "actor": current.actor})], at=now)
    return get_token(store, token_id), revoked


def rotate_token(store: SQLStore, token_id: str, *, by: str, now: datetime,
                 expires: timedelta | Literal["same"] | None = "same",
                 ) -> tuple[TokenRecord, str]:
    """Give ``token_id`` a new secret (the old one stops working at once) and a new expiry,
    keeping its id and scope. An expired token may be rotated: that is how it is renewed.

    ``expires`` "same" gives it the lifetime it had (from its creation or last rotation to its
    expiry), counted from ``now``; None makes it never expire. A revoked token stays revoked
    (:class:`UsageError`, exit 2), and so do unknown ids.
    """
    from opsctl.store.audit import NewEvent, append_in_transaction

    _aware(now)
    secret = TOKEN_PREFIX + secrets.token_urlsafe(_SECRET_BYTES)
    with store.transaction():
        current = get_token(store, token_id)
        if expires == "same":
            issued = current.rotated_at or current.created_at
            lifetime = None if current.expires_at is None else current.expires_at - issued
            expires_at = _expiry(now, lifetime)
        else:
            expires_at = _expiry(now, expires)
        cur = store._execute("UPDATE api_tokens SET token_hash = ?, expires_at = ?, "
                             "rotated_at = ? WHERE id = ? AND revoked_at IS NULL",
                             (token_hash(secret), _stamp(expires_at) if expires_at else None,
                              _stamp(now), current.id))
        if cur.rowcount != 1:
            raise UsageError(f"API token {current.id} was revoked; a revoked token cannot be "
                             "rotated (create a new one)")
        # dashboard logins made with the old secret end with it (a leaked token is rotated:
        # whoever logged in with it must not keep a session)
        store._execute("UPDATE dashboard_sessions SET revoked_at = ? WHERE token_id = ? AND "
                       "revoked_at IS NULL", (_stamp(now), current.id))
        append_in_transaction(store, [NewEvent("token.rotated", by, {
            "token_id": current.id, "actor": current.actor,
            "expires_at": _stamp(expires_at) if expires_at else None})], at=now)
    return get_token(store, current.id), secret


def authenticate(store: SQLStore, presented: str, now: datetime) -> TokenRecord:
    """The token ``presented`` belongs to, while it is neither revoked nor expired.

    Raises :class:`AuthError` with ``reason`` ``malformed`` (not an opsctl token at all),
    ``unknown`` (no such token: never issued, or rotated since), ``revoked`` or ``expired``;
    messages name the token id when it is known, never the secret. ``last_used_at`` is
    written when it is older than :data:`LAST_USED_RESOLUTION`.
    """
    _aware(now)
    if not is_api_token(presented):
        raise AuthError("the bearer token is not an opsctl API token", reason="malformed")
    digest = token_hash(presented)
    rows = store._rows(f"SELECT token_hash, {_COLUMNS} FROM api_tokens WHERE token_hash = ?",
                       (digest,))
    # Found by its hash, so the comparison learns nothing about the secret; compared anyway
    # in constant time, so no reader has to reason about it.
    if not rows or not hmac.compare_digest(str(rows[0].pop("token_hash")), digest):
        raise AuthError("unknown API token (never issued, or rotated since)", reason="unknown")
    record = _record(rows[0])
    if record.revoked_at is not None:
        raise AuthError(f"API token {record.id} was revoked at {_stamp(record.revoked_at)}",
                        reason="revoked")
    if record.expires_at is not None and record.expires_at <= now:
        raise AuthError(f"API token {record.id} expired at {_stamp(record.expires_at)}",
                        reason="expired")
    if record.last_used_at is None or now - record.last_used_at >= LAST_USED_RESOLUTION:
        from opsctl.store.sql import StorePrivilegeError

        try:
            with store.transaction():
                # Conditional: of concurrent requests in the same minute, one writes.
                store._execute("UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND "
                               "(last_used_at IS NULL OR last_used_at <= ?)",
                               (_stamp(now), record.id, _stamp(now - LAST_USED_RESOLUTION)))
        except StorePrivilegeError:
            # a role granted only SELECT (a server that shows the store to auditors): the
            # credential is good, so the request goes on; only its last use is not recorded
            return record
        record = replace(record, last_used_at=now)
    return record


def audit_refusal(store: SQLStore, reason: str, detail: str | None = None, *,
                  actor: str = "unauthenticated", at: datetime | None = None) -> AuditEvent:
    """Record an ``auth.refused`` event for a refused credential: ``reason`` (the
    :class:`AuthError` reason) and ``detail`` (a message, a token id, a client address).
    Anything in them shaped like an API token or a JWT is masked first, so a caller passing
    what it was given by mistake records no credential."""
    from opsctl.store.audit import append_event

    payload = {"reason": _masked(reason), "detail": _masked(detail) if detail else None}
    return append_event(store, "auth.refused", actor=actor, payload=payload, at=at)


# -- helpers ------------------------------------------------------------------------------
def _masked(text: str) -> str:
    return _CREDENTIAL_LIKE.sub("[credential]", text)


def _aware(now: datetime) -> None:
    if now.utcoffset() is None:
        raise ValueError("token times must be timezone-aware")


def _stamp(value: datetime) -> str:
    """UTC with microseconds: stamps sort as text, as the rest of the store's."""
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def _parse(value: object) -> datetime | None:
    return None if value is None else datetime.fromisoformat(str(value))


def _globs(what: str, values: Sequence[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        values = (values,)
    cleaned = tuple(value.strip() for value in values)
    if not cleaned:
        raise UsageError(f"a token needs at least one {what} glob ('*' for all)")
    if any(not value for value in cleaned):
        raise UsageError(f"{what} globs must not be empty strings (use '*' for all)")
    return cleaned


def _expiry(now: datetime, expires: timedelta | None) -> datetime | None:
    if expires is None:
        return None
    if expires <= timedelta(0):
        raise UsageError("a token's expiry must be in the future (a positive duration, or never)")
    try:
        return now + expires
    except OverflowError:
        raise UsageError("a token's expiry is too far in the future (use never)") from None


def _record(row: Row) -> TokenRecord:
    return TokenRecord(
        id=str(row["id"]), actor=str(row["actor"]), role=str(row["role"]),
        automations=tuple(json.loads(row["automations"])),
        environments=tuple(json.loads(row["environments"])),
        description=row["description"], created_by=str(row["created_by"]),
        created_at=datetime.fromisoformat(str(row["created_at"])),
        expires_at=_parse(row["expires_at"]), revoked_at=_parse(row["revoked_at"]),
        last_used_at=_parse(row["last_used_at"]), revoked_by=row["revoked_by"],
        rotated_at=_parse(row["rotated_at"]))
