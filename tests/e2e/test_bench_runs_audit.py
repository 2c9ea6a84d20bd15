"""bench/runs_list.py and bench/audit_verify.py run end to end with tiny sizes.

No timing is asserted: the benchmarks are measurements, run by hand.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.mark.e2e
def test_runs_list_bench_prints_every_case_beside_its_floor() -> None:
    proc = subprocess.run([sys.executable, str(BENCH / "runs_list.py"), "--sizes", "60,300",
                           "--rounds", "1"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    doc = json.loads(proc.stdout)
    assert doc["benchmark"] == "runs_list" and set(doc["sizes"]) == {"60", "300"}
    for cases in doc["sizes"].values():
        assert set(cases) == {"opsctl list (floor)", "runs first page", "runs --automation page",
                              "runs --status failed page", "runs deep --after page"}
        for case in cases.values():
            assert case["median_ms"] > 0 and case["ratio_to_floor"] > 0
            assert case["ratio_to_smallest"] > 0


@pytest.mark.e2e
def test_audit_verify_bench_prints_full_since_and_floors() -> None:
    proc = subprocess.run([sys.executable, str(BENCH / "audit_verify.py"), "--sizes", "300",
                           "--rounds", "1"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    figures = json.loads(proc.stdout)["sizes"]["300"]
    assert figures["events"] == 300 and figures["full_us_per_event"] > 0
    assert figures["since"]["events_walked"] == 3 and figures["since"]["us_per_event_walked"] > 0
    assert figures["floor_sha256_us_per_event"] > 0 and figures["floor_select_us_per_event"] > 0
