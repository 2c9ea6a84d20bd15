"""Reading a policy: YAML or JSON text, or a mapping, validated into a :class:`Policy`.

Every mistake is a :class:`~opsctl.errors.ConfigError` (exit 2) that names the source, the rule
(by name, or ``rules[N]``) and the field, never pydantic's own error dump.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from opsctl.config.strict_documents import DocumentError, parse_json, parse_yaml
from opsctl.errors import ConfigError
from opsctl.governance.policy import GROUP_PREFIX, Match, Policy, Rule, TimeWindow


def _parse(text: str, source: str) -> object:
    """YAML, or JSON when the text starts with ``{`` (in a file not named ``.yaml`` or
    ``.yml``: there it is a YAML flow mapping), through the strict shared loader."""
    yaml_named = source.lower().endswith((".yaml", ".yml"))
    kind = "JSON" if text.lstrip().startswith("{") and not yaml_named else "YAML"
    try:
        return parse_json(text) if kind == "JSON" else parse_yaml(text)
    except DocumentError as exc:
        if exc.line is None:
            raise ConfigError(f"{source}: {exc.problem}") from None
        raise ConfigError(f"{source}: invalid {kind}{exc.where}: {exc.problem}") from None


def load_policy_file(path: Path, *, external_groups: Collection[str] = ()) -> Policy:
    """Read and validate a policy file (YAML, or JSON when it starts with ``{`` and is not
    named ``.yaml`` or ``.yml``).

    ``external_groups`` names the groups defined outside the policy (the ``[groups]`` table of
    opsctl.toml); ``group:`` approvers must name one of them or a group of the policy.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise ConfigError(f"{path}: cannot read policy file: {reason}") from None
    data = _parse(text, str(path))
    if data is None:
        raise ConfigError(f"{path}: the policy file is empty")
    return _validate(data, str(path), external_groups)


def policy_from_mapping(data: Mapping[str, object], source: str, *,
                        external_groups: Collection[str] = ()) -> Policy:
    """Validate an already parsed policy (e.g. the ``[policy]`` table of opsctl.toml)."""
    return _validate(data, source, external_groups)


def _validate(data: object, source: str, external_groups: Collection[str]) -> Policy:
    if not isinstance(data, Mapping):
        raise ConfigError(f"{source}: a policy must be a mapping with version, default, groups "
                          f"and rules, not {type(data).__name__}")
    try:
        policy = Policy.model_validate(dict(data))
    except ValidationError as exc:
        problems = [_describe_error(err, data) for err in exc.errors()]
        raise ConfigError(f"{source}: " + "; ".join(problems)) from None
    problems = _cross_check(policy, "groups" in data, frozenset(external_groups))
    if problems:
        raise ConfigError(f"{source}: " + "; ".join(problems))
    return policy


def _path(loc: Sequence[int | str]) -> str:
    text = ""
    for part in loc:
        if part == "[key]":  # pydantic's mark of a mapping's key: the key before it is named
            continue
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _rule_label(data: Mapping[str, object], index: int) -> str:
    rules = data.get("rules")
    if isinstance(rules, list) and index < len(rules) and isinstance(rules[index], Mapping):
        name = rules[index].get("name")
        if isinstance(name, str) and name:
            return f"rule {name!r}"
    return f"rules[{index}]"


_KNOWN_FIELDS: dict[str | None, type[BaseModel]] = {
    None: Policy, "rules": Rule, "match": Match, "freeze": TimeWindow, "outside": TimeWindow}


# Messages that would speak of Python types (tuple, dict, model classes) to a policy author.
_PLAIN_MESSAGES = {
    "tuple_type": "Input should be a list",
    "list_type": "Input should be a list",
    "dict_type": "Input should be a mapping",
    "model_type": "Input should be a mapping",
    "model_attributes_type": "Input should be a mapping",
}


def _describe_error(err: ErrorDetails, data: Mapping[str, object]) -> str:
    loc = err["loc"]
    if loc[:1] == ("rules",) and len(loc) > 2 and isinstance(loc[1], int):
        where = f"{_rule_label(data, loc[1])}: {_path(loc[2:])}"
    else:
        where = _path(loc) or "policy"
    kind = err["type"]
    if kind == "extra_forbidden":
        parents = [p for p in loc[:-1] if isinstance(p, str)]
        model = _KNOWN_FIELDS[parents[-1] if parents else None]
        known = ", ".join(f.alias or n for n, f in model.model_fields.items())
        what = "condition" if model is Match else "field"
        return f"{where}: unknown {what} (known: {known})"
    if kind == "missing":
        return f"{where}: required field is missing"
    ctx = err.get("ctx")
    if kind == "value_error" and isinstance(ctx, Mapping) and "error" in ctx:
        return f"{where}: {ctx['error']}"
    shown = repr(err.get("input"))
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return f"{where}: {_PLAIN_MESSAGES.get(kind, err['msg'])} (got {shown})"


def _cross_check(policy: Policy, groups_declared: bool, external: frozenset[str]) -> list[str]:
    """What one field cannot know about another: names, references, rule-shape rules."""
    problems: list[str] = []
    for group, members in policy.groups.items():
        for index, member in enumerate(members):
            if member.startswith(GROUP_PREFIX):
                problems.append(f"groups.{group}[{index}]: {member!r}: a group lists actors; "
                                "groups cannot contain groups")
    # Group references can be checked when some groups are known: the policy's own, or those
    # of the configuration. Without either, groups come from elsewhere and are taken on trust.
    known_groups = set(policy.groups) | external
    check_groups = groups_declared or bool(external)
    first_index: dict[str, int] = {}
    for index, rule in enumerate(policy.rules):
        label = f"rule {rule.name!r}"
        if rule.name in first_index:
            problems.append(f"{label}: name: duplicate rule name (rules[{first_index[rule.name]}] "
                            f"and rules[{index}])")
        first_index.setdefault(rule.name, index)
        approval_fields = {"approvals", "approvers", "allow_self_approval", "approval_ttl"}
        if rule.decision != "require_approval":
            for key in sorted(approval_fields & rule.model_fields_set):
                problems.append(f"{label}: {key}: only allowed when decision is require_approval")
        elif not rule.approvers:
            problems.append(f"{label}: approvers: required when decision is require_approval")
        for position, entry in enumerate(rule.approvers):
            referenced = entry[len(GROUP_PREFIX):] if entry.startswith(GROUP_PREFIX) else None
            if referenced is not None and check_groups and referenced not in known_groups:
                problems.append(f"{label}: approvers[{position}]: unknown group {referenced!r} "
                                f"(groups: {', '.join(sorted(known_groups)) or 'none'})")
            elif referenced is None and entry in known_groups:
                problems.append(f"{label}: approvers[{position}]: {entry!r} is a group: write "
                                f"'{GROUP_PREFIX}{entry}' (plain entries are actors)")
        for condition in ("group", "not_group"):  # a misspelt group would never match
            for position, name in enumerate(getattr(rule.match, condition) or ()):
                if check_groups and name not in known_groups:
                    problems.append(f"{label}: match.{condition}[{position}]: unknown group "
                                    f"{name!r} (groups: {', '.join(sorted(known_groups)) or 'none'})")
        uses_environment = rule.match.environment or rule.match.not_environment
        if "environment_field" in rule.match.model_fields_set and not uses_environment:
            problems.append(f"{label}: match.environment_field: only used with environment or "
                            "not_environment")
    return problems
