"""Which files of a tree are scripts: by extension or shebang; what is left out, and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsctl.adopt.discover import discover, interpreter_of


def write(root: Path, rel: str, text: str | bytes = "") -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text)
    return path


@pytest.mark.parametrize(("line", "language", "interpreter"), [
    pytest.param(b"#!/usr/bin/env python3", "python", "/usr/bin/env python3", id="env-python3"),
    pytest.param(b"#!/usr/bin/python2.7", "python", "/usr/bin/python2.7", id="python2.7"),
    pytest.param(b"#!/usr/bin/awx-python", "python", "/usr/bin/awx-python", id="a-project-python"),
    pytest.param(b"#!/usr/bin/jython", None, "/usr/bin/jython", id="not-cpython"),
    pytest.param(b"#!/bin/bash -eu", "shell", "/bin/bash -eu", id="bash-options"),
    pytest.param(b"#! /bin/sh", "shell", "/bin/sh", id="space-after-bang"),
    pytest.param(b"#!/usr/bin/env -S python3 -u", "python", "/usr/bin/env -S python3 -u",
                 id="env-dash-S"),
    pytest.param(b"#!/usr/bin/env zsh", "shell", "/usr/bin/env zsh", id="zsh"),
    pytest.param(b"#!/command/with-contenv bash", "shell", "/command/with-contenv bash",
                 id="s6-with-contenv"),
    # Home Assistant add-ons' bash with its library loaded
    pytest.param(b"#!/usr/bin/with-contenv bashio", "shell", "/usr/bin/with-contenv bashio", id="bashio"),
    pytest.param(b"#!/usr/bin/env bashio", "shell", "/usr/bin/env bashio", id="env-bashio"),
    pytest.param(b"#!/usr/bin/with-contenv python3", "python", "/usr/bin/with-contenv python3",
                 id="s6-with-contenv-python"),
    pytest.param(b"#!/usr/bin/perl -w", None, "/usr/bin/perl -w", id="perl"),
    pytest.param(b"import os", None, None, id="no-shebang"),
])
def test_the_shebang_names_the_language(line: bytes, language: str | None,
                                        interpreter: str | None) -> None:
    assert interpreter_of(line) == (language, interpreter)


def test_scripts_are_found_by_extension_or_shebang_and_the_rest_is_kept_for_callers(
        tmp_path: Path) -> None:
    write(tmp_path, "scripts/deploy.sh", "echo hi\n")
    write(tmp_path, "scripts/backup", "#!/bin/bash\necho\n")
    write(tmp_path, "tools/report.py", "print(1)\n")
    write(tmp_path, "bin/rotate", "#!/usr/bin/env python3\nprint(1)\n")
    write(tmp_path, "bin/legacy.pl", "#!/usr/bin/perl\n")
    write(tmp_path, "bin/tool", "#!/usr/bin/perl\nprint 1;\n")
    write(tmp_path, "Makefile", "all:\n\t./scripts/deploy.sh\n")
    write(tmp_path, ".github/workflows/ci.yml", "on: push\n")
    write(tmp_path, "README", "plain text\n")
    write(tmp_path, "manage.py", "#!/bin/sh\ndocker compose exec app manage.py \"$@\"\n")
    write(tmp_path, "tools/fix.sh", "#!/usr/bin/env python3\nprint(1)\n")
    write(tmp_path, "tools/replace.py", "#!/bin/bash\n\"\"\"Python under a wrong shebang.\"\"\"\nimport os\n")
    write(tmp_path, "docker/Makefile", "#!make\nbuild:\n\t./scripts/deploy.sh\n")

    found = discover(tmp_path)

    # the shebang decides over the extension: the kernel runs the file with it (but a ``.py``
    # file whose text is Python under a shell's shebang is run as ``python x.py``)
    assert sorted((c.path, c.language) for c in found.candidates) == [
        ("bin/rotate", "python"), ("manage.py", "shell"), ("scripts/backup", "shell"),
        ("scripts/deploy.sh", "shell"), ("tools/fix.sh", "python"), ("tools/replace.py", "python"),
        ("tools/report.py", "python")]
    assert next(c for c in found.candidates if c.path == "tools/replace.py").interpreter is None
    # a file with another interpreter's shebang is no script but may run one (``#!make``)
    assert {"Makefile", ".github/workflows/ci.yml", "README", "bin/legacy.pl", "bin/tool",
            "docker/Makefile"} <= set(found.files)
    assert sorted((s.path, s.reason) for s in found.skipped) == [
        ("bin/tool", "not Python or shell (/usr/bin/perl)"), ("docker/Makefile", "not Python or shell (make)")]
    assert found.errors == []


def test_vendored_virtualenv_and_test_folders_are_skipped_with_their_reason(tmp_path: Path) -> None:
    write(tmp_path, "ops/clean.sh", "rm -rf x\n")
    write(tmp_path, "node_modules/pkg/install.sh", "rm -rf x\n")
    write(tmp_path, "vendor/lib/run.py", "print(1)\n")
    write(tmp_path, "env/pyvenv.cfg", "home = /usr\n")
    write(tmp_path, "env/bin/activate.sh", "echo\n")
    write(tmp_path, "tests/test_clean.py", "def test(): pass\n")
    write(tmp_path, "ops/test_helpers.py", "def test(): pass\n")
    write(tmp_path, "ops/conftest.py", "")
    write(tmp_path, "pkg.egg-info/x.py", "")
    write(tmp_path, ".git/hooks/pre-commit", "#!/bin/sh\n")
    write(tmp_path, "build/release.sh", "git tag v1\n")

    found = discover(tmp_path)

    assert sorted(c.path for c in found.candidates) == ["build/release.sh", "ops/clean.sh"]
    assert sorted((s.path, s.reason) for s in found.skipped) == [
        ("env/", "virtualenv"), ("node_modules/", "vendored dependencies"),
        ("ops/conftest.py", "tests"), ("ops/test_helpers.py", "tests"),
        ("pkg.egg-info/", "build output"), ("tests/", "tests"), ("vendor/", "vendored code")]


def test_a_third_party_folder_keeps_the_projects_own_update_tools(tmp_path: Path) -> None:
    write(tmp_path, "third_party/update-all.sh", "for d in */; do \"$d/update.sh\"; done\n")
    write(tmp_path, "third_party/chart/update.sh", "helm fetch x\n")
    write(tmp_path, "third_party/chart/process.py", "print(1)\n")
    write(tmp_path, "third_party/chart/templates/hook.sh", "echo\n")  # the chart's own
    write(tmp_path, "third_party/lib/LICENSE", "MIT\n")  # an upstream project, vendored
    write(tmp_path, "third_party/lib/build.sh", "make\n")

    found = discover(tmp_path)

    assert sorted(c.path for c in found.candidates) == [
        "third_party/chart/process.py", "third_party/chart/update.sh", "third_party/update-all.sh"]
    assert ("third_party/", "vendored code") in [(s.path, s.reason) for s in found.skipped]


def test_scripts_written_out_from_helm_and_erb_templates_are_scripts(tmp_path: Path) -> None:
    write(tmp_path, "chart/templates/bin/_rabbitmq-start.sh.tpl", "#!/bin/bash\nrabbitmqctl start_app\n")
    write(tmp_path, "jobs/server/templates/pre-start.bash.erb", "#!/bin/bash\nrm -f /etc/x.conf\n")
    write(tmp_path, "chart/templates/deployment.yaml.tpl", "kind: Deployment\n")

    found = discover(tmp_path)

    assert sorted(c.path for c in found.candidates) == [
        "chart/templates/bin/_rabbitmq-start.sh.tpl", "jobs/server/templates/pre-start.bash.erb"]


def test_a_dist_folder_holding_image_sources_is_read(tmp_path: Path) -> None:
    write(tmp_path, "dist/images/Dockerfile", "FROM alpine\n")
    write(tmp_path, "dist/images/cleanup.sh", "kubectl delete crd x\n")
    write(tmp_path, "dist/app-1.0.tar.gz", b"\x1f\x8b")  # a build's output beside them
    write(tmp_path, "other/dist/bundle/main.js", "x\n")

    found = discover(tmp_path)

    assert [c.path for c in found.candidates] == ["dist/images/cleanup.sh"]
    assert ("other/dist/", "build output") in [(s.path, s.reason) for s in found.skipped]


def test_a_packages_maintainer_and_init_scripts_are_scripts(tmp_path: Path) -> None:
    write(tmp_path, "build/debian/app.postrm", "#!/bin/sh\nrm -rf /var/lib/app\n")
    write(tmp_path, "build/debian/app.init.d", "#!/bin/sh\nstart-stop-daemon --start\n")
    write(tmp_path, "build/debian/app.default", "OPTS=\n")
    write(tmp_path, "build/notes.postrm", "#!/bin/sh\necho not a package's\n")

    found = discover(tmp_path)

    assert sorted(c.path for c in found.candidates) == ["build/debian/app.init.d", "build/debian/app.postrm"]


def test_unreadable_files_are_errors_with_a_reason_and_the_walk_goes_on(tmp_path: Path) -> None:
    write(tmp_path, "ok.sh", "echo ok\n")
    write(tmp_path, "blob.py", b"\x7fELF\x00\x00\x01binary")
    write(tmp_path, "huge.py", "x = 1\n" * 10)
    (tmp_path / "self.sh").symlink_to("self.sh")
    (tmp_path / "dangling.py").symlink_to("missing.py")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to("..", target_is_directory=True)

    found = discover(tmp_path, max_bytes=50)

    assert [c.path for c in found.candidates] == ["ok.sh"]
    reasons = {e.path: e.reason for e in found.errors}
    assert reasons["blob.py"] == "binary file, not a script"
    assert reasons["huge.py"].startswith("too large to be a script")
    assert reasons["self.sh"] == "symlink loop"
    assert reasons["dangling.py"] == "broken symlink"
    assert "symlink loop" in reasons["sub/up"]


def test_one_file_can_be_the_root(tmp_path: Path) -> None:
    script = write(tmp_path, "one.sh", "echo\n")
    assert [c.path for c in discover(script).candidates] == ["one.sh"]


def test_one_file_that_is_no_script_is_not_scanned_saying_why(tmp_path: Path) -> None:
    found = discover(write(tmp_path, "prune", "echo hi\nrm -rf /srv/x\n"))

    assert found.candidates == []
    assert [(s.path, s.reason) for s in found.errors] == [
        ("prune", "not a Python or shell script (no .py, .sh... suffix, no shebang naming one)")]


def test_a_package_named_testing_is_read_and_a_testing_folder_is_skipped(tmp_path: Path) -> None:
    write(tmp_path, "py/kubeflow/testing/__init__.py", "")
    write(tmp_path, "py/kubeflow/testing/cleanup_ci.py", "import argparse\n")
    write(tmp_path, "testing/run.sh", "#!/bin/sh\nexit 0\n")
    found = discover(tmp_path)
    assert "py/kubeflow/testing/cleanup_ci.py" in [c.path for c in found.candidates]
    assert ("testing/", "tests") in [(s.path, s.reason) for s in found.skipped]


def test_a_dist_folder_of_packaging_sources_is_read_and_build_output_is_skipped(tmp_path: Path) -> None:
    """``dist/debian/build_deb.sh`` and ``dist/redhat/*.spec`` are how the packages are made;
    a ``dist/`` of wheels and tarballs is what a build wrote."""
    write(tmp_path, "pkg/dist/debian/build_deb.sh", "#!/bin/bash\nrm -rf build/debian\n")
    write(tmp_path, "pkg/dist/redhat/app.spec", "Name: app\n")
    write(tmp_path, "py/dist/app-1.0.tar.gz", b"\x1f\x8b")
    write(tmp_path, "py/dist/app-1.0/setup.sh", "#!/bin/sh\nexit 0\n")
    found = discover(tmp_path)
    assert [c.path for c in found.candidates] == ["pkg/dist/debian/build_deb.sh"]
    assert ("py/dist/", "build output") in [(s.path, s.reason) for s in found.skipped]


def test_a_template_of_a_file_without_a_suffix_is_a_script_by_its_shebang(tmp_path: Path) -> None:
    write(tmp_path, "docker/entrypoint.tmpl", "#!/bin/sh\n/usr/local/bin/run_all.sh\n")
    write(tmp_path, "docker/config.tmpl", "listen = {{ port }}\n")
    write(tmp_path, "Makefile.in", "all:\n\t./configure\n")
    # Terraform's ``templatefile()`` convention: an instance's user data
    write(tmp_path, "template/user-data.tftpl", "#!/bin/bash -e\nyum install -y ${runner_package}\n")
    write(tmp_path, "template/config.toml.tftpl", "concurrent = ${concurrent}\n")

    found = discover(tmp_path)

    assert [(c.path, c.language) for c in found.candidates] == [
        ("docker/entrypoint.tmpl", "shell"), ("template/user-data.tftpl", "shell")]
    assert {"docker/config.tmpl", "Makefile.in", "template/config.toml.tftpl"} <= set(found.files)


def test_a_job_named_for_where_it_goes_is_a_script_by_its_shebang(tmp_path: Path) -> None:
    # copied into /etc/cron.daily by hand, and not executable in the tree (mode 644)
    write(tmp_path, "borg/daily.borg.cron", "#!/usr/bin/env bash\n./borg-run.sh daily\n")
    write(tmp_path, "mac/deploy.command", "#!/bin/sh\nmake deploy\n")
    write(tmp_path, "hpc/purge-scratch.sbatch", "#!/bin/bash\n#SBATCH -p serial\nrm -rf /scratch/old\n")
    write(tmp_path, "build/agent.init", "#!/bin/sh\n# chkconfig: 2345 99 01\n")
    write(tmp_path, "etc/backup.cron", "0 3 * * * root /opt/backup.sh\n")  # a cron table: a caller

    found = discover(tmp_path)

    assert sorted((c.path, c.language) for c in found.candidates) == [
        ("borg/daily.borg.cron", "shell"), ("build/agent.init", "shell"), ("hpc/purge-scratch.sbatch", "shell"),
        ("mac/deploy.command", "shell")]
    assert "etc/backup.cron" in found.files


def test_a_dist_folder_of_platform_scripts_is_read(tmp_path: Path) -> None:
    """A GitHub Action's committed ``dist/``: its bundle, and the scripts each platform runs
    (``dist/platforms/ubuntu/steps/build.sh``, three levels down) are the project's; an unpacked
    release (``dist/tool-v2.3.1-linux-amd64/install.sh``) is what a build wrote."""
    write(tmp_path, "action/dist/index.js", "x\n")
    write(tmp_path, "action/dist/platforms/ubuntu/steps/build.sh", "#!/bin/bash\nrm -rf /github/workspace\n")
    write(tmp_path, "tool/dist/tool-v2.3.1-linux-amd64/install.sh", "#!/bin/sh\nexit 0\n")
    found = discover(tmp_path)
    assert [c.path for c in found.candidates] == ["action/dist/platforms/ubuntu/steps/build.sh"]
    assert ("tool/dist/", "build output") in [(s.path, s.reason) for s in found.skipped]
