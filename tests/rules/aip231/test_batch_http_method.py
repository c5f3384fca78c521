"""aip231/batch-http-method: a batch get is a GET, a batch create, update or delete a POST, under the `aip` profile
(AIP-231, 233, 234, 235)."""

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, params, position_of, spec

RULE = "aip231/batch-http-method"


def E(method: str, path: str, kind: str, wanted: str) -> Expected:
    return Expected(method, path, f"`{method} {path}` is a batch {kind}; its HTTP method must be {wanted}")


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE, profile="aip")
    assert_findings(findings, [E("POST", "/v1/books:batchGet", "get", "GET"),
                               E("DELETE", "/v1/books:batchDelete", "delete", "POST")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "post:")
    assert findings[0].severity.value == "warning"


def test_off_under_rest():
    from aiplint.linting.registry import available_rules

    assert available_rules()[RULE].severity_for("rest") is None


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE, profile="aip") == []


CASES = [
    Case("positive", "AWS's `/batchget` after a collection, slash-written",
         spec({"/useraccess/batchget": "post", "/useraccess/{id}": "get"}),
         [E("POST", "/useraccess/batchget", "get", "GET")], profile="aip"),
    Case("positive", "a `PUT` batch update", spec({"/v1/books:batchUpdate": "put", "/v1/books/{book}": "get"}),
         [E("PUT", "/v1/books:batchUpdate", "update", "POST")], profile="aip"),
    Case("positive", "a bulk delete that is a DELETE", spec({"/v1/users:bulkDelete": "delete"}),
         [E("DELETE", "/v1/users:bulkDelete", "delete", "POST")], profile="aip"),
    Case("positive", "a `BatchGet` and its resource, with no collection before it, beside a GET single Get",
         spec({"/BatchGetChannel": "post", "/GetChannel": "get"}),
         [E("POST", "/BatchGetChannel", "get", "GET")], profile="aip"),
    Case("negative", "AWS's `BatchGetChannel` where the single `GetChannel` is a POST too: the API's style",
         spec({"/BatchGetChannel": "post", "/GetChannel": "post"}), [], profile="aip"),
    Case("negative", "a longer verb on a collection is another custom method (Sheets' `values:batchGetByDataFilter`, "
         "My Business's `locations:batchGetReviews`)",
         spec({"/v4/spreadsheets/{id}/values:batchGetByDataFilter": "post", "/v4/spreadsheets/{id}/values:batchGet":
               "get", "/v4/accounts/{account}/locations:batchGetReviews": "post"}), [], profile="aip"),
    Case("negative", "a batch get whose body is a list of queries, which a query string cannot carry (Analytics "
         "Reporting's `reports:batchGet`)", spec({"/v4/reports:batchGet": {"post": {"requestBody": {"content": {
             "application/json": {"schema": {"type": "object", "properties": {"reportRequests": {
                 "type": "array", "items": {"type": "object", "properties": {"viewId": {"type": "string"},
                                                                             "metrics": {"type": "array"}}}}}}}}},
             "responses": {"200": {"description": "OK"}}}}}), [], profile="aip"),
    Case("negative", "an AWS RPC call dispatched in the key: every call of its protocol is a POST",
         spec({"/#X-Amz-Target=Glue.BatchGetJobs": "post"}), [], profile="aip"),
    Case("negative", "a batch of another verb is a custom method (`:batchWrite`)",
         spec({"/v1/documents:batchWrite": "post"}), [], profile="aip"),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
