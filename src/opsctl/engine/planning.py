"""The plan step of a run: call the automation's read-only ``plan()``, check what it yields,
fingerprint it; or, resuming, rebuild the plan from the journal (with ``verify``) or merge the
journal with a fresh plan."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from fnmatch import fnmatchcase
from typing import Any

from opsctl.contract.automation import Action
from opsctl.contract.canonical import CanonicalJSONError, canonical_json
from opsctl.contract.plan import Plan
from opsctl.engine.applying import automation_bug
from opsctl.engine.context import Context
from opsctl.engine.results import PUBLISHED_STEPS, kind_counts
from opsctl.engine.run_audit import queue_audit
from opsctl.engine.state import ActionState, RunState, iso
from opsctl.errors import AutomationBugError, OpsctlError
from opsctl.observe.tracing import traced_step


@traced_step("plan")
def make_plan(run: RunState, ctx: Context) -> Plan:
    automation = run.automation
    ctx.phase = "plan"
    ctx.log = ctx.log.bind(step="plan")
    journal = run.session.store.list_actions(run.run_id) if run.resumed else []
    if journal and automation.has_verify and not _masked_unfinished(journal):
        return _plan_from_journal(run, ctx, journal)
    session = run.session
    try:
        session.planning = True
        if session.stop_requested.is_set():  # asked to stop before planning began
            raise KeyboardInterrupt
        actions = automation.call_plan(ctx, run.request)
    except OpsctlError as exc:
        from opsctl.engine.classify import clip_message

        # the automation's own step name (step="precheck") is the plan step of the run
        exc.step = exc.step if exc.step in PUBLISHED_STEPS else "plan"
        clip_message(exc, session.redactor.redact_text)
        raise
    except Exception as exc:
        raise automation_bug(run, exc, "plan() failed", "plan") from exc
    finally:
        session.planning = False
    seen: set[str] = set()
    redactor = run.session.redactor
    secrets = bool(redactor)  # none: no id to check (the check is per action)
    dependent = False
    for action in actions:
        if not isinstance(action, Action):
            raise AutomationBugError(f"plan() of {automation.name} yielded {type(action).__name__}, "
                                     "not an opsctl Action", step="plan")
        if action.id in seen:
            raise AutomationBugError(f"plan() of {automation.name} yielded action id "
                                     f"{action.id!r} twice", step="plan")
        seen.add(action.id)
        if secrets and redactor.redact_text(action.id) != action.id:
            # the journal finds an action's row by its id, so ids are stored as they are
            raise AutomationBugError(
                f"plan() of {automation.name} yielded action id "
                f"{redactor.redact_text(action.id)!r}, "
                "which holds a secret value: ids are stored and compared as they are; keep "
                "secrets in the action's data", step="plan")
        if automation.effect == "read" and action.kind != "run":
            raise AutomationBugError(f"{automation.name} declares effect 'read' but planned a "
                                     f"{action.kind} action ({action.id})", step="plan")
        if action.depends_on:
            dependent = True
    if dependent:
        _refuse_cycles(automation.name, actions)
    if run.targets:
        actions = _targeted(run, actions)
    try:
        fingerprint = streamed_fingerprint(automation.name, automation.version, run.request_doc,
                                           actions, run.targets, run.session.redactor.redact)
    except CanonicalJSONError as exc:  # NaN, or an object JSON cannot hold, in an action
        raise AutomationBugError(f"plan() of {automation.name} yielded an action that is not "
                                 f"plain JSON{_not_plain_json(actions, redactor.redact)}: {exc}",
                                 step="plan") from None
    plan = Plan(automation.name, automation.version, run.request_doc, tuple(actions), fingerprint,
                run.targets)
    run.plan = plan
    run.states = (_resume_states(run, actions, journal) if run.resumed
                  else [ActionState(a) for a in actions])
    run.session.store.set_run_plan(run.run_id, fingerprint)
    ctx.log.info("plan.created", fingerprint=fingerprint, actions=len(actions))
    queue_audit(run, "plan.created", fingerprint=fingerprint, actions=len(actions),
           kinds=kind_counts(actions))
    return plan


def _not_plain_json(actions: Sequence[Action], redact: Callable[[Any], Any]) -> str:
    """`` (action ID, its FIELD)`` naming the first field JSON cannot hold: among hundreds of
    actions, the error alone ("Object of type datetime") does not say where to look."""
    for action in actions:
        for field, value in sorted(redact(action.to_dict()).items()):  # as JSON writes it
            try:
                canonical_json(value)
            except CanonicalJSONError:
                return f" (action {action.id!r}, its {field})"
    return ""


def _refuse_cycles(automation: str, actions: Sequence[Action]) -> None:
    """A ``depends_on`` cycle among planned actions is the automation's bug (exit 1), found
    before anything applies: none of its actions could ever start. An id the plan does not
    hold (an action already converged, so not planned) is taken as done."""
    planned = {a.id: a for a in actions}
    waiting = {a.id: sum(d in planned for d in a.depends_on) for a in actions}
    dependents: dict[str, list[str]] = {}
    for action in actions:
        for needed in action.depends_on:
            if needed in planned:
                dependents.setdefault(needed, []).append(action.id)
    ready = [action_id for action_id, count in waiting.items() if not count]
    while ready:  # Kahn's topological order: what never becomes ready is in (or behind) a cycle
        for follower in dependents.get(ready.pop(), ()):
            waiting[follower] -= 1
            if not waiting[follower]:
                ready.append(follower)
    stuck = [action_id for action_id, count in waiting.items() if count]
    if stuck:
        shown = ", ".join(stuck[:10]) + (f" (and {len(stuck) - 10} more)" if len(stuck) > 10
                                         else "")
        raise AutomationBugError(f"plan() of {automation} yielded a depends_on cycle: {shown} "
                                 "can never start", step="plan")


_FINGERPRINT_CHUNK = 1000


def streamed_fingerprint(automation: str, version: str, request_doc: Any,
                         actions: Sequence[Action], targets: Sequence[str],
                         redact: Callable[[Any], Any]) -> str:
    """:func:`~opsctl.contract.plan.plan_fingerprint` of the redacted actions, hashed a chunk of
    actions at a time, so a long plan's dicts and text are never all held at once.

    The bytes hashed are the same: canonical JSON composes, and ``actions`` is the first key of
    the body, so its text is ``{"actions":[`` + the actions' texts joined by ``,`` + ``],`` +
    the rest of the body's text after its ``{``.
    """
    digest = hashlib.sha256(b'{"actions":[')
    for start in range(0, len(actions), _FINGERPRINT_CHUNK):
        text = canonical_json([redact(a.to_dict())
                               for a in actions[start:start + _FINGERPRINT_CHUNK]])
        digest.update((b"," if start else b"") + text[1:-1].encode())
    rest: dict[str, Any] = {"automation": automation, "contract_version": version,
                            "request": request_doc}
    if targets:
        rest["targets"] = list(targets)
    digest.update(("]," + canonical_json(rest)[1:]).encode())
    return "sha256:" + digest.hexdigest()


def select_targets(actions: list[Action], patterns: tuple[str, ...]) -> list[Action]:
    """The actions whose id matches one of ``patterns`` (globs), and everything they depend on,
    in plan order."""
    by_id = {a.id: a for a in actions}
    wanted = [a.id for a in actions if any(fnmatchcase(a.id, p) for p in patterns)]
    chosen: set[str] = set()
    while wanted:
        action_id = wanted.pop()
        if action_id in chosen or action_id not in by_id:
            continue
        chosen.add(action_id)
        wanted.extend(by_id[action_id].depends_on)
    return [a for a in actions if a.id in chosen]


def _targeted(run: RunState, actions: list[Action]) -> list[Action]:
    """Limit the plan to ``--target`` and say so: a targeted run leaves the rest unconverged."""
    selected = select_targets(actions, run.targets)
    unmatched = [p for p in run.targets
                 if not any(fnmatchcase(a.id, p) for a in actions)]
    _say_targeted(run, len(selected), len(actions))
    if unmatched:
        run.warnings.append(f"--target {' '.join(unmatched)} matched no planned action")
    return selected


def _say_targeted(run: RunState, selected: int, planned: int | None) -> None:
    """``artifacts.targets`` and the warning of a targeted run (``planned``: the size of the
    whole plan, None when a resume from the journal does not know it)."""
    run.artifacts["targets"] = {"patterns": list(run.targets), "selected": selected,
                                "planned_without_targets": planned}
    of = "" if planned is None else f" of {planned} planned"
    run.warnings.append(
        f"targeting is in effect (--target {' '.join(run.targets)}): {selected}{of} action(s) "
        "are in this plan; the rest is left as it is. Run again without --target to converge "
        "everything")


def _plan_from_journal(run: RunState, ctx: Context, journal: list[Any]) -> Plan:
    """Resume an automation that has ``verify`` from its journal, without planning again.

    The journal holds the plan this run started applying: finished actions are skipped
    without a call to the automation (no remote read per finished action), and every
    unfinished one is re-checked with ``verify`` before it is applied, because a journal in
    group-commit mode may not hold the "started" record of an action that took effect.
    """
    automation = run.automation
    states: list[ActionState] = []
    skipped = 0
    for record in journal:
        state = ActionState(Action.from_dict(record.spec), attempts=record.attempts)
        if record.status in FINISHED:
            state.status, state.done = record.status, True
            skipped += 1
        else:
            state.interrupted = True
        states.append(state)
    actions = tuple(s.action for s in states)
    fingerprint = streamed_fingerprint(automation.name, automation.version, run.request_doc,
                                       actions, run.targets, run.session.redactor.redact)
    plan = Plan(automation.name, automation.version, run.request_doc, actions, fingerprint,
                run.targets)
    run.plan, run.states = plan, states
    run.artifacts["new_actions"] = []
    if run.targets:  # the result of the run it finishes says so: so does this one
        prior = run.session.store.get_run(run.run_id) or {}
        known = ((prior.get("result") or {}).get("artifacts") or {}).get("targets") or {}
        _say_targeted(run, len(actions), known.get("planned_without_targets"))
    run.warnings.append(f"resumed run {run.run_id}: {skipped} action(s) already finished were "
                        "not applied again")
    run.session.store.set_run_plan(run.run_id, fingerprint)
    ctx.log.info("plan.resumed", fingerprint=fingerprint, actions=len(actions),
                 finished=skipped, source="journal")
    queue_audit(run, "plan.created", fingerprint=fingerprint, actions=len(actions),
           kinds=kind_counts(list(actions)), source="journal", finished=skipped)
    return plan


FINISHED = ("applied", "unchanged")  # a resumed run retries failed and skipped actions


def _masked_unfinished(journal: list[Any]) -> bool:
    """Whether an action still to apply was journaled with a secret masked (the journal
    keeps specs as every stored thing is kept, secrets as ``***``): rebuilt from the journal
    it would hand ``apply`` the mask instead of the secret, so such a run is planned afresh
    and merged with its journal, as a run without ``verify`` is (its interrupted actions are
    still re-checked with ``verify`` first). Text that merely contains ``***`` costs a plan."""
    from opsctl.config.redact import MASK

    def holds_mask(value: Any) -> bool:
        if isinstance(value, str):
            return MASK in value
        if isinstance(value, dict):
            return any(holds_mask(v) for v in value.values())
        if isinstance(value, list):
            return any(holds_mask(v) for v in value)
        return False

    return any(record.status not in FINISHED and holds_mask(record.spec) for record in journal)


def _resume_states(run: RunState, fresh: list[Action], journal: list[Any]) -> list[ActionState]:
    """Journal first: finished actions are skipped; the fresh plan supplies what is left.

    An action journaled as started but not finished that the fresh plan no longer contains
    took effect before the interruption (applied); one never started and no longer planned
    converged some other way (unchanged). Actions new in the fresh plan are appended.
    """
    planned = {a.id: a for a in fresh}
    states: list[ActionState] = []
    skipped = 0
    for record in journal:
        action = planned.pop(record.action_id, None)
        state = ActionState(action or Action.from_dict(record.spec), attempts=record.attempts)
        state.done = True
        if record.status in FINISHED:
            state.status = record.status
            skipped += 1
        elif action is None:
            state.status = "applied" if record.status in ("started", "interrupted") else "unchanged"
            run.session.store.action_finished(run.run_id, record.action_id, status=state.status,
                                              error=None,
                                              at=iso(run.session.clock()), fence=run.fence)
        else:
            state.done = False
            state.interrupted = record.status in ("started", "interrupted")
        states.append(state)
    new = [ActionState(a) for a in fresh if a.id in planned]
    for state in new:
        state.interrupted = False
    run.artifacts["new_actions"] = [s.action.id for s in new]
    run.warnings.append(f"resumed run {run.run_id}: {skipped} action(s) already finished were "
                        "not applied again")
    return states + new
