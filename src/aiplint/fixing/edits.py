"""A rule's `Fix` as text edits: character ranges of the files' text and what replaces them.

`RenamePath` rewrites the path key and every `$ref` and link `operationRef` quoting it (`#/paths/~1v1~1job/get`),
in whichever file of the document it is; `RemoveMember` removes a member's text (`spans.member_span`); `SetValue`
rewrites a scalar value in its own quoting; `AddMember` writes a member after a scalar one, on a line of its own at
its indentation in a block mapping, after a comma in a flow mapping or JSON.  A fix
with an edit whose text cannot be found surely is not applied at all (`None`): half a rename would leave `$ref`s
that resolve nowhere.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Iterator
from urllib.parse import quote, unquote

from aiplint.fixing.spans import block_indent, key_span, member_span, scalar_span, write_scalar
from aiplint.read.pointers import escape_token, join_pointer
from aiplint.rule import AddMember, Edit, Fix, RemoveMember, RenamePath, SetValue

if TYPE_CHECKING:
    from aiplint.linting.findings import Finding
    from aiplint.read.document import Document
    from aiplint.read.loading import Source

_QUOTING_KEYS = ("$ref", "operationRef")  # the members whose value may quote a path of the document


@dataclass(frozen=True)
class TextEdit:
    """Replace the characters `start:end` of the file at the real path `file` with `text`.  Edits with one `guard`
    conflict even where their ranges do not meet: two removals from one mapping could leave it empty, an addition
    beside a removal could lose its comma."""

    file: str
    start: int
    end: int
    text: str
    guard: str = ""

    def meets(self, other: TextEdit) -> bool:
        if self.file != other.file:
            return False
        if self.guard and self.guard == other.guard:
            return True
        return self.start < other.end and other.start < self.end or self.start == other.start


class EditFinder:
    """Finds the text edits of fixes in one version of a document (the places quoting its paths found once)."""

    def __init__(self, document: Document):
        self.document = document
        self._quoting: list[tuple[Source, str, str]] | None = None

    def edits(self, fix: Fix) -> list[TextEdit] | None:
        """The fix's text edits; None when one of them cannot be made."""
        found: list[TextEdit] = []
        for edit in fix.edits:
            made = self._made(edit)
            if made is None:
                return None
            found += made
        return found

    def apart(self, findings: Iterable[Finding]) -> list[tuple[Finding, list[TextEdit]]]:
        """The fixes of the findings (in their order) that can be made together, each with its edits: one whose
        edits meet those of one before it waits (`TextEdit.meets`), as does one whose text is not found."""
        taken: list[TextEdit] = []
        chosen: list[tuple[Finding, list[TextEdit]]] = []
        for finding in findings:
            edits = self.edits(finding.fix) if finding.fix is not None else None
            if edits is None or any(edit.meets(other) for edit in edits for other in taken):
                continue
            chosen.append((finding, edits))
            taken += edits
        return chosen

    def _made(self, edit: Edit) -> list[TextEdit] | None:
        if isinstance(edit, RenamePath):
            return self._rename(edit)
        source = next((s for s in self.document.sources.values() if s.path == edit.file), None)
        if source is None:
            return None
        if isinstance(edit, RemoveMember):
            return self._remove(source, edit)
        return self._set(source, edit) if isinstance(edit, SetValue) else self._add(source, edit)

    def _set(self, source: Source, edit: SetValue) -> list[TextEdit] | None:
        span = scalar_span(source, edit.pointer)
        if span is None:
            return None
        return [TextEdit(source.abspath, span.start, span.end,
                         _value(edit.value, source.text[span.start:span.end], source.is_json))]

    def _add(self, source: Source, edit: AddMember) -> list[TextEdit] | None:
        span = scalar_span(source, edit.after)
        if span is None:
            return None
        key = write_scalar(edit.key, '"' if source.is_json else "", source.is_json)
        member = f"{key}: {_value(edit.value, '', source.is_json)}"
        indent = None if source.is_json else block_indent(source.text, key_span(source, edit.after))
        text = f", {member}" if indent is None else f"\n{indent}{member}"
        return [TextEdit(source.abspath, span.end, span.end, text, guard=_mapping_of(source, edit.after))]

    def _remove(self, source: Source, edit: RemoveMember) -> list[TextEdit] | None:
        span = member_span(source, edit.pointer)
        if span is None:
            return None
        return [TextEdit(source.abspath, span.start, span.end, "", guard=_mapping_of(source, edit.pointer))]

    def _rename(self, edit: RenamePath) -> list[TextEdit] | None:
        root = self.document.root
        key = key_span(root, join_pointer("/paths", edit.old))
        if key is None:
            return None
        token = root.text[key.start:key.end]
        edits = [TextEdit(root.abspath, key.start, key.end, write_scalar(edit.new, token, root.is_json))]
        old, new = "/paths/" + escape_token(edit.old), "/paths/" + escape_token(edit.new)
        for source, pointer, value in self._quotes():
            head, hash_, fragment = value.partition("#")
            renamed = _renamed_fragment(fragment, old, new)
            if renamed is None or not self._names_root(source, head):
                continue
            span = scalar_span(source, pointer)
            if span is None:
                return None
            edits.append(TextEdit(source.abspath, span.start, span.end,
                                  write_scalar(head + hash_ + renamed, source.text[span.start:span.end],
                                               source.is_json)))
        return edits

    def _names_root(self, source: Source, file: str) -> bool:
        """Whether the file part of a reference in `source` is the document's root file."""
        if not file:
            return source is self.document.root
        return os.path.realpath(os.path.join(os.path.dirname(source.abspath), file)) == self.document.root.abspath

    def _quotes(self) -> list[tuple[Source, str, str]]:
        """(file, pointer, value) of every `$ref` and `operationRef` that may quote a path (its value mentions
        `/paths/`), in every file of the document."""
        if self._quoting is None:
            self._quoting = [(source, pointer, value) for source in list(self.document.sources.values())
                             if "/paths/" in source.text for pointer, value in _quoting_members(source.data)]
        return self._quoting


def _quoting_members(data: Any) -> Iterator[tuple[str, str]]:
    """(pointer, value) of each `$ref` or `operationRef` string mentioning `/paths/`, walked without recursion."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        pointer, node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key in _QUOTING_KEYS and isinstance(value, str) and "/paths/" in value:
                    yield join_pointer(pointer, key), value
                elif isinstance(value, (dict, list)):
                    stack.append((join_pointer(pointer, key), value))
        elif isinstance(node, list):
            stack.extend((join_pointer(pointer, index), value) for index, value in enumerate(node))


def _renamed_fragment(fragment: str, old: str, new: str) -> str | None:
    """A reference's fragment with the pointer `old` at its start (a whole token) made `new`; None when it does not
    start so.  A fragment is a URI's, percent-encoded where its writer chose (`~1%7Bid%7D`): the new pointer is
    encoded as the old one was, character for character, and the rest is kept as written."""
    decoded = unquote(fragment)
    if not (decoded == old or decoded.startswith(old + "/")):
        return None
    written = next((end for end in range(len(old), len(fragment) + 1) if unquote(fragment[:end]) == old), None)
    if written is None:
        return None
    prefix = fragment[:written]
    encoded = {char for char in set(old) if quote(char, safe="") in prefix and char not in prefix}
    return "".join(quote(char, safe="") if char in encoded else char for char in new) + fragment[written:]


def _mapping_of(source: Source, pointer: str) -> str:
    """The guard of the edits that add or remove members of one mapping: one such edit a pass."""
    return f"{source.abspath}#{pointer.rsplit('/', 1)[0]}"


def _value(value: str | bool, like: str, is_json: bool) -> str:
    """A scalar as the file writes it: `true`, or a string quoted as `like` is."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return write_scalar(value, like, is_json)


def apply(text: str, edits: list[TextEdit]) -> str:
    """The text with the edits (of this one file, none meeting another) made."""
    pieces, done = [], 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        pieces += [text[done:edit.start], edit.text]
        done = edit.end
    return "".join(pieces) + text[done:]
