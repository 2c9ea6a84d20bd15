"""Contract compatibility: what changed between the lock and the code, and whether it may ship.

:func:`compare` lists the differences between two contract snapshots (pure, no I/O);
:func:`check` judges every automation against the lock and gives a :class:`CheckReport`.

Rules beyond the JSON Schema walk of :mod:`opsctl.contract.schema_diff`:

    rule                        severity     why
    --------------------------  -----------  ------------------------------------------------
    effect.read_to_mutate       breaking     callers run it as a safe read (no approval, any
                                             time); now it changes things
    effect.mutate_to_read       compatible
    lock_scope.changed          breaking     the scope decides which runs exclude each other:
                                             a finer scope lets runs that were serialised
                                             overlap, a coarser one turns them into exit 7,
                                             and any change (even the order, which is part of
                                             the lease key) means old and new versions running
                                             side by side during a roll-out do not exclude
                                             each other
    exit_codes.removed/added/   breaking     the exit-code table is a stable contract
      meaning_changed
    versions.major_dropped      breaking     callers pinned to that contract major (an
                                             ``@upgrade`` adapter removed) are refused
    versions.major_accepted     compatible
    request.* under             as for the   the request of an older major still accepted
      older_request_schemas/N   request      (``@upgrade``) is held to the same rules: a
                                             stricter ``RequestV1`` refuses 1.x callers
    versions.requests_not_      info         the lock predates that record: run
      recorded                               ``contract lock`` to have them checked
    flags.flag_removed          breaking     scripts passing it fail to parse (message says
                                             "or renamed" when a flag of the same type appeared)
    flags.flag_added            compatible
    flags.flag_type_changed     breaking     the command-line syntax changed (int -> float and
                                             choice -> str only widen: compatible)
    flags.no_longer_repeatable  breaking     (single -> repeatable is compatible)
    automation.added            info
    automation.removed          breaking
    version.bumped              info
    version.decreased           error        never legitimate; re-lock or fix the version
    version.unchanged           info, warns  compatible changes without a version bump: bump
                                             the minor version (the patch below 1.0.0, where a
                                             minor bump is the breaking one); a warning, not a
                                             failure
    acknowledgement.stale       info, warns  an acknowledgement (not of the locked version)
                                             that matches no change: remove it
    deprecated.past_removal     error        a deprecated field is still present in or after
                                             the version announced for its removal
    deprecated.invalid_removal  error        x-opsctl-removal is not a semver version

Verdicts. An ``error`` always fails. A ``breaking`` change fails unless it is acknowledged in the
lock for this version (``acknowledged``; not by one ``contract lock`` marked ``recorded``), the major version was bumped (``allowed``; for 0.x
versions a minor bump counts, as semver gives 0.x no stability and Cargo does the same), or it
removes a field or flag whose announced removal version has been reached (``allowed``).
Compatible and info changes pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from opsctl._version import __version__
from opsctl.contract.lockfile import Acknowledgement, LockFile, Version, parse_version
from opsctl.contract.schema_diff import Change, Severity, diff_schemas, pointer

__all__ = ["AutomationStatus", "Change", "CheckReport", "CheckedChange", "Verdict", "check",
           "compare", "contract_problems"]

Verdict = Literal["fail", "allowed", "acknowledged", "warn", "pass"]
Snapshot = Mapping[str, Any]

_WIDER_FLAG_TYPES = frozenset({("int", "float"), ("choice", "str")})


# -- differences -----------------------------------------------------------------------------

def compare(old: Snapshot, new: Snapshot) -> list[Change]:
    """Every difference between two contract snapshots, each with its rule and severity."""
    changes = [*_effect(old, new), *_lock_scope(old, new)]
    request = diff_schemas(old.get("request_schema") or {}, new.get("request_schema") or {},
                           direction="input", prefix="request")
    changes += request
    changes += _flags(old.get("flags") or [], new.get("flags") or [],
                      _changed_fields(request, "breaking"), _changed_fields(request, "compatible"))
    changes += diff_schemas(old.get("result_schema") or {}, new.get("result_schema") or {},
                            direction="output", prefix="result")
    changes += _exit_codes(old.get("exit_codes") or [], new.get("exit_codes") or [])
    changes += _accepted_majors(old.get("accepted_majors"), new.get("accepted_majors"))
    changes += _older_requests(old, new)
    return changes


def _older_requests(old: Snapshot, new: Snapshot) -> list[Change]:
    """The requests of each older major still accepted (``@upgrade``), judged as requests are:
    one that was accepted and is refused now breaks a caller still on that major. A lock
    written before these were recorded has none: nothing to compare (see
    :func:`_unrecorded_older_requests`)."""
    before, after = old.get("older_request_schemas"), new.get("older_request_schemas") or {}
    locked: dict[str, Any] = {m: before[m] for m in after if before is not None and m in before}
    # At the major bump, the major the lock is at becomes an older one still accepted: its
    # request is the lock's request_schema, held to the model that now accepts it (whose class
    # has another name: the title is no change)
    locked_major = str(old.get("version", "")).split(".", 1)[0]
    request = old.get("request_schema")
    if locked_major in after and locked_major not in locked and isinstance(request, Mapping) \
            and isinstance(after[locked_major], Mapping):
        locked[locked_major] = {**request, "title": after[locked_major].get("title")}
    changes: list[Change] = []
    for major in (m for m in after if m in locked):
        where = pointer("older_request_schemas", major)
        for change in diff_schemas(locked[major], after[major], direction="input",
                                   prefix="request"):
            changes.append(replace(change, path=where + change.path[len("request"):],
                                   message=f"contract {major}.x requests: {change.message}"))
    return changes


def _accepted_majors(old: object, new: object) -> list[Change]:
    if not isinstance(old, list) or not isinstance(new, list):
        return []
    changes = [Change("versions.major_dropped", pointer("accepted_majors", str(major)), "breaking",
                      f"requests of contract major {major} are no longer accepted", major, None)
               for major in old if major not in new]
    changes += [Change("versions.major_accepted", pointer("accepted_majors", str(major)),
                       "compatible", f"requests of contract major {major} are now accepted",
                       None, major) for major in new if major not in old]
    return changes


def _effect(old: Snapshot, new: Snapshot) -> list[Change]:
    before, after = old.get("effect"), new.get("effect")
    if before == after:
        return []
    if (before, after) == ("read", "mutate"):
        return [Change("effect.read_to_mutate", "effect", "breaking",
                       "effect changed from read to mutate: it now changes things", before, after)]
    if (before, after) == ("mutate", "read"):
        return [Change("effect.mutate_to_read", "effect", "compatible",
                       "effect changed from mutate to read", before, after)]
    return [Change("effect.changed", "effect", "breaking",
                   f"effect changed from {before!r} to {after!r}", before, after)]


def _lock_scope(old: Snapshot, new: Snapshot) -> list[Change]:
    before, after = list(old.get("lock_scope") or []), list(new.get("lock_scope") or [])
    if before == after:
        return []
    return [Change("lock_scope.changed", "lock_scope", "breaking",
                   f"lock scope changed from ({', '.join(before)}) to ({', '.join(after)}): runs "
                   "that excluded each other may now overlap, or conflict", before, after)]


def _changed_fields(request: Iterable[Change], severity: Severity) -> set[str]:
    """The (escaped) top-level request fields with a change of ``severity``."""
    return {c.path.split("/")[2] for c in request
            if c.severity == severity and c.path.startswith("request/properties/")}


def _flags(old: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]],
           broken_fields: set[str], widened_fields: set[str]) -> list[Change]:
    """Changes of the command line. A flag is its field on the command line: a field whose
    change is breaking already fails, so its flag's changes are not reported (nor
    acknowledged) a second time. A compatible change of a field can still break its flag
    (``list[str]`` -> ``list[str] | str`` turns a repeatable ``--tags`` into one JSON value):
    for such a field only the flag's breaking changes are reported."""
    before = {str(f["flag"]): f for f in old if _escaped(f.get("field")) not in broken_fields}
    after = {str(f["flag"]): f for f in new if _escaped(f.get("field")) not in broken_fields}
    added = [name for name in after if name not in before]
    changes: list[Change] = []
    for name, spec in {**before, **after}.items():
        found = _flag_changes(name, before.get(name), after.get(name), added, after)
        if _escaped(spec.get("field")) in widened_fields:
            found = [c for c in found if c.severity == "breaking"]
        changes += found
    return changes


def _flag_changes(name: str, spec: Mapping[str, Any] | None, now: Mapping[str, Any] | None,
                  added: Sequence[str], after: Mapping[str, Mapping[str, Any]]) -> list[Change]:
    where = pointer("flags", name)
    if spec is None:
        return [Change("flags.flag_added", where, "compatible", f"flag {name} added", None,
                       dict(now or {}))]
    if now is None:
        renamed = [a for a in added if (after[a].get("type"), after[a].get("multiple"))
                   == (spec.get("type"), spec.get("multiple"))]
        message = f"flag {name} removed"
        if renamed:
            message += " or renamed (to " + " or ".join(renamed) + "?)"
        return [Change("flags.flag_removed", where, "breaking", message, dict(spec))]
    changes: list[Change] = []
    kinds = (spec.get("type"), now.get("type"))
    if kinds[0] != kinds[1]:
        severity: Severity = "compatible" if kinds in _WIDER_FLAG_TYPES else "breaking"
        changes.append(Change("flags.flag_type_changed", pointer(where, "type"), severity,
                              f"flag {name} takes {kinds[1]} instead of {kinds[0]}", *kinds))
    if spec.get("multiple") and not now.get("multiple"):
        changes.append(Change("flags.no_longer_repeatable", pointer(where, "multiple"),
                              "breaking", f"flag {name} can no longer be repeated", True, False))
    elif now.get("multiple") and not spec.get("multiple"):
        changes.append(Change("flags.now_repeatable", pointer(where, "multiple"),
                              "compatible", f"flag {name} can now be repeated", False, True))
    return changes


def _escaped(field: object) -> str:
    return pointer("", str(field))[1:]


def _exit_codes(old: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]]
                ) -> list[Change]:
    before = {int(row["code"]): str(row.get("meaning", "")) for row in old}
    after = {int(row["code"]): str(row.get("meaning", "")) for row in new}
    changes: list[Change] = []
    for code in sorted(set(before) | set(after)):
        where = pointer("exit_codes", str(code))
        if code not in after:
            changes.append(Change("exit_codes.removed", where, "breaking",
                                  f"exit code {code} ({before[code]}) removed", before[code]))
        elif code not in before:
            changes.append(Change("exit_codes.added", where, "breaking",
                                  f"exit code {code} ({after[code]}) added", None, after[code]))
        elif before[code] != after[code]:
            changes.append(Change("exit_codes.meaning_changed", where, "breaking",
                                  f"exit code {code} now means {after[code]!r}", before[code],
                                  after[code]))
    return changes


def _unrecorded_older_requests(locked: Snapshot, snapshot: Snapshot) -> list[Change]:
    """An info line when the lock predates ``older_request_schemas`` while majors it accepted
    are still accepted: their requests are not checked until a re-lock records them."""
    if "older_request_schemas" in locked:
        return []
    locked_major = str(locked["version"]).split(".", 1)[0]
    unrecorded = [major for major in snapshot.get("older_request_schemas") or {}
                  if major != locked_major and int(major) in locked["accepted_majors"]]
    if not unrecorded:
        return []
    return [Change("versions.requests_not_recorded", "older_request_schemas", "info",
                   "the lock does not record the requests of contract major(s) "
                   f"{', '.join(unrecorded)}, so changes to them are not checked: run "
                   "`opsctl contract lock` to record them", None, unrecorded)]


def contract_problems(snapshot: Snapshot) -> list[Change]:
    """What is wrong with one contract on its own: deprecated fields kept past their removal."""
    version = parse_version(str(snapshot["version"]))
    problems: list[Change] = []
    for item in snapshot.get("deprecations") or []:
        removal = item.get("removal")
        if removal is None:
            continue
        where = pointer("request", "properties", str(item["field"]))
        label = f"field {item['field']!r}" + (f" ({item['flag']})" if item.get("flag") else "")
        try:
            due = parse_version(str(removal))
        except ValueError:
            problems.append(Change("deprecated.invalid_removal", where, "error",
                                   f"{label}: x-opsctl-removal {removal!r} is not a semver "
                                   "version", None, removal))
            continue
        if version >= due:
            problems.append(Change("deprecated.past_removal", where, "error",
                                   f"{label} is deprecated for removal in {removal} but still "
                                   f"present in {snapshot['version']}: remove it, or move its "
                                   "removal version", removal, snapshot["version"]))
    return problems


# -- verdicts --------------------------------------------------------------------------------

@dataclass(frozen=True)
class CheckedChange:
    """A change of one automation's contract with its verdict (and why, in ``note``)."""

    automation: str
    change: Change
    verdict: Verdict
    note: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"automation": self.automation, **self.change.to_dict(), "verdict": self.verdict,
                "note": self.note}

    def render(self) -> str:
        label = {"fail": "ERROR" if self.change.severity == "error" else "BREAKING",
                 "warn": "warning", "allowed": "breaking", "acknowledged": "breaking",
                 "pass": "info"}[self.verdict]
        text = f"{label} {self.automation} {self.change.rule} {self.change.path}: " \
               f"{self.change.message}"
        return f"{text} ({self.note})" if self.note else text


@dataclass(frozen=True)
class AutomationStatus:
    """One automation's versions in the lock and in the code."""

    name: str
    locked_version: str | None
    current_version: str | None
    status: Literal["unchanged", "changed", "added", "removed"]

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "locked_version": self.locked_version,
                "current_version": self.current_version, "status": self.status}


@dataclass(frozen=True)
class CheckReport:
    """The outcome of :func:`check`: ``ok`` unless some change's verdict is ``fail``."""

    automations: tuple[AutomationStatus, ...]
    changes: tuple[CheckedChange, ...]
    lock_path: str | None = None
    lock_opsctl_version: str | None = None
    opsctl_version: str = __version__

    @property
    def ok(self) -> bool:
        return not any(c.verdict == "fail" for c in self.changes)

    @property
    def failures(self) -> tuple[CheckedChange, ...]:
        return tuple(c for c in self.changes if c.verdict == "fail")

    def to_dict(self) -> dict[str, object]:
        verdicts: list[str] = [c.verdict for c in self.changes]
        return {
            "ok": self.ok,
            "lock_file": self.lock_path,
            "lock_opsctl_version": self.lock_opsctl_version,
            "opsctl_version": self.opsctl_version,
            "summary": {v: verdicts.count(v) for v in ("fail", "allowed", "acknowledged", "warn",
                                                       "pass")},
            "automations": [a.to_dict() for a in self.automations],
            "changes": [c.to_dict() for c in self.changes],
        }

    def render_text(self) -> str:
        lines = [c.render() for c in self.changes]
        where = f" (lock: {self.lock_path})" if self.lock_path else ""
        if self.lock_opsctl_version and self.lock_opsctl_version != self.opsctl_version:
            lines.append(f"note: the lock was written by opsctl {self.lock_opsctl_version}, "
                         f"this is opsctl {self.opsctl_version}")
        failed = self.failures
        if failed:
            names = sorted({c.automation for c in failed})
            lines.append(f"contract check failed: {len(failed)} change(s) not allowed in "
                         f"{', '.join(names)}{where}")
        else:
            changed = sum(1 for a in self.automations if a.status != "unchanged")
            lines.append(f"contract check passed: {len(self.automations)} automation(s), "
                         f"{changed} changed{where}")
        return "\n".join(lines) + "\n"


def _breaking_bump(old: Version, new: Version) -> bool:
    if new.major != old.major:
        return new.major > old.major
    return new.major == 0 and new.minor > old.minor


def _scheduled_removal(change: Change, locked: Snapshot) -> Version | None:
    """The removal version when ``change`` removes a field or flag announced for removal."""
    if change.rule not in ("request.field_removed", "flags.flag_removed"):
        return None
    for item in locked.get("deprecations") or []:
        removal = item.get("removal")
        paths = {pointer("request", "properties", str(item.get("field"))),
                 pointer("flags", str(item.get("flag")))}
        if removal is None or change.path not in paths:
            continue
        try:
            return parse_version(str(removal))
        except ValueError:
            return None
    return None


def _judge(name: str, change: Change, *, acks: Iterable[Acknowledgement], version: str,
           bump: str | None, hint: str, locked: Snapshot | None,
           current: Version | None) -> CheckedChange:
    if change.severity == "error":
        return CheckedChange(name, change, "fail")
    if change.rule == "version.unchanged":
        return CheckedChange(name, change, "warn")
    if change.severity != "breaking":
        return CheckedChange(name, change, "pass")
    for ack in acks:  # one `contract lock` recorded is history: the lock holds its change
        if not ack.recorded and (ack.rule, ack.path, ack.version) == (change.rule, change.path,
                                                                      version):
            return CheckedChange(name, change, "acknowledged", f"acknowledged: {ack.reason}")
    if bump is not None:
        return CheckedChange(name, change, "allowed", f"allowed: {bump}")
    if locked is not None and current is not None:
        removal = _scheduled_removal(change, locked)
        if removal is not None and current >= removal:
            return CheckedChange(name, change, "allowed",
                                 f"allowed: deprecated for removal in {removal}")
        if removal is not None:  # removed before the version announced to its callers
            hint = f"its removal is announced for {removal}: remove it then, bump the major " \
                   f"version or acknowledge it for version {version}"
    return CheckedChange(name, change, "fail", hint)



def check(lock: LockFile, snapshots: Mapping[str, Snapshot]) -> CheckReport:
    """Judge every automation's contract in ``snapshots`` (name -> snapshot) against the lock."""
    statuses: list[AutomationStatus] = []
    checked: list[CheckedChange] = []
    added = sorted(set(snapshots) - set(lock.automations))
    for name in sorted(set(lock.automations) | set(snapshots)):
        entry = lock.automations.get(name)
        snapshot = snapshots.get(name)
        if entry is None:
            assert snapshot is not None
            statuses.append(AutomationStatus(name, None, str(snapshot["version"]), "added"))
            checked.append(CheckedChange(name, Change(
                "automation.added", "automation", "info",
                f"new automation {name} {snapshot['version']}: not in the lock yet (run `opsctl "
                "contract lock`)", None, snapshot["version"]), "pass"))
            checked += [_judge(name, p, acks=(), version="", bump=None, hint="", locked=None,
                               current=None) for p in contract_problems(snapshot)]
            continue
        if snapshot is None:
            statuses.append(AutomationStatus(name, entry.version, None, "removed"))
            renamed = "" if not added else f" (renamed to {added[0]}?)" if len(added) == 1 \
                else f" (renamed, or split into {', '.join(added)}?)"
            removed = Change("automation.removed", "automation", "breaking",
                             f"automation {name} {entry.version} is in the lock but no longer "
                             f"registered{renamed}: callers of {name} fail", entry.version, None)
            checked.append(_judge(name, removed, acks=entry.acknowledged, version=entry.version,
                                  bump=None, hint="acknowledge its retirement in the lock for "
                                  f"version {entry.version}", locked=None, current=None))
            checked += _stale_acknowledgements(name, entry.acknowledged, entry.version, None,
                                               [removed])
            continue
        checked += _check_one(name, entry.contract, snapshot, entry.acknowledged, statuses)
    return CheckReport(automations=tuple(statuses), changes=tuple(checked),
                       lock_path=lock.path, lock_opsctl_version=lock.opsctl_version)


def _check_one(name: str, locked: Snapshot, snapshot: Snapshot,
               acks: tuple[Acknowledgement, ...], statuses: list[AutomationStatus]
               ) -> list[CheckedChange]:
    old_text, new_text = str(locked["version"]), str(snapshot["version"])
    old, new = parse_version(old_text), parse_version(new_text)
    changes = compare(locked, snapshot)
    findings = [*contract_problems(snapshot), *_unrecorded_older_requests(locked, snapshot)]
    if new < old:
        findings.insert(0, Change("version.decreased", "version", "error",
                                  f"version went down from {old_text} to {new_text}: fix the "
                                  "version, or re-lock if the lock is from another branch",
                                  old_text, new_text))
    elif new > old:
        findings.insert(0, Change("version.bumped", "version", "info",
                                  f"version {old_text} -> {new_text} (run `opsctl contract lock` "
                                  "to record the new contract)", old_text, new_text))
    elif any(c.severity == "compatible" for c in changes):
        # below 1.0.0 a minor bump is the breaking one (0.1.0 -> 0.2.0): a compatible change
        # takes the patch
        part = "patch" if new.major == 0 else "minor"
        findings.insert(0, Change("version.unchanged", "version", "info",
                                  f"the contract changed but its version is still {new_text}: "
                                  f"bump the {part} version", old_text, new_text))
    bump = None
    if _breaking_bump(old, new):
        bump = f"major version bumped {old_text} -> {new_text}" if new.major != old.major else \
            f"minor version bumped {old_text} -> {new_text} (0.x: counts as major)"
    if new == old:
        hint = f"the version is still {new_text}: bump the major version or acknowledge it " \
               f"for version {new_text}"
    else:
        hint = f"{old_text} -> {new_text} is not a major bump: bump the major version or " \
               f"acknowledge it for version {new_text}"
    status: Literal["changed", "unchanged"] = "changed" if changes or new != old else "unchanged"
    statuses.append(AutomationStatus(name, old_text, new_text, status))
    judged = [_judge(name, c, acks=acks, version=new_text, bump=bump, hint=hint, locked=locked,
                     current=new) for c in [*findings, *changes]]
    return judged + _stale_acknowledgements(name, acks, old_text, new_text, [*findings, *changes])


def _stale_acknowledgements(name: str, acks: Sequence[Acknowledgement], locked_version: str,
                            version: str | None, changes: Sequence[Change]
                            ) -> list[CheckedChange]:
    """A warning for each acknowledgement that matches no change of this check. One for the
    locked version is history (``contract lock`` keeps it while the version stays); any other
    one names a change that is not there: a typo, a change reverted, or a version moved on."""
    found = {(c.rule, c.path) for c in changes}
    stale: list[CheckedChange] = []
    for index, ack in enumerate(acks):
        # One of the locked version naming a change of this check while the code is at another
        # version is no history: it was meant for this change, which ships in the new version
        misdated = (ack.version == locked_version and not ack.recorded and version is not None
                    and version != locked_version and (ack.rule, ack.path) in found)
        if (ack.version == locked_version and not misdated) or (
                ack.version == version and (ack.rule, ack.path) in found):
            continue
        if misdated:
            message = (f"the acknowledgement of {ack.rule} at {ack.path} is for version "
                       f"{ack.version}, the locked one, but the change ships in {version}: "
                       f"write version {version} in it")
        else:
            why = (f"no {ack.rule} change at {ack.path}" if ack.version == version else
                   f"it is for version {ack.version}, the code is at "
                   f"{version or 'none (removed)'}")
            message = (f"the acknowledgement of {ack.rule} at {ack.path} matches nothing "
                       f"({why}): remove it from the lock")
        stale.append(CheckedChange(name, Change(
            "acknowledgement.stale", pointer("acknowledged", str(index)), "info", message,
            ack.to_dict(), None), "warn"))
    return stale
