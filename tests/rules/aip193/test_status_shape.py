"""aip193/status-shape: the document's errors are `google.rpc.Status`-like, under the `aip` profile (AIP-193)."""

from typing import Any

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, op, params, position_of, spec

RULE = "aip193/status-shape"


def error(**properties: dict[str, Any]) -> dict[str, Any]:
    return {"description": "An error", "content": {"application/json": {"schema": {
        "type": "object", "properties": properties}}}}


def failing(**responses: dict[str, Any]) -> dict[str, Any]:
    return op(responses={"200": {"description": "OK"}, **{code.lstrip("e"): r for code, r in responses.items()}})


TEXT = {"type": "string"}


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE, profile="aip")
    assert_findings(findings, [Expected("DELETE", "/v1/books/{book}", "2 error responses of this document (the 404 "
                                        "of `DELETE /v1/books/{book}` first) return `HTTPError` {detail}, which has "
                                        "no `code` and no `message`; AIP-193 answers errors with a `google.rpc.Status`")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), '"404":', after="delete:")
    assert findings[0].severity.value == "warning"


def test_off_under_rest():
    from aiplint.linting.registry import available_rules

    assert available_rules()[RULE].severity_for("rest") is None


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE, profile="aip") == []


CASES = [
    Case("positive", "GitHub's `{message, documentation_url}`: a message without a code", spec({
        "/a": {"get": failing(e404=error(message=TEXT, documentation_url=TEXT))}}),
        [Expected("GET", "/a", "returns {documentation_url, message}, which has no `code`;")], profile="aip"),
    Case("negative", "a bare Status, case aside (`Code`, `Message`)", spec({
        "/a": {"get": failing(e404=error(Code=TEXT, Message=TEXT))}}), [], profile="aip"),
    Case("negative", "a code and a message by other names (Yodlee's `errorCode`, `errorMessage`)", spec({
        "/a": {"get": failing(e400=error(errorCode=TEXT, errorMessage=TEXT, referenceCode=TEXT))}}), [],
        profile="aip"),
    Case("positive", "RFC 9457 problem details are no Status", spec({
        "/a": {"get": failing(e400=error(type=TEXT, title=TEXT, status=TEXT, detail=TEXT))}}),
        [Expected("GET", "/a", "returns {detail, status, title, type}, which has no `code` and no `message`")],
        profile="aip"),
    Case("negative", "no error schema at all (Google's discovery documents)", spec({
        "/a": {"get": failing(e404={"description": "Not found"})}}), [], profile="aip"),
    Case("negative", "two shapes tie: no common one to judge", spec({
        "/a": {"get": failing(e404=error(detail=TEXT))}, "/b": {"get": failing(e404=error(title=TEXT))}}), [],
        profile="aip"),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
