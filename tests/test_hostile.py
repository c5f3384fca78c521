"""Issue 7, sections 3 and 4: bounded work on hostile documents (generated small here; the issue's sizes are in
benchmarks/hostile.py), and never a traceback, never exit 1 for a crash, never a lost report."""

from __future__ import annotations

import json
import sys
import time

import hostile_inputs as generate
import pytest
from click.testing import CliRunner

import aiplint
from aiplint.cli import cli
from aiplint.config import ConfigError
from aiplint.lint_rules.oas.schema import _most_specific
from aiplint.linting import registry
from aiplint.model import ApiModel
from aiplint.read import revisions
from aiplint.read.document import open_document
from aiplint.read.loading import InputError, load_source

# "Does not hang" bounds: generous, so a slow machine does not fail them; the figures are in benchmarks/.
BOUND = 10.0


def timed_lint(tmp_path, name: str, text: str) -> tuple[CliRunner, float]:
    path = tmp_path / name
    path.write_text(text)
    start = time.perf_counter()
    result = CliRunner().invoke(cli, ["check", "--isolated", "--format", "json", str(path)])
    return result, time.perf_counter() - start


def one_line_input_error(result) -> str:
    assert result.exit_code == 2 and result.exception is None or isinstance(result.exception, SystemExit)
    [line] = result.stderr.splitlines()
    assert line.startswith("error: ")
    return line


# --------------------------------------------------------------------------------------------------
# 3. Bounded work


def test_a_schema_listing_itself_in_all_of_is_read_once(tmp_path):
    result, seconds = timed_lint(tmp_path, "api.yaml", generate.self_referencing_all_of(6))
    assert result.exit_code in (0, 1) and seconds < BOUND
    model = ApiModel.build(open_document(str(tmp_path / "api.yaml")))
    assert [prop.name for prop in model.operations[0].body] == ["name"]


def test_an_aliased_scalar_is_bounded_by_the_text_it_expands_to(tmp_path):
    # 100 KB aliased 200 times: a 100 KB file, 20 MB of text once expanded
    result, seconds = timed_lint(tmp_path, "api.yaml", generate.alias_bomb(100_000, 200))
    assert one_line_input_error(result).endswith("YAML aliases expand to more than 16 MiB of text (possible alias bomb)")
    assert seconds < BOUND


def test_nesting_built_through_anchors_is_bounded_before_parsing(tmp_path):
    # three blocks of 500 levels, each aliasing the one before: every line is shallow, the document 1,500 deep
    result, _ = timed_lint(tmp_path, "api.yaml", generate.anchored_nesting(500, 3))
    line = one_line_input_error(result)
    assert line.endswith("YAML aliases nest the document more than 1000 levels deep (possible alias bomb)")


@pytest.mark.parametrize("anchored, copies", [
    ("x-blob: &blob {big}", "[{aliases}]"),           # block value, aliases in a flow sequence
    ("x-blob: [&blob {big}]", "[{aliases}]"),          # anchor right after a flow indicator
    ("x-blob: {{k: &blob {big}}}", "\n" + "  - {aliases}"),  # aliases as block sequence entries
])
def test_an_alias_bomb_is_caught_wherever_its_anchor_and_aliases_sit(tmp_path, anchored, copies):
    aliases = ", ".join(["*blob"] * 200) if copies.startswith("[") else "\n  - ".join(["*blob"] * 200)
    text = (generate.HEAD + "paths: {}\n" + anchored.format(big="x" * 100_000) + "\n"
            + "x-copies: " + copies.format(aliases=aliases) + "\n")
    result, _ = timed_lint(tmp_path, "api.yaml", text)
    assert one_line_input_error(result).endswith("(possible alias bomb)")


def test_text_that_only_looks_like_anchors_and_aliases_loads():
    text = ("openapi: 3.0.3\ninfo: {title: t, version: '1', description: 'see *bold* & {&page,per_page}'}\n"
            "paths:\n  /search:\n    get:\n      description: https://x.test/search{?q}{&page,per_page} **note**\n"
            "      responses: {'200': {description: ok}}\n")
    data = load_source("a.yaml", text).data
    assert data["paths"]["/search"]["get"]["description"].endswith("{&page,per_page} **note**")


def test_ordinary_anchors_still_load():
    text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\nx-ok: &ok {description: ok}\npaths:\n" + "".join(
        f"  /v{i}:\n    get:\n      responses: {{'200': *ok}}\n" for i in range(50))
    data = load_source("a.yaml", text).data
    assert data["paths"]["/v49"]["get"]["responses"]["200"] == {"description": "ok"}


def test_schema_errors_are_not_quadratic(tmp_path):
    result, seconds = timed_lint(tmp_path, "api.json", generate.bad_parameters(3_000))
    findings = json.loads(result.stdout)["findings"]
    assert result.exit_code == 1 and seconds < BOUND
    assert findings[0]["message"].startswith("invalid OpenAPI 3.0.3: too many structural errors to list")
    listed = [f for f in findings if "qery" in f["message"]]
    assert 0 < len(listed) < 3_000 and listed[0]["pointer"] == "/paths/~1items/get/parameters/0/in"
    few, _ = timed_lint(tmp_path, "few.json", generate.bad_parameters(20))
    assert len(json.loads(few.stdout)["findings"]) == 20  # below the bound every error is listed


def test_most_specific_is_linear_in_the_errors():
    errors = [(f"/paths/~1x/get/parameters/{i}", "bad") for i in range(50_000)] + [("/paths/~1x/get", "bad")]
    start = time.perf_counter()
    kept = _most_specific(errors)
    assert time.perf_counter() - start < BOUND
    assert len(kept) == 50_000 and ("/paths/~1x/get", "bad") not in kept


def test_a_path_key_of_thousands_of_segments(tmp_path):
    result, seconds = timed_lint(tmp_path, "api.json", generate.long_path(3_000))
    assert result.exit_code in (0, 1) and seconds < BOUND


def test_a_long_description_of_webhook_words(tmp_path):
    # AIP-193's rules look for "webhook ... is invoked" in descriptions a pull request writes: linear, not quadratic
    result, seconds = timed_lint(tmp_path, "api.json", generate.long_description(40_000))
    assert result.exit_code in (0, 1) and seconds < BOUND


def test_many_paths_lint(tmp_path):
    result, seconds = timed_lint(tmp_path, "api.json", generate.many_paths(1_000))
    assert result.exit_code in (0, 1) and json.loads(result.stdout)["summary"]["files"] == 1 and seconds < BOUND


def test_diff_base_extracts_the_repository_once(tmp_path, monkeypatch):
    generate.repository_with_blob(str(tmp_path), 5, 1000)
    extracted = []
    original = revisions._extract
    monkeypatch.setattr(revisions, "_extract", lambda *args: extracted.append(args) or original(*args))
    result = CliRunner().invoke(cli, ["check", "--isolated", "--format", "json", str(tmp_path / "specs"),
                                      "--diff-base", "HEAD~1"])
    report = json.loads(result.stdout)
    assert len(extracted) == 1
    assert len({f["file"] for f in report["fixed"]}) == 5 and report["errors"] == []  # `job` -> `jobs` in each


# --------------------------------------------------------------------------------------------------
# 4. Never a traceback, never exit 1 for a crash, never a lost report

GOOD = """openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /v1/job/{job_id}:
    get:
      parameters: [{name: job_id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok}}
"""


@pytest.mark.parametrize("broken", [
    "servers: [{url: 'http://[::1'}]\n",  # a URL urlsplit raises on (the model once read a base path from it)
    "paths:\n  /a:\n    post:\n      requestBody: {content: {application/json: {schema: {allOf: 5}}}}\n"
    "      responses: {'200': {description: ok}}\n",
])
def test_a_document_the_model_cannot_read_is_that_files_input_error(tmp_path, broken):
    (tmp_path / "good.yaml").write_text(GOOD)
    (tmp_path / "bad.yaml").write_text("openapi: 3.0.3\ninfo: {title: t, version: '1'}\n" +
                                       ("paths: {}\n" if "paths" not in broken else "") + broken)
    sarif = tmp_path / "out.sarif"
    result = CliRunner().invoke(cli, ["check", "--isolated", str(tmp_path / "good.yaml"), str(tmp_path / "bad.yaml"),
                                      "--format", "text", "--format", f"sarif={sarif}"])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code in (1, 2) and "Traceback" not in result.output
    assert "good.yaml:4:3: error aip122/plural-collection" in result.stdout  # the other file is still linted
    log = json.loads(sarif.read_text())  # and every report written
    assert any("good.yaml" in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
               for r in log["runs"][0]["results"])
    if result.exit_code == 2:
        assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_any_crash_while_building_the_model_is_an_input_error(tmp_path, monkeypatch):
    (tmp_path / "api.yaml").write_text(GOOD)

    def crash(*args):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(ApiModel, "build", crash)
    result = CliRunner().invoke(cli, ["check", "--isolated", str(tmp_path / "api.yaml")])
    assert one_line_input_error(result) == (f"error: {tmp_path / 'api.yaml'}:1:1: cannot read the document's "
                                            "structure (RecursionError: maximum recursion depth exceeded)")
    with pytest.raises(InputError):
        aiplint.lint(str(tmp_path / "api.yaml"))


def deep(levels: int) -> dict:
    root = node = {}
    for _ in range(levels):
        node["a"] = node = {}
    return root


def cycle() -> dict:
    node: dict = {"openapi": "3.0.3"}
    node["self"] = node
    return node


@pytest.mark.parametrize("source", [None, 5, 1.5, b"\xff\xfe\x00", [GOOD], {1: 2}, {(1, 2): 3}, cycle(), deep(5_000),
                                    {"openapi": deep(990)}, "", "openapi: 3.0.0", b"openapi: 3.0.0", object()])
def test_lint_raises_only_the_documented_exceptions(source):
    try:
        aiplint.lint(source)
    except (InputError, ConfigError, aiplint.LintError) as exc:
        assert "\n" not in str(exc)


@pytest.mark.parametrize("config", [5, [1], {1: 2}, {"rules": {"x": 1}}, {"words": {"plurals": {1: 2}}},
                                    {"overrides": [{"paths": "x"}]}, {"baseline": ""}, {"select": [None]}])
def test_a_bad_config_argument_is_a_config_error(config):
    with pytest.raises(ConfigError):
        aiplint.lint(GOOD, config=config)


def test_yaml_text_without_a_newline_is_text_not_a_path():
    findings = aiplint.lint("openapi: 3.0.0")
    assert {f.file for f in findings} == {None} and findings[0].rule == "oas/schema"  # text has no file


@pytest.mark.parametrize("key, version", [("openapi", "1.0"), ("openapi", "4.0.0"), ("swagger", "1.2"),
                                          ("openapi", "3.9.0"), ("openapi", "three")])
def test_unknown_versions_are_input_errors(key, version):
    text = f"info: {{title: t, version: '1'}}\n{key}: '{version}'\npaths: {{}}\n"
    with pytest.raises(InputError) as caught:
        open_document("api.yaml", text)
    assert str(caught.value) == (f"api.yaml:2:1: unsupported {key} version '{version}' "
                                 "(aiplint reads OpenAPI 2.0, 3.0, 3.1 and 3.2)")


def test_unknown_top_level_keys_are_schema_findings():
    findings = aiplint.lint("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\nmystery: 1\n")
    assert [(f.rule, "'mystery' was unexpected" in f.message) for f in findings] == [("oas/schema", True)]


def test_keys_equal_in_python_but_not_as_strings_are_not_duplicates():
    data = load_source("a.yaml", "1: a\ntrue: b\nx: {1.0: c, 1: d, 0x10: e, \u00e9: f}\n").data
    assert data == {"1": "a", "true": "b", "x": {"1.0": "c", "1": "d", "16": "e", "\u00e9": "f"}}
    with pytest.raises(InputError, match="duplicate mapping key '16'"):
        load_source("a.yaml", "0x10: a\n16: b\n")  # equal as strings: a real duplicate


@pytest.mark.parametrize("table, message", [
    ('[rules."aip122/plural-collection"]\nuncountable = [1]\n',
     '`rules."aip122/plural-collection".uncountable` must be a list of strings'),
    ('[rules."aip136/custom-method-style"]\nstyle = "weird"\n',
     "`rules.\"aip136/custom-method-style\".style` must be one of colon, slash, either, not 'weird'"),
    ('baseline = ""\n', "`baseline` must be a path"),
])
def test_rule_option_values_are_validated(tmp_path, table, message):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".aiplint.toml").write_text(table)
    (tmp_path / "api.yaml").write_text(GOOD)
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "api.yaml")])
    assert result.exit_code == 2 and result.stderr.splitlines()[-1].endswith(message)


def test_a_crashing_rule_is_exit_2_in_every_report(tmp_path, monkeypatch):
    from aiplint.rule import rule

    @rule(id="test/crash", summary="s", reference="r", url="https://example.com", severity="error")
    def crash(ctx):
        raise RuntimeError("boom")

    rules = {**registry.available_rules(), "test/crash": crash}
    monkeypatch.setattr(registry, "available_rules", lambda: rules)
    (tmp_path / "api.yaml").write_text(GOOD)
    result = CliRunner().invoke(cli, ["check", "--isolated", "--format", "json", str(tmp_path / "api.yaml")])
    report = json.loads(result.stdout)
    assert result.exit_code == 2
    assert [e["message"] for e in report["errors"]] == ["internal error in rule test/crash: RuntimeError: boom"]
    assert report["findings"]  # the other rules' findings are kept


def test_the_process_never_prints_a_traceback(tmp_path):
    import subprocess

    (tmp_path / "api.yaml").write_text(GOOD)
    crashing = ("import aiplint.model\n"
                "def crash(*args): raise RecursionError('maximum recursion depth exceeded')\n"
                "aiplint.model.ApiModel.build = crash\n"
                "from aiplint.cli import main\n"
                "main()\n")
    result = subprocess.run([sys.executable, "-c", crashing, "check", "--isolated", "--no-cache", "api.yaml"],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 2 and "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
    assert "cannot read the document's structure (RecursionError" in result.stderr


def test_a_mapping_key_holding_a_mapping_is_an_input_error():
    # found by tests/test_fuzz.py: yaml_rs raised TypeError (unhashable dict) for `? {a: {b: 1}}`
    with pytest.raises(InputError, match="1:1: invalid YAML: a mapping key that contains a mapping"):
        load_source("a.yaml", '? {"openapi": "3.0.3", "info": {"title": "t"}}\n')


def test_configuration_errors_are_one_line_whatever_the_keys_hold():
    # found by tests/test_fuzz.py: a key with a newline made a two-line error
    with pytest.raises(ConfigError) as caught:
        aiplint.lint(GOOD, config={"words": {"\n::error::x": []}})
    assert "\n" not in str(caught.value) and "words.\\n::error::x" in str(caught.value)
