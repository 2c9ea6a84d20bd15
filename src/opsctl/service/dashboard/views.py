"""What the dashboard's pages show, computed from library values: plain data for templates,
which hold no logic beyond display (a diff's rows, counts by kind, a blast radius, a
timeline, approvals still missing)."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opsctl.engine.session import Session

KINDS = ("create", "update", "delete", "run")


@dataclass(frozen=True)
class DiffRow:
    key: str
    before: str
    after: str
    change: str  # added | removed | changed | same


@dataclass(frozen=True)
class Diff:
    """An action's before/after: side by side for structured values, a line diff for text."""

    mode: str  # none | structured | text | scalar
    rows: tuple[DiffRow, ...] = ()
    lines: tuple[tuple[str, str], ...] = ()  # (tag: + - space @, text)


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def action_diff(before: Any, after: Any) -> Diff:
    if before is None and after is None:
        return Diff("none")
    if isinstance(before, dict | type(None)) and isinstance(after, dict | type(None)) \
            and (isinstance(before, dict) or isinstance(after, dict)):
        old, new = before or {}, after or {}
        rows = []
        for key in sorted(set(old) | set(new), key=str):
            if key not in old:
                change = "added"
            elif key not in new:
                change = "removed"
            else:
                change = "same" if old[key] == new[key] else "changed"
            rows.append(DiffRow(str(key), _shown(old.get(key)) if key in old else "",
                                _shown(new.get(key)) if key in new else "", change))
        return Diff("structured", rows=tuple(rows))
    if (isinstance(before, str) and "\n" in before) or (isinstance(after, str) and "\n" in after):
        lines = []
        for line in difflib.unified_diff(_shown(before).splitlines(), _shown(after).splitlines(),
                                         lineterm="", n=3):
            if line.startswith(("---", "+++")):
                continue
            lines.append((line[:1] if line[:1] in "+-@" else " ", line))
        return Diff("text", lines=tuple(lines))
    return Diff("scalar", rows=(DiffRow("", _shown(before), _shown(after),
                                        "added" if before is None else "removed"
                                        if after is None else "changed"
                                        if before != after else "same"),))


def kind_counts(actions: Iterable[Mapping[str, Any]]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for action in actions:
        kind = str(action.get("kind"))
        counts[kind] = counts.get(kind, 0) + 1
    ordered = [k for k in KINDS if k in counts] + sorted(k for k in counts if k not in KINDS)
    return [(k, counts[k]) for k in ordered]


def blast_radius(document: Mapping[str, Any], lock_scope: Sequence[str],
                 effect: str) -> dict[str, Any]:
    """How far a plan reaches: its actions, distinct targets, destructive ones, and the
    environment and lock scope it runs in."""
    actions = list(document.get("actions") or [])
    request = document.get("request") or {}
    scope = {field: request.get(field) for field in lock_scope
             if isinstance(request, Mapping) and field in request}
    return {"actions": len(actions),
            "targets": len({str(a.get("target")) for a in actions}),
            "deletes": sum(1 for a in actions if a.get("kind") == "delete"),
            "effect": effect,
            "environment": request.get("environment") if isinstance(request, Mapping) else None,
            "lock_scope": {k: _shown(v) for k, v in scope.items()}}


def approval_progress(session: Session, document: Mapping[str, Any],
                      now: datetime) -> dict[str, Any] | None:
    """The policy decision of a stored plan now, and the approvals it has and still needs;
    None when no policy is configured."""
    from opsctl.contract.automation import Action
    from opsctl.engine.results import decision_document
    from opsctl.governance.approvals import approval_status, checked_approvals
    from opsctl.governance.gate import decide, governance_for

    governance = governance_for(session)
    requester = str(document.get("created_by") or "")
    actions = [Action.from_dict(a) for a in document.get("actions") or []]
    request = dict(document.get("request") or {})
    decision = decide(session, governance, automation=str(document["automation"]),
                      version=str(document["contract_version"]), request_doc=request,
                      actor=requester, actions=actions, now=now)
    if decision is None:
        return None
    refused = _refusal(session, governance, decision, document, requester)
    out: dict[str, Any] = {"decision": decision_document(decision), "approved_by": [],
                           "needed": 0, "missing": 0, "ignored": [], "rejected_by": [],
                           "may_approve": refused is None, "refused_because": refused}
    plan_id = str(document["plan_id"])
    for row in checked_approvals(session.store, plan_id):
        if row["decision"] == "rejected" and row["fingerprint"] == document["fingerprint"]:
            out["rejected_by"].append({"actor": row["actor"], "reason": row["reason"]})
    if out["rejected_by"] and refused is None:  # decide_plan refuses an approval of it
        veto = out["rejected_by"][0]
        out.update(may_approve=False, refused_because=(
            f"plan {plan_id} was rejected by {veto['actor']}: {veto['reason']}; an approval "
            "cannot override a rejection"))
    if decision.effect == "require_approval":
        status = approval_status(session, governance, decision, plan_id=plan_id,
                                 fingerprint=str(document["fingerprint"]),
                                 requester=requester, now=now)
        out.update(approved_by=list(status.approved_by), needed=status.needed,
                   missing=max(0, status.needed - len(status.approved_by)),
                   ignored=list(status.ignored))
    return out


def _refusal(session: Session, governance: Any, decision: Any,
             document: Mapping[str, Any], requester: str) -> str | None:
    """Why this session's actor may not approve the plan, or None: the checks of
    :func:`~opsctl.governance.plan_decisions.decide_plan`, asked before the button is
    pressed so the page can say why; the server checks again when it is pressed."""
    from opsctl.engine.saved_plans import refuse_other_contract_version
    from opsctl.errors import DeniedError, OpsctlError
    from opsctl.governance.gate import approval_summary, check_permission, environment_of

    try:
        check_permission(session, "approve", automation=str(document["automation"]),
                         environment=environment_of(dict(document.get("request") or {})))
    except DeniedError as exc:
        return exc.message
    try:  # made by another contract version: `apply` would refuse it, so does `approve`
        refuse_other_contract_version(session.catalog.load(str(document["automation"])),
                                      document, f"plan {document['plan_id']}")
    except OpsctlError as exc:
        return exc.message
    if decision.effect == "allow":
        return f"policy rule {decision.rule!r} allows this plan: it needs no approval"
    if decision.effect == "deny":
        return (f"policy rule {decision.rule!r} denies this plan; an approval cannot override "
                "a denial")
    if session.actor == requester and not decision.allow_self_approval:
        return (f"you ({session.actor}) made this plan: rule {decision.rule!r} needs another "
                "approver (four eyes)")
    if not governance.policy.can_approve(decision, session.actor, requester=requester,
                                         approver_groups=governance.groups_of(session.actor)):
        return f"{session.actor} is not an approver: {approval_summary(decision)}"
    return None


def timeline(actions: Sequence[Mapping[str, Any]], width: int = 1000) -> list[dict[str, Any]]:
    """Each journaled action as a bar on one time axis: x and width in ``0..width``."""
    spans = []
    for action in actions:
        start, end = _moment(action.get("started_at")), _moment(action.get("finished_at"))
        spans.append((action, start, end))
    moments = [m for _, s, e in spans for m in (s, e) if m is not None]
    if not moments:
        return [{**a, "x": 0, "w": 0, "duration_ms": None} for a, _, _ in spans]
    first, last = min(moments), max(moments)
    total = max((last - first).total_seconds(), 1e-3)
    out = []
    for action, start, end in spans:
        if start is None:
            out.append({**action, "x": 0, "w": 0, "duration_ms": None})
            continue
        stop = end or last
        x = int((start - first).total_seconds() / total * width)
        w = max(2, int((stop - start).total_seconds() / total * width))
        out.append({**action, "x": min(x, width - 2), "w": min(w, width - min(x, width - 2)),
                    "duration_ms": round((stop - start).total_seconds() * 1000, 1)
                    if end is not None else None})
    return out


def _moment(text: Any) -> datetime | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def remaining(expires_at: str | None, now: datetime) -> dict[str, Any]:
    """Time left before a plan expires, for the countdown (the page's script updates it)."""
    moment = _moment(expires_at)
    if moment is None:
        return {"expired": False, "seconds": None, "text": ""}
    seconds = int((moment - now).total_seconds())
    return {"expired": seconds <= 0, "seconds": max(0, seconds), "text": countdown(seconds)}


def countdown(seconds: int) -> str:
    if seconds <= 0:
        return "expired"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m {secs:02d}s"
