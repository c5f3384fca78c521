"""What a peer case is, how it is judged, and what it counts as (issue 19, "Complete").

A peer case carries over one test of another linter's own suite: its input, rebuilt as a complete OpenAPI
document with the `_kit` helpers (facts carried over; no code or prose copied), and the verdict the AIP or
OpenAPI text gives on it.  Its name is `"<peer> <test file>: <test name>"`; the peer's repository and the
commit of the snapshot read are in `PEERS`.

The peer's verdict is the text's verdict unless the case records a `disagree` reason: then the peer flags what
the text allows (or the other way round) and aiplint follows the text.  A case aiplint gets wrong is a strict
xfail whose reason says what aiplint needs.  A case whose rule does not exist (yet) is skipped: the rules other
work is adding are named by the id they are expected to take, so that their cases count once they are merged.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, NamedTuple

import pytest
from rules._kit import lint, spec

from aiplint.linting.registry import available_rules


class Peer(NamedTuple):
    repository: str
    commit: str  # the snapshot whose tests were read
    tests: str  # where its rule tests are


PEERS = {
    "aep": Peer("aep-dev/aep-openapi-linter", "0154f8a66c176ae408a6a756e6ef05cc2d4a8e6c", "test/"),
    "ibm": Peer("IBM/openapi-validator", "ca04ba607448879cf70e89bc8cfdd6b49ab87655", "packages/ruleset/test/rules/"),
    "redocly": Peer("Redocly/redocly-cli", "03cb486aad6ae9ac9df4465214283d5149a9019d",
                    "packages/core/src/rules/{common,oas3}/__tests__/, tests/e2e/lint/"),
    "spectral": Peer("stoplightio/spectral", "7c41a92d32a811e37b28b966ced2c0e294a3cb69",
                     "packages/rulesets/src/oas/__tests__/"),
    "mongodb": Peer("mongodb/openapi", "(read through the code index, no snapshot commit)",
                    "tools/spectral/ipa/__tests__/"),
}

# The concept a case measures, by the first aiplint rule it compares (rules other work is adding included).
CONCEPTS = {
    "oas/path-params-match": "OAS path parameters",
    "oas/unique-parameters": "OAS unique parameters",
    "oas/path-no-query-string": "OAS paths: templates, query strings, equivalence",
    "oas/equivalent-paths": "OAS paths: templates, query strings, equivalence",
    "oas/operation-id-unique": "OAS operationId unique",
    "oas/success-response": "OAS success response",
    "oas/unused-components": "OAS unused components",
    "oas/security-defined": "OAS security schemes defined",
    "oas/valid-examples": "OAS examples valid",
    "oas/ref": "OAS $ref",
    "oas/ref-siblings": "OAS $ref",
    "aip122/plural-collection": "AIP-122/123 collection names and IDs",
    "aip122/collection-identifier-format": "AIP-122/123 collection names and IDs",
    "aip127/no-body-get-delete": "AIP-127 no body on GET/DELETE/HEAD",
    "aip131/response-one": "AIP-131 Get",
    "rest/resource-id-in-query": "AIP-131 Get",
    "aip131/no-required-query": "AIP-131 Get",
    "aip132/response-object": "AIP-132 List",
    "aip133/post-to-collection": "AIP-133 Create",
    "aip133/request-body-resource": "AIP-133 Create",
    "aip134/http-method": "AIP-134 Update",
    "aip134/request-body-resource": "AIP-134 Update",
    "aip135/response-empty": "AIP-135 Delete",
    "rest/verb-segment": "AIP-136 custom methods",
    "aip136/http-method": "AIP-136 custom methods",
    "aip156/no-delete": "AIP-156 singletons",
    "aip156/no-id": "AIP-156 singletons",
    "aip203/output-only": "AIP-203 field behaviour",
    "aip158/request-fields": "AIP-158 pagination",
    "aip158/response-fields": "AIP-158 pagination",
    "aip185/major-version": "AIP-185 versions",
    "aip185/single-version": "AIP-185 versions",
    "aip154/etag-returned": "AIP-154 etag",
    "aip154/precondition-failed": "AIP-154 etag",
    "aip193/one-error-schema": "AIP-193 errors",
    "aip142/time-suffix": "AIP-140/142 field names and timestamps",
    "aip142/time-format": "AIP-140/142 field names and timestamps",
    "aip140/boolean-names": "AIP-140/142 field names and timestamps",
}


def at(path: str, *rest: str | int) -> str:
    """The JSON pointer of `paths[path]` and below, the way the peers locate a finding."""
    escaped = path.replace("~", "~0").replace("/", "~1")
    return "/paths/" + escaped + "".join(f"/{part}" for part in rest)


def verbatim(paths: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A document whose path items are exactly `paths`: no parameter declared and no key added for us."""
    document = spec({}, **extra)
    document["paths"] = paths
    return document


def swagger(paths: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": paths, **extra}


def header(name: str) -> dict[str, Any]:
    return {"name": name, "in": "header", "schema": {"type": "string"}}


AGREES, MISSES, DISAGREES, ABSENT = "agrees", "misses", "deliberately disagrees", "rule not present"
OUTCOMES = (AGREES, MISSES, DISAGREES, ABSENT)


class PeerCase(NamedTuple):
    name: str  # "<peer> <test file>: <test name>"
    document: dict[str, Any]
    rules: tuple[str, ...]  # the aiplint rules that overlap the peer's; only their findings are compared
    expected: list[tuple[str, str | None]]  # by the text: (rule, JSON pointer or None for anywhere); empty: none
    profile: str = "rest"
    disagree: str | None = None  # the peer's verdict is the opposite of the text's, which aiplint follows: why
    xfail: str | None = None  # aiplint misses the text's verdict: what it needs

    @property
    def peer(self) -> str:
        return self.name.split(" ", 1)[0]

    @property
    def concept(self) -> str:
        return CONCEPTS[self.rules[0]]

    @property
    def present(self) -> bool:
        return set(self.rules) <= set(available_rules())


def mismatch(case: PeerCase) -> str | None:
    """How aiplint's findings on the case differ from the text's verdict, or None when they agree."""
    found = Counter((f.rule, f.pointer) for rule in case.rules for f in lint(case.document, rule, profile=case.profile))
    anywhere = {rule for rule, pointer in case.expected if pointer is None}
    pinned = Counter((rule, pointer) for rule, pointer in case.expected if pointer is not None)
    found_pinned = Counter({key: n for key, n in found.items() if key[0] not in anywhere})
    if found_pinned == pinned and anywhere <= {rule for rule, _ in found}:
        return None
    return f"expected {case.expected}, found {sorted(found.elements())}"


def outcome(case: PeerCase) -> str:
    """What the case counts as: `mismatch` decides misses, so a label cannot claim an agreement that is not."""
    if not case.present:
        return ABSENT
    if mismatch(case) is not None:
        return MISSES
    return DISAGREES if case.disagree else AGREES


def as_params(cases: list[PeerCase]) -> list[Any]:
    names = [case.name for case in cases]
    assert len(set(names)) == len(names), "duplicate case names"
    params = []
    for case in cases:
        marks = [pytest.mark.xfail(strict=True, reason=case.xfail)] if case.xfail else []
        if not case.present:
            missing = sorted(set(case.rules) - set(available_rules()))
            marks = [pytest.mark.skip(reason=f"rule not present yet: {', '.join(missing)}")]
        params.append(pytest.param(case, marks=marks, id=case.name))
    return params


def check(case: PeerCase) -> None:
    assert case.peer in PEERS and case.rules[0] in CONCEPTS
    assert mismatch(case) is None
