"""Saved plans: writing the signed plan file of a run, and applying one later, exactly once.

Plan files are read like every document a user hands opsctl (regular files or standard input,
at most ``max_input_size`` bytes, strict UTF-8) and written through a temporary file in the same
directory and a rename, so a reader never sees half a plan and a symbolic link at the path is
refused rather than followed.
"""

from __future__ import annotations

import errno
import hmac
import os
import stat
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opsctl.contract.automation import Automation
from opsctl.contract.plan import (
    SECRET_MARKER,
    plan_document,
)
from opsctl.engine.ids import new_plan_id
from opsctl.engine.session import Session
from opsctl.engine.state import RunState
from opsctl.errors import DependencyError, PlanRejectedError, UsageError

if TYPE_CHECKING:
    pass


def restore_secrets(session: Session, automation: Automation[Any], request: Any,
                     digest: Callable[[str], str], source: str) -> Any:
    """Put secret values back into a saved plan's request (or a stored run's: ``source``
    starts with "run "), from OPSCTL_SECRET_<FIELD>.

    A stored secret is a digest keyed with the plan-signing key of the machine that made the
    plan or queued the run, so a value that does not match means either another value or
    another key (a worker without the shared ``plan_signing_key``): the refusal says both."""
    if isinstance(request, dict):
        if set(request) == {SECRET_MARKER}:
            return request  # handled by the caller, which knows the field name
        out = {}
        for key, value in request.items():
            if isinstance(value, dict) and set(value) == {SECRET_MARKER}:
                env_name = f"OPSCTL_SECRET_{key.upper()}"
                secret = session.env.get(env_name)
                run = source.startswith("run ")
                if secret is None:
                    raise UsageError(
                        f"{source}: secret field {key!r} is not stored "
                        f"{'with runs' if run else 'in plan files'}; set {env_name} to "
                        f"{'carry out this run' if run else 'apply this plan'}", step="validate")
                if not hmac.compare_digest(digest(secret), str(value[SECRET_MARKER])):
                    made = "the run was started or queued" if run else "the plan was made"
                    where = ("started or queued the run" if run else "made the plan")
                    raise PlanRejectedError(
                        f"{source}: {env_name} differs from the secret {made} with, or the "
                        f"plan-signing key differs between the machine that {where} and this "
                        "one (secret values are checked with it): set the same "
                        "plan_signing_key (OPSCTL_PLAN_SIGNING_KEY) on both",
                        reason="stale", step="gate")
                session.redactor.add(secret)
                out[key] = secret
            else:
                out[key] = restore_secrets(session, automation, value, digest, source)
        return out
    if isinstance(request, list):
        return [restore_secrets(session, automation, v, digest, source) for v in request]
    return request


def refuse_other_contract_version(automation: Automation[Any], doc: Mapping[str, Any],
                                  source: str) -> None:
    """Exit 3 when a saved plan was made with another contract version than the code's now:
    ``apply --plan`` refuses it, and so does ``approve`` (an approval it could never use)."""
    if automation.version != doc["contract_version"]:
        raise PlanRejectedError(f"{source}: plan was made with {automation.name} "
                                f"{doc['contract_version']}, the code is now {automation.version}; "
                                "re-run `opsctl plan`", reason="stale", step="gate")


def refuse_unsaved_actions(run: RunState, saved: Mapping[str, Any]) -> None:
    """Exit 3 when a resumed run of a saved plan would apply an action the plan does not hold.

    Resuming re-plans an automation without ``verify``: what the fresh plan still wants is
    applied. The approvals of a saved plan are bound to its actions, so an action that is new
    since (or planned differently: another target, other data) was never approved; the run
    stops before the gate, as a stale plan does, rather than apply it under them."""
    from opsctl.contract.canonical import canonical_json

    kept = {str(action["id"]): canonical_json(action)
            for action in saved.get("actions") or [] if isinstance(action, dict)}
    redact = run.session.redactor.redact
    unsaved = [state.action.id for state in run.states if not state.done
               and kept.get(state.action.id) != canonical_json(redact(state.action.to_dict()))]
    if unsaved:
        shown = ", ".join(unsaved[:10]) + (f" (and {len(unsaved) - 10} more)"
                                           if len(unsaved) > 10 else "")
        raise PlanRejectedError(
            f"plan {saved.get('plan_id')} is stale: resuming run {run.run_id}, planning now "
            f"gives action(s) the saved plan does not hold as approved: {shown}; re-run "
            "`opsctl plan` for what is left", reason="stale", step="gate")


def write_plan_file(run: RunState, out: Path | None) -> None:
    """Save the run's signed plan in the store, and write it to ``out`` when given."""
    session = run.session
    assert run.plan is not None
    created = session.clock()
    doc = plan_document(
        run.plan, plan_id=new_plan_id(), created_at=created,
        expires_at=created + session.settings.plan_ttl, created_by=session.actor,
        key=session.signing_key(),
        redacted_actions=[session.redactor.redact(a) for a in run.plan.action_dicts()])
    import json

    text = json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if out is not None:
        write_file_atomically(out, text, what="plan file")
        run.artifacts["plan_file"] = str(out)
    size, limit = len(text.encode("utf-8")), session.settings.max_input_size
    if size > limit:
        run.warnings.append(
            f"the plan file is {size} bytes, over max_input_size ({limit}): `opsctl apply "
            "--plan` refuses it unless max_input_size (OPSCTL_MAX_INPUT_SIZE) is raised to "
            "at least its size where it is applied")
    session.store.save_plan(doc)
    session.store.set_run_plan(run.run_id, run.plan.fingerprint, doc["plan_id"])
    run.artifacts.update({"plan_id": doc["plan_id"], "plan_expires_at": doc["expires_at"]})


def write_file_atomically(path: Path, text: str, *, what: str) -> None:
    """Replace ``path`` with ``text`` through a temporary file in its directory and a rename.

    A reader (or a crash) sees the old file or the new one, never a part. A symbolic link, a
    directory or any other non-regular file at ``path`` is refused (exit 2), never followed or
    replaced; on any failure the temporary file is removed.

    The file is created with mode 0666 less the umask, like any file the user writes: a plan
    file holds no secret (secret fields are keyed digests) and is meant to be read by
    reviewers; its integrity comes from the signature, not from the file mode.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise UsageError(f"cannot write {what} {path}: {exc.strerror}", step="plan") from None
    if info is not None and stat.S_ISLNK(info.st_mode):
        raise UsageError(f"{what} {path} is a symbolic link; opsctl does not write through "
                         "links: give the path of the file itself", step="plan")
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise UsageError(f"{what} {path} is a directory, not a file", step="plan")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise UsageError(f"{what} {path} is not a regular file (a device, FIFO or socket)",
                         step="plan")
    # a short prefix of the name: the whole of a long one (up to NAME_MAX) plus the suffix
    # would be a name too long for the folder, refusing a plan file name that is fine
    temporary = path.parent / f".{path.name[:32]}.{os.urandom(6).hex()}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) \
        | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(temporary, flags, 0o666)  # the kernel applies the umask
    except OSError as exc:
        raise _write_refused(what, path, exc) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)  # replaces a link created meanwhile, never its target
    except BaseException as exc:
        temporary.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _write_refused(what, path, exc) from None
        raise
    _sync_directory(path.parent)


def _write_refused(what: str, path: Path, exc: OSError) -> UsageError | DependencyError:
    """A file that could not be written: a full disk (or an I/O error) is a failure to retry,
    exit 4 as for the store; anything else (a folder that is not there, not writable) exit 2."""
    message = f"cannot write {what} {path}: {exc.strerror}"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EIO):
        return DependencyError(message, step="plan")
    return UsageError(message, step="plan")


def _sync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable (where the platform allows opening directories)."""
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
