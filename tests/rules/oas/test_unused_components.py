"""oas/unused-components: every component is referenced (Spectral's oas3-unused-component, Redocly's
no-unused-components)."""

import gc

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, op, params, position_of, spec

RULE = "oas/unused-components"
REF = {"$ref": "#/components/schemas/Pet"}


def E(kind: str, name: str) -> Expected:
    return Expected(None, None, f"{kind} `{name}` is never referenced")


def returns(schema: dict) -> dict:
    return op(responses={"200": {"description": "OK", "content": {"application/json": {"schema": schema}}}})


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [E("schema", "PetV1"), E("response", "NotFound")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "PetV1:")
    assert findings[0].severity.value == "warning"


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


SWAGGER = {"swagger": "2.0", "info": {"title": "t", "version": "1"},
           "paths": {"/a": {"get": {"responses": {"200": {"description": "OK", "schema": {"$ref": "#/definitions/A"}}}}}},
           "definitions": {"A": {"type": "object"}, "B": {"type": "object"}},
           "parameters": {"limit": {"name": "limit", "in": "query", "type": "integer"}}}

CASES = [
    Case("positive", "OpenAPI 2.0 definitions and parameters", SWAGGER,
         [E("definition", "B"), E("parameter", "limit")]),
    Case("positive", "a schema that refers only to itself", spec(
        {"/a": "get"}, components={"schemas": {"Node": {"properties": {"next": {"$ref": "#/components/schemas/Node"}}}}}),
        [E("schema", "Node")], xfail="a $ref from inside the component counts as a use (as Spectral counts it)"),
    Case("positive", "an unused example and request body", spec({"/pets": {"get": returns(REF)}}, components={
        "schemas": {"Pet": {}}, "examples": {"Tom": {"value": {}}}, "requestBodies": {"Pet": {"content": {}}}}),
        [E("example", "Tom"), E("request body", "Pet")]),
    Case("negative", "a component library (no paths) is for other documents", spec(
        {}, components={"schemas": {"Pet": {}}}), []),
    Case("negative", "a name that needs escaping in the pointer", spec(
        {"/pets": {"get": returns({"$ref": "#/components/schemas/a~1b"})}}, components={"schemas": {"a/b": {}}}), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)


def test_schemas_that_an_any_field_may_carry_are_not_reported():
    """Google's long-running operations (AIP-151) name their metadata and response types in no `$ref`: they travel
    in `google.protobuf.Any` fields, which the converted descriptions write as an object with `@type`."""
    any_field = {"type": "object", "additionalProperties": {
        "description": "Properties of the object. Contains field @type with type URL."}}
    components = {"schemas": {"Operation": {"type": "object", "properties": {"metadata": any_field}},
                              "CreateBookMetadata": {"type": "object"}},
                  "parameters": {"unused": {"name": "x", "in": "query", "schema": {"type": "string"}}}}
    document = spec({"/v1/books": {"post": returns({"$ref": "#/components/schemas/Operation"})}}, components=components)
    assert_findings(lint(document, RULE), [E("parameter", "unused")])


def _many_unused(mentioned: bool) -> dict:
    """More than 20 unused schemas (the rule then reads every pointer of the text in one pass), the last of them
    named by an extension in the first document only; both documents' texts have the same length."""
    schemas = {f"S{i:02}": {"type": "object"} for i in range(25)}
    named = "#/components/schemas/S24" if mentioned else "#/components/schemas/XXX"
    return spec({"/a": "get"}, components={"schemas": schemas}, **{"x-odata": named})


def test_one_documents_mentions_never_answer_for_the_next():
    # `diff` and the language server lint document after document in one process: a freed text's memory (and its
    # id()) is reused by the next text of the same size, which must not read the mentions of the one before
    for _ in range(20):
        gc.collect()  # the document before is freed now, not at some later collection
        assert "S24" not in {f.message.split("`")[1] for f in lint(_many_unused(mentioned=True), RULE)}
        gc.collect()
        assert "S24" in {f.message.split("`")[1] for f in lint(_many_unused(mentioned=False), RULE)}
