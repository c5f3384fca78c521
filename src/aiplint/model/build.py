"""Building the model's paths and operations from a document (`paths_of`): each path key split into segments,
each operation with its parameters (path item's and its own), request body properties and response schemas,
`$ref`s resolved.  The segments' roles are decided afterwards, by `aiplint.model.roles`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterator

from aiplint.model import words
from aiplint.model.roles import Role
from aiplint.model.types import PARAM, BodyProperty, Location, Operation, Parameter, PathItem, Segment, Shape
from aiplint.read.document import HTTP_METHODS
from aiplint.read.pointers import join_pointer

if TYPE_CHECKING:
    from aiplint.read.document import Document
    from aiplint.read.loading import Source

_FRAGMENT = re.compile(r"#[^/]*$")  # a trailing `#...` tells overloads apart; `/send/#env/v1/...` is a path
# An RPC dispatch written into the path key: AWS query and JSON protocols as converted by APIs-guru
# (`/#Action=DeleteQueue`, `/#X-Amz-Target=AmazonSQS.DeleteQueue`), `?method=flickr.photos.search`.
_DISPATCH = re.compile(r"[#?&](?:action|x-amz-target|method|op|operation|cmd|command)=(?:[\w-]+\.)*([A-Za-z]\w*)",
                       re.IGNORECASE)


def paths_of(document: Document) -> list[PathItem]:
    """The document's paths, in document order, with their operations (segment roles not yet decided)."""
    return _Builder(document).paths()


class _Builder:
    """Reads one document's path items and operations, following `$ref`s through `document.refs`."""

    def __init__(self, document: Document):
        self.document = document

    def paths(self) -> list[PathItem]:
        """Every path item whose key starts with `/`, its key split into segments (`_split`): an RPC dispatch in
        the key (`/#Action=DeleteQueue`) becomes a last segment that is a custom verb whatever its words."""
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
        """The path item's operations, in `HTTP_METHODS` order, each with the path item's parameters it does not
        override and its own."""
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
                shape=self._shape(raw.get("responses"), written, source, pointer),
                lists=self._listed(written, source, pointer),
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
                    description=target["description"] if isinstance(target.get("description"), str) else "",
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
                found = self._properties(media["schema"], resolved.source, at) or _exemplified(
                    media, Location(resolved.source, join_pointer(resolved.pointer, "content", media_type)))
                return form + found, _schema_name(media["schema"])
        return form, None

    def _body_required(self, raw: dict[str, Any], params: list[Parameter], source: Source, pointer: str) -> bool:
        """The request body is declared required (OAS 3 `requestBody.required`, OAS 2.0 a required `in: body`)."""
        if any(p.location == "body" for p in params):
            return any(p.required for p in params if p.location == "body")
        request = raw.get("requestBody")
        if not isinstance(request, dict):
            return False
        resolved = self.document.refs.resolve(request, source, join_pointer(pointer, "requestBody")).node
        return isinstance(resolved, dict) and resolved.get("required") is True

    def _shape(self, responses: Any, written: list[dict[str, Any]], source: Source, pointer: str) -> Shape:
        """What the 2xx responses return (`Shape`): a list when a schema is an array, a page when it is an object
        wrapping one array (`{jobs: [...], next_page_token}`), one object, nothing (a 2xx without content), or
        unknown (no 2xx response, or no schema that says)."""
        nodes = [node for schema in written
                 if isinstance(node := self.document.refs.resolve(schema, source, pointer).node, dict)]
        if any(node.get("type") == "array" or "items" in node for node in nodes):
            return Shape.LIST
        if any(self._wraps_a_list(node, source, pointer) for node in nodes):
            return Shape.PAGE
        if any(node.get("type") == "object" or "properties" in node or "allOf" in node for node in nodes):
            return Shape.ONE
        has_2xx = isinstance(responses, dict) and any(str(status).startswith("2") for status in responses)
        return Shape.NONE if has_2xx and not written else Shape.UNKNOWN

    def _listed(self, written: list[dict[str, Any]], source: Source, pointer: str) -> frozenset[str]:
        """Compact names of the schemas a list or page response holds (`[Label]`, `{labels: [Label], next}`)."""
        found: set[str] = set()
        for schema in written:
            node = self.document.refs.resolve(schema, source, pointer).node
            if not isinstance(node, dict):
                continue
            if "items" in node:
                arrays = [node]
            elif self._wraps_a_list(node, source, pointer):
                resolved = (self.document.refs.resolve(value, source, pointer).node
                            for value in node["properties"].values())
                arrays = [value for value in resolved if isinstance(value, dict) and "items" in value]
            else:
                arrays = []
            found.update(name for array in arrays if (name := _schema_name(array.get("items"))) is not None)
        return frozenset(found)

    def _wraps_a_list(self, node: dict[str, Any], source: Source, pointer: str) -> bool:
        """An object with one array beside a page token, cursor or count (`{object, data: [...], has_more}`,
        `{jobs: [...], next_page_token}`), or of arrays only (a search's `{accounts: [...], statuses: [...]}`):
        AIP-158's response, and its usual variants."""
        properties = node.get("properties")
        if not isinstance(properties, dict):
            return False
        arrays = [name for name, value in properties.items()
                  if isinstance(schema := self.document.refs.resolve(value, source, pointer).node, dict)
                  and (schema.get("type") == "array" or "items" in schema)]
        paging = [name for name in properties if next(iter(words.split_words(name)), "") in _PAGING_WORDS]
        return bool(arrays) and (bool(paging) and len(arrays) == 1 or len(arrays) + len(paging) == len(properties))

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


# first words of the fields a page carries beside its items: `next_page_token`, `has_more`, `total_count`, `cursor`,
# and JSON:API's `links` and `meta` (`{data: [...], links: {next}, meta}`)
_PAGING_WORDS = frozenset(("next", "has", "total", "cursor", "page", "count", "continuation", "marker", "offset",
                           "pagination", "paging", "links", "meta"))


def _exemplified(media: dict[str, Any], at: Location) -> list[BodyProperty]:
    """The fields of a body whose schema lists none (`{type: object}`) as its example shows them (Clubhouse's
    `POST /get_club` with the example `{"club_id": 1234}`, specs converted from Postman collections): none
    required, each typed by its example value, so that a flag, a list or an object is no key."""
    example = media.get("example")
    examples = media.get("examples")
    if not isinstance(example, dict) and isinstance(examples, dict):
        first = next(iter(examples.values()), None)
        example = first.get("value") if isinstance(first, dict) else None
    if not isinstance(example, dict):
        return []
    return [BodyProperty(name, False, at, {"type": _JSON_TYPES.get(type(value), "string")})
            for name, value in example.items() if isinstance(name, str)]


_JSON_TYPES = {bool: "boolean", int: "integer", float: "number", list: "array", dict: "object"}


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
        outside = PARAM.sub(lambda m: "{" + "x" * len(m.group(1)) + "}", raw)
        colon = outside.rfind(":")
        if colon > 0:
            segments.append(Segment(raw[:colon]))
            segments.append(Segment(raw[colon + 1 :], Role.CUSTOM_VERB, colon=True))
        else:
            segments.append(Segment(raw))
    for index, seg in enumerate(segments):
        seg.index = index
        if seg.role is not Role.CUSTOM_VERB and PARAM.search(seg.text):
            seg.role = Role.PARAM
    return segments
