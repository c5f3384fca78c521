"""Spec diffs by meaning (issue 20, section 1): rewrites of real specs that keep their meaning (tests/rewrites.py:
`allOf` wraps, list and key order, parameter order, schemas renamed, `$ref`s inlined, path parameters renamed, docs,
JSON <-> YAML) report no change at all, and rewrites that change it are reported, on top of every meaning-keeping
rewrite at once.  Llama Stack's spec (OpenAPI 3.1, in the repository) always runs; the shared corpus's OpenAI
(3.1), Slack (Swagger 2.0) and Twilio (3.0) specs are slow; Stripe (APIs-guru) times the `allOf` wrap."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import rewrites
import yaml
from conftest import CORPUS, llama_stack
from test_compat import changes, changes_between, run

from aiplint.api import diff

SPECS = {
    "llama-stack": llama_stack("after"),
    "openai": CORPUS / "openai" / "openapi.yaml",
    "slack": CORPUS / "slack" / "slack_web_openapi_v2_without_examples.json",
    "twilio": CORPUS / "twilio" / "twilio_api_v2010.yaml",
}
SLOW = {"openai", "slack", "twilio"}  # the shared corpus
STRIPE = Path("/work/data/dir/package/api/stripe.com.json")  # APIs-guru's, as benchmarks/invariance.py reads it


def _spec(name: str) -> Path:
    path = SPECS[name]
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    return path


def _read(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=yaml.CSafeLoader)


def _write(folder: Path, data: dict, as_yaml: bool) -> Path:
    path = folder / ("rewritten.yaml" if as_yaml else "rewritten.json")
    path.write_text(yaml.safe_dump(data, sort_keys=False) if as_yaml else json.dumps(data, default=str))
    return path


def _params(names: list[str]) -> list:
    return [pytest.param(spec, name, id=f"{spec}-{name}", marks=[pytest.mark.slow] if spec in SLOW else [])
            for spec in SPECS for name in names]


def _rewritten(tmp_path: Path, spec: str, rewrite: str) -> tuple[Path, Path]:
    """The spec, and its rewrite (`json<->yaml`: the same data in the other format) in `tmp_path`."""
    path = _spec(spec)
    data = _read(path)
    if rewrite == "json<->yaml":
        return path, _write(tmp_path, data, as_yaml=path.suffix == ".json")
    return path, _write(tmp_path, rewrites.EQUIVALENT[rewrite](data), as_yaml=False)


@pytest.mark.parametrize(("spec", "rewrite"), _params([*rewrites.EQUIVALENT, "json<->yaml"]))
def test_a_rewrite_that_keeps_the_meaning_is_no_change(tmp_path, spec, rewrite):
    path, rewritten = _rewritten(tmp_path, spec, rewrite)
    assert [(c["id"], c["method"], c["path"], c["message"]) for c in changes(path, rewritten)] == []


ORDER = ("list-order", "key-order", "parameter-order", "json<->yaml")  # nothing a lint rule reads changes either


@pytest.mark.parametrize(("spec", "rewrite"), _params(list(ORDER)))
def test_a_lint_finding_is_the_same_finding_whatever_the_order_of_the_document(tmp_path, spec, rewrite):
    path, rewritten = _rewritten(tmp_path, spec, rewrite)
    report = json.loads(run("diff", path, rewritten, "--format", "json").stdout)
    assert (report["new"], report["fixed"]) == ([], [])


GITHUB_LIKE = {  # paths as GitHub's and Microsoft Graph's specs have them: two spellings of one template, and a
    "openapi": "3.0.3", "info": {"title": "Hub", "version": "1"},  # singular collection used by several paths
    "paths": {key: {"get": {"parameters": [{"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
                                           for name in key.replace("}", "{").split("{")[1::2]],
                            "responses": {"200": {"description": "OK"}}}}
              for key in ("/orgs/{org}/attestations/{subject_digest}", "/orgs/{org}/attestations/{attestation_id}",
                          "/user/{account_id}", "/user/{user_id}/projects/{project_number}/drafts",
                          "/user/{user_id}/projects/{project_number}")},
}


def test_findings_reported_once_for_several_paths_do_not_follow_key_order(tmp_path):
    old = _write(tmp_path, GITHUB_LIKE, as_yaml=False)
    (tmp_path / "reordered").mkdir()
    new = _write(tmp_path / "reordered", rewrites.reverse_keys(GITHUB_LIKE), as_yaml=False)
    report = json.loads(run("diff", old, new, "--format", "json").stdout)
    assert (report["new"], report["fixed"], report["unchanged"]) == ([], [], 2)


def _everything_equivalent(data: dict) -> dict:
    for rewrite in rewrites.EQUIVALENT.values():
        data = rewrite(data)
    return data


@pytest.mark.parametrize(("spec", "change"), _params(list(rewrites.CHANGING)))
def test_a_rewrite_that_changes_the_meaning_is_reported_through_every_other_rewrite(tmp_path, spec, change):
    path = _spec(spec)
    try:
        changed, (kind, method, where) = rewrites.CHANGING[change](_read(path))
    except LookupError as reason:
        pytest.skip(f"{spec}: {reason}")
    rewritten = _write(tmp_path, _everything_equivalent(changed), as_yaml=False)
    # the path parameters were renamed: `{id}` is `{id_renamed}` in the new document, the old one names the path
    found = [c for c in changes(path, rewritten) if c["breaking"]]
    assert (f"breaking/{kind}", method, where) in {(c["id"], c["method"], c["path"]) for c in found}, found
    assert {c["id"] for c in found} == {f"breaking/{kind}"}, found


def test_a_change_is_named_the_same_whatever_the_order_of_the_document(tmp_path):
    path = _spec("llama-stack")
    changed, _ = rewrites.remove_request_enum_value(_read(path))
    plain = _write(tmp_path, changed, as_yaml=False)
    (tmp_path / "reordered").mkdir()
    reordered = _write(tmp_path / "reordered", rewrites.reverse_keys(rewrites.reverse_lists(changed)), as_yaml=False)
    identity = [(c["id"], c["method"], c["path"], c["message"]) for c in changes(path, plain)]
    assert identity and identity == [(c["id"], c["method"], c["path"], c["message"]) for c in changes(path, reordered)]


@pytest.mark.slow  # APIs-guru's Stripe, beside the repository
def test_stripe_wrapped_in_all_of_is_no_change_within_three_seconds(tmp_path):
    if not STRIPE.is_file():
        pytest.skip(f"{STRIPE} is not present")
    wrapped = _write(tmp_path, rewrites.all_of_wrap(_read(STRIPE)), as_yaml=False)
    start = time.process_time()  # CPU time: the machine's other load plays no part
    report = diff(str(STRIPE), str(wrapped))
    assert time.process_time() - start < 3.0
    assert list(report.changes) == []


# --------------------------------------------------------------------------------------------------
# The same, case by case: one schema used as a request body and as a response, before and after

ISBN = "{type: string, enum: ['9780131103627', '9780201633610'], maxLength: 13}"
NAMED = "{type: object, properties: {name: {type: string}}}"
VARIANTS = ["{type: object, required: [kind], properties: {kind: {const: book}, pages: {type: integer{limit}}}}",
            "{type: object, required: [kind], properties: {kind: {const: film}, minutes: {type: integer}}}"]


def _variants(order: slice, limit: str = "") -> str:
    return "{oneOf: [" + ", ".join(v.replace("{limit}", limit) for v in VARIANTS[order]) + "]}"


def _book(isbn: str) -> str:
    return "{type: object, properties: {isbn: " + isbn + "}}"


@pytest.mark.parametrize(("version", "old", "new", "expected"), [
    pytest.param("3.0.3", _book("{$ref: '#/components/schemas/Isbn'}"),
                 _book("{allOf: [{$ref: '#/components/schemas/Isbn'}], description: The book's ISBN.}"), [],
                 id="a $ref wrapped in a one-member allOf is the $ref"),
    pytest.param("3.0.3", _book("{$ref: '#/components/schemas/Isbn'}"),
                 _book("{allOf: [{$ref: '#/components/schemas/Isbn'}], nullable: true}"),
                 [("became-nullable", "info"), ("became-nullable", "error")],
                 id="an allOf wrap with nullable beside it makes the $ref nullable, and only that"),
    pytest.param("3.1.0", "{type: object, required: [a, b], properties: {a: {type: [string, 'null'], enum: [x, y, null]}}}",
                 "{type: object, required: [b, a], properties: {a: {type: ['null', string], enum: [null, y, x]}}}", [],
                 id="the order of required, type and enum lists means nothing"),
    pytest.param("3.1.0", "{not: {required: [a, b]}}", "{not: {required: [b, a]}}", [],
                 id="nor inside a not"),
    pytest.param("3.1.0", _variants(slice(None)), _variants(slice(None, None, -1)), [],
                 id="oneOf variants reordered"),
    pytest.param("3.1.0", _variants(slice(None)), _variants(slice(None, None, -1), ", maximum: 5000"),
                 [("max-added", "warning"), ("max-added", "info")],
                 id="oneOf variants reordered, one of them changed: compared with its counterpart"),
    pytest.param("3.1.0", "{allOf: [{$ref: '#/components/schemas/Named'}, {properties: {name: {maxLength: 10}}}]}",
                 "{allOf: [{properties: {name: {maxLength: 10}}}, {$ref: '#/components/schemas/Named'}]}", [],
                 id="allOf members reordered: a property both declare has both schemas"),
    pytest.param("3.1.0", "{$ref: '#/components/schemas/Named'}",
                 "{allOf: [{$ref: '#/components/schemas/Named'}, {properties: {note: {type: integer}}}]}",
                 [("optional-property-added", "info"), ("optional-property-added", "info"),
                  ("all-of-added", "error"), ("all-of-added", "info")],
                 id="a schema that becomes one of its allOf members: only the other member is added"),
    pytest.param("3.1.0", _book("{$ref: '#/components/schemas/Isbn'}"),
                 _book("{$ref: '#/components/schemas/Isbn', maxLength: 10}"),
                 [("max-decreased", "error"), ("max-decreased", "info")],
                 id="OpenAPI 3.1: a keyword beside $ref applies with it"),
    pytest.param("3.1.0", "{$ref: '#/components/schemas/Isbn'}", "{$ref: '#/components/schemas/Isbn', maxLength: 10}",
                 [("max-decreased", "error"), ("max-decreased", "info")],
                 id="OpenAPI 3.1: beside the body's own $ref too"),
    pytest.param("3.0.3", _book("{$ref: '#/components/schemas/Isbn'}"),
                 _book("{$ref: '#/components/schemas/Isbn', maxLength: 10}"), [],
                 id="OpenAPI 3.0: a keyword beside $ref is ignored"),
])
def test_schemas_are_compared_by_the_values_they_accept(tmp_path, version, old, new, expected):
    def spec(body: str) -> str:
        return (f"openapi: {version}\ninfo: {{title: Library, version: '1'}}\npaths:\n  /v1/books:\n    post:\n"
                f"      requestBody: {{content: {{application/json: {{schema: {body}}}}}}}\n"
                f"      responses: {{'200': {{description: OK, content: {{application/json: {{schema: {body}}}}}}}}}\n"
                f"components:\n  schemas:\n    Isbn: {ISBN}\n    Named: {NAMED}\n")

    found = changes_between(tmp_path, spec(old), spec(new))
    assert sorted((c["id"].split("/", 1)[1], c["level"]) for c in found) == sorted(expected), found
    assert all(c["id"].startswith("change/" if c["level"] == "info" else "breaking/") for c in found), found
