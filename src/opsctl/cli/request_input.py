"""Turning ``--request FILE`` and generated flags into one request mapping (flags win)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from opsctl.contract.durations import parse_duration
from opsctl.errors import UsageError


def load_request_file(path: str) -> dict[str, Any]:
    """Parse a JSON or YAML request document; errors name the file and the line."""
    try:
        text = Path(path).read_text(encoding="utf-8") if path != "-" else _stdin()
    except FileNotFoundError:
        raise UsageError(f"request file {path} does not exist", step="validate") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"request file {path} cannot be read: {exc}", step="validate") from None
    if path.endswith(".json"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UsageError(f"request file {path} is not valid JSON: {exc.msg} at line {exc.lineno}, "
                             f"column {exc.colno}", step="validate") from None
    else:
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            problem = getattr(exc, "problem", None) or "syntax error"
            raise UsageError(f"request file {path} is not valid YAML: {problem}{where}",
                             step="validate") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise UsageError(f"request file {path} must hold a mapping of field names to values, "
                         f"not a {type(data).__name__}", step="validate")
    return data


def _stdin() -> str:
    import sys

    return sys.stdin.read()


def flag_value(spec: Mapping[str, Any], value: Any) -> Any:
    """Convert a parsed flag value to what the request model accepts."""
    kind = spec["type"]
    if kind not in ("duration", "json"):
        return list(value) if spec["multiple"] else value

    def convert(v: Any) -> Any:
        if kind == "duration":
            return parse_duration(v).total_seconds()
        try:
            return json.loads(v)
        except json.JSONDecodeError as exc:
            raise UsageError(f"{spec['flag']}: expected JSON ({exc.msg})") from None

    return [convert(v) for v in value] if spec["multiple"] else convert(value)


def merge_request(document: Mapping[str, Any], flags: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(document)
    merged.update(flags)
    return merged
