"""The boundary between plan and apply: permissions, the policy decision, and approvals.

:func:`governance_for` loads what is configured once per session: the policy (``policy_file``,
the ``[policy]`` table, or ``policy.yaml`` beside ``opsctl.toml``), role grants and groups.
Nothing configured means no role checks and no policy: every plan may be applied.

:func:`decide` evaluates the policy for one plan; :func:`require_approvals` checks, for a plan
whose decision needs approval, that enough eligible, unexpired approvals of *that plan's
fingerprint* are recorded, and no rejection. Approvals are read through
:func:`~opsctl.governance.approvals.checked_approvals`: rows that do not match their audit
events are refused (exit 3), never counted.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast, get_args

from opsctl.errors import ConfigError, DeniedError, OpsctlError

if TYPE_CHECKING:
    from opsctl.contract.automation import Action
    from opsctl.engine.session import Session
    from opsctl.governance.permissions import Permission, Permissions
    from opsctl.governance.policy import Decision, Policy

POLICY_FILE = "policy.yaml"


@dataclass(frozen=True)
class Governance:
    policy: Policy | None
    policy_source: str | None
    permissions: Permissions | None  # None: no [permissions] configured, no role checks
    groups: Mapping[str, tuple[str, ...]]
    policy_stamp: tuple[object, ...] | None = None
    """The policy file as it was read (path, mtime, size): a long-lived session (the server,
    a worker) reads it again once it changed."""

    def groups_of(self, actor: str) -> frozenset[str]:
        """Groups of ``actor`` from ``[groups]`` in config and the policy's own ``groups``."""
        found = {name for name, members in self.groups.items() if actor in members}
        if self.policy is not None:
            found |= self.policy.groups_of(actor)
        return frozenset(found)

    def check(self, actor: str, permission: Permission, *, automation: str,
              environment: str | None) -> None:
        """Exit 6 unless ``actor`` holds a role granting ``permission`` (when roles are set)."""
        if self.permissions is not None:
            self.permissions.check(actor, permission, automation=automation,
                                   environment=environment)


def governance_for(session: Session) -> Governance:
    """What the session's configuration says about policy and permissions (loaded once per
    session, kept on it)."""
    cached = session.governance
    if isinstance(cached, Governance) and cached.policy_stamp == _policy_stamp(session):
        return cached
    settings = session.settings
    groups = {name: tuple(members) for name, members in settings.groups.items()}
    origin = session.layers.origin
    policy, source, permissions = configured_tables(settings, origin)
    if settings.policy is None:
        path = _policy_path(session)
        if path is not None:
            from opsctl.governance.policy_file import load_policy_file

            stamp = _policy_stamp(session)  # before reading: a fix meanwhile reads it again
            source = str(path)
            try:
                if not path.is_file():
                    what = ("is a directory, not a file" if path.is_dir()
                            else "is not a regular file" if path.exists() else "does not exist")
                    if path.is_symlink() and not path.exists():
                        try:
                            path.stat()
                        except OSError as exc:  # a link to nothing, or a loop of links
                            what = (f"is a link to {os.readlink(path)}, which does not exist"
                                    if exc.errno == errno.ENOENT else
                                    f"cannot be read: {exc.strerror}")
                    where = (f"policy_file, from {origin.get('policy_file', 'config')}"
                             if settings.policy_file is not None else "beside opsctl.toml")
                    raise ConfigError(f"policy file {path} {what} ({where})")
                policy = load_policy_file(path, external_groups=groups)
            except ConfigError as exc:
                # the permissions do not depend on it: reading runs, the audit trail, tokens
                # go on, while whatever evaluates the policy gets the file's error
                policy = cast("Policy", UnreadablePolicy(exc.message))
            governance = Governance(policy, source, permissions, groups, stamp)
            session.governance = governance
            return governance
    governance = Governance(policy, source, permissions, groups, _policy_stamp(session))
    session.governance = governance
    return governance


class UnreadablePolicy:
    """Stands in for a policy file that does not parse (or no longer exists): any use of it
    raises the file's ConfigError (exit 2; 422 over HTTP), so a decision, an approval or the
    policy's groups fail closed, while what needs only the permissions goes on."""

    def __init__(self, message: str) -> None:
        self.message = message

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and friends probe for these
            raise AttributeError(name)
        raise ConfigError(self.message)

    def refuse(self) -> None:
        raise ConfigError(self.message)


def require_policy_fields(governance: Governance, *, automation: str, version: str,
                          model: type[Any]) -> None:
    """Exit 2 when a condition of the policy can never hold for this automation's request (a
    misspelt, secret or list field: a deny rule on it would deny nothing), naming the rule."""
    if governance.policy is None or isinstance(governance.policy, UnreadablePolicy):
        return
    from opsctl.governance.policy_fields import field_problems

    problems = field_problems(governance.policy, automation=automation, version=version,
                              model=model)
    if problems:
        raise ConfigError(f"{governance.policy_source or 'policy'}: " + "; ".join(problems))


def require_policy(session: Session) -> None:
    """Exit 2 while the policy file does not parse, before anything is recorded: for what
    evaluates the policy (planning, applying, approving)."""
    policy = governance_for(session).policy
    if isinstance(policy, UnreadablePolicy):
        policy.refuse()


def configured_tables(settings: Any, origin: Mapping[str, str],
                      ) -> tuple[Policy | None, str | None, Permissions | None]:
    """The policy of an inline ``[policy]`` table (and its source), and the ``[permissions]``
    with ``[groups]``, validated (ConfigError naming the layer); a policy file is read by
    :func:`governance_for`. Also what every command checks with its settings."""
    groups = {name: tuple(members) for name, members in settings.groups.items()}
    if settings.policy_file is not None and settings.policy is not None:
        raise ConfigError("both policy_file and a [policy] table are configured; keep one")
    policy: Policy | None = None
    source: str | None = None
    if settings.policy is not None:
        from opsctl.governance.policy_file import policy_from_mapping

        source = origin.get("policy", "config").split(":", 1)[-1]
        policy = policy_from_mapping(settings.policy, f"{source} [policy]",
                                     external_groups=groups)
    permissions: Permissions | None = None
    if settings.permissions is not None or groups:
        from opsctl.governance.permissions import load_permissions

        where = next((origin[key] for key in ("permissions", "groups")
                      if origin.get(key, "default") != "default"), "config")
        loaded = load_permissions(settings.permissions,
                                  {name: list(members) for name, members in groups.items()},
                                  where.split(":", 1)[-1])
        permissions = loaded if settings.permissions is not None else None
    return policy, source, permissions


def _policy_path(session: Session) -> Path | None:
    """The policy file a session's configuration names (or ``policy.yaml`` beside
    ``opsctl.toml``), or None (no file, or an inline ``[policy]``)."""
    settings = session.settings
    if settings.policy is not None:
        default = Path(session.layers.root) / POLICY_FILE
        if default.is_file():  # two policies, one silently ignored: refused as policy_file is
            raise ConfigError(f"both {default} and a [policy] table are configured; keep one "
                              "(move the table's rules into the file, or remove the file)")
        return None
    if settings.policy_file is not None:
        return settings.policy_file
    default = Path(session.layers.root) / POLICY_FILE
    # present as anything (a folder, a link to nothing, a link loop): read, so the error says
    # what is wrong with it, rather than ignored, which would run every automation unchecked
    return default if os.path.lexists(default) else None


def _policy_stamp(session: Session) -> tuple[object, ...] | None:
    """What the policy file is now: a changed, added or removed file changes it. A stat a
    call; the server and workers check it for every request or run, so an edited policy
    governs the next one without a restart."""
    path = _policy_path(session)
    if path is None:
        return None
    try:
        stat = path.stat()
    except OSError:
        return (str(path), None)
    return (str(path), stat.st_mtime_ns, stat.st_size, stat.st_ino)


def check_permission(session: Session, permission: Permission, *, automation: str,
                     environment: str | None = None) -> None:
    """Exit 6 unless the session's actor may do ``permission`` here; a refusal is audited.

    A configuration error (a bad policy file, say) is raised as it is, and not audited as a
    refusal: no permission was checked.
    """
    governance = governance_for(session)
    try:
        governance.check(session.actor, permission, automation=automation,
                         environment=environment)
    except DeniedError as exc:
        from opsctl.store.audit import append_event

        append_event(session.store, "permission.denied", actor=session.actor,
                     payload={"automation": automation, "permission": permission,
                              "environment": environment, "message": exc.message})
        exc.step = "gate"
        raise


def may_somewhere(governance: Governance, actor: str, automation: str,
                  permission: Permission = "view") -> bool:
    """Whether ``actor`` holds ``permission`` on ``automation`` in some environment: enough to
    see it listed and its contract (a grant scoped to some environments still shows what the
    automation is; its runs stay behind their own environment's check), and, for another
    permission, to be told what is wrong with a request before its environment is known.
    True when no roles are configured."""
    permissions = governance.permissions
    if permissions is None:
        return True
    from fnmatch import fnmatchcase

    from opsctl.governance.permissions import ACTIONS

    principals = permissions.principals_of(actor)
    return any(grant.role in ACTIONS[permission] and principals.intersection(grant.to)
               and any(fnmatchcase(automation, p) for p in grant.automations)
               for grant in permissions.grants)


def check_view_automation(session: Session, automation: str) -> None:
    """Exit 6 (audited) unless the session's actor may see ``automation``'s contract."""
    governance = governance_for(session)
    if not may_somewhere(governance, session.actor, automation):
        check_permission(session, "view", automation=automation)


def environment_of(request_doc: Mapping[str, Any]) -> str | None:
    value = request_doc.get("environment")
    return value if isinstance(value, str) else None


def with_aliases(model: type[Any], doc: Mapping[str, Any]) -> dict[str, Any]:
    """A request as stored (by field name) with each aliased field also under its aliases, in
    nested models too: the request schema shows the alias, so a policy rule written from it
    (``request: {targetHost: ...}``, ``environment_field: deployTarget``) must match, not be
    skipped without a word (a deny rule among them)."""
    from pydantic import AliasChoices, BaseModel

    out = dict(doc)
    for name, field in model.model_fields.items():
        if name not in doc:
            continue
        value = doc[name]
        # a nested model, also when optional (`Account | None`): its aliases are in the schema
        nested = [t for t in (field.annotation, *get_args(field.annotation))
                  if isinstance(t, type) and issubclass(t, BaseModel)]
        if len(nested) == 1 and isinstance(value, Mapping):
            value = out[name] = with_aliases(nested[0], value)
        aliases = [field.alias, field.serialization_alias]
        given = field.validation_alias
        aliases += ([c for c in given.choices if isinstance(c, str)]
                    if isinstance(given, AliasChoices) else [given])
        for alias in aliases:
            if isinstance(alias, str) and alias != name and alias not in out:
                out[alias] = value
    return out


def decide(session: Session, governance: Governance, *, automation: str, version: str,
           request_doc: Mapping[str, Any], actor: str, actions: Sequence[Action],
           now: datetime) -> Decision | None:
    """The policy decision for this plan, or None when no policy is configured."""
    if governance.policy is None:
        return None
    from opsctl.governance.policy import PlanAction, PolicyInput, evaluate

    # not loadable here (a plan of an automation removed since): the request as stored
    model = None
    with suppress(OpsctlError):
        model = session.catalog.load(automation).request_model
    if model is not None:
        require_policy_fields(governance, automation=automation, version=version, model=model)
        request_doc = with_aliases(model, request_doc)

    planned = []
    for action in actions:
        try:
            planned.append(PlanAction.from_mapping(action.to_dict()))
        except ValueError as exc:  # it names the action
            raise ConfigError(str(exc)) from None
    return evaluate(governance.policy, PolicyInput(
        automation=automation, contract_version=version, request=request_doc, actor=actor,
        now=now, actions=planned, groups=governance.groups_of(actor)))


def enforce(decision: Decision | None) -> None:
    """A denial is exit 6, naming the rule."""
    if decision is not None and decision.effect == "deny":
        raise DeniedError(denial_summary(decision), step="gate")


def denial_summary(decision: Decision) -> str:
    summary = f"denied by policy rule {decision.rule!r}"
    # the policy's own wording when the rule gives no reason is that summary already
    if decision.reason and not decision.reason.startswith(summary):
        summary += f": {decision.reason}"
    return summary


def approval_summary(decision: Decision) -> str:
    who = ", ".join(decision.approvers) if decision.approvers else "any approver"
    summary = f"policy rule {decision.rule!r} requires {decision.approvals} approval(s) from {who}"
    # the policy's own wording when the rule gives no reason starts like the summary
    if decision.reason and not decision.reason.startswith(f"policy rule {decision.rule!r}"):
        summary += f" ({decision.reason})"
    return summary
