"""API tokens for the HTTP API: token create, list, revoke, rotate."""

from __future__ import annotations

import math
import sys
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal, TextIO

import click

from opsctl.cli.options import (
    CommonOptions,
    common_options,
    global_options,
    open_cli_session,
    output_format,
    say,
    show_config,
)
from opsctl.cli.output import emit_data
from opsctl.contract.durations import format_duration
from opsctl.governance.tokens import DEFAULT_EXPIRY

if TYPE_CHECKING:
    from opsctl.governance.tokens import TokenRecord

_EXPIRES_HELP = "Lifetime: 30d, 12h, 1w... or never."


@click.group("token", short_help="Create, list and revoke API tokens.")
@global_options  # `opsctl token -o json SUBCOMMAND`: read by the subcommand
def token_group(**_global: Any) -> None:
    """Bearer tokens for `opsctl serve`: each speaks for one actor with one role, on the
    automations and environments its globs match, until it expires or is revoked. A token is
    shown once; the store keeps only its SHA-256. Every command here needs the admin role."""


def _expiry(text: str) -> timedelta | None:
    from opsctl.contract.durations import parse_duration
    from opsctl.errors import UsageError

    if text.strip().lower() == "never":
        return None
    try:
        return parse_duration(text)
    except ValueError as exc:
        raise UsageError(f"--expires: {exc} (or never)") from None


def _admin_session(opts: CommonOptions) -> Any:
    from opsctl.governance.gate import check_permission

    session = open_cli_session(opts)
    if not opts.show_config:
        try:
            check_permission(session, "admin", automation="*")
        except BaseException:
            session.close()
            raise
    return session


def _when(value: str | None) -> str:
    return "-" if value is None else value[:16].replace("T", " ")


def _expiry_text(record: TokenRecord, now: datetime) -> str:
    if record.revoked_at is not None:
        return "revoked"
    left = record.expires_in(now)
    if left is None:
        return "never"
    if left <= timedelta(0):
        return "expired"
    for unit, size, below in (("second", 1, 60), ("minute", 60, 3600), ("hour", 3600, 86400)):
        if left.total_seconds() < below:  # the largest unit that fits: 3 s is not "1 hour"
            return f"in {math.ceil(left.total_seconds() / size)} {unit}(s)"
    return f"in {_days(left)} day(s)"


def _days(left: timedelta) -> int:
    """Whole days left, rounded up: a 90-day token just created expires "in 90 days"."""
    return math.ceil(left.total_seconds() / 86400)


def _listing(record: TokenRecord, now: datetime) -> dict[str, Any]:
    left = record.expires_in(now)
    return {**record.to_dict(), "status": record.status(now),
            "expires_in_days": None if left is None else _days(left),
            "expires": _expiry_text(record, now)}


def _emit_secret(action: str, record: TokenRecord, secret: str, opts: CommonOptions,
                 session: Any) -> int:
    """The secret on stdout, alone (text) or in one JSON document; what it is on stderr."""
    data = {"id": record.id, "token": secret, "actor": record.actor, "role": record.role,
            "automations": list(record.automations), "environments": list(record.environments),
            "expires_at": record.to_dict()["expires_at"], "description": record.description}
    if output_format(opts, session) == "text":
        expiry = data["expires_at"] or "never"
        click.echo(f"opsctl: {action} API token {record.id} for {record.actor} (role "
                   f"{record.role}, expires {expiry}); it is shown only now: store it in a "
                   "secret manager", err=True)
    return emit_data(data, opts, session, lambda d, stream: stream.write(f"{d['token']}\n"))


@token_group.command("create")
@click.option("--actor", required=True, metavar="NAME",
              help="The actor the token speaks for (recorded on its runs and approvals).")
@click.option("--role", required=True, metavar="ROLE",
              help="viewer, planner, operator, approver or admin.")
@click.option("--automation", "automations", multiple=True, metavar="GLOB",
              help="Automations the token may act on (repeatable; default: all).")
@click.option("--environment", "environments", multiple=True, metavar="GLOB",
              help="Environments the token may act in (repeatable; default: all).")
@click.option("--expires", default=format_duration(DEFAULT_EXPIRY), show_default=True,
              metavar="DURATION",
              help=_EXPIRES_HELP)
@click.option("--description", default=None, metavar="TEXT", help="What the token is for.")
@common_options
def token_create(actor: str, role: str, automations: tuple[str, ...],
                 environments: tuple[str, ...], expires: str, description: str | None,
                 opts: CommonOptions) -> int:
    """Create a token and print it once (text: the token alone on stdout)."""
    from opsctl.governance.tokens import create_token

    lifetime = _expiry(expires)
    session = _admin_session(opts)
    if opts.show_config:
        return show_config(session)
    try:
        record, secret = create_token(
            session.store, actor=actor, role=role, automations=automations or ("*",),
            environments=environments or ("*",), expires=lifetime, created_by=session.actor,
            now=session.clock(), description=description)
        try:
            code = _emit_secret("created", record, secret, opts, session)
            sys.stdout.flush()  # delivered, or refused here: not in the interpreter's exit
        except BaseException:
            _revoke_undelivered(session, record.id)
            raise
    finally:
        session.close()
    return code


def _revoke_undelivered(session: Any, token_id: str) -> None:
    """A token whose secret never reached standard output (its reader gone, a full disk, a
    signal while it was printed) is revoked: no one holds it, and it would stay a live
    credential in `token list` for its whole lifetime, under a line that said it was shown."""
    from opsctl.governance.tokens import revoke_token

    try:
        revoke_token(session.store, token_id, by=session.actor, now=session.clock())
    except Exception:  # the store gone too: the failure being reported is the output's
        say(f"opsctl: the token {token_id} was not shown and could not be revoked: revoke "
            f"it with `opsctl token revoke {token_id}`")
        return
    say(f"opsctl: the token {token_id} could not be shown, so it was revoked; create "
        "another")


@token_group.command("list")
@common_options
def token_list(opts: CommonOptions) -> int:
    """List tokens (never their secrets): scope, expiry, last use, status."""
    from opsctl.governance.tokens import list_tokens

    session = _admin_session(opts)
    if opts.show_config:
        return show_config(session)
    try:
        now = session.clock()
        tokens = [_listing(record, now) for record in list_tokens(session.store)]
    finally:
        session.close()

    def render(data: dict[str, Any], stream: TextIO) -> None:
        from opsctl.cli.render import table

        if not data["tokens"]:
            stream.write("no API tokens (create one with `opsctl token create`)\n")
            return
        table(("id", "actor", "role", "automations", "environments", "expires", "last used",
               "description"),
              [(t["id"], t["actor"], t["role"], ",".join(t["automations"]),
                ",".join(t["environments"]), t["expires"], _when(t["last_used_at"]),
                t["description"] or "") for t in data["tokens"]], stream)

    return emit_data({"tokens": tokens}, opts, session, render)


@token_group.command("revoke")
@click.argument("token_id")
@common_options
def token_revoke(token_id: str, opts: CommonOptions) -> int:
    """Revoke TOKEN_ID: it stops working at once. Revoking it again records nothing."""
    from opsctl.governance.tokens import revoke_token

    session = _admin_session(opts)
    if opts.show_config:
        return show_config(session)
    try:
        record, revoked = revoke_token(session.store, token_id, by=session.actor,
                                       now=session.clock())
    finally:
        session.close()
    data = {**record.to_dict(), "already_revoked": not revoked}

    def render(d: dict[str, Any], stream: TextIO) -> None:
        again = "was already revoked" if d["already_revoked"] else "revoked"
        stream.write(f"API token {d['id']} ({d['actor']}) {again} at {d['revoked_at']} "
                     f"by {d['revoked_by']}\n")

    return emit_data(data, opts, session, render)


@token_group.command("rotate")
@click.argument("token_id")
@click.option("--expires", default=None, metavar="DURATION",
              help=f"{_EXPIRES_HELP} Default: the lifetime it had, from now.")
@common_options
def token_rotate(token_id: str, expires: str | None, opts: CommonOptions) -> int:
    """Give TOKEN_ID a new secret and expiry, same id and scope; the old secret stops
    working at once. An expired token is renewed this way; a revoked one cannot be."""
    from opsctl.governance.tokens import rotate_token

    lifetime: timedelta | Literal["same"] | None = "same" if expires is None \
        else _expiry(expires)
    session = _admin_session(opts)
    if opts.show_config:
        return show_config(session)
    try:
        record, secret = rotate_token(session.store, token_id, by=session.actor,
                                      now=session.clock(), expires=lifetime)
    finally:
        session.close()
    try:
        code = _emit_secret("rotated", record, secret, opts, session)
        sys.stdout.flush()  # delivered, or refused here: not in the interpreter's exit
    except BaseException:
        say(f"opsctl: the new secret of {record.id} could not be shown, and the old one no "
            f"longer works: `opsctl token rotate {record.id}` again")
        raise
    return code
