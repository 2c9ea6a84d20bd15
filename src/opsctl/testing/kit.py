"""An in-process test kit: run an automation against a temporary store with a fake clock.

    harness = OpsctlHarness(tmp_path / "opsctl", clock=FakeClock("2030-01-01T00:00:00Z"))
    harness.register(my_automation)
    result = harness.dry_run("cleanup-things", environment="staging")
    assert_exit(result, 10)
    harness.assert_plan_matches_golden(result, "cleanup-things")
    harness.assert_dry_run_matches_apply("cleanup-things", environment="staging")
    harness.assert_idempotent("cleanup-things", environment="staging")
    harness.close()

The pytest plugin (:mod:`opsctl.testing.plugin`) builds the harness as the ``opsctl_harness``
fixture. Nothing here imports pytest, and the engine is imported when a run starts, so importing
the kit stays cheap.
"""

from __future__ import annotations

import copy
import difflib
import importlib
import json
import os
import re
import threading
from collections.abc import Callable, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from opsctl.contract.durations import parse_duration

if TYPE_CHECKING:
    from opsctl.contract.automation import Action, Automation
    from opsctl.engine.session import Session

UPDATE_GOLDEN_ENV = "OPSCTL_UPDATE_GOLDEN"
"""Set to ``1`` to write golden plan snapshots instead of comparing them."""
DEFAULT_START = datetime(2030, 1, 1, tzinfo=UTC)
IGNORED = "<ignored>"
# The parts of an action that a golden snapshot keeps: what the plan says, not how a run went.
SNAPSHOT_FIELDS = ("id", "kind", "target", "reason", "before", "after", "data", "depends_on")

Normalize: TypeAlias = (Mapping[str, str] | Mapping[re.Pattern[str], str]
                        | Mapping[str | re.Pattern[str], str])
"""Replacements of run-specific text: plain strings, or compiled patterns."""
Request: TypeAlias = Mapping[str, Any]


# -- the clock ---------------------------------------------------------------------------------------

class FakeClock:
    """A clock that moves only when told to: ``advance("1h")``, ``set(...)``, or a retry's sleep.

    Pass it as the session clock (the harness does); ``sleep`` advances it instead of waiting,
    and records every wait in ``sleeps``.
    """

    def __init__(self, start: datetime | str | None = None) -> None:
        self._now = _aware(start) if start is not None else DEFAULT_START
        self._lock = threading.Lock()  # concurrent applies read it from worker threads
        self.sleeps: list[float] = []

    def __call__(self) -> datetime:
        with self._lock:
            return self._now

    def __repr__(self) -> str:
        return f"FakeClock({self().isoformat()!r})"

    def now(self) -> datetime:
        return self()

    def set(self, moment: datetime | str) -> None:
        with self._lock:
            self._now = _aware(moment)

    def advance(self, by: float | str | timedelta) -> datetime:
        """Move forward by seconds, a duration (``"1h30m"``, ``"7d"``) or a timedelta."""
        step = parse_duration(by)
        with self._lock:
            self._now += step
            return self._now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.advance(max(0.0, seconds))


def _aware(moment: datetime | str) -> datetime:
    value = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    if value.tzinfo is None:
        raise ValueError(f"the fake clock needs a timezone-aware time, got {moment!r} "
                         "(add +00:00 or Z)")
    return value.astimezone(UTC)


# -- results -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Result:
    """One run's result document and exit code, with what its plan returned and what it logged."""

    doc: dict[str, Any]
    exit_code: int
    planned: tuple[dict[str, Any], ...] | None = None
    """The full actions ``plan()`` returned (data and depends_on included, secrets masked);
    None when the run never planned (invalid request, denied, replayed)."""
    events: tuple[dict[str, Any], ...] = ()

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


def _describe(result: Result) -> str:
    """A few lines on what a run did, for assertion messages."""
    lines = [f"exit {result.exit_code} ({result.doc.get('status')})"]
    if result.error:
        lines.append(f"error: {result.error.get('type')}: {result.error.get('message')}")
    for action in result.actions:
        lines.append(f"  {action['id']} [{action['kind']} {action['target']}] -> "
                     f"{action.get('status')}" + (f": {action['error']}" if action.get("error")
                                                  else ""))
    return "\n".join(lines)


# -- assertions ---------------------------------------------------------------------------------------

def assert_exit(result: Result, code: int) -> None:
    """The run ended with exit code ``code``; the message says what happened instead."""
    __tracebackhide__ = True
    if result.exit_code != int(code):
        raise AssertionError(f"expected exit {int(code)}, got {_describe(result)}")
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
            raise AssertionError(f"the run did not plan: {_describe(plan)}")
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
    pairs: list[tuple[str | re.Pattern[str], str]] = list(normalize.items())
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
    try:
        return bool(json.loads(expected) == json.loads(actual))
    except ValueError:
        return False


def _stable_actions(result: Result) -> list[dict[str, Any]]:
    actions: list[dict[str, Any]] = plan_snapshot(result)["actions"]
    return actions


def assert_idempotent(harness: OpsctlHarness, automation: Automation[Any] | str,
                      request: Request | None = None, /, **fields: Any) -> Result:
    """Apply succeeds; planning again plans nothing; a second apply is ``no_changes``.

    Returns the first apply's result.
    """
    __tracebackhide__ = True
    first = harness.apply(automation, request, **fields)
    if first.exit_code != 0:
        raise AssertionError(f"the first apply failed: {_describe(first)}")
    replan = harness.plan(automation, request, **fields)
    if replan.exit_code not in (0, 10):
        raise AssertionError(f"after the apply, planning again failed: {_describe(replan)}")
    if replan.actions:
        still = "\n".join(f"  {a['id']} [{a['kind']} {a['target']}]: {a['reason']}"
                          for a in replan.actions)
        raise AssertionError(f"not idempotent: after an apply, planning again still plans "
                             f"{len(replan.actions)} action(s):\n{still}")
    second = harness.apply(automation, request, **fields)
    if second.exit_code != 0 or second.status != "no_changes":
        raise AssertionError(f"not idempotent: a second apply was not no_changes: "
                             f"{_describe(second)}")
    return first


def assert_dry_run_matches_apply(harness: OpsctlHarness, automation: Automation[Any] | str,
                                 request: Request | None = None, /, *,
                                 observe: Callable[[], object] | None = None,
                                 allow_unchanged: bool = False,
                                 **fields: Any) -> tuple[Result, Result]:
    """The dry run shows exactly what the apply then does.

    The apply plans the same actions (full specs, same order) with the same fingerprint, and
    reports each of them applied (``unchanged`` only with ``allow_unchanged``, or for a
    read automation). ``observe`` returns a comparable picture of the system under test (a
    file listing, say): the dry run must leave it as it was. Returns (dry run, apply).
    """
    __tracebackhide__ = True
    before = observe() if observe is not None else None
    dry = harness.dry_run(automation, request, **fields)
    if dry.exit_code not in (0, 10):
        raise AssertionError(f"the dry run failed: {_describe(dry)}")
    if observe is not None:
        after = observe()
        if after != before:
            raise AssertionError(f"the dry run changed the system it planned for:\n"
                                 f"{_diff(before, after, 'before the dry run', 'after it')}")
    applied = harness.apply(automation, request, **fields)
    if applied.exit_code != 0:
        raise AssertionError(f"the apply after the dry run failed: {_describe(applied)}")
    shown, done = _stable_actions(dry), _stable_actions(applied)
    if shown != done:
        raise AssertionError("the apply planned other actions than the dry run showed:\n"
                             + _diff(shown, done, "dry run", "apply"))
    if dry.fingerprint != applied.fingerprint:
        raise AssertionError(f"the dry run's fingerprint {dry.fingerprint} differs from the "
                             f"apply's {applied.fingerprint}")
    read_only = harness.automation(automation).effect == "read"
    accepted = {"applied", "unchanged"} if allow_unchanged or read_only else {"applied"}
    odd = [a for a in applied.actions if a.get("status") not in accepted]
    if odd:
        listed = "\n".join(f"  {a['id']}: {a.get('status')}" for a in odd)
        raise AssertionError("the dry run showed actions the apply did not apply:\n" + listed)
    return dry, applied


def _diff(old: object, new: object, old_name: str, new_name: str) -> str:
    def lines(value: object) -> list[str]:
        return (json.dumps(value, indent=2, sort_keys=True, default=repr) + "\n").splitlines(
            keepends=True)

    return "".join(difflib.unified_diff(lines(old), lines(new), fromfile=old_name,
                                        tofile=new_name))


def assert_schemas_match_lock(automation: Automation[Any],
                              lock_path: str | os.PathLike[str]) -> None:
    """The automation's contract (request and result schemas, flags, exit codes) is the one
    locked in ``opsctl.contracts.json``.

    Every difference the compatibility rules report, breaking or compatible, fails (only
    ``info`` ones, such as an edited description, pass): the lock is updated on purpose, with
    ``opsctl contract lock`` and a reviewed diff.
    """
    __tracebackhide__ = True
    from opsctl.contract.compat import compare
    from opsctl.contract.lockfile import contract_snapshot, read_lock

    locked = read_lock(lock_path).automations.get(automation.name)
    if locked is None:
        raise AssertionError(f"{lock_path} has no contract for {automation.name!r}; run "
                             "`opsctl contract lock` and review the diff")
    changes = [c for c in compare(locked.contract, contract_snapshot(automation))
               if c.severity != "info"]
    if changes:
        listed = "\n".join(f"  {c.severity}: {c.rule} at {c.path}: {c.message}"
                           for c in changes)
        raise AssertionError(f"the contract of {automation.name} differs from {lock_path}:\n"
                             f"{listed}\nIf the change is intended, run `opsctl contract lock` "
                             "and review the diff.")


# -- the harness ---------------------------------------------------------------------------------------

@dataclass
class _Recorder:
    """What the automation's plan() returned in a run."""

    calls: list[list[Action]] = field(default_factory=list)


def _recording(automation: Automation[Any]) -> tuple[Automation[Any], _Recorder]:
    """A copy of the automation whose plan() results are kept (result documents leave out
    ``data`` and ``depends_on``, which golden snapshots and equivalence checks compare)."""
    recorder = _Recorder()
    proxy = copy.copy(automation)
    original = automation.call_plan

    def call_plan(ctx: Any, request: Any) -> list[Action]:
        actions = original(ctx, request)
        recorder.calls.append(list(actions))
        return actions

    vars(proxy)["call_plan"] = call_plan
    return proxy, recorder


class OpsctlHarness:
    """A temporary opsctl project that runs automations in this process.

    ``root`` holds ``opsctl.toml``, the SQLite store (``.opsctl/``) and a ``home/`` directory.
    What opsctl sees of the environment is only ``HOME``/``XDG_CONFIG_HOME`` (in ``root``),
    ``OPSCTL_ACTOR`` and what the test sets (``env=``, :meth:`setenv`); ``setenv`` and ``HOME``
    also apply to ``os.environ`` (automations read it: boto3, git) until :meth:`close`.
    Every run opens a fresh session, as every CLI command does, on the same store and clock.
    """

    def __init__(self, root: str | os.PathLike[str], *, clock: FakeClock | None = None,
                 actor: str = "tester", env: Mapping[str, str] | None = None,
                 secrets: Mapping[str, str] | None = None,
                 config: Mapping[str, Mapping[str, Any]] | None = None,
                 settings: Mapping[str, Any] | None = None,
                 project: str | os.PathLike[str] | None = None,
                 golden_dir: str | os.PathLike[str] | None = None,
                 normalize: Normalize | None = None,
                 validate_results: bool = True) -> None:
        self.root = Path(root)
        self.home = self.root / "home"
        self.state_dir = self.root / ".opsctl"
        self.home.mkdir(parents=True, exist_ok=True)
        self.clock = clock or FakeClock()
        self.actor = actor
        self.secrets: dict[str, str] = dict(secrets or {})
        self.config: dict[str, dict[str, Any]] = {k: dict(v) for k, v in (config or {}).items()}
        self.settings: dict[str, Any] = dict(settings or {})
        self.golden_dir = Path(golden_dir) if golden_dir is not None else self.root / "golden"
        self.golden_name: str | None = None
        self.normalize: dict[str | re.Pattern[str], str] = dict((normalize or {}).items())
        self.validate_results = validate_results
        self.events: list[dict[str, Any]] = []
        self.golden_written: list[Path] = []
        self._registered: dict[str, Automation[Any]] = {}
        self._env: dict[str, str] = {}
        self._saved_env: dict[str, str | None] = {}
        if project is not None:
            given = Path(project)
            self.config_file: Path | None = given / "opsctl.toml" if given.is_dir() else given
        else:
            self.config_file = None
            (self.root / "opsctl.toml").write_text("# a temporary opsctl project\n")
        self._patch_process_env("HOME", str(self.home))
        self._patch_process_env("XDG_CONFIG_HOME", str(self.home / ".config"))
        for name, value in (env or {}).items():
            self.setenv(name, value)

    def __enter__(self) -> OpsctlHarness:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Restore ``os.environ``."""
        for name, value in reversed(list(self._saved_env.items())):
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        self._saved_env.clear()

    # -- environment and configuration --------------------------------------------------------
    def _patch_process_env(self, name: str, value: str | None) -> None:
        self._saved_env.setdefault(name, os.environ.get(name))
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value

    def setenv(self, name: str, value: str) -> None:
        """Set a variable for opsctl and for the automation's code (``os.environ``)."""
        self._env[name] = value
        self._patch_process_env(name, value)

    def delenv(self, name: str) -> None:
        """Remove a variable from opsctl's view and from ``os.environ``."""
        self._env.pop(name, None)
        self._patch_process_env(name, None)

    def session_env(self) -> dict[str, str]:
        """Exactly what opsctl reads as its environment."""
        return {"HOME": str(self.home), "XDG_CONFIG_HOME": str(self.home / ".config"),
                "OPSCTL_ACTOR": self.actor, **self._env}

    def configure(self, automation: str, **values: Any) -> None:
        """Set ``[automation.NAME]`` values (what the automation reads as ``ctx.config``)."""
        self.config.setdefault(automation, {}).update(values)

    def open_session(self) -> Session:
        """A session on this project's store and clock (close it when done)."""
        from opsctl.engine.session import open_session

        flags: dict[str, Any] = {**self.settings, "state_dir": str(self.state_dir)}
        if self.config:
            flags["automation"] = {k: dict(v) for k, v in self.config.items()}
        if self.secrets:
            flags["secrets"] = dict(self.secrets)
        session = open_session(
            config_file=str(self.config_file) if self.config_file is not None else None,
            flags=flags, env=self.session_env(), cwd=self.root, clock=self.clock,
            log_sink=self._capture)
        session.sleep = self.clock.sleep
        return session

    def _capture(self, event: MutableMapping[str, Any]) -> None:
        self.events.append(dict(event))

    # -- automations ---------------------------------------------------------------------------
    def register(self, target: Automation[Any] | str) -> Automation[Any]:
        """Make an automation runnable by name: the object, or ``"package.module[:attribute]"``.

        Automations of the project's ``opsctl.toml`` (``project=``) and of installed entry
        points need no registration.
        """
        from opsctl.contract.automation import Automation

        if isinstance(target, Automation):
            found = [target]
        else:
            module_name, _, attr = target.partition(":")
            module = importlib.import_module(module_name)
            if attr:
                found = [getattr(module, attr)]
                if not isinstance(found[0], Automation):
                    raise TypeError(f"{target} is not an opsctl Automation")
            else:
                found = [v for v in vars(module).values() if isinstance(v, Automation)]
            if len(found) != 1:
                names = ", ".join(a.name for a in found) or "none"
                raise ValueError(f"{target} defines {len(found)} automations ({names}); "
                                 "name one as 'module:attribute'")
        automation = found[0]
        automation.check_complete()
        self._registered[automation.name] = automation
        return automation

    def automation(self, automation: Automation[Any] | str,
                   session: Session | None = None) -> Automation[Any]:
        """The automation object for a name (registered, else from the project's catalog)."""
        if not isinstance(automation, str):
            return automation
        if automation in self._registered:
            return self._registered[automation]
        if session is not None:
            return session.catalog.load(automation)
        own = self.open_session()
        try:
            return own.catalog.load(automation)
        finally:
            own.close()

    # -- runs ------------------------------------------------------------------------------------
    def run(self, automation: Automation[Any] | str, request: Request | None = None, /, *,
            mode: Literal["plan", "apply"] = "apply", dry_run: bool = False,
            idempotency_key: str | None = None, max_failures: int = 1,
            concurrency: int = 1, contract_version: str | None = None) -> Result:
        """One run through the engine, as ``opsctl NAME`` would do it; never raises for an
        opsctl error (an invalid request is a result with exit 2, as on the command line)."""
        from opsctl.engine.run import error_document, execute
        from opsctl.errors import OpsctlError

        session = self.open_session()
        first_event = len(self.events)
        try:
            target = self.automation(automation, session)
            proxy, recorder = _recording(target)
            started = self.clock()
            try:
                outcome = execute(session, proxy, dict(request or {}), mode=mode,
                                  dry_run=dry_run, idempotency_key=idempotency_key,
                                  max_failures=max_failures, concurrency=concurrency,
                                  contract_version=contract_version)
                doc, code = outcome.document, outcome.exit_code
            except OpsctlError as exc:
                doc = error_document(exc, mode="plan" if mode == "plan" or dry_run else "apply",
                                     automation=target.name, started_at=started,
                                     finished_at=self.clock(), actor=session.actor,
                                     redact=session.redactor.redact)
                code = int(exc.exit_code)
            planned = (tuple(session.redactor.redact(a.to_dict()) for a in recorder.calls[-1])
                       if recorder.calls else None)
        finally:
            session.close()
        result = Result(doc, code, planned, tuple(self.events[first_event:]))
        if self.validate_results:
            assert_result_valid(result)
        return result

    def plan(self, automation: Automation[Any] | str, request: Request | None = None, /,
             **fields: Any) -> Result:
        """``opsctl plan NAME``: plan and record, change nothing (exit 10 when it would)."""
        return self.run(automation, {**(request or {}), **fields}, mode="plan")

    def dry_run(self, automation: Automation[Any] | str, request: Request | None = None, /,
                **fields: Any) -> Result:
        """``opsctl NAME --dry-run``: the same path as an apply, stopped after the gate."""
        return self.run(automation, {**(request or {}), **fields}, mode="apply", dry_run=True)

    def apply(self, automation: Automation[Any] | str, request: Request | None = None, /,
              **fields: Any) -> Result:
        """``opsctl NAME``: plan, gate, apply, verify."""
        return self.run(automation, {**(request or {}), **fields}, mode="apply")

    # -- assertions bound to this harness ------------------------------------------------------
    def assert_plan_matches_golden(self, plan: Result | Sequence[Action | Mapping[str, Any]],
                                   name: str | None = None, *,
                                   normalize: Normalize | None = None,
                                   ignore: Iterable[str] = (), sort: bool = False) -> None:
        """:func:`assert_plan_matches_golden` against ``golden_dir/NAME.json`` (default NAME:
        ``golden_name``, the test's name under pytest), with this harness's ``normalize``
        replacements plus the given ones."""
        __tracebackhide__ = True
        name = name or self.golden_name
        if not name:
            raise ValueError("name the golden file: assert_plan_matches_golden(result, 'name')")
        path = self.golden_dir / (name if name.endswith(".json") else f"{name}.json")
        replacements = {**self.normalize, **dict((normalize or {}).items())}
        if assert_plan_matches_golden(plan, path, normalize=replacements, ignore=ignore,
                                      sort=sort):
            self.golden_written.append(path)

    def assert_idempotent(self, automation: Automation[Any] | str,
                          request: Request | None = None, /, **fields: Any) -> Result:
        __tracebackhide__ = True
        return assert_idempotent(self, automation, request, **fields)

    def assert_dry_run_matches_apply(self, automation: Automation[Any] | str,
                                     request: Request | None = None, /, *,
                                     observe: Callable[[], object] | None = None,
                                     allow_unchanged: bool = False,
                                     **fields: Any) -> tuple[Result, Result]:
        __tracebackhide__ = True
        return assert_dry_run_matches_apply(self, automation, request, observe=observe,
                                            allow_unchanged=allow_unchanged, **fields)
