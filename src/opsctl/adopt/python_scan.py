"""The AST of a Python script, read without running it: summary, interface (see
:mod:`opsctl.adopt.python_interface`), environment, side effects, exit codes, dry run, and whether
the file is a program or a library.

One ``ast.parse`` and one iterative walk (:func:`~opsctl.adopt.python_interface.index_module`)
per script; the rules then look only at the nodes they need (calls, subscripts, compares...), and
whole families are skipped by a substring test of the source (no ``boto`` in the text: no cloud
receivers to track). Local modules the script imports are parsed once per process
(:func:`_module_effects`, keyed by path, mtime and size).

Command lines are resolved statically (:class:`Resolver`: literals, f-strings, joins, ``shlex.split``,
variables built up in the same function, helpers' returns) and handed to
:mod:`opsctl.adopt.commands`, which decides what they do; a wrapper (``def run(cmd):
subprocess.run(cmd, shell=True)``) is resolved at each of its call sites. Effects found inside a
function carry ``via`` (the function's name); effects of a local module's function the script calls
carry ``path`` (the module, relative to ``root``), ``via`` (``module.function``) and at most
``medium`` confidence. ``open(path, "w")`` is a non-destructive
file-write (it truncates the file the script itself owns, as far as a static reading can tell);
deletes, ``DELETE``/``DROP``/``TRUNCATE``, HTTP DELETE and cloud ``delete_*``/``terminate_*``
calls are destructive.
"""

from __future__ import annotations

import ast
import functools
import os
import re
import shlex
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from opsctl.adopt import commands
from opsctl.adopt.model import Confidence, Effect, EffectKind, EnvVar, Script
from opsctl.adopt.python_interface import (
    ModuleIndex,
    Position,
    const_str,
    dotted,
    dry_run,
    extract_interface,
    index_module,
    keywords,
    literal,
    position,
)


@dataclass(slots=True)
class PythonFacts:
    """What discovery needs beyond the Script: whether the file runs as a program, and what it imports."""

    entry: bool = False
    """Has a ``__main__`` guard, top-level code that does work, a CLI declared at module level,
    or is a Django management command."""
    imports: set[str] = field(default_factory=set)
    """Dotted module names imported (absolute and resolved relative ones)."""


def scan_python(script: Script, source: str, *, file: Path, root: Path) -> PythonFacts:
    """Fill ``script`` (interface, env, effects, exit_codes, has_dry_run, dry_run_flag, summary,
    warnings) from ``source``. Raises SyntaxError (or ValueError) when it does not parse."""
    tree = parse(source)
    try:
        return _scan(script, source, tree, file=file, root=root)
    except RecursionError:
        raise ValueError("nested too deeply to scan (RecursionError)") from None


def parse(source: str) -> ast.Module:
    """``ast.parse``, with Python 2 sources and pathological nesting reported as ValueError."""
    try:
        with warnings.catch_warnings():  # "\d" in a script's string: its problem, not a scan error or noise
            warnings.simplefilter("ignore")
            return ast.parse(source)
    except SyntaxError as error:
        reason = python2_reason(source, error)
        if reason:
            raise ValueError(f"Python 2 syntax ({reason}); run it through 2to3 or pyupgrade first") from None
        raise
    except (RecursionError, MemoryError):
        raise ValueError("nested too deeply to parse (RecursionError)") from None


# --- Python 2 ----------------------------------------------------------------------------------

_PY2_LINE_RULES = (
    ("print statement", re.compile(r"^\s*print\s*(?:>>|[\"'\w`]|$)")),
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


# --- the scan ----------------------------------------------------------------------------------

def _scan(script: Script, source: str, tree: ast.Module, *, file: Path, root: Path) -> PythonFacts:
    index = index_module(tree)
    package = _package_of(file, root)
    _absolute_aliases(index, package)
    script.summary = summary(tree, source)
    django_path = "management/commands/" in file.as_posix()
    interface = extract_interface(index, source, django_path=django_path)
    script.interface = interface.interface
    script.warnings.extend(interface.warnings)
    for option in script.interface.flags:  # a password's default written in the script is still a secret
        if isinstance(option.default, str) and (_SECRET_VALUE.search(option.default) or any(
                looks_like_credential(name.lstrip("-").replace("-", "_")) for name in (option.name, option.dest or ""))):
            option.default = None
    script.env = environment(index, interface.env)
    finder = EffectFinder(index, source)
    script.effects = finder.effects()
    script.warnings.extend(finder.warnings)
    imports, local = _imports(index, package, file, root)
    _follow_local_modules(script, index, local, root)
    _deleting_project_calls(script, index, file, root)
    script.exit_codes, exit_warning = exit_codes(index)
    if exit_warning and not script.exit_codes:
        script.warnings.append(exit_warning)
    has_dry_run, flag = dry_run(script.interface.flags)
    if flag is None and "argv" in source:
        flag = next((text for compare, _scope in index.compares
                     if (text := _argv_membership(index, compare)) and text.lstrip("-").lower().replace("_", "-")
                     in ("dry-run", "dryrun", "noop", "no-op", "simulate", "pretend")), None)
    script.dry_run_flag = flag
    script.has_dry_run = has_dry_run or flag is not None or any(_DRY_RUN_ENV.search(env.name) for env in script.env)
    return PythonFacts(entry=is_entry(tree, index, django_path or script.interface.kind == "django", source),
                       imports=imports)


def _argv_membership(index: ModuleIndex, compare: ast.Compare) -> str | None:
    if isinstance(compare.ops[0], ast.In | ast.NotIn) and index.canonical(compare.comparators[0]) == "sys.argv":
        return const_str(compare.left)
    return None


_DRY_RUN_ENV = re.compile(r"(?:^|_)(?:DRY_?RUN|NOOP|SIMULATE)$", re.IGNORECASE)


# --- summary and entry -------------------------------------------------------------------------

_BOILERPLATE = re.compile(
    r"copyright|spdx-|licen[cs]e|all rights reserved|-\*-|coding[:=]|vim?:|pylint:|noqa|type:|flake8|"
    r"^[-=#*~_ ]*$", re.IGNORECASE)


def summary(tree: ast.Module, source: str) -> str | None:
    """The first line of the module docstring, else the first comment after the shebang."""
    docstring = ast.get_docstring(tree)
    if docstring:
        return next((line.strip() for line in docstring.splitlines() if line.strip()), None)
    for number, line in enumerate(source.splitlines()):
        stripped = line.strip()
        if not stripped or (number == 0 and stripped.startswith("#!")):
            continue
        if not stripped.startswith("#"):
            return None
        text = stripped.lstrip("#").strip()
        if text and not _BOILERPLATE.search(text):
            return text
    return None


_SETUP_CALLS = re.compile(
    r"^(?:logging\.|warnings\.|sys\.path\.|sys\.setrecursionlimit|urllib3\.disable_warnings|"
    r"dotenv\.load_dotenv|django\.setup|os\.environ\.setdefault|matplotlib\.use|locale\.setlocale|"
    r"(?:\w+\.)*(?:register|setdefault|update|append|extend|add|install|patch_all)$)")
_CLI_MODULE_CALLS = ("argparse.ArgumentParser", "optparse.OptionParser", "typer.Typer",
                     "getopt.getopt", "getopt.gnu_getopt", "click.group", "click.command")


def is_entry(tree: ast.Module, index: ModuleIndex, django: bool, source: str) -> bool:
    if django or source.startswith("#!"):
        return True
    return any(_does_work(statement, index) for statement in tree.body)


def _does_work(statement: ast.stmt, index: ModuleIndex) -> bool:
    if isinstance(statement, ast.If):
        test = statement.test
        if isinstance(test, ast.Compare) and {dotted(test.left), const_str(test.left),
                                              dotted(test.comparators[0]), const_str(test.comparators[0])} >= {
                                                  "__name__", "__main__"}:
            return True
        return any(_does_work(inner, index) for inner in (*statement.body, *statement.orelse))
    if isinstance(statement, ast.Try):
        return any(_does_work(inner, index) for inner in (*statement.body, *statement.finalbody))
    if isinstance(statement, ast.For | ast.While | ast.With | ast.AsyncFor | ast.AsyncWith):
        return True
    if isinstance(statement, ast.Expr):
        value = statement.value
        if isinstance(value, ast.Await):
            return True
        if isinstance(value, ast.Call):
            return not _SETUP_CALLS.match(index.canonical(value.func) or "")
        return False
    if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
        return any((index.canonical(d.func if isinstance(d, ast.Call) else d) or "") in _CLI_MODULE_CALLS
                   for d in statement.decorator_list)
    if isinstance(statement, ast.Assign | ast.AnnAssign) and isinstance(statement.value, ast.Call):
        name = index.canonical(statement.value.func) or ""
        return name in _CLI_MODULE_CALLS or name.endswith(".parse_args")
    return False


# --- imports and local modules -----------------------------------------------------------------

def _package_of(file: Path, root: Path) -> list[str]:
    try:
        return list(file.parent.resolve().relative_to(root.resolve()).parts)
    except ValueError:
        return []


def _absolute(module: str, level: int, package: list[str]) -> str:
    base = package[: len(package) - (level - 1)] if level > 1 else package
    return ".".join([*base, *([module] if module else [])])


def _absolute_aliases(index: ModuleIndex, package: list[str]) -> None:
    for name, target in list(index.aliases.items()):
        if target.startswith("."):
            stripped = target.lstrip(".")
            index.aliases[name] = _absolute(stripped, len(target) - len(stripped), package)


def _module_file(module: str, bases: list[str]) -> str | None:
    if not module or module.partition(".")[0] in sys.stdlib_module_names:
        return None
    relative = module.replace(".", os.sep)
    for base in bases:  # plain strings and os.path: pathlib was a quarter of a scan here
        for candidate in (os.path.join(base, relative + ".py"), os.path.join(base, relative, "__init__.py")):
            if os.path.isfile(candidate):
                return candidate
    return None


def _imports(index: ModuleIndex, package: list[str], file: Path, root: Path) -> tuple[set[str], dict[str, Path]]:
    imports: set[str] = set()
    local: dict[str, Path] = {}
    if not index.imports:
        return imports, local
    here = os.path.realpath(file)
    roots = [str(root)]
    bases = list(dict.fromkeys([str(file.parent), str(root)]))

    def register(module: str, relative: bool) -> bool:
        path = _module_file(module, roots if relative else bases)
        if path is not None and os.path.realpath(path) != here:
            local[module] = Path(path)
            return True
        return False

    for node in index.imports:
        if isinstance(node, ast.Import):
            for alias in node.names:
                imports.add(alias.name)
                register(alias.name, False)
        else:
            module = _absolute(node.module or "", node.level, package) if node.level else node.module or ""
            if module:
                imports.add(module)
                register(module, node.level > 0)
            for alias in node.names:
                if alias.name != "*":
                    full = f"{module}.{alias.name}" if module else alias.name
                    if register(full, node.level > 0):
                        imports.add(full)
    return imports, local


@dataclass(frozen=True, slots=True)
class ModuleEffects:
    """What a local module does, by function (``""``: at import time)."""

    by_function: dict[str, tuple[Effect, ...]]
    command_parameters: dict[str, CommandParameter]
    error: str | None = None


@functools.lru_cache(maxsize=1024)
def _module_effects(path: str, mtime_ns: int, size: int) -> ModuleEffects:
    """A local module's effects, parsed once per version of the file (a module shared by 200
    scripts is read once)."""
    del mtime_ns, size  # the cache key
    try:
        source = Path(path).read_text(encoding="utf-8", errors="replace")
        finder = EffectFinder(index_module(parse(source)), source)
        found = finder.effects()
    except (OSError, SyntaxError, ValueError, RecursionError) as error:
        return ModuleEffects({}, {}, f"{type(error).__name__}: {error}")
    by_function: dict[str, list[Effect]] = {}
    for effect in found:
        by_function.setdefault(effect.via or "", []).append(effect)
    return ModuleEffects({name: tuple(effects) for name, effects in by_function.items()},
                         dict(finder.command_parameters))


def _follow_local_modules(script: Script, index: ModuleIndex, local: dict[str, Path], root: Path) -> None:
    if not local:
        return
    wanted: dict[str, set[str]] = {module: {""} for module in local}
    sites: list[tuple[ast.Call, str, str, str]] = []
    for call, scope in index.calls:
        name = index.canonical(call.func)
        if name:
            module, _, function = name.rpartition(".")
            if module in wanted:
                wanted[module].add(function)
                sites.append((call, scope, module, function))
    for module, functions in wanted.items():
        path = local[module]
        try:
            stat = path.stat()
        except OSError:
            continue
        found = _module_effects(str(path), stat.st_mtime_ns, stat.st_size)
        if found.error:
            script.warnings.append(f"local module {module} not scanned ({found.error})")
        try:
            relative = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            relative = path.as_posix()
        resolved: set[str] = set()
        for call, scope, site_module, function in sites:  # helpers.run("rm -rf build")
            spec = found.command_parameters.get(function)
            if site_module != module or spec is None or spec.method:
                continue
            target = command_at_site(index, call, scope, spec)
            if target is not None:
                resolved.add(function)
                for effect in classify_command(target, line=call.lineno, confidence="medium"):
                    effect.via = f"{module}.{function}"
                    script.effects.append(effect)
        for function in sorted(functions):
            for effect in found.by_function.get(function, ()):
                if function in resolved and effect.kind == "command" and effect.confidence == "low":
                    continue
                script.effects.append(replace(
                    effect, path=relative, via=f"{module}.{function}" if function else module,
                    confidence="medium" if effect.confidence == "high" else effect.confidence))
    script.effects.sort(key=lambda effect: (effect.path or "", effect.line))


_DELETING_NAME = re.compile(
    r"^_?(?:delete|purge|destroy|drop|wipe|remove|terminate|erase|truncate|nuke|prune)(?:_|$)", re.IGNORECASE)


def _deleting_project_calls(script: Script, index: ModuleIndex, file: Path, root: Path) -> None:
    """A call into the project's own code that could not be followed to an effect (its module is
    not in the scanned tree, or the deletion is deeper than one level), whose name says it
    deletes: ``delete_event_payloads_task()``, ``delete_app(app)``. A guess, so ``low``."""
    followed = {effect.via for effect in script.effects if effect.via}
    project: dict[str, bool] = {}
    bases = list(dict.fromkeys([str(root), str(file.parent)]))
    for call, _scope in index.calls:
        name = index.canonical(call.func)
        if not name or "." not in name:
            continue
        module, _, function = name.rpartition(".")
        if not _DELETING_NAME.match(function) or name in followed:
            continue
        top = module.partition(".")[0]
        if top not in project:
            project[top] = top not in sys.stdlib_module_names and any(
                os.path.isdir(os.path.join(base, top)) or os.path.isfile(os.path.join(base, top + ".py"))
                for base in bases)
        if project[top]:
            script.effects.append(Effect("call", True, sanitize_call(_call_text(call)), call.lineno, "low",
                                         via=name))
            followed.add(name)


# --- environment -------------------------------------------------------------------------------

_CREDENTIAL = re.compile(
    r"(?:^|_)(?:[A-Z0-9]*(?:PASSWORD|PASSWD|SECRET|TOKEN)S?|PASS|PWD|PASSPHRASE|CREDENTIALS?|CREDS|APIKEY"
    r"|AUTHORIZATION|DSN|COOKIE|(?:API|ACCESS|PRIVATE|SECRET|SIGNING|ENCRYPTION|MASTER|SSH|CLIENT|ACCOUNT"
    r"|SERVICE|APP|HMAC|JWT|WEBHOOK|DEPLOY|LICENSE|GPG|PGP|SESSION|STORAGE)_KEY)(?=_|$)|(?:^|_)AUTH$")
_CREDENTIAL_URL = re.compile(r"(?:^|_)(?:DATABASE_UR[LI]|DB_UR[LI]|CONNECTION_STRING|SQLALCHEMY_DATABASE_URI)$")
_NOT_A_SECRET = re.compile(
    r"_(?:IDS?|URL|URI|ENDPOINT|HOST|PORT|PATH|FILE|DIR|TYPE|NAME|TTL|USER|USERNAME|REGION|LENGTH"
    r"|EXPIRY|EXPIRES|ENABLED|HEADER|PREFIX|ARN)$")


def looks_like_credential(name: str) -> bool:
    """Whether an environment variable's name says it holds a secret: ``AWS_SECRET_ACCESS_KEY``,
    ``GITHUB_TOKEN``, ``DB_PASSWORD``, ``DATABASE_URL``; not ``AWS_REGION``, ``AWS_ACCESS_KEY_ID``,
    ``PWD`` or ``TOKEN_URL``."""
    upper = name.upper().replace("-", "_")
    if _CREDENTIAL_URL.search(upper):
        return True
    if upper == "PWD" or _NOT_A_SECRET.search(upper):
        return False
    return bool(_CREDENTIAL.search(upper))


_ENV_CALLS = {"os.environ.get": False, "os.getenv": False, "os.environ.setdefault": False,
              "os.environ.pop": False, "os.getenvb": False}


def environment(index: ModuleIndex, named: list[tuple[str, int]]) -> list[EnvVar]:
    """Each variable read (one entry per name, at its first line); required when read by subscript."""
    reads: list[tuple[str, int, bool]] = list((name, line, False) for name, line in named)
    for call, scope in index.calls:
        if index.canonical(call.func) in _ENV_CALLS and call.args:
            reads.extend((name, call.lineno, False) for name in _env_names(index, call.args[0], scope))
    for subscript, scope in index.subscripts:
        if isinstance(subscript.ctx, ast.Load) and index.canonical(subscript.value) == "os.environ":
            reads.extend((name, subscript.lineno, True) for name in _env_names(index, subscript.slice, scope))
    for compare, scope in index.compares:
        if isinstance(compare.ops[0], ast.In | ast.NotIn) and index.canonical(compare.comparators[0]) == "os.environ":
            reads.extend((name, compare.lineno, False) for name in _env_names(index, compare.left, scope))
    found: dict[str, EnvVar] = {}
    for name, line, required in sorted(reads, key=lambda read: read[1]):
        if name in found:
            found[name].required = found[name].required or required
        else:
            found[name] = EnvVar(name, line, credential=looks_like_credential(name), required=required)
    return list(found.values())


def _env_names(index: ModuleIndex, node: ast.expr, scope: str) -> list[str]:
    """The variable names ``node`` stands for: a literal, a constant, or the loop variable of a
    ``for name in ("A", "B")``."""
    if isinstance(node, ast.Constant):
        return [node.value] if isinstance(node.value, str) else []
    if isinstance(node, ast.Name):
        value = Resolver(index, scope, (10**9, 0)).constant(node)
        if value is not None:
            return [value]
        for loop, loop_scope in index.loops:
            if loop_scope == scope and isinstance(loop.target, ast.Name) and loop.target.id == node.id:
                ok, values = literal(loop.iter)
                if ok and isinstance(values, list | tuple | set):
                    return [value for value in values if isinstance(value, str)]
    return []


# --- exit codes --------------------------------------------------------------------------------

_EXIT_CALLS = {"sys.exit", "exit", "quit", "os._exit", "SystemExit", "click.exceptions.Exit", "click.Exit",
               "typer.Exit", "typer.exit"}


def exit_codes(index: ModuleIndex) -> tuple[list[int], str | None]:
    """The exit codes the script names, sorted; and a warning for one it does not. Only codes
    written in the source count: the usage error argparse exits with (2) or click's Abort (1)
    are not listed, as every such script has them."""
    codes: set[int] = set()
    unknown: str | None = None
    for call, scope in index.calls:
        name = index.canonical(call.func) or ""
        func = call.func
        if name in _EXIT_CALLS or (isinstance(func, ast.Attribute) and func.attr == "exit"
                                   and (dotted(func.value) or "").endswith("ctx")):
            argument = call.args[0] if call.args else keywords(call).get("code")
            values = _exit_values(index, argument, scope)
            if values is None:
                unknown = f"exit code not determined statically: line {call.lineno}: {_call_text(call)}"
            else:
                codes.update(values)
    for raised, _scope in index.raises:
        if raised.exc is not None and index.canonical(raised.exc) == "SystemExit":
            codes.add(0)
    return sorted(codes), unknown


def _exit_values(index: ModuleIndex, node: ast.expr | None, scope: str, depth: int = 0) -> set[int] | None:
    if node is None:
        return {0}
    ok, value = literal(node)
    if ok:
        if value is None:
            return {0}
        if isinstance(value, bool | int):
            return {int(value) % 256}
        return {1}
    if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod)
                                           and const_str(node.left) is not None):
        return {1}
    if isinstance(node, ast.IfExp):  # sys.exit(1 if failed else 0)
        body, orelse = _exit_values(index, node.body, scope, depth), _exit_values(index, node.orelse, scope, depth)
        return body | orelse if body is not None and orelse is not None else None
    if isinstance(node, ast.Name):
        constant = Resolver(index, scope, (10**9, 0)).value_of(node)
        return _exit_values(index, constant, scope, depth + 1) if constant is not None and depth < 4 else None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and depth < 2:
        helper = index.function(node.func.id, scope)
        if helper is None:
            return None
        qualname = index.qualname(helper)
        values: set[int] = set()
        returns = index.returns.get(qualname, [])
        for ret in returns:
            found = _exit_values(index, ret.value, qualname, depth + 1)
            if found is None:
                return None
            values |= found
        return values or {0}
    return None


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
            words_ = inner.words(value)
            if words_ is None:
                return None
            for op, change in changes:
                if op == "append":
                    words_.append(inner.word(change))
                else:
                    words_.extend(inner.words(change) or [inner.word(change)])
            self.indirect = True
            return words_
        if isinstance(node, ast.Call):
            name = self.index.canonical(node.func) or ""
            if name == "shlex.split" and node.args:
                text = self.text(node.args[0])
                if text is not None:
                    return _split(text)
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
            if found is None or found[1]:
                return None
            value, _changes, scope = found
            text = self._within(scope, value).text(value)
            if text is not None:
                self.indirect = True
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


def _split(text: str) -> list[str]:
    try:
        return shlex.split(text)
    except ValueError:
        return text.split()


# --- effects -----------------------------------------------------------------------------------

_FILE_DELETE = {"os.remove", "os.unlink", "os.rmdir", "os.removedirs", "shutil.rmtree"}
_FILE_MOVE = {"shutil.move", "shutil.copy", "shutil.copyfile", "shutil.copy2", "shutil.copytree",
              "os.rename", "os.replace", "os.renames"}
_OPENERS = {"open", "io.open", "codecs.open", "gzip.open", "bz2.open", "lzma.open", "tarfile.open",
            "zipfile.ZipFile"}
_SUBPROCESS = {"subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
               "subprocess.Popen"}
_SHELL_STRING = {"os.system", "os.popen", "subprocess.getoutput", "subprocess.getstatusoutput",
                 "commands.getoutput", "commands.getstatusoutput", "asyncio.create_subprocess_shell",
                 "pexpect.run", "pexpect.spawn", "fabric.api.local", "fabric.api.run", "fabric.api.sudo",
                 "fabric.operations.local", "fabric.operations.run", "fabric.operations.sudo", "invoke.run"}
_EXEC_ARGV = {"os.execv": 1, "os.execve": 1, "os.execvp": 1, "os.execvpe": 1, "os.spawnv": 2,
              "os.spawnve": 2, "os.spawnvp": 2, "os.spawnvpe": 2, "os.posix_spawn": 1, "os.posix_spawnp": 1}
_EXEC_LIST = {"os.execl": 1, "os.execle": 1, "os.execlp": 1, "os.execlpe": 1, "os.spawnl": 2,
              "os.spawnle": 2, "os.spawnlp": 2, "os.spawnlpe": 2}
_SH_SPECIAL = {"Command", "ErrorReturnCode", "CommandNotFound", "RunningCommand", "glob", "contrib", "bake"}

_CLOUD_MODULES = ("boto3", "boto", "botocore", "openstack", "novaclient", "keystoneclient", "cinderclient",
                  "glanceclient", "neutronclient", "google.cloud", "googleapiclient", "azure", "libcloud",
                  "kubernetes", "digitalocean", "hcloud", "linode_api4", "pyVmomi", "proxmoxer", "docker")
_CLOUD_HINT = re.compile("|".join(sorted({re.escape(module.partition(".")[0]) for module in _CLOUD_MODULES})))
_CLOUD_DESTRUCTIVE = re.compile(
    r"^(?:begin_)?(?:delete|terminate|remove|purge|deregister|detach|destroy|batch_delete|force_delete|prune|kill)"
    r"(?:_|$)")
_CLOUD_MUTATING = re.compile(  # a bare verb (instance.start(), obj.put()) or verb_object
    r"^(?:begin_)?(?:(?:modify|put|update|create|attach|start|stop|reboot|patch|insert|upload|copy|restore|"
    r"publish|restart|resize|rebuild|deallocate|power_off)(?:_|$)|(?:run|replace|reset|associate|disassociate|"
    r"authorize|revoke|register|enable|disable|send|tag|untag|import|release|allocate|scale|change|migrate|"
    r"apply|invoke)_)(?!client$|resource$|session$|presigned)")
_CLOUD_FACTORY = re.compile(  # what makes a client/resource/connection in a cloud SDK
    r"\.(?:client|resource|Session|session|get_session|connect\w*|Connection|build|Client|\w+Client|\w+Api|\w+API"
    r"|get_driver|ServiceResource|Bucket|Object|Table|Queue|Topic|Instance|Volume|Stack|Proxmox\w*|from_env)$")
_CLOUD_NAMED_DESTRUCTIVE = re.compile(
    r"^(?:terminate_instances|delete_(?:bucket\w*|objects?|stack|db_\w+|snapshots?|volume|table|function|"
    r"cluster|service|security_group|hosted_zone|secret|parameters?|log_group|repository|nodegroup|key_pair|"
    r"image|load_balancer|target_group|queue|topic|distribution|vpc|subnet|nat_gateway|internet_gateway|"
    r"network_interface|launch_template|auto_scaling_group|file_system|namespaced_\w+|namespace|server|"
    r"instances?|resource_group|virtual_machine|disk)|deregister_(?:image|instances\w*|targets|task_definition)"
    r"|purge_queue|batch_delete_\w+|begin_delete\w*)$")
_CLOUD_NAMED_MUTATING = re.compile(
    r"^(?:run_instances|(?:start|stop|reboot)_instances|(?:create|update|modify)_(?:stack|db_\w+|snapshot|"
    r"bucket|cluster|service|function\w*|auto_scaling_group|namespaced_\w+|server)|put_(?:object|bucket_\w+|"
    r"parameter|secret_value|item|metric_alarm|record)|change_resource_record_sets|set_desired_capacity|"
    r"upload_file(?:obj)?|copy_object|(?:patch|replace)_namespaced_\w+|"
    r"begin_(?:create\w*|update\w*|start|restart|power_off|deallocate))$")
_API_CLIENT = re.compile(r"(?:^|\.)[A-Z]\w*(?:Api|API|Client|Manager|Service|Connection|Hub)$")
"""A constructed client of some remote API (``GhApi(...)``, ``LambdaManager(...)``): its
deleting methods count even when its SDK is not one the scanner knows."""
_API_CLIENT_HINT = re.compile(r"[A-Z]\w*(?:Api|API|Client|Manager|Service|Connection|Hub)\(")
_HTTP_MODULES = ("requests", "httpx")
_HTTP_CLIENTS = {"requests.Session", "requests.session", "httpx.Client", "httpx.AsyncClient",
                 "aiohttp.ClientSession", "urllib3.PoolManager", "requests.sessions.Session"}
_HTTP_WRITES = {"post": False, "put": False, "patch": False, "delete": True}
_SQL_METHODS = {"execute", "executemany", "executescript", "exec_driver_sql", "read_sql", "read_sql_query",
                "query", "run_sql", "execute_sql", "raw"}
_SQL_STATEMENT = re.compile(r"^\W*([A-Za-z]+)\s+(\S+)")
_SQL_DESTRUCTIVE = {"DELETE", "DROP", "TRUNCATE"}
_SQL_MUTATING = {"UPDATE", "ALTER", "INSERT", "CREATE", "GRANT", "REVOKE", "REPLACE", "MERGE", "UPSERT", "RENAME"}
_SQL_NOISE = re.compile(r"--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'", re.DOTALL)
_URLLIB = {"urllib.request.Request", "urllib.request.urlopen", "urllib2.Request", "urllib2.urlopen"}
_ORM_MUTATING = {"update", "bulk_update", "bulk_create", "create", "get_or_create", "update_or_create"}
_SESSION_MUTATING = {"add", "add_all", "merge", "bulk_save_objects", "bulk_insert_mappings",
                     "bulk_update_mappings"}
_ORM_METHODS = {"delete", "save", *_ORM_MUTATING, *_SESSION_MUTATING}


def classify_sql(text: str) -> bool | None:
    """True: the SQL deletes (DELETE, DROP, TRUNCATE, ALTER ... DROP); False: it changes
    (UPDATE, INSERT, CREATE...); None: it only reads, or is not SQL. Keywords count only at the
    start of a statement, outside comments and quoted strings."""
    result: bool | None = None
    for statement in _SQL_NOISE.sub(" ", text).split(";"):
        match = _SQL_STATEMENT.match(statement)
        if not match:
            continue
        verb = match.group(1).upper()
        if verb == "WITH":
            found = re.search(r"\)\s*(DELETE|UPDATE|INSERT|MERGE)\b", statement, re.IGNORECASE)
            verb = found.group(1).upper() if found else verb
        if verb in _SQL_DESTRUCTIVE or (verb == "ALTER" and re.search(r"\bDROP\b", statement, re.IGNORECASE)):
            return True
        if verb in _SQL_MUTATING:
            result = False
    return result


_LONG_STRING = re.compile(r"""(?P<q>'|")(?:\\.|(?!(?P=q)).)*(?P=q)""")
_SECRET_VALUE = re.compile(r"(?i)password|passwd|secret|token|api[_-]?key|bearer|authorization|"
                           r"^[A-Za-z0-9+/_\-]{24,}={0,2}$")
_SECRET_KEYWORD = re.compile(
    r"""(?i)\b(\w*(?:password|passwd|secret|token|api_?key|auth)\w*)=(?P<q>'|")(?:\\.|(?!(?P=q)).)*(?P=q)""")


def sanitize_call(text: str, limit: int = 120) -> str:
    """``call`` text without secrets: string literals longer than 60 characters or that look like a
    credential become ``'…'``, so do ``password=...`` keyword values; cut to ``limit`` characters."""
    def literal_(match: re.Match[str]) -> str:
        body = match.group(0)[1:-1]
        if len(body) > 60 or (_SECRET_VALUE.search(body) and (len(body) >= 16 or "=" in body or ":" in body)):
            return f"{match.group('q')}…{match.group('q')}"
        return match.group(0)

    text = _SECRET_KEYWORD.sub(lambda m: f"{m.group(1)}={m.group('q')}…{m.group('q')}", _LONG_STRING.sub(literal_, " ".join(text.split())))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _call_text(node: ast.AST) -> str:
    try:
        return sanitize_call(ast.unparse(node))
    except (RecursionError, ValueError):
        return "<expr>"


def _service_client(call: ast.Call) -> bool:
    """``session.client("ec2")``, ``local_session(factory).resource("s3")``: an SDK client by its
    shape, whoever made the session."""
    return (isinstance(call.func, ast.Attribute) and call.func.attr in ("client", "resource")
            and bool(call.args) and const_str(call.args[0]) is not None)


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


def command_parameter(index: ModuleIndex, node: ast.expr, scope: str, as_text: bool) -> CommandParameter | None:
    """The parameter of the function at ``scope`` that ``node`` (``cmd``, ``shlex.split(cmd)``,
    ``cmd.split()``, ``args`` of ``*args``) passes on as the command, if it is one."""
    if isinstance(node, ast.Call):
        if index.canonical(node.func) == "shlex.split" and node.args:
            node, as_text = node.args[0], True
        elif isinstance(node.func, ast.Attribute) and node.func.attr == "split" and not node.args:
            node, as_text = node.func.value, True
    function = index.functions.get(scope)
    if not isinstance(node, ast.Name) or function is None:
        return None
    params = [arg.arg for arg in (*function.args.posonlyargs, *function.args.args)]
    method = bool(params) and params[0] in ("self", "cls") and "." in scope
    offset = 1 if method else 0
    if function.args.vararg is not None and function.args.vararg.arg == node.id:
        return CommandParameter(node.id, len(params) - offset, vararg=True, method=method, as_text=False)
    if node.id in params[offset:]:
        return CommandParameter(node.id, params.index(node.id) - offset, method=method, as_text=as_text)
    if any(arg.arg == node.id for arg in function.args.kwonlyargs):
        return CommandParameter(node.id, 10**6, method=method, as_text=as_text)
    return None


def command_at_site(index: ModuleIndex, site: ast.Call, scope: str, spec: CommandParameter) -> list[str] | str | None:
    """The command a call of a wrapper passes it, resolved where the call is."""
    resolver = Resolver(index, scope, position(site))
    if spec.vararg:
        words: list[str] = []
        for argument in site.args[spec.index:]:
            if isinstance(argument, ast.Starred):
                words.extend(resolver.words(argument.value) or [resolver.word(argument.value)])
            else:
                words.append(resolver.word(argument))
        return words or None
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


_RMTREE_TARGET = re.compile(r"rmtree\((?:str\()?([A-Za-z_][\w.]*)\)?[,)]")


def _regenerated(effect: Effect, source: str) -> Effect:
    """``shutil.rmtree(build_dir)`` of a folder the script creates again (``build_dir.mkdir``,
    ``os.makedirs(build_dir)``): it wipes its own output to rebuild it, a write of output rather
    than the loss of data."""
    if effect.kind != "file-delete" or not effect.destructive:
        return effect
    match = _RMTREE_TARGET.search(effect.call)
    if match is None:
        return effect
    target = re.escape(match.group(1))
    recreated = re.search(rf"(?:\b{target}\.mkdir\(|makedirs\(\s*(?:str\()?{target}\b|"
                          rf"\bmkdir\(\s*(?:str\()?{target}\b)", source)
    if recreated is None:
        return effect
    return replace(effect, kind="file-write", destructive=False,
                   call=sanitize_call(effect.call + " (re-created: its own output)"))


class EffectFinder:
    """The effects of one module's calls (see the module docstring for the rules)."""

    def __init__(self, index: ModuleIndex, source: str) -> None:
        self.index = index
        self.source = source
        self.warnings: list[str] = []
        self.found: list[Effect] = []
        self.sites: dict[tuple[str, bool], list[tuple[ast.Call, str]]] | None = None
        self.command_parameters: dict[str, CommandParameter] = {}
        """Functions of this module that run the command they are given (see _through_callers)."""
        cloud = _CLOUD_HINT.search(source) is not None
        self.cloud = self._receivers(
            lambda name: name.startswith(_CLOUD_MODULES) and bool(_CLOUD_FACTORY.search(name)), cloud=True,
        ) if cloud else set()
        self.clients = self._receivers(lambda name: bool(_API_CLIENT.search(name))) \
            if _API_CLIENT_HINT.search(source) else set()
        http = "requests" in source or "httpx" in source or "aiohttp" in source or "urllib3" in source
        self.http = self._receivers(lambda name: name in _HTTP_CLIENTS, propagate=False) if http else set()
        self.paths = self._receivers(lambda name: name in ("pathlib.Path", "Path", "pathlib.PurePath"),
                                     propagate=False) if "Path" in source else set()
        self.orm: set[str] = set()
        self.temporary = self._receivers(lambda name: name.startswith("tempfile."),
                                         propagate=False) if "tempfile" in source else set()
        self.django = any(target.startswith("django.") for target in index.aliases.values())
        if "objects" in source or "query" in source or "get_object_or_404" in source:
            self.orm = self._receivers(lambda name: name.endswith("get_object_or_404"), orm=True)

    def _rooted(self, node: ast.expr, names: set[str], orm: bool = False) -> bool:
        for _ in range(32):
            if isinstance(node, ast.Attribute):
                if orm and (node.attr == "objects" or (node.attr == "query" and isinstance(node.value, ast.Name)
                                                       and node.value.id[:1].isupper())):
                    return True
                if names and dotted(node) in names:
                    return True
                node = node.value
            elif isinstance(node, ast.Call):
                if orm and isinstance(node.func, ast.Attribute) and node.func.attr == "query":
                    return True
                node = node.func
            elif isinstance(node, ast.Subscript):
                node = node.value
            elif isinstance(node, ast.Name):
                return node.id in names
            else:
                return False
        return False

    def _receivers(self, accepts: Callable[[str], bool], propagate: bool = True, orm: bool = False,
                   cloud: bool = False) -> set[str]:
        """Names assigned (or bound by ``with ... as``/``for``) from a constructor ``accepts``
        takes, or, with ``propagate``, from an expression rooted in such a name."""
        names: set[str] = set()
        index = self.index

        def produces(value: ast.expr) -> bool:
            if isinstance(value, ast.Call) and (accepts(index.canonical(value.func) or "") or (
                    cloud and _service_client(value))):
                return True
            if not propagate:
                return False
            if self._rooted(value, names, orm):
                return True
            node = value
            while isinstance(node, ast.Attribute | ast.Call | ast.Subscript):  # boto3.resource("s3").Bucket(b)
                if isinstance(node, ast.Call):
                    if accepts(index.canonical(node.func) or ""):
                        return True
                    node = node.func
                else:
                    node = node.value
            return False

        for _ in range(2):
            for (_scope, name), entries in index.assigns.items():
                if name not in names and any(op == "=" and produces(value) for _pos, op, value in entries):
                    names.add(name)
            for item, _scope in index.withitems:
                if item.optional_vars is not None and (target := dotted(item.optional_vars)) and produces(item.context_expr):
                    names.add(target)
            for loop, _scope in index.loops:
                if (target := dotted(loop.target)) and propagate and produces(loop.iter):
                    names.add(target)
        return names

    def _method_references(self) -> dict[tuple[str, str], list[ast.expr]]:
        """``fetch = session.delete``, ``run = functools.partial(subprocess.run, check=True)``:
        names bound to a function, so ``fetch(url)`` is classified as ``session.delete(url)``."""
        found: dict[tuple[str, str], list[ast.expr]] = {}
        for key, entries in self.index.assigns.items():
            values: list[ast.expr] = []
            for _pos, op, value in entries:
                if op != "=":
                    continue
                if (isinstance(value, ast.Call) and value.args
                        and self.index.canonical(value.func) == "functools.partial"):
                    value = value.args[0]
                if isinstance(value, ast.Attribute) or (
                        isinstance(value, ast.Name) and value.id in self.index.aliases):
                    values.append(value)
            if values:
                found[key] = values
        return found

    def _temporary(self, node: ast.expr, scope: str) -> bool:
        """A path the script made with ``tempfile`` (its own scratch space: deleting it is not an
        effect), or one joined under such a path."""
        if not self.temporary:
            return False
        for _ in range(8):
            if isinstance(node, ast.Call) and node.args and (self.index.canonical(node.func) or "").startswith(
                    ("os.path.join", "pathlib.Path", "Path")):
                node = node.args[0]
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div | ast.Add):
                node = node.left
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.FormattedValue):
                node = node.values[0].value
            elif isinstance(node, ast.Attribute) and node.attr == "name" and dotted(node.value) in self.temporary:
                return True
            else:
                break
        return dotted(node) in self.temporary

    def effects(self) -> list[Effect]:
        references = self._method_references()
        for call, scope in self.index.calls:
            before = len(self.found)
            try:
                self._classify(call, scope)
                func = call.func
                if isinstance(func, ast.Name) and len(self.found) == before and references:
                    targets = references.get((scope, func.id)) or references.get(("", func.id)) or []
                    for target in targets:
                        self._classify(ast.copy_location(ast.Call(target, call.args, call.keywords), call), scope)
                    for effect in self.found[before:]:
                        effect.confidence = "medium" if effect.confidence == "high" else effect.confidence
            except RecursionError:
                self.warnings.append(f"line {call.lineno}: nested too deeply to resolve")
            if scope:
                for effect in self.found[before:]:
                    effect.via = effect.via or scope
        unique: dict[tuple[str, str, int], Effect] = {}
        for effect in sorted(self.found, key=lambda effect: effect.line):
            unique.setdefault((effect.kind, effect.call, effect.line), effect)
        return [_regenerated(effect, self.source) for effect in unique.values()]

    def _add(self, kind: EffectKind, destructive: bool, call: ast.Call, confidence: Confidence = "high") -> None:
        self.found.append(Effect(kind, destructive, _call_text(call), call.lineno, confidence))

    def _classify(self, call: ast.Call, scope: str) -> None:
        func = call.func
        name = self.index.canonical(func) or ""
        attr = func.attr if isinstance(func, ast.Attribute) else None
        if name in _FILE_DELETE:
            if not (call.args and self._temporary(call.args[0], scope)):
                self._add("file-delete", True, call)
        elif name in _FILE_MOVE:
            self._add("file-write", False, call)
        elif name in _OPENERS or attr == "open":
            self._open(call, name)
        elif attr in ("write_text", "write_bytes") and isinstance(func, ast.Attribute):
            self._add("file-write", False, call, "high" if self._path_like(func) else "medium")
        elif name.startswith("django.core.files.storage.") and attr in ("delete", "save"):
            self._add("file-delete" if attr == "delete" else "file-write", attr == "delete", call)
        elif (attr in ("unlink", "rmdir") and isinstance(func, ast.Attribute) and not name.startswith("os.")
              and not self._temporary(func.value, scope)):
            self._add("file-delete", True, call, "high" if self._path_like(func) else "medium")
        elif (name in _SUBPROCESS or name in _SHELL_STRING or name in _EXEC_ARGV or name in _EXEC_LIST
              or name == "asyncio.create_subprocess_exec" or name.startswith(("sh.", "plumbum."))
              or isinstance(func, ast.Subscript) or attr == "exec_command"
              or (isinstance(func, ast.Call) and "Command" in self.source)):
            self._command(call, scope, name, attr)
        elif (attr and isinstance(func, ast.Attribute) and self._cloud(call, func, attr)) or (
                (attr in _HTTP_WRITES or attr == "request" or name in _URLLIB) and self._http(call, name, attr, scope)):
            pass
        elif attr in _SQL_METHODS or (name.startswith("sqlalchemy") and name.endswith(".text")):
            self._sql(call, scope)
        elif name in ("sqlalchemy.delete", "sqlalchemy.update", "sqlalchemy.insert"):
            self._add("orm", name == "sqlalchemy.delete", call)
        elif attr in _ORM_METHODS:
            self._orm(call, attr or "")

    def _path_like(self, func: ast.Attribute) -> bool:
        receiver = func.value
        if isinstance(receiver, ast.Call):
            return self.index.canonical(receiver.func) in ("pathlib.Path", "Path")
        if isinstance(receiver, ast.BinOp) and isinstance(receiver.op, ast.Div):
            return True
        return dotted(receiver) in self.paths

    def _open(self, call: ast.Call, name: str) -> None:
        if name in _OPENERS:
            mode_node = call.args[1] if len(call.args) > 1 else keywords(call).get("mode")
            confidence: Confidence = "high"
        elif isinstance(call.func, ast.Attribute) and self._path_like(call.func):
            mode_node = call.args[0] if call.args else keywords(call).get("mode")
            confidence = "medium" if isinstance(call.func.value, ast.Name) else "high"
        else:
            return
        mode = const_str(mode_node) or ""
        if any(letter in mode for letter in "wax+"):
            self._add("file-write", False, call, confidence)

    def _command(self, call: ast.Call, scope: str, name: str, attr: str | None) -> None:
        resolver = Resolver(self.index, scope, position(call))
        kw = keywords(call)
        target: list[str] | str | None
        label = name or attr or "command"
        confidence: Confidence = "high"
        command_node: ast.expr | None = None
        as_text = True
        if name in _SUBPROCESS:
            command_node = call.args[0] if call.args else kw.get("args")
            if command_node is None:
                return
            target = resolver.command(command_node)
            as_text = literal(kw.get("shell"))[1] is True
            if as_text and isinstance(target, list):
                target = " ".join(target)
        elif name in _SHELL_STRING or attr == "exec_command":
            if not call.args:
                return
            command_node = call.args[0]
            target = resolver.text(command_node)
            if name == "pexpect.spawn" and target is not None and len(call.args) > 1:
                target = [*_split(target), *(resolver.words(call.args[1]) or ["<expr>"])]
            confidence = "medium" if attr == "exec_command" else "high"
        elif name in _EXEC_ARGV:
            slot = _EXEC_ARGV[name]
            target = resolver.words(call.args[slot]) if len(call.args) > slot else None
        elif name in _EXEC_LIST:
            slot = _EXEC_LIST[name]
            arguments = call.args[slot:-1] if name.endswith("e") else call.args[slot:]
            target = [resolver.word(arg) for arg in arguments] or None
        elif name == "asyncio.create_subprocess_exec":
            words: list[str] = []
            for arg in call.args:
                if isinstance(arg, ast.Starred):
                    words.extend(resolver.words(arg.value) or [resolver.word(arg.value)])
                else:
                    words.append(resolver.word(arg))
            target = words or None
        else:
            target = self._sh_or_plumbum(call, resolver, name)
            if target is None:
                return
            confidence = "medium"
        if target is None or target == []:
            if command_node is not None and self._through_callers(command_node, scope, as_text):
                return
            self.found.append(Effect("command", False, sanitize_call(f"{label}(<expr>)"), call.lineno, "low"))
            self.warnings.append(f"line {call.lineno}: {label}(<expr>): command not resolved statically")
            return
        if resolver.indirect and confidence == "high":
            confidence = "medium"
        self.found.extend(classify_command(target, line=call.lineno, confidence=confidence))

    def _through_callers(self, node: ast.expr, scope: str, as_text: bool) -> bool:
        """A wrapper (``def run(cmd): subprocess.run(cmd, shell=True)``): the command is each
        call site's argument, classified at the call site's line (medium confidence)."""
        spec = command_parameter(self.index, node, scope, as_text)
        if spec is None:
            return False
        self.command_parameters.setdefault(scope, spec)
        if self.sites is None:  # built once, on the first wrapper: (name, is a method call) -> calls
            self.sites = {}
            for site, site_scope in self.index.calls:
                func = site.func
                if isinstance(func, ast.Name):
                    self.sites.setdefault((func.id, False), []).append((site, site_scope))
                elif (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                      and func.value.id in ("self", "cls")):
                    self.sites.setdefault((func.attr, True), []).append((site, site_scope))
        resolved = False
        for site, site_scope in self.sites.get((scope.rpartition(".")[2], spec.method), []):
            target = command_at_site(self.index, site, site_scope, spec)
            if target is not None:
                self.found.extend(classify_command(target, line=site.lineno, confidence="medium"))
                resolved = True
        return resolved

    def _sh_or_plumbum(self, call: ast.Call, resolver: Resolver, name: str) -> list[str] | None:
        """``sh.rm("-rf", path)``, ``sh.Command("x")(...)``, plumbum's ``rm["-rf", path]()`` and
        ``local["rm"][...]()``."""
        func = call.func
        base: list[str] | None = None
        if name.startswith("sh.") and name.count(".") == 1 and name[3:] not in _SH_SPECIAL:
            base = [name[3:].replace("_", "-")]
        elif name.startswith("plumbum.cmd.") and name.count(".") == 2:
            base = [name[12:]]
        elif isinstance(func, ast.Subscript):
            base = self._plumbum_command(func, resolver)
        elif isinstance(func, ast.Call) and self.index.canonical(func.func) in ("sh.Command", "plumbum.local.get"):
            base = [resolver.word(func.args[0])] if func.args else None
        if base is None:
            return None
        words = [resolver.word(arg) for arg in call.args if not isinstance(arg, ast.Starred)]
        for keyword in call.keywords:
            if keyword.arg and not keyword.arg.startswith("_"):
                flag = ("-" if len(keyword.arg) == 1 else "--") + keyword.arg.replace("_", "-")
                words.append(flag if literal(keyword.value)[1] is True else f"{flag}={resolver.word(keyword.value)}")
        return base + words

    def _plumbum_command(self, node: ast.expr, resolver: Resolver) -> list[str] | None:
        if isinstance(node, ast.Subscript):
            inner = node.value
            elements = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            if self.index.canonical(inner) == "plumbum.local":
                return [resolver.word(node.slice)]
            base = self._plumbum_command(inner, resolver)
            return None if base is None else base + [resolver.word(element) for element in elements]
        name = self.index.canonical(node) or ""
        return [name[12:]] if name.startswith("plumbum.cmd.") else None

    def _cloud_rooted(self, node: ast.expr) -> bool:
        if self.cloud and self._rooted(node, self.cloud):
            return True
        while isinstance(node, ast.Attribute | ast.Subscript | ast.Call):
            if isinstance(node, ast.Call):  # boto3.client("s3").delete_bucket(...)
                name = self.index.canonical(node.func) or ""
                return (name.startswith(_CLOUD_MODULES) and bool(_CLOUD_FACTORY.search(name))) or _service_client(node)
            node = node.value
        return False

    def _cloud(self, call: ast.Call, func: ast.Attribute, attr: str) -> bool:
        """A cloud SDK call: any mutating method of a client/resource made by the SDK (high), or
        a method whose name only a cloud SDK has (medium)."""
        if self._cloud_rooted(func.value):
            if _CLOUD_DESTRUCTIVE.match(attr):
                self._add("cloud", True, call)
                return True
            if _CLOUD_MUTATING.match(attr):
                self._add("cloud", False, call)
                return True
            return False
        if self.http and self._rooted(func.value, self.http):
            return False
        if self.clients and _CLOUD_DESTRUCTIVE.match(attr) and self._rooted(func.value, self.clients):
            self._add("cloud", True, call, "medium")
            return True
        if _CLOUD_NAMED_DESTRUCTIVE.match(attr):
            self._add("cloud", True, call, "medium")
            return True
        if _CLOUD_NAMED_MUTATING.match(attr):
            self._add("cloud", False, call, "medium")
            return True
        return False

    def _http(self, call: ast.Call, name: str, attr: str | None, scope: str) -> bool:
        kw = keywords(call)
        if name in _URLLIB:
            method = (const_str(kw.get("method")) or "").upper()
            has_data = len(call.args) > 1 or "data" in kw
            if method in ("POST", "PUT", "PATCH", "DELETE") or (has_data and not method):
                self._add("http", method == "DELETE", call, "low" if "method" in kw and not method else "high")
            return True
        module_call = name.partition(".")[0] in _HTTP_MODULES and name.count(".") == 1
        receiver = isinstance(call.func, ast.Attribute) and bool(self.http) and self._rooted(call.func.value, self.http)
        if not (module_call or receiver):
            if attr in _HTTP_WRITES and self._url_argument(call, scope):
                self._add("http", _HTTP_WRITES[attr], call, "medium")
                return True
            return False
        if attr == "request":
            method_node = call.args[0] if call.args else kw.get("method")
            method = (const_str(method_node) or "").upper()
            if method in ("POST", "PUT", "PATCH", "DELETE"):
                self._add("http", method == "DELETE", call)
            elif not method:
                self._add("http", False, call, "low")
        elif attr in _HTTP_WRITES:
            self._add("http", _HTTP_WRITES[attr], call)
        return True

    def _url_argument(self, call: ast.Call, scope: str) -> bool:
        """The first argument of a call on an unknown client is a URL: a literal ``http(s)://``
        string, or a value whose name says ``url``/``endpoint``."""
        argument = call.args[0] if call.args else keywords(call).get("url")
        if argument is None:
            return False
        text = Resolver(self.index, scope, position(call)).text(argument) or ""
        if text.startswith(("http://", "https://")):
            return True
        if isinstance(argument, ast.JoinedStr | ast.BinOp):
            argument = next((node.value for node in ast.walk(argument) if isinstance(node, ast.FormattedValue)),
                            argument.left if isinstance(argument, ast.BinOp) else argument)
        name = (dotted(argument) or "").rpartition(".")[2].lower()
        return any(word in name for word in ("url", "uri", "endpoint"))

    def _sql(self, call: ast.Call, scope: str) -> None:
        kw = keywords(call)
        argument = call.args[0] if call.args else next(
            (kw[key] for key in ("sql", "statement", "operation", "query") if key in kw), None)
        if argument is None or (isinstance(argument, ast.Call) and not isinstance(argument.func, ast.Attribute)):
            return
        resolver = Resolver(self.index, scope, position(call))
        text = resolver.text(argument)
        if text is None:
            return
        verdict = classify_sql(text)
        if verdict is not None:
            self._add("sql", verdict, call, "medium" if resolver.indirect else "high")

    def _orm(self, call: ast.Call, attr: str) -> None:
        receiver = call.func.value  # type: ignore[attr-defined]
        session = (dotted(receiver) or "").rpartition(".")[2].lower().endswith("session")
        if session and not (self.http and self._rooted(receiver, self.http)):
            if attr == "delete" and len(call.args) == 1 and const_str(call.args[0]) is None:
                self._add("orm", True, call)
                return
            if attr in _SESSION_MUTATING:
                self._add("orm", False, call, "medium")
                return
        chained = bool(self.orm or "objects" in self.source or "query" in self.source) and self._rooted(
            receiver, set(), orm=True)
        tracked = not chained and bool(self.orm) and self._rooted(receiver, self.orm, orm=True)
        if not (chained or tracked):
            if self.django and attr in ("delete", "save") and not call.args and not (
                    self.http and self._rooted(receiver, self.http)):
                self._add("orm", attr == "delete", call, "low")  # a model instance, most likely
            return
        confidence: Confidence = "high" if chained else "medium"
        if attr == "delete" and not call.args:
            self._add("orm", True, call, confidence)
        elif (attr == "save" and tracked) or attr in _ORM_MUTATING:
            self._add("orm", False, call, confidence)


