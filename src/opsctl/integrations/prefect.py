"""Run an opsctl automation as a Prefect task (Prefect 3; ``pip install 'opsctl[prefect]'``).

.. code-block:: python

    from prefect import flow
    from opsctl.integrations.prefect import opsctl_task

    @flow
    def nightly() -> None:
        plan = opsctl_task("rotate-keys", {"environment": "prod"}, mode="plan",
                           project_dir="/srv/ops")
        if plan["status"] == "changes_planned":
            opsctl_task("rotate-keys", {"environment": "prod"}, project_dir="/srv/ops")

The task runs the automation in the task's own process through the library
(:func:`opsctl.integrations.common.run_automation`) and returns its result document. Exit codes
map to Prefect states as :data:`~opsctl.integrations.common.EXIT_CODE_POLICY` says: 0 and 10
complete the task (10 is logged "changes planned"); every other code raises
:class:`~opsctl.integrations.common.OpsctlTaskFailed` with the result document attached
(``.document``; for exit 5 the partial result, also published as a table artifact), and
:func:`retry_condition` lets Prefect retry only 4 and 7. Any other exception is left to
Prefect's retries as usual.

``opsctl_task`` retries twice (after 30 s, then 120 s); change that with
``opsctl_task.with_options(retries=..., retry_delay_seconds=...)`` or build another one with
:func:`make_opsctl_task`. It never caches: every call runs (and a re-run that finds its work
done is a no-op in opsctl itself).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any, Literal

try:
    from prefect import flow, get_run_logger, task
    from prefect.cache_policies import NO_CACHE
except ModuleNotFoundError as missing:
    from opsctl.integrations import host_missing

    raise host_missing(missing, "prefect", "Prefect") from None

from opsctl.integrations.common import OpsctlTaskFailed, describe, run_task

__all__ = ["make_opsctl_task", "opsctl_flow", "opsctl_task", "retry_condition", "run_opsctl"]

DEFAULT_RETRIES = 2
DEFAULT_RETRY_DELAYS = [30.0, 120.0]


def _exception_of(state: Any) -> BaseException | None:
    data = getattr(state, "data", None)
    if isinstance(data, BaseException):
        return data
    try:
        found = state.result(raise_on_failure=False)
    except Exception:
        return None
    return found if isinstance(found, BaseException) else None


def retry_condition(task: Any, task_run: Any, state: Any) -> bool:
    """Prefect's ``retry_condition_fn``: retry an opsctl failure only when its exit code is
    retryable (4, 7); an exception that is not an opsctl outcome is retried as Prefect would."""
    exc = _exception_of(state)
    if isinstance(exc, OpsctlTaskFailed):
        return exc.retryable
    return True


def _logger() -> logging.Logger | logging.LoggerAdapter[Any]:
    try:
        logger: logging.LoggerAdapter[Any] = get_run_logger()
        return logger
    except Exception:  # called outside a run (opsctl_task.fn(...)): a plain logger
        return logging.getLogger("opsctl.integrations.prefect")


def _publish_partial(document: Mapping[str, Any], logger: Any) -> None:
    try:
        from prefect.artifacts import create_table_artifact

        actions = (document.get("plan") or {}).get("actions") or []
        create_table_artifact(
            table=[{k: a.get(k) for k in ("id", "kind", "target", "status", "error")}
                   for a in actions],
            description=describe(document))
    except Exception as exc:  # an artifact is a courtesy: the failure carries the document
        logger.debug("opsctl: could not publish the partial result as an artifact: %s", exc)


def run_opsctl(automation: str, request: Mapping[str, Any] | None = None, *,
               mode: Literal["apply", "plan"] = "apply", idempotency_key: str | None = None,
               project_dir: str | None = None, config_file: str | None = None,
               env: Mapping[str, str] | None = None, settings: Mapping[str, Any] | None = None,
               contract_version: str | None = None, targets: Sequence[str] = (),
               max_failures: int = 1, concurrency: int = 1,
               wait_lock_s: float = 0.0) -> dict[str, Any]:
    """The body of :data:`opsctl_task`: run ``automation`` with ``request``; return the result
    document (exit 0 or 10) or raise :class:`~opsctl.integrations.common.OpsctlTaskFailed`.

    ``project_dir`` is where ``opsctl.toml`` is looked for (default: the working directory);
    the other arguments are :func:`~opsctl.integrations.common.run_automation`'s.
    """
    logger = _logger()
    try:
        document = run_task(automation, request, mode=mode, idempotency_key=idempotency_key,
                            cwd=project_dir, config_file=config_file, env=env,
                            settings=settings, contract_version=contract_version,
                            targets=targets, max_failures=max_failures,
                            concurrency=concurrency, wait_lock_s=wait_lock_s, logger=logger)
    except OpsctlTaskFailed as exc:
        if exc.partial:
            logger.error("%s; the partial result is attached to the failure (.document)", exc)
            _publish_partial(exc.document, logger)
        elif exc.retryable:
            logger.warning("%s; retryable: Prefect retries it while the task has retries left",
                           exc)
        else:
            logger.error("%s; not retryable", exc)
        raise
    if document["exit_code"] == 10:
        logger.info("changes planned: %s", describe(document))
    else:
        logger.info("%s", describe(document))
    return document


def make_opsctl_task(**options: Any) -> Any:
    """A Prefect task running :func:`run_opsctl`, with ``options`` for ``prefect.task``
    (name, retries, retry_delay_seconds, tags, timeout_seconds, ...). The retry condition is
    :func:`retry_condition` and results are not cached unless ``options`` say otherwise."""
    defaults: dict[str, Any] = {
        "name": "opsctl", "task_run_name": "opsctl-{automation}",
        "retries": DEFAULT_RETRIES, "retry_delay_seconds": list(DEFAULT_RETRY_DELAYS),
        "retry_condition_fn": retry_condition, "cache_policy": NO_CACHE,
    }
    return task(run_opsctl, **{**defaults, **options})


opsctl_task = make_opsctl_task()
"""``opsctl_task(automation, request, *, mode="apply", idempotency_key=None, project_dir=None,
config_file=None, env=None, settings=None, ...)``: the result document."""


def _opsctl_flow(automation: str, request: dict[str, Any] | None = None,
                 mode: Literal["apply", "plan"] = "apply", idempotency_key: str | None = None,
                 project_dir: str | None = None, config_file: str | None = None) -> dict[str, Any]:
    document: dict[str, Any] = opsctl_task(automation, request, mode=mode,
                                           idempotency_key=idempotency_key,
                                           project_dir=project_dir, config_file=config_file)
    return document


opsctl_flow = flow(_opsctl_flow, name="opsctl", flow_run_name="opsctl-{automation}")
"""A flow of one :data:`opsctl_task`, to deploy an automation as it is. Flow parameters are
stored by the Prefect API: keep secret values out of ``request`` (give them to opsctl as
``[secrets]`` in its configuration, e.g. ``OPSCTL_SECRET_<NAME>``)."""
