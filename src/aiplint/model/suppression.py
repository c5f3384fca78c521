"""Inline suppressions: `x-aiplint-ignore: {rule-or-family: reason}` on any object of the document.

A suppression applies to the object that carries it and everything beneath it, in whichever file that
object lives (so it works through `$ref`).  A finding is suppressed when its own location, or its
operation's or path item's, lies under a matching suppression.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from aiplint.read.pointers import join_pointer

if TYPE_CHECKING:
    from aiplint.model.types import Location
    from aiplint.read.document import Document
    from aiplint.read.loading import Source

MARKER = "x-aiplint-ignore"


@dataclass(frozen=True, eq=False)
class Suppression:
    source: Source
    pointer: str  # the object carrying the extension
    selector: str  # a rule id or a family (`aip136/`)
    reason: str

    @property
    def at(self) -> str:
        return join_pointer(self.pointer, MARKER, self.selector)

    def covers(self, rule_id: str, location: Location) -> bool:
        selector = self.selector.rstrip("/")
        if rule_id != selector and not rule_id.startswith(selector + "/"):
            return False
        return location.source is self.source and (
            self.pointer == "" or location.pointer == self.pointer or location.pointer.startswith(self.pointer + "/")
        )


@dataclass(frozen=True)
class InvalidSuppression:
    source: Source
    pointer: str
    message: str


class Suppressions:
    """Every `x-aiplint-ignore` in the files a document loaded, checked against the installed rule ids."""

    def __init__(self, document: Document | None, rule_ids: Iterable[str]):
        self.entries: list[Suppression] = []
        self.invalid: list[InvalidSuppression] = []
        self.used: set[Suppression] = set()
        if document is None:
            return
        known = set(rule_ids)
        families = {rule_id.split("/")[0] for rule_id in known}
        for source in list(document.sources.values()):
            if MARKER in source.text:
                for pointer, value in _carriers(source.data):
                    self._add(source, pointer, value, known, families)

    @classmethod
    def none(cls) -> Suppressions:
        """No suppressions (inline ignores off, or a context built outside a run)."""
        return cls(None, ())

    def _add(self, source: Source, pointer: str, value: Any, known: set[str], families: set[str]) -> None:
        at = join_pointer(pointer, MARKER)
        if not isinstance(value, dict) or not value:
            self.invalid.append(InvalidSuppression(source, at, f"`{MARKER}` must map rule ids to reasons"))
            return
        for selector, reason in value.items():
            where = join_pointer(at, selector)
            if selector not in known and selector.rstrip("/") not in families:
                self.invalid.append(InvalidSuppression(source, where, f"`{MARKER}` names the unknown rule `{selector}`"
                                                                      + _did_you_mean(selector, known, families)))
            elif not isinstance(reason, str) or not reason.strip():
                self.invalid.append(InvalidSuppression(source, where, f"`{MARKER}` for `{selector}` gives no reason"))
            else:
                self.entries.append(Suppression(source, pointer, selector, reason))

    def suppresses(self, rule_id: str, locations: Iterable[Location]) -> bool:
        locations = list(locations)
        for entry in self.entries:
            if any(entry.covers(rule_id, location) for location in locations):
                self.used.add(entry)
                return True
        return False

    def unused(self) -> list[Suppression]:
        return [entry for entry in self.entries if entry not in self.used]


def _did_you_mean(selector: str, known: set[str], families: set[str]) -> str:
    import difflib

    near = difflib.get_close_matches(selector, sorted(known) + sorted(f"{family}/" for family in families), n=1)
    return f"; did you mean `{near[0]}`?" if near else ""


def _carriers(data: Any) -> Iterable[tuple[str, Any]]:
    """(pointer, value) of every `x-aiplint-ignore` in a parsed file, walked without recursion."""
    stack = [("", data)]
    while stack:
        pointer, node = stack.pop()
        if isinstance(node, dict):
            if MARKER in node:
                yield pointer, node[MARKER]
            stack.extend((join_pointer(pointer, key), value) for key, value in node.items() if key != MARKER)
        elif isinstance(node, list):
            stack.extend((join_pointer(pointer, index), value) for index, value in enumerate(node))
