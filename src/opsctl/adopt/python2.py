"""Python 2 sources read as Python 3, for the scan only: the statements Python 3 no longer parses
rewritten in place, each on its own line, so that every line number stays the one of the file.

Legacy ops folders are full of Python 2 scripts, and an inventory that only says "Python 2
syntax" for them says nothing of what they delete. ``lib2to3`` would do this, but it is
deprecated and gone from Python 3.13, and it rewrites far more than the parser needs; this is
the few token edits that make such a file parse: ``print x`` and ``exec code`` (statements
become calls), ``except X, e``, ``raise E, message``, backticks, ``<>``, ``0755``, ``10L``,
``ur''`` and tab-indented blocks. What it produces is never run or written anywhere.
"""

from __future__ import annotations

import ast
import io
import tokenize
import warnings

_STATEMENT_START = frozenset({tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT,
                              tokenize.ENCODING})
_SKIPPED = frozenset({tokenize.COMMENT, tokenize.NL})


def convert(source: str) -> str | None:
    """``source`` with its Python 2 statements rewritten, when the result parses; else None."""
    lines = source.splitlines(keepends=True)
    lines = [_expand_indent(line) for line in lines]
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO("".join(lines)).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None
    edits: list[tuple[int, int, int, str]] = []  # (line, start col, end col, replacement)
    significant = [t for t in tokens if t.type not in _SKIPPED
                   and not (t.type == tokenize.ERRORTOKEN and t.string.isspace())]
    # a statement ends before the comment on its last line (``print x,  # note``)
    for k, token in enumerate(tokens[1:], 1):
        if token.type == tokenize.NEWLINE and tokens[k - 1].type == tokenize.COMMENT:
            significant[significant.index(token)] = token._replace(start=tokens[k - 1].start)
    for k, token in enumerate(significant):
        before = significant[k - 1] if k else None
        after = significant[k + 1] if k + 1 < len(significant) else None
        at_start = before is None or before.type in _STATEMENT_START or before.string in (";", ":")
        if token.type == tokenize.NAME and token.string in ("print", "exec") and at_start and (
                after is not None and after.string != "(" and after.string != "="
                and not (after.type == tokenize.OP and after.string in (".", "[", ",", ")"))):
            _statement_to_call(significant, k, edits)
        elif token.type == tokenize.NAME and token.string == "except" and at_start:
            comma = _top_level_comma(significant, k + 1, stop=":")
            if comma is not None:
                row, col = comma.start
                at = significant.index(comma) + 1
                close = next((t for t in significant[at:] if t.string == ")"), None) \
                    if at < len(significant) and significant[at].string == "(" else None
                if close is not None and close.start[0] == row:
                    # ``except OSError, (n, s):`` unpacked the exception: one name here (Python 3
                    # names only the exception), on the same line
                    edits.append((row, col, close.end[1], " as _error"))
                else:
                    edits.append((row, col, comma.end[1], " as"))
        elif token.type == tokenize.NAME and token.string == "raise" and at_start:
            comma = _top_level_comma(significant, k + 1, stop=None)
            end = _statement_end(significant, k + 1)
            if comma is not None and end is not None:
                edits.append((comma.start[0], comma.start[1], comma.end[1], "("))
                edits.append((end[0], end[1], end[1], ")"))
        elif token.type == tokenize.ERRORTOKEN and token.string == "`":
            edits.append((token.start[0], token.start[1], token.end[1], "repr(" if _opens(significant, k) else ")"))
        elif token.type == tokenize.OP and token.string == "<" and after is not None and after.string == ">" \
                and after.start == token.end:
            edits.append((token.start[0], token.start[1], after.end[1], "!="))
        elif token.type == tokenize.NUMBER and token.string == "0" and after is not None \
                and after.type == tokenize.NUMBER and after.start == token.end and after.string.isdigit():
            edits.append((token.start[0], token.start[1], token.end[1], "0o"))  # ``0755``
        elif token.type == tokenize.NAME and token.string in ("L", "l") and before is not None \
                and before.type == tokenize.NUMBER and before.end == token.start:
            edits.append((token.start[0], token.start[1], token.end[1], ""))  # ``10L``
        elif token.type == tokenize.NAME and token.string.lower() == "ur" and after is not None \
                and after.type == tokenize.STRING and after.start == token.end:
            edits.append((token.start[0], token.start[1], token.end[1], "r"))  # ``ur'x'``
    if not edits:
        return None
    for row, first, last, text in sorted(edits, key=lambda e: (e[0], e[1], e[2]), reverse=True):
        line = lines[row - 1]
        lines[row - 1] = line[:first] + text + line[last:]
    converted = "".join(lines)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(converted)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return converted


def _expand_indent(line: str) -> str:
    """Tabs in a line's indentation as Python 2 read them (to the next multiple of 8): Python
    3 refuses a block indented with a mix."""
    stripped = line.lstrip(" \t")
    indent = line[:len(line) - len(stripped)]
    return indent.expandtabs(8) + stripped if "\t" in indent else line


def _statement_to_call(tokens: list[tokenize.TokenInfo], k: int,
                       edits: list[tuple[int, int, int, str]]) -> None:
    """``print x, y`` -> ``print(x, y)``; ``print >>f, x`` -> ``print(f, x)`` (the stream as an
    argument: the scan reads, it does not print); ``print`` alone -> ``print()``."""
    name = tokens[k]
    end = _statement_end(tokens, k + 1)
    if end is None:
        return
    if end == name.end:  # ``print`` alone
        edits.append((end[0], end[1], end[1], "()"))
        return
    edits.append((name.end[0], name.end[1], name.end[1], "("))
    following = tokens[k + 1]
    if following.string == ">>":
        edits.append((following.start[0], following.start[1], following.end[1], ""))
    edits.append((end[0], end[1], end[1], ")"))


def _statement_end(tokens: list[tokenize.TokenInfo], k: int) -> tuple[int, int] | None:
    """Where the statement the tokens from ``k`` belong to ends: before its NEWLINE, its ``;``
    or the end of the file, outside brackets."""
    depth = 0
    for token in tokens[k:]:
        if token.type == tokenize.OP and token.string in "([{":
            depth += 1
        elif token.type == tokenize.OP and token.string in ")]}":
            depth -= 1
        elif depth <= 0 and (token.type in (tokenize.NEWLINE, tokenize.ENDMARKER)
                             or (token.type == tokenize.OP and token.string == ";")):
            return token.start
    return None


def _top_level_comma(tokens: list[tokenize.TokenInfo], k: int,
                     stop: str | None) -> tokenize.TokenInfo | None:
    """The first ``,`` outside brackets from ``k`` on, before ``stop`` (an operator) or the end
    of the statement."""
    depth = 0
    for token in tokens[k:]:
        if token.type in (tokenize.NEWLINE, tokenize.ENDMARKER):
            return None
        if token.type != tokenize.OP:
            continue
        if token.string in "([{":
            depth += 1
        elif token.string in ")]}":
            depth -= 1
        elif depth == 0 and stop is not None and token.string == stop:
            return None
        elif depth == 0 and token.string == ",":
            return token
    return None


def _opens(tokens: list[tokenize.TokenInfo], k: int) -> bool:
    """Whether the backtick at ``k`` opens a pair (an even number of them before it on its line)."""
    row = tokens[k].start[0]
    return sum(1 for token in tokens[:k] if token.string == "`" and token.start[0] == row) % 2 == 0
