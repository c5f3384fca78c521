"""A third-party rule package, installed with pip, is discovered, configured and reported like a built-in."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import REPO

from aiplint.linting.registry import available_rules

PLUGIN = REPO / "examples" / "operation-id-case"
SPEC = """openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /v1/books:
    get:
      operationId: List_Books
      responses: {"200": {description: ok}}
"""


def test_builtin_rules_are_registered_in_code_and_plugins_through_entry_points():
    """A new built-in rule needs no packaging metadata (and no reinstall) to be found; plugins are found through
    the `aiplint.rules` group, which lists no built-in."""
    from importlib.metadata import entry_points

    from aiplint.lint_rules import BUILTIN

    assert not [ep for ep in entry_points(group="aiplint.rules") if ep.value.startswith("aiplint.")]
    assert {rule.id for rule in BUILTIN} == {rid for rid in available_rules() if not rid.startswith("example/")}
    assert len(BUILTIN) >= 19
    assert len({rule.id for rule in BUILTIN}) == len(BUILTIN)  # no built-in rule shadows another


def test_an_installed_plugin_cannot_replace_a_builtin_rule(monkeypatch, tmp_path):
    """An entry-point plugin declaring a built-in rule's id is refused (exit 2, one line), not silently chosen."""
    from types import SimpleNamespace

    from click.testing import CliRunner

    from aiplint.cli import cli
    from aiplint.linting import registry
    from aiplint.rule import rule

    @rule(id="aip122/plural-collection", summary="mine", reference="house", url="https://example.com",
          severity="error")
    def check(ctx):
        return iter(())

    plugin = SimpleNamespace(name="house", value="house_rules:check", load=lambda: check)
    monkeypatch.setattr(registry, "_plugin_entry_points", lambda: [plugin])
    available_rules.cache_clear()
    try:
        with pytest.raises(registry.RuleLoadError, match="declares the rule id 'aip122/plural-collection', which "
                           "'aiplint.lint_rules.aip122.plural_collection' already declares"):
            available_rules()
        spec = tmp_path / "api.yaml"
        spec.write_text(SPEC)
        result = CliRunner().invoke(cli, ["check", "--isolated", str(spec)])
        assert result.exit_code == 2
        assert len(result.stderr.strip().splitlines()) == 1 and "house_rules:check" in result.stderr
    finally:
        available_rules.cache_clear()


@pytest.fixture(scope="module")
def installed_plugin(tmp_path_factory):
    target = tmp_path_factory.mktemp("site")
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
           "--target", str(target), str(PLUGIN)]
    result = subprocess.run(pip, capture_output=True, text=True)
    if result.returncode != 0 and "No module named setuptools" in result.stderr:
        pytest.skip("setuptools is needed to build the example plugin")
    assert result.returncode == 0, result.stderr
    return target


def aiplint(site, *args, spec_dir):
    spec = spec_dir / "api.yaml"
    spec.write_text(SPEC)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "aiplint", *args, str(spec)], capture_output=True, text=True, env=env)


@pytest.mark.slow  # pip installs the plugin
def test_installed_plugin_is_discovered_and_reported(installed_plugin, tmp_path):
    result = aiplint(installed_plugin, "check", "--format", "json", spec_dir=tmp_path)
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["severity"], f["method"], f["line"]) for f in findings] == [
        ("example/operation-id-case", "warning", "GET", 5)]
    assert result.returncode == 0  # a warning does not fail at the default --fail-on error


@pytest.mark.slow  # pip installs the plugin
def test_plugin_is_selected_like_a_builtin(installed_plugin, tmp_path):
    result = aiplint(installed_plugin, "check", "--fail-on", "warning", "--select", "example/", spec_dir=tmp_path)
    assert result.returncode == 1
    assert "example/operation-id-case operationId `List_Books` is not lowerCamelCase" in result.stdout
    assert aiplint(installed_plugin, "check", "--ignore", "example/", "--fail-on", "info",
                   spec_dir=tmp_path).returncode == 0


@pytest.mark.slow  # pip installs the plugin
def test_plugin_shows_in_rules_and_explain(installed_plugin, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(installed_plugin)}
    listing = subprocess.run([sys.executable, "-m", "aiplint", "rules"], capture_output=True, text=True, env=env)
    assert "example/operation-id-case" in listing.stdout
    doc = subprocess.run([sys.executable, "-m", "aiplint", "explain", "example/operation-id-case"],
                         capture_output=True, text=True, env=env)
    assert "operationId values are lowerCamelCase." in doc.stdout
