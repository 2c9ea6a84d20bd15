"""How `opsctl token list` (and `token create`'s listing) words the time a token has left: in
the largest unit that fits, rounded up, so a token of 3 seconds is not listed "in 1 hour(s)"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from opsctl.cli.token_cmds import _expiry_text
from opsctl.governance.tokens import TokenRecord
from tests.conftest import Project

NOW = datetime(2025, 1, 31, 12, 0, tzinfo=UTC)


def record(left: timedelta | None, *, revoked: bool = False) -> TokenRecord:
    return TokenRecord(id="tok_0123456789ab", actor="sam", role="operator", automations=("*",),
                       environments=("*",), description=None, created_by="root",
                       created_at=NOW, expires_at=None if left is None else NOW + left,
                       revoked_at=NOW if revoked else None, last_used_at=None)


@pytest.mark.parametrize(("left", "text"), [
    (timedelta(seconds=3), "in 3 second(s)"),
    (timedelta(seconds=59.5), "in 60 second(s)"),
    (timedelta(seconds=60), "in 1 minute(s)"),
    (timedelta(minutes=45, seconds=1), "in 46 minute(s)"),
    (timedelta(hours=1), "in 1 hour(s)"),
    (timedelta(hours=23, minutes=1), "in 24 hour(s)"),
    (timedelta(days=1), "in 1 day(s)"),
    (timedelta(days=90), "in 90 day(s)"),
    (timedelta(0), "expired"),
    (None, "never"),
], ids=["seconds", "just-under-a-minute", "a-minute", "minutes", "an-hour", "hours", "a-day",
        "days", "expired", "never"])
def test_the_time_left_is_in_the_largest_unit_that_fits(left: timedelta | None,
                                                        text: str) -> None:
    assert _expiry_text(record(left), NOW) == text


def test_a_token_of_three_seconds_is_listed_in_seconds(project: Project) -> None:
    project.write_config("")
    env = {**project.env(), "OPSCTL_ACTOR": "root"}
    created = project.run("token", "create", "--actor", "sam", "--role", "operator",
                          "--expires", "30s", env=env)
    assert created.code == 0, created.stderr
    listed = project.run("token", "list", "--format", "json", env=env)
    assert listed.code == 0, listed.stderr
    (token,) = listed.doc if isinstance(listed.doc, list) else listed.doc["tokens"]
    assert token["expires"].endswith("second(s)") and token["expires_in_days"] == 1, token
