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

## Measured
Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 1 of 1 cases of Redocly.

## References
- OpenAPI 3.1 Reference Object: https://spec.openapis.org/oas/v3.1.0#reference-object
"""

from __future__ import annotations

from aiplint.model import Location
from aiplint.read.references import RefSite
from aiplint.rule import Context, Problem, rule


@rule(
    id="oas/ref",
    summary="Every $ref resolves locally",
    reference="OpenAPI Reference Object",
    url="https://spec.openapis.org/oas/v3.1.0#reference-object",
    severity="error",
)
def check(ctx: Context):
    refs = ctx.api.document.refs
    if refs.only_plain_local():
        return
    for site in refs.sites():
        if type(site.ref) is not str:
            continue
        step = refs.step(site.source, site.ref)
        if step.kind == "skip":
            continue
        if not step.found:
            yield _problem(site, step.kind, step.message)
        elif refs.chain_is_cycle(site.source, site.pointer, site.ref):
            yield _problem(site, "cycle", f"$ref '{site.ref}' is part of a cycle of references that never reaches a "
                                          "value")


def _problem(site: RefSite, kind: str, message: str) -> Problem:
    return Problem(message, Location(site.source, site.pointer), detail=f"{kind}:{site.ref}:{site.pointer}")
