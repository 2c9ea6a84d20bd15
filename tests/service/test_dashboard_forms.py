"""The run form generated from a request JSON Schema: each construct the contract layer emits
gets its widget, a rendered form submitted as a browser would submit it reads back as the same
valid request, and the contract's errors land next to their fields."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("fastapi", reason="the dashboard needs the server extra")

from opsctl.contract.description import request_schema
from opsctl.service.dashboard.forms import (
    FormField,
    added_rows,
    attach_errors,
    constraints,
    form_fields,
    parse_form,
)
from tests.service.everything_automation import SOURCE

module = types.ModuleType("everything_for_forms")
sys.modules[module.__name__] = module  # pydantic resolves the model's names through it
exec(compile(SOURCE, "everything_automation", "exec"), module.__dict__)
Request: Any = module.Request
SCHEMA = request_schema(module.everything)

FULL = {
    "service": "api-gw", "replicas": 7, "ratio": 0.25, "force": True, "notify": False,
    "color": "blue", "mode": "fast", "region": "eu", "note": "first <b>deploy</b>",
    "limit": 12, "tags": ["a", "b c"], "sizes": [1, 20, 300], "colors": ["green", "blue"],
    "ports": [{"name": "http", "number": 80, "protocol": "tcp"},
              {"name": "dns", "number": 53, "protocol": "udp"}],
    "primary": {"host": "db.internal", "weight": 2.5},
    "backup": {"host": "backup.internal", "weight": 1.0},
    "retention": "1h30m", "api_key": "s3cr3t-key", "token": "tok-value",
    "labels": {"team": "core"}, "old_name": "legacy",
}
MINIMAL = {"service": "web", "primary": {"host": "h"}, "api_key": "k"}
SECRETS = ("api_key", "token")


def by_path(fields: Iterable[FormField]) -> dict[str, FormField]:
    out: dict[str, FormField] = {}
    for item in fields:
        out[item.path] = item
        out.update(by_path(item.children))
        for row in item.rows:
            out.update(by_path(row))
    return out


def as_browser(fields: Iterable[FormField], typed: dict[str, str]) -> list[tuple[str, str]]:
    """What a browser sends for the rendered form: each input's shown value (``typed`` fills
    the password inputs, which are always rendered empty)."""
    pairs: list[tuple[str, str]] = []
    for f in fields:
        if f.widget == "fieldset":
            if f.nullable and f.enabled:
                pairs.append((f.name + "._set", "1"))
            pairs.extend(as_browser(f.children, typed))
        elif f.widget == "rows":
            pairs.append((f.name + "._list", "1"))
            for index, row in enumerate(f.rows):
                pairs.append((f"{f.name}.{index}._row", "1"))
                pairs.extend(as_browser(row, typed))
        elif f.widget == "checkbox":
            if f.value:
                pairs.append((f.name, "true"))
        elif f.widget == "multiselect":
            pairs.extend((f.name, v) for v in f.value)
        elif f.widget == "password":
            pairs.append((f.name, typed.get(f.path, "")))
        else:
            pairs.append((f.name, f.value))
    return pairs


@pytest.mark.parametrize(("path", "widget"), [
    ("service", "text"), ("replicas", "number"), ("ratio", "number"), ("force", "checkbox"),
    ("notify", "tristate"), ("color", "select"), ("mode", "select"), ("region", "select"),
    ("note", "text"), ("limit", "number"), ("tags", "lines"), ("sizes", "lines"),
    ("colors", "multiselect"), ("ports", "rows"), ("primary", "fieldset"),
    ("backup", "fieldset"), ("retention", "duration"), ("api_key", "password"),
    ("token", "password"), ("labels", "json"), ("old_name", "text"),
], ids=lambda v: str(v))
def test_each_construct_gets_its_widget(path: str, widget: str) -> None:
    fields, loose = form_fields(SCHEMA)
    assert loose == []
    assert by_path(fields)[path].widget == widget


def test_constraints_defaults_help_and_deprecation_are_shown() -> None:
    fields = by_path(form_fields(SCHEMA)[0])
    service = fields["service"]
    assert service.required and service.help == "Service to deploy"
    assert dict(service.attrs) == {"minlength": "2", "maxlength": "30"}
    assert "pattern ^[a-z][a-z0-9-]*$" in constraints(service)
    assert dict(fields["replicas"].attrs) == {"step": "1", "min": "1", "max": "10"}
    assert fields["replicas"].value == "2"  # the default, shown
    assert dict(fields["ratio"].attrs)["step"] == "any"
    assert fields["retention"].value == "30d"
    assert fields["mode"].value == '"safe"' and fields["mode"].choices == (
        ('"fast"', "fast"), ('"safe"', "safe"))
    assert fields["color"].choices[2] == ('"blue"', "blue")
    assert fields["region"].choices == (('"eu"', "eu"),)
    assert fields["note"].nullable and not fields["note"].required
    assert fields["old_name"].deprecated == "use service (removed in 2.0.0)"
    assert fields["backup"].nullable and not fields["backup"].enabled
    assert fields["primary"].required and not fields["primary"].nullable
    assert fields["ports"].rows == ()


@pytest.mark.parametrize("request_doc", [FULL, MINIMAL], ids=["every-field-set", "minimal"])
def test_a_rendered_form_submitted_as_is_is_the_same_valid_request(
        request_doc: dict[str, Any]) -> None:
    fields, _ = form_fields(SCHEMA, request_doc)
    typed = {k: request_doc[k] for k in SECRETS if k in request_doc}
    document = parse_form(SCHEMA, as_browser(fields, typed))
    assert Request.model_validate(document) == Request.model_validate(request_doc)
    parsed = Request.model_validate(document)
    if request_doc is FULL:
        assert parsed.retention == timedelta(hours=1, minutes=30)
        assert parsed.api_key.get_secret_value() == "s3cr3t-key"
        assert [p.number for p in parsed.ports] == [80, 53]


def test_secrets_are_never_rendered_back() -> None:
    fields = by_path(form_fields(SCHEMA, FULL)[0])
    assert fields["api_key"].value == "" and fields["token"].value == ""
    stored = {**FULL, "api_key": {"$secret": "hmac-sha256:abc"}}
    assert by_path(form_fields(SCHEMA, stored)[0])["api_key"].value == ""
    assert "s3cr3t" not in repr(form_fields(SCHEMA, FULL))


def test_empty_optional_fields_leave_the_defaults_to_the_contract() -> None:
    fields, _ = form_fields(SCHEMA, {"service": "web", "primary": {"host": "h"}})
    document = parse_form(SCHEMA, as_browser(fields, {"api_key": "k"}))
    # the browser sends the shown defaults, an unticked checkbox nothing: false
    assert document["force"] is False and "notify" not in document and "note" not in document
    assert "backup" not in document and document["ports"] == [] and "token" not in document
    parsed = Request.model_validate(document)
    assert parsed.replicas == 2 and parsed.retention == timedelta(days=30)


@pytest.mark.parametrize(("default", "picked", "expected"), [
    (True, "", None), (False, "", None), (None, "", "absent"), (True, "false", False),
    (None, "true", True), ("required", "", None),
], ids=["none-over-yes", "none-over-no", "none-is-default", "no", "yes", "required-none"])
def test_an_optional_boolean_reads_back_the_option_picked(
        default: bool | str | None, picked: str, expected: bool | str | None) -> None:
    from pydantic import BaseModel

    class Flags(BaseModel):
        notify: bool | None = default

    class Required(BaseModel):
        notify: bool | None

    model = Required if default == "required" else Flags
    schema = model.model_json_schema()
    (field,), _ = form_fields(schema)
    assert field.widget == "tristate" and field.nullable
    document = parse_form(schema, [("r.notify", picked)])
    if expected == "absent":
        assert document == {}
    else:
        assert document == {"notify": expected}
        assert model.model_validate(document).notify is expected


def test_none_picked_in_an_optional_choice_with_a_default_is_null() -> None:
    from typing import Literal

    from pydantic import BaseModel

    class Choice(BaseModel):
        mode: Literal["fast", "safe"] | None = "safe"
        size: Literal["s", "l"] | None  # required, and may be null
        color: Literal["red", "blue"] = "red"

    schema = Choice.model_json_schema()
    fields, _ = form_fields(schema)
    assert [f.nullable for f in fields] == [True, True, False]  # "(none)" vs "(default)"
    document = parse_form(schema, [("r.mode", ""), ("r.size", ""), ("r.color", "")])
    assert document == {"mode": None, "size": None}
    assert Choice.model_validate(document) == Choice(mode=None, size=None, color="red")


def test_an_empty_number_that_may_be_null_and_is_required_is_null() -> None:
    from pydantic import BaseModel

    class Limits(BaseModel):
        cap: int | None  # required, and may be null
        floor: int | None = None

    schema = Limits.model_json_schema()
    document = parse_form(schema, [("r.cap", ""), ("r.floor", "")])
    assert document == {"cap": None}
    assert Limits.model_validate(document) == Limits(cap=None)


def test_an_unset_nested_model_that_is_required_but_may_be_null_is_null() -> None:
    from pydantic import BaseModel

    class Target(BaseModel):
        host: str

    class Move(BaseModel):
        to: Target | None  # required, and may be null
        via: Target | None = None

    schema = Move.model_json_schema()
    fields, _ = form_fields(schema)
    assert [f.widget for f in fields] == ["fieldset", "fieldset"]
    document = parse_form(schema, [("r.to.host", ""), ("r.via.host", "")])  # no "set" box
    assert document == {"to": None}
    assert Move.model_validate(document) == Move(to=None)


def test_bad_values_pass_through_for_the_contract_to_name() -> None:
    document = parse_form(SCHEMA, [("r.replicas", "many"), ("r.ratio", "1e999"),
                                   ("r.labels", "{not json"), ("r.sizes", "1\ntwo")])
    assert document["replicas"] == "many" and document["ratio"] == "1e999"
    assert document["labels"] == "{not json" and document["sizes"] == [1, "two"]


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, '{"a": ' + "1" * 5000 + "}",
                                  '{"team": "a", "team": "b"}', '{"team": NaN}'],
                         ids=["too-deep", "too-many-digits", "key-twice", "nan"])
def test_json_the_command_line_refuses_passes_through_as_typed(text: str) -> None:
    """A JSON text area was read by a lenient parser: nesting too deep or a number too long
    for Python was a 500, and a key given twice kept one of its values without a word."""
    assert parse_form(SCHEMA, [("r.labels", text)])["labels"] == text


def test_rows_are_added_and_removed() -> None:
    fields, _ = form_fields(SCHEMA, {"ports": [{"name": "a", "number": 1}]}, extra_rows=["ports"])
    ports = by_path(fields)["ports"]
    assert len(ports.rows) == 2 and ports.rows[1][0].path == "ports.1.name"
    pairs = [("r.ports._list", "1"), ("r.ports.0._row", "1"), ("r.ports.0.name", "a"),
             ("r.ports.0.number", "1"), ("r.ports.1._row", "1"), ("r.ports.1.name", "b"),
             ("r.ports.1.number", "2"), ("r.ports.1._remove", "1"), ("_add", "ports")]
    assert parse_form(SCHEMA, pairs)["ports"] == [{"name": "a", "number": 1}]
    assert added_rows(pairs) == ["ports"]


@pytest.mark.parametrize("index", ["1" * 5000, "\u0663"], ids=["thousands-of-digits",
                                                              "arabic-indic-digit"])
def test_a_row_number_the_form_never_writes_is_no_row(index: str) -> None:
    """A row numbered with thousands of digits was a 500 (Python refuses to read the
    number)."""
    pairs = [("r.ports._list", "1"), ("r.ports.0._row", "1"), ("r.ports.0.name", "a"),
             ("r.ports.0.number", "1"), (f"r.ports.{index}._row", "1"),
             (f"r.ports.{index}.name", "b")]
    assert parse_form(SCHEMA, pairs)["ports"] == [{"name": "a", "number": 1}]


def test_contract_errors_land_next_to_their_fields() -> None:
    errors = [{"field": "request.service", "message": "String should match pattern"},
              {"field": "request.ports.0.number", "message": "Input should be >= 1"},
              {"field": "request.primary.host", "message": "required field is missing"},
              {"field": "request.tags.1", "message": "too long"},
              {"field": "request.nope", "message": "unknown field"}]
    fields, loose = form_fields(SCHEMA, {"ports": [{"name": "x", "number": 0}]}, errors=errors)
    found = by_path(fields)
    assert found["service"].error == "String should match pattern"
    assert found["ports.0.number"].error == "Input should be >= 1"
    assert found["primary.host"].error == "required field is missing"
    assert found["tags"].error == "1: too long"
    assert loose == ["nope: unknown field"]
    assert attach_errors([], [{"field": "request", "message": "bad"}])[1] == ["bad"]


@given(st.lists(st.integers(min_value=-10**12, max_value=10**12), max_size=8))
def test_lists_of_integers_read_back(values: list[int]) -> None:
    fields, _ = form_fields(SCHEMA, {"sizes": values})
    sizes = by_path(fields)["sizes"]
    assert parse_form(SCHEMA, [(sizes.name, sizes.value)])["sizes"] == values


def test_an_empty_list_is_its_known_default_or_left_to_the_contract() -> None:
    assert SCHEMA["properties"]["sizes"]["default"] == []  # from default_factory=list
    assert parse_form(SCHEMA, [("r.sizes", "")])["sizes"] == []
    unknown = {**SCHEMA, "properties": {**SCHEMA["properties"], "sizes": {
        k: v for k, v in SCHEMA["properties"]["sizes"].items() if k != "default"}}}
    assert "sizes" not in parse_form(unknown, [("r.sizes", "")])


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))
def test_text_reads_back_as_typed(text: str) -> None:
    fields, _ = form_fields(SCHEMA, {"note": text})
    note = by_path(fields)["note"]
    document = parse_form(SCHEMA, [(note.name, note.value)])
    assert document.get("note", "") == text
