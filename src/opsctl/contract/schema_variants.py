"""A JSON Schema read as alternatives: ``$ref`` resolved, anyOf/oneOf/type lists as variants.

Pydantic writes ``int | None`` as ``anyOf: [{type: integer}, {type: null}]``, a nested model as a
``$ref`` into ``$defs``, and a JSON Schema may also say ``type: [string, null]``. Comparing two
schemas needs them in one shape: a list of :class:`Variant` (one per accepted JSON type), with
references resolved, and the variants of an old and a new schema matched up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

Schema = Mapping[str, Any]

__all__ = ["Schema", "SchemaRoot", "Variant", "base_type", "describe_types", "enum_values",
           "json_type", "pair_variants", "type_signature"]


def json_type(value: object) -> str:
    """The JSON Schema type name of a JSON value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def enum_values(schema: Schema) -> list[object] | None:
    """The values a schema is limited to (``enum``, or ``const`` as one value), else None."""
    if "const" in schema:
        return [schema["const"]]
    values = schema.get("enum")
    return list(values) if isinstance(values, list) else None


def base_type(schema: Schema) -> str:
    """The JSON type of a single-typed schema, inferred when not written; ``any`` if open."""
    kind = schema.get("type")
    if isinstance(kind, str):
        return kind
    values = enum_values(schema)
    if values:
        kinds = {json_type(v) for v in values}
        if kinds == {"integer", "number"}:
            return "number"
        return kinds.pop() if len(kinds) == 1 else "any"
    if "properties" in schema or "additionalProperties" in schema:
        return "object"
    if "items" in schema or "prefixItems" in schema:
        return "array"
    return "any"


@dataclass(frozen=True)
class Variant:
    """One alternative of a schema: a branch of anyOf/oneOf, or one entry of a type list."""

    kind: str
    schema: Schema
    ref: str | None  # the $ref it was resolved from: the recursion guard's key
    branch: bool


class SchemaRoot:
    """Resolves ``$ref`` within one root schema."""

    def __init__(self, root: Schema) -> None:
        self.root = root

    def resolve(self, schema: Schema) -> tuple[Schema, str | None]:
        if not isinstance(schema, Mapping):
            # a boolean schema (``true``: anything, ``false``: nothing), or a lock edited by
            # hand into something that is not a schema: compared as what it accepts
            return ({} if schema is True else {"not": {}}), None
        ref_seen: str | None = None
        for _ in range(32):  # a chain of plain aliases; longer means a cycle of aliases
            ref = schema.get("$ref")
            one = schema.get("allOf")
            if not isinstance(ref, str) and isinstance(one, list) and len(one) == 1 \
                    and isinstance(one[0], Mapping):
                # {"allOf": [X], ...} is X with those keywords beside it: how draft-7-era
                # generators (pydantic before 2.9 among them) annotate a $ref.
                siblings = {k: v for k, v in schema.items() if k != "allOf"}
                schema = {**one[0], **siblings}
                continue
            if not isinstance(ref, str):
                break
            target = self._lookup(ref)
            if target is None:
                break
            ref_seen = ref
            siblings = {k: v for k, v in schema.items() if k != "$ref"}
            schema = {**target, **siblings} if siblings else target
        return schema, ref_seen

    def _lookup(self, ref: str) -> Schema | None:
        if ref == "#":
            return self.root
        if not ref.startswith("#/"):
            return None  # remote references are compared as written
        node: Any = self.root
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, Mapping) or part not in node:
                return None
            node = node[part]
        return node if isinstance(node, Mapping) else None

    def variants(self, schema: Schema, ref: str | None) -> list[Variant]:
        branches = schema.get("anyOf", schema.get("oneOf"))
        if isinstance(branches, list) and branches:
            found: list[Variant] = []
            for branch in branches:
                if not isinstance(branch, Mapping):
                    continue
                resolved, branch_ref = self.resolve(branch)
                for v in self.variants(resolved, branch_ref):
                    found.append(Variant(v.kind, v.schema, v.ref, True))
            return found
        kinds = schema.get("type")
        if isinstance(kinds, list):
            return [Variant(str(k), {**schema, "type": k}, ref, False) for k in kinds]
        return [Variant(base_type(schema), schema, ref, False)]


def type_signature(schema: Schema, root: Schema | None = None) -> str:
    """The types a schema accepts, e.g. ``integer|null`` (``$ref`` resolved within ``root``)."""
    side = SchemaRoot(root if root is not None else schema)
    resolved, ref = side.resolve(schema)
    return "|".join(sorted({v.kind for v in side.variants(resolved, ref)}))


def pair_variants(old: list[Variant], new: list[Variant]
                   ) -> tuple[list[tuple[Variant, Variant]], list[Variant], list[Variant]]:
    """Match alternatives by type (then by title, then by position); the rest are unmatched."""
    pairs: list[tuple[Variant, Variant]] = []
    left_old, left_new = list(old), list(new)
    for kind in dict.fromkeys(v.kind for v in old):
        olds = [v for v in left_old if v.kind == kind]
        news = [v for v in left_new if v.kind == kind]
        if len(olds) > 1 or len(news) > 1:
            by_title = {n.schema.get("title"): n for n in news if n.schema.get("title")}
            for o in list(olds):
                n = by_title.get(o.schema.get("title"))
                if n is not None and n in news:
                    pairs.append((o, n))
                    olds.remove(o)
                    news.remove(n)
        for o, n in zip(olds, news, strict=False):
            pairs.append((o, n))
    for o, n in pairs:
        left_old.remove(o)
        left_new.remove(n)
    for old_kind, new_kind in (("integer", "number"), ("number", "integer")):
        o_left = next((v for v in left_old if v.kind == old_kind), None)
        n_left = next((v for v in left_new if v.kind == new_kind), None)
        if o_left is not None and n_left is not None:
            pairs.append((o_left, n_left))
            left_old.remove(o_left)
            left_new.remove(n_left)
    return pairs, left_old, left_new


def describe_types(variants: list[Variant]) -> str:
    """``integer|null``: the types of some variants, for messages; an object that is a model
    (a ``$ref``) by its definition's name, so a model left out of a union is named
    (``Disk|S3|null`` to ``S3|null``, not ``null|object`` to ``null|object``)."""
    return "|".join(sorted({v.ref.rsplit("/", 1)[-1] if v.kind == "object" and v.ref else v.kind
                            for v in variants})) or "nothing"
