"""An automation whose request uses every construct the contract layer emits, for the tests of
the dashboard's generated run form (its source is also written into test projects)."""

SOURCE = '''
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from opsctl import Action, Automation, Duration, Secret
from opsctl.contract.versions import deprecated


class Color(str, Enum):
    red = "red"
    green = "green"
    blue = "blue"


class Port(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=20, description="Port name")
    number: int = Field(ge=1, le=65535)
    protocol: Literal["tcp", "udp"] = "tcp"


class Target(BaseModel):
    model_config = ConfigDict(extra="forbid")

    host: str = Field(pattern=r"^[a-z0-9.-]+$", description="Host name")
    weight: float = Field(default=1.0, gt=0, le=10)


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")

    service: str = Field(pattern=r"^[a-z][a-z0-9-]*$", min_length=2, max_length=30,
                         description="Service to deploy")
    replicas: int = Field(default=2, ge=1, le=10, description="How many")
    ratio: float = Field(default=0.5, ge=0, le=1)
    force: bool = False
    notify: bool | None = None
    color: Color = Color.red
    mode: Literal["fast", "safe"] = "safe"
    region: Literal["eu"] = "eu"
    note: str | None = Field(default=None, max_length=200)
    limit: int | None = None
    tags: list[str] = Field(default_factory=list, max_length=5)
    sizes: list[int] = Field(default_factory=list)
    colors: list[Color] = Field(default_factory=list)
    ports: list[Port] = Field(default_factory=list)
    primary: Target
    backup: Target | None = None
    retention: Duration = Field(default="30d", description="How long to keep old releases")
    api_key: Secret = Field(description="Deploy key")
    token: Secret | None = None
    labels: dict[str, str] = Field(default_factory=dict)
    old_name: str | None = deprecated("use service", removal="2.0.0", default=None)


everything = Automation("everything", version="1.0.0", owner="platform",
                        summary="Uses every request construct", request=Request,
                        effect="mutate")


@everything.plan
def plan(ctx, req):
    yield Action(id="deploy", kind="update", target=req.service, reason="requested",
                 before={"replicas": 1, "color": "red"},
                 after={"replicas": req.replicas, "color": req.color.value})


@everything.apply
def apply(ctx, req, action):
    ctx.log.info("deploy.done", service=req.service)
'''

ECHO = '''
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from opsctl import Action, Automation, Secret


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="Shown as the target, the reason, a diff and a log line")
    environment: Literal["staging", "prod"] = "staging"
    password: Secret | None = None


echo = Automation("echo", version="1.0.0", owner="<b>owner</b>", summary="Echo <i>text</i>",
                  request=Request, effect="mutate", lock_scope=("environment",))


@echo.plan
def plan(ctx, req):
    yield Action(id="echo", kind="update", target=req.text, reason=req.text,
                 before={"value": req.text}, after={"value": req.text + "!"})
    yield Action(id="note", kind="update", target="note", reason="multi-line",
                 before="line one\\n" + req.text, after="line one\\nline two")


@echo.apply
def apply(ctx, req, action):
    ctx.log.info("echo.said", text=req.text)
'''
