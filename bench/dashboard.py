"""The dashboard's pages against the API's own figures for the same data, in the same run:
the catalog, a run page and the run history page of `opsctl serve` with 100,000 runs in the
store, logged in with a real dashboard session, beside `GET /v1/automations`,
`GET /v1/runs/{id}` and `GET /v1/runs?limit=50`. Prints one JSON document with every figure,
the ratios and ``targets_met``.

    .venv/bin/python bench/dashboard.py                        # defaults: about 1 min
    .venv/bin/python bench/dashboard.py --duration 5 --rounds 5
    .venv/bin/python bench/dashboard.py --postgres postgresql://127.0.0.1:5432/test

The project, the seeding, the server and the client are bench/http_api.py's (imported, not
copied); see bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import sys
import tempfile
import textwrap
import time
from contextlib import suppress
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import http_api as bench  # bench/ is not a package: its directory is on sys.path

TARGET_HISTORY_P95_RATIO = 2.0  # the history page's p95 <= 2x GET /v1/runs?limit=50's

# The five automations the seeded runs belong to, so the catalog shows (and measures the SLOs
# of) the automations that have the 100,000 runs.
SEEDED_AUTOMATIONS = '''
from pydantic import BaseModel, ConfigDict

from opsctl import Action, Automation


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")

    service: str
    environment: str = "staging"
    replicas: int = 3


def _automation(name: str, effect: str) -> Automation:
    automation = Automation(name, version="1.0.0", owner="bench", summary=f"Seeded {name}",
                            request=Request, effect=effect,
                            slo={"success_rate": 0.95, "p95": "5s", "window": "30d"})

    @automation.plan
    def plan(ctx, req):
        yield Action(id="one", kind="update", target=req.service, reason="seeded")

    if effect == "mutate":
        @automation.apply
        def apply(ctx, req, action):
            return None

    return automation


deploy_service = _automation("deploy-service", "mutate")
rotate_keys = _automation("rotate-keys", "mutate")
cleanup_files = _automation("cleanup-files", "mutate")
sync_dns = _automation("sync-dns", "mutate")
backup_db = _automation("backup-db", "read")
'''

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def add_seeded_automations(project: bench.BenchProject) -> None:
    (project.root / "bench_seeded.py").write_text(textwrap.dedent(SEEDED_AUTOMATIONS))
    config = project.root / "opsctl.toml"
    config.write_text(config.read_text().replace('automations = ["bench_small"]',
                                                 'automations = ["bench_small", "bench_seeded"]'))


def dashboard_cookie(url: str, token: str) -> str:
    """Log in through the login form, as a browser does: the session cookie's value."""
    import httpx

    with httpx.Client(base_url=url, timeout=60, follow_redirects=False) as client:
        form = client.get("/login")
        found = CSRF.search(form.text)
        if form.status_code != 200 or found is None:
            raise RuntimeError(f"GET /login: HTTP {form.status_code}: {form.text[:300]}")
        response = client.post("/login", data={"token": token, "csrf": found.group(1),
                                               "next": "/"})
        cookie = client.cookies.get("opsctl_session")
        if response.status_code != 303 or not cookie:
            raise RuntimeError(f"POST /login: HTTP {response.status_code}: {response.text[:300]}")
        return str(cookie)


def page_ok(marker: str) -> bench.Check:
    """A page counts when it is 200 and is the page asked for (not the login form)."""

    def check(response: Any) -> str | None:
        if response.status_code != 200:
            return f"HTTP {response.status_code}: {response.text[:300]}"
        if marker not in response.text:
            return f"page without {marker!r}: {response.text[:300]}"
        return None

    return check


def measure(server: bench.Server, project: bench.BenchProject, run_id: str, deep_cursor: str,
            args: argparse.Namespace) -> dict[str, Any]:
    cookie = {"Cookie": f"opsctl_session={dashboard_cookie(server.url, project.token)}"}
    bearer = {"Authorization": f"Bearer {project.token}"}
    # name -> (path, headers, check of the body)
    cases: dict[str, tuple[str, dict[str, str], bench.Check]] = {
        "page_catalog": ("/", cookie, page_ok('href="/automations/deploy-service"')),
        "page_run": (f"/runs/{run_id}", cookie, page_ok(run_id)),
        "page_history": ("/runs", cookie, page_ok('id="run-rows"')),
        "page_history_deep": (f"/runs?cursor={deep_cursor}", cookie, page_ok('id="run-rows"')),
        "api_automations": ("/v1/automations", bearer, bench.ok_200),
        "api_run": (f"/v1/runs/{run_id}", bearer, bench.ok_200),
        "api_runs": ("/v1/runs?limit=50", bearer, bench.ok_200),
    }
    import httpx

    sizes: dict[str, int] = {}
    for name, (path, headers, check) in cases.items():
        response = httpx.get(server.url + path, headers=headers, timeout=60)
        problem = check(response)
        if problem is not None:
            raise RuntimeError(f"{name} GET {path}: {problem}")
        sizes[name] = len(response.content)
    # One request of each case in turn over the same seconds; the alternating loader takes
    # one check for all, so each case's own check is found by the URL it asked for.
    by_url = {str(httpx.URL(server.url + path)): check for path, _, check in cases.values()}

    def check(response: Any) -> str | None:
        return by_url[str(response.request.url)](response)

    figures: dict[str, list[dict[str, Any]]] = {name: [] for name in cases}
    for r in range(args.rounds):
        order = list(cases) if r % 2 == 0 else list(reversed(cases))
        targets = [(server.url, cases[name][0], cases[name][1], server.pid) for name in order]
        samples = bench.load_alternating(targets, args.duration, args.warmup, check)
        for name, sample in zip(order, samples, strict=True):
            figures[name].append(_figures(sample))
    out: dict[str, Any] = {"run_id": run_id, "response_bytes": sizes,
                           "cases": {name: bench.median_of(per) for name, per in figures.items()}}
    c = out["cases"]
    out["ratios"] = {
        "history_vs_api_runs_p95": bench.ratio(c["page_history"]["p95_ms"],
                                               c["api_runs"]["p95_ms"]),
        "history_vs_api_runs_p50": bench.ratio(c["page_history"]["p50_ms"],
                                               c["api_runs"]["p50_ms"]),
        "history_deep_vs_api_runs_p95": bench.ratio(c["page_history_deep"]["p95_ms"],
                                                    c["api_runs"]["p95_ms"]),
        "run_page_vs_api_run_p95": bench.ratio(c["page_run"]["p95_ms"], c["api_run"]["p95_ms"]),
        "catalog_vs_api_automations_p95": bench.ratio(c["page_catalog"]["p95_ms"],
                                                      c["api_automations"]["p95_ms"]),
    }
    return out


def _figures(sample: bench.Sample) -> dict[str, Any]:
    """A case's figures; every case hits the same server process, so the server CPU of one
    window is not one case's: it is left out here."""
    figures = sample.figures()
    figures.pop("server_cpu_ms_per_req", None)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=3.0,
                        help="seconds all cases are measured per round (default 3)")
    parser.add_argument("--warmup", type=float, default=0.5,
                        help="seconds of unmeasured requests before each round (default 0.5)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="interleaved rounds; figures are medians across them (default 3)")
    parser.add_argument("--runs", type=int, default=100_000,
                        help="runs in the store (default 100000)")
    parser.add_argument("--postgres", metavar="URL", default=None,
                        help="put the store in a fresh schema of this PostgreSQL database")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir")
    args = parser.parse_args()

    out: dict[str, Any] = {
        "benchmark": "dashboard", "python": platform.python_version(), "cpus": os.cpu_count(),
        "loadavg_start": [round(x, 2) for x in os.getloadavg()],
        "settings": {"duration_s": args.duration, "warmup_s": args.warmup,
                     "rounds": args.rounds, "runs": args.runs,
                     "store": "postgresql" if args.postgres else "sqlite",
                     "client": "httpx, one keep-alive Client per case, one request at a time, "
                               "alternating between the cases",
                     "login": "dashboard session cookie from POST /login (role operator)"},
        "targets": {"history_vs_api_runs_p95_max": TARGET_HISTORY_P95_RATIO},
    }
    tmp = Path(tempfile.mkdtemp(prefix="opsctl-bench-dashboard-"))
    schema = f"bench_dash_{os.getpid()}"
    began = time.perf_counter()
    try:
        store_url = bench.postgres_schema(args.postgres, schema) if args.postgres else None
        project = bench.make_project(tmp, "dashboard", store_url)
        add_seeded_automations(project)
        template = bench.template_result(project)  # a real apply: a run page with a ledger
        seeded = bench.seed_runs(project, args.runs, template)
        ids = seeded.pop("ids")
        out["seed"] = seeded
        from opsctl.store.queue import encode_cursor

        server = bench.start_opsctl(project)
        with bench.running(server):
            out["dashboard"] = measure(server, project, str(template["run_id"]),
                                       encode_cursor(ids[len(ids) // 10]), args)
        ratio = out["dashboard"]["ratios"]["history_vs_api_runs_p95"]
        out["targets_met"] = {"history_page_p95": ratio is not None
                              and ratio <= TARGET_HISTORY_P95_RATIO}
        out["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
        out["elapsed_s"] = round(time.perf_counter() - began, 1)
        if args.keep:
            out["temp_dir"] = str(tmp)
    finally:
        if args.postgres:
            with suppress(Exception):
                bench.drop_schemas(args.postgres, [schema])
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
