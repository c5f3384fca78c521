"""Baselines and fingerprints: adopt aiplint on a legacy spec, then fail only on what is new."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml
from click.testing import CliRunner
from conftest import FIXTURES, llama_stack

import aiplint
from aiplint.cli import cli

EXAMPLE = FIXTURES / "examples" / "petstore-jobs.yaml"


def check(*args: str):
    return CliRunner().invoke(cli, ["check", "--isolated", *args])


def fingerprints(path) -> list[tuple[str, str]]:
    return sorted((f.rule, f.fingerprint) for f in aiplint.lint(path, config={}))


def test_legacy_spec_passes_with_a_baseline_and_a_new_singular_collection_fails(tmp_path):
    spec = tmp_path / "stainless.yaml"
    shutil.copy(llama_stack("before"), spec)
    baseline = tmp_path / "aiplint-baseline.json"
    assert check(str(spec)).exit_code == 1
    assert check(str(spec), "--write-baseline", str(baseline)).exit_code == 0
    assert check(str(spec), "--baseline", str(baseline)).exit_code == 0

    text = spec.read_text().replace("\n  /v1/batches:\n", """
  /v1/agent/{agent_id}:
    get:
      parameters: [{name: agent_id, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}}
  /v1/batches:
""", 1)
    spec.write_text(text)
    result = check(str(spec), "--baseline", str(baseline), "--format", "json")
    assert result.exit_code == 1
    new = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["path"], f["suggestion"]) for f in new] == [
        ("aip122/plural-collection", "/v1/agent/{agent_id}", "/v1/agents/{agent_id}")]


def test_baseline_lists_fixed_entries_and_keeps_other_specs(tmp_path):
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    shutil.copy(EXAMPLE, one)
    shutil.copy(EXAMPLE, two)
    baseline = tmp_path / "baseline.json"
    check(str(one), str(two), "--write-baseline", str(baseline))
    recorded = json.loads(baseline.read_text())
    assert sorted(recorded["files"]) == ["one", "two"] and len(recorded["files"]["one"]) == 2

    one.write_text(EXAMPLE.read_text().replace("/v1/training/job/status", "/v1/training/jobs/{job_id}/status")
                   .replace("in: query, required: true", "in: path, required: true"))
    result = check(str(one), "--baseline", str(baseline))
    assert result.exit_code == 0
    assert "1 baseline entry no longer occurs (fixed)" in result.stderr  # the other, PATCH .../vaccinate, remains

    check(str(one), "--write-baseline", str(baseline))  # shrink: only one.yaml's entries change
    shrunk = json.loads(baseline.read_text())
    assert len(shrunk["files"]["one"]) == 1 and shrunk["files"]["two"] == recorded["files"]["two"]


def test_baseline_file_is_stable_sorted_and_human_readable(tmp_path):
    baseline = tmp_path / "b.json"
    check(str(EXAMPLE), "--write-baseline", str(baseline))
    first = baseline.read_text()
    check(str(EXAMPLE), "--write-baseline", str(baseline))
    assert baseline.read_text() == first
    data = json.loads(first)
    entries = next(iter(data["files"].values()))
    assert first.startswith('{\n  "version": 1,\n  "files": {')
    assert entries == sorted(entries, key=lambda e: (e["rule"], e["path"] or "", e["method"] or "", e["fingerprint"]))
    assert set(entries[0]) == {"fingerprint", "rule", "method", "path", "message"}


def test_a_bad_baseline_is_a_usage_error(tmp_path):
    assert check(str(EXAMPLE), "--baseline", str(tmp_path / "missing.json")).exit_code == 2
    (tmp_path / "bad.json").write_text("[1, 2]")
    assert check(str(EXAMPLE), "--baseline", str(tmp_path / "bad.json")).exit_code == 2


def test_a_baseline_that_cannot_be_read_is_one_error_in_every_report_and_the_specs_are_still_linted(tmp_path):
    """`[[[...]]]` 100,000 deep (a RecursionError and a traceback before): one error line with its position,
    shown once for two specs, exit 2, both reports written with every finding."""
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    shutil.copy(EXAMPLE, tmp_path / "copy.yaml")
    result = check(str(EXAMPLE), str(tmp_path / "copy.yaml"), "--baseline", str(deep),
                   "--format", f"json={tmp_path / 'a.json'}", "--format", f"sarif={tmp_path / 'b.sarif'}")
    assert result.exit_code == 2 and result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.splitlines() == [f"error: {deep}:1:1026: cannot read the baseline: invalid JSON: depth "
                                          "limit exceeded"]
    report = json.loads((tmp_path / "a.json").read_text())
    assert [error["file"] for error in report["errors"]] == [str(deep)]
    assert {f["file"] for f in report["findings"]} == {str(EXAMPLE), str(tmp_path / "copy.yaml")}
    sarif = json.loads((tmp_path / "b.sarif").read_text())
    assert sarif["runs"][0]["invocations"][0]["executionSuccessful"] is False
    rewritten = check(str(EXAMPLE), "--write-baseline", str(deep))
    assert rewritten.exit_code == 2 and rewritten.stderr.splitlines() == result.stderr.splitlines()
    with pytest.raises(aiplint.ConfigError, match="depth limit exceeded"):  # the Python API: no RecursionError
        aiplint.lint(str(EXAMPLE), baseline=deep)


SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "t", "version": "1"},
    "paths": {
        "/v1/jobs": {"get": {"responses": {"200": {"description": "ok"}}}},
        "/v1/job/status": {"get": {
            "parameters": [{"name": "job_id", "in": "query", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "ok"}}}},
        "/v1/user/{user_id}": {"get": {
            "parameters": [{"name": "user_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "ok"}}}},
    },
}


def write(tmp_path, name: str, spec: dict, style: str = "block") -> str:
    path = tmp_path / name
    if name.endswith(".json"):
        path.write_text(json.dumps(spec, indent=1))
    else:
        path.write_text("# a leading comment moves every line\n\n" * (style == "moved")
                        + yaml.safe_dump(spec, sort_keys=False, default_flow_style=(style == "flow")))
    return str(path)


def renamed(spec: dict, old: str, new: str) -> dict:
    return json.loads(json.dumps(spec).replace(old, new))


@pytest.mark.parametrize("change", ["moved lines", "reordered paths", "flow style", "converted to JSON",
                                    "renamed path parameter"])
def test_fingerprints_survive_changes_of_form(tmp_path, change):
    original = fingerprints(write(tmp_path, "a.yaml", SPEC))
    if change == "moved lines":
        path = write(tmp_path, "b.yaml", SPEC, "moved")
    elif change == "reordered paths":
        path = write(tmp_path, "b.yaml", {**SPEC, "paths": dict(reversed(list(SPEC["paths"].items())))})
    elif change == "flow style":
        path = write(tmp_path, "b.yaml", SPEC, "flow")
    elif change == "converted to JSON":
        path = write(tmp_path, "b.json", SPEC)
    else:
        path = write(tmp_path, "b.yaml", renamed(SPEC, "user_id", "uid"))  # template and declaration
    assert fingerprints(path) == original and len(original) == 2


@pytest.mark.parametrize("change, rule", [
    ("another operation", "rest/resource-id-in-query"),
    ("another parameter", "rest/resource-id-in-query"),
])
def test_fingerprints_change_with_the_substance(tmp_path, change, rule):
    before = dict(fingerprints(write(tmp_path, "a.yaml", SPEC)))
    if change == "another operation":
        spec = renamed(SPEC, '"/v1/job/status": {"get"', '"/v1/job/status": {"delete"')
    else:
        spec = renamed(SPEC, "job_id", "job_uuid")
    after = dict(fingerprints(write(tmp_path, "b.yaml", spec)))
    assert after[rule] != before[rule]
    assert after["aip122/plural-collection"] == before["aip122/plural-collection"]  # that finding did not change


def test_fingerprints_differ_between_rules_on_one_operation(tmp_path):
    path = write(tmp_path, "a.yaml", SPEC)
    (by_id,) = [f for f in aiplint.lint(path, config={}) if f.path == "/v1/job/status"]
    # with the ID rule off, the rule that shared its finding reports it, under a fingerprint of its own
    (by_name,) = [f for f in aiplint.lint(path, config={"ignore": [by_id.rule]}) if f.path == "/v1/job/status"]
    assert [a.rule for a in by_id.also] == [by_name.rule] and by_id.fingerprint != by_name.fingerprint
