"""Canonical JSON: one text per value, refusing what is not JSON, byte-compatible with the form
opsctl has always hashed (so recorded audit trails and saved plan signatures keep verifying)."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsctl.contract.canonical import (
    CanonicalJSONError,
    DuplicateKeyError,
    InvalidJSONError,
    canonical_json,
    parse_json,
)

SCALARS = (st.none() | st.booleans() | st.integers()
           | st.floats(allow_nan=False, allow_infinity=False) | st.text())
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=20)


def previous_form(value: object) -> str:
    """What plans, fingerprints and the audit chain hashed before the canonical module."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@given(JSON_VALUES)
def test_the_canonical_text_is_the_canonical_text_of_its_own_parse(value: object) -> None:
    text = canonical_json(value)
    assert canonical_json(parse_json(text)) == text


@given(st.dictionaries(st.text(), JSON_VALUES, max_size=8))
def test_key_order_is_irrelevant(value: dict[str, object]) -> None:
    assert canonical_json(dict(reversed(list(value.items())))) == canonical_json(value)


@given(JSON_VALUES)
def test_the_bytes_are_those_recorded_trails_and_saved_plans_were_hashed_over(
        value: object) -> None:
    assert canonical_json(value) == previous_form(value)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        pytest.param({"b": 1, "a": [True, None]}, '{"a":[true,null],"b":1}', id="sorted-compact"),
        pytest.param({"é": "ünï ✓", "€": "😀"}, '{"é":"ünï ✓","€":"😀"}', id="utf8-kept"),
        pytest.param({"s": 'q"\\\n\t\x01\x7f\u2028'}, '{"s":"q\\"\\\\\\n\\t\\u0001\x7f\u2028"}',
                     id="only-mandatory-escapes"),
        pytest.param([1.0, 2.5e-07, 1e21, -0.0, 10**30], "[1.0,2.5e-07,1e+21,-0.0,"
                     "1000000000000000000000000000000]", id="numbers-as-python-repr"),
    ],
)
def test_pinned_texts(value: object, text: str) -> None:
    # Pinned: a different text means every recorded hash over such a value stops verifying.
    assert canonical_json(value) == text


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param(math.nan, "NaN and Infinity are not JSON values", id="nan"),
        pytest.param({"x": [math.inf]}, "NaN and Infinity are not JSON values", id="infinity"),
        pytest.param({"x": -math.inf}, "NaN and Infinity are not JSON values", id="minus-infinity"),
        pytest.param({"x": "a\ud800b"}, r"lone surrogate U\+D800", id="lone-surrogate"),
        pytest.param({"x": object()}, "not JSON serializable", id="not-a-json-type"),
        pytest.param(10 ** 5000, "Exceeds the limit", id="integer-too-long"),
    ],
)
def test_what_is_not_json_is_refused(value: object, message: str) -> None:
    with pytest.raises(CanonicalJSONError, match=message):
        canonical_json(value)


def test_nesting_too_deep_is_refused() -> None:
    value: list[object] = []
    for _ in range(100_000):
        value = [value]
    with pytest.raises(CanonicalJSONError, match="nested too deeply"):
        canonical_json(value)


def test_default_converts_values_that_are_not_json_types() -> None:
    assert canonical_json({"error": ValueError("boom")}, default=str) == '{"error":"boom"}'


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        pytest.param('{"a":1,"a":2}', DuplicateKeyError, "duplicate key 'a'", id="duplicate-key"),
        pytest.param('[{"x":{"k":1,"k":1}}]', DuplicateKeyError, "duplicate key 'k'",
                     id="nested-duplicate-key"),
        pytest.param('{"a":NaN}', CanonicalJSONError, "NaN is not a JSON number", id="nan"),
        pytest.param("[-Infinity]", CanonicalJSONError, "-Infinity is not a JSON number",
                     id="infinity"),
        pytest.param("[1e400]", CanonicalJSONError, "out of range of a double", id="overflow"),
        pytest.param("1" * 5000, CanonicalJSONError, "more than 4300 digits",
                     id="integer-too-long"),
        pytest.param("[" * 100_000, CanonicalJSONError, "nested too deeply", id="deep-nesting"),
        pytest.param('{"a":', InvalidJSONError, "invalid JSON: Expecting value at line 1",
                     id="truncated"),
        pytest.param("", InvalidJSONError, "invalid JSON", id="empty"),
    ],
)
def test_parse_refuses_what_readers_disagree_on(text: str, error: type[Exception],
                                                message: str) -> None:
    with pytest.raises(error, match=message):
        parse_json(text)


def test_parse_reads_strict_json() -> None:
    assert parse_json('{"a": [1, 2.5, "é", null, true]}') == {"a": [1, 2.5, "é", None, True]}
