"""Masking secrets by value, wherever a value could be written.

Every secret the run knows (config secrets, secret request fields, credentials in URLs) is
registered here; every log event, result, plan file and stored row passes through
:meth:`Redactor.redact` on its way out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

MASK = "***"
# Shorter secrets are masked only where a whole string equals them: replacing every "ab"
# inside other text would mangle output without protecting anything.
MIN_SUBSTRING_LEN = 4


def url_password(url: str) -> str | None:
    try:
        return urlsplit(url).password
    except ValueError:
        return None


def mask_url(url: str) -> str:
    password = url_password(url)
    return url.replace(f":{password}@", f":{MASK}@") if password else url


class Redactor:
    """Replaces every registered secret value with ``***`` in strings and nested containers."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._substring: list[str] = []
        self._exact: set[str] = set()
        self.add(*secrets)

    def add(self, *secrets: str | None) -> None:
        for secret in secrets:
            if not secret:
                continue
            if len(secret) >= MIN_SUBSTRING_LEN:
                if secret not in self._substring:
                    self._substring.append(secret)
                    # Longest first, so a secret containing another is masked whole.
                    self._substring.sort(key=len, reverse=True)
            else:
                self._exact.add(secret)

    def __bool__(self) -> bool:
        return bool(self._substring or self._exact)

    def redact_text(self, text: str) -> str:
        if text in self._exact:
            return MASK
        for secret in self._substring:
            if secret in text:
                text = text.replace(secret, MASK)
        return text

    def redact(self, value: Any) -> Any:
        if not self:
            return value
        if isinstance(value, str):
            return self.redact_text(value)
        if isinstance(value, dict):
            return {self.redact(k): self.redact(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.redact(v) for v in value]
        return value
