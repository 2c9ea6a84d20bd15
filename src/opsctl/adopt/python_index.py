"""The one walk over a Python module's AST that every Python reader shares, so a script's tree is
traversed once: :func:`index_module` builds the :class:`ModuleIndex` (calls, assignments,
functions, classes, imports and aliases, by name and position); and the small readers of nodes
(:func:`dotted` names, :func:`position`, :func:`literal` values, :func:`const_str`,
:func:`keywords`); and :func:`parse`, which reports Python 2 sources and pathological nesting
as ValueError.
"""

from __future__ import annotations

import ast
import re
import sys
import warnings
from dataclasses import dataclass, field
from typing import Any

Position = tuple[int, int]
FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


TASK_DECORATORS = frozenset({"invoke.task", "invoke.tasks.task", "fabric.task", "fabric.tasks.task",
                             "fabric.api.task", "fabric.decorators.task"})
"""The decorators that make a function an invoke or Fabric task (run by ``inv TASK``)."""

@dataclass(slots=True)
class ModuleIndex:
    """The nodes of one module the scanners look at, each with its scope (the qualified name of
    the enclosing function or class, ``""`` at module level)."""

    tree: ast.Module
    aliases: dict[str, str] = field(default_factory=dict)
    """Local name -> dotted name it was imported as (``sp`` -> ``subprocess``)."""
    calls: list[tuple[ast.Call, str]] = field(default_factory=list)
    assigns: dict[tuple[str, str], list[tuple[Position, str, ast.expr]]] = field(default_factory=dict)
    """(scope, name) -> [(position, op, value)] with op ``=``, ``+=``, ``append`` or ``extend``."""
    tuple_assigns: list[tuple[ast.Assign, str]] = field(default_factory=list)
    functions: dict[str, FunctionNode] = field(default_factory=dict)
    classes: list[ast.ClassDef] = field(default_factory=list)
    subscripts: list[tuple[ast.Subscript, str]] = field(default_factory=list)
    compares: list[tuple[ast.Compare, str]] = field(default_factory=list)
    raises: list[tuple[ast.Raise, str]] = field(default_factory=list)
    returns: dict[str, list[ast.Return]] = field(default_factory=dict)
    loops: list[tuple[ast.For | ast.AsyncFor, str]] = field(default_factory=list)
    withitems: list[tuple[ast.withitem, str]] = field(default_factory=list)
    imports: list[ast.Import | ast.ImportFrom] = field(default_factory=list)
    scopes: dict[int, str] = field(default_factory=dict)
    """id(function node) -> its qualified name."""

    names: dict[int, str | None] = field(default_factory=dict)
    """canonical() by node id: the rules ask for the same call's name several times."""

    def canonical(self, node: ast.expr) -> str | None:
        """The dotted name of ``node`` with its first part resolved through the imports."""
        key = id(node)
        if key in self.names:
            return self.names[key]
        name = dotted(node)
        if name is not None:
            first, dot, rest = name.partition(".")
            target = self.aliases.get(first)
            if target:
                name = f"{target}{dot}{rest}"
        self.names[key] = name
        return name

    def qualname(self, function: FunctionNode) -> str:
        """The scope name of a function of this module (``Class.method``)."""
        return self.scopes[id(function)]

    def function(self, name: str, scope: str) -> FunctionNode | None:
        """A function of this file called as ``name`` from ``scope`` (nested, then module level)."""
        if scope and (found := self.functions.get(f"{scope}.{name}")):
            return found
        return self.functions.get(name)


def dotted(node: ast.expr) -> str | None:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def position(node: ast.AST) -> Position:
    return (getattr(node, "lineno", 0), getattr(node, "col_offset", 0))


_LEAF_FIELDS = {"ctx", "op", "ops", "type_comment", "kind", "name", "asname", "id", "attr", "arg",
                "module", "level", "conversion", "is_async", "simple", "value_kind", "lineno"}
_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


_DROP_IN = {"djclick": "click", "rich_click": "click", "asyncclick": "click"}
"""Modules that re-export click's API under their own name (django-click, rich-click,
asyncclick): ``import djclick as click`` declares options as click does."""


def _drop_in(name: str) -> str:
    first, dot, rest = name.partition(".")
    target = _DROP_IN.get(first)
    return f"{target}{dot}{rest}" if target else name


def index_module(tree: ast.Module) -> ModuleIndex:
    """One iterative walk over ``tree`` (no recursion, so deep nesting does not overflow). The
    children are read from each node type's fields directly (``ast.iter_child_nodes`` is a
    generator per node, and would also yield the ``Load``/``Add`` markers): a third of the time."""
    index = ModuleIndex(tree)
    child_fields = _CHILD_FIELDS
    aliases, calls, assigns = index.aliases, index.calls, index.assigns
    stack: list[tuple[ast.AST, str]] = [(node, "") for node in reversed(tree.body)]
    pop, push = stack.pop, stack.append
    call_t, assign_t, attribute_t, name_t = ast.Call, ast.Assign, ast.Attribute, ast.Name
    while stack:
        node, scope = pop()
        kind = type(node)
        inner = scope
        if kind is call_t:
            calls.append((node, scope))  # type: ignore[arg-type]
            func = node.func  # type: ignore[attr-defined]
            if (type(func) is attribute_t and func.attr in ("append", "extend")
                    and type(func.value) is name_t and node.args):  # type: ignore[attr-defined]
                assigns.setdefault((scope, func.value.id), []).append(
                    (position(node), func.attr, node.args[0]))  # type: ignore[attr-defined]
        elif kind is name_t or kind is ast.Constant or kind is attribute_t:
            if kind is attribute_t:
                push((node.value, scope))  # type: ignore[attr-defined]
            continue
        elif kind is assign_t:
            value = node.value  # type: ignore[attr-defined]
            for target in node.targets:  # type: ignore[attr-defined]
                name = dotted(target)
                if name is not None:
                    assigns.setdefault((scope, name), []).append((position(node), "=", value))
                elif isinstance(target, ast.Tuple | ast.List):
                    index.tuple_assigns.append((node, scope))  # type: ignore[arg-type]
        elif kind is ast.AnnAssign:
            name = dotted(node.target)  # type: ignore[attr-defined]
            if name is not None and node.value is not None:  # type: ignore[attr-defined]
                assigns.setdefault((scope, name), []).append(
                    (position(node), "=", node.value))  # type: ignore[attr-defined]
        elif kind is ast.AugAssign:
            if isinstance(node.op, ast.Add) and isinstance(node.target, ast.Name):  # type: ignore[attr-defined]
                assigns.setdefault((scope, node.target.id), []).append(  # type: ignore[attr-defined]
                    (position(node), "+=", node.value))  # type: ignore[attr-defined]
        elif kind is ast.FunctionDef or kind is ast.AsyncFunctionDef or kind is ast.ClassDef:
            inner = f"{scope}.{node.name}" if scope else node.name  # type: ignore[attr-defined]
            for decorator in node.decorator_list:  # type: ignore[attr-defined]
                push((decorator, scope))
            if kind is ast.ClassDef:
                index.classes.append(node)  # type: ignore[arg-type]
                for base in node.bases:  # type: ignore[attr-defined]
                    push((base, scope))
            else:
                index.functions[inner] = node  # type: ignore[assignment]
                index.scopes[id(node)] = inner
                for default in (*node.args.defaults, *node.args.kw_defaults):  # type: ignore[attr-defined]
                    if default is not None:
                        push((default, scope))
            for statement in reversed(node.body):  # type: ignore[attr-defined]
                push((statement, inner))
            continue
        elif kind is ast.Subscript:
            index.subscripts.append((node, scope))  # type: ignore[arg-type]
        elif kind is ast.Compare:
            index.compares.append((node, scope))  # type: ignore[arg-type]
        elif kind is ast.Raise:
            index.raises.append((node, scope))  # type: ignore[arg-type]
        elif kind is ast.Return:
            index.returns.setdefault(scope, []).append(node)  # type: ignore[arg-type]
        elif kind is ast.For or kind is ast.AsyncFor:
            index.loops.append((node, scope))  # type: ignore[arg-type]
        elif kind is ast.withitem:
            index.withitems.append((node, scope))  # type: ignore[arg-type]
        elif kind is ast.Import:
            index.imports.append(node)  # type: ignore[arg-type]
            for alias in node.names:  # type: ignore[attr-defined]
                if alias.asname:
                    aliases[alias.asname] = _drop_in(alias.name)
                else:
                    first = alias.name.partition(".")[0]
                    aliases[first] = _drop_in(first)
            continue
        elif kind is ast.ImportFrom:
            index.imports.append(node)  # type: ignore[arg-type]
            module = "." * node.level + (node.module or "")  # type: ignore[attr-defined]
            for alias in node.names:  # type: ignore[attr-defined]
                if alias.name != "*":
                    joined = f"{module}.{alias.name}" if module and not module.endswith(".") else module + alias.name
                    aliases[alias.asname or alias.name] = _drop_in(joined)
            continue
        fields = child_fields.get(kind)
        if fields is None:
            fields = child_fields[kind] = tuple(name for name in kind._fields if name not in _LEAF_FIELDS)
        for name in fields:
            value = getattr(node, name, None)
            if type(value) is list:
                for child in value:
                    if child is not None and type(child) is not str:
                        push((child, inner))
            elif value is not None and not isinstance(value, str | int | float | bytes | complex):
                push((value, inner))
    for entries in assigns.values():
        entries.sort(key=lambda entry: entry[0])
    for nodes in (calls, index.subscripts, index.compares, index.raises, index.loops, index.tuple_assigns):
        nodes.sort(key=lambda item: position(item[0]))  # the walk is depth-first, reports read in source order
    index.withitems.sort(key=lambda item: position(item[0].context_expr))
    return index


def literal(node: ast.expr | None) -> tuple[bool, Any]:
    if node is None:
        return False, None
    try:
        return True, ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False, None


def in_written_order(value: Any, node: ast.expr | None) -> list[Any]:
    """A literal collection as a list; a set (``choices={"all", "native"}``) in the order it is
    written, not its iteration order, which changes from one process to the next."""
    if not isinstance(value, set | frozenset):
        return list(value)
    if isinstance(node, ast.Set):
        written = [literal(element) for element in node.elts]
        if all(ok for ok, _ in written):
            return list(dict.fromkeys(item for _, item in written))
    return sorted(value, key=repr)


def literal_value(index: ModuleIndex, node: ast.expr | None) -> tuple[bool, Any]:
    """A literal, or a module constant assigned a literal once (``default=DEFAULT_REGION``)."""
    ok, value = literal(node)
    if ok or not isinstance(node, ast.Name):
        return ok, value
    entries = index.assigns.get(("", node.id), [])
    if len(entries) == 1 and entries[0][1] == "=":
        return literal(entries[0][2])
    return False, None


def const_str(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = [part.value for part in node.values
                 if isinstance(part, ast.Constant) and isinstance(part.value, str)]
        return "".join(parts)
    return None


def keywords(call: ast.Call) -> dict[str, ast.expr]:
    return {keyword.arg: keyword.value for keyword in call.keywords if keyword.arg}


# --- parsing ----------------------------------------------------------------------------------

def parse(source: str) -> ast.Module:
    """``ast.parse``, with Python 2 sources and pathological nesting reported as ValueError."""
    try:
        with warnings.catch_warnings():  # "\d" in a script's string: its problem, not a scan error or noise
            warnings.simplefilter("ignore")
            return ast.parse(source)
    except SyntaxError as error:
        fstring_error = (error.msg or "").startswith("f-string")
        if sys.version_info < (3, 12) and (fstring_error or _FSTRING.search(source)):
            # Python 2 has no f-strings: one this parser refuses is most likely 3.12's (PEP 701:
            # the string's own quotes inside its braces, ``f"{"\\n".join(lines)}"``). Read the
            # rest of the file with each f-string blanked (what runs inside one is not seen).
            # Some such strings fail in 3.11's tokenizer before its f-string check (the
            # backslash of ``"\\n"`` read as a line continuation): any error of a file with an
            # f-string is tried so, and stays the error when blanking does not help.
            blanked = _fstrings_blanked(source)
            if blanked is not None:
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        tree = ast.parse(blanked)
                except SyntaxError:
                    pass
                else:
                    tree.opsctl_fstrings_blanked = error.lineno  # type: ignore[attr-defined]
                    return tree
        if fstring_error and sys.version_info < (3, 12):
            raise ValueError(f"an f-string this Python ({sys.version_info[0]}.{sys.version_info[1]}) "
                             f"cannot parse at line {error.lineno}, most likely written for Python "
                             "3.12 or newer: scan it with Python 3.12 or newer") from None
        reason = python2_reason(source, error)
        if reason:
            raise ValueError(f"Python 2 syntax ({reason}); run it through 2to3 or pyupgrade first") from None
        raise
    except (RecursionError, MemoryError):
        raise ValueError("nested too deeply to parse (RecursionError)") from None


_FSTRING = re.compile(r"""(?<![\w])(?:[fF][rR]?|[rR][fF])['"]""")
_STRING_START = re.compile(r"""([rRbBuUfF]{0,2})('\'\'|\"\"\"|'|")""")


def _fstrings_blanked(source: str) -> str | None:
    """``source`` with every f-string replaced by an empty string on as many lines (line
    numbers kept), read as Python 3.12 reads them (PEP 701: quotes of any kind, the string's
    own included, inside the braces); None when a string does not end.

    Written here because Python 3.11's own tokenizer stops at such a string; ``tokenize`` is
    that tokenizer."""
    out: list[str] = []
    at, size = 0, len(source)
    while at < size:
        char = source[at]
        if char == "#":
            end = source.find("\n", at)
            end = size if end < 0 else end
            out.append(source[at:end])
            at = end
            continue
        start = _STRING_START.match(source, at) if char in "rRbBuUfF'\"" else None
        if start is None or (at and (source[at - 1].isalnum() or source[at - 1] == "_")) or (
                not start.group(2)):
            out.append(char)
            at += 1
            continue
        prefix = start.group(1).lower()
        closing = _string_end(source, start.end(), start.group(2), "f" in prefix, "r" in prefix)
        if closing is None:
            return None
        text, end = source[at:closing], closing
        if "f" in prefix:
            lines = text.count("\n")
            out.append('"""' + "\n" * lines + '"""' if lines else '""')
        else:
            out.append(text)
        at = end
    return "".join(out)


def _string_end(source: str, at: int, quote: str, formatted: bool, raw: bool) -> int | None:
    """Where the string whose body starts at ``at`` ends (after its closing ``quote``)."""
    size, depth = len(source), 0
    while at < size:
        if depth == 0:
            if source.startswith(quote, at):
                return at + len(quote)
            char = source[at]
            if char == "\\" and not raw:
                at += 2
                continue
            if char == "\n" and len(quote) == 1:
                return None
            if formatted and char == "{":
                if source.startswith("{{", at):
                    at += 2
                    continue
                depth = 1
            at += 1
            continue
        char = source[at]  # inside the braces: an expression, with strings of its own
        if char == "\\":  # (an escaped quote, ``[\\"a\\"]``: not the start of a string)
            at += 2
            continue
        start = _STRING_START.match(source, at) if char in "rRbBuUfF'\"" else None
        if start is not None and start.group(2) and not (source[at - 1].isalnum() or source[at - 1] == "_"):
            end = _string_end(source, start.end(), start.group(2), "f" in start.group(1).lower(),
                              "r" in start.group(1).lower())
            if end is None:
                return None
            at = end
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        at += 1
    return None


# --- Python 2 ----------------------------------------------------------------------------------

_PY2_LINE_RULES = (
    # (``print x``, ``print "x"``, ``print >>f, x``, a bare ``print``; not ``print_colored(x)``)
    ("print statement", re.compile(r"^\s*print(?:\s*>>|\s+[\"'\w`]|[\"']|\s*$)")),
    ("exec statement", re.compile(r"^\s*exec\s+[\"'\w]")),
    ("'except X, e'", re.compile(r"^\s*except\s+[\w.]+\s*,\s*\w+\s*:")),
    ("'raise E, message'", re.compile(r"^\s*raise\s+[\w.]+\s*,")),
    ("backticks", re.compile(r"`[^`\n]+`")),
    ("'<>' operator", re.compile(r"<>")),
    ("octal literal without 0o", re.compile(r"(?<![\w.])0[0-7]+\b")),
    ("long integer literal", re.compile(r"(?<![\w.])\d+[lL]\b")),
    ("ur'' string prefix", re.compile(r"(?<![\w])[uU][rR]['\"]")),
)
_PY2_MESSAGES = (
    ("Missing parentheses in call to 'print'", "print statement"),
    ("Missing parentheses in call to 'exec'", "exec statement"),
    ("multiple exception types must be parenthesized", "'except X, e'"),
    ("leading zeros in decimal integer literals", "octal literal without 0o"),
)


def python2_reason(source: str, error: SyntaxError) -> str | None:
    """What in ``source`` is Python 2 (``print statement at line 12``), or None."""
    line = error.lineno or 0
    for message, reason in _PY2_MESSAGES:
        if message in (error.msg or ""):
            return f"{reason} at line {line}"
    lines = source.splitlines()
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    for reason, pattern in _PY2_LINE_RULES:
        if pattern.search(text):
            return f"{reason} at line {line}"
    for number, text in enumerate(lines, 1):  # the parser stopped elsewhere: the strongest signs
        for reason, pattern in _PY2_LINE_RULES[:3]:
            if pattern.search(text) and not text.lstrip().startswith("#"):
                return f"{reason} at line {number}"
    return None
