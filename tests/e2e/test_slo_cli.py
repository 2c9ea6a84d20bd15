"""``opsctl slo`` and ``opsctl slo rules`` through the installed console script."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from tests.conftest import Project

MODULE = """
from pydantic import BaseModel, Field
from opsctl import Action, Automation


class Request(BaseModel):
    label: str = Field(description="Which thing")
    fail: bool = Field(default=False, description="Fail the apply")


paced = Automation("paced", version="1.0.0", owner="tests", summary="With objectives",
                   request=Request, slo={"success_rate": 0.95, "p95": "10m", "window": "7d"})
plain = Automation("plain", version="1.0.0", owner="tests", summary="Without objectives",
                   request=Request)


@paced.plan
@plain.plan
def plan(ctx, req):
    yield Action(id="one", kind="update", target="thing-" + req.label, reason="test")


@paced.apply
@plain.apply
def apply(ctx, req, action):
    if req.fail:
        raise RuntimeError("broken")
"""


def seed(project: Project) -> None:
    project.add_module("paced_mod", MODULE)
    for args, code in ((["paced", "--label", "a"], 0), (["paced", "--label", "b"], 0),
                       (["paced", "--label", "c", "--fail"], 1),
                       (["paced", "--label", "d", "--dry-run"], 10),
                       (["plain", "--label", "a"], 0)):
        assert project.run(*args, "-q").code == code


def by_name(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["automation"]: r for r in doc["automations"]}


def test_report_json_counts_applies_and_shows_objectives(backend_project: Project) -> None:
    seed(backend_project)
    result = backend_project.run("slo", "--format", "json")
    assert result.code == 0, result.stderr
    reports = by_name(result.doc)
    assert list(reports) == ["paced"]  # only automations that declare an slo
    paced = reports["paced"]
    assert paced["objectives"] == {"success_rate": 0.95, "p50": None, "p95": "10m",
                                   "window": "7d"}
    assert (paced["window"], paced["runs"], paced["succeeded"], paced["failed"]) == ("7d", 3, 2, 1)
    assert paced["success_rate"] == pytest.approx(2 / 3)
    assert paced["met"]["success_rate"] is False and paced["met"]["p95"] is True
    assert paced["error_budget_remaining"] == pytest.approx(1 - 1 / (0.05 * 3))
    assert [b["severity"] for b in paced["burn_rates"]] == ["page", "page", "ticket", "ticket"]
    # a third of the runs failed: the budget burns 6.7x as fast as allowed in every window
    assert [b["long_burn_rate"] for b in paced["burn_rates"]] == [6.6667] * 4
    assert [b["firing"] for b in paced["burn_rates"]] == [False, True, True, True]
    assert paced["retry_rate"] == 0.0

    one = backend_project.run("slo", "plain", "--window", "1d", "--format", "json")
    assert one.code == 0, one.stderr
    plain = by_name(one.doc)["plain"]
    assert plain["objectives"] is None and plain["window"] == "1d"
    assert plain["runs"] == 1 and plain["success_rate"] == 1.0
    assert plain["error_budget_remaining"] is None and plain["burn_rates"] == []


def test_report_text(project: Project) -> None:
    seed(project)
    result = project.run("slo")
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["AUTOMATION", "WINDOW", "RUNS"]
    assert lines[1].startswith("paced") and "66.67% / 95.00% MISSED" in lines[1]
    assert "/ 10m ok" in lines[1]


def test_rules_yaml_has_burn_rate_and_latency_alerts(project: Project) -> None:
    seed(project)
    result = project.run("slo", "rules")
    assert result.code == 0, result.stderr
    rules = yaml.safe_load(result.stdout)
    assert [g["name"] for g in rules["groups"]] == ["opsctl-slo-paced"]
    alerts = rules["groups"][0]["rules"]
    assert [(a["alert"], a["labels"]["severity"]) for a in alerts] == [
        ("OpsctlErrorBudgetBurn", "page"), ("OpsctlErrorBudgetBurn", "ticket"),
        ("OpsctlRunDurationP95", "ticket")]
    page = alerts[0]
    assert page["for"] == "2m" and page["labels"]["automation"] == "paced"
    assert 'opsctl_slo_error_ratio{automation="paced",window="1h"} > 0.72' in page["expr"]
    assert 'window="5m"' in page["expr"] and 'window="30m"' in page["expr"]
    assert "ignoring(window)" in page["expr"]
    assert page["annotations"]["summary"]
    assert "opsctl_run_duration_seconds_bucket" in alerts[2]["expr"]
    assert alerts[2]["expr"].endswith("> 600")

    one = project.run("slo", "rules", "paced")
    assert one.code == 0 and yaml.safe_load(one.stdout) == rules


@pytest.mark.parametrize(("args", "message"), [
    (("slo", "nope"), "unknown automation 'nope'"),
    (("slo", "--window", "soon"), "--window: invalid duration"),
    (("slo", "--window", "0s"), "--window: the window must be longer than zero"),
    (("slo", "rules", "plain"), "plain declares no slo"),
    (("slo", "rules", "nope"), "unknown automation 'nope'"),
    (("slo", "paced", "extra"), "unexpected argument 'extra'"),
], ids=["unknown", "bad-window", "zero-window", "rules-without-slo", "rules-unknown",
        "extra-argument"])
def test_input_errors_exit_2(project: Project, args: tuple[str, ...], message: str) -> None:
    project.add_module("paced_mod", MODULE)
    result = project.run(*args)
    assert result.code == 2
    assert message in result.stderr


def test_describe_shows_the_objectives(project: Project) -> None:
    project.add_module("paced_mod", MODULE)
    text = project.run("describe", "paced")
    assert text.code == 0
    assert "slo: success rate 95%, p95 10m over 7d" in text.stdout
    doc = project.run("describe", "paced", "--format", "json")
    assert doc.doc["slo"] == {"success_rate": 0.95, "p50": None, "p95": "10m", "window": "7d"}
    assert project.run("describe", "plain", "--format", "json").doc["slo"] is None


def test_a_bad_slo_is_a_configuration_error(project: Project) -> None:
    project.add_module("bad_slo", MODULE.replace('"success_rate": 0.95', '"success_rate": 95'))
    result = project.run("list")
    assert result.code == 2
    assert "slo success_rate must be a number between 0 and 1" in result.stderr
