"""A browser stand-in for the dashboard's in-process tests: an httpx client with its own
cookie jar over the app's ASGI transport, which logs in with a token and posts forms with the
page's CSRF token."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

import httpx

from tests.service.conftest import Api

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


class Visitor:
    def __init__(self, api: Api | None, *, url: str | None = None) -> None:
        """A visitor of the app of ``api`` in process, or of a real server at ``url``."""
        self.api = api
        if url is not None:
            self.client = httpx.Client(base_url=url, follow_redirects=False, timeout=30)
        else:
            assert api is not None
            self.client = httpx.Client(transport=api.client._transport,  # its own cookies
                                       base_url="http://opsctl.test", follow_redirects=False)
        self.csrf = ""

    def moved_to(self, url: str) -> Visitor:
        """The same browser (its cookies) visiting another server at ``url``."""
        other = Visitor(None, url=url)
        for cookie in self.client.cookies.jar:
            other.client.cookies.set(cookie.name, str(cookie.value), path=cookie.path)
        other.csrf = self.csrf
        return other

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        response = self.client.get(path, **kwargs)
        found = CSRF.search(response.text)
        if found and path != "/login" and not path.startswith("/login?"):
            self.csrf = found.group(1)
        return response

    def post(self, path: str, data: Any = None, *, csrf: bool = True,
             **kwargs: Any) -> httpx.Response:
        fields: list[tuple[str, str]] = list(data.items() if isinstance(data, dict) else
                                             data or [])
        if csrf:
            fields.append(("csrf", self.csrf))
        return self.client.post(path, content=urlencode(fields), headers=FORM, **kwargs)

    def login(self, token: str) -> httpx.Response:
        page = self.client.get("/login")
        found = CSRF.search(page.text)
        assert found is not None, page.text
        response = self.client.post("/login", headers=FORM, content=urlencode(
            {"token": token, "csrf": found.group(1), "next": "/"}))
        if response.status_code == 303:
            self.get("/")  # the session's CSRF token
        return response

    def close(self) -> None:
        self.client.close()
