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
