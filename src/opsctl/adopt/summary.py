"""A script's one-line summary from its leading comments: past the shebang, editor and linter
lines, and a licence header (a block of comment lines from its first licence words to its
last, ``limitations under the License.``, or to an empty comment line)."""

from __future__ import annotations

import re
from collections.abc import Iterable

_LICENSE = re.compile(r"(?i)copyright|licen[cs]e|spdx|all rights reserved|warrant|\(c\)|"
                      r"you may not use|distributed under|permissions and limitations|"
                      r"apache software foundation|apache2\.0|\bgnu (?:general|lesser|affero)|"
                      r"unless required by applicable law|you may obtain a copy|"
                      r"permission is hereby granted|above copyright notice|free software|"
                      r"as published by|merchantability|fitness for a particular purpose|"
                      r"you should have received")
_LICENSE_END = re.compile(r"(?i)limitations under the licen[cs]e|along with this program|"
                          r"in the software\.?$|spdx-license-identifier")
_DESCRIPTION_PREFIX = re.compile(r"(?i)^(?:description|desc|summary|purpose|synopsis)\s*:\s*")
_SHELL_SETTING = re.compile(r"set\s+[-+]")


def docstring_summary(docstring: str, skip: re.Pattern[str]) -> str | None:
    """The first line of a docstring that is not licence text (a module docstring that is only
    a licence header has none)."""
    return comment_summary((f"# {line}" for line in docstring.splitlines()), skip)


def comment_summary(lines: Iterable[str], skip: re.Pattern[str]) -> str | None:
    """The first leading comment line that is not licence text nor matched by ``skip`` (a
    ``Description:``-like prefix removed, at most 200 characters); None when code comes first.
    A shell option line (``set -euo pipefail``) among the comments is passed over."""
    in_license = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if index == 0 and stripped.startswith("#!"):
            continue
        if not stripped or _SHELL_SETTING.match(stripped):
            in_license = False
            continue
        if not stripped.startswith("#"):
            return None
        comment = stripped.lstrip("#").strip()
        if not comment:
            in_license = False
            continue
        if in_license or _LICENSE.search(comment):
            in_license = not _LICENSE_END.search(comment)
            continue
        if skip.search(comment):
            continue
        return _DESCRIPTION_PREFIX.sub("", comment)[:200] or None
    return None
