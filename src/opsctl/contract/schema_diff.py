"""Differences between two JSON Schemas, judged by the direction the data flows.

A request schema describes *input*: a caller's document must be accepted. A result schema
describes *output*: a consumer must understand every document it may be given. So the same edit
is judged in opposite ways:

    edit to the schema                      request (input)   result (output)
    ------------------------------------    ---------------   ---------------
    stricter (accepts fewer documents)      breaking          compatible
      type narrowed, enum value removed,
      constraint tightened, field required
    looser (accepts more documents)         compatible        breaking
      type widened, became nullable, enum
      value added, constraint loosened,
      field optional
    field removed                           breaking          breaking
    field added                             breaking if       compatible
                                            required, else
                                            compatible
    type or constraint changed both ways    breaking          breaking
      (string -> integer, pattern edited)
    default changed                         breaking          info
    title, description, examples,           info              info
      deprecation markers

Every enum of the result document is treated as *closed*: consumers branch on ``status``,
``mode``, ``kind``, ``error.type``, ``exit_code``... and nothing in it is free text, so a value
added to any of them is a value some consumer's ``switch`` does not handle (breaking).

A changed default breaks callers of a request: an unchanged invocation that omits the field
silently does something else (``older_than`` going from 30d to 7d deletes more), which in
operations is worse than an error. An intended change is acknowledged in the lock with a reason.

``$ref`` is resolved on both sides (within ``$defs``), so a change is reported at the place in
the document where it matters (``request/properties/target/properties/port``), whatever the
definitions are called; recursive definitions are walked once per pair of definitions.
Keywords the walk does not understand are reported as ``schema_changed`` (breaking): a checker
that cannot prove a change safe must not call it safe.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from opsctl.contract.schema_variants import (
    Schema,
    SchemaRoot,
    Variant,
    describe_types,
    enum_values,
    pair_variants,
    type_signature,
)

Severity = Literal["breaking", "compatible", "info", "error"]
Direction = Literal["input", "output"]

__all__ = ["Change", "Direction", "Severity", "diff_schemas", "pointer"]


@dataclass(frozen=True)
class Change:
    """One difference between a locked contract and the code, with its judgement.

    ``rule`` is a stable id (``request.field_removed``) and ``path`` a JSON-pointer-like location
    (``request/properties/retries``); together they are what a lock acknowledgement names.
    """

    rule: str
    path: str
    severity: Severity
    message: str
    old: object = None
    new: object = None

    def to_dict(self) -> dict[str, object]:
        return {"rule": self.rule, "path": self.path, "severity": self.severity,
                "message": self.message, "old": self.old, "new": self.new}


def pointer(base: str, *segments: str) -> str:
    """``base`` (already a path) extended by ``segments``, each escaped as RFC 6901 does."""
    return "/".join([base, *(s.replace("~", "~0").replace("/", "~1") for s in segments)])


_ANNOTATIONS = frozenset({"title", "description", "examples", "$comment", "readOnly", "writeOnly",
                          "discriminator", "$schema", "$id"})
_DEPRECATION = frozenset({"deprecated", "x-opsctl-deprecation", "x-opsctl-removal"})
_STRUCTURE = frozenset({"type", "anyOf", "oneOf", "$ref", "$defs", "definitions", "properties",
                        "required", "additionalProperties", "items", "prefixItems", "enum", "const",
                        "default", "pattern", "format", "uniqueItems", "multipleOf", "minimum",
                        "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength",
                        "maxLength", "minItems", "maxItems", "minProperties", "maxProperties",
                        "propertyNames"})
_LOWER_COUNTS = ("minLength", "minItems", "minProperties")  # raising one is stricter
_UPPER_COUNTS = ("maxLength", "maxItems", "maxProperties")  # lowering one is stricter


def _canonical(value: object) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def _lower_bound(schema: Schema) -> tuple[float, bool, str] | None:
    """(value, exclusive, keyword) of the tightest lower bound."""
    found = [(float(schema[k]), k == "exclusiveMinimum", k)
             for k in ("minimum", "exclusiveMinimum") if isinstance(schema.get(k), int | float)]
    return max(found, key=lambda b: (b[0], b[1])) if found else None


def _upper_bound(schema: Schema) -> tuple[float, bool, str] | None:
    found = [(float(schema[k]), k == "exclusiveMaximum", k)
             for k in ("maximum", "exclusiveMaximum") if isinstance(schema.get(k), int | float)]
    return min(found, key=lambda b: (b[0], not b[1])) if found else None


def _is_multiple(value: object, of: object) -> bool:
    ratio = Fraction(str(value)) / Fraction(str(of))
    return ratio.denominator == 1


class _Walk:
    def __init__(self, old_root: Schema, new_root: Schema, direction: Direction, prefix: str) -> None:
        self.old = SchemaRoot(old_root)
        self.new = SchemaRoot(new_root)
        self.direction = direction
        self.prefix = prefix
        self.changes: list[Change] = []
        self._active: set[tuple[str | None, str | None]] = set()

    # -- recording, by what the edit does to the set of accepted documents ----------------------
    def _add(self, rule: str, path: str, severity: Severity, message: str,
             old: object = None, new: object = None) -> None:
        self.changes.append(Change(f"{self.prefix}.{rule}", path, severity, message, old, new))

    def stricter(self, rule: str, path: str, message: str, old: object, new: object) -> None:
        self._add(rule, path, "breaking" if self.direction == "input" else "compatible",
                  message, old, new)

    def looser(self, rule: str, path: str, message: str, old: object, new: object) -> None:
        self._add(rule, path, "compatible" if self.direction == "input" else "breaking",
                  message, old, new)

    def constraint(self, path: str, stricter: bool | None, message: str, old: object,
                   new: object) -> None:
        """A validation keyword changed: tightened, loosened, or (None) neither provably."""
        if stricter is None:
            self._add("constraint_changed", path, "breaking", message, old, new)
        elif stricter:
            self.stricter("constraint_tightened", path, message, old, new)
        else:
            self.looser("constraint_loosened", path, message, old, new)

    # -- one node ------------------------------------------------------------------------------
    def node(self, old_schema: object, new_schema: object, path: str) -> None:
        if not isinstance(old_schema, Mapping) or not isinstance(new_schema, Mapping):
            self._boolean_schema(old_schema, new_schema, path)
            return
        old, old_ref = self.old.resolve(old_schema)
        new, new_ref = self.new.resolve(new_schema)
        self._annotations(old, new, path)
        self._default(old, new, path)
        old_variants = self.old.variants(old, old_ref)
        new_variants = self.new.variants(new, new_ref)
        pairs, lost, gained = pair_variants(old_variants, new_variants)
        self._types(old_variants, new_variants, pairs, lost, gained, path)
        for o, n in pairs:
            key = (o.ref, n.ref)
            if key != (None, None) and key in self._active:
                continue  # a recursive definition: this pair is being compared further up
            self._active.add(key)
            try:
                if o.branch and n.branch:
                    self._annotations(o.schema, n.schema, path)
                self._keywords(o.schema, n.schema, path)
            finally:
                self._active.discard(key)

    def _boolean_schema(self, old: object, new: object, path: str) -> None:
        """``true``/``false``/missing as a schema: missing and true accept anything."""
        def accepts_all(s: object) -> bool:
            return s is None or s is True or (isinstance(s, Mapping) and not s)

        if (accepts_all(old) and accepts_all(new)) or (old == new and not (
                # the same {"$ref": ...} text may name definitions that differ (list[Target],
                # Target's enum narrowed): a request's are compared. A result's are not yet:
                # opsctl's own result format grew a value in earlier locks' definitions
                isinstance(old, Mapping) and self.direction == "input")):
            return
        undeclared = path.endswith("/additionalProperties")
        if accepts_all(old) or new is False:
            self.constraint(path, True, f"{_owner(path)}: fields it does not declare are now "
                            "refused" if undeclared else f"{_field_name(path)} is now restricted",
                            old, new)
        elif accepts_all(new) or old is False:
            self.constraint(path, False, f"{_owner(path)}: fields it does not declare are now "
                            "accepted" if undeclared
                            else f"{_field_name(path)} is no longer restricted", old, new)
        else:
            self.node(old if isinstance(old, Mapping) else {}, new if isinstance(new, Mapping)
                      else {}, path)

    def _annotations(self, old: Schema, new: Schema, path: str) -> None:
        for key in sorted(set(old) | set(new)):
            is_doc = key in _ANNOTATIONS or (key.startswith("x-") and key not in _DEPRECATION)
            if not (is_doc or key in _DEPRECATION):
                continue
            before, after = old.get(key), new.get(key)
            if _canonical(before) == _canonical(after):
                continue
            if key in _DEPRECATION:
                what = "deprecated" if key == "deprecated" and after else f"{key} changed"
                self._add("deprecation_changed", pointer(path, key), "info",
                          f"{_field_name(path)} {what}", before, after)
            else:
                self._add("docs_changed", pointer(path, key), "info",
                          f"{key} of {_field_name(path)} changed", before, after)

    def _default(self, old: Schema, new: Schema, path: str) -> None:
        if "default" not in old or "default" not in new:
            return  # appearing/vanishing defaults come with field_optional / field_required
        if _canonical(old["default"]) == _canonical(new["default"]):
            return
        if _same_durations(old, new):
            return  # one duration written two ways (a lock holding pydantic's P30D, say)
        message = (f"default of {_field_name(path)} changed from {_canonical(old['default'])} "
                   f"to {_canonical(new['default'])}")
        if self.direction == "input":
            self._add("default_changed", pointer(path, "default"), "breaking",
                      message + ": callers that omit it get a different behaviour",
                      old["default"], new["default"])
        else:
            self._add("default_changed", pointer(path, "default"), "info", message,
                      old["default"], new["default"])

    def _types(self, old_variants: list[Variant], new_variants: list[Variant],
               pairs: list[tuple[Variant, Variant]], lost: list[Variant],
               gained: list[Variant], path: str) -> None:
        old_kinds = {v.kind for v in old_variants}
        new_kinds = {v.kind for v in new_variants}
        lost = [v for v in lost if "any" not in new_kinds]
        gained = [v for v in gained if "any" not in old_kinds]
        narrowed = bool(lost) or any((o.kind, n.kind) == ("number", "integer")
                                     or (o.kind == "any" and n.kind != "any") for o, n in pairs)
        widened = bool(gained) or any((o.kind, n.kind) == ("integer", "number")
                                      or (n.kind == "any" and o.kind != "any") for o, n in pairs)
        if not (narrowed or widened):
            return
        before, after = describe_types(old_variants), describe_types(new_variants)
        name = _field_name(path)
        if narrowed and widened:
            self._add("type_changed", pointer(path, "type"), "breaking",
                      f"type of {name} changed from {before} to {after}", before, after)
        elif widened and {v.kind for v in gained} == {"null"} and not any(
                o.kind != n.kind for o, n in pairs):
            self.looser("became_nullable", pointer(path, "type"), f"{name} can now be null",
                        before, after)
        elif widened:
            self.looser("type_widened", pointer(path, "type"),
                        f"type of {name} widened from {before} to {after}", before, after)
        else:
            self.stricter("type_narrowed", pointer(path, "type"),
                          f"type of {name} narrowed from {before} to {after}", before, after)

    # -- keywords of one matched pair of alternatives ------------------------------------------
    def _keywords(self, old: Schema, new: Schema, path: str) -> None:
        self._enum(old, new, path)
        self._bounds(old, new, path)
        self._counts(old, new, path)
        self._multiple_of(old, new, path)
        for key in ("pattern", "format"):
            self._exact_constraint(key, old, new, path)
        unique = bool(new.get("uniqueItems"))
        if bool(old.get("uniqueItems")) != unique:
            self.constraint(pointer(path, "uniqueItems"), unique, f"{_field_name(path)}: unique "
                            f"items {'now' if unique else 'no longer'} required", not unique, unique)
        self._properties(old, new, path)
        self._open_object(old, new, path)
        if "propertyNames" in old or "propertyNames" in new:
            self._boolean_schema(old.get("propertyNames"), new.get("propertyNames"),
                                 pointer(path, "propertyNames"))
        self._items(old, new, path)
        for key in sorted((set(old) | set(new)) - _STRUCTURE - _ANNOTATIONS - _DEPRECATION):
            if key.startswith("x-") or _canonical(old.get(key)) == _canonical(new.get(key)):
                continue
            self._add("schema_changed", pointer(path, key), "breaking",
                      f"keyword {key!r} of {_field_name(path)} changed (not understood by the "
                      "checker: review it)", old.get(key), new.get(key))

    def _enum(self, old: Schema, new: Schema, path: str) -> None:
        before, after = enum_values(old), enum_values(new)
        where = pointer(path, "enum")
        name = _field_name(path)
        if before is None and after is None:
            return
        if before is None:
            self.constraint(where, True, f"{name} is now limited to {_values_text(after or [])}",
                            None, after)
            return
        if after is None:
            self.constraint(where, False, f"{name} is no longer limited to a list of values",
                            before, None)
            return
        after_keys = {_canonical(v) for v in after}
        before_keys = {_canonical(v) for v in before}
        removed = [v for v in before if _canonical(v) not in after_keys]
        added = [v for v in after if _canonical(v) not in before_keys]
        if removed:
            self.stricter("enum_value_removed", where, f"{name}: value(s) "
                          f"{_values_text(removed)} removed", removed, None)
        if added:
            self.looser("enum_value_added", where, f"{name}: value(s) {_values_text(added)} added",
                        None, added)

    def _bounds(self, old: Schema, new: Schema, path: str) -> None:
        name = _field_name(path)
        for side, bound in (("lower", _lower_bound), ("upper", _upper_bound)):
            before, after = bound(old), bound(new)
            if before is None and after is None:
                continue
            if before is not None and after is not None and before[:2] == after[:2]:
                continue
            if before is None or after is None:
                stricter = after is not None
            elif before[0] == after[0]:
                stricter = after[1]  # same value, now exclusive
            else:
                stricter = after[0] > before[0] if side == "lower" else after[0] < before[0]
            keyword = (after or before or (0.0, False, ""))[2]
            text = f"{name}: {side} bound {_bound_text(before, side)} -> {_bound_text(after, side)}"
            self.constraint(pointer(path, keyword), stricter, text,
                            None if before is None else before[0],
                            None if after is None else after[0])

    def _counts(self, old: Schema, new: Schema, path: str) -> None:
        name = _field_name(path)
        for keyword in (*_LOWER_COUNTS, *_UPPER_COUNTS):
            before, after = old.get(keyword), new.get(keyword)
            if before == after:
                continue
            if keyword in _LOWER_COUNTS:
                stricter = (after or 0) > (before or 0)
            else:
                stricter = after is not None and (before is None or after < before)
            self.constraint(pointer(path, keyword), stricter,
                            f"{name}: {keyword} {_or_none(before)} -> {_or_none(after)}",
                            before, after)

    def _multiple_of(self, old: Schema, new: Schema, path: str) -> None:
        before, after = old.get("multipleOf"), new.get("multipleOf")
        if before == after:
            return
        stricter: bool | None = None  # neither a multiple of the other
        if before is None or (after is not None and _is_multiple(after, before)):
            stricter = True
        elif after is None or _is_multiple(before, after):
            stricter = False
        self.constraint(pointer(path, "multipleOf"), stricter, f"{_field_name(path)}: "
                        f"multipleOf {_or_none(before)} -> {_or_none(after)}", before, after)

    def _exact_constraint(self, key: str, old: Schema, new: Schema, path: str) -> None:
        before, after = old.get(key), new.get(key)
        if before == after:
            return
        # An edited pattern or format cannot be shown to accept more or fewer values.
        stricter = True if before is None else False if after is None else None
        self.constraint(pointer(path, key), stricter, f"{_field_name(path)}: {key} "
                        f"{_or_none(before)} -> {_or_none(after)}", before, after)

    def _properties(self, old: Schema, new: Schema, path: str) -> None:
        old_props = old.get("properties") or {}
        new_props = new.get("properties") or {}
        if not isinstance(old_props, Mapping) or not isinstance(new_props, Mapping):
            return
        old_required = set(old.get("required") or ())
        new_required = set(new.get("required") or ())
        added = [k for k in new_props if k not in old_props]
        for name in (k for k in old_props if k not in new_props):
            where = pointer(path, "properties", name)
            signature = type_signature(old_props[name], self.old.root)
            renamed = [a for a in added
                       if type_signature(new_props[a], self.new.root) == signature]
            message = f"field {name!r} removed"
            if renamed:
                message += " or renamed (to " + " or ".join(repr(a) for a in renamed) + "?)"
            self._add("field_removed", where, "breaking", message, old_props[name], None)
        for name in added:
            where = pointer(path, "properties", name)
            if self.direction == "input" and name in new_required:
                self._add("field_added_required", where, "breaking",
                          f"required field {name!r} added without a default", None,
                          new_props[name])
            else:
                self._add("field_added", where, "compatible",
                          f"{'optional ' if self.direction == 'input' else ''}field {name!r} "
                          "added", None, new_props[name])
        for name in (k for k in old_props if k in new_props):
            where = pointer(path, "properties", name)
            was, now = name in old_required, name in new_required
            if now and not was:
                self.stricter("field_required", where, f"field {name!r} is now required",
                              False, True)
            elif was and not now:
                self.looser("field_optional", where, f"field {name!r} is now optional",
                            True, False)
            self.node(old_props[name], new_props[name], where)

    def _open_object(self, old: Schema, new: Schema, path: str) -> None:
        before, after = old.get("additionalProperties"), new.get("additionalProperties")
        if before is None and after is None:
            return
        self._boolean_schema(before, after, pointer(path, "additionalProperties"))

    def _items(self, old: Schema, new: Schema, path: str) -> None:
        if "items" in old or "items" in new:
            self._boolean_schema(old.get("items"), new.get("items"), pointer(path, "items"))
        old_prefix = old.get("prefixItems") or []
        new_prefix = new.get("prefixItems") or []
        for index, (o, n) in enumerate(zip(old_prefix, new_prefix, strict=False)):
            self.node(o, n, pointer(path, "prefixItems", str(index)))


def _same_durations(old: Schema, new: Schema) -> bool:
    """Both defaults are the same duration(s) of a Duration field (or list of them), written
    differently: ``P30D`` (pydantic's form, in locks written before opsctl wrote ``30d``),
    ``720h`` or seconds."""
    from opsctl.contract.types import canonical_duration, is_duration_schema

    def written(schema: Schema) -> object:
        default = schema["default"]
        if is_duration_schema(schema):
            return canonical_duration(default)
        if isinstance(default, list) and is_duration_schema(schema.get("items")):
            return [canonical_duration(item) for item in default]
        return None

    before = written(old)
    return before not in (None, []) and before == written(new) and (
        not isinstance(before, list) or None not in before)


def _field_name(path: str) -> str:
    """How a message names the place ``path`` points at: the field, or what is inside one."""
    parts = path.split("/")
    if len(parts) >= 2 and parts[-2] == "properties":
        return repr(parts[-1].replace("~1", "/").replace("~0", "~"))
    if len(parts) >= 2 and parts[-1] == "items":
        return f"the items of {_owner(path)}"
    return path


def _owner(path: str) -> str:
    """The field (or the whole document, at the top) that ``path``'s last keyword belongs to."""
    parent = path.rsplit("/", 1)[0]
    return f"the {parent}" if "/" not in parent else _field_name(parent)


def _or_none(value: object) -> str:
    return "none" if value is None else repr(value) if isinstance(value, str) else str(value)


def _values_text(values: list[object]) -> str:
    return ", ".join(_canonical(v) for v in values)


def _bound_text(bound: tuple[float, bool, str] | None, side: str) -> str:
    if bound is None:
        return "none"
    number = int(bound[0]) if bound[0].is_integer() else bound[0]
    sign = (">" if side == "lower" else "<") + ("" if bound[1] else "=")
    return f"{sign} {number}"


def diff_schemas(old: Schema, new: Schema, *, direction: Direction, prefix: str) -> list[Change]:
    """Every difference between two JSON Schemas, judged for ``direction`` (see module doc).

    Rules are named ``{prefix}.{rule}`` and paths start with ``prefix``.
    """
    walk = _Walk(old, new, direction, prefix)
    walk.node(old, new, prefix)
    return walk.changes
