"""Presenting API changes: as findings (for the text, SARIF, GitHub, GitLab and JUnit writers) and as rule
descriptors for SARIF (the Markdown changelog is `aiplint.report.changelog`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from aiplint.compat import Change
from aiplint.compat.kinds import KINDS
from aiplint.linting.findings import Finding, fingerprint
from aiplint.rule import PROFILES, Rule

if TYPE_CHECKING:
    from aiplint.linting.findings import Finding
    from aiplint.rule import Rule

REFERENCE, REFERENCE_URL = "AIP-180 (backwards compatibility)", "https://google.aip.dev/180"


def as_findings(changes: Iterable[Change]) -> list[Finding]:
    """Each change as a finding: its kind as the rule, its level as the severity, located in the new document
    (the old one for what the new one no longer has), fingerprinted by kind, operation and detail."""
    found = []
    for change in changes:
        place = change.place
        if place is None:
            continue
        message = f"{change.operation}: {change.message}" + (f" (note: {change.note})" if change.note else "")
        found.append(Finding(change.id, change.level, message, place.file, place.line, place.column, place.pointer,
                             change.method, change.path, None,
                             fingerprint(change.id, change.method, change.path, place.pointer, change.detail)))
    return found


def rules() -> dict[str, Rule]:
    """A rule descriptor for every change kind (SARIF's `tool.driver.rules`)."""
    def describe(kind) -> str:
        sides = (f"{kind.request.value} where clients write the data (requests), {kind.response.value} where they "
                 "read it (responses)") if kind.directional else kind.request.value
        return f"{kind.summary[0].upper()}{kind.summary[1:]}: {kind.why}.\n\nLevel: {sides}."

    return {kind.id: Rule(kind.id, kind.summary, REFERENCE, REFERENCE_URL,
                          {p: max(kind.request, kind.response, key=lambda s: s.rank) for p in PROFILES}, {},
                          lambda ctx: (), describe(kind), aip=180)
            for kind in KINDS.values()}
