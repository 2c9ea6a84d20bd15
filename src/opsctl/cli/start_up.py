"""Two start-up costs of a command-line process that opsctl does not pay (see bench/startup.py).

* **pydantic's plugin discovery.** The first model a process builds imports
  ``pydantic.plugin._loader``, whose first line imports ``importlib.metadata`` (with email,
  zipfile, csv...: ~5% of the instructions of a trivial ``opsctl plan``), even when plugins are
  off and its ``get_plugins()`` returns ``()`` without using it. :func:`main` turns plugins off
  unless the caller chose otherwise; then, if pydantic is imported at all, a module holding only
  that ``get_plugins()`` is imported in the loader's place. Any other name asked of it loads the
  real loader, so a pydantic that needs more of it still works.
* **The cyclic garbage collector during start-up.** Imports, click commands and pydantic
  schemas are objects that live until the process exits; collecting while they are made only
  walks them (~70 collections, ~3% of the instructions of a trivial plan). The collector is
  paused from the start of a command-line process until its command has loaded what it needs,
  then everything made so far is frozen (later collections skip it) and collection resumes.

Both apply only to a process that :func:`opsctl.cli.main.main` runs as the console script, never
to a program (or a test run) that calls opsctl in-process.
"""

from __future__ import annotations

import gc
import os
import sys
import types
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from importlib.abc import Loader  # a protocol here: importing importlib.abc costs ~2 ms

PLUGINS_OFF = ("__all__", "1", "true")  # the values of PYDANTIC_DISABLE_PLUGINS pydantic reads as off
LOADER = "pydantic.plugin._loader"

_state = {"cli_process": False, "paused": False}


def _no_plugins() -> tuple[()]:
    return ()


def _real_loader(name: str) -> Any:
    if name.startswith("__"):  # the import system asks for __path__ and the like
        raise AttributeError(name)
    import importlib.util

    import pydantic.plugin

    path = os.path.join(os.path.dirname(pydantic.plugin.__file__), "_loader.py")
    spec = importlib.util.spec_from_file_location(LOADER, path)
    if spec is None or spec.loader is None:
        raise AttributeError(name)
    module = importlib.util.module_from_spec(spec)
    sys.modules[LOADER] = module
    spec.loader.exec_module(module)
    return getattr(module, name)


class _PluginsOff:
    """Finds and loads ``pydantic.plugin._loader`` (once, then leaves ``sys.meta_path``) as a
    module holding only ``get_plugins()``; the finder of every other import returns at once."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name != LOADER:
            return None
        sys.meta_path.remove(self)
        if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in PLUGINS_OFF:
            return None
        from importlib.machinery import ModuleSpec

        return ModuleSpec(name, cast("Loader", self))

    def create_module(self, spec: Any) -> None:
        return None  # the default module

    def exec_module(self, module: types.ModuleType) -> None:
        vars(module).update(get_plugins=_no_plugins, __getattr__=_real_loader)


def start_cli_process() -> None:
    """Called once by the console script's main(), before anything is imported."""
    _state["cli_process"] = True
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in PLUGINS_OFF and LOADER not in sys.modules:
        sys.meta_path.insert(0, _PluginsOff())
    pause_collector()


def pause_collector() -> None:
    """Pause the cyclic garbage collector while a command-line process loads modules."""
    if _state["cli_process"] and gc.isenabled():
        gc.disable()
        _state["paused"] = True


def resume_collector() -> None:
    """What was loaded lives until exit: freeze it, and collect again from here on."""
    if _state["paused"]:
        _state["paused"] = False
        gc.freeze()
        gc.enable()
