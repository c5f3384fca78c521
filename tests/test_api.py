"""The public Python API: `aiplint.linting` on a path, text or a dict, with a configuration; exported types."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml
from conftest import FIXTURES

import aiplint

EXAMPLE = FIXTURES / "examples" / "petstore-jobs.yaml"


def test_lint_a_path_text_and_dict_give_the_same_findings():
    from_path = aiplint.lint(str(EXAMPLE))
    from_text = aiplint.lint(EXAMPLE.read_text())
    from_dict = aiplint.lint(yaml.safe_load(EXAMPLE.read_text()))
    assert [f.fingerprint for f in from_path] == [f.fingerprint for f in from_text]
    assert sorted(f.fingerprint for f in from_dict) == sorted(f.fingerprint for f in from_path)
    assert [(f.rule, f.line) for f in from_path] == [("rest/resource-id-in-query", 40), ("aip136/http-method", 44)]
    assert [a.rule for a in from_path[0].also] == ["aip122/collection-name-consistency"]  # one mistake, one finding


def test_lint_takes_a_configuration_mapping():
    findings = aiplint.lint(EXAMPLE, config={"ignore": ["aip122/", "aip136/"], "rules": {
        "rest/resource-id-in-query": {"severity": "warning"}}})
    assert [(f.rule, f.severity) for f in findings] == [("rest/resource-id-in-query", aiplint.Severity.WARNING)]


def test_lint_reports_bad_configuration_and_input():
    with pytest.raises(aiplint.ConfigError, match="did you mean `ignore`"):
        aiplint.lint(EXAMPLE, config={"ignroe": []})
    with pytest.raises(aiplint.InputError):
        aiplint.lint("openapi: 3.1.0\npaths: [\n")
    with pytest.raises(aiplint.LintError, match="not an OpenAPI document"):
        aiplint.lint({"name": "x"})


def test_public_types_are_importable_from_the_package():
    for name in ("Finding", "Severity", "Rule", "Problem", "Context", "Option", "Config", "ApiModel",
                 "PathItem", "Operation", "Parameter", "Segment", "Role", "Location"):
        assert getattr(aiplint, name) is not None
    with pytest.raises(AttributeError):
        aiplint.no_such_thing  # noqa: B018


def test_import_aiplint_stays_light():
    code = "import sys, aiplint; print(sorted(m for m in ('aiplint.api', 'aiplint.linting.engine', 'yaml_rs', 'inflect') if m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "[]"


def test_lint_is_thread_safe_with_different_vocabularies():
    """Each document is read with its own configuration's words; nothing is swapped in module state."""
    from concurrent.futures import ThreadPoolExecutor

    document = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {
        "/v1/gadget/{gadget_id}": {"get": {"parameters": [{"name": "gadget_id", "in": "path", "required": True,
                                                           "schema": {"type": "string"}}],
                                           "responses": {"200": {"description": "ok"}}}}}}
    configs = [{}, {"words": {"uncountable": ["gadget"]}}] * 20
    expected = [len(aiplint.lint(document, config=c)) for c in configs[:2]]
    assert expected == [1, 0]
    with ThreadPoolExecutor(8) as pool:
        counts = list(pool.map(lambda c: len(aiplint.lint(document, config=c)), configs))
    assert counts == expected * 20


def test_exports_are_imports_a_type_checker_follows():
    """Every public name is imported under TYPE_CHECKING (what mypy and pyright read), from the module
    `__getattr__` loads it from at run time, and is the same object."""
    import ast
    import importlib

    tree = ast.parse((FIXTURES.parent / "src" / "aiplint" / "__init__.py").read_text())
    (block,) = [node for node in tree.body if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"]
    imported = {alias.name: node.module for node in block.body for alias in node.names}
    assert imported == aiplint._EXPORTS
    for name, module in imported.items():
        assert getattr(aiplint, name) is getattr(importlib.import_module(module), name)
    assert "rule" not in imported  # `aiplint.rule` is the module (its import binds the name): use aiplint.rule.rule


def test_severities_compare_by_rank_not_as_strings():
    Severity = aiplint.Severity
    assert Severity.ERROR > Severity.WARNING > Severity.INFO  # as strings, "error" < "warning"
    assert max([Severity.INFO, Severity.ERROR, Severity.WARNING]) is Severity.ERROR
    assert Severity.WARNING >= "warning" and Severity.INFO < "error"
    with pytest.raises(TypeError, match="not 'fatal'"):
        Severity.ERROR >= "fatal"  # noqa: B015
    assert Severity.ERROR == "error"  # still the string its value is


def test_a_dict_has_no_file_unless_the_caller_names_one(tmp_path):
    spec = yaml.safe_load(EXAMPLE.read_text())
    assert {f.file for f in aiplint.lint(spec)} == {None}
    assert {f.file for f in aiplint.lint(spec, name="api/openapi.yaml")} == {"api/openapi.yaml"}
    assert {f.file for f in aiplint.lint(EXAMPLE.read_text(), name="openapi.yaml")} == {"openapi.yaml"}
    # the name's folder is where its relative $refs start
    (tmp_path / "common.yaml").write_text("Id: {name: job_id, in: query, required: true, schema: {type: string}}\n")
    spec["paths"]["/v1/training/job/status"]["get"]["parameters"] = [{"$ref": "common.yaml#/Id"}]
    refs = {"select": ["oas/ref"]}
    assert aiplint.lint(spec, name=str(tmp_path / "openapi.yaml"), config=refs) == []
    (missing,) = aiplint.lint(spec, name=str(tmp_path / "elsewhere" / "openapi.yaml"), config=refs)
    assert missing.message == "$ref 'common.yaml#/Id' points to a file that does not exist"


def test_lint_applies_the_configured_baseline_or_the_one_given(tmp_path):
    spec = tmp_path / "openapi.yaml"
    spec.write_text(EXAMPLE.read_text())
    everything = aiplint.lint(spec, config={})
    baseline = aiplint.Baseline(str(tmp_path / "aiplint-baseline.json"))
    baseline.record(str(spec), everything[:1])
    baseline.write()
    assert aiplint.lint(spec, baseline=tmp_path / "aiplint-baseline.json") == everything[1:]
    (tmp_path / ".aiplint.toml").write_text('baseline = "aiplint-baseline.json"\n')
    assert aiplint.lint(spec) == everything[1:]  # the configuration's baseline
    assert aiplint.lint(spec, baseline=False) == everything
    with pytest.raises(aiplint.ConfigError, match="give name="):
        aiplint.lint(EXAMPLE.read_text(), baseline=tmp_path / "aiplint-baseline.json")
    with pytest.raises(aiplint.ConfigError, match="baseline file not found"):
        aiplint.lint(spec, baseline=tmp_path / "missing.json")


def test_diff_compares_two_versions():
    report = aiplint.diff(FIXTURES / "compat" / "old.yaml", FIXTURES / "compat" / "new.yaml")
    assert isinstance(report, aiplint.DiffReport)
    assert report.breaking and all(c.breaking for c in report.breaking)
    same = aiplint.diff(EXAMPLE, EXAMPLE.read_text(), name=str(EXAMPLE))
    assert same.new == same.fixed == [] and [f.file for f in same.unchanged_findings] == [str(EXAMPLE)] * 2
    fixed = aiplint.diff(EXAMPLE, None)
    assert [f.rule for f in fixed.fixed] == ["rest/resource-id-in-query", "aip136/http-method"]


def test_the_readme_pytest_example_runs(tmp_path):
    """The README's example of a test that fails on new findings only, run as written against a spec that
    gained one."""
    readme = (FIXTURES.parent / "README.md").read_text()
    example = readme.split("```python\n# tests/test_api_design.py\n", 1)[1].split("```", 1)[0]
    spec = tmp_path / "openapi.yaml"
    text = EXAMPLE.read_text()
    spec.write_text(text)
    (tmp_path / "main-openapi.yaml").write_text(text)
    namespace: dict = {}
    exec(compile(example.replace('"openapi.yaml"', repr(str(spec))).replace(
        '"main-openapi.yaml"', repr(str(tmp_path / "main-openapi.yaml"))), "README.md", "exec"), namespace)
    namespace["test_no_new_design_problems"]()  # the same spec: nothing new
    spec.write_text(text.replace("  /v1/training/jobs:\n", "  /v1/training/cancelJob:\n    post:\n"
                                 "      responses: {'200': {description: ok}}\n  /v1/training/jobs:\n"))
    with pytest.raises(AssertionError, match="rest/verb-segment"):
        namespace["test_no_new_design_problems"]()


def test_a_configuration_that_leaves_no_rule_is_a_config_error():
    with pytest.raises(aiplint.ConfigError, match="no rule left to run"):
        aiplint.lint(EXAMPLE, config={"select": ["rest/"], "ignore": ["rest/"]})
