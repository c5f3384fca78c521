"""rest/resource-id-in-query: the target's ID in the query string; filters, cursors and create IDs are fine."""

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, op, params, position_of, query, spec

RULE = "rest/resource-id-in-query"


def E(method: str, path: str, name: str, suggestion: str | None) -> Expected:
    return Expected(method, path, f"required query parameter `{name}` identifies the resource", suggestion)


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [
        E("GET", "/v1alpha/post-training/job/status", "job_uuid", "GET /v1alpha/post-training/jobs/{job_uuid}/status"),
        E("DELETE", "/v1/files", "file_id", "DELETE /v1/files/{file_id}"),
    ])
    delete = next(f for f in findings if f.method == "DELETE")
    assert (delete.line, delete.column) == position_of(fixture(RULE, "bad.yaml"), "{name: file_id", after="delete:")
    assert delete.severity.value == "error"


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


JOBS = {"/v1/jobs/{job_id}": "get"}


def said(name: str, description: str) -> dict:
    """A query parameter whose description says whether it is required; its flag is not set."""
    return {**query(name), "description": description}

def key_query(name: str, description: str) -> dict:
    """A variable of the key's query string (`/current?city_id={city_id}`), declared `in: path` as Swagger 2.0
    specs write it."""
    return {"name": name, "in": "path", "required": True, "description": description, "schema": {"type": "string"}}


CASES = [
    Case("positive", "ID on a singleton-like path", spec({
        "/v1alpha/post-training/job/status": {"get": op(query("job_uuid", required=True))}}),
        [E("GET", "/v1alpha/post-training/job/status", "job_uuid",
           "GET /v1alpha/post-training/jobs/{job_uuid}/status")]),
    Case("positive", "DELETE on the collection with the member's ID", spec({
        "/v1/jobs": {"delete": op(query("job_id", required=True))}, **JOBS}),
        [E("DELETE", "/v1/jobs", "job_id", "DELETE /v1/jobs/{job_id}")]),
    Case("positive", "camelCase jobUuid", spec({
        "/v1/job/status": {"get": op(query("jobUuid", required=True))}}),
        [E("GET", "/v1/job/status", "jobUuid", "GET /v1/jobs/{jobUuid}/status")]),
    Case("positive", "slash verb on the collection with the member's ID", spec({
        "/v1/jobs/cancel": {"post": op(query("job_id", required=True))}, **JOBS}),
        [E("POST", "/v1/jobs/cancel", "job_id", "POST /v1/jobs/{job_id}/cancel")]),
    Case("positive", "colon verb on the collection with the member's ID", spec({
        "/v1/jobs:cancel": {"post": op(query("job_id", required=True))}}),
        [E("POST", "/v1/jobs:cancel", "job_id", "POST /v1/jobs/{job_id}:cancel")]),
    Case("positive", "required parent ID on a list goes before the collection (AIP-132)", spec({
        "/v1/messages": {"get": op(query("thread_id", required=True))}, "/v1/threads/{thread_id}": "get"}),
        [E("GET", "/v1/messages", "thread_id", "GET /v1/threads/{thread_id}/messages")]),
    Case("positive", "required bare id on a list addresses one member", spec({
        "/v1/jobs": {"get": op(query("id", required=True))}}),
        [E("GET", "/v1/jobs", "id", "GET /v1/jobs/{id}")]),
    Case("positive", "an ID its description calls required, the flag unset (Braze's Postman export)", spec({
        "/campaigns/details": {"get": op(said("campaign_id", "(Required) String\n\nCampaign API identifier"))}}),
        [E("GET", "/campaigns/details", "campaign_id", "GET /campaigns/{campaign_id}")]),  # details: the campaign whole
    Case("positive", "a member written as its plural's singular, its ID in the query (Doppler)", spec({
        "/v3/projects": "get", "/v3/projects/project": {"get": op(query("project", required=True))}}),
        [E("GET", "/v3/projects/project", "project", "GET /v3/projects/{project}")]),
    Case("negative", "the same ID, required only on a condition", spec({
        "/campaigns/details": {"get": op(said("campaign_id", "Required if no name is given"))}}), []),
    Case("negative", "optional list filter run_id and cursor after", spec({
        "/v1/threads/{thread_id}/messages": {"get": op(query("run_id"), query("after"))},
        "/v1/runs/{run_id}": "get"}), []),
    Case("negative", "optional ID on a singleton-like path", spec({
        "/v1/job/status": {"get": op(query("job_id"))}, **JOBS}), []),
    Case("negative", "required array ID filter", spec({
        "/v1/files": {"get": op(query("file_id", required=True, array=True))}, "/v1/files/{file_id}": "get"}), []),
    Case("negative", "plural names ids and project_ids", spec({
        "/v1/jobs": {"get": op(query("ids", required=True), query("project_ids", required=True))}}), []),
    Case("negative", "request, trace and idempotency IDs", spec({
        "/v1/jobs": {"post": op(query("request_id", required=True), query("trace_id", required=True),
                                query("idempotency_key", required=True))}}), []),
    Case("negative", "AIP-133 create ID bookId", spec({
        "/v1/books": {"post": op(query("bookId", required=True))}}), []),
    Case("negative", "AIP-133 create ID book_id", spec({
        "/v1/publishers/{publisher_id}/books": {"post": op(query("book_id", required=True))}}), []),
    Case("negative", "selector on a path that ends in an ID", spec({
        "/v1/prompts/{prompt_id}": {"get": op(query("version_id", required=True))}}), []),
    Case("negative", "argument of a custom method on an identified resource", spec({
        "/v1/jobs/{job_id}:move": {"post": op(query("folder_id", required=True))},
        "/v1/folders/{folder_id}": "get"}), []),
    Case("negative", "alias already identifies the target", spec({
        "/v1/users/me": {"get": op(query("user_id", required=True))}, "/v1/users/{user_id}": "get"}), []),
    Case("negative", "ignore option", spec({
        "/v1/job/status": {"get": op(query("job_id", required=True))}, **JOBS}), [],
        options={"ignore": ["job_id"]}),
    Case("negative", "ID that names no resource of the API", spec({
        "/v1/chat/completions": {"post": op(query("deployment_id", required=True))}}), []),
    Case("positive", "Swagger 2.0's key with a query string sends its ID in the query (Weatherbit)", spec({
        "/current?city_id={city_id}": {"get": op(key_query("city_id", "City ID. Example: 4487042"))}}),
        [Expected("GET", "/current?city_id={city_id}", "required query parameter `city_id`, written in the path "
                  "key's query string, identifies the resource", "GET /cities/{city_id}/current")]),
    Case("positive", "a key whose description calls it its noun's ID", spec({
        "/current?station={station}": {"get": op(key_query("station", "Station Call ID."))}}),
        [Expected("GET", "/current?station={station}", "`station`, written in the path key's query string",
                  "GET /stations/{station}/current")]),
    Case("negative", "keys of no one thing in the key's query string: a postal code, a list of stations", spec({
        "/current?postal_code={postal_code}": {"get": op(key_query("postal_code", "Postal Code. Example: 28546"))},
        "/current?stations={stations}": {"get": op(key_query("stations", "Comma separated list of Station Call ID's"))},
        }), []),
    Case("not my business", "ID declared in: path but missing from the template (oas/path-params-match)", spec({
        "/v1/job/status": {"get": op({"name": "job_id", "in": "path", "required": True,
                                      "schema": {"type": "string"}})}}), [],
        reported_by="oas/path-params-match"),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
