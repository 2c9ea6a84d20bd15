"""The documentation site builds without a warning, and every example in it works as shown.

Examples follow the conventions of ``docs/_hooks/doc_examples.py``: fenced blocks with a
``title="FILE"`` are the files of their page's example project; ``sh`` lines commented
``# exit N`` are run in that project, in order, with the installed ``opsctl`` first on PATH,
and must exit N (and, when the comment says ``"status": "S"``, print a result document with
that status).
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import clean_env, validate_result

REPO_ROOT = Path(__file__).resolve().parents[2]
DOCS = REPO_ROOT / "docs"
BIN = Path(sys.executable).parent


def _load_reader() -> Any:
    spec = importlib.util.spec_from_file_location("doc_examples", DOCS / "_hooks" / "doc_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("doc_examples", module)
    spec.loader.exec_module(module)
    return module


reader = _load_reader()
PAGES = reader.pages_with_examples(DOCS)


def test_the_site_builds_with_warnings_as_errors(tmp_path: Path) -> None:
    if importlib.util.find_spec("mkdocs") is None or importlib.util.find_spec("mkdocstrings") is None:
        pytest.skip("the docs extra is not installed (pip install -e '.[docs]'); "
                    ".ci/run installs it, so CI builds the site")
    site = tmp_path / "site"
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPSCTL_")}
    proc = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)],
                          cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300)

    assert proc.returncode == 0, proc.stdout + proc.stderr
    cli = (site / "reference" / "cli" / "index.html").read_text()
    for heading in ("opsctl rotate-keys", "opsctl plan rotate-keys", "opsctl apply", "opsctl resume",
                    "opsctl audit verify", "opsctl policy check rotate-keys"):
        assert f">{heading}<" in cli, f"{heading!r} missing from the CLI reference"
    assert "--dry-run" in cli and "--environment [staging|prod]" in cli
    api = (site / "reference" / "api" / "index.html").read_text()
    for name in ("Automation", "Context", "get_secret_value", "PlanRejectedError", "connect"):
        assert name in api, f"{name!r} missing from the API reference"


def test_pages_with_examples_are_found() -> None:
    names = {p.page.name: p for p in PAGES}

    assert {"authoring.md", "migrate-a-script.md", "configuration.md"} <= set(names)
    assert "opsctl.toml" in names["authoring.md"].files
    assert sum(len(p.commands) for p in PAGES) >= 20


@pytest.mark.e2e
@pytest.mark.parametrize("examples", PAGES, ids=[p.page.stem for p in PAGES])
def test_page_examples_run_as_shown(examples: Any, tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    reader.write_project(examples, project)
    env = clean_env(tmp_path / "home")
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env.pop("PYTHONPATH", None)
    if "OPSCTL_TEST_POSTGRES_URL" in examples.page.read_text():
        url = os.environ.get("OPSCTL_TEST_POSTGRES_URL")
        if not url:
            pytest.skip("this page's examples need OPSCTL_TEST_POSTGRES_URL (postgresql://...)")
        env["OPSCTL_TEST_POSTGRES_URL"] = url

    for command in examples.commands:
        proc = subprocess.run(["bash", "-c", command.line], cwd=project, env=env,
                              capture_output=True, text=True, timeout=300)
        shown = f"{examples.page.name}: `{command.line}`\n{proc.stdout}\n{proc.stderr}"

        assert proc.returncode == command.exit_code, shown
        assert "Traceback" not in proc.stderr, shown
        document = _result_document(proc.stdout)
        if document is not None:
            validate_result(document)
            assert document["exit_code"] == proc.returncode, shown
        if command.status is not None:
            assert document is not None and document["status"] == command.status, shown


def _result_document(stdout: str) -> dict[str, Any] | None:
    lines = [line for line in stdout.splitlines() if line.strip()]
    if len(lines) != 1 or not lines[0].startswith("{"):
        return None
    document = json.loads(lines[0])
    return document if document.get("schema") == "opsctl.result/v1" else None


def test_the_exit_code_table_matches_the_code() -> None:
    from opsctl.errors import EXIT_CODE_TABLE

    text = (DOCS / "results.md").read_text()
    documented = {int(m) for m in re.findall(r"^\| (\d+) \|", text, flags=re.M)}

    assert documented == {code for code, _, _ in EXIT_CODE_TABLE}


def test_the_serving_table_names_every_key_of_server() -> None:
    """http-api.md's table of `opsctl serve`'s settings lists each key `[server]` takes (it
    left out `scheduler`, which `serve --help` names as --scheduler's default)."""
    from opsctl.config.settings import SERVER_KEYS

    text = (DOCS / "http-api.md").read_text().split("## Serving\n\n", 1)[1].split("\n\n", 1)[0]
    documented = set(re.findall(r"`(?:\[\[server\.)?(\w+)\]*`", text))
    assert set(SERVER_KEYS) - documented == set()


@pytest.mark.parametrize("page", [REPO_ROOT / "README.md", DOCS / "configuration.md"],
                         ids=["readme", "configuration"])
def test_the_tables_said_to_merge_key_by_key_are_those_that_do(page: Path) -> None:
    """The sentence saying which tables merge key by key names each of them (the README's
    left out [server] and [worker], so a user config's `port` seemed to drop the project's
    `host`)."""
    from opsctl.config.layers import MERGED_TABLES

    text = " ".join(page.read_text().split())
    sentence = text[:text.index(" merge key by key")].rsplit(". ", 1)[-1]
    assert {table for table in MERGED_TABLES if f"`{table}" not in sentence
            and f"`[{table}" not in sentence} == set(), sentence


@pytest.mark.parametrize(("page", "heading"), [
    pytest.param(DOCS / "configuration.md", "## Keys", id="configuration"),
    pytest.param(REPO_ROOT / "README.md", "## Configuration", id="readme"),
])
def test_the_configuration_keys_table_names_every_setting(page: Path, heading: str) -> None:
    """configuration.md's table of keys, and the README's, list every setting opsctl reads
    from opsctl.toml (they left out confirm, executor, broker_url, [log_levels], [worker],
    [server], plan_signing_keys_retired and [[schedules]], which `config show` prints and a
    config file may set)."""
    from opsctl.config.settings import FIELDS

    text = page.read_text().split(heading + "\n", 1)[1].split("\n## ", 1)[0]
    documented = {m.split(".")[0] for m in re.findall(r"^\| `\[*([\w.]+)\]*` \|", text, flags=re.M)}

    assert set(FIELDS) - documented == set()


@pytest.mark.parametrize("page", [REPO_ROOT / "README.md", DOCS / "configuration.md"],
                         ids=["readme", "configuration"])
def test_the_documented_defaults_are_those_config_show_prints(page: Path,
                                                              tmp_path: Path) -> None:
    """The keys table writes each default as `opsctl config show` prints it (lock_ttl: `1m`,
    durations in their normalised notation, not `60s`)."""
    from opsctl.config.layers import load_layers
    from opsctl.config.settings import describe_settings, validate_settings

    layers = load_layers(cwd=tmp_path, env={"HOME": str(tmp_path)})
    shown = {key: value for key, value, _ in describe_settings(validate_settings(layers), layers)}
    rows = dict(re.findall(r"^\| `(\w+)` \| [^|]* \| `([^`]+)` \|", page.read_text(), flags=re.M))
    checked = {key: rows[key] for key in ("plan_ttl", "lock_ttl", "stop_grace", "journal_mode",
                                          "format", "log_format", "log_level", "confirm",
                                          "executor", "max_input_size")}
    assert checked == {key: shown[key] for key in checked}


def test_the_error_table_matches_the_code() -> None:
    import opsctl

    rows = re.findall(r"^\| \[`(\w+)`\]\[opsctl\.\w+\] \| (\d+) \| `(\w+)` \| (yes|no) \|",
                      (DOCS / "authoring.md").read_text(), flags=re.M)

    assert len(rows) >= 8
    for name, code, error_type, retryable in rows:
        error = getattr(opsctl, name)
        assert (error.exit_code, error.error_type, error.retryable) == (
            int(code), error_type, retryable == "yes"), name


def test_the_documented_store_url_gives_the_store_its_own_schema(tmp_path: Path) -> None:
    """configuration.md's `options=-csearch_path%3DNAME`, against the test PostgreSQL."""
    import uuid

    from tests.conftest import POSTGRES_URL

    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests need OPSCTL_TEST_POSTGRES_URL (postgresql://...)")
    import psycopg

    documented = re.search(r'store_url = "postgresql://[^"?]+\?(options=-csearch_path%3D)opsctl"',
                           (DOCS / "configuration.md").read_text())
    assert documented is not None
    schema = "docs_" + uuid.uuid4().hex[:12]
    sep = "&" if "?" in POSTGRES_URL else "?"
    url = f"{POSTGRES_URL}{sep}{documented.group(1)}{schema}"
    examples = reader.read_examples(DOCS / "authoring.md")
    reader.write_project(examples, tmp_path)
    (tmp_path / "keys" / "staging").mkdir(parents=True)
    env = {**clean_env(tmp_path / "home"), "OPSCTL_STORE_URL": url}
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        proc = subprocess.run([str(BIN / "opsctl"), "rotate-keys", "--environment", "staging"],
                              cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        with psycopg.connect(POSTGRES_URL) as conn:
            tables = {row[0] for row in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
                (schema,))}
            runs = conn.execute(f"SELECT count(*) FROM {schema}.runs").fetchone()
        assert {"runs", "actions", "audit_events", "locks"} <= tables
        assert runs == (1,)
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def test_every_name_of_the_api_reference_has_a_docstring_of_its_own() -> None:
    """`::: opsctl.NAME` renders the object's docstring: without one the page shows a bare
    signature (``open_session`` did), or a dataclass's generated ``Session(layers: ...)``
    (``HTTPResponse`` did)."""
    import importlib
    import inspect

    paths = re.findall(r"^::: (opsctl\.[\w.]+)$", (DOCS / "reference" / "api.md").read_text(),
                       flags=re.M)
    missing = []
    for path in paths:
        module, _, name = path.rpartition(".")
        obj = getattr(importlib.import_module(module), name)
        if not (inspect.isclass(obj) or inspect.isfunction(obj)) or obj.__module__ == "pydantic.types":
            continue  # aliases (Literal, Annotated, SecretStr) carry their docstring in the source
        doc = obj.__dict__.get("__doc__") if inspect.isclass(obj) else obj.__doc__
        if not doc or doc.startswith(f"{name}("):
            missing.append(name)

    assert missing == []


def test_the_policy_examples_read_request_fields_an_automation_may_have() -> None:
    """A request field may not be named like a built-in option (`target`, `dry_run`, ...): a
    policy example reading one (`environment_field: target.env`, `request: {dry_run: false}`)
    shows a rule that never matches any request."""
    import yaml

    from opsctl.contract.flags import RESERVED_OPTIONS

    def reserved(path: str) -> bool:
        field = path.split(".")[0]
        return field in RESERVED_OPTIONS or f"--{field.replace('_', '-')}" in RESERVED_OPTIONS

    read = []
    for block in re.findall(r"```yaml\n(.*?)```", (DOCS / "policy.md").read_text(), flags=re.S):
        for rule in (yaml.safe_load(block) or {}).get("rules", []):
            match = rule.get("match") or {}
            read += [match.get("environment_field", "environment"), *match.get("request", {})]

    assert read and [path for path in read if reserved(path)] == []


def test_the_exception_tree_of_the_api_reference_matches_the_classes() -> None:
    """`::: opsctl.errors` renders the module docstring's tree: each line's exit code and
    error type, and the retryable mark, are the class's own."""
    import opsctl.errors

    doc = opsctl.errors.__doc__ or ""
    rows = re.findall(r"^\s*[│├└─ ]*(\w+Error)\s+exit (\d+)\s+(\w+)(.*)$", doc, flags=re.M)

    assert len(rows) >= 15
    for name, code, error_type, rest in rows:
        error = getattr(opsctl.errors, name)
        assert (error.exit_code, error.error_type, error.retryable) == (
            int(code), error_type, "(retryable)" in rest), name


def test_the_documented_least_privilege_roles_use_the_store_across_an_upgrade(
        tmp_path: Path) -> None:
    """configuration.md's roles, run as written (names made unique): the owner creates the
    store, the app's role runs, the reader reads; an upgrade whose migration adds a table
    (run by the owner) leaves both able to use it, the default privileges covering it."""
    import uuid
    from urllib.parse import quote, urlsplit, urlunsplit

    from tests.conftest import POSTGRES_URL, Project
    from tests.e2e.test_durable import LEDGER

    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests need OPSCTL_TEST_POSTGRES_URL (postgresql://...)")
    import psycopg

    block = re.search(r"```sql\n(CREATE ROLE opsctl_owner .*?)```",
                      (DOCS / "configuration.md").read_text(), re.S)
    assert block is not None, "configuration.md sets up no least-privilege roles"
    suffix = uuid.uuid4().hex[:8]
    roles = {name: f"{name}_{suffix}" for name in ("opsctl_owner", "opsctl_app", "opsctl_reader")}
    schema = f"docs_roles_{suffix}"
    sql = re.sub(r"\bopsctl\b", schema, block.group(1))
    for name, unique in roles.items():
        sql = sql.replace(name, unique)
    parts = urlsplit(POSTGRES_URL)
    host = parts.netloc.rpartition("@")[2]
    query = (parts.query + "&" if parts.query else "") + "options=" + quote(
        f"-csearch_path={schema}")

    def url(role: str) -> str:
        return urlunsplit(parts._replace(netloc=f"{roles[role]}@{host}", query=query))

    project = Project(tmp_path / "proj")
    project.root.mkdir()
    project.add_module("ledger_auto", LEDGER)

    def run(role: str, *args: str) -> int:
        return project.run(*args, env=project.env({"OPSCTL_STORE_URL": url(role)})).code

    # run as written by a role that may create roles and schemas, not a superuser
    dba = f"opsctl_dba_{suffix}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {dba} LOGIN CREATEROLE")
        conn.execute(f"GRANT CREATE ON DATABASE {parts.path.lstrip('/')} TO {dba}")
    try:
        with psycopg.connect(urlunsplit(parts._replace(netloc=f"{dba}@{host}")),
                             autocommit=True) as conn:
            conn.execute(sql)
        assert run("opsctl_owner", "runs") == 0  # the owner's first command creates the store
        assert run("opsctl_app", "ledger") == 0
        assert run("opsctl_reader", "runs") == 0
        assert run("opsctl_reader", "audit", "verify") == 0
        assert run("opsctl_reader", "ledger", "--scope", "other", "--dry-run") == 2
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            # the store as an opsctl of schema version 10 left it (no audit_checkpoints)
            conn.execute(f"SET search_path = {schema}")
            for index in ("runs_by_start", "runs_by_automation_start", "runs_by_status_start",
                          "runs_by_actor_start"):
                conn.execute(f"DROP INDEX {index}")
            conn.execute("CREATE INDEX runs_by_automation ON runs (automation, started_at)")
            conn.execute("CREATE INDEX runs_by_status ON runs (status, started_at)")
            conn.execute("DROP TABLE audit_checkpoints")
            conn.execute("ALTER TABLE runs DROP COLUMN attempt_ms")
            conn.execute("ALTER TABLE schedules DROP COLUMN paused_in_config")
            conn.execute("DELETE FROM schema_migrations WHERE version > 10")
        assert run("opsctl_app", "runs") == 2  # the upgrade's migrations are the owner's
        assert run("opsctl_owner", "runs") == 0
        assert run("opsctl_app", "ledger", "--scope", "other") == 0
        assert run("opsctl_app", "audit", "verify") == 0
        assert run("opsctl_reader", "audit", "verify") == 0
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            for role in [*roles.values(), dba]:
                with contextlib.suppress(psycopg.errors.UndefinedObject):
                    conn.execute(f"DROP OWNED BY {role}")
                    conn.execute(f"DROP ROLE {role}")


def _python_modules(page: Path) -> dict[str, str]:
    """The page's Python blocks that are whole modules: titled (``title="NAME.py"``) or opening
    with a ``# NAME.py`` comment."""
    modules = {}
    for title, body in re.findall(r'```python(?: title="([\w.]+)")?\n(.*?)```', page.read_text(),
                                  flags=re.S):
        named = title or (re.match(r"# (\w+\.py)\n", body) or [None, None])[1]
        if named and named.endswith(".py") and not named.startswith("test_contracts"):
            modules[named] = body
    return modules


@pytest.mark.parametrize("pages", [["README.md"], ["docs/authoring.md", "docs/testing.md"],
                                   ["docs/migrate-a-script.md"]],
                         ids=["readme", "authoring-and-testing", "migrate-a-script"])
def test_the_documented_modules_pass_mypy_strict(pages: list[str], tmp_path: Path) -> None:
    """An author copying the tutorial into a project checked with `mypy --strict` has nothing
    to fix: a Duration default written as text ("90d") was a str assigned to a timedelta, and
    an apply returning `str | None` no function apply() accepts."""
    modules = {name: body for page in pages for name, body in
               _python_modules(REPO_ROOT / page).items()}
    assert modules, f"no module in {pages}"
    for name, body in modules.items():
        (tmp_path / name).write_text(body)
    # this Python's mypy finds the opsctl these tests import, as an installed package
    typed = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir",
                            str(tmp_path / ".mypy_cache"), *sorted(modules)], cwd=tmp_path,
                           env=clean_env(tmp_path / "home"), capture_output=True, text=True,
                           timeout=300)
    assert typed.returncode == 0, typed.stdout + typed.stderr


def test_the_documented_normalize_call_passes_mypy_strict(tmp_path: Path) -> None:
    """testing.md's `normalize={volume_id: ..., re.compile(...): ...}`: mypy types that dict
    `dict[object, str]`, which the union of mappings `normalize` was typed as refused."""
    call = re.search(r"```python\n(harness\.assert_plan_matches_golden\(.*?)```",
                     (DOCS / "testing.md").read_text(), flags=re.S)
    assert call is not None
    body = "".join(f"    {line}\n" for line in call.group(1).splitlines())
    (tmp_path / "normalized.py").write_text(
        "import re\n\nfrom opsctl.testing import OpsctlHarness, Result\n\n\n"
        "def check(harness: OpsctlHarness, result: Result, volume_id: str) -> None:\n" + body)
    typed = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir",
                            str(tmp_path / ".mypy_cache"), "normalized.py"], cwd=tmp_path,
                           env=clean_env(tmp_path / "home"), capture_output=True, text=True,
                           timeout=300)
    assert typed.returncode == 0, typed.stdout + typed.stderr
