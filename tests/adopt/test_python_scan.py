"""The Python scanner, rule by rule: what a script's source says about how it is called (flags,
subcommands, environment), what it changes (files, commands, cloud, HTTP, SQL, ORM), how it exits
and whether it has a dry run, read without running it."""

from __future__ import annotations

import ast
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsctl.adopt import commands
from opsctl.adopt.model import Confidence, Effect, Flag, Script
from opsctl.adopt.python_interface import index_module, position
from opsctl.adopt.python_scan import (
    PythonFacts,
    Scope,
    _module_effects,
    classify_sql,
    looks_like_credential,
    resolve_command,
    sanitize_call,
    scan_python,
)

ROOT = Path("/nonexistent/ops")


def scan(source: str, *, file: Path | None = None, root: Path = ROOT) -> tuple[Script, PythonFacts]:
    script = Script(path="script.py", language="python")
    facts = scan_python(script, textwrap.dedent(source), file=file or root / "script.py", root=root)
    return script, facts


def flags(source: str) -> dict[str, Flag]:
    script, _ = scan(source)
    return {f"{flag.subcommand} {flag.name}" if flag.subcommand else flag.name: flag
            for flag in script.interface.flags}


def effects(source: str) -> list[tuple[str, bool, Confidence]]:
    script, _ = scan(source)
    return [(effect.kind, effect.destructive, effect.confidence) for effect in script.effects]


class RecordedCommands:
    """Stands in for the command rules: records what the scanner passes, returns a command effect."""

    def __init__(self) -> None:
        self.argv: list[tuple[list[str], int, Confidence]] = []
        self.strings: list[tuple[str, int, Confidence]] = []

    def classify_argv(self, argv: Sequence[str], *, line: int, confidence: Confidence = "high") -> Effect:
        self.argv.append((list(argv), line, confidence))
        return Effect("command", False, " ".join(argv), line, confidence)

    def classify_command_string(self, text: str, *, line: int, confidence: Confidence = "high") -> list[Effect]:
        self.strings.append((text, line, confidence))
        return [Effect("command", False, text, line, confidence)]


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> RecordedCommands:
    fake = RecordedCommands()
    monkeypatch.setattr(commands, "classify_argv", fake.classify_argv)
    monkeypatch.setattr(commands, "classify_command_string", fake.classify_command_string)
    return fake


# --- summary -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("source", "expected"), [
    pytest.param('"""Rotate the logs.\n\nLonger text."""\n', "Rotate the logs.", id="docstring"),
    pytest.param('"""\n   Rotate the logs.\n"""\n', "Rotate the logs.", id="docstring-leading-newline"),
    pytest.param("#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n# Rotate the logs\nimport os\n",
                 "Rotate the logs", id="comment-after-shebang"),
    pytest.param("#!/usr/bin/env python\n# Copyright 2019 Example Inc.\n#\n# Prune old snapshots.\n",
                 "Prune old snapshots.", id="copyright-skipped"),
    pytest.param("import os\n# not a summary\n", None, id="code-first"),
    pytest.param("", None, id="empty"),
])
def test_summary_is_the_docstring_or_leading_comment(source: str, expected: str | None) -> None:
    script, _ = scan(source)
    assert script.summary == expected


# --- argparse ----------------------------------------------------------------------------------

ARGPARSE = """\
import argparse, os
from pathlib import Path
def parse_level(text): return text
parser = argparse.ArgumentParser()
parser.add_argument({})
"""


@pytest.mark.parametrize(("call", "name", "expected"), [
    pytest.param('"--count", type=int, default=3', "--count", {"type": "integer", "default": 3}, id="int"),
    pytest.param('"--ratio", type=float', "--ratio", {"type": "number"}, id="float"),
    pytest.param('"--name", type=str, help="Who"', "--name", {"type": "string", "help": "Who"}, id="str-help"),
    pytest.param('"--out", type=Path', "--out", {"type": "path"}, id="pathlib"),
    pytest.param('"--log", type=argparse.FileType("w")', "--log", {"type": "path"}, id="filetype"),
    pytest.param('"--level", type=parse_level', "--level", {"type": "string"}, id="custom-type"),
    pytest.param('"-v", "--verbose", action="count"', "--verbose",
                 {"type": "integer", "aliases": ["-v"]}, id="count-alias"),
    pytest.param('"--tag", action="append"', "--tag", {"type": "list"}, id="append"),
    pytest.param('"--force", action="store_true"', "--force", {"type": "boolean", "default": False},
                 id="store-true"),
    pytest.param('"--no-cache", action="store_false", dest="cache"', "--no-cache",
                 {"type": "boolean", "default": True, "dest": "cache"}, id="store-false-dest"),
    pytest.param('"--fast", action="store_const", const=1', "--fast", {"type": "boolean"}, id="store-const"),
    pytest.param('"--color", action=argparse.BooleanOptionalAction', "--color", {"type": "boolean"},
                 id="boolean-optional"),
    pytest.param('"--env", choices=["dev", "prod"], required=True', "--env",
                 {"type": "choice", "choices": ["dev", "prod"], "required": True}, id="choices-required"),
    pytest.param('"files", nargs="+"', "files", {"type": "list", "positional": True, "required": True},
                 id="positional-list"),
    pytest.param('"name", nargs="?", metavar="NAME"', "name", {"positional": True, "required": False},
                 id="optional-positional"),
    pytest.param('"--token", default=os.environ.get("API_TOKEN")', "--token", {"default": None},
                 id="default-from-env-not-kept"),
    pytest.param('"--hosts", nargs=2', "--hosts", {"type": "list"}, id="nargs-int"),
])
def test_argparse_add_argument(call: str, name: str, expected: dict[str, Any]) -> None:
    script, _ = scan(ARGPARSE.format(call))
    assert script.interface.kind == "argparse"
    flag = {flag.name: flag for flag in script.interface.flags}[name]
    assert {key: getattr(flag, key) for key in expected} == expected


def test_argparse_default_from_the_environment_lists_the_variable() -> None:
    script, _ = scan(ARGPARSE.format('"--token", default=os.environ.get("API_TOKEN")'))
    assert [(env.name, env.credential) for env in script.env] == [("API_TOKEN", True)]


def test_argparse_subparsers_and_parents() -> None:
    found = flags("""
        import argparse
        common = argparse.ArgumentParser(add_help=False)
        common.add_argument("--verbose", action="store_true")
        parser = argparse.ArgumentParser(parents=[common])
        sub = parser.add_subparsers(dest="command")
        up = sub.add_parser("up", parents=[common])
        up.add_argument("--wait", type=int)
        down = sub.add_parser("down", help="tear down")
        down.add_argument("--force", action="store_true")
        sub.add_parser("status").add_argument("--json", action="store_true")
    """)
    assert sorted(found) == ["--verbose", "down --force", "status --json", "up --verbose", "up --wait"]
    assert found["up --wait"].subcommand == "up"


def test_argparse_subcommands_are_listed_and_nest() -> None:
    script, _ = scan("""
        import argparse
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        db = sub.add_parser("db")
        db_sub = db.add_subparsers()
        db_sub.add_parser("migrate").add_argument("--to")
    """)
    assert script.interface.subcommands == ["db", "db migrate"]
    assert [(flag.name, flag.subcommand) for flag in script.interface.flags] == [("--to", "db migrate")]


def test_argparse_parser_built_in_helpers_and_passed_around() -> None:
    found = flags("""
        import argparse
        def add_common(p):
            p.add_argument("--profile")
            group = p.add_mutually_exclusive_group()
            group.add_argument("--json", action="store_true")

        def build_parser():
            parser = argparse.ArgumentParser(description="x")
            add_common(parser)
            return parser

        def main():
            parser = build_parser()
            parser.add_argument("--region", default="eu-west-1")
            args = parser.parse_args()
    """)
    assert sorted(found) == ["--json", "--profile", "--region"]
    assert found["--region"].default == "eu-west-1"


def test_argparse_flag_built_at_run_time_is_a_warning() -> None:
    script, _ = scan("""
        import argparse
        parser = argparse.ArgumentParser()
        for name in ["a", "b"]:
            parser.add_argument(f"--{name}")
    """)
    assert any("built at run time" in warning for warning in script.warnings)


# --- click -------------------------------------------------------------------------------------

def test_click_command_options_and_arguments() -> None:
    script, _ = scan("""
        import click

        @click.command()
        @click.option("--count", "-c", type=int, default=1, help="How many")
        @click.option("--env", type=click.Choice(["dev", "prod"]), required=True)
        @click.option("--out", type=click.Path(exists=False))
        @click.option("--force", is_flag=True)
        @click.option("--shout/--no-shout", default=False)
        @click.option("--tag", multiple=True)
        @click.option("--token", envvar="DEPLOY_TOKEN")
        @click.argument("target")
        @click.argument("extra", nargs=-1)
        def main(count, env, out, force, shout, tag, token, target, extra):
            pass
    """)
    assert script.interface.kind == "click"
    found = {flag.name: flag for flag in script.interface.flags}
    assert (found["--count"].type, found["--count"].default, found["--count"].aliases, found["--count"].help) == (
        "integer", 1, ["-c"], "How many")
    assert (found["--env"].type, found["--env"].choices, found["--env"].required) == ("choice", ["dev", "prod"], True)
    assert found["--out"].type == "path"
    assert (found["--force"].type, found["--force"].default) == ("boolean", False)
    assert (found["--shout"].type, found["--shout"].aliases) == ("boolean", ["--no-shout"])
    assert found["--tag"].type == "list"
    assert (found["target"].positional, found["target"].required) == (True, True)
    assert (found["extra"].type, found["extra"].required) == ("list", False)
    assert [(env.name, env.credential) for env in script.env] == [("DEPLOY_TOKEN", True)]


def test_click_group_subcommands() -> None:
    script, _ = scan("""
        import click

        @click.group()
        @click.option("--verbose", is_flag=True)
        def cli(verbose):
            pass

        @cli.command()
        @click.option("--replicas", type=int)
        def scale_up(replicas):
            pass

        @cli.command(name="tear-down")
        @click.option("--yes", is_flag=True)
        def teardown(yes):
            pass

        @cli.group()
        def db():
            pass

        @db.command()
        @click.argument("revision")
        def migrate(revision):
            pass

        @click.command()
        def orphan():
            pass

        cli.add_command(orphan, name="extra")
    """)
    assert script.interface.kind == "click"
    assert sorted(script.interface.subcommands) == ["db", "db migrate", "extra", "scale-up", "tear-down"]
    assert sorted((flag.subcommand or "", flag.name) for flag in script.interface.flags) == [
        ("", "--verbose"), ("db migrate", "revision"), ("scale-up", "--replicas"), ("tear-down", "--yes")]


# --- typer -------------------------------------------------------------------------------------

def test_typer_run_with_option_defaults() -> None:
    script, _ = scan("""
        import typer
        from pathlib import Path

        def main(name: str, count: int = typer.Option(3, "--count", "-c", help="How many"),
                 force: bool = False, out: Path = typer.Option(..., envvar="OUT_DIR")):
            pass

        if __name__ == "__main__":
            typer.run(main)
    """)
    assert script.interface.kind == "typer"
    found = {flag.name: flag for flag in script.interface.flags}
    assert (found["name"].positional, found["name"].required) == (True, True)
    assert (found["--count"].type, found["--count"].default, found["--count"].aliases) == ("integer", 3, ["-c"])
    assert (found["--force"].type, found["--force"].default) == ("boolean", False)
    assert (found["--out"].type, found["--out"].required) == ("path", True)
    assert [env.name for env in script.env] == ["OUT_DIR"]


def test_typer_annotated_commands_and_enum_choices() -> None:
    script, _ = scan("""
        from enum import Enum
        from typing import Annotated, Optional
        import typer

        class Env(str, Enum):
            dev = "dev"
            prod = "prod"

        app = typer.Typer()

        @app.command()
        def deploy(env: Annotated[Env, typer.Option("--env", "-e", help="Where")] = Env.dev,
                   dry_run: Annotated[bool, typer.Option(help="Only show")] = False,
                   tags: Annotated[Optional[list[str]], typer.Option()] = None):
            pass

        @app.command("roll-back")
        def rollback(version: Annotated[str, typer.Argument()]):
            pass

        if __name__ == "__main__":
            app()
    """)
    assert script.interface.kind == "typer"
    assert script.interface.subcommands == ["deploy", "roll-back"]
    found = {(flag.subcommand, flag.name): flag for flag in script.interface.flags}
    env = found[("deploy", "--env")]
    assert (env.type, env.choices, env.aliases, env.help) == ("choice", ["dev", "prod"], ["-e"], "Where")
    assert found[("deploy", "--dry-run")].type == "boolean"
    assert found[("deploy", "--tags")].type == "list"
    assert found[("roll-back", "version")].positional
    assert script.dry_run_flag == "--dry-run"


# --- optparse, getopt, sys.argv, Django ---------------------------------------------------------

def test_optparse_options() -> None:
    script, _ = scan("""
        from optparse import OptionParser
        parser = OptionParser(usage="%prog [options]")
        parser.add_option("-n", "--num", dest="count", type="int", default=5, help="how many")
        parser.add_option("-q", "--quiet", action="store_false", dest="verbose")
        parser.add_option("--mode", type="choice", choices=["a", "b"])
        (options, args) = parser.parse_args()
    """)
    assert script.interface.kind == "optparse"
    found = {flag.name: flag for flag in script.interface.flags}
    assert (found["--num"].type, found["--num"].default, found["--num"].aliases, found["--num"].dest) == (
        "integer", 5, ["-n"], "count")
    assert found["--quiet"].type == "boolean"
    assert found["--mode"].choices == ["a", "b"]
    assert not script.has_dry_run  # -n is a number here


def test_getopt_short_and_long_specs() -> None:
    script, _ = scan("""
        import getopt, sys
        opts, args = getopt.getopt(sys.argv[1:], "hn:v", ["help", "name=", "dry-run"])
        for o, a in opts:
            if o in ("-n", "--name"):
                name = a
            elif o in ("-h", "--help"):
                pass
    """)
    assert script.interface.kind == "getopt"
    found = {flag.name: (flag.type, flag.aliases) for flag in script.interface.flags}
    assert found == {"--help": ("boolean", ["-h"]), "--name": ("string", ["-n"]), "-v": ("boolean", []),
                     "--dry-run": ("boolean", [])}
    assert script.dry_run_flag == "--dry-run"


@pytest.mark.parametrize(("source", "expected"), [
    pytest.param("import sys\nif len(sys.argv) < 3:\n    sys.exit(2)\nsrc = sys.argv[1]\ndst = sys.argv[2]\n",
                 [("arg1", True), ("arg2", True)], id="len-check-required"),
    pytest.param("import sys\nsrc = sys.argv[1]\nif len(sys.argv) > 2:\n    dst = sys.argv[2]\n",
                 [("arg1", False), ("arg2", False)], id="guarded-optional"),
    pytest.param("import sys\nhost = sys.argv[1]\n", [("arg1", True)], id="unguarded-index-required"),
    pytest.param("import sys\n_, source, target = sys.argv\n", [("source", True), ("target", True)],
                 id="unpacked"),
    pytest.param("import sys\nargs = sys.argv[1:]\nname = args[0]\n", [("arg1", True)], id="argv-slice"),
])
def test_sys_argv_positionals(source: str, expected: list[tuple[str, bool]]) -> None:
    script, _ = scan(source)
    assert script.interface.kind == "argv"
    assert [(flag.name, flag.required) for flag in script.interface.flags] == expected


def test_sys_argv_comparisons_are_choices_and_membership_is_a_switch() -> None:
    script, _ = scan("""
        import sys
        if sys.argv[1] == "start":
            pass
        elif sys.argv[1] == "stop":
            pass
        force = "--force" in sys.argv
    """)
    found = {flag.name: flag for flag in script.interface.flags}
    assert (found["arg1"].type, found["arg1"].choices) == ("choice", ["start", "stop"])
    assert found["--force"].type == "boolean"


def test_django_management_command() -> None:
    script, facts = scan("""
        from django.core.management.base import BaseCommand

        class Command(BaseCommand):
            help = "Prune sessions"

            def add_arguments(self, parser):
                parser.add_argument("--days", type=int, default=30)
                parser.add_argument("--dry-run", action="store_true")

            def handle(self, *args, **options):
                Session.objects.filter(expired=True).delete()
    """)
    assert script.interface.kind == "django"
    assert [(flag.name, flag.type) for flag in script.interface.flags] == [("--days", "integer"),
                                                                          ("--dry-run", "boolean")]
    assert facts.entry
    assert script.has_dry_run
    assert effects_of(script) == [("orm", True, "high")]


def test_django_command_found_by_its_path() -> None:
    script, facts = scan("print('x')\n", file=ROOT / "app/management/commands/prune.py")
    assert script.interface.kind == "django"
    assert facts.entry


def effects_of(script: Script) -> list[tuple[str, bool, Confidence]]:
    return [(effect.kind, effect.destructive, effect.confidence) for effect in script.effects]


# --- dry run -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("source", "flag"), [
    pytest.param(ARGPARSE.format('"-n", action="store_true", help="dry run: show what would be deleted"'),
                 "-n", id="dash-n-with-dry-help"),
    pytest.param(ARGPARSE.format('"-n", "--dry-run", action="store_true"'), "--dry-run", id="long-spelling"),
    pytest.param(ARGPARSE.format('"--noop", action="store_true"'), "--noop", id="noop"),
    pytest.param(ARGPARSE.format('"--check", action="store_true"'), "--check", id="check"),
    pytest.param(ARGPARSE.format('"--simulate", action="store_true"'), "--simulate", id="simulate"),
    pytest.param(ARGPARSE.format('"--test", action="store_true", help="Do not actually change anything"'),
                 "--test", id="help-says-so"),
    pytest.param(ARGPARSE.format('"--dry_run", dest="dry_run", action="store_true"'), "--dry_run",
                 id="underscore"),
    pytest.param(ARGPARSE.format('"-n", type=int, help="number of nodes"'), None, id="dash-n-number"),
    pytest.param(ARGPARSE.format('"--plan", help="plan file to apply"'), None, id="plan-file-value"),
    pytest.param("import click\n@click.command()\n@click.option('--dry-run/--no-dry-run')\ndef m(dry_run): pass\n",
                 "--dry-run", id="click-secondary"),
    pytest.param("import sys\nDRY = '--dry-run' in sys.argv\n", "--dry-run", id="argv-membership"),
])
def test_dry_run_flag(source: str, flag: str | None) -> None:
    script, _ = scan(source)
    assert (script.has_dry_run, script.dry_run_flag) == (flag is not None, flag)


def test_dry_run_from_the_environment_has_no_flag() -> None:
    script, _ = scan("import os\nDRY_RUN = os.environ.get('DRY_RUN') == '1'\n")
    assert (script.has_dry_run, script.dry_run_flag) == (True, None)


def test_dry_run_membership_test_next_to_a_parser() -> None:
    script, _ = scan(ARGPARSE.format('"--x"') + "import sys\nif '--dry-run' in sys.argv: pass\n")
    assert script.dry_run_flag == "--dry-run"


# --- environment -------------------------------------------------------------------------------

def test_environment_reads() -> None:
    script, _ = scan("""
        import os
        from os import environ, getenv
        HOME = os.environ["HOME"]
        REGION = os.environ.get("AWS_REGION", "eu-west-1")
        LEVEL = os.getenv("LOG_LEVEL")
        SHELL = environ.get("SHELL")
        USER = getenv("USER")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")
        if "CI" in os.environ:
            pass
        os.environ["EXPORTED"] = "1"
        AGAIN = os.environ.get("HOME")
        NAME = "DEPLOY_KEY"
        KEY = os.environ[NAME]
    """)
    assert [(env.name, env.line, env.required) for env in script.env] == [
        ("HOME", 4, True), ("AWS_REGION", 5, False), ("LOG_LEVEL", 6, False), ("SHELL", 7, False),
        ("USER", 8, False), ("DJANGO_SETTINGS_MODULE", 9, False), ("CI", 10, False), ("DEPLOY_KEY", 15, True)]


def test_environment_required_when_any_read_has_no_default() -> None:
    script, _ = scan("import os\nA = os.environ.get('TOKEN')\nB = os.environ['TOKEN']\n")
    assert [(env.name, env.line, env.required) for env in script.env] == [("TOKEN", 2, True)]


@pytest.mark.parametrize(("name", "credential"), [
    *[pytest.param(name, True, id=name) for name in (
        "GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "DB_PASSWORD", "MYSQL_PASSWD",
        "CLIENT_SECRET", "API_KEY", "STRIPE_API_KEY", "ACCESS_KEY", "SSH_PRIVATE_KEY", "GOOGLE_CREDENTIALS",
        "GOOGLE_APPLICATION_CREDENTIALS", "BASIC_AUTH", "SENTRY_DSN", "DATABASE_URL", "DB_PASS",
        "VAULT_TOKEN", "SLACK_BOT_TOKEN", "django_secret_key", "PGPASSWORD", "APIKEY")],
    *[pytest.param(name, False, id=name) for name in (
        "AWS_REGION", "KEY_ID", "AWS_ACCESS_KEY_ID", "PWD", "OLDPWD", "HOME", "TOKEN_URL", "OS_AUTH_URL",
        "AUTH_TYPE", "PASSWORD_FILE", "TOKENIZER", "PASSTHROUGH", "SORT_KEY", "KEYBOARD", "BYPASS_CACHE",
        "SECRETARY_NAME", "LOG_LEVEL")],
])
def test_credential_names(name: str, credential: bool) -> None:
    assert looks_like_credential(name) is credential


# --- effects: files ----------------------------------------------------------------------------

@pytest.mark.parametrize(("source", "expected"), [
    pytest.param("import os\nos.remove('a')", [("file-delete", True, "high")], id="os.remove"),
    pytest.param("import os\nos.unlink(p)", [("file-delete", True, "high")], id="os.unlink"),
    pytest.param("import os\nos.rmdir(p)", [("file-delete", True, "high")], id="os.rmdir"),
    pytest.param("import os\nos.removedirs(p)", [("file-delete", True, "high")], id="os.removedirs"),
    pytest.param("import shutil\nshutil.rmtree(p)", [("file-delete", True, "high")], id="rmtree"),
    pytest.param("from shutil import rmtree as rm\nrm(p)", [("file-delete", True, "high")], id="rmtree-alias"),
    pytest.param("from pathlib import Path\nPath('a').unlink()", [("file-delete", True, "high")],
                 id="path-unlink"),
    pytest.param("from pathlib import Path\np = Path('a')\np.rmdir()", [("file-delete", True, "high")],
                 id="path-variable-rmdir"),
    pytest.param("f(x).unlink(missing_ok=True)", [("file-delete", True, "medium")], id="unknown-unlink"),
    pytest.param("open(p, 'w')", [("file-write", False, "high")], id="open-w"),
    pytest.param("open(p, mode='wb')", [("file-write", False, "high")], id="open-wb"),
    pytest.param("open(p, 'a')", [("file-write", False, "high")], id="open-append"),
    pytest.param("open(p, 'r+')", [("file-write", False, "high")], id="open-r-plus"),
    pytest.param("open(p)\nopen(p, 'rb')", [], id="open-read"),
    pytest.param("import io\nio.open(p, 'w')", [("file-write", False, "high")], id="io-open"),
    pytest.param("from pathlib import Path\nPath('x').write_text('y')", [("file-write", False, "high")],
                 id="write-text"),
    pytest.param("from pathlib import Path\nPath('x').open('w')", [("file-write", False, "high")],
                 id="path-open-w"),
    pytest.param("import shutil\nshutil.move(a, b)\nshutil.copy(a, b)\nshutil.copyfile(a, b)",
                 [("file-write", False, "high")] * 3, id="shutil-move-copy"),
    pytest.param("import os\nos.rename(a, b)\nos.replace(a, b)", [("file-write", False, "high")] * 2,
                 id="rename-replace"),
])
def test_file_effects(source: str, expected: list[tuple[str, bool, str]]) -> None:
    assert effects(source) == expected


def test_effect_call_text_and_via() -> None:
    script, _ = scan("""
        import shutil
        def clean(build_dir):
            shutil.rmtree(build_dir)
        class Janitor:
            def sweep(self):
                shutil.rmtree(self.root)
        shutil.rmtree("/tmp/x")
    """)
    assert [(effect.call, effect.line, effect.via) for effect in script.effects] == [
        ("shutil.rmtree(build_dir)", 4, "clean"), ("shutil.rmtree(self.root)", 7, "Janitor.sweep"),
        ("shutil.rmtree('/tmp/x')", 8, None)]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("requests.post(url, data='" + "x" * 70 + "')", "requests.post(url, data='…')", id="long-literal"),
    pytest.param("requests.post(url, headers={'Authorization': 'Bearer abcdef0123456789abcdef'})",
                 "requests.post(url, headers={'Authorization': '…'})", id="bearer"),
    pytest.param("connect(host, password='hunter2')", "connect(host, password=…)", id="password-keyword"),
    pytest.param("os.remove('a')", "os.remove('a')", id="short-kept"),
])
def test_call_text_never_carries_secrets(text: str, expected: str) -> None:
    assert sanitize_call(text) == expected


def test_call_text_is_cut_to_120_characters() -> None:
    text = sanitize_call("f(" + ", ".join(f"argument_{n}" for n in range(40)) + ")")
    assert len(text) == 120 and text.endswith("…")


@given(st.text(max_size=400))
def test_call_text_bound_holds_for_any_text(text: str) -> None:
    assert len(sanitize_call(text)) <= 120
