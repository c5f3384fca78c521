"""aip185/single-version: one document, one version (AIP-185)."""

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, params, spec

RULE = "aip185/single-version"


def E(path: str, version: str, main: str, paths: int = 1) -> Expected:
    """Reported at the document's `paths`, naming the version's first path (the others are its `related`)."""
    verb = "are" if paths > 1 else "is"
    return Expected(None, None, f"(`{path}` first) {verb} in version `{version}` while")


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [E("/v2/shelves", "v2", "v1", paths=2)])
    assert [r.path for r in findings[0].related] == ["/v2/shelves", "/v2/shelves/{shelf}"]
    assert findings[0].pointer == "/paths"
    assert findings[0].severity.value == "info"
    assert lint(fixture(RULE, "bad.yaml"), RULE, profile="aip")[0].severity.value == "warning"


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


CASES = [
    Case("positive", "a beta channel beside the stable version", spec(
        {"/v1/a": "get", "/v1/b": "get", "/v1beta1/c": "get"}), [E("/v1beta1/c", "v1beta1", "v1")]),
    Case("positive", "of two equally common versions, the first in order is the document's (key order aside)", spec(
        {"/v2/a": "get", "/v1/b": "get"}), [E("/v2/a", "v2", "v1")]),
    Case("negative", "paths without a version beside versioned ones", spec({"/v1/a": "get", "/health": "get",
                                                                           "/b": "get"}), []),
    Case("negative", "a version after an ID is no API version", spec({"/v1/docs/{doc}/v2": "get"}), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
