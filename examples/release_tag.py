"""release-tag: tag the next semantic version of a git repository and prepend its changelog.

The planner reads the repository with read-only git commands (each with a timeout):

* the highest ``<prefix>X.Y.Z`` tag reachable from HEAD (none: the repository starts at 0.0.0);
* the commits since that tag (merges and this automation's own release commits left out);
* the bump: ``--bump major|minor|patch``, or ``auto`` from conventional commits
  (``type!:`` or a ``BREAKING CHANGE:`` footer → major, ``feat:`` → minor, anything else → patch).

It plans nothing when HEAD already carries a version tag or when there is nothing new, so a
second run is a no-op. Otherwise it plans two actions:

1. ``update`` of the changelog: the new section is written above the newest section (below a
   ``# `` title, its introduction and an ``## Unreleased`` section) and committed alone with the message ``chore(release): <tag>``;
2. ``create`` of the annotated tag on that commit (``depends_on`` the changelog action).

Each apply is idempotent: a changelog that already has the section and is committed, or a tag
that already points at HEAD, is reported "unchanged". A work tree with uncommitted changes to
tracked files is refused (exit 3) unless ``--allow-dirty``; only the changelog is ever committed.
A shallow clone (a CI checkout of depth 1) is refused (exit 3): its tags and history are
incomplete. A changelog that is a symbolic link is followed to the file it names, which must be inside the
repository. A path that is not a git work tree is a usage error (exit 2); so is a git without a committer
identity, found by apply before its first change (a ``--dry-run`` preview needs none).
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from opsctl import Action, Automation, Context, PlanRejectedError, UsageError
from opsctl.errors import DependencyTimeoutError, MutationDuringPlanError

GIT_TIMEOUT_SECONDS = 30.0
RELEASE_MESSAGE = "chore(release): {tag}"
_CONVENTIONAL = re.compile(r"^(?P<type>[A-Za-z]+)(?:\([^)]*\))?(?P<bang>!)?:\s*(?P<desc>.+)$")
_UNRELEASED = re.compile(r"^## \[?unreleased\]?\s*$", re.IGNORECASE)
_BREAKING_FOOTER = re.compile(r"^BREAKING[ -]CHANGE:", re.MULTILINE)
_READ_ONLY_GIT = frozenset({"rev-parse", "status", "tag", "log", "var", "check-ignore"})

Bump = Literal["auto", "major", "minor", "patch"]


HELP = (
    "Tag the next semantic version of a git repository and prepend its changelog section.\n\n"
    "The version bump comes from --bump, or with auto from the conventional commits since the last "
    "PREFIX X.Y.Z tag reachable from HEAD: 'type!:' or a 'BREAKING CHANGE:' footer bumps major, "
    "'feat:' minor, anything else patch. Nothing is planned when HEAD already has a version tag "
    "or nothing is new, so a second run changes nothing.\n\n"
    "Apply writes the section above the newest one in the changelog (below its title and "
    "introduction), commits that file alone as "
    "'chore(release): TAG', then creates the annotated tag on that commit. Uncommitted changes "
    "to tracked files refuse the run (exit 3) unless --allow-dirty."
)


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")

    repo: str = Field(default=".", description="Path to the git repository to tag")
    bump: Bump = Field(
        default="auto",
        description="Version part to bump; auto derives it from conventional commits since the "
                    "last tag (feat! or BREAKING CHANGE: major, feat: minor, else patch)")
    prefix: str = Field(default="v", max_length=20, pattern=r"^[A-Za-z0-9._/-]*$",
                        description="Tag name prefix before X.Y.Z")
    changelog: str = Field(default="CHANGELOG.md",
                           description="Changelog file, relative to the repository root")
    allow_dirty: bool = Field(default=False,
                              description="Release even if tracked files have uncommitted changes")

    @field_validator("repo")
    @classmethod
    def _absolute_repo(cls, value: str) -> str:
        # The lock scope and the recorded request name the repository, not the caller's cwd.
        return os.path.abspath(os.path.expanduser(value)) if value else value

    @field_validator("prefix")
    @classmethod
    def _valid_tag_name(cls, value: str) -> str:
        # git's rules for a tag name (git check-ref-format), checked before anything is
        # planned: git itself would refuse the tag only after the changelog was committed
        parts = f"{value}0.0.0".split("/")
        if (value.startswith("-") or ".." in value or "" in parts
                or any(p.startswith(".") or p.endswith(".lock") for p in parts)):
            raise ValueError(f"{value!r} makes no valid git tag name: no '..', '//', leading "
                             "'-' or '/', and no part starting with '.' or ending in '.lock'")
        return value

    @field_validator("changelog")
    @classmethod
    def _inside_repo(cls, value: str) -> str:
        path = PurePosixPath(value.replace("\\", "/"))
        if not value or path.is_absolute() or ".." in path.parts or str(path) in ("", "."):
            raise ValueError("must be a file path relative to the repository root, without '..'")
        return str(path)


release_tag = Automation(
    "release-tag",
    version="1.0.0",
    owner="platform",
    summary="Tag the next semantic version and prepend its changelog section",
    description=HELP,
    request=Request,
    effect="mutate",
    lock_scope=("repo",),
)


# -- git ------------------------------------------------------------------------------------------

class GitError(UsageError):
    """A git command failed in a way the operator has to fix (identity, hooks, permissions)."""


def _git_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update({"LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0",
                # keep `git status` from refreshing the index: planning writes nothing
                "GIT_OPTIONAL_LOCKS": "0"})
    return env


def _run_git(repo: Path, args: Sequence[str], *, check: bool = True) -> subprocess.CompletedProcess[str]:
    command = ["git", "-C", str(repo), *args]
    try:
        proc = subprocess.run(command, capture_output=True, text=True, env=_git_env(),
                              timeout=GIT_TIMEOUT_SECONDS, check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed (no `git` on PATH)") from None
    except subprocess.TimeoutExpired:
        raise DependencyTimeoutError(
            f"git {' '.join(args)} in {repo} did not finish in {GIT_TIMEOUT_SECONDS:.0f}s") from None
    if check and proc.returncode != 0:
        detail = [line.strip() for line in (proc.stderr.strip() or proc.stdout.strip()).splitlines()
                  if line.strip() and not line.startswith("hint:")]
        # the last lines: git's own "fatal:" comes after the "error:" that says why
        tail = "; ".join(detail[-3:]) if detail else "no output"
        raise GitError(f"git {' '.join(args)} failed in {repo} (exit {proc.returncode}): {tail}")
    return proc


def git_read(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """A read-only git command (allowed while planning)."""
    if args[0] not in _READ_ONLY_GIT or (args[0] == "tag" and "--list" not in args
                                          and "--points-at" not in args):
        raise AssertionError(f"git {args[0]} is not a read-only command")
    return _run_git(repo, args, check=check)


def git_write(ctx: Context, repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A git command that changes the repository: refused while planning."""
    if ctx.planning:
        raise MutationDuringPlanError(f"run git {args[0]} in {repo}")
    return _run_git(repo, args)


def repo_root(path: str) -> Path:
    """The top of the work tree that contains ``path``; UsageError if there is none."""
    if not os.path.isdir(path):
        raise UsageError(f"repo {path} is not a directory")
    proc = git_read(Path(path), "rev-parse", "--show-toplevel", check=False)
    if proc.returncode != 0:
        raise UsageError(f"repo {path} is not a git work tree")
    return Path(proc.stdout.strip())


def head_commit(repo: Path) -> str | None:
    proc = git_read(repo, "rev-parse", "-q", "--verify", "HEAD^{commit}", check=False)
    return proc.stdout.strip() if proc.returncode == 0 else None


def tag_commit(repo: Path, tag: str) -> str | None:
    proc = git_read(repo, "rev-parse", "-q", "--verify", f"refs/tags/{tag}^{{commit}}",
                    check=False)
    return proc.stdout.strip() if proc.returncode == 0 else None


def dirty_paths(repo: Path, *paths: str) -> list[str]:
    """Tracked paths with staged or unstaged changes (untracked files do not count)."""
    out = git_read(repo, "status", "--porcelain=v1", "-z", "--untracked-files=no", "--", *paths)
    entries = out.stdout.split("\0")
    result: list[str] = []
    index = 0
    while index < len(entries):
        entry = entries[index]
        index += 1
        if not entry:
            continue
        result.append(entry[3:])
        if entry[0] in "RC":  # renames and copies carry their source as the next entry
            index += 1
    return result


def is_untracked(repo: Path, path: str) -> bool:
    proc = git_read(repo, "status", "--porcelain=v1", "--untracked-files=all", "--", path)
    return proc.stdout.startswith("??")


# -- versions and commits ----------------------------------------------------------------------------

@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int
    patch: int

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    def bumped(self, part: str) -> Version:
        if part == "major":
            return Version(self.major + 1, 0, 0)
        if part == "minor":
            return Version(self.major, self.minor + 1, 0)
        return Version(self.major, self.minor, self.patch + 1)


def version_pattern(prefix: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(prefix)}(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")


def parse_version(tag: str, prefix: str) -> Version | None:
    match = version_pattern(prefix).match(tag)
    return Version(*(int(g) for g in match.groups())) if match else None


@dataclass(frozen=True)
class Commit:
    sha: str
    subject: str
    body: str

    @property
    def conventional(self) -> re.Match[str] | None:
        return _CONVENTIONAL.match(self.subject)

    @property
    def breaking(self) -> bool:
        match = self.conventional
        return bool(match and match["bang"]) or bool(_BREAKING_FOOTER.search(self.body))

    @property
    def kind(self) -> str:
        match = self.conventional
        return match["type"].lower() if match else ""

    def bump(self) -> str:
        if self.breaking:
            return "major"
        return "minor" if self.kind == "feat" else "patch"


def last_version_tag(repo: Path, prefix: str) -> tuple[str, Version] | None:
    """The highest version tag reachable from HEAD."""
    out = git_read(repo, "tag", "--list", "--merged", "HEAD").stdout.split()
    found = [(v, t) for t in out if (v := parse_version(t, prefix)) is not None]
    if not found:
        return None
    version, tag = max(found)
    return tag, version


def commits_since(repo: Path, tag: str | None, prefix: str) -> list[Commit]:
    """Non-merge commits in ``tag..HEAD``, newest first, without our own release commits."""
    revision = f"refs/tags/{tag}..HEAD" if tag else "HEAD"
    out = git_read(repo, "log", "--no-merges", "--format=%H%x1f%s%x1f%b%x1e", revision).stdout
    release = re.compile(
        rf"^{re.escape(RELEASE_MESSAGE.format(tag=prefix))}\d+\.\d+\.\d+$")
    commits = []
    for record in out.split("\x1e"):
        record = record.strip("\n")
        if not record:
            continue
        sha, subject, body = [*record.split("\x1f"), "", ""][:3]
        if not release.match(subject):
            commits.append(Commit(sha, subject, body))
    return commits


def bump_for(commits: Sequence[Commit], requested: Bump) -> str:
    if requested != "auto":
        return requested
    order = {"patch": 0, "minor": 1, "major": 2}
    return max((c.bump() for c in commits), key=order.__getitem__, default="patch")


# -- changelog ------------------------------------------------------------------------------------------

def heading_pattern(tag: str) -> re.Pattern[str]:
    return re.compile(rf"^## {re.escape(tag)}(?:\s|$)", re.MULTILINE)


def section_text(tag: str, date: str, commits: Sequence[Commit]) -> str:
    groups: dict[str, list[str]] = {"Breaking changes": [], "Features": [], "Fixes": [],
                                    "Other changes": []}
    for commit in commits:
        match = commit.conventional
        line = f"- {match['desc'] if match else commit.subject} ({commit.sha[:7]})"
        if commit.breaking:
            groups["Breaking changes"].append(line)
        elif commit.kind == "feat":
            groups["Features"].append(line)
        elif commit.kind == "fix":
            groups["Fixes"].append(line)
        else:
            groups["Other changes"].append(line)
    parts = [f"## {tag} ({date})\n"]
    for title, lines in groups.items():
        if lines:
            parts.append(f"\n### {title}\n\n" + "\n".join(lines) + "\n")
    return "".join(parts)


def with_section(existing: str, section: str) -> str:
    """``existing`` with ``section`` above its first ``## `` section.

    A leading ``# `` title and the text under it (an introduction) stay on top, and so does an
    ``## Unreleased`` section; a changelog with none of them gets the section first.
    """
    if not existing.strip():
        return f"# Changelog\n\n{section}"
    lines = existing.splitlines(keepends=True)
    headings = [i for i, line in enumerate(lines) if line.startswith("## ")]
    if headings and _UNRELEASED.match(lines[headings[0]]):
        headings = headings[1:] or [len(lines)]  # keepachangelog.com keeps it on top
    first = headings[0] if headings else None
    if first is None and not lines[0].startswith("# "):
        return f"{section}\n{existing}"
    head = "".join(lines[:first]).rstrip("\n")
    rest = "".join(lines[first:]) if first is not None else ""
    if not head:
        return f"{section}\n{rest}"
    return f"{head}\n\n{section}\n{rest}" if rest else f"{head}\n\n{section}"


def read_changelog(ctx: Context, path: Path) -> str:
    try:
        return ctx.files.read_text(path)
    except FileNotFoundError:
        return ""
    except IsADirectoryError:
        raise PlanRejectedError(f"changelog {path} is a directory; pass --changelog with a "
                                "file") from None
    except UnicodeDecodeError as exc:
        raise PlanRejectedError(f"changelog {path} is not UTF-8 text (byte {exc.start + 1}): "
                                "convert it to UTF-8 first") from None


def changelog_file(repo: Path, changelog: str) -> str:
    """The changelog's path relative to the repository, symlinks resolved: a release commits
    the file a ``CHANGELOG.md -> docs/changes.md`` link points to, not the unchanged link."""
    top = repo.resolve()
    real = (top / changelog).resolve()
    if not real.is_relative_to(top) or real == top:
        raise PlanRejectedError(f"{changelog} leads outside the repository (to {real}); pass "
                                "--changelog with a file inside it")
    return real.relative_to(top).as_posix()


def crlf_lines(ctx: Context, path: Path) -> bool:
    """Whether the file's lines end in CRLF (one written on Windows)."""
    try:
        with ctx.files.open(path, "rb") as file:
            return b"\r\n" in file.read()
    except FileNotFoundError:
        return False


# -- plan and apply -----------------------------------------------------------------------------------------

@release_tag.plan
def plan(ctx: Context, req: Request) -> Iterator[Action]:
    repo = repo_root(req.repo)
    head = head_commit(repo)
    if head is None:
        raise PlanRejectedError(f"repo {repo} has no commits to tag")
    if git_read(repo, "rev-parse", "--is-shallow-repository").stdout.strip() == "true":
        # its tags and history are cut off (a CI checkout's depth 1): the version would be wrong
        raise PlanRejectedError(f"repo {repo} is a shallow clone, without the tags and commits "
                                "a version is counted from: git fetch --unshallow --tags (or "
                                "check out with fetch-depth: 0)")

    relative = changelog_file(repo, req.changelog)
    changelog = repo / relative
    existing = read_changelog(ctx, changelog)

    tagged = [t for t in git_read(repo, "tag", "--list", "--points-at", "HEAD").stdout.split()
              if parse_version(t, req.prefix) is not None]
    if tagged:
        ctx.log.info("release.already_tagged", head=head, tags=tagged)
        return
    last = last_version_tag(repo, req.prefix)
    last_tag, last_version = last if last else (None, Version(0, 0, 0))
    commits = commits_since(repo, last_tag, req.prefix)
    if not commits:
        ctx.log.info("release.nothing_new", head=head, last_tag=last_tag)
        return

    bump = bump_for(commits, req.bump)
    version = last_version.bumped(bump)
    tag = f"{req.prefix}{version}"
    has_section = bool(heading_pattern(tag).search(existing))

    if git_read(repo, "check-ignore", "-q", "--", relative, check=False).returncode == 0:
        raise PlanRejectedError(f"{relative} is ignored by git (a .gitignore matches it), and a "
                                "release commits it: stop ignoring it, or pass --changelog")
    dirty = dirty_paths(repo)
    if has_section:  # our own interrupted release left the changelog written but uncommitted
        dirty = [p for p in dirty if p != relative]
    if dirty and not req.allow_dirty:
        shown = ", ".join(dirty[:5]) + (f" and {len(dirty) - 5} more" if len(dirty) > 5 else "")
        raise PlanRejectedError(f"repo {repo} has uncommitted changes ({shown}); commit or stash "
                                "them, or pass --allow-dirty")
    if relative in dirty and not has_section:
        raise PlanRejectedError(f"{relative} has uncommitted changes; a release commits it, "
                                "so commit or discard them first")
    existing_tag = tag_commit(repo, tag)
    if existing_tag is not None:
        raise PlanRejectedError(f"tag {tag} already exists on commit {existing_tag[:12]}, which is "
                                "not HEAD; choose --bump or fix the tags")

    previous = str(last_version) if last else None
    changelog_pending = (not has_section or relative in dirty_paths(repo, relative)
                         or is_untracked(repo, relative))
    depends: tuple[str, ...] = ()
    if changelog_pending:
        section = section_text(tag, ctx.now().date().isoformat(), commits)
        changelog_id = f"changelog:{tag}"
        depends = (changelog_id,)
        yield Action(
            id=changelog_id, kind="update", target=str(changelog),
            reason=f"{len(commits)} commit(s) since {last_tag or 'the first commit'}: {bump} bump",
            data={"section": section, "tag": tag, "base": head},
            before=previous, after=str(version),
        )
    yield Action(
        id=f"tag:{tag}", kind="create", target=f"{repo}@{tag}",
        reason=f"release {tag} ({bump} bump from {last_tag or 'no previous tag'})",
        data={"tag": tag, "commit": head, "message": f"Release {tag}"},
        before=last_tag, after=tag, depends_on=depends,
    )


def require_identity(repo: Path) -> None:
    """Commits and annotated tags need a committer; checked before the first change."""
    if git_read(repo, "var", "GIT_COMMITTER_IDENT", check=False).returncode != 0:
        raise UsageError(f"git has no committer identity for {repo}: set user.name and "
                         "user.email (git config) or GIT_COMMITTER_NAME/GIT_COMMITTER_EMAIL",
                         step="apply")


def _release_commit_on(repo: Path, base: str, tag: str) -> bool:
    """True if HEAD is our release commit made directly on ``base``."""
    proc = git_read(repo, "log", "-1", "--format=%P%x1f%s", "HEAD")
    parents, _, subject = proc.stdout.strip().partition("\x1f")
    return parents.split() == [base] and subject == RELEASE_MESSAGE.format(tag=tag)


@release_tag.apply
def apply(ctx: Context, req: Request, action: Action) -> Literal["applied", "unchanged"]:
    repo = repo_root(req.repo)
    require_identity(repo)  # a preview (--dry-run) works without one
    tag = str(action.data["tag"])
    head = head_commit(repo)
    if action.kind == "update":
        changelog = Path(action.target)
        relative = changelog.relative_to(repo).as_posix()
        base = str(action.data["base"])
        text = read_changelog(ctx, changelog)
        if heading_pattern(tag).search(text):
            if not (dirty_paths(repo, relative) or is_untracked(repo, relative)):
                return "unchanged"
        else:
            if head != base:
                raise PlanRejectedError(f"HEAD of {repo} moved since planning ({base[:12]} → "
                                        f"{(head or '?')[:12]}); re-plan", reason="stale",
                                        step="apply")
            ctx.files.mkdir(changelog.parent)
            updated = with_section(text, str(action.data["section"]))
            if crlf_lines(ctx, changelog):  # read as "\n" lines: written back as they were
                updated = updated.replace("\n", "\r\n")
            ctx.files.write_bytes(changelog, updated.encode("utf-8"))
        git_write(ctx, repo, "add", "--", relative)
        git_write(ctx, repo, "commit", "--quiet", "-m",
                  RELEASE_MESSAGE.format(tag=tag), "--", relative)
        ctx.log.info("release.changelog_committed", tag=tag, path=str(changelog))
        return "applied"

    base = str(action.data["commit"])
    current = tag_commit(repo, tag)
    if current is not None:
        if current == head:
            return "unchanged"
        raise PlanRejectedError(f"tag {tag} already exists on {current[:12]}, not on HEAD",
                                reason="stale", step="apply")
    if head is None or not (head == base or _release_commit_on(repo, base, tag)):
        raise PlanRejectedError(f"HEAD of {repo} moved since planning; re-plan", reason="stale",
                                step="apply")
    git_write(ctx, repo, "tag", "-a", tag, "-m", str(action.data["message"]), head)
    ctx.log.info("release.tagged", tag=tag, commit=head)
    return "applied"


@release_tag.verify
def verify(ctx: Context, req: Request, action: Action) -> bool:
    repo = repo_root(req.repo)
    tag = str(action.data["tag"])
    if action.kind == "update":
        # written is not done: a commit refused (a hook) leaves the section staged only
        changelog = Path(action.target)
        relative = changelog.relative_to(repo).as_posix()
        return (bool(heading_pattern(tag).search(read_changelog(ctx, changelog)))
                and not dirty_paths(repo, relative) and not is_untracked(repo, relative))
    return tag_commit(repo, tag) == head_commit(repo)
