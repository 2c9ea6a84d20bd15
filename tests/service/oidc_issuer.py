"""A local OIDC issuer for tests: its discovery document and JWKS served over HTTP on
127.0.0.1 by a thread, keys generated here, tokens signed with PyJWT.

The same issuer as the OIDC verification tests use (tests/integration/test_oidc.py on the
token branch), shared here so the HTTP API tests can call the server with real ID tokens.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import ec, rsa

AUDIENCE = "https://opsctl.example.test"
RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
EC_KEY = ec.generate_private_key(ec.SECP256R1())
OTHER_RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_jwk(private: Any, kid: str, alg: str | None = None) -> dict[str, Any]:
    algorithm = jwt.algorithms.RSAAlgorithm if isinstance(private, rsa.RSAPrivateKey) \
        else jwt.algorithms.ECAlgorithm
    jwk = json.loads(algorithm.to_jwk(private.public_key()))
    jwk.update({"kid": kid, "use": "sig"})
    if alg:
        jwk["alg"] = alg
    return dict(jwk)


class Issuer:
    """An OIDC issuer on 127.0.0.1: its discovery document, its JWKS, and a count of requests."""

    def __init__(self) -> None:
        self.keys = [public_jwk(RSA_KEY, "rsa-1", "RS256"), public_jwk(EC_KEY, "ec-1")]
        self.hits: Counter[str] = Counter()
        issuer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                issuer.hits[self.path] += 1
                if self.path == "/.well-known/openid-configuration":
                    body: Any = {"issuer": issuer.url, "jwks_uri": f"{issuer.url}/keys"}
                elif self.path == "/keys":
                    body = {"keys": issuer.keys}
                else:
                    self.send_error(404)
                    return
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def fetches(self) -> int:
        return self.hits["/keys"]

    def config(self, **extra: str) -> str:
        """The ``[[server.oidc]]`` table trusting this issuer (TOML)."""
        lines = [f"issuer = {json.dumps(self.url)}", f"audience = {json.dumps(AUDIENCE)}",
                 *(f"{k} = {json.dumps(v)}" for k, v in extra.items())]
        return "[[server.oidc]]\n" + "\n".join(lines) + "\n"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def token(self, claims: dict[str, Any] | None = None, *, key: Any = RSA_KEY,
              alg: str = "RS256", kid: str | None = "rsa-1", drop: tuple[str, ...] = ()) -> str:
        now = int(time.time())
        payload = {"iss": self.url, "aud": AUDIENCE, "sub": "repo:octo/deploy:ref:main",
                   "iat": now, "exp": now + 3600, "groups": ["sre", "deployers"]}
        payload.update(claims or {})
        for name in drop:
            payload.pop(name)
        headers = {"kid": kid} if kid else {}
        return jwt.encode(payload, key, algorithm=alg, headers=headers)
