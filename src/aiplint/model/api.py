"""The API model every rule reads: operations, parameters, bodies and path segments with their roles.

It is computed once per document (`ApiModel.build`), its words read with one `Lexicon`.  Segment roles are
decided here, from the path's own shape and from its siblings in the same document, so that no rule re-derives
them (tests/test_model.py has a table of them):

- `version`     `v1`, `v1alpha`, `v2beta1`, `v1p1beta1`, `2024-01-01`
- `param`       `{job_id}` (also mixed segments such as `{name}.json`)
- `collection`  a literal followed by a parameter (`/jobs/{job_id}`), or a terminal literal that is evidently a
                collection: a sibling path has `/x/{param}`, it is a plural noun, or it lists and creates
- `singleton`   a singular terminal noun (`/files/{file_id}/content`, `/v1/config`), a singular literal after an
                ID, or a readable top-level resource other paths continue (`GET /swarm` beside `/swarm/join`)
- `namespace`   a literal followed by a literal and not after an ID (`/v1/chat/completions`, `/post-training/...`)
- `alias`       a literal in ID position where a sibling path has a parameter (`/users/me`, `/publishers/-/books`)
- `custom_verb` `/jobs/{id}:cancel`, `/books:batchGet` (colon), a terminal verb literal (`/jobs/{id}/cancel`), or
                an RPC dispatch written into the key (`/#Action=DeleteQueue`)
- `well_known`  `/health`, `/v1/version`, `/openapi.json`, `/.well-known/...`
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Iterator

from aiplint.model import words
from aiplint.model.lexicon import Lexicon
from aiplint.model.roles import Role
from aiplint.model.targets import Target
from aiplint.model.targets import targets as targets_of
from aiplint.read.pointers import join_pointer

if TYPE_CHECKING:
    from aiplint.read.document import Document
    from aiplint.read.loading import Source

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

_PARAM = re.compile(r"\{([^{}]*)\}")
_FRAGMENT = re.compile(r"#[^/]*$")  # a trailing `#...` tells overloads apart; `/send/#env/v1/...` is a path
# An RPC dispatch written into the path key: AWS query and JSON protocols as converted by APIs-guru
# (`/#Action=DeleteQueue`, `/#X-Amz-Target=AmazonSQS.DeleteQueue`), `?method=flickr.photos.search`.
_DISPATCH = re.compile(r"[#?&](?:action|x-amz-target|method|op|operation|cmd|command)=(?:[\w-]+\.)*([A-Za-z]\w*)",
                       re.IGNORECASE)


@dataclass(eq=False)
class Segment:
    text: str
    role: Role = Role.NAMESPACE
    index: int = 0
    colon: bool = False  # a custom verb written as `:verb`
    verb: str | None = None  # for custom verbs (and verb-like collection literals): the verb word

    @property
    def is_param(self) -> bool:
        return self.role is Role.PARAM

    @property
    def param(self) -> str | None:
        match = _PARAM.search(self.text)
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
    returns_list: bool = False  # a 2xx response is a JSON array
    body_required: bool = False  # the request body is declared required (`requestBody.required`, OAS 2.0 `in: body`)

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
    def custom_verb(self) -> Segment | None:
        """The custom method the path ends in (`/jobs/{id}/cancel`, `/books:batchGet`), if it is one."""
        last = self.segments[-1] if self.segments else None
        return last if last is not None and last.role is Role.CUSTOM_VERB else None

    @cached_property
    def template_params(self) -> list[str]:
        return _PARAM.findall(self.template)

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
        return frozenset(_PARAM.findall(self.key[len(self.template) :]))

    prefix_ids: list[int] = field(default_factory=list)  # see `prefix`; filled in by `PrefixTree.add`

    def prefix(self, end: int | None = None) -> int:
        """The id of the path's first `end` segments (all by default) with every parameter written `{}`: two
        paths that differ only in parameter names share their prefix ids (they address the same resources)."""
        return self.prefix_ids[len(self.segments) if end is None else end]


class PrefixTree:
    """Every path prefix of a document, interned as an int (root 0), so that comparing prefixes and asking
    "does some path continue this prefix with a parameter?" cost O(1) however long the path is."""

    def __init__(self, items: list[PathItem]):
        self._ids: dict[tuple[int, str], int] = {}
        self._parents: set[int] = set()
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
            self._parents.add(parent)
        return found

    def item_at(self, prefix: int) -> PathItem | None:
        """The path that is exactly this prefix, if the document has one."""
        return self._items.get(prefix)

    def child(self, prefix: int, token: str) -> int | None:
        """The id of `prefix` continued by `token` (`"{}"` for any parameter), None when no path does that."""
        return self._ids.get((prefix, token))

    def has_children(self, prefix: int) -> bool:
        return prefix in self._parents


class ApiModel:
    """One document's operations and paths, with segment roles.  Build it with `ApiModel.build(document)`."""

    def __init__(self, document: Document, paths: list[PathItem], prefixes: PrefixTree, lexicon: Lexicon):
        self.document = document
        self.paths = paths
        self.prefixes = prefixes
        self.lexicon = lexicon
        self._targets: dict[int, list[Target]] = {}
        self.operations = [op for item in paths for op in item.operations]

    @classmethod
    def build(cls, document: Document, lexicon: Lexicon | None = None) -> ApiModel:
        """The model of one document, its words read with `lexicon` (by default, aiplint's own)."""
        lexicon = lexicon or Lexicon.of()
        builder = _Builder(document)
        paths = builder.paths()
        prefixes = PrefixTree(paths)
        _assign_roles(paths, prefixes, lexicon)
        return cls(document, paths, prefixes, lexicon)

    @cached_property
    def collection_stems(self) -> frozenset[str]:
        """Stems of every literal used as a plural collection anywhere in the API (`vector_stores` ->
        `vectorstore`).  A singular one (`/dataset/{id}`) is itself a mistake, so it is no evidence elsewhere."""
        return frozenset(
            self.lexicon.stem(seg.text) for item in self.paths for seg in item.segments
            if seg.role is Role.COLLECTION and self.lexicon.last_word_number(seg.text) != "singular"
        )

    @cached_property
    def resource_prefixes(self) -> dict[str, list[tuple[str, bool]]]:
        """For each resource stem, the shortest path prefix that ends in its collection right before an ID, its
        singular collections made plural (a suggestion is never a path another rule flags): `dataset` ->
        `/v1beta/datasets` (from `/v1beta/datasets/{dataset_id}`), as (text, colon) parts."""
        lex = self.lexicon
        found: dict[str, list[tuple[str, bool]]] = {}
        for item in self.paths:
            for seg in item.segments[:-1]:
                if seg.role is Role.COLLECTION and item.segments[seg.index + 1].is_param and not seg.verb:
                    parts = [(lex.pluralize_literal(s.text) if s.role is Role.COLLECTION and not s.verb
                              and lex.last_word_number(s.text) == "singular" else s.text, s.colon)
                             for s in item.segments[: seg.index + 1]]
                    stem = lex.stem(seg.text)
                    if stem not in found or len(parts) < len(found[stem]):
                        found[stem] = parts
        return found

    @cached_property
    def managed_nouns(self) -> frozenset[str]:
        """Stems of what the API's actions create or delete (`/#Action=CreateQueue` -> `queue`): resources of its own
        even where no path addresses them, as in RPC APIs."""
        lex, found = self.lexicon, set()
        for _, seg in self.custom_verbs():
            parts = lex.words_of(words.action_part(seg.text))
            if len(parts) > 1 and (lex.has(parts[0], "create-verb") or lex.mapping("standard-http").get(parts[0]) == (
                    "delete",)):
                found.add(lex.stem("-".join(parts[1:])))
        return frozenset(found)

    @cached_property
    def silent_on_required_fields(self) -> bool:
        """No request body of the document lists a required property (Mandrill's): a field of a body declared
        required may then be required without the spec saying so."""
        return not any(prop.required for item in self.paths for op in item.operations for prop in op.body)

    @cached_property
    def member_keys(self) -> dict[str, frozenset[str]]:
        """For each collection stem, the names of the parameters its members are addressed by (`/profiles/{name}`:
        `profile` -> {`name`}), so a required `name` elsewhere is known to identify a profile."""
        found: dict[str, set[str]] = {}
        for item in self.paths:
            for seg in item.segments[1:]:
                before = item.segments[seg.index - 1]
                if seg.is_param and seg.param and before.role is Role.COLLECTION and not before.verb:
                    found.setdefault(self.lexicon.stem(before.text), set()).add(seg.param)
        return {stem: frozenset(names) for stem, names in found.items()}

    @cached_property
    def _paths_by_prefix(self) -> dict[int, list[PathItem]]:
        found: dict[int, list[PathItem]] = {}
        for item in self.paths:
            for prefix in item.prefix_ids:
                found.setdefault(prefix, []).append(item)
        return found

    def paths_under(self, prefix: int) -> list[PathItem]:
        """Every path that starts with the prefix (`PathItem.prefix`), in document order."""
        return self._paths_by_prefix.get(prefix, [])

    def targets(self, op: Operation) -> list[Target]:
        """The IDs outside the path that name what `op` acts on, the likeliest first (see `aiplint.model.targets`)."""
        found = self._targets.get(id(op))
        if found is None:
            found = self._targets[id(op)] = targets_of(self, op)
        return found

    @cached_property
    def custom_verb_style(self) -> str:
        """`colon` when most custom methods attached to a resource use `:verb`, else `slash`."""
        attached = [seg for item, seg in self.custom_verbs() if is_attached(item, seg)]
        colon = sum(1 for seg in attached if seg.colon)
        return "colon" if colon * 2 > len(attached) else "slash"

    def custom_verbs(self) -> Iterator[tuple[PathItem, Segment]]:
        for item in self.paths:
            for seg in item.segments:
                if seg.role is Role.CUSTOM_VERB:
                    yield item, seg


def is_attached(item: PathItem, seg: Segment) -> bool:
    """A custom verb is attached to a resource when it follows an ID (`/jobs/{id}/cancel`), a collection
    (`/books:batchGet`, `/responses/compact`), a singleton (`/swarm/join` beside `GET /swarm`) or anything under an
    identified resource (`/orders/{order_id}/shipment/cancel`, `/sites/{name}/config/backup/list`)."""
    before = item.segments[seg.index - 1] if seg.index > 0 else None
    if before is None:
        return False
    return before.role.is_resource or any(
        s.is_param for s in item.segments[: seg.index])


class _Builder:
    def __init__(self, document: Document):
        self.document = document

    def paths(self) -> list[PathItem]:
        root = self.document.root
        raw_paths = root.data.get("paths")
        if not isinstance(raw_paths, dict):
            return []

        items = []
        for key, value in raw_paths.items():
            if not isinstance(key, str) or not key.startswith("/"):
                continue
            pointer = join_pointer("/paths", key)
            target = self.document.refs.resolve(value, root, pointer)
            if not isinstance(target.node, dict):
                continue
            template = _FRAGMENT.sub("", key.split("?", 1)[0])  # `/x?beta=true`, APIs-guru's `/#Action=Foo`
            at = Location(target.source, target.pointer)
            dispatch = _DISPATCH.search(key)  # the action is the path's last segment: `/#Action=DeleteQueue`
            segments = _split(template + ("/" + dispatch.group(1) if dispatch else ""))
            if dispatch:
                segments[-1].role = Role.CUSTOM_VERB  # the key says it is the action, whatever its words
            item = PathItem(key, template, segments, at, Location(root, pointer))
            item.operations = list(self._operations(item, target.node))
            items.append(item)
        return items

    def _operations(self, item: PathItem, node: dict[str, Any]) -> Iterator[Operation]:

        source, base = item.at.source, item.at.pointer
        shared = item.parameters = self._parameters(node.get("parameters"), source, base, "path")
        for method in HTTP_METHODS:
            raw = node.get(method)
            if not isinstance(raw, dict):
                continue
            pointer = join_pointer(base, method)
            own = self._parameters(raw.get("parameters"), source, pointer, "operation")
            overridden = {(p.name, p.location) for p in own}
            params = [p for p in shared if (p.name, p.location) not in overridden] + own
            body, request_schema = self._body(raw, params, source, pointer)
            written = list(self._response_schemas(raw.get("responses"), source, pointer))
            yield Operation(
                method=method,
                path=item,
                operation_id=raw.get("operationId") if isinstance(raw.get("operationId"), str) else None,
                summary=raw.get("summary") if isinstance(raw.get("summary"), str) else None,
                parameters=[p for p in params if p.location not in ("body", "formData")],
                body=body,
                at=Location(source, pointer),
                raw=raw,
                returns=frozenset(name for schema in written if (name := _schema_name(schema)) is not None),
                returns_list=self._returns_array(written, source, pointer),
                request_schema=request_schema,
                declared_parameters=shared + own,
                body_required=self._body_required(raw, params, source, pointer),
            )

    def _parameters(self, raw: Any, source: Source, holder: str, level: str) -> list[Parameter]:
        """The `parameters` list of the object at `holder` (a path item or an operation)."""
        if not isinstance(raw, list):
            return []
        pointer = join_pointer(holder, "parameters")
        params = []
        for index, entry in enumerate(raw):
            at = join_pointer(pointer, index)
            target = self.document.refs.resolve(entry, source, at).node
            if not isinstance(target, dict) or not isinstance(target.get("name"), str):
                continue
            schema = target.get("schema") if "schema" in target else target  # OAS 2.0 keeps `type` inline
            schema = self.document.refs.resolve(schema, source, at).node if isinstance(schema, dict) else {}
            params.append(
                Parameter(
                    name=target["name"],
                    location=str(target.get("in", "")),
                    required=target.get("required") is True,
                    schema=schema if isinstance(schema, dict) else {},
                    at=Location(source, at),
                    level=level,
                    schema_name=_schema_name(target.get("schema")),
                )
            )
        return params

    def _body(self, raw: dict[str, Any], params: list[Parameter], source: Source, pointer: str
              ) -> tuple[list[BodyProperty], str | None]:
        """Top-level properties of the request body (OAS 3 `requestBody`, OAS 2 `in: body` / `formData`), and the
        name of its schema when it `$ref`s one."""

        form = [BodyProperty(p.name, p.required, p.at, p.schema) for p in params if p.location == "formData"]
        body_params = [p for p in params if p.location == "body"]
        if body_params:
            schema_at = join_pointer(body_params[0].at.pointer, "schema")
            found = self._properties(body_params[0].schema, body_params[0].at.source, schema_at)
            return form + found, body_params[0].schema_name
        request = raw.get("requestBody")
        if not isinstance(request, dict):
            return form, None
        resolved = self.document.refs.resolve(request, source, join_pointer(pointer, "requestBody"))
        content = resolved.node.get("content") if isinstance(resolved.node, dict) else None
        if not isinstance(content, dict):
            return form, None
        # JSON first, then forms, then any other structured body (`text/xml` in AWS query APIs)
        for media_type in sorted(content, key=lambda m: ("json" not in m, "form" not in m)):
            media = content[media_type]
            if isinstance(media, dict) and isinstance(media.get("schema"), dict):
                at = join_pointer(resolved.pointer, "content", media_type, "schema")
                return form + self._properties(media["schema"], resolved.source, at), _schema_name(media["schema"])
        return form, None

    def _body_required(self, raw: dict[str, Any], params: list[Parameter], source: Source, pointer: str) -> bool:

        if any(p.location == "body" for p in params):
            return any(p.required for p in params if p.location == "body")
        request = raw.get("requestBody")
        if not isinstance(request, dict):
            return False
        resolved = self.document.refs.resolve(request, source, join_pointer(pointer, "requestBody")).node
        return isinstance(resolved, dict) and resolved.get("required") is True

    def _returns_array(self, written: list[dict[str, Any]], source: Source, pointer: str) -> bool:
        """Whether a 2xx response schema (`$ref` resolved) is an array."""
        return any(isinstance(node := self.document.refs.resolve(schema, source, pointer).node, dict)
                   and node.get("type") == "array" for schema in written)

    def _response_schemas(self, responses: Any, source: Source, pointer: str) -> Iterator[dict[str, Any]]:
        """The schemas of the 2xx responses, as written (OAS 2.0 `schema`, OAS 3 `content`)."""
        if not isinstance(responses, dict):
            return
        for status, response in responses.items():
            if not str(status).startswith("2"):
                continue
            target = self.document.refs.resolve(response, source, join_pointer(pointer, "responses", status)).node
            if not isinstance(target, dict):
                continue
            content = target.get("content")
            media = list(content.values()) if isinstance(content, dict) else []
            for schema in [target.get("schema"), *(m.get("schema") for m in media if isinstance(m, dict))]:
                if isinstance(schema, dict):
                    yield schema

    def _properties(self, schema: Any, source: Source, pointer: str, depth: int = 0,
                    seen: set[tuple[str, str]] | None = None) -> list[BodyProperty]:
        """A body schema's top-level properties, its `allOf` parts' first.  Each schema is read once per body
        (`seen`), so a schema that lists itself, or one part many times, costs no more than its size."""

        seen = set() if seen is None else seen
        target = self.document.refs.resolve(schema, source, pointer)
        node = target.node
        if not isinstance(node, dict) or depth > 8 or (target.source.abspath, target.pointer) in seen:
            return []
        seen.add((target.source.abspath, target.pointer))
        found: list[BodyProperty] = []
        parts = node.get("allOf")
        for index, part in enumerate(parts if isinstance(parts, list) else ()):
            at = join_pointer(target.pointer, "allOf", index)
            found += self._properties(part, target.source, at, depth + 1, seen)
        required: list[Any] = node["required"] if isinstance(node.get("required"), list) else []
        properties = node.get("properties")
        if isinstance(properties, dict):
            for name, value in properties.items():
                where = Location(target.source, join_pointer(target.pointer, "properties", name))
                schema = self.document.refs.resolve(value, target.source, where.pointer).node
                found.append(BodyProperty(name, name in required, where, schema if isinstance(schema, dict) else {}))
        return found


def _shape(seg: Segment) -> str:
    """A segment with its parameters' names left out: `{job_id}` and `{id}` are both `{}`, `{name}.mp3` is `{}.mp3`,
    and a custom verb keeps its colon."""
    if seg.is_param:
        return _PARAM.sub("{}", seg.text)
    return (":" if seg.colon else "") + seg.text


def _schema_name(schema: Any) -> str | None:
    """`connection` for a schema that is `{$ref: '#/components/schemas/Connection'}`."""
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    return words.compact(ref.rsplit("/", 1)[-1]) if isinstance(ref, str) else None


def _split(template: str) -> list[Segment]:
    """Split a path template into segments, cutting a trailing custom verb (`{id}:cancel`, `books:batchGet`)
    into its own segment.  A `:` inside braces is not a verb."""
    segments: list[Segment] = []
    for raw in template.split("/"):
        if not raw:
            continue
        outside = _PARAM.sub(lambda m: "{" + "x" * len(m.group(1)) + "}", raw)
        colon = outside.rfind(":")
        if colon > 0:
            segments.append(Segment(raw[:colon]))
            segments.append(Segment(raw[colon + 1 :], Role.CUSTOM_VERB, colon=True))
        else:
            segments.append(Segment(raw))
    for index, seg in enumerate(segments):
        seg.index = index
        if seg.role is not Role.CUSTOM_VERB and _PARAM.search(seg.text):
            seg.role = Role.PARAM
    return segments


def _assign_roles(items: list[PathItem], prefixes: PrefixTree, lex: Lexicon) -> None:
    for item in items:
        well_known = False
        for seg in item.segments:
            if seg.role is Role.CUSTOM_VERB:
                seg.verb = _verb_of(seg.text, lex)
                continue
            if seg.role is Role.PARAM:
                continue
            well_known = well_known or lex.has(seg.text.lower(), "protocol") or (
                lex.has(seg.text.lower(), "sign-in-namespace") and not any(
                    s.is_param for s in item.segments[seg.index + 1 :]))
            seg.role = _literal_role(item, seg, prefixes, well_known, lex)
            if seg.role is Role.CUSTOM_VERB:
                seg.verb = _verb_of(seg.text, lex)
            elif seg.role is Role.COLLECTION:
                seg.verb = _collection_verb(item, seg, lex)


def _literal_role(
    item: PathItem, seg: Segment, prefixes: PrefixTree, well_known: bool, lex: Lexicon
) -> Role:
    i = seg.index
    segments = item.segments
    before = segments[i - 1] if i > 0 else None
    after = segments[i + 1] if i + 1 < len(segments) else None
    terminal = after is None
    if well_known or (terminal and lex.has(seg.text.lower().lstrip("_"), "well-known")):  # `/_ping`
        return Role.WELL_KNOWN
    if words.is_version(seg.text) and (before is None or before.role is Role.VERSION or before.role is Role.NAMESPACE):
        return Role.VERSION
    after_resource = before is not None and (before.is_param or before.role is Role.COLLECTION)
    if terminal and _is_slash_verb(seg.text, item, lex, after_resource):
        return Role.CUSTOM_VERB
    plural = lex.last_word_number(seg.text) == "plural"
    if after is not None and after.is_param:
        return Role.COLLECTION
    if after is not None and after.colon:  # `books:batchGet` on a collection, `state:report` on a singleton
        on_collection = after.words[:1] and lex.has(after.words[0], "collection-verb")
        singular = lex.last_word_number(seg.text) == "singular"
        return Role.SINGLETON if not on_collection and singular else Role.COLLECTION
    in_id_position = before is not None and before.role is Role.COLLECTION
    beside_a_parameter = not plural and prefixes.child(item.prefix(i), "{}") is not None
    if in_id_position and (lex.has(seg.text, "alias") or beside_a_parameter):
        return Role.ALIAS
    if prefixes.child(item.prefix(i + 1), "{}") is not None:
        return Role.COLLECTION  # a sibling path has `/this/{param}`
    after_id = before is not None and before.role.identifies
    if terminal or after_id:
        return Role.COLLECTION if plural or (terminal and _created_here(item, seg, lex)) else Role.SINGLETON
    if plural and after is not None and i + 2 == len(segments) and _is_slash_verb(after.text, item, lex,
                                                                                   after_resource=True):
        return Role.COLLECTION  # a collection-level custom method: `/graders/run`
    readable = prefixes.item_at(item.prefix(i + 1))
    if readable is not None and "get" in readable.methods and lex.last_word_number(seg.text) == "singular":
        return Role.SINGLETON  # a resource of its own that other paths continue: `GET /swarm`, `/swarm/join`
    return Role.NAMESPACE


def _created_here(item: PathItem, seg: Segment, lex: Lexicon) -> bool:
    """A terminal singular noun that lists and creates its members (`GET /order` answering an array, beside
    `POST /order`) is a collection written in the singular: a singleton is one resource, never created (AIP-156).
    Either alone is no evidence: singletons return lists (`/readinglist`) and are set up by POST (`/database`)."""
    lists = any(op.method == "get" and op.returns_list for op in item.operations)
    return lists and "post" in item.methods and lex.last_word_number(seg.text) == "singular"


def _verb_of(literal: str, lex: Lexicon) -> str:
    """The verb naming a custom method: the literal's verb, else its first word (`:batchGet`, `/trash`)."""
    return lex.leading_verb(literal) or next(iter(lex.words_of(words.action_part(literal))), literal)


def _is_slash_verb(literal: str, item: PathItem, lex: Lexicon, after_resource: bool = False) -> bool:
    """A terminal literal named by a verb (`cancel`, `run-shield`, `list-tools`, `findByStatus`).

    Where a noun reading is as likely, it takes more evidence: the operations' own names saying the verb
    (operationId `updateSystem`, summary "Update the system"); a preposition after the verb (`findByStatus`);
    an RPC call on the ID of something else (`GET /archiveReport?reportId=`, `/addLabel?itemId=`, but not
    `StopSchedule?stopId=`, a stop's schedule); or else: verbs that are also nouns (`search`, `export`, `grant`)
    and object + verb phrases (`preference-optimize`) count only where nothing reads or replaces the literal
    (POST, or HEAD, OPTIONS, TRACE), a multi-word homograph phrase also on one other writing method
    (`PUT .../set-default-version`); a verb before a plural noun (`search-results`) never counts; on a GET-only
    path item a multi-word literal counts only when it starts with a reading verb (`list-tools`, not
    `StopSchedule`); and a literal that also takes PUT, PATCH or DELETE beside another method is a resource
    (`GET`/`PUT .../fork-pr-contributor-approval`).

    Right after an ID or a collection (`after_resource`) a single word needs less: one that is mostly a noun
    but also a verb names an action where nothing reads or replaces it (`POST /messages/{id}/trash`,
    `/charges/{id}/refund`, `/reactions/toggle`), and a verb that only reads names one on GET
    (`GET /images/search`, `/containers/{id}/export`)."""
    methods = item.methods
    parts = lex.words_of(words.action_part(literal))
    writes_only = methods <= _WRITES_ONLY
    if after_resource and len(parts) == 1 and methods and _attached_action(parts[0], methods, writes_only, lex):
        return True
    verb = lex.leading_verb(literal)
    if verb is None or not methods:
        return False
    named = _named_verbs(item, lex)
    if verb in named or (literal.startswith(verb.upper()) and verb in HTTP_METHODS):
        return True  # the operation's name says it; an HTTP method written into the path (`PUTImages`)
    preposition = len(parts) > 1 and lex.has(parts[1], "preposition")  # findByStatus, apply_to_resources
    # POST `remove_all_rules`, `apply-labels`; but `search-results`, `file_batches` (a create) are nouns
    acts = writes_only and lex.verb_kind(verb) == "verb" and not lex.has(verb, "read-verb")
    if not preposition and not acts and _noun_phrase(literal, verb, lex):
        return False
    if not lex.verb_leads(literal, verb):
        return writes_only
    if preposition or (len(parts) > 1 and _acts_on_an_id(parts, item, lex)):
        return True
    if lex.is_homograph(verb):
        # `PUT .../set-default-version` is an action, `PUT .../readMarker` (UpdateChannelReadMarker) a resource;
        # with nothing before it, a verb only WordNet lists is a noun first (`POST /issue` creates an issue)
        if writes_only:
            return after_resource or lex.listed_verb(verb)
        return len(parts) > 1 and len(methods) == 1 and "get" not in methods and not named
    if methods == {"get"} and len(parts) > 1:  # `list-tools`, RPC `GET /DeleteQueue`; not `send-checklist`
        return any(lex.has(verb, tag) for tag in ("read-verb", "standard-verb")) or verb in lex.mapping("synonym")
    return len(methods) == 1 or methods <= {"get", "post"}


# Methods that neither read nor replace what the path names: a literal taking only these is an action.
_WRITES_ONLY = frozenset(("post", "head", "options", "trace"))


def _attached_action(word: str, methods: frozenset[str], writes_only: bool, lex: Lexicon) -> bool:
    """One word after an ID or a collection that names an action: a verb that is mostly a noun where nothing
    reads or replaces it (`trash`, `refund`, `snapshot`; not a noun kept as one: `report`, nor a mass noun:
    `content`, `access`), or a reading verb on GET (`search`, `export`)."""
    kind = lex.verb_kind(word)
    if writes_only:
        return kind is not None and not lex.has(word, "noun") and not lex.has(word, "uncountable")
    return methods == {"get"} and kind == "homograph" and lex.has(word, "read-verb") and lex.has(word, "read-action")


def _acts_on_an_id(parts: tuple[str, ...], item: PathItem, lex: Lexicon) -> bool:
    """An RPC call whose operations take the required ID of what it acts on: `archiveReport?reportId=` (a verb
    that is also a noun needs its object's own ID), `addLabel?itemId=` (any other thing's), but not
    `StopSchedule?stopId=` (an ID of the first word: a stop's schedule, a noun phrase)."""
    stems = {lex.id_stem(p.name) for op in item.operations for p in op.parameters
             if p.required and p.location in ("query", "path") and p.name not in item.template_params}
    stems.discard(None)
    if not stems or parts[0] in stems:
        return False
    if lex.is_homograph(parts[0]):
        return lex.stem("-".join(parts[1:])) in stems
    return True


def _named_verbs(item: PathItem, lex: Lexicon) -> set[str]:
    """The first words of the path item's operationIds and summaries (`updateSystem`, "Update the system"),
    leaving out names built on the literal itself (`UpdateLocations_List` names the resource, then the method;
    "display ads" only restates `display_ads`)."""
    literal = lex.words_of(words.action_part(item.segments[-1].text)) if item.segments else ()
    found = set()
    for op in item.operations:
        for name in (op.operation_id, op.summary):
            parts = lex.words_of(words.action_part(name)) if name else ()
            if parts and parts[: len(literal)] != literal:
                found.add(parts[0])
    return found


def _noun_phrase(literal: str, verb: str, lex: Lexicon) -> bool:
    """A verb before a plural noun reads as a noun phrase (`search-results`, `ConnectApps`, `AddOnResults`),
    except after a standard method's verb (`list-tools`, `delete-files`)."""
    parts = lex.words_of(words.action_part(literal))
    return (
        len(parts) > 1
        and parts[0] == verb
        and not lex.has(verb, "standard-verb")
        and lex.noun_number(parts[-1]) == "plural"
    )


def member_subjects(item: PathItem, seg: Segment, lex: Lexicon) -> list[str | None]:
    """`Lexicon.subject` of each parameter right after a literal: what its members are identified by."""
    found: list[str | None] = []
    for after in item.segments[seg.index + 1 :]:
        if not after.is_param:
            break
        found.append(lex.subject(after.param or ""))
    return found


def names_other_thing(item: PathItem, seg: Segment, lex: Lexicon) -> bool:
    """Whether the parameters after a literal identify something it does not name, so the literal is not their
    collection: another noun (`Iban/{countryCode}`, `System/{command}`), a selector (`archive/{year}`), a value
    (`status/{status}` with a boolean or enum `{status}`), or, for an attribute of a thing
    (`pipeline-status/{identifier}`), the thing."""
    subjects = member_subjects(item, seg, lex)
    if not subjects:
        return False
    following = item.segments[seg.index + 1]
    if words.split_words(following.param or "") == seg.words:  # `status/{status}`: an ID, or a value to set?
        schema = item.param_schema(following.param or "")
        if schema.get("type") in ("boolean", "number") or "enum" in schema:
            return True
    parts = lex.words_of(seg.text)
    if words.compact(following.param or "") == "".join(parts) and (lex.is_id_word(parts[-1]) or lex.has(
            parts[-1], "generic-id")):
        return True  # `regcode/{regCode}`: the literal names a kind of key, a lookup by it (`section/{section}` is not)
    if len(parts) > 1 and lex.has(parts[-1], "attribute") and subjects[0] in (None, "".join(parts[:-1])):
        return True  # `inventorysummary/{inventoryNumber}`: an attribute of the thing the ID names
    if any(noun and lex.refers_to(seg.text, noun) for noun in subjects):
        return False
    if subjects[0] is None:
        return False
    # a composite key (`shipping_rate/{country}/{zone}`) addresses members of the literal, a selector does not
    return len(subjects) == 1 or "" in subjects


def _collection_verb(item: PathItem, seg: Segment, lex: Lexicon) -> str | None:
    """The verb of a literal in collection position (`append-rows/{dataset_id}`), or None for a real
    collection.

    A literal that one of the parameters after it names is the collection (`checkpoints/{checkpoint_id}`,
    `imageSet/{imageSetId}`).  A noun compound ending in a verb (`caseUpdate`) is a noun.  A verb before a
    plural noun (`append-rows`), a verb glued to a noun (`iterrows`) or a verb that is also a noun (`copy`,
    `search`, `ping-method-code`) counts only when the parameter after it names something else
    (`{dataset_id}`, `{path}`)."""
    subjects = member_subjects(item, seg, lex)
    if any(noun and lex.refers_to(seg.text, noun) for noun in subjects):
        return None
    other = bool(subjects) and bool(subjects[0])
    verb = lex.leading_verb(seg.text)
    if verb is None:
        return lex.verb_compound(seg.text) if other else None
    if not lex.verb_leads(seg.text, verb):
        return None
    if lex.is_homograph(verb):  # `copy/{path}`; but `share-invite-...-response/{item_id}`, `recall/{vin}` are nouns
        return verb if other and len(lex.words_of(seg.text)) == 1 and lex.listed_verb(verb) else None
    if _noun_phrase(seg.text, verb, lex):
        return verb if other else None
    return verb
