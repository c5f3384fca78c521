"""oas/unique-parameters: a parameter list names each (name, in) once (Spectral's duplicate path parameters)."""

import pytest

from .._kit import (
    Case,
    Expected,
    assert_findings,
    check_case,
    fixture,
    ids,
    lint,
    op,
    params,
    path_param,
    position_of,
    query,
    spec,
)

RULE = "oas/unique-parameters"


def E(method: str | None, path: str, name: str, where: str) -> Expected:
    return Expected(method, path, f"parameter `{name}` (in: {where}) is declared twice", None)


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [E("GET", "/pets/{petId}", "petId", "path")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "{name: petId",
                                                                  after="description: The pet,")
    assert findings[0].severity.value == "error"


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


CASES = [
    Case("positive", "the same query parameter twice", spec({"/pets": {"get": op(query("limit"), query("limit"))}}),
         [E("GET", "/pets", "limit", "query")]),
    Case("positive", "twice in the path item's list, reported once for all its operations", spec({
        "/pets/{petId}": {"parameters": [path_param("petId"), path_param("petId")], "get": op(), "delete": op()}},
        declare_path_params=False),
        [E(None, "/pets/{petId}", "petId", "path")]),
    Case("negative", "one name in the query and in a header", spec({"/pets": {"get": op(
        query("trace"), {"name": "trace", "in": "header", "schema": {"type": "string"}})}}), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
