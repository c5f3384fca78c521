"""aip132/response-object: a List returns an object holding the page (the resources and `next_page_token`), not a
bare JSON array (AIP-132, AIP-158; api-linter's 0132::response-message-name, 0158::response-plural-first-field)."""

from typing import Any

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, op, params, position_of, spec

RULE = "aip132/response-object"


def E(path: str) -> Expected:
    return Expected("GET", path, f"`GET {path}` returns a bare JSON array; a List returns an object")


def returns(schema: dict[str, Any], headers: dict[str, Any] | None = None, **media: Any) -> dict[str, Any]:
    """A 200 response with `schema` as its JSON body (and other media types' schemas, and headers)."""
    content = {"application/json": {"schema": schema}, **{m: {"schema": s} for m, s in media.items()}}
    response: dict[str, Any] = {"description": "OK", "content": content}
    if headers:
        response["headers"] = headers
    return {"200": response}


ARRAY = {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}}}}
PAGE = {"type": "object", "properties": {"books": ARRAY, "next_page_token": {"type": "string"}}}
LINK = {"Link": {"schema": {"type": "string"}}}


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [E("/v1/publishers/{publisher}/books")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "schema: {type: array")
    assert findings[0].severity.value == "warning"
    assert [f.severity.value for f in lint(fixture(RULE, "bad.yaml"), RULE, profile="aip")] == ["error"]


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


SWAGGER = {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {
    "/users": {"get": {"operationId": "list_users", "responses": {"200": {"description": "OK", "schema": {
        "type": "array", "items": {"$ref": "#/definitions/User"}}}}}}},
    "definitions": {"User": {"type": "object", "properties": {"id": {"type": "string"}}}}}

FASTAPI = spec({"/items/": {"get": op(operationId="read_items_items__get", responses={"200": {
    "description": "Successful Response", "content": {"application/json": {"schema": {
        "type": "array", "title": "Response Read Items Items  Get", "items": {"$ref": "#/components/schemas/Item"}}}}}})}},
    components={"schemas": {"Item": {"type": "object", "properties": {"name": {"type": "string"}}}}})

CASES = [
    Case("positive", "OpenAPI 2.0 List of users returning an array", SWAGGER, [E("/users")]),
    Case("positive", "FastAPI list endpoint returning list[Item]", FASTAPI, [E("/items/")]),
    Case("positive", "a $ref'd response whose schema is an array of IDs",
         spec({"/v1/offerings/{offering}/pulses": {"get": op(responses={"200": {
             "$ref": "#/components/responses/Ids"}})}},
              components={"responses": {"Ids": {"description": "IDs", "content": {"application/json": {
                  "schema": {"type": "array", "items": {"type": "string"}}}}}}}),
         [E("/v1/offerings/{offering}/pulses")]),
    Case("positive", "a Link header pages it under rest, not under aip",
         spec({"/v1/repos": {"get": op(responses=returns(ARRAY, LINK))}}), [E("/v1/repos")], profile="aip"),
    Case("negative", "a page object with next_page_token", spec({"/v1/books": {"get": op(responses=returns(PAGE))}}),
         []),
    Case("negative", "one boolean per ID asked (Spotify's /me/audiobooks/contains): a check, no List",
         spec({"/me/audiobooks/contains": {"get": op({"name": "ids", "in": "query", "required": True,
                                                      "schema": {"type": "string"}},
                                                     responses=returns({"type": "array",
                                                                        "items": {"type": "boolean"}}))}}), []),
    Case("negative", "a Link header (RFC 8288 paging, as GitHub's) under rest",
         spec({"/v1/repos": {"get": op(responses=returns(ARRAY, LINK))}}), []),
    Case("negative", "a page-count header (`X-Pages`, as EVE's ESI) under rest",
         spec({"/v1/alliances": {"get": op(responses=returns(ARRAY, {"X-Pages": {"schema": {"type": "integer"}}}))}}),
         []),
    Case("negative", "a JSON page object beside a CSV array", spec({"/v1/geofences": {"get": op(
        responses=returns(PAGE, **{"text/csv": ARRAY}))}}), []),
    Case("negative", "a Get returning one resource", spec({"/v1/books/{book}": {"get": op(
        responses=returns({"type": "object", "properties": {"name": {"type": "string"}}}))}}), []),
    Case("negative", "a Google-style colon search method returning an array is not a List",
         spec({"/v1/books:search": {"get": op(responses=returns(ARRAY))}}), []),
    Case("negative", "a POST returning an array is not a List",
         spec({"/v1/books:batchCreate": {"post": op(responses=returns(ARRAY))}}), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
