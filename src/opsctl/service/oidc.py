"""OIDC bearer tokens (JWTs) from configured issuers, verified against their published keys.

A CI job (GitHub Actions, GitLab CI...) or a person's IdP session calls the HTTP API with the
JWT its issuer signed, so no long-lived secret is stored anywhere. Each ``[[server.oidc]]``
table trusts one issuer for one audience::

    [[server.oidc]]
    issuer = "https://token.actions.githubusercontent.com"
    audience = "https://opsctl.example.com"
    actor_claim = "sub"          # default
    groups_claim = "groups"      # default
    actor_prefix = "oidc:"       # default; must differ between issuers

A token is accepted when its ``iss`` is exactly a configured issuer, its signature verifies
with a key of that issuer's JWKS (an asymmetric algorithm the issuer allows: never ``none``
or HMAC), its ``aud`` holds the configured audience, and ``exp`` (required), ``nbf`` and
``iat`` hold with ``leeway`` seconds. The actor is ``actor_prefix`` + the sanitised
``actor_claim``: the prefix keeps an IdP subject apart from a local account of the same name
and from another issuer's subjects.

Keys come from ``jwks_url``, or from the ``jwks_uri`` of ``{issuer}/.well-known/
openid-configuration``; they are cached for ``jwks_cache`` seconds and fetched again once for a
key id not seen yet, at most once per :data:`MIN_REFETCH_S` per issuer (a stream of tokens
with made-up key ids costs the IdP nothing), keeping the cached keys if the fetch fails.

Every refusal is :class:`~opsctl.errors.AuthError` with a short ``reason`` (``malformed``,
``unknown_issuer``, ``algorithm_not_allowed``, ``unknown_key``, ``bad_signature``,
``expired``, ``not_yet_valid``, ``wrong_audience``, ``no_actor``, ``jwks_unavailable``) and
a message that never holds the token. PyJWT (extra ``opsctl[server]``) is imported when a
token is verified, never when opsctl is imported.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from opsctl.errors import AuthError, ConfigError
from opsctl.governance.identity import MAX_ACTOR_LENGTH, sanitise

DEFAULT_ALGORITHMS = ("RS256", "ES256")
ALLOWED_ALGORITHMS = frozenset({"RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
                                "ES256", "ES384", "ES512", "EdDSA"})
"""Asymmetric algorithms only: an HMAC "signature" made with the issuer's public key (or
``none``) would let anyone mint tokens."""
MIN_REFETCH_S = 10.0
"""Least time between two fetches of one issuer's keys (for unknown key ids, and after a failed
fetch)."""
FETCH_TIMEOUT_S = 5.0
MAX_DOCUMENT_BYTES = 1 << 20
MAX_TOKEN_LENGTH = 16 * 1024
_KEY_TYPES = {"RS": "RSA", "PS": "RSA", "ES": "EC", "Ed": "OKP"}
_B64URL = re.compile(r"[A-Za-z0-9_-]+")
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class OIDCIssuer(BaseModel):
    """One ``[[server.oidc]]`` table: an issuer trusted for one audience."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    issuer: Text
    audience: Text
    jwks_url: Text | None = None
    actor_claim: Text = "sub"
    groups_claim: Text = "groups"
    actor_prefix: str = "oidc:"
    algorithms: list[Text] = Field(default=list(DEFAULT_ALGORITHMS), min_length=1)
    leeway: int = Field(default=30, ge=0, le=600)
    jwks_cache: int = Field(default=300, ge=1, le=86400)

    def discovery_url(self) -> str:
        return self.issuer.rstrip("/") + "/.well-known/openid-configuration"


@dataclass(frozen=True)
class Principal:
    """Who a verified OIDC token speaks for."""

    actor: str
    groups: tuple[str, ...]
    issuer: str
    subject: str | None


def is_jwt(token: str) -> bool:
    """Whether ``token`` has the form of a JWT (three base64url parts joined by dots; the
    signature may be empty only in the unsigned form, which is refused later) rather than of an
    opsctl API token."""
    parts = token.split(".")
    return (len(parts) == 3 and all(_B64URL.fullmatch(p) for p in parts[:2])
            and (not parts[2] or _B64URL.fullmatch(parts[2]) is not None))


def load_issuers(value: object, source: str = "server.oidc") -> tuple[OIDCIssuer, ...]:
    """Validate the ``[[server.oidc]]`` array (``session.settings.server.get("oidc")``); None
    gives no issuers. Raises :class:`ConfigError` naming ``server.oidc[N].field``."""
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        raise ConfigError(f"{source}: expected an array of tables ([[server.oidc]]), got "
                          f"{type(value).__name__}")
    issuers: list[OIDCIssuer] = []
    for index, table in enumerate(value):
        where = f"{source}[{index}]"
        if not isinstance(table, Mapping):
            raise ConfigError(f"{where}: expected a table, got {type(table).__name__}")
        try:
            issuer = OIDCIssuer.model_validate(dict(table))
        except ValidationError as exc:
            raise ConfigError(_describe(exc, where)) from None
        _check_url(issuer.issuer, f"{where}.issuer")
        if issuer.jwks_url is not None:
            _check_url(issuer.jwks_url, f"{where}.jwks_url")
        for algorithm in issuer.algorithms:
            if algorithm not in ALLOWED_ALGORITHMS:
                raise ConfigError(f"{where}.algorithms: {algorithm!r} is not allowed (use "
                                  f"asymmetric ones: {', '.join(sorted(ALLOWED_ALGORITHMS))})")
        for other_index, other in enumerate(issuers):
            if other.issuer == issuer.issuer:
                raise ConfigError(f"{where}.issuer: {issuer.issuer} is configured twice "
                                  f"(also server.oidc[{other_index}])")
            if other.actor_prefix == issuer.actor_prefix:
                raise ConfigError(
                    f"{where}.actor_prefix: {issuer.actor_prefix!r} is also the prefix of "
                    f"server.oidc[{other_index}] ({other.issuer}): give each issuer its own, "
                    "so one issuer's subjects cannot act as another's")
        issuers.append(issuer)
    return tuple(issuers)


class OIDCVerifier:
    """Verifies bearer JWTs against the configured issuers; safe to share between threads.

    ``fetch`` (URL, timeout) -> parsed JSON and ``clock`` (monotonic seconds) are injectable.
    """

    def __init__(self, issuers: Sequence[OIDCIssuer], *,
                 fetch: Callable[[str, float], object] | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 timeout: float = FETCH_TIMEOUT_S, min_refetch: float = MIN_REFETCH_S) -> None:
        self.issuers: Mapping[str, OIDCIssuer] = {i.issuer: i for i in issuers}
        self._keys = {i.issuer: _KeyCache(i, fetch or fetch_json, clock, timeout, min_refetch)
                      for i in issuers}

    @classmethod
    def from_server_settings(cls, server: Mapping[str, Any]) -> OIDCVerifier:
        """The verifier of ``session.settings.server`` (its ``oidc`` array; none: no issuer,
        every JWT refused as ``unknown_issuer``)."""
        return cls(load_issuers(server.get("oidc")))

    def verify(self, token: str) -> Principal:
        """The principal ``token`` speaks for, or :class:`AuthError`."""
        import jwt

        if len(token) > MAX_TOKEN_LENGTH or not is_jwt(token):
            raise AuthError("the bearer token is not a JWT", reason="malformed")
        try:
            header = jwt.get_unverified_header(token)
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError:
            raise AuthError("the bearer token is not a readable JWT", reason="malformed") from None
        claimed = unverified.get("iss")
        issuer = self.issuers.get(claimed) if isinstance(claimed, str) else None
        if issuer is None:
            shown = sanitise(claimed, 100) if isinstance(claimed, str) else None
            raise AuthError(f"token issuer {shown!r} is not configured in [[server.oidc]]"
                            if shown else "the token names no issuer", reason="unknown_issuer")
        algorithm = header.get("alg")
        if not isinstance(algorithm, str) or algorithm not in issuer.algorithms:
            shown_alg = sanitise(str(algorithm), 20)
            raise AuthError(f"token algorithm {shown_alg!r} is not allowed for {issuer.issuer} "
                            f"(allowed: {', '.join(issuer.algorithms)})",
                            reason="algorithm_not_allowed")
        kid = header.get("kid")
        key = self._keys[issuer.issuer].key_for(kid if isinstance(kid, str) else None, algorithm)
        try:
            claims = jwt.decode(token, key.key, algorithms=[algorithm], audience=issuer.audience,
                                issuer=issuer.issuer, leeway=issuer.leeway,
                                options={"require": ["exp", "iss", "aud"]})
        except jwt.PyJWTError as exc:
            raise _refusal(exc, issuer) from None
        issued = claims.get("iat")
        # Older PyJWT releases check only that iat is a number, not that it is past.
        if isinstance(issued, int | float) and issued > time.time() + issuer.leeway:
            raise AuthError("the token is not valid yet (iat in the future)",
                            reason="not_yet_valid")
        return _principal(claims, issuer)


def fetch_json(url: str, timeout: float) -> object:
    """GET ``url`` and parse its JSON body (at most :data:`MAX_DOCUMENT_BYTES`)."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(MAX_DOCUMENT_BYTES + 1)
    except urllib.error.HTTPError as exc:
        exc.close()  # it holds the response open
        raise urllib.error.URLError(f"HTTP {exc.code} from {url}") from None
    if len(body) > MAX_DOCUMENT_BYTES:
        raise ValueError(f"larger than {MAX_DOCUMENT_BYTES} bytes")
    return json.loads(body)


@dataclass(frozen=True)
class _SigningKey:
    key: Any  # a cryptography public key
    kty: str
    alg: str | None  # the algorithm the JWKS restricts the key to, if it does


@dataclass
class _KeyCache:
    """One issuer's signing keys: cached, refreshed when stale or for an unknown key id."""

    issuer: OIDCIssuer
    fetch: Callable[[str, float], object]
    clock: Callable[[], float]
    timeout: float
    min_refetch: float
    keys: dict[str | None, _SigningKey] = field(default_factory=dict)
    fetched_at: float | None = None
    attempted_at: float | None = None
    fetches: int = 0
    jwks_uri: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def key_for(self, kid: str | None, algorithm: str) -> _SigningKey:
        with self.lock:
            now = self.clock()
            stale = self.fetched_at is None or now - self.fetched_at >= self.issuer.jwks_cache
            unknown = self._find(kid) is None
            may_fetch = self.attempted_at is None or now - self.attempted_at >= self.min_refetch
            if (stale or unknown) and may_fetch:
                self.attempted_at = now
                try:
                    self._refresh()
                    self.fetched_at = now
                except AuthError:
                    if self.fetched_at is None:  # nothing cached to fall back on
                        raise
            elif self.fetched_at is None:
                raise AuthError(f"signing keys of {self.issuer.issuer} are unavailable (the "
                                "last fetch failed; retried shortly)", reason="jwks_unavailable")
            key = self._find(kid)
        if key is None:
            what = f"key id {sanitise(kid, 80)!r}" if kid else "a token without a key id"
            raise AuthError(f"no signing key of {self.issuer.issuer} matches {what}",
                            reason="unknown_key")
        if key.kty != _KEY_TYPES.get(algorithm[:2]) or key.alg not in (None, algorithm):
            raise AuthError(f"the signing key of {self.issuer.issuer} does not sign "
                            f"{algorithm}", reason="bad_signature")
        return key

    def _find(self, kid: str | None) -> _SigningKey | None:
        if kid is not None:
            return self.keys.get(kid)
        # A token without a key id: only unambiguous when the issuer publishes one key.
        return next(iter(self.keys.values())) if len(self.keys) == 1 else None

    def _refresh(self) -> None:
        import jwt

        self.fetches += 1
        url = self.issuer.jwks_url or self.jwks_uri or self._discover()
        document = self._get(url, "JWKS")
        entries = document.get("keys")
        if not isinstance(entries, list):
            raise self._unavailable("the JWKS document has no keys list")
        keys: dict[str | None, _SigningKey] = {}
        for entry in entries:
            # Only public keys for signatures: a symmetric ("oct") key is never trusted.
            if not isinstance(entry, dict) or entry.get("use", "sig") != "sig" \
                    or entry.get("kty") not in _KEY_TYPES.values():
                continue
            alg = entry.get("alg")
            try:
                key = jwt.PyJWK(entry).key
            except (jwt.PyJWTError, ValueError, TypeError, KeyError):
                continue  # a key type or curve this verifier cannot use: skipped (RFC 7517)
            kid = entry.get("kid")
            keys[kid if isinstance(kid, str) else None] = _SigningKey(
                key, str(entry["kty"]), alg if isinstance(alg, str) else None)
        if not keys:
            raise self._unavailable("the JWKS document holds no usable signing key")
        self.keys = keys

    def _discover(self) -> str:
        document = self._get(self.issuer.discovery_url(), "discovery document")
        if document.get("issuer") != self.issuer.issuer:
            raise self._unavailable("its discovery document names another issuer")
        uri = document.get("jwks_uri")
        if not isinstance(uri, str):
            raise self._unavailable("its discovery document has no jwks_uri")
        try:
            _check_url(uri, "jwks_uri")
        except ConfigError as exc:
            raise self._unavailable(exc.message) from None
        self.jwks_uri = uri
        return uri

    def _get(self, url: str, what: str) -> dict[str, Any]:
        try:
            document = self.fetch(url, self.timeout)
        except Exception as exc:  # network, HTTP status, JSON: all mean "not available now"
            reason = getattr(exc, "reason", None) or exc
            raise self._unavailable(f"fetching its {what} failed: "
                                    f"{type(exc).__name__}: {sanitise(str(reason), 200)}"
                                    ) from None
        if not isinstance(document, dict):
            raise self._unavailable(f"its {what} is not a JSON object")
        return document

    def _unavailable(self, why: str) -> AuthError:
        return AuthError(f"signing keys of {self.issuer.issuer} are unavailable: {why}",
                         reason="jwks_unavailable")


def _principal(claims: Mapping[str, Any], issuer: OIDCIssuer) -> Principal:
    raw = claims.get(issuer.actor_claim)
    name = sanitise(raw, MAX_ACTOR_LENGTH - len(issuer.actor_prefix)) \
        if isinstance(raw, str) else None
    if name is None:
        raise AuthError(f"the token has no {issuer.actor_claim!r} claim to name its actor",
                        reason="no_actor")
    found = claims.get(issuer.groups_claim)
    values = [found] if isinstance(found, str) else found if isinstance(found, list) else []
    groups = tuple(dict.fromkeys(g for g in (sanitise(v, 200) for v in values
                                             if isinstance(v, str)) if g))
    subject = claims.get("sub")
    return Principal(actor=issuer.actor_prefix + name, groups=groups, issuer=issuer.issuer,
                     subject=subject if isinstance(subject, str) else None)


def _refusal(exc: Exception, issuer: OIDCIssuer) -> AuthError:
    import jwt

    if isinstance(exc, jwt.ExpiredSignatureError):
        return AuthError("the token has expired", reason="expired")
    if isinstance(exc, jwt.ImmatureSignatureError | jwt.InvalidIssuedAtError):
        return AuthError("the token is not valid yet (nbf or iat in the future)",
                         reason="not_yet_valid")
    if isinstance(exc, jwt.InvalidAudienceError):
        return AuthError(f"the token is not meant for audience {issuer.audience!r}",
                         reason="wrong_audience")
    if isinstance(exc, jwt.InvalidIssuerError):
        return AuthError("the token's issuer does not match", reason="unknown_issuer")
    if isinstance(exc, jwt.MissingRequiredClaimError):
        return AuthError(f"the token lacks the {exc.claim!r} claim", reason="malformed")
    if isinstance(exc, jwt.InvalidSignatureError | jwt.InvalidKeyError
                  | jwt.InvalidAlgorithmError):
        return AuthError(f"the token's signature does not verify with the keys of "
                         f"{issuer.issuer}", reason="bad_signature")
    return AuthError(f"the token is invalid ({type(exc).__name__})", reason="malformed")


def _check_url(url: str, where: str) -> None:
    """https, or plain http to this machine (a test issuer)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        host, parts = None, None
    if parts is None or not host or parts.scheme not in ("https", "http"):
        raise ConfigError(f"{where}: {url!r} is not an https:// URL")
    if parts.scheme == "http" and host not in _LOOPBACK:
        raise ConfigError(f"{where}: {url!r} must use https:// (plain http only to 127.0.0.1)")
    if parts.username or parts.password:
        raise ConfigError(f"{where}: the URL must not hold credentials")


def _describe(exc: ValidationError, where: str) -> str:
    """One sentence for the first error, naming ``server.oidc[N].field``."""
    error = exc.errors(include_url=False)[0]
    loc = [str(part) for part in error["loc"]]
    kind = error["type"]
    path = where + "".join(f"[{p}]" if p.isdigit() else f".{p}" for p in loc)
    if kind == "extra_forbidden":
        return (f"{where}: unknown key {loc[-1]!r} "
                f"(allowed: {', '.join(OIDCIssuer.model_fields)})")
    if kind == "missing":
        return f"{path}: is required"
    got = type(error.get("input")).__name__
    messages = {"string_type": f"expected a string, got {got}",
                "int_type": f"expected an integer (seconds), got {got}",
                "tuple_type": f"expected a list of strings, got {got}",
                "string_too_short": "must not be empty",
                "too_short": "must not be empty"}
    return f"{path}: {messages.get(kind, str(error['msg']))}"
