"""OIDC bearer tokens verified against a real issuer: discovery and JWKS served over HTTP on
127.0.0.1 by a thread, keys generated here, tokens signed with PyJWT."""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterator
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from opsctl.errors import AuthError, ConfigError
from opsctl.governance.tokens import is_api_token
from opsctl.service.oidc import OIDCVerifier, Principal, is_jwt, load_issuers
from tests.service.oidc_issuer import (
    AUDIENCE,
    EC_KEY,
    OTHER_RSA_KEY,
    RSA_KEY,
    Issuer,
    public_jwk,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def issuer() -> Iterator[Issuer]:
    running = Issuer()
    yield running
    running.stop()


@pytest.fixture
def clock() -> Clock:
    return Clock()


def verifier_for(issuer: Issuer, clock: Clock | None = None, **config: Any) -> OIDCVerifier:
    table = {"issuer": issuer.url, "audience": AUDIENCE, **config}
    return OIDCVerifier(load_issuers([table]), clock=clock or Clock(), timeout=2.0)


def refused(verifier: OIDCVerifier, token: str) -> AuthError:
    with pytest.raises(AuthError) as caught:
        verifier.verify(token)
    assert not token or token not in caught.value.message
    assert caught.value.exit_code == 6 and caught.value.error_type == "auth"
    return caught.value


@pytest.mark.parametrize(("key", "alg", "kid"), [(RSA_KEY, "RS256", "rsa-1"),
                                                  (EC_KEY, "ES256", "ec-1")],
                         ids=["rs256", "es256"])
def test_a_valid_token_names_its_principal(issuer: Issuer, key: Any, alg: str, kid: str) -> None:
    principal = verifier_for(issuer).verify(issuer.token(key=key, alg=alg, kid=kid))

    assert principal == Principal(actor="oidc:repo:octo/deploy:ref:main",
                                  groups=("sre", "deployers"), issuer=issuer.url,
                                  subject="repo:octo/deploy:ref:main")


def test_claims_prefix_and_sanitising_are_configurable(issuer: Issuer) -> None:
    verifier = verifier_for(issuer, actor_claim="email", groups_claim="roles",
                            actor_prefix="idp:")

    principal = verifier.verify(issuer.token({"email": "alice@example.com\n\x1b[31m",
                                              "roles": "admins"}))

    assert principal.actor == "idp:alice@example.com [31m"
    assert principal.groups == ("admins",)
    assert refused(verifier, issuer.token(drop=("groups",), claims={"email": 7})).reason == \
        "no_actor"


@pytest.mark.parametrize(("claims", "reason"), [
    ({"exp": int(time.time()) - 3600}, "expired"),
    ({"aud": "https://someone-else.example"}, "wrong_audience"),
    ({"aud": ["https://a.example", "https://b.example"]}, "wrong_audience"),
    ({"nbf": int(time.time()) + 3600}, "not_yet_valid"),
    ({"iat": int(time.time()) + 3600}, "not_yet_valid"),
    ({"iss": "https://evil.example"}, "unknown_issuer"),
    ({"iss": None}, "unknown_issuer"),
], ids=["expired", "wrong-audience", "audience-list-without-ours", "nbf-future", "iat-future",
        "unconfigured-issuer", "no-issuer"])
def test_claims_that_do_not_hold_are_refused(issuer: Issuer, claims: dict[str, Any],
                                             reason: str) -> None:
    token = issuer.token(drop=("iss",)) if "iss" in claims and claims["iss"] is None \
        else issuer.token(claims)

    assert refused(verifier_for(issuer), token).reason == reason


def test_leeway_accepts_small_clock_skew(issuer: Issuer) -> None:
    now = int(time.time())
    skewed = issuer.token({"exp": now - 10, "nbf": now + 10, "iat": now + 10})

    assert verifier_for(issuer).verify(skewed).subject == "repo:octo/deploy:ref:main"
    assert refused(verifier_for(issuer, leeway=0), skewed).reason in ("expired", "not_yet_valid")


def test_an_audience_list_holding_ours_is_accepted(issuer: Issuer) -> None:
    token = issuer.token({"aud": ["https://other.example", AUDIENCE]})

    assert verifier_for(issuer).verify(token).issuer == issuer.url


def test_exp_is_required(issuer: Issuer) -> None:
    assert refused(verifier_for(issuer), issuer.token(drop=("exp",))).reason == "malformed"


def test_a_tampered_token_fails_its_signature(issuer: Issuer) -> None:
    header, payload, signature = issuer.token().split(".")
    forged_claims = jwt.decode(issuer.token(), options={"verify_signature": False})
    forged_claims["sub"] = "admin"
    forged = jwt.encode(forged_claims, "x" * 32, algorithm="HS256").split(".")[1]
    flipped = signature[:-4] + ("AAAA" if not signature.endswith("AAAA") else "BBBB")
    verifier = verifier_for(issuer)

    assert refused(verifier, f"{header}.{forged}.{signature}").reason == "bad_signature"
    assert refused(verifier, f"{header}.{payload}.{flipped}").reason == "bad_signature"
    other = issuer.token(key=OTHER_RSA_KEY)  # signed by someone else, claiming kid rsa-1
    assert refused(verifier, other).reason == "bad_signature"


def test_a_key_is_used_only_for_its_own_key_type(issuer: Issuer) -> None:
    # An RS256 token pointing at the EC key's id, and an ES256 one at the RSA key (alg RS256).
    verifier = verifier_for(issuer)

    assert refused(verifier, issuer.token(kid="ec-1")).reason == "bad_signature"
    assert refused(verifier, issuer.token(key=EC_KEY, alg="ES256", kid="rsa-1")).reason == \
        "bad_signature"


def test_unsigned_and_hmac_tokens_are_refused(issuer: Issuer) -> None:
    public_pem = RSA_KEY.public_key().public_bytes(serialization.Encoding.PEM,
                                                  serialization.PublicFormat.SubjectPublicKeyInfo)
    claims = jwt.decode(issuer.token(), options={"verify_signature": False})
    unsigned = jwt.encode(claims, None, algorithm="none", headers={"kid": "rsa-1"})
    # The classic confusion attack: HMAC keyed with the issuer's public key. PyJWT refuses to
    # sign with a PEM key, so the token is assembled by hand.
    import base64
    import hashlib
    import hmac

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    signing_input = (b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": "rsa-1"}).encode())
                     + "." + b64(json.dumps(claims).encode()))
    confused = signing_input + "." + b64(hmac.new(public_pem, signing_input.encode(),
                                                  hashlib.sha256).digest())
    verifier = verifier_for(issuer)

    assert refused(verifier, unsigned).reason == "algorithm_not_allowed"
    assert refused(verifier, confused).reason == "algorithm_not_allowed"
    assert refused(verifier_for(issuer, algorithms=["ES256"]), issuer.token()).reason == \
        "algorithm_not_allowed"


@pytest.mark.parametrize("token", ["", "not a token", "a.b", "a.b.c.d", "a!.b.c",
                                   "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln"],
                         ids=["empty", "words", "two-parts", "four-parts", "bad-chars",
                              "payload-not-json"])
def test_malformed_tokens(issuer: Issuer, token: str) -> None:
    assert refused(verifier_for(issuer), token).reason == "malformed"
    assert issuer.fetches == 0


def test_jwts_and_api_tokens_are_told_apart(issuer: Issuer) -> None:
    api_token = "opsctl_" + "A" * 43
    jwt_token = issuer.token()

    assert is_jwt(jwt_token) and not is_api_token(jwt_token)
    assert is_api_token(api_token) and not is_jwt(api_token)


def test_keys_are_fetched_once_for_many_tokens(issuer: Issuer, clock: Clock) -> None:
    verifier = verifier_for(issuer, clock)

    for _ in range(20):
        verifier.verify(issuer.token())
        verifier.verify(issuer.token(key=EC_KEY, alg="ES256", kid="ec-1"))

    assert issuer.hits == Counter({"/.well-known/openid-configuration": 1, "/keys": 1})
    clock.now += 300  # jwks_cache: 300 seconds
    verifier.verify(issuer.token())
    assert issuer.fetches == 2
    assert issuer.hits["/.well-known/openid-configuration"] == 1  # jwks_uri is remembered


def test_a_new_key_id_is_fetched_again_once_rate_limited(issuer: Issuer, clock: Clock) -> None:
    verifier = verifier_for(issuer, clock)
    verifier.verify(issuer.token())
    new_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    issuer.keys.append(public_jwk(new_key, "rsa-2"))
    rotated = issuer.token(key=new_key, kid="rsa-2")

    # Within MIN_REFETCH_S of the last fetch an unknown key id is not fetched for.
    assert refused(verifier, rotated).reason == "unknown_key"
    assert issuer.fetches == 1
    clock.now += 10
    assert verifier.verify(rotated).actor == "oidc:repo:octo/deploy:ref:main"
    assert issuer.fetches == 2
    for _ in range(5):  # made-up key ids cost the issuer one fetch per interval at most
        assert refused(verifier, issuer.token(kid="made-up")).reason == "unknown_key"
    clock.now += 10
    for _ in range(5):
        assert refused(verifier, issuer.token(kid="made-up")).reason == "unknown_key"
    assert issuer.fetches == 3


def test_an_unreachable_issuer_is_a_clear_refusal(issuer: Issuer, clock: Clock) -> None:
    issuer.stop()
    verifier = verifier_for(issuer, clock)

    started = time.monotonic()
    error = refused(verifier, issuer.token())
    assert error.reason == "jwks_unavailable"
    assert issuer.url in error.message and "URLError" in error.message
    assert refused(verifier, issuer.token()).reason == "jwks_unavailable"  # not retried yet
    assert time.monotonic() - started < 5


def test_cached_keys_outlive_an_issuer_outage(issuer: Issuer, clock: Clock) -> None:
    verifier = verifier_for(issuer, clock)
    verifier.verify(issuer.token())
    token = issuer.token()
    issuer.stop()
    clock.now += 3600

    assert verifier.verify(token).issuer == issuer.url


def test_jwks_url_skips_discovery_and_bad_documents_are_unavailable(issuer: Issuer) -> None:
    verifier = verifier_for(issuer, jwks_url=f"{issuer.url}/keys")
    verifier.verify(issuer.token())
    assert issuer.hits["/.well-known/openid-configuration"] == 0

    issuer.keys = [{"kty": "oct", "k": "c2VjcmV0", "kid": "rsa-1"}]  # symmetric: never used
    assert refused(verifier_for(issuer), issuer.token()).reason == "jwks_unavailable"
    missing = verifier_for(issuer, jwks_url=f"{issuer.url}/nothing-here")
    assert "URLError: HTTP 404 from" in refused(missing, issuer.token()).message


def test_several_issuers_each_with_its_own_prefix(issuer: Issuer) -> None:
    second = Issuer()
    try:
        verifier = OIDCVerifier(load_issuers([
            {"issuer": issuer.url, "audience": AUDIENCE},
            {"issuer": second.url, "audience": AUDIENCE, "actor_prefix": "ci:"},
        ]))
        assert verifier.verify(issuer.token()).actor.startswith("oidc:")
        assert verifier.verify(second.token()).actor.startswith("ci:")
    finally:
        second.stop()


@pytest.mark.parametrize(("tables", "message"), [
    ({"issuer": "https://a.example"}, r"server.oidc\[0\].audience: is required"),
    ({"issuer": "https://a.example", "audience": "x", "scope": "y"},
     r"server.oidc\[0\]: unknown key 'scope' \(allowed: issuer, audience"),
    ({"issuer": "http://idp.example", "audience": "x"},
     r"server.oidc\[0\].issuer: .* must use https://"),
    ({"issuer": "https://user:pw@idp.example", "audience": "x"}, "must not hold credentials"),
    ({"issuer": "https://a.example", "audience": "x", "algorithms": ["none"]},
     r"server.oidc\[0\].algorithms: 'none' is not allowed"),
    ({"issuer": "https://a.example", "audience": "x", "algorithms": ["HS256"]},
     "'HS256' is not allowed"),
    ({"issuer": "https://a.example", "audience": "x", "algorithms": []},
     r"algorithms: must not be empty"),
    ({"issuer": "https://a.example", "audience": "x", "leeway": "30"},
     r"server.oidc\[0\].leeway: expected an integer"),
    ({"issuer": "https://a.example", "audience": 5}, r"audience: expected a string"),
    ([{"issuer": "https://a.example", "audience": "x"},
      {"issuer": "https://a.example", "audience": "y", "actor_prefix": "b:"}],
     r"server.oidc\[1\].issuer: https://a.example is configured twice"),
    ([{"issuer": "https://a.example", "audience": "x"},
      {"issuer": "https://b.example", "audience": "x"}],
     r"server.oidc\[1\].actor_prefix: 'oidc:' is also the prefix of server.oidc\[0\]"),
    ("https://a.example", r"server.oidc: expected an array of tables"),
    (["https://a.example"], r"server.oidc\[0\]: expected a table"),
], ids=["no-audience", "unknown-key", "plain-http", "credentials", "alg-none", "alg-hmac",
        "no-algorithms", "leeway-string", "audience-int", "same-issuer", "same-prefix",
        "not-an-array", "not-a-table"])
def test_bad_configuration_names_the_table_and_field(tables: Any, message: str) -> None:
    value = [tables] if isinstance(tables, dict) else tables

    with pytest.raises(ConfigError, match=message):
        load_issuers(value)


def test_no_oidc_configured_is_no_issuers() -> None:
    token = jwt.encode({"iss": "https://idp.example", "aud": AUDIENCE, "sub": "x",
                        "exp": int(time.time()) + 60}, RSA_KEY, algorithm="RS256")

    assert load_issuers(None) == ()
    assert refused(OIDCVerifier(()), token).reason == "unknown_issuer"
    unconfigured = OIDCVerifier.from_server_settings({"host": "127.0.0.1"})
    assert refused(unconfigured, token).reason == "unknown_issuer"
    configured = OIDCVerifier.from_server_settings(
        {"oidc": [{"issuer": "https://idp.example", "audience": AUDIENCE}]})
    assert list(configured.issuers) == ["https://idp.example"]
