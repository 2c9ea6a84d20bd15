"""Pure logic: durations, fingerprints, plan signatures, redaction, flags, config layers, errors."""

from __future__ import annotations

import enum
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, Field, SecretStr

from opsctl.config.layers import load_layers
from opsctl.config.redact import Redactor, mask_url
from opsctl.contract.automation import Action, Automation
from opsctl.contract.durations import format_duration, parse_duration
from opsctl.contract.flags import flag_specs
from opsctl.contract.plan import (
    Plan,
    canonical_json,
    canonical_request,
    plan_document,
    plan_fingerprint,
    verify_plan_document,
)
from opsctl.contract.types import Duration
from opsctl.errors import (
    EXIT_CODE_TABLE,
    ConfigError,
    OpsctlError,
    PlanRejectedError,
)

# -- durations --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "seconds"), [
    ("30d", 30 * 86400), ("15m", 900), ("1h30m", 5400), ("90s", 90), ("2w", 1209600),
    ("1.5h", 5400), ("250ms", 0.25), ("45", 45), ("0s", 0), (" 2D ", 172800),
])
def test_parse_duration_accepts_human_forms(text: str, seconds: float) -> None:
    assert parse_duration(text).total_seconds() == seconds


@pytest.mark.parametrize("text", ["", "soon", "5x", "m5", "1h 30m", "-5", "d"])
def test_parse_duration_rejects_garbage(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)


@given(st.integers(min_value=0, max_value=10**8))
def test_format_then_parse_round_trips(milliseconds: int) -> None:
    value = timedelta(milliseconds=milliseconds)
    assert parse_duration(format_duration(value)) == value


# -- canonical JSON and fingerprints ----------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@given(st.dictionaries(st.text(max_size=8), json_values, max_size=6))
def test_canonical_json_ignores_key_order(doc: dict) -> None:
    reordered = dict(reversed(list(doc.items())))
    assert canonical_json(doc) == canonical_json(reordered)


@given(st.dictionaries(st.text(max_size=8), json_values, max_size=4), st.text(min_size=1, max_size=10))
def test_fingerprint_changes_with_any_action_change(request_doc: dict, target: str) -> None:
    action = Action(id="a1", kind="update", target="t", reason="r").to_dict()
    changed = {**action, "target": action["target"] + target}
    base = plan_fingerprint("x", "1.0.0", request_doc, [action])
    assert base == plan_fingerprint("x", "1.0.0", request_doc, [dict(action)])
    assert base != plan_fingerprint("x", "1.0.0", request_doc, [changed])
    assert base != plan_fingerprint("x", "1.0.1", request_doc, [action])
    assert base != plan_fingerprint("x", "1.0.0", request_doc, [])


class SecretRequest(BaseModel):
    name: str
    token: SecretStr
    nested: list[SecretStr] = []


def test_canonical_request_replaces_secrets_by_digest() -> None:
    req = SecretRequest(name="n", token=SecretStr("hunter22"), nested=[SecretStr("second1")])
    doc, secrets = canonical_request(req, lambda s: f"d({len(s)})")
    assert doc == {"name": "n", "token": {"$secret": "d(8)"}, "nested": [{"$secret": "d(7)"}]}
    assert secrets == ["hunter22", "second1"]


class SetRequest(BaseModel):
    hosts: set[str]
    by_port: dict[int, frozenset[str]] = {}
    nested: list[SecretRequest] = []


def test_canonical_request_writes_the_items_of_a_set_in_sorted_order() -> None:
    # a set of strings iterates in an order set by the process's hash seed: the request's
    # hash, derived run key and plan fingerprint would change from one process to the next
    names = [f"host-{i:02d}" for i in range(40)]
    req = SetRequest(hosts=set(reversed(names)), by_port={443: frozenset(names)},
                     nested=[SecretRequest(name="n", token=SecretStr("hunter22"))])
    doc, secrets = canonical_request(req, lambda s: f"d({len(s)})")
    assert doc["hosts"] == names
    assert doc["by_port"] == {"443": names}
    assert doc["nested"] == [{"name": "n", "token": {"$secret": "d(8)"}, "nested": []}]
    assert secrets == ["hunter22"]


# -- plan documents ---------------------------------------------------------------------------------

def _document(key: bytes, now: datetime, ttl: timedelta = timedelta(hours=1)) -> dict:
    plan = Plan("x", "1.0.0", {"a": 1}, (), plan_fingerprint("x", "1.0.0", {"a": 1}, []))
    return plan_document(plan, plan_id="plan_1", created_at=now, expires_at=now + ttl,
                         created_by="me", key=key, redacted_actions=[])


def test_signed_plan_verifies_and_rejects_edits_and_expiry() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    doc = _document(b"k1", now)
    verify_plan_document(doc, b"k1", now, "p.json")
    with pytest.raises(PlanRejectedError) as wrong_key:
        verify_plan_document(doc, b"k2", now, "p.json")
    assert wrong_key.value.reason == "tampered"
    with pytest.raises(PlanRejectedError) as edited:
        verify_plan_document({**doc, "request": {"a": 2}}, b"k1", now, "p.json")
    assert edited.value.reason == "tampered"
    with pytest.raises(PlanRejectedError) as expired:
        verify_plan_document(doc, b"k1", now + timedelta(hours=1), "p.json")
    assert expired.value.reason == "expired"


# -- redaction --------------------------------------------------------------------------------------

def test_redactor_masks_by_value_everywhere() -> None:
    r = Redactor(["s3cr3t-value", "ab"])
    data = {"msg": "token=s3cr3t-value!", "list": ["ab", "abc", {"k": "s3cr3t-value"}], "n": 5,
            "s3cr3t-value": 1}
    assert r.redact(data) == {"msg": "token=***!", "list": ["***", "abc", {"k": "***"}], "n": 5, "***": 1}


@given(st.text(min_size=4, max_size=30), st.text(max_size=30), st.text(max_size=30))
def test_redactor_never_lets_a_secret_through(secret: str, before: str, after: str) -> None:
    assert secret not in Redactor([secret]).redact_text(before + secret + after)


def test_many_secrets_cost_little_on_the_short_strings_a_run_writes() -> None:
    """A run writes about a hundred short strings an action (ids, kinds, statuses); with many
    named secrets each was searched for every secret. No secret fits in a text shorter than
    the shortest one: such a text is not searched at all (counted, not timed)."""
    searched = []

    class Text(str):
        def __contains__(self, part: object) -> bool:
            searched.append(part)
            return super().__contains__(part)  # type: ignore[operator]

    secrets = [f"secret-{i:04d}-{'k' * 16}" for i in range(2000)]
    r = Redactor([*secrets, "ab"])
    short = [Text(f"obj-{i:06d}") for i in range(1000)] + [Text("delete"), Text("ab")]

    assert [r.redact_text(text) for text in short] == [*short[:-1], "***"]
    assert searched == []
    assert r.redact_text(Text(f"token {secrets[7]} and {secrets[1999]}.")) == "token *** and ***."
    assert searched  # a text a secret fits in is searched


def test_mask_url_hides_password() -> None:
    assert mask_url("postgresql://u:pw@h:5432/db") == "postgresql://u:***@h:5432/db"
    assert mask_url("sqlite:///x.db") == "sqlite:///x.db"
    # a '/', '?' or '#' left unencoded in the password: masked to the last '@' all the same
    assert mask_url("postgresql://u:a/b+c=@h/db") == "postgresql://u:***@h/db"
    assert mask_url("'postgresql://u:a?b#c@h:5432/db', x@y") == "'postgresql://u:***@h:5432/db', x@y"
    # an '@' after the authority is no password's end when a port or none precedes it
    assert mask_url("postgresql://h:5432/db?options=a@b") == "postgresql://h:5432/db?options=a@b"
    assert mask_url("postgresql://u:pw@h/db?options=a@b") == "postgresql://u:***@h/db?options=a@b"
    # a blank in it, in a text that is that URL alone (a configured store_url)
    assert mask_url("postgresql://u:a b@h:5432/db") == "postgresql://u:***@h:5432/db"


# -- flags from request models ----------------------------------------------------------------------

class Color(enum.Enum):
    RED = "red"
    BLUE = "blue"


class FlagRequest(BaseModel):
    environment: Literal["staging", "prod"] = Field(description="Where")
    color: Color = Color.RED
    count: int = 3
    ratio: float | None = None
    age: Duration = timedelta(days=30)
    tags: list[str] = []
    force: bool = False
    token: SecretStr | None = None
    path: Path = Path("/tmp")
    extra: dict[str, int] = {}


def test_flag_specs_follow_the_model() -> None:
    specs = {s["field"]: s for s in flag_specs(FlagRequest)}
    assert specs["environment"]["type"] == "choice"
    assert specs["environment"]["choices"] == ["staging", "prod"]
    assert specs["environment"]["required"] is True
    assert specs["environment"]["help"] == "Where"
    assert specs["color"]["choices"] == ["red", "blue"] and specs["color"]["default"] == "red"
    assert (specs["count"]["type"], specs["count"]["default"]) == ("int", "3")
    assert specs["ratio"]["type"] == "float"
    assert (specs["age"]["type"], specs["age"]["default"]) == ("duration", "30d")
    assert specs["tags"]["multiple"] is True and specs["tags"]["type"] == "str"
    assert specs["force"]["type"] == "bool"
    assert specs["token"]["type"] == "secret" and specs["token"]["envvar"] == "OPSCTL_SECRET_TOKEN"
    assert specs["path"]["type"] == "path"
    assert specs["extra"]["type"] == "json"
    assert specs["extra"]["flag"] == "--extra"


class Pool(BaseModel):
    name: str
    size: int = 1


class JsonDefaults(BaseModel):
    pair: tuple[int, int] = (1, 2)
    pools: list[Pool] = Field(default_factory=lambda: [Pool(name="a")])
    hosts: list[str] = ["a", "b"]


class OptionalFlags(BaseModel):
    timeout: Duration | None = None
    windows: list[Duration] | None = None
    level: Literal[1, 2] | None = None


def test_an_optional_duration_takes_a_duration_flag() -> None:
    # Duration is an Annotated timedelta: "| None" around it once made a flag taking JSON
    specs = {s["field"]: s for s in flag_specs(OptionalFlags)}
    assert (specs["timeout"]["type"], specs["timeout"]["multiple"]) == ("duration", False)
    assert (specs["windows"]["type"], specs["windows"]["multiple"]) == ("duration", True)
    assert (specs["level"]["type"], specs["level"]["choices"]) == ("choice", ["1", "2"])


def test_the_default_of_a_flag_that_takes_json_is_shown_as_json() -> None:
    # --help prints it as "[default: ...]": a value the flag itself would accept
    specs = {s["field"]: s for s in flag_specs(JsonDefaults)}
    assert (specs["pair"]["type"], specs["pair"]["default"]) == ("json", "[1, 2]")
    assert specs["pools"]["default"] == '[{"name": "a", "size": 1}]'
    assert (specs["hosts"]["multiple"], specs["hosts"]["default"]) == (True, "a, b")


class Shade(enum.Enum):
    LIGHT = "light"
    DARK = "dark"


class RepeatableDefaults(BaseModel):
    shades: list[Shade] = Field(default_factory=lambda: [Shade.LIGHT, Shade.DARK])
    waits: list[Duration] = Field(default_factory=lambda: [timedelta(minutes=90), "2w"])


def test_the_default_of_a_repeatable_flag_is_written_as_its_flag_takes_each_item() -> None:
    """Each item as a single flag shows it: the value of an enum, a duration in its notation
    (they were `Shade.LIGHT, Shade.DARK` and `1:30:00`, which the flag refuses)."""
    specs = {s["field"]: s for s in flag_specs(RepeatableDefaults)}
    assert (specs["shades"]["multiple"], specs["shades"]["default"]) == (True, "light, dark")
    assert (specs["waits"]["multiple"], specs["waits"]["default"]) == (True, "1h30m, 2w")


# -- automation declarations ------------------------------------------------------------------------

@pytest.mark.parametrize(("kwargs", "message"), [
    ({"name": "Bad_Name"}, "lower-case"),
    ({"name": "plan"}, "built-in"),
    ({"version": "1.0"}, "semver"),
    ({"effect": "write"}, "effect"),
    ({"lock_scope": ("nope",)}, "unknown fields"),
    # ("environment") without its comma: each letter was an unknown field ['e', 'n', ...]
    ({"lock_scope": ("environment")}, r"lock_scope must be a tuple of field names, not the "
                                      r"string 'environment' \(write \('environment',\)\)"),
])
def test_automation_declaration_is_checked(kwargs: dict, message: str) -> None:
    args = {"name": "ok-name", "version": "1.0.0", "owner": "o", "summary": "s", "request": FlagRequest}
    args.update(kwargs)
    name = args.pop("name")
    with pytest.raises((ValueError, TypeError), match=message):
        Automation(name, **args)


@pytest.mark.parametrize(("verify_timeout", "seconds"), [
    pytest.param(10, 10.0, id="seconds"),
    pytest.param("2m", 120.0, id="duration-text"),
    pytest.param(timedelta(minutes=1, seconds=30), 90.0, id="timedelta"),
    pytest.param(0, 0.0, id="zero"),
])
def test_verify_timeout_takes_a_duration(verify_timeout: object, seconds: float) -> None:
    # written like the other durations of a declaration (retry, slo): "2m" is two minutes
    automation = Automation("ok-name", version="1.0.0", owner="o", summary="s",
                            request=FlagRequest, verify_timeout=verify_timeout)  # type: ignore[arg-type]
    assert automation.verify_timeout == seconds


@pytest.mark.parametrize("verify_timeout", [
    pytest.param(-5, id="negative"),
    pytest.param(float("nan"), id="nan"),  # a NaN deadline never passed: verify polled for ever
    pytest.param(float("inf"), id="infinite"),
    pytest.param("soon", id="garbage"),
])
def test_a_verify_timeout_that_is_no_duration_is_refused(verify_timeout: object) -> None:
    with pytest.raises(ValueError, match="automation 'ok-name': verify_timeout: "):
        Automation("ok-name", version="1.0.0", owner="o", summary="s", request=FlagRequest,
                   verify_timeout=verify_timeout)  # type: ignore[arg-type]


class Replicas(BaseModel):
    count: int = Field(default=1, exclude=True)


class ExcludedRequest(BaseModel):
    name: str = "n"
    replicas: int = Field(default=1, exclude=True)


class NestedExcludedRequest(BaseModel):
    pools: list[Replicas] = []


@pytest.mark.parametrize(("request_model", "field"), [
    pytest.param(ExcludedRequest, "'replicas'", id="top-level"),
    pytest.param(NestedExcludedRequest, "'pools.count'", id="nested"),
])
def test_a_request_field_excluded_from_dumps_is_refused(request_model: type[BaseModel],
                                                        field: str) -> None:
    # the recorded request is its dump: a saved plan, a resume or a worker would run the
    # field's default instead of the value given
    with pytest.raises(ValueError, match=f"request field {field} is declared with exclude=True"):
        Automation("ok-name", version="1.0.0", owner="o", summary="s", request=request_model)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"id": "has space"}, "action id"),
    ({"kind": "destroy"}, "kind"),
    ({"target": ""}, "target"),
])
def test_action_is_checked(kwargs: dict, message: str) -> None:
    args = {"id": "a", "kind": "create", "target": "t", "reason": "r", **kwargs}
    with pytest.raises(ValueError, match=message):
        Action(**args)


def test_an_overlong_action_id_is_named_by_its_start_and_length() -> None:
    with pytest.raises(ValueError) as caught:
        Action(id="vol-" + "x" * 100_000, kind="delete", target="t", reason="r")

    assert str(caught.value) == (f"action id {'vol-' + 'x' * 56!r}... (100004 chars) must be "
                                 "1-200 chars of [A-Za-z0-9_.:/@+=-]")


@given(st.text(alphabet="abcXYZ019_.:/@+=-", min_size=1, max_size=20).filter(lambda s: s[0].isalnum()),
       st.sampled_from(["create", "update", "delete", "run"]))
def test_action_dict_round_trip(action_id: str, kind: str) -> None:
    action = Action(id=action_id, kind=kind, target="t", reason="r", data={"k": [1]},  # type: ignore[arg-type]
                    before=None, after={"v": 2}, depends_on=("x",))
    assert Action.from_dict(action.to_dict()) == action


@pytest.mark.parametrize("depends_on", [["x", "y"], ("x", "y")], ids=["list", "tuple"])
def test_depends_on_takes_a_list_as_documented_and_keeps_a_tuple(
        depends_on: list[str] | tuple[str, ...]) -> None:
    """The docs say a list; the declared type was tuple[str, ...] (mypy --strict refused
    `depends_on=["x"]`), and a list was kept as given: the action then differed from itself
    read back from a saved plan or the journal."""
    action = Action(id="a", kind="create", target="t", reason="r", depends_on=depends_on)

    assert action.depends_on == ("x", "y")
    assert Action.from_dict(action.to_dict()) == action


# -- config layers ------------------------------------------------------------------------------------

def test_layers_precedence_and_origin(tmp_path: Path) -> None:
    (tmp_path / "opsctl.toml").write_text("plan_ttl = '2h'\nlog_level = 'debug'\nformat = 'json'\n")
    user = tmp_path / "xdg" / "opsctl"
    user.mkdir(parents=True)
    (user / "config.toml").write_text("log_level = 'warning'\nformat = 'text'\n")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    env = {"XDG_CONFIG_HOME": str(tmp_path / "xdg"), "OPSCTL_FORMAT": "json",
           "OPSCTL_SECRET_API_KEY": "k"}
    layers = load_layers(cwd=sub, env=env, flags={"log_level": "error"})
    assert layers.values["plan_ttl"] == "2h" and layers.origin["plan_ttl"].startswith("repo:")
    assert layers.values["format"] == "json" and layers.origin["format"] == "env"
    assert layers.values["log_level"] == "error" and layers.origin["log_level"] == "flag"
    assert layers.values["secrets"] == {"api_key": "k"}
    assert layers.values["state_dir"] == str(tmp_path / ".opsctl")
    assert layers.root == str(tmp_path)


def test_bad_toml_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "opsctl.toml").write_text("x = \n")
    with pytest.raises(ConfigError, match="does not parse"):
        load_layers(cwd=tmp_path, env={})


# -- errors -------------------------------------------------------------------------------------------

def test_every_error_class_maps_to_a_documented_exit_code() -> None:
    import opsctl.errors as errors

    documented = {code for code, _, _ in EXIT_CODE_TABLE}
    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, OpsctlError)]
    assert len(classes) >= 15
    for cls in classes:
        assert cls.exit_code in documented, cls


def test_parsed_config_cache_notices_edits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from opsctl.config.layers import read_toml

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cfg = tmp_path / "opsctl.toml"
    cfg.write_text("plan_ttl = '1h'\n")
    assert read_toml(str(cfg)) == {"plan_ttl": "1h"}
    assert (tmp_path / "cache" / "opsctl" / "config.cache").exists()
    assert read_toml(str(cfg)) == {"plan_ttl": "1h"}  # from the cache
    cfg.write_text("plan_ttl = '2h'\n")
    os.utime(cfg, ns=(1, 1))
    assert read_toml(str(cfg)) == {"plan_ttl": "2h"}
    cfg.write_text("plan_ttl = \n")
    with pytest.raises(ConfigError, match="does not parse"):
        read_toml(str(cfg))


def test_parsed_config_cache_notices_an_edit_whose_mtime_was_set_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`cp -p`, `rsync -a` or `touch -d` put the old mtime back on a file of the same size."""
    import os

    from opsctl.config.layers import read_toml

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cfg = tmp_path / "opsctl.toml"
    cfg.write_text("plan_ttl = '1h'\n")
    assert read_toml(str(cfg)) == {"plan_ttl": "1h"}
    before = cfg.stat()
    cfg.write_text("plan_ttl = '8h'\n")
    os.utime(cfg, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert read_toml(str(cfg)) == {"plan_ttl": "8h"}
