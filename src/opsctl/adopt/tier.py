"""The promotion tier of a script: how far its failure reaches, and so how much contract it needs.

The three triggers of promotion (a script is called by automation, it changes production, other
people depend on it) are checked one by one; the tier is the number met:

    0  private    one person's tool; wrap it when it starts to matter
    1  shared     one trigger: give it a request model and a dry run
    2  interface  two: a versioned contract, tests, an owner
    3  platform   all three: run it only through opsctl, with policy, approvals and audit

Each trigger met is spelled out in ``reasons`` with its evidence (the caller's file and line, the
destructive call and its line). ``risk`` orders scripts inside a tier; it is a sort key, not a
probability.
"""

from __future__ import annotations

import re

from opsctl.adopt.model import TIERS, Script

_AUTOMATED = ("github-actions", "gitlab-ci", "ci", "cron")
_DEPENDENTS = ("makefile", "justfile", "tox", "dockerfile", "packer", "compose", "kubernetes", "ansible", "entry-point", "script",
               "systemd", "maven", "gradle", "bazel", "terraform", "snakemake", "npm", "serverless", "nix")
_PRODUCTION = re.compile(r"(^|[^a-z])(prod|production|live)([^a-z]|$)", re.IGNORECASE)
_REMOTE_KINDS = ("cloud", "http", "sql", "orm")
MANY_AUTHORS = 3
"""Changed by this many people or more: others depend on it, whoever calls it."""


def _where(script: Script, kinds: tuple[str, ...]) -> list[str]:
    return [f"{c.path}:{c.line}" for c in script.callers if c.kind in kinds]


def _listed(places: list[str], limit: int = 3) -> str:
    shown = ", ".join(places[:limit])
    return shown + (f" and {len(places) - limit} more" if len(places) > limit else "")


def promotion(script: Script) -> tuple[str, list[str], int]:
    """The tier, the reasons (one per trigger met, then notes) and a risk score."""
    reasons: list[str] = []
    triggers = 0

    automated = _where(script, _AUTOMATED)
    if automated:
        triggers += 1
        scheduled = any(c.kind == "cron" for c in script.callers)
        what = "run by CI or on a schedule" if scheduled else "run by CI"
        reasons.append(f"{what}: {_listed(automated)}")

    destructive = [e for e in script.effects if e.destructive]
    remote = [e for e in script.effects if e.kind in _REMOTE_KINDS]
    production = [name for name in [v.name for v in script.env] + _flag_words(script)
                  if _PRODUCTION.search(name)]
    if destructive or remote or production:
        triggers += 1
        if destructive:
            calls = _listed([f"{e.call} (line {e.line})" for e in destructive], 2)
            reasons.append(f"destroys data or resources: {calls}")
        elif remote:
            calls = _listed([f"{e.call} (line {e.line})" for e in remote], 2)
            reasons.append(f"changes remote systems: {calls}")
        else:
            reasons.append(f"targets production: {_listed(production)}")

    dependents = _where(script, _DEPENDENTS)
    authors = script.owners.authors if script.owners else []
    if dependents or len(authors) >= MANY_AUTHORS:
        triggers += 1
        if dependents:
            reasons.append(f"others depend on it: {_listed(dependents)}")
        else:
            reasons.append(f"changed by {len(authors)} people")

    if destructive and not script.has_dry_run:
        reasons.append("no dry-run flag")
    if any(v.credential for v in script.env):
        names = ", ".join(v.name for v in script.env if v.credential)
        reasons.append(f"reads credentials from the environment: {names}")
    if not reasons:
        reasons.append("no callers found, changes nothing outside itself that the scan could see")

    risk = (10 * triggers + 5 * len(destructive) + 2 * len(script.effects) + 3 * len(automated)
            + len(script.callers) + (4 if destructive and not script.has_dry_run else 0))
    return TIERS[triggers], reasons, risk


def _flag_words(script: Script) -> list[str]:
    words: list[str] = []
    for flag in script.interface.flags:
        if flag.choices:
            words += [f"{flag.name}={choice}" for choice in flag.choices if isinstance(choice, str)]
        if isinstance(flag.default, str):
            words.append(f"{flag.name}={flag.default}")
    return words


def tier_rank(tier: str) -> int:
    """0 for private up to 3 for platform."""
    return TIERS.index(tier)  # type: ignore[arg-type,unused-ignore]
