"""The command line: exit codes, formats, selection, input errors, rule crashes, help."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from aiplint.cli import cli
from aiplint.linting import registry
from aiplint.rule import Problem, rule

EXAMPLE = str(FIXTURES / "examples" / "petstore-jobs.yaml")
CLEAN = """openapi: 3.1.0
info: {title: Clean, version: "1"}
paths:
  /v1/books/{book_id}:
    get:
      parameters: [{name: book_id, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}}
"""


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def clean_spec(tmp_path):
    path = tmp_path / "clean.yaml"
    path.write_text(CLEAN)
    return str(path)


def test_findings_exit_1_with_located_lines_and_suggestions():
    result = run("check", EXAMPLE)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{EXAMPLE}:40:11: error rest/resource-id-in-query ")
    assert lines[1] == "    suggestion: GET /v1/training/jobs/{job_id}/status"
    assert lines[2] == "    also fixes: aip122/collection-name-consistency"  # one mistake, one finding
    assert lines[-1] == ("Found 2 problems in 1 file (2 errors, 0 warnings, 0 infos). "
                         "(1 fixable with --fix --unsafe-fixes.)")


def test_clean_spec_exits_0(clean_spec):
    result = run("check", clean_spec)
    assert result.exit_code == 0
    assert result.output == "All checks passed (1 file).\n"


def test_json_format_is_the_documented_contract():
    result = run("check", EXAMPLE, "--format", "json")
    report = json.loads(result.output)
    assert report["version"] == 1
    assert report["summary"] == {"files": 1, "errors": 2, "warnings": 0, "infos": 0,
                                 "suppressed": {"baseline": 0, "inline": 0}}
    finding = report["findings"][0]
    assert set(finding) == {"rule", "severity", "message", "file", "line", "column", "pointer", "method", "path",
                            "suggestion", "fingerprint", "related", "also", "aip", "url", "fix"}
    assert finding["related"] == []
    assert finding["fix"] == {"title": "move `job_id` into the path: `GET /v1/training/job/status` -> "
                                       "`GET /v1/training/jobs/{job_id}/status`", "safe": False}
    assert finding["aip"] is None  # a rest/ rule; aip122/... would say 122
    assert finding["url"] == "https://github.com/aiplint/aiplint/blob/main/docs/rules.md#restresource-id-in-query"
    assert finding["rule"] == "rest/resource-id-in-query"
    assert [a["rule"] for a in finding["also"]] == ["aip122/collection-name-consistency"]
    assert finding["pointer"] == "/paths/~1v1~1training~1job~1status/get/parameters/0"
    assert (finding["method"], finding["path"], finding["line"], finding["column"]) == (
        "GET", "/v1/training/job/status", 40, 11)


def test_select_and_ignore_take_ids_and_family_prefixes():
    assert run("check", EXAMPLE, "--select", "rest/").output.count("rest/resource-id-in-query") == 1
    assert "aip122" not in run("check", EXAMPLE, "--select", "rest/").output
    result = run("check", EXAMPLE, "--ignore", "aip122/,rest/resource-id-in-query,aip136/")
    assert result.exit_code == 0


def test_unknown_rule_is_a_usage_error_with_a_suggestion():
    result = run("check", EXAMPLE, "--select", "aip122/plural-colection")
    assert result.exit_code == 2
    assert "did you mean `aip122/plural-collection`?" in result.output


def test_fail_on_sets_the_threshold(tmp_path):
    spec = tmp_path / "warn.yaml"
    spec.write_text(CLEAN.replace("/v1/books/{book_id}:", "/v1/vector-io/insert:").replace(
        "get:\n      parameters: [{name: book_id, in: path, required: true, schema: {type: string}}]", "post:"))
    assert run("check", str(spec)).exit_code == 0  # one warning, below the default `error`
    assert run("check", str(spec), "--fail-on", "warning").exit_code == 1


def test_non_openapi_file_is_skipped_with_a_note(tmp_path, clean_spec):
    other = tmp_path / "config.yaml"
    other.write_text("name: not an api\n")
    result = CliRunner().invoke(cli, ["check", str(other), clean_spec])
    assert result.exit_code == 0
    assert result.stderr == f"note: {other}: not an OpenAPI document (no top-level `openapi` or `swagger` key); skipped\n"


def test_input_error_is_one_line_exit_2_and_other_files_are_still_linted(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.1.0\npaths: [unclosed\n")
    result = CliRunner().invoke(cli, ["check", str(broken), EXAMPLE])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"error: {broken}:")
    assert "rest/resource-id-in-query" in result.stdout


def test_directories_are_searched_for_specs(tmp_path, clean_spec):
    (tmp_path / "notes.txt").write_text("not a spec")
    result = run("check", str(tmp_path))
    assert result.exit_code == 0
    assert "1 file" in result.output


def test_a_crashing_rule_is_an_internal_error_and_other_findings_still_come_out(monkeypatch):
    @rule(id="test/crash", summary="crashes", reference="-", url="-", severity="error")
    def crash(ctx):
        yield Problem("never", ctx.api.paths[0].key_at)
        raise RuntimeError("boom")

    rules = {**registry.available_rules(), "test/crash": crash}
    monkeypatch.setattr(registry, "available_rules", lambda: rules)
    result = CliRunner().invoke(cli, ["check", EXAMPLE])
    assert result.exit_code == 2
    assert "internal error in rule test/crash: RuntimeError: boom" in result.stderr
    assert "rest/resource-id-in-query" in result.stdout


def test_no_colour_when_not_a_terminal():
    assert "\x1b[" not in run("check", EXAMPLE).output


def test_rules_lists_every_rule_with_severities_and_options():
    lines = run("rules", "--isolated").output.splitlines()
    assert lines[0].split() == ["RULE", "rest", "aip", "ACTIVE", "SUMMARY"]
    assert any(line.startswith("aip136/custom-method-style") and line.split()[1:4] == ["warning", "error", "warning"]
               for line in lines)
    assert '    style = "either"' in "\n".join(lines)
    rule_lines = [line for line in lines[1:] if not line.startswith(" ")]
    assert len(rule_lines) == len(registry.available_rules())


def test_explain_prints_the_rules_documentation():
    result = run("explain", "aip122/plural-collection")
    assert result.exit_code == 0
    assert "Reference: AIP-122 (https://google.aip.dev/122)" in result.output
    assert "## Why is this bad?" in result.output and "## Use instead" in result.output
    assert run("explain", "aip122/plural").exit_code == 2


def test_python_dash_m_runs_the_cli_and_version():
    result = subprocess.run([sys.executable, "-m", "aiplint", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("aiplint, version ")
    result = subprocess.run([sys.executable, "-m", "aiplint", "check", EXAMPLE, "-q"], capture_output=True, text=True)
    assert result.returncode == 1 and "Found" not in result.stdout


def test_usage_errors_exit_2():
    assert subprocess.run([sys.executable, "-m", "aiplint", "check"], capture_output=True).returncode == 2
    assert subprocess.run([sys.executable, "-m", "aiplint", "check", "--format", "xml", EXAMPLE],
                          capture_output=True).returncode == 2


# The broken inputs that are recognisably OpenAPI (a top-level `openapi` key); the others are skipped.
BAD_INPUTS = sorted(p for p in (FIXTURES / "load" / "bad").iterdir() if b"openapi" in p.read_bytes())
NOT_OPENAPI = sorted(p for p in (FIXTURES / "load" / "bad").iterdir() if b"openapi" not in p.read_bytes())


@pytest.mark.parametrize("bad", BAD_INPUTS, ids=[p.name for p in BAD_INPUTS])
def test_every_bad_input_is_one_error_line_exit_2_without_traceback(bad):
    result = subprocess.run([sys.executable, "-m", "aiplint", "check", str(bad), EXAMPLE],
                            capture_output=True, text=True, timeout=20)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert re.match(rf"error: {re.escape(str(bad))}:\d+:\d+: \S", lines[0]), lines[0]
    assert "rest/resource-id-in-query" in result.stdout  # the good file of the same run is still linted


@pytest.mark.parametrize("other", NOT_OPENAPI, ids=[p.name for p in NOT_OPENAPI])
def test_a_broken_file_that_is_not_openapi_is_skipped(other):
    result = run("check", str(other), EXAMPLE)
    assert result.exit_code == 1  # the spec's findings, nothing from the other file
    assert result.stderr == f"note: {other}: not an OpenAPI document (no top-level `openapi` or `swagger` key); skipped\n"


def test_several_formats_at_once_to_stdout_and_files(tmp_path):
    sarif, junit = tmp_path / "out.sarif", tmp_path / "out.xml"
    result = run("check", EXAMPLE, "--format", "github", "--format", f"sarif={sarif}", "--format", f"junit={junit}")
    assert result.exit_code == 1
    # annotations name files from the repository's root, where GitHub looks for them
    assert result.stdout.splitlines()[0].startswith("::error file=fixtures/examples/petstore-jobs.yaml,line=40,col=11,")
    assert json.loads(sarif.read_text())["runs"][0]["results"][0]["partialFingerprints"]
    assert junit.read_text().startswith("<?xml")


def test_output_redirects_the_formats_without_a_file(tmp_path):
    out = tmp_path / "report.json"
    result = run("check", EXAMPLE, "--format", "json", "--output", str(out))
    assert result.stdout == "" and json.loads(out.read_text())["summary"]["errors"] == 2


def test_unknown_format_is_a_usage_error():
    result = run("check", EXAMPLE, "--format", "sarf")
    assert result.exit_code == 2 and "did you mean `sarif`?" in result.output


def test_show_source_prints_the_line_with_a_caret():
    lines = run("check", EXAMPLE, "--show-source", "--select", "rest/").stdout.splitlines()
    assert lines[1:4] == ["   |", "40 |         - {name: job_id, in: query, required: true, schema: {type: string}}",
                          "   |           ^"]


# --------------------------------------------------------------------------------------------------
# As ruff users expect


def test_statistics_count_findings_per_rule(tmp_path):
    result = run("check", EXAMPLE, str(FIXTURES / "rules" / "aip122" / "plural_collection" / "bad.yaml"), "--statistics",
                 "--isolated")
    lines = result.stdout.splitlines()
    assert result.exit_code == 1
    counts = [line.split()[:2] for line in lines[:-1]]
    assert counts[0][1] == "aip122/plural-collection" and int(counts[0][0]) > 1  # most frequent first
    assert ["1", "rest/resource-id-in-query"] in counts and ["1", "aip136/http-method"] in counts
    assert lines[-1].startswith("Found ") and "suggestion" not in result.stdout


def test_exit_zero_keeps_input_errors_at_2(tmp_path):
    assert run("check", EXAMPLE, "--exit-zero").exit_code == 0
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.1.0\npaths: [\n")
    assert run("check", EXAMPLE, str(broken), "--exit-zero").exit_code == 2


@pytest.mark.parametrize(("option", "env", "coloured"), [
    ("always", {}, True), ("never", {"FORCE_COLOR": "1"}, False), ("auto", {"FORCE_COLOR": "1"}, True),
    ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False), ("auto", {}, False),  # not a terminal
])
def test_color_option_and_environment(monkeypatch, option, env, coloured):
    for name in ("FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = subprocess.run([sys.executable, "-m", "aiplint", "check", EXAMPLE, "--color", option],
                            capture_output=True, text=True, timeout=30)
    assert ("\x1b[" in result.stdout) is coloured
    assert "\\x1b" not in result.stdout  # styling is not escaped as if it came from the spec


def test_stdin_with_a_file_name_for_reports_configuration_and_refs(tmp_path):
    (tmp_path / "common.yaml").write_text("Id: {name: job_id, in: query, required: true, schema: {type: string}}\n")
    (tmp_path / ".aiplint.toml").write_text('ignore = ["aip122/", "aip136/"]\n')
    text = open(EXAMPLE).read().replace("- {name: job_id, in: query, required: true, schema: {type: string}}",
                                        "- $ref: 'common.yaml#/Id'")
    result = subprocess.run([sys.executable, "-m", "aiplint", "check", "-", "--stdin-filename",
                             str(tmp_path / "openapi.yaml"), "--format", "json"],
                            input=text, capture_output=True, text=True, timeout=30)
    report = json.loads(result.stdout)
    # named as given, the parameter found through the $ref beside that name, aip122/ and aip136/ ignored by its
    # configuration
    assert [(f["rule"], f["file"]) for f in report["findings"]] == [
        ("rest/resource-id-in-query", str(tmp_path / "openapi.yaml"))]
    plain = subprocess.run([sys.executable, "-m", "aiplint", "check", "-"], input=open(EXAMPLE).read(),
                           capture_output=True, text=True, timeout=30)
    assert plain.returncode == 1 and plain.stdout.startswith("-:40:11: error rest/resource-id-in-query")
    assert run("check", EXAMPLE, "--stdin-filename", "x.yaml").exit_code == 2


def test_rules_as_json():
    report = json.loads(run("rules", "--format", "json", "--isolated").stdout)
    rules = {rule["id"]: rule for rule in report["rules"]}
    assert report["version"] == 1 and len(rules) == len(registry.available_rules())
    style = rules["aip136/custom-method-style"]
    assert style["severities"] == {"rest": "warning", "aip": "error"} and style["active"] == "warning"
    assert style["options"]["style"]["value"] == "either" and style["options"]["style"]["profile_defaults"]
    assert "## What it does" in style["documentation"]


def test_no_baseline_reports_what_the_configured_baseline_hides(tmp_path):
    spec = tmp_path / "openapi.yaml"
    spec.write_text(open(EXAMPLE).read())
    (tmp_path / ".aiplint.toml").write_text('baseline = "aiplint-baseline.json"\n')
    # the configured baseline does not exist yet: --write-baseline creates it
    written = run("check", str(spec), "--write-baseline", str(tmp_path / "aiplint-baseline.json"))
    assert written.exit_code == 0 and "Wrote 2 findings of 1 spec" in written.stderr
    hidden = run("check", str(spec))
    assert hidden.exit_code == 0
    assert hidden.stdout == "All checks passed (1 file; 2 suppressed by the baseline).\n"
    assert run("check", str(spec), "--no-baseline").exit_code == 1
    assert run("check", str(spec), "--no-baseline", "--baseline", "x.json").exit_code == 2


def test_summary_lines_agree_in_number(tmp_path):
    spec = tmp_path / "openapi.yaml"
    spec.write_text(open(EXAMPLE).read())
    baseline = tmp_path / "b.json"
    run("check", str(spec), "--write-baseline", str(baseline), "--select", "rest/")
    one = run("check", str(spec), "--baseline", str(baseline), "--select", "aip122/")
    assert "note: 1 baseline entry no longer occurs (fixed)" in one.stderr
    assert "Wrote 1 finding of 1 spec" in run("check", str(spec), "--write-baseline", str(baseline),
                                               "--select", "rest/").stderr
    run("check", str(spec), "--write-baseline", str(baseline))
    spec.write_text(CLEAN)
    two = run("check", str(spec), "--baseline", str(baseline))
    assert "note: 2 baseline entries no longer occur (fixed)" in two.stderr


def test_config_errors_are_one_line_without_the_usage_preamble(tmp_path):
    (tmp_path / ".aiplint.toml").write_text('profil = "aip"\n')
    spec = tmp_path / "openapi.yaml"
    spec.write_text(CLEAN)
    result = run("check", str(spec))
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / '.aiplint.toml'}: unknown key `profil`; did you mean `profile`?\n"


def test_config_accepts_a_pyproject_style_file(tmp_path):
    config = tmp_path / "ci.toml"
    config.write_text('[tool.aiplint]\nselect = ["rest/"]\n[tool.other]\nx = 1\n')
    result = run("check", EXAMPLE, "--config", str(config), "--format", "json")
    assert {f["rule"] for f in json.loads(result.stdout)["findings"]} == {"rest/resource-id-in-query"}
    config.write_text('[tool.other]\nx = 1\n')
    assert run("check", EXAMPLE, "--config", str(config)).stderr == f"error: {config}: no [tool.aiplint] table\n"


def test_selecting_and_ignoring_the_same_rules_is_an_error():
    result = run("check", EXAMPLE, "--select", "rest/", "--ignore", "rest/")
    assert result.exit_code == 2 and result.stderr.startswith("error: no rule left to run")


def test_config_output_is_aligned(tmp_path):
    (tmp_path / ".aiplint.toml").write_text('profile = "aip"\nextend-exclude = ["vendor/"]\n')
    lines = [line for line in run("config", str(tmp_path)).stdout.splitlines() if " = " in line]
    assert len({line.index("#") for line in lines}) == 1, lines
    assert any(line.startswith('extend-exclude = ["vendor/"]') for line in lines)
