"""The peers' cases for OpenAPI correctness, as aiplint cases (issue 19): operationId unique, a success response,
security schemes defined, unused components, examples valid against their schemas, `$ref` that resolve.

Sources (commits in `peers._case.PEERS`): stoplightio/spectral's operation-operationId-unique,
operation-success-response, oas3-operation-security-defined, oas3-unused-component tests; Redocly/redocly-cli's
operation-2xx-response, operation-operationId-unique, security-defined, no-unused-components,
no-invalid-media-type-examples and no-unresolved-refs tests.  Judged against OpenAPI 2.0, 3.0.3, 3.1.1 and 3.2.0
(OAI/OpenAPI-Specification, versions/) and JSON Schema 2020-12.

Left out: cases that need a second file or a network fetch (Spectral's remote and filesystem `$ref`, Redocly's
cross-file `$ref`), per-rule options with no aiplint counterpart (Redocly's `exceptions`, `validateWebhooks`,
`allowAdditionalProperties: false`), and OAuth scope lists (aiplint does not check scopes).
"""

from __future__ import annotations

from typing import Any

import pytest
from rules._kit import op, spec

from peers._case import PeerCase, as_params, at, check, swagger, verbatim

OPERATION_ID = ("oas/operation-id-unique",)
SUCCESS = ("oas/success-response",)
SECURITY = ("oas/security-defined",)
UNUSED = ("oas/unused-components",)
EXAMPLES = ("oas/valid-examples",)
REF = ("oas/ref",)
REF_SIBLINGS = ("oas/ref-siblings",)

NUMBERS = {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "number"}}}
LIBRARY = ("a document with no operations is a library of components for other documents (OpenAPI 3.1 lets one "
           "hold only components), so nothing in it can tell that a component is unused")
API_KEY = {"type": "apiKey", "name": "x-api-key", "in": "header"}


def with_id(operation_id: str) -> dict[str, Any]:
    return op(operationId=operation_id)


def answering(*statuses: str) -> dict[str, Any]:
    return op(responses={status: {"description": "an answer"} for status in statuses})


def secured(*requirements: dict[str, list[str]]) -> dict[str, Any]:
    return op(security=list(requirements))


def media(schema: dict[str, Any] | None = None, **examples: Any) -> dict[str, Any]:
    """A GET /pet whose 200 JSON content has the schema and example keys given (`example=`, `examples=`)."""
    content: dict[str, Any] = dict(examples)
    if schema is not None:
        content["schema"] = schema
    return spec({"/pet": {"get": op(responses={"200": {"description": "a pet",
                                                        "content": {"application/json": content}}})}})


CONTENT_AT = at("/pet", "get", "responses", "200", "content", "application~1json")

OPERATION_IDS = [
    PeerCase("spectral operation-operationId-unique: validate a correct object",
             swagger({"/path1": {"get": with_id("id1")}, "/path2": {"get": with_id("id2")}}), OPERATION_ID, []),
    PeerCase("spectral operation-operationId-unique: different path operations same id",
             swagger({"/path1": {"get": with_id("id1")}, "/path2": {"get": with_id("id1")}}), OPERATION_ID,
             [("oas/operation-id-unique", None)]),
    PeerCase("spectral operation-operationId-unique: same path operations same id",
             swagger({"/path1": {"get": with_id("id1"), "post": with_id("id1")}}), OPERATION_ID,
             [("oas/operation-id-unique", None)]),
]


SUCCESS_RESPONSES = [
    *[PeerCase(f"spectral operation-success-response: {status} response is set",
               swagger({"/path": {"get": answering(status)}}), SUCCESS, []) for status in ("200", "301", "204")],
    *[PeerCase(f"spectral operation-success-response: HTTP verb {method} is missing a success response",
               swagger({"/path": {method: answering("418")}}), SUCCESS, [("oas/success-response", None)])
      for method in ("put", "post", "delete", "options", "head", "patch")],
    PeerCase("spectral operation-success-response: missing success response",
             swagger({"/path": {"get": answering("400")}}), SUCCESS, [("oas/success-response", None)]),
    PeerCase("spectral operation-success-response: PathItem level which is not a HTTP method",
             swagger({"/path": {"x-summary": "no operation"}}), SUCCESS, []),
    PeerCase("spectral operation-success-response: oas2 document has 2XX and 3XX responses set",
             swagger({"/path": {"get": answering("3XX"), "post": answering("2XX")}}), SUCCESS,
             [("oas/success-response", None)],
             xfail="OpenAPI 2.0 has no status code ranges (they came with 3.0), so `2XX` in a 2.0 document is "
                   "no success response: oas/success-response needs to read ranges by the document's version"),
    *[PeerCase(f"spectral operation-success-response: oas {version} document has 2XX and 3XX responses set",
               spec({"/path": {"get": answering("3XX"), "post": answering("2XX")}}, openapi=version), SUCCESS, [])
      for version in ("3.0.3", "3.1.0")],
    PeerCase("redocly operation-2xx-response: should report missing 2xx response",
             spec({"/test": {"put": answering("400")}}, openapi="3.0.0"), SUCCESS, [("oas/success-response", None)]),
    PeerCase("redocly operation-2xx-response: should not report for present 2xx response",
             spec({"/test/": {"put": answering("200")}}, openapi="3.0.0"), SUCCESS, []),
    PeerCase("redocly operation-2xx-response: should not report for present default",
             spec({"/test/": {"put": answering("default")}}, openapi="3.0.0"), SUCCESS, []),
    PeerCase("redocly operation-2xx-response: should report missing 2xx response in webhooks",
             {**spec({}), "webhooks": {"/test/": {"put": answering("400")}}}, SUCCESS,
             [("oas/success-response", None)],
             xfail="oas/success-response reads the operations of `paths` only: it needs webhooks' operations too "
                   "(OpenAPI 3.1: a webhook is a Path Item whose operations the API calls)"),
]


SECURITY_CASES = [
    PeerCase("spectral oas3-operation-security-defined: valid case",
             spec({"/path": {"get": secured({"apikey": []})}}, openapi="3.0.2",
                  components={"securitySchemes": {"apikey": API_KEY}}, security=[{"apikey": []}]), SECURITY, []),
    PeerCase("spectral oas3-operation-security-defined: valid and invalid object",
             spec({"/users": {"get": secured({"bearer": [], "apikey": []})}}, openapi="3.0.2",
                  components={"securitySchemes": {"apikey": API_KEY}},
                  security=[{"apikey": [], "basic": []}, {}]), SECURITY,
             [("oas/security-defined", "/security/0/basic"),
              ("oas/security-defined", at("/users", "get", "security", 0, "bearer"))]),
    PeerCase("spectral oas3-operation-security-defined: missing securitySchemes",
             spec({"/path": {"get": secured({"apikey": [], "basic": []}, {})}}), SECURITY,
             [("oas/security-defined", at("/path", "get", "security", 0, "apikey")),
              ("oas/security-defined", at("/path", "get", "security", 0, "basic"))]),
    PeerCase("spectral oas2-operation-security-defined: valid case",
             swagger({"/path": {"get": secured({"apikey": []})}}, securityDefinitions={"apikey": API_KEY},
                     security=[{"apikey": []}]), SECURITY, []),
    PeerCase("spectral oas2-operation-security-defined: missing securityDefinitions",
             swagger({"/path": {"get": secured({"apikey": [], "basic": []}, {})}}), SECURITY,
             [("oas/security-defined", at("/path", "get", "security", 0, "apikey")),
              ("oas/security-defined", at("/path", "get", "security", 0, "basic"))]),
    PeerCase("spectral oas2-operation-security-defined: valid and invalid object",
             swagger({"/users": {"get": secured({"bearer": [], "apikey": []})}}, securityDefinitions={"apikey": API_KEY},
                     security=[{"apikey": [], "basic": []}, {}]), SECURITY,
             [("oas/security-defined", "/security/0/basic"),
              ("oas/security-defined", at("/users", "get", "security", 0, "bearer"))]),
    PeerCase("redocly security-defined: scheme not defined in components",
             spec({"/pets": {"get": secured({"some": []})}}, openapi="3.0.0"), SECURITY,
             [("oas/security-defined", at("/pets", "get", "security", 0, "some"))]),
    PeerCase("redocly security-defined: an empty security array", spec({}, openapi="3.0.0", security=[]),
             SECURITY, []),
    PeerCase("redocly security-defined: an anonymous alternative",
             spec({"/api/v1/x/tweets/search": {"get": secured({"apiKey": []}, {"oauthBearer": []}, {})}},
                  components={"securitySchemes": {"apiKey": API_KEY,
                                                  "oauthBearer": {"type": "http", "scheme": "bearer"}}}),
             SECURITY, []),
    PeerCase("redocly security-defined: should report if security not defined at all",
             spec({"/pets": "get"}, openapi="3.0.0"), SECURITY, [],
             disagree="OpenAPI makes `security` optional: an operation without one is public, not wrongly written"),
    PeerCase("redocly security-defined: scheme defined in components",
             spec({"/pets": {"get": secured({"some": []})}}, openapi="3.0.0",
                  components={"securitySchemes": {"some": {"type": "http", "scheme": "basic"}}}), SECURITY, []),
]


UNUSED_CASES = [
    PeerCase("spectral oas3-unused-component: empty object", verbatim({}, openapi="3.0.0"), UNUSED, []),
    PeerCase("spectral oas3-unused-component: meeting an invalid json pointer",
             verbatim({}, openapi="3.0.0", components={"schemas": {"NotHooked": {"type": "object"}}},
                      **{"x-hook": {"$ref": "'$#@!!!' What?"}}),
             UNUSED, [], disagree=LIBRARY),
    PeerCase("spectral oas3-unused-component: orphaned components",
             spec({"/path": "get"}, openapi="3.0.0", components={
                 "schemas": {"SomeSchema": {"type": "object"}},
                 "parameters": {"SomeParameter": {"name": "p", "in": "query", "schema": {"type": "string"}}},
                 "requestBodies": {"SomeBody": {"content": {}}},
                 "examples": {"SomeExample": {"value": 1}},
                 "headers": {"SomeHeader": {"schema": {"type": "string"}}},
                 "responses": {"SomeResponse": {"description": "r"}}}),
             UNUSED, [("oas/unused-components", f"/components/{kind}/{name}") for kind, name in [
                 ("schemas", "SomeSchema"), ("parameters", "SomeParameter"), ("requestBodies", "SomeBody"),
                 ("examples", "SomeExample"), ("headers", "SomeHeader"), ("responses", "SomeResponse")]]),
    PeerCase("spectral oas3-unused-component: components referenced from extensions",
             spec({"/path": {"post": op({"$ref": "#/components/parameters/HookedAsWell"})}}, openapi="3.0.0",
                  **{"x-hook": {"$ref": "#/components/schemas/Hooked"}},
                  components={"schemas": {"Hooked": {"type": "object"}, "Unhooked": {"type": "object"}},
                              "parameters": {"HookedAsWell": {"name": "value", "in": "query",
                                                              "schema": {"type": "number"}}}}),
             UNUSED, [("oas/unused-components", "/components/schemas/Unhooked")]),
    PeerCase("spectral oas3-unused-component: percent-encoded refs",
             spec({"/path": {"get": op({"$ref": "#/components/parameters/%24top"}, responses={
                 "200": {"description": "Success", "content": {"application/json": {
                     "schema": {"$ref": "#/components/schemas/$resource"}}}},
                 "default": {"$ref": "#/components/responses/%24default"}})}}, openapi="3.0.0",
                  components={"parameters": {"$top": {"name": "$top", "in": "query", "schema": {"type": "integer"}}},
                              "responses": {"$default": {"description": "Ruh Roh"}},
                              "schemas": {"$resource": {"type": "string"}}}), UNUSED, []),
    PeerCase("spectral oas2-unused-definition: orphaned components",
             swagger({"/path": {"post": op()}}, definitions={"BouhouhouIamUnused": {"type": "object"}}), UNUSED,
             [("oas/unused-components", "/definitions/BouhouhouIamUnused")]),
    PeerCase("spectral oas2-unused-definition: all components are referenced",
             swagger({"/path": {"post": op({"$ref": "#/parameters/HookedAsWell"})}},
                     **{"x-hook": {"$ref": "#/definitions/Hooked"}}, definitions={"Hooked": {"type": "object"}},
                     parameters={"HookedAsWell": {"name": "value", "in": "query", "type": "number"}}), UNUSED, []),
    PeerCase("spectral oas2-unused-definition: percent-encoded refs",
             swagger({"/path": {"post": op({"name": "$body", "in": "body", "schema": {"$ref": "#/definitions/%24body"}})}},
                     definitions={"$body": {"type": "string"}}), UNUSED, []),
    PeerCase("redocly no-unused-components: should report unused securitySchemes",
             verbatim({}, components={"securitySchemes": {"unused": API_KEY}}), UNUSED, [], disagree=LIBRARY),
    PeerCase("redocly no-unused-components: should report correct location for referenced securitySchemes",
             spec({"/foo": {"get": secured({"base": []})}}, components={"securitySchemes": {
                 "base": API_KEY, "derived": {"$ref": "#/components/securitySchemes/base"}}}), UNUSED,
             [("oas/unused-components", "/components/securitySchemes/derived")],
             xfail="oas/unused-components leaves security schemes out, since requirements name them without "
                   "`$ref`: it needs to count each requirement's names as uses and then check them too"),
    PeerCase("redocly no-unused-components: securitySchemes used by a security requirement",
             spec({"/foo": {"get": secured({"api_key": []})}}, components={"securitySchemes": {"api_key": API_KEY}}),
             UNUSED, []),
    PeerCase("redocly no-unused-components: schemas of a discriminator found through allOf",
             spec({"/pets": {"get": op(responses={"200": {"description": "pets", "content": {"application/json": {
                 "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}}}}}})}}, components={
                 "schemas": {"Pet": {"type": "object", "properties": {"petType": {"type": "string"}},
                                     "required": ["petType"], "discriminator": {"propertyName": "petType"}},
                             "Cat": {"allOf": [{"$ref": "#/components/schemas/Pet"}]},
                             "Unused": {"allOf": [{"type": "object"}]}}}),
             UNUSED, [("oas/unused-components", "/components/schemas/Unused")]),
]


EXAMPLE_CASES = [
    PeerCase("redocly no-invalid-media-type-examples: an example of the wrong type",
             media({"type": "string"}, example=False), EXAMPLES, [("oas/valid-examples", None)]),
    PeerCase("redocly no-invalid-media-type-examples: a valid example", media(NUMBERS, example={"a": "s", "b": 13}),
             EXAMPLES, []),
    PeerCase("redocly no-invalid-media-type-examples: an invalid example among examples",
             media(NUMBERS, examples={"test": {"value": {"a": 23, "b": 25}}, "test2": {"value": {"a": "t", "b": 35}}}),
             EXAMPLES, [("oas/valid-examples", None)]),
    PeerCase("redocly no-invalid-media-type-examples: no schema", media(example={"a": "test", "b": 35}),
             EXAMPLES, []),
    PeerCase("redocly no-invalid-media-type-examples: no example", media(NUMBERS), EXAMPLES, []),
    PeerCase("redocly no-invalid-media-type-examples: only externalValue",
             media(NUMBERS, examples={"first": {"externalValue": "https://example.com/pet.json"}}), EXAMPLES, []),
    PeerCase("redocly no-invalid-media-type-examples: an invalid value beside externalValue",
             media(NUMBERS, examples={"first": {"externalValue": "https://example.com/pet.json",
                                                "value": {"a": 0, "b": "0"}}}),
             EXAMPLES, [("oas/valid-examples", None)]),
    PeerCase("redocly no-invalid-media-type-examples: an additional property by default",
             media({"type": "object", "properties": {"color": {"type": "string"}}},
                   example={"color": "red", "extraProperty": "allowed"}), EXAMPLES, [],
             disagree="JSON Schema allows properties a schema does not list unless it says "
                      "`additionalProperties: false`: the example is valid"),
    PeerCase("redocly no-invalid-media-type-examples: an invalid dataValue (OAS 3.2)",
             {**media(NUMBERS, examples={"first": {"dataValue": {"a": 0, "b": "0"}}}), "openapi": "3.2.0"},
             EXAMPLES, [("oas/valid-examples", None)],
             xfail="oas/valid-examples reads `value` and `example`: it needs OpenAPI 3.2's `dataValue`"),
    PeerCase("redocly no-invalid-media-type-examples: a valid dataValue (OAS 3.2)",
             {**media(NUMBERS, examples={"first": {"dataValue": {"a": "s", "b": 13}}}), "openapi": "3.2.0"},
             EXAMPLES, []),
    PeerCase("redocly no-invalid-media-type-examples: examples that are not objects",
             {**media({"type": "string"}, examples="Wrong multiple example"), "openapi": "3.2.0"}, EXAMPLES, []),
]


IMAGE = {"type": "object", "properties": {"url": {"type": "string"}, "width": {"type": "integer"},
                                        "height": {"type": "integer"}}, "required": ["url"]}
READ_WRITE = {"required": ["ro", "wo"], "properties": {"ro": {"type": "string", "readOnly": True},
                                                       "wo": {"type": "string", "writeOnly": True},
                                                       "other": {"type": "string"}}}


def with_parameter(schema: dict[str, Any], example: Any) -> dict[str, Any]:
    return spec({"/images": {"get": op({"name": "filter", "in": "query", "schema": schema, "example": example})}})


EXAMPLE_CASES += [
    PeerCase("spectral oas3-valid-media-example: content containing a valid simple example",
             media({"type": "string"}, example="doggie"), EXAMPLES, []),
    PeerCase("spectral oas3-valid-media-example: content containing an invalid simple example",
             media({"type": "string"}, example=123), EXAMPLES, [("oas/valid-examples", None)]),
    *[PeerCase(f"spectral oas3-valid-media-example: content containing falsy {value!r} value",
               media({"enum": ["a", "b"]}, example=value), EXAMPLES, [("oas/valid-examples", None)])
      for value in ("", 0, False)],
    PeerCase("spectral oas3-valid-media-example: content containing falsy None value",
             media({"enum": ["a", "b"]}, example=None), EXAMPLES, [],
             disagree="a design choice more than the text's: YAML writes an empty `example:` as null, and "
                      "OpenAPI gives no way to tell it from an example of null; aiplint reads it as no example "
                      "(the rule's review found every null meant so)"),
    PeerCase("spectral oas3-valid-media-example: content containing a totally invalid input",
             media(IMAGE, example={"url2": "images/38.png", "width": "coffee", "height": False}), EXAMPLES,
             [("oas/valid-examples", None)]),
    PeerCase("spectral oas3-valid-media-example: present externalValue",
             media({"type": "string"}, examples={"test1": {"externalValue": "http://example.com/foobar.json"}}),
             EXAMPLES, []),
    PeerCase("spectral oas3-valid-media-example: unknown AJV formats",
             media({"type": "string", "format": "foo"}, example="abc"), EXAMPLES, []),
    PeerCase("spectral oas3-valid-media-example: content containing invalid simple example in examples",
             media({"type": "string"}, examples={"test1": {"value": 123}}), EXAMPLES, [("oas/valid-examples", None)]),
    PeerCase("spectral oas3-valid-media-example: parameters: will pass when simple example is valid",
             with_parameter({"type": "string"}, "doggie"), EXAMPLES, []),
    PeerCase("spectral oas3-valid-media-example: parameters: will fail when simple example is invalid",
             with_parameter({"type": "string"}, 123), EXAMPLES, [("oas/valid-examples", None)]),
    PeerCase("spectral oas3-valid-media-example: parameters: will pass when complex example is used",
             with_parameter(IMAGE, {"url": "images/38.png", "width": 100, "height": 100}), EXAMPLES, []),
    PeerCase("spectral oas3-valid-media-example: parameters: will error with totally invalid input",
             with_parameter(IMAGE, {"url2": "images/38.png", "width": "coffee", "height": False}), EXAMPLES,
             [("oas/valid-examples", None)]),
    PeerCase("spectral oas3-valid-media-example: ignore required readOnly parameters on requests",
             spec({"/": {"post": op(request={"content": {"application/json": {
                 "schema": READ_WRITE, "example": {"other": "foobar", "wo": "some"}}}})}}, openapi="3.0.0"),
             EXAMPLES, []),
    PeerCase("spectral oas3-valid-media-example: ignore required writeOnly parameters on responses",
             spec({"/": {"post": op(responses={"200": {"description": "ok", "content": {"application/json": {
                 "schema": READ_WRITE, "example": {"other": "foobar", "ro": "some"}}}}})}}, openapi="3.0.0"),
             EXAMPLES, []),
]


REFS = [
    PeerCase("redocly no-invalid-media-type-examples: an unresolved example $ref",
             media({"type": "string"}, examples={"example1": {"$ref": "#/components/examples/NotExisting"}}), REF,
             [("oas/ref", None)]),
]


REFS += [
    PeerCase("spectral no-$ref-siblings: $ref siblings are present",
             spec({"/pets": {"get": op(responses={"300": {"description": "c", "abc": "d",
                                                          "$ref": "#/components/responses/Moved"}})}},
                  openapi="3.0.0", components={"responses": {"Moved": {"description": "moved"}}}), REF_SIBLINGS,
             [("oas/ref-siblings", None)]),
    PeerCase("spectral no-$ref-siblings: valid case",
             spec({"/pets": {"get": op(responses={"300": {"$ref": "#/components/responses/Moved"}})}},
                  openapi="3.0.0", components={"responses": {"Moved": {"description": "moved"}}}), REF_SIBLINGS, []),
]


CASES = OPERATION_IDS + SUCCESS_RESPONSES + SECURITY_CASES + UNUSED_CASES + EXAMPLE_CASES + REFS


@pytest.mark.parametrize("case", as_params(CASES))
def test_peer_case(case: PeerCase):
    check(case)
