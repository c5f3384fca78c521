"""aip154/etag-field: an ETag field is a string named `etag`, under the `aip` profile (AIP-154)."""

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, params, position_of, spec

RULE = "aip154/etag-field"


def test_bad_fixture_one_finding_per_spelling_and_problem():
    findings = lint(fixture(RULE, "bad.yaml"), RULE, profile="aip")
    assert_findings(findings, [
        Expected(None, None, "the ETag field `eTag` of `Book` (and 1 more schema) is not named `etag` (AIP-154)"),
        Expected(None, None, "the ETag field `etag` of `Publisher` is an integer: an ETag is a string (AIP-154)")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "eTag:")
    assert len(findings[0].related) == 1
    assert findings[0].severity.value == "warning"


def test_off_under_rest():
    from aiplint.linting.registry import available_rules

    assert available_rules()[RULE].severity_for("rest") is None


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE, profile="aip") == []


def schemas(**properties: dict) -> dict:
    return {"schemas": {name: {"type": "object", "properties": props} for name, props in properties.items()}}


def returning(*names: str) -> dict:
    """Paths on which a `GET` returns each named schema as its resource."""
    return {f"/v1/things{i}/{{id}}": {"get": {"responses": {"200": {"description": "OK", "content": {
        "application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}}}}}}
        for i, name in enumerate(names)}


def swagger(definitions: dict, *returned: str) -> dict:
    return {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "definitions": definitions,
            "paths": {f"/v1/things{i}/{{id}}": {"get": {"responses": {"200": {
                "description": "OK", "schema": {"$ref": f"#/definitions/{name}"}}}}}
                for i, name in enumerate(returned)}}


CASES = [
    Case("positive", "OAS 2.0: Cosmos DB's `_etag` on a document the API returns", swagger(
        {"Document": {"properties": {"id": {"type": "string"}, "_etag": {"type": "string"}}}}, "Document"),
        [Expected(None, None, "the ETag field `_etag` of `Document` is not named `etag`")], profile="aip"),
    Case("positive", "ARM: `eTag` on the `Resource` every returned resource builds on by `allOf`", swagger(
        {"Resource": {"properties": {"id": {"type": "string"}, "eTag": {"type": "string"}}},
         "Vault": {"allOf": [{"$ref": "#/definitions/Resource"}], "properties": {"location": {"type": "string"}}}},
        "Vault"),
        [Expected(None, None, "the ETag field `eTag` of `Resource` is not named `etag`")], profile="aip"),
    Case("positive", "a misnamed ETag that is also a number: two problems", spec(returning("Book"), components=schemas(
        Book={"e_tag": {"type": "number"}})),
        [Expected(None, None, "`e_tag` of `Book` is not named `etag`"),
         Expected(None, None, "`e_tag` of `Book` is a number: an ETag is a string")], profile="aip"),
    Case("negative", "a PascalCase document (AWS, .NET): `ETag` is its spelling of `etag`", swagger(
        {"Item": {"properties": {"Name": {"type": "string"}, "LastModified": {"type": "string"},
                                 "ETag": {"type": "string"}}}}, "Item"), [], profile="aip"),
    Case("negative", "another system's ETag held as data (an S3 object a finding refers to)", swagger(
        {"Finding": {"properties": {"id": {"type": "string"}, "s3Object": {"$ref": "#/definitions/S3Object"}}},
         "S3Object": {"properties": {"bucketArn": {"type": "string"}, "key": {"type": "string"},
                                     "eTag": {"type": "string", "description": "The ETag of the object"}}}},
        "Finding"), [], profile="aip"),
    Case("negative", "an object describing ETags (SCIM's service provider config)", spec(
        returning("ServiceProviderConfig"), components=schemas(ServiceProviderConfig={
            "etag": {"type": "object", "properties": {"supported": {"type": "boolean"}}}})), [], profile="aip"),
    Case("negative", "a field whose name only contains the word (`etag_version`, `lastEtag`)", spec(
        returning("Book"), components=schemas(Book={"etag_version": {"type": "integer"},
                                                     "lastEtag": {"type": "string"}})), [], profile="aip"),
    Case("negative", "an `etag` without a type says nothing against it", spec(returning("Book"), components=schemas(
        Book={"etag": {"description": "The entity tag"}})), [], profile="aip"),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
