"""The peers' cases for naming, versions, singletons, ETags, errors and field names (AIP-122, 140, 142, 154, 156,
185, 193, 136 on MongoDB's side), as aiplint cases (issue 19).

Sources (commits in `peers._case.PEERS`): aep-dev/aep-openapi-linter test/0122/collection-identifier-format,
0140/boolean-property-naming, 0142/time-field-suffix, time-field-names, time-field-type, 0193/error-response-schema;
IBM/openapi-validator's major-version-in-path, etag-header-exists and precondition-headers (their shared root document's `/v1/movies`
resource rebuilt: a GET answering with an `ETag` header, a PUT taking `If-Match`); mongodb/openapi's
tools/spectral/ipa/__tests__/IPA113SingletonHasNoDeleteMethod.test.js (d0d8897461b23b4b7c709233ae6f3ee609a36cd2),
IPA113SingletonHasNoId.test.js (089e3b7d4683fc6bf578dd2c2bb356ab2176dfa4),
IPA106CreateMethodRequestHasNoReadonlyFields.test.js (236f358704377eea857085593588f31dd8e45350) and
IPA109EachCustomMethodMustBeGetOrPost.test.js (e708adbea16f8da975efd38df50f7c8837341a28).  Schemas AEP's tests
leave under `components` are the Get's response here, where a rule reading the API's resources sees them.  Judged
against AIP-122, 136, 140, 142, 154, 156, 185, 193, 203, OpenAPI 3.1.1 and RFC 9457 (problem details, the `rest` profile's errors).

Most of these concepts are rules other work is adding; their cases name the rule id they are expected to take and
are skipped until it exists.
"""

from __future__ import annotations

from typing import Any

import pytest
from rules._kit import op, path_param, spec

from peers._case import PeerCase, as_params, at, check, verbatim

IDENTIFIER = ("aip122/collection-identifier-format",)
SINGLE_VERSION = ("aip185/single-version",)
MAJOR_VERSION = ("aip185/major-version",)
ETAG = ("aip154/etag-returned",)
PRECONDITION = ("aip154/precondition-failed",)
ERRORS = ("aip193/one-error-schema",)
TIME_NAME = ("aip142/time-suffix",)
TIME_TYPE = ("aip142/time-format",)
BOOLEAN = ("aip140/boolean-names",)
SINGLETON = ("aip156/no-delete",)
SINGLETON_ID = ("aip156/no-id",)
READ_ONLY = ("aip203/output-only",)
CUSTOM = ("aip136/http-method",)

STRING = {"type": "string"}
DATE_TIME = {"type": "string", "format": "date-time"}


def resource(**properties: dict[str, Any]) -> dict[str, Any]:
    """A Get of /books/{book} answering with an object of these properties."""
    schema = {"type": "object", "properties": properties}
    return spec({"/books/{book}": {"get": op(responses={"200": {"description": "a book", "content": {
        "application/json": {"schema": schema}}}})}})


NAMES = [
    PeerCase("aep 0122/collection-identifier-format: not starting with a lowercase letter",
             spec({"/1books/{book}": "get", "/-books/{book}": "get"}), IDENTIFIER,
             [("aip122/collection-identifier-format", None)]),
    PeerCase("aep 0122/collection-identifier-format: an uppercase first letter", spec({"/Books/{book}": "get"}),
             IDENTIFIER, [("aip122/collection-identifier-format", None)]),
    PeerCase("aep 0122/collection-identifier-format: kebab-case", spec({"/electronic-books/{book}": "get",
                                                                        "/api-keys/{key}": "get"}),
             IDENTIFIER, [("aip122/collection-identifier-format", None)],
             disagree="AIP-122: collection identifiers match `[a-z][a-zA-Z0-9]*`, so a hyphen is out; AEP-122 "
                      "writes them in kebab-case"),
    PeerCase("aep 0122/collection-identifier-format: valid format",
             spec({"/books/{book}": "get", "/users/{user}/books2/{book}": "get"}), IDENTIFIER, []),
]


VERSIONS = [
    PeerCase("ibm major-version-in-path: should not error with a clean spec",
             spec({"/v1/drinks": "get post", "/v1/movies/{movie_id}": "get put"}), SINGLE_VERSION + MAJOR_VERSION,
             []),
    PeerCase("ibm major-version-in-path: should not error when there are no paths",
             verbatim({}, servers=[{"url": "https://api.example.com/v1"}]), SINGLE_VERSION + MAJOR_VERSION, []),
    PeerCase("ibm major-version-in-path: should error when paths start with different versions",
             spec({"/v1/drinks": "get", "/v2/some_path": "get"}), SINGLE_VERSION,
             [("aip185/single-version", None)]),
    PeerCase("ibm major-version-in-path: should error when servers have urls with different versions",
             spec({"/drinks": "get"}, servers=[{"url": "https://api.example.com/v1"},
                                               {"url": "https://api.example.com/v2"}]), SINGLE_VERSION,
             [("aip185/single-version", None)],
             xfail="aip185/single-version reads the paths' versions: it needs the servers' URLs too, where a "
                   "document without versioned paths carries its version"),
    PeerCase("ibm major-version-in-path: should error when no version is indicated anywhere",
             spec({"/drinks": "get", "/movies/{movie_id}": "get"}), MAJOR_VERSION, [],
             disagree="aiplint asks for a version only where one is written (`required = false` by default): an "
                      "API versioned by media type or header has none in its URIs, and AIP-185's rule for the "
                      "path assumes Google's URI layout; `required = true` turns IBM's check on"),
]


def movie(get_headers: dict[str, Any] | None, *, if_match: bool = True, get: bool = True) -> dict[str, Any]:
    """IBM's /v1/movies/{movie_id}: a PUT taking `If-Match` (or no header), a GET answering 200 with these headers."""
    item: dict[str, Any] = {"put": op(*([{"name": "If-Match", "in": "header", "schema": STRING}] if if_match else []),
                                      path_param("movie_id"))}
    if get:
        answer: dict[str, Any] = {"description": "a movie"}
        if get_headers is not None:
            answer["headers"] = get_headers
        item["get"] = op(path_param("movie_id"), responses={"200": answer})
    return spec({"/v1/movies/{movie_id}": item})


ETAG_HEADER = {"ETag": {"schema": STRING}}
ETAGS = [
    PeerCase("ibm etag-header-exists: clean spec", movie(ETAG_HEADER), ETAG, []),
    PeerCase("ibm etag-header-exists: no need for ETag", movie(None, if_match=False), ETAG, []),
    PeerCase("ibm etag-header-exists: no GET operation", movie(None, get=False), ETAG,
             [("aip154/etag-returned", None)]),
    PeerCase("ibm etag-header-exists: no response headers", movie(None), ETAG, [("aip154/etag-returned", None)]),
    PeerCase("ibm etag-header-exists: no ETag response header", movie({"NOT-ETAG": {"schema": STRING}}), ETAG,
             [("aip154/etag-returned", None)]),
]


def precondition(put_412: bool, get_412: bool) -> dict[str, Any]:
    """IBM's /v1/movies/{movie_id} (a PUT taking `If-Match`), with 412 documented on the PUT or the GET."""
    document = movie(ETAG_HEADER)
    item = document["paths"]["/v1/movies/{movie_id}"]
    for method, documented in (("put", put_412), ("get", get_412)):
        if documented:
            item[method]["responses"]["412"] = {"description": "precondition failed"}
    return document


ETAGS += [
    PeerCase("ibm precondition-headers: 412 with a conditional header parameter", precondition(True, False),
             PRECONDITION, []),
    PeerCase("ibm precondition-headers: 412 without a conditional header parameter", precondition(False, True),
             PRECONDITION, [("aip154/precondition-failed", None)]),
]


def failing(problem: dict[str, Any]) -> dict[str, Any]:
    """A Get of /books/{book} whose 404 answers with a JSON object of these properties."""
    return spec({"/books/{book}": {"get": op(responses={
        "200": {"description": "a book"},
        "404": {"description": "no such book", "content": {"application/json": {"schema": {
            "type": "object", "properties": problem}}}}})}})


URI_REFERENCE = {"type": "string", "format": "uri-reference"}
PROBLEM = {"status": {"type": "integer"}, "type": URI_REFERENCE, "detail": STRING, "instance": URI_REFERENCE,
           "title": STRING}
OPTIONAL_MEMBERS = "RFC 9457 makes every problem-details member optional, `type` defaulting to `about:blank`"
ERROR_CASES = [
    PeerCase("aep 0193/error-response-schema: error response does not have a type property",
             failing({"status": {"type": "integer"}}), ERRORS, [], disagree=OPTIONAL_MEMBERS),
    PeerCase("aep 0193/error-response-schema: detail is not a string",
             failing({**PROBLEM, "detail": {"type": "integer"}}), ERRORS, [],
             disagree="AEP-193 asks for RFC 9457 problem details; AIP-193 answers with google.rpc.Status, and which "
                      "member types a problem document has is not its to check (one error shape is)"),
    PeerCase("aep 0193/error-response-schema: type without format uri-reference",
             failing({"type": STRING}), ERRORS, [],
             disagree=OPTIONAL_MEMBERS + "; a string schema for `type` does not forbid a URI reference"),
    PeerCase("aep 0193/error-response-schema: should find no warnings", failing(PROBLEM), ERRORS, []),
]


FIELDS = [
    *[PeerCase(f"aep 0142/time-field-suffix: flags {name}", resource(**{name: DATE_TIME}), TIME_NAME,
               [("aip142/time-suffix", None)], profile="aip")
      for name in ("published", "expiration", "scheduled_at", "timestamp", "publish_date")],
    PeerCase("aep 0142/time-field-suffix: accepts fields with _time suffix",
             resource(create_time=DATE_TIME, update_time=DATE_TIME, publish_time=DATE_TIME, delete_time=DATE_TIME),
             TIME_NAME, [], profile="aip"),
    PeerCase("aep 0142/time-field-suffix: non-timestamp fields",
             resource(published={"type": "boolean"}, expiration=STRING, timestamp={"type": "integer"}),
             TIME_NAME, [], profile="aip"),
    *[PeerCase(f"aep 0142/time-field-names: flags {name}", resource(**{name: DATE_TIME}), TIME_NAME,
               [("aip142/time-suffix", None)], profile="aip")
      for name in ("created", "modified", "last_modified", "time_created")],
    *[PeerCase(f"aep 0142/time-field-type: {name} {schema}", resource(**{name: schema}), TIME_TYPE,
               [("aip142/time-format", None)], profile="aip",
               xfail="aip142/time-format flags a `*_time` string only with an RFC 3339 example or description, and "
                     "no integer, array or duration: it needs AIP-142's own names (`create_time`) to be evidence "
                     "enough, and a rule for epoch integers and durations")
      for name, schema in [("create_time", STRING), ("update_time", {"type": "integer", "format": "int64"}),
                           ("sample_times", {"type": "array", "items": {"type": "integer"}}),
                           ("birth_date", {"type": "integer"}), ("ttl_seconds", STRING)]],
    PeerCase("aep 0142/time-field-type: correct timestamp formats",
             resource(create_time=DATE_TIME, more_times={"type": "array", "items": DATE_TIME},
                      birth_date={"type": "string", "format": "date"}, ttl_seconds={"type": "integer"}),
             TIME_TYPE, [], profile="aip"),
    PeerCase("aep 0142/time-field-type: non-time fields", resource(name=STRING, runtime=STRING), TIME_TYPE, [],
             profile="aip"),
    PeerCase("aep 0140/boolean-property-naming: should find warning", resource(is_boolean={"type": "boolean"}),
             BOOLEAN, [("aip140/boolean-names", None)], profile="aip"),
    PeerCase("aep 0140/boolean-property-naming: should find no warnings", resource(boolean={"type": "boolean"}),
             BOOLEAN, [], profile="aip"),
]


SINGLETONS = [
    PeerCase("mongodb IPA113SingletonHasNoDeleteMethod: valid resources",
             spec({"/resource": "post get", "/resource/{exampleId}": "get patch delete",
                   "/resource/{exampleId}/singleton": "get patch"}), SINGLETON, [], profile="aip"),
    PeerCase("mongodb IPA113SingletonHasNoDeleteMethod: invalid resource",
             spec({"/resource/{exampleId}/singleton": "get delete"}), SINGLETON,
             [("aip156/no-delete", at("/resource/{exampleId}/singleton", "delete"))], profile="aip"),
]


def singletons(**schemas: dict[str, Any]) -> dict[str, Any]:
    """Each `/resource/{exampleId}/<key>` is a singleton whose Get answers with an object of these properties;
    `/resource` is a collection beside them."""
    paths: dict[str, Any] = {"/resource": "get post", "/resource/{exampleId}": "get patch delete"}
    for key, properties in schemas.items():
        paths[f"/resource/{{exampleId}}/{key}"] = {"get": op(responses={"200": {"description": "the singleton",
            "content": {"application/json": {"schema": {"type": "object", "properties": properties}}}}})}
    return spec(paths)


ANY: dict[str, Any] = {}
SINGLETONS += [
    PeerCase("mongodb IPA113SingletonHasNoId: valid resources",
             singletons(singletonOne={"someProperty": ANY}, singletonTwo={"someId": ANY, "someProperty": ANY}),
             SINGLETON_ID, []),
    *[PeerCase(f"mongodb IPA113SingletonHasNoId: invalid resources ({field})",
               singletons(singletonOne={field: ANY, "someProperty": ANY}), SINGLETON_ID, [("aip156/no-id", None)])
      for field in ("id", "_id")],
]


def creating(schema: dict[str, Any]) -> dict[str, Any]:
    """MongoDB's Create of /resource (a Get on /resource/{id} beside it) taking a JSON body of this schema."""
    return spec({"/resource": {"post": op(request={"content": {"application/json": {"schema": schema}}})},
                 "/resource/{id}": "get"})


NO_READ_ONLY_IN_REQUEST = ("OpenAPI 3: a `readOnly` property SHOULD NOT be sent in a request, so one schema serves the "
                           "request and the response; AIP-203: output-only fields in a request are ignored")
FIELD_BEHAVIOUR = [
    PeerCase("mongodb IPA106CreateMethodRequestHasNoReadonlyFields: direct readOnly field",
             creating({"type": "object", "properties": {"id": {"type": "string", "readOnly": True}, "name": STRING}}),
             READ_ONLY, [], disagree=NO_READ_ONLY_IN_REQUEST),
    PeerCase("mongodb IPA106CreateMethodRequestHasNoReadonlyFields: nested readOnly field",
             creating({"type": "object", "properties": {"user": {"type": "object", "properties": {
                 "userId": {"type": "string", "readOnly": True}, "username": STRING}}}}),
             READ_ONLY, [], disagree=NO_READ_ONLY_IN_REQUEST),
]


CUSTOM_METHODS = [
    PeerCase("mongodb IPA109EachCustomMethodMustBeGetOrPost: valid methods",
             spec({"/a/{exampleId}:method": "post", "/a:method": "post", "/b/{exampleId}:method": "get",
                   "/b:method": "get"}), CUSTOM, [], profile="aip"),
    PeerCase("mongodb IPA109EachCustomMethodMustBeGetOrPost: invalid methods (PUT)",
             spec({"/a/{exampleId}:method": "put", "/a:method": "put", "/b/{exampleId}:method": "get put",
                   "/c:method": "post get put"}), CUSTOM,
             [("aip136/http-method", at(key, "put"))
              for key in ("/a/{exampleId}:method", "/a:method", "/b/{exampleId}:method", "/c:method")],
             profile="aip"),
    PeerCase("mongodb IPA109EachCustomMethodMustBeGetOrPost: invalid methods (GET and POST on one verb)",
             spec({"/d/{exampleId}:method": "post get", "/d:method": "post get"}), CUSTOM, [], profile="aip",
             disagree="AIP-136 asks each custom method for POST, or GET when it only reads; a read and a write "
                      "under one verb are two methods that each follow it"),
]


CASES = NAMES + VERSIONS + ETAGS + ERROR_CASES + FIELDS + SINGLETONS + FIELD_BEHAVIOUR + CUSTOM_METHODS


@pytest.mark.parametrize("case", as_params(CASES))
def test_peer_case(case: PeerCase):
    check(case)
