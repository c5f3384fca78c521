"""Examples are valid against their schemas.

## What it does
Validates every example the document gives against the schema it illustrates, with the JSON Schema validator
`oas/schema` uses: a Schema Object's own `example` (and, in OpenAPI 3.1, its `examples`), a media type's or a
parameter's or a header's `example` and each of its `examples` (their `value`, `$ref`s followed), and an
OpenAPI 2.0 response's `examples`.  Media-type examples are checked for JSON media types only (an XML example is
a string of XML); a parameter's example written in its serialized form (a string for an array or object) is
left alone.

The schemas are read as OpenAPI reads them, not as plain JSON Schema: `nullable: true` (3.0; `x-nullable` in 2.0)
admits `null`; a `readOnly` or `writeOnly` property listed in `required` may be missing (OpenAPI requires it in
responses or requests only); `format` is an annotation, never an assertion.  An example that is `null` is read
as no example, and a JSON media type's example written as a string of JSON as the value it holds.  An example
whose schema the validator cannot compile (a `$ref` outside the document, an unsupported `pattern`) is skipped.

The work is bounded: the first 10,000 examples in document order are checked, the first 2,000 validation errors
read (the examples failing after those are not reported), and a document larger than
`max_megabytes` (4 MB by default) is not checked at all, since compiling its schemas costs more than the rest of
the run (GitHub's 13 MB description: ~0.3 s, +50 %); raise the option to check one.

## Why is this bad?
OpenAPI: "The example SHOULD match the specified schema and encoding properties if present" (Media Type and
Parameter Objects; the Schema Object's `example` likewise).  Documentation shows the example as the truth, mock
servers return it and contract tests send it; a wrong one teaches clients the wrong shape, or shows the schema
is wrong.

## Example
```yaml
paths:
  /pets/{petId}:
    get:
      responses:
        "200":
          description: A pet
          content:
            application/json:
              schema: {type: object, properties: {id: {type: integer}}}
              example: {id: "seven"}
```

## Use instead
```yaml
paths:
  /pets/{petId}:
    get:
      responses:
        "200":
          description: A pet
          content:
            application/json:
              schema: {type: object, properties: {id: {type: integer}}}
              example: {id: 7}
```

## Options
- `max_megabytes`: the size of the largest document whose examples are checked.

## Measured
APIs-guru (2,639 specs, `rest`): 7,828 findings in 599 specs (8,217 without the bound on errors read:
unicourt.com alone fails by thousands); googleapis.com (299): 0 (their converted descriptions carry no
examples).  The first version's 9,953 findings had two kinds of false positive, found by reviewing 25 random
findings: `example: null` meant as no example, and JSON examples written as a string of JSON (Jira, Xero); both
fixed.  A second review of 22 random findings: 22 right (a string where the schema says integer, a value outside
an enum, a date shorter than its `minLength`, a required property missing, an example that matches two `oneOf`
branches); one of them is a deliberately invalid input shown for a 400 response, which the OpenAPI text still
asks to match the schema.

Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 24 of 27 cases of Redocly and Spectral; 2
deliberate disagreements: a property the schema does not list is valid JSON Schema unless `additionalProperties:
false`, and `example: null` is read as no example; 1 miss (a strict xfail): OpenAPI 3.2's `dataValue`.

## References
- OpenAPI 3.1 Media Type Object: https://spec.openapis.org/oas/v3.1.0#media-type-object
- OpenAPI 3.1 Schema Object: https://spec.openapis.org/oas/v3.1.0#schema-object
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any, Iterator, NamedTuple

from aiplint.model import Location
from aiplint.read.document import HTTP_METHODS, Document
from aiplint.read.pointers import escape_token, join_pointer, split_pointer
from aiplint.rule import Context, Option, Problem, rule

_INSTANCE = re.compile(r"^[\[{].*?(?= is (?:not|valid|a|an) )")  # an object or array the message starts with
LIMIT = 10_000  # examples checked per document, in document order
_KEYS = ('"example"', '"examples"', "example:", "examples:", "'example'", "'examples'")  # as JSON or YAML keys
MAX_ERRORS = 2_000  # validation errors read per document (an example with many counts them all)
_BASE = "urn:aiplint:document"
_SCHEMA_MAPS = ("properties", "patternProperties", "definitions", "$defs", "dependentSchemas")
_SCHEMA_ONE = ("items", "additionalProperties", "additionalItems", "not", "if", "then", "else", "contains",
               "propertyNames", "unevaluatedItems", "unevaluatedProperties")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems", "items")
_KINDS = {**dict.fromkeys(_SCHEMA_MAPS, "map"), **dict.fromkeys(_SCHEMA_ONE, "one"),
          **dict.fromkeys(_SCHEMA_LISTS, "one"), "example": "example", "examples": "examples"}


At = Any  # a place in the root file: a JSON pointer, or (place, token, ...) joined only when an example is there


def pointer_of(at: At) -> str:
    """The JSON pointer of a place (`At`)."""
    if isinstance(at, str):
        return at
    return join_pointer(pointer_of(at[0]), *at[1:])


class Pair(NamedTuple):
    schema: dict[str, Any]
    value: Any
    at: At  # the example's place in the root file


@rule(
    id="oas/valid-examples",
    summary="Examples are valid against their schemas",
    reference="OpenAPI 3.1 Media Type Object",
    url="https://spec.openapis.org/oas/v3.1.0#media-type-object",
    severity="warning",
    options={"max_megabytes": Option(4.0, "check the examples of documents up to this size (MB) only")},
)
def check(ctx: Context):
    document = ctx.api.document
    root = document.root
    if root.size > ctx.options["max_megabytes"] * 1_000_000 or not any(root.mentions(key) for key in _KEYS):
        return
    pairs = []
    for pair in _Walk(document).pairs():
        pairs.append(pair)
        if len(pairs) == LIMIT:
            break
    if not pairs:
        return
    failing = _Validation(document, [p.schema for p in pairs], translate=False).failures([p.value for p in pairs])
    if not failing:
        return
    retried = [pairs[i] for i in sorted(failing)]
    errors = _Validation(document, [p.schema for p in retried], translate=True).failures([p.value for p in retried])
    hashes: dict[int, str] = {}  # each list element hashed once, however many failing examples lie under it
    for index, (message, count) in sorted(errors.items()):
        at = pointer_of(retried[index].at)
        more = f" (and {count - 1} more)" if count > 1 else ""
        identity = order_free_pointer(root.data, at, hashes)
        yield Problem(f"example does not match its schema: {message}{more}", Location(root, at), detail=identity,
                      identity=identity)


# --------------------------------------------------------------------------------------------------
# Finding the examples: (schema, example) pairs in the root file, each schema node walked once


class _Walk:
    def __init__(self, document: Document):
        self.document = document
        self.root = document.root
        self.v3 = document.major >= 3
        self.v31 = (document.major, document.minor) >= (3, 1)
        self.seen: set[int] = set()

    def resolve(self, node: Any, pointer: Any) -> Any:
        """A node of the root file with its `$ref`s followed; None when they lead elsewhere or nowhere."""
        found = self.document.refs.resolve(node, self.root, "")
        return found.node if found.source is self.root else None

    def pairs(self) -> Iterator[Pair]:
        data = self.root.data
        if self.v3:
            components = data.get("components")
            components = components if isinstance(components, dict) else {}
            yield from self.schema_map(components.get("schemas"), "/components/schemas")
            for name, param in _items(components.get("parameters")):
                yield from self.parameter(param, ("/components/parameters", name))
            for name, header in _items(components.get("headers")):
                yield from self.parameter(header, ("/components/headers", name))
            for name, body in _items(components.get("requestBodies")):
                yield from self.content(body, ("/components/requestBodies", name))
            for name, response in _items(components.get("responses")):
                yield from self.response(response, ("/components/responses", name))
        else:
            yield from self.schema_map(data.get("definitions"), "/definitions")
            for name, param in _items(data.get("parameters")):
                yield from self.parameter(param, ("/parameters", name))
            for name, response in _items(data.get("responses")):
                yield from self.response(response, ("/responses", name))
        for top in ("paths", "webhooks"):
            for key, item in _items(data.get(top)):
                if isinstance(item, dict) and "$ref" not in item:
                    yield from self.path_item(item, ("/" + top, key))

    def path_item(self, item: dict[str, Any], pointer: At) -> Iterator[Pair]:
        yield from self.parameters(item.get("parameters"), (pointer, "parameters"))
        for method in HTTP_METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            at = (pointer, method)
            yield from self.parameters(op.get("parameters"), (at, "parameters"))
            body = op.get("requestBody")
            if isinstance(body, dict) and "$ref" not in body:
                yield from self.content(body, (at, "requestBody"))
            for status, response in _items(op.get("responses")):
                if isinstance(response, dict) and "$ref" not in response:
                    yield from self.response(response, (at, "responses", status))

    def parameters(self, params: Any, pointer: At) -> Iterator[Pair]:
        for index, param in enumerate(params if isinstance(params, list) else ()):
            if isinstance(param, dict) and "$ref" not in param:
                yield from self.parameter(param, (pointer, index))

    def parameter(self, param: Any, pointer: At) -> Iterator[Pair]:
        """A parameter or a header: its examples against its schema (a body parameter's: the schema's own)."""
        if not isinstance(param, dict) or "$ref" in param:
            return
        schema = param.get("schema")
        if isinstance(schema, dict):
            yield from self.schema(schema, (pointer, "schema"))
            resolved = self.resolve(schema, (pointer, "schema"))
            serialized = isinstance(resolved, dict) and resolved.get("type") in ("array", "object")
            for value, at in self.examples(param, pointer):
                if not (serialized and isinstance(value, str)):
                    yield Pair(schema, value, at)
        yield from self.content(param, pointer)

    def response(self, response: Any, pointer: At) -> Iterator[Pair]:
        if not isinstance(response, dict) or "$ref" in response:
            return
        for name, header in _items(response.get("headers")):
            yield from self.parameter(header, (pointer, "headers", name))
        schema = response.get("schema")  # OpenAPI 2.0
        if isinstance(schema, dict):
            yield from self.schema(schema, (pointer, "schema"))
            for mime, value in _items(response.get("examples")):
                if _is_json(mime) and value is not None:
                    yield Pair(schema, _parsed(value), (pointer, "examples", mime))
        yield from self.content(response, pointer)

    def content(self, holder: Any, pointer: At) -> Iterator[Pair]:
        """The media types of a request body, a response or a parameter (`content`)."""
        for media_type, media in _items(holder.get("content") if isinstance(holder, dict) else None):
            schema = media.get("schema") if isinstance(media, dict) else None
            if not isinstance(schema, dict):
                continue
            at = (pointer, "content", media_type)
            yield from self.schema(schema, (at, "schema"))
            if _is_json(media_type):
                for value, where in self.examples(media, at):
                    yield Pair(schema, _parsed(value), where)

    def examples(self, holder: dict[str, Any], pointer: At) -> Iterator[tuple[Any, At]]:
        """A parameter's or media type's `example`, and the `value` of each of its `examples` (null: none)."""
        if holder.get("example") is not None:
            yield holder["example"], (pointer, "example")
        for name, example in _items(holder.get("examples")):
            at = (pointer, "examples", name)
            resolved = self.resolve(example, at)
            if isinstance(resolved, dict) and resolved.get("value") is not None:
                yield resolved["value"], at

    def schema_map(self, schemas: Any, pointer: At) -> Iterator[Pair]:
        for name, schema in _items(schemas):
            yield from self.schema(schema, (pointer, name))

    def schema(self, schema: Any, pointer: At) -> Iterator[Pair]:
        """A schema's own examples and its subschemas', without following `$ref`s (what they lead to is walked
        where it is defined).  Pointers are made only for the examples found (an entry links to its parent)."""
        seen, v31 = self.seen, self.v31
        stack: list[tuple[Any, Any, Any]] = [(schema, None, pointer)]
        while stack:
            entry = stack.pop()
            node = entry[0]
            if type(node) is not dict or id(node) in seen:
                continue
            seen.add(id(node))
            for key, value in node.items():
                kind = _KINDS.get(key)
                if kind is None:
                    continue
                if kind == "example":
                    if value is not None:
                        yield Pair(node, value, _pointer(entry, key))
                elif kind == "examples":
                    if v31 and type(value) is list:
                        at = _pointer(entry, key)
                        yield from (Pair(node, item, f"{at}/{index}") for index, item in enumerate(value))
                elif type(value) is dict:
                    if kind == "map":
                        stack += ((sub, (value, entry, key), name) for name, sub in value.items())
                    else:
                        stack.append((value, entry, key))
                elif type(value) is list and kind != "map":
                    stack += ((sub, (value, entry, key), index) for index, sub in enumerate(value))


def _pointer(entry: tuple[Any, Any, Any], last: str) -> str:
    """The pointer of `last` in the walked node `entry` (node, parent entry, key; the walk's start holds its
    place as its key)."""
    tokens = [last]
    while entry[1] is not None:
        tokens.append(escape_token(str(entry[2])))
        entry = entry[1]
    return pointer_of(entry[2]) + "/" + "/".join(reversed(tokens))


def _items(mapping: Any) -> Any:
    return mapping.items() if isinstance(mapping, dict) else ()


def _parsed(value: Any) -> Any:
    """A JSON example written as a string of JSON (`example: '{"id": 7}'`, as OpenAPI allows for media types that
    YAML cannot show) is the value it holds."""
    if isinstance(value, str) and value.lstrip()[:1] in ("{", "["):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _is_json(media_type: Any) -> bool:
    kind = str(media_type).split(";", 1)[0].strip().lower()
    return kind == "application/json" or kind.endswith("+json") or kind == "text/json"


# --------------------------------------------------------------------------------------------------
# Validating: all pairs with one compiled validator; the failures again with the schemas read as OpenAPI does


class _Validation:
    """Validators for a list of schemas of one document, compiled together; their `$ref`s into the document's
    schemas resolve in one registry (only what a `$ref` can reach: the schemas section, not the whole file)."""

    def __init__(self, document: Document, schemas: list[dict[str, Any]], translate: bool):
        import jsonschema_rs

        self.jsonschema_rs = jsonschema_rs
        self.v3 = document.major >= 3
        self.key = ("components", "schemas") if self.v3 else ("definitions",)
        data = document.root.data
        section = data.get("components", {}).get("schemas") if self.v3 else data.get("definitions")
        section = section if isinstance(section, dict) else {}
        self.draft = jsonschema_rs.Draft202012 if (document.major, document.minor) >= (3, 1) else jsonschema_rs.Draft4
        self.cls = (jsonschema_rs.Draft202012Validator if self.draft == jsonschema_rs.Draft202012
                    else jsonschema_rs.Draft4Validator)
        if translate:
            tr = _Translation(document, section, self.key, nullable=(document.major, document.minor) < (3, 1))
            schemas = [tr.schema(s) for s in schemas]
            section = tr.closure()
        resource: dict[str, Any] = {"x-aiplint": schemas}
        if self.v3:
            resource["components"] = {"schemas": section}
        else:
            resource["definitions"] = section
        self.count = len(schemas)
        self.registry = jsonschema_rs.Registry([(_BASE, resource)], draft=self.draft, retriever=_refuse)

    def validator(self, indexes: range | list[int]) -> Any:
        refs = [{"$ref": f"{_BASE}#/x-aiplint/{i}"} for i in indexes]
        key = "prefixItems" if self.draft == self.jsonschema_rs.Draft202012 else "items"
        return self.cls({"type": "array", key: refs}, registry=self.registry, validate_formats=False,
                        retriever=_refuse)

    def failures(self, values: list[Any]) -> dict[int, tuple[str, int]]:
        """For each value that does not match its schema (by index), why: the validator's first message, and how
        many errors it has (the first `MAX_ERRORS` of the batch are read)."""
        found: dict[int, tuple[str, int]] = {}
        try:
            batch = self.validator(range(self.count))
            if batch.is_valid(values):
                return found
            for count, error in enumerate(batch.iter_errors(values)):
                path = list(error.instance_path)
                if count == MAX_ERRORS:
                    break
                if path and path[0] in found:
                    found[path[0]] = (found[path[0]][0], found[path[0]][1] + 1)
                elif path:
                    found[path[0]] = (_message(error, path[1:]), 1)
            return found
        except (ValueError, TypeError, OverflowError):  # one schema does not compile, or a value does not convert
            pass
        for index in range(self.count):
            try:
                errors = list(self.validator([index]).iter_errors([values[index]]))
            except (ValueError, TypeError, OverflowError):
                continue
            if errors:
                found[index] = (_message(errors[0], list(errors[0].instance_path)[1:]), len(errors))
        return found


def _refuse(uri: str) -> Any:
    raise ValueError(f"{uri} is not read: aiplint never fetches a reference")


def _message(error: Any, path: list[Any]) -> str:
    text = _INSTANCE.sub("the value", " ".join(str(error.message).split()), count=1)
    if len(text) > 160:
        text = text[:157] + "..."
    where = "/".join(escape_token(str(p)) for p in path)
    return f"{text} (at /{where})" if where else text


class _Translation:
    """The schemas as OpenAPI reads them, in JSON Schema: `nullable` (3.0; `x-nullable` in 2.0) admits null, a
    readOnly/writeOnly property is not required, OpenAPI 2.0's `type: file` is no type.  Copies are made of the
    schemas given and of the document's schemas they reach through `$ref` (`closure`), nothing else."""

    def __init__(self, document: Document, section: dict[str, Any], key: tuple[str, ...], nullable: bool):
        self.document = document
        self.section = section
        self.prefix = "#/" + "/".join(key) + "/"
        self.nullable = nullable
        self.done: dict[str, Any] = {}
        self.todo: list[str] = []

    def closure(self) -> dict[str, Any]:
        while self.todo:
            name = self.todo.pop()
            if name in self.section and name not in self.done:
                self.done[name] = None
                self.done[name] = self.schema(self.section[name])
        return {name: value for name, value in self.done.items() if value is not None}

    def schema(self, node: Any) -> Any:
        if isinstance(node, list):
            return [self.schema(item) for item in node]
        if not isinstance(node, dict):
            return node
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in ("example", "examples", "description") or key.startswith("x-") and key != "x-nullable":
                continue
            if key in _SCHEMA_MAPS and isinstance(value, dict):
                out[key] = {name: self.schema(sub) for name, sub in value.items()}
            elif key in _SCHEMA_ONE or key in _SCHEMA_LISTS:
                out[key] = self.schema(value)
            else:
                out[key] = value
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(self.prefix):
            tokens = split_pointer(ref[len(self.prefix) - 1:])
            if tokens and tokens[0] not in self.done:
                self.todo.append(tokens[0])
        if out.get("type") == "file":
            del out["type"]
        required = out.get("required")
        if isinstance(required, list) and isinstance(node.get("properties"), dict):
            out["required"] = [name for name in required if not self._read_or_write_only(node["properties"], name)]
        if self.nullable and (node.get("nullable") is True or node.get("x-nullable") is True):
            out = _admit_null(out)
        return out

    def _read_or_write_only(self, properties: dict[str, Any], name: Any) -> bool:
        prop = properties.get(name) if isinstance(name, str) else None
        if isinstance(prop, dict) and "$ref" in prop:
            prop = self.document.refs.resolve(prop, self.document.root, "").node
        return isinstance(prop, dict) and (prop.get("readOnly") is True or prop.get("writeOnly") is True)


def _admit_null(schema: dict[str, Any]) -> dict[str, Any]:
    kind = schema.get("type")
    if "enum" in schema and isinstance(schema["enum"], list) and None not in schema["enum"]:
        schema["enum"] = [*schema["enum"], None]
    if isinstance(kind, str):
        schema["type"] = [kind, "null"]
        return schema
    if kind is None and any(k in schema for k in ("$ref", "allOf", "anyOf", "oneOf")):
        return {"anyOf": [schema, {"type": "null"}]}
    return schema


def order_free_pointer(data: Any, pointer: str, hashes: dict[int, str]) -> str:
    """The pointer with each list index written as what the element is, so that reordering a list (parameters,
    `oneOf` members) keeps a finding's identity: a parameter as `name@in`, anything else as a hash of its content
    (`hashes` keeps them by node, so that a large member is read once)."""
    node, parts = data, []
    for token in split_pointer(pointer):
        if isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
            named = isinstance(node, dict) and isinstance(node.get("name"), str) and "in" in node
            parts.append(f"{node['name']}@{node['in']}" if named else _content_hash(node, hashes))
        else:
            node = node.get(token) if isinstance(node, dict) else None
            parts.append(escape_token(token))
    return "/" + "/".join(parts)


def _content_hash(node: Any, hashes: dict[int, str]) -> str:
    found = hashes.get(id(node))
    if found is None:
        text = json.dumps(node, sort_keys=True, default=str)
        found = hashes[id(node)] = "#" + hashlib.sha256(text.encode()).hexdigest()[:12]
    return found
