"""Field types for request models that read well on a command line and in documents."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from pydantic import BeforeValidator, PlainSerializer, SecretStr, WithJsonSchema

from opsctl.contract.durations import format_duration, parse_duration, written_duration

Duration = Annotated[
    timedelta,
    BeforeValidator(written_duration),
    PlainSerializer(lambda v: format_duration(parse_duration(v)), return_type=str, when_used="json"),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^(\d+(\.\d+)?(ms|w|d|h|m|s))+$|^\d+(\.\d+)?$",
            "description": "A duration such as 30d, 15m, 1h30m or a number of seconds",
        }
    ),
]
"""A :class:`datetime.timedelta` written as ``30d``, ``15m``, ``1h30m`` or seconds; ``str()``
of a value gives it back as written (``30d``), not ``30 days, 0:00:00``."""

Secret = SecretStr
"""A request field whose value is masked everywhere opsctl writes (logs, results, plans, store)."""

__all__ = ["Duration", "Secret"]
