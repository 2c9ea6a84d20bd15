"""Run an opsctl automation as a task of another orchestrator.

* :mod:`opsctl.integrations.common`: the shared, dependency-free core: run an automation by
  name through the library (:func:`~opsctl.integrations.common.run_automation`) and the one
  exit-code policy table both adapters apply (retry, fail, fail with the partial result,
  success with changes planned).
* :mod:`opsctl.integrations.airflow`: ``OpsctlOperator`` (needs ``opsctl[airflow]``).
* :mod:`opsctl.integrations.prefect`: ``opsctl_task`` and ``opsctl_flow`` (needs
  ``opsctl[prefect]``).

Importing this package imports neither Airflow nor Prefect: each adapter imports its host
only when it is imported itself.
"""

from __future__ import annotations


def host_missing(missing: ModuleNotFoundError, host: str, title: str) -> ModuleNotFoundError:
    """What an adapter raises when its orchestrator (``host``, the top-level package) is not
    installed: the error saying which extra installs it; ``missing`` itself when it is another
    module that is missing (a broken install of the host)."""
    if missing.name != host and not (missing.name or "").startswith(f"{host}."):
        return missing
    return ModuleNotFoundError(f"opsctl.integrations.{host} needs {title}, which is not "
                               f"installed here: pip install 'opsctl[{host}]'", name=host)
