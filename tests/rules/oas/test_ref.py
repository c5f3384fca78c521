"""oas/ref: every `$ref` resolves, locally."""

import pytest

from .._kit import Case, Expected, check_case, fixture, ids, lint, params, position_of, spec

RULE = "oas/ref"

RESPONSES = "/paths/~1jobs~1{job_id}/get/responses"


def E(fragment: str) -> Expected:
    return Expected(None, None, fragment, None)


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert {(f.pointer, f.message) for f in findings} == {
        (f"{RESPONSES}/200/content/application~1json/schema",
         "$ref './schemas/jobz.yaml#/Job' points to a file that does not exist"),
        (f"{RESPONSES}/404/content/application~1json/schema",
         "$ref '#/components/schemas/Eror' points to '#/components/schemas/Eror', which does not exist in this file"),
        (f"{RESPONSES}/default",
         "$ref 'https://example.com/errors.yaml#/Error' is a remote reference; remote references are not fetched"),
        ("/components/schemas/Ping",
         "$ref '#/components/schemas/Pong' is part of a cycle of references that never reaches a value"),
        ("/components/schemas/Pong",
         "$ref '#/components/schemas/Ping' is part of a cycle of references that never reaches a value"),
    }
    missing = next(f for f in findings if "jobz" in f.message)
    assert (missing.line, missing.column) == position_of(fixture(RULE, "bad.yaml"), "schema: {$ref: './schemas/jobz")
    assert all(f.file.endswith("bad.yaml") for f in findings)


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


def schemas(**named) -> dict:
    return spec({"/jobs": "get"}, components={"schemas": named})


CASES = [
    Case("positive", "missing local pointer", schemas(A={"$ref": "#/components/schemas/Nope"}),
         [E("points to '#/components/schemas/Nope', which does not exist")]),
    Case("positive", "missing file", schemas(A={"$ref": "./no-such-file.yaml#/A"}),
         [E("points to a file that does not exist")]),
    Case("positive", "remote reference", schemas(A={"$ref": "https://example.com/a.yaml#/A"}),
         [E("is a remote reference")]),
    Case("positive", "self-reference", schemas(A={"$ref": "#/components/schemas/A"}),
         [E("is part of a cycle of references")]),
    Case("positive", "missing parameter reference", spec({"/jobs": {"get": {"parameters": [
        {"$ref": "#/components/parameters/Limit"}]}}}), [E("#/components/parameters/Limit")]),
    Case("positive", "3.0 fragment that is not a JSON pointer", spec({"/jobs": "get"}, openapi="3.0.3",
         components={"schemas": {"A": {"$ref": "#Anchor"}}}), [E("has a fragment that is not a JSON pointer")]),
    Case("negative", "resolving local reference", schemas(A={"type": "string"}, B={"$ref": "#/components/schemas/A"}),
         []),
    Case("negative", "recursive schema", schemas(Node={"type": "object", "properties": {
        "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}}), []),
    Case("negative", "chain of references that reaches a value", schemas(
        A={"$ref": "#/components/schemas/B"}, B={"$ref": "#/components/schemas/C"}, C={"type": "string"}), []),
    Case("negative", "$ref inside an example is data", schemas(
        A={"type": "object", "example": {"$ref": "#/nowhere"}}), []),
    Case("negative", "property named $ref-like in properties", schemas(
        A={"type": "object", "properties": {"example": {"$ref": "#/components/schemas/B"}}}, B={"type": "string"}),
        []),
    Case("negative", "3.1 $anchor fragment is not followed", schemas(A={"$ref": "#Anchor"}), []),
    Case("not my business", "3.0 nullable beside $ref (oas/ref-siblings)", spec({"/jobs": "get"}, openapi="3.0.3",
         components={"schemas": {"A": {"type": "object"},
                                 "B": {"$ref": "#/components/schemas/A", "nullable": True}}}), [],
         reported_by="oas/ref-siblings"),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
