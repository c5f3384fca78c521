"""oas/ref-siblings: meaningful keys beside `$ref` in OpenAPI 2.0 and 3.0."""

import pytest

from .._kit import Case, Expected, check_case, fixture, ids, lint, params, position_of, spec

RULE = "oas/ref-siblings"


def E(fragment: str) -> Expected:
    return Expected(None, None, fragment, None)


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert {(f.pointer, f.message) for f in findings} == {
        ("/components/schemas/Job/properties/owner",
         "'nullable' beside $ref '#/components/schemas/User' is ignored in OpenAPI 3.0 "
         "(the referenced object replaces this one)"),
        ("/components/schemas/Job/properties/state",
         "'default' beside $ref '#/components/schemas/State' is ignored in OpenAPI 3.0 "
         "(the referenced object replaces this one)"),
    }
    owner = next(f for f in findings if f.pointer.endswith("owner"))
    assert (owner.line, owner.column) == position_of(fixture(RULE, "bad.yaml"), "owner:")
    assert {f.severity.value for f in findings} == {"warning"}


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


def v30(**named) -> dict:
    return spec({"/jobs": "get"}, openapi="3.0.3",
                components={"schemas": {"User": {"type": "object"}, **named}})


REF = "#/components/schemas/User"

CASES = [
    Case("positive", "3.0 nullable", v30(Owner={"$ref": REF, "nullable": True}), [E("'nullable' beside $ref")]),
    Case("positive", "3.0 several keys in one message", v30(Owner={"$ref": REF, "type": "string", "readOnly": True}),
         [E("'type', 'readOnly' beside $ref '#/components/schemas/User' are ignored")]),
    Case("negative", "3.0 a sibling that repeats the target's value", v30(Owner={"$ref": REF, "type": "object"}), []),
    Case("negative", "3.0 title is an annotation", v30(Owner={"$ref": REF, "title": "Owner"}), []),
    Case("positive", "2.0 type beside $ref", {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {},
                                              "definitions": {"User": {"type": "object"},
                                                              "Owner": {"$ref": "#/definitions/User",
                                                                        "type": "array"}}},
         [E("'type' beside $ref '#/definitions/User' is ignored in OpenAPI 2.0")]),
    Case("negative", "3.0 description, summary and example", v30(
        Owner={"$ref": REF, "description": "d", "summary": "s", "example": {}}), []),
    Case("negative", "3.0 x- extensions", v30(Owner={"$ref": REF, "x-go-type": "User"}), []),
    Case("negative", "3.0 allOf wrapper", v30(Owner={"allOf": [{"$ref": REF}], "nullable": True}), []),
    Case("negative", "3.1 allows keys beside $ref", spec({"/jobs": "get"}, components={"schemas": {
        "User": {"type": "object"}, "Owner": {"$ref": REF, "type": ["object", "null"]}}}), []),
    Case("negative", "3.0 $ref inside an example value is data", v30(
        Owner={"type": "object", "example": {"$ref": REF, "nullable": True}}), []),
    Case("not my business", "3.0 dangling $ref (oas/ref)", v30(Owner={"$ref": "#/components/schemas/Nope"}), [],
         reported_by="oas/ref"),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
