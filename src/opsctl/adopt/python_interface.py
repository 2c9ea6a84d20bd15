"""How a Python script is called, read from its AST: argparse (subparsers, parents, parsers built in
helpers and passed around), click (groups, options, arguments, envvar), typer (``typer.Option``
defaults and ``Annotated``), optparse, getopt specs, docopt usage texts, ``sys.argv`` indexing and Django management
commands; and whether one of its flags is a dry run.

It reads the :class:`~opsctl.adopt.python_index.ModuleIndex` that the other Python readers share.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from opsctl.adopt.docopt_usage import usage_flags
from opsctl.adopt.model import Flag, Interface, InterfaceKind
from opsctl.adopt.python_index import (
    TASK_DECORATORS,
    FunctionNode,
    ModuleIndex,
    const_str,
    dotted,
    in_written_order,
    keywords,
    literal,
    literal_value,
    position,
)

# --- flag types ------------------------------------------------------------------------------

_TYPE_NAMES = {
    "int": "integer", "float": "number", "str": "string", "bool": "boolean", "complex": "number",
    "long": "integer", "string": "string", "choice": "choice",
    "click.INT": "integer", "click.FLOAT": "number", "click.STRING": "string", "click.BOOL": "boolean",
    "click.UUID": "string", "pathlib.Path": "path", "Path": "path", "os.path.abspath": "path",
    "os.path.expanduser": "path", "os.path.realpath": "path", "open": "path",
    "argparse.FileType": "path", "click.Path": "path", "click.File": "path",
    "click.IntRange": "integer", "click.FloatRange": "number", "click.DateTime": "string",
    "typer.FileText": "path", "typer.FileBinaryRead": "path", "typer.FileTextWrite": "path",
    "typing.List": "list", "list": "list", "typing.Sequence": "list", "tuple": "list",
    "typing.Tuple": "list", "typing.Set": "list", "set": "list",
}


def type_name(index: ModuleIndex, node: ast.expr | None) -> str:
    """The model's type string for an argparse/click/optparse ``type=`` or an annotation."""
    if node is None:
        return "string"
    if isinstance(node, ast.Constant) and isinstance(node.value, str):  # optparse type="int"
        return _TYPE_NAMES.get(node.value, "string")
    if isinstance(node, ast.Call):
        node = node.func
    elif isinstance(node, ast.Subscript):
        node = node.value
    name = index.canonical(node) or ""
    return _TYPE_NAMES.get(name) or _TYPE_NAMES.get(name.rpartition(".")[2], "string")


def _names_and_dest(strings: list[str]) -> tuple[str, list[str], str | None]:
    dashed = [text for text in strings if text.startswith("-")]
    dest = next((text for text in strings if not text.startswith("-")), None)
    longs = [text for text in dashed if text.startswith("--")]
    name = longs[0] if longs else dashed[0]
    return name, [text for text in dashed if text != name], dest


# --- argparse, optparse and Django's add_arguments ----------------------------------------------

@dataclass(eq=False, slots=True)
class _Parser:
    kind: InterfaceKind
    subcommand: str | None = None
    flags: list[Flag] = field(default_factory=list)
    parents: list[_Parser] = field(default_factory=list)
    parent_only: bool = False
    line: int = 0
    """Where it is made: the parsers are reported in the order of the source."""
    own_options: bool = False
    """The options a command class declares on itself (:data:`_OPTION_HOOKS`), not a parser's."""


@dataclass(eq=False, slots=True)
class _Subparsers:
    owner: _Parser


_PARSER_CTORS: dict[str, InterfaceKind] = {
    "argparse.ArgumentParser": "argparse", "optparse.OptionParser": "optparse",
}
_PROJECT_PARSER = re.compile(r"\.[A-Z]?\w*(?:ArgParser|ArgumentParser|OptionParser|ArgsParser)$")
_BOOLEAN_ACTIONS = {"store_true": False, "store_false": True, "store_const": None,
                    "append_const": None, "BooleanOptionalAction": None}


class _ParserTracker:
    """Which expressions of the file are argparse/optparse parsers, through variables, helper
    functions (parsers passed in or returned), groups, subparsers and ``parents=``."""

    def __init__(self, index: ModuleIndex, warnings: list[str]) -> None:
        self.index = index
        self.warnings = warnings
        self.bindings: dict[tuple[str, str], _Parser | _Subparsers] = {}
        self.external = False
        self.memo: dict[int, _Parser | _Subparsers] = {}
        self.active: set[int] = set()
        self.parsers: list[_Parser] = []
        self.subclasses: dict[str, InterfaceKind] = {}
        """Parser classes of this file (``class Parser(argparse.ArgumentParser)``)."""
        self.django_classes = [cls for cls in index.classes if _is_django_command(index, cls)]
        for cls in index.classes:
            for base in cls.bases:
                kind = _PARSER_CTORS.get(index.canonical(base) or "")
                if kind is not None:
                    self.subclasses[cls.name] = kind

    def lookup(self, name: str, scope: str) -> _Parser | _Subparsers | None:
        while True:
            found = self.bindings.get((scope, name))
            if found is not None or not scope:
                return found
            scope = scope.rpartition(".")[0]

    def evaluate(self, node: ast.expr, scope: str, depth: int = 0) -> _Parser | _Subparsers | None:
        if isinstance(node, ast.Name | ast.Attribute):
            name = dotted(node)
            return self.lookup(name, scope) if name else None
        if not isinstance(node, ast.Call) or depth > 8:
            return None
        if id(node) in self.memo:  # a parser made by a call is made once, however often it is asked
            return self.memo[id(node)]
        if id(node) in self.active:
            return None
        self.active.add(id(node))
        result = self._evaluate_call(node, scope, depth)
        self.active.discard(id(node))
        if result is not None:
            self.memo[id(node)] = result
        return result

    def _new(self, kind: InterfaceKind, subcommand: str | None, call: ast.Call, scope: str) -> _Parser:
        parser = _Parser(kind, subcommand, line=call.lineno)
        parents = keywords(call).get("parents")
        if isinstance(parents, ast.List | ast.Tuple):
            for element in parents.elts:
                parent = self.evaluate(element, scope)
                if isinstance(parent, _Parser):
                    parent.parent_only = True
                    parser.parents.append(parent)
        self.parsers.append(parser)
        return parser

    def _evaluate_call(self, call: ast.Call, scope: str, depth: int) -> _Parser | _Subparsers | None:
        name = self.index.canonical(call.func)
        if name in _PARSER_CTORS:
            return self._new(_PARSER_CTORS[name], None, call, scope)
        if name in self.subclasses:
            return self._new(self.subclasses[name], None, call, scope)
        if name and "." in name and _PROJECT_PARSER.search(name):
            # ``utils.GH_ArgParser(...)``: the project's own subclass, from a module of its own
            # (the options its ``__init__`` adds are read there: python_local.parser_class_options)
            return self._new("optparse" if name.endswith("OptionParser") else "argparse", None, call, scope)
        if name == "optparse.OptionGroup" and call.args:
            return self.evaluate(call.args[0], scope, depth + 1)
        func = call.func
        if (isinstance(func, ast.Attribute) and func.attr == "get_parser"
                and isinstance(func.value, ast.Call) and isinstance(func.value.func, ast.Name)
                and func.value.func.id == "super"):
            # a cliff command's ``get_parser``: ``parser = super().get_parser(prog_name)`` is
            # the argparse parser its options are added to; with several command classes in
            # the module, each class's options are its own (by class name: the command's name
            # is the entry point's, in the package's metadata)
            owner = scope.rpartition(".")[0] or None
            several = sum(1 for cls in self.index.classes if any(
                isinstance(item, ast.FunctionDef) and item.name == "get_parser"
                for item in cls.body)) > 1
            return self._new("argparse", owner if several else None, call, scope)
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in ("self", "cls") \
                and (owner := scope.rpartition(".")[0]):
            # ``self.parser = self.get_main_parser()``: a method of the class that returns one
            helper_scope = f"{owner}.{func.attr}"
            for ret in self.index.returns.get(helper_scope, []):
                if ret.value is not None and (found := self.evaluate(ret.value, helper_scope, depth + 1)) is not None:
                    return found
        if isinstance(func, ast.Attribute):
            receiver = self.evaluate(func.value, scope, depth + 1)
            if isinstance(receiver, _Parser):
                if func.attr == "add_subparsers":
                    return _Subparsers(receiver)
                if func.attr in ("add_argument_group", "add_mutually_exclusive_group"):
                    return receiver
            elif isinstance(receiver, _Subparsers) and func.attr == "add_parser":
                sub = const_str(call.args[0]) if call.args else const_str(keywords(call).get("name"))
                if sub is None:
                    self.warnings.append(f"line {call.lineno}: a subcommand whose name is built at run time")
                    sub = "<expr>"
                owner = receiver.owner.subcommand
                return self._new(receiver.owner.kind, f"{owner} {sub}" if owner else sub, call, scope)
        elif isinstance(func, ast.Name) and func.id in self.index.aliases and "parser" in func.id.lower() \
                and self.index.function(func.id, scope) is None:
            # ``parser = base_parser("...")`` imported from a module of the project (or a
            # library): an argparse parser the script adds its own options to
            self.external = True
            return self._new("argparse", None, call, scope)
        elif isinstance(func, ast.Name) and (helper := self.index.function(func.id, scope)):
            helper_scope = self.index.qualname(helper)
            for ret in self.index.returns.get(helper_scope, []):
                if ret.value is not None:
                    found = self.evaluate(ret.value, helper_scope, depth + 1)
                    if found is not None:
                        return found
        if call.args and name and not self.index.function(name, scope) and isinstance(call.args[0], ast.Call) and (
                isinstance(handed := self.evaluate(call.args[0], scope, depth + 1), _Parser)):
            # ``parser = zulip.add_default_arguments(argparse.ArgumentParser(usage=usage))``: a
            # library's or a project module's helper adds its options and hands the parser back
            # (those options are read in the module, when it is the project's: helper_module_options)
            return handed
        return None

    def bind_all(self) -> None:
        index = self.index
        # Django's ``add_arguments(self, parser)`` first: the groups made from that parser
        # (``group = parser.add_mutually_exclusive_group()``) are bound through it below
        for cls in self.django_classes:
            for item in cls.body:
                if isinstance(item, ast.FunctionDef) and item.name == "add_arguments":
                    params = [arg.arg for arg in item.args.args]
                    if len(params) >= 2:
                        parser = _Parser("django")
                        self.parsers.append(parser)
                        self.bindings[(self.index.qualname(item), params[1])] = parser
        # a subcommand module's hook handed the program's subparsers (``def setup_subparser(cls,
        # subparsers): parser = subparsers.add_parser("delete_group")``): its parsers are the
        # command's own
        for function in index.functions.values():
            if function.name in _SUBPARSER_HOOKS:
                params = [arg.arg for arg in function.args.args if arg.arg not in ("self", "cls")]
                if params and _SUBPARSERS_NAME.fullmatch(params[0]):
                    root = _Parser("argparse")
                    self.parsers.append(root)
                    self.bindings[(self.index.qualname(function), params[0])] = _Subparsers(root)
        for _ in range(8):  # until nothing new is bound: a chain parser -> subparsers -> parser_a
            # needs a pass per link when the assignments are indexed latest first
            bound = len(self.bindings)
            for (scope, name), entries in index.assigns.items():
                for _pos, op, value in entries:
                    if op == "=" and (found := self.evaluate(value, scope)) is not None:
                        self.bindings[(scope, name)] = found
                        if name.startswith("self.") and "." in scope:  # seen from the class's other methods
                            self.bindings[(scope.rpartition(".")[0], name)] = found
            for call, scope in index.calls:
                if not isinstance(call.func, ast.Name) or not call.args:
                    continue
                helper = index.function(call.func.id, scope)
                if helper is None:
                    continue
                params = [arg.arg for arg in (*helper.args.posonlyargs, *helper.args.args)]
                for param, arg in zip(params, call.args, strict=False):
                    found = self.evaluate(arg, scope)
                    if found is not None:
                        self.bindings[(self.index.qualname(helper), param)] = found
            if len(self.bindings) == bound:
                break

    def _inherited_parser(self, node: ast.expr, scope: str) -> bool:
        """``self.parser`` in a method of a class whose base is not of this file (imported)."""
        if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"
                and "parser" in node.attr.lower()):
            return False
        owner = scope.rpartition(".")[0]
        cls = next((c for c in self.index.classes if c.name == owner.rpartition(".")[2]), None)
        local = {c.name for c in self.index.classes}
        return cls is not None and any(isinstance(base, ast.Name | ast.Attribute) and (dotted(base) or "") not in local
                                       and (dotted(base) or "") not in ("object", "ABC") for base in cls.bases)

    def collect(self) -> None:
        for call, scope in sorted(self.index.calls, key=lambda item: position(item[0])):
            func = call.func
            if isinstance(func, ast.Attribute) and func.attr in ("add_argument", "add_option", "add_opt"):
                parser = self.evaluate(func.value, scope)
                if parser is None and func.attr == "add_argument" and self._inherited_parser(func.value, scope):
                    # ``class Generate(Runner): def add_args(self): self.parser.add_argument(...)``:
                    # the parser a base class of another module made (``self.parser =
                    # argparse.ArgumentParser()`` in ``Runner.__init__``), the options its own
                    self.external = True
                    parser = self.bindings[(scope.rpartition(".")[0], dotted(func.value) or "")] = _Parser("argparse")
                    self.parsers.append(parser)
                if isinstance(parser, _Parser) and func.attr != "add_opt":
                    flag = parse_add_argument(self.index, call, self.warnings)
                    if flag is not None:
                        parser.flags.append(flag)
                elif (isinstance(func.value, ast.Name) and func.value.id == "self"
                      and scope.rpartition(".")[2] in _OPTION_HOOKS and call.args
                      and (const_str(call.args[0]) or "").startswith("-")):
                    # ``class HBaseCompactTables(CLI): def add_options(self): self.add_opt("-r",
                    # "--regex", ...)``: a command-line framework's base class, its options
                    # declared as optparse's are, on the command object itself
                    flag = parse_add_argument(self.index, call, self.warnings)
                    if flag is not None:
                        own = next((p for p in self.parsers if p.kind == "optparse" and p.own_options), None)
                        if own is None:
                            own = _Parser("optparse", own_options=True)
                            self.parsers.append(own)
                        own.flags.append(flag)
            elif isinstance(func, ast.Name) and (helper := self.index.function(func.id, scope)) is not None and (
                    (at := forwarded_parser(helper)) is not None and len(call.args) > at):
                # ``add_argument(parser, "--dry-run", action="store_true")`` of a project's own
                # wrapper that hands its ``*args, **kwargs`` on to ``parser.add_argument``
                parser = self.evaluate(call.args[at], scope)
                if isinstance(parser, _Parser):
                    handed = ast.Call(func=func, args=call.args[at + 1:], keywords=call.keywords)
                    flag = parse_add_argument(self.index, ast.copy_location(handed, call), self.warnings)
                    if flag is not None:
                        parser.flags.append(flag)
            elif (self.index.canonical(func) or "").rpartition(".")[2] == "make_option":
                # optparse's make_option, or a project's own look-alike: old-style Django
                # ``option_list = BaseCommand.option_list + (make_option(...), ...)``
                flag = parse_add_argument(self.index, call, self.warnings)
                if flag is not None:
                    loose = next((p for p in self.parsers if p.kind in ("optparse", "django")), None)
                    if loose is None:
                        loose = _Parser("django" if self.django_classes else "optparse")
                        self.parsers.append(loose)
                    loose.flags.append(flag)
        for cls in self.django_classes:  # LabelCommand: ``handle_label`` takes positionals named by ``label``
            if any((dotted(base) or "").rpartition(".")[2] == "LabelCommand" for base in cls.bases):
                label = next((const_str(item.value) for item in cls.body if isinstance(item, ast.Assign)
                              and any(isinstance(t, ast.Name) and t.id == "label" for t in item.targets)), None)
                parser = next((p for p in self.parsers if p.kind == "django"), None)
                if parser is None:
                    parser = _Parser("django")
                    self.parsers.append(parser)
                parser.flags.insert(0, Flag(name=label or "label", positional=True, line=cls.lineno,
                                            type="list", required=True))


def forwarded_parser(function: FunctionNode) -> int | None:
    """The position of the parameter a wrapper calls ``add_argument(*args, **kwargs)`` on, handing
    on its own variadic arguments (``def add_argument(parser, *args, **kwargs)``), if it is one."""
    varargs = function.args.vararg.arg if function.args.vararg else None
    if varargs is None:
        return None
    params = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
    for node in ast.walk(function):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("add_argument", "add_option") and isinstance(node.func.value, ast.Name)
                and node.func.value.id in params and len(node.args) == 1 and isinstance(node.args[0], ast.Starred)
                and isinstance(node.args[0].value, ast.Name) and node.args[0].value.id == varargs):
            return params.index(node.func.value.id)
    return None


_OPTION_HOOKS = frozenset({"add_options", "setup_options", "define_options", "configure_options"})
"""The method a command-line framework's base class calls for a command's options (``def
add_options(self): self.add_opt(...)``)."""
_SUBPARSER_HOOKS = frozenset({"setup_subparser", "add_parser", "add_subparser", "register_subcommand",
                              "configure_parser", "add_subparsers", "register"})
_SUBPARSERS_NAME = re.compile(r"(?i)sub_?parsers?|subcommands|commands|parsers")
_DJANGO_COMMANDS = ("BaseCommand", "LabelCommand", "AppCommand", "NoArgsCommand")


def _is_django_command(index: ModuleIndex, cls: ast.ClassDef) -> bool:
    """A Django management command: a subclass of Django's command classes, or of a project's
    own ``...Command`` base (``class Command(BaseDbBackupCommand)``) in a module importing Django,
    or a class whose ``add_arguments(self, parser)`` extends ``super().add_arguments(parser)``."""
    for base in cls.bases:
        last = (dotted(base) or "").rpartition(".")[2]
        if last in _DJANGO_COMMANDS or (last.endswith("Command") and any(
                target.startswith("django.") for target in index.aliases.values())):
            return True
    # (or a mixin of a project's commands: ``class ReadFromFileMixin`` whose ``add_arguments(self,
    # parser)`` adds the options the commands deriving from it share)
    mixin = cls.name.endswith("Mixin")
    return any(isinstance(item, ast.FunctionDef) and item.name == "add_arguments" and ((mixin and len(item.args.args) == 2) or any(
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "add_arguments"
        and isinstance(node.func.value, ast.Call) and dotted(node.func.value.func) == "super"
        for node in ast.walk(item))) for item in cls.body)


def parse_add_argument(index: ModuleIndex, call: ast.Call, warnings: list[str]) -> Flag | None:
    """One ``add_argument``/``add_option``/``make_option`` call as a Flag (None when its names are
    not literal: a warning says so)."""
    names = [const_str(arg) if isinstance(arg, ast.Constant) else None for arg in call.args]
    if not names and (named := const_str(keywords(call).get("dest"))):
        names = [named]  # ``add_argument(dest='username', metavar='<username>')``: a positional
    strings = [name for name in names if name is not None]
    if not strings or len(strings) != len(names):
        warnings.append(f"line {call.lineno}: a flag whose name is built at run time")
        return None
    kw = keywords(call)
    dest = const_str(kw.get("dest"))
    if any(text.startswith("-") for text in strings):
        name, aliases, _ = _names_and_dest(strings)
        positional = False
    else:
        name, aliases, positional = strings[0], [], True
    action_node = kw.get("action")
    action = const_str(action_node)
    if action is None and action_node is not None:
        action = (dotted(action_node) or "").rpartition(".")[2]
    nargs_ok, nargs = literal(kw.get("nargs"))
    has_default, default = literal_value(index, kw.get("default"))
    if not has_default:
        default = None
    choices_ok, choices = literal_value(index, kw.get("choices"))
    flag = Flag(name=name, aliases=aliases, positional=positional, line=call.lineno,
                dest=dest if dest and dest != name.lstrip("-").replace("-", "_") else None,
                help=const_str(kw.get("help")), default=default)
    flag.action = action
    if nargs_ok and isinstance(nargs, int | str) and not isinstance(nargs, bool):
        flag.nargs = nargs
    elif "nargs" in kw and index.canonical(kw["nargs"]) == "argparse.REMAINDER":
        flag.nargs = "..."
    if choices_ok and isinstance(choices, list | tuple | set):
        flag.type, flag.choices = "choice", in_written_order(choices, kw.get("choices"))
    elif action in _BOOLEAN_ACTIONS:
        flag.type = "boolean"
        if "default" not in kw:
            flag.default = _BOOLEAN_ACTIONS[action]
        if action == "BooleanOptionalAction" and name.startswith("--"):
            flag.negation = "--no-" + name[2:]
    elif action == "count":
        flag.type = "integer"
    elif action in ("append", "extend") or nargs in ("+", "*", "...") or (
            isinstance(nargs, int) and nargs > 1) or ("nargs" in kw and index.canonical(kw["nargs"]) == "argparse.REMAINDER"):
        flag.type = "list"
    else:
        flag.type = type_name(index, kw.get("type"))
    required_ok, required = literal(kw.get("required"))
    if positional:
        flag.required = not (nargs_ok and nargs in ("?", "*"))
    else:
        flag.required = bool(required_ok and required is True)
    return flag


# --- click -------------------------------------------------------------------------------------

def _decorator_call(decorator: ast.expr) -> tuple[ast.expr, ast.Call | None]:
    return (decorator.func, decorator) if isinstance(decorator, ast.Call) else (decorator, None)


def _command_name(call: ast.Call | None, function: FunctionNode) -> str:
    if call is not None:
        explicit = const_str(call.args[0]) if call.args else const_str(keywords(call).get("name"))
        if explicit:
            return explicit
    return function.name.lower().replace("_", "-")


_CLICK_DEFAULT_DECLS = {"password_option": "--password", "confirmation_option": "--yes",
                        "version_option": "--version"}


def _click_param(index: ModuleIndex, call: ast.Call, argument: bool,
                 env: list[tuple[str, int]]) -> Flag | None:
    strings = [const_str(arg) for arg in call.args if isinstance(arg, ast.Constant)]
    decls = [text for text in strings if text and text.startswith("-")] if (
        index.canonical(call.func) or "").endswith("version_option") else [text for text in strings if text]
    if not decls:  # click's own spellings: ``@click.password_option()`` is ``--password``
        decls = [_CLICK_DEFAULT_DECLS.get((index.canonical(call.func) or "").rpartition(".")[2], "")]
        if not decls[0]:
            return None
    kw = keywords(call)
    has_default, default = literal_value(index, kw.get("default"))
    flag = Flag(name=decls[0], line=call.lineno, help=const_str(kw.get("help")),
                default=default if has_default else None)
    required_ok, required = literal(kw.get("required"))
    nargs_ok, nargs = literal(kw.get("nargs"))
    envvar_ok, envvar = literal(kw.get("envvar"))
    if envvar_ok:
        for name in [envvar] if isinstance(envvar, str) else list(envvar or []):
            if isinstance(name, str):
                env.append((name, call.lineno))
                flag.envvar = flag.envvar or name
    if nargs_ok and isinstance(nargs, int) and not isinstance(nargs, bool) and nargs != 1:
        flag.nargs = nargs
    type_node = kw.get("type")
    if argument:
        flag.positional = True
        flag.name = decls[0].lower()
        flag.required = (required is True) if required_ok else not (has_default or nargs == -1)
    else:
        split: list[str] = []
        for decl in decls:
            split.extend(part.strip() for part in decl.split("/")) if "/" in decl else split.append(decl)
        flag.name, flag.aliases, dest = _names_and_dest(split)
        flag.negation = _click_negation(decls)
        if dest and dest != flag.name.lstrip("-").replace("-", "_"):
            flag.dest = dest
        flag.required = required_ok and required is True
    if isinstance(type_node, ast.Call) and (index.canonical(type_node.func) or "").endswith("Choice"):
        ok, values = literal(type_node.args[0] if type_node.args else None)
        flag.type, flag.choices = "choice", in_written_order(values, type_node.args[0]) if ok and values else None
    elif not argument and (literal(kw.get("is_flag"))[1] is True or "flag_value" in kw
                           or any("/" in decl for decl in decls)):
        flag.type = "boolean"
        if not has_default:
            flag.default = False
    elif not argument and literal(kw.get("count"))[1] is True:
        flag.type, flag.action = "integer", "count"
    elif literal(kw.get("multiple"))[1] is True or (nargs_ok and isinstance(nargs, int) and (nargs > 1 or nargs == -1)):
        flag.type = "list"
        if literal(kw.get("multiple"))[1] is True:
            flag.action = "append"
    elif type_node is not None:
        flag.type = type_name(index, type_node)
    elif has_default and not isinstance(default, str) and default is not None:
        flag.type = {bool: "boolean", int: "integer", float: "number"}.get(type(default), "string")
    return flag


def _click_negation(decls: list[str]) -> str | None:
    """The off spelling of a click ``--x/--no-x`` pair (the long one after the ``/``)."""
    offs = [part.strip() for decl in decls if "/" in decl for part in decl.split("/")[1:]]
    offs = [text for text in offs if text.startswith("-")]
    return next((text for text in offs if text.startswith("--")), offs[0] if offs else None)


_FLASK = "<flask>"  # the ``flask`` program whose subcommands a blueprint's ``cli`` declares


_CLICK_PARAMS = frozenset({"click.option", "click.argument", "click.password_option"})


def _shared_click_params(index: ModuleIndex, node: ast.expr, depth: int = 0) -> list[ast.Call]:
    """The ``click.option(...)``/``click.argument(...)`` calls of a module-level list (or lists
    added together, or one named list), in order."""
    if depth > 6:
        return []
    if isinstance(node, ast.Name):
        values = [value for _pos, op, value in index.assigns.get(("", node.id), ()) if op == "="]
        return _shared_click_params(index, values[-1], depth + 1) if values else []
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _shared_click_params(index, node.left, depth + 1) + _shared_click_params(index, node.right, depth + 1)
    if isinstance(node, ast.List | ast.Tuple):
        return [element for element in node.elts if isinstance(element, ast.Call)
                and (index.canonical(element.func) or "") in _CLICK_PARAMS]
    return []


def shared_click_param(index: ModuleIndex, name: str) -> ast.Call | None:
    """``config_option = click.option("-c", "--config", ...)`` at module level: the option a
    bare ``@config_option`` decorator stands for."""
    values = [value for _pos, op, value in index.assigns.get(("", name), ()) if op == "="]
    value = values[-1] if values else None
    if isinstance(value, ast.Call) and (index.canonical(value.func) or "") in _CLICK_PARAMS:
        return value
    return None


def _click_interface(index: ModuleIndex, env: list[tuple[str, int]],
                     shared: Mapping[str, tuple[ModuleIndex, ast.Call]]) -> tuple[list[Flag], list[str]]:
    commands: dict[str, tuple[FunctionNode, str | None, str]] = {}  # name -> (node, parent, cmd name)
    params: dict[str, list[tuple[ModuleIndex, ast.Call]]] = {}
    kinds: dict[str, str] = {}
    for qualname, function in index.functions.items():
        found = False
        for decorator in function.decorator_list:
            func, call = _decorator_call(decorator)
            name = index.canonical(func) or ""
            if name in ("click.command", "click.group"):
                commands[function.name] = (function, None, _command_name(call, function))
                kinds[function.name] = name
                found = True
            elif (isinstance(func, ast.Attribute) and func.attr in ("command", "group")
                  and isinstance(func.value, ast.Name)):
                commands[function.name] = (function, func.value.id, _command_name(call, function))
                kinds[function.name] = func.attr
                found = True
            elif isinstance(func, ast.Attribute) and flask_cli_decorator(decorator):
                # ``@bp.cli.command("import_ctf")``: a subcommand of the ``flask`` program
                commands[function.name] = (function, _FLASK, _command_name(call, function))
                commands.setdefault(_FLASK, (function, None, "flask"))
                kinds[function.name] = func.attr
                found = True
            elif name in ("click.option", "click.argument", "click.password_option",
                          "click.confirmation_option", "click.version_option") and call is not None:
                params.setdefault(qualname, []).append((index, call))
            elif call is not None and len(call.args) == 1 and (listed := _shared_click_params(index, call.args[0])):
                # ``@add_options(branch_options)`` with ``branch_options = [click.option("--ref"),
                # ...] + repo_options`` at module level: a list of options applied together
                params.setdefault(qualname, []).extend((index, each) for each in listed)
            elif call is None and isinstance(func, ast.Name) and (
                    (option := shared_click_param(index, func.id)) is not None):
                # ``config_option = click.option(...)`` once, then ``@config_option`` on each command
                params.setdefault(qualname, []).append((index, option))
            elif call is None and name in shared:  # the same, imported from a module of the project
                params.setdefault(qualname, []).append(shared[name])
        if not found:
            params.pop(qualname, None)
    # ``repository = click.Group("repo")``, then ``@repository.command("add")``: a group made by
    # its class, not a decorator (its commands' function stands for it: it has no parameters)
    made_groups = _click_group_variables(index.tree, index) if commands else {}
    anchor = next(iter(commands.values()), None)
    for variable, group_name in made_groups.items():
        if anchor is not None and variable not in commands:
            commands[variable] = (anchor[0], None, group_name)
    for call, _scope in index.calls:  # group.add_command(command, name="...")
        func = call.func
        if (isinstance(func, ast.Attribute) and func.attr == "add_command" and call.args
                and isinstance(func.value, ast.Name) and isinstance(call.args[0], ast.Name)
                and call.args[0].id in commands):
            node, _parent, cmd = commands[call.args[0].id]
            explicit = const_str(call.args[1]) if len(call.args) > 1 else const_str(keywords(call).get("name"))
            commands[call.args[0].id] = (node, func.value.id, explicit or cmd)
    # ``test_cli = AppGroup("test")``, then ``@test_cli.command("reset")``: ``flask test reset``
    group_variables: set[str] = set(made_groups)
    for variable, group_name in _flask_app_group_names(index.tree, index).items():
        members = [entry for entry in commands.values() if entry[1] == variable]
        if members and variable not in commands:
            commands[variable] = (members[0][0], _FLASK, group_name or variable)
            commands.setdefault(_FLASK, (members[0][0], None, "flask"))
            group_variables.add(variable)
    # ``@cli_group() def cli()`` (a project's own wrapper of ``click.group``), then
    # ``@cli.command()``: a function other commands hang from is a group
    for parent in {entry[1] for entry in commands.values() if entry[1]} - set(commands):
        group = index.functions.get(parent)
        if group is not None and group.decorator_list:
            commands[parent] = (group, None, _command_name(None, group))
    commands = {name: entry for name, entry in commands.items()
                if entry[1] is None or entry[1] in commands}
    if not commands:
        return [], []

    flags: list[Flag] = []
    subcommands: list[str] = []
    for name, (node, _parent, _cmd) in commands.items():
        if name == _FLASK:
            continue
        sub = " ".join(_command_path(commands, name)) or None
        if sub:
            subcommands.append(sub)
        for owner, call in reversed(params.get(index.qualname(node), []) if name not in group_variables else []):
            flag = _click_param(owner, call, (owner.canonical(call.func) or "").endswith("argument"), env)
            if flag is not None:
                flag.subcommand = sub
                flags.append(flag)
    return flags, subcommands


# --- typer -------------------------------------------------------------------------------------

def _typer_interface(index: ModuleIndex, env: list[tuple[str, int]]) -> tuple[list[Flag], list[str]]:
    apps: dict[str, str | None] = {}  # app variable -> prefix
    for (_scope, name), entries in index.assigns.items():
        if any(op == "=" and isinstance(value, ast.Call) and index.canonical(value.func) == "typer.Typer"
               for _pos, op, value in entries):
            apps[name] = None
    roots: list[FunctionNode] = []
    for call, _scope in index.calls:
        called = index.canonical(call.func)
        if called == "typer.run" and call.args and isinstance(call.args[0], ast.Name):
            helper = index.function(call.args[0].id, "")
            if helper is not None:
                roots.append(helper)
        elif (isinstance(call.func, ast.Attribute) and call.func.attr == "add_typer" and call.args
              and isinstance(call.args[0], ast.Name) and call.args[0].id in apps):
            apps[call.args[0].id] = const_str(keywords(call).get("name")) or call.args[0].id
    if not apps and not roots:
        return [], []
    commands: list[tuple[FunctionNode, str | None]] = [(root, None) for root in roots]
    callbacks: list[FunctionNode] = []
    for function in index.functions.values():
        for decorator in function.decorator_list:
            func, spec = _decorator_call(decorator)
            if isinstance(func, ast.Attribute) and (app := dotted(func.value)) in apps:
                prefix = apps[app or ""]
                if func.attr == "command":
                    cmd = _command_name(spec, function)
                    commands.append((function, f"{prefix} {cmd}" if prefix else cmd))
                elif func.attr == "callback":
                    callbacks.append(function)
    if len(commands) == 1 and not callbacks and all(prefix is None for prefix in apps.values()):
        commands = [(commands[0][0], None)]
    flags: list[Flag] = []
    for function in callbacks:
        flags.extend(_typer_params(index, function, None, env))
    for function, sub in commands:
        flags.extend(_typer_params(index, function, sub, env))
    return flags, [sub for _function, sub in commands if sub]


def _unwrap_annotation(index: ModuleIndex, node: ast.expr | None) -> tuple[ast.expr | None, list[ast.expr]]:
    """(base type, Annotated metadata) with Optional/``X | None`` removed."""
    meta: list[ast.expr] = []
    for _ in range(4):
        if isinstance(node, ast.Subscript):
            name = (index.canonical(node.value) or "").rpartition(".")[2]
            elements = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            if name == "Annotated":
                node, meta = elements[0], [*meta, *elements[1:]]
                continue
            if name in ("Optional", "Union"):
                node = next((e for e in elements if not (isinstance(e, ast.Constant) and e.value is None)), None)
                continue
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            node = node.left if not (isinstance(node.left, ast.Constant) and node.left.value is None) else node.right
            continue
        break
    return node, meta


def _enum_values(index: ModuleIndex, node: ast.expr | None) -> list[Any] | None:
    if not isinstance(node, ast.Name):
        return None
    for cls in index.classes:
        if cls.name == node.id and any((dotted(base) or "").endswith("Enum") for base in cls.bases):
            values = []
            for item in cls.body:
                if isinstance(item, ast.Assign):
                    ok, value = literal(item.value)
                    if ok:
                        values.append(value)
            return values
    return None


def _fire_interface(index: ModuleIndex) -> tuple[list[Flag], list[str]] | None:
    """python-fire: ``fire.Fire(Cleanup)`` makes each public method of the class a subcommand and
    each parameter (of the method, or of ``__init__`` for every subcommand) a ``--flag``;
    ``fire.Fire(main)`` a function's parameters; ``fire.Fire({"a": f, ...})`` named commands;
    ``fire.Fire()`` every public function of the module. None when the module does not call it."""
    for call, _scope in index.calls:
        if index.canonical(call.func) != "fire.Fire":
            continue
        target = call.args[0] if call.args else keywords(call).get("component")
        commands: list[tuple[FunctionNode, str | None]] = []
        if target is None:
            commands = [(function, name) for name, function in index.functions.items()
                        if "." not in name and not name.startswith("_") and name != "main"]
        elif isinstance(target, ast.Dict):
            for key, value in zip(target.keys, target.values, strict=True):
                if isinstance(value, ast.Name) and (function := index.function(value.id, "")) is not None:
                    commands.append((function, const_str(key) if key is not None else value.id))
        elif isinstance(target, ast.Name):
            cls = next((node for node in index.classes if node.name == target.id), None)
            if cls is not None:
                for node in cls.body:
                    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and (
                            node.name == "__init__" or not node.name.startswith("_")):
                        commands.append((node, None if node.name == "__init__" else node.name.replace("_", "-")))
            elif (function := index.function(target.id, "")) is not None:
                commands.append((function, None))
        flags: list[Flag] = []
        for function, sub in commands:
            args = function.args
            positional = [*args.posonlyargs, *args.args]
            defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
            pairs: list[tuple[ast.arg, ast.expr | None]] = [
                *zip(positional, defaults, strict=True), *zip(args.kwonlyargs, args.kw_defaults, strict=True)]
            for arg, default in pairs:
                if arg.arg in ("self", "cls"):
                    continue
                has_default, given = literal(default) if default is not None else (False, None)
                flag = Flag(name=f"--{arg.arg}", required=default is None, subcommand=sub, line=arg.lineno,
                            default=given if has_default else None, dest=arg.arg)
                base, _meta = _unwrap_annotation(index, arg.annotation)
                if base is not None:
                    flag.type = type_name(index, base)
                elif has_default and isinstance(given, bool):
                    flag.type = "boolean"
                elif has_default and isinstance(given, int):
                    flag.type = "integer"
                elif has_default and isinstance(given, float):
                    flag.type = "number"
                flags.append(flag)
        return flags, [sub for _function, sub in commands if sub]
    return None


_DOCSTRING_ARG = re.compile(r"^\s*(\*{0,2}\w+)\s*(?:\([^)]*\))?\s*:\s*(.+)$")


def _docstring_args(function: FunctionNode) -> dict[str, str]:
    """A Google-style docstring's ``Args:`` section: parameter name -> its first line."""
    text = ast.get_docstring(function) or ""
    found: dict[str, str] = {}
    inside = False
    for line in text.splitlines():
        if line.strip() in ("Args:", "Arguments:", "Parameters:"):
            inside = True
        elif inside and line.strip() and not line.startswith((" ", "\t")):
            inside = False
        elif inside and (match := _DOCSTRING_ARG.match(line)):
            found[match.group(1).lstrip("*")] = match.group(2).strip()
    return found


def _cyclopts_interface(index: ModuleIndex) -> tuple[list[Flag], list[str]] | None:
    """cyclopts: ``app = cyclopts.App(default_command=main)``, ``@app.default`` and
    ``@app.command`` functions, or ``cyclopts.run(main)``. Each parameter is ``--name`` (snake
    case hyphenated); one without a default, not keyword-only, is also taken by position (a
    required positional here); help from ``Parameter(help=...)`` or the docstring's ``Args:``.
    None when the module makes no cyclopts app."""
    apps: set[str] = set()
    commands: list[tuple[FunctionNode, str | None]] = []
    for (_scope, name), entries in index.assigns.items():
        for _pos, op, value in entries:
            if op == "=" and isinstance(value, ast.Call) and index.canonical(value.func) == "cyclopts.App":
                apps.add(name)
                target = keywords(value).get("default_command")
                if isinstance(target, ast.Name) and (function := index.function(target.id, "")):
                    commands.append((function, None))
    for call, _scope in index.calls:
        if (index.canonical(call.func) == "cyclopts.run" and call.args and isinstance(call.args[0], ast.Name)
                and (function := index.function(call.args[0].id, "")) is not None):
            commands.append((function, None))
    for function in index.functions.values():
        for decorator in function.decorator_list:
            func, spec = _decorator_call(decorator)
            if isinstance(func, ast.Attribute) and dotted(func.value) in apps:
                if func.attr == "default":
                    commands.append((function, None))
                elif func.attr == "command":
                    named = const_str(keywords(spec).get("name")) if spec is not None else None
                    commands.append((function, named or function.name.replace("_", "-")))
    if not apps and not commands:
        return None
    flags: list[Flag] = []
    for function, sub in commands:
        helps = _docstring_args(function)
        args = function.args
        positional = [*args.posonlyargs, *args.args]
        defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
        pairs = [(arg, default, False) for arg, default in zip(positional, defaults, strict=True)]
        pairs += [(arg, default, True) for arg, default in zip(args.kwonlyargs, args.kw_defaults, strict=True)]
        for arg, default, keyword_only in pairs:
            if arg.arg in ("self", "cls"):
                continue
            base, meta = _unwrap_annotation(index, arg.annotation)
            spec_kw: dict[str, ast.expr] = {}
            for candidate in meta:
                if isinstance(candidate, ast.Call) and index.canonical(candidate.func) == "cyclopts.Parameter":
                    spec_kw = keywords(candidate)
            has_default, given = literal(default) if default is not None else (False, None)
            by_position = default is None and not keyword_only
            names = literal(spec_kw.get("name"))[1] if "name" in spec_kw else None
            declared = [names] if isinstance(names, str) else [n for n in names or [] if isinstance(n, str)]
            flag = Flag(name=arg.arg if by_position else "--" + arg.arg.replace("_", "-"),
                        positional=by_position, required=default is None, subcommand=sub,
                        line=arg.lineno, default=given if has_default else None,
                        help=const_str(spec_kw.get("help")) or helps.get(arg.arg))
            if declared and not by_position:
                flag.name, flag.aliases = declared[0], declared[1:]
            if base is not None:
                flag.type = type_name(index, base)
                if (values := _enum_values(index, base)) is not None:
                    flag.type, flag.choices = "choice", values
            elif has_default and isinstance(given, bool):
                flag.type = "boolean"
            elif has_default and isinstance(given, int):
                flag.type = "integer"
            if flag.type == "boolean" and not by_position and not declared:
                flag.negation = "--no-" + arg.arg.replace("_", "-")
                flag.aliases = [flag.negation]
            if flag.name.lstrip("-").replace("-", "_") != arg.arg:
                flag.dest = arg.arg
            flags.append(flag)
    return flags, [sub for _function, sub in commands if sub]


def _invoke_interface(index: ModuleIndex) -> tuple[list[Flag], list[str]] | None:
    """An invoke (or Fabric) tasks file: each ``@task`` function is a subcommand of ``inv``,
    named as the function with dashes (``dev_env`` -> ``dev-env``, or ``@task(name=...)``),
    and each of its parameters after the context an option, ``--frr-volume-dir`` (dashes too),
    its type from the default, its help from ``@task(help={...})``; a boolean defaulting to
    true is turned off by ``--no-NAME``; ``positional=[...]`` names positionals. None when the
    module declares no task."""
    tasks: list[tuple[FunctionNode, ast.expr]] = []
    for name, function in index.functions.items():
        if "." in name:
            continue
        for decorator in function.decorator_list:
            target = decorator.func if isinstance(decorator, ast.Call) else decorator
            if (index.canonical(target) or "") in TASK_DECORATORS:
                tasks.append((function, decorator))
                break
    if not tasks:
        return None
    flags: list[Flag] = []
    commands: list[str] = []
    for function, decorator in tasks:
        named = keywords(decorator) if isinstance(decorator, ast.Call) else {}
        command = const_str(named.get("name")) or function.name.replace("_", "-")
        commands.append(command)
        helps: dict[str, str] = {}
        table = named.get("help")
        if isinstance(table, ast.Dict):
            for key, value in zip(table.keys, table.values, strict=True):
                if (key_text := const_str(key)) is not None and (text := const_str(value)) is not None:
                    helps[key_text.replace("-", "_")] = text
        listed = named.get("positional")
        positional_names = {const_str(element) for element in listed.elts} \
            if isinstance(listed, ast.List | ast.Tuple) else set()
        args = function.args
        positional = [*args.posonlyargs, *args.args][1:]  # the first is the context
        defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
        pairs = [*zip(positional, defaults, strict=True), *zip(args.kwonlyargs, args.kw_defaults, strict=True)]
        for arg, default in pairs:
            has_default, given = literal(default) if default is not None else (False, None)
            is_positional = arg.arg in positional_names
            flag = Flag(name=arg.arg if is_positional else "--" + arg.arg.replace("_", "-"),
                        required=default is None, subcommand=command, line=arg.lineno,
                        default=given if has_default else None, dest=arg.arg, positional=is_positional,
                        help=helps.get(arg.arg))
            if has_default and isinstance(given, bool):
                flag.type = "boolean"
                if given and not is_positional:
                    flag.negation = "--no-" + arg.arg.replace("_", "-")
                    flag.aliases.append(flag.negation)
            elif has_default and isinstance(given, int):
                flag.type = "integer"
            elif has_default and isinstance(given, float):
                flag.type = "number"
            flags.append(flag)
    return flags, commands


def _typer_params(index: ModuleIndex, function: FunctionNode, sub: str | None,
                  env: list[tuple[str, int]]) -> list[Flag]:
    args = function.args
    positional = [*args.posonlyargs, *args.args]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    pairs = [*zip(positional, defaults, strict=True), *zip(args.kwonlyargs, args.kw_defaults, strict=True)]
    flags: list[Flag] = []
    for arg, default in pairs:
        base, meta = _unwrap_annotation(index, arg.annotation)
        if (index.canonical(base) or "").rpartition(".")[2] == "Context" if base is not None else False:
            continue
        spec: ast.Call | None = None
        annotated = False
        for candidate in meta:
            if isinstance(candidate, ast.Call) and index.canonical(candidate.func) in ("typer.Option", "typer.Argument"):
                spec, annotated = candidate, True
        if spec is None and isinstance(default, ast.Call) and index.canonical(default.func) in ("typer.Option", "typer.Argument"):
            spec = default
        is_argument = (index.canonical(spec.func) == "typer.Argument") if spec else default is None
        value_node: ast.expr | None = default
        decls: list[str] = []
        kw: dict[str, ast.expr] = {}
        if spec is not None:
            kw = keywords(spec)
            spec_args = list(spec.args)
            if not annotated:
                value_node = spec_args.pop(0) if spec_args else kw.get("default")
            decls = [text for text in (const_str(a) for a in spec_args if isinstance(a, ast.Constant)) if text]
        required = value_node is None or (isinstance(value_node, ast.Constant) and value_node.value is Ellipsis)
        has_default, default_value = literal(value_node) if not required else (False, None)
        flag = Flag(name=arg.arg, positional=is_argument, required=required, subcommand=sub,
                    line=arg.lineno, help=const_str(kw.get("help")),
                    default=default_value if has_default else None)
        type_ = type_name(index, base) if base is not None else "string"
        if (values := _enum_values(index, base)) is not None:
            flag.type, flag.choices = "choice", values
        else:
            flag.type = type_
        if not is_argument:
            if decls:
                split = [part.strip() for decl in decls for part in decl.split("/") if part.strip()]
                flag.name, flag.aliases, _ = _names_and_dest(split)
                flag.negation = _click_negation(decls)
            else:
                flag.name = "--" + arg.arg.replace("_", "-")
                if flag.type == "boolean":
                    flag.aliases = ["--no-" + arg.arg.replace("_", "-")]
                    flag.negation = flag.aliases[0]
            if flag.type == "list":
                flag.action = "append"  # typer: a list option is given once per value
            if flag.name.lstrip("-").replace("-", "_") != arg.arg:
                flag.dest = arg.arg
        envvar_ok, envvar = literal(kw.get("envvar"))
        if envvar_ok:
            for name in [envvar] if isinstance(envvar, str) else list(envvar or []):
                env.append((name, arg.lineno))
                flag.envvar = flag.envvar or name
        flags.append(flag)
    return flags


# --- getopt and sys.argv ------------------------------------------------------------------------

def _module_string(index: ModuleIndex, node: ast.expr | None, scope: str) -> Any:
    value = _literal_or_split(node)
    if value is not None:
        return value
    if isinstance(node, ast.Name):
        for candidate in (scope, ""):
            entries = index.assigns.get((candidate, node.id))
            if entries:
                return _literal_or_split(entries[-1][2])
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
            and isinstance(node.func.value, ast.Name) and not node.keywords and not node.args):
        text = _module_string(index, node.func.value, scope)  # ``getopt(..., LONG.split())``
        return text.split() if isinstance(text, str) else None
    return None


def _literal_or_split(node: ast.expr | None) -> Any:
    """A literal, or ``'region= type= role='.split()`` (a getopt list written as one string)."""
    ok, value = literal(node)
    if ok:
        return value
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
            and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)
            and not node.keywords and len(node.args) <= 1):
        separator = literal(node.args[0])[1] if node.args else None
        if separator is None or isinstance(separator, str):
            return node.func.value.value.split(separator)
    return None


_DOCOPT_CALLS = frozenset({"docopt.docopt", "docopt_ng.docopt", "docopt"})


def _docopt_interface(index: ModuleIndex) -> tuple[list[Flag], list[str], list[str]] | None:
    """``docopt(__doc__)`` (or a module-level usage string, formatted or not): the flags and
    commands its usage text declares; None without such a call."""
    for call, scope in index.calls:
        if index.canonical(call.func) not in _DOCOPT_CALLS:
            continue
        node = call.args[0] if call.args else keywords(call).get("doc")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "format":  # ``docopt(USAGE.format(...))``
            node = node.func.value
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):  # ``USAGE % names``
            node = node.left
        if isinstance(node, ast.Name) and node.id == "__doc__":
            text = ast.get_docstring(index.tree, clean=False)
        else:
            value = _module_string(index, node, scope)
            text = value if isinstance(value, str) else None
        if text:
            flags, commands, warnings = usage_flags(text, call.lineno)
            if flags or commands:
                return flags, commands, warnings
    return None


_OSLO_TYPES = {"StrOpt": "string", "BoolOpt": "boolean", "IntOpt": "integer", "FloatOpt": "number",
               "PortOpt": "integer", "ListOpt": "list", "MultiStrOpt": "list", "MultiOpt": "list",
               "URIOpt": "string", "HostAddressOpt": "string", "HostnameOpt": "string", "IPOpt": "string",
               "DictOpt": "string", "Opt": "string", "SubCommandOpt": "string"}


_ABSL_TYPES = {"string": "string", "boolean": "boolean", "bool": "boolean", "integer": "integer",
               "float": "number", "enum": "choice", "enum_class": "choice", "list": "list",
               "spaceseplist": "list", "multi_string": "list", "multi_integer": "list",
               "multi_float": "list", "multi_enum": "list", "multi_enum_class": "list"}
"""absl-py's (and gflags') ``DEFINE_<type>`` declarations, by type."""
_ABSL_MODULES = ("absl.flags", "gflags", "flags", "tensorflow.app.flags", "tensorflow.compat.v1.flags",
                 "tensorflow.compat.v1.app.flags")


def _absl_define(index: ModuleIndex, call: ast.Call) -> str | None:
    """The type of a ``flags.DEFINE_string(...)`` call (absl-py, gflags, TensorFlow's copy)."""
    name = index.canonical(call.func) or ""
    module, _, define = name.rpartition(".")
    if not define.startswith("DEFINE_") or module not in _ABSL_MODULES:
        return None  # (``from absl.flags import DEFINE_string`` is ``absl.flags.DEFINE_string`` here)
    return define[len("DEFINE_"):]


def _absl_interface(index: ModuleIndex) -> list[Flag]:
    """absl-py's flags (Google's command-line library, also ``gflags`` and ``tf.app.flags``):
    ``flags.DEFINE_string("project", None, "help", short_name="p")`` at module level, each
    read as ``--project`` (absl also takes ``-project``); a boolean's ``--noproject`` turns it
    off; ``DEFINE_enum``'s values are its choices; required by ``required=True`` or
    ``flags.mark_flag_as_required("project")`` / ``mark_flags_as_required([...])``; an alias by
    ``DEFINE_alias("p", "project")``. absl's own ``--flagfile``, ``--helpfull`` and logging
    flags are the library's, not the script's."""
    flags: dict[str, Flag] = {}
    required: set[str] = set()
    aliases: list[tuple[str, str]] = []
    for call, _scope in index.calls:
        func = call.func
        short = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if short in ("mark_flag_as_required", "mark_flags_as_required"):
            known, names = literal(call.args[0] if call.args else None)
            if known:
                required.update([names] if isinstance(names, str) else [n for n in names if isinstance(n, str)])
            continue
        kind = _absl_define(index, call)
        if kind is None:
            continue
        named = keywords(call)
        positions = ("name", "default", "enum_values", "help") if kind in ("enum", "multi_enum", "enum_class",
                                                                            "multi_enum_class") \
            else ("name", "default", "help")
        given = dict(zip(positions, call.args, strict=False)) | named
        name = const_str(given.get("name"))
        if kind == "alias":
            original = const_str(given.get("original_name") or (call.args[1] if len(call.args) > 1 else None))
            if name and original:
                aliases.append((name, original))
            continue
        if not name or kind not in _ABSL_TYPES:
            continue
        flag = Flag(f"--{name}", _ABSL_TYPES[kind], line=call.lineno)
        known, default = literal(given.get("default"))
        if known:
            flag.default = default
        if kind in ("enum", "multi_enum"):
            known, values = literal(given.get("enum_values"))
            if known and isinstance(values, list | tuple):
                flag.choices = list(values)
        flag.help = const_str(given.get("help"))
        flag.required = literal(named.get("required"))[1] is True
        short_name = const_str(named.get("short_name"))
        if short_name:
            flag.aliases.append(f"-{short_name}")
        if flag.type == "boolean":
            flag.negation = f"--no{name}"
        if kind.startswith("multi_"):
            flag.action = "append"
        flags.setdefault(flag.name, flag)
    for name in required:
        if f"--{name}" in flags:
            flags[f"--{name}"].required = True
    for name, original in aliases:
        if f"--{original}" in flags:
            flags[f"--{original}"].aliases.append(f"--{name}")
    return list(flags.values())


def _flask_script_interface(index: ModuleIndex) -> tuple[list[Flag], list[str]]:
    """Flask-Script (``manager = Manager(app)``, ``python manage.py <command> [options]``):
    a function under ``@manager.option('-a', '--accounts', ...)`` or ``@manager.command`` is a
    command named after it (its parameters are its arguments under ``command`` alone: without
    a default a positional, with one an option, a switch when the default is a boolean); a
    ``Command`` class's ``option_list`` of ``Option(...)``, added with ``manager.add_command('name',
    Cls())``, is the command ``name``."""
    managers = {name for (_scope, name), entries in index.assigns.items()
                for _position, how, value in entries
                if how == "=" and isinstance(value, ast.Call)
                and (index.canonical(value.func) or "").endswith(("script.Manager", "flask_script.Manager"))}
    flags: list[Flag] = []
    commands: list[str] = []
    if not managers:
        # a module of ``Command`` classes that another file's manager adds (``manage.py``:
        # ``manager.add_command("archive", ArchiveCredentials)``): their options, as declared
        for cls in index.classes:
            if any((index.canonical(base) or "").endswith(("flask_script.Command", "script.Command"))
                   for base in cls.bases):
                flags += _option_list(index, cls, None)
        return flags, []
    for function in index.tree.body:
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        options = [d for d in function.decorator_list if isinstance(d, ast.Call)
                   and isinstance(d.func, ast.Attribute) and d.func.attr == "option"
                   and isinstance(d.func.value, ast.Name) and d.func.value.id in managers]
        command = any((isinstance(d, ast.Attribute) and d.attr == "command" and isinstance(d.value, ast.Name)
                       and d.value.id in managers) or (isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute)
                       and d.func.attr == "command" and isinstance(d.func.value, ast.Name)
                       and d.func.value.id in managers) for d in function.decorator_list)
        if not options and not command:
            continue
        commands.append(function.name)
        for decorator in options:  # as written, top to bottom
            flag = parse_add_argument(index, decorator, [])
            if flag is not None:
                flag.subcommand = function.name
                flags.append(flag)
        if command and not options:
            arguments = function.args
            defaults = [None] * (len(arguments.args) - len(arguments.defaults)) + list(arguments.defaults)
            for argument, default in zip(arguments.args, defaults, strict=True):
                known, value = literal(default) if default is not None else (False, None)
                if default is None:
                    flags.append(Flag(argument.arg, positional=True, required=True, line=function.lineno,
                                      subcommand=function.name))
                else:
                    flags.append(Flag(f"--{argument.arg}", "boolean" if isinstance(value, bool) else "string",
                                      default=value if known else None, line=function.lineno,
                                      subcommand=function.name, aliases=[f"-{argument.arg[0]}"]))
    added: dict[str, str] = {}
    for call, _scope in index.calls:
        if isinstance(call.func, ast.Attribute) and call.func.attr == "add_command" and len(call.args) == 2 \
                and isinstance(call.args[1], ast.Call) and isinstance(call.args[1].func, ast.Name):
            added.setdefault(call.args[1].func.id, const_str(call.args[0]) or call.args[1].func.id.lower())
    for cls in index.classes:
        name = added.get(cls.name)
        if name is None:
            continue
        commands.append(name)
        flags += _option_list(index, cls, name)
    return flags, list(dict.fromkeys(commands))


def _option_list(index: ModuleIndex, cls: ast.ClassDef, name: str | None) -> list[Flag]:
    """A Flask-Script ``Command`` class's ``option_list = (Option(...), ...)``, or the
    ``Option(...)`` its ``get_options(self)`` returns."""
    elements: list[ast.expr] = []
    for statement in cls.body:
        if isinstance(statement, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "option_list"
                                                     for t in statement.targets) \
                and isinstance(statement.value, ast.Tuple | ast.List):
            elements.extend(statement.value.elts)
        elif isinstance(statement, ast.FunctionDef) and statement.name == "get_options":
            elements.extend(node for node in ast.walk(statement) if isinstance(node, ast.Call))
    flags: list[Flag] = []
    for element in elements:
        if isinstance(element, ast.Call) and (dotted(element.func) or "").endswith("Option"):
            flag = parse_add_argument(index, element, [])
            if flag is not None:
                flag.subcommand = name
                flags.append(flag)
    return flags


def registers_cli_opts(call: ast.Call) -> bool:
    """``CONF.register_cli_opts(opts)``, ``register_cli_opt(opt)``, or a project's wrapper
    named for it (``do_register_cli_opts(cli_opts)`` in StackStorm's commands)."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return name.endswith(("register_cli_opts", "register_cli_opt"))


def _oslo_options(index: ModuleIndex, node: ast.expr | None, scope: str, depth: int = 0) -> Iterator[ast.Call]:
    """The option constructors (``cfg.StrOpt(...)``) a list, a sum of lists or a variable holds."""
    if node is None or depth > 4:
        return
    if isinstance(node, ast.Call) and (index.canonical(node.func) or "").rpartition(".")[2] in _OSLO_TYPES:
        yield node
    elif isinstance(node, ast.List | ast.Tuple):
        for element in node.elts:
            yield from _oslo_options(index, element, scope, depth + 1)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        yield from _oslo_options(index, node.left, scope, depth + 1)
        yield from _oslo_options(index, node.right, scope, depth + 1)
    elif isinstance(node, ast.Name):
        for candidate in dict.fromkeys((scope, "")):
            for _position, _op, value in index.assigns.get((candidate, node.id), []):
                yield from _oslo_options(index, value, candidate, depth + 1)


def _oslo_interface(index: ModuleIndex) -> tuple[list[Flag], list[str]]:
    """OpenStack's oslo.config: the options handed to ``CONF.register_cli_opts([...])`` or
    ``register_cli_opt(opt)`` (a list or an option written there or assigned to a name first),
    each ``cfg.BoolOpt('dry_run', default=False, help=...)`` read as ``--dry_run`` (the name as
    written), ``positional=True`` as a positional, ``short='n'`` as ``-n``, a boolean's
    ``--noNAME`` as its negation. Options only registered with ``register_opts`` are read from
    configuration files, not the command line."""
    flags: dict[str, Flag] = {}
    subcommands: list[str] = []
    for call, scope in index.calls:
        if not registers_cli_opts(call):
            continue
        for option in _oslo_options(index, call.args[0] if call.args else keywords(call).get("opts"), scope):
            named = keywords(option)
            name = const_str(option.args[0] if option.args else named.get("name"))
            if not name:
                continue
            opt_type = (index.canonical(option.func) or "").rpartition(".")[2]
            if opt_type == "SubCommandOpt":
                # ``cfg.SubCommandOpt('command', handler=add_command_parsers)``: the handler
                # adds argparse subparsers, one per command, and their arguments
                handler = named.get("handler")
                function = index.functions.get(handler.id) if isinstance(handler, ast.Name) else None
                if function is not None:
                    for flag in _subparser_flags(index, function, subcommands):
                        flags.setdefault(f"{flag.subcommand} {flag.name}", flag)
                    for flag in _command_class_flags(index, subcommands):
                        flags.setdefault(f"{flag.subcommand} {flag.name}", flag)
                continue
            kind = _OSLO_TYPES[opt_type]
            positional = literal(named.get("positional"))[1] is True
            flag = Flag(name if positional else f"--{name}", kind, line=option.lineno, positional=positional)
            known, default = literal(named.get("default"))
            if known:
                flag.default = default
            known, choices = literal(named.get("choices"))
            if known and isinstance(choices, list | tuple):
                flag.choices = [c[0] if isinstance(c, tuple) else c for c in choices]
                flag.type = "choice"
            flag.required = literal(named.get("required"))[1] is True
            flag.help = const_str(named.get("help"))
            short = const_str(named.get("short"))
            if short:
                flag.aliases.append(f"-{short}")
            if kind == "boolean" and not positional:
                flag.negation = f"--no{name}"
            if opt_type in ("MultiStrOpt", "MultiOpt"):
                flag.action = "append"
            flags.setdefault(flag.name, flag)
    if subcommands or any(isinstance(n, ast.FunctionDef) and n.name == "args" for n in index.tree.body):
        for flag in _args_decorated(index):
            flags.setdefault(f"{flag.subcommand} {flag.name}", flag)
    return list(flags.values()), list(dict.fromkeys(subcommands))


def _subparser_flags(index: ModuleIndex, function: FunctionNode, subcommands: list[str]) -> Iterator[Flag]:
    """In a function handed argparse's subparsers: ``parser = subparsers.add_parser('upgrade')``
    then ``parser.add_argument('--revision')``, read in the order written."""
    current: dict[str, str] = {}
    calls = sorted((node for node in ast.walk(function) if isinstance(node, ast.Call)),
                   key=lambda node: (node.lineno, node.col_offset))
    assigned = {id(node.value): node.targets[0].id for node in ast.walk(function)
                if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)}
    for call in calls:
        if not isinstance(call.func, ast.Attribute):
            continue
        if call.func.attr == "add_parser" and call.args and (name := const_str(call.args[0])):
            subcommands.append(name)
            if id(call) in assigned:
                current[assigned[id(call)]] = name
        elif call.func.attr == "add_argument" and isinstance(call.func.value, ast.Name) \
                and call.func.value.id in current:
            flag = parse_add_argument(index, call, [])
            if flag is not None:
                flag.subcommand = current[call.func.value.id]
                yield flag


def _handed_subparsers(index: ModuleIndex) -> tuple[list[Flag], list[str]] | None:
    """A function handed to a project's helper that makes it an oslo.config ``SubCommandOpt``
    handler (trove's ``cfg.custom_parser('action', actions)``, with ``def actions(subparser):
    parser = subparser.add_parser('db_sync'); parser.add_argument(...)``): its subparsers are
    the subcommands. Only a function whose first parameter gets ``.add_parser`` calls."""
    for call, scope in index.calls:
        for argument in call.args[1:] or call.args:
            if not isinstance(argument, ast.Name):
                continue
            function = index.function(argument.id, scope)
            if function is None or not function.args.args:
                continue
            holder = function.args.args[0].arg
            if not any(isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                       and node.func.attr == "add_parser" and isinstance(node.func.value, ast.Name)
                       and node.func.value.id == holder for node in ast.walk(function)):
                continue
            subcommands: list[str] = []
            flags = list(_subparser_flags(index, function, subcommands))
            if subcommands:
                return flags, list(dict.fromkeys(subcommands))
    return None


def _command_class_flags(index: ModuleIndex, subcommands: list[str]) -> Iterator[Flag]:
    """keystone-manage's convention: command classes with ``name = 'bootstrap'`` and a
    ``add_argument_parser(cls, subparsers)`` classmethod that gets its parser from the base
    class (``subparsers.add_parser(cls.name)``) and adds its arguments; each class a command."""
    def method_of(cls: ast.ClassDef) -> ast.FunctionDef | None:
        return next((node for node in cls.body if isinstance(node, ast.FunctionDef)
                     and node.name == "add_argument_parser"), None)

    by_name = {cls.name: cls for cls in index.classes}
    for cls in index.classes:
        name = next((const_str(statement.value) for statement in cls.body
                     if isinstance(statement, ast.Assign) and len(statement.targets) == 1
                     and isinstance(statement.targets[0], ast.Name) and statement.targets[0].id == "name"), None)
        method = method_of(cls)
        inherited = any(isinstance(base, ast.Name) and base.id in by_name and method_of(by_name[base.id])
                        for base in cls.bases)
        if not name or (method is None and not inherited):
            continue
        subcommands.append(name)
        if method is None:  # the base class's parser, with no arguments of its own
            continue
        parsers = {target.id for node in ast.walk(method) if isinstance(node, ast.Assign)
                   for target in node.targets if isinstance(target, ast.Name)
                   and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Attribute)
                   and node.value.func.attr in ("add_argument_parser", "add_parser")}
        for call in sorted((n for n in ast.walk(method) if isinstance(n, ast.Call)), key=lambda n: n.lineno):
            if isinstance(call.func, ast.Attribute) and call.func.attr == "add_argument" \
                    and isinstance(call.func.value, ast.Name) and call.func.value.id in parsers:
                flag = parse_add_argument(index, call, [])
                if flag is not None:
                    flag.subcommand = name
                    yield flag


def _args_decorated(index: ModuleIndex) -> Iterator[Flag]:
    """The OpenStack ``*-manage`` convention: ``@args('--bump-versions', action='store_true')``
    on a command class's methods, each method a subcommand its module's parser adds."""
    for cls in index.classes:
        for method in cls.body:
            if not isinstance(method, ast.FunctionDef):
                continue
            for decorator in method.decorator_list:
                if isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Name) \
                        and decorator.func.id == "args" and decorator.args:
                    flag = parse_add_argument(index, decorator, [])
                    if flag is not None:
                        flag.subcommand = f"{cls.name.removesuffix('Commands').lower()} {method.name}"
                        yield flag


def _shell_actions(index: ModuleIndex) -> Iterator[Flag]:
    """The python-*client shell convention: ``@arg('--tenant-name', ...)`` (or ``@utils.arg``)
    on ``do_<name>`` functions, each the subcommand ``<name>`` (dashes for underscores) that
    the shell's parser adds from its actions module."""
    for qualname, function in index.functions.items():
        name = qualname.rpartition(".")[2]
        if not name.startswith("do_") or not function.decorator_list:
            continue
        for decorator in function.decorator_list:
            func = decorator.func if isinstance(decorator, ast.Call) else None
            if isinstance(decorator, ast.Call) and decorator.args and (
                    (isinstance(func, ast.Name) and func.id in ("arg", "args"))
                    or (isinstance(func, ast.Attribute) and func.attr in ("arg", "args"))):
                flag = parse_add_argument(index, decorator, [])
                if flag is not None:
                    flag.subcommand = name[3:].replace("_", "-")
                    yield flag


def _getopt_interface(index: ModuleIndex) -> list[Flag]:
    flags: dict[str, Flag] = {}
    for call, scope in index.calls:
        if index.canonical(call.func) not in ("getopt.getopt", "getopt.gnu_getopt") or len(call.args) < 2:
            continue
        shorts = _module_string(index, call.args[1], scope)
        longs = _module_string(index, call.args[2], scope) if len(call.args) > 2 else \
            _module_string(index, keywords(call).get("longopts"), scope)
        if isinstance(shorts, str):
            for position_, letter in enumerate(shorts):
                if letter not in ":+-":
                    takes = shorts[position_ + 1:position_ + 2] == ":"
                    flags.setdefault(f"-{letter}", Flag(f"-{letter}", "string" if takes else "boolean",
                                                        line=call.lineno))
        for long in [longs] if isinstance(longs, str) else list(longs or []):
            if isinstance(long, str):
                name = "--" + long.rstrip("=")
                flags.setdefault(name, Flag(name, "string" if long.endswith("=") else "boolean",
                                            line=call.lineno))
    if flags:  # `if opt in ("-n", "--name")`: one flag with an alias
        for compare, _scope in index.compares:
            if not isinstance(compare.ops[0], ast.In) or not isinstance(compare.comparators[0], ast.Tuple | ast.List):
                continue
            group = [const_str(element) for element in compare.comparators[0].elts]
            names = [name for name in group if name and name in flags]
            if len(names) > 1:
                longs_ = [name for name in names if name.startswith("--")]
                keep = flags[longs_[0] if longs_ else names[0]]
                for name in names:
                    if name != keep.name:
                        keep.aliases.append(name)
                        del flags[name]
    return list(flags.values())


def _argv_index(index: ModuleIndex, node: ast.expr, argv_names: dict[str, int],
                parameters: dict[tuple[str, str], int], scope: str) -> int | None:
    """N when ``node`` is ``sys.argv[N]`` (or ``args[N - 1]`` for ``args = sys.argv[1:]``, or
    ``argv[N]`` for the parameter of a local function called as ``main(sys.argv)``)."""
    if not isinstance(node, ast.Subscript) or not isinstance(node.slice, ast.Constant):
        return None
    number = node.slice.value
    if not isinstance(number, int) or isinstance(number, bool) or number < 0:
        return None
    offset = _argv_offset(index, node.value, argv_names, parameters, scope)
    return None if offset is None else (number + offset) or None


def _argv_offset(index: ModuleIndex, node: ast.expr, argv_names: dict[str, int],
                 parameters: dict[tuple[str, str], int], scope: str) -> int | None:
    """The position in ``sys.argv`` of item 0 of the list ``node`` names, when it is argv."""
    if index.canonical(node) == "sys.argv":
        return 0
    if isinstance(node, ast.Name):
        if (scope, node.id) in parameters:
            return parameters[(scope, node.id)]
        return argv_names.get(node.id)
    return None


def _argv_slice_start(index: ModuleIndex, node: ast.expr) -> int | None:
    """0 for ``sys.argv``, N for ``sys.argv[N:]``, else None."""
    if index.canonical(node) == "sys.argv":
        return 0
    if (isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice)
            and node.slice.upper is None and node.slice.step is None
            and index.canonical(node.value) == "sys.argv"):
        ok, start = literal(node.slice.lower) if node.slice.lower is not None else (True, 0)
        if ok and isinstance(start, int) and not isinstance(start, bool) and start >= 0:
            return start
    return None


def _argv_parameters(index: ModuleIndex) -> dict[tuple[str, str], tuple[int, ast.expr]]:
    """(function, parameter) -> (offset, the argument passed) for argv handed whole to a local
    function (``main(sys.argv)``, ``main(sys.argv[1:])``, ``main(argv=sys.argv)``): followed one
    level, as helpers are."""
    found: dict[tuple[str, str], tuple[int, ast.expr]] = {}
    for call, scope in index.calls:
        if not isinstance(call.func, ast.Name):
            continue
        passed = list(enumerate(call.args))
        named = [(k.arg, k.value) for k in call.keywords if k.arg]
        if not any(_argv_slice_start(index, arg) is not None for _n, arg in [*passed, *named]):
            continue
        function = index.function(call.func.id, scope)
        if function is None or any(isinstance(arg, ast.Starred) for arg in call.args):
            continue
        params = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
        by_name = {a.arg for a in (*function.args.posonlyargs, *function.args.args,
                                   *function.args.kwonlyargs)}
        qualname = index.qualname(function)
        for key, arg in [*((params[n] if n < len(params) else None, arg) for n, arg in passed),
                         *((k if k in by_name else None, arg) for k, arg in named)]:
            start = _argv_slice_start(index, arg)
            if key is not None and start is not None:
                found.setdefault((qualname, key), (start, arg))
    # ``def main(argv=None): if argv is None: argv = sys.argv``: the parameter is argv when the
    # program runs it without arguments
    for (scope, name), entries in index.assigns.items():
        function = index.functions.get(scope) if scope else None
        if function is None or name not in {a.arg for a in (*function.args.posonlyargs, *function.args.args)}:
            continue
        for _position, how, value in entries:
            start = _argv_slice_start(index, value) if how == "=" else None
            if start is not None:
                found.setdefault((scope, name), (start, value))
    return found


def _argv_default(index: ModuleIndex, subscript: ast.Subscript, scope: str) -> tuple[bool, Any]:
    """The literal ``D`` of ``name = argv[N] if len(argv) > N else D`` (or ``int(argv[N]) ...``)."""
    for (assign_scope, _name), entries in index.assigns.items():
        if assign_scope != scope:
            continue
        for _pos, how, value in entries:
            if how == "=" and isinstance(value, ast.IfExp):
                body = value.body
                if isinstance(body, ast.Call) and len(body.args) == 1:
                    body = body.args[0]
                if body is subscript:
                    return literal(value.orelse)
    return False, None


def _argv_interface(index: ModuleIndex) -> list[Flag]:
    argv_names: dict[str, int] = {}
    for (_scope, name), entries in index.assigns.items():
        for _pos, how, value in entries:
            if (how == "=" and isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Slice)
                    and index.canonical(value.value) == "sys.argv" and value.slice.upper is None):
                ok, start = literal(value.slice.lower)
                if ok and isinstance(start, int):
                    argv_names[name] = start
    parameters = {key: offset for key, (offset, _arg) in _argv_parameters(index).items()}
    positions: dict[int, Flag] = {}
    for subscript, scope in index.subscripts:
        number = _argv_index(index, subscript, argv_names, parameters, scope)
        if number is not None and number not in positions:
            positions[number] = Flag(f"arg{number}", positional=True, line=subscript.lineno)
            has_default, default = _argv_default(index, subscript, scope)
            if has_default and default is not None:
                positions[number].default = default
    for assign, _scope in index.tuple_assigns:
        value, start = assign.value, 0
        if (isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Slice) and value.slice.upper is None
                and value.slice.step is None):  # ``src, dest = sys.argv[1:]``
            ok, start = literal(value.slice.lower) if value.slice.lower is not None else (True, 0)
            value = value.value if ok and isinstance(start, int) and start >= 0 else value
        if index.canonical(value) == "sys.argv":
            target = assign.targets[0]
            for number, element in enumerate(target.elts if isinstance(target, ast.Tuple | ast.List) else [],
                                             start=start):
                if isinstance(element, ast.Starred):
                    break
                if number and isinstance(element, ast.Name):
                    positions[number] = Flag(element.id, positional=True, required=True, line=assign.lineno)
    switches: list[Flag] = []
    unpacked = _unpacked_argv(index)  # ``main(*sys.argv[1:])``: required as their parameters are
    switches += [flag for number, flag in unpacked if number is None]
    spelled: dict[int, list[tuple[list[str], int]]] = {}  # position -> option spellings compared
    checked = False
    for compare, scope in index.compares:
        left, op, right = compare.left, compare.ops[0], compare.comparators[0]
        if isinstance(op, ast.In | ast.NotIn) and _argv_offset(index, right, {}, parameters, scope) is not None:
            switch = const_str(left)
            if switch and switch.startswith("-") and all(flag.name != switch for flag in switches):
                switches.append(Flag(switch, "boolean", default=False, line=compare.lineno))
        elif (isinstance(left, ast.Call) and isinstance(left.func, ast.Name) and left.func.id == "len"
              and left.args and (offset := _argv_offset(index, left.args[0], {}, parameters, scope)) is not None):
            ok, bound = literal(right)
            if ok and isinstance(bound, int):
                checked = True
                # the items the check asks for; item 0 of sys.argv is the program itself
                needed = bound + 1 if isinstance(op, ast.LtE) else bound if isinstance(op, ast.Lt | ast.NotEq | ast.Eq) else 0
                for number in range(1, needed + offset if needed else 1):
                    positions.setdefault(number, Flag(f"arg{number}", positional=True, line=compare.lineno))
                    positions[number].required = True
        elif isinstance(op, ast.Eq | ast.NotEq) and (
                number := _argv_index(index, left, argv_names, parameters, scope)):
            choice = const_str(right)
            if choice is not None and _is_option_spelling(choice):
                # ``sys.argv[1] == "--fail-on-changes"``: a switch looked for at that position
                spelled.setdefault(number, []).append(([choice], compare.lineno))
            elif choice is not None and number in positions and choice not in (positions[number].choices or []):
                flag = positions[number]
                flag.type, flag.choices = "choice", [*(flag.choices or []), choice]
        elif isinstance(op, ast.In | ast.NotIn) and isinstance(right, ast.List | ast.Tuple | ast.Set) and (
                number := _argv_index(index, left, argv_names, parameters, scope)):
            # ``sys.argv[1] in ['-q', '--quiet']``: one switch and its other spelling
            listed = [const_str(element) for element in right.elts]
            spellings = [name for name in listed if name is not None and _is_option_spelling(name)]
            if spellings and len(spellings) == len(listed):
                spelled.setdefault(number, []).append((spellings, compare.lineno))
    valued = {number for (scope, _name), entries in index.assigns.items() for _pos, how, value in entries
              if how == "=" and isinstance(value, ast.Subscript)
              and (number := _argv_index(index, value, argv_names, parameters, scope))}
    for number, found in spelled.items():
        if number in positions and not positions[number].choices and number not in valued:
            # the position holds one of these switches, not a value (unless it is also read as
            # one: ``if sys.argv[1] == "--help": ... else: branch = sys.argv[1]``)
            del positions[number]
        for spellings, line in found:
            switch = max(spellings, key=lambda n: (n.startswith("--"), len(n)))
            if all(flag.name != switch for flag in switches):
                switches.append(Flag(switch, "boolean", default=False, line=line,
                                     aliases=[n for n in spellings if n != switch]))
    if not checked:
        for flag in positions.values():
            flag.required = True
    for number, flag in unpacked:
        if number is not None:
            positions.setdefault(number, flag)
    if not positions and (walked := _walked_argv(index)) is not None:
        # ``for fn in sys.argv[1:] or glob.glob("*.json"):``: the arguments, one by one
        start, line = walked
        positions[start] = Flag(f"arg{start}", type="list", positional=True, nargs="*", line=line,
                                help="the arguments it takes, one by one")
    return [positions[number] for number in sorted(positions)] + switches


def _unpacked_argv(index: ModuleIndex) -> list[tuple[int | None, Flag]]:
    """The parameters of a local function the arguments are unpacked into (``main(*sys.argv[1:])``),
    each a positional named after its parameter (``argN`` its other name), optional when it has a
    default; one only compared with an option spelling (``if push == "--push"``) is that switch
    (None for its position)."""
    found: list[tuple[int | None, Flag]] = []
    for call, scope in index.calls:
        if not (isinstance(call.func, ast.Name) and len(call.args) == 1 and not call.keywords
                and isinstance(call.args[0], ast.Starred)):
            continue
        start = _argv_slice_start(index, call.args[0].value)
        function = index.function(call.func.id, scope) if start is not None else None
        if function is None or start is None:
            continue
        params = [*function.args.posonlyargs, *function.args.args]
        first_optional = len(params) - len(function.args.defaults)
        for offset, param in enumerate(params):
            number = start + offset
            if not number:  # ``main(*sys.argv)``: the first is the program's own name
                continue
            switch = _compared_switch(function, param.arg)
            if switch is not None:
                found.append((None, Flag(switch, "boolean", default=False, line=call.lineno)))
            else:
                found.append((number, Flag(param.arg, positional=True, required=offset < first_optional,
                                           line=call.lineno, aliases=[f"arg{number}"])))
        break
    return found


def _compared_switch(function: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> str | None:
    """The option spelling a parameter is compared with, and nothing else (``push == "--push"``)."""
    spellings: set[str] = set()
    for node in ast.walk(function):
        if (isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], ast.Eq | ast.NotEq)
                and isinstance(node.left, ast.Name) and node.left.id == name):
            text = const_str(node.comparators[0])
            if text is not None and not _is_option_spelling(text):
                return None
            if text is not None:
                spellings.add(text)
    return spellings.pop() if len(spellings) == 1 else None


def _walked_argv(index: ModuleIndex) -> tuple[int, int] | None:
    """(the first position, the line) of a loop over the script's arguments: ``for x in
    sys.argv[1:]`` (or ``sys.argv[1:] or default``)."""
    for node in ast.walk(index.tree):
        if isinstance(node, ast.For | ast.comprehension):
            walked = node.iter.values[0] if isinstance(node.iter, ast.BoolOp) else node.iter
            start = _argv_slice_start(index, walked)
            if start is not None and start >= 1:
                return start, getattr(node, "lineno", None) or walked.lineno
    return None


def _is_option_spelling(text: str) -> bool:
    """``-q``, ``--fail-on-changes``: an option as typed (not ``-`` alone, not a number)."""
    return re.fullmatch(r"--?[A-Za-z][\w-]*", text) is not None


# --- the interface -----------------------------------------------------------------------------

@dataclass(slots=True)
class InterfaceFacts:
    interface: Interface
    env: list[tuple[str, int]] = field(default_factory=list)
    """Environment variables named by the CLI (click/typer ``envvar=``), with their lines."""
    warnings: list[str] = field(default_factory=list)
    borrows_parser: bool = False
    """The parser is made by a function imported from elsewhere (``parser = base_parser(...)``,
    then ``parser.add_argument(...)`` here): its own options are added to what that function
    gives it (:func:`~opsctl.adopt.python_local.borrowed_interface`)."""


_TRAIT_TYPES = {"Int": "integer", "Integer": "integer", "Float": "number", "Bool": "boolean", "Unicode": "string",
                "List": "list", "Enum": "choice", "CaselessStrEnum": "choice"}


def _traitlets_interface(index: ModuleIndex) -> list[Flag]:
    """A traitlets ``Application`` (Jupyter's tools): its class's ``aliases`` (``"cull-every":
    "IdleCuller.cull_every"``, an option taking a value, typed and described by that trait) and
    ``flags`` (switches), as ``--name``; the framework's own (``--log-level``...) aside."""
    flags: list[Flag] = []
    for cls in index.classes:
        bases = [index.canonical(base) or "" for base in cls.bases]
        if not any(base.startswith(("traitlets.", "jupyter_core.")) and base.endswith(("Application", "App"))
                   for base in bases):
            continue
        traits = {target.id: statement.value for statement in cls.body if isinstance(statement, ast.Assign)
                  for target in statement.targets if isinstance(target, ast.Name)}
        for attribute, switch in (("aliases", False), ("flags", True)):
            table = traits.get(attribute)
            if not isinstance(table, ast.Dict):
                continue
            for key, value in zip(table.keys, table.values, strict=True):
                name = const_str(key) if key is not None else None
                if not name:
                    continue
                flag = Flag(name=f"--{name}", type="boolean" if switch else "string", line=key.lineno)  # type: ignore[union-attr]
                target = const_str(value) if not switch else None
                trait = traits.get(target.rpartition(".")[2]) if target else None
                if isinstance(trait, ast.Call):
                    flag.type = _TRAIT_TYPES.get((dotted(trait.func) or "").rpartition(".")[2], flag.type)
                    ok, default = literal(trait.args[0]) if trait.args else (False, None)
                    if ok and default is not None:
                        flag.default = default
                    flag.help = const_str(keywords(trait).get("help"))
                flags.append(flag)
    return flags


def extract_interface(index: ModuleIndex, source: str, *, django_path: bool = False,
                      shared_click: Mapping[str, tuple[ModuleIndex, ast.Call]] | None = None) -> InterfaceFacts:
    """The script's command line, by the first framework found (Django, click, typer, argparse,
    optparse, getopt, then bare ``sys.argv``). Cheap substring checks skip absent frameworks.
    ``shared_click``: click options that project modules declare once, by their imported name."""
    facts = InterfaceFacts(Interface())
    env = facts.env
    if "click" in source:
        flags, subcommands = _click_interface(index, env, shared_click or {})
        if flags or subcommands or _has_click_command(index):
            # commands a blueprint or an application adds to the ``flask`` program
            flask = (".cli." in source or "AppGroup" in source) and _declares_flask_commands(index)
            # a django-click command (``import djclick as click``) runs through manage.py
            kind: InterfaceKind = "flask" if flask else "django" if django_path else "click"
            facts.interface = Interface(kind, flags, subcommands)
            return facts
    if "typer" in source:
        flags, subcommands = _typer_interface(index, env)
        if flags or subcommands:
            facts.interface = Interface("typer", flags, subcommands)
            return facts
    if "fire" in source:
        fired = _fire_interface(index)
        if fired is not None:
            facts.interface = Interface("fire", *fired)
            return facts
    if "cyclopts" in source:
        made = _cyclopts_interface(index)
        if made is not None:
            facts.interface = Interface("cyclopts", *made)
            return facts
    if "invoke" in source or "fabric" in source:
        tasks = _invoke_interface(index)
        if tasks is not None:
            facts.interface = Interface("invoke", *tasks)
            return facts
    if "docopt" in source:
        declared = _docopt_interface(index)
        if declared is not None:
            flags, commands, warnings = declared
            facts.interface = Interface("docopt", flags, commands)
            facts.warnings += warnings
            return facts
    if "register_cli_opt" in source:
        flags, subcommands = _oslo_interface(index)
        if flags or subcommands:
            subcommands = list(dict.fromkeys([*subcommands, *(f.subcommand for f in flags if f.subcommand)]))
            # and a switch it looks for itself (``if '--verbose' in sys.argv``)
            named = {flag.name for flag in flags}
            flags += [flag for flag in (_argv_interface(index) if "argv" in source else [])
                      if not flag.positional and flag.name not in named]
            facts.interface = Interface("oslo.config", flags, subcommands)
            return facts
    if "add_parser" in source and "oslo" in source:
        handled = _handed_subparsers(index)
        if handled is not None:
            facts.interface = Interface("oslo.config", *handled)
            return facts
    if "traitlets" in source and "aliases" in source:
        traits = _traitlets_interface(index)
        if traits:
            facts.interface = Interface("traitlets", traits, [])
            return facts
    if "DEFINE_" in source and "flags" in source:
        defined = _absl_interface(index)
        if defined:
            facts.interface = Interface("absl", defined)
            return facts
    if "flask_script" in source or "flask.ext.script" in source:
        flags, commands = _flask_script_interface(index)
        if flags or commands:
            facts.interface = Interface("flask-script", flags, commands)
            return facts
    if ("Parser" in source or "Command" in source or "make_option" in source or "add_argument" in source
            or "add_parser" in source or "def add_options" in source or django_path):
        tracker = _ParserTracker(index, facts.warnings)
        tracker.bind_all()
        tracker.collect()
        interface = _assemble_parsers(tracker.parsers)
        facts.borrows_parser = tracker.external
        if "do_" in source and interface.kind == "argparse":
            actions = list(_shell_actions(index))
            interface.flags += actions
            interface.subcommands += [name for name in dict.fromkeys(f.subcommand for f in actions if f.subcommand)
                                      if name not in interface.subcommands]
        if django_path and interface.kind in ("none", "argparse"):
            interface.kind = "django"
        if interface.kind == "optparse":
            named = {flag.name for flag in interface.flags}
            interface.flags += [flag for flag in _optparse_positionals(index) if flag.name not in named]
        if interface.kind == "django" and not any(flag.positional for flag in interface.flags):
            interface.flags += _django_args_usage(index)
        if interface.kind in ("optparse", "argparse") and "getopt.getopt" in source and "parse_args" not in source \
                and (getopt := _getopt_interface(index)):
            # a parser built only to hand a library (a minimal one for a client's
            # shell, never parsed here) beside ``getopt.getopt(argv, "l:c:t:")``: the latter
            # reads the script's own arguments
            interface = Interface("getopt", getopt)
        if interface.kind != "none":
            facts.interface = interface
            return facts
    if "getopt" in source:
        flags = _getopt_interface(index)
        if flags:
            facts.interface = Interface("getopt", flags)
            return facts
    if "argv" in source:
        flags = _argv_interface(index)
        if flags or _argv_read_wholesale(index):
            facts.interface = Interface("argv", flags)
    return facts


def _argv_read_wholesale(index: ModuleIndex) -> bool:
    """``sys.argv`` used other than one position at a time: iterated, sliced, passed on
    (``for a in sys.argv[1:]``, ``main(sys.argv)``, ``f(*sys.argv[1:])``). Such a script takes
    arguments no flag describes: an ``argv`` interface without flags, which ``opsctl wrap``
    refuses without ``--force``. ``sys.argv[N]``, ``len(sys.argv)`` and ``"-x" in sys.argv``
    are the reads :func:`_argv_interface` understands."""
    understood: set[int] = set()
    uses: list[ast.expr] = []
    followed = _argv_parameters(index)
    for (function, parameter), (_offset, passed) in followed.items():
        # argv handed to a local function counts as read there, a position at a time or not
        understood.add(id(passed.value if isinstance(passed, ast.Subscript) else passed))
        for node in ast.walk(index.functions[function]):
            if isinstance(node, ast.Name) and node.id == parameter and isinstance(node.ctx, ast.Load):
                uses.append(node)
    for node in ast.walk(index.tree):
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and isinstance(
                node.slice.value, int):
            understood.add(id(node.value))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len":
            understood.update(id(arg) for arg in node.args)
        elif isinstance(node, ast.Compare) and isinstance(node.ops[0], ast.In | ast.NotIn):
            understood.update(id(c) for c in node.comparators)
        elif isinstance(node, ast.Attribute | ast.Name) and isinstance(node.ctx, ast.Load) \
                and index.canonical(node) == "sys.argv":
            uses.append(node)
    return any(id(node) not in understood for node in uses)


def flask_cli_decorator(decorator: ast.expr, groups: frozenset[str] = frozenset()) -> bool:
    """``@bp.cli.command("import_ctf")``, ``@app.cli.command()``: a command of the ``flask``
    program (a blueprint's or an application's CLI), run as ``flask import_ctf``; also a
    command of one of the module's ``groups`` (``test_cli = AppGroup("test")``,
    ``@test_cli.command("reset")``: ``flask test reset``)."""
    func = decorator.func if isinstance(decorator, ast.Call) else decorator
    return (isinstance(func, ast.Attribute) and func.attr in ("command", "group")
            and ((isinstance(func.value, ast.Attribute) and func.value.attr == "cli")
                 or (isinstance(func.value, ast.Name) and func.value.id in groups)))


def _django_args_usage(index: ModuleIndex) -> list[Flag]:
    """An old-style Django command's ``args = "outfile username [id_string]"`` (the usage of
    the positionals ``handle(*args)`` takes): one positional per word, optional in brackets."""
    flags: list[Flag] = []
    for cls in index.classes:
        for statement in cls.body:
            if (isinstance(statement, ast.Assign) and len(statement.targets) == 1
                    and isinstance(statement.targets[0], ast.Name) and statement.targets[0].id == "args"
                    and (usage := const_str(statement.value))):
                for word in usage.split():
                    optional = word.startswith("[")
                    name = word.strip("<>[].")
                    if re.fullmatch(r"[A-Za-z_][\w-]*", name) and not word.startswith("-"):
                        flags.append(Flag(name, positional=True, required=not optional,
                                          nargs="*" if "..." in word else None, line=statement.lineno))
    return flags


def _optparse_positionals(index: ModuleIndex) -> list[Flag]:
    """optparse leaves positionals in a list: ``(options, args) = parser.parse_args()`` then
    ``path = args[0]`` (or ``int(args[1])``) and ``for spec in args[1:]``. Each is named as the
    script names it, in order; one walked by a loop takes any number."""
    found: dict[int, Flag] = {}
    for assign, scope in index.tuple_assigns:
        value, target = assign.value, assign.targets[0]
        if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute)
                and value.func.attr == "parse_args" and isinstance(target, ast.Tuple | ast.List)
                and len(target.elts) == 2 and isinstance(target.elts[1], ast.Name)):
            continue
        args = target.elts[1].id
        for (where, name), entries in index.assigns.items():
            if where != scope or "." in name:
                continue
            for _position, op, node in entries:
                if isinstance(node, ast.Call) and dotted(node.func) in ("int", "float", "str") and node.args:
                    node = node.args[0]
                if (op == "=" and isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name)
                        and node.value.id == args and isinstance(node.slice, ast.Constant)
                        and isinstance(node.slice.value, int) and node.slice.value >= 0):
                    found.setdefault(node.slice.value, Flag(name, positional=True, line=node.lineno))
                elif (op == "=" and isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name)
                      and node.value.id == args and isinstance(node.slice, ast.Slice)
                      and node.slice.upper is None and isinstance(node.slice.lower, ast.Constant)
                      and isinstance(node.slice.lower.value, int)):  # ``points = args[1:]``
                    found.setdefault(node.slice.lower.value, Flag(name, positional=True, nargs="*",
                                                                  line=node.lineno))
        walked = [(loop.target, loop.iter, loop.lineno) for loop, where in index.loops if where == scope]
        walked += [(node.target, node.iter, getattr(node.iter, "lineno", 0)) for node in ast.walk(index.tree)
                   if isinstance(node, ast.comprehension)]  # ``[parse(spec) for spec in args[1:]]``
        for loop_target, iterated, line in walked:
            if (isinstance(loop_target, ast.Name) and isinstance(iterated, ast.Subscript)
                    and isinstance(iterated.value, ast.Name) and iterated.value.id == args
                    and isinstance(iterated.slice, ast.Slice) and isinstance(iterated.slice.lower, ast.Constant)
                    and isinstance(iterated.slice.lower.value, int)):
                found.setdefault(iterated.slice.lower.value,
                                 Flag(loop_target.id, positional=True, nargs="*", line=line))
    return [found[number] for number in sorted(found)]


def _declares_flask_commands(index: ModuleIndex) -> bool:
    groups = flask_app_groups(index.tree, index)
    return any(flask_cli_decorator(d, groups) for function in index.functions.values() for d in function.decorator_list)


def flask_app_groups(tree: ast.Module, index: ModuleIndex) -> frozenset[str]:
    """Module-level names bound to Flask's ``AppGroup("test")``: a group of the ``flask``
    program (``flask test reset``), added to the application in another module."""
    return frozenset(_flask_app_group_names(tree, index))


def _flask_app_group_names(tree: ast.Module, index: ModuleIndex) -> dict[str, str]:
    """Variable -> the group's command name (``test_cli = AppGroup("test")``: ``test``)."""
    if "AppGroup" not in index.aliases and not any(v.endswith("AppGroup") for v in index.aliases.values()):
        return {}
    return {target.id: (const_str(statement.value.args[0]) if statement.value.args else None) or target.id
            for statement in tree.body if isinstance(statement, ast.Assign)
            and isinstance(statement.value, ast.Call)
            and (index.canonical(statement.value.func) or "").endswith("AppGroup")
            for target in statement.targets if isinstance(target, ast.Name)}


def _has_click_command(index: ModuleIndex) -> bool:
    return any((index.canonical(_decorator_call(d)[0]) or "") in ("click.command", "click.group")
               for function in index.functions.values() for d in function.decorator_list) or bool(
        _click_group_variables(index.tree, index))


_CLICK_GROUP_CLASSES = frozenset({"click.Group", "click.core.Group", "click.CommandCollection"})


def _click_group_variables(tree: ast.Module, index: ModuleIndex) -> dict[str, str]:
    """Variable -> the group's command name, for groups made by their class at module level
    (``repository = click.Group("repo")``; ``addons = click.Group()`` is named by its variable)."""
    return {target.id: (const_str(statement.value.args[0]) if statement.value.args else None)
            or const_str(keywords(statement.value).get("name")) or target.id
            for statement in tree.body if isinstance(statement, ast.Assign)
            and isinstance(statement.value, ast.Call)
            and index.canonical(statement.value.func) in _CLICK_GROUP_CLASSES
            for target in statement.targets if isinstance(target, ast.Name)}


# (recursive helpers at module level, not closures: a closure that calls itself is a reference
# cycle, which keeps what it captures, a module's syntax tree, until the collector runs)
def _inherited(parser: _Parser, depth: int = 0) -> list[Flag]:
    """A parser's flags after those of its ``parents=[...]``, theirs first."""
    own = [flag for parent in parser.parents if depth < 8 for flag in _inherited(parent, depth + 1)]
    return own + parser.flags


def _command_path(commands: dict[str, Any], name: str, depth: int = 0) -> list[str]:
    """The subcommand words from the top group down to the command ``name``."""
    _node, parent, cmd = commands[name]
    if parent is None or parent not in commands or depth > 8:
        return []
    return [*_command_path(commands, parent, depth + 1), cmd]


def _assemble_parsers(parsers: list[_Parser]) -> Interface:
    if not parsers:
        return Interface()
    kinds = {parser.kind for parser in parsers if not parser.parent_only} or {parsers[0].kind}
    kind: InterfaceKind = "django" if "django" in kinds else "argparse" if "argparse" in kinds else "optparse"
    flags: list[Flag] = []
    subcommands: list[str] = []

    for parser in sorted(parsers, key=lambda made: made.line):
        if parser.parent_only:
            continue
        if parser.subcommand:
            subcommands.append(parser.subcommand)
        seen: set[str] = set()
        for flag in _inherited(parser):
            if flag.name in seen:
                continue
            seen.add(flag.name)
            if parser.parents or flag.subcommand != parser.subcommand:
                flag = replace(flag, aliases=list(flag.aliases))
            flag.subcommand = parser.subcommand
            flags.append(flag)
    return Interface(kind, flags, subcommands)


# --- dry run -----------------------------------------------------------------------------------

_DRY_RUN_NAMES = {"dry-run", "dryrun", "noop", "no-op", "simulate", "pretend", "whatif", "what-if", "preview"}
_DRY_RUN_BOOLEAN_NAMES = {"check", "plan"}
_DRY_RUN_HELP = re.compile(  # "Do not change administrator accounts" is a filter, not a dry run
    r"dry[- _]?run|simulat|pretend|\bpreview|no[- ]?op\b|without (?:actually )?(?:chang|doing|making|modif|writ|delet|apply)"
    r"|(?:do not|don't|not) actually|(?:do not|don't) (?:chang|modif|delet|apply|execut|make|writ)\w* (?:anything|any\b)"
    r"|no changes|would (?:be )?do",
    re.IGNORECASE)


_APPLY_NAMES = re.compile(  # affirmative: without it the script only shows what it would do
    r"^(?:actually-|really-)?(?:apply|execute|commit|confirm|really|for-real|no-dry-run|doit|do-it|no-noop|write)"
    r"(?:-(?:it|changes|all))?$")
_APPLY_HELP = re.compile(r"^\W*(?:actually|really|commit|apply) (?:\w+ )?(?:the )?(?:perform|do|delet|chang|writ|run|"
                         r"execut|remov|updat|modif)", re.IGNORECASE)
_PREVIEW_BY_DEFAULT = re.compile(r"(?:default|otherwise|without (?:it|this)).{0,40}(?:dry[- _]?run|preview|only (?:show|print|list))"
                                 r"|(?:dry[- _]?run|preview)[^.]{0,20}(?:by default|is the default)"
                                 r"|(?:rather|instead) than (?:just |only |merely )?(?:print|show|list|report)",
                                 re.IGNORECASE)


def dry_run(flags: list[Flag]) -> tuple[bool, str | None]:
    """Whether the script can show what it would do without doing it, and the flag that asks for
    it. A script that only previews unless given ``--apply``/``--execute``/``--commit``... has a
    dry run and no flag for it (the preview is what it does without flags)."""
    inverted = False
    for flag in flags:
        if flag.positional:
            continue
        spellings = [flag.name, *flag.aliases, *([flag.dest] if flag.dest else [])]
        normalized = {text.lstrip("-").lower().replace("_", "-") for text in spellings}
        says_dry = bool(flag.help and _DRY_RUN_HELP.search(flag.help))
        affirmative = any(_APPLY_NAMES.match(text) for text in normalized) or bool(
            flag.help and (_APPLY_HELP.search(flag.help) or _PREVIEW_BY_DEFAULT.search(flag.help)))
        if flag.type == "boolean" and not normalized & _DRY_RUN_NAMES and affirmative:
            inverted = True
            continue
        if (normalized & _DRY_RUN_NAMES
                or (normalized & _DRY_RUN_BOOLEAN_NAMES and flag.type == "boolean"
                    and any(text in ("--check", "--plan") for text in spellings))
                or (says_dry and flag.type == "boolean")):
            longs = [text for text in (flag.name, *flag.aliases)
                     if text.startswith("--") and not text.startswith("--no-")]
            return True, longs[0] if longs else flag.name
    return inverted, None
