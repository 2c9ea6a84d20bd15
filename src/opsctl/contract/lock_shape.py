"""The shape of one automation's entry in the lock file, checked before anything compares it.

The lock is a reviewed file that people edit by hand (acknowledgements) and that merges can
garble, so :func:`opsctl.contract.lockfile.parse_lock` checks every value that
:func:`opsctl.contract.compat.compare` reads: a malformed one is a ConfigError (exit 2) naming
its place in the file (``automations.deploy.request_schema.properties.tags.required``), never a
TypeError in the middle of a comparison.

The JSON Schemas in an entry are checked for what the comparison reads: each keyword of
:mod:`opsctl.contract.schema_diff` has the type the JSON Schema 2020-12 metaschema gives it.
(jsonschema, which could check the whole metaschema, is a test dependency only, and the subset
the comparison reads is small.)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any, NoReturn

__all__ = ["Fail", "check_entry", "check_schema"]

Fail = Callable[[str, str], NoReturn]

FLAG_FIELDS: dict[str, tuple[tuple[type, ...], str]] = {
    "flag": ((str,), "a string"), "field": ((str,), "a string"), "type": ((str,), "a string"),
    "multiple": ((bool,), "true or false"), "required": ((bool,), "true or false"),
    "choices": ((list,), "an array of strings"),
    "deprecated": ((str, type(None)), "a string or null"),
}
DEPRECATION_FIELDS: dict[str, tuple[tuple[type, ...], str]] = {
    "field": ((str,), "a string"), "flag": ((str,), "a string"),
    "message": ((str,), "a string"), "removal": ((str, type(None)), "a string or null"),
}
EXIT_CODE_FIELDS: dict[str, tuple[tuple[type, ...], str]] = {
    "code": ((int,), "an integer"), "meaning": ((str,), "a string"),
}
MAX_SCHEMA_DEPTH = 100  # generated request schemas nest a few levels ($ref keeps them flat)

_JSON_TYPES = frozenset({"string", "integer", "number", "boolean", "null", "array", "object"})
_SUBSCHEMA = ("additionalProperties", "items", "propertyNames", "not", "contains", "if", "then",
              "else", "unevaluatedItems", "unevaluatedProperties")
_SUBSCHEMA_LISTS = ("anyOf", "oneOf", "allOf", "prefixItems")
_SUBSCHEMA_MAPS = ("properties", "$defs", "definitions", "patternProperties",
                   "dependentSchemas")
_NUMBERS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")
_COUNTS = ("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties")
_TEXTS = ("$ref", "pattern", "format")


def check_entry(entry: Mapping[str, Any], where: str, fail: Fail) -> None:
    """Every value of one automation's entry that the comparison reads (``acknowledged`` and
    the presence and container type of each key are checked by the caller)."""
    if entry["effect"] not in ("read", "mutate"):
        fail(f"{where}.effect", f"{entry['effect']!r} is not 'read' or 'mutate'")
    for index, name in enumerate(entry["lock_scope"]):
        if not isinstance(name, str):
            fail(f"{where}.lock_scope[{index}]", "must be a string (a request field name)")
    for index, major in enumerate(entry["accepted_majors"]):
        if not _is_int(major) or major < 0:
            fail(f"{where}.accepted_majors[{index}]", "must be a major version (an integer "
                 "from 0)")
    _check_rows(entry["flags"], f"{where}.flags", FLAG_FIELDS, fail)
    for index, row in enumerate(entry["flags"]):
        for position, choice in enumerate(row["choices"]):
            if not isinstance(choice, str):
                fail(f"{where}.flags[{index}].choices[{position}]", "must be a string")
    _check_rows(entry["exit_codes"], f"{where}.exit_codes", EXIT_CODE_FIELDS, fail)
    _check_rows(entry["deprecations"], f"{where}.deprecations", DEPRECATION_FIELDS, fail)
    for key in ("request_schema", "result_schema"):
        check_schema(entry[key], f"{where}.{key}", fail)
    older = entry.get("older_request_schemas")
    if older is None:
        return
    if not isinstance(older, dict):
        fail(f"{where}.older_request_schemas", "must be a JSON object of major version -> "
             "request schema")
    for major, schema in older.items():
        if not (major.isascii() and major.isdigit()) or str(int(major)) != major:
            fail(f"{where}.older_request_schemas", f"key {major!r} is not a major version")
        check_schema(schema, f"{where}.older_request_schemas.{major}", fail)


def _check_rows(rows: list[Any], where: str,
                fields: Mapping[str, tuple[tuple[type, ...], str]], fail: Fail) -> None:
    for index, row in enumerate(rows):
        here = f"{where}[{index}]"
        if not isinstance(row, dict):
            fail(here, "must be an object")
        for key, (kinds, kind_name) in fields.items():
            if key not in row:
                fail(here, f"{key!r} is missing")
            value = row[key]
            if not isinstance(value, kinds) or (bool not in kinds and isinstance(value, bool)):
                fail(f"{here}.{key}", f"must be {kind_name}")


def check_schema(node: object, where: str, fail: Fail, depth: int = 0) -> None:
    """A JSON Schema whose keywords have the types the comparison expects."""
    if isinstance(node, bool):
        return
    if not isinstance(node, dict):
        fail(where, "must be a JSON Schema (an object, or true or false)")
    if depth > MAX_SCHEMA_DEPTH:
        fail(where, f"is nested more than {MAX_SCHEMA_DEPTH} levels deep")
    kind = node.get("type")
    if "type" in node and not (isinstance(kind, str) and kind in _JSON_TYPES) and not (
            isinstance(kind, list) and kind
            and all(isinstance(k, str) and k in _JSON_TYPES for k in kind)):
        fail(f"{where}.type", "must be a JSON type name (string, integer, number, boolean, "
             "null, array, object) or a non-empty array of them")
    if "enum" in node and not isinstance(node["enum"], list):
        fail(f"{where}.enum", "must be an array")
    required = node.get("required", [])
    if not isinstance(required, list) or not all(isinstance(r, str) for r in required):
        fail(f"{where}.required", "must be an array of field names (strings)")
    for key in _TEXTS:
        if key in node and not isinstance(node[key], str):
            fail(f"{where}.{key}", "must be a string")
    if "uniqueItems" in node and not isinstance(node["uniqueItems"], bool):
        fail(f"{where}.uniqueItems", "must be true or false")
    for key in _NUMBERS:
        if key in node and not _is_number(node[key]):
            fail(f"{where}.{key}", "must be a number")
    if "multipleOf" in node and not (_is_number(node["multipleOf"]) and node["multipleOf"] > 0):
        fail(f"{where}.multipleOf", "must be a number above 0")
    for key in _COUNTS:
        if key in node and not (_is_int(node[key]) and node[key] >= 0):
            fail(f"{where}.{key}", "must be an integer from 0")
    for key in _SUBSCHEMA:
        if key in node:
            check_schema(node[key], f"{where}.{key}", fail, depth + 1)
    for key in _SUBSCHEMA_LISTS:
        if key not in node:
            continue
        if not isinstance(node[key], list):
            fail(f"{where}.{key}", "must be an array of schemas")
        for index, branch in enumerate(node[key]):
            check_schema(branch, f"{where}.{key}[{index}]", fail, depth + 1)
    for key in _SUBSCHEMA_MAPS:
        if key not in node:
            continue
        if not isinstance(node[key], dict):
            fail(f"{where}.{key}", "must be an object of name -> schema")
        for name, schema in node[key].items():
            check_schema(schema, f"{where}.{key}.{name}", fail, depth + 1)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value))
