"""release-tag against real git repositories: the plan, the tag and changelog it makes, idempotency."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from opsctl.testing import OpsctlHarness, assert_exit
from tests.examples.conftest import GIT_IDENTITY, ExampleProject, GitRepo, import_example


@pytest.fixture
def project(example_project: object) -> ExampleProject:
    proj: ExampleProject = example_project("examples.release_tag")  # type: ignore[operator]
    proj.env_extra = dict(GIT_IDENTITY)
    return proj


def release(project: ExampleProject, repo: GitRepo, *args: str, env: dict[str, str] | None = None):
    kwargs = {"env": env} if env is not None else {}
    return project.run("release-tag", "--repo", str(repo.path), *args, "--format", "json", **kwargs)


def actions(doc: dict) -> list[tuple[str, str, str]]:
    return [(a["id"], a["kind"], a["status"]) for a in doc["plan"]["actions"]]


def test_first_release_tags_head_and_commits_the_changelog(project: ExampleProject,
                                                           git_repo: GitRepo) -> None:
    git_repo.commit("chore: initial import")
    feat = git_repo.commit("feat(api): add the list endpoint")
    fix = git_repo.commit("fix: handle empty pages")
    (git_repo.path / "notes.tmp").write_text("untracked files do not make the tree dirty\n")

    result = release(project, git_repo)

    assert result.code == 0, result.stderr
    assert result.doc["status"] == "succeeded"
    assert actions(result.doc) == [("changelog:v0.1.0", "update", "applied"),
                                   ("tag:v0.1.0", "create", "applied")]
    changelog_action, tag_action = result.doc["plan"]["actions"]
    assert (changelog_action["before"], changelog_action["after"]) == (None, "0.1.0")
    assert (tag_action["before"], tag_action["after"]) == (None, "v0.1.0")
    assert result.doc["request"]["repo"] == str(git_repo.path)
    assert result.doc["summary"]["applied"] == 2
    # the real repository: a release commit holding only the changelog, an annotated tag on it
    assert git_repo.tags() == ["v0.1.0"]
    assert git_repo.git("cat-file", "-t", "v0.1.0") == "tag"
    assert git_repo.git("rev-parse", "v0.1.0^{commit}") == git_repo.head()
    assert git_repo.subject() == "chore(release): v0.1.0"
    assert git_repo.git("rev-parse", "HEAD^") == fix
    assert git_repo.git("show", "--format=", "--name-only", "HEAD") == "CHANGELOG.md"
    changelog = (git_repo.path / "CHANGELOG.md").read_text()
    assert changelog.startswith("# Changelog\n\n## v0.1.0 (")
    assert f"### Features\n\n- add the list endpoint ({feat[:7]})\n" in changelog
    assert f"### Fixes\n\n- handle empty pages ({fix[:7]})\n" in changelog
    assert "### Other changes\n\n- initial import" in changelog
    assert git_repo.status() == "?? notes.tmp"


def test_second_run_plans_nothing(project: ExampleProject, git_repo: GitRepo) -> None:
    git_repo.commit("feat: first feature")
    assert release(project, git_repo).code == 0
    head, changelog = git_repo.head(), (git_repo.path / "CHANGELOG.md").read_text()

    again = release(project, git_repo)

    assert again.code == 0
    assert again.doc["status"] == "no_changes"
    assert again.doc["plan"]["actions"] == []
    assert git_repo.head() == head
    assert git_repo.tags() == ["v0.1.0"]
    assert (git_repo.path / "CHANGELOG.md").read_text() == changelog
    preview = release(project, git_repo, "--dry-run")
    assert preview.code == 0
    assert preview.doc["status"] == "no_changes"


def test_dry_run_prints_the_plan_and_changes_nothing(project: ExampleProject,
                                                     git_repo: GitRepo) -> None:
    git_repo.commit("fix: first fix")
    git_repo.tag("v1.4.2")
    head = git_repo.commit("feat: new flag")

    result = release(project, git_repo, "--dry-run")

    assert result.code == 10
    assert result.doc["status"] == "changes_planned"
    assert actions(result.doc) == [("changelog:v1.5.0", "update", "pending"),
                                   ("tag:v1.5.0", "create", "pending")]
    changelog_action, tag_action = result.doc["plan"]["actions"]
    assert (changelog_action["before"], changelog_action["after"]) == ("1.4.2", "1.5.0")
    assert changelog_action["target"] == str(git_repo.path / "CHANGELOG.md")
    assert (tag_action["before"], tag_action["after"]) == ("v1.4.2", "v1.5.0")
    assert git_repo.head() == head
    assert git_repo.tags() == ["v1.4.2"]
    assert not (git_repo.path / "CHANGELOG.md").exists()
    assert git_repo.status() == ""


@pytest.mark.parametrize(("subjects", "bump", "expected"), [
    (["fix: a", "docs: b", "chore: c"], "auto", "v1.2.4"),
    (["Update the readme"], "auto", "v1.2.4"),
    (["fix: a", "feat: b"], "auto", "v1.3.0"),
    (["feat(cli)!: drop --legacy"], "auto", "v2.0.0"),
    (["refactor!: new store layout", "feat: b"], "auto", "v2.0.0"),
    (["fix: tighten parsing\n\nBREAKING CHANGE: strict input"], "auto", "v2.0.0"),
    (["fix: a"], "major", "v2.0.0"),
    (["feat!: b"], "patch", "v1.2.4"),
    (["fix: a"], "minor", "v1.3.0"),
], ids=["patch", "non-conventional", "feat", "bang-scope", "bang-other-type", "footer",
        "forced-major", "forced-patch", "forced-minor"])
def test_bump_rules(project: ExampleProject, git_repo: GitRepo, subjects: list[str], bump: str,
                    expected: str) -> None:
    git_repo.commit("feat: base")
    git_repo.tag("v1.2.3")
    for subject in subjects:
        git_repo.commit(subject)

    result = release(project, git_repo, "--bump", bump, "--dry-run")

    assert result.code == 10, result.stderr
    assert result.doc["plan"]["actions"][1]["after"] == expected


def test_version_base_is_the_highest_version_tag_reachable_from_head(project: ExampleProject,
                                                                     git_repo: GitRepo) -> None:
    git_repo.commit("feat: one")
    git_repo.tag("v0.9.0")
    git_repo.commit("feat: two")
    git_repo.tag("v1.0.0")
    git_repo.tag("release-2.0.0")  # another prefix, a separate version line
    git_repo.git("tag", "v0.9.5")  # lightweight, lower: ignored in favour of v1.0.0
    git_repo.git("checkout", "-q", "-b", "side")
    git_repo.commit("feat: on a side branch")
    git_repo.tag("v9.0.0")  # not reachable from main
    git_repo.git("checkout", "-q", "main")
    git_repo.commit("fix: three")
    git_repo.tag("v1.0.1-rc.1")  # not X.Y.Z: not a release tag

    result = release(project, git_repo, "--dry-run")

    assert result.code == 10
    assert result.doc["plan"]["actions"][1]["before"] == "v1.0.0"
    assert result.doc["plan"]["actions"][1]["after"] == "v1.0.1"
    other = release(project, git_repo, "--prefix", "release-", "--dry-run")
    assert other.code == 10
    assert other.doc["plan"]["actions"][1]["after"] == "release-2.0.1"


def test_new_section_goes_above_older_ones_below_the_title_and_its_introduction(
        project: ExampleProject, git_repo: GitRepo) -> None:
    old = "# Changelog\n\nAll notable changes.\n\n## v1.0.0 (2024-01-01)\n\n- first release\n"
    (git_repo.path / "docs").mkdir()
    (git_repo.path / "docs" / "CHANGES.md").write_text(old)
    git_repo.git("add", "docs/CHANGES.md")
    git_repo.git("commit", "-q", "-m", "docs: changelog")
    git_repo.tag("v1.0.0")
    fix = git_repo.commit("fix: off by one")

    result = release(project, git_repo, "--changelog", "docs/CHANGES.md")

    assert result.code == 0, result.stderr
    text = (git_repo.path / "docs" / "CHANGES.md").read_text()
    assert text.startswith("# Changelog\n\nAll notable changes.\n\n## v1.0.1 (")
    assert f"### Fixes\n\n- off by one ({fix[:7]})\n\n## v1.0.0" in text
    assert text.endswith("## v1.0.0 (2024-01-01)\n\n- first release\n")
    assert git_repo.tags() == ["v1.0.0", "v1.0.1"]


def test_a_changelog_with_crlf_lines_keeps_them(project: ExampleProject,
                                               git_repo: GitRepo) -> None:
    old = b"# Changelog\r\n\r\n## v1.0.0 (2024-01-01)\r\n\r\n- first release\r\n"
    (git_repo.path / "CHANGELOG.md").write_bytes(old)
    git_repo.git("add", "CHANGELOG.md")
    git_repo.commit("docs: changelog")
    git_repo.tag("v1.0.0")
    git_repo.commit("fix: off by one")

    result = release(project, git_repo)

    assert result.code == 0, result.stderr
    data = (git_repo.path / "CHANGELOG.md").read_bytes()
    assert data.startswith(b"# Changelog\r\n\r\n## v1.0.1 (")
    assert data.endswith(old[len(b"# Changelog\r\n\r\n"):])
    assert data.count(b"\n") == data.count(b"\r\n")
    assert git_repo.git("diff", "--numstat", "HEAD^", "HEAD").split()[:2] == ["6", "0"]


@pytest.mark.parametrize(("existing", "expected"), [
    ("", "# Changelog\n\nNEW\n"),
    ("# Changelog\n", "# Changelog\n\nNEW\n"),
    ("# Changes\n\nIntro.\nMore intro.\n", "# Changes\n\nIntro.\nMore intro.\n\nNEW\n"),
    ("# C\n\nIntro.\n\n## v1\n\n- a\n", "# C\n\nIntro.\n\nNEW\n\n## v1\n\n- a\n"),
    ("## v1\n\n- a\n", "NEW\n\n## v1\n\n- a\n"),
    ("Free text.\n", "NEW\n\nFree text.\n"),
    ("# C\n\n## [Unreleased]\n\n- wip\n\n## v1\n", "# C\n\n## [Unreleased]\n\n- wip\n\nNEW\n\n## v1\n"),
    ("# C\n\n## Unreleased\n", "# C\n\n## Unreleased\n\nNEW\n"),
], ids=["empty", "title-only", "title-and-introduction", "introduction-and-sections",
        "sections-only", "no-title", "unreleased-stays-on-top", "unreleased-only"])
def test_the_section_goes_below_the_title_and_introduction(existing: str, expected: str) -> None:
    module = import_example("examples.release_tag")

    assert module.with_section(existing, "NEW\n") == expected


def test_head_already_tagged_plans_nothing(project: ExampleProject, git_repo: GitRepo) -> None:
    git_repo.commit("feat: everything")
    git_repo.tag("v3.0.0")

    result = release(project, git_repo)

    assert result.code == 0
    assert result.doc["status"] == "no_changes"
    assert result.doc["plan"]["actions"] == []
    assert not (git_repo.path / "CHANGELOG.md").exists()


def test_an_interrupted_release_resumes_with_the_tag_only(project: ExampleProject,
                                                          git_repo: GitRepo) -> None:
    git_repo.commit("feat: thing")
    assert release(project, git_repo).code == 0
    release_commit = git_repo.head()
    git_repo.git("tag", "-d", "v0.1.0")  # as if the run died after the changelog commit

    result = release(project, git_repo)

    assert result.code == 0, result.stderr
    assert actions(result.doc) == [("tag:v0.1.0", "create", "applied")]
    assert git_repo.head() == release_commit
    assert git_repo.git("rev-parse", "v0.1.0^{commit}") == release_commit
    assert (git_repo.path / "CHANGELOG.md").read_text().count("## v0.1.0") == 1


def test_a_release_commit_refused_by_a_hook_is_made_when_run_again(project: ExampleProject,
                                                                    git_repo: GitRepo) -> None:
    base = git_repo.commit("feat: thing")
    hook = git_repo.path / ".git" / "hooks" / "pre-commit"
    hook.parent.mkdir(parents=True, exist_ok=True)
    hook.write_text("#!/bin/sh\necho 'lint: trailing spaces' >&2\nexit 1\n")
    hook.chmod(0o755)

    refused = release(project, git_repo)

    assert refused.code == 2, refused.stderr
    assert "lint: trailing spaces" in refused.doc["error"]["message"]
    assert (git_repo.head(), git_repo.tags()) == (base, [])
    hook.unlink()

    result = release(project, git_repo)

    assert result.code == 0, result.stderr
    assert git_repo.subject() == "chore(release): v0.1.0"
    assert git_repo.git("rev-parse", "HEAD^") == base
    assert git_repo.git("rev-parse", "v0.1.0^{commit}") == git_repo.head()
    assert git_repo.status() == ""


def test_a_release_commit_git_cannot_sign_says_why(project: ExampleProject,
                                                   git_repo: GitRepo) -> None:
    git_repo.commit("feat: thing")
    git_repo.git("config", "commit.gpgsign", "true")
    git_repo.git("config", "gpg.program", str(git_repo.path / "no-such-gpg"))

    result = release(project, git_repo)

    assert result.code == 2, result.stderr
    message = result.doc["error"]["message"]
    assert "gpg failed to sign the data" in message
    assert message.endswith("fatal: failed to write commit object")
    assert "hint:" not in message
    assert git_repo.tags() == []


def test_dirty_tree_is_refused_unless_allowed(project: ExampleProject, git_repo: GitRepo) -> None:
    git_repo.commit("fix: a", path="src/app.py")
    head = git_repo.head()
    (git_repo.path / "src" / "app.py").write_text("work in progress\n")

    refused = release(project, git_repo)

    assert refused.code == 3
    assert refused.doc["status"] == "failed"
    assert refused.doc["error"]["type"] == "validation"
    assert "uncommitted changes" in refused.doc["error"]["message"]
    assert "src/app.py" in refused.doc["error"]["message"]
    assert git_repo.head() == head
    assert git_repo.tags() == []
    assert git_repo.status() == "M src/app.py"

    allowed = release(project, git_repo, "--allow-dirty")

    assert allowed.code == 0, allowed.stderr
    assert git_repo.tags() == ["v0.0.1"]
    assert git_repo.git("show", "--format=", "--name-only", "HEAD") == "CHANGELOG.md"
    assert git_repo.status() == "M src/app.py"  # the operator's edit stays theirs


def test_staged_changes_are_dirty_too(project: ExampleProject, git_repo: GitRepo) -> None:
    git_repo.commit("fix: a")
    (git_repo.path / "file1.txt").write_text("staged\n")
    git_repo.git("add", "file1.txt")

    result = release(project, git_repo)

    assert result.code == 3
    assert "file1.txt" in result.doc["error"]["message"]


def test_not_a_git_repository_is_a_usage_error(project: ExampleProject, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()

    result = project.run("release-tag", "--repo", str(plain), "--format", "json")

    assert result.code == 2
    assert result.doc["status"] == "failed"
    assert result.doc["error"]["type"] == "validation"
    assert "not a git work tree" in result.doc["error"]["message"]
    missing = project.run("release-tag", "--repo", str(tmp_path / "missing"), "--format", "json")
    assert missing.code == 2
    assert "not a directory" in missing.doc["error"]["message"]


def test_repository_without_commits_is_refused(project: ExampleProject, git_repo: GitRepo) -> None:
    result = release(project, git_repo)

    assert result.code == 3
    assert "no commits" in result.doc["error"]["message"]


def test_a_shallow_clone_is_refused_before_any_change(project: ExampleProject,
                                                      git_repo: GitRepo, tmp_path: Path) -> None:
    git_repo.commit("feat: one")
    git_repo.tag("v1.4.0")
    git_repo.commit("fix: two")
    clone = GitRepo(tmp_path / "clone", tmp_path / "git-home")
    clone.git("fetch", "-q", "--depth", "1", f"file://{git_repo.path}", "main")
    clone.git("checkout", "-q", "FETCH_HEAD")
    head = clone.head()

    result = release(project, clone)

    assert result.code == 3, result.stderr
    assert "shallow clone" in result.doc["error"]["message"]
    assert (clone.head(), clone.tags(), clone.status()) == (head, [], "")


def test_missing_git_identity_is_reported_before_any_change(project: ExampleProject,
                                                            git_repo: GitRepo) -> None:
    git_repo.commit("feat: a")
    head = git_repo.head()
    no_identity = project.env(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_COUNT="1",
                              GIT_CONFIG_KEY_0="user.useConfigOnly", GIT_CONFIG_VALUE_0="true")
    for key in [k for k in no_identity if k.startswith(("GIT_AUTHOR", "GIT_COMMITTER"))]:
        del no_identity[key]

    preview = release(project, git_repo, "--dry-run", env=no_identity)
    assert preview.code == 10  # previewing needs no identity

    result = release(project, git_repo, env=no_identity)

    assert result.code == 2
    assert result.doc["status"] == "failed"
    assert "committer identity" in result.doc["error"]["message"]
    assert result.doc["summary"]["applied"] == 0
    assert git_repo.head() == head
    assert git_repo.tags() == []
    assert not (git_repo.path / "CHANGELOG.md").exists()


@pytest.mark.parametrize("changelog", ["../outside.md", "/tmp/abs.md", "."])
def test_changelog_must_stay_inside_the_repository(project: ExampleProject, git_repo: GitRepo,
                                                   changelog: str) -> None:
    git_repo.commit("feat: a")

    result = release(project, git_repo, "--changelog", changelog)

    assert result.code == 2
    assert "changelog" in result.doc["error"]["message"]
    assert git_repo.tags() == []


def test_a_changelog_that_is_a_symlink_commits_the_file_it_points_to(project: ExampleProject,
                                                                     git_repo: GitRepo) -> None:
    (git_repo.path / "docs").mkdir()
    (git_repo.path / "docs" / "changes.md").write_text("# Changes\n")
    (git_repo.path / "CHANGELOG.md").symlink_to("docs/changes.md")
    git_repo.git("add", "CHANGELOG.md", "docs/changes.md")
    git_repo.commit("feat: a")

    result = release(project, git_repo)

    assert result.code == 0, result.stderr
    assert result.doc["plan"]["actions"][0]["target"] == str(git_repo.path / "docs" / "changes.md")
    assert git_repo.git("show", "--format=", "--name-only", "HEAD") == "docs/changes.md"
    assert git_repo.git("rev-parse", "v0.1.0^{commit}") == git_repo.head()
    assert git_repo.status() == ""
    assert (git_repo.path / "CHANGELOG.md").is_symlink()
    assert release(project, git_repo).doc["status"] == "no_changes"


def test_a_changelog_symlink_out_of_the_repository_is_refused(project: ExampleProject,
                                                              git_repo: GitRepo,
                                                              tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.md"
    outside.write_text("# Not this repository's\n")
    (git_repo.path / "CHANGELOG.md").symlink_to(outside)
    git_repo.git("add", "CHANGELOG.md")
    git_repo.commit("feat: a")
    head = git_repo.head()

    result = release(project, git_repo)

    assert result.code == 3, result.stderr
    assert "leads outside the repository" in result.doc["error"]["message"]
    assert outside.read_text() == "# Not this repository's\n"
    assert (git_repo.head(), git_repo.tags()) == (head, [])


def test_an_ignored_changelog_is_refused_before_any_change(project: ExampleProject,
                                                          git_repo: GitRepo) -> None:
    (git_repo.path / ".gitignore").write_text("*.md\n")
    git_repo.git("add", ".gitignore")
    git_repo.commit("feat: a")
    head = git_repo.head()

    result = release(project, git_repo)

    assert result.code == 3, result.stderr
    assert "CHANGELOG.md is ignored by git" in result.doc["error"]["message"]
    assert not (git_repo.path / "CHANGELOG.md").exists()
    assert (git_repo.head(), git_repo.tags()) == (head, [])


@pytest.mark.parametrize(("make", "message"), [
    (lambda path: (path.mkdir(), (path / "notes.md").write_text("x\n")), "is a directory"),
    (lambda path: path.write_bytes("# Changes\n".encode("utf-16")), "is not UTF-8 text"),
], ids=["directory", "utf-16"])
def test_a_changelog_that_cannot_be_read_as_text_is_refused(project: ExampleProject,
                                                            git_repo: GitRepo, make: Any,
                                                            message: str) -> None:
    make(git_repo.path / "CHANGELOG.md")
    git_repo.git("add", "CHANGELOG.md")
    git_repo.commit("feat: a")
    head = git_repo.head()

    result = release(project, git_repo, "--dry-run")

    assert result.code == 3, result.stderr
    assert message in result.doc["error"]["message"]
    assert (git_repo.head(), git_repo.tags(), git_repo.status()) == (head, [], "")


@pytest.mark.parametrize("prefix", ["v..", "v/../", ".v", "-v", "a//b", "/v", "x.lock/",
                                    "v/.hidden/"])
def test_a_prefix_that_makes_no_valid_tag_name_is_refused_before_any_change(
        project: ExampleProject, git_repo: GitRepo, prefix: str) -> None:
    git_repo.commit("feat: a")
    head = git_repo.head()

    for args in (["--dry-run"], []):
        result = release(project, git_repo, "--prefix", prefix, *args)

        assert result.code == 2, result.stderr
        assert "prefix" in result.doc["error"]["message"]
    assert (git_repo.head(), git_repo.tags()) == (head, [])


@pytest.mark.parametrize("prefix", ["", "v", "release-", "app/v", "v.", "team_a/release."])
def test_prefixes_that_make_valid_tag_names_are_accepted(project: ExampleProject,
                                                         git_repo: GitRepo, prefix: str) -> None:
    git_repo.commit("feat: a")

    result = release(project, git_repo, "--prefix", prefix)

    assert result.code == 0, result.stderr
    assert git_repo.tags() == [f"{prefix}0.1.0"]


# -- in process with the test kit: golden plan, dry run = apply, idempotency -------------------------

@pytest.fixture
def harness(opsctl_harness: OpsctlHarness) -> OpsctlHarness:
    """release-tag run in this process; its git commands see the test identity, no outer GIT_*."""
    for key in [k for k in os.environ if k.startswith("GIT_")]:
        opsctl_harness.delenv(key)
    for key, value in GIT_IDENTITY.items():
        opsctl_harness.setenv(key, value)
    opsctl_harness.register(import_example("examples.release_tag").release_tag)
    return opsctl_harness


def repo_state(repo: GitRepo) -> tuple[str, list[str], str]:
    return repo.head(), repo.tags(), repo.status()


def test_kit_plan_matches_the_golden_plan(harness: OpsctlHarness, git_repo: GitRepo) -> None:
    git_repo.commit("fix: first fix")
    git_repo.tag("v1.4.2")
    head = git_repo.commit("feat: new flag")

    result = harness.dry_run("release-tag", repo=str(git_repo.path))

    assert_exit(result, 10)
    # commit ids change with every run; the changelog date comes from the fake clock
    harness.assert_plan_matches_golden(result, "release-tag",
                                       normalize={head: "<head>", head[:7]: "<head:7>"})
    assert repo_state(git_repo) == (head, ["v1.4.2"], "")


def test_kit_dry_run_shows_exactly_what_apply_does(harness: OpsctlHarness,
                                                   git_repo: GitRepo) -> None:
    git_repo.commit("fix: first fix")
    git_repo.tag("v1.4.2")
    feat = git_repo.commit("feat: new flag")

    dry, applied = harness.assert_dry_run_matches_apply("release-tag", repo=str(git_repo.path),
                                                        observe=lambda: repo_state(git_repo))

    assert dry.action_ids() == ["changelog:v1.5.0", "tag:v1.5.0"]
    assert [a["status"] for a in applied.actions] == ["applied", "applied"]
    assert git_repo.tags() == ["v1.4.2", "v1.5.0"]
    assert git_repo.git("rev-parse", "HEAD^") == feat
    assert git_repo.git("rev-parse", "v1.5.0^{commit}") == git_repo.head()
    assert (git_repo.path / "CHANGELOG.md").read_text().startswith(
        "# Changelog\n\n## v1.5.0 (2030-01-01)\n")


def test_kit_a_second_release_changes_nothing(harness: OpsctlHarness, git_repo: GitRepo) -> None:
    git_repo.commit("feat: first feature")

    first = harness.assert_idempotent("release-tag", repo=str(git_repo.path))

    assert first.action_ids() == ["changelog:v0.1.0", "tag:v0.1.0"]
    assert git_repo.tags() == ["v0.1.0"]
    assert git_repo.subject() == "chore(release): v0.1.0"
    assert (git_repo.path / "CHANGELOG.md").read_text().count("## v0.1.0") == 1
