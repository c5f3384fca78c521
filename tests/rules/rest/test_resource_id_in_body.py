"""rest/resource-id-in-body: the target's ID as a required body field of an action with no resource path."""

import pytest

from .._kit import Case, Expected, assert_findings, body, check_case, fixture, ids, lint, op, params, position_of, spec

RULE = "rest/resource-id-in-body"


def E(method: str, path: str, name: str, suggestion: str | None) -> Expected:
    return Expected(method, path, f"required body field `{name}` identifies the resource", suggestion)


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [
        E("POST", "/v1alpha/post-training/job/cancel", "job_uuid", "POST /v1alpha/post-training/jobs/{job_uuid}/cancel"),
        # `run-shield` acting on a shield becomes `run`, under the API's existing shields collection.
        E("POST", "/v1/safety/run-shield", "shield_id", "POST /v1/shields/{shield_id}/run"),
    ])
    job = next(f for f in findings if "job_uuid" in f.message)
    assert (job.line, job.column) == position_of(fixture(RULE, "bad.yaml"), "job_uuid: {type", after="properties:")
    assert job.severity.value == "warning"


def test_bad_fixture_aip_profile_suggests_colon_verbs():
    findings = lint(fixture(RULE, "bad.yaml"), RULE, profile="aip")
    assert {"POST /v1/shields/{shield_id}:run", "POST /v1alpha/post-training/jobs/{job_uuid}:cancel"} <= {
        f.suggestion for f in findings}


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


CASES = [
    Case("positive", "under a parameter of the path (its braces are not a format field)", spec({
        "/v1/projects/{project_id}/job/cancel": {"post": op(request=body("job_uuid"))}}),
        [E("POST", "/v1/projects/{project_id}/job/cancel", "job_uuid",
           "POST /v1/projects/{project_id}/jobs/{job_uuid}/cancel")]),
    Case("positive", "a standard method that returns the member it deleted did not create it", spec({
        "/v1/secrets/delete": {"post": op(request=body("name"), responses={"200": {"description": "The secret",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Secret"}}}}})},
        "/v1/secrets": "get"}, components={"schemas": {"Secret": {"type": "object"}}}),
        [E("POST", "/v1/secrets/delete", "name", "DELETE /v1/secrets/{name}")]),
    Case("positive", "job/cancel with job_uuid", spec({
        "/v1alpha/post-training/job/cancel": {"post": op(request=body("job_uuid"))}}),
        [E("POST", "/v1alpha/post-training/job/cancel", "job_uuid",
           "POST /v1alpha/post-training/jobs/{job_uuid}/cancel")]),
    Case("positive", "PATCH on a top-level singleton with the ID of an existing collection", spec({
        "/v1/config": {"patch": op(request=body("model_id", optional=["value"]))}, "/v1/models/{model_id}": "get"}),
        [E("PATCH", "/v1/config", "model_id", "PATCH /v1/models/{model_id}/config")]),
    Case("negative", "PATCH on a collection path", spec({
        "/v1/settings": {"patch": op(request=body("model_id"))}, "/v1/models/{model_id}": "get"}), []),
    Case("negative", "reference to another resource when attaching (vector_stores/{id}/files + file_id)", spec({
        "/v1/vector_stores/{vector_store_id}/files": {"post": op(request=body("file_id"))},
        "/v1/files/{file_id}": "get"}), []),
    Case("negative", "optional ID in a document that declares required fields elsewhere", spec({
        "/v1/queue/cancel": {"post": op(request=body(optional=["job_id"]))}, "/v1/jobs": {"post": op(
            request=body("model"))}}), []),
    Case("positive", "the same right after the thing it keys: the cancel acts on that job", spec({
        "/v1/job/cancel": {"post": op(request=body(optional=["job_id"]))}, "/v1/jobs": {"post": op(
            request=body("model"))}}),
        [Expected("POST", "/v1/job/cancel", "body field `job_id` identifies the resource",
                  "POST /v1/jobs/{job_id}/cancel")]),
    Case("positive", "a required body in a document that never lists required fields: its ID is read as required",
         spec({"/v1/subaccounts/delete.json": {"post": op(request=body(optional=["key", "id"]))},
               "/v1/subaccounts/pause.json": {"post": op(request=body(optional=["key", "id"]))},
               "/v1/subaccounts/list.json": {"post": op(request=body(optional=["key"]))}}),
        [Expected("POST", "/v1/subaccounts/delete.json", "body field `id` identifies", "DELETE /v1/subaccounts/{id}"),
         Expected("POST", "/v1/subaccounts/pause.json", "body field `id` identifies",
                  "POST /v1/subaccounts/{id}/pause.json")]),
    Case("negative", "a sending verb makes its object: the chat is where the new message goes", spec({
        "/sendMessage": {"post": op(request=body("chat_id", "text"))}, "/chats/{chat_id}": "get"}), []),
    Case("positive", "a sending verb given its object's ID acts on that object", spec({
        "/v1/email/sendInvoice": {"post": op(request=body("invoice_id"))}, "/v1/invoices/{invoice_id}": "get"}),
        [E("POST", "/v1/email/sendInvoice", "invoice_id", "POST /v1/invoices/{invoice_id}/send")]),
    Case("negative", "silent document, but the body is optional", spec({
        "/v1/subaccounts/delete.json": {"post": op(request={**body(optional=["id"]), "required": False})}}), []),
    Case("negative", "silent document, but the field is not named as a key", spec({
        "/v1/ips/delete.json": {"post": op(request=body(optional=["key", "reason"]))}}), []),
    Case("positive", "silent document: the field named as the collection's member keys it", spec({
        "/v1/ips/delete.json": {"post": op(request=body(optional=["key", "ip"]))}}),
        [Expected("POST", "/v1/ips/delete.json", "body field `ip` identifies", "DELETE /v1/ips/{ip}")]),
    Case("negative", "silent document, but a URL is as often a value as a key", spec({
        "/v1/requests/find": {"post": op(request=body(optional=["url", "method"]))}}), []),
    Case("negative", "a read-only ID is the server's, never sent (Azure's resource `id`)", spec({
        "/v1/policies/default": {"put": op(request={"required": True, "content": {"application/json": {"schema": {
            "type": "object", "required": ["id"], "properties": {"id": {"type": "string", "readOnly": True}}}}}})},
        "/v1/policies": "get"}), []),
    Case("negative", "path already identifies the target", spec({
        "/v1/batches/{batch_id}/cancel": {"post": op(request=body("batch_id"))}}), []),
    Case("negative", "create answers 201 with the new job's ID in the body", spec({
        "/v1/post-training/supervised-fine-tune": {"post": op(request=body("job_uuid"),
                                                              responses={"201": {"description": "Created"}})},
        "/v1/post-training/jobs/{job_uuid}": "get"}), []),
    Case("negative", "create returns the schema named after the resource", spec({
        "/v1/post-training/preference-optimize": {"post": op(request=body("job_uuid"), responses={"200": {
            "description": "OK", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/PostTrainingJob"}}}}})},
        "/v1/post-training/jobs/{job_uuid}": "get"},
        components={"schemas": {"PostTrainingJob": {"type": "object"}}}), []),
    Case("negative", "GET is never judged", spec({
        "/v1/job/status": {"get": op()}, "/v1/jobs": "get"}), []),
    Case("negative", "request ID in the body", spec({
        "/v1/job/cancel": {"post": op(request=body("request_id"))}, "/v1/jobs": "get"}), []),
    Case("negative", "ID that names no resource of the API", spec({
        "/v1/chat/completions": {"post": op(request=body("deployment_id"))}}), []),
    Case("negative", "create on a collection with the new ID (AIP-133)", spec({
        "/v1/books": {"post": op(request=body("book_id"))}}), []),
    Case("not my business", "ID in the query (rest/resource-id-in-query)", spec({
        "/v1/job/cancel": {"post": op({"name": "job_id", "in": "query", "required": True,
                                       "schema": {"type": "string"}})}, "/v1/jobs": "get"}), [],
        reported_by="rest/resource-id-in-query"),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
