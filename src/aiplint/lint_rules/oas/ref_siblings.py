"""Keys beside a `$ref` that OpenAPI 2.0 and 3.0 ignore.

## What it does
In OpenAPI 2.0 and 3.0 a Reference Object's other keys are ignored.  This rule reports the ones that change
meaning (`nullable: true`, `type`, `default`, `required` next to `$ref`); annotations (`description`,
`summary`, `title`, examples), `x-` extensions, and siblings that repeat the referenced object's own value
(`type: string` beside a `$ref` to a string schema) are not reported.  OpenAPI 3.1 schemas allow keys beside `$ref`, so 3.1 documents are not
checked.

## Why is this bad?
The author meant the sibling to apply; every tool drops it, so the published contract differs from the
written one.

## Example
```yaml
owner: {$ref: '#/components/schemas/User', nullable: true}     # OpenAPI 3.0
```

## Use instead
```yaml
owner: {allOf: [{$ref: '#/components/schemas/User'}], nullable: true}
```

## References
- OpenAPI 3.0 Reference Object: https://spec.openapis.org/oas/v3.0.3#reference-object
"""

from __future__ import annotations

from aiplint.model import Location
from aiplint.rule import Context, Problem, rule


@rule(
    id="oas/ref-siblings",
    summary="No meaningful keys beside $ref where OpenAPI ignores them",
    reference="OpenAPI Reference Object",
    url="https://spec.openapis.org/oas/v3.0.3#reference-object",
    severity="warning",
)
def check(ctx: Context):
    for problem in ctx.api.document.ref_problems():
        if problem.kind == "siblings":
            yield Problem(problem.message, Location(problem.source, problem.pointer), detail=problem.pointer)
