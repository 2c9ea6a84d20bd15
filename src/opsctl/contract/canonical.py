"""Canonical JSON: the one text of a JSON value that opsctl hashes and signs.

Plan fingerprints, plan signatures, request hashes and the audit chain all go through
:func:`canonical_json`, and readers of stored or user-supplied JSON go through
:func:`parse_json`. The form is:

* objects with their keys sorted by code point, arrays in order, no insignificant whitespace;
* strings as UTF-8, escaping only ``"``, ``\\`` and the control characters U+0000..U+001F
  (``\\b \\f \\n \\r \\t``, else ``\\u00xx`` in lower case); a lone surrogate is refused;
* ``true``, ``false``, ``null``; integers in decimal; other numbers as the shortest text that
  reads back as the same IEEE-754 double (Python's ``repr``: ``1.0``, ``2.5e-07``, ``1e+21``);
* NaN and the infinities are refused: they are not JSON.

This is the subset of RFC 8785 (JCS) on which Python's ``json.dumps`` agrees with it, except
numbers and key order. RFC 8785 writes numbers as ECMAScript does (``1`` for ``1.0``,
``2.5e-7``) and sorts keys by UTF-16 code unit (which differs from code point order only for
keys mixing U+E000..U+FFFF with characters above U+FFFF). Adopting those would change the
bytes, and so the hash, of every recorded audit event and saved plan with a float in it; this
form is byte-for-byte what opsctl has always hashed, so existing audit trails and plan
signatures keep verifying. It is written with the standard library's C encoder, which keeps
``import opsctl`` light and a 100,000-action fingerprint fast.

Keys must be strings (``json`` would turn other keys into strings; the result is not part of
the form). Values that are not JSON types are refused unless the caller passes ``default``.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable
from typing import Any

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class CanonicalJSONError(ValueError):
    """A value has no canonical JSON text, or a text is not strict JSON."""


class InvalidJSONError(CanonicalJSONError):
    """A text is not JSON at all (a syntax error), as opposed to JSON opsctl refuses."""

    def __init__(self, problem: str, line: int, column: int) -> None:
        # json's "Unterminated string starting at" names the place itself: no second "at"
        problem = problem.removesuffix(" starting at").removesuffix(" at")
        super().__init__(f"invalid JSON: {problem} at line {line} column {column}")
        self.problem, self.line, self.column = problem, line, column


class DuplicateKeyError(CanonicalJSONError):
    """An object of a JSON text names a key twice."""


def canonical_json(value: object, *, default: Callable[[Any], Any] | None = None) -> str:
    """The canonical JSON text of ``value`` (see the module docstring).

    ``default`` converts values that are not JSON types (as in ``json.dumps``); without it
    they are refused. Raises :class:`CanonicalJSONError` for NaN, the infinities, lone
    surrogates, cycles, nesting too deep and integers too long to print.
    """
    try:
        text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                          allow_nan=False, default=default)
    except RecursionError:
        raise CanonicalJSONError("value is nested too deeply to serialise as JSON") from None
    except ValueError as exc:
        message = str(exc)
        if message.startswith("Out of range float values"):
            message = "NaN and Infinity are not JSON values"
        raise CanonicalJSONError(message) from None
    except TypeError as exc:
        raise CanonicalJSONError(str(exc)) from None
    surrogate = _LONE_SURROGATE.search(text)
    if surrogate is not None:
        raise CanonicalJSONError(f"a string holds the lone surrogate "
                                 f"U+{ord(surrogate.group()):04X}, which is not Unicode text")
    return text


def _refuse_constant(name: str) -> object:
    raise CanonicalJSONError(f"{name} is not a JSON number (numbers must be finite)")


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise CanonicalJSONError(f"the number {text[:40]} is out of range of a double")
    return number


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKeyError(f"duplicate key {key!r}")
            seen.add(key)
    return result


def parse_json(text: str) -> object:
    """Parse strict JSON (RFC 8259 with unique keys), refusing what other readers disagree on.

    Refuses, with :class:`CanonicalJSONError`: invalid JSON (:class:`InvalidJSONError`), NaN
    and Infinity, numbers that overflow a double, integers too long to convert, duplicate keys
    (JSON readers keep different copies), and nesting too deep.
    """
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_refuse_constant,
                          parse_float=_finite_float)
    except json.JSONDecodeError as exc:
        raise InvalidJSONError(exc.msg, exc.lineno, exc.colno) from None
    except RecursionError:
        raise CanonicalJSONError("JSON nested too deeply") from None
    except CanonicalJSONError:
        raise
    except ValueError as exc:  # an integer of more digits than int() converts
        if "digits" in str(exc):
            raise CanonicalJSONError(f"a number has more than {sys.get_int_max_str_digits()} "
                                     "digits") from None
        raise CanonicalJSONError(f"invalid JSON: {exc}") from None

