"""One rule, one predictable place (api-linter's quality checker): the module `lint_rules/<family>/<name>.py` declares
exactly the rule `<family>/<name-with-dashes>`, its family registers it, and its test, fixtures, README row and
reference section are where the id says."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from conftest import FIXTURES, REPO

from aiplint import lint_rules
from aiplint.rule import Rule

FAMILIES = [m.name for m in pkgutil.iter_modules(lint_rules.__path__) if m.ispkg]
MODULES = [(family, m.name) for family in FAMILIES
           for m in pkgutil.iter_modules(importlib.import_module(f"aiplint.lint_rules.{family}").__path__)]


def declared(family: str, name: str) -> list[Rule]:
    module = importlib.import_module(f"aiplint.lint_rules.{family}.{name}")
    return [value for value in vars(module).values() if isinstance(value, Rule)]


def test_every_family_is_registered():
    assert sorted(FAMILIES) == ["aip122", "aip127", "aip131", "aip132", "aip133", "aip134", "aip136", "aip140", "aip142", "aip154", "aip155", "aip156", "aip158", "aip185", "aip193", "aip203", "aip231", "aiplint", "oas", "rest"]
    assert {rule.id.split("/")[0] for rule in lint_rules.BUILTIN} == set(FAMILIES)


@pytest.mark.parametrize("family, name", MODULES, ids=[f"{f}/{n}" for f, n in MODULES])
def test_a_rule_module_declares_the_rule_its_path_names_and_its_family_registers_it(family, name):
    [rule] = declared(family, name)
    assert rule.id == f"{family}/{name.replace('_', '-')}"
    assert rule in importlib.import_module(f"aiplint.lint_rules.{family}").RULES
    assert rule.doc.lstrip().splitlines()[0] and "## Example" in rule.doc and "## Use instead" in rule.doc


@pytest.mark.parametrize("family, name", MODULES, ids=[f"{f}/{n}" for f, n in MODULES])
def test_its_test_fixtures_readme_row_and_reference_are_where_the_id_says(family, name):
    rule_id = f"{family}/{name.replace('_', '-')}"
    test_file = REPO / "tests" / "rules" / family / f"test_{name}.py"
    suppression = family == "aiplint"  # tested in tests/test_suppression.py, on fixtures/suppress
    assert suppression or (test_file.is_file() and f'RULE = "{rule_id}"' in test_file.read_text())
    assert suppression or sorted(p.name for p in (FIXTURES / "rules" / family / name).glob("*.yaml"))[:2] == [
        "bad.yaml", "good.yaml"]
    assert re.search(rf"^\| `{re.escape(rule_id)}` \|", (REPO / "README.md").read_text(), re.M)
    assert f"\n## {rule_id}\n" in (REPO / "docs" / "rules.md").read_text()


def test_no_test_or_fixture_folder_names_a_rule_that_does_not_exist():
    ids = {rule.id for rule in lint_rules.BUILTIN}
    tests = {f"{p.parent.name}/{p.stem[5:].replace('_', '-')}" for p in (REPO / "tests" / "rules").glob("*/test_*.py")}
    fixtures = {f"{p.parent.name}/{p.name.replace('_', '-')}" for p in (FIXTURES / "rules").glob("*/*") if p.is_dir()}
    assert tests - ids == set() and fixtures - ids == set()
