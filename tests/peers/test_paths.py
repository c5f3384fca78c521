"""The peers' cases for paths, path parameters, verbs in paths and plural collections, as aiplint cases
(issues 8 and 19).

Each case carries over a peer test's input (path keys, methods, parameters) and its verdict, states the verdict
of the OpenAPI or AIP text, and names the aiplint rules that cover it (`peers._case` says how a case is judged).
Inputs were rebuilt with the `_kit` helpers (complete, valid documents); no code was copied.  Sources:

- stoplightio/spectral, packages/rulesets/src/oas/__tests__/: path-params.test.ts, operation-parameters.test.ts,
  path-not-include-query.test.ts, path-declarations-must-exist.test.ts
- Redocly/redocly-cli, packages/core/src/rules/common/__tests__/: path-params-defined.test.ts,
  no-http-verbs-in-paths.test.ts, no-identical-paths.test.ts, operation-parameters-unique.test.ts,
  path-not-include-query.test.ts; and tests/e2e/lint/: path-segment-plural/, path-segment-plural-error/,
  no-http-verbs-in-paths-error/, no-http-verbs-in-paths-split-words-error/, path-parameters-defined-error/,
  path-parameters-defined-rule/, path-not-include-query-error/, path-not-include-query-rule/,
  operation-parameters-unique-rule/
- IBM/openapi-validator, packages/ruleset/test/rules/no-ambiguous-paths.test.js
- aep-dev/aep-openapi-linter, test/: 0122/collection-identifier-format.test.js, 0131/required-params.test.js,
  0136/http-method.test.js

Judged against OpenAPI 2.0, 3.1.1 and 3.2.0 (OAI/OpenAPI-Specification 46c1076ba6f9a7a09ecaa6b740ab603cf6cc9886,
versions/) and AIP-122, 131, 136, 156, 185 (aip-dev/google.aip.dev 126bed45b6008f653fc634f078eda837769aa25f).

Where the peer is wrong by that text, the case records the disagreement (DISAGREEMENTS, CONCRETE_FIRST): Redocly
flagging `/pet` (a readable singleton, AIP-156) and `v1` as singular, `/path/post`, `/data/post` and `/my_post`
(`post` is a noun there), and `/dispute`, `/input` without word splitting; AEP flagging `electronicBooks`
(AIP-122: camelCase); IBM's ambiguous paths, which OpenAPI resolves or leaves to tools.  Left out: Spectral's
`{;bar}` template for a parameter named `bar` (the template names `;bar`, a fact no aiplint rule reads), and
Redocly's callback runtime expressions and nesting limit (no aiplint rule).  A Get's body and its required query
parameters are in test_methods.py, collection identifier case in test_design.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from rules._kit import op, path_param, query, spec

from peers._case import PeerCase, as_params, at, check, header, swagger, verbatim

PATH_PARAMS = ("oas/path-params-match", "oas/equivalent-paths", "oas/unique-parameters")
REQUIRED_TRUE = ("oas/schema",)
PARAMS_MATCH = ("oas/path-params-match",)
UNIQUE = ("oas/unique-parameters",)
NO_QUERY = ("oas/path-no-query-string",)
IDENTICAL = ("oas/equivalent-paths",)
VERBS = ("rest/verb-segment", "rest/verb-before-id", "aip136/verb-naming")
PLURAL = ("aip122/plural-collection", "aip122/collection-name-consistency")
GET_BY_ID = ("rest/resource-id-in-query",)
CUSTOM = ("aip136/http-method", "aip136/verb-naming", "aip136/custom-method-style", "aip136/attached-to-resource")


def get(key: str) -> dict[str, Any]:
    """One GET path, the form of most of Redocly's path-name tests."""
    return spec({key: "get"})


def param2(where: str, name: str) -> dict[str, Any]:
    """An OpenAPI 2.0 parameter: a body parameter has a schema, the others a type."""
    typed = {"schema": {"type": "object"}} if where == "body" else {"type": "string"}
    return {"name": name, "in": where, **typed}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/parameters/{name}"}


OPTIONAL_BAR = {"name": "bar", "in": "path", "required": False, "schema": {"type": "string"}}
QUERY_A = query("a")


SPECTRAL = [
    PeerCase("spectral path-params: no templated path", spec({"/foo": "get"}), PATH_PARAMS, []),
    PeerCase("spectral path-params: template variable with no parameter",
             spec({"/foo/{bar}": "get"}, declare_path_params=False), PATH_PARAMS,
             [("oas/path-params-match", at("/foo/{bar}", "get"))]),
    # The peer's next three documents nest `paths` inside `paths`, so its test cannot fail; the intended
    # verdict is ported.
    PeerCase("spectral path-params: declared at the path level", spec({"/foo/{bar}": "get"}), PATH_PARAMS, []),
    PeerCase("spectral path-params: $ref declared at the path level",
             verbatim({"/foo/{bar}": {"parameters": [ref("bar")], "get": op()}},
                      components={"parameters": {"bar": path_param("bar")}}), PATH_PARAMS, []),
    PeerCase("spectral path-params: declared at the operation level",
             spec({"/foo/{bar}": {"get": op(path_param("bar"))}}), PATH_PARAMS, []),
    PeerCase("spectral path-params: a path item with no operation",  # OpenAPI 3.1.1: the empty path item
             verbatim({"/foo/{bar}": {"x-not-a-standard-operation": {}}}), PATH_PARAMS, []),
    PeerCase("spectral path-params: declared for GET, forgotten for PUT",
             spec({"/foo/{bar}": {"get": op(path_param("bar")), "put": op()}}, declare_path_params=False),
             PATH_PARAMS, [("oas/path-params-match", at("/foo/{bar}", "put"))]),
    PeerCase("spectral path-params: one template expression twice",  # OpenAPI 3.2.0 Path Templating
             verbatim({"/foo/{bar}/{bar}": {"parameters": [path_param("bar")], "get": op()}}), PATH_PARAMS,
             [("oas/path-params-match", at("/foo/{bar}/{bar}"))]),
    PeerCase("spectral path-params: $ref path parameter at the path level not required",
             verbatim({"/foo/{bar}": {"parameters": [ref("bar")], "get": op()}},
                      components={"parameters": {"bar": OPTIONAL_BAR}}, openapi="3.0.3"), PATH_PARAMS + REQUIRED_TRUE,
             [("oas/schema", "/components/parameters/bar")]),
    PeerCase("spectral path-params: $ref path parameter of an operation not required",
             verbatim({"/foo/{bar}": {"get": op(ref("bar"))}}, components={"parameters": {"bar": OPTIONAL_BAR}},
                      openapi="3.0.3"),
             PATH_PARAMS + REQUIRED_TRUE, [("oas/schema", "/components/parameters/bar")]),
    PeerCase("spectral path-params: equivalent templates", spec({"/foo/{boo}": "get", "/foo/{bar}": "get"}),
             PATH_PARAMS, [("oas/equivalent-paths", at("/foo/{bar}"))]),
    PeerCase("spectral path-params: path parameters unused at the path and operation levels",
             verbatim({"/foo": {"parameters": [path_param("boo")], "get": op(path_param("bar")),
                                "put": op(path_param("baz"), path_param("qux"))}}),
             PATH_PARAMS, [("oas/path-params-match", at("/foo", "parameters", 0)),
                           ("oas/path-params-match", at("/foo", "get", "parameters", 0)),
                           ("oas/path-params-match", at("/foo", "put", "parameters", 0)),
                           ("oas/path-params-match", at("/foo", "put", "parameters", 1))]),
    PeerCase("spectral path-params: path parameters defined twice in one list",
             verbatim({"/foo/{boo}/{bar}/{qux}": {
                 "parameters": [path_param("boo"), path_param("boo"), path_param("bar")],
                 "get": op(path_param("bar"), path_param("bar"), path_param("qux")),
                 "put": op(path_param("qux"), path_param("qux"))}}),
             PATH_PARAMS, [("oas/unique-parameters", at("/foo/{boo}/{bar}/{qux}", "parameters", 1)),
                           ("oas/unique-parameters", at("/foo/{boo}/{bar}/{qux}", "get", "parameters", 1)),
                           ("oas/unique-parameters", at("/foo/{boo}/{bar}/{qux}", "put", "parameters", 1))]),
    PeerCase("spectral path-params: one name in the path and in a header",
             spec({"/foo/{boo}": {"get": op(header("boo"))}}), PATH_PARAMS, []),
    PeerCase("spectral path-params: the operation overrides the path-level declaration",
             verbatim({"/foo/{bar}": {"parameters": [path_param("bar")], "get": op(path_param("bar"))}}),
             PATH_PARAMS, []),
    PeerCase("spectral path-params: two template expressions in one segment",
             spec({"/foo/{bar}{baz}": "get"}), PATH_PARAMS, []),
    PeerCase("spectral operation-parameters: no parameters", swagger({"/foo": {"get": op()}}), UNIQUE, []),
    PeerCase("spectral operation-parameters: one body parameter",
             swagger({"/foo": {"get": op(param2("body", "foo"))}}), UNIQUE, []),
    PeerCase("spectral operation-parameters: one parameter on two operations",
             swagger({"/foo": {"get": op(param2("body", "foo")), "put": op(param2("body", "foo"))}}), UNIQUE, []),
    PeerCase("spectral operation-parameters: a query parameter three times",
             swagger({"/foo": {"get": op(*[param2("query", "foo")] * 3), "put": op()}}), UNIQUE,
             [("oas/unique-parameters", at("/foo", "get", "parameters", 1)),
              ("oas/unique-parameters", at("/foo", "get", "parameters", 2))]),
    PeerCase("spectral operation-parameters: a $ref parameter three times",
             swagger({"/foo": {"get": op(*[{"$ref": "#/parameters/foo"}] * 3)}},
                     parameters={"foo": param2("query", "foo")}), UNIQUE,
             [("oas/unique-parameters", at("/foo", "get", "parameters", 1)),
              ("oas/unique-parameters", at("/foo", "get", "parameters", 2))]),
    PeerCase("spectral operation-parameters: two parameters twice each",
             swagger({"/foo": {"get": op(param2("query", "foo"), param2("query", "foo"),
                                         param2("header", "bar"), param2("header", "bar")), "put": op()}}), UNIQUE,
             [("oas/unique-parameters", at("/foo", "get", "parameters", 1)),
              ("oas/unique-parameters", at("/foo", "get", "parameters", 3))]),
    PeerCase("spectral operation-parameters: several body parameters",  # OpenAPI 2.0: one body parameter
             swagger({"/foo": {
                 "get": op(param2("body", "foo"), param2("body", "bar")),
                 "put": op(param2("body", "foo"), param2("query", "foo"), param2("header", "bar"),
                           param2("body", "bar"), param2("header", "baz"), param2("body", "baz"))}}), UNIQUE,
             [("oas/unique-parameters", at("/foo", "get", "parameters", 1)),
              ("oas/unique-parameters", at("/foo", "put", "parameters", 3)),
              ("oas/unique-parameters", at("/foo", "put", "parameters", 5))]),
    PeerCase("spectral operation-parameters: body and formData parameters together",  # OpenAPI 2.0
             swagger({"/foo": {"get": op(param2("body", "foo"), param2("formData", "bar"))}}), UNIQUE,
             [("oas/unique-parameters", at("/foo", "get", "parameters", 1))]),
    PeerCase("spectral path-not-include-query: no query string", swagger({"/path": {}}), NO_QUERY, []),
    PeerCase("spectral path-not-include-query: a query string in the key", swagger({"/path?query=true": {}}),
             NO_QUERY, [("oas/path-no-query-string", at("/path?query=true"))]),
    PeerCase("spectral path-declarations-must-exist: a named template expression",
             swagger({"/path/{parameter}": {}}), PARAMS_MATCH, []),
    PeerCase("spectral path-declarations-must-exist: an empty template expression",
             swagger({"/path/{}": {}}), PARAMS_MATCH, [("oas/path-params-match", at("/path/{}"))]),
]


REDOCLY = [
    PeerCase("redocly path-params-defined: defined at the path and operation levels",
             verbatim({"/pets/{a}/{b}": {"parameters": [path_param("a")], "get": op(path_param("b"))}}),
             PARAMS_MATCH, []),
    PeerCase("redocly path-params-defined: a name declared in a header and the query, not the path",
             verbatim({"/pets/{a}/{b}": {"parameters": [path_param("a"), header("b")], "get": op(query("b"))}}),
             PARAMS_MATCH, [("oas/path-params-match", at("/pets/{a}/{b}", "get"))]),
    PeerCase("redocly path-params-defined: path parameters not in the template",
             verbatim({"/pets/{a}": {"parameters": [path_param("a"), path_param("d")],
                                     "get": op(path_param("c"))}}),
             PARAMS_MATCH, [("oas/path-params-match", at("/pets/{a}", "parameters", 1)),
                            ("oas/path-params-match", at("/pets/{a}", "get", "parameters", 0))]),
    PeerCase("redocly path-params-defined: POST declares no parameters",
             verbatim({"/pets/{a}": {"get": op(path_param("a")), "post": op()}}),
             PARAMS_MATCH, [("oas/path-params-match", at("/pets/{a}", "post"))]),
    PeerCase("redocly path-params-defined: POST takes the path-level declaration",
             verbatim({"/pets/{a}": {"parameters": [path_param("a")], "get": op(path_param("a")), "post": op()}}),
             PARAMS_MATCH, []),
    PeerCase("redocly path-params-defined: a callback in the next operation's path item",
             verbatim({"/projects/{projectId}": {
                 "post": op(path_param("projectId"), callbacks={"onEvent": {
                     "{$request.body#/callbackUrl}": {"post": op()}}}),
                 "patch": op(path_param("projectId"))}}),
             PARAMS_MATCH, []),
    PeerCase("redocly path-params-defined: a $ref path parameter not in the template",
             verbatim({"/users/data": {"post": op(ref("path_userId"))}},
                      components={"parameters": {"path_userId": path_param("user-id")}}),
             PARAMS_MATCH, [("oas/path-params-match", at("/users/data", "post", "parameters", 0))]),
    PeerCase("redocly path-parameters-defined (e2e): parameter name differs from the template",
             verbatim({"/user/{id}": {"get": op(path_param("test"))}}),
             PARAMS_MATCH, [("oas/path-params-match", at("/user/{id}", "get", "parameters", 0)),
                            ("oas/path-params-match", at("/user/{id}", "get"))]),
    PeerCase("redocly path-parameters-defined (e2e): parameter name matches the template",
             verbatim({"/user/{test}": {"get": op(path_param("test"))}}), PARAMS_MATCH, []),
    PeerCase("redocly no-identical-paths: templates that differ only in parameter names",
             spec({key: "get" for key in ("/good/{id}", "/good/last", "/bad/{id}", "/good/{hash}", "/{id}/valid",
                                          "/valid/{id}")}),
             IDENTICAL, [("oas/equivalent-paths", at("/good/{hash}"))]),
    PeerCase("redocly operation-parameters-unique: a query parameter twice in a path item without operations",
             verbatim({"/test": {"parameters": [QUERY_A, QUERY_A]}}), UNIQUE,
             [("oas/unique-parameters", at("/test", "parameters", 1))]),
    PeerCase("redocly operation-parameters-unique: the operation overrides a path-level parameter",
             verbatim({"/test": {"parameters": [QUERY_A], "put": op(QUERY_A)}}), UNIQUE, []),
    PeerCase("redocly operation-parameters-unique: an operation repeats a query parameter",
             verbatim({"/test": {"parameters": [QUERY_A], "put": op(QUERY_A, path_param("a"), QUERY_A)}}), UNIQUE,
             [("oas/unique-parameters", at("/test", "put", "parameters", 2))]),
    PeerCase("redocly operation-parameters-unique: an operation repeats a $ref query parameter",
             verbatim({"/test": {"parameters": [ref("a")], "put": op(ref("a"), path_param("a"), ref("a"))}},
                      components={"parameters": {"a": QUERY_A}}), UNIQUE,
             [("oas/unique-parameters", at("/test", "put", "parameters", 2))]),
    PeerCase("redocly operation-parameters-unique (e2e): distinct query parameters",
             spec({"/user": {"get": op(query("offset"), query("limit"))}}), UNIQUE, []),
    PeerCase("redocly path-not-include-query: a query string in the key", get("/some?input"), NO_QUERY,
             [("oas/path-no-query-string", at("/some?input"))]),
    PeerCase("redocly path-not-include-query: no query string", get("/some"), NO_QUERY, []),
    PeerCase("redocly path-not-include-query (e2e): a query string with a value", get("/ping/items?id=###"),
             NO_QUERY, [("oas/path-no-query-string", at("/ping/items?id=###"))]),
    PeerCase("redocly path-not-include-query (e2e): no query string", get("/ping"), NO_QUERY, []),
    PeerCase("redocly path-segment-plural (e2e): an irregular plural", get("/men/{mId}"), PLURAL, []),
    PeerCase("redocly path-segment-plural (e2e): a plural in -es", get("/statuses"), PLURAL, []),
    PeerCase("redocly path-segment-plural (e2e): an uncountable noun", get("/health"), PLURAL, []),
    PeerCase("redocly path-segment-plural (e2e): a versioned collection with no operation",
             verbatim({"/v1/pets/{id}": {"parameters": [header("Accept-Language")]}}), PLURAL, []),
    PeerCase("redocly no-http-verbs-in-paths: an HTTP verb first", get("/get/path"), VERBS,
             [("rest/verb-segment", at("/get/path", "get"))]),
    PeerCase("redocly no-http-verbs-in-paths: `query` is no HTTP verb", get("/path/query"), VERBS, []),
    PeerCase("redocly no-http-verbs-in-paths: an HTTP verb before a noun", get("/get/data"), VERBS,
             [("rest/verb-segment", at("/get/data", "get"))]),
    PeerCase("redocly no-http-verbs-in-paths (e2e): /pet/findByPut", get("/pet/findByPut"), VERBS,
             # verb-naming's synonym `find` and preposition `by` share the operation's fix: one finding
             [("rest/verb-segment", at("/pet/findByPut", "get")), ("aip136/verb-naming", at("/pet/findByPut"))]),
    PeerCase("redocly no-http-verbs-in-paths (e2e): /getCustomers", get("/getCustomers"), VERBS,
             [("rest/verb-segment", at("/getCustomers", "get")), ("aip136/verb-naming", at("/getCustomers"))]),
    PeerCase("redocly no-http-verbs-in-paths (e2e): /PUTImages", get("/PUTImages"), VERBS,
             [("rest/verb-segment", at("/PUTImages", "get")), ("aip136/verb-naming", at("/PUTImages"))]),
    PeerCase("redocly no-http-verbs-in-paths (e2e): /GET-customers", get("/GET-customers"), VERBS,
             [("rest/verb-segment", at("/GET-customers", "get")), ("aip136/verb-naming", at("/GET-customers"))]),
    PeerCase("redocly no-http-verbs-in-paths (e2e, split words): /dispute", get("/dispute"), VERBS, []),
    PeerCase("redocly no-http-verbs-in-paths (e2e, split words): /input", get("/input"), VERBS, []),
]


AEP = [
    PeerCase("aep 122 collection-identifier-format: valid identifiers",
             spec({"/books/{book}": "get", "/users/{user}/books2/{book}": "get"}), PLURAL, []),
    PeerCase("aep 122 collection-identifier-format: deeply nested resources",
             spec({"/publishers/{publisher}/books/{book}/chapters/{chapter}": "get",
                   "/orgs/{org}/projects/{project}/datasets/{dataset}/tables/{table}": "get"}), PLURAL, []),
    PeerCase("aep 131 required-params: a Get with no parameters", spec({"/test1/{id}": "get"}), GET_BY_ID, []),
    PeerCase("aep 131 required-params: a Get with an optional query parameter",
             spec({"/test1/{id1}/test2/{id2}": {"get": op(path_param("id1"), path_param("id2"), query("force"))}}),
             GET_BY_ID, []),
    *[
        PeerCase(f"aep 136 http-method: {method.upper()} {key}", spec({key: method}), CUSTOM,
                 [(rule, at(key) if rule == "aip136/verb-naming" else at(key, method))], profile="aip")
        for method, key, rule in [
            ("delete", "/test1/{id}:archive", "aip136/http-method"),
            ("head", "/test1/{id}:check", "aip136/http-method"),
            ("options", "/test1/{id}:options", "aip136/http-method"),
            ("put", "/test1/{id}:clone", "aip136/http-method"),
            # A standard method in disguise: aiplint names the verb, not the HTTP method.
            ("patch", "/test1/{id}:update", "aip136/verb-naming"),
            ("trace", "/test1/{id}:trace", "aip136/http-method"),
        ]
    ],
    *[
        PeerCase(f"aep 136 http-method: {method.upper()} {key}", spec({key: method}), CUSTOM, [], profile="aip")
        for method, key in [("post", "/test1/{id}:archive"), ("get", "/test2/{id}:check"),
                            ("post", "/test3/{id}:unarchive")]
    ],
]

# Where the peer's verdict is not the text's; aiplint follows the text.
NOUN_NOT_VERB = "`post` is a noun here (a blog post), not an HTTP method: AIP-136 objects to verbs, not to words that spell one"
DISAGREEMENTS = [
    PeerCase("redocly path-segment-plural (e2e, error): a singular segment read with GET", get("/pet"), PLURAL, [],
             disagree="a resource read with GET and never created or deleted is a singleton, whose segment is "
                      "singular (AIP-156)"),
    PeerCase("redocly path-segment-plural (e2e, error): a version segment",
             verbatim({"/v1/pets": {"parameters": [header("Accept-Language")]}}), PLURAL, [],
             disagree="`v1` is the API's major version (AIP-185), not a collection"),
    PeerCase("redocly no-http-verbs-in-paths: /path/post", get("/path/post"), VERBS, [], disagree=NOUN_NOT_VERB),
    PeerCase("redocly no-http-verbs-in-paths: /data/post", get("/data/post"), VERBS, [], disagree=NOUN_NOT_VERB),
    PeerCase("redocly no-http-verbs-in-paths (e2e, error): /my_post", get("/my_post"), VERBS, [],
             disagree=NOUN_NOT_VERB),
    *[PeerCase(f"redocly no-http-verbs-in-paths (e2e, error): {key}", get(key), VERBS, [],
               disagree="an English word that contains an HTTP method's letters (dis-PUT-e, in-PUT) is no verb")
      for key in ("/dispute", "/input")],
    PeerCase("aep 0122/collection-identifier-format: uppercase letters (camelCase)",
             spec({"/electronicBooks/{book}": "get"}), PLURAL, [],
             disagree="AIP-122 writes multi-word collection identifiers in lowerCamelCase (`electronicBooks`); "
                      "kebab-case is AEP's own convention"),
]

CONCRETE_FIRST = ("OpenAPI 3.1.1 Paths Object: a concrete path is matched before its templated counterpart, so "
                  "the two do not compete")
IBM = [
    PeerCase("ibm no-ambiguous-paths: /foos/{foo_id} vs /foos/{id}/bar",
             spec({"/foos/{foo_id}": "get", "/foos/{id}/bar": "get"}), IDENTICAL, []),
    PeerCase("ibm no-ambiguous-paths: /v1/movies/{movie_id} vs /v1/movies/{film_id}",
             spec({"/v1/movies/{movie_id}": "get", "/v1/movies/{film_id}": "get"}), IDENTICAL,
             [("oas/equivalent-paths", at("/v1/movies/{film_id}"))]),
    PeerCase("ibm no-ambiguous-paths: /v1/drinks/{drink_id} vs /v1/drinks/foo",
             spec({"/v1/drinks/{drink_id}": "get", "/v1/drinks/foo": "get"}), IDENTICAL, [],
             disagree=CONCRETE_FIRST),
    PeerCase("ibm no-ambiguous-paths: /{version}/drinks vs /v1/drinks",
             spec({"/{version}/drinks": "get", "/v1/drinks": "get"}), IDENTICAL, [], disagree=CONCRETE_FIRST),
    PeerCase("ibm no-ambiguous-paths: /{foo}/bar vs /foo/{bar}", spec({"/{foo}/bar": "get", "/foo/{bar}": "get"}),
             IDENTICAL, [],
             disagree="OpenAPI 3.1.1 forbids templates that differ only in names and leaves ambiguous matching "
                      "(`/foo/bar` matches both) to tools: the document is valid"),
]

CASES = SPECTRAL + REDOCLY + AEP + IBM + DISAGREEMENTS


@pytest.mark.parametrize("case", as_params(CASES))
def test_peer_case(case: PeerCase):
    check(case)
