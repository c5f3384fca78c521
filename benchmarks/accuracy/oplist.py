#!/usr/bin/env python3
"""List the operations of an OpenAPI/Swagger document for hand labelling.

Usage: oplist.py FILE [--only METHOD:PATH ...] [--select ID]
Prints one block per operation: method, path, operationId, summary, required query
parameters and required request-body properties ($refs resolved, local only).
"""
import json
import sys

import yaml

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def load(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if path.endswith(".json"):
        return json.loads(text)
    return yaml.safe_load(text)


def resolve(doc, node, depth=0):
    while isinstance(node, dict) and "$ref" in node and depth < 20:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            return node
        target = doc
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            target = target.get(part, {}) if isinstance(target, dict) else {}
        node = target
        depth += 1
    return node


def operations(doc):
    """Yield (method, path, path_item, operation) in document order."""
    for path, item in (doc.get("paths") or {}).items():
        item = resolve(doc, item)
        if not isinstance(item, dict):
            continue
        for method in METHODS:
            if method in item and isinstance(item[method], dict):
                yield method.upper(), path, item, item[method]


def parameters(doc, item, op):
    merged = {}
    for raw in list(item.get("parameters") or []) + list(op.get("parameters") or []):
        param = resolve(doc, raw)
        if isinstance(param, dict):
            merged[(param.get("in"), param.get("name"))] = param
    return list(merged.values())


def schema_props(doc, schema, depth=0):
    """Return (required, all) property names of an object schema, merging allOf."""
    schema = resolve(doc, schema)
    if not isinstance(schema, dict) or depth > 5:
        return [], []
    required = list(schema.get("required") or [])
    props = list((schema.get("properties") or {}).keys())
    for part in schema.get("allOf") or []:
        r, p = schema_props(doc, part, depth + 1)
        required += r
        props += p
    return required, props


def body_info(doc, op, params):
    schemas = []
    for param in params:
        if param.get("in") == "body":
            schemas.append(param.get("schema") or {})
    rb = resolve(doc, op.get("requestBody"))
    if isinstance(rb, dict):
        for media in (rb.get("content") or {}).values():
            if isinstance(media, dict) and "schema" in media:
                schemas.append(media["schema"])
                break
    required, props = [], []
    for schema in schemas:
        r, p = schema_props(doc, schema)
        required += r
        props += p
    form_required = [p["name"] for p in params if p.get("in") == "formData" and p.get("required")]
    return required + form_required, props, bool(schemas) or bool(form_required)


def describe(doc, method, path, item, op):
    params = parameters(doc, item, op)
    req_query = [p["name"] for p in params if p.get("in") == "query" and p.get("required")]
    opt_query = [p["name"] for p in params if p.get("in") == "query" and not p.get("required")]
    req_body, body_props, has_body = body_info(doc, op, params)
    summary = (op.get("summary") or op.get("description") or "").strip().replace("\n", " ")[:110]
    lines = [f"{method} {path}", f"    opId={op.get('operationId')}  | {summary}"]
    if req_query:
        lines.append(f"    REQ query: {', '.join(req_query)}")
    if opt_query:
        lines.append(f"    opt query: {', '.join(opt_query)[:160]}")
    if req_body:
        lines.append(f"    REQ body: {', '.join(req_body)[:200]}")
    elif has_body and body_props:
        lines.append(f"    body props: {', '.join(body_props)[:160]}")
    return "\n".join(lines)


def main(argv):
    doc = load(argv[0])
    only = None
    if "--only" in argv:
        only = set(argv[argv.index("--only") + 1:])
    for method, path, item, op in operations(doc):
        if only is not None and f"{method} {path}" not in only:
            continue
        print(describe(doc, method, path, item, op))


if __name__ == "__main__":
    main(sys.argv[1:])
