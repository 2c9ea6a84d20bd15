"""The pytest plugin of opsctl's test kit, registered through the ``pytest11`` entry point.

Fixtures:

* ``opsctl_clock``: a :class:`~opsctl.testing.FakeClock` (2030-01-01T00:00:00Z unless the
  ``opsctl`` marker says ``clock=...``);
* ``opsctl_harness``: an :class:`~opsctl.testing.OpsctlHarness` in ``tmp_path``, on that clock,
  writing golden files to ``golden/`` beside the test module, with ``tmp_path`` normalised to
  ``<tmp>`` in snapshots.

Marker: ``@pytest.mark.opsctl(clock=..., actor=..., env={...}, secrets={...}, config={...},
settings={...})`` sets up the harness of one test (or module, through ``pytestmark``).

Option: ``--opsctl-update-golden`` writes golden plan snapshots instead of comparing them
(it sets ``OPSCTL_UPDATE_GOLDEN=1`` for the session).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from opsctl.testing.clock import FakeClock
    from opsctl.testing.harness import OpsctlHarness

UPDATE_OPTION = "--opsctl-update-golden"
MARKER = "opsctl"
_HARNESS_KEYS = frozenset({"actor", "env", "secrets", "config", "settings"})
_written = pytest.StashKey[list[Path]]()  # golden files written by pytest-xdist's workers
_written_before = pytest.StashKey[int]()  # golden.WRITTEN's length when the session began
_WORKER_OUTPUT = "opsctl_golden_written"
_saved_update_env = pytest.StashKey["str | None"]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("opsctl", "opsctl test kit")
    group.addoption(UPDATE_OPTION, action="store_true", default=False,
                    help="write golden plan snapshots (opsctl_harness.assert_plan_matches_golden) "
                         "instead of comparing them")


def pytest_configure(config: pytest.Config) -> None:
    from opsctl.testing.golden import UPDATE_GOLDEN_ENV, WRITTEN

    config.addinivalue_line(
        "markers", f"{MARKER}(clock=None, actor=None, env=None, secrets=None, config=None, "
                   "settings=None): set up the opsctl_harness and opsctl_clock fixtures")
    config.stash[_written] = []
    config.stash[_written_before] = len(WRITTEN)
    if config.getoption(UPDATE_OPTION):
        config.stash[_saved_update_env] = os.environ.get(UPDATE_GOLDEN_ENV)
        os.environ[UPDATE_GOLDEN_ENV] = "1"


def pytest_unconfigure(config: pytest.Config) -> None:
    from opsctl.testing.golden import UPDATE_GOLDEN_ENV, WRITTEN

    # listed by now; a session run inside another (pytester) leaves the outer one's list alone
    del WRITTEN[config.stash.get(_written_before, len(WRITTEN)):]

    if _saved_update_env in config.stash:
        previous = config.stash[_saved_update_env]
        if previous is None:
            os.environ.pop(UPDATE_GOLDEN_ENV, None)
        else:
            os.environ[UPDATE_GOLDEN_ENV] = previous


def _written_here(config: pytest.Config) -> list[Path]:
    from opsctl.testing.golden import WRITTEN

    return WRITTEN[config.stash.get(_written_before, len(WRITTEN)):]


def pytest_sessionfinish(session: pytest.Session) -> None:
    output = getattr(session.config, "workeroutput", None)  # a pytest-xdist worker
    if output is not None:
        output[_WORKER_OUTPUT] = [str(path) for path in _written_here(session.config)]


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    """pytest-xdist: a worker finished; keep the golden files it wrote for the summary."""
    output = getattr(node, "workeroutput", None) or {}
    node.config.stash[_written].extend(Path(p) for p in output.get(_WORKER_OUTPUT, []))


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    written = list(dict.fromkeys([*_written_here(config), *config.stash.get(_written, [])]))
    if written:
        terminalreporter.write_sep("-", f"opsctl: wrote {len(written)} golden file(s)")
        for path in written:
            terminalreporter.write_line(str(path))


def _marker_kwargs(request: pytest.FixtureRequest) -> dict[str, Any]:
    """The ``opsctl`` markers' keyword arguments; the closest marker wins per key."""
    merged: dict[str, Any] = {}
    for marker in reversed(list(request.node.iter_markers(MARKER))):
        merged.update(marker.kwargs)
    unknown = set(merged) - _HARNESS_KEYS - {"clock"}
    if unknown:
        pytest.fail(f"@pytest.mark.{MARKER}: unknown argument(s) {sorted(unknown)}; use "
                    f"clock, {', '.join(sorted(_HARNESS_KEYS))}", pytrace=False)
    return merged


@pytest.fixture
def opsctl_clock(request: pytest.FixtureRequest) -> FakeClock:
    """A fake clock: moves only with ``advance()``/``set()`` and the engine's retry sleeps."""
    from opsctl.testing.clock import FakeClock

    return FakeClock(_marker_kwargs(request).get("clock"))


@pytest.fixture
def opsctl_harness(request: pytest.FixtureRequest, tmp_path: Path,
                   opsctl_clock: FakeClock) -> Iterator[OpsctlHarness]:
    """A temporary opsctl project (store, HOME, config) that runs automations in process."""
    from opsctl.testing.harness import OpsctlHarness

    options = {k: v for k, v in _marker_kwargs(request).items() if k in _HARNESS_KEYS}
    harness = OpsctlHarness(
        tmp_path / ".opsctl-harness", clock=opsctl_clock,
        golden_dir=request.path.parent / "golden",
        normalize={str(tmp_path.resolve()): "<tmp>", str(tmp_path): "<tmp>"}, **options)
    harness.golden_name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name).strip("_")
    try:
        yield harness
    finally:
        harness.close()
