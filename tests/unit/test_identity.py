"""The actor of a run: OPSCTL_ACTOR, config, each CI system's variables, the OS user; sanitising."""

from __future__ import annotations

import getpass
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsctl.governance.identity import (
    MAX_ACTOR_LENGTH,
    MAX_CONTEXT_LENGTH,
    Identity,
    current_os_user,
    resolve_identity,
    sanitise,
    strip_userinfo,
)

SECRET = "s3cr3t-never-recorded"


def no_os_user() -> str:
    raise AssertionError("the OS user must not be looked up when another rule names the actor")


def resolve(env: dict[str, str], configured: str | None = None) -> Identity:
    return resolve_identity(env, configured, os_user=no_os_user, hostname=no_os_user)


GITHUB = {
    "CI": "true",
    "GITHUB_ACTIONS": "true",
    "GITHUB_ACTOR": "octocat",
    "GITHUB_TRIGGERING_ACTOR": "octocat",
    "GITHUB_SERVER_URL": "https://github.com",
    "GITHUB_REPOSITORY": "octo-org/deploy",
    "GITHUB_RUN_ID": "9876543210",
    "GITHUB_RUN_ATTEMPT": "1",
    "GITHUB_WORKFLOW": "Release",
    "GITHUB_JOB": "tag",
    "GITHUB_REF": "refs/heads/main",
    "GITHUB_SHA": "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",
    "GITHUB_EVENT_NAME": "workflow_dispatch",
    "GITHUB_TOKEN": SECRET,
    "ACTIONS_RUNTIME_TOKEN": SECRET,
    "ACTIONS_ID_TOKEN_REQUEST_TOKEN": SECRET,
    "ACTIONS_ID_TOKEN_REQUEST_URL": f"https://token.actions.example/{SECRET}",
}
GITLAB = {
    "CI": "true",
    "GITLAB_CI": "true",
    "GITLAB_USER_LOGIN": "jdoe",
    "GITLAB_USER_EMAIL": "jdoe@example.com",
    "CI_PROJECT_PATH": "platform/deploy",
    "CI_PIPELINE_ID": "4242",
    "CI_PIPELINE_URL": "https://gitlab.example.com/platform/deploy/-/pipelines/4242",
    "CI_JOB_ID": "777",
    "CI_JOB_NAME": "release",
    "CI_JOB_URL": "https://gitlab.example.com/platform/deploy/-/jobs/777",
    "CI_COMMIT_REF_NAME": "main",
    "CI_COMMIT_SHA": "0123456789abcdef0123456789abcdef01234567",
    "CI_PIPELINE_SOURCE": "push",
    "CI_JOB_TOKEN": SECRET,
    "CI_JOB_JWT_V2": SECRET,
    "CI_REGISTRY_PASSWORD": SECRET,
    "CI_REPOSITORY_URL": f"https://gitlab-ci-token:{SECRET}@gitlab.example.com/platform/deploy.git",
}
BUILDKITE = {
    "CI": "true",
    "BUILDKITE": "true",
    "BUILDKITE_BUILD_CREATOR": "Jane Doe",
    "BUILDKITE_BUILD_CREATOR_EMAIL": "jane@example.com",
    "BUILDKITE_ORGANIZATION_SLUG": "acme",
    "BUILDKITE_PIPELINE_SLUG": "deploy",
    "BUILDKITE_BUILD_ID": "0190a1b2-c3d4-4e5f-8a9b-0c1d2e3f4a5b",
    "BUILDKITE_BUILD_NUMBER": "1514",
    "BUILDKITE_BUILD_URL": "https://buildkite.com/acme/deploy/builds/1514",
    "BUILDKITE_JOB_ID": "0190a1b2-ffff-4e5f-8a9b-0c1d2e3f4a5b",
    "BUILDKITE_STEP_KEY": "release",
    "BUILDKITE_BRANCH": "main",
    "BUILDKITE_TAG": "",
    "BUILDKITE_COMMIT": "fedcba9876543210fedcba9876543210fedcba98",
    "BUILDKITE_SOURCE": "ui",
    "BUILDKITE_AGENT_ACCESS_TOKEN": SECRET,
    "BUILDKITE_REPO": f"https://x-access-token:{SECRET}@github.com/acme/deploy.git",
}
JENKINS = {
    "JENKINS_URL": "https://jenkins.example.com/",
    "JENKINS_HOME": "/var/jenkins_home",
    "BUILD_USER_ID": "jdoe",
    "BUILD_USER": "John Doe",
    "JOB_NAME": "platform/deploy",
    "BUILD_NUMBER": "88",
    "BUILD_URL": "https://jenkins.example.com/job/platform/job/deploy/88/",
    "BRANCH_NAME": "main",
    "GIT_COMMIT": "89abcdef0123456789abcdef0123456789abcdef",
    "GIT_URL": f"https://jenkins:{SECRET}@git.example.com/platform/deploy.git",
    "DEPLOY_TOKEN": SECRET,
}
CIRCLECI = {
    "CI": "true",
    "CIRCLECI": "true",
    "CIRCLE_USERNAME": "jdoe",
    "CIRCLE_PROJECT_USERNAME": "acme",
    "CIRCLE_PROJECT_REPONAME": "deploy",
    "CIRCLE_WORKFLOW_ID": "6f1c2b3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c",
    "CIRCLE_JOB": "release",
    "CIRCLE_BUILD_NUM": "321",
    "CIRCLE_BUILD_URL": "https://circleci.com/gh/acme/deploy/321",
    "CIRCLE_BRANCH": "main",
    "CIRCLE_SHA1": "76543210fedcba9876543210fedcba9876543210",
    "CIRCLE_OIDC_TOKEN": SECRET,
    "CIRCLE_REPOSITORY_URL": f"https://{SECRET}@github.com/acme/deploy.git",
}


# -- one test per CI system -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "actor", "source", "context"),
    [
        (
            GITHUB,
            "github:octocat",
            "github",
            {
                "ci": "github",
                "job_url": "https://github.com/octo-org/deploy/actions/runs/9876543210/attempts/1",
                "repository": "octo-org/deploy",
                "run_id": "9876543210",
                "run_attempt": "1",
                "workflow": "Release",
                "job_name": "tag",
                "ref": "refs/heads/main",
                "commit": "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",
                "event": "workflow_dispatch",
            },
        ),
        (
            GITLAB,
            "gitlab:jdoe",
            "gitlab",
            {
                "ci": "gitlab",
                "job_url": "https://gitlab.example.com/platform/deploy/-/jobs/777",
                "pipeline_url": "https://gitlab.example.com/platform/deploy/-/pipelines/4242",
                "repository": "platform/deploy",
                "pipeline_id": "4242",
                "job_id": "777",
                "job_name": "release",
                "ref": "main",
                "commit": "0123456789abcdef0123456789abcdef01234567",
                "event": "push",
            },
        ),
        (
            BUILDKITE,
            "buildkite:jane@example.com",
            "buildkite",
            {
                "ci": "buildkite",
                "job_url": "https://buildkite.com/acme/deploy/builds/1514#0190a1b2-ffff-4e5f-8a9b-0c1d2e3f4a5b",
                "pipeline": "acme/deploy",
                "build_id": "0190a1b2-c3d4-4e5f-8a9b-0c1d2e3f4a5b",
                "build_number": "1514",
                "job_id": "0190a1b2-ffff-4e5f-8a9b-0c1d2e3f4a5b",
                "step_key": "release",
                "ref": "main",
                "commit": "fedcba9876543210fedcba9876543210fedcba98",
                "event": "ui",
            },
        ),
        (
            JENKINS,
            "jenkins:jdoe",
            "jenkins",
            {
                "ci": "jenkins",
                "job_url": "https://jenkins.example.com/job/platform/job/deploy/88/",
                "job_name": "platform/deploy",
                "build_number": "88",
                "ref": "main",
                "commit": "89abcdef0123456789abcdef0123456789abcdef",
            },
        ),
        (
            CIRCLECI,
            "circleci:jdoe",
            "circleci",
            {
                "ci": "circleci",
                "job_url": "https://circleci.com/gh/acme/deploy/321",
                "repository": "acme/deploy",
                "workflow_id": "6f1c2b3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c",
                "job_name": "release",
                "build_number": "321",
                "ref": "main",
                "commit": "76543210fedcba9876543210fedcba9876543210",
            },
        ),
    ],
    ids=["github", "gitlab", "buildkite", "jenkins", "circleci"],
)
def test_ci_identity(env: dict[str, str], actor: str, source: str, context: dict[str, str]) -> None:
    identity = resolve(env)
    assert identity == Identity(actor=actor, source=source, context=context)
    assert SECRET not in repr(identity.to_dict())


@pytest.mark.parametrize(
    ("env", "actor"),
    [
        (
            {**GITHUB, "GITHUB_ACTOR": "", "GITHUB_TRIGGERING_ACTOR": ""},
            "github-job:octo-org/deploy",
        ),
        (
            {k: v for k, v in GITLAB.items() if k != "GITLAB_USER_LOGIN"},
            "gitlab-job:platform/deploy",
        ),
        (
            {k: v for k, v in BUILDKITE.items() if not k.startswith("BUILDKITE_BUILD_CREATOR")},
            "buildkite-job:acme/deploy",
        ),
        (
            {k: v for k, v in JENKINS.items() if not k.startswith("BUILD_USER")},
            "jenkins-job:platform/deploy",
        ),
        ({**CIRCLECI, "CIRCLE_USERNAME": ""}, "circleci-job:acme/deploy"),  # a scheduled pipeline
        ({"JENKINS_URL": "https://jenkins.example.com/"}, "jenkins-job:unknown"),
    ],
    ids=[
        "github",
        "gitlab",
        "buildkite",
        "jenkins-without-build-user-plugin",
        "circleci-scheduled",
        "jenkins-bare",
    ],
)
def test_ci_without_a_user_names_the_job(env: dict[str, str], actor: str) -> None:
    assert resolve(env).actor == actor


def test_buildkite_creator_name_when_no_email() -> None:
    env = {k: v for k, v in BUILDKITE.items() if k != "BUILDKITE_BUILD_CREATOR_EMAIL"}
    assert resolve(env).actor == "buildkite:Jane Doe"


def test_github_rerun_is_the_triggering_actor_and_keeps_the_initiator() -> None:
    identity = resolve({**GITHUB, "GITHUB_TRIGGERING_ACTOR": "hubot", "GITHUB_RUN_ATTEMPT": "2"})
    assert identity.actor == "github:hubot"
    assert identity.context["initiated_by"] == "octocat"
    assert identity.context["job_url"].endswith("/actions/runs/9876543210/attempts/2")


def test_github_enterprise_server_url_and_no_attempt() -> None:
    env = {**GITHUB, "GITHUB_SERVER_URL": "https://ghe.example.com/", "GITHUB_RUN_ATTEMPT": ""}
    assert (
        resolve(env).context["job_url"]
        == "https://ghe.example.com/octo-org/deploy/actions/runs/9876543210"
    )


@pytest.mark.parametrize(
    "env",
    [
        {"GITHUB_ACTIONS": "false", "GITHUB_ACTOR": "octocat"},
        {"GITLAB_CI": "", "GITLAB_USER_LOGIN": "jdoe"},
        {"BUILDKITE": "0", "BUILDKITE_BUILD_CREATOR_EMAIL": "jane@example.com"},
        {"JENKINS_URL": "  ", "BUILD_USER_ID": "jdoe"},
        {"CIRCLE_USERNAME": "jdoe"},
    ],
    ids=["github-false", "gitlab-empty", "buildkite-0", "jenkins-blank", "circleci-unmarked"],
)
def test_a_ci_system_needs_its_marker_variable(env: dict[str, str]) -> None:
    identity = resolve_identity(env, os_user=lambda: "alice", hostname=lambda: "box")
    assert identity.source == "os"


def test_first_detected_system_wins() -> None:
    assert resolve({**JENKINS, **GITLAB}).source == "gitlab"


def test_credentials_in_a_job_url_are_dropped() -> None:
    env = {**GITLAB, "CI_JOB_URL": f"https://user:{SECRET}@gitlab.example.com/p/-/jobs/1"}
    assert resolve(env).context["job_url"] == "https://gitlab.example.com/p/-/jobs/1"


# -- precedence ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "configured", "actor", "source"),
    [
        ({"OPSCTL_ACTOR": "deploy-bot"}, "from-config", "deploy-bot", "env"),
        ({"OPSCTL_ACTOR": "deploy-bot", **GITHUB}, None, "deploy-bot", "env"),
        ({}, "from-config", "from-config", "config"),
        (GITHUB, "from-config", "from-config", "config"),
        ({"OPSCTL_ACTOR": ""}, "from-config", "from-config", "config"),
        ({"OPSCTL_ACTOR": "  \n ", **GITHUB}, None, "github:octocat", "github"),
        ({"OPSCTL_ACTOR": ""}, "", "alice", "os"),
    ],
    ids=[
        "env-over-config",
        "env-over-ci",
        "config",
        "config-over-ci",
        "empty-env-ignored",
        "blank-env-ignored",
        "empty-everything-is-os",
    ],
)
def test_precedence(env: dict[str, str], configured: str | None, actor: str, source: str) -> None:
    identity = resolve_identity(env, configured, os_user=lambda: "alice", hostname=lambda: "box")
    assert (identity.actor, identity.source) == (actor, source)


def test_an_explicit_actor_in_ci_keeps_the_ci_context_and_user() -> None:
    identity = resolve({**GITHUB, "OPSCTL_ACTOR": "deploy-bot"})
    assert identity.context["ci"] == "github"
    assert identity.context["ci_actor"] == "github:octocat"
    assert identity.context["job_url"].startswith("https://github.com/octo-org/deploy/")


def test_an_explicit_actor_outside_ci_has_no_context() -> None:
    assert resolve({"OPSCTL_ACTOR": "deploy-bot"}).context == {}


# -- the OS user --------------------------------------------------------------------------------


def test_os_user_is_plain_with_the_host_as_context() -> None:
    identity = resolve_identity({}, os_user=lambda: "alice", hostname=lambda: "build-7")
    assert identity == Identity(actor="alice", source="os", context={"host": "build-7"})
    assert identity.to_dict() == {"actor": "alice", "source": "os", "context": {"host": "build-7"}}


def test_os_user_that_names_nobody_is_unknown() -> None:
    identity = resolve_identity({}, os_user=lambda: " \t", hostname=lambda: "")
    assert identity == Identity(actor="unknown", source="os", context={})


@pytest.mark.parametrize(
    "error",
    [KeyError("getpwuid(): uid not found: 1000"), OSError("no user")],
    ids=["KeyError", "OSError"],
)
def test_current_os_user_falls_back_to_the_uid(
    monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    def fail() -> str:
        raise error

    monkeypatch.setattr(getpass, "getuser", fail)
    assert current_os_user() == f"uid:{os.getuid()}"


def test_current_os_user_is_the_login(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "alice\n")
    assert current_os_user() == "alice"


# -- sanitising ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  alice  ", "alice"),
        ("alice\nFAKE LOG LINE", "alice FAKE LOG LINE"),
        ("ali\x1b[31mce\x07", "ali [31mce"),
        ("bob\r\n\t", "bob"),
        ("jane\u202edoe", "jane doe"),  # a right-to-left override
        ("Jane   Doe", "Jane Doe"),
        ("", None),
        ("\n\t ", None),
    ],
    ids=[
        "strip",
        "newline",
        "ansi-and-bell",
        "crlf-tab",
        "bidi-override",
        "runs-of-space",
        "empty",
        "only-control",
    ],
)
def test_sanitise(raw: str, clean: str | None) -> None:
    assert sanitise(raw) == clean


def test_actor_is_sanitised_and_bounded() -> None:
    identity = resolve({"OPSCTL_ACTOR": "x" * 1000 + "\n"})
    assert identity.actor == "x" * MAX_ACTOR_LENGTH
    ci = resolve({**GITLAB, "GITLAB_USER_LOGIN": "j\ndoe", "CI_JOB_NAME": "y" * 1000})
    assert ci.actor == "gitlab:j doe"
    assert ci.context["job_name"] == "y" * MAX_CONTEXT_LENGTH


@given(st.text(), st.integers(min_value=1, max_value=300))
def test_sanitised_values_are_one_bounded_printable_line(raw: str, limit: int) -> None:
    clean = sanitise(raw, limit)
    if clean is not None:
        assert clean and clean.isprintable() and len(clean) <= limit
        assert clean == clean.strip()


@pytest.mark.parametrize(
    ("url", "stripped"),
    [
        ("https://user:pw@host.example/a/b", "https://host.example/a/b"),
        ("https://host.example/a@b", "https://host.example/a@b"),
        ("https://tok@host.example", "https://host.example"),
        ("not a url", "not a url"),
    ],
    ids=["userinfo", "at-in-path", "token-only", "no-scheme"],
)
def test_strip_userinfo(url: str, stripped: str) -> None:
    assert strip_userinfo(url) == stripped


# -- the value ---------------------------------------------------------------------------------------


def test_identity_is_immutable_and_hashable_by_actor_and_source() -> None:
    identity = Identity(actor="alice", source="os", context={"host": "box"})
    with pytest.raises(TypeError):
        identity.context["host"] = "other"  # type: ignore[index]
    assert hash(identity) == hash(Identity(actor="alice", source="os", context={"host": "box"}))


@pytest.mark.parametrize(
    "env",
    [GITHUB, GITLAB, BUILDKITE, JENKINS, CIRCLECI],
    ids=["github", "gitlab", "buildkite", "jenkins", "circleci"],
)
def test_only_named_variables_are_read(env: dict[str, str]) -> None:
    class Watched(dict[str, str]):
        def __init__(self, values: dict[str, str]) -> None:
            super().__init__(values)
            self.read: set[str] = set()

        def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
            self.read.add(key)
            return super().get(key, default)

        def __getitem__(self, key: str) -> str:
            self.read.add(key)
            return super().__getitem__(key)

        def __iter__(self):  # type: ignore[no-untyped-def]
            raise AssertionError("the environment must not be enumerated")

    watched = Watched(env)
    resolve(watched)
    assert watched.read
    assert not [
        name
        for name in watched.read
        if any(word in name for word in ("TOKEN", "PASSWORD", "JWT", "SECRET"))
    ]
    assert (
        not {"GIT_URL", "BUILDKITE_REPO", "CIRCLE_REPOSITORY_URL", "CI_REPOSITORY_URL"}
        & watched.read
    )
