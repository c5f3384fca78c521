"""Every reusable component is used.

## What it does
Flags a component that no `$ref` of the document points to (at it or into it), and whose JSON pointer appears
nowhere else in the document either (extensions such as `x-ms-odata` name schemas by pointer): a schema, response,
parameter, example, request body, header, link, callback or path item under `components` (OpenAPI 3), or a
definition, parameter or response (OpenAPI 2.0).  A schema named by a `discriminator`'s `mapping`, or one that
extends a schema with a `discriminator` through `allOf` (a subtype found by its name), is used.  A document with
no paths and no webhooks is a library of components for other documents and is not checked; nor are security
schemes, which requirements name without `$ref`.  Nor are the schemas of a document with `google.protobuf.Any`
fields (an object "Contains field @type with type URL", as Google's converted descriptions write it): an `Any`
carries a schema no `$ref` names, such as a long-running operation's metadata and response types (AIP-151).

## Why is this bad?
A component nothing uses is dead weight in every client generated from the document (types nobody returns),
and usually a leftover: a renamed schema whose old copy stayed, or a response someone meant to reference.
Spectral (`oas3-unused-component`) and Redocly (`no-unused-components`) report the same.

## Example
```yaml
paths:
  /pets:
    post: {requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}}}
components:
  schemas:
    Pet: {type: object}
    PetV1: {type: object}
```

## Use instead
```yaml
paths:
  /pets:
    post: {requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}}}
components:
  schemas:
    Pet: {type: object}
```

## Measured
APIs-guru (2,639 specs, `rest`): 19,613 findings in 1,026 specs, most of them leftovers of conversions (AWS request
shapes whose fields became parameters, Microsoft Graph's examples); googleapis.com (299): 91 in 30 (1,479 in 154
before schemas an `Any` may carry were left out: long-running operations' metadata and responses).  Every
finding was checked mechanically (no `$ref` and no pointer text names the component anywhere in the file: 0 of
21,001 before that change, after fixing the first version's 530, named by `x-ms-odata` and `x-webhooks`), and
22 random ones by hand: 22 right.

Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 9 of 12 cases of Redocly and Spectral; 2 deliberate
disagreements: a document without operations is a library and is not checked; 1 miss (a strict xfail): unused
security schemes.

## References
- OpenAPI 3.1 Components Object: https://spec.openapis.org/oas/v3.1.0#components-object
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from aiplint.model import Location
from aiplint.read.pointers import escape_token, join_pointer, split_pointer
from aiplint.rule import Context, Problem, rule

SECTIONS_3 = ("schemas", "responses", "parameters", "examples", "requestBodies", "headers", "links", "callbacks",
              "pathItems")
SECTIONS_2 = ("definitions", "parameters", "responses")
ANY_FIELD = "Contains field @type with type URL"  # how Google's converted descriptions write a protobuf `Any`


@rule(
    id="oas/unused-components",
    summary="Every reusable component is referenced",
    reference="OpenAPI 3.1 Components Object",
    url="https://spec.openapis.org/oas/v3.1.0#components-object",
    severity="warning",
)
def check(ctx: Context):
    document = ctx.api.document
    root = document.root
    data = root.data
    if not data.get("paths") and not data.get("webhooks"):
        return  # a library of components, referenced from other documents
    sections: tuple[str, ...] = SECTIONS_2 if document.major == 2 else SECTIONS_3
    base, holder = ("", data) if document.major == 2 else ("/components", data.get("components"))
    if not isinstance(holder, dict):
        return
    depth = base.count("/")  # the tokens before the section's name: ("components",) or ()
    used: set[tuple[str, str]] = set()
    for abspath, pointer in document.refs.targets():
        if abspath == root.abspath and pointer.startswith(base + "/"):
            tokens = split_pointer(pointer)
            if len(tokens) > depth + 1:
                used.add((tokens[depth], tokens[depth + 1]))
    schemas_key = "definitions" if document.major == 2 else "schemas"
    schemas = holder.get(schemas_key)
    if isinstance(schemas, dict) and root.mentions("discriminator"):
        used |= {(schemas_key, name) for name in _discriminated(schemas, base, schemas_key)}
    if root.mentions(ANY_FIELD):  # any schema may be the type of a `google.protobuf.Any` field
        sections = tuple(section for section in sections if section != schemas_key)
    unused = [(section, name) for section in sections for name in _names(holder.get(section))
              if (section, name) not in used and not name.startswith("x-")]
    if unused and document.refs.named_outside_refs(f"#{base}/"):
        # a pointer written outside a `$ref` names it too: `x-ms-odata: '#/components/schemas/Filter'`
        unused = [(s, n) for s, n in unused if not _mentioned(root.text, base, s, n, many=len(unused) > 20)]
    for section, name in unused:
        yield Problem(f"{_noun(section)} `{name}` is never referenced; use it or remove it",
                      Location(root, join_pointer(base, section, name)), detail=f"{section}/{name}")


def _discriminated(schemas: dict[str, Any], base: str, key: str) -> set[str]:
    """The schemas a discriminator finds: its mapping's (by `$ref` or by name), and those extending a schema with a
    discriminator through `allOf` (OpenAPI: a subtype is found by its name without a mapping)."""
    found: set[str] = set()
    prefix = f"#{base}/{key}/"
    with_discriminator = {f"{prefix}{name}" for name, schema in schemas.items()
                          if isinstance(schema, dict) and "discriminator" in schema}
    for schema in schemas.values():
        discriminator = schema.get("discriminator") if isinstance(schema, dict) else None
        mapping = discriminator.get("mapping") if isinstance(discriminator, dict) else None
        for target in mapping.values() if isinstance(mapping, dict) else ():
            if isinstance(target, str):
                found.add(split_pointer(target[len(prefix) - 1:])[0] if target.startswith(prefix) else target)
    for name, schema in schemas.items():
        parts = schema.get("allOf") if isinstance(schema, dict) else None
        if isinstance(parts, list) and any(isinstance(p, dict) and p.get("$ref") in with_discriminator for p in parts):
            found.add(name)
    return found


# The last document's text and the pointers it mentions.  The text itself is kept, not its id(): a freed text's id
# is reused by the next document's (`diff` lints two in a row), which then read the other's mentions.
_MENTIONS: list[tuple[str, set[tuple[str, str]]]] = []


def _mentioned(text: str, base: str, section: str, name: str, many: bool) -> bool:
    """Whether the document's text holds the component's pointer outside a `$ref` (escaped, or percent-encoded
    too): searched once per name when they are few, else read from one pass over the text."""
    spellings = {escape_token(name), quote(escape_token(name), safe="~")}
    if not many:
        return any(_ends_pointer(text, f"#{base}/{section}/{spelling}") for spelling in spellings)
    if not _MENTIONS or _MENTIONS[0][0] is not text:
        _MENTIONS[:] = [(text, set(re.findall(r"#%s/(\w+)/([^\s\"'#/]+)" % base, text)))]
    found = _MENTIONS[0][1]
    return any((section, spelling) in found for spelling in spellings)


def _ends_pointer(text: str, pointer: str) -> bool:
    """`pointer` occurs in the text as a whole pointer or the start of a longer one (not `.../Pet` in `.../PetV1`)."""
    at = text.find(pointer)
    while at >= 0:
        end = at + len(pointer)
        if end == len(text) or text[end] in "\"'/ \t\r\n":
            return True
        at = text.find(pointer, end)
    return False


def _names(members: Any) -> list[str]:
    return [name for name in members if isinstance(name, str)] if isinstance(members, dict) else []


def _noun(section: str) -> str:
    return {"schemas": "schema", "definitions": "definition", "responses": "response", "parameters": "parameter",
            "examples": "example", "requestBodies": "request body", "headers": "header", "links": "link",
            "callbacks": "callback", "pathItems": "path item"}[section]
