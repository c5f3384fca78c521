"""oas/valid-examples: examples are valid against their schemas (Spectral's oas3-valid-media-example and
oas3-valid-schema-example), with the schemas read as OpenAPI reads them."""

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, op, params, position_of, spec

RULE = "oas/valid-examples"


def E(fragment: str) -> Expected:
    return Expected(None, None, f"example does not match its schema: {fragment}")


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [E('"ten" is not of type "integer"'), E('"two" is not of type "integer" (at /1/id)'),
                               E('"bird" is not one of "cat" or "dog"')])
    assert (findings[1].line, findings[1].column) == position_of(fixture(RULE, "bad.yaml"), "two:")
    assert findings[0].severity.value == "warning"


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


def returns(schema: dict, media: str = "application/json", **example) -> dict:
    return {"/a": {"get": op(responses={"200": {"description": "OK", "content": {media: {"schema": schema, **example}}}})}}


PET = {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer", "readOnly": True}}}

CASES = [
    Case("positive", "a required property missing", spec(returns({"type": "object", "required": ["a"]}, example={})),
         [E('"a" is a required property')]),
    Case("positive", "OpenAPI 3.1 schema examples, each checked", spec(
        {"/a": "get"}, components={"schemas": {"N": {"type": "integer", "examples": [1, "x"]}}}),
        [E('"x" is not of type "integer"')]),
    Case("positive", "an object in the message is not repeated", spec(
        returns({"type": "array"}, example={"a": 1, "b": [1, 2, 3]})), [E('the value is not of type "array"')]),
    Case("positive", "a null inside an example where OpenAPI 3.1 does not admit it", spec(
        returns({"type": "array", "items": {"type": "string"}}, example=["a", None])),
        [E('null is not of type "string" (at /1)')]),
    Case("positive", "OpenAPI 2.0 response examples", {
        "swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {"/a": {"get": {"produces": ["application/json"],
        "responses": {"200": {"description": "OK", "schema": {"type": "integer"},
                              "examples": {"application/json": "seven"}}}}}}},
        [E('"seven" is not of type "integer"')]),
    Case("negative", "nullable admits null (3.0), through a $ref", spec(
        returns({"$ref": "#/components/schemas/P"}, example={"p": None}), openapi="3.0.3",
        components={"schemas": {"P": {"type": "object", "properties": {"p": {"type": "string", "nullable": True}}}}}),
        []),
    Case("negative", "a read-only required property missing from an example", spec(
        returns(PET, example={})), []),
    Case("negative", "format is an annotation", spec(returns({"type": "string", "format": "uuid"}, example="x")), []),
    Case("negative", "a non-JSON media type's example is text", spec(
        returns({"type": "object"}, "text/csv", example="a,b\n1,2")), []),
    Case("negative", "a schema that does not compile is skipped", spec(
        returns({"type": "string", "pattern": "(?<"}, example="x")), []),
    Case("negative", "a remote $ref is never fetched", spec(
        returns({"$ref": "https://example.com/schema.json"}, example=1)), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)


def test_documents_over_the_size_bound_are_not_checked():
    document = spec(returns({"type": "integer"}, example="x"))
    assert len(lint(document, RULE)) == 1
    assert lint(document, RULE, options={"max_megabytes": 0.0001}) == []
