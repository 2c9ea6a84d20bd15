"""``[automation.NAME]``, ``[retry]`` and ``log_levels`` from the environment, key by key."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from opsctl.config.layers import load_layers
from opsctl.config.settings import describe_settings, validate_settings
from opsctl.errors import ConfigError

CONFIG = """
[automation.cleanup-files]
allowed_roots = ["/srv/a"]
keep = 3

[retry]
attempts = 3
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "opsctl.toml").write_text(CONFIG)
    return tmp_path


@pytest.mark.parametrize(("variable", "text", "key", "value"), [
    pytest.param("OPSCTL_AUTOMATION__CLEANUP_FILES__ALLOWED_ROOTS", '["/srv/b", "/srv/c"]',
                 ("automation", "cleanup-files", "allowed_roots"), ["/srv/b", "/srv/c"],
                 id="automation-json-list"),
    pytest.param("OPSCTL_AUTOMATION__CLEANUP_FILES__KEEP", "5",
                 ("automation", "cleanup-files", "keep"), 5, id="automation-number"),
    pytest.param("OPSCTL_AUTOMATION__RELEASE_TAG__BRANCH", "main",
                 ("automation", "release-tag", "branch"), "main", id="automation-plain-text"),
    pytest.param("OPSCTL_RETRY__DEADLINE", "60s", ("retry", "deadline"), "60s", id="retry-text"),
    pytest.param("OPSCTL_RETRY__ATTEMPTS", "5", ("retry", "attempts"), 5, id="retry-number"),
])
def test_one_key_from_the_environment(root: Path, variable: str, text: str,
                                      key: tuple[str, ...], value: object) -> None:
    layers = load_layers(cwd=root, env={"HOME": str(root), variable: text})
    found: object = layers.values
    for part in key:
        found = found[part]  # type: ignore[index]
    assert found == value
    rows = {k: layer for k, _, layer in describe_settings(validate_settings(layers), layers)}
    assert rows[".".join(key)] == "env"


def test_the_rest_of_the_table_stays(root: Path) -> None:
    layers = load_layers(cwd=root, env={"HOME": str(root),
                                        "OPSCTL_AUTOMATION__CLEANUP_FILES__KEEP": "9",
                                        "OPSCTL_RETRY__DEADLINE": "60s"})
    assert layers.values["automation"]["cleanup-files"] == {"allowed_roots": ["/srv/a"], "keep": 9}
    assert layers.values["retry"] == {"attempts": 3, "deadline": "60s"}
    rows = {k: layer for k, _, layer in describe_settings(validate_settings(layers), layers)}
    assert rows["automation.cleanup-files.allowed_roots"].startswith("repo:")
    assert rows["retry.attempts"].startswith("repo:")


def test_one_key_of_an_automations_retry_table_from_the_environment(root: Path) -> None:
    """``[automation.NAME.retry]`` key by key, as ``[retry]``: the variable's KEY
    ``RETRY__ATTEMPTS`` is a key of that table, not one named ``retry__attempts`` beside it
    that nothing reads."""
    (root / "opsctl.toml").write_text(CONFIG + '[automation.cleanup-files.retry]\n'
                                               'attempts = 2\nbase = "10ms"\n')
    layers = load_layers(cwd=root, env={"HOME": str(root),
                                        "OPSCTL_AUTOMATION__CLEANUP_FILES__RETRY__ATTEMPTS": "1"})
    table = layers.values["automation"]["cleanup-files"]
    assert table["retry"] == {"attempts": 1, "base": "10ms"}
    assert "retry__attempts" not in table and table["keep"] == 3


def test_each_key_of_an_automations_retry_table_shows_the_layer_that_set_it(root: Path) -> None:
    """`config show` names the layer of each value: the keys of ``[automation.NAME.retry]``
    merge one by one, so each is listed with its own layer, as those of ``[retry]`` are."""
    (root / "opsctl.toml").write_text(CONFIG + '[automation.cleanup-files.retry]\n'
                                               'attempts = 2\n')
    layers = load_layers(cwd=root, env={"HOME": str(root),
                                        "OPSCTL_AUTOMATION__CLEANUP_FILES__RETRY__BASE": "2s"})
    rows = {k: (shown, layer)
            for k, shown, layer in describe_settings(validate_settings(layers), layers)}
    assert rows["automation.cleanup-files.retry.attempts"][1].startswith("repo:")
    assert rows["automation.cleanup-files.retry.base"] == ("'2s'", "env")
    assert "automation.cleanup-files.retry" not in rows


def test_logger_levels(root: Path) -> None:
    layers = load_layers(cwd=root, env={"HOME": str(root),
                                        "OPSCTL_LOG_LEVELS": "botocore=debug, urllib3=INFO"})
    assert validate_settings(layers).log_levels == {"botocore": "debug", "urllib3": "info"}


def test_logger_levels_take_python_s_level_names_in_any_case(root: Path) -> None:
    import logging

    from opsctl.observe.log import Logger, install_stdlib_bridge

    (root / "opsctl.toml").write_text('[log_levels]\nbotocore = "CRITICAL"\nurllib3 = "Debug"\n')
    settings = validate_settings(load_layers(cwd=root, env={
        "HOME": str(root), "OPSCTL_LOG_LEVEL": "WARNING",
        "OPSCTL_LOG_LEVELS": "s3transfer=critical"}))
    assert settings.log_level == "warning"
    assert settings.log_levels == {"botocore": "critical", "urllib3": "debug",
                                   "s3transfer": "critical"}
    root_logger = logging.getLogger()
    saved = (root_logger.level, list(root_logger.handlers),
             {name: logging.getLogger(name).level for name in settings.log_levels})
    try:
        install_stdlib_bridge(Logger(lambda _: None, []), settings.log_levels)
        assert logging.getLogger("botocore").level == logging.CRITICAL
    finally:  # the bridge and the levels are process-wide: later tests expect the defaults
        root_logger.handlers[:] = saved[1]
        root_logger.setLevel(saved[0])
        for name, level in saved[2].items():
            logging.getLogger(name).setLevel(level)


def test_env_secret_references_read_the_environment_opsctl_is_given(root: Path) -> None:
    """``open_session(env=...)`` (the Airflow operator's ``env``, the test kit) is the
    environment opsctl reads: an ``env:VAR`` secret too, not the process's own."""
    from opsctl.engine.session import open_session

    variable = "OPSCTL_TEST_SECRET_ONLY_GIVEN"
    assert variable not in os.environ
    (root / "opsctl.toml").write_text(f'[secrets]\ntoken = "env:{variable}"\n')
    env = {"HOME": str(root), variable: "given-9f3"}
    assert validate_settings(load_layers(cwd=root, env=env)).secret_values() == ["given-9f3"]
    session = open_session(env=env, cwd=root)
    try:
        assert session.settings.secrets["token"].get_secret_value() == "given-9f3"
    finally:
        session.close()
    with pytest.raises(ConfigError, match=variable):
        validate_settings(load_layers(cwd=root, env={"HOME": str(root)}))


def test_the_catalog_tells_configurations_apart_by_the_env_secrets_of_the_given_environment(
        root: Path) -> None:
    """A configuration validated once is not validated again (the catalog's manifest keeps its
    fingerprint): an `env:VAR` secret set in one given environment and not in another makes
    two configurations, not one already known to be valid."""
    from opsctl.catalog import config_fingerprint

    variable = "OPSCTL_TEST_SECRET_ONLY_GIVEN"
    assert variable not in os.environ
    (root / "opsctl.toml").write_text(f'[secrets]\ntoken = "env:{variable}"\n')
    given = load_layers(cwd=root, env={"HOME": str(root), variable: "x"})
    missing = load_layers(cwd=root, env={"HOME": str(root)})
    assert config_fingerprint(given) != config_fingerprint(missing)


@pytest.mark.parametrize(("variable", "text", "message"), [
    pytest.param("OPSCTL_AUTOMATION__CLEANUP_FILES", "x", "OPSCTL_AUTOMATION__<NAME>__<KEY>",
                 id="automation-without-key"),
    pytest.param("OPSCTL_LOG_LEVELS", "botocore", "is not LOGGER=LEVEL", id="level-without-="),
    pytest.param("OPSCTL_LOG_LEVELS", "botocore=loud", "log_levels.botocore", id="unknown-level"),
])
def test_malformed_variables_are_configuration_errors(root: Path, variable: str, text: str,
                                                      message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("<", ".").replace(">", ".")):
        validate_settings(load_layers(cwd=root, env={"HOME": str(root), variable: text}))


@pytest.mark.parametrize(("variable", "key"), [
    pytest.param("OPSCTL_STATE_DIR", "state_dir", id="state-dir"),
    pytest.param("OPSCTL_POLICY_FILE", "policy_file", id="policy-file"),
    pytest.param("OPSCTL_PYTHON_PATH", "python_path", id="python-path"),
])
def test_a_path_from_the_environment_expands_the_home_folder(
        root: Path, monkeypatch: pytest.MonkeyPatch, variable: str, key: str) -> None:
    """`~` as in a config file: systemd's Environment= and CI `env:` blocks pass it as typed,
    and a folder literally named `~` in the working directory held the store."""
    home = root / "home"
    monkeypatch.setenv("HOME", str(home))
    layers = load_layers(cwd=root, env={"HOME": str(home), variable: "~/ops"})
    value = layers.values[key]
    assert (value[0] if isinstance(value, list) else value) == str(home / "ops")
    assert getattr(validate_settings(layers), key) in (home / "ops", [str(home / "ops")])


@pytest.mark.parametrize("text", ["/srv/a,/srv/b", f"/srv/a{os.pathsep}/srv/b",
                                  f"/srv/a, /srv/b{os.pathsep}"], ids=["commas", "pathsep", "both"])
def test_the_python_path_variable_is_split_as_pythonpath_is_and_on_commas(
        root: Path, text: str) -> None:
    """`OPSCTL_PYTHON_PATH=src:lib`, written as PYTHONPATH is, names two folders (it was one
    folder named `src:lib`, and the automations then failed to import)."""
    layers = load_layers(cwd=root, env={"HOME": str(root), "OPSCTL_PYTHON_PATH": text})
    assert layers.values["python_path"] == ["/srv/a", "/srv/b"]


@pytest.mark.parametrize("env", [
    pytest.param({"HOME": ""}, id="empty-HOME"),
    pytest.param({"HOME": "home", "XDG_CONFIG_HOME": ".config"}, id="relative-XDG_CONFIG_HOME"),
])
def test_a_relative_home_reads_no_user_config_from_the_working_directory(
        root: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """XDG's rule: a relative base directory is ignored (`HOME=` made `.config/opsctl/config.toml`
    in whatever folder opsctl ran from the user config, above the project's opsctl.toml)."""
    monkeypatch.chdir(root)
    (root / ".config" / "opsctl").mkdir(parents=True)
    (root / ".config" / "opsctl" / "config.toml").write_text('plan_ttl = "5h"\n')
    layers = load_layers(cwd=root, env=env)
    assert layers.values["plan_ttl"] == "4h" and layers.origin["plan_ttl"] == "default"
    assert layers.files == [str(root / "opsctl.toml")]


@pytest.mark.parametrize("env", [
    pytest.param({"HOME": ""}, id="empty-HOME"),
    pytest.param({"XDG_CACHE_HOME": "cache"}, id="relative-XDG_CACHE_HOME"),
    pytest.param({"HOME": "missing"}, id="missing-HOME"),
])
def test_the_parsed_config_cache_is_kept_only_in_a_home_that_exists(
        root: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """No `cache` folder in the working directory, no /.cache, no home folder made where the
    system says there is none (Debian's HOME=/nonexistent): the file is parsed each time."""
    from opsctl.config.layers import _parse_cache_path, read_toml

    monkeypatch.chdir(root)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, str(root / value) if value == "missing" else value)
    cache = _parse_cache_path()
    assert cache is None or (os.path.isabs(cache) and not cache.startswith("/.cache"))
    assert read_toml(str(root / "opsctl.toml"))["retry"] == {"attempts": 3}
    assert sorted(p.name for p in root.iterdir()) == ["opsctl.toml"]


@pytest.mark.parametrize("how", ["found-upwards", "--config", "OPSCTL_CONFIG"])
def test_a_linked_opsctl_toml_belongs_to_the_project_it_is_linked_into(
        tmp_path: Path, how: str) -> None:
    """One shared opsctl.toml linked into a project: its state (the store, its locks) and its
    relative paths are the project's however the file is named (`--config opsctl.toml` put
    them beside the link's target: a second store that did not see the first one's locks)."""
    shared, project = tmp_path / "shared", tmp_path / "project"
    shared.mkdir()
    project.mkdir()
    (shared / "opsctl.toml").write_text('python_path = ["."]\n')
    (project / "opsctl.toml").symlink_to(shared / "opsctl.toml")
    env = {"HOME": str(tmp_path), **({"OPSCTL_CONFIG": "opsctl.toml"}
                                     if how == "OPSCTL_CONFIG" else {})}
    layers = load_layers(cwd=project, env=env,
                         config_file="opsctl.toml" if how == "--config" else None)
    assert layers.root == str(project)
    assert layers.values["state_dir"] == str(project / ".opsctl")
    assert layers.values["python_path"] == [str(project)]


@pytest.mark.parametrize("key", ["state_dir", "policy_file"])
def test_an_empty_path_in_a_config_file_is_a_configuration_error(tmp_path: Path,
                                                                 key: str) -> None:
    """`state_dir = ""` (a template variable left empty) resolved to the project folder: the
    store and the plan-signing key landed beside the code, where `git add .` takes them."""
    (tmp_path / "opsctl.toml").write_text(f'{key} = ""\n')
    with pytest.raises(ConfigError, match=f"config key '{key}' .from repo:.*: an empty path"):
        load_layers(cwd=tmp_path, env={"HOME": str(tmp_path)})


@pytest.mark.parametrize(("file_text", "variable", "text", "key"), [
    pytest.param("[retry]\nattempts = 0\n", "OPSCTL_RETRY__CAP", "10s", "'retry'",
                 id="retry"),
    pytest.param("[automation.cleanup-files.retry]\nattempts = 0\n",
                 "OPSCTL_AUTOMATION__CLEANUP_FILES__RETRY__CAP", "1s",
                 "'automation.cleanup-files.retry'", id="automation-retry"),
    pytest.param('[secrets]\ntoken = "env:UNSET_TOKEN"\n', "OPSCTL_SECRET_OTHER", "x",
                 "'secrets.token'", id="secret-reference"),
])
def test_a_bad_key_of_a_merged_table_names_the_layer_that_set_it(
        tmp_path: Path, file_text: str, variable: str, text: str, key: str) -> None:
    """Another layer setting another key of the same table does not take the blame: the
    error names the file the bad key is in, not the environment."""
    (tmp_path / "opsctl.toml").write_text(file_text)
    layers = load_layers(cwd=tmp_path, env={"HOME": str(tmp_path), variable: text})
    with pytest.raises(ConfigError, match=f"config key {key} .from repo:") as raised:
        validate_settings(layers)
    assert "(from env)" not in raised.value.message


@pytest.mark.parametrize(("project", "user", "message"), [
    pytest.param('[server]\nhost = ""\n', "[server]\nport = 9000\n",
                 "config key 'server.host' (from repo:", id="server-value"),
    pytest.param("[server]\nprot = 9000\n", "[server]\nport = 9000\n",
                 "unknown config key 'server.prot' (from repo:", id="server-unknown-key"),
    pytest.param('[worker]\nqueue = ""\n', '[worker]\nsweep_interval = "5s"\n',
                 "config key 'worker.queue'", id="worker-value"),
])
def test_a_bad_key_of_server_or_worker_names_the_file_that_set_it(
        tmp_path: Path, project: str, user: str, message: str) -> None:
    """The user's config setting another key of ``[server]`` or ``[worker]`` is not named
    for the project's mistake."""
    (tmp_path / "opsctl.toml").write_text(project)
    (tmp_path / "xdg" / "opsctl").mkdir(parents=True)
    (tmp_path / "xdg" / "opsctl" / "config.toml").write_text(user)
    layers = load_layers(cwd=tmp_path, env={"HOME": str(tmp_path),
                                            "XDG_CONFIG_HOME": str(tmp_path / "xdg")})
    with pytest.raises(ConfigError) as raised:
        validate_settings(layers)
    assert message in raised.value.message
    assert f"repo:{tmp_path / 'opsctl.toml'}" in raised.value.message
    assert "user:" not in raised.value.message


def test_each_key_of_server_and_worker_shows_the_layer_that_set_it(tmp_path: Path) -> None:
    """``[server]`` and ``[worker]`` merge key by key, as ``[retry]`` does: `config show` lists
    each key with its own layer, not the whole table under the last layer that set any key."""
    (tmp_path / "opsctl.toml").write_text('[server]\nhost = "127.0.0.1"\n'
                                          '[worker]\nqueue = "ops"\n')
    (tmp_path / "xdg" / "opsctl").mkdir(parents=True)
    (tmp_path / "xdg" / "opsctl" / "config.toml").write_text(
        '[server]\nport = 9000\n[worker]\nsweep_interval = "2s"\n')
    layers = load_layers(cwd=tmp_path, env={"HOME": str(tmp_path),
                                            "XDG_CONFIG_HOME": str(tmp_path / "xdg")})
    rows = {k: (shown, layer)
            for k, shown, layer in describe_settings(validate_settings(layers), layers)}
    assert rows["server.host"] == ("127.0.0.1", f"repo:{tmp_path / 'opsctl.toml'}")
    assert rows["server.port"][0] == "9000"
    assert rows["server.port"][1].startswith("user:")
    assert rows["worker.queue"][1].startswith("repo:")
    assert rows["worker.sweep_interval"] == ("2s", rows["server.port"][1])
    assert "server" not in rows and "worker" not in rows


def test_the_server_s_tls_files_are_relative_to_the_config_file(tmp_path: Path) -> None:
    """`tls_cert = "tls/cert.pem"` is beside opsctl.toml, as `state_dir` and a policy file
    are, whichever folder `opsctl serve` is started in (a service manager's, a subfolder)."""
    (tmp_path / "opsctl.toml").write_text('[server]\ntls_cert = "tls/cert.pem"\n'
                                          'tls_key = "../keys/key.pem"\nhost = "127.0.0.1"\n')
    (tmp_path / "sub").mkdir()
    layers = load_layers(cwd=tmp_path / "sub", env={"HOME": str(tmp_path)})
    assert layers.values["server"] == {"tls_cert": str(tmp_path / "tls" / "cert.pem"),
                                       "tls_key": str(tmp_path.parent / "keys" / "key.pem"),
                                       "host": "127.0.0.1"}


@pytest.mark.parametrize(("name", "make", "refused", "not_said"), [
    pytest.param("fifo.toml", os.mkfifo, "is not a regular file (a device, FIFO or socket)",
                 "standard input", id="fifo"),
    pytest.param("big.toml", lambda path: Path(path).write_text("#" * (10 * 1024 * 1024 + 1)),
                 "over the limit of 10485760", "max_input_size", id="over-the-limit"),
])
def test_a_config_file_that_cannot_be_read_is_refused_without_a_wrong_hint(
        tmp_path: Path, name: str, make: object, refused: str, not_said: str) -> None:
    """--config takes no `-` (standard input) and max_input_size bounds request documents
    and plan files, not config files: neither is offered as the way out."""
    make(str(tmp_path / name))  # type: ignore[operator]
    with pytest.raises(ConfigError, match=re.escape(refused)) as raised:
        load_layers(cwd=tmp_path, env={"HOME": str(tmp_path)}, config_file=name)
    assert not_said not in raised.value.message


@pytest.mark.parametrize(("file_text", "variable", "text", "key"), [
    pytest.param("[retry]\nattempts = 0\n", "OPSCTL_RETRY__ATTEMPTS", "3", "'retry'",
                 id="retry"),
    pytest.param("[automation.cleanup-files.retry]\nattempts = 0\n",
                 "OPSCTL_AUTOMATION__CLEANUP_FILES__RETRY__ATTEMPTS", "3",
                 "'automation.cleanup-files.retry'", id="automation-retry"),
    pytest.param('[log_levels]\nbotocore = "loud"\n', "OPSCTL_LOG_LEVELS", "botocore=debug",
                 "'log_levels.botocore'", id="log-levels"),
])
def test_a_bad_key_of_a_table_in_a_file_is_an_error_while_the_environment_overrides_it(
        tmp_path: Path, file_text: str, variable: str, text: str, key: str) -> None:
    """As a file's `plan_ttl` is checked while OPSCTL_PLAN_TTL overrides it: the file breaks
    every run that does not set the variable, so it is refused now, not in the next job."""
    (tmp_path / "opsctl.toml").write_text(file_text)
    layers = load_layers(cwd=tmp_path, env={"HOME": str(tmp_path), variable: text})
    with pytest.raises(ConfigError, match=f"config key {key} .from repo:"):
        validate_settings(layers)


def test_a_secret_reference_in_a_file_is_not_resolved_while_the_environment_sets_the_secret(
        tmp_path: Path) -> None:
    """`token = "env:REGISTRY_TOKEN"` in opsctl.toml, and OPSCTL_SECRET_TOKEN in a CI job
    that has no REGISTRY_TOKEN: the job's own value is the secret, nothing to refuse."""
    (tmp_path / "opsctl.toml").write_text('[secrets]\ntoken = "env:REGISTRY_TOKEN"\n')
    layers = load_layers(cwd=tmp_path, env={"HOME": str(tmp_path),
                                            "OPSCTL_SECRET_TOKEN": "s3cret"})
    assert validate_settings(layers).secrets["token"].get_secret_value() == "s3cret"


@pytest.mark.parametrize("name", ["API_KEY", "Api_Key", "api_key"])
def test_the_environment_sets_a_secret_the_file_spells_in_upper_case(tmp_path: Path,
                                                                    name: str) -> None:
    """`[secrets] API_KEY` and OPSCTL_SECRET_API_KEY are one secret: the variable's value is
    it (was: a second secret `api_key` beside it, and `ctx.secrets["API_KEY"]` the file's)."""
    (tmp_path / "opsctl.toml").write_text(f'[secrets]\n{name} = "env:VAULT_API_KEY"\n')
    layers = load_layers(cwd=tmp_path, env={"HOME": str(tmp_path),
                                            "OPSCTL_SECRET_API_KEY": "from-ci"})
    secrets = validate_settings(layers).secrets
    assert list(secrets) == [name]
    assert secrets[name].get_secret_value() == "from-ci"


@pytest.mark.parametrize("variable", [
    "OPSCTL_RETRY__ATTEMPTS", "OPSCTL_AUTOMATION__CLEANUP_FILES__KEEP",
    "OPSCTL_AUTOMATION__CLEANUP_FILES__RETRY__ATTEMPTS", "OPSCTL_PLAN_TTL", "OPSCTL_SECRET_TOKEN",
])
def test_a_variable_set_to_the_empty_string_is_as_if_unset(root: Path, variable: str) -> None:
    """A CI job's `env:` that names a variable of its own that is not set passes "": the file's
    value stays, for a key of a table as for any setting (it was a refusal of `attempts = ''`
    and an empty `keep` over the file's 3). JSON `""` is the way to set an empty text."""
    given = load_layers(cwd=root, env={"HOME": str(root), variable: ""})
    unset = load_layers(cwd=root, env={"HOME": str(root)})
    assert given.values == unset.values
    assert validate_settings(given) == validate_settings(unset)
    quoted = load_layers(cwd=root, env={"HOME": str(root),
                                        "OPSCTL_AUTOMATION__CLEANUP_FILES__KEEP": '""'})
    assert quoted.values["automation"]["cleanup-files"]["keep"] == ""


@pytest.mark.parametrize(("variable", "key"), [
    pytest.param("OPSCTL_STATE_DIR", "state_dir", id="state-dir"),
    pytest.param("OPSCTL_POLICY_FILE", "policy_file", id="policy-file"),
    pytest.param("OPSCTL_PYTHON_PATH", "python_path", id="python-path"),
])
def test_a_relative_path_from_the_environment_is_the_working_directory_s(
        root: Path, variable: str, key: str) -> None:
    """Made absolute where opsctl starts, as every path setting is once loaded: `config show`
    says where the store is, and an automation that changes folder keeps its imports."""
    (root / "sub").mkdir()
    layers = load_layers(cwd=root / "sub", env={"HOME": str(root), variable: "ops"})
    value = layers.values[key]
    assert (value[0] if isinstance(value, list) else value) == str(root / "sub" / "ops")


@pytest.mark.parametrize(("raw", "message"), [
    pytest.param("file:", "secret 'token': 'file:' names no file", id="file"),
    pytest.param("env:", "secret 'token': 'env:' names no environment variable", id="env"),
])
def test_a_secret_reference_without_its_name_says_so(tmp_path: Path, raw: str,
                                                    message: str) -> None:
    """(was: "cannot read : Is a directory", the working directory read as the file)."""
    (tmp_path / "opsctl.toml").write_text(f'[secrets]\ntoken = "{raw}"\n')
    with pytest.raises(ConfigError, match=re.escape(message)):
        validate_settings(load_layers(cwd=tmp_path, env={"HOME": str(tmp_path)}))


@pytest.mark.parametrize("variable", ["OPSCTL_AUTOMATION__CLEANUP_FILES__KEEP",
                                      "OPSCTL_RETRY__ATTEMPTS"])
def test_json_nested_too_deeply_in_a_variable_is_a_configuration_error(
        root: Path, variable: str) -> None:
    """(was: exit 1, an internal RecursionError)."""
    with pytest.raises(ConfigError, match=f"environment variable {variable}: .*nested too "
                                          "deeply"):
        load_layers(cwd=root, env={"HOME": str(root), variable: "[" * 100_000})


def test_a_relative_path_among_the_flags_is_the_given_working_directory_s(root: Path) -> None:
    """`run_automation(..., cwd=PROJECT, settings={"state_dir": "state"})` (the Airflow and
    Prefect adapters' settings are the flag layer): the store is in PROJECT/state, not in the
    folder the host process happens to run in."""
    (root / "sub").mkdir()
    layers = load_layers(cwd=root / "sub", env={"HOME": str(root)},
                         flags={"state_dir": "state", "python_path": ["src"],
                                "policy_file": "policy.yaml"})
    assert layers.values["state_dir"] == str(root / "sub" / "state")
    assert layers.values["python_path"] == [str(root / "sub" / "src")]
    assert layers.values["policy_file"] == str(root / "sub" / "policy.yaml")


def test_a_configuration_error_masks_the_secrets_values(tmp_path: Path) -> None:
    """`config show` and `runs` refuse a bad value as `list` does: with the value of a secret
    it quotes masked (was: in clear on stderr, where CI logs keep it)."""
    (tmp_path / "opsctl.toml").write_text('[secrets]\napi = "hunter2-canary"\n'
                                          '[retry]\nbase = "hunter2-canary"\n')
    with pytest.raises(ConfigError) as raised:
        validate_settings(load_layers(cwd=tmp_path, env={"HOME": str(tmp_path)}))
    assert "hunter2-canary" not in raised.value.message
    assert "invalid duration '***'" in raised.value.message


def test_a_secret_from_an_empty_environment_variable_is_refused(tmp_path: Path) -> None:
    """`token = "env:REGISTRY_TOKEN"` in a CI job whose `env:` passes "" for an unset
    variable: refused as an unset one is, and as an empty `file:` is, never an empty secret
    an automation then sends (was: accepted, the secret "")."""
    (tmp_path / "opsctl.toml").write_text('[secrets]\ntoken = "env:REGISTRY_TOKEN"\n')
    layers = load_layers(cwd=tmp_path, env={"HOME": str(tmp_path), "REGISTRY_TOKEN": ""})
    with pytest.raises(ConfigError, match="secret 'token': environment variable "
                                          "REGISTRY_TOKEN is empty"):
        validate_settings(layers)
