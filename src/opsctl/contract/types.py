"""Field types for request models that read well on a command line and in documents."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, SecretStr

from opsctl.contract.durations import format_duration, parse_duration, written_duration

DURATION_PATTERN = r"^(\d+(\.\d+)?(ms|w|d|h|m|s))+$|^\d+(\.\d+)?$"
"""The JSON Schema pattern of a :data:`Duration` (forms recognise durations by it)."""

class _DurationJsonSchema:
    """A new schema dict for every field, not ``WithJsonSchema({...})``'s one dict: pydantic
    2.7 writes a field's default into the dict it is handed, so one Duration field's default
    showed on every Duration field after it (one with a default_factory, or a required one)."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        return {"type": "string", "pattern": DURATION_PATTERN,
                "description": "A duration such as 30d, 15m, 1h30m or a number of seconds"}


Duration = Annotated[
    timedelta,
    BeforeValidator(written_duration),
    PlainSerializer(lambda v: format_duration(parse_duration(v)), return_type=str, when_used="json"),
    _DurationJsonSchema(),
]
"""A ``datetime.timedelta`` written as ``30d``, ``12h``, ``15m``, ``1h30m``, ``2w``, ``500ms`` or seconds.

Negative durations are refused. ``str()`` of a value is its shortest text form (``30d``; ``90m``
prints ``1h30m``), not ``30 days, 0:00:00``, and so is its JSON (results, plans, the schema).
"""

def is_duration_schema(node: object) -> bool:
    """A schema node of a :data:`Duration` (or of ``Duration | None``: a branch of it)."""
    if not isinstance(node, Mapping):
        return False
    branches = [node, *node.get("anyOf", ()), *node.get("oneOf", ())]
    return any(isinstance(b, Mapping) and b.get("pattern") == DURATION_PATTERN for b in branches)


def canonical_duration(value: object) -> str | None:
    """A duration default in its canonical text (``90d``), however it was written: ``2160h``,
    seconds, or the ISO 8601 form (``P90D``) pydantic gives a ``timedelta`` default in a JSON
    Schema; None for anything that is no duration."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    try:
        return format_duration(parse_duration(value))
    except ValueError:
        pass
    if not isinstance(value, str):
        return None
    from pydantic import TypeAdapter, ValidationError

    try:
        return format_duration(TypeAdapter(timedelta).validate_python(value))
    except (ValidationError, ValueError):
        return None


Secret = SecretStr
"""A request field whose value is masked everywhere opsctl writes (logs, results, plans, store).

This is pydantic's ``SecretStr``: read the value with ``req.token.get_secret_value()``;
``str(req.token)`` is ``**********``. On the command line, pass it as the environment variable
``OPSCTL_SECRET_<FIELD>`` rather than as a flag, which other users can read in ``ps``. Saved
plans keep only a keyed digest of it, so applying one needs the same value again.
"""

def is_secret_type(annotation: object) -> bool:
    """A pydantic secret type: ``SecretStr`` (:data:`Secret`), ``SecretBytes`` or
    ``pydantic.Secret[T]``, each masked like :data:`Secret`."""
    import typing

    from pydantic import Secret as GenericSecret
    from pydantic import SecretBytes

    kinds = (SecretStr, SecretBytes, GenericSecret)
    return (isinstance(annotation, type) and issubclass(annotation, kinds)) or (
        typing.get_origin(annotation) is GenericSecret)


def secret_text(value: object) -> str | None:
    """The value of a pydantic secret as text (what masking looks for), or None for anything
    else."""
    from pydantic import Secret as GenericSecret
    from pydantic import SecretBytes

    if isinstance(value, SecretBytes):
        return value.get_secret_value().decode("utf-8", "replace")
    if isinstance(value, SecretStr | GenericSecret):
        return str(value.get_secret_value())
    return None


__all__ = ["Duration", "Secret", "canonical_duration", "is_duration_schema", "is_secret_type",
           "secret_text"]
