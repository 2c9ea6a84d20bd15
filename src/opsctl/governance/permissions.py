"""Who may do what: roles granted to actors and groups, per automation and environment.

A grant gives one role to actors and ``group:<name>`` members, for the automations and the
environments its globs match. Roles do not imply each other through grants; each permission
lists the roles that carry it (:data:`ACTIONS`)::

    permission  commands                                     roles
    view        list, describe, show, runs, audit export     viewer planner operator approver admin
    plan        plan, --dry-run, policy check                planner operator admin
    apply       apply, resume, reconcile                     operator admin
    approve     approve, reject                              approver admin
    admin       everything, including breaking a lock        admin

This is a local, advisory check: whoever can edit the config, set ``OPSCTL_ACTOR`` or write the
database can bypass it. Without a ``[permissions]`` table every actor may do everything
(:meth:`Permissions.unrestricted`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from types import MappingProxyType
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter, ValidationError

from opsctl.errors import ConfigError, DeniedError

Role = Literal["viewer", "planner", "operator", "approver", "admin"]
Permission = Literal["view", "plan", "apply", "approve", "admin"]
ROLES: tuple[Role, ...] = get_args(Role)
PERMISSIONS: tuple[Permission, ...] = get_args(Permission)

ACTIONS: Mapping[Permission, frozenset[Role]] = MappingProxyType(
    {
        "view": frozenset({"viewer", "planner", "operator", "approver", "admin"}),
        "plan": frozenset({"planner", "operator", "admin"}),
        "apply": frozenset({"operator", "admin"}),
        "approve": frozenset({"approver", "admin"}),
        "admin": frozenset({"admin"}),
    }
)
"""For each permission, the roles that grant it."""

# The least role carrying each permission, named in denials.
_LEAST_ROLE: Mapping[Permission, Role] = MappingProxyType(
    {
        "view": "viewer",
        "plan": "planner",
        "apply": "operator",
        "approve": "approver",
        "admin": "admin",
    }
)
_VERB: Mapping[Permission, str] = MappingProxyType(
    {
        "view": "view",
        "plan": "plan",
        "apply": "apply",
        "approve": "approve",
        "admin": "administer",
    }
)

GROUP_PREFIX = "group:"
ALL = "*"

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _GrantModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    role: Role
    to: list[Name] = Field(min_length=1)
    automations: list[Name] = Field(default=[ALL], min_length=1)
    environments: list[Name] = Field(default=[ALL], min_length=1)


class _PermissionsModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    grants: list[_GrantModel] = Field(default=[])


_GROUPS = TypeAdapter(dict[Name, list[Name]], config=ConfigDict(strict=True))


@dataclass(frozen=True)
class Grant:
    """``role`` for the actors and groups in ``to``, on matching automations and environments."""

    role: Role
    to: tuple[str, ...]
    automations: tuple[str, ...] = (ALL,)
    environments: tuple[str, ...] = (ALL,)

    def applies_to(self, automation: str, environment: str | None) -> bool:
        """Globs match case-sensitively; without an environment only ``"*"`` grants apply,
        and for every automation at once (``automation`` ``"*"``) too: a glob that happens
        to match the text ``*`` (``?``, ``[!_]*``) covers only some automations."""
        if automation == ALL:
            if ALL not in self.automations:
                return False
        elif not any(fnmatchcase(automation, pattern) for pattern in self.automations):
            return False
        if environment is None:
            return ALL in self.environments
        return any(fnmatchcase(environment, pattern) for pattern in self.environments)


class Permissions:
    """The grants and groups of one configuration; ``check`` raises :class:`DeniedError`."""

    def __init__(
        self, grants: Sequence[Grant], groups: Mapping[str, Sequence[str]], *, enforced: bool = True
    ) -> None:
        self.grants = tuple(grants)
        self.groups: Mapping[str, frozenset[str]] = MappingProxyType(
            {name: frozenset(members) for name, members in groups.items()}
        )
        self.enforced = enforced

    @classmethod
    def unrestricted(cls, groups: Mapping[str, Sequence[str]] | None = None) -> Permissions:
        """No ``[permissions]`` configured: every actor holds every role everywhere."""
        return cls((), groups or {}, enforced=False)

    def groups_of(self, actor: str) -> frozenset[str]:
        """The names of the groups ``actor`` belongs to (without the ``group:`` prefix)."""
        return frozenset(name for name, members in self.groups.items() if actor in members)

    def principals_of(self, actor: str) -> frozenset[str]:
        """The names a grant's ``to`` reaches ``actor`` by: its own and ``group:<name>`` of each
        of its groups. A name reading ``group:...`` is no actor's: taken for one, it would hold
        the roles of the group it names (an OIDC claim its user chose, say)."""
        own = frozenset() if actor.startswith(GROUP_PREFIX) else frozenset({actor})
        return own | {GROUP_PREFIX + name for name in self.groups_of(actor)}

    def roles_for(self, actor: str, automation: str, environment: str | None) -> frozenset[Role]:
        """The roles granted to ``actor``, directly or through a group, on this target."""
        if not self.enforced:
            return frozenset(ROLES)
        principals = self.principals_of(actor)
        return frozenset(
            grant.role
            for grant in self.grants
            if principals.intersection(grant.to) and grant.applies_to(automation, environment)
        )

    def allows(
        self, actor: str, permission: Permission, *, automation: str, environment: str | None
    ) -> bool:
        if permission not in ACTIONS:
            raise ValueError(
                f"unknown permission {permission!r}; expected one of {', '.join(PERMISSIONS)}"
            )
        return bool(ACTIONS[permission] & self.roles_for(actor, automation, environment))

    def check(
        self, actor: str, permission: Permission, *, automation: str, environment: str | None
    ) -> None:
        """Return if ``actor`` holds a role carrying ``permission``, else raise DeniedError."""
        if self.allows(actor, permission, automation=automation, environment=environment):
            return
        granted = self.roles_for(actor, automation, environment)
        held = ", ".join(r for r in ROLES if r in granted) or "none"
        where = (
            f"in environment {environment}" if environment is not None else "without an environment"
        )
        least = _LEAST_ROLE[permission]
        needs = f"role {least}" + (" or admin" if least != "admin" else "")
        raise DeniedError(
            f"actor {actor} may not {_VERB[permission]} {automation} {where}: "
            f"needs {needs} (granted roles here: {held})"
        )


def load_permissions(
    data: Mapping[str, object] | None, groups: Mapping[str, object] | None, source: str
) -> Permissions:
    """Validate the ``[permissions]`` table ``data`` and the ``[groups]`` table ``groups``.

    ``data`` ``None`` (no ``[permissions]`` table) gives :meth:`Permissions.unrestricted`.
    Raises :class:`ConfigError` naming ``source``, the grant and the field.
    """
    try:
        valid_groups = _GROUPS.validate_python(_plain(groups or {}))
    except ValidationError as exc:
        raise ConfigError(_describe(exc, source, "groups")) from None
    for name, members in valid_groups.items():
        for index, member in enumerate(members):
            if member.startswith(GROUP_PREFIX):
                raise ConfigError(
                    f"{source}: groups.{name}[{index}]: {member!r}: a group lists "
                    f"actors; groups cannot contain groups"
                )
    if data is None:
        return Permissions.unrestricted(valid_groups)
    try:
        model = _PermissionsModel.model_validate(_plain(data))
    except ValidationError as exc:
        raise ConfigError(_describe(exc, source, "permissions")) from None
    grants = []
    for index, grant in enumerate(model.grants):
        for principal in grant.to:
            group = principal.removeprefix(GROUP_PREFIX)
            if principal.startswith(GROUP_PREFIX) and group not in valid_groups:
                raise ConfigError(
                    f"{source}: permissions.grants[{index}].to: group {group!r} is "
                    f"not defined in [groups]"
                )
        grants.append(
            Grant(
                role=grant.role,
                to=tuple(grant.to),
                automations=tuple(grant.automations),
                environments=tuple(grant.environments),
            )
        )
    return Permissions(grants, valid_groups)


def _plain(value: object) -> object:
    """A plain dict for strict validation when given any other mapping (a read-only view)."""
    return dict(value) if isinstance(value, Mapping) else value


def _path(table: str, loc: Sequence[int | str]) -> str:
    """``permissions.grants[2].to`` from a pydantic location."""
    path = table
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def _type_name(value: Any) -> str:
    return {
        str: "a string",
        list: "a list",
        dict: "a table",
        bool: "a boolean",
        int: "an integer",
        float: "a float",
    }.get(type(value), type(value).__name__)


def _describe(exc: ValidationError, source: str, table: str) -> str:
    """One readable sentence for the first error, never pydantic's own dump."""
    error = exc.errors(include_url=False)[0]
    loc = list(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        where = _path(table, loc[:-1])
        allowed = _allowed_keys(loc[:-1]) if table == "permissions" else []
        return f"{source}: {where}: unknown key {loc[-1]!r}" + (
            f" (allowed: {', '.join(allowed)})" if allowed else ""
        )
    if loc and loc[-1] == "[key]":
        return f"{source}: {table}: a group name must be a non-empty string"
    where = _path(table, loc)
    got = _type_name(error.get("input"))
    if kind == "missing":
        message = "is required"
    elif kind == "literal_error":
        message = f"unknown role {error['input']!r} (expected one of {', '.join(ROLES)})"
    elif kind == "list_type" and loc == ["grants"]:
        message = f"expected an array of tables ([[permissions.grants]]), got {got}"
    elif kind == "list_type":
        message = f"expected a list of strings, got {got}"
    elif kind == "string_type":
        message = f"expected a string, got {got}"
    elif kind in ("dict_type", "model_type"):
        message = f"expected a table, got {got}"
    elif kind == "too_short" and loc and loc[-1] == "to":
        message = "must name at least one actor or group:<name>"
    elif kind == "too_short":
        message = "must not be empty (omit the key to mean all)"
    elif kind == "string_too_short":
        message = "must not be an empty string"
    else:
        message = str(error["msg"])
    return f"{source}: {where}: {message}"


def _allowed_keys(loc: Sequence[int | str]) -> list[str]:
    if not loc:
        return list(_PermissionsModel.model_fields)
    if loc[0] == "grants":
        return list(_GrantModel.model_fields)
    return []
