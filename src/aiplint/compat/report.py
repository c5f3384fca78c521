"""Presenting API changes: as findings (for the text, SARIF, GitHub, GitLab and JUnit writers), as rule
descriptors for SARIF, and as a Markdown changelog."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from aiplint.compat import Change
from aiplint.compat.kinds import KINDS
from aiplint.read.escaping import markdown_code
from aiplint.rule import Severity

if TYPE_CHECKING:
    from aiplint.linting.findings import Finding
    from aiplint.rule import Rule

REFERENCE, REFERENCE_URL = "AIP-180 (backwards compatibility)", "https://google.aip.dev/180"
_SECTIONS = (
    ("Breaking changes", "error"),
    ("Potentially breaking changes", "warning"),
    ("Breaking changes allowed by their stability level", "note"),
    ("Other changes", "info"),
)
_ONE = {"error": "breaking change", "warning": "potentially breaking change",
        "note": "breaking change allowed by its stability level", "info": "other change"}


def as_findings(changes: Iterable[Change]) -> list[Finding]:
    """Each change as a finding: its kind as the rule, its level as the severity, located in the new document
    (the old one for what the new one no longer has), fingerprinted by kind, operation and detail."""
    from aiplint.linting.findings import Finding, fingerprint

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
    from aiplint.rule import PROFILES, Rule

    def describe(kind) -> str:
        sides = (f"{kind.request.value} where clients write the data (requests), {kind.response.value} where they "
                 "read it (responses)") if kind.directional else kind.request.value
        return f"{kind.summary[0].upper()}{kind.summary[1:]}: {kind.why}.\n\nLevel: {sides}."

    return {kind.id: Rule(kind.id, kind.summary, REFERENCE, REFERENCE_URL,
                          {p: max(kind.request, kind.response, key=lambda s: s.rank) for p in PROFILES}, {},
                          lambda ctx: (), describe(kind))
            for kind in KINDS.values()}


def markdown(changes: Iterable[Change], title: str = "API changelog") -> str:
    """A human changelog: a summary line, then one section per level (breaking, potentially breaking, allowed by
    stability, other), each listing the changes under their operation.  Reusable wherever Markdown is written
    (a pull-request comment, a job summary).  `title` is Markdown; text from the specs (operations, messages that
    quote them, notes, file names) is in code spans, where nothing is markup."""
    changes = list(changes)
    groups: dict[str, list[Change]] = {name: [] for _, name in _SECTIONS}
    for change in changes:
        groups["note" if change.note and change.level is Severity.INFO else change.level.value].append(change)
    counts = [f"{len(groups[key])} {heading.lower() if len(groups[key]) != 1 else _ONE[key]}"
              for heading, key in _SECTIONS if groups[key]]
    lines = [f"# {title}", "", (", ".join(counts) if counts else "No API changes") + "."]
    for heading, key in _SECTIONS:
        if not groups[key]:
            continue
        lines += ["", f"## {heading} ({len(groups[key])})"]
        by_operation: dict[str, list[Change]] = {}
        for change in groups[key]:
            by_operation.setdefault(change.operation, []).append(change)
        for operation, items in by_operation.items():
            lines += ["", f"### {markdown_code(operation)}", ""]
            for change in items:
                where = f" ({markdown_code(f'{change.place.file}:{change.place.line}')})" if change.place else ""
                lines.append(f"- {markdown_code(change.message)} `{change.id}`{where}")
                if change.note:
                    lines.append(f"  - note: {markdown_code(change.note)}")
    return "\n".join(lines) + "\n"
