"""aip158/pagination-style: Lists page by token under `aip`, in one style per document under `rest` (AIP-158)."""

import json

import pytest

from aiplint.config import Config, RuleSettings
from aiplint.linting.engine import lint_document
from aiplint.read.document import open_document

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, op, params, position_of, query, spec

RULE = "aip158/pagination-style"


def integer(name: str) -> dict:
    return {"name": name, "in": "query", "schema": {"type": "integer"}}


def by_offset(path: str, param: str = "offset") -> Expected:
    return Expected("GET", path, f"`GET {path}` pages by position (`{param}`); AIP-158 asks Lists to page by token")


def minority(path: str, how: str, param: str, others: int, other: str) -> Expected:
    """Under `rest`, a List of the less used style; one paging by token is not told to page by position."""
    advice = ("; page it by token too" if how == "position" else ": two pagination styles in one API; AIP-158 "
              "prefers tokens, so page the others by token rather than these by position")
    return Expected("GET", path, f"`GET {path}` pages by {how} (`{param}`) while {others} Lists of this document "
                                 f"page by {other}{advice}")


OFFSET = op(integer("limit"), integer("offset"))
TOKEN = op(integer("page_size"), query("page_token"))
CURSOR = op(integer("limit"), query("cursor"))


def test_bad_fixture_under_rest_flags_the_minority():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [minority("/v1/shelves", "token", "page_token", 2, "position")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "get:")
    assert findings[0].severity.value == "warning"


def test_bad_fixture_under_aip_flags_the_offset_lists_once():
    findings = lint(fixture(RULE, "bad.yaml"), RULE, profile="aip")
    assert_findings(findings, [Expected("GET", "/v1/authors", "`GET /v1/authors` (and 1 more List) page by position "
                                        "(`offset`); AIP-158 asks Lists to page by token")])
    assert len(findings[0].related) == 1


@pytest.mark.parametrize("profile", ["rest", "aip"])
def test_good_fixture(profile):
    assert lint(fixture(RULE, "good.yaml"), RULE, profile=profile) == []


def test_an_unknown_style_is_reported_as_a_crash_of_this_rule():
    document = open_document("inline.json", text=json.dumps(spec({"/v1/books": {"get": OFFSET}})))
    linted = lint_document(document, Config(select=(RULE,), rules={RULE: RuleSettings(options={"style": "pages"})}))
    assert linted.findings == []
    assert [(c.rule, c.error) for c in linted.crashes] == [
        (RULE, "ValueError: option style must be token, offset or either, not 'pages'")]


CASES = [
    Case("negative", "a required array of `marker`s (OSIsoft's stream positions) is no page token", spec({
        "/streamsets/updates": {"get": op({"name": "marker", "in": "query", "required": True, "schema": {
            "type": "array", "items": {"type": "string"}}})}, "/streams": {"get": OFFSET},
        "/streams/{id}/values": {"get": OFFSET}}), []),
    Case("negative", "a byte range (`offset`, `count`) on a binary download is no page", spec({
        "/largedata/v4/{dataId}/data": {"get": op(integer("offset"), integer("count"), responses={"200": {
            "description": "The data", "content": {"application/octet-stream": {
                "schema": {"type": "string", "format": "binary"}}}}})}}), [], profile="aip"),
    Case("negative", "a `token` described as a pagination token, beside a `startIndex`: both styles, left out", spec({
        "/applications/{packageName}/inappproducts": {"get": op(
            {"name": "token", "in": "query", "description": "Pagination token.", "schema": {"type": "string"}},
            integer("startIndex"), integer("maxResults"))}}), [], profile="aip"),
    Case("positive", "a `token` described as paging, among offset Lists under rest", spec({
        "/v1/books": {"get": OFFSET}, "/v1/authors": {"get": OFFSET},
        "/v1/shelves": {"get": op({"name": "token", "in": "query", "schema": {"type": "string"},
                                   "description": "The page token a previous call returned"})}}),
        [minority("/v1/shelves", "token", "token", 2, "position")]),
    Case("positive", "GitHub: three cursor Lists among page-numbered ones", spec({
        "/repos": {"get": op(integer("per_page"), integer("page"))},
        "/orgs": {"get": op(integer("per_page"), integer("page"))},
        "/users": {"get": op(integer("per_page"), integer("page"))},
        "/app/hook/deliveries": {"get": op(integer("per_page"), query("cursor"))}}),
        [minority("/app/hook/deliveries", "token", "cursor", 3, "position")]),
    Case("positive", "style offset: a token List flagged", spec({"/v1/books": {"get": TOKEN}}),
         [Expected("GET", "/v1/books", "the configured style pages by offset")], options={"style": "offset"}),
    Case("positive", "OData's `$skip` under aip", spec({"/users": {"get": op(integer("$top"), integer("$skip"))}}),
         [by_offset("/users", "$skip")], profile="aip"),
    Case("negative", "Azure: a `$skip` beside the `nextLink` the response hands out", spec({
        "/subscriptions/{subscriptionId}/providers/Microsoft.ApiManagement/service": {"get": op(
            integer("$top"), integer("$skip"), responses={"200": {"description": "OK", "content": {"application/json": {
                "schema": {"properties": {"value": {"type": "array", "items": {"type": "object"}},
                                          "nextLink": {"type": "string"}}}}}}})}}), [], profile="aip"),
    Case("positive", "a List handing out a `next_page_token` among offset Lists", spec({
        "/v1/books": {"get": OFFSET}, "/v1/authors": {"get": OFFSET},
        "/v1/shelves": {"get": op(integer("limit"), responses={"200": {"description": "OK", "content": {
            "application/json": {"schema": {"properties": {"shelves": {"type": "array", "items": {"type": "object"}},
                                                           "next_page_token": {"type": "string"}}}}}}})}}),
        [minority("/v1/shelves", "token", "next_page_token", 2, "position")]),
    Case("negative", "a tie under rest: no majority to follow", spec({
        "/v1/books": {"get": OFFSET}, "/v1/shelves": {"get": CURSOR}}), []),
    Case("negative", "a string `offset` may be a cursor (Airtable's), or a string `startAt` a number (Jira's)", spec({
        "/v0/records": {"get": op(query("offset"))}, "/rest/api/3/screens": {"get": op(query("startAt"))}}), [],
        profile="aip"),
    Case("negative", "an ambiguous `after` beside an offset states no style", spec({
        "/v1/events": {"get": op(integer("offset"), query("after"))}}), [], profile="aip"),
    Case("negative", "a List taking both a token and a skip (AIP-158's skip)", spec({
        "/v1/books": {"get": op(integer("skip"), query("page_token"))}}), [], profile="aip"),
    Case("negative", "an offset on a Get is no List's", spec({
        "/v1/books/{book_id}": {"get": op(integer("offset"))}}), [], profile="aip"),
    Case("negative", "a string `page` is no page number", spec({
        "/v1/books": {"get": op(query("page"))}, "/v1/shelves": {"get": TOKEN}}), [], profile="aip"),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
