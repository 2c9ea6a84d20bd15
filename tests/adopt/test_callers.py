"""Who runs each script: every caller format gives the file, the 1-based line, the kind and the
calling line, from a realistic file; comments, longer names, a script itself and ambiguous names
are not callers."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from opsctl.adopt.callers import find_callers
from opsctl.adopt.model import Caller

SCRIPTS = (
    "scripts/deploy.sh",
    "scripts/backup.sh",
    "scripts/migrate.py",
    "tools/report.py",
    "ops/rotate_logs.sh",
    "pkg/cli.py",
    "src/acme/tasks.py",
    "src/acme/cmd/cleanup.py",
    "app/entry.sh",
    "bin/cleanup",
    "dash/management/commands/update_metrics.py",
)


def make_tree(tmp_path: Path, files: dict[str, str]) -> list[str]:
    for script in SCRIPTS:
        path = tmp_path / script
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            path.write_text("#!/bin/sh\necho hi\n")
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"))
    return sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())


def callers(tmp_path: Path, files: dict[str, str],
            scripts: tuple[str, ...] = SCRIPTS) -> dict[str, list[tuple[str, int, str, str]]]:
    every = make_tree(tmp_path, files)
    found = find_callers(tmp_path, list(scripts), every)
    return {script: [(c.path, c.line, c.kind, c.text) for c in entries]
            for script, entries in found.items()}


CASES = [
    pytest.param(
        {".github/workflows/ci.yml": """
            name: ci
            on: [push]
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - name: deploy
                    run: |
                      echo "starting"
                      # ./scripts/deploy.sh is run below
                      ./scripts/deploy.sh --env prod
                  - run: ./backup.sh --full
                    working-directory: scripts
                  - run: python ${{ github.workspace }}/tools/report.py
            """},
        {"scripts/deploy.sh": [(".github/workflows/ci.yml", 12, "github-actions",
                                "./scripts/deploy.sh --env prod")],
         "scripts/backup.sh": [(".github/workflows/ci.yml", 13, "github-actions",
                                "- run: ./backup.sh --full")],
         "tools/report.py": [(".github/workflows/ci.yml", 15, "github-actions",
                              "- run: python ${{ github.workspace }}/tools/report.py")]},
        id="github-actions-multi-line-run-and-working-directory"),
    pytest.param(
        {".github/workflows/nightly.yaml": """
            on: {schedule: [{cron: "0 3 * * *"}]}
            defaults:
              run:
                working-directory: ops
            jobs:
              rotate:
                runs-on: ubuntu-latest
                steps:
                  - run: >
                      bash rotate_logs.sh
                      --keep 7
            """},
        {"ops/rotate_logs.sh": [(".github/workflows/nightly.yaml", 10, "github-actions",
                                 "bash rotate_logs.sh")]},
        id="github-actions-defaults-working-directory-folded"),
    pytest.param(
        {".github/actions/release/action.yml": """
            name: release
            runs:
              using: composite
              steps:
                - shell: bash
                  run: |
                    set -eu
                    "${{ github.workspace }}/scripts/deploy.sh" "$ENV"
            """},
        {"scripts/deploy.sh": [(".github/actions/release/action.yml", 8, "github-actions",
                                '"${{ github.workspace }}/scripts/deploy.sh" "$ENV"')]},
        id="github-composite-action"),
    pytest.param(
        {".gitlab-ci.yml": """
            include:
              - local: ci/jobs.yml
            stages: [test, deploy]
            before_script:
              - cd scripts
              - ./backup.sh
            deploy:
              stage: deploy
              script:
                - echo deploying  # not ./scripts/deploy.sh
                - ./scripts/deploy.sh
            """,
         "ci/jobs.yml": """
            report:
              script: python tools/report.py
            """},
        {"scripts/backup.sh": [(".gitlab-ci.yml", 6, "gitlab-ci", "- ./backup.sh")],
         "scripts/deploy.sh": [(".gitlab-ci.yml", 11, "gitlab-ci", "- ./scripts/deploy.sh")],
         "tools/report.py": [("ci/jobs.yml", 2, "gitlab-ci", "script: python tools/report.py")]},
        id="gitlab-ci-and-a-local-include"),
    pytest.param(
        {".circleci/config.yml": """
            version: 2.1
            jobs:
              build:
                steps:
                  - checkout
                  - run:
                      name: backup
                      command: scripts/backup.sh
            """,
         "Jenkinsfile": """
            pipeline {
              stages {
                stage('Deploy') {
                  steps {
                    // sh './scripts/backup.sh'
                    sh './scripts/deploy.sh prod'
                  }
                }
              }
            }
            """},
        {"scripts/backup.sh": [(".circleci/config.yml", 8, "ci", "command: scripts/backup.sh")],
         "scripts/deploy.sh": [("Jenkinsfile", 6, "ci", "sh './scripts/deploy.sh prod'")]},
        id="other-ci"),
    pytest.param(
        {"Jenkinsfile.d/core/release": """
            pipeline {
              stages {
                stage('Clean') {
                  steps {
                    sh 'scripts/deploy.sh --cleanRelease'
                  }
                }
              }
            }
            """},
        {"scripts/deploy.sh": [("Jenkinsfile.d/core/release", 5, "ci",
                                "sh 'scripts/deploy.sh --cleanRelease'")]},
        id="a-folder-of-jenkins-pipelines"),
    pytest.param(
        {"app.json": """
            {
              "name": "acme",
              "scripts": {
                "postdeploy": "./scripts/deploy.sh --first && ./manage.py update_metrics"
              },
              "environments": {"test": {"scripts": {"test": "./scripts/backup.sh --check"}}}
            }
            """},
        {"scripts/deploy.sh": [("app.json", 4, "ci",
                                '"postdeploy": "./scripts/deploy.sh --first && ./manage.py update_metrics"')],
         "dash/management/commands/update_metrics.py": [
             ("app.json", 4, "ci",
              '"postdeploy": "./scripts/deploy.sh --first && ./manage.py update_metrics"')]},
        id="heroku-app-json-scripts"),
    pytest.param(
        {"Makefile": """
            migrate:
            \tdocker-compose run app sh -c "/app/bin/wait-for-it.sh db:5432 -- ./scripts/deploy.sh --db"
            backup:
            \tflock /run/backup.lock -- scripts/backup.sh
            """,
         ".github/workflows/e2e.yml": """
            on: push
            jobs:
              e2e:
                runs-on: ubuntu-latest
                steps:
                  - uses: nick-fields/retry@v3
                    with:
                      max_attempts: 3
                      command: |
                        python3 tools/report.py --since 1d
            """},
        {"scripts/deploy.sh": [("Makefile", 2, "makefile",
                                'docker-compose run app sh -c "/app/bin/wait-for-it.sh db:5432 -- '
                                './scripts/deploy.sh --db"')],
         "scripts/backup.sh": [("Makefile", 4, "makefile", "flock /run/backup.lock -- scripts/backup.sh")],
         "tools/report.py": [(".github/workflows/e2e.yml", 10, "github-actions",
                              "python3 tools/report.py --since 1d")]},
        id="commands-run-after-a-wait-a-lock-a-container-shell-and-a-retrying-action"),
    pytest.param(
        {"templates/job.yaml": """
            apiVersion: batch/v1
            kind: Job
            spec:
              template:
                spec:
                  containers:
                    - name: main
                      command:
                        - /bin/bash
                        - -c
                        - |
                          {{- .Files.Get "scripts/deploy.sh" | nindent 14 }}
            ---
            apiVersion: v1
            kind: ConfigMap
            data:
              backup.sh: |
                {{- .Files.Get "scripts/backup.sh" | nindent 4 }}
            """},
        {"scripts/deploy.sh": [("templates/job.yaml", 12, "kubernetes",
                                '{{- .Files.Get "scripts/deploy.sh" | nindent 14 }}')]},
        id="a-helm-template-runs-a-file-of-its-chart"),
    pytest.param(
        {"Makefile": """
            PYTHON ?= python3
            # deploy: ./scripts/deploy.sh
            .PHONY: deploy
            deploy: scripts/deploy.sh
            \t@./scripts/deploy.sh $(ENV)
            migrate:
            \t-$(PYTHON) scripts/migrate.py --apply
            rotate:
            \tcd ops && ./rotate_logs.sh \\
            \t  --keep 7
            report: ; $(PYTHON) $(CURDIR)/tools/report.py
            """},
        {"scripts/deploy.sh": [("Makefile", 5, "makefile", "@./scripts/deploy.sh $(ENV)")],
         "scripts/migrate.py": [("Makefile", 7, "makefile",
                                 "-$(PYTHON) scripts/migrate.py --apply")],
         "ops/rotate_logs.sh": [("Makefile", 9, "makefile", "cd ops && ./rotate_logs.sh \\")],
         "tools/report.py": [("Makefile", 11, "makefile",
                              "report: ; $(PYTHON) $(CURDIR)/tools/report.py")]},
        id="makefile-recipes-cd-variables-and-prefixes"),
    pytest.param(
        {"justfile": """
            # run ./scripts/backup.sh by hand
            deploy env:
                ./scripts/deploy.sh {{env}}
            """,
         "tox.ini": """
            [tox]
            envlist = py311

            [testenv:report]
            commands =
                python {toxinidir}/tools/report.py
                python scripts/migrate.py --check
            """},
        {"scripts/deploy.sh": [("justfile", 3, "justfile", "./scripts/deploy.sh {{env}}")],
         "tools/report.py": [("tox.ini", 6, "tox", "python {toxinidir}/tools/report.py")],
         "scripts/migrate.py": [("tox.ini", 7, "tox", "python scripts/migrate.py --check")]},
        id="justfile-and-tox"),
    pytest.param(
        {"deploy/crontab": """
            SHELL=/bin/bash
            # 0 1 * * * /opt/app/scripts/deploy.sh
            30 2 * * * /opt/app/scripts/backup.sh >> /var/log/backup.log 2>&1
            @daily cd /opt/app && ops/rotate_logs.sh
            """,
         "etc/cron.d/reports": """
            15 6 * * 1-5 app python3 /srv/app/tools/report.py --weekly
            """},
        {"scripts/backup.sh": [("deploy/crontab", 3, "cron",
                                "30 2 * * * /opt/app/scripts/backup.sh >> /var/log/backup.log 2>&1")],
         "ops/rotate_logs.sh": [("deploy/crontab", 4, "cron",
                                 "@daily cd /opt/app && ops/rotate_logs.sh")],
         "tools/report.py": [("etc/cron.d/reports", 1, "cron",
                              "15 6 * * 1-5 app python3 /srv/app/tools/report.py --weekly")]},
        id="cron-tables"),
    pytest.param(
        {"k8s/backup-cronjob.yaml": """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: backup
            spec:
              schedule: "0 2 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers:
                        - name: backup
                          image: acme/ops:1
                          command: ["/bin/sh", "-c"]
                          args:
                            - /app/scripts/backup.sh --full
            """},
        {"scripts/backup.sh": [("k8s/backup-cronjob.yaml", 16, "cron",
                                "- /app/scripts/backup.sh --full")]},
        id="kubernetes-cronjob"),
    pytest.param(
        {"systemd/report.service": """
            [Service]
            Type=oneshot
            ExecStart=/usr/bin/python3 /opt/app/tools/report.py
            """,
         "systemd/report.timer": """
            [Timer]
            OnCalendar=daily
            """,
         "app/celery_config.py": """
            from celery.schedules import crontab
            beat_schedule = {
                "nightly-backup": {
                    "task": "acme.run_script",
                    "schedule": crontab(hour=2),
                    "args": ["scripts/backup.sh"],
                },
            }
            """},
        {"tools/report.py": [("systemd/report.service", 3, "cron",
                              "ExecStart=/usr/bin/python3 /opt/app/tools/report.py")],
         "scripts/backup.sh": [("app/celery_config.py", 6, "cron",
                                '"args": ["scripts/backup.sh"],')]},
        id="systemd-timer-and-celery-beat"),
    pytest.param(
        {"Dockerfile": """
            FROM python:3.12-slim
            COPY app/entry.sh /app/entry.sh
            COPY scripts/ /app/scripts/
            RUN chmod +x /app/entry.sh \\
             && /app/scripts/migrate.py --check \\
             && echo done
            ENTRYPOINT ["/app/entry.sh"]
            CMD ["python", "-m", "pkg.cli", "serve"]
            """},
        {"app/entry.sh": [("Dockerfile", 7, "dockerfile", 'ENTRYPOINT ["/app/entry.sh"]')],
         "scripts/migrate.py": [("Dockerfile", 5, "dockerfile",
                                 "&& /app/scripts/migrate.py --check \\")],
         "pkg/cli.py": [("Dockerfile", 8, "dockerfile",
                         'CMD ["python", "-m", "pkg.cli", "serve"]')]},
        id="dockerfile-run-continuation-exec-form-copy-is-not-a-call"),
    pytest.param(
        {"docker-compose.yml": """
            services:
              worker:
                image: acme/ops
                entrypoint: ["/bin/sh", "-c"]
                command:
                  - ./scripts/backup.sh && python tools/report.py
              web:
                command: python -m pkg.cli serve
            """},
        {"scripts/backup.sh": [("docker-compose.yml", 6, "compose",
                                "- ./scripts/backup.sh && python tools/report.py")],
         "tools/report.py": [("docker-compose.yml", 6, "compose",
                              "- ./scripts/backup.sh && python tools/report.py")],
         "pkg/cli.py": [("docker-compose.yml", 8, "compose", "command: python -m pkg.cli serve")]},
        id="compose-command-list-and-string"),
    pytest.param(
        {"pyproject.toml": """
            [project]
            name = "acme"

            [project.scripts]
            acme = "pkg.cli:main"
            acme-tasks = "acme.tasks:run"
            """},
        {"pkg/cli.py": [("pyproject.toml", 5, "entry-point", 'acme = "pkg.cli:main"')],
         "src/acme/tasks.py": [("pyproject.toml", 6, "entry-point",
                                'acme-tasks = "acme.tasks:run"')]},
        id="pyproject-scripts"),
    pytest.param(
        {"setup.py": """
            from setuptools import setup

            setup(
                name="acme",
                entry_points={
                    "console_scripts": [
                        "acme = pkg.cli:main",
                    ],
                },
                scripts=["bin/cleanup"],
            )
            """},
        {"pkg/cli.py": [("setup.py", 7, "entry-point", '"acme = pkg.cli:main",')],
         "bin/cleanup": [("setup.py", 10, "entry-point", 'scripts=["bin/cleanup"],')]},
        id="setup-py-console-scripts-and-scripts"),
    pytest.param(
        {"setup.cfg": """
            [metadata]
            name = acme

            [options]
            scripts =
                bin/cleanup

            [options.entry_points]
            console_scripts =
                acme-tasks = acme.tasks:run
            """},
        {"bin/cleanup": [("setup.cfg", 6, "entry-point", "bin/cleanup")],
         "src/acme/tasks.py": [("setup.cfg", 10, "entry-point", "acme-tasks = acme.tasks:run")]},
        id="setup-cfg-entry-points-and-scripts"),
    pytest.param(
        {"pyproject.toml": """
            [project]
            name = "acme"

            [project.entry-points."acme.cm"]
            cleanup = "acme.cmd.cleanup:Cleanup"

            [project.entry-points."pytest11"]
            acme = "acme.tasks"
            """},
        {"src/acme/cmd/cleanup.py": [("pyproject.toml", 5, "entry-point",
                                      'cleanup = "acme.cmd.cleanup:Cleanup"')]},
        id="a-clis-subcommands-registered-as-entry-points"),
    pytest.param(
        {"scripts/deploy.sh": """
            #!/usr/bin/env bash
            set -euo pipefail
            HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
            # ./backup.sh runs first
            "$HERE/backup.sh" --quick
            bash "$(dirname "$0")/../ops/rotate_logs.sh"
            python3 tools/report.py
            python -m pkg.cli deploy
            echo "then run ./scripts/migrate.py"
            """},
        {"scripts/backup.sh": [("scripts/deploy.sh", 5, "script", '"$HERE/backup.sh" --quick')],
         "ops/rotate_logs.sh": [("scripts/deploy.sh", 6, "script",
                                 'bash "$(dirname "$0")/../ops/rotate_logs.sh"')],
         "tools/report.py": [("scripts/deploy.sh", 7, "script", "python3 tools/report.py")],
         "pkg/cli.py": [("scripts/deploy.sh", 8, "script", "python -m pkg.cli deploy")]},
        id="shell-script-calling-others"),
    pytest.param(
        {"tools/report.py": """
            \"\"\"Report. Run ./scripts/backup.sh first.\"\"\"
            import subprocess
            import sys

            def main() -> None:
                print("see scripts/deploy.sh")
                subprocess.run(["bash", "scripts/backup.sh", "--quick"], check=True)
                subprocess.check_call(
                    [sys.executable, "-m", "pkg.cli",
                     "report"])
                os.system("./scripts/deploy.sh prod")
            """},
        {"scripts/backup.sh": [("tools/report.py", 7, "script",
                                'subprocess.run(["bash", "scripts/backup.sh", "--quick"], check=True)')],
         "pkg/cli.py": [("tools/report.py", 9, "script", '[sys.executable, "-m", "pkg.cli",')],
         "scripts/deploy.sh": [("tools/report.py", 11, "script",
                                'os.system("./scripts/deploy.sh prod")')]},
        id="python-subprocess-and-os-system"),
    pytest.param(
        {"ops/nightly.py": """
            import subprocess
            from pathlib import Path

            from apscheduler.schedulers.blocking import BlockingScheduler

            HERE = Path(__file__).resolve().parent
            BACKUP = HERE.parent / "scripts" / "backup.sh"
            sched = BlockingScheduler()

            @sched.scheduled_job("cron", hour=2)
            def nightly() -> None:
                subprocess.run([str(BACKUP), "--full"], check=True)

            def report() -> None:
                subprocess.run(["python", "tools/report.py"], check=True)

            sched.add_job(report, "cron", hour=6)
            """},
        {"scripts/backup.sh": [("ops/nightly.py", 12, "cron",
                                'subprocess.run([str(BACKUP), "--full"], check=True)')],
         "tools/report.py": [("ops/nightly.py", 15, "cron",
                              'subprocess.run(["python", "tools/report.py"], check=True)')]},
        id="apscheduler-jobs-through-a-path-variable"),
    pytest.param(
        {"Procfile": "release: scripts/migrate.py --apply\nweb: gunicorn app:wsgi\n",
         "Makefile": "metrics:\n\tpython manage.py update_metrics --quiet\n",
         "dash/management/commands/update_metrics.py": "print('x')\n",
         "dash/tasks.py": "from django.core.management import call_command\n\n"
                          "call_command('update_metrics', verbosity=0)\n"},
        {"scripts/migrate.py": [("Procfile", 1, "ci", "release: scripts/migrate.py --apply")],
         "dash/management/commands/update_metrics.py": [
             ("Makefile", 2, "makefile", "python manage.py update_metrics --quiet"),
             ("dash/tasks.py", 3, "script", "call_command('update_metrics', verbosity=0)")]},
        id="procfile-and-django-management-command"),
    pytest.param(
        {".pre-commit-config.yaml": """
            repos:
              - repo: local
                hooks:
                  - id: migrations
                    name: check migrations
                    entry: python scripts/migrate.py --check
                    language: system
            """},
        {"scripts/migrate.py": [(".pre-commit-config.yaml", 6, "ci",
                                 "entry: python scripts/migrate.py --check")]},
        id="pre-commit-local-hook"),
    pytest.param(
        {"conf/logrotate.conf": """
            /var/log/app/*.log {
              daily
              postrotate
                /opt/app/scripts/deploy.sh --reload > /dev/null
              endscript
            }
            """,
         "packaging/logrotate.d/app": """
            /var/log/app/audit.log {
              prerotate
                bin/cleanup --old
              endscript
              missingok
            }
            """},
        {"scripts/deploy.sh": [("conf/logrotate.conf", 4, "cron", "/opt/app/scripts/deploy.sh --reload > /dev/null")],
         "bin/cleanup": [("packaging/logrotate.d/app", 3, "cron", "bin/cleanup --old")]},
        id="logrotate-postrotate-and-prerotate-blocks"),
    pytest.param(
        {"updatecli/updatecli.d/chart.yml": """
            name: chart
            targets:
              images:
                name: "Update the images"
                kind: "shell"
                spec:
                  command: bash ./scripts/backup.sh rke2-calico {{ source "calico" }}
            """},
        {"scripts/backup.sh": [("updatecli/updatecli.d/chart.yml", 7, "ci",
                                'command: bash ./scripts/backup.sh rke2-calico {{ source "calico" }}')]},
        id="a-tools-yaml-manifest-with-command-keys"),
    pytest.param(
        {"scripts/bump.sh": """
            #!/bin/bash
            TREE_STATE=cleanup
            for file in scripts/deploy.sh Makefile; do
              sed -i 's/v1/v2/' "$file"
            done
            for job in $(scripts/backup.sh --list); do echo "$job"; done
            """},
        {"scripts/backup.sh": [("scripts/bump.sh", 6, "script",
                                'for job in $(scripts/backup.sh --list); do echo "$job"; done')]},
        id="a-loops-word-list-and-a-bare-word-set-are-data"),
    pytest.param(
        {"ops/migrate.sh": """
            #!/bin/bash
            DEPLOY_BIN='/opt/app/scripts/deploy.sh'
            REPORT="$HERE/tools/report.py"
            CMD="/opt/app/scripts/backup.sh --full --to /srv"
            echo "deploying"
            ${DEPLOY_BIN} --check
            done < <(python3 "$REPORT" --since "$1")
            pgrep -f "python $REPORT"
            su app -c "$CMD"
            """},
        {"scripts/deploy.sh": [("ops/migrate.sh", 6, "script", "${DEPLOY_BIN} --check")],
         "tools/report.py": [("ops/migrate.sh", 7, "script",
                              'done < <(python3 "$REPORT" --since "$1")')],
         "scripts/backup.sh": [("ops/migrate.sh", 4, "script",
                                'CMD="/opt/app/scripts/backup.sh --full --to /srv"')]},
        id="a-variable-naming-a-script-is-called-where-it-runs"),
]


@pytest.mark.parametrize(("files", "expected"), CASES)
def test_each_caller_format_is_found_with_its_line(
        tmp_path: Path, files: dict[str, str],
        expected: dict[str, list[tuple[str, int, str, str]]]) -> None:
    assert callers(tmp_path, files) == expected


def test_a_celery_beat_task_named_by_its_module_runs_that_script(tmp_path: Path) -> None:
    files = {"website/settings.py": """
        from celery.schedules import crontab
        class CeleryConfig:
            beat_schedule = {
                "retract": {
                    "task": "scripts.retract_registrations",
                    "schedule": crontab(hour=5),
                },
                "sessions": {"task": "management.commands.clear_sessions", "schedule": 60},
                "report": {"task": "tools.report.main", "schedule": 60},
                "elsewhere": {"task": "billing.tasks.charge", "schedule": 60},
                "bare": {"task": "report", "schedule": 60},
            }
        """}
    scripts = ("scripts/retract_registrations.py", "app/management/commands/clear_sessions.py",
               "tools/report.py", "jobs/report.py")
    found = callers(tmp_path, files, scripts)
    assert {script: [(path, line, kind) for path, line, kind, _ in entries]
            for script, entries in found.items()} == {
        "scripts/retract_registrations.py": [("website/settings.py", 5, "cron")],
        "app/management/commands/clear_sessions.py": [("website/settings.py", 8, "cron")],
        "tools/report.py": [("website/settings.py", 9, "cron")]}


CONFIGURATION_CASES = [
    pytest.param(
        {"modules/sync/files/usr/local/bin/env_sync.sh": "#!/bin/sh\necho sync\n",
         "modules/sync/files/node_clean.sh": "#!/bin/sh\necho clean\n",
         "modules/sync/manifests/task.pp": """
            file { '/usr/local/bin/env_sync.sh':
              source => 'puppet:///modules/sync/usr/local/bin/env_sync.sh',
            }
            $cmd = shellquote([
              '/usr/bin/ionice','-c','2',
              '/usr/local/bin/env_sync.sh','-f',"${conf}/${title}.cfg",
              ])
            cron::crondotdee { 'node_clean':
              command => '/usr/local/bin/node_clean.sh >> /var/log/clean.log 2>&1',
              hour    => '*',
            }
            """},
        {"modules/sync/files/usr/local/bin/env_sync.sh": [
            ("modules/sync/manifests/task.pp", 6, "script",
             "'/usr/local/bin/env_sync.sh','-f',\"${conf}/${title}.cfg\",")],
         "modules/sync/files/node_clean.sh": [
             ("modules/sync/manifests/task.pp", 9, "cron",
              "command => '/usr/local/bin/node_clean.sh >> /var/log/clean.log 2>&1',")]},
        id="puppet-manifest-commands-not-file-sources"),
    pytest.param(
        {"files/consul/event_handler.sh": "#!/bin/sh\necho event\n",
         "files/slurm/nvidia_gres.sh": "#!/bin/sh\necho gres\n",
         "files/users/create_user.py": "#!/usr/bin/env python3\nprint('user')\n",
         "files/ipa/kinit_wrapper": "#!/bin/sh\nexec \"$@\"\n",
         "files/ipa/unused.sh": "#!/bin/sh\necho unused\n",
         "manifests/site.pp": """
            @consul::watch { 'puppet_event':
              args => ['/usr/bin/event_handler.sh'],
            }
            if $gpu {
              $gres_cmd = '/opt/slurm/bin/nvidia_gres.sh --with-type'
            }
            exec { 'gres': command => "${gres_cmd} > /etc/slurm/gres.conf" }
            $keytab_command = @("EOT")
              kinit_wrapper ipa-getkeytab -p svc \\
              -k /etc/svc.keytab
              |EOT
            exec { 'keytab': command => $keytab_command }
            $command = range(1, $count).map |$i| {
              "create_user.py user${i}"
            }
            exec { 'users': command => $command }
            $unused = '/usr/bin/unused.sh --never-run'
            file { $unused: ensure => present }
            """},
        {"files/consul/event_handler.sh": [("manifests/site.pp", 2, "script",
                                            "args => ['/usr/bin/event_handler.sh'],")],
         "files/slurm/nvidia_gres.sh": [("manifests/site.pp", 5, "script",
                                         "$gres_cmd = '/opt/slurm/bin/nvidia_gres.sh --with-type'")],
         "files/ipa/kinit_wrapper": [("manifests/site.pp", 9, "script",
                                      "kinit_wrapper ipa-getkeytab -p svc \\")],
         "files/users/create_user.py": [("manifests/site.pp", 14, "script", '"create_user.py user${i}"')]},
        id="puppet-args-and-the-variables-a-command-runs"),
    pytest.param(
        {"templates/forgejo/backup.erb.sh": "#!/bin/bash\nforgejo dump\n",
         "templates/mariadb/purge-binlogs.erb.sh": "#!/bin/bash\nmysql -e 'PURGE BINARY LOGS'\n",
         "templates/unused.erb.sh": "#!/bin/bash\necho unused\n",
         "manifests/forgejo.pp": """
            file { '/opt/forgejo/rclone.conf':
              content => template('sunet/forgejo/rclone.conf.erb'),
            }
            -> file{ '/opt/forgejo/backup.sh':
              content => template('sunet/forgejo/backup.erb.sh'),
              mode    => '0744',
            }
            -> sunet::scriptherder::cronjob { 'forgejo_backup':
              cmd    => '/opt/forgejo/backup.sh',
              minute => '20',
            }
            file { '/usr/local/bin/purge-binlogs':
              content => epp('sunet/mariadb/purge-binlogs.erb.sh'),
            }
            exec { 'purge':
              cmd => '/usr/local/bin/purge-binlogs',
            }
            """},
        {"templates/forgejo/backup.erb.sh": [("manifests/forgejo.pp", 9, "cron",
                                              "cmd    => '/opt/forgejo/backup.sh',")],
         "templates/mariadb/purge-binlogs.erb.sh": [("manifests/forgejo.pp", 16, "script",
                                                     "cmd => '/usr/local/bin/purge-binlogs',")]},
        id="puppet-templates-installed-and-a-site-cron-type"),
    pytest.param(
        {"files/slurm/epilog": "#!/bin/sh\nrm -rf /scratch/$SLURM_JOB_ID\n",
         "files/slurm/slurm_mail": "#!/bin/sh\nmail \"$@\"\n",
         "templates/slurm/slurm.conf.epp": "# Prolog=/etc/slurm/prolog\nEpilog=/etc/slurm/epilog\n"
                                           "MailProg=/usr/sbin/slurm_mail\nClusterName=x\n"},
        {"files/slurm/epilog": [("templates/slurm/slurm.conf.epp", 2, "script", "Epilog=/etc/slurm/epilog")],
         "files/slurm/slurm_mail": [("templates/slurm/slurm.conf.epp", 3, "script",
                                     "MailProg=/usr/sbin/slurm_mail")]},
        id="slurm-hooks"),
    pytest.param(
        {"files/bugs/backup.bash": "#!/bin/bash\npg_dumpall > /backup/all.sql\n",
         "files/haproxy/ocsp": "#!/usr/bin/env python3\nprint('ocsp')\n",
         "files/setup.sh": "#!/bin/sh\necho setup\n",
         "states/bugs.sls": """
            /var/lib/postgresql/backup.bash:
              file.managed:
                - source: salt://bugs/backup.bash
                - mode: "0750"

            nightly_backup:
              cron.present:
                - name: /var/lib/postgresql/backup.bash
                - hour: 23

            /usr/local/bin/haproxy-ocsp:
              file.managed:
                - source: salt://haproxy/ocsp

            haproxy-ocsp:
              {% if ocsp %}
              cron.present:
                - minute: 0
              {% else %}
              cron.absent:
              {% endif %}
                - name: /usr/local/bin/haproxy-ocsp >> /var/log/ocsp.log 2>&1

            run_setup:
              cmd.script:
                - source: salt://setup.sh
            """},
        {"files/bugs/backup.bash": [("states/bugs.sls", 8, "cron", "- name: /var/lib/postgresql/backup.bash")],
         "files/haproxy/ocsp": [("states/bugs.sls", 22, "cron",
                                 "- name: /usr/local/bin/haproxy-ocsp >> /var/log/ocsp.log 2>&1")],
         "files/setup.sh": [("states/bugs.sls", 26, "script", "- source: salt://setup.sh")]},
        id="salt-states"),
    pytest.param(
        {"files/aws/site-backup.sh": "#!/bin/sh\naws s3 sync /var/www s3://b/\n",
         "files/sensors_check.sh": "#!/bin/sh\nsensors\n",
         "files/unused.sh": "#!/bin/sh\necho unused\n",
         "states/backup.sls": """
            /home/tools/bin/site-backup.sh:
              file.managed:
                - source: salt://aws/site-backup.sh
                - mode: 750

            /etc/cron.d/site_backup:
              file.managed:
                - contents: |
                    MAILTO=root
                    15 04 * * * root /home/tools/bin/site-backup.sh
                - require:
                  - file: /home/tools/bin/site-backup.sh

            /etc/cron.hourly/sensors_check:
              file.managed:
                - source: salt://sensors_check.sh
                - mode: 755
            """},
        {"files/aws/site-backup.sh": [("states/backup.sls", 10, "cron",
                                       "15 04 * * * root /home/tools/bin/site-backup.sh")],
         "files/sensors_check.sh": [("states/backup.sls", 15, "cron", "file.managed:")]},
        id="salt-cron-tables-and-periodic-folders"),
    pytest.param(
        {"files/plugins/restart_service": "#!/bin/sh\nsystemctl restart \"$1\"\n",
         "files/event_handlers/high_memory.sh": "#!/bin/sh\necho high\n",
         "files/bin/app_spinup": "#!/bin/sh\nexec app\n",
         "templates/nrpe.cfg.erb": "command[restart_service]=/usr/lib/nagios/plugins/restart_service $ARG1$\n",
         "files/high_memory.cfg": "define command {\n  command_line /usr/local/bin/event_handlers/high_memory.sh\n}\n",
         "templates/app_upstart.conf.erb": "script\n  exec setenv \"<%= @title %>\" app_spinup\nend script\n"},
        {"files/plugins/restart_service": [
            ("templates/nrpe.cfg.erb", 1, "script",
             "command[restart_service]=/usr/lib/nagios/plugins/restart_service $ARG1$")],
         "files/event_handlers/high_memory.sh": [
             ("files/high_memory.cfg", 2, "script",
              "command_line /usr/local/bin/event_handlers/high_memory.sh")],
         "files/bin/app_spinup": [
             ("templates/app_upstart.conf.erb", 2, "script",
              'exec setenv "<%= @title %>" app_spinup')]},
        id="nrpe-icinga-and-upstart-command-definitions"),
    pytest.param(
        {"files/start_tests.sh": "#!/bin/sh\nmake \"$1\"\n",
         "files/stop-supervisor": "#!/bin/sh\nkill -QUIT $PPID\n",
         ".github/workflows/ci.yml": """
            on: push
            jobs:
              api:
                strategy:
                  matrix:
                    tests:
                      - name: api-test
                        command: /start_tests.sh test_coverage
                      - name: api-lint
                        command: tox -e linters
                steps:
                  - run: docker exec tools ${{ matrix.tests.command }}
            """,
         "templates/supervisor_task.conf.j2": "[eventlistener:superwatcher]\n"
                                              "command=stop-supervisor\nevents=PROCESS_STATE_FATAL\n"},
        {"files/start_tests.sh": [
            (".github/workflows/ci.yml", 8, "github-actions", "command: /start_tests.sh test_coverage")],
         "files/stop-supervisor": [
             ("templates/supervisor_task.conf.j2", 2, "script", "command=stop-supervisor")]},
        id="a-nested-matrix-key-and-a-supervisord-template"),
    pytest.param(
        {"modules/sync/files/registry-clean": "#!/bin/bash\ndeckschrubber -repos 1000\n",
         "modules/sync/files/project/arch/sync": "#!/bin/sh\nrsync -a src/ /opt/mirrors/arch/\n",
         "modules/sync/files/project/ubuntu/sync": "#!/bin/sh\nrsync -a src/ /opt/mirrors/ubuntu/\n",
         "modules/sync/manifests/init.pp": """
            class sync {
              file { '/opt/share/puppet/docker-registry-clean':
                source  => 'puppet:///modules/sync/registry-clean',
                mode    => '0755',
              } ->
              cron { 'registry-clean':
                command => 'chronic /opt/share/puppet/docker-registry-clean',
                hour    => 7,
              }
              file {
                '/opt/mirrors/project':
                  ensure  => directory,
                  source  => 'puppet:///modules/sync/project/',
                  recurse => true;
              }
              sync::timer { 'arch':
                exec_start => '/opt/mirrors/project/arch/sync',
              }
            }
            """},
        {"modules/sync/files/registry-clean": [
            ("modules/sync/manifests/init.pp", 7, "cron", "command => 'chronic /opt/share/puppet/docker-registry-clean',")],
         "modules/sync/files/project/arch/sync": [
            ("modules/sync/manifests/init.pp", 17, "script", "exec_start => '/opt/mirrors/project/arch/sync',")]},
        id="puppet-file-sources-and-a-defined-types-exec-start"),
    pytest.param(
        {"files/backup-mysql": "#!/bin/sh\nmysqldump --all-databases\n",
         "files/session-cleanup": "#!/bin/sh\npkill -u \"$USER\"\n",
         "conf/rsnapshot.conf": "config_version\t1.2\ncmd_preexec\t/usr/bin/kinit -k\n"
                                "backup_script\t/opt/share/backups/backup-mysql\tmysql/\n",
         "conf/lightdm.conf": "[Seat:*]\nsession-cleanup-script=/etc/lightdm/session-cleanup\n"},
        {"files/backup-mysql": [("conf/rsnapshot.conf", 3, "script",
                                 "backup_script\t/opt/share/backups/backup-mysql\tmysql/")],
         "files/session-cleanup": [("conf/lightdm.conf", 2, "script",
                                    "session-cleanup-script=/etc/lightdm/session-cleanup")]},
        id="rsnapshot-and-lightdm-hooks"),
]


BUILD_TOOL_CASES = [
    pytest.param(
        {"api/spec/build-model.sh": "#!/bin/sh\nsmithy build\n",
         "api/build.gradle": """
            task buildModel(type: Exec) {
                workingDir "$projectDir/spec"
                commandLine "./build-model.sh"
            }
            task other(type: Exec) {
                commandLine 'sh', './spec/build-model.sh'
            }
            """},
        {"api/spec/build-model.sh": [("api/build.gradle", 3, "gradle", 'commandLine "./build-model.sh"'),
                                     ("api/build.gradle", 6, "gradle", "commandLine 'sh', './spec/build-model.sh'")]},
        id="gradle-exec-tasks"),
    pytest.param(
        {"scripts/workspace-status.sh": "#!/bin/sh\necho STABLE_GIT_COMMIT x\n",
         ".bazelrc": "# stamping\nbuild --workspace_status_command=scripts/workspace-status.sh\n"},
        {"scripts/workspace-status.sh": [
            (".bazelrc", 2, "bazel", "build --workspace_status_command=scripts/workspace-status.sh")]},
        id="bazel-workspace-status"),
    pytest.param(
        {"tools/wheels/cibw_before_build.sh": "#!/bin/sh\npip install x\n",
         "tools/wheels/repair_windows.sh": "#!/bin/sh\ndelvewheel repair \"$1\"\n",
         "pyproject.toml": """
            [tool.cibuildwheel]
            before-build = "bash {project}/tools/wheels/cibw_before_build.sh {project}"

            [tool.cibuildwheel.windows]
            repair-wheel-command = "bash -el ./tools/wheels/repair_windows.sh {wheel} {dest_dir}"
            """},
        {"tools/wheels/cibw_before_build.sh": [
            ("pyproject.toml", 2, "script", 'before-build = "bash {project}/tools/wheels/cibw_before_build.sh {project}"')],
         "tools/wheels/repair_windows.sh": [
            ("pyproject.toml", 5, "script",
             'repair-wheel-command = "bash -el ./tools/wheels/repair_windows.sh {wheel} {dest_dir}"')]},
        id="cibuildwheel-commands"),
    pytest.param(
        {"ci/deploy.sh": "#!/bin/sh\nkubectl apply -f x\n",
         "ci/deploy_cloudbuild.yaml": "steps:\n- name: gcr.io/cloud-builders/gcloud\n"
                                      "  entrypoint: bash\n  args: ['./ci/deploy.sh']\n"},
        {"ci/deploy.sh": [("ci/deploy_cloudbuild.yaml", 4, "ci", "args: ['./ci/deploy.sh']")]},
        id="a-cloud-build-file-named-for-its-job"),
    pytest.param(
        {"scripts/wait-for.sh": "#!/bin/sh\nnc -z \"$1\"\n",
         "scripts/run-dev.sh": "#!/bin/sh\n./scripts/wait-for.sh web:80 --timeout 60 -- echo up\n"},
        {"scripts/wait-for.sh": [("scripts/run-dev.sh", 2, "script",
                                  "./scripts/wait-for.sh web:80 --timeout 60 -- echo up")]},
        id="the-projects-own-wait-for-with-a-command-after-dashes"),
    pytest.param(
        {".github/actions/deploy/deploy.sh": "#!/bin/sh\naws lambda update-function-code\n",
         ".github/actions/deploy/action.yml": """
            name: deploy
            runs:
              using: composite
              steps:
                - shell: bash
                  run: |
                    "${{ github.action_path }}/deploy.sh" "${{ inputs.name }}"
            """},
        {".github/actions/deploy/deploy.sh": [(".github/actions/deploy/action.yml", 7, "github-actions",
                                               '"${{ github.action_path }}/deploy.sh" "${{ inputs.name }}"')]},
        id="a-composite-actions-own-script"),
    pytest.param(
        {"bin/has_write_node.sh": "#!/bin/sh\npsql -c 'select 1'\n",
         "bin/drain.sh": "#!/bin/sh\npgpool detach\n",
         "k8s/deployment.yaml": """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                  - name: pgpool
                    image: pgpool
                    livenessProbe:
                      exec:
                        command: ['bash', '-c', '/usr/local/bin/has_write_node.sh']
                    lifecycle:
                      preStop:
                        exec:
                          command: ["/usr/local/bin/drain.sh"]
            """},
        {"bin/has_write_node.sh": [("k8s/deployment.yaml", 11, "kubernetes",
                                    "command: ['bash', '-c', '/usr/local/bin/has_write_node.sh']")],
         "bin/drain.sh": [("k8s/deployment.yaml", 15, "kubernetes", 'command: ["/usr/local/bin/drain.sh"]')]},
        id="kubernetes-probes-and-lifecycle-hooks"),
    pytest.param(
        {"scripts/export.sh": "#!/bin/sh\npg_dump x\n",
         "chart/templates/cronjob.yaml": """
            apiVersion: batch/v1
            kind: CronJob
            spec:
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers:
                        - name: exporter
                          image: "{{ .Values.image }}"
                          command: ["/bin/bash", "-c"]
                          args:
                            - |
                              ARCH=$(uname -m)
                              /scripts/export.sh
            {{ if .Values.resources }}
                          resources:
            {{ toYaml .Values.resources | indent 14 }}
            {{- end }}
            """},
        {"scripts/export.sh": [("chart/templates/cronjob.yaml", 15, "cron", "/scripts/export.sh")]},
        id="a-helm-templates-action-lines-and-a-script-of-many-lines"),
    pytest.param(
        {"scripts/on_role_change.sh": "#!/bin/sh\necho \"$1\"\n",
         # a string with an invalid escape (a SyntaxWarning): still read, whatever the warnings
         # filter of the process that scans (this suite turns warnings into errors)
         "scripts/configure.py": "import re\nimport subprocess\nROLE = re.compile('\\d+')\n"
                                 "subprocess.call(['/scripts/on_role_change.sh', 'master'])\n"},
        {"scripts/on_role_change.sh": [("scripts/configure.py", 4, "script",
                                        "subprocess.call(['/scripts/on_role_change.sh', 'master'])")]},
        id="a-python-caller-with-an-invalid-escape"),
    pytest.param(
        {"scripts/switch-terraform-version.sh": "#!/bin/sh\ntfswitch \"$1\"\n",
         "terraform/account/.envrc": "source ../../scripts/./switch-terraform-version.sh -v\n"},
        {"scripts/switch-terraform-version.sh": [("terraform/account/.envrc", 1, "script",
                                                  "source ../../scripts/./switch-terraform-version.sh -v")]},
        id="direnvs-envrc"),
    pytest.param(
        {"scripts/upgrade.sh.in": "#!/bin/bash\nsalt-run state.orchestrate x\n",
         "scripts/backup.sh.in": "#!/bin/bash\ntar czf /var/backup.tgz /etc/x\n",
         "scripts/solutions.sh": "#!/bin/bash\nBASE_DIR=$(dirname \"$0\")\n\"$BASE_DIR\"/backup.sh\n",
         ".github/workflows/upgrade.yml": """
            on: push
            jobs:
              upgrade:
                runs-on: ubuntu-latest
                steps:
                  - uses: ./.github/actions/run-command-ssh
                    with:
                      COMMAND: sudo /srv/product/upgrade.sh --verbose
            """},
        {"scripts/upgrade.sh.in": [(".github/workflows/upgrade.yml", 8, "github-actions",
                                    "COMMAND: sudo /srv/product/upgrade.sh --verbose")],
         "scripts/backup.sh.in": [("scripts/solutions.sh", 3, "script", '"$BASE_DIR"/backup.sh')]},
        id="script-templates-and-an-actions-command-input"),
    pytest.param(
        {"scripts/deploy.sh": "#!/bin/bash\nsystemctl restart app\n",
         ".github/actions/remote/action.yml": """
            name: remote
            inputs:
              step: {required: true}
            runs:
              using: composite
              steps:
                - shell: bash
                  run: ssh "$HOST" "${{ inputs.step }}"
            """,
         ".github/workflows/deploy.yml": """
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - uses: ./.github/actions/remote
                    with:
                      step: sudo /srv/app/scripts/deploy.sh
            """},
        {"scripts/deploy.sh": [(".github/workflows/deploy.yml", 8, "github-actions",
                                "step: sudo /srv/app/scripts/deploy.sh")]},
        id="an-input-a-local-action-runs-over-ssh"),
]


@pytest.mark.parametrize(("files", "expected"), BUILD_TOOL_CASES)
def test_build_tools_name_the_scripts_they_run(
        tmp_path: Path, files: dict[str, str],
        expected: dict[str, list[tuple[str, int, str, str]]]) -> None:
    scripts = tuple(path for path in files if path.endswith((".sh", ".sh.in")))
    assert callers(tmp_path, files, scripts) == expected


@pytest.mark.parametrize(("files", "expected"), CONFIGURATION_CASES)
def test_configuration_management_and_daemon_configs_name_their_commands(
        tmp_path: Path, files: dict[str, str],
        expected: dict[str, list[tuple[str, int, str, str]]]) -> None:
    scripts = tuple(path for path in files if (path.startswith(("files/", "modules/sync/files/"))
                    or (path.startswith("templates/") and path.endswith(".sh"))) and not path.endswith(".pp"))
    assert callers(tmp_path, files, scripts) == expected


NEGATIVES = [
    pytest.param({"Makefile": "# ./scripts/deploy.sh\nall:\n\t# ./scripts/deploy.sh\n"},
                 id="comments"),
    pytest.param({"Makefile": "all:\n\t./scripts/mydeploy.sh\n\t./scripts/deploy.sh.bak\n"},
                 id="longer-names"),
    pytest.param({"scripts/deploy.sh": "#!/bin/sh\n# usage: ./deploy.sh\nexec \"$0\" again\n"
                                       "./scripts/deploy.sh --again\n"},
                 id="a-script-does-not-call-itself"),
    pytest.param({"deploy/crontab": "0 1 * * * /opt/run.sh\n"},
                 id="ambiguous-or-unknown-basename"),
    pytest.param({"README.md": "Run ./scripts/deploy.sh\n", "docs/ops.yml": "run: ./scripts/deploy.sh\n"},
                 id="documents-are-not-callers"),
    pytest.param({"scripts/backup.sh": "#!/bin/sh\necho 'run ./scripts/deploy.sh after'\n"
                                       "cp scripts/deploy.sh /tmp/\nchmod +x scripts/deploy.sh\n"},
                 id="echo-cp-chmod-are-not-calls"),
    pytest.param({"Dockerfile": "FROM alpine\nCOPY scripts/deploy.sh /usr/local/bin/\n"},
                 id="docker-copy-is-not-a-call"),
    pytest.param({"Makefile": "all:\n\t./vendor/tool/deploy.sh\n"},
                 id="a-relative-path-into-another-folder"),
    pytest.param({"tools/report.py": "import subprocess\n\n\ndef main():\n"
                                     "    \"\"\"Runs ./scripts/deploy.sh for you.\"\"\"\n"
                                     "    print('now run scripts/deploy.sh')\n"
                                     "    names = ['scripts/deploy.sh']\n"
                                     "    subprocess.run(['ls'])\n"},
                 id="python-docstrings-prints-and-data-lists"),
    pytest.param({"k8s/speaker.yaml": "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: cp\n"
                                      "    command: [\"/cp-tool\", \"/deploy.sh\", \"/etc/x/deploy.sh\"]\n"},
                 id="a-projects-copy-tool-moves-the-file"),
]


@pytest.mark.parametrize("files", NEGATIVES)
def test_mentions_that_are_not_calls_are_not_callers(tmp_path: Path, files: dict[str, str]) -> None:
    found = callers(tmp_path, files)
    assert found.get("scripts/deploy.sh", []) == []


def test_an_ambiguous_basename_is_not_matched_and_a_longer_suffix_decides(tmp_path: Path) -> None:
    scripts = ("a/run.sh", "b/run.sh")
    files = {"deploy/crontab": "0 1 * * * /opt/run.sh\n5 1 * * * /opt/app/b/run.sh\n"}
    assert callers(tmp_path, files, scripts) == {
        "b/run.sh": [("deploy/crontab", 2, "cron", "5 1 * * * /opt/app/b/run.sh")]}


def test_a_reference_resolves_from_the_callers_folder_before_the_root(tmp_path: Path) -> None:
    scripts = ("run.sh", "ops/run.sh", "ops/main.sh")
    files = {"ops/main.sh": "#!/bin/sh\n./run.sh\n", "run.sh": "#!/bin/sh\necho\n",
             "ops/run.sh": "#!/bin/sh\necho\n"}
    assert callers(tmp_path, files, scripts) == {
        "ops/run.sh": [("ops/main.sh", 2, "script", "./run.sh")]}


def test_the_result_is_made_of_caller_values(tmp_path: Path) -> None:
    every = make_tree(tmp_path, {"Makefile": "all:\n\t./scripts/deploy.sh\n"})
    assert find_callers(tmp_path, list(SCRIPTS), every) == {
        "scripts/deploy.sh": [Caller(path="Makefile", line=2, kind="makefile",
                                     text="./scripts/deploy.sh")]}


def test_large_and_binary_files_are_not_read(tmp_path: Path) -> None:
    files = {"Makefile": "all:\n\t./scripts/deploy.sh\n" + "#" * (2 * 1024 * 1024 + 1) + "\n"}
    every = make_tree(tmp_path, files)
    (tmp_path / "deploy.cron").write_bytes(b"\0\x01 0 1 * * * ./scripts/deploy.sh\n")
    assert find_callers(tmp_path, list(SCRIPTS), [*every, "deploy.cron"]) == {}


def test_a_thousand_scripts_scan_in_linear_time(tmp_path: Path) -> None:
    scripts = [f"jobs/job_{n}.sh" for n in range(1000)]
    for n, script in enumerate(scripts):
        path = tmp_path / script
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"#!/bin/sh\n./jobs/job_{(n + 1) % 1000}.sh\n")
    recipes = "".join(f"job{n}:\n\t./jobs/job_{n}.sh\n" for n in range(1000))
    (tmp_path / "Makefile").write_text(recipes)
    found = find_callers(tmp_path, scripts, [*scripts, "Makefile"])
    assert len(found) == 1000
    assert {c.kind for c in found["jobs/job_0.sh"]} == {"makefile", "script"}


SPELLINGS = [
    pytest.param('"$(dirname "$0")/../scripts/backup.sh"', "scripts/backup.sh", id="dirname-0"),
    pytest.param('"${BASH_SOURCE%/*}/../scripts/backup.sh"', "scripts/backup.sh",
                 id="bash-source-strip"),
    pytest.param('SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" &> /dev/null && pwd)\n'
                 '"$SCRIPT_DIR/rotate_logs.sh"', "ops/rotate_logs.sh", id="script-dir-idiom"),
    pytest.param('ROOT="$(dirname "$0")/.."\n"$ROOT/tools/report.py"', "tools/report.py",
                 id="a-variable-assigned-from-the-scripts-folder"),
    pytest.param("cd ../scripts\n./backup.sh", "scripts/backup.sh", id="cd-holds-for-later-lines"),
    pytest.param("(cd .. && bash scripts/backup.sh)", "scripts/backup.sh", id="subshell-cd"),
    pytest.param("cd /opt/app/scripts && ./backup.sh", "scripts/backup.sh",
                 id="cd-to-a-deployed-folder"),
    pytest.param('cd "$WORKDIR"\n./backup.sh', "scripts/backup.sh", id="cd-to-an-unknown-folder"),
    pytest.param("sudo -u app ../scripts/backup.sh", "scripts/backup.sh", id="sudo"),
    pytest.param("FOO=1 exec ../tools/report.py", "tools/report.py", id="assignment-and-exec"),
    pytest.param('bash -c "cd /srv && ./scripts/backup.sh"', "scripts/backup.sh", id="bash-c"),
    pytest.param("python3 -m acme.tasks", "src/acme/tasks.py", id="python-m-under-src"),
    pytest.param("uv run python -mpkg.cli", "pkg/cli.py", id="python-m-glued"),
    pytest.param("source ../scripts/backup.sh", "scripts/backup.sh", id="source"),
    pytest.param("./scripts/backup.sh | tee out.log", "scripts/backup.sh", id="pipeline"),
    pytest.param('echo "0 2 * * * /opt/app/scripts/backup.sh" | crontab -', "scripts/backup.sh",
                 id="a-cron-entry-written-by-a-script"),
]


@pytest.mark.parametrize(("line", "script"), SPELLINGS)
def test_shell_spellings_of_a_reference(tmp_path: Path, line: str, script: str) -> None:
    found = callers(tmp_path, {"ops/main.sh": f"#!/bin/bash\n{line}\n"},
                    (*SCRIPTS, "ops/main.sh"))
    assert list(found) == [script]
    assert found[script][0][:2] == ("ops/main.sh", line.count("\n") + 2)


SHELL_NEGATIVES = [
    pytest.param("cat <<EOF\nusage: ./scripts/backup.sh [--full]\nEOF", id="a-usage-here-document"),
    pytest.param('printf "%s\\n" "run ../scripts/backup.sh"', id="printf"),
    pytest.param("shellcheck ../scripts/backup.sh", id="a-linter-reads-it"),
    pytest.param("git add scripts/backup.sh", id="git"),
    pytest.param("[ -x ../scripts/backup.sh ] || exit 1", id="a-test"),
    pytest.param("./scripts/backup.sh.orig", id="a-longer-name"),
    pytest.param("./scripts/my-backup.sh", id="a-name-ending-the-same"),
    pytest.param("cd ../tools\n./backup.sh", id="cd-to-a-known-folder-without-it"),
    pytest.param("./vendor/backup.sh", id="a-known-relative-folder-without-it"),
]


@pytest.mark.parametrize("line", SHELL_NEGATIVES)
def test_shell_mentions_that_do_not_run_it(tmp_path: Path, line: str) -> None:
    assert callers(tmp_path, {"ops/main.sh": f"#!/bin/bash\n{line}\n"},
                   (*SCRIPTS, "ops/main.sh")) == {}


def test_a_helm_template_is_read_line_by_line(tmp_path: Path) -> None:
    files = {"chart/templates/cronjob.yaml": """
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: {{ .Release.Name }}-backup
        spec:
          schedule: {{ .Values.schedule | quote }}
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: backup
                      command: ["/app/scripts/backup.sh", "--full"]
        """}
    assert callers(tmp_path, files) == {"scripts/backup.sh": [
        ("chart/templates/cronjob.yaml", 13, "cron",
         'command: ["/app/scripts/backup.sh", "--full"]')]}


def test_gitlab_reference_tags_do_not_stop_the_reading(tmp_path: Path) -> None:
    files = {".gitlab-ci.yml": """
        .setup:
          script:
            - ./scripts/backup.sh
        deploy:
          script:
            - !reference [.setup, script]
            - ./scripts/deploy.sh
        """}
    assert callers(tmp_path, files) == {
        "scripts/backup.sh": [(".gitlab-ci.yml", 3, "gitlab-ci", "- ./scripts/backup.sh")],
        "scripts/deploy.sh": [(".gitlab-ci.yml", 7, "gitlab-ci", "- ./scripts/deploy.sh")]}


@pytest.mark.parametrize(("timer", "kind"), [
    pytest.param({"units/backup.timer": "[Timer]\nOnCalendar=daily\n"}, "cron", id="same-name"),
    pytest.param({"units/nightly.timer": "[Timer]\nOnCalendar=daily\nUnit=backup.service\n"}, "cron",
                 id="unit-line"),
    # a service the machine runs at boot or on demand: a caller of its own kind
    pytest.param({}, "systemd", id="a-service-without-a-timer"),
])
def test_a_systemd_service_is_a_caller_of_kind_cron_when_a_timer_starts_it(
        tmp_path: Path, timer: dict[str, str], kind: str) -> None:
    files = {"units/backup.service": "[Service]\nExecStart=-/opt/app/scripts/backup.sh --full\n",
             **timer}
    found = callers(tmp_path, files)
    assert found == {"scripts/backup.sh": [("units/backup.service", 2, kind,
                                            "ExecStart=-/opt/app/scripts/backup.sh --full")]}


def test_a_script_copied_into_an_image_under_another_name(tmp_path: Path) -> None:
    files = {"docker/Dockerfile": """
        FROM alpine
        COPY scripts/deploy.sh /usr/local/bin/deploy
        COPY --chmod=755 scripts/backup.sh /backup
        RUN deploy --check
        ENTRYPOINT ["/backup"]
        """}
    assert callers(tmp_path, files) == {
        "scripts/deploy.sh": [("docker/Dockerfile", 4, "dockerfile", "RUN deploy --check")],
        "scripts/backup.sh": [("docker/Dockerfile", 5, "dockerfile", 'ENTRYPOINT ["/backup"]')]}


def test_makefile_variables_with_a_literal_value_are_expanded(tmp_path: Path) -> None:
    scripts = ("ops/a/run.sh", "ops/b/run.sh")
    files = {"Makefile": "OPS := ops/b\nPY ?= python3\n\nrun:\n\t$(OPS)/run.sh\n"}
    assert callers(tmp_path, files, scripts) == {
        "ops/b/run.sh": [("Makefile", 5, "makefile", "$(OPS)/run.sh")]}


def test_an_included_makefile_part_uses_the_variables_of_its_folder_and_its_target_name(
        tmp_path: Path) -> None:
    """``Makefile.inc`` is a Makefile; ``$(SCRIPTS_DIR)`` set by the Makefile beside it (which
    includes it) stands for its value there; ``$@`` in a rule's recipe is the rule's target."""
    scripts = ("scripts/shared/deploy.sh", "scripts/shared/backport.sh", "other/deploy.sh")
    files = {"Makefile": "export SCRIPTS_DIR=./scripts/shared\ninclude Makefile.inc\n",
             "Makefile.inc": ("deploy: clusters\n\t$(SCRIPTS_DIR)/$@.sh\n\n"
                              "backport:\n\t$(SCRIPTS_DIR)/backport.sh $(release) $(pr)\n\n"
                              "%.done:\n\t$(SCRIPTS_DIR)/$@.sh\n\t@echo $$@\n")}
    assert callers(tmp_path, files, scripts) == {
        "scripts/shared/deploy.sh": [("Makefile.inc", 2, "makefile", "$(SCRIPTS_DIR)/$@.sh")],
        "scripts/shared/backport.sh": [("Makefile.inc", 5, "makefile",
                                        "$(SCRIPTS_DIR)/backport.sh $(release) $(pr)")]}


def test_a_script_under_a_folder_variable_that_is_not_the_callers_folder(tmp_path: Path) -> None:
    """``${SCRIPTS_DIR}/compile.sh`` (exported by a Makefile, not set here): not in the caller's
    own folder, so the one ``compile.sh`` of the tree; two of them, none."""
    files = {"scripts/shared/compile.sh": "#!/bin/sh\n",
             "test/scripts/compile/test.sh": "#!/bin/bash\n${SCRIPTS_DIR}/compile.sh bin hello.go\n"}
    found = callers(tmp_path, files, ("scripts/shared/compile.sh", "test/scripts/compile/test.sh"))
    assert found == {"scripts/shared/compile.sh": [
        ("test/scripts/compile/test.sh", 2, "script", "${SCRIPTS_DIR}/compile.sh bin hello.go")]}
    files["tools/compile.sh"] = "#!/bin/sh\n"
    assert callers(tmp_path / "two", files, ("scripts/shared/compile.sh", "tools/compile.sh",
                                             "test/scripts/compile/test.sh")) == {}


def test_codedeploy_appspec_hooks_run_their_scripts_from_the_revision_root(tmp_path: Path) -> None:
    """AWS CodeDeploy's ``appspec.yml``: each lifecycle hook's ``location`` is a script run from
    the folder of the appspec (kind ``ci``); a YAML file of another name with ``location:`` keys
    runs nothing."""
    appspec = ("version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n"
               "    - location: deploy/hooks/setup.sh\n      timeout: 300\n      runas: root\n"
               "  ApplicationStart:\n    - location: deploy/start.py\n")
    files = {"app/appspec.yml": appspec, "app/other.yml": appspec.replace("hooks:", "steps:"),
             "app/deploy/hooks/setup.sh": "#!/bin/sh\n", "app/deploy/start.py": "print(1)\n"}
    assert callers(tmp_path, files, ("app/deploy/hooks/setup.sh", "app/deploy/start.py")) == {
        "app/deploy/hooks/setup.sh": [("app/appspec.yml", 5, "ci", "- location: deploy/hooks/setup.sh")],
        "app/deploy/start.py": [("app/appspec.yml", 9, "ci", "- location: deploy/start.py")]}


def test_a_release_tools_hooks_run_their_scripts(tmp_path: Path) -> None:
    """Craft's ``.craft.yml``: ``preReleaseCommand``/``postReleaseCommand`` are command lines
    (kind ``ci``); the same keys in a YAML file of another name run nothing."""
    craft = "minVersion: 2.28.0\npreReleaseCommand: bash scripts/bump-version.sh\n" \
            "postReleaseCommand: scripts/post-release.sh\ntargets:\n  - name: pypi\n"
    files = {".craft.yml": craft, "release.yml": craft,
             "scripts/bump-version.sh": "#!/bin/sh\n", "scripts/post-release.sh": "#!/bin/sh\n"}
    found = callers(tmp_path, files, ("scripts/bump-version.sh", "scripts/post-release.sh"))
    assert {script: [c[:3] for c in entries] for script, entries in found.items()} == {
        "scripts/bump-version.sh": [(".craft.yml", 2, "ci")],
        "scripts/post-release.sh": [(".craft.yml", 3, "ci")]}


def test_cloud_foundry_tasks_run_their_commands(tmp_path: Path) -> None:
    """``cf run-task APP --command 'python manage.py x'`` runs the command in the app, and so
    does an action's ``cf_command`` input (the arguments of ``cf``)."""
    command = "app/core/management/commands/purge_sessions.py"
    files = {"app/manage.py": "from django.core.management import execute_from_command_line\n"
                              "execute_from_command_line()\n",
             command: "from django.core.management.base import BaseCommand\nclass Command(BaseCommand):\n"
                      "    def handle(self, *a, **o):\n        pass\n",
             "ops/clone.sh": "#!/bin/bash\ncf run-task \"$APP\" --command \"./manage.py purge_sessions\" --name x\n",
             ".github/workflows/daily.yaml": (
                 "jobs:\n  purge:\n    runs-on: ubuntu-latest\n    steps:\n"
                 "      - uses: cloud-gov/cg-cli-tools@main\n        with:\n          cf_org: x\n"
                 "          cf_command: \"run-task getgov-prod --command 'python manage.py purge_sessions' --name p\"\n")}
    found = callers(tmp_path, files, ("app/manage.py", command))
    assert [c[:2] for c in found[command]] == [(".github/workflows/daily.yaml", 8), ("ops/clone.sh", 2)]


def test_cron_entries_and_cron_scripts_a_setup_script_writes(tmp_path: Path) -> None:
    """A setup script writing ``/etc/cron.d/x`` (a minute it fills in: ``$minute 1 * * * root
    ...``) and ``/etc/cron.daily/x`` (a script run-parts runs) with here-documents: their lines
    run the scripts; a here-document written elsewhere runs nothing. A ``.py`` file that
    starts ``#!/bin/bash`` is read as shell."""
    files = {"management/daily_tasks.sh": "#!/bin/bash\n", "tools/dns_update": "#!/bin/bash\n",
             "tools/report": "#!/bin/bash\n", "management/cli.py": "print(1)\n",
             "tools/mail.py": '#!/bin/bash\n# moved\nmanagement/cli.py "$@"\n',
             "setup/management.sh": ("#!/bin/bash\nminute=$((RANDOM % 60))\n"
                                     "cat > /etc/cron.d/box-nightly << EOF\n"
                                     "$minute 1 * * *\troot\t(cd $PWD && management/daily_tasks.sh)\nEOF\n"
                                     "cat > /etc/cron.daily/box-dnssec << EOF;\n#!/bin/bash\n"
                                     "$PWD/tools/dns_update\nEOF\n"
                                     "cat > /tmp/notes.txt << EOF\ntools/report\nEOF\n")}
    found = callers(tmp_path, files, ("management/daily_tasks.sh", "tools/dns_update", "tools/report",
                                      "management/cli.py", "tools/mail.py"))
    assert {script: [c[:2] for c in entries] for script, entries in found.items()} == {
        "management/daily_tasks.sh": [("setup/management.sh", 4)],
        "tools/dns_update": [("setup/management.sh", 8)],
        "management/cli.py": [("tools/mail.py", 3)]}


def test_scripts_installed_without_their_extension_are_called_by_that_name(tmp_path: Path) -> None:
    """A package installing ``ops-runner.py`` as ``/usr/bin/ops-runner``: a bare command of that
    name, or the path in a PATH folder, runs it; a short or plain name (``deploy`` for
    ``deploy.sh``) is some other program's, and so is a name two scripts have."""
    files = {"scripts/monitoring/ops-runner.py": "print(1)\n",
             "scripts/monitoring/cron-send-pcp-ping.sh": "#!/bin/sh\n",
             "scripts/deploy.sh": "#!/bin/sh\n",
             "a/sync-data.sh": "#!/bin/sh\n", "b/sync-data.py": "print(1)\n",
             "ansible/roles/mon/templates/monitoring-config.yml.j2": (
                 "jobs:\n{% if x %}\n- name: ping\n  minute: '*/10'\n"
                 "  job: ops-runner -f -s 60 -n ping /usr/bin/cron-send-pcp-ping\n"
                 "{% endif %}\n"),
             "ops.sh": "#!/bin/sh\ndeploy --prod\nsync-data now\n/opt/tool/ops-runner x\n"}
    found = callers(tmp_path, files, ("scripts/monitoring/ops-runner.py", "scripts/monitoring/cron-send-pcp-ping.sh",
                                      "scripts/deploy.sh", "a/sync-data.sh", "b/sync-data.py"))
    assert {script: [c[:2] for c in entries] for script, entries in found.items()} == {
        "scripts/monitoring/ops-runner.py": [("ansible/roles/mon/templates/monitoring-config.yml.j2", 5)],
        "scripts/monitoring/cron-send-pcp-ping.sh": [("ansible/roles/mon/templates/monitoring-config.yml.j2", 5)]}


def test_find_exec_devbox_run_and_bats_files_run_scripts(tmp_path: Path) -> None:
    """``find ... -exec SCRIPT {} \\;`` runs the script for each file found; ``devbox run --
    'cd scripts && ./x.sh'`` runs a command line in the project's environment, as ``sh -c``;
    a bats test file is shell. ``find -name x.sh`` alone runs nothing."""
    workflow = ("on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
                "      - run: find charts -name Chart.yaml -exec .github/render.sh {} \\;\n"
                "      - run: devbox run -- 'cd scripts && ./clean.sh'\n"
                "      - run: find . -name clean.sh -print\n")
    files = {".github/workflows/ci.yml": workflow,
             "e2e/docs.bats": "setup_file() {\n    bash ../e2e/extract.sh a b\n}\n"}
    scripts = (".github/render.sh", "scripts/clean.sh", "e2e/extract.sh")
    assert callers(tmp_path, files, scripts) == {
        ".github/render.sh": [(".github/workflows/ci.yml", 6, "github-actions",
                               "- run: find charts -name Chart.yaml -exec .github/render.sh {} \\;")],
        "scripts/clean.sh": [(".github/workflows/ci.yml", 7, "github-actions",
                              "- run: devbox run -- 'cd scripts && ./clean.sh'")],
        "e2e/extract.sh": [("e2e/docs.bats", 2, "script", "bash ../e2e/extract.sh a b")]}


def test_maven_exec_plugin_runs_a_script_from_the_project_folder(tmp_path: Path) -> None:
    """``pom.xml``: the exec plugin's executable and arguments, run from the pom's folder
    (``${project.basedir}``), reported at the argument that names the script (kind ``maven``)."""
    pom = """<project>
  <build><plugins><plugin>
    <artifactId>exec-maven-plugin</artifactId>
    <executions><execution>
      <configuration>
        <executable>bash</executable>
        <workingDirectory>${project.basedir}</workingDirectory>
        <arguments>
          <argument>src/main/assembly/assembly-plugins.sh</argument>
          <argument>${build.plugins.skip}</argument>
        </arguments>
      </configuration>
    </execution><execution>
      <configuration><executable>${project.basedir}/bin/push.sh</executable></configuration>
    </execution></executions>
  </plugin></plugins></build>
</project>
"""
    files = {"dist/pom.xml": pom}
    scripts = ("dist/src/main/assembly/assembly-plugins.sh", "dist/bin/push.sh")
    assert callers(tmp_path, files, scripts) == {
        "dist/src/main/assembly/assembly-plugins.sh": [
            ("dist/pom.xml", 9, "maven", "<argument>src/main/assembly/assembly-plugins.sh</argument>")],
        "dist/bin/push.sh": [
            ("dist/pom.xml", 14, "maven",
             "<configuration><executable>${project.basedir}/bin/push.sh</executable></configuration>")]}


def test_a_cli_adding_a_command_from_another_module_runs_that_module(tmp_path: Path) -> None:
    """click's ``cli.add_command(certificate_cli, "certificate")`` and Flask-Script's
    ``manager.add_command("archive", Archive)``, the object imported from a module of the tree:
    that module runs as the command; an object defined here, or imported from elsewhere, names
    no script."""
    files = {"app/manage.py": ("import click\n"
                               "from app.certificates.cli import cli as certificate_cli\n"
                               "from app.scripts.archive import Archive\n"
                               "from flask_migrate.cli import db\n\n"
                               "@click.group()\ndef cli():\n    pass\n\n"
                               "cli.add_command(certificate_cli, 'certificate')\n"
                               "cli.add_command(db, 'db')\n"
                               "manager.add_command('archive', Archive())\n"
                               "cli.add_command(cli, 'self')\n")}
    scripts = ("app/manage.py", "app/certificates/cli.py", "app/scripts/archive.py")
    found = callers(tmp_path, files, scripts)
    assert found == {
        "app/certificates/cli.py": [("app/manage.py", 10, "script", "cli.add_command(certificate_cli, 'certificate')")],
        "app/scripts/archive.py": [("app/manage.py", 12, "script", "manager.add_command('archive', Archive())")]}


# --- commands written for other programs, task runners and containers -----------------------------

GENERATED_CONFIG = '''\
import yaml

TEMPLATE = """
bootstrap:
  basebackup:
    command: envdir {{ENV_DIR}} bash /scripts/backup.sh --fast
  restore:
    command: python3 /opt/tools/report.py
      --retries=2
"""


def crontab(placeholders, lines):
    lines += [('{BACKUP_SCHEDULE} envdir "{ENV_DIR}" /scripts/deploy.sh' +
               ' "{PGDATA}"').format(**placeholders)]
    lines += ['15 3 * * * nice /ops/rotate_logs.sh']
    print("see scripts/migrate.py for details")
    return yaml.safe_dump(lines)
'''

RUNTESTS = ("import sys\nfrom django.core.management import execute_from_command_line\n\n"
            "execute_from_command_line(sys.argv)\n")

GENERATED_AND_INDIRECT = [
    pytest.param(
        {"conf/configure.py": GENERATED_CONFIG},
        {"scripts/backup.sh": [("conf/configure.py", 6, "script",
                                "command: envdir {{ENV_DIR}} bash /scripts/backup.sh --fast")],
         "tools/report.py": [("conf/configure.py", 8, "script",
                              "command: python3 /opt/tools/report.py")],
         "scripts/deploy.sh": [("conf/configure.py", 14, "cron",
                                "lines += [('{BACKUP_SCHEDULE} envdir \"{ENV_DIR}\" "
                                "/scripts/deploy.sh' +")],
         "ops/rotate_logs.sh": [("conf/configure.py", 16, "cron",
                                 "lines += ['15 3 * * * nice /ops/rotate_logs.sh']")]},
        id="python-configuration-generator-writes-commands-and-crontab-lines"),
    pytest.param(
        {"tox.ini": "[testenv]\ncommands = {posargs:coverage run scripts/migrate.py}\n\n"
                    "[testenv:functional]\nallowlist_externals = bash\n"
                    "commands = {posargs:bash -x scripts/deploy.sh}\n"},
        {"scripts/migrate.py": [("tox.ini", 2, "tox",
                                 "commands = {posargs:coverage run scripts/migrate.py}")],
         "scripts/deploy.sh": [("tox.ini", 6, "tox",
                                "commands = {posargs:bash -x scripts/deploy.sh}")]},
        id="tox-posargs-default-command"),
    pytest.param(
        {"ops/upgrade.sh": '#!/bin/sh\nCOMMAND="python3 scripts/migrate.py --lazy"\n'
                           'echo "running ($COMMAND)"\neval $COMMAND || exit 1\n'},
        {"scripts/migrate.py": [("ops/upgrade.sh", 2, "script",
                                 'COMMAND="python3 scripts/migrate.py --lazy"')]},
        id="a-command-kept-in-a-variable-and-evaluated"),
    pytest.param(
        {"runtests.py": RUNTESTS,
         "functional.sh": "#!/bin/bash\n$PYTHON runtests.py migrate\n"
                          "count=$($PYTHON runtests.py update_metrics --quiet)\n"},
        {"dash/management/commands/update_metrics.py": [
            ("functional.sh", 3, "script", "count=$($PYTHON runtests.py update_metrics --quiet)")],
         "runtests.py": [("functional.sh", 2, "script", "$PYTHON runtests.py migrate"),
                         ("functional.sh", 3, "script",
                          "count=$($PYTHON runtests.py update_metrics --quiet)")]},
        id="a-program-running-djangos-command-line-runs-management-commands"),
]


@pytest.mark.parametrize(("files", "expected"), GENERATED_AND_INDIRECT)
def test_commands_generated_kept_in_variables_or_run_through_a_django_main(
        tmp_path: Path, files: dict[str, str],
        expected: dict[str, list[tuple[str, int, str, str]]]) -> None:
    assert callers(tmp_path, files, (*SCRIPTS, "runtests.py")) == expected


NOT_THE_REPOSITORY_SCRIPT = [
    pytest.param("docker compose -p app run --rm server cleanup", id="docker-compose-run-service-cmd"),
    pytest.param("docker run --rm example/image cleanup --all", id="docker-run-image-cmd"),
    pytest.param("kubectl exec deploy/app -- cleanup", id="kubectl-exec"),
    pytest.param("pnpm run cleanup", id="a-package-manager-task-name"),
    pytest.param("just cleanup", id="a-task-runner-recipe-name"),
    pytest.param("npx cleanup", id="a-package-binary"),
]


@pytest.mark.parametrize("line", NOT_THE_REPOSITORY_SCRIPT)
def test_a_bare_name_that_is_a_subcommand_or_a_containers_program_is_not_a_caller(
        tmp_path: Path, line: str) -> None:
    """A bare name right after a program's name is its subcommand or task, and inside
    ``docker``/``kubectl``/``podman`` arguments it is the container's program: neither is the
    repository's script of that name (here ``bin/cleanup``)."""
    assert callers(tmp_path, {"ops/main.sh": f"#!/bin/bash\n{line}\n"},
                   (*SCRIPTS, "ops/main.sh")) == {}


@pytest.mark.parametrize(("line", "expected"), [
    pytest.param("bash cleanup", ("bin/cleanup", "ops/main.sh"), id="a-shell-runs-a-bare-name"),
    pytest.param("docker run -v $PWD:/w -w /w image ./bin/cleanup --all", ("bin/cleanup",),
                 id="a-path-inside-docker-run-is-matched-by-its-trailing-path"),
])
def test_named_scripts_are_still_found_next_to_those_rules(
        tmp_path: Path, line: str, expected: tuple[str, ...]) -> None:
    found = callers(tmp_path, {"ops/main.sh": f"#!/bin/bash\n{line}\n"}, (*SCRIPTS, "ops/main.sh"))
    assert list(found) == [expected[0]]


@pytest.mark.parametrize("files", [
    pytest.param({"runtests.py": "import pytest\n\npytest.main()\n",
                  "functional.sh": "#!/bin/bash\n$PYTHON runtests.py update_metrics\n"},
                 id="a-program-that-is-not-a-django-main"),
    pytest.param({"conf/settings.py": "LOG = 'scripts/deploy.sh'\nHELP = 'run update_metrics'\n"},
                 id="relative-paths-and-names-in-literals-are-data"),
])
def test_literals_and_other_programs_that_do_not_run_the_script(
        tmp_path: Path, files: dict[str, str]) -> None:
    found = callers(tmp_path, files, (*SCRIPTS, "runtests.py"))
    assert "dash/management/commands/update_metrics.py" not in found
    assert "scripts/deploy.sh" not in found


MORE_FORMS = [
    pytest.param(
        {"pyproject.toml": '[tool.poe.tasks]\nmigrate.cmd = "python scripts/migrate.py --apply"\n'
                           'metrics.help = "x"\nmetrics.cmd = "python manage.py update_metrics"\n'
                           '[tool.pdm.scripts]\nbackup = {shell = "bash scripts/backup.sh --full"}\n'},
        {"scripts/migrate.py": [("pyproject.toml", 2, "script",
                                 'migrate.cmd = "python scripts/migrate.py --apply"')],
         "dash/management/commands/update_metrics.py": [
             ("pyproject.toml", 4, "script", 'metrics.cmd = "python manage.py update_metrics"')],
         "scripts/backup.sh": [("pyproject.toml", 6, "script",
                                'backup = {shell = "bash scripts/backup.sh --full"}')]},
        id="poe-and-pdm-tasks-in-pyproject"),
    pytest.param(
        {"pyproject.toml": '[tool.hatch.envs.docker.scripts]\ncreate = "scripts/backup.sh {args}"\n'
                           'all = ["python scripts/migrate.py", "echo done"]\n'
                           '[tool.taskipy.tasks]\nmetrics = { cmd = "python manage.py update_metrics" }\n'},
        {"scripts/backup.sh": [("pyproject.toml", 2, "script", 'create = "scripts/backup.sh {args}"')],
         "scripts/migrate.py": [("pyproject.toml", 3, "script",
                                 'all = ["python scripts/migrate.py", "echo done"]')],
         "dash/management/commands/update_metrics.py": [
             ("pyproject.toml", 5, "script", 'metrics = { cmd = "python manage.py update_metrics" }')]},
        id="hatch-and-taskipy-tasks-in-pyproject"),
    pytest.param(
        {"hatch.toml": '[envs.release]\ndetached = true\n\n[envs.release.scripts]\n'
                       'bump = "python scripts/migrate.py {args}"\n'},
        {"scripts/migrate.py": [("hatch.toml", 5, "script", 'bump = "python scripts/migrate.py {args}"')]},
        id="hatch-scripts-in-hatch-toml"),
    pytest.param(
        {"tox.toml": '[env.release]\nchange_dir = "{tox_root}{/}scripts"\n'
                     'commands = [ [ "python", "migrate.py", { replace = "posargs", extend = true } ] ]\n\n'
                     '[env_run_base]\ncommands = [\n  [ "bash", "scripts/backup.sh", '
                     '{ replace = "posargs", default = [ "--full" ] } ],\n]\n'},
        {"scripts/migrate.py": [("tox.toml", 3, "tox", 'commands = [ [ "python", "migrate.py", '
                                                       '{ replace = "posargs", extend = true } ] ]')],
         "scripts/backup.sh": [("tox.toml", 7, "tox", '[ "bash", "scripts/backup.sh", '
                                                      '{ replace = "posargs", default = [ "--full" ] } ],')]},
        id="tox-toml-commands-from-their-change-dir"),
    pytest.param(
        {"pyproject.toml": '[project]\nname = "x"\n\n[tool.tox.env.migrate]\n'
                           'commands = [["python", "scripts/migrate.py", "--check"]]\n'},
        {"scripts/migrate.py": [("pyproject.toml", 5, "tox",
                                 'commands = [["python", "scripts/migrate.py", "--check"]]')]},
        id="tox-configured-in-pyproject"),
    pytest.param(
        {"tox.toml": '[env.check]\ncommands = [\n  ["-", "bash", "scripts/backup.sh"],\n'
                     '  ["-python", "scripts/migrate.py"],\n]\n'},
        {"scripts/backup.sh": [("tox.toml", 3, "tox", '["-", "bash", "scripts/backup.sh"],')],
         "scripts/migrate.py": [("tox.toml", 4, "tox", '["-python", "scripts/migrate.py"],')]},
        id="tox-toml-commands-whose-exit-status-is-ignored"),
    pytest.param(
        {"scripts/cloudbuild.yaml": "steps:\n- name: gcr.io/cloud-builders/bash\n  dir: scripts\n"
                                    "  args:\n  - backup.sh\n  - --full\n"
                                    "- name: python:3.12\n  entrypoint: python\n  args: ['tools/report.py']\n"},
        {"scripts/backup.sh": [("scripts/cloudbuild.yaml", 5, "ci", "- backup.sh")],
         "tools/report.py": [("scripts/cloudbuild.yaml", 9, "ci", "args: ['tools/report.py']")]},
        id="cloud-build-steps-entrypoint-and-args-from-their-dir"),
    pytest.param(
        {"docker-compose.yml": "web:\n  image: app\n  command: python scripts/migrate.py --check\n"
                               "worker:\n  build: .\n  command: bash scripts/backup.sh\n"},
        {"scripts/migrate.py": [("docker-compose.yml", 3, "compose", "command: python scripts/migrate.py --check")],
         "scripts/backup.sh": [("docker-compose.yml", 6, "compose", "command: bash scripts/backup.sh")]},
        id="a-compose-file-of-the-first-format-services-at-the-top"),
    pytest.param(
        {"src/service/conf/actions.d/actions_backup.conf":
            "[run]\ncommand:/usr/local/opnsense/scripts/backup.sh --full\nparameters:\ntype:script\n"
            "message:running backup\n",
         "src/etc/rc.d/backup": "#!/bin/sh\n",
         "Makefile": "install:\n\tcp -r scripts /usr/local/opnsense/scripts\n"},
        {"scripts/backup.sh": [("src/service/conf/actions.d/actions_backup.conf", 2, "script",
                                "command:/usr/local/opnsense/scripts/backup.sh --full")]},
        id="a-configd-action"),
    pytest.param(
        {"pkg/daemon.gradle": "ospackage {\n  postInstall = file('../scripts/backup.sh')\n"
                              "  preUninstall file(\"../scripts/deploy.sh\")\n}\n"},
        {"scripts/backup.sh": [("pkg/daemon.gradle", 2, "script", "postInstall = file('../scripts/backup.sh')")],
         "scripts/deploy.sh": [("pkg/daemon.gradle", 3, "script", 'preUninstall file("../scripts/deploy.sh")')]},
        id="a-package-s-maintainer-scripts-in-gradle-s-ospackage-settings"),
    pytest.param(
        {"ops/Taskfile.yaml": "version: '3'\ntasks:\n  backup:\n    dir: ../scripts\n    cmds:\n"
                              "      - ./backup.sh {{.TARGET}}\n      - cmd: bash deploy.sh\n"
                              "    sources:\n      - ../scripts/migrate.py\n"},
        {"scripts/backup.sh": [("ops/Taskfile.yaml", 6, "script", "- ./backup.sh {{.TARGET}}")],
         "scripts/deploy.sh": [("ops/Taskfile.yaml", 7, "script", "- cmd: bash deploy.sh")]},
        id="a-task-runner-s-taskfile-from-each-task-s-dir"),
    pytest.param(
        {"build/Version.mk": "GIT_SHA=$(shell git rev-parse HEAD)\n"
                             "TAG = $(eval TAG := $(shell scripts/backup.sh --version))$(TAG)\n"},
        {"scripts/backup.sh": [("build/Version.mk", 2, "makefile",
                                "TAG = $(eval TAG := $(shell scripts/backup.sh --version))$(TAG)")]},
        id="make-shell-function-in-an-included-mk-file"),
    pytest.param(
        {".github/workflows/release.yml": "on: push\njobs:\n  a:\n    steps:\n      - run: |\n"
                                          '          echo "path=$(./scripts/deploy.sh dockerfile)" >> $GITHUB_ENV\n'},
        {"scripts/deploy.sh": [(".github/workflows/release.yml", 6, "github-actions",
                                'echo "path=$(./scripts/deploy.sh dockerfile)" >> $GITHUB_ENV')]},
        id="a-substitution-in-what-echo-prints-runs"),
    pytest.param(
        {"Makefile": "help:\n\t@echo \"$(call format,deploy,'Run scripts/deploy.sh')\"\n"
                     "\t@echo \"$(call format,backup,$(shell scripts/backup.sh --list))\"\n"
                     "\t@echo \"v=$$(tools/report.py --version)\"\n"},
        {"scripts/backup.sh": [("Makefile", 3, "makefile",
                                '@echo "$(call format,backup,$(shell scripts/backup.sh --list))"')],
         "tools/report.py": [("Makefile", 4, "makefile", '@echo "v=$$(tools/report.py --version)"')]},
        id="make-functions-in-a-recipe-are-make-s-and-shell-s-substitutions-run"),
    pytest.param(
        {"tools/build.py": "import subprocess\nimport sys\n\ncommand = [\n    sys.executable,\n"
                           "    '-m',\n    'django',\n    'update_metrics',\n]\n"
                           "subprocess.run(command)\n"},
        {"dash/management/commands/update_metrics.py": [
            ("tools/build.py", 8, "script", "'update_metrics',")]},
        id="python-m-django-command-in-an-assigned-list-at-the-line-of-its-name"),
    pytest.param(
        {"ops/release.sh": '#!/bin/bash\nBRANCH=${BRANCH:-"release-${MINOR}"}\n'
                           'echo "a"\n\n./scripts/deploy.sh "${BRANCH}"\n'},
        {"scripts/deploy.sh": [("ops/release.sh", 5, "script", './scripts/deploy.sh "${BRANCH}"')]},
        id="a-braced-default-holding-quotes-and-a-nested-variable"),
]


@pytest.mark.parametrize(("files", "expected"), MORE_FORMS)
def test_task_runner_tables_django_main_modules_and_nested_braces(
        tmp_path: Path, files: dict[str, str],
        expected: dict[str, list[tuple[str, int, str, str]]]) -> None:
    assert callers(tmp_path, files) == expected


PROCESS_MANAGERS = [
    pytest.param(
        {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nattach-daemon = %d../bin/cleanup\n"
                             "smart-attach-daemon = /tmp/w.pid /srv/app/ops/rotate_logs.sh\n"
                             "cron = 0 2 -1 -1 -1 /srv/app/scripts/deploy.sh --nightly\n"},
        {"bin/cleanup": [("deploy/uwsgi.ini", 3, "script", "attach-daemon = %d../bin/cleanup")],
         "ops/rotate_logs.sh": [("deploy/uwsgi.ini", 4, "script",
                                 "smart-attach-daemon = /tmp/w.pid /srv/app/ops/rotate_logs.sh")],
         "scripts/deploy.sh": [("deploy/uwsgi.ini", 5, "cron",
                                "cron = 0 2 -1 -1 -1 /srv/app/scripts/deploy.sh --nightly")]},
        id="uwsgi-daemons-and-cron"),
    pytest.param(
        {"etc/supervisor/conf.d/app.conf": "[program:worker]\ncommand=/srv/app/scripts/backup.sh "
                                           "--loop\nautostart=true\n[unix_http_server]\n"
                                           "command=/srv/app/scripts/deploy.sh\n"},
        {"scripts/backup.sh": [("etc/supervisor/conf.d/app.conf", 2, "script",
                                "command=/srv/app/scripts/backup.sh --loop")]},
        id="supervisord-program-command-only"),
    pytest.param(
        {"Dockerfile": "FROM alpine\nHEALTHCHECK --interval=30s --timeout 3s \\\n"
                       "  CMD /app/scripts/backup.sh --check || exit 1\n"},
        {"scripts/backup.sh": [("Dockerfile", 2, "dockerfile",
                                "HEALTHCHECK --interval=30s --timeout 3s \\")]},
        id="dockerfile-healthcheck-cmd"),
]


@pytest.mark.parametrize(("files", "expected"), PROCESS_MANAGERS)
def test_process_managers_and_health_checks_run_scripts(
        tmp_path: Path, files: dict[str, str],
        expected: dict[str, list[tuple[str, int, str, str]]]) -> None:
    assert callers(tmp_path, files) == expected


@pytest.mark.parametrize(("matrix", "expected_line"), [
    pytest.param("      matrix:\n        include:\n          - name: Deploy\n"
                 "            command: scripts/deploy.sh --prod\n", 8, id="include-entries"),
    pytest.param("      matrix:\n        command: [\"scripts/deploy.sh --prod\", \"make lint\"]\n",
                 6, id="a-matrix-list"),
])
def test_a_github_matrix_value_run_by_a_step_is_a_caller(
        tmp_path: Path, matrix: str, expected_line: int) -> None:
    workflow = ("on: [push]\njobs:\n  check:\n    strategy:\n" + matrix
                + "    steps:\n      - run: ${{ matrix.command }}\n")
    found = callers(tmp_path, {".github/workflows/ci.yml": workflow})
    assert [(p, line, kind) for p, line, kind, _ in found["scripts/deploy.sh"]] == [
        (".github/workflows/ci.yml", expected_line, "github-actions")]


def test_command_substitutions_multi_line_strings_and_bare_names(tmp_path: Path) -> None:
    scripts = ("share/ghe-backup-strategy", "share/ghe-backup-redis", "image/runit/1",
               "image/service/run", "script/test", "extras/patroni", "bin/ghe-backup")
    files = {"bin/ghe-backup": textwrap.dedent("""\
        #!/bin/bash
        export STRATEGY=${STRATEGY:-$(ghe-backup-strategy)}
        commands=("
        echo \\"$title\\"
        ghe-backup-redis > redis.rdb")
        DEBUG="1"
        ok=1
        $docker_path run --rm image
        ghe-ssh host test -f /etc/x
        log_info "Running: ./launcher rebuild and ../script/test"
        apt-cache depends patroni
        """),
        "Makefile": "test:\n\t@script/test\n"}
    assert {script: [c[:2] for c in found] for script, found in callers(tmp_path, files, scripts).items()} == {
        "share/ghe-backup-strategy": [("bin/ghe-backup", 2)],
        "share/ghe-backup-redis": [("bin/ghe-backup", 5)],
        "script/test": [("Makefile", 2)]}


def test_console_scripts_named_in_a_setup_py_variable(tmp_path: Path) -> None:
    files = {"setup.py": textwrap.dedent("""\
        from setuptools import setup
        CONSOLE_SCRIPTS = ['acme-tasks = acme.tasks:main',
                           "acme-cli = pkg.cli:main"]
        setup(name="acme", entry_points={"console_scripts": CONSOLE_SCRIPTS + []})
        """)}
    found = callers(tmp_path, files)
    assert found["src/acme/tasks.py"][0][:2] == ("setup.py", 2)
    assert found["pkg/cli.py"][0][:2] == ("setup.py", 3)


def test_scripts_copied_into_an_image_folder_and_run_by_compose(tmp_path: Path) -> None:
    scripts = ("docker/entrypoint.sh", "kubernetes/entrypoint.sh", "compose/django/start",
               "compose/celery/worker/start")
    files = {
        "Dockerfile": "FROM x\nCOPY patroni*.py docker/entrypoint.sh /\nENTRYPOINT [\"/bin/sh\", \"/entrypoint.sh\"]\n",
        "compose/django/Dockerfile": textwrap.dedent("""\
            FROM python
            COPY ./compose/django/start /start
            COPY ./compose/celery/worker/start /start-celeryworker
            """),
        "docker-compose.yml": textwrap.dedent("""\
            services:
              django:{% if cookiecutter.use_celery == 'y' %} &django{% endif %}
                build:
                  context: .
                  dockerfile: ./compose/django/Dockerfile
                image: {{ cookiecutter.project_slug }}_django
                command: /start
            {%- if cookiecutter.use_celery == 'y' %}
              celeryworker:
                <<: *django
                command: /start-celeryworker
            {%- endif %}
            """)}
    found = {script: [c[:2] for c in entries] for script, entries in callers(tmp_path, files, scripts).items()}
    assert found == {"docker/entrypoint.sh": [("Dockerfile", 3)],
                     "compose/django/start": [("docker-compose.yml", 7)],
                     "compose/celery/worker/start": [("docker-compose.yml", 11)]}


def test_installed_commands_kubernetes_manifests_and_pipeline_steps(tmp_path: Path) -> None:
    scripts = ("ospurge/main.py", "py/kf/testing/cleanup_ci.py", "py/kf/testing/create_context.py",
               "rotate_backups/cli.py")
    files = {
        "ospurge/__init__.py": "", "py/kf/__init__.py": "", "py/kf/testing/__init__.py": "",
        "rotate_backups/__init__.py": "",
        "setup.cfg": "[entry_points]\nconsole_scripts =\n    ospurge = ospurge.main:main\n",
        "setup.py": "from setuptools import setup\nsetup(entry_points=dict(console_scripts=[\n"
                    "    'rotate-backups = rotate_backups.cli:main',\n]))\n",
        "tox.ini": "[testenv]\ncommands =\n    ospurge {posargs:--help}\n",
        "cleanup-job.yaml": textwrap.dedent("""\
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: cleanup
            spec:
              template:
                spec:
                  containers:
                  - command:
                    - /bin/sh
                    - -xc
                    - /usr/local/bin/checkout.sh /src; python -m kf.testing.cleanup_ci
                      --project=ci all
            """),
        "tekton/task.yaml": textwrap.dedent("""\
            apiVersion: tekton.dev/v1beta1
            kind: Task
            metadata:
              name: cleanup
            spec:
              steps:
              - name: create-context
                image: worker
                command:
                - python
                - -m
                - kf.testing.create_context
                - create
            """)}
    found = {script: [c[:3] for c in entries] for script, entries in callers(tmp_path, files, scripts).items()}
    assert found == {
        "ospurge/main.py": [("setup.cfg", 3, "entry-point"), ("tox.ini", 3, "tox")],
        "rotate_backups/cli.py": [("setup.py", 3, "entry-point")],
        "py/kf/testing/cleanup_ci.py": [("cleanup-job.yaml", 12, "kubernetes")],
        "py/kf/testing/create_context.py": [("tekton/task.yaml", 12, "ci")]}


def test_ansible_tasks_run_scripts_from_the_role_and_the_playbook_folder(tmp_path: Path) -> None:
    scripts = ("tools/cleanup-host", "ansible/roles/engine/files/ce-cleanup.sh",
               "ansible/roles/keystone/files/cron_generator.py")
    files = {
        "ansible/roles/destroy/tasks/cleanup_host.yml": textwrap.dedent("""\
            ---
            - name: Destroying host configuration
              become: true
              ansible.builtin.script: ../tools/cleanup-host
            """),
        "ansible/roles/engine/tasks/uninstall.yml": textwrap.dedent("""\
            - name: Remove all containers and images
              block:
                - script: ce-cleanup.sh "{{ current_engine }}"
            """),
        "ansible/roles/keystone/tasks/config.yml": textwrap.dedent("""\
            - name: Generate the cron jobs
              ansible.builtin.command: >
                {{ ansible_playbook_python }} {{ role_path }}/files/cron_generator.py
                -t 60
            """)}
    found = {script: [c[:3] for c in entries] for script, entries in callers(tmp_path, files, scripts).items()}
    assert found == {
        "tools/cleanup-host": [("ansible/roles/destroy/tasks/cleanup_host.yml", 4, "ansible")],
        "ansible/roles/engine/files/ce-cleanup.sh": [("ansible/roles/engine/tasks/uninstall.yml", 3, "ansible")],
        "ansible/roles/keystone/files/cron_generator.py": [("ansible/roles/keystone/tasks/config.yml", 3, "ansible")]}


def test_a_click_group_added_to_a_flask_cli_is_run_by_flask_and_its_name(tmp_path: Path) -> None:
    scripts = ("admin/mailu/manage.py", "admin/start.py", "admin/mailu/__init__.py")
    files = {
        "admin/mailu/manage.py": textwrap.dedent("""\
            import click
            from flask.cli import FlaskGroup

            @click.group(cls=FlaskGroup)
            def mailu():
                pass

            @mailu.command()
            def advertise():
                pass
            """),
        "admin/mailu/__init__.py": "import flask\nfrom mailu import manage\n"
                                   "def create_app():\n    app = flask.Flask(__name__)\n"
                                   "    app.cli.add_command(manage.mailu)\n    return app\n",
        "admin/start.py": "import os\nos.system('flask mailu advertise')\nos.system('flask db upgrade')\n",
        "run_dev.sh": "#!/bin/sh\nflask --debug mailu admin me example.com pw\n"}
    found = {script: [c[:2] for c in entries] for script, entries in callers(tmp_path, files, scripts).items()}
    assert found == {"admin/mailu/manage.py": [("admin/start.py", 2), ("run_dev.sh", 2)]}


def test_a_flask_group_run_in_a_container_or_by_a_formatted_command(tmp_path: Path) -> None:
    scripts = ("admin/mailu/manage.py", "admin/start.py", "admin/mailu/__init__.py")
    files = {
        "admin/mailu/manage.py": "import click\nfrom flask.cli import FlaskGroup\n\n"
                                 "@click.group(cls=FlaskGroup)\ndef mailu():\n    pass\n",
        "admin/mailu/__init__.py": "import flask\nfrom mailu import manage\n"
                                   "def create_app():\n    app = flask.Flask(__name__)\n"
                                   "    app.cli.add_command(manage.mailu)\n    return app\n",
        "admin/start.py": textwrap.dedent("""\
            import os
            os.system("flask mailu admin %s %s '%s' --mode %s" % (account, domain, pw, mode))
            os.system("flask mailu user {} {}".format(account, domain))
            os.system("flask db upgrade %s" % revision)
            """),
        "purge.sh": textwrap.dedent("""\
            #!/bin/bash
            while read line; do echo "$line"; done < <(
                docker compose exec -T admin \\
                    flask mailu config-export -j user.email \\
                2>/dev/null | jq -r '.user[]'
            )
            docker compose exec admin flask --app mailu:create_app mailu advertise
            docker compose exec admin flask --app mailu db upgrade
            """)}
    found = {script: [c[:2] for c in entries] for script, entries in callers(tmp_path, files, scripts).items()}
    assert found == {"admin/mailu/manage.py": [("admin/start.py", 2), ("admin/start.py", 3),
                                               ("purge.sh", 4), ("purge.sh", 7)]}


def test_scripts_copied_into_an_image_by_a_pattern(tmp_path: Path) -> None:
    """``COPY *.py /`` puts every matching script of the build context at the image's root;
    one of the same name elsewhere in the tree is not the one the image runs."""
    scripts = ("core/nginx/start.py", "core/nginx/config.py", "core/admin/start.py", "core/nginx/lib/start.py")
    files = {"core/nginx/Dockerfile": "FROM python:3\nCOPY *.py /\nCMD /start.py\n",
             "core/nginx/start.py": "import subprocess\nsubprocess.call(['/config.py'])\n"}
    found = {script: [c[:2] for c in entries] for script, entries in callers(tmp_path, files, scripts).items()}
    assert found == {"core/nginx/start.py": [("core/nginx/Dockerfile", 3)],
                     "core/nginx/config.py": [("core/nginx/start.py", 2)]}


@pytest.mark.parametrize("name", ["Dockerfile", "Containerfile", "Dockerfile.prod", "api.dockerfile",
                                  "Dockerfile-alpine.template", "Dockerfile_debian"])
def test_dockerfiles_and_the_templates_they_are_generated_from_are_read(tmp_path: Path, name: str) -> None:
    files = {f"image/{name}": "FROM alpine\nCOPY docker-entrypoint.sh /usr/local/bin/\n"
                              'ENTRYPOINT ["docker-entrypoint.sh"]\n'}
    found = callers(tmp_path, files, ("docker-entrypoint.sh",))
    assert [(c[0], c[1], c[2]) for c in found["docker-entrypoint.sh"]] == [(f"image/{name}", 3, "dockerfile")]


def test_commands_run_in_the_projects_environment_and_from_test_scripts(tmp_path: Path) -> None:
    scripts = ("pkg/tool.py", "pkg/__init__.py")
    files = {"pkg/tool.py": "def main():\n    print(1)\n",
             "pyproject.toml": '[project]\nname = "x"\n[project.scripts]\nmytool = "pkg.tool:main"\n',
             "ci.sh": "#!/bin/bash\npoetry run mytool --x\nuv run --frozen mytool\npipenv run python pkg/tool.py\n"
                      # options with a value (``--group aws``, ``--with-editable .``) before the command
                      "uv run --group aws --with-editable . python pkg/tool.py\n",
             ".ci/test_port.sh": "#!/bin/sh\npoetry run mytool --check\n"}
    found = {script: [c[:2] for c in entries] for script, entries in callers(tmp_path, files, scripts).items()}
    assert found["pkg/tool.py"] == [(".ci/test_port.sh", 2), ("ci.sh", 2), ("ci.sh", 3), ("ci.sh", 4),
                                    ("ci.sh", 5), ("pyproject.toml", 4)]


def test_a_command_an_image_installs_on_its_path_is_called_by_that_name(tmp_path: Path) -> None:
    files = {"plugin-cli.sh": "#!/bin/bash\necho plugins\n",
             "debian/Dockerfile": "FROM debian\nCOPY plugin-cli.sh /bin/plugin-cli\n",
             "tests/plugins/Dockerfile": "FROM ci/server\nRUN plugin-cli --plugins junit:1.6\n",
             "tests/plugins/notes.md": "RUN plugin-cli --plugins x\n"}
    from opsctl.adopt.scan import scan_tree

    make_tree(tmp_path, files)
    inventory = scan_tree(tmp_path, git=False)

    (script,) = [s for s in inventory.scripts if s.path == "plugin-cli.sh"]
    # a test image's Dockerfile is read for callers too (not the other files of a test folder)
    assert [(c.path, c.line) for c in script.callers] == [("tests/plugins/Dockerfile", 2)]


def test_go_code_runs_the_commands_it_hands_to_a_container(tmp_path: Path) -> None:
    """An operator's ``[]string{...}`` command lists and a probe's script path name the scripts
    its images run; a bare name in other Go strings is data, and so is a commented-out line."""
    files = {
        "build/backup/backup.sh": "#!/bin/bash\nxbcloud put\n",
        "build/liveness-check.sh": "#!/bin/bash\nmysqladmin ping\n",
        "build/pxc-init-entrypoint.sh": "#!/bin/bash\ncp /x /y\n",
        "pkg/backup/job.go": (
            "package backup\n\nfunc job() {\n"
            '\tcmd := []string{"bash", "/opt/percona/backup/backup.sh"}\n'
            '\tlog.Info("run backup.sh to back up")\n'
            '\t// old := []string{"/opt/percona/backup/backup.sh"}\n}\n'),
        "pkg/app/node.go": (
            "package app\n\nfunc probes() {\n"
            '\tp.LivenessProbe = app.Probe(&spec, "/var/lib/mysql/liveness-check.sh")\n'
            '\tc.Command = []string{"/pxc-init-entrypoint.sh"}\n'
            '\tc.Args = []string{"-c", name}\n}\n'),
    }
    scripts = ("build/backup/backup.sh", "build/liveness-check.sh", "build/pxc-init-entrypoint.sh")
    assert callers(tmp_path, files, scripts) == {
        "build/backup/backup.sh": [
            ("pkg/backup/job.go", 4, "script", 'cmd := []string{"bash", "/opt/percona/backup/backup.sh"}')],
        "build/liveness-check.sh": [
            ("pkg/app/node.go", 4, "script",
             'p.LivenessProbe = app.Probe(&spec, "/var/lib/mysql/liveness-check.sh")')],
        "build/pxc-init-entrypoint.sh": [
            ("pkg/app/node.go", 5, "script", 'c.Command = []string{"/pxc-init-entrypoint.sh"}')],
    }


def test_a_script_named_by_a_number_is_looked_for_by_its_path() -> None:
    """runit's stage scripts (``etc/runit/1``): the number alone is in every file, so a file is
    read for callers of it only when it holds the path."""
    from opsctl.adopt.caller_refs import ScriptIndex

    index = ScriptIndex.of(["image/etc/runit/1", "bin/deploy.sh"])
    assert not index.mentioned_in("retries=1\nsleep 1\n")
    assert index.mentioned_in("exec /etc/runit/1\n")
    assert index.mentioned_in("./bin/deploy.sh --retries 1\n")


def test_a_clis_subcommand_registered_as_an_entry_point_is_called_through_the_command(
        tmp_path: Path) -> None:
    files = {
        "pyproject.toml": """
            [project]
            name = "acme"

            [project.scripts]
            acme = "acme.cmd.main:main"

            [project.entry-points."acme.cm"]
            cleanup = "acme.cmd.cleanup:Cleanup"
            workspace_remove = "acme.cmd.workspace:Remove"
            """,
        "tools/sanity.sh": """
            #!/bin/sh
            tox -e venv -- acme cleanup --dry-run
            "$VENV" acme workspace remove --name x
            acme --debug list
            echo acme cleanup
            """,
    }
    scripts = ("src/acme/cmd/main.py", "src/acme/cmd/cleanup.py", "src/acme/cmd/workspace.py",
               "tools/sanity.sh")
    found = callers(tmp_path, files, scripts)
    assert [(path, line) for path, line, _kind, _text in found["src/acme/cmd/cleanup.py"]] == [
        ("pyproject.toml", 8), ("tools/sanity.sh", 2)]
    assert [(path, line) for path, line, _kind, _text in found["src/acme/cmd/workspace.py"]] == [
        ("pyproject.toml", 9), ("tools/sanity.sh", 3)]


def test_commands_naming_no_script_still_move_the_working_directory(tmp_path: Path) -> None:
    # the file mentions only report.py; the ``cd`` and the assignment before it are still read
    files = {"ci/run.sh": """
        #!/bin/sh
        TOOLS=$(dirname "$0")/../tools
        cd "$TOOLS" && ls -la
        make lint
        ./report.py --weekly
        """}
    found = callers(tmp_path, files, ("tools/report.py", "other/report.py", "ci/run.sh"))
    assert [(path, line) for path, line, _kind, _text in found["tools/report.py"]] == [
        ("ci/run.sh", 5)]
    assert "other/report.py" not in found


def test_an_s6_rc_up_file_runs_the_script_of_its_own_image_tree(tmp_path: Path) -> None:
    files = {
        "prosody/rootfs/etc/s6-overlay/s6-rc.d/10-config/up": "/etc/s6-overlay/scripts/config\n",
        "web/rootfs/etc/s6-overlay/s6-rc.d/10-config/up": "/etc/s6-overlay/scripts/config\n",
    }
    scripts = ("prosody/rootfs/etc/s6-overlay/scripts/config",
               "web/rootfs/etc/s6-overlay/scripts/config")
    found = callers(tmp_path, files, scripts)
    assert {script: [(path, line, kind) for path, line, kind, _ in entries]
            for script, entries in found.items()} == {
        scripts[0]: [("prosody/rootfs/etc/s6-overlay/s6-rc.d/10-config/up", 1, "script")],
        scripts[1]: [("web/rootfs/etc/s6-overlay/s6-rc.d/10-config/up", 1, "script")]}


def test_a_vagrantfiles_shell_provisioners(tmp_path: Path) -> None:
    files = {"Vagrantfile": """
        Vagrant.configure("2") do |config|
          # config.vm.provision "shell", path: "vagrant/old.sh"
          config.vm.provision :shell, :path => "vagrant/provision.sh", :args => "demo"
          config.vm.provision "shell", path: "vagrant/users.sh"
          config.vm.provision "shell", inline: "bash /vagrant/scripts/seed.sh --small"
        end
        """}
    scripts = ("vagrant/provision.sh", "vagrant/users.sh", "scripts/seed.sh", "vagrant/old.sh")
    found = callers(tmp_path, files, scripts)
    assert {script: [(path, line) for path, line, _kind, _text in entries]
            for script, entries in found.items()} == {
        "vagrant/provision.sh": [("Vagrantfile", 3)], "vagrant/users.sh": [("Vagrantfile", 4)],
        "scripts/seed.sh": [("Vagrantfile", 5)]}


def test_a_script_copied_into_a_folder_the_image_runs_is_called_from_there(tmp_path: Path) -> None:
    files = {"Dockerfile-debian.template": """
        FROM debian:bookworm
        COPY docker-entrypoint.sh /
        COPY 10-listen-on-ipv6.sh /docker-entrypoint.d
        COPY --chmod=755 init-db.sh /docker-entrypoint-initdb.d/
        COPY rotate.sh /etc/periodic/daily/
        COPY notes.sh /usr/share/doc/
        ENTRYPOINT ["/docker-entrypoint.sh"]
        """}
    scripts = ("entrypoint/docker-entrypoint.sh", "entrypoint/10-listen-on-ipv6.sh",
               "db/init-db.sh", "ops/rotate.sh", "ops/notes.sh")
    found = callers(tmp_path, files, scripts)
    assert {script: [(path, line) for path, line, _kind, _text in entries]
            for script, entries in found.items()} == {
        "entrypoint/docker-entrypoint.sh": [("Dockerfile-debian.template", 7)],
        "entrypoint/10-listen-on-ipv6.sh": [("Dockerfile-debian.template", 3)],
        "db/init-db.sh": [("Dockerfile-debian.template", 4)],
        "ops/rotate.sh": [("Dockerfile-debian.template", 5)]}


def test_an_installed_command_run_from_a_virtualenvs_bin(tmp_path: Path) -> None:
    scripts = ("kinto/__main__.py", "tools/other.py")
    files = {
        "kinto/__init__.py": "",
        "pyproject.toml": '[project]\nname = "kinto"\n[project.scripts]\nkinto = "kinto.__main__:main"\n',
        "Makefile": "VENV := .venv\n\nserve:\n\t$(VENV)/bin/kinto init --ini x.ini\n"
                    "\t.venv/bin/kinto start --ini x.ini\n\t/opt/tools/bin/kinto start\n",
    }
    found = {script: [c[:2] for c in entries] for script, entries in callers(tmp_path, files, scripts).items()}
    # a virtualenv's bin holds the command its package installs; another bin folder may not
    assert found == {"kinto/__main__.py": [("Makefile", 4), ("Makefile", 5), ("pyproject.toml", 4)]}


def test_packer_provisioners_are_callers(tmp_path: Path) -> None:
    scripts = ("templates/al2023/provisioners/install-worker.sh", "templates/al2023/provisioners/cleanup.sh",
               "templates/al2023/provisioners/validate.sh", "packer/scripts/harden.sh",
               "packer/scripts/setup.sh", "packer/scripts/base.sh", "other/unused.sh")
    files = {
        "templates/al2023/template.json": textwrap.dedent("""\
            {
              "builders": [{"type": "amazon-ebs"}],
              "provisioners": [
                {"type": "file", "source": "{{template_dir}}/provisioners/", "destination": "/tmp"},
                {
                  "type": "shell",
                  "script": "{{template_dir}}/provisioners/install-worker.sh"
                },
                {"type": "shell", "scripts": ["{{template_dir}}/provisioners/cleanup.sh"]},
                {"type": "shell", "inline": ["sudo bash /tmp/provisioners/validate.sh --strict"]}
              ]
            }
            """),
        "packer/build.pkr.hcl": textwrap.dedent("""\
            build {
              provisioner "shell" {
                script = "${path.root}/scripts/harden.sh"
              }
              provisioner "shell" {
                scripts = [
                  "${path.root}/scripts/setup.sh",
                  "${path.root}/scripts/base.sh",
                ]
              }
            }
            """),
        "package.json": '{"scripts": {"x": "other/unused.sh"}}'}
    found = {script: [c[:3] for c in entries] for script, entries in callers(tmp_path, files, scripts).items()}
    assert found == {
        "templates/al2023/provisioners/install-worker.sh": [("templates/al2023/template.json", 7, "packer")],
        "templates/al2023/provisioners/cleanup.sh": [("templates/al2023/template.json", 9, "packer")],
        "templates/al2023/provisioners/validate.sh": [("templates/al2023/template.json", 10, "packer")],
        "packer/scripts/harden.sh": [("packer/build.pkr.hcl", 3, "packer")],
        "packer/scripts/setup.sh": [("packer/build.pkr.hcl", 7, "packer")],
        "packer/scripts/base.sh": [("packer/build.pkr.hcl", 8, "packer")],
        # package.json's "scripts" are npm's (run by `npm run x`), never a Packer template's
        "other/unused.sh": [("package.json", 1, "npm")]}


def test_packer_hcl_inline_commands_are_one_script(tmp_path: Path) -> None:
    """``inline = [...]`` in HCL: its strings are the lines of one script (a ``cd`` in one holds
    for the next), also the lists of a condition (``local.skip ? [...] : [...]``)."""
    scripts = ("utils/clear_history.sh", "components/trivy_scan.sh", "utils/unused.sh")
    files = {
        "packer/build.pkr.hcl": textwrap.dedent("""\
            build {
              provisioner "shell" {
                inline = [
                  "cd /home/${local.user}/repo/distros/${local.os}/; bash ../../components/trivy_scan.sh",
                ]
              }
              provisioner "shell" {
                inline = local.skip ? [
                  "echo 'skipped'"
                ] : [
                  "cd /home/${local.user}/repo/utils",
                  "sudo -E ./clear_history.sh"
                ]
              }
            }
            """)}
    found = {script: [c[:3] for c in entries] for script, entries in callers(tmp_path, files, scripts).items()}
    assert found == {
        "components/trivy_scan.sh": [("packer/build.pkr.hcl", 4, "packer")],
        "utils/clear_history.sh": [("packer/build.pkr.hcl", 12, "packer")]}


def test_azure_pipelines_templates_outside_the_pipeline_folders(tmp_path: Path) -> None:
    scripts = ("scripts/linux/installPrereqs.sh", "scripts/linux/unlock.sh", "scripts/linux/unused.sh")
    files = {
        "builds/ci/dotnet.yaml": textwrap.dedent("""\
            jobs:
            - job: linux
              steps:
              - script: scripts/linux/installPrereqs.sh
                displayName: Install Prerequisites
              - task: Bash@3
                inputs:
                  filePath: scripts/linux/unlock.sh
            """)}
    found = {script: [c[:3] for c in entries] for script, entries in callers(tmp_path, files, scripts).items()}
    assert found == {
        "scripts/linux/installPrereqs.sh": [("builds/ci/dotnet.yaml", 4, "ci")],
        "scripts/linux/unlock.sh": [("builds/ci/dotnet.yaml", 8, "ci")]}


def test_an_installed_command_run_by_oslo_execute_or_from_a_bin_folder_variable(tmp_path: Path) -> None:
    scripts = ("cinder/cmd/rtstool.py", "ironic/command/dbsync.py")
    files = {
        "cinder/__init__.py": "", "cinder/cmd/__init__.py": "", "ironic/__init__.py": "",
        "ironic/command/__init__.py": "",
        "pyproject.toml": '[project]\nname = "x"\n[project.scripts]\n'
                          'cinder-rtstool = "cinder.cmd.rtstool:main"\nironic-dbsync = "ironic.command.dbsync:main"\n',
        "cinder/volume/lio.py": textwrap.dedent("""\
            from cinder import utils

            def verify():
                utils.execute('cinder-rtstool', 'verify')
                cursor.execute('cinder-rtstool')
                self._execute('cinder-rtstool', 'delete', iqn, run_as_root=True)
            """),
        "devstack/lib/ironic.sh": "init_db() {\n    $IRONIC_BIN_DIR/ironic-dbsync --config-file=$CONF\n}\n",
    }
    found = {script: [c[:2] for c in entries] for script, entries in callers(tmp_path, files, scripts).items()}
    # a database cursor's execute runs SQL, not a program
    assert found["cinder/cmd/rtstool.py"] == [("cinder/volume/lio.py", 4), ("cinder/volume/lio.py", 6),
                                             ("pyproject.toml", 4)]
    assert found["ironic/command/dbsync.py"] == [("devstack/lib/ironic.sh", 2), ("pyproject.toml", 5)]


def test_a_bare_name_further_on_is_an_argument_unless_the_command_runs_it(tmp_path: Path) -> None:
    scripts = ("make/prepare", "bin/spinup", "bin/list-shells")
    files = {
        "Dockerfile": "FROM rust\nRUN cargo chef prepare --recipe-path recipe.json\n",
        "ci.sh": "#!/bin/sh\nuv run python scripts/release.py prepare \"$BUMP\"\n"
                 "ssh deploy@host spinup --now\nexec app_setenv \"web\" spinup\n"
                 "debug_and_run --noerr docker exec box list-shells\ngosu app list-shells\n",
    }
    found = {script: [c[:2] for c in entries] for script, entries in callers(tmp_path, files, scripts).items()}
    # ``prepare`` is cargo's and release.py's argument; ``ssh``, a ``*_setenv`` wrapper, a
    # ``debug_and_run`` wrapper (here of ``docker exec``: the image's own copy) and ``gosu`` run
    # the word they are given
    assert found == {"bin/spinup": [("ci.sh", 3), ("ci.sh", 4)],
                     "bin/list-shells": [("ci.sh", 5), ("ci.sh", 6)]}


def test_checkout_folders_guarded_variables_package_mains_and_one_name_modules(tmp_path: Path) -> None:
    scripts = ("test/test.py", "test/lib/test/test.py", "app/cli.py", "tools/build.py")
    files = {
        "app/__init__.py": "",
        ".github/workflows/ci.yml": textwrap.dedent("""\
            on: push
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                    with:
                      path: pgbackrest
                  - run: ${GITHUB_WORKSPACE?}/pgbackrest/test/test.py vm-build
                  - run: python -m build --sdist
            """),
        "app/__main__.py": "import sys\n\nimport app.cli\n\nif __name__ == '__main__':\n"
                           "    sys.exit(app.cli.main())\n",
    }
    found = {script: [c[:2] for c in entries] for script, entries in callers(tmp_path, files, scripts).items()}
    # the repository checked out into a folder of its name; ``${X?}`` is ``$X``; what a
    # package's ``__main__.py`` hands over to; ``python -m build`` is PyPA's, not tools/build.py
    assert found == {"test/test.py": [(".github/workflows/ci.yml", 9)],
                     "app/cli.py": [("app/__main__.py", 6)]}


def test_concourse_tasks_and_pipelines_run_their_path(tmp_path: Path) -> None:
    scripts = ("ci/tasks/test-docker.sh", "scripts/test", "units/test", "ci/tasks/clean.sh")
    files = {
        "ci/tasks/test-docker.yml": textwrap.dedent("""\
            ---
            platform: linux
            inputs:
              - name: bosh-deployment
            run:
              path: bosh-deployment/ci/tasks/test-docker.sh
            """),
        "ci/pipelines/main.yml": textwrap.dedent("""\
            jobs:
            - name: unit-test
              plan:
              - task: test
                config:
                  platform: linux
                  run:
                    dir: cf-deployment
                    path: scripts/test
              - task: units
                config:
                  run:
                    dir: cf-deployment/units
                    path: ./test
              - task: clean
                config:
                  run:
                    path: /bin/bash
                    args:
                    - -c
                    - cf-deployment/ci/tasks/clean.sh --all
            """)}
    found = {script: [c[:3] for c in entries] for script, entries in callers(tmp_path, files, scripts).items()}
    assert found == {
        "ci/tasks/test-docker.sh": [("ci/tasks/test-docker.yml", 6, "ci")],
        "scripts/test": [("ci/pipelines/main.yml", 9, "ci")],
        "units/test": [("ci/pipelines/main.yml", 14, "ci")],
        "ci/tasks/clean.sh": [("ci/pipelines/main.yml", 21, "ci")]}


def test_a_command_an_image_installs_is_that_script_only_inside_images(tmp_path: Path) -> None:
    """``COPY client/cli-stub /usr/local/bin/prefect`` installs the stub as ``prefect`` in that
    image: a Dockerfile or a script the images hold runs it by that name; a CI workflow or a
    script on the host runs the project's own ``prefect``."""
    scripts = ("client/cli-stub", "docker/entrypoint.sh", "load_testing/populate.sh")
    files = {
        "client/cli-stub": "#!/bin/sh\necho stub\n",
        "client/Dockerfile": "FROM python:3.12\nCOPY ./client/cli-stub /usr/local/bin/prefect\n"
                             "COPY docker/entrypoint.sh /entrypoint.sh\nRUN prefect --version\n",
        "docker/entrypoint.sh": "#!/bin/sh\nprefect server start\n",
        "load_testing/populate.sh": "#!/bin/sh\nprefect work-pool create local\n",
        ".github/workflows/ci.yml": "jobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
                                   "      - run: uv run prefect server start\n"}
    found = {script: [c[:3] for c in entries] for script, entries in callers(tmp_path, files, scripts).items()}
    assert found["client/cli-stub"] == [("client/Dockerfile", 4, "dockerfile"),
                                        ("docker/entrypoint.sh", 2, "script")]


def test_task_runners_run_the_tasks_file_of_their_search_root(tmp_path: Path) -> None:
    scripts = ("tasks.py", "ops/fabfile.py", "deploy/tasks.py")
    files = {
        "tasks.py": "from invoke import task\n@task\ndef build(c):\n    pass\n",
        "ops/fabfile.py": "from fabric import task\n@task\ndef deploy(c):\n    pass\n",
        "deploy/tasks.py": "from invoke import task\n@task\ndef release(c):\n    pass\n",
        ".github/workflows/ci.yml": "jobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
                                   "      - run: inv build --tag x\n"
                                   "      - run: invoke -r deploy release\n"
                                   "      - run: cd ops && fab deploy\n"}
    found = {script: [c[:3] for c in entries] for script, entries in callers(tmp_path, files, scripts).items()}
    assert found == {"tasks.py": [(".github/workflows/ci.yml", 5, "github-actions")],
                     "deploy/tasks.py": [(".github/workflows/ci.yml", 6, "github-actions")],
                     "ops/fabfile.py": [(".github/workflows/ci.yml", 7, "github-actions")]}


def test_console_scripts_declared_as_a_pyproject_entry_point_group(tmp_path: Path) -> None:
    scripts = ("magnum/cmd/api.py",)
    files = {"magnum/__init__.py": "", "magnum/cmd/__init__.py": "",
             "pyproject.toml": '[project]\nname = "magnum"\n\n'
                               '[project.entry-points."console_scripts"]\n'
                               'magnum-api = "magnum.cmd.api:main"\n',
             "tox.ini": "[testenv:api]\ncommands = magnum-api --config-file x.conf\n"}
    found = {script: [c[:3] for c in entries] for script, entries in callers(tmp_path, files, scripts).items()}
    assert found == {"magnum/cmd/api.py": [("pyproject.toml", 5, "entry-point"), ("tox.ini", 2, "tox")]}


def test_azure_pipelines_templates_in_their_folder_are_ci(tmp_path: Path) -> None:
    """``.azure/templates/steps/x.yaml`` (a template ``azure-pipelines.yaml`` includes): its
    ``bash:`` and ``script:`` steps run the scripts."""
    files = {".azure/templates/steps/setup.yaml": "steps:\n  - bash: \"scripts/backup.sh\"\n"
                                                   "    displayName: backup\n"}
    assert callers(tmp_path, files) == {"scripts/backup.sh": [
        (".azure/templates/steps/setup.yaml", 2, "ci", "- bash: \"scripts/backup.sh\"")]}


def test_a_tiltfiles_local_resources_run_scripts(tmp_path: Path) -> None:
    """Tilt's ``Tiltfile`` (Starlark, read as Python): ``local_resource``'s ``cmd`` and
    ``serve_cmd``, also built with ``str.format``; the resource's name is not a command."""
    files = {"Tiltfile": """
        local_resource("backup", serve_cmd="./scripts/backup.sh")
        local_resource(
            "seed",
            cmd="ROOT={rd} {script}".format(rd=root, script="{}/scripts/backup.sh".format(config.main_dir)),
        )
        """}
    assert [(path, line, kind) for path, line, kind, _text in callers(tmp_path, files)["scripts/backup.sh"]] == [
        ("Tiltfile", 1, "script"), ("Tiltfile", 4, "script")]


def test_naming_a_script_is_not_running_it(tmp_path: Path) -> None:
    """A file removed, linked or made (``unlink``, ``${SUDO} rm``, ``ln -s``, ``mkdir``), a
    sentence printed (``err "run backup.sh first"``), a folder variable set to a path that
    ends with a script's name: none of them runs it; the command line after them does."""
    files = {"install.sh": """
        backupDir="/etc/scripts/backup.sh"
        ${SUDO} rm -rf /opt/scripts/backup.sh
        unlink /usr/local/bin/deploy.sh
        ln -sfT /opt/app/scripts/deploy.sh /usr/local/bin/deploy.sh
        err "Run scripts/backup.sh --full first"
        whiptail --msgbox "Now run 'scripts/deploy.sh add'" 10 60
        ${SUDO} scripts/backup.sh --full
        """}
    assert {script: [(line, kind) for _path, line, kind, _text in found]
            for script, found in callers(tmp_path, files).items()} == {"scripts/backup.sh": [(7, "script")]}


def test_a_folder_an_image_puts_on_its_path_runs_its_scripts_by_name(tmp_path: Path) -> None:
    """``ADD ./scripts /usr/local/bin``: each script of the folder is a command of the image,
    run by its bare name after the image in ``docker run`` (a bare word there is otherwise the
    container's own)."""
    files = {"Dockerfile": "FROM alpine\nADD ./scripts /usr/local/bin\n",
             "test/run.sh": """
                docker run -v "$DATA:/data" --rm "$IMG" backup.sh --full
                docker run --rm "$IMG" report.py
                """}
    assert [(path, line) for path, line, _kind, _text in callers(tmp_path, files)["scripts/backup.sh"]] == [
        ("test/run.sh", 1)]


def test_a_lazily_loaded_click_group_is_run_by_its_program(tmp_path: Path) -> None:
    """``@cli.group(cls=LazyGroup, import_name='app.cli.user:cli')``, or click's documented
    ``LazyGroup(lazy_subcommands={"user": "app.cli.user.cli"})``: the module runs as that
    subcommand of the program."""
    files = {"app/__init__.py": "", "app/cli/__init__.py": "",
             "app/cli/user.py": "import click\n",
             "app/cli/core.py": """
                @cli.group(cls=LazyGroup, import_name='app.cli.user:cli')
                def user():
                    pass
                """}
    assert [(path, line) for path, line, _kind, _text in callers(
        tmp_path, files, scripts=(*SCRIPTS, "app/cli/user.py", "app/cli/core.py"))["app/cli/user.py"]] == [
        ("app/cli/core.py", 1)]


def test_a_script_an_ansible_role_installs_is_run_by_the_installed_path(tmp_path: Path) -> None:
    scripts = ("roles/net/templates/firewall.sh", "roles/gc/templates/gc.sh", "roles/tls/files/renew.sh",
               "roles/gc/templates/other/gc.sh")
    files = {
        "roles/net/tasks/main.yml": """
            - name: upload main firewall script
              template:
                src: firewall.sh
                dest: /usr/local/sbin/firewall
                mode: 0755
            - name: upload the unit
              ansible.builtin.template: src=firewall.service dest=/etc/systemd/system/firewall.service
            """,
        "roles/net/templates/firewall.service": "[Service]\nExecStart=/usr/local/sbin/firewall\n"
                                                "ExecStop=/bin/bash /usr/local/sbin/firewall --reset\n",
        "roles/gc/tasks/main.yml": """
            - template:
                src: gc.sh
                dest: "{{ vars_gc_path }}"
            - template:
                src: cron_gc.j2
                dest: /etc/cron.d/gc
            - template:
                src: "{{ item }}"
                dest: /etc/systemd/system/{{ item }}
              loop: [gc.service]
            """,
        "roles/gc/templates/gc.service": "[Service]\nExecStart={{ vars_gc_path }} --all\n",
        "roles/gc/templates/cron_gc.j2": "PATH=/usr/bin\n0 0 * * * root {{ vars_gc_path }}\n",
        "roles/tls/tasks/main.yml": """
            - copy:
                src: renew.sh
                dest: /usr/local/bin/renew-certs
            - name: first certificates
              shell: bash -c "sudo -u renew -- renew-certs initial"
            """,
        # the same bare name elsewhere is some other program
        "ci.sh": "renew-certs --check\n",
        **{script: "#!/bin/sh\necho hi\n" for script in scripts}}
    assert callers(tmp_path, files, scripts) == {
        "roles/net/templates/firewall.sh": [
            ("roles/net/templates/firewall.service", 2, "systemd", "ExecStart=/usr/local/sbin/firewall"),
            ("roles/net/templates/firewall.service", 3, "systemd",
             "ExecStop=/bin/bash /usr/local/sbin/firewall --reset")],
        "roles/gc/templates/gc.sh": [
            ("roles/gc/templates/cron_gc.j2", 2, "cron", "0 0 * * * root {{ vars_gc_path }}"),
            ("roles/gc/templates/gc.service", 2, "systemd", "ExecStart={{ vars_gc_path }} --all")],
        "roles/tls/files/renew.sh": [
            ("roles/tls/tasks/main.yml", 5, "ansible", 'shell: bash -c "sudo -u renew -- renew-certs initial"')]}


def test_ansible_installs_are_read_from_task_lines_not_yaml() -> None:
    from opsctl.adopt.callers_deploy import _installs, _source_file
    text = ("- template:\n    src: a.sh\n    # a comment\n\n    dest: {{ dir }}/a\n"
            "- copy: src='b.sh' dest=\"/usr/bin/b\" mode=0755\n- copy:\n    content: x\n    dest: /c\n")
    assert list(_installs(text)) == [("template", "a.sh", "{{ dir }}/a"), ("copy", "b.sh", "/usr/bin/b")]
    known = frozenset({"r/x/templates/a.sh", "r/x/files/a.sh", "r/x/tasks/b.sh", "play/files/c.sh"})
    assert _source_file("r/x/tasks/main.yml", "template", "a.sh", known) == "r/x/templates/a.sh"
    assert _source_file("r/x/tasks/main.yml", "copy", "a.sh", known) == "r/x/files/a.sh"
    assert _source_file("r/x/tasks/main.yml", "copy", "b.sh", known) == "r/x/tasks/b.sh"
    assert _source_file("play/site.yml", "copy", "c.sh", known) == "play/files/c.sh"
    assert _source_file("play/site.yml", "copy", "/etc/c.sh", known) is None


def test_a_bare_command_named_like_a_function_of_the_file_or_a_system_program_is_not_the_script(
        tmp_path: Path) -> None:
    scripts = ("script/build", "script/go", "script/deploy")
    files = {"build.sh": "function build {\n  go build ./...\n}\nbuild linux amd64\nscript/build\n"
                         "deploy() { echo; }\ndeploy\nscript/go vet\n",
             "script/test": "go test ./...\n",
             **{script: "#!/bin/sh\necho hi\n" for script in scripts}}
    assert callers(tmp_path, files, scripts) == {
        "script/build": [("build.sh", 5, "script", "script/build")],
        "script/go": [("build.sh", 8, "script", "script/go vet")]}


def test_a_compose_file_named_after_its_environment_and_python_files_run_in_its_containers(
        tmp_path: Path) -> None:
    scripts = ("compose/django/start", "manage.py")
    files = {"production.yml": """
                 services:
                   django:
                     build:
                       context: .
                       dockerfile: ./compose/django/Dockerfile
                     command: /start
                 """,
             "compose/django/Dockerfile": "FROM python\nCOPY ./compose/django/start /start\n",
             "ci.sh": "docker compose -f production.yml run --rm django coverage run manage.py test\n"
                      "docker compose -f production.yml run --rm django cat manage.py\n",
             **{script: "#!/bin/sh\necho hi\n" for script in scripts}}
    assert callers(tmp_path, files, scripts) == {
        "compose/django/start": [("production.yml", 6, "compose", "command: /start")],
        "manage.py": [("ci.sh", 1, "script",
                       "docker compose -f production.yml run --rm django coverage run manage.py test")]}


def test_packer_lists_in_locals_matrix_fragments_and_options_that_hold_a_command(tmp_path: Path) -> None:
    scripts = ("packer/scripts/_common/motd.sh", "packer/scripts/debian/cleanup_debian.sh",
               "packer/scripts/ubuntu/cleanup_ubuntu.sh", "amazonlinux-2023-x86_64-build.sh",
               "h/scripts/init_db.py", "bin/app.sh")
    files = {"packer/builder.pkr.hcl": """
                 locals {
                   common_scripts = [
                     "${path.root}/scripts/_common/motd.sh",
                   ]
                   scripts = var.os == "debian" || var.os == "ubuntu" ? [
                     "${path.root}/scripts/${var.os}/cleanup_${var.os}.sh",
                   ] : []
                 }
                 """,
             ".github/workflows/build.yml": """
                 on: push
                 jobs:
                   build:
                     strategy:
                       matrix:
                         os: [amazonlinux-2023]
                     runs-on: ubuntu-latest
                     steps:
                       - run: ./${{ matrix.os }}-x86_64-build.sh
                 """,
             "Makefile": "db:\n\t@tox -qe dev --run-command 'python3 -m h.scripts.init_db --create'\n",
             "ops.sh": 'su app --command "bin/app.sh migrate"\n',
             **{script: "#!/bin/sh\necho hi\n" for script in scripts}}
    found = {script: [(path, line) for path, line, _kind, _text in entries]
             for script, entries in callers(tmp_path, files, scripts).items()}
    assert found == {
        "packer/scripts/_common/motd.sh": [("packer/builder.pkr.hcl", 3)],
        "packer/scripts/debian/cleanup_debian.sh": [("packer/builder.pkr.hcl", 6)],
        "packer/scripts/ubuntu/cleanup_ubuntu.sh": [("packer/builder.pkr.hcl", 6)],
        "amazonlinux-2023-x86_64-build.sh": [(".github/workflows/build.yml", 9)],
        "h/scripts/init_db.py": [("Makefile", 2)],
        "bin/app.sh": [("ops.sh", 1)]}


def test_a_cron_table_kept_as_a_text_file_is_read(tmp_path: Path) -> None:
    scripts = ("sqoop/run.sh", "sqoop/scripts/dump.sh")
    files = {"sqoop/cronjobs.txt": "MAILTO=\"\"\n42 03 * * * cd /data/sqoop; ./run.sh ./scripts/dump.sh\n",
             "sqoop/notes.txt": "./run.sh ./scripts/dump.sh\n",
             **{script: "#!/bin/sh\necho hi\n" for script in scripts}}
    assert {script: [(path, line, kind) for path, line, kind, _text in entries]
            for script, entries in callers(tmp_path, files, scripts).items()} == {
        "sqoop/run.sh": [("sqoop/cronjobs.txt", 2, "cron")],
        "sqoop/scripts/dump.sh": [("sqoop/cronjobs.txt", 2, "cron")]}


def test_terraform_local_exec_external_programs_and_boot_scripts(tmp_path: Path) -> None:
    scripts = ("infra/create_pools.sh", "infra/helpers/get_pool.sh", "infra/startup.sh", "infra/seed.sh",
               "infra/unused.sh", "infra/stackscript.sh", "infra/helpers/remote.sh", "infra/remote_b.sh",
               "infra/user-data.sh")
    files = {"infra/pools.tf": """
                 resource "null_resource" "pools" {
                   provisioner "local-exec" {
                     command = "./create_pools.sh ${var.region}"
                   }
                 }
                 data "external" "pool" {
                   program = ["bash", "${path.module}/helpers/get_pool.sh"]
                 }
                 resource "google_compute_instance" "agent" {
                   metadata = {
                     startup-script = templatefile("startup.sh", { role = "x" })
                   }
                 }
                 resource "null_resource" "seed" {
                   provisioner "local-exec" {
                     command = <<-EOT
                       ./seed.sh --all
                     EOT
                   }
                 }
                 resource "linode_stackscript" "boot" {
                   script = chomp(file("${path.module}/stackscript.sh"))
                 }
                 resource "null_resource" "remote" {
                   provisioner "remote-exec" {
                     script = "${path.module}/helpers/remote.sh"
                   }
                   provisioner "remote-exec" {
                     scripts = ["./remote_b.sh", "unused.txt"]
                   }
                 }
                 # command = "./unused.sh"
                 data "template_file" "user_data" {
                   template = file("${path.module}/user-data.sh")
                 }
                 """,
             **{script: "#!/bin/sh\necho hi\n" for script in scripts}}
    assert {script: [(path, line, kind) for path, line, kind, _text in entries]
            for script, entries in callers(tmp_path, files, scripts).items()} == {
        "infra/create_pools.sh": [("infra/pools.tf", 3, "terraform")],
        "infra/helpers/get_pool.sh": [("infra/pools.tf", 7, "terraform")],
        "infra/startup.sh": [("infra/pools.tf", 11, "terraform")],
        "infra/seed.sh": [("infra/pools.tf", 17, "terraform")],
        "infra/stackscript.sh": [("infra/pools.tf", 22, "terraform")],
        "infra/helpers/remote.sh": [("infra/pools.tf", 26, "terraform")],
        "infra/remote_b.sh": [("infra/pools.tf", 29, "terraform")],
        "infra/user-data.sh": [("infra/pools.tf", 34, "terraform")]}


def test_a_script_named_in_part_by_a_variable_is_each_script_of_its_folder_the_name_fits(
        tmp_path: Path) -> None:
    scripts = ("bin/production_deploy.sh", "bin/staging_deploy.sh", "bin/other.sh",
               "script/test-mysql-master", "script/test-mysql-replica", "script/run")
    files = {".github/workflows/deploy.yml": """
                 on: push
                 jobs:
                   deploy:
                     runs-on: ubuntu-latest
                     steps:
                       - run: ./bin/${NAMESPACE}_deploy.sh
                 """,
             **{script: "#!/bin/sh\necho hi\n" for script in scripts},
             "script/run": '#!/bin/bash\nscript/test-mysql-$1 -e "select 1"\n./$CMD.sh\nbin/$X.sh\n'}
    found = {script: [(path, line) for path, line, _kind, _text in entries]
             for script, entries in callers(tmp_path, files, scripts).items()}
    assert found == {
        "bin/production_deploy.sh": [(".github/workflows/deploy.yml", 6)],
        "bin/staging_deploy.sh": [(".github/workflows/deploy.yml", 6)],
        "script/test-mysql-master": [("script/run", 2)],
        "script/test-mysql-replica": [("script/run", 2)]}


def test_a_concourse_pipeline_that_defines_an_anchor_again(tmp_path: Path) -> None:
    # YAML 1.2 (and Concourse) let each job define ``&notify`` anew; PyYAML refuses by default
    files = {"ci/pipeline.yml": textwrap.dedent("""\
        jobs:
        - name: one
          on_failure:
            - &notify
              put: slack
          plan:
          - task: db
            config:
              run:
                path: sh
                args: [-e, -c, repo/ci/scripts/update-db.sh]
        - name: two
          on_failure:
            - &notify
              put: slack-two
          plan:
          - task: again
            config:
              run: {path: repo/ci/scripts/update-db.sh}
          - *notify
        """)}
    found = callers(tmp_path, files, ("ci/scripts/update-db.sh",))
    assert [c[:3] for c in found["ci/scripts/update-db.sh"]] == [
        ("ci/pipeline.yml", 11, "ci"), ("ci/pipeline.yml", 19, "ci")]


def test_a_systemd_drop_in_runs_its_exec_lines(tmp_path: Path) -> None:
    files = {"rootfs/usr/lib/systemd/system/docker.service.d/failure.conf":
             "[Unit]\nFailureAction=reboot\n\n[Service]\nExecStartPre=/usr/libexec/disk-check\n"}
    found = callers(tmp_path, files, ("rootfs/usr/libexec/disk-check",))
    assert [c[:3] for c in found["rootfs/usr/libexec/disk-check"]] == [
        ("rootfs/usr/lib/systemd/system/docker.service.d/failure.conf", 5, "systemd")]


def test_upstart_jobs_and_rpm_spec_scriptlets_run_installed_commands(tmp_path: Path) -> None:
    scripts = ("pkg/google_compute_engine/instance_setup.py", "rpm/install_restart_sshd.sh", "rpm/expand.sh")
    files = {
        "pkg/setup.py": textwrap.dedent("""\
            from setuptools import setup
            setup(name="gce", entry_points={"console_scripts": [
                "google_instance_setup=google_compute_engine.instance_setup:main",
            ]})
            """),
        "src/etc/init/google-instance-setup.conf": "start on starting ssh\ntask\nexec /usr/bin/google_instance_setup\n",
        "rpm/gce.spec": textwrap.dedent("""\
            Name: gce
            %description
            /usr/bin/google_instance_setup is described here, not run
            %install
            ./expand.sh
            %post
            %include install_restart_sshd.sh
            if [ $1 -eq 2 ]; then
              /usr/bin/google_instance_setup
            fi
            %files
            /usr/bin/google_instance_setup
            """)}
    found = {script: sorted(c[:3] for c in entries) for script, entries in callers(tmp_path, files, scripts).items()}
    assert found == {
        "pkg/google_compute_engine/instance_setup.py": [
            ("pkg/setup.py", 3, "entry-point"), ("rpm/gce.spec", 9, "script"),
            ("src/etc/init/google-instance-setup.conf", 3, "script")],
        "rpm/install_restart_sshd.sh": [("rpm/gce.spec", 7, "script")],
        "rpm/expand.sh": [("rpm/gce.spec", 5, "script")]}


SIXTIETH_SET_CASES = [
    pytest.param(
        {"elk/templates/rotate-data.sh": "#!/bin/bash\nrm -r /var/lib/es/old\n",
         "elk/install.yml": """
            - hosts: elastic
              tasks:
                - name: copy the rotater
                  copy: src=templates/rotate-data.sh dest=/root/rotate-data.sh mode=0755
                - name: run it daily
                  cron: name="rotate data" minute="55" hour="23" job="/root/rotate-data.sh"
            """},
        {"elk/templates/rotate-data.sh": [("elk/install.yml", 6, "cron",
                                           'cron: name="rotate data" minute="55" hour="23" job="/root/rotate-data.sh"')]},
        id="an-ansible-cron-task-written-on-one-line"),
    pytest.param(
        {"app/management/commands/load_data.py": "from django.core.management.base import BaseCommand\n",
         "app/management/commands/set_site.py": "from django.core.management.base import BaseCommand\n",
         "manage.py": "import sys\n",
         "docker-compose.yml": """
            services:
              api:
                image: app
                command: >
                  sh -c "python3 manage.py migrate
                         python3 manage.py load_data --dev
                         python3 manage.py set_site --name localhost"
            """},
        {"app/management/commands/load_data.py": [
            ("docker-compose.yml", 6, "compose", "python3 manage.py load_data --dev")],
         "app/management/commands/set_site.py": [
            ("docker-compose.yml", 7, "compose", 'python3 manage.py set_site --name localhost"')]},
        id="django-commands-in-a-folded-compose-command-on-their-own-lines"),
    pytest.param(
        {"get_version.sh": "#!/bin/sh\ngit describe --tags\n",
         "setup.py": """
            import os
            import subprocess
            from setuptools import setup


            def get_version():
                script = os.path.join(os.path.dirname(__file__), 'get_version.sh')
                return subprocess.check_output([script], shell=True).decode().strip()


            setup(name="app", version=get_version())
            """},
        {"get_version.sh": [("setup.py", 8, "script",
                             "return subprocess.check_output([script], shell=True).decode().strip()")]},
        id="a-package-build-running-a-script-of-its-own"),
]


SIXTY_FIRST_SET_CASES = [
    pytest.param(
        {"jobs/syslog/templates/bin/syslog_ctl": "#!/bin/bash\nexec /var/vcap/packages/logstash/bin/logstash\n",
         "jobs/syslog/templates/bin/monit_debugger": "#!/bin/bash\n$2 2>&1 | tee /tmp/out\n",
         "jobs/syslog/templates/bin/pre-start.erb": "#!/bin/bash\nmkdir -p /var/vcap/store/x\n",
         "jobs/syslog/templates/bin/upload.erb": "#!/bin/bash\ncurl -X PUT localhost/x\n",
         "jobs/syslog/templates/bin/job.process": "#!/bin/bash\n/var/vcap/jobs/syslog/bin/upload\n",
         "jobs/syslog/spec": """
            ---
            name: syslog
            templates:
              bin/syslog_ctl: bin/syslog_ctl
              bin/monit_debugger: bin/monit_debugger
              bin/pre-start.erb: bin/pre-start
              bin/upload.erb: bin/upload
              bin/job.process: bin/job.process
            packages:
            - logstash
            """,
         "jobs/syslog/monit": """
            check process syslog
              with pidfile /var/vcap/sys/run/syslog/syslog.pid
              start program "/var/vcap/jobs/syslog/bin/monit_debugger ctl '/var/vcap/jobs/syslog/bin/syslog_ctl start'"
              group vcap
            """,
         "jobs/syslog/templates/config/bpm.yml.erb": """
            processes:
              - name: syslog
                hooks:
                  pre_start: /var/vcap/jobs/syslog/bin/pre-start
                executable: /var/vcap/jobs/syslog/bin/job.process
            """},
        {"jobs/syslog/templates/bin/syslog_ctl": [
            ("jobs/syslog/monit", 3, "script",
             'start program "/var/vcap/jobs/syslog/bin/monit_debugger ctl \'/var/vcap/jobs/syslog/bin/syslog_ctl start\'"')],
         "jobs/syslog/templates/bin/monit_debugger": [
             ("jobs/syslog/monit", 3, "script",
              'start program "/var/vcap/jobs/syslog/bin/monit_debugger ctl \'/var/vcap/jobs/syslog/bin/syslog_ctl start\'"')],
         "jobs/syslog/templates/bin/pre-start.erb": [
             ("jobs/syslog/templates/config/bpm.yml.erb", 4, "script", "pre_start: /var/vcap/jobs/syslog/bin/pre-start")],
         "jobs/syslog/templates/bin/upload.erb": [
             ("jobs/syslog/templates/bin/job.process", 2, "script", "/var/vcap/jobs/syslog/bin/upload")],
         "jobs/syslog/templates/bin/job.process": [
             ("jobs/syslog/templates/config/bpm.yml.erb", 5, "script", "executable: /var/vcap/jobs/syslog/bin/job.process")]},
        id="a-bosh-jobs-templates-by-their-installed-paths-in-monit-bpm-and-scripts"),
    pytest.param(
        {"bin/fetch": "#!/bin/sh\ncurl -o data.json $URL\n",
         "bin/clean": "#!/bin/sh\nfind data -delete\n",
         "bin/dedup": "#!/bin/sh\nsort -u\n",
         "scripts/plot.py": "print('plot')\n",
         "Snakefile": """
            include: "workflow/rules/fetch.smk"

            onsuccess:
                shell("./bin/clean")
            """,
         "workflow/rules/fetch.smk": """
            rule fetch:
                output: "data/raw.json"
                shell:
                    r\"\"\"
                    ./bin/fetch \\
                        {output:q}
                    \"\"\"

            rule dedup:
                shell: "cat {input:q} "
                       "| ./bin/dedup > {output:q}"

            rule plot:
                script: "../../scripts/plot.py"
            """},
        {"bin/clean": [("Snakefile", 4, "snakemake", 'shell("./bin/clean")')],
         "bin/fetch": [("workflow/rules/fetch.smk", 5, "snakemake", "./bin/fetch \\")],
         "bin/dedup": [("workflow/rules/fetch.smk", 10, "snakemake", 'shell: "cat {input:q} "')],
         "scripts/plot.py": [("workflow/rules/fetch.smk", 14, "snakemake", 'script: "../../scripts/plot.py"')]},
        id="snakemake-shell-strings-calls-and-scripts"),
]


SIXTY_SECOND_SET_CASES = [
    pytest.param(
        {"bin/run-prod.sh": "#!/bin/sh\nexec gunicorn app\n",
         "bin/run-celery.sh": "#!/bin/sh\nexec celery worker\n",
         "bin/release.sh": "#!/bin/sh\npython manage.py migrate\n",
         "heroku.yml": """
            build:
              docker:
                web: Dockerfile
            release:
              command:
                - ./bin/release.sh
            run:
              web: ./bin/run-prod.sh
              worker: ./bin/run-celery.sh
            """,
         "docker/prod": "FROM python:3.12\nCOPY . /app\nCMD [\"/app/bin/run-prod.sh\"]\n"},
        {"bin/release.sh": [("heroku.yml", 6, "ci", "- ./bin/release.sh")],
         "bin/run-prod.sh": [("docker/prod", 3, "dockerfile", 'CMD ["/app/bin/run-prod.sh"]'),
                             ("heroku.yml", 8, "ci", "web: ./bin/run-prod.sh")],
         "bin/run-celery.sh": [("heroku.yml", 9, "ci", "worker: ./bin/run-celery.sh")]},
        id="heroku-yml-process-types-and-a-dockerfile-named-for-its-stage"),
    pytest.param(
        {"scripts/cleanup.sh": "#!/bin/sh\ngcloud compute instances delete x --quiet\n",
         "prow/jobs/cleanup.yaml": """
            periodics:
            - name: orphaned-disks-cleaner
              interval: 2h
              spec:
                containers:
                - image: eu.gcr.io/x/test-infra/buildpack-golang:v1
                  command:
                  - "scripts/cleanup.sh"
                  args:
                  - "--dry-run=false"
            """},
        {"scripts/cleanup.sh": [("prow/jobs/cleanup.yaml", 8, "ci", '- "scripts/cleanup.sh"')]},
        id="a-prow-job-configurations-containers"),
]


@pytest.mark.parametrize(("files", "expected"), SIXTY_SECOND_SET_CASES)
def test_heroku_yml_dockerfiles_by_stage_and_prow_jobs(
        tmp_path: Path, files: dict[str, str], expected: dict[str, list[tuple[str, int, str, str]]]) -> None:
    scripts = tuple(path for path in files if path.endswith(".sh"))
    assert callers(tmp_path, files, scripts) == expected


@pytest.mark.parametrize(("files", "expected"), SIXTY_FIRST_SET_CASES)
def test_bosh_jobs_and_snakemake_workflows(tmp_path: Path, files: dict[str, str],
                                           expected: dict[str, list[tuple[str, int, str, str]]]) -> None:
    scripts = tuple(path for path in files if "/bin/" in f"/{path}" or path.endswith(".py"))
    assert callers(tmp_path, files, scripts) == expected


@pytest.mark.parametrize(("files", "expected"), SIXTIETH_SET_CASES)
def test_cron_tasks_folded_commands_and_package_builds(
        tmp_path: Path, files: dict[str, str],
        expected: dict[str, list[tuple[str, int, str, str]]]) -> None:
    scripts = tuple(path for path in files if path.endswith((".sh", ".py"))
                    and path not in ("manage.py", "setup.py"))
    assert callers(tmp_path, files, scripts) == expected


SIXTY_THIRD_SET_CASES = [
    pytest.param(
        {"build-scripts/artifacts.sh": "#!/bin/sh\nant artifacts\n",
         "agent_scripts/cleaner.sh": "#!/bin/sh\ndocker system prune -f\n",
         "jenkins-dsl/job_dsl_seed.groovy": """
            job('artifacts') {
                steps {
                    shell('''
                        ./build-scripts/artifacts.sh ;
                    ''')
                    shell("bash cleaner.sh ${maxJobHours}")
                }
            }
            """,
         "src/main/groovy/App.groovy": "class App { def run() { 'artifacts.sh' } }\n"},
        {"build-scripts/artifacts.sh": [("jenkins-dsl/job_dsl_seed.groovy", 4, "ci",
                                         "./build-scripts/artifacts.sh ;")],
         "agent_scripts/cleaner.sh": [("jenkins-dsl/job_dsl_seed.groovy", 6, "ci",
                                       'shell("bash cleaner.sh ${maxJobHours}")')]},
        id="a-jenkins-job-dsl-seed-and-not-any-groovy-file"),
    pytest.param(
        {"scripts/test/js_test.sh": "#!/bin/sh\nnpx mocha\n",
         "webpack_if_prod.sh": "#!/bin/sh\nwebpack\n",
         "package.json": """
            {
              "name": "app",
              "scripts": {
                "postinstall": "./webpack_if_prod.sh",
                "test": "./scripts/test/js_test.sh",
                "lint": "eslint ."
              },
              "dependencies": {"left-pad": "1.0.0"}
            }
            """},
        {"webpack_if_prod.sh": [("package.json", 4, "npm", '"postinstall": "./webpack_if_prod.sh",')],
         "scripts/test/js_test.sh": [("package.json", 5, "npm", '"test": "./scripts/test/js_test.sh",')]},
        id="package-json-scripts"),
    pytest.param(
        {"ops/rotate.sh": "#!/bin/bash\nrm -rf /var/log/app/old\n",
         "package.json": '{"name": "x", "scripts": {"rotate": "bash ops/rotate.sh"}}\n'},
        {"ops/rotate.sh": [("package.json", 1, "npm",
                            '{"name": "x", "scripts": {"rotate": "bash ops/rotate.sh"}}')]},
        id="package-json-on-one-line"),
    pytest.param(
        {"build-scripts/deb-packaging.sh": "#!/bin/sh\ndpkg-buildpackage\n",
         "build-scripts/artifacts.sh": """
            #!/bin/bash
            version="$(grep 'property\\s*name=\\"base.version\\"' build.xml |sed -ne 's/.*value=\\"\\([^"]*\\)\\".*/\\1/p')"
            echo "Run 'ant check' locally"
            deb_dir="`pwd`/build" ./build-scripts/deb-packaging.sh "$version"
            """},
        {"build-scripts/deb-packaging.sh": [("build-scripts/artifacts.sh", 4, "script",
                                              'deb_dir="`pwd`/build" ./build-scripts/deb-packaging.sh "$version"')]},
        id="quotes-inside-a-quoted-command-substitution-are-its-own"),
    pytest.param(
        {"pkg/debian/archivebox": "#!/bin/sh\nexec archivebox server\n",
         "bin/release_docker.sh": """
            #!/bin/bash
            VERSION="$(grep '^version = ' pyproject.toml | awk -F'"' '{print $2}')"
            exec docker buildx build \\
               --cache-to type=local,dest="$HOME/.cache/docker/archivebox" \\
               --push .
            """},
        {}, id="a-tools-cache-folder-named-like-a-script"),
    pytest.param(
        {"bin/k8s-deploy-secrets": "#!/bin/bash\nkubectl apply -f secrets/\n",
         "bin/run-blocking-job": "#!/bin/bash\nkubectl wait job/$1\n",
         "bin/k8s-deploy": """
            #!/bin/bash
            . k8s-deploy-secrets
            timeout.sh -t "${BLOCKING_JOB_TIMEOUT}" run-blocking-job "$JOB" "$NAMESPACE"
            """},
        {"bin/k8s-deploy-secrets": [("bin/k8s-deploy", 2, "script", ". k8s-deploy-secrets")],
         "bin/run-blocking-job": [("bin/k8s-deploy", 3, "script",
                                   'timeout.sh -t "${BLOCKING_JOB_TIMEOUT}" run-blocking-job "$JOB" "$NAMESPACE"')]},
        id="a-bare-name-sourced-from-the-path-and-a-timeout-script"),
    pytest.param(
        {"roles/housekeeping/files/housekeep.sh": "#!/bin/sh\ndocker image prune -af\n",
         "roles/deploy/scripts/cpu.sh": "#!/bin/sh\nnproc\n",
         "roles/housekeeping/tasks/main.yml": """
            - name: Copy housekeeping script
              copy:
                src: housekeep.sh           # in the role's files/
                dest: "{{ script_dest }}"
                mode: "0755"

            - name: Install housekeeping cron entry
              cron:
                name: "Container housekeeping"
                minute: "{{ cron_minute }}"
                hour: "{{ cron_hour }}"
                job: >
                  {{ script_dest }} {{ script_action }}
                  >> /var/log/housekeeping.log 2>&1
            """,
         "roles/deploy/tasks/main.yml": """
            - name: Run cpu.sh to choose the cpus
              script: "{{ cpu_script | default('scripts/cpu.sh') }} {{ cpu_limit }}"
            """},
        {"roles/housekeeping/files/housekeep.sh": [("roles/housekeeping/tasks/main.yml", 13, "cron",
                                                     "{{ script_dest }} {{ script_action }}")],
         "roles/deploy/scripts/cpu.sh": [("roles/deploy/tasks/main.yml", 2, "ansible",
                                          "script: \"{{ cpu_script | default('scripts/cpu.sh') }} {{ cpu_limit }}\"")]},
        id="ansible-installed-cron-job-folded-and-a-scripts-default"),
]


@pytest.mark.parametrize(("files", "expected"), SIXTY_THIRD_SET_CASES)
def test_job_dsl_package_json_quoted_substitutions_and_ansible_defaults(
        tmp_path: Path, files: dict[str, str],
        expected: dict[str, list[tuple[str, int, str, str]]]) -> None:
    scripts = tuple(path for path, text in files.items() if text.lstrip().startswith("#!"))
    assert callers(tmp_path, files, scripts) == expected


def test_quotes_inside_a_quoted_command_substitution_do_not_end_the_string() -> None:
    from opsctl.adopt.caller_refs import split_commands

    text = ("v=\"$(grep 'name=\\\"base\\\"' b.xml | sed -ne 's/.*value=\\\"\\([^\"]*\\)\\\".*/\\1/p')\"\n"
            "echo \"Run 'ant check' locally\"\n"
            "./build-scripts/deb-packaging.sh \"$v\"\n")
    commands = [[word.text for word in words] for words in split_commands(text)]
    assert ["./build-scripts/deb-packaging.sh", "$v"] in commands
    assert ["echo", "Run 'ant check' locally"] in commands


SERVERLESS_CASES = [
    pytest.param(
        {"main.py": "def handler(event, context):\n    return None\n",
         "lambda-cloudformation.yaml": """
            Resources:
              CleanupFunction:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: main.handler
                  Runtime: python3.12
            """},
        {"main.py": [("lambda-cloudformation.yaml", 5, "serverless", "Handler: main.handler")]},
        id="cloudformation-handler"),
    pytest.param(
        {"src/jobs/prune.py": "def run(event, context):\n    return None\n",
         "tools/prune.py": "import sys\nprint(sys.argv)\n",
         "serverless.yml": """
            provider:
              runtime: python3.11
            functions:
              prune:
                handler: src/jobs/prune.run
            """},
        {"src/jobs/prune.py": [("serverless.yml", 5, "serverless", "handler: src/jobs/prune.run")]},
        id="serverless-framework-handler-by-path"),
    pytest.param(
        {"a/deploy/template.yaml": "Handler: rotate.lambda_handler\nRuntime: python3.9\n",
         "a/rotate.py": "def lambda_handler(event, context):\n    return None\n",
         "b/rotate.py": "def lambda_handler(event, context):\n    return None\n"},
        {"a/rotate.py": [("a/deploy/template.yaml", 1, "serverless", "Handler: rotate.lambda_handler")]},
        id="of-two-modules-the-one-nearest-the-template"),
    pytest.param(
        {"infra/mq.tf": """
            resource "aws_lambda_function" "post_config" {
              handler = "mq_post_config.lambda_handler"
              runtime = "python3.12"
            }
            """,
         "infra/mq_post_config.py": "def lambda_handler(event, context):\n    return None\n"},
        {"infra/mq_post_config.py": [("infra/mq.tf", 2, "serverless",
                                      'handler = "mq_post_config.lambda_handler"')]},
        id="terraform-lambda-handler"),
    pytest.param(
        {"search/evaluation.tf": """
            data "archive_file" "evaluation" {
              type        = "zip"
              source_dir  = "${path.module}/files/evaluation/"
            }
            resource "google_cloudfunctions2_function" "evaluation" {
              build_config {
                entry_point = "evaluate"
                runtime     = "python311"
              }
            }
            """,
         "search/files/evaluation/main.py": "def evaluate(request):\n    return 'ok'\n"},
        {"search/files/evaluation/main.py": [("search/evaluation.tf", 7, "serverless",
                                              'entry_point = "evaluate"')]},
        id="cloud-function-entry-point-in-the-zipped-folders-main"),
    pytest.param(
        {"index.py": "def handler(event, context):\n    return None\n",
         "template.yaml": "Handler: index.handler\nRuntime: nodejs20.x\n"},
        {}, id="a-node-runtime-runs-no-python-module"),
]


@pytest.mark.parametrize(("files", "expected"), SERVERLESS_CASES)
def test_a_serverless_functions_handler_is_its_caller(
        tmp_path: Path, files: dict[str, str],
        expected: dict[str, list[tuple[str, int, str, str]]]) -> None:
    scripts = tuple(path for path in files if path.endswith(".py"))
    assert callers(tmp_path, files, scripts) == expected


def test_a_tools_configuration_key_naming_a_command_runs_the_script(tmp_path: Path) -> None:
    files = {"backup/kopia/upload.sh": "#!/bin/sh\nkopia snapshot create\n",
             "backup/restic/upload.sh": "#!/bin/sh\nrestic backup\n",
             "script/sign": "#!/bin/sh\ngpg --sign \"$1\"\n",
             "config/backup-kopia.yml": """
                custom:
                  upload_command: /custom/kopia/upload.sh {{ .backupName }}
                  command: upload
                """,
             ".goreleaser.yml": """
                signs:
                  - cmd: ./script/sign '{{ .Path }}'
                """}
    assert callers(tmp_path, files, ("backup/kopia/upload.sh", "backup/restic/upload.sh", "script/sign")) == {
        "backup/kopia/upload.sh": [("config/backup-kopia.yml", 2, "script",
                                    "upload_command: /custom/kopia/upload.sh {{ .backupName }}")],
        "script/sign": [(".goreleaser.yml", 2, "script", "- cmd: ./script/sign '{{ .Path }}'")]}


SIXTY_SIXTH_SET_CASES = [
    pytest.param(
        {"etc/init.d/osh-seal-banner": "#!/bin/sh\ncase \"$1\" in stop) rm -f /etc/banner;; esac\n",
         "bin/admin/unlock-home.sh": "#!/bin/sh\nif service osh-seal-banner stop; then\n    echo ok\nfi\n"},
        {"etc/init.d/osh-seal-banner": [("bin/admin/unlock-home.sh", 2, "script",
                                         "if service osh-seal-banner stop; then")]},
        id="an-init-script-run-by-service"),
    pytest.param(
        {"bin/shell/pam_exec_pwd_info.sh": "#!/bin/sh\necho info\n",
         "etc/pam.d/sshd": "auth   optional   pam_exec.so   quiet debug stdout /opt/app/bin/shell/pam_exec_pwd_info.sh\n"
                           "auth   required   pam_unix.so\n"},
        {"bin/shell/pam_exec_pwd_info.sh": [("etc/pam.d/sshd", 1, "script",
                                             "auth   optional   pam_exec.so   quiet debug stdout "
                                             "/opt/app/bin/shell/pam_exec_pwd_info.sh")]},
        id="a-pam-exec-command"),
    pytest.param(
        {"scripts/start.sh": "#!/bin/sh\ndocker compose up -d\n",
         ".gitpod.yml": """
            tasks:
              - name: demo
                before: |
                  curl -L https://example.org/cli | sh
                  CLEAN=false ./scripts/start.sh || exit 1
            """},
        {"scripts/start.sh": [(".gitpod.yml", 5, "script", "CLEAN=false ./scripts/start.sh || exit 1")]},
        id="a-gitpod-task"),
    pytest.param(
        {"bin/admin/install": "#!/bin/sh\necho install\n",
         "bin/admin/packages-check.sh": "#!/bin/sh\napt-get install -y x\n",
         "bin/admin/install-ttyrec.sh": "#!/bin/sh\necho ttyrec\n",
         "docker/Dockerfile": """
            FROM debian
            COPY bin/admin/install-ttyrec.sh \\
                bin/admin/packages-check.sh \\
                /opt/app/bin/admin/
            RUN apt update -y && \\
                # install packages (-i) \\
                /opt/app/bin/admin/packages-check.sh -i && \\
                # and the recorder \\
                /opt/app/bin/admin/install-ttyrec.sh -d
            RUN test -e /etc/syslog-ng.conf && \\
                sed -i -e 's=x=y=' /etc/syslog-ng.conf
            RUN ["/opt/app/bin/admin/install","--new-install"]
            RUN install -m 0755 tool /usr/local/bin/
            """},
        {"bin/admin/packages-check.sh": [("docker/Dockerfile", 7, "dockerfile",
                                          "/opt/app/bin/admin/packages-check.sh -i && \\")],
         "bin/admin/install-ttyrec.sh": [("docker/Dockerfile", 9, "dockerfile",
                                          "/opt/app/bin/admin/install-ttyrec.sh -d")],
         "bin/admin/install": [("docker/Dockerfile", 12, "dockerfile",
                                'RUN ["/opt/app/bin/admin/install","--new-install"]')]},
        id="dockerfile-comments-inside-a-run-and-a-copy-of-several-lines"),
    pytest.param(
        {"tools/teardown.py": "import sys\nprint(sys.argv)\n",
         ".github/workflows/ci.yml": """
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: nick-fields/retry@v3
                    with:
                      command: pytest
                      on_retry_command: |
                        python -u tools/teardown.py
            """},
        {"tools/teardown.py": [(".github/workflows/ci.yml", 9, "github-actions", "python -u tools/teardown.py")]},
        id="a-retrying-actions-on-retry-command"),
    pytest.param(
        {"images/common/init_command.sh": "#!/bin/sh\nexec nginx\n",
         "images/nfs/init_command.sh": "#!/bin/sh\nexec rpc.nfsd\n",
         "images/nginx/Dockerfile": """
            FROM nginx
            COPY ./common/init_command.sh /docker-entrypoint.d/init.sh
            CMD ["sh", "/docker-entrypoint.d/init.sh"]
            """},
        {"images/common/init_command.sh": [("images/nginx/Dockerfile", 3, "dockerfile",
                                            'CMD ["sh", "/docker-entrypoint.d/init.sh"]')]},
        id="a-build-context-one-folder-above-the-dockerfile"),
]


@pytest.mark.parametrize(("files", "expected"), SIXTY_SIXTH_SET_CASES)
def test_init_scripts_pam_gitpod_dockerfile_comments_and_contexts(
        tmp_path: Path, files: dict[str, str], expected: dict[str, list[tuple[str, int, str, str]]]) -> None:
    scripts = tuple(path for path, text in files.items() if text.lstrip().startswith(("#!", "import")))
    assert callers(tmp_path, files, scripts) == expected


SIXTY_SEVENTH_SET_CASES = [
    pytest.param(
        {"backup.sh": "#!/bin/sh\nmysqldump --all-databases > /backup/latest.sql\n",
         "run.sh": '#!/bin/sh\necho "${CRON_TIME} /backup.sh >> /mysql_backup.log 2>&1" > /tmp/crontab.conf\n'
                   "crontab /tmp/crontab.conf\n"},
        {"backup.sh": [("run.sh", 2, "cron",
                        'echo "${CRON_TIME} /backup.sh >> /mysql_backup.log 2>&1" > /tmp/crontab.conf')]},
        id="a-cron-line-with-its-schedule-in-a-variable"),
    pytest.param(
        {"bin/pseudo-gtid": "#!/bin/sh\nwhile true; do mysql -e 'select 1'; sleep 5; done\n",
         "etc/init.d/pseudo-gtid": """
            #!/bin/sh
            do_start() {
                start-stop-daemon --start --pidfile /var/run/p.pid --startas ${INJECT_PATH}/pseudo-gtid --background
            }
            do_stop() {
                start-stop-daemon --stop --retry=TERM/1/KILL/5 --pidfile /var/run/p.pid --startas ${INJECT_PATH}/pseudo-gtid
            }
            """,
         "manifests/init.pp": "service { 'pseudo-gtid':\n  ensure => running,\n}\n"},
        {"bin/pseudo-gtid": [("etc/init.d/pseudo-gtid", 3, "script",
                              "start-stop-daemon --start --pidfile /var/run/p.pid --startas "
                              "${INJECT_PATH}/pseudo-gtid --background")],
         "etc/init.d/pseudo-gtid": [("manifests/init.pp", 1, "script", "service { 'pseudo-gtid':")]},
        id="an-init-scripts-daemon-and-a-puppet-service"),
    pytest.param(
        {".github/scripts/bump_tag.sh": "#!/bin/sh\ngit tag -f v2\n",
         "pyproject.toml": """
            [project]
            name = "releaser"

            [tool.mypy]
            files = ["src/x.py"]

            [tool.jupyter-releaser.hooks]
            after-populate-release = "bash ./.github/scripts/bump_tag.sh"
            """},
        {".github/scripts/bump_tag.sh": [("pyproject.toml", 8, "script",
                                          'after-populate-release = "bash ./.github/scripts/bump_tag.sh"')]},
        id="a-tools-hook-in-pyproject"),
    pytest.param(
        {"releaser/cli.py": "import click\n\n\n@click.group()\ndef main():\n    pass\n",
         "releaser/actions/prep.py": "from releaser.util import run_action\n\n"
                                     'run_action("releaser bump-version")\nrun_action("releaser")\n',
         "pyproject.toml": '[project]\nname = "releaser"\n\n[project.scripts]\nreleaser = "releaser.cli:main"\n'},
        {"releaser/cli.py": [("pyproject.toml", 5, "entry-point", 'releaser = "releaser.cli:main"'),
                             ("releaser/actions/prep.py", 3, "script", 'run_action("releaser bump-version")')]},
        id="a-helper-named-for-running-a-command-line"),
]


@pytest.mark.parametrize(("files", "expected"), SIXTY_SEVENTH_SET_CASES)
def test_cron_schedules_in_variables_daemons_services_tool_hooks_and_run_helpers(
        tmp_path: Path, files: dict[str, str], expected: dict[str, list[tuple[str, int, str, str]]]) -> None:
    scripts = tuple(path for path, text in files.items() if text.lstrip().startswith(("#!", "import")))
    assert callers(tmp_path, files, scripts) == expected


def test_a_test_module_running_management_commands_is_their_caller(tmp_path: Path) -> None:
    from opsctl.adopt.scan import scan_tree

    commands = tmp_path / "app" / "management" / "commands"
    commands.mkdir(parents=True)
    (commands / "delete_tenant.py").write_text(
        "from django.core.management.base import BaseCommand\n\n\nclass Command(BaseCommand):\n"
        "    def handle(self, *args, **options):\n        pass\n")
    (tmp_path / "app" / "tests").mkdir()
    (tmp_path / "app" / "tests" / "test_commands.py").write_text(
        "from django.core.management import call_command\n\n\ndef test_delete():\n"
        "    call_command('delete_tenant', schema_name='x')\n")
    (tmp_path / "app" / "tests" / "test_models.py").write_text("def test_nothing():\n    assert True\n")
    script = next(s for s in scan_tree(tmp_path, git=False).scripts if s.path.endswith("delete_tenant.py"))
    assert [(c.path, c.line) for c in script.callers] == [("app/tests/test_commands.py", 5)]


SIXTY_EIGHTH_SET_CASES = [
    pytest.param(
        {"buildkite/create_images.py": "#!/usr/bin/env python3\nprint('x')\n",
         "pipelines/publish-vm-image.yml": """
            ---
            steps:
              - command: |-
                  cd buildkite
                  ./create_images.py "${VM_NAMES}"
                label: ":pipeline:"
                plugins:
                  - docker#v3.8.0:
                      environment:
                        - "ANDROID_HOME"
            """},
        {"buildkite/create_images.py": [("pipelines/publish-vm-image.yml", 5, "ci",
                                         './create_images.py "${VM_NAMES}"')]},
        id="a-buildkite-pipeline-outside-its-folder"),
    pytest.param(
        {"buildkite/startup-docker.sh": "#!/bin/sh\nmkfs.ext4 /dev/sdb\n",
         "buildkite/instances.yml": "instance_groups:\n  - name: bk-docker\n"
                                    "    metadata_from_file: startup-script=startup-docker.sh\n",
         "deploy.sh": "#!/bin/sh\ngcloud compute instances create x --metadata-from-file=startup-script=buildkite/startup-docker.sh\n"},
        {"buildkite/startup-docker.sh": [
            ("buildkite/instances.yml", 3, "script", "metadata_from_file: startup-script=startup-docker.sh"),
            ("deploy.sh", 2, "script",
             "gcloud compute instances create x --metadata-from-file=startup-script=buildkite/startup-docker.sh")]},
        id="a-machines-startup-script-in-its-metadata"),
    pytest.param(
        {"plugins/nfs_check.py": "#!/usr/bin/env python3\nprint('ok')\n",
         "templates/nfs_check.yaml.j2": 'type        : agent.plugin\ndetails     :\n'
                                        '    file    : run_plugin_in_venv.sh\n'
                                        '    args    : ["{{ maas_plugin_dir }}/nfs_check.py", "--timeout", "5"]\n'},
        {"plugins/nfs_check.py": [("templates/nfs_check.yaml.j2", 4, "script",
                                   'args    : ["{{ maas_plugin_dir }}/nfs_check.py", "--timeout", "5"]')]},
        id="an-agent-checks-argument-list"),
    pytest.param(
        {"modules/alerts/files/deploy.py": "#!/usr/bin/env python3\nprint('deploy')\n",
         "modules/alerts/manifests/init.pp": "file { '/usr/local/bin/alerts-deploy':\n"
                                             "  source => 'puppet:///modules/alerts/deploy.py',\n}\n",
         "modules/alerts/templates/alerts-deploy@.systemd.erb": "[Service]\nExecStart=/usr/local/bin/alerts-deploy --cleanup\n",
         "modules/icinga/files/raid_handler.py": "#!/usr/bin/env python3\nprint('raid')\n",
         "modules/icinga/manifests/raid.pp": "file { '/usr/lib/nagios/plugins/eventhandlers/raid_handler':\n"
                                             "  source => 'puppet:///modules/icinga/raid_handler.py',\n}\n",
         "modules/icinga/templates/raid_handler.cfg.erb": "define command {\n"
                                                          "    command_line    $USER1$/eventhandlers/raid_handler -d\n}\n",
         "modules/systemd/files/check_journal": "#!/bin/sh\njournalctl -q\n",
         "modules/profile/manifests/logs.pp": "nrpe::monitor_service { 'x':\n"
                                              "  nrpe_command => '/usr/local/lib/nagios/plugins/check_journal 1h',\n}\n"},
        {"modules/alerts/files/deploy.py": [("modules/alerts/templates/alerts-deploy@.systemd.erb", 2, "systemd",
                                             "ExecStart=/usr/local/bin/alerts-deploy --cleanup")],
         "modules/icinga/files/raid_handler.py": [("modules/icinga/templates/raid_handler.cfg.erb", 2, "script",
                                                   "command_line    $USER1$/eventhandlers/raid_handler -d")],
         "modules/systemd/files/check_journal": [("modules/profile/manifests/logs.pp", 2, "script",
                                                  "nrpe_command => '/usr/local/lib/nagios/plugins/check_journal 1h',")]},
        id="puppet-erb-units-nagios-plugin-folder-and-nrpe-commands"),
]


@pytest.mark.parametrize(("files", "expected"), SIXTY_EIGHTH_SET_CASES)
def test_buildkite_pipelines_startup_scripts_agent_checks_and_puppet_templates(
        tmp_path: Path, files: dict[str, str], expected: dict[str, list[tuple[str, int, str, str]]]) -> None:
    scripts = tuple(path for path, text in files.items() if text.lstrip().startswith(("#!", "import")))
    assert callers(tmp_path, files, scripts) == expected


def test_package_scripts_per_format_entry_points_of_a_package_and_tests_run_as_programs(tmp_path: Path) -> None:
    from opsctl.adopt.scan import scan_tree

    (tmp_path / "packaging" / "scripts").mkdir(parents=True)
    (tmp_path / "packaging" / "scripts" / "postinst.deb").write_text(
        "#!/bin/sh\nset -e\n/usr/share/app/clear-cache prune\n")
    (tmp_path / "packaging" / "root" / "usr" / "share" / "app").mkdir(parents=True)
    (tmp_path / "packaging" / "root" / "usr" / "share" / "app" / "clear-cache").write_text(
        '#!/bin/sh\ncase "$1" in prune) docker volume prune -f;; esac\n')
    (tmp_path / "culler").mkdir()
    (tmp_path / "culler" / "__init__.py").write_text("def main():\n    print('cull')\n")
    (tmp_path / "culler" / "__main__.py").write_text("from culler import main\n\nmain()\n")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "culler"\n\n[project.scripts]\n"cull_idle_servers.py" = "culler:main"\n'
        '"culler" = "culler:main"\n')
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "pipeline_test.py").write_text("import sys\nprint(sys.argv[1])\n")
    (tmp_path / "tests" / "test_units.py").write_text("import unittest\n\nunittest.main()\n")
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yml").write_text(
        "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: python3 tests/pipeline_test.py run_pipeline\n      - run: python tests/test_units.py\n")
    scripts = {s.path: s for s in scan_tree(tmp_path, git=False).scripts}
    postinst = scripts["packaging/scripts/postinst.deb"]  # found by its shebang, run by the package
    assert [(e.destructive, e.call.endswith("[runs packaging/root/usr/share/app/clear-cache]"))
            for e in postinst.effects] == [(False, True)]
    assert [e.destructive for e in scripts["packaging/root/usr/share/app/clear-cache"].effects] == [True]
    assert sorted((c.path, c.line) for c in scripts["culler/__init__.py"].callers) == [
        ("culler/__main__.py", 3), ("pyproject.toml", 5), ("pyproject.toml", 6)]
    assert [f.name for f in scripts["tests/pipeline_test.py"].interface.flags] == ["arg1"]
    assert "tests/test_units.py" not in scripts


def test_a_vagrantfiles_file_join_paths_options_on_their_own_lines_and_triggers(tmp_path: Path) -> None:
    files = {"provision/provision-site.sh": "#!/bin/bash\ngit reset --hard\n",
             "config/homebin/vagrant_up": "#!/bin/bash\necho up\n",
             "Vagrantfile": """
                Vagrant.configure("2") do |config|
                  config.vm.provision "site-x",
                    type: 'shell',
                    path: File.join('provision', 'provision-site.sh'),
                    args: ['x']
                  config.trigger.after :up do |trigger|
                    trigger.run_remote = { inline: '/srv/config/homebin/vagrant_up' }
                  end
                end
                """}
    assert callers(tmp_path, files, ("provision/provision-site.sh", "config/homebin/vagrant_up")) == {
        "provision/provision-site.sh": [("Vagrantfile", 4, "script", "path: File.join('provision', 'provision-site.sh'),")],
        "config/homebin/vagrant_up": [("Vagrantfile", 7, "script",
                                       "trigger.run_remote = { inline: '/srv/config/homebin/vagrant_up' }")]}


def test_a_json_configurations_scripts_and_chef_recipes(tmp_path: Path) -> None:
    files = {"scripts/create_raid0.sh": "#!/bin/bash\nmdadm --create /dev/md0\n",
             "examples/beegfs/config.json": '{\n  "install": [\n    {\n      "script": "create_raid0.sh",\n'
                                            '      "args": ["/dev/md10"]\n    }\n  ]\n}\n',
             "package-lock.json": '{\n  "script": "create_raid0.sh"\n}\n',
             # a webhook server's hooks, each run on a request
             "hooks/hooks.json": '[\n  {\n    "id": "raid",\n    "execute-command": "../scripts/create_raid0.sh",\n'
                                 '    "command-working-directory": "/"\n  }\n]\n',
             "cookbooks/db/templates/default/backup-db.erb": "#!/bin/sh\npg_dumpall > /store/db.sql\n",
             "cookbooks/db/recipes/backup.rb": """
                template "/usr/local/bin/backup-db" do
                  source "backup-db.erb"
                  mode "755"
                end

                systemd_service "backup-db" do
                  description "Database backup"
                  exec_start "/usr/local/bin/backup-db"
                end
                """}
    assert callers(tmp_path, files, ("scripts/create_raid0.sh", "cookbooks/db/templates/default/backup-db.erb")) == {
        "scripts/create_raid0.sh": [("examples/beegfs/config.json", 4, "script", '"script": "create_raid0.sh",'),
                                    ("hooks/hooks.json", 4, "script",
                                     '"execute-command": "../scripts/create_raid0.sh",')],
        "cookbooks/db/templates/default/backup-db.erb": [("cookbooks/db/recipes/backup.rb", 8, "systemd",
                                                          'exec_start "/usr/local/bin/backup-db"')]}


SEVENTY_FIRST_AND_SECOND_SET_CASES = [
    pytest.param(
        {"release-tools/verify-vendor.sh": "#!/bin/sh\ngo mod verify\n",
         "release-tools/build.make": "test-vendor:\n\t@ echo vendor\n\t@ ./release-tools/verify-vendor.sh\n"},
        {"release-tools/verify-vendor.sh": [("release-tools/build.make", 3, "makefile",
                                             "@ ./release-tools/verify-vendor.sh")]},
        id="a-make-fragment-named-dot-make"),
    pytest.param(
        {"backup.sh": "#!/bin/sh\nrestic backup /data\n",
         "check.sh": "#!/bin/sh\nrestic check\n",
         "Dockerfile": "FROM alpine\nCOPY backup.sh /bin/backup\nCOPY check.sh /bin/check\nCOPY entry.sh /entry.sh\n",
         "entry.sh": '#!/bin/sh\n'
                     'echo "${BACKUP_CRON} /usr/bin/flock -n /var/run/backup.lock /bin/backup >> /var/log/cron.log 2>&1"'
                     ' > /var/spool/cron/crontabs/root\n'
                     'flock -w 10 /var/run/backup.lock /bin/check\n'
                     'flock /var/run/backup.lock -c "/bin/check --now"\n'
                     '/bin/flock -n /run/check.lock /bin/check\n'
                     '/usr/bin/sudo /bin/check\n'},
        {"backup.sh": [("entry.sh", 2, "cron",
                        'echo "${BACKUP_CRON} /usr/bin/flock -n /var/run/backup.lock /bin/backup >> '
                        '/var/log/cron.log 2>&1" > /var/spool/cron/crontabs/root')],
         "check.sh": [("entry.sh", 3, "script", "flock -w 10 /var/run/backup.lock /bin/check"),
                      ("entry.sh", 4, "script", 'flock /var/run/backup.lock -c "/bin/check --now"'),
                      ("entry.sh", 5, "script", "/bin/flock -n /run/check.lock /bin/check"),
                      ("entry.sh", 6, "script", "/usr/bin/sudo /bin/check")]},
        id="flock-lock-file-then-command-and-an-image-command-by-its-installed-path"),
    pytest.param(
        {"app/management/__init__.py": "", "app/management/commands/__init__.py": "", "app/__init__.py": "",
         "app/management/commands/get_email.py": "from django.core.management.base import BaseCommand\n\n\n"
                                                 "class Command(BaseCommand):\n    def handle(self, *a, **k):\n"
                                                 "        pass\n",
         "manage.py": "import sys\nfrom django.core.management import execute_from_command_line\n\n"
                      "execute_from_command_line(sys.argv)\n",
         "Dockerfile": 'FROM python:3.12\nCOPY . /opt/app\nRUN echo "* * * * * root . /etc/env && '
                       '/usr/local/bin/python3 /opt/app/manage.py get_email >> /var/log/cron.log 2>&1" > /etc/crontab\n'},
        {script: [("Dockerfile", 3, "cron", 'RUN echo "* * * * * root . /etc/env && /usr/local/bin/python3 '
                   '/opt/app/manage.py get_email >> /var/log/cron.log 2>&1" > /etc/crontab')]
         for script in ("app/management/commands/get_email.py", "manage.py")},
        id="a-cron-table-a-dockerfile-writes"),
    pytest.param(
        {"addons/pg/dataprotection/common.sh": "#!/bin/bash\nlog() { echo \"$@\"; }\n",
         "addons/pg/dataprotection/wal-g-delete.sh": "#!/bin/bash\nwal-g delete everything FORCE --confirm\n",
         "addons/pg/templates/actionset.yaml": """
            spec:
              backup:
                preDelete:
                  image: walg
                  command:
                    - bash
                    - -c
                    - |
                      #!/bin/bash
                      set -e
                      {{- include "lib.logs.setup" $ | nindent 10 }}
                      {{- .Files.Get "dataprotection/common.sh" | nindent 10 }}
                      {{- .Files.Get "dataprotection/wal-g-delete.sh" | nindent 10 }}
              configMap:
                data:
                  delete.sh: |
                    {{- .Files.Get "dataprotection/wal-g-delete.sh" | nindent 6 }}
            """},
        {"addons/pg/dataprotection/common.sh": [("addons/pg/templates/actionset.yaml", 12, "kubernetes",
                                                 '{{- .Files.Get "dataprotection/common.sh" | nindent 10 }}')],
         "addons/pg/dataprotection/wal-g-delete.sh": [("addons/pg/templates/actionset.yaml", 13, "kubernetes",
                                                       '{{- .Files.Get "dataprotection/wal-g-delete.sh" | nindent 10 }}')]},
        id="a-chart-file-pasted-after-others-into-a-command"),
]


@pytest.mark.parametrize(("files", "expected"), SEVENTY_FIRST_AND_SECOND_SET_CASES)
def test_make_fragments_flock_installed_paths_dockerfile_cron_tables_and_chart_files(
        tmp_path: Path, files: dict[str, str], expected: dict[str, list[tuple[str, int, str, str]]]) -> None:
    scripts = tuple(path for path, text in files.items() if text.lstrip().startswith(("#!", "import", "from django")))
    assert callers(tmp_path, files, scripts) == expected


def test_nix_expressions_run_their_strings(tmp_path: Path) -> None:
    files = {"metrics/fastly/cron.sh": "#!/bin/sh\naws s3 sync s3://logs .\n",
             "metrics/fastly/flake.nix": """
                {
                  outputs = { self, nixpkgs }: {
                    nixosModules.default = { pkgs, ... }: {
                      systemd.services.fastly-logs = {
                        description = "Process logs, see cron.sh";
                        script = ''
                          cd ${./.}
                          ./cron.sh
                        '';
                        startAt = "Tue 07:30";
                      };
                    };
                  };
                }
                """,
             "exporters/channel-exporter.py": "#!/usr/bin/env python3\nprint('x')\n",
             "exporters/channel.nix": '{ pkgs, ... }: {\n  serviceConfig = {\n'
                                      '    ExecStart = "${./channel-exporter.py} ${channels}";\n  };\n}\n',
             "tools/check_dist.py": "#!/usr/bin/env python3\nprint('x')\n",
             "flake.nix": '{\n  check_dist = pkgs.writeShellScriptBin "check_dist" '
                          '"${py}/bin/python ${./tools/check_dist.py} $@";\n  name = "check_dist.py";\n}\n'}
    assert callers(tmp_path, files, ("metrics/fastly/cron.sh", "exporters/channel-exporter.py",
                                     "tools/check_dist.py")) == {
        "metrics/fastly/cron.sh": [("metrics/fastly/flake.nix", 8, "nix", "./cron.sh")],
        "exporters/channel-exporter.py": [("exporters/channel.nix", 3, "nix",
                                           'ExecStart = "${./channel-exporter.py} ${channels}";')],
        "tools/check_dist.py": [("flake.nix", 2, "nix", 'check_dist = pkgs.writeShellScriptBin "check_dist" '
                                 '"${py}/bin/python ${./tools/check_dist.py} $@";')]}


def test_a_command_key_whose_whole_value_is_a_template_tag(tmp_path: Path) -> None:
    # (``virtualenv_command: "{{ ensure_pip_virtualenv_command }}"`` is nothing once the tag is
    # taken out: no caller, and no error)
    files = {"tools/mirror.sh": "#!/bin/sh\ngit push --mirror\n",
             "playbooks/pre.yaml": "- hosts: all\n  tasks:\n    - name: venv\n      vars:\n"
                                   "        virtualenv_command: \"{{ ensure_pip_virtualenv_command }}\"\n"
                                   "        sync_command: tools/mirror.sh --all\n"}
    assert callers(tmp_path, files, ("tools/mirror.sh",)) == {
        "tools/mirror.sh": [("playbooks/pre.yaml", 6, "script", "sync_command: tools/mirror.sh --all")]}


def test_a_loop_over_a_glob_runs_each_script_it_matches(tmp_path: Path) -> None:
    files = {"scripts/tfcloud/runs.sh": "#!/bin/bash\nruns() { :; }\n",
             "scripts/tfcloud/tokens.sh": "#!/bin/bash\ntokens() { :; }\n",
             "scripts/tfcloud/README.md": "notes\n",
             "scripts/functions.sh": 'for script in ${script_path}/tfcloud/*.sh; do\n  source "$script"\ndone\n',
             "scripts/run-all.sh": '#!/bin/bash\nfor t in "$(dirname "$0")"/tfcloud/run*.sh; do bash "$t"; done\n'
                                   'for f in *; do . "$f"; done\n'
                                   'hooks=/etc/app/hooks\nfor h in $hooks/*.sh; do . "$h"; done\n'}
    assert callers(tmp_path, files, ("scripts/tfcloud/runs.sh", "scripts/tfcloud/tokens.sh")) == {
        "scripts/tfcloud/runs.sh": [("scripts/functions.sh", 2, "script", 'source "$script"'),
                                    ("scripts/run-all.sh", 2, "script",
                                     'for t in "$(dirname "$0")"/tfcloud/run*.sh; do bash "$t"; done')],
        "scripts/tfcloud/tokens.sh": [("scripts/functions.sh", 2, "script", 'source "$script"')]}


def test_codebuild_specs_in_a_folder_nfpm_hooks_and_fpm_options(tmp_path: Path) -> None:
    files = {"sources/scripts/creds.sh": "#!/bin/bash\naws sts assume-role\n",
             "release_files/post_install.sh": "#!/bin/sh\nsystemctl enable --now netbird\n",
             "release_files/pre_remove.sh": "#!/bin/sh\nsystemctl disable --now netbird\n",
             "modules/x/buildspecs/create-pipeline.yml": "version: 0.2\nphases:\n  pre_build:\n    commands:\n"
                                                         "      - $DEFAULT_PATH/aft-core/sources/scripts/creds.sh\n",
             ".goreleaser.yaml": "nfpms:\n  - maintainer: x\n    scripts:\n"
                                 '      postinstall: "release_files/post_install.sh"\n'
                                 "      preremove: release_files/pre_remove.sh\n",
             "Makefile": "deb:\n\tfpm -s dir -t deb --after-install release_files/post_install.sh .\n"}
    assert callers(tmp_path, files, ("sources/scripts/creds.sh", "release_files/post_install.sh",
                                     "release_files/pre_remove.sh")) == {
        "sources/scripts/creds.sh": [("modules/x/buildspecs/create-pipeline.yml", 5, "ci",
                                      "- $DEFAULT_PATH/aft-core/sources/scripts/creds.sh")],
        "release_files/post_install.sh": [(".goreleaser.yaml", 4, "script",
                                           'postinstall: "release_files/post_install.sh"'),
                                          ("Makefile", 2, "makefile",
                                           "fpm -s dir -t deb --after-install release_files/post_install.sh .")],
        "release_files/pre_remove.sh": [(".goreleaser.yaml", 5, "script",
                                         "preremove: release_files/pre_remove.sh")]}


def test_a_declared_sentence_names_no_script(tmp_path: Path) -> None:
    files = {"subcommands/active": "#!/usr/bin/env bash\necho true\n",
             "tools/run.sh": "#!/bin/sh\necho run\n",
             "command-functions.sh": '#!/usr/bin/env bash\ncmd-active() {\n'
                                  '  declare desc="Verify if letsencrypt is active for an app"\n'
                                  '  declare cmd="letsencrypt:active"\n  local runner="tools/run.sh"\n  "$runner"\n}\n'}
    assert callers(tmp_path, files, ("subcommands/active", "tools/run.sh")) == {
        "tools/run.sh": [("command-functions.sh", 6, "script", '"$runner"')]}


def test_the_shell_providers_lifecycle_commands(tmp_path: Path) -> None:
    """Terraform's shell provider runs a resource's ``lifecycle_commands`` as it is made, read,
    changed or deleted: a script's text read with ``file(...)``, or a command line."""
    scripts = ("mod/scripts/create.sh", "mod/scripts/delete.sh", "mod/scripts/read.sh", "mod/other.sh")
    files = {"mod/main.tf": """
                 resource "shell_script" "cluster" {
                   lifecycle_commands {
                     create = file("${path.module}/scripts/create.sh")
                     read   = "bash scripts/read.sh"
                     delete = file("${path.module}/scripts/delete.sh")
                   }
                   environment = {
                     create = "other.sh"
                   }
                 }
                 """,
             **{script: "#!/bin/sh\necho hi\n" for script in scripts}}
    assert {script: [(path, line, kind) for path, line, kind, _text in entries]
            for script, entries in callers(tmp_path, files, scripts).items()} == {
        "mod/scripts/create.sh": [("mod/main.tf", 3, "terraform")],
        "mod/scripts/read.sh": [("mod/main.tf", 4, "terraform")],
        "mod/scripts/delete.sh": [("mod/main.tf", 5, "terraform")]}


def test_a_snaps_part_scriptlets_run_their_scripts(tmp_path: Path) -> None:
    """snapcraft's ``override-build`` (and ``-pull``, ``-stage``, ``-prime``) are shell run while
    the snap is built, from the project's folder (``$CRAFT_PROJECT_DIR``); its apps' ``command``
    runs in the snap."""
    scripts = ("build-scripts/build-component.sh", "build-scripts/bom.py", "wrappers/start.wrapper")
    files = {"snap/snapcraft.yaml": textwrap.dedent("""\
                 name: k8s
                 parts:
                   etcd:
                     plugin: nil
                     override-build: $CRAFT_PROJECT_DIR/build-scripts/build-component.sh etcd
                   bom:
                     plugin: nil
                     override-prime: |
                       craftctl default
                       python3 $SNAPCRAFT_PROJECT_DIR/build-scripts/bom.py > bom.json
                 apps:
                   start:
                     command: wrappers/start.wrapper
                 """),
             **{script: "#!/bin/sh\necho hi\n" for script in scripts}}
    assert {script: [(path, line, kind) for path, line, kind, _text in entries]
            for script, entries in callers(tmp_path, files, scripts).items()} == {
        "build-scripts/build-component.sh": [("snap/snapcraft.yaml", 5, "ci")],
        "build-scripts/bom.py": [("snap/snapcraft.yaml", 10, "ci")],
        "wrappers/start.wrapper": [("snap/snapcraft.yaml", 13, "ci")]}


def test_a_python_file_runs_a_script_named_through_expandvars(tmp_path: Path) -> None:
    """``KUBECTL = os.path.expandvars("$SNAP/microk8s-kubectl.wrapper")``, then ``[KUBECTL, "get",
    ...]`` in each call: every call runs the wrapper."""
    scripts = ("wrappers/microk8s-kubectl.wrapper", "scripts/reset.py")
    files = {"wrappers/microk8s-kubectl.wrapper": "#!/bin/sh\nexec kubectl \"$@\"\n",
             "scripts/reset.py": textwrap.dedent("""\
                 import os
                 import subprocess
                 KUBECTL = os.path.expandvars("$SNAP/microk8s-kubectl.wrapper")
                 subprocess.check_call([KUBECTL, "get", "no"])
                 subprocess.check_call([KUBECTL, "delete", "ns", "x"])
                 """)}
    assert {script: [(path, line, kind) for path, line, kind, _text in entries]
            for script, entries in callers(tmp_path, files, scripts).items()} == {
        "wrappers/microk8s-kubectl.wrapper": [("scripts/reset.py", 4, "script"), ("scripts/reset.py", 5, "script")]}


def test_a_dev_containers_lifecycle_commands_run_from_the_workspace(tmp_path: Path) -> None:
    """``.devcontainer/devcontainer.json``'s ``postStartCommand`` (and the other ``*Command``
    keys) is a command line run in the workspace, the folder above ``.devcontainer``; its JSON
    escapes are read as such."""
    scripts = ("manage.py", "app/management/commands/update_platforms.py", "scripts/seed.sh")
    devcontainer = ('{\n  "name": "app",\n  "postStartCommand": "while [ \\"$(python manage.py showmigrations'
                    ' | grep -c x)\\" -ne 0 ]; do sleep 2; done && python manage.py update_platforms",\n'
                    '  "postCreateCommand": "bash scripts/seed.sh",\n  "comment": "python manage.py update_platforms"\n}\n')
    files = {".devcontainer/devcontainer.json": devcontainer,
             "manage.py": "import sys\nfrom django.core.management import execute_from_command_line\n"
                          "execute_from_command_line(sys.argv)\n",
             "app/management/commands/update_platforms.py": "from django.core.management.base import BaseCommand\n"
                                                            "class Command(BaseCommand):\n    pass\n",
             "scripts/seed.sh": "#!/bin/sh\necho hi\n"}
    found = {script: [(path, line) for path, line, _kind, _text in entries]
             for script, entries in callers(tmp_path, files, scripts).items()}
    assert found["app/management/commands/update_platforms.py"] == [(".devcontainer/devcontainer.json", 3)]
    assert found["scripts/seed.sh"] == [(".devcontainer/devcontainer.json", 4)]


def test_a_variable_named_for_manage_py_runs_django_commands(tmp_path: Path) -> None:
    """``MANAGE_FILE=$(find . -name manage.py | head -1)``, then ``python $MANAGE_FILE x``."""
    scripts = ("manage.py", "app/management/commands/prune_queries.py", "scripts/release.sh")
    files = {"manage.py": "import sys\nfrom django.core.management import execute_from_command_line\n"
                          "execute_from_command_line(sys.argv)\n",
             "app/management/commands/prune_queries.py": "from django.core.management.base import BaseCommand\n"
                                                         "class Command(BaseCommand):\n    pass\n",
             "scripts/release.sh": "#!/bin/bash\nMANAGE_FILE=$(find . -maxdepth 3 -name manage.py | head -1)\n"
                                   "python $MANAGE_FILE prune_queries 2>&1 | indent\n"
                                   "python $MANAGER_HOME/x prune_queries\n"}
    found = {script: [(path, line) for path, line, _kind, _text in entries]
             for script, entries in callers(tmp_path, files, scripts).items()}
    assert found["app/management/commands/prune_queries.py"] == [("scripts/release.sh", 3)]


def test_a_gitlab_child_pipeline_runs_the_jobs_of_the_file_it_includes(tmp_path: Path) -> None:
    """``trigger: include: /ci/check-packages.yml`` in a job of ``.gitlab-ci.yml`` (or of a file it
    includes): the child pipeline's file is GitLab CI too, its top-level ``before_script`` and
    its hidden jobs' scripts included."""
    files = {".gitlab-ci.yml": """
        include:
          - local: /ci/release.yml
        """,
             "ci/release.yml": """
        check-packages:
          stage: check
          trigger:
            include: '/ci/check-packages.yml'
            strategy: depend
        """,
             "ci/check-packages.yml": """
        before_script:
          - bash scripts/backup.sh
        .job_base:
          script:
            - bash scripts/deploy.sh
        """,
             "ci/unrelated.yml": """
        job:
          script:
            - bash ops/rotate_logs.sh
        """}
    found = callers(tmp_path, files, ("scripts/backup.sh", "scripts/deploy.sh", "ops/rotate_logs.sh"))
    assert {script: [c[:3] for c in entries] for script, entries in found.items()} == {
        "scripts/backup.sh": [("ci/check-packages.yml", 2, "gitlab-ci")],
        "scripts/deploy.sh": [("ci/check-packages.yml", 5, "gitlab-ci")]}


def test_a_codebuild_specification_runs_its_phases_commands_whatever_its_name(tmp_path: Path) -> None:
    """AWS CodeBuild's build specification (``version: 0.2`` and ``phases:``), under any name
    (``ci/nightly_build.yml``): each phase's ``commands`` and ``finally``, one shell from the
    source's root, so a ``cd`` holds for the commands after it (kind ``ci``)."""
    spec = """
        version: 0.2
        phases:
          install:
            commands:
              - python ops/rotate_logs.sh
          build:
            commands:
              - cd scripts/
              - bash backup.sh
            finally:
              - bash deploy.sh
        """
    files = {"ci/nightly_build.yml": spec}
    found = callers(tmp_path, files, ("scripts/backup.sh", "scripts/deploy.sh", "ops/rotate_logs.sh"))
    assert {script: [c[:3] for c in entries] for script, entries in found.items()} == {
        "ops/rotate_logs.sh": [("ci/nightly_build.yml", 5, "ci")],
        "scripts/backup.sh": [("ci/nightly_build.yml", 9, "ci")],
        "scripts/deploy.sh": [("ci/nightly_build.yml", 11, "ci")]}


def test_a_shell_handed_a_files_text_runs_that_file(tmp_path: Path) -> None:
    """``/bin/bash -c "$(cat install.sh)"`` (or ``$(< install.sh)``): the file's text is the
    command string, so the file runs; ``bash -c "$(curl -fsSL URL)"`` names no file here."""
    files = {".github/workflows/ci.yml": """
        on: push
        jobs:
          install:
            runs-on: ubuntu-latest
            steps:
              - run: /bin/bash -c "$(cat scripts/backup.sh)"
              - run: bash -c "$(< scripts/deploy.sh)"
              - run: bash -c "$(curl -fsSL https://example.org/ops/rotate_logs.sh)"
        """}
    found = callers(tmp_path, files, ("scripts/backup.sh", "scripts/deploy.sh", "ops/rotate_logs.sh"))
    assert {script: [c[:2] for c in entries] for script, entries in found.items()} == {
        "scripts/backup.sh": [(".github/workflows/ci.yml", 6)],
        "scripts/deploy.sh": [(".github/workflows/ci.yml", 7)]}


def test_a_wrapper_running_a_module_with_runpy_is_its_caller(tmp_path: Path) -> None:
    """``run_module('acme.cmd.cleanup', run_name='__main__')`` in a launcher under ``scripts/``
    (the same call again in its ``except ImportError:``): the module runs, at each call."""
    files = {"src/acme/__init__.py": "", "src/acme/cmd/__init__.py": "",
             "src/acme/cmd/cleanup.py": "import sys\nif __name__ == '__main__':\n    sys.exit(0)\n",
             "scripts/cleanup.py": """
        import os
        from runpy import run_module
        import sys

        if __name__ == '__main__':
            try:
                run_module('acme.cmd.cleanup', run_name='__main__')
            except ImportError:
                sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))
                run_module('acme.cmd.cleanup', run_name='__main__')
        """}
    found = callers(tmp_path, files, ("src/acme/cmd/cleanup.py", "scripts/cleanup.py"))
    assert [c[:2] for c in found["src/acme/cmd/cleanup.py"]] == [("scripts/cleanup.py", 7), ("scripts/cleanup.py", 10)]


def test_a_unit_filled_in_at_build_time_names_its_program_by_placeholder(tmp_path: Path) -> None:
    """Yocto's and autotools' units (``ExecStart=@BINDIR@/cleanup``, ``@BASE_BINDIR@/sh
    @BINDIR@/backup``): a placeholder of an install folder is that folder, whether the program
    comes first (where systemd's own ``@`` prefix also goes) or is handed to a shell."""
    files = {"units/cleanup.service": "[Service]\nType=oneshot\nExecStart=@BINDIR@/cleanup\n",
             "units/backup.service": "[Service]\nExecStart=@BASE_BINDIR@/sh @BINDIR@/backup.sh\n"}
    found = callers(tmp_path, files, ("bin/cleanup", "scripts/backup.sh"))
    assert {script: [c[:3] for c in entries] for script, entries in found.items()} == {
        "bin/cleanup": [("units/cleanup.service", 3, "systemd")],
        "scripts/backup.sh": [("units/backup.service", 2, "systemd")]}


@pytest.mark.parametrize("loop", [
    'for d in */; do\n  (cd "$d" && ./mirror.sh)\ndone\n',
    'find * -prune -type d | while IFS= read -r d; do\n  pushd "$d" > /dev/null\n  ./mirror.sh\n'
    '  popd > /dev/null\ndone\n',
])
def test_a_loop_over_the_folders_beside_it_runs_each_folders_script(tmp_path: Path, loop: str) -> None:
    """``for d in */; do (cd "$d" && ./mirror.sh); done``: the ``mirror.sh`` of each folder one
    level below the script's, from that line; not one deeper down, nor one the loop never enters."""
    files = {"mirrors/all.sh": "#!/bin/sh\n" + loop, "mirrors/debian/mirror.sh": "#!/bin/sh\nrsync a b\n",
             "mirrors/centos/mirror.sh": "#!/bin/sh\nrsync a b\n",
             "mirrors/deep/er/mirror.sh": "#!/bin/sh\nrsync a b\n", "other/x/mirror.sh": "#!/bin/sh\n"}
    scripts = ("mirrors/debian/mirror.sh", "mirrors/centos/mirror.sh", "mirrors/deep/er/mirror.sh",
               "other/x/mirror.sh")
    found = callers(tmp_path, files, scripts)
    line = 3 if loop.startswith("for") else 4
    assert {script: [c[:2] for c in entries] for script, entries in found.items()} == {
        "mirrors/centos/mirror.sh": [("mirrors/all.sh", line)],
        "mirrors/debian/mirror.sh": [("mirrors/all.sh", line)]}


def test_a_dockerfiles_working_folder_is_the_context_folder_copied_there(tmp_path: Path) -> None:
    """``WORKDIR /home/app``, ``COPY java java/``, ``WORKDIR java``, ``RUN ./publish.sh``: the
    context's ``java/publish.sh``, though another folder has a ``publish.sh`` too (``COPY
    libBuild.sh .`` copies a file under its own name: ``.`` names no script). ``ADD . /src``
    may be any context folder, so the script is found by name as before. (A quoted ``WORKDIR
    "/home/app"`` is the same folder.)"""
    stage = ("FROM python:3.12\nWORKDIR \"/home/app\"\nCOPY libBuild.sh .\nCOPY --chown=app java java/\n"
             "WORKDIR java\nRUN ./publish.sh build\nCMD ./publish.sh publish\n")
    files = {"dockerfiles/Dockerfile.java": stage, "java/publish.sh": "#!/bin/sh\n",
             "node/publish.sh": "#!/bin/sh\n", "libBuild.sh": "#!/bin/sh\n", "autogen.sh": "#!/bin/sh\n",
             "devtools/Dockerfile.alpine": "FROM alpine\nADD . /src\nWORKDIR /src\nRUN ./autogen.sh\n"}
    found = callers(tmp_path, files, ("java/publish.sh", "node/publish.sh", "autogen.sh"))
    assert {script: [c[:2] for c in entries] for script, entries in found.items()} == {
        "autogen.sh": [("devtools/Dockerfile.alpine", 4)],
        "java/publish.sh": [("dockerfiles/Dockerfile.java", 6), ("dockerfiles/Dockerfile.java", 7)]}


def test_a_gitlab_pipeline_template_is_read_by_its_shape(tmp_path: Path) -> None:
    """A YAML file, or the template a generator renders (``ci/input_files/build.yaml.tpl``, Go
    template tags and all), with GitLab's top-level ``stages:`` and jobs' ``script:``: a
    pipeline, read line by line where the template does not parse."""
    files = {"ci/input_files/build.yaml.tpl": """
        {{- $region := "us-west-2" -}}
        stages:
         - build
         - publish

        build-layer ({{ $runtime.name }}):
          stage: build
          script:
            - PYTHON_VERSION={{ $runtime.version }} ./scripts/backup.sh
        """}
    found = callers(tmp_path, files, ("scripts/backup.sh",))
    assert {script: [c[:3] for c in entries] for script, entries in found.items()} == {
        "scripts/backup.sh": [("ci/input_files/build.yaml.tpl", 9, "gitlab-ci")]}


def test_a_compose_entrypoint_names_a_script_the_image_copies_onto_its_path(tmp_path: Path) -> None:
    """``entrypoint: [docker-entrypoint.sh, ...]`` of a service built from ``./besu``, whose
    Dockerfiles (one of them chosen by ``${BESU_DOCKERFILE}``, the build settings merged in from
    an anchor) copy ``./docker-entrypoint.sh`` into ``/usr/local/bin/``: that folder's script, by
    its bare name, though another image's folder has one of the same name. A script copied into
    a folder that is not on the path is not run by its bare name, nor one that only some of the
    context's Dockerfiles copy."""
    image = "FROM debian\nCOPY --chown=app:app ./docker-entrypoint.sh /usr/local/bin/\nCOPY ./helper.sh /opt/\n"
    files = {
        "besu/Dockerfile.binary": image + "COPY ./exit.sh /usr/local/bin/\n",
        "besu/Dockerfile.source": image,
        "geth/Dockerfile": image + "COPY ./exit.sh /usr/local/bin/\n",
        "besu.yml": """
        x-build: &besu-build
          context: ./besu
          dockerfile: ${BESU_DOCKERFILE}
        services:
          execution:
            build:
              <<: *besu-build
            entrypoint:
              - docker-entrypoint.sh
              - /opt/besu/bin/besu
          exit:
            build:
              <<: *besu-build
            entrypoint: [exit.sh]
          helper:
            build:
              <<: *besu-build
            entrypoint: [helper.sh]
        """}
    scripts = tuple(f"{image}/{name}" for image in ("besu", "geth")
                    for name in ("docker-entrypoint.sh", "exit.sh", "helper.sh"))
    found = callers(tmp_path, files, scripts)
    assert {script: [c[:3] for c in entries] for script, entries in found.items()} == {
        "besu/docker-entrypoint.sh": [("besu.yml", 9, "compose")]}


@pytest.mark.parametrize("command", ["mise run ci:reap-images --apply", "mise r ci:reap-images",
                                     "mise ci:reap-images", "mise run -C . ci:reap-images"])
def test_a_mise_file_task_is_run_by_its_name(tmp_path: Path, command: str) -> None:
    """``mise run ci:reap-images``: mise's file task ``mise-tasks/ci/reap-images`` (here with
    its extension), from the project's root; a task with no file of the tree is nothing."""
    files = {".gitlab-ci.yml": f"reap:\n  script:\n    - {command}\n    - mise run ci:lint\n",
             "mise-tasks/ci/reap-images.py": "#!/usr/bin/env python3\n"}
    found = callers(tmp_path, files, ("mise-tasks/ci/reap-images.py",))
    assert [c[:3] for c in found["mise-tasks/ci/reap-images.py"]] == [(".gitlab-ci.yml", 3, "gitlab-ci")]


def test_an_image_links_a_script_onto_its_path(tmp_path: Path) -> None:
    """``COPY ./scripts /scripts`` then ``RUN ln -s /scripts/rconcli.sh /usr/local/bin/rconcli``:
    the image's scripts run it as ``rconcli``; a link into a folder not on the path is not."""
    files = {"Dockerfile": "FROM debian\nCOPY ./scripts /scripts\nCOPY ./includes /includes\n"
                           "RUN ln -s /scripts/rconcli.sh /usr/local/bin/rconcli \\\n"
                           "    && ln -s /scripts/backup.sh /opt/backup\n",
             "includes/rcon.sh": "#!/bin/bash\nsave() {\n  rconcli save\n  backup now\n}\n",
             "scripts/rconcli.sh": "#!/bin/bash\nrcon \"$@\"\n", "scripts/backup.sh": "#!/bin/bash\n"}
    found = callers(tmp_path, files, ("scripts/rconcli.sh", "scripts/backup.sh", "includes/rcon.sh"))
    assert {script: [c[:2] for c in entries] for script, entries in found.items()} == {
        "scripts/rconcli.sh": [("includes/rcon.sh", 3)]}


@pytest.mark.parametrize(("loop", "line"), [
    ('for f in "${QUAYCONF}"/init/*.sh; do\n  ENSURE_NO_MIGRATION=true "$f" || exit\ndone\n', 2),
    ("for file in /etc/cleanup.d/*; do\n  $file\ndone\n", 2),
])
def test_a_loop_runs_each_script_of_a_folder_named_by_its_end(tmp_path: Path, loop: str, line: int) -> None:
    """``for f in "${QUAYCONF}"/init/*.sh; do ENSURE_NO_MIGRATION=true "$f"; done``, the variable
    set where the image is built: the one folder of the tree that ends so (``conf/init``); an
    image's ``/etc/cleanup.d/*``: its file tree's folder (``images/base/rootfs/etc/cleanup.d``),
    every file of a ``.d`` folder one of its steps."""
    folder = "conf/init" if "QUAYCONF" in loop else "images/base/rootfs/etc/cleanup.d"
    files = {"entry.sh": "#!/bin/bash\n" + loop, f"{folder}/a.sh": "#!/bin/sh\n", f"{folder}/b.sh": "#!/bin/sh\n",
             "other/a.sh": "#!/bin/sh\n"}
    found = callers(tmp_path, files, (f"{folder}/a.sh", f"{folder}/b.sh", "other/a.sh"))
    assert {script: [c[:2] for c in entries] for script, entries in found.items()} == {
        f"{folder}/a.sh": [("entry.sh", line + 1)], f"{folder}/b.sh": [("entry.sh", line + 1)]}


def test_an_s6_finish_in_execline_runs_the_base_images_script(tmp_path: Path) -> None:
    """``images/activemq/rootfs/etc/s6-overlay/s6-rc.d/activemq/finish`` in execline
    (``#!/command/execlineb -S2``) running ``/usr/local/share/s6/finish``: the one image file
    tree that holds it (the base image's), though other files are named ``finish`` too."""
    files = {"images/activemq/rootfs/etc/s6-overlay/s6-rc.d/activemq/finish":
             "#!/command/execlineb -S2\n/usr/local/share/s6/finish ${1} ${2}\n",
             "images/base/rootfs/usr/local/share/s6/finish": "#!/bin/bash\ns6-svscanctl -t /run/service\n",
             "tools/finish": "#!/bin/sh\n"}
    found = callers(tmp_path, files, ("images/base/rootfs/usr/local/share/s6/finish", "tools/finish"))
    assert {script: [c[:3] for c in entries] for script, entries in found.items()} == {
        "images/base/rootfs/usr/local/share/s6/finish": [
            ("images/activemq/rootfs/etc/s6-overlay/s6-rc.d/activemq/finish", 2, "script")]}


def test_a_hidden_script_and_a_template_installed_under_the_scripts_name(tmp_path: Path) -> None:
    """The eighty-sixth set: a script whose name starts with a dot (``"$thisDir/.snapshot-url.sh"``
    in a command substitution), and an Ansible template ``update_conf.sh.j2`` run by the name it
    is installed under (``"$current_dir/update_conf.sh"``)."""
    files = {"scripts/mirror.sh": '#!/bin/bash\nthisDir="$(dirname "$BASH_SOURCE")"\n'
                                  'urls=( "$("$thisDir/.snapshot-url.sh" "@1")" )\n',
             "scripts/.snapshot-url.sh": "#!/bin/bash\necho url\n",
             "templates/config/init.sh": '#!/bin/bash\ncurrent_dir="$(dirname "$0")"\n'
                                         '"$current_dir/update_conf.sh" "email_to=x"\n',
             "templates/config/update_conf.sh.j2": "#!/bin/bash\nsed -i s/a/b/ {{ conf }}\n"}
    found = callers(tmp_path, files, ("scripts/.snapshot-url.sh", "templates/config/update_conf.sh.j2"))
    assert {script: [c[:2] for c in entries] for script, entries in found.items()} == {
        "scripts/.snapshot-url.sh": [("scripts/mirror.sh", 3)],
        "templates/config/update_conf.sh.j2": [("templates/config/init.sh", 3)]}


def test_skaffold_hooks_and_jenkins_job_steps_run_their_scripts(tmp_path: Path) -> None:
    """Skaffold's lifecycle hooks (``hooks: before: - host: command: [...]``, an argument list
    run from the file's folder) and a Jenkins job's ``config.xml`` shell step (XML-escaped,
    ``&amp;&amp;``); a ``command:`` outside hooks (a container's) is not the host's."""
    files = {"skaffold/skaffold.yaml": textwrap.dedent("""\
                 apiVersion: skaffold/v4beta6
                 kind: Config
                 deploy:
                   helm:
                     hooks:
                       before:
                         - host:
                             command: [ "../bin/generate-values", "local", "ui" ]
                 manifests:
                   rawYaml:
                     - command: [ "../bin/other" ]
                 """),
             "bin/generate-values": "#!/bin/bash\necho values\n",
             "bin/other": "#!/bin/bash\necho other\n",
             "jenkins/jobs/create-instance/config.xml": textwrap.dedent("""\
                 <?xml version='1.1' encoding='UTF-8'?>
                 <project>
                   <builders>
                     <hudson.tasks.Shell>
                       <command>cd /srv/app &amp;&amp; jenkins/scripts/create_instance.sh &quot;$ID&quot;</command>
                     </hudson.tasks.Shell>
                   </builders>
                 </project>
                 """),
             "jenkins/scripts/create_instance.sh": "#!/bin/bash\necho create\n"}
    found = callers(tmp_path, files, ("bin/generate-values", "bin/other", "jenkins/scripts/create_instance.sh"))
    assert {script: [c[:3] for c in entries] for script, entries in found.items()} == {
        "bin/generate-values": [("skaffold/skaffold.yaml", 8, "script")],
        "jenkins/scripts/create_instance.sh": [("jenkins/jobs/create-instance/config.xml", 5, "ci")]}


def test_rpm_scriptlets_gitlab_fragments_and_semaphore_pipelines(tmp_path: Path) -> None:
    """The rpm plugin's ``<preinstallScriptlet><scriptFile>`` in a ``pom.xml`` (a package hook),
    a GitLab CI fragment named ``*.gitlab-ci.yml`` whatever includes it, and every ``commands``
    list of a Semaphore pipeline, run from the repository's root."""
    pom = """<project>
  <plugin><artifactId>rpm-maven-plugin</artifactId><configuration>
    <preinstallScriptlet>
      <scriptFile>../core/scripts/preinstall.sh</scriptFile>
    </preinstallScriptlet>
  </configuration></plugin>
</project>
"""
    fragment = """
        build:
          stage: build
          script:
            - ./.ci/scripts/build.sh
    """
    semaphore = """
        version: v1.0
        blocks:
          - name: checks
            task:
              prologue:
                commands:
                  - checkout
              jobs:
                - name: style
                  commands:
                    - ./packaging/tools/style.sh --fix
    """
    files = {"router/build/pom.xml": pom, ".ci/linux.gitlab-ci.yml": fragment, ".semaphore/semaphore.yml": semaphore}
    scripts = ("router/core/scripts/preinstall.sh", ".ci/scripts/build.sh", "packaging/tools/style.sh")
    assert callers(tmp_path, files, scripts) == {
        "router/core/scripts/preinstall.sh": [
            ("router/build/pom.xml", 4, "maven", "<scriptFile>../core/scripts/preinstall.sh</scriptFile>")],
        ".ci/scripts/build.sh": [(".ci/linux.gitlab-ci.yml", 4, "gitlab-ci", "- ./.ci/scripts/build.sh")],
        "packaging/tools/style.sh": [(".semaphore/semaphore.yml", 11, "ci", "- ./packaging/tools/style.sh --fix")]}
