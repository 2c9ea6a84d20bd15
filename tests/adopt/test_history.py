"""Owners and churn from git: one ``git log`` over the scanned root, authors by commits, the last
change and the commits of the last 90 days; nothing (and no error) outside a repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from opsctl.adopt import history
from opsctl.adopt.history import git_owners, parse_log
from opsctl.adopt.model import Author, Owners

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

NOW = datetime(2025, 6, 30, 12, 0, tzinfo=UTC)


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> None:
    base = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env={**base, **(env or {})})


def commit(repo: Path, files: dict[str, str], *, author: str, date: str) -> None:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        git(repo, "add", "--", name)
    name, email = author.split(" <")
    env = {"GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email.rstrip(">"),
           "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email.rstrip(">"),
           "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    git(repo, "commit", "-q", "-m", f"change {', '.join(files)}", env=env)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    commit(repo, {"ops/backup.sh": "v1\n", "ops/deploy plan.sh": "v1\n"},
           author="Ana Ops <ana@example.com>", date="2024-01-10T09:00:00+00:00")
    commit(repo, {"ops/backup.sh": "v2\n"},
           author="Bo Dev <bo@example.com>", date="2025-05-01T10:00:00+02:00")
    commit(repo, {"ops/backup.sh": "v3\n", "ops/déploiement.py": "v1\n"},
           author="Bo Dev <bo@example.com>", date="2025-06-20T08:30:00+00:00")
    commit(repo, {"README.md": "readme\n"},
           author="Cy Docs <cy@example.com>", date="2025-06-21T08:30:00+00:00")
    return repo


def test_authors_last_change_and_recent_commits_per_script(repo: Path) -> None:
    owners = git_owners(repo, ["ops/backup.sh", "ops/deploy plan.sh", "ops/déploiement.py",
                               "ops/never-committed.sh"], now=NOW)
    assert owners == {
        "ops/backup.sh": Owners(
            authors=[Author("Bo Dev", "bo@example.com", 2), Author("Ana Ops", "ana@example.com", 1)],
            last_change="2025-06-20T08:30:00+00:00", commits_90d=2),
        "ops/deploy plan.sh": Owners(authors=[Author("Ana Ops", "ana@example.com", 1)],
                                     last_change="2024-01-10T09:00:00+00:00", commits_90d=0),
        "ops/déploiement.py": Owners(authors=[Author("Bo Dev", "bo@example.com", 1)],
                                     last_change="2025-06-20T08:30:00+00:00", commits_90d=1),
    }


def test_a_subfolder_root_reports_paths_relative_to_itself(repo: Path) -> None:
    owners = git_owners(repo / "ops", ["backup.sh", "deploy plan.sh"], now=NOW)
    assert sorted(owners) == ["backup.sh", "deploy plan.sh"]
    assert owners["backup.sh"].commits_90d == 2


@pytest.mark.parametrize(("now", "recent"), [
    pytest.param(datetime(2025, 6, 30, 12, 0, tzinfo=UTC), 2, id="both-recent"),
    pytest.param(datetime(2025, 8, 15, 12, 0, tzinfo=UTC), 1, id="one-left-the-window"),
    pytest.param(datetime(2025, 6, 30, 12, 0), 2, id="naive-now-is-utc"),
    pytest.param(datetime(2025, 5, 15, 0, 0, tzinfo=UTC), 1, id="later-commits-are-not-counted"),
])
def test_commits_in_the_90_days_before_now(repo: Path, now: datetime, recent: int) -> None:
    assert git_owners(repo, ["ops/backup.sh"], now=now)["ops/backup.sh"].commits_90d == recent


def test_the_mailmap_merges_spellings_of_one_author(repo: Path) -> None:
    commit(repo, {"ops/backup.sh": "v4\n"},
           author="bo <bo@old.example.com>", date="2025-06-25T08:00:00+00:00")
    commit(repo, {".mailmap": "Bo Dev <bo@example.com> bo <bo@old.example.com>\n"},
           author="Bo Dev <bo@example.com>", date="2025-06-26T08:00:00+00:00")
    owners = git_owners(repo, ["ops/backup.sh"], now=NOW)["ops/backup.sh"]
    assert owners.authors == [Author("Bo Dev", "bo@example.com", 3),
                              Author("Ana Ops", "ana@example.com", 1)]


def test_merge_commits_are_not_counted(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "topic")
    commit(repo, {"ops/backup.sh": "topic\n"},
           author="Di Branch <di@example.com>", date="2025-06-22T08:00:00+00:00")
    git(repo, "checkout", "-q", "main")
    commit(repo, {"other.txt": "x\n"}, author="Ana Ops <ana@example.com>",
           date="2025-06-23T08:00:00+00:00")
    git(repo, "merge", "-q", "--no-ff", "-m", "merge topic", "topic",
        env={"GIT_AUTHOR_NAME": "M", "GIT_AUTHOR_EMAIL": "m@example.com",
             "GIT_COMMITTER_NAME": "M", "GIT_COMMITTER_EMAIL": "m@example.com"})
    names = [a.name for a in git_owners(repo, ["ops/backup.sh"], now=NOW)["ops/backup.sh"].authors]
    assert names == ["Bo Dev", "Ana Ops", "Di Branch"]


@pytest.mark.parametrize("setup", [
    pytest.param("plain-folder", id="not-a-repository"),
    pytest.param("empty-repository", id="a-repository-without-commits"),
    pytest.param("missing-folder", id="a-folder-that-does-not-exist"),
    pytest.param("bare-repository", id="a-bare-repository"),
])
def test_no_repository_means_no_owners_and_no_error(tmp_path: Path, setup: str) -> None:
    root = tmp_path / "tree"
    if setup != "missing-folder":
        root.mkdir()
        (root / "backup.sh").write_text("echo\n")
    if setup == "empty-repository":
        git(root, "init", "-q")
    if setup == "bare-repository":
        git(root, "init", "-q", "--bare")
    assert git_owners(root, ["backup.sh"], now=NOW) == {}


def test_git_missing_means_no_owners(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(history.shutil, "which", lambda name: None)
    assert git_owners(repo, ["ops/backup.sh"], now=NOW) == {}


def test_a_shallow_clone_gives_the_owners_it_holds(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)],
                   check=True, capture_output=True)
    owners = git_owners(clone, ["ops/backup.sh", "ops/deploy plan.sh"], now=NOW)
    # Only the last commit is there: it touched README.md, and the boundary lists every file.
    assert set(owners) <= {"ops/backup.sh", "ops/deploy plan.sh"}


def test_a_timeout_stops_git_and_keeps_what_was_read(repo: Path) -> None:
    assert git_owners(repo, ["ops/backup.sh"], now=NOW, timeout=0.0) in (
        {}, git_owners(repo, ["ops/backup.sh"], now=NOW))


def test_one_git_log_whatever_the_number_of_scripts(repo: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    commands: list[list[str]] = []
    real_popen = subprocess.Popen

    def recording_popen(command: list[str], **kwargs: object) -> subprocess.Popen[bytes]:
        commands.append(command)
        return real_popen(command, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(history.subprocess, "Popen", recording_popen)
    scripts = [f"ops/gen_{n}.sh" for n in range(2000)] + ["ops/backup.sh"]
    owners = git_owners(repo, scripts, now=NOW)
    logs = [command for command in commands if "log" in command]
    assert list(owners) == ["ops/backup.sh"]
    assert len(logs) == 1
    assert logs[0][-2:] == ["--", "."]


@pytest.mark.parametrize(("stream", "expected"), [
    pytest.param([b"\0A\ta@x\t2025-01-01T00:00:00+00:00\0\nx.sh\0y z.sh\0"],
                 [("A", ["x.sh", "y z.sh"])], id="one-commit"),
    pytest.param([b"\0A\ta@x\t2025-01-01T00:00:00+00:00\0\nx", b".sh\0\0B\tb@x\t2024-01-01T",
                  b"00:00:00+00:00\0\nx.sh\0"],
                 [("A", ["x.sh"]), ("B", ["x.sh"])], id="split-across-reads"),
    pytest.param([b"garbage\0\0A\ta@x\tnot-a-date\0"], [], id="unreadable-headers-are-skipped"),
])
def test_the_log_is_parsed_as_a_stream(stream: list[bytes],
                                        expected: list[tuple[str, list[str]]]) -> None:
    assert [(c.name, c.paths) for c in parse_log(stream)] == expected
