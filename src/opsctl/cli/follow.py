"""``opsctl show RUN_ID --follow``: a run's events printed as they happen, then its result.

Text: one line per event (time, kind, fields), then the run as ``show`` prints it. JSON: one
object per line (``seq``, ``at``, ``kind``, ``data``), the last being the result document.
The exit code is the run's own once it has finished; Ctrl-C (or SIGTERM) stops following with
130 and leaves the run alone, saying whether it goes on or its process seems gone.
"""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Callable
from typing import Any, TextIO

import click

from opsctl.cli.options import CommonOptions, output_format, set_from_signal
from opsctl.engine.events import RunEvent, follow_events
from opsctl.errors import ExitCode
from opsctl.observe.color import color_enabled, styled

_LEVEL_STYLE = {"debug": "dim", "info": "cyan", "warning": "yellow", "error": "red"}


def follow_run(session: Any, row: dict[str, Any], opts: CommonOptions,
               render_run: Callable[[dict[str, Any], TextIO], None], *, after_seq: int = 0) -> int:
    """Print the events of ``row``'s run (after ``after_seq``) until it finishes; its exit
    code (130 if stopped)."""
    # The session's own stop: a signal that landed after the session opened and before the
    # handlers below replace the run's, when that handler only took note of it, still stops
    # following at once (it went on to the run's end).
    stop = session.stop_requested

    def on_signal(signum: int, frame: Any) -> None:
        set_from_signal(stop)  # only this process stops: the run is another's

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    as_json = output_format(opts, session) == "json"
    if as_json:
        from opsctl.cli.output import json_stdout

        json_stdout()
    color = color_enabled(sys.stdout)
    for event in follow_events(session.store, row["id"], after_seq=after_seq, stop=stop):
        if event.kind == "result":
            if as_json:
                click.echo(json.dumps(event.data, ensure_ascii=False, default=str))
            else:
                done = session.store.get_run(row["id"]) or row
                render_run(done, sys.stdout)
            code = event.data.get("exit_code")
            return int(code) if isinstance(code, int) else ExitCode.INTERNAL
        if as_json:
            click.echo(json.dumps(event.to_dict(), ensure_ascii=False, default=str))
        else:
            click.echo(event_line(event, color))
    click.echo(f"opsctl: stopped following run {row['id']}; {what_goes_on(session, row)}",
               err=True)
    return ExitCode.INTERRUPTED


def what_goes_on(session: Any, row: dict[str, Any], again: str | None = None) -> str:
    """What is known of the run a follower stopped waiting for (``again``: how to follow it
    again). A mutating apply holds its lease while it runs: no lease, or a lease whose holder
    process is provably gone, means nothing is carrying the run on, though it is still
    recorded ``running``; a read automation's run, which holds none, by the process recorded
    with it."""
    from opsctl.engine.locks import holder_is_gone

    run_id = row["id"]
    again = again or f"`opsctl show {run_id} --follow` follows it again"
    now = session.store.get_run(run_id) or row
    if now["status"] != "running":
        return f"it is {now['status']} ({again})"
    entry = session.catalog.entries.get(now["automation"])
    why = None
    if now["mode"] == "apply" and entry is not None and entry.effect == "mutate":
        lease = session.store.lease_of_run(run_id)
        if lease is None or holder_is_gone(lease.get("process")):
            why = "it holds no lease" if lease is None else "the process holding its lease is gone"
    elif now["mode"] == "apply" and entry is not None:
        # a read automation holds no lease: the process recorded as starting (or resuming) it
        process = (now.get("runtime") or {}).get("process")
        if isinstance(process, str) and holder_is_gone(process):
            why = "the process that started it is gone"
    elif now["mode"] != "apply":  # a plan: it never ends once its process is gone
        process = (now.get("runtime") or {}).get("process")
        if isinstance(process, str) and holder_is_gone(process):
            return (f"the plan is still recorded running, but the process planning it is "
                    f"gone: `opsctl cancel {run_id} --reason ...` ends it")
    if why is not None:
        return (f"the run is still recorded running, but its process may be gone ({why}): "
                f"`opsctl resume {run_id}` finishes it, `opsctl cancel {run_id} --reason ...` "
                "ends it")
    return f"it goes on ({again})"


def event_line(event: RunEvent, color: bool = False) -> str:
    """One event for people: ``HH:MM:SS.mmm kind fields``, coloured by level or status."""
    from opsctl.cli.render import printable

    data = dict(printable(event.data))
    style: str | None = None
    kind = event.kind
    if kind == "log":
        level = str(data.pop("level", "info"))
        style = _LEVEL_STYLE.get(level)
        kind = f"{level} {_shown(data.pop('event', ''))}"
    elif kind == "plan":
        actions = data.pop("actions", None) or []
        data["actions"] = ", ".join(str(a.get("id")) for a in actions[:5]) + (
            f", ... ({len(actions) - 5} more)" if len(actions) > 5 else "")
    elif kind == "gate" and data.get("policy") is None:
        data["policy"] = "none configured"
    elif kind in ("action.finished", "run.finished"):
        from opsctl.cli.render import STATUS_STYLE

        style = STATUS_STYLE.get(str(data.get("status")))
        if isinstance(data.get("error"), dict):
            data["error"] = data["error"].get("message")
    fields = " ".join(f"{k}={_shown(v)}" for k, v in data.items() if v is not None and v != "")
    return f"{event.at[11:23]} {styled(f'{kind:<16}', style, color)} {fields}".rstrip()


def _shown(value: Any) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str, separators=(",", ":"))
    # one line per event: a multi-line value (an error with a program's stderr) keeps its
    # line breaks as \n, so the next line is always the next event
    return str(value).replace("\n", "\\n")
