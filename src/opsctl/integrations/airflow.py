"""Run an opsctl automation as an Airflow task (``pip install 'opsctl[airflow]'``).

.. code-block:: python

    from opsctl.integrations.airflow import OpsctlOperator

    rotate = OpsctlOperator(
        task_id="rotate_keys",
        automation="rotate-keys",
        request={"environment": "{{ params.environment }}"},
        project_dir="/srv/ops",               # where opsctl.toml is
        retries=3, retry_delay=timedelta(minutes=5),
    )

``execute`` runs the automation in the task's own process through the library
(:func:`opsctl.integrations.common.run_automation`) and returns its result document, which
Airflow pushes as the task's XCom (``return_value``). Exit codes map to Airflow's states as
:data:`~opsctl.integrations.common.EXIT_CODE_POLICY` says:

* 0: success. 10 ("changes planned", ``mode="plan"``): success, logged ``changes planned``.
* 4, 7: :class:`OpsctlRetryableError` (an ``AirflowException``): Airflow retries it while
  the task has ``retries`` left. A retry resumes the run from its journal.
* 2, 3, 6 (and 1, 130): :class:`OpsctlFailError` (an ``AirflowFailException``): failed at
  once, never retried.
* 5: :class:`OpsctlFailError` too, and the partial result document is pushed to XCom under
  the key ``opsctl_result`` before the task fails (every failing outcome is, so a downstream
  task with ``trigger_rule="all_done"`` can ``xcom_pull(task_ids=..., key="opsctl_result")``).

Both exceptions carry the result document (``.document``), its ``exit_code`` and the
:class:`~opsctl.integrations.common.OpsctlTaskFailed` they come from (``__cause__``).
opsctl's log events go to the task log; every secret the run knew is also given to Airflow's
secrets masker. Killing the task (``on_kill``) asks the run to stop after the action in
flight, journaled (exit 130: it resumes when run again).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import Any

try:  # Airflow 3
    from airflow.sdk import BaseOperator
except ImportError:  # pragma: no cover - Airflow 2
    try:
        from airflow.models.baseoperator import BaseOperator
    except ModuleNotFoundError as missing:
        from opsctl.integrations import host_missing

        raise host_missing(missing, "airflow", "Apache Airflow") from None

try:  # Airflow >= 3.1
    from airflow.sdk.exceptions import AirflowException, AirflowFailException
except ImportError:  # pragma: no cover - Airflow 2 and 3.0
    from airflow.exceptions import AirflowException, AirflowFailException

from opsctl.integrations.common import OpsctlTaskFailed, describe, run_task

__all__ = ["XCOM_RESULT_KEY", "OpsctlFailError", "OpsctlOperator", "OpsctlRetryableError"]

XCOM_RESULT_KEY = "opsctl_result"
"""The XCom key of the result document of a failed task (a successful one returns it)."""


class OpsctlRetryableError(AirflowException):
    """Exit 4 or 7: Airflow retries the task while it has retries left."""

    def __init__(self, failure: OpsctlTaskFailed) -> None:
        super().__init__(f"{failure}; retryable")
        self.document = failure.document
        self.exit_code = failure.exit_code


class OpsctlFailError(AirflowFailException):
    """Exit 1, 2, 3, 5, 6, 130: the task fails without a retry (5: the partial result is in
    ``document`` and in XCom under ``opsctl_result``)."""

    def __init__(self, failure: OpsctlTaskFailed) -> None:
        super().__init__(f"{failure}; not retried")
        self.document = failure.document
        self.exit_code = failure.exit_code


def _mask_in_airflow(secrets: list[str]) -> None:
    try:
        from airflow.sdk.log import mask_secret
    except ImportError:  # pragma: no cover - Airflow 2
        from airflow.utils.log.secrets_masker import mask_secret
    for secret in secrets:
        mask_secret(secret)


class OpsctlOperator(BaseOperator):
    """Run the opsctl automation ``automation`` with ``request`` (a mapping, templated).

    ``mode``: ``"apply"`` (plan, gate, apply; never asks for confirmation) or ``"plan"``
    (exit 10 when the plan has changes: the task succeeds, nothing is changed).
    ``project_dir``: where ``opsctl.toml`` is looked for (default: the worker's working
    directory); ``config_file``: an explicit one. ``settings``: configuration values that
    override both (``{"actor": ..., "store_url": ...}``); ``env``: the environment opsctl
    reads (default: the worker's). ``idempotency_key``: without one, a retry resumes the run
    a failed try left; with one (e.g. ``"{{ dag.dag_id }}-{{ run_id }}"``), a run again after it
    finished replays its result instead of applying again.
    """

    template_fields: Sequence[str] = ("automation", "request", "mode", "idempotency_key",
                                      "project_dir", "config_file", "settings", "targets",
                                      "contract_version")
    template_fields_renderers = {"request": "json", "settings": "json"}
    ui_color = "#e8f1fb"

    def __init__(self, *, automation: str, request: Mapping[str, Any] | None = None,
                 mode: str = "apply", idempotency_key: str | None = None,
                 project_dir: str | None = None, config_file: str | None = None,
                 settings: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None,
                 targets: Sequence[str] = (), contract_version: str | None = None,
                 max_failures: int = 1, concurrency: int = 1, wait_lock_s: float = 0.0,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # templated fields are kept as given: Airflow renders them before execute()
        self.automation = automation
        self.request = request
        self.mode = mode
        self.idempotency_key = idempotency_key
        self.project_dir = project_dir
        self.config_file = config_file
        self.settings = settings
        self.env = env
        self.targets = targets
        self.contract_version = contract_version
        self.max_failures = max_failures
        self.concurrency = concurrency
        self.wait_lock_s = wait_lock_s
        self._stop: threading.Event | None = None

    def execute(self, context: Any) -> dict[str, Any]:
        self._stop = threading.Event()
        try:
            document = run_task(self.automation, self.request, mode=self.mode,
                                idempotency_key=self.idempotency_key or None,
                                cwd=self.project_dir or None,
                                config_file=self.config_file or None, env=self.env,
                                settings=self.settings, targets=self.targets,
                                contract_version=self.contract_version or None,
                                max_failures=self.max_failures, concurrency=self.concurrency,
                                wait_lock_s=self.wait_lock_s, logger=self.log,
                                stop=self._stop, on_secrets=_mask_in_airflow)
        except OpsctlTaskFailed as failure:
            if self.do_xcom_push:
                context["ti"].xcom_push(key=XCOM_RESULT_KEY, value=failure.document)
            if failure.retryable:
                self.log.warning("%s; retryable: Airflow retries it while retries are left",
                                 failure)
                raise OpsctlRetryableError(failure) from failure
            if failure.partial:
                self.log.error("%s; the partial result is in XCom under key %r", failure,
                               XCOM_RESULT_KEY)
            else:
                self.log.error("%s", failure)
            raise OpsctlFailError(failure) from failure
        finally:
            self._stop = None
        if document["exit_code"] == 10:
            self.log.info("changes planned: %s", describe(document))
        else:
            self.log.info("%s", describe(document))
        return document

    def on_kill(self) -> None:
        stop = self._stop
        if stop is not None:
            stop.set()  # the run stops after the action in flight, journaled (exit 130)
