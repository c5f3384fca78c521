"""aip127/path-template-syntax: path templates parse (AIP-127's template grammar; api-linter's
0127::http-template-syntax)."""

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, params, position_of, spec

RULE = "aip127/path-template-syntax"


def E(path: str, why: str) -> Expected:
    return Expected(None, path, f"path `{path}` is not a well-formed path template: {why}")


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [E("/v1/books/{book", "a `{` that no `}` closes"), E("/v1//shelves", "an empty segment"),
                               E("/v1/book list", "white space")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "/v1/books/{book:")
    assert findings[0].severity.value == "error"


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []
    assert lint(fixture(RULE, "good.yaml"), RULE, profile="aip") == []


CASES = [
    Case("positive", "a variable inside a variable", spec({"/a/{b{c}}": "get"}, declare_path_params=False),
         [E("/a/{b{c}}", "`{` inside a variable")]),
    Case("positive", "a closing brace that opens nothing", spec({"/a/b}": "get"}), [E("/a/b}", "`}` at character 5 closes no variable")]),
    Case("positive", "a trailing slash under the aip profile", spec({"/v1/books/": "get"}),
         [E("/v1/books/", "ends in `/`")], profile="aip"),
    Case("negative", "a trailing slash under the rest profile (common REST style)", spec({"/v1/books/": "get"}), []),
    Case("negative", "a query string is oas/path-no-query-string's", spec({"/a?b={c d}": "get"}), []),
    Case("not my business", "an empty variable", spec({"/a/{}": "get"}), [],
         reported_by="oas/path-params-match"),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
