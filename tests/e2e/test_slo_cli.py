"""``opsctl slo`` and ``opsctl slo rules`` through the installed console script."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from tests.conftest import Project

MODULE = """
from pydantic import BaseModel, Field
from opsctl import Action, Automation, AuthError


class Request(BaseModel):
    label: str = Field(description="Which thing")
    fail: bool = Field(default=False, description="Fail the apply")
    refused: bool = Field(default=False, description="The remote refuses our credentials")


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
    if req.refused:
        raise AuthError("HTTP 401 from the remote: credentials or permission refused")
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


def test_rules_under_format_json_are_one_json_document(project: Project) -> None:
    """--format json prints the same rules as one JSON document (a rule file may be JSON),
    not YAML on a stdout that callers parse as JSON."""
    seed(project)
    result = project.run("slo", "rules", "--format", "json")
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout) == yaml.safe_load(project.run("slo", "rules").stdout)


@pytest.mark.parametrize(("args", "message"), [
    (("slo", "nope"), "unknown automation 'nope'"),
    (("slo", "--window", "soon"), "--window: invalid duration"),
    (("slo", "--window", "0s"), "--window: the window must be longer than zero"),
    (("slo", "--window", "1000000d"), "--window: the window must be at most 3650d"),
    (("slo", "rules", "plain"), "plain declares no slo"),
    (("slo", "rules", "nope"), "unknown automation 'nope'"),
    (("slo", "paced", "extra"), "unexpected argument 'extra'"),
], ids=["unknown", "bad-window", "zero-window", "huge-window", "rules-without-slo", "rules-unknown",
        "extra-argument"])
def test_input_errors_exit_2(project: Project, args: tuple[str, ...], message: str) -> None:
    project.add_module("paced_mod", MODULE)
    result = project.run(*args)
    assert result.code == 2
    assert message in result.stderr


def test_an_out_of_reach_page_threshold_is_noted_in_the_report_and_the_rules(
        project: Project) -> None:
    """A 75% objective burns at most 4x: the 14.4x and 6x pages are capped at every run
    failing, and both outputs say so."""
    project.add_module("low_mod", GUARDED.replace('"guarded"', '"low"').replace("0.99", "0.75"))
    assert project.run("low", "--label", "a", "-q").code == 0
    report = project.run("slo", "low")
    assert report.code == 0, report.stderr
    notes = [line for line in report.stdout.splitlines() if line.startswith("note: ")]
    assert [n.split(":")[1] for n in notes] == [" low page 1h/5m", " low page 6h/30m"]
    assert "out of reach for a 75% objective" in notes[0]
    doc = project.run("slo", "low", "--format", "json").doc
    assert [b["error_ratio_threshold"] for b in by_name(doc)["low"]["burn_rates"]] == [
        1.0, 1.0, 0.75, 0.25]
    rules = project.run("slo", "rules", "low")
    assert rules.code == 0, rules.stderr
    assert rules.stdout.startswith("# low: page 1h/5m: a 14.4x burn is out of reach")
    assert "window=\"1h\"} >= 1 and" in yaml.safe_load(rules.stdout)["groups"][0]["rules"][0]["expr"]


GUARDED = """
from pydantic import BaseModel, Field
from opsctl import Action, Automation


class Request(BaseModel):
    label: str = Field(description="Which thing")


guarded = Automation("guarded", version="1.0.0", owner="tests", summary="Not for everyone",
                     request=Request, slo={"success_rate": 0.99})


@guarded.plan
def plan(ctx, req):
    yield Action(id="one", kind="update", target="thing-" + req.label, reason="test")


@guarded.apply
def apply(ctx, req, action):
    pass
"""

VIEW_PACED_ONLY = """
[[permissions.grants]]
role = "viewer"
to = ["vera"]
automations = ["paced"]

[[permissions.grants]]
role = "viewer"
to = ["auditor"]
"""


def test_report_and_rules_show_only_what_the_actor_may_view(backend_project: Project) -> None:
    """As `opsctl list` shows them: an actor who may view some automations gets their figures
    and rules, not a refusal at the first it may not view; one who may view none is refused."""
    seed(backend_project)
    backend_project.add_module("guarded_mod", GUARDED)
    backend_project.write_config(VIEW_PACED_ONLY)

    def as_(actor: str, *args: str) -> Any:
        return backend_project.run(*args, env=backend_project.env({"OPSCTL_ACTOR": actor}))

    assert list(by_name(as_("auditor", "slo", "--format", "json").doc)) == ["guarded", "paced"]
    report = as_("vera", "slo", "--format", "json")
    assert report.code == 0, report.stderr
    assert list(by_name(report.doc)) == ["paced"]
    rules = as_("vera", "slo", "rules")
    assert rules.code == 0, rules.stderr
    assert [g["name"] for g in yaml.safe_load(rules.stdout)["groups"]] == ["opsctl-slo-paced"]
    for args in (("slo", "guarded"), ("slo", "rules", "guarded")):
        hidden = as_("vera", *args)
        assert hidden.code == 6, (args, hidden.stdout)
        assert "actor vera may not view guarded" in hidden.stderr
    for args in (("slo",), ("slo", "rules")):
        nothing = as_("nobody", *args)
        assert nothing.code == 6, (args, nothing.stdout)
        assert "actor nobody may not view" in nothing.stderr
    unknown = as_("nobody", "slo", "nope")
    assert unknown.code == 2 and "unknown automation 'nope'" in unknown.stderr

    exported = as_("auditor", "audit", "export", "--format", "jsonl")
    assert exported.code == 0, exported.stderr
    denials = [(e["actor"], e["payload"]["automation"]) for e in map(json.loads,
               exported.stdout.splitlines()) if e["kind"] == "permission.denied"]
    assert denials == [("vera", "guarded"), ("vera", "guarded"), ("nobody", "*"),
                       ("nobody", "*")]


VIEW_PACED_IN_STAGING = """
[[permissions.grants]]
role = "viewer"
to = ["stella"]
automations = ["paced"]
environments = ["staging"]
"""


def test_figures_are_refused_to_a_grant_on_some_environments(project: Project) -> None:
    """The figures count the runs of every environment: a grant on some of them may read the
    rules of an automation, not how the runs it may not view went."""
    seed(project)
    project.write_config(VIEW_PACED_IN_STAGING)
    env = project.env({"OPSCTL_ACTOR": "stella"})

    for args in (("slo", "paced", "--format", "json"), ("slo", "--format", "json")):
        refused = project.run(*args, env=env)
        assert refused.code == 6, (args, refused.stdout)
        assert "automations" not in refused.stdout
        assert "actor stella may not view the figures of" in refused.stderr
    rules = project.run("slo", "rules", "paced", env=env)
    assert rules.code == 0, rules.stderr
    assert [g["name"] for g in yaml.safe_load(rules.stdout)["groups"]] == ["opsctl-slo-paced"]

    project.write_config("")
    exported = project.run("audit", "export", "--format", "jsonl")
    denials = [(e["actor"], e["payload"]["automation"]) for e in map(json.loads,
               exported.stdout.splitlines()) if e["kind"] == "permission.denied"]
    assert denials == [("stella", "paced"), ("stella", "*")]


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


def test_a_remote_refusing_credentials_fails_the_run_and_spends_the_budget(
        backend_project: Project) -> None:
    """An AuthError from the automation's remote (expired credentials) is a failed run, exit 6:
    not `denied`, which is opsctl's own governance and does not count in the SLO."""
    backend_project.add_module("paced_mod", MODULE)
    assert backend_project.run("paced", "--label", "a", "-q").code == 0
    refused = backend_project.run("paced", "--label", "b", "--refused", "--format", "json")
    assert refused.code == 6, refused.stderr
    assert (refused.doc["status"], refused.doc["error"]["type"],
            refused.doc["error"]["step"]) == ("failed", "auth", "apply")

    report = by_name(backend_project.run("slo", "--format", "json").doc)["paced"]
    assert (report["runs"], report["succeeded"], report["failed"]) == (2, 1, 1)
