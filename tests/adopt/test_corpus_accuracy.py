"""Regression floors for the inventory's accuracy on the labelled corpus.

Every set has been used to write rules after its one blind measurement (bench/README.md), so each
must keep what the rules reached on it; a change that loses a script there fails here and says
which. Floors sit a little under the figures measured when each
was set, so that a change has to lose a script, not a rounding, to fail.
"""

from __future__ import annotations

from typing import Any

import pytest

from opsctl.adopt.scan import scan_tree
from tests.adopt.test_corpus import CORPUS, acc

FLOORS: dict[str, dict[str, float]] = {
    # split: destructive precision, destructive recall, caller recall, flag recall
    "dev": {"precision": 1.0, "recall": 1.0, "callers": 1.0, "flags": 1.0},
    "held-out": {"precision": 0.85, "recall": 0.9, "callers": 0.95, "flags": 0.9},
    "held-out-2": {"precision": 0.9, "recall": 0.85, "callers": 0.95, "flags": 0.85},
    "held-out-3": {"precision": 0.85, "recall": 0.95, "callers": 0.9, "flags": 0.85},
    "held-out-4": {"precision": 0.75, "recall": 0.95, "callers": 0.95, "flags": 0.9},
    "held-out-5": {"precision": 0.9, "recall": 0.75, "callers": 0.95, "flags": 0.9},
    "held-out-6": {"precision": 0.9, "recall": 0.95, "callers": 0.85, "flags": 0.9},
    "held-out-7": {"precision": 0.9, "recall": 0.9, "callers": 0.85, "flags": 0.85},
    "held-out-8": {"precision": 0.75, "recall": 0.7, "callers": 0.8, "flags": 0.9},
    "held-out-9": {"precision": 0.7, "recall": 0.8, "callers": 0.7, "flags": 0.95},
    "held-out-10": {"precision": 0.8, "recall": 0.75, "callers": 0.85, "flags": 0.9},
    "held-out-11": {"precision": 0.9, "recall": 0.9, "callers": 0.85, "flags": 0.9},
    # recall 0.8: setEnv.sh was found through its ``rm`` of the override symlink it makes again
    # (a link, now its own); its label is for ``docker compose down``, which keeps the volumes
    "held-out-12": {"precision": 0.8, "recall": 0.8, "callers": 0.85, "flags": 0.9},
    "held-out-13": {"precision": 0.8, "recall": 0.8, "callers": 0.85, "flags": 0.8},
    "held-out-14": {"precision": 0.7, "recall": 0.7, "callers": 0.65, "flags": 0.85},
    "held-out-15": {"precision": 0.8, "recall": 0.8, "callers": 0.85, "flags": 0.8},
    "held-out-16": {"precision": 0.65, "recall": 0.8, "callers": 0.8, "flags": 0.9},
    "held-out-17": {"precision": 0.5, "recall": 0.6, "callers": 0.85, "flags": 0.6},
    "held-out-18": {"precision": 0.75, "recall": 0.9, "callers": 0.85, "flags": 0.95},
    "held-out-19": {"precision": 0.85, "recall": 0.8, "callers": 0.65, "flags": 0.85},
    "held-out-20": {"precision": 0.6, "recall": 0.8, "callers": 0.85, "flags": 0.85},
    "held-out-21": {"precision": 0.75, "recall": 0.8, "callers": 0.8, "flags": 0.85},
    "held-out-22": {"precision": 0.55, "recall": 0.6, "callers": 0.75, "flags": 0.7},
    "held-out-23": {"precision": 0.7, "recall": 0.5, "callers": 0.75, "flags": 0.7},
    "held-out-24": {"precision": 0.8, "recall": 0.6, "callers": 0.8, "flags": 0.75},
    "held-out-25": {"precision": 0.75, "recall": 0.75, "callers": 0.8, "flags": 0.7},
    "held-out-26": {"precision": 0.6, "recall": 0.8, "callers": 0.8, "flags": 0.9},
    "held-out-27": {"precision": 0.65, "recall": 0.7, "callers": 0.7, "flags": 0.4},
    "held-out-28": {"precision": 0.65, "recall": 0.9, "callers": 0.85, "flags": 0.8},
    "held-out-29": {"precision": 0.75, "recall": 0.85, "callers": 0.8, "flags": 0.8},
    "held-out-30": {"precision": 0.65, "recall": 0.8, "callers": 0.75, "flags": 0.85},
    "held-out-31": {"precision": 0.7, "recall": 0.75, "callers": 0.75, "flags": 0.9},
    "held-out-32": {"precision": 0.8, "recall": 0.85, "callers": 0.8, "flags": 0.95},
    # four not inventoried: a file of Python 3.12 syntax (an error with its reason), a helper
    # the test scripts source, two test-folder scripts only an evaluation task file names
    "held-out-33": {"precision": 0.9, "recall": 0.95, "callers": 0.85, "flags": 0.9},
    # one not inventoried: a CI helper in a test folder that only another CI script runs
    "held-out-34": {"precision": 0.75, "recall": 0.75, "callers": 0.85, "flags": 0.9},
    # nineteen not inventoried: the steps of an integration suite (a test folder) a runner
    # sources by a glob, test-folder and vendored-folder scripts, a module only imported
    "held-out-35": {"precision": 0.65, "recall": 0.55, "callers": 0.75, "flags": 0.9},
    # nine not inventoried: test-folder scripts nothing runs and in which the scan sees no
    # destruction, a file with neither an extension nor a shebang, a Jinja-templated Python file
    "held-out-36": {"precision": 0.8, "recall": 0.65, "callers": 0.8, "flags": 0.8},
    # ten not inventoried: test-folder scripts nothing runs and in which the scan sees no
    # destruction, a test module, and a module of definitions only (a library)
    "held-out-37": {"precision": 0.8, "recall": 0.7, "callers": 0.8, "flags": 0.85},
    # four not inventoried: a vendored folder's scripts; its labels call the cleanup steps
    # Packer runs in the machine being built destructive, the scan (as the earlier sets' labels)
    # image-build steps: eleven of its thirty-one destructive scripts
    "held-out-38": {"precision": 0.6, "recall": 0.3, "callers": 0.9, "flags": 0.9},
    # six not inventoried: five modules a script imports (libraries, labelled on what their
    # functions do) and a file of Python 2 syntax (an error with its reason)
    "held-out-39": {"precision": 0.65, "recall": 0.85, "callers": 0.85, "flags": 0.9},
    # seven not inventoried: four files of Python 2 syntax (errors with their reason), a
    # deploy module and two Terraform-run functions of definitions only (libraries)
    "held-out-40": {"precision": 0.7, "recall": 0.75, "callers": 0.55, "flags": 0.8},
    # two not inventoried: a file of Python 3.12 syntax (an error with its reason) and a module
    # of definitions only (a library)
    "held-out-41": {"precision": 0.9, "recall": 0.8, "callers": 0.8, "flags": 0.85},
    "held-out-42": {"precision": 0.8, "recall": 0.9, "callers": 0.7, "flags": 0.9},
    "held-out-43": {"precision": 0.85, "recall": 0.8, "callers": 0.85, "flags": 0.75},
    "held-out-44": {"precision": 0.7, "recall": 0.8, "callers": 0.85, "flags": 0.8},
    "held-out-45": {"precision": 0.8, "recall": 0.8, "callers": 0.9, "flags": 0.9},
    "held-out-46": {"precision": 0.65, "recall": 0.8, "callers": 0.85, "flags": 0.8},
    # four not inventoried: scripts of a test folder (a consensus suite's, a broker image's test)
    "held-out-47": {"precision": 0.9, "recall": 0.8, "callers": 0.75, "flags": 0.95},
    "held-out-48": {"precision": 0.6, "recall": 0.75, "callers": 0.65, "flags": 0.95},
    # eight not inventoried: seven in a test folder, a Debian maintainer script without a shebang
    "held-out-49": {"precision": 0.6, "recall": 0.6, "callers": 0.8, "flags": 0.9},
    # two not inventoried: a test folder's integration runner, a test-named tox check
    "held-out-50": {"precision": 0.8, "recall": 0.95, "callers": 0.85, "flags": 0.9},
    "held-out-51": {"precision": 0.7, "recall": 0.8, "callers": 0.85, "flags": 0.9},
    # eight not inventoried: six scripts of a test folder that nothing kept runs, a script with
    # mismatched quotes (an error), an invoke tasks module its collection imports (a library)
    "held-out-52": {"precision": 0.8, "recall": 0.85, "callers": 0.78, "flags": 0.8},
    # one not inventoried: a check named as a test that only the project's task runner loads
    "held-out-53": {"precision": 0.85, "recall": 0.85, "callers": 0.88, "flags": 0.9},
    # one not inventoried: a diagnostic script of a test folder that nothing kept runs
    "held-out-54": {"precision": 0.74, "recall": 0.82, "callers": 0.9, "flags": 0.95},
    "held-out-55": {"precision": 0.75, "recall": 0.85, "callers": 0.9, "flags": 0.9},
    # one not inventoried: a dated copy of a script (``copy_my_data.myriad.2020-05-11``), not executable
    "held-out-56": {"precision": 0.78, "recall": 0.85, "callers": 0.95, "flags": 0.93},
    # one not inventoried: a certificate check in a test folder only a composite action runs
    "held-out-57": {"precision": 0.8, "recall": 0.8, "callers": 0.86, "flags": 0.92},
    "held-out-58": {"precision": 0.84, "recall": 0.68, "callers": 0.81, "flags": 0.9},
    # eight not inventoried: Python templates of a chart's jobs (their template tags do not
    # parse), a test folder's scripts, a vendored fetch helper, an ERB init script of no suffix
    "held-out-59": {"precision": 0.58, "recall": 0.6, "callers": 0.62, "flags": 0.89},
    # one not inventoried: a command a dispatcher finds by listing its folder (a library here)
    "held-out-60": {"precision": 0.86, "recall": 0.8, "callers": 0.91, "flags": 0.92},
    "held-out-61": {"precision": 0.9, "recall": 0.71, "callers": 0.93, "flags": 0.97},
    # nine not inventoried: deploy tasks of a task runner and cron modules whose commands a
    # framework registers by decorator (libraries here), a Python 2 command that does not parse
    "held-out-62": {"precision": 0.75, "recall": 0.7, "callers": 0.52, "flags": 0.84},
    # one not inventoried: a test folder's Sentry check
    "held-out-63": {"precision": 0.94, "recall": 0.94, "callers": 0.92, "flags": 0.96},
    # one not inventoried: a test folder's Helm check that only another test runs
    "held-out-64": {"precision": 0.89, "recall": 0.89, "callers": 0.78, "flags": 0.94},
    # eight not inventoried: scripts of test folders nothing outside them runs (a Lambda's manual
    # drivers, a test VM's runners, a help-output test)
    "held-out-65": {"precision": 0.56, "recall": 0.51, "callers": 0.84, "flags": 0.98},
    # four not inventoried: test folders' scripts nothing outside them runs
    "held-out-66": {"precision": 0.79, "recall": 0.79, "callers": 0.83, "flags": 0.97},
    # six not inventoried: test folders' scripts nothing outside them runs
    "held-out-67": {"precision": 0.86, "recall": 0.83, "callers": 0.77, "flags": 0.86},
    # five not inventoried: test folders' scripts nothing outside them runs but a test runner
    "held-out-68": {"precision": 0.7, "recall": 0.8, "callers": 0.86, "flags": 0.89},
    # two not inventoried: a test folder's runners that only a test image's entrypoint runs
    "held-out-69": {"precision": 0.59, "recall": 0.73, "callers": 0.89, "flags": 0.95},
    # five not inventoried: a launcher without a shebang or a suffix, and cron tables' templates
    "held-out-70": {"precision": 0.75, "recall": 0.8, "callers": 0.84, "flags": 0.75},
    "held-out-71": {"precision": 0.55, "recall": 0.72, "callers": 0.98, "flags": 0.97},
    # fifteen not inventoried: test folders' scripts only a test runner (or nothing) runs
    "held-out-72": {"precision": 0.78, "recall": 0.85, "callers": 0.91, "flags": 0.98},
    # two not inventoried: a test helper by its name, a test server's hook nothing outside runs
    "held-out-73": {"precision": 0.69, "recall": 0.75, "callers": 0.91, "flags": 0.66},
    # three not inventoried: a test runner by its name, and an orb's test scripts
    "held-out-74": {"precision": 0.8, "recall": 0.82, "callers": 0.79, "flags": 0.88},
    # four not inventoried: test-folder scripts nothing outside their folder runs
    "held-out-75": {"precision": 0.87, "recall": 0.87, "callers": 0.9, "flags": 0.84},
    # fifteen not inventoried: a certificate authority's test-folder scripts and a Nagios
    # checks' test module, which nothing outside their folders runs
    "held-out-76": {"precision": 0.64, "recall": 0.83, "callers": 0.82, "flags": 0.62},
    # four not inventoried: a sourced library, test-folder scripts (its three cron jobs with a
    # shebang, a suffix of their own and no executable bit are read since the seventy-eighth set)
    "held-out-77": {"precision": 0.75, "recall": 0.83, "callers": 0.89, "flags": 0.94},
    # two not inventoried: test scripts by their names (``deploy_test.sh``, ``test_osx_sdk.sh``)
    "held-out-78": {"precision": 0.71, "recall": 0.76, "callers": 0.97, "flags": 0.93},
    # one not inventoried: a service's init script whose first line, ``#/usr/bin/env python``,
    # is a comment rather than a shebang (compose runs it with ``python``)
    "held-out-79": {"precision": 0.79, "recall": 0.75, "callers": 0.87, "flags": 0.96},
    # three not inventoried: test scripts by their names or folders
    "held-out-80": {"precision": 0.76, "recall": 0.73, "callers": 0.82, "flags": 0.96},
    # two not inventoried: an OpenRC service file (``#!/sbin/runscript``), and a click command of a
    # package that nothing in the kept files runs
    "held-out-81": {"precision": 0.70, "recall": 0.74, "callers": 0.86, "flags": 0.86},
    # five not inventoried: three click command modules of a package run only through a group
    # loaded by name, a Flask app's module, a test tool by its name
    "held-out-82": {"precision": 0.58, "recall": 0.81, "callers": 0.89, "flags": 0.95},
    # four not inventoried: two click command modules a group imports, a module that does not
    # parse as published (a function without a body), a test script by its folder
    "held-out-83": {"precision": 0.57, "recall": 0.83, "callers": 0.88, "flags": 0.97},
    # two not inventoried: a test helper by its name, an OpenRC service file
    "held-out-84": {"precision": 0.74, "recall": 0.76, "callers": 0.85, "flags": 0.91},
    # fifteen not inventoried, all libraries: an engine container builder's subcommand modules
    # its main module imports, a Fabric project's task modules its fabfile imports
    "held-out-85": {"precision": 0.72, "recall": 0.80, "callers": 0.88, "flags": 0.87},
    "held-out-86": {"precision": 0.72, "recall": 0.75, "callers": 0.80, "flags": 0.80},
    "held-out-87": {"precision": 0.58, "recall": 0.56, "callers": 0.79, "flags": 0.90},
    # three not inventoried: a test by its name and two test scripts nothing in the tree runs
    "held-out-88": {"precision": 0.75, "recall": 0.73, "callers": 0.80, "flags": 0.86},
    # two not inventoried: test scripts nothing in the tree runs
    "held-out-89": {"precision": 0.69, "recall": 0.76, "callers": 0.84, "flags": 0.93},
    # eighteen not inventoried: an SDN controller's test tools (its ``tools/test/`` folder,
    # run by its test scenarios), test scripts nothing in the tree runs, a test module
    "held-out-90": {"precision": 0.67, "recall": 0.57, "callers": 0.61, "flags": 0.69},
}


@pytest.fixture(scope="module")
def inventories() -> dict[str, Any]:
    return {repo.name: scan_tree(repo, git=False) for repo in acc.corpus_repos(CORPUS)}


@pytest.mark.parametrize("split", list(FLOORS))
def test_the_rules_keep_what_they_reached_on_the_sets_they_were_written_from(
        inventories: dict[str, Any], split: str) -> None:
    report = acc.evaluate(acc.load_labels(), inventories, split)
    floor = FLOORS[split]
    got = {"precision": report["destructive"]["precision"],
           "recall": report["destructive"]["recall"],
           "callers": report["callers"]["recall"], "flags": report["flags"]["recall"]}
    lost = {key: (got[key], floor[key]) for key in floor if (got[key] or 0.0) < floor[key]}
    assert not lost, (f"{split}: below the floor (got, floor): {lost}; "
                      f"false positives {report['destructive']['false_positives']}, "
                      f"false negatives {report['destructive']['false_negatives']}")
    # a file the scan cannot read is listed as an error with its reason (held-out-7 has two);
    # a test helper by its name or folder is skipped as a test (held-out-8 has one, -9 four)
    # (and a module another script imports is a library: held-out-35 has one, a Flask-Script
    # command class its manager imports; held-out-37 one that defines functions and calls none)
    assert [m for m in report["missed"] if m["where"] not in ("errors", "skipped", "absent")
            and not (split in ("held-out-35", "held-out-37", "held-out-39", "held-out-40", "held-out-41",
                               "held-out-52", "held-out-60", "held-out-62", "held-out-81", "held-out-82",
                               "held-out-83", "held-out-85", "held-out-86", "held-out-87")
                     and m["where"] == "libraries")] == []


def test_the_last_set_is_scanned_whole(inventories: dict[str, Any]) -> None:
    report = acc.evaluate(acc.load_labels(), inventories, "held-out-90")
    assert report["scripts"] >= 325
    # every labelled script is inventoried or said why not: scripts of test folders (an SDN
    # controller's cluster test tools, run by its test scenarios; test scripts nothing in the
    # tree runs) that delete nothing the scan sees, and a test module skipped by its name
    assert len(report["missed"]) <= 18
    assert all(m["where"] in ("skipped", "absent") for m in report["missed"])
    # blind 0.64 / 0.51 (callers 0.58, flags 0.68); 0.68 / 0.58 after its rules (a firewall
    # flushed and rebuilt by its script, ``$IPTABLES``, a client named for its service or made by
    # a factory, an RPC client's deleting action, a model manager's deleting method; a data
    # template_file's script, Salt cron tables and periodic cron folders, a module that parses
    # the command line when it is imported)
    assert report["destructive"]["precision"] >= 0.67 and report["destructive"]["recall"] >= 0.57
    assert report["callers"]["recall"] >= 0.61 and report["flags"]["recall"] >= 0.69
