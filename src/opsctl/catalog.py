"""Finding automations: ``automations`` in opsctl.toml and the ``opsctl.automations`` entry points.

Importing automations means importing pydantic and the automations' own dependencies, which
``opsctl --help`` and ``opsctl list`` cannot afford on every CI step. So the catalog keeps a
manifest (names, summaries, flag specs) in ``STATE_DIR/catalog.cache``, valid while the
configured module list, the source files of the automations and of the project's modules they
import (mtime, size and ctime), the mtimes of the ``sys.path`` directories (which change when a
distribution is installed or removed) and, run from a source tree (an editable install),
opsctl's own source files are unchanged. A stale or missing manifest is rebuilt by importing
everything once.

A manifest is written only for a configuration that validated, and it remembers the last few
configurations (secrets left out) it was validated with: a warm ``opsctl list`` thus rejects
the same invalid settings as ``opsctl NAME`` without importing pydantic. A module that fails
to import, and a request field that clashes with a built-in option, are configuration errors
(exit 2) for every command that needs the catalog. The manifest is owner-only (0600).

A server loads the catalog with ``strict=False`` instead: a module that fails to import or
whose declaration is rejected is set aside in :attr:`Catalog.broken` with its error, the other
automations are served, and no manifest is written (the command line still refuses it).

A command-line process calls :func:`defer_manifest_writes` first: a new manifest then stays in
memory until :func:`flush_manifest_writes`, so a command that ends with an input error (exit 2)
writes nothing.
"""

from __future__ import annotations

import importlib
import marshal
import os
import sys
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from opsctl._version import __version__
from opsctl.config.layers import Layers
from opsctl.errors import AutomationBugError, ConfigError, UnknownAutomationError

if TYPE_CHECKING:
    from opsctl.contract.automation import Automation

ENTRY_POINT_GROUP = "opsctl.automations"
MANIFEST_FILE = "catalog.cache"  # marshal: built in, so reading it imports nothing
MANIFEST_FORMAT = 5  # 4: the retry, permissions and policy tables are validated too; 5: ctime
MAX_VALIDATED = 8  # configurations a manifest remembers as valid (CI steps vary env and flags)


ENTRY_FIELDS = ("name", "version", "owner", "summary", "description", "effect", "lock_scope",
                "module", "attr", "source", "origin", "flags", "slo")


class CatalogEntry:
    """What the command line needs to know of an automation without importing it.

    A plain class (no dataclass, no pathlib): it is built on every start-up, ``--help`` included.
    """

    name: str
    version: str
    owner: str
    summary: str
    description: str
    effect: str
    lock_scope: list[str]
    module: str
    attr: str
    source: str | None
    origin: str
    flags: list[dict[str, Any]]
    slo: dict[str, Any] | None  # declared objectives (success_rate, p50, p95, window)

    def __init__(self, **values: Any) -> None:
        for key in ENTRY_FIELDS:
            setattr(self, key, values[key])

    def to_dict(self) -> dict[str, Any]:
        return {key: getattr(self, key) for key in ENTRY_FIELDS}


class Catalog:
    def __init__(self, entries: dict[str, CatalogEntry] | None = None,
                 problems: list[str] | None = None, from_cache: bool = False,
                 files: dict[str, list[int] | None] | None = None,
                 validated: list[str] | None = None,
                 broken: list[dict[str, str | None]] | None = None) -> None:
        self.entries = entries if entries is not None else {}
        self.problems = problems if problems is not None else []  # warnings, e.g. duplicates
        self.broken = broken if broken is not None else []
        """Set aside by a lenient load: module, origin, automation (None when the module
        itself failed) and message."""
        self.from_cache = from_cache
        self.files = files if files is not None else {}  # file -> [mtime_ns, size, ctime_ns]
        self.validated = validated if validated is not None else []  # config fingerprints
        self.mask: Callable[[str], str] = _unmasked
        """Masks named secrets in the message of a module that fails to import on ``load``."""

    def entry(self, name: str) -> CatalogEntry:
        try:
            return self.entries[name]
        except KeyError:
            known = ", ".join(sorted(self.entries)) or "none registered"
            raise UnknownAutomationError(f"unknown automation {name!r} (known: {known})") from None

    def load(self, name: str) -> Automation[Any]:
        """Import and return the automation object itself."""
        entry = self.entry(name)
        try:
            found = {a.name: a for a in _automations_in(entry.module, entry.attr or None,
                                                        entry.origin)}
        except (ConfigError, AutomationBugError) as exc:
            exc.message = self.mask(exc.message)
            exc.args = (exc.message,)
            raise
        if name not in found:
            raise UnknownAutomationError(f"automation {name!r} is no longer defined in "
                                         f"{entry.module}; run `opsctl list` to refresh")
        return found[name]

    def set_aside(self, name: str, message: str) -> None:
        """Serve the others without automation ``name``, which does not load."""
        entry = self.entries.pop(name)
        self.broken.append({"module": entry.module, "origin": entry.origin,
                            "automation": name, "message": self.mask(message)})


def _split_spec(spec: str) -> tuple[str, str | None]:
    module, _, attr = spec.partition(":")
    return module.strip(), (attr.strip() or None)


def _import(module: str, origin: str) -> Any:
    import contextlib

    cwd = os.getcwd()
    try:
        # what a module prints while imported (a script's leftover "loading...") goes to
        # stderr: stdout holds the command's output, one document under --format json
        with contextlib.redirect_stdout(sys.stderr):
            imported = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and (module == exc.name or module.startswith(exc.name + ".")):
            raise ConfigError(f"automation module {module!r} not found (from {origin}); "
                              "check `automations` and `python_path` in opsctl.toml") from None
        raise _import_failed(module, origin, exc) from exc
    except SystemExit as exc:  # a script's `sys.exit()` left at the top of the module
        raise ConfigError(f"automation module {module!r} (from {origin}) called "
                          f"sys.exit({exc.code!r}) while being imported; an automation "
                          "module must not exit") from None
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # an Exception, or a GeneratorExit, a BaseException subclass
        raise _import_failed(module, origin, exc) from exc
    finally:
        moved_to = os.getcwd()
        os.chdir(cwd)
    if moved_to != cwd:  # a script's os.chdir(its folder): --request, --out would follow it
        raise ConfigError(f"automation module {module!r} (from {origin}) changed the working "
                          f"directory to {moved_to} while being imported; an automation module "
                          "must not: open its files by paths relative to __file__")
    return imported


def _import_failed(module: str, origin: str, exc: BaseException) -> ConfigError:
    """The error of a module that raised while imported, with the exception's text kept short
    (an exception holding a whole response body) and readable (one whose ``__str__`` raises)."""
    from opsctl.engine.classify import MESSAGE_LIMIT, exception_text

    text = exception_text(exc)
    if len(text) > MESSAGE_LIMIT:
        text = f"{text[:MESSAGE_LIMIT]}... ({len(text) - MESSAGE_LIMIT} characters cut)"
    return ConfigError(f"automation module {module!r} (from {origin}) failed to import: "
                       f"{type(exc).__name__}: {text}")


def _automations_in(module_name: str, attr: str | None, origin: str) -> list[Automation[Any]]:
    from opsctl.contract.automation import Automation

    module = _import(module_name, origin)
    if attr:
        obj = getattr(module, attr, None)
        if obj is None and not hasattr(module, attr):  # a typo: say what the module has
            names = sorted(k for k, v in vars(module).items() if isinstance(v, Automation))
            raise ConfigError(f"{module_name} has no attribute {attr!r} (from {origin}; its "
                              f"automations: {', '.join(names) or 'none'})")
        if not isinstance(obj, Automation):
            raise ConfigError(f"{module_name}:{attr} is not an opsctl Automation but a "
                              f"{type(obj).__name__} (from {origin})")
        candidates = [obj]
    else:
        # by identity: one automation bound to two names (`default = deploy`) is one
        candidates = list({id(v): v for v in vars(module).values()
                           if isinstance(v, Automation)}.values())
        if not candidates:
            raise ConfigError(f"module {module_name!r} defines no opsctl Automation (from {origin})")
    for automation in candidates:
        try:
            automation.check_complete()
        except TypeError as exc:
            raise AutomationBugError(str(exc)) from None
    return candidates


def _configured_specs(layers: Layers) -> list[tuple[str, str]]:
    origin = layers.origin.get("automations", "config")
    return [(spec, origin) for spec in layers.values.get("automations") or []]


def _entry_point_specs() -> list[tuple[str, str]]:
    from importlib.metadata import entry_points

    return [(ep.value, f"entry point {ep.name} ({ep.dist.name if ep.dist else '?'})")
            for ep in entry_points(group=ENTRY_POINT_GROUP)]


def _str_list(value: Any) -> list[str]:
    """``value`` if it is a list of strings, else empty (validation reports what is wrong)."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return []


def add_python_path(layers: Layers) -> None:
    for path in reversed(_str_list(layers.values.get("python_path"))):
        if path not in sys.path:
            sys.path.insert(0, path)


def _stat(path: str) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    # ctime too: `cp -p`, `rsync -a`, `tar x` and `touch -d` set the mtime back, and an edit
    # of the same size (a version 1.0.0 -> 2.0.0) would otherwise look unchanged
    return [st.st_mtime_ns, st.st_size, st.st_ctime_ns]


def _cache_key(layers: Layers) -> dict[str, Any]:
    # The configured python_path directories are left out of the sys.path mtimes: opsctl itself
    # writes there (.opsctl/, __pycache__/, plan files), and the automation files in them are
    # tracked one by one in "files". Installed distributions change site-packages' mtime.
    own = set(_str_list(layers.values.get("python_path")))
    return {
        "format": MANIFEST_FORMAT,
        "opsctl": __version__,
        "python": [sys.prefix, sys.version],
        "automations": layers.values.get("automations") or [],
        # absolute: a relative OPSCTL_PYTHON_PATH names another folder from a subfolder
        "python_path": [os.path.abspath(p) for p in _str_list(layers.values.get("python_path"))],
        "sys_path": {p: _stat(p) for p in sys.path if p and p not in own and os.path.isdir(p)},
        "code": _code_stamp(),
    }


def _code_stamp() -> list[int]:
    """Count, total size, sum and newest of the mtimes of opsctl's own source files.

    The version number moves at releases only: an upgrade in place between them (an editable
    install after ``git pull``, a source tree replaced) changes no ``sys.path`` directory,
    and a manifest built by the earlier code would keep its flag specs and skip the checks
    the new code adds to validating a configuration."""
    here = os.path.dirname(os.path.abspath(__file__))
    if os.path.basename(os.path.dirname(here)) in ("site-packages", "dist-packages"):
        return []  # installed from a wheel: replacing it stamps site-packages (sys_path)
    count = size = total = newest = 0
    for folder, subfolders, files in os.walk(here):
        subfolders[:] = [d for d in subfolders if d != "__pycache__"]
        for name in files:
            if name.endswith(".py"):
                st = os.stat(os.path.join(folder, name))
                count, size = count + 1, size + st.st_size
                total, newest = total + st.st_mtime_ns, max(newest, st.st_mtime_ns)
    return [count, size, total, newest]


def config_fingerprint(layers: Layers) -> str:
    """The merged configuration as text, secrets replaced by their type, plus what validating
    it reads besides (variables and files that ``env:``/``file:`` secrets name).

    Two equal fingerprints validate alike, so a manifest can remember which ones did.
    """
    values = dict(layers.values)
    refs: list[tuple[str, object]] = []
    secrets = values.get("secrets")
    if isinstance(secrets, dict):
        shown: dict[Any, Any] = {}
        for name, value in secrets.items():
            if isinstance(value, str) and value.startswith("env:"):
                refs.append((value, value[4:] in (os.environ if layers.env is None
                                                   else layers.env)))
                shown[name] = value
            elif isinstance(value, str) and value.startswith("file:"):
                refs.append((value, _stat(os.path.expanduser(value[5:]))))
                shown[name] = value
            else:
                shown[name] = type(value).__name__
        values["secrets"] = shown
    for key in ("plan_signing_key", "store_url"):  # any string is valid: keep only the type
        values[key] = type(values.get(key)).__name__
    retired = values.get("plan_signing_keys_retired")
    values["plan_signing_keys_retired"] = (
        [type(key).__name__ for key in retired] if isinstance(retired, list)
        else type(retired).__name__)
    return repr((values, refs))


def _validate_config(layers: Layers) -> None:
    from opsctl.config.settings import validate_settings

    validate_settings(layers)


def _read_manifest(path: str, key: dict[str, Any]) -> Catalog | None:
    try:
        with open(path, "rb") as fh:
            data = marshal.load(fh)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    files = data.get("files", {})
    if any(_stat(f) != st for f, st in files.items()):
        return None
    return Catalog(entries={e["name"]: CatalogEntry(**e) for e in data["entries"]},
                   problems=list(data.get("problems", [])), from_cache=True, files=files,
                   validated=list(data.get("validated", [])))


def _write_manifest(path: str, key: dict[str, Any], catalog: Catalog) -> None:
    data = {"key": key, "files": catalog.files, "validated": catalog.validated,
            "entries": [e.to_dict() for e in catalog.entries.values()], "problems": catalog.problems}
    try:
        # Owner-only, like the rest of the state directory: it names modules, paths, config.
        if not os.path.isdir(os.path.dirname(path)):  # the store module costs start-up: once
            from pathlib import Path

            from opsctl.store.sql import make_state_dir

            make_state_dir(Path(os.path.dirname(path)))
        tmp = f"{path}.tmp{os.getpid()}"
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as fh:
            marshal.dump(data, fh)
        try:
            os.replace(tmp, path)
        except OSError:
            os.unlink(tmp)  # (a folder in its place): one leftover copy per run otherwise
            raise
    except OSError:
        pass  # a read-only state directory only costs start-up time


# Manifests not yet written, by path, while writes are deferred (see the module docstring).
_pending: dict[str, tuple[dict[str, Any], Catalog]] | None = None


def defer_manifest_writes() -> None:
    """Keep new manifests in memory until :func:`flush_manifest_writes`."""
    global _pending
    _pending = {}


def flush_manifest_writes(*, write: bool) -> None:
    """Write (or, after an input error, drop) the deferred manifests; stop deferring."""
    global _pending
    pending, _pending = _pending, None
    for path, (key, catalog) in (pending or {}).items():
        if write:
            _write_manifest(path, key, catalog)


def _save_manifest(path: str, key: dict[str, Any], catalog: Catalog) -> None:
    if _pending is not None:
        _pending[path] = (key, catalog)
    else:
        _write_manifest(path, key, catalog)


def _unsaved_manifest(path: str, key: dict[str, Any]) -> Catalog | None:
    found = (_pending or {}).get(path)
    return found[1] if found is not None and found[0] == key else None


def build_catalog(layers: Layers, *, strict: bool = True) -> tuple[Catalog, list[str]]:
    """Import every configured automation; returns the catalog and the source files it read.

    A module that is missing, fails to import or defines a broken automation is a ConfigError
    naming it: every automation command would otherwise report "unknown automation". Unless
    ``strict`` is false: then that module is set aside in ``catalog.broken``.
    """
    add_python_path(layers)
    catalog = Catalog()
    files: list[str] = []
    registered: dict[str, object] = {}  # name -> the automation object, across specs
    for spec, origin in [*_configured_specs(layers), *_entry_point_specs()]:
        module_name, attr = _split_spec(spec)
        try:
            _add_module(catalog, files, module_name, attr, origin, registered)
        except ConfigError as exc:
            if strict:
                raise
            catalog.broken.append({"module": spec, "origin": origin, "automation": None,
                                   "message": exc.message})
    files.extend(_project_files(set(sys.modules)))
    catalog.files = {f: _stat(f) for f in sorted(set(files))}
    return catalog, files


def _project_files(modules: set[str]) -> list[str]:
    """The source files of ``modules`` that no ``sys.path`` stamp covers.

    Importing the automations imports their packages' ``__init__.py`` and the project's own
    modules they use (a shared ``Literal`` of environments, a base request model): an edit
    there changes the flags as much as one in the automation's file. All of ``sys.modules``,
    not only what this build imported: a second build in one process (``opsctl new`` loads
    the catalog more than once) finds them imported already. Installed distributions, the
    standard library and opsctl itself are left out (the key stamps them)."""
    stdlib = os.path.dirname(os.__file__) + os.sep
    own = os.path.dirname(os.path.abspath(__file__)) + os.sep
    installed: dict[str, bool] = {}  # folder on sys.path -> holds distributions' metadata
    found = []
    for name in modules:
        path = getattr(sys.modules.get(name), "__file__", None)
        if not isinstance(path, str) or path.startswith((stdlib, own)):
            continue
        parts = path.split(os.sep)
        if "site-packages" in parts or "dist-packages" in parts:
            continue
        # `pip install --target DIR` (a container, a Lambda layer): DIR is no site-packages,
        # but it holds .dist-info folders, and its thousands of files are no project's
        depth = name.count(".") + (2 if os.path.basename(path).startswith("__init__.") else 1)
        root = os.sep.join(parts[:-depth]) if len(parts) > depth else ""
        if root not in installed:
            try:
                installed[root] = any(e.endswith(".dist-info") for e in os.listdir(root or "."))
            except OSError:
                installed[root] = False
        if not installed[root]:
            found.append(path)
    return found


def _add_module(catalog: Catalog, files: list[str], module_name: str, attr: str | None,
                origin: str, registered: dict[str, object]) -> None:
    """Add the automations of one module; a ConfigError leaves the catalog as it was.

    An automation already added by another spec (``automations`` in opsctl.toml naming the
    module an installed package's entry point names too) is the same one, not a duplicate."""
    from opsctl.contract.flags import flag_clash, flag_specs

    try:
        automations = _automations_in(module_name, attr, origin)
    except AutomationBugError as exc:
        raise ConfigError(f"automation module {module_name!r} (from {origin}): {exc}") from None
    added: dict[str, CatalogEntry] = {}
    read: list[str] = []
    for automation in automations:
        if automation.name not in added and registered.get(automation.name) is automation:
            continue
        if automation.name in catalog.entries or automation.name in added:
            other = catalog.entries.get(automation.name) or added[automation.name]
            catalog.problems.append(f"automation {automation.name!r} is defined twice: in "
                                    f"{other.module} and {module_name}; keeping the first")
            continue
        module = sys.modules[module_name]
        source = getattr(module, "__file__", None)
        model_module = sys.modules.get(automation.request_model.__module__)
        for path in (source, getattr(model_module, "__file__", None)):
            if path:
                read.append(path)
        problem = _schema_problem(automation)
        specs = []
        if problem is None:
            try:
                specs = flag_specs(automation.request_model)
            except AutomationBugError as exc:
                problem = str(exc)
            else:
                problem = flag_clash(specs)
        if problem is not None:
            raise ConfigError(f"automation {automation.name!r} ({module_name}, from "
                              f"{origin}): {problem}")
        added[automation.name] = CatalogEntry(
            name=automation.name, version=automation.version, owner=automation.owner,
            summary=automation.summary, description=automation.description,
            effect=automation.effect, lock_scope=list(automation.lock_scope),
            module=module_name, attr=attr or "", source=source, origin=origin,
            flags=[dict(f) for f in specs], slo=automation.slo,
        )
    catalog.entries.update(added)
    files.extend(read)
    for automation in automations:
        registered.setdefault(automation.name, automation)


def _schema_problem(automation: Automation[Any]) -> str | None:
    """Why the request model (or an older major's) has no JSON Schema, or None: `describe`,
    `contract lock`, the HTTP API and the dashboard's form all need it, and failed with an
    internal error on the first use rather than when the automation was loaded."""
    from pydantic.json_schema import PydanticJsonSchemaWarning

    from opsctl.contract.description import model_schema

    models = [("", automation.request_model)] + [
        (f" (contract major {major})", adapter.request)
        for major, adapter in sorted(automation.adapters.items())]
    for which, model in models:
        try:
            with warnings.catch_warnings():  # a default it cannot write: flag_specs says so
                warnings.simplefilter("ignore", PydanticJsonSchemaWarning)
                model_schema(model)
        except Exception as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            return (f"its request model{which} has no JSON Schema ({first}){_field_of(model)}; "
                    "request fields must be JSON values: strings, numbers, booleans, lists, "
                    "mappings, enums, dates and nested models")
    return None


def _field_of(model: Any) -> str:
    """ of field NAME: the first field of ``model`` whose type has no JSON Schema, if found."""
    from pydantic import TypeAdapter

    for name, info in getattr(model, "model_fields", {}).items():
        try:
            TypeAdapter(info.annotation).json_schema()
        except Exception:
            return f" in field {name!r}"
    return ""


def _check_automation_tables(layers: Layers, catalog: Catalog) -> None:
    """Exit 2 when ``[automation.NAME]`` (or ``OPSCTL_AUTOMATION__NAME__KEY``) names no
    automation of the catalog: a typo there is a setting silently not applied (the
    automation runs with its defaults), as an unknown key elsewhere would be."""
    from opsctl.errors import ConfigError

    tables = layers.values.get("automation")
    if not isinstance(tables, dict):
        return
    origin = layers.origin
    # (the user's own config may hold tables for the automations of other projects too)
    unknown = sorted(name for name in set(tables) - set(catalog.entries)
                     if not (origin.get(f"automation.{name}") or origin.get("automation")
                             or "").startswith("user:"))
    if unknown:
        name = unknown[0]
        where = origin.get(f"automation.{name}") or origin.get("automation") or "config"
        import difflib

        near = difflib.get_close_matches(name, list(catalog.entries), n=1)
        raise ConfigError(f"[automation.{name}] (from {where}) names no automation of this "
                          "project" + (f": did you mean {near[0]}?" if near else
                                       f" (automations: {', '.join(sorted(catalog.entries))})"))


def load_catalog(layers: Layers, *, use_cache: bool = True, strict: bool = True) -> Catalog:
    """The catalog, from the manifest when it is still valid, else by importing.

    Raises ConfigError when the configuration is invalid (checked with pydantic unless the
    manifest says this very configuration validated before) or, if ``strict``, when an
    automation cannot be loaded (else it is set aside in ``broken``, and no manifest written).
    A module's import error quotes its exception, which may hold a named secret's value (a
    connection made at import time): the values of ``[secrets]`` and ``OPSCTL_SECRET_*`` are
    masked in these messages, as in everything else opsctl writes.
    """
    mask = _secret_mask(layers)
    try:
        catalog = _load_catalog(layers, use_cache=use_cache, strict=strict)
    except ConfigError as exc:
        exc.message = mask(exc.message)
        exc.args = (exc.message,)
        raise
    catalog.mask = mask
    for broken in catalog.broken:
        broken["message"] = mask(str(broken["message"]))
    return catalog


def _secret_mask(layers: Layers) -> Callable[[str], str]:
    """Masks the named secrets' values (inline, ``env:`` and ``file:`` alike) in a text."""
    given = layers.values.get("secrets")
    if not isinstance(given, dict) or not given:
        return _unmasked
    from opsctl.config.redact import Redactor
    from opsctl.config.settings import resolve_secret_references

    values = {}
    for name, value in given.items():
        try:  # one at a time: a reference that does not resolve is the settings' error to give
            values.update(resolve_secret_references({name: value}, layers.env))
        except ValueError:
            continue
    redactor = Redactor(v for v in values.values() if isinstance(v, str))
    return redactor.redact_text if redactor else _unmasked


def _unmasked(text: str) -> str:
    return text


def _load_catalog(layers: Layers, *, use_cache: bool, strict: bool) -> Catalog:
    state_dir = layers.values.get("state_dir")
    if not use_cache or not isinstance(state_dir, str):
        _validate_config(layers)
        built = build_catalog(layers, strict=strict)[0]
        if not built.broken:
            _check_automation_tables(layers, built)
        return built
    manifest = os.path.join(state_dir, MANIFEST_FILE)
    add_python_path(layers)
    key = _cache_key(layers)
    config = config_fingerprint(layers)
    catalog = _unsaved_manifest(manifest, key) or _read_manifest(manifest, key)
    if catalog is None:
        _validate_config(layers)
        catalog = build_catalog(layers, strict=strict)[0]
        if catalog.broken:
            return catalog  # a manifest would tell the command line it loads
    elif config in catalog.validated:
        return catalog
    else:
        _validate_config(layers)
    _check_automation_tables(layers, catalog)
    catalog.validated = [config, *(v for v in catalog.validated if v != config)][:MAX_VALIDATED]
    _save_manifest(manifest, key, catalog)
    return catalog
