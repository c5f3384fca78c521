"""Other real specs from the shared corpus: no false positives where a reviewer expects none, no crash."""

from __future__ import annotations

import pytest
from conftest import corpus_file, lint

pytestmark = pytest.mark.slow  # big specs of the shared corpus


def test_openai_has_no_collection_id_or_path_parameter_findings():
    results = lint(str(corpus_file("openai/openapi.yaml")))
    rules = {f.rule for f in results}
    assert not rules & {"aip122/plural-collection", "rest/resource-id-in-query", "oas/path-params-match"}
    # `/responses?beta=true` is a real defect of that spec
    assert {f.path for f in results if f.rule == "oas/path-no-query-string"} >= {"/responses?beta=true"}


def test_openai_slash_custom_methods_are_consistent_under_rest_and_colon_under_aip():
    assert not [f for f in lint(str(corpus_file("openai/openapi.yaml"))) if f.rule == "aip136/custom-method-style"]
    aip = lint(str(corpus_file("openai/openapi.yaml")), "aip")
    assert "/fine_tuning/jobs/{fine_tuning_job_id}/cancel" in {f.path for f in aip if f.rule == "aip136/custom-method-style"}


def test_slack_swagger_2_loads_and_lints():
    results = lint(str(corpus_file("slack/slack_web_openapi_v2_without_examples.json")))
    assert all(f.line >= 1 and f.column >= 1 for f in results)


def test_twilio_loads_and_lints():
    lint(str(corpus_file("twilio/twilio_api_v2010.yaml")))
