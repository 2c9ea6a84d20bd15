"""One broken automation does not break the server: a module that fails to import, or whose
declaration is rejected, is set aside; the others stay in the dashboard's catalog and in
`GET /v1/automations`, and an admin sees what is wrong (a ``problems`` list, a notice on the
catalog) while the command line still refuses the configuration."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the server needs the server extra")

from tests.conftest import Project
from tests.service.conftest import Api, LiveServer, in_process, make_token, setup_project
from tests.service.dashboard_kit import Visitor

FAILS_TO_IMPORT = '''
raise RuntimeError("the vault client is not installed")
'''

REJECTED = '''
from pydantic import BaseModel

from opsctl import Action, Automation


class Request(BaseModel):
    name: str


half = Automation("half-done", version="1.0.0", owner="sre", summary="Never finished",
                  request=Request, effect="mutate")


@half.plan
def plan(ctx, req):
    yield Action(id="x", kind="create", target=req.name, reason="missing")
'''

BROKEN = {"fails-to-import": ("vault_automation", FAILS_TO_IMPORT,
                              "the vault client is not installed"),
          "rejected": ("half_automation", REJECTED, "no @apply function")}


def broken_project(tmp_path: Path, case: str) -> Project:
    root = tmp_path / "proj"
    root.mkdir()
    project = setup_project(Project(root))
    module, source, _ = BROKEN[case]
    project.add_module(module, source)
    return project


@pytest.fixture(params=list(BROKEN))
def broken(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Api, str]]:
    for api in in_process(broken_project(tmp_path, request.param)):
        yield api, request.param


def test_the_others_are_listed_and_admins_see_the_problem(broken: tuple[Api, str]) -> None:
    api, case = broken
    module, _, words = BROKEN[case]

    admin = api.token("ada", "admin")
    listed = api.call("GET", "/v1/automations", admin)
    assert listed.status_code == 200, listed.text
    doc = listed.json()
    assert [a["name"] for a in doc["automations"]] == ["files", "report"]
    [problem] = doc["problems"]
    assert problem["module"] == module and words in problem["message"]

    operator = api.token("olga", "operator")
    seen = api.call("GET", "/v1/automations", operator).json()
    assert [a["name"] for a in seen["automations"]] == ["files", "report"]
    assert seen["problems"] == []  # the errors name modules and paths: admins only

    v = Visitor(api)
    assert v.login(admin).status_code == 303
    page = v.get("/")
    assert page.status_code == 200, page.text
    assert "/automations/files" in page.text and "/automations/report" in page.text
    assert 'id="catalog-problems"' in page.text and module in page.text
    assert words in page.text
    assert v.get("/automations/files").status_code == 200

    o = Visitor(api)
    assert o.login(operator).status_code == 303
    catalog = o.get("/")
    assert catalog.status_code == 200 and "/automations/report" in catalog.text
    assert 'id="catalog-problems"' not in catalog.text and words not in catalog.text
    for visitor in (v, o):
        visitor.close()


@pytest.mark.parametrize("case", list(BROKEN))
def test_opsctl_serve_starts_and_serves_the_others(tmp_path: Path, case: str) -> None:
    project = broken_project(tmp_path, case)
    module, _, words = BROKEN[case]
    server = LiveServer(project, 0).start()
    try:
        import httpx

        token = make_token(project, "ada", "admin")
        doc = httpx.get(f"{server.url}/v1/automations",
                        headers={"Authorization": f"Bearer {token}"}).json()
        assert [a["name"] for a in doc["automations"]] == ["files", "report"]
        assert doc["problems"][0]["module"] == module
    finally:
        server.stop()
    assert f"not serving {module}" in server.log_text() and words in server.log_text()

    listed = project.run("list")  # the command line still refuses the configuration
    assert listed.code == 2 and module in listed.stderr
