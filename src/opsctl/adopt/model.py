"""The inventory of a folder of legacy scripts, as plain values: ``opsctl.inventory/v1``.

Scanners fill these dataclasses; :func:`inventory_document` turns an :class:`Inventory` into the
published JSON document and :func:`inventory_schema` prints its JSON Schema (2020-12). The classes
are stdlib dataclasses (not pydantic models) so a scan of thousands of scripts builds them cheaply;
pydantic is imported only to write the schema, from the attribute docstrings below.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal, TextIO

SCHEMA_ID = "opsctl.inventory/v1"

Language = Literal["python", "shell"]
InterfaceKind = Literal["argparse", "click", "typer", "fire", "optparse", "getopt", "docopt", "oslo.config",
                        "flask-script", "flask", "invoke", "cyclopts", "argv", "django", "getopts", "case",
                        "traitlets", "absl", "none"]
EffectKind = Literal["file-delete", "file-write", "command", "cloud", "http", "sql", "orm", "call"]
"""``call``: a call into the project's own code that could not be followed, whose name says it
deletes (``delete_expired(...)``); always ``low`` confidence."""
Confidence = Literal["high", "medium", "low"]
CallerKind = Literal["github-actions", "gitlab-ci", "makefile", "justfile", "tox", "cron",
                     "dockerfile", "packer", "compose", "kubernetes", "ansible", "entry-point", "script", "ci",
                     "systemd", "maven", "gradle", "bazel", "terraform", "snakemake", "npm",
                     "serverless", "nix"]
Tier = Literal["private", "shared", "interface", "platform"]
TIERS: tuple[Tier, ...] = ("private", "shared", "interface", "platform")


@dataclass(slots=True)
class Flag:
    """One command-line option or positional argument of a script."""

    name: str
    """As typed on the command line: ``--dry-run``, ``-n``, or the positional's name."""
    type: str = "string"
    """``string``, ``integer``, ``number``, ``boolean`` (a switch), ``path``, ``choice`` or ``list``."""
    default: Any = None
    """The default when it is a literal (never a value read from the environment)."""
    choices: list[Any] | None = None
    required: bool = False
    help: str | None = None
    positional: bool = False
    aliases: list[str] = field(default_factory=list)
    """Other spellings of the same option (``-n`` for ``--dry-run``)."""
    dest: str | None = None
    """The name the script reads the value under, when it differs from ``name``."""
    subcommand: str | None = None
    """The subcommand this flag belongs to, for argparse subparsers and click groups."""
    line: int | None = None
    action: str | None = None
    """argparse/optparse ``action`` when literal (``store_false``, ``append``, ``count``...);
    ``append`` for click ``multiple`` and typer list options, ``count`` for click ``count``."""
    nargs: int | str | None = None
    """argparse/click ``nargs`` when literal: a number of values, ``?``, ``*``, ``+`` or ``...``."""
    negation: str | None = None
    """For a switch with an on/off pair (click ``--x/--no-x``, typer booleans, argparse
    ``BooleanOptionalAction``): the spelling that turns it off (also one of ``aliases``)."""
    envvar: str | None = None
    """The environment variable the option also reads (click/typer ``envvar=``)."""
    joined: bool = False
    """The value is read only as ``--name=value`` (a shell ``case`` arm ``--name=*)``)."""
    passed_on: str | None = None
    """For the arguments a shell script hands on wholesale (``exec "$@"``, ``docker build .
    "$@"``): the program that reads them (``*`` when it is the command it is given). Their
    flags are that program's, not the script's."""


@dataclass(slots=True)
class Interface:
    """How the script is called."""

    kind: InterfaceKind = "none"
    flags: list[Flag] = field(default_factory=list)
    subcommands: list[str] = field(default_factory=list)


@dataclass(slots=True)
class EnvVar:
    """An environment variable the script reads. Its value is never recorded."""

    name: str
    line: int
    credential: bool = False
    """The name looks like a credential (token, password, secret, key...)."""
    required: bool = False
    """Read without a default (``os.environ[...]``, ``${VAR:?}``)."""


@dataclass(slots=True)
class Effect:
    """Something the script changes outside itself, found without running it."""

    kind: EffectKind
    destructive: bool
    """Deletes, terminates, kills or forces (a device overwritten by ``dd`` too): data or a
    running system may be lost. Writing or replacing a file (``open(p, "w")``, ``os.replace``,
    ``> file``), a ``put_*``, a POST or an UPDATE mutates but is not destructive."""
    call: str
    """What was found: ``shutil.rmtree``, ``rm -rf $BUILD``, ``ec2.terminate_instances``."""
    line: int
    confidence: Confidence = "high"
    """``high``: a literal call; ``medium``: resolved through a variable or helper; ``low``: a guess."""
    path: str | None = None
    """Set when the effect is in a helper module of the script, not the script itself."""
    via: str | None = None
    """The script's own function or module the effect was found behind, if any."""


@dataclass(slots=True)
class Caller:
    """A place that runs the script."""

    path: str
    line: int
    kind: CallerKind
    text: str = ""
    """The calling line, trimmed."""


@dataclass(slots=True)
class Author:
    name: str
    email: str
    commits: int


@dataclass(slots=True)
class Owners:
    """Who changed the script, from git (absent outside a repository)."""

    authors: list[Author] = field(default_factory=list)
    last_change: str | None = None
    """ISO 8601 date of the last commit touching the script."""
    commits_90d: int = 0
    """Commits touching the script in the 90 days before the scan."""


@dataclass(slots=True)
class Script:
    """One script of the scanned folder."""

    path: str
    """Relative to the inventory's root, with ``/`` separators."""
    language: Language
    interpreter: str | None = None
    """From the shebang line, when there is one."""
    summary: str | None = None
    """The first line of the module docstring or leading comment."""
    interface: Interface = field(default_factory=Interface)
    env: list[EnvVar] = field(default_factory=list)
    effects: list[Effect] = field(default_factory=list)
    exit_codes: list[int] = field(default_factory=list)
    has_dry_run: bool = False
    dry_run_flag: str | None = None
    callers: list[Caller] = field(default_factory=list)
    owners: Owners | None = None
    tier: Tier = "private"
    reasons: list[str] = field(default_factory=list)
    """Why the tier: each trigger that was met, in words."""
    risk: int = 0
    """A score to sort by: higher means a larger blast radius."""
    warnings: list[str] = field(default_factory=list)
    """What the scan could not determine (a flag built dynamically, an unresolved command)."""

    @property
    def destructive(self) -> bool:
        return any(effect.destructive for effect in self.effects)


@dataclass(slots=True)
class Skipped:
    """A file that was looked at and left out, or could not be read."""

    path: str
    reason: str


@dataclass(slots=True)
class Inventory:
    """The whole scan."""

    root: str
    scripts: list[Script] = field(default_factory=list)
    libraries: list[Skipped] = field(default_factory=list)
    """Python files only ever imported by other files: listed, not scanned as scripts."""
    skipped: list[Skipped] = field(default_factory=list)
    """Vendored, virtualenv and test folders, and files that are not scripts."""
    errors: list[Skipped] = field(default_factory=list)
    """Scripts that could not be scanned (syntax error, binary, too large, a symlink loop)."""
    schema: str = SCHEMA_ID


def inventory_document(inventory: Inventory) -> dict[str, Any]:
    """The JSON document of ``opsctl.inventory/v1`` (``schema`` first)."""
    document = _plain(inventory)
    return {"schema": document.pop("schema"), **document}


def write_inventory_json(inventory: Inventory, stream: TextIO, *, indent: int | None = None) -> None:
    """:func:`inventory_document` as JSON into ``stream``, each record turned into its fields
    as the encoder meets it (no copy of the whole tree first: with ``indent`` None the
    standard library's C encoder does it all, a third of the time)."""
    import json

    head = {name: getattr(inventory, name) for name in _names(Inventory) or ()}
    json.dump({"schema": head.pop("schema"), **head}, stream, ensure_ascii=False, indent=indent,
              default=_fields_or_text)


def _fields_or_text(value: Any) -> Any:
    names = _names(type(value))
    return {name: getattr(value, name) for name in names} if names is not None else str(value)


def _names(kind: type) -> tuple[str, ...] | None:
    names = _FIELD_NAMES.get(kind)
    if names is None and hasattr(kind, "__dataclass_fields__"):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(kind))
    return names


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` for these plain records (fields of str, int, bool, None, lists,
    dicts and records), without its deep copy of every leaf: 3% of a scan of 5,000 scripts."""
    names = _names(type(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def inventory_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of the inventory document, printed by ``opsctl schema --inventory``."""
    from pydantic import ConfigDict, TypeAdapter

    for cls in (Flag, Interface, EnvVar, Effect, Caller, Author, Owners, Script, Skipped, Inventory):
        setattr(cls, "__pydantic_config__", ConfigDict(use_attribute_docstrings=True))  # noqa: B010
    schema = TypeAdapter(Inventory).json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://opsctl.dev/schemas/opsctl.inventory-v1.json"
    schema["title"] = "opsctl inventory (opsctl.inventory/v1)"
    schema["properties"]["schema"] = {"const": SCHEMA_ID, "type": "string"}
    return schema
