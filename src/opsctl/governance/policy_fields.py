"""Request field paths of a policy checked against the request schema of the automation judged.

A ``request`` or ``environment`` condition on a field the automation cannot match never holds,
so a ``deny`` rule written on it denies nothing, without a word: a misspelt path (``regoin``), a
secret field (the policy sees a keyed digest of it, never the value) or a list field (the
condition compares single values). :func:`field_problems` finds them for one automation, when
its plan is decided, so that the decision stops with a configuration error (exit 2) naming the
rule and the path instead of failing open.

A path missing from the request is a mistake only when the rule names the automation exactly
(``automation: cleanup-ebs-volumes``): a glob (``deploy-*``) or no ``automation`` condition
covers automations of different requests, and a rule on a field some of them lack is how such
a rule is scoped (README "Governance"). A secret or list field is a mistake wherever it is met.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from opsctl.governance.policy_conditions import matches_glob

if TYPE_CHECKING:
    from opsctl.governance.policy_schema import Match, Policy

_LISTS = (list, tuple, set, frozenset)


def field_problems(policy: Policy, *, automation: str, version: str,
                   model: type[Any]) -> list[str]:
    """Each condition of ``policy`` that can never hold for ``automation`` because of its
    request schema ``model``: ``"rule 'NAME': match.request.PATH: why"``."""
    problems = []
    for rule in policy.rules:
        match = rule.match
        if not _applies(match.automation, automation) or not _applies(
                match.contract_version, version):
            continue
        named = any(pattern == automation for pattern in match.automation or ())
        for where, path, missing_matters in _paths(match):
            why = _problem(model, path, automation, check_missing=named and missing_matters)
            if why:
                problems.append(f"rule {rule.name!r}: {where}: {why}")
    return problems


def _applies(patterns: tuple[str, ...] | None, value: str) -> bool:
    return patterns is None or any(matches_glob(value, p) for p in patterns)


def _paths(match: Match) -> Iterator[tuple[str, str, bool]]:
    """(where in the rule, field path, whether a missing field is a mistake)."""
    for path in match.request or {}:
        yield f"match.request.{path}", path, True
    if match.environment is not None or match.not_environment is not None:
        # `not_environment` on a request without the default `environment` field is the
        # documented fail-closed allow-list; a path written out is meant to exist
        explicit = "environment_field" in match.model_fields_set
        yield ("match.environment_field" if explicit else "match.environment",
               match.environment_field, explicit or match.environment is not None)


def _problem(model: type[Any], path: str, automation: str, *, check_missing: bool) -> str | None:
    from pydantic import BaseModel

    from opsctl.contract.types import is_secret_type

    node: type[Any] = model
    parts = path.split(".")
    for index, part in enumerate(parts):
        fields = _fields(node)
        field = fields.get(part)
        if field is None:
            if not check_missing:
                return None
            known = ", ".join(sorted(fields)) or "none"
            where = ".".join(parts[:index])
            return (f"automation {automation!r} has no request field {part!r}"
                    f"{f' in {where}' if where else ''} (fields: {known})")
        kinds = _kinds(field.annotation)
        # only what every kind of the field rules out: `list[str] | str` may equal a string
        if kinds and all(is_secret_type(kind) for kind in kinds):
            return (f"request field {'.'.join(parts[:index + 1])!r} of automation "
                    f"{automation!r} is a secret: a policy sees only a keyed digest of it, so "
                    "this condition never holds")
        if index == len(parts) - 1:
            if kinds and all((isinstance(kind, type) and issubclass(kind, _LISTS))
                             or typing.get_origin(kind) in _LISTS for kind in kinds):
                return (f"request field {path!r} of automation {automation!r} is a list: a "
                        "request condition compares single values, so it never holds")
            return None
        nested = [kind for kind in kinds if isinstance(kind, type) and issubclass(kind, BaseModel)]
        if len(nested) != 1 or len(kinds) != 1:  # a mapping, Any, or a union: any key may be
            return None
        node = nested[0]
    return None


def _fields(model: type[Any]) -> Mapping[str, Any]:
    """The model's fields by name and by every alias the request schema shows."""
    from pydantic import AliasChoices

    out: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        out[name] = field
        given = field.validation_alias
        aliases = [field.alias, field.serialization_alias]
        aliases += ([c for c in given.choices if isinstance(c, str)]
                    if isinstance(given, AliasChoices) else [given])
        for alias in aliases:
            if isinstance(alias, str):
                out.setdefault(alias, field)
    return out


def _kinds(annotation: object) -> tuple[object, ...]:
    """The annotation and, for ``X | None``, ``Optional`` and ``Annotated``, what it unions."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _kinds(typing.get_args(annotation)[0])
    if origin is typing.Union or type(annotation).__name__ == "UnionType":
        return tuple(k for arg in typing.get_args(annotation) for k in _kinds(arg)
                     if k is not type(None))
    return (annotation,)
