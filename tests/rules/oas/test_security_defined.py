"""oas/security-defined: security requirements name defined schemes (Spectral's oas3-operation-security-defined)."""

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, op, params, position_of, spec

RULE = "oas/security-defined"
SCHEMES = {"securitySchemes": {"apiKey": {"type": "apiKey", "in": "header", "name": "X-Key"}}}


def E(method: str | None, path: str | None, name: str) -> Expected:
    return Expected(method, path, f"security requirement names `{name}`, which is no security scheme")


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [E(None, None, "oauth"), E("GET", "/pets", "api_key")])
    assert [(f.line, f.column) for f in findings] == [position_of(fixture(RULE, "bad.yaml"), "oauth: [read]"),
                                                     position_of(fixture(RULE, "bad.yaml"), "api_key: []")]
    assert findings[0].severity.value == "error"


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


SWAGGER = {"swagger": "2.0", "info": {"title": "t", "version": "1"},
           "securityDefinitions": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}},
           "paths": {"/a": {"get": {"security": [{"key": []}, {"token": []}], "responses": {"200": {"description": "OK"}}}}}}

CASES = [
    Case("positive", "a document without security schemes", spec({"/a": "get"}, security=[{"apiKey": []}]),
         [E(None, None, "apiKey")]),
    Case("positive", "OpenAPI 2.0 securityDefinitions", SWAGGER, [E("GET", "/a", "token")]),
    Case("positive", "names are compared exactly", spec(
        {"/a": {"get": op(security=[{"APIKEY": []}])}}, components=SCHEMES), [E("GET", "/a", "APIKEY")]),
    Case("negative", "an operation's empty security removes the requirement", spec(
        {"/a": {"get": op(security=[])}}, components=SCHEMES, security=[{"apiKey": []}]), []),
    Case("negative", "OpenAPI 3.2 names a scheme by URI", spec(
        {"/a": {"get": op(security=[{"common.yaml#/components/securitySchemes/key": []}])}}, openapi="3.2.0"), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
