"""Every rule's documentation runs (as pycodestyle runs its docstring examples): its `## Example` block gives the
rule's finding, its `## Use instead` block does not.  The blocks are the fragments a reader sees; they are placed
into a small document here the same way for every rule."""

from __future__ import annotations

import copy
import json
import re

import pytest
import yaml
from rules._kit import path_param

from aiplint.config import Config
from aiplint.lint_rules import BUILTIN
from aiplint.linting.engine import lint_document
from aiplint.read.document import open_document

METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
OK = {"200": {"description": "OK"}}


def blocks(doc: str, heading: str) -> str:
    section = doc[doc.index(heading):]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


def document(fragment: str) -> dict:
    """A minimal OpenAPI 3.0 document around a fragment: `paths:` or path items as they are (with the fragment's
    `components` and `security` beside them, if it has any), and the other
    fragments where they belong (`x-aiplint-ignore` on a path item, `parameters` on an operation, `schema` as a
    parameter's, anything else as a property of a schema)."""
    data = yaml.safe_load(re.sub(r"(?<![.\w])\.\.\.(?![.\w])", "{}", fragment))
    doc: dict = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
                 "components": {"schemas": {"User": {"type": "object"}}}}
    if "paths" in data:
        doc["paths"] = data["paths"]
        doc.update({key: data[key] for key in ("components", "security") if key in data})
    elif all(key.startswith("/") for key in data):
        doc["paths"] = data
    elif "x-aiplint-ignore" in data:
        doc["paths"]["/v1/jobs"] = {"get": {}, **data}
    elif "parameters" in data:
        doc["paths"]["/v1/jobs"] = {"get": dict(data)}
    elif "schema" in data:
        doc["paths"]["/v1/jobs"] = {"get": {"parameters": [{"name": "job", "in": "query", **data}]}}
    else:
        doc["components"]["schemas"]["Job"] = {"type": "object", "properties": data}
    for key, item in doc["paths"].items():
        item = doc["paths"][key] = item or {"get": {}}
        declared = {p["name"] for op in item.values() if isinstance(op, dict) for p in op.get("parameters", [])
                    if isinstance(p, dict) and p.get("in") == "path"}
        missing = [n for n in re.findall(r"\{([^{}]+)\}", key.split("?")[0]) if n not in declared]
        if missing:
            item["parameters"] = [path_param(n) for n in missing]
        for method in METHODS & set(item):
            item[method] = item[method] or {}
            item[method].setdefault("responses", copy.deepcopy(OK))
    return doc


def findings(rule, fragment: str, tmp_path, profile: str) -> list:
    (tmp_path / "schemas").mkdir(exist_ok=True)
    (tmp_path / "schemas" / "job.yaml").write_text("Job: {type: object}\n")
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(document(fragment)))
    linted = lint_document(open_document(str(spec)), Config(profile=profile, select=(rule.id,)))
    found, crashes = linted.findings, linted.crashes
    assert crashes == []
    return [f for f in found if f.rule == rule.id]


@pytest.mark.parametrize("rule", BUILTIN, ids=[r.id for r in BUILTIN])
def test_the_example_gives_the_finding_and_the_fix_does_not(rule, tmp_path):
    """The example is reported under at least one profile that runs the rule (`:verb` style is AIP's), the fix
    under none."""
    profiles = list(rule.severities)
    example, fix = blocks(rule.doc, "## Example"), blocks(rule.doc, "## Use instead")
    assert any(findings(rule, example, tmp_path, p) for p in profiles), "the example gives no finding"
    assert [f for p in profiles for f in findings(rule, fix, tmp_path, p)] == [], "the fix is reported"
