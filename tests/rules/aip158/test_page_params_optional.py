"""aip158/page-params-optional: a List's `page_size` and `page_token` are not required (AIP-158)."""

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, op, params, position_of, query, spec

RULE = "aip158/page-params-optional"


def page_size(required: bool = False) -> dict:
    return {"name": "page_size", "in": "query", "required": required, "schema": {"type": "integer"}}


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [Expected("GET", "/drive/v3/changes", "`GET /drive/v3/changes` requires `pageToken`; "
                                        "AIP-158 says the page size and page token must not be required")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "{name: pageToken")
    assert findings[0].severity.value == "warning"


@pytest.mark.parametrize("profile", ["rest", "aip"])
def test_good_fixture(profile):
    assert lint(fixture(RULE, "good.yaml"), RULE, profile=profile) == []


CASES = [
    Case("positive", "a required page size on two Lists: one finding", spec({
        "/v3/templates": {"get": op(page_size(required=True))},
        "/v3/designs": {"get": op(page_size(required=True))}}),
        [Expected("GET", "/v3/designs", "`GET /v3/designs` (and 1 more List) require `page_size`")], profile="aip"),
    Case("negative", "a page token in the path is no query option (Bungie's)", spec({
        "/Destiny2/Clan/{groupId}/Members/{pageToken}": "get"}), []),
    Case("negative", "a required token on a Get is no List's", spec({
        "/v1/books/{book_id}": {"get": op(query("page_token", required=True))}}), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
