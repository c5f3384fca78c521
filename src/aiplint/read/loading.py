"""Loading one file: reading it safely, decoding it, and parsing it fast and safely into a :class:`Source`.

Parsing: YAML with ``yaml_rs`` (Rust, YAML 1.2), ``.json`` files with ``orjson``.  Every problem with an input
file is an :class:`InputError` whose ``str()`` is one line ``PATH:LINE:COL: message``.  Positions are not
computed while loading; :meth:`Source.positions` finds them later, for the few pointers that have findings (see
:mod:`aiplint.read.locate`).  Following ``$ref``s to other files is :mod:`aiplint.read.references`' business.

Heavy modules (yaml_rs, orjson, PyYAML) are imported inside functions to keep start-up fast.
"""

from __future__ import annotations

import os
import re
import stat
from typing import Any, Iterable

from aiplint.errors import AiplintError
from aiplint.read.escaping import printable
from aiplint.read.trust import confine
from aiplint.read.trust import project_root as project_of
from aiplint.read.yaml_keys import key_string, yaml_key_string

__all__ = ["InputError", "Source", "read_file", "read_spec", "load_source", "decode", "decode_leniently",
           "declares_openapi"]

# Aliases are rare in OpenAPI documents; a legitimate spec replays far fewer events than this.
# A billion-laughs bomb hits the limit after a few milliseconds.
_MAX_REPLAYED_EVENTS = 500_000

# yaml_rs recurses on block nesting and overflows the C stack somewhere above ~8000 levels (segfault).
# Each block nesting level needs at least one more character of indentation or of "- ", "? ", ": "
# indicators at the start of a line, so a line whose leading run of those characters is this long is
# rejected before parsing.  (Flow nesting is limited by yaml_rs itself, at 255.)
_MAX_LINE_PREFIX = 600
# `\n` first, not `(?:^|\n)`: a literal start lets the regex engine skip to newlines (10x faster on 10 MB).
_DEEP_PREFIX = re.compile(r"\n[ \t?:-]{%d}" % _MAX_LINE_PREFIX)

# Aliases replay an anchored node, so a small file can expand to a huge or very deep document.  When a file has
# aliases that name one of its anchors, the expansion is measured on libyaml's event stream (which expands
# nothing) before yaml_rs builds it.  Anchors and aliases are found by their indicator after a space, a line start
# or a flow indicator; text that only looks like one (`{&page}` in a URL template) costs the slow check, nothing more.
_MAX_ALIAS_CHARACTERS = 16 * 1024 * 1024  # scalar text added by aliases, over the whole document
_MAX_DEPTH = 1000  # nesting of the expanded document (JSON: orjson stops at 1024)
_ANCHOR_NAME = re.compile(r"&([^\s\[\]{},]+)")
_ALIAS_NAME = re.compile(r"\*([^\s\[\]{},]+)")

_BLANK_YAML = re.compile(r"(?:[ \t\r\n]+|#[^\n]*|(?:---|\.\.\.)(?=[ \t\r\n]|$)|%[^\n]*)*")
_PLAIN_TYPED = re.compile(r"[-+.~0-9]|(?:true|false|null)\Z", re.I)  # plain scalars YAML may read as non-strings
_DOC_MARKER = re.compile(r"^(?:---|\.\.\.)(?:[ \t\r\n]|$)", re.M)
_YAML_ERR = re.compile(r"YAML parse error at line (\d+), column (\d+)")


class InputError(AiplintError):
    """A file that cannot be used: unreadable, not valid YAML/JSON, an alias bomb, ..."""

    path: str
    line: int
    column: int
    message: str

    def __init__(self, path: str, message: str, line: int = 1, column: int = 1):
        self.path = path
        self.message = " ".join(str(message).split()) or "invalid input"
        self.line = max(1, int(line))
        self.column = max(1, int(column))
        super().__init__(self.path, self.message, self.line, self.column)

    def __str__(self) -> str:
        return printable(f"{self.path}:{self.line}:{self.column}: {self.message}")


class Source:
    """One parsed file."""

    __slots__ = ("path", "abspath", "data", "is_json", "_text", "_raw", "_positions")

    path: str
    data: Any
    is_json: bool

    def __init__(self, path: str, data: Any, *, text: str | None = None, raw: bytes | None = None,
                 is_json: bool = False, abspath: str | None = None):
        self.path = path
        self.abspath = abspath or os.path.abspath(path)
        self.data = data
        self.is_json = is_json
        self._text = text
        self._raw = raw  # JSON only: the undecoded bytes, decoded on first use of .text
        self._positions: dict[str, tuple[int, int]] = {}

    @property
    def text(self) -> str:
        if self._text is None:
            raw, self._raw = self._raw or b"", None
            self._text = raw.decode("utf-8", errors="replace")
        return self._text

    @property
    def size(self) -> int:
        """The file's length (bytes of a JSON file not decoded yet, else characters), without decoding it."""
        return len(self._raw) if self._text is None and self._raw is not None else len(self.text)

    def mentions(self, word: str) -> bool:
        """Whether the file's text contains `word` (an ASCII word: searched in the bytes when not decoded yet)."""
        if self._text is None and self._raw is not None:
            return word.encode("ascii") in self._raw
        return word in self.text

    def __repr__(self) -> str:
        return f"Source({self.path!r})"

    def position(self, pointer: str) -> tuple[int, int]:
        """(line, column), 1-based, of the node at ``pointer`` (of its key for a mapping member)."""
        pos = self._positions.get(pointer)
        if pos is None:
            pos = self.positions((pointer,))[pointer]
        return pos

    def positions(self, pointers: Iterable[str]) -> dict[str, tuple[int, int]]:
        """Positions of many pointers, found in one pass over the file; memoised."""
        memo = self._positions
        wanted = list(pointers)
        missing = [p for p in dict.fromkeys(wanted) if p not in memo]
        if missing:
            from aiplint.read import locate

            memo.update(locate.locate(self, missing))
        return {p: memo[p] for p in wanted}


def decode(path: str, raw: bytes) -> str:
    """Decode file bytes; UTF-8 (optional BOM), or UTF-16/32 with a BOM."""
    if raw.startswith(b"\xef\xbb\xbf"):
        body = raw[3:]
    elif raw[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        return _decode_bom(path, raw, "utf-32")
    elif raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return _decode_bom(path, raw, "utf-16")
    else:
        body = raw
    nul = body.find(b"\x00")
    if nul >= 0:
        line, col = _byte_position(body, nul)
        raise InputError(path, "binary file (contains a NUL byte), expected YAML or JSON text", line, col)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as e:
        line, col = _byte_position(body, e.start)
        raise InputError(path, f"invalid UTF-8 (byte 0x{body[e.start]:02x}); save the file as UTF-8",
                         line, col) from None


def _decode_bom(path: str, raw: bytes, codec: str) -> str:
    try:
        text = raw.decode(codec)  # the codec consumes the BOM
    except UnicodeDecodeError as e:
        raise InputError(path, f"invalid {codec.upper()} text ({e.reason})") from None
    nul = text.find("\x00")
    if nul >= 0:
        line, col = _text_position(text, nul)
        raise InputError(path, "binary file (contains a NUL character), expected YAML or JSON text", line, col)
    return text


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, len(data[start:offset].decode("utf-8", errors="replace")) + 1


def _text_position(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def read_file(path: str, *, pipe_ok: bool = False) -> bytes:
    """The bytes of a regular file, or of a named pipe with `pipe_ok` (`<(...)` named on the command line).
    Anything else (a directory, a device, a socket, a FIFO reached by `$ref` or a directory walk) is refused
    without being opened, and the opened file is checked again, so one swapped in meanwhile is refused too."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except NotADirectoryError:
        raise InputError(path, "file not found (a parent is not a directory)") from None
    except OSError as e:
        raise InputError(path, f"cannot read file: {e.strerror or e}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(path, "is a directory, expected a YAML or JSON file")
    pipe = pipe_ok and stat.S_ISFIFO(st.st_mode)
    if not (stat.S_ISREG(st.st_mode) or pipe):
        raise InputError(path, "not a regular file; not read")
    try:
        # O_NONBLOCK: opening a FIFO swapped in after the check must not wait for a writer
        fd = os.open(path, os.O_RDONLY | (0 if pipe else getattr(os, "O_NONBLOCK", 0)))
    except PermissionError:
        raise InputError(path, "cannot read file: permission denied") from None
    except OSError as e:
        raise InputError(path, f"cannot read file: {e.strerror or e}") from None
    with os.fdopen(fd, "rb") as f:
        if stat.S_IFMT(os.fstat(fd).st_mode) != stat.S_IFMT(st.st_mode):
            raise InputError(path, "not a regular file; not read")
        try:
            return f.read()
        except OSError as e:
            raise InputError(path, f"cannot read file: {e.strerror or e}") from None


def load_source(path: str, text: str | None = None, *, raw: bytes | None = None, _abspath: str | None = None,
                pipe_ok: bool = False) -> Source:
    """Read and parse one file (``text`` or its bytes ``raw`` given: do not read the disk).  Raises
    :class:`InputError`."""
    is_json = path.lower().endswith(".json")
    if text is None:
        raw = read_file(path, pipe_ok=pipe_ok) if raw is None else raw
        if is_json and not raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
            return _load_json_bytes(path, raw, _abspath)
        text = decode(path, raw)
    else:
        if text.startswith("\ufeff"):
            text = text[1:]
        nul = text.find("\x00")
        if nul >= 0:
            line, col = _text_position(text, nul)
            raise InputError(path, "binary file (contains a NUL character), expected YAML or JSON text", line, col)
    if is_json:
        data = _parse_json(path, text)
        return Source(path, data, text=text, is_json=True, abspath=_abspath)
    data = _parse_yaml(path, text)
    return Source(path, data, text=text, is_json=False, abspath=_abspath)


def read_spec(path: str, walked_from: str | None = None) -> bytes:
    """The bytes of a root file.  `walked_from`: the folder whose walk found the file; such a file must be a
    regular file (a named pipe is read only when named) and, through any symbolic link, stay in that folder's
    project."""
    if walked_from is not None:
        real = os.path.join(os.path.realpath(os.path.dirname(os.path.abspath(path))), os.path.basename(path))
        if confine(real, project_of(os.path.realpath(walked_from))) is None:
            raise InputError(path, "a symbolic link to outside the project; not read")
    return read_file(path, pipe_ok=walked_from is None)


# --------------------------------------------------------------------------------------------------
# JSON


def _load_json_bytes(path: str, raw: bytes, abspath: str | None) -> Source:
    import orjson

    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError as e:
        # Report encoding problems (with the position of the bad byte) before syntax errors.
        decode(path, raw)
        if not body.strip():
            raise InputError(path, "file is empty") from None
        raise InputError(path, f"invalid JSON: {e.msg}", e.lineno, e.colno) from None
    return Source(path, data, raw=body, is_json=True, abspath=abspath)


def _parse_json(path: str, text: str) -> Any:
    import orjson

    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as e:
        if not text.strip():
            raise InputError(path, "file is empty") from None
        if "surrogates" in e.msg:  # lone surrogate in a str given by the caller
            raise InputError(path, "invalid text (unpaired surrogate)") from None
        raise InputError(path, f"invalid JSON: {e.msg}", e.lineno, e.colno) from None


# --------------------------------------------------------------------------------------------------
# YAML


def _parse_yaml(path: str, text: str) -> Any:
    import yaml_rs

    m = _DEEP_PREFIX.match("\n" + text[:_MAX_LINE_PREFIX]) or _DEEP_PREFIX.search(text)
    if m is not None:
        start = m.start() + (text[m.start()] == "\n")
        line, _ = _text_position(text, start)
        raise InputError(path, f"YAML nesting is too deep (more than {_MAX_LINE_PREFIX} levels of indentation)",
                         line, 1)
    if _node_properties(_ANCHOR_NAME, text) & _node_properties(_ALIAS_NAME, text):
        _check_aliases(path, text)
    try:
        try:
            data = _yaml_rs_loads(text)
        except yaml_rs.YAMLDecodeError as e:
            quoted = _quote_plain_keys(text) if str(e).startswith("duplicate mapping key") else None
            if quoted is None:
                raise
            data = _yaml_rs_loads(quoted)  # `1:` and `true:` are equal keys in Python, not as strings
    except yaml_rs.YAMLDecodeError as e:
        raise _yaml_error(path, text, str(e)) from None
    except TypeError:  # yaml_rs cannot hash a key that holds a mapping (`? {a: {b: 1}}`)
        raise InputError(path, "invalid YAML: a mapping key that contains a mapping is not supported") from None
    except (RecursionError, MemoryError, OverflowError, ValueError) as e:
        raise InputError(path, f"invalid YAML: {type(e).__name__}: {e}") from None
    if data is None:
        if _BLANK_YAML.fullmatch(text):
            raise InputError(path, "file is empty (no YAML content)")
        return None
    if type(data) is list and _DOC_MARKER.search(text):
        pos = _second_document(text)
        if pos is not None:
            raise InputError(path, "more than one YAML document in the file (a second '---'); "
                                   "expected a single document", *pos)
    return _normalize_keys(path, text, data)


def _yaml_rs_loads(text: str) -> Any:
    import yaml_rs

    return yaml_rs.loads(
        text,
        parse_datetime=False,
        alias_limits=yaml_rs.AliasLimits(max_total_replayed_events=_MAX_REPLAYED_EVENTS),
        duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error,
    )


def _node_properties(pattern: re.Pattern[str], text: str) -> set[str]:
    """The names of anchors (or aliases) in the text: an indicator where a node can start (text start, after
    whitespace or a flow indicator).  A literal first character keeps the scan at a few ms for 10 MB."""
    return {m.group(1) for m in pattern.finditer(text) if m.start() == 0 or text[m.start() - 1] in " \t\r\n[{,"}


def _check_aliases(path: str, text: str) -> None:
    """Refuse a document whose aliases would add more than `_MAX_ALIAS_CHARACTERS` of text or nest it deeper
    than `_MAX_DEPTH`, from the sizes and depths of the anchored nodes (one pass, nothing expanded)."""
    import yaml

    anchors: dict[str, tuple[int, int]] = {}  # anchor -> (characters, depth) of its node, aliases expanded
    frames: list[list[Any]] = [[None, 0, 0]]  # each open collection: its anchor, characters, depth below it
    added = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                frames.append([event.anchor, 0, 0])
                continue
            if isinstance(event, yaml.ScalarEvent):
                size, depth = len(event.value), 0
                if event.anchor:
                    anchors[event.anchor] = (size, 0)
            elif isinstance(event, yaml.CollectionEndEvent):
                anchor, size, below = frames.pop()
                depth = below + 1
                if anchor:
                    anchors[anchor] = (size, depth)
            elif isinstance(event, yaml.AliasEvent):
                size, depth = anchors.get(event.anchor or "", (0, 0))
                added += size
                if added > _MAX_ALIAS_CHARACTERS or len(frames) - 1 + depth > _MAX_DEPTH:
                    too_big = added > _MAX_ALIAS_CHARACTERS
                    what = (f"expand to more than {_MAX_ALIAS_CHARACTERS >> 20} MiB of text" if too_big
                            else f"nest the document more than {_MAX_DEPTH} levels deep")
                    raise InputError(path, f"YAML aliases {what} (possible alias bomb)",
                                     *_mark_position(event.start_mark))
            else:
                continue
            frames[-1][1] += size
            frames[-1][2] = max(frames[-1][2], depth)
    except yaml.YAMLError:
        return  # a syntax error: yaml_rs reports it, with its own message


def _quote_plain_keys(text: str) -> str | None:
    """The text with every plain mapping key that YAML reads as a number, boolean or null written as the
    quoted string aiplint makes of it (`true:` -> `"true":`), so that yaml_rs compares keys as strings; None
    when two keys of one mapping are equal as strings too (a real duplicate) or the text does not compose."""
    import json

    import yaml

    try:
        stack = [yaml.compose(text, Loader=yaml.CSafeLoader)]
    except yaml.YAMLError:
        return None
    edits = []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            keys = [yaml_key_string(key) for key, _ in node.value if key.value != "<<"]
            if len(set(keys)) != len(keys):
                return None
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and not key.style and _PLAIN_TYPED.match(key.value):
                    edits.append((key.start_mark.index, key.end_mark.index, json.dumps(yaml_key_string(key))))
                stack += (key, value)
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
    for start, end, quoted in sorted(set(edits), reverse=True):
        text = text[:start] + quoted + text[end:]
    return text


def _yaml_error(path: str, text: str, msg: str) -> InputError:
    m = _YAML_ERR.match(msg)
    if m:
        lines = [ln for ln in msg.splitlines()[1:] if ln.strip() and not ln.lstrip().startswith(("|", "^"))
                 and not re.match(r"\s*\d+ \|", ln)]
        reason = lines[-1].strip() if lines else msg.splitlines()[-1].strip()
        return InputError(path, f"invalid YAML: {reason}", int(m.group(1)), int(m.group(2)))
    if msg.startswith("duplicate mapping key"):
        key = msg.partition(":")[2].strip()
        target = _key_from_repr(key)
        pos = _duplicate_key_position(text, target)
        shown = target if target is not None else key
        return InputError(path, f"duplicate mapping key '{shown}'", *(pos or (1, 1)))
    if "alias" in msg and "limit" in msg:
        return InputError(path, f"too many YAML alias expansions (possible alias bomb): {msg}")
    return InputError(path, f"invalid YAML: {msg}")


def _key_from_repr(text: str) -> str | None:
    import ast

    try:
        return key_string(ast.literal_eval(text))
    except Exception:
        return None


def _second_document(text: str) -> tuple[int, int] | None:
    """Position of the start of the second document of a YAML stream, or None if there is one."""
    import yaml

    try:
        n = 0
        for ev in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(ev, yaml.DocumentStartEvent):
                n += 1
                if n == 2:
                    return _mark_position(ev.start_mark)
        return None
    except yaml.YAMLError:
        markers = list(_DOC_MARKER.finditer(text))
        return _text_position(text, markers[min(1, len(markers) - 1)].start())


def _mark_position(mark: Any) -> tuple[int, int]:
    """The 1-based (line, column) of a PyYAML mark (every event and node of a parse has them)."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _normalize_keys(path: str, text: str, data: Any) -> Any:
    """Make every mapping key a str, rebuilding (in place) only the dicts that have other keys."""
    t = type(data)
    if t is not dict and t is not list:
        return data
    import orjson

    try:
        orjson.dumps(data)  # C-speed check: raises on any non-str key (and on >64-bit ints, deep nesting)
        return data
    except TypeError:
        pass
    stack = [data]
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        if type(node) is dict:
            for k in node:
                if type(k) is not str:
                    items = [(key_string(k2), v) for k2, v in node.items()]
                    new = dict(items)
                    if len(new) != len(items):
                        seen: set[str] = set()
                        dup = next(k2 for k2, _ in items if k2 in seen or seen.add(k2))  # type: ignore[func-returns-value]
                        pos = _duplicate_key_position(text, dup)
                        raise InputError(path, f"duplicate mapping key '{dup}' (keys are compared as strings)",
                                         *(pos or (1, 1)))
                    node.clear()
                    node.update(new)
                    break
            for v in node.values():
                tv = type(v)
                if tv is dict or tv is list:
                    push(v)
        else:
            for v in node:
                tv = type(v)
                if tv is dict or tv is list:
                    push(v)
    return data


def _duplicate_key_position(text: str, key: str | None) -> tuple[int, int] | None:
    """Position of the second occurrence of a duplicate key (rare path: composes the whole file)."""
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except Exception:
        return None
    first = None
    stack = [root]
    seen_nodes: set[int] = set()
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for kn, _ in node.value:
                ks = yaml_key_string(kn)
                if ks in keys and kn.value != "<<":
                    pos = _mark_position(kn.start_mark)
                    if key is None or ks == key:
                        if first is None or pos < first:
                            first = pos
                keys.add(ks)
            for kn, vn in reversed(node.value):
                stack.append(vn)
                stack.append(kn)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return first


# A top-level `openapi:` or `swagger:` key of a YAML document: at the start of a line, quoted or not.
_YAML_VERSION_KEY = re.compile(r"""^(?:openapi|swagger|"openapi"|"swagger"|'openapi'|'swagger')[ \t]*:(?:[ \t]|$)""",
                               re.M)
# The tokens that decide the depth of a JSON key: strings (a key when a colon follows), brackets, comments.
_JSON_TOKEN = re.compile(r'"((?:[^"\\\n]|\\.)*)"(\s*:)?|[{}\[\]]|//[^\n]*|/\*[\s\S]*?(?:\*/|\Z)')


def declares_openapi(content: str | bytes) -> bool:
    """Whether a file is recognisably an OpenAPI document even when it does not parse: it has a top-level
    `openapi` or `swagger` key (YAML: at the start of a line; JSON: a key of the outermost object, comments
    aside).  One linear scan, nothing parsed."""
    text = decode_leniently(content) if isinstance(content, bytes) else content
    if _YAML_VERSION_KEY.search(text):
        return True
    depth = 0
    for token in _JSON_TOKEN.finditer(text):
        lexeme = token[0]
        if lexeme in "{[":
            depth += 1
        elif lexeme in "}]":
            depth -= 1
        elif token[2] and depth == 1 and token[1] in ("openapi", "swagger"):
            return True
    return False


def decode_leniently(raw: bytes) -> str:
    """Text to scan, not to parse: decoded by its BOM, else as UTF-8, what does not decode replaced."""
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
                       (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace")
    return raw.decode("utf-8", errors="replace")
