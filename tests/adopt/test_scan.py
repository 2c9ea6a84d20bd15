"""scan_tree and scan_file: scripts apart from libraries, errors per script, one file alone."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from opsctl.adopt.scan import ScanError, scan_file, scan_tree


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_libraries_are_told_apart_from_scripts_and_say_who_imports_them(tmp_path: Path) -> None:
    write(tmp_path, "ops/report.py", "from helpers import human\nprint(human(3))\n")
    write(tmp_path, "ops/helpers.py", "def human(n):\n    return str(n)\n")
    write(tmp_path, "ops/unused.py", "X = 1\n")
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/main.py", "from app import commands\n\nif __name__ == '__main__':\n"
                                   "    commands.setup_logging()\n    commands.cli()\n")
    write(tmp_path, "app/commands.py", "import click\n\n@click.command()\n"
                                       "@click.option('--n', type=int)\ndef cli(n):\n    pass\n")
    write(tmp_path, "shop/management/commands/purge_carts.py",
          "from django.core.management.base import BaseCommand\n\n"
          "class Command(BaseCommand):\n    def handle(self, *args, **options):\n"
          "        Cart.objects.all().delete()\n")

    inventory = scan_tree(tmp_path, git=False)

    assert sorted(s.path for s in inventory.scripts) == [
        "app/main.py", "ops/report.py", "shop/management/commands/purge_carts.py"]
    assert {lib.path: lib.reason for lib in inventory.libraries} == {
        "app/__init__.py": "library, imported by app/main.py",
        "app/commands.py": "library, imported by app/main.py",
        "ops/helpers.py": "library, imported by ops/report.py",
        "ops/unused.py": "library: only definitions, no entry point",
    }
    assert inventory.root == str(tmp_path.absolute())


def test_scripts_that_cannot_be_scanned_are_errors_and_the_rest_is_scanned(tmp_path: Path) -> None:
    write(tmp_path, "ok.sh", "#!/bin/sh\nexit 4\n")
    write(tmp_path, "py2.py", "import os, sys\nprint 'x'\nos.remove(sys.argv[1])\nsys.exit(3)\n")
    write(tmp_path, "py2_broken.py", "print 'x'\ndef (\n")
    write(tmp_path, "bad.py", "def (\n")
    write(tmp_path, "latin.py", "# -*- coding: latin-1 -*-\nprint('caf\xe9')\n")

    inventory = scan_tree(tmp_path, git=False)

    assert sorted((s.path, tuple(s.exit_codes)) for s in inventory.scripts) == [
        ("latin.py", ()), ("ok.sh", (4,)), ("py2.py", (3,))]
    reasons = {e.path: e.reason for e in inventory.errors}
    assert set(reasons) == {"bad.py", "py2_broken.py"}
    assert reasons["bad.py"].startswith("Python syntax error at line 1")
    assert reasons["py2_broken.py"].startswith("Python 2 syntax (print statement at line 1)")
    # Python 2 is read with its statements rewritten, line numbers kept, and says so
    (py2,) = [s for s in inventory.scripts if s.path == "py2.py"]
    assert py2.warnings[0].startswith("Python 2 source (print statement at line 2): read with")
    assert [(e.call, e.line, e.destructive) for e in py2.effects] == [("os.remove(sys.argv[1])", 3, True)]


def test_a_missing_root_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        scan_tree(tmp_path / "nope")


@pytest.mark.parametrize(("rel", "reason"), [
    pytest.param("missing.sh", "no such file", id="missing"),
    pytest.param("folder", "a folder, not a script", id="folder"),
    pytest.param("notes.txt", "not a Python or shell script", id="not-a-script"),
    pytest.param("py2.py", "Python 2 syntax", id="python2-that-does-not-parse-rewritten"),
])
def test_scan_file_says_why_a_file_cannot_be_scanned(tmp_path: Path, rel: str,
                                                     reason: str) -> None:
    (tmp_path / "folder").mkdir()
    write(tmp_path, "notes.txt", "hello\n")
    write(tmp_path, "py2.py", "print 'x'\nx = `y` + (\n")  # Python 2 that still does not parse
    with pytest.raises(ScanError) as caught:
        scan_file(tmp_path / rel, root=tmp_path, git=False)
    assert caught.value.reason.startswith(reason)


def test_scan_file_finds_the_callers_of_one_script_in_its_root(tmp_path: Path) -> None:
    script = write(tmp_path, "scripts/clean.sh", "#!/bin/sh\nrm -rf \"$1\"\n")
    write(tmp_path, "Makefile", "clean:\n\t./scripts/clean.sh build\n")
    found = scan_file(script, root=tmp_path, git=False)
    assert found.path == "scripts/clean.sh"
    assert [(c.path, c.line, c.kind) for c in found.callers] == [("Makefile", 2, "makefile")]
    assert found.destructive


def test_a_scan_of_one_script_reads_the_callers_in_its_folder_as_the_folder_scan_does(
        tmp_path: Path) -> None:
    """`opsctl inventory scan ops/rotate.py`: a crontab beside the script calls it, as in the
    scan of `ops/`, and the tier is the same."""
    write(tmp_path, "ops/rotate.py", "import argparse, shutil\np = argparse.ArgumentParser()\n"
                                     "p.add_argument('--path', required=True)\n"
                                     "shutil.rmtree(p.parse_args().path)\n")
    write(tmp_path, "ops/crontab", "30 2 * * * cd /srv && ./ops/rotate.py --path /var/x\n")
    whole = scan_tree(tmp_path / "ops", git=False).scripts
    alone = scan_tree(tmp_path / "ops" / "rotate.py", git=False).scripts
    assert [(c.path, c.kind) for c in alone[0].callers] == [("crontab", "cron")]
    assert [(s.path, s.tier, [c.path for c in s.callers]) for s in alone] == [
        (s.path, s.tier, [c.path for c in s.callers]) for s in whole]


def test_a_scan_of_a_package_folder_follows_its_scripts_imports_of_the_package_itself(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`opsctl inventory scan xtrabackup` (a package whose scripts import
    `xtrabackup.tools`) finds what the scan of the folder above finds; a sibling package,
    outside the scan, is not read."""
    write(tmp_path, "xtrabackup/__init__.py", "")
    write(tmp_path, "xtrabackup/tools.py", "import shutil\n\n\ndef wipe(path):\n"
                                           "    shutil.rmtree(path)\n")
    write(tmp_path, "xtrabackup/restore.py", "import sys\nfrom xtrabackup.tools import wipe\n"
                                             "from other.tools import drop\n\n"
                                             "if __name__ == '__main__':\n"
                                             "    wipe(sys.argv[1])\n    drop(sys.argv[1])\n")
    write(tmp_path, "other/__init__.py", "")
    write(tmp_path, "other/tools.py", "import shutil\n\n\ndef drop(path):\n    shutil.rmtree(path)\n")
    monkeypatch.chdir(tmp_path)  # as typed: a relative folder

    whole = scan_tree(Path("."), git=False).scripts
    package = scan_tree(Path("xtrabackup"), git=False).scripts

    restore = next(s for s in whole if s.path == "xtrabackup/restore.py")
    assert [(s.path, [e.via for e in s.effects if e.destructive]) for s in package] == [
        ("restore.py", ["xtrabackup.tools.wipe"])]
    assert "xtrabackup.tools.wipe" in [e.via for e in restore.effects]


def test_deletions_of_a_script_run_only_while_an_image_is_built_belong_to_that_image(
        tmp_path: Path) -> None:
    write(tmp_path, "Dockerfile", "FROM debian\nCOPY slim.sh /slim.sh\nRUN apt-get update && \\\n"
                                  "    bash /slim.sh\nCMD [\"/run.sh\"]\n")
    write(tmp_path, "slim.sh", "#!/bin/sh\nrm -rf /usr/src/app/tests\n")
    write(tmp_path, "run.sh", "#!/bin/sh\nrm -rf /data/old\n")

    scripts = {s.path: s for s in scan_tree(tmp_path, git=False).scripts}

    assert [(e.destructive, e.call) for e in scripts["slim.sh"].effects] == [
        (False, "rm -rf /usr/src/app/tests [image build]")]
    assert [e.destructive for e in scripts["run.sh"].effects] == [True]  # CMD: at run time


def test_deletions_inside_a_root_filesystem_being_built_belong_to_that_image(tmp_path: Path) -> None:
    write(tmp_path, "stage2/01-run.sh", "#!/bin/bash\nrm -f ${ROOTFS_DIR}/etc/ssh/ssh_host_*_key*\n"
                                        "rm -rf \"${STAGE_WORK_DIR}/rootfs\"\n")
    write(tmp_path, "clean.sh", "#!/bin/bash\nrm -f ${ROOTFS_DIR}/etc/hosts /etc/hosts\n")

    scripts = {s.path: s for s in scan_tree(tmp_path, git=False).scripts}

    assert [(e.destructive, e.call.endswith("[image build]")) for e in scripts["stage2/01-run.sh"].effects] == [
        (False, True), (False, True)]
    assert [e.destructive for e in scripts["clean.sh"].effects] == [True]  # the host's /etc/hosts too


def test_deletions_of_a_packer_provisioner_belong_to_the_image_it_builds(tmp_path: Path) -> None:
    write(tmp_path, "ami/template.json", '{"provisioners": [{"type": "shell", '
                                         '"script": "{{template_dir}}/cleanup.sh"}]}\n')
    write(tmp_path, "ami/cleanup.sh", "#!/bin/sh\nsudo rm -rf /etc/ssh/ssh_host* /var/log/cloud-init*.log\n")
    write(tmp_path, "ami/rotate.sh", "#!/bin/sh\nrm -rf /var/log/app/*.gz\n")

    scripts = {s.path: s for s in scan_tree(tmp_path, git=False).scripts}

    assert [c.kind for c in scripts["ami/cleanup.sh"].callers] == ["packer"]
    assert [e.destructive for e in scripts["ami/cleanup.sh"].effects] == [False]
    assert scripts["ami/cleanup.sh"].effects[0].call.endswith("[image build]")
    assert [e.destructive for e in scripts["ami/rotate.sh"].effects] == [True]  # nothing builds with it


def test_a_module_run_by_an_entry_point_is_a_script_not_a_library(tmp_path: Path) -> None:
    (tmp_path / "pkg" / "cli").mkdir(parents=True)
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "cli" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "cli" / "recon_cron.py").write_text(
        "import os\n\ndef main():\n    os.remove('/var/cache/x/lock')\n    return 0\n")
    (tmp_path / "pkg" / "cli" / "helpers.py").write_text("def helper():\n    return 1\n")
    (tmp_path / "setup.cfg").write_text(
        "[entry_points]\nconsole_scripts =\n    recon-cron = pkg.cli.recon_cron:main\n")
    inventory = scan_tree(tmp_path, git=False)
    assert [s.path for s in inventory.scripts] == ["pkg/cli/recon_cron.py"]
    assert [(c.path, c.kind) for c in inventory.scripts[0].callers] == [("setup.cfg", "entry-point")]
    assert "pkg/cli/helpers.py" in [library.path for library in inventory.libraries]


def test_an_f_string_of_a_newer_python_says_which_python_reads_it(tmp_path: Path) -> None:
    (tmp_path / "fetch.py").write_text('import os\nprint(f"{os.sep.join([\\"a\\", \\"b\\"])}")\n')
    inventory = scan_tree(tmp_path, git=False)
    # PEP 701: Python 3.12 reads it; an older one reads the rest, the f-string blanked, and says so
    assert [s.path for s in inventory.scripts] == ["fetch.py"]
    if sys.version_info < (3, 12):
        assert any("f-strings of Python 3.12 (the first at line 2)" in w for w in inventory.scripts[0].warnings)
    # one that still does not parse is an error that says which Python reads it
    (tmp_path / "fetch.py").write_text('print(f"{os.sep.join([\\"a\\", "b"])}")\ndef f(:\n')
    inventory = scan_tree(tmp_path, git=False)
    assert [e.path for e in inventory.errors] == ["fetch.py"]


def test_a_folder_in_a_repository_gets_calls_between_its_scripts_written_from_the_top(
        tmp_path: Path) -> None:
    import os
    import subprocess

    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, env=env)
    write(tmp_path, "ops/prune.sh", "#!/bin/sh\nfind \"$1\" -delete\n")
    write(tmp_path, "ops/a.sh", "#!/bin/sh\necho a\n")
    write(tmp_path, "ops/b.sh", "#!/bin/sh\necho b\n")
    write(tmp_path, "ops/nightly", "#!/bin/sh\n./ops/prune.sh -d /srv/backups\nsh ops/a.sh\n")
    write(tmp_path, "ops/run.py", "import subprocess\nsubprocess.run(['./ops/b.sh'])\n")

    inventory = scan_tree(tmp_path / "ops")

    callers = {s.path: [(c.path, c.line, c.kind) for c in s.callers] for s in inventory.scripts}
    assert callers["prune.sh"] == [("nightly", 2, "script")]
    assert callers["a.sh"] == [("nightly", 3, "script")]
    assert callers["b.sh"] == [("run.py", 2, "script")]


def test_a_script_in_a_test_folder_that_ci_runs_is_inventoried(tmp_path: Path) -> None:
    """tests/ is skipped as tests, but a script there that CI, a build file or cron runs is a
    script the project depends on; one only a test runner (tox) or another script runs is not."""
    write(tmp_path, "tests/scripts/vagrant_clean.sh",
          "#!/bin/bash\nfor vm in $(virsh list --name); do virsh destroy \"$vm\"; done\n")
    write(tmp_path, "tests/scripts/helper.sh", "#!/bin/bash\necho helping\n")
    write(tmp_path, "tests/scripts/by_tox.sh", "#!/bin/bash\nrm -rf /srv/data\n")
    write(tmp_path, "tests/test_unit.py", "def test_x():\n    assert True\n")
    write(tmp_path, "ci/test_port_db.sh", "#!/bin/sh\npsql -c 'DROP DATABASE synapse'\n")
    write(tmp_path, ".gitlab-ci.yml", "cleanup:\n  script:\n    - ./tests/scripts/vagrant_clean.sh\n")
    write(tmp_path, ".github/workflows/db.yml",
          "jobs:\n  port:\n    runs-on: ubuntu-latest\n    steps:\n"
          "      - run: ci/test_port_db.sh\n")
    write(tmp_path, "tox.ini", "[testenv]\ncommands = bash tests/scripts/by_tox.sh\n")
    write(tmp_path, "tests/scripts/run_all.sh", "#!/bin/bash\n./tests/scripts/helper.sh\n")
    # test modules stay tests, even named by CI, and so does what CI hands to a test runner
    write(tmp_path, "tests/test_api.py", "import shutil\nshutil.rmtree('/srv/x')\n")
    write(tmp_path, "tests/conftest.py", "import shutil\nshutil.rmtree('/srv/x')\n")
    write(tmp_path, "tests/e2e.bats", "")
    write(tmp_path, "tests/smoke.sh", "#!/bin/bash\nrm -rf /srv/x\n")
    write(tmp_path, ".github/workflows/test.yml",
          "jobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
          "      - run: pytest tests/test_api.py\n      - run: python tests/test_api.py\n"
          "      - run: python -m pytest -p tests/conftest.py\n      - run: bats tests/smoke.sh\n")

    inventory = scan_tree(tmp_path, git=False)

    by_path = {s.path: s for s in inventory.scripts}
    assert sorted(by_path) == ["ci/test_port_db.sh", "tests/scripts/vagrant_clean.sh"]
    clean = by_path["tests/scripts/vagrant_clean.sh"]
    assert [(c.path, c.line) for c in clean.callers] == [(".gitlab-ci.yml", 3)]
    assert any(e.destructive for e in clean.effects)
    assert any(e.destructive for e in by_path["ci/test_port_db.sh"].effects)
    skipped = {s.path: s.reason for s in inventory.skipped}
    assert skipped["tests/"] == "tests" and "ci/test_port_db.sh" not in skipped


def test_what_a_test_folder_script_that_ci_runs_runs_in_turn_is_inventoried(tmp_path: Path) -> None:
    """``make e2e`` runs ``test/e2e/run-test``, which sources ``test/e2e/provision-cluster`` and
    runs ``test/local/provision`` through ``$SCRIPTPATH/..``: one job, all listed. What only a
    script that nothing outside runs calls stays a test."""
    write(tmp_path, "Makefile", "e2e:\n\ttest/e2e/run-test\n")
    write(tmp_path, "test/e2e/run-test",
          '#!/bin/bash\nSCRIPTPATH="$( cd "$(dirname "$0")" ; pwd -P )"\n'
          "source $SCRIPTPATH/provision-cluster\n"
          'DIR=$("$SCRIPTPATH/../local/provision" -b x)\n')
    write(tmp_path, "test/e2e/provision-cluster", "#!/bin/bash\neksctl create cluster -f c.yaml\n")
    write(tmp_path, "test/local/provision", "#!/bin/bash\nkind create cluster\n")
    write(tmp_path, "test/other/run.sh", "#!/bin/bash\n./test/other/helper.sh\n")
    write(tmp_path, "test/other/helper.sh", "#!/bin/bash\necho helping\n")

    inventory = scan_tree(tmp_path, git=False)

    by_path = {s.path: s for s in inventory.scripts}
    assert sorted(by_path) == ["test/e2e/provision-cluster", "test/e2e/run-test", "test/local/provision"]
    assert [(c.path, c.line) for c in by_path["test/local/provision"].callers] == [("test/e2e/run-test", 4)]


def test_a_script_in_a_test_folder_that_destroys_is_listed_though_nothing_runs_it(tmp_path: Path) -> None:
    """An end-to-end runner that an outside CI starts (nothing in the repository names it) and
    that deletes real resources is a blast radius: listed, with the reason. One that only
    touches its own files, a Python helper without a shebang, a test module and what a test
    runner runs stay tests."""
    write(tmp_path, "test/e2e-tests.sh",
          "#!/usr/bin/env bash\nkubectl delete namespace serving-tests\n"
          "gcloud dns record-sets delete \"$RECORD\" --zone \"$ZONE\" --type A\n")
    write(tmp_path, "test/presubmit-tests.sh", "#!/usr/bin/env bash\ngo test ./...\n")
    write(tmp_path, "test/own.sh", "#!/bin/bash\ntmp=$(mktemp -d)\ntrap 'rm -rf \"$tmp\"' EXIT\n"
          "cid=\"$(docker run -d nginx)\"\ntrap \"docker rm -vf $cid\" EXIT\n")
    write(tmp_path, "test/helpers.py", "import shutil\n\ndef reset():\n    shutil.rmtree('/srv/x')\n")
    write(tmp_path, "test/tool.py", "#!/usr/bin/env python3\nimport shutil\nshutil.rmtree('/srv/x')\n")
    write(tmp_path, "test/test_reset.py", "import shutil\nshutil.rmtree('/srv/x')\n")
    write(tmp_path, "test/by_bats.sh", "#!/bin/bash\nrm -rf /srv/x\n")
    write(tmp_path, "Makefile", "check:\n\tbats test/by_bats.sh\n")

    inventory = scan_tree(tmp_path, git=False)

    by_path = {s.path: s for s in inventory.scripts}
    assert sorted(by_path) == ["test/e2e-tests.sh", "test/tool.py"]
    e2e = by_path["test/e2e-tests.sh"]
    assert [e.line for e in e2e.effects if e.destructive] == [2, 3]
    assert any("in a test folder, listed for what it destroys" in r for r in e2e.reasons)
    # a file named as a test outside a test folder says so
    write(tmp_path, "bin/load_test.sh", "#!/bin/bash\nkubectl delete namespace load\n")
    named = next(s for s in scan_tree(tmp_path, git=False).scripts if s.path == "bin/load_test.sh")
    assert any(r.startswith("named as a test, listed for what it destroys") for r in named.reasons)
    assert {s.path: s.reason for s in inventory.skipped}["test/"] == "tests"
    assert not inventory.errors


def test_a_sourced_step_is_its_own_script_and_a_sourced_function_is_the_callers(tmp_path: Path) -> None:
    write(tmp_path, "install.sh", "#!/bin/bash\nsource install/_lib.sh\nsource install/turn-off.sh\n"
                                  "source install/migrate.sh\n")
    write(tmp_path, "install/_lib.sh", "log() { echo \"$@\"; }\nreset() {\n  docker volume rm app-data\n}\n")
    write(tmp_path, "install/turn-off.sh", "docker compose rm -fsv\ndocker volume rm app-old\n")
    write(tmp_path, "install/migrate.sh", "docker compose run web migrate\n")
    write(tmp_path, "scripts/reset.sh", "#!/bin/bash\ncmd=reset\nsource install/_lib.sh\n$cmd\n")

    inventory = scan_tree(tmp_path, git=False)

    scripts = {s.path: s for s in inventory.scripts}
    # install.sh runs the steps by sourcing them: their effects are theirs, it is their caller
    assert not scripts["install.sh"].destructive
    assert scripts["install/turn-off.sh"].destructive
    assert ("install.sh", 3) in {(c.path, c.line) for c in scripts["install/turn-off.sh"].callers}
    # ``$cmd`` after ``cmd=reset`` runs the sourced library's reset: the script's own effect
    reset = scripts["scripts/reset.sh"]
    assert reset.destructive
    assert [e.call for e in reset.effects if e.destructive] == ["docker volume rm app-data"]


def test_options_parsed_by_a_sourced_file_at_its_top_level_are_the_scripts(tmp_path: Path) -> None:
    write(tmp_path, "install.sh", "#!/bin/bash\nsource install/parse-cli.sh\necho installing\n")
    write(tmp_path, "install/parse-cli.sh",
          'while (($#)); do\n  case "$1" in\n  --minimize-downtime) MINIMIZE_DOWNTIME=1 ;;\n'
          '  --skip-commit-check) SKIP_COMMIT_CHECK=1 ;;\n  esac\n  shift\ndone\n')
    write(tmp_path, "other.sh", "#!/bin/bash\nsource lib.sh\nparse() { :; }\n")
    write(tmp_path, "lib.sh", 'parse_opts() {\n  case "$1" in\n  --verbose) V=1 ;;\n  esac\n}\n')

    inventory = scan_tree(tmp_path, git=False)

    scripts = {s.path: s for s in inventory.scripts}
    assert [f.name for f in scripts["install.sh"].interface.flags] == [
        "--minimize-downtime", "--skip-commit-check"]
    # a function of a sourced file that the script never calls with its arguments: not its options
    assert scripts["other.sh"].interface.flags == []


@pytest.mark.parametrize(("text", "destructive"), [
    pytest.param('rm -rf /etc/nginx/.htpasswd\necho "$USER:$HASH" >> /etc/nginx/.htpasswd\n', False,
                 id="a-file-removed-then-written-again"),
    pytest.param("rm layer.zip\nzip -r9q layer.zip python/\n", False, id="an-archive-made-again"),
    pytest.param("rm -r python\npip install -q -r req.txt -t python/\n", False,
                 id="a-pip-target-made-again"),
    pytest.param('aws s3 cp "$f" "s3://$bucket/$key" --region "$region"\n'
                 'aws s3 rm "s3://$bucket/$key" --region "$region"\n', False,
                 id="the-object-it-uploaded"),
    pytest.param('aws s3 rm "s3://$bucket/$key" --region "$region"\n', True, id="an-object-it-did-not"),
    pytest.param('$DRY git clone -q --depth 10 -b "$BRANCH" "$URL" "$DIR"\n$DRY cd "$DIR"\n'
                 "$DRY git checkout -qf FETCH_HEAD\n", False, id="its-own-clone"),
    pytest.param('cd "$REPO"\ngit checkout -qf FETCH_HEAD\n', True, id="a-checkout-it-did-not-clone"),
    pytest.param("cp /app/extra/* /app/settings/\nrm -f /app/settings/README.md\n", False,
                 id="a-file-it-copied-in"),
    pytest.param("rm -f /app/settings/README.md\n", True, id="a-file-it-did-not-copy"),
    pytest.param('tmate -S "$SOCK" new-session -d\nkillall tmate\nrm -f "${TMATE_SOCK}"\n', False,
                 id="the-server-it-started-and-its-socket"),
    pytest.param("killall nginx\n", True, id="a-server-it-did-not-start"),
    pytest.param("rm -rvf ~/.docker/manifests\n", False, id="the-docker-manifest-cache"),
    pytest.param('basepath=$base"/repos"\nrm -rf $basepath\nmkdir -p $basepath\n'
                 'git clone -b 2.x "$url" ${basepath}/${repo}\nrm -rf ${basepath}/${repo}/qa\n', False,
                 id="its-clones-folder-and-a-part-of-a-clone"),
    pytest.param("wget -q https://example.org/dl/agent.jar -P $DIR\nrm $DIR/agent.jar\n", False,
                 id="a-download-into-a-folder"),
])
def test_what_a_script_made_itself_is_its_own_to_remove(tmp_path: Path, text: str,
                                                        destructive: bool) -> None:
    write(tmp_path, "job.sh", "#!/bin/bash\n" + text)

    (script,) = scan_tree(tmp_path, git=False).scripts

    assert script.destructive is destructive, script.effects


def test_a_method_of_an_object_made_on_the_spot_is_followed(tmp_path: Path) -> None:
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/tasks.py", "class MetricTask:\n    def cleanup(self):\n        self.hard()\n"
                                    "    def hard(self):\n        Metric.objects.filter(old=True).delete()\n")
    write(tmp_path, "cleanup.py", "from app.tasks import MetricTask\n\n"
                                  "if __name__ == '__main__':\n    MetricTask().cleanup()\n")

    inventory = scan_tree(tmp_path, git=False)

    (script,) = [s for s in inventory.scripts if s.path == "cleanup.py"]
    assert script.destructive
    assert {e.via for e in script.effects} == {"app.tasks.MetricTask.hard"}


def test_options_read_by_a_test_a_defaulted_case_and_a_split_getopt_list(tmp_path: Path) -> None:
    write(tmp_path, "build.sh", '#!/bin/bash\nif [ "${1}" == "--help" ]; then echo usage; fi\n'
                                'if [ "${2}" != "--push-only" ]; then make; fi\n'
                                'if [[ $2 = --push ]]; then docker push x; fi\n'
                                '[[ "${3:-}" == "-t" ]] && toxi=1\n'
                                # the x-prefix idiom, a test ended by its command list, two spellings
                                'if test x"$1" = "x--live"; then live=1; fi\n'
                                'test $# -eq 1 -a "${1-}" == --list && echo "$TESTS" && exit 0\n'
                                'if [[ "$1" = "-p" || "$1" = "--ping-service" ]]; then ping=1; fi\n')
    write(tmp_path, "run.sh", '#!/bin/bash\nwhile true; do\n  case "${1:-}" in\n'
                              '    -h | --help) exit 0 ;;\n    -r | --rebuild) R=1; break ;;\n'
                              '    *) break ;;\n  esac\ndone\n')
    write(tmp_path, "qi.py", "import getopt, sys\n\ndef main():\n"
                             "    option_list = 'region= type= dry-run'.split()\n"
                             "    opts, args = getopt.gnu_getopt(sys.argv[1:], '', option_list)\n\n"
                             "if __name__ == '__main__':\n    main()\n")

    scripts = {s.path: s for s in scan_tree(tmp_path, git=False).scripts}

    flags = {f.name: f.aliases for f in scripts["build.sh"].interface.flags}
    assert set(flags) >= {"--help", "--push-only", "--push", "-t", "--live", "--list", "--ping-service"}
    assert flags["--ping-service"] == ["-p"] and "-p" not in flags
    assert [(f.name, f.aliases) for f in scripts["run.sh"].interface.flags] == [
        ("--help", ["-h"]), ("--rebuild", ["-r"])]
    assert [(f.name, f.type) for f in scripts["qi.py"].interface.flags] == [
        ("--region", "string"), ("--type", "string"), ("--dry-run", "boolean")]


def test_sql_defined_at_a_modules_top_level_is_not_run_on_import(tmp_path: Path) -> None:
    write(tmp_path, "tools/database.py",
          "from sqlalchemy import text as sqltext\n\n"
          "_DELETE_USER = sqltext('delete from users where uid = :uid')\n"
          "_UNASSIGN = sqltext('update users set replaced_at = :t where node = :n')\n\n"
          "class Database:\n    def unassign_node(self, node):\n"
          "        self.conn.execute(_UNASSIGN, {'n': node})\n"
          "    def remove_user(self, uid):\n        self.conn.execute(_DELETE_USER, {'uid': uid})\n")
    write(tmp_path, "tools/unassign_node.py", "from database import Database\n\n"
                                              "if __name__ == '__main__':\n"
                                              "    Database().unassign_node('n1')\n")

    inventory = scan_tree(tmp_path, git=False)

    (script,) = [s for s in inventory.scripts if s.path == "tools/unassign_node.py"]
    assert not script.destructive, script.effects


def test_script_templates_and_executables_with_another_suffix_are_scripts(tmp_path: Path) -> None:
    write(tmp_path, "src/daemon/entrypoint.sh.in", "#!/bin/bash\nexec ceph-mon \"$@\"\n")
    tool = write(tmp_path, "src/tools/pg_autoctl.valgrind", "#!/bin/bash\nvalgrind pg_autoctl \"$@\"\n")
    tool.chmod(0o755)
    write(tmp_path, "docs/notes.valgrind", "#!/bin/bash\nnot executable: a data file\n")

    inventory = scan_tree(tmp_path, git=False)

    assert sorted((s.path, s.language) for s in inventory.scripts) == [
        ("src/daemon/entrypoint.sh.in", "shell"), ("src/tools/pg_autoctl.valgrind", "shell")]


def test_a_parser_built_by_a_local_class_is_the_scripts_command_line(tmp_path: Path) -> None:
    write(tmp_path, "src/workflow/__init__.py", "")
    write(tmp_path, "src/workflow/args.py",
          "import argparse\n\nclass ManifestsArgs:\n    def __init__(self):\n"
          "        parser = argparse.ArgumentParser()\n"
          "        parser.add_argument('action', choices=['list', 'update'])\n"
          "        parser.add_argument('--keep', action='store_true')\n"
          "        self.args = parser.parse_args()\n")
    write(tmp_path, "src/run_manifests.py", "from workflow.args import ManifestsArgs\n\n"
                                            "def main():\n    args = ManifestsArgs()\n\n"
                                            "if __name__ == '__main__':\n    main()\n")

    inventory = scan_tree(tmp_path, git=False)

    (script,) = [s for s in inventory.scripts if s.path == "src/run_manifests.py"]
    assert [f.name for f in script.interface.flags] == ["action", "--keep"]


def test_a_diskimage_builder_elements_steps_belong_to_the_image_they_build(tmp_path: Path) -> None:
    write(tmp_path, "elements/agent/post-install.d/90-remove-build-deps",
          "#!/bin/bash\nrm -rf /opt/agent-src\napt-get --assume-yes purge --auto-remove gcc\n")
    write(tmp_path, "elements/agent/static/usr/local/bin/reset-agent", "#!/bin/bash\nrm -rf /var/lib/agent\n")

    scripts = {s.path: s for s in scan_tree(tmp_path, git=False).scripts}

    assert not scripts["elements/agent/post-install.d/90-remove-build-deps"].destructive
    assert scripts["elements/agent/static/usr/local/bin/reset-agent"].destructive  # run on the machine


def test_a_procfile_of_a_test_environment_runs_a_script_of_its_folder(tmp_path: Path) -> None:
    """A test container's Procfile (goreman, foreman) starts its processes: a script it runs
    is one the project depends on, though it lives in a test folder."""
    write(tmp_path, "test/container/reaper.sh", "#!/bin/bash\ntrap 'sudo pkill -u root' INT TERM\n"
                                                "sleep infinity\n")
    write(tmp_path, "test/container/Procfile", "api: go run ./cmd\nreaper: ./test/container/reaper.sh\n")
    inventory = scan_tree(tmp_path, git=False)
    (reaper,) = inventory.scripts
    assert reaper.path == "test/container/reaper.sh"
    assert [(c.path, c.line) for c in reaper.callers] == [("test/container/Procfile", 2)]
    assert any(e.destructive for e in reaper.effects)


def test_a_flask_blueprints_commands_are_a_script_of_the_flask_program(tmp_path: Path) -> None:
    """``@bp.cli.command("import_ctf")`` in a package module that nothing runs by path: the
    ``flask`` program runs it, so it is a script (kind ``flask``), not a library."""
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/cli/__init__.py",
          "import shutil\nimport click\nfrom flask import Blueprint\n\n_cli = Blueprint('cli', __name__)\n\n\n"
          "@_cli.cli.command('import_ctf')\n@click.argument('path')\ndef import_ctf(path):\n"
          "    shutil.rmtree('/srv/uploads')\n\n\n@_cli.cli.command('get_config')\n"
          "@click.argument('key')\ndef get_config(key):\n    print(key)\n")
    write(tmp_path, "app/helpers.py", "import click\n\n@click.command()\ndef helper():\n    pass\n")

    inventory = scan_tree(tmp_path, git=False)

    by_path = {s.path: s for s in inventory.scripts}
    cli = by_path["app/cli/__init__.py"]
    assert cli.interface.kind == "flask"
    assert cli.interface.subcommands == ["import_ctf", "get_config"]
    assert [(f.name, f.subcommand) for f in cli.interface.flags] == [("path", "import_ctf"), ("key", "get_config")]
    assert [e.line for e in cli.effects if e.destructive] == [11]
    assert "app/helpers.py" in {library.path for library in inventory.libraries}


def test_a_test_folders_shell_scripts_are_read_for_callers(tmp_path: Path) -> None:
    """``test/tests/basic/run.sh`` stays skipped as a test, but the scripts it runs have it as
    a caller (test-named files already were)."""
    write(tmp_path, "bin/ovpn_genconfig", "#!/bin/bash\necho config > /etc/openvpn/openvpn.conf\n")
    write(tmp_path, "Dockerfile", "FROM alpine\nADD ./bin /usr/local/bin\n")
    write(tmp_path, "test/tests/basic/run.sh",
          "#!/bin/bash\ndocker run -v $OVPN_DATA:/etc/openvpn --rm $IMG ovpn_genconfig -u udp://x\n")

    inventory = scan_tree(tmp_path, git=False)

    script = next(s for s in inventory.scripts if s.path == "bin/ovpn_genconfig")
    assert [(c.path, c.line) for c in script.callers] == [("test/tests/basic/run.sh", 2)]
    assert "test/tests/basic/run.sh" not in {s.path for s in inventory.scripts}


def test_a_folder_copied_whole_into_an_image_puts_its_nested_scripts_on_the_path(tmp_path: Path) -> None:
    """``COPY root /`` copies ``root/usr/bin/run-db-replica`` to ``/usr/bin/run-db-replica``:
    ``docker run ... $IMAGE_NAME run-db-replica`` runs it by that bare name."""
    write(tmp_path, "16/root/usr/bin/run-db-replica", "#!/bin/bash\nexec postgres\n")
    write(tmp_path, "16/root/usr/share/scripts/common.sh", "#!/bin/bash\necho helper\n")
    write(tmp_path, "16/Dockerfile", "FROM fedora\nCOPY root /\nCOPY ./extra/ /opt/app/\n")
    write(tmp_path, "test/run_test",
          "#!/bin/bash\nrun_replica() {\n  docker run $cluster_args -e MASTER=x \\\n"
          "    -d --cidfile ${DIR}/replica.cid $IMAGE_NAME run-db-replica\n}\n"
          "docker run --rm $IMAGE_NAME common.sh\n")

    inventory = scan_tree(tmp_path, git=False)

    by_path = {s.path: s for s in inventory.scripts}
    assert [(c.path, c.line) for c in by_path["16/root/usr/bin/run-db-replica"].callers] == [
        ("test/run_test", 4)]
    # on the image, but not in a folder on its PATH: a bare name there is not it
    assert by_path["16/root/usr/share/scripts/common.sh"].callers == []


def test_a_command_that_only_reexports_a_sibling_does_what_the_sibling_does(tmp_path: Path) -> None:
    commands = "shop/management/commands"
    write(tmp_path, f"{commands}/purge_carts.py",
          "from django.core.management.base import BaseCommand\n\n"
          "class Command(BaseCommand):\n"
          "    def add_arguments(self, parser):\n        parser.add_argument('--days', type=int)\n\n"
          "    def handle(self, *args, **options):\n        Cart.objects.all().delete()\n")
    write(tmp_path, f"{commands}/purgecarts.py", '"""Deprecated name."""\nfrom .purge_carts import *  # noqa\n')
    # a module importing more than the sibling's names is its own
    write(tmp_path, f"{commands}/other.py", "from .purge_carts import *\nprint(1)\n")

    scripts = {s.path: s for s in scan_tree(tmp_path, git=False).scripts}

    alias = scripts[f"{commands}/purgecarts.py"]
    assert [(e.line, e.destructive, e.via) for e in alias.effects] == [(2, True, "purge_carts")]
    assert [f.name for f in alias.interface.flags] == ["--days"]
    assert not scripts[f"{commands}/other.py"].destructive


def test_a_launchers_module_and_the_subcommand_modules_a_cli_registers_are_scripts(tmp_path: Path) -> None:
    write(tmp_path, "scripts/kafka-tool", "#!/usr/bin/env python\n\nfrom tool.main import run\n\n"
                                          "if __name__ == '__main__':\n    run()\n")
    write(tmp_path, "tool/__init__.py", "")
    write(tmp_path, "tool/commands/__init__.py", "")
    write(tmp_path, "tool/main.py", "import argparse\n\nfrom .commands.drop_group import DropGroup\n\n"
                                    "def run():\n    parser = argparse.ArgumentParser()\n"
                                    "    parser.add_argument('--cluster')\n    sub = parser.add_subparsers()\n"
                                    "    DropGroup.add_parser(sub)\n    args = parser.parse_args()\n")
    write(tmp_path, "tool/commands/drop_group.py",
          "import shutil\n\nclass DropGroup:\n    @classmethod\n    def add_parser(cls, subparsers):\n"
          "        p = subparsers.add_parser('drop_group')\n        p.add_argument('groupid')\n\n"
          "    @classmethod\n    def run(cls, args):\n        shutil.rmtree('/srv/groups/' + args.groupid)\n")
    write(tmp_path, "tool/commands/helpers.py", "def human(n):\n    return str(n)\n")
    write(tmp_path, "h/__init__.py", "")
    write(tmp_path, "h/cli.py", "import click\n\nSUBCOMMANDS = ('h.user.user',)\n\n@click.group()\ndef cli():\n"
                                "    pass\n\ndef main():\n    for cmd in SUBCOMMANDS:\n"
                                "        cli.add_command(resolve(cmd))\n    cli()\n")
    write(tmp_path, "h/user.py", "import click\n\n@click.command()\n@click.option('--email')\ndef user(email):\n"
                                 "    pass\n")

    inventory = scan_tree(tmp_path, git=False)
    scripts = {s.path: s for s in inventory.scripts}

    assert [(c.path, c.line) for c in scripts["tool/main.py"].callers] == [("scripts/kafka-tool", 6)]
    dropper = scripts["tool/commands/drop_group.py"]
    assert dropper.destructive and [f.name for f in dropper.interface.flags] == ["groupid"]
    assert [f.name for f in scripts["h/user.py"].interface.flags] == ["--email"]
    assert "tool/commands/helpers.py" in {library.path for library in inventory.libraries}


def test_a_launcher_that_imports_a_module_whole_and_calls_its_entry(tmp_path: Path) -> None:
    """``from msys2_devtools import cmd_lint`` then ``cmd_lint.run()``, or ``import tool.sbom as
    sbom`` then ``sbom.main()``: the module is what runs, at the launcher's call."""
    write(tmp_path, "msys2-lint", "#!/usr/bin/env python3\n\nfrom devtools import cmd_lint\n\ncmd_lint.run()\n")
    write(tmp_path, "msys2-sbom", "#!/usr/bin/env python3\nimport devtools.sbom as sbom\n\nsbom.main()\n")
    write(tmp_path, "devtools/__init__.py", "")
    write(tmp_path, "devtools/cmd_lint.py", "import argparse\n\ndef run():\n    p = argparse.ArgumentParser()\n"
                                            "    p.add_argument('--strict')\n    p.parse_args()\n")
    write(tmp_path, "devtools/sbom.py", "import sys\n\ndef main():\n    print(sys.argv[1])\n")

    inventory = scan_tree(tmp_path, git=False)
    scripts = {s.path: s for s in inventory.scripts}

    assert [(c.path, c.line) for c in scripts["devtools/cmd_lint.py"].callers] == [("msys2-lint", 5)]
    assert [(c.path, c.line) for c in scripts["devtools/sbom.py"].callers] == [("msys2-sbom", 4)]
    assert any("wrap the launcher" in warning for warning in scripts["devtools/cmd_lint.py"].warnings)


def test_subcommand_classes_a_django_command_takes_from_a_table_are_scripts(tmp_path: Path) -> None:
    commands = "app/management/commands"
    write(tmp_path, f"{commands}/modo.py",
          "from django.core.management.base import BaseCommand\n\n"
          "from .subcommands._repair import Repair\n\n\nclass Command(BaseCommand):\n"
          "    subcommands = {'repair': Repair}\n\n    def add_arguments(self, parser):\n"
          "        subparsers = parser.add_subparsers(dest='subcommand')\n"
          "        for name, command_class in self.subcommands.items():\n"
          "            command = command_class()\n            subparser = subparsers.add_parser(name)\n"
          "            command.add_arguments(subparser)\n")
    write(tmp_path, f"{commands}/subcommands/__init__.py", "")
    write(tmp_path, f"{commands}/subcommands/_repair.py",
          "from django.core.management.base import BaseCommand\n\n\nclass Repair(BaseCommand):\n"
          "    def add_arguments(self, parser):\n        parser.add_argument('--dry-run', action='store_true')\n\n"
          "    def handle(self, *args, **options):\n        Mailbox.objects.filter(orphan=True).delete()\n")

    inventory = scan_tree(tmp_path, git=False)
    scripts = {s.path: s for s in inventory.scripts}

    repair = scripts[f"{commands}/subcommands/_repair.py"]
    assert [f.name for f in repair.interface.flags] == ["--dry-run"] and repair.destructive
    assert any("registers" in warning for warning in repair.warnings)


def test_files_deleted_in_a_function_named_for_temporary_files_are_not_destructive(tmp_path: Path) -> None:
    write(tmp_path, "backup.py", "import os, shutil\n\ndef remove_temp_files(path):\n"
                                 "    for root, dirs, files in os.walk(path):\n        for f in files:\n"
                                 "            os.unlink(os.path.join(root, f))\n    shutil.rmtree(path)\n\n"
                                 "def purge(path):\n    shutil.rmtree(path)\n\n"
                                 "if __name__ == '__main__':\n    remove_temp_files('/tmp/x')\n    purge('/srv/x')\n")
    write(tmp_path, "clean.sh", "#!/bin/sh\ncleanup_tmp() {\n  rm -rf \"$1\"\n}\ncleanup_tmp \"$WORK\"\nrm -rf /srv/old\n")

    scripts = {s.path: s for s in scan_tree(tmp_path, git=False).scripts}

    python = [(e.line, e.destructive) for e in scripts["backup.py"].effects]
    assert python == [(6, False), (7, False), (10, True)]
    assert "[in remove_temp_files]" in scripts["backup.py"].effects[0].call
    assert [(e.line, e.destructive) for e in scripts["clean.sh"].effects] == [(3, False), (6, True)]


def test_an_app_group_module_is_a_script_of_the_flask_program_and_flask_lines_call_it(tmp_path: Path) -> None:
    write(tmp_path, "project/__init__.py", "")
    write(tmp_path, "project/cli/__init__.py", "")
    write(tmp_path, "project/cli/test.py",
          "import click\nfrom flask.cli import AppGroup\n\ntest_cli = AppGroup('test')\n\n"
          "@test_cli.command('reset')\n@click.option('--seed/--no-seed', default=False)\ndef reset(seed):\n"
          "    db.drop_all()\n")
    write(tmp_path, ".github/workflows/e2e.yml",
          "on: push\njobs:\n  e2e:\n    runs-on: ubuntu-latest\n    steps:\n      - run: flask test reset --seed\n")

    scripts = {s.path: s for s in scan_tree(tmp_path, git=False).scripts}

    test = scripts["project/cli/test.py"]
    assert test.interface.kind == "flask" and test.interface.subcommands[:1] == ["test reset"]
    assert [f.name for f in test.interface.flags] == ["--seed"]
    assert [(c.path, c.line) for c in test.callers] == [(".github/workflows/e2e.yml", 6)]


def test_a_parser_made_by_a_helper_of_the_project_keeps_its_options_and_the_scripts_own(tmp_path: Path) -> None:
    write(tmp_path, "utils/__init__.py", "")
    write(tmp_path, "utils/args.py", "import argparse\n\ndef base_parser(description=''):\n"
                                     "    parser = argparse.ArgumentParser(description=description)\n"
                                     "    parser.add_argument('--profile')\n"
                                     "    parser.add_argument('--dry-run', action='store_true')\n    return parser\n")
    write(tmp_path, "services/delete_instance.py",
          "from utils.args import base_parser\n\nif __name__ == '__main__':\n"
          "    parser = base_parser('Terminate an instance')\n"
          "    parser.add_argument('--instance-id', required=True)\n    args = parser.parse_args()\n")

    scripts = {s.path: s for s in scan_tree(tmp_path, git=False).scripts}

    assert [f.name for f in scripts["services/delete_instance.py"].interface.flags] == [
        "--profile", "--dry-run", "--instance-id"]


def test_an_airflow_dag_file_is_a_script_not_a_library(tmp_path: Path) -> None:
    (tmp_path / "dags").mkdir()
    (tmp_path / "dags" / "cleanup.py").write_text(textwrap.dedent("""\
        import os
        from airflow.models import DAG
        from airflow.operators.python_operator import PythonOperator
        def delete_broken(**context):
            os.remove(context["filename"])
        dag = DAG("delete-broken-dags", schedule_interval="@daily")
        task = PythonOperator(task_id="delete", python_callable=delete_broken, dag=dag)
        """))
    (tmp_path / "dags" / "helpers.py").write_text("def helper():\n    return 1\n")
    inventory = scan_tree(tmp_path, git=False)
    assert [script.path for script in inventory.scripts] == ["dags/cleanup.py"]
    assert [(e.call, e.destructive) for e in inventory.scripts[0].effects] == [
        ("os.remove(context['filename'])", True)]
    assert [library.path for library in inventory.libraries] == ["dags/helpers.py"]


def test_the_modules_a_program_imports_by_name_are_its_commands(tmp_path: Path) -> None:
    """``main.py purge_history`` imports ``commands.purge_history`` (``import_module(f"commands.
    {name}")``): each module of that package is a command, not a library; a helper named with
    a leading ``_`` stays one."""
    write(tmp_path, "jobs/main.py",
          "#!/usr/bin/env python\nimport importlib, sys\n\nif __name__ == '__main__':\n"
          "    name = sys.argv[1]\n    getattr(importlib.import_module(f'commands.{name}'), name)()\n")
    write(tmp_path, "jobs/commands/__init__.py", "")
    write(tmp_path, "jobs/commands/purge_history.py",
          "import shutil\n\ndef purge_history():\n    shutil.rmtree('/srv/history')\n")
    write(tmp_path, "jobs/commands/_shared.py", "def helper():\n    return 1\n")

    inventory = scan_tree(tmp_path, git=False)

    assert sorted(s.path for s in inventory.scripts) == ["jobs/commands/purge_history.py", "jobs/main.py"]
    assert "jobs/commands/_shared.py" in {lib.path for lib in inventory.libraries}


def test_cirrus_tasks_packer_yaml_and_a_library_sourced_from_its_installed_path(tmp_path: Path) -> None:
    write(tmp_path, ".cirrus.yml", "build_task:\n  setup_script: ci/setup.sh\n  main_script:\n"
          "    - ci/make.sh image\n")
    write(tmp_path, "ci/setup.sh", "#!/bin/bash\necho setup\n")
    write(tmp_path, "ci/make.sh", "#!/bin/bash\nmake \"$1\"\n")
    write(tmp_path, "images/cloud.yml",
          "builders:\n  - type: googlecompute\nprovisioners:\n  - type: shell\n    inline:\n"
          "      - '/bin/bash /var/tmp/images/images/base-setup.sh'\n")
    write(tmp_path, "images/base-setup.sh", "#!/bin/bash\nbash images/finish.sh\n")
    write(tmp_path, "images/finish.sh", "#!/bin/bash\nrm -rf /var/cache/dnf /root/.ssh\n")
    write(tmp_path, "orphans/entrypoint.sh", "#!/bin/bash\n. /usr/local/bin/_ec2\n")
    write(tmp_path, "orphans/_ec2", "aws ec2 terminate-instances --instance-ids \"$id\"\n")

    inventory = scan_tree(tmp_path, git=False)

    by_path = {s.path: s for s in inventory.scripts}
    assert [(c.path, c.line) for c in by_path["ci/setup.sh"].callers] == [(".cirrus.yml", 2)]
    assert [(c.path, c.line) for c in by_path["ci/make.sh"].callers] == [(".cirrus.yml", 4)]
    assert [(c.path, c.kind) for c in by_path["images/base-setup.sh"].callers] == [("images/cloud.yml", "packer")]
    # run only by a script an image build runs: what it deletes belongs to the image
    assert not any(e.destructive for e in by_path["images/finish.sh"].effects)
    # a fragment sourced where the image installs it, found by its name in the tree
    assert [e.destructive for e in by_path["orphans/entrypoint.sh"].effects] == [True]


def test_a_dokku_plugin_its_subcommands_helpers_bats_callers_and_help_comment_flags(tmp_path: Path) -> None:
    """A Dokku plugin: ``subcommands/NAME`` sourcing the ``config`` and ``functions`` one folder
    up, its flags in ``#F`` help comments, run by ``dokku "$PLUGIN_COMMAND_PREFIX:NAME"`` (or
    ``dokku postgres:NAME``) in the plugin's bats suite; ``export`` in ``config`` is the shell's."""
    files = {
        "config": '#!/usr/bin/env bash\nexport PLUGIN_COMMAND_PREFIX="postgres"\nexport PLUGIN_DATA_ROOT=/var/lib/x\n',
        "functions": '#!/usr/bin/env bash\nservice_container_rm() {\n  docker container rm "$1"\n}\n',
        "subcommands/stop": textwrap.dedent('''\
            #!/usr/bin/env bash
            source "$(dirname "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)")/config"
            source "$(dirname "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)")/functions"
            service-stop-cmd() {
              #A service, service to run command against
              #F -f|--force, stop without asking
              #F -w|--wait SECONDS, how long to wait
              declare SERVICE="$1"
              service_container_rm "$SERVICE"
            }
            service-stop-cmd "$@"
            '''),
        "subcommands/export": '#!/usr/bin/env bash\necho "$1"\n',
        "tests/service_stop.bats": textwrap.dedent('''\
            #!/usr/bin/env bats
            @test "stop" {
              dokku "$PLUGIN_COMMAND_PREFIX:stop" l
              dokku --force postgres:export l
              dokku redis:export l
            }
            '''),
    }
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    inventory = scan_tree(tmp_path, git=False)
    scripts = {s.path: s for s in inventory.scripts}
    stop = scripts["subcommands/stop"]
    assert any(e.destructive and "docker container rm" in e.call for e in stop.effects)
    assert [(f.name, f.aliases, f.type) for f in stop.interface.flags if not f.positional] == [
        ("--force", ["-f"], "boolean"), ("--wait", ["-w"], "string")]
    assert [(c.path, c.line) for c in stop.callers] == [("tests/service_stop.bats", 3)]
    # a literal prefix only when it is the plugin's; the ``export`` builtin calls nothing
    assert [(c.path, c.line) for c in scripts["subcommands/export"].callers] == [("tests/service_stop.bats", 4)]


def test_a_launcher_of_a_module_gets_what_the_module_deletes_and_its_flags(tmp_path: Path) -> None:
    """``bin/pipe0-deleter.sh`` only sets its environment and runs ``python -m lta.deleter``:
    the module's deletion is the launcher's, at that line (medium), and a launcher handing its
    arguments on (``python -m lta.cmd "$@"``) takes the module's flags. A script that runs
    other commands too is a step of its own, and is not given them."""
    write(tmp_path, "lta/__init__.py", "")
    write(tmp_path, "lta/deleter.py", "import os\nimport sys\n\ndef main():\n    os.remove(sys.argv[1])\n\n"
                                       "if __name__ == '__main__':\n    main()\n")
    write(tmp_path, "lta/cmd.py", "import argparse\n\nif __name__ == '__main__':\n"
                                  "    parser = argparse.ArgumentParser()\n    parser.add_argument('--days', type=int)\n"
                                  "    parser.parse_args()\n")
    write(tmp_path, "bin/pipe0-deleter.sh", "#!/bin/sh\n# the deleter\nexport WORK_RETRIES=${WORK_RETRIES:=3}\n"
                                            "cd /srv/lta\npython -m lta.deleter\n")
    write(tmp_path, "ltacmd", "#!/bin/bash\nexport LTA_REST_URL=${LTA_REST_URL:=https://lta}\n"
                              "python3 -m lta.cmd \"$@\"\n")
    write(tmp_path, "bin/nightly.sh", "#!/bin/sh\npython -m lta.deleter\ncurl -X POST https://example.com/done\n")
    inventory = scan_tree(tmp_path, git=False)
    scripts = {s.path: s for s in inventory.scripts}
    launcher = scripts["bin/pipe0-deleter.sh"]
    assert [(e.line, e.destructive, e.confidence) for e in launcher.effects] == [(5, True, "medium")]
    assert "lta/deleter.py" in launcher.effects[0].call
    assert [f.name for f in scripts["ltacmd"].interface.flags] == ["--days"]
    assert scripts["ltacmd"].interface.kind == "argparse"
    assert not any(e.destructive for e in scripts["bin/nightly.sh"].effects)
