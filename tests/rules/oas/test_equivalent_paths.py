"""oas/equivalent-paths: templates that differ only in parameter names are one path (Spectral's path-params)."""

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, params, position_of, spec

RULE = "oas/equivalent-paths"


def E(path: str, earlier: str) -> Expected:
    return Expected(None, path, f"path `{path}` is the same path as `{earlier}`", earlier)


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [E("/pets/{petId}", "/pets/{id}")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "/pets/{petId}:")
    assert findings[0].severity.value == "error"


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


CASES = [
    Case("positive", "two names for one variable", spec({"/foo/{bar}": "get", "/foo/{baz}": "delete"}),
         [E("/foo/{baz}", "/foo/{bar}")]),
    Case("positive", "three spellings, each reported against the first", spec({
        "/a/{x}/b/{y}": "get", "/a/{p}/b/{q}": "put", "/a/{x}/b/{q}": "delete"}),
        [E("/a/{p}/b/{q}", "/a/{x}/b/{y}"), E("/a/{x}/b/{q}", "/a/{x}/b/{y}")]),
    Case("negative", "a literal where the other has a variable", spec({"/foo/{bar}": "get", "/foo/me": "get"}), []),
    Case("negative", "colon and slash custom methods are different paths", spec({
        "/jobs/{id}:cancel": "post", "/jobs/{id}/cancel": "post"}), []),
    Case("negative", "different lengths", spec({"/foo/{bar}": "get", "/foo/{bar}/baz": "get"}), []),
    Case("negative", "a variable inside a literal segment is part of that literal", spec({
        "/calls/{id}/recordings/{name}.mp3": "get", "/calls/{id}/recordings/{name}": "get",
        "/sites/nearest.{fmt}": "get", "/sites/near.{fmt}": "get"}), []),
    Case("negative", "a trailing slash makes another key", spec({"/v2/employees/": "get", "/v2/employees": "get"}), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
