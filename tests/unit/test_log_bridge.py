"""Library logs (stdlib ``logging``) reach opsctl's stream with the run's context, masked."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from opsctl.config.redact import Redactor
from opsctl.observe.log import CaptureSink, StdlibBridge, install_stdlib_bridge, make_logger

LIBRARIES = ("urllib3", "botocore", "psycopg")


@pytest.fixture
def captured() -> Iterator[tuple[CaptureSink, logging.Logger]]:
    sink = CaptureSink()
    logger = make_logger(redactor=Redactor(["hunter2"]), sink=sink)
    root = logging.getLogger()
    saved = (root.level, list(root.handlers), {n: logging.getLogger(n).level for n in LIBRARIES})
    install_stdlib_bridge(logger.bind(run_id="run_1"), {"botocore": "debug"})
    yield sink, root
    root.handlers[:] = saved[1]
    root.setLevel(saved[0])
    for name, level in saved[2].items():
        logging.getLogger(name).setLevel(level)


def test_a_library_record_carries_the_run_context_and_masks_secrets(
        captured: tuple[CaptureSink, logging.Logger]) -> None:
    sink, _ = captured
    run_log = make_logger(redactor=Redactor(), sink=CaptureSink()).bind(run_id="run_7",
                                                                         step="apply")
    run_log.info("action.started")   # the context of the last opsctl event in this thread
    logging.getLogger("urllib3.connectionpool").warning("retrying https://u:%s@host", "hunter2")
    event = sink.events[-1]
    assert event["event"] == "retrying https://u:***@host"
    assert (event["level"], event["logger"]) == ("warning", "urllib3.connectionpool")
    assert (event["run_id"], event["step"]) == ("run_7", "apply")
    assert "hunter2" not in str(sink.events)


@pytest.mark.parametrize(("name", "level", "shown"), [
    pytest.param("urllib3", logging.INFO, False, id="library-info-hidden-by-default"),
    pytest.param("urllib3", logging.WARNING, True, id="library-warning-shown"),
    pytest.param("psycopg", logging.ERROR, True, id="library-error-shown"),
    pytest.param("botocore.endpoint", logging.DEBUG, True, id="per-logger-level-for-children"),
])
def test_levels_are_set_per_logger(captured: tuple[CaptureSink, logging.Logger], name: str,
                                   level: int, shown: bool) -> None:
    sink, _ = captured
    logging.getLogger(name).log(level, "hello")
    assert bool([e for e in sink.events if e.get("logger") == name]) is shown


def test_an_exception_is_summarised(captured: tuple[CaptureSink, logging.Logger]) -> None:
    sink, _ = captured
    try:
        raise TimeoutError("read timed out")
    except TimeoutError:
        logging.getLogger("botocore").exception("request failed")
    assert sink.events[-1]["exception"] == "TimeoutError: read timed out"
    assert sink.events[-1]["level"] == "error"


def test_installing_again_replaces_the_bridge(
        captured: tuple[CaptureSink, logging.Logger]) -> None:
    _, root = captured
    install_stdlib_bridge(make_logger(redactor=Redactor(), sink=CaptureSink()))
    assert len([h for h in root.handlers if isinstance(h, StdlibBridge)]) == 1


def test_a_library_record_is_masked_with_the_secrets_of_the_run_it_comes_from(
        captured: tuple[CaptureSink, logging.Logger]) -> None:
    """A server's sessions share the bridge's sink, each masking with its own redactor: a
    record a library writes while one session's run is current is masked with that run's
    request secrets, which the bridge's own logger never learns."""
    sink, _ = captured
    base = make_logger(redactor=Redactor(["hunter2"]), sink=sink)
    install_stdlib_bridge(base)
    session_log = base.masking_with(Redactor(["hunter2", "req-s3cr3t"])).bind(run_id="run_9")
    session_log.debug("plan.started")  # below the level: the run's logger is still current
    logging.getLogger("urllib3.connectionpool").warning("POST /token?key=%s", "req-s3cr3t")
    event = sink.events[-1]
    assert event["event"] == "POST /token?key=***"
    assert event["run_id"] == "run_9"
    assert "req-s3cr3t" not in repr(sink.events)


def test_a_record_that_cannot_be_rendered_is_dropped_without_printing_its_arguments(
        captured: tuple[CaptureSink, logging.Logger], capsys: pytest.CaptureFixture[str]) -> None:
    """logging's own handleError prints the record's raw arguments to stderr: a secret
    passed with a wrong format string must not reach it."""
    sink, root = captured
    root.handlers[:] = [h for h in root.handlers if isinstance(h, StdlibBridge)]  # not pytest's
    logging.getLogger("botocore.endpoint").warning("bad format %d", "hunter2")
    assert "hunter2" not in capsys.readouterr().err
    assert "hunter2" not in repr(sink.events)
    assert sink.events[-1]["event"] == "log.record_dropped"
    assert (sink.events[-1]["logger"], sink.events[-1]["error"]) == ("botocore.endpoint",
                                                                     "TypeError")
