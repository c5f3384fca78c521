"""aip131/response-one: a Get returns the resource itself, one object, not an array (AIP-131; api-linter's
0131::response-message-name)."""

from typing import Any

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, op, params, position_of, spec

RULE = "aip131/response-one"


def E(path: str, resource: str, signal: str, name: str) -> Expected:
    return Expected("GET", path, f"`GET {path}` gets one {resource} (its {signal} `{name}` says so) but returns a "
                                 f"JSON array; a Get returns the resource itself")


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [E("/v1/countries/{country}", "country", "operationId", "getCountry")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "schema: {type: array")
    assert findings[0].severity.value == "warning"
    assert [f.severity.value for f in lint(fixture(RULE, "bad.yaml"), RULE, profile="aip")] == ["error"]


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


ARRAY = {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}}}}


def get(schema: dict[str, Any] = ARRAY, **names: Any) -> dict[str, Any]:
    """A GET whose 200 response is `schema` in JSON, named by `names` (operationId, summary)."""
    return {"get": op(responses={"200": {"description": "OK", "content": {"application/json": {"schema": schema}}}},
                      **names)}


SWAGGER = {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {"/policies/{policyId}": {"get": {
    "operationId": "get_policy", "parameters": [{"name": "policyId", "in": "path", "required": True, "type": "string"}],
    "responses": {"200": {"description": "OK", "schema": {"type": "array", "items": {"type": "object"}}}}}}}}

CASES = [
    Case("positive", "OpenAPI 2.0 get_policy returning an array", SWAGGER,
         [E("/policies/{policyId}", "policy", "operationId", "get_policy")]),
    Case("positive", "the summary says it", spec({"/meetings/{meetingId}": get(summary="Get meeting")}),
         [E("/meetings/{meetingId}", "meeting", "summary", "Get meeting")]),
    Case("positive", "FastAPI: the route-laden operationId is passed over for the summary",
         spec({"/items/{item_id}": get(operationId="get_item_items__item_id__get", summary="Get Item")}),
         [E("/items/{item_id}", "item", "summary", "Get Item")]),
    Case("positive", "a qualified name by its key", spec({"/v1/orgs/{org_id}/wlans/{wlan_id}": get(
        operationId="getOrgWLAN")}), [E("/v1/orgs/{org_id}/wlans/{wlan_id}", "wlan", "operationId", "getOrgWLAN")]),
    Case("negative", "a Get returning one object", spec({"/v1/countries/{country}": get(
        {"type": "object", "properties": {"name": {"type": "string"}}}, operationId="getCountry")}), []),
    Case("negative", "a name in the plural: the variable filters (a path mistake)",
         spec({"/system/services/{servicename}": get(operationId="get_services_by_name")}), []),
    Case("negative", "another noun at the name's head", spec({"/tables/strings/{tableName}": get(
        operationId="readStringTable")}), []),
    Case("negative", "an ID after a singular literal", spec({"/api/person/{number}": get(
        operationId="getPerson")}), []),
    Case("negative", "a selector variable", spec({"/{username}/activities/{type}": get(operationId="getActivity")}),
         []),
    Case("negative", "a variable naming another thing", spec({"/user/scheduled_sends/{batch_id}": get(
        summary="Retrieve scheduled send")}), []),
    Case("negative", "a name that is not a get", spec({"/v1/countries/{country}": get(operationId="countryNeighbours")}),
         []),
    Case("negative", "Google-style `/v1/{name}` names no collection", spec({"/v1/{name}": get(operationId="getBook")}),
         []),
    Case("negative", "a colon custom method returning an array", spec({"/v1/books/{book}:getVersions": get(
        operationId="getBookVersions")}), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
