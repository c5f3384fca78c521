"""Every operation documents a response for when it succeeds.

## What it does
Flags an operation whose `responses` are all errors: every status code it lists is `4XX` or `5XX` (or a code
in those ranges).  A `1XX`, `2XX` or `3XX` code counts as success (`101` upgrades a WebSocket, `302` answers a
redirect endpoint), and so does `default`, which OpenAPI defines as the response for every status not listed,
success included.  An operation without `responses` is `oas/schema`'s business (OpenAPI 2.0 and 3.0 require the
field; 3.1 makes it optional).

## Why is this bad?
OpenAPI: the Responses Object "SHOULD be the response for a successful operation call" where there is only one,
and it documents the expected responses.  With only errors documented, clients and generated SDKs have no type
for what a successful call returns, and mocks and contract tests cannot produce one.

## Example
```yaml
/pets/{petId}:
  get:
    responses: {"404": {description: No such pet}}
```

## Use instead
```yaml
/pets/{petId}:
  get:
    responses: {"200": {description: The pet}, "404": {description: No such pet}}
```

## Measured
APIs-guru (2,639 specs, `rest`): 114 findings in 24 specs; googleapis.com (299): 0.  Review of 20 random
findings against the document: 20 right (every listed code 4XX or 5XX, e.g. callfire's `DELETE /contacts/{id}`
with 400, 401, 403, 404, 500 only).

Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 16 of 18 cases of Redocly and Spectral; 2 misses
(strict xfails): `2XX` in an OpenAPI 2.0 document, which has no ranges, and webhooks' operations.

## References
- OpenAPI 3.1 Responses Object: https://spec.openapis.org/oas/v3.1.0#responses-object
"""

from __future__ import annotations

from aiplint.model import Location, Operation
from aiplint.rule import Context, Problem, rule


@rule(
    id="oas/success-response",
    summary="Every operation documents a success (or default) response",
    reference="OpenAPI 3.1 Responses Object",
    url="https://spec.openapis.org/oas/v3.1.0#responses-object",
    severity="warning",
    inspects="operation",
)
def check(ctx: Context, op: Operation):
    responses = op.raw.get("responses")
    if not isinstance(responses, dict):
        return
    codes = [str(code) for code in responses if not str(code).startswith("x-")]
    if codes and all(code[:1] in ("4", "5") for code in codes):
        yield Problem(f"`{op.label}` documents only error responses ({', '.join(codes)}); document what a successful "
                      f"call returns (a 2XX, a 3XX or `default` response)",
                      Location(op.at.source, op.at.pointer + "/responses"), operation=op)
