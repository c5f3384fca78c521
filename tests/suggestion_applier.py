"""Apply an operation-level suggestion (`METHOD /new/path`) to a copy of an OpenAPI document, as a reviewer would:
the operation moves to the suggested path and method, and every `{param}` of the new template becomes a path
parameter (the query parameter, form field or request body property of that name when the operation had one,
moved out of where it was; else a new string parameter).  Where the document already has an operation at the
suggested path and method, the suggestion reuses it: the original operation goes and the existing one is the one to
check (`Applied.merged`).

Shared by the property test (`tests/test_suggestions.py`) and the APIs-guru sweep (`benchmarks/suggestions.py`).
It lives in `tests/`, not in the product: aiplint reports fixes, it does not rewrite specs, and this applier makes
choices (inlining a request body's schema, string path parameters) that only a check of the suggestions needs.

The copy shares everything it does not change with the original (components, other paths): only the `paths`
mapping, the two path items touched and the moved operation are new, so applying a suggestion costs little even
on a large spec.  The original document is never modified.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_PARAM = re.compile(r"\{([^}]*)\}")
_DROPPED_ON_PATH = ("allowEmptyValue", "style", "explode", "allowReserved", "collectionFormat")


@dataclass(frozen=True)
class Applied:
    document: dict
    method: str  # lower case, as in the document
    path: str  # the path key the operation is at now
    merged: bool  # the suggestion named an operation the document already had


def template(path: str) -> str:
    """A path with its parameters unnamed: `/jobs/{job_id}` and `/jobs/{id}` are one template."""
    return _PARAM.sub("{}", path)


def parse(suggestion: str | None) -> tuple[str, str] | None:
    """(method, path) of an operation-level suggestion, None for a path alone."""
    if not suggestion:
        return None
    method, _, path = suggestion.partition(" ")
    if not path.startswith("/") or not method.isupper() or method.lower() not in METHODS:
        return None
    return method.lower(), path


def resolve(document: dict, node: Any, depth: int = 0) -> Any:
    """A local `$ref` followed (to a depth of 20); anything else as it is."""
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and depth < 20:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            return node
        target: Any = document
        for token in ref[2:].split("/"):
            token = token.replace("~1", "/").replace("~0", "~")
            if isinstance(target, dict) and token in target:
                target = target[token]
            elif isinstance(target, list) and token.isdigit() and int(token) < len(target):
                target = target[int(token)]
            else:
                return node
        node, depth = target, depth + 1
    return node


def _parameters(document: dict, item: dict, operation: dict) -> list[dict]:
    """The operation's parameters with its path item's, resolved and copied (the operation's win by name and
    place)."""
    found: dict[tuple[str, str], dict] = {}
    for source in (item.get("parameters"), operation.get("parameters")):
        for raw in source if isinstance(source, list) else ():
            param = resolve(document, raw)
            if isinstance(param, dict) and isinstance(param.get("name"), str) and isinstance(param.get("in"), str):
                found[(param["name"], param["in"])] = copy.deepcopy(param)
    return list(found.values())


def _take_property(document: dict, schema: Any, name: str) -> tuple[Any, Any] | None:
    """(the schema without property `name`, that property's schema), inlined one level so that no other operation
    sharing the schema changes; None when the schema has no such property (its own or an `allOf` member's)."""
    resolved = resolve(document, schema)
    if not isinstance(resolved, dict):
        return None
    properties = resolved.get("properties")
    if isinstance(properties, dict) and name in properties:
        taken = dict(resolved)
        taken["properties"] = {k: v for k, v in properties.items() if k != name}
        if isinstance(resolved.get("required"), list):
            taken["required"] = [r for r in resolved["required"] if r != name]
            if not taken["required"]:
                del taken["required"]
        return taken, properties[name]
    for key in ("allOf",):
        members = resolved.get(key)
        if isinstance(members, list):
            for i, member in enumerate(members):
                inner = _take_property(document, member, name)
                if inner is not None:
                    taken = dict(resolved)
                    taken[key] = [*members[:i], inner[0], *members[i + 1 :]]
                    return taken, inner[1]
    return None


def _from_body(document: dict, operation: dict, params: list[dict], name: str) -> dict | None:
    """The schema of the request body's property `name`, which leaves the body (every media type's schema, and a
    Swagger 2.0 `in: body` parameter's); None when the body has none."""
    found = None
    body = resolve(document, operation.get("requestBody"))
    if isinstance(body, dict) and isinstance(body.get("content"), dict):
        content = {}
        for media, entry in body["content"].items():
            if isinstance(entry, dict) and "schema" in entry:
                taken = _take_property(document, entry["schema"], name)
                if taken is not None:
                    entry = {**entry, "schema": taken[0]}
                    found = found or taken[1]
            content[media] = entry
        if found is not None:
            operation["requestBody"] = {**body, "content": content}
    for i, param in enumerate(params):
        if param.get("in") == "body" and "schema" in param:
            taken = _take_property(document, param["schema"], name)
            if taken is not None:
                params[i] = {**param, "schema": taken[0]}
                found = found or taken[1]
    return found


def _path_parameter(document: dict, swagger: bool, operation: dict, params: list[dict], name: str,
                    declared: str) -> dict:
    """The path parameter `name` (declared as `declared`, the name the document's path writes): the operation's
    own of that name moved from the query (or a form), or from the body, or a new string one."""
    for place in ("path", "query", "formData"):
        for i, param in enumerate(params):
            if param["name"] == name and param["in"] == place:
                del params[i]
                moved = {k: v for k, v in param.items() if k not in _DROPPED_ON_PATH}
                moved.update({"name": declared, "in": "path", "required": True})
                if swagger and moved.get("type") in (None, "array", "file", "object"):
                    moved["type"] = "string"
                return moved
    schema = _from_body(document, operation, params, name)
    new: dict[str, Any] = {"name": declared, "in": "path", "required": True}
    kind = resolve(document, schema).get("type") if isinstance(resolve(document, schema), dict) else None
    if swagger:
        new["type"] = kind if kind in ("string", "integer", "number", "boolean") else "string"
    else:
        new["schema"] = {"type": kind if kind in ("string", "integer", "number", "boolean") else "string"}
    return new


def apply(document: dict, method: str, path: str, suggestion: str) -> Applied | None:
    """The document with `method path` moved as `suggestion` says; None when the suggestion is not
    operation-level or the operation is not in the document."""
    parsed = parse(suggestion)
    paths = document.get("paths")
    method = method.lower()
    if parsed is None or not isinstance(paths, dict) or not isinstance(paths.get(path), dict):
        return None
    item = paths[path]
    operation = item.get(method)
    if not isinstance(operation, dict):
        return None
    new_method, new_path = parsed
    wanted = template(new_path)
    key = next((k for k in paths if template(k) == wanted), new_path)
    new_paths = dict(paths)
    rest = {k: v for k, v in item.items() if k != method}
    if any(k in METHODS for k in rest):
        new_paths[path] = rest
    else:
        del new_paths[path]
    result = {**document, "paths": new_paths}
    existing = paths.get(key) if key != path else rest
    if isinstance(existing, dict) and isinstance(existing.get(new_method), dict):
        return Applied(result, new_method, key, merged=True)

    swagger = "swagger" in document
    moved = dict(operation)  # shallow: the parts changed below are replaced, never edited in place
    params = _parameters(document, item, operation)
    names = zip(_PARAM.findall(new_path), _PARAM.findall(key), strict=True)  # as suggested, as the document writes
    on_path = [_path_parameter(document, swagger, moved, params, name, declared) for name, declared in names]
    params = [p for p in params if p["in"] != "path"] + on_path
    if params:
        moved["parameters"] = params
    else:
        moved.pop("parameters", None)
    target = dict(new_paths.get(key) or {})
    target.pop("parameters", None)  # the moved operation declares its own path parameters
    for other in (m for m in METHODS if isinstance(target.get(m), dict)):
        # the target's other operations keep the path parameters the item declared for them
        declared = _parameters(document, new_paths[key], target[other])
        target[other] = {**target[other], "parameters": declared} if declared else target[other]
    target[new_method] = moved
    new_paths[key] = target
    return Applied(result, new_method, key, merged=False)


def apply_path(document: dict, path: str, suggestion: str) -> list[Applied] | None:
    """The document with every operation of path `path` moved to the path `suggestion` (a path-level fix: a
    collection's name, a verb before an ID), each as `apply` moves one; one `Applied` per operation, the last
    holding the document with all moved.  None when the suggestion is not a path or the path has no operation."""
    item = document.get("paths", {}).get(path) if isinstance(document.get("paths"), dict) else None
    if not suggestion.startswith("/") or " " in suggestion or not isinstance(item, dict):
        return None
    moved: list[Applied] = []
    for method in [m for m in METHODS if isinstance(item.get(m), dict)]:
        applied = apply(moved[-1].document if moved else document, method, path, f"{method.upper()} {suggestion}")
        if applied is None:
            return None
        moved.append(applied)
    return [Applied(moved[-1].document, a.method, a.path, a.merged) for a in moved] if moved else None
