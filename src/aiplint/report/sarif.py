"""The `sarif` format: a SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers.  Files are named
relative to their git repository's root, where GitHub looks for them."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path, PurePath
from typing import IO, TYPE_CHECKING, Any, Sequence
from urllib.parse import quote

from aiplint import __version__
from aiplint.read.pointers import last_token
from aiplint.report.writer import Report, repository_path
from aiplint.rule import Rule, Severity

if TYPE_CHECKING:
    from aiplint.linting.findings import Finding
    from aiplint.read.loading import InputError

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/aiplint/"
FINGERPRINT_KEY = "aiplintFingerprint/v1"
_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def write(report: Report, stream: IO[str]) -> None:
    """A SARIF 2.1.0 log with one run.  The driver describes every rule in `rules` (and any rule a finding
    names that `rules` lacks); each result carries its position, its JSON pointer and operation as logical
    locations, and the finding's fingerprint as a partial fingerprint, which GitHub code scanning uses to
    follow a finding across commits.  Under a diff, every finding is a result with its `baselineState`: `new`,
    `unchanged`, or `absent` for a fixed one (at its place in the old version, whose revision is the result's
    `revision` property), so a viewer that keeps alerts by run does not close the unchanged ones.  Files that
    could not be linted make the invocation unsuccessful, each with a notification at its position."""
    results: list[tuple[Finding, str | None]] = [(f, None) for f in report.findings]
    if report.diff is not None:
        diff = report.diff
        groups = (("new", report.findings), ("unchanged", diff.unchanged_findings), ("absent", diff.fixed))
        results = [(f, state) for state, group in groups for f in group]
    index: dict[str, int] = {}
    descriptors: list[dict[str, Any]] = []
    for rule in report.rules.values():
        index[rule.id] = len(descriptors)
        descriptors.append(_descriptor(rule))
    for f, _ in results:
        if f.rule not in index:
            index[f.rule] = len(descriptors)
            descriptors.append({"id": f.rule})
    revision = report.diff.revision if report.diff is not None else None
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "aiplint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": descriptors,
                    }
                },
                # Our columns count characters (code points), not SARIF's default UTF-16 code units.
                "columnKind": "unicodeCodePoints",
                "invocations": [_invocation(report.errors)],
                "results": [_result(f, index[f.rule], state, revision) for f, state in results],
            }
        ],
    }
    json.dump(log, stream, indent=2)
    stream.write("\n")


def _invocation(errors: Sequence[InputError]) -> dict[str, Any]:
    invocation: dict[str, Any] = {"executionSuccessful": not errors}
    if errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": e.message}, "locations": [_physical(e.path, e.line, e.column)]}
            for e in errors]
    return invocation


def _physical(file: str, line: int, column: int) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(repository_path(file))},
                                 "region": {"startLine": max(line, 1), "startColumn": max(column, 1)}}}


def _descriptor(rule: Rule) -> dict[str, Any]:
    severity = rule.severity_for("rest") or next(iter(rule.severities.values()), Severity.WARNING)
    doc = rule.doc.strip() or rule.summary
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _first_paragraph(doc)},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": _SARIF_LEVELS[severity]},
    }
    if rule.docs_url:  # its section of aiplint's rule reference; a plugin's or a breaking change's own url
        descriptor["helpUri"] = rule.docs_url
    properties: dict[str, Any] = {"reference": rule.reference} if rule.reference else {}
    if rule.url and rule.url != rule.docs_url:
        properties["referenceUrl"] = rule.url
    if rule.aip is not None:
        properties["aip"] = rule.aip
    if properties:
        descriptor["properties"] = properties
    return descriptor


def _first_paragraph(doc: str) -> str:
    return " ".join(re.split(r"\n\s*\n", doc.strip(), maxsplit=1)[0].split())


def _result(f: Finding, rule_index: int, state: str | None, revision: str | None) -> dict[str, Any]:
    text = f.message if not f.suggestion else f"{f.message}\nSuggestion: {f.suggestion}"
    # Where in the document (the JSON pointer) and, when known, which operation ("GET /v1/jobs") or path.
    name = last_token(f.pointer) if f.pointer else "(document)"
    logical: list[dict[str, Any]] = [{"name": name, "fullyQualifiedName": f.pointer}]
    if f.path is not None:
        name = f"{f.method} {f.path}" if f.method else f.path
        logical.append({"name": name, "fullyQualifiedName": name, "kind": "function" if f.method else "resource"})
    result = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVELS[f.severity],
        "message": {"text": text},
        "locations": [{**_physical(f.file, f.line, f.column), "logicalLocations": logical}],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        **({"relatedLocations": [_related_location(i, r) for i, r in enumerate(f.related)]} if f.related else {}),
    }
    if state is not None:
        result["baselineState"] = state
    properties: dict[str, Any] = {}
    if state == "absent" and revision:
        properties["revision"] = revision
    if f.also:  # the other rules' problems this finding's fix resolves too (one mistake, one finding)
        properties["also"] = [{"rule": a.rule, "message": a.message} for a in f.also]
    if properties:
        result["properties"] = properties
    return result


def _related_location(index: int, related: Any) -> dict[str, Any]:
    """Another path that uses the same singular collection, so code scanning shows every place to fix."""
    return {"id": index, **_physical(related.file, related.line, related.column), "message": {"text": related.path}}


def _uri(path: str) -> str:
    """A relative path stays relative (POSIX separators, percent-encoded); an absolute one is a file: URI."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(PurePath(path).as_posix(), safe="/")
