"""Comparing two versions of a schema, semantically, from one side of the exchange.

`SchemaDiff.compare` compares schemas as the sets of values they accept, not as text: it resolves `$ref` on
both sides (a schema moved to `components` and referenced is the same schema), reads a schema and its `allOf`
members as one (`_view`: their constraints intersected, a property several of them declare has all their schemas;
`{allOf: [{$ref: X}], description: ...}` is X; OpenAPI 3.1 keywords beside a `$ref` apply with it), pairs `oneOf`
and `anyOf` variants by content whatever their order (`_match_members`), reads `enum`, `required` and `type` as
sets, and walks the two trees together, properties by name, so nothing reported follows document order.  An
`allOf` member on one side only is reported when nothing else at that schema says what it changed (one entry per
cause: a member that adds a pattern is `pattern-added`).  Each pair of
schema objects is compared once per context and the result memoised, so a component referenced by hundreds of
operations costs one comparison, and recursive schemas end: a pair met again while it is being compared is
taken as unchanged there (its changes are reported where the comparison started).

What a change means depends on the context (see `aiplint.compat.kinds`): the findings carry a kind and the
place of the change relative to the compared schema (`where`: property names, `[]` for array items, `@keyword`
for other subschemas); the caller adds the operation and the level.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable, Iterator, NamedTuple

from aiplint.compat.kinds import RESPONSE_CONTEXTS, TIGHTENING_KEYWORDS, kind
from aiplint.compat.lifecycle import parse_date
from aiplint.model import Location
from aiplint.read.pointers import join_pointer
from aiplint.rule import Severity

if TYPE_CHECKING:
    from aiplint.read.document import Document
    from aiplint.read.references import Resolved

# Keywords that only document: a change to them changes no valid value.
_ANNOTATIONS = frozenset((
    "title", "description", "example", "examples", "externalDocs", "xml", "$comment", "deprecated", "readOnly",
    "writeOnly", "$schema", "$id", "$anchor", "$defs", "definitions", "discriminator", "default",
))
# Bounds: (keyword, side, the value an absent keyword means, or None when absence means "no limit").
_UPPER = (("maximum", None), ("exclusiveMaximum", None), ("maxLength", None), ("maxItems", None),
          ("maxProperties", None), ("maxContains", None))
_LOWER = (("minimum", None), ("exclusiveMinimum", None), ("minLength", 0), ("minItems", 0),
          ("minProperties", 0), ("minContains", 1))
# Validation keywords compared as values (added, removed, changed), and keywords holding one subschema.
_VALUE_KEYWORDS = ("multipleOf", "uniqueItems", "dependentRequired", "contentMediaType", "contentEncoding", "if",
                   "not")
_SUBSCHEMA_KEYWORDS = ("then", "else", "contains", "propertyNames", "contentSchema", "unevaluatedItems",
                       "unevaluatedProperties")
_SUBSCHEMA_MAPS = ("patternProperties", "dependentSchemas")
# Patterns that match every string: changing to one of them generalizes the pattern away.
_UNIVERSAL_PATTERNS = frozenset(("", ".*", "^.*$", "^.*", ".*$", "(.*)", "^(.*)$", "[\\s\\S]*", "^[\\s\\S]*$"))
# Formats that another one widens: `int32` values are all valid `int64` values.
_WIDER_FORMAT = {"int32": "int64", "float": "double"}
_WIDEST_FORMATS = frozenset((None, "int64", "double"))
# Bounds against hostile nesting, which keep the comparison linear and within Python's stack: past them the
# comparison stops and says so (a breaking `comparison-too-deep` change), never "no change".
_MAX_DEPTH = 200  # nested pairs of schemas being compared
_MAX_ALL_OF_DEPTH = 32  # `allOf` members of members whose properties count as the schema's own
_MAX_SHAPE_DEPTH = 48  # nested values numbered by content in one go (`_Shapes`): 3 frames each


@dataclass(frozen=True)
class Found:
    """One change inside a schema: its kind (without the family prefix), where it is relative to the compared
    schema, what changed, the two places, and a level where the kind's default for the context does not fit."""

    kind: str
    where: tuple[str, ...]
    detail: str
    old: Location | None
    new: Location | None
    level: Severity | None = None
    category: str | None = None  # where the keyword decides it (see kinds.TIGHTENING_KEYWORDS)

    def under(self, token: str) -> Found:
        return Found(self.kind, (token, *self.where), self.detail, self.old, self.new, self.level, self.category)


def _distinct(found: list[Found]) -> list[Found]:
    """One change per place and kind, by the first path that reaches it: a schema graph with many paths to one
    node (Stripe's expandable fields) would otherwise report it once per path, exponentially often."""
    seen: dict[tuple, Found] = {}
    for f in found:
        key = (f.kind, f.detail, id(f.old.source) if f.old else 0, f.old.pointer if f.old else "",
               id(f.new.source) if f.new else 0, f.new.pointer if f.new else "")
        if key not in seen:
            seen[key] = f
    return list(seen.values())


def render_where(where: tuple[str, ...]) -> str:
    """`("data", "[]", "@then", "name")` -> `data[](then).name`; `*` stands for additional properties' values."""
    text = ""
    for token in where:
        if token == "[]":
            text += "[]"
        elif token.startswith("@"):
            text += f"({token[1:]})"
        else:
            text += f".{token}" if text else token
    return text


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def show(value: Any) -> str:
    text = canonical(value) if not isinstance(value, str) else value
    return f"`{text if len(text) <= 60 else text[:57] + '...'}`"


class _Side:
    """One schema of one document, resolved: the node, and where it is.  `extra`: schemas that apply together
    with it (`allOf` semantics: two `allOf` members' schemas of one property, OpenAPI 3.1 keywords beside a
    `$ref`).  `owners`: in a merged view (`_view`), the schemas that hold each keyword, which `child` follows."""

    __slots__ = ("doc", "node", "source", "pointer", "extra", "owners")

    def __init__(self, doc: Document, node: Any, source: Any, pointer: str, extra: tuple[_Side, ...] = (),
                 owners: dict[str, list[_Side]] | None = None):
        self.doc, self.node, self.source, self.pointer = doc, node, source, pointer
        self.extra, self.owners = extra, owners

    @classmethod
    def of(cls, doc: Document, resolved: Resolved) -> _Side:
        return cls(doc, resolved.node, resolved.source, resolved.pointer)

    @property
    def at(self) -> Location:
        return Location(self.source, self.pointer)

    def key(self, shapes: _Shapes) -> Any:
        """What identifies the schema for the memo: its node's content in its file, and the ones that apply with
        it (a schema inlined in many operations, as a dereferenced document has it, is compared once)."""
        own = (id(self.source), shapes.of(self.node))
        return (own, *(s.key(shapes) for s in self.extra)) if self.extra else own

    def anchors(self) -> list[tuple[Any, str]]:
        """Where the schema and the ones that apply with it are, in the order `key` names them."""
        return [(self.source, self.pointer), *(a for s in self.extra for a in s.anchors())]

    def also(self, extra: tuple[_Side, ...]) -> _Side:
        return _Side(self.doc, self.node, self.source, self.pointer, self.extra + extra) if extra else self

    def child(self, *tokens: str | int) -> _Side:
        """The subschema under these keys, `$ref` resolved (in a merged view: of every schema holding the key)."""
        if self.owners is not None:
            first, *others = self.owners[str(tokens[0])]
            side = first.child(*tokens)
            if tokens[0] in _SEQUENCES:  # positions of two lists are not the same subschema
                return side
            return side.also(tuple(o.child(*tokens) for o in others if _holds(o.node, tokens)))
        node = self.node
        for token in tokens:
            node = node[token]
        return _Side.reached(self.doc, node, self.source, join_pointer(self.pointer, *tokens))

    @classmethod
    def reached(cls, doc: Document, node: Any, source: Any, pointer: str) -> _Side:
        """The schema `node` (at `pointer`) stands for: its `$ref` resolved, and in OpenAPI 3.1 the keywords
        beside the `$ref`, which apply with it."""
        resolved = doc.refs.resolve(node, source, pointer)
        side = cls.of(doc, resolved)
        if resolved.node is not node and (doc.major, doc.minor) >= (3, 1) and not _annotation_only(
                {k: v for k, v in node.items() if k != "$ref"}):
            return side.also((_Side(doc, node, source, pointer),))
        return side

    def get(self, key: str, default: Any = None) -> Any:
        return self.node.get(key, default) if isinstance(self.node, dict) else default


def _holds(node: Any, tokens: tuple[str | int, ...]) -> bool:
    for token in tokens:
        if not isinstance(node, dict) or token not in node:
            return False
        node = node[token]
    return True


def schema_type(doc: Document, schema: Resolved) -> Any:
    """The `type` a schema declares, its `allOf` members' included (`{allOf: [{$ref: Id}]}` is an `Id`)."""
    return _view(_Side.reached(doc, schema.node, schema.source, schema.pointer)).side.get("type")


class _Shapes:
    """Numbers for JSON values by content (hash-consing): two nodes with one number hold the same value, whatever
    their key order.  A value nested deeper than `_MAX_SHAPE_DEPTH` below the one asked about, or holding itself
    (YAML aliases), is numbered by identity (equal to nothing else), which bounds the recursion."""

    def __init__(self) -> None:
        self._of: dict[int, int] = {}  # id(node) -> its number; the documents keep the nodes alive
        self._numbers: dict[Any, int] = {}  # a node's content, its children as numbers -> the number

    def of(self, node: Any) -> int:
        number = self._of.get(id(node))
        return number if number is not None else self._number(node, 0)

    def _number(self, value: Any, depth: int) -> int:
        if depth > _MAX_SHAPE_DEPTH:
            return -id(value)  # not kept: asked about again, it is numbered from there
        of = self._of

        def part(child: Any) -> Any:
            if not isinstance(child, (dict, list)):
                return type(child), child
            number = of.get(id(child))
            return number if number is not None else self._number(child, depth + 1)

        content = (frozenset([(key, part(child)) for key, child in value.items()]) if isinstance(value, dict)
                   else tuple(map(part, value)))
        number = of[id(value)] = self._numbers.setdefault(content, len(self._numbers))
        return number


def _rebased(found: list[Found], was: list[tuple[Any, str]], now: list[tuple[Any, str]]) -> list[Found]:
    """Changes found between two schemas, for two others of the same content at other places: each place under
    one of the first schemas' (`was`) moved under the matching one of `now`."""
    if was == now:
        return found

    def moved(at: Location | None) -> Location | None:
        if at is None:
            return None
        for (source, pointer), (new_source, new_pointer) in zip(was, now, strict=True):
            if at.source is source and (at.pointer == pointer or at.pointer.startswith(pointer + "/")):
                return Location(new_source, new_pointer + at.pointer[len(pointer):])
        return at

    return [replace(f, old=moved(f.old), new=moved(f.new)) for f in found]


class SchemaDiff:
    """Compares schemas of two documents; one instance per pair of documents, so its memo spans operations."""

    def __init__(self, old: Document, new: Document):
        self.old_doc, self.new_doc = old, new
        self._shapes = _Shapes()
        # a pair's changes, and the places of the pair they were found at (`_rebased` moves them to another's)
        self._memo: dict[tuple, tuple[list[Found], list]] = {}
        self._partial: dict[tuple, tuple[list[Found], list, tuple]] = {}
        self._stack: list[tuple] = []
        self._depth_of: dict[tuple, int] = {}
        self._low = 0

    def compare(self, old: Resolved, new: Resolved, context: str) -> list[Found]:
        """The changes from the `old` schema to the `new` one, in `context` (`parameter`, `request`, `response`
        or `header`); each is the schema as written, `$ref` and all (see `_Side.reached`)."""
        return self._pair(_Side.reached(self.old_doc, old.node, old.source, old.pointer),
                          _Side.reached(self.new_doc, new.node, new.source, new.pointer), context)

    # -- memoised walk

    def _pair(self, old: _Side, new: _Side, context: str) -> list[Found]:
        o, n = old.node, new.node
        if not isinstance(o, dict) or not isinstance(n, dict):
            if o != n and isinstance(o, (dict, bool)) and isinstance(n, (dict, bool)):
                return [_constraint_change(o, n, old, new, context, "schema")]
            return []
        key = (old.key(self._shapes), new.key(self._shapes), context)
        anchors = old.anchors() + new.anchors()
        known = self._memo.get(key)
        if known is not None:
            return _rebased(known[0], known[1], anchors)
        depth = self._depth_of.get(key)
        if depth is not None:  # a cycle: unchanged here, its changes are reported where it started
            self._low = min(self._low, depth)
            return []
        partial = self._partial.get(key)
        if partial is not None and partial[2] in self._depth_of:
            return _rebased(partial[0], partial[1], anchors)
        if len(self._stack) > _MAX_DEPTH:
            return [Found("comparison-too-deep", (), f"could not compare beyond depth {_MAX_DEPTH} of nested schemas",
                          old.at, new.at)]
        depth = len(self._stack)
        self._stack.append(key)
        self._depth_of[key] = depth
        outer_low, self._low = self._low, depth
        try:
            found = _distinct(self._schema(old, new, context))
        finally:
            self._stack.pop()
            del self._depth_of[key]
        low, self._low = self._low, min(outer_low, self._low)
        if low >= depth:
            self._memo[key] = (found, anchors)
        else:  # valid while the pair it assumed unchanged is still being compared
            self._partial[key] = (found, anchors, self._stack[low])
        return found

    # -- one pair of schema objects

    def _schema(self, old_schema: _Side, new_schema: _Side, context: str) -> list[Found]:
        """A list, not a generator: one frame less per level of nesting keeps deep schemas within the stack."""
        before, after = _view(old_schema), _view(new_schema)
        old_null, old = _nullable(before.side)
        new_null, new = _nullable(after.side)
        before = before if old is before.side else _view(old)  # the other variant of a `oneOf` with null
        after = after if new is after.side else _view(new)
        found = list(self._views(before, after, context, old_null, new_null))
        if before.cut or after.cut:
            found.append(Found("comparison-too-deep", (), f"could not compare the `allOf` members beyond depth "
                                                          f"{_MAX_ALL_OF_DEPTH}", old_schema.at, new_schema.at))
        if not any((f.level or kind(f.kind).level(context)) is not Severity.INFO for f in found if not f.where):
            found += self._all_of(before, after)  # what they add is not named at this schema: one entry per cause
        return found

    def _views(self, before: _View, after: _View, context: str, old_null: bool, new_null: bool
               ) -> Iterator[Found]:
        response = context in RESPONSE_CONTEXTS
        old, new = before.side, after.side
        if old_null != new_null:
            yield Found("became-nullable" if new_null else "became-not-nullable", (),
                        "became nullable" if new_null else "is no longer nullable", old.at, new.at)
        if _wrapped_in_one_of(old.node, new.node):
            variants = [new.child("oneOf", i) for i in range(len(new.node["oneOf"]))]
            union = _enum_union(old.node, [v.node for v in variants])
            if union is not None:  # an enum written as one variant per value: compare the values
                yield from _enum_values(old, new, old.node["enum"], union, "enum")
                return
            fits = [self._compatible(old, v, context, new_null) for v in variants]
            if response and all(fits):
                return  # every variant fits what the old schema promised
            if sum(fits) == 1:  # the old shape is one of the variants (and only one: `oneOf` wants exactly one)
                yield Found("variant-added", (), "now also allows other shapes (`oneOf`)", old.at, new.at)
            else:
                yield Found("wrapped-in-one-of", (), "was restructured into a `oneOf`", old.at, new.at)
            return
        yield from _types(old, new, context)
        yield from _enums(old, new)
        yield from _const(old, new)
        yield from _bounds(old, new)
        yield from _pattern(old, new)
        yield from _values(old, new, context)
        if old.get("default") != new.get("default") and ("default" in old.node or "default" in new.node):
            yield Found("default-changed", (), f"default changed from {_maybe(old, 'default')} to "
                                               f"{_maybe(new, 'default')}", old.at, new.at)
        if _discriminator(old) != _discriminator(new):
            yield Found("discriminator-changed", (), f"discriminator changed from {_maybe(old, 'discriminator')} to "
                                                     f"{_maybe(new, 'discriminator')}", old.at, new.at)
        yield from self._properties(before, after, context, response)
        yield from self._additional(old, new, context)
        yield from self._items(old, new, context)
        yield from self._subschemas(old, new, context)
        for keyword in ("oneOf", "anyOf"):
            yield from self._composition(old, new, context, keyword)

    def _compatible(self, old: _Side, new: _Side, context: str, null_elsewhere: bool = False) -> bool:
        """Whether every value `old` promised still fits `new` on this side of the exchange (`null_elsewhere`:
        nullability is decided by a wrapper, not by `new`)."""
        return not any((f.level or kind(f.kind).level(context)) is not Severity.INFO
                       for f in self._pair(old, new, context)
                       if not (null_elsewhere and not f.where and f.kind == "became-not-nullable"))

    def _properties(self, before: _View, after: _View, context: str, response: bool) -> Iterator[Found]:
        old, new = before.side, after.side
        old_props, old_required = _effective_properties(before.conjuncts)
        new_props, new_required = _effective_properties(after.conjuncts)
        hidden = "writeOnly" if response else "readOnly"  # not on this side of the exchange
        for name in sorted({**old_props, **new_props}):  # by name: what is reported first never follows key order
            o, n = old_props.get(name), new_props.get(name)
            old_flags, new_flags = _flags(o) if o else set(), _flags(n) if n else set()
            if n is None:
                assert o is not None
                if hidden in old_flags:
                    continue
                required = name in old_required
                level = Severity.INFO if "deprecated" in old_flags else None
                yield Found("required-property-removed" if required else "property-removed", (),
                            f"{'required' if required else 'optional'} property `{name}` removed"
                            + (" (it was deprecated)" if level else ""), o.at, new.at, level)
                continue
            if o is None:
                if hidden in new_flags:
                    continue
                required = name in new_required
                yield Found("required-property-added" if required else "optional-property-added", (),
                            f"{'required' if required else 'optional'} property `{name}` added", old.at, n.at)
                continue
            for flag in ("readOnly", "writeOnly"):
                if (flag in old_flags) != (flag in new_flags):
                    state = "became" if flag in new_flags else "is no longer"
                    yield Found("property-mutability-changed", (name,), f"{state} {flag}", o.at, n.at)
            if hidden in old_flags or hidden in new_flags:
                continue
            if (name in old_required) != (name in new_required):
                became = name in new_required
                yield Found("property-became-required" if became else "property-became-optional", (name,),
                            "became required" if became else "became optional", o.at, n.at)
            if "deprecated" in new_flags and "deprecated" not in old_flags:
                yield Found("property-deprecated", (name,), "deprecated", o.at, n.at)
            yield from sunset_changes(o.node, n.node, o.at, n.at, (name,))
            for found in self._pair(o, n, context):
                yield found.under(name)
        for name in sorted((old_required ^ new_required) - old_props.keys() - new_props.keys()):
            # required without a schema of its own (any value, under `additionalProperties`): still a field a
            # client must now send, or may now leave out
            became = name in new_required
            yield Found("property-became-required" if became else "property-became-optional", (name,),
                        f"became {'required' if became else 'optional'} (not declared in `properties`)", old.at,
                        new.at)

    def _additional(self, old: _Side, new: _Side, context: str) -> Iterator[Found]:
        o, n = old.get("additionalProperties", True), new.get("additionalProperties", True)
        if o == n and not isinstance(o, dict):  # two schemas may be equal `$ref`s to changed components
            return
        if n is False:
            yield Found("additional-properties-closed", (), "no longer allows additional properties", old.at, new.at)
        elif o is False:
            yield Found("additional-properties-opened", (), "now allows additional properties", old.at, new.at)
        elif isinstance(o, dict) and isinstance(n, dict):
            for found in self._pair(old.child("additionalProperties"), new.child("additionalProperties"), context):
                yield found.under("*")
        elif n is not True and n != {}:
            yield Found("constraint-added", (), "additional property values are now constrained", old.at, new.at)
        elif o is not True and o != {}:
            yield Found("constraint-removed", (), "additional property values are no longer constrained",
                        old.at, new.at)

    def _items(self, old: _Side, new: _Side, context: str) -> Iterator[Found]:
        o, n = old.get("items"), new.get("items")
        if isinstance(o, dict) and isinstance(n, dict):
            for found in self._pair(old.child("items"), new.child("items"), context):
                yield found.under("[]")
        elif isinstance(n, dict) and o is None:
            yield Found("constraint-added", (), "array items are now constrained", old.at, new.at)
        elif isinstance(o, dict) and n is None:
            yield Found("constraint-removed", (), "array items are no longer constrained", old.at, new.at)
        o, n = old.get("prefixItems"), new.get("prefixItems")
        if isinstance(o, list) or isinstance(n, list):
            o, n = o if isinstance(o, list) else [], n if isinstance(n, list) else []
            for index in range(min(len(o), len(n))):
                for found in self._pair(old.child("prefixItems", index), new.child("prefixItems", index), context):
                    yield found.under(f"[{index}]")
            if len(n) > len(o):
                yield Found("tuple-items-added", (), f"prefixItems grew from {len(o)} to {len(n)} positions",
                            old.at, new.at)
            elif len(o) > len(n):
                yield Found("tuple-items-removed", (), f"prefixItems shrank from {len(o)} to {len(n)} positions",
                            old.at, new.at)

    def _subschemas(self, old: _Side, new: _Side, context: str) -> Iterator[Found]:
        for keyword in _SUBSCHEMA_KEYWORDS:
            if keyword not in old.node and keyword not in new.node:
                continue
            if keyword in old.node and keyword in new.node:
                for found in self._pair(old.child(keyword), new.child(keyword), context):
                    yield found.under(f"@{keyword}")
            else:
                yield _constraint_change(old.get(keyword), new.get(keyword), old, new, context, keyword)
        for keyword in _SUBSCHEMA_MAPS:
            o, n = old.get(keyword), new.get(keyword)
            if not isinstance(o, dict) and not isinstance(n, dict):
                continue
            o, n = o if isinstance(o, dict) else {}, n if isinstance(n, dict) else {}
            for name in {**o, **n}:
                if name in o and name in n:
                    for found in self._pair(old.child(keyword, name), new.child(keyword, name), context):
                        yield found.under(f"@{keyword} {name}")
                else:
                    yield _constraint_change(o.get(name), n.get(name), old, new, context, f"{keyword} `{name}`",
                                             keyword)

    def _composition(self, old: _Side, new: _Side, context: str, keyword: str) -> Iterator[Found]:
        """`oneOf` or `anyOf`: variants paired by content (`_match_members`), then compared."""
        o, n = old.get(keyword), new.get(keyword)
        if not isinstance(o, list) and not isinstance(n, list):
            return
        o, n = o if isinstance(o, list) else [], n if isinstance(n, list) else []
        olds = [old.child(keyword, i) for i in range(len(o))]
        news = [new.child(keyword, i) for i in range(len(n))]
        pairs, gone, came = _match_members(o, olds, n, news, lambda a, b: self._distance(a, b, context))
        # an inline variant another one still accepts (requests) or covers (responses); a named one (`$ref`) is
        # a type of its own in SDKs
        if context in RESPONSE_CONTEXTS:
            came = [(j, b) for j, b in came if _is_ref(n[j]) or not any(self._compatible(a, b, context) for a in olds)]
        else:
            gone = [(i, a) for i, a in gone if _is_ref(o[i]) or not any(self._compatible(a, b, context) for b in news)]
        for (_, a), (_, b) in pairs:
            for found in self._pair(a, b, context):
                yield found.under(f"@{keyword}")
        for i, member in gone:
            yield Found("variant-removed", (), f"`{keyword}` member {_member_name(o[i], member)} removed", member.at,
                        new.at)
        for j, member in came:
            yield Found("variant-added", (), f"`{keyword}` member {_member_name(n[j], member)} added", old.at,
                        member.at)

    def _distance(self, old: _Side, new: _Side, context: str) -> tuple[int, int]:
        """How far apart two variants are: their breaking changes, then all their changes."""
        found = self._pair(old, new, context)
        return (sum((f.level or kind(f.kind).level(context)) is not Severity.INFO for f in found), len(found))

    def _all_of(self, before: _View, after: _View) -> Iterator[Found]:
        """`allOf` members that apply on one side only (their constraints are compared in the merged views):
        members paired by the named schema they are, by content or by title, then in order; the schema's own
        keywords count as a member that is never reported (a wrapper and the schema it wraps are one)."""
        olds = [c for c in before.conjuncts if not _annotation_only(_own(c.node))]
        news = [c for c in after.conjuncts if not _annotation_only(_own(c.node))]
        own_old = olds[0] if olds and olds[0].node is before.conjuncts[0].node else None
        own_new = news[0] if news and news[0].node is after.conjuncts[0].node else None
        raw = [{"$ref": c.pointer} if _named(c) else _own(c.node) for c in olds]
        new_raw = [{"$ref": c.pointer} if _named(c) else _own(c.node) for c in news]
        _, gone, came = _match_members(raw, olds, new_raw, news, None, (own_old, own_new))
        for _, member in gone:
            if id(member.node) in before.members:
                yield Found("all-of-removed", (), f"`allOf` member {_member_name(_ref_to(member), member)} removed",
                            member.at, after.side.at)
        for _, member in came:
            if id(member.node) in after.members:
                yield Found("all-of-added", (), f"`allOf` member {_member_name(_ref_to(member), member)} added",
                            before.side.at, member.at)


# --------------------------------------------------------------------------------------------------
# Keyword comparisons


def _types(old: _Side, new: _Side, context: str) -> Iterator[Found]:
    old_types, new_types = _type_set(old.node), _type_set(new.node)
    if old_types is None or new_types is None:
        return
    old_format, new_format = old.get("format"), new.get("format")
    if old_types == new_types:
        if old_format == new_format or not isinstance(old_format or "", str) or not isinstance(new_format or "", str):
            return
        relation = _format_relation(old_format, new_format)
        if relation == "same":
            return
    else:
        text = context == "parameter"  # parameters travel as text: `string` holds every scalar
        widened = all(any(_covers(t, s, text) for t in new_types) for s in old_types)
        narrowed = all(any(_covers(s, t, text) for s in old_types) for t in new_types)
        relation = "widened" if widened else "narrowed" if narrowed else "changed"
    shown_old, shown_new = _show_type(old_types, old_format), _show_type(new_types, new_format)
    if relation == "widened" and old_types != new_types and not all(
            any(_covers(t, s, False) for t in new_types) for s in old_types):  # only as text: a number -> `string`
        yield Found("type-became-string", (), f"type changed from {shown_old} to {shown_new}", old.at, new.at)
        return
    verb = {"widened": "widened", "narrowed": "narrowed", "changed": "changed"}[relation]
    yield Found(f"type-{relation}", (), f"type {verb} from {shown_old} to {shown_new}", old.at, new.at)


def _type_set(node: dict) -> frozenset[str] | None:
    declared = node.get("type")
    if isinstance(declared, str):
        types = {declared}
    elif isinstance(declared, list) and all(isinstance(t, str) for t in declared):
        types = set(declared)
    else:
        return None
    types.discard("null")
    return frozenset(types) or None


def _covers(wide: str, narrow: str, text: bool) -> bool:
    return wide == narrow or (wide == "number" and narrow == "integer") or (
        text and wide == "string" and narrow in ("number", "integer", "boolean"))


def _format_relation(old: str | None, new: str | None) -> str:
    if {old, new} <= _WIDEST_FORMATS:  # `int64` and `double` document a width every client already handles
        return "same"
    if new is None or _WIDER_FORMAT.get(old or "") == new:
        return "widened"
    if old is None or _WIDER_FORMAT.get(new) == old:
        return "narrowed"
    return "changed"


def _show_type(types: frozenset[str], fmt: Any) -> str:
    name = "/".join(sorted(types))
    return f"`{name}`" + (f" (format `{fmt}`)" if isinstance(fmt, str) and fmt else "")


def _enums(old: _Side, new: _Side) -> Iterator[Found]:
    for keyword in ("enum", "x-extensible-enum"):
        o, n = old.get(keyword), new.get(keyword)
        if o == n:
            continue
        if not isinstance(o, list) and isinstance(n, list):
            if keyword == "enum":
                yield Found("became-enum", (), f"restricted to the values {show(n)}", old.at, new.at)
            continue
        if isinstance(o, list) and not isinstance(n, list):
            if keyword == "enum":
                yield Found("enum-removed", (), "no longer restricted to a list of values", old.at, new.at)
            continue
        if not isinstance(o, list):
            continue
        yield from _enum_values(old, new, o, n, keyword)


def _enum_values(old: _Side, new: _Side, o: list, n: list, keyword: str) -> Iterator[Found]:
    old_values = {canonical(v): v for v in o}
    new_values = {canonical(v): v for v in n}
    removed = [v for k, v in old_values.items() if k not in new_values]
    added = [v for k, v in new_values.items() if k not in old_values]
    extensible = keyword == "x-extensible-enum"  # clients must accept unknown values of an extensible enum
    if removed:
        yield Found("enum-value-removed", (), f"{keyword} value{'s' if len(removed) > 1 else ''} "
                    f"{', '.join(show(v) for v in removed)} removed", old.at, new.at)
    if added:
        yield Found("enum-value-added", (), f"{keyword} value{'s' if len(added) > 1 else ''} "
                    f"{', '.join(show(v) for v in added)} added", old.at, new.at, Severity.INFO if extensible else None)


def _const(old: _Side, new: _Side) -> Iterator[Found]:
    o, n = old.get("const", _ABSENT), new.get("const", _ABSENT)
    if o == n or (o is not _ABSENT and n is not _ABSENT and canonical(o) == canonical(n)):
        return
    if o is _ABSENT:
        yield Found("const-added", (), f"fixed to the value {show(n)}", old.at, new.at)
    elif n is _ABSENT:
        yield Found("const-removed", (), f"no longer fixed to the value {show(o)}", old.at, new.at)
    else:
        yield Found("const-changed", (), f"constant value changed from {show(o)} to {show(n)}", old.at, new.at)


def _bounds(old: _Side, new: _Side) -> Iterator[Found]:
    for bounds, upper in ((_UPPER, True), (_LOWER, False)):
        for keyword, absent in bounds:
            o, n = _bound(old.node, keyword, absent), _bound(new.node, keyword, absent)
            if o == n or o is not None and n is not None and _as_double(o) == _as_double(n):
                continue
            prefix = "max" if upper else "min"
            if o is None and n is not None:
                yield Found(f"{prefix}-added", (), f"`{keyword}` {show(n[0])} added", old.at, new.at)
            elif n is None and o is not None:
                yield Found(f"{prefix}-removed", (), f"`{keyword}` {show(o[0])} removed", old.at, new.at)
            elif o is not None and n is not None:
                lower_now = n < o  # (value, exclusive-first ordering): see _bound
                kind = f"{prefix}-{'decreased' if lower_now else 'increased'}"
                yield Found(kind, (), f"`{keyword}` {'lowered' if lower_now else 'raised'} from {show(o[0])} to "
                                      f"{show(n[0])}", old.at, new.at)


def _bound(node: dict, keyword: str, absent: Any) -> tuple[float, int] | None:
    """A bound as a comparable pair; OpenAPI 3.0's boolean `exclusiveMaximum`/`exclusiveMinimum` make
    `maximum`/`minimum` exclusive, which moves the bound inwards."""
    value = node.get(keyword)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        if value is None and absent is not None and keyword in node:
            return None
        return None if absent is None else (absent, 0)
    if keyword == "maximum":
        return (value, -1 if node.get("exclusiveMaximum") is True else 0)
    if keyword == "minimum":
        return (value, 1 if node.get("exclusiveMinimum") is True else 0)
    return (value, 0)


def _as_double(bound: tuple[float, int]) -> tuple[float, int]:
    """A bound as JSON parsers read it: `-9223372036854776000` in YAML and `-9.223372036854776e+18` in JSON are
    one number to a client (a double)."""
    try:
        return float(bound[0]), bound[1]
    except OverflowError:
        return bound


def _pattern(old: _Side, new: _Side) -> Iterator[Found]:
    o, n = _real_pattern(old.node), _real_pattern(new.node)
    if o == n:
        return
    if o is None:
        yield Found("pattern-added", (), f"pattern {show(n)} added", old.at, new.at)
    elif n is None:
        yield Found("pattern-removed", (), f"pattern {show(o)} removed", old.at, new.at)
    else:
        yield Found("pattern-changed", (), f"pattern changed from {show(o)} to {show(n)}", old.at, new.at)


def _real_pattern(node: dict) -> str | None:
    pattern = node.get("pattern")
    return pattern if isinstance(pattern, str) and pattern.strip() not in _UNIVERSAL_PATTERNS else None


def _values(old: _Side, new: _Side, context: str) -> Iterator[Found]:
    for keyword in _VALUE_KEYWORDS:
        o, n = old.get(keyword, _ABSENT), new.get(keyword, _ABSENT)
        if keyword == "uniqueItems":  # false is the same as absent
            o, n = (_ABSENT if v is False else v for v in (o, n))
        same = _shape if keyword in ("if", "not") else canonical  # subschemas: the values they allow
        if o is _ABSENT and n is _ABSENT or (o is not _ABSENT and n is not _ABSENT and same(o) == same(n)):
            continue
        yield _constraint_change(None if o is _ABSENT else o, None if n is _ABSENT else n, old, new, context,
                                 keyword)


def _constraint_change(o: Any, n: Any, old: _Side, new: _Side, context: str, label: str,
                       keyword: str | None = None) -> Found:
    keyword = keyword or label
    if o is None:
        kind, detail = "constraint-added", f"`{label}` added"
    elif n is None:
        kind, detail = "constraint-removed", f"`{label}` removed"
    else:
        kind, detail = "constraint-changed", f"`{label}` changed from {show(o)} to {show(n)}"
    category = "constraint-tightened" if keyword in TIGHTENING_KEYWORDS else None
    return Found(kind, (), detail, old.at, new.at, category=category)


# --------------------------------------------------------------------------------------------------
# Helpers

_ABSENT = object()


def _maybe(side: _Side, key: str) -> str:
    return show(side.node[key]) if key in side.node else "none"


def _nullable(side: _Side) -> tuple[bool, _Side]:
    """Whether the schema allows null (OpenAPI 3.0 `nullable`, Swagger's `x-nullable`, a `"null"` type, or a
    `oneOf`/`anyOf` of `{type: "null"}` and one other schema), and the schema without a null wrapper."""
    node = side.node
    declared = node.get("type")
    if node.get("nullable") is True or node.get("x-nullable") is True or (
            isinstance(declared, list) and "null" in declared) or declared == "null":
        return True, side
    for keyword in ("oneOf", "anyOf"):
        members = node.get(keyword)
        if isinstance(members, list) and len(members) == 2 and not _type_set(node) and "properties" not in node:
            nulls = [i for i, m in enumerate(members) if isinstance(m, dict) and m.get("type") in ("null", ["null"])]
            if len(nulls) == 1:
                return True, side.child(keyword, 1 - nulls[0])
    return False, side


def _wrapped_in_one_of(old: dict, new: dict) -> bool:
    """The new schema is a `oneOf` of variants where the old one was a single shape."""
    members = new.get("oneOf")
    if not isinstance(members, list) or len(members) < 2 or "oneOf" in old or "anyOf" in old:
        return False
    own_shape = ("type", "properties", "items", "enum", "const")
    return not any(k in new for k in own_shape) and any(k in old for k in own_shape)


class _View(NamedTuple):
    """A schema as the set of values it accepts: `side` reads every keyword with `allOf` members (and schemas
    that apply with it) merged in, `conjuncts` are the schemas that apply together (the schema itself first),
    `members`: the nodes of those that are `allOf` members, `cut`: `allOf` members nest deeper than
    `_MAX_ALL_OF_DEPTH` (not read)."""

    side: _Side
    conjuncts: list[_Side]
    members: frozenset[int]
    cut: bool


def _view(side: _Side) -> _View:
    """`{allOf: [{$ref: X}], description: ...}` is X itself; `allOf: [A, B]` accepts what both accept, so its
    view has the intersection of their constraints (the narrower bound, the common enum values and types, every
    pattern), and a keyword that holds subschemas reads all of them together."""
    node = side.node
    if not isinstance(node, dict) or ("allOf" not in node and not side.extra):
        return _View(side, [side], frozenset(), False)
    conjuncts, members, cut = _conjuncts(side)
    substantive = [c for c in conjuncts if not _annotation_only(_own(c.node))]
    if len(substantive) == 1 and "allOf" not in substantive[0].node and "$ref" not in substantive[0].node \
            and not substantive[0].extra:
        return _View(substantive[0], conjuncts, members, cut)  # a wrapper that only documents: the schema it wraps
    holders: dict[str, list[_Side]] = {}
    for conjunct in conjuncts:
        for key in _own(conjunct.node):
            holders.setdefault(key, []).append(conjunct)
    merged = {key: _merge(key, [h.node[key] for h in held]) for key, held in holders.items()}
    for flag in ("nullable", "x-nullable"):
        if flag in node and "allOf" in node:  # `{nullable: true, allOf: [$ref]}` is how OpenAPI 3.0 says it
            merged[flag] = node[flag]
        elif flag in merged:  # else null must fit every schema
            merged[flag] = all(c.node.get(flag) is True for c in substantive)
    return _View(_Side(side.doc, merged, side.source, side.pointer, owners=holders), conjuncts, members, cut)


def _own(node: dict) -> dict:
    return {k: v for k, v in node.items() if k not in ("allOf", "$ref")}


def _conjuncts(side: _Side) -> tuple[list[_Side], frozenset[int], bool]:
    """The schema and every schema that applies with it (`allOf` members, recursively, and `extra`), each once;
    the nodes of the `allOf` members among them; whether members nest too deep to read."""
    found: list[_Side] = []
    seen: set[int] = set()
    members: set[int] = set()
    cut = False

    def collect(part: _Side, depth: int, member: bool = False) -> None:
        nonlocal cut
        node = part.node
        if not isinstance(node, dict) or id(node) in seen:
            return
        if depth > _MAX_ALL_OF_DEPTH:
            cut = True
            return
        seen.add(id(node))
        if member:
            members.add(id(node))
        found.append(_Side(part.doc, node, part.source, part.pointer))
        listed = node.get("allOf")
        for index in range(len(listed) if isinstance(listed, list) else 0):
            collect(part.child("allOf", index), depth + 1, True)
        for other in part.extra:
            collect(other, depth + 1, member)

    collect(side, 0)
    return found, frozenset(members), cut


_SEQUENCES = frozenset(("oneOf", "anyOf", "prefixItems", "allOf"))
_UPPER_KEYWORDS = frozenset(k for k, _ in _UPPER)
_LOWER_KEYWORDS = frozenset(k for k, _ in _LOWER)
_ANY_TRUE = frozenset(("uniqueItems", "readOnly", "writeOnly", "deprecated"))


def _merge(keyword: str, values: list) -> Any:
    """One keyword of schemas that apply together: the value that accepts what all of them accept."""
    if len(values) == 1:
        return values[0]
    numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if keyword in _UPPER_KEYWORDS and len(numbers) == len(values):
        return min(numbers)
    if keyword in _LOWER_KEYWORDS and len(numbers) == len(values):
        return max(numbers)
    if keyword in _ANY_TRUE or keyword in ("exclusiveMaximum", "exclusiveMinimum") and not numbers:
        return any(v is True for v in values)
    if keyword == "type":
        sets = [{v} if isinstance(v, str) else set(v) for v in values if isinstance(v, (str, list))]
        common = sorted(set.intersection(*sets)) if sets else []
        return common[0] if len(common) == 1 else common or values[0]
    if keyword == "enum" and all(isinstance(v, list) for v in values):
        keep = set.intersection(*({canonical(x) for x in v} for v in values))
        return [x for x in values[0] if canonical(x) in keep]
    if keyword == "required":
        return list(dict.fromkeys(n for v in values if isinstance(v, list) for n in v))
    if keyword == "pattern":
        patterns = sorted({v for v in values if isinstance(v, str) and v.strip() not in _UNIVERSAL_PATTERNS})
        return patterns[0] if len(patterns) == 1 else tuple(patterns) if patterns else values[0]
    if keyword == "additionalProperties" and any(v is False for v in values):
        return False
    if all(isinstance(v, dict) for v in values) and keyword not in _SEQUENCES:  # properties and other maps
        return {name: sub for value in reversed(values) for name, sub in value.items()}
    return min(values, key=canonical)  # any one, the same whatever the order of the schemas


def _effective_properties(conjuncts: list[_Side]) -> tuple[dict[str, _Side], set[str]]:
    """The properties of schemas that apply together, by name (a name several of them declare: all its schemas
    apply together), and the names any of them requires."""
    holders: dict[str, list[_Side]] = {}
    required: set[str] = set()
    for part in conjuncts:
        own = part.node.get("properties")
        if isinstance(own, dict):
            for name in own:
                holders.setdefault(name, []).append(part)
        names = part.node.get("required")
        if isinstance(names, list):
            required.update(n for n in names if isinstance(n, str))
    properties = {}
    for name, held in holders.items():
        first, *others = (h.child("properties", name) for h in held)
        properties[name] = first.also(tuple(others))
    return properties, required


def _flags(side: _Side) -> set[str]:
    """Which of readOnly, writeOnly and deprecated a schema, or a schema applying with it, sets."""
    parts = _conjuncts(side)[0] if isinstance(side.node, dict) and ("allOf" in side.node or side.extra) else [side]
    return {flag for part in parts
            for flag in ("readOnly", "writeOnly", "deprecated") if part.get(flag) is True}


def _is_ref(raw: Any) -> bool:
    return isinstance(raw, dict) and isinstance(raw.get("$ref"), str)


def _enum_union(old: dict, variants: list) -> list | None:
    """The values of `oneOf: [{enum: [a]}, {enum: [b, c]}]` where the old schema was an enum of the same type."""
    if not isinstance(old.get("enum"), list) or not all(
            isinstance(v, dict) and isinstance(v.get("enum"), list)
            and v.get("type", old.get("type")) == old.get("type")
            for v in variants):
        return None
    return [x for v in variants for x in v["enum"]]


def _shape(node: Any) -> str:
    """A schema's text without its annotations (descriptions, titles, examples) and with the lists whose order
    means nothing sorted: what values it allows."""
    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: sorted(map(canonical, items)) if k in _UNORDERED and isinstance(items, list) else strip(items)
                    for k, items in value.items() if k not in _ANNOTATIONS or k in ("readOnly", "writeOnly")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return canonical(strip(node))


_UNORDERED = frozenset(("enum", "required", "type", "oneOf", "anyOf", "allOf"))


def _annotation_only(node: Any) -> bool:
    return isinstance(node, dict) and all(k in _ANNOTATIONS or k.startswith("x-") for k in node)


def _member_name(raw: Any, member: _Side) -> str:
    if isinstance(raw, dict) and isinstance(raw.get("$ref"), str):
        return f"`{raw['$ref'].rsplit('/', 1)[-1]}`"
    title = member.get("title")
    return f"`{title}`" if isinstance(title, str) else f"{show(raw)}"


def _discriminator(side: _Side) -> Any:
    """The property that tells variants apart and the values it maps (not the names of the schemas they map to:
    renaming a schema changes no payload)."""
    value = side.get("discriminator")
    if not isinstance(value, dict):
        return canonical(value)
    mapping = value.get("mapping")
    return value.get("propertyName"), sorted(mapping) if isinstance(mapping, dict) else None


def _named(side: _Side) -> bool:
    """Whether the schema is a named one (`#/components/schemas/Pet`), which identifies it in both versions."""
    return bool(_NAMED.match(side.pointer))


_NAMED = re.compile(r"^/(components/schemas|definitions|\$defs)/[^/]+$")


def _ref_to(side: _Side) -> Any:
    return {"$ref": side.pointer} if _named(side) else side.node


_BEST_PAIRING_LIMIT = 64  # variants left on each side past which they are paired in order


def _match_members(old_raw: list, olds: list[_Side], new_raw: list, news: list[_Side],
                   distance: Callable[[_Side, _Side], tuple[int, int]] | None,
                   own: tuple[_Side | None, _Side | None] = (None, None)):
    """Pair the members of two `allOf`/`oneOf`/`anyOf` lists, whatever their order: the same `$ref`, then the
    two schemas' own keywords (`own`), then the same content, then the same title, then, when as many are left
    on each side, the pairing that changes least (`distance`, ties to the closest positions) or in order."""
    left_old = list(enumerate(olds))
    left_new = list(enumerate(news))
    pairs = []

    def by(key) -> None:
        nonlocal left_old, left_new
        index: dict[Any, list] = {}
        for j, b in left_new:
            k = key(new_raw[j], b)
            if k is not None:
                index.setdefault(k, []).append((j, b))
        kept = []
        for i, a in left_old:
            k = key(old_raw[i], a)
            if k is not None and index.get(k):
                pairs.append(((i, a), index[k].pop(0)))
            else:
                kept.append((i, a))
        taken = {j for _, (j, _) in pairs}
        left_old, left_new = kept, [(j, b) for j, b in left_new if j not in taken]

    by(lambda raw, side: raw["$ref"] if _is_ref(raw) else None)
    if own[0] is not None and own[1] is not None:
        by(lambda raw, side: "own" if side is own[0] or side is own[1] else None)
    by(lambda raw, side: _shape(side.node if _is_ref(raw) else raw))
    by(lambda raw, side: side.get("title") if isinstance(side.get("title"), str) else None)
    if len(left_old) == len(left_new):
        if distance is not None and 1 < len(left_old) <= _BEST_PAIRING_LIMIT:
            costs = sorted((distance(a, b), abs(i - j), i, j) for i, a in left_old for j, b in left_new)
            olds_left, news_left = dict(left_old), dict(left_new)
            for _, _, i, j in costs:
                if i in olds_left and j in news_left:
                    pairs.append(((i, olds_left.pop(i)), (j, news_left.pop(j))))
        else:
            pairs += list(zip(left_old, left_new, strict=True))
        left_old, left_new = [], []
    return pairs, left_old, left_new


def sunset_changes(old: dict, new: dict, old_at: Location, new_at: Location,
                   where: tuple[str, ...] = ()) -> Iterator[Found]:
    """Changes to the announced sunset (`x-sunset`) of an element deprecated in both versions (none for a
    boolean schema, OpenAPI 3.1's `true` or `false`)."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return
    before, after = old.get("x-sunset"), new.get("x-sunset")
    if before == after or old.get("deprecated") is not True:
        if after is not None and before != after and new.get("deprecated") is True and parse_date(after) is None:
            yield Found("sunset-unreadable", where, f"`x-sunset` {show(after)} is not a date", old_at, new_at)
        return
    if after is None:
        yield Found("sunset-removed", where, f"sunset date {show(before)} removed", old_at, new_at)
        return
    old_date, new_date = parse_date(before), parse_date(after)
    if old_date is None or new_date is None:
        bad = before if old_date is None else after
        yield Found("sunset-unreadable", where, f"sunset changed from {show(before)} to {show(after)}, and "
                                                f"{show(bad)} is not a date", old_at, new_at)
    elif new_date < old_date:
        yield Found("sunset-moved-earlier", where, f"sunset moved earlier, from {show(before)} to {show(after)}",
                    old_at, new_at)
