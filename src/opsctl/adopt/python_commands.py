"""Command lines of a Python script resolved statically: :class:`Resolver` gives the value of an
expression at one place of a module (literals, f-strings, ``%``/``format``, joins, ``shlex.split``,
variables built up in the same function, helpers' single return); :class:`CommandParameter` and
:func:`command_at_site` resolve a wrapper's command at each of its call sites;
:func:`classify_command` hands a resolved line to :mod:`opsctl.adopt.commands`; and
:func:`sanitize_call` is the ``call`` text of an effect without secrets.
"""

from __future__ import annotations

import ast
import re
import shlex
from dataclasses import dataclass

from opsctl.adopt import commands
from opsctl.adopt.command_args import is_dry_run
from opsctl.adopt.model import Confidence, Effect
from opsctl.adopt.python_index import (
    ModuleIndex,
    Position,
    keywords,
    position,
)

# --- resolving strings and command lines -------------------------------------------------------

@dataclass(slots=True)
class Scope:
    """Where an expression is: the module's index, the enclosing function, the position."""

    index: ModuleIndex
    name: str
    position: Position


def resolve_command(node: ast.expr, scope: Scope) -> list[str] | str | None:
    """The command line ``node`` stands for: a list of words, a shell string, or None. Words the
    scanner cannot know are ``$name`` (a variable) or ``<expr>``."""
    return Resolver(scope.index, scope.name, scope.position).command(node)


_FORMAT_FIELD = re.compile(r"\{[^{}]*\}")
_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifrx]")


def _echoed(value: ast.expr, name: str) -> ast.Name | None:
    """The variable ``name`` in ``["echo", *name]`` or ``["echo"] + name``, a command line made a
    preview of itself; None for any other value."""
    def echo(node: ast.expr) -> bool:
        return isinstance(node, ast.Constant) and node.value in ("echo", "/bin/echo")

    if isinstance(value, ast.List | ast.Tuple) and len(value.elts) > 1 and echo(value.elts[0]):
        rest = value.elts[1:]
        if len(rest) == 1 and isinstance(rest[0], ast.Starred) and isinstance(rest[0].value, ast.Name) \
                and rest[0].value.id == name:
            return rest[0].value
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add) and isinstance(value.left, ast.List | ast.Tuple) \
            and len(value.left.elts) == 1 and echo(value.left.elts[0]) and isinstance(value.right, ast.Name) \
            and value.right.id == name:
        return value.right
    return None


class Resolver:
    """Static values of expressions at one place of a module: literals, variables assigned in the
    same function (the nearest assignment before, plus ``+=``/``append``/``extend``) or at module
    level, and the single return of the file's own helper functions. ``indirect`` is set when a
    value came through a variable or a helper (medium confidence)."""

    def __init__(self, index: ModuleIndex, scope: str, at: Position) -> None:
        self.index = index
        self.scope = scope
        self.at = at
        self.indirect = False
        self.depth = 0

    def _assignment(self, name: str) -> tuple[ast.expr, list[tuple[str, ast.expr]], str] | None:
        scope = self.scope
        while True:
            entries = self.index.assigns.get((scope, name))
            if entries:
                limit = self.at if scope == self.scope else (10**9, 0)
                before = [entry for entry in entries if entry[0] < limit]
                starts = [number for number, entry in enumerate(before) if entry[1] == "="]
                if starts:
                    start = starts[-1]
                    return (before[start][2], [(op, value) for _pos, op, value in before[start + 1:]], scope)
            if self._is_parameter(name, scope) or not scope:
                return None
            scope = scope.rpartition(".")[0]

    def _is_parameter(self, name: str, scope: str) -> bool:
        function = self.index.functions.get(scope)
        if function is None:
            return False
        args = function.args
        return any(arg.arg == name for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs))

    def _within(self, scope: str, value: ast.expr) -> Resolver:
        inner = Resolver(self.index, scope, position(value) if scope != self.scope else self.at)
        inner.depth = self.depth + 1
        return inner

    def value_of(self, node: ast.Name) -> ast.expr | None:
        found = self._assignment(node.id)
        if found is None or found[1]:
            return None
        return found[0]

    def constant(self, node: ast.expr) -> str | None:
        if isinstance(node, ast.Constant):
            return node.value if isinstance(node.value, str) else None
        if isinstance(node, ast.Name) and self.depth < 6:
            value = self.value_of(node)
            if value is not None:
                return self._within(self.scope, value).constant(value)
        return None

    def command(self, node: ast.expr) -> list[str] | str | None:
        words = self.words(node)
        if words is not None:
            return words
        return self.text(node, holes=False)

    def words(self, node: ast.expr) -> list[str] | None:
        if self.depth > 8:
            return None
        if isinstance(node, ast.List | ast.Tuple):
            words: list[str] = []
            for element in node.elts:
                if isinstance(element, ast.Starred):
                    words.extend(self.words(element.value) or [self.word(element.value)])
                else:
                    words.append(self.word(element))
            return words
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self.words(node.left), self.words(node.right)
            if left is None and right is None:
                return None
            return (left or [self.word(node.left)]) + (right or [self.word(node.right)])
        if isinstance(node, ast.Name):
            found = self._assignment(node.id)
            if found is None:
                return None
            value, changes, scope = found
            inner = self._within(scope, value)
            # ``if dry_run: cmd = ["echo", *cmd]``: the command printed instead of run is its
            # preview; what the script runs otherwise is the command before it
            echoed = _echoed(value, node.id)
            if echoed is not None:  # (its value before this assignment)
                inner.at = next(at for at, _op, assigned in self.index.assigns[(scope, node.id)] if assigned is value)
            words_ = inner.words(echoed or value)
            if words_ is None:
                return None
            for op, change in changes:
                added = [inner.word(change)] if op == "append" else inner.words(change) or [inner.word(change)]
                # ``if options.dry_run: command.append("--dry-run")``: the preview is the
                # exception; what the script runs as normally invoked is the command without it
                words_.extend(word for word in added if not is_dry_run("", [word]))
            self.indirect = True
            return words_
        if isinstance(node, ast.Call):
            name = self.index.canonical(node.func) or ""
            if name == "shlex.split" and node.args:
                text = self.text(node.args[0])
                if text is not None:
                    return split_command(text)
            if isinstance(node.func, ast.Attribute) and node.func.attr == "split" and not node.args:
                text = self.text(node.func.value)
                if text is not None:
                    return text.split()
            if name in ("list", "tuple") and node.args:
                return self.words(node.args[0])
            helper = self._helper_return(node)
            if helper is not None:
                value, scope = helper
                words_ = self._within(scope, value).words(value)
                if words_ is not None:
                    self.indirect = True
                return words_
        return None

    def _helper_return(self, call: ast.Call) -> tuple[ast.expr, str] | None:
        if not isinstance(call.func, ast.Name):
            return None
        helper = self.index.function(call.func.id, self.scope)
        if helper is None:
            return None
        qualname = self.index.qualname(helper)
        returns = [ret.value for ret in self.index.returns.get(qualname, []) if ret.value is not None]
        return (returns[0], qualname) if len(returns) == 1 else None

    def word(self, node: ast.expr) -> str:
        if isinstance(node, ast.Constant) and isinstance(node.value, str | int | float):
            return str(node.value)
        text = self.text(node)
        if text is not None:
            return text
        if isinstance(node, ast.Name):
            return f"${node.id}"
        return "<expr>"

    def text(self, node: ast.expr, holes: bool = True) -> str | None:
        """The string ``node`` evaluates to, with unknown parts as ``$name``/``<expr>``; None when
        nothing of it is literal."""
        if self.depth > 8:
            return None
        if isinstance(node, ast.Constant):
            return node.value if isinstance(node.value, str) else None
        if isinstance(node, ast.JoinedStr):
            parts = []
            for part in node.values:
                if isinstance(part, ast.FormattedValue):
                    parts.append(self.word(part.value))
                elif isinstance(part, ast.Constant):
                    parts.append(str(part.value))
            return "".join(parts)
        if isinstance(node, ast.BinOp):
            if isinstance(node.op, ast.Add):
                left, right = self.text(node.left), self.text(node.right)
                if left is None and right is None:
                    return None
                return (left if left is not None else self.word(node.left)) + (
                    right if right is not None else self.word(node.right))
            if isinstance(node.op, ast.Mod):
                template = self.text(node.left)
                if template is None:
                    return None
                values = [self.word(e) for e in node.right.elts] if isinstance(node.right, ast.Tuple) else [
                    self.word(node.right)]
                filler = iter(values)
                return _PERCENT_FIELD.sub(lambda _m: next(filler, "<expr>"), template)
        if isinstance(node, ast.Name):
            found = self._assignment(node.id)
            if found is None or any(op != "+=" for op, _change in found[1]):
                return None
            value, changes, scope = found
            inner = self._within(scope, value)
            text = inner.text(value)
            if text is not None:
                self.indirect = True
                # ``command = "find /var/cache -type f "`` then ``command += "-delete"``: the string
                # built up (an added ``--dry-run``, the exception, left out as for a list)
                for _op, change in changes:
                    added = inner.text(change)
                    if added is None:
                        added = inner.word(change)
                    if not is_dry_run("", added.split()):
                        text += added
            return text
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "join" and node.args:
                separator = self.text(node.func.value)
                words = self.words(node.args[0])
                if separator is not None and words is not None:
                    return separator.join(words)
            if node.func.attr == "format":
                template = self.text(node.func.value)
                if template is not None:
                    filler = iter([self.word(arg) for arg in node.args])
                    named = {k.arg: self.word(k.value) for k in node.keywords if k.arg}

                    def fill(match: re.Match[str]) -> str:
                        key = match.group(0)[1:-1].partition(":")[0].partition("!")[0]
                        return named.get(key) or next(filler, "<expr>")

                    return _FORMAT_FIELD.sub(fill, template)
        return None


def split_command(text: str) -> list[str]:
    try:
        return shlex.split(text)
    except ValueError:
        return text.split()


_LONG_STRING = re.compile(r"""(?P<q>'|")(?:\\.|(?!(?P=q)).)*(?P=q)""")
SECRET_VALUE = re.compile(r"(?i)password|passwd|secret|token|api[_-]?key|bearer|authorization|"
                          r"^[A-Za-z0-9+/_\-]{24,}={0,2}$")
_SECRET_KEYWORD = re.compile(
    r"""(?i)\b(\w*(?:password|passwd|secret|token|api_?key|auth)\w*)=(?P<q>'|")(?:\\.|(?!(?P=q)).)*(?P=q)""")
# the same names as keys of a literal mapping: data={'password': '...'}, json={"api_key": ...}
_SECRET_ENTRY = re.compile(
    r"""(?i)(?P<k>(?P<kq>'|")\w*(?:password|passwd|secret|token|api_?key|auth)\w*(?P=kq)\s*:\s*)"""
    r"""(?P<q>'|")(?:\\.|(?!(?P=q)).)*(?P=q)""")
# the password of an HTTP auth pair: auth=('admin', '...')
_AUTH_PAIR = re.compile(
    r"""(?P<u>\bauth=[(\[]\s*(?P<uq>'|")(?:\\.|(?!(?P=uq)).)*(?P=uq)\s*,\s*)"""
    r"""(?P<q>'|")(?:\\.|(?!(?P=q)).)*(?P=q)""")


_URL_CREDENTIAL = re.compile(r"://[^/\s:@]+:[^/\s@]+@")
_LITERAL_SHOWN = 80
"""Characters of a long string literal kept in a ``call``: enough to read an SQL statement by."""


def sanitize_call(text: str, limit: int = 120) -> str:
    """``call`` text without secrets: string literals that look like a credential (or a URL with
    one) become ``'…'``, so do ``password=...`` keyword values; other literals longer than 80
    characters are shortened to their first 79 and ``…`` (an SQL statement stays readable);
    cut to ``limit`` characters."""
    def literal_(match: re.Match[str]) -> str:
        quote, body = match.group("q"), match.group(0)[1:-1]
        if _URL_CREDENTIAL.search(body) or (
                SECRET_VALUE.search(body) and (len(body) >= 16 or "=" in body or ":" in body)):
            return f"{quote}…{quote}"
        if len(body) > _LITERAL_SHOWN:
            return f"{quote}{body[:_LITERAL_SHOWN - 1].rstrip(chr(92))}…{quote}"
        return match.group(0)

    text = _SECRET_KEYWORD.sub(lambda m: f"{m.group(1)}={m.group('q')}…{m.group('q')}", _LONG_STRING.sub(literal_, " ".join(text.split())))
    text = _SECRET_ENTRY.sub(lambda m: f"{m.group('k')}{m.group('q')}…{m.group('q')}", text)
    text = _AUTH_PAIR.sub(lambda m: f"{m.group('u')}{m.group('q')}…{m.group('q')}", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def node_text(node: ast.AST) -> str:
    try:
        return sanitize_call(ast.unparse(node))
    except (RecursionError, ValueError):
        return "<expr>"


@dataclass(frozen=True, slots=True)
class CommandParameter:
    """A function of the file that runs the command it is given: which parameter carries it."""

    name: str
    index: int
    """Among the positional parameters, ``self`` not counted."""
    vararg: bool = False
    method: bool = False
    as_text: bool = True
    """The command is a shell string (``shell=True``, ``os.system``, ``shlex.split(cmd)``)."""
    prefix: tuple[str, ...] = ()
    """Words the function puts before what it is handed (``cmd = ["git"] + list(args)``)."""


def command_parameter(index: ModuleIndex, node: ast.expr, scope: str, as_text: bool) -> CommandParameter | None:
    """The parameter of the function at ``scope`` that ``node`` (``cmd``, ``shlex.split(cmd)``,
    ``cmd.split()``, ``cmd.split(" ")``, ``args`` of ``*args``, ``[cmd]`` of ``run([cmd],
    shell=True)``) passes on as the command, if it is one."""
    if isinstance(node, ast.List | ast.Tuple) and len(node.elts) == 1 and not isinstance(node.elts[0], ast.Starred):
        node = node.elts[0]
    if isinstance(node, ast.Call):
        if index.canonical(node.func) == "shlex.split" and node.args:
            node, as_text = node.args[0], True
        elif isinstance(node.func, ast.Attribute) and node.func.attr == "split" and (not node.args or (
                len(node.args) == 1 and isinstance(node.args[0], ast.Constant) and node.args[0].value == " ")):
            node, as_text = node.func.value, True
    function = index.functions.get(scope)
    if not isinstance(node, ast.Name) or function is None:
        return None
    params = [arg.arg for arg in (*function.args.posonlyargs, *function.args.args)]
    method = bool(params) and params[0] in ("self", "cls") and "." in scope
    offset = 1 if method else 0
    if function.args.vararg is not None and function.args.vararg.arg == node.id:
        return CommandParameter(node.id, len(params) - offset, vararg=True, method=method, as_text=False)
    if function.args.vararg is not None and (prefix := _prefixed_varargs(function, node.id)):
        # ``def run_git_command(*args): cmd = ["git"] + list(args); subprocess.run(cmd)``
        return CommandParameter(function.args.vararg.arg, len(params) - offset, vararg=True, method=method,
                                as_text=False, prefix=prefix)
    if node.id in params[offset:]:
        return CommandParameter(node.id, params.index(node.id) - offset, method=method, as_text=as_text)
    if any(arg.arg == node.id for arg in function.args.kwonlyargs):
        return CommandParameter(node.id, 10**6, method=method, as_text=as_text)
    return None


def _prefixed_varargs(function: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> tuple[str, ...]:
    """The literal words before the function's ``*args`` in the one assignment of ``name`` in
    its body (``["git"] + list(args)``, ``["git", *args]``); () for anything else."""
    vararg = function.args.vararg.arg if function.args.vararg is not None else None
    values = [n.value for n in ast.walk(function) if isinstance(n, ast.Assign) and len(n.targets) == 1
              and isinstance(n.targets[0], ast.Name) and n.targets[0].id == name]
    if vararg is None or len(values) != 1:
        return ()
    value = values[0]
    head: list[ast.expr]
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add) and isinstance(value.left, ast.List | ast.Tuple):
        right = value.right
        if isinstance(right, ast.Call) and isinstance(right.func, ast.Name) and right.func.id in ("list", "tuple") \
                and len(right.args) == 1:
            right = right.args[0]
        if not (isinstance(right, ast.Name) and right.id == vararg):
            return ()
        head = list(value.left.elts)
    elif isinstance(value, ast.List | ast.Tuple) and value.elts and isinstance(value.elts[-1], ast.Starred) \
            and isinstance(value.elts[-1].value, ast.Name) and value.elts[-1].value.id == vararg:
        head = list(value.elts[:-1])
    else:
        return ()
    words = tuple(e.value for e in head if isinstance(e, ast.Constant) and isinstance(e.value, str))
    return words if head and len(words) == len(head) else ()


def command_at_site(index: ModuleIndex, site: ast.Call, scope: str, spec: CommandParameter) -> list[str] | str | None:
    """The command a call of a wrapper passes it, resolved where the call is."""
    resolver = Resolver(index, scope, position(site))
    if spec.vararg:
        words: list[str] = list(spec.prefix)
        for argument in site.args[spec.index:]:
            if isinstance(argument, ast.Starred):
                words.extend(resolver.words(argument.value) or [resolver.word(argument.value)])
            else:
                words.append(resolver.word(argument))
        return words if len(words) > len(spec.prefix) else None
    positional = site.args[: spec.index + 1]
    node = (site.args[spec.index] if len(site.args) > spec.index and not any(
        isinstance(argument, ast.Starred) for argument in positional) else keywords(site).get(spec.name))
    if node is None:
        return None
    target = resolver.command(node)
    if not target:
        return None
    if spec.as_text and isinstance(target, list):
        target = " ".join(target)
    return target


def classify_command(target: list[str] | str, *, line: int, confidence: Confidence) -> list[Effect]:
    """The command rules' effects of a resolved command line, their text without secrets."""
    if isinstance(target, str):
        found = commands.classify_command_string(target, line=line, confidence=confidence)
    else:
        one = commands.classify_argv(target, line=line, confidence=confidence)
        found = [one] if one is not None else []
    for effect in found:
        effect.call = sanitize_call(effect.call)
    return found
