"""The script's own modules, followed: imports resolved to files under the scan's root, the
effects and interfaces of those modules (each parsed once per process, keyed by path, mtime and
size), the helpers a script calls in them (one level, then a bounded number onward), methods
delegated to project classes, and calls into the project that delete, restore or run commands.
:func:`opsctl.adopt.python_scan.scan_python` calls these after the script's own body is read.
"""

from __future__ import annotations

import ast
import builtins
import copy
import functools
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from opsctl.adopt.model import Effect, Flag, Interface, Script
from opsctl.adopt.python_commands import (
    CommandParameter,
    classify_command,
    command_at_site,
    node_text,
    sanitize_call,
)
from opsctl.adopt.python_effects import EffectFinder
from opsctl.adopt.python_index import (
    ModuleIndex,
    const_str,
    dotted,
    index_module,
    parse,
    position,
)
from opsctl.adopt.python_interface import (
    extract_interface,
    forwarded_parser,
    parse_add_argument,
    registers_cli_opts,
    shared_click_param,
)


def package_of(file: Path, root: Path) -> list[str]:
    try:
        return list(file.parent.resolve().relative_to(root.resolve()).parts)
    except ValueError:
        return []


def _absolute(module: str, level: int, package: list[str]) -> str:
    base = package[: len(package) - (level - 1)] if level > 1 else package
    return ".".join([*base, *([module] if module else [])])


def absolute_aliases(index: ModuleIndex, package: list[str]) -> None:
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


def _distribution_folders(root: str, package: str) -> tuple[str, ...]:
    """The folders of distributions at the top of a repository of several that hold
    ``package`` (``Allura/allura/`` for ``import allura`` in ``scripts/x.py``): on the path once
    that distribution is installed, as the scripts beside it expect."""
    if not package or package in sys.stdlib_module_names:
        return ()
    return _top_level_packages(root).get(package, ())


@functools.lru_cache(maxsize=64)
def _top_level_packages(root: str) -> dict[str, tuple[str, ...]]:
    """Each folder name found one level inside the top folders of ``root`` -> those top folders
    (listed once a root: looking for each imported name in each top folder was 2% of a scan of
    a tree of four hundred repositories)."""
    found: dict[str, list[str]] = {}
    try:
        tops = sorted(entry.name for entry in os.scandir(root) if entry.is_dir() and not entry.name.startswith("."))
    except OSError:
        return {}
    for top in tops:
        folder = os.path.join(root, top)
        try:
            names = [entry.name for entry in os.scandir(folder) if entry.is_dir()]
        except OSError:
            continue
        for name in names:
            found.setdefault(name, []).append(folder)
    return {name: tuple(folders) for name, folders in found.items()}


_ANCESTORS = 4


def import_bases(file: Path, root: Path) -> list[str]:
    """Where an absolute import of a file under ``root`` is looked for: its folder, the folders
    above it (at most ``_ANCESTORS``, inside the tree) and the root. A script of a distribution
    in a repository of several (``st2common/bin/st2-purge-tokens`` importing
    ``st2common.cmd.purge_tokens``, at ``st2common/st2common/cmd/purge_tokens.py``) runs with
    its distribution's folder on the path once installed."""
    bases = [str(file.parent)]
    top = str(root)
    folder = file.parent
    for _ in range(_ANCESTORS):
        if str(folder) == top or folder.parent == folder or not str(folder.parent).startswith(top):
            break
        folder = folder.parent
        bases.append(str(folder))
    above = _package_base(top)  # a root that is a package: `from pkg.tools import x` in it
    return list(dict.fromkeys([*bases, top, *([above] if above else [])]))


@functools.lru_cache(maxsize=64)
def _package_base(root: str) -> str | None:
    """The folder a root that is itself a package (``xtrabackup/`` holding ``__init__.py``)
    is imported from, so that its scripts' absolute imports of their own package name files
    under the root; None for a root that is not a package."""
    folder = root = os.path.abspath(root)
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
    return folder if folder != root else None


def _inside(path: str, root: Path) -> bool:
    """``path`` is a file of the tree scanned (a module found from the folder above a root that
    is a package may be a sibling package's, outside it)."""
    top = os.path.realpath(root)
    return os.path.realpath(path).startswith(top.rstrip(os.sep) + os.sep)


def local_imports(index: ModuleIndex, package: list[str], file: Path, root: Path) -> tuple[set[str], dict[str, Path]]:
    imports: set[str] = set()
    local: dict[str, Path] = {}
    if not index.imports:
        return imports, local
    here = os.path.realpath(file)
    roots = [str(root)]
    bases = import_bases(file, root)

    def register(module: str, relative: bool) -> bool:
        path = _module_file(module, roots if relative else bases)
        if path is None and not relative and (siblings := _distribution_folders(str(root), module.partition(".")[0])):
            path = _module_file(module, list(siblings))
        if path is not None and os.path.realpath(path) != here and _inside(path, root):
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
    calls: dict[str, frozenset[str]] = field(default_factory=dict)
    """Function -> the module's own functions it calls by name (``""``: at import time)."""
    imported_calls: dict[str, frozenset[str]] = field(default_factory=dict)
    """Function -> dotted names it calls through the module's imports (``.proxy.Handler.reset``
    as written: a relative name is resolved by the follower, who knows the module's package)."""
    delegates: dict[str, str] = field(default_factory=dict)
    """Function -> the method name it hands its work to on an object it got from elsewhere:
    ``def reset_logs(cls, ...): return cls.get_implementation().reset_logs(...)``."""

    def reachable(self, functions: set[str], depth: int = 6) -> set[str]:
        """``functions`` and what they call in the same module, through ``depth`` levels: a
        script's call to ``clean_images()`` reaches the ``deregister_image()`` it calls in turn."""
        seen = set(functions)
        frontier = set(functions)
        for _ in range(depth):
            frontier = {callee for caller in frontier for callee in self.calls.get(caller, ())} - seen
            if not frontier:
                break
            seen |= frontier
        return seen


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
        if effect.kind == "sql" and not effect.via:
            # SQL at a module's top level is a statement defined (``_DELETE = sqltext("delete
            # ...")``), run by whichever function uses it, not when the module is imported
            continue
        by_function.setdefault(effect.via or "", []).append(effect)
    calls: dict[str, set[str]] = {}
    imported: dict[str, set[str]] = {}
    delegates: dict[str, str] = {}
    index = finder.index
    for call, scope in index.calls:
        func = call.func
        if isinstance(func, ast.Name) and (helper := index.function(func.id, scope)) is not None:
            calls.setdefault(scope, set()).add(index.qualname(helper))
        elif (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
              and func.value.id in ("self", "cls") and "." in scope):  # self.other() in Class.method
            method = f"{scope.split('.', 1)[0]}.{func.attr}"
            if method in index.functions:
                calls.setdefault(scope, set()).add(method)
        elif (name := dotted(func)) and name.partition(".")[0] in index.aliases:
            imported.setdefault(scope, set()).add(index.canonical(func) or name)
        elif (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call | ast.Attribute)
              and scope.rpartition(".")[2] == func.attr and not func.attr.startswith("__")):
            delegates[scope] = func.attr
    return ModuleEffects({name: tuple(effects) for name, effects in by_function.items()},
                         dict(finder.command_parameters),
                         calls={name: frozenset(callees) for name, callees in calls.items()},
                         imported_calls={name: frozenset(v) for name, v in imported.items()},
                         delegates=delegates)


_PARSER_BUILDERS = re.compile(r"(?:^|\.)(?:ArgumentParser|OptionParser|command|group|option|argument)$")


@functools.lru_cache(maxsize=1024)
def _module_interface(path: str, mtime_ns: int, size: int) -> tuple[Interface | None, frozenset[str]]:
    """A local module's command line, and its functions that build it (make an argparse or
    optparse parser, or carry click decorators); parsed once per version of the file."""
    del mtime_ns, size  # the cache key
    try:
        source = Path(path).read_text(encoding="utf-8", errors="replace")
        if not any(word in source for word in ("Parser", "click", "register_cli_opt")):
            return None, frozenset()
        index = index_module(parse(source))
        interface = extract_interface(index, source).interface
    except (OSError, SyntaxError, ValueError, RecursionError):
        return None, frozenset()
    if interface.kind not in ("argparse", "optparse", "click", "oslo.config"):
        return None, frozenset()
    builders: set[str] = set()
    for name, function in index.functions.items():
        calls = [node for node in ast.walk(function) if isinstance(node, ast.Call)]
        calls.extend(decorator for decorator in function.decorator_list if isinstance(decorator, ast.Call))
        if any(_PARSER_BUILDERS.search(index.canonical(call.func) or "") or (
                registers_cli_opts(call))
               for call in calls) or any(
                _PARSER_BUILDERS.search(index.canonical(decorator) or "") for decorator in function.decorator_list):
            builders.add(name)
    for _ in range(2):  # ``def main(): options, args = parse_options()``: main builds it too
        builders |= {name for name, function in index.functions.items() if name not in builders and any(
            isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in builders
            for node in ast.walk(function))}
    return interface, frozenset(builders)


def borrowed_interface(index: ModuleIndex, local: dict[str, Path], root: Path | None = None,
                       scope: str | None = None) -> Interface | None:
    """A script without a command line of its own that calls a local module's function which
    builds one (``from .utils import parse_args; args = parse_args(sys.argv[1:])``) takes that
    module's; with ``root``, through a second module too (a launcher's ``from pkg.cli import
    main; main()``, where ``main`` calls ``parse_args()`` of ``pkg.core``). ``scope``: only the
    calls of that function."""
    for call, call_scope in index.calls:
        if scope is not None and call_scope != scope and not call_scope.startswith(scope + "."):
            continue
        name = index.canonical(call.func)
        if not name or "." not in name:
            continue
        if call.args and isinstance(call.args[0], (ast.List, ast.Tuple)) and call.args[0].elts \
                and const_str(call.args[0].elts[0]) is not None:
            continue  # ``awstools.main(["launch", "--market", "spot"])``: words of its own, not the script's
        module, _, function = name.rpartition(".")
        path = local.get(module)
        owner = None
        if path is None and "." in module:  # ``CreateSitemapFiles.main()``: a class's method
            module, _, owner = module.rpartition(".")
            path = local.get(module)
        if path is None:
            continue
        try:
            stat = path.stat()
        except OSError:
            continue
        interface, builders = _module_interface(str(path), stat.st_mtime_ns, stat.st_size)
        # ``args = ManifestsArgs()``: a class whose ``__init__`` builds the parser
        if interface is not None and (
                (owner is None and (function in builders or f"{function}.__init__" in builders))
                or (owner is not None and any(builder.startswith(f"{owner}.") for builder in builders))):
            return copy.deepcopy(interface)
        if interface is None and root is not None and owner is None and (
                nested := _borrowed_through(path, function, root)) is not None:
            return nested
    return None


def imported_parser_interface(index: ModuleIndex, local: dict[str, Path]) -> Interface | None:
    """``from util.sign import *`` (or ``import parser``), then ``parser.parse_args()``: the
    parser a local module makes at its top level, with its options, is the script's command
    line (a family of scripts sharing one module's parser). So is the parser of a module that
    parses the command line when it is imported (``import settings``, whose top level runs
    ``args = parser.parse_args()``; the script reads ``settings.args``)."""
    parsed = {call.func.value.id for call, _scope in index.calls
              if isinstance(call.func, ast.Attribute) and call.func.attr in ("parse_args", "parse_known_args")
              and isinstance(call.func.value, ast.Name)}
    names = {name for name in parsed if not any(key[1] == name for key in index.assigns)}
    modules = [(node.module or "", {alias.name for alias in node.names}) for node in index.imports
               if isinstance(node, ast.ImportFrom) and node.level == 0]
    modules += [(alias.name, {"<module>"}) for node in index.imports if isinstance(node, ast.Import)
                for alias in node.names]
    modules += [(f"{node.module}.{alias.name}", {"<module>"}) for node in index.imports  # ``from ops import utils``
                if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module for alias in node.names]
    for module, imported in modules:
        path = local.get(module)
        if path is None:
            continue
        try:
            stat = path.stat()
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        made = {name for name in names if re.search(rf"^{name}\s*=\s*[\w.]*ArgumentParser\(", text, re.M)}
        on_import = re.search(r"^\w+\s*=\s*\w+\.parse(?:_known)?_args\(", text, re.M) is not None
        if not ((made and (imported & made or "*" in imported)) or on_import):
            continue
        interface, _builders = _module_interface(str(path), stat.st_mtime_ns, stat.st_size)
        if interface is not None and interface.kind == "argparse":
            return copy.deepcopy(interface)
    return None


def _borrowed_through(path: Path, function: str, root: Path) -> Interface | None:
    """The command line that ``function`` of the project module at ``path`` takes from a module
    of its own (one level more, no further)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    if not _may_hand_over(str(path), stat.st_mtime_ns, stat.st_size):
        return None
    cached = _indexed_module(str(path), stat.st_mtime_ns, stat.st_size)
    if cached is None or function not in cached.functions:
        return None
    package = package_of(path, root)
    index = replace(cached, aliases=dict(cached.aliases))  # (its relative imports made absolute here)
    absolute_aliases(index, package)
    _imports, local = local_imports(index, package, path, root)
    return borrowed_interface(index, local, scope=function) if local else None


@functools.lru_cache(maxsize=1024)
def _may_hand_over(path: str, mtime_ns: int, size: int) -> bool:
    """Whether a project module may call a parser of another (a cheap look at its text before
    it is parsed: most modules a script calls into never do)."""
    del mtime_ns, size  # the cache key
    try:
        source = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return any(word in source for word in ("parse_args", "Parser", "parser", "click", "docopt", "argv"))


@functools.lru_cache(maxsize=16)
def _indexed_module(path: str, mtime_ns: int, size: int) -> ModuleIndex | None:
    """A project module, parsed and indexed once per version of the file (read only: callers
    must not change it)."""
    del mtime_ns, size  # the cache key
    try:
        index = index_module(parse(Path(path).read_text(encoding="utf-8", errors="replace")))
    except (OSError, SyntaxError, ValueError, RecursionError):
        return None
    return index


def inherited_options(script: Script, index: ModuleIndex, local: dict[str, Path]) -> None:
    """A Django command whose class derives from the project's own base command
    (``class Command(BaseRevisionCommand)``) and keeps its options (``super().add_arguments(parser)``,
    or no ``add_arguments`` of its own) also takes the base's options, listed first."""
    for cls in index.classes:
        own = next((node for node in cls.body if isinstance(node, ast.FunctionDef) and node.name == "add_arguments"),
                   None)
        if own is not None and not any(isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                                       and node.func.attr == "add_arguments"
                                       and isinstance(node.func.value, ast.Call) for node in ast.walk(own)):
            continue
        for base in cls.bases:
            module, _, name = (index.canonical(base) or "").rpartition(".")
            path = local.get(module)
            if path is None:
                continue
            try:
                source = path.read_text(encoding="utf-8", errors="replace")
                base_index = index_module(parse(source))
            except (OSError, SyntaxError, ValueError, RecursionError):
                continue
            if not any(node.name == name for node in base_index.classes):
                continue
            inherited = extract_interface(base_index, source, django_path=True).interface.flags
            known = {flag.name for flag in script.interface.flags}
            script.interface.flags[:0] = [replace(flag, line=None) for flag in inherited if flag.name not in known]
            if script.interface.flags:
                script.interface.kind = "django"
            return


def parser_class_options(script: Script, index: ModuleIndex, local: dict[str, Path]) -> None:
    """``parser = ArgumentParser(...)`` where ``ArgumentParser`` is the project's own subclass
    of argparse's (``from octodns.cmds.args import ArgumentParser``) that adds options of its own
    (``self.add_argument('--debug', ...)`` in ``__init__`` or ``parse_args``): those options too,
    listed first."""
    for call, _scope in index.calls:
        module, _, name = (index.canonical(call.func) or "").rpartition(".")
        path = local.get(module) if name.endswith("Parser") else None
        if path is None:
            continue
        try:
            base_index = index_module(parse(path.read_text(encoding="utf-8", errors="replace")))
        except (OSError, SyntaxError, ValueError, RecursionError):
            continue
        cls = next((node for node in base_index.classes if node.name == name and any(
            (base_index.canonical(base) or "").endswith("ArgumentParser") for base in node.bases)), None)
        if cls is None:
            continue
        known = {flag.name for flag in script.interface.flags}
        added = []
        for node in ast.walk(cls):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "add_argument"
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "self"):
                flag = parse_add_argument(base_index, node, [])
                if flag is not None and flag.name not in known:
                    known.add(flag.name)
                    added.append(replace(flag, line=None))
        script.interface.flags[:0] = added
        return


def imported_click_options(index: ModuleIndex, local: dict[str, Path]) -> dict[str, tuple[ModuleIndex, ast.Call]]:
    """``from .common import config_option``, then ``@config_option`` on a command, where the
    project module says ``config_option = click.option("-c", "--config", ...)``: the option by
    its imported name, with the module it is read in."""
    shared: dict[str, tuple[ModuleIndex, ast.Call]] = {}
    for function in index.functions.values():
        for decorator in function.decorator_list:
            name = index.canonical(decorator) if isinstance(decorator, ast.Name | ast.Attribute) else None
            module, _, attribute = (name or "").rpartition(".")
            if name is None or name in shared or module not in local:
                continue
            try:
                stat = local[module].stat()
            except OSError:
                continue
            owner = _indexed_module(str(local[module]), stat.st_mtime_ns, stat.st_size)
            option = shared_click_param(owner, attribute) if owner is not None else None
            if owner is not None and option is not None:
                shared[name] = (owner, option)
    return shared


def helper_module_options(script: Script, index: ModuleIndex, local: dict[str, Path]) -> None:
    """``standard_args.add_dry_run(parser)``: a function of a project module handed the script's
    parser adds its options there (``parser.add_argument(...)`` on that parameter, or through
    the module's own wrapper ``add_argument(parser, "--dry-run", ...)``); those options too, in
    the order the script calls the helpers, before its own."""
    known = {flag.name for flag in script.interface.flags}
    added: list[Flag] = []
    modules: dict[str, ModuleIndex | None] = {}
    for call, _scope in sorted(index.calls, key=lambda item: position(item[0])):
        module, _, name = (index.canonical(call.func) or "").rpartition(".")
        if module not in local or not call.args or not (
                (isinstance(call.args[0], ast.Name) and "parser" in call.args[0].id.lower())
                or (isinstance(call.args[0], ast.Call)  # ``add_default_arguments(ArgumentParser())``
                    and (index.canonical(call.args[0].func) or "").endswith("ArgumentParser"))):
            continue
        if module not in modules:
            try:
                modules[module] = index_module(parse(local[module].read_text(encoding="utf-8", errors="replace")))
            except (OSError, SyntaxError, ValueError, RecursionError):
                modules[module] = None
        helper_index = modules[module]
        helper = helper_index.functions.get(name) if helper_index is not None else None
        if helper_index is None or helper is None or not helper.args.args:
            continue
        parser = helper.args.args[0].arg
        # and its groups (``group = parser.add_argument_group("API")``, ``group.add_argument(...)``)
        parsers = {parser} | {target.id for node in ast.walk(helper) if isinstance(node, ast.Assign)
                              and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Attribute)
                              and node.value.func.attr in ("add_argument_group", "add_mutually_exclusive_group")
                              and isinstance(node.value.func.value, ast.Name) and node.value.func.value.id == parser
                              for target in node.targets if isinstance(target, ast.Name)}
        for node in ast.walk(helper):
            if not isinstance(node, ast.Call):
                continue
            if (isinstance(node.func, ast.Attribute) and node.func.attr == "add_argument"
                    and isinstance(node.func.value, ast.Name) and node.func.value.id in parsers):
                handed = node
            elif (isinstance(node.func, ast.Name) and node.args and isinstance(node.args[0], ast.Name)
                  and node.args[0].id == parser and (wrapper := helper_index.functions.get(node.func.id)) is not None
                  and forwarded_parser(wrapper) == 0):
                handed = ast.copy_location(ast.Call(func=node.func, args=node.args[1:], keywords=node.keywords), node)
            else:
                continue
            flag = parse_add_argument(helper_index, handed, [])
            if flag is not None and flag.name not in known:
                known.add(flag.name)
                added.append(replace(flag, line=None))
    script.interface.flags[:0] = added


def _local_instances(index: ModuleIndex, local: dict[str, Path]) -> dict[str, tuple[str, str]]:
    """Names bound to an object of a local module's class: name -> (module, class)."""
    made: dict[str, tuple[str, str]] = {}
    for (_scope, name), entries in index.assigns.items():
        for _position, op, value in entries:
            if op == "=" and isinstance(value, ast.Call):
                module, _, cls = (index.canonical(value.func) or "").rpartition(".")
                if module in local and cls[:1].isupper():
                    made[name] = (module, cls)
    return made


def follow_local_modules(script: Script, index: ModuleIndex, local: dict[str, Path], root: Path) -> set[str]:
    """Add the effects of the local modules' code the script runs; returns the calls it followed
    into methods of local classes (``program.rotate``), which need no guess from their name."""
    if not local:
        return set()
    wanted: dict[str, set[str]] = {module: {""} for module in local}
    sites: list[tuple[ast.Call, str, str, str]] = []
    instances = _local_instances(index, local)
    method_calls: set[str] = set()
    for call, scope in index.calls:
        name = index.canonical(call.func)
        if name:
            module, _, function = name.rpartition(".")
            owner, _, cls = module.rpartition(".")
            if module not in wanted and owner in wanted and cls[:1].isupper():
                module, function = owner, f"{cls}.{function}"  # Handler.reset_logs(): a class's method
            if module in wanted:
                wanted[module].add(function)
                sites.append((call, scope, module, function))
                if function[:1].isupper():  # Cls(...) runs Cls.__init__
                    wanted[module].add(f"{function}.__init__")
        if isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name) and (
                made := instances.get(call.func.value.id)):  # program = RotateBackups(...); program.rotate()
            wanted[made[0]].add(f"{made[1]}.{call.func.attr}")
            method_calls.add(name or "")
        elif isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Call):
            # HostMetricTask().cleanup(...): the method of an object made on the spot
            module, _, cls = (index.canonical(call.func.value.func) or "").rpartition(".")
            if module in wanted and cls[:1].isupper():
                wanted[module].add(f"{cls}.{call.func.attr}")
                method_calls.add(name or "")
    for command_class in index.classes:  # class Command(BaseCleanupCommand): the base's handle() runs
        own = {item.name for item in command_class.body
               if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)}
        for base in command_class.bases:
            module, _, base_name = (index.canonical(base) or "").rpartition(".")
            if module in wanted and base_name[:1].isupper():
                wanted[module].update(f"{base_name}.{method}" for method in _FRAMEWORK_ENTRIES
                                      if method not in own or _calls_super(command_class, method))
    onward: list[tuple[Path, ModuleEffects, set[str]]] = []
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
        reached = found.reachable(functions)
        for function in sorted(reached):
            for effect in found.by_function.get(function, ()):
                if function in resolved and effect.kind == "command" and effect.confidence == "low":
                    continue
                script.effects.append(replace(
                    effect, path=relative, via=f"{module}.{function}" if function else module,
                    confidence="medium" if effect.confidence == "high" else effect.confidence))
        onward.append((path, found, reached))
    _follow_onward(script, onward, root)
    script.effects.sort(key=lambda effect: (effect.path or "", effect.line))
    return method_calls


_FRAMEWORK_ENTRIES = ("handle", "take_action", "run", "execute", "main", "__call__")
"""The methods a command framework calls on a command class (Django's ``handle``, cliff's
``take_action``, ...): inherited from a project base class, they are what the script does."""


def _calls_super(cls: ast.ClassDef, method: str) -> bool:
    """Whether the class's own ``method`` calls ``super().method(...)``."""
    for item in cls.body:
        if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and item.name == method:
            return any(isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                       and node.func.attr == method and isinstance(node.func.value, ast.Call)
                       and isinstance(node.func.value.func, ast.Name)
                       and node.func.value.func.id == "super" for node in ast.walk(item))
    return False


_ONWARD_MODULES = 12  # modules followed past the first level, per script: a bound on the cost
_SIBLINGS = 40        # files of a folder searched for a delegated method


def _follow_onward(script: Script, onward: list[tuple[Path, ModuleEffects, set[str]]], root: Path) -> None:
    """Past the first level: what the followed functions call in other modules of the project
    (``axes.utils.reset()`` calls ``AxesProxyHandler.reset_attempts()`` in another module), a
    few levels deep; and a function that hands its work to a method of the same name on an
    object it looked up (a configured handler or backend) reaches the methods of that name in
    the modules beside it, a guess, so ``low``."""
    seen: set[tuple[str, str]] = {(os.path.realpath(path), function)
                                  for path, _found, reached in onward for function in reached}
    pending = list(onward)
    visited = 0
    searched: set[tuple[str, str]] = set()
    while pending and visited < _ONWARD_MODULES:
        path, found, reached = pending.pop(0)
        package = package_of(path, root)[:-1] if path.name == "__init__.py" else package_of(path, root)
        targets: dict[str, set[str]] = {}
        bases = import_bases(path, root)
        bases = bases[1:] or bases  # a module's own folder is not on the path (unless the root)
        for function in reached:
            for name in found.imported_calls.get(function, ()):
                if name.startswith("."):
                    stripped = name.lstrip(".")
                    name = _absolute(stripped, len(name) - len(stripped), package)
                called = _project_function(name, bases)
                if called is not None and _inside(called[0], root):
                    targets.setdefault(called[0], set()).add(called[1])
            method = found.delegates.get(function)
            if method is not None and (str(path.parent), method) not in searched:
                searched.add((str(path.parent), method))
                _delegated_effects(script, path, method, root)
        for target_path, functions in targets.items():
            key = os.path.realpath(target_path)
            fresh = {f for f in functions if (key, f) not in seen}
            if not fresh:
                continue
            visited += 1
            try:
                stat = os.stat(target_path)
            except OSError:
                continue
            target = _module_effects(target_path, stat.st_mtime_ns, stat.st_size)
            reached_here = {f for f in target.reachable(fresh) if (key, f) not in seen}
            seen.update((key, f) for f in reached_here)
            relative = _relative(Path(target_path), root)
            module = relative.removesuffix(".py").replace("/", ".")
            for function in sorted(reached_here):
                for effect in target.by_function.get(function, ()):
                    script.effects.append(replace(
                        effect, path=relative, via=f"{module}.{function}" if function else module,
                        confidence="medium" if effect.confidence == "high" else effect.confidence))
            pending.append((Path(target_path), target, reached_here))


def _project_function(name: str, bases: list[str]) -> tuple[str, str] | None:
    """(file, qualified name in it) of a dotted name that names code of the project under
    one of ``bases`` (:func:`import_bases`): ``axes.handlers.proxy.AxesProxyHandler.reset_attempts``
    -> (``axes/handlers/proxy.py``, ``AxesProxyHandler.reset_attempts``)."""
    parts = name.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        path = _module_file(".".join(parts[:cut]), bases)
        if path is not None:
            return path, ".".join(parts[cut:])  # a package's own function: its __init__.py
    return None


def _delegated_effects(script: Script, path: Path, method: str, root: Path) -> None:
    try:
        names = sorted(os.listdir(path.parent))[:_SIBLINGS]
    except OSError:
        return
    for name in names:
        sibling = path.parent / name
        if not name.endswith(".py") or sibling == path:
            continue
        try:
            stat = sibling.stat()
        except OSError:
            continue
        found = _module_effects(str(sibling), stat.st_mtime_ns, stat.st_size)
        relative = _relative(sibling, root)
        module = relative.removesuffix(".py").replace("/", ".")
        for function, effects in found.by_function.items():
            if function.rpartition(".")[2] != method or "." not in function:
                continue
            for effect in effects:
                script.effects.append(replace(effect, path=relative, via=f"{module}.{function}",
                                              confidence="low"))


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


_DELETING_NAME = re.compile(  # restoring a backup overwrites the live data it is restored over
    r"^_?(?:delete|purge|destroy|drop|wipe|remove|terminate|erase|truncate|nuke|prune|restore|garbage_collect|gc)"
    r"(?:_|$)|_restore$|^_?clean(?:up)?_(?:old|expired|outdated)(?:_|$)",
    re.IGNORECASE)
_DELETING_METHOD = re.compile(  # of an object: ``obj.restore()`` is too often an undo to guess at
    r"^_?(?:delete|purge|destroy|drop|wipe|remove|terminate|erase|prune|garbage_collect|gc)(?:_|$)"
    r"|^_?clean(?:up)?_(?:old|expired|outdated)(?:_|$)", re.IGNORECASE)
_STRONGLY_DELETING = re.compile(  # whatever the object: ``app.deep_delete(kube)``, ``repo.delete_branch(b)``
    r"^(?:delete|purge|wipe|erase|destroy)_\w+$|^\w*(?:deep|hard|force|bulk|batch|cascade|recursive)_delete$",
    re.IGNORECASE)
_DELETING_INSIDE = re.compile(  # a function of the project: ``resource_delete_actions(resource)``
    r"^(?!(?:is|has|can|should|must|may|get|on|confirm|format|print|log|show|list|check|validate|test|"
    r"mock|fake|allow|needs?|pre|post|undo|cancel|soft|safe)_)[a-z0-9]+(?:_[a-z0-9]+)*_"
    r"(?:delete|destroy|purge|wipe)(?:_[a-z0-9]+)*$", re.IGNORECASE)
_RESTORE_NAME = re.compile(r"^_?restore(?:_|$)|_restore$", re.IGNORECASE)
_DELETING_COMMAND = re.compile(r"^(?:delete|remove|purge|clear|drop|wipe|flush)", re.IGNORECASE)
_EMPTIES_DATABASE = frozenset({"flush", "reset_db", "sqlflush", "drop_test_database"})
_CACHE = re.compile(r"cache", re.IGNORECASE)  # a cache is regenerated: purging it loses nothing
_CONNECTOR = re.compile(r"(?:^|[._])(?:connector|self)$", re.IGNORECASE)


def deleting_project_calls(script: Script, index: ModuleIndex, file: Path, root: Path,
                            finder: EffectFinder, followed_calls: set[str]) -> None:
    """A call into the project's own code that could not be followed to an effect (its module is
    not in the scanned tree, or the deletion is deeper than one level), whose name says it
    deletes: ``delete_event_payloads_task()``, ``delete_app(app)``, ``Check.garbage_collect()``,
    and methods of the project's objects: ``job = Job(...); job.delete_outputs()``, ``for check in
    Check.objects.all(): check.prune()``. A guess, so ``low``."""
    followed = {effect.via for effect in script.effects if effect.via} | followed_calls
    destructive_lines = {effect.line for effect in script.effects if effect.destructive and not effect.path}
    # a call the rules already decided (``rendition.delete()``: derived rows) needs no name guess
    decided = {(effect.line, effect.call) for effect in script.effects if not effect.path}
    project: dict[str, bool] = {}
    bases = list(dict.fromkeys([str(root), str(file.parent)]))

    def in_project(module: str) -> bool:
        top = module.partition(".")[0]
        if top not in project:
            project[top] = top not in sys.stdlib_module_names and any(
                os.path.isdir(os.path.join(base, top)) or os.path.isfile(os.path.join(base, top + ".py"))
                for base in bases)
        return project[top]

    rows: set[tuple[str, str]] | None = None
    for call, scope in index.calls:
        name = index.canonical(call.func)
        if not name or "." not in name:
            continue
        module, _, function = name.rpartition(".")
        if not (_DELETING_NAME.search(function) or _STRONGLY_DELETING.match(function)
                or _DELETING_INSIDE.match(function)) or _CACHE.search(function) or name in followed:
            continue
        func = call.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id not in index.aliases:
            if call.lineno in destructive_lines or (call.lineno, sanitize_call(node_text(call))) in decided \
                    or not (_DELETING_METHOD.search(function) or _STRONGLY_DELETING.match(function)):
                continue
            if rows is None:
                rows = {(loop_scope, loop.target.id) for loop, loop_scope in index.loops
                        if isinstance(loop.target, ast.Name) and finder.is_queryset(loop.iter, loop_scope)}
            if not ((scope, func.value.id) in rows or _project_instance(index, func.value.id, scope, in_project)
                    or (func.value.id == "self" and _inherited_from_project(index, scope, function, in_project))
                    or (func.value.id != "self" and _STRONGLY_DELETING.match(function)
                        and not _standard_instance(index, func.value.id, scope))):
                continue
        elif not in_project(module):
            continue
        script.effects.append(Effect("call", True, sanitize_call(node_text(call)), call.lineno, "low", via=name))
        followed.add(name)
    _restores_and_commands(script, index, followed)


def _inherited_from_project(index: ModuleIndex, scope: str, method: str,
                            in_project: Callable[[str], bool]) -> bool:
    """``self.method()`` in a class of this file that does not define ``method`` and derives from
    a class of the project (``class Command(BaseDbBackupCommand)`` calling
    ``self._cleanup_old_backups()`` defined in ``_base.py``)."""
    class_name = scope.partition(".")[0]
    for cls in index.classes:
        if cls.name != class_name:
            continue
        if any(isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == method for node in cls.body):
            return False
        return any("." in (base := index.canonical(node) or "") and in_project(base) for node in cls.bases)
    return False


def _standard_instance(index: ModuleIndex, name: str, scope: str) -> bool:
    """``name`` is bound to an object of the standard library or a builtin (``collections.
    OrderedDict()``, ``dict()``), whose methods delete nothing outside the process."""
    while True:
        for _position, op, value in index.assigns.get((scope, name), ()):
            if op == "=" and isinstance(value, ast.Call | ast.Dict | ast.List | ast.Set):
                made = index.canonical(value.func) or "" if isinstance(value, ast.Call) else "dict"
                top = made.partition(".")[0]
                if top in sys.stdlib_module_names or top in dir(builtins):
                    return True
        if not scope:
            return False
        scope = scope.rpartition(".")[0]


def _project_instance(index: ModuleIndex, name: str, scope: str, in_project: Callable[[str], bool]) -> bool:
    """``name`` is bound (in ``scope`` or an enclosing one) to ``Cls(...)`` of a class imported
    from the project."""
    while True:
        for _position, op, value in index.assigns.get((scope, name), ()):
            if op == "=" and isinstance(value, ast.Call):
                cls = index.canonical(value.func) or ""
                if "." in cls and cls.rpartition(".")[2][:1].isupper() and in_project(cls):
                    return True
        if not scope:
            return False
        scope = scope.rpartition(".")[0]


def _has_body(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """More than a stub (``pass``, ``...``, a docstring, ``raise NotImplementedError``)."""
    return any(not (isinstance(node, ast.Pass) or (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))
                    or (isinstance(node, ast.Raise) and "NotImplementedError" in ast.dump(node)))
               for node in function.body)


def _restores_and_commands(script: Script, index: ModuleIndex, followed: set[str]) -> None:
    """The same guess for this file's own code: a restore (``self._restore_backup()``,
    ``self.connector.restore_dump(f)``, a ``restore_db()`` of this file) overwrites live data;
    ``call_command("flush")`` or a Django command named as a deletion (``clearsessions``,
    ``remove_stale_contenttypes``) deletes rows."""
    for call, scope in index.calls:
        func = call.func
        name = index.canonical(func) or ""
        if name.rpartition(".")[2].endswith("call_command") and call.args:
            # (a project's wrapper that logs first, ``logged_call_command(self.stdout, "flush")``:
            # the command is its first string)
            command = next((text for arg in call.args if (text := const_str(arg)) is not None), None)
            if command and (command in _EMPTIES_DATABASE or (_DELETING_COMMAND.match(command)
                                                             and not _CACHE.search(command))):
                # a command that empties the database is this script's doing; one that deletes
                # what its own job says (expired sessions, stale rows) is that command's, as a
                # script that runs another is labelled on its own body: mutating here
                script.effects.append(Effect("orm", command in _EMPTIES_DATABASE,
                                             sanitize_call(node_text(call)), call.lineno, "medium",
                                             via=scope or None))
            continue
        if name in followed:
            continue
        if isinstance(func, ast.Attribute):
            own = _RESTORE_NAME.search(func.attr) is not None and _CONNECTOR.search(dotted(func.value) or "") is not None
            defined = index.functions.get(f"{scope.partition('.')[0]}.{func.attr}")
            if own and dotted(func.value) == "self" and defined is not None and _has_body(defined):
                own = False  # a method of this class, its body read: what it does decides, not its name
        else:
            own = isinstance(func, ast.Name) and _RESTORE_NAME.search(func.id) is not None and index.function(
                func.id, scope) is not None
        if own:
            script.effects.append(Effect("call", True, sanitize_call(node_text(call)), call.lineno, "low",
                                         via=scope or None))
            followed.add(name)
