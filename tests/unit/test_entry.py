"""The console script's entry: a signal while the command line's modules still load."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

# Sends the process the signal itself at the moment the command line's main module is
# imported: the window a Ctrl-C right after pressing enter lands in.
SIGNAL_DURING_IMPORT = textwrap.dedent('''
    import builtins, os, signal, sys
    real = builtins.__import__
    def hooked(name, *args, **kwargs):
        if name == "opsctl.cli.main":
            os.kill(os.getpid(), which)
        return real(name, *args, **kwargs)
    which = getattr(signal, sys.argv[1])
    builtins.__import__ = hooked
    sys.argv[1:] = ["list"]
    from opsctl.cli.entry import main
    main()
''')


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM"])
def test_a_signal_while_loading_is_exit_130_with_one_line(name: str) -> None:
    r = subprocess.run([sys.executable, "-c", SIGNAL_DURING_IMPORT, name],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 130, r.stderr
    assert r.stderr == "opsctl: interrupted\n"


@pytest.mark.parametrize(("module", "extra"), [("airflow", "airflow"), ("prefect", "prefect")])
def test_an_adapter_without_its_extra_says_which_to_install(module: str, extra: str) -> None:
    """The orchestrators are not in the dev install (each has a venv of its own in CI)."""
    probe = f"import importlib.util, sys; sys.exit(0 if importlib.util.find_spec({module!r}) else 3)"
    if subprocess.run([sys.executable, "-c", probe], timeout=60).returncode == 0:
        pytest.skip(f"{module} is installed here")
    r = subprocess.run([sys.executable, "-c", f"import opsctl.integrations.{module}"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 1
    assert r.stderr.strip().splitlines()[-1] == (
        f"ModuleNotFoundError: opsctl.integrations.{module} needs "
        f"{'Apache Airflow' if module == 'airflow' else 'Prefect'}, which is not installed "
        f"here: pip install 'opsctl[{extra}]'")


LEFTOVERS = textwrap.dedent('''
    import sys
    from opsctl.cli.main import _quiet_leftovers

    class HalfMade:  # as asyncio's event loop, interrupted while it was being built
        def __del__(self):
            raise AttributeError("no attribute '_ssock'")

    async def serve():
        pass

    _quiet_leftovers(sys.argv[1:])
    made, never_awaited = HalfMade(), serve()
    del made, never_awaited
''')


@pytest.mark.parametrize("verbose", [False, True])
def test_what_an_interrupted_start_leaves_behind_is_not_printed(verbose: bool) -> None:
    """Ctrl-C while `serve` builds its event loop left a half-made loop and a coroutine never
    awaited; collected at exit, they printed a traceback after "opsctl: interrupted". It is
    dropped, unless -v asks for everything."""
    args = ["serve", "-v"] if verbose else ["serve"]
    done = subprocess.run([sys.executable, "-c", LEFTOVERS, *args], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0
    if verbose:
        assert "Exception ignored" in done.stderr and "never awaited" in done.stderr
    else:
        assert done.stderr == ""
