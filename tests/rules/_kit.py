"""Shared helpers for the per-rule tests: build tiny specs from a template, run one rule, compare findings.

Inline specs are dicts dumped to JSON and parsed through `open_document(..., text=...)`, exactly as the CLI
loads a `.json` file; fixtures are real YAML files under `fixtures/rules/<family>/<module>/`, named after the rule id.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from aiplint.config import Config, RuleSettings
from aiplint.linting.engine import lint_document
from aiplint.linting.findings import Finding
from aiplint.read.document import open_document

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "rules"
_TEMPLATE_PARAM = re.compile(r"\{([^{}]*)\}")

OK = {"200": {"description": "OK"}}


def fixture(rule: str, name: str) -> Path:
    """A rule's fixture file: `fixtures/rules/<family>/<module>/<name>` for the rule id `<family>/<module-name>`."""
    family, _, module = rule.partition("/")
    return FIXTURES / family / module.replace("-", "_") / name


# --------------------------------------------------------------------------------------------------
# Building specs


def query(name: str, required: bool = False, array: bool = False) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "array", "items": {"type": "string"}} if array else {"type": "string"}
    return {"name": name, "in": "query", "required": required, "schema": schema}


def path_param(name: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}


def body(*required: str, optional: Iterable[str] = ()) -> dict[str, Any]:
    """A JSON request body whose schema has the given required (and optional) string properties."""
    names = list(required) + list(optional)
    schema: dict[str, Any] = {"type": "object", "properties": {n: {"type": "string"} for n in names}}
    if required:
        schema["required"] = list(required)
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def op(*params: dict[str, Any], request: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    """One operation: parameters, an optional request body, and a 200 response unless `responses` is given."""
    operation: dict[str, Any] = {"responses": copy.deepcopy(OK)}
    if params:
        operation["parameters"] = list(params)
    if request is not None:
        operation["requestBody"] = request
    operation.update(extra)
    return operation


def spec(
    paths: dict[str, Any],
    *,
    openapi: str = "3.1.0",
    declare_path_params: bool = True,
    **extra: Any,
) -> dict[str, Any]:
    """A minimal, valid OpenAPI document.

    `paths` maps a path to either a string of methods (`"get post"`) or a method -> operation mapping.
    Template variables are declared as path parameters of the path item unless `declare_path_params` is
    false or the operation declares them itself, so inline cases are valid documents by default."""
    out: dict[str, Any] = {}
    for key, value in paths.items():
        if isinstance(value, str):
            value = {method: op() for method in value.split()}
        item = copy.deepcopy(value)
        for method, operation in item.items():
            if method != "parameters" and isinstance(operation, dict):
                operation.setdefault("responses", copy.deepcopy(OK))
        if declare_path_params:
            declared = {
                p.get("name")
                for operation in item.values()
                if isinstance(operation, dict)
                for p in operation.get("parameters", [])
                if isinstance(p, dict) and p.get("in") == "path"
            }
            missing = [n for n in _TEMPLATE_PARAM.findall(key.split("?", 1)[0]) if n not in declared]
            if missing:
                item.setdefault("parameters", [])
                item["parameters"] = [path_param(n) for n in missing] + item["parameters"]
        out[key] = item
    document: dict[str, Any] = {"openapi": openapi, "info": {"title": "t", "version": "1"}, "paths": out}
    document.update(extra)
    return document


# --------------------------------------------------------------------------------------------------
# Running one rule


def lint(
    target: Path | dict[str, Any],
    rule: str,
    *,
    profile: str = "rest",
    options: dict[str, Any] | None = None,
) -> list[Finding]:
    """Findings of the single rule `rule` on a fixture file or an inline spec; a crash fails the test."""
    if isinstance(target, dict):
        document = open_document("inline.json", text=json.dumps(target))
    else:
        document = open_document(str(target))
    assert document is not None, "not an OpenAPI document"
    settings = {rule: RuleSettings(options=options)} if options else {}
    linted = lint_document(document, Config(profile=profile, select=(rule,), rules=settings))
    findings, crashes = linted.findings, linted.crashes
    assert crashes == []
    assert {f.rule for f in findings} <= {rule}
    return findings


class Expected(NamedTuple):
    """One expected finding: where it is, a fragment its message must contain, and its exact suggestion."""

    method: str | None
    path: str | None
    fragment: str
    suggestion: str | None = None


def assert_findings(findings: list[Finding], expected: Iterable[Expected]) -> None:
    """Each finding matches exactly one expectation (method, path, suggestion equal; fragment in message)."""
    expected = list(expected)
    got = [(f.method, f.path, f.suggestion, f.message) for f in findings]
    unmatched = list(got)
    missing = []
    for exp in expected:
        hit = next(
            (
                g
                for g in unmatched
                if (g[0], g[1], g[2]) == (exp.method, exp.path, exp.suggestion) and exp.fragment in g[3]
            ),
            None,
        )
        if hit is None:
            missing.append(exp)
        else:
            unmatched.remove(hit)
    assert not missing and not unmatched, f"\nmissing: {missing}\nunexpected: {unmatched}"


def where(findings: list[Finding]) -> set[tuple[str | None, str | None]]:
    return {(f.method, f.path) for f in findings}


def position_of(path: Path, needle: str, after: str | None = None) -> tuple[int, int]:
    """1-based (line, column) of the first `needle` in a fixture file (after the first `after`, if given)."""
    text = path.read_text(encoding="utf-8")
    start = text.index(after) if after is not None else 0
    offset = text.index(needle, start)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


class Case(NamedTuple):
    """One named inline case.  `kind` is "positive" (the rule must flag it), "negative" (a false-positive trap
    it must not flag) or "not my business" (a real problem that another rule reports instead)."""

    kind: str
    name: str
    document: dict[str, Any]
    expected: list[Expected]
    profile: str = "rest"
    options: dict[str, Any] | None = None
    xfail: str | None = None  # a known wrong behaviour of the rule, reported for fixing
    reported_by: str | None = None  # for "not my business": the rule that does report it


def params(cases: list[Case]) -> list[Any]:
    import pytest

    return [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=c.xfail)) if c.xfail else c for c in cases
    ]


def ids(cases: list[Case]) -> list[str]:
    names = [f"{c.kind}: {c.name}" for c in cases]
    assert len(set(names)) == len(names), "duplicate case names"
    return names


def check_case(rule: str, case: Case) -> None:
    assert case.kind in ("positive", "negative", "not my business")
    assert (case.kind == "positive") == bool(case.expected), "only positive cases expect findings"
    assert (case.kind == "not my business") == bool(case.reported_by)
    findings = lint(case.document, rule, profile=case.profile, options=case.options)
    assert_findings(findings, case.expected)
    if case.reported_by:
        assert lint(case.document, case.reported_by, profile=case.profile), f"{case.reported_by} does not report it"
