"""oas/path-params-match: `in: path` parameters and template variables agree."""

import pytest

from .._kit import (
    Case,
    Expected,
    assert_findings,
    check_case,
    fixture,
    ids,
    lint,
    op,
    params,
    path_param,
    position_of,
    spec,
)

RULE = "oas/path-params-match"


def extra(method: str | None, path: str, name: str, suggestion: str | None) -> Expected:
    return Expected(method, path, f"path parameter `{name}` does not appear in the path template", suggestion)


def undeclared(method: str, path: str, name: str) -> Expected:
    return Expected(method, path, f"template variable `{{{name}}}` of `{path}` is not declared", None)


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [
        extra("GET", "/v1alpha/post-training/job/status", "job_uuid", "GET /v1alpha/post-training/jobs/{job_uuid}/status"),
        undeclared("GET", "/v1/files/{file_id}", "file_id"),
    ])
    param = next(f for f in findings if "job_uuid" in f.message)
    assert (param.line, param.column) == position_of(fixture(RULE, "bad.yaml"), "{name: job_uuid")
    assert param.pointer.endswith("/get/parameters/0")


def test_path_item_parameter_is_one_finding_without_a_method():
    findings = lint(spec({"/v1/job/status": {"parameters": [path_param("job_id")], "get": {}, "delete": {}}}), RULE)
    assert [(f.method, f.path, f.pointer) for f in findings] == [
        (None, "/v1/job/status", "/paths/~1v1~1job~1status/parameters/0")]
    assert "path parameter `job_id` does not appear in the path template `/v1/job/status`" in findings[0].message


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


CASES = [
    Case("positive", "template variable with no parameter", spec({"/v1/jobs/{job_id}": "get post"},
                                                                 declare_path_params=False),
         [undeclared("GET", "/v1/jobs/{job_id}", "job_id"), undeclared("POST", "/v1/jobs/{job_id}", "job_id")]),
    Case("positive", "operation path parameter missing from the template", spec({
        "/v1alpha/post-training/job/status": {"get": op(path_param("job_uuid"))}}),
        [extra("GET", "/v1alpha/post-training/job/status", "job_uuid",
               "GET /v1alpha/post-training/jobs/{job_uuid}/status")]),
    Case("positive", "path-item parameter missing from the template is reported once", spec({
        "/v1/job/status": {"parameters": [path_param("job_id")], "get": {}, "delete": {}}}),
        [extra(None, "/v1/job/status", "job_id", "/v1/jobs/{job_id}/status")]),
    Case("positive", "parameter name differs from the template variable", spec({
        "/v1/files/{file_id}": {"get": op(path_param("id"))}}, declare_path_params=False),
        [extra("GET", "/v1/files/{file_id}", "id", None), undeclared("GET", "/v1/files/{file_id}", "file_id")]),
    Case("negative", "declared at the path item", spec({"/v1/files/{file_id}": "get delete"}), []),
    Case("not my business", "parameters in a query string of the key (oas/path-no-query-string)", spec({
        "/alerts?lat={lat}&lon={lon}": {"get": op(path_param("lat"), path_param("lon"))}}), [],
        reported_by="oas/path-no-query-string"),
    Case("negative", "declared at the operation", spec({"/v1/files/{file_id}": {"get": op(path_param("file_id"))}},
                                                       declare_path_params=False), []),
    Case("negative", "Google colon method /v1/{name}:cancel", spec({"/v1/{name}:cancel": "post"}), []),
    Case("negative", "Google colon method /v1/{resource}:getIamPolicy", spec({
        "/v1/{resource}:getIamPolicy": "post"}), []),
    Case("negative", "mixed segment {name}.json", spec({"/v1/files/{name}.json": "get"}), []),
    Case("negative", "query parameter with an ID name is not a path parameter", spec({
        "/v1/files": {"get": op({"name": "file_id", "in": "query", "schema": {"type": "string"}})}}), []),
    Case("not my business", "query string in the path key (oas/path-no-query-string)", spec({
        "/v1/responses?beta=true": "post"}), [], reported_by="oas/path-no-query-string"),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)


def test_malformed_templates_are_reported_once_per_path():
    found = lint(spec({"/foo/{bar}/{bar}": "get put", "/path/{}": "get"}, declare_path_params=False), RULE)
    messages = sorted(f.message for f in found if f.method is None)
    assert [m.split(";")[0] for m in messages] == [
        "path `/foo/{bar}/{bar}` has the template expression `{bar}` twice",
        "path `/path/{}` has an empty template expression `{}`"]
