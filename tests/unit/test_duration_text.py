"""A Duration field prints in duration notation, normalised, and stays a timedelta for arithmetic and JSON."""

from __future__ import annotations

import copy
import pickle
from datetime import timedelta

import pytest
from pydantic import BaseModel, ConfigDict, Field

from opsctl import Duration


class Request(BaseModel):
    model_config = ConfigDict(validate_default=True)

    max_age: Duration = "30d"
    grace: Duration = Field(default_factory=lambda: timedelta(hours=2))


@pytest.mark.parametrize(("given", "printed", "value"), [
    pytest.param("30d", "30d", timedelta(days=30), id="days"),
    pytest.param("1h30m", "1h30m", timedelta(minutes=90), id="compound"),
    pytest.param("90m", "1h30m", timedelta(minutes=90), id="normalised"),
    pytest.param("24h", "1d", timedelta(days=1), id="whole-days"),
    pytest.param(" 15m ", "15m", timedelta(minutes=15), id="trimmed"),
    pytest.param("1H", "1h", timedelta(hours=1), id="lower-case"),
    pytest.param("45", "45s", timedelta(seconds=45), id="seconds-as-text"),
    pytest.param(90, "1m30s", timedelta(seconds=90), id="number-in-shortest-form"),
    pytest.param(timedelta(days=1, hours=2), "1d2h", timedelta(hours=26), id="timedelta"),
])
def test_a_duration_prints_normalised(given: object, printed: str, value: timedelta) -> None:
    req = Request(max_age=given)
    assert str(req.max_age) == printed
    assert f"older than {req.max_age}" == f"older than {printed}"
    assert req.max_age == value
    assert isinstance(req.max_age, timedelta)


@pytest.mark.parametrize(("given", "printed"), [
    pytest.param(0.0001, "0s", id="under-a-millisecond"),
    pytest.param("1.0004", "1s", id="rounded-down"),
    pytest.param(timedelta(microseconds=1500), "2ms", id="timedelta-rounded-up"),
])
def test_a_duration_is_the_value_its_text_says(given: object, printed: str) -> None:
    """Kept to the millisecond the notation has (was: 100 microseconds that printed, and were
    stored, as 0s, so a resumed run or a saved plan planned with another value)."""
    req = Request(max_age=given)
    assert str(req.max_age) == printed
    assert Request.model_validate_json(req.model_dump_json()) == req


def test_defaults_print_normalised_too() -> None:
    req = Request()
    assert (str(req.max_age), str(req.grace)) == ("30d", "2h")


def test_json_and_arithmetic_are_unchanged() -> None:
    req = Request(max_age="90m")
    assert req.model_dump(mode="json") == {"max_age": "1h30m", "grace": "2h"}
    assert req.max_age.total_seconds() == 5400
    assert str(req.max_age * 2) == "3:00:00"  # arithmetic gives a plain timedelta


def test_survives_copy_and_pickle() -> None:
    value = Request(max_age="7d").max_age
    assert str(copy.deepcopy(value)) == "7d"
    assert str(pickle.loads(pickle.dumps(value))) == "7d"
    assert pickle.loads(pickle.dumps(value)) == timedelta(days=7)
