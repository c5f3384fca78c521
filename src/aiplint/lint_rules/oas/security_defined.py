"""Every security requirement names a security scheme the document defines.

## What it does
Flags a name in a `security` requirement (the document's or an operation's) that is not a key of
`components.securitySchemes` (OpenAPI 3) or `securityDefinitions` (OpenAPI 2.0).  Names are compared exactly.
Under OpenAPI 3.2, which lets a requirement name a scheme by URI, a name holding `/` or `#` is left alone.

## Why is this bad?
OpenAPI: "Each name MUST correspond to a security scheme which is declared in the Security Schemes under the
Components Object."  An undefined scheme tells clients nothing about how to authenticate: generated SDKs send
no credentials, and gateways that enforce the document reject every call or none.

## Example
```yaml
paths:
  /pets: {get: {security: [{api_key: []}]}}
components:
  securitySchemes:
    apiKey: {type: apiKey, in: header, name: X-API-Key}
```

## Use instead
```yaml
paths:
  /pets: {get: {security: [{apiKey: []}]}}
components:
  securitySchemes:
    apiKey: {type: apiKey, in: header, name: X-API-Key}
```

## Measured
APIs-guru (2,639 specs): 0 findings; googleapis.com (299): 0.  An independent count of requirement names missing
from the schemes over the directory finds none either (it is validated before publication); the tests' cases
stand in for a review.

Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 10 of 11 cases of Redocly and Spectral; 1
deliberate disagreement: Redocly asks every operation for security, which OpenAPI makes optional.

## References
- OpenAPI 3.1 Security Requirement Object: https://spec.openapis.org/oas/v3.1.0#security-requirement-object
"""

from __future__ import annotations

from typing import Any, Iterator

from aiplint.model import Location, Operation
from aiplint.read.loading import Source
from aiplint.read.pointers import join_pointer
from aiplint.rule import Context, Problem, rule


@rule(
    id="oas/security-defined",
    summary="Security requirements name defined security schemes",
    reference="OpenAPI 3.1 Security Requirement Object",
    url="https://spec.openapis.org/oas/v3.1.0#security-requirement-object",
    severity="error",
)
def check(ctx: Context):
    document = ctx.api.document
    root = document.root
    if document.major == 2:
        section, defined = "securityDefinitions", root.data.get("securityDefinitions")
    else:
        components = root.data.get("components")
        section = "components.securitySchemes"
        defined = components.get("securitySchemes") if isinstance(components, dict) else None
    names = frozenset(defined) if isinstance(defined, dict) else frozenset()
    by_uri = (document.major, document.minor) >= (3, 2)

    def undefined(requirements: Any, source: Source, pointer: str, op: Operation | None) -> Iterator[Problem]:
        for index, requirement in enumerate(requirements if isinstance(requirements, list) else ()):
            for name in requirement if isinstance(requirement, dict) else ():
                if name in names or (by_uri and ("/" in name or "#" in name)):
                    continue
                yield Problem(f"security requirement names `{name}`, which is no security scheme of the document "
                              f"({_known(names)}); define it under `{section}` or fix the name",
                              Location(source, join_pointer(pointer, index, name)), operation=op, detail=name)

    yield from undefined(root.data.get("security"), root, "/security", None)
    for op in ctx.api.operations:
        if "security" in op.raw:
            yield from undefined(op.raw["security"], op.at.source, op.at.pointer + "/security", op)


def _known(names: frozenset[str]) -> str:
    if not names:
        return "it defines none"
    shown = sorted(names)[:5]
    return "it defines " + ", ".join(f"`{n}`" for n in shown) + (", ..." if len(names) > 5 else "")
