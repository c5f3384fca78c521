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
    Case("positive", "a `*Date` described as a date and time, with an RFC 3339 example (ATO's `fromDate`)",
         schemas(fromDate={**DATE_TIME, "description": "The date and time the resource became active.",
                           "example": "2019-03-19T09:00:00Z"}), [E("fromDate")], profile="aip"),
    Case("positive", "a `*Date` whose description gives a date-time pattern (Azure's `registrationDate`)",
         schemas(registrationDate={**DATE_TIME, "description": "Date of user registration. The date conforms to the "
                                   "following format: `yyyy-MM-ddTHH:mm:ssZ` as specified by the ISO 8601 standard."}),
         [E("registrationDate")], profile="aip"),
    Case("positive", "a key of a record not named for times", schemas(Activity={"type": "object", "properties": {
        "last_login": DATE_TIME}}), [E("last_login")], profile="aip"),
    Case("negative", "a camelCase `*Time`", schemas(createTime=DATE_TIME), [], profile="aip"),
    Case("negative", "a civil date declared `date-time` (its format is wrong, not its name)", schemas(
        departureDate={**DATE_TIME, "description": 'Departure date in ISO-8601 format "YYYY-MM-DD"'},
        DateOfBirth={**DATE_TIME, "description": "The applicant's date of birth"},
        DeadlineDateStart={**DATE_TIME, "description": "Oral Questions Time where the deadline date has been set on "
                                                       "or after the date provided. Date format YYYY-MM-DD."}),
         [], profile="aip"),
    Case("negative", "the keys of a record named for times (Plaid's `LastDataAccessTimes`)", spec(
        {}, components={"schemas": {"LastDataAccessTimes": {"type": "object", "additionalProperties": True,
                                                            "properties": {"account_balance_info": DATE_TIME}}}}),
         [], profile="aip"),
    Case("negative", "a `format: date` is a calendar date", schemas(birthday={"type": "string", "format": "date"}),
         [], profile="aip"),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
