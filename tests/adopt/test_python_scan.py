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
from opsctl.adopt.python_commands import Scope, resolve_command, sanitize_call
from opsctl.adopt.python_effects import classify_sql
from opsctl.adopt.python_index import index_module, position
from opsctl.adopt.python_local import _module_effects
from opsctl.adopt.python_scan import PythonFacts, looks_like_credential, scan_python

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
    pytest.param("#!/usr/bin/env python\n#\n# Copyright 2014 Example Ltd\n#\n"
                 "#    Licensed under the Apache License, Version 2.0 (the \"License\"); you may\n"
                 "#    not use this file except in compliance with the License.\n#\n"
                 "#    Unless required by applicable law or agreed to in writing, software\n"
                 "#    distributed under the License is distributed on an \"AS IS\" BASIS.\n"
                 "#    See the License for the specific language governing permissions and limitations\n"
                 "#    under the License.\n\nimport argparse\n", None, id="licence-header-only"),
    pytest.param("#!/usr/bin/env python3\n# SPDX-License-Identifier: MIT\n"
                 "# Permission is hereby granted, free of charge, to any person obtaining a copy\n"
                 "# of this software, to deal in the Software.\n#\n# Description: Rotate the logs.\n",
                 "Rotate the logs.", id="licence-header-then-description"),
    pytest.param('#!/usr/bin/env python3\n# Prune the AMIs.\n"""\nCopyright 2016 Example.com, Inc. or its affiliates. '
                 'All Rights Reserved.\n\nLicensed under the Apache License, Version 2.0.\n"""\n',
                 "Prune the AMIs.", id="licence-docstring-then-the-comment"),
    pytest.param('"""TODO: remove once migrated.\n\nDeletes the old rows."""\n', "TODO: remove once migrated.",
                 id="docstring-first-line-kept"),
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
DEFAULT_REGION = "eu-west-1"
REGIONS = ["eu-west-1", "us-east-1"]
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
    pytest.param('"--region", default=DEFAULT_REGION, choices=REGIONS', "--region",
                 {"default": "eu-west-1", "choices": ["eu-west-1", "us-east-1"], "type": "choice"},
                 id="module-constants"),
])
def test_argparse_add_argument(call: str, name: str, expected: dict[str, Any]) -> None:
    script, _ = scan(ARGPARSE.format(call))
    assert script.interface.kind == "argparse"
    flag = {flag.name: flag for flag in script.interface.flags}[name]
    assert {key: getattr(flag, key) for key in expected} == expected


@pytest.mark.parametrize("call", [
    pytest.param('"--password", default="hunter2"', id="credential-name"),
    pytest.param('"--auth", dest="api_token", default="abc"', id="credential-dest"),
    pytest.param('"--header", default="Bearer eyJhbGciOiJIUzI1NiJ9abcdef"', id="secret-looking-value"),
])
def test_secret_defaults_are_not_recorded(call: str) -> None:
    script, _ = scan(ARGPARSE.format(call))
    assert [flag.default for flag in script.interface.flags] == [None]


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


def test_argparse_parser_on_self_and_parser_subclasses() -> None:
    found = flags("""
        import argparse

        class QuietParser(argparse.ArgumentParser):
            def error(self, message):
                raise SystemExit(2)

        class Tool:
            def __init__(self):
                self.parser = QuietParser(prog="tool")

            def setup(self):
                self.parser.add_argument("--zone")
    """)
    assert sorted(found) == ["--zone"]


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


def test_clicks_own_option_decorators_have_their_default_spellings() -> None:
    found = flags("""
        import click

        @click.command()
        @click.version_option(version="1.2")
        @click.password_option()
        @click.confirmation_option(prompt="Drop the database?")
        @click.option("--db")
        def main(password, db):
            pass
    """)
    assert sorted(found) == ["--db", "--password", "--version", "--yes"]


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


@pytest.mark.parametrize(("source", "expected"), [
    pytest.param("import sys\ndef main(argv):\n"
                 "    region = argv[1] if len(argv) > 1 else 'eu-west-1'\n    return 0\n"
                 "sys.exit(main(sys.argv))\n",
                 [("arg1", False, "eu-west-1")], id="argv-with-a-default"),
    pytest.param("import sys\ndef main(argv):\n    days = int(argv[1])\n"
                 "sys.exit(main(sys.argv))\n", [("arg1", True, None)], id="argv"),
    pytest.param("import sys\ndef run(args):\n    if len(args) < 2:\n        sys.exit(2)\n"
                 "    src, dst = args[0], args[1]\n    force = '--force' in args\n"
                 "run(sys.argv[1:])\n",
                 [("arg1", True, None), ("arg2", True, None), ("--force", False, False)],
                 id="argv-slice-with-a-length-check"),
    pytest.param("import sys\ndef main(level, argv=None):\n    name = argv[2]\n"
                 "main(1, argv=sys.argv)\n", [("arg2", True, None)], id="by-keyword"),
])
def test_sys_argv_passed_to_a_local_function_is_read_through_its_parameter(
        source: str, expected: list[tuple[str, bool, Any]]) -> None:
    script, _ = scan(source)
    assert script.interface.kind == "argv"
    assert [(flag.name, flag.required, flag.default)
            for flag in script.interface.flags] == expected


def test_arguments_unpacked_into_a_local_function_are_its_parameters() -> None:
    script, _ = scan("import sys\n\n\ndef main(repo, archive, version=None, push=None):\n"
                     "    if push == '--push':\n        print('pushing')\n\n\n"
                     "if __name__ == '__main__':\n    main(*sys.argv[1:])\n")
    assert [(f.name, f.aliases, f.required, f.positional) for f in script.interface.flags] == [
        ("repo", ["arg1"], True, True), ("archive", ["arg2"], True, True),
        ("version", ["arg3"], False, True), ("--push", [], False, False)]


def test_a_wrapper_that_hands_its_arguments_to_add_argument_adds_options() -> None:
    script, _ = scan("from argparse import ArgumentParser\n\n\n"
                     "def add_argument(parser, *args, **kwargs):\n    parser.add_argument(*args, **kwargs)\n\n\n"
                     "def add_dry_run(parser):\n    add_argument(parser, '--dry_run', '--dry-run', action='store_true')\n\n\n"
                     "parser = ArgumentParser()\nadd_dry_run(parser)\nparser.add_argument('--date')\n"
                     "args = parser.parse_args()\n")
    assert [(f.name, f.aliases) for f in script.interface.flags] == [("--dry_run", ["--dry-run"]), ("--date", [])]
    assert script.has_dry_run


@pytest.mark.parametrize(("source", "destructive"), [
    pytest.param("from google.cloud import bigquery\nimport sys\n"
                 "config = bigquery.QueryJobConfig(write_disposition=(\n"
                 "    bigquery.WriteDisposition.WRITE_TRUNCATE if '--overwrite' in sys.argv\n"
                 "    else bigquery.WriteDisposition.WRITE_EMPTY))\n", [True], id="bigquery-truncate"),
    pytest.param("df = None\ndf.write.mode('overwrite').parquet('gs://b/x')\n", [True], id="spark-overwrite"),
    pytest.param("df = None\ndf.write.mode('append').parquet('gs://b/x')\n", [False], id="spark-append"),
])
def test_a_table_or_dataset_overwritten_whole(source: str, destructive: list[bool]) -> None:
    script, _ = scan(source)
    assert [e.destructive for e in script.effects] == destructive


@pytest.mark.parametrize(("source", "destructive"), [
    pytest.param("import boto3\nclient = boto3.client('dynamodb')\n"
                 "for row in client.scan(TableName='ingests')['Items']:\n"
                 "    row['version'] += 1\n    client.put_item(TableName='ingests', Item=row)\n",
                 [True], id="rows-read-and-written-back"),
    pytest.param("import boto3\nclient = boto3.client('dynamodb')\n"
                 "client.put_item(TableName='ingests', Item={'id': {'S': 'new'}})\n",
                 [False], id="a-new-row"),
])
def test_dynamodb_rows_written_back_over_themselves(source: str, destructive: list[bool]) -> None:
    script, _ = scan(source)
    assert [e.destructive for e in script.effects] == destructive


@pytest.mark.parametrize(("source", "destructive"), [
    pytest.param("from archive.models import Message\nfound = []\n"
                 "for m in Message.objects.exclude(spam_score=0):\n    found.append(m)\n"
                 "for message in found:\n    message.delete()\n", [True], id="rows-collected-then-deleted"),
    pytest.param("import boto3\nathena = boto3.client('athena')\n\n\ndef run(query):\n"
                 "    athena.start_query_execution(QueryString=query)\n\n\n"
                 "run(f'DROP DATABASE IF EXISTS {name} CASCADE;')\n", [True], id="athena-sql-handed-on"),
    pytest.param("import os\n\n\ndef bundle(src):\n    temp_archive_name = unique_id() + '.tar'\n"
                 "    make_tar(temp_archive_name, src)\n    upload(temp_archive_name)\n"
                 "    os.unlink(temp_archive_name)\n", [], id="a-file-named-as-temporary"),
])
def test_rows_collected_sql_handed_on_and_temporary_names(source: str, destructive: list[bool]) -> None:
    script, _ = scan(source)
    assert [e.destructive for e in script.effects if e.kind != "cloud"] == destructive


@pytest.mark.parametrize(("source", "destructive"), [
    pytest.param("from client import get_github3_client\ngh = get_github3_client()\norg = gh.organization('x')\n"
                 "org.remove_membership('someone')\n", [True], id="an-sdk-client-made-by-a-project-helper"),
    pytest.param("import pdpyras\nsession = pdpyras.APISession(token)\n"
                 "session.rdelete('/schedules/P1/overrides/O1')\n", [True], id="a-rest-sessions-rdelete"),
])
def test_api_clients_made_by_helpers_and_rest_sessions(source: str, destructive: list[bool]) -> None:
    script, _ = scan(source)
    assert [e.destructive for e in script.effects] == destructive


def test_a_parser_never_parsed_beside_getopt_is_not_the_interface() -> None:
    script, _ = scan("import getopt\nimport optparse\nimport sys\n\n\ndef shell_options():\n"
                     "    parser = optparse.OptionParser()\n    parser.add_option('--os_auth_token')\n"
                     "    return parser\n\n\ndef main(argv):\n"
                     "    opts, args = getopt.getopt(argv, 'l:c:xh')\n\n\nmain(sys.argv[1:])\n")
    assert script.interface.kind == "getopt"
    assert [f.name for f in script.interface.flags] == ["-l", "-c", "-x", "-h"]


@pytest.mark.parametrize(("source", "destructive"), [
    pytest.param("from elasticsearch_dsl import Index\nindex = Index('messages')\nindex.delete()\n",
                 [True], id="an-index-deleted-whole"),
    pytest.param("from opensearch_dsl import Index\nIndex('messages').delete()\n", [True], id="chained"),
    pytest.param("from elasticsearch import Elasticsearch\nconn = Elasticsearch()\n"
                 "conn.delete(index='courses', id='c1')\n", [False], id="one-document"),
])
def test_a_search_index_deleted_whole_or_one_of_its_documents(source: str, destructive: list[bool]) -> None:
    script, _ = scan(source)
    assert [e.destructive for e in script.effects] == destructive


@pytest.mark.parametrize("source", [
    pytest.param("import sys\nargs = sys.argv[1:]\nfor a in args:\n    print(a)\n", id="slice-named"),
    pytest.param("import sys\ndef main(argv):\n    print(argv)\nmain(sys.argv)\n", id="passed-on"),
    pytest.param("import sys\ndef main(argv):\n    for a in argv[1:]:\n        print(a)\n"
                 "main(sys.argv)\n", id="passed-on-and-looped-over"),
    pytest.param("from sys import argv\nimport os\nos.remove(*argv[1:])\n", id="starred"),
])
def test_sys_argv_read_wholesale_is_an_argv_interface_without_flags(source: str) -> None:
    """A script that takes whatever arguments it is given has an interface no flag describes:
    ``argv`` with no flags, which `opsctl wrap` refuses without --force."""
    script, _ = scan(source)
    assert (script.interface.kind, script.interface.flags) == ("argv", [])


@pytest.mark.parametrize("source", [
    pytest.param("import sys\nprint('usage:', sys.argv[0])\n", id="program-name-only"),
    pytest.param("print('no arguments at all')\n", id="none"),
])
def test_sys_argv_program_name_only_is_no_interface(source: str) -> None:
    script, _ = scan(source)
    assert script.interface.kind == "none"


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


def test_an_option_spelling_compared_with_a_position_of_sys_argv_is_a_switch() -> None:
    """``sys.argv[1] == "--fail-on-changes"``, ``sys.argv[1] in ['-q', '--quiet']``: switches
    looked for at that position, not values of a positional (whose choices stay choices)."""
    script, _ = scan("""
        import sys
        fail_on_changes = len(sys.argv) == 2 and sys.argv[1] == "--fail-on-changes"
        if len(sys.argv) > 2 and sys.argv[2] in ['-q', '--quiet']:
            quiet = True
    """)
    found = {flag.name: flag for flag in script.interface.flags}
    assert set(found) == {"--fail-on-changes", "--quiet"}
    assert found["--quiet"].aliases == ["-q"] and found["--quiet"].type == "boolean"
    mixed, _ = scan("import sys\nif sys.argv[1] == 'start' or sys.argv[1] == '--help':\n    pass\n")
    assert {flag.name: flag.choices for flag in mixed.interface.flags} == {"arg1": ["start"], "--help": None}


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


OLD_STYLE_OPTIONS = """\
{imports}

class Command({base}):
    option_list = {base}.option_list + (
        make_option("-c", "--clean", dest="clean", action="store_true", default=False, help="Clean up old backups"),
        make_option("-d", "--database", help="Database to back up"),
        make_option("--keep", type="int", default=7),
    )

    def handle(self, *args, **options):
        pass
"""


@pytest.mark.parametrize(("imports", "base", "kind"), [
    pytest.param("from optparse import make_option\nfrom django.core.management.base import BaseCommand",
                 "BaseCommand", "django", id="optparse-make-option-in-base-command"),
    pytest.param("from django.core.management.base import BaseCommand\nfrom ._base import BaseBackupCommand, make_option",
                 "BaseBackupCommand", "django", id="project-make-option-and-command-base"),
    pytest.param("from optparse import make_option\nclass Tool: option_list = ()", "Tool", "optparse",
                 id="make-option-outside-django"),
])
def test_old_style_option_list(imports: str, base: str, kind: str) -> None:
    script, _ = scan(OLD_STYLE_OPTIONS.format(imports=imports, base=base))
    assert script.interface.kind == kind
    found = {flag.name: flag for flag in script.interface.flags}
    assert list(found) == ["--clean", "--database", "--keep"]
    assert (found["--clean"].type, found["--clean"].default, found["--clean"].aliases,
            found["--clean"].help) == ("boolean", False, ["-c"], "Clean up old backups")
    assert (found["--keep"].type, found["--keep"].default) == ("integer", 7)


def test_make_option_in_a_module_level_list() -> None:
    script, _ = scan("""
        from optparse import OptionParser, make_option
        OPTIONS = [make_option("--force", action="store_true")]
        parser = OptionParser(option_list=OPTIONS)
    """)
    assert [flag.name for flag in script.interface.flags] == ["--force"]


@pytest.mark.parametrize("base", [
    pytest.param("BaseCommand", id="django-base"),
    pytest.param("ProjectCommand", id="project-base-extending-super"),
])
def test_add_arguments_extending_the_base_class(base: str) -> None:
    script, _ = scan(f"""
        from project.base import {base}

        class Command({base}):
            def add_arguments(self, parser):
                super().add_arguments(parser)
                parser.add_argument("--yes", action="store_true", help="Commit the changes to the database")
                parser.add_argument("--from-date")
    """)
    assert script.interface.kind == "django"
    assert [flag.name for flag in script.interface.flags] == ["--yes", "--from-date"]
    assert (script.has_dry_run, script.dry_run_flag) == (True, None)


@pytest.mark.parametrize(("body", "name"), [
    pytest.param('label = "slug"', "slug", id="label-attribute"),
    pytest.param("pass", "label", id="default-label"),
])
def test_label_command_positional(body: str, name: str) -> None:
    script, _ = scan(f"""
        from django.core.management.base import LabelCommand

        class Command(LabelCommand):
            {body}

            def handle_label(self, label, **options):
                pass
    """)
    assert [(flag.name, flag.positional) for flag in script.interface.flags] == [(name, True)]


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
    pytest.param(ARGPARSE.format('"--no-admin", action="store_true", help="Do not change administrator accounts"'),
                 None, id="filter-saying-do-not-change"),
    pytest.param(ARGPARSE.format('"-n", "--no-staff", action="store_true", help="Do not modify staff users"'),
                 None, id="dash-n-filter"),
    pytest.param(ARGPARSE.format('"--fix", action="store_true", help="fix the trees"'), None, id="fix-is-not-preview"),
    pytest.param(ARGPARSE.format('"--preview", action="store_true"'), "--preview", id="preview"),
    pytest.param(ARGPARSE.format('"--safe", action="store_true", help="do not change anything"'), "--safe",
                 id="do-not-change-anything"),
    pytest.param("import click\n@click.command()\n@click.option('--dry-run/--no-dry-run')\ndef m(dry_run): pass\n",
                 "--dry-run", id="click-secondary"),
    pytest.param("import sys\nDRY = '--dry-run' in sys.argv\n", "--dry-run", id="argv-membership"),
])
def test_dry_run_flag(source: str, flag: str | None) -> None:
    script, _ = scan(source)
    assert (script.has_dry_run, script.dry_run_flag) == (flag is not None, flag)


@pytest.mark.parametrize("call", [
    pytest.param('"--apply", action="store_true", help="delete for real"', id="apply"),
    pytest.param('"--execute", action="store_true"', id="execute"),
    pytest.param('"--go", action="store_true", help="act; the default is a dry run"', id="help-says-default"),
    pytest.param('"--actually-do-it", action="store_true"', id="actually-do-it"),
    pytest.param('"--really", action="store_true"', id="really"),
    pytest.param('"--do-it", action="store_true"', id="do-it"),
    pytest.param('"--for-real", action="store_true"', id="for-real"),
    pytest.param('"--no-dry-run", action="store_true"', id="no-dry-run"),
    pytest.param('"--commit", action="store_true"', id="commit"),
    pytest.param('"--confirm", action="store_true"', id="confirm"),
    pytest.param('"--yes", action="store_true", help="Commit the changes to the database"', id="help-commit"),
    pytest.param('"--go", action="store_true", help="Actually perform the deletion"', id="help-actually"),
    pytest.param('"--delete", action="store_true", help="Confirm deleting rather than just printing info"',
                 id="help-rather-than-printing"),
])
def test_preview_by_default_is_a_dry_run_without_a_flag(call: str) -> None:
    script, _ = scan(ARGPARSE.format(call))
    assert (script.has_dry_run, script.dry_run_flag) == (True, None)


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


def test_environment_names_from_a_loop_over_literals() -> None:
    script, _ = scan("import os\nfor name in ('DB_HOST', 'DB_PASSWORD'):\n    print(os.environ[name])\n")
    assert [(env.name, env.required, env.credential) for env in script.env] == [
        ("DB_HOST", True, False), ("DB_PASSWORD", True, True)]


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
    # (an empty directory only: ``rmdir`` refuses one that holds anything, so nothing is lost)
    pytest.param("import os\nos.rmdir(p)", [("file-delete", False, "high")], id="os.rmdir"),
    pytest.param("import os\nos.removedirs(p)", [("file-delete", False, "high")], id="os.removedirs"),
    pytest.param("import shutil\nshutil.rmtree(p)", [("file-delete", True, "high")], id="rmtree"),
    pytest.param("from shutil import rmtree as rm\nrm(p)", [("file-delete", True, "high")], id="rmtree-alias"),
    pytest.param("from pathlib import Path\nPath('a').unlink()", [("file-delete", True, "high")],
                 id="path-unlink"),
    pytest.param("from pathlib import Path\np = Path('a')\np.rmdir()", [("file-delete", False, "high")],
                 id="path-variable-rmdir"),
    pytest.param("f(x).unlink(missing_ok=True)", [("file-delete", True, "medium")], id="unknown-unlink"),
    pytest.param("import os, shutil, tempfile\nwork = tempfile.mkdtemp()\nshutil.rmtree(work)\n"
                 "shutil.rmtree(os.path.join(work, 'sub'))\ntmp = tempfile.NamedTemporaryFile(delete=False)\n"
                 "os.remove(tmp.name)\nwith tempfile.TemporaryDirectory() as d:\n    os.unlink(d + '/x')\n"
                 "    os.unlink(f'{d}/y')\nshutil.rmtree(other)",
                 [("file-delete", True, "high")], id="own-temporary-files-are-not-effects"),
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
    pytest.param("from django.core.files.storage import default_storage\ndefault_storage.delete(p)\n"
                 "default_storage.save(p, f)", [("file-delete", True, "high"), ("file-write", False, "high")],
                 id="django-storage"),
])
def test_file_effects(source: str, expected: list[tuple[str, bool, str]]) -> None:
    assert effects(source) == expected


@pytest.mark.parametrize("source", [
    pytest.param("import os\ndef f(out):\n    with open(out, 'wb') as fh:\n        fh.write(b'x')\n    upload(out)\n"
                 "    os.unlink(out)", id="open-wb-then-unlink"),
    pytest.param("import os, gzip\ndef f(log):\n    gz = log + '.gz'\n    with gzip.open(gz, 'wb') as fh:\n"
                 "        pass\n    os.remove(gz)", id="gzip-open-then-remove"),
    pytest.param("import tarfile\nfrom pathlib import Path\ndef f(name):\n    tarfile.open(name, 'w:gz').close()\n"
                 "    Path(name).unlink()", id="tarfile-then-path-unlink"),
    pytest.param("import os, shutil\ndef f(d):\n    archive = shutil.make_archive('site', 'zip', d)\n"
                 "    os.remove(archive)", id="make-archive-result"),
    pytest.param("import os, subprocess\ndef f(url, dest):\n    subprocess.run(['curl', '-o', dest, url])\n"
                 "    os.unlink(dest)", id="command-dash-o"),
    pytest.param("import os\ndef compress():\n    out = 'log.gz'\n    with open(out, 'wb') as fh:\n        pass\n"
                 "    return out\ndef main():\n    path = compress()\n    os.unlink(path)", id="returned-by-a-helper"),
    pytest.param("import os, fnmatch\ndef clean(root):\n    for d, _, names in os.walk(root):\n"
                 "        for name in fnmatch.filter(names, '*.pyc'):\n            os.remove(os.path.join(d, name))",
                 id="bytecode-cache-cleaner"),
    pytest.param("import shutil\ndef clean(root):\n    shutil.rmtree(root + '/__pycache__')", id="pycache-rmtree"),
    pytest.param("import os, tempfile\ndef f(pem):\n    fd, fn = tempfile.mkstemp('.pem')\n    os.unlink(fn)",
                 id="mkstemp-path"),
    pytest.param("import os\ndef f(current, new):\n    os.unlink(current)\n    os.symlink(new, current)",
                 id="a-link-pointed-elsewhere"),
    pytest.param("import os, zipfile\ndef pack(names):\n    with zipfile.ZipFile('out.zip', 'w') as zipf:\n"
                 "        for name in names:\n            zipf.write(f'tmp/{name}', name)\n"
                 "            os.remove(f'tmp/{name}')", id="put-into-a-zip-then-removed"),
    pytest.param("import os\ndef backup(ts):\n    db_file = f'pgbackup_{ts}.dump'\n"
                 "    os.system(f'pg_dump --format=c --file={db_file} app')\n    upload(db_file)\n"
                 "    os.system(f'rm {db_file}')", id="rm-of-the-dump-an-earlier-command-wrote"),
    pytest.param("import subprocess\ndef docs():\n    repo = 'manifests'\n"
                 "    subprocess.run(['/usr/bin/git', 'clone', f'https://github.com/org/{repo}.git'])\n"
                 "    subprocess.getoutput(f'rm -rf {repo}')", id="rm-of-the-checkout-an-earlier-clone-made"),
])
def test_deleting_own_output_is_not_destructive(source: str) -> None:
    assert [effect for effect in effects(source) if effect[1]] == []


@pytest.mark.parametrize("source", [
    pytest.param("import os\ndef f(path):\n    with open(path) as fh:\n        fh.read()\n    os.unlink(path)",
                 id="opened-for-reading"),
    pytest.param("import os\ndef f(path, other):\n    with open(other, 'w') as fh:\n        pass\n    os.unlink(path)",
                 id="another-file-written"),
    pytest.param("import os\ndef f(path):\n    os.remove(path)\ndef g(path):\n    open(path, 'w')",
                 id="written-in-another-function"),
    pytest.param("import os\ndef f(path, log):\n    log.write(path)\n    os.remove(path)", id="written-to-a-log"),
    pytest.param("import os\ndef f(path):\n    self.starter.write(path)\n    os.remove(path)",
                 id="written-to-a-name-with-tar-inside"),
    pytest.param("import os\ndef f(path, new):\n    os.unlink(path)\n    os.symlink(path, new)", id="linked-from-not-to"),
    pytest.param("import os\ndef clean(root):\n    for name in os.listdir(root):\n"
                 "        if name.endswith('.log'):\n            os.remove(name)", id="not-bytecode"),
])
def test_deleting_data_stays_destructive(source: str) -> None:
    assert ("file-delete", True, "high") in effects(source)


@pytest.mark.parametrize("source", [
    pytest.param("import os\ndef restore(dump):\n    os.system(f'pg_restore --clean -d app {dump}')\n"
                 "    os.system(f'rm {dump}')", id="rm-of-a-file-an-earlier-command-only-read"),
    pytest.param("import os\ndef f(ts):\n    os.system(f'rm pg_{ts}.dump')\n"
                 "    os.system(f'pg_dump --file=pg_{ts}.dump app')", id="rm-before-the-command-that-writes-it"),
])
def test_an_rm_command_of_what_no_earlier_command_wrote_stays_destructive(source: str) -> None:
    assert ("command", True, "high") in effects(source)


def test_commands_a_program_reads_from_its_input() -> None:
    found = effects("""
        import subprocess
        def drop(src, dst, spi):
            policy = "delete %s %s esp 0x%s;" % (src, dst, spi)
            subprocess.run(['/sbin/setkey', '-c'], input=policy, text=True)
        def show():
            subprocess.run(['/sbin/setkey', '-c'], input="dump;", text=True)
        def clean():
            subprocess.run(['bash'], input="rm -rf /srv/cache/*", text=True)
    """)
    # setkey -c, and what it was fed; setkey -c fed a dump; the script a shell was fed
    assert found == [("command", False, "high"), ("command", True, "high"), ("command", False, "high"),
                     ("command", True, "high")]


@pytest.mark.parametrize(("call", "destructive"), [
    pytest.param("update(status='failed')", False, id="status-marker"),
    pytest.param("update(_depth=0, _children=0)", False, id="derived-private-fields"),
    pytest.param("update(last_run=now, synced_at=now)", False, id="timestamps"),
    pytest.param("update(status='x', email='y')", True, id="status-and-data"),
    pytest.param("update(password=h)", True, id="data-field"),
])
def test_queryset_update_of_bookkeeping_fields(call: str, destructive: bool) -> None:
    assert effects(f"User.objects.filter(x=1).{call}") == [("orm", destructive, "high")]


@pytest.mark.parametrize(("call", "destructive"), [
    pytest.param("update(processed=now())", False, id="processed-marker"),
    pytest.param("update(alert_after=when)", False, id="alert-after"),
    pytest.param("update(next_report_date=when)", False, id="next-report-date"),
    pytest.param("update(retry_count=0, last_seen=now)", False, id="counter-and-seen"),
    pytest.param("update(notified=True, sent_flag=True)", False, id="notified-and-flag"),
    pytest.param("update(email='x')", True, id="email"),
    pytest.param("update(name='x', updated=now)", True, id="name-with-timestamp"),
    pytest.param("update(value=0)", True, id="value"),
    pytest.param("update(measurement=m)", True, id="measurement"),
])
def test_queryset_update_of_schedule_and_progress_markers(call: str, destructive: bool) -> None:
    assert effects(f"Check.objects.filter(x=1).{call}") == [("orm", destructive, "high")]


@pytest.mark.parametrize(("assignments", "destructive"), [
    pytest.param("p.deletion_notice_date = now()", False, id="notice-date"),
    pytest.param("p.status = 'done'\n    p.last_checked = now()", False, id="status-and-checked"),
    pytest.param("p.email = 'x'", True, id="email"),
    pytest.param("p.status = 'x'\n    p.password = h", True, id="marker-and-password"),
    pytest.param("p.set_password(h)", True, id="setter"),
])
def test_saving_a_queryset_row_after_setting_fields(assignments: str, destructive: bool) -> None:
    source = f"from app.models import P\nfor p in P.objects.all():\n    {assignments}\n    p.save()\n"
    assert effects(source) == [("orm", destructive, "medium")]


@pytest.mark.parametrize(("statements", "expected"), [
    pytest.param(["DROP TABLE IF EXISTS stats", "CREATE TABLE stats (a int)"], [False, False], id="table"),
    pytest.param(["DROP TABLE docs", "CREATE VIRTUAL TABLE docs USING fts5(body)"], [False, False],
                 id="virtual-table"),
    pytest.param(["DROP INDEX IF EXISTS ix_a", "CREATE UNIQUE INDEX ix_a ON t (a)"], [False, False], id="index"),
    pytest.param(["DROP VIEW report", "CREATE OR REPLACE VIEW report AS SELECT 1"], [False, False], id="view"),
    pytest.param(["DROP TABLE IF EXISTS stats; CREATE TABLE stats (a int)"], [False], id="one-string"),
    pytest.param(["DROP TABLE IF EXISTS stats", "CREATE TABLE stats_old (a int)"], [True, False],
                 id="another-name"),
    pytest.param(["DROP TABLE stats", "CREATE INDEX stats ON t (a)"], [True, False], id="another-kind"),
    pytest.param(["DROP TABLE users"], [True], id="no-create"),
])
def test_dropping_a_table_created_again_is_a_rebuild(statements: list[str], expected: list[bool]) -> None:
    source = "".join(f"cur.execute({statement!r})\n" for statement in statements)
    assert effects(source) == [("sql", destructive, "high") for destructive in expected]


@pytest.mark.parametrize("call", [
    pytest.param("client.remove_object('bucket', key)", id="remove-object"),
    pytest.param("client.remove_objects('bucket', keys)", id="remove-objects"),
    pytest.param("minio_client.remove_bucket('bucket')", id="remove-bucket"),
])
def test_object_store_removals_are_cloud_destructive(call: str) -> None:
    assert effects(call) == [("cloud", True, "medium")]


@pytest.mark.parametrize(("source", "expected"), [
    pytest.param("from proj.models import Check\nCheck.garbage_collect()\n", True, id="classmethod-gc"),
    pytest.param("from proj.jobs import Job\ndef f():\n    job = Job(1)\n    job.delete_outputs()\n", True,
                 id="instance-delete"),
    pytest.param("from proj.jobs import Job\njob = Job(1)\ndef f():\n    job.prune()\n", True,
                 id="module-level-instance"),
    pytest.param("from proj.models import Check\nfor c in Check.objects.filter(x=1):\n    c.prune()\n", True,
                 id="queryset-loop-variable"),
    pytest.param("from proj.models import Check\nfor c in Check.objects.all():\n    c.wipe_history()\n", True,
                 id="queryset-loop-wipe"),
    pytest.param("from proj.jobs import Job\njob = Job(1)\njob.purge_cache()\n", False, id="cache"),
    pytest.param("from proj.jobs import Job\njob = Job(1)\njob.restore()\n", False, id="restore-method"),
    pytest.param("from proj.jobs import Job\njob = Job(1)\njob.run()\n", False, id="not-a-deletion"),
    pytest.param("import collections\nd = collections.OrderedDict()\nd.delete_x()\n", False,
                 id="stdlib-instance"),
    pytest.param("items = load()\nfor c in items:\n    c.prune()\n", False, id="plain-loop"),
    pytest.param("from proj.jobs import Job\njob = Job(1)\njob.tags.remove(t)\n", False, id="attribute-receiver"),
    pytest.param("from proj.base import BaseCommand\nclass Command(BaseCommand):\n"
                 "    def handle(self):\n        self._cleanup_old_backups()\n", True, id="inherited-from-project"),
    pytest.param("from proj.base import BaseCommand\nclass Command(BaseCommand):\n"
                 "    def handle(self):\n        self.clean_expired_sessions()\n", True, id="inherited-expired"),
    pytest.param("from proj.base import BaseCommand\nclass Command(BaseCommand):\n"
                 "    def handle(self):\n        self.cleanup_stale_locks()\n", False, id="inherited-stale-locks"),
    pytest.param("from proj.base import BaseCommand\nclass Command(BaseCommand):\n"
                 "    def handle(self):\n        self.cleanup()\n", False, id="inherited-plain-cleanup"),
    pytest.param("from proj.base import BaseCommand\nclass Command(BaseCommand):\n"
                 "    def handle(self):\n        self.delete_rows()\n    def delete_rows(self):\n        pass\n",
                 False, id="defined-here-and-empty"),
    pytest.param("from django.core.management.base import BaseCommand\nclass Command(BaseCommand):\n"
                 "    def handle(self):\n        self.delete_rows()\n", False, id="inherited-from-a-library"),
    # a function of the project whose name says it deletes, the verb after a noun
    pytest.param("from proj.utils import resource_delete_actions\nfor r in rows:\n    resource_delete_actions(r)\n",
                 True, id="noun-then-verb"),
    pytest.param("from proj.utils import offeror_delete_actions\nofferor_delete_actions(o)\n", True,
                 id="noun-then-verb-alone"),
    pytest.param("from proj.utils import should_delete_resource\nshould_delete_resource(r)\n", False,
                 id="a-predicate"),
    pytest.param("from proj.utils import on_delete_hook\non_delete_hook(r)\n", False, id="a-hook"),
    pytest.param("from proj.jobs import Job\njob = Job(1)\njob.resource_delete_actions()\n", False,
                 id="noun-then-verb-as-a-method"),
])
def test_deleting_methods_of_project_objects(tmp_path: Path, source: str, expected: bool) -> None:
    write(tmp_path / "proj" / "__init__.py", "")
    script, _ = scan(source, file=tmp_path / "job.py", root=tmp_path)
    found = [(effect.kind, effect.destructive, effect.confidence) for effect in script.effects]
    assert found == ([("call", True, "low")] if expected else [])



def test_effect_call_text_and_via() -> None:
    script, _ = scan("""
        import shutil
        def clean(build_dir):
            shutil.rmtree(build_dir)
        class Janitor:
            def sweep(self):
                shutil.rmtree(self.root)
        shutil.rmtree("/srv/x")
    """)
    assert [(effect.call, effect.line, effect.via) for effect in script.effects] == [
        ("shutil.rmtree(build_dir)", 4, "clean"), ("shutil.rmtree(self.root)", 7, "Janitor.sweep"),
        ("shutil.rmtree('/srv/x')", 8, None)]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("requests.post(url, data='" + "x" * 70 + "')", "requests.post(url, data='…')", id="long-literal"),
    pytest.param("requests.post(url, headers={'Authorization': 'Bearer abcdef0123456789abcdef'})",
                 "requests.post(url, headers={'Authorization': '…'})", id="bearer"),
    pytest.param("connect(host, password='hunter2')", "connect(host, password='…')", id="password-keyword"),
    pytest.param("get(url, auth=(user, password))", "get(url, auth=(user, password))", id="names-kept"),
    pytest.param("requests.post(u, data={'password': 'FormPw12345', 'user': 'bob'})",
                 "requests.post(u, data={'password': '…', 'user': 'bob'})", id="mapping-entry"),
    pytest.param('requests.put(u, json={"api_key": "JsonKey98765"})',
                 'requests.put(u, json={"api_key": "…"})', id="json-entry"),
    pytest.param("requests.delete(u, auth=('admin', 'AuthTuplePw555'))",
                 "requests.delete(u, auth=('admin', '…'))", id="auth-pair"),
    pytest.param("os.remove('a')", "os.remove('a')", id="short-kept"),
    pytest.param("connect('postgresql://admin:hunter2@db.example.com:5432/production_database')",
                 "connect('…')", id="credential-in-a-url"),
    pytest.param("cur.execute('UPDATE users SET password = %s WHERE id = %s', (digest, uid))",
                 "cur.execute('…', (digest, uid))", id="statement-naming-a-secret"),
])
def test_call_text_never_carries_secrets(text: str, expected: str) -> None:
    assert sanitize_call(text) == expected


SESSIONS_SQL = "DELETE FROM sessions WHERE expires_at < now() - %s * interval '1 day'"
LONG_SQL = ("DELETE FROM sessions WHERE expires_at < now() - %s * interval '1 day' "
            "AND user_id IN (SELECT id FROM users WHERE deleted_at IS NOT NULL)")


@pytest.mark.parametrize(("statement", "shown"), [
    pytest.param(SESSIONS_SQL, SESSIONS_SQL, id="whole"),
    pytest.param(LONG_SQL, LONG_SQL[:79] + "…", id="shortened"),
])
def test_an_sql_effect_shows_its_statement(statement: str, shown: str) -> None:
    script, _ = scan(f"""
        import psycopg2
        def purge(days):
            conn = psycopg2.connect("")
            with conn.cursor() as cur:
                cur.execute("{statement}", (days,))
    """)
    calls = [effect.call for effect in script.effects if effect.kind == "sql"]
    assert calls == [f'cur.execute("{shown}", (days,))']


def test_a_dump_written_through_its_output_option_is_a_file_write() -> None:
    script, _ = scan("""
        import subprocess
        def backup(options):
            subprocess.check_call(["pg_dump", "-f", options.output, options.database])
            subprocess.check_call("gzip -c /srv/app.log > /backups/app.log.gz", shell=True)
            subprocess.check_call(["pg_dump", options.database])
    """)
    assert [(e.line, e.kind, e.destructive, e.call) for e in script.effects] == [
        (4, "file-write", False, "pg_dump -f <expr> <expr>"),
        (5, "file-write", False, "gzip -c /srv/app.log > /backups/app.log.gz")]


def test_call_text_is_cut_to_120_characters() -> None:
    text = sanitize_call("f(" + ", ".join(f"argument_{n}" for n in range(40)) + ")")
    assert len(text) == 120 and text.endswith("…")


@given(st.text(max_size=400))
def test_call_text_bound_holds_for_any_text(text: str) -> None:
    assert len(sanitize_call(text)) <= 120


# --- commands: resolving the command line --------------------------------------------------------

def resolved(source: str) -> list[str] | str | None:
    """What the scanner resolves the first argument of the last ``run(...)`` in ``source`` to."""
    index = index_module(ast.parse(textwrap.dedent(source)))
    call, scope = [(call, scope) for call, scope in index.calls
                   if isinstance(call.func, ast.Name) and call.func.id == "run"][-1]
    return resolve_command(call.args[0], Scope(index, scope, position(call)))


@pytest.mark.parametrize(("source", "expected"), [
    pytest.param("run(['rm', '-rf', path])", ["rm", "-rf", "$path"], id="list-literal"),
    pytest.param("run(('ls', '-l', 3))", ["ls", "-l", "3"], id="tuple-and-number"),
    pytest.param("run(['rm', '-rf', args.path])", ["rm", "-rf", "<expr>"], id="attribute-hole"),
    pytest.param("run('kubectl get pods')", "kubectl get pods", id="string"),
    pytest.param("import shlex\nrun(shlex.split('kubectl delete ns \"a b\"'))", ["kubectl", "delete", "ns", "a b"],
                 id="shlex-split"),
    pytest.param("run('docker rm -f x'.split())", ["docker", "rm", "-f", "x"], id="str-split"),
    pytest.param("run(' '.join(['rm', '-rf', d]))", "rm -rf $d", id="join"),
    pytest.param("run(f'rm -rf {path}/*')", "rm -rf $path/*", id="f-string-name"),
    pytest.param("run(f'rm -rf {cfg[\"dir\"]}')", "rm -rf <expr>", id="f-string-expr"),
    pytest.param("run('rm -rf %s' % path)", "rm -rf $path", id="percent-format"),
    pytest.param("run('rm -rf %s %s' % (a, 'b'))", "rm -rf $a b", id="percent-tuple"),
    pytest.param("run('{} delete {}'.format(tool, name))", "$tool delete $name", id="str-format"),
    pytest.param("run(['helm', 'uninstall'] + releases)", ["helm", "uninstall", "$releases"], id="concat-hole"),
    pytest.param("run(['ssh', host, *remote])", ["ssh", "$host", "$remote"], id="starred-unknown"),
    pytest.param("extra = ['-v']\nrun(['ssh', host, *extra])", ["ssh", "$host", "-v"], id="starred-known"),
    pytest.param("cmd = ['kubectl', 'delete']\ncmd += ['ns', name]\ncmd.append('--wait')\n"
                 "cmd.extend(['--timeout', '60s'])\nrun(cmd)",
                 ["kubectl", "delete", "ns", "$name", "--wait", "--timeout", "60s"], id="variable-built-up"),
    pytest.param("cmd = 'find /var/log/app -type f '\ncmd += f'-mtime +{days} '\ncmd += '-delete'\nrun(cmd)",
                 "find /var/log/app -type f -mtime +$days -delete", id="string-built-up"),
    pytest.param("cmd = 'rm -rf build'\nif dry:\n    cmd += ' --dry-run'\nrun(cmd)",
                 "rm -rf build", id="string-built-up-preview-left-out"),
    pytest.param("cmd = ['terraform', 'plan']\ncmd = ['terraform', 'apply']\nrun(cmd)\ncmd = ['ls']",
                 ["terraform", "apply"], id="nearest-assignment-before"),
    pytest.param("KUBECTL = 'kubectl'\ndef f(ns):\n    run([KUBECTL, 'delete', 'ns', ns])",
                 ["kubectl", "delete", "ns", "$ns"], id="module-constant-word"),
    pytest.param("BASE = ['aws', 's3']\ndef f():\n    run(BASE + ['rm', '--recursive', 's3://b'])",
                 ["aws", "s3", "rm", "--recursive", "s3://b"], id="module-list-in-function"),
    pytest.param("def build(ns):\n    return ['kubectl', 'delete', 'ns', ns]\nrun(build('x'))",
                 ["kubectl", "delete", "ns", "$ns"], id="helper-return"),
    pytest.param("def f(cmd):\n    run(cmd)", None, id="parameter-unresolved"),
    pytest.param("run(get_command())", None, id="unknown-call"),
])
def test_resolve_command(source: str, expected: list[str] | str | None) -> None:
    assert resolved(source) == expected


@pytest.mark.parametrize(("source", "argv", "confidence"), [
    pytest.param("import subprocess\nsubprocess.run(['rm', '-rf', d])", ["rm", "-rf", "$d"], "high", id="run"),
    pytest.param("import subprocess\nsubprocess.call(['ls'])", ["ls"], "high", id="call"),
    pytest.param("import subprocess\nsubprocess.check_call(args=['ls'])", ["ls"], "high", id="check_call-kw"),
    pytest.param("import subprocess as sp\nsp.check_output(['ls'])", ["ls"], "high", id="alias"),
    pytest.param("from subprocess import Popen\nPopen(['ls'])", ["ls"], "high", id="popen-imported"),
    pytest.param("import subprocess\ncmd = ['ls']\nsubprocess.run(cmd)", ["ls"], "medium", id="through-variable"),
    pytest.param("import os\nos.execvp('kubectl', ['kubectl', 'drain', n])", ["kubectl", "drain", "$n"], "high",
                 id="execvp"),
    pytest.param("import os\nos.execlp('rm', 'rm', '-rf', d)", ["rm", "-rf", "$d"], "high", id="execlp"),
    pytest.param("import os\nos.spawnvp(os.P_WAIT, 'ls', ['ls', '-l'])", ["ls", "-l"], "high", id="spawnvp"),
    pytest.param("import asyncio\nasyncio.create_subprocess_exec('rm', '-rf', *paths)", ["rm", "-rf", "$paths"],
                 "high", id="asyncio-exec"),
    pytest.param("import sh\nsh.rm('-rf', path)", ["rm", "-rf", "$path"], "medium", id="sh"),
    pytest.param("import sh\nsh.kubectl('delete', 'pod', p, force=True)",
                 ["kubectl", "delete", "pod", "$p", "--force"], "medium", id="sh-keyword"),
    pytest.param("from plumbum import local\nlocal['rm']['-rf', p]()", ["rm", "-rf", "$p"], "medium",
                 id="plumbum-local"),
    pytest.param("from plumbum.cmd import rm\nrm['-rf', p]()", ["rm", "-rf", "$p"], "medium", id="plumbum-cmd"),
])
def test_command_argv_passed_to_the_rules(recorded: RecordedCommands, source: str, argv: list[str],
                                          confidence: str) -> None:
    script, _ = scan(source)
    assert recorded.argv == [(argv, source.count("\n") + 1, confidence)]
    assert effects_of(script) == [("command", False, confidence)]


@pytest.mark.parametrize(("source", "text"), [
    pytest.param("import os\nos.system('rm -rf /tmp/x')", "rm -rf /tmp/x", id="os.system"),
    pytest.param("import os\nos.popen(f'kubectl delete ns {ns}')", "kubectl delete ns $ns", id="os.popen"),
    pytest.param("import subprocess\nsubprocess.run('make clean', shell=True)", "make clean", id="shell-true"),
    pytest.param("import subprocess\nsubprocess.check_output('git push --force')", "git push --force",
                 id="string-without-shell"),
    pytest.param("import subprocess\nsubprocess.getoutput('df -h')", "df -h", id="getoutput"),
    pytest.param("import asyncio\nasyncio.create_subprocess_shell('rm -rf x')", "rm -rf x", id="asyncio-shell"),
    pytest.param("import pexpect\npexpect.spawn('ssh host')", "ssh host", id="pexpect"),
    pytest.param("from fabric.api import sudo\nsudo('systemctl restart nginx')", "systemctl restart nginx",
                 id="fabric"),
])
def test_command_strings_passed_to_the_rules(recorded: RecordedCommands, source: str, text: str) -> None:
    scan(source)
    assert [entry[0] for entry in recorded.strings] == [text]


def test_paramiko_exec_command_is_medium(recorded: RecordedCommands) -> None:
    scan("client.exec_command('sudo reboot')")
    assert recorded.strings == [("sudo reboot", 1, "medium")]


def test_unresolved_command_is_a_low_confidence_effect_and_a_warning(recorded: RecordedCommands) -> None:
    script, _ = scan("import subprocess\ndef run(cmd):\n    subprocess.run(cmd)\n")
    assert [(e.kind, e.destructive, e.confidence, e.call) for e in script.effects] == [
        ("command", False, "low", "subprocess.run(<expr>)")]
    assert script.warnings == ["line 3: subprocess.run(<expr>): command not resolved statically"]
    assert recorded.argv == recorded.strings == []


@pytest.mark.parametrize(("source", "argv", "strings"), [
    pytest.param("import subprocess\ndef run(cmd):\n    subprocess.run(cmd, shell=True, check=True)\n"
                 "run('kubectl delete ns old')\nrun(f'helm uninstall {name}')",
                 [], [("kubectl delete ns old", 4), ("helm uninstall $name", 5)], id="shell-wrapper"),
    pytest.param("import subprocess\ndef run(cmd, check=True):\n    return subprocess.check_call(cmd)\n"
                 "def main():\n    run(['terraform', 'destroy', '-auto-approve'])",
                 [(["terraform", "destroy", "-auto-approve"], 5)], [], id="argv-wrapper"),
    pytest.param("import subprocess, shlex\ndef sh(command):\n    subprocess.run(shlex.split(command))\n"
                 "sh('docker system prune -af')", [], [("docker system prune -af", 4)], id="shlex-wrapper"),
    pytest.param("import subprocess\ndef kubectl(*args):\n    subprocess.check_call(args)\n"
                 "kubectl('delete', 'pod', pod)", [(["delete", "pod", "$pod"], 4)], [], id="varargs-wrapper"),
    pytest.param("import subprocess\ndef git(*args, cwd=None):\n    cmd = ['git'] + list(args)\n"
                 "    return subprocess.run(cmd, cwd=cwd, check=True)\ngit('branch', '-D', 'old')",
                 [(["git", "branch", "-D", "old"], 5)], [], id="prefixed-varargs-wrapper"),
    pytest.param("import subprocess\ndef git(*args):\n    cmd = ['git', '-C', 'repo', *args]\n"
                 "    subprocess.check_call(cmd)\ngit('push', '--force')",
                 [(["git", "-C", "repo", "push", "--force"], 5)], [], id="prefixed-starred-wrapper"),
    pytest.param("import os\nclass Deployer:\n    def sh(self, cmd):\n        os.system(cmd)\n"
                 "    def clean(self):\n        self.sh('rm -rf /srv/app/releases')",
                 [], [("rm -rf /srv/app/releases", 6)], id="method-wrapper"),
])
def test_commands_through_wrapper_functions(recorded: RecordedCommands, source: str,
                                            argv: list[tuple[list[str], int]], strings: list[tuple[str, int]]) -> None:
    script, _ = scan(source)
    assert [(words, line) for words, line, _confidence in recorded.argv] == argv
    assert [(text, line) for text, line, _confidence in recorded.strings] == strings
    assert {confidence for *_rest, confidence in recorded.argv + recorded.strings} == {"medium"}
    assert script.warnings == []
    assert all(effect.confidence == "medium" and effect.via for effect in script.effects)


def test_wrapper_in_a_local_module(recorded: RecordedCommands, tmp_path: Path) -> None:
    write(tmp_path / "ops_utils.py", """
        import subprocess
        def run(cmd):
            return subprocess.run(cmd, shell=True)
    """)
    script_file = write(tmp_path / "job.py", "from ops_utils import run\nrun('rm -rf /var/cache/app')\n")
    script, _ = scan(script_file.read_text(), file=script_file, root=tmp_path)
    assert recorded.strings == [("rm -rf /var/cache/app", 2, "medium")]
    assert [(e.kind, e.line, e.via, e.path, e.confidence) for e in script.effects] == [
        ("command", 2, "ops_utils.run", None, "medium")]


@pytest.mark.parametrize(("source", "confidence"), [
    pytest.param("import subprocess\nsubprocess.run(['rm', '-rf', path])", "high", id="literal-list"),
    pytest.param("import subprocess\ncmd = ['rm', '-rf', path]\nsubprocess.run(cmd)", "medium", id="variable"),
    pytest.param("import os\nos.system('rm -rf /srv/app/data')", "high", id="os.system"),
    pytest.param("import subprocess\nsubprocess.run(['kubectl', 'delete', 'namespace', ns])", "high",
                 id="kubectl-delete"),
])
def test_destructive_commands_end_to_end(source: str, confidence: str) -> None:
    assert effects(source) == [("command", True, confidence)]


def test_read_only_command_is_no_effect() -> None:
    assert effects("import subprocess\nsubprocess.run(['ls', '-l'])") == []


# --- effects: cloud, HTTP, SQL, ORM ------------------------------------------------------------

@pytest.mark.parametrize(("source", "expected"), [
    pytest.param("import boto3\nec2 = boto3.client('ec2')\nec2.terminate_instances(InstanceIds=ids)",
                 [("cloud", True, "high")], id="boto3-terminate"),
    pytest.param("import boto3\nec2 = boto3.client('ec2')\nec2.describe_instances()\nec2.stop_instances(InstanceIds=i)",
                 [("cloud", False, "high")], id="boto3-stop-mutates-describe-reads"),
    # an OpenStack client's resource managers, the client handed in on an object
    pytest.param("def delete(shell, args):\n    for s in shell.nova.servers.list():\n"
                 "        shell.nova.servers.delete(s.id)", [("cloud", True, "medium")], id="openstack-manager-delete"),
    pytest.param("def grow(cinder, v):\n    cinder.volumes.create(size=v)", [("cloud", False, "medium")],
                 id="openstack-manager-create"),
    pytest.param("def f(cache):\n    cache.entries.delete(k)", [], id="not-an-openstack-client"),
    # docker-py: a container the script created itself, removed again; another, destroyed
    pytest.param("import docker\ndef f(image):\n    cli = docker.APIClient()\n"
                 "    container = cli.create_container(image, command='x')\n"
                 "    cli.remove_container(container.get('Id'))",
                 [("cloud", False, "high"), ("cloud", False, "high")], id="docker-own-container"),
    pytest.param("import docker\ndef f(cid):\n    cli = docker.APIClient()\n    cli.remove_container(cid)",
                 [("cloud", True, "high")], id="docker-someone-elses-container"),
    pytest.param("import boto3\necs = boto3.client('ecs')\necs.stop_task(cluster=c, task=arn, reason=r)",
                 [("cloud", True, "high")], id="boto3-ecs-stop-task-ends-work"),
    pytest.param("import boto3\nbatch = boto3.client('batch')\nbatch.cancel_job(jobId=j, reason=r)",
                 [("cloud", True, "high")], id="boto3-batch-cancel-job"),
    pytest.param("import boto3\ns = boto3.Session(profile_name='x')\nr53 = s.client('route53')\n"
                 "r53.change_resource_record_sets(HostedZoneId=z, ChangeBatch=b)", [("cloud", False, "high")],
                 id="session-client"),
    pytest.param("import boto3\ns3 = boto3.resource('s3')\ns3.Bucket(name).objects.all().delete()",
                 [("cloud", True, "high")], id="resource-chain-delete"),
    pytest.param("import boto3\ns3 = boto3.resource('s3')\nbucket = s3.Bucket(name)\nbucket.delete()",
                 [("cloud", True, "high")], id="resource-variable-delete"),
    pytest.param("import boto3\nfor b in boto3.resource('s3').buckets.all():\n    b.delete()",
                 [("cloud", True, "high")], id="resource-loop"),
    pytest.param("import boto3\nboto3.client('s3').put_object(Bucket=b, Key=k, Body=x)",
                 [("cloud", False, "high")], id="direct-put"),
    pytest.param("class C:\n    def f(self):\n        self.client.delete_bucket(Bucket=b)",
                 [("cloud", True, "medium")], id="unknown-receiver-cloud-name"),
    pytest.param("def f(ec2):\n    ec2.run_instances(ImageId=i)", [("cloud", False, "medium")],
                 id="unknown-receiver-run-instances"),
    pytest.param("import boto3\nfrom c7n.utils import local_session\nclient = local_session(f).client('ec2')\n"
                 "client.delete_tags(Resources=r)\nlocal_session(f).client('s3').put_bucket_policy(Bucket=b)",
                 [("cloud", True, "high"), ("cloud", False, "high")], id="client-by-shape"),
    pytest.param("import boto.ec2\nconn = boto.ec2.connect_to_region('eu-west-1')\nconn.terminate_instances(ids)",
                 [("cloud", True, "high")], id="boto2"),
    pytest.param("import openstack\nconn = openstack.connect(cloud='x')\nconn.compute.delete_server(s)\n"
                 "conn.delete_server(s)", [("cloud", True, "high")] * 2, id="openstack"),
    pytest.param("from google.cloud import storage\nclient = storage.Client()\n"
                 "client.bucket('b').blob('k').delete()", [("cloud", True, "high")], id="gcs-blob"),
    pytest.param("from azure.mgmt.compute import ComputeManagementClient\nc = ComputeManagementClient(cred, sub)\n"
                 "c.virtual_machines.begin_delete(rg, name)", [("cloud", True, "high")], id="azure-begin-delete"),
    pytest.param("from kubernetes import client\nv1 = client.CoreV1Api()\nv1.delete_namespaced_pod(n, ns)\n"
                 "v1.list_namespaced_pod(ns)", [("cloud", True, "high")], id="kubernetes"),
    pytest.param("import docker\nd = docker.from_env()\nd.containers.prune()\nfor c in d.containers.list():\n"
                 "    c.remove(force=True)\nd.images.pull('x')", [("cloud", True, "high")] * 2, id="docker-sdk"),
])
def test_cloud_effects(source: str, expected: list[tuple[str, bool, str]]) -> None:
    assert effects(source) == expected


@pytest.mark.parametrize(("source", "expected"), [
    pytest.param("import requests\nrequests.post(url, json=body)", [("http", False, "high")], id="post"),
    pytest.param("import requests\nrequests.put(url)\nrequests.patch(url)", [("http", False, "high")] * 2,
                 id="put-patch"),
    pytest.param("import requests\nrequests.delete(url)", [("http", True, "high")], id="delete"),
    pytest.param("import requests\nrequests.get(url)\nrequests.head(url)", [], id="reads"),
    pytest.param("import requests\nrequests.request('DELETE', url)", [("http", True, "high")], id="request-delete"),
    pytest.param("import requests\nrequests.request('GET', url)", [], id="request-get"),
    # the verb a variable: the verbs the script writes out elsewhere say what it may be
    pytest.param("import requests\nactions = [('PUT', a), ('DELETE', b)]\nfor verb, x in actions:\n"
                 "    requests.request(verb, url)", [("http", True, "medium")], id="request-verbs-listed"),
    pytest.param("import requests\nfor verb in ('PUT', 'POST'):\n    requests.request(verb, url)",
                 [("http", False, "medium")], id="request-verbs-writing"),
    pytest.param("import requests\nverb = 'GET'\nrequests.request(verb, url)\nrequests.post(u2)",
                 [("http", False, "high")], id="request-verb-resolved"),
    # Odoo's models: records deleted or overwritten in place, or added
    pytest.param("def main(env):\n    env['res.partner'].search([('active', '=', False)]).unlink()",
                 [("orm", True, "medium")], id="odoo-unlink"),
    pytest.param("def main(env):\n    env['ir.config_parameter'].set_param('report.url', u)",
                 [("orm", True, "medium")], id="odoo-set-param"),
    pytest.param("def main(self):\n    self.env['res.users'].sudo().create({'login': x})",
                 [("orm", False, "medium")], id="odoo-create"),
    pytest.param("def main(env, f):\n    env['noqualifier'].create({})\n    env.get('A.B').write(x)", [],
                 id="not-odoo-models"),
    pytest.param("import requests\ns = requests.Session()\ns.auth = a\ns.post(url)", [("http", False, "high")],
                 id="session"),
    pytest.param("import httpx\nwith httpx.Client() as client:\n    client.delete(url)", [("http", True, "high")],
                 id="httpx-client"),
    pytest.param("import httpx\nhttpx.patch(url)", [("http", False, "high")], id="httpx-module"),
    pytest.param("import urllib.request\nreq = urllib.request.Request(url, method='DELETE')",
                 [("http", True, "high")], id="urllib-delete"),
    pytest.param("from urllib.request import Request\nRequest(url, data=payload)", [("http", False, "high")],
                 id="urllib-data-post"),
    pytest.param("import urllib.request\nurllib.request.urlopen(url)", [], id="urllib-get"),
    pytest.param("def f(session):\n    session.delete(f'https://gcr.io/v2/{image}')", [("http", True, "medium")],
                 id="unknown-client-literal-url"),
    pytest.param("def f(client, base_url):\n    client.post(base_url + '/jobs')", [("http", False, "medium")],
                 id="unknown-client-url-name"),
    pytest.param("def f(session, dry):\n    fetch = session.get if dry else None\n    fetch = session.delete\n"
                 "    fetch('https://x/y')", [("http", True, "medium")], id="method-reference"),
    pytest.param("import subprocess\nrun = subprocess.run\ndef f():\n    run('ls')", [], id="alias-to-reader"),
    pytest.param("import functools, requests\npost = functools.partial(requests.post, timeout=5)\npost(url)",
                 [("http", False, "medium")], id="partial"),
])
def test_http_effects(source: str, expected: list[tuple[str, bool, str]]) -> None:
    assert effects(source) == expected


@pytest.mark.parametrize(("sql", "verdict"), [
    pytest.param("DELETE FROM users WHERE id = 1", True, id="delete"),
    pytest.param("drop table users", True, id="drop-lowercase"),
    pytest.param("TRUNCATE TABLE events", True, id="truncate"),
    pytest.param("ALTER TABLE t DROP COLUMN c", True, id="alter-drop"),
    pytest.param("ALTER TABLE t ADD COLUMN c int", False, id="alter-add"),
    pytest.param("UPDATE users SET active = false", False, id="update"),
    pytest.param("INSERT INTO t VALUES (1)", False, id="insert"),
    pytest.param("CREATE INDEX i ON t (c)", False, id="create"),
    pytest.param("GRANT SELECT ON t TO r", False, id="grant"),
    pytest.param("MERGE INTO t USING s ON (x) WHEN MATCHED THEN UPDATE SET y = 1", False, id="merge"),
    pytest.param("SELECT 1; DELETE FROM t", True, id="second-statement"),
    # a data-modifying CTE (PostgreSQL): the DELETE is inside the parentheses
    pytest.param("WITH deleted AS (DELETE FROM sessions WHERE expires < now() RETURNING *) "
                 "SELECT COUNT(*) FROM deleted", True, id="with-deleting-cte"),
    pytest.param("WITH old AS (SELECT id FROM t) DELETE FROM t WHERE id IN (SELECT id FROM old)", True,
                 id="cte-delete"),
    pytest.param("SELECT * FROM deleted_items", None, id="keyword-inside-word"),
    pytest.param("SELECT 'DELETE FROM t'", None, id="keyword-in-string"),
    pytest.param("-- DELETE FROM t\nSELECT 1", None, id="keyword-in-comment"),
    pytest.param("/* DROP TABLE t */ SELECT 1", None, id="block-comment"),
    pytest.param("SELECT * FROM t WHERE x = 'a'", None, id="select"),
    pytest.param("delete the file", True, id="looks-like-sql"),
])
def test_classify_sql(sql: str, verdict: bool | None) -> None:
    assert classify_sql(sql) is verdict


@pytest.mark.parametrize(("source", "expected"), [
    pytest.param("cur.execute('DELETE FROM users WHERE id = %s', (uid,))", [("sql", True, "high")], id="execute"),
    pytest.param("cur.executemany('INSERT INTO t VALUES (?)', rows)", [("sql", False, "high")], id="executemany"),
    pytest.param("conn.executescript('DROP TABLE a; DROP TABLE b')", [("sql", True, "high")], id="executescript"),
    pytest.param("from sqlalchemy import text\nsession.execute(text('TRUNCATE events'))",
                 [("sql", True, "high")], id="sqlalchemy-text"),
    pytest.param("import pandas as pd\npd.read_sql('SELECT * FROM t', conn)", [], id="read-sql-select"),
    pytest.param("cur.execute(f'DELETE FROM {table} WHERE ts < %s', (cutoff,))", [("sql", True, "high")],
                 id="f-string"),
    pytest.param("cur.execute('UPDATE ' + table + ' SET done = 1')", [("sql", False, "high")], id="concatenation"),
    pytest.param("q = 'DROP TABLE staging'\ncur.execute(q)", [("sql", True, "medium")], id="variable"),
    pytest.param("q = '''\n  -- nightly\n  DELETE FROM t\n'''\ncur.execute(q)", [("sql", True, "medium")],
                 id="multiline-with-comment"),
    pytest.param("cur.execute('SELECT * FROM deleted')", [], id="select"),
    pytest.param("executor.execute(task)", [], id="not-a-string"),
])
def test_sql_effects(source: str, expected: list[tuple[str, bool, str]]) -> None:
    assert effects(source) == expected


@pytest.mark.parametrize(("source", "expected"), [
    pytest.param("User.objects.filter(active=False).delete()", [("orm", True, "high")], id="queryset-delete"),
    pytest.param("u = User.objects.get(pk=1)\nu.delete()", [("orm", True, "medium")], id="instance-delete"),
    pytest.param("for u in User.objects.filter(x=1):\n    u.delete()", [("orm", True, "medium")], id="loop-delete"),
    pytest.param("qs = Order.objects.filter(stale=True)\nqs.delete()", [("orm", True, "medium")],
                 id="queryset-variable"),
    pytest.param("User.objects.filter(x=1).update(name='x')", [("orm", True, "high")], id="queryset-update"),
    pytest.param("User.objects.filter(x=1).update(active=False)", [("orm", False, "high")],
                 id="queryset-update-of-a-switch"),
    pytest.param("qs = User.objects.all()\nqs = qs.exclude(staff=True)\nqs.update(password='x')",
                 [("orm", True, "medium")], id="queryset-variable-update"),
    pytest.param("from django.db import models\ndef rows(m):\n    qs = m.data.all()\n    return qs.filter(x=1)\n"
                 "def fix(m):\n    data = rows(m)\n    data.update(value=0)", [("orm", True, "medium")],
                 id="queryset-from-a-helper-update"),
    pytest.param("db.session.query(User).filter(User.old).update({'active': False})", [("orm", True, "high")],
                 id="sqlalchemy-query-update"),
    pytest.param("User.objects.bulk_update(users, ['name'])", [("orm", True, "medium")], id="bulk-update"),
    pytest.param("for u in User.objects.filter(x=1):\n    u.email = 'a@b'\n    u.save()", [("orm", True, "medium")],
                 id="loop-rewrite-save"),
    pytest.param("for u in User.objects.all():\n    u.set_password('x')\n    u.save()", [("orm", True, "medium")],
                 id="loop-set-password-save"),
    pytest.param("for u in User.objects.all():\n    u.save()", [("orm", False, "medium")], id="loop-save-unchanged"),
    pytest.param("User.objects.create(name='x')\nUser.objects.bulk_create(rows)\nUser.objects.get_or_create(n=1)",
                 [("orm", False, "high")] * 3, id="creating-rows-is-mutating"),
    pytest.param("u = User.objects.get(pk=1)\nu.name = 'x'\nu.save()", [("orm", False, "medium")], id="save"),
    pytest.param("def load(rows):\n    for line in rows:\n        d = Division.objects.get(pk=line['id'])\n"
                 "        d.seats_total = line['seats']\n        d.save()", [("orm", True, "medium")],
                 id="import-by-key-overwrites-rows"),
    pytest.param("def load(rows):\n    for line in rows:\n        d = Division.objects.get(pk=line['id'])\n"
                 "        d.active = False\n        d.save()", [("orm", False, "medium")],
                 id="import-by-key-setting-a-switch"),
    pytest.param("def fix(name):\n    s = Site.objects.get(pk=1)\n    s.name = name\n    s.save()",
                 [("orm", False, "medium")], id="one-row-edited-once"),
    pytest.param("Election.public_objects.bulk_update(rows, ['seats'])", [("orm", True, "medium")],
                 id="another-manager-bulk-update"),
    pytest.param("session.delete(user)", [("orm", True, "high")], id="sqlalchemy-session-delete"),
    pytest.param("db.session.query(User).filter(User.old).delete()", [("orm", True, "high")],
                 id="sqlalchemy-query-delete"),
    pytest.param("User.query.filter_by(x=1).delete()", [("orm", True, "high")], id="flask-sqlalchemy"),
    pytest.param("session.add(user)\nsession.merge(other)", [("orm", False, "medium")] * 2, id="session-add"),
    pytest.param("from sqlalchemy import delete\nsession.execute(delete(User).where(User.old))",
                 [("orm", True, "high")], id="core-delete"),
    pytest.param("from django.db import models\ndef purge(item):\n    item.delete()\n    other.save()",
                 [("orm", True, "low"), ("orm", False, "low")], id="django-file-instance"),
    pytest.param("def purge(item):\n    item.delete()\n    other.save()", [], id="no-django-no-guess"),
])
def test_orm_effects(source: str, expected: list[tuple[str, bool, str]]) -> None:
    assert effects(source) == expected


@pytest.mark.parametrize("source", [
    pytest.param("from django.db import models\nsettings = {}\nsettings.update(debug=True)", id="dict-update"),
    pytest.param("from django.db import models\nseen = set()\nseen.update(names)", id="set-update"),
    pytest.param("from collections import Counter\nfrom django.db import models\nc = Counter()\nc.update(words)",
                 id="counter-update"),
    pytest.param("from django.db import models\noptions = dict(a=1)\noptions.update(b=2)", id="dict-kwargs-update"),
    pytest.param("for row in rows:\n    row.name = 'x'\n    row.save()", id="loop-over-a-plain-list"),
    pytest.param("progress.update(task, advance=1)", id="progress-bar-update"),
])
def test_in_place_update_false_positives(source: str) -> None:
    assert [effect for effect in effects(source) if effect[1]] == []



@pytest.mark.parametrize("source", [
    pytest.param("d = {}\nd.update(a=1)\nd.update({'b': 2})", id="dict.update"),
    pytest.param("items = [1]\nitems.remove(1)\ns = set()\ns.remove(1)\ns.discard(2)", id="list-set-remove"),
    pytest.param("name = 'a-b'.replace('-', '_')\ntext.replace('x', 'y')", id="str.replace"),
    pytest.param("import logging\nlogging.info('DELETE FROM users')\nlog = logging.getLogger()\n"
                 "log.warning('drop table')", id="logging"),
    pytest.param("self.cache.delete(key)\ncache.set('k', 1)", id="cache-delete"),
    pytest.param("config.update(overrides)\nself.state.update(x=1)", id="attribute-update"),
    pytest.param("import os\nos.environ.update({'A': '1'})\nos.path.exists(p)", id="os-reads"),
    pytest.param("import requests\nr = requests.Session()\nr.get(url)", id="http-get"),
    pytest.param("parser.delete_comment = 1\nx = obj.terminate", id="attributes-not-calls"),
    pytest.param("open(p).read()\nwith open(p, encoding='utf-8') as f: f.read()", id="open-read"),
    pytest.param("from boto3.resources.params import create_request_parameters\n"
                 "params = create_request_parameters(a, b)\nparams.update(kwargs)", id="value-from-an-sdk-helper"),
    pytest.param("import botocore.session\ns = botocore.session.get_session()\ns.set_config_variable('region', r)\n"
                 "c = s.create_client('ec2')\nc.describe_instances()", id="sdk-local-configuration"),
    pytest.param("def f(conn):\n    conn.send_command('AUTH', token)", id="redis-send-command"),
    pytest.param("from datetime import timezone\nparsed.astimezone(timezone.utc).replace(tzinfo=None)",
                 id="datetime-replace"),
])
def test_no_false_positives(source: str) -> None:
    assert effects(source) == []


def test_os_remove_is_one_effect() -> None:
    assert effects("import os\nos.remove(p)") == [("file-delete", True, "high")]


# --- exit codes --------------------------------------------------------------------------------

@pytest.mark.parametrize(("source", "codes"), [
    pytest.param("import sys\nsys.exit(2)", [2], id="sys.exit-int"),
    pytest.param("import sys\nsys.exit('failed')", [1], id="sys.exit-message"),
    pytest.param("import sys\nsys.exit(f'failed {x}')", [1], id="sys.exit-f-string"),
    pytest.param("import sys\nsys.exit()\nsys.exit(0)\nsys.exit(None)", [0], id="zero-forms"),
    pytest.param("exit(3)\nquit(4)", [3, 4], id="exit-quit"),
    pytest.param("import os\nos._exit(5)", [5], id="os._exit"),
    pytest.param("raise SystemExit(6)", [6], id="raise-systemexit"),
    pytest.param("raise SystemExit", [0], id="raise-bare-systemexit"),
    pytest.param("import sys\nsys.exit(-1)", [255], id="negative-wraps"),
    pytest.param("import sys\nEXIT_FAIL = 7\nsys.exit(EXIT_FAIL)", [7], id="constant"),
    pytest.param("import sys\ndef main():\n    if x:\n        return 1\n    return 0\nsys.exit(main())", [0, 1],
                 id="main-returns"),
    pytest.param("import sys\ndef main():\n    pass\nsys.exit(main())", [0], id="main-returns-none"),
    pytest.param("import typer\nraise typer.Exit(code=4)", [4], id="typer-exit"),
    pytest.param("import click\nraise click.exceptions.Exit(5)", [5], id="click-exit"),
    pytest.param("def f(ctx):\n    ctx.exit(6)", [6], id="ctx-exit"),
    pytest.param("import click\nraise click.Abort()\nparser.error('bad')", [], id="implicit-codes-not-listed"),
    pytest.param("import sys\nsys.exit(3)\nsys.exit(1)\nsys.exit(3)", [1, 3], id="sorted-unique"),
    pytest.param("import sys\nsys.exit(1 if failed else 0)", [0, 1], id="conditional"),
    pytest.param("import sys\nsys.exit('error: %s' % reason)", [1], id="formatted-message"),
])
def test_exit_codes(source: str, codes: list[int]) -> None:
    script, _ = scan(source)
    assert script.exit_codes == codes
    assert not any("exit code" in warning for warning in script.warnings)


def test_unknown_exit_code_warns_only_when_nothing_else_is_known() -> None:
    unknown, _ = scan("import sys\nsys.exit(run())")
    assert unknown.exit_codes == []
    assert unknown.warnings == ["exit code not determined statically: line 2: sys.exit(run())"]
    known, _ = scan("import sys\nif x:\n    sys.exit(2)\nsys.exit(run())")
    assert (known.exit_codes, known.warnings) == ([2], [])


# --- entry and imports -------------------------------------------------------------------------

@pytest.mark.parametrize(("source", "entry"), [
    pytest.param("def main(): pass\nif __name__ == '__main__':\n    main()\n", True, id="main-guard"),
    pytest.param("#!/usr/bin/env python\ndef f(): pass\n", True, id="shebang"),
    pytest.param("def main(): pass\nif '__main__' == __name__:\n    main()\n", True, id="main-guard-reversed"),
    pytest.param("import os\nos.remove('x')\n", True, id="top-level-call"),
    pytest.param("for x in range(3):\n    pass\n", True, id="top-level-loop"),
    pytest.param("with open('x') as f:\n    pass\n", True, id="top-level-with"),
    pytest.param("import argparse\nparser = argparse.ArgumentParser()\n", True, id="cli-at-module-level"),
    pytest.param("import click\n@click.command()\ndef main(): pass\n", True, id="click-command"),
    pytest.param("import os\nimport logging\nlogging.basicConfig(level='INFO')\nlog = logging.getLogger(__name__)\n"
                 "X = 1\ndef f(): pass\nclass C: pass\n", False, id="library"),
    pytest.param("try:\n    import json\nexcept ImportError:\n    json = None\n", False, id="optional-import"),
    pytest.param('"""Doc."""\nimport sys\nsys.path.insert(0, ".")\n', False, id="sys-path-setup"),
])
def test_entry(source: str, entry: bool) -> None:
    _, facts = scan(source)
    assert facts.entry is entry


def test_imports_absolute_and_relative(tmp_path: Path) -> None:
    (tmp_path / "pkg" / "sub").mkdir(parents=True)
    (tmp_path / "pkg" / "lib").mkdir()
    (tmp_path / "pkg" / "lib" / "util.py").write_text("")
    script_file = tmp_path / "pkg" / "sub" / "job.py"
    source = "import os.path\nimport a.b.c as abc\nfrom x.y import z\nfrom ..lib import util\nfrom . import sibling\n"
    script_file.write_text(source)
    _, facts = scan(source, file=script_file, root=tmp_path)
    assert facts.imports == {"os.path", "a.b.c", "x.y", "pkg.lib", "pkg.lib.util", "pkg.sub"}


# --- local modules -----------------------------------------------------------------------------

def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))
    return path


def test_helper_module_next_to_the_script(tmp_path: Path) -> None:
    write(tmp_path / "helpers.py", """
        import os, shutil
        def cleanup(path):
            shutil.rmtree(path)
        def unused():
            os.remove("x")
    """)
    script_file = write(tmp_path / "job.py", "import helpers\nhelpers.cleanup('/srv/build')\n")
    script, facts = scan(script_file.read_text(), file=script_file, root=tmp_path)
    assert [(e.kind, e.destructive, e.confidence, e.path, e.via, e.line) for e in script.effects] == [
        ("file-delete", True, "medium", "helpers.py", "helpers.cleanup", 4)]
    assert "helpers" in facts.imports


def test_from_import_of_a_package_module_under_root(tmp_path: Path) -> None:
    write(tmp_path / "lib" / "__init__.py", "")
    write(tmp_path / "lib" / "cloud.py", """
        import boto3
        def nuke(ids):
            boto3.client("ec2").terminate_instances(InstanceIds=ids)
        def look():
            boto3.client("ec2").describe_instances()
    """)
    script_file = write(tmp_path / "bin" / "reap.py", "from lib.cloud import nuke, look\nnuke(['i-1'])\nlook()\n")
    script, _ = scan(script_file.read_text(), file=script_file, root=tmp_path)
    assert [(e.kind, e.destructive, e.confidence, e.path, e.via) for e in script.effects] == [
        ("cloud", True, "medium", "lib/cloud.py", "lib.cloud.nuke")]


def test_relative_import_and_import_time_effects(tmp_path: Path) -> None:
    write(tmp_path / "ops" / "__init__.py", "")
    write(tmp_path / "ops" / "state.py", """
        import requests
        requests.post("https://hooks.example/started")
        def reset(cur):
            cur.execute("TRUNCATE jobs")
    """)
    script_file = write(tmp_path / "ops" / "run.py", "from . import state\nstate.reset(cursor)\n")
    script, _ = scan(script_file.read_text(), file=script_file, root=tmp_path)
    assert [(e.kind, e.destructive, e.via, e.path) for e in script.effects] == [
        ("http", False, "ops.state", "ops/state.py"), ("sql", True, "ops.state.reset", "ops/state.py")]


def test_a_shared_module_is_parsed_once(tmp_path: Path) -> None:
    write(tmp_path / "common.py", "import os\ndef wipe(p):\n    os.remove(p)\n")
    _module_effects.cache_clear()
    for number in range(5):
        script_file = write(tmp_path / f"job{number}.py", "import common\ncommon.wipe('x')\n")
        script, _ = scan(script_file.read_text(), file=script_file, root=tmp_path)
        assert len(script.effects) == 1
    info = _module_effects.cache_info()
    assert (info.misses, info.hits) == (1, 4)


def test_an_unparsable_helper_module_is_a_warning(tmp_path: Path) -> None:
    write(tmp_path / "old.py", "def f():\n    print 'hello'\n")
    script_file = write(tmp_path / "job.py", "import old\nold.f()\n")
    script, _ = scan(script_file.read_text(), file=script_file, root=tmp_path)
    assert script.effects == []
    assert len(script.warnings) == 1 and script.warnings[0].startswith("local module old not scanned")


def test_standard_library_names_are_not_local_modules(tmp_path: Path) -> None:
    write(tmp_path / "json.py", "import os\ndef loads(x):\n    os.remove(x)\n")
    script_file = write(tmp_path / "job.py", "import json\njson.loads('{}')\n")
    script, _ = scan(script_file.read_text(), file=script_file, root=tmp_path)
    assert script.effects == []


@pytest.mark.parametrize(("helper", "script_text", "kind", "names"), [
    pytest.param("import argparse\ndef parse_args(argv):\n    p = argparse.ArgumentParser()\n"
                 "    p.add_argument('--days', type=int)\n    p.add_argument('--dry-run', action='store_true')\n"
                 "    return p.parse_args(argv)\n",
                 "import sys\nfrom .utils import parse_args\nargs = parse_args(sys.argv[1:])\n",
                 "argparse", ["--days", "--dry-run"], id="relative-argparse"),
    pytest.param("import optparse\ndef options():\n    p = optparse.OptionParser()\n"
                 "    p.add_option('--force', action='store_true')\n    return p.parse_args()\n",
                 "from ops import utils\nopts, rest = utils.options()\n", "optparse", ["--force"], id="optparse"),
    pytest.param("import click\n@click.command()\n@click.option('--limit')\ndef main(limit):\n    pass\n",
                 "from ops.utils import main\nmain()\n", "click", ["--limit"], id="click-command"),
    pytest.param("import argparse\ndef parse_args():\n    return argparse.ArgumentParser().parse_args()\n"
                 "def helper():\n    return 1\n",
                 "from .utils import helper\nhelper()\n", "none", [], id="not-the-parser-builder"),
    pytest.param("import argparse\ndef parse_args():\n    p = argparse.ArgumentParser()\n"
                 "    p.add_argument('--x')\n    return p.parse_args()\n",
                 "import argparse\nfrom .utils import parse_args\np = argparse.ArgumentParser()\n"
                 "p.add_argument('--own')\np.parse_args()\nparse_args()\n", "argparse", ["--own"],
                 id="own-interface-wins"),
    pytest.param("import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument('--os')\n"
                 "parser.add_argument('--identity')\n",
                 "from ops.utils import *\ndef main():\n    parser.set_defaults(os='ubuntu')\n"
                 "    args = parser.parse_args()\nmain()\n", "argparse", ["--os", "--identity"],
                 id="a-parser-the-module-makes-star-imported"),
    pytest.param("import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument('--os')\n",
                 "from ops.utils import parser\nargs = parser.parse_args()\n", "argparse", ["--os"],
                 id="a-parser-the-module-makes-imported-by-name"),
    pytest.param("import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument('--os')\n",
                 "from ops.utils import *\nimport argparse\nparser = argparse.ArgumentParser()\n"
                 "args = parser.parse_args()\n", "argparse", [], id="a-parser-of-its-own-of-that-name"),
    pytest.param("from argparse import ArgumentParser\nparser = ArgumentParser()\nparser.add_argument('--vendors')\n"
                 "args = parser.parse_args()\n",
                 "from ops import utils\nprint(utils.args.vendors)\n", "argparse", ["--vendors"],
                 id="a-module-that-parses-when-imported"),
    pytest.param("from argparse import ArgumentParser\nparser = ArgumentParser()\nparser.add_argument('--vendors')\n"
                 "def parse():\n    return parser.parse_args()\n",
                 "from ops import utils\nprint(utils.parser)\n", "none", [],
                 id="a-module-whose-parser-is-not-run"),
])
def test_interface_from_a_local_module(tmp_path: Path, helper: str, script_text: str, kind: str,
                                       names: list[str]) -> None:
    write(tmp_path / "ops" / "__init__.py", "")
    write(tmp_path / "ops" / "utils.py", helper)
    script_file = write(tmp_path / "ops" / "job.py", script_text)
    script, _ = scan(script_file.read_text(), file=script_file, root=tmp_path)
    assert (script.interface.kind, [flag.name for flag in script.interface.flags]) == (kind, names)


# --- Python 2 and pathological sources ---------------------------------------------------------

@pytest.mark.parametrize(("source", "reason"), [
    pytest.param("import os\n\nprint 'hello'\n", "print statement at line 3", id="print"),
    pytest.param("print >>sys.stderr, 'x'\nprint 'y'\n", "print statement at line 2", id="print-chevron"),
    pytest.param("x = ur'abc'\n", "ur'' string prefix at line 1", id="ur-prefix"),
    pytest.param("x = 10L\n", "long integer literal at line 1", id="long-literal"),
    pytest.param("try:\n    pass\nexcept OSError, e:\n    pass\n", "'except X, e' at line 3", id="except-comma"),
    pytest.param("x = `y`\n", "backticks at line 1", id="backticks"),
    pytest.param("if a <> b:\n    pass\n", "'<>' operator at line 1", id="not-equal"),
    pytest.param("import os\nos.chmod(p, 0755)\n", "octal literal without 0o at line 2", id="octal"),
    pytest.param("exec 'x = 1'\n", "exec statement at line 1", id="exec"),
    pytest.param("raise ValueError, 'bad'\n", "'raise E, message' at line 1", id="raise-comma"),
])
def test_python2_source_is_a_value_error_naming_the_cause(source: str, reason: str) -> None:
    with pytest.raises(ValueError) as raised:
        scan(source)
    assert str(raised.value) == f"Python 2 syntax ({reason}); run it through 2to3 or pyupgrade first"


def test_invalid_escape_sequences_are_not_errors_or_warnings() -> None:
    script, _ = scan('import re, os\nPATTERN = re.compile("\\d+")\nos.remove("x")\n')  # pytest: warnings are errors
    assert effects_of(script) == [("file-delete", True, "high")]


def test_other_syntax_errors_propagate() -> None:
    with pytest.raises(SyntaxError):
        scan("def f(:\n    pass\n")


@pytest.mark.parametrize("source", [
    pytest.param("x = " + "-" * 200_000 + "1\n", id="deep-unary"),
    pytest.param("x = " + "(" * 150 + "1" + ")" * 150 + "\n", id="many-parentheses"),
    pytest.param("x = " + "a." * 50_000 + "b\n", id="long-attribute-chain"),
    pytest.param("x = " + " + ".join(["'a'"] * 20_000) + "\nos.system(x)\n", id="long-concatenation"),
])
def test_pathological_nesting_is_a_clear_error_or_a_scan(source: str) -> None:
    try:
        scan(source)
    except ValueError as error:
        assert "nested too deeply" in str(error)
    except SyntaxError:
        pass


# --- property: any valid Python scans ------------------------------------------------------------

FRAGMENTS = [
    "import os, sys, subprocess, shutil", "import boto3", "import requests", "import argparse",
    "import click", "x = 1", "cmd = ['ls']", "cmd += [x]", "subprocess.run(cmd)", "os.system(f'rm {x}')",
    "sys.exit(x)", "def f(a):\n    return a", "class C:\n    def m(self):\n        self.c.delete()",
    "p = argparse.ArgumentParser()", "p.add_argument('--x', type=int)", "s = p.add_subparsers()",
    "q = s.add_parser(x)", "q.add_argument(*names)", "os.environ[x]", "os.environ.get('A_TOKEN')",
    "for i in x:\n    i.delete()", "with open(x, 'w') as f:\n    pass", "requests.request(m, u)",
    "cur.execute('DELETE' + x)", "@click.command()\n@click.option(x)\ndef g(): pass", "sys.argv[x]",
    "len(sys.argv) < x", "raise SystemExit(x)", "lambda: f(x)", "[y for y in sys.argv]",
    "ec2 = boto3.client(x)\nec2.delete_thing()", "if __name__ == '__main__':\n    f(1)",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12))
def test_any_valid_python_scans_into_well_formed_facts(fragments: list[str]) -> None:
    source = "\n".join(fragments) + "\n"
    script, facts = scan(source)
    lines = source.count("\n") + 1
    for effect in script.effects:
        assert effect.kind in ("file-delete", "file-write", "command", "cloud", "http", "sql", "orm")
        assert effect.confidence in ("high", "medium", "low")
        assert 1 <= effect.line <= lines and len(effect.call) <= 120
    assert len({env.name for env in script.env}) == len(script.env)
    assert script.exit_codes == sorted(set(script.exit_codes))
    assert isinstance(facts.entry, bool)


# --- rules beyond the known SDKs --------------------------------------------------------------


def test_deleting_methods_of_any_constructed_api_client_are_destructive() -> None:
    found = effects("""
        from ghapi.all import GhApi
        import mu
        api = GhApi(owner="o", repo="r")
        api.actions.delete_actions_cache_by_key(key="venv-1")
        manager = mu.LambdaManager(factory)
        manager.remove(function)
        items = [1, 2]
        items.remove(1)
        """)
    assert found == [("cloud", True, "medium"), ("cloud", True, "medium")]


def test_objects_of_the_github_gitlab_and_jenkins_sdks_delete_what_they_stand_for() -> None:
    found = effects("""
        import github3
        import gitlab
        import github3.repos.repo
        gh = github3.login(token="t")
        repo = gh.repository("o", "r")
        repo.ref("heads/release-1").delete()
        for release in repo.releases():
            release.delete()
        gl = gitlab.Gitlab("https://gitlab.example.com", private_token="t")
        gl.projects.get(1).branches.delete("old")
        def prune(repo: github3.repos.repo.Repository, name):
            repo.branch(name).delete()
        cache = {}
        cache.pop("x")
        """)
    assert found == [("cloud", True, "medium")] * 4


def test_a_project_function_named_as_a_deletion_is_a_low_confidence_guess(tmp_path: Path) -> None:
    (tmp_path / "shop").mkdir()
    script, _ = scan("""
        from shop.tasks import delete_old_payloads, refresh_cache
        from json import dumps
        delete_old_payloads()
        refresh_cache()
        dumps({})
        """, file=tmp_path / "shop" / "purge.py", root=tmp_path)
    assert [(e.kind, e.destructive, e.confidence, e.via) for e in script.effects] == [
        ("call", True, "low", "shop.tasks.delete_old_payloads")]


@pytest.mark.parametrize(("function", "destructive"), [
    pytest.param("restore_database", True, id="restore-prefix"),
    pytest.param("db_restore", True, id="restore-suffix"),
    pytest.param("purge_cache", False, id="cache-purge"),
    pytest.param("restored_count", False, id="not-a-restore"),
])
def test_a_project_restore_or_deletion_by_name(tmp_path: Path, function: str, destructive: bool) -> None:
    (tmp_path / "shop").mkdir()
    script, _ = scan(f"from shop.backups import {function}\n{function}()\n",
                     file=tmp_path / "shop" / "job.py", root=tmp_path)
    assert [(e.kind, e.destructive, e.confidence) for e in script.effects] == (
        [("call", True, "low")] if destructive else [])


@pytest.mark.parametrize(("source", "expected"), [
    pytest.param("class C:\n    def handle(self):\n        self._restore_backup()\n    def _restore_backup(self):\n"
                 "        pass", [("call", True, "low")], id="own-method"),
    # a method of the class whose body is there to read: what it does decides, not its name
    pytest.param("class C:\n    def handle(self):\n        if self._confirm_restore(n):\n"
                 "            self._perform_restore(n)\n    def _confirm_restore(self, n):\n"
                 "        return input(n) == 'y'\n    def _perform_restore(self, n):\n        log(n)",
                 [], id="own-method-read"),
    pytest.param("class C:\n    def run(self, f):\n        self.connector.restore_dump(f)",
                 [("call", True, "low")], id="connector-on-self"),
    pytest.param("def go(connector, f):\n    connector.restore_dump(f)", [("call", True, "low")], id="connector"),
    pytest.param("def restore_db():\n    pass\nrestore_db()", [("call", True, "low")], id="function-of-the-file"),
    pytest.param("def go(window):\n    window.restore()", [], id="unknown-receiver"),
    pytest.param("import curses\ncurses.restore_term()", [], id="library-function"),
    pytest.param("from django.core.management import call_command\ncall_command('flush', interactive=False)",
                 [("orm", True, "medium")], id="call-command-flush"),
    # a command that deletes what its own job says is that command's: the caller dispatches
    pytest.param("from django.core.management import call_command\ncall_command('remove_stale_contenttypes')",
                 [("orm", False, "medium")], id="call-command-remove"),
    pytest.param("from django.core.management import call_command\ncall_command('clearsessions')",
                 [("orm", False, "medium")], id="call-command-clear"),
    pytest.param("from django.core.management import call_command\ncall_command('reset_db', '--noinput')",
                 [("orm", True, "medium")], id="call-command-reset-db"),
    pytest.param("from django.core.management import call_command\ncall_command('purge_docs_cache')", [],
                 id="call-command-cache"),
    pytest.param("from django.core.management import call_command\ncall_command('migrate')", [],
                 id="call-command-migrate"),
])
def test_restores_and_deleting_django_commands(source: str, expected: list[tuple[str, bool, str]]) -> None:
    assert effects(source) == expected


@pytest.mark.parametrize(("source", "expected"), [
    pytest.param("def go(qs):\n    qs._raw_delete(using=qs.db)", [("orm", True, "medium")], id="raw-delete"),
    pytest.param("def f(M, t):\n    M.Notification.query.remove({'pubdate': {'$lt': t}})",
                 [("orm", True, "medium")], id="ming-query-remove"),
    pytest.param("def f(Model, n):\n    Model.query.update({n: {'$exists': True}}, {'$unset': {n: True}}, multi=True)",
                 [("orm", True, "medium")], id="mongo-unset-a-field"),
    pytest.param("def f(items, x):\n    items.remove(x)", [], id="a-list-remove"),
    pytest.param("def f(M):\n    M.BaseAttachment.query.remove({'type': 'thumbnail'})", [("orm", False, "medium")],
                 id="ming-remove-derived"),
    pytest.param("class C:\n    def go(self, name):\n        self.media_storage.delete(name)",
                 [("file-delete", True, "medium")], id="a-storage-held-by-the-object"),
    pytest.param("def go(ReferenceIndex):\n    refs = ReferenceIndex.objects.all()\n"
                 "    refs._raw_delete(using=refs.db)", [("orm", False, "medium")], id="raw-delete-derived-index"),
    pytest.param("from rohmu import get_transfer\nstorage = get_transfer({})\nstorage.delete_key('wal/1')",
                 [("cloud", True, "medium")], id="storage-delete-key"),
    pytest.param("class C:\n    def go(self, name):\n        self.bucket.delete_blob(name)",
                 [("cloud", True, "medium")], id="bucket-delete-blob"),
    # not a store: only the low guess for a deleting name that could not be followed
    pytest.param("def go(cfg, name):\n    cfg.delete_key(name)", [("call", True, "low")], id="not-a-store"),
])
def test_deletes_through_unknown_object_stores_and_raw_querysets(
        source: str, expected: list[tuple[str, bool, str]]) -> None:
    assert effects(source) == expected


@pytest.mark.parametrize(("source", "expected"), [
    pytest.param("""
        import shutil
        from pathlib import Path
        def build(parent):
            out = parent / "_build"
            shutil.rmtree(str(out))
            out.mkdir(parents=True)
        """, [("file-write", False)], id="wiped-and-recreated-path"),
    pytest.param("""
        import os, shutil
        OUT = "gen/schemas"
        shutil.rmtree(OUT)
        os.makedirs(OUT, exist_ok=True)
        """, [("file-write", False)], id="wiped-and-recreated-constant"),
    pytest.param("""
        import shutil
        shutil.rmtree("/var/lib/data")
        """, [("file-delete", True)], id="wiped-only"),
])
def test_a_folder_wiped_to_be_rebuilt_is_output_not_loss(source: str,
                                                         expected: list[tuple[str, bool]]) -> None:
    assert [(kind, destructive) for kind, destructive, _ in effects(source)] == expected


def test_a_local_modules_helpers_are_followed_through_their_own_calls(tmp_path: Path) -> None:
    write(tmp_path / "cleaner" / "__init__.py", "")
    write(tmp_path / "cleaner" / "core.py", """
        def deregister_image(client, image_id):
            client.deregister_image(ImageId=image_id)
        def delete_snapshot(client, snapshot_id):
            client.delete_snapshot(SnapshotId=snapshot_id)
        def remove_all(client, images):
            for image in images:
                deregister_image(client, image["ImageId"])
                delete_snapshot(client, image["SnapshotId"])
        def clean_images(client, images, dry_run):
            if not dry_run:
                remove_all(client, images)
        def unrelated(client):
            client.delete_bucket(Bucket="b")
    """)
    script_file = write(tmp_path / "cleaner" / "cli.py", """
        import boto3
        from .core import clean_images
        clean_images(boto3.client("ec2"), [], dry_run=False)
    """)
    script, _ = scan(script_file.read_text(), file=script_file, root=tmp_path)
    assert [(e.destructive, e.path, e.via, e.line) for e in script.effects] == [
        (True, "cleaner/core.py", "cleaner.core.deregister_image", 3),
        (True, "cleaner/core.py", "cleaner.core.delete_snapshot", 5)]


def test_removing_a_symbolic_link_loses_no_data() -> None:
    script, _ = scan("""
        import os
        from pathlib import Path
        def fix(path, other):
            if os.path.islink(path):
                os.remove(path)
            if other.is_symlink():
                other.unlink()
            os.remove(other)
    """)
    assert [(e.line, e.destructive) for e in script.effects] == [(6, False), (8, True), (9, True)]


def test_a_client_given_as_an_annotated_parameter_and_its_deleting_methods_handed_over() -> None:
    script, _ = scan("""
        from kubernetes.client import V1DeleteOptions
        from proj.kube import KubeClient
        def terminate_nodes(client: KubeClient, nodes):
            for node in nodes:
                client.core.delete_node(node, body=V1DeleteOptions())
        def cleanup(kube_client: "Optional[KubeClient]", namespace):
            actions = ((kube_client.core.delete_namespaced_job, list_jobs),)
            for delete_func, list_func in actions:
                for item in list_func(kube_client, namespace):
                    delete_func(item.metadata.name, namespace)
        def look(client: KubeClient):
            return client.core.list_node()
    """)
    assert [(e.kind, e.destructive, e.line) for e in script.effects] == [
        ("cloud", True, 6), ("cloud", True, 8)]


@pytest.mark.parametrize(("call", "expected"), [
    pytest.param("os.kill(pid, signal.SIGTERM)", [(True, "high")], id="term"),
    pytest.param("os.kill(pid, 9)", [(True, "high")], id="nine"),
    pytest.param("os.killpg(pgid, signal.SIGKILL)", [(True, "high")], id="killpg"),
    pytest.param("os.kill(pid, signum)", [(True, "medium")], id="chosen-at-run-time"),
    pytest.param("os.kill(pid, signal.SIGHUP)", [(False, "high")], id="reload"),
    pytest.param("os.kill(pid, 0)", [], id="exists-check"),
    pytest.param("os.kill(int(open(pidfile).read()), signal.SIGTERM)", [(False, "high")],
                 id="pid-file"),
    pytest.param("os.kill(int(Path('/run/app.pid').read_text()), 9)", [(False, "high")],
                 id="pid-file-path"),
    # its own children: a process it started, a loop over its children
    pytest.param("proc = subprocess.Popen(['gunicorn'])\nos.kill(proc.pid, signal.SIGTERM)",
                 [(False, "high")], id="own-popen"),
    pytest.param("def handler(signum, frame):\n    for child_pid in get_children():\n"
                 "        os.kill(child_pid, signal.SIGTERM)", [(False, "high")], id="own-children"),
    pytest.param("for pid in find_pids('nginx'):\n    os.kill(pid, signal.SIGTERM)", [(True, "high")],
                 id="someone-elses"),
])
def test_signals_sent_to_processes(call: str, expected: list[tuple[bool, str]]) -> None:
    script, _ = scan(f"import os, signal, subprocess\n{call}\n")
    assert [(e.destructive, e.confidence) for e in script.effects if e.kind != "subprocess"] == expected


@pytest.mark.parametrize(("source", "expected"), [
    pytest.param("import psutil\ndef f(pids):\n    for pid in pids:\n        p = psutil.Process(pid)\n"
                 "        p.kill()", [("command", True, "high")], id="psutil-process-kill"),
    pytest.param("import psutil\nfor p in psutil.process_iter():\n    if p.name() == 'x':\n        p.terminate()",
                 [("command", True, "high")], id="psutil-process-iter-terminate"),
    pytest.param("import subprocess\nproc = subprocess.Popen(['worker'])\nproc.kill()", [], id="own-popen-kill"),
])
def test_processes_psutil_found_ended(source: str, expected: list[tuple[str, bool, str]]) -> None:
    assert effects(source) == expected


@pytest.mark.parametrize(("source", "expected"), [
    pytest.param("for app in apps:\n    app.deep_delete(client)\n", True, id="deep-delete"),
    pytest.param("repo.delete_branch(name)\n", True, id="delete-something"),
    pytest.param("store.purge_old(days=30)\n", True, id="purge-something"),
    pytest.param("items.remove(x)\n", False, id="list-remove"),
    pytest.param("df.drop_duplicates()\n", False, id="dataframe-drop"),
    pytest.param("self.delete_rows()\n", False, id="own-method"),
])
def test_strongly_named_deletions_on_any_object(tmp_path: Path, source: str, expected: bool) -> None:
    script, _ = scan(source, file=tmp_path / "job.py", root=tmp_path)
    assert [(e.kind, e.destructive, e.confidence) for e in script.effects] == (
        [("call", True, "low")] if expected else [])


def test_removing_the_virtualenv_the_script_made_loses_nothing() -> None:
    script, _ = scan("""
        import shutil, subprocess, sys
        from pathlib import Path
        ENV_PATH = Path(__file__).parent / ".tool-env"
        subprocess.run([sys.executable, "-m", "venv", str(ENV_PATH)], check=True)
        shutil.rmtree(ENV_PATH, ignore_errors=True)
        shutil.rmtree(Path("/srv/data"))
    """)
    assert [(e.line, e.destructive) for e in script.effects if e.kind == "file-delete"] == [(7, True)]


def test_python_fire_methods_are_subcommands_and_their_parameters_flags() -> None:
    script, _ = scan("""
        import fire
        class Cleanup:
            def __init__(self, project="kubeflow-ci"):
                self.project = project
            def auto_blueprints(self, context, dryrun=True, max_age_hours: int = 24):
                pass
            def _helper(self, secret):
                pass
        if __name__ == "__main__":
            fire.Fire(Cleanup)
    """)
    interface = script.interface
    assert interface.kind == "fire"
    assert interface.subcommands == ["auto-blueprints"]
    assert [(f.name, f.type, f.default, f.required, f.subcommand) for f in interface.flags] == [
        ("--project", "string", "kubeflow-ci", False, None),
        ("--context", "string", None, True, "auto-blueprints"),
        ("--dryrun", "boolean", True, False, "auto-blueprints"),
        ("--max_age_hours", "integer", 24, False, "auto-blueprints")]
    assert script.has_dry_run


def test_a_django_command_keeps_the_options_of_the_projects_base_command(tmp_path: Path) -> None:
    base = write(tmp_path / "app" / "management" / "commands" / "__init__.py", """
        from django.core.management.base import BaseCommand
        class BaseRevisionCommand(BaseCommand):
            def add_arguments(self, parser):
                parser.add_argument("app_label", nargs="*")
                parser.add_argument("--using", default=None)
    """)
    command = write(tmp_path / "app" / "management" / "commands" / "deleterevisions.py", """
        from app.management.commands import BaseRevisionCommand
        class Command(BaseRevisionCommand):
            def add_arguments(self, parser):
                super().add_arguments(parser)
                parser.add_argument("--days", type=int, default=0)
            def handle(self, *labels, **options):
                pass
    """)
    script, _ = scan(command.read_text(), file=command, root=tmp_path)
    assert script.interface.kind == "django"
    assert [f.name for f in script.interface.flags] == ["app_label", "--using", "--days"]
    _, base_facts = scan(base.read_text(), file=base, root=tmp_path)
    assert not base_facts.entry  # Django does not load management/commands/__init__.py as a command


def test_an_objects_delete_method_handed_to_a_call_is_a_guess() -> None:
    script, _ = scan("""
        from proj import utils
        def purge(managers, exc):
            for manager in managers:
                for resource in manager.list():
                    utils.call_and_ignore_exc(exc, manager.delete, resource)
                    executor.submit(manager.list)
    """)
    assert [(e.kind, e.destructive, e.confidence, e.line) for e in script.effects] == [("call", True, "low", 6)]


def test_a_local_class_used_by_the_script_is_followed_through_its_methods(tmp_path: Path) -> None:
    write(tmp_path / "cleaner" / "__init__.py", "")
    write(tmp_path / "cleaner" / "core.py", """
        import boto3
        class AMICleaner:
            def __init__(self):
                self.ec2 = boto3.client("ec2")
            def remove_amis(self, ids):
                for ami in ids:
                    self._deregister(ami)
            def _deregister(self, ami):
                self.ec2.deregister_image(ImageId=ami)
            def unused(self):
                self.ec2.delete_vpc(VpcId="x")
    """)
    script_file = write(tmp_path / "cleaner" / "cli.py", """
        from cleaner.core import AMICleaner
        cleaner = AMICleaner()
        cleaner.remove_amis(["ami-1"])
    """)
    script, _ = scan(script_file.read_text(), file=script_file, root=tmp_path)
    assert [(e.destructive, e.via, e.line) for e in script.effects] == [
        (True, "cleaner.core.AMICleaner._deregister", 10)]


@pytest.mark.parametrize(("source", "expected"), [
    pytest.param("DEFAULT_REMOVAL_COMMAND = ['rm', '-fR']\n", [(True, "low")], id="list"),
    pytest.param("PURGE_CMD = 'kubectl delete namespace old'\n", [(True, "low")], id="string"),
    pytest.param("LIST_CMD = ['ls', '-l']\n", [], id="read-only"),
    pytest.param("REMOVAL = ['rm', '-fR']\n", [], id="not-named-as-a-command"),
])
def test_a_command_kept_in_a_module_constant(source: str, expected: list[tuple[bool, str]]) -> None:
    script, _ = scan(source)
    assert [(e.destructive, e.confidence) for e in script.effects] == expected


@pytest.mark.parametrize(("source", "destructive"), [
    pytest.param("from wagtail.images.models import Rendition\nRendition.objects.filter(x=1).delete()\n", False,
                 id="renditions"),
    pytest.param("from wagtail.embeds.models import Embed\nembeds = Embed.objects.all()\nembeds.delete()\n", False,
                 id="cached-embeds"),
    pytest.param("from app.models import Thumbnail\nfor t in Thumbnail.objects.all():\n    t.delete()\n", False,
                 id="thumbnail-rows"),
    pytest.param("from app.models import Invoice\nInvoice.objects.filter(x=1).delete()\n", True, id="data-rows"),
])
def test_deleting_derived_rows_loses_nothing(source: str, destructive: bool) -> None:
    script, _ = scan(source)
    assert any(e.destructive for e in script.effects) is destructive


def test_files_the_script_made_or_that_hold_no_data_are_not_destructive_to_remove() -> None:
    script, _ = scan("""
        import glob, os, shutil
        os.remove("/var/run/nginx.pid")
        for path in glob.glob("*.egg-info"):
            shutil.rmtree(path)
        def install_map(map_file):
            destination = os.path.join("/etc/postfix", os.path.basename(map_file))
            shutil.copyfile(map_file, destination)
            os.remove(destination)
        def rewrite(passwords_file):
            os.remove(passwords_file)
            with os.fdopen(os.open(passwords_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), "w") as f:
                f.write("x")
        for path in glob.glob("/srv/data/*.db"):
            os.remove(path)
        os.remove("/srv/data/app.db")
    """)
    # the copy and the rewritten file are the script's own: not effects at all
    assert [(e.line, e.destructive) for e in script.effects if e.kind == "file-delete"] == [
        (3, False), (5, False), (15, True), (16, True)]


# --- past the first level: other modules of the project, delegated methods ------------------

def _delegating_project(tmp_path: Path) -> None:
    write(tmp_path / "guard" / "__init__.py", "")
    write(tmp_path / "guard" / "utils.py", """
        from guard.handlers.proxy import ProxyHandler
        def reset(ip=None):
            return ProxyHandler.reset_attempts(ip=ip)
    """)
    write(tmp_path / "guard" / "handlers" / "__init__.py", "")
    write(tmp_path / "guard" / "handlers" / "proxy.py", """
        from django.conf import settings
        from django.utils.module_loading import import_string
        class ProxyHandler:
            implementation = None
            @classmethod
            def get_implementation(cls):
                if not cls.implementation:
                    cls.implementation = import_string(settings.GUARD_HANDLER)()
                return cls.implementation
            @classmethod
            def reset_attempts(cls, ip=None):
                return cls.get_implementation().reset_attempts(ip=ip)
            @classmethod
            def is_locked(cls, request):
                return cls.get_implementation().is_locked(request)
    """)
    write(tmp_path / "guard" / "handlers" / "database.py", """
        from guard.models import Attempt
        class DatabaseHandler:
            def reset_attempts(self, ip=None):
                attempts = Attempt.objects.filter(ip=ip) if ip else Attempt.objects.all()
                count, _ = attempts.delete()
                return count
            def is_locked(self, request):
                Attempt.objects.filter(ip=request.ip).delete()  # not reached by a reset
    """)


def test_a_project_function_is_followed_into_the_module_it_calls(tmp_path: Path) -> None:
    """guard.utils.reset() -> ProxyHandler.reset_attempts() (another module) -> handed to the
    configured handler's reset_attempts(), found beside it by its name: low."""
    _delegating_project(tmp_path)
    script_file = write(tmp_path / "guard" / "management" / "commands" / "guard_reset.py", """
        from django.core.management.base import BaseCommand
        from guard.utils import reset
        class Command(BaseCommand):
            def handle(self, *args, **options):
                self.stdout.write(f"{reset()} attempts removed")
    """)
    script, _ = scan(script_file.read_text(), file=script_file, root=tmp_path)
    assert [(e.kind, e.destructive, e.confidence, e.path, e.via) for e in script.effects] == [
        ("orm", True, "low", "guard/handlers/database.py",
         "guard.handlers.database.DatabaseHandler.reset_attempts")]


def test_a_class_method_of_an_imported_class_is_followed(tmp_path: Path) -> None:
    _delegating_project(tmp_path)
    script_file = write(tmp_path / "reset_all.py", """
        from guard.handlers.proxy import ProxyHandler
        ProxyHandler.reset_attempts()
    """)
    script, _ = scan(script_file.read_text(), file=script_file, root=tmp_path)
    assert [(e.destructive, e.via) for e in script.effects] == [
        (True, "guard.handlers.database.DatabaseHandler.reset_attempts")]


def test_a_method_handed_on_under_another_name_reaches_nothing(tmp_path: Path) -> None:
    """Only a method handed on under its own name is looked for beside it: a lookup that only
    reads (``is_locked``) does not reach the deleting methods next door."""
    _delegating_project(tmp_path)
    script_file = write(tmp_path / "check.py", """
        from guard.handlers.proxy import ProxyHandler
        ProxyHandler.get_implementation()
    """)
    script, _ = scan(script_file.read_text(), file=script_file, root=tmp_path)
    assert script.effects == []


def test_following_other_modules_stops_at_cycles(tmp_path: Path) -> None:
    write(tmp_path / "a.py", "import b\ndef run():\n    b.run()\n    import shutil\n    shutil.rmtree('/srv/a')\n")
    write(tmp_path / "b.py", "import a\ndef run():\n    a.run()\n")
    script_file = write(tmp_path / "job.py", "import b\nb.run()\n")
    script, _ = scan(script_file.read_text(), file=script_file, root=tmp_path)
    assert [(e.destructive, e.path, e.via) for e in script.effects] == [(True, "a.py", "a.run")]


def test_a_queryset_chosen_by_a_condition_is_still_a_queryset() -> None:
    assert effects("""
        from django.core.management.base import BaseCommand
        from app.models import Attempt
        class Command(BaseCommand):
            def handle(self, *args, ip=None, **options):
                attempts = Attempt.objects.filter(ip=ip) if ip else Attempt.objects.all()
                attempts.delete()
    """) == [("orm", True, "medium")]  # as for a name bound to one queryset


def test_cloud_calls_that_leave_the_resource_itself_are_not_destructive() -> None:
    assert effects("""
        import boto3
        elb = boto3.client("elbv2")
        sqs = boto3.client("sqs")
        route53 = boto3.client("route53")
        elb.deregister_targets(TargetGroupArn=arn, Targets=[{"Id": instance}])
        sqs.delete_message(QueueUrl=url, ReceiptHandle=handle)
        route53.change_resource_record_sets(HostedZoneId=zone, ChangeBatch={
            "Changes": [{"Action": "UPSERT", "ResourceRecordSet": record}]})
        route53.change_resource_record_sets(HostedZoneId=zone, ChangeBatch={
            "Changes": [{"Action": "DELETE", "ResourceRecordSet": record}]})
        elb.delete_target_group(TargetGroupArn=arn)
    """) == [("cloud", False, "high"), ("cloud", False, "high"), ("cloud", False, "high"),
             ("cloud", True, "high"), ("cloud", True, "high")]


def test_a_volume_or_policy_detached_is_kept() -> None:
    assert effects("""
        import boto3
        ec2 = boto3.client("ec2")
        iam = boto3.client("iam")
        ec2.detach_volume(VolumeId=volume_id)
        iam.detach_role_policy(RoleName=role, PolicyArn=arn)
        ec2.delete_volume(VolumeId=volume_id)
    """) == [("cloud", False, "high"), ("cloud", False, "high"), ("cloud", True, "high")]


def test_a_search_index_s_alias_moved_is_not_destructive() -> None:
    # (a project's own client of the search service, as a reindexing script writes one)
    assert effects("""
        from search import SearchClient
        client = SearchClient(endpoint)
        client.remove_alias(old_index, "records")
        client.put_alias(new_index, "records")
        client.delete_index(old_index)
    """) == [("cloud", False, "medium"), ("cloud", True, "medium")]


def test_stopping_the_process_a_pid_file_names_is_mutating() -> None:
    """A daemon's own stop (as synctl or an init script does it): the pid read from its PID
    file; a pid found any other way is still a process terminated."""
    script, _ = scan("""
        import os, signal
        def stop(pidfile):
            pid = int(open(pidfile).read())
            os.kill(pid, signal.SIGTERM)
        def stop_any(name):
            pid = find_pid(name)
            os.kill(pid, signal.SIGTERM)
        def stop_either(pidfile, name):
            pid = int(open(pidfile).read())
            if not pid:
                pid = find_pid(name)
            os.kill(pid, signal.SIGKILL)
    """)
    assert [(e.destructive, e.line) for e in script.effects] == [(False, 5), (True, 8), (True, 13)]


@pytest.mark.parametrize(("source", "expected"), [
    pytest.param("def purge(channel, name):\n    channel.queue_purge(name)", [("cloud", True, "medium")],
                 id="amqp-queue-purge"),
    pytest.param("def drop(channel, name):\n    channel.queue_delete(queue=name)", [("cloud", True, "medium")],
                 id="amqp-queue-delete"),
])
def test_queued_messages_dropped_for_good_are_destructive(source: str,
                                                          expected: list[tuple[str, bool, str]]) -> None:
    assert effects(source) == expected


@pytest.mark.parametrize(("source", "expected"), [
    pytest.param("from sqlalchemy import text\n\ndef run(engine, query):\n"
                 "    with engine.connect() as conn:\n        conn.execute(text(query))\n\n"
                 "def main(cond):\n    run(engine, f'DELETE FROM batches WHERE {cond}')\n",
                 [("sql", True, "medium")], id="a-statement-handed-to-a-helper"),
    pytest.param("def run(cur, query):\n    cur.execute(query)\n\n"
                 "run(cur, 'UPDATE users SET seen = now()')\nprint('DELETE FROM is what --purge does')\n",
                 [], id="an-update-and-a-message"),
    pytest.param("def main(cur):\n    cur.execute('SELECT 1')\n    print('DELETE FROM x')\n", [],
                 id="nothing-executed-from-a-parameter"),
])
def test_sql_written_apart_from_where_it_is_executed(source: str,
                                                     expected: list[tuple[str, bool, str]]) -> None:
    assert effects(source) == expected


@pytest.mark.parametrize(("source", "expected"), [
    # a library's own runner handed a list of words
    ("from neutron.agent.linux import utils\n"
     "def destroy(name):\n    cmd = ['ipset', 'destroy', name]\n"
     "    utils.execute(cmd, run_as_root=True)\ndestroy('x')\n",
     [("command", True, "medium")]),
    ("import processutils\nprocessutils.execute(['rm', '-rf', '/srv/cache/' + x])\n",
     [("command", True, "medium")]),
    ("class Tool:\n    def go(self):\n        self.run_command(['kubectl', 'apply', '-f', 'x.yaml'])\n",
     [("command", False, "medium")]),
    # SQL handed to execute is the SQL reader's, whatever its parameters
    ("cursor.execute('DELETE FROM sessions WHERE expired < %s', [now])\n",
     [("sql", True, "high")]),
    ("cursor.execute(query, ['a', 'b'])\n", []),
])
def test_a_list_of_words_handed_to_a_runner_is_a_command(
        source: str, expected: list[tuple[str, bool, str]]) -> None:
    assert effects(source) == expected


def test_a_command_class_inherits_what_its_project_base_class_does(tmp_path: Path) -> None:
    write(tmp_path / "app" / "__init__.py", "")
    write(tmp_path / "app" / "management" / "__init__.py", "")
    write(tmp_path / "app" / "management" / "commands" / "__init__.py", "")
    write(tmp_path / "app" / "management" / "commands" / "_base.py", """
        from django.core.management.base import BaseCommand
        class BaseCleanupCommand(BaseCommand):
            model = None
            def handle(self, *args, **options):
                self.model.objects.filter(expired=True).delete()
    """)
    plain = write(tmp_path / "app" / "management" / "commands" / "delete_expired.py", """
        from app.management.commands._base import BaseCleanupCommand
        class Command(BaseCleanupCommand):
            model = object
    """)
    script, _ = scan(plain.read_text(), file=plain, root=tmp_path)
    assert [(e.kind, e.destructive, e.via) for e in script.effects] == [
        ("orm", True, "app.management.commands._base.BaseCleanupCommand.handle")]
    overriding = write(tmp_path / "app" / "management" / "commands" / "count_expired.py", """
        from app.management.commands._base import BaseCleanupCommand
        class Command(BaseCleanupCommand):
            def handle(self, *args, **options):
                print(self.model.objects.count())
    """)
    script, _ = scan(overriding.read_text(), file=overriding, root=tmp_path)
    assert script.effects == []


def test_a_cliff_commands_options_are_added_to_the_parser_it_gets() -> None:
    got = flags("""
        from cliff import command
        class Cleanup(command.Command):
            def get_parser(self, prog_name):
                parser = super().get_parser(prog_name)
                parser.add_argument("--dry-run", action="store_true")
                parser.add_argument("--prefix", default="tempest")
                return parser
            def take_action(self, parsed_args):
                pass
    """)
    assert list(got) == ["--dry-run", "--prefix"]


@pytest.mark.parametrize(("source", "expected"), [
    ("client = get_client()\nclient.indices.delete(','.join(indices))\n", [("http", True, "medium")]),
    ("es.delete_by_query(index='logs', body=query)\n", [("http", True, "medium")]),
    ("es.indices.refresh(index='logs')\n", []),
])
def test_search_index_deletes(source: str, expected: list[tuple[str, bool, str]]) -> None:
    assert effects(source) == expected


def test_a_django_commands_option_groups_made_from_its_parser() -> None:
    got = flags("""
        from django.core.management.base import BaseCommand
        class Command(BaseCommand):
            def add_arguments(self, parser):
                parser.add_argument("model_label")
                simulation = parser.add_mutually_exclusive_group()
                simulation.add_argument("--simulate", action="store_true")
                simulation.add_argument("--only-print-queries", action="store_true")
            def handle(self, *args, **options):
                pass
    """)
    assert list(got) == ["model_label", "--simulate", "--only-print-queries"]


@pytest.mark.parametrize(("source", "destructive"), [
    # a loop over a pattern that only matches temporary files: its own leftovers
    # (``*.tmp`` is a temporary file's name wherever it is: listed, not destructive)
    ('import glob, os\nfor tmp_f in glob.glob("harbor.yml.*.tmp"):\n    os.remove(tmp_f)\n', [False]),
    ('import glob, os\nfor f in sorted(glob.glob(os.path.join(d, "*.partial"))):\n    os.unlink(f)\n', []),
    # any other pattern: whatever lies there
    ('import glob, os\nfor f in glob.glob("backups/*.tar"):\n    os.remove(f)\n', [True]),
    ('import glob, os\nfor f in glob.glob("*.tmp.tar"):\n    os.remove(f)\n', [True]),
])
def test_a_loop_over_temporary_files_removes_the_scripts_own(source: str, destructive: list[bool]) -> None:
    script, _ = scan(source)
    assert [e.destructive for e in script.effects if e.kind == "file-delete"] == destructive


@pytest.mark.parametrize(("source", "expected"), [
    # an RPC method named by a string: ``session.xenapi`` style calls
    ("def clean(session, ref):\n    call_xenapi(session, 'VDI.destroy', ref)\n",
     [("call", True, "medium")]),
    ("def clean(session, ref):\n    call_xenapi(session, 'VDI.get_record', ref)\n", []),
    # a message naming one is not a call of it
    ("def clean(session, ref):\n    print('VDI.destroy')\n", []),
])
def test_a_remote_method_named_by_a_string(source: str, expected: list[tuple[str, bool, str]]) -> None:
    script, _ = scan(source)
    assert effects_of(script) == expected


def test_absl_flags_defined_at_module_level() -> None:
    script, _ = scan("""
        from absl import app, flags
        import gflags

        FLAGS = flags.FLAGS
        flags.DEFINE_string("project", None, "Project to clean up.", short_name="p")
        flags.mark_flag_as_required("project")
        flags.DEFINE_boolean("dry_run", True, "Only list what would go.")
        flags.DEFINE_integer(name="keep_days", default=7, help="Keep younger ones.")
        flags.DEFINE_enum("mode", "snapshots", ["snapshots", "images"], "What to delete.")
        flags.DEFINE_multi_string("exclude", [], "Names to keep.")
        flags.DEFINE_list("zones", None, "Zones.", required=True)
        flags.DEFINE_alias("days", "keep_days")
        gflags.DEFINE_float("ratio", 0.5, "Ratio.")

        def main(argv):
            print(FLAGS.project)

        if __name__ == "__main__":
            app.run(main)
    """)
    interface = script.interface
    assert interface.kind == "absl"
    assert [(f.name, f.type, f.default, f.required) for f in interface.flags] == [
        ("--project", "string", None, True), ("--dry_run", "boolean", True, False),
        ("--keep_days", "integer", 7, False), ("--mode", "choice", "snapshots", False),
        ("--exclude", "list", [], False), ("--zones", "list", None, True), ("--ratio", "number", 0.5, False)]
    flags = {f.name: f for f in interface.flags}
    assert flags["--project"].aliases == ["-p"] and flags["--project"].help == "Project to clean up."
    assert flags["--dry_run"].negation == "--nodry_run" and flags["--exclude"].action == "append"
    assert flags["--mode"].choices == ["snapshots", "images"] and flags["--keep_days"].aliases == ["--days"]
    assert (script.has_dry_run, script.dry_run_flag) == (True, "--dry_run")


def test_a_define_function_of_another_library_is_not_an_absl_flag() -> None:
    script, _ = scan("""
        import sys
        from mylib import registry

        registry.DEFINE_string("name", None, "not a command-line flag")
        print(sys.argv[1])
    """)
    assert script.interface.kind == "argv"


def test_oslo_config_command_line_options() -> None:
    script, _ = scan("""
        import sys
        from oslo_config import cfg

        destroy_opts = [
            cfg.BoolOpt('all_cached', default=False, help='Destroy all cached images.'),
            cfg.BoolOpt('dry_run', default=False, help="Don't actually delete the VDIs."),
            cfg.IntOpt('keep_days', default=0, short='k', help='Older than this.'),
        ]
        file_opts = [cfg.IntOpt('window', default=172800, help='read from the config file')]
        CONF = cfg.CONF
        CONF.register_cli_opts(destroy_opts)
        CONF.register_opts(file_opts)
        CONF.register_cli_opt(cfg.StrOpt('command', positional=True, choices=['list', 'clean']))
        CONF.register_cli_opt(cfg.MultiStrOpt('exclude'))

        def main():
            CONF(args=sys.argv[1:])
            if '--verbose' in sys.argv:
                print(CONF.keep_days)
    """)
    interface = script.interface
    assert interface.kind == "oslo.config"
    assert [(f.name, f.type, f.default, f.positional) for f in interface.flags] == [
        ("--all_cached", "boolean", False, False), ("--dry_run", "boolean", False, False),
        ("--keep_days", "integer", 0, False), ("command", "choice", None, True),
        ("--exclude", "list", None, False), ("--verbose", "boolean", False, False)]
    flags = {f.name: f for f in interface.flags}
    assert flags["--dry_run"].negation == "--nodry_run" and flags["--keep_days"].aliases == ["-k"]
    assert flags["command"].choices == ["list", "clean"] and flags["--exclude"].action == "append"
    assert (script.has_dry_run, script.dry_run_flag) == (True, "--dry_run")


def test_oslo_config_subcommands_from_a_handler_and_manage_style_args_decorators() -> None:
    script, _ = scan("""
        from oslo_config import cfg

        CONF = cfg.CONF

        def args(*args, **kwargs):
            def _decorator(func):
                func.__dict__.setdefault('args', []).insert(0, (args, kwargs))
                return func
            return _decorator

        class DbCommands(object):
            @args('age_in_days', type=int, help='Purge deleted rows older than age in days')
            def purge(self, age_in_days):
                pass

            @args('--max_count', type=int, dest='max_count')
            def online_data_migrations(self, max_count=None):
                pass

        def add_command_parsers(subparsers):
            parser = subparsers.add_parser('upgrade', help='Upgrade the schema')
            parser.add_argument('--revision', nargs='?')
            parser = subparsers.add_parser('version')

        def main():
            command_opt = cfg.SubCommandOpt('command', handler=add_command_parsers)
            CONF.register_cli_opt(command_opt)
    """)
    interface = script.interface
    assert interface.kind == "oslo.config"
    assert interface.subcommands == ["upgrade", "version", "db purge", "db online_data_migrations"]
    assert [(f.name, f.subcommand, f.positional) for f in interface.flags] == [
        ("--revision", "upgrade", False), ("age_in_days", "db purge", True),
        ("--max_count", "db online_data_migrations", False)]


def test_argv_defaulted_from_sys_argv_inside_main() -> None:
    script, _ = scan("""
        import sys

        def main(argv=None):
            if argv is None:
                argv = sys.argv
            if len(argv) < 3:
                sys.exit(1)
            device, name = argv[1], argv[2]

        if __name__ == '__main__':
            sys.exit(main())
    """)
    assert script.interface.kind == "argv"
    assert [(f.name, f.required) for f in script.interface.flags] == [("arg1", True), ("arg2", True)]


def test_flask_script_commands_and_their_options() -> None:
    script, _ = scan("""
        from flask_script import Manager, Command, Option
        from app import app, db

        manager = Manager(app)

        @manager.command
        def drop_db():
            db.drop_all()

        @manager.option('-a', '--accounts', dest='accounts', default=u'all')
        @manager.option('-m', '--monitors', dest='monitors', default=u'all')
        def find_changes(accounts, monitors):
            pass

        @manager.command
        def purge(days, dry_run=False):
            pass

        class APIServer(Command):
            option_list = (Option('-b', '--bind', dest='bind', default='127.0.0.1'),)

        if __name__ == "__main__":
            manager.add_command("run_api_server", APIServer())
            manager.run()
    """)
    interface = script.interface
    assert interface.kind == "flask-script"
    assert interface.subcommands == ["drop_db", "find_changes", "purge", "run_api_server"]
    assert [(f.name, f.subcommand, f.positional, f.type) for f in interface.flags] == [
        ("--accounts", "find_changes", False, "string"), ("--monitors", "find_changes", False, "string"),
        ("days", "purge", True, "string"), ("--dry_run", "purge", False, "boolean"),
        ("--bind", "run_api_server", False, "string")]
    assert (script.has_dry_run, script.dry_run_flag) == (True, "--dry_run")


def test_oslo_config_options_win_over_the_argparse_subparsers_of_their_handler() -> None:
    script, _ = scan("""
        from oslo_config import cfg
        CONF = cfg.CONF

        def add_command_parsers(subparsers):
            parser = subparsers.add_parser('start')
            parser.add_argument('server')

        def main():
            opts = [cfg.SubCommandOpt('server', handler=add_command_parsers),
                    cfg.BoolOpt('respawn', default=False)]
            CONF.register_cli_opts(opts)
    """)
    assert script.interface.kind == "oslo.config"
    assert [(f.name, f.subcommand) for f in script.interface.flags] == [("server", "start"), ("--respawn", None)]


def test_pid_files_and_the_processes_they_name_are_run_time_state() -> None:
    script, _ = scan("""
        import os

        def pid_files(server):
            for pid_file in ['/var/run/glance/%s.pid' % server]:
                yield pid_file, int(open(pid_file).read().strip())

        def stop(server, sig):
            pfiles = pid_files(server)
            for pid_file, pid in pfiles:
                os.unlink(pid_file)
                os.kill(pid, sig)

        def wipe(path):
            os.unlink(path)
    """)
    assert [(e.call, e.destructive) for e in script.effects] == [
        ("os.unlink(pid_file)", False), ("os.kill(pid, sig)", False), ("os.unlink(path)", True)]


def test_a_manage_entry_point_takes_the_oslo_command_line_of_the_module_it_hands_over_to(
        tmp_path: Path) -> None:
    write(tmp_path / "svc" / "__init__.py", "")
    write(tmp_path / "svc" / "cmd" / "__init__.py", "")
    write(tmp_path / "svc" / "cmd" / "cli.py", """
        from oslo_config import cfg
        CONF = cfg.CONF

        class BaseApp:
            name: str

            @classmethod
            def add_argument_parser(cls, subparsers):
                return subparsers.add_parser(cls.name, help=cls.__doc__)

        class BootStrap(BaseApp):
            name = "bootstrap"

            @classmethod
            def add_argument_parser(cls, subparsers):
                parser = super().add_argument_parser(subparsers)
                parser.add_argument('--bootstrap-username', default='admin')
                return parser

        class TokenRotate(BaseApp):
            name = "token_rotate"

        CMDS = [BootStrap, TokenRotate]

        def add_command_parsers(subparsers):
            for cmd in CMDS:
                cmd.add_argument_parser(subparsers)

        command_opt = cfg.SubCommandOpt('command', handler=add_command_parsers)

        def main(argv=None):
            CONF.register_cli_opt(command_opt)
            CONF(args=argv[1:])
    """)
    script_file = write(tmp_path / "svc" / "cmd" / "manage.py", """
        import sys
        from svc.cmd import cli

        def main():
            cli.main(argv=sys.argv)
    """)
    script, _ = scan(script_file.read_text(), file=script_file, root=tmp_path)
    assert script.interface.kind == "oslo.config"
    assert script.interface.subcommands == ["bootstrap", "token_rotate"]
    assert [(f.name, f.subcommand) for f in script.interface.flags] == [("--bootstrap-username", "bootstrap")]


@pytest.mark.parametrize(("source", "found"), [
    ('db = get_db()\ndb["marker"].drop()\n', [("orm", True, "medium")]),
    ("client.drop_database('app')\n", [("orm", True, "medium")]),
    ("mongo.app.drop_collection('events')\n", [("orm", True, "medium")]),
    ("db.markers.drop()\n", [("orm", True, "medium")]),
    # pandas' drop takes labels, SQLAlchemy's a bind: neither a collection's
    ("frame = load()\nframe.drop(columns=['a'])\nframe['a'].drop()\n", []),
])
def test_mongodb_collections_and_databases_dropped(source: str, found: list[tuple[str, bool, str]]) -> None:
    assert effects(source) == found


def test_a_distributions_script_follows_its_package_in_the_folder_above(tmp_path: Path) -> None:
    """``st2common/bin/st2-purge-tokens`` imports ``st2common.cmd.purge_tokens``, which lives
    at ``st2common/st2common/cmd/purge_tokens.py`` (a repository of several distributions), and
    whose ``main`` calls a purge in another module of the same package."""
    write(tmp_path / "st2common/st2common/__init__.py", "")
    write(tmp_path / "st2common/st2common/cmd/__init__.py", "")
    write(tmp_path / "st2common/st2common/cmd/purge_tokens.py",
          "from st2common.garbage_collection.token import purge_tokens\n"
          "def main():\n    purge_tokens(days=30)\n")
    write(tmp_path / "st2common/st2common/garbage_collection/__init__.py", "")
    write(tmp_path / "st2common/st2common/garbage_collection/token.py",
          "import shutil\ndef purge_tokens(days):\n    shutil.rmtree('/var/lib/tokens')\n")
    script_file = write(tmp_path / "st2common/bin/st2-purge-tokens",
                        "import sys\nfrom st2common.cmd.purge_tokens import main\n"
                        "if __name__ == '__main__':\n    sys.exit(main())\n")
    script, _ = scan(script_file.read_text(), file=script_file, root=tmp_path)
    assert [(e.destructive, e.path, e.via) for e in script.effects] == [
        (True, "st2common/st2common/garbage_collection/token.py",
         "st2common.st2common.garbage_collection.token.purge_tokens")]


def test_oslo_config_options_handed_to_a_projects_registering_wrapper() -> None:
    """StackStorm's commands register their options through ``do_register_cli_opts``, a
    wrapper of ``CONF.register_cli_opts``; a helper merely named like it in the middle is not."""
    script, _ = scan("""
        from oslo_config import cfg
        from st2common.config import do_register_cli_opts

        def _register_cli_opts():
            cli_opts = [
                cfg.StrOpt("timestamp", default=None, help="Delete older than this."),
                cfg.BoolOpt("purge-incomplete", default=False),
            ]
            do_register_cli_opts(cli_opts)
            register_cli_opts_later([cfg.StrOpt("ignored")])

        def main():
            _register_cli_opts()
    """)
    assert script.interface.kind == "oslo.config"
    assert [f.name for f in script.interface.flags] == ["--timestamp", "--purge-incomplete"]


def test_a_route53_change_batch_built_with_deletes_before_the_call() -> None:
    assert effects("""
        import boto3
        client = boto3.client("route53")
        def purge(records, zone):
            changes = []
            for record in records:
                changes.append({"Action": "DELETE", "ResourceRecordSet": record})
            client.change_resource_record_sets(HostedZoneId=zone, ChangeBatch={"Changes": changes})
        def upsert(records, zone):
            changes = [{"Action": "UPSERT", "ResourceRecordSet": r} for r in records]
            client.change_resource_record_sets(HostedZoneId=zone, ChangeBatch={"Changes": changes})
    """) == [("cloud", True, "medium"), ("cloud", False, "high")]


def test_an_invoke_tasks_file_is_a_command_line_of_tasks() -> None:
    script, facts = scan("""
        from invoke import run, task

        @task(help={"name": "Name of the kind cluster", "protocol": "bgp or layer2"})
        def dev_env(ctx, name="kind", protocol=None, build_images=True, workers=2):
            run(f"kind create cluster --name {name}")

        @task(name="clean", positional=["name"])
        def dev_env_cleanup(c, name):
            run(f"kind delete cluster --name={name}")
    """)
    interface = script.interface
    assert (interface.kind, interface.subcommands) == ("invoke", ["dev-env", "clean"])
    assert [(f.name, f.subcommand, f.type, f.default, f.positional, f.negation) for f in interface.flags] == [
        ("--name", "dev-env", "string", "kind", False, None),
        ("--protocol", "dev-env", "string", None, False, None),
        ("--build-images", "dev-env", "boolean", True, False, "--no-build-images"),
        ("--workers", "dev-env", "integer", 2, False, None),
        ("name", "clean", "string", None, True, None)]
    assert interface.flags[0].help == "Name of the kind cluster"
    assert facts.entry  # ``inv`` runs it: a script, not a library
    assert any(e.destructive for e in script.effects)


def test_an_invoke_or_fabric_tasks_context_runs_shell_command_lines() -> None:
    assert effects("""
        from invoke import task

        @task
        def teardown(c, name="kind"):
            c.run(f"kind delete cluster --name {name}")
            c.run("kubectl get pods")

        def helper(c):
            c.run("rm -rf /srv/data")  # not a task: ``c`` is whatever it is given
    """) == [("command", True, "medium")]


def test_subparsers_handed_to_a_projects_oslo_config_helper() -> None:
    """trove-manage: ``cfg.custom_parser('action', actions)`` wraps oslo.config's
    ``SubCommandOpt``; ``actions(subparser)`` adds the subcommands and their arguments."""
    script, _ = scan("""
        from oslo_config import cfg as openstack_cfg
        from trove.common import cfg

        def main():
            def actions(subparser):
                parser = subparser.add_parser('db_sync', help='Populate the database structure')
                parser.add_argument('--repo_path', help='SQLAlchemy Migrate repository path.')
                parser = subparser.add_parser('datastore_update')
                parser.add_argument('datastore_name', help='Name of the datastore.')
            cfg.custom_parser('action', actions)
            cfg.parse_args(sys.argv)
    """)
    interface = script.interface
    assert (interface.kind, interface.subcommands) == ("oslo.config", ["db_sync", "datastore_update"])
    assert [(f.name, f.subcommand, f.positional) for f in interface.flags] == [
        ("--repo_path", "db_sync", False), ("datastore_name", "datastore_update", True)]


def test_a_dropped_database_and_a_force_push_through_gitpython_are_destructive() -> None:
    script, _ = scan("import git\nfrom sqlalchemy_utils import drop_database\nfrom app import db\n"
                     "drop_database(url)\ndb.drop_all()\nrepo = git.Repo('.')\n"
                     "repo.git.push('fork', 'branch', force=True)\nrepo.git.push('fork', 'branch')\n")
    assert [(e.kind, e.line) for e in script.effects if e.destructive] == [
        ("sql", 4), ("sql", 5), ("command", 7)]


def test_a_function_commands_hang_from_is_a_click_group() -> None:
    """``@cli_group() def cli()`` (a project's wrapper of ``click.group``), then
    ``@cli.command()``: the commands are subcommands of that group."""
    script, _ = scan("import click\nfrom app.cli.core import cli_group\n\n\n@cli_group()\ndef cli():\n    pass\n\n\n"
                     "@cli.command()\n@click.argument('event_id', type=int)\ndef restore(event_id):\n    pass\n")
    assert script.interface.kind == "click"
    assert script.interface.subcommands == ["restore"]
    assert [(f.name, f.subcommand) for f in script.interface.flags] == [("event_id", "restore")]


def test_truncating_an_opened_file_is_destructive() -> None:
    script, _ = scan("def restore(dst_file, dump):\n    with open(dst_file, 'w') as f:\n        f.truncate()\n"
                     "    with open(dump) as src:\n        src.truncate(100)\n    log.truncate()\n\n\nrestore(a, b)\n")
    assert [(e.call, e.destructive) for e in script.effects if e.destructive] == [("f.truncate()", True)]


def test_a_file_read_and_written_back_in_place_is_a_rewrite() -> None:
    script, _ = scan("def update(path):\n    with open(path, 'r+') as f:\n        data = load(f)\n"
                     "        f.seek(0, 0)\n        f.truncate()\n        dump(data, f)\n\n\nupdate(a)\n")
    assert [e.call for e in script.effects if e.destructive] == []


def test_truncating_after_a_dump_through_the_handle_is_a_rewrite() -> None:
    script, _ = scan("import yaml\n\n\ndef save(path, config):\n    with open(path, 'w') as fp:\n"
                     "        yaml.dump(config, fp)\n        fp.truncate()\n\n\nsave(a, b)\n")
    assert [e.call for e in script.effects if e.destructive] == []


def test_gitpython_command_objects_run_the_git_commands_they_name() -> None:
    script, _ = scan("from git import Repo, cmd\n\n\ndef backport(path):\n"
                     "    g = cmd.Git(working_dir=path)\n    g.clean(force=True, d=True, x=True)\n"
                     "    g.reset(hard=True)\n    g.checkout('stable/2024')\n"
                     "    repo = Repo(path)\n    repo.git.branch('old', D=True)\n    g.reset('HEAD')\n\n\nbackport(a)\n")
    assert [(e.line, e.destructive) for e in script.effects] == [(6, True), (7, True), (8, False), (10, True), (11, False)]


def test_older_stamp_files_a_glob_finds_before_a_new_one_is_written_are_its_own() -> None:
    script, _ = scan("import glob, os\n\n\ndef fetch(name, version, bin_path):\n"
                     "    version_file = os.path.join(bin_path, f'{name}-version-{version}')\n"
                     "    for file_name in glob.glob(f'{name}-version-*'):\n        os.remove(file_name)\n"
                     "    with open(version_file, 'w') as stamp:\n        pass\n"
                     "    for old in glob.glob('/srv/data/*.db'):\n        os.remove(old)\n\n\nfetch(a, b, c)\n")
    assert [e.line for e in script.effects if e.destructive] == [11]


def test_choices_given_as_a_set_keep_their_written_order() -> None:
    # a set's iteration order changes with the process's hash seed: the report would too
    script, _ = scan("import argparse, click\nparser = argparse.ArgumentParser()\n"
                     "parser.add_argument('--test-select', choices={'all', 'native', 'ios', 'pyodide'})\n"
                     "MODES = {'fast', 'slow'}\nparser.add_argument('--mode', choices=MODES)\n"
                     "args = parser.parse_args()\n")
    assert [f.choices for f in script.interface.flags] == [["all", "native", "ios", "pyodide"], ["fast", "slow"]]


def test_cutting_what_is_left_after_writing_the_new_content_is_a_rewrite() -> None:
    script, _ = scan("def save(path, text, old, new):\n    with open(path, 'wb') as f:\n        f.write(text)\n"
                     "        f.truncate()\n    with open(old, 'r+') as f:\n        f.truncate(0)\n"
                     "        f.write(new)\n\n\nsave(a, b, c, d)\n")
    # the second file is emptied before anything is written to it: the write of the first
    # file's handle, under the same name, does not count
    assert [(e.call, e.line) for e in script.effects if e.destructive] == [("f.truncate(0)", 6)]


def test_rebuilding_a_machine_from_its_image_is_destructive() -> None:
    script, _ = scan("import boto3\nclient = boto3.client('workspaces')\n"
                     "client.rebuild_workspaces(RebuildWorkspaceRequests=[{'WorkspaceId': w}])\n"
                     "client.restore_workspace(WorkspaceId=w)\n")
    assert [e.line for e in script.effects if e.destructive] == [3, 4]


MERGE_TOOL = """
import subprocess
PREFIX = "PR_TOOL"

def run_cmd(cmd):
    return subprocess.check_output(cmd.split(" "))

def clean_up():
    branches = run_cmd("git branch").split()
    for branch in filter(lambda x: x.startswith(PREFIX), branches):
        run_cmd("git branch -D %s" % branch)

def merge(num):
    name = {name}
    run_cmd("git fetch origin pull/%s/head:%s" % (num, name))
"""


@pytest.mark.parametrize(("name", "destructive"), [
    ('"%s_MERGE_PR_%s" % (PREFIX, num)', False),
    ('f"{PREFIX}_MERGE_PR_{num}"', False),
    ('"{}_PR_{}".format(PREFIX, num)', False),
    # branches it selects by a prefix it never names anything with: someone else's
    ('"merge-%s" % num', True),
])
def test_branches_it_selects_by_the_prefix_it_names_its_own_with_are_its_own(
        name: str, destructive: bool) -> None:
    """A merge tool's clean-up deletes the temporary branches it made, found by the prefix it
    gave them; selecting by a prefix it never names with deletes others' branches."""
    script, _ = scan(MERGE_TOOL.replace("{name}", name))
    assert [e.destructive for e in script.effects if "branch -D" in e.call] == [destructive]



@pytest.mark.parametrize(("body", "destructive"), [
    # a flag switched, a counter shifted, empty fields filled: no value lost
    ("User.objects.filter(last_login__lt=cutoff).update(is_active=False)", False),
    ("Channel.objects.filter(order__gte=p).update(order=F('order') + 1)", False),
    ("File.objects.filter(duration__isnull=True).update(duration=0)", False),
    ("Node.objects.filter(id__in=null_ids).update(labels=['x'])", False),
    # values overwritten
    ("User.objects.all().update(password=hashed)", True),
    ("User.objects.filter(x=1).update(email=None)", True),
    ("Channel.objects.filter(order__gte=p).update(order=F('rank') + 1)", True),
])
def test_queryset_updates_that_lose_no_value(body: str, destructive: bool) -> None:
    source = f"""
from django.core.management.base import BaseCommand
from django.db.models import F
from app.models import User, Channel, File, Node

class Command(BaseCommand):
    def handle(self, *args, **options):
        {body}
"""
    assert [d for kind, d, _ in effects(source) if kind == "orm"] == [destructive]


def test_an_instance_switched_off_and_saved_loses_nothing() -> None:
    source = """
from django.core.management.base import BaseCommand
from app.models import User

class Command(BaseCommand):
    def handle(self, *args, **options):
        for user in User.objects.filter(last_login__lt=cutoff):
            user.is_active = False
            user.save()
        for user in User.objects.filter(x=1):
            user.email = "x@example.org"
            user.save()
"""
    assert [d for kind, d, _ in effects(source) if kind == "orm"] == [False, True]


@pytest.mark.parametrize(("call", "expected"), [
    ("api('/orgs/o/packages/p/versions/1', method='DELETE')", [("http", True, "medium")]),
    ("api('/orgs/o/packages', method='POST')", [("http", False, "medium")]),
    ("api('/orgs/o/packages')", []),
])
def test_a_function_of_the_script_given_the_http_method(call: str, expected: list[Any]) -> None:
    """``github_api(path, method="DELETE")``: the script's own function hands the method to its
    request; the call site says what it does."""
    source = f"""
import urllib.request

def api(path, method="GET"):
    req = urllib.request.Request("https://api.github.com" + path, method=method)
    return urllib.request.urlopen(req)

{call}
"""
    assert [e for e in effects(source) if e[0] == "http" and e[2] == "medium"] == expected


@pytest.mark.parametrize(("call", "expected"), [
    ("self.issue_request('id/ark:/1', 'DELETE')", [("http", True, "medium")]),
    ("self.issue_request('id/ark:/1', 'PUT', data)", [("http", False, "medium")]),
    ("self.issue_request('id/ark:/1', 'GET')", []),
])
def test_a_method_of_the_same_class_given_the_http_method_by_position(call: str, expected: list[Any]) -> None:
    source = f"""
import urllib.request

class Client:
    def issue_request(self, path, method, data=None):
        request = urllib.request.Request(self.url + "/" + path)
        request.get_method = lambda: method
        return self.opener.open(request)

    def run(self, data):
        return {call}
"""
    assert [e for e in effects(source) if e[0] == "http" and e[2] == "medium"] == expected


def test_optparse_positionals_are_named_as_the_script_reads_them() -> None:
    """optparse leaves positionals in ``args``: ``path = args[0]``, ``int(args[1])``, the
    rest walked by a loop or a comprehension, or kept as a slice."""
    found = flags("""
import optparse
parser = optparse.OptionParser(usage="%prog [options] path size [spec]*")
parser.add_option("--force", action="store_true")
(options, args) = parser.parse_args()
path = args[0]
size = int(args[1])
specs = [parse(spec) for spec in args[2:]]
""")
    assert list(found) == ["--force", "path", "size", "spec"]
    assert found["spec"].positional and found["spec"].nargs == "*"
    assert flags("""
import optparse
parser = optparse.OptionParser()
(opts, rest) = parser.parse_args()
points = rest[1:]
target = rest[0]
""").keys() == {"target", "points"}


def test_flask_script_command_classes_in_a_module_of_their_own() -> None:
    """``class Archive(Command): option_list = (Option(...),)`` in a module that another file's
    manager adds: the options are the script's."""
    found = flags("""
from flask_script import Command, Option

class ArchiveCredentials(Command):
    option_list = (
        Option('--days', dest='days', type=int, help='older than'),
        Option('--force', action='store_true', dest='force', default=False),
    )

    def run(self, days, force):
        pass
""")
    assert list(found) == ["--days", "--force"]



def test_a_temporary_folder_wrapped_as_a_path_is_its_own() -> None:
    """``tempdir = pathlib.Path(tempfile.mkdtemp())`` ... ``shutil.rmtree(str(tempdir))``."""
    source = """
import pathlib, shutil, tempfile
tempdir = pathlib.Path(tempfile.mkdtemp())
try:
    (tempdir / "play").mkdir()
finally:
    shutil.rmtree(str(tempdir), ignore_errors=True)
shutil.rmtree(str(pathlib.Path("/srv/data")))
"""
    assert [d for kind, d, _ in effects(source) if kind == "file-delete"] == [True]


def test_an_old_style_django_commands_args_usage_names_its_positionals() -> None:
    """``args = "outfile username [id_string]"`` on a command whose ``handle(*args)`` reads them."""
    script, _ = scan("""
from django.core.management.base import BaseCommand

class Command(BaseCommand):
    args = "outfile username [id_string]"
    help = "Create a zip backup"

    def handle(self, *args, **options):
        outfile = args[0]
""", file=ROOT / "app/management/commands/create_backup.py")
    positionals = [(f.name, f.required) for f in script.interface.flags if f.positional]
    assert positionals == [("outfile", True), ("username", True), ("id_string", False)]


@pytest.mark.parametrize("source", [
    pytest.param("import boto3\nec2 = boto3.client('ec2')\nec2.release_address(AllocationId=a)\n", id="release-address"),
    pytest.param("import boto3\nec2 = boto3.client('ec2')\nec2.revoke_security_group_ingress(GroupId=g)\n",
                 id="revoke-ingress"),
    pytest.param("import boto3\nec2 = boto3.resource('ec2')\nold = [v for v in ec2.volumes.all() if not v.attachments]\n"
                 "for volume in old:\n    volume.delete()\n", id="listed-then-deleted"),
])
def test_cloud_calls_that_lose_a_resource_are_destructive(source: str) -> None:
    assert [destructive for _kind, destructive, _confidence in effects(source)] == [True]


def test_an_argument_named_only_by_its_dest_is_a_positional() -> None:
    script, _ = scan("import argparse\np = argparse.ArgumentParser()\n"
                     "p.add_argument(dest='username', metavar='<username>')\np.parse_args()\n")
    assert [(f.name, f.positional) for f in script.interface.flags] == [("username", True)]


def test_variables_read_through_the_scripts_own_helper() -> None:
    script, _ = scan("import os\n\ndef env(name, default=''):\n    return os.environ.get(name, default)\n\n"
                     "class C:\n    def _env_value(self, *names, default=''):\n        for name in names:\n"
                     "            value = os.getenv(name)\n            if value:\n                return value\n\n"
                     "    def run(self):\n        return self._env_value('ADMIN_USER', 'USER', default='admin')\n\n"
                     "print(env('API_URL'), env(other))\n")
    assert sorted(e.name for e in script.env) == ["ADMIN_USER", "API_URL", "USER"]


def test_niquests_is_read_as_requests() -> None:
    assert effects("import niquests\nniquests.delete(url + '/hub/api/users/x')\n") == [("http", True, "high")]


@pytest.mark.parametrize("call", ["admin.delete_topics(['events'])", "admin.delete_consumer_groups(['g'])",
                                  "admin.alter_consumer_group_offsets('g', offsets)"])
def test_kafka_admin_calls_that_drop_or_overwrite_are_destructive(call: str) -> None:
    source = f"from kafka.admin import KafkaAdminClient\nadmin = KafkaAdminClient(bootstrap_servers='b')\n{call}\n"
    assert [destructive for _kind, destructive, _confidence in effects(source)] == [True]


def test_getopt_long_options_split_from_a_variable() -> None:
    found = flags("""
        import getopt, sys
        def main(argv):
            supported = \"\"\"db= db-user= threads= force=\"\"\"
            optlist, rest = getopt.getopt(argv[1:], "", supported.split())
        main(sys.argv)
    """)
    assert list(found) == ["--db", "--db-user", "--threads", "--force"]
    assert all(flag.type == "string" for flag in found.values())


def test_argparse_subparsers_made_under_the_main_guard() -> None:
    # the assignments of a module-level block are indexed latest first: binding parser ->
    # subparsers -> parser_a takes a pass per link
    script, _ = scan("""
        import argparse
        if __name__ == "__main__":
            parser = argparse.ArgumentParser()
            subparsers = parser.add_subparsers(dest="action", required=True)
            parser_a = subparsers.add_parser("release")
            parser_b = subparsers.add_parser("branches")
            parser_a.add_argument("env", help="The environment")
            parser_a.add_argument("--release-date")
            parser_b.add_argument("--dry-run", action="store_true")
            args = parser.parse_args()
    """)
    assert sorted(script.interface.subcommands) == ["branches", "release"]
    assert [(f.subcommand, f.name) for f in script.interface.flags] == [
        ("release", "env"), ("release", "--release-date"), ("branches", "--dry-run")]


def test_django_click_commands_are_click_options_run_through_manage_py() -> None:
    script, _ = scan("""
        import djclick as click
        @click.command()
        @click.argument("user_file", type=click.File("r"))
        @click.option("--group", "groupname", help="Group to add the users to")
        @click.option("--dryrun", default=False, is_flag=True)
        def command(user_file, groupname, dryrun):
            pass
    """, file=ROOT / "meta" / "management" / "commands" / "bulkcreateusers.py")
    assert script.interface.kind == "django"
    assert sorted(f.name for f in script.interface.flags) == ["--dryrun", "--group", "user_file"]
    rich, _ = scan("""
        import rich_click as click
        @click.command()
        @click.option("--region")
        def main(region):
            pass
        main()
    """)
    assert rich.interface.kind == "click" and [f.name for f in rich.interface.flags] == ["--region"]


def test_cyclopts_apps_default_and_commands() -> None:
    script, _ = scan("""
        import cyclopts
        def main(region: str = "us-east-1", days: int = 90, output: str | None = None,
                 verbose: bool = False) -> None:
            \"\"\"Find orphaned resources.

            Args:
                region: AWS region to scan
                days: Age threshold in days
            \"\"\"
        if __name__ == "__main__":
            app = cyclopts.App(default_command=main)
            app()
    """)
    interface = script.interface
    assert interface.kind == "cyclopts" and interface.subcommands == []
    assert [(f.name, f.type, f.default, f.help) for f in interface.flags] == [
        ("--region", "string", "us-east-1", "AWS region to scan"),
        ("--days", "integer", 90, "Age threshold in days"),
        ("--output", "string", None, None), ("--verbose", "boolean", False, None)]
    assert interface.flags[3].negation == "--no-verbose"
    multi, _ = scan("""
        from typing import Annotated
        from cyclopts import App, Parameter
        app = App()
        @app.command
        def prune_snapshots(bucket: str, *, keep: int = 7, dry_run: bool = False):
            pass
        @app.command(name="list")
        def list_(bucket: Annotated[str, Parameter(help="the bucket")]):
            pass
        @app.default
        def default(config: Annotated[str, Parameter(name=["--config", "-c"])] = "x.toml"):
            pass
        app()
    """)
    assert multi.interface.subcommands == ["prune-snapshots", "list"]
    assert [(f.subcommand, f.name, f.positional, f.required) for f in multi.interface.flags] == [
        ("prune-snapshots", "bucket", True, True), ("prune-snapshots", "--keep", False, False),
        ("prune-snapshots", "--dry-run", False, False), ("list", "bucket", True, True),
        (None, "--config", False, False)]
    assert multi.interface.flags[4].aliases == ["-c"] and multi.has_dry_run


def test_a_received_queue_message_deleted_is_consumed_not_destroyed() -> None:
    assert effects("""
        import boto3
        queue = boto3.resource("sqs").Queue(URL)
        while True:
            msgs = queue.receive_messages(WaitTimeSeconds=10)
            for msg in msgs:
                handle(msg.body)
                msg.delete()
                boto3.client("sqs").delete_queue(QueueUrl=URL)
    """) == [("cloud", False, "high"), ("cloud", True, "high")]


def test_positionals_unpacked_from_a_slice_of_argv() -> None:
    script, _ = scan("""
        import sys
        if __name__ == "__main__":
            yaml_path, file_path = sys.argv[1:]
    """)
    assert [(f.name, f.positional, f.required) for f in script.interface.flags] == [
        ("yaml_path", True, True), ("file_path", True, True)]


def test_a_django_commands_options_from_a_mixin_of_the_project(tmp_path: Path) -> None:
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "__init__.py").write_text("")
    (tmp_path / "core" / "mixins.py").write_text(textwrap.dedent("""\
        class ReadFromFileMixin:
            def add_arguments(self, parser):
                group = parser.add_mutually_exclusive_group(required=True)
                group.add_argument("-f", "--file", help="Path to import")
                group.add_argument("-u", "--url", help="URL to import")
        """))
    command = tmp_path / "elections" / "management" / "commands" / "add_tags.py"
    command.parent.mkdir(parents=True)
    command.write_text(textwrap.dedent("""\
        from core.mixins import ReadFromFileMixin
        from django.core.management import BaseCommand
        class Command(ReadFromFileMixin, BaseCommand):
            def add_arguments(self, parser):
                parser.add_argument("--overwrite", action="store_true")
                super().add_arguments(parser)
            def handle(self, *args, **options):
                pass
        """))
    script = Script(path="elections/management/commands/add_tags.py", language="python")
    scan_python(script, command.read_text(), file=command, root=tmp_path)
    assert script.interface.kind == "django"
    assert [flag.name for flag in script.interface.flags] == ["--file", "--url", "--overwrite"]


def test_a_link_read_as_a_link_then_removed_loses_no_data() -> None:
    assert effects("""
        import os
        def main(action, link, dst):
            try:
                cur = os.readlink(link)
            except FileNotFoundError:
                cur = None
            if action == "install" and cur is None:
                os.symlink(dst, link)
            elif action == "remove" and cur == dst:
                os.unlink(link)
            os.unlink(dst)
    """) == [("file-delete", False, "high"), ("file-delete", True, "high")]


def test_a_launcher_takes_the_options_its_distributions_module_parses(tmp_path: Path) -> None:
    # scripts/ beside a distribution folder (Allura/allura/...): ``import allura`` resolves there
    # once that distribution is installed; ``main()`` builds the parser through parse_options()
    package = tmp_path / "Allura" / "allura" / "scripts"
    package.mkdir(parents=True)
    (package / "trac_export.py").write_text(textwrap.dedent("""\
        from optparse import OptionParser
        def parse_options():
            parser = OptionParser(usage="%prog <Trac URL>")
            parser.add_option("-o", "--out-file", dest="out_filename")
            parser.add_option("--limit", type="int")
            return parser.parse_args()
        def main():
            options, args = parse_options()
        """))
    (package / "sitemap.py").write_text(textwrap.dedent("""\
        import argparse
        class CreateSitemap:
            @classmethod
            def parser(cls):
                parser = argparse.ArgumentParser()
                parser.add_argument("--output-dir", required=True)
                return parser
            @classmethod
            def main(cls):
                cls.parser().parse_args()
        """))
    (tmp_path / "scripts").mkdir()
    launchers = {"trac_export.py": "if __name__ == '__main__':\n    from allura.scripts.trac_export import main\n    main()\n",
                 "sitemap.py": "from allura.scripts.sitemap import CreateSitemap\nif __name__ == '__main__':\n"
                               "    CreateSitemap.main()\n"}
    found = {}
    for name, text in launchers.items():
        (tmp_path / "scripts" / name).write_text(text)
        script = Script(path=f"scripts/{name}", language="python")
        scan_python(script, text, file=tmp_path / "scripts" / name, root=tmp_path)
        found[name] = [flag.name for flag in script.interface.flags]
    assert found == {"trac_export.py": ["--out-file", "--limit"], "sitemap.py": ["--output-dir"]}


def test_a_client_shells_do_functions_are_subcommands() -> None:
    script, _ = scan("""
        import argparse
        def arg(*args, **kwargs):
            def _decorator(func):
                func.__dict__.setdefault('arguments', []).insert(0, (args, kwargs))
                return func
            return _decorator
        class Shell:
            def get_base_parser(self):
                parser = argparse.ArgumentParser(prog='tenant')
                parser.add_argument('--os-auth-url')
                return parser
        @arg('--tenant-name', required=True, help='Name of the tenant')
        @arg('--auto-clean', action='store_true')
        def do_delete_tenant(client, args):
            pass
        if __name__ == '__main__':
            Shell().get_base_parser().parse_args()
    """)
    assert script.interface.subcommands == ["delete-tenant"]
    assert [(f.subcommand, f.name) for f in script.interface.flags] == [
        (None, "--os-auth-url"), ("delete-tenant", "--tenant-name"), ("delete-tenant", "--auto-clean")]


def test_flask_script_options_from_get_options() -> None:
    script, _ = scan("""
        from flask_script import Manager, Command, Option
        manager = Manager(app)
        class APIServer(Command):
            def get_options(self):
                return (
                    Option('-b', '--bind', dest='address', type=str, default='127.0.0.1:5000'),
                    Option('-w', '--workers', dest='workers', type=int, default=12),
                )
        manager.add_command("run_api_server", APIServer())
        manager.run()
    """)
    assert [(f.subcommand, f.name, f.aliases) for f in script.interface.flags] == [
        ("run_api_server", "--bind", ["-b"]), ("run_api_server", "--workers", ["-w"])]


def test_a_folder_wiped_and_filled_again_is_the_scripts_output() -> None:
    assert effects("""
        import shutil
        from pathlib import Path
        OUT = Path(__file__).parent / "crate"
        DATA = Path("/srv/data")
        def main():
            shutil.rmtree(OUT, ignore_errors=True)
            shutil.copytree(Path("src"), OUT / "src")
            (OUT / "Cargo.toml").write_text("[package]")
            shutil.rmtree(OUT / "src/gpu")
            shutil.rmtree(DATA)
        main()
    """) == [("file-write", False, "high"), ("file-write", False, "high"), ("file-write", False, "high"),
             ("file-write", False, "high"), ("file-delete", True, "high")]


@pytest.mark.parametrize(("body", "destructive"), [
    ("for blob in Blob.objects.filter(sha256=None):\n    blob.sha256 = compute(blob)\n    blob.save()", False),
    ("for z in Zarr.objects.filter(name__endswith='.ngff'):\n    new_name = f'{z.name[:-5]}.ome.zarr'\n"
     "    z.name = new_name\n    z.save(update_fields=['name'])", False),
    ("for v in Version.objects.all():\n    locked = Version.objects.get(id=v.id)\n"
     "    v.metadata = migrate(locked.metadata)\n    v.save()", False),
    ("for u in User.objects.all():\n    u.name = 'anonymous'\n    u.save()", True),
], ids=["derived-checksum", "rename-from-itself", "migration-of-the-field", "overwritten"])
def test_rows_rewritten_from_themselves_or_with_derived_values_lose_nothing(body: str, destructive: bool) -> None:
    assert effects("from django.db import models\n" + body) == [("orm", destructive, "medium")]


def test_a_projects_argument_parser_subclass_adds_its_own_options(tmp_path: Path) -> None:
    (tmp_path / "octodns" / "cmds").mkdir(parents=True)
    (tmp_path / "octodns" / "__init__.py").write_text("")
    (tmp_path / "octodns" / "cmds" / "__init__.py").write_text("")
    (tmp_path / "octodns" / "cmds" / "args.py").write_text(textwrap.dedent("""\
        from argparse import ArgumentParser as _Base
        class ArgumentParser(_Base):
            def parse_args(self, default_log_level=20):
                self.add_argument("--debug", action="store_true")
                self.add_argument("--quiet", action="store_true")
                return super().parse_args()
        """))
    command = tmp_path / "octodns" / "cmds" / "sync.py"
    command.write_text(textwrap.dedent("""\
        from octodns.cmds.args import ArgumentParser
        def main():
            parser = ArgumentParser(description="sync")
            parser.add_argument("--doit", action="store_true")
            args = parser.parse_args()
        if __name__ == "__main__":
            main()
        """))
    script = Script(path="octodns/cmds/sync.py", language="python")
    scan_python(script, command.read_text(), file=command, root=tmp_path)
    assert [flag.name for flag in script.interface.flags] == ["--debug", "--quiet", "--doit"]


def test_a_project_modules_helpers_add_options_to_the_parser_they_are_handed(tmp_path: Path) -> None:
    (tmp_path / "etl" / "util").mkdir(parents=True)
    (tmp_path / "etl" / "__init__.py").write_text("")
    (tmp_path / "etl" / "util" / "__init__.py").write_text("")
    (tmp_path / "etl" / "util" / "standard_args.py").write_text(textwrap.dedent("""\
        def add_argument(parser, *args, **kwargs):
            if "help" in kwargs:
                kwargs["help"] += "; defaults shown"
            parser.add_argument(*args, **kwargs)

        def add_dry_run(parser):
            add_argument(parser, "--dry_run", "--dry-run", action="store_true", help="log only")

        def add_log_level(parser, default="INFO"):
            parser.add_argument("-l", "--log-level", default=default)
        """))
    command = tmp_path / "compare.py"
    command.write_text(textwrap.dedent("""\
        from argparse import ArgumentParser
        from etl.util import standard_args
        parser = ArgumentParser()
        standard_args.add_dry_run(parser)
        standard_args.add_log_level(parser)
        parser.add_argument("--date", required=True)
        if __name__ == "__main__":
            args = parser.parse_args()
        """))
    script = Script(path="compare.py", language="python")
    scan_python(script, command.read_text(), file=command, root=tmp_path)
    assert [flag.name for flag in script.interface.flags] == ["--dry_run", "--log-level", "--date"]
    assert script.has_dry_run


def test_an_fstring_of_python_3_12_is_read_on_an_older_python() -> None:
    """PEP 701 lets an f-string hold its own quotes in its braces; Python 3.11's parser refuses
    it. The rest of the file is read with such strings blanked, lines kept (``print_colored``
    is a call, not Python 2's print statement)."""
    source = ('import os\nmessage = f"""\n{"\\n".join(f"- `{m}`" for m in moved)}"""\n'
              'print_colored(message)\nos.remove(path)\n')
    script, _ = scan(source)
    assert [(e.kind, e.line, e.destructive) for e in script.effects] == [("file-delete", 5, True)]


@pytest.mark.parametrize("line", [
    'print(f"{"\\n".join(lines)}")',        # the docs' own example: 3.11 fails on its backslash
    'print(f"{", ".join(lines)}")',          # quotes only: 3.11's f-string error
], ids=["backslash-in-braces", "quotes-in-braces"])
def test_an_fstring_of_python_3_12_with_a_backslash_in_its_braces_is_read(line: str) -> None:
    """Python 3.11 fails on the backslash before it gets to its f-string check (a line
    continuation in the wrong place): the f-string is blanked all the same."""
    source = f'import os, sys\nlines = ["a", "b"]\n{line}\nos.remove(sys.argv[1])\n'
    script, _ = scan(source)
    assert [(e.kind, e.line, e.destructive) for e in script.effects] == [("file-delete", 4, True)]


def test_a_syntax_error_beside_an_fstring_stays_a_syntax_error() -> None:
    with pytest.raises(SyntaxError):
        scan('x = f"{a}"\ndef broken(:\n    pass\n')


def test_a_client_imported_under_a_name_of_its_own_is_an_api_client() -> None:
    script, _ = scan("from . import KintoClient as Client\n\ndef purge():\n    client = Client(server_url=u)\n"
                     "    client.purge_history(bucket=b)\n")
    assert [(e.kind, e.line, e.destructive) for e in script.effects] == [("cloud", 5, True)]


@pytest.mark.parametrize(("source", "expected"), [
    # the arguments walked one by one (a default when none is given)
    ("import sys, glob\nfor fn in sys.argv[1:] or glob.glob('*.json'):\n    print(fn)\n",
     [("arg1", "list", False)]),
    # a position checked for --help and read as a value otherwise: both
    ("import sys\nif len(sys.argv) > 1:\n    if sys.argv[1] == '--help':\n        print('usage')\n"
     "    else:\n        branch = sys.argv[1]\n",
     [("arg1", "string", False), ("--help", "boolean", False)]),
])
def test_argv_walked_or_read_beside_a_switch(source: str, expected: list[tuple[str, str, bool]]) -> None:
    assert [(f.name, f.type, f.required) for f in flags(source).values()] == expected


@pytest.mark.parametrize(("source", "expected"), [
    # a file named as its scratch file, removed again
    ("import os, subprocess\nsubprocess.run(['ogr2ogr', 'data/temp.geojson', src])\nos.remove('data/temp.geojson')\n",
     []),
    ("import os\nos.remove('data/regions.geojson')\n", [True]),
    # a service's API wrapper deleting its objects, by the name of its function
    ("from mitol.hubspot_api.api import delete_object_property, sync_object_property\n"
     "def run(delete):\n    if delete:\n        delete_object_property('deals', 'x')\n"
     "    else:\n        sync_object_property('deals', 'x')\n", [True]),
    # a yes/no field set from a variable: a switch, set back as easily
    ("from django.core.management import BaseCommand\nfrom certs.models import Certificate\n"
     "class Command(BaseCommand):\n    def handle(self, *args, **options):\n        revoke = not options['unrevoke']\n"
     "        Certificate.objects.filter(user=u).update(is_revoked=revoke)\n", []),
    ("from django.core.management import BaseCommand\nfrom certs.models import Certificate\n"
     "class Command(BaseCommand):\n    def handle(self, *args, **options):\n"
     "        Certificate.objects.filter(user=u).update(grade=options['grade'])\n", [True]),
])
def test_scratch_file_names_api_wrapper_deletes_and_yes_no_fields(source: str, expected: list[bool]) -> None:
    script, _ = scan(source)
    assert [e.destructive for e in script.effects if e.destructive] == expected


@pytest.mark.parametrize(("source", "expected"), [
    # UpCloud's manager: a server found by its address, stopped and destroyed
    ("import sys\nfrom upcloud_api import CloudManager\nmanager = CloudManager(user, password)\n"
     "server = manager.get_server_by_ip(sys.argv[1])\nserver.stop_and_destroy()\n", [True]),
    # multipart uploads aborted: the parts uploaded so far are gone
    ("import boto3\ns3 = boto3.client('s3')\nfor u in s3.list_multipart_uploads(Bucket=b)['Uploads']:\n"
     "    s3.abort_multipart_upload(Bucket=b, Key=u['Key'], UploadId=u['UploadId'])\n", [True]),
])
def test_cloud_managers_and_aborted_uploads(source: str, expected: list[bool]) -> None:
    script, _ = scan(source)
    assert [e.destructive for e in script.effects if e.destructive] == expected


@pytest.mark.parametrize(("source", "expected"), [
    # Cloudflare's client: records and rules deleted; a cache purged is fetched again
    ("import CloudFlare\ncf = CloudFlare.CloudFlare()\ncf.zones.dns_records.delete(zone_id, record_id)\n", [True]),
    ("import CloudFlare\ncf = CloudFlare.CloudFlare()\ncf.zones.purge_cache.delete(zone_id, data=d)\n"
     "cf.zones.purge_cache.post(zone_id, data=d)\n", []),
])
def test_cloudflare_deletes_and_cache_purges(source: str, expected: list[bool]) -> None:
    script, _ = scan(source)
    assert [e.destructive for e in script.effects if e.destructive] == expected


def test_a_project_parser_class_from_a_module_of_its_own(tmp_path: Path) -> None:
    """``parser = utils.GH_ArgParser(...)``: the project's subclass of argparse's, whose
    ``__init__`` adds the options every script shares, listed first."""
    from opsctl.adopt.scan import scan_tree

    (tmp_path / "github_scripts").mkdir()
    (tmp_path / "github_scripts" / "__init__.py").write_text("")
    (tmp_path / "github_scripts" / "utils.py").write_text(
        "import argparse\n\n\nclass GH_ArgParser(argparse.ArgumentParser):\n"
        "    def __init__(self, *args, **kwargs):\n        argparse.ArgumentParser.__init__(self, *args, **kwargs)\n"
        "        self.add_argument('--token', help='use this PAT')\n")
    (tmp_path / "org_add_user.py").write_text(
        "#!/usr/bin/env python3\nfrom github_scripts import utils\n\n\ndef main():\n"
        "    parser = utils.GH_ArgParser(description='add a user')\n"
        "    parser.add_argument('--org', help='The org')\n    parser.add_argument('--owner', action='store_true')\n"
        "    return parser.parse_args()\n\n\nif __name__ == '__main__':\n    main()\n")
    script = next(s for s in scan_tree(tmp_path, git=False).scripts if s.path == "org_add_user.py")
    assert (script.interface.kind, [f.name for f in script.interface.flags]) == ("argparse", ["--token", "--org", "--owner"])


def test_a_lambda_handler_module_is_an_entry_point(tmp_path: Path) -> None:
    """``def lambda_handler(event, context):``: the serverless runtime calls it, so the module
    is run, not only imported (its deletions are a script's)."""
    from opsctl.adopt.scan import scan_tree

    (tmp_path / "cleanup_lambda.py").write_text(
        "import boto3\n\n\ndef lambda_handler(event, context):\n    client = boto3.client('rds')\n"
        "    client.delete_db_cluster(DBClusterIdentifier=event['cluster'], SkipFinalSnapshot=True)\n")
    (tmp_path / "helpers.py").write_text("def handler_name(event):\n    return event['name']\n")
    inventory = scan_tree(tmp_path, git=False)
    assert [s.path for s in inventory.scripts] == ["cleanup_lambda.py"]
    assert [e.destructive for e in inventory.scripts[0].effects] == [True]
    assert [lib.path for lib in inventory.libraries] == ["helpers.py"]


@pytest.mark.parametrize(("source", "expected"), [
    # an account's and a server's client: the devices they return, deleted
    ("from plexapi.server import PlexServer\n\nplex = PlexServer(token=t)\n"
     "for device in plex.myPlexAccount().devices():\n    device.delete()\n", [("cloud", True)]),
    ("from plexapi.myplex import MyPlexAccount\n\naccount = MyPlexAccount()\n"
     "account.device('ci').delete()\n", [("cloud", True)]),
    # an SDK's deleting method chosen by name
    ("def deactivate(client, kinds):\n    for kind in kinds:\n"
     "        delete_method = getattr(client, 'delete_' + kind)\n        delete_method(name=kind)\n",
     [("cloud", True)]),
    ("def refresh(client, kind):\n    get_method = getattr(client, 'get_' + kind)\n    return get_method(name=kind)\n", []),
    # a load's staging table, dropped and reshaped: the script's own
    ("from django.db import connection\n\ntmp_table = f'tmp_import_{channel}'\n"
     "with connection.cursor() as cursor:\n    cursor.execute(f'DROP TABLE IF EXISTS {tmp_table}')\n"
     "    cursor.execute(f'CREATE TABLE {tmp_table} (LIKE aggs)')\n"
     "    cursor.execute(f'ALTER TABLE {tmp_table} DROP COLUMN id')\n"
     "    cursor.execute(f'DROP TABLE {tmp_table}')\n", [("sql", False)] * 4),
    ("from django.db import connection\n\nwith connection.cursor() as cursor:\n"
     "    cursor.execute('DROP TABLE aggregates')\n", [("sql", True)]),
    # the containers the script made, killed on its way out
    ("import docker\nfrom docker.models.containers import Container\n\n\nclass Proxy:\n    def __init__(self):\n"
     "        self.docker = docker.from_env()\n\n"
     "    def create_container(self, image) -> Container:\n        container = self.docker.containers.create(image)\n"
     "        return container\n\n"
     "    def run(self):\n        containers = []\n        proxy = None\n        if self.signing:\n"
     "            proxy = self.create_container('proxy')\n            containers.append(proxy)\n"
     "        kibana = self.create_container('kibana')\n        containers.append(kibana)\n        try:\n"
     "            self.wait()\n        finally:\n            for container in containers:\n"
     "                container.kill()\n", [("cloud", False)] * 2),
    ("import docker\n\nclient = docker.from_env()\nfor container in client.containers.list():\n"
     "    container.kill()\n", [("cloud", True)]),
])
def test_clients_by_their_class_methods_by_name_staging_tables_and_own_containers(
        source: str, expected: list[tuple[str, bool]]) -> None:
    assert [(kind, destructive) for kind, destructive, _ in effects(source)] == expected


def test_a_parser_a_method_returns_and_subcommands_added_in_other_methods() -> None:
    found = flags("""
        import argparse


        class KeyGenerator:
            def __init__(self):
                self.parser = self.get_main_parser()
                self.subparsers = self.parser.add_subparsers(title='subcommands')
                self.add_mkek_args()
                self.args = self.parser.parse_args()

            def get_main_parser(self):
                parser = argparse.ArgumentParser(description='generator')
                parser.add_argument('--slot-id', default=1)
                return parser

            def add_mkek_args(self):
                create_parser = self.subparsers.add_parser('mkek', help='a new MKEK')
                create_parser.add_argument('--length', '-l', default=32)
        """)
    assert list(found) == ["--slot-id", "mkek --length"]


@pytest.mark.parametrize(("source", "expected"), [
    # vSphere's SDK: snapshots removed and reverted, a VM destroyed; views destroyed are the script's
    ("from pyVmomi import vim\n\nsnap.RemoveSnapshot_Task(True)\nsnap.RevertToSnapshot_Task()\n"
     "vm.Destroy_Task()\nview.Destroy()\n", [True, True, True, False]),
    # a device spec removing a network adapter; one detaching a disk whose file stays
    ("from pyVmomi import vim\n\nspec = vim.vm.device.VirtualDeviceSpec()\n"
     "spec.operation = vim.vm.device.VirtualDeviceSpec.Operation.remove\nspec.device = nic\n"
     "vm.ReconfigVM_Task(spec=spec)\n", [True]),
    ("from pyVmomi import vim\n\ndisk = vim.vm.device.VirtualDisk()\nspec = vim.vm.device.VirtualDeviceSpec()\n"
     "spec.operation = vim.vm.device.VirtualDeviceSpec.Operation.remove\nvm.ReconfigVM_Task(spec=spec)\n", [False]),
])
def test_vsphere_sdk_deletions_and_device_removals(source: str, expected: list[bool]) -> None:
    assert [destructive for _kind, destructive, _ in effects(source)] == expected


def test_click_options_shared_through_a_list_decorator() -> None:
    found = flags("""
        import click

        repo_options = [click.option("--repo", help="The git repo")]
        branch_options = [  # noqa
            click.option("--ref", help="The source reference"),
            click.option("--branch", help="The target branch"),
        ] + repo_options


        def add_options(options):
            def _add_options(func):
                for option in reversed(options):
                    func = option(func)
                return func
            return _add_options


        @click.command()
        @add_options(branch_options)
        @click.option("--dry-run", is_flag=True)
        def tag(ref, branch, repo, dry_run):
            pass
        """)
    # (in the order the same options written as decorators one by one are read)
    assert list(found) == ["--dry-run", "--repo", "--branch", "--ref"]


def test_a_command_module_naming_a_siblings_command_class_does_what_it_does(tmp_path: Path) -> None:
    from opsctl.adopt.scan import scan_tree

    commands = tmp_path / "app" / "management" / "commands"
    commands.mkdir(parents=True)
    (commands / "migrate_schemas.py").write_text(
        "from django.core.management.base import BaseCommand\nfrom django.db import connection\n\n\n"
        "class MigrateSchemasCommand(BaseCommand):\n    def add_arguments(self, parser):\n"
        "        parser.add_argument('--schema')\n\n    def handle(self, *args, **options):\n"
        "        connection.cursor().execute('DROP SCHEMA old CASCADE')\n\n\nCommand = MigrateSchemasCommand\n")
    (commands / "migrate.py").write_text(
        "from app.management.commands.migrate_schemas import MigrateSchemasCommand\n\n\n"
        "Command = MigrateSchemasCommand\n")
    scripts = {s.path: s for s in scan_tree(tmp_path, git=False).scripts}
    migrate = scripts["app/management/commands/migrate.py"]
    assert [f.name for f in migrate.interface.flags] == ["--schema"]
    assert [(e.destructive, e.line) for e in migrate.effects] == [(True, 1)]


@pytest.mark.parametrize(("source", "expected"), [
    # tornado's request object with a DELETE method
    ("from tornado.httpclient import AsyncHTTPClient, HTTPRequest\n\n"
     "req = HTTPRequest(url=delete_url, method='DELETE', headers=h)\n", [("http", True)]),
    # a deleting method of an object named as a service's connection
    ("def delete(self):\n    for check in self.checks:\n        self.rpcm.conn.delete_check(check)\n", [("cloud", True)]),
    ("def drop(self, doc_id):\n    self.client.delete(index=self.index_name, id=doc_id, ignore=404)\n", []),
    # a client named for its service, or one a factory makes; an RPC client's deleting action
    ("emr_client = runner.make_emr_client()\nemr_client.terminate_job_flows(JobFlowIds=[cid])\n", [("cloud", True)]),
    ("runner.make_emr_client().terminate_job_flows(JobFlowIds=[cid])\n", [("cloud", True)]),
    ("api.action.organization_member_delete(id=org, username=name)\n", [("cloud", True)]),
    ("api.action.organization_member_create(id=org, username=name)\n", []),
    # a Django model manager's own deleting method
    ("from django.core.management.base import BaseCommand\n\nclass Command(BaseCommand):\n"
     "    def handle(self, *args, **options):\n        CreditCard.objects.delete_unused()\n", [("orm", True)]),
    # a Spark DataFrame written over its path, or with a mode an option may set to overwrite
    ("df.write.option('compression', 'snappy').parquet(output, mode='overwrite')\n", [("file-write", True)]),
    ("def save(df, mode='append'):\n    df.write.partitionBy('day').mode(mode)\n    if mode == 'overwrite':\n"
     "        pass\n", [("file-write", True)]),
    ("df.write.mode('append').parquet(output)\n", []),
])
def test_tornado_requests_connection_deletes_and_spark_overwrites(
        source: str, expected: list[tuple[str, bool]]) -> None:
    assert [(kind, destructive) for kind, destructive, _ in effects(source) if destructive] == expected


def test_a_traitlets_applications_aliases_and_flags() -> None:
    script, _ = scan("""
        from traitlets import Bool, Int, Unicode
        from traitlets.config import Application


        class IdleCuller(Application):
            timeout = Int(600, config=True, help="The idle timeout (in seconds)")
            cull_users = Bool(False, config=True, help="Cull users in addition to servers")
            url = Unicode("http://localhost:8081/hub/api", config=True)
            generate_config = Bool(False, config=True)

            aliases = {
                "timeout": "IdleCuller.timeout",
                "cull-users": "IdleCuller.cull_users",
                "url": "IdleCuller.url",
            }
            flags = {"generate-config": ({"IdleCuller": {"generate_config": True}}, "write a config")}


        def main():
            IdleCuller.launch_instance()
        """)
    assert script.interface.kind == "traitlets"
    assert [(f.name, f.type, f.default) for f in script.interface.flags] == [
        ("--timeout", "integer", 600), ("--cull-users", "boolean", False),
        ("--url", "string", "http://localhost:8081/hub/api"), ("--generate-config", "boolean", None)]
    assert script.interface.flags[0].help == "The idle timeout (in seconds)"


@pytest.mark.parametrize(("source", "expected"), [
    # a compiler's incremental build state, removed through a pathlib expression
    ('from pathlib import Path\nroot = Path("static")\n(root / "ts" / ".tsbuildinfo.json").unlink(missing_ok=True)\n',
     [("file-delete", False, "high")]),
    ('from pathlib import Path\nroot = Path("data")\n(root / "users.db").unlink()\n',
     [("file-delete", True, "high")]),
    # a project's wrapper of call_command that logs first
    ('from tools import logged_call_command\n\ndef handle(self):\n'
     '    logged_call_command(self.stdout, "reset_db", interactive=False)\n'
     '    logged_call_command(self.stdout, "migrate")\n',
     [("orm", True, "medium")]),
    # MySQL's binary logs purged through a cursor
    ('import pymysql\nconn = pymysql.connect()\nconn.cursor().execute("PURGE BINARY LOGS BEFORE NOW()")\n',
     [("sql", True, "high")]),
])
def test_path_expressions_call_command_wrappers_and_binary_logs(
        source: str, expected: list[tuple[str, bool, Confidence]]) -> None:
    assert [e for e in effects(source) if e[0] != "command"] == expected


def test_a_local_modules_parser_given_words_of_its_own_is_not_the_scripts(tmp_path: Path) -> None:
    (tmp_path / "awstools").mkdir()
    (tmp_path / "awstools" / "__init__.py").write_text("")
    (tmp_path / "awstools" / "awstools.py").write_text(
        "import argparse\n\ndef main(args):\n    parser = argparse.ArgumentParser()\n"
        "    parser.add_argument('command', choices=['launch', 'terminate'])\n"
        "    parser.add_argument('--market')\n    return parser.parse_args(args)\n")
    launch = "import awstools.awstools\n\nawstools.awstools.main(['launch', '--market', 'spot'])\n"
    script, _ = scan(launch, file=tmp_path / "launch.py", root=tmp_path)
    assert script.interface.flags == []
    forward = "import sys\nimport awstools.awstools\n\nawstools.awstools.main(sys.argv[1:])\n"
    script, _ = scan(forward, file=tmp_path / "forward.py", root=tmp_path)
    assert [flag.name for flag in script.interface.flags] == ["command", "--market"]


@pytest.mark.parametrize(("source", "expected"), [
    # ``if dry_run: cmd = ["echo", *cmd]``: the command printed is the preview of the one run
    pytest.param("import subprocess\nKUBECTL = ['kubectl', '--kubeconfig=x']\ndef main(name, dry_run):\n"
                 "    cmd = [*KUBECTL, 'delete', 'pod', name]\n    if dry_run:\n        cmd = ['echo', *cmd]\n"
                 "    subprocess.check_call(cmd)\n", True, id="starred"),
    pytest.param("import subprocess\ndef main(name, dry_run):\n    cmd = ['kubectl', 'delete', 'pod', name]\n"
                 "    if dry_run:\n        cmd = ['echo'] + cmd\n    subprocess.check_call(cmd)\n", True, id="added"),
    pytest.param("import subprocess\ndef main(name):\n    cmd = ['kubectl', 'delete', 'pod', name]\n"
                 "    cmd = ['echo', 'would run:', *cmd]\n    subprocess.check_call(cmd)\n", None,
                 id="always-echoed-with-words-of-its-own"),
])
def test_a_command_made_its_own_preview_for_a_dry_run(source: str, expected: bool | None) -> None:
    script, _ = scan(source)
    assert [effect.destructive for effect in script.effects if effect.kind == "command"] == (
        [] if expected is None else [expected])


@pytest.mark.parametrize("call", ["os.remove(lock_file)", "os.unlink(self.lockfile)", "os.remove('/var/run/x.lock')"])
def test_removing_a_lock_file_is_a_change(call: str) -> None:
    assert effects(f"import os\n{call}\n") == [("file-delete", False, "high")]


def test_a_click_group_made_by_its_class() -> None:
    """``addons = click.Group()``, ``repository = click.Group("repo")``, ``addons.add_command(
    repository)``, then ``@repository.command("add")``: the commands of a group made without a
    decorator."""
    found = flags("""
        import click

        addons = click.Group()
        repository = click.Group("repo")
        addons.add_command(repository)

        @repository.command("add", help="Add a repository")
        @click.argument("name")
        @click.option("--force", is_flag=True)
        def add(name, force):
            pass

        @repository.command("list")
        @click.option("--format", type=click.Choice(["json", "yaml"]))
        def list_(format):
            pass

        if __name__ == "__main__":
            addons(prog_name="addons")
        """)
    assert sorted(found) == ["repo add --force", "repo add name", "repo list --format"]
    assert found["repo list --format"].choices == ["json", "yaml"]


@pytest.mark.parametrize(("source", "destructive"), [
    # a file of its own name in the temporary folder, as a shell script's named entry under /tmp
    ("import os, getpass\nFN = f'/tmp/check_stats_{getpass.getuser()}'\nos.unlink(FN)\n", None),
    ("import os\nos.remove('/tmp/stats.json')\n", None),
    ("import os, glob\nfor f in glob.glob('/tmp/*'):\n    os.remove(f)\n", True),
    ("import os\nos.remove('/tmp/x/data.db')\n", True),
    ("import os\nos.remove(path)\n", True),
])
def test_a_file_named_in_the_temporary_folder_is_the_scripts_own(source: str, destructive: bool | None) -> None:
    assert [effect.destructive for effect in scan(source)[0].effects] == ([] if destructive is None else [destructive])


@pytest.mark.parametrize(("sql", "destructive"), [
    ("DROP TRIGGER IF EXISTS fail_ready", False),
    ("DROP FUNCTION audit_row(); CREATE FUNCTION audit_row() RETURNS trigger AS $$ BEGIN END $$", False),
    ("DROP PROCEDURE IF EXISTS populate", False),
    ("DROP TABLE audit_rows", True),
])
def test_dropping_code_the_database_runs_loses_no_data(sql: str, destructive: bool) -> None:
    assert classify_sql(sql) is destructive


def test_options_a_command_class_declares_on_itself() -> None:
    """A command-line framework's base class (``class Tool(CLI)``) whose ``add_options`` hook
    declares the options with ``self.add_opt(...)``, as optparse's ``add_option`` takes them."""
    found = flags("""
        from harisekhon import CLI

        class CompactTables(CLI):
            def add_options(self):
                self.add_hostoption(name='HBase Thrift Server', default_port=9090)
                self.add_opt('-r', '--regex', help='Regex of tables to compact')
                self.add_opt('-l', '--list-tables', action='store_true', help='List tables and exit')

            def run(self):
                self.add_opt('--not-an-option')

        if __name__ == '__main__':
            CompactTables().main()
        """)
    assert sorted(found) == ["--list-tables", "--regex"]
    assert found["--regex"].help == "Regex of tables to compact"


@pytest.mark.parametrize(("source", "expected"), [
    # an RPC-style API: the method named by its namespaces, then its verb
    ("from slack_sdk import WebClient\nclient = WebClient(token=t)\nclient.admin_conversations_delete(channel_id=c)\n",
     [("cloud", True)]),
    ("from slack_sdk import WebClient\nclient = WebClient(token=t)\nclient.conversations_archive(channel=c)\n", []),
    ("import requests\nurl = 'https://slack.com/api/admin.emoji.remove'\nrequests.post(url, data=p)\n", [("http", True)]),
    ("import requests\nrequests.post('https://slack.com/api/files.delete?file=F1')\n", [("http", True)]),
    ("import requests\nrequests.post('https://slack.com/api/chat.postMessage', json=m)\n", [("http", False)]),
    ("import requests\nrequests.post('https://example.com/items/remove-me.html')\n", [("http", False)]),
    # the same through a session or client the scan does not know, by its URL
    ("slack = make_session()\nslack.post('https://slack.com/api/admin.users.remove', data=p)\n", [("http", True)]),
])
def test_rpc_style_methods_that_delete(source: str, expected: list[tuple[str, bool]]) -> None:
    assert [(kind, destructive) for kind, destructive, _confidence in effects(source)] == expected


def test_a_click_option_declared_once_and_used_as_a_decorator(tmp_path: Path) -> None:
    """``config_option = click.option("-c", "--config", ...)`` at module level, here or in a
    module of the project (``from .common import config_option``), then ``@config_option`` on
    each command: the option of each command."""
    (tmp_path / "mm" / "utility").mkdir(parents=True)
    (tmp_path / "mm" / "__init__.py").write_text("")
    (tmp_path / "mm" / "utility" / "__init__.py").write_text("")
    (tmp_path / "mm" / "utility" / "common.py").write_text(textwrap.dedent("""\
        import click
        config_option = click.option("-c", "--config", envvar="MM2_CONFIG",
                                     default="/etc/mm/mm.cfg", help="Configuration file to use")
        """))
    command = tmp_path / "mm" / "utility" / "expire.py"
    command.write_text(textwrap.dedent("""\
        import click
        from .common import config_option
        debug_option = click.option("--debug", is_flag=True)

        @click.command()
        @config_option
        @debug_option
        @click.option("--days", type=int, default=30)
        def main(config, debug, days):
            pass
        """))
    script = Script(path="mm/utility/expire.py", language="python")
    scan_python(script, command.read_text(), file=command, root=tmp_path)
    found = {flag.name: flag for flag in script.interface.flags}
    assert sorted(found) == ["--config", "--days", "--debug"]
    assert found["--config"].aliases == ["-c"] and found["--config"].default == "/etc/mm/mm.cfg"
    assert found["--config"].help == "Configuration file to use" and found["--debug"].type == "boolean"
    assert "MM2_CONFIG" in {env.name for env in script.env}


def test_a_wrapper_running_its_command_as_a_one_word_list_with_a_shell(tmp_path: Path) -> None:
    """``def try_and_handle(cmd, dry_run=False): subprocess.run([cmd], shell=True)`` in a module
    of the project: each command the script hands it is read at its call."""
    (tmp_path / "ts").mkdir()
    (tmp_path / "ts" / "__init__.py").write_text("")
    (tmp_path / "ts" / "utils.py").write_text(textwrap.dedent("""\
        import subprocess

        def try_and_handle(cmd, dry_run=False):
            if dry_run:
                print(cmd)
            else:
                subprocess.run([cmd], shell=True, check=True)
        """))
    command = tmp_path / "release.py"
    command.write_text(textwrap.dedent("""\
        from ts.utils import try_and_handle
        try_and_handle("docker push acme/app:latest", False)
        try_and_handle("docker system prune --all --volumes -f", False)
        """))
    script = Script(path="release.py", language="python")
    scan_python(script, command.read_text(), file=command, root=tmp_path)
    assert [(e.call, e.line, e.destructive) for e in script.effects if e.kind == "command"] == [
        ("docker push acme/app:latest", 2, False), ("docker system prune --all --volumes -f", 3, True)]


@pytest.mark.parametrize(("source", "expected"), [
    # a client told the data goes with the record, whatever the client
    pytest.param("client.torrents_delete(torrent_hashes=h, delete_files=True)", [("cloud", True, "medium")],
                 id="delete-files-true"),
    pytest.param("client.torrents_delete(torrent_hashes=h, delete_files=False)", [], id="delete-files-false"),
    # git's reset and clean in the checkout the script cloned itself
    pytest.param("import subprocess\nsubprocess.call('git clone https://x/astropy.git', shell=True)\n"
                 "subprocess.call('git reset --hard', shell=True)\nsubprocess.call('git clean -fxd', shell=True)",
                 [("command", False, "high"), ("command", False, "high"), ("command", False, "high")],
                 id="reset-in-own-clone"),
    pytest.param("import subprocess\nsubprocess.call('git reset --hard', shell=True)",
                 [("command", True, "high")], id="reset-elsewhere"),
    # one name for the items of two loops: not the folder made again
    pytest.param("import os, shutil\nfor d in to_wipe:\n    shutil.rmtree(d)\nfor d in to_create:\n"
                 "    os.makedirs(d)", [("file-delete", True, "high")], id="two-loops-one-name"),
])
def test_eighty_first_set_python_effects(source: str, expected: list[tuple[str, bool, str]]) -> None:
    assert effects(source) == expected


def test_a_launchers_command_line_two_modules_away(tmp_path: Path) -> None:
    """``from tool.cli import main; main()``, where ``main`` calls ``parse_args()`` that
    ``tool.core`` defines: the launcher takes that parser's options (two modules, no further)."""
    (tmp_path / "tool").mkdir()
    (tmp_path / "tool" / "__init__.py").write_text("")
    (tmp_path / "tool" / "core.py").write_text(textwrap.dedent("""\
        import argparse

        def parse_args(args=None):
            parser = argparse.ArgumentParser()
            parser.add_argument("user", metavar="USER")
            parser.add_argument("-t", "--token")
            return parser.parse_args(args)
        """))
    (tmp_path / "tool" / "cli.py").write_text(textwrap.dedent("""\
        from tool.core import parse_args

        def main():
            args = parse_args()
            print(args.user)
        """))
    launcher = tmp_path / "bin" / "tool"
    launcher.parent.mkdir()
    launcher.write_text("#!/usr/bin/env python\nimport sys\nfrom tool.cli import main\n\n"
                        "if __name__ == '__main__':\n    try:\n        main()\n    except Exception:\n"
                        "        sys.exit(1)\n")
    script = Script(path="bin/tool", language="python")
    scan_python(script, launcher.read_text(), file=launcher, root=tmp_path)
    assert [flag.name for flag in script.interface.flags] == ["user", "--token"]


def test_a_library_helper_adds_options_through_a_group_to_the_parser_it_is_handed(tmp_path: Path) -> None:
    """``parser = zulip.add_default_arguments(argparse.ArgumentParser(usage=usage))``: the helper
    of a module of the project adds its options (also through ``group =
    parser.add_argument_group(...)``) and hands the parser back; the script adds its own."""
    (tmp_path / "chat").mkdir()
    (tmp_path / "chat" / "__init__.py").write_text(textwrap.dedent("""\
        def add_default_arguments(parser, patch_error_handling=True):
            group = parser.add_argument_group("API configuration")
            group.add_argument("--site", dest="site", help="server URI")
            group.add_argument("--api-key", dest="api_key")
            parser.add_argument("--verbose", action="store_true")
            return parser
        """))
    command = tmp_path / "edit-stream"
    command.write_text(textwrap.dedent("""\
        #!/usr/bin/env python3
        import argparse
        import chat

        parser = chat.add_default_arguments(argparse.ArgumentParser(usage="edit-stream"))
        parser.add_argument("--stream-id", type=int, required=True)
        options = parser.parse_args()
        """))
    script = Script(path="edit-stream", language="python")
    scan_python(script, command.read_text(), file=command, root=tmp_path)
    assert [flag.name for flag in script.interface.flags] == ["--site", "--api-key", "--verbose", "--stream-id"]



@pytest.mark.parametrize(("source", "expected"), [
    # the eighty-fourth set: a REST client of the project's, given the method in capitals
    ('async def rm(args):\n    await args.di["lta_rc"].request("DELETE", f"/Metadata/{args.uuid}")\n',
     [("http", True, "medium")]),
    ('def add(rc, body):\n    rc.request("POST", "/TransferRequests", body)\n', [("http", False, "medium")]),
    ('def get(rc):\n    return rc.request("GET", "/Bundles")\n', []),
    ('def go(conn):\n    conn.request("DELETE", "not a path")\n', []),  # no path of an API
    # PyGithub: a ref moved by force; the same keyword elsewhere is not a ref
    ('import github\n\ndef move(ref, sha):\n    ref.edit(sha=sha, force=True)\n', [("cloud", True, "medium")]),
    ('import github\n\ndef move(ref, sha):\n    ref.edit(sha=sha)\n', []),
    ('def move(doc):\n    doc.edit(force=True)\n', []),
])
def test_a_rest_clients_delete_and_a_ref_moved_by_force(source: str, expected: list[tuple[str, bool, str]]) -> None:
    assert effects(source) == expected


def test_a_counter_of_rows_set_again_is_bookkeeping() -> None:
    """``Keyword.objects.update(n_events=0)``, ``num_members=...``: counts derived from other
    rows, computed again; a field that holds data is still overwritten."""
    source = ("from django.core.management.base import BaseCommand\nfrom events.models import Keyword\n\n"
              "class Command(BaseCommand):\n    def handle(self, *args, **options):\n"
              "        Keyword.objects.update(n_events=0)\n"
              "        Keyword.objects.filter(id=1).update(num_members=3, n_events_changed=False)\n"
              "        Keyword.objects.update(name='x')\n")
    assert [(kind, destructive) for kind, destructive, _ in effects(source)] == [
        ("orm", False), ("orm", False), ("orm", True)]


def test_a_failed_steps_partial_output_removed_before_raising_again() -> None:
    """``try: HttpFile(uri, data, dst_path).save_to_file() except Exception: os.remove(dst_path);
    raise``: what the failed download had begun to write; a file removed in a handler that
    swallows the error, or one the ``try`` never named, is another matter."""
    source = ("import os\n\n"
              "def fetch(uri, dst_path, keep):\n"
              "    try:\n        HttpFile(uri, get(uri), dst_path).save_to_file()\n"
              "    except Exception as err:\n        if os.path.isfile(dst_path):\n            os.remove(dst_path)\n"
              "        raise err\n"
              "    try:\n        HttpFile(uri, get(uri), dst_path).save_to_file()\n"
              "    except Exception:\n        os.remove(keep)\n        raise\n"
              "    try:\n        upload(dst_path)\n    except Exception:\n        os.remove(dst_path)\n")
    script, _ = scan(source)
    assert [(e.line, e.destructive) for e in script.effects if e.kind == "file-delete"] == [(13, True), (18, True)]


def test_a_kubernetes_object_of_the_kind_the_script_creates_is_its_own() -> None:
    """``delete_namespaced_secret(secret_name, ns)`` in a script that calls
    ``create_namespaced_secret``: the temporary object of its own run, cleaned up; a kind it
    never creates is another's."""
    source = ("from kubernetes import client\n\nv1 = client.CoreV1Api()\n\n"
              "def run(ns, body, secret_name, pod_name):\n"
              "    v1.create_namespaced_secret(ns, body)\n"
              "    v1.delete_namespaced_secret(secret_name, ns)\n"
              "    v1.delete_namespaced_pod(pod_name, ns)\n")
    script, _ = scan(source)
    assert [(e.line, e.destructive) for e in script.effects] == [(6, False), (7, False), (8, True)]


def test_a_dry_run_option_appended_on_a_condition_leaves_the_command_as_normally_run() -> None:
    """``command = ["registry", "garbage-collect", CONF]``, ``if options.dry_run:
    command.append("--dry-run")``, ``subprocess.call(command)``: run as normally invoked, the
    command is the one without the preview option (it had vanished as a dry run)."""
    script, _ = scan("""
        import subprocess
        command = ["/bin/registry", "garbage-collect", "/etc/docker/registry/config.yml"]
        if options.dry_run:
            command.append("--dry-run")
        command.extend(["--delete-untagged"])
        subprocess.call(command)
    """)
    assert [(e.call, e.destructive) for e in script.effects] == [
        ("/bin/registry garbage-collect /etc/docker/registry/config.yml --delete-untagged", True)]


def test_options_added_to_a_parser_a_base_class_of_another_module_made() -> None:
    """``class Generate(Runner)`` (``Runner`` imported, its ``__init__`` making
    ``self.parser = argparse.ArgumentParser()``) and ``def add_args(self):
    self.parser.add_argument("--strict", ...)``: the script's own options."""
    found = flags("""
        from i18n import Runner

        class Generate(Runner):
            def add_args(self):
                self.parser.add_argument("--strict", action="store_true", help="Complain.")
                self.parser.add_argument("--ltr", action="store_true")

        main = Generate()
        if __name__ == "__main__":
            main()
    """)
    assert list(found) == ["--strict", "--ltr"]
    assert found["--strict"].help == "Complain."
    # a class of this file, or no class at all: not a parser guessed at
    assert flags("""
        class Local:
            def add_args(self):
                self.parser.add_argument("--x")
    """) == {}
