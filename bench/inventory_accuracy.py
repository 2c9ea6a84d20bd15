"""Accuracy of `opsctl inventory scan` against the hand-labelled corpus of real ops scripts.

Scans every ``tests/adopt/corpus/<owner>__<repo>/`` folder as its own root with
``opsctl.adopt.scan.scan_tree`` and compares the inventory with ``tests/adopt/corpus/labels.json``
on the chosen split. Prints one JSON document:

    .venv/bin/python bench/inventory_accuracy.py                  # the held-out split
    .venv/bin/python bench/inventory_accuracy.py --split dev
    .venv/bin/python bench/inventory_accuracy.py --split all
    .venv/bin/python bench/inventory_accuracy.py --split held-out-2   # one blind set (2 .. NEWEST_SET)

(the blind sets, each labelled and committed before the scanner ran on it, are described one by
one in ``tests/adopt/corpus/README.md``; ``--help`` lists them)

Figures: ``destructive`` (script level: predicted destructive = any effect destructive) precision,
recall and F1 with the false positives and false negatives; ``callers`` recall and precision (a
caller matches when the path is the same and the lines differ by at most 1); ``flags`` recall and
precision (a labelled flag matches a predicted flag's name or alias, case-insensitively, leading
dashes and ``-``/``_`` ignored); ``dry_run`` accuracy; ``exit_codes`` recall and precision; ``env``
recall and precision; ``missed``: labelled scripts absent from ``inventory.scripts`` (with where
the scan put them instead). A missed script counts as predicting nothing: not destructive, no
callers, flags, exit codes or variables. No threshold is applied here.

The scoring functions are pure (plain dicts and the model's dataclasses in, dicts out) and are
unit-tested in tests/adopt/test_corpus.py. See tests/adopt/corpus/README.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "adopt" / "corpus"
LABELS = CORPUS / "labels.json"
NEWEST_SET = 90  # held-out-2 .. held-out-NEWEST_SET are the blind sets added one after another
SPLITS = ("held-out", "dev", *(f"held-out-{n}" for n in range(2, NEWEST_SET + 1)), "all")
CALLER_LINE_TOLERANCE = 1


# ---------------------------------------------------------------------------------------------
# labels


def load_labels(path: Path = LABELS) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        doc: dict[str, Any] = json.load(fh)
    return doc


def select_split(labels: Mapping[str, Mapping[str, Any]], split: str) -> dict[str, Mapping[str, Any]]:
    """The labelled scripts of ``split`` (``all``: every one), by corpus path."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; one of {', '.join(SPLITS)}")
    return {path: label for path, label in sorted(labels.items())
            if split == "all" or label.get("split") == split}


def repo_of(corpus_path: str) -> str:
    """``owner__repo`` of a corpus path ``owner__repo/some/script.sh``."""
    return corpus_path.split("/", 1)[0]


# ---------------------------------------------------------------------------------------------
# small helpers


def ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    if precision + recall == 0:
        return 0.0
    return round(2 * precision * recall / (precision + recall), 4)


def normalize_flag(name: str) -> str:
    """``--Dry_Run`` -> ``dry-run``; ``$1`` and ``1`` -> ``arg1``; positionals by name."""
    norm = name.strip().lstrip("-").lstrip("$").lower().replace("_", "-")
    if norm.isdigit():
        norm = f"arg{norm}"
    return norm


# ---------------------------------------------------------------------------------------------
# pure scoring; ``predicted`` maps corpus path -> Script (opsctl.adopt.model.Script) for the
# scripts the scan found; a labelled path missing from it is a missed script


def score_destructive(labels: Mapping[str, Mapping[str, Any]],
                      predicted: Mapping[str, Any]) -> dict[str, Any]:
    tp = fp = fn = tn = 0
    false_positives: list[dict[str, Any]] = []
    false_negatives: list[dict[str, Any]] = []
    for path, label in labels.items():
        script = predicted.get(path)
        effects = [e for e in (script.effects if script is not None else []) if e.destructive]
        said = bool(effects)
        truth = bool(label["destructive"])
        if said and truth:
            tp += 1
        elif said and not truth:
            fp += 1
            false_positives.append({
                "path": path,
                "reason": "; ".join(f"{e.call} (line {e.line})" for e in effects),
                "effects": [{"call": e.call, "line": e.line, "kind": e.kind,
                             "confidence": e.confidence} for e in effects],
                "label_notes": label.get("notes", ""),
            })
        elif truth:
            fn += 1
            false_negatives.append({
                "path": path,
                "reason": ("not in the inventory" if script is None else
                           f"labelled destructive at lines {label.get('destructive_lines', [])}"),
                "destructive_lines": list(label.get("destructive_lines", [])),
                "label_notes": label.get("notes", ""),
            })
        else:
            tn += 1
    precision = ratio(tp, tp + fp)
    recall = ratio(tp, tp + fn)
    return {"precision": precision, "recall": recall, "f1": f1(precision, recall),
            "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "false_positives": false_positives, "false_negatives": false_negatives}


def match_callers(expected: Iterable[tuple[str, int]], found: Iterable[tuple[str, int]],
                  tolerance: int = CALLER_LINE_TOLERANCE
                  ) -> tuple[list[tuple[str, int]], list[tuple[str, int]], list[tuple[str, int]]]:
    """One-to-one matching (same path, |line difference| <= tolerance; closest line first).
    Returns (matched expected, unmatched expected, unmatched found)."""
    remaining = list(found)
    matched: list[tuple[str, int]] = []
    missing: list[tuple[str, int]] = []
    for path, line in expected:
        candidates = [(abs(f_line - line), i) for i, (f_path, f_line) in enumerate(remaining)
                      if f_path == path and abs(f_line - line) <= tolerance]
        if candidates:
            _, index = min(candidates)
            remaining.pop(index)
            matched.append((path, line))
        else:
            missing.append((path, line))
    return matched, missing, remaining


def score_callers(labels: Mapping[str, Mapping[str, Any]],
                  predicted: Mapping[str, Any]) -> dict[str, Any]:
    """Caller paths in ``predicted`` scripts must already be corpus paths (repo-prefixed)."""
    n_expected = n_found = n_matched = 0
    missed: list[dict[str, Any]] = []
    extra: list[dict[str, Any]] = []
    for path, label in labels.items():
        expected = [(c["path"], int(c["line"])) for c in label.get("callers", [])]
        script = predicted.get(path)
        found = [(c.path, int(c.line)) for c in (script.callers if script is not None else [])]
        matched, missing, unmatched = match_callers(expected, found)
        n_expected += len(expected)
        n_found += len(found)
        n_matched += len(matched)
        missed += [{"script": path, "path": p, "line": ln} for p, ln in missing]
        extra += [{"script": path, "path": p, "line": ln} for p, ln in unmatched]
    return {"recall": ratio(n_matched, n_expected), "precision": ratio(n_matched, n_found),
            "labelled": n_expected, "predicted": n_found, "matched": n_matched,
            "missed": missed, "extra": extra}


def predicted_flag_names(script: Any) -> list[set[str]]:
    """Each predicted flag as the set of its normalized spellings (name and aliases)."""
    if script is None:
        return []
    return [{normalize_flag(flag.name), *(normalize_flag(a) for a in flag.aliases)}
            for flag in script.interface.flags]


def score_flags(labels: Mapping[str, Mapping[str, Any]],
                predicted: Mapping[str, Any]) -> dict[str, Any]:
    n_expected = n_found = n_matched_expected = n_matched_found = 0
    missed: list[dict[str, Any]] = []
    extra: list[dict[str, Any]] = []
    for path, label in labels.items():
        expected = [normalize_flag(f) for f in label.get("flags", [])]
        spellings = predicted_flag_names(predicted.get(path))
        n_expected += len(expected)
        n_found += len(spellings)
        for original, norm in zip(label.get("flags", []), expected, strict=True):
            if any(norm in s for s in spellings):
                n_matched_expected += 1
            else:
                missed.append({"script": path, "flag": original})
        script = predicted.get(path)
        for flag, s in zip(script.interface.flags if script is not None else [], spellings,
                           strict=True):
            if s & set(expected):
                n_matched_found += 1
            else:
                extra.append({"script": path, "flag": flag.name})
    return {"recall": ratio(n_matched_expected, n_expected),
            "precision": ratio(n_matched_found, n_found),
            "labelled": n_expected, "predicted": n_found,
            "missed": missed, "extra": extra}


def score_dry_run(labels: Mapping[str, Mapping[str, Any]],
                  predicted: Mapping[str, Any]) -> dict[str, Any]:
    correct = 0
    wrong: list[dict[str, Any]] = []
    for path, label in labels.items():
        script = predicted.get(path)
        said = bool(script.has_dry_run) if script is not None else False
        if said == bool(label["has_dry_run"]):
            correct += 1
        else:
            wrong.append({"path": path, "labelled": bool(label["has_dry_run"]), "predicted": said,
                          "dry_run_flag": getattr(script, "dry_run_flag", None)})
    return {"accuracy": ratio(correct, len(labels)), "scripts": len(labels), "correct": correct,
            "labelled_true": sum(1 for lb in labels.values() if lb["has_dry_run"]),
            "wrong": wrong}


def _score_sets(labels: Mapping[str, Mapping[str, Any]], predicted: Mapping[str, Any],
                key: str, found_of: Any) -> dict[str, Any]:
    n_expected = n_found = n_matched = 0
    missed: list[dict[str, Any]] = []
    extra: list[dict[str, Any]] = []
    for path, label in labels.items():
        expected = set(label.get(key, []))
        script = predicted.get(path)
        found = set(found_of(script)) if script is not None else set()
        n_expected += len(expected)
        n_found += len(found)
        n_matched += len(expected & found)
        missed += [{"script": path, key: v} for v in sorted(expected - found, key=str)]
        extra += [{"script": path, key: v} for v in sorted(found - expected, key=str)]
    return {"recall": ratio(n_matched, n_expected), "precision": ratio(n_matched, n_found),
            "labelled": n_expected, "predicted": n_found, "missed": missed, "extra": extra}


def score_exit_codes(labels: Mapping[str, Mapping[str, Any]],
                     predicted: Mapping[str, Any]) -> dict[str, Any]:
    return _score_sets(labels, predicted, "exit_codes", lambda s: (int(c) for c in s.exit_codes))


def score_env(labels: Mapping[str, Mapping[str, Any]],
              predicted: Mapping[str, Any]) -> dict[str, Any]:
    return _score_sets(labels, predicted, "env", lambda s: (v.name for v in s.env))


def index_inventories(inventories: Mapping[str, Any]
                      ) -> tuple[dict[str, Any], dict[str, dict[str, str]]]:
    """``{owner__repo: Inventory}`` -> (corpus path -> Script with repo-prefixed caller paths,
    corpus path -> where the scan listed a non-script: {"where": libraries|skipped|errors,
    "reason": ...}). Scripts are copied, never changed in place."""
    from dataclasses import replace

    scripts: dict[str, Any] = {}
    elsewhere: dict[str, dict[str, str]] = {}
    for repo, inventory in inventories.items():
        for script in inventory.scripts:
            callers = [replace(c, path=f"{repo}/{c.path.lstrip('/')}") for c in script.callers]
            scripts[f"{repo}/{script.path}"] = replace(script, callers=callers)
        for where in ("libraries", "skipped", "errors"):
            for item in getattr(inventory, where):
                elsewhere.setdefault(f"{repo}/{item.path}", {"where": where, "reason": item.reason})
    return scripts, elsewhere


def missed_scripts(labels: Mapping[str, Mapping[str, Any]], predicted: Mapping[str, Any],
                   elsewhere: Mapping[str, Mapping[str, str]]) -> list[dict[str, str]]:
    out = []
    for path in labels:
        if path not in predicted:
            where = elsewhere.get(path, {"where": "absent", "reason": "not reported at all"})
            out.append({"path": path, "where": where["where"], "reason": where["reason"]})
    return out


def evaluate(labels_doc: Mapping[str, Any], inventories: Mapping[str, Any],
             split: str) -> dict[str, Any]:
    """The whole report for ``split`` from the labels document and ``{owner__repo: Inventory}``."""
    labels = select_split(labels_doc["scripts"], split)
    predicted, elsewhere = index_inventories(inventories)
    return {
        "split": split,
        "scripts": len(labels),
        "labelled_destructive": sum(1 for lb in labels.values() if lb["destructive"]),
        "destructive": score_destructive(labels, predicted),
        "callers": score_callers(labels, predicted),
        "flags": score_flags(labels, predicted),
        "dry_run": score_dry_run(labels, predicted),
        "exit_codes": score_exit_codes(labels, predicted),
        "env": score_env(labels, predicted),
        "missed": missed_scripts(labels, predicted, elsewhere),
    }


# ---------------------------------------------------------------------------------------------
# running the scanner


def corpus_repos(corpus: Path = CORPUS) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if p.is_dir() and (p / "SOURCE.md").is_file())


def scan_corpus(repos: Iterable[Path]) -> tuple[dict[str, Any], dict[str, float]]:
    from opsctl.adopt.scan import scan_tree

    inventories: dict[str, Any] = {}
    seconds: dict[str, float] = {}
    for repo in repos:
        started = time.perf_counter()
        inventories[repo.name] = scan_tree(repo, repository_callers=False)  # a copy, not its repository
        seconds[repo.name] = round(time.perf_counter() - started, 3)
    return inventories, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, default="held-out")
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--brief", action="store_true",
                        help="figures only: leave out the per-script lists")
    args = parser.parse_args(argv)

    labels_doc = load_labels(args.labels)
    wanted = {repo_of(p) for p in select_split(labels_doc["scripts"], args.split)}
    repos = [r for r in corpus_repos(args.labels.parent) if r.name in wanted]
    try:
        inventories, seconds = scan_corpus(repos)
    except NotImplementedError:
        print("inventory_accuracy: opsctl.adopt.scan.scan_tree is not implemented yet "
              "(it raises NotImplementedError); nothing to measure.", file=sys.stderr)
        return 2
    except ImportError as exc:
        print(f"inventory_accuracy: cannot import the scanner ({exc}); run it with the "
              "project's venv: .venv/bin/python bench/inventory_accuracy.py", file=sys.stderr)
        return 2
    report = evaluate(labels_doc, inventories, args.split)
    report["scan_seconds"] = seconds
    if args.brief:
        for section in ("destructive", "callers", "flags", "dry_run", "exit_codes", "env"):
            report[section] = {k: v for k, v in report[section].items()
                               if not isinstance(v, list)}
        report["missed"] = [m["path"] for m in report["missed"]]
    print(json.dumps(report, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
