"""OpsctlOperator in a real Airflow DAG run by ``dag.test()``: AIRFLOW_HOME in a temporary
directory, a SQLite metadata database made by ``airflow db migrate``.

One DAG holds a task per exit-code class and runs once (starting Airflow's in-process
execution API dominates the time): in a subprocess, so Airflow's settings, logging and
warnings stay out of this test process. The subprocess prints the task instances' states,
tries and XComs as one JSON line.

Needs ``opsctl[airflow]``; ``.ci/integrations-check`` runs this file in a venv of its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("airflow", minversion="3")

from tests.conftest import validate_result
from tests.integrations.conftest import AUTOMATION, write_project

SECRET = "hunter2-correct-horse"
BIN = Path(sys.executable).parent

DAG_FILE = '''\
from datetime import datetime, timedelta

from airflow.sdk import DAG, task

from opsctl.integrations.airflow import XCOM_RESULT_KEY, OpsctlOperator

PROJECT = {project!r}
AUTOMATION = {automation!r}
NO_DELAY = timedelta(0)

with DAG("opsctl_adapters", schedule=None, start_date=datetime(2024, 1, 1), catchup=False,
         params={{"folder": "templated"}}) as dag:
    OpsctlOperator(task_id="plan", automation=AUTOMATION, mode="plan", project_dir=PROJECT,
                   request={{"folder": "{{{{ params.folder }}}}"}})
    OpsctlOperator(task_id="apply", automation=AUTOMATION, project_dir=PROJECT,
                   request={{"folder": "{{{{ params.folder }}}}-applied"}},
                   idempotency_key="{{{{ dag.dag_id }}}}-{{{{ task.task_id }}}}-{{{{ run_id }}}}")
    OpsctlOperator(task_id="flaky", automation=AUTOMATION, project_dir=PROJECT,
                   request={{"folder": "flaky", "files": ["a"], "flaky": {{"a": 1}}}},
                   retries=2, retry_delay=NO_DELAY)
    OpsctlOperator(task_id="locked", automation=AUTOMATION, project_dir=PROJECT,
                   request={{"folder": "locked"}}, retries=1, retry_delay=NO_DELAY)
    OpsctlOperator(task_id="invalid", automation=AUTOMATION, project_dir=PROJECT,
                   request={{"folder": "invalid", "nope": 1}}, retries=2, retry_delay=NO_DELAY)
    OpsctlOperator(task_id="precheck", automation=AUTOMATION, project_dir=PROJECT,
                   request={{"folder": "precheck", "precheck": True}}, retries=2,
                   retry_delay=NO_DELAY)
    OpsctlOperator(task_id="denied", automation=AUTOMATION, project_dir=PROJECT,
                   request={{"folder": "denied", "denied": True}}, retries=2,
                   retry_delay=NO_DELAY)
    OpsctlOperator(task_id="leak", automation=AUTOMATION, project_dir=PROJECT,
                   request={{"folder": "leak", "token": {secret!r}, "leak": True}})
    partial = OpsctlOperator(task_id="partial", automation=AUTOMATION, project_dir=PROJECT,
                             request={{"folder": "partial", "broken": ["b"]}}, retries=2,
                             retry_delay=NO_DELAY)

    @task(trigger_rule="all_done")
    def inspect(ti=None):
        doc = ti.xcom_pull(task_ids="partial", key=XCOM_RESULT_KEY)
        return {{a["id"]: a["status"] for a in doc["plan"]["actions"]}}

    partial >> inspect()
'''

RUN_DAG_TEST = '''\
import json, sys

sys.path.insert(0, {dags!r})
from opsctl_adapters import dag
from airflow.models.xcom import XComModel
from airflow.utils.session import create_session

run = dag.test()
out = {{"state": str(run.state), "tasks": {{}}, "xcom": {{}}}}
for ti in run.get_task_instances():
    out["tasks"][ti.task_id] = {{"state": str(ti.state), "tries": ti.try_number}}
with create_session() as session:
    for row in session.scalars(XComModel.get_many(run_id=run.run_id, dag_ids=dag.dag_id)):
        out["xcom"].setdefault(row.task_id, {{}})[row.key] = XComModel.deserialize_value(row)
print("DAG-TEST-RESULT " + json.dumps(out))
'''


@pytest.fixture(scope="module")
def dag_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from opsctl.engine.locks import acquire_lease
    from opsctl.engine.session import open_session
    from tests.conftest import clean_env

    root = tmp_path_factory.mktemp("airflow")
    project = write_project(root / "proj")
    home = root / "airflow-home"
    dags = home / "dags"
    dags.mkdir(parents=True)
    (dags / "opsctl_adapters.py").write_text(DAG_FILE.format(
        project=str(project), automation=AUTOMATION, secret=SECRET))
    user_home = root / "home"
    (user_home / ".config").mkdir(parents=True)
    env = clean_env(user_home, {
        "AIRFLOW_HOME": str(home), "AIRFLOW__CORE__DAGS_FOLDER": str(dags),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home / 'airflow.db'}",
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    })
    env = {k: v for k, v in env.items() if not k.startswith("AIRFLOW__") or k in (
        "AIRFLOW__CORE__DAGS_FOLDER", "AIRFLOW__CORE__LOAD_EXAMPLES",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN")}
    migrate = subprocess.run([str(BIN / "airflow"), "db", "migrate"], cwd=root, env=env,
                             capture_output=True, text=True, timeout=600)
    assert migrate.returncode == 0, migrate.stdout + migrate.stderr

    # "locked": another run holds the target's lease for the whole DAG run
    holder = open_session(cwd=project, env=clean_env(user_home))
    automation = holder.catalog.load(AUTOMATION)
    lease = acquire_lease(holder.store,
                          automation.scope_key(automation.request_model(folder="locked")),
                          "run_elsewhere", actor="someone", ttl_s=3600, wait_s=0,
                          clock=holder.clock)
    try:
        proc = subprocess.run([sys.executable, "-c", RUN_DAG_TEST.format(dags=str(dags))],
                              cwd=root, env=env, capture_output=True, text=True, timeout=1200)
    finally:
        lease.release()
        holder.close()
    output = proc.stdout + proc.stderr
    lines = [line for line in proc.stdout.splitlines() if line.startswith("DAG-TEST-RESULT ")]
    assert proc.returncode == 0 and lines, output[-20000:]
    result: dict[str, Any] = json.loads(lines[-1].split(" ", 1)[1])
    result["output"] = output
    result["project"] = project
    return result


def task_state(dag_run: dict[str, Any], task_id: str) -> tuple[str, int]:
    found = dag_run["tasks"][task_id]
    return found["state"], found["tries"]


def test_the_dag_run_fails_because_some_tasks_fail(dag_run: dict[str, Any]) -> None:
    assert dag_run["state"] == "failed"


def test_a_plan_with_changes_succeeds_and_says_changes_planned(dag_run: dict[str, Any]) -> None:
    assert task_state(dag_run, "plan") == ("success", 1)
    doc = dag_run["xcom"]["plan"]["return_value"]
    validate_result(doc)
    assert (doc["exit_code"], doc["status"]) == (10, "changes_planned")
    assert doc["request"]["folder"] == "templated"  # the request was rendered
    assert "changes planned: opsctl integ-files plan: changes_planned (exit 10)" in \
        dag_run["output"]


def test_an_apply_returns_its_result_document_as_xcom(dag_run: dict[str, Any]) -> None:
    assert task_state(dag_run, "apply") == ("success", 1)
    doc = dag_run["xcom"]["apply"]["return_value"]
    validate_result(doc)
    assert (doc["exit_code"], doc["status"]) == (0, "succeeded")
    assert doc["idempotency_key"].startswith("opsctl_adapters-apply-manual__")
    assert (dag_run["project"] / "templated-applied" / "a").read_text() == "a"


def test_exit_4_is_retried_and_the_retry_resumes_the_run(dag_run: dict[str, Any]) -> None:
    assert task_state(dag_run, "flaky") == ("success", 2)
    doc = dag_run["xcom"]["flaky"]["return_value"]
    assert doc["status"] == "succeeded" and doc["plan"]["actions"][0]["attempts"] == 2


def test_exit_7_is_retried_until_the_retries_run_out(dag_run: dict[str, Any]) -> None:
    assert task_state(dag_run, "locked") == ("failed", 2)
    doc = dag_run["xcom"]["locked"]["opsctl_result"]
    assert (doc["exit_code"], doc["status"]) == (7, "conflict")


@pytest.mark.parametrize(("task_id", "code"), [("invalid", 2), ("precheck", 3), ("denied", 6)])
def test_other_failures_are_not_retried(dag_run: dict[str, Any], task_id: str,
                                        code: int) -> None:
    assert task_state(dag_run, task_id) == ("failed", 1)  # retries=2 left unused
    doc = dag_run["xcom"][task_id]["opsctl_result"]
    validate_result(doc)
    assert doc["exit_code"] == code
    assert "return_value" not in dag_run["xcom"][task_id]


def test_exit_5_fails_once_with_the_partial_result_in_xcom(dag_run: dict[str, Any]) -> None:
    assert task_state(dag_run, "partial") == ("failed", 1)
    doc = dag_run["xcom"]["partial"]["opsctl_result"]
    validate_result(doc)
    assert (doc["exit_code"], doc["status"]) == (5, "partial")
    # a downstream task (trigger_rule="all_done") reads it as the docs say
    assert task_state(dag_run, "inspect") == ("success", 1)
    assert dag_run["xcom"]["inspect"]["return_value"] == {"file-a": "applied",
                                                         "file-b": "failed"}


def test_secrets_stay_masked_in_xcom_and_the_task_log(dag_run: dict[str, Any]) -> None:
    assert task_state(dag_run, "leak") == ("failed", 1)
    doc = dag_run["xcom"]["leak"]["opsctl_result"]
    assert doc["request"]["token"] == "***" and "token *** was refused" in doc["error"]["message"]
    assert SECRET not in json.dumps(dag_run["xcom"])
    assert SECRET not in dag_run["output"]
    assert "token *** was refused" in dag_run["output"]


def test_the_operator_templates_its_inputs() -> None:
    from opsctl.integrations.airflow import OpsctlOperator

    for field in ("automation", "request", "idempotency_key", "mode", "project_dir"):
        assert field in OpsctlOperator.template_fields

