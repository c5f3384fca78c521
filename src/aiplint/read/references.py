"""Following `$ref`s: where each reference leads, or why it does not, and the files the references reach.

A reference is followed only inside the project (`project_root`): a file outside it is neither read nor
stat'ed, and a remote reference is never fetched.  Each hop is memoised per (file, `$ref` text), and a chain of
references is followed to the value it reaches (`resolve`) without ever looping.  Which references are
findings is the rules' business (`lint_rules/oas/ref.py`, `lint_rules/oas/ref_siblings.py`).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterator, NamedTuple
from urllib.parse import unquote

from aiplint.read.loading import InputError, Source, load_source, read_file
from aiplint.read.pointers import escape_token, join_pointer, lookup, split_pointer
from aiplint.read.trust import confine

__all__ = ["Resolved", "Step", "RefSite", "References"]

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# Containers whose keys are names chosen by the author (a property called "example" is not an example).
_NAME_MAPS = frozenset((
    "properties", "patternProperties", "definitions", "$defs", "schemas", "dependentSchemas",
    "parameters", "responses", "headers", "examples", "requestBodies", "securitySchemes", "links",
    "callbacks", "pathItems", "paths", "webhooks", "content", "encoding", "variables", "mapping",
    "securityDefinitions",
))
# Keys whose values are literal data, where a "$ref" key is not a reference.
_LITERAL_KEYS = frozenset(("example", "default", "enum", "const"))
_SOLE_REF = re.compile(r'\{\s*"\$ref"\s*:\s*"((?:[^"\\]|\\.)*)"\s*\}')


class Resolved(NamedTuple):  # a tuple: made for every parameter, response and schema the model reads
    """What a node stands for once its `$ref`s are followed, and where that is."""

    node: Any
    source: Source
    pointer: str


class Step:
    """One hop of a reference: where it leads (`found`), or why it does not (`kind`, `message`).

    Kinds of a reference not followed: `skip` (a 3.1 `$id` URI or `$anchor`, legitimately not followed),
    `remote`, `outside` (the project), `missing-file`, `bad-file` (does not load), `missing-pointer`, `invalid`."""

    __slots__ = ("source", "pointer", "node", "found", "kind", "message")

    def __init__(self, source: Source | None = None, pointer: str = "", node: Any = None, found: bool = False,
                 kind: str = "", message: str = ""):
        self.source = source
        self.pointer = pointer
        self.node = node
        self.found = found
        self.kind = kind
        self.message = message


@dataclass(frozen=True)
class RefSite:
    """One `$ref` written in a file: the object holding it, its pointer and its value."""

    source: Source
    holder: dict[str, Any]
    pointer: str
    ref: Any


class References:
    """The files of one document (the root and what its `$ref`s reach, by real path) and the way between them."""

    def __init__(self, root: Source, project_root: str, major: int, minor: int,
                 load: Callable[[str, str], Source] | None = None):
        self.root = root
        self._load_file = load  # (display path, real path) -> its parsed Source: another reader's (the server's)
        self.project_root = project_root
        self._follows_uri_ids = (major, minor) >= (3, 1)  # 3.1: `$id` URIs and `$anchor` fragments are JSON Schema's
        self.sources = {root.abspath: root}
        self.digests: dict[str, str] = {}  # the sha256 of the bytes each other file was parsed from, by real path
        self._bad_files: dict[str, InputError] = {}
        self._steps: dict[tuple[str, str], Step] = {}
        self._resolved: dict[tuple[str, str], tuple[Any, Source, str] | None] = {}
        self._sites: list[RefSite] | None = None
        self._plain: bool | None = None
        self._plain_refs: dict[str, int] = {}  # when `only_plain_local`: each `$ref` of the root and how often

    def _load(self, abspath: str, display: str) -> Source | InputError:
        src = self.sources.get(abspath)
        if src is not None:
            return src
        err = self._bad_files.get(abspath)
        if err is not None:
            return err
        try:
            if self._load_file is not None:  # no digest: such a reader's results are not cached
                src = self._load_file(display, abspath)
            else:
                raw = read_file(display)
                src = load_source(display, raw=raw, _abspath=abspath)
                # hashed now, not when the result is cached: the file may change while the document is linted
                self.digests[abspath] = hashlib.sha256(raw).hexdigest()
        except InputError as e:
            self._bad_files[abspath] = e
            return e
        self.sources[abspath] = src
        return src

    def step(self, source: Source, ref: str) -> Step:
        """Follow one ``$ref`` string written in ``source`` (memoised; never raises)."""
        key = (source.abspath, ref)
        step = self._steps.get(key)
        if step is None:
            try:
                step = self._compute_step(source, ref)
            except Exception as e:  # e.g. invalid percent-encoding
                step = Step(kind="invalid", message=f"$ref '{ref}' is invalid: {e}")
            self._steps[key] = step
        return step

    def _compute_step(self, source: Source, ref: str) -> Step:
        file_part, _, fragment = ref.partition("#")
        m = _SCHEME.match(file_part)
        if file_part.startswith("//"):  # a network-path reference: `//host/x.yaml` names a host, not a folder
            return Step(kind="remote", message=f"$ref '{ref}' is a remote reference; remote references are not fetched")
        if m and len(m.group(1)) > 1:  # (one letter: a Windows drive)
            scheme = m.group(1).lower()
            if scheme in ("http", "https") or file_part[m.end():].startswith("//"):
                return Step(kind="remote", message=f"$ref '{ref}' is a remote reference; "
                                                   "remote references are not fetched")
            if self._follows_uri_ids:
                return Step(kind="skip")  # e.g. a JSON Schema $id URI such as urn:...
            return Step(kind="invalid", message=f"$ref '{ref}' uses an unsupported URI scheme '{scheme}:'")
        target = source
        if file_part:
            rel = unquote(file_part.split("?", 1)[0])
            abspath = confine(os.path.join(os.path.dirname(source.abspath), rel), self.project_root)
            if abspath is None:  # decided from the names alone: the target is neither read nor stat'ed
                return Step(kind="outside", message=f"$ref '{ref}' points outside the project; it is not read")
            display = os.path.normpath(os.path.join(os.path.dirname(source.path), rel))
            loaded = self._load(abspath, display)
            if isinstance(loaded, InputError):
                if loaded.message.startswith("file not found"):
                    return Step(kind="missing-file", message=f"$ref '{ref}' points to a file that does not exist")
                return Step(kind="bad-file", message=f"$ref '{ref}' points to a file that cannot be loaded: {loaded}")
            target = loaded
        frag = unquote(fragment, errors="strict") if "%" in fragment else fragment
        if frag and frag[0] != "/":
            if self._follows_uri_ids:
                return Step(kind="skip")  # a JSON Schema $anchor: not followed
            return Step(kind="invalid", message=f"$ref '{ref}' has a fragment that is not a JSON pointer")
        tokens = split_pointer(frag)
        found, node = lookup(target.data, tokens)
        pointer = join_pointer("", *tokens)
        if not found:
            where = f"in '{target.path}'" if target is not source else "in this file"
            return Step(kind="missing-pointer", source=target, pointer=pointer,
                        message=f"$ref '{ref}' points to '#{frag}', which does not exist {where}")
        return Step(source=target, pointer=pointer, node=node, found=True)

    def resolve(self, node: Any, source: Source, pointer: str) -> Resolved:
        """What `node` (at `pointer` in `source`) stands for: the value its chain of `$ref`s reaches, or itself
        when it is no reference; node None when the chain breaks or loops."""
        if type(node) is not dict:
            return Resolved(node, source, pointer)
        ref = node.get("$ref")
        if type(ref) is not str:
            return Resolved(node, source, pointer)
        key = (source.abspath, ref)
        if key in self._resolved:
            hit = self._resolved[key]
            return Resolved(None, source, pointer) if hit is None else Resolved(*hit)
        seen = {(source.abspath, pointer)}
        cur_src, cur_ref = source, ref
        result: tuple[Any, Source, str] | None = None
        while True:
            step = self.step(cur_src, cur_ref)
            if not step.found or step.source is None:
                break
            nxt = step.node
            if type(nxt) is dict and type(nxt.get("$ref")) is str:
                k = (step.source.abspath, step.pointer)
                if k in seen:
                    break  # cycle
                seen.add(k)
                known = (step.source.abspath, nxt["$ref"])
                if known in self._resolved:  # the rest of the chain was followed before
                    result = self._resolved[known]
                    break
                cur_src, cur_ref = step.source, nxt["$ref"]
                continue
            result = (nxt, step.source, step.pointer)
            break
        self._resolved[key] = result
        return Resolved(None, source, pointer) if result is None else Resolved(*result)

    def chain_is_cycle(self, source: Source, pointer: str, ref: str) -> bool:
        """Does the chain of pure references starting at this ``$ref`` come back to it?"""
        start = (source.abspath, pointer)
        seen = {start}
        cur_src, cur_ref = source, ref
        while True:
            step = self.step(cur_src, cur_ref)
            if not step.found or step.source is None:
                return False
            nxt = step.node
            if type(nxt) is not dict or type(nxt.get("$ref")) is not str:
                return False
            k = (step.source.abspath, step.pointer)
            if k == start:
                return True
            if k in seen:
                return False  # leads into a cycle it is not part of
            seen.add(k)
            cur_src, cur_ref = step.source, nxt["$ref"]

    def only_plain_local(self) -> bool:
        """Whether a single JSON file's every `$ref` is the only key of its object and points into the file at a
        value that is no reference itself: then no reference can have a problem and none leads to another file,
        so the walk over every node of the document (a fifth of the time on a 13 MB spec) can be skipped.  Read
        from the text (memoised); anything else is False."""
        if self._plain is None:
            self._plain = self._read_plain_local()
        return self._plain

    def _read_plain_local(self) -> bool:
        import json

        src = self.root
        if not src.is_json:
            return False
        text = src.text
        sole = _SOLE_REF.findall(text)
        if len(sole) != text.count('"$ref"'):
            return False  # a `$ref` beside other keys, in a literal, or not a string: the walk decides
        refs: dict[str, int] = {}
        for written in sole:
            refs[written] = refs.get(written, 0) + 1
        for written in list(refs):
            ref = json.loads(f'"{written}"') if "\\" in written else written
            if not ref.startswith("#"):
                return False
            step = self.step(src, ref)
            if not step.found or (type(step.node) is dict and "$ref" in step.node):
                return False
            if ref != written:
                refs[ref] = refs.get(ref, 0) + refs.pop(written)
        self._plain_refs = refs
        return True

    def named_outside_refs(self, prefix: str) -> bool:
        """Whether the root's text may hold `prefix` (a fragment such as `#/components/`) other than in its
        `$ref`s: known to be false only when `only_plain_local` and the text holds it as often as they do."""
        if not self.only_plain_local():
            return True
        in_refs = sum(count for ref, count in self._plain_refs.items() if ref.startswith(prefix))
        return self.root.text.count(prefix) != in_refs

    def targets(self) -> set[tuple[str, str]]:
        """(real path of the file, pointer) of everything a `$ref` of the document leads to, one hop: what is
        referenced.  From the text when `only_plain_local` (a `$ref` written inside an example then counts too),
        else from the walk (`sites`)."""
        found = set()
        if self.only_plain_local():
            for ref in self._plain_refs:
                found.add((self.root.abspath, self.step(self.root, ref).pointer))
            return found
        for site in self.sites():
            if type(site.ref) is str:
                step = self.step(site.source, site.ref)
                if step.found and step.source is not None:
                    found.add((step.source.abspath, step.pointer))
        return found

    def sites(self) -> list[RefSite]:
        """Every `$ref` of every file the references reach, each file walked once, the root's first (memoised).
        Following them loads those files into `sources`."""
        if self._sites is None:
            self._sites = list(self._walk())
        return self._sites

    def follow_all(self) -> None:
        """Load every file the document reaches into `sources` (nothing to do when `only_plain_local`)."""
        if not self.only_plain_local():
            self.sites()

    def _walk(self) -> Iterator[RefSite]:
        queue = [self.root]
        walked = {self.root.abspath}
        while queue:
            src = queue.pop()
            for holder, pointer, ref in _iter_refs(src.data):
                yield RefSite(src, holder, pointer, ref)
                if type(ref) is not str:
                    continue
                target = self.step(src, ref).source
                if target is not None and target.abspath not in walked:
                    walked.add(target.abspath)
                    queue.append(target)


def _iter_refs(data: Any) -> Iterator[tuple[dict[str, Any], str, Any]]:
    """Yield (holder dict, pointer, $ref value) for every "$ref" in ``data``; iterative.

    Pointers are built only for the holders (parents are linked, not joined into strings).
    Values of literal keys (example, default, enum, const, x-*) are not searched.
    """
    # entries: (node, parent entry, key of node in parent)
    stack: list[tuple[Any, Any, Any]] = [(data, None, None)]
    pop, push = stack.pop, stack.append
    while stack:
        entry = pop()
        node = entry[0]
        if type(node) is dict:
            parent_key = entry[2]
            names = parent_key in _NAME_MAPS
            if "$ref" in node:
                yield node, _entry_pointer(entry), node["$ref"]
            items = list(node.items())
            for k, v in reversed(items):
                tv = type(v)
                if tv is not dict and tv is not list:
                    continue
                if not names and (k in _LITERAL_KEYS or k.startswith("x-") or
                                  (k == "value" and entry[1] is not None and entry[1][2] == "examples")):
                    continue
                push((v, entry, k))
        else:
            for i in range(len(node) - 1, -1, -1):
                v = node[i]
                tv = type(v)
                if tv is dict or tv is list:
                    push((v, entry, i))


def _entry_pointer(entry: tuple[Any, Any, Any]) -> str:
    parts = []
    while entry[1] is not None:
        k = entry[2]
        parts.append(str(k) if type(k) is int else escape_token(k))
        entry = entry[1]
    if not parts:
        return ""
    parts.reverse()
    return "/" + "/".join(parts)
