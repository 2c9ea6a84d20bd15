"""bench/http_api.py runs end to end with tiny settings and prints its JSON document.

No timing is asserted: the benchmark is a measurement, run by hand or in a CI step of its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "http_api.py"
CASE_KEYS = {"requests", "errors", "rps", "p50_ms", "p95_ms", "p99_ms", "server_cpu_ms_per_req",
             "client_cpu_ms_per_req"}


@pytest.mark.e2e
def test_http_api_bench_prints_every_figure() -> None:
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--runs", "200", "--small-runs", "50", "--duration", "0.3",
         "--warmup", "0.05", "--rounds", "1", "--concurrency", "4", "--dry-run-warmup", "1"],
        capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    doc = json.loads(proc.stdout)

    assert doc["benchmark"] == "http_api" and doc["settings"]["store"] == "sqlite"
    assert set(doc["targets_met"]) == {"get_run_rps_c1", "get_run_rps_c4", "list_runs_plain_p95",
                                       "list_runs_filtered_p95", "list_runs_deep_cursor_p95",
                                       "dry_run_p50"}
    assert all(isinstance(v, bool) for v in doc["targets_met"].values())

    get = doc["get_run"]
    assert set(get["cases"]) == {"opsctl", "bare_same_doc", "bare_tiny"}
    for case in get["cases"].values():
        for figures in (case["c1"], case["c4"]):
            assert set(figures) >= CASE_KEYS and figures["errors"] == 0 and figures["requests"] > 0
    assert {"c1_rps_vs_bare_same_doc", "c4_rps_vs_bare_same_doc"} <= set(get["ratios"])

    listing = doc["list_runs"]
    assert listing["seed"]["small"]["runs"] == 50 and listing["seed"]["big"]["runs"] == 200
    assert set(listing["cases"]) == {"plain", "filtered", "filtered_rare", "deep_cursor"}
    for case in listing["cases"].values():
        assert {"runs_50", "runs_200", "p95_ratio", "p50_ratio"} <= set(case)
        assert case["runs_200"]["errors"] == 0 and case["runs_200"]["requests"] > 0
    assert listing["page_rows"]["plain"] == {"runs_50": 50, "runs_200": 50}

    dry = doc["dry_run"]
    assert dry["http"]["runs"] >= 5 and dry["in_process"]["runs"] >= 5
    assert dry["p50_ratio"] is not None and dry["p50_ratio"] > 0


DASHBOARD_BENCH = BENCH.parent / "dashboard.py"
DASHBOARD_CASES = {"page_catalog", "page_run", "page_history", "page_history_deep",
                   "api_automations", "api_run", "api_runs"}


@pytest.mark.e2e
def test_dashboard_bench_prints_every_figure() -> None:
    proc = subprocess.run(
        [sys.executable, str(DASHBOARD_BENCH), "--runs", "200", "--duration", "0.3",
         "--warmup", "0.05", "--rounds", "1"],
        capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    doc = json.loads(proc.stdout)

    assert doc["benchmark"] == "dashboard" and doc["settings"]["store"] == "sqlite"
    assert doc["seed"]["runs"] == 200
    assert set(doc["targets_met"]) == {"history_page_p95"}
    assert isinstance(doc["targets_met"]["history_page_p95"], bool)
    cases = doc["dashboard"]["cases"]
    assert set(cases) == DASHBOARD_CASES
    for figures in cases.values():
        assert set(figures) >= CASE_KEYS - {"server_cpu_ms_per_req"}
        assert figures["errors"] == 0 and figures["requests"] > 0
    assert {"history_vs_api_runs_p95", "run_page_vs_api_run_p95",
            "catalog_vs_api_automations_p95"} <= set(doc["dashboard"]["ratios"])
