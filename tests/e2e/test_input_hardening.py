"""End-to-end: hostile or mistaken input is refused with exit 2, one readable line, nothing written.

"Nothing written" means: no ``.opsctl/`` state directory (so no catalog.cache, no store, no run
row) in a project that had none.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import OPSCTL, POSTGRES_URL, Project, clean_env, run_opsctl

PROBE = '''
from pydantic import BaseModel, ConfigDict, Field
from opsctl import Action, Automation, Duration, Secret

class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")
    subject: str = Field(default="world", description="What to touch")
    ratio: float = Field(default=1.0, description="A float")
    count: int = Field(default=1, description="An int")
    age: Duration = Field(default="1d", description="A duration")
    data: dict = Field(default_factory=dict, description="Free-form JSON")
    token: Secret | None = Field(default=None, description="A secret")

probe = Automation("probe", version="1.0.0", owner="tests", summary="Input probe",
                   request=Request, effect="mutate")

@probe.plan
def plan(ctx, req):
    yield Action(id="touch", kind="run", target=req.subject, reason="probe",
                 data={"request": req.model_dump(mode="json")})

@probe.apply
def apply(ctx, req, action):
    return None
'''


@pytest.fixture
def probe(project: Project) -> Project:
    project.add_module("probe_auto", PROBE)
    return project


def state_dir(project: Project) -> Path:
    return project.root / ".opsctl"


def assert_refused(r, needle: str, project: Project) -> None:  # type: ignore[no-untyped-def]
    assert r.code == 2, (r.stdout, r.stderr)
    assert needle in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr
    assert not state_dir(project).exists(), sorted(os.listdir(state_dir(project)))


def run_with_bytes(project: Project, args: list[bytes], env: dict[str, str] | None = None,
                   stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([OPSCTL.encode(), *args], cwd=project.root, env=env or project.env(),
                          input=stdin, capture_output=True, timeout=60)


# -- item 3: duration settings ---------------------------------------------------------------

BAD_DURATIONS = [
    pytest.param("lock_ttl", "0s", "lock_ttl", "out of range", id="lock-ttl-zero"),
    pytest.param("lock_ttl", "500ms", "lock_ttl", "out of range", id="lock-ttl-below-heartbeat"),
    pytest.param("lock_ttl", "2d", "lock_ttl", "out of range", id="lock-ttl-too-long"),
    pytest.param("lock_ttl", "-5", "lock_ttl", "must not be negative", id="lock-ttl-negative"),
    pytest.param("lock_ttl", "inf", "lock_ttl", "invalid duration", id="lock-ttl-inf"),
    pytest.param("lock_ttl", "99999999999d", "lock_ttl", "too long", id="lock-ttl-overflow"),
    pytest.param("plan_ttl", "0s", "plan_ttl", "out of range", id="plan-ttl-zero"),
    pytest.param("plan_ttl", "91d", "plan_ttl", "out of range", id="plan-ttl-too-long"),
    pytest.param("stop_grace", "0s", "stop_grace", "out of range", id="stop-grace-zero"),
    pytest.param("stop_grace", "2h", "stop_grace", "out of range", id="stop-grace-too-long"),
    pytest.param("stop_grace", "nan", "stop_grace", "invalid duration", id="stop-grace-nan"),
]


@pytest.mark.parametrize("layer", ["file", "env"])
@pytest.mark.parametrize(("key", "value", "names", "needle"), BAD_DURATIONS)
def test_bad_duration_settings_are_config_errors(probe: Project, layer: str, key: str, value: str,
                                                 names: str, needle: str) -> None:
    env = None
    if layer == "file":
        probe.write_config(f"{key} = {json.dumps(value)}\n")
    else:
        env = probe.env({f"OPSCTL_{key.upper()}": value})
    for args in (["probe", "--dry-run"], ["list"]):
        r = probe.run(*args, env=env)
        assert_refused(r, f"config key {names!r}", probe)
        assert needle in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(("key", "value"), [
    ("lock_ttl", "1s"), ("lock_ttl", "24h"), ("plan_ttl", "1s"), ("plan_ttl", "90d"),
    ("stop_grace", "100ms"), ("stop_grace", "1h")], ids=lambda v: str(v))
def test_duration_settings_at_their_bounds_are_accepted(probe: Project, key: str, value: str) -> None:
    probe.write_config(f"{key} = {json.dumps(value)}\n")
    r = probe.run("config", "show", "--format", "json", expect_json=True)
    assert r.code == 0, r.stderr
    assert r.doc[key]["layer"].startswith("repo:")


# -- item 8: request documents, flags, argv, config files -------------------------------------

BAD_DOCUMENTS = [
    pytest.param("req.json", b'{"data": ' * 5000 + b"1" + b"}" * 5000, "nested too deeply",
                 id="json-nested-5000"),
    pytest.param("req.yaml", b"data:\n  " + b"- " * 5000 + b"1\n", "nested too deeply",
                 id="yaml-nested-5000"),
    pytest.param("req.json", b'{"data": {"a": ' + b"[" * 100 + b"]" * 100 + b"}}",
                 "nested too deeply", id="json-nested-100"),
    pytest.param("req.json", b'{"subject": "\\ud800"}', "not valid Unicode", id="lone-surrogate"),
    pytest.param("req.json", b'{"data": {"\\udfff": 1}}', "not valid Unicode",
                 id="lone-surrogate-key"),
    pytest.param("req.json", b'{"ratio": NaN}', "NaN is not a JSON number", id="json-nan"),
    pytest.param("req.json", b'{"data": {"x": Infinity}}', "Infinity is not a JSON number",
                 id="json-infinity"),
    pytest.param("req.json", b'{"ratio": -Infinity}', "Infinity is not a JSON number",
                 id="json-minus-infinity"),
    pytest.param("req.json", b'{"data": {"x": 1e400}}', "out of range", id="json-1e400"),
    pytest.param("req.json", b'{"count": ' + b"9" * 5000 + b"}", "more than 4300 digits",
                 id="json-5000-digit-int"),
    pytest.param("req.yaml", b"count: " + b"9" * 5000 + b"\n", "more than 4300 digits",
                 id="yaml-5000-digit-int"),
    pytest.param("req.yaml", b"data: {x: .nan}\n", "not a finite number", id="yaml-nan"),
    pytest.param("req.yaml", b"data: {x: -.inf}\n", "not a finite number", id="yaml-inf"),
    pytest.param("req.yaml", b'ratio: "nan"\n', "ratio: Input should be a finite number",
                 id="nan-as-text-into-float"),
    pytest.param("req.yaml", b"data: {1: a}\n", "keys must be strings", id="yaml-int-key"),
    pytest.param("req.yaml", b"data: !!binary aGVsbG8=\n", "not a JSON value", id="yaml-binary"),
    pytest.param("req.yaml", b"data: {a: !!set {x}}\n", "not a JSON value", id="yaml-set"),
    pytest.param("req.yaml", b"a: &a [1,1,1,1,1,1,1,1,1,1]\n" + b"".join(
        b"a%d: &a%d [%s]\n" % (i, i, b",".join([b"*a" + (b"%d" % (i - 1) if i > 1 else b"")] * 10))
        for i in range(1, 10)), "more than 1000000 values", id="yaml-alias-bomb"),
    pytest.param("req.yaml", b"subject: \xff\xfe\n", "not UTF-8 text", id="not-utf8"),
    pytest.param("req.json", b"[" * 100_000, "nested too deeply", id="json-100000-brackets"),
    pytest.param("req.yaml", b"[" * 100_000, "nested too deeply", id="yaml-100000-brackets"),
]


@pytest.mark.parametrize(("name", "content", "needle"), BAD_DOCUMENTS)
def test_hostile_request_documents_exit_2_and_write_nothing(probe: Project, name: str,
                                                            content: bytes, needle: str) -> None:
    (probe.root / name).write_bytes(content)
    r = probe.run("probe", "--request", name)
    assert_refused(r, needle, probe)
    assert len(r.stderr.strip().splitlines()) == 1
    assert name in r.stderr or "invalid request for probe" in r.stderr


def test_a_large_integer_below_the_conversion_limit_is_handled(probe: Project) -> None:
    (probe.root / "req.yaml").write_text("count: " + "9" * 4000 + "\n")
    r = probe.run("probe", "--request", "req.yaml", "--dry-run", "--format", "json")
    assert r.code == 10, r.stderr
    assert r.doc["request"]["count"] == int("9" * 4000)


BAD_FLAGS = [
    pytest.param(["--ratio", "nan"], "--ratio: nan is not a finite number", id="float-nan"),
    pytest.param(["--ratio", "inf"], "--ratio: inf is not a finite number", id="float-inf"),
    pytest.param(["--ratio", "-inf"], "--ratio: -inf is not a finite number", id="float-minus-inf"),
    pytest.param(["--ratio", "1e400"], "--ratio: inf is not a finite number", id="float-1e400"),
    pytest.param(["--age", "inf"], "invalid duration 'inf'", id="duration-inf"),
    pytest.param(["--age", "nan"], "invalid duration 'nan'", id="duration-nan"),
    pytest.param(["--age", "99999999999d"], "too long", id="duration-overflow"),
    pytest.param(["--age", "1e400"], "too long", id="duration-1e400"),
    pytest.param(["--wait-lock", "99999999999d"], "too long", id="wait-lock-overflow"),
    pytest.param(["--data", '{"a": NaN}'], "NaN is not a JSON number", id="json-flag-nan"),
    pytest.param(["--data", '{"a": 1, "a": 2}'], "duplicate key 'a'", id="json-flag-duplicate"),
    pytest.param(["--data", "[" * 5000 + "]" * 5000], "nested too deeply", id="json-flag-deep"),
    pytest.param(["--data", '{"a": "\\ud800"}'], "not valid Unicode", id="json-flag-surrogate"),
]


@pytest.mark.parametrize(("args", "needle"), BAD_FLAGS)
def test_hostile_flags_exit_2_and_write_nothing(probe: Project, args: list[str], needle: str) -> None:
    r = probe.run("probe", *args)
    assert_refused(r, needle, probe)


@pytest.mark.parametrize("args", [
    pytest.param([b"probe", b"--subject", b"\xff\xfe"], id="flag-value"),
    pytest.param([b"\xff"], id="command-name"),
    pytest.param([b"probe", b"--request", b"\xc3("], id="path"),
])
def test_non_utf8_arguments_exit_2_and_write_nothing(probe: Project, args: list[bytes]) -> None:
    proc = run_with_bytes(probe, args)
    assert proc.returncode == 2, proc.stderr
    assert b"is not UTF-8 text" in proc.stderr
    assert b"Traceback" not in proc.stderr
    assert not state_dir(probe).exists()


def test_a_secret_that_is_not_text_is_refused_without_being_shown(probe: Project) -> None:
    """An invalid byte in OPSCTL_SECRET_TOKEN, on the command line or a lone surrogate in a
    request file: exit 2, naming where (the variable, the option, the field), never the value."""
    env = {**probe.env(), "OPSCTL_SECRET_TOKEN": "MyL0ngS3cret\udcff"}  # the byte 0xff
    from_env = run_with_bytes(probe, [b"probe", b"--dry-run", b"--format", b"json"], env=env)
    (probe.root / "rs.json").write_text('{"token": "MyD0cS3cret\\ud800"}')
    from_file = run_with_bytes(probe, [b"probe", b"--request", b"rs.json", b"--dry-run"])
    from_flag = run_with_bytes(probe, [b"probe", b"--token", b"MyFl4gS3cret\xff", b"--dry-run"])
    for proc, where in ((from_env, b"OPSCTL_SECRET_TOKEN: not valid Unicode text (byte 0xff "
                                   b"at character 13)"),
                        (from_file, b"token: not valid Unicode text (the lone surrogate U+D800 "
                                    b"at character 12)"),
                        (from_flag, b"argument 3 (the value of --token) is not UTF-8 text "
                                    b"(byte 0xff at character 13)")):
        assert proc.returncode == 2, proc.stderr
        assert where in proc.stderr, proc.stderr
        assert b"S3cret" not in proc.stderr + proc.stdout
    assert json.loads(from_env.stdout)["error"]["type"] == "validation"
    assert not state_dir(probe).exists()


@pytest.mark.parametrize("value", ["inf", "99999999999d", "nan", "1e400"])
def test_overflowing_lock_ttl_in_the_environment_is_a_config_error(probe: Project, value: str) -> None:
    r = probe.run("probe", "--dry-run", env=probe.env({"OPSCTL_LOCK_TTL": value}))
    assert_refused(r, "config key 'lock_ttl' (from env)", probe)


BAD_CONFIGS = [
    pytest.param(b'automations = 5\n', "config key 'automations'", id="automations-int"),
    pytest.param(b'automations = [5]\n', "config key 'automations.0'", id="automations-list-of-int"),
    pytest.param(b'automations = ["probe_auto"]\npython_path = ["."]\nstate_dir = 5\n',
                 "config key 'state_dir'", id="state-dir-int"),
    pytest.param(b'automations = ["probe_auto"]\npython_path = "."\n', "config key 'python_path'",
                 id="python-path-string"),
    pytest.param(b'automations = ["probe_auto"]\npython_path = ["."]\n\xff\xfe = 1\n',
                 "is not UTF-8 text", id="not-utf8"),
    pytest.param(b"a = " + b"[" * 5000 + b"]" * 5000 + b"\n", "nested too deeply",
                 id="nested-arrays"),
    pytest.param(b'automations = ["probe_auto"]\npython_path = ["."]\nnope = 1\n',
                 "unknown config key 'nope'", id="unknown-key"),
    pytest.param(b'automations = ["probe_auto"]\npython_path = ["."]\nmax_input_size = "0"\n',
                 "config key 'max_input_size'", id="bad-value"),
    # tables whose schema lives with their feature are checked with the settings too
    pytest.param(b'automations = ["probe_auto"]\npython_path = ["."]\n[retry]\nattempts = "abc"\n',
                 "config key 'retry' (from repo:", id="retry-attempts-text"),
    pytest.param(b'automations = ["probe_auto"]\npython_path = ["."]\n[retry]\nbogus = 1\n',
                 "unknown retry setting 'bogus'", id="retry-unknown-key"),
    pytest.param(b'automations = ["probe_auto"]\npython_path = ["."]\n'
                 b'[automation.probe.retry]\nattempts = 0\n',
                 "config key 'automation.probe.retry'", id="automation-retry-zero"),
    pytest.param(b'automations = ["probe_auto"]\npython_path = ["."]\n'
                 b'[[permissions.grants]]\nrole = "operater"\nto = ["bob"]\n',
                 "unknown role 'operater'", id="permissions-unknown-role"),
    pytest.param(b'automations = ["probe_auto"]\npython_path = ["."]\n'
                 b'[[permissions.grants]]\nrole = "operator"\nto = ["group:ops"]\n',
                 "group 'ops' is not defined in [groups]", id="permissions-undefined-group"),
    pytest.param(b'automations = ["probe_auto"]\npython_path = ["."]\n'
                 b'store_url = "mysql://ops:hunter2@db/ops"\n',
                 "config key 'store_url' (from repo:", id="store-url-scheme"),
]


@pytest.mark.parametrize("command", [["probe", "--dry-run"], ["list"], ["runs"], ["config", "show"]],
                         ids=["automation", "list", "runs", "config-show"])
@pytest.mark.parametrize(("content", "needle"), BAD_CONFIGS)
def test_bad_config_files_exit_2_and_write_nothing(probe: Project, command: list[str],
                                                   content: bytes, needle: str) -> None:
    (probe.root / "opsctl.toml").write_bytes(content)
    r = probe.run(*command)
    assert_refused(r, needle, probe)


def test_config_file_that_is_a_device_is_refused(probe: Project) -> None:
    r = probe.run("--config", "/dev/zero", "list", timeout=30)
    assert_refused(r, "config file /dev/zero is not a regular file", probe)


# -- item 9: bounded request files -------------------------------------------------------------

@pytest.mark.parametrize(("path", "needle"), [
    pytest.param("/dev/zero", "is not a regular file", id="device"),
    pytest.param("fifo", "is not a regular file", id="fifo-without-writer"),
    pytest.param(".", "is a directory", id="directory"),
    pytest.param("missing.yaml", "does not exist", id="missing"),
])
def test_request_files_that_are_not_documents_are_refused_at_once(probe: Project, path: str,
                                                                  needle: str) -> None:
    os.mkfifo(probe.root / "fifo")
    began = time.monotonic()
    r = probe.run("probe", "--request", path, timeout=30)
    assert_refused(r, f"request file {path} {needle}", probe)
    assert time.monotonic() - began < 20


@pytest.mark.parametrize("via", ["env", "config"])
def test_request_files_over_max_input_size_are_refused(probe: Project, via: str) -> None:
    (probe.root / "req.yaml").write_text("subject: " + "x" * 200 + "\n")
    env = None
    if via == "env":
        env = probe.env({"OPSCTL_MAX_INPUT_SIZE": "100"})
    else:
        probe.write_config('max_input_size = "100"\n')
    r = probe.run("probe", "--request", "req.yaml", env=env)
    assert_refused(r, "over the limit of 100 (setting max_input_size)", probe)
    piped = probe.run("probe", "--request", "-", env=env, input="subject: " + "x" * 200 + "\n")
    assert_refused(piped, "request file - is over the limit of 100 bytes", probe)


def test_request_file_within_max_input_size_is_read(probe: Project) -> None:
    (probe.root / "req.yaml").write_text("subject: here\n")
    r = probe.run("probe", "--request", "req.yaml", "--dry-run", "--format", "json",
                  env=probe.env({"OPSCTL_MAX_INPUT_SIZE": "1KiB"}))
    assert r.code == 10, r.stderr
    assert r.doc["request"]["subject"] == "here"


# -- item 10: one strict YAML loader -------------------------------------------------------------

@pytest.mark.parametrize("text", ["yes", "no", "on", "off", "y", "0755", "1:30", "2024-01-01",
                                  "1_000", "0x1F", "0o17", "12:30:45"])
def test_yaml_1_1_coercions_do_not_happen(probe: Project, text: str) -> None:
    (probe.root / "req.yaml").write_text(f"subject: {text}\ndata: {{value: {text}}}\n")
    r = probe.run("probe", "--request", "req.yaml", "--dry-run", "--format", "json")
    assert r.code == 10, r.stderr
    assert r.doc["request"]["subject"] == text
    assert r.doc["request"]["data"] == {"value": text}


@pytest.mark.parametrize(("text", "value"), [
    ("true", True), ("false", False), ("True", True), ("null", None), ("~", None), ("42", 42),
    ("-7", -7), ("0", 0), ("1.5", 1.5), ("1e3", 1000.0), ('"0755"', "0755")])
def test_yaml_core_scalars_keep_their_meaning(probe: Project, text: str, value: object) -> None:
    (probe.root / "req.yaml").write_text(f"data: {{value: {text}}}\n")
    r = probe.run("probe", "--request", "req.yaml", "--dry-run", "--format", "json")
    assert r.code == 10, r.stderr
    assert r.doc["request"]["data"] == {"value": value}


@pytest.mark.parametrize(("text", "data"), [
    pytest.param("op: <<\n", {"op": "<<"}, id="a-value"),
    pytest.param("ops: [<<, '>>']\n", {"ops": ["<<", ">>"]}, id="a-list-item"),
    pytest.param("base: &b {x: 1}\nover: {<<: *b, y: 2}\n",
                 {"base": {"x": 1}, "over": {"x": 1, "y": 2}}, id="still-a-merge-as-a-key"),
])
def test_a_plain_double_less_than_is_text_unless_it_is_a_merge_key(
        text: str, data: dict[str, object]) -> None:
    """(was: "could not determine a constructor for the tag 'tag:yaml.org,2002:merge'" for
    `op: <<`, a request document that YAML 1.2 reads as the text it is)"""
    from opsctl.config.strict_documents import parse_yaml

    assert parse_yaml(text) == data


def test_sexagesimal_time_into_an_int_field_is_refused_not_90(probe: Project) -> None:
    (probe.root / "req.yaml").write_text("count: 1:30\n")
    r = probe.run("probe", "--request", "req.yaml", "--dry-run")
    assert_refused(r, "count: Input should be a valid integer", probe)


@pytest.mark.parametrize(("name", "content", "needle"), [
    pytest.param("req.yaml", "subject: /tmp\nsubject: /etc\n", "found duplicate key 'subject'",
                 id="yaml"),
    pytest.param("req.yaml", "data:\n  a: 1\n  a: 2\n", "found duplicate key 'a'", id="yaml-nested"),
    pytest.param("req.json", '{"subject": "/tmp", "subject": "/etc"}', "duplicate key 'subject'",
                 id="json"),
])
def test_duplicate_keys_in_request_documents_are_errors(probe: Project, name: str, content: str,
                                                        needle: str) -> None:
    (probe.root / name).write_text(content)
    r = probe.run("probe", "--request", name)
    assert_refused(r, needle, probe)


def test_policy_file_and_request_documents_share_the_loader() -> None:
    from opsctl.config import strict_documents
    from opsctl.governance import policy_file

    assert policy_file.parse_yaml is strict_documents.parse_yaml
    assert policy_file.parse_json is strict_documents.parse_json


# -- item 11: request fields named like built-in options ----------------------------------------

def _reserved_fields() -> list[str]:
    from opsctl.cli.automation_cmd import builtin_options

    fields = set()
    for name in builtin_options():
        if name.startswith("--"):
            fields.add(name[2:].replace("-", "_"))
        elif name.isidentifier() and not name.startswith("_"):
            fields.add(name)
    return sorted(fields)


RESERVED = _reserved_fields()


def test_reserved_fields_cover_the_options_the_issue_names() -> None:
    for name in ("out", "at", "concurrency", "dry_run", "wait_lock", "max_failures", "request",
                 "format", "config", "verbose", "quiet", "help", "as_actor", "opts"):
        assert name in RESERVED


@pytest.mark.parametrize("kind", ["str", "bool"])
@pytest.mark.parametrize("field", RESERVED)
def test_every_reserved_field_name_is_refused(field: str, kind: str) -> None:
    from pydantic import create_model

    from opsctl.contract.flags import flag_clash, flag_specs

    model = create_model("Request", **{field: (str if kind == "str" else bool, "x" if kind == "str"
                                               else False)})  # type: ignore[call-overload]
    problem = flag_clash(flag_specs(model))
    assert problem is not None
    assert f"request field {field!r} clashes with the built-in option" in problem


def test_a_bool_field_and_its_no_form_clash() -> None:
    from pydantic import create_model

    from opsctl.contract.flags import flag_clash, flag_specs

    model = create_model("Request", dark=(bool, False), no_dark=(str, ""))
    assert flag_clash(flag_specs(model)) == ("request fields 'dark' and 'no_dark' both make the "
                                             "flag --no-dark; rename one")


SHADOWED = '''
from pydantic import BaseModel, Field
from opsctl import Action, Automation

class Request(BaseModel):
    {field}: {annotation} = Field(default={default}, description="Shadowed")

shadow = Automation("shadow", version="1.0.0", owner="tests", summary="Shadowed field",
                    request=Request, effect="mutate")

@shadow.plan
def plan(ctx, req):
    yield Action(id="x", kind="run", target=str(req.{field}), reason="r")

@shadow.apply
def apply(ctx, req, action):
    return None
'''


@pytest.mark.parametrize(("field", "annotation", "default", "option"), [
    pytest.param("out", "str", '"/tmp/default"', "--out", id="out"),
    pytest.param("dry_run", "bool", "False", "--dry-run", id="dry-run-bool"),
    pytest.param("verbose", "bool", "False", "-v/--verbose", id="verbose-bool"),
    pytest.param("concurrency", "int", "1", "--concurrency", id="concurrency"),
    pytest.param("yes", "bool", "False", "-y/--yes/--auto-approve", id="yes-bool"),
    pytest.param("no_color", "str", '"x"', "--no-color", id="no-color"),
])
def test_a_shadowed_field_is_refused_when_the_automation_is_loaded(
        project: Project, field: str, annotation: str, default: str, option: str) -> None:
    project.add_module("shadow_auto", SHADOWED.format(field=field, annotation=annotation,
                                                      default=default))
    for args in (["list"], ["shadow", "--dry-run"], ["plan", "shadow"], ["describe", "shadow"]):
        r = project.run(*args)
        assert_refused(r, f"request field {field!r} clashes with the built-in option {option}",
                       project)
        assert "automation 'shadow' (shadow_auto" in r.stderr


def test_a_request_model_without_a_json_schema_is_refused_when_loaded(project: Project) -> None:
    """A field of a type with no JSON Schema (a callable, with arbitrary types allowed): exit 2
    naming the automation and the field, for every command (was: `list` and --dry-run went on,
    then `describe`, `schema` and `contract lock` failed with exit 1, an internal error)."""
    source = SHADOWED.format(field="hook", annotation="Callable[[int], int] | None",
                             default="None")
    source = source.replace("from pydantic import BaseModel, Field",
                            "from typing import Callable\n"
                            "from pydantic import BaseModel, ConfigDict, Field")
    source = source.replace("class Request(BaseModel):\n",
                            "class Request(BaseModel):\n"
                            "    model_config = ConfigDict(arbitrary_types_allowed=True)\n")
    project.add_module("shadow_auto", source)
    for args in (["list"], ["shadow", "--dry-run"], ["describe", "shadow"], ["schema", "shadow"],
                 ["contract", "lock"]):
        r = project.run(*args)
        assert_refused(r, "its request model has no JSON Schema", project)
        assert "automation 'shadow' (shadow_auto" in r.stderr and "field 'hook'" in r.stderr
    assert not (project.root / "opsctl.contracts.json").exists()


@pytest.mark.parametrize(("annotation", "default", "message"), [
    pytest.param("Callable[[], int]", "print", "its request model has no JSON Schema",
                 id="callable-with-a-default"),
    pytest.param("Any", "object()", "its default cannot be written as a JSON value",
                 id="default-not-json"),
    pytest.param("list[str]", "Factory", "its default cannot be written as a JSON value "
                 "(ZeroDivisionError", id="default-factory-raises"),
])
def test_a_field_whose_default_has_no_json_is_refused_when_loaded(
        project: Project, annotation: str, default: str, message: str) -> None:
    """Exit 2 naming the automation and the field (was: exit 1, 'internal error', for every
    command that loads the automations)."""
    source = SHADOWED.format(field="hook", annotation=annotation, default=default)
    source = source.replace("from pydantic import BaseModel, Field",
                            "from typing import Any, Callable\n"
                            "from pydantic import BaseModel, Field\n"
                            "class Factory(list):\n"
                            "    def __init__(self):\n"
                            "        1 / 0\n")
    source = source.replace("Field(default=Factory,", "Field(default_factory=Factory,")
    project.add_module("shadow_auto", source)
    for args in (["list"], ["shadow", "--dry-run"], ["describe", "shadow"]):
        r = project.run(*args)
        assert_refused(r, message, project)
        assert "automation 'shadow' (shadow_auto" in r.stderr and "'hook'" in r.stderr
        assert "Warning" not in r.stderr


def test_a_single_letter_field_does_not_clash_with_a_short_option(project: Project) -> None:
    project.add_module("shadow_auto", SHADOWED.format(field="v", annotation="str", default='"a"'))
    r = project.run("shadow", "--v", "given", "-v", "--dry-run", "--format", "json")
    assert r.code == 10, r.stderr
    assert r.doc["request"] == {"v": "given"}


# -- item 12: import errors, config errors write nothing, list validates -------------------------

def test_every_catalog_command_names_the_module_that_fails_to_import(probe: Project) -> None:
    probe.add_module("broken_auto", "import no_such_dependency_here\n")
    for args in (["list"], ["probe", "--dry-run"], ["plan", "probe"], ["describe", "probe"],
                 ["schema", "probe"], ["no-such-automation"]):
        r = probe.run(*args)
        assert_refused(r, "automation module 'broken_auto'", probe)
        assert "failed to import: ModuleNotFoundError: No module named 'no_such_dependency_here'" \
            in r.stderr
    helped = probe.run("--help")
    assert helped.code == 0
    assert "broken_auto" in helped.stderr


SECRET_LENGTH = '''
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    pass

length = Automation("secret-length", version="1.0.0", owner="tests", summary="s",
                    request=Request, effect="read")

@length.plan
def plan(ctx, req):
    yield Action(id="x", kind="run", target=f"length-{len(ctx.secrets['api'])}", reason="r")
'''


def test_a_secret_file_path_in_opsctl_toml_is_relative_to_that_file(project: Project) -> None:
    """`file:token` in [secrets] names the file beside opsctl.toml, as state_dir and
    python_path do, wherever opsctl is run from (was: relative to the working directory, so a
    subfolder read its own `token`, or exit 2 'cannot read')."""
    project.add_module("secret_length_auto", SECRET_LENGTH)
    project.write_config('[secrets]\napi = "file:token"\n')
    (project.root / "token").write_text("twelve-chars\n")
    sub = project.root / "deploy"
    sub.mkdir()
    for cwd in (project.root, sub):
        if cwd == sub:
            (sub / "token").write_text("other\n")  # another file of that name: not read
        r = run_opsctl("secret-length", "--dry-run", "--format", "json", cwd=cwd,
                       env=project.env())
        assert r.code in (0, 10), r.stderr
        assert [a["target"] for a in r.doc["plan"]["actions"]] == ["length-12"]


@pytest.mark.parametrize(("body", "says"), [
    pytest.param(b"", "is empty", id="empty"),
    pytest.param(b" \n\n", "is empty", id="blank"),
    pytest.param(b"s3cret\xff\n", "is not UTF-8 text (invalid byte at offset 6)", id="not-utf8"),
])
def test_a_secret_file_empty_or_not_text_is_a_configuration_error(
        probe: Project, body: bytes, says: str) -> None:
    """A secret's file:PATH truncated to nothing (a secret mount not there yet, a failed
    write) or not UTF-8: exit 2 naming the secret and the file, nothing run (was: the empty
    string as the secret, and for bytes not UTF-8, Python's codec message alone)."""
    (probe.root / "pw.txt").write_bytes(body)
    probe.write_config('[secrets]\ndb = "file:pw.txt"\n')
    for args in (["list"], ["probe", "--dry-run"]):
        r = probe.run(*args)
        assert_refused(r, f"secret 'db': {probe.root / 'pw.txt'} {says}", probe)
        assert "codec" not in r.stderr


def test_a_named_secret_in_a_modules_import_error_is_masked(probe: Project) -> None:
    """A module that fails while connecting at import time quotes its exception: the named
    secrets' values in it (from the environment and from [secrets]) are masked, on stderr and in
    the result document, whichever command meets it."""
    probe.add_module("broken_auto", "import os\nraise RuntimeError('cannot connect with ' + "
                     "os.environ['OPSCTL_SECRET_API_KEY'] + ' and ' + open('pw.txt').read())\n")
    (probe.root / "pw.txt").write_text("FileS3cretValue")
    probe.write_config('[secrets]\ndb = "file:pw.txt"\n')
    env = probe.env({"OPSCTL_SECRET_API_KEY": "BrokenS3cretVal"})
    for args in (["list"], ["probe", "--dry-run"], ["plan", "probe"], ["describe", "probe"],
                 ["list", "--format", "json"], ["probe", "--dry-run", "--format", "json"]):
        r = probe.run(*args, env=env)
        assert r.code == 2, (args, r.stderr)
        assert "cannot connect with *** and ***" in r.stderr, r.stderr
        assert "S3cretVal" not in r.stderr + r.stdout, args


@pytest.mark.parametrize(("extra", "env"), [
    pytest.param('lock_ttl = "0s"\n', {}, id="file-value"),
    pytest.param("", {"OPSCTL_LOCK_TTL": "0s"}, id="env-value"),
    pytest.param("bogus = 1\n", {}, id="unknown-key"),
    pytest.param('journal_mode = "fast"\n', {}, id="bad-choice"),
    pytest.param("[secrets]\npw = \"env:OPSCTL_TEST_UNSET_VARIABLE\"\n", {}, id="secret-unset-var"),
])
def test_list_rejects_what_an_automation_command_rejects_even_when_warm(
        probe: Project, extra: str, env: dict[str, str]) -> None:
    warm = probe.run("list")
    assert warm.code == 0 and "probe" in warm.stdout
    cache = state_dir(probe) / "catalog.cache"
    before = cache.read_bytes()
    probe.write_config(extra)
    for args in (["list"], ["probe", "--dry-run"]):
        r = probe.run(*args, env=probe.env(env))
        assert r.code == 2, r.stderr
        assert r.stderr.startswith("opsctl: error: ")
    assert cache.read_bytes() == before  # a failed validation is not remembered as a success
    assert not (state_dir(probe) / "state.db").exists()


def test_config_errors_on_a_cold_catalog_write_nothing(probe: Project) -> None:
    probe.write_config('lock_ttl = "0s"\n')
    r = probe.run("probe", "--dry-run")
    assert_refused(r, "config key 'lock_ttl'", probe)


def test_a_bad_request_on_a_cold_catalog_writes_nothing_and_a_good_one_warms_it(
        probe: Project) -> None:
    r = probe.run("probe", "--count", "many")
    assert_refused(r, "--count", probe)
    r = probe.run("probe", "--request", "missing.yaml")
    assert_refused(r, "does not exist", probe)
    ok = probe.run("probe", "--dry-run")
    assert ok.code == 10
    assert (state_dir(probe) / "catalog.cache").exists()


def test_catalog_cache_and_parsed_config_cache_are_owner_only(probe: Project) -> None:
    probe.write_config("[secrets]\ndb = \"s3cr3t-canary\"\n")
    assert probe.run("list").code == 0
    cache = state_dir(probe) / "catalog.cache"
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    assert b"s3cr3t-canary" not in cache.read_bytes()
    parsed = probe.root / ".home" / ".cache" / "opsctl" / "config.cache"
    assert stat.S_IMODE(parsed.stat().st_mode) == 0o600
    assert stat.S_IMODE(parsed.parent.stat().st_mode) == 0o700


# -- item 13: credentials in URLs, secrets as flags ----------------------------------------------

@pytest.mark.parametrize(("url", "shown"), [
    pytest.param("postgresql://ops:s3cr3t-canary@db.example/ops", "postgresql://ops:***@db.example/ops",
                 id="userinfo"),
    pytest.param("postgresql://ops:s3cr3t%40canary@db.example:5432/ops?sslmode=require",
                 "postgresql://ops:***@db.example:5432/ops?sslmode=require", id="percent-encoded"),
    pytest.param("postgresql://db.example/ops?user=ops&password=s3cr3t-canary",
                 "postgresql://db.example/ops?user=ops&password=***", id="query-parameter"),
    # a generated password pasted in without percent-encoding its '/', '?' or '#'
    pytest.param("postgresql://ops:s3cr3t/canary+x=@db.example/ops",
                 "postgresql://ops:***@db.example/ops", id="unencoded-slash"),
    pytest.param("postgresql://ops:s3cr3t?canary#x@db.example:5432/ops?sslmode=disable",
                 "postgresql://ops:***@db.example:5432/ops?sslmode=disable", id="unencoded-query"),
])
@pytest.mark.parametrize("layer", ["env", "file"])
def test_config_output_masks_url_passwords(probe: Project, url: str, shown: str, layer: str) -> None:
    env = probe.env({"OPSCTL_STORE_URL": url}) if layer == "env" else None
    if layer == "file":
        probe.write_config(f"store_url = {json.dumps(url)}\n")
    for args, as_json in ((["config", "show", "--format", "json"], True), (["config", "show"], False),
                          (["probe", "--show-config"], False),
                          (["probe", "--show-config", "--format", "json"], True)):
        r = probe.run(*args, env=env, expect_json=as_json)
        assert r.code == 0, r.stderr
        assert "s3cr3t" not in r.stdout + r.stderr
        if as_json:
            assert r.doc["store_url"]["value"] == shown
        else:
            assert shown in r.stdout


@pytest.mark.parametrize("url", [
    pytest.param("postgresql://ops:s3cr3t/canary@127.0.0.1:1/ops", id="unencoded-slash"),
    pytest.param("postgresql://ops:s3cr3t?canary@127.0.0.1:1/ops", id="unencoded-question-mark"),
    pytest.param("postgresql://ops:s3cr3t#canary@127.0.0.1:1/ops", id="unencoded-hash"),
    pytest.param("postgresql://ops:s3cr3t canary@127.0.0.1:1/ops", id="unencoded-blank"),
])
def test_a_store_url_password_with_unencoded_delimiters_is_never_shown(
        probe: Project, url: str) -> None:
    """libpq ends the credentials at a '/' (and a URL's authority at '?' or '#'): such a
    password is no password to it, but it is one to whoever wrote it, and stays masked in
    errors and `config show` (was: printed in clear)."""
    for args in (["probe", "--dry-run", "--format", "json"], ["runs"], ["config", "show"]):
        r = probe.run(*args, env=probe.env({"OPSCTL_STORE_URL": url}))
        assert "s3cr3t" not in r.stdout + r.stderr, (args, r.stdout + r.stderr)
        assert "canary" not in r.stdout + r.stderr, (args, r.stdout + r.stderr)


def test_a_store_url_whose_password_has_an_unencoded_slash_is_exit_2(probe: Project) -> None:
    """libpq ends the credentials at the '/': the user becomes the host and the password's
    start its port, which is no number. No retry reaches that server: exit 2 saying how to
    write the '/' (was: exit 4, "unreachable", retried in vain)."""
    url = "postgresql://ops:s3cr3t/canary@127.0.0.1:1/ops"
    r = probe.run("probe", "--dry-run", "--format", "json",
                  env=probe.env({"OPSCTL_STORE_URL": url}))
    assert r.code == 2, r.stderr
    assert "%2F" in r.doc["error"]["message"]
    assert "fix store_url" in r.doc["error"]["message"]
    assert "s3cr3t" not in r.stdout + r.stderr


def test_unreachable_store_error_masks_the_password(probe: Project) -> None:
    url = "postgresql://ops:s3cr3t-canary@127.0.0.1:1/ops?connect_timeout=2"
    r = probe.run("probe", "--dry-run", "--format", "json", env=probe.env({"OPSCTL_STORE_URL": url}))
    assert r.code == 4, r.stderr
    assert "postgresql://ops:***@127.0.0.1:1/ops" in r.doc["error"]["message"]
    assert "s3cr3t" not in r.stdout + r.stderr


@pytest.mark.parametrize("url", [
    pytest.param("postgresql://ops:s3cr3t%zzcanary@127.0.0.1:1/ops", id="bad-percent-escape"),
    pytest.param("postgresql://ops:s3cr3t%canary@127.0.0.1:1/ops", id="escape-not-utf8"),
    pytest.param("postgresql://ops:s3cr3t-canary@[::1/ops", id="unclosed-ipv6-bracket"),
])
def test_a_store_url_libpq_cannot_read_is_refused_with_its_password_masked(
        probe: Project, url: str) -> None:
    # libpq's own parse error quotes the token or the whole URL it could not read
    pytest.importorskip("psycopg")
    for as_json in (True, False):
        args = ["probe", "--dry-run"] + (["--format", "json"] if as_json else [])
        r = probe.run(*args, env=probe.env({"OPSCTL_STORE_URL": url}), expect_json=as_json)
        assert r.code == 2, r.stderr
        assert "fix store_url" in r.stdout + r.stderr
        assert "s3cr3t" not in r.stdout + r.stderr


def test_a_store_url_asking_ssl_of_a_server_without_it_is_exit_2(probe: Project) -> None:
    if not POSTGRES_URL:
        pytest.skip("needs OPSCTL_TEST_POSTGRES_URL")
    import psycopg

    url = POSTGRES_URL + ("&" if "?" in POSTGRES_URL else "?") + "sslmode=require"
    try:
        psycopg.connect(url, connect_timeout=10).close()
    except psycopg.OperationalError as exc:
        if "does not support SSL" not in str(exc):
            raise
    else:
        pytest.skip("the test server speaks SSL")
    r = probe.run("probe", "--dry-run", "--format", "json", env=probe.env({"OPSCTL_STORE_URL": url}))
    assert r.code == 2, r.stderr  # no retry makes it work: fix the URL or the server
    assert "SSL was required" in r.doc["error"]["message"]
    assert "fix store_url" in r.doc["error"]["message"]


def test_show_of_an_unknown_run_masks_the_store_password(tmp_path: Path) -> None:
    if not POSTGRES_URL:
        pytest.skip("needs OPSCTL_TEST_POSTGRES_URL")
    from tests.conftest import postgres_schema_url

    root = tmp_path / "proj"
    root.mkdir()
    for url in postgres_schema_url():
        with_password = url.replace("postgresql://", "postgresql://:s3cr3t-canary@", 1)
        env = clean_env(root / ".home", {"OPSCTL_STORE_URL": with_password})
        (root / ".home").mkdir(exist_ok=True)
        r = subprocess.run([OPSCTL, "show", "run_nope", "--format", "json"], cwd=root, env=env,
                           capture_output=True, text=True, timeout=60)
        assert r.returncode == 2, r.stderr
        assert "no run 'run_nope' in postgresql://:***@" in r.stderr
        assert "s3cr3t" not in r.stdout + r.stderr


def test_a_secret_given_as_a_flag_works_with_a_warning(probe: Project) -> None:
    r = probe.run("probe", "--token", "tok-canary-123", "--dry-run", "--format", "json")
    assert r.code == 10, r.stderr
    warning = ("--token was given on the command line, where other users can read it (ps, "
               "/proc); set OPSCTL_SECRET_TOKEN instead")
    assert warning in r.doc["warnings"]
    assert any(e.get("event") == "request.secret_flag" and e["message"] == warning
               for e in r.logs())
    assert "tok-canary-123" not in r.stdout + r.stderr


def test_a_secret_from_its_variable_has_no_warning(probe: Project) -> None:
    r = probe.run("probe", "--dry-run", "--format", "json",
                  env=probe.env({"OPSCTL_SECRET_TOKEN": "tok-canary-123"}))
    assert r.code == 10, r.stderr
    assert r.doc["warnings"] == []
    assert not any(e.get("event") == "request.secret_flag" for e in r.logs())


@pytest.mark.parametrize(("database", "needle"), [
    pytest.param("/opsctl_no_such_database", 'database "opsctl_no_such_database" does not exist',
                 id="database"),
    pytest.param("user", 'role "opsctl_no_such_role" does not exist', id="role"),
    # a URL libpq refuses to read: no retry makes it right either
    pytest.param("?bogusparam=1", 'invalid URI query parameter: "bogusparam"', id="parameter"),
    pytest.param("?sslmode=bogus", 'invalid sslmode value: "bogus"', id="sslmode"),
    pytest.param("port", 'invalid integer value "notaport"', id="port"),
    pytest.param("port-range", 'invalid port number: "99999"', id="port-range"),
])
def test_a_postgres_store_url_naming_nothing_the_server_has_is_exit_2(
        probe: Project, database: str, needle: str) -> None:
    """The server answered and refused the name: no retry fixes that (exit 2, fix store_url),
    where a server that does not answer is exit 4."""
    if not POSTGRES_URL:
        pytest.skip("needs OPSCTL_TEST_POSTGRES_URL")
    from urllib.parse import urlsplit

    parts = urlsplit(POSTGRES_URL)
    if database == "user":
        url = parts._replace(netloc=f"opsctl_no_such_role:pw@{parts.hostname}:{parts.port or 5432}"
                             ).geturl()
    elif database == "port":
        url = parts._replace(netloc=f"{parts.hostname}:notaport").geturl()
    elif database == "port-range":
        url = parts._replace(netloc=f"{parts.hostname}:99999").geturl()
    elif database.startswith("?"):
        url = POSTGRES_URL + database
    else:
        url = parts._replace(path=database).geturl()
    r = probe.run("probe", "--dry-run", "--format", "json",
                  env=probe.env({"OPSCTL_STORE_URL": url}))
    assert r.code == 2, r.stderr
    assert needle in r.doc["error"]["message"]
    assert "fix store_url" in r.doc["error"]["message"]


@pytest.mark.parametrize("refusal", ["nologin", "no-connect"])
def test_a_postgres_store_refusing_the_role_is_exit_2(probe: Project, refusal: str) -> None:
    """A role that may not log in, or may not connect to the database, is refused by a
    server that answered: exit 2 (fix store_url or the grants), not exit 4 'unreachable',
    which tells a caller to retry what no retry fixes."""
    if not POSTGRES_URL:
        pytest.skip("needs OPSCTL_TEST_POSTGRES_URL")
    import uuid
    from urllib.parse import urlsplit

    import psycopg

    suffix = uuid.uuid4().hex[:8]
    role, database = f"opsctl_refused_{suffix}", f"opsctl_closed_{suffix}"
    parts = urlsplit(POSTGRES_URL)
    host = f"{parts.hostname}:{parts.port or 5432}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        if refusal == "nologin":
            conn.execute(f"CREATE ROLE {role} NOLOGIN")
            url = parts._replace(netloc=f"{role}@{host}").geturl()
            needle = f'role "{role}" is not permitted to log in'
        else:
            conn.execute(f"CREATE ROLE {role} LOGIN")
            conn.execute(f"CREATE DATABASE {database}")
            conn.execute(f"REVOKE CONNECT ON DATABASE {database} FROM PUBLIC")
            url = parts._replace(netloc=f"{role}@{host}", path=f"/{database}").geturl()
            needle = f'permission denied for database "{database}"'
    try:
        r = probe.run("probe", "--dry-run", "--format", "json",
                      env=probe.env({"OPSCTL_STORE_URL": url}))
        assert r.code == 2, r.stderr
        assert needle in r.doc["error"]["message"]
        assert "fix store_url" in r.doc["error"]["message"]
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            if refusal == "no-connect":
                conn.execute(f"DROP DATABASE {database}")
            conn.execute(f"DROP ROLE {role}")


@pytest.mark.parametrize("body", ["", "\n  \n", "# the request for prod\n"])
def test_an_empty_request_document_is_refused_not_read_as_all_defaults(
        probe: Project, body: str) -> None:
    """A request file truncated to nothing, or a pipe whose writer failed: exit 2 saying it
    holds no document, nothing run (was: a run with every default, which nobody asked for)."""
    (probe.root / "req.yaml").write_text(body)
    from_file = probe.run("probe", "--request", "req.yaml", "--format", "json")
    from_stdin = probe.run("probe", "--request", "-", "--format", "json", input=body)
    for r, name in ((from_file, "req.yaml"), (from_stdin, "-")):
        assert r.code == 2, r.stderr
        assert (f"request file {name} holds no document (it is empty, or only comments)"
                in r.doc["error"]["message"])
    assert probe.run("runs", "--format", "json", expect_json=True).doc["runs"] == []
    (probe.root / "req.yaml").write_text("{}\n")
    assert probe.run("probe", "--request", "req.yaml", "--dry-run").code == 10


@pytest.mark.parametrize(("name", "body"), [
    pytest.param("req.json", "", id="empty-json"),
    pytest.param("req.json", "\n \n", id="blank-json"),
    pytest.param("req.yaml", "---\n# nothing yet\n", id="marker-and-comment-yaml"),
])
def test_an_empty_request_document_says_so_in_json_as_in_yaml(
        probe: Project, name: str, body: str) -> None:
    """An empty .json file holds no document, as an empty .yaml one does (was: "not valid
    JSON: Expecting value at line 1, column 1", without the hint to write {})."""
    (probe.root / name).write_text(body)
    r = probe.run("probe", "--request", name, "--format", "json")
    assert r.code == 2, r.stderr
    assert (f"request file {name} holds no document (it is empty, or only comments); "
            "write {} for a request of the defaults") in r.doc["error"]["message"]
    assert probe.run("runs", "--format", "json", expect_json=True).doc["runs"] == []


@pytest.mark.parametrize(("name", "body"), [
    pytest.param("req.json", "null\n", id="json"),
    pytest.param("req.yaml", "null\n", id="yaml"),
    pytest.param("req.yaml", "# the request\n~\n", id="yaml-tilde"),
])
def test_a_request_document_of_null_is_not_called_empty(
        probe: Project, name: str, body: str) -> None:
    """A document holding null is refused as a value that is not a mapping (was: "holds no
    document (it is empty, or only comments)", which the file plainly is not)."""
    (probe.root / name).write_text(body)
    r = probe.run("probe", "--request", name, "--format", "json")
    assert r.code == 2, r.stderr
    assert (f"request file {name} must hold a mapping of field names to values, not null"
            in r.doc["error"]["message"])
    assert probe.run("runs", "--format", "json", expect_json=True).doc["runs"] == []


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_a_request_document_with_a_byte_order_mark_reads_as_without(
        probe: Project, suffix: str) -> None:
    body = '{"subject": "bom"}' if suffix == ".json" else "subject: bom\n"
    (probe.root / f"req{suffix}").write_bytes(b"\xef\xbb\xbf" + body.encode())
    r = probe.run("probe", "--request", f"req{suffix}", "--dry-run", "--format", "json")
    assert r.code == 10, r.stderr
    assert r.doc["plan"]["actions"][0]["target"] == "bom"


@pytest.mark.parametrize("value", ["", "   "])
def test_an_empty_idempotency_key_is_refused(probe: Project, value: str) -> None:
    """An unset variable in `--idempotency-key "$KEY"` would otherwise fall back to a derived
    key, which does not replay: the work would be done again."""
    r = probe.run("probe", "--idempotency-key", value, "--format", "json")
    assert_refused(r, "--idempotency-key is empty", probe)
    assert probe.run("runs", "--format", "json").doc["runs"] == []


@pytest.mark.parametrize(("value", "needle"), [
    pytest.param("k" * 201, "'" + "k" * 60 + "'... (201 characters)", id="over-200"),
    pytest.param("deploy\n7", "'deploy\\n7'", id="newline"),
])
def test_an_idempotency_key_the_http_api_would_refuse_is_refused(
        probe: Project, value: str, needle: str) -> None:
    """Keys are shared with the HTTP API, whose Idempotency-Key is at most 200 printable
    characters: a run keyed here could not be replayed there."""
    r = probe.run("probe", "--idempotency-key", value, "--format", "json")
    assert_refused(r, f"idempotency key {needle}: a key is at most 200 printable", probe)
    assert probe.run("runs", "--format", "json").doc["runs"] == []


def test_an_idempotency_key_is_the_same_key_without_surrounding_spaces(probe: Project) -> None:
    """As the HTTP API reads its Idempotency-Key header."""
    first = probe.run("probe", "--idempotency-key", "deploy-7", "--format", "json")
    assert first.code == 0, first.stderr
    again = probe.run("probe", "--idempotency-key", " deploy-7 ", "--format", "json")
    assert again.code == 0, again.stderr
    assert again.doc["replayed"] is True and again.doc["run_id"] == first.doc["run_id"]


def test_an_action_refused_by_file_permissions_is_exit_6_not_a_bug(project: Project) -> None:
    """The OS refused the user (ctx.files writing where it may not): rights to get, exit 6."""
    project.add_module("perm_auto", PROBE.replace(
        "def apply(ctx, req, action):\n    return None",
        "def apply(ctx, req, action):\n"
        "    raise PermissionError(13, 'Permission denied', '/srv/locked/file')"))
    r = project.run("probe", "--format", "json")
    assert r.code == 6, r.stderr
    assert r.doc["error"]["type"] == "auth"
    assert "permission denied" in r.doc["error"]["message"]
    assert "internal error" not in r.stderr


def test_a_missing_secret_names_its_variable_not_only_its_flag(project: Project) -> None:
    project.add_module("publish_auto", '''
from pydantic import BaseModel, Field
from opsctl import Action, Automation, Secret

class Request(BaseModel):
    registry: str = Field(description="Registry")
    token: Secret = Field(description="Registry token")

publish = Automation("publish", version="1.0.0", owner="me", summary="publish", request=Request,
                     effect="mutate", lock_scope=("registry",))

@publish.plan
def plan(ctx, req):
    yield Action(id="p", kind="run", target=req.registry, reason="x")

@publish.apply
def apply(ctx, req, action):
    pass
''')
    r = project.run("publish", "--registry", "r", "--dry-run", "--format", "json")
    assert r.code == 2, r.stderr
    assert ("missing the secret token: set OPSCTL_SECRET_TOKEN (or pass --token, which other "
            "users can read in ps)") in r.doc["error"]["message"]
    assert project.run("publish", "--registry", "r", "--dry-run",
                       env=project.env({"OPSCTL_SECRET_TOKEN": "t0k"})).code == 10


def test_a_state_directory_every_user_can_write_is_refused(probe: Project) -> None:
    """It holds the store and the plan-signing key: anyone could replace either."""
    shared = probe.root / "shared-state"
    shared.mkdir()
    shared.chmod(0o777)
    r = probe.run("probe", "--dry-run", "--format", "json",
                  env=probe.env({"OPSCTL_STATE_DIR": str(shared)}))
    assert_refused(r, f"state directory {shared} is writable by every user (mode 0777)", probe)
    assert f"chmod 700 {shared}" in r.stderr
    assert list(shared.iterdir()) == []
    shared.chmod(0o700)
    assert probe.run("probe", "--dry-run", env=probe.env({"OPSCTL_STATE_DIR": str(shared)})
                     ).code == 10


@pytest.mark.parametrize("how", ["state_dir", "store_url"])
def test_a_shared_sticky_folder_as_state_directory_is_refused_without_chmod_advice(
        probe: Project, how: str) -> None:
    """/tmp (mode 1777) as the state dir, or a store_url in it: refused, and told to make a
    folder of its own there, not to `chmod 700 /tmp`, which breaks every other user of the
    machine."""
    shared = probe.root / "tmp"
    shared.mkdir()
    shared.chmod(0o1777)
    env = ({"OPSCTL_STATE_DIR": str(shared)} if how == "state_dir" else
           {"OPSCTL_STORE_URL": f"sqlite:///{shared}/opsctl.db"})
    r = probe.run("probe", "--dry-run", "--format", "json", env=probe.env(env))
    assert_refused(r, f"state directory {shared} is writable by every user (mode 1777)", probe)
    assert "chmod" not in r.stderr
    assert (f"a folder every user shares: give opsctl a folder of its own in it "
            f"(mkdir -m 700 {shared}/opsctl) and name that") in r.stderr
    assert list(shared.iterdir()) == []
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777


def test_settings_for_an_automation_the_project_does_not_have_are_refused(
        probe: Project) -> None:
    """A typo in [automation.NAME] (or its variable) would be settings silently not applied:
    exit 2, naming the nearest automation. The user's own config may hold tables for other
    projects' automations, and is left alone."""
    probe.write_config('[automation.prboe]\nsubject = "x"\n')
    r = probe.run("list")
    assert_refused(r, "[automation.prboe] (from repo:", probe)
    assert "names no automation of this project: did you mean probe?" in r.stderr
    probe.write_config("")
    by_env = probe.run("probe", "--dry-run", env=probe.env({"OPSCTL_AUTOMATION__PRBOE__X": "1"}))
    assert_refused(by_env, "[automation.prboe] (from env) names no automation", probe)
    user = probe.root / ".home" / ".config" / "opsctl"
    user.mkdir(parents=True, exist_ok=True)
    (user / "config.toml").write_text('[automation.elsewhere]\nx = 1\n')
    assert probe.run("list").code == 0
    # a table the project's file holds too is still the project's typo
    probe.write_config('[automation.elsewhere]\nsubject = "x"\n')
    refused = probe.run("list")
    assert refused.code == 2, refused.stderr
    assert "[automation.elsewhere] (from repo:" in refused.stderr


@pytest.mark.parametrize("where", ["project", "user"])
def test_a_config_file_that_is_a_folder_is_an_error_where_it_is_found(
        tmp_path: Path, where: str) -> None:
    """opsctl.toml (found upwards) or the user config as a folder: exit 2 naming it, as with
    --config, not a silent run on the defaults that writes a new state folder."""
    root = tmp_path / "proj"
    root.mkdir()
    home = tmp_path / "home"
    (home / ".config" / "opsctl").mkdir(parents=True)
    folder = root / "opsctl.toml" if where == "project" else \
        home / ".config" / "opsctl" / "config.toml"
    folder.mkdir()
    env = {**clean_env(home), "HOME": str(home)}
    env.pop("XDG_CONFIG_HOME", None)
    r = subprocess.run([OPSCTL, "runs"], cwd=root, env=env, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 2, r.stderr
    assert f"config file {folder} is a directory, not a file" in r.stderr
    assert not (root / ".opsctl").exists()


@pytest.mark.parametrize("where", ["project", "user"])
def test_a_config_file_that_is_a_link_to_nothing_says_where_it_points(
        tmp_path: Path, where: str) -> None:
    """A dotfiles link whose target is missing: exit 2 naming the target (was: "is not a
    regular file, not a file")."""
    root = tmp_path / "proj"
    root.mkdir()
    home = tmp_path / "home"
    (home / ".config" / "opsctl").mkdir(parents=True)
    link = root / "opsctl.toml" if where == "project" else \
        home / ".config" / "opsctl" / "config.toml"
    link.symlink_to(tmp_path / "dotfiles" / "opsctl.toml")
    if where == "user":
        (root / "opsctl.toml").write_text("automations = []\n")
    env = {**clean_env(home), "HOME": str(home)}
    env.pop("XDG_CONFIG_HOME", None)
    r = subprocess.run([OPSCTL, "runs"], cwd=root, env=env, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 2, r.stderr
    assert (f"config file {link} is a link to {tmp_path / 'dotfiles' / 'opsctl.toml'}, which "
            "does not exist") in r.stderr
    assert not (root / ".opsctl").exists()
