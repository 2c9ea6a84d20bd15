"""Start-up stays light: ``import opsctl``, ``opsctl --help``, ``opsctl list`` (warm catalog),
``opsctl runs`` and ``opsctl show``.

Each check runs a fresh interpreter in a self-contained temporary project (its own opsctl.toml
registering a tiny automation, HOME and XDG_CONFIG_HOME in the temp dir, no OPSCTL_* variables)
and inspects which modules that process imported: through an atexit hook dumping sys.modules
(``python -c`` running ``opsctl.cli.main.main``), or through ``-X importtime`` output of the
installed console script.

The catalog cache key includes ``sys.path``, which differs between ``python -c`` (``''`` first)
and the console script (its bin directory first), so every warm check warms the cache with
exactly the invocation it then inspects.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import opsctl
from opsctl.catalog import MANIFEST_FILE

OPSCTL = str(Path(sys.executable).parent / "opsctl")

HEAVY = ("fastapi", "starlette", "uvicorn", "sqlalchemy", "psycopg", "celery", "kombu", "redis",
         "structlog", "boto3", "botocore", "prometheus_client", "jwt", "httpx", "anyio",
         "opentelemetry", "airflow", "prefect")
NOT_ON_THE_FAST_PATH = (*HEAVY, "pydantic", "pydantic_core")

# The public API, pinned: adding or removing a name is a deliberate change to this list.
PUBLIC_API = [
    "Action",
    "ActionKind",
    "AuthError",
    "Automation",
    "ConflictError",
    "Context",
    "DeniedError",
    "DependencyError",
    "Duration",
    "Effect",
    "ExitCode",
    "OpsctlError",
    "PlanRejectedError",
    "RunOutcome",
    "Secret",
    "Session",
    "TransientError",
    "UsageError",
    "__version__",
    "apply_plan_file",
    "deprecated",
    "execute",
    "open_session",
]

TINY_AUTOMATION = '''\
from pydantic import BaseModel, Field

from opsctl import Action, Automation


class Request(BaseModel):
    subject: str = Field(default="world", description="What to touch")


tiny = Automation("tiny-light", version="1.0.0", owner="tests", summary="Tiny light-import probe",
                  request=Request, effect="mutate")


@tiny.plan
def plan(ctx, req):
    yield Action(id="noop", kind="run", target=req.subject, reason="test")


@tiny.apply
def apply(ctx, req, action):
    return None
'''

# Runs the CLI in-process and, at exit (main() always calls sys.exit), writes sys.modules to the
# file named by $LIGHT_IMPORT_DUMP.
RUN_CLI_AND_DUMP = textwrap.dedent("""\
    import atexit, json, os, sys

    def _dump():
        with open(os.environ["LIGHT_IMPORT_DUMP"], "w") as fh:
            json.dump(sorted(sys.modules), fh)

    atexit.register(_dump)
    sys.argv = ["opsctl", *json.loads(os.environ["LIGHT_IMPORT_ARGS"])]
    from opsctl.cli.main import main
    main()
""")


def offenders(modules: list[str] | set[str], banned: tuple[str, ...]) -> list[str]:
    """The banned top-level packages among ``modules`` (a package or any of its submodules)."""
    return sorted({m.split(".", 1)[0] for m in modules if m.split(".", 1)[0] in banned})


@pytest.fixture
def light_project(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    root = tmp_path / "proj"
    root.mkdir()
    (root / "light_import_tiny.py").write_text(TINY_AUTOMATION)
    (root / "opsctl.toml").write_text('automations = ["light_import_tiny"]\npython_path = ["."]\n')
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("OPSCTL_") and k not in ("PYTHONPROFILEIMPORTTIME", "PYTHONSTARTUP")}
    env["HOME"] = str(home)
    env["XDG_CONFIG_HOME"] = str(home / ".config")
    return root, env


def run(argv: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def modules_via_atexit(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[list[str], str]:
    dump = cwd.parent / "modules.json"
    dump.unlink(missing_ok=True)
    env = {**env, "LIGHT_IMPORT_DUMP": str(dump), "LIGHT_IMPORT_ARGS": json.dumps(args)}
    proc = run([sys.executable, "-c", RUN_CLI_AND_DUMP], cwd, env)
    assert proc.returncode == 0, proc.stderr
    return json.loads(dump.read_text()), proc.stdout


def modules_via_importtime(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[list[str], str]:
    """Run the installed console script with -X importtime (as PYTHONPROFILEIMPORTTIME).

    CPython logs only imports made by import statements: a module loaded by
    ``importlib.import_module`` (automation modules, opsctl's lazy names) is missing from the log,
    though everything it imports with a statement (``from pydantic import ...``) is there.
    """
    proc = run([OPSCTL, *args], cwd, {**env, "PYTHONPROFILEIMPORTTIME": "1"})
    assert proc.returncode == 0, proc.stderr
    modules = [line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines()
               if line.startswith("import time:") and "|" in line]
    assert modules, f"no -X importtime output on stderr:\n{proc.stderr}"
    return modules, proc.stdout


def test_import_opsctl_is_light(tmp_path: Path) -> None:
    code = "import json, sys, opsctl; print(json.dumps(sorted(sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    modules = json.loads(proc.stdout)
    assert "opsctl" in modules
    assert offenders(modules, NOT_ON_THE_FAST_PATH) == []


def warm_catalog(argv: list[str], cwd: Path, env: dict[str, str]) -> int:
    """Call ``argv`` until the catalog manifest stops being rewritten; returns the calls made.

    See test_first_call_leaves_a_warm_catalog for why one call is not always enough.
    """
    manifest = cwd / ".opsctl" / MANIFEST_FILE
    previous = None
    for calls in range(1, 5):
        proc = run(argv, cwd, env)
        assert proc.returncode == 0, proc.stderr
        assert "tiny-light" in proc.stdout
        current = manifest.stat().st_mtime_ns
        if current == previous:
            return calls
        previous = current
    raise AssertionError(f"{MANIFEST_FILE} is rewritten on every call of {argv}: the cache never warms")


@pytest.mark.parametrize("args", [["--help"], ["list"]], ids=["help", "list"])
def test_cli_in_process_warm_catalog_is_light(light_project: tuple[Path, dict[str, str]],
                                              args: list[str]) -> None:
    root, env = light_project
    cold, out = modules_via_atexit(args, root, env)  # builds the catalog manifest
    assert "tiny-light" in out
    assert offenders(cold, HEAVY) == []  # even the cold build imports only what automations need

    # Warm with the very invocation inspected below (python -c), not the console script.
    dump_env = {**env, "LIGHT_IMPORT_DUMP": str(root.parent / "warmup.json"),
                "LIGHT_IMPORT_ARGS": json.dumps(args)}
    warm_catalog([sys.executable, "-c", RUN_CLI_AND_DUMP], root, dump_env)
    warm, out = modules_via_atexit(args, root, env)
    assert "tiny-light" in out  # the automation is still listed: the cache was used, not skipped
    assert offenders(warm, NOT_ON_THE_FAST_PATH) == []
    assert "light_import_tiny" not in warm  # nor the automation module itself


@pytest.mark.parametrize("args", [["--help"], ["list"]], ids=["help", "list"])
def test_console_script_warm_catalog_is_light(light_project: tuple[Path, dict[str, str]],
                                              args: list[str]) -> None:
    root, env = light_project
    warm_catalog([OPSCTL, *args], root, env)
    warm, out = modules_via_importtime(args, root, env)
    assert "tiny-light" in out
    assert "click" in warm  # sanity: the import log is complete enough to see click
    assert offenders(warm, NOT_ON_THE_FAST_PATH) == []


def test_first_call_leaves_a_warm_catalog(light_project: tuple[Path, dict[str, str]]) -> None:
    root, env = light_project
    first = run([OPSCTL, "list"], root, env)
    assert first.returncode == 0, first.stderr
    modules, out = modules_via_importtime(["list"], root, env)
    assert "tiny-light" in out
    assert offenders(modules, NOT_ON_THE_FAST_PATH) == []


def test_reading_runs_does_not_import_pydantic(light_project: tuple[Path, dict[str, str]]) -> None:
    """`opsctl runs` and `opsctl show` validate the settings without pydantic."""
    root, env = light_project
    planned = run([OPSCTL, "plan", "tiny-light", "--format", "json"], root, env)
    assert planned.returncode == 10, planned.stderr
    run_id = json.loads(planned.stdout)["run_id"]
    for args in (["runs"], ["show", run_id]):
        modules, out = modules_via_importtime(args, root, env)
        assert run_id in out
        assert "opsctl.config.settings" in modules  # sanity: the settings were validated
        assert offenders(modules, NOT_ON_THE_FAST_PATH) == [], args


def test_warm_plan_skips_pydantic_plugin_discovery(light_project: tuple[Path, dict[str, str]]) -> None:
    """pydantic plugins are off, so importlib.metadata is not imported (see cli/start_up.py)."""
    root, env = light_project
    argv = [OPSCTL, "plan", "tiny-light", "--format", "json"]
    assert run(argv, root, env).returncode == 10  # builds the catalog manifest
    proc = run(argv, root, {**env, "PYTHONPROFILEIMPORTTIME": "1"})
    assert proc.returncode == 10, proc.stderr
    modules = [line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines()
               if line.startswith("import time:") and "|" in line]
    assert "pydantic" in modules
    assert "importlib.metadata" not in modules


def test_all_is_sorted_and_pinned() -> None:
    assert list(opsctl.__all__) == sorted(opsctl.__all__)
    assert list(opsctl.__all__) == PUBLIC_API
    assert sorted(dir(opsctl)) == sorted(PUBLIC_API)


@pytest.mark.parametrize("name", PUBLIC_API)
def test_public_name_resolves(name: str) -> None:
    value = getattr(opsctl, name)
    assert value is not None
    if getattr(value, "__module__", "").startswith("opsctl."):  # classes and functions of ours
        assert value.__name__ == name


def test_every_public_name_resolves_lazily_in_a_fresh_interpreter(tmp_path: Path) -> None:
    code = textwrap.dedent("""\
        import opsctl
        missing = []
        for name in opsctl.__all__:
            try:
                getattr(opsctl, name)
            except Exception as exc:
                missing.append(f"{name}: {type(exc).__name__}: {exc}")
        namespace = {}
        exec("from opsctl import *", namespace)
        missing += [n for n in opsctl.__all__ if n not in namespace]
        print("\\n".join(missing))
    """)
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


def test_unknown_attribute_is_an_attribute_error() -> None:
    assert not hasattr(opsctl, "NoSuchName")


def test_a_warm_catalog_stats_the_projects_modules_not_a_target_installs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A module the automations import is tracked by the catalog cache when it is the
    project's, not when `pip install --target DIR` put it in a folder of distributions (each
    warm start would stat its thousands of files)."""
    from opsctl.catalog import _project_files

    project, target = tmp_path / "project", tmp_path / "target"
    (project / "ops").mkdir(parents=True)
    (project / "ops" / "__init__.py").write_text("")
    (project / "ops" / "choices.py").write_text("X = 1\n")
    (target / "vendored").mkdir(parents=True)
    (target / "vendored" / "__init__.py").write_text("")
    (target / "vendored-1.0.dist-info").mkdir()
    monkeypatch.syspath_prepend(str(project))
    monkeypatch.syspath_prepend(str(target))
    import importlib

    names = {"ops", "ops.choices", "vendored"}
    try:
        for name in sorted(names):
            importlib.import_module(name)
        tracked = _project_files(names)
    finally:
        for name in names:
            sys.modules.pop(name, None)
    assert sorted(Path(p).relative_to(tmp_path).as_posix() for p in tracked) == [
        "project/ops/__init__.py", "project/ops/choices.py"]
