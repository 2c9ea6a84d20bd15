"""Dashboard logins: a signed session cookie naming a login kept in the store, and its CSRF token.

Logging in with an API token starts a *login*: a random id (new at every login, so an id
planted before login is worthless) that the server maps to the token's **id**, never its
secret, with an expiry (8 hours, and never beyond the token's own expiry). The cookie holds
only ``login id.HMAC``; it is HttpOnly, SameSite=Strict, Secure over TLS. Every request
re-reads the token by id, so revoking the token (or its expiry) ends its logins at once;
logging out revokes the login in the store, so a copy of the cookie is worthless afterwards.

An OIDC ID token logs in the same way: the login keeps the verified principal (actor,
groups, issuer, subject), until the ID token's ``exp``.

Logins live in the store's ``dashboard_sessions`` table, so they survive a restart and every
server on one PostgreSQL store shares them (no sticky sessions). A row is keyed by the
SHA-256 of the login id, never the id itself: whoever reads the table cannot make a cookie.

The HMAC key of the cookie and the CSRF token are derived from the plan-signing key, which
servers sharing a store share anyway (a plan signed by one is applied by another). The CSRF
token is ``HMAC(key, login id)``: bound to the login, stored nowhere, and a copy of the
table yields neither it nor the cookie. A cookie whose HMAC does not match is refused before
the store is asked. Expired and revoked rows are deleted when someone logs in.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from opsctl.service.runtime import Principal

if TYPE_CHECKING:
    from opsctl.store.sql import SQLStore

COOKIE = "opsctl_session"
LOGIN_COOKIE = "opsctl_login_csrf"
DEFAULT_TTL = timedelta(hours=8)
LAST_SEEN_RESOLUTION = timedelta(minutes=1)
"""``last_seen_at`` is written at most once per this interval per login: a write on every
page would make every read a write."""
_KEY_CONTEXT = b"opsctl dashboard session v1"
_COLUMNS = "actor, token_id, principal_json, created_at, expires_at, last_seen_at, revoked_at"


@dataclass(frozen=True)
class Login:
    """One logged-in browser: whose credential, its CSRF token, until when."""

    id: str
    csrf: str
    actor: str
    expires_at: datetime
    token_id: str | None = None
    """An API token login: the token's id (re-checked on every request)."""
    principal: Principal | None = None
    """An OIDC login: the principal its verified ID token named."""


def _iso(moment: datetime) -> str:
    from opsctl.engine.state import iso

    return iso(moment)


def _hash(login_id: str) -> str:
    return hashlib.sha256(login_id.encode()).hexdigest()


class Logins:
    """The dashboard's logins, in the store the server's threads reach through ``store``."""

    def __init__(self, store: Callable[[], SQLStore], clock: Callable[[], datetime],
                 key: Callable[[], bytes], ttl: timedelta = DEFAULT_TTL) -> None:
        self._store = store
        self._clock = clock
        self._secret = key
        self._key: bytes | None = None
        self._key_lock = threading.Lock()
        self.ttl = ttl

    def start(self, *, actor: str, credential_expires: datetime | None,
              token_id: str | None = None, principal: Principal | None = None) -> Login:
        """A new login (always a new id: session fixation gets nothing)."""
        now = self._clock()
        expires = now + self.ttl
        if credential_expires is not None:
            expires = min(expires, credential_expires)
        login_id = secrets.token_urlsafe(32)
        store = self._store()
        with store.transaction():
            store._execute("DELETE FROM dashboard_sessions WHERE expires_at <= ?", (_iso(now),))
            store._execute(
                f"INSERT INTO dashboard_sessions (id_hash, {_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
                (_hash(login_id), actor, token_id, _principal_json(principal), _iso(now),
                 _iso(expires), _iso(now)))
        return Login(id=login_id, csrf=self._csrf(login_id), actor=actor, expires_at=expires,
                     token_id=token_id, principal=principal)

    def cookie_value(self, login: Login) -> str:
        return f"{login.id}.{self._sign(login.id)}"

    def find(self, cookie: str | None) -> Login | None:
        """The live login a cookie names, or None (unsigned, forged, logged out, expired)."""
        if not cookie or "." not in cookie or len(cookie) > 200 or not cookie.isascii():
            return None  # a browser's cookie is ASCII (compare_digest takes no other text)
        login_id, _, signature = cookie.rpartition(".")
        if not hmac.compare_digest(signature, self._sign(login_id)):
            return None
        store = self._store()
        rows = store._rows(f"SELECT {_COLUMNS} FROM dashboard_sessions WHERE id_hash = ?",
                           (_hash(login_id),))
        if not rows or rows[0]["revoked_at"] is not None:
            return None
        row = rows[0]
        now = self._clock()
        expires = _moment(row["expires_at"])
        if expires <= now:
            return None
        if _moment(row["last_seen_at"]) + LAST_SEEN_RESOLUTION <= now:
            with store.transaction():
                store._execute("UPDATE dashboard_sessions SET last_seen_at = ? "
                               "WHERE id_hash = ?", (_iso(now), _hash(login_id)))
        return Login(id=login_id, csrf=self._csrf(login_id), actor=str(row["actor"]),
                     expires_at=expires, token_id=row["token_id"],
                     principal=_principal(row["principal_json"]))

    def end(self, login_id: str) -> None:
        """Log out: the login is revoked for every server sharing the store."""
        store = self._store()
        with store.transaction():
            store._execute("UPDATE dashboard_sessions SET revoked_at = ? "
                           "WHERE id_hash = ? AND revoked_at IS NULL",
                           (_iso(self._clock()), _hash(login_id)))

    def live_count(self) -> int:
        """Logins neither expired nor revoked."""
        rows = self._store()._rows("SELECT COUNT(*) AS n FROM dashboard_sessions "
                                   "WHERE revoked_at IS NULL AND expires_at > ?",
                                   (_iso(self._clock()),))
        return int(rows[0]["n"])

    def _derived_key(self) -> bytes:
        with self._key_lock:
            if self._key is None:
                self._key = hmac.new(self._secret(), _KEY_CONTEXT, hashlib.sha256).digest()
            return self._key

    def _sign(self, value: str) -> str:
        return hmac.new(self._derived_key(), b"cookie:" + value.encode(),
                        hashlib.sha256).hexdigest()[:32]

    def _csrf(self, login_id: str) -> str:
        import base64

        digest = hmac.new(self._derived_key(), b"csrf:" + login_id.encode(),
                          hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _principal_json(principal: Principal | None) -> str | None:
    if principal is None:
        return None
    return json.dumps({"actor": principal.actor, "source": principal.source,
                       "groups": list(principal.groups),
                       "scope": {k: str(v) for k, v in principal.scope.items()}},
                      sort_keys=True)


def _principal(text: str | None) -> Principal | None:
    if not text:
        return None
    data: dict[str, Any] = json.loads(text)
    return Principal(actor=str(data["actor"]), source=str(data["source"]),
                     groups=tuple(str(g) for g in data.get("groups") or ()),
                     scope=dict(data.get("scope") or {}))


def csrf_matches(expected: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(expected.encode(), (given or "").encode())
