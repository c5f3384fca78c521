"""Rewrites of an OpenAPI document, generated from any spec: the ones that keep its meaning (a client sees the
same API, so a diff must report no change a client must act on) and the ones that change it (a diff must report
them).  Issue 20, section 1.

The test suite applies them to real specs (tests/test_compat_invariance.py); `benchmarks/invariance.py` runs them
on the large specs the issue measured and times them.  Each rewrite takes the parsed document and returns a new
one; the input is never changed.
"""

from __future__ import annotations

import copy
import re
from typing import Any, Callable

Rewrite = Callable[[dict], dict]

_SCHEMA_REF = re.compile(r"^#/(components/schemas|definitions)/")
_LIST_KEYWORDS = ("enum", "required", "type")
_COMPOSITIONS = ("oneOf", "anyOf", "allOf")
_PATH_PARAM = re.compile(r"\{([^{}]+)\}")


def _walk(node: Any, visit: Callable[[Any], Any]) -> Any:
    """A copy of `node`, `visit` applied to each dict and list after its children (bottom up)."""
    if isinstance(node, dict):
        return visit({k: _walk(v, visit) for k, v in node.items()})
    if isinstance(node, list):
        return visit([_walk(v, visit) for v in node])
    return node


def _schema_ref(node: Any) -> bool:
    return isinstance(node, dict) and isinstance(node.get("$ref"), str) and bool(_SCHEMA_REF.match(node["$ref"]))


def _components_key(doc: dict) -> tuple[list[str], dict]:
    if isinstance(doc.get("definitions"), dict):
        return ["definitions"], doc["definitions"]
    schemas = doc.get("components", {}).get("schemas")
    return ["components", "schemas"], schemas if isinstance(schemas, dict) else {}


# --------------------------------------------------------------------------------------------------
# Rewrites that keep the meaning


def all_of_wrap(doc: dict) -> dict:
    """`{$ref: X}` -> `{allOf: [{$ref: X}]}` for every property whose schema is a reference: what generators write
    to attach a description to a referenced schema in OpenAPI 3.0, where siblings of `$ref` are ignored (the
    rewrite issue 20 measured: 188,701 changes on Stripe)."""
    def visit(node: Any) -> Any:
        if isinstance(node, dict) and isinstance(node.get("properties"), dict):
            node["properties"] = {name: {"allOf": [schema]} if _schema_ref(schema) and len(schema) == 1 else schema
                                  for name, schema in node["properties"].items()}
        return node

    return _walk(doc, visit)


def all_of_wrap_everywhere(doc: dict) -> dict:
    """Every schema reference, wherever it is (bodies, items, variants, members), wrapped in a one-member `allOf`
    with a description beside it."""
    def visit(node: Any) -> Any:
        if _schema_ref(node) and len(node) == 1:
            return {"allOf": [node], "description": "Wrapped to carry a description."}
        return node

    return {k: _walk(v, visit) if k in ("paths", "components", "definitions", "webhooks") else v
            for k, v in doc.items()}


def reverse_lists(doc: dict) -> dict:
    """Every `oneOf`, `anyOf`, `allOf`, `enum`, `required` and `type` list reversed: their order means nothing."""
    def visit(node: Any) -> Any:
        if isinstance(node, dict):
            for keyword in (*_LIST_KEYWORDS, *_COMPOSITIONS):
                if isinstance(node.get(keyword), list):
                    node[keyword] = node[keyword][::-1]
        return node

    return _walk(doc, visit)


def reverse_keys(doc: dict) -> dict:
    """Every mapping's keys in reverse order (paths, properties, responses, components ...)."""
    return _walk(doc, lambda node: dict(reversed(node.items())) if isinstance(node, dict) else node)


def reverse_parameters(doc: dict) -> dict:
    """Every operation's and path item's `parameters` in reverse order."""
    def visit(node: Any) -> Any:
        if isinstance(node, dict) and isinstance(node.get("parameters"), list):
            node["parameters"] = node["parameters"][::-1]
        return node

    return {k: _walk(v, visit) if k == "paths" else copy.deepcopy(v) for k, v in doc.items()}


def rename_schemas(doc: dict) -> dict:
    """Every component schema renamed (`Pet` -> `PetV2`), and every reference to it."""
    where, schemas = _components_key(doc)
    prefix = "#/" + "/".join(where) + "/"
    renamed = {name: f"{name}V2" for name in schemas}

    def visit(node: Any) -> Any:
        if isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith(prefix):
            name = node["$ref"][len(prefix):]
            if name in renamed:
                node["$ref"] = prefix + renamed[name]
        if isinstance(node, dict) and isinstance(node.get("discriminator"), dict):
            mapping = node["discriminator"].get("mapping")
            if isinstance(mapping, dict):
                node["discriminator"]["mapping"] = {
                    k: prefix + renamed.get(v[len(prefix):], v[len(prefix):]) if isinstance(v, str) and v.startswith(
                        prefix) else v for k, v in mapping.items()}
        return node

    result = _walk(doc, visit)
    holder = result
    for key in where[:-1]:
        holder = holder[key]
    holder[where[-1]] = {renamed[k]: v for k, v in holder[where[-1]].items()}
    return result


def inline_leaf_refs(doc: dict) -> dict:
    """Every reference to a component schema that references nothing itself replaced by the schema."""
    where, schemas = _components_key(doc)
    prefix = "#/" + "/".join(where) + "/"

    def has_ref(node: Any) -> bool:
        if isinstance(node, dict):
            return "$ref" in node or any(has_ref(v) for v in node.values())
        return isinstance(node, list) and any(has_ref(v) for v in node)

    leaves = {name: schema for name, schema in schemas.items() if not has_ref(schema)}

    def visit(node: Any) -> Any:
        if isinstance(node, dict) and len(node) == 1 and isinstance(node.get("$ref"), str) and \
                node["$ref"].startswith(prefix) and node["$ref"][len(prefix):] in leaves:
            return copy.deepcopy(leaves[node["$ref"][len(prefix):]])
        return node

    return {k: _walk(v, visit) if k == "paths" else copy.deepcopy(v) for k, v in doc.items()}


def dereference(doc: dict) -> dict:
    """Every local `$ref` under `paths` replaced by what it refers to, through references of references (what
    `@octokit/openapi`'s `*.deref.json` is), except where that would recur: a recursive schema keeps its `$ref`
    (to the components, which stay).  Each target is expanded once and shared where it is used (json.dumps writes
    each use out in full)."""
    expanded: dict[str, Any] = {}

    def target(ref: str) -> Any:
        node: Any = doc
        for token in ref[2:].split("/"):
            node = node[token.replace("~1", "/").replace("~0", "~")]
        return node

    def expand(node: Any, open_refs: frozenset[str]) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/") and len(node) == 1:
                if ref in open_refs:
                    return node  # a cycle: keep the reference
                if ref not in expanded:
                    value = expand(target(ref), open_refs | {ref})
                    if _closed(value):
                        expanded[ref] = value
                    return value
                return expanded[ref]
            return {k: expand(v, open_refs) for k, v in node.items()}
        if isinstance(node, list):
            return [expand(v, open_refs) for v in node]
        return node

    return {k: expand(v, frozenset()) if k == "paths" else copy.deepcopy(v) for k, v in doc.items()}


def _closed(node: Any) -> bool:
    """Whether an expanded schema holds no `$ref` left by a cycle (then it reads the same wherever it is used)."""
    if isinstance(node, dict):
        return "$ref" not in node and all(_closed(v) for v in node.values())
    return not isinstance(node, list) or all(_closed(v) for v in node)


def rename_path_parameters(doc: dict) -> dict:
    """Every path template parameter renamed (`{id}` -> `{id_renamed}`), in the path and in its parameters."""
    result = copy.deepcopy(doc)
    paths = result.get("paths") or {}
    renamed_paths = {}
    for path, item in paths.items():
        names = _PATH_PARAM.findall(path)
        renamed_paths[_PATH_PARAM.sub(lambda m: "{" + m.group(1) + "_renamed}", path)] = item
        if not isinstance(item, dict) or not names:
            continue
        for holder in [item, *(v for v in item.values() if isinstance(v, dict))]:
            params = holder.get("parameters")
            for index, param in enumerate(params if isinstance(params, list) else []):
                param = _resolve_parameter(result, param)
                if isinstance(param, dict) and param.get("in") == "path" and param.get("name") in names:
                    params[index] = {**param, "name": param["name"] + "_renamed"}
    result["paths"] = renamed_paths
    return result


def _resolve_parameter(doc: dict, param: Any) -> Any:
    if isinstance(param, dict) and isinstance(param.get("$ref"), str) and param["$ref"].startswith("#/"):
        node: Any = doc
        for token in param["$ref"][2:].split("/"):
            node = node.get(token.replace("~1", "/").replace("~0", "~")) if isinstance(node, dict) else None
        return node
    return param


def change_docs(doc: dict) -> dict:
    """Every description, summary, title and example rewritten."""
    def visit(node: Any) -> Any:
        if isinstance(node, dict):
            for key in ("description", "summary"):
                if isinstance(node.get(key), str):
                    node[key] = node[key][::-1]
            if isinstance(node.get("title"), str) and "info" not in node:
                node["title"] = node["title"] + " (renamed)"
            node.pop("example", None)
        return node

    return {k: _walk(v, visit) if k in ("paths", "components", "definitions") else copy.deepcopy(v)
            for k, v in doc.items()}


EQUIVALENT: dict[str, Rewrite] = {
    "allOf-wrap": all_of_wrap,
    "allOf-wrap-everywhere": all_of_wrap_everywhere,
    "list-order": reverse_lists,
    "key-order": reverse_keys,
    "parameter-order": reverse_parameters,
    "schema-renamed": rename_schemas,
    "ref-inlined": inline_leaf_refs,
    "dereferenced": dereference,
    "path-parameter-renamed": rename_path_parameters,
    "docs-changed": change_docs,
}


# --------------------------------------------------------------------------------------------------
# Rewrites that change the meaning: each makes one change at the first place of the spec that has what it needs
# (operations by path and method), and says what a diff must report: (kind, method, path).

Change = tuple[str, str, str]


def _resolved(doc: dict, node: Any) -> Any:
    seen = 0
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/") and seen < 50:
        node, seen = _resolve_parameter(doc, node), seen + 1
    return node


def _bodies(doc: dict, side: str) -> list[tuple[str, str, dict]]:
    """(method, path, schema) of every JSON request body (`side` "request") or 200/201 response, resolved."""
    found = []
    for path in sorted(doc.get("paths") or {}):
        item = doc["paths"][path]
        for method in ("get", "put", "post", "delete", "patch"):
            op = item.get(method) if isinstance(item, dict) else None
            if not isinstance(op, dict):
                continue
            if side == "request":
                holder = _resolved(doc, op.get("requestBody"))
            else:
                responses = op.get("responses") or {}
                holder = _resolved(doc, responses.get("200") or responses.get("201"))
            content = holder.get("content") if isinstance(holder, dict) else None
            media = content.get("application/json") if isinstance(content, dict) else None
            schema = _resolved(doc, media.get("schema")) if isinstance(media, dict) else None
            if isinstance(schema, dict):
                found.append((method.upper(), path, schema))
    return found


def _first(doc: dict, side: str, test: Callable[[dict], Any]) -> tuple[str, str, dict, Any]:
    for method, path, schema in _bodies(doc, side):
        hit = test(schema)
        if hit:
            return method, path, schema, hit
    raise LookupError(f"no {side} body fits")


def _property(doc: dict, schema: dict, test: Callable[[dict], bool]) -> str | None:
    properties = schema.get("properties")
    for name in sorted(properties) if isinstance(properties, dict) else []:
        if test(_resolved(doc, properties[name])):
            return name
    return None


def remove_request_enum_value(doc: dict) -> tuple[dict, Change]:
    """A request body property's `enum` loses its last value."""
    doc = copy.deepcopy(doc)
    method, path, schema, name = _first(doc, "request", lambda s: _property(
        doc, s, lambda p: isinstance(p.get("enum"), list) and len(p["enum"]) > 1))
    _resolved(doc, schema["properties"][name])["enum"].pop()
    return doc, ("enum-value-removed", method, path)


def require_request_property(doc: dict) -> tuple[dict, Change]:
    """An optional request body property becomes required."""
    doc = copy.deepcopy(doc)
    method, path, schema, name = _first(doc, "request", lambda s: _property(
        doc, s, lambda p: p.get("readOnly") is not True) if set(s.get("properties") or {}) - set(
        s.get("required") or []) else None)
    optional = sorted(set(schema["properties"]) - set(schema.get("required") or []))
    schema["required"] = [*(schema.get("required") or []), optional[0]]
    return doc, ("property-became-required", method, path)


def remove_response_property(doc: dict) -> tuple[dict, Change]:
    """A required response body property is removed."""
    doc = copy.deepcopy(doc)
    method, path, schema, name = _first(doc, "response", lambda s: next(
        (n for n in sorted(s.get("required") or []) if n in (s.get("properties") or {}) and
         _resolved(doc, s["properties"][n]).get("writeOnly") is not True), None))
    del schema["properties"][name]
    schema["required"] = [n for n in schema["required"] if n != name]
    return doc, ("required-property-removed", method, path)


def limit_request_string_in_all_of(doc: dict) -> tuple[dict, Change]:
    """A request body string property without `maxLength` becomes `allOf: [its schema, {maxLength: 3}]`."""
    doc = copy.deepcopy(doc)

    def plain_string(p: dict) -> bool:
        return p.get("type") == "string" and "maxLength" not in p and "enum" not in p and "format" not in p

    method, path, schema, name = _first(doc, "request", lambda s: _property(doc, s, plain_string))
    schema["properties"][name] = {"allOf": [schema["properties"][name], {"maxLength": 3}]}
    return doc, ("max-added", method, path)


def limit_request_ref_beside(doc: dict) -> tuple[dict, Change]:
    """OpenAPI 3.1: a request body property that is a `$ref` to a string schema gains `maxLength: 3` beside it."""
    if not str(doc.get("openapi", "")).startswith("3.1"):
        raise LookupError("keywords beside `$ref` apply from OpenAPI 3.1")
    doc = copy.deepcopy(doc)

    def string_ref(schema: dict) -> str | None:
        properties = schema.get("properties")
        return next((name for name in sorted(properties) if isinstance(properties, dict)
                     and _schema_ref(properties[name]) and _resolved(doc, properties[name]).get("type") == "string"
                     and "maxLength" not in _resolved(doc, properties[name])), None) if isinstance(
            properties, dict) else None

    method, path, schema, name = _first(doc, "request", string_ref)
    schema["properties"][name] = {**schema["properties"][name], "maxLength": 3}
    return doc, ("max-added", method, path)


CHANGING: dict[str, Callable[[dict], tuple[dict, Change]]] = {
    "enum-value-removed": remove_request_enum_value,
    "property-became-required": require_request_property,
    "required-property-removed": remove_response_property,
    "max-added-in-allOf": limit_request_string_in_all_of,
    "max-added-beside-ref": limit_request_ref_beside,
}
