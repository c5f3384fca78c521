"""oas/operation-id-unique: an operationId names one operation (Spectral's operation-operationId-unique)."""

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, op, params, position_of, spec

RULE = "oas/operation-id-unique"


def E(method: str | None, path: str | None, operation_id: str, first: str) -> Expected:
    return Expected(method, path, f"operationId `{operation_id}` is already the id of `{first}`")


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [E("GET", "/pets/{petId}", "getPet", "GET /pets")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "operationId: getPet",
                                                                  after="/pets/{petId}")
    assert findings[0].severity.value == "error"


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


CASES = [
    Case("positive", "three operations, the later two reported against the first", spec({
        "/a": {"get": op(operationId="x"), "post": op(operationId="x")}, "/b": {"put": op(operationId="x")}}),
        [E("POST", "/a", "x", "GET /a"), E("PUT", "/b", "x", "GET /a")]),
    Case("positive", "a webhook reuses an operation's id", spec(
        {"/pets": {"post": op(operationId="newPet")}},
        webhooks={"newPet": {"post": op(operationId="newPet")}}),
        [E(None, None, "newPet", "POST /pets")]),
    Case("negative", "ids that differ in case are different ids (OpenAPI: case-sensitive)", spec({
        "/a": {"get": op(operationId="getA"), "put": op(operationId="GetA")}}), []),
    Case("negative", "operations without ids", spec({"/a": "get post", "/b": "get"}), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
