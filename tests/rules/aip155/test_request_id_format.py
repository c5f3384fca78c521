"""aip155/request-id-format: a mutation's request ID is optional, can hold a UUID, and is `format: uuid` when it
must be one, under the `aip` profile (AIP-155)."""

from typing import Any

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, op, params, position_of, spec

RULE = "aip155/request-id-format"


def request_id(schema: dict[str, Any], name: str = "request_id", where: str = "query", required: bool = False,
               description: str = "") -> dict[str, Any]:
    return {"name": name, "in": where, "required": required, "schema": schema, "description": description}


UUID_ONLY = "The request ID must be a valid UUID."


def test_bad_fixture_one_finding_for_both_mutations():
    findings = lint(fixture(RULE, "bad.yaml"), RULE, profile="aip")
    assert_findings(findings, [Expected("POST", "/v1/books", "the request ID `requestId` of `POST /v1/books` (and 1 "
                                        "more mutation) must be a UUID but its schema says no `format: uuid`")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "name: requestId")
    assert len(findings[0].related) == 1
    assert findings[0].severity.value == "warning"


def test_off_under_rest():
    from aiplint.linting.registry import available_rules

    assert available_rules()[RULE].severity_for("rest") is None


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE, profile="aip") == []


CASES = [
    Case("positive", "too short for a UUID", spec({
        "/v1/books": {"post": op(request_id({"type": "string", "maxLength": 20}))}}),
        [Expected("POST", "/v1/books", "allows at most 20 characters")], profile="aip"),
    Case("positive", "a pattern no UUID matches", spec({
        "/v1/books": {"post": op(request_id({"type": "string", "pattern": "^[0-9]+$"}))}}),
        [Expected("POST", "/v1/books", "has a pattern (`^[0-9]+$`) no UUID matches")], profile="aip"),
    Case("positive", "a UUID's pattern without `format: uuid`", spec({
        "/v1/books": {"post": op(request_id({"type": "string", "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-"
                                                                          "[0-9a-f]{4}-[0-9a-f]{12}$"}))}}),
        [Expected("POST", "/v1/books", "must be a UUID but its schema says no `format: uuid`")], profile="aip"),
    Case("positive", "a required Idempotency-Key header", spec({
        "/v1/charges": {"post": op(request_id({"type": "string"}, "Idempotency-Key", "header", required=True))}}),
        [Expected("POST", "/v1/charges", "is required: request IDs should be optional")], profile="aip"),
    Case("positive", "a request-body field", spec({"/v1/books": {"post": op(request={"content": {
        "application/json": {"schema": {"properties": {"requestId": {"type": "string", "description": UUID_ONLY}}}}}})}}),
        [Expected("POST", "/v1/books", "the request ID `requestId` of `POST /v1/books` must be a UUID")], profile="aip"),
    Case("negative", "a request ID that only recommends UUIDs", spec({"/v1/books": {"post": op(request_id(
        {"type": "string"}, description="We recommend using UUIDs. Max length is 50 characters."))}}), [],
        profile="aip"),
    Case("negative", "a tracing header is no request ID for retries", spec({"/v1/books": {"post": op(request_id(
        {"type": "integer"}, "X-Request-Id", "header", required=True))}}), [], profile="aip"),
    Case("negative", "a `requestId` in the path names what the operation acts on", spec({
        "/v1/approvals/{requestId}": {"put": op(request_id({"type": "string"}, "requestId", "path", required=True))}}),
        [], profile="aip"),
    Case("negative", "an API whose resources include requests (bunq's request inquiries)", spec({
        "/v1/request-inquiries/{id}": "get",
        "/v1/whitelists": {"post": op(request_id({"type": "string"}, required=True))}}), [], profile="aip"),
    Case("negative", "an integer `request_id` names a stored request", spec({
        "/v1/whitelists": {"post": op(request_id({"type": "integer"}, required=True))}}), [], profile="aip"),
    Case("negative", "a `request_id` a response hands out, in one of its alternatives (Vonage Verify's)", spec({
        "/verify": {"post": op(responses={"200": {"description": "OK", "content": {"application/json": {"schema": {
            "oneOf": [{"properties": {"request_id": {"type": "string"}}},
                      {"properties": {"error_text": {"type": "string"}}}]}}}}})},
        "/verify/check": {"post": op(request_id({"type": "string", "maxLength": 32}, required=True))}}), [],
        profile="aip"),
    Case("negative", "a GET's request ID is no mutation's", spec({"/v1/books": {"get": op(request_id(
        {"type": "integer"}))}}), [], profile="aip"),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
