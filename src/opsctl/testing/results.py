"""What one in-process run returned (:class:`Result`), and the assertions on a single result:
its exit code, and its document against the published ``opsctl.result/v1`` schema.

:func:`describe_result` writes the few lines on a run that every failing assertion of the kit
shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Result:
    """One run's result document and exit code, with what its plan returned and what it logged."""

    doc: dict[str, Any]
    exit_code: int
    planned: tuple[dict[str, Any], ...] | None = None
    """The full actions ``plan()`` returned (data and depends_on included, secrets masked);
    None when the run never planned (invalid request, denied, replayed)."""
    events: tuple[dict[str, Any], ...] = ()
    tracebacks: tuple[str, ...] = ()
    """The tracebacks of the exceptions the automation's plan, apply or verify raised that
    were no opsctl error (secrets masked): where a bug (exit 1) was raised."""

    @property
    def status(self) -> str:
        return str(self.doc["status"])

    @property
    def actions(self) -> list[dict[str, Any]]:
        """The result document's actions: id, kind, target, reason, before, after, status..."""
        plan = self.doc.get("plan") or {}
        return list(plan.get("actions") or [])

    @property
    def summary(self) -> dict[str, int]:
        return dict(self.doc["summary"])

    @property
    def error(self) -> dict[str, Any] | None:
        error = self.doc.get("error")
        return dict(error) if error else None

    @property
    def fingerprint(self) -> str | None:
        plan = self.doc.get("plan") or {}
        return plan.get("fingerprint")

    @property
    def run_id(self) -> str | None:
        return self.doc.get("run_id")

    @property
    def warnings(self) -> list[str]:
        return list(self.doc.get("warnings") or [])

    def action_ids(self) -> list[str]:
        return [str(a["id"]) for a in self.actions]

    def action(self, action_id: str) -> dict[str, Any]:
        for action in self.actions:
            if action["id"] == action_id:
                return action
        raise KeyError(f"no action {action_id!r} in this result (actions: {self.action_ids()})")


def describe_result(result: Result) -> str:
    """A few lines on what a run did, for assertion messages."""
    lines = [f"exit {result.exit_code} ({result.doc.get('status')})"]
    if result.error:
        lines.append(f"error: {result.error.get('type')}: {result.error.get('message')}")
    for action in result.actions:
        lines.append(f"  {action['id']} [{action['kind']} {action['target']}] -> "
                     f"{action.get('status')}" + (f": {action['error']}" if action.get("error")
                                                  else ""))
    if result.exit_code == 1 and result.tracebacks:  # a bug in the automation: where it was
        lines.append(f"the automation raised:\n{result.tracebacks[-1]}")
    return "\n".join(lines)


def assert_exit(result: Result, code: int) -> None:
    """The run ended with exit code ``code``; the message says what happened instead."""
    __tracebackhide__ = True
    if result.exit_code != int(code):
        raise AssertionError(f"expected exit {int(code)}, got {describe_result(result)}")
    if result.doc.get("exit_code") != result.exit_code:
        raise AssertionError(f"the result document says exit {result.doc.get('exit_code')}, "
                             f"the run returned {result.exit_code}")


def assert_result_valid(result: Result | Mapping[str, Any]) -> None:
    """The result document matches the published schema (``opsctl.result/v1``)."""
    __tracebackhide__ = True
    from pydantic import ValidationError

    from opsctl.contract.result import ResultDocument

    doc = result.doc if isinstance(result, Result) else result
    try:
        ResultDocument.model_validate(doc)
    except ValidationError as exc:
        raise AssertionError(f"the result document violates opsctl.result/v1: {exc}") from None
    if isinstance(result, Result) and doc["exit_code"] != result.exit_code:
        raise AssertionError(f"the result document says exit {doc['exit_code']}, the run "
                             f"returned {result.exit_code}")
