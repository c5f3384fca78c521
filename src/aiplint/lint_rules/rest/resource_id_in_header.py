"""The ID of the resource an operation acts on belongs in the path, not in a request header.

## What it does
Flags a header named as a resource's ID (`id`, `X-Task-Id`) that names what the operation acts on when its path
does not: a DELETE, PUT or PATCH on a collection (`DELETE /v1/events` with an `id` header), a GET returning one
object from a path without its ID (`GET /v1/events/info`).  Required headers count, and optional ones where the
operation plainly acts on one member.

Not flagged: headers most operations take (a tenant's or caller's ID is the call's context), request and trace
IDs, idempotency keys, credentials (`X-Api-Key`), and operations whose path already identifies their target.

## Why is this bad?
AIP-131 and AIP-122: a resource is named by its URI path.  A header-addressed resource cannot be linked to,
cached or routed by URL, and proxies and logs that keep the URL lose which resource a call was about.

## Example
```yaml
/v1/events:
  delete:
    parameters: [{name: id, in: header, required: true, schema: {type: integer}}]
```

## Use instead
```yaml
/v1/events/{id}:
  delete:
    parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
```

## Options
- `ignore`: header names never treated as resource IDs.

## Measured
blind8 (issue 18): ExhibitDay names every record by a required `id` header (8 labelled operations).

## References
- AIP-131 Standard methods: Get: https://google.aip.dev/131
- AIP-122 Resource names: https://google.aip.dev/122
"""

from __future__ import annotations

from aiplint.lint_rules.shared import id_outside_path
from aiplint.model import Operation
from aiplint.rule import Context, Option, rule


@rule(
    id="rest/resource-id-in-header",
    summary="The target resource's ID is a path parameter, not a header",
    reference="AIP-131, AIP-122",
    url="https://google.aip.dev/131",
    severity="error",
    options={"ignore": Option((), "header names that are never resource IDs")},
    inspects="operation",
    headline="id",
)
def check(ctx: Context, op: Operation):
    yield from id_outside_path(ctx, op, "header", lambda what: (
        f"{what} identifies the resource this operation acts on; a resource's ID belongs in the path, after its "
        f"collection (AIP-131)"))
