"""A parameter list names each parameter once.

## What it does
Flags a parameter that a path item's or an operation's own `parameters` list declares twice: the same `name` and
`in`, even when the two differ in `description`, `schema` or `required`.

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

## References
- OpenAPI 3.1 Operation Object: https://spec.openapis.org/oas/v3.1.0#operation-object
"""

from __future__ import annotations

from aiplint.rule import Context, Problem, rule


@rule(
    id="oas/unique-parameters",
    summary="No parameter is declared twice in one list",
    reference="OpenAPI 3.1 Operation Object",
    url="https://spec.openapis.org/oas/v3.1.0#operation-object",
    severity="error",
)
def check(ctx: Context):
    reported: set[str] = set()
    for op in ctx.api.operations:
        for level in ("path", "operation"):
            seen: set[tuple[str, str]] = set()
            for param in op.declared_parameters:
                if param.level != level:
                    continue
                key = (param.name, param.location)
                if key in seen and param.at.pointer not in reported:
                    reported.add(param.at.pointer)
                    yield Problem(
                        f"parameter `{param.name}` (in: {param.location}) is declared twice in this list; a "
                        f"parameter is unique by name and location (OpenAPI)",
                        param.at,
                        operation=op if level == "operation" else None,
                        path=op.path.key,
                        detail=f"{level}:{param.location}:{param.name}",
                    )
                seen.add(key)
