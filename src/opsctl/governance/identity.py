"""Who runs opsctl: the actor every run records, where that name came from, and its CI context.

The first rule that yields a non-empty value (after sanitising) wins:

    rule                                   actor                      source
    1. OPSCTL_ACTOR in the environment     verbatim                   env
    2. the ``actor`` config key            verbatim                   config
    3. the CI system running this job      <system>:<user>, or        github | gitlab | buildkite
                                           <system>-job:<project>     | circleci | jenkins
                                           when it names no user
    4. the OS user                         alice (uid:1000 when the   os
                                           account has no name)

Whenever a CI system is detected its context (job URL, repository, run and job ids, ref, commit)
is recorded, even when rule 1 or 2 named the actor; the CI user then appears as ``ci_actor``.

Only the variables named in this module are read, never the whole environment: CI tokens
(``GITHUB_TOKEN``, ``CI_JOB_TOKEN``, ``BUILDKITE_AGENT_ACCESS_TOKEN``...) and repository URLs that
may embed credentials never reach an :class:`Identity`.

Standard library only, and ``getpass``/``socket`` imported lazily: this module runs on every run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

MAX_ACTOR_LENGTH = 200
MAX_CONTEXT_LENGTH = 500
UNKNOWN = "unknown"

SOURCES = ("env", "config", "github", "gitlab", "buildkite", "circleci", "jenkins", "os")


@dataclass(frozen=True)
class Identity:
    """The actor of a run and where it came from; ``context`` is read-only and never secret."""

    actor: str
    source: str
    context: Mapping[str, str] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "context", MappingProxyType(dict(self.context)))

    def to_dict(self) -> dict[str, str | dict[str, str]]:
        return {
            "actor": self.actor,
            "source": self.source,
            "context": dict(sorted(self.context.items())),
        }


def sanitise(value: str | None, limit: int = MAX_CONTEXT_LENGTH) -> str | None:
    """``value`` on one line: control and other non-printable characters become spaces, runs of
    whitespace collapse, ends are stripped, and the result is cut to ``limit`` characters.

    ``None`` when nothing is left, so an empty variable counts as unset.
    """
    if value is None:
        return None
    printable = "".join(ch if ch.isprintable() else " " for ch in value)
    cleaned = " ".join(printable.split())[:limit].rstrip()
    return cleaned or None


def strip_userinfo(url: str) -> str:
    """``url`` without a ``user:password@`` part, should a CI system ever put one there."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    authority, slash, path = rest.partition("/")
    if "@" in authority:
        authority = authority.rpartition("@")[2]
    return f"{scheme}{sep}{authority}{slash}{path}"


def _var(env: Mapping[str, str], name: str) -> str | None:
    return sanitise(env.get(name))


def _url(env: Mapping[str, str], name: str) -> str | None:
    value = _var(env, name)
    return strip_userinfo(value) if value else None


def _is_true(value: str | None) -> bool:
    return (value or "").strip().lower() == "true"


def _joined(*parts: str | None) -> str | None:
    return "/".join(p for p in parts if p) if all(parts) else None


@dataclass(frozen=True)
class _CiJob:
    """What a CI system's variables say: the triggering user (if any), the project, the context."""

    system: str
    user: str | None
    project: str | None
    context: dict[str, str | None]

    @property
    def actor(self) -> str:
        if self.user:
            return f"{self.system}:{self.user}"
        return f"{self.system}-job:{self.project or UNKNOWN}"


def _github(env: Mapping[str, str]) -> _CiJob | None:
    if not _is_true(env.get("GITHUB_ACTIONS")):
        return None
    initiator = _var(env, "GITHUB_ACTOR")
    # On a re-run GITHUB_ACTOR stays the original initiator; the one who re-ran it is the actor.
    user = _var(env, "GITHUB_TRIGGERING_ACTOR") or initiator
    server = (_url(env, "GITHUB_SERVER_URL") or "https://github.com").rstrip("/")
    repository, run_id = _var(env, "GITHUB_REPOSITORY"), _var(env, "GITHUB_RUN_ID")
    attempt = _var(env, "GITHUB_RUN_ATTEMPT")
    job_url = None
    if repository and run_id:
        job_url = f"{server}/{repository}/actions/runs/{run_id}"
        if attempt:
            job_url += f"/attempts/{attempt}"
    return _CiJob(
        "github",
        user,
        repository,
        {
            "job_url": job_url,
            "repository": repository,
            "run_id": run_id,
            "run_attempt": attempt,
            "workflow": _var(env, "GITHUB_WORKFLOW"),
            "job_name": _var(env, "GITHUB_JOB"),
            "ref": _var(env, "GITHUB_REF"),
            "commit": _var(env, "GITHUB_SHA"),
            "event": _var(env, "GITHUB_EVENT_NAME"),
            "initiated_by": initiator if initiator != user else None,
        },
    )


def _gitlab(env: Mapping[str, str]) -> _CiJob | None:
    if not _is_true(env.get("GITLAB_CI")):
        return None
    project = _var(env, "CI_PROJECT_PATH")
    return _CiJob(
        "gitlab",
        _var(env, "GITLAB_USER_LOGIN"),
        project,
        {
            "job_url": _url(env, "CI_JOB_URL"),
            "pipeline_url": _url(env, "CI_PIPELINE_URL"),
            "repository": project,
            "pipeline_id": _var(env, "CI_PIPELINE_ID"),
            "job_id": _var(env, "CI_JOB_ID"),
            "job_name": _var(env, "CI_JOB_NAME"),
            "ref": _var(env, "CI_COMMIT_REF_NAME"),
            "commit": _var(env, "CI_COMMIT_SHA"),
            "event": _var(env, "CI_PIPELINE_SOURCE"),
        },
    )


def _buildkite(env: Mapping[str, str]) -> _CiJob | None:
    if not _is_true(env.get("BUILDKITE")):
        return None
    user = _var(env, "BUILDKITE_BUILD_CREATOR_EMAIL") or _var(env, "BUILDKITE_BUILD_CREATOR")
    pipeline = _joined(
        _var(env, "BUILDKITE_ORGANIZATION_SLUG"), _var(env, "BUILDKITE_PIPELINE_SLUG")
    )
    build_url, job_id = _url(env, "BUILDKITE_BUILD_URL"), _var(env, "BUILDKITE_JOB_ID")
    job_url = f"{build_url}#{job_id}" if build_url and job_id else build_url
    # BUILDKITE_REPO is not read: a clone URL may carry credentials.
    return _CiJob(
        "buildkite",
        user,
        pipeline,
        {
            "job_url": job_url,
            "pipeline": pipeline,
            "build_id": _var(env, "BUILDKITE_BUILD_ID"),
            "build_number": _var(env, "BUILDKITE_BUILD_NUMBER"),
            "job_id": job_id,
            "step_key": _var(env, "BUILDKITE_STEP_KEY"),
            "ref": _var(env, "BUILDKITE_TAG") or _var(env, "BUILDKITE_BRANCH"),
            "commit": _var(env, "BUILDKITE_COMMIT"),
            "event": _var(env, "BUILDKITE_SOURCE"),
        },
    )


def _circleci(env: Mapping[str, str]) -> _CiJob | None:
    if not _is_true(env.get("CIRCLECI")):
        return None
    repository = _joined(_var(env, "CIRCLE_PROJECT_USERNAME"), _var(env, "CIRCLE_PROJECT_REPONAME"))
    # CIRCLE_REPOSITORY_URL is not read: a clone URL may carry credentials.
    return _CiJob(
        "circleci",
        _var(env, "CIRCLE_USERNAME"),
        repository,
        {
            "job_url": _url(env, "CIRCLE_BUILD_URL"),
            "repository": repository,
            "workflow_id": _var(env, "CIRCLE_WORKFLOW_ID"),
            "job_name": _var(env, "CIRCLE_JOB"),
            "build_number": _var(env, "CIRCLE_BUILD_NUM"),
            "ref": _var(env, "CIRCLE_TAG") or _var(env, "CIRCLE_BRANCH"),
            "commit": _var(env, "CIRCLE_SHA1"),
        },
    )


def _jenkins(env: Mapping[str, str]) -> _CiJob | None:
    if not _var(env, "JENKINS_URL"):
        return None
    job_name = _var(env, "JOB_NAME")
    # BUILD_USER_ID comes from the build-user-vars plugin; without it Jenkins names no user.
    # GIT_URL is not read: a clone URL may carry credentials.
    return _CiJob(
        "jenkins",
        _var(env, "BUILD_USER_ID"),
        job_name,
        {
            "job_url": _url(env, "BUILD_URL"),
            "job_name": job_name,
            "build_number": _var(env, "BUILD_NUMBER"),
            "ref": _var(env, "BRANCH_NAME") or _var(env, "GIT_BRANCH"),
            "commit": _var(env, "GIT_COMMIT"),
        },
    )


# Checked in this order; the first system whose marker variable is set is the one running us.
CI_DETECTORS: tuple[Callable[[Mapping[str, str]], _CiJob | None], ...] = (
    _github,
    _gitlab,
    _buildkite,
    _circleci,
    _jenkins,
)


def detect_ci(env: Mapping[str, str]) -> tuple[str, str, dict[str, str]] | None:
    """``(system, actor, context)`` of the CI job running this process, or ``None``."""
    for detector in CI_DETECTORS:
        job = detector(env)
        if job is not None:
            actor = sanitise(job.actor, MAX_ACTOR_LENGTH) or f"{job.system}-job:{UNKNOWN}"
            context = {"ci": job.system, **{k: v for k, v in job.context.items() if v}}
            return job.system, actor, context
    return None


def current_os_user() -> str:
    """The login name of this process, else ``uid:<n>`` (containers often run a nameless uid)."""
    import getpass

    try:
        name = sanitise(getpass.getuser(), MAX_ACTOR_LENGTH)
    except (KeyError, OSError, ImportError):  # no passwd entry, or no pwd module
        name = None
    if name:
        return name
    getuid = getattr(os, "getuid", None)
    return f"uid:{getuid()}" if getuid is not None else UNKNOWN


def current_hostname() -> str:
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def resolve_identity(
    env: Mapping[str, str],
    configured_actor: str | None = None,
    *,
    os_user: Callable[[], str] = current_os_user,
    hostname: Callable[[], str] = current_hostname,
) -> Identity:
    """The actor of this run: ``OPSCTL_ACTOR``, else ``configured_actor``, else CI, else OS user.

    A pure function of ``env`` and ``configured_actor`` unless it falls back to the OS user, which
    calls ``os_user`` and ``hostname`` (injectable for tests).
    """
    ci = detect_ci(env)
    ci_context = ci[2] if ci else {}
    for source, value in (("env", env.get("OPSCTL_ACTOR")), ("config", configured_actor)):
        actor = sanitise(value, MAX_ACTOR_LENGTH)
        if actor:
            if ci is not None and ci[1] != actor:
                ci_context = {**ci_context, "ci_actor": ci[1]}
            return Identity(actor=actor, source=source, context=ci_context)
    if ci is not None:
        system, actor, context = ci
        return Identity(actor=actor, source=system, context=context)
    user = sanitise(os_user(), MAX_ACTOR_LENGTH) or UNKNOWN
    host = sanitise(hostname(), MAX_CONTEXT_LENGTH)
    return Identity(actor=user, source="os", context={"host": host} if host else {})
