"""`aiplint check --fix`, `--unsafe-fixes` and `--diff` (issue 21): fixes as edits of the original text, passes,
conflicts, the configuration's `fixable` / `unfixable`, and the properties of a fixed spec (`fix_properties`)."""

from __future__ import annotations

import json
import os

import hostile_inputs as hostile
import pytest
from click.testing import CliRunner
from conftest import FIXTURES, corpus_file
from fix_properties import violations

from aiplint.cli import cli
from aiplint.config import Config
from aiplint.fixing.edits import TextEdit
from aiplint.fixing.engine import fix_spec, regressions
from aiplint.linting.registry import available_rules

SESSIONS = """\
openapi: 3.0.3
info: {title: Sessions, version: "1"}
# the sessions API
paths:
  /v1/session/{session_id}:   # one session
    get:
      operationId: getSession
      parameters:
        - {name: session_id, in: path, required: true, schema: {type: string}}
      requestBody:
        content:
          application/json:
            schema: {type: object}

      responses:
        "200": {description: ok}
  "/v1/session/{session_id}/turns":
    get:
      operationId: listTurns
      parameters:
        - {name: session_id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: ok
          links:
            session:
              operationRef: '#/paths/~1v1~1session~1{session_id}/get'
"""

SESSIONS_FIXED = SESSIONS.replace("  /v1/session/{session_id}:", "  /v1/sessions/{session_id}:").replace(
    '"/v1/session/{session_id}/turns"', '"/v1/sessions/{session_id}/turns"').replace(
    "~1v1~1session~1", "~1v1~1sessions~1").replace("""      requestBody:
        content:
          application/json:
            schema: {type: object}
""", "")


def run(*args: str):
    return CliRunner().invoke(cli, ["check", "--no-cache", *args])


@pytest.fixture
def sessions(tmp_path):
    path = tmp_path / "openapi.yaml"
    path.write_text(SESSIONS)
    return path


def test_safe_fixes_only_by_default_and_the_rest_is_reported(sessions):
    result = run(str(sessions), "--fix")
    assert result.exit_code == 1
    assert "requestBody" not in sessions.read_text()
    assert "/v1/session/{session_id}:" in sessions.read_text()  # a rename is unsafe: not without --unsafe-fixes
    assert "aip122/plural-collection" in result.stdout
    assert "Fixed 1 problem, 1 remaining." in result.stdout
    assert "(1 fixable with --fix --unsafe-fixes.)" in result.stdout


def test_unsafe_fixes_rename_every_place_naming_the_path_and_keep_every_other_byte(sessions):
    result = run(str(sessions), "--fix", "--unsafe-fixes")
    assert result.exit_code == 0, result.output
    assert sessions.read_text() == SESSIONS_FIXED  # comments, quoting, the blank line, indentation: as they were
    assert "Fixed 2 problems. All checks passed (1 file)." in result.stdout
    # the rename is listed with the breaking changes it causes, classified by compat
    assert "unsafe fix: " in result.stderr and "rename the collection `session` to `sessions` in 2 paths" in result.stderr
    assert result.stderr.count("[breaking/operation-moved]") == 2


def test_a_second_fix_changes_nothing(sessions):
    run(str(sessions), "--fix", "--unsafe-fixes")
    once = sessions.read_bytes()
    result = run(str(sessions), "--fix", "--unsafe-fixes")
    assert sessions.read_bytes() == once
    assert result.exit_code == 0 and "Fixed" not in result.stdout


def test_diff_prints_the_fixes_and_writes_nothing(sessions):
    result = run(str(sessions), "--diff", "--unsafe-fixes")
    assert result.exit_code == 1
    assert sessions.read_text() == SESSIONS
    name = str(sessions).lstrip("/")  # an absolute path after `a/` and `b/`, as git writes it
    assert result.stdout.startswith(f"--- a/{name}\n+++ b/{name}\n")
    assert "-  /v1/session/{session_id}:   # one session\n+  /v1/sessions/{session_id}:   # one session\n" in (
        result.stdout)
    assert "Would fix 2 problems in 1 file." in result.stderr
    run(str(sessions), "--fix", "--unsafe-fixes")
    assert run(str(sessions), "--diff", "--unsafe-fixes").exit_code == 0


def test_fixable_findings_are_marked_and_counted(sessions):
    result = run(str(sessions))
    lines = [line for line in result.stdout.splitlines() if "aip1" in line]
    assert "[*]" in next(line for line in lines if "no-body-get-delete" in line)
    assert "[*]" not in next(line for line in lines if "plural-collection" in line)  # unsafe: not with --fix alone
    assert result.stdout.endswith("[*] 1 fixable with --fix (1 more with --unsafe-fixes).\n")
    assert "[*] 2 fixable with --fix." in run(str(sessions), "--unsafe-fixes").stdout
    finding = json.loads(run(str(sessions), "--format", "json").stdout)["findings"][0]
    assert finding["fix"] == {"title": "rename the collection `session` to `sessions` in 2 paths", "safe": False}


def test_unfixable_rules_in_the_configuration_are_left(sessions, tmp_path):
    (tmp_path / ".aiplint.toml").write_text('unfixable = ["aip127/"]\n')
    result = run(str(sessions), "--fix", "--unsafe-fixes")
    assert "requestBody" in sessions.read_text() and "/v1/sessions/" in sessions.read_text()
    assert "[*]" not in result.stdout


def test_fixable_limits_fixes_to_the_rules_it_names(sessions, tmp_path):
    (tmp_path / ".aiplint.toml").write_text('fixable = ["aip127/no-body-get-delete"]\n')
    run(str(sessions), "--fix", "--unsafe-fixes")
    assert "requestBody" not in sessions.read_text() and "/v1/session/" in sessions.read_text()


def test_json_keeps_its_formatting_outside_the_edits(tmp_path):
    def spec(path: str, body: bool) -> dict:
        get = {"parameters": [{"name": "book_id", "in": "path", "required": True, "schema": {"type": "string"}}],
               **({"requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}}} if body else {}),
               "responses": {"200": {"description": "ok"}}}
        return {"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {path: {"get": get}}}

    def written(data: dict) -> str:  # an unusual indentation and spacing, which the fixes keep
        return json.dumps(data, indent=3).replace('"version": "1"', '"version" :"1"') + "\n"

    path = tmp_path / "api.json"
    path.write_text(written(spec("/v1/book/{book_id}", body=True)))
    run(str(path), "--fix", "--unsafe-fixes")
    assert path.read_text() == written(spec("/v1/books/{book_id}", body=False))


def test_a_rename_reaches_the_ref_d_files_that_quote_the_path(tmp_path):
    (tmp_path / "openapi.yaml").write_text(
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n"
        "  /v1/job/{job_id}:\n    $ref: 'paths/job.yaml'\n")
    (tmp_path / "paths").mkdir()
    (tmp_path / "paths" / "job.yaml").write_text(
        "get:\n  parameters:\n    - {name: job_id, in: path, required: true, schema: {type: string}}\n"
        "  responses:\n    '200':\n      description: ok\n      links:\n        self:\n"
        "          operationRef: '../openapi.yaml#/paths/~1v1~1job~1{job_id}/get'\n")
    result = run(str(tmp_path / "openapi.yaml"), "--fix", "--unsafe-fixes")
    assert result.exit_code == 0, result.output
    assert "  /v1/jobs/{job_id}:\n    $ref: 'paths/job.yaml'\n" in (tmp_path / "openapi.yaml").read_text()
    assert "operationRef: '../openapi.yaml#/paths/~1v1~1jobs~1{job_id}/get'\n" in (
        tmp_path / "paths" / "job.yaml").read_text()


def test_two_fixes_on_one_span_the_first_applies_and_the_next_pass_takes_the_other(tmp_path):
    path = tmp_path / "api.yaml"
    path.write_text("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n"
                    "  /v1/team/{team_id}/member/{member_id}:\n    get:\n      parameters:\n"
                    "        - {name: team_id, in: path, required: true, schema: {type: string}}\n"
                    "        - {name: member_id, in: path, required: true, schema: {type: string}}\n"
                    "      responses: {'200': {description: ok}}\n")
    fixed = fix_spec(str(path), Config(select=("aip122/plural-collection",)), available_rules(), unsafe=True)
    assert fixed is not None
    assert [len(edits) for edits in fixed.passes] == [1, 1]  # both rename the one key: one per pass
    assert "  /v1/teams/{team_id}/members/{member_id}:\n" in fixed.after[os.path.realpath(path)]
    assert fixed.remaining == []


def test_edits_meet_when_they_overlap_or_empty_one_mapping():
    removal = TextEdit("a.yaml", 10, 20, "", guard="a.yaml#/paths/~1x/get")
    assert removal.meets(TextEdit("a.yaml", 15, 30, "x"))
    assert not removal.meets(TextEdit("a.yaml", 20, 30, "x"))  # adjacent: both apply
    assert not removal.meets(TextEdit("b.yaml", 15, 30, "x"))
    assert removal.meets(TextEdit("a.yaml", 40, 50, "", guard="a.yaml#/paths/~1x/get"))  # could empty it


def test_a_pass_that_would_cause_a_new_finding_is_a_regression():
    from aiplint.linting.findings import Finding
    from aiplint.rule import Fix, RenamePath, Severity

    def finding(rule: str, path: str, fix: Fix | None = None) -> Finding:
        return Finding(rule, Severity.ERROR, "m", "a.yaml", 1, 1, "/paths", "GET", path, None, "f" + path, fix=fix)

    rename = Fix("rename", (RenamePath("/v1/job/{id}", "/v1/jobs/{id}"),), safe=False)
    before = [finding("aip122/plural-collection", "/v1/job/{id}", rename), finding("rest/x", "/v1/job/{id}")]
    fixed = before[:1]
    assert regressions(before, [finding("rest/x", "/v1/jobs/{job_id}")], fixed) == []  # the same, renamed
    assert regressions(before, [finding("rest/x", "/v1/jobs/{id}"), finding("rest/y", "/v1/a")], fixed) == [
        "new finding: rest/y GET /v1/a"]
    assert regressions(before, [finding("aip122/plural-collection", "/v1/jobs/{id}")], fixed) == [
        "fixed finding still there: aip122/plural-collection GET /v1/job/{}"]


def test_standard_input_is_diffed_not_written(sessions):
    assert run("-", "--fix").exit_code == 2
    result = CliRunner().invoke(cli, ["check", "--no-cache", "-", "--stdin-filename", "api.yaml",
                                                      "--diff"], input=SESSIONS)
    assert result.exit_code == 1 and "-      requestBody:\n" in result.stdout


def test_fix_refuses_diff_base_and_bad_input_is_an_error_line(tmp_path):
    assert "--diff-base" in run(".", "--fix", "--diff-base", "HEAD").stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.0.3\npaths: {a: [\n")
    result = run(str(broken), "--fix")
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)  # an exit status, not an exception's traceback
    assert "broken.yaml" in result.stderr


def test_llama_stack_fixes_keep_every_property():
    path = FIXTURES / "llama-stack" / "before" / "stainless-llama-stack-spec.yaml"
    fixed = fix_spec(str(path), Config(select=("aip122/", "aip127/", "rest/")), available_rules(), unsafe=True)
    assert fixed is not None
    assert sorted(a.finding.fix.title for a in fixed.applied if a.finding.fix) == [
        "move `GET /v1/tool-runtime/list-tools` to `GET /v1/tool-runtime/tools`",
        "move `POST /v1/scoring/score` to `POST /v1/scoring:score`",
        "move `POST /v1alpha/inference/rerank` to `POST /v1alpha/inference:rerank`",
        "move `POST /v1alpha/post-training/preference-optimize` to `POST /v1alpha/post-training:preferenceOptimize`",
        "move `POST /v1alpha/post-training/supervised-fine-tune` to "
        "`POST /v1alpha/post-training:supervisedFineTune`",
        "rename the collection `job` to `jobs` in 3 paths"]
    assert violations(fixed, os.path.realpath(path)) == []
    assert "  /v1alpha/post-training/jobs/status:\n" in fixed.after[os.path.realpath(path)]
    # every rule: those moves to `:verb` would be new aip136/custom-method-style findings (the document writes its
    # custom methods `/verb`), so they are not made
    fixed = fix_spec(str(path), Config(), available_rules(), unsafe=True)
    assert fixed is not None and violations(fixed, os.path.realpath(path)) == []
    assert not any(":" in edit.text for edits in fixed.passes for edit in edits)


@pytest.mark.slow
@pytest.mark.parametrize("relative", ["twilio/twilio_api_v2010.yaml", "slack/slack_web_openapi_v2_without_examples.json",
                                      "openai/openapi.yaml"])
def test_shared_corpus_specs_keep_every_property(relative):
    path = corpus_file(relative)
    fixed = fix_spec(str(path), Config(), available_rules(), unsafe=True)
    assert fixed is not None
    assert violations(fixed, os.path.realpath(path)) == []


def test_the_html_report_shows_each_fix_as_a_diff(sessions, tmp_path):
    page = tmp_path / "report.html"
    run(str(sessions), "--format", f"html={page}")
    html = page.read_text()
    assert html.count('<pre class="diff">') == 2
    assert '<span class="del">-  /v1/session/{session_id}:   # one session</span>' in html
    assert '<span class="add">+  /v1/sessions/{session_id}:   # one session</span>' in html
    assert '<span class="del">-      requestBody:</span>' in html


QUERY_ID = """\
openapi: 3.0.3
info: {title: Jobs, version: "1"}
paths:
  /v1/jobs:
    get:
      operationId: listJobs
      responses: {"200": {description: ok}}
  /v1/job/status:
    get:
      operationId: getJobStatus
      parameters:
        - {name: job_id, in: query, required: true, schema: {type: string}}   # the job
      responses: {"200": {description: ok}}
"""


def test_an_id_in_the_query_moves_into_the_path(tmp_path):
    path = tmp_path / "api.yaml"
    path.write_text(QUERY_ID)
    result = run(str(path), "--fix", "--unsafe-fixes")
    assert result.exit_code == 0, result.output
    assert path.read_text() == QUERY_ID.replace("/v1/job/status:", "/v1/jobs/{job_id}/status:").replace(
        "in: query", "in: path")
    assert "move `job_id` into the path: `GET /v1/job/status` -> `GET /v1/jobs/{job_id}/status`" in result.stderr


@pytest.mark.parametrize(("name", "text", "fixed"), [
    ("block.yaml", "openapi: 3.0.3\nx:\n  - name: a\n    in: query\n  - name: b\n",
     "openapi: 3.0.3\nx:\n  - name: a\n    in: path\n    required: true\n  - name: b\n"),
    ("flow.yaml", "openapi: 3.0.3\nx: [{name: a, in: query}]\n",
     "openapi: 3.0.3\nx: [{name: a, in: path, required: true}]\n"),
    ("api.json", '{"openapi": "3.0.3",\n "x": [{"name": "a",\n        "in": "query"}]}\n',
     '{"openapi": "3.0.3",\n "x": [{"name": "a",\n        "in": "path", "required": true}]}\n'),
])
def test_values_are_set_and_members_added_in_the_file_s_own_style(tmp_path, name, text, fixed):
    from aiplint.fixing.edits import EditFinder, apply
    from aiplint.read.document import open_document
    from aiplint.rule import AddMember, Fix, SetValue

    path = tmp_path / name
    path.write_text(text)
    document = open_document(str(path))
    fix = Fix("t", (SetValue(str(path), "/x/0/in", "path"), AddMember(str(path), "/x/0/in", "required", True)))
    edits = EditFinder(document).edits(fix)
    assert edits is not None
    assert apply(text, edits) == fixed


def test_fixes_survive_the_result_cache(sessions, tmp_path):
    cache = str(tmp_path / "cache")
    for _ in range(2):  # the second run reads the findings, and their fixes, from the cache
        result = CliRunner().invoke(cli, ["check", str(sessions), "--cache-dir", cache, "--format", "json"])
        assert [f["fix"] and f["fix"]["safe"] for f in json.loads(result.stdout)["findings"]] == [False, True]
    assert os.listdir(cache)


def test_a_crash_while_fixing_is_the_spec_s_internal_error(sessions, monkeypatch):
    from aiplint.fixing.edits import EditFinder

    def crash(self, fix):
        raise RuntimeError("boom")

    monkeypatch.setattr(EditFinder, "edits", crash)
    result = run(str(sessions), "--fix")
    assert result.exit_code == 2
    assert "internal error while fixing: RuntimeError: boom" in result.stderr
    assert sessions.read_text() == SESSIONS


def test_an_optional_id_moved_into_the_path_becomes_required(tmp_path):
    path = tmp_path / "api.yaml"
    text = QUERY_ID.replace("""  /v1/job/status:
    get:
      operationId: getJobStatus
      parameters:
        - {name: job_id, in: query, required: true, schema: {type: string}}   # the job
      responses: {"200": {description: ok}}
""", """  /v1/job:
    delete:
      operationId: deleteJob
      parameters:
        - name: job_id
          in: query
          schema: {type: string}
      responses: {"204": {description: deleted}}
""")
    path.write_text(text)
    assert run(str(path), "--fix", "--unsafe-fixes").exit_code == 0
    assert path.read_text() == text.replace("  /v1/job:\n", "  /v1/jobs/{job_id}:\n").replace(
        "          in: query\n", "          in: path\n          required: true\n")


def test_a_fix_whose_lint_shows_a_new_finding_is_not_made(sessions):
    from aiplint.rule import Problem, rule

    @rule(id="acme/no-sessions", summary="s", reference="r", url="https://example.com", severity="error")
    def no_sessions(ctx):  # a house rule that the plural rename would break
        for item in ctx.api.paths:
            if "/sessions/" in item.key:
                yield Problem("no sessions", item.key_at, path=item.key)

    fixed = fix_spec(str(sessions), Config(), {**available_rules(), no_sessions.id: no_sessions}, unsafe=True)
    assert fixed is not None
    assert [a.finding.rule for a in fixed.applied] == ["aip127/no-body-get-delete"]
    assert [f.rule for f in fixed.remaining] == ["aip122/plural-collection"]
    assert "/v1/session/{session_id}:" in fixed.after[os.path.realpath(sessions)]
    assert violations(fixed, os.path.realpath(sessions)) == []


# Property: the spans of keys and members are exactly the text of what the data holds there, in JSON and block
# YAML as serialisers write them: removing a member's span removes that member and nothing else, and a renamed
# key's span reads as the new key.

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_KEYS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=8)
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=10))
_MAPPINGS = st.recursive(st.dictionaries(_KEYS, _SCALARS, min_size=2, max_size=4),
                         lambda inner: st.dictionaries(_KEYS, st.one_of(_SCALARS, inner), min_size=2, max_size=4),
                         max_leaves=12)


def _member_paths(data: dict, prefix: tuple = ()) -> list[tuple]:
    found = []
    for key, value in data.items():
        found.append((*prefix, key))
        if isinstance(value, dict):
            found += _member_paths(value, (*prefix, key))
    return found


@settings(max_examples=60, deadline=None)
@given(data=_MAPPINGS, pick=st.integers(min_value=0), indent=st.sampled_from([2, 3, 4]), as_json=st.booleans())
def test_removing_a_member_s_span_removes_that_member_only(tmp_path_factory, data, pick, indent, as_json):
    import copy

    import yaml

    from aiplint.fixing.spans import key_span, member_span
    from aiplint.read.loading import load_source
    from aiplint.read.pointers import join_pointer

    text = (json.dumps(data, indent=indent, ensure_ascii=False) if as_json
            else yaml.safe_dump(data, indent=indent, allow_unicode=True, sort_keys=False, width=10_000))
    path = _member_paths(data)[pick % len(_member_paths(data))]
    source = load_source("doc.json" if as_json else "doc.yaml", text)
    if source.data != data:
        return  # a key YAML reads otherwise (`1`, `null`): not the case under test
    pointer = join_pointer("", *path)
    key = key_span(source, pointer)
    assert key is not None
    span = member_span(source, pointer)
    assert span is not None
    expected = copy.deepcopy(data)
    parent = expected
    for token in path[:-1]:
        parent = parent[token]
    del parent[path[-1]]
    assert load_source(source.path, text[:span.start] + text[span.end:]).data == expected


VERBS = """\
openapi: 3.0.3
info: {title: Jobs, version: "1"}
paths:
  /v1/jobs/{job_id}:
    get:
      parameters:
        - {name: job_id, in: path, required: true, schema: {type: string}}
      responses: {"200": {description: ok}}
  /v1/jobs/cancel:
    post:
      parameters:
        - {name: job_id, in: query, required: true, schema: {type: string}}
      responses: {"200": {description: ok}}
  /v1/reindex:
    post:
      responses: {"200": {description: ok}}
"""


def test_custom_methods_move_where_their_suggestions_put_them(tmp_path):
    path = tmp_path / "api.yaml"
    path.write_text(VERBS)
    result = run(str(path), "--fix", "--unsafe-fixes")
    assert result.exit_code == 0, result.output
    assert path.read_text() == VERBS.replace("/v1/jobs/cancel:", "/v1/jobs/{job_id}/cancel:").replace(
        "in: query", "in: path").replace("/v1/reindex:", "/v1:reindex:")
    assert "aip136/attached-to-resource: move `job_id` into the path" in result.stderr
    assert "rest/verb-segment: move `POST /v1/reindex` to `POST /v1:reindex`" in result.stderr


def test_a_custom_method_in_the_minority_style_is_renamed(tmp_path):
    item = "  {path}:\n    post:\n      parameters:\n        - {{name: {param}, in: path, required: true, " \
           "schema: {{type: string}}}}\n      responses: {{'200': {{description: ok}}}}\n"
    text = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n" + "".join(
        item.format(path=path, param=param) for path, param in [
            ("/v1/jobs/{job_id}:cancel", "job_id"), ("/v1/jobs/{job_id}:retry", "job_id"),
            ("/v1/books/{book_id}/archive", "book_id")])
    path = tmp_path / "api.yaml"
    path.write_text(text)
    assert run(str(path), "--fix", "--unsafe-fixes").exit_code == 0
    assert path.read_text() == text.replace("/v1/books/{book_id}/archive:", "/v1/books/{book_id}:archive:")


def test_diff_reports_a_spec_it_cannot_read(sessions, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.0.3\npaths: {a: [\n")
    result = run(str(sessions), str(broken), "--diff")
    assert result.exit_code == 2
    assert "-      requestBody:\n" in result.stdout  # the other spec's fixes are still shown
    assert "broken.yaml" in result.stderr and isinstance(result.exception, SystemExit)


def test_findings_the_baseline_holds_are_not_fixed(sessions, tmp_path):
    baseline = tmp_path / "baseline.json"
    assert run(str(sessions), "--select", "aip122/", "--write-baseline", str(baseline)).exit_code == 0
    result = run(str(sessions), "--fix", "--unsafe-fixes", "--baseline", str(baseline))
    assert "/v1/session/{session_id}:" in sessions.read_text()  # the baseline's singular collection stays
    assert "requestBody" not in sessions.read_text()  # the rest is fixed
    assert result.exit_code == 0 and "Fixed 1 problem." in result.stdout


def test_a_file_that_is_not_utf8_is_not_written(tmp_path):
    path = tmp_path / "api.yaml"
    path.write_bytes(SESSIONS.encode("utf-16"))  # read (a byte order mark says UTF-16), not written back
    result = run(str(path), "--fix")
    assert result.exit_code == 2
    assert "not fixed: it changed while it was fixed, or is not UTF-8" in result.stderr
    assert path.read_bytes() == SESSIONS.encode("utf-16")


def test_a_rename_rewrites_percent_encoded_references_as_they_are_written(tmp_path):
    path = tmp_path / "api.json"
    spec = {"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {
        "/v1/book/{book_id}": {"get": {
            "parameters": [{"name": "book_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "ok"}}}},
        "/v1/shelves": {"get": {"responses": {
            "200": {"$ref": "#/paths/~1v1~1book~1%7Bbook_id%7D/get/responses/200"}}}}}}
    path.write_text(json.dumps(spec, indent=2))
    assert run(str(path), "--fix", "--unsafe-fixes").exit_code == 0
    fixed = json.loads(path.read_text())
    assert fixed["paths"]["/v1/shelves"]["get"]["responses"]["200"]["$ref"] == (
        "#/paths/~1v1~1books~1%7Bbook_id%7D/get/responses/200")


def test_passes_are_bounded_and_a_next_run_goes_on(tmp_path):
    from aiplint.fixing.engine import MAX_PASSES

    nouns = ["team", "member", "project", "task", "job", "book", "shelf", "user", "order", "item", "note", "tag"]
    key = "".join(f"/{noun}/{{{noun}_id}}" for noun in nouns)  # each rename edits this one key: one a pass
    params = "".join(f"        - {{name: {noun}_id, in: path, required: true, schema: {{type: string}}}}\n"
                     for noun in nouns)
    path = tmp_path / "api.yaml"
    path.write_text(f"openapi: 3.0.3\ninfo: {{title: T, version: '1'}}\npaths:\n  {key}:\n    get:\n"
                    f"      parameters:\n{params}      responses: {{'200': {{description: ok}}}}\n")
    config = Config(select=("aip122/plural-collection",))
    fixed = fix_spec(str(path), config, available_rules(), unsafe=True)
    assert fixed is not None and len(fixed.passes) == MAX_PASSES == 10
    assert len(fixed.remaining) == len(nouns) - MAX_PASSES
    path.write_text(fixed.after[os.path.realpath(path)])
    again = fix_spec(str(path), config, available_rules(), unsafe=True)
    assert again is not None and len(again.passes) == 2 and again.remaining == []


@pytest.mark.parametrize("text", [hostile.alias_bomb(1000, 2000), hostile.anchored_nesting(50, 40),
                                  hostile.self_referencing_all_of(50), hostile.long_path(3000),
                                  hostile.bad_parameters(200)])
def test_hostile_inputs_are_fixed_or_refused_without_a_traceback(tmp_path, text):
    path = tmp_path / "api.yaml"
    path.write_text(text)
    result = run(str(path), "--fix", "--unsafe-fixes")
    assert result.exit_code in (0, 1, 2)
    assert isinstance(result.exception, SystemExit) or result.exception is None
    assert "Traceback" not in result.output + result.stderr


def test_a_minor_version_is_made_major_in_paths_and_server_urls(tmp_path):
    text = """\
openapi: 3.0.3
info: {title: Books, version: "1.2"}
servers:
  - url: https://api.example.com/v2.1   # production
paths:
  /v1.2/books:
    get:
      responses: {"200": {description: ok}}
  /v1.2/books/{book_id}:
    get:
      parameters:
        - {name: book_id, in: path, required: true, schema: {type: string}}
      responses: {"200": {description: ok}}
"""
    path = tmp_path / "api.yaml"
    path.write_text(text)
    assert run(str(path), "--fix").exit_code == 0  # warnings only; but nothing is safe to fix
    assert path.read_text() == text
    run(str(path), "--fix", "--unsafe-fixes")
    assert path.read_text() == text.replace("/v2.1   #", "/v2   #").replace("/v1.2/", "/v1/")


def test_a_fix_stands_when_its_breaking_changes_cannot_be_classified(sessions, monkeypatch):
    from aiplint.fixing import engine

    def crash(*args, **kwargs):
        raise AttributeError("'bool' object has no attribute 'get'")  # as compat met a `true` schema once

    monkeypatch.setattr(engine, "compare_documents", crash)
    result = run(str(sessions), "--fix", "--unsafe-fixes")
    assert result.exit_code == 0 and sessions.read_text() == SESSIONS_FIXED
    assert "what it breaks is not known: the comparison failed (AttributeError: 'bool' object has no attribute " \
           "'get')" in result.stderr
