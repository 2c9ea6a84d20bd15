"""The Dockerfile, compose.yaml and .dockerignore, checked by reading them.

Images cannot be built or pulled here, so what can go wrong in these files is checked against
opsctl itself: each service's command (and each health check that calls opsctl) parses with the
real click command, every ``OPSCTL_*`` variable is a setting opsctl reads, the extras built are
extras of the package, the ports, paths and names agree between the files, and no secret is
written into them beyond the local-development placeholder.
"""

from __future__ import annotations

import fnmatch
import importlib
import re
import shlex
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click
import pytest
import yaml

from opsctl.cli.main import BUILTINS
from opsctl.cli.serve_cmd import DEFAULT_PORT
from opsctl.config.layers import (
    AUTOMATION_ENV_PREFIX,
    DEFAULTS,
    ENV_KEYS,
    ENV_PREFIX,
    LIST_ENV_KEYS,
    RETRY_ENV_PREFIX,
    SECRET_ENV_PREFIX,
)
from opsctl.contract.durations import parse_duration

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDERS = {"opsctl-local-dev"}  # the one password literal allowed: local development
OPSCTL_SERVICES = ("serve", "worker", "scheduler")
SECRET_NAME = re.compile(r"PASSWORD|SECRET|TOKEN|SIGNING_KEY|API_KEY|PRIVATE", re.I)


# --- the Dockerfile ----------------------------------------------------------------------


@dataclass
class Stage:
    base: str
    name: str | None
    instructions: list[tuple[str, str]] = field(default_factory=list)
    args: dict[str, str] = field(default_factory=dict)

    def all(self, keyword: str) -> list[str]:
        return [value for kw, value in self.instructions if kw == keyword]

    def last(self, keyword: str) -> str:
        values = self.all(keyword)
        assert values, f"no {keyword} in the stage FROM {self.base}"
        return values[-1]

    def expand(self, text: str) -> str:
        return re.sub(r"\$\{?(\w+)\}?", lambda m: self.args.get(m.group(1), m.group(0)), text)


def dockerfile_instructions(text: str) -> Iterator[tuple[str, str]]:
    """(KEYWORD, arguments) as Docker reads them: comments dropped, continuations joined."""
    logical = ""
    for line in text.splitlines():
        if line.lstrip().startswith("#") or (not line.strip() and logical):
            continue
        if line.rstrip().endswith("\\"):
            logical += line.rstrip()[:-1] + " "
            continue
        logical += line
        if logical.strip():
            keyword, _, rest = logical.strip().partition(" ")
            yield keyword.upper(), rest.strip()
        logical = ""
    assert not logical, "the Dockerfile ends inside a continued line"


def dockerfile_stages() -> list[Stage]:
    global_args: dict[str, str] = {}
    stages: list[Stage] = []
    for keyword, value in dockerfile_instructions((ROOT / "Dockerfile").read_text()):
        if keyword == "FROM":
            parts = value.split()
            base = re.sub(r"\$\{?(\w+)\}?", lambda m: global_args.get(m.group(1), ""), parts[0])
            stages.append(Stage(base, parts[2] if len(parts) == 3 else None))
            continue
        if keyword == "ARG":
            name, _, default = value.partition("=")
            (stages[-1].args if stages else global_args)[name] = default.strip('"')
        if stages:
            stages[-1].instructions.append((keyword, value))
    return stages


def exec_form(value: str) -> list[str]:
    parsed = yaml.safe_load(value)
    assert isinstance(parsed, list), f"exec form (JSON array) expected: {value}"
    return [str(v) for v in parsed]


@pytest.fixture(scope="module")
def final() -> Stage:
    return dockerfile_stages()[-1]


def test_images_are_slim_python_and_the_build_stage_feeds_the_final_one(final: Stage) -> None:
    stages = dockerfile_stages()
    assert len(stages) == 2
    for stage in stages:
        assert re.fullmatch(r"python:3\.1[1-9]-slim(-\w+)?", stage.base), stage.base
    build = stages[0]
    assert any(v.startswith(f"--from={build.name} /opt/opsctl ") for v in final.all("COPY"))
    assert "/opt/opsctl/bin" in final.last("ENV").split("PATH=", 1)[1].split()[0]


def test_runs_as_a_non_root_user_after_its_last_root_step(final: Stage) -> None:
    user = final.expand(final.last("USER"))
    uid, _, gid = user.partition(":")
    assert uid not in ("root", "0") and gid not in ("root", "0"), user
    assert int(uid) >= 1000
    keywords = [kw for kw, _ in final.instructions]
    assert keywords.index("USER") > max(i for i, kw in enumerate(keywords) if kw == "RUN")
    assert len(final.all("USER")) == 1


def test_entrypoint_is_opsctl_and_the_state_dir_is_the_volume(final: Stage) -> None:
    assert exec_form(final.last("ENTRYPOINT")) == ["opsctl"]
    env = dict(shlex.split(pair)[0].split("=", 1) for pair in
               re.findall(r"(\w+=\S+)", final.last("ENV")))
    assert "state_dir" in ENV_KEYS
    state_dir = env[f"{ENV_PREFIX}STATE_DIR"]
    assert exec_form(final.last("VOLUME")) == [state_dir]
    run = final.last("RUN")
    assert f"install -d -o opsctl -g opsctl -m 0700 {state_dir}" in run, \
        "the volume starts owned by the user opsctl runs as"
    assert final.last("WORKDIR") == "/work"


def test_healthcheck_asks_serve_on_its_default_port(final: Stage) -> None:
    check = final.last("HEALTHCHECK")
    options, _, command = check.partition("CMD ")
    assert re.search(r"--interval=\d+s", options) and re.search(r"--timeout=\d+s", options)
    argv = exec_form(command)
    assert argv[:2] == ["python", "-c"]
    assert f"http://127.0.0.1:{DEFAULT_PORT}/healthz" in argv[2]
    assert final.last("EXPOSE") == str(DEFAULT_PORT)


def test_extras_built_are_extras_of_the_package() -> None:
    extras = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"])
    build = dockerfile_stages()[0]
    default = set(build.args["EXTRAS"].split(","))
    assert default <= extras and {"server", "celery", "postgres"} <= default
    compose_extras = set(compose()["x-opsctl"]["build"]["args"]["EXTRAS"].split(","))
    assert compose_extras <= extras


def ignored(path: str, rules: list[str]) -> bool:
    """.dockerignore's verdict on ``path`` (last matching rule wins; a rule matching a parent
    directory matches what is under it)."""
    verdict = False
    parts = path.split("/")
    candidates = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    for rule in rules:
        negated = rule.startswith("!")
        pattern = rule.lstrip("!").rstrip("/")
        if any(fnmatch.fnmatchcase(c, pattern) or fnmatch.fnmatchcase(c, pattern.replace("**/", ""))
               for c in candidates):
            verdict = not negated
    return verdict


def test_dockerignore_keeps_what_the_build_copies_and_drops_local_state() -> None:
    rules = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    build = dockerfile_stages()[0]
    copied = [p for value in build.all("COPY") for p in value.split()[:-1]]
    assert copied == ["pyproject.toml", "README.md", "LICENSE", "src"]
    for source in copied:
        assert (ROOT / source).exists()
        assert not ignored(source, rules)
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert pyproject["readme"] == "README.md" and pyproject["license-files"] == ["LICENSE"]
    assert not ignored("src/opsctl/cli/main.py", rules)
    assert not ignored("src/opsctl/service/dashboard/templates/base.html", rules)
    for local in (".git/config", ".venv/bin/python", ".opsctl/plan-signing.key",
                  ".opsctl/state.db", "src/opsctl/__pycache__/x.cpython-311.pyc",
                  "src/opsctl.egg-info/PKG-INFO", "tests/conftest.py", "celery-5.7.0.whl"):
        assert ignored(local, rules), local


# --- compose.yaml ------------------------------------------------------------------------


def compose() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def interpolate(value: str) -> str:
    """The value compose uses with none of the variables set: ``${X:-d}`` is d, ``$$`` is $."""
    value = re.sub(r"\$\{(\w+)(?::?-([^}]*))?\}", lambda m: m.group(2) or "", value)
    return value.replace("$$", "$")


def opsctl_command(argv: list[str]) -> click.Command:
    """The click command ``opsctl ARGV`` runs, its arguments parsed (UsageError if they do
    not): built-in verbs only, as a service must not depend on a project's automations."""
    verb, *rest = argv
    assert verb in BUILTINS, f"{verb!r} is not an opsctl command"
    module, _, attr = BUILTINS[verb][0].rpartition(":")
    command: click.Command = getattr(
        importlib.import_module(f"opsctl.cli.{module or 'builtins'}"), attr)
    name, parent = verb, None
    while isinstance(command, click.Group) and rest and not rest[0].startswith("-"):
        ctx = command.make_context(name, [], parent=parent, resilient_parsing=True)
        (name, *rest), parent = rest, ctx
        sub = command.get_command(ctx, name)
        assert sub is not None, f"opsctl {verb} has no subcommand {name!r}"
        command = sub
    command.make_context(name, list(rest), parent=parent)
    return command


@pytest.fixture(scope="module")
def services() -> dict[str, Any]:
    return compose()["services"]


def test_services_and_their_dependencies(services: dict[str, Any]) -> None:
    assert {"postgres", "redis", *OPSCTL_SERVICES} <= set(services)
    for name in OPSCTL_SERVICES:
        service = services[name]
        assert service["image"] == "opsctl:local" and service["build"]["context"] == "."
        assert service["depends_on"] == {"postgres": {"condition": "service_healthy"},
                                         "redis": {"condition": "service_healthy"}}
        assert service["init"] is True
    for name, service in services.items():
        for dependency in service.get("depends_on", {}):
            assert services[dependency]["healthcheck"]["test"], dependency
        if "cli" not in service.get("profiles", []):
            assert not service["healthcheck"].get("disable"), name
            assert service["healthcheck"]["test"], name


@pytest.mark.parametrize("name", ["serve", "worker", "scheduler", "cli"])
def test_each_command_is_a_real_opsctl_command(services: dict[str, Any], name: str) -> None:
    command = services[name]["command"]
    assert isinstance(command, list), "exec form: no shell between the entrypoint and opsctl"
    opsctl_command(command)
    test = services[name]["healthcheck"].get("test") or []
    if test[:2] == ["CMD", "opsctl"]:
        opsctl_command(test[2:])


def test_commands_are_the_verbs_they_should_be(services: dict[str, Any]) -> None:
    assert [services[n]["command"][0] for n in OPSCTL_SERVICES] == list(OPSCTL_SERVICES)


def test_serve_listens_where_it_is_published_and_checked(services: dict[str, Any]) -> None:
    serve = services["serve"]
    argv = serve["command"]
    assert argv[argv.index("--host") + 1] == "0.0.0.0"
    assert "--allow-insecure-remote" in argv, "a non-loopback address without TLS is refused"
    port = argv[argv.index("--port") + 1]
    assert serve["ports"] == [f"127.0.0.1:{port}:{port}"], "published on the host's loopback"
    check = serve["healthcheck"]["test"]
    assert check[:3] == ["CMD", "python", "-c"]
    assert f"http://127.0.0.1:{port}/readyz" in check[3]


def test_worker_health_check_pings_the_node_the_worker_names(services: dict[str, Any]) -> None:
    worker = services["worker"]
    argv = worker["command"]
    assert argv[argv.index("--name") + 1] == "opsctl@%h"  # Celery: %h is the hostname
    kind, script = worker["healthcheck"]["test"]
    assert kind == "CMD-SHELL"
    words = shlex.split(interpolate(script))
    assert words[:4] == ["celery", "--broker", "$OPSCTL_BROKER_URL", "inspect"]
    assert words[words.index("--destination") + 1] == "opsctl@$HOSTNAME"


def test_environment_names_are_opsctl_settings_and_shared(services: dict[str, Any]) -> None:
    known = {ENV_PREFIX + key.upper() for key in (*ENV_KEYS, *LIST_ENV_KEYS, "log_levels")}
    prefixes = (SECRET_ENV_PREFIX, RETRY_ENV_PREFIX, AUTOMATION_ENV_PREFIX)
    for name, service in services.items():
        for variable in service.get("environment", {}):
            if variable.startswith(ENV_PREFIX):
                assert variable in known or variable.startswith(prefixes), (name, variable)
    envs = [services[n]["environment"] for n in (*OPSCTL_SERVICES, "cli")]
    assert all(env == envs[0] for env in envs), "one store, one broker, one executor"
    env = envs[0]
    store = urlsplit(interpolate(env["OPSCTL_STORE_URL"]))
    postgres = services["postgres"]["environment"]
    assert (store.scheme, store.hostname, store.port) == ("postgresql", "postgres", 5432)
    assert store.username == postgres["POSTGRES_USER"]
    assert store.path == "/" + postgres["POSTGRES_DB"]
    assert store.password == interpolate(postgres["POSTGRES_PASSWORD"])
    broker = urlsplit(interpolate(env["OPSCTL_BROKER_URL"]))
    assert (broker.scheme, broker.hostname) == ("redis", "redis")
    assert env["OPSCTL_EXECUTOR"] == "celery"


def test_mounts_match_the_image(services: dict[str, Any], final: Stage) -> None:
    state_dir = exec_form(final.last("VOLUME"))[0]
    for name in OPSCTL_SERVICES:
        volumes = services[name]["volumes"]
        assert f"opsctl-state:{state_dir}" in volumes
        assert any(v.endswith(f":{final.last('WORKDIR')}:ro") for v in volumes)
    assert "opsctl-state" in compose()["volumes"]


def test_stop_grace_period_outlasts_opsctl_stop_grace(services: dict[str, Any]) -> None:
    grace = parse_duration(DEFAULTS["stop_grace"]).total_seconds()
    for name in OPSCTL_SERVICES:
        assert parse_duration(services[name]["stop_grace_period"]).total_seconds() > grace


def strings(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from strings(value, f"{path}[{i}]")
    elif isinstance(node, str):
        yield path, node


def test_no_secret_literals_beyond_the_local_development_placeholder() -> None:
    for path, value in strings(compose()):
        name = path.rsplit(".", 1)[-1]
        if SECRET_NAME.search(name):
            match = re.fullmatch(r"\$\{(\w+)(?::-([^}]*))?\}", value)
            assert match, f"{path}: a secret comes from the environment, not a literal"
            assert match.group(2) in (None, *PLACEHOLDERS), path
        for url in re.findall(r"\w+://\S+", value):
            password = re.match(r"\w+://[^:/@]+:([^@]+)@", url)
            if password:
                assert re.fullmatch(r"\$\{\w+:-opsctl-local-dev\}", password.group(1)), path
        assert not re.search(r"(ghp|ghs|gho|glpat|xox[bp])[-_][A-Za-z0-9]{10,}", value), path
    placeholder_uses = (ROOT / "compose.yaml").read_text().count("opsctl-local-dev")
    assert placeholder_uses == 2, "the placeholder appears where the password is, nowhere else"
