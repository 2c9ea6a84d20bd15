"""Request models with the less common pydantic types, through every way a request gets in:
flags, request documents, saved plans."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Project

ALIASED = """
from pydantic import AliasChoices, BaseModel, Field
from opsctl import Action, Automation

class Port(BaseModel):
    port_number: int = Field(alias="portNumber")

class Request(BaseModel):
    target_host: str = Field(alias="targetHost", description="The host")
    retries: int = Field(default=2, alias="retryCount")
    ports: list[Port] = Field(default_factory=list)
    region_name: str = Field(default="eu", validation_alias=AliasChoices("region", "aws_region"))

aliased = Automation("aliased", version="1.0.0", owner="tests", summary="Aliased fields",
                     request=Request, effect="mutate", lock_scope=("target_host",))

@aliased.plan
def plan(ctx, req):
    yield Action(id="touch", kind="run", target=req.target_host, reason="probe",
                 data={"retries": req.retries, "ports": [p.port_number for p in req.ports]})

@aliased.apply
def apply(ctx, req, action):
    return None
"""


@pytest.fixture
def aliased(project: Project) -> Project:
    project.add_module("aliased_auto", ALIASED)
    return project


def test_the_flag_of_an_aliased_field_sets_it(aliased: Project) -> None:
    r = aliased.run(
        "aliased", "--target-host", "h1", "--retries", "5", "--dry-run", "--format", "json"
    )
    assert r.code == 10, r.stderr
    assert r.doc["request"] == {"target_host": "h1", "retries": 5, "ports": [], "region_name": "eu"}


def test_the_flag_of_a_field_with_alias_choices_sets_it(aliased: Project) -> None:
    r = aliased.run(
        "aliased", "--target-host", "h1", "--region-name", "us", "--dry-run", "--format", "json"
    )
    assert r.code == 10, r.stderr
    assert r.doc["request"]["region_name"] == "us"
    (aliased.root / "req.json").write_text(json.dumps({"targetHost": "h1", "aws_region": "ap"}))
    r = aliased.run("aliased", "--request", "req.json", "--dry-run", "--format", "json")
    assert r.code == 10, r.stderr
    assert r.doc["request"]["region_name"] == "ap"


def test_a_flag_overrides_the_aliased_field_of_the_request_document(aliased: Project) -> None:
    (aliased.root / "req.json").write_text(json.dumps({"targetHost": "h1", "retryCount": 3}))
    r = aliased.run(
        "aliased", "--request", "req.json", "--target-host", "h2", "--dry-run", "--format", "json"
    )
    assert r.code == 10, r.stderr
    assert r.doc["request"]["target_host"] == "h2"
    assert r.doc["request"]["retries"] == 3


def test_a_saved_plan_of_a_request_with_aliases_applies(aliased: Project) -> None:
    (aliased.root / "req.json").write_text(
        json.dumps({"targetHost": "h1", "ports": [{"portNumber": 443}]})
    )
    planned = aliased.run("plan", "aliased", "--request", "req.json", "--out", "plan.json")
    assert planned.code == 10, planned.stderr
    r = aliased.run("apply", "--plan", "plan.json", "--format", "json")
    assert r.code == 0, r.stderr
    assert r.doc["status"] == "succeeded"
    assert r.doc["request"]["ports"] == [{"port_number": 443}]


SETS = """
from pydantic import BaseModel, Field
from opsctl import Action, Automation

class Request(BaseModel):
    hosts: set[str] = Field(description="Hosts to touch")

sets = Automation("sets", version="1.0.0", owner="tests", summary="A set of hosts",
                  request=Request, effect="mutate")

@sets.plan
def plan(ctx, req):
    for host in sorted(req.hosts):
        yield Action(id=f"touch-{host}", kind="run", target=host, reason="probe")

@sets.apply
def apply(ctx, req, action):
    return None
"""

HOSTS = [f"host-{i:02d}" for i in range(12)]


def test_a_set_field_hashes_alike_in_every_process(project: Project) -> None:
    project.add_module("sets_auto", SETS)
    flags = [arg for host in HOSTS for arg in ("--hosts", host)]
    keys = set()
    for seed in ("1", "2"):
        r = project.run(
            "sets",
            *flags,
            "--dry-run",
            "--format",
            "json",
            env=project.env({"PYTHONHASHSEED": seed}),
        )
        assert r.code == 10, r.stderr
        assert r.doc["request"]["hosts"] == HOSTS
        keys.add((r.doc["idempotency_key"], r.doc["plan"]["fingerprint"]))
    assert len(keys) == 1, keys


def test_a_saved_plan_with_a_set_field_applies_in_another_process(project: Project) -> None:
    project.add_module("sets_auto", SETS)
    flags = [arg for host in HOSTS for arg in ("--hosts", host)]
    planned = project.run(
        "plan", "sets", *flags, "--out", "plan.json", env=project.env({"PYTHONHASHSEED": "1"})
    )
    assert planned.code == 10, planned.stderr
    r = project.run(
        "apply", "--plan", "plan.json", "--format", "json", env=project.env({"PYTHONHASHSEED": "2"})
    )
    assert r.code == 0, r.stderr
    assert r.doc["summary"]["applied"] == len(HOSTS)


DURATION_REASON = """
from pydantic import BaseModel
from opsctl import Action, Automation, Duration

class Request(BaseModel):
    max_age: Duration = "90d"

aged = Automation("aged", version="1.0.0", owner="tests", summary="A duration in the reason",
                  request=Request, effect="mutate")

@aged.plan
def plan(ctx, req):
    yield Action(id="prune", kind="delete", target="backups", reason=f"older than {req.max_age}")

@aged.apply
def apply(ctx, req, action):
    return None
"""


def test_a_saved_plan_of_a_duration_written_long_hand_applies(project: Project) -> None:
    project.add_module("aged_auto", DURATION_REASON)
    (project.root / "req.yaml").write_text("max_age: 90m\n")
    planned = project.run("plan", "aged", "--request", "req.yaml", "--out", "plan.json",
                          "--format", "json")
    assert planned.code == 10, planned.stderr
    assert planned.doc["plan"]["actions"][0]["reason"] == "older than 1h30m"
    r = project.run("apply", "--plan", "plan.json", "--format", "json")
    assert r.code == 0, r.stderr
    assert r.doc["summary"]["applied"] == 1


QUOTING = """
from pydantic import BaseModel, field_validator
from opsctl import Action, Automation, Secret

class Request(BaseModel):
    token: Secret
    spares: list[Secret] = []

    @field_validator("token")
    @classmethod
    def long_enough(cls, value):
        if len(value.get_secret_value()) < 16:
            raise ValueError(f"token {value.get_secret_value()!r} is too short")
        return value

    @field_validator("spares")
    @classmethod
    def distinct(cls, values):
        raise ValueError(f"spares {[v.get_secret_value() for v in values]} are not distinct")

quoting = Automation("quoting", version="1.0.0", owner="tests", summary="A chatty validator",
                     request=Request, effect="mutate")

@quoting.plan
def plan(ctx, req):
    return []

@quoting.apply
def apply(ctx, req, action):
    return None
"""


def test_a_validator_quoting_a_secret_field_has_its_value_masked(project: Project) -> None:
    project.add_module("quoting_auto", QUOTING)
    (project.root / "req.json").write_text(
        json.dumps({"token": "S3cretFromFile", "spares": ["Sp4reOne"]})
    )
    runs = [
        project.run(
            "quoting",
            "--dry-run",
            "--format",
            "json",
            env=project.env({"OPSCTL_SECRET_TOKEN": "S3cretFromEnv"}),
        ),
        project.run("quoting", "--token", "S3cretFromFlag", "--dry-run", "--format", "json"),
        project.run("quoting", "--request", "req.json", "--dry-run", "--format", "json"),
    ]
    for r in runs:
        assert r.code == 2, r.stderr
        assert "token: Value error, token '***' is too short" in r.doc["error"]["message"]
        assert "S3cret" not in r.stdout + r.stderr
    assert "spares: Value error, spares ['***'] are not distinct" in runs[2].doc["error"]["message"]
    assert "Sp4re" not in runs[2].stdout + runs[2].stderr


COMPUTED = """
from pydantic import BaseModel, ConfigDict, computed_field
from opsctl import Action, Automation

class Disk(BaseModel):
    model_config = ConfigDict(extra="forbid")
    gib: int

    @computed_field
    @property
    def mib(self) -> int:
        return self.gib * 1024

class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")
    host: str
    disks: list[Disk] = []

    @computed_field
    @property
    def fqdn(self) -> str:
        return self.host + ".example.org"

computed = Automation("computed", version="1.0.0", owner="tests", summary="Computed fields",
                      request=Request, effect="mutate")

@computed.plan
def plan(ctx, req):
    yield Action(id="touch", kind="run", target=req.fqdn, reason="probe",
                 data={"mib": [d.mib for d in req.disks]})

@computed.apply
def apply(ctx, req, action):
    return None
"""


def test_a_saved_plan_of_a_request_with_computed_fields_applies(project: Project) -> None:
    project.add_module("computed_auto", COMPUTED)
    (project.root / "req.json").write_text(json.dumps({"host": "db1", "disks": [{"gib": 2}]}))
    planned = project.run("plan", "computed", "--request", "req.json", "--out", "plan.json")
    assert planned.code == 10, planned.stderr
    r = project.run("apply", "--plan", "plan.json", "--format", "json")
    assert r.code == 0, r.stderr
    assert r.doc["request"] == {
        "host": "db1",
        "fqdn": "db1.example.org",
        "disks": [{"gib": 2, "mib": 2048}],
    }


SECRET_KINDS = """
from pathlib import Path
from pydantic import BaseModel, Secret, SecretBytes
from opsctl import Action, Automation

class Request(BaseModel):
    key: SecretBytes
    pin: Secret[int] | None = None

keyed = Automation("keyed", version="1.0.0", owner="tests", summary="Other secret types",
                   request=Request, effect="mutate")

@keyed.plan
def plan(ctx, req):
    yield Action(id="use", kind="run", target="t", reason="probe")

@keyed.apply
def apply(ctx, req, action):
    ctx.log.info("key.used", key=req.key.get_secret_value().decode())
    Path("used.txt").write_text(f"{req.key.get_secret_value().decode()} {req.pin.get_secret_value()}")
"""


def test_secret_bytes_and_generic_secret_fields_are_masked_and_replayed(project: Project) -> None:
    project.add_module("keyed_auto", SECRET_KINDS)
    secrets = {"OPSCTL_SECRET_KEY": "K3yFromTheEnv", "OPSCTL_SECRET_PIN": "90210"}
    r = project.run("keyed", "--format", "json", "--log-format", "json", env=project.env(secrets))
    assert r.code == 0, r.stderr
    assert r.doc["request"] == {"key": "***", "pin": "***"}
    assert "K3yFromTheEnv" not in r.stdout + r.stderr
    assert [e["key"] for e in r.logs() if e["event"] == "key.used"] == ["***"]

    planned = project.run("plan", "keyed", "--out", "plan.json", env=project.env(secrets))
    assert planned.code == 10, planned.stderr
    saved = json.loads((project.root / "plan.json").read_text())["request"]
    assert set(saved["key"]) == {"$secret"} and set(saved["pin"]) == {"$secret"}
    r = project.run("apply", "--plan", "plan.json", "--format", "json", env=project.env(secrets))
    assert r.code == 0, r.stderr
    assert (project.root / "used.txt").read_text() == "K3yFromTheEnv 90210"


WRITTEN_AS_TEXT = """
from datetime import date, datetime, time
from decimal import Decimal
from uuid import UUID
from pydantic import BaseModel
from opsctl import Action, Automation

class Request(BaseModel):
    when: datetime
    day: date | None = None
    clock_time: time | None = None
    amount: Decimal = Decimal("0")
    ident: UUID | None = None
    days: list[date] = []

texts = Automation("texts", version="1.0.0", owner="tests", summary="Text-written types",
                   request=Request, effect="read")

@texts.plan
def plan(ctx, req):
    yield Action(id="a", kind="run", target="t", reason="r")
"""


def test_datetime_decimal_and_uuid_flags_take_their_text(project: Project) -> None:
    """`--when 2026-01-01T10:00:00` (it was exit 2 "expected JSON" unless quoted twice), and a
    Decimal keeps every digit given (a JSON number rounded it)."""
    project.add_module("texts_mod", WRITTEN_AS_TEXT)
    r = project.run("texts", "--when", "2026-01-01T10:00:00+00:00", "--day", "2026-02-03",
                    "--clock-time", "04:05", "--amount", "12345678901234567890.123456789",
                    "--ident", "12345678-1234-5678-1234-567812345678", "--dry-run",
                    "--format", "json")
    assert r.code == 10, r.stderr
    assert r.doc["request"] == {
        "when": "2026-01-01T10:00:00Z", "day": "2026-02-03", "clock_time": "04:05:00",
        "amount": "12345678901234567890.123456789",
        "ident": "12345678-1234-5678-1234-567812345678", "days": []}
    quoted = project.run("texts", "--when", '"2026-01-01T10:00:00+00:00"', "--amount", "0.1",
                         "--days", '["2026-01-02"]', "--dry-run", "--format", "json")
    assert quoted.code == 10, quoted.stderr
    assert (quoted.doc["request"]["when"], quoted.doc["request"]["amount"],
            quoted.doc["request"]["days"]) == ("2026-01-01T10:00:00Z", "0.1", ["2026-01-02"])
    wrong = project.run("texts", "--when", "soon", "--dry-run")
    assert wrong.code == 2 and "when: Input should be a valid datetime" in wrong.stderr
    listed = project.run("texts", "--when", "2026-01-01", "--days", "2026-01-02", "--dry-run")
    assert listed.code == 2 and "--days: expected JSON" in listed.stderr


NETWORK_TEXT = """
from ipaddress import IPv4Address, IPv6Network
from pydantic import AnyUrl, BaseModel, HttpUrl
from opsctl import Action, Automation

class Request(BaseModel):
    host: IPv4Address
    subnet: IPv6Network | None = None
    endpoint: HttpUrl | None = None
    broker: AnyUrl | None = None

nets = Automation("nets", version="1.0.0", owner="tests", summary="Addresses and URLs",
                  request=Request, effect="read")

@nets.plan
def plan(ctx, req):
    yield Action(id="a", kind="run", target=str(req.host), reason="r")
"""


def test_address_and_url_flags_take_their_text(project: Project) -> None:
    """Types whose JSON Schema is a string take their text as a datetime's flag does (`--host
    10.0.0.7` was exit 2 "expected JSON (Extra data...)", `--endpoint https://...` "Expecting
    value"), and a JSON string still works."""
    project.add_module("nets_mod", NETWORK_TEXT)
    r = project.run("nets", "--host", "10.0.0.7", "--subnet", "2001:db8::/32", "--endpoint",
                    "https://api.example.com/v1", "--broker", '"amqp://mq:5672/"', "--dry-run",
                    "--format", "json")
    assert r.code == 10, r.stderr
    assert r.doc["request"] == {"host": "10.0.0.7", "subnet": "2001:db8::/32",
                                "endpoint": "https://api.example.com/v1",
                                "broker": "amqp://mq:5672/"}
    wrong = project.run("nets", "--host", "10.0.0.300", "--dry-run")
    assert wrong.code == 2 and "host: Input is not a valid IPv4 address" in wrong.stderr


def test_the_help_of_a_flag_taking_text_says_so(project: Project) -> None:
    """It said `--when JSON  JSON value.` and `[default: "0"]`, asking for quotes the flag does
    not need."""
    project.add_module("texts_mod", WRITTEN_AS_TEXT)
    helped = project.run("texts", "--help")
    assert helped.code == 0, helped.stderr
    lines = " ".join(helped.stdout.split())
    assert "--when TEXT Its text, or a JSON value. [required]" in lines
    assert "--amount NUMBER Its text, or a JSON value. [default: 0]" in lines
    assert "--days JSON JSON value." in lines
