"""The peers' cases for the standard and custom methods (AIP-127, 131-136, 156, 158), as aiplint cases (issue 19).

Sources (commits in `peers._case.PEERS`): aep-dev/aep-openapi-linter test/0131, 0132, 0133, 0134, 0135, 0136 and
0158; IBM/openapi-validator's delete-body; mongodb/openapi's tools/spectral/ipa/__tests__/IPA104GetMethodHasNoRequestBody.test.js
(d0d8897461b23b4b7c709233ae6f3ee609a36cd2) and IPA104GetMethodReturnsSingleResource.test.js
(f1d79880ade1b44757a8227cd040f5435eab76c7).  AEP's tests name
their paths `/test1`, `/test1/{id}`; the rebuilt documents give them a collection's name (`/books`, `/books/{book}`)
so that aiplint's resource model reads each operation as the peer's rule does (a Get, a List, a Create...), and a
complete operation (a response) where the peer's test leaves it out.  Judged against AIP-127, 131-136, 156, 158
(aip-dev/google.aip.dev).

Where AEP departs from AIP (AEP-133's required `id`, AEP-134's merge-patch media type, AEP-135's 204, its
`x-aep-resource` annotation), the case records the disagreement and aiplint follows the AIP text.
"""

from __future__ import annotations

from typing import Any

import pytest
from rules._kit import op, path_param, query, spec

from peers._case import PeerCase, as_params, at, check

NO_BODY = ("aip127/no-body-get-delete",)
GET_ONE = ("aip131/response-one",)
GET_QUERY = ("aip131/no-required-query",)
LIST_PAGE = ("aip132/response-object",)
CREATE = ("aip133/post-to-collection",)
CREATE_BODY = ("aip133/request-body-resource",)
UPDATE = ("aip134/http-method",)
UPDATE_BODY = ("aip134/request-body-resource",)
DELETE_EMPTY = ("aip135/response-empty",)
PAGE_REQUEST = ("aip158/request-fields",)
PAGE_RESPONSE = ("aip158/response-fields",)
NAMED_ONE = ("aip131/response-one flags an array only when the operationId or summary names one resource (`getBook`), "
             "its guard against paths whose variable filters; the test's Get has neither: it needs another sign that "
             "the path names one resource")
AEP_RESOURCE = ("`x-aep-resource` is AEP's own annotation; AIP-131/133 ask for the resource, and an object schema "
                "is one")


def json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def returns(schema: dict[str, Any], status: str = "200") -> dict[str, Any]:
    return {status: {"description": "OK", **json(schema)}}


STRING = {"type": "string"}
BOOK = {"type": "object", "properties": {"name": STRING, "title": STRING}}
PAGE = {"type": "object", "properties": {"books": {"type": "array", "items": BOOK}, "next_page_token": STRING}}


def bodies(key: str, *methods: str) -> dict[str, Any]:
    """Each method of `key` takes a JSON string body: AEP's "other methods are not checked" half."""
    return {key: {method: op(request=json(STRING)) for method in methods}}


def list_op(*params: dict[str, Any], page: dict[str, Any] = PAGE) -> dict[str, Any]:
    return op(*params, responses=returns(page))


BODY = [
    PeerCase("aep 0131/request-body: should find errors", spec({"/books/{book}": {"get": op(request=json(STRING))}}),
             NO_BODY, [("aip127/no-body-get-delete", at("/books/{book}", "get", "requestBody"))]),
    PeerCase("aep 0131/request-body: should find no errors",
             spec({"/books/{book}": "get", **bodies("/shelves/{shelf}", "post", "put", "patch")}), NO_BODY, []),
    PeerCase("aep 0132/http-body: should find errors", spec({"/books": {"get": op(request=json(STRING))}}),
             NO_BODY, [("aip127/no-body-get-delete", at("/books", "get", "requestBody"))]),
    PeerCase("aep 0132/http-body: should find no errors",
             spec({"/books": "get", **bodies("/shelves", "post", "put", "patch")}), NO_BODY, []),
    PeerCase("aep 0135/http-body: should find errors",
             spec({"/books/{book}": {"delete": op(request=json(STRING))}}), NO_BODY,
             [("aip127/no-body-get-delete", at("/books/{book}", "delete", "requestBody"))]),
    PeerCase("aep 0135/http-body: should find no errors",
             spec({"/books/{book}": "delete", **bodies("/shelves/{shelf}", "post", "put", "patch")}), NO_BODY, []),
    PeerCase("aep 0136/http-body: should find errors",
             spec({"/books/{book}:check": {"get": op(request=json(STRING))}}), NO_BODY,
             [("aip127/no-body-get-delete", at("/books/{book}:check", "get", "requestBody"))]),
    PeerCase("aep 0136/http-body: should find no errors",
             spec({"/books/{book}:check": "get", **bodies("/shelves/{shelf}:sort", "post", "put", "patch")}),
             NO_BODY, []),
]


VENDOR_JSON = "application/vnd.atlas.2024-08-05+json"  # MongoDB's versioned media type


def vendor(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {VENDOR_JSON: {"schema": schema}}}


BODY += [
    PeerCase("mongodb IPA104GetMethodHasNoRequestBody: valid GET without body",
             spec({"/resource/{id}": "get", "/resource/{id}/singleton": "get"}), NO_BODY, []),
    PeerCase("mongodb IPA104GetMethodHasNoRequestBody: invalid GET with body",
             spec({"/resource/{id}": {"get": op(request=vendor({"type": "object"}))},
                   "/resource/{id}/singleton": {"get": op(request=vendor({"type": "object"}))}}), NO_BODY,
             [("aip127/no-body-get-delete", at(key, "get", "requestBody"))
              for key in ("/resource/{id}", "/resource/{id}/singleton")]),
]


def answering(schema_name: str) -> dict[str, Any]:
    return op(responses={"200": {"description": "OK", **vendor({"$ref": f"#/components/schemas/{schema_name}"})}})


MONGODB_SCHEMAS = {"schemas": {
    "Schema": {"type": "object", "properties": {"exampleProperty": STRING}},
    "PaginatedSchema": {"type": "object", "properties": {
        "totalCount": {"type": "integer"}, "results": {"type": "array", "items": {"$ref": "#/components/schemas/Schema"}}}},
    "ArraySchema": {"type": "array"}}}
BODY += [
    PeerCase("ibm delete-body: clean spec", spec({"/v1/drinks/{drink_id}": "get delete"}), NO_BODY, []),
    PeerCase("ibm delete-body: delete operation with a requestBody",
             spec({"/v1/drinks/{drink_id}": {"get": op(), "delete": op(request=json(BOOK))}}), NO_BODY,
             [("aip127/no-body-get-delete", at("/v1/drinks/{drink_id}", "delete", "requestBody"))]),
]


GET = [
    PeerCase("mongodb IPA104GetMethodReturnsSingleResource: valid resources",
             spec({"/resource": {"get": answering("PaginatedSchema")}, "/resource/{id}": {"get": answering("Schema")},
                   "/resource/{id}:getAllThings": {"get": answering("ArraySchema")},
                   "/resource/{id}/singleton": {"get": answering("Schema")}}, components=MONGODB_SCHEMAS),
             GET_ONE, []),
    PeerCase("mongodb IPA104GetMethodReturnsSingleResource: invalid resources (arrays)",
             spec({"/arrayResource/{id}": {"get": answering("ArraySchema")},
                   "/resource/{id}/arraySingleton": {"get": answering("ArraySchema")}}, components=MONGODB_SCHEMAS),
             GET_ONE, [("aip131/response-one", None)], xfail=NAMED_ONE),
    PeerCase("mongodb IPA104GetMethodReturnsSingleResource: invalid resources (a page)",
             spec({"/paginatedResource/{id}": {"get": answering("PaginatedSchema")}}, components=MONGODB_SCHEMAS),
             GET_ONE, [("aip131/response-one", None)],
             xfail="aip131/response-one flags an array only: it needs to know a page (an object whose one array "
                   "holds the collection's items beside a count or a token) when a Get returns one"),
    PeerCase("aep 0131/response-body: should find errors (a string)",
             spec({"/books/{book}": {"get": op(responses=returns(STRING))}}), GET_ONE,
             [("aip131/response-one", None)],
             xfail="aip131/response-one flags an array only; AIP-131 asks for the resource, and a bare string is "
                   "none: it needs to flag a scalar success schema of a Get too"),
    PeerCase("aep 0131/response-body: should find errors (an object without x-aep-resource)",
             spec({"/books/{book}": {"get": op(responses=returns({"$ref": "#/components/schemas/Book"}))}},
                  components={"schemas": {"Book": BOOK}}), GET_ONE, [], disagree=AEP_RESOURCE),
    PeerCase("aep 0131/response-body: should find no errors",
             spec({"/books/{book}": {"get": op(responses=returns(BOOK))},
                   "/shelves/{shelf}": {"get": op(responses=returns({"$ref": "#/components/schemas/Shelf"}))}},
                  components={"schemas": {"Shelf": BOOK}}), GET_ONE, []),
    *[
        PeerCase(f"aep 0131/required-params: should find errors ({where})", document, GET_QUERY,
                 [("aip131/no-required-query", None)])
        for where, document in [
            ("on the operation", spec({"/books/{book}": {"get": op(query("force", required=True))}})),
            ("on the path item", spec({"/books/{book}": {"parameters": [query("force", required=True)],
                                                         "get": op()}})),
        ]
    ],
    PeerCase("aep 0131/required-params: should find no errors",
             spec({"/books/{book}": "get", "/publishers/{publisher}/books/{book}": {"get": op(
                 path_param("publisher"), path_param("book"), query("force"))},
                   "/shelves/{shelf}": {method: op(query("q", required=True)) for method in ("patch", "post", "put")}}),
             GET_QUERY, []),
]


LIST = [
    PeerCase("aep 0158/response-array-property: should find errors (a bare string)",
             spec({"/books": {"get": list_op(page=STRING)}}), LIST_PAGE, [("aip132/response-object", None)],
             xfail="aip132/response-object flags a bare array only; AIP-132 asks for an object with the "
                   "collection's repeated field: it needs to flag a scalar success schema of a List too"),
    PeerCase("aep 0158/response-array-property: should find errors (no array property)",
             spec({"/books": {"get": list_op(page={"type": "object", "properties": {
                 "results": STRING, "next_page_token": STRING}})}}), PAGE_RESPONSE,
             [("aip158/response-fields", None)]),
    *[PeerCase(f"aep 0158/response-array-property: should find no errors ({rules[0]})",
               spec({"/books": {"get": list_op()}}), rules, []) for rules in (LIST_PAGE, PAGE_RESPONSE)],
    PeerCase("aep 0158/response-next-page-token-property: should find errors (no next_page_token)",
             spec({"/books": {"get": list_op(page={"type": "object", "properties": {"books": {"type": "array"}}})}}),
             PAGE_RESPONSE, [("aip158/response-fields", None)]),
    PeerCase("aep 0158/response-next-page-token-property: should find errors (an integer next_page_token)",
             spec({"/books": {"get": list_op(page={"type": "object", "properties": {
                 "books": {"type": "array"}, "next_page_token": {"type": "integer"}}})}}),
             PAGE_RESPONSE, [("aip158/response-fields", None)]),
    PeerCase("aep 0158/page-token-parameter: should find errors (no page_token)",
             spec({"/books": {"get": list_op()}}), PAGE_REQUEST, [("aip158/request-fields", None)]),
    PeerCase("aep 0158/page-token-parameter: should find errors (an integer page_token)",
             spec({"/books": {"get": list_op({"name": "page_token", "in": "query", "schema": {"type": "integer"}})}}),
             PAGE_REQUEST, [("aip158/request-fields", None)]),
    PeerCase("aep 0158/page-token-parameter: should find no errors",
             spec({"/books": {"get": list_op(query("page_token"))}, "/shelves": "post put patch delete"}),
             PAGE_REQUEST, []),
    PeerCase("aep 0158/page-token-parameter: a singleton's Get",
             spec({"/settings": {"get": op(responses=returns(BOOK))}}), PAGE_REQUEST + PAGE_RESPONSE, []),
    PeerCase("aep 0158/skip-parameter: should find errors (a string skip)",
             spec({"/books": {"get": list_op(query("page_token"), query("skip"))}}), PAGE_REQUEST,
             [("aip158/request-fields", None)]),
    PeerCase("aep 0158/skip-parameter: should find no errors",
             spec({"/books": {"get": list_op(query("page_token"), {"name": "skip", "in": "query",
                                                                    "schema": {"type": "integer"}})}}),
             PAGE_REQUEST, []),
]


CREATE_CASES = [
    PeerCase("aep 0133/id-parameter: should find errors (no id parameter)",
             spec({"/books": {"post": op(request=json(BOOK))},
                   "/shelves": {"post": op(query("force"), request=json(BOOK))}}), CREATE, [],
             disagree="AIP-133: a Create *may* let the client choose the ID; a Create without one is fine"),
    PeerCase("aep 0133/id-parameter: should find no errors",
             spec({"/books": {"post": op(query("book_id"), request=json(BOOK))},
                   "/publishers/{publisher}/books": {"post": op(query("book_id"), request=json(BOOK))}}),
             CREATE, []),
    PeerCase("aep 0133/request-body: should find errors (no body, no content, a string)",
             spec({"/books": {"post": op()}, "/shelves": {"post": op(request={"description": "none"})},
                   "/authors": {"post": op(request=json(STRING))}}), CREATE_BODY,
             [("aip133/request-body-resource", None)]),
    PeerCase("aep 0133/request-body: should find errors (an object without x-aep-resource)",
             spec({"/books": {"post": op(request=json({"$ref": "#/components/schemas/Book"}))}},
                  components={"schemas": {"Book": BOOK}}), CREATE_BODY, [], disagree=AEP_RESOURCE),
]


UPDATE_CASES = [
    PeerCase("aep 0134/content-type: should find errors (application/json)",
             spec({"/books/{book}": {"get": op(responses=returns(BOOK)), "patch": op(request=json(BOOK))}}),
             UPDATE, [],
             disagree="AIP-134 takes the resource and a field mask in a JSON body; merge-patch's media type is "
                      "AEP-134's own requirement"),
    PeerCase("aep 0134/content-type: should find errors (no body)",
             spec({"/books/{book}": {"get": op(responses=returns(BOOK)), "patch": op()}}), UPDATE_BODY,
             [("aip134/request-body-resource", None)]),
    PeerCase("aep 0134/content-type: should find no errors",
             spec({"/books/{book}": {"get": op(responses=returns(BOOK)), "patch": op(
                 request={"content": {"application/merge-patch+json": {"schema": BOOK}}})}}), UPDATE, []),
]


DELETE = [
    PeerCase("aep 0135/response-204: should find errors (200 without content)",
             spec({"/books/{book}": {"delete": op(responses={"200": {"description": "Success"}})}}),
             DELETE_EMPTY, [],
             disagree="AIP-135 asks for an empty response (or the resource, for soft delete); a 200 without "
                      "content is empty, and Google's own HTTP mapping answers Delete with 200"),
    PeerCase("aep 0135/response-204: should find no errors",
             spec({"/books/{book}": {"delete": op(responses={"204": {"description": "Success"}})},
                   "/shelves/{shelf}": {"delete": op(responses={"202": {"description": "Accepted"}})}}),
             DELETE_EMPTY, []),
]


CASES = BODY + GET + LIST + CREATE_CASES + UPDATE_CASES + DELETE


@pytest.mark.parametrize("case", as_params(CASES))
def test_peer_case(case: PeerCase):
    check(case)
