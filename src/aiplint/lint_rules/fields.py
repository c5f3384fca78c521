"""The fields a document declares, each once, where it is written: the properties of its named schemas
(`components/schemas`, OpenAPI 2.0 `definitions`) and of the schemas written inline in its operations' bodies and
responses, nested objects and array items included.  The field rules (AIP-140, 142, 203) read them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, Iterator
from weakref import WeakKeyDictionary

from aiplint.model import ApiModel, Location
from aiplint.model.words import compact, split_words
from aiplint.read.loading import Source
from aiplint.read.pointers import join_pointer

_NESTED = ("items", "additionalProperties", "not")
_COMBINED = ("allOf", "anyOf", "oneOf")
_DEPTH = 12  # deeper than any real schema nests inline; a bound against pathological documents


@dataclass(frozen=True)
class Field:
    name: str
    schema: dict[str, Any]  # its own schema, `$ref` resolved
    source: Source  # the file it is written in
    parent: str  # the pointer of its holder's schema: the field is `properties/<name>` under it
    holder: str | None  # the compact name of the named schema it belongs to; None inside an operation
    written: dict[str, Any]  # as written: a `$ref` with siblings (OpenAPI 3.1 allows `readOnly` beside one)
    container: str  # the name of the schema or property it is a property of, through arrays and maps; "" for a body

    @property
    def at(self) -> Location:
        """The property's entry in its holder's `properties`, built when a rule reports it (most fields are
        never reported, and GitHub's description has 38,764)."""
        return Location(self.source, join_pointer(self.parent, "properties", self.name))

    @cached_property
    def words(self) -> tuple[str, ...]:
        return split_words(self.name)

    @property
    def read_only(self) -> bool:
        return self.schema.get("readOnly") is True or self.written.get("readOnly") is True


def fields(api: ApiModel) -> list[Field]:
    """Every field of the document, in document order, computed once per model."""
    found = _FIELDS.get(api)
    if found is None:
        found = _FIELDS[api] = _Walker(api).walk()
    return found


def schema_fields(api: ApiModel) -> dict[str, list[Field]]:
    """The fields of each named schema by its compact name (`Book` -> `book`), its `allOf` parts' own included."""
    found: dict[str, list[Field]] = {}
    for field in fields(api):
        if field.holder is not None:
            found.setdefault(field.holder, []).append(field)
    return found


class _Walker:
    def __init__(self, api: ApiModel):
        self.refs = api.document.refs
        self.root = api.document.root
        self.api = api
        self.seen: set[str] = set()
        self.found: list[Field] = []

    def walk(self) -> list[Field]:
        data = self.root.data
        components = data.get("components")
        named = components.get("schemas") if isinstance(components, dict) else data.get("definitions")
        base = "/components/schemas" if isinstance(components, dict) else "/definitions"
        for name, schema in (named.items() if isinstance(named, dict) else ()):
            self._collect(schema, join_pointer(base, name), compact(name), 0, name)
        for op in self.api.operations:
            for schema, pointer in self._operation_schemas(op.raw, op.at.pointer):
                self._collect(schema, pointer, None, 0, "")
        return self.found

    def _operation_schemas(self, raw: dict[str, Any], pointer: str) -> Iterator[tuple[Any, str]]:
        """The inline schemas of an operation's body parameter, request body and responses (a `$ref` to a named
        schema is walked with it)."""
        for index, param in enumerate(raw.get("parameters") or ()):
            if isinstance(param, dict) and param.get("in") == "body":
                yield param.get("schema"), join_pointer(pointer, "parameters", index, "schema")
        holders = [("requestBody", raw.get("requestBody"))]
        responses = raw.get("responses")
        holders += [(f"responses/{code}", value) for code, value in
                    (responses.items() if isinstance(responses, dict) else ())]
        for where, holder in holders:
            at = join_pointer(pointer, *where.split("/"))
            resolved = self.refs.resolve(holder, self.root, at)
            if not isinstance(resolved.node, dict) or resolved.source is not self.root:
                continue
            if "schema" in resolved.node:
                yield resolved.node["schema"], join_pointer(resolved.pointer, "schema")
            content = resolved.node.get("content")
            for media, value in (content.items() if isinstance(content, dict) else ()):
                if isinstance(value, dict):
                    yield value.get("schema"), join_pointer(resolved.pointer, "content", media, "schema")

    def _collect(self, node: Any, pointer: str, holder: str | None, depth: int, container: str) -> None:
        """The fields of `node` and of what it nests, appended to `self.found` (not yielded through every level:
        GitHub's 13 MB description nests deep, and generator chains cost a frame per level per field)."""
        if not isinstance(node, dict) or "$ref" in node or depth > _DEPTH or pointer in self.seen:
            return  # a named schema is walked as one of the named; an inline one once
        self.seen.add(pointer)
        properties = node.get("properties")
        for name, value in (properties.items() if isinstance(properties, dict) else ()):
            if not isinstance(name, str) or not isinstance(value, dict):
                continue
            at = join_pointer(pointer, "properties", name)
            schema = self.refs.resolve(value, self.root, at).node if "$ref" in value else value
            self.found.append(Field(name, schema if isinstance(schema, dict) else {}, self.root, pointer,
                                    holder if depth == 0 else None, value, container))
            self._collect(value, at, None, depth + 1, name)  # a `$ref` returns at once: walked as a named schema
        for key in _NESTED:
            child = node.get(key)
            if isinstance(child, dict):
                self._collect(child, join_pointer(pointer, key), None, depth + 1, container)
        for key in _COMBINED:
            parts = node.get(key)
            for index, part in enumerate(parts if isinstance(parts, list) else ()):
                # an `allOf` part's own properties are its holder's (`Book: allOf: [Base, {properties}]`)
                self._collect(part, join_pointer(pointer, key, index), holder if key == "allOf" else None, depth,
                              container)


_FIELDS: WeakKeyDictionary[ApiModel, list[Field]] = WeakKeyDictionary()
