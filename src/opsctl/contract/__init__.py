"""The automation contract: declaration, request types, plans, results, exit codes."""

RESULT_SCHEMA = "opsctl.result/v1"
"""The ``schema`` value of every result document (kept here so the run path need not import
the pydantic models of :mod:`opsctl.contract.result`)."""
