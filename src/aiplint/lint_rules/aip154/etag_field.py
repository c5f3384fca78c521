"""An ETag field is a string named `etag`.

## What it does
Under the `aip` profile, reads the properties of the document's named schemas (`components/schemas`, OAS 2.0's
`definitions`) and flags a property that is an ETag by its name (`eTag`, `ETag`, `e_tag`, `_etag`) but is not
named `etag`, or one whose type is a number or a boolean (an object named `etag`, as SCIM's `{supported}`,
describes ETags rather than carrying one).  One mistake is one finding: a
spelling with one problem is flagged once per document, at the first schema using it (in name order), the
others listed beside.  OData's `@odata.etag` annotation and ETag *headers* (HTTP's `ETag`, spelled by RFC 9110)
are left out.

## Why is this bad?
AIP-154: "The etag field **must** be a string, and **must** be named `etag`."  Clients and tools (declarative
clients, generated wrappers that retry on a stale etag) look the field up by that name, and send its value back
as it came, quotes included: a number loses the `W/` prefix and the quotes RFC 9110's entity tags carry.

## Example
```yaml
components:
  schemas:
    Book:
      type: object
      properties:
        name: {type: string}
        eTag: {type: string}
paths:
  /v1/books/{book}:
    get:
      responses:
        "200":
          description: OK
          content: {application/json: {schema: {$ref: "#/components/schemas/Book"}}}
```

## Use instead
```yaml
components:
  schemas:
    Book:
      type: object
      properties:
        name: {type: string}
        etag: {type: string}
paths:
  /v1/books/{book}:
    get:
      responses:
        "200":
          description: OK
          content: {application/json: {schema: {$ref: "#/components/schemas/Book"}}}
```

## Measured
APIs-guru (2,639 specs), `aip`: 39 findings in 38 specs (Azure's `eTag` on ARM resources, AWS's PascalCase `ETag`,
Cosmos DB's `_etag`, letmc's `ETag`; 3 `etag` integers in Azure specs); googleapis.com (299): 1, Content Warehouse's
`TrawlerFetchReplyDataPartialResponse.ETag`, a crawled page's header copied into a message.  Off under `rest`.  A
review packet of 25 random findings awaits a blind review.  Not checked: the quotes and `W/` of RFC 9110 values (a
spec's examples are too rarely given), and a Delete that takes no etag (AIP-135 says it **may**).

## References
- AIP-154 Resource freshness validation: https://google.aip.dev/154
"""

from __future__ import annotations

from typing import Any, Iterator

from aiplint.model import ApiModel, Location
from aiplint.model.words import compact
from aiplint.read.pointers import join_pointer
from aiplint.rule import Context, Problem, rule

_SCALARS = ("integer", "number", "boolean")  # an object named `etag` describes ETags (SCIM's `{supported}`)


@rule(
    id="aip154/etag-field",
    summary="An ETag field is a string named `etag`",
    reference="AIP-154",
    url="https://google.aip.dev/154",
    severity={"aip": "warning"},
)
def check(ctx: Context):
    found: dict[tuple[str, str], list[tuple[str, Location]]] = {}
    for schema_name, name, value, at in etag_properties(ctx.api):
        for problem in _problems(name, value):
            found.setdefault((name, problem), []).append((schema_name, at))
    for (name, problem), places in found.items():
        (first, at), others = places[0], places[1:]
        more = f" (and {len(others)} more schema{'s' if len(others) > 1 else ''})" if others else ""
        yield Problem(f"the ETag field `{name}` of `{first}`{more} {problem} (AIP-154)", at, detail=name,
                      related=tuple(other for _, other in others))


def _problems(name: str, schema: dict[str, Any]) -> list[str]:
    found = []
    if name != "etag":
        found.append("is not named `etag`")
    kind = schema.get("type")
    if kind in _SCALARS:
        found.append(f"is a{'n' if kind[:1] in 'aeiou' else ''} {kind}: an ETag is a string")
    return found


def etag_properties(api: ApiModel) -> Iterator[tuple[str, str, dict[str, Any], Location]]:
    """(schema name, property name, its schema with `$ref` resolved, where) of every property of a named schema
    that is an ETag by its name, schemas in name order."""
    root = api.document.root
    data = root.data
    components = data.get("components") if isinstance(data.get("components"), dict) else {}
    schemas, base = (components.get("schemas"), "/components/schemas") if "components" in data else (
        data.get("definitions"), "/definitions")
    if not isinstance(schemas, dict):
        return
    for schema_name in sorted(schemas, key=str):
        schema = schemas[schema_name]
        properties = schema.get("properties") if isinstance(schema, dict) else None
        if not isinstance(properties, dict):
            continue
        for name, value in properties.items():
            if compact(str(name)) == "etag":
                pointer = join_pointer(base, str(schema_name), "properties", str(name))
                resolved = api.document.refs.resolve(value, root, pointer).node
                schema = resolved if isinstance(resolved, dict) else {}
                yield str(schema_name), str(name), schema, Location(root, pointer)
