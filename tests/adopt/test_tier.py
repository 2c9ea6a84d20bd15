"""The promotion tier: one step per trigger met (run by automation, changes production, others
depend on it), each spelled out with its evidence."""

from __future__ import annotations

import pytest

from opsctl.adopt.model import Author, Caller, Effect, EnvVar, Flag, Interface, Owners, Script
from opsctl.adopt.tier import promotion

CI = Caller(".github/workflows/nightly.yml", 12, "github-actions")
CRON = Caller("deploy/crontab", 3, "cron")
MAKE = Caller("Makefile", 4, "makefile")
ENTRY = Caller("pyproject.toml", 9, "entry-point")
RM = Effect("command", True, "rm -rf $BUILD", 7)
POST = Effect("http", False, "requests.post", 20)
WRITE = Effect("file-write", False, "open(report, 'w')", 5)


def script(**fields: object) -> Script:
    return Script(path="ops/x.py", language="python", **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(("fields", "tier", "first_reason"), [
    pytest.param({}, "private", "no callers found", id="nothing"),
    pytest.param({"effects": [WRITE]}, "private", "no callers found", id="local-write-only"),
    pytest.param({"callers": [CI]}, "shared", "run by CI: .github/workflows/nightly.yml:12",
                 id="ci"),
    pytest.param({"callers": [CRON]}, "shared", "run by CI or on a schedule: deploy/crontab:3",
                 id="cron"),
    pytest.param({"effects": [RM]}, "shared", "destroys data or resources: rm -rf $BUILD (line 7)",
                 id="destructive"),
    pytest.param({"effects": [POST]}, "shared", "changes remote systems: requests.post (line 20)",
                 id="remote-write"),
    pytest.param({"interface": Interface("argparse", [Flag("--env", "choice",
                                                           choices=["staging", "prod"])])},
                 "shared", "targets production: --env=prod", id="prod-choice"),
    pytest.param({"callers": [MAKE]}, "shared", "others depend on it: Makefile:4", id="makefile"),
    pytest.param({"owners": Owners([Author("a", "a@x", 1), Author("b", "b@x", 1),
                                    Author("c", "c@x", 1)])},
                 "shared", "changed by 3 people", id="many-authors"),
    pytest.param({"callers": [CI, MAKE]}, "interface", "run by CI", id="ci-and-make"),
    pytest.param({"callers": [CI, ENTRY], "effects": [RM]}, "platform", "run by CI",
                 id="all-three"),
])
def test_each_trigger_met_raises_the_tier_by_one(fields: dict[str, object], tier: str,
                                                first_reason: str) -> None:
    got_tier, reasons, _ = promotion(script(**fields))
    assert got_tier == tier
    assert reasons[0].startswith(first_reason)


def test_the_notes_follow_the_triggers() -> None:
    tier, reasons, _ = promotion(script(effects=[RM], env=[EnvVar("DB_PASSWORD", 3, True)]))
    assert tier == "shared"
    assert reasons[1:] == ["no dry-run flag",
                           "reads credentials from the environment: DB_PASSWORD"]


def test_many_callers_are_shortened() -> None:
    callers = [Caller(f"Makefile{i}", i, "makefile") for i in range(1, 6)]
    _, reasons, _ = promotion(script(callers=callers))
    assert reasons[0] == "others depend on it: Makefile1:1, Makefile2:2, Makefile3:3 and 2 more"


def test_risk_orders_by_blast_radius() -> None:
    quiet = promotion(script(effects=[WRITE]))[2]
    loud = promotion(script(effects=[RM], callers=[CI]))[2]
    dry = promotion(script(effects=[RM], callers=[CI], has_dry_run=True))[2]
    assert quiet < dry < loud
