"""JSON text of values written many times a run (events, journal specs, log lines): one
encoder built once per shape of output. Standard library only; imported on the start-up path."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any


def json_encoder(*, sort_keys: bool, ensure_ascii: bool,
                  separators: tuple[str, str] = (", ", ": "),
                  allow_nan: bool = True) -> Callable[[Any], str]:
    """``json.dumps(value, default=str, sort_keys=..., ensure_ascii=...)``, the same text.

    Built once, calling the C encoder directly: ``json.dumps`` with any keyword builds an
    encoder per call, and ``JSONEncoder.encode`` builds the C one per call too, which is
    half of an event's cost (bench/journal.py: three events and a spec per action). Without
    the check for cycles, which would need a dict per call: a value that contains itself
    stops at the recursion limit (RecursionError) instead of a ValueError.
    """
    from json import encoder

    make: Any = getattr(encoder, "c_make_encoder", None)  # not in typeshed: CPython's C encoder
    if make is None:  # not CPython
        return json.JSONEncoder(default=str, sort_keys=sort_keys, ensure_ascii=ensure_ascii,
                                separators=separators, allow_nan=allow_nan).encode
    text = encoder.encode_basestring_ascii if ensure_ascii else encoder.encode_basestring
    encode = make(None, str, text, None, separators[1], separators[0], sort_keys, False,
                  allow_nan)
    return lambda value: "".join(encode(value, 0))


def plain_string(text: str) -> bool:
    """Whether JSON without ASCII escaping (the events' and canonical JSON's encoders) writes
    ``text`` as it is between its quotes: no ``"``, ``\\``, control character or lone
    surrogate (none of them is printable)."""
    return text.isprintable() and '"' not in text and "\\" not in text


def unicode_text(text: str) -> str:
    """``text`` with each lone surrogate (a file name of bytes that are not UTF-8, as
    ``os.listdir`` decodes it) written as its escape, ``\\udcff``: it is no Unicode text, and
    neither a store nor a UTF-8 stream takes it."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def without_surrogates(value: Any) -> Any:
    """``value`` with every string in it (keys too) in :func:`unicode_text`."""
    if isinstance(value, str):
        return unicode_text(value)
    if isinstance(value, dict):
        return {without_surrogates(k): without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [without_surrogates(v) for v in value]
    return value
