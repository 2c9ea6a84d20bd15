"""Dashboard logins: a signed session cookie naming a server-side login, and its CSRF token.

Logging in with an API token starts a *login*: a random id (new at every login, so an id
planted before login is worthless) that the server maps to the token's **id**, never its
secret, with its own CSRF token and an expiry (8 hours, and never beyond the token's own
expiry). The cookie holds only ``login id.HMAC``; it is HttpOnly, SameSite=Strict, Secure
over TLS. Every request re-reads the token by id, so revoking the token (or its expiry) ends
its logins at once; logging out forgets the login on the server, so a copy of the cookie is
worthless afterwards.

An OIDC ID token logs in the same way: the login keeps the verified principal (actor,
groups), until the ID token's ``exp``.

Logins live in the memory of the server process: a restart logs everyone out, and several
servers behind one address need sticky sessions. The HMAC key is made per process for the
same reason: a cookie can only name a login of this process anyway.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from opsctl.service.runtime import Principal

COOKIE = "opsctl_session"
LOGIN_COOKIE = "opsctl_login_csrf"
DEFAULT_TTL = timedelta(hours=8)
MAX_LOGINS = 10_000


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


class Logins:
    """The logins of one server process."""

    def __init__(self, clock: Callable[[], datetime], ttl: timedelta = DEFAULT_TTL) -> None:
        self._clock = clock
        self.ttl = ttl
        self._key = secrets.token_bytes(32)
        self._logins: dict[str, Login] = {}
        self._lock = threading.Lock()

    def start(self, *, actor: str, credential_expires: datetime | None,
              token_id: str | None = None, principal: Principal | None = None) -> Login:
        """A new login (always a new id: session fixation gets nothing)."""
        now = self._clock()
        expires = now + self.ttl
        if credential_expires is not None:
            expires = min(expires, credential_expires)
        login = Login(id=secrets.token_urlsafe(32), csrf=secrets.token_urlsafe(32), actor=actor,
                      expires_at=expires, token_id=token_id, principal=principal)
        with self._lock:
            self._prune(now)
            if len(self._logins) >= MAX_LOGINS:  # the oldest logins go first
                for old in sorted(self._logins.values(), key=lambda x: x.expires_at)[
                        :len(self._logins) - MAX_LOGINS + 1]:
                    self._logins.pop(old.id, None)
            self._logins[login.id] = login
        return login

    def cookie_value(self, login: Login) -> str:
        return f"{login.id}.{self._sign(login.id)}"

    def find(self, cookie: str | None) -> Login | None:
        """The live login a cookie names, or None (unsigned, forged, logged out, expired)."""
        if not cookie or "." not in cookie or len(cookie) > 200:
            return None
        login_id, _, signature = cookie.rpartition(".")
        if not hmac.compare_digest(signature, self._sign(login_id)):
            return None
        with self._lock:
            login = self._logins.get(login_id)
            if login is not None and login.expires_at <= self._clock():
                self._logins.pop(login_id, None)
                return None
        return login

    def end(self, login_id: str) -> None:
        with self._lock:
            self._logins.pop(login_id, None)

    def __len__(self) -> int:
        with self._lock:
            return len(self._logins)

    def _sign(self, value: str) -> str:
        return hmac.new(self._key, value.encode(), hashlib.sha256).hexdigest()[:32]

    def _prune(self, now: datetime) -> None:
        for login in [x for x in self._logins.values() if x.expires_at <= now]:
            self._logins.pop(login.id, None)


def csrf_matches(expected: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(expected.encode(), (given or "").encode())
