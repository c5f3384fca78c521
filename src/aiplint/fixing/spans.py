"""Where a node's text is: the character ranges of a mapping member's key, of a whole member and of a scalar value,
found from the positions `aiplint.read` gives JSON pointers and checked against the parsed data.

A range that does not read back as what the data holds (a flow mapping, an explicit `? key`, a line break the
positions count differently) is None: the fix that needed it is not applied, rather than applied to the wrong text.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, NamedTuple

from aiplint.read.pointers import lookup, split_pointer
from aiplint.read.yaml_keys import key_string, may_be_typed, plain_key_string

if TYPE_CHECKING:
    from aiplint.read.loading import Source

_DOUBLE_QUOTED = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_SINGLE_QUOTED = re.compile(r"'(?:[^'\n]|'')*'")
_PLAIN_KEY = re.compile(r"[^\n]*?(?=[ \t]*:(?:[ \t\r\n]|\Z))")
_PLAIN_VALUE = re.compile(r"[^\n#]*?(?=[ \t]*(?:[ \t]#|\r?\n|\Z))")
_FLOW_PLAIN_VALUE = re.compile(r"[^\n#,\[\]{}]*?(?=[ \t]*(?:[,\]}]|[ \t]#|\r?\n|\Z))")
_NEXT_LINE = re.compile(r"\n( *)(?=[^ \r\n])")
# a plain scalar that reads as itself: no indicator first, no `: ` or `#` in it, no space or colon last
_PLAIN_SAFE = re.compile(r"(?!.*: )[^\s#'\"{}\[\],&*!|>%@`?:-][^\n#]*(?<![ \t:])")


class Span(NamedTuple):
    start: int
    end: int


def offset_of(text: str, line: int, column: int) -> int:
    """The character offset of a 1-based line and column (lines end at `\\n`, as positions count them); past the
    end for a line the text does not have (no token is read there)."""
    offset = 0
    for _ in range(line - 1):
        offset = text.find("\n", offset) + 1
        if not offset:
            return len(text)
    return offset + column - 1


def key_span(source: Source, pointer: str) -> Span | None:
    """The text of the key of the mapping member at `pointer`, quotes included."""
    tokens = split_pointer(pointer)
    found, parent = lookup(source.data, tokens[:-1])
    if not tokens or not found or not isinstance(parent, dict) or tokens[-1] not in parent:
        return None
    text = source.text
    start = offset_of(text, *source.position(pointer))
    token = _token(text, start, _PLAIN_KEY)
    if token is None or read_scalar(token, source.is_json) != tokens[-1]:
        return None
    return Span(start, start + len(token))


def scalar_span(source: Source, pointer: str) -> Span | None:
    """The text of the scalar value of the mapping member at `pointer` (`$ref: '#/paths/...'`), quotes included."""
    key = key_span(source, pointer)
    if key is None:
        return None
    text = source.text
    colon = _skip_white(text, key.end)
    if text[colon:colon + 1] != ":":
        return None
    start = _skip_white(text, colon + 1)
    value = lookup(source.data, split_pointer(pointer))[1]
    if not (source.is_json or isinstance(value, str)):
        value = key_string(value)  # what a plain YAML scalar (`true`) reads as
    for plain in (_PLAIN_VALUE, _FLOW_PLAIN_VALUE):  # a block mapping's value ends with its line, a flow one's sooner
        token = _token(text, start, plain)
        if token is not None and read_scalar(token, source.is_json) == value:
            return Span(start, start + len(token))
    return None


def member_span(source: Source, pointer: str) -> Span | None:
    """The text that removing the member at `pointer` removes: a YAML block member's lines (its key the first thing
    on its line), a JSON member with the comma that separates it from the next (or the previous) one; None for
    a mapping's only member, which would leave it empty."""
    key = key_span(source, pointer)
    parent = lookup(source.data, split_pointer(pointer)[:-1])[1]
    if key is None or len(parent) < 2:
        return None
    return _json_member(source.text, key) if source.is_json else _yaml_member(source.text, key)


def block_indent(text: str, key: Span | None) -> str | None:
    """The indentation of a block mapping's key that starts its line (after spaces, or a sequence item's `- `),
    which a new member after it takes; None in flow mappings (a member follows a comma there)."""
    if key is None:
        return None
    line_start = text.rfind("\n", 0, key.start) + 1
    before = text[line_start:key.start]
    in_flow = text[:line_start].rstrip().endswith(("{", ",", "["))  # a flow mapping written over several lines
    return " " * len(before) if before.replace("- ", "  ").strip(" ") == "" and not in_flow else None


def _yaml_member(text: str, key: Span) -> Span | None:
    line_start = text.rfind("\n", 0, key.start) + 1
    indent = key.start - line_start
    if text[line_start:key.start].strip(" "):
        return None  # a flow mapping, or the first key of a sequence item (`- name: ...`)
    end = next((line.start() + 1 for line in _NEXT_LINE.finditer(text, key.start) if len(line.group(1)) <= indent),
               len(text))
    # the blank lines before the next member stay: the member ends with its last line that has text
    last_line_end = text.find("\n", len(text[:end].rstrip(" \t\r\n")))
    return Span(line_start, last_line_end + 1 if 0 <= last_line_end < end else end)


def _json_member(text: str, key: Span) -> Span | None:
    decoder = json.JSONDecoder()
    colon = _skip_white(text, key.end)
    try:
        _, value_end = decoder.raw_decode(text, _skip_white(text, colon + 1))
    except ValueError:
        return None
    after = _skip_white(text, value_end)
    if text[after:after + 1] == ",":
        return Span(key.start, _skip_white(text, after + 1))
    before = text[:key.start].rstrip(" \t\r\n")
    if not before.endswith(","):
        return None
    return Span(len(before) - 1, value_end)


def _skip_white(text: str, offset: int) -> int:
    """The offset of the first character at or after `offset` that is no white space."""
    while offset < len(text) and text[offset] in " \t\r\n":
        offset += 1
    return offset


def _token(text: str, start: int, plain: re.Pattern[str]) -> str | None:
    """The scalar token starting at `start`: quoted, or plain up to what ends it."""
    first = text[start:start + 1]
    pattern = _DOUBLE_QUOTED if first == '"' else _SINGLE_QUOTED if first == "'" else plain
    match = pattern.match(text, start)
    return match.group() if match and match.group() else None


def read_scalar(token: str, is_json: bool) -> Any:
    """The string a scalar token reads as (a key as the loader makes it one): JSON, quoted or plain YAML."""
    if token.startswith('"') or is_json:
        try:
            return json.loads(token)
        except ValueError:
            return None
    if token.startswith("'"):
        return token[1:-1].replace("''", "'")
    return plain_key_string(token) if may_be_typed(token) else token


def write_scalar(value: str, like: str, is_json: bool) -> str:
    """`value` written as the token `like` is: JSON, double- or single-quoted, or plain where it reads back."""
    if is_json or like.startswith('"'):
        return json.dumps(value, ensure_ascii=False)
    if not like.startswith("'") and _PLAIN_SAFE.fullmatch(value) and not may_be_typed(value):
        return value
    return "'" + value.replace("'", "''") + "'"
