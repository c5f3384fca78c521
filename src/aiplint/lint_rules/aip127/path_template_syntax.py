"""Path templates are well formed.

## What it does
Flags a path key whose template (the key before any `?`, which `oas/path-no-query-string` reports) breaks the
template syntax: a `{` without its `}` or the other way round, a variable inside another (`{a{b}}`), an empty
segment (`/v1//books`), or white space outside a variable.  Under the `aip` profile (option `trailing_slash`)
also a trailing slash (`/v1/books/`), which AIP-127's template syntax has no place for.  Empty and repeated
variables (`{}`, `/{id}/{id}`) are `oas/path-params-match`'s business.

## Why is this bad?
AIP-127: the URI template is `Template = "/" Segments [ Verb ]`, `Segments = Segment { "/" Segment }`, a
variable `"{" FieldPath [ "=" Segments ] "}"`.  OpenAPI path templates use "curly braces ({}) to mark a
section of a URL path as replaceable".  A template that does not parse is matched differently by each router,
gateway and code generator, or not at all.

## Example
```yaml
/v1/books/{book:
  get: ...
```

## Use instead
```yaml
/v1/books/{book}:
  get: ...
```

## Options
- `trailing_slash`: also flag a path that ends in `/` (on under the `aip` profile).

## Measured
APIs-guru (2,639 specs): `rest` 7 findings in 3 specs (`//openapi.{type}`, `/vendor//addons`, `/Your Pull URI
Request API Path`), all 7 right; `aip` 1,750 in 120 (trailing slashes: Django and NetBox style `/orders/`), 12
random reviewed, 12 right.  googleapis.com (299): 0 under both.

## References
- AIP-127 HTTP and gRPC Transcoding: https://google.aip.dev/127
- OpenAPI 3.1 Path Templating: https://spec.openapis.org/oas/v3.1.0#path-templating
"""

from __future__ import annotations

from aiplint.model import PathItem
from aiplint.rule import Context, Option, Problem, rule


@rule(
    id="aip127/path-template-syntax",
    summary="Path templates have balanced braces, no empty segments and no white space",
    reference="AIP-127",
    url="https://google.aip.dev/127",
    severity="error",
    options={"trailing_slash": Option(False, "also flag a path that ends in `/`", {"aip": True})},
    inspects="path",
)
def check(ctx: Context, item: PathItem):
    template = item.key.split("?", 1)[0]
    why = _syntax_error(template)
    if why is None and ctx.options["trailing_slash"] and len(template) > 1 and template.endswith("/"):
        why = "ends in `/`, an empty last segment (AIP-127 templates have none)"
    if why is not None:
        yield Problem(f"path `{item.key}` is not a well-formed path template: {why}", item.key_at, path=item.key,
                      detail=why.split(" ", 1)[0])


def _syntax_error(template: str) -> str | None:
    depth = 0
    for index, char in enumerate(template):
        if char == "{":
            if depth:
                return "`{` inside a variable (variables do not nest)"
            depth = 1
        elif char == "}":
            if not depth:
                return f"`}}` at character {index + 1} closes no variable"
            depth = 0
        elif not depth and char.isspace():
            return "white space in a literal segment (URLs percent-encode it)"
    if depth:
        return "a `{` that no `}` closes"
    if "//" in template:
        return "an empty segment (`//`)"
    return None
