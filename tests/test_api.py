"""The public Python API: `aiplint.lint` on a path, text or a dict, with a configuration; exported types."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

import aiplint
from conftest import FIXTURES

EXAMPLE = FIXTURES / "examples" / "petstore-jobs.yaml"


def test_lint_a_path_text_and_dict_give_the_same_findings():
    from_path = aiplint.lint(str(EXAMPLE))
    from_text = aiplint.lint(EXAMPLE.read_text())
    from_dict = aiplint.lint(yaml.safe_load(EXAMPLE.read_text()))
    assert [f.fingerprint for f in from_path] == [f.fingerprint for f in from_text]
    assert sorted(f.fingerprint for f in from_dict) == sorted(f.fingerprint for f in from_path)
    assert [(f.rule, f.line) for f in from_path] == [
        ("aip122/collection-name-consistency", 37), ("rest/resource-id-in-query", 40)]


def test_lint_takes_a_configuration_mapping():
    findings = aiplint.lint(EXAMPLE, config={"ignore": ["aip122/"], "rules": {
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
    for name in ("Finding", "Severity", "Rule", "Problem", "Context", "Option", "rule", "Config", "ApiModel",
                 "PathItem", "Operation", "Parameter", "Segment", "Role", "Location"):
        assert getattr(aiplint, name) is not None
    with pytest.raises(AttributeError):
        aiplint.no_such_thing  # noqa: B018


def test_import_aiplint_stays_light():
    code = "import sys, aiplint; print(sorted(m for m in ('aiplint.api', 'aiplint.engine', 'yaml_rs', 'inflect') if m in sys.modules))"
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
