"""The inventory's worker processes: the same inventory whatever the number of jobs, results in
order, and the loop kept in the calling process where forking is not safe. Each case runs in a
fresh interpreter (a test runner's process has threads of its own, where the scan never forks)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

if not sys.platform.startswith("linux"):
    pytest.skip("worker processes are forked on Linux only", allow_module_level=True)


def _python(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_chunks_come_back_in_order_from_several_workers() -> None:
    got = _python("""
        import json, os
        from opsctl.adopt.parallel import map_chunks
        def task(items):
            return [(os.getpid(), item * 2) for item in items]
        chunks = map_chunks(task, list(range(1000)), 3)
        flat = [pair for chunk in chunks for pair in chunk]
        print(json.dumps({"values": [v for _, v in flat], "pids": sorted({p for p, _ in flat}),
                          "me": os.getpid(), "chunks": len(chunks)}))
    """)
    assert got["values"] == [n * 2 for n in range(1000)]
    assert got["me"] not in got["pids"] and len(got["pids"]) >= 2
    assert got["chunks"] > 3  # several chunks per worker


def test_what_a_killed_worker_did_not_send_is_done_here() -> None:
    got = _python("""
        import json, os
        from opsctl.adopt.parallel import map_chunks
        me = os.getpid()
        def task(items):
            if os.getpid() != me and items[-1] >= 250:
                os._exit(9)  # as the out-of-memory killer would, half-way
            return [(os.getpid(), item) for item in items]
        chunks = map_chunks(task, list(range(500)), 2)
        flat = [pair for chunk in chunks for pair in chunk]
        print(json.dumps({"values": [v for _, v in flat], "me": me,
                          "late": sorted({p for p, v in flat if v >= 250}),
                          "early": sorted({p for p, v in flat if v < 200})}))
    """)
    assert got["values"] == list(range(500))
    assert got["late"] == [got["me"]]
    # what the workers sent before they died is kept: each chunk's result is sent when done
    assert got["me"] not in got["early"]


@pytest.mark.parametrize("setup, jobs, count", [
    ("import threading, time; threading.Thread(target=time.sleep, args=(5,), daemon=True).start()",
     2, 500),  # another thread: no fork
    ("", 2, 50),  # a small tree
    ("", 1, 500),  # --jobs 1
])
def test_the_loop_stays_in_this_process(setup: str, jobs: int, count: int) -> None:
    got = _python(f"""
        import json, os
        {setup}
        from opsctl.adopt.parallel import map_chunks
        chunks = map_chunks(lambda items: [os.getpid() for _ in items], list(range({count})), {jobs})
        print(json.dumps({{"pids": sorted({{p for c in chunks for p in c}}), "me": os.getpid(),
                          "chunks": len(chunks)}}))
    """)
    assert got["pids"] == [got["me"]] and got["chunks"] == 1


def _tree(root: Path, count: int) -> None:
    """``count`` small scripts, shell and Python, calling each other and called by a Makefile
    and a workflow, some destructive, some with flags, one that does not parse."""
    (root / "ops").mkdir(parents=True)
    (root / ".github" / "workflows").mkdir(parents=True)
    make, steps = ["all:"], []
    for n in range(count):
        if n % 2:
            (root / "ops" / f"prune_{n}.py").write_text(textwrap.dedent(f"""\
                import argparse, shutil, subprocess, sys
                parser = argparse.ArgumentParser()
                parser.add_argument("--keep-{n}", type=int, default={n})
                parser.add_argument("--dry-run", action="store_true")
                args = parser.parse_args()
                if not args.dry_run:
                    shutil.rmtree("/srv/backups/{n}")
                subprocess.run(["./ops/sync_{n - 1}.sh", "--fast"], check=True)
                sys.exit(3)
                """))
            make.append(f"\tpython ops/prune_{n}.py --keep-{n} 2")
        else:
            (root / "ops" / f"sync_{n}.sh").write_text(textwrap.dedent(f"""\
                #!/bin/sh
                set -eu
                while getopts "fv{n % 7}" opt; do :; done
                aws s3 sync /srv/data s3://bucket-{n}/ --delete
                curl -X POST "https://hooks.example.com/$TOKEN_{n}"
                exit 4
                """))
            steps.append(f"      - run: ./ops/sync_{n}.sh -f")
    (root / "ops" / "broken.py").write_text("def (:\n")
    (root / "Makefile").write_text("\n".join(make) + "\n")
    (root / ".github" / "workflows" / "ci.yml").write_text(
        "on: push\njobs:\n  ops:\n    runs-on: ubuntu-latest\n    steps:\n" + "\n".join(steps) + "\n")


def test_the_inventory_is_the_same_whatever_the_number_of_jobs(tmp_path: Path) -> None:
    _tree(tmp_path / "tree", 240)
    opsctl = Path(sys.executable).parent / "opsctl"
    reports = {}
    for jobs in ("1", "2", "3"):
        done = subprocess.run([str(opsctl), "inventory", "scan", str(tmp_path / "tree"), "--no-git",
                               "--format", "json", "--jobs", jobs], capture_output=True, text=True,
                              timeout=300, check=False, env={**os.environ, "NO_COLOR": "1"})
        assert done.returncode == 0, done.stderr
        reports[jobs] = done.stdout
    assert reports["1"] == reports["2"] == reports["3"]
    document = json.loads(reports["2"])
    scripts = {s["path"]: s for s in document["scripts"]}
    assert len(scripts) == 240
    assert [e["path"] for e in document["errors"]] == ["ops/broken.py"]
    prune = scripts["ops/prune_7.py"]
    assert [f["name"] for f in prune["interface"]["flags"]] == ["--keep-7", "--dry-run"]
    assert any(e["destructive"] for e in prune["effects"]) and prune["exit_codes"] == [3]
    assert {(c["path"], c["kind"]) for c in prune["callers"]} == {("Makefile", "makefile")}
    sync = scripts["ops/sync_6.sh"]
    assert {c["path"] for c in sync["callers"]} == {".github/workflows/ci.yml", "ops/prune_7.py"}


def test_jobs_must_be_a_positive_number(tmp_path: Path) -> None:
    (tmp_path / "a.sh").write_text("#!/bin/sh\nrm -rf /srv/a\n")
    opsctl = Path(sys.executable).parent / "opsctl"
    done = subprocess.run([str(opsctl), "inventory", "scan", str(tmp_path), "--jobs", "0"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2 and "--jobs" in done.stderr and "Traceback" not in done.stderr


def test_ctrl_c_stops_the_workers_without_a_traceback() -> None:
    code = textwrap.dedent("""
        import json, multiprocessing, os, sys, time
        from opsctl.adopt.parallel import map_chunks
        def task(items):
            time.sleep(30)
            return list(items)
        print("started", flush=True)
        try:
            map_chunks(task, list(range(500)), 2)
        except KeyboardInterrupt:
            print(json.dumps({"children": len(multiprocessing.active_children())}), flush=True)
            sys.exit(130)
    """)
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "started"
    time.sleep(1.0)  # the workers are sleeping in their chunks
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole group
    out, err = process.communicate(timeout=20)
    assert process.returncode == 130, err
    assert json.loads(out) == {"children": 0}
    assert "Traceback" not in err


def test_jobs_are_capped_by_the_number_of_items() -> None:
    got = _python("""
        import json, os
        from opsctl.adopt.parallel import map_chunks
        chunks = map_chunks(lambda items: [os.getpid() for _ in items], list(range(250)), 1000)
        print(json.dumps({"workers": len({p for c in chunks for p in c}), "me": os.getpid()}))
    """)
    assert got["workers"] <= 12  # 250 items: at most one worker per 20
