"""Two path templates that differ only in their parameters' names are the same path.

## What it does
Flags a path key whose template equals an earlier one once parameter names are ignored: `/pets/{petId}` after
`/pets/{id}`.  The finding is on the later key and names the earlier one.

## Why is this bad?
OpenAPI: "Templated paths with the same hierarchy but different templated names MUST NOT exist as they are
identical."  A router cannot tell which of the two a request is for; generated clients get two methods for one
URL.

## Example
```yaml
paths:
  /pets/{id}: {get: ...}
  /pets/{petId}: {delete: ...}
```

## Use instead
```yaml
paths:
  /pets/{petId}: {get: ..., delete: ...}
```

## Measured
Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 19 of 22 cases of IBM, Redocly and Spectral; 3
deliberate disagreements: IBM's ambiguous paths, which OpenAPI resolves (a concrete path first) or leaves to tools.

## References
- OpenAPI 3.1 Paths Object: https://spec.openapis.org/oas/v3.1.0#paths-object
"""

from __future__ import annotations

from aiplint.rule import Context, Problem, rule


@rule(
    id="oas/equivalent-paths",
    summary="No two path templates differ only in parameter names",
    reference="OpenAPI 3.1 Paths Object",
    url="https://spec.openapis.org/oas/v3.1.0#paths-object",
    severity="error",
)
def check(ctx: Context):
    first: dict[tuple[int, str], str] = {}  # (prefix of the template's segments, rest of the key) -> first key
    for item in ctx.api.paths:
        if not item.template_params:
            continue
        shape = (item.prefix(), item.key[len(item.template) :] + ("/" if item.template.endswith("/") else ""))
        earlier = first.setdefault(shape, item.key)
        if earlier != item.key:
            yield Problem(
                f"path `{item.key}` is the same path as `{earlier}`: templates that differ only in parameter names "
                f"are identical (OpenAPI); merge their operations under one key",
                item.key_at,
                path=item.key,
                suggestion=earlier,
                detail="",  # the same for every spelling: which one comes first in the document is no identity
            )
