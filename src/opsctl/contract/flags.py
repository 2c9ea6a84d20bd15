"""Command-line flags derived from a request model.

A flag spec is plain JSON (cached in the catalog manifest), so ``opsctl NAME --help`` can build
its parser without importing the automation or pydantic.
"""

from __future__ import annotations

import enum
import json
import types
import typing
from collections.abc import Iterable
from datetime import date, timedelta
from datetime import time as dt_time
from pathlib import Path
from typing import Any, Literal, NotRequired, TypedDict

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from opsctl.contract.durations import format_duration
from opsctl.contract.types import is_secret_type
from opsctl.errors import AutomationBugError

FlagType = Literal["str", "int", "float", "bool", "choice", "duration", "secret", "path", "json"]


class FlagSpec(TypedDict):
    field: str
    flag: str
    type: FlagType
    multiple: bool
    choices: list[str]
    required: bool
    default: str | None
    help: str
    envvar: str | None
    deprecated: str | None
    choice_json: NotRequired[bool]
    text_json: NotRequired[Literal["text", "decimal"]]
    """The choices are a ``Literal`` of numbers (or booleans): a chosen one is read as JSON."""


def _unwrap_optional(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _unwrap_optional(args[0])  # Duration | None: the Annotated timedelta inside
    if origin is typing.Annotated:
        return _unwrap_optional(typing.get_args(annotation)[0])
    return annotation


def _numeric_literal(annotation: Any) -> bool:
    """A ``Literal`` (or an ``Enum``) of numbers or booleans, alone or as the items of a list."""
    inner = _unwrap_optional(annotation)
    if typing.get_origin(inner) in (list, tuple, set, frozenset) and typing.get_args(inner):
        inner = _unwrap_optional(typing.get_args(inner)[0])
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return not all(isinstance(m.value, str) for m in inner)
    return typing.get_origin(inner) is Literal and not all(
        isinstance(v, str) for v in typing.get_args(inner))


def _text_json(annotation: Any) -> Literal["text", "decimal"] | None:
    """For a JSON flag of a type written as text (a datetime, date, time, UUID, an IP address,
    a URL: any whose JSON Schema is a string; or a Decimal): ``--when 2026-01-01T00:00:00`` is
    that text, as ``--when '"2026-01-01T00:00:00"'`` is; a Decimal keeps the digits it was
    given (a JSON number would round them)."""
    from decimal import Decimal  # (not at the top: only a JSON flag's spec needs them)
    from uuid import UUID

    inner = _unwrap_optional(annotation)
    if isinstance(inner, type) and issubclass(inner, Decimal):
        return "decimal"
    if isinstance(inner, type) and issubclass(inner, (date, dt_time, UUID)):
        return "text"
    from pydantic import TypeAdapter

    try:  # IPv4Address, HttpUrl, EmailStr...: `--endpoint https://x` was "expected JSON"
        schema = TypeAdapter(inner).json_schema()
    except Exception:  # no schema: the catalog refuses the field itself, naming it
        return None
    return "text" if schema.get("type") == "string" else None


def _classify(annotation: Any) -> tuple[FlagType, bool, list[str]]:
    """(flag type, multiple, choices) of one field annotation."""
    annotation = _unwrap_optional(annotation)
    if is_secret_type(annotation):
        return "secret", False, []
    origin = typing.get_origin(annotation)
    if origin in (list, tuple, set, frozenset):
        args = [a for a in typing.get_args(annotation) if a is not Ellipsis]
        if len(args) == 1:
            inner, nested, choices = _classify(args[0])
            if not nested and inner not in ("json", "bool"):
                return inner, True, choices
        return "json", False, []
    if origin is Literal:
        return "choice", False, [v if isinstance(v, str) else json.dumps(v)
                                 for v in typing.get_args(annotation)]
    if isinstance(annotation, type):
        if issubclass(annotation, bool):
            return "bool", False, []
        if issubclass(annotation, enum.Enum):
            return "choice", False, [str(m.value) for m in annotation]
        if issubclass(annotation, int):
            return "int", False, []
        if issubclass(annotation, float):
            return "float", False, []
        if issubclass(annotation, timedelta):
            return "duration", False, []
        if issubclass(annotation, Path):
            return "path", False, []
        if issubclass(annotation, str):
            return "str", False, []
    return "json", False, []


def _default_text(value: Any, as_json: bool = False) -> str | None:
    """The default as its flag takes it: JSON for a flag that takes JSON (``[1, 2]``, not
    ``1, 2``), else text (a repeatable flag's items joined by ``, ``)."""
    if value is PydanticUndefined or value is None:
        return None
    if as_json:
        from pydantic_core import to_jsonable_python

        return json.dumps(to_jsonable_python(value), sort_keys=True)
    if isinstance(value, timedelta):
        return format_duration(value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple | set | frozenset):  # each item as one flag takes it
        from opsctl.contract.description import set_in_order

        return ", ".join(_default_text(v) or "" for v in set_in_order(value)) if value else None
    return str(value)


def _field_default(name: str, info: Any, as_json: bool) -> str | None:
    """The text of a field's default; a default (or default_factory) that cannot give one is
    the automation's bug, reported as :class:`AutomationBugError` naming the field."""
    try:
        if info.default_factory is not None:
            return _default_text(info.default_factory(), as_json)
        return _default_text(info.default, as_json)
    except Exception as exc:
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        cause = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
        raise AutomationBugError(
            f"request field {name!r}: its default cannot be written as a JSON value ({cause}); "
            "give it a default of strings, numbers, booleans, lists or mappings") from None


def flag_specs(model: type[BaseModel]) -> list[FlagSpec]:
    specs: list[FlagSpec] = []
    for name, info in model.model_fields.items():
        kind, multiple, choices = _classify(info.annotation)
        as_text = _text_json(info.annotation) if kind == "json" else None
        # shown as the flag takes it: the text of a datetime or a Decimal, not a JSON string
        default = _field_default(name, info, kind == "json" and not as_text)
        if kind == "secret" and default is not None:
            default = "***"  # describe and the contract lock print it
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        deprecated = extra.get("x-opsctl-deprecation") or info.deprecated
        if deprecated and extra.get("x-opsctl-removal"):
            deprecated = f"{deprecated} (removed in {extra['x-opsctl-removal']})"
        literal = _numeric_literal(info.annotation)
        specs.append(FlagSpec(
            field=name,
            flag="--" + name.replace("_", "-"),
            type=kind,
            multiple=multiple,
            choices=choices,
            required=info.is_required(),
            default=default,
            help=(info.description or "").strip(),
            envvar=f"OPSCTL_SECRET_{name.upper()}" if kind == "secret" else None,
            deprecated=str(deprecated) if deprecated else None,
            **({"choice_json": True} if literal else {}),  # type: ignore[typeddict-item]
            **({"text_json": as_text} if as_text else {}),  # type: ignore[typeddict-item]
        ))
    return specs


# Every name the built-in options of an automation command take (option strings, click parameter
# names, the callback's own arguments), and the option it belongs to. A request field whose flag
# or name is one of them would be silently shadowed by the built-in option. Kept here, beside the
# flags, so the library can refuse the clash when an automation is loaded without importing the
# CLI; tests/unit/test_reserved_options.py pins it to the commands the CLI really builds.
RESERVED_OPTIONS: dict[str, str] = {
    "--as": "--as",
    "--at": "--at",
    "--auto-approve": "-y/--yes/--auto-approve",
    "--concurrency": "--concurrency",
    "--config": "--config",
    "--contract-version": "--contract-version",
    "--diff": "--diff",
    "--dry-run": "--dry-run",
    "--executor": "--executor",
    "--fan-out": "--fan-out",
    "--fail-fast": "--fail-fast",
    "--format": "-o/--format",
    "--help": "-h/--help",
    "--idempotency-key": "--idempotency-key",
    "--log-format": "--log-format",
    "--max-failures": "--max-failures",
    "--max-iterations": "--max-iterations",
    "--no-color": "--no-color",
    "--no-wait": "--no-wait",
    "--out": "--out",
    "--quiet": "-q/--quiet",
    "--request": "--request",
    "--show-config": "--show-config",
    "--target": "--target",
    "--until-converged": "--until-converged",
    "--verbose": "-v/--verbose",
    "--wait-lock": "--wait-lock",
    "--yes": "-y/--yes/--auto-approve",
    "-h": "-h/--help",
    "-o": "-o/--format",
    "-q": "-q/--quiet",
    "-v": "-v/--verbose",
    "-y": "-y/--yes/--auto-approve",
    "as_actor": "--as",
    "at": "--at",
    "concurrency": "--concurrency",
    "config_file": "--config",
    "contract_version": "--contract-version",
    "diff": "--diff",
    "dry_run": "--dry-run",
    "executor": "--executor",
    "fail_fast": "--fail-fast",
    "fan_out": "--fan-out",
    "format_": "-o/--format",
    "idempotency_key": "--idempotency-key",
    "log_format": "--log-format",
    "max_failures": "--max-failures",
    "max_iterations": "--max-iterations",
    "no_color": "--no-color",
    "no_wait": "--no-wait",
    "opts": "argument 'opts' of every automation command",
    "out": "--out",
    "quiet": "-q/--quiet",
    "request_file": "--request",
    "show_config": "--show-config",
    "target_patterns": "--target",
    "until_converged": "--until-converged",
    "verbose": "-v/--verbose",
    "wait_lock": "--wait-lock",
    "yes": "-y/--yes/--auto-approve",
}


def field_flags(spec: FlagSpec) -> list[str]:
    """The option strings a request field's flag takes (``--x``, and ``--no-x`` for a bool)."""
    if spec["type"] == "bool":
        return [spec["flag"], "--no-" + spec["flag"][2:]]
    return [spec["flag"]]


def flag_clash(specs: Iterable[FlagSpec]) -> str | None:
    """Why the flags of these request fields cannot be built next to the built-in options
    (a field would be silently shadowed by one), or None."""
    taken: dict[str, str] = {}
    for spec in specs:
        field = spec["field"]
        for string in field_flags(spec):
            if string in RESERVED_OPTIONS:
                return (f"request field {field!r} clashes with the built-in option "
                        f"{RESERVED_OPTIONS[string]} (its flag would be {string}); rename the "
                        "field")
            if string in taken:
                return (f"request fields {taken[string]!r} and {field!r} both make the flag "
                        f"{string}; rename one")
            taken[string] = field
        if field in RESERVED_OPTIONS:
            return (f"request field {field!r} clashes with the built-in option "
                    f"{RESERVED_OPTIONS[field]} (both are named {field!r}); rename the field")
    return None
