"""The error classes' exit codes and types are those the result schema publishes."""

from __future__ import annotations

import typing

from opsctl.contract.result import ErrorType, ResultDocument
from opsctl.errors import ERROR_EXIT_CODES, ERROR_TYPES, ExitCode, OpsctlError, TransientError


def test_the_published_error_types_and_codes_are_those_of_the_schema() -> None:
    assert set(ERROR_TYPES) == set(typing.get_args(ErrorType))
    codes = set(typing.get_args(ResultDocument.model_fields["exit_code"].annotation))
    assert codes - {ExitCode.SUCCESS, ExitCode.CHANGES_PLANNED} == ERROR_EXIT_CODES


def test_a_subclass_outside_the_table_inherits_its_base_classes_values() -> None:
    class Quota(TransientError):
        exit_code = 0  # an error that exits 0 would read as a success
        error_type = "quota"

    assert (Quota.exit_code, Quota.error_type, Quota.retryable) == (
        4, "dependency_unavailable", True)
    assert "Quota declares exit_code 0 and error_type 'quota'" in str(Quota("full"))

    class Deeper(Quota):
        pass

    assert Deeper.exit_code == 4 and str(Deeper("x")).startswith("x (Quota declares")

    class Kept(OpsctlError):
        exit_code = 7
        error_type = "conflict"

    assert (Kept.exit_code, Kept.error_type, str(Kept("y"))) == (7, "conflict", "y")
