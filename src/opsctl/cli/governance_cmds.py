"""Governance verbs: approve, reject, policy check, audit verify, audit export."""

from __future__ import annotations

import json
from typing import Any, TextIO

import click

from opsctl.cli.builtins import MAX_INT64
from opsctl.cli.main import AutomationGroup
from opsctl.cli.options import (
    CommonOptions,
    common_options,
    given_before,
    global_options,
    global_options_but_format,
    nothing_in_flight,
    open_cli_session,
    refuse_reading_no_store,
    show_config,
)
from opsctl.cli.output import emit_data, json_stdout


def _decide(ref: str, reason: str, opts: CommonOptions, *, approve: bool) -> int:
    from opsctl.errors import UsageError
    from opsctl.governance.plan_decisions import decide_plan

    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    try:
        record = decide_plan(session, ref, approve=approve, reason=reason)
    except UsageError as exc:
        from opsctl.cli.builtins import _plan_id_in_file

        plan_id = _plan_id_in_file(ref) if exc.message.startswith("no saved plan") else None
        if plan_id is None:
            raise
        verb = "approve" if approve else "reject"
        raise UsageError(f"{ref} is a plan file, not a plan id: its plan is {plan_id} "
                         f"(`opsctl {verb} {plan_id} --reason TEXT`)") from None
    finally:
        session.close()

    def render(data: dict[str, Any], stream: TextIO) -> None:
        again = "already " if data.get("already_recorded") else ""
        lasts = (f"valid until {data['expires_at']}" if approve else
                 "a rejection does not expire")  # it vetoes the plan for the plan's whole life
        stream.write(f"{data['actor']} {again}{data['decision']} plan {data['plan_id']} "
                     f"(fingerprint {data['fingerprint'][:19]}, {lasts})\n")
        approvals = data.get("approvals")
        if approvals is not None:
            state = ("enough to apply" if approvals["satisfied"] else
                     f"vetoed by {', '.join(approvals['rejected_by'])}: it cannot be applied"
                     if approvals.get("rejected_by") else "more needed")
            stream.write(f"approvals: {len(approvals['approved_by'])} of {approvals['needed']} "
                         f"({', '.join(approvals['approved_by'])}): {state}\n")
        if not approve:
            stream.write("a rejected plan cannot be applied; plan again for a new one\n")

    return emit_data(record, opts, session, render)


_REF_HELP = "PLAN_ID is printed by `opsctl plan ... --out` (the plan run's id works too)."


@click.command("approve", short_help="Approve a saved plan (bound to its fingerprint).",
               epilog=_REF_HELP)
@click.argument("plan_id")
@click.option("--reason", required=True, help="Why it may be applied (recorded).")
@common_options
def approve_cmd(plan_id: str, reason: str, opts: CommonOptions) -> int:
    """Approve PLAN_ID: counts towards the policy's required approvals for exactly this plan.

    Refused, with nothing recorded, when the plan does not exist (2), was applied, expired or
    made by another contract version (3), when the policy denies it, someone rejected it, the
    approver requested it or is not an eligible approver (6), or the approver already
    rejected it (7). Approving again is a success that records
    nothing new ("already approved"), unless that approval expired (3: plan again).
    """
    return _decide(plan_id, reason, opts, approve=True)


@click.command("reject", short_help="Reject a saved plan (vetoes applying it).",
               epilog=_REF_HELP)
@click.argument("plan_id")
@click.option("--reason", required=True, help="Why it must not be applied (recorded).")
@common_options
def reject_cmd(plan_id: str, reason: str, opts: CommonOptions) -> int:
    """Reject PLAN_ID: `apply --plan` of it then exits 6, whatever else was approved.

    The policy's approvers may reject a plan, and so may its requester (a withdrawal)."""
    return _decide(plan_id, reason, opts, approve=False)


@click.group("policy", short_help="Explain the policy decision for a request.")
@global_options  # `opsctl policy -o json check NAME`: read by the automation's command
def policy_group(**_global: Any) -> None:
    """Policy decisions, explained without running anything."""


@policy_group.group("check", cls=AutomationGroup, mode="policy",
                    short_help="Explain the decision for NAME [FLAGS].")
@global_options  # `opsctl policy check -o json NAME`
def policy_check_group(**_global: Any) -> None:
    """Plan NAME (read-only), evaluate the policy and print the decision with each rule's
    conditions. Nothing is recorded. Exit 0: allowed; 6: denied or needs approval."""


@click.group("audit", short_help="Verify or export the hash-chained audit trail.")
@global_options  # `opsctl audit -o json SUBCOMMAND`: read by the subcommand
def audit_group(**_global: Any) -> None:
    """The append-only audit trail: every request, plan, decision, approval, lock and action."""


@audit_group.command("verify")
@click.option("--since", "since_seq", type=click.IntRange(0, MAX_INT64), default=None, metavar="SEQ",
              help="Walk from the newest checkpoint at or before event SEQ (recorded by an "
                   "earlier verify that passed) instead of event 1.")
@common_options
def audit_verify(since_seq: int | None, opts: CommonOptions) -> int:
    """Recompute the hash chain; exit 3 naming the first bad event when anything was edited,
    deleted, inserted or reordered, or naming the approvals and saved plans whose rows do not
    match the events recorded with them. A verify that passes records its head as a
    checkpoint, where a later `--since` starts."""
    from opsctl.errors import PlanRejectedError
    from opsctl.governance.approvals import verify_audit
    from opsctl.governance.gate import check_permission

    session = open_cli_session(opts)
    if opts.show_config:
        return show_config(session)
    refuse_reading_no_store(session)
    check_permission(session, "view", automation="*")
    with nothing_in_flight(session, "the audit trail's verification"):
        report = verify_audit(session, since=since_seq)
    session.close()
    if not report.ok:
        raise PlanRejectedError(f"audit trail is not intact: {report.problem}", reason="tampered")
    if report.mismatches:
        raise PlanRejectedError(
            f"audit trail intact ({report.events} event(s), head {report.head_hash}), but "
            f"{len(report.mismatches)} record(s) do not match it: "
            + "; ".join(report.mismatches), reason="tampered")

    def render(data: dict[str, Any], stream: TextIO) -> None:
        start = (f" from checkpoint event {data['from_seq']} ({data['from_hash']})"
                 if data["from_seq"] else "")
        if since_seq is not None and not data["from_seq"]:
            # --since asked for a shorter walk: say why this one went from the start
            start = f" from event 1 (no checkpoint at or before event {since_seq})"
        head = (f"head {data['head_hash']}" if data["head_hash"] is not None
                else "no head yet (the trail is empty)")
        stream.write(f"audit trail intact: {data['events']} event(s){start}, {head}\n")
        for warning in data["warnings"]:
            stream.write(f"warning: {warning}\n")

    return emit_data(report.to_dict(), opts, session, render)


@audit_group.command("export")
@click.option("-o", "--format", "format_", type=click.Choice(["jsonl", "json"]), default=None,
              help="jsonl (the default): one event per line, streamed; json: one document (also "
                   "with the global -o json before `audit`).")
@click.option("--since", "since_seq", type=click.IntRange(0, MAX_INT64), default=0, metavar="SEQ",
              help="Only events after this sequence number.")
@click.option("--run", "run_id", default=None, metavar="RUN_ID",
              help="Only events of this run (or a unique prefix of at least 6 characters).")
@global_options_but_format
def audit_export(format_: str | None, since_seq: int, run_id: str | None, config_file: str | None,
                 log_format: str | None, verbose: int, quiet: bool, no_color: bool) -> int:
    """Export the events in sequence order, with their hashes, for a log sink or a review."""
    from opsctl.cli.options import STATE
    from opsctl.cli.start_up import resume_collector

    resume_collector()  # start-up is over (this command has its own options, not the common ones)
    from opsctl.governance.gate import check_permission
    from opsctl.store.audit import iter_events

    root = given_before()  # `opsctl -o json audit export`, `opsctl audit --config F export`
    if format_ is None:
        format_ = "json" if root.get("format_") == "json" else "jsonl"
    # a failure prints a result document on stdout only when one JSON document was asked
    # for: the lines of a jsonl export are events, and a log sink takes each for one
    opts = CommonOptions("json" if format_ == "json" else None,
                         config_file if config_file is not None else root.get("config_file"),
                         False,
                         log_format or root.get("log_format"),
                         verbose or root.get("verbose") or 0, quiet or bool(root.get("quiet")),
                         no_color or bool(root.get("no_color")))
    STATE.opts = opts
    session = open_cli_session(opts)
    refuse_reading_no_store(session)
    check_permission(session, "view", automation="*")
    if run_id is not None:
        run_id = _audited_run(session, run_id)
    out = json_stdout()  # JSON in either format: lines, or one document
    with nothing_in_flight(session, "the audit trail's export"):
        events = iter_events(session.store, since_seq=since_seq, run_id=run_id)
        if format_ == "json":
            out.write(json.dumps({"events": [e.to_dict() for e in events]},
                                 ensure_ascii=False) + "\n")
        else:
            for event in events:
                out.write(json.dumps(event.to_dict(), ensure_ascii=False, sort_keys=True)
                          + "\n")
    session.close()
    return 0


def _audited_run(session: Any, run_id: str) -> str:
    """The run ``--run`` names, in full or by a unique prefix (as `opsctl show` takes it), or
    an id the trail holds events of; a UsageError (exit 2) otherwise, so that a mistyped id
    is not exported as an empty trail."""
    from opsctl.cli.builtins import _run_by_ref
    from opsctl.errors import UsageError

    try:
        return str(_run_by_ref(session, run_id, with_result=False)["id"])
    except UsageError:
        if session.store._rows("SELECT seq FROM audit_events WHERE run_id = ? LIMIT 1",
                               (run_id,)):
            return run_id
        raise
