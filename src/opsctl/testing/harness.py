"""The test kit's harness: run automations in process against a temporary store with a fake clock,
and assert what only several runs show (idempotency, dry-run/apply equivalence), or an
automation's contract against the lock file.

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
from collections.abc import Callable, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from secrets import token_hex
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from opsctl.testing.clock import FakeClock
from opsctl.testing.golden import Normalize, assert_plan_matches_golden, plan_snapshot
from opsctl.testing.results import Result, assert_result_valid, describe_result

if TYPE_CHECKING:
    from opsctl.catalog import Catalog
    from opsctl.contract.automation import Action, Automation
    from opsctl.engine.session import Session

Request: TypeAlias = Mapping[str, Any]


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
        raise AssertionError(f"the first apply failed: {describe_result(first)}")
    replan = harness.plan(automation, request, **fields)
    if replan.exit_code not in (0, 10):
        raise AssertionError(f"after the apply, planning again failed: {describe_result(replan)}")
    if replan.actions:
        still = "\n".join(f"  {a['id']} [{a['kind']} {a['target']}]: {a['reason']}"
                          for a in replan.actions)
        raise AssertionError(f"not idempotent: after an apply, planning again still plans "
                             f"{len(replan.actions)} action(s):\n{still}")
    second = harness.apply(automation, request, **fields)
    if second.exit_code != 0 or second.status != "no_changes":
        raise AssertionError(f"not idempotent: a second apply was not no_changes: "
                             f"{describe_result(second)}")
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
        raise AssertionError(f"the dry run failed: {describe_result(dry)}")
    if observe is not None:
        after = observe()
        if after != before:
            raise AssertionError(f"the dry run changed the system it planned for:\n"
                                 f"{_diff(before, after, 'before the dry run', 'after it')}")
    applied = harness.apply(automation, request, **fields)
    if applied.exit_code != 0:
        raise AssertionError(f"the apply after the dry run failed: {describe_result(applied)}")
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
    locked in ``opsctl.contracts.json``, judged by the check ``opsctl contract check`` runs.

    What that check fails fails here too (a deprecated field kept past its removal version, a
    version that went down, a break without a major bump or acknowledgement); beyond it, every
    difference the compatibility rules report, breaking or compatible, fails (only ``info``
    ones, such as an edited description or a version bump, pass): the lock is updated on
    purpose, with ``opsctl contract lock`` and a reviewed diff.
    """
    __tracebackhide__ = True
    from dataclasses import replace

    from opsctl.contract.compat import check
    from opsctl.contract.lockfile import contract_snapshot, read_lock

    lock = read_lock(lock_path)
    locked = lock.automations.get(automation.name)
    if locked is None:
        raise AssertionError(f"{lock_path} has no contract for {automation.name!r}; run "
                             "`opsctl contract lock` and review the diff")
    report = check(replace(lock, automations={automation.name: locked}),
                   {automation.name: contract_snapshot(automation)})
    failed = [c for c in report.changes if c.verdict == "fail" or c.change.severity != "info"]
    if failed:
        listed = "\n".join(f"  {c.change.severity}: {c.change.rule} at {c.change.path}: "
                           f"{c.change.message}" + (f" ({c.note})" if c.note else "")
                           for c in failed)
        raise AssertionError(f"the contract of {automation.name} differs from {lock_path}:\n"
                             f"{listed}\nIf the change is intended, run `opsctl contract lock` "
                             "and review the diff.")


# -- the harness ---------------------------------------------------------------------------------------

@dataclass
class _Recorder:
    """What the automation's plan() returned in a run, and the tracebacks of what its plan,
    apply and verify raised that was no opsctl error."""

    calls: list[list[Action]] = field(default_factory=list)
    tracebacks: list[str] = field(default_factory=list)


def _recording(automation: Automation[Any]) -> tuple[Automation[Any], _Recorder]:
    """A copy of the automation whose plan() results are kept (result documents leave out
    ``data`` and ``depends_on``, which golden snapshots and equivalence checks compare), and
    whose bugs' tracebacks are: the result says only ``RuntimeError: ...``, and a test failing
    on it should show where it was raised."""
    import traceback

    from opsctl.errors import OpsctlError

    recorder = _Recorder()
    proxy = copy.copy(automation)

    def recording(original: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any) -> Any:
            try:
                return original(*args)
            except OpsctlError:
                raise
            except Exception as exc:
                recorder.tracebacks.append("".join(traceback.format_exception(exc)).rstrip())
                raise

        return call

    original_plan = recording(automation.call_plan)

    def call_plan(ctx: Any, request: Any) -> list[Action]:
        actions: list[Action] = original_plan(ctx, request)
        recorder.calls.append(list(actions))
        return actions

    vars(proxy)["call_plan"] = call_plan
    vars(proxy)["call_apply"] = recording(automation.call_apply)
    vars(proxy)["call_verify"] = recording(automation.call_verify)
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
        self.state_dir.mkdir(mode=0o700, exist_ok=True)  # the store_url of _isolated_settings
        self.clock = clock or FakeClock()
        self.actor = actor
        self.secrets: dict[str, str] = dict(secrets or {})
        for name, table in (config or {}).items():
            if not isinstance(table, Mapping):
                raise TypeError(f"config[{name!r}]: the [automation.{name}] table is a mapping "
                                f"of its keys (config={{{name!r}: {{'key': ...}}}}), not "
                                f"{type(table).__name__} ({table!r})")
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
        self._signing_key = token_hex(32)  # used with a project (see _isolated_settings)
        if project is not None:
            # relative to where the test runs, not to root (the directory runs start in)
            given = Path(project).absolute()
            self.config_file: Path | None = given / "opsctl.toml" if given.is_dir() else given
        else:
            self.config_file = None
            (self.root / "opsctl.toml").write_text("# a temporary opsctl project\n")
        try:
            self._patch_process_env("HOME", str(self.home))
            self._patch_process_env("XDG_CONFIG_HOME", str(self.home / ".config"))
            for name, value in (env or {}).items():
                self.setenv(name, value)
        except BaseException:  # no harness to close(): restore os.environ here
            self.close()
            raise

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
        if not isinstance(value, str):
            raise TypeError(f"environment variable {name!r}: its value must be text, not "
                            f"{type(value).__name__} ({value!r}); write {str(value)!r}")
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

        flags: dict[str, Any] = {**self._isolated_settings(), **self.settings,
                                 "state_dir": str(self.state_dir)}
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

    def _isolated_settings(self) -> dict[str, Any]:
        """What the harness sets over the project's ``opsctl.toml`` so that no run touches the
        project's real state: the harness's own SQLite store (a ``store_url`` of the project
        names a real one), the in-process executor (never a real broker) and, with a project,
        a plan-signing key of the harness's own (a plan or secret digest made in a test is not
        signed with the project's real key). ``settings=`` can still set any of them."""
        isolated: dict[str, Any] = {"store_url": f"sqlite:///{self.state_dir / 'state.db'}",
                                    "executor": "local"}
        if self.config_file is not None:
            isolated["plan_signing_key"] = self._signing_key
        return isolated

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
            return self._catalog(session).load(automation)
        own = self.open_session()
        try:
            return self._catalog(own).load(automation)
        finally:
            own.close()

    def _catalog(self, session: Session) -> Catalog:
        """The project's automations (and installed ones), loaded without the ``configure()``
        tables of registered automations: the catalog refuses a table that names none of its
        own as a typo, which made every project automation exit 2 once a registered one was
        configured."""
        registered = set(self.config) & set(self._registered)
        if registered and session._catalog is None:
            from opsctl.catalog import load_catalog

            layers = copy.copy(session.layers)
            tables = session.layers.values.get("automation") or {}
            layers.values = {**session.layers.values, "automation": {
                name: table for name, table in tables.items() if name not in registered}}
            session._catalog = load_catalog(layers)
        return session.catalog

    # -- runs ------------------------------------------------------------------------------------
    def run(self, automation: Automation[Any] | str, request: Request | None = None, /, *,
            mode: Literal["plan", "apply"] = "apply", dry_run: bool = False,
            idempotency_key: str | None = None, max_failures: int = 1,
            concurrency: int = 1, contract_version: str | None = None) -> Result:
        """One run through the engine, as ``opsctl NAME`` would do it; never raises for an
        opsctl error (an invalid request is a result with exit 2, as on the command line)."""
        from opsctl.contract.automation import Action
        from opsctl.engine.run import error_document, execute
        from opsctl.errors import OpsctlError

        first_event = len(self.events)
        started = self.clock()
        try:
            session = self.open_session()
        except OpsctlError as exc:  # a bad configuration is a result (exit 2), as on the CLI
            doc = error_document(exc, mode="plan" if mode == "plan" or dry_run else "apply",
                                 automation=automation if isinstance(automation, str)
                                 else automation.name, started_at=started,
                                 finished_at=self.clock())
            return self._checked(Result(doc, int(exc.exit_code), None,
                                        tuple(self.events[first_event:])))
        try:
            try:
                target = self.automation(automation, session)
            except OpsctlError as exc:  # an unknown name is a result (exit 2), as on the CLI
                from opsctl.errors import UnknownAutomationError

                if (self._registered and isinstance(automation, str)
                        and isinstance(exc, UnknownAutomationError)):
                    exc.message = (f"unknown automation {automation!r} (registered with the "
                                   f"harness: {', '.join(sorted(self._registered))})")
                doc = error_document(exc, mode="plan" if mode == "plan" or dry_run else "apply",
                                     automation=str(automation), started_at=started,
                                     finished_at=self.clock(), actor=session.actor,
                                     redact=session.redactor.redact)
                return Result(doc, int(exc.exit_code), None, tuple(self.events[first_event:]))
            proxy, recorder = _recording(target)
            from opsctl.engine.request import secrets_from_env

            # a Secret field the test left out comes from OPSCTL_SECRET_<FIELD>, as on the CLI
            data = secrets_from_env(session.env, target, dict(request or {}))
            try:
                outcome = execute(session, proxy, data, mode=mode,
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
            last = recorder.calls[-1] if recorder.calls else None
            # a plan of something else than actions (dicts) is refused by the run (exit 1)
            planned = (tuple(session.redactor.redact(a.to_dict()) for a in last)
                       if last is not None and all(isinstance(a, Action) for a in last)
                       else None)
            tracebacks = tuple(session.redactor.redact_text(t) for t in recorder.tracebacks)
        finally:
            session.close()
        return self._checked(Result(doc, code, planned, tuple(self.events[first_event:]),
                                    tracebacks))

    def _checked(self, result: Result) -> Result:
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
