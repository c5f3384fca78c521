"""aip127/no-body-get-delete: GET, HEAD and DELETE have no request body (AIP-127; api-linter's 0131/0132/0135
http-body; AEP's GET custom methods)."""

import pytest

from .._kit import Case, Expected, assert_findings, body, check_case, fixture, ids, lint, op, params, position_of, spec

RULE = "aip127/no-body-get-delete"


def E(method: str, path: str) -> Expected:
    return Expected(method, path, f"`{method} {path}` defines a request body; {method} requests must not have one")


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [E("GET", "/v1/books:search"), E("DELETE", "/v1/books/{book}")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "requestBody:")
    assert [f.severity.value for f in findings] == ["warning", "warning"]
    assert {f.severity.value for f in lint(fixture(RULE, "bad.yaml"), RULE, profile="aip")} == {"error"}


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


SWAGGER = {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {"/a": {
    "get": {"parameters": [{"name": "q", "in": "body", "schema": {"type": "object"}}],
            "responses": {"200": {"description": "OK"}}},
    "delete": {"parameters": [{"name": "why", "in": "formData", "type": "string"}],
               "responses": {"200": {"description": "OK"}}},
    "post": {"parameters": [{"name": "q", "in": "body", "schema": {"type": "object"}}],
             "responses": {"200": {"description": "OK"}}}}}}

CASES = [
    Case("positive", "HEAD with a body", spec({"/a": {"head": op(request=body("x"))}}), [E("HEAD", "/a")]),
    Case("positive", "OpenAPI 2.0 body and formData parameters", SWAGGER, [E("GET", "/a"), E("DELETE", "/a")]),
    Case("positive", "a required body that must be empty is still a body", spec({"/a": {"get": op(request={
        "required": True, "content": {"application/json": {"schema": {
            "type": "object", "properties": {}, "additionalProperties": False}}}})}}), [E("GET", "/a")]),
    Case("negative", "POST, PUT and PATCH carry bodies", spec({"/a": {
        "post": op(request=body("x")), "put": op(request=body("x")), "patch": op(request=body("x"))}}), []),
    Case("negative", "a $ref'd optional body that admits only {}", spec({"/a": {"get": op(request={
        "$ref": "#/components/requestBodies/None"})}}, components={"requestBodies": {"None": {"content": {
            "application/x-www-form-urlencoded": {"schema": {"additionalProperties": False}}}}}}), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
