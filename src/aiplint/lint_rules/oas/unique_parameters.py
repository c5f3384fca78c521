"""A parameter list names each parameter once.

## What it does
Flags a parameter that a path item's or an operation's own `parameters` list declares twice: the same `name` and
`in`, even when the two differ in `description`, `schema` or `required`; in OpenAPI 2.0 also a second `in: body`
parameter, or body and `formData` parameters together (each list is one request's payload).

## Why is this bad?
OpenAPI: the list "MUST NOT include duplicated parameters. A unique parameter is defined by a combination of a
name and location."  Tools keep one of the two, and which one is not defined.

## Example
```yaml
/pets/{petId}:
  get:
    parameters:
      - {name: petId, in: path, required: true, description: The pet}
      - {name: petId, in: path, required: true, description: Its ID}
```

## Use instead
```yaml
/pets/{petId}:
  get:
    parameters:
      - {name: petId, in: path, required: true, description: The pet's ID}
```

## Measured
Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 29 of 29 cases of Redocly and Spectral.

## References
- OpenAPI 3.1 Operation Object: https://spec.openapis.org/oas/v3.1.0#operation-object
"""

from __future__ import annotations

from typing import Iterator

from aiplint.model import Operation, Parameter, PathItem
from aiplint.rule import Context, Problem, rule


@rule(
    id="oas/unique-parameters",
    summary="No parameter is declared twice in one list",
    reference="OpenAPI 3.1 Operation Object",
    url="https://spec.openapis.org/oas/v3.1.0#operation-object",
    severity="error",
    inspects="path",
)
def check(ctx: Context, item: PathItem):
    yield from _repeats(item.parameters, item, None)
    for op in item.operations:
        yield from _repeats([p for p in op.declared_parameters if p.level == "operation"], item, op)


def _repeats(parameters: list[Parameter], item: PathItem, op: Operation | None) -> Iterator[Problem]:
    seen: set[tuple[str, str]] = set()
    payload: str | None = None  # OpenAPI 2.0: one `in: body` parameter, and never beside `formData` ones
    for param in parameters:
        key = (param.name, param.location)
        if key in seen:
            why = f"parameter `{param.name}` (in: {param.location}) is declared twice in this list; a parameter is " \
                  f"unique by name and location (OpenAPI)"
        elif param.location == "body" and payload is not None or param.location == "formData" and payload == "body":
            why = f"parameter `{param.name}` (in: {param.location}) is a second request payload beside an `in: " \
                  f"{payload}` parameter; OpenAPI 2.0 allows one body parameter, and none beside formData parameters"
        else:
            why = ""
        seen.add(key)
        if param.location in ("body", "formData"):
            payload = payload or param.location
        if why:
            yield Problem(why, param.at, operation=op, path=item.key, detail=f"{param.location}:{param.name}")
