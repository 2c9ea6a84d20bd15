"""The run form of an automation, generated from its request JSON Schema, and read back.

Pure functions over the schema the contract layer publishes (``request_schema``): no I/O, no
framework. :func:`form_fields` turns the schema (and the values to show) into a tree of
:class:`FormField`; the templates only display it. :func:`parse_form` turns the submitted
``(name, value)`` pairs back into a request document for the engine, which validates it: a bad
value is passed on as typed, so the contract's own error comes back and is shown next to its
field (:func:`attach_errors`).

Each schema construct the contract layer emits has one widget::

    string (pattern, lengths)   text            integer / number (bounds)  number
    boolean                     checkbox        optional boolean           tristate (select)
    enum, Literal, const        select          list of enums              multiselect
    list of scalars             lines (one item per line)
    list of objects             rows (a fieldset per item; add / remove)
    nested model                fieldset        optional nested model      fieldset + "set"
    Duration (30d)              duration        SecretStr                  password (never echoed)
    anything else (dicts, unions of types)      json

Field names are ``r.`` + the dotted path of the field (``r.target.port``, ``r.items.0.name``),
so they cannot clash with the form's own fields (``csrf``, ``_add``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from opsctl.contract.types import DURATION_PATTERN

PREFIX = "r."
ROW_MARK = "_row"
LIST_MARK = "_list"
REMOVE_MARK = "_remove"
SET_MARK = "_set"
DEPRECATION_KEY = "x-opsctl-deprecation"
REMOVAL_KEY = "x-opsctl-removal"
MAX_ROWS = 100

Widget = Literal["text", "number", "checkbox", "tristate", "select", "multiselect", "lines",
                 "rows", "fieldset", "duration", "password", "json"]
_UNSET: Any = object()


@dataclass(frozen=True)
class FormField:
    """One field of the form: what to draw and what to read back."""

    path: str
    """Dotted path in the request document (``target.port``, ``items.0.name``)."""
    label: str
    widget: Widget
    required: bool = False
    nullable: bool = False
    help: str = ""
    deprecated: str | None = None
    value: Any = None
    """What the widget shows: text for inputs, a bool for a checkbox, a list of option values
    for a multiselect, the chosen option's value for a select; never a secret."""
    choices: tuple[tuple[str, str], ...] = ()
    """(option value, label) for selects; the option value is the JSON of the enum value."""
    attrs: tuple[tuple[str, str], ...] = ()
    """HTML constraint attributes (min, max, step, minlength, maxlength, placeholder)."""
    item_type: str = "string"
    """The JSON type of a ``lines`` field's items."""
    children: tuple[FormField, ...] = ()
    rows: tuple[tuple[FormField, ...], ...] = ()
    enabled: bool = True
    """An optional nested model: whether it is set (its "set" box is ticked)."""
    error: str | None = None
    pattern: str | None = None

    @property
    def name(self) -> str:
        return PREFIX + self.path

    @property
    def dom_id(self) -> str:
        return "f-" + self.path.replace(".", "-")


# -- the schema ----------------------------------------------------------------------------------

def _resolve(node: Mapping[str, Any], defs: Mapping[str, Any]) -> dict[str, Any]:
    """``node`` with its ``$ref`` (or a one-element ``allOf``) merged in; the node's own keys
    (description, default, deprecated) win."""
    out = dict(node)
    seen = 0
    while True:
        ref = out.pop("$ref", None)
        if ref is None and isinstance(out.get("allOf"), list) and len(out["allOf"]) == 1:
            ref_node = out.pop("allOf")[0]
            out = {**_resolve(ref_node, defs), **out}
            continue
        if ref is None:
            return out
        seen += 1
        if seen > 32 or not isinstance(ref, str) or not ref.startswith("#/$defs/"):
            return {"title": out.get("title"), "description": out.get("description")}
        target = defs.get(ref.removeprefix("#/$defs/"), {})
        out = {**target, **out}


def _strip_null(node: dict[str, Any], defs: Mapping[str, Any]) -> tuple[dict[str, Any], bool]:
    """(the schema without its ``null`` alternative, whether null was allowed)."""
    options = node.get("anyOf")
    if isinstance(options, list):
        rest = [o for o in options if o.get("type") != "null"]
        if len(rest) < len(options) and len(rest) == 1:
            inner = _resolve(rest[0], defs)
            merged = {k: v for k, v in node.items() if k != "anyOf"}
            return {**inner, **merged}, True
        if len(rest) < len(options):
            return {**{k: v for k, v in node.items() if k != "anyOf"}, "anyOf": rest}, True
    if isinstance(node.get("type"), list) and "null" in node["type"]:
        types = [t for t in node["type"] if t != "null"]
        return {**node, "type": types[0] if len(types) == 1 else types}, True
    return node, False


def _choices(node: Mapping[str, Any]) -> list[Any] | None:
    if "enum" in node and isinstance(node["enum"], list):
        return list(node["enum"])
    if "const" in node:
        return [node["const"]]
    return None


def _scalar_type(node: Mapping[str, Any]) -> str | None:
    kind = node.get("type")
    return kind if kind in ("string", "integer", "number", "boolean") else None


def classify(node: Mapping[str, Any], defs: Mapping[str, Any]) -> tuple[Widget, dict[str, Any], bool]:
    """(widget, the resolved schema, nullable) of one property's schema."""
    resolved, nullable = _strip_null(_resolve(node, defs), defs)
    if _choices(resolved) is not None:
        return "select", resolved, nullable
    kind = resolved.get("type")
    if kind == "boolean":
        return ("tristate" if nullable else "checkbox"), resolved, nullable
    if kind in ("integer", "number"):
        return "number", resolved, nullable
    if kind == "string":
        if resolved.get("format") == "password" or resolved.get("writeOnly"):
            return "password", resolved, nullable
        if resolved.get("pattern") == DURATION_PATTERN:
            return "duration", resolved, nullable
        return "text", resolved, nullable
    if kind == "array":
        items = _resolve(resolved.get("items") or {}, defs)
        items, _ = _strip_null(items, defs)
        if _choices(items) is not None:
            return "multiselect", resolved, nullable
        if _scalar_type(items) in ("string", "integer", "number"):
            return "lines", resolved, nullable
        if items.get("type") == "object" and items.get("properties"):
            return "rows", resolved, nullable
        return "json", resolved, nullable
    if kind == "object" and resolved.get("properties"):
        return "fieldset", resolved, nullable
    return "json", resolved, nullable


# -- schema + values -> fields -------------------------------------------------------------------

def form_fields(schema: Mapping[str, Any], values: Mapping[str, Any] | None = None, *,
                errors: Sequence[Mapping[str, str]] = (),
                extra_rows: Iterable[str] = ()) -> tuple[list[FormField], list[str]]:
    """The fields of the run form for ``schema``, showing ``values`` (a request document, or
    what was submitted; defaults where a value is absent), and the errors that belong to no
    field. ``extra_rows`` names list-of-object fields that get one more (blank) row."""
    defs = schema.get("$defs") or {}
    fields = _object_fields(schema, defs, "", values if values is not None else None,
                            frozenset(extra_rows))
    return attach_errors(fields, errors)


def _object_fields(node: Mapping[str, Any], defs: Mapping[str, Any], prefix: str,
                   values: Mapping[str, Any] | None, extra_rows: frozenset[str]) -> list[FormField]:
    required = set(node.get("required") or ())
    out = []
    for key, prop in (node.get("properties") or {}).items():
        path = f"{prefix}{key}"
        given = values.get(key, _UNSET) if isinstance(values, Mapping) else _UNSET
        out.append(_field(key, prop, defs, path, key in required, given, extra_rows))
    return out


def _field(key: str, prop: Mapping[str, Any], defs: Mapping[str, Any], path: str, required: bool,
           given: Any, extra_rows: frozenset[str]) -> FormField:
    widget, node, nullable = classify(prop, defs)
    default = node.get("default", _UNSET)
    value = given if given is not _UNSET else default
    deprecation = node.get(DEPRECATION_KEY) or ("deprecated" if node.get("deprecated") else None)
    if deprecation and node.get(REMOVAL_KEY):
        deprecation = f"{deprecation} (removed in {node[REMOVAL_KEY]})"
    base = FormField(path=path, label=key, widget=widget, required=required,
                     nullable=nullable, help=str(node.get("description") or "").strip(),
                     deprecated=str(deprecation) if deprecation else None,
                     pattern=node.get("pattern") if widget == "text" else None)
    if widget in ("select", "multiselect"):
        options = _choices(node) if widget == "select" else _choices(
            _strip_null(_resolve(node.get("items") or {}, defs), defs)[0])
        choices = tuple((_option(v), str(v)) for v in options or ())
        if widget == "select":
            shown = "" if value is _UNSET or value is None else _option(value)
            return replace(base, choices=choices, value=shown)
        picked = [_option(v) for v in value] if isinstance(value, list) else []
        return replace(base, choices=choices, value=picked)
    if widget == "checkbox":
        return replace(base, value=bool(value) if value is not _UNSET else False)
    if widget == "tristate":
        shown = "" if value is _UNSET or value is None else ("true" if value is True else
                                                              "false" if value is False
                                                              else str(value))
        return replace(base, value=shown, choices=(("true", "yes"), ("false", "no")))
    if widget == "password":
        return replace(base, value="", attrs=_string_attrs(node))  # never echoed back
    if widget in ("text", "duration"):
        attrs = _string_attrs(node)
        if widget == "duration":
            attrs = (*attrs, ("placeholder", "e.g. 30d, 12h, 1h30m"))
        return replace(base, value=_text(value), attrs=attrs)
    if widget == "number":
        return replace(base, value=_text(value), attrs=_number_attrs(node))
    if widget in ("lines", "json") and _holds_secret(node, defs):
        # a list or mapping of secrets (list[Secret], dict[str, Secret]): never echoed back
        value = _UNSET
    if widget == "lines":
        items = _strip_null(_resolve(node.get("items") or {}, defs), defs)[0]
        shown = "\n".join(_text(v) for v in value) if isinstance(value, list) else _text(value)
        return replace(base, value=shown, item_type=str(items.get("type") or "string"),
                       attrs=_array_attrs(node))
    if widget == "fieldset":
        sub = value if isinstance(value, Mapping) else None
        children = _object_fields(node, defs, path + ".", sub, extra_rows)
        return replace(base, children=tuple(children),
                       enabled=not nullable or isinstance(value, Mapping))
    if widget == "rows":
        items = _strip_null(_resolve(node.get("items") or {}, defs), defs)[0]
        listed = list(value) if isinstance(value, list) else []
        if path in extra_rows and len(listed) < MAX_ROWS:
            listed.append(None)
        rows = tuple(tuple(_object_fields(items, defs, f"{path}.{i}.",
                                          item if isinstance(item, Mapping) else None,
                                          extra_rows))
                     for i, item in enumerate(listed))
        return replace(base, rows=rows, attrs=_array_attrs(node))
    if value is _UNSET or value is None:
        return replace(base, value="")
    # a string is what was typed (text that is not JSON is passed on as it is)
    return replace(base, value=value if isinstance(value, str) else json.dumps(value))


def _holds_secret(node: Any, defs: Mapping[str, Any], depth: int = 0) -> bool:
    """Whether a value of ``node`` may hold a secret (a ``SecretStr`` schema, a string of
    format ``password`` or ``writeOnly``) anywhere: items, mapping values, union members."""
    if not isinstance(node, Mapping) or depth > 32:
        return False
    node = _resolve(node, defs)
    if node.get("type") == "string" and (node.get("format") == "password"
                                         or node.get("writeOnly")):
        return True
    inner: list[Any] = [node.get("items"), node.get("additionalProperties"),
                        *(node.get("prefixItems") or ()), *(node.get("anyOf") or ()),
                        *(node.get("oneOf") or ()), *(node.get("allOf") or ()),
                        *(node.get("properties") or {}).values()]
    return any(_holds_secret(sub, defs, depth + 1) for sub in inner)


def _option(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _text(value: Any) -> str:
    if value is _UNSET or value is None:
        return ""
    if isinstance(value, Mapping) and "$secret" in value:
        return ""  # a stored request's secret digest: never shown
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(value)
    return str(value)


def _string_attrs(node: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    attrs = []
    if isinstance(node.get("minLength"), int):
        attrs.append(("minlength", str(node["minLength"])))
    if isinstance(node.get("maxLength"), int):
        attrs.append(("maxlength", str(node["maxLength"])))
    return tuple(attrs)


def _number_attrs(node: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    attrs = [("step", "1" if node.get("type") == "integer" else "any")]
    for key, attr in (("minimum", "min"), ("maximum", "max")):
        if isinstance(node.get(key), int | float):
            attrs.append((attr, _number_text(node[key])))
    # exclusive bounds have no HTML attribute: the contract's own check reports them
    return tuple(attrs)


def _array_attrs(node: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    attrs = []
    for key in ("minItems", "maxItems"):
        if isinstance(node.get(key), int):
            attrs.append((key.lower(), str(node[key])))
    return tuple(attrs)


def _number_text(value: float) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def constraints(item: FormField) -> str:
    """A short human text of a field's constraints, for its help line."""
    parts = []
    attrs = dict(item.attrs)
    if "min" in attrs and "max" in attrs:
        parts.append(f"{attrs['min']}..{attrs['max']}")
    elif "min" in attrs:
        parts.append(f">= {attrs['min']}")
    elif "max" in attrs:
        parts.append(f"<= {attrs['max']}")
    if "minlength" in attrs or "maxlength" in attrs:
        parts.append(f"length {attrs.get('minlength', '0')}..{attrs.get('maxlength', '')}")
    if "minitems" in attrs or "maxitems" in attrs:
        parts.append(f"items {attrs.get('minitems', '0')}..{attrs.get('maxitems', '')}")
    if item.pattern:
        parts.append(f"pattern {item.pattern}")
    return ", ".join(parts)


# -- errors --------------------------------------------------------------------------------------

def attach_errors(fields: list[FormField], errors: Sequence[Mapping[str, str]],
                  ) -> tuple[list[FormField], list[str]]:
    """Each error (``{"field": "request.items.0.name", "message": ...}``) on the field whose
    path is its longest prefix; the messages that fit no field are returned apart."""
    paths = set(_all_paths(fields))
    placed: dict[str, list[str]] = {}
    loose: list[str] = []
    for error in errors:
        where = str(error.get("field") or "").removeprefix("request.").removeprefix("request")
        message = str(error.get("message") or "invalid")
        parts = where.split(".") if where else []
        for end in range(len(parts), 0, -1):
            candidate = ".".join(parts[:end])
            if candidate in paths:
                suffix = ".".join(parts[end:])
                placed.setdefault(candidate, []).append(
                    f"{suffix}: {message}" if suffix else message)
                break
        else:
            loose.append(f"{where}: {message}" if where else message)
    return [_with_errors(f, placed) for f in fields], loose


def _all_paths(fields: Iterable[FormField]) -> Iterable[str]:
    for item in fields:
        yield item.path
        yield from _all_paths(item.children)
        for row in item.rows:
            yield from _all_paths(row)


def _with_errors(item: FormField, placed: Mapping[str, list[str]]) -> FormField:
    found = placed.get(item.path)
    return replace(item, error="; ".join(found) if found else None,
                   children=tuple(_with_errors(c, placed) for c in item.children),
                   rows=tuple(tuple(_with_errors(c, placed) for c in row) for row in item.rows))


# -- submitted form -> request document ----------------------------------------------------------

def parse_form(schema: Mapping[str, Any], pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """The request document a submitted form stands for. Empty optional fields are left out
    (the contract's default applies); a value that does not parse as its type is passed on as
    typed text, so the contract's validation names it."""
    submitted: dict[str, list[str]] = {}
    for name, value in pairs:
        if name.startswith(PREFIX):
            submitted.setdefault(name.removeprefix(PREFIX), []).append(value)
    return _read_object(schema, schema.get("$defs") or {}, "", submitted)


def _read_object(node: Mapping[str, Any], defs: Mapping[str, Any], prefix: str,
                 submitted: Mapping[str, list[str]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, prop in (node.get("properties") or {}).items():
        value = _read(prop, defs, f"{prefix}{key}", submitted)
        if value is not _UNSET:
            out[key] = value
    return out


def _read(prop: Mapping[str, Any], defs: Mapping[str, Any], path: str,
          submitted: Mapping[str, list[str]]) -> Any:
    widget, node, nullable = classify(prop, defs)
    values = submitted.get(path, [])
    first = values[0] if values else None
    if widget == "checkbox":
        return bool(values) and first not in ("", "false", "off")
    if widget == "tristate":
        if first == "" and node.get("default", _UNSET) is not None:
            return None  # "(none)" picked where the default is yes or no, or there is none
        return {"true": True, "false": False}.get(first or "", _UNSET)
    if widget == "select":
        if not first:
            # "(none)" picked: null, unless null is the default anyway
            return None if nullable and first == "" \
                and node.get("default", _UNSET) is not None else _UNSET
        return _json_or_text(first)
    if widget == "multiselect":
        picked = [_json_or_text(v) for v in values if v]
        return picked if picked or not nullable else _UNSET
    if widget in ("text", "duration", "password"):
        if not first:
            # cleared: null where null differs from the default, else the default applies
            return None if nullable and first == "" and node.get("default") is not None \
                else _UNSET
        return first
    if widget == "number":
        if first is None or first.strip() == "":
            # left empty: null where the field may be null and it is not the default already
            return None if nullable and node.get("default", _UNSET) is not None \
                and first == "" else _UNSET
        return _number(first.strip(), node.get("type") == "integer")
    if widget == "lines":
        if first is None:
            return _UNSET
        items_node = _strip_null(_resolve(node.get("items") or {}, defs), defs)[0]
        kind = items_node.get("type")
        lines = [line.strip() for line in first.splitlines() if line.strip()]
        if not lines and nullable:
            return None
        if not lines and "default" not in node:
            return _UNSET  # left empty, its default unknown here: the contract's default applies
        if kind in ("integer", "number"):
            return [_number(line, kind == "integer") for line in lines]
        return lines
    if widget == "fieldset":
        if nullable and not submitted.get(f"{path}.{SET_MARK}"):
            # not set: null, unless null is the default anyway
            return _UNSET if node.get("default", _UNSET) is None else None
        return _read_object(node, defs, path + ".", submitted)
    if widget == "rows":
        items = _strip_null(_resolve(node.get("items") or {}, defs), defs)[0]
        # a row's number as the form writes it: an index of thousands of digits is no row
        # (Python refuses to read such a number)
        indexes = sorted({int(k.split(".")[-2]) for k in submitted
                          if k.startswith(path + ".") and k.endswith("." + ROW_MARK)
                          and k.split(".")[-2].isascii() and k.split(".")[-2].isdigit()
                          and len(k.split(".")[-2]) <= 9
                          and k.count(".") == path.count(".") + 2})
        rows = [_read_object(items, defs, f"{path}.{i}.", submitted) for i in indexes[:MAX_ROWS]
                if not submitted.get(f"{path}.{i}.{REMOVE_MARK}")]
        if not indexes and f"{path}.{LIST_MARK}" not in submitted:
            return _UNSET
        return rows
    # json
    if first is None or first.strip() == "":
        return _UNSET
    return _json_or_text(first)


def _json_or_text(text: str) -> Any:
    """JSON read as strictly as a request document (nesting too deep for Python, a number of
    thousands of digits, a key twice, NaN: the text as typed, for the contract to name)."""
    from opsctl.contract.canonical import parse_json

    try:
        return parse_json(text)
    except ValueError:
        return text


def _number(text: str, integer: bool) -> Any:
    try:
        value = int(text) if integer else float(text)
    except ValueError:
        if integer:
            try:
                as_float = float(text)
            except ValueError:
                return text
            return int(as_float) if as_float.is_integer() else text
        return text
    if isinstance(value, float) and (math.isinf(value) or math.isnan(value)):
        return text
    if not integer and isinstance(value, float) and value.is_integer() and "." not in text \
            and "e" not in text.lower():
        return int(value)
    return value


def added_rows(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """The list-of-object fields whose "add item" button was pressed (``_add=PATH``)."""
    return [value for name, value in pairs if name == "_add" and value]


__all__ = ["FormField", "added_rows", "attach_errors", "classify", "constraints",
           "form_fields", "parse_form"]
