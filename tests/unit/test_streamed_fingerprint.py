"""The fingerprint hashed a chunk of actions at a time is the plan fingerprint, byte for byte."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsctl.config.redact import Redactor
from opsctl.contract.automation import Action
from opsctl.contract.plan import plan_fingerprint
from opsctl.engine import planning
from opsctl.engine.planning import streamed_fingerprint

_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
_JSON = st.recursive(st.none() | st.booleans() | st.integers() | _TEXT
                     | st.floats(allow_nan=False, allow_infinity=False),
                     lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(_TEXT, inner, max_size=3), max_leaves=6)


def _actions(n: int, before: Any = None, data: dict[str, Any] | None = None) -> list[Action]:
    return [Action(id=f"a{i}", kind="update", target=f"t{i} ☃", reason="r\n\"q\"",
                   data=data or {"n": i}, before=before, after={"i": i},
                   depends_on=(f"a{i - 1}",) if i else ()) for i in range(n)]


@pytest.mark.parametrize("n", [0, 1, 999, 1000, 1001, 2500], ids=lambda n: f"{n}-actions")
@pytest.mark.parametrize("targets", [(), ("a1*", "a2")], ids=["untargeted", "targeted"])
def test_streamed_fingerprint_equals_plan_fingerprint(n: int, targets: tuple[str, ...]) -> None:
    actions = _actions(n)
    request = {"environment": "prod", "count": n}
    expected = plan_fingerprint("demo", "1.2.0", request, [a.to_dict() for a in actions], targets)
    assert streamed_fingerprint("demo", "1.2.0", request, actions, targets,
                                lambda v: v) == expected


def test_streamed_fingerprint_hashes_the_redacted_actions() -> None:
    redactor = Redactor()
    redactor.add("hunter2")
    actions = _actions(3, data={"password": "hunter2"})
    redacted = [redactor.redact(a.to_dict()) for a in actions]
    assert streamed_fingerprint("demo", "1", {}, actions, (), redactor.redact) == \
        plan_fingerprint("demo", "1", {}, redacted)


@settings(max_examples=60, deadline=None)
@given(before=_JSON, request=st.dictionaries(_TEXT, _JSON, max_size=4), n=st.integers(0, 7),
       chunk=st.integers(1, 3))
def test_streamed_fingerprint_for_any_values(before: Any, request: dict[str, Any], n: int,
                                             chunk: int) -> None:
    original = planning._FINGERPRINT_CHUNK
    planning._FINGERPRINT_CHUNK = chunk  # chunk boundaries inside small plans
    try:
        actions = _actions(n, before=before)
        assert streamed_fingerprint("demo", "1", request, actions, (), lambda v: v) == \
            plan_fingerprint("demo", "1", request, [a.to_dict() for a in actions])
    finally:
        planning._FINGERPRINT_CHUNK = original
