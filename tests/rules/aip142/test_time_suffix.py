"""aip142/time-suffix: a timestamp field's name ends in `_time`, under the `aip` profile (AIP-142)."""

from typing import Any

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, params, position_of, spec

RULE = "aip142/time-suffix"


def E(name: str) -> Expected:
    return Expected(None, None, f"the timestamp field `{name}` does not end in `_time`")


def schemas(**properties: dict[str, Any]) -> dict[str, Any]:
    return spec({}, components={"schemas": {"Event": {"type": "object", "properties": properties}}})


DATE_TIME = {"type": "string", "format": "date-time"}


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE, profile="aip")
    assert_findings(findings, [E("created_at"), E("lastModified")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "created_at:")
    assert findings[0].severity.value == "warning"


def test_off_under_rest():
    from aiplint.linting.registry import available_rules

    assert available_rules()[RULE].severity_for("rest") is None


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE, profile="aip") == []


CASES = [
    Case("positive", "a one-word `timestamp`", schemas(timestamp=DATE_TIME), [E("timestamp")], profile="aip"),
    Case("positive", "a date-time named `*_date`", schemas(start_date=DATE_TIME), [E("start_date")],
         profile="aip"),
    Case("positive", "Google discovery's `google-datetime`", schemas(expiry={
        "type": "string", "format": "google-datetime"}), [E("expiry")], profile="aip"),
    Case("negative", "a camelCase `*Time`", schemas(createTime=DATE_TIME), [], profile="aip"),
    Case("negative", "a `format: date` is a calendar date", schemas(birthday={"type": "string", "format": "date"}),
         [], profile="aip"),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
