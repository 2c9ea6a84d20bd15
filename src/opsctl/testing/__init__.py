"""opsctl's test kit: run an automation in process against a temporary store, with a fake clock.

With pytest, the ``opsctl_harness`` and ``opsctl_clock`` fixtures come from the plugin this
package registers (:mod:`opsctl.testing.plugin`); ``pytest --opsctl-update-golden`` rewrites
golden plan snapshots. Without pytest, build an :class:`OpsctlHarness` yourself. See
docs/testing.md.
"""

from __future__ import annotations

from opsctl.testing.clock import FakeClock
from opsctl.testing.golden import UPDATE_GOLDEN_ENV, assert_plan_matches_golden, plan_snapshot
from opsctl.testing.harness import (
    OpsctlHarness,
    assert_dry_run_matches_apply,
    assert_idempotent,
    assert_schemas_match_lock,
)
from opsctl.testing.results import Result, assert_exit, assert_result_valid

__all__ = [
    "UPDATE_GOLDEN_ENV",
    "FakeClock",
    "OpsctlHarness",
    "Result",
    "assert_dry_run_matches_apply",
    "assert_exit",
    "assert_idempotent",
    "assert_plan_matches_golden",
    "assert_result_valid",
    "assert_schemas_match_lock",
    "plan_snapshot",
]
