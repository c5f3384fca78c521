"""Breaking-change detection: every change between two versions of an API, classified for its clients.

`compare_documents(old, new, match)` (`aiplint.compat.operations`) walks the operations both documents have
(paired by `aiplint.compat.matching`'s `match_operations`, which also finds moves), their parameters, request
bodies, responses and security, and the document-wide servers and security schemes, and returns `Change`s: a
kind from `aiplint.compat.kinds` with a stable id (`breaking/parameter-became-required` for one that breaks
clients, `change/optional-parameter-added` for a safe one), a level (`error` breaks clients, `warning` may break
some, `info` is safe) after the operation's stability
(`aiplint.compat.lifecycle`), the operation, the place in each document, and a message saying what changed and
why it matters.  Schemas are compared by
`aiplint.compat.schemas`, once per pair of schemas and context.  `aiplint.compat.diff` lints both versions too
and holds it all in a `DiffReport`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiplint.compat.kinds import FAMILY, KINDS, SAFE_FAMILY, Kind, kind
from aiplint.rule import Severity

if TYPE_CHECKING:
    from aiplint.model import Location

__all__ = ["Change", "Place", "KINDS", "Kind"]


@dataclass(frozen=True)
class Place:
    """Where a change is in one document: file, line, column (1-based) and JSON pointer."""

    file: str
    line: int
    column: int
    pointer: str

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "column": self.column, "pointer": self.pointer}


@dataclass
class Change:
    kind: Kind
    level: Severity  # after the operation's stability
    method: str | None  # upper case; None for document-wide changes
    path: str | None  # the path (or webhook name) as written in the old document (the new one for additions)
    message: str
    old_at: Location | None = field(repr=False)
    new_at: Location | None = field(repr=False)
    context: str = "operation"
    stability: str = "stable"
    note: str | None = None
    category: str = "other"
    detail: str = ""  # what tells two changes of a kind on one operation apart (for the fingerprint)
    summary: str = ""  # `message` in words that name no operation: what the operations sharing a cause share
    gone: bool = False  # what changed is no longer in the new document: point at the old one
    safe: bool = False  # breaks no client by its kind and side, whatever the stability: a `change/` id
    old: Place | None = None  # filled by `locate`
    new: Place | None = None
    anchor: Place | None = None  # filled by `locate` where `place` is in the old document: the new one's nearest

    @property
    def id(self) -> str:
        return self.kind.safe_id if self.safe else self.kind.id

    @property
    def breaking(self) -> bool:
        return self.level is not Severity.INFO

    @property
    def operation(self) -> str:
        return f"{self.method} {self.path}" if self.method else (self.path or "(document)")

    @property
    def place(self) -> Place | None:
        """Where to point a reader: the new document, or the old one for what the new one no longer has."""
        return self.old if self.gone or self.new is None else self.new

    @property
    def in_old(self) -> bool:
        """Whether `place` is in the old document, which a report about the new one cannot point into."""
        return self.place is not None and self.place is self.old

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id, "level": self.level.value, "breaking": self.breaking, "category": self.category,
            "method": self.method, "path": self.path, "message": self.message,
            "old": self.old.to_dict() if self.old else None, "new": self.new.to_dict() if self.new else None,
            "stability": self.stability,
        }
        if self.note:
            data["note"] = self.note
        return data


def locate(changes: list[Change], rename=None, new_file: str | None = None) -> None:
    """Fill in each change's file, line and column on both sides, one pass per file; `rename(source)` gives the
    name a source is reported under (a revision extracted to a temporary folder reports the work tree's).  A
    change located in the old document gets an `anchor` in the new one: the place its new side names (the schema
    that lost a property, the path item that lost an operation), else the top of `new_file` (the new document's
    root; None: there is none, and the old file's top stands in)."""
    by_source: dict[int, tuple[Any, set[str]]] = {}
    for change in changes:
        for at in (change.old_at, change.new_at):
            if at is not None:
                by_source.setdefault(id(at.source), (at.source, set()))[1].add(at.pointer)
    positions = {key: source.positions(pointers) for key, (source, pointers) in by_source.items()}

    def place(at: Location | None) -> Place | None:
        if at is None:
            return None
        line, column = positions[id(at.source)][at.pointer]
        return Place(rename(at.source) if rename else at.source.path, line, column, at.pointer)

    for change in changes:
        change.old, change.new = place(change.old_at), place(change.new_at)
        if change.in_old and change.old is not None:
            change.anchor = change.new or Place(new_file or change.old.file, 1, 1, "")


def sort_key(change: Change) -> tuple:
    return (-change.level.rank, change.path or "", change.method or "", change.kind.id, change.message)


__all__ += ["locate", "sort_key", "FAMILY", "SAFE_FAMILY", "kind"]
