"""Keys beside a `$ref` that OpenAPI 2.0 and 3.0 ignore.

## What it does
In OpenAPI 2.0 and 3.0 a Reference Object's other keys are ignored.  This rule reports the ones that change
meaning (`nullable: true`, `type`, `default`, `required` next to `$ref`); annotations (`description`,
`summary`, `title`, examples), `x-` extensions, and siblings that repeat the referenced object's own value
(`type: string` beside a `$ref` to a string schema) are not reported.  OpenAPI 3.1 schemas allow keys beside
`$ref`, so 3.1 documents are not checked.

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

## Measured
Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 2 of 2 cases of Spectral.

## References
- OpenAPI 3.0 Reference Object: https://spec.openapis.org/oas/v3.0.3#reference-object
"""

from __future__ import annotations

from aiplint.model import Location
from aiplint.read.references import References, RefSite
from aiplint.rule import Context, Problem, rule

# Annotations: ignored beside `$ref` in OAS 2.0/3.0, but they change no meaning.
_ANNOTATIONS = frozenset(("$ref", "description", "summary", "title", "example", "examples"))
_MISSING = object()


@rule(
    id="oas/ref-siblings",
    summary="No meaningful keys beside $ref where OpenAPI ignores them",
    reference="OpenAPI Reference Object",
    url="https://spec.openapis.org/oas/v3.0.3#reference-object",
    severity="warning",
)
def check(ctx: Context):
    document = ctx.api.document
    if (document.major, document.minor) >= (3, 1) or document.refs.only_plain_local():
        return
    for site in document.refs.sites():
        if type(site.ref) is not str:
            continue
        extra = [k for k in site.holder if k not in _ANNOTATIONS and not k.startswith("x-")]
        if extra:
            extra = _changing(document.refs, site, extra)
        if extra:
            names = ", ".join(f"'{k}'" for k in extra)
            yield Problem(f"{names} beside $ref '{site.ref}' {'is' if len(extra) == 1 else 'are'} ignored in "
                          f"OpenAPI {document.major}.{document.minor} (the referenced object replaces this one)",
                          Location(site.source, site.pointer), detail=site.pointer)


def _changing(refs: References, site: RefSite, keys: list[str]) -> list[str]:
    """The sibling keys that say something the target does not: `type: string` beside a `$ref` to a string
    schema repeats it and changes nothing."""
    target = refs.resolve({"$ref": site.ref}, site.source, "").node
    if not isinstance(target, dict):
        return keys
    return [k for k in keys if target.get(k, _MISSING) != site.holder[k]]
