"""An automation's contract as a document: `opsctl describe`, `opsctl schema` and the HTTP API."""

from __future__ import annotations

from contextlib import suppress
from typing import Any


def describe(session: Any, name: str) -> dict[str, Any]:
    """The contract of automation ``name``: what `opsctl describe` and the HTTP API show."""
    from opsctl.contract.result import result_schema
    from opsctl.errors import EXIT_CODE_TABLE

    entry = session.catalog.entry(name)
    automation = session.catalog.load(name)
    data: dict[str, Any] = entry.to_dict()
    from opsctl.contract.versions import deprecations

    data["request_schema"] = request_schema(automation)
    data["result_schema"] = result_schema()
    data["deprecations"] = [d.to_dict() for d in deprecations(automation.request_model)]
    data["accepted_contract_majors"] = automation.accepted_majors
    data["exit_codes"] = [{"code": c, "meaning": m, "action": a} for c, m, a in EXIT_CODE_TABLE]
    return data


def request_schema(automation: Any, major: int | None = None) -> dict[str, Any]:
    """JSON Schema 2020-12 of the request of ``automation`` (or of an older accepted major)."""
    from opsctl.errors import UsageError

    model = automation.request_model
    version = automation.version
    if major is not None and major != automation.major_version:
        adapter = automation.adapters.get(major)
        if adapter is None:
            accepted = ", ".join(str(m) for m in automation.accepted_majors)
            raise UsageError(f"{automation.name} has no contract version {major} "
                             f"(accepted majors: {accepted})")
        model, version = adapter.request, f"{major}.x"
    schema = model_schema(model)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema.setdefault("title", f"{automation.name} request")
    schema["x-opsctl-contract-version"] = version
    return schema


def model_schema(model: Any) -> dict[str, Any]:
    """``model.model_json_schema()`` with the defaults of fields declared with
    ``default_factory`` (``Field(default_factory=lambda: ["api", "worker"])``) filled in, as
    ``--help`` shows them: pydantic leaves them out, so the schema, the form of the dashboard and
    the contract lock did not have them, and a changed factory default passed `contract check`.
    A factory that needs the validated data, or makes no JSON value, adds nothing."""
    schema: dict[str, Any] = model.model_json_schema()
    _fill_factory_defaults(model, schema)
    _mask_secret_defaults(schema)
    _canonical_duration_defaults(schema)
    return schema


def _fill_factory_defaults(model: Any, schema: dict[str, Any]) -> None:
    properties = schema.get("properties")
    fields = getattr(model, "model_fields", None)
    if not isinstance(properties, dict) or not isinstance(fields, dict):
        return
    from pydantic_core import to_jsonable_python

    for name, info in fields.items():
        key = info.alias or name
        prop = properties.get(key)
        if (isinstance(prop, dict) and "default" in prop
                and isinstance(info.default, set | frozenset)):
            # a plain set default: older pydantic (the lowest supported) writes it unsorted
            with suppress(Exception):
                properties[key] = {**prop,
                                   "default": to_jsonable_python(set_in_order(info.default))}
            continue
        if info.default_factory is None or not isinstance(prop, dict) or "default" in prop:
            continue
        try:
            default = to_jsonable_python(set_in_order(info.default_factory()))
        except Exception:  # a factory of the validated data, or no JSON value
            continue
        properties[key] = {**prop, "default": default}


def set_in_order(value: Any) -> Any:
    """A set's items sorted (as pydantic writes a plain default's): in iteration order, which
    string hashing changes from one process to the next, the lock's default changed too, and
    `contract check` failed on a default nobody changed."""
    if isinstance(value, set | frozenset):
        try:
            return sorted(value)
        except TypeError:  # items that do not compare: sorted by their JSON text
            from pydantic_core import to_json

            return sorted(value, key=lambda item: to_json(item))
    return value



def _canonical_duration_defaults(node: Any) -> None:
    """A Duration's default written as results and plans write durations (``90d``): pydantic
    writes it as the model has it, ``2160h`` as typed or a timedelta as ``P90D``, which the
    schema's own pattern (and the dashboard's form built on it) refuses."""
    from opsctl.contract.types import canonical_duration, is_duration_schema

    if isinstance(node, dict):
        if "default" in node and is_duration_schema(node):
            canonical = canonical_duration(node["default"])
            if canonical is not None:
                node["default"] = canonical
        elif isinstance(node.get("default"), list) and is_duration_schema(node.get("items")):
            written = [canonical_duration(item) for item in node["default"]]
            if None not in written:
                node["default"] = written
        for value in node.values():
            _canonical_duration_defaults(value)
    elif isinstance(node, list):
        for value in node:
            _canonical_duration_defaults(value)


def _mask_secret_defaults(node: Any) -> None:
    """A Secret field's default (``format: password``, alone or in an ``anyOf``) shown as
    ``***``: the schema is printed, served and written into the committed contract lock."""
    if isinstance(node, dict):
        if "default" in node and node["default"] is not None and _is_secret(node):
            node["default"] = "***"
        for value in node.values():
            _mask_secret_defaults(value)
    elif isinstance(node, list):
        for value in node:
            _mask_secret_defaults(value)


def _is_secret(node: dict[str, Any]) -> bool:
    return node.get("format") == "password" or any(
        isinstance(branch, dict) and branch.get("format") == "password"
        for branch in (*node.get("anyOf", ()), *node.get("oneOf", ())))
