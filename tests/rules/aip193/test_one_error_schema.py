"""aip193/one-error-schema: every error response of a document has one shape, each other shape flagged once
(AIP-193)."""

from typing import Any

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, op, params, position_of, spec

RULE = "aip193/one-error-schema"


def error(*fields: str) -> dict[str, Any]:
    return {"description": "An error", "content": {"application/json": {"schema": {
        "type": "object", "properties": {name: {"type": "string"} for name in fields}}}}}


def failing(**responses: dict[str, Any]) -> dict[str, Any]:
    return op(responses={"200": {"description": "OK"}, **{code.lstrip("e"): r for code, r in responses.items()}})


STATUS = error("code", "message")


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [Expected("POST", "/v1/books", "the 422 response of `POST /v1/books` returns "
                                        "`HTTPValidationError` {detail}, sharing no field with the 3 error responses "
                                        "of this document that return `Status` {code, details, message}")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), '"422":')
    assert findings[0].severity.value == "warning"


@pytest.mark.parametrize("profile", ["rest", "aip"])
def test_good_fixture(profile):
    assert lint(fixture(RULE, "good.yaml"), RULE, profile=profile) == []


def test_one_finding_per_shape_with_the_other_responses_beside():
    findings = lint(spec({
        "/v1/a": {"get": failing(e404=STATUS, e500=error("detail"))},
        "/v1/b": {"get": failing(e404=STATUS, e500=error("detail"))},
        "/v1/c": {"get": failing(e404=STATUS, e409=STATUS)}}), RULE)
    assert_findings(findings, [Expected("GET", "/v1/a", "the 500 response of `GET /v1/a` (and 1 more response) "
                                        "returns {detail}")])
    assert len(findings[0].related) == 1


CASES = [
    Case("positive", "an envelope beside bare errors", spec({
        "/v1/a": {"get": failing(e400=error("error"))},
        "/v1/b": {"get": failing(e400=STATUS, e404=STATUS)}}),
        [Expected("GET", "/v1/a", "returns {error}, sharing no field with the 2 error responses")]),
    Case("positive", "OAS 2.0 error schemas", {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {
        "/a": {"get": {"responses": {"200": {"description": "OK"}, "400": {"description": "e", "schema": {
            "properties": {"errors": {"type": "array"}}}}}}},
        "/b": {"get": {"responses": {"200": {"description": "OK"}, "404": {"description": "e", "schema": {
            "properties": {"message": {"type": "string"}}}}, "500": {"description": "e", "schema": {
            "properties": {"message": {"type": "string"}}}}}}}}},
        [Expected("GET", "/a", "the 400 response of `GET /a` returns {errors}")], profile="aip"),
    Case("negative", "a shape sharing a field with the common one (GitHub's validation error)", spec({
        "/a": {"get": failing(e422=error("message", "documentation_url", "errors"))},
        "/b": {"get": failing(e404=error("message", "documentation_url", "status"))},
        "/c": {"get": failing(e404=error("message", "documentation_url", "status"))}}), []),
    Case("negative", "a tie between two shapes: no common one", spec({
        "/a": {"get": failing(e400=error("detail"))}, "/b": {"get": failing(e400=STATUS)}}), []),
    Case("negative", "the most common shape on no more than half the error responses: no rule to follow", spec({
        "/a": {"get": failing(e400=error("detail"), e401=error("errors"))},
        "/b": {"get": failing(e400=error("fault"), e404=error("detail"))}}), []),
    Case("negative", "google.rpc.Status beside SCIM's errors (RFC 7644) and another shape", spec({
        "/v2/scim/2.0/Users": {"get": failing(e400=error("schemas", "status", "detail"),
                                              e404=error("schemas", "status", "detail"))},
        "/v2/auditlogs/{account}": {"get": failing(e400=error("code", "message", "details"))},
        "/v2/a": {"get": failing(e400=error("errors"), e404=error("errors"))}}), []),
    Case("negative", "a webhook the partner implements, written among the paths", spec({
        "/order-accepted": {"post": op(description="This webhook will be invoked whenever the order was accepted.",
                                       responses={"200": {"description": "OK"}, "400": error("errors")})},
        "/a": {"get": failing(e400=STATUS, e404=STATUS)}}), []),
    Case("positive", "a common shape RFC 9457 defines is named", spec({
        "/a": {"get": failing(e400=error("errors"))},
        "/b": {"get": failing(e400=error("type", "title", "status", "detail"),
                              e404=error("type", "title", "status", "detail"))}}),
        [Expected("GET", "/a", "that return {detail, status, title, type} (RFC 9457 problem details)")]),
    Case("negative", "OAuth 2.0's token error (RFC 6749) beside the API's own", spec({
        "/oauth2/revoke": {"post": failing(e400=error("error", "error_description"))},
        "/a": {"get": failing(e400=error("type", "message"), e404=error("type", "message"))}}), []),
    Case("negative", "a 409 that is the success's typed sibling (Service Fabric's failed property batch)", {
        "openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {
            "/a": {"get": failing(e400=STATUS, e404=STATUS)},
            "/batch": {"post": op(responses={
                "200": {"description": "OK", "content": {"application/json": {"schema": {
                    "$ref": "#/components/schemas/SucceededBatch"}}}},
                "409": {"description": "Failed", "content": {"application/json": {"schema": {
                    "$ref": "#/components/schemas/FailedBatch"}}}}})}},
        "components": {"schemas": {
            "Batch": {"properties": {"Kind": {"type": "string"}}, "discriminator": {"propertyName": "Kind"}},
            "SucceededBatch": {"allOf": [{"$ref": "#/components/schemas/Batch"}],
                               "properties": {"Properties": {"type": "object"}}},
            "FailedBatch": {"allOf": [{"$ref": "#/components/schemas/Batch"}],
                            "properties": {"ErrorMessage": {"type": "string"}}}}}}, []),
    Case("negative", "a `default` that is the only response is no error", spec({
        "/a": {"get": op(responses={"default": error("items")})},
        "/b": {"get": failing(e400=STATUS)}, "/c": {"get": failing(e400=STATUS)}}), []),
    Case("negative", "errors without a schema, or a bare string", spec({
        "/a": {"get": failing(e400={"description": "Bad"}, e404={"description": "e", "content": {
            "application/json": {"schema": {"type": "string"}}}})},
        "/b": {"get": failing(e400=STATUS)}}), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
