"""An ETag field is a string named `etag`.

## What it does
Under the `aip` profile, reads the properties of the document's resource schemas (the named schemas an operation
returns, or a List holds, and those they build on by `allOf`, as ARM's `Resource`) and flags a property that is an
ETag by its name (`eTag`, `e_tag`, `_etag`) but is not named `etag`, or one whose type is a number or a boolean (an
object named `etag`, as SCIM's `{supported}`, describes ETags rather than carrying one).  An ETag in a schema only
nested in a resource is another system's held as data (an S3 object's a finding refers to, a crawled page's
header) and is left out; so is the name `ETag` in a document whose property names mostly start in upper case
(AWS's and .NET's PascalCase, where it is that document's spelling of `etag`).  One mistake is one finding: a
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
APIs-guru (2,639 specs), `aip`: 23 findings in 23 specs, all Azure (`eTag` on ARM resources and their `Resource` or
`ProxyResource` base, Batch's `CloudJob`; 3 `etag` integers); googleapis.com (299): 0.  Off under `rest`.  A blind
review of 25 random findings: 14 right, 4 wrong, 7 debatable; the wrong classes (another system's ETag held as data:
an S3 object's in a Macie finding or a Transfer location, a crawled page's header in Content Warehouse; `ETag` in the
PascalCase documents of AWS, Jellyfin and letmc, where it is the document's spelling of `etag`) fixed by reading only
the schemas an operation returns as its resource and leaving the name alone in PascalCase documents, 39 -> 23
findings.  Not checked: the quotes and `W/` of RFC 9110 values (a spec's examples are too rarely given), and a
Delete that takes no etag (AIP-135 says it **may**).
A second blind review, of the 23 findings left: 23 right, 0 wrong, 0 debatable (Azure's `eTag` on ARM resources and
Batch's `CloudJob`, `etag` integers).

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
    own = resource_schemas(ctx.api)
    lower_case = lower_case_properties(ctx.api)
    for schema_name, name, value, at in etag_properties(ctx.api):
        if compact(schema_name) not in own:
            continue  # an ETag held as data (an S3 object's, a crawled header's), not this API's resource's own
        for problem in _problems(name, value, lower_case):
            found.setdefault((name, problem), []).append((schema_name, at))
    for (name, problem), places in found.items():
        (first, at), others = places[0], places[1:]
        more = f" (and {len(others)} more schema{'s' if len(others) > 1 else ''})" if others else ""
        yield Problem(f"the ETag field `{name}` of `{first}`{more} {problem} (AIP-154)", at, detail=name,
                      related=tuple(other for _, other in others))


def _problems(name: str, schema: dict[str, Any], lower_case: bool) -> list[str]:
    found = []
    if name != "etag" and lower_case:  # in a PascalCase document `ETag` is how it spells `etag`
        found.append("is not named `etag`")
    kind = schema.get("type")
    if kind in _SCALARS:
        found.append(f"is a{'n' if kind[:1] in 'aeiou' else ''} {kind}: an ETag is a string")
    return found


def named_schemas(api: ApiModel) -> tuple[dict[Any, Any], str]:
    """The document's named schemas (`components/schemas`, OAS 2.0's `definitions`) and where they are."""
    data = api.document.root.data
    components = data.get("components") if isinstance(data.get("components"), dict) else {}
    schemas, base = (components.get("schemas"), "/components/schemas") if "components" in data else (
        data.get("definitions"), "/definitions")
    return (schemas if isinstance(schemas, dict) else {}), base


def lower_case_properties(api: ApiModel) -> bool:
    """Most property names of the named schemas start in lower case (camelCase, snake_case): AWS's and .NET's
    PascalCase documents (`Bucket`, `Key`, `ETag`) spell every field, `etag` too, with a capital."""
    schemas, _ = named_schemas(api)
    initials = [str(name)[:1] for schema in schemas.values() if isinstance(schema, dict)
                and isinstance(schema.get("properties"), dict) for name in schema["properties"]]
    lower = sum(1 for initial in initials if initial.islower())
    return lower * 2 > sum(1 for initial in initials if initial.isalpha())


def resource_schemas(api: ApiModel) -> set[str]:
    """The compact names of the schemas an operation returns as its resource, or a List as its members, and of the
    schemas those build on by `allOf` (ARM's `Resource`): the ones whose ETag is the API's own."""
    schemas, _ = named_schemas(api)
    by_name = {compact(str(name)): schema for name, schema in schemas.items()}
    pending = [name for op in api.operations for name in op.returns | op.lists]
    found: set[str] = set()
    while pending:
        name = pending.pop()
        if name in found:
            continue
        found.add(name)
        schema = by_name.get(name)
        parts = schema.get("allOf") if isinstance(schema, dict) else None
        pending += [compact(part["$ref"].rsplit("/", 1)[-1]) for part in (parts if isinstance(parts, list) else ())
                    if isinstance(part, dict) and isinstance(part.get("$ref"), str)]
    return found


def etag_properties(api: ApiModel) -> Iterator[tuple[str, str, dict[str, Any], Location]]:
    """(schema name, property name, its schema with `$ref` resolved, where) of every property of a named schema
    that is an ETag by its name, schemas in name order."""
    root = api.document.root
    schemas, base = named_schemas(api)
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
