"""Lazy source positions for JSON pointers.

Positions are looked up after linting, only for the pointers that have findings, in one batch per
file (see :meth:`aiplint.read.document.Source.positions`).  For a mapping member the position is that of
its key; for a sequence item, the item's start; for a pointer that does not exist, the deepest
existing ancestor.  Lines and columns are 1-based and count characters.

* JSON: a skipping scanner over the text.  The requested pointers form a trie; the scanner walks
  from the root and descends only into members on the trie, skipping every other value with the C
  scanner of :mod:`json`.  No document-wide parse tree is built.
* YAML: block-structured YAML is narrowed down textually (by indentation) to the small regions that
  contain the requested nodes; only those regions are composed with PyYAML's C composer (libyaml),
  whose nodes carry marks.  Anything unusual (flow collections, anchors, explicit keys, ...) makes
  the region, or at worst the whole file, be composed instead.
"""

from __future__ import annotations

import re
from typing import Any, Callable, cast

from aiplint.read.pointers import array_index, split_pointer
from aiplint.read.yaml_keys import may_be_typed, plain_key_string, yaml_key_string

__all__ = ["locate"]

Pos = tuple[int, int]


def locate(source: Any, pointers: list[str]) -> dict[str, Pos]:
    """Positions of ``pointers`` in ``source`` (an :class:`aiplint.read.document.Source`); never raises."""
    parsed: dict[str, list[str]] = {}
    out: dict[str, Pos] = {}
    for p in pointers:
        try:
            parsed[p] = split_pointer(p)
        except ValueError:
            out[p] = (1, 1)
    if not parsed:
        return out
    try:
        if source.is_json:
            out.update(json_positions(source.text, parsed))
        else:
            out.update(yaml_positions(source.text, parsed))
    except (RecursionError, MemoryError, Exception):  # noqa: BLE001 - positions are best effort
        for p in parsed:
            out.setdefault(p, (1, 1))
    for p in parsed:
        out.setdefault(p, (1, 1))
    return out


class _Trie:
    __slots__ = ("children", "offset", "found", "pos")

    def __init__(self) -> None:
        self.children: dict[str, _Trie] = {}
        self.offset = -1  # JSON: character offset of the node (key for members)
        self.found = False
        self.pos: Pos | None = None  # YAML: 1-based position


def _build_trie(parsed: dict[str, list[str]]) -> _Trie:
    root = _Trie()
    for toks in parsed.values():
        node = root
        for t in toks:
            nxt = node.children.get(t)
            if nxt is None:
                nxt = node.children[t] = _Trie()
            node = nxt
    return root


def _count_nodes(trie: _Trie) -> int:
    n, stack = 0, [trie]
    while stack:
        t = stack.pop()
        n += 1
        stack.extend(t.children.values())
    return n


# --------------------------------------------------------------------------------------------------
# JSON

_WS = re.compile(r"[ \t\n\r]*")


def json_positions(text: str, parsed: dict[str, list[str]]) -> dict[str, Pos]:
    import json
    import json.decoder
    import json.scanner

    # typeshed has make_scanner as the C scanner class and no scanstring; both are json's own, C where it can
    scan_once = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]
    scanstring = json.decoder.scanstring  # type: ignore[attr-defined]
    ws = cast(Callable[[str, int], re.Match[str]], _WS.match)  # matches everywhere (possibly nothing)

    trie = _build_trie(parsed)
    remaining = _count_nodes(trie)
    p = ws(text, 0).end()
    trie.offset, trie.found = p, True
    remaining -= 1
    try:
        if remaining and p < len(text) and text[p] in "{[" and trie.children:
            # frames: [trie node, is_object, next array index]
            stack: list[list[Any]] = [[trie, text[p] == "{", 0]]
            p += 1
            while stack and remaining:
                frame = stack[-1]
                p = ws(text, p).end()
                c = text[p]
                if c == "}" or c == "]":
                    stack.pop()
                    p += 1
                    continue
                if c == ",":
                    p = ws(text, p + 1).end()
                    c = text[p]
                start = p
                if frame[1]:
                    if c != '"':
                        break
                    key, p = scanstring(text, p + 1)
                    p = ws(text, p).end()
                    if text[p] != ":":
                        break
                    p = ws(text, p + 1).end()
                    child = frame[0].children.get(key)
                else:
                    child = frame[0].children.get(str(frame[2]))
                    frame[2] += 1
                if child is not None and not child.found:
                    child.offset, child.found = start, True
                    remaining -= 1
                    if child.children and text[p] in "{[":
                        stack.append([child, text[p] == "{", 0])
                        p += 1
                        continue
                _, p = scan_once(text, p)
    except (StopIteration, ValueError, IndexError, RecursionError):
        pass  # malformed or too deep: keep what was found, ancestors for the rest

    # 1-based positions from offsets: one incremental pass over sorted offsets (the start of the line too: a
    # minified document is one line of megabytes, which a search back from each offset would scan again and again)
    offsets = sorted({_deepest(trie, toks).offset for toks in parsed.values()})
    line_of: dict[int, Pos] = {}
    line, last, line_start = 1, 0, 0
    for off in offsets:
        line += text.count("\n", last, off)
        line_start = max(line_start, text.rfind("\n", last, off) + 1)
        last = off
        line_of[off] = (line, off - line_start + 1)
    return {p: line_of[_deepest(trie, toks).offset] for p, toks in parsed.items()}


def _deepest(trie: _Trie, toks: list[str]) -> _Trie:
    node = trie
    for t in toks:
        nxt = node.children.get(t)
        if nxt is None or not nxt.found:
            break
        node = nxt
    return node


# --------------------------------------------------------------------------------------------------
# YAML


class _YamlTree:
    """Walks composed nodes; mapping lookups are indexed on first use."""

    def __init__(self) -> None:
        self._index: dict[int, tuple[Any, dict[str, tuple[Any, Any]]]] = {}

    def member(self, node: Any, token: str) -> tuple[Any, Any] | None:
        import yaml

        if isinstance(node, yaml.MappingNode):
            entry = self._index.get(id(node))
            if entry is None:
                idx: dict[str, tuple[Any, Any]] = {}
                for k, v in node.value:
                    ks = yaml_key_string(k)
                    idx.setdefault(ks, (k, v))
                entry = self._index[id(node)] = (node, idx)
            return entry[1].get(token)
        if isinstance(node, yaml.SequenceNode):
            i = array_index(token, len(node.value))
            if i is not None:
                item = node.value[i]
                return item, item
        return None


def _mark(node: Any) -> Pos:
    m = node.start_mark
    return m.line + 1, m.column + 1


def _walk_nodes(tree: _YamlTree, node: Any, toks: list[str], pos: Pos) -> Pos:
    for t in toks:
        hit = tree.member(node, t)
        if hit is None:
            break
        pos = _mark(hit[0])
        node = hit[1]
    return pos


def _compose(text: str) -> Any:
    import yaml

    return yaml.compose(text, Loader=yaml.CSafeLoader)


def yaml_positions(text: str, parsed: dict[str, list[str]]) -> dict[str, Pos]:
    try:
        result = _yaml_positions_fast(text, parsed)
    except _Bail:
        result = None
    if result is None:
        return yaml_positions_full(text, parsed)
    return result


class _Bail(Exception):
    """The textual narrowing met something it does not understand: compose the whole file."""


# A line whose first non-space character is at column `col`: "\n" + col spaces + that character.
_LINE_RE_CACHE: dict[int, re.Pattern[str]] = {}
_CONTENT_LINE = re.compile(r"\n( *)([^ \r\n#])")
_KEY = re.compile(
    r"""(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\n]|'')*)'|([^\s#'"{}\[\],&*!|>%@`?:-][^\n]*?|[?:-][^\s][^\n]*?))"""
    r"[ \t]*:(?=[ \t\r\n])"
)
_BAD_START = frozenset("{[&*!|>%@`?\t")


def _lines_at(col: int) -> re.Pattern[str]:
    pat = _LINE_RE_CACHE.get(col)
    if pat is None:
        pat = _LINE_RE_CACHE[col] = re.compile("\n" + " " * col + "[^ \r\n#]")
    return pat


def _is_item(ntext: str, off: int) -> bool:
    return ntext[off] == "-" and ntext[off + 1] in " \t\r\n"


def _parse_key(ntext: str, off: int) -> tuple[str, int] | None:
    """Key starting at ``off`` on a block-mapping line: (key as loaded, offset after the colon)."""
    m = _KEY.match(ntext, off)
    if m is None:
        return None
    dq, sq, plain = m.groups()
    if dq is not None:
        if "\\" in dq:
            import json

            try:
                dq = json.loads('"' + dq + '"')
            except ValueError:
                return None
        return dq, m.end()
    if sq is not None:
        return sq.replace("''", "'"), m.end()
    if " #" in plain or "\t#" in plain:
        return None
    if may_be_typed(plain):
        plain = plain_key_string(plain)
    return plain, m.end()


def _rest_of_line(ntext: str, off: int) -> str:
    """The rest of the line after ``off`` with a trailing comment removed."""
    end = ntext.find("\n", off)
    rest = ntext[off:end].strip()
    if rest.startswith("#"):
        return ""
    return rest


def _next_content(ntext: str, line_end: int, limit: int) -> re.Match[str] | None:
    m = _CONTENT_LINE.search(ntext, line_end, limit)
    return m


# Regions the scan hands to the composer: (chunk start, chunk end, mode, trie node, key token); mode `member` is
# one mapping member (its key is the token), `item` one sequence item, `node` a whole node.
_Job = tuple[int, int, str, _Trie, str]
# A region still to narrow: (trie node, its start, its end, the column of its lines, "map" or "seq").
_Region = tuple[_Trie, int, int, int, str]


def _yaml_positions_fast(text: str, parsed: dict[str, list[str]]) -> dict[str, Pos] | None:
    """Narrow block YAML down by indentation; compose only the regions holding requested nodes."""
    ntext = "\n" + text + "\n"  # offsets in ntext: a line starts right after a "\n"
    trie = _build_trie(parsed)
    root = _root_region(ntext, trie)
    if root is None:
        return None
    jobs = _narrow(ntext, root)
    line_of = _line_numbers(ntext, trie, jobs)
    _compose_jobs(ntext, jobs, line_of)
    return _positions(trie, parsed)


def _root_region(ntext: str, trie: _Trie) -> _Region | None:
    """The whole document as a region: from its first content line after comments, directives and a bare
    "---"; None for a document without content."""
    limit = len(ntext) - 1
    pos = 0
    while True:
        m = _next_content(ntext, pos, limit)
        if m is None:
            return None
        c = m.group(2)
        ls = m.start() + 1
        line_end = ntext.find("\n", ls)
        line = ntext[ls:line_end].rstrip()
        if c == "%" and not m.group(1):
            pos = line_end
            continue
        if line == "---" or (line.startswith("--- ") and line[4:].lstrip().startswith("#")):
            pos = line_end
            continue
        break
    if (ntext.startswith("---", ls) or ntext.startswith("...", ls) or c in _BAD_START) and c not in "\"'":
        raise _Bail
    trie.offset = m.start(2)
    trie.found = True
    return trie, ls, limit, len(m.group(1)), "seq" if _is_item(ntext, m.start(2)) else "map"


def _narrow(ntext: str, root: _Region) -> list[_Job]:
    """Descend from the root through the requested keys and items by indentation alone, recording each found
    node's offset; what the scan cannot read becomes a job for the composer."""
    jobs: list[_Job] = []
    stack = [root]
    while stack:
        region = stack.pop()
        tnode, start, end, col, kind = region
        if not tnode.children:
            continue
        # Lines at exactly `col` inside the region: keys (mapping) or "- " items (sequence).
        bounds = [mm.end() - 1 for mm in _lines_at(col).finditer(ntext, start - 1, end)]
        if kind == "map":
            _narrow_mapping(ntext, region, bounds, stack, jobs)
        else:
            _narrow_sequence(ntext, region, bounds, jobs)
    return jobs


def _narrow_mapping(ntext: str, region: _Region, bounds: list[int], stack: list[_Region], jobs: list[_Job]) -> None:
    tnode, _, end, col, _ = region
    keys, unread = _mapping_keys(ntext, bounds, col, end)
    if unread and any(t not in keys for t in tnode.children):
        jobs += _unread_entries(unread, sorted(k[0] for k in keys.values()), col, end, tnode)
    for tok, child in tnode.children.items():
        hit = keys.get(tok)
        if hit is None:
            continue  # does not exist: the ancestor's position is used
        child.offset, child.found = hit[0], True
        if child.children:
            _descend_member(ntext, child, tok, hit, col, stack, jobs)


def _mapping_keys(ntext: str, bounds: list[int], col: int, end: int
                  ) -> tuple[dict[str, tuple[int, int, int]], list[int]]:
    """The keys of a block mapping's lines: key -> (key offset, after its colon, end of the member), and the lines
    at its column the scan cannot read as a key (`? ` explicit keys, items of an unindented sequence, ...)."""
    keys: dict[str, tuple[int, int, int]] = {}
    unread: list[int] = []
    prev_key: str | None = None
    prev_empty = False
    for b in bounds:
        if _is_item(ntext, b):
            if prev_key is None or not prev_empty:
                unread.append(b)
            continue
        if prev_key is not None:
            k0, a0, _ = keys[prev_key]
            keys[prev_key] = (k0, a0, b - col)
        pk = _parse_key(ntext, b)
        if pk is None or pk[0] in keys:
            unread.append(b)
            prev_key = None
            continue
        prev_key = pk[0]
        keys[prev_key] = (b, pk[1], end)
        prev_empty = not _rest_of_line(ntext, pk[1])
    return keys, unread


def _descend_member(ntext: str, child: _Trie, tok: str, hit: tuple[int, int, int], col: int, stack: list[_Region],
                    jobs: list[_Job]) -> None:
    """Go on below a requested member: its value is a block region to narrow, a job for the composer (flow
    collections, aliases, node properties), or a scalar with nothing below."""
    koff, after, mend = hit
    rest = _rest_of_line(ntext, after)
    line_start = koff - col
    if rest:
        if rest[0] in "&!" and len(rest.split()) == 1:
            pass  # node properties only: the value follows on the next lines
        elif rest[0] in "{[*&!":
            jobs.append((line_start, mend, "member", child, tok))
            return
        else:
            return  # a scalar: nothing below it
    vm = _next_content(ntext, ntext.find("\n", after), mend)
    if vm is None:
        return  # empty value
    vcol = len(vm.group(1))
    vch = vm.start(2)
    explicit_key = ntext.startswith("? ", vch)  # a mapping whose first key is `? key`
    if rest or (vm.group(2) in _BAD_START and not explicit_key):
        jobs.append((line_start, mend, "member", child, tok))
    elif vcol > col:
        stack.append((child, vm.start() + 1, mend, vcol, "seq" if _is_item(ntext, vch) else "map"))
    elif vcol == col and _is_item(ntext, vch):
        stack.append((child, vm.start() + 1, mend, col, "seq"))


def _narrow_sequence(ntext: str, region: _Region, bounds: list[int], jobs: list[_Job]) -> None:
    tnode, start, end, col, _ = region
    items = [b for b in bounds if _is_item(ntext, b)]
    if len(items) != len(bounds):
        jobs.append((start, end, "node", tnode, ""))
        return
    for tok, child in tnode.children.items():
        i = array_index(tok, len(items))
        if i is None:
            continue
        b = items[i]
        iend = items[i + 1] - col if i + 1 < len(items) else end
        j = b + 1
        while ntext[j] in " \t":
            j += 1
        if ntext[j] in "\r\n#":
            vm = _next_content(ntext, ntext.find("\n", j), iend)
            j = vm.start(2) if vm is not None else b
        child.offset, child.found = j, True
        if child.children:
            jobs.append((b - col, iend, "item", child, tok))


def _line_numbers(ntext: str, trie: _Trie, jobs: list[_Job]) -> dict[int, int]:
    """Line numbers of every job's start and every found node's offset, in one pass over the text; found nodes
    get their positions."""
    found = _found_nodes(trie)
    offsets = {job[0] for job in jobs} | {t.offset for t in found}
    line_of: dict[int, int] = {}
    line, last = 0, 0
    for off in sorted(offsets):
        line += ntext.count("\n", last, off)
        last = off
        line_of[off] = line
    for t in found:
        t.pos = (line_of[t.offset], t.offset - ntext.rfind("\n", 0, t.offset))
    return line_of


def _found_nodes(trie: _Trie) -> list[_Trie]:
    found, todo = [], [trie]
    while todo:
        t = todo.pop()
        if t.found:
            found.append(t)
        todo.extend(t.children.values())
    return found


def _compose_jobs(ntext: str, jobs: list[_Job], line_of: dict[int, int]) -> None:
    """Compose each job's chunk and walk the nodes below it (the garbage collector paused: composing makes many
    small objects and no cycles)."""
    import gc

    gc_was = gc.isenabled()
    gc.disable()
    try:
        for cs, ce, mode, tnode, tok in jobs:
            _walk_trie(_YamlTree(), _job_node(ntext[cs:ce], mode, tok), tnode, line_of[cs] - 1)
    finally:
        if gc_was:
            gc.enable()


def _job_node(chunk: str, mode: str, tok: str) -> Any:
    """The composed node a job stands for: the member's value, the item, or the whole node; bails on a chunk
    that is not what the scan took it for."""
    import yaml

    try:
        root = _compose(chunk)
    except Exception:
        raise _Bail from None
    if mode == "member":
        if not (isinstance(root, yaml.MappingNode) and len(root.value) == 1
                and yaml_key_string(root.value[0][0]) == tok):
            raise _Bail
        return root.value[0][1]
    if mode == "item":
        if not (isinstance(root, yaml.SequenceNode) and root.value):
            raise _Bail
        return root.value[0]
    if root is None:
        raise _Bail
    return root


def _positions(trie: _Trie, parsed: dict[str, list[str]]) -> dict[str, Pos]:
    """Each pointer's position: its node's, or its deepest found ancestor's."""
    out: dict[str, Pos] = {}
    for p, toks in parsed.items():
        node = trie
        pos = trie.pos or (1, 1)
        for t in toks:
            child = node.children.get(t)
            if child is None or child.pos is None:
                break
            node, pos = child, child.pos
        out[p] = pos
    return out


def _unread_entries(unread: list[int], read: list[int], col: int, end: int, tnode: _Trie) -> list[_Job]:
    """Jobs composing each run of mapping lines the scan could not read, up to the next key it read, instead of
    the whole mapping (PyYAML writes keys over 128 characters as `? key`: GitHub-sized specs have hundreds)."""
    import bisect

    runs: dict[int, int] = {}  # end of the run -> its first line
    for b in unread:
        following = bisect.bisect_right(read, b)
        run_end = read[following] - col if following < len(read) else end
        runs.setdefault(run_end, b - col)
    return [(first, run_end, "node", tnode, "") for run_end, first in runs.items()]


def _walk_trie(tree: _YamlTree, node: Any, tnode: _Trie, line_base: int) -> None:
    import yaml

    stack = [(node, tnode)]
    while stack:
        n, t = stack.pop()
        pairs: list[tuple[_Trie, tuple[Any, Any] | None]]
        if isinstance(n, yaml.MappingNode) and len(n.value) < len(t.children):
            # a small piece of a big mapping (one `? key` entry): look its keys up, not every key asked for
            wanted = ((yaml_key_string(k), (k, v)) for k, v in n.value)
            pairs = [(t.children[key], hit) for key, hit in wanted if key in t.children]
        else:
            pairs = [(child, tree.member(n, tok)) for tok, child in t.children.items()]
        for child, hit in pairs:
            if hit is None:
                continue
            m = hit[0].start_mark
            child.pos = (m.line + 1 + line_base, m.column + 1)
            child.found = True
            if child.children:
                stack.append((hit[1], child))


def yaml_positions_full(text: str, parsed: dict[str, list[str]]) -> dict[str, Pos]:
    """Compose the whole file and walk the nodes."""
    try:
        root = _compose(text)
    except Exception:
        root = None
    if root is None:
        return {p: (1, 1) for p in parsed}
    tree = _YamlTree()
    start = _mark(root)
    return {p: _walk_nodes(tree, root, toks, start) for p, toks in parsed.items()}
