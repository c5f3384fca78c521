"""aip136/attached-to-resource: a custom verb detached from the resource its operation names elsewhere."""

import pytest

from .._kit import (
    Case,
    Expected,
    assert_findings,
    body,
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

RULE = "aip136/attached-to-resource"


def E(method: str, path: str, verb: str, name: str, where: str, suggestion: str | None) -> Expected:
    return Expected(method, path, f"custom method `{verb}` is not attached to the resource it acts on, which is "
                                  f"named by `{name}` {where}", suggestion)


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [
        E("POST", "/v1alpha/post-training/job/cancel", "cancel", "job_uuid", "in the request body",
          "POST /v1alpha/post-training/jobs/{job_uuid}/cancel"),
        E("POST", "/v1/vector-io/insert", "insert", "vector_store_id", "in the query string",
          "POST /v1/vector_stores/{vector_store_id}/insert"),
        E("POST", "/v1/model/unregister", "unregister", "model_id", "in a path parameter the path lacks",
          "POST /v1/models/{model_id}/unregister"),
    ])
    cancel = next(f for f in findings if "cancel" in f.path)
    assert (cancel.line, cancel.column) == position_of(
        fixture(RULE, "bad.yaml"), "post:", after="/v1alpha/post-training/job/cancel:")
    assert {f.severity.value for f in findings} == {"warning"}
    assert {f.severity.value for f in lint(fixture(RULE, "bad.yaml"), RULE, profile="aip")} == {"error"}


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


CASES = [
    Case("positive", "body ID (Llama Stack job/cancel)", spec({
        "/v1alpha/post-training/job/cancel": {"post": op(request=body("job_uuid"))}}),
        [E("POST", "/v1alpha/post-training/job/cancel", "cancel", "job_uuid", "in the request body",
           "POST /v1alpha/post-training/jobs/{job_uuid}/cancel")]),
    Case("positive", "downgrade, upgrade's opposite, is an action, not a downgrade plan (LlamaCloud)", spec({
        "/api/v1/billing/downgrade-plan": {"post": op(query("organization_id", required=True))},
        "/api/v1/organizations/{organization_id}": "get"}),
        [E("POST", "/api/v1/billing/downgrade-plan", "downgrade-plan", "organization_id", "in the query string",
           "POST /api/v1/organizations/{organization_id}/downgrade-plan")]),
    Case("positive", "an action right after the thing its optional key names (ShipEngine)", spec({
        "/v1/tracking/start": {"post": op(query("carrier_code"), query("tracking_number"),
                                          summary="Start tracking a package")}}),
        [E("POST", "/v1/tracking/start", "start", "tracking_number", "in the query string",
           "POST /v1/tracking/{tracking_number}/start")]),
    Case("negative", "an optional value named after nothing is the action's argument", spec({
        "/cve/update": {"post": op(request=body(optional=["url"]))}}), []),
    Case("positive", "verb naming its object moves under the existing collection", spec({
        "/v1/safety/run-shield": {"post": op(request=body("shield_id"))}, "/v1/shields/{identifier}": "get"}),
        [E("POST", "/v1/safety/run-shield", "run-shield", "shield_id", "in the request body",
           "POST /v1/shields/{shield_id}/run")]),
    Case("positive", "query ID, aip profile suggests a colon verb", spec({
        "/v1/vector-io/insert": {"post": op(query("vector_store_id", required=True))},
        "/v1/vector_stores/{vector_store_id}": "get"}),
        [E("POST", "/v1/vector-io/insert", "insert", "vector_store_id", "in the query string",
           "POST /v1/vector_stores/{vector_store_id}:insert")], profile="aip"),
    Case("positive", "aip profile: the nested suggestion uses a colon verb", spec({
        "/v1alpha/post-training/job/cancel": {"post": op(request=body("job_uuid"))}}),
        [E("POST", "/v1alpha/post-training/job/cancel", "cancel", "job_uuid", "in the request body",
           "POST /v1alpha/post-training/jobs/{job_uuid}:cancel")], profile="aip"),
    Case("negative", "verb after the ID", spec({
        "/v1alpha/post-training/jobs/{job_uuid}/cancel": {"post": op(request=body("reason"))}}), []),
    Case("negative", "argument IDs of a custom method on an identified resource", spec({
        "/v1/jobs/{job_id}:move": {"post": op(query("folder_id", required=True))},
        "/v1/folders/{folder_id}": "get"}), []),
    Case("negative", "stateless colon method at the version", spec({
        "/v1:translateText": {"post": op(request=body("model_id"))}, "/v1/models/{model_id}": "get"}), []),
    Case("negative", "Google colon method /v1/{name}:cancel", spec({"/v1/{name}:cancel": "post"}), []),
    Case("negative", "create with the new ID (201)", spec({
        "/v1/post-training/supervised-fine-tune": {"post": op(request=body("job_uuid"),
                                                              responses={"201": {"description": "Created"}})}}), []),
    Case("negative", "optional filters and request IDs", spec({
        "/v1/vector-io/query": {"post": op(query("run_id"), query("request_id", required=True))}}), []),
    Case("not my business", "verb with no identifiable target (rest/verb-segment)", spec({
        "/v1/vector-io/insert": "post"}), [], reported_by="rest/verb-segment"),
    Case("positive", "collection-level verb with the member's ID (rest/resource-id-in-query reports it too)", spec({
        "/v1/jobs/cancel": {"post": op(query("job_id", required=True))}, "/v1/jobs/{job_id}": "get"}),
        [E("POST", "/v1/jobs/cancel", "cancel", "job_id", "in the query string", "POST /v1/jobs/{job_id}/cancel")]),
    Case("positive", "colon verb on the collection with the member's ID in the body", spec({
        "/v1/jobs:cancel": {"post": op(request=body("job_id"))}, "/v1/jobs/{job_id}": "get"}),
        [E("POST", "/v1/jobs:cancel", "cancel", "job_id", "in the request body", "POST /v1/jobs/{job_id}:cancel")]),
    Case("positive", "optional member ID of a collection-level action (YouTube videos/reportAbuse)", spec({
        "/v1/videos/reportAbuse": {"post": op(request=body("reason_id", optional=["videoId"]))},
        "/v1/videos/{videoId}": "get"}),
        [E("POST", "/v1/videos/reportAbuse", "reportAbuse", "videoId", "in the request body",
           "POST /v1/videos/{videoId}/reportAbuse")]),
    Case("negative", "an optional bare `id` in the body is the resource's own field (Gmail messages/send)", spec({
        "/v1/messages/send": {"post": op(request=body("raw", optional=["id"]))}, "/v1/messages/{id}": "get"}), []),
    Case("negative", "a reading method on a collection with another resource's ID (an argument)", spec({
        "/v1/jobs:search": {"post": op(request=body("owner_id"))}, "/v1/jobs/{job_id}": "get",
        "/v1/owners/{owner_id}": "get"}), []),
    Case("positive", "in: path ID missing from the template (oas/path-params-match reports it too)", spec({
        "/v1/model/unregister": {"post": op(path_param("model_id"))}}),
        [E("POST", "/v1/model/unregister", "unregister", "model_id", "in a path parameter the path lacks",
           "POST /v1/models/{model_id}/unregister")]),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
