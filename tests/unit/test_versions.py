"""Declaring deprecated fields and upgrades of older contract versions."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from opsctl import Automation, deprecated
from opsctl.contract.versions import deprecations, requested_major, used_deprecations
from opsctl.errors import UsageError


class Old(BaseModel):
    name: str


class Request(BaseModel):
    name: str
    legacy: int | None = deprecated("use name", removal="3.0.0", default=None)


def test_upgrade_must_come_from_an_older_major() -> None:
    auto = Automation("versioned", version="2.0.0", owner="o", summary="s", request=Request)
    with pytest.raises(ValueError, match="older major"):
        auto.upgrade(from_major=2, request=Old)
    with pytest.raises(TypeError, match="BaseModel"):
        auto.upgrade(from_major=1, request=dict)  # type: ignore[arg-type]
    auto.upgrade(from_major=1, request=Old)(lambda old: {"name": old.name})
    assert auto.accepted_majors == [1, 2]


def test_deprecations_are_read_from_the_model_and_only_count_when_set() -> None:
    [found] = deprecations(Request)
    assert (found.field, found.flag, found.removal) == ("legacy", "--legacy", "3.0.0")
    assert used_deprecations(Request, Request(name="x")) == []
    assert used_deprecations(Request, Request(name="x", legacy=1)) == [found]
    assert Request(name="x", legacy=2).legacy == 2  # reading it does not warn


@pytest.mark.parametrize(("given", "document", "expected"), [
    (None, {}, (None, None)),
    ("1", {}, ("1", 1)),
    (None, {"contract_version": "v2.3.0"}, ("2.3.0", 2)),
    ("3", {"contract_version": "1"}, ("3", 3)),
], ids=["none", "flag", "document-with-v", "flag-wins"])
def test_requested_major(given: str | None, document: dict[str, str],
                         expected: tuple[str | None, int | None]) -> None:
    assert requested_major(document, given) == expected


@pytest.mark.parametrize("raw", ["latest", "\u00b9", "\u0085\u00b9\u001e", "\u0663.0.0"],
                         ids=["word", "superscript-one", "control-and-superscript", "arabic-three"])
def test_requested_major_rejects_garbage(raw: str) -> None:
    with pytest.raises(UsageError, match="not a version"):
        requested_major({"contract_version": raw}, None)
