"""`aiplint diff OLD NEW` and `--diff-base`: findings matched by fingerprint (new / fixed / unchanged), operations
added / removed / moved, the JSON contract, exit codes, directory pairing and specs at a git revision."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, corpus_file, lint, llama_stack

from aiplint.cli import cli
from aiplint.compat.diff import ApiChanges, DiffReport, compare, diff_against_revision, diff_files, operation_changes
from aiplint.compat.matching import Move, OperationRef, pair_renamed
from aiplint.config import Config
from aiplint.linting import registry
from aiplint.linting.findings import Also, Finding, match_findings
from aiplint.model import ApiModel
from aiplint.read.discovery import pair_files
from aiplint.read.document import open_document
from aiplint.read.loading import InputError
from aiplint.read.revisions import spec_at_revision
from aiplint.rule import Severity, rule

STAINLESS = "llama-stack/{}/stainless-llama-stack-spec.yaml"
EXAMPLE = FIXTURES / "examples" / "petstore-jobs.yaml"
POST_TRAINING = "/v1alpha/post-training"
ACTIONS = [("POST", "cancel"), ("GET", "status"), ("GET", "artifacts")]


def run(*args: str):
    return CliRunner().invoke(cli, ["diff", "--isolated", *(str(a) for a in args)])


def write(path: Path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))
    return str(path)


def spec(paths: str, title: str = "Books") -> str:
    """A small OpenAPI 3.1 document with these (indented) path items."""
    body = textwrap.indent(textwrap.dedent(paths), "  ")
    return f'openapi: 3.1.0\ninfo: {{title: {title}, version: "1"}}\npaths:\n{body}'


def api(text: str, tmp_path: Path, name: str) -> ApiModel:
    document = open_document(write(tmp_path / name, text))
    assert document is not None
    return ApiModel.build(document)


def keyed(findings) -> list[tuple[str, str | None, str | None]]:
    return sorted((f["rule"], f["method"], f["path"]) for f in findings)


def seen(findings) -> list[tuple[str, str | None, str | None]]:
    """Every rule each finding stands for (its own and those in its `also`), keyed as `keyed` does."""
    return sorted((rule, f["method"], f["path"]) for f in findings
                  for rule in {f["rule"], *(a["rule"] for a in f["also"])})


# --------------------------------------------------------------------------------------------------
# Llama Stack PR #4606 and its parents (the shared corpus)


@pytest.fixture(scope="module")
def before_after():
    old, new = llama_stack("before"), llama_stack("after")
    result = run(old, new, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout), str(old), str(new)


def test_llama_stack_4606_moves_the_three_post_training_operations_as_breaking_alpha_changes(before_after):
    report, _, _ = before_after
    ops = report["operations"]
    assert ops["added"] == [] and ops["removed"] == []
    moved = {(m["from"]["method"], m["from"]["path"]): m for m in ops["moved"]}
    assert set(moved) == {(method, f"{POST_TRAINING}/job/{action}") for method, action in ACTIONS}
    for method, action in ACTIONS:
        move = moved[(method, f"{POST_TRAINING}/job/{action}")]
        assert move["to"] == {"method": method, "path": f"{POST_TRAINING}/jobs/{{job_uuid}}/{action}"}
        assert move["breaking"] is True
        assert "v1alpha" in move["note"] and "AIP-181" in move["note"]


def test_llama_stack_4606_fixes_the_job_findings_and_adds_none_under_rest(before_after):
    report, old, new = before_after
    assert report["new"] == []
    fixed = seen(report["fixed"])
    for method, action in ACTIONS:
        path = f"{POST_TRAINING}/job/{action}"
        assert ("oas/path-params-match", method, path) in fixed
        assert {("aip122/collection-name-consistency", method, path), ("aip122/plural-collection", method, path)
                } & set(fixed)
    # everything fixed is on the three old paths (cancel also loses aip136/attached-to-resource)
    assert {path for _, _, path in fixed} == {f"{POST_TRAINING}/job/{action}" for _, action in ACTIONS}
    assert all(f["file"] == old for f in report["fixed"])
    assert report["unchanged"] + len(report["fixed"]) == len(lint(old))
    assert report["unchanged"] + len(report["new"]) == len(lint(new))


def test_llama_stack_4606_text_report():
    old, new = llama_stack("before"), llama_stack("after")
    result = run(old, new)
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("New findings (0):\nFixed (")
    assert f"{old}:" in out and "Unchanged: " in out
    assert (
        f"  moved (breaking): POST {POST_TRAINING}/job/cancel -> POST {POST_TRAINING}/jobs/{{job_uuid}}/cancel\n"
        "      note: `v1alpha` is an alpha version: AIP-181 allows breaking changes before a stable version\n"
    ) in out


def test_llama_stack_4496_turns_the_ids_outside_the_path_into_dangling_path_parameters():
    """pre-4496 -> before: #4496 declared `job_uuid` `in: path` without putting it in the paths.  The two GETs'
    query ID and cancel's body ID are fixed, three invalid path parameters are new (each one finding with the
    singular `job`, as before).  The same interval also changed two prompt operations from POST to PUT, which makes
    `set-default-version` a custom method on PUT and the prompt's update, sent as POST before, a PUT; and the
    vector stores' summaries came to say that their POSTs update them."""
    old, new = llama_stack("pre-4496"), llama_stack("before")
    result = run(old, new, "--format", "json")
    assert result.exit_code == 1  # new errors
    report = json.loads(result.stdout)
    jobs = f"{POST_TRAINING}/job"
    fixed, new = seen(report["fixed"]), seen(report["new"])
    for method, action, id_rule in (("GET", "status", "rest/resource-id-in-query"),
                                    ("GET", "artifacts", "rest/resource-id-in-query"),
                                    ("POST", "cancel", "rest/resource-id-in-body")):
        assert (id_rule, method, f"{jobs}/{action}") in fixed and (id_rule, method, f"{jobs}/{action}") not in new
        assert ("oas/path-params-match", method, f"{jobs}/{action}") in new
    assert ("aip136/http-method", "PUT", "/v1/prompts/{prompt_id}/set-default-version") in new
    assert ("aip134/http-method", "POST", "/v1/prompts/{prompt_id}") in fixed  # the update sent as POST is a PUT now
    for path in ("/v1/vector_stores/{vector_store_id}", "/v1/vector_stores/{vector_store_id}/files/{file_id}"):
        assert ("aip134/http-method", "POST", path) in new  # their summaries say "Update a vector store" now
    headline = [f for f in report["new"] if f["rule"] != "oas/unused-components"]
    assert len(report["fixed"]) == 4 and len(headline) == 6  # one finding per mistake on each side
    # the request models whose fields became path and query parameters stayed in components, referenced by nothing
    orphans = {f["pointer"].rsplit("/", 1)[1] for f in report["new"] if f["rule"] == "oas/unused-components"}
    assert {"CancelTrainingJobRequest", "GetTrainingJobStatusRequest", "GetTrainingJobArtifactsRequest",
            "SetDefaultVersionRequest"} <= orphans and len(orphans) == 26
    assert report["unchanged"] + 4 == len(lint(str(old)))
    ops = report["operations"]
    assert ops["moved"] == []  # a method change is not a move
    assert ops["removed"] == [{"method": "POST", "path": "/v1/prompts/{prompt_id}"},
                              {"method": "POST", "path": "/v1/prompts/{prompt_id}/set-default-version"}]
    assert ops["added"] == [{"method": "PUT", "path": "/v1/prompts/{prompt_id}"},
                            {"method": "PUT", "path": "/v1/prompts/{prompt_id}/set-default-version"}]


@pytest.mark.slow  # the shared corpus
def test_llama_stack_directories_pair_the_files_by_name(tmp_path):
    """before/ has four specs, after/ the same four: the post-training moves show up in the stainless and the
    experimental spec, each once; the two unchanged specs add nothing."""
    before, after = corpus_file(STAINLESS.format("before")).parent, corpus_file(STAINLESS.format("after")).parent
    pairs = pair_files(str(before), str(after))
    assert [(Path(o).name, Path(n).name) for o, n in pairs] == [(n, n) for n in sorted(
        ["deprecated-llama-stack-spec.yaml", "experimental-llama-stack-spec.yaml", "llama-stack-spec.yaml",
         "stainless-llama-stack-spec.yaml"])]
    result = run(before, after, "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["new"] == []
    assert len(report["operations"]["moved"]) == 6
    assert {Path(f["file"]).name for f in report["fixed"]} == {
        "experimental-llama-stack-spec.yaml", "stainless-llama-stack-spec.yaml"}


# --------------------------------------------------------------------------------------------------
# Matching findings


def finding(fp: str, line: int = 1, severity: Severity = Severity.ERROR, rule_id: str = "x/y") -> Finding:
    return Finding(rule_id, severity, f"message {line}", "spec.yaml", line, 1, "", "GET", "/a", None, fp)


def test_the_same_mistake_reported_by_another_of_its_rules_is_unchanged():
    """The ID rule reported `/job/status?job_id=` with the singular `job` in its `also`; once the ID rule is off
    (or the ID is in the path but `job` is not plural), the consistency rule reports: the same mistake, not a fixed
    one and a new one.  A finding that now stands for a problem the old one did not is new."""
    by_id = replace(finding("id", 1, rule_id="rest/resource-id-in-query"),
                    also=(Also("aip122/collection-name-consistency", "m"),))
    by_name = finding("name", 2, rule_id="aip122/collection-name-consistency")
    assert match_findings([by_id], [by_name]) == ([], [], [by_name])
    grown = replace(by_name, also=(Also("oas/path-params-match", "m"),))
    assert match_findings([by_id], [grown]) == ([grown], [by_id], [])


def test_findings_match_by_fingerprint_as_multisets():
    old = [finding("a", 1), finding("a", 2), finding("b", 3), finding("c", 4)]
    new = [finding("a", 10), finding("a", 11), finding("a", 12), finding("c", 40), finding("d", 50)]
    added, fixed, unchanged = match_findings(old, new)
    assert [(f.fingerprint, f.line) for f in added] == [("a", 12), ("d", 50)]
    assert [(f.fingerprint, f.line) for f in fixed] == [("b", 3)]
    assert [(f.fingerprint, f.line) for f in unchanged] == [("a", 10), ("a", 11), ("c", 40)]


def test_failed_counts_new_findings_at_or_above_the_threshold_only():
    warning = finding("w", severity=Severity.WARNING)
    report = DiffReport([warning], [finding("e")], 0, ApiChanges([], [], []))
    assert not report.failed(Severity.ERROR.rank)
    assert report.failed(Severity.WARNING.rank) and report.failed(Severity.INFO.rank)
    assert not DiffReport([], [finding("e")], 5, ApiChanges([], [], [])).failed(Severity.INFO.rank)


def test_moving_unrelated_lines_changes_no_fingerprint(tmp_path):
    """A block of unrelated paths (and a comment) inserted at the top shifts every finding's line: nothing is
    new or fixed, the inserted operations are added."""
    text = EXAMPLE.read_text()
    block = textwrap.indent(textwrap.dedent("""\
        # reshuffled: these paths came first in the new version
        /v1/shelves:
          get:
            operationId: listShelves
            responses: {"200": {description: Shelves}}
        /v1/shelves/{shelf_id}:
          get:
            operationId: getShelf
            parameters: [{name: shelf_id, in: path, required: true, schema: {type: string}}]
            responses: {"200": {description: A shelf}}
        """), "  ")
    assert text.count("\npaths:\n") == 1
    moved = write(tmp_path / "new.yaml", text.replace("\npaths:\n", "\npaths:\n" + block, 1))
    report, crashes = diff_files(str(EXAMPLE), moved, Config())
    assert crashes == []
    assert report.new == [] and report.fixed == []
    assert report.unchanged == len(lint(str(EXAMPLE))) == 2
    new_lines = {f.line for f in lint(moved)}
    assert new_lines.isdisjoint(f.line for f in lint(str(EXAMPLE)))
    assert report.operations == ApiChanges(
        added=[OperationRef("GET", "/v1/shelves", moved), OperationRef("GET", "/v1/shelves/{shelf_id}", moved)],
        removed=[], moved=[])


# --------------------------------------------------------------------------------------------------
# Operations: added, removed, moved

BOOK_GET = """\
  {path}:
    get:
      {oid}parameters:
        - {{name: {param}, in: path, required: true, schema: {{type: string}}}}
        - {{name: view, in: query, schema: {{type: string}}}}
      responses: {{"200": {{description: A book}}}}
"""


def book(path: str, param: str = "book_id", oid: str | None = None) -> str:
    return BOOK_GET.format(path=path, param=param, oid=f"operationId: {oid}\n      " if oid else "")


def test_a_path_parameter_rename_is_not_a_change(tmp_path):
    old = api(spec(book("/v1/books/{id}", "id")), tmp_path, "old.yaml")
    new = api(spec(book("/v1/books/{book_id}")), tmp_path, "new.yaml")
    assert operation_changes(old, new) == ApiChanges([], [], [])


@pytest.mark.parametrize(
    "old_oid, new_oid, moved",
    [
        (None, None, True),  # no operationId: the same parameters and body
        ("getBook", "getBook", True),
        ("getBook", "fetchBook", False),  # a renamed operationId is another operation
        ("getBook", None, False),
    ],
)
def test_a_move_is_the_same_method_and_operation_id_or_signature(tmp_path, old_oid, new_oid, moved):
    old = api(spec(book("/v1/book/{book_id}", oid=old_oid)), tmp_path, "old.yaml")
    new = api(spec(book("/v1/books/{book_id}", oid=new_oid)), tmp_path, "new.yaml")
    changes = operation_changes(old, new)
    if moved:
        assert changes == ApiChanges([], [], [Move(OperationRef("GET", "/v1/book/{book_id}"),
                                                   OperationRef("GET", "/v1/books/{book_id}"), True, None)])
        assert changes.moved[0].to_dict() == {"from": {"method": "GET", "path": "/v1/book/{book_id}"},
                                              "to": {"method": "GET", "path": "/v1/books/{book_id}"},
                                              "breaking": True}
    else:
        assert changes.moved == []
        assert changes.removed == [OperationRef("GET", "/v1/book/{book_id}")]
        assert changes.added == [OperationRef("GET", "/v1/books/{book_id}")]


def test_a_method_change_or_another_signature_is_not_a_move(tmp_path):
    old = api(spec(book("/v1/book/{book_id}") + book("/v1/author/{author_id}", "author_id")), tmp_path, "old.yaml")
    other = """\
      /v1/authors/{author_id}:
        get:
          parameters:
            - {name: author_id, in: path, required: true, schema: {type: string}}
            - {name: fields, in: query, schema: {type: string}}
          responses: {"200": {description: An author}}
      /v1/books/{book_id}:
        put:
          parameters:
            - {name: book_id, in: path, required: true, schema: {type: string}}
            - {name: view, in: query, schema: {type: string}}
          responses: {"200": {description: A book}}
    """
    changes = operation_changes(old, api(spec(other), tmp_path, "new.yaml"))
    assert changes.moved == []
    assert [str(op) for op in changes.removed] == ["GET /v1/book/{book_id}", "GET /v1/author/{author_id}"]
    assert [str(op) for op in changes.added] == ["GET /v1/authors/{author_id}", "PUT /v1/books/{book_id}"]


def test_two_operations_with_the_same_signature_moving_at_once_are_not_guessed(tmp_path):
    old = api(spec(book("/v1/book/{book_id}") + book("/v1/tome/{book_id}")), tmp_path, "old.yaml")
    new = api(spec(book("/v1/books/{book_id}") + book("/v1/tomes/{book_id}")), tmp_path, "new.yaml")
    changes = operation_changes(old, new)
    assert changes.moved == [] and len(changes.removed) == 2 and len(changes.added) == 2


def test_a_path_generated_operation_id_matches_without_its_path_part(tmp_path):
    """FastAPI's default operationId is `{function}{path}_{method}`: it changes with the path (Llama Stack)."""
    old = api(spec(book("/v1/book/{book_id}", oid="get_book_v1_book__book_id__get")), tmp_path, "old.yaml")
    new = api(spec(book("/v1/books/{book_id}", oid="get_book_v1_books__book_id__get")), tmp_path, "new.yaml")
    assert [(str(m.old), str(m.new)) for m in operation_changes(old, new).moved] == [
        ("GET /v1/book/{book_id}", "GET /v1/books/{book_id}")]


@pytest.mark.parametrize(
    "version, note",
    [
        ("v1", None),
        ("v2", None),
        ("v1alpha", "`v1alpha` is an alpha version"),
        ("v2beta1", "`v2beta1` is a beta version"),
        ("v1p1beta1", "`v1p1beta1` is a beta version"),
    ],
)
def test_every_move_is_breaking_with_a_note_for_alpha_and_beta_versions(tmp_path, version, note):
    old = api(spec(book(f"/{version}/book/{{book_id}}")), tmp_path, "old.yaml")
    new = api(spec(book(f"/{version}/books/{{book_id}}")), tmp_path, "new.yaml")
    [move] = operation_changes(old, new).moved
    assert move.breaking is True
    if note is None:
        assert move.note is None and "note" not in move.to_dict()
    else:
        assert move.note.startswith(note) and "AIP-181" in move.note
        assert move.to_dict()["note"] == move.note


# --------------------------------------------------------------------------------------------------
# The command: formats and exit codes

CLEAN = spec(book("/v1/books/{book_id}"))
NEW_ERROR = spec(book("/v1/books/{book_id}") + """\
  /v1/shelves/{shelf_id}:
    get:
      responses: {"200": {description: A shelf}}
""")
NEW_WARNING = spec(book("/v1/books/{book_id}") + """\
  /v1/scoring/score:
    post:
      responses: {"200": {description: Scored}}
""")


@pytest.fixture
def specs(tmp_path):
    return {name: write(tmp_path / f"{name}.yaml", text)
            for name, text in [("clean", CLEAN), ("error", NEW_ERROR), ("warning", NEW_WARNING)]}


def test_new_error_exits_1_and_prints_it_first(specs):
    result = run(specs["clean"], specs["error"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "New findings (1):"
    assert lines[1].startswith(f"{specs['error']}:") and " error oas/path-params-match " in lines[1]
    assert "Fixed (0):" in lines and "Unchanged: 0" in lines
    assert lines[-3:] == ["API changes:", "  added: GET /v1/shelves/{shelf_id}",
                          "Other API changes: 1 (`aiplint changelog` lists every change)"]


def test_fixed_findings_exit_0_and_a_removed_operation_is_breaking(specs):
    result = run(specs["error"], specs["clean"])
    assert result.exit_code == 1  # the removal breaks clients
    lines = result.stdout.splitlines()
    assert lines[:2] == ["New findings (0):", "Breaking changes (1):"]
    assert lines[2] == (f"{specs['error']}:11:5: error breaking/operation-removed GET /v1/shelves/{{shelf_id}}: "
                        "operation removed without being deprecated first: clients calling it get 404 or 405")
    assert lines[3] == "Fixed (1):"
    assert "  removed: GET /v1/shelves/{shelf_id}" in result.stdout
    relaxed = run(specs["error"], specs["clean"], "--fail-on-breaking", "never")
    assert relaxed.exit_code == 0 and relaxed.stdout == result.stdout


def test_identical_specs_exit_0_with_nothing_changed(specs):
    result = run(specs["error"], specs["error"])
    assert result.exit_code == 0
    assert result.stdout == "New findings (0):\nFixed (0):\nUnchanged: 1\nAPI changes: none\n"


def test_fail_on_applies_to_new_findings(specs):
    warnings = {f.severity for f in lint(specs["warning"])}
    assert warnings == {Severity.WARNING}, "the fixture must add warnings only"
    assert run(specs["clean"], specs["warning"]).exit_code == 0
    assert run(specs["clean"], specs["warning"], "--fail-on", "warning").exit_code == 1
    assert run(specs["clean"], specs["warning"], "--fail-on", "info").exit_code == 1
    assert run(specs["warning"], specs["clean"], "--fail-on", "info", "--fail-on-breaking", "never").exit_code == 0


def test_quiet_prints_the_new_findings_only(specs):
    result = run(specs["clean"], specs["error"], "--quiet")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1 + bool(lint(specs["error"])[0].suggestion)
    assert "oas/path-params-match" in result.stdout and "API changes" not in result.stdout


def test_select_and_ignore_choose_the_rules(specs):
    assert run(specs["clean"], specs["error"], "--ignore", "oas/").exit_code == 0
    assert run(specs["clean"], specs["error"], "--select", "aip122/").exit_code == 0
    assert run(specs["clean"], specs["error"], "--select", "oas/path-params-match").exit_code == 1
    result = run(specs["clean"], specs["error"], "--select", "oas/path-param-match")
    assert result.exit_code == 2 and "did you mean `oas/path-params-match`?" in result.stderr


def test_json_is_the_documented_contract(specs):
    result = run(specs["clean"], specs["error"], "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert list(report) == ["version", "new", "fixed", "unchanged", "operations", "changes", "causes", "errors"]
    assert report["version"] == 1 and report["fixed"] == [] and report["unchanged"] == 0 and report["errors"] == []
    [new] = report["new"]
    assert new == lint(specs["error"])[0].to_dict(registry.available_rules())
    assert set(new) == {"rule", "severity", "message", "file", "line", "column", "pointer", "method", "path",
                        "suggestion", "fingerprint", "related", "also", "aip", "url", "fix"}
    assert report["operations"] == {"added": [{"method": "GET", "path": "/v1/shelves/{shelf_id}"}],
                                    "removed": [], "moved": []}


def test_input_errors_exit_2_on_stderr(specs, tmp_path):
    broken = write(tmp_path / "broken.yaml", "openapi: 3.1.0\npaths: {\n")
    result = run(specs["clean"], broken)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {broken}:") and len(result.stderr.splitlines()) == 1
    not_openapi = write(tmp_path / "config.yaml", "name: not a spec\n")
    result = run(not_openapi, specs["clean"])
    assert result.exit_code == 2 and "not an OpenAPI document" in result.stderr
    assert run(specs["clean"], tmp_path / "missing.yaml").exit_code == 2  # click's usage error
    result = run(specs["clean"], tmp_path)
    assert result.exit_code == 2 and "both be files or both be directories" in result.stderr


def test_a_crashing_rule_exits_2_with_the_report(monkeypatch, specs):
    @rule(id="test/crash", summary="crashes", reference="-", url="-", severity="error")
    def crash(ctx):
        raise RuntimeError("boom")
        yield

    rules = {**registry.available_rules(), "test/crash": crash}
    monkeypatch.setattr(registry, "available_rules", lambda: rules)
    result = run(specs["clean"], specs["error"])
    assert result.exit_code == 2
    assert "internal error in rule test/crash: RuntimeError: boom" in result.stderr
    assert "New findings (1):" in result.stdout


# --------------------------------------------------------------------------------------------------
# Directories

PARAMS_QUERY = """\
JobId: {name: job_id, in: query, required: true, schema: {type: string}}
"""
PARAMS_OPTIONAL = """\
JobId: {name: job_id, in: query, required: false, schema: {type: string}}
"""
JOBS = spec("""\
  /v1/jobs:
    get:
      responses: {"200": {description: Jobs}}
  /v1/jobs/latest:
    get:
      parameters: [{$ref: "common/params.yaml#/JobId"}]
      responses: {"200": {description: A job}}
""", "Jobs")


def test_directories_pair_files_by_relative_path_and_bring_refs_along(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    write(old / "jobs/api.yaml", JOBS)
    write(old / "jobs/common/params.yaml", PARAMS_QUERY)  # a fragment: not an OpenAPI document, not compared
    write(old / "gone.yaml", NEW_ERROR.replace("/v1/", "/v2/"))  # another API than added.yaml: no rename
    write(new / "jobs/api.yaml", JOBS)
    write(new / "jobs/common/params.yaml", PARAMS_OPTIONAL)  # only the referenced file changes
    write(new / "added.yaml", NEW_ERROR)
    write(new / ".hidden/skipped.yaml", NEW_ERROR)
    assert pair_files(str(old), str(new)) == [
        (None, str(new / "added.yaml")),
        (str(old / "gone.yaml"), None),
        (str(old / "jobs/api.yaml"), str(new / "jobs/api.yaml")),
        (str(old / "jobs/common/params.yaml"), str(new / "jobs/common/params.yaml")),
    ]
    result = run(old, new, "--format", "json")
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    assert [(f["file"], f["rule"]) for f in report["new"]] == [(str(new / "added.yaml"), "oas/path-params-match")]
    fixed = sorted((Path(f["file"]).name, f["rule"]) for f in report["fixed"])
    assert fixed == [("api.yaml", "rest/resource-id-in-query"), ("gone.yaml", "oas/path-params-match")]
    ops = report["operations"]
    assert len(ops["added"]) == len(ops["removed"]) == 2 and ops["moved"] == []
    text = run(old, new).stdout
    assert f"  added: GET /v1/shelves/{{shelf_id}}  ({new / 'added.yaml'})" in text


def test_directories_pair_a_renamed_spec_by_its_api(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    write(old / "v0/api.yaml", NEW_ERROR)
    write(new / "api.yaml", CLEAN)  # moved, and its shelves path removed
    result = run(old, new, "--format", "json")
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["operations"] == {"added": [], "removed": [{"method": "GET", "path": "/v1/shelves/{shelf_id}"}],
                                    "moved": []}
    assert [(f["file"], f["rule"]) for f in report["fixed"]] == [(str(old / "v0/api.yaml"), "oas/path-params-match")]
    assert [c["id"] for c in report["changes"]] == ["breaking/operation-removed"]


# --------------------------------------------------------------------------------------------------
# --diff-base: a spec at a git revision

needs_git = pytest.mark.skipif(shutil.which("git") is None or shutil.which("tar") is None,
                               reason="git and tar are needed for --diff-base")

BAD_PATH = """\
  /v1/shelves/{shelf_id}:
    get:
      responses: {"200": {description: A shelf}}
"""
REF_SPEC = spec("""\
  /v1/books/{book_id}:
    get:
      parameters: [{$ref: "params.yaml#/BookId"}]
      responses: {"200": {description: A book}}
""")
PARAMS_V1 = "BookId: {name: book_id, in: path, required: true, schema: {type: string}}\n"


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo.parent)}
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def repo(tmp_path):
    """Two commits: the first a clean spec with a `$ref`'d parameter, the second adds a bad path; the working
    tree then edits the referenced file without committing."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    write(root / "api/openapi.yaml", REF_SPEC)
    write(root / "api/params.yaml", PARAMS_V1)
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first")
    write(root / "api/openapi.yaml", REF_SPEC + BAD_PATH)
    write(root / "api/new.yaml", NEW_ERROR)
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "second")
    write(root / "api/params.yaml", "# edited in the work tree\n" + PARAMS_V1)
    return root


@needs_git
def test_spec_at_revision_materialises_the_tree_with_its_refs(repo):
    spec_path = str(repo / "api/openapi.yaml")
    with spec_at_revision(spec_path, "HEAD~1") as old:
        assert old is not None and old != spec_path
        assert Path(old).read_text() == textwrap.dedent(REF_SPEC)
        assert (Path(old).parent / "params.yaml").read_text() == PARAMS_V1  # at the revision, not the work tree
        folder = Path(old).parent
    assert not folder.exists()  # removed on exit
    with spec_at_revision(str(repo / "api/new.yaml"), "HEAD~1") as old:
        assert old is None


@needs_git
def test_diff_base_reports_exactly_the_finding_the_new_commit_added(repo):
    spec_path = str(repo / "api/openapi.yaml")
    report, crashes = diff_against_revision(spec_path, "HEAD~1", Config())
    assert crashes == []
    assert [(f.rule, f.method, f.path, f.file) for f in report.new] == [
        ("oas/path-params-match", "GET", "/v1/shelves/{shelf_id}", spec_path)]
    assert report.fixed == [] and report.unchanged == 0
    assert report.operations.added == [OperationRef("GET", "/v1/shelves/{shelf_id}", spec_path)]
    # the same file against its own revision: nothing changed
    same, _ = diff_against_revision(spec_path, "HEAD", Config())
    assert same.new == same.fixed == [] and same.unchanged == 1


@needs_git
def test_diff_base_fixed_findings_name_the_work_tree_file(repo):
    spec_path = str(repo / "api/openapi.yaml")
    write(repo / "api/openapi.yaml", REF_SPEC)  # the bad path is removed again
    report, _ = diff_against_revision(spec_path, "HEAD", Config())
    assert [(f.rule, f.file) for f in report.fixed] == [("oas/path-params-match", spec_path)]
    assert report.fixed[0].line == 9  # the line of its `get:` at HEAD


@needs_git
def test_diff_base_a_file_absent_at_the_base_is_all_new(repo):
    path = str(repo / "api/new.yaml")
    report, _ = diff_against_revision(path, "HEAD~1", Config())
    assert [f.fingerprint for f in report.new] == [f.fingerprint for f in lint(path)]
    assert report.new and report.fixed == [] and report.unchanged == 0
    assert [str(op) for op in report.operations.added] == ["GET /v1/books/{book_id}", "GET /v1/shelves/{shelf_id}"]


@needs_git
def test_diff_base_errors_are_one_line_input_errors(repo, tmp_path, monkeypatch):
    spec_path = str(repo / "api/openapi.yaml")
    for rev in ("no-such-branch", "HEAD~5", "--output=x", ""):
        with pytest.raises(InputError) as caught:
            with spec_at_revision(spec_path, rev):
                pass
        assert "unknown git revision" in str(caught.value) and "\n" not in str(caught.value)
        assert str(caught.value).startswith(f"{spec_path}:1:1: ")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    outside = write(tmp_path / "plain/openapi.yaml", CLEAN)
    with pytest.raises(InputError, match="not in a git repository"):
        with spec_at_revision(outside, "HEAD"):
            pass


def test_compare_with_nothing_on_either_side_is_empty():
    report, crashes = compare(None, None, Config())
    assert report == DiffReport([], [], 0, ApiChanges([], [], [])) and crashes == []


@needs_git
def test_check_diff_base_on_the_command_line(repo):
    spec_path = str(repo / "api/openapi.yaml")
    result = CliRunner().invoke(cli, ["check", "--isolated", spec_path, "--diff-base", "HEAD~1", "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [(f["rule"], f["path"]) for f in report["new"]] == [("oas/path-params-match", "/v1/shelves/{shelf_id}")]
    assert report["operations"]["added"] == [{"method": "GET", "path": "/v1/shelves/{shelf_id}"}]
    unchanged = CliRunner().invoke(cli, ["check", "--isolated", spec_path, "--diff-base", "HEAD"])
    assert unchanged.exit_code == 0 and "New findings (0):" in unchanged.stdout
    bad = CliRunner().invoke(cli, ["check", "--isolated", spec_path, "--diff-base", "no-such-rev"])
    assert bad.exit_code == 2 and bad.stderr.startswith("error: ") and len(bad.stderr.splitlines()) == 1


# --------------------------------------------------------------------------------------------------
# --diff-base: a spec the pull request removes, hides or renames

BOOKS = """\
  /v1/books:
    get:
      operationId: listBooks
      responses: {"200": {description: Books}}
"""


@pytest.fixture
def base(tmp_path, monkeypatch):
    """A repository whose one commit holds `api.yaml` (with a finding, BAD_PATH's), the current directory."""
    root = tmp_path / "repo"
    write(root / "api.yaml", spec(BOOKS + BAD_PATH))
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "base")
    monkeypatch.chdir(root)
    return root


def check_since_base(*options: str) -> tuple[int, dict, dict]:
    """`check --diff-base HEAD` on the current folder as the Action runs it: (exit status, JSON, SARIF)."""
    result = CliRunner().invoke(cli, ["check", "--diff-base", "HEAD", "--format", "json=report.json",
                                      "--format", "sarif=report.sarif", *options])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    with open("report.json") as report, open("report.sarif") as sarif:
        return result.exit_code, json.load(report), json.load(sarif)


def sarif_states(log: dict) -> list[tuple[str, str]]:
    return sorted((r["baselineState"], r["ruleId"]) for r in log["runs"][0]["results"])


@needs_git
@pytest.mark.parametrize("hide", ["deleted", "renamed to api.txt", "listed in .gitignore", "excluded by the config",
                                  "no longer OpenAPI"])
def test_diff_base_a_spec_the_change_removes_or_hides_is_every_operation_removed(base, hide):
    if hide == "deleted":
        os.remove("api.yaml")
    elif hide == "renamed to api.txt":
        os.rename("api.yaml", "api.txt")
    elif hide == "listed in .gitignore":
        write(base / ".gitignore", "api.yaml\n")
    elif hide == "excluded by the config":
        write(base / ".aiplint.toml", 'exclude = ["api.yaml"]\n')
    else:
        write(base / "api.yaml", "info: {title: Books}\n")
    status, report, sarif = check_since_base()
    assert status == 1
    assert report["operations"]["removed"] == [{"method": "GET", "path": "/v1/books"},
                                               {"method": "GET", "path": "/v1/shelves/{shelf_id}"}]
    assert {c["id"] for c in report["changes"]} == {"breaking/operation-removed"}
    assert [(f["rule"], f["file"]) for f in report["fixed"]] == [("oas/path-params-match", "api.yaml")]
    assert sarif_states(sarif) == [("absent", "oas/path-params-match"), ("new", "breaking/operation-removed"),
                                   ("new", "breaking/operation-removed")]


@needs_git
def test_diff_base_a_spec_whose_folder_is_deleted_is_every_operation_removed(base):
    os.mkdir("v1")
    os.rename("api.yaml", "v1/api.yaml")
    git(base, "add", "-A")
    git(base, "commit", "-q", "-m", "in a folder")
    shutil.rmtree("v1")
    status, report, _ = check_since_base()
    assert status == 1 and report["errors"] == []
    assert len(report["operations"]["removed"]) == 2 and report["fixed"][0]["file"] == "v1/api.yaml"


@needs_git
def test_diff_base_finds_the_base_specs_with_the_base_rules_not_the_changed_ones(base):
    """A spec the base itself left out (its .gitignore, its configuration's `exclude`) is not the change's to
    remove; the command line's exclusions apply to both revisions."""
    write(base / "draft.yaml", spec(BOOKS))
    write(base / "old/legacy.yaml", spec(BOOKS))
    write(base / ".gitignore", "draft.yaml\n")
    write(base / ".aiplint.toml", 'exclude = ["old/"]\n')
    git(base, "add", "-f", ".")
    git(base, "commit", "-q", "-m", "drafts")
    for name in ("draft.yaml", "old/legacy.yaml", ".gitignore", ".aiplint.toml"):
        os.remove(name)
    status, report, _ = check_since_base("--extend-exclude", "api.yaml")
    assert status == 0 and report["operations"]["removed"] == [] and report["changes"] == []


@needs_git
def test_diff_base_reads_a_config_file_named_in_the_repository_as_the_base_has_it(base):
    write(base / "ci.toml", "exclude = []\n")
    git(base, "add", ".")
    git(base, "commit", "-q", "-m", "the CI configuration")
    write(base / "ci.toml", 'exclude = ["api.yaml"]\n')  # the change under review edits it
    status, report, _ = check_since_base("--config", "ci.toml")
    assert status == 1 and len(report["operations"]["removed"]) == 2


@needs_git
def test_diff_base_a_renamed_spec_is_compared_with_its_old_name(base):
    (base / "v1").mkdir()
    os.rename("api.yaml", "v1/api.yaml")
    write(base / "v1/api.yaml", spec(BOOKS))  # and the bad path removed
    status, report, sarif = check_since_base()
    assert status == 1
    assert report["operations"] == {"added": [], "removed": [{"method": "GET", "path": "/v1/shelves/{shelf_id}"}],
                                    "moved": []}
    assert [(f["rule"], f["file"]) for f in report["fixed"]] == [("oas/path-params-match", "api.yaml")]
    assert sarif_states(sarif) == [("absent", "oas/path-params-match"), ("new", "breaking/operation-removed")]


def test_renamed_specs_pair_by_the_most_shared_paths_and_a_common_path_tells_none_apart(tmp_path):
    def document(name: str, *paths: str):
        items = "".join(f"  {p}:\n    get:\n      responses: {{'200': {{description: OK}}}}\n" for p in paths)
        return open_document(write(tmp_path / name, f'openapi: 3.1.0\ninfo: {{title: T, version: "1"}}\n'
                                                    f'paths:\n{items}'))

    gone = [document("a.yaml", "/a/{id}", "/b"), document("b.yaml", "/b", "/c", "/d")]
    added = [document("x.yaml", "/e"), document("y.yaml", "/b", "/c"), document("z.yaml", "/a/{name}")]
    assert pair_renamed(added, gone) == {1: 1, 2: 0}
    common = [document(f"g{i}.yaml", "/health") for i in range(17)]
    assert pair_renamed([document("h.yaml", "/health")], common) == {}
    assert pair_renamed([document("h.yaml", "/health")], common[:2]) == {0: 0}


@needs_git
def test_diff_base_walk_errors_are_one_line_each_with_every_report_written(base):
    write(base / ".aiplint.toml", "exclude = 3\n")
    git(base, "add", ".")
    git(base, "commit", "-q", "-m", "a configuration the base could not use")
    os.remove(".aiplint.toml")
    result = CliRunner().invoke(cli, ["check", "--diff-base", "HEAD", "--format", "json=report.json"])
    assert result.exit_code == 2
    assert result.stderr == "error: .aiplint.toml:1:1: at git revision 'HEAD': `exclude` must be a list of paths " \
                            "or patterns\n"
    assert [e["file"] for e in json.loads(Path("report.json").read_text())["errors"]] == [".aiplint.toml"]
    os.remove("report.json")  # else a file of the walk too, with the same error
    unknown = CliRunner().invoke(cli, ["check", "--diff-base", "no-such-rev"])
    assert unknown.exit_code == 2 and unknown.stderr == "error: api.yaml:1:1: unknown git revision 'no-such-rev'\n"


def test_json_is_written_as_json_dump_writes_it_non_ascii_escaped(tmp_path):
    """orjson writes the report; the text is what `json.dump(..., indent=2)` wrote (non-ASCII escaped), so a
    stream in any encoding takes it."""
    def spec(enum: list[str]) -> str:
        schema = {"type": "string", "enum": enum}
        return json.dumps({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {"/v1/cafés/{ü}": {
            "get": {"parameters": [{"name": "ü", "in": "path", "required": True, "schema": schema}],
                    "responses": {"200": {"description": "ok"}}}}}}, ensure_ascii=False)

    old = write(tmp_path / "old.json", spec(["crème", "😀", "del\x7f"]))
    new = write(tmp_path / "new.json", spec(["crème"]))
    out = run(old, new, "--format", "json").stdout
    assert out.isascii() and "\\u00e9" in out and "\\ud83d\\ude00" in out
    assert out == json.dumps(json.loads(out), indent=2) + "\n"
