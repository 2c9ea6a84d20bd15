"""Contract compatibility: the rules, the verdicts of a check, and the lock file.

Each rule has a breaking case and a compatible case (for rules that are one-sided, the
compatible case is the nearest edit the rule must not flag). Properties: any schema compared
with itself has no changes, adding an optional field is never breaking, and every schema we
publish is a valid JSON Schema 2020-12.
"""

from __future__ import annotations

import copy
import enum
import itertools
import json
import random
from dataclasses import replace
from types import SimpleNamespace
from typing import Annotated, Any, Literal, Optional

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from pydantic import BaseModel, Field, create_model

from opsctl.contract.compat import CheckReport, check, compare, contract_problems
from opsctl.contract.flags import flag_specs
from opsctl.contract.lockfile import (
    LOCK_FILE,
    Acknowledgement,
    LockedAutomation,
    LockFile,
    contract_snapshot,
    parse_lock,
    parse_version,
    read_lock,
    render_lock,
    write_lock,
)
from opsctl.contract.result import result_schema
from opsctl.contract.schema_diff import Change, diff_schemas
from opsctl.contract.types import Duration
from opsctl.errors import EXIT_CODE_TABLE, ConfigError

# -- helpers ----------------------------------------------------------------------------------


def obj(required: tuple[str, ...] = (), **props: Any) -> dict[str, Any]:
    """An object schema with ``props``; ``required`` lists the required ones."""
    schema: dict[str, Any] = {"type": "object", "properties": props}
    if required:
        schema["required"] = list(required)
    return schema


INT = {"type": "integer"}
STR = {"type": "string"}


def schema_of(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema()


def snapshot(request: dict[str, Any] | None = None, **overrides: Any) -> dict[str, Any]:
    """A contract snapshot with small defaults; flags follow the request's properties."""
    request = request if request is not None else obj(("environment",), environment=STR)
    flags = [{"flag": "--" + name.replace("_", "-"), "field": name, "type": "str",
              "multiple": False, "required": name in request.get("required", []), "choices": [],
              "deprecated": None} for name in request.get("properties", {})]
    base = {
        "name": "release-tag", "version": "1.2.0", "effect": "mutate",
        "lock_scope": ["environment"], "request_schema": request, "flags": flags,
        "result_schema": obj(("status",), status={"enum": ["succeeded", "failed"],
                                                  "type": "string"}),
        "exit_codes": [{"code": c, "meaning": m} for c, m, _ in EXIT_CODE_TABLE],
        "deprecations": [], "accepted_majors": [1],
    }
    base.update(overrides)
    return base


def found(changes: list[Change], rule: str, path: str | None = None) -> Change:
    matches = [c for c in changes if c.rule == rule and (path is None or c.path == path)]
    assert matches, f"no {rule} at {path}; got {[(c.rule, c.path) for c in changes]}"
    return matches[0]


def lock_of(*snapshots: dict[str, Any], acks: dict[str, list[Acknowledgement]] | None = None,
            opsctl_version: str = "0.1.0") -> LockFile:
    acks = acks or {}
    return LockFile(automations={
        s["name"]: LockedAutomation(s["name"], s, tuple(acks.get(s["name"], [])))
        for s in snapshots}, opsctl_version=opsctl_version, path="opsctl.contracts.json")


# -- the rules, table-driven --------------------------------------------------------------------

P = "request/properties"
R = "result/properties"

SCHEMA_CASES = [
    # request: a stricter input breaks callers
    pytest.param("input", obj(a=INT, b=INT), obj(a=INT), "request.field_removed", f"{P}/b",
                 "breaking", id="request.field_removed-breaking"),
    pytest.param("input", obj(a=INT), obj(a=INT, b={**INT, "default": 1}), "request.field_added",
                 f"{P}/b", "compatible", id="request.field_added-compatible"),
    pytest.param("input", obj(a=INT), obj(("b",), a=INT, b=INT), "request.field_added_required",
                 f"{P}/b", "breaking", id="request.field_added_required-breaking"),
    pytest.param("input", obj(a=INT), obj(a=INT), None, None, None,
                 id="request.field_added_required-compatible-unchanged"),
    pytest.param("input", obj(a=INT), obj(("a",), a=INT), "request.field_required", f"{P}/a",
                 "breaking", id="request.field_required-breaking"),
    pytest.param("input", obj(("a",), a=INT), obj(a={**INT, "default": 0}),
                 "request.field_optional", f"{P}/a", "compatible",
                 id="request.field_optional-compatible"),
    pytest.param("input", obj(a={"type": "number"}), obj(a=INT), "request.type_narrowed",
                 f"{P}/a/type", "breaking", id="request.type_narrowed-number-to-integer"),
    pytest.param("input", obj(a=INT), obj(a={"type": "number"}), "request.type_widened",
                 f"{P}/a/type", "compatible", id="request.type_widened-integer-to-number"),
    pytest.param("input", obj(a={"type": ["string", "null"]}), obj(a=STR), "request.type_narrowed",
                 f"{P}/a/type", "breaking", id="request.type_narrowed-no-longer-nullable"),
    pytest.param("input", obj(a=STR), obj(a={"anyOf": [STR, {"type": "null"}]}),
                 "request.became_nullable", f"{P}/a/type", "compatible",
                 id="request.became_nullable-compatible"),
    pytest.param("input", obj(a={"anyOf": [INT, STR]}), obj(a={"anyOf": [INT]}),
                 "request.type_narrowed", f"{P}/a/type", "breaking",
                 id="request.type_narrowed-anyOf-shrank"),
    pytest.param("input", obj(a={"anyOf": [INT]}), obj(a={"anyOf": [INT, STR]}),
                 "request.type_widened", f"{P}/a/type", "compatible",
                 id="request.type_widened-anyOf-grew"),
    pytest.param("input", obj(a=STR), obj(a=INT), "request.type_changed", f"{P}/a/type",
                 "breaking", id="request.type_changed-breaking"),
    pytest.param("input", obj(a=STR), obj(a={**STR, "description": "Tag"}),
                 "request.docs_changed", f"{P}/a/description", "info",
                 id="request.docs_changed-info"),
    pytest.param("input", obj(a={"enum": ["x", "y"], "type": "string"}),
                 obj(a={"enum": ["x"], "type": "string"}), "request.enum_value_removed",
                 f"{P}/a/enum", "breaking", id="request.enum_value_removed-breaking"),
    pytest.param("input", obj(a={"enum": ["x"], "type": "string"}),
                 obj(a={"enum": ["x", "y"], "type": "string"}), "request.enum_value_added",
                 f"{P}/a/enum", "compatible", id="request.enum_value_added-compatible"),
    pytest.param("input", obj(a={"const": "x", "type": "string"}),
                 obj(a={"const": "y", "type": "string"}), "request.enum_value_removed",
                 f"{P}/a/enum", "breaking", id="request.enum_value_removed-const"),
    pytest.param("input", obj(a=STR), obj(a={"enum": ["x"], "type": "string"}),
                 "request.constraint_tightened", f"{P}/a/enum", "breaking",
                 id="request.constraint_tightened-enum-introduced"),
    pytest.param("input", obj(a={"enum": ["x"], "type": "string"}), obj(a=STR),
                 "request.constraint_loosened", f"{P}/a/enum", "compatible",
                 id="request.constraint_loosened-enum-dropped"),
    pytest.param("input", obj(a={**INT, "default": 3}), obj(a={**INT, "default": 5}),
                 "request.default_changed", f"{P}/a/default", "breaking",
                 id="request.default_changed-breaking"),
    pytest.param("input", obj(a={**INT, "default": 3}),
                 obj(a={**INT, "default": 3, "title": "A"}), "request.docs_changed",
                 f"{P}/a/title", "info", id="request.default_changed-compatible-same-default"),
    pytest.param("input", obj(a=INT), obj(a={**INT, "deprecated": True}),
                 "request.deprecation_changed", f"{P}/a/deprecated", "info",
                 id="request.deprecation_changed-info"),
    pytest.param("input", obj(a={"type": "object"}),
                 obj(a={"type": "object", "additionalProperties": False}),
                 "request.constraint_tightened", f"{P}/a/additionalProperties", "breaking",
                 id="request.constraint_tightened-closed-object"),
    pytest.param("input", obj(a={"type": "object", "additionalProperties": False}),
                 obj(a={"type": "object"}), "request.constraint_loosened",
                 f"{P}/a/additionalProperties", "compatible",
                 id="request.constraint_loosened-open-object"),
    pytest.param("input", obj(a={**STR, "contentEncoding": "base64"}),
                 obj(a={**STR, "contentEncoding": "base32"}), "request.schema_changed",
                 f"{P}/a/contentEncoding", "breaking", id="request.schema_changed-breaking"),
    pytest.param("input", obj(a={**STR, "x-ui": "wide"}), obj(a={**STR, "x-ui": "narrow"}),
                 "request.docs_changed", f"{P}/a/x-ui", "info",
                 id="request.schema_changed-compatible-extension"),
    # arrays: items compared recursively
    pytest.param("input", obj(a={"type": "array", "items": {"type": "number"}}),
                 obj(a={"type": "array", "items": INT}), "request.type_narrowed",
                 f"{P}/a/items/type", "breaking", id="request.items-narrowed"),
    pytest.param("input", obj(a={"type": "array", "items": INT}),
                 obj(a={"type": "array", "items": {"type": "number"}}), "request.type_widened",
                 f"{P}/a/items/type", "compatible", id="request.items-widened"),
    # result: a looser or missing output breaks consumers
    pytest.param("output", obj(a=INT, b=INT), obj(a=INT), "result.field_removed", f"{R}/b",
                 "breaking", id="result.field_removed-breaking"),
    pytest.param("output", obj(a=INT), obj(("b",), a=INT, b=INT), "result.field_added",
                 f"{R}/b", "compatible", id="result.field_added-compatible"),
    pytest.param("output", obj(("a",), a=INT), obj(a=INT), "result.field_optional", f"{R}/a",
                 "breaking", id="result.field_optional-breaking"),
    pytest.param("output", obj(a=INT), obj(("a",), a=INT), "result.field_required", f"{R}/a",
                 "compatible", id="result.field_required-compatible"),
    pytest.param("output", obj(a=STR), obj(a={"anyOf": [STR, {"type": "null"}]}),
                 "result.became_nullable", f"{R}/a/type", "breaking",
                 id="result.became_nullable-breaking"),
    pytest.param("output", obj(a={"anyOf": [STR, {"type": "null"}]}), obj(a=STR),
                 "result.type_narrowed", f"{R}/a/type", "compatible",
                 id="result.type_narrowed-compatible"),
    pytest.param("output", obj(a=INT), obj(a={"type": "number"}), "result.type_widened",
                 f"{R}/a/type", "breaking", id="result.type_widened-breaking"),
    pytest.param("output", obj(a=STR), obj(a=INT), "result.type_changed", f"{R}/a/type",
                 "breaking", id="result.type_changed-breaking"),
    pytest.param("output", obj(a=STR), obj(a={**STR, "description": "Status"}),
                 "result.docs_changed", f"{R}/a/description", "info",
                 id="result.type_changed-compatible-docs-only"),
    pytest.param("output", obj(status={"enum": ["ok", "failed"], "type": "string"}),
                 obj(status={"enum": ["ok", "failed", "skipped"], "type": "string"}),
                 "result.enum_value_added", f"{R}/status/enum", "breaking",
                 id="result.enum_value_added-breaking"),
    pytest.param("output", obj(status={"enum": ["ok", "failed"], "type": "string"}),
                 obj(status={"enum": ["ok"], "type": "string"}), "result.enum_value_removed",
                 f"{R}/status/enum", "compatible", id="result.enum_value_removed-compatible"),
    pytest.param("output", obj(n={**INT, "minimum": 0}), obj(n=INT),
                 "result.constraint_loosened", f"{R}/n/minimum", "breaking",
                 id="result.constraint_loosened-breaking"),
    pytest.param("output", obj(n=INT), obj(n={**INT, "minimum": 0}),
                 "result.constraint_tightened", f"{R}/n/minimum", "compatible",
                 id="result.constraint_tightened-compatible"),
    pytest.param("output", obj(n={**INT, "default": 0}), obj(n={**INT, "default": 1}),
                 "result.default_changed", f"{R}/n/default", "info",
                 id="result.default_changed-info"),
]


@pytest.mark.parametrize(("direction", "old", "new", "rule", "path", "severity"), SCHEMA_CASES)
def test_schema_rule(direction: Literal["input", "output"], old: dict[str, Any],
                     new: dict[str, Any], rule: str | None, path: str | None,
                     severity: str | None) -> None:
    prefix = "request" if direction == "input" else "result"
    changes = diff_schemas(old, new, direction=direction, prefix=prefix)
    if rule is None:
        assert changes == []
        return
    change = found(changes, rule, path)
    assert change.severity == severity
    if severity != "breaking":
        assert [c for c in changes if c.severity == "breaking"] == []


# Constraint keywords: (keyword, old value, stricter value); the looser case swaps them.
CONSTRAINTS = [
    ("minimum", 1, 5), ("maximum", 10, 5), ("exclusiveMinimum", 0, 3),
    ("exclusiveMaximum", 10, 7), ("minLength", 1, 3), ("maxLength", 64, 32),
    ("minItems", 0, 1), ("maxItems", 10, 3), ("multipleOf", 2, 4),
]


@pytest.mark.parametrize(("keyword", "before", "after"), CONSTRAINTS, ids=[c[0] for c in CONSTRAINTS])
@pytest.mark.parametrize("stricter", [True, False], ids=["tightened-breaking", "loosened-compatible"])
def test_request_constraint(keyword: str, before: Any, after: Any, stricter: bool) -> None:
    old, new = obj(a={keyword: before}), obj(a={keyword: after})
    if not stricter:
        old, new = new, old
    change = found(diff_schemas(old, new, direction="input", prefix="request"),
                   "request.constraint_tightened" if stricter else "request.constraint_loosened",
                   f"{P}/a/{keyword}")
    assert change.severity == ("breaking" if stricter else "compatible")


@pytest.mark.parametrize(("old", "new", "rule", "severity"), [
    pytest.param({}, {"pattern": "^v"}, "request.constraint_tightened", "breaking",
                 id="pattern-added-breaking"),
    pytest.param({"pattern": "^v"}, {"pattern": "^v[0-9]"}, "request.constraint_changed",
                 "breaking", id="pattern-changed-breaking"),
    pytest.param({"pattern": "^v"}, {}, "request.constraint_loosened", "compatible",
                 id="pattern-removed-compatible"),
    pytest.param({"multipleOf": 4}, {"multipleOf": 6}, "request.constraint_changed", "breaking",
                 id="multipleOf-changed-breaking"),
    pytest.param({"exclusiveMinimum": 1}, {"minimum": 1}, "request.constraint_loosened",
                 "compatible", id="exclusive-to-inclusive-compatible"),
    pytest.param({"minimum": 1}, {"exclusiveMinimum": 1}, "request.constraint_tightened",
                 "breaking", id="inclusive-to-exclusive-breaking"),
])
def test_request_constraint_edges(old: dict[str, Any], new: dict[str, Any], rule: str,
                                  severity: str) -> None:
    changes = diff_schemas(obj(a={**STR, **old}), obj(a={**STR, **new}), direction="input",
                           prefix="request")
    assert found(changes, rule).severity == severity


def test_removed_field_with_a_same_typed_newcomer_is_called_a_possible_rename() -> None:
    changes = diff_schemas(obj(retries=INT), obj(max_retries={**INT, "default": 3}),
                           direction="input", prefix="request")
    assert "removed or renamed (to 'max_retries'?)" in found(changes, "request.field_removed").message


@pytest.mark.parametrize(("old", "new", "rule", "message"), [
    pytest.param(obj(dest=obj(host=STR)),
                 obj(dest={**obj(host=STR), "additionalProperties": False}),
                 "request.constraint_tightened",
                 "'dest': fields it does not declare are now refused", id="nested-closed"),
    pytest.param({**obj(a=STR), "additionalProperties": False}, obj(a=STR),
                 "request.constraint_loosened",
                 "the request: fields it does not declare are now accepted",
                 id="top-level-opened"),
    pytest.param(obj(tags={"type": "array", "items": STR}),
                 obj(tags={"type": "array", "items": INT}), "request.type_changed",
                 "type of the items of 'tags' changed from string to integer", id="items-type"),
    pytest.param(obj(tags={"type": "array", "items": STR}),
                 obj(tags={"type": "array", "items": {**STR, "maxLength": 3}}),
                 "request.constraint_tightened", "the items of 'tags': maxLength none -> 3",
                 id="items-constraint"),
])
def test_a_change_inside_a_field_names_the_field(old: dict[str, Any], new: dict[str, Any],
                                                 rule: str, message: str) -> None:
    changes = diff_schemas(old, new, direction="input", prefix="request")

    assert found(changes, rule).message == message


class StoreS3(BaseModel):
    kind: Literal["s3"] = "s3"
    bucket: str


class StoreDisk(BaseModel):
    kind: Literal["disk"] = "disk"
    path: str


def test_a_model_removed_from_a_union_is_named() -> None:
    Before = create_model("Before", store=(StoreS3 | StoreDisk | None, None))
    After = create_model("After", store=(StoreS3 | None, None))

    changes = diff_schemas(schema_of(Before), schema_of(After), direction="input",
                           prefix="request")

    change = found(changes, "request.type_narrowed", "request/properties/store/type")
    assert change.message == ("type of 'store' narrowed from StoreDisk|StoreS3|null to "
                              "StoreS3|null")
    assert change.severity == "breaking"


class Window(BaseModel):
    every: Duration = "2160h"  # type: ignore[assignment]


@pytest.mark.parametrize("default", ["90d", "2160h", 7776000, "P90D"],
                         ids=["canonical", "hours", "seconds", "iso"])
def test_a_duration_default_is_published_in_its_canonical_form(default: object) -> None:
    """The schema (and so the lock, `schema`, the dashboard's form) writes a Duration's default
    as results and plans write durations; pydantic wrote a timedelta default as ``P90D``, which
    its own pattern refuses, and a default as it was typed."""
    from datetime import timedelta

    from opsctl.contract.description import model_schema

    given = timedelta(days=90) if default == "P90D" else default
    model = create_model("WithDurations", keep=(Duration, given),
                         maybe=(Duration | None, "90m"), window=(Window, Window()),
                         made=(Duration, Field(default_factory=lambda: timedelta(hours=36))),
                         several=(list[Duration], ["24h", timedelta(minutes=90)]))
    schema = model_schema(model)

    assert schema["properties"]["keep"]["default"] == "90d"
    assert schema["properties"]["maybe"]["default"] == "1h30m"
    assert schema["properties"]["made"]["default"] == "1d12h"
    assert schema["properties"]["several"]["default"] == ["1d", "1h30m"]
    assert schema["$defs"]["Window"]["properties"]["every"]["default"] == "90d"
    Draft202012Validator(schema).validate({"keep": schema["properties"]["keep"]["default"]})


SET_DEFAULTS = """
import json
from pydantic import BaseModel, Field
from opsctl.contract.description import model_schema
from opsctl.contract.flags import flag_specs

class Request(BaseModel):
    regions: set[str] = Field(default_factory=lambda: {"eu-west-1", "us-east-1", "ap-south-1",
                                                       "sa-east-1", "ca-central-1"})
    zones: frozenset[str] = frozenset({"b", "a", "c"})

schema = model_schema(Request)["properties"]
flags = {spec["field"]: spec["default"] for spec in flag_specs(Request)}
print(json.dumps([schema["regions"]["default"], schema["zones"]["default"], flags]))
"""


def test_a_set_default_is_published_in_one_order_whatever_the_process() -> None:
    """A set's default was written in iteration order, which string hashing changes from one
    process to the next: `contract check` failed on a default nobody changed
    (request.default_changed), and `--help` and the lock showed another order each time."""
    import os
    import subprocess
    import sys

    printed = set()
    for seed in ("0", "1", "2", "3"):
        ran = subprocess.run([sys.executable, "-c", SET_DEFAULTS], capture_output=True,
                             text=True, timeout=60, env={**os.environ, "PYTHONHASHSEED": seed})
        assert ran.returncode == 0, ran.stderr
        printed.add(ran.stdout)

    assert len(printed) == 1
    regions = ["ap-south-1", "ca-central-1", "eu-west-1", "sa-east-1", "us-east-1"]
    assert json.loads(printed.pop()) == [regions, ["a", "b", "c"], {
        "regions": ", ".join(regions), "zones": "a, b, c"}]


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("P30D", "30d", False), ("720h", "30d", False), (2592000, "30d", False),
    ("30d", "7d", True), ("P30D", "7d", True),
], ids=["iso-locked", "hours", "seconds", "shorter", "iso-then-shorter"])
def test_a_duration_default_changes_only_when_its_value_does(old: object, new: object,
                                                              changed: bool) -> None:
    from opsctl.contract.types import DURATION_PATTERN

    def duration(default: object) -> dict[str, Any]:
        return obj(keep={"type": "string", "pattern": DURATION_PATTERN, "default": default})

    changes = diff_schemas(duration(old), duration(new), direction="input", prefix="request")

    assert [c.rule for c in changes] == (["request.default_changed"] if changed else [])

    def durations(default: object) -> dict[str, Any]:
        item = {"type": "string", "pattern": DURATION_PATTERN}
        return obj(keep={"type": "array", "items": item, "default": [default]})

    listed = diff_schemas(durations(old), durations(new), direction="input", prefix="request")
    assert [c.rule for c in listed] == (["request.default_changed"] if changed else [])


# -- nested models: $ref resolved, paths name where the change is -------------------------------

class Port(BaseModel):
    number: int = Field(ge=1, le=65535)
    protocol: Literal["tcp", "udp"] = "tcp"


class Target(BaseModel):
    host: str
    port: Port
    ports: list[Port] = []


class RequestV1(BaseModel):
    target: Target
    backup: Optional[Target] = None  # noqa: UP045 - the anyOf form is what is tested


class PortV2(BaseModel):  # stricter number, one protocol fewer, and an optional field
    number: int = Field(ge=1024, le=65535)
    protocol: Literal["tcp"] = "tcp"
    label: str = ""


class TargetV2(BaseModel):
    host: str
    port: PortV2
    ports: list[PortV2] = []


class RequestV2(BaseModel):
    target: TargetV2
    backup: Optional[TargetV2] = None  # noqa: UP045


@pytest.mark.parametrize(("path", "rule", "severity"), [
    pytest.param(f"{P}/target/properties/port/properties/number/minimum",
                 "request.constraint_tightened", "breaking", id="ref-nested-breaking"),
    pytest.param(f"{P}/target/properties/port/properties/protocol/enum",
                 "request.enum_value_removed", "breaking", id="ref-nested-enum-breaking"),
    pytest.param(f"{P}/target/properties/port/properties/label", "request.field_added",
                 "compatible", id="ref-nested-compatible"),
    pytest.param(f"{P}/target/properties/ports/items/properties/number/minimum",
                 "request.constraint_tightened", "breaking", id="ref-in-items-breaking"),
    pytest.param(f"{P}/backup/properties/port/properties/number/minimum",
                 "request.constraint_tightened", "breaking", id="ref-in-anyOf-breaking"),
])
def test_nested_models_are_compared_through_refs(path: str, rule: str, severity: str) -> None:
    changes = diff_schemas(schema_of(RequestV1), schema_of(RequestV2), direction="input",
                           prefix="request")
    assert found(changes, rule, path).severity == severity


class Tree(BaseModel):
    name: str
    children: list[Tree] = []
    parent: Optional[Tree] = None  # noqa: UP045


class TreeV2(BaseModel):
    name: str = Field(min_length=1)
    children: list[TreeV2] = []
    parent: Optional[TreeV2] = None  # noqa: UP045


def test_recursive_models_terminate() -> None:
    assert diff_schemas(schema_of(Tree), schema_of(Tree), direction="input", prefix="request") == []
    changes = diff_schemas(schema_of(Tree), schema_of(TreeV2), direction="input", prefix="request")
    assert found(changes, "request.constraint_tightened", f"{P}/name/minLength")


# -- snapshot-level rules -----------------------------------------------------------------------

def flag(name: str, *, field: str | None = None, type: str = "str", multiple: bool = False
         ) -> dict[str, Any]:
    return {"flag": name, "field": field or name[2:].replace("-", "_"), "type": type,
            "multiple": multiple, "required": False, "choices": [], "deprecated": None}


SNAPSHOT_CASES = [
    pytest.param({"effect": "read"}, {"effect": "mutate"}, "effect.read_to_mutate", "effect",
                 "breaking", id="effect.read_to_mutate-breaking"),
    pytest.param({"effect": "mutate"}, {"effect": "read"}, "effect.mutate_to_read", "effect",
                 "compatible", id="effect.mutate_to_read-compatible"),
    pytest.param({"lock_scope": ["environment"]}, {"lock_scope": ["environment", "region"]},
                 "lock_scope.changed", "lock_scope", "breaking", id="lock_scope.changed-breaking"),
    pytest.param({"lock_scope": ["environment", "region"]},
                 {"lock_scope": ["region", "environment"]}, "lock_scope.changed", "lock_scope",
                 "breaking", id="lock_scope.changed-reordered-breaking"),
    pytest.param({"lock_scope": ["environment"]}, {"lock_scope": ["environment"]}, None, None,
                 None, id="lock_scope.changed-compatible-unchanged"),
    pytest.param({"exit_codes": [{"code": 0, "meaning": "ok"}, {"code": 3, "meaning": "bad"}]},
                 {"exit_codes": [{"code": 0, "meaning": "ok"}]}, "exit_codes.removed",
                 "exit_codes/3", "breaking", id="exit_codes.removed-breaking"),
    pytest.param({"exit_codes": [{"code": 0, "meaning": "ok"}]},
                 {"exit_codes": [{"code": 0, "meaning": "ok"}, {"code": 9, "meaning": "new"}]},
                 "exit_codes.added", "exit_codes/9", "breaking", id="exit_codes.added-breaking"),
    pytest.param({"exit_codes": [{"code": 0, "meaning": "ok"}]},
                 {"exit_codes": [{"code": 0, "meaning": "fine"}]}, "exit_codes.meaning_changed",
                 "exit_codes/0", "breaking", id="exit_codes.meaning_changed-breaking"),
    pytest.param({"exit_codes": [{"code": 0, "meaning": "ok"}]},
                 {"exit_codes": [{"code": 0, "meaning": "ok"}]}, None, None, None,
                 id="exit_codes-compatible-unchanged"),
    pytest.param({"flags": [flag("--tag"), flag("--retries", field="environment")]},
                 {"flags": [flag("--tag")]}, "flags.flag_removed", "flags/--retries", "breaking",
                 id="flags.flag_removed-breaking"),
    pytest.param({"flags": [flag("--tag")]}, {"flags": [flag("--tag"), flag("--dry")]},
                 "flags.flag_added", "flags/--dry", "compatible", id="flags.flag_added-compatible"),
    pytest.param({"flags": [flag("--retries", type="int")]},
                 {"flags": [flag("--retries", type="json")]}, "flags.flag_type_changed",
                 "flags/--retries/type", "breaking", id="flags.flag_type_changed-breaking"),
    pytest.param({"flags": [flag("--retries", type="int")]},
                 {"flags": [flag("--retries", type="float")]}, "flags.flag_type_changed",
                 "flags/--retries/type", "compatible", id="flags.flag_type_changed-compatible"),
    pytest.param({"flags": [flag("--tag", multiple=True)]}, {"flags": [flag("--tag")]},
                 "flags.no_longer_repeatable", "flags/--tag/multiple", "breaking",
                 id="flags.no_longer_repeatable-breaking"),
    pytest.param({"flags": [flag("--tag")]}, {"flags": [flag("--tag", multiple=True)]},
                 "flags.now_repeatable", "flags/--tag/multiple", "compatible",
                 id="flags.now_repeatable-compatible"),
    pytest.param({"accepted_majors": [1, 2]}, {"accepted_majors": [2]},
                 "versions.major_dropped", "accepted_majors/1", "breaking",
                 id="versions.major_dropped-breaking"),
    pytest.param({"accepted_majors": [2]}, {"accepted_majors": [1, 2]},
                 "versions.major_accepted", "accepted_majors/1", "compatible",
                 id="versions.major_accepted-compatible"),
]


@pytest.mark.parametrize(("old", "new", "rule", "path", "severity"), SNAPSHOT_CASES)
def test_snapshot_rule(old: dict[str, Any], new: dict[str, Any], rule: str | None,
                       path: str | None, severity: str | None) -> None:
    changes = compare(snapshot(**old), snapshot(**new))
    if rule is None:
        assert changes == []
        return
    assert found(changes, rule, path).severity == severity


def test_flag_renamed_is_named_as_a_possible_rename() -> None:
    changes = compare(snapshot(flags=[flag("--retries", field="environment", type="int")]),
                      snapshot(flags=[flag("--max-retries", field="environment", type="int")]))
    assert "renamed (to --max-retries?)" in found(changes, "flags.flag_removed").message


def test_a_removed_field_is_reported_once_not_again_through_its_flag() -> None:
    old = snapshot(obj(("environment",), environment=STR, retries={**INT, "default": 3}))
    new = snapshot(obj(("environment",), environment=STR))
    assert [(c.rule, c.path) for c in compare(old, new)] == [
        ("request.field_removed", f"{P}/retries")]


class Tagged(BaseModel):
    environment: str
    tags: list[str] = Field(default_factory=list)
    note: str | None = None


class TagsOrOneTag(BaseModel):  # the schema accepts more; --tags is now one JSON value
    environment: str
    tags: list[str] | str = Field(default_factory=list)
    note: str | None = None


class NoteOrMapping(BaseModel):  # the schema accepts more; --note now takes JSON
    environment: str
    tags: list[str] = Field(default_factory=list)
    note: str | dict[str, str] | None = None


@pytest.mark.parametrize(("wider", "breaks"), [
    pytest.param(TagsOrOneTag, [("flags.flag_type_changed", "flags/--tags/type"),
                                ("flags.no_longer_repeatable", "flags/--tags/multiple")],
                 id="repeatable-str-flag-becomes-one-json-flag"),
    pytest.param(NoteOrMapping, [("flags.flag_type_changed", "flags/--note/type")],
                 id="str-flag-becomes-json-flag"),
])
def test_a_widened_field_whose_flag_breaks_fails_the_check(
        wider: type[BaseModel], breaks: list[tuple[str, str]]) -> None:
    lock = lock_of({**snapshot_of(Tagged, "1.0.0"), "name": "release-tag"})
    report = check(lock, {"release-tag": {**snapshot_of(wider, "1.1.0"), "name": "release-tag"}})

    assert not report.ok
    assert [(c.change.rule, c.change.path) for c in report.failures] == breaks
    assert ("request.type_widened", "pass") in verdicts(report)


def test_a_widened_field_whose_flag_widens_too_is_reported_once() -> None:
    class MoreReplicas(BaseModel):
        replicas: float = 1

    class Replicas(BaseModel):
        replicas: int = 1

    changes = compare(snapshot_of(Replicas), snapshot_of(MoreReplicas))

    assert [(c.rule, c.severity) for c in changes if c.severity != "info"] == [
        ("request.type_widened", "compatible")]


@pytest.mark.parametrize(("version", "expected"), [
    pytest.param("1.9.0", [], id="before-removal-ok"),
    pytest.param("2.0.0", ["deprecated.past_removal"], id="at-removal-error"),
    pytest.param("2.1.0", ["deprecated.past_removal"], id="after-removal-error"),
])
def test_deprecated_field_past_its_removal_version(version: str, expected: list[str]) -> None:
    snap = snapshot(version=version, deprecations=[
        {"field": "remote", "flag": "--remote", "message": "use --origin", "removal": "2.0.0"}])
    problems = contract_problems(snap)
    assert [p.rule for p in problems] == expected
    assert all(p.severity == "error" and p.path == f"{P}/remote" for p in problems)


# -- verdicts -----------------------------------------------------------------------------------

OLD_REQUEST = obj(("environment",), environment=STR, retries={**INT, "default": 3})
NEW_REQUEST = obj(("environment",), environment=STR)  # retries removed: breaking


def run_check(new_version: str, *, acks: list[Acknowledgement] | None = None,
              old_version: str = "1.2.0") -> CheckReport:
    lock = lock_of(snapshot(OLD_REQUEST, version=old_version),
                   acks={"release-tag": acks or []})
    return check(lock, {"release-tag": snapshot(NEW_REQUEST, version=new_version)})


def verdicts(report: CheckReport) -> list[tuple[str, str]]:
    return [(c.change.rule, c.verdict) for c in report.changes]


@pytest.mark.parametrize(("old_version", "new_version", "ok", "verdict"), [
    pytest.param("1.2.0", "1.2.0", False, "fail", id="same-version-fails"),
    pytest.param("1.2.0", "1.3.0", False, "fail", id="minor-bump-fails"),
    pytest.param("1.2.0", "2.0.0", True, "allowed", id="major-bump-passes"),
    pytest.param("1.2.0", "2.0.0-rc.1", True, "allowed", id="major-prerelease-passes"),
    pytest.param("0.3.0", "0.4.0", True, "allowed", id="zero-major-minor-bump-passes"),
    pytest.param("0.3.0", "0.3.1", False, "fail", id="zero-major-patch-bump-fails"),
])
def test_breaking_change_needs_a_major_bump(old_version: str, new_version: str, ok: bool,
                                            verdict: str) -> None:
    report = run_check(new_version, old_version=old_version)
    assert report.ok is ok
    assert ("request.field_removed", verdict) in verdicts(report)


def test_acknowledged_breaking_change_passes_with_its_reason() -> None:
    ack = Acknowledgement("request.field_removed", f"{P}/retries", "nobody passes it", "1.3.0")
    report = run_check("1.3.0", acks=[ack])
    assert report.ok
    assert verdicts(report) == [("version.bumped", "pass"),
                                ("request.field_removed", "acknowledged")]
    checked = report.changes[1]
    assert (checked.verdict, checked.note) == ("acknowledged", "acknowledged: nobody passes it")
    assert "breaking release-tag request.field_removed" in report.render_text()


@pytest.mark.parametrize("ack", [
    pytest.param(Acknowledgement("request.field_removed", f"{P}/retries", "r", "1.2.5"),
                 id="other-version"),
    pytest.param(Acknowledgement("request.field_removed", f"{P}/other", "r", "1.3.0"),
                 id="other-path"),
    pytest.param(Acknowledgement("request.type_narrowed", f"{P}/retries", "r", "1.3.0"),
                 id="other-rule"),
])
def test_acknowledgement_must_match_rule_path_and_version(ack: Acknowledgement) -> None:
    assert not run_check("1.3.0", acks=[ack]).ok


@pytest.mark.parametrize(("old_version", "new_version", "note"), [
    pytest.param("1.2.0", "2.0.0", "allowed: major version bumped 1.2.0 -> 2.0.0", id="major"),
    pytest.param("0.3.0", "0.4.0", "allowed: minor version bumped 0.3.0 -> 0.4.0 (0.x: counts "
                 "as major)", id="zero-major-minor"),
    pytest.param("0.3.0", "1.0.0", "allowed: major version bumped 0.3.0 -> 1.0.0",
                 id="zero-to-one"),
])
def test_an_allowed_break_says_which_bump_allowed_it(old_version: str, new_version: str,
                                                     note: str) -> None:
    report = run_check(new_version, old_version=old_version)
    assert [c.note for c in report.changes if c.verdict == "allowed"] == [note]


@pytest.mark.parametrize(("ack", "why"), [
    pytest.param(Acknowledgement("request.field_removed", f"{P}/region", "r", "1.3.0"),
                 "no request.field_removed change at request/properties/region",
                 id="no-such-change-in-this-version"),
    pytest.param(Acknowledgement("request.field_removed", f"{P}/retries", "r", "1.1.0"),
                 "it is for version 1.1.0, the code is at 1.3.0", id="another-version"),
])
def test_an_acknowledgement_that_matches_nothing_warns_that_it_is_stale(
        ack: Acknowledgement, why: str) -> None:
    lock = lock_of(snapshot(NEW_REQUEST), acks={"release-tag": [ack]})
    report = check(lock, {"release-tag": snapshot(OLD_REQUEST, version="1.3.0")})

    assert report.ok
    assert ("acknowledgement.stale", "warn") in verdicts(report)
    assert f"warning release-tag acknowledgement.stale acknowledged/0: the acknowledgement of " \
           f"{ack.rule} at {ack.path} matches nothing ({why}): remove it" in report.render_text()


def test_an_acknowledgement_of_the_locked_version_or_of_a_change_made_is_not_stale() -> None:
    kept = Acknowledgement("request.field_removed", f"{P}/retries", "r", "1.2.0")
    assert check(lock_of(snapshot(NEW_REQUEST), acks={"release-tag": [kept]}),
                 {"release-tag": snapshot(NEW_REQUEST)}).changes == ()
    used = Acknowledgement("request.field_removed", f"{P}/retries", "r", "1.3.0")
    assert "acknowledgement.stale" not in [rule for rule, _ in verdicts(
        run_check("1.3.0", acks=[used]))]


def test_an_acknowledgement_dated_with_the_locked_version_says_which_version_to_write() -> None:
    """The lock is at 1.2.0, the code at 1.3.0 with a break: an acknowledgement written with the
    lock's version is not history (it is not recorded) and approves nothing: the check says so,
    and the failure names the version an acknowledgement needs."""
    misdated = Acknowledgement("request.field_removed", f"{P}/retries", "r", "1.2.0")
    report = run_check("1.3.0", acks=[misdated])

    assert not report.ok
    (failure,) = report.failures
    assert failure.note.endswith("bump the major version or acknowledge it for version 1.3.0")
    assert ("acknowledgement.stale", "warn") in verdicts(report)
    assert "warning release-tag acknowledgement.stale acknowledged/0: the acknowledgement of " \
           f"request.field_removed at {P}/retries is for version 1.2.0, the locked one, but " \
           "the change ships in 1.3.0: write version 1.3.0 in it" in report.render_text()
    assert run_check("1.3.0", acks=[replace(misdated, version="1.3.0")]).ok
    # once recorded by `contract lock`, it is the history of 1.2.0: no warning
    history = run_check("1.3.0", acks=[replace(misdated, recorded=True)])
    assert "acknowledgement.stale" not in [rule for rule, _ in verdicts(history)]


def test_deprecated_past_removal_fails_even_with_a_major_bump() -> None:
    dep = {"field": "environment", "flag": "--environment", "message": "m", "removal": "2.0.0"}
    lock = lock_of(snapshot(version="1.2.0"))
    report = check(lock, {"release-tag": snapshot(version="2.0.0", deprecations=[dep])})
    assert not report.ok
    assert ("deprecated.past_removal", "fail") in verdicts(report)
    assert "ERROR release-tag deprecated.past_removal request/properties/environment" in \
        report.render_text()


def test_removing_a_field_at_its_announced_removal_is_allowed() -> None:
    dep = {"field": "retries", "flag": "--retries", "message": "unused", "removal": "1.5.0"}
    lock = lock_of(snapshot(OLD_REQUEST, version="1.4.0", deprecations=[dep]))
    report = check(lock, {"release-tag": snapshot(NEW_REQUEST, version="1.5.0")})
    assert report.ok
    assert report.changes[1].note == "allowed: deprecated for removal in 1.5.0"


def test_removing_a_field_before_its_announced_removal_says_when_it_may_go() -> None:
    """Callers were told --retries stays until 1.5.0: removed in 1.4.1 it breaks them, and the
    failure says it may go at 1.5.0."""
    dep = {"field": "retries", "flag": "--retries", "message": "unused", "removal": "1.5.0"}
    lock = lock_of(snapshot(OLD_REQUEST, version="1.4.0", deprecations=[dep]))
    report = check(lock, {"release-tag": snapshot(NEW_REQUEST, version="1.4.1")})
    assert not report.ok
    (failure,) = report.failures
    assert failure.change.rule == "request.field_removed"
    assert failure.note == ("its removal is announced for 1.5.0: remove it then, bump the major "
                            "version or acknowledge it for version 1.4.1")


def test_compatible_change_without_version_bump_warns_but_passes() -> None:
    lock = lock_of(snapshot(NEW_REQUEST))
    report = check(lock, {"release-tag": snapshot(OLD_REQUEST)})  # an optional field added
    assert report.ok
    assert verdicts(report) == [("version.unchanged", "warn"), ("request.field_added", "pass")]
    text = report.render_text()
    assert "warning release-tag version.unchanged version: " in text
    assert "info release-tag request.field_added request/properties/retries" in text


@pytest.mark.parametrize(("version", "advice"), [
    pytest.param("1.2.0", "bump the minor version", id="stable"),
    pytest.param("0.3.0", "bump the patch version", id="zero-major-where-minor-breaks"),
])
def test_a_compatible_change_without_a_bump_advises_the_bump_that_says_compatible(
        version: str, advice: str) -> None:
    lock = lock_of(snapshot(NEW_REQUEST, version=version))
    report = check(lock, {"release-tag": snapshot(OLD_REQUEST, version=version)})
    (warning,) = [c for c in report.changes if c.verdict == "warn"]
    assert warning.change.message == (f"the contract changed but its version is still "
                                      f"{version}: {advice}")


def test_version_going_down_fails() -> None:
    report = check(lock_of(snapshot(version="1.2.0")),
                   {"release-tag": snapshot(version="1.1.0")})
    assert verdicts(report) == [("version.decreased", "fail")]


def test_new_and_removed_automations() -> None:
    lock = lock_of(snapshot(), {**snapshot(), "name": "old-one"})
    report = check(lock, {"release-tag": snapshot(), "new-one": {**snapshot(), "name": "new-one"}})
    assert [(c.automation, c.change.rule, c.verdict) for c in report.changes] == [
        ("new-one", "automation.added", "pass"), ("old-one", "automation.removed", "fail")]
    retired = Acknowledgement("automation.removed", "automation", "retired", "1.2.0")
    lock = lock_of(snapshot(), {**snapshot(), "name": "old-one"}, acks={"old-one": [retired]})
    assert check(lock, {"release-tag": snapshot()}).ok


def test_a_removed_automation_says_what_appeared_and_how_to_acknowledge_it() -> None:
    """Renamed (deploy -> ship) or split in two: the lock's automation is gone, callers of its
    name fail; the failure names the new ones and the version its acknowledgement needs."""
    lock = lock_of({**snapshot(), "name": "deploy"})
    renamed = check(lock, {"ship": {**snapshot(), "name": "ship"}})
    (failure,) = renamed.failures
    assert failure.render() == (
        "BREAKING deploy automation.removed automation: automation deploy 1.2.0 is in the lock "
        "but no longer registered (renamed to ship?): callers of deploy fail (acknowledge its "
        "retirement in the lock for version 1.2.0)")
    split = check(lock, {n: {**snapshot(), "name": n} for n in ("deploy-app", "deploy-db")})
    assert "(renamed, or split into deploy-app, deploy-db?)" in split.failures[0].change.message
    gone = check(lock, {})
    assert gone.failures[0].change.message.endswith("no longer registered: callers of deploy "
                                                    "fail")
    retired = Acknowledgement("automation.removed", "automation", "now ship", "1.2.0")
    assert check(lock_of({**snapshot(), "name": "deploy"}, acks={"deploy": [retired]}),
                 {"ship": {**snapshot(), "name": "ship"}}).ok


def test_a_lock_written_by_another_opsctl_alone_passes() -> None:
    report = check(lock_of(snapshot(), opsctl_version="0.0.1"), {"release-tag": snapshot()})
    assert report.ok
    assert report.changes == ()
    assert "written by opsctl 0.0.1" in report.render_text()


def test_report_names_each_change_its_rule_path_and_verdict() -> None:
    report = run_check("1.2.0")
    assert report.render_text().splitlines()[0] == (
        "BREAKING release-tag request.field_removed request/properties/retries: field 'retries' "
        "removed (the version is still 1.2.0: bump the major version or acknowledge it for "
        "version 1.2.0)")
    doc = json.loads(json.dumps(report.to_dict()))
    assert doc["ok"] is False
    assert doc["summary"]["fail"] == 1
    assert {k: doc["changes"][0][k] for k in ("automation", "rule", "path", "severity",
                                               "verdict")} == {
        "automation": "release-tag", "rule": "request.field_removed", "path": f"{P}/retries",
        "severity": "breaking", "verdict": "fail"}


@pytest.mark.parametrize(("low", "high"), [
    ("1.0.0-rc.1", "1.0.0"), ("1.0.0-alpha", "1.0.0-alpha.1"), ("1.0.0-alpha.1", "1.0.0-beta"),
    ("1.0.0-2", "1.0.0-10"), ("1.0.0-9", "1.0.0-a"), ("1.9.0", "1.10.0"), ("1.0.0", "2.0.0-rc.1"),
])
def test_semver_precedence(low: str, high: str) -> None:
    assert parse_version(low) < parse_version(high)
    assert str(parse_version(low)) == low


# -- the lock file ------------------------------------------------------------------------------

def shuffled(value: Any, rng: random.Random) -> Any:
    """The same JSON value with every object's keys in another order."""
    if isinstance(value, dict):
        items = list(value.items())
        rng.shuffle(items)
        return {k: shuffled(v, rng) for k, v in items}
    if isinstance(value, list):
        return [shuffled(v, rng) for v in value]
    return value


def test_lock_is_stable_whatever_the_input_order(tmp_path: Any) -> None:
    snaps = {"release-tag": snapshot(), "alpha": {**snapshot(), "name": "alpha"}}
    write_lock(tmp_path / "a.json", snaps)
    rng = random.Random(7)
    reordered = {name: shuffled(snaps[name], rng) for name in reversed(list(snaps))}
    reordered["alpha"]["flags"].reverse()
    reordered["alpha"]["exit_codes"].reverse()
    write_lock(tmp_path / "b.json", reordered)
    write_lock(tmp_path / "c.json", snaps, read_lock(tmp_path / "a.json"))
    first = (tmp_path / "a.json").read_bytes()
    assert (tmp_path / "b.json").read_bytes() == first
    assert (tmp_path / "c.json").read_bytes() == first
    assert first.endswith(b"}\n")
    assert first.startswith(b'{\n  "automations": {\n    "alpha": {')
    assert list(json.loads(first)["automations"]) == ["alpha", "release-tag"]


def test_relock_keeps_acknowledgements_of_the_current_version(tmp_path: Any) -> None:
    path = tmp_path / LOCK_FILE
    keep = Acknowledgement("request.field_removed", f"{P}/retries", "unused", "1.3.0")
    stale = Acknowledgement("effect.read_to_mutate", "effect", "old news", "1.2.0")
    previous = lock_of(snapshot(version="1.2.0"), acks={"release-tag": [stale, keep]})
    written = write_lock(path, {"release-tag": snapshot(version="1.3.0")}, previous)
    recorded = replace(keep, recorded=True)
    assert written.automations["release-tag"].acknowledged == (recorded,)
    assert read_lock(path).automations["release-tag"].acknowledged == (recorded,)
    assert json.loads(path.read_text())["automations"]["release-tag"]["acknowledged"] == [
        {"path": f"{P}/retries", "reason": "unused", "rule": "request.field_removed",
         "version": "1.3.0", "recorded": True}]


def test_an_acknowledgement_the_lock_recorded_approves_no_later_break_of_its_version(
        tmp_path: Any) -> None:
    """A default changed 3 -> 5 at 1.3.0, acknowledged, locked: the lock now holds 5. Changed
    again to 7, the version still 1.3.0, is a change nobody acknowledged: it fails, and passes
    once acknowledged again by hand (then recorded in turn by the next lock)."""
    def request(default: int) -> dict[str, Any]:
        return obj(("environment",), environment=STR, retries={**INT, "default": default})

    path = tmp_path / LOCK_FILE
    where = f"{P}/retries/default"
    ack = Acknowledgement("request.default_changed", where, "5 is the policy now", "1.3.0")
    previous = lock_of(snapshot(request(3)), acks={"release-tag": [ack]})
    assert check(previous, {"release-tag": snapshot(request(5), version="1.3.0")}).ok
    write_lock(path, {"release-tag": snapshot(request(5), version="1.3.0")}, previous)
    locked = read_lock(path)
    assert locked.automations["release-tag"].acknowledged == (replace(ack, recorded=True),)
    assert check(locked, {"release-tag": snapshot(request(5), version="1.3.0")}).changes == ()

    report = check(locked, {"release-tag": snapshot(request(7), version="1.3.0")})
    assert not report.ok
    assert ("request.default_changed", "fail") in verdicts(report)

    again = json.loads(path.read_text())
    again["automations"]["release-tag"]["acknowledged"].append(
        {"rule": "request.default_changed", "path": where, "reason": "7 after all",
         "version": "1.3.0"})
    path.write_text(json.dumps(again))
    assert check(read_lock(path), {"release-tag": snapshot(request(7), version="1.3.0")}).ok


@pytest.mark.parametrize("value", ["yes", 1, None])
def test_recorded_in_an_acknowledgement_must_be_a_boolean(tmp_path: Any, value: Any) -> None:
    path = tmp_path / LOCK_FILE
    write_lock(path, {"release-tag": snapshot()})
    doc = json.loads(path.read_text())
    doc["automations"]["release-tag"]["acknowledged"] = [
        {"rule": "r", "path": "p", "reason": "x", "version": "1.2.0", "recorded": value}]
    path.write_text(json.dumps(doc))
    with pytest.raises(Exception, match=r"acknowledged\[0\]\.recorded: must be true or false"):
        read_lock(path)


def test_a_lock_read_back_has_no_changes_against_the_code(tmp_path: Any) -> None:
    snap = snapshot()
    write_lock(tmp_path / LOCK_FILE, {"release-tag": snap})
    lock = read_lock(tmp_path / LOCK_FILE)
    assert lock.opsctl_version and lock.lock_version == 1
    assert compare(lock.automations["release-tag"].contract, snap) == []
    assert check(lock, {"release-tag": snap}).changes == ()


def valid_lock() -> dict[str, Any]:
    return json.loads(render_lock({"release-tag": snapshot()}))


def broken(mutate: Any) -> str:
    doc = valid_lock()
    mutate(doc)
    return json.dumps(doc)


def entry(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["automations"]["release-tag"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(("text", "says"), [
    pytest.param("{not json", "is not valid JSON (line 1", id="not-json"),
    pytest.param("[]", "top level: must be a JSON object", id="not-an-object"),
    pytest.param(broken(lambda d: d.update(lock_version=2)), "lock_version: 2 is not supported",
                 id="future-format"),
    pytest.param(broken(lambda d: d.update(automations=[])), "automations: must be an object",
                 id="automations-list"),
    pytest.param(broken(lambda d: entry(d).pop("request_schema")),
                 "automations.release-tag: 'request_schema' is missing", id="missing-key"),
    pytest.param(broken(lambda d: entry(d).update(version="one")),
                 "automations.release-tag.version: 'one' is not a semver version",
                 id="bad-version"),
    pytest.param(broken(lambda d: entry(d).update(flags={})),
                 "automations.release-tag.flags: must be a JSON array", id="flags-object"),
    pytest.param(broken(lambda d: entry(d).update(acknowledged=[
        {"rule": "request.field_removed", "path": "p", "version": "1.2.0", "reason": " "}])),
        "automations.release-tag.acknowledged[0].reason: must be a non-empty string",
        id="ack-without-reason"),
    pytest.param(broken(lambda d: entry(d).update(acknowledged=[
        {"rule": "r", "path": "p", "version": "1.2.0", "reason": "x", "by": "me"}])),
        "acknowledged[0]: unknown key(s) by", id="ack-unknown-key"),
    pytest.param("[" * 100_000, "is nested too deeply", id="nested-too-deeply"),
])
def test_malformed_lock_is_a_config_error_naming_the_file(tmp_path: Any, text: str,
                                                          says: str) -> None:
    path = tmp_path / LOCK_FILE
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        read_lock(path)
    assert str(path) in caught.value.message
    assert says in caught.value.message
    assert caught.value.exit_code == 2


def schema_at(doc: dict[str, Any], *path: str) -> dict[str, Any]:
    node: Any = entry(doc)
    for key in path:
        node = node[key]
    return node  # type: ignore[no-any-return]


E = "automations.release-tag"
MALFORMED_CONTENTS = [
    pytest.param(lambda d: schema_at(d, "request_schema").update(required=5),
                 f"{E}.request_schema.required: must be an array of field names",
                 id="required-not-a-list"),
    pytest.param(lambda d: schema_at(d, "request_schema").update(required=[1]),
                 f"{E}.request_schema.required: must be an array", id="required-not-names"),
    pytest.param(lambda d: entry(d).update(lock_scope=[1]), f"{E}.lock_scope[0]: must be a "
                 "string", id="lock-scope-not-names"),
    pytest.param(lambda d: schema_at(d, "request_schema", "properties", "environment").update(
        type=5), f"{E}.request_schema.properties.environment.type: must be a JSON type name",
        id="type-not-a-name"),
    pytest.param(lambda d: schema_at(d, "request_schema", "properties", "environment").update(
        type=[["string"]]), f"{E}.request_schema.properties.environment.type", id="type-nested"),
    pytest.param(lambda d: schema_at(d, "request_schema", "properties").update(environment=3),
                 f"{E}.request_schema.properties.environment: must be a JSON Schema",
                 id="property-not-a-schema"),
    pytest.param(lambda d: schema_at(d, "request_schema").update(properties=[]),
                 f"{E}.request_schema.properties: must be an object", id="properties-a-list"),
    pytest.param(lambda d: schema_at(d, "request_schema", "properties", "environment").update(
        minLength="3"), f"{E}.request_schema.properties.environment.minLength: must be an "
        "integer", id="count-a-string"),
    pytest.param(lambda d: schema_at(d, "request_schema", "properties", "environment").update(
        maximum=True), "environment.maximum: must be a number", id="bound-a-boolean"),
    pytest.param(lambda d: schema_at(d, "request_schema", "properties", "environment").update(
        multipleOf=0), "environment.multipleOf: must be a number above 0", id="multiple-of-0"),
    pytest.param(lambda d: schema_at(d, "request_schema", "properties", "environment").update(
        anyOf={"type": "string"}), "environment.anyOf: must be an array", id="any-of-object"),
    pytest.param(lambda d: schema_at(d, "request_schema", "properties", "environment").update(
        pattern=["^a"]), "environment.pattern: must be a string", id="pattern-a-list"),
    pytest.param(lambda d: schema_at(d, "request_schema").update({"$ref": 7}),
                 f"{E}.request_schema.$ref: must be a string", id="ref-not-text"),
    pytest.param(lambda d: schema_at(d, "result_schema", "properties", "status").update(
        enum="succeeded"), f"{E}.result_schema.properties.status.enum: must be an array",
        id="enum-a-string"),
    pytest.param(lambda d: entry(d).update(effect="write"), f"{E}.effect: 'write' is not",
                 id="effect-unknown"),
    pytest.param(lambda d: entry(d).update(accepted_majors=["1"]),
                 f"{E}.accepted_majors[0]: must be a major version", id="major-a-string"),
    pytest.param(lambda d: entry(d)["flags"][0].update(multiple="yes"),
                 f"{E}.flags[0].multiple: must be true or false", id="flag-multiple-text"),
    pytest.param(lambda d: entry(d)["flags"][0].pop("type"), f"{E}.flags[0]: 'type' is missing",
                 id="flag-type-missing"),
    pytest.param(lambda d: entry(d)["flags"][0].update(choices=[1]),
                 f"{E}.flags[0].choices[0]: must be a string", id="flag-choice-number"),
    pytest.param(lambda d: entry(d)["exit_codes"][0].update(code=True),
                 f"{E}.exit_codes[0].code: must be an integer", id="exit-code-boolean"),
    pytest.param(lambda d: entry(d)["exit_codes"][0].update(meaning=None),
                 f"{E}.exit_codes[0].meaning: must be a string", id="exit-meaning-null"),
    pytest.param(lambda d: entry(d).update(deprecations=[{"field": 1}]),
                 f"{E}.deprecations[0].field: must be a string", id="deprecation-field-number"),
    pytest.param(lambda d: entry(d).update(older_request_schemas={"one": {}}),
                 f"{E}.older_request_schemas: key 'one' is not a major version",
                 id="older-schema-not-a-major"),
    pytest.param(lambda d: entry(d).update(older_request_schemas={"1": {"required": "x"}}),
                 f"{E}.older_request_schemas.1.required: must be an array",
                 id="older-schema-malformed"),
]


@pytest.mark.parametrize(("mutate", "says"), MALFORMED_CONTENTS)
def test_a_malformed_value_in_a_lock_entry_is_a_config_error_naming_its_place(
        tmp_path: Any, mutate: Any, says: str) -> None:
    path = tmp_path / LOCK_FILE
    path.write_text(broken(mutate))

    with pytest.raises(ConfigError) as caught:
        read_lock(path)

    assert caught.value.exit_code == 2
    assert str(path) in caught.value.message
    assert says in caught.value.message


class Endpoint(BaseModel):
    host: str = Field(min_length=1)
    port: int = Field(default=443, ge=1, le=65535, multiple_of=1)


class RichRequest(BaseModel):
    environment: Literal["staging", "prod"]
    tags: list[str] = Field(default_factory=list, max_length=5)
    ratio: float = Field(default=0.5, gt=0, lt=1)
    endpoint: Optional[Endpoint] = None  # noqa: UP045 - a $ref inside anyOf
    label: str = Field(default="x", pattern="^[a-z]+$")


def lock_paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value inside a JSON document."""
    found = [path] if path else []
    children = node.items() if isinstance(node, dict) else enumerate(node) \
        if isinstance(node, list) else ()
    for key, child in children:
        found += lock_paths(child, (*path, key))
    return found


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=4),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                 max_size=3),
    max_leaves=6)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_value_anywhere_in_a_lock_is_read_and_compared_or_refused(data: st.DataObject) -> None:
    """Fuzz: replace one value of a real lock by any JSON value; the lock is refused with a
    ConfigError, or read and compared with the code without an exception."""
    current = {**snapshot_of(RichRequest, "1.0.0"), "name": "release-tag",
               "older_request_schemas": {"0": schema_of(request_v1())}}
    doc = json.loads(render_lock({"release-tag": current}))
    path = data.draw(st.sampled_from(lock_paths(entry(doc))))
    parent: Any = entry(doc)
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = data.draw(_json)
    try:
        lock = parse_lock(json.loads(json.dumps(doc)), "fuzzed.json")
    except ConfigError as exc:
        assert exc.exit_code == 2 and "fuzzed.json" in exc.message
        return
    check(lock, {"release-tag": current}).render_text()


@pytest.mark.parametrize("value", [{"": False}, {"": True}])
def test_a_locked_property_that_is_a_boolean_schema_is_compared(value: Any) -> None:
    """A case the fuzz test above found: ``properties`` holding a boolean schema (``false``:
    nothing, ``true``: anything) where the code has no such field."""
    current = {**snapshot_of(RichRequest, "1.0.0"), "name": "release-tag",
               "older_request_schemas": {"0": schema_of(request_v1())}}
    doc = json.loads(render_lock({"release-tag": current}))
    entry(doc)["result_schema"]["properties"] = value
    lock = parse_lock(json.loads(json.dumps(doc)), "fuzzed.json")
    check(lock, {"release-tag": current}).render_text()


def test_missing_lock_says_how_to_create_it(tmp_path: Any) -> None:
    with pytest.raises(ConfigError, match="run `opsctl contract lock`"):
        read_lock(tmp_path / LOCK_FILE)


# -- snapshots of real automations ----------------------------------------------------------------

def test_snapshot_of_an_automation() -> None:
    from opsctl.contract.automation import Automation
    from opsctl.contract.versions import deprecated

    class Request(BaseModel):
        repository: str
        tag: str = Field(pattern=r"^v\d")
        remote: str = deprecated("use --origin", removal="2.0.0", default="origin")
        older_than: Duration = "30d"

    automation = Automation("release-tag", version="1.2.0", owner="t", summary="s",
                            request=Request, lock_scope=("repository",))
    snap = contract_snapshot(automation)
    assert snap == json.loads(json.dumps(snap))  # plain JSON values only
    assert [f["flag"] for f in snap["flags"]] == ["--older-than", "--remote", "--repository",
                                                  "--tag"]
    assert snap["deprecations"] == [{"field": "remote", "flag": "--remote",
                                     "message": "use --origin", "removal": "2.0.0"}]
    assert snap["lock_scope"] == ["repository"] and snap["accepted_majors"] == [1]
    assert [row["code"] for row in snap["exit_codes"]] == sorted(c for c, _, _ in EXIT_CODE_TABLE)
    assert compare(snap, contract_snapshot(automation)) == []
    Draft202012Validator.check_schema(snap["request_schema"])
    Draft202012Validator.check_schema(snap["result_schema"])


# -- requests of older majors still accepted ------------------------------------------------------

class Deploy(BaseModel):
    environment: str
    replicas: int = 1


def request_v1(**fields: Any) -> type[BaseModel]:
    """A 1.x request model: ``env`` and ``count``, plus ``fields`` (name -> (type, Field))."""
    definitions: dict[str, Any] = {"env": (str, ...), "count": (int, 1), **fields}
    return create_model("RequestV1", **definitions)  # type: ignore[no-any-return,call-overload]


def deploy_snapshot(version: str, v1: type[BaseModel]) -> dict[str, Any]:
    from opsctl.contract.automation import Automation

    automation = Automation("deploy", version=version, owner="o", summary="s", request=Deploy)
    automation.upgrade(from_major=1, request=v1)(lambda old: {"environment": old.env})
    return contract_snapshot(automation)


O1 = "older_request_schemas/1/properties"


@pytest.mark.parametrize(("v1", "failures"), [
    pytest.param(request_v1(count=(int, Field(default=1, le=2))),
                 [("request.constraint_tightened", f"{O1}/count/maximum")],
                 id="constraint-tightened-breaking"),
    pytest.param(request_v1(region=(str, ...)),
                 [("request.field_added_required", f"{O1}/region")],
                 id="required-field-added-breaking"),
    pytest.param(request_v1(env=(Literal["staging", "prod"], ...)),
                 [("request.constraint_tightened", f"{O1}/env/enum")], id="enum-breaking"),
    pytest.param(request_v1(region=(str, "eu")), [], id="optional-field-added-compatible"),
    pytest.param(request_v1(count=(float, 1)), [], id="type-widened-compatible"),
])
def test_the_request_of_an_older_accepted_major_is_held_to_the_request_rules(
        v1: type[BaseModel], failures: list[tuple[str, str]]) -> None:
    lock = lock_of({**deploy_snapshot("2.0.0", request_v1()), "name": "release-tag"})

    report = check(lock, {"release-tag": {**deploy_snapshot("2.1.0", v1), "name": "release-tag"}})

    assert [(c.change.rule, c.change.path) for c in report.failures] == failures
    assert report.ok is not failures
    assert all(c.change.message.startswith("contract 1.x requests: ") for c in report.failures)


@pytest.mark.parametrize(("v1", "changes"), [
    pytest.param(request_v1(), [], id="the-same-request"),
    pytest.param(request_v1(count=(int, Field(default=1, le=2))),
                 [("request.constraint_tightened", f"{O1}/count/maximum", "allowed")],
                 id="a-stricter-request"),
    pytest.param(request_v1(region=(str, "eu")),
                 [("request.field_added", f"{O1}/region", "pass")], id="a-looser-request"),
])
def test_at_the_major_bump_the_older_request_is_held_to_the_locked_request(
        v1: type[BaseModel], changes: list[tuple[str, str, str]]) -> None:
    """Locked at 1.x, the code at 2.0.0 accepts 1.x requests through RequestV1: that model is
    compared with the request the lock holds for 1.x (a break is allowed by the bump, and
    shown)."""
    from opsctl.contract.automation import Automation

    locked = contract_snapshot(Automation("deploy", version="1.4.0", owner="o", summary="s",
                                          request=request_v1()))

    report = check(lock_of({**locked, "name": "release-tag"}),
                   {"release-tag": {**deploy_snapshot("2.0.0", v1), "name": "release-tag"}})

    older = [(c.change.rule, c.change.path, c.verdict) for c in report.changes
             if c.change.path.startswith("older_request_schemas/")]
    assert older == changes
    assert all(c.change.message.startswith("contract 1.x requests: ") for c in report.changes
               if c.change.path.startswith("older_request_schemas/"))


def test_older_request_schemas_are_recorded_only_for_automations_that_upgrade(tmp_path: Any
                                                                              ) -> None:
    snap = deploy_snapshot("2.0.0", request_v1())
    assert set(snap["older_request_schemas"]) == {"1"}
    assert snap["older_request_schemas"]["1"]["required"] == ["env"]
    assert "older_request_schemas" not in snapshot()
    assert "older_request_schemas" not in json.loads(render_lock(
        {"release-tag": snapshot()}))["automations"]["release-tag"]

    write_lock(tmp_path / LOCK_FILE, {"deploy": snap})
    locked = read_lock(tmp_path / LOCK_FILE).automations["deploy"].contract
    assert compare(locked, snap) == []


def test_a_lock_without_older_request_schemas_is_read_and_not_compared() -> None:
    """A lock written before opsctl recorded them: nothing to compare, an info line says so."""
    older_lock = {k: v for k, v in deploy_snapshot("2.0.0", request_v1()).items()
                  if k != "older_request_schemas"}
    stricter = deploy_snapshot("2.1.0", request_v1(count=(int, Field(default=1, le=2))))

    report = check(lock_of({**older_lock, "name": "release-tag"}),
                   {"release-tag": {**stricter, "name": "release-tag"}})

    assert report.ok
    assert verdicts(report) == [("version.bumped", "pass"),
                                ("versions.requests_not_recorded", "pass")]
    assert "run `opsctl contract lock` to record them" in report.render_text()


def test_the_published_result_schema_is_valid_json_schema() -> None:
    Draft202012Validator.check_schema(result_schema())


# -- properties ---------------------------------------------------------------------------------

_model_names = itertools.count()
_field_names = st.from_regex(r"f_[a-z][a-z0-9_]{0,6}", fullmatch=True)
_words = st.text(alphabet="abcdefgh-", min_size=1, max_size=6)


@st.composite
def annotations(draw: st.DrawFn, depth: int = 0) -> tuple[Any, Any]:
    """(annotation, a valid default value) of a random request field type."""
    kinds = ["int", "float", "str", "bool", "literal", "enum", "duration"]
    if depth < 2:
        kinds += ["optional", "list", "model"]
    kind = draw(st.sampled_from(kinds))
    if kind == "int":
        low = draw(st.integers(-5, 5))
        bounds = draw(st.sampled_from([{}, {"ge": low}, {"ge": low, "le": low + 10},
                                       {"gt": low - 1, "multiple_of": 1}]))
        return Annotated[int, Field(**bounds)], low
    if kind == "float":
        low = draw(st.floats(-100, 100, allow_nan=False))
        bounds = draw(st.sampled_from([{}, {"ge": low}, {"le": low + 1.5}]))
        return Annotated[float, Field(**bounds)], low
    if kind == "str":
        size = draw(st.integers(0, 3))
        rules = draw(st.sampled_from([{}, {"min_length": size}, {"max_length": size + 4},
                                      {"pattern": "^[a-z]*$"}]))
        return Annotated[str, Field(**rules)], "a" * size
    if kind == "bool":
        return bool, draw(st.booleans())
    if kind == "literal":
        values = draw(st.lists(_words, min_size=1, max_size=4, unique=True))
        return Literal[tuple(values)], values[0]
    if kind == "enum":
        values = draw(st.lists(_words, min_size=1, max_size=4, unique=True))
        members = enum.Enum(f"Choice{next(_model_names)}",  # type: ignore[misc]
                            [(f"m{i}", v) for i, v in enumerate(values)], type=str)
        return members, next(iter(members))
    if kind == "duration":
        return Duration, "30d"
    if kind == "optional":
        inner, _ = draw(annotations(depth + 1))
        return Optional[inner], None  # noqa: UP045
    if kind == "list":
        inner, _ = draw(annotations(depth + 1))
        return list[inner], []  # type: ignore[valid-type]
    model = draw(models(depth + 1))
    return Optional[model], None  # noqa: UP045 - a nested model, by $ref


@st.composite
def field_definitions(draw: st.DrawFn, depth: int = 0, optional: bool | None = None
                      ) -> tuple[Any, Any]:
    annotation, default = draw(annotations(depth))
    described = draw(st.sampled_from([{}, {"description": "What it does"}]))
    is_optional = draw(st.booleans()) if optional is None else optional
    if is_optional:
        return annotation, Field(default=default, **described)
    return annotation, Field(**described)


@st.composite
def models(draw: st.DrawFn, depth: int = 0) -> type[BaseModel]:
    fields = draw(st.dictionaries(_field_names, field_definitions(depth), max_size=5))
    return create_model(f"Model{next(_model_names)}", **fields)  # type: ignore[no-any-return,call-overload]


def snapshot_of(model: type[BaseModel], version: str = "1.0.0") -> dict[str, Any]:
    automation = SimpleNamespace(name="generated", version=version, effect="mutate",
                                 lock_scope=(), request_model=model, major_version=1,
                                 accepted_majors=[1], adapters={})
    return contract_snapshot(automation, [dict(s) for s in flag_specs(model)])  # type: ignore[arg-type]


PROPERTY_SETTINGS = settings(max_examples=60, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(models())
def test_any_schema_compared_with_itself_has_no_changes(model: type[BaseModel]) -> None:
    schema = model.model_json_schema()
    for direction in ("input", "output"):
        assert diff_schemas(schema, copy.deepcopy(schema), direction=direction,
                            prefix="request") == []
    snap = snapshot_of(model)
    assert compare(snap, copy.deepcopy(snap)) == []
    assert check(lock_of({**snap, "name": "release-tag"}),
                 {"release-tag": {**snap, "name": "release-tag"}}).changes == ()


@PROPERTY_SETTINGS
@given(models(), _field_names, field_definitions(optional=True))
def test_adding_an_optional_field_is_never_breaking(model: type[BaseModel], name: str,
                                                    definition: tuple[Any, Any]) -> None:
    if name in model.model_fields:
        name += "_new"
    fields = {n: (info.annotation, info) for n, info in model.model_fields.items()}
    wider = create_model(model.__name__, **fields, **{name: definition})  # type: ignore[call-overload]
    changes = compare(snapshot_of(model), snapshot_of(wider))
    assert [c for c in changes if c.severity in ("breaking", "error")] == []
    assert found(changes, "request.field_added", f"{P}/{name}").severity == "compatible"


@PROPERTY_SETTINGS
@given(models())
def test_every_generated_schema_is_valid_json_schema(model: type[BaseModel]) -> None:
    Draft202012Validator.check_schema(model.model_json_schema())
    Draft202012Validator.check_schema(snapshot_of(model)["request_schema"])


def test_a_change_inside_a_model_a_list_field_holds_is_found() -> None:
    """``targets: list[Target]``: both schemas say ``items: {"$ref": "#/$defs/Target"}``, the
    same text, yet Target's enum lost a value: callers sending it now fail."""
    def request(kinds: Any) -> dict[str, Any]:
        class Target(BaseModel):
            kind: kinds

        class Req(BaseModel):
            targets: list[Target]

        return Req.model_json_schema()

    changes = diff_schemas(request(Literal["volume", "snapshot"]), request(Literal["volume"]),
                           direction="input", prefix="request")
    assert [(c.rule, c.path, c.severity) for c in changes] == [
        ("request.enum_value_removed", "request/properties/targets/items/properties/kind/enum",
         "breaking")]
    assert diff_schemas(request(Literal["volume"]), request(Literal["volume"]),
                        direction="input", prefix="request") == []
