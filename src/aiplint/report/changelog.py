"""The changelog of API changes: its sections (shared with the `html` page of `aiplint changelog --format html`) and
its Markdown (`aiplint changelog`, and the API changes in the `markdown` report)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Iterable

from aiplint.read.escaping import markdown_code
from aiplint.rule import Severity

if TYPE_CHECKING:
    from aiplint.compat import Change

__all__ = ["markdown", "SECTIONS", "section_of", "tally"]

#: A changelog's sections, in order: heading, and the key of the changes in it (`section_of`).
SECTIONS = (
    ("Breaking changes", "error"),
    ("Potentially breaking changes", "warning"),
    ("Breaking changes allowed by their stability level", "note"),
    ("Other changes", "info"),
)
_ONE = {"error": "breaking change", "warning": "potentially breaking change",
        "note": "breaking change allowed by its stability level", "info": "other change"}


def section_of(change: Change) -> str:
    """The key of the section a change is listed in: its level, or `note` for a breaking change that its
    operation's stability level allows."""
    return "note" if change.note and change.level is Severity.INFO else change.level.value


def tally(changes: Iterable[Change]) -> str:
    """`1 breaking change, 2 other changes.`, or `No API changes.`"""
    counts = Counter(map(section_of, changes))
    said = [f"{counts[key]} {heading.lower() if counts[key] != 1 else _ONE[key]}"
            for heading, key in SECTIONS if counts[key]]
    return (", ".join(said) if said else "No API changes") + "."


def markdown(changes: Iterable[Change], title: str = "API changelog") -> str:
    """A human changelog: a summary line, then one section per level (breaking, potentially breaking, allowed by
    stability, other), each listing the changes under their operation.  Reusable wherever Markdown is written
    (a pull-request comment, a job summary).  `title` is Markdown; text from the specs (operations, messages that
    quote them, notes, file names) is in code spans, where nothing is markup."""
    changes = list(changes)
    groups: dict[str, list[Change]] = {name: [] for _, name in SECTIONS}
    for change in changes:
        groups[section_of(change)].append(change)
    lines = [f"# {title}", "", tally(changes)]
    for heading, key in SECTIONS:
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
