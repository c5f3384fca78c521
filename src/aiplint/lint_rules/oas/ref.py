"""Every `$ref` resolves, locally, to something.

## What it does
Reports `$ref`s that cannot be followed: a missing file, a missing JSON pointer, a file that cannot be parsed,
a chain of refs that loops back to itself (`A -> B -> A`), and remote (`http(s)://`) refs, which aiplint
never fetches.  Recursive schemas (a `Node` whose children are `Node`s) are legal and not reported.
Ignored keys beside a `$ref` are `oas/ref-siblings`' business.

## Why is this bad?
A dangling reference makes the document invalid for every consumer.

## Example
```yaml
schema: {$ref: './schemas/jobz.yaml#/Job'}
```

## Use instead
```yaml
schema: {$ref: './schemas/job.yaml#/Job'}
```

## References
- OpenAPI 3.1 Reference Object: https://spec.openapis.org/oas/v3.1.0#reference-object
"""

from __future__ import annotations

from aiplint.model import Location
from aiplint.rule import Context, Problem, rule


@rule(
    id="oas/ref",
    summary="Every $ref resolves locally",
    reference="OpenAPI Reference Object",
    url="https://spec.openapis.org/oas/v3.1.0#reference-object",
    severity="error",
)
def check(ctx: Context):
    for problem in ctx.api.document.ref_problems():
        if problem.kind == "siblings":
            continue
        yield Problem(
            problem.message,
            Location(problem.source, problem.pointer),
            detail=f"{problem.kind}:{problem.ref}:{problem.pointer}",
        )
