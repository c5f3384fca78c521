"""Presenting API changes: as findings (for the text, SARIF, GitHub, GitLab and JUnit writers) and as rule
descriptors for SARIF (the Markdown changelog is `aiplint.report.changelog`)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Iterable

from aiplint.compat import Change
from aiplint.compat.causes import by_cause
from aiplint.compat.kinds import KINDS
from aiplint.linting.findings import Finding
from aiplint.rule import PROFILES, Rule, Severity

if TYPE_CHECKING:
    from aiplint.linting.findings import Finding
    from aiplint.rule import Rule

REFERENCE, REFERENCE_URL = "AIP-180 (backwards compatibility)", "https://google.aip.dev/180"


def as_findings(changes: Iterable[Change], revision: str | None = None, *, anchored: bool = False) -> list[Finding]:
    """Each cause of changes as a finding (`aiplint.compat.causes`): its kind as the rule, its level as the
    severity, located in the new document, the operations it affects named (counted past `NAMED_OPERATIONS`),
    identified by `Cause.fingerprint`.  What the new document no longer has is at the old one's place, named
    `REV:PATH` when the old document is `revision`'s; `anchored` (SARIF, annotations: reports that show a place in
    the new files), at the new document's nearest place, the old one in the message."""
    found = []
    for cause in by_cause(changes):
        change, place = cause.first, cause.place
        if place is None:
            continue
        shown, was = place, ""
        if change.in_old:
            old_file = f"{revision}:{place.file}" if revision else place.file
            if anchored and change.anchor is not None:
                shown, was = change.anchor, f" (was at {old_file}:{place.line}:{place.column})"
            else:
                shown = replace(place, file=old_file)
        method, path = (None, None) if cause.shared else (change.method, change.path)
        message = f"{operations_named(cause.operations)}: {cause.message}{was}" + (
            f" (note: {change.note})" if change.note else "")
        found.append(Finding(cause.id, cause.level, message, shown.file, shown.line, shown.column, shown.pointer,
                             method, path, None, cause.fingerprint))
    return found


#: How many operations a cause's finding names before it counts the rest.
NAMED_OPERATIONS = 5


def operations_named(operations: list[str]) -> str:
    """`GET /a`, or `3 operations (GET /a, GET /b, PUT /b)`, or past `NAMED_OPERATIONS` `40 operations (GET /a,
    ... and 35 more)`."""
    if len(operations) == 1:
        return operations[0]
    named = ", ".join(operations[:NAMED_OPERATIONS])
    more = len(operations) - NAMED_OPERATIONS
    return f"{len(operations)} operations ({named}{f' and {more} more' if more > 0 else ''})"


def rules() -> dict[str, Rule]:
    """A rule descriptor for both ids of every change kind (SARIF's `tool.driver.rules`, the HTML report's
    documentation): `breaking/` and `change/` (any kind can be safe where it is found: an operation removed after
    its deprecation, a value added to an `x-extensible-enum`)."""
    def describe(kind) -> str:
        sides = (f"{kind.request.value} where clients write the data (requests), {kind.response.value} where they "
                 "read it (responses)") if kind.directional else kind.request.value
        return f"{kind.summary[0].upper()}{kind.summary[1:]}: {kind.why}.\n\nLevel: {sides}."

    def rule(rule_id: str, kind, level: Severity) -> Rule:
        return Rule(rule_id, kind.summary, REFERENCE, REFERENCE_URL, dict.fromkeys(PROFILES, level), {},
                    lambda ctx: (), describe(kind), aip=180)

    described = {}
    for kind in KINDS.values():
        described[kind.id] = rule(kind.id, kind, max(kind.request, kind.response, key=lambda level: level.rank))
        described[kind.safe_id] = rule(kind.safe_id, kind, Severity.INFO)
    return described
