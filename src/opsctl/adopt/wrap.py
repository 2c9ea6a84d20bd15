"""``opsctl wrap SCRIPT``: an automation module around one legacy script, from its scan.

The request model comes from the script's flags, the effect from its effects, the secrets
from the credentials it reads; the module imports :mod:`opsctl.adopt.runtime` for the
mechanics. Like ``opsctl new``, it registers the module in ``opsctl.toml``, writes kit tests
and a contract lock entry, overwrites nothing unless forced, and writes every file only after
all of them were generated (and the module was loaded once, in memory).

A script whose interface the scan could not determine (its warnings, or argv read wholesale)
is refused unless forced; then the request gets an ``args`` field passed to it as is.
Subcommands become a required ``command`` field with the subcommands as choices; options of
one subcommand are optional fields, refused with another subcommand.
"""

from __future__ import annotations

import json
import keyword
import os
import re
import shlex
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, TextIO

from opsctl.adopt.model import (
    TIERS,
    Caller,
    Effect,
    EnvVar,
    Flag,
    Interface,
    Owners,
    Script,
    Tier,
)
from opsctl.adopt.runtime import Arg
from opsctl.errors import OpsctlError, PlanRejectedError, UsageError
from opsctl.scaffold import Generated

COMMAND_FIELD = "command"
PASSTHROUGH_FIELD = "args"
_JOINED_KINDS = ("argparse", "click", "typer", "optparse", "getopt", "fire", "docopt", "oslo.config",
                 "flask-script", "cyclopts", "absl")
_DOUBLE_DASH_KINDS = ("argparse", "click", "typer", "optparse", "getopt", "getopts", "docopt", "oslo.config", "traitlets",
                      "flask-script", "cyclopts", "absl")
"""(python-fire reads the words after ``--`` as its own flags, not the script's)"""
_PYTHON = re.compile(r"^python3?$")
_SYSTEM_BIN = ("/usr/bin", "/bin", "/usr/local/bin")
_SHELLS = ("bash", "sh", "dash", "zsh", "ksh")


class ScriptNotUnderstoodError(PlanRejectedError):
    """The scan could not determine the script's interface: nothing was written."""

    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message, reason="not-understood", step=None)
        self.problems = problems


@dataclass(frozen=True)
class RequestField:
    """One field of the generated request model and how it reaches the script."""

    name: str
    annotation: str
    default: Any
    required: bool
    description: str
    arg: Arg | None
    sample: Any
    """A valid value, used by the generated tests for required fields."""


@dataclass
class WrapDesign:
    """Everything the generated module says, decided from the scan (no I/O)."""

    name: str
    script: Script
    fields: list[RequestField]
    effect: Literal["read", "mutate"]
    interpreter: tuple[str, ...] | None
    secrets: dict[str, str]
    required_secrets: list[str]
    problems: list[str]
    command_field: str | None = None
    passthrough: str | None = None
    notes: list[str] = field(default_factory=list)
    command_prefix: tuple[str, ...] = ()
    """Words before the script's own (a Django command's name, run by ``manage.py``)."""

    @property
    def destructive(self) -> list[Effect]:
        return [e for e in self.script.effects if e.destructive]


@dataclass(frozen=True)
class Wrapped:
    """What ``wrap_script`` did."""

    name: str
    script: str
    effect: str
    files: list[Generated]
    problems: list[str]
    """What the scan could not determine (non-empty only when forced)."""
    version: str = "0.1.0"
    breaking: list[str] = field(default_factory=list)
    """Wrapped again: what breaks the callers of the locked contract (the version bumped)."""


# -- decisions ---------------------------------------------------------------------------------
def problems_of(script: Script) -> list[str]:
    """What keeps the interface from being known: the scan's warnings, argv read wholesale
    (``"$@"``, ``sys.argv[1:]``; positions read one by one, ``sys.argv[1]``, are known). An
    exit code the scan could not read (``sys.exit(main())``) is none: unlisted codes are ``ok``
    for 0 and ``failed`` otherwise."""
    from opsctl.adopt.python_scan import UNKNOWN_EXIT_CODE

    found = [w for w in script.warnings if not w.startswith(UNKNOWN_EXIT_CODE)]
    own = [flag for flag in script.interface.flags if flag.passed_on is None]
    if script.interface.kind == "argv" and not own:
        found.append("the script reads its arguments wholesale (sys.argv / \"$@\"), so its "
                     "flags are unknown")
    if script.interface.kind == "invoke":
        found.append("an invoke tasks file is run by `inv TASK`, not as a script, and wrap does "
                     "not write that command line yet")
    if script.interface.kind == "flask":
        found.append("its commands belong to the `flask` program (`flask NAME`, with the "
                     "application set), not to the file, and wrap does not write that command "
                     "line yet")
    return found


def _python2(script: Script) -> bool:
    from opsctl.adopt.scan import is_python2

    return script.language == "python" and is_python2(script)


def select_effect(script: Script) -> Literal["read", "mutate"]:
    """``read`` only when the scan found no effect at all and nothing it could not resolve."""
    return "read" if not script.effects and not script.warnings else "mutate"


def interpreter_for(script: Script) -> tuple[str, ...] | None:
    """The interpreter from the shebang; None means this Python (for Python) or bash."""
    words = shlex.split(script.interpreter.removeprefix("#!")) if script.interpreter else []
    if words and Path(words[0]).name == "env":
        words = [w for w in words[1:] if not w.startswith("-") and "=" not in w]
    if _python2(script) and (not words or (_PYTHON.match(Path(words[0]).name) and (
            words[0] == Path(words[0]).name or str(Path(words[0]).parent) in _SYSTEM_BIN))):
        return ("python2",)  # the system's Python 3 would refuse it (a venv's is as written)
    if not words:
        return None
    program = Path(words[0]).name
    if script.language == "python":
        generic = _PYTHON.match(program) and (words[0] == program
                                              or str(Path(words[0]).parent) in _SYSTEM_BIN)
        return None if generic and len(words) == 1 else tuple(words)
    if program in _SHELLS:
        return (program, *words[1:])
    return tuple(words)


def derive_name(path: str) -> str:
    """``scripts/Cleanup_Old.v2.sh`` -> ``cleanup-old-v2``."""
    stem = Path(path).name
    for suffix in (".py", ".sh", ".bash"):
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
    words = re.findall(r"[a-z0-9]+", stem.lower())
    name = "-".join(words) or "script"
    return name if name[0].isalpha() else f"script-{name}"


def secret_name(variable: str) -> str:
    """The opsctl secret for an environment variable (``OPSCTL_SECRET_<VARIABLE>``)."""
    return re.sub(r"[^a-z0-9_]", "_", variable.lower())


def _spelling(flag: Flag) -> str:
    if flag.positional:
        return flag.dest or flag.name
    spellings = [flag.name, *flag.aliases]
    long = next((s for s in spellings if s.startswith("--") and s != flag.negation), None)
    return long or flag.dest or flag.name


def _turned_off_by_flag(flag: Flag, negation: str | None) -> bool:
    """A switch the script turns off with its flag (argparse ``store_false``, a click flag whose
    default is true), with no spelling that turns it on."""
    return flag.type == "boolean" and not flag.positional and negation is None \
        and flag.default is True


def _field_stem(flag: Flag, turned_off: bool) -> str:
    """What the field is named after: the long spelling; for a switch the script turns off,
    what it turns off (``--no-verify`` with dest ``verify``, or alone: ``verify``), so the
    field's true is the script's true."""
    if turned_off:
        if flag.dest:
            return flag.dest
        spelled = _spelling(flag)
        for prefix in ("--no-", "--no_", "--without-", "--skip-"):
            if spelled.startswith(prefix) and len(spelled) > len(prefix):
                return spelled[len(prefix):]
    return _spelling(flag)


def credential_flag(flag: Flag) -> bool:
    """An option holding a credential: its environment variable or its name looks like one
    (``--token``, ``--db-password``, ``envvar="SERVICE_API_KEY"``)."""
    from opsctl.adopt.python_scan import looks_like_credential

    if flag.positional or flag.type != "string":
        return False
    names = [flag.name, *flag.aliases, *([flag.dest] if flag.dest else [])]
    return (flag.envvar is not None and looks_like_credential(flag.envvar)) or any(
        looks_like_credential(n.lstrip("-").replace("-", "_")) for n in names)


def _list_passing(flag: Flag) -> tuple[bool, int | None]:
    """(spread, arity) of a list option: repeated per value (argparse ``append``, click
    ``multiple``), one flag then its values (``nargs='*'``/``'+'``), or exactly N values."""
    if flag.action in ("append", "extend"):
        return False, None
    if isinstance(flag.nargs, int) and not isinstance(flag.nargs, bool) and flag.nargs > 1:
        return False, flag.nargs
    if flag.nargs in ("*", "+", "..."):
        return True, None
    return False, None


def _identifier(text: str) -> str:
    ident = re.sub(r"[^0-9A-Za-z_]+", "_", text.lstrip("-")).strip("_").lower() or "arg"
    return f"arg_{ident}" if ident[0].isdigit() else ident


def _option_strings(name: str, is_bool: bool) -> set[str]:
    flag = "--" + name.replace("_", "-")
    return {flag, "--no-" + flag[2:]} if is_bool else {flag}


class _Names:
    """Field names that are valid identifiers and make CLI flags clashing with nothing."""

    def __init__(self) -> None:
        from pydantic import BaseModel

        from opsctl.contract.flags import RESERVED_OPTIONS

        self._forbidden = set(RESERVED_OPTIONS) | set(dir(BaseModel))
        self._taken: set[str] = set()
        self._strings: set[str] = set()

    def _free(self, name: str, is_bool: bool) -> bool:
        strings = _option_strings(name, is_bool)
        return not (keyword.iskeyword(name) or name in self._forbidden or name in self._taken
                    or strings & self._strings or strings & self._forbidden)

    def claim(self, wanted: str, is_bool: bool = False) -> str:
        candidates = [wanted, f"script_{wanted}"]
        candidates += [f"script_{wanted}_{n}" for n in range(2, 100)]
        name = next(c for c in candidates if self._free(c, is_bool))
        self._taken.add(name)
        self._strings |= _option_strings(name, is_bool)
        return name


def _coerce_default(flag: Flag, kind: str) -> Any:
    value = flag.default
    if value is None:
        return None
    try:
        if kind == "boolean":
            return value if isinstance(value, bool) else None
        if isinstance(value, bool):
            return None
        if kind == "integer":
            return int(value) if isinstance(value, int | str) else None
        if kind == "number":
            number = float(value)
            return number if number == number and abs(number) != float("inf") else None
        if kind == "list":
            return [str(v) for v in value] if isinstance(value, list | tuple) else None
        if kind == "choice":
            return str(value) if flag.choices and str(value) in map(str, flag.choices) else None
        return str(value) if isinstance(value, str | int | float) else None
    except (TypeError, ValueError):
        return None


def _request_field(flag: Flag, names: _Names, script: Script,
                   shared: tuple[str, ...] | None = None) -> RequestField:
    kind = flag.type if flag.type in ("string", "integer", "number", "boolean", "path", "choice",
                                      "list") else "string"
    if flag.choices and kind not in ("boolean", "list"):
        kind = "choice"
    choices = [str(c) for c in flag.choices or []]
    literal = "Literal[" + ", ".join(repr(c) for c in choices) + "]" if choices else "str"
    base, sample = {
        "string": ("str", "example"), "integer": ("int", 1), "number": ("float", 1.0),
        "boolean": ("bool", True), "path": ("Path", "example"),
        "choice": (literal, choices[0] if choices else "example"),
        "list": (f"list[{literal}]", [choices[0] if choices else "example"]),
    }[kind]
    counted = flag.action == "count" and not flag.positional
    if counted:
        kind, base, sample = "integer", "int", 1
    secret = credential_flag(flag)
    if secret:
        kind, base, sample = "string", "Secret", "example"
    negation = flag.negation if kind == "boolean" else None
    if (negation is None and script.interface.kind == "fire" and kind == "boolean"
            and flag.name.startswith("--")):
        negation = f"--no{flag.name[2:]}"
    turned_off = kind == "boolean" and _turned_off_by_flag(flag, negation)
    default = None if secret else _coerce_default(flag, kind)
    if counted and default is None:
        default = 0
    if kind == "boolean":
        default = bool(default)
    subcommands = shared or ((flag.subcommand,) if flag.subcommand else ())
    in_subcommand = bool(subcommands)
    required = flag.required and default is None and kind != "boolean" and not in_subcommand
    annotation = base
    if not required and default is None and kind not in ("boolean", "list"):
        annotation = f"{base} | None"
    if kind == "list" and default is None:
        default = []
    name = names.claim(_identifier(_field_stem(flag, turned_off)), is_bool=kind == "boolean")
    spelled = "--" + name.replace("_", "-")
    help_text = (flag.help or "").strip().replace("\n", " ")
    script_spelling = " / ".join([flag.name, *flag.aliases])
    if flag.positional:
        notes = f"positional argument {flag.name} of the script"
    elif turned_off:
        notes = f"the script's {script_spelling}, passed when false"
    elif counted:
        notes = f"the script's {script_spelling}, passed this many times"
    elif script_spelling != spelled and script_spelling != f"{spelled} / --no-{spelled[2:]}":
        notes = f"the script's {script_spelling}"
    else:
        notes = ""
    if subcommands:
        only = (f"{subcommands[0]!r} command only" if len(subcommands) == 1 else
                ", ".join(repr(c) for c in subcommands) + " commands only")
        notes = f"{notes}; {only}" if notes else only
        if flag.required:
            notes += ", required there"
    description = f"{help_text} ({notes})" if help_text and notes else help_text or notes \
        or f"{flag.name} of the script"
    arg_kind: Any = ("positional" if flag.positional else "count" if counted
                     else "switch" if kind == "boolean" else "list" if kind == "list" else "option")
    spread, arity = _list_passing(flag) if arg_kind == "list" else (False, None)
    joined = not flag.positional and not spread and arity is None and (flag.joined or (
        script.interface.kind in _JOINED_KINDS and flag.name.startswith("--")))
    # The script's default is left for the script to apply, unless it falls back to an
    # environment variable first (click's envvar): one inherited from the caller would then
    # take the place of the value the request (and the plan, the result, the audit) shows.
    left_out = None if flag.positional or flag.envvar else (default if default != [] else None)
    arg = Arg(field=name, flag=None if flag.positional else flag.name, kind=arg_kind,
              default=left_out,
              subcommand=(subcommands[0] if len(subcommands) == 1 else subcommands) or None,
              required=flag.required and in_subcommand,
              joined=joined, negated=negation if arg_kind == "switch" else None,
              spread=spread, arity=arity, secret=secret)
    if arity is not None and isinstance(sample, list):  # `nargs=2`: not a list of one
        sample = sample * arity
    return RequestField(name, annotation, default, required, description, arg, sample)


def _dry_run_commands(script: Script) -> tuple[str, ...] | None:
    """The subcommands whose own option the dry-run flag is (``purge --dry-run`` of a click
    group or argparse subparser); None when the script itself takes it, before any subcommand."""
    owners = [flag.subcommand for flag in script.interface.flags
              if script.dry_run_flag in (flag.name, *flag.aliases)]
    if not owners or None in owners:
        return None
    return tuple(dict.fromkeys(str(owner) for owner in owners))


def _shared_across_subcommands(flags: list[Flag]) -> list[tuple[Flag, tuple[str, ...] | None]]:
    """Flags in script order; one spelled, typed and constrained the same way in several
    subcommands (``--env`` of ``up`` and of ``down``) comes once, with the subcommands it
    belongs to, so the request has one ``--env`` rather than ``--env`` and ``--script-env``.
    It is required only when every one of those subcommands requires it."""
    groups: dict[tuple[Any, ...], list[Flag]] = {}
    order: list[tuple[Any, ...]] = []
    for flag in flags:
        key: tuple[Any, ...] = (flag.name, tuple(flag.aliases), flag.type, flag.positional,
                                repr(flag.choices), repr(flag.default))
        if flag.subcommand is None:
            key = (*key, id(flag))  # never merged
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(flag)
    merged: list[tuple[Flag, tuple[str, ...] | None]] = []
    for key in order:
        group = groups[key]
        if len(group) == 1:
            merged.append((group[0], None))
            continue
        subcommands = tuple(dict.fromkeys(f.subcommand for f in group if f.subcommand))
        first = replace(group[0], required=all(f.required for f in group))
        merged.append((first, subcommands))
    return merged


def design(script: Script, name: str, *, force: bool = False) -> WrapDesign:
    """Decide the module for ``script`` (raises ScriptNotUnderstoodError unless ``force``)."""
    problems = problems_of(script)
    if problems and not force and _python2(script):
        raise ScriptNotUnderstoodError(
            f"cannot wrap {script.path}: {script.warnings[0]} (use --force to wrap it anyway: "
            "the module then runs it with `python2`)", problems)
    if problems and not force:
        raise ScriptNotUnderstoodError(
            f"cannot wrap {script.path}: the scan could not determine its interface: "
            + "; ".join(problems) + " (use --force to wrap it anyway, with an `args` field "
            "passed to the script as is)", problems)
    names = _Names()
    fields: list[RequestField] = []
    command_field = passthrough = None
    subcommands = script.interface.subcommands
    if subcommands:
        command_field = names.claim(COMMAND_FIELD)
        literal = "Literal[" + ", ".join(repr(s) for s in subcommands) + "]"
        fields.append(RequestField(command_field, literal, None, True,
                                   "The script's subcommand", None, subcommands[0]))
    dry_run = script.dry_run_flag if script.has_dry_run else None
    secrets: dict[str, str] = {}
    required_secrets: list[str] = []
    notes: list[str] = []
    for flag, shared in _shared_across_subcommands(script.interface.flags):
        spellings = {flag.name, *flag.aliases}
        if spellings & {"-h", "--help"} or (dry_run and dry_run in spellings):
            continue
        if problems and flag.passed_on is not None:
            continue  # the arguments handed on wholesale: the passthrough field below carries them
        if flag.envvar and credential_flag(flag):
            # the credential reaches the script through its variable, as an opsctl secret
            # (masked everywhere), never as a request field stored in the result and audit
            secrets.setdefault(secret_name(flag.envvar), flag.envvar)
            if flag.required and secret_name(flag.envvar) not in required_secrets:
                required_secrets.append(secret_name(flag.envvar))
            notes.append(f"{flag.name} is not a request field: it holds a credential, given as "
                         f"the opsctl secret {secret_name(flag.envvar)!r} (the script reads it "
                         f"from {flag.envvar})")
            continue
        fields.append(_request_field(flag, names, script, shared))
    if problems:
        passthrough = names.claim(PASSTHROUGH_FIELD)
        fields.append(RequestField(passthrough, "list[str]", [], False,
                                   "Arguments passed to the script as they are (the scan could "
                                   "not determine its interface)", None, []))
    for env in script.env:
        if env.credential and env.name not in secrets.values():
            secrets[secret_name(env.name)] = env.name
            if env.required and secret_name(env.name) not in required_secrets:
                required_secrets.append(secret_name(env.name))
    return WrapDesign(name=name, script=script, fields=fields, effect=select_effect(script),
                      interpreter=interpreter_for(script), secrets=secrets,
                      required_secrets=required_secrets, problems=problems,
                      command_field=command_field, passthrough=passthrough, notes=notes)


# -- rendering ---------------------------------------------------------------------------------
def _arg_source(arg: Arg) -> str:
    parts = [repr(arg.field)]
    if arg.flag is not None:
        parts.append(repr(arg.flag))
    if arg.kind != "option":
        parts.append(f"kind={arg.kind!r}")
    if arg.default is not None:
        parts.append(f"default={arg.default!r}")
    if arg.subcommand is not None:
        parts.append(f"subcommand={arg.subcommand!r}")
    if arg.required:
        parts.append("required=True")
    if arg.joined:
        parts.append("joined=True")
    if arg.negated:
        parts.append(f"negated={arg.negated!r}")
    if arg.spread:
        parts.append("spread=True")
    if arg.arity is not None:
        parts.append(f"arity={arg.arity!r}")
    if arg.secret:
        parts.append("secret=True")
    return f"Arg({', '.join(parts)})"


def _field_source(f: RequestField) -> str:
    description = f"description={f.description!r}"
    if f.required:
        return f"    {f.name}: {f.annotation} = Field({description})"
    if isinstance(f.default, list):
        if f.default:
            return (f"    {f.name}: {f.annotation} = Field(default_factory=lambda: "
                    f"{f.default!r}, {description})")
        return f"    {f.name}: {f.annotation} = Field(default_factory=list, {description})"
    return f"    {f.name}: {f.annotation} = Field(default={f.default!r}, {description})"


def _doc_line(text: str) -> str:
    return text.replace("\\", "/").replace('"""', "'''")


def render_module(d: WrapDesign, *, script_from_module: str, label: str, owner: str,
                  command: str, version: str = "0.1.0", script_sha256: str | None = None) -> str:
    """The automation module's text."""
    s = d.script
    var = d.name.replace("-", "_")
    summary = (s.summary or f"Run the legacy script {label}").strip().splitlines()[0][:200]
    # the contract's summary as the script says it (a literal below); the docstring's copy
    # without double quotes, which could end it
    lines = [f'"""{_doc_line(summary).replace(chr(34), chr(39))}', "",
             f"Wraps the legacy script {_doc_line(label)} ({s.language}, "
             f"{s.interface.kind} interface);",
             f"generated by `{_doc_line(command)}`.",
             "The script runs as it is: flags from the request, credentials from opsctl secrets,",
             "output into the run log, exit codes mapped below. Edit freely; `opsctl contract",
             "check` tells when the request changed."]
    if d.destructive:
        lines += ["", "DESTRUCTIVE: the scan found effects that may lose data:"]
        lines += [f"  - {_doc_line(e.call)} (line {e.line}, {e.kind})" for e in d.destructive]
    if d.notes:
        lines += [""] + [_doc_line(n) for n in d.notes]
    if d.problems:
        lines += ["", "What the scan could not determine (wrapped with --force; `args` is passed "
                  "as is):"]
        lines += [f"  - {_doc_line(p)}" for p in d.problems]
    lines += ['"""', "", "from __future__ import annotations", "", "from collections.abc "
              "import Iterator"]
    annotations = " ".join(f.annotation for f in d.fields)
    if "Path" in annotations:
        lines.append("from pathlib import Path")
    if "Literal[" in annotations:
        lines.append("from typing import Literal")
    opsctl_names = ", ".join(["Action", "Automation", "Context",
                              *(["Secret"] if re.search(r"\bSecret\b", annotations) else [])])
    lines += ["", "from pydantic import BaseModel, ConfigDict, Field", "",
              f"from opsctl import {opsctl_names}",
              "from opsctl.adopt.runtime import Arg, WrappedScript", "", "",
              "class Request(BaseModel):",
              '    model_config = ConfigDict(extra="forbid", protected_namespaces=())', ""]
    lines += [_field_source(f) for f in d.fields] or ["    pass"]
    args = [f.arg for f in d.fields if f.arg is not None]
    lines += ["", "", "SCRIPT = WrappedScript(",
              f"    script={script_from_module!r},  # "
              + ("outside the project: where it is" if script_from_module.startswith("/")
                 else "relative to this file"),
              "    module_file=__file__,",
              f"    language={s.language!r},"]
    if d.interpreter is not None:
        lines.append(f"    interpreter={d.interpreter!r},")
    if args:
        lines.append("    args=(")
        lines += [f"        {_arg_source(a)}," for a in args]
        lines.append("    ),")
    if script_sha256 is not None:
        lines.append(f"    wrapped_sha256={script_sha256!r},  # the script as wrapped: a plan "
                     "of it changed since warns")
    if d.command_prefix:
        lines.append(f"    command_prefix={d.command_prefix!r},  # run as `manage.py "
                     f"{' '.join(d.command_prefix)} ...`")
    if d.command_field:
        lines.append(f"    command_field={d.command_field!r},")
    if d.passthrough:
        lines.append(f"    passthrough={d.passthrough!r},")
    if s.has_dry_run and s.dry_run_flag:
        lines.append(f"    dry_run_flag={s.dry_run_flag!r},  # run while planning: read-only by "
                     "the script's promise")
        if s.interface.kind == "fire":
            preview = next((f for f in s.interface.flags if f.name == s.dry_run_flag), None)
            if preview is not None and preview.default is True:
                lines.append(f"    apply_flag={'--no' + s.dry_run_flag[2:]!r},  # the script previews "
                             "by default: this makes it act")
            lines.append("    mode_flags_last=True,  # python-fire: flags after the command's name")
        elif d.command_field and (commands := _dry_run_commands(s)):
            lines.append(f"    dry_run_commands={commands!r},  # their own option: after "
                         "the subcommand's name")
    if d.secrets:
        lines.append(f"    secrets={d.secrets!r},  # opsctl secret -> the script's variable")
    if d.required_secrets:
        lines.append(f"    required_secrets={tuple(d.required_secrets)!r},")
    codes = ", ".join(f"{c}: 'failed'" for c in sorted(set(s.exit_codes)) if c != 0)
    lines += ["    # exit code -> 'ok', 'retry' (transient, retried) or 'failed'; unlisted: 0 ok, "
              "else failed",
              f"    exit_codes={{0: 'ok'{', ' + codes if codes else ''}}},",
              "    timeout=600.0,  # seconds; [automation.NAME] timeout overrides it",
              f"    double_dash={s.interface.kind in _DOUBLE_DASH_KINDS!r},", ")", "", ""]
    if d.destructive:
        lines.append("# DESTRUCTIVE: " + "; ".join(e.call.replace("\n", " ")
                                                   for e in d.destructive)[:300])
    description = []
    if d.secrets:  # shown by --help and describe: the credentials are no flags of its own
        given = "; ".join(f"{secret} (the script's {variable}"
                          + (", required)" if secret in d.required_secrets else ")")
                          for secret, variable in sorted(d.secrets.items()))
        text = (f"{summary}\n\nCredentials, as opsctl secrets (OPSCTL_SECRET_<NAME> or "
                f"[secrets]): {given}.")
        description = [f"    description={text!r},"]
    lines += [f"{var} = Automation(", f"    {d.name!r},", f'    version="{version}",',
              f"    owner={owner!r},", f"    summary={summary!r},", *description,
              "    request=Request,", f"    effect={d.effect!r},", ")", "", "",
              f"@{var}.plan",
              "def plan(ctx: Context, req: Request) -> Iterator[Action]:",
              '    """One run of the script: its exact command line (and its own dry run)."""',
              "    return SCRIPT.plan(ctx, req)", "", "",
              f"@{var}.apply",
              "def apply(ctx: Context, req: Request, action: Action) -> None:",
              '    """Runs the script with a timeout; its exit code decides."""',
              "    SCRIPT.apply(ctx, req, action)", ""]
    return "\n".join(lines)


STUBS = {
    "python": "import sys\nprint('stub', *sys.argv[1:])\n",
    "shell": 'echo stub "$@"\n',
}

TEST_TEMPLATE = '''"""Tests of the {name} automation (the wrapped script {label}), with opsctl's test kit.

They never run the real script: `[automation.{name}] script = ...`, the documented hook, points
the automation at a harmless stub that prints its arguments. Run them with `pytest {test_path}`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from opsctl.testing import FakeClock, OpsctlHarness, assert_exit, assert_schemas_match_lock

HERE = Path(__file__).resolve().parent
PROJECT = next(d for d in [HERE, *HERE.parents] if (d / "opsctl.toml").exists())
REQUEST = {request}
ARGUMENTS = {arguments}
STUB = {stub!r}


@pytest.fixture
def harness(tmp_path: Path, opsctl_clock: FakeClock) -> Iterator[OpsctlHarness]:
    """The project's automations on a temporary store, the script replaced by the stub."""
    stub = tmp_path / "stub"
    stub.write_text(STUB)
    interpreter = {interpreter}
    with OpsctlHarness(tmp_path / "harness", clock=opsctl_clock, project=PROJECT,
                       secrets={secrets!r},
                       config={{"{name}": {{"script": str(stub),
                                            "interpreter": interpreter}}}}) as h:
        yield h


def test_the_request_has_the_scripts_flags(harness: OpsctlHarness) -> None:
    model = harness.automation("{name}").request_model

    assert list(model.model_fields) == {fields!r}


def test_the_plan_is_one_run_of_the_script(harness: OpsctlHarness) -> None:
    result = harness.dry_run("{name}", **REQUEST)

    assert_exit(result, 10)
    assert result.action_ids() == ["run"]
    assert result.planned is not None
    assert result.planned[0]["data"]["arguments"] == ARGUMENTS


def test_apply_runs_the_script_with_those_arguments(harness: OpsctlHarness) -> None:
    result = harness.apply("{name}", **REQUEST)

    assert_exit(result, 0)
    lines = [e["line"] for e in result.events if e.get("event") == "script.output"]
    assert lines == [" ".join(["stub", *ARGUMENTS])]


def test_a_bad_request_runs_nothing(harness: OpsctlHarness) -> None:
    result = harness.apply("{name}", **REQUEST, unknown_field=1)

    assert_exit(result, 2)
    assert not [e for e in result.events if e.get("event") == "script.output"]


def test_the_contract_is_the_locked_one(harness: OpsctlHarness) -> None:
    assert_schemas_match_lock(harness.automation("{name}"), PROJECT / "{lock}")
'''


def _py(value: Any) -> str:
    return repr(value)


def render_tests(d: WrapDesign, *, label: str, test_path: str, request: dict[str, Any],
                 arguments: list[str]) -> str:
    from opsctl.contract.lockfile import LOCK_FILE

    interpreter = "[sys.executable]" if d.script.language == "python" else '["sh"]'
    secrets = {name: f"test-{name}" for name in d.secrets}
    return TEST_TEMPLATE.format(name=d.name, label=label, test_path=test_path,
                                request=_py(request), arguments=_py(arguments),
                                stub=STUBS[d.script.language], interpreter=interpreter,
                                secrets=secrets, fields=[f.name for f in d.fields],
                                lock=LOCK_FILE)


def sample_request(d: WrapDesign) -> dict[str, Any]:
    """A valid request for the generated tests: a value for each required field, and for the
    fields the first subcommand requires when the script has subcommands."""
    request = {f.name: f.sample for f in d.fields if f.required}
    command = request.get(d.command_field) if d.command_field else None
    for f in d.fields:
        allowed = (f.arg.subcommand,) if f.arg is not None and isinstance(f.arg.subcommand, str) \
            else f.arg.subcommand if f.arg is not None else None
        if (command is not None and f.arg is not None and allowed is not None
                and command in allowed and f.arg.required and f.name not in request):
            request[f.name] = f.sample
    return request


def load_module_text(text: str, module_path: Path) -> dict[str, Any]:
    """Execute the generated module in memory (nothing written) and check its flags."""
    import sys
    import types

    from opsctl.contract.automation import Automation
    from opsctl.contract.flags import flag_clash, flag_specs

    # a real module in sys.modules while it runs: pydantic resolves the (postponed)
    # annotations through it
    module = types.ModuleType(f"_opsctl_wrap_check_{module_path.stem}")
    module.__file__ = str(module_path)
    sys.modules[module.__name__] = module
    try:
        exec(compile(text, str(module_path), "exec"), module.__dict__)
    finally:
        sys.modules.pop(module.__name__, None)
    namespace = module.__dict__
    automations = [v for v in namespace.values() if isinstance(v, Automation)]
    clash = flag_clash(flag_specs(namespace["Request"]))
    if len(automations) != 1 or clash:
        raise UsageError(f"the generated module for {module_path.stem} is broken: "
                         f"{clash or 'no automation'}")
    return namespace


# -- the library calls -------------------------------------------------------------------------
@dataclass
class _Prepared:
    name: str
    module: str
    files: dict[Path, str]
    design: WrapDesign
    label: str
    version: str = "0.1.0"
    breaking: list[str] = field(default_factory=list)
    """What a wrap again changes that breaks the callers of the locked contract."""


def find_manage_py(command_file: Path) -> Path | None:
    """The ``manage.py`` of a Django management command: in its folder or the nearest above."""
    for folder in command_file.resolve().parents:
        candidate = folder / "manage.py"
        if candidate.is_file():
            return candidate
    return None


def inside_project(root: Path, folder: str, option: str) -> Path:
    """``root / folder``, refused (exit 2) when it lies outside the project."""
    path = (root / folder).resolve()
    if not path.is_relative_to(root.resolve()):
        raise UsageError(f"{option} {folder}: {path} is outside the project {root}; give a "
                         "folder inside it (relative to the project)")
    return path


def _prepare(root: Path, script_file: Path, script: Script, name: str, *, out: str,
             tests: str, owner: str, force: bool, command: str,
             registered: _Registered | None = None) -> _Prepared:
    from opsctl.scaffold import check_name, module_name, refuse_overwrite

    check_name(name, suggestion=f"give it another with --name (e.g. --name {name}-script)")
    module = module_name(name)
    module_path = inside_project(root, out, "--out") / f"{module}.py"
    test_path = inside_project(root, tests, "--tests") / f"test_{module}.py"
    refuse_overwrite([module_path, test_path], force=force)
    if force and module_path.is_file() and not _wrapped_module(module_path):
        raise UsageError(f"{module_path} exists and was not written by `opsctl wrap`: --force "
                         "replaces only the files of an earlier wrap; give the script another "
                         "name with --name, or move that module away first")
    registered = registered or registered_in(root)
    registered.refuse_taken(name, module, module_path)
    registered.refuse_other_script(name, script_file, script)
    run_file = script_file
    prefix: tuple[str, ...] = ()
    if script.interface.kind == "django":
        manage = find_manage_py(script_file)
        if manage is None:
            script = replace(script, warnings=[
                *script.warnings, f"{script_file.name} is a Django management command, which "
                "runs only through its project's manage.py, and no manage.py was found in its "
                "folder or above"])
        else:
            run_file, prefix = manage, (Path(script_file).stem,)
    d = design(script, name, force=force)
    d.command_prefix = prefix
    try:
        label = script_file.relative_to(root).as_posix()
    except ValueError:
        label = str(script_file)
    # relative to the module, so the project can move; one outside it stays where it is
    relative = (Path(os.path.relpath(run_file, module_path.parent)).as_posix()
                if Path(run_file).resolve().is_relative_to(root.resolve())
                else Path(run_file).resolve().as_posix())
    from opsctl.adopt.runtime import script_sha256

    try:  # an inventory may name a script of another checkout, absent here
        digest: str | None = script_sha256(Path(run_file))
    except OSError:
        digest = None
    text = render_module(d, script_from_module=relative, label=label, owner=owner,
                         command=command, script_sha256=digest)
    namespace = load_module_text(text, module_path)
    version, breaking = relocked_version(root, name, namespace)
    if version != "0.1.0":
        text = render_module(d, script_from_module=relative, label=label, owner=owner,
                             command=command, version=version, script_sha256=digest)
        namespace = load_module_text(text, module_path)
    request = sample_request(d)
    arguments = namespace["SCRIPT"].arguments(namespace["Request"](**request))
    test_text = render_tests(d, label=label, test_path=test_path.relative_to(root).as_posix(),
                             request=request, arguments=arguments)
    return _Prepared(name, module, {module_path: text, test_path: test_text}, d, label,
                     version, breaking)


def relocked_version(root: Path, name: str, namespace: Mapping[str, Any]) -> tuple[str, list[str]]:
    """The version of automation ``name`` wrapped again, and what in its new contract breaks
    the callers of the locked one: the locked version (never back to 0.1.0), bumped as
    `contract check` asks for a break (the major; the minor below 1.0.0)."""
    from opsctl.contract.automation import Automation
    from opsctl.contract.compat import compare
    from opsctl.contract.lockfile import LOCK_FILE, contract_snapshot, parse_version, read_lock

    try:
        entry = read_lock(root / LOCK_FILE).automations.get(name)
        locked = parse_version(entry.version) if entry is not None else None
    except (OpsctlError, OSError, ValueError):  # a broken lock is reported when it is written
        return "0.1.0", []
    automation = next((v for v in namespace.values() if isinstance(v, Automation)), None)
    if entry is None or locked is None or automation is None:
        return "0.1.0", []
    snapshot = {**contract_snapshot(automation), "version": entry.version}
    breaking = [change.message for change in compare(entry.contract, snapshot)
                if change.severity == "breaking"]
    if not breaking:
        return entry.version, []
    bumped = f"0.{locked.minor + 1}.0" if locked.major == 0 else f"{locked.major + 1}.0.0"
    return bumped, breaking


def _wrapped_module(path: Path) -> bool:
    """Whether the module at ``path`` is one ``opsctl wrap`` wrote (it runs its script through
    :class:`opsctl.adopt.runtime.WrappedScript`): only such a module is ``--force``'s to replace."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return "from opsctl.adopt.runtime import" in text and "WrappedScript(" in text


@dataclass
class _Registered:
    """The modules and automations the project registers already (read once)."""

    modules: list[str]
    automations: dict[str, tuple[str, str | None]]
    """automation name -> (its module, its source file)"""
    scripts: dict[tuple[str, tuple[str, ...]], str] = field(default_factory=dict)
    """(a wrapped script's resolved path, its command prefix) -> the automation running it"""
    owners: dict[str, str] = field(default_factory=dict)
    """A wrapped automation's name -> the owner it declares (kept when it is wrapped again)"""

    def refuse_other_script(self, name: str, file: Path, script: Script) -> None:
        """Exit 2 when automation ``name`` wraps another script (one still there: a script
        moved is wrapped again from where it is now): replaced (``--force``), the command its
        callers run would run that other script."""
        other = next((path for (path, _), wrapping in self.scripts.items()
                      if wrapping == name and Path(path).is_file()), None)
        if other is not None and self.wrapping(file, script) != name:
            raise UsageError(f"automation {name} runs the script {other}, not {file}: --force "
                             "replaces only the wrap of the same script; give this one "
                             "another name with --name")

    def wrapping(self, file: Path, script: Script) -> str | None:
        """The automation that wraps ``file`` already, if one does."""
        key: tuple[str, tuple[str, ...]] = (str(file.resolve()), ())
        if script.interface.kind == "django":
            manage = find_manage_py(file)
            key = (str(manage.resolve()), (file.stem,)) if manage is not None else key
        return self.scripts.get(key)

    def refuse_taken(self, name: str, module: str, module_path: Path) -> None:
        """Exit 2 when another module registers ``name`` or is named ``module``: the old one
        would still win. Replacing the module file that registers it is a re-wrap (with
        ``--force``, refused before this when the file exists)."""
        def same_file(source: str | None) -> bool:
            return source is not None and Path(source).resolve() == module_path.resolve()

        taken = self.automations.get(name)
        if taken is not None and not same_file(taken[1]):
            raise UsageError(f"an automation named {name} is already registered (module "
                             f"{taken[0]}); choose another with --name")
        owner = next((source for mod, source in self.automations.values() if mod == module),
                     None)
        if module in self.modules and not module_path.exists() and not same_file(owner):
            raise UsageError(f"a module named {module} is already registered in opsctl.toml "
                             "(automations); choose another with --name")


def registered_in(root: Path) -> _Registered:
    import tomllib

    config = root / "opsctl.toml"
    if not config.is_file():
        return _Registered([], {})
    try:
        modules = [str(m) for m in tomllib.loads(config.read_text()).get("automations") or []]
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return _Registered([], {})  # reported when the config is wired
    from opsctl.catalog import load_catalog
    from opsctl.config.layers import load_layers

    try:
        catalog = load_catalog(load_layers(cwd=root), use_cache=False, strict=False)
        entries = catalog.entries
    except Exception:  # an unloadable project is reported when the new contract is locked
        return _Registered(modules, {})
    from opsctl.adopt.runtime import wrapped_script_of

    scripts: dict[tuple[str, tuple[str, ...]], str] = {}
    owners: dict[str, str] = {}
    for name in entries:
        try:
            automation = catalog.load(name)
            wrapped = wrapped_script_of(automation)
        except Exception:  # reported when the new contract is locked
            continue
        if wrapped is not None:
            path = (Path(wrapped.module_file).parent / wrapped.script).resolve()
            scripts[(str(path), tuple(wrapped.command_prefix))] = name
            owners[name] = str(automation.owner)
    return _Registered(modules, {n: (e.module, e.source) for n, e in entries.items()}, scripts,
                       owners)


def _write(root: Path, prepared: list[_Prepared], out: str) -> list[Generated]:
    """Write the modules and tests, wire opsctl.toml, lock the new contracts; a file that
    cannot be written is exit 2, with everything written before it undone."""
    try:
        return _write_files(root, prepared, out)
    except OSError as exc:
        where = exc.filename or root
        raise UsageError(f"cannot write {where}: {exc.strerror or exc}; nothing was "
                         "written") from None


@contextmanager
def _one_writer(root: Path) -> Iterator[None]:
    """Wraps of one project take turns writing it: each reads opsctl.toml and the contract
    lock, adds its entries and writes them back, and two at once would each lose the other's
    (an advisory lock on the project folder itself: no file is left behind)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: one at a time is then the user's to keep
        yield
        return
    fd = os.open(root, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # (closing it lets the lock go)


def _write_files(root: Path, prepared: list[_Prepared], out: str) -> list[Generated]:
    with _one_writer(root):
        return _write_files_now(root, prepared, out)


def _write_files_now(root: Path, prepared: list[_Prepared], out: str) -> list[Generated]:
    from opsctl.contract.lockfile import LOCK_FILE
    from opsctl.scaffold import lock_automations, undone_on_failure, wire_config

    config_path = root / "opsctl.toml"
    config = config_path.read_text() if config_path.exists() else ""
    for p in prepared:
        config = wire_config(config, p.module, os.path.relpath(root / out, root))
    generated: list[Generated] = []
    touched = [path for p in prepared for path in p.files] + [config_path, root / LOCK_FILE]
    with undone_on_failure(touched):
        for p in prepared:
            for path, text in p.files.items():
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomically(path, text)
            module_path, test_path = list(p.files)
            generated += [
                Generated(module_path, f"the automation {p.name}: request from the script's "
                          "flags, a plan showing its command line, an apply running it",
                          p.files[module_path]),
                Generated(test_path, "its tests (opsctl.testing; the script replaced by a stub)",
                          p.files[test_path]),
            ]
        write_atomically(config_path, config)
        import importlib
        import sys

        for p in prepared:  # a module read before (registered_in) would be locked and cached
            sys.modules.pop(p.module, None)  # as it was, not as just written (--force)
        importlib.invalidate_caches()
        lock = lock_automations(root, [p.name for p in prepared])
    generated += [
        Generated(config_path, "the project config: the modules added to automations", None),
        Generated(lock, "the contract lock, with the new entries", None),
    ]
    return generated


def write_atomically(path: Path, text: str | Callable[[TextIO], None]) -> None:
    """``path`` replaced by ``text`` through a temporary file and a rename: never half
    written. ``text`` may be a function that writes to the open file (a report of tens of
    megabytes streamed rather than held whole). Raises OSError (the temporary file removed).

    A file replaced keeps its mode (an `opsctl.toml` kept 0600 for the secrets in it stays
    0600) and, where this process may set it, its owner; one this process may not write is
    refused, as writing it in place would be: the rename would bypass its protection. Text
    that is not UTF-8 (a file name of other bytes) is written as backslash escapes."""
    import errno
    import stat

    try:
        before: os.stat_result | None = path.stat()
    except FileNotFoundError:
        before = None
    if before is not None and not os.access(path, os.W_OK):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))
    temporary = path.parent / f".{path.name}.{os.urandom(6).hex()}.tmp"
    try:
        with temporary.open("w", encoding="utf-8", errors="backslashreplace") as handle:
            if isinstance(text, str):
                handle.write(text)
            else:
                text(handle)
        if before is not None:
            os.chmod(temporary, stat.S_IMODE(before.st_mode))
            if (before.st_uid, before.st_gid) != (os.geteuid(), os.getegid()):
                with suppress(OSError):  # only root may give a file away
                    os.chown(temporary, before.st_uid, before.st_gid)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _owner(owner: str, script: Script) -> str:
    if owner:
        return owner
    if script.owners and script.owners.authors:
        return script.owners.authors[0].email or script.owners.authors[0].name
    return os.environ.get("USER", "") or "unknown"


def _scan(file: Path, *, force: bool) -> Script:
    """The scan of ``file``; when it fails and ``force``, a script known only by its name."""
    from opsctl.adopt.scan import ScanError, scan_file

    try:
        return scan_file(file)
    except ScanError as exc:
        if not force:
            raise ScriptNotUnderstoodError(
                f"cannot wrap {file}: the scan failed: {exc.reason} (use --force to wrap it "
                "anyway, with an `args` field passed to the script as is)", [exc.reason]) \
                from None
        first = file.read_bytes()[:200].split(b"\n", 1)[0].decode("utf-8", "replace")
        shebang = first[2:].strip() if first.startswith("#!") else None
        python = file.suffix == ".py" or bool(shebang and "python" in shebang)
        return Script(path=file.name, language="python" if python else "shell",
                      interpreter=shebang, interface=Interface(kind="argv"),
                      warnings=[f"the scan failed: {exc.reason}"])


def check_script_file(file: Path) -> Path:
    if not file.exists():
        raise UsageError(f"script {file} does not exist")
    if not file.is_file():
        raise UsageError(f"{file} is not a file (give the path of one script)")
    return file.resolve()


def wrap_script(start: Path, file: Path, *, name: str | None = None,
                out: str = "automations", tests: str = "tests", owner: str = "",
                force: bool = False, script: Script | None = None) -> Wrapped:
    """Wrap one script into an automation of the project around ``start``.

    ``script`` is its scan (default: :func:`opsctl.adopt.scan.scan_file`). Raises UsageError
    (a missing file, a reserved name, files that exist) or ScriptNotUnderstoodError; nothing
    is written then.
    """
    from opsctl.scaffold import check_name, find_project, module_name, refuse_overwrite

    path = check_script_file(file)
    name = name or derive_name(path.name)
    check_name(name, suggestion=f"give it another with --name (e.g. --name {name}-script)")
    root = find_project(start.resolve())
    module_path = inside_project(root, out, "--out") / f"{module_name(name)}.py"
    refuse_overwrite([module_path,
                      inside_project(root, tests, "--tests") / f"test_{module_name(name)}.py"],
                     force=force)
    registered = registered_in(root)
    registered.refuse_taken(name, module_name(name), module_path)
    scanned = script if script is not None else _scan(path, force=force)
    command = "opsctl wrap " + shlex.quote(os.path.relpath(path, root))
    prepared = _prepare(root, path, scanned, name, out=out, tests=tests,
                        owner=_owner(owner or registered.owners.get(name, ""), scanned),
                        force=force, command=command, registered=registered)
    files = _write(root, [prepared], out)
    return Wrapped(name, prepared.label, prepared.design.effect, files,
                   prepared.design.problems, prepared.version, prepared.breaking)


@dataclass(frozen=True)
class WrapReport:
    """One script of ``wrap --all``: wrapped, or refused and why."""

    script: str
    name: str | None
    wrapped: bool
    reason: str
    effect: str | None = None
    root: str | None = None
    """The folder the script's path was found under, and why that one, when it is not the
    inventory's own root (an inventory made in another checkout)."""
    version: str | None = None
    breaking: tuple[str, ...] = ()
    """Wrapped again: what breaks the callers of the locked contract (the version bumped)."""
    unchanged: bool = False
    """Wrapped before, and its files are what wrapping it again would write: nothing to do."""


def wrap_all(start: Path, source: Path, *, min_tier: Tier = "shared", out: str = "automations",
             tests: str = "tests", owner: str = "", force: bool = False,
             ) -> tuple[list[WrapReport], list[Generated]]:
    """Wrap every script at or above ``min_tier`` of an inventory file or a scanned folder."""
    from opsctl.scaffold import find_project

    if min_tier not in TIERS:
        raise UsageError(f"--min-tier must be one of {', '.join(TIERS)}")
    recorded, scripts = load_inventory(source)
    root = find_project(start.resolve())
    wanted = [s for s in scripts if TIERS.index(s.tier) >= TIERS.index(min_tier)]
    root_dir, why = scripts_root(recorded, [s.path for s in wanted], source=source,
                                 project=root)
    registered = registered_in(root)
    reports: list[WrapReport] = []
    prepared: list[_Prepared] = []
    # a script wrapped before keeps its name; no other script takes it
    taken: set[str] = set(registered.scripts.values())
    from opsctl.contract.automation import RESERVED_NAMES
    from opsctl.scaffold import module_name, shadowed_module

    for s in sorted(wanted, key=lambda s: s.path):
        file = root_dir / s.path
        name = registered.wrapping(file, s) if file.is_file() else None
        if name is None:
            base = derive_name(s.path)
            if base in RESERVED_NAMES or shadowed_module(module_name(base)) \
                    or keyword.iskeyword(module_name(base)):
                base = f"{base}-script"
            name = next(n for n in [base, *(f"{base}-{i}" for i in range(2, 1000))]
                        if n not in taken)
        taken.add(name)
        try:
            check_script_file(file)
            command = "opsctl wrap --all " + shlex.quote(os.path.relpath(source, root))
            declared = _owner(owner or registered.owners.get(name, ""), s)
            p = _prepare(root, file.resolve(), s, name, out=out, tests=tests, owner=declared,
                         force=force, command=command, registered=registered)
        except UsageError as exc:
            if not force and _up_to_date(root, file.resolve(), s, name, out=out, tests=tests,
                                         owner=declared, command=command,
                                         registered=registered):
                reports.append(WrapReport(s.path, name, False, "wrapped already, unchanged",
                                          root=why, unchanged=True))
                continue
            reports.append(WrapReport(s.path, name, False, exc.message, root=why))
            continue
        except ScriptNotUnderstoodError as exc:
            reports.append(WrapReport(s.path, name, False,
                                      "could not determine: " + "; ".join(exc.problems),
                                      root=why))
            continue
        prepared.append(p)
        reports.append(WrapReport(s.path, name, True, "wrapped", p.design.effect, root=why,
                                  version=p.version, breaking=tuple(p.breaking)))
    files = _write(root, prepared, out) if prepared else []
    return reports, files


def _up_to_date(root: Path, file: Path, script: Script, name: str, **kwargs: Any) -> bool:
    """Whether the files of ``script``'s wrap exist and are what wrapping it again writes
    (a module edited by hand is not: replacing it is for --force)."""
    try:
        again = _prepare(root, file, script, name, force=True, **kwargs)
    except (UsageError, ScriptNotUnderstoodError):
        return False
    def unnoted(text: str) -> list[str]:  # which command wrote it is a note, not a change
        return [line for line in text.splitlines() if not line.startswith("generated by `")]

    try:
        return all(unnoted(path.read_text(encoding="utf-8")) == unnoted(text)
                   for path, text in again.files.items())
    except (OSError, UnicodeDecodeError):
        return False


def scripts_root(recorded: Path, paths: list[str], *, source: Path,
                 project: Path) -> tuple[Path, str | None]:
    """Where the scripts of an inventory are: its recorded root when that lies in this project
    (or nothing better is found), else the same folder in this project, found from the
    inventory file's folder and the project's root (``ops/`` of an inventory made in another
    checkout), a folder inside the project first. The reason is None for the recorded root itself; exit 2 when no folder holds
    the scripts."""
    def holds(folder: Path) -> int:
        return sum(1 for p in paths if (folder / p).is_file())

    recorded = Path(os.path.normpath(recorded))
    project = project.resolve()
    if not paths or (recorded.is_dir() and recorded.resolve().is_relative_to(project)
                     and holds(recorded) == len(paths)):
        return recorded, None
    bases = list(dict.fromkeys([source.resolve().parent if source.is_file() else source.resolve(),
                                project]))
    tails = [Path(*recorded.parts[-n:]) for n in range(1, len(recorded.parts))]
    candidates = [base / tail for base in bases for tail in [Path(), *tails]]
    # A folder of this project first: from an inventory file kept outside the project, the
    # recorded root itself is also a candidate (base + its own tail), and it would tie.
    candidates.sort(key=lambda c: not c.resolve().is_relative_to(project))
    best = max(candidates, key=holds)
    found = holds(best)
    outside = recorded.exists() and not recorded.resolve().is_relative_to(project)
    ours = [c for c in candidates if c.resolve().is_relative_to(project)]
    if outside and ours and holds(max(ours, key=holds)):
        # A folder of this project that holds some of the scripts wins over a root outside
        # it (another checkout), whichever holds more: the modules must run this project's
        # scripts, and the ones missing here are reported as such.
        best = max(ours, key=holds)
        found = holds(best)
    if found and (found >= holds(recorded) or (outside and best.resolve().is_relative_to(project))):
        if best.resolve() == recorded.resolve():
            return recorded, None
        reason = (f"{best}: the inventory's root {recorded} "
                  + ("does not exist" if not recorded.exists() else "is outside this project")
                  + f"; {found} of its {len(paths)} scripts are here")
        return best, reason
    if holds(recorded):
        return recorded, (f"{recorded}: the inventory's own root, outside this project (no "
                          "folder of this project holds its scripts)" if outside else None)
    raise UsageError(f"the scripts of {source} cannot be found: its root {recorded} "
                     + ("does not exist" if not recorded.exists() else "does not hold them")
                     + " and no folder of this project does (tried "
                     + ", ".join(str(c) for c in dict.fromkeys(candidates)) + ")")


def load_inventory(source: Path) -> tuple[Path, list[Script]]:
    """The scripts of an ``opsctl.inventory/v1`` file, or of a scan of a folder."""
    if source.is_dir():
        from opsctl.adopt.scan import scan_tree

        inventory = scan_tree(source)
        return Path(inventory.root) if Path(inventory.root).is_absolute() else source, \
            list(inventory.scripts)
    if not source.is_file():
        raise UsageError(f"{source} is neither an inventory file nor a folder")
    try:
        document = json.loads(source.read_text())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"{source} is not an inventory JSON document: {exc}") from None
    from opsctl.adopt.model import SCHEMA_ID

    if not isinstance(document, dict) or document.get("schema") != SCHEMA_ID:
        raise UsageError(f"{source} is not an {SCHEMA_ID} document "
                         "(`opsctl inventory scan --format json`)")
    root = Path(str(document.get("root") or "."))
    if not root.is_absolute():
        root = source.resolve().parent / root
    entries = document.get("scripts") or []
    if not isinstance(entries, list):
        raise UsageError(f"{source}: scripts is a list of scripts, not {type(entries).__name__}")
    from pydantic import TypeAdapter, ValidationError

    checked = TypeAdapter(Script)  # the types too: a flag named 5 failed later, exit 1
    try:
        for entry in entries:
            checked.validate_python(entry)
        scripts = [script_from_document(s) for s in entries]
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise UsageError(f"{source}: a script entry is malformed: "
                         f"{where + ': ' if where else ''}{first['msg']}") from None
    except (TypeError, KeyError, ValueError) as exc:
        raise UsageError(f"{source}: a script entry is malformed: {exc}") from None
    return root, scripts


def _only(cls: type, raw: Mapping[str, Any]) -> dict[str, Any]:
    names = set(getattr(cls, "__dataclass_fields__", {}))
    return {k: v for k, v in raw.items() if k in names}


def script_from_document(raw: Mapping[str, Any]) -> Script:
    """A :class:`Script` from its ``opsctl.inventory/v1`` JSON form."""
    from opsctl.adopt.model import Author

    values = _only(Script, raw)
    interface = dict(values.get("interface") or {})
    interface["flags"] = [Flag(**_only(Flag, f)) for f in interface.get("flags") or []]
    values["interface"] = Interface(**_only(Interface, interface))
    values["env"] = [EnvVar(**_only(EnvVar, e)) for e in values.get("env") or []]
    values["effects"] = [Effect(**_only(Effect, e)) for e in values.get("effects") or []]
    values["callers"] = [Caller(**_only(Caller, c)) for c in values.get("callers") or []]
    owners = values.get("owners")
    if owners:
        owners = dict(owners)
        owners["authors"] = [Author(**_only(Author, a)) for a in owners.get("authors") or []]
        values["owners"] = Owners(**_only(Owners, owners))
    return Script(**values)
