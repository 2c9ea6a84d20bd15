"""The plan as a value: canonical request, actions, fingerprint, and the signed plan document.

The fingerprint covers (automation, contract version, canonical request, actions); a saved plan
document adds an id, creation and expiry times and an HMAC signature over everything else, so an
edited file is refused before anything runs.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from opsctl.contract.automation import Action, JSONValue
from opsctl.contract.canonical import (
    CanonicalJSONError,
    DuplicateKeyError,
    InvalidJSONError,
    parse_json,
)
from opsctl.contract.canonical import canonical_json as canonical_json
from opsctl.errors import PlanRejectedError, UsageError

PLAN_SCHEMA = "opsctl.plan/v1"
SECRET_MARKER = "$secret"


def sha256_text(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def plan_fingerprint(automation: str, version: str, request: JSONValue,
                     actions: Sequence[Mapping[str, JSONValue]],
                     targets: Sequence[str] = ()) -> str:
    """sha256 over the canonical (automation, version, request, actions[, targets]).

    ``targets`` (``--target`` patterns) are part of it only when given, so an untargeted
    plan keeps the fingerprint it always had.
    """
    body: dict[str, JSONValue] = {"automation": automation, "contract_version": version,
                                  "request": request, "actions": list(actions)}
    if targets:
        body["targets"] = list(targets)
    return sha256_text(canonical_json(body))


def secret_paths(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Yield (path, secret value) for every pydantic secret (``SecretStr``, ``SecretBytes``,
    ``Secret[T]``) inside a python-mode dump."""
    from opsctl.contract.types import secret_text

    text = secret_text(value)
    if text is not None:
        yield path, text
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from secret_paths(item, (*path, key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from secret_paths(item, (*path, index))


def _sets_sorted(python: Any, doc: Any) -> Any:
    """``doc`` (a JSON-mode dump) with the items of each ``set`` / ``frozenset`` of ``python``
    (the python-mode dump of the same value) in sorted order: a set of strings iterates in an
    order that changes with each process's hash seed, which would change the request's hash,
    its derived run key and the plan's fingerprint from one process to the next."""
    import json

    if isinstance(python, set | frozenset) and isinstance(doc, list):
        return sorted(doc, key=lambda item: json.dumps(item, sort_keys=True, default=str))
    if isinstance(python, Mapping) and isinstance(doc, dict) and len(python) == len(doc):
        # json mode turns keys to text (an int key, say) but keeps their order
        return {key: _sets_sorted(value, item)
                for (key, item), value in zip(doc.items(), python.values(), strict=True)}
    if isinstance(python, list | tuple) and isinstance(doc, list) and len(python) == len(doc):
        return [_sets_sorted(value, item) for value, item in zip(python, doc, strict=True)]
    return doc


def canonical_request(request: Any, digest: Callable[[str], str]) -> tuple[dict[str, JSONValue], list[str]]:
    """The request as JSON with every secret replaced by ``{"$secret": digest}``.

    Returns the document and the secret values found (for the redactor).
    """
    python = request.model_dump(mode="python", warnings=False)
    doc: dict[str, JSONValue] = _sets_sorted(python, request.model_dump(mode="json", warnings=False))
    secrets: list[str] = []
    for path, secret in secret_paths(python):
        secrets.append(secret)
        node: Any = doc
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = {SECRET_MARKER: digest(secret)}
    return doc, secrets


@dataclass(frozen=True)
class Plan:
    """What a run intends to do. Computing it writes nothing; apply executes exactly this."""

    automation: str
    contract_version: str
    request: dict[str, JSONValue]
    actions: tuple[Action, ...]
    fingerprint: str
    targets: tuple[str, ...] = ()
    """``--target`` patterns this plan was limited to (empty: the whole plan)."""

    @property
    def has_changes(self) -> bool:
        return bool(self.actions)

    def action_dicts(self) -> list[dict[str, JSONValue]]:
        return [a.to_dict() for a in self.actions]


# -- saved plan documents ----------------------------------------------------------------------

def sign(key: bytes, document: Mapping[str, JSONValue]) -> str:
    body = {k: v for k, v in document.items() if k != "signature"}
    mac = hmac.new(key, canonical_json(body).encode(), hashlib.sha256).hexdigest()
    return "hmac-sha256:" + mac


def plan_document(plan: Plan, *, plan_id: str, created_at: datetime, expires_at: datetime,
                  created_by: str, key: bytes, redacted_actions: list[dict[str, JSONValue]]) -> dict[str, JSONValue]:
    doc: dict[str, JSONValue] = {
        "schema": PLAN_SCHEMA,
        "plan_id": plan_id,
        "automation": plan.automation,
        "contract_version": plan.contract_version,
        "request": plan.request,
        "actions": redacted_actions,
        "fingerprint": plan.fingerprint,
        "created_at": created_at.isoformat(),
        "expires_at": expires_at.isoformat(),
        "created_by": created_by,
    }
    if plan.targets:
        doc["targets"] = list(plan.targets)
    doc["signature"] = sign(key, doc)
    return doc


def load_plan_document(text: str, source: str) -> dict[str, JSONValue]:
    """Parse a plan file.

    A text that is not strict JSON (a syntax error, NaN, nesting too deep, ...) or JSON that is
    not an object with ``"schema": "opsctl.plan/v1"`` is not a plan document: exit 2. A plan
    document with a duplicate key was edited (readers disagree on which copy counts): exit 3.
    """
    try:
        doc = parse_json(text)
    except InvalidJSONError as exc:
        raise UsageError(f"{source}: not a plan document ({exc})", step="validate") from None
    except DuplicateKeyError as exc:
        if _claims_plan_schema(text):
            raise PlanRejectedError(f"{source}: plan document has a {exc}: the file was edited "
                                    "after it was written; re-run `opsctl plan`",
                                    reason="tampered", step="gate") from None
        raise UsageError(f"{source}: not a plan document ({exc})", step="validate") from None
    except CanonicalJSONError as exc:
        raise UsageError(f"{source}: not a plan document ({exc})", step="validate") from None
    if not isinstance(doc, dict) or doc.get("schema") != PLAN_SCHEMA:
        raise UsageError(f"{source}: not an opsctl plan document (expected schema {PLAN_SCHEMA})",
                         step="validate")
    return doc


def _claims_plan_schema(text: str) -> bool:
    """Whether ``text`` (strict JSON but for duplicate keys) is an object of the plan schema."""
    import json

    try:
        doc = json.loads(text, parse_constant=lambda name: None)
    except (ValueError, RecursionError):
        return False
    return isinstance(doc, dict) and doc.get("schema") == PLAN_SCHEMA


_FIELDS: tuple[tuple[str, type | tuple[type, ...]], ...] = (
    ("plan_id", str), ("automation", str), ("contract_version", str), ("request", dict),
    ("actions", list), ("fingerprint", str), ("expires_at", str),
    ("created_by", (str, type(None))), ("targets", list))
_OPTIONAL = frozenset({"created_by", "targets"})  # absent from early or untargeted plans


def verify_plan_document(doc: Mapping[str, JSONValue], key: bytes, now: datetime, source: str,
                         retired: Sequence[bytes] = ()) -> None:
    """Refuse (exit 3) a plan whose signature does not match (saying so when one of the
    ``retired`` keys signed it), whose fields are not what opsctl writes, or that has
    expired."""
    signature = doc.get("signature")
    try:
        expected = sign(key, doc)
    except CanonicalJSONError as exc:
        raise PlanRejectedError(f"{source}: plan document has no canonical form ({exc}): the "
                                "file was edited after it was written; re-run `opsctl plan`",
                                reason="tampered", step="gate") from None
    if not isinstance(signature, str) or not hmac.compare_digest(signature, expected):
        if isinstance(signature, str) and any(hmac.compare_digest(signature, sign(old, doc))
                                              for old in retired):
            raise PlanRejectedError(
                f"{source}: plan was signed with a retired plan-signing key "
                "(plan_signing_keys_retired); plans are applied only under the current key: "
                "re-run `opsctl plan`", reason="tampered", step="gate")
        raise PlanRejectedError(
            f"{source}: plan signature does not match: the file was edited after it was written, "
            "or signed with another key; re-run `opsctl plan`", reason="tampered", step="gate")
    for field, types in _FIELDS:
        if field not in doc and field in _OPTIONAL:
            continue
        if field not in doc:
            raise PlanRejectedError(f"{source}: plan document lacks {field!r}", reason="tampered",
                                    step="gate")
        if not isinstance(doc[field], types):
            raise PlanRejectedError(f"{source}: plan document field {field!r} has the wrong type",
                                    reason="tampered", step="gate")
    if not all(isinstance(t, str) and t for t in doc.get("targets") or []):
        raise PlanRejectedError(f"{source}: plan document field 'targets' has the wrong type",
                                reason="tampered", step="gate")
    actions = doc["actions"]
    assert isinstance(actions, list)
    if not all(isinstance(action, dict) for action in actions):
        raise PlanRejectedError(f"{source}: plan document has an action that is not an object",
                                reason="tampered", step="gate")
    try:
        expires_at = datetime.fromisoformat(str(doc["expires_at"]))
    except ValueError:
        expires_at = None
    if expires_at is None or expires_at.utcoffset() is None:
        raise PlanRejectedError(f"{source}: plan document field 'expires_at' is not a time with "
                                "a time zone", reason="tampered", step="gate")
    if now >= expires_at:
        raise PlanRejectedError(
            f"{source}: plan expired at {expires_at.isoformat()}; re-run `opsctl plan`",
            reason="expired", step="gate")
