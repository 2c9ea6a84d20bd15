"""Contracts over time: deprecated request fields, and older contract versions still accepted.

A deprecated field keeps working; using it adds a warning to the log and the result, and
``opsctl contract check`` fails once the automation's version reaches the field's removal
version while the field is still there::

    class Request(BaseModel):
        env: str | None = deprecated("use --environment", removal="3.0.0", default=None)
        environment: str = "staging"

An automation at 2.x keeps accepting 1.x requests through an upgrade function, the way an API
server converts an older resource version::

    @deploy.upgrade(from_major=1, request=RequestV1)
    def from_v1(old: RequestV1) -> dict[str, object]:
        return {"environment": old.env, "replicas": old.count}

A request document says ``"contract_version": "1"`` (or the CLI gets ``--contract-version 1``):
it is validated against ``RequestV1``, upgraded, then validated against the current model. The
command-line flags are always the current version's: fields of the current model that
``RequestV1`` does not have are set on the upgraded request, before that last validation. The
result records both the requested and the running version.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from opsctl.errors import UsageError

if TYPE_CHECKING:
    from pydantic import BaseModel

    from opsctl.contract.automation import Automation

DEPRECATION_KEY = "x-opsctl-deprecation"
REMOVAL_KEY = "x-opsctl-removal"
VERSION_KEY = "contract_version"


def deprecated(message: str, *, removal: str, **field_kwargs: Any) -> Any:
    """A request field that still works but is going away (a pydantic ``Field``).

    ``removal`` is the contract version in which the field will be gone. The JSON Schema marks
    the field ``deprecated``; pydantic's own ``deprecated=`` is not used because it warns on
    every attribute access, including the automation's own reads of the field.
    """
    from pydantic import Field

    extra = dict(field_kwargs.pop("json_schema_extra", None) or {})
    extra.update({"deprecated": True, DEPRECATION_KEY: message, REMOVAL_KEY: removal})
    return Field(json_schema_extra=extra, **field_kwargs)


@dataclass(frozen=True)
class Deprecation:
    field: str
    flag: str
    message: str
    removal: str | None

    def warning(self) -> str:
        gone = f"; it will be removed in {self.removal}" if self.removal else ""
        return f"request field {self.field!r} ({self.flag}) is deprecated: {self.message}{gone}"

    def to_dict(self) -> dict[str, str | None]:
        return {"field": self.field, "flag": self.flag, "message": self.message,
                "removal": self.removal}


def deprecations(model: type[BaseModel]) -> list[Deprecation]:
    """The deprecated fields of a request model (opsctl's marker or pydantic's own)."""
    found = []
    for name, info in model.model_fields.items():
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        message = extra.get(DEPRECATION_KEY) or (str(info.deprecated) if info.deprecated else None)
        if message:
            removal = extra.get(REMOVAL_KEY)
            found.append(Deprecation(name, "--" + name.replace("_", "-"), str(message),
                                     str(removal) if removal else None))
    return found


def used_deprecations(model: type[BaseModel], request: BaseModel, *,
                      stored: bool = False) -> list[Deprecation]:
    """Deprecated fields the caller actually set (defaults do not count).

    ``stored``: the request was read back from the canonical document opsctl keeps (a saved
    plan, a run to resume, a queued run), which holds every field, defaults included: there a
    field counts only when its value is not its default.
    """
    given = request.model_fields_set
    return [d for d in deprecations(model) if d.field in given and not (
        stored and getattr(request, d.field)
        == model.model_fields[d.field].get_default(call_default_factory=True))]


Upgrade = Callable[[Any], "BaseModel | Mapping[str, Any]"]


@dataclass(frozen=True)
class VersionAdapter:
    """How requests of an older major version become requests of the current one."""

    from_major: int
    request: type[BaseModel]
    upgrade: Upgrade


def requested_major(data: Mapping[str, Any], explicit: str | None) -> tuple[str | None, int | None]:
    """The contract version a request asks for (CLI flag first, then the document's key)."""
    raw = explicit if explicit is not None else data.get(VERSION_KEY)
    if raw is None:
        return None, None
    text = str(raw).strip().lstrip("v")
    head = text.split(".", 1)[0]
    if not (head.isascii() and head.isdigit()):  # "¹" is a digit to str.isdigit, not to int()
        raise UsageError(f"contract version {raw!r} is not a version (give a major like 1, or 1.2.0)")
    return text, int(head)


def resolve_contract_version(automation: Automation[Any], data: Mapping[str, Any],
                             explicit: str | None) -> tuple[str | None, VersionAdapter | None]:
    """The contract version a request asks for, and the upgrade of its older major (None for
    the current one); a UsageError (exit 2) for a version the code does not have: a newer
    major, a newer minor or patch of the current major, or an older major no longer accepted.
    """
    text, major = requested_major(data, explicit)
    if major is None or text is None:
        return None, None
    if major > automation.major_version or (major == automation.major_version
                                            and _newer(text, automation.version)):
        raise UsageError(f"contract version {text} of {automation.name} does not exist yet: the "
                         f"code is at {automation.version}", step="validate")
    if major == automation.major_version:
        return text, None
    adapter = automation.adapters.get(major)
    if adapter is None:
        accepted = ", ".join(str(m) for m in automation.accepted_majors)
        raise UsageError(f"{automation.name} no longer accepts contract version {text} requests "
                         f"(accepted majors: {accepted})", step="validate")
    return text, adapter


def _newer(requested: str, code: str) -> bool:
    """``requested`` (``2``, ``2.7`` or ``2.7.0``) names a later version than the code's."""
    from opsctl.contract.lockfile import parse_version

    try:
        return parse_version(requested) > parse_version(code)
    except ValueError:
        pass
    # Not semver: what it names is its leading numbers ("2.x" the major, "2.7.x" 2.7, and
    # "2.7.0.1" 2.7.0), each compared with the code's
    numbers: list[int] = []
    for part in requested.split(".")[:3]:
        if not (part.isascii() and part.isdigit()):
            break
        numbers.append(int(part))
    return tuple(numbers) > parse_version(code)[:len(numbers)]
