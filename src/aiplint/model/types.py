"""The types of the API model every rule reads: a path (`PathItem`) is a list of `Segment`s, each with its
`Role`; it holds its `Operation`s, whose `Parameter`s and request body (`BodyProperty`) are read with their
`Location` in the document.  `PrefixTree` interns every path prefix so that paths can be compared in O(1).

They are filled in by `aiplint.model.build` (from the document) and `aiplint.model.roles` (the segments' roles);
`aiplint.model.api.ApiModel` holds them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING, Any

from aiplint.model import words
from aiplint.model.roles import Role

if TYPE_CHECKING:
    from aiplint.read.loading import Source

PARAM = re.compile(r"\{([^{}]*)\}")  # a path parameter in a template: `{job_id}`


class Shape(str, Enum):
    """What an operation's success responses return."""

    ONE = "one"  # one object: a Get, an Update, a custom method returning its resource
    LIST = "list"  # a JSON array
    PAGE = "page"  # an object wrapping one array, with a page token, cursor or count (AIP-158)
    NONE = "none"  # a 2xx without content (204)
    UNKNOWN = "unknown"  # no 2xx response, or none with a schema that says

    @property
    def many(self) -> bool:
        return self in (Shape.LIST, Shape.PAGE)


@dataclass(eq=False)
class Segment:
    text: str
    role: Role = Role.NAMESPACE
    index: int = 0
    colon: bool = False  # a custom verb written as `:verb`
    verb: str | None = None  # for custom verbs (and verb-like collection literals): the verb word
    members: str | None = None  # a collection named as a list of its members (`userlist`): the members' literal

    @property
    def is_param(self) -> bool:
        """An ID: `{job_id}` (or a mixed segment such as `{name}.json`)."""
        return self.role is Role.PARAM

    @property
    def is_collection(self) -> bool:
        """A collection named by a noun (`jobs` in `/jobs/{job_id}`), not a verb standing where a collection
        belongs (`append-rows` in `/append-rows/{dataset_id}`, whose `verb` is set)."""
        return self.role is Role.COLLECTION and not self.verb

    @property
    def is_custom_verb(self) -> bool:
        """A custom method's verb: `:cancel`, a terminal `/cancel`, an RPC dispatch (`/#Action=DeleteQueue`)."""
        return self.role is Role.CUSTOM_VERB

    @property
    def param(self) -> str | None:
        match = PARAM.search(self.text)
        return match.group(1) if match else None

    @property
    def words(self) -> tuple[str, ...]:
        return words.split_words(self.text)


@dataclass(frozen=True)
class Location:
    source: Source
    pointer: str


@dataclass(eq=False)
class Parameter:
    name: str
    location: str  # "query", "path", "header", "cookie" (OAS 2.0 also "body", "formData")
    required: bool
    schema: dict[str, Any]
    at: Location  # where the operation lists it (the `$ref` site for a referenced parameter)
    level: str  # "path" (path item) or "operation"
    schema_name: str | None = None  # the compact name of the schema it `$ref`s (OAS 2.0 body: `connection`)
    description: str = ""  # as the parameter gives it, beside its schema

    @property
    def is_array(self) -> bool:
        return self.schema.get("type") == "array" or "items" in self.schema


@dataclass(eq=False)
class BodyProperty:
    name: str
    required: bool
    at: Location
    schema: dict[str, Any] = field(default_factory=dict)  # its own schema, `$ref` resolved

    @property
    def enum(self) -> bool:
        """Its values are listed: it names a kind (`cart_id: [Shopify, ...]`), not an instance."""
        return "enum" in self.schema


@dataclass(eq=False)
class Operation:
    method: str  # lower case
    path: PathItem
    operation_id: str | None
    summary: str | None
    parameters: list[Parameter]
    body: list[BodyProperty]
    at: Location
    raw: dict[str, Any]
    returns: frozenset[str] = frozenset()  # compact names of the schemas its 2xx responses `$ref`
    request_schema: str | None = None  # the compact name of the request body's schema, when it is a `$ref`
    declared_parameters: list[Parameter] = field(default_factory=list)  # as listed, path item's first, repeats kept
    shape: Shape = Shape.UNKNOWN  # what its 2xx responses return
    lists: frozenset[str] = frozenset()  # compact names of the schemas a list or page response holds (`[Label]`)
    body_required: bool = False  # the request body is declared required (`requestBody.required`, OAS 2.0 `in: body`)

    @property
    def returns_list(self) -> bool:
        """A 2xx response is a JSON array."""
        return self.shape is Shape.LIST

    def creates(self, stem: str) -> bool:
        """Whether the operation makes the resource `stem` names: it answers 201, or returns a schema named
        after it (`POST .../supervised-fine-tune` returns `PostTrainingJob`: its `job_uuid` is a new job's)."""
        if not stem:
            return False
        responses = self.raw.get("responses")
        return (isinstance(responses, dict) and "201" in responses) or any(n.endswith(stem) for n in self.returns)

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path.key}"

    @property
    def custom_verb(self) -> Segment | None:
        """The verb of the custom method the operation is (`POST /jobs/{id}:cancel`), None for a standard one."""
        return self.path.custom_verb

    @property
    def is_custom_method(self) -> bool:
        """Its path ends in a custom verb (`/jobs/{id}:cancel`, `/jobs/{id}/cancel`, `/v1/vector-io/insert`)."""
        return self.path.custom_verb is not None

    def params_in(self, location: str) -> list[Parameter]:
        return [p for p in self.parameters if p.location == location]


@dataclass(eq=False)
class PathItem:
    key: str  # the path as written in the document
    template: str  # the key without a query string
    segments: list[Segment]
    at: Location  # the path item object (in another file when the path item is a `$ref`)
    key_at: Location  # the path key in the root document
    operations: list[Operation] = field(default_factory=list)
    parameters: list[Parameter] = field(default_factory=list)  # the path item's own, as listed

    @cached_property
    def methods(self) -> frozenset[str]:
        return frozenset(op.method for op in self.operations)

    @property
    def last(self) -> Segment | None:
        """The path's last segment (None for `/`)."""
        return self.segments[-1] if self.segments else None

    def before(self, seg: Segment) -> Segment | None:
        """The segment right before `seg` in this path, None for the first."""
        return self.segments[seg.index - 1] if seg.index > 0 else None

    def after(self, seg: Segment) -> Segment | None:
        """The segment right after `seg` in this path, None for the last."""
        return self.segments[seg.index + 1] if seg.index + 1 < len(self.segments) else None

    def followed_by_id(self, seg: Segment) -> bool:
        """An ID comes right after `seg`: `jobs` in `/jobs/{job_id}` stands where a collection belongs."""
        following = self.after(seg)
        return following is not None and following.is_param

    def under_an_id(self, seg: Segment) -> bool:
        """An ID comes somewhere before `seg`: it is part of an identified resource (`/orders/{order_id}/shipment`)."""
        return any(s.is_param for s in self.segments[: seg.index])

    def collection_of(self, seg: Segment) -> Segment | None:
        """The collection an ID belongs to: the noun right before it (`jobs` for `{job_id}` in `/jobs/{job_id}`);
        None when `seg` is no ID, or what comes before it is no collection (`/v1/{name}`, `/append-rows/{id}`)."""
        before = self.before(seg)
        return before if seg.is_param and before is not None and before.is_collection else None

    @property
    def custom_verb(self) -> Segment | None:
        """The custom method the path ends in (`/jobs/{id}/cancel`, `/books:batchGet`), if it is one."""
        last = self.last
        return last if last is not None and last.is_custom_verb else None

    @property
    def verb_on_collection(self) -> Segment | None:
        """The custom verb of a collection-level method, right after the collection (`/books:batchGet`,
        `/jobs/cancel`): it acts on the collection, or on a member named elsewhere."""
        seg = self.custom_verb
        before = self.before(seg) if seg is not None else None
        return seg if before is not None and before.role is Role.COLLECTION else None

    def is_attached(self, seg: Segment) -> bool:
        """A custom verb is attached to a resource when it follows an ID (`/jobs/{id}/cancel`), a collection
        (`/books:batchGet`, `/responses/compact`), a singleton (`/swarm/join` beside `GET /swarm`) or anything under
        an identified resource (`/orders/{order_id}/shipment/cancel`, `/sites/{name}/config/backup/list`)."""
        before = self.before(seg)
        if before is None:
            return False
        return before.role.is_resource or self.under_an_id(seg)

    @cached_property
    def template_params(self) -> list[str]:
        return PARAM.findall(self.template)

    def param_schema(self, name: str) -> dict[str, Any]:
        """The schema of a path parameter, from the first operation that declares it."""
        for op in self.operations:
            for param in op.parameters:
                if param.name == name and param.location == "path":
                    return param.schema
        return {}

    @cached_property
    def key_query_params(self) -> frozenset[str]:
        """Template variables written after the path, in a query string or fragment of the key (`?lat={lat}`)."""
        return frozenset(PARAM.findall(self.key[len(self.template) :]))

    prefix_ids: list[int] = field(default_factory=list)  # see `prefix`; filled in by `PrefixTree`

    def prefix(self, end: int | None = None) -> int:
        """The id of the path's first `end` segments (all by default) with every parameter written `{}`: two
        paths that differ only in parameter names share their prefix ids (they address the same resources)."""
        return self.prefix_ids[len(self.segments) if end is None else end]


class PrefixTree:
    """Every path prefix of a document, interned as an int (root 0), so that comparing prefixes and asking
    "does some path continue this prefix with a parameter?" cost O(1) however long the path is."""

    def __init__(self, items: list[PathItem]):
        self._ids: dict[tuple[int, str], int] = {}
        self._children: dict[int, list[str]] = {}
        self._items: dict[int, PathItem] = {}
        for item in items:
            ids = [0]
            for seg in item.segments:
                ids.append(self._extend(ids[-1], _shape(seg)))
            item.prefix_ids = ids
            self._items.setdefault(ids[-1], item)

    def _extend(self, parent: int, token: str) -> int:
        found = self._ids.get((parent, token))
        if found is None:
            found = self._ids[(parent, token)] = len(self._ids) + 1
            self._children.setdefault(parent, []).append(token)
        return found

    def item_at(self, prefix: int) -> PathItem | None:
        """The path that is exactly this prefix, if the document has one."""
        return self._items.get(prefix)

    def child(self, prefix: int, token: str) -> int | None:
        """The id of `prefix` continued by `token` (`"{}"` for any parameter), None when no path does that."""
        return self._ids.get((prefix, token))

    def param_child(self, prefix: int) -> int | None:
        """The id of `prefix` continued by a parameter, None when no path does that: some path addresses members
        of what the prefix ends in (`/import/status/{importUuid}` continues `/import/status`)."""
        return self._ids.get((prefix, "{}"))

    def item_without(self, item: PathItem, index: int) -> PathItem | None:
        """The document's path that is `item` without its segment at `index` (`/api/v1/pods` for
        `/api/v1/watch/pods` and 2), None when the document has no such path."""
        prefix: int | None = item.prefix(index)
        for seg in item.segments[index + 1 :]:
            prefix = self.child(prefix, _shape(seg)) if prefix is not None else None
        return self.item_at(prefix) if prefix is not None else None

    def child_tokens(self, prefix: int) -> list[str]:
        """The segments (as `_shape` writes them) that paths continue the prefix with, in the document's order."""
        return self._children.get(prefix, [])

    def has_children(self, prefix: int) -> bool:
        """Some path continues the prefix."""
        return prefix in self._children



def is_attached(item: PathItem, seg: Segment) -> bool:
    """`item.is_attached(seg)`, as a function (rules written before the method use it)."""
    return item.is_attached(seg)


def _shape(seg: Segment) -> str:
    """A segment with its parameters' names left out: `{job_id}` and `{id}` are both `{}`, `{name}.mp3` is `{}.mp3`,
    and a custom verb keeps its colon."""
    if seg.is_param:
        return PARAM.sub("{}", seg.text)
    return (":" if seg.colon else "") + seg.text
