"""rest/resource-id-in-header: the target's ID in a request header; context, tracing and credentials are fine."""

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, op, params, position_of, spec

RULE = "rest/resource-id-in-header"


def E(method: str, path: str, name: str, suggestion: str | None) -> Expected:
    return Expected(method, path, f"required header `{name}` identifies the resource", suggestion)


def header(name: str, required: bool = True) -> dict:
    return {"name": name, "in": "header", "required": required, "schema": {"type": "string"}}


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [
        E("DELETE", "/v1/events", "id", "DELETE /v1/events/{id}"),
        E("GET", "/v1/events/info", "X-Event-Id", "GET /v1/events/{event_id}"),  # the info view is the event
    ])
    delete = next(f for f in findings if f.method == "DELETE")
    assert (delete.line, delete.column) == position_of(fixture(RULE, "bad.yaml"), "{name: id, in: header",
                                                       after="delete:")


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


ONE_TASK = {"200": {"description": "OK", "content": {"application/json": {"schema": {
    "type": "object", "properties": {"id": {"type": "string"}}}}}}}

CASES = [
    Case("positive", "PATCH on the collection with the member's ID in a header", spec({
        "/v1/tasks": {"patch": op(header("id"))}}), [E("PATCH", "/v1/tasks", "id", "PATCH /v1/tasks/{id}")]),
    Case("positive", "a GET of one task named by X-Task-Id", spec({
        "/v1/task": {"get": op(header("X-Task-Id"), responses=ONE_TASK)}, "/v1/tasks/{task_id}/notes": "get"}),
        [E("GET", "/v1/task", "X-Task-Id", "GET /v1/tasks/{task_id}")]),
    Case("negative", "the ID of a party the API has no resource for (a callback's routing)", spec({
        "/v0.5/consents/hip/notify": {"post": op(header("X-HIP-ID"))}}), []),
    Case("negative", "a list's scope in a header", spec({
        "/v1/accounts": {"get": op(header("Consent-ID"))}, "/v1/consents/{consentId}": "get"}), []),
    Case("negative", "the caller's tenant on every operation", spec({
        "/v1/tasks": {"get": op(header("X-Tenant-Id")), "delete": op(header("X-Tenant-Id"))},
        "/v1/tasks/{task_id}": {"get": op(header("X-Tenant-Id"))}}), []),
    Case("negative", "a request ID and an idempotency key", spec({
        "/v1/tasks": {"delete": op(header("X-Request-Id"), header("Idempotency-Key"))}}), []),
    Case("negative", "the path already names the task", spec({
        "/v1/tasks/{task_id}": {"delete": op(header("X-Task-Id"))}}), []),
    Case("negative", "an optional ID header on a list is a filter", spec({
        "/v1/tasks": {"get": op(header("X-Project-Id", required=False))}}), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
