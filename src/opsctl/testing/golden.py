"""Golden plan snapshots: the stable part of a plan, compared with a JSON file kept beside the
tests, or written to it when an update is asked for.

:func:`plan_snapshot` keeps what a plan says (not how a run went), replaces run-specific text
(``normalize``), blanks fields (``ignore``) and can sort the actions;
:func:`assert_plan_matches_golden` compares it with the file and fails with a unified diff, or
writes the file when ``OPSCTL_UPDATE_GOLDEN=1`` (which ``pytest --opsctl-update-golden`` sets).
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from opsctl.testing.results import Result, describe_result

if TYPE_CHECKING:
    from opsctl.contract.automation import Action

UPDATE_GOLDEN_ENV = "OPSCTL_UPDATE_GOLDEN"
"""Set to ``1`` to write golden plan snapshots instead of comparing them."""
IGNORED = "<ignored>"
# The parts of an action that a golden snapshot keeps: what the plan says, not how a run went.
SNAPSHOT_FIELDS = ("id", "kind", "target", "reason", "before", "after", "data", "depends_on")

WRITTEN: list[Path] = []
"""Every golden file :func:`assert_plan_matches_golden` wrote in this process because
``OPSCTL_UPDATE_GOLDEN`` asked for it, whichever harness (or none) made the plan:
``pytest --opsctl-update-golden`` lists them at the end of the session."""

Normalize: TypeAlias = Mapping[Any, str]
"""Replacements of run-specific text: plain strings (a path is its text), or compiled patterns.
Keys typed ``Any``: mypy types a literal mixing both (``{volume_id: "<v>", re.compile(...):
"<sha>"}``) as ``dict[object, str]``, which no union of mappings accepts; other keys are
refused when the snapshot is made."""


def plan_snapshot(plan: Result | Sequence[Action | Mapping[str, Any]], *,
                  normalize: Normalize | None = None, ignore: Iterable[str] = (),
                  sort: bool = False) -> dict[str, Any]:
    """The stable part of a plan, as a golden file holds it.

    Each action keeps id, kind, target, reason, before, after, data and depends_on (a result
    adds the automation and the request). ``normalize`` replaces run-specific text in every
    string, keys included: ``{"/tmp/pytest-7/x": "<tmp>"}`` (longest first), or
    ``{re.compile(r"vol-[0-9a-f]+"): "<volume>"}`` (after the plain strings). ``ignore``
    names fields whose value is replaced by ``"<ignored>"``: ``"before.created"`` in every
    action, ``"request.since"`` in the request. ``sort`` orders actions by id after
    normalisation, for plans ordered by generated values.
    """
    __tracebackhide__ = True
    head: dict[str, Any] = {}
    if isinstance(plan, Result):
        if plan.exit_code not in (0, 10):
            raise AssertionError(f"the run did not plan: {describe_result(plan)}")
        actions: list[Mapping[str, Any]] = list(plan.planned if plan.planned is not None
                                                else plan.actions)
        head = {"automation": plan.doc.get("automation"), "request": plan.doc.get("request")}
    else:
        actions = [a if isinstance(a, Mapping) else a.to_dict() for a in plan]
    snapshot: dict[str, Any] = {**head, "actions": [
        {key: action[key] for key in SNAPSHOT_FIELDS if key in action} for action in actions]}
    snapshot = _normalized(json.loads(json.dumps(snapshot, default=str)), normalize or {})
    for path in ignore:
        scope, _, rest = path.partition(".")
        if scope == "request" and rest:
            _ignore(snapshot.get("request"), rest.split("."))
        else:
            for action in snapshot["actions"]:
                _ignore(action, path.split("."))
    if sort:
        snapshot["actions"].sort(key=lambda a: (str(a.get("id")), _canonical(a)))
    return snapshot


def _normalized(value: Any, normalize: Normalize) -> Any:
    pairs: list[tuple[str | re.Pattern[str], str]] = []
    for key, replacement in normalize.items():
        if isinstance(key, os.PathLike):  # {tmp_path: "<tmp>"}: its text
            key = os.fspath(key)
        if not isinstance(key, str | re.Pattern):
            raise TypeError(f"normalize: the key {key!r} is neither text nor a compiled "
                            "pattern (re.compile(...))")
        pairs.append((key, replacement))
    plain = sorted(((k, v) for k, v in pairs if isinstance(k, str) and k),
                   key=lambda kv: len(kv[0]), reverse=True)
    patterns = [(k, v) for k, v in pairs if isinstance(k, re.Pattern)]

    def text(s: str) -> str:
        for old, new in plain:
            s = s.replace(old, new)
        for pattern, new in patterns:
            s = pattern.sub(new, s)
        return s

    def walk(node: Any) -> Any:
        if isinstance(node, str):
            return text(node)
        if isinstance(node, dict):
            return {text(k): walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return walk(value)


def _ignore(node: Any, path: list[str]) -> None:
    for key in path[:-1]:
        if not isinstance(node, dict) or key not in node:
            return
        node = node[key]
    if isinstance(node, dict) and path[-1] in node:
        node[path[-1]] = IGNORED


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _golden_text(snapshot: Mapping[str, Any]) -> str:
    return json.dumps(snapshot, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def update_golden_requested() -> bool:
    """``OPSCTL_UPDATE_GOLDEN=1`` (which ``pytest --opsctl-update-golden`` sets)."""
    return os.environ.get(UPDATE_GOLDEN_ENV, "").lower() in ("1", "true", "yes")


def assert_plan_matches_golden(plan: Result | Sequence[Action | Mapping[str, Any]],
                               path: str | os.PathLike[str], *,
                               normalize: Normalize | None = None, ignore: Iterable[str] = (),
                               sort: bool = False, update: bool | None = None) -> bool:
    """The plan equals the golden snapshot in ``path`` (JSON, keys sorted, actions in plan order).

    A mismatch fails with a unified diff. With ``update`` (default: ``OPSCTL_UPDATE_GOLDEN=1``,
    set by ``pytest --opsctl-update-golden``) the file is written instead; returns whether it was.
    See :func:`plan_snapshot` for ``normalize``, ``ignore`` and ``sort``.
    """
    __tracebackhide__ = True
    golden = Path(path)
    actual = _golden_text(plan_snapshot(plan, normalize=normalize, ignore=ignore, sort=sort))
    try:
        expected: str | None = golden.read_text(encoding="utf-8")
    except FileNotFoundError:
        expected = None
    if expected is not None and _same_json(expected, actual):
        return False
    if update if update is not None else update_golden_requested():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        if update is None:  # asked for by OPSCTL_UPDATE_GOLDEN, not by this call
            WRITTEN.append(golden)
        return True
    how = f"run pytest with --opsctl-update-golden (or set {UPDATE_GOLDEN_ENV}=1)"
    if expected is None:
        raise AssertionError(f"golden file {golden} does not exist; to create it from this plan, "
                             f"{how}. The plan:\n{actual}")
    diff = "".join(difflib.unified_diff(expected.splitlines(keepends=True),
                                        actual.splitlines(keepends=True),
                                        fromfile=f"{golden} (golden)", tofile="this plan"))
    raise AssertionError(f"the plan differs from golden file {golden}:\n{diff}\n"
                         f"If the change is intended, {how} and review the file's diff.")


def _same_json(expected: str, actual: str) -> bool:
    """The same JSON value, whatever the layout. Compared as canonical text, not as Python
    values: ``True == 1 == 1.0`` in Python, but ``true``, ``1`` and ``1.0`` are three values to
    the consumers of a plan (a JSON type change is a change)."""
    try:
        return _canonical(json.loads(expected)) == _canonical(json.loads(actual))
    except ValueError:
        return False
