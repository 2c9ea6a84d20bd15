"""Commands that need the server extra say so by their own name when it is missing."""

from __future__ import annotations

import sys

import pytest

from opsctl.cli.serve_cmd import _require_server_extra
from opsctl.errors import UsageError


@pytest.mark.parametrize("command", ["serve", "openapi"])
def test_the_missing_extra_is_named_with_the_command_that_needs_it(
        command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fastapi", None)  # as if not installed
    with pytest.raises(UsageError) as refused:
        _require_server_extra(command)
    assert refused.value.message == (f"`opsctl {command}` needs the server extra: pip install "
                                     "'opsctl[server]'")
