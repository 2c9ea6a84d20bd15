"""Refusals of the HTTP API: invalid input is a 422 naming every bad field and records nothing;
unknown automations, runs and plans are 404; no problem document carries a traceback or a path
of the server's source."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import opsctl
from opsctl.store.queue import encode_cursor
from tests.conftest import Project
from tests.service.conftest import Api, in_process, project_session

MAX_BODY = 2048
SOURCE_DIR = str(Path(opsctl.__file__).resolve().parent)
SITE_DIR = str(Path(httpx.__file__).resolve().parent.parent)
UNKNOWN_RUN = "run_00000000000000000000000000"
UNKNOWN_PLAN = "plan_00000000000000000000000000"


@pytest.fixture
def small_api(api_project: Project) -> Iterator[Api]:
    """The API with ``[server] max_body`` set small, on both stores."""
    api_project.write_config(f"[server]\nworkers = 2\nmax_body = {MAX_BODY}\n")
    yield from in_process(api_project)


def recorded(api: Api) -> dict[str, int]:
    """How many rows the store holds of what a request could record."""
    session = project_session(api.project)
    try:
        return {table: int(session.store._rows(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"])
                for table in ("runs", "actions", "plans", "approvals", "locks", "audit_events")}
    finally:
        session.close()


def assert_problem(r: httpx.Response, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json"
    doc = r.json()
    assert doc["status"] == status and doc["title"] and doc["type"].startswith("https://")
    assert {"detail", "exit_code", "error_type", "errors"} <= set(doc)
    assert_no_internals(r.text)
    return dict(doc)


def assert_no_internals(text: str) -> None:
    assert "Traceback" not in text
    assert 'File "' not in text
    assert SOURCE_DIR not in text and SITE_DIR not in text
    assert "site-packages" not in text and "opsctl/service/" not in text


def fields(doc: dict[str, Any]) -> set[str]:
    return {e["field"] for e in doc["errors"]}


def test_invalid_input_names_every_bad_field_and_records_nothing(small_api: Api) -> None:
    api = small_api
    token = api.token("olga", "admin")
    work = str(api.project.root / "work")
    before = recorded(api)
    runs, plans = "/v1/automations/files/runs", "/v1/automations/files/plans"
    twice = f'{{"dry_run": true, "dry_run": false, "request": {{"directory": {json.dumps(work)}}}}}'

    cases: list[tuple[str, str, dict[str, Any], set[str]]] = [
        # wrong types of the body's own fields
        ("POST", runs, {"json": {"request": {"directory": work}, "dry_run": "sometimes",
                                 "targets": 5, "contract_version": 7}},
         {"body.dry_run", "body.targets", "body.contract_version"}),
        # a contract version that is not one, or that the code does not have yet
        ("POST", runs, {"json": {"request": {"directory": work}, "dry_run": True,
                                 "contract_version": "x.y"}}, {"body.contract_version"}),
        ("POST", runs, {"json": {"request": {"directory": work}, "dry_run": True,
                                 "contract_version": "9.9.9"}}, {"body.contract_version"}),
        # a target that names no action (blank), when running or storing a plan
        ("POST", runs, {"json": {"request": {"directory": work}, "dry_run": True,
                                 "targets": ["file:*", " "]}}, {"body.targets"}),
        ("POST", plans, {"json": {"request": {"directory": work}, "targets": [""]}},
         {"body.targets"}),
        # only JSON true/false are booleans: "off" is not false (it once ran an apply)
        ("POST", runs, {"json": {"request": {"directory": work}, "dry_run": "off"}},
         {"body.dry_run"}),
        ("POST", runs, {"json": {"request": {"directory": work}, "dry_run": "no"}},
         {"body.dry_run"}),
        ("POST", runs, {"json": {"request": {"directory": work}, "dry_run": 0}},
         {"body.dry_run"}),
        # a key twice in one object: JSON readers keep different copies
        ("POST", runs, {"content": b'{"request": {"directory": "/a"}, "request": {}, '
                                   b'"dry_run": true}',
                        "headers": {"content-type": "application/json"}}, {"body"}),
        ("POST", plans, {"content": b'{"request": {"directory": "/a", "directory": "/b"}}',
                         "headers": {"content-type": "application/json; charset=utf-8"}},
         {"body"}),
        # media types are case-insensitive: the same strict reading (a dry run stays one)
        ("POST", runs, {"content": b'{"request": {"directory": "/a"}, "dry_run": true, '
                                   b'"dry_run": false}',
                        "headers": {"content-type": "Application/JSON"}}, {"body"}),
        # a body of another type (curl -d sends a form's) is not read as JSON: says so
        ("POST", runs, {"content": b'{"request": {"directory": "/a"}, "dry_run": true}',
                        "headers": {"content-type": "application/x-www-form-urlencoded"}},
         {"header.content-type"}),
        ("POST", f"/v1/plans/{UNKNOWN_PLAN}/approvals",
         {"content": b'{"decision": "approve", "reason": "ok"}',
          "headers": {"content-type": "text/plain"}}, {"header.content-type"}),
        # unknown fields of the body
        ("POST", runs, {"json": {"request": {"directory": work}, "colour": "red", "size": 1}},
         {"body.colour", "body.size"}),
        ("POST", plans, {"json": {"request": {"directory": work}, "dry_run": True}},
         {"body.dry_run"}),
        # the request document: missing, wrong type, out of its enum, unknown, all at once
        ("POST", runs, {"json": {"request": {"names": "x", "environment": "qa", "colour": 1}}},
         {"request.directory", "request.names", "request.environment", "request.colour"}),
        ("POST", plans, {"json": {"request": {"names": [1], "hold": []}}},
         {"request.directory", "request.names.0", "request.hold"}),
        ("POST", runs, {"json": {"request": "files please"}}, {"body.request"}),
        ("POST", runs, {"json": ["request"]}, {"body"}),
        # missing required fields
        ("POST", f"/v1/plans/{UNKNOWN_PLAN}/approvals", {"json": {}},
         {"body.decision", "body.reason"}),
        ("POST", f"/v1/plans/{UNKNOWN_PLAN}/approvals",
         {"json": {"decision": "maybe", "reason": ""}}, {"body.decision", "body.reason"}),
        ("DELETE", "/v1/locks/files/somewhere", {}, {"query.reason"}),
        # malformed JSON
        ("POST", runs, {"content": b'{"request": {"directory": ',
                        "headers": {"content-type": "application/json"}}, {"body"}),
        ("POST", runs, {"content": b'{"request": {}}\xff\xfe',
                        "headers": {"content-type": "application/json"}}, {"body"}),
        ("POST", runs, {"content": b"\xff\xfe\xfd", "headers": {"content-type":
                                                               "application/json"}},
         {"body"}),
        # query parameters and headers
        ("GET", "/v1/runs?limit=0&status=bogus&since=yesterday",
         {}, {"query.limit", "query.status", "query.since"}),
        ("GET", "/v1/audit?since=-1&limit=100000", {}, {"query.since", "query.limit"}),
        ("GET", "/v1/audit?since=99999999999999999999999", {}, {"query.since"}),
        ("GET", "/v1/automations/files/schema?kind=bogus", {}, {"query.kind"}),
        ("POST", runs + "?wait=forever", {"json": {"request": {"directory": work}}},
         {"query.wait"}),
        ("POST", runs + "?wait=2h", {"json": {"request": {"directory": work}}},
         {"query.wait"}),
        ("POST", runs, {"json": {"request": {"directory": work}},
                        "headers": {"Idempotency-Key": "k" * 201}},
         {"header.idempotency-key"}),
        ("POST", runs, {"json": {"request": {"directory": work}},
                        "headers": {"Idempotency-Key": "tab\there"}},
         {"header.idempotency-key"}),
        # NaN and the infinities are not JSON (the CLI refuses them in request documents)
        ("POST", runs, {"content": b'{"request": {"directory": "/a", "names": [NaN]}, '
                                   b'"dry_run": true}',
                        "headers": {"content-type": "application/json"}},
         {"body.request.names.0"}),
        ("POST", plans, {"content": b'{"request": {"directory": "/a", "hold": -Infinity}}',
                         "headers": {"content-type": "application/json"}},
         {"body.request.hold"}),
        ("POST", runs, {"content": b'{"request": {"directory": "/a", "hold": 1e999}, '
                                   b'"dry_run": true}'},  # no content type: read as JSON too
         {"body.request.hold"}),
        # a key named twice or NaN is refused in every encoding the body is read in (a
        # UTF-8 byte order mark, UTF-16, UTF-32), not only in plain UTF-8
        *[("POST", runs, {"content": body, "headers": {"content-type": "application/json"}},
           {"body"})
          for body in (b"\xef\xbb\xbf" + twice.encode(), twice.encode("utf-16"),
                       twice.encode("utf-32-le"))],
        ("POST", runs, {"content": b'\xef\xbb\xbf{"request": {"directory": "/a", "hold": NaN}}',
                        "headers": {"content-type": "application/json"}},
         {"body.request.hold"}),
        # a lone surrogate is no text, in a Secret field too (digested before validation),
        # and the message names where it is, not the value
        ("POST", runs, {"content": b'{"request": {"directory": "/a", "api_key": '
                                   b'"S3cretValue\\ud800"}, "dry_run": true}',
                        "headers": {"content-type": "application/json"}},
         {"body.request.api_key"}),
        ("POST", plans, {"content": b'{"request": {"directory": "/a", "api_key": "\\ud800"}}',
                         "headers": {"content-type": "application/json"}},
         {"body.request.api_key"}),
        ("POST", f"/v1/plans/{UNKNOWN_PLAN}/apply",
         {"content": b'{"secrets": {"api_key": "S3cretValue\\udcff"}}',
          "headers": {"content-type": "application/json"}}, {"body.secrets.api_key"}),
        # a NUL character, which no actor, automation, run id, lock scope or reason holds
        # (a PostgreSQL store cannot even be asked for it)
        ("GET", "/v1/runs?actor=%00&automation=a%00b", {}, {"query.actor", "query.automation"}),
        ("GET", "/v1/audit?run_id=run%00", {}, {"query.run_id"}),
        ("DELETE", "/v1/locks/files/a%00b?reason=x%00", {}, {"path.scope", "query.reason"}),
        # nor does a lock scope taken from the request
        ("POST", runs, {"json": {"request": {"directory": "a\x00b"}}}, {"request.directory"}),
        # a cursor this server did not return, or one naming no run
        ("GET", "/v1/runs?cursor=zzz", {}, {"query.cursor"}),
        ("GET", f"/v1/runs?cursor={encode_cursor(UNKNOWN_RUN)}", {}, {"query.cursor"}),
        ("GET", "/v1/runs?cursor=" + encode_cursor(UNKNOWN_RUN[:-1] + "\x00"), {},
         {"query.cursor"}),
    ]
    for method, path, kwargs, bad in cases:
        doc = assert_problem(api.call(method, path, token, **kwargs), 422)
        assert fields(doc) == bad, (path, kwargs, doc)
        assert doc["exit_code"] == 2 and doc["error_type"] == "validation"
        assert "S3cretValue" not in json.dumps(doc)
        for field in bad:  # the detail names each too (its last name, not an index)
            name = [part for part in field.split(".") if not part.isdigit()][-1]
            assert name.lower() in doc["detail"].lower(), doc
    assert recorded(api) == before
    assert not list((api.project.root / "work").iterdir())  # nothing was applied either


def test_an_oversized_body_is_refused_before_it_is_read(small_api: Api) -> None:
    api = small_api
    token = api.token("olga", "admin")
    work = str(api.project.root / "work")
    before = recorded(api)
    big = {"request": {"directory": work, "names": ["n" * 100] * 30}}
    assert len(json.dumps(big)) > MAX_BODY

    doc = assert_problem(api.call("POST", "/v1/automations/files/runs", token, json=big), 422)
    assert doc["errors"] == [{"field": "body", "message": f"larger than {MAX_BODY} bytes"}]
    assert str(MAX_BODY) in doc["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: measured as it is read
        yield json.dumps(big).encode()

    doc = assert_problem(api.call("POST", "/v1/automations/files/plans", token,
                                  content=chunks(),
                                  headers={"content-type": "application/json"}), 422)
    assert fields(doc) == {"body"}
    doc = assert_problem(api.call("POST", "/v1/automations/files/runs", token, content=b"{}",
                                  headers={"content-type": "application/json",
                                           "content-length": "lots"}), 422)
    assert fields(doc) == {"body"}
    assert recorded(api) == before
    # just under the limit is accepted
    fits = {"request": {"directory": work, "names": ["a.txt"]}, "dry_run": True}
    r = api.call("POST", "/v1/automations/files/runs?wait=30s", token, json=fits)
    assert r.status_code == 200, r.text


def test_unknown_automations_runs_and_plans_are_404(api: Api) -> None:
    token = api.token("olga", "admin")
    work = str(api.project.root / "work")
    before = recorded(api)
    body = {"json": {"request": {"directory": work}}}
    for method, path, kwargs, says in [
        ("GET", "/v1/automations/nope", {}, "unknown automation 'nope'"),
        ("GET", "/v1/automations/nope/schema?kind=result", {}, "unknown automation"),
        ("POST", "/v1/automations/nope/runs", body, "unknown automation"),
        ("POST", "/v1/automations/nope/plans", body, "unknown automation"),
        ("GET", "/v1/runs?automation=nope", {}, "unknown automation 'nope'"),
        ("GET", f"/v1/runs/{UNKNOWN_RUN}", {}, f"no run '{UNKNOWN_RUN}'"),
        ("GET", "/v1/runs/run_x", {}, "no run"),
        ("GET", f"/v1/runs/{UNKNOWN_RUN}/events", {}, "no run"),
        ("GET", f"/v1/plans/{UNKNOWN_PLAN}", {}, f"no saved plan '{UNKNOWN_PLAN}'"),
        ("GET", "/v1/plans/plan_x", {}, "no saved plan"),
        ("POST", f"/v1/plans/{UNKNOWN_PLAN}/approvals",
         {"json": {"decision": "approve", "reason": "ok"}}, "no saved plan"),
        ("POST", f"/v1/plans/{UNKNOWN_PLAN}/apply", {}, "no saved plan"),
        ("DELETE", "/v1/locks/files/nowhere?reason=cleanup", {}, "no lock held"),
        ("GET", "/v1/no-such-thing", {}, "no such endpoint"),
    ]:
        r = api.call(method, path, token, **kwargs)
        doc = assert_problem(r, 404)
        assert says in doc["detail"], (path, doc)
        assert "known:" not in doc["detail"] and "report" not in doc["detail"]
    assert recorded(api) == before


@pytest.mark.parametrize(("method", "path", "allowed"), [
    ("PUT", "/v1/automations", {"GET"}),
    ("DELETE", "/v1/automations/files/runs", {"POST"}),
    ("GET", "/v1/runs/run_00000000000000000000000000/cancel", {"POST"}),
    ("POST", "/healthz", {"GET"}),
], ids=["put-catalog", "delete-runs", "get-cancel", "post-healthz"])
def test_a_method_the_route_does_not_take_is_a_405_naming_those_it_does(
        api: Api, method: str, path: str, allowed: set[str]) -> None:
    r = api.call(method, path, api.token("olga", "admin"))
    doc = assert_problem(r, 405)
    assert doc["detail"] == "method not allowed here"
    # RFC 9110 15.5.6: a 405 carries Allow, so a client can tell what the route takes
    assert allowed <= {m.strip() for m in r.headers["allow"].split(",")}


@pytest.mark.parametrize(("method", "path", "location"), [
    ("GET", "/v1/runs/", "/v1/runs"),
    ("GET", "/v1/runs/?limit=1", "/v1/runs?limit=1"),
    ("POST", "/v1/automations/files/runs/", "/v1/automations/files/runs"),
    ("GET", "/healthz/", "/healthz"),
    ("GET", "/runs/", "/runs"),
], ids=["list", "query", "post", "health", "dashboard"])
def test_a_trailing_slash_redirects_within_the_address_the_client_used(
        sqlite_api: Api, method: str, path: str, location: str) -> None:
    # behind a proxy that terminates TLS the server sees http://: an absolute Location would
    # send the client (and its bearer token) to a clear-text address
    r = sqlite_api.call(method, path, sqlite_api.token("olga", "admin"),
                        headers={"X-Forwarded-Proto": "https"})
    assert r.status_code == 307, r.text
    assert r.headers["location"] == location


def test_an_unknown_query_parameter_is_a_422_naming_it_not_ignored(sqlite_api: Api) -> None:
    """`?stauts=failed` listed every run, and `?wiat=30s` answered 202 at once: a typo must
    not change what the answer means without a word."""
    api = sqlite_api
    token = api.token("olga", "admin")
    before = recorded(api)
    for method, path, kwargs, bad in (
            ("GET", "/v1/runs?stauts=failed", {}, {"query.stauts"}),
            ("GET", "/v1/runs?status=failed&limit=5&colour=red", {}, {"query.colour"}),
            ("GET", "/v1/audit?sinse=3", {}, {"query.sinse"}),
            ("GET", "/v1/automations/files/schema?knd=result", {}, {"query.knd"}),
            ("POST", "/v1/automations/files/runs?wiat=30s",
             {"json": {"request": {"directory": str(api.project.root / "work")}}},
             {"query.wiat"})):
        doc = assert_problem(api.call(method, path, token, **kwargs), 422)
        assert fields(doc) == bad, doc
        assert doc["errors"][0]["message"] == "unknown query parameter"
    assert recorded(api)["runs"] == before["runs"]
    assert api.call("GET", "/v1/runs?status=failed&limit=5", token).status_code == 200


def test_a_query_parameter_given_twice_is_a_422_naming_it_not_one_of_them_read(
        sqlite_api: Api) -> None:
    """`?status=failed&status=succeeded` listed the succeeded runs alone, and
    `?wait=30s&wait=0s` answered at once: the value read was one the caller cannot tell."""
    api = sqlite_api
    token = api.token("olga", "admin")
    before = recorded(api)
    for method, path, kwargs, bad in (
            ("GET", "/v1/runs?status=failed&status=succeeded", {}, {"query.status"}),
            ("GET", "/v1/runs?limit=5&limit=5&stauts=failed", {},
             {"query.limit", "query.stauts"}),
            ("GET", "/v1/audit?since=0&since=3", {}, {"query.since"}),
            ("POST", "/v1/automations/files/runs?wait=30s&wait=0s",
             {"json": {"request": {"directory": str(api.project.root / "work")}}},
             {"query.wait"}),
            ("DELETE", "/v1/locks/files?reason=a&reason=b", {}, {"query.reason"})):
        doc = assert_problem(api.call(method, path, token, **kwargs), 422)
        assert fields(doc) == bad, doc
        assert {e["message"] for e in doc["errors"] if e["field"] != "query.stauts"} == \
            {"given more than once"}
    assert recorded(api)["runs"] == before["runs"]
    assert recorded(api)["audit_events"] == before["audit_events"]


def test_a_trailing_slash_on_no_route_is_a_404_not_a_redirect(sqlite_api: Api) -> None:
    r = sqlite_api.call("GET", "/v1/nothing/", sqlite_api.token("olga", "admin"))
    assert "location" not in r.headers
    assert_problem(r, 404)


@pytest.mark.parametrize("path", ["/v1/runs", "/v1/automations/files", "/healthz"])
def test_a_405_allows_every_method_the_path_takes_head_included(sqlite_api: Api,
                                                                path: str) -> None:
    r = sqlite_api.call("PUT", path, sqlite_api.token("olga", "admin"))
    assert_problem(r, 405)
    assert sorted(m.strip() for m in r.headers["allow"].split(",")) == ["GET", "HEAD"]


def test_an_internal_error_is_a_generic_500_logged_on_the_server(
        sqlite_project: Project, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from opsctl.service import app as app_module
    from opsctl.service.runtime import ServerRuntime
    from tests.service.conftest import SyncASGITransport, make_token

    def broken(automation: Any) -> Any:
        raise RuntimeError(f"boom in {app_module.__file__}")

    monkeypatch.setattr(app_module, "_slo_of", broken)
    token = make_token(sqlite_project, "olga", "admin")
    session = project_session(sqlite_project)
    runtime = ServerRuntime(session, workers=1)
    transport = SyncASGITransport(app_module.create_app(runtime))
    transport._inner = httpx.ASGITransport(app=transport._inner.app,
                                           raise_app_exceptions=False)
    client = httpx.Client(transport=transport,  # type: ignore[arg-type]
                          base_url="http://opsctl.test")
    try:
        r = client.get("/v1/automations", headers={"Authorization": f"Bearer {token}"})
    finally:
        client.close()
        runtime.shutdown(5)
        transport.close()
        session.close()
    doc = assert_problem(r, 500)
    assert doc["exit_code"] == 1 and doc["error_type"] == "internal"
    assert "boom" not in r.text and "RuntimeError" not in r.text
    logged = capsys.readouterr().err
    assert "http.internal_error" in logged and "boom" in logged


def test_credentials_are_checked_before_an_unreadable_body(api: Api) -> None:
    """Without valid credentials a malformed body is a 401 like any other request (audited),
    not a 422 describing the input."""
    from opsctl.store.audit import iter_events

    before = recorded(api)
    for token in (None, "opsctl_" + "x" * 43):
        for content, media in ((b'{"request": ', "application/json"),
                               (b"\xff\xfe", "application/json"),
                               (b'{"request": {}}', "text/plain")):
            r = api.call("POST", "/v1/automations/files/runs", token, content=content,
                         headers={"content-type": media})
            doc = assert_problem(r, 401)
            assert doc["error_type"] == "auth" and r.headers["www-authenticate"] == "Bearer"
    after = recorded(api)
    assert after.pop("audit_events") == before.pop("audit_events") + 6
    assert after == before
    session = project_session(api.project)
    try:
        kinds = [e.kind for e in iter_events(session.store)][-6:]
    finally:
        session.close()
    assert kinds == ["auth.refused"] * 6


@pytest.mark.parametrize("last_event_id", ["99999999999999999999", str(2**63), "12a", "\u00b2"],
                         ids=["twenty-digits", "past-int64", "not-a-number", "superscript"])
def test_a_last_event_id_out_of_range_is_a_422_before_the_stream(api: Api,
                                                                 last_event_id: str) -> None:
    token = api.token("olga", "admin")
    run = api.call("POST", "/v1/automations/files/runs?wait=30s", token,
                   json={"request": {"directory": str(api.project.root / "work")},
                         "dry_run": True})
    assert run.status_code == 200, run.text
    r = api.call("GET", f"/v1/runs/{run.json()['run_id']}/events", token,
                 headers={"Last-Event-ID": last_event_id.encode()})
    doc = assert_problem(r, 422)
    assert fields(doc) == {"header.last-event-id"}
    largest = api.call("GET", f"/v1/runs/{run.json()['run_id']}/events", token,
                       headers={"Last-Event-ID": str(2**63 - 1)})
    assert largest.status_code == 200 and "event: result" in largest.text


def test_a_caller_without_access_hears_403_before_a_word_about_the_request(api: Api) -> None:
    """A token for ``report`` only learns nothing of ``files``' fields: 403, not 422."""
    token = api.token("rita", "operator", automations=("report",))
    bad = {"request": {"names": "x", "environment": "qa"}}
    for path, body in (("/v1/automations/files/runs", bad),
                       ("/v1/automations/files/runs", {**bad, "dry_run": True}),
                       ("/v1/automations/files/plans", bad)):
        doc = assert_problem(api.call("POST", path, token, json=body), 403)
        assert "names" not in doc["detail"] and doc["errors"] == []
    # a token for staging still hears what is wrong with its request
    staging = api.token("sam", "operator", environments=("staging",))
    doc = assert_problem(api.call("POST", "/v1/automations/files/runs", staging, json=bad), 422)
    assert "request.names" in fields(doc)


def test_a_bad_body_and_a_bad_request_are_named_in_one_answer(api: Api) -> None:
    """A client fixing what a 422 names hears the rest at once, not in a second round trip;
    a caller who may not plan the automation anywhere still hears only about the body."""
    runs, plans = "/v1/automations/files/runs", "/v1/automations/files/plans"
    bad = {"names": 5, "environment": "qa"}
    request_fields = {"request.directory", "request.names", "request.environment"}
    token = api.token("olga", "operator")
    for path, body, envelope in (
            (runs, {"request": bad, "colour": "red"}, {"body.colour"}),
            (runs, {"request": bad, "dry_run": "off"}, {"body.dry_run"}),
            (plans, {"request": bad, "targets": 5}, {"body.targets"}),
            (runs, {"request": bad, "dry_run": True, "contract_version": 7},
             {"body.contract_version"})):
        doc = assert_problem(api.call("POST", path, token, json=body), 422)
        assert fields(doc) == envelope | request_fields, (body, doc)
        assert "names" in doc["detail"] and envelope.pop().split(".")[1] in doc["detail"]
    # a contract version the code does not have: named with the body's other fields
    doc = assert_problem(api.call("POST", runs, token, json={
        "request": bad, "colour": "red", "contract_version": "9.9.9"}), 422)
    assert fields(doc) == {"body.colour", "body.contract_version"}, doc
    outsider = api.token("rita", "operator", automations=("report",))
    doc = assert_problem(api.call("POST", runs, outsider, json={"request": bad, "colour": "red"}),
                         422)
    assert fields(doc) == {"body.colour"} and "names" not in doc["detail"]
    assert recorded(api)["runs"] == 0


def test_a_reason_with_a_nul_character_is_refused_and_records_nothing(api: Api) -> None:
    """No store keeps a NUL in a decision's reason as text (PostgreSQL refuses it outright)."""
    work = str(api.project.root / "work")
    plan = api.call("POST", "/v1/automations/files/plans", api.token("olga", "operator"),
                    json={"request": {"directory": work, "environment": "prod"}})
    assert plan.status_code == 201, plan.text
    approver = api.token("sam", "approver")
    before = recorded(api)
    doc = assert_problem(api.call("POST", f"/v1/plans/{plan.json()['plan_id']}/approvals",
                                  approver,
                                  json={"decision": "approve", "reason": "checked\x00"}), 422)
    assert fields(doc) == {"body.reason"}
    assert recorded(api) == before


def test_approving_without_the_role_is_403_also_for_an_applied_plan(api: Api) -> None:
    """Who may approve is checked before the plan's state: a viewer, or an approver of
    another automation, hears 403 (audited), not a 409 naming the run that applied it."""
    work = str(api.project.root / "work")
    operator = api.token("olga", "operator")
    plan = api.call("POST", "/v1/automations/files/plans", operator,
                    json={"request": {"directory": work, "environment": "prod"}})
    assert plan.status_code == 201, plan.text
    plan_id = plan.json()["plan_id"]
    approval = {"decision": "approve", "reason": "checked"}
    assert api.call("POST", f"/v1/plans/{plan_id}/approvals", api.token("sam", "approver"),
                    json=approval).status_code == 201
    run = api.call("POST", f"/v1/plans/{plan_id}/apply?wait=30s", operator)
    assert run.status_code == 200 and run.json()["status"] == "succeeded", run.text
    for token in (api.token("vic", "viewer"),
                  api.token("sue", "approver", automations=("report",))):
        before = recorded(api)
        doc = assert_problem(api.call("POST", f"/v1/plans/{plan_id}/approvals", token,
                                      json=approval), 403)
        assert doc["exit_code"] == 6 and "may not approve files" in doc["detail"]
        assert run.json()["run_id"] not in doc["detail"]
        assert recorded(api) == {**before, "audit_events": before["audit_events"] + 1}
    # an approver who may approve it still hears that it was applied
    doc = assert_problem(api.call("POST", f"/v1/plans/{plan_id}/approvals",
                                  api.token("sue", "approver"), json=approval), 409)
    assert "already applied" in doc["detail"]


def test_the_problem_document_of_the_docs_is_the_one_the_server_sends(api: Api) -> None:
    """docs/http-api.md shows the 422 of a request whose ``names`` is not a list: word for
    word what the server answers."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "http-api.md").read_text()
    shown = json.loads(text.split("## Errors", 1)[1].split("```json", 1)[1].split("```", 1)[0])
    r = api.call("POST", "/v1/automations/files/runs", api.token("olga", "operator"),
                 json={"request": {"directory": str(api.project.root), "names": "a.txt"}})
    assert assert_problem(r, 422) == shown


def test_a_lock_broken_over_http_needs_a_reason_that_says_something(api: Api) -> None:
    """Blanks pass the query's min_length; the engine refuses them, for every caller."""
    token = api.token("olga", "admin")
    before = recorded(api)
    doc = assert_problem(api.call("DELETE", "/v1/locks/files/somewhere?reason=%20%20%20", token),
                         422)
    assert "a reason must say why the lock is broken" in doc["detail"]
    assert fields(doc) == {"query.reason"}  # where the caller sent it
    assert recorded(api) == before


CHECKED = '''
from pydantic import BaseModel, model_validator

from opsctl import Automation


class Request(BaseModel):
    low: int
    high: int

    @model_validator(mode="after")
    def ordered(self):
        if self.low > self.high:
            raise ValueError("low is above high")
        return self


checked = Automation("checked", version="1.0.0", owner="sre", summary="A model validator",
                     request=Request, effect="read")


@checked.plan
def plan(ctx, req):
    return []
'''


def test_a_refusal_of_the_whole_request_names_the_request(api_project: Project) -> None:
    api_project.add_module("checked_automation", CHECKED)
    for api in in_process(api_project):
        r = api.call("POST", "/v1/automations/checked/runs", api.token("olga", "admin"),
                     json={"request": {"low": 2, "high": 1}, "dry_run": True})
        doc = assert_problem(r, 422)
        assert doc["errors"] == [{"field": "request", "message": "Value error, low is above high"}]


def test_a_lock_break_reason_holding_a_nul_is_refused_from_the_dashboard_too(api: Api) -> None:
    """The HTTP route refuses it by its query's pattern; the dashboard's form reaches the
    engine, which refuses it for every caller (a 500 on a PostgreSQL store before)."""
    from tests.service.dashboard_kit import Visitor

    v = Visitor(api)
    assert v.login(api.token("olga", "admin")).status_code == 303
    v.get("/locks")
    before = recorded(api)
    page = v.post("/locks/break", {"scope": "files/somewhere", "reason": "stuck\x00 run"})
    assert page.status_code == 422, page.text
    assert "hold no NUL character" in page.text
    assert recorded(api) == before


def test_a_store_whose_role_the_server_may_not_write_with_is_a_500_not_invalid_input(
        tmp_path: Path) -> None:
    """`opsctl serve` on a PostgreSQL role granted only SELECT: a read is served (the token's
    last use goes unrecorded); a request that writes (a run started) is refused by the store,
    the server's configuration, not the request's: 500, the server's log saying why (was: 422
    "Invalid input", with the store's address)."""
    from tests.conftest import POSTGRES_URL, postgres_schema_url
    from tests.e2e.test_leases_and_store import _role_on_store
    from tests.service.conftest import make_token, setup_project

    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests need OPSCTL_TEST_POSTGRES_URL (postgresql://...)")
    root = tmp_path / "proj"
    root.mkdir()
    project = setup_project(Project(root))
    for owner_url in postgres_schema_url():
        project.extra_env["OPSCTL_STORE_URL"] = owner_url
        token = make_token(project, "olga", "operator")
        with _role_on_store(owner_url, "SELECT ON ALL TABLES IN SCHEMA {schema}") as role_url:
            project.extra_env["OPSCTL_STORE_URL"] = role_url
            for api in in_process(project):
                assert api.call("GET", "/v1/runs", token).status_code == 200
                response = api.call("POST", "/v1/automations/report/runs", token,
                                    json={"request": {"directory": str(root / "work")}})
                assert response.status_code == 500, response.text
                problem = response.json()
                # the store's address and its refusal are the server log's, as for /readyz
                assert problem["detail"] == ("the server's store cannot be used: the server "
                                             "logged the details")
                assert "postgresql://" not in response.text
                assert problem["exit_code"] == 2
                # a caller without valid credentials, whose refusal the store would audit
                anonymous = api.call("GET", "/v1/runs", "opsctl_" + "x" * 43)
                assert "postgresql://" not in anonymous.text


def test_a_run_whose_request_holds_a_named_secrets_value_is_not_queued(tmp_path: Path) -> None:
    """A queued run is stored with secrets masked: after a restart (or on a worker) it would
    be carried out with *** in place of the value (was: 202, and a restarted server applied
    directory 'x-***'). 422 naming the field, nothing recorded, nothing changed."""
    from tests.service.conftest import setup_project

    root = tmp_path / "proj"
    root.mkdir()
    project = setup_project(Project(root), '[secrets]\ndb = "pw-51d0-canary"\n')
    target = root / "work" / "x-pw-51d0-canary"
    for api in in_process(project):
        token = api.token("ops", "operator")

        refused = api.call("POST", "/v1/automations/files/runs?wait=10s", token,
                           json={"request": {"directory": str(target)}})

        assert refused.status_code == 422, refused.text
        problem = refused.json()
        assert problem["exit_code"] == 2
        assert problem["errors"] == [{"field": "body.request.directory",
                                      "message": "holds a secret value"}]
        assert "a queued run is stored with secrets masked" in problem["detail"]
        assert "pw-51d0-canary" not in refused.text
        assert api.call("GET", "/v1/runs", token).json()["runs"] == []
        assert not target.exists() and not (root / "work" / "x-***").exists()
