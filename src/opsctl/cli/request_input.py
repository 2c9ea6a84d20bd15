"""Turning ``--request FILE`` and generated flags into one request mapping (flags win).

A request is hashed and stored as canonical JSON, so whatever reaches it from a document or a
flag must be plain JSON: both are checked here, before anything is written, and every refusal is
a :class:`~opsctl.errors.UsageError` (exit 2) naming the file or flag and the field.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from opsctl.config.input_files import DEFAULT_MAX_INPUT_BYTES, read_document
from opsctl.config.strict_documents import (
    DocumentError,
    json_value_problem,
    parse_json,
    parse_yaml,
)
from opsctl.contract.durations import parse_duration
from opsctl.errors import UsageError


def load_request_file(path: str, *, limit: int = DEFAULT_MAX_INPUT_BYTES) -> dict[str, Any]:
    """Parse a JSON (``*.json``) or YAML request document of at most ``limit`` bytes.

    Errors name the file, and the line or the field.
    """
    text = read_document(path, what="request file", limit=limit)
    if _holds_no_document(text):
        # an empty file, or a stream whose writer failed (`make-request | opsctl NAME
        # --request -`): never a request of every default, which nobody asked for; checked
        # before parsing, so an empty JSON file says so too rather than "Expecting value"
        raise UsageError(f"request file {path} holds no document (it is empty, or only "
                         "comments); write {} for a request of the defaults", step="validate")
    kind = "JSON" if path.endswith(".json") else "YAML"
    try:
        data = parse_json(text) if kind == "JSON" else parse_yaml(text)
    except DocumentError as exc:
        raise UsageError(f"request file {path} is not valid {kind}: {exc}", step="validate") from None
    if not isinstance(data, dict):
        what = "null" if data is None else f"a {type(data).__name__}"
        raise UsageError(f"request file {path} must hold a mapping of field names to values, "
                         f"not {what}", step="validate")
    problem = json_value_problem(data)
    if problem is not None:
        raise UsageError(f"request file {path}: {problem}", step="validate")
    return data


def _holds_no_document(text: str) -> bool:
    """Whether ``text`` is only blank lines, comments and YAML document markers: no document,
    as against one that holds ``null``."""
    return all(not line or line.startswith("#") or line in ("---", "...")
               for line in (raw.strip() for raw in text.splitlines()))


def read_request_file(session: Any, path: str | None) -> dict[str, Any]:
    """``--request PATH`` of a command with an open session (``{}`` without one): read as
    :func:`load_request_file` reads it, and a signal while it waits on standard input stops
    the command at once (exit 130)."""
    from opsctl.engine.run import reading_input

    if not path:
        return {}
    with reading_input(session, path, "request file"):
        return load_request_file(path, limit=session.settings.max_input_size)


def flag_value(spec: Mapping[str, Any], value: Any, envvar: str | None = None) -> Any:
    """Convert a parsed flag value to what the request model accepts; ``envvar``: the
    environment variable it was read from, which its errors name instead of the flag."""
    kind = spec["type"]
    if spec.get("choice_json"):  # Literal[1, 2, 3]: "2" is the number 2
        converted = [_choice(v) for v in value] if spec["multiple"] else _choice(value)
    elif kind not in ("duration", "json"):
        converted = list(value) if spec["multiple"] else value
    else:
        def convert(v: Any) -> Any:
            if kind == "duration":
                try:
                    return parse_duration(v).total_seconds()
                except ValueError as exc:
                    raise UsageError(f"{spec['flag']}: {exc}", step="validate") from None
            as_text = spec.get("text_json")
            try:
                parsed = parse_json(v)
            except DocumentError as exc:
                if as_text:  # --when 2026-01-01T00:00:00: a datetime written as text
                    return v
                raise UsageError(f"{spec['flag']}: expected JSON ({exc})", step="validate") from None
            if as_text == "decimal" and isinstance(parsed, int | float) \
                    and not isinstance(parsed, bool):
                return v.strip()  # the digits given, not a float's (0.1 + 0.2)
            return parsed

        converted = [convert(v) for v in value] if spec["multiple"] else convert(value)
    problem = json_value_problem(converted, root=envvar or spec["flag"])
    if problem is not None:
        raise UsageError(problem, step="validate")
    return converted


def _choice(text: str) -> Any:
    """A chosen value of a ``Literal`` holding numbers, booleans or None: ``2``, ``true`` and
    ``null`` are read as JSON, a string choice of the same ``Literal`` (``"auto"``) is itself."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def merge_request(document: Mapping[str, Any], flags: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(document)
    merged.update(flags)
    return merged
