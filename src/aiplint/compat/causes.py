"""API changes grouped by cause: one change to a schema, parameter or path that many operations share is one
entry naming what changed, with the operations it affects (issue 20: a nullable property of a shared schema is
one entry, not one per operation).

Two changes have one cause when they are of one kind at one level, at the same place in both documents, and say
the same thing once the operation is left out (`Change.summary`).  The changes stay whole inside the cause, so a
report can still list what each operation sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from aiplint.linting.findings import fingerprint
from aiplint.read.pointers import split_pointer

if TYPE_CHECKING:
    from aiplint.compat import Change, Place
    from aiplint.compat.kinds import Kind
    from aiplint.rule import Severity

__all__ = ["Cause", "by_cause", "name_of_place"]

# What a component of each section is called (OpenAPI 3's `components/...`, Swagger 2.0's top-level sections).
_COMPONENTS = {"schemas": "schema", "definitions": "schema", "parameters": "parameter", "responses": "response",
               "requestBodies": "request body", "headers": "header", "securitySchemes": "security scheme",
               "pathItems": "path item"}


@dataclass(frozen=True)
class Cause:
    """The changes (most severe first, in report order) that one change to the spec makes to its operations."""

    changes: tuple[Change, ...]

    @property
    def first(self) -> Change:
        return self.changes[0]

    @property
    def kind(self) -> Kind:
        return self.first.kind

    @property
    def id(self) -> str:
        return self.first.id

    @property
    def level(self) -> Severity:
        return self.first.level

    @property
    def place(self) -> Place | None:
        return self.first.place

    @property
    def operations(self) -> list[str]:
        """The operations it affects, each once, in report order."""
        return list(dict.fromkeys(change.operation for change in self.changes))

    @property
    def shared(self) -> bool:
        """Whether it reaches more than one operation (a single one's change reads best in that operation's
        words)."""
        return len(self.operations) > 1

    @property
    def message(self) -> str:
        """What changed and why it matters: for one operation its change's message, for several the words they
        share (schema `repo` property `license.url`: became nullable: ...)."""
        return self.first.summary if self.shared else self.first.message

    @property
    def fingerprint(self) -> str:
        """Its identity for SARIF and diffs: one operation's change keeps the change's own; a shared cause is
        identified by kind, place and words, whatever the operations (so an operation added or gone, or a
        document reordered, keeps it)."""
        change = self.first
        place = change.place
        pointer = place.pointer if place else ""
        if not self.shared:
            return fingerprint(change.id, change.method, change.path, pointer, change.detail)
        return fingerprint(change.id, None, None, pointer, change.summary)

    def to_dict(self, index: dict[int, int]) -> dict[str, Any]:
        """The JSON report's entry: the first change's fields, the cause's message, and the operations it affects,
        each with the index of its change in the report's `changes` (`index`: id of a change -> its index), which
        says what that operation sees."""
        data = self.first.to_dict()
        del data["method"], data["path"]
        data["message"] = self.message
        data["operations"] = [{"method": change.method, "path": change.path, "change": index[id(change)]}
                              for change in self.changes]
        return data


def by_cause(changes: Iterable[Change]) -> list[Cause]:
    """The changes grouped by cause, in the order of each cause's first change."""
    groups: dict[tuple, list[Change]] = {}
    for change in changes:
        groups.setdefault(_cause_key(change), []).append(change)
    return [Cause(tuple(group)) for group in groups.values()]


def _cause_key(change: Change) -> tuple:
    def where(place: Place | None) -> tuple[str, str] | None:
        return (place.file, place.pointer) if place else None

    return (change.id, change.level, change.note, change.category, where(change.old), where(change.new),
            change.summary)


def name_of_place(pointer: str) -> str:
    """A place in a spec as a reader names it: schema `repo` property `owner.login` for a component's part, the
    pointer itself (in a code span) elsewhere."""
    try:
        tokens = split_pointer(pointer)
    except ValueError:
        return f"`{pointer}`"
    if tokens[:1] == ["components"]:
        tokens = tokens[1:]
    if len(tokens) < 2 or tokens[0] not in _COMPONENTS:
        return f"`{pointer}`"
    named = f"{_COMPONENTS[tokens[0]]} `{tokens[1]}`"
    inside = _schema_path(tokens[2:])
    return f"{named} property `{inside}`" if inside else named


def _schema_path(tokens: list[str]) -> str:
    """`properties/owner/properties/login` -> `owner.login`; `items` -> `[]`; another keyword in parentheses."""
    text, tokens = "", list(tokens)
    while tokens:
        token = tokens.pop(0)
        if token == "properties" and tokens:
            name = tokens.pop(0)
            text += f".{name}" if text else name
        elif token == "items":
            text += "[]"
        else:
            text += f"({token})"
    return text
