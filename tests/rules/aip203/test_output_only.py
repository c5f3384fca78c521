"""aip203/output-only: a resource's create and update timestamps are `readOnly` where the schema the API returns
is also the body it accepts (AIP-203 OUTPUT_ONLY)."""

from typing import Any

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, params, position_of, spec

RULE = "aip203/output-only"


def E(name: str, label: str = "POST /v1/books") -> Expected:
    return Expected(None, None, f"the field `{name}` is a create or update timestamp the server sets, in the "
                                f"resource `{label}` accepts as its body")


REF = {"$ref": "#/components/schemas/Book"}
BODY = {"content": {"application/json": {"schema": REF}}}
RETURNED = {"200": {"description": "OK", "content": {"application/json": {"schema": REF}}}}


def library(write: dict[str, Any] | None = None, read: dict[str, Any] | None = None, **properties: Any
            ) -> dict[str, Any]:
    """Books created by a POST to the collection and read by a Get, both with `Book` unless told."""
    return spec({"/v1/books": {"post": write or {"requestBody": BODY}},
                 "/v1/books/{book}": {"get": read or {"responses": RETURNED}}},
                components={"schemas": {"Book": {"type": "object", "properties": properties}}})


DATE_TIME = {"type": "string", "format": "date-time"}


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [E("create_time"), E("updatedAt")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "create_time:")
    assert findings[0].severity.value == "warning"


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE, profile="aip") == []


CASES = [
    Case("positive", "GitHub-style `created_at` and `last_modified`",
         library(created_at=DATE_TIME, last_modified=DATE_TIME), [E("created_at"), E("last_modified")]),
    Case("positive", "an integer epoch `updated_at`", library(updated_at={"type": "integer", "format": "int64"}),
         [E("updated_at")]),
    Case("positive", "accepted by an Update (PATCH)", spec({
        "/v1/books/{book}": {"get": {"responses": RETURNED}, "patch": {"requestBody": BODY}}},
        components={"schemas": {"Book": {"type": "object", "properties": {"createdAt": DATE_TIME}}}}),
         [E("createdAt", "PATCH /v1/books/{book}")]),
    Case("negative", "a 3.1 `readOnly` beside the `$ref`", library(create_time={
        "$ref": "#/components/schemas/Stamp", "readOnly": True}), []),
    Case("negative", "a schema only a response uses (output only already)", library(
        write={"requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}}},
        created_at=DATE_TIME), []),
    Case("negative", "described as set by the client (Microsoft Graph's alert, `Required.`)", library(
        createdDateTime={**DATE_TIME, "description": "Time at which the alert was created by the provider. Required."}
    ), []),
    Case("negative", "a time the client chooses (`publish_time`, `start_time`)",
         library(publish_time=DATE_TIME, start_time=DATE_TIME), []),
    Case("negative", "a `created` flag, no time", library(created={"type": "boolean"}), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
