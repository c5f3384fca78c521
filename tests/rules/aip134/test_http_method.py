"""aip134/http-method: an Update uses PATCH, not POST (AIP-134, AIP-127; api-linter's 0134::http-method)."""

import pytest

from .._kit import Case, Expected, assert_findings, body, check_case, fixture, ids, lint, op, params, position_of, spec

RULE = "aip134/http-method"


def E(path: str, signal: str, name: str, fixed: str | None = None) -> Expected:
    return Expected("POST", path, f"`POST {path}` updates the resource at its path (its {signal} `{name}` says so) "
                                  f"with POST; an Update uses PATCH", f"PATCH {fixed or path}")


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [E("/v1/accounts/{account_id}", "operationId", "UpdateAccount")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "post:")
    assert findings[0].severity.value == "warning"
    assert [f.severity.value for f in lint(fixture(RULE, "bad.yaml"), RULE, profile="aip")] == ["error"]


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


SWAGGER = {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {"/licensee/{licenseeNumber}": {
    "post": {"operationId": "updateLicensee", "consumes": ["application/x-www-form-urlencoded"], "parameters": [
        {"name": "licenseeNumber", "in": "path", "required": True, "type": "string"},
        {"name": "active", "in": "formData", "type": "boolean"}],
        "responses": {"200": {"description": "OK"}}}}}}

UPLOAD = {"required": True, "content": {"application/octet-stream": {"schema": {"type": "string", "format": "byte"}}}}

CASES = [
    Case("positive", "Twilio: POST /v1/Services/{Sid} UpdateService",
         spec({"/v1/Services/{Sid}": {"post": op(request=body(optional=["FriendlyName"]), operationId="UpdateService")}}),
         [E("/v1/Services/{Sid}", "operationId", "UpdateService")]),
    Case("positive", "the summary says it (no operationId)",
         spec({"/webhooks/{id}": {"post": op(request=body("url"), summary="Update a webhook")}}),
         [E("/webhooks/{id}", "summary", "Update a webhook")]),
    Case("positive", "OpenAPI 2.0 form fields; the fix writes the collection in the plural", SWAGGER, [E(
        "/licensee/{licenseeNumber}", "operationId", "updateLicensee", "/licensees/{licenseeNumber}")]),
    Case("not my business", "a verb where the collection belongs", spec({
        "/api/v1/monitor/update/{id}": {"post": op(operationId="updateMonitor")}}), [],
        reported_by="rest/verb-before-id"),
    Case("positive", "FastAPI-style operationId under the aip profile",
         spec({"/items/{item_id}": {"post": op(request=body("name"), operationId="update_item_items__item_id__post")}}),
         [E("/items/{item_id}", "operationId", "update_item_items__item_id__post")], profile="aip"),
    Case("negative", "a PATCH update", spec({"/v1/accounts/{account_id}": {"patch": op(operationId="UpdateAccount")}}),
         []),
    Case("negative", "a path that has a PATCH beside the POST",
         spec({"/v1/accounts/{account_id}": {"patch": op(operationId="UpdateAccount"),
                                             "post": op(operationId="UpdateAccountLegacy")}}), []),
    Case("negative", "a Google-style colon custom method named update",
         spec({"/v1/accounts/{account_id}:updateLabels": {"post": op(operationId="UpdateAccountLabels")}}), []),
    Case("negative", "a create-or-update (upsert) with POST",
         spec({"/v1/accounts/{account_id}": {"post": op(operationId="CreateOrUpdateAccount")}}), []),
    Case("negative", "a batch update", spec({"/v1/batch/objects/{object}": {"post": op(
        operationId="BatchUpdateObjects")}}), []),
    Case("negative", "an action verb (`set`) rather than an update",
         spec({"/Items/{itemId}/Images/{imageType}": {"post": op(operationId="SetItemImage")}}), []),
    Case("negative", "a POST that uploads a file's bytes (replacing content is a PUT)",
         spec({"/Contacts/{ContactID}/Attachments/{FileName}": {"post": op(
             request=UPLOAD, operationId="updateContactAttachmentByFileName")}}), []),
    Case("negative", "a POST on a collection named update is not on a member",
         spec({"/v1/accounts": {"post": op(operationId="UpdateAccounts")}}), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
