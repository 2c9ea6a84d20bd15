"""Asking before a mutating apply: show the plan, apply only after ``yes``.

On a terminal, ``opsctl NAME`` / ``opsctl apply NAME`` / ``opsctl reconcile NAME`` of a mutating
automation passes :func:`confirm_plan` to the engine, which calls it inside the apply run: after
the plan and the gate, under the scope's lease (no other run can change the target through
opsctl meanwhile), before the first action. It shows that plan as a diff on stderr and reads
the answer from stdin; only ``yes`` goes on, and what is applied is exactly the plan shown (a
resumed run shows what is left of its journal). Declined, the run ends ``changes_planned``,
exit 10, with nothing applied. A denial or missing approval is refused at the gate, before
anything is asked.

The decision (:func:`needs_confirmation`) and the prompt (:func:`render_prompt`,
:func:`approved`) are plain functions; :func:`confirm_plan` only wires them to the streams.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal, TextIO

from opsctl.cli.plan_diff import kind_counts, render_actions
from opsctl.observe.color import styled

if TYPE_CHECKING:
    import threading

ConfirmSetting = Literal["tty", "never"]
PROMPT = "Apply these changes? Only 'yes' applies: "
DECLINED = "opsctl: apply cancelled: nothing was changed"


def needs_confirmation(*, setting: str, yes: bool, effect: str, dry_run: bool,
                       stdin_tty: bool, stderr_tty: bool) -> bool:
    """Whether to show the plan and ask before applying.

    Only a mutating automation applied without ``--dry-run`` asks, only when ``confirm`` is
    ``tty`` (the default) and both stdin (the answer) and stderr (the question) are terminals:
    CI, cron and pipes never wait for an answer. ``-y/--yes/--auto-approve`` skips it.
    """
    return (setting == "tty" and not yes and effect == "mutate" and not dry_run
            and stdin_tty and stderr_tty)


def approved(answer: str | None) -> bool:
    """Only ``yes`` (Terraform's habit): ``y``, an empty line or end of input decline."""
    return answer is not None and answer.strip() == "yes"


def render_prompt(preview: Mapping[str, Any], stream: TextIO, *, full: bool = False,
                  color: bool = False) -> None:
    """The plan being approved, as ``plan``/``--dry-run`` show it, then the question."""
    plan = preview.get("plan") or {}
    actions = plan.get("actions") or []
    fingerprint = str(plan.get("fingerprint") or "")
    stream.write(styled(f"{preview.get('automation')} {preview.get('contract_version')} "
                        f"will make these changes (plan {fingerprint[:19]}):", "bold", color)
                 + "\n")
    render_actions(actions, stream, full=full, color=color)
    # a run re-run to finish it: the count is what "yes" does, not what its journal holds done
    left = [a for a in actions if a.get("status") not in ("applied", "unchanged")]
    done = len(actions) - len(left)
    stream.write(f"plan: {kind_counts(left)}"
                 + (f" ({done} already done)" if done else "") + "\n")
    policy = preview.get("policy")
    if policy:
        stream.write(f"policy: {policy['effect']} (rule {policy['rule']})\n")
    for warning in preview.get("warnings") or []:
        stream.write(styled(f"warning: {warning}", "yellow", color) + "\n")
    stream.write(PROMPT)
    stream.flush()


def confirm_plan(preview: Mapping[str, Any], *, stream: TextIO,
                 read_line: Callable[[], str | None], full: bool = False,
                 color: bool = False) -> bool:
    """Show ``preview`` on ``stream``, read one answer; True to apply."""
    render_prompt(preview, stream, full=full, color=color)
    answer = read_line()
    if answer is None:
        stream.write("\n")
    ok = approved(answer)
    if not ok:
        stream.write(DECLINED + "\n")
    return ok


def read_answer(stdin: TextIO, stop: threading.Event | None = None) -> str | None:
    """One line from stdin; None at end of input; KeyboardInterrupt once ``stop`` is set (the
    run was asked to stop from elsewhere: `opsctl cancel`).

    A terminal's line is waited for in short selects, not one blocking read: a signal the
    kernel hands to another thread of this process (a lease's heartbeat) does not interrupt
    the main thread's read, and Python runs its handler only in the main thread, once that
    read returns: Ctrl-C or SIGTERM at the question would go unheard until a key was hit."""
    try:
        fd = stdin.fileno() if stdin.isatty() else None
    except (AttributeError, OSError, ValueError):  # no descriptor (a test's stream)
        fd = None
    if fd is not None:
        import select

        while not select.select([fd], [], [], 0.25)[0]:
            # back in Python between selects: a pending signal's handler runs here
            if stop is not None and stop.is_set():
                raise KeyboardInterrupt
    line = stdin.readline()
    return line if line else None
