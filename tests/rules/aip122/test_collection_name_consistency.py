"""aip122/collection-name-consistency: a singular that stands in for a member of its plural sibling."""

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
    position_of,
    query,
    spec,
)

RULE = "aip122/collection-name-consistency"


def E(method: str | None, path: str, single: str, plural: str, suggestion: str) -> Expected:
    return Expected(method, path, f"`{single}` is the singular of the collection `{plural}`", suggestion)


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [
        E("GET", "/v1alpha/post-training/job/status", "job", "jobs",
          "GET /v1alpha/post-training/jobs/{job_uuid}/status"),
        E("POST", "/v1/agents/{agent_id}/session", "session", "sessions", "POST /v1/agents/{agent_id}/sessions"),
    ])
    status = next(f for f in findings if f.method == "GET")
    assert (status.line, status.column) == position_of(
        fixture(RULE, "bad.yaml"), "get:", after="/v1alpha/post-training/job/status:")


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


CASES = [
    Case("positive", "member ID in the query beside the plural", spec({
        "/v1alpha/post-training/jobs": "get",
        "/v1alpha/post-training/job/status": {"get": op(query("job_uuid", required=True))}}),
        [E("GET", "/v1alpha/post-training/job/status", "job", "jobs",
           "GET /v1alpha/post-training/jobs/{job_uuid}/status")]),
    Case("positive", "member ID in the body beside the plural", spec({
        "/v1/jobs": "get", "/v1/job/status": {"post": op(request=body("job_id"))}}),
        [E("POST", "/v1/job/status", "job", "jobs", "POST /v1/jobs/{job_id}/status")]),
    Case("positive", "write-only singular beside the plural", spec({
        "/v1/agents/{agent_id}/sessions": "get", "/v1/agents/{agent_id}/session": "post"}),
        [E("POST", "/v1/agents/{agent_id}/session", "session", "sessions", "POST /v1/agents/{agent_id}/sessions")]),
    Case("negative", "readable singleton GET /user beside /users/{username}", spec({
        "/user": "get", "/users/{username}": "get"}), []),
    Case("negative", "readable singleton GET /app beside /apps/{app_slug}", spec({
        "/app": "get", "/apps/{app_slug}": "get"}), []),
    Case("negative", "singular session that can be read", spec({
        "/v1/agents/{agent_id}/sessions": "get", "/v1/agents/{agent_id}/session": "get post"}), []),
    Case("negative", "singular with no plural sibling", spec({
        "/v1/job/status": {"get": op(query("job_id", required=True))}}), []),
    Case("negative", "plural under another parent", spec({
        "/v1/jobs": "get", "/v1/admin/job": "post"}), []),
    Case("negative", "singleton status under an ID", spec({
        "/v1/jobs/{id}/status": "get", "/v1/jobs/{id}/statuses": "get"}), []),
    Case("negative", "uncountable data beside datasets", spec({
        "/v1/data": "post", "/v1/datasets": "get"}), []),
    Case("not my business", "singular in collection position (aip122/plural-collection)", spec({
        "/v1/jobs": "get", "/v1/job/{id}": "get"}), [], reported_by="aip122/plural-collection"),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
