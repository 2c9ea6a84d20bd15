"""The runnable examples of the documentation, read from its Markdown pages.

Conventions (docs/contributing-to-docs is not a page; this docstring is the rule):

* A fenced block with a ``title="PATH"`` attribute is a file of its page's example project,
  e.g. ````` ```python title="rotate_keys.py" ````` or ````` ```toml title="opsctl.toml" `````.
  A later block with the same title replaces the earlier one (a guide may show a file grow).
* In a ``sh`` block, a line whose comment is ``# exit N`` is a command of the page's example:
  the tests run those lines in order, with bash, in the project made of the page's files, and
  check each exits N. When the comment goes on with ``"status": "S"``, the command's result
  document (``--format json``) must have that status. Lines without the comment are
  illustrations and are not run.

The mkdocs hook uses the same reader to build the CLI reference of a real example automation,
and tests/docs runs every example, so a page cannot show code that does not work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

DOCS_DIR = Path(__file__).resolve().parents[1]

_FENCE = re.compile(r"^```(?P<lang>[\w+-]*)(?P<attrs>[^\n]*)\n(?P<body>.*?)^```[ \t]*$",
                    re.S | re.M)
_TITLE = re.compile(r'title="(?P<title>[^"]+)"')
_EXIT = re.compile(r"\s+# exit (?P<code>\d+)\b(?P<rest>.*)$")
_STATUS = re.compile(r'"status": "(?P<status>\w+)"')


@dataclass
class Command:
    line: str
    """The shell line as shown, its ``# exit N`` comment removed."""
    exit_code: int
    status: str | None = None
    """The result document's status the comment claims, if it claims one."""


@dataclass
class PageExamples:
    page: Path
    files: dict[str, str] = field(default_factory=dict)
    commands: list[Command] = field(default_factory=list)


def read_examples(page: Path) -> PageExamples:
    """The example project (files) and checked commands of one Markdown page."""
    found = PageExamples(page)
    for block in _FENCE.finditer(page.read_text(encoding="utf-8")):
        title = _TITLE.search(block.group("attrs"))
        if title is not None:
            found.files[title.group("title")] = block.group("body")
        elif block.group("lang") in ("sh", "bash", "shell"):
            for line in block.group("body").splitlines():
                marked = _EXIT.search(line)
                if marked is not None:
                    status = _STATUS.search(marked.group("rest"))
                    found.commands.append(Command(line[:marked.start()].rstrip(),
                                                  int(marked.group("code")),
                                                  status.group("status") if status else None))
    return found


def pages_with_examples(docs_dir: Path = DOCS_DIR) -> list[PageExamples]:
    """Every page that has example files or checked commands, in path order."""
    pages = [read_examples(page) for page in sorted(docs_dir.rglob("*.md"))]
    return [p for p in pages if p.files or p.commands]


def write_project(examples: PageExamples, root: Path) -> None:
    """Write the page's files under ``root`` (directories created as needed)."""
    for name, text in examples.files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
