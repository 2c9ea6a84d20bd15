"""``--target``: which actions a targeted plan keeps (pure selection, no I/O)."""

from __future__ import annotations

import pytest

from opsctl import Action
from opsctl.engine.planning import select_targets
from opsctl.engine.request import target_patterns
from opsctl.errors import UsageError


def act(action_id: str, *deps: str) -> Action:
    return Action(id=action_id, kind="create", target=action_id, reason="r", depends_on=deps)


PLAN = [act("net"), act("vol-a", "net"), act("vol-b", "net"), act("snap-a", "vol-a"),
        act("dns")]


@pytest.mark.parametrize(("patterns", "kept"), [
    pytest.param(("dns",), ["dns"], id="one-id"),
    pytest.param(("vol-*",), ["net", "vol-a", "vol-b"], id="glob-with-dependency"),
    pytest.param(("snap-a",), ["net", "vol-a", "snap-a"], id="transitive-dependencies"),
    pytest.param(("dns", "vol-b"), ["net", "vol-b", "dns"], id="several-in-plan-order"),
    pytest.param(("nothing-*",), [], id="no-match"),
    pytest.param(("VOL-A",), [], id="case-sensitive"),
])
def test_a_target_keeps_matching_actions_and_what_they_depend_on(
        patterns: tuple[str, ...], kept: list[str]) -> None:
    assert [a.id for a in select_targets(PLAN, patterns)] == kept


def test_patterns_are_stripped_and_deduplicated() -> None:
    assert target_patterns([" vol-* ", "vol-*", "dns"]) == ("vol-*", "dns")


@pytest.mark.parametrize("bad", ["", "   ", "a\0b"], ids=["empty", "blank", "nul"])
def test_an_empty_target_is_invalid_input(bad: str) -> None:
    with pytest.raises(UsageError) as caught:
        target_patterns([bad])
    assert caught.value.exit_code == 2
