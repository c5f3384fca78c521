"""oas/path-no-query-string: no `?` in path keys."""

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, params, position_of, spec

RULE = "oas/path-no-query-string"


def E(path: str, query: str, suggestion: str) -> Expected:
    return Expected(None, path, f"contains the query string `?{query}`", suggestion)


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [E("/v1/responses?beta=true", "beta=true", "/v1/responses")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "/v1/responses?")
    assert findings[0].severity.value == "error"


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


CASES = [
    Case("positive", "query flag in the key", spec({"/responses?beta=true": "post"}),
         [E("/responses?beta=true", "beta=true", "/responses")]),
    Case("positive", "two keys differing only by query", spec({
        "/v1/files?purpose=batch": "get", "/v1/files?purpose=fine-tune": "get"}),
        [E("/v1/files?purpose=batch", "purpose=batch", "/v1/files"),
         E("/v1/files?purpose=fine-tune", "purpose=fine-tune", "/v1/files")]),
    Case("positive", "query after a template variable", spec({"/v1/jobs/{job_id}?view=full": "get"}),
         [E("/v1/jobs/{job_id}?view=full", "view=full", "/v1/jobs/{job_id}")]),
    Case("negative", "declared query parameter", spec({"/v1/responses": {"post": {"parameters": [
        {"name": "beta", "in": "query", "schema": {"type": "boolean"}}]}}}), []),
    Case("negative", "Google colon method", spec({"/v1/{name}:cancel": "post"}), []),
    Case("negative", "alias and well-known paths", spec({
        "/v1/users/me": "get", "/.well-known/openid-configuration": "get"}), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
