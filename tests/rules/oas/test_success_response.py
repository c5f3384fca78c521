"""oas/success-response: every operation documents a success or default response (Spectral's
operation-success-response, Redocly's operation-2xx-response, but `default` counts, as OpenAPI defines it)."""

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, op, params, position_of, spec

RULE = "oas/success-response"


def E(method: str, path: str, codes: str) -> Expected:
    return Expected(method, path, f"`{method} {path}` documents only error responses ({codes})")


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [E("DELETE", "/pets/{petId}", "404, 5XX")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "responses:")
    assert findings[0].severity.value == "warning"


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


def responses(*codes: str) -> dict:
    return {code: {"description": code} for code in codes}


CASES = [
    Case("positive", "only client errors", spec({"/a": {"get": op(responses=responses("400", "404"))}}),
         [E("GET", "/a", "400, 404")]),
    Case("positive", "only a server error range", spec(
        {"/a": {"post": op(responses=responses("5XX"))}}, openapi="3.0.3"), [E("POST", "/a", "5XX")]),
    Case("negative", "a 2XX range", spec({"/a": {"get": op(responses=responses("2XX", "404"))}}), []),
    Case("negative", "default covers success (OpenAPI: every status not listed)", spec(
        {"/a": {"get": op(responses=responses("default", "404"))}}), []),
    Case("negative", "a redirect endpoint", spec({"/a": {"get": op(responses=responses("303"))}}), []),
    Case("negative", "an extension beside a success", spec(
        {"/a": {"get": op(responses={**responses("204"), "x-note": "ok"})}}), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
