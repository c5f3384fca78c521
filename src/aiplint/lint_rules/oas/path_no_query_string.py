"""Path keys do not contain a query string.

## What it does
Flags a key of `paths` that contains `?` (`/responses?beta=true`).

## Why is this bad?
OpenAPI path templates are matched against the URL path only; a query string in the key is not matched by
tools, and two operations that differ only by a query parameter cannot be told apart.  Declare the parameter
instead (or use a separate path, a header or an `x-` extension).

## Example
```yaml
/responses?beta=true: {post: ...}
```

## Use instead
```yaml
/responses:
  post: {parameters: [{name: beta, in: query, schema: {type: boolean}}]}
```

## Measured
Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 6 of 6 cases of Redocly and Spectral.

## References
- OpenAPI 3.1 Paths Object: https://spec.openapis.org/oas/v3.1.0#paths-object
"""

from __future__ import annotations

from aiplint.model import PathItem
from aiplint.rule import Context, Problem, rule


@rule(
    id="oas/path-no-query-string",
    summary="Path keys contain no query string",
    reference="OpenAPI Paths Object",
    url="https://spec.openapis.org/oas/v3.1.0#paths-object",
    severity="error",
    inspects="path",
    only_if=lambda ctx, item: "?" in item.key,
)
def check(ctx: Context, item: PathItem):
    query = item.key.split("?", 1)[1]
    yield Problem(
        f"path `{item.key}` contains the query string `?{query}`; paths are matched without the query, "
        f"declare query parameters instead",
        item.key_at,
        path=item.key,
        suggestion=item.template,
    )
