"""rest/verb-segment: a verb as a path segment of its own, attached to no resource."""

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

RULE = "rest/verb-segment"


def E(method: str, path: str, verb: str, suggestion: str | None) -> Expected:
    return Expected(method, path, f"`{verb}` is an action verb used as a path segment", suggestion)


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [
        E("POST", "/v1/vector-io/insert", "insert", "POST /v1/vector-io:insert"),
        E("POST", "/v1/safety/run-shield", "run-shield", "POST /v1/safety:runShield"),
        E("POST", "/v1/scoring/score", "score", "POST /v1/scoring:score"),
    ])
    insert = next(f for f in findings if f.path == "/v1/vector-io/insert")
    assert (insert.line, insert.column) == position_of(fixture(RULE, "bad.yaml"), "post:", after="/v1/vector-io/insert:")


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


CASES = [
    Case("positive", "POST /v1/vector-io/insert", spec({"/v1/vector-io/insert": "post"}),
         [E("POST", "/v1/vector-io/insert", "insert", "POST /v1/vector-io:insert")]),
    Case("positive", "GET /v1/tool-runtime/list-tools", spec({"/v1/tool-runtime/list-tools": "get"}),
         [E("GET", "/v1/tool-runtime/list-tools", "list-tools", "GET /v1/tool-runtime/tools")]),
    Case("positive", "object + verb phrase preference-optimize", spec({
        "/v1/post-training/preference-optimize": "post"}),
        [E("POST", "/v1/post-training/preference-optimize", "preference-optimize",
           "POST /v1/post-training:preferenceOptimize")]),
    Case("positive", "verb after a singular noun with no ID anywhere", spec({"/v1/job/cancel": "post"}),
         [E("POST", "/v1/job/cancel", "cancel", "POST /v1/job:cancel")]),
    Case("positive", "homograph search on a POST-only path", spec({"/v1/search": "post"}),
         [E("POST", "/v1/search", "search", "POST /v1:search")]),
    Case("positive", "create 201 with the new ID in the body is still a bare verb", spec({
        "/v1/post-training/supervised-fine-tune": {"post": op(request=body("job_uuid"),
                                                              responses={"201": {"description": "Created"}})}}),
        [E("POST", "/v1/post-training/supervised-fine-tune", "supervised-fine-tune",
           "POST /v1/post-training:supervisedFineTune")]),
    Case("negative", "homograph search on a GET path", spec({"/v1/search": "get", "/v1/files/search": "get"}), []),
    Case("negative", "homograph export served with GET and POST", spec({"/v1/export": "get post"}), []),
    Case("negative", "custom method attached to an ID (slash)", spec({"/v1/batches/{batch_id}/cancel": "post"}), []),
    Case("negative", "a verb under an identified resource's sub-resources",
         spec({"/v1/sites/{name}/config/backup/list": "post"}), []),
    Case("negative", "Google colon method /v1/{name}:cancel", spec({"/v1/{name}:cancel": "post"}), []),
    Case("negative", "Google colon method /v1/{resource}:getIamPolicy", spec({
        "/v1/{resource}:getIamPolicy": "post"}), []),
    Case("negative", "collection-level custom method books:batchGet", spec({"/v1/books:batchGet": "get"}), []),
    Case("negative", "collection-level slash method graders/run", spec({"/v1/graders/run": "post"}), []),
    Case("negative", "stateless colon method /v1:translateText", spec({"/v1:translateText": "post"}), []),
    Case("negative", "namespace chat/completions", spec({"/v1/chat/completions": "post"}), []),
    Case("negative", "resource literal that also takes PUT", spec({
        "/v1/fork-pr-contributor-approval": "get put"}), []),
    Case("negative", "verb-led plural noun phrase search-results on POST", spec({"/v1/search-results": "post"}), []),
    Case("not my business", "target ID in the query (aip136/attached-to-resource)", spec({
        "/v1/vector-io/insert": {"post": op(query("vector_store_id", required=True))},
        "/v1/vector_stores/{vector_store_id}": "get"}), [], reported_by="aip136/attached-to-resource"),
    Case("not my business", "target ID in the body (aip136/attached-to-resource)", spec({
        "/v1alpha/post-training/job/cancel": {"post": op(request=body("job_uuid"))}}), [],
        reported_by="aip136/attached-to-resource"),
    Case("not my business", "verb before an ID (rest/verb-before-id)", spec({
        "/v1beta/datasetio/append-rows/{dataset_id}": "post"}), [], reported_by="rest/verb-before-id"),
    Case("positive", "a standard verb grouping other literals, not the first grouping (NDHM's update/mobile)", spec({
        "/v1/hid/benefit/update/mobile": "post"}), [E("POST", "/v1/hid/benefit/update/mobile", "update", None)]),
    Case("negative", "a verb after one singular thing of a plural's (NDHM's /patients/profile/share)", spec({
        "/v0.5/patients/profile/share": "post", "/v0.5/links/link/confirm": "post"}), []),
    Case("positive", "the same verb after a singular under no plural: a namespace", spec({
        "/v0.5/profile/share": "post"}), [E("POST", "/v0.5/profile/share", "share", "POST /v0.5/profile:share")]),
    Case("negative", "a verb after a known alias is the member's (/users/me/change_password)", spec({
        "/users/me/change_password": "post", "/users": "get"}), []),
    Case("negative", "signing in under a sign-in namespace, even with a provider after it", spec({
        "/auth/login/{provider}": "get"}), []),
    Case("negative", "a synonym that is also a noun groups (Red Hat's patch product, a lookup table)", spec({
        "/api/patch/v1/advisories/{advisory_id}": "get", "/lookup/geneTypes": "get"}), []),
    Case("positive", "a verb grouping paths the API has without it, naming its operations (Kubernetes' watch)", spec({
        "/api/v1/pods": "get", "/api/v1/pods/{name}": "get",
        "/api/v1/watch/pods": {"get": op(operationId="watchCoreV1PodListForAllNamespaces")},
        "/api/v1/watch/pods/{name}": {"get": op(path_param("name"), operationId="watchCoreV1Pod")}}),
        [E("GET", "/api/v1/watch/pods", "watch", "GET /api/v1/pods:watch"),
         E("GET", "/api/v1/watch/pods/{name}", "watch", "GET /api/v1/pods/{name}/watch")]),
    Case("negative", "the same grouping where the API has no path without it", spec({
        "/api/v1/watch/pods": {"get": op(operationId="watchCoreV1PodListForAllNamespaces")}}), []),
    Case("negative", "a grouping its operations are not named by (OpenAI's chat, createChatCompletion)", spec({
        "/v1/completions": "post", "/v1/chat/completions": {"post": op(operationId="createChatCompletion")}}), []),
    Case("positive", "a verb grouping a POST named by it", spec({
        "/users": "get", "/export/users": {"post": op(operationId="exportUsers")}}),
        [E("POST", "/export/users", "export", "POST /users:export")]),
    Case("negative", "the same grouping where it is served itself (GET /export): a resource of its own", spec({
        "/export": "get", "/users": "get", "/export/users": {"post": op(operationId="exportUsers")}}), []),
    Case("positive", "a verb before the noun the path ends in, named by both (Rudder)", spec({
        "/system/regenerate/policies": {"post": op(operationId="regeneratePolicies")}}),
        [E("POST", "/system/regenerate/policies", "regenerate", "POST /system/policies:regenerate")]),
    Case("positive", "a verb before a singular object other verbs act on too (NDHM's change/password)", spec({
        "/v1/account/change/password": {"post": op(operationId="changePasswordUsingPOST")},
        "/v1/account/reset/password": {"post": op(operationId="resetPasswordUsingPOST")}}),
        [E("POST", "/v1/account/change/password", "change", "POST /v1/account/password:change"),
         E("POST", "/v1/account/reset/password", "reset", "POST /v1/account/password:reset")]),
    Case("negative", "one verb before objects it takes in turn (Snyk's test/maven, test/composer)", spec({
        "/test/maven": {"post": op(operationId="testMaven")},
        "/test/composer": {"post": op(operationId="testComposer")}}), []),
    Case("negative", "a verb before the noun the path ends in, read too (a resource of its own)", spec({
        "/system/regenerate/policies": {"post": op(operationId="regeneratePolicies"),
                                        "get": op(operationId="regeneratePoliciesStatus")}}), []),
    Case("negative", "a verb before a plural whose members a sibling addresses (API Platform's explain-urls)", spec({
        "/explain-urls": {"post": op(operationId="postExplainUrlCollection")}, "/explain-urls/{id}": "get"}), []),
    Case("positive", "the same phrase without members beside it", spec({"/explain-urls": "post"}),
         [E("POST", "/explain-urls", "explain-urls", None)]),
    Case("negative", "a read-only search grouping, left to AIP-136's stricter profile", spec({
        "/users": "get", "/search/users": {"get": op(operationId="searchUsers")}}), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
