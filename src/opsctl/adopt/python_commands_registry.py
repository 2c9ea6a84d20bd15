"""Python modules that are commands although nothing runs them by path: the module a thin launcher
hands over to (``scripts/kafka-consumer-manager``: ``from kafka_utils.kafka_consumer_manager.main
import run`` then ``run()``), and the subcommand modules a command line registers
(``DeleteGroup.add_parser(subparsers)`` with ``DeleteGroup`` imported from
``.commands.delete_group``; ``cli.add_command(resolver.resolve(name))`` for each dotted name of a
tuple; a table of imported command classes by subcommand name); and a module that only re-exports a sibling (``from .purge_locks import *``), which does
what the sibling does. Read from the parsed source (:class:`~opsctl.adopt.python_scan.PythonFacts`),
nothing imported.
"""

from __future__ import annotations

import ast
import posixpath
from collections.abc import Iterable

_REGISTERING = ("add_parser", "setup_subparser", "add_subparser", "register_subcommand", "add_command")


def absolute_module(path: str, module: str | None, level: int) -> str:
    """The dotted name ``from <level dots><module> import`` names, in the file at ``path``."""
    if not level:
        return module or ""
    package = posixpath.dirname(path).split("/") if posixpath.dirname(path) else []
    base = package[:len(package) - (level - 1)] if level > 1 else package
    return ".".join([*base, *([module] if module else [])])


def may_launch(source: str) -> bool:
    """A cheap test before :func:`launched_module`: a short file that imports and defines nothing."""
    return len(source) <= 4096 and "import" in source and "def " not in source and "class " not in source


def may_register(source: str) -> bool:
    """A cheap test before :func:`registered_modules`."""
    return any(word in source for word in _REGISTERING) or "import_module(f" in source


def launched_module(tree: ast.Module, path: str) -> tuple[str, int] | None:
    """(module, line of the call) when the script at ``path`` only imports a function and calls
    it, at the top level or under ``if __name__ == "__main__":`` (``run()``, ``sys.exit(main())``)."""
    imported: dict[str, str] = {}
    modules: dict[str, str] = {}  # a name bound to a module: ``import pkg.cli as cli``, ``from pkg import cli``
    calls: list[ast.Call] = []
    statements = list(tree.body)
    while statements:
        statement = statements.pop(0)
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue  # a docstring
        if isinstance(statement, ast.Import):
            for alias in statement.names:
                modules[alias.asname or alias.name] = alias.name
            continue
        if isinstance(statement, ast.ImportFrom):
            for alias in statement.names:
                imported[alias.asname or alias.name] = absolute_module(path, statement.module, statement.level)
                modules[alias.asname or alias.name] = ".".join(
                    filter(None, (absolute_module(path, statement.module, statement.level), alias.name)))
        elif isinstance(statement, ast.If) and _is_main_guard(statement.test) and not statement.orelse:
            statements = list(statement.body) + statements
        elif isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
            calls.append(statement.value)
        else:
            return None
    if len(calls) != 1:
        return None
    call = calls[0]
    if isinstance(call.func, ast.Attribute) and call.func.attr == "exit" and len(call.args) == 1 \
            and isinstance(call.args[0], ast.Call):  # ``sys.exit(main())``
        call = call.args[0]
    if isinstance(call.func, ast.Attribute) and call.func.attr in _LAUNCHING and (
            owner := _dotted(call.func.value)) in modules:
        return modules[owner], call.lineno  # ``from msys2_devtools import cmd_lint`` then ``cmd_lint.run()``
    if not isinstance(call.func, ast.Name) or call.func.id not in imported:
        return None
    return imported[call.func.id], call.lineno


_LAUNCHING = frozenset({"main", "run", "cli", "app", "entry_point", "execute", "start"})
"""The functions a launcher calls in a module it imports whole (``cmd_lint.run()``)."""


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and (head := _dotted(node.value)) is not None:
        return f"{head}.{node.attr}"
    return None


def reexported_module(tree: ast.Module) -> tuple[str, int] | None:
    """(module, line) when the module's only statements are ``from .module import *`` of one
    module of its own folder (``from .common_perform_upgrade import *``: a command kept under
    its old name), a docstring and other star imports of packages aside; or an import of one
    class and ``Command = thatclass`` (the module's last part: a sibling, when one is there)."""
    found: tuple[str, int] | None = None
    body = [s for s in tree.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    if (len(body) == 2 and isinstance(body[0], ast.ImportFrom) and body[0].module and len(body[0].names) == 1
            and isinstance(body[1], ast.Assign) and [getattr(t, "id", None) for t in body[1].targets] == ["Command"]
            and isinstance(body[1].value, ast.Name)
            and body[1].value.id == (body[0].names[0].asname or body[0].names[0].name)):
        # a Django command kept under another name: ``from .migrate_schemas import
        # MigrateSchemasCommand`` then ``Command = MigrateSchemasCommand`` (a sibling's class)
        return body[0].module.rpartition(".")[2], body[0].lineno
    for statement in tree.body:
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue  # the docstring
        if not (isinstance(statement, ast.ImportFrom) and [a.name for a in statement.names] == ["*"]):
            return None
        if statement.level == 1 and statement.module:
            if found is not None:
                return None
            found = (statement.module, statement.lineno)
    return found


def _is_main_guard(test: ast.expr) -> bool:
    return (isinstance(test, ast.Compare) and isinstance(test.left, ast.Name) and test.left.id == "__name__"
            and len(test.comparators) == 1 and isinstance(test.comparators[0], ast.Constant)
            and test.comparators[0].value == "__main__")


def registered_modules(tree: ast.Module, path: str) -> list[str]:
    """Dotted names of the modules whose commands the module at ``path`` registers as its own
    subcommands (see the module's docstring)."""
    imported: dict[str, str] = {}
    constants: dict[str, list[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                imported[alias.asname or alias.name] = absolute_module(path, node.module, node.level)
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple | ast.List) and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.value.elts):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    constants[target.id] = [str(e.value) for e in node.value.elts if isinstance(e, ast.Constant)]
    found: list[str] = []
    loops = {loop.target.id: loop.iter.id for loop in ast.walk(tree) if isinstance(loop, ast.For)
             and isinstance(loop.target, ast.Name) and isinstance(loop.iter, ast.Name)}
    for call in ast.walk(tree):
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and call.func.attr in _REGISTERING):
            continue
        owner = call.func.value
        if call.func.attr != "add_command" and isinstance(owner, ast.Name) and owner.id in imported:
            # ``DeleteGroup.add_parser(subparsers)``: a class of another module adds its parser
            found.append(imported[owner.id])
        for arg in call.args if call.func.attr == "add_command" else ():
            if isinstance(arg, ast.Name) and arg.id in imported:  # ``cli.add_command(user_cli)``
                found.append(imported[arg.id])
                continue
            # ``cli.add_command(resolver.resolve(cmd))`` for ``cmd`` of a tuple of dotted names
            name = arg.args[0] if isinstance(arg, ast.Call) and len(arg.args) == 1 else None
            if isinstance(name, ast.Name) and (listed := constants.get(loops.get(name.id, ""))):
                found.extend(_module_of_object(text) for text in listed)
    for table in ast.walk(tree):
        # ``subcommands = {"export": ExportCommand, "repair": Repair}``, each class imported from
        # a module of its own, whose parsers the program adds in a loop over the table
        if isinstance(table, ast.Dict) and table.keys and all(
                isinstance(key, ast.Constant) and isinstance(key.value, str) for key in table.keys) and all(
                isinstance(value, ast.Name) and value.id in imported for value in table.values):
            found.extend(imported[value.id] for value in table.values if isinstance(value, ast.Name))
    found.extend(_dispatched_packages(tree, path))
    return found


def _dispatched_packages(tree: ast.Module, path: str) -> list[str]:
    """``importlib.import_module(f"commands.{name}")``: a program that runs the module of a
    package its argument names (``main.py purge_history``), each module of that package a
    command of it. As ``PACKAGE.*``, the package named from the program's own folder (where
    Python looks first when it runs the file)."""
    here = posixpath.dirname(path).replace("/", ".")
    found: list[str] = []
    for call in ast.walk(tree):
        if not (isinstance(call, ast.Call) and call.args and isinstance(call.args[0], ast.JoinedStr)):
            continue
        name = call.func.attr if isinstance(call.func, ast.Attribute) else (
            call.func.id if isinstance(call.func, ast.Name) else "")
        parts = call.args[0].values
        if name != "import_module" or len(parts) != 2 or not isinstance(parts[0], ast.Constant) \
                or not isinstance(parts[1], ast.FormattedValue):
            continue
        prefix = str(parts[0].value)
        if prefix.endswith(".") and prefix[:-1].replace(".", "").replace("_", "").isalnum():
            found.append(f"{here}.{prefix}*" if here else f"{prefix}*")
    return found


def _module_of_object(dotted: str) -> str:
    """``h.cli.commands.user.user`` -> ``h.cli.commands.user``; ``pkg.mod:obj`` -> ``pkg.mod``."""
    if ":" in dotted:
        return dotted.partition(":")[0]
    return dotted.rpartition(".")[0]


def module_paths(paths: Iterable[str]) -> dict[str, str]:
    """Dotted module name -> path, for the Python files of the tree (``src/`` layouts too)."""
    found: dict[str, str] = {}
    for path in paths:
        if not path.endswith(".py"):
            continue
        dotted = path[:-3].replace("/", ".").removesuffix(".__init__")
        found.setdefault(dotted, path)
        if dotted.startswith("src."):
            found.setdefault(dotted[4:], path)
    return found
