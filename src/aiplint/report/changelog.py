"""The changelog of API changes: its sections (shared with the `html` page of `aiplint changelog --format html`) and
its Markdown (`aiplint changelog`, and the API changes in the `markdown` report)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Iterable

from aiplint.compat.causes import by_cause
from aiplint.read.escaping import markdown_code
from aiplint.rule import Severity

if TYPE_CHECKING:
    from aiplint.compat import Change
    from aiplint.compat.causes import Cause

__all__ = ["markdown", "COMMENT_LIMIT", "SECTIONS", "section_of", "tally"]

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


def markdown(changes: Iterable[Change], title: str = "API changelog", limit: int | None = None,
             complete: str = "`aiplint changelog OLD NEW -o FILE`", revision: str | None = None) -> str:
    """A human changelog: a summary (the count per level, then per kind of change), then one section per level
    (breaking, potentially breaking, allowed by stability, other), each listing the changes one entry per cause (a
    shared schema's change is one entry) under the operations it affects;
    the breaking changes shown, the others folded in a `<details>` block.  Reusable wherever Markdown is written
    (a pull-request comment, a job summary).  `title` is Markdown; text from the specs (operations, messages that
    quote them, notes, file names) is in code spans, where nothing is markup.

    `limit`: at most this many characters (`COMMENT_LIMIT`: a GitHub comment's), the longest sections cut, each
    ending with how many changes were left out and that `complete` (Markdown: a command) writes them all.
    `revision`: the git revision the old version was read at (`check --diff-base`), which names its files."""
    changes = list(changes)
    groups: dict[str, list[Change]] = {name: [] for _, name in SECTIONS}
    for change in changes:
        groups[section_of(change)].append(change)
    head = [f"# {title}", "", tally(changes)] + _kinds(groups)
    bodies = {key: _entries(items, revision) for key, items in groups.items() if items}
    shells = {key: _shell(heading, key, groups[key]) for heading, key in SECTIONS if groups[key]}
    kept = {key: len(entries) for key, entries in bodies.items()}
    if limit is not None:
        fixed = sum(map(len, head)) + len(head) + sum(len(a) + len(b or "") + 2 for a, b in shells.values()) + 1
        notes = {key: _left_out(len(groups[key]), key, complete) for key in bodies}
        kept = _fit(bodies, limit - fixed - sum(len(note) + 2 for note in notes.values()))
    lines = head
    for key, (opening, closing) in shells.items():
        shown = bodies[key][:kept[key]]
        lines += [opening] + [line for _, text in shown for line in text]
        left = len(groups[key]) - sum(len(cause.changes) for cause, _ in shown if cause is not None)
        if left:
            lines += ["", _left_out(left, key, complete)]
        if closing is not None:
            lines.append(closing)
    return "\n".join(lines) + "\n"


#: The most characters a GitHub pull-request or issue comment holds.
COMMENT_LIMIT = 65_536


def _kinds(groups: dict[str, list[Change]]) -> list[str]:
    """The count of each kind of change (its id) per section, as a table (nothing when there are no changes)."""
    keys = [key for _, key in SECTIONS if groups[key]]
    if not keys:
        return []
    counts = {key: Counter(change.id for change in groups[key]) for key in keys}
    ids = sorted({kind for count in counts.values() for kind in count},
                 key=lambda kind: (tuple(-counts[key][kind] for key in keys), kind))
    names = {key: heading.lower().removesuffix(" changes").removesuffix(" by their stability level")
             for heading, key in SECTIONS}
    lines = ["", "| kind of change | " + " | ".join(names[key] for key in keys) + " |",
             "| --- |" + " ---: |" * len(keys)]
    lines += [f"| `{kind}` | " + " | ".join(str(counts[key][kind] or "") for key in keys) + " |" for kind in ids]
    return lines


#: How many operations a heading names before it counts the rest.
NAMED_OPERATIONS = 10


def _entries(changes: list[Change], revision: str | None) -> list[tuple[Cause | None, list[str]]]:
    """The lines of a section's changes, one entry per cause (`aiplint.compat.causes`), under the operations it
    affects: (None, a heading naming them), then (a cause, its lines) for each cause that affects just those.  What
    the new version no longer has is at `REVISION:FILE:LINE` when the old version is a git revision's."""
    by_operations: dict[tuple[str, ...], list[Cause]] = {}
    for cause in by_cause(changes):
        by_operations.setdefault(tuple(cause.operations), []).append(cause)
    entries: list[tuple[Cause | None, list[str]]] = []
    for operations, causes in by_operations.items():
        entries.append((None, _heading(operations)))
        for cause in causes:
            place = cause.place
            file = f"{revision}:{place.file}" if place and revision and cause.first.in_old else place and place.file
            where = f" ({markdown_code(f'{file}:{place.line}')})" if place else ""
            text = [f"- {markdown_code(cause.message)} `{cause.id}`{where}"]
            if cause.first.note:
                text.append(f"  - note: {markdown_code(cause.first.note)}")
            entries.append((cause, text))
    return entries


def _heading(operations: tuple[str, ...]) -> list[str]:
    """The heading of one operation's causes (its name), or of a cause several operations share (their count,
    then the first `NAMED_OPERATIONS` of them)."""
    if len(operations) == 1:
        return ["", f"### {markdown_code(operations[0])}", ""]
    named = ", ".join(map(markdown_code, operations[:NAMED_OPERATIONS]))
    more = len(operations) - NAMED_OPERATIONS
    return ["", f"### {len(operations)} operations", "",
            named + (f" and {more} more (`aiplint diff --format json` names each)" if more > 0 else ""), ""]


def _shell(heading: str, key: str, changes: list[Change]) -> tuple[str, str | None]:
    """A section's opening lines (one string) and closing line: breaking changes shown, the others folded."""
    opening = f"\n## {heading} ({len(changes)})"
    if key == "error":
        return opening, None
    operations = len({change.operation for change in changes})
    summary = (f"{len(changes)} {_ONE[key] if len(changes) == 1 else heading.lower()} in {operations} "
               f"operation{'s' if operations != 1 else ''}")
    return f"{opening}\n\n<details><summary>{summary}</summary>", "\n</details>"


def _left_out(count: int, key: str, complete: str) -> str:
    return (f"**{count:,} more {_ONE[key] if count == 1 else _ONE[key] + 's'} left out** to fit a comment: "
            f"{complete} writes them all.")


def _fit(bodies: dict[str, list[tuple[Cause | None, list[str]]]], budget: int) -> dict[str, int]:
    """How many entries of each section to keep so that all fit in `budget` characters: the breaking changes
    whole where they fit (a reviewer reads them first), then the other sections' longest cut to one size (the
    largest that fits), the shorter kept whole; a section never ends on a heading."""
    first = next(iter(bodies), None)
    if first is not None and len(bodies) > 1:
        whole_first = sum(len(line) + 1 for _, text in bodies[first] for line in text)
        if whole_first <= budget:
            rest = {key: entries for key, entries in bodies.items() if key != first}
            return {first: len(bodies[first]), **_fit_evenly(rest, budget - whole_first)}
    return _fit_evenly(bodies, budget)


def _fit_evenly(bodies: dict[str, list[tuple[Cause | None, list[str]]]], budget: int) -> dict[str, int]:
    """`_fit` without priority: the longest sections cut to one size, the shorter kept whole."""
    sizes = {key: [sum(len(line) + 1 for line in text) for _, text in entries] for key, entries in bodies.items()}
    whole = {key: sum(size) for key, size in sizes.items()}

    def kept(cap: int) -> dict[str, int]:
        counts = {}
        for key, size in sizes.items():
            total, count = 0, 0
            while count < len(size) and total + size[count] <= cap:
                total, count = total + size[count], count + 1
            while count and bodies[key][count - 1][0] is None:  # a heading with none of its causes
                count -= 1
            counts[key] = count
        return counts

    def used(counts: dict[str, int]) -> int:
        return sum(sum(sizes[key][:count]) for key, count in counts.items())

    low, high = 0, max(whole.values(), default=0)
    while low < high:  # the largest cap whose sections fit
        middle = (low + high + 1) // 2
        low, high = (middle, high) if used(kept(middle)) <= budget else (low, middle - 1)
    return kept(low)
