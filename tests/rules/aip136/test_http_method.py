"""aip136/http-method: custom methods use POST, or GET when they only read."""

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, params, position_of, spec

RULE = "aip136/http-method"


def E(method: str, path: str, verb: str, suggestion: str) -> Expected:
    return Expected(method, path, f"custom method `{verb}` uses {method}", suggestion)


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [
        E("PUT", "/v1/prompts/{prompt_id}/set-default-version", "set-default-version",
          "POST /v1/prompts/{prompt_id}/set-default-version"),
        E("GET", "/v1/jobs/{job_id}/cancel", "cancel", "POST /v1/jobs/{job_id}/cancel"),
    ])
    put = next(f for f in findings if f.method == "PUT")
    assert (put.line, put.column) == position_of(fixture(RULE, "bad.yaml"), "put:")
    get = next(f for f in findings if f.method == "GET")
    assert "`cancel` changes state" in get.message


def test_bad_fixture_aip_profile_suggests_colon_verbs():
    findings = lint(fixture(RULE, "bad.yaml"), RULE, profile="aip")
    assert {f.suggestion for f in findings} == {
        "POST /v1/prompts/{prompt_id}:setDefaultVersion", "POST /v1/jobs/{job_id}:cancel"}


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


CASES = [
    Case("positive", "PUT /v1/prompts/{prompt_id}/set-default-version", spec({
        "/v1/prompts/{prompt_id}/set-default-version": "put"}),
        [E("PUT", "/v1/prompts/{prompt_id}/set-default-version", "set-default-version",
           "POST /v1/prompts/{prompt_id}/set-default-version")]),
    Case("positive", "PATCH and DELETE colon methods", spec({
        "/v1/jobs/{job_id}:pause": "patch", "/v1/jobs/{job_id}:cancel": "delete"}),
        [E("PATCH", "/v1/jobs/{job_id}:pause", "pause", "POST /v1/jobs/{job_id}:pause"),
         E("DELETE", "/v1/jobs/{job_id}:cancel", "cancel", "POST /v1/jobs/{job_id}:cancel")]),
    Case("positive", "GET on a state-changing colon verb", spec({"/v1/{name}:cancel": "get"}),
         [E("GET", "/v1/{name}:cancel", "cancel", "POST /v1/{name}:cancel")]),
    Case("positive", "GET on a state-changing verb segment", spec({"/v1/models/{model_id}/restart": "get"}),
         [E("GET", "/v1/models/{model_id}/restart", "restart", "POST /v1/models/{model_id}/restart")]),
    Case("negative", "POST custom methods", spec({
        "/v1/{name}:cancel": "post", "/v1/batches/{batch_id}/cancel": "post"}), []),
    Case("negative", "GET on a read-only verb getIamPolicy", spec({"/v1/{resource}:getIamPolicy": "get"}), []),
    Case("negative", "GET on a read-only verb exportData", spec({"/v1/jobs/{job_id}:exportData": "get"}), []),
    Case("negative", "GET on a read-only collection method batchGet", spec({"/v1/books:batchGet": "get"}), []),
    Case("negative", "PUT and DELETE on a resource literal, not a verb", spec({
        "/v1/repos/{repo_id}/fork-pr-contributor-approval": "get put"}), []),
    Case("negative", "PUT on a singleton sub-resource", spec({"/v1/files/{file_id}/content": "put"}), []),
    Case("negative", "DELETE on a resource", spec({"/v1/jobs/{job_id}": "delete"}), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
