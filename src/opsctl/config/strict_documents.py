"""Parsing the JSON and YAML documents users write (request documents, policy files) strictly.

One loader for every such document, so the same text never means two things:

* a duplicate key is an error (YAML and JSON both silently keep the last value: a second
  ``root: /etc`` would win);
* YAML resolves plain scalars like the YAML 1.2 core schema, not YAML 1.1: only ``true``/``false``
  are booleans (``yes``, ``on``, ``no``, ``off`` stay strings), ``1:30`` is a string (1.1 reads
  base 60: 90), ``0755`` is a string (1.1 reads octal: 493), ``2024-01-01`` is a string (1.1
  makes a date), ``1_000`` is a string. Decimal integers, floats, ``null``/``~`` and merge keys
  (``<<``) keep their meaning; an explicit tag (``!!int 0755``) still converts;
* text nested too deeply or with numbers too large to convert is refused with a message, not a
  ``RecursionError`` or ``ValueError`` from the parser.

:func:`json_value_problem` checks that parsed data is plain JSON (what a request must be: it is
hashed and stored as canonical JSON): string keys, finite numbers, text without lone surrogates,
bounded depth and size.
"""

from __future__ import annotations

import functools
import math
import re
import sys
from collections.abc import Hashable
from typing import Any

MAX_DEPTH = 64
"""Deepest nesting of mappings and lists accepted in a request."""
MAX_NODES = 1_000_000
"""Most values (after YAML aliases are expanded) accepted in a request."""


class DocumentError(ValueError):
    """A document does not parse, or holds what it must not; where, when the parser knows."""

    def __init__(self, problem: str, line: int | None = None, column: int | None = None) -> None:
        self.problem = problem
        self.line = line
        self.column = column
        super().__init__(f"{problem}{self.where}")

    @property
    def where(self) -> str:
        """`` at line L, column C`` (1-based), or empty."""
        return "" if self.line is None else f" at line {self.line}, column {self.column}"


@functools.cache
def strict_yaml_loader() -> type[Any]:
    """The loader class, built on first use: PyYAML costs ~10 ms to import, and the plan path
    of a request given by flags never reads YAML."""
    import yaml

    class StrictYAMLLoader(yaml.SafeLoader):
        """SafeLoader with YAML 1.2 core scalars and duplicate keys refused (module docstring)."""

        yaml_implicit_resolvers: dict[Any, list[tuple[str, re.Pattern[str]]]] = {}

        def construct_mapping(self, node: yaml.MappingNode,
                              deep: bool = False) -> dict[Hashable, Any]:
            seen: set[object] = set()
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue  # keys a merge brings in may be overridden: that is what `<<` is for
                key = self.construct_object(key_node, deep=deep)
                if not isinstance(key, Hashable):
                    continue  # the base constructor reports unhashable keys
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        "while constructing a mapping", node.start_mark,
                        f"found duplicate key {key!r}", key_node.start_mark)
                seen.add(key)
            self.flatten_mapping(node)
            return super().construct_mapping(node, deep)

    for _tag, _pattern, _first in (
        ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
        ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
        ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
        ("tag:yaml.org,2002:float",
         r"^(?:[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+)"
         r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+0123456789."),
        ("tag:yaml.org,2002:merge", r"^<<$", "<"),
    ):
        StrictYAMLLoader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))
    # a merge is a mapping's key (flatten_mapping takes it out before any key is built): a
    # `<<` anywhere else, a value or a list item, is the text it is (a heredoc, a shell
    # redirection), which SafeLoader refused as a tag it has no constructor for
    def merge_as_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
        return str(loader.construct_scalar(node))

    StrictYAMLLoader.add_constructor("tag:yaml.org,2002:merge", merge_as_text)

    return StrictYAMLLoader


def parse_yaml(text: str) -> Any:
    """The data of a YAML document; DocumentError with line and column when it is not valid."""
    import yaml

    try:
        return yaml.load(text, Loader=strict_yaml_loader())  # a SafeLoader: builds plain data only
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise DocumentError(exc.problem or exc.context or "syntax error",
                            mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise DocumentError(str(exc)) from None
    except RecursionError:
        raise DocumentError(f"nested too deeply (more than {MAX_DEPTH} levels)") from None
    except ValueError as exc:  # an integer of more digits than Python converts
        raise DocumentError(_number_problem(exc)) from None


def parse_json(text: str) -> Any:
    """The data of a JSON document: duplicate keys, NaN and Infinity refused (the one strict
    JSON reader, :func:`opsctl.contract.canonical.parse_json`, with the line where it knows)."""
    from opsctl.contract.canonical import CanonicalJSONError, InvalidJSONError
    from opsctl.contract.canonical import parse_json as strict_json

    try:
        return strict_json(text)
    except InvalidJSONError as exc:
        raise DocumentError(exc.problem, exc.line, exc.column) from None
    except CanonicalJSONError as exc:
        raise DocumentError(str(exc)) from None


def _number_problem(exc: ValueError) -> str:
    if "digits" in str(exc):
        return f"a number has more than {sys.get_int_max_str_digits()} digits"
    return str(exc)


def json_value_problem(data: Any, root: str = "") -> str | None:
    """Why ``data`` is not plain, bounded JSON (naming where, below ``root``), or None."""
    nodes = 0
    stack: list[tuple[Any, str, int]] = [(data, root, 1)]
    while stack:
        value, path, depth = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            return f"more than {MAX_NODES} values"
        where = path or "the document"
        if isinstance(value, dict):
            if depth > MAX_DEPTH:
                return f"{where}: nested too deeply (more than {MAX_DEPTH} levels)"
            for key, item in value.items():
                if not isinstance(key, str):
                    return f"{where}: key {_shown(repr(key))} is not a string (keys must be strings)"
                if _has_surrogate(key):
                    return f"{where}: a key is not valid Unicode text ({surrogate_at(key)})"
                stack.append((item, f"{path}.{key}" if path else key, depth + 1))
        elif isinstance(value, list):
            if depth > MAX_DEPTH:
                return f"{where}: nested too deeply (more than {MAX_DEPTH} levels)"
            stack.extend((item, f"{path}[{index}]", depth + 1) for index, item in enumerate(value))
        elif isinstance(value, str):
            if _has_surrogate(value):
                # where, not what: the text may be a secret's value
                return f"{where}: not valid Unicode text ({surrogate_at(value)})"
        elif isinstance(value, float):
            if not math.isfinite(value):
                return f"{where}: {value} is not a finite number"
        elif value is not None and not isinstance(value, bool | int):
            return (f"{where}: a {_kind(value)} is not a JSON value (use strings, numbers, "
                    "booleans, null, lists and mappings)")
    return None


def surrogate_at(text: str) -> str:
    """Where the first lone surrogate of ``text`` is (an invalid byte read from the
    environment or the command line arrives as one, U+DC80..U+DCFF)."""
    index = next(i for i, char in enumerate(text) if 0xD800 <= ord(char) <= 0xDFFF)
    code = ord(text[index])
    if 0xDC80 <= code <= 0xDCFF:
        return f"byte 0x{code - 0xDC00:02x} at character {index + 1}"
    return f"the lone surrogate U+{code:04X} at character {index + 1}"


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _kind(value: Any) -> str:
    names: dict[type, str] = {bytes: "binary value", set: "set", tuple: "list"}
    return names.get(type(value), type(value).__name__)


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."
