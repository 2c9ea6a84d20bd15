"""Saved plans: writing the signed plan file of a run, and applying one later, exactly once."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from pathlib import Path
from typing import Any

from opsctl.contract.automation import Automation
from opsctl.contract.plan import (
    SECRET_MARKER,
    load_plan_document,
    plan_document,
    verify_plan_document,
)
from opsctl.engine.ids import new_plan_id
from opsctl.engine.session import Session
from opsctl.engine.state import ProgressFn, RunOutcome, RunState
from opsctl.errors import PlanRejectedError, UsageError


def restore_secrets(session: Session, automation: Automation[Any], request: Any,
                     digest: Callable[[str], str], source: str) -> Any:
    """Put secret values back into a saved plan's request, from OPSCTL_SECRET_<FIELD>."""
    if isinstance(request, dict):
        if set(request) == {SECRET_MARKER}:
            return request  # handled by the caller, which knows the field name
        out = {}
        for key, value in request.items():
            if isinstance(value, dict) and set(value) == {SECRET_MARKER}:
                env_name = f"OPSCTL_SECRET_{key.upper()}"
                secret = session.env.get(env_name)
                if secret is None:
                    raise UsageError(f"{source}: secret field {key!r} is not stored in plan files; "
                                     f"set {env_name} to apply this plan", step="validate")
                if not hmac.compare_digest(digest(secret), str(value[SECRET_MARKER])):
                    raise PlanRejectedError(f"{source}: {env_name} differs from the secret the "
                                            "plan was made with", reason="stale", step="gate")
                session.redactor.add(secret)
                out[key] = secret
            else:
                out[key] = restore_secrets(session, automation, value, digest, source)
        return out
    if isinstance(request, list):
        return [restore_secrets(session, automation, v, digest, source) for v in request]
    return request


def apply_plan_file(session: Session, path: Path, *,
                    on_progress: ProgressFn | None = None) -> RunOutcome:
    """Apply a saved plan: refuse (exit 3) an edited, expired, stale or already-applied one."""
    from opsctl.engine.run import execute, secret_digest

    source = str(path)
    try:
        text = path.read_text()
    except OSError as exc:
        raise UsageError(f"cannot read plan file {path}: {exc.strerror}") from None
    doc = load_plan_document(text, source)
    key = session.signing_key()
    verify_plan_document(doc, key, session.clock(), source)
    plan_id = str(doc["plan_id"])
    saved = session.store.get_plan(plan_id)
    if saved is not None and saved["applied_run_id"]:
        raise PlanRejectedError(f"{source}: plan {plan_id} was already applied by run "
                                f"{saved['applied_run_id']}; a saved plan applies once",
                                reason="applied", step="gate")
    if saved is None:
        session.store.save_plan(doc)
    automation = session.catalog.load(str(doc["automation"]))
    if automation.version != doc["contract_version"]:
        raise PlanRejectedError(f"{source}: plan was made with {automation.name} "
                                f"{doc['contract_version']}, the code is now {automation.version}; "
                                "re-run `opsctl plan`", reason="stale", step="gate")
    request = restore_secrets(session, automation, doc["request"], secret_digest(key), source)
    entry = session.catalog.entry(automation.name)
    return execute(session, automation, request, mode="apply",
                   expected_fingerprint=str(doc["fingerprint"]), plan_id=plan_id,
                   on_progress=on_progress, source=entry.source)


def write_plan_file(run: RunState, out: Path) -> None:
    session = run.session
    assert run.plan is not None
    created = session.clock()
    doc = plan_document(
        run.plan, plan_id=new_plan_id(), created_at=created,
        expires_at=created + session.settings.plan_ttl, created_by=session.actor,
        key=session.signing_key(),
        redacted_actions=[session.redactor.redact(a) for a in run.plan.action_dicts()])
    import json

    text = json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text)
    except OSError as exc:
        raise UsageError(f"cannot write plan file {out}: {exc.strerror}", step="plan") from None
    session.store.save_plan(doc)
    session.store.set_run_plan(run.run_id, run.plan.fingerprint, doc["plan_id"])
    run.artifacts.update({"plan_file": str(out), "plan_id": doc["plan_id"],
                          "plan_expires_at": doc["expires_at"]})
