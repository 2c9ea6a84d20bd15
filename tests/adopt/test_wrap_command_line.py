"""What a wrapped script receives: real scripts scanned, wrapped into a project, and run as
subprocesses with the arguments their generated module gives for a request."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from opsctl.adopt.model import Flag, Interface, Script
from opsctl.adopt.scan import scan_file
from opsctl.adopt.wrap import ScriptNotUnderstoodError, design, load_module_text, wrap_script

ARGPARSE_TOOL = '''import argparse, json
p = argparse.ArgumentParser()
p.add_argument("--no-verify", dest="verify", action="store_false", help="skip the check")
p.add_argument("--no-cache", action="store_false")
p.add_argument("--tags", nargs="*")
p.add_argument("--hosts", nargs="+")
p.add_argument("--label", action="append")
p.add_argument("--point", nargs=2)
p.add_argument("-v", "--verbosity", action="count", default=0)
p.add_argument("target", nargs="*")
print(json.dumps(vars(p.parse_args())))
'''

CLICK_TOOL = '''import json
import click


@click.command()
@click.option("--verify/--no-verify", default=True)
@click.option("--cache/--no-cache", default=False)
@click.option("--tag", multiple=True)
@click.option("-v", "--verbose", count=True)
def main(verify, cache, tag, verbose):
    print(json.dumps({"verify": verify, "cache": cache, "tag": list(tag), "verbose": verbose}))


if __name__ == "__main__":
    main()
'''


def wrapped(tmp_path: Path, file_name: str, source: str) -> tuple[Path, dict[str, Any]]:
    """Scan and wrap ``source``; the script and its generated module's namespace."""
    script = tmp_path / "scripts" / file_name
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(source)
    result = wrap_script(tmp_path, script, owner="ops")
    module = next(g.path for g in result.files if g.path.suffix == ".py"
                  and g.path.parent.name == "automations")
    return script, load_module_text(module.read_text(), module)


def run(namespace: dict[str, Any], script: Path, interpreter: list[str],
        request: dict[str, Any]) -> tuple[list[str], Any]:
    """The arguments for ``request`` and what the script printed (JSON when it is)."""
    arguments = namespace["SCRIPT"].arguments(namespace["Request"](**request), reveal=True)
    ran = subprocess.run([*interpreter, str(script), *arguments], capture_output=True,
                         text=True, timeout=60)
    assert ran.returncode == 0, (arguments, ran.stderr)
    return arguments, json.loads(ran.stdout) if ran.stdout[:1] in "{[" else ran.stdout


@pytest.fixture(scope="module")
def argparse_tool(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    return wrapped(tmp_path_factory.mktemp("argparse"), "argparse_kit.py", ARGPARSE_TOOL)


@pytest.fixture(scope="module")
def click_tool(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    return wrapped(tmp_path_factory.mktemp("click"), "click_kit.py", CLICK_TOOL)


# -- booleans ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("request_", "argv", "parsed"), [
    ({}, [], {"verify": True, "no_cache": True}),
    ({"verify": False}, ["--no-verify"], {"verify": False}),
    ({"cache": False}, ["--no-cache"], {"no_cache": False}),
], ids=["defaults-pass-nothing", "store-false-with-dest", "store-false-without-dest"])
def test_an_argparse_store_false_switch_is_the_field_it_turns_off(
        argparse_tool: tuple[Path, dict[str, Any]], request_: dict[str, Any], argv: list[str],
        parsed: dict[str, Any]) -> None:
    script, namespace = argparse_tool
    fields = namespace["Request"].model_fields
    assert fields["verify"].default is True and fields["cache"].default is True

    arguments, values = run(namespace, script, [sys.executable], request_)

    assert arguments == argv
    assert {k: values[k] for k in parsed} == parsed


@pytest.mark.parametrize(("request_", "argv", "parsed"), [
    ({}, [], {"verify": True, "cache": False}),
    ({"verify": False}, ["--no-verify"], {"verify": False}),
    ({"verify": True, "cache": True}, ["--cache"], {"verify": True, "cache": True}),
], ids=["defaults", "true-by-default-turned-off", "false-by-default-turned-on"])
def test_a_click_on_off_pair_gets_the_value_asked_for(click_tool: tuple[Path, dict[str, Any]],
                                                      request_: dict[str, Any], argv: list[str],
                                                      parsed: dict[str, Any]) -> None:
    script, namespace = click_tool

    arguments, values = run(namespace, script, [sys.executable], request_)

    assert arguments == argv
    assert {k: values[k] for k in parsed} == parsed


def test_a_typer_boolean_true_by_default_is_turned_off_with_its_no_spelling(
        tmp_path: Path) -> None:
    from pydantic import create_model

    from opsctl.adopt.runtime import WrappedScript

    script = tmp_path / "typer_kit.py"
    script.write_text("import typer\n\n\ndef main(cache: bool = True, name: str = 'x'):\n"
                      "    print(cache)\n\n\nif __name__ == '__main__':\n    typer.run(main)\n")
    made = design(scan_file(script, root=tmp_path, git=False), "typer-kit")
    cache = next(f for f in made.fields if f.name == "cache")
    assert cache.default is True and cache.arg is not None
    request = create_model("Request", cache=(bool, True))

    arguments = WrappedScript("typer_kit.py", __file__, "python", args=(cache.arg,)).arguments

    assert arguments(request(cache=False)) == ["--no-cache"]
    assert arguments(request(cache=True)) == []


# -- lists and counts -------------------------------------------------------------------------
@pytest.mark.parametrize(("request_", "argv", "parsed"), [
    ({"tags": ["a", "b"]}, ["--tags", "a", "b"], {"tags": ["a", "b"]}),
    ({"hosts": ["h1", "h2"], "script_target": ["t"]}, ["--hosts", "h1", "h2", "--", "t"],
     {"hosts": ["h1", "h2"], "target": ["t"]}),
    ({"label": ["x", "y"]}, ["--label=x", "--label=y"], {"label": ["x", "y"]}),
    ({"point": ["1", "2"]}, ["--point", "1", "2"], {"point": ["1", "2"]}),
    ({"verbosity": 2}, ["--verbosity", "--verbosity"], {"verbosity": 2}),
    ({"tags": ["a"], "verbosity": 1, "script_target": ["t"]}, ["--tags", "a", "--verbosity", "t"],
     {"tags": ["a"], "verbosity": 1, "target": ["t"]}),
], ids=["nargs-star-one-flag-then-values", "nargs-plus-ended-before-positionals",
        "append-repeats-the-flag", "nargs-2-exactly-two", "count-repeats-the-flag",
        "another-option-ends-the-values"])
def test_argparse_lists_and_counts_are_passed_as_the_parser_reads_them(
        argparse_tool: tuple[Path, dict[str, Any]], request_: dict[str, Any], argv: list[str],
        parsed: dict[str, Any]) -> None:
    script, namespace = argparse_tool

    arguments, values = run(namespace, script, [sys.executable], request_)

    assert arguments == argv
    assert {k: values[k] for k in parsed} == parsed


@pytest.mark.parametrize(("request_", "message"), [
    ({"point": ["1"]}, "takes exactly 2 values"),
    ({"tags": ["-x"]}, "starts with '-'"),
], ids=["fixed-count-other-length", "dash-value-in-a-variable-list"])
def test_list_values_the_parser_would_misread_are_refused(
        argparse_tool: tuple[Path, dict[str, Any]], request_: dict[str, Any],
        message: str) -> None:
    from opsctl.errors import UsageError

    _script, namespace = argparse_tool

    with pytest.raises(UsageError, match=message):
        namespace["SCRIPT"].arguments(namespace["Request"](**request_))


def test_click_multiple_and_count_options(click_tool: tuple[Path, dict[str, Any]]) -> None:
    script, namespace = click_tool

    arguments, values = run(namespace, script, [sys.executable],
                            {"tag": ["a", "b"], "script_verbose": 2})

    assert arguments == ["--verbose", "--verbose", "--tag=a", "--tag=b"]
    assert values["tag"] == ["a", "b"] and values["verbose"] == 2


# -- shell `--name=*)` arms -------------------------------------------------------------------
NAMESPACE_SH = '''#!/usr/bin/env bash
NS=default
while [ $# -gt 0 ]; do
  case "$1" in
    --namespace=*) NS="${1#*=}"; shift ;;   # namespace to delete
    --zap) FORCE=1; shift ;;
    *) echo "bad arg $1" >&2; exit 64 ;;
  esac
done
echo "namespace $NS"
'''


def test_a_shell_option_read_only_as_name_equals_value_is_passed_joined(tmp_path: Path) -> None:
    script, namespace = wrapped(tmp_path, "ns_kit.sh", NAMESPACE_SH)

    arguments, output = run(namespace, script, ["bash"], {"namespace": "prod"})

    assert arguments == ["--namespace=prod"]
    assert output == "namespace prod\n"


# -- Django management commands ---------------------------------------------------------------
MANAGE_PY = "import json, sys\nprint(json.dumps(sys.argv[1:]))\n"
PURGE_COMMAND = '''from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Purge inactive users"

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=90)
        parser.add_argument("--commit", action="store_true")

    def handle(self, *args, **options):
        pass
'''


def test_a_django_command_runs_through_the_projects_manage_py(tmp_path: Path) -> None:
    (tmp_path / "manage.py").write_text(MANAGE_PY)
    command = tmp_path / "app" / "management" / "commands" / "purge_kit.py"
    command.parent.mkdir(parents=True)
    command.write_text(PURGE_COMMAND)

    wrap_script(tmp_path, command, owner="ops")

    module = tmp_path / "automations" / "purge_kit.py"
    namespace = load_module_text(module.read_text(), module)
    wrapped_script = namespace["SCRIPT"]
    assert (module.parent / wrapped_script.script).resolve() == (tmp_path / "manage.py").resolve()
    arguments, argv = run(namespace, tmp_path / "manage.py", [sys.executable],
                          {"commit": True, "days": 30})
    assert argv == arguments == ["purge_kit", "--days", "30", "--commit"]


def test_a_django_command_without_manage_py_is_refused(tmp_path: Path) -> None:
    command = tmp_path / "app" / "management" / "commands" / "purge_kit.py"
    command.parent.mkdir(parents=True)
    command.write_text(PURGE_COMMAND)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))

    with pytest.raises(ScriptNotUnderstoodError, match=r"no manage\.py was found") as refused:
        wrap_script(tmp_path, command, owner="ops")

    assert refused.value.exit_code == 3
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_an_option_with_an_envvar_fallback_is_passed_even_at_its_default() -> None:
    """click's envvar: an option left out for being the script's default would let a variable
    inherited from the caller take its place; it is always passed."""
    script = Script(path="tool.py", language="python", interface=Interface("click", [
        Flag("--region", default="eu-west-1", envvar="AWS_REGION"),
        Flag("--zone", default="a")]))

    made = design(script, "tool")

    args = {f.name: f.arg for f in made.fields}
    assert args["region"].default is None and args["zone"].default == "a"


# -- credentials given as flags ---------------------------------------------------------------
def test_an_option_whose_envvar_is_a_credential_is_the_secret_not_a_field() -> None:
    script = Script(path="tool.py", language="python", interface=Interface("click", [
        Flag("--token", envvar="SERVICE_API_KEY"), Flag("--region")]))

    made = design(script, "tool")

    assert [f.name for f in made.fields] == ["region"]
    assert made.secrets == {"service_api_key": "SERVICE_API_KEY"}
    assert "--token is not a request field" in made.notes[0]


@pytest.mark.parametrize(("option", "required"), [
    ('"--api-key", envvar="SERVICE_API_KEY", required=True', True),
    ('"--api-key", envvar="SERVICE_API_KEY"', False),
    ('"--api-key", envvar="SERVICE_API_KEY", default="dev-key"', False),
], ids=["required", "optional", "with-a-default"])
def test_a_required_option_holding_a_credential_makes_its_secret_required(
        tmp_path: Path, option: str, required: bool) -> None:
    source = ("import click\n\n\n@click.command()\n"
              f"@click.option({option}, help='key')\n"
              "def main(api_key):\n    print(api_key)\n\n\n"
              "if __name__ == '__main__':\n    main()\n")
    file = tmp_path / "scripts" / "keyed_kit.py"
    file.parent.mkdir()
    file.write_text(source)

    script = scan_file(file)
    wrap_script(tmp_path, file, owner="ops")

    assert [(e.name, e.credential, e.required) for e in script.env] == [
        ("SERVICE_API_KEY", True, required)]
    module = (tmp_path / "automations" / "keyed_kit.py").read_text()
    assert ("required_secrets=('service_api_key',)" in module) is required
    assert "'service_api_key': 'SERVICE_API_KEY'" in module


def test_a_required_option_named_like_a_credential_requires_its_variable() -> None:
    script = Script(path="tool.py", language="python", interface=Interface("click", [
        Flag("--token", envvar="SERVICE_CONF", required=True)]))

    made = design(script, "tool")

    assert made.secrets == {"service_conf": "SERVICE_CONF"}
    assert made.required_secrets == ["service_conf"]


def test_an_option_named_like_a_credential_is_a_masked_secret_field(tmp_path: Path) -> None:
    source = ("import argparse, json\np = argparse.ArgumentParser()\n"
              "p.add_argument('--db-password')\nprint(json.dumps(vars(p.parse_args())))\n")
    script, namespace = wrapped(tmp_path, "secret_kit.py", source)
    request = namespace["Request"](db_password="hunter2")

    assert "hunter2" not in json.dumps(request.model_dump(mode="json"))
    assert namespace["SCRIPT"].arguments(request) == ["--db-password=**********"]
    _arguments, values = run(namespace, script, [sys.executable],
                         {"db_password": "hunter2"})
    assert values == {"db_password": "hunter2"}


# -- sys.argv handed to main() ------------------------------------------------------------------
ARGV_MAIN_TOOL = '''import json
import sys


def main(argv):
    region = argv[1] if len(argv) > 1 else "eu-west-1"
    print(json.dumps({"region": region}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
'''


def test_argv_handed_to_main_is_wrapped_as_a_positional_with_its_default(tmp_path: Path) -> None:
    script, namespace = wrapped(tmp_path, "region_kit.py", ARGV_MAIN_TOOL)
    field = namespace["Request"].model_fields["arg1"]

    assert field.default == "eu-west-1"
    assert run(namespace, script, [sys.executable], {}) == (["eu-west-1"], {"region": "eu-west-1"})
    assert run(namespace, script, [sys.executable], {"arg1": "us-east-2"}) == (
        ["us-east-2"], {"region": "us-east-2"})


def test_the_wrapped_module_names_the_sql_statement_of_an_effect(tmp_path: Path) -> None:
    source = ('"""Purge expired sessions."""\nimport psycopg2\n\n\ndef main():\n'
              '    with psycopg2.connect("").cursor() as cur:\n'
              '        cur.execute("DELETE FROM sessions WHERE expires_at < now() - %s * '
              'interval \'1 day\'", (30,))\n\n\nmain()\n')
    file = tmp_path / "scripts" / "purge_kit.py"
    file.parent.mkdir()
    file.write_text(source)

    wrap_script(tmp_path, file, owner="ops")

    module = (tmp_path / "automations" / "purge_kit.py").read_text()
    assert "DELETE FROM sessions WHERE expires_at < now()" in module


# -- docopt -------------------------------------------------------------------------------------
DOCOPT_TOOL = '''"""Purge old backups of a stage.

Usage: purge.py [options] <stage>

Options:
  --keep=N     Backups to keep [default: 7].
  -n --dry-run  Only list them.
"""
import json
import sys

try:
    from docopt import docopt
except ImportError:  # where docopt is not installed: what the script was given
    def docopt(doc):
        return sys.argv[1:]

print(json.dumps(docopt(__doc__)))
'''


def test_a_docopt_script_gets_its_positional_and_options(tmp_path: Path) -> None:
    script, namespace = wrapped(tmp_path, "purge.py", DOCOPT_TOOL)
    fields = namespace["Request"].model_fields
    assert fields["stage"].is_required() and fields["keep"].default == "7"
    assert "dry_run" not in fields  # the script's dry run is opsctl's --dry-run

    arguments, given = run(namespace, script, [sys.executable], {"stage": "prod", "keep": "3"})

    assert "prod" in arguments and given == arguments
    assert arguments[arguments.index("prod") - 1:arguments.index("prod")] != ["--keep"]
    assert "--keep=3" in arguments or arguments[arguments.index("--keep") + 1] == "3"


def test_a_required_option_of_a_fixed_count_is_wrapped_with_that_many_sample_values(
        tmp_path: Path) -> None:
    script, namespace = wrapped(tmp_path, "verify_copy.py", (
        "import argparse, json\np = argparse.ArgumentParser()\n"
        "p.add_argument('-o', '--old', required=True, nargs=2, help='host and index')\n"
        "print(json.dumps(vars(p.parse_args())))\n"))
    generated = (tmp_path / "tests" / "test_verify_copy.py").read_text()

    arguments, values = run(namespace, script, [sys.executable], {"old": ["h", "i"]})

    assert "'old': ['example', 'example']" in generated
    assert arguments == ["--old", "h", "i"] and values == {"old": ["h", "i"]}


CLICK_GROUP = """import click


@click.group()
def cli():
    pass


@cli.command()
@click.option("--dry-run", is_flag=True)
def purge(dry_run):
    print("purge", dry_run)


@cli.command()
def show():
    print("show")


if __name__ == "__main__":
    cli()
"""


def test_a_dry_run_flag_of_one_subcommand_is_wrapped_as_that_subcommands(tmp_path: Path) -> None:
    script, namespace = wrapped(tmp_path, "users_kit.py", CLICK_GROUP)
    wrapped_script = namespace["SCRIPT"]

    dry_run = wrapped_script.arguments(namespace["Request"](command="purge"),
                                       command_flag=wrapped_script.dry_run_flag)

    assert wrapped_script.dry_run_commands == ("purge",)
    assert run(namespace, script, [sys.executable], {"command": "purge"})[1] == "purge False\n"
    assert dry_run == ["purge", "--dry-run"]
