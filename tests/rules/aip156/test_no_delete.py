"""aip156/no-delete: a singleton defines no Delete, under the `aip` profile (AIP-156; api-linter's
0156::forbidden-methods)."""

from typing import Any

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, op, params, position_of, spec

RULE = "aip156/no-delete"


def E(path: str, literal: str) -> Expected:
    return Expected("DELETE", path, f"`DELETE {path}` deletes the singleton `{literal}`; a singleton exists as long "
                                    f"as its parent and defines no Delete (AIP-156)")


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE, profile="aip")
    assert_findings(findings, [E("/v1/users/{user}/config", "config")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "delete:")
    assert findings[0].severity.value == "warning"


def test_off_under_rest():
    from aiplint.linting.registry import available_rules

    assert available_rules()[RULE].severity_for("rest") is None


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE, profile="aip") == []


def returning(name: str) -> dict[str, Any]:
    return op(responses={"200": {"description": "OK", "content": {"application/json": {"schema": {
        "$ref": f"#/components/schemas/{name}"}}}}})


SCHEMAS = {"schemas": {"Customer": {"type": "object"}, "Order": {"type": "object"}}}

SWAGGER = {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {
    "/repos/{owner}/{repo}/branches/{branch}/protection": {
        "parameters": [{"name": n, "in": "path", "required": True, "type": "string"} for n in ("owner", "repo",
                                                                                                "branch")],
        "get": {"responses": {"200": {"description": "OK"}}},
        "delete": {"responses": {"204": {"description": "Deleted"}}}}}}

CASES = [
    Case("positive", "OpenAPI 2.0: GitHub's branch protection", SWAGGER,
         [E("/repos/{owner}/{repo}/branches/{branch}/protection", "protection")], profile="aip"),
    Case("positive", "a Google-style singleton under a resource name", spec({
        "/v1/projects/{project}/config": "get patch delete", "/v1/projects/{project}": "get"}),
        [E("/v1/projects/{project}/config", "config")], profile="aip"),
    Case("negative", "a relation switched on by a bodiless PUT, its GET answering 204 (GitHub's gist star)", spec({
        "/gists/{gist_id}/star": {"get": op(responses={"204": {"description": "starred"},
                                                         "404": {"description": "not starred"}}),
                                  "put": op(responses={"204": {"description": "starred"}}),
                                  "delete": op(responses={"204": {"description": "unstarred"}})},
        "/gists/{gist_id}": "get"}), [], profile="aip"),
    Case("negative", "a literal without a GET is an action, not a resource", spec({
        "/conversations/{convId}/archive": "post delete"}), [], profile="aip"),
    Case("negative", "a collection written in the singular (its members have paths)", spec({
        "/v1/users/{user}/key": "get delete", "/v1/users/{user}/key/{key_id}": "get"}), [], profile="aip"),
    Case("negative", "a reference to a member of another collection (Microsoft Graph)", spec({
        "/orders/{order_id}/customer": "get delete", "/customers/{customer_id}": "get"}), [], profile="aip"),
    Case("negative", "a reference whose GET returns what a member's Get returns", spec({
        "/orders/{order_id}/buyer": {"get": returning("Customer"), "delete": op()},
        "/clients/{client_id}": {"get": returning("Customer")}}, components=SCHEMAS), [], profile="aip"),
    Case("negative", "an OData `$ref` link", spec({"/assignments/{assignment_id}/rubric/$ref": "get delete"}), [],
         profile="aip"),
    Case("negative", "a DELETE of the parent resource", spec({"/v1/users/{user}": "get delete"}), [], profile="aip"),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
