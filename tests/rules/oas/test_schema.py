"""oas/schema: structural validity against the OpenAPI JSON Schema of the document's version."""

import pytest

from .._kit import Case, Expected, check_case, fixture, ids, lint, op, params, position_of, spec

RULE = "oas/schema"


def E(fragment: str) -> Expected:
    return Expected(None, None, fragment, None)


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert {(f.pointer, f.message) for f in findings} == {
        ("/paths/~1jobs/get/parameters/0/in",
         'invalid OpenAPI 3.1.0: "qery" is not one of "query", "header" or 2 other candidates'),
        ("/paths/~1jobs/post/responses/201", 'invalid OpenAPI 3.1.0: "description" is a required property'),
    }
    typo = next(f for f in findings if f.pointer.endswith("/in"))
    assert (typo.line, typo.column) == position_of(fixture(RULE, "bad.yaml"), "in: qery", after="parameters:")
    assert {(f.method, f.path, f.suggestion) for f in findings} == {(None, None, None)}


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


def swagger(responses: dict) -> dict:
    return {"swagger": "2.0", "info": {"title": "t", "version": "1"},
            "paths": {"/jobs": {"get": {"responses": responses}}}}


QERY = {"/jobs": {"get": op({"name": "limit", "in": "qery", "schema": {"type": "integer"}})}}

CASES = [
    Case("positive", "3.1 missing info", {"openapi": "3.1.0", "paths": {}}, [E('"info" is a required property')]),
    Case("positive", "3.1 unknown top-level key", spec({"/jobs": "get"}, foo=1), [E("'foo' was unexpected")]),
    Case("positive", "3.1 path key without a leading slash", spec({"jobs": "get"}), [E("'jobs' was unexpected")]),
    Case("positive", "3.0 operation without responses", {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
                                                          "paths": {"/jobs": {"get": {"summary": "x"}}}},
         [E('"responses" is a required property')]),
    Case("positive", "2.0 response without description", swagger({"200": {}}),
         [E('invalid OpenAPI 2.0: "description" is a required property')]),
    Case("positive", "3.0 typo in `in` is reported at the `in` member", spec(QERY, openapi="3.0.3"),
         [E('"qery" is not one of "path", "query", "header", "cookie"')]),
    Case("negative", "minimal 3.1 document", spec({"/jobs": "get"}), []),
    Case("negative", "minimal 3.0 document", spec({"/jobs": "get"}, openapi="3.0.3"), []),
    Case("negative", "minimal 2.0 document", swagger({"200": {"description": "OK"}}), []),
    Case("negative", "3.1 operation without responses is allowed", {
        "openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/jobs": {"get": {"summary": "x"}}}}, []),
    Case("negative", "x- extensions", spec({"/jobs": "get"}, **{"x-owner": "team"}), []),
    Case("not my business", "3.0 meaningful key beside $ref (oas/ref-siblings)", spec({"/jobs": "get"},
         openapi="3.0.3", components={"schemas": {"A": {"type": "object"},
                                                  "B": {"$ref": "#/components/schemas/A", "nullable": True}}}),
         [], reported_by="oas/ref-siblings"),
    Case("not my business", "dangling $ref (oas/ref)", spec({"/jobs": "get"},
         components={"schemas": {"B": {"$ref": "#/components/schemas/Missing"}}}), [], reported_by="oas/ref"),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
