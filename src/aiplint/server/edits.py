"""The text the editor inserts: an `x-aiplint-ignore` entry (README, "Inline suppression") written into the object
it covers, in the file's own syntax and indentation, every other byte left as it is; and where a finding's token
ends, for its diagnostic's range."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from aiplint.model.suppression import MARKER
from aiplint.read.pointers import join_pointer, lookup, split_pointer

if TYPE_CHECKING:
    from aiplint.read.loading import Source

REASON = "TODO: why this is accepted"  # a placeholder the author replaces (an empty reason suppresses nothing)
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./-]*\Z")
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'|[^\s:,{}\[\]]+(?::[^\s,{}\[\]]+)*')


def ignore_edit(source: Source, pointer: str, rule_id: str) -> tuple[Source, int, int, str] | None:
    """(file, 0-based line, character, text to insert) that adds `rule_id: <reason placeholder>` to the
    `x-aiplint-ignore` of the object at `pointer` (creating it); None where the object is not a block mapping
    (YAML) or an object with members (JSON), which a hand edit serves better."""
    found, node = lookup(source.data, split_pointer(pointer))
    if not found or not isinstance(node, dict) or not node:
        return None
    existing = node.get(MARKER)
    adding_to = isinstance(existing, dict) and bool(existing)
    first = next(iter(existing if adding_to and isinstance(existing, dict) else node))
    anchor = join_pointer(pointer, MARKER, first) if adding_to else join_pointer(pointer, first)
    line, column = source.position(anchor)
    text = source.text
    start = _line_start(text, line)
    before = text[start:start + column - 1]
    if source.is_json:
        entry = f"{json.dumps(rule_id)}: {json.dumps(REASON)}"
        inserted = entry if adding_to else f"{json.dumps(MARKER)}: {{{entry}}}"
        rest = "\n" + before if not before.strip() else " "
        return source, line - 1, column - 1, inserted + "," + rest
    if before.strip(" -") or "\t" in before:  # a flow mapping, or a key on the line of its parent
        return None
    indent = " " * len(before)
    key = rule_id if _PLAIN_KEY.match(rule_id) else json.dumps(rule_id)
    entry = f"{key}: {json.dumps(REASON)}\n{indent}"
    return source, line - 1, column - 1, entry if adding_to else f"{MARKER}:\n{indent}  {entry}"


def token_end(line: str, start: int) -> int:
    """Where the key, string or word that starts at `start` ends (the end of the line's text at worst)."""
    match = _TOKEN.match(line, start)
    return match.end() if match and match.end() > start else max(start, len(line.rstrip()))


def _line_start(text: str, line: int) -> int:
    """The offset of the 1-based line `line` (lines end at `\\n`, as the positions count them)."""
    offset = 0
    for _ in range(line - 1):
        offset = text.index("\n", offset) + 1
    return offset
