"""rest/verb-before-id: a verb in collection position, before an ID."""

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, params, position_of, spec

RULE = "rest/verb-before-id"


def E(path: str, literal: str, verb: str, suggestion: str | None) -> Expected:
    return Expected(None, path, f"`{literal}` is named by the verb `{verb}`", suggestion)


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    # The suggestions reuse the API's existing `/v1beta/datasets/{dataset_id}`.
    assert_findings(findings, [
        E("/v1beta/datasetio/append-rows/{dataset_id}", "append-rows", "append",
          "/v1beta/datasets/{dataset_id}/append-rows"),
        E("/v1beta/datasetio/iterrows/{dataset_id}", "iterrows", "iter", "/v1beta/datasets/{dataset_id}/iterrows"),
    ])
    append = next(f for f in findings if "append" in f.path)
    assert (append.line, append.column) == position_of(fixture(RULE, "bad.yaml"), "/v1beta/datasetio/append-rows")


def test_bad_fixture_aip_profile():
    findings = lint(fixture(RULE, "bad.yaml"), RULE, profile="aip")
    assert {f.suggestion for f in findings} == {
        "/v1beta/datasets/{dataset_id}:appendRows", "/v1beta/datasets/{dataset_id}:iterrows"}
    assert {f.severity.value for f in findings} == {"error"}


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


CASES = [
    Case("positive", "append-rows before dataset_id", spec({"/v1beta/datasetio/append-rows/{dataset_id}": "post"}),
         [E("/v1beta/datasetio/append-rows/{dataset_id}", "append-rows", "append",
            "/v1beta/datasetio/datasets/{dataset_id}/append-rows")]),
    Case("positive", "iterrows glued verb before another resource's ID", spec({
        "/v1beta/datasetio/iterrows/{dataset_id}": "get"}),
        [E("/v1beta/datasetio/iterrows/{dataset_id}", "iterrows", "iter",
           "/v1beta/datasetio/datasets/{dataset_id}/iterrows")]),
    Case("positive", "a reading verb by a key after a collection is a lookup, its List filtered (eXist-db's "
         "findByAuthor)", spec({"/documents/findByAuthor/{authorID}": "get", "/documents": "get"}),
         [Expected(None, "/documents/findByAuthor/{authorID}", "`findByAuthor` is a lookup of `documents` by a key",
                   None)]),
    Case("negative", "a noun by a key is a thing (PlayByPlay)", spec({"/games/PlayByPlay/{gameid}": "get"}), []),
    Case("positive", "get-user before user_id", spec({"/users/get-user/{user_id}": "get"}),
         [E("/users/get-user/{user_id}", "get-user", "get", "/users/{user_id}")]),
    Case("negative", "verb after the ID", spec({"/v1beta/datasets/{dataset_id}:appendRows": "post"}), []),
    Case("negative", "a derived word, not verb + noun", spec({"/v1/apps/{app_id}/closedlists/{entity_id}/roles": "get"}),
         []),
    Case("negative", "a literal its parameter names", spec({"/v1/imageSet/{imageSetId}": "get"}), []),
    Case("negative", "noun phrase search-results before its own ID", spec({"/v1/search-results/{id}": "get"}), []),
    Case("negative", "noun phrase search-results before search_result_id", spec({
        "/v1/search-results/{search_result_id}": "get"}), []),
    Case("negative", "noun phrase search-results before result_id", spec({
        "/v1/search-results/{result_id}": "get"}), []),
    Case("negative", "homograph noun exports", spec({"/v1/exports/{export_id}": "get"}), []),
    Case("negative", "checkpoints names its own ID", spec({"/v1/checkpoints/{checkpoint_id}": "get"}), []),
    Case("negative", "settings names its own ID", spec({"/v1/settings/{setting_id}": "get"}), []),
    Case("negative", "uncountable data before an ID", spec({"/v1/data/{key}": "get"}), []),
    Case("not my business", "singular collection (aip122/plural-collection)", spec({
        "/v1/agents/{agent_id}/session/{session_id}": "get"}), [], reported_by="aip122/plural-collection"),
    Case("not my business", "terminal verb segment (rest/verb-segment)", spec({"/v1/vector-io/insert": "post"}), [],
         reported_by="rest/verb-segment"),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
