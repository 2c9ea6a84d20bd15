"""The AST of a Python script, read without running it: summary, interface (see
:mod:`opsctl.adopt.python_interface`), environment, side effects, exit codes, dry run, and whether
the file is a program or a library.

One ``ast.parse`` and one iterative walk (:func:`~opsctl.adopt.python_index.index_module`)
per script; the rules then look only at the nodes they need (calls, subscripts, compares...), and
whole families are skipped by a substring test of the source (no ``boto`` in the text: no cloud
receivers to track). Local modules the script imports are followed by
:mod:`opsctl.adopt.python_local` (each parsed once per process, keyed by path, mtime and size).

Effects are found by :class:`~opsctl.adopt.python_effects.EffectFinder`. Command lines are
resolved statically (:class:`~opsctl.adopt.python_commands.Resolver`: literals, f-strings, joins, ``shlex.split``,
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
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from opsctl.adopt.model import EnvVar, Script
from opsctl.adopt.python_commands import (
    SECRET_VALUE,
    Resolver,
    node_text,
)
from opsctl.adopt.python_commands_registry import (
    launched_module,
    may_launch,
    may_register,
    reexported_module,
    registered_modules,
)
from opsctl.adopt.python_effects import EffectFinder
from opsctl.adopt.python_index import (
    TASK_DECORATORS,
    ModuleIndex,
    const_str,
    dotted,
    index_module,
    keywords,
    literal,
    parse,
)
from opsctl.adopt.python_interface import (
    dry_run,
    extract_interface,
    flask_app_groups,
    flask_cli_decorator,
)
from opsctl.adopt.python_local import (
    absolute_aliases,
    borrowed_interface,
    deleting_project_calls,
    follow_local_modules,
    helper_module_options,
    imported_click_options,
    imported_parser_interface,
    inherited_options,
    local_imports,
    package_of,
    parser_class_options,
)
from opsctl.adopt.summary import comment_summary, docstring_summary


@dataclass(slots=True)
class PythonFacts:
    """What discovery needs beyond the Script: whether the file runs as a program, and what it imports."""

    entry: bool = False
    """Has a ``__main__`` guard, top-level code that does work, a CLI declared at module level,
    or is a Django management command."""
    imports: set[str] = field(default_factory=set)
    """Dotted module names imported (absolute and resolved relative ones)."""
    flask_commands: bool = False
    """Declares commands of the ``flask`` program (``@bp.cli.command("import_ctf")``): run by
    ``flask NAME`` wherever the application registers it, as a Django command is."""
    launches: tuple[str, int, str] | None = None
    """A thin launcher's module, the line of its call and that line's text (see
    :mod:`~opsctl.adopt.python_commands_registry`)."""
    registers: tuple[str, ...] = ()
    """The modules whose commands this module registers as its subcommands."""
    reexports: tuple[str, int] | None = None
    """The sibling module it only re-exports (``from .x import *``), and the import's line."""


def scan_python(script: Script, source: str, *, file: Path, root: Path) -> PythonFacts:
    """Fill ``script`` (interface, env, effects, exit_codes, has_dry_run, dry_run_flag, summary,
    warnings) from ``source``. Raises SyntaxError (or ValueError) when it does not parse."""
    tree = parse(source)
    blanked = getattr(tree, "opsctl_fstrings_blanked", None)
    try:
        facts = _scan(script, source, tree, file=file, root=root)
    except RecursionError:
        raise ValueError("nested too deeply to scan (RecursionError)") from None
    if blanked is not None:
        script.warnings.append(
            f"f-strings of Python 3.12 (the first at line {blanked}) that this Python "
            f"({sys.version_info[0]}.{sys.version_info[1]}) does not parse were read as empty "
            "strings: what runs inside them is not seen; scan with Python 3.12 or newer to read them")
    return facts


# --- the scan ----------------------------------------------------------------------------------

def _scan(script: Script, source: str, tree: ast.Module, *, file: Path, root: Path) -> PythonFacts:
    index = index_module(tree)
    package = package_of(file, root)
    absolute_aliases(index, package)
    script.summary = summary(tree, source)
    # Django loads every module of management/commands/ but those named with a leading underscore
    django_path = "management/commands/" in file.as_posix() and not file.name.startswith("_")
    imports, local = local_imports(index, package, file, root)
    shared_click = imported_click_options(index, local) if local and "click" in source else None
    interface = extract_interface(index, source, django_path=django_path, shared_click=shared_click)
    script.interface = interface.interface
    script.warnings.extend(interface.warnings)
    # no interface of its own, or argv handed on whole (to a parser in a local module)
    if (script.interface.kind == "none" or (script.interface.kind == "argv"
                                            and not script.interface.flags)) and local:
        script.interface = (borrowed_interface(index, local, root) or imported_parser_interface(index, local)
                            or script.interface)
    elif interface.borrows_parser and local and (borrowed := borrowed_interface(index, local)) is not None:
        # ``parser = base_parser(...)`` from a module of the project, then options of its own
        own = {flag.name for flag in script.interface.flags}
        script.interface.flags = [*(f for f in borrowed.flags if f.name not in own), *script.interface.flags]
    if script.interface.kind in ("django", "none") and django_path and local:
        inherited_options(script, index, local)
    elif script.interface.kind == "argparse" and local and "Parser" in source:
        parser_class_options(script, index, local)
    if script.interface.kind == "argparse" and local:
        helper_module_options(script, index, local)
    for option in script.interface.flags:  # a password's default written in the script is still a secret
        if isinstance(option.default, str) and (SECRET_VALUE.search(option.default) or any(
                looks_like_credential(name.lstrip("-").replace("-", "_")) for name in (option.name, option.dest or ""))):
            option.default = None
    script.env = environment(index, interface.env)
    # a required option whose variable holds a credential: the variable is how the credential
    # arrives (wrap makes it an opsctl secret, not a flag), so the variable is required too
    required_vars = {flag.envvar for flag in script.interface.flags if flag.required and flag.envvar}
    for env in script.env:
        if env.credential and env.name in required_vars:
            env.required = True
    finder = EffectFinder(index, source)
    script.effects = finder.effects()
    script.warnings.extend(finder.warnings)
    followed = follow_local_modules(script, index, local, root)
    deleting_project_calls(script, index, file, root, finder, followed)
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
    helper_of_commands = "management/commands/" in file.as_posix() and file.name.startswith("_")
    groups = flask_app_groups(tree, index) if "AppGroup" in source else frozenset()
    flask_commands = (".cli." in source or bool(groups)) and any(
        flask_cli_decorator(d, groups) for statement in tree.body
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef) for d in statement.decorator_list)
    launched = launched_module(tree, script.path) if may_launch(source) else None
    return PythonFacts(entry=not helper_of_commands and is_entry(
        tree, index, django_path or script.interface.kind == "django", source), imports=imports,
        flask_commands=flask_commands,
        launches=(*launched, source.splitlines()[launched[1] - 1].strip()) if launched else None,
        registers=tuple(registered_modules(tree, script.path)) if may_register(source) else (),
        reexports=reexported_module(tree) if ("import *" in source or "Command = " in source) and len(source) <= 4096 else None)


def _argv_membership(index: ModuleIndex, compare: ast.Compare) -> str | None:
    if isinstance(compare.ops[0], ast.In | ast.NotIn) and index.canonical(compare.comparators[0]) == "sys.argv":
        return const_str(compare.left)
    return None


_DRY_RUN_ENV = re.compile(r"(?:^|_)(?:DRY_?RUN|NOOP|SIMULATE)$", re.IGNORECASE)


# --- summary and entry -------------------------------------------------------------------------

_SKIP_COMMENT = re.compile(
    r"-\*-|coding[:=]|vim?:|pylint:|noqa|type:|flake8|^(?:author|date|version|created|\$id)\b|"
    r"^[-=#*~_ ]*$", re.IGNORECASE)


def summary(tree: ast.Module, source: str) -> str | None:
    """The first line of the module docstring, else the first comment after the shebang (past
    a licence header)."""
    docstring = ast.get_docstring(tree)
    found = docstring_summary(docstring, _SKIP_COMMENT) if docstring else None
    return found or comment_summary(source.splitlines()[:200], _SKIP_COMMENT)


_SETUP_CALLS = re.compile(
    r"^(?:logging\.|warnings\.|sys\.path\.|sys\.setrecursionlimit|urllib3\.disable_warnings|"
    r"dotenv\.load_dotenv|django\.setup|os\.environ\.setdefault|matplotlib\.use|locale\.setlocale|"
    r"(?:\w+\.)*(?:register|setdefault|update|append|extend|add|install|patch_all)$)")
_CLI_MODULE_CALLS = ("argparse.ArgumentParser", "optparse.OptionParser", "typer.Typer",
                     "getopt.getopt", "getopt.gnu_getopt", "click.group", "click.command",
                     # an invoke or Fabric tasks file: ``inv TASK`` runs its ``@task`` functions
                     *TASK_DECORATORS)


def is_entry(tree: ast.Module, index: ModuleIndex, django: bool, source: str) -> bool:
    if django or source.startswith("#!"):
        return True
    groups = flask_app_groups(tree, index) if "AppGroup" in source else frozenset()
    return any(_does_work(statement, index) or (groups and isinstance(statement, ast.FunctionDef) and any(
        flask_cli_decorator(d, groups) for d in statement.decorator_list)) for statement in tree.body)


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
        # (``def lambda_handler(event, context):``: a function a serverless runtime calls, the
        # module's entry point as ``if __name__ == "__main__"`` is a script's)
        return (_LAMBDA_HANDLER.fullmatch(statement.name) is not None and [
            a.arg for a in statement.args.args] == ["event", "context"]) or any(
            (index.canonical(d.func if isinstance(d, ast.Call) else d) or "") in _CLI_MODULE_CALLS
            or flask_cli_decorator(d) for d in statement.decorator_list)
    if isinstance(statement, ast.Assign | ast.AnnAssign) and isinstance(statement.value, ast.Call):
        name = index.canonical(statement.value.func) or ""
        # (``dag = DAG("airflow-log-cleanup", schedule_interval="@daily")``: a DAG file, which
        # Airflow's scheduler runs, not a module imported for its definitions)
        return name in _CLI_MODULE_CALLS or name.endswith(".parse_args") or name in _AIRFLOW_DAGS
    return False


_LAMBDA_HANDLER = re.compile(r"(?:lambda_)?handler|\w+_handler|main")
_AIRFLOW_DAGS = frozenset({"airflow.DAG", "airflow.models.DAG", "airflow.models.dag.DAG"})


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
    wrappers = _env_wrappers(index)
    for call, scope in index.calls:
        if index.canonical(call.func) in _ENV_CALLS and call.args:
            reads.extend((name, call.lineno, False) for name in _env_names(index, call.args[0], scope))
        elif wrappers and (position := wrappers.get(
                call.func.id if isinstance(call.func, ast.Name) else call.func.attr
                if isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name)
                and call.func.value.id in ("self", "cls") else "")) is not None:
            passed = call.args if position < 0 else call.args[position:position + 1]
            reads.extend((name, call.lineno, False) for arg in passed if isinstance(arg, ast.Constant)
                         and isinstance(name := arg.value, str))
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


def _env_wrappers(index: ModuleIndex) -> dict[str, int]:
    """The script's own functions that read the variable a parameter names (``def env(name):
    return os.environ.get(name)``, ``def _env_value(self, *names): for name in names: ...``):
    function name -> the position of that parameter in a call (-1: each of ``*names``)."""
    found: dict[str, int] = {}
    for call, scope in index.calls:
        if not (call.args and isinstance(call.args[0], ast.Name) and index.canonical(call.func) in _ENV_CALLS):
            continue
        function = index.functions.get(scope)
        if function is None:
            continue
        arguments = function.args
        parameters = [a.arg for a in (*arguments.posonlyargs, *arguments.args)]
        if "." in scope and parameters[:1] in (["self"], ["cls"]):
            parameters = parameters[1:]
        name = call.args[0].id
        if name in parameters:
            found[function.name] = parameters.index(name)
        elif arguments.vararg is not None and any(
                loop_scope == scope and isinstance(loop.target, ast.Name) and loop.target.id == name
                and isinstance(loop.iter, ast.Name) and loop.iter.id == arguments.vararg.arg
                for loop, loop_scope in index.loops):
            found[function.name] = -1
    return found


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
UNKNOWN_EXIT_CODE = "exit code not determined statically"
"""How the warning for ``sys.exit(main())`` starts: the interface is known all the same."""


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
                unknown = f"{UNKNOWN_EXIT_CODE}: line {call.lineno}: {node_text(call)}"
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
