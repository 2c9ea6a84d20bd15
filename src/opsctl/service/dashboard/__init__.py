"""The web dashboard of ``opsctl serve``, at ``/``: server-rendered pages over the library.

Jinja2 templates (autoescaped) and htmx, vendored in ``static/`` with one stylesheet and one
small script: no build step and no CDN. The pages call the same library functions and the same
helpers as the ``/v1`` API, in a session whose identity comes from a login cookie
(:mod:`.logins`). Imported by :mod:`opsctl.service.app`; Jinja2 is only imported when the
dashboard is mounted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

    from opsctl.service.runtime import ServerRuntime


def mount_dashboard(app: FastAPI, runtime: ServerRuntime) -> None:
    """Add the dashboard's pages, its static files and its security headers to ``app``."""
    from opsctl.service.dashboard.routes import install

    install(app, runtime)
