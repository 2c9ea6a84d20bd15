"""The gate step of a run, between plan and apply: the policy decision, then approvals."""

from __future__ import annotations

from opsctl.engine.context import Context
from opsctl.engine.events import record_event
from opsctl.engine.results import decision_document
from opsctl.engine.run_audit import queue_audit
from opsctl.engine.state import RunState
from opsctl.observe.tracing import traced_step


@traced_step("gate")
def pass_gate(run: RunState, ctx: Context) -> None:
    """The boundary between plan and apply: the policy decision, then approvals (apply only).

    The decision is recorded (result, audit) before it is enforced, so a denial is on record.
    """
    from opsctl.governance.approvals import refuse_rejected, require_approvals
    from opsctl.governance.gate import approval_summary, decide, enforce, governance_for

    session = run.session
    assert run.plan is not None
    log = ctx.log.bind(step="gate")
    governance = governance_for(session)
    now = session.clock()
    decision = decide(session, governance, automation=run.automation.name,
                      version=run.automation.version, request_doc=run.request_doc,
                      actor=session.actor, actions=run.plan.actions, now=now)
    record_event(run, "gate", {"policy": None if decision is None else decision_document(decision)})
    checks: list[str] = []
    if decision is not None:
        run.decision = decision
        shown = decision_document(decision)
        queue_audit(run, "policy.decision", **shown)
        log.info("policy.decision", effect=decision.effect, rule=decision.rule,
                 matched=list(decision.matched))
        checks.append(f"policy:{decision.effect}:{decision.rule}")
        enforce(decision)
    if run.mode == "apply" and run.plan.has_changes:
        if run.approval_plan is not None:
            refuse_rejected(session, run.approval_plan[0], run.approval_plan[1], now)
        approval = run.approval_plan or (None, run.plan.fingerprint, None)
        status = require_approvals(session, governance, decision, plan_id=approval[0],
                                   fingerprint=approval[1], requester=approval[2], now=now)
        if status is not None:
            run.artifacts["approvals"] = status.to_dict()
            checks.append(f"approvals:{len(status.approved_by)}/{status.needed}")
    elif decision is not None and decision.effect == "require_approval" and run.plan.has_changes:
        run.warnings.append(f"applying this plan needs approval: {approval_summary(decision)}")
    log.info("gate.passed", checks=checks)
