"""aip142/time-format: a timestamp typed string declares `format: date-time` (AIP-142), info under `rest`, a
warning under `aip`."""

from typing import Any

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, params, position_of, spec

RULE = "aip142/time-format"


def E(name: str) -> Expected:
    return Expected(None, None, f"the field `{name}` is a timestamp typed `string` without a format")


def schemas(**properties: dict[str, Any]) -> dict[str, Any]:
    return spec({}, components={"schemas": {"Event": {"type": "object", "properties": properties}}})


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE, profile="aip")
    assert_findings(findings, [E("created_at"), E("publish_time")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "created_at:")
    assert findings[0].severity.value == "warning"
    assert lint(fixture(RULE, "bad.yaml"), RULE)[0].severity.value == "info"


def test_advice_follows_the_evidence():
    """`format: date-time` where the spec shows RFC 3339; where it does not, AIP-142's fallback too: documenting the
    format (Mandrill sends `YYYY-MM-DD HH:MM:SS`, no RFC 3339)."""
    shown = lint(schemas(occurred_at={"type": "string", "description": "An RFC 3339-formatted timestamp."}), RULE)
    silent = lint(schemas(last_sent_at={"type": "string", "description": "the last time a message was sent"}), RULE)
    assert shown[0].message.endswith("declare `format: date-time` (an RFC 3339 string, AIP-142)")
    assert silent[0].message.endswith("if its value is RFC 3339, declare `format: date-time`; otherwise document its "
                                      "format (AIP-142)")


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE, profile="aip") == []


STRING = {"type": "string"}

CASES = [
    Case("positive", "GitHub's `closed_at`, nullable", schemas(closed_at={"type": "string", "nullable": True}),
         [E("closed_at")]),
    Case("positive", "Compute's `creationTimestamp` described as RFC 3339", schemas(creationTimestamp={
        "type": "string", "description": "[Output Only] Creation timestamp in RFC3339 text format."}),
         [E("creationTimestamp")]),
    Case("positive", "a timestamp inline in a response, nested in an array", spec({"/events": {"get": {
        "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {
            "type": "array", "items": {"type": "object", "properties": {"startedAt": STRING}}}}}}}}}}),
         [E("startedAt")]),
    Case("positive", "OpenAPI 2.0 definitions", {"swagger": "2.0", "info": {"title": "t", "version": "1"},
                                                 "paths": {}, "definitions": {"Job": {"properties": {
                                                     "finished_at": STRING}}}}, [E("finished_at")]),
    Case("negative", "a `*_time` string without evidence it is a moment (a duration, a time of day)",
         schemas(response_time=STRING, start_time=STRING), []),
    Case("negative", "Slack's `timestamp`, a message ID", schemas(timestamp={
        "type": "string", "description": "Timestamp of the message to remove star from."}), []),
    Case("negative", "a pattern says the format", schemas(created_at={"type": "string", "pattern": "^[0-9]+$"}), []),
    Case("negative", "Google discovery's `google-datetime`", schemas(createTime={
        "type": "string", "format": "google-datetime"}), []),
    Case("negative", "an epoch in a string, by its example", schemas(created_at={
        "type": "string", "example": "1576300370"}), []),
    Case("negative", "a `dateTime` its description says is a calendar date (Amadeus), whatever its example", schemas(
        dateTime={"type": "string", "description": "Exact date, in YYYY-MM-DD format",
                  "example": "2025-10-15T13:50:00Z"}), []),
    Case("negative", "an enum", schemas(updated_at={"type": "string", "enum": ["never", "recently"]}), []),
    Case("negative", "a one-word `at` field (`look at`: no moment)", schemas(at=STRING), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
