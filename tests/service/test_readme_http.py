"""The README's HTTP section works as written, on the README's own tutorial automation."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx

from tests.conftest import Project
from tests.service.conftest import LiveServer

README = Path(__file__).resolve().parents[2] / "README.md"


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README.read_text(), flags=re.S)


def test_the_readme_http_example_dry_runs_the_tutorial_automation(project: Project) -> None:
    module = next(b for b in _blocks("python") if "# rotate_keys.py" in b)
    (project.root / "rotate_keys.py").write_text(module)
    (project.root / "opsctl.toml").write_text(next(b for b in _blocks("toml")
                                                   if "rotate_keys" in b))
    (project.root / "keys" / "staging").mkdir(parents=True)
    section = README.read_text().split("## The HTTP API", 1)[1].split("\n## ", 1)[0]
    commands = next(b for b in _blocks("sh") if "opsctl serve" in b and b in section)
    create = next(line for line in commands.splitlines() if "opsctl token create" in line)
    args = create.split("#", 1)[0].split()[1:]
    made = project.run(*args, "--format", "json")
    assert made.code == 0, made.stderr
    token = made.doc["token"]
    body = json.loads(re.search(r"-d '(\{.*?\})'", commands, flags=re.S).group(1))  # type: ignore[union-attr]
    path = re.search(r"'http://127\.0\.0\.1:8400(/v1/[^']+)'", commands).group(1)  # type: ignore[union-attr]

    server = LiveServer(project, 0).start()
    try:
        response = httpx.post(server.url + path, json=body, timeout=30,
                              headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 200, response.text
        doc = response.json()
        assert (doc["status"], doc["exit_code"]) == ("changes_planned", 10)
        assert doc["actor"] == "portal"
        assert [a["id"] for a in doc["plan"]["actions"]] == ["key-api", "key-worker"]
        assert not list((project.root / "keys" / "staging").iterdir())
    finally:
        assert server.stop() == 0
    openapi = project.run("openapi")
    assert openapi.code == 0
    assert "/v1/automations/rotate-keys/runs" in json.loads(openapi.stdout)["paths"]
