"""aip133/post-to-collection: a Create posts to the collection, a client-chosen ID as a query parameter (AIP-133;
api-linter's 0133::http-uri-parent, 0133::http-uri-resource)."""

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, op, params, position_of, spec

RULE = "aip133/post-to-collection"


def E(path: str, resource: str, signal: str, name: str, suggestion: str) -> Expected:
    """`resource` with its article, as the message writes it: `a theme`, `an alias`."""
    return Expected("POST", path, f"`POST {path}` creates {resource} (its {signal} `{name}` says so) at the new "
                                  f"member's own path; a Create POSTs to the collection", suggestion)


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [E("/v1/pipes/{pipe_name}", "a pipe", "operationId", "CreatePipe",
                                 "POST /v1/pipes?pipe_name=")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "post:")
    assert findings[0].severity.value == "warning"
    assert [f.severity.value for f in lint(fixture(RULE, "bad.yaml"), RULE, profile="aip")] == ["error"]


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


SWAGGER = {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {"/v1/tags/{tag_name}": {"post": {
    "operationId": "create_tag", "parameters": [{"name": "tag_name", "in": "path", "required": True, "type": "string"}],
    "responses": {"200": {"description": "OK"}}}}}}

CASES = [
    Case("positive", "OpenAPI 2.0 create_tag", SWAGGER,
         [E("/v1/tags/{tag_name}", "a tag", "operationId", "create_tag", "POST /v1/tags?tag_name=")]),
    Case("positive", "the summary says it, an article before the noun", spec({
        "/workspaces/{workspaceName}/experiments/{experimentName}": {"post": op(summary="Create an Experiment.")}}),
        [E("/workspaces/{workspaceName}/experiments/{experimentName}", "an experiment", "summary",
           "Create an Experiment.", "POST /workspaces/{workspaceName}/experiments?experimentName=")]),
    Case("positive", "qualified by a noun of its path", spec({
        "/accounts/{AwsAccountId}/themes/{ThemeId}/aliases/{AliasName}": {"post": op(operationId="CreateThemeAlias")}}),
        [E("/accounts/{AwsAccountId}/themes/{ThemeId}/aliases/{AliasName}", "an alias", "operationId",
           "CreateThemeAlias", "POST /accounts/{AwsAccountId}/themes/{ThemeId}/aliases?AliasName=")]),
    Case("positive", "FastAPI's summary under the aip profile", spec({"/pipes/{pipe_name}": {"post": op(
        operationId="create_pipe_pipes__pipe_name__post", summary="Create Pipe")}}),
        [E("/pipes/{pipe_name}", "a pipe", "summary", "Create Pipe", "POST /pipes?pipe_name=")], profile="aip"),
    Case("negative", "a POST to the collection", spec({"/v1/pipes": {"post": op(operationId="CreatePipe")}}), []),
    Case("negative", "a bare variable: GitHub's commit statuses", spec({"/repos/{owner}/{repo}/statuses/{sha}": {
        "post": op(summary="Create a commit status")}}), []),
    Case("negative", "a selector variable", spec({"/system/archives/{archiveKind}": {"post": op(
        operationId="createArchive")}}), []),
    Case("negative", "a qualifier the path lacks: a subscription to an event", spec({
        "/notifications/events/{eventName}": {"post": op(operationId="createSubscriptionEvent")}}), []),
    Case("negative", "an association added (`add`), whose fix may be a PUT", spec({
        "/v1/shipments/{shipment_id}/tags/{tag_name}": {"post": op(summary="Add Tag to Shipment")}}), []),
    Case("negative", "the collection has its own POST", spec({
        "/v1/pipes": {"post": op(operationId="CreatePipes")},
        "/v1/pipes/{pipe_name}": {"post": op(operationId="CreatePipe")}}), []),
    Case("negative", "a Google-style colon custom method", spec({"/v1/pipes/{pipe_name}:createSnapshot": {
        "post": op(operationId="CreatePipeSnapshot")}}), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
