"""Acceptance on Llama Stack's real specs (PR #4606 and its parents, vendored in fixtures/llama-stack), against the
reviewed ground truth in the shared corpus's llama-stack/SOURCE.md."""

from __future__ import annotations

import pytest
from conftest import corpus_file, lint, llama_stack

JOBS = "/v1alpha/post-training/jobs/{job_uuid}"


def findings(revision: str, profile: str = "rest"):
    return lint(str(llama_stack(revision)), profile)


def on(results, method: str, path: str):
    return [f for f in results if f.path == path and (f.method in (method, None))]


@pytest.mark.parametrize("action, method", [("cancel", "POST"), ("status", "GET"), ("artifacts", "GET")])
def test_before_post_training_job_paths_are_flagged_with_the_fix(action, method):
    path = f"/v1alpha/post-training/job/{action}"
    hits = on(findings("before"), method, path)
    assert len(hits) == 1  # one mistake, one finding: the ID declared in the path, the singular `job`
    rules = {hits[0].rule, *(a.rule for a in hits[0].also)}
    assert "oas/path-params-match" in rules
    assert rules & {"aip122/collection-name-consistency", "aip122/plural-collection"}
    assert hits[0].suggestion == f"{method} {JOBS}/{action}"


def test_before_findings_are_located_in_the_file():
    hit = next(f for f in findings("before") if "oas/path-params-match" in {a.rule for a in f.also})
    assert hit.file.endswith("before/stainless-llama-stack-spec.yaml")
    assert hit.pointer.startswith("/paths/~1v1alpha~1post-training~1job~1")
    assert hit.line > 3000 and hit.column > 1


@pytest.mark.parametrize(
    "method, action, rule",
    [
        ("GET", "status", "rest/resource-id-in-query"),
        ("GET", "artifacts", "rest/resource-id-in-query"),
        ("POST", "cancel", "rest/resource-id-in-body"),
    ],
)
def test_pre_4496_ids_outside_the_path_are_flagged_with_the_fix(method, action, rule):
    hits = on(findings("pre-4496"), method, f"/v1alpha/post-training/job/{action}")
    assert len(hits) == 1 and rule in {hits[0].rule, *(a.rule for a in hits[0].also)}
    assert hits[0].suggestion == f"{method} {JOBS}/{action}"
    assert "job_uuid" in hits[0].message


def test_after_fixed_operations_are_clean_under_rest():
    fixed = [f for f in findings("after") if (f.path or "").startswith(JOBS)]
    assert fixed == []


def test_after_under_aip_the_slash_custom_methods_get_the_colon_style():
    styled = {f.path for f in findings("after", "aip") if f.rule == "aip136/custom-method-style"}
    assert {
        f"{JOBS}/cancel",  # C4
        "/v1/batches/{batch_id}/cancel",  # C1
        "/v1/vector_stores/{vector_store_id}/file_batches/{batch_id}/cancel",  # C2
        "/v1/vector_stores/{vector_store_id}/search",  # C3
    } <= styled
    assert f"{JOBS}/status" not in styled and f"{JOBS}/artifacts" not in styled  # nouns, not verbs


GROUP_B = [
    ("B1", "POST", "/v1/safety/run-shield"),
    ("B2", "POST", "/v1/scoring/score"),
    ("B3", "POST", "/v1/scoring/score-batch"),
    ("B4", "POST", "/v1/vector-io/insert"),
    ("B5", "POST", "/v1/vector-io/query"),
    ("B6", "POST", "/v1alpha/inference/rerank"),
    ("B7", "POST", "/v1alpha/post-training/supervised-fine-tune"),
    ("B8", "POST", "/v1alpha/post-training/preference-optimize"),
    ("B9", "POST", "/v1beta/datasetio/append-rows/{dataset_id}"),
    ("B10", "GET", "/v1beta/datasetio/iterrows/{dataset_id}"),
    ("B11", "PUT", "/v1/prompts/{prompt_id}/set-default-version"),
    ("B12", "POST", "/v1/tool-runtime/invoke"),
    ("B13", "GET", "/v1/tool-runtime/list-tools"),
]


@pytest.mark.parametrize("revision", ["before", "after"])
@pytest.mark.parametrize("case, method, path", GROUP_B, ids=[b[0] for b in GROUP_B])
def test_group_b_rpc_shapes_are_flagged(revision, case, method, path):
    rules = {f.rule for f in on(findings(revision), method, path)}
    assert any(r in ("rest/verb-segment", "rest/verb-before-id") or r.startswith("aip136/") for r in rules), rules


GROUP_E_PATHS = [
    "/v1/chat/completions", "/v1/health", "/v1/version", "/v1alpha/admin/health", "/v1alpha/admin/version",
    "/v1/files/{file_id}/content", "/v1/vector_stores/{vector_store_id}/files/{file_id}/content",
    "/v1alpha/eval/benchmarks/{benchmark_id}/jobs/{job_id}/result", "/v1/embeddings", "/v1/completions",
    "/v1/moderations", "/v1/responses/{response_id}/input_items", "/v1/vector_stores",
    "/v1/vector_stores/{vector_store_id}/file_batches", "/v1/responses", "/v1/inspect/routes",
    "/v1alpha/admin/inspect/routes", "/v1alpha/connectors/{connector_id}/tools", "/v1/models",
]


@pytest.mark.parametrize("revision", ["before", "after"])
def test_group_e_is_never_flagged(revision):
    flagged = {(f.path, f.rule) for f in findings(revision) if f.path in GROUP_E_PATHS}
    assert flagged == set()


@pytest.mark.parametrize("revision", ["before", "after"])
def test_query_parameters_that_are_not_resource_ids_are_not_flagged(revision):
    in_query = [f for f in findings(revision) if f.rule == "rest/resource-id-in-query"]
    assert in_query == []  # B13/B14's tool-group IDs are optional list filters; cursors, limits, `model` are not IDs


@pytest.mark.slow  # the shared corpus
def test_split_specs_lint_without_errors():
    for name in ("llama-stack-spec.yaml", "deprecated-llama-stack-spec.yaml", "experimental-llama-stack-spec.yaml"):
        lint(str(corpus_file(f"llama-stack/before/{name}")))
