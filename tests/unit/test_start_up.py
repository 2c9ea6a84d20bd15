"""What a console-script process skips at start-up (opsctl.cli.start_up), checked in fresh
interpreters so the test process keeps its own collector and pydantic."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PROBE = textwrap.dedent("""\
    import gc, json, sys
    from opsctl.cli import start_up

    start_up.start_cli_process()
    paused = not gc.isenabled()
    from pydantic import BaseModel

    class Probe(BaseModel):
        x: int = 1

    loader = sys.modules["pydantic.plugin._loader"]
    found = {"paused": paused, "metadata": "importlib.metadata" in sys.modules,
             "stub": not hasattr(loader, "__file__"), "valid": Probe(x=2).x}
    found["group"] = loader.PYDANTIC_ENTRY_POINT_GROUP  # any other name: the real loader
    start_up.resume_collector()
    found["resumed"] = gc.isenabled()
    print(json.dumps(found))
""")


def probe(plugins: str | None) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if plugins is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = plugins
    proc = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    found: dict[str, object] = json.loads(proc.stdout)
    return found


@pytest.mark.parametrize("plugins", ["__all__", "1", "true"])
def test_plugins_off_skips_their_discovery(plugins: str) -> None:
    found = probe(plugins)
    assert found["stub"] is True
    assert found["metadata"] is False  # importlib.metadata was never imported
    assert found["valid"] == 2
    assert found["group"] == "pydantic"


@pytest.mark.parametrize("plugins", [None, "", "some_plugin"], ids=["unset", "empty", "named"])
def test_plugins_on_keep_the_real_loader(plugins: str | None) -> None:
    found = probe(plugins)
    assert found["stub"] is False
    assert found["valid"] == 2


def test_collector_pauses_during_start_up_and_resumes() -> None:
    found = probe("__all__")
    assert found["paused"] is True
    assert found["resumed"] is True


def test_in_process_callers_keep_their_collector() -> None:
    from opsctl.cli import start_up

    start_up.pause_collector()  # not a console-script process: nothing happens
    import gc

    assert gc.isenabled()


COMMAND_PROBE = textwrap.dedent("""\
    import gc, sys
    import opsctl.adopt.scan as scan_module

    scan = scan_module.scan_tree
    def probe(*args, **kwargs):
        print("collector", gc.isenabled(), file=sys.stderr)
        return scan(*args, **kwargs)

    scan_module.scan_tree = probe
    from opsctl.cli.main import main

    sys.argv = ["opsctl", "inventory", "scan", sys.argv[1], "--no-git", "-o", "json"]
    main()
""")


def test_an_inventory_scan_runs_with_the_collector_on(tmp_path: Path) -> None:
    # `inventory scan` has none of the common options that end the start-up pause:
    # its scan of thousands of scripts kept all its cyclic garbage (590 MiB against 110)
    (tmp_path / "clean.sh").write_text("#!/bin/sh\nrm -rf /srv/old\n")
    proc = subprocess.run([sys.executable, "-c", COMMAND_PROBE, str(tmp_path)], capture_output=True,
                          text=True, timeout=60, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "collector True" in proc.stderr
