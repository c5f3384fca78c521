"""Issue 8's shapes, end to end: the three headline mistakes in their common spellings, each operation's findings
exact (what must be caught and what must stay silent), suggestions that agree and that no rule would flag, and
findings that do not move when an unrelated path is added."""

from __future__ import annotations

import copy
import json
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, corpus_file

from aiplint.config import Config
from aiplint.linting.engine import lint_document
from aiplint.linting.findings import Finding
from aiplint.read.document import open_document

RECALL = FIXTURES / "recall"
QUERY, BODY, ATTACHED = "rest/resource-id-in-query", "rest/resource-id-in-body", "aip136/attached-to-resource"
SEGMENT, NAMING, HTTP = "rest/verb-segment", "aip136/verb-naming", "aip136/http-method"
PLURAL, CONSISTENCY, STYLE = "aip122/plural-collection", "aip122/collection-name-consistency", "aip136/custom-method-style"

PARCELS = {  # operation (or path, for path-level findings) -> the rules that report it or are in its `also`, under
    # the rest profile (problems that share the operation's fix are one finding)
    "POST /v1/parcels/dispatch": {ATTACHED, BODY},
    "POST /v1/parcels:cancel": {ATTACHED, BODY, STYLE},  # the colon form is the minority in this document
    "GET /v1/parcels/status": {QUERY},
    "/v1/depots/{depot_id}/GetShelves/{shelf_id}": {"rest/verb-before-id"},
    "POST /v1/labels/print": {ATTACHED, BODY},  # `labelid`
    # `name`, the key of /v1/carriers/{name}: `carrier` names its members in the body, a collection in the singular
    "POST /v1/carrier/suspend": {ATTACHED, BODY, PLURAL},
    "/v1/invoice": {PLURAL},
    "/v1/shipping_rate/{country}/{zone}": {PLURAL},
    "/v1/setting/{key}": {PLURAL},
    "/v1/epoch/{epoch_id}": {PLURAL},
    "HEAD /v1/depots/{depot_id}/audit": {HTTP},
}
WIDGETS = {
    "GET /getWidget": {ATTACHED, QUERY, NAMING},
    "GET /widgetInfo": {QUERY},
    "GET /updateWidget": {ATTACHED, QUERY, HTTP, NAMING},
    "GET /archiveReport": {ATTACHED, QUERY, HTTP},
    "GET /addLabel": {HTTP, SEGMENT},
    "GET /StopSchedule": {QUERY},  # a stop's schedule: the stop is named in the query
    "POST /cache/purgecache": {SEGMENT},
    "/counters-reset": {NAMING, SEGMENT},  # one verb no rule can fix: one finding (`aiplint.linting.merge`)
    "/cache-set-ttl": {NAMING, SEGMENT},
    "GET /widget/findByColor": {SEGMENT, NAMING},
}
AIP_STYLE = {  # custom methods written `/verb`, each reported under the aip profile
    "parcels.yaml": {"/v1/parcels/dispatch", "/v1/parcels/{parcel_id}/reroute", "/v1/parcels/{parcel_id}/quarantine",
                     "/v1/depots/{depot_id}/escalate", "/v1/labels/print", "/v1/depots/search",
                     "/v1/depots/{depot_id}/audit", "/v1/carrier/suspend"},
    "widgets-rpc.yaml": {"/workers/startall"},
}


def findings(path: Path | str, profile: str = "rest", text: str | None = None) -> list[Finding]:
    document = open_document(str(path), text=text)
    assert document is not None
    linted = lint_document(document, Config(profile=profile))
    found, crashes = linted.findings, linted.crashes
    assert crashes == []
    return found


def by_place(found: list[Finding], rules: set[str]) -> dict[str, set[str]]:
    places: dict[str, set[str]] = defaultdict(set)
    for f in found:
        for rule in {f.rule, *(a.rule for a in f.also)} & rules:  # a finding speaks for the rules in its `also`
            places[f"{f.method} {f.path}" if f.method else str(f.path)].add(rule)
    return dict(places)


FAMILIES = {QUERY, BODY, ATTACHED, SEGMENT, NAMING, HTTP, PLURAL, CONSISTENCY, STYLE, "rest/verb-before-id"}


@pytest.mark.parametrize("name, expected", [("parcels.yaml", PARCELS), ("widgets-rpc.yaml", WIDGETS)])
def test_every_shape_is_caught_and_nothing_else(name, expected):
    assert by_place(findings(RECALL / name), FAMILIES) == expected


@pytest.mark.parametrize("name", sorted(AIP_STYLE))
def test_aip_reports_every_slash_custom_method(name):
    styled = {f.path for f in findings(RECALL / name, "aip") if STYLE in {f.rule, *(a.rule for a in f.also)}}
    assert styled == AIP_STYLE[name]


@pytest.mark.parametrize("name", ["parcels.yaml", "widgets-rpc.yaml"])
def test_the_rules_reporting_one_operation_suggest_one_fix(name):
    fixes: dict[tuple, set] = defaultdict(set)
    for f in findings(RECALL / name):
        if f.method is not None and f.suggestion is not None:
            fixes[(f.method, f.path)].add(f.suggestion)
    assert fixes and all(len(suggestions) == 1 for suggestions in fixes.values()), fixes


@pytest.mark.parametrize("profile", ["rest", "aip"])
@pytest.mark.parametrize("name", ["parcels.yaml", "widgets-rpc.yaml"])
def test_no_suggestion_is_a_path_a_rule_would_flag(name, profile):
    """Every suggested path, written as its own operation beside the document's well-formed paths, is clean."""
    found = findings(RECALL / name, profile)
    suggested = {f.suggestion.split(" ")[-1]: f.suggestion.split(" ")[0].lower() if " " in f.suggestion else "get"
                 for f in found if f.suggestion}
    document = yaml.safe_load((RECALL / name).read_text())
    document["paths"] = {
        key: {(method if method != "head" else "post"): {"responses": {"200": {"description": "ok"}}}}
        for key, method in suggested.items()
    }
    for key, item in document["paths"].items():
        for operation in item.values():
            operation["parameters"] = [{"name": n.strip("{}"), "in": "path", "required": True,
                                        "schema": {"type": "string"}} for n in key.split("/") if n.startswith("{")]
    flagged = {f.path for f in findings("fixed.json", profile, json.dumps(document))
               if f.rule in FAMILIES - {NAMING, HTTP, STYLE} or (f.rule in (NAMING, STYLE) and profile == "rest")}
    assert flagged == set(), flagged


def _fingerprints_outside(found: list[Finding], changed: set[str]) -> set[str]:
    return {f.fingerprint for f in found if f.path not in changed}


@pytest.mark.parametrize("added", ["/v1/dataset/{id}/rows", "/v1/zz/gadget/{gadget_id}/reset", "/v1/report/getReports"])
def test_adding_an_unrelated_path_leaves_the_other_findings_alone(added):
    document = yaml.safe_load((RECALL / "parcels.yaml").read_text())
    before = findings("before.json", text=json.dumps(document))
    grown = copy.deepcopy(document)
    grown["paths"][added] = {"post": {"parameters": [{"name": n.strip("{}"), "in": "path", "required": True,
                                                       "schema": {"type": "string"}} for n in added.split("/")
                                                      if n.startswith("{")],
                                       "responses": {"200": {"description": "ok"}}}}
    after = findings("after.json", text=json.dumps(grown))
    assert _fingerprints_outside(after, {added}) == _fingerprints_outside(before, {added})


@pytest.mark.slow  # the shared corpus
def test_llama_stack_findings_do_not_move_when_a_singular_dataset_path_is_added():
    """Issue 8: adding `/v1/dataset/{id}/rows` turned an untouched `POST /v1/scoring/score-batch` into two findings."""
    document = yaml.safe_load(corpus_file("llama-stack/before/llama-stack-spec.yaml").read_text())
    before = findings("before.json", text=json.dumps(document))
    document["paths"]["/v1/dataset/{id}/rows"] = {"get": {"parameters": [
        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "ok"}}}}
    after = findings("after.json", text=json.dumps(document))
    assert _fingerprints_outside(after, {"/v1/dataset/{id}/rows"}) == _fingerprints_outside(before, set())
