"""Masking secrets by value, wherever a value could be written.

Every secret the run knows (config secrets, secret request fields, credentials in URLs) is
registered here; every log event, result, plan file and stored row passes through
:meth:`Redactor.redact` on its way out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import unquote, urlsplit

MASK = "***"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
# Shorter secrets are masked only where a whole string equals them: replacing every "ab"
# inside other text would mangle output without protecting anything.
MIN_SUBSTRING_LEN = 4

# user:PASSWORD@ after a scheme, as written (percent-encoded or not), up to the last '@' of the
# authority; else up to the last '@' before a blank or a quote, for a password with a '/', '?'
# or '#' left unencoded (libpq reads "u:pa?ss@host" so; a generated one has '/'), unless what
# precedes that '/', '?' or '#' is a port ("host:5432/db?x=a@b"). And password-like query
# parameters (libpq reads ?password=...).
_USERINFO = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^/?#@\s:]*):"
                       r"(?P<pw>[^/?#\s]*|(?!\d*[/?#])[^\s\"'<>]*)@")
# A text that is one URL and nothing else (a configured store_url, broker_url): its password is
# all up to the last '@', blanks too, which no URL has but one pasted in unencoded may.
_WHOLE_URL = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^/?#@\s:]*):"
                        r"(?P<pw>(?!\d*[/?#])[^\n]*)@(?P<rest>[^@\s]*)")
_QUERY_PASSWORD = re.compile(r"(?P<head>[?&](?:password|passwd|pwd|sslpassword)=)(?P<pw>[^&#\s]*)",
                             re.IGNORECASE)
# password=VALUE in libpq's keyword/value form ("host=db user=ops password=..."), which is
# not a URL but may be given where one is expected; VALUE may be single-quoted.
_CONNINFO_PASSWORD = re.compile(r"(?P<head>(?:^|\s)(?:password|sslpassword)\s*=\s*)"
                                r"(?P<pw>'(?:[^'\\]|\\.)*'|[^\s']\S*)", re.IGNORECASE)


def url_password(url: str) -> str | None:
    """The password of ``url`` as a driver sees it (percent-decoded), or None."""
    try:
        return urlsplit(url).password
    except ValueError:
        return None


def url_secrets(url: str) -> list[str]:
    """Every form in which ``url`` carries a password: as written, decoded, in its query."""
    found = [m.group("pw") for m in _USERINFO.finditer(url)]
    whole = None if found else _WHOLE_URL.fullmatch(url)
    found += [whole.group("pw")] if whole and whole.group("pw") else []
    found += [m.group("pw") for m in _QUERY_PASSWORD.finditer(url)]
    found += [m.group("pw") for m in _CONNINFO_PASSWORD.finditer(url)]
    found += [unquote(pw) for pw in found]
    return [pw for index, pw in enumerate(found) if pw and pw not in found[:index]]


def mask_url(url: str) -> str:
    """``url`` (or any text holding URLs) with the password of each URL replaced by ``***``."""
    whole = _WHOLE_URL.fullmatch(url) if "@" in url and not _USERINFO.search(url) else None
    if whole is not None and whole.group("pw"):
        url = f"{whole.group('head')}:{MASK}@{whole.group('rest')}"
    elif "@" in url:
        url = _USERINFO.sub(lambda m: f"{m.group('head')}:{MASK}@" if m.group("pw") else m.group(0),
                            url)
    if "=" in url:
        url = _QUERY_PASSWORD.sub(lambda m: f"{m.group('head')}{MASK}" if m.group("pw") else m.group(0),
                                  url)
        url = _CONNINFO_PASSWORD.sub(lambda m: f"{m.group('head')}{MASK}", url)
    return url


# opsctl's own words: the closed set of values some keys of results, log lines and events take
# (a status, a mode, an action kind, a log level, an error type or step). A secret that equals
# one of them ("update", "info") is not masked as the value of that key: every result and line
# carries such a word, so showing it tells nothing, while masking it would break the result
# document's schema and every line's level. Anywhere else (a reason, data, a message) it is.
_STEPS = frozenset({"validate", "plan", "gate", "apply", "verify", "result"})
_ERROR_TYPES = frozenset({"validation", "auth", "policy_denied", "approval_required",
                          "dependency_timeout", "dependency_unavailable", "conflict", "partial",
                          "unsafe_input", "internal"})
OWN_WORDS: dict[str, frozenset[str]] = {
    "level": frozenset({"debug", "info", "warning", "error"}),
    "mode": frozenset({"plan", "apply", "reconcile"}),
    "status": frozenset({"succeeded", "no_changes", "changes_planned", "partial", "failed",
                         "denied", "conflict", "cancelled", "queued", "running", "applied",
                         "unchanged", "skipped", "interrupted", "pending"}),
    "kind": frozenset({"create", "update", "delete", "run"}),
    "effect": frozenset({"allow", "deny", "require_approval", "read", "mutate"}),
    "type": _ERROR_TYPES,
    "error_type": _ERROR_TYPES,
    "step": _STEPS,
}
# opsctl's own counts, codes and durations: never a Secret[int]'s value, whatever it equals.
OWN_NUMBERS = frozenset({"exit_code", "attempts", "duration_ms", "planned", "applied",
                         "unchanged", "skipped", "failed", "approvals_required", "needed"})
# The names of the fields of results and log lines, kept as keys whatever secret equals one.
OWN_KEYS = frozenset({
    *OWN_WORDS, "schema", "run_id", "automation", "contract_version",
    "requested_contract_version", "exit_code", "actor", "idempotency_key", "replayed", "request",
    "plan", "fingerprint", "actions", "id", "target", "reason", "before", "after", "attempts",
    "waits", "error", "message", "retryable", "summary", "planned", "applied", "unchanged",
    "skipped", "failed", "warnings", "policy", "rule", "matched", "approvals_required",
    "approvers", "artifacts", "timing", "started_at", "finished_at", "duration_ms", "ts",
    "event", "action", "logger"})


class Redactor:
    """Replaces every registered secret value with ``***`` in strings and nested containers."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._substring: list[str] = []
        self._shortest = 0  # no text shorter than the shortest secret can hold one
        self._exact: set[str] = set()
        self._numbers: set[str] = set()  # secrets that read as a number (a Secret[int]'s)
        self.add(*secrets)

    def add(self, *secrets: str | None) -> None:
        for secret in secrets:
            if not secret:
                continue
            if len(secret) >= MIN_SUBSTRING_LEN and _NUMBER.fullmatch(secret):
                self._numbers.add(secret)
            if len(secret) >= MIN_SUBSTRING_LEN:
                if secret not in self._substring:
                    self._substring.append(secret)
                    # Longest first, so a secret containing another is masked whole.
                    self._substring.sort(key=len, reverse=True)
                    self._shortest = len(self._substring[-1])
            else:
                self._exact.add(secret)

    def values(self) -> list[str]:
        """Every registered secret (to start another redactor with the same ones)."""
        return [*self._substring, *self._exact]

    def __bool__(self) -> bool:
        return bool(self._substring or self._exact)

    def redact_text(self, text: str) -> str:
        if text in self._exact:
            return MASK
        if len(text) < self._shortest:
            return text  # most strings (ids, kinds, statuses): no secret fits in them
        for secret in self._substring:
            if len(secret) <= len(text) and secret in text:
                text = text.replace(secret, MASK)
        return text

    def redact(self, value: Any) -> Any:
        if not self:
            return value
        if isinstance(value, str):
            return self.redact_text(value)
        if isinstance(value, dict):
            return {k if k in OWN_KEYS else self.redact(k):
                    v if (v in OWN_WORDS.get(k, ()) if isinstance(v, str) else
                          k in OWN_NUMBERS and isinstance(v, int | float)) else self.redact(v)
                    for k, v in value.items()}
        if isinstance(value, list | tuple | set | frozenset):
            return [self.redact(v) for v in value]
        if self._numbers and isinstance(value, int | float) and not isinstance(value, bool) \
                and str(value) in self._numbers:
            return MASK  # a Secret[int] (of 4 digits or more) written as a number
        if isinstance(value, bytes | bytearray):  # SecretBytes' value, as logged or kept
            text = bytes(value).decode("utf-8", "replace")
            masked = self.redact_text(text)
            return masked if masked != text else value
        return value
