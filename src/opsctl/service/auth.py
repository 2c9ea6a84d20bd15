"""From a bearer credential to a :class:`Principal`: an opsctl API token, or an OIDC ID token.

An API token names its actor, role and scope (automation and environment globs) in the store; an
OIDC token is verified against the JWKS of a configured issuer and its claims name the actor and
groups, whose roles come from the configured ``[permissions]`` grants. Nothing a client says
about itself (a header, a body field) ever names the actor.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from opsctl.errors import AuthError, ConfigError, UsageError
from opsctl.service.problems import UnauthenticatedError
from opsctl.service.runtime import Principal

if TYPE_CHECKING:
    from opsctl.governance.tokens import TokenRecord
    from opsctl.service.runtime import ServerRuntime

_verifiers: dict[int, Any] = {}
_verifiers_lock = threading.Lock()


def principal_from(runtime: ServerRuntime, credential: str) -> Principal:
    """The principal of ``credential``; UnauthenticatedError (401) when it is not valid."""
    if len(credential) > 8192 or not credential.isascii() or not credential.isprintable():
        raise UnauthenticatedError("malformed credentials")
    from opsctl.service.oidc import is_jwt

    if is_jwt(credential):
        return _oidc_principal(runtime, credential)
    from opsctl.governance.tokens import authenticate

    try:
        record = authenticate(runtime.store(), credential, runtime.base.clock())
    except AuthError as exc:
        raise UnauthenticatedError(f"invalid API token: {exc.message}") from None
    return token_principal(runtime, record)


def principal_of_token(runtime: ServerRuntime, token_id: str) -> Principal:
    """The principal of the API token ``token_id`` while it is active (a dashboard login
    holds the token's id, never its secret); UnauthenticatedError once it is revoked, has
    expired or is gone."""
    from opsctl.governance.tokens import get_token

    try:
        record = get_token(runtime.store(), token_id)
    except UsageError:
        raise UnauthenticatedError("the API token of this session no longer exists") from None
    status = record.status(runtime.base.clock())
    if status != "active":
        raise UnauthenticatedError(f"API token {record.id} is {status}")
    return token_principal(runtime, record)


def token_principal(runtime: ServerRuntime, record: TokenRecord) -> Principal:
    # the configured [groups] only: a policy file that no longer parses must not lock
    # every caller out (reads do not need it)
    groups = {k: list(v) for k, v in runtime.base.settings.groups.items()}
    return Principal(
        actor=record.actor, source="token", role=record.role,
        scope={"token_id": record.id, "role": record.role,
               "automations": ",".join(record.automations),
               "environments": ",".join(record.environments)},
        grant=record.permissions(groups))


def oidc_verifier(runtime: ServerRuntime) -> Any:
    """The server's OIDC verifier (JWKS cached inside it), or None when no issuer is set."""
    key = id(runtime)
    with _verifiers_lock:
        if key not in _verifiers:
            raw = runtime.base.settings.server.get("oidc")
            if not raw:
                _verifiers[key] = None
            else:
                from opsctl.service.oidc import OIDCVerifier, load_issuers

                _verifiers[key] = OIDCVerifier(load_issuers(raw))
        return _verifiers[key]


def _oidc_principal(runtime: ServerRuntime, credential: str) -> Principal:
    try:
        verifier = oidc_verifier(runtime)
    except ConfigError:
        raise
    if verifier is None:
        raise UnauthenticatedError("a JWT was sent, but no OIDC issuer is configured "
                                   "([[server.oidc]])")
    try:
        who = verifier.verify(credential)
    except AuthError as exc:
        raise UnauthenticatedError(f"invalid OIDC token: {exc.message}") from None
    return Principal(actor=who.actor, source="oidc", groups=tuple(who.groups),
                     scope={"issuer": who.issuer, "subject": who.subject})
