"""aip136/custom-method-style: `:verb` versus `/verb`, by option and profile."""

import pytest

from aiplint.config import Config, RuleSettings
from aiplint.linting.engine import lint_document
from aiplint.read.document import open_document

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, params, position_of, spec

RULE = "aip136/custom-method-style"


def E(path: str, written: str, suggestion: str) -> Expected:
    return Expected(None, path, f"custom method `{written}` is written in the other style", suggestion)


def test_bad_fixture_rest_follows_the_majority():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [E("/v1/batches/{batch_id}/cancel", "/cancel", "/v1/batches/{batch_id}:cancel")])
    assert "most custom methods in this document are written `:verb`" in findings[0].message
    assert findings[0].severity.value == "warning"
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "/v1/batches/")


def test_bad_fixture_aip_profile_is_an_error():
    findings = lint(fixture(RULE, "bad.yaml"), RULE, profile="aip")
    assert_findings(findings, [E("/v1/batches/{batch_id}/cancel", "/cancel", "/v1/batches/{batch_id}:cancel")])
    assert "AIP-136 writes custom methods as `:verb`" in findings[0].message
    assert findings[0].severity.value == "error"


@pytest.mark.parametrize("profile", ["rest", "aip"])
def test_good_fixture(profile):
    assert lint(fixture(RULE, "good.yaml"), RULE, profile=profile) == []


def test_invalid_style_option_is_reported_as_a_crash_of_this_rule():
    document = open_document("inline.json", text='{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, '
                                                 '"paths": {}}')
    linted = lint_document(document, Config(select=(RULE,), rules={RULE: RuleSettings(options={"style": "dash"})}))
    findings, crashes = linted.findings, linted.crashes
    assert findings == []
    assert [(c.rule, c.error) for c in crashes] == [
        (RULE, "ValueError: option style must be colon, slash or either, not 'dash'")]


SLASH_ONLY = spec({"/v1/batches/{batch_id}/cancel": "post", "/v1/responses/{response_id}/cancel": "post"})

CASES = [
    Case("positive", "aip profile: a slash verb after a known alias (/users/me/change_password)", spec({
        "/users/me/change_password": "post", "/users": "get"}),
        [E("/users/me/change_password", "/change_password", "/users/me:changePassword")], profile="aip"),
    Case("positive", "aip profile: OpenAI-style /batches/{batch_id}/cancel", spec({
        "/batches/{batch_id}/cancel": "post"}),
        [E("/batches/{batch_id}/cancel", "/cancel", "/batches/{batch_id}:cancel")], profile="aip"),
    Case("positive", "aip profile: multi-word slash verb becomes camelCase", spec({
        "/v1/prompts/{prompt_id}/set-default-version": "post"}),
        [E("/v1/prompts/{prompt_id}/set-default-version", "/set-default-version",
           "/v1/prompts/{prompt_id}:setDefaultVersion")], profile="aip"),
    Case("positive", "style=colon under rest", SLASH_ONLY, [
        E("/v1/batches/{batch_id}/cancel", "/cancel", "/v1/batches/{batch_id}:cancel"),
        E("/v1/responses/{response_id}/cancel", "/cancel", "/v1/responses/{response_id}:cancel")],
        options={"style": "colon"}),
    Case("positive", "style=slash flags colon methods", spec({"/v1/jobs/{job_id}:cancel": "post"}),
         [E("/v1/jobs/{job_id}:cancel", ":cancel", "/v1/jobs/{job_id}/cancel")], options={"style": "slash"}),
    Case("positive", "rest minority colon among slash methods", spec({
        "/v1/batches/{batch_id}/cancel": "post", "/v1/runs/{run_id}/cancel": "post", "/v1/jobs/{job_id}:pause": "post"}),
        [E("/v1/jobs/{job_id}:pause", ":pause", "/v1/jobs/{job_id}/pause")]),
    Case("negative", "rest profile accepts consistent slash methods", SLASH_ONLY, []),
    Case("negative", "rest profile: a tie has no majority to follow", spec({
        "/v1/jobs/{job_id}:cancel": "post", "/v1/batches/{batch_id}/cancel": "post"}), []),
    Case("negative", "aip profile: Google colon methods", spec({
        "/v1/{name}:cancel": "post", "/v1/{resource}:getIamPolicy": "post", "/v1/books:batchGet": "get"}), [],
        profile="aip"),
    Case("negative", "aip profile: sub-resources are not custom methods", spec({
        "/v1/files/{file_id}/content": "get", "/v1/jobs/{job_id}/status": "get", "/v1/users/me": "get",
        "/v1/users/{user_id}": "get"}), [], profile="aip"),
    Case("not my business", "aip profile: unattached verb (rest/verb-segment)", spec({
        "/v1/vector-io/insert": "post"}), [], profile="aip", reported_by="rest/verb-segment"),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
