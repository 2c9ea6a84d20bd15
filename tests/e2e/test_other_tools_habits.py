"""What engineers used to Terraform and Ansible type on their first day, and what opsctl answers:
its own spelling of the same thing, with nothing run."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Project, run_opsctl
from tests.e2e.test_cli_core import COUNTER


@pytest.fixture
def counter(project: Project) -> Project:
    project.add_module("counter_auto", COUNTER)
    return project


@pytest.mark.parametrize(("args", "hint"), [
    pytest.param(["plan", "counter", "--environment", "staging", "-out=plan.json"],
                 "opsctl's long options take two dashes: --out", id="terraform-out"),
    pytest.param(["counter", "--environment", "staging", "-target=t-a", "--dry-run"],
                 "opsctl's long options take two dashes: --target", id="terraform-target"),
    pytest.param(["counter", "--environment", "staging", "-auto-approve"],
                 "opsctl's long options take two dashes: --auto-approve",
                 id="terraform-auto-approve"),
    pytest.param(["plan", "counter", "--environment", "staging", "-detailed-exitcode"],
                 "Terraform's -detailed-exitcode is the default here: a plan and --dry-run exit "
                 "10 when changes are planned, 0 when none", id="terraform-detailed-exitcode"),
    pytest.param(["plan", "counter", "-var-file=staging.json"],
                 "Terraform's -var-file is --request FILE here", id="terraform-var-file"),
    pytest.param(["counter", "--environment", "staging", "--check", "--diff"],
                 "Ansible's --check is --dry-run here (or `opsctl plan NAME`)", id="ansible-check"),
    pytest.param(["counter", "--environment", "staging", "--limit", "t-a"],
                 "Ansible's --limit is --target ID here", id="ansible-limit"),
    pytest.param(["counter", "-e", "@staging.yml"],
                 "Ansible's -e is --request FILE here", id="ansible-extra-vars"),
    pytest.param(["counter", "--environment", "staging", "-parallelism=4"],
                 "Terraform's -parallelism is --concurrency N here", id="terraform-parallelism"),
    pytest.param(["counter", "--environment", "staging", "--forks", "4"],
                 "Ansible's --forks is --concurrency N here", id="ansible-forks"),
])
def test_another_tools_option_is_answered_with_opsctls_own(counter: Project, args: list[str],
                                                           hint: str) -> None:
    r = counter.run(*args)
    assert r.code == 2, r.stderr
    last = r.stderr.strip().splitlines()[-1]
    assert last.startswith(f"opsctl: hint: {hint}"), r.stderr
    assert last.endswith("--help`"), r.stderr
    assert "Traceback" not in r.stderr
    assert "run_" not in counter.run("runs").stdout, "nothing was run"


def test_an_option_of_its_own_keeps_the_plain_hint(counter: Project) -> None:
    """`runs --limit` is opsctl's: its bad value is not taken for Ansible's --limit."""
    r = counter.run("runs", "--limit", "ten")
    assert r.code == 2
    assert r.stderr.strip().splitlines()[-1] == "opsctl: hint: see `opsctl runs --help`"


def test_apply_given_a_plan_file_as_terraform_takes_it_says_apply_plan(counter: Project) -> None:
    """`terraform apply PLANFILE` habit: `opsctl apply plan.json` names `--plan`."""
    made = counter.run("plan", "counter", "--environment", "staging", "--out", "plan.json")
    assert made.code == 10, made.stderr
    r = counter.run("apply", "plan.json")
    assert r.code == 2
    assert ("opsctl: error: unknown automation or command 'plan.json' (automations: counter; "
            "see `opsctl --help`); a saved plan file is applied with "
            "`opsctl apply --plan plan.json`") in r.stderr, r.stderr
    assert not (counter.root / "state").exists(), "nothing was applied"
    applied = counter.run("apply", "--plan", "plan.json")
    assert applied.code == 0, applied.stderr


def test_apply_of_an_unknown_name_says_nothing_of_plan_files(counter: Project) -> None:
    r = counter.run("apply", "counterr")
    assert r.code == 2
    assert "--plan" not in r.stderr, r.stderr


@pytest.mark.parametrize(("args", "message"), [
    pytest.param(["counter", "--request", "@staging.yml", "--dry-run"],
                 "request file @staging.yml does not exist; give the path without '@': "
                 "staging.yml", id="request"),
    pytest.param(["apply", "--plan", "@staging.yml"],
                 "plan file @staging.yml does not exist; give the path without '@': "
                 "staging.yml", id="plan"),
])
def test_a_path_written_as_at_file_says_to_drop_the_at(counter: Project, args: list[str],
                                                        message: str) -> None:
    """curl's and Ansible's `@file`: opsctl's options take the path itself."""
    (counter.root / "staging.yml").write_text("environment: staging\n")
    r = counter.run(*args)
    assert r.code == 2
    assert f"opsctl: error: {message}" in r.stderr, r.stderr
    assert "run_" not in counter.run("runs").stdout
    assert counter.run("counter", "--request", "staging.yml", "--dry-run").code == 10


def test_an_at_path_with_no_file_behind_it_is_only_missing(counter: Project) -> None:
    r = counter.run("counter", "--request", "@nowhere.yml", "--dry-run")
    assert r.code == 2
    assert "opsctl: error: request file @nowhere.yml does not exist\n" in r.stderr, r.stderr


def test_show_given_a_saved_plans_id_names_the_runs_of_that_plan(backend_project: Project) -> None:
    """`opsctl plan` prints a plan id beside its run id: `show PLAN_ID` says which run is which."""
    backend_project.add_module("counter_auto", COUNTER)
    made = backend_project.run("plan", "counter", "--environment", "staging", "--out", "plan.json",
                               "--format", "json")
    assert made.code == 10, made.stderr
    plan_id, planning_run = made.doc["artifacts"]["plan_id"], made.doc["run_id"]
    r = backend_project.run("show", plan_id)
    assert r.code == 2
    assert (f"opsctl: error: {plan_id} is a saved plan's id, not a run's: made by run "
            f"{planning_run} (`opsctl show {planning_run}`)\n") in r.stderr, r.stderr
    applied = backend_project.run("apply", "--plan", "plan.json", "--format", "json")
    assert applied.code == 0, applied.stderr
    r = backend_project.run("show", plan_id)
    assert r.code == 2
    assert f"applied by run {applied.doc['run_id']}" in r.stderr, r.stderr
    assert backend_project.run("show", planning_run).code == 0


def test_a_request_document_key_spelled_as_its_flag_names_the_fields(counter: Project) -> None:
    """An Ansible vars file or a Rundeck option copied from `--help`: `older-than:` is the flag's
    spelling; the error lists the field names a document uses."""
    (counter.root / "vars.yml").write_text("environment: staging\nolder-than: 7d\n")
    r = counter.run("counter", "--request", "vars.yml", "--dry-run")
    assert r.code == 2
    assert ("opsctl: error: invalid request for counter: older-than: unknown field (known: "
            "environment, targets, fail_on, transient_on, bug_on, slow, older_than, "
            "verbose_plan)\n") in r.stderr, r.stderr
    assert "run_" not in counter.run("runs").stdout


@pytest.mark.parametrize("extra", [["--target", "t-b"], ["--dry-run"], ["--slow", "1"]],
                         ids=["target", "dry-run", "request-flag"])
def test_a_saved_plan_given_plan_options_says_they_go_to_plan(counter: Project,
                                                              extra: list[str]) -> None:
    """`apply --plan` applies the plan as written: --target, --dry-run or a request flag given
    to it is refused, naming `opsctl plan` as where they go; nothing is applied."""
    made = counter.run("plan", "counter", "--environment", "staging", "--out", "plan.json")
    assert made.code == 10, made.stderr
    r = counter.run("apply", "--plan", "plan.json", *extra)
    assert r.code == 2
    assert r.stderr.strip().splitlines()[-1] == (
        "opsctl: hint: a saved plan applies exactly what `opsctl plan NAME` wrote, its request "
        "and --target included: give them to `opsctl plan` and apply the plan it writes (the "
        "run that wrote a plan shows it: `opsctl show RUN_ID`); see `opsctl apply --help`")
    assert not (counter.root / "state").exists()
    assert counter.run("apply", "--plan", "plan.json").code == 0


def test_a_saved_plan_given_a_run_option_gets_the_plain_hint(counter: Project) -> None:
    made = counter.run("plan", "counter", "--environment", "staging", "--out", "plan.json")
    assert made.code == 10, made.stderr
    r = counter.run("apply", "--plan", "plan.json", "--max-iterations", "4")
    assert r.code == 2
    assert r.stderr.strip().splitlines()[-1] == "opsctl: hint: see `opsctl apply --help`"


@pytest.mark.parametrize(("command", "said"), [
    pytest.param("force-unlock", "a stuck lock is listed by `opsctl locks` and broken by "
                 "`opsctl locks break SCOPE --reason TEXT`", id="terraform-force-unlock"),
    pytest.param("state", "runs are listed by `opsctl runs` and shown by `opsctl show RUN_ID`",
                 id="terraform-state"),
    pytest.param("rerun", "a failed, partial or interrupted run is finished by `opsctl resume "
                 "RUN_ID` (or the same command again)", id="rerun"),
    pytest.param("kill", "a running run is stopped by `opsctl cancel RUN_ID --reason TEXT`",
                 id="rundeck-kill"),
    pytest.param("version", "the version is printed by `opsctl --version`",
                 id="terraform-version"),
    pytest.param("help", "each command's help is `opsctl COMMAND --help`", id="help"),
])
def test_another_tools_command_names_opsctls_own(counter: Project, command: str,
                                                 said: str) -> None:
    r = counter.run(command, "x")
    assert r.code == 2
    assert (f"opsctl: error: unknown automation or command {command!r} (automations: counter; "
            f"see `opsctl --help`); {said}\n") in r.stderr, r.stderr


def test_show_given_a_plan_file_as_terraform_show_reads_one_names_its_runs(
        counter: Project) -> None:
    made = counter.run("plan", "counter", "--environment", "staging", "--out", "plan.json",
                       "--format", "json")
    assert made.code == 10, made.stderr
    plan_id, planning_run = made.doc["artifacts"]["plan_id"], made.doc["run_id"]
    r = counter.run("show", "plan.json")
    assert r.code == 2
    assert (f"opsctl: error: plan.json is the saved plan file of {plan_id}, not a run: made by "
            f"run {planning_run} (`opsctl show {planning_run}`)\n") in r.stderr, r.stderr
    # carried to a project with a store of its own, where it was not made
    (counter.root / "elsewhere").mkdir()
    (counter.root / "elsewhere" / "plan.json").write_text((counter.root / "plan.json").read_text())
    (counter.root / "elsewhere" / "opsctl.toml").write_text("")
    r = run_opsctl("show", "plan.json", cwd=counter.root / "elsewhere")
    assert r.code == 2
    assert (f"plan.json is the saved plan file of {plan_id}, not a run: its plan is not in this "
            "store") in r.stderr, r.stderr
    # a JSON file that is no plan is only not a run
    (counter.root / "list.json").write_text("[1]")
    r = counter.run("show", "list.json")
    assert r.code == 2
    assert "opsctl: error: no run 'list.json'" in r.stderr, r.stderr


@pytest.mark.parametrize("verb", [[], ["plan"]], ids=["run", "plan"])
def test_two_request_documents_are_refused_not_the_first_dropped(counter: Project,
                                                                 verb: list[str]) -> None:
    """Terraform merges -var-file files and Ansible -e ones; opsctl reads one document: the
    second is refused, naming both, rather than the first dropped (was: `environment: required
    field is missing`, though common.yml gave it)."""
    (counter.root / "common.yml").write_text("environment: staging\n")
    (counter.root / "targets.yml").write_text("targets: [x]\n")
    r = counter.run(*verb, "counter", "--request", "common.yml", "--request", "targets.yml",
                    "--dry-run" if not verb else "--diff")
    assert r.code == 2
    assert ("opsctl: error: Invalid value for '--request': given 2 times (common.yml, "
            "targets.yml): a run reads one request document; merge them into one, or give the "
            "other fields as flags") in r.stderr, r.stderr
    assert "run_" not in counter.run("runs").stdout
    one = counter.run(*verb, "counter", "--request", "common.yml", "--targets", "x",
                      "--format", "json", *([] if verb else ["--dry-run"]))
    assert one.code == 10, one.stderr
    assert one.doc["request"]["targets"] == ["x"]


def test_a_schedule_given_two_request_documents_is_refused_and_not_stored(
        counter: Project) -> None:
    (counter.root / "common.yml").write_text("environment: staging\n")
    (counter.root / "targets.yml").write_text("targets: [x]\n")
    r = counter.run("schedule", "add", "nightly", "--automation", "counter", "--cron",
                    "0 2 * * *", "--request", "common.yml", "--request", "targets.yml")
    assert r.code == 2
    assert "Invalid value for '--request': given 2 times (common.yml, targets.yml)" in r.stderr
    listed = counter.run("schedule", "list", "--format", "json", expect_json=True)
    assert listed.code == 0 and listed.doc == [], listed.stdout


def test_two_saved_plans_are_refused_not_the_first_skipped(counter: Project) -> None:
    """`apply --plan a.json --plan b.json` applied b only and said nothing of a."""
    for environment in ("staging", "prod"):
        made = counter.run("plan", "counter", "--environment", environment, "--out",
                           f"{environment}.json")
        assert made.code == 10, made.stderr
    r = counter.run("apply", "--plan", "staging.json", "--plan", "prod.json")
    assert r.code == 2
    assert ("opsctl: error: Invalid value for '--plan': given 2 times (staging.json, prod.json): "
            "one saved plan is applied at a time: `opsctl apply --plan FILE` for each") \
        in r.stderr, r.stderr
    assert not (counter.root / "state").exists(), "neither plan was applied"
    for environment in ("staging", "prod"):
        assert counter.run("apply", "--plan", f"{environment}.json").code == 0
    assert sorted(p.name for p in (counter.root / "state").iterdir()) == ["prod", "staging"]


@pytest.mark.parametrize(("verb", "hint"), [
    pytest.param("plan", "`opsctl plan NAME` changes nothing already: leave --dry-run out",
                 id="plan"),
    pytest.param("apply", "`opsctl apply NAME` changes things; a dry run is `opsctl plan NAME` "
                 "or `opsctl NAME --dry-run`", id="apply"),
    pytest.param("reconcile", "`opsctl reconcile NAME` changes things; a dry run is `opsctl "
                 "plan NAME` or `opsctl NAME --dry-run`", id="reconcile"),
])
def test_dry_run_after_a_verb_says_where_the_dry_run_is(counter: Project, verb: str,
                                                        hint: str) -> None:
    r = counter.run(verb, "counter", "--environment", "staging", "--dry-run")
    assert r.code == 2
    assert r.stderr.strip().splitlines()[-1] == (
        f"opsctl: hint: {hint}; see `opsctl {verb} counter --help`"), r.stderr
    assert not (counter.root / "state").exists()


def test_a_request_copied_from_a_run_with_a_secret_says_to_give_its_value(
        project: Project) -> None:
    """Rundeck's "run again with the same options": the recorded request keeps a secret only
    as its digest; given back as a document, the error says so and names the variable (was:
    `token: Input should be a valid string`)."""
    from tests.e2e.test_saved_plans_and_secrets import LEAKY

    project.add_module("leaky_auto", LEAKY)
    made = project.run("plan", "leaky", "--name", "a", "--format", "json",
                       env=project.env({"OPSCTL_SECRET_TOKEN": "s3cr3t-value"}))
    assert made.code == 10, made.stderr
    shown = project.run("show", made.doc["run_id"], "--format", "json", expect_json=True)
    recorded = shown.doc["request"]
    assert set(recorded["token"]) == {"$secret"}
    (project.root / "again.json").write_text(json.dumps(recorded))
    r = project.run("plan", "leaky", "--request", "again.json")
    assert r.code == 2
    assert ("opsctl: error: invalid request for leaky: token: a recorded secret's digest "
            '({"$secret": ...}), not its value: give the value (on the command line: '
            "OPSCTL_SECRET_TOKEN)\n") in r.stderr, r.stderr
    again = project.run("plan", "leaky", "--request", "again.json",
                        env=project.env({"OPSCTL_SECRET_TOKEN": "s3cr3t-value"}))
    assert again.code == 10, again.stderr


@pytest.mark.parametrize("verb", ["approve", "reject"])
def test_a_plan_file_given_to_approve_names_its_plan_id(counter: Project, verb: str) -> None:
    made = counter.run("plan", "counter", "--environment", "staging", "--out", "plan.json",
                       "--format", "json")
    assert made.code == 10, made.stderr
    plan_id = made.doc["artifacts"]["plan_id"]
    r = counter.run(verb, "plan.json", "--reason", "reviewed")
    assert r.code == 2
    assert (f"opsctl: error: plan.json is a plan file, not a plan id: its plan is {plan_id} "
            f"(`opsctl {verb} {plan_id} --reason TEXT`)\n") in r.stderr, r.stderr
    events = counter.run("audit", "export", "--format", "json", expect_json=True).doc["events"]
    assert not [e for e in events if e["kind"].startswith("approval.")], "nothing recorded"
