"""GET, HEAD and DELETE requests have no body.

## What it does
Flags a `GET`, `HEAD` or `DELETE` operation that defines a request body: an OpenAPI 3 `requestBody`, or an
OpenAPI 2.0 `in: body` or `in: formData` parameter.  An optional body whose schemas admit nothing but an empty
object (`{type: object, properties: {}, additionalProperties: false}`, as Stripe writes on every GET) says that
no body is sent, and is not flagged.

## Why is this bad?
AIP-127: "`GET` and `DELETE` methods must not define a body" (and AIP-131, 132, 135 say the same of Get, List
and Delete).  HTTP gives content in a `GET`, `HEAD` or `DELETE` request no defined semantics (RFC 9110, 9.3):
proxies, caches and client libraries drop it or refuse to send it, and OpenAPI says such a body "SHOULD be
avoided".  A search that needs a body is a `POST` custom method (`:search`); a delete's options are query
parameters (`force`, `etag`).

## Example
```yaml
/v1/books:search:
  get:
    requestBody: {content: {application/json: {schema: {type: object}}}}
```

## Use instead
```yaml
/v1/books:search:
  post:
    requestBody: {content: {application/json: {schema: {type: object}}}}
```

## Fix
Removes an OpenAPI 3 `requestBody` written in place (no `$ref` in it, so no component is left unused).  Safe on
`GET` and `HEAD`, whose content has no defined semantics (RFC 9110): no interoperable client relies on it.
Unsafe on `DELETE` (only `--unsafe-fixes`): bulk deletes (Kubernetes' `DeleteOptions`) do read it.  Where the
body carries the request, make the operation a `POST` custom method by hand instead.  OpenAPI 2.0 body parameters
are not fixed.

## Measured
APIs-guru (2,639 specs, `rest`): 635 findings in 102 specs (Kubernetes' `DeleteOptions` bodies 121, GitHub's
DELETE bodies, DocuSign, bulk deletes); googleapis.com (299): 0, under `rest` and `aip`.  Stripe's 237 optional
empty-object bodies on GETs were findings of the first version and are left out now.  Review of 20 random
findings: 20 right.

Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 12 of 12 cases of AEP, IBM and MongoDB.

## References
- AIP-127 HTTP and gRPC Transcoding: https://google.aip.dev/127
- RFC 9110, 9.3 Method Definitions: https://www.rfc-editor.org/rfc/rfc9110#section-9.3
"""

from __future__ import annotations

from typing import Any

from aiplint.model import Location, Operation
from aiplint.rule import Context, Fix, Problem, RemoveMember, rule

_NO_BODY = frozenset(("get", "head", "delete"))


@rule(
    id="aip127/no-body-get-delete",
    summary="GET, HEAD and DELETE define no request body",
    reference="AIP-127",
    url="https://google.aip.dev/127",
    severity={"rest": "warning", "aip": "error"},
    inspects="operation",
    only_if=lambda ctx, op: op.method in _NO_BODY,
)
def check(ctx: Context, op: Operation):
    fix = None
    if isinstance(op.raw.get("requestBody"), dict):
        at = Location(op.at.source, op.at.pointer + "/requestBody")
        if _only_empty(ctx, op.raw["requestBody"], at):
            return
        if not _mentions_ref(op.raw["requestBody"]):
            fix = Fix(f"remove the request body of `{op.label}`", (RemoveMember(at.source.path, at.pointer),),
                      safe=op.method != "delete")
    else:
        body = next((p for p in op.declared_parameters if p.location in ("body", "formData")), None)
        if body is None:
            return
        at = body.at
    verb = "a POST custom method" if op.method != "delete" else "query parameters, or a POST custom method"
    yield Problem(f"`{op.label}` defines a request body; {op.method.upper()} requests must not have one (AIP-127): "
                  f"send its fields as {verb}", at, operation=op, fix=fix)


def _mentions_ref(node: Any) -> bool:
    """Whether a `$ref` is anywhere in the node: removing it could leave a component unused."""
    if isinstance(node, dict):
        return "$ref" in node or any(_mentions_ref(value) for value in node.values())
    return isinstance(node, list) and any(_mentions_ref(value) for value in node)


def _only_empty(ctx: Context, body: Any, at: Location) -> bool:
    """An optional body whose every media type admits nothing but `{}` (Stripe declares one on each GET): it
    documents that no body is sent."""
    refs = ctx.api.document.refs
    body = refs.resolve(body, at.source, at.pointer).node
    if not isinstance(body, dict) or body.get("required") is True:
        return False
    content = body.get("content")
    schemas = [refs.resolve(media.get("schema"), at.source, at.pointer).node
               for media in (content.values() if isinstance(content, dict) else ()) if isinstance(media, dict)]
    return all(isinstance(schema, dict) and not schema.get("properties") and schema.get("additionalProperties") is False
               for schema in schemas)
