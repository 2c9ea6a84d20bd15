from ._version import __version__  # ruff: ignore[unused-import]
