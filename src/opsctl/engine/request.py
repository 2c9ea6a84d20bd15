"""The request of a run: validated against its contract version, made canonical, keyed.

A request is validated (exit 2 naming every bad field) before anything is recorded; an older
contract major is validated against its own model and upgraded. The canonical request document
replaces secret values by keyed digests, so it can be hashed, stored and written to plan files.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from opsctl.contract.automation import Automation
from opsctl.contract.plan import SECRET_MARKER, canonical_request
from opsctl.engine.session import Session
from opsctl.errors import AutomationBugError, OpsctlError, UsageError


def secrets_from_env(env: Mapping[str, str], automation: Automation[Any],
                     data: Mapping[str, Any]) -> dict[str, Any]:
    """``data`` with each ``Secret`` field it lacks taken from ``OPSCTL_SECRET_<FIELD>`` in
    ``env``, as the command line's flags read them (schedules, the test kit)."""
    from opsctl.contract.flags import flag_specs

    out = dict(data)
    given = given_fields(automation.request_model, out)
    for spec in flag_specs(automation.request_model):
        if spec["type"] == "secret" and spec["field"] not in given and spec["envvar"]:
            value = env.get(spec["envvar"])
            if value:
                out[spec["field"]] = value
    return out


def given_fields(model: Any, data: Mapping[str, Any]) -> set[str]:
    """The names of the fields of ``model`` that ``data`` gives, by name or by alias."""
    return {name for name, info in model.model_fields.items()
            if any(isinstance(key, str) and key in data
                   for key in (name, info.alias, _input_alias(info)))}


def validate_request(automation: Automation[Any], data: Mapping[str, Any],
                     model: Any = None, label: str | None = None) -> Any:
    """The typed request, or a UsageError naming every bad field (exit 2, nothing written)."""
    from pydantic import ValidationError

    model = model or automation.request_model
    data = by_field_name(model, data)
    try:
        request = model.model_validate(data)
        if model.model_computed_fields:  # computed once here: one that raises is refused now
            request.model_dump()
    except ValidationError as exc:
        raise _invalid_request(exc, model, data, label or automation.name) from None
    except OpsctlError as exc:  # an author's validator raised opsctl's errors: their exit code
        exc.step = "validate"  # not the class's default step (PlanRejectedError's "plan")
        raise
    except KeyboardInterrupt:
        raise
    except BaseException as exc:
        # pydantic makes ValueError and AssertionError field errors (exit 2) and lets the rest
        # through: sys.exit(0) there ended opsctl with exit 0 having done nothing, anything
        # else with "internal error" and no result
        import traceback

        given = _given_secrets(model, data)  # the validator may quote a secret it was given
        bug = _validator_bug(label or automation.name, exc)
        bug.message = given.redact_text(bug.message)
        # -v prints where it raised (a note of the error), masked as the message is
        bug.add_note(given.redact_text("".join(traceback.format_exception(exc)).rstrip()))
        raise bug from None
    _refuse_nul_in_scope(automation, request, label or automation.name)
    _refuse_long_scope(automation, request, label or automation.name)
    return request


def _refuse_nul_in_scope(automation: Automation[Any], request: Any, label: str) -> None:
    """A lock-scope field whose text holds a NUL character is invalid input (exit 2): the
    scope names the lease's row, whose text a PostgreSQL store cannot keep, so the run would
    end as an internal error after it was recorded."""
    why = "a NUL character cannot name a lock scope"
    bad = [name for name in automation.lock_scope
           if "\x00" in str(getattr(request, name, ""))]
    if bad:
        raise UsageError(f"invalid request for {label}: "
                         + "; ".join(f"{name}: {why}" for name in bad),
                         step="validate", fields=[{"field": name, "message": why}
                                                  for name in bad])


MAX_SCOPE_BYTES = 2000
"""The longest lock scope (UTF-8 bytes): a PostgreSQL index holds at most 2704 bytes a row,
and a scope names a target (an environment, a cluster), not a document."""


def _refuse_long_scope(automation: Automation[Any], request: Any, label: str) -> None:
    """A lock scope longer than :data:`MAX_SCOPE_BYTES` is invalid input (exit 2) on every
    store: a PostgreSQL store cannot index it, and the run would end as 'retry later'."""
    size = len(automation.scope_key(request).encode("utf-8", "surrogatepass"))
    if automation.effect == "mutate" and automation.lock_scope and size > MAX_SCOPE_BYTES:
        why = (f"the lock scope these fields make is {size} bytes, more than "
               f"{MAX_SCOPE_BYTES}: a lock-scope field names a target; give a shorter value")
        raise UsageError(f"invalid request for {label}: {', '.join(automation.lock_scope)}: "
                         f"{why}", step="validate",
                         fields=[{"field": name, "message": why} for name in automation.lock_scope])


def _validator_bug(name: str, exc: BaseException) -> AutomationBugError:
    """A validator (or a ``computed_field``) of the request model that raised something pydantic
    does not turn into a field error: a bug in the automation (exit 1), like one in ``plan``."""
    from opsctl.engine.classify import MESSAGE_LIMIT, exception_text

    if isinstance(exc, SystemExit):
        what = f"called sys.exit({exc.code!r}): it returns, or raises ValueError"
    else:
        text = exception_text(exc)
        if len(text) > MESSAGE_LIMIT:
            text = f"{text[:MESSAGE_LIMIT]}... ({len(text) - MESSAGE_LIMIT} characters cut)"
        what = f"raised {type(exc).__name__}: {text}"
    return AutomationBugError(f"a validator or computed field of the request of {name} {what}",
                              step="validate")


def _invalid_request(exc: Any, model: Any, data: Mapping[str, Any], label: str) -> UsageError:
    """The UsageError naming every bad field of a request pydantic refused."""
    problems = []
    fields = []
    given = _given_secrets(model, data)
    for err in exc.errors(include_input=False, include_url=False):
        where = ".".join(str(p) for p in err["loc"]) or "request"
        message = given.redact_text(err["msg"])  # a validator may quote the value
        if _secret_digest_given(model, data, err["loc"]):
            # a request copied from a run's or a plan's record keeps only its secrets' digests
            message = (f'a recorded secret\'s digest ({{"{SECRET_MARKER}": ...}}), not its value: '
                       f"give the value (on the command line: "
                       f"OPSCTL_SECRET_{str(err['loc'][0]).upper()})")
        elif err["type"] == "extra_forbidden":
            message = "unknown field"
        elif err["type"] == "missing":
            message = "required field is missing"
        problems.append(f"{where}: {message}{_known_fields(model, err)}")
        # the path below the request: empty for the request as a whole (a model validator)
        fields.append({"field": ".".join(str(p) for p in err["loc"]), "message": message})
    return UsageError(f"invalid request for {label}: " + "; ".join(problems),
                      step="validate", fields=fields)


def _secret_digest_given(model: Any, data: Any, loc: tuple[Any, ...]) -> bool:
    """Whether the document gave the ``Secret`` field ``loc`` as a recorded secret's
    ``{"$secret": digest}``."""
    if not loc or not isinstance(loc[0], str) or not isinstance(data, Mapping):
        return False  # the request as a whole (a model validator), or not a document
    value = data.get(loc[0])
    info = model.model_fields.get(loc[0])
    return (isinstance(value, Mapping) and SECRET_MARKER in value and info is not None
            and _holds_secret(info.annotation))


def _known_fields(model: Any, err: Any) -> str:
    """For a field of the request document the model does not have (``max-age:``, as the flag
    is spelled, or a typo), the names it has, as a document gives them."""
    if err["type"] != "extra_forbidden" or len(err["loc"]) != 1:
        return ""
    names = [info.alias or name for name, info in model.model_fields.items()]
    return f" (known: {', '.join(names)})" if names else ""


def _given_secrets(model: Any, data: Mapping[str, Any], redactor: Any = None) -> Any:
    """A redactor of the values given for the ``Secret`` fields of ``model`` in ``data``, in
    nested models too (``creds: Creds`` whose ``password`` a validator of ``Creds`` quotes)."""
    from opsctl.config.redact import Redactor

    redactor = Redactor() if redactor is None else redactor
    if not isinstance(data, Mapping):
        return redactor
    for name, info in model.model_fields.items():
        for key in {name, info.alias, _input_alias(info)}:
            if key and key in data:
                _given_in(info.annotation, data[key], redactor)
    return redactor


def _given_in(annotation: Any, value: Any, redactor: Any) -> None:
    """Register the text of ``value`` where ``annotation`` makes it a secret."""
    if _holds_secret(annotation):
        for text in _texts(value):
            redactor.add(text)
        return
    for sub in _models_in(annotation):
        items = value if isinstance(value, list | tuple) else [value]
        if isinstance(value, Mapping):  # the model's fields, or a mapping of models
            items = [value, *value.values()]
        for item in items:
            _given_secrets(sub, item, redactor)


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        value = list(value.values())
    if isinstance(value, list | tuple):
        return [text for item in value for text in _texts(item)]
    return []


def _models_in(annotation: Any) -> list[Any]:
    """The pydantic models ``annotation`` may hold (``Sub``, ``list[Sub]``, ``Sub | None``)."""
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def _holds_secret(annotation: Any) -> bool:
    import typing

    from opsctl.contract.types import is_secret_type

    if is_secret_type(annotation):
        return True
    return any(_holds_secret(arg) for arg in typing.get_args(annotation))


def by_field_name(model: Any, data: Any) -> Any:
    """``data`` with each field that has an alias given under its alias: flags are named after
    the field, and the canonical request (plans, runs, queues) is dumped by field name, which
    a model accepts only by alias unless it sets ``populate_by_name``. A field given under
    both names takes the field name's value (a flag overrides the request document).

    The value of a ``computed_field`` is left out: the canonical request shows it, derived
    from the other fields, but it is no input (a model with ``extra="forbid"`` refuses it)."""
    if not isinstance(data, Mapping):
        return data
    out = {k: v for k, v in data.items() if k not in model.model_computed_fields}
    for name, info in model.model_fields.items():
        alias = _input_alias(info)
        key = name
        if alias and alias != name and name in out:
            out[alias] = out.pop(name)
            key = alias
        if key in out:
            out[key] = _nested_by_field_name(info.annotation, out[key])
    return out


def _input_alias(info: Any) -> str | None:
    """The name a field is read by: its alias, or the first name of ``AliasChoices``."""
    from pydantic import AliasChoices

    chosen = info.validation_alias
    if isinstance(chosen, AliasChoices):
        chosen = next((c for c in chosen.choices if isinstance(c, str)), None)
    return chosen if isinstance(chosen, str) else info.alias


def _nested_by_field_name(annotation: Any, value: Any) -> Any:
    """``by_field_name`` inside a value whose type holds models (``Sub``, ``list[Sub]``,
    ``dict[str, Sub]``, ``Sub | None``)."""
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return by_field_name(annotation, value)
    args = [a for a in typing.get_args(annotation) if a is not Ellipsis]
    if not args:
        return value
    origin = typing.get_origin(annotation)
    if isinstance(value, Mapping) and origin in (dict, Mapping):
        return {k: _nested_by_field_name(args[-1], v) for k, v in value.items()}
    if isinstance(value, list | tuple) and origin in (list, tuple, set, frozenset, Sequence):
        return [_nested_by_field_name(args[0] if len(args) == 1 or origin is not tuple
                                      else args[min(i, len(args) - 1)], v)
                for i, v in enumerate(value)]
    for arg in args:  # a union, Annotated, Optional: each model it may be
        value = _nested_by_field_name(arg, value)
    return value


@dataclass(frozen=True)
class VersionedRequest:
    request: Any
    requested_version: str | None  # what the caller asked for, when it asked
    warnings: tuple[str, ...]


def versioned_request(automation: Automation[Any], data: Mapping[str, Any],
                      contract_version: str | None = None, *,
                      stored: bool = False) -> VersionedRequest:
    """Validate a request of the current or an older, still accepted, contract version.

    An older major's request is validated against its own model and upgraded; the fields of
    the current model that the old one does not have are then set on the upgraded request
    (the command-line flags are always the current version's, and reach here merged into the
    document), which is validated again as a current request. Deprecated fields the caller
    set become warnings. ``stored``: ``data`` is a request opsctl stored (a saved plan's, a
    stored run's), already the current version's and holding every field: it is not upgraded
    again, the version the caller asked for is still reported, and a field at its default is
    none the caller set.
    """
    from opsctl.contract.versions import (
        VERSION_KEY,
        resolve_contract_version,
        used_deprecations,
    )

    data = dict(data)
    text, adapter = resolve_contract_version(automation, data, contract_version)
    data.pop(VERSION_KEY, None)
    warnings: list[str] = []
    if adapter is None or stored:
        request = validate_request(automation, data)
    else:
        major = adapter.from_major
        old_document, current_fields = _split_by_version(data, adapter.request,
                                                         automation.request_model)
        try:
            old = validate_request(automation, old_document, adapter.request,
                                   f"{automation.name} {major}.x")
        except UsageError as exc:
            exc.message += (f" (a {major}.x request comes as a document; command-line "
                            f"flags are the {automation.major_version}.x fields)")
            raise
        try:
            upgraded = adapter.upgrade(old)
        except OpsctlError as exc:
            if exc.step is None:
                exc.step = "validate"
            raise
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # sys.exit() too: it ended opsctl with its code, no result
            from opsctl.engine.classify import MESSAGE_LIMIT, exception_text

            text = (f"called sys.exit({exc.code!r})" if isinstance(exc, SystemExit)
                    else f"{type(exc).__name__}: {exception_text(exc)}")
            if len(text) > MESSAGE_LIMIT:
                text = f"{text[:MESSAGE_LIMIT]}... ({len(text) - MESSAGE_LIMIT} characters cut)"
            raise AutomationBugError(f"upgrade of a {major}.x request of {automation.name} "
                                     f"failed: {text}", step="validate") from exc
        if not isinstance(upgraded, Mapping | BaseModel):
            raise AutomationBugError(f"the upgrade of a {major}.x request of {automation.name} "
                                     f"returned {type(upgraded).__name__}; it returns the "
                                     f"current request or a mapping of its fields",
                                     step="validate")
        if not isinstance(upgraded, Mapping):
            # only the fields it set: a default it left alone (a deprecated field's, say) is
            # no field the caller used
            upgraded = upgraded.model_dump(exclude_unset=True)
        request = validate_request(automation, {**upgraded, **current_fields},
                                   label=f"{automation.name} (upgraded from {major}.x)")
    if adapter is not None:
        warnings.append(f"request for contract {text} was upgraded to {automation.version}; "
                        f"update the caller to {automation.major_version}.x")
    warnings.extend(d.warning() for d in used_deprecations(automation.request_model, request,
                                                            stored=stored))
    return VersionedRequest(request, text, tuple(warnings))


def _split_by_version(data: Mapping[str, Any], old_model: Any, current_model: Any
                      ) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the old major's document, the current version's fields): a key only the current model
    knows is a current field; any other key (unknown ones included, for the old model to
    refuse) belongs to the old document."""
    def names(model: Any) -> set[str]:
        return {n for name, info in model.model_fields.items() for n in (name, info.alias) if n}

    old_names, current_names = names(old_model), names(current_model)
    current = {k: v for k, v in data.items() if k in current_names and k not in old_names}
    return {k: v for k, v in data.items() if k not in current}, current


# A saved plan is signed with the same key and the same HMAC, over its canonical JSON text,
# which starts with "{": the digest of a secret chosen to be such a text would be that plan's
# signature, forged without the key. A secret of that form is digested after this context
# (other secrets keep the digest they always had: plans and queued runs keep finding them).
_OBJECT_SECRET_CONTEXT = b"opsctl secret value\x00"


def secret_digest(key: bytes | Callable[[], bytes]) -> Callable[[str], str]:
    """Keyed digests of secret values; a key given as a function is read on first use only,
    so a request without secrets never creates the signing key (nothing written on a refusal).
    No digest is ever the signature of a saved plan (:data:`_OBJECT_SECRET_CONTEXT`)."""
    keys: list[bytes] = []

    def digest(secret: str) -> str:
        if not keys:
            keys.append(key() if callable(key) else key)
        data = secret.encode()
        if secret.startswith("{"):
            data = _OBJECT_SECRET_CONTEXT + data
        return "hmac-sha256:" + hmac.new(keys[0], data, hashlib.sha256).hexdigest()

    return digest


def derived_run_key(automation: Automation[Any], request_doc: Mapping[str, Any],
                    targets: Sequence[str] = ()) -> str:
    """The run key when the caller gives none: a hash of (automation, version, request), and
    of the ``--target`` patterns when there are any (a targeted run is another operation)."""
    from opsctl.contract.plan import canonical_json

    body: dict[str, Any] = {"automation": automation.name,
                            "contract_version": automation.version, "request": dict(request_doc)}
    if targets:
        body["targets"] = list(targets)
    return "auto:" + hashlib.sha256(canonical_json(body).encode()).hexdigest()[:32]


def request_document(session: Session, automation: Automation[Any], request: Any,
                      ) -> dict[str, Any]:
    """The canonical request document (secrets as keyed digests, their values registered with
    the redactor); a request that has no canonical JSON text (NaN, say) is invalid input."""
    from opsctl.contract.canonical import CanonicalJSONError, canonical_json

    request_doc, secrets = canonical_request(request, secret_digest(session.signing_key))
    session.redactor.add(*secrets)
    try:
        canonical_json(request_doc)
    except CanonicalJSONError as exc:
        raise UsageError(f"invalid request for {automation.name}: {exc}", step="validate") from None
    return request_doc


IDEMPOTENCY_KEY_MAX = 200  # characters: the command line's and the HTTP API's header's


def idempotency_key_problem(key: str) -> str | None:
    """Why a caller's idempotency key (spaces around it dropped) names no operation, or None.
    The command line and the HTTP API's ``Idempotency-Key`` header share keys, so they share
    this rule, in these words: at most 200 characters (not bytes: ``é`` is one), printable."""
    if len(key) <= IDEMPOTENCY_KEY_MAX and key.isprintable():
        return None
    shown = repr(key) if len(key) <= 60 else f"{key[:60]!r}... ({len(key)} characters)"
    return (f"idempotency key {shown}: a key is at most {IDEMPOTENCY_KEY_MAX} printable "
            "characters (no newline or tab)")


def refuse_key_with_secret(session: Session, key: str | None, name: str = "idempotency key") -> None:
    """A caller's idempotency key holding a value the run masks is refused (exit 2): keys are
    stored and compared as they are (a masked key would never find its run again), so the
    secret would be in the store and in run history."""
    if key and session.redactor.redact_text(key) != key:
        raise UsageError(f"the {name} holds a secret value ({session.redactor.redact_text(key)!r}): "
                         "keys are stored and shown as they are; give a key without it",
                         step="validate")


def where_secrets_are(session: Session, request_doc: Mapping[str, Any],
                      targets: Sequence[str] = ()) -> list[str]:
    """Where the request's fields (``Secret`` ones aside), the actor or the ``--target``
    patterns hold a value the run masks, in words that never show the value. The store keeps
    them masked, so what is carried out later from its copy (a saved plan, a run queued for
    workers) would not get them back."""
    redact = session.redactor.redact
    where = [f"request field {name!r}" for name, value in request_doc.items()
             if redact({name: value}) != {name: value}]
    if session.actor and redact(session.actor) != session.actor:
        where.append(f"the actor {redact(session.actor)!r}")
    if any(redact(pattern) != pattern for pattern in targets):
        where.append("a --target pattern")
    return where


def refuse_saved_plan_with_secret(session: Session, request_doc: Mapping[str, Any],
                                  targets: Sequence[str] = ()) -> None:
    """A plan to be saved holding a value the run masks (:func:`where_secrets_are`) is refused
    (exit 2), before its run exists: the store's copy of the plan would never match its
    signature, and the plan could be neither approved nor applied."""
    where = where_secrets_are(session, request_doc, targets)
    if where:
        raise UsageError(f"{' and '.join(where)} holds the value of a configured secret, and a "
                         "saved plan is stored with secrets masked: it could never be approved "
                         "or applied, so none was made; apply without a saved plan, or leave "
                         "the secret out (a request carries one in a Secret field)",
                         step="validate")


def display_request(doc: Any) -> Any:
    """The canonical request for people and results: secret markers shown as ***."""
    if isinstance(doc, dict):
        if set(doc) == {SECRET_MARKER}:
            return "***"
        return {k: display_request(v) for k, v in doc.items()}
    if isinstance(doc, list):
        return [display_request(v) for v in doc]
    return doc


def hash_of_request(request_doc: Mapping[str, Any], targets: Sequence[str] = ()) -> str:
    """What an idempotency key is bound to: the request, and the ``--target`` patterns."""
    from opsctl.contract.plan import canonical_json, sha256_text

    if targets:
        return sha256_text(canonical_json({"request": dict(request_doc),
                                           "targets": list(targets)}))
    return sha256_text(canonical_json(dict(request_doc)))


TARGET_PATTERN_MAX = 400  # characters: an action id is at most 200, a glob a little more


def target_patterns(targets: Sequence[str]) -> tuple[str, ...]:
    """``--target`` patterns, each a non-empty action id or glob, without repeats. A pattern
    no action id could match (a blank, a control character; longer than
    :data:`TARGET_PATTERN_MAX`) is refused: it would only be echoed in warnings."""
    patterns: list[str] = []
    for raw in targets:
        pattern = raw.strip()
        if (not pattern or len(pattern) > TARGET_PATTERN_MAX or not pattern.isprintable()
                or any(ch.isspace() for ch in pattern)):
            shown = repr(raw) if len(raw) <= 60 else f"{raw[:60]!r}... ({len(raw)} characters)"
            raise UsageError(f"--target {shown}: give an action id or a glob such as 'vol-*' "
                             f"(an action id is 1-200 characters of [A-Za-z0-9_.:/@+=-], a "
                             f"pattern at most {TARGET_PATTERN_MAX})", step="validate")
        if pattern not in patterns:
            patterns.append(pattern)
    return tuple(patterns)
