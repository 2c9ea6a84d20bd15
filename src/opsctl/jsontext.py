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
