"""aip185/major-version: the URI carries a major version only (AIP-185; AEP's and IBM's version-segment rules)."""

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, params, position_of, spec

RULE = "aip185/major-version"


def E(path: str | None, fragment: str, suggestion: str | None = None) -> Expected:
    return Expected(None, path, fragment, suggestion)


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [E(None, "server URL path `/api/v1.2` has the minor version `v1.2`"),
                               E("/v1.2/books", "path `/v1.2/books` has the minor version `v1.2`", "/v1/books")])
    assert [r.path for r in findings[1].related] == ["/v1.2/shelves"]
    assert (findings[1].line, findings[1].column) == position_of(fixture(RULE, "bad.yaml"), "/v1.2/books:")
    assert findings[0].severity.value == "warning"


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []
    assert lint(fixture(RULE, "good.yaml"), RULE, profile="aip") == []


NONE = "no path or server URL of the API carries a major version"
CASES = [
    Case("positive", "a minor version without v, after a namespace", spec({"/api/1.0/books": "get"}),
         [E("/api/1.0/books", "minor version `1.0`", "/api/v1/books")]),
    Case("positive", "OpenAPI 2.0 basePath", {"swagger": "2.0", "info": {"title": "t", "version": "1"},
                                              "basePath": "/v2.1", "paths": {}}, [E(None, "`/v2.1`")]),
    Case("positive", "no version anywhere, under the aip profile", spec({"/books": "get", "/shelves": "get"}),
         [E("/books", NONE)], profile="aip"),
    Case("negative", "no version anywhere, under the rest profile", spec({"/books": "get"}), []),
    Case("negative", "the version in the server URL", spec({"/books": "get"}, servers=[{"url": "https://x.io/v1"}]),
         [], profile="aip"),
    Case("negative", "a server URL variable may hold the version", spec(
        {"/books": "get"}, servers=[{"url": "https://x.io/{version}", "variables": {"version": {"default": "v1"}}}]),
        [], profile="aip"),
    Case("negative", "Google's v1beta1, v1p1beta1 and dated versions", spec(
        {"/v1beta1/a": "get", "/v1p1beta1/b": "get", "/2024-01-01/c": "get"}), []),
    Case("negative", "a decimal after an ID is no version", spec({"/v1/maps/{map}/3.5": "get"}), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
