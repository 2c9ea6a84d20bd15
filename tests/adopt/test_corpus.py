"""The labelled corpus of real ops scripts (tests/adopt/corpus) is well formed, and the scoring of
bench/inventory_accuracy.py is right on small fake inventories.

No figure of the scanner on the corpus is asserted here: the evaluator is run by hand.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from opsctl.adopt.model import (
    Caller,
    Effect,
    EnvVar,
    Flag,
    Interface,
    Inventory,
    Script,
    Skipped,
)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "adopt" / "corpus"
LABELS = CORPUS / "labels.json"
BENCH = ROOT / "bench" / "inventory_accuracy.py"


def _load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("inventory_accuracy", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("inventory_accuracy", module)
    spec.loader.exec_module(module)
    return module


acc = _load_bench()
NEWEST = acc.NEWEST_SET
"""The number of the newest blind set (``held-out-NEWEST``), raised when a set is added."""
SPLITS = set(acc.SPLITS) - {"all"}


@pytest.fixture(scope="module")
def labels_doc() -> dict[str, Any]:
    with LABELS.open(encoding="utf-8") as fh:
        doc: dict[str, Any] = json.load(fh)
    return doc


# ---------------------------------------------------------------------------------------------
# labels.json and the corpus folders


def _is_script(path: Path) -> bool:
    if path.suffix in {".py", ".sh"}:
        return True
    with path.open("rb") as fh:
        return fh.read(2) == b"#!"


def test_labels_document_shape(labels_doc: dict[str, Any]) -> None:
    assert labels_doc["version"] == 1
    assert isinstance(labels_doc["seed"], int)
    assert isinstance(labels_doc["scripts"], dict) and labels_doc["scripts"]
    assert isinstance(labels_doc.get("unlabelled", {}), dict)
    required = {"split": str, "language": str, "destructive": bool, "mutating": bool,
                "destructive_lines": list, "flags": list, "has_dry_run": bool,
                "exit_codes": list, "callers": list, "env": list, "notes": str}
    for path, label in labels_doc["scripts"].items():
        for key, kind in required.items():
            assert isinstance(label.get(key), kind), (path, key)
        assert label["split"] in SPLITS, path
        assert label["language"] in {"python", "shell"}, path
        assert not label["destructive"] or label["mutating"], f"{path}: destructive implies mutating"
        assert not label["destructive"] or label["destructive_lines"], path
        assert all(isinstance(n, int) and n > 0 for n in label["destructive_lines"]), path
        assert all(isinstance(n, int) for n in label["exit_codes"]), path
        assert all(isinstance(f, str) and f for f in label["flags"]), path
        assert len(set(label["flags"])) == len(label["flags"]), path
        assert all(isinstance(v, str) and v for v in label["env"]), path
        assert label["notes"].strip(), path


def test_every_labelled_path_and_caller_exists(labels_doc: dict[str, Any]) -> None:
    for path, label in labels_doc["scripts"].items():
        file = CORPUS / path
        assert file.is_file(), path
        lines = file.read_bytes().count(b"\n") + 1
        assert all(n <= lines for n in label["destructive_lines"]), path
        for caller in label["callers"]:
            assert acc.repo_of(caller["path"]) == acc.repo_of(path), (path, caller)
            caller_file = CORPUS / caller["path"]
            assert caller_file.is_file(), (path, caller)
            n_lines = len(caller_file.read_text(encoding="utf-8").splitlines())
            assert 1 <= caller["line"] <= n_lines, (path, caller)


def test_every_script_in_the_corpus_is_labelled_or_listed(labels_doc: dict[str, Any]) -> None:
    labelled = set(labels_doc["scripts"])
    unlabelled = labels_doc.get("unlabelled", {})
    assert all(isinstance(reason, str) and reason.strip() for reason in unlabelled.values())
    for path in unlabelled:
        assert (CORPUS / path).is_file(), path
        assert path not in labelled, path
    for file in CORPUS.rglob("*"):
        if not file.is_file() or file.parent == CORPUS:
            continue
        rel = file.relative_to(CORPUS).as_posix()
        if _is_script(file):
            assert rel in labelled or rel in unlabelled, f"{rel} is neither labelled nor listed"


def test_every_source_folder_has_its_licence_and_provenance() -> None:
    folders = [p for p in CORPUS.iterdir() if p.is_dir()]
    assert len(folders) >= 8
    for folder in folders:
        assert "__" in folder.name, folder.name
        source = folder / "SOURCE.md"
        assert source.is_file(), folder.name
        text = source.read_text(encoding="utf-8")
        # the licence file under the repository's own name for it (LICENCE, LICENSE.md...),
        # named in SOURCE.md
        # (``MIT-LICENCE``, ``LICENSE.MIT``: a name that says what it is)
        licences = [f.name for f in folder.iterdir() if f.is_file() and any(
            word in f.name.upper() for word in ("LICENSE", "LICENCE", "COPYING"))]
        assert licences, folder.name
        assert "LICENSE" in licences or any(f"`{name}`" in text for name in licences), folder.name
        owner, repo = folder.name.split("__", 1)
        assert f"https://github.com/{owner}/{repo}" in text, folder.name
        assert "Commit:" in text and "Licence:" in text, folder.name
    # a guard against a folder copied whole by mistake (ninety sets take about 94.9 MiB)
    assert sum(f.stat().st_size for f in CORPUS.rglob("*") if f.is_file()) < 100 * 1024 * 1024


def test_the_split_is_large_and_mixed_enough(labels_doc: dict[str, Any]) -> None:
    scripts = labels_doc["scripts"].values()
    held_out = [s for s in scripts if s["split"] == "held-out"]
    assert len(held_out) >= 40
    assert sum(s["destructive"] for s in held_out) >= 5
    assert sum(not s["destructive"] for s in held_out) >= 5
    assert any(s["split"] == "dev" for s in scripts)
    assert sum(s["language"] == "shell" for s in scripts) >= 25
    assert sum(s["language"] == "python" for s in scripts) >= 25


def test_the_second_held_out_split_is_large_mixed_and_from_new_repositories(
        labels_doc: dict[str, Any]) -> None:
    scripts = labels_doc["scripts"]
    second = {p: s for p, s in scripts.items() if s["split"] == "held-out-2"}
    assert len(second) >= 50
    assert len({acc.repo_of(p) for p in second}) >= 6
    assert sum(s["destructive"] for s in second.values()) >= 12
    assert sum(not s["destructive"] for s in second.values()) >= 20
    assert {s["language"] for s in second.values()} == {"python", "shell"}
    first_repos = {acc.repo_of(p) for p, s in scripts.items() if s["split"] in {"dev", "held-out"}}
    assert not first_repos & {acc.repo_of(p) for p in second}, "held-out-2 must use new repositories"
    # the first labels come first in the file, so their split draw is unchanged
    splits = [s["split"] for s in scripts.values()]
    later = sum(splits.count(f"held-out-{n}") for n in range(3, NEWEST + 1))
    assert splits.index("held-out-2") == len(splits) - later - len(second)


def test_the_third_held_out_split_is_large_mixed_and_from_new_repositories(
        labels_doc: dict[str, Any]) -> None:
    scripts = labels_doc["scripts"]
    third = {p: s for p, s in scripts.items() if s["split"] == "held-out-3"}
    assert len(third) >= 50
    assert len({acc.repo_of(p) for p in third}) >= 6
    assert sum(s["destructive"] for s in third.values()) >= 12
    assert sum(not s["destructive"] for s in third.values()) >= 20
    assert {s["language"] for s in third.values()} == {"python", "shell"}
    earlier_repos = {acc.repo_of(p) for p, s in scripts.items() if s["split"] != "held-out-3"}
    assert not earlier_repos & {acc.repo_of(p) for p in third}, "held-out-3 must use new repositories"
    # the third set comes after the first two, before the fourth
    splits = [s["split"] for s in scripts.values()]
    later = sum(splits.count(f"held-out-{n}") for n in range(4, NEWEST + 1))
    assert splits.index("held-out-3") == len(splits) - later - len(third)


def test_the_fourth_held_out_split_is_large_mixed_and_from_new_repositories(
        labels_doc: dict[str, Any]) -> None:
    scripts = labels_doc["scripts"]
    fourth = {p: s for p, s in scripts.items() if s["split"] == "held-out-4"}
    assert len(fourth) >= 40
    assert len({acc.repo_of(p) for p in fourth}) >= 5
    assert sum(s["destructive"] for s in fourth.values()) >= 10
    assert sum(not s["destructive"] for s in fourth.values()) >= 15
    assert {s["language"] for s in fourth.values()} == {"python", "shell"}
    earlier_repos = {acc.repo_of(p) for p, s in scripts.items() if s["split"] != "held-out-4"}
    assert not earlier_repos & {acc.repo_of(p) for p in fourth}, "held-out-4 must use new repositories"
    # the fourth set comes after the first three, before the fifth
    splits = [s["split"] for s in scripts.values()]
    assert splits.index("held-out-4") == len(splits) - sum(splits.count(f"held-out-{n}") for n in range(5, NEWEST + 1)) \
        - len(fourth)


def test_the_fifth_held_out_split_is_large_mixed_from_new_repositories_and_twice_labelled(
        labels_doc: dict[str, Any]) -> None:
    scripts = labels_doc["scripts"]
    fifth = {p: s for p, s in scripts.items() if s["split"] == "held-out-5"}
    assert len(fifth) >= 40
    assert len({acc.repo_of(p) for p in fifth}) >= 5
    assert sum(s["destructive"] for s in fifth.values()) >= 12
    assert sum(not s["destructive"] for s in fifth.values()) >= 15
    assert {s["language"] for s in fifth.values()} == {"python", "shell"}
    earlier_repos = {acc.repo_of(p) for p, s in scripts.items() if s["split"] != "held-out-5"}
    assert not earlier_repos & {acc.repo_of(p) for p in fifth}, "held-out-5 must use new repositories"
    splits = [s["split"] for s in scripts.values()]
    assert splits.index("held-out-5") == len(splits) - sum(splits.count(f"held-out-{n}") for n in range(6, NEWEST + 1)) \
        - len(fifth)
    # the second reader's independent labels cover the same scripts
    second = json.loads((CORPUS / "held-out-5-second-labels.json").read_text())["scripts"]
    assert set(second) == set(fifth)
    assert all(isinstance(label["destructive"], bool) and label["notes"].strip() for label in second.values())


def test_the_sixth_held_out_split_is_large_mixed_and_from_new_repositories(
        labels_doc: dict[str, Any]) -> None:
    scripts = labels_doc["scripts"]
    sixth = {p: s for p, s in scripts.items() if s["split"] == "held-out-6"}
    assert len(sixth) >= 40
    assert len({acc.repo_of(p) for p in sixth}) >= 5
    assert sum(s["destructive"] for s in sixth.values()) >= 12
    assert sum(not s["destructive"] for s in sixth.values()) >= 15
    assert {s["language"] for s in sixth.values()} == {"python", "shell"}
    earlier_repos = {acc.repo_of(p) for p, s in scripts.items() if s["split"] != "held-out-6"}
    assert not earlier_repos & {acc.repo_of(p) for p in sixth}, "held-out-6 must use new repositories"
    splits = [s["split"] for s in scripts.values()]
    assert splits.index("held-out-6") == len(splits) - sum(splits.count(f"held-out-{n}") for n in range(7, NEWEST + 1)) \
        - len(sixth)


def test_the_seventh_held_out_split_is_large_mixed_and_from_new_repositories(
        labels_doc: dict[str, Any]) -> None:
    scripts = labels_doc["scripts"]
    seventh = {p: s for p, s in scripts.items() if s["split"] == "held-out-7"}
    assert len(seventh) >= 40
    assert len({acc.repo_of(p) for p in seventh}) >= 5
    assert sum(s["destructive"] for s in seventh.values()) >= 12
    assert sum(not s["destructive"] for s in seventh.values()) >= 15
    assert {s["language"] for s in seventh.values()} == {"python", "shell"}
    earlier_repos = {acc.repo_of(p) for p, s in scripts.items() if s["split"] != "held-out-7"}
    assert not earlier_repos & {acc.repo_of(p) for p in seventh}, "held-out-7 must use new repositories"
    splits = [s["split"] for s in scripts.values()]
    assert splits.index("held-out-7") == len(splits) - sum(splits.count(f"held-out-{n}") for n in range(8, NEWEST + 1)) \
        - len(seventh)


@pytest.mark.parametrize("split", [f"held-out-{n}" for n in range(8, NEWEST + 1)])
def test_the_later_held_out_splits_are_large_mixed_and_from_new_repositories(
        labels_doc: dict[str, Any], split: str) -> None:
    scripts = labels_doc["scripts"]
    chosen = {p: s for p, s in scripts.items() if s["split"] == split}
    assert len(chosen) >= 40
    # (the forty-ninth, a smaller round of two readers, has four repositories)
    assert len({acc.repo_of(p) for p in chosen}) >= (4 if split == "held-out-49" else 5)
    assert sum(s["destructive"] for s in chosen.values()) >= 10
    assert sum(not s["destructive"] for s in chosen.values()) >= 15
    assert {s["language"] for s in chosen.values()} == {"python", "shell"}
    earlier_repos = {acc.repo_of(p) for p, s in scripts.items() if s["split"] != split}
    assert not earlier_repos & {acc.repo_of(p) for p in chosen}, f"{split} must use new repositories"
    # each set comes after the earlier ones, before the later ones
    splits = [s["split"] for s in scripts.values()]
    later = sum(splits.count(f"held-out-{n}") for n in range(int(split.rsplit("-", 1)[1]) + 1, NEWEST + 1))
    assert splits.index(split) == len(splits) - later - len(chosen)


def test_select_split(labels_doc: dict[str, Any]) -> None:
    scripts = labels_doc["scripts"]
    held_out = acc.select_split(scripts, "held-out")
    dev = acc.select_split(scripts, "dev")
    second = acc.select_split(scripts, "held-out-2")
    third = acc.select_split(scripts, "held-out-3")
    fourth = acc.select_split(scripts, "held-out-4")
    later = [acc.select_split(scripts, f"held-out-{n}") for n in range(5, NEWEST + 1)]
    assert (len(held_out) + len(dev) + len(second) + len(third) + len(fourth)
            + sum(len(chosen) for chosen in later) == len(acc.select_split(scripts, "all")))
    assert len(acc.select_split(scripts, "all")) == len(scripts)
    assert not set(held_out) & set(dev)
    assert not set(second) & (set(held_out) | set(dev))
    assert not set(third) & (set(held_out) | set(dev) | set(second))
    assert not set(fourth) & (set(held_out) | set(dev) | set(second) | set(third))
    with pytest.raises(ValueError):
        acc.select_split(scripts, "test")


# ---------------------------------------------------------------------------------------------
# the scoring, on fakes


def _label(**overrides: Any) -> dict[str, Any]:
    label: dict[str, Any] = {"split": "held-out", "language": "shell", "destructive": False,
                             "mutating": False, "destructive_lines": [], "flags": [],
                             "has_dry_run": False, "exit_codes": [], "callers": [], "env": [],
                             "notes": "fake"}
    label.update(overrides)
    return label


def _script(path: str, **kwargs: Any) -> Script:
    return Script(path=path, language=kwargs.pop("language", "shell"), **kwargs)


def test_normalize_flag() -> None:
    n = acc.normalize_flag
    assert n("--dry-run") == n("--dry_run") == n("dry_run") == n("--DRY-RUN") == "dry-run"
    assert n("-n") == "n"
    assert n("$1") == n("1") == n("arg1") == "arg1"
    assert n("versions") == "versions"


def test_ratio_and_f1() -> None:
    assert acc.ratio(1, 4) == 0.25
    assert acc.ratio(0, 0) is None
    assert acc.f1(0.5, 1.0) == pytest.approx(0.6667, abs=1e-4)
    assert acc.f1(0.0, 0.0) == 0.0
    assert acc.f1(None, 1.0) is None


def test_score_destructive_counts_and_reasons() -> None:
    labels = {
        "r/tp.sh": _label(destructive=True, mutating=True, destructive_lines=[3]),
        "r/fp.sh": _label(),
        "r/fn.sh": _label(destructive=True, mutating=True, destructive_lines=[7, 9]),
        "r/tn.sh": _label(),
        "r/missed.sh": _label(destructive=True, mutating=True, destructive_lines=[1]),
    }
    predicted = {
        "r/tp.sh": _script("tp.sh", effects=[Effect("file-delete", True, "rm -rf $X", 3)]),
        "r/fp.sh": _script("fp.sh", effects=[Effect("command", True, "docker rmi", 12),
                                              Effect("file-write", False, "cp", 2)]),
        "r/fn.sh": _script("fn.sh", effects=[Effect("file-write", False, "tee out", 5)]),
        "r/tn.sh": _script("tn.sh"),
    }
    result = acc.score_destructive(labels, predicted)
    assert (result["tp"], result["fp"], result["fn"], result["tn"]) == (1, 1, 2, 1)
    assert result["precision"] == 0.5
    assert result["recall"] == pytest.approx(0.3333, abs=1e-4)
    assert result["f1"] == pytest.approx(0.4, abs=1e-4)
    [fp] = result["false_positives"]
    assert fp["path"] == "r/fp.sh" and "docker rmi (line 12)" in fp["reason"]
    assert [e["call"] for e in fp["effects"]] == ["docker rmi"]
    fns = {f["path"]: f for f in result["false_negatives"]}
    assert fns["r/fn.sh"]["destructive_lines"] == [7, 9]
    assert fns["r/missed.sh"]["reason"] == "not in the inventory"


def test_score_destructive_with_nothing_predicted_destructive() -> None:
    result = acc.score_destructive({"r/a.sh": _label()}, {"r/a.sh": _script("a.sh")})
    assert result["precision"] is None and result["recall"] is None and result["f1"] is None
    assert result["tn"] == 1


def test_match_callers_tolerance_and_one_to_one() -> None:
    expected = [("r/Makefile", 10), ("r/Makefile", 11), ("r/ci.yml", 5)]
    found = [("r/Makefile", 11), ("r/Makefile", 30), ("r/ci.yml", 7), ("r/other", 10)]
    matched, missing, extra = acc.match_callers(expected, found)
    # 10 takes 11 (within 1), so 11 has nothing left; ci.yml:7 is 2 lines off
    assert matched == [("r/Makefile", 10)]
    assert missing == [("r/Makefile", 11), ("r/ci.yml", 5)]
    assert sorted(extra) == [("r/Makefile", 30), ("r/ci.yml", 7), ("r/other", 10)]
    matched, _, _ = acc.match_callers([("r/a", 5)], [("r/a", 4), ("r/a", 5)])
    assert matched == [("r/a", 5)]


def test_score_callers() -> None:
    labels = {
        "r/x.sh": _label(callers=[{"path": "r/Makefile", "line": 4},
                                  {"path": "r/.github/workflows/ci.yml", "line": 20}]),
        "r/y.sh": _label(callers=[{"path": "r/Makefile", "line": 9}]),
    }
    predicted = {
        "r/x.sh": _script("x.sh", callers=[Caller("r/Makefile", 5, "makefile"),
                                            Caller("r/Dockerfile", 2, "dockerfile")]),
    }
    result = acc.score_callers(labels, predicted)
    assert (result["labelled"], result["predicted"], result["matched"]) == (3, 2, 1)
    assert result["recall"] == pytest.approx(0.3333, abs=1e-4)
    assert result["precision"] == 0.5
    assert {(m["script"], m["line"]) for m in result["missed"]} == {("r/x.sh", 20), ("r/y.sh", 9)}
    assert result["extra"] == [{"script": "r/x.sh", "path": "r/Dockerfile", "line": 2}]


def test_score_flags_matches_names_aliases_and_positionals() -> None:
    labels = {
        "r/a.py": _label(language="python", flags=["--dry-run", "--region", "cluster", "--max-builds"]),
        "r/b.sh": _label(flags=["arg1", "arg2"]),
        "r/c.sh": _label(flags=["--help"]),
    }
    predicted = {
        "r/a.py": _script("a.py", language="python", interface=Interface("argparse", [
            Flag("-n", aliases=["--dry_run"]),
            Flag("--Region"),
            Flag("cluster", positional=True),
            Flag("--verbose"),
        ])),
        "r/b.sh": _script("b.sh", interface=Interface("argv", [Flag("$1", positional=True)])),
    }
    result = acc.score_flags(labels, predicted)
    assert result["labelled"] == 7 and result["predicted"] == 5
    assert result["recall"] == pytest.approx(4 / 7, abs=1e-4)
    assert result["precision"] == pytest.approx(4 / 5, abs=1e-4)
    assert {(m["script"], m["flag"]) for m in result["missed"]} == {
        ("r/a.py", "--max-builds"), ("r/b.sh", "arg2"), ("r/c.sh", "--help")}
    assert result["extra"] == [{"script": "r/a.py", "flag": "--verbose"}]


def test_score_dry_run_exit_codes_and_env() -> None:
    labels = {
        "r/a.sh": _label(has_dry_run=True, exit_codes=[0, 1], env=["DRY_RUN", "HOME"]),
        "r/b.sh": _label(exit_codes=[2]),
        "r/c.sh": _label(has_dry_run=True),
    }
    predicted = {
        "r/a.sh": _script("a.sh", has_dry_run=True, exit_codes=[1, 3],
                          env=[EnvVar("DRY_RUN", 3), EnvVar("TOKEN", 4, credential=True)]),
        "r/b.sh": _script("b.sh", has_dry_run=True, exit_codes=[2]),
    }
    dry = acc.score_dry_run(labels, predicted)
    assert dry["accuracy"] == pytest.approx(1 / 3, abs=1e-4)
    assert {w["path"] for w in dry["wrong"]} == {"r/b.sh", "r/c.sh"}
    codes = acc.score_exit_codes(labels, predicted)
    assert (codes["labelled"], codes["predicted"]) == (3, 3)
    assert codes["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert codes["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert codes["missed"] == [{"script": "r/a.sh", "exit_codes": 0}]
    assert codes["extra"] == [{"script": "r/a.sh", "exit_codes": 3}]
    env = acc.score_env(labels, predicted)
    assert env["recall"] == 0.5 and env["precision"] == 0.5


def test_evaluate_prefixes_repos_and_reports_missed_scripts() -> None:
    labels_doc = {"version": 1, "seed": 1, "scripts": {
        "o__r/bin/clean": _label(destructive=True, mutating=True, destructive_lines=[4],
                                 callers=[{"path": "o__r/Makefile", "line": 3}],
                                 flags=["--force"]),
        "o__r/tools/lib.py": _label(language="python"),
        "o__r/tools/gone.py": _label(language="python"),
        "x__y/run.sh": _label(split="dev", destructive=True, mutating=True, destructive_lines=[1]),
    }}
    inventories = {
        "o__r": Inventory(
            root="/corpus/o__r",
            scripts=[_script("bin/clean",
                             effects=[Effect("command", True, "docker system prune -af", 4)],
                             callers=[Caller("Makefile", 3, "makefile", "bin/clean")],
                             interface=Interface("case", [Flag("--force")]))],
            libraries=[Skipped("tools/lib.py", "only imported")],
        ),
        "x__y": Inventory(root="/corpus/x__y"),
    }
    report = acc.evaluate(labels_doc, inventories, "held-out")
    assert report["split"] == "held-out" and report["scripts"] == 3
    assert report["destructive"]["tp"] == 1 and report["destructive"]["fp"] == 0
    assert report["callers"]["recall"] == 1.0 and report["callers"]["precision"] == 1.0
    assert report["flags"]["recall"] == 1.0
    assert report["missed"] == [
        {"path": "o__r/tools/gone.py", "where": "absent", "reason": "not reported at all"},
        {"path": "o__r/tools/lib.py", "where": "libraries", "reason": "only imported"},
    ]
    # the inventory's own caller path is not changed in place
    assert inventories["o__r"].scripts[0].callers[0].path == "Makefile"
    every = acc.evaluate(labels_doc, inventories, "all")
    assert every["scripts"] == 4 and every["destructive"]["fn"] == 1
    assert set(every) >= {"split", "scripts", "destructive", "callers", "flags", "dry_run",
                          "exit_codes", "missed"}


def test_main_fails_clearly_until_the_scanner_exists(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    def not_yet(repos: Any) -> Any:
        raise NotImplementedError

    monkeypatch.setattr(acc, "scan_corpus", not_yet)
    assert acc.main(["--split", "dev"]) == 2
    err = capsys.readouterr().err
    assert "scan_tree is not implemented yet" in err


def test_main_prints_the_report(monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    def empty(repos: Any) -> Any:
        return {r.name: Inventory(root=str(r)) for r in repos}, {r.name: 0.0 for r in repos}

    monkeypatch.setattr(acc, "scan_corpus", empty)
    assert acc.main(["--split", "dev", "--brief"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["split"] == "dev" and doc["scripts"] == len(doc["missed"]) > 0
    assert doc["destructive"]["tp"] == 0
