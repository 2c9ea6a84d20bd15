"""The contract lock file: every automation's reviewed contract, kept beside ``opsctl.toml``.

``opsctl contract lock`` writes it; ``opsctl contract check`` compares the code with it (see
:mod:`opsctl.contract.compat`). It is JSON with sorted keys, a 2-space indent and a trailing
newline; flags, exit codes, deprecations and acknowledgements are sorted too, so writing the same
contracts twice gives the same bytes and a review diff shows only what changed::

    {
      "automations": {
        "release-tag": {
          "acknowledged": [
            {"path": "request/properties/retries", "reason": "no caller passes it (checked CI)",
             "rule": "request.field_removed", "version": "1.3.0"}
          ],
          "deprecations": [
            {"field": "remote", "flag": "--remote", "message": "use --origin",
             "removal": "2.0.0"}
          ],
          "accepted_majors": [0, 1],
          "effect": "mutate",
          "exit_codes": [{"code": 0, "meaning": "success, or nothing to do"}, ...],
          "flags": [
            {"choices": [], "deprecated": null, "field": "tag", "flag": "--tag",
             "multiple": false, "required": true, "type": "str"}, ...
          ],
          "lock_scope": ["repository"],
          "older_request_schemas": {"0": {... JSON Schema of the 0.x request model ...}},
          "request_schema": {... JSON Schema of the request model ...},
          "result_schema": {... JSON Schema of the result document ...},
          "version": "1.3.0"
        }
      },
      "lock_version": 1,
      "opsctl_version": "0.1.0"
    }

``lock_version`` is the format of this file; ``opsctl_version`` only records what wrote it (a
different opsctl reading it is not a difference by itself).

**Acknowledgements.** A breaking change that is intended without a major version bump is
accepted by adding, by hand and in review, an entry to its automation's ``acknowledged`` list:
``rule`` and ``path`` exactly as ``contract check`` printed them, a non-empty ``reason``, and the
contract ``version`` the change ships in (for a removed automation: its locked version). It
counts only for that version. ``contract lock`` keeps the acknowledgements whose version is the
automation's current version, marked ``"recorded": true`` (the locked contract now holds their
change: they are its history and approve nothing further, so a second break at the same path
and version needs an acknowledgement of its own), and drops the others (the repository's
history keeps them).

**Deprecations** are the request fields marked with ``opsctl.deprecated(message, removal=...)``
(or pydantic's ``Field(deprecated=...)``, which has no removal version); ``accepted_majors`` are
the contract majors whose requests are still accepted (the current one and each ``@upgrade``).

**Older requests.** ``older_request_schemas`` maps each older major still accepted through an
``@upgrade`` (``"1"``) to the JSON Schema of its request model, so ``contract check`` holds the
old callers' contract too. It is written only for automations that have an upgrade; a lock
written before opsctl recorded it has none, and nothing is compared until it is re-locked.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

from opsctl._version import __version__
from opsctl.contract.lock_shape import Fail, check_entry
from opsctl.errors import EXIT_CODE_TABLE, ConfigError

if TYPE_CHECKING:
    from opsctl.catalog import Catalog
    from opsctl.contract.automation import Automation

__all__ = [
    "LOCK_FILE",
    "LOCK_VERSION",
    "Acknowledgement",
    "LockFile",
    "LockedAutomation",
    "Version",
    "catalog_snapshots",
    "contract_snapshot",
    "parse_lock",
    "parse_version",
    "read_lock",
    "render_lock",
    "write_lock",
]

LOCK_FILE = "opsctl.contracts.json"
LOCK_VERSION = 1
CONTRACT_KEYS = ("version", "effect", "lock_scope", "request_schema", "flags", "result_schema",
                 "exit_codes", "deprecations", "accepted_majors")
FLAG_KEYS = ("flag", "field", "type", "multiple", "required", "choices", "deprecated")
_SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?$")


class Version(NamedTuple):
    """A semver version; tuples compare by semver precedence (1.0.0-rc.1 < 1.0.0)."""

    major: int
    minor: int
    patch: int
    prerelease: tuple[tuple[int, int | str], ...]  # ((1, 0),) for a release: after any pre-release

    def __str__(self) -> str:
        core = f"{self.major}.{self.minor}.{self.patch}"
        if self.prerelease == ((1, 0),):
            return core
        return core + "-" + ".".join(str(part) for _, part in self.prerelease[1:])


def parse_version(text: str) -> Version:
    """Parse ``1.2.3`` or ``1.2.3-rc.1``; ValueError when it is not semver."""
    match = _SEMVER.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a semver version (1.2.3)")
    major, minor, patch, pre = match.groups()
    if pre is None:
        return Version(int(major), int(minor), int(patch), ((1, 0),))
    # Numeric identifiers sort before alphanumeric ones, and both after the (0, 0) marker.
    parts: list[tuple[int, int | str]] = [(0, 0)]
    for part in pre.split("."):
        parts.append((1, int(part)) if part.isascii() and part.isdigit() else (2, part))
    return Version(int(major), int(minor), int(patch), tuple(parts))


@dataclass(frozen=True)
class Acknowledgement:
    """An intended breaking change, accepted in review for one contract version."""

    rule: str
    path: str
    reason: str
    version: str
    # written by `contract lock` once the locked contract holds the change: history of the
    # version, which approves no further change (a later edit at the same path and version)
    recorded: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "path": self.path, "reason": self.reason,
                "version": self.version, **({"recorded": True} if self.recorded else {})}


@dataclass(frozen=True)
class LockedAutomation:
    """One automation's entry: its locked contract (a snapshot) and its acknowledgements."""

    name: str
    contract: Mapping[str, Any]
    acknowledged: tuple[Acknowledgement, ...] = ()

    @property
    def version(self) -> str:
        return str(self.contract["version"])


@dataclass(frozen=True)
class LockFile:
    automations: Mapping[str, LockedAutomation]
    opsctl_version: str = __version__
    path: str | None = None
    lock_version: int = LOCK_VERSION

    def acknowledgements(self, name: str) -> tuple[Acknowledgement, ...]:
        entry = self.automations.get(name)
        return entry.acknowledged if entry is not None else ()


# -- snapshots -------------------------------------------------------------------------------

def contract_snapshot(automation: Automation[Any],
                      flags: Sequence[Mapping[str, Any]] | None = None) -> dict[str, Any]:
    """An automation's contract as plain JSON values: what the lock records and check compares.

    ``flags`` are the catalog entry's flag specs; without them they are derived from the model.
    """
    from opsctl.contract.result import result_schema
    from opsctl.contract.versions import deprecations

    if flags is None:
        from opsctl.contract.flags import flag_specs

        flags = [dict(spec) for spec in flag_specs(automation.request_model)]
    from opsctl.contract.description import model_schema

    request_schema = model_schema(automation.request_model)
    flag_rows = sorted(({k: spec.get(k) for k in FLAG_KEYS} for spec in flags),
                       key=lambda f: str(f["flag"]))
    snapshot = {
        "name": automation.name,
        "version": automation.version,
        "effect": automation.effect,
        "lock_scope": list(automation.lock_scope),
        "request_schema": request_schema,
        "flags": flag_rows,
        "result_schema": result_schema(),
        "exit_codes": [{"code": code, "meaning": meaning}
                       for code, meaning, _ in sorted(EXIT_CODE_TABLE)],
        "accepted_majors": sorted(automation.accepted_majors),
        "deprecations": sorted((d.to_dict() for d in deprecations(automation.request_model)),
                               key=lambda d: str(d["field"])),
    }
    # Exactly what a JSON round trip gives (lists, not tuples), so a snapshot compares equal
    # to itself read back from the lock.
    older = {str(major): model_schema(adapter.request)
             for major, adapter in sorted(automation.adapters.items())}
    if older:  # written only when there are some: locks of other automations stay as they were
        snapshot["older_request_schemas"] = older
    result: dict[str, Any] = json.loads(json.dumps(snapshot))
    return result


def catalog_snapshots(catalog: Catalog) -> dict[str, dict[str, Any]]:
    """The snapshot of every registered automation (imports them all), by name.

    A module that failed to load is a ConfigError: a lock written without it, or a check run
    without it, would report the automation as removed.
    """
    if catalog.problems:
        raise ConfigError("cannot read every automation's contract: " + "; ".join(catalog.problems))
    return {name: contract_snapshot(catalog.load(name), catalog.entry(name).flags)
            for name in sorted(catalog.entries)}


# -- writing ---------------------------------------------------------------------------------

def render_lock(snapshots: Mapping[str, Mapping[str, Any]], previous: LockFile | None = None,
                *, opsctl_version: str = __version__, carried: Collection[str] = ()) -> str:
    """The lock file's text for ``snapshots`` (name -> :func:`contract_snapshot`).

    ``carried`` names the automations whose entry is ``previous``'s, carried over unchanged
    (``opsctl new`` locks only the new one): their acknowledgements stay exactly as they are,
    none marked recorded, as the lock does not record their change.
    """
    automations: dict[str, Any] = {}
    for name, snapshot in snapshots.items():
        if snapshot.get("name", name) != name:
            raise ValueError(f"snapshot of {snapshot.get('name')!r} given under the name {name!r}")
        entry = {k: v for k, v in snapshot.items() if k != "name"}
        for key in ("flags", "exit_codes", "deprecations"):
            entry[key] = _sorted_rows(key, entry.get(key) or [])
        if name in carried and previous is not None:
            entry["acknowledged"] = [a.to_dict() for a in previous.acknowledgements(name)]
            automations[name] = entry
            continue
        kept = [replace(a, recorded=True) for a in
                (previous.acknowledgements(name) if previous else ())
                if a.version == snapshot["version"]]
        entry["acknowledged"] = [a.to_dict() for a in sorted(
            set(kept), key=lambda a: (a.rule, a.path, a.version, a.reason))]
        automations[name] = entry
    document = {"lock_version": LOCK_VERSION, "opsctl_version": opsctl_version,
                "automations": automations}
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _sorted_rows(key: str, rows: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    if key == "exit_codes":
        return sorted(rows, key=lambda r: int(r.get("code") or 0))
    sort_by = "flag" if key == "flags" else "field"
    return sorted(rows, key=lambda r: str(r.get(sort_by)))


def write_lock(path: str | os.PathLike[str], snapshots: Mapping[str, Mapping[str, Any]],
               previous: LockFile | None = None, *, carried: Collection[str] = ()) -> LockFile:
    """Write the lock file atomically; acknowledgements of ``previous`` for each automation's
    current version are kept (all of them, as they were, for those ``carried`` over unchanged:
    see :func:`render_lock`). Returns the lock as written."""
    text = render_lock(snapshots, previous, carried=carried)
    target = os.fspath(path)
    tmp = f"{target}.tmp{os.getpid()}"
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException as exc:
        # not left beside the lock (a full disk, a Ctrl-C): `git add -A` would commit it
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if not isinstance(exc, OSError):
            raise
        raise ConfigError(f"cannot write contract lock {target}: {exc.strerror or exc}") from None
    return parse_lock(json.loads(text), target)


# -- reading ---------------------------------------------------------------------------------

def read_lock(path: str | os.PathLike[str]) -> LockFile:
    """Read and validate a lock file; ConfigError (exit 2) naming the file when it is missing,
    not JSON, or not the shape :func:`write_lock` writes."""
    from opsctl.contract.canonical import CanonicalJSONError, InvalidJSONError, parse_json

    source = os.fspath(path)
    redo = "fix it, or delete it and run `opsctl contract lock`"
    try:
        with open(source, "rb") as fh:
            raw = fh.read()
    except FileNotFoundError:
        raise ConfigError(f"no contract lock file {source}; run `opsctl contract lock` to "
                          "create it, review it and commit it") from None
    except IsADirectoryError:
        raise ConfigError(f"contract lock {source} is a directory, not a file") from None
    except OSError as exc:
        raise ConfigError(f"cannot read contract lock {source}: {exc.strerror or exc}") from None
    try:
        # a byte order mark (an editor's) reads as without, as in opsctl.toml and requests
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"contract lock {source} is not UTF-8 text (invalid byte at offset "
                          f"{exc.start}); {redo}") from None
    try:
        # strict: a key twice (a merge resolved by hand) would keep only the last copy,
        # while a reviewer reads the first
        data = parse_json(text)
    except InvalidJSONError as exc:
        raise ConfigError(f"contract lock {source} is not valid JSON (line {exc.line}, "
                          f"column {exc.column}: {exc.problem}); {redo}") from None
    except CanonicalJSONError as exc:
        problem = str(exc)
        if "nested too deeply" in problem:
            problem = "is nested too deeply to be a lock file"
        else:
            problem = f"is not a lock file: {problem}"
        raise ConfigError(f"contract lock {source} {problem}; {redo}") from None
    return parse_lock(data, source)


def parse_lock(data: object, source: str = "<lock>") -> LockFile:
    """Validate a decoded lock document (see the module docstring for its shape)."""
    def fail(where: str, problem: str) -> NoReturn:
        raise ConfigError(f"contract lock {source}: {where}: {problem}; fix it, or delete it and "
                          "run `opsctl contract lock`")

    if not isinstance(data, dict):
        fail("top level", "must be a JSON object")
    if data.get("lock_version") != LOCK_VERSION:
        fail("lock_version", f"{data.get('lock_version')!r} is not supported (this opsctl reads "
             f"lock_version {LOCK_VERSION})")
    opsctl_version = data.get("opsctl_version")
    if not isinstance(opsctl_version, str):
        fail("opsctl_version", "must be a string")
    automations = data.get("automations")
    if not isinstance(automations, dict):
        fail("automations", "must be an object of automation name -> contract")
    parsed: dict[str, LockedAutomation] = {}
    for name, entry in sorted(automations.items()):
        where = f"automations.{name}"
        if not isinstance(entry, dict):
            fail(where, "must be an object")
        for key in CONTRACT_KEYS:
            if key not in entry:
                fail(where, f"{key!r} is missing")
        _check_types(entry, where, fail)
        acknowledged = tuple(_acknowledgement(raw, f"{where}.acknowledged[{i}]", fail)
                             for i, raw in enumerate(entry.get("acknowledged") or []))
        contract = {"name": name, **{k: v for k, v in entry.items() if k != "acknowledged"}}
        parsed[name] = LockedAutomation(name, contract, acknowledged)
    return LockFile(automations=parsed, opsctl_version=opsctl_version, path=source)


_ENTRY_TYPES: dict[str, tuple[type, str]] = {
    "version": (str, "string"), "effect": (str, "string"), "lock_scope": (list, "array"),
    "request_schema": (dict, "object"), "flags": (list, "array"), "result_schema": (dict, "object"),
    "exit_codes": (list, "array"), "deprecations": (list, "array"), "acknowledged": (list, "array"),
    "accepted_majors": (list, "array"), "older_request_schemas": (dict, "object"),
}


def _check_types(entry: Mapping[str, Any], where: str, fail: Fail) -> None:
    for key, (kind, kind_name) in _ENTRY_TYPES.items():
        if key in entry and not isinstance(entry[key], kind):
            fail(f"{where}.{key}", f"must be a JSON {kind_name}")
    if not _SEMVER.match(entry["version"]):
        fail(f"{where}.version", f"{entry['version']!r} is not a semver version")
    check_entry(entry, where, fail)


def _acknowledgement(raw: object, where: str, fail: Fail) -> Acknowledgement:
    if not isinstance(raw, dict):
        fail(where, "must be an object with rule, path, reason and version")
    values: dict[str, str] = {}
    for key in ("rule", "path", "reason", "version"):
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            fail(f"{where}.{key}", "must be a non-empty string"
                 + (" saying why the break is acceptable" if key == "reason" else ""))
        values[key] = value.strip() if key == "reason" else value
    unknown = sorted(set(raw) - set(values) - {"recorded"})
    if unknown:
        fail(where, f"unknown key(s) {', '.join(unknown)}")
    if not _SEMVER.match(values["version"]):
        fail(f"{where}.version", f"{values['version']!r} is not a semver version")
    recorded = raw.get("recorded", False)
    if not isinstance(recorded, bool):
        fail(f"{where}.recorded", "must be true or false")
    return Acknowledgement(**values, recorded=recorded)

