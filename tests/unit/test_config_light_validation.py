"""Settings are checked without pydantic when their values are plain, and that check agrees with
the pydantic model: the same Settings for what it accepts, the same error for the rest."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsctl.config.layers import DEFAULTS, Layers
from opsctl.config.settings import (
    FIELDS,
    SecretText,
    Settings,
    _check_feature_tables,
    _NotPlain,
    _plain_settings,
    validate_settings,
)
from opsctl.config.settings_model import SettingsModel, validate_with_model
from opsctl.errors import ConfigError


def layers_of(**changes: Any) -> Layers:
    values = copy.deepcopy(DEFAULTS)
    values["state_dir"] = "/srv/proj/.opsctl"
    values.update(changes)
    origin = {key: "repo:/srv/proj/opsctl.toml" for key in changes}
    return Layers(values, origin, [], "/srv/proj")


def outcome(check: Any, layers: Layers) -> Settings | str:
    try:
        found: Settings = check(layers)
    except ConfigError as exc:
        return f"error: {exc.message}"
    return found


def with_model(layers: Layers) -> Settings:
    """What validate_settings does when the values are not plain: the model, then the tables
    whose schema lives with their feature (retry, permissions, policy)."""
    found = validate_with_model(layers)
    _check_feature_tables(found, layers)
    return found


def agrees(layers: Layers) -> Settings | str:
    """validate_settings and the pydantic model agree on ``layers``; returns the outcome."""
    light = outcome(validate_settings, layers)
    assert light == outcome(with_model, layers)
    return light


def test_fields_are_the_models_in_its_order() -> None:
    assert tuple(SettingsModel.model_fields) == FIELDS


VALID = {
    "defaults": {},
    "lists": {"automations": ["a.b", "c:d"], "python_path": ["/srv/proj", "."]},
    "durations": {"plan_ttl": "1h30m", "lock_ttl": 90, "stop_grace": "0.5s"},
    "choices": {"journal_mode": "group", "log_format": "json", "log_level": "debug",
                "format": "json", "confirm": "never", "executor": "celery"},
    "optional-text": {"store_url": "postgresql://u:p@h/db", "actor": "alice",
                      "broker_url": "redis://h:6379/0", "plan_signing_key": "k" * 32},
    "tables": {"retry": {"attempts": 3, "deadline": "60s"}, "server": {"port": 8080},
               "worker": {"queue": "q"}, "log_levels": {"boto3": "warning"},
               "automation": {"cleanup-files": {"keep": 3, "roots": ["/a"]}},
               "groups": {"ops": ["alice", "bob"]}, "policy": {"version": 1, "rules": []},
               "permissions": {"grants": [{"role": "viewer", "to": ["alice"]}]}},
    "schedules": {"schedules": [{"name": "nightly", "cron": "0 3 * * *"}]},
    "paths": {"policy_file": "/srv/proj/policy.yaml"},
    "sizes": {"max_input_size": 4096},
    "secrets": {"secrets": {"token": "s3cret", "empty": ""}},
}


@pytest.mark.parametrize("changes", list(VALID.values()), ids=list(VALID))
def test_plain_values_are_checked_without_the_model(changes: dict[str, Any]) -> None:
    layers = layers_of(**changes)
    plain = _plain_settings(layers.values)
    assert plain == agrees(layers)


INVALID = {
    "unknown-key": {"colour": "blue"},
    "automations-not-a-list": {"automations": "a.b"},
    "automations-number": {"automations": ["a", 1]},
    "state-dir-number": {"state_dir": 3},
    "duration-text": {"lock_ttl": "soon"},
    "duration-too-short": {"lock_ttl": "0s"},
    "duration-too-long": {"plan_ttl": "100d"},
    "duration-negative": {"stop_grace": "-1s"},
    "duration-bool": {"plan_ttl": True},
    "choice": {"journal_mode": "fast"},
    "choice-case": {"log_format": "JSON"},
    "log-levels": {"log_levels": {"boto3": "loud"}},
    "size-text": {"max_input_size": "lots"},
    "size-zero": {"max_input_size": 0},
    "size-bool": {"max_input_size": True},
    "secret-unset-env": {"secrets": {"token": "env:OPSCTL_TEST_SURELY_UNSET_VARIABLE"}},
    "secret-missing-file": {"secrets": {"token": "file:/nonexistent/opsctl/secret"}},
    "secret-number": {"secrets": {"token": 5}},
    "signing-key-number": {"plan_signing_key": 5},
    "table-not-a-table": {"retry": 3},
    "automation-table-of-text": {"automation": {"x": "y"}},
    "groups-of-text": {"groups": {"ops": "alice"}},
    "schedules-of-text": {"schedules": ["nightly"]},
    "actor-number": {"actor": 7},
    "policy-list": {"policy": []},
}


@pytest.mark.parametrize("changes", list(INVALID.values()), ids=list(INVALID))
def test_invalid_values_get_the_models_error(changes: dict[str, Any]) -> None:
    layers = layers_of(**changes)
    with pytest.raises(_NotPlain):
        _plain_settings(layers.values)
    found = agrees(layers)
    assert isinstance(found, str) and found.startswith("error: ")


def test_a_value_pydantic_converts_still_validates() -> None:
    found = agrees(layers_of(state_dir=Path("/srv/x"), automations=("a.b",)))
    assert isinstance(found, Settings)
    assert found.state_dir == Path("/srv/x") and found.automations == ["a.b"]


def test_indirect_secrets_resolve_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "key").write_text("from-file\n")
    monkeypatch.setenv("OPSCTL_TEST_SECRET_VALUE", "from-env")
    layers = layers_of(secrets={"a": "env:OPSCTL_TEST_SECRET_VALUE", "b": f"file:{tmp_path / 'key'}"})
    found = agrees(layers)
    assert isinstance(found, Settings)
    assert found.secrets == {"a": SecretText("from-env"), "b": SecretText("from-file")}
    assert str(found.secrets["a"]) == "**********" and "from-env" not in repr(found.secrets)


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10**6) | st.floats(allow_nan=False)
    | st.sampled_from(["", "1h", "0s", "30d", "10MiB", "json", "group", "tty", "x", "env:HOME"])
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=6)


@settings(max_examples=300, deadline=None)
@given(key=st.sampled_from([*FIELDS, "unknown"]), value=JSONISH)
def test_any_one_value_gets_the_same_outcome(key: str, value: Any) -> None:
    agrees(layers_of(**{key: value}))


# -- a file's value that a later layer overrides is still checked -----------------------------

def _project(tmp_path: Path, toml: str) -> Path:
    (tmp_path / "opsctl.toml").write_text(toml)
    return tmp_path


@pytest.mark.parametrize(("toml", "env", "message"), [
    ('plan_ttl = "0s"\n', {"OPSCTL_PLAN_TTL": "1h"},
     "config key 'plan_ttl' (from repo:{root}/opsctl.toml): 0s is out of range"),
    ('log_level = "loud"\n', {"OPSCTL_LOG_LEVEL": "warning"},
     "config key 'log_level' (from repo:{root}/opsctl.toml): Input should be"),
], ids=["duration", "choice"])
def test_a_bad_file_value_is_an_error_while_the_environment_overrides_it(
        tmp_path: Path, toml: str, env: dict[str, str], message: str) -> None:
    from opsctl.config.layers import load_layers

    root = _project(tmp_path, toml)
    with pytest.raises(ConfigError) as raised:
        validate_settings(load_layers(cwd=root, env={"HOME": str(tmp_path / "home"), **env}))
    assert raised.value.message.startswith(message.format(root=root)), raised.value.message


def test_a_good_file_value_overridden_by_the_environment_takes_the_environments(
        tmp_path: Path) -> None:
    from opsctl.config.layers import load_layers

    root = _project(tmp_path, 'plan_ttl = "2h"\nlog_level = "debug"\n')
    found = validate_settings(load_layers(cwd=root, env={
        "HOME": str(tmp_path / "home"), "OPSCTL_PLAN_TTL": "1h", "OPSCTL_LOG_LEVEL": "warning"}))
    assert (found.plan_ttl.total_seconds(), found.log_level) == (3600, "warning")


def test_a_groups_error_names_the_file_it_came_from(tmp_path: Path) -> None:
    from opsctl.config.layers import load_layers

    root = _project(tmp_path, '[groups]\nsre = ["group:x"]\n')
    with pytest.raises(ConfigError) as raised:
        validate_settings(load_layers(cwd=root, env={"HOME": str(tmp_path / "home")}))
    assert raised.value.message.startswith(f"{root}/opsctl.toml: groups.sre[0]: 'group:x'"), \
        raised.value.message


@pytest.mark.parametrize(("toml", "message"), [
    ("[server]\nprot = 8080\n", "unknown config key 'server.prot' (from repo:{root}/opsctl.toml; "
                                "known: allow_insecure_remote, host"),
    ('[worker]\nsweep_intervall = "1s"\n', "unknown config key 'worker.sweep_intervall' (known:"),
    ('[worker]\nqueue = "q"\nexecutor = "celery"\n', "unknown config key 'worker.executor'"),
    ('[worker]\nqueue = "a b"\n', "config key 'worker.queue': a queue name is letters"),
    ('[server]\nmax_body = "lots"\n', "config key 'server.max_body' (from repo:{root}/opsctl.toml)"
                                      ": invalid size 'lots'"),
    ("[server]\nworkers = 0\n", "config key 'server.workers' (from repo:{root}/opsctl.toml): "
                                 "expected a whole number from 1 to 64, not 0"),
    ("[server]\nworkers = 65\n", "config key 'server.workers' (from repo:{root}/opsctl.toml): "
                                  "expected a whole number from 1 to 64, not 65"),
    ('[server]\nport = "abc"\n', "config key 'server.port' (from repo:{root}/opsctl.toml): "
                                  "expected a whole number from 0 to 65535, not 'abc'"),
    ('[server]\nmetrics_auth = "no"\n', "config key 'server.metrics_auth' (from repo:{root}/"
                                         "opsctl.toml): expected true or false, not 'no'"),
    ('[server]\nhost = ""\n', "config key 'server.host' (from repo:{root}/opsctl.toml): "
                               "expected a non-empty string"),
    ('[server]\nrequest_timeout = "0s"\n', "config key 'server.request_timeout' (from repo:"
                                           "{root}/opsctl.toml): request_timeout '0s' out of "
                                           "range (1s to 1h)"),
    ('[[server.oidc]]\nissuer = "https://idp"\naudience = "a"\nalgorithms = ["HS256"]\n',
     "server.oidc[0].algorithms: 'HS256' is not allowed"),
    ('[[server.oidc]]\nissuer = "http://idp.example.com"\naudience = "a"\n',
     "server.oidc[0].issuer: 'http://idp.example.com' must use https://"),
    ('[[server.oidc]]\nissuer = "https://idp"\naudience = "a"\nleway = 5\n',
     "server.oidc[0]: unknown key 'leway'"),
], ids=["server-typo", "worker-typo", "worker-swallowed-key", "worker-bad-queue",
        "server-max-body", "server-workers", "server-workers-past-64", "server-port",
        "server-flag", "server-host", "server-request-timeout", "server-oidc-hmac",
        "server-oidc-http",
        "server-oidc-typo"])
def test_server_and_worker_tables_are_checked_by_every_command(
        tmp_path: Path, toml: str, message: str) -> None:
    """`opsctl list` (any command) refuses them as `opsctl serve` and `opsctl worker` would:
    a key written under the wrong table (executor after [worker]) is not silently ignored."""
    from opsctl.config.layers import load_layers

    root = _project(tmp_path, toml)
    with pytest.raises(ConfigError) as raised:
        validate_settings(load_layers(cwd=root, env={"HOME": str(tmp_path / "home")}))
    assert raised.value.message.startswith(message.format(root=root)), raised.value.message
    assert str(root / "opsctl.toml") in raised.value.message


def test_every_documented_server_key_is_accepted(tmp_path: Path) -> None:
    from opsctl.config.layers import load_layers

    root = _project(tmp_path, '[server]\nhost = "127.0.0.1"\nport = 8401\nworkers = 2\n'
                              'allow_insecure_remote = false\nmax_body = "64KiB"\n'
                              'metrics_auth = true\nscheduler = false\n'
                              '[[server.oidc]]\nissuer = "https://idp"\naudience = "a"\n'
                              '[worker]\nqueue = "ops"\nfan_out = 2\nsweep_interval = "2s"\n'
                              'redeliver_after = "5m"\n')
    found = validate_settings(load_layers(cwd=root, env={"HOME": str(tmp_path / "home")}))
    assert (found.server["port"], found.worker["queue"]) == (8401, "ops")


@pytest.mark.parametrize(("toml", "with_file", "shown"), [
    ("", True, "{root}/policy.yaml (beside opsctl.toml)"),
    ("", False, ""),
    ('policy_file = "rules.yaml"\n', True, "{root}/rules.yaml"),
], ids=["implicit-policy-yaml", "no-policy", "named-policy-file"])
def test_config_show_names_the_policy_file_the_gate_reads(
        tmp_path: Path, toml: str, with_file: bool, shown: str) -> None:
    """policy.yaml beside opsctl.toml is the policy without any key naming it: `config show`
    printed policy_file empty for it, as if no policy applied."""
    from opsctl.config.layers import load_layers
    from opsctl.config.settings import describe_settings

    root = _project(tmp_path, toml)
    if with_file:
        (root / "policy.yaml").write_text("version: 1\n")
    layers = load_layers(cwd=root, env={"HOME": str(tmp_path / "home")})
    rows = {key: value for key, value, _ in describe_settings(validate_settings(layers), layers)}
    assert rows["policy_file"] == shown.format(root=root)


@pytest.mark.parametrize(("toml", "message"), [
    ("[retyr]\nattempts = 2\n", "unknown config key 'retyr' (from repo:{root}/opsctl.toml); "
                                "did you mean 'retry'?"),
    ("[secret]\ntoken = 'x'\n", "unknown config key 'secret' (from repo:{root}/opsctl.toml); "
                                "did you mean 'secrets'?"),
    ('plan_tll = "1h"\n', "unknown config key 'plan_tll' (from repo:{root}/opsctl.toml); "
                          "did you mean 'plan_ttl'?"),
    ("[automations.x]\nkeep = 1\n", "config key 'automations' (from repo:{root}/opsctl.toml): "
                                    "Input should be a valid list; did you mean "
                                    "[automation.NAME]?"),
], ids=["retry", "secrets", "plan-ttl", "automations-table"])
def test_a_misspelt_key_is_refused_with_the_setting_it_is_near(tmp_path: Path, toml: str,
                                                               message: str) -> None:
    from opsctl.config.layers import load_layers

    root = _project(tmp_path, toml)
    with pytest.raises(ConfigError) as raised:
        validate_settings(load_layers(cwd=root, env={"HOME": str(tmp_path / "home")}))
    assert raised.value.message == message.format(root=root)


@pytest.mark.parametrize(("toml", "message"), [
    ('broker_url = "localhost:6379"\n', "unsupported broker URL 'localhost:6379'"),
    ('broker_url = ""\n', "unsupported broker URL ''"),
    ('broker_url = "reddis://:pa55word@h:6379/0"\n', "unsupported broker URL "
                                                     "'reddis://:***@h:6379/0'"),
], ids=["no-scheme", "empty", "misspelt-scheme"])
def test_a_broker_url_of_no_broker_is_refused_by_every_command(tmp_path: Path, toml: str,
                                                               message: str) -> None:
    """As store_url's scheme is: `opsctl list` and `config show` refuse it, not only the
    worker or the first queued run (password masked)."""
    from opsctl.config.layers import load_layers

    root = _project(tmp_path, toml)
    with pytest.raises(ConfigError) as raised:
        validate_settings(load_layers(cwd=root, env={"HOME": str(tmp_path / "home")}))
    assert raised.value.message.startswith(
        f"config key 'broker_url' (from repo:{root}/opsctl.toml): {message}: use redis://")


@pytest.mark.parametrize(("entry", "message"), [
    ("tagmod:tagg", "tagmod has no attribute 'tagg' (from repo:{root}/opsctl.toml; its "
                    "automations: tag)"),
    ("tagmod:NOT_ONE", "tagmod:NOT_ONE is not an opsctl Automation but a str (from "
                       "repo:{root}/opsctl.toml)"),
], ids=["misspelt-attribute", "not-an-automation"])
def test_an_automations_entry_naming_no_automation_says_what_it_names(
        tmp_path: Path, entry: str, message: str) -> None:
    from opsctl.catalog import load_catalog
    from opsctl.config.layers import load_layers

    (tmp_path / "tagmod.py").write_text(
        "from opsctl import Automation\nfrom pydantic import BaseModel\n"
        "class R(BaseModel):\n    pass\n"
        "tag = Automation('tag', version='1.0.0', owner='o', summary='s', request=R)\n"
        "NOT_ONE = 'x'\n")
    root = _project(tmp_path, f'automations = ["{entry}"]\npython_path = ["."]\n')
    with pytest.raises(ConfigError) as raised:
        load_catalog(load_layers(cwd=root, env={"HOME": str(tmp_path / "home")}))
    assert raised.value.message == message.format(root=root)
