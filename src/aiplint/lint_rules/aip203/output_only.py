"""A resource's create and update timestamps are `readOnly`.

## What it does
Flags a create or update timestamp (`create_time`, `created_at`, `updatedAt`, `last_modified`, `created`) that is
not `readOnly`, in a schema that is both the resource a Get returns (or a List lists) and the body a Create,
Update or Replace accepts: the server sets the field, yet the request's schema asks the client for it.  A field
is such a timestamp when its first word says creation or update (`create`, `created`, `creation`, `update`,
`updated`, `modified`, `last modified`) and it is a time: its name ends in `time`, `at`, `date`, `on` or
`timestamp`, or its format is `date-time`.  Not flagged: a field whose description says clients set it
(`Optional.`, `Required.`: Microsoft Graph's alert `createdDateTime`, set by the alert's provider), schemas only
requests or only responses use (a response
is output only already, AIP-203 says), and the resource's `id` or `name` (`IDENTIFIER` in AIP-203: input to an
Update, and whether the server or the client chooses it is not in the spec).

## Why is this bad?
AIP-203: "The use of `OUTPUT_ONLY` indicates that the field is provided in responses, but that including the
field in a message in a request does nothing", and its first use case is "Create or update timestamps".
OpenAPI's `readOnly: true` says exactly that: "it MAY be sent as part of a response but SHOULD NOT be sent as part
of the request".  Without it, clients and generated SDKs send the server's own timestamps back, validators
demand them when `required`, and readers cannot tell input from output.

## Example
```yaml
paths:
  /books:
    post:
      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Book'}}}}
      responses: {"201": {description: Created}}
  /books/{book_id}:
    get:
      responses:
        "200": {description: A book, content: {application/json: {schema: {$ref: '#/components/schemas/Book'}}}}
components:
  schemas:
    Book:
      type: object
      properties:
        title: {type: string}
        create_time: {type: string, format: date-time}
```

## Use instead
```yaml
paths:
  /books:
    post:
      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Book'}}}}
      responses: {"201": {description: Created}}
  /books/{book_id}:
    get:
      responses:
        "200": {description: A book, content: {application/json: {schema: {$ref: '#/components/schemas/Book'}}}}
components:
  schemas:
    Book:
      type: object
      properties:
        title: {type: string}
        create_time: {type: string, format: date-time, readOnly: true}
```

## Measured
APIs-guru (2,639 specs): 727 findings in 69 specs, the same under `rest` and `aip`: Microsoft Graph's
`createdDateTime`/`lastModifiedDateTime` ("Read-only." in their descriptions; 397), data2crm, Autotask, Bitbucket's
`created_on`, Compute; googleapis.com (299): 158 in 39: no googleapis.com document has a single `readOnly` (the
discovery format says "Output only." in descriptions, which the conversion keeps as text), so their server
timestamps in resources that Creates accept are all undeclared.  Google's "Optional."/"Required." descriptions and
Microsoft Graph's "Required." mark inputs, left out (733 -> 727).  A blind review of 25 random findings: 25 right,
0 wrong, 0 debatable.
Peer suites (issue 19, `benchmarks/peer_suites.py`): 2 cases of MongoDB's IPA, both deliberate disagreements: a
`readOnly` field in a Create's request schema is what OpenAPI's `readOnly` is for (sent in responses only), not a
mistake.

## References
- AIP-203 Field behavior documentation: https://google.aip.dev/203
"""

from __future__ import annotations

import re

from aiplint.lint_rules.fields import Field, schema_fields
from aiplint.model import ApiModel, Operation
from aiplint.model.operations import Kind
from aiplint.rule import Context, Problem, rule

_WRITES = (Kind.CREATE, Kind.UPDATE, Kind.REPLACE)
# AIP-203's "create or update timestamps": the first words that name the event, and the last ones that say a time
_EVENTS = frozenset(("create", "created", "creation", "update", "updated", "modified", "modify", "modification"))
_TIME_WORDS = frozenset(("time", "at", "date", "on", "timestamp", "datetime"))
_MOMENT_FORMATS = frozenset(("date-time", "google-datetime"))
# a description that says clients send the field: Google's "Optional." and "Required." prefixes, Microsoft Graph's
# "Required.", Google Chat's import mode ("set this field to the historical timestamp")
_SAYS_INPUT = re.compile(r"^\s*(optional|required)\b|\brequired\.|\bset this field\b", re.I)


def is_server_timestamp(field: Field) -> bool:
    """A create or update timestamp: `create_time`, `createdAt`, `last_modified`, `updated` (a string or date)."""
    parts = field.words
    if parts[:1] == ("last",):
        parts = parts[1:]
    if not parts or parts[0] not in _EVENTS:
        return False
    timed = field.schema.get("format") in _MOMENT_FORMATS
    return timed or (len(parts) == 1 and field.schema.get("type") == "string") or (
        len(parts) == 2 and parts[1] in _TIME_WORDS)


@rule(
    id="aip203/output-only",
    summary="Create and update timestamps of a resource are readOnly",
    reference="AIP-203",
    url="https://google.aip.dev/203",
    severity={"rest": "warning", "aip": "warning"},
)
def check(ctx: Context):
    api = ctx.api
    read = _resource_schemas(api)
    by_schema = schema_fields(api)
    reported: set[str] = set()
    for op in api.operations:
        schema = op.request_schema
        if schema is None or schema not in read or schema in reported or api.facts(op).kind not in _WRITES:
            continue
        reported.add(schema)
        for field in by_schema.get(schema, ()):
            if is_server_timestamp(field) and not field.read_only and not _described_as_input(field):
                yield _problem(op, field)


def _described_as_input(field: Field) -> bool:
    """Its description says clients set it (an import of historical records, a time the client reports)."""
    description = field.schema.get("description")
    return isinstance(description, str) and _SAYS_INPUT.search(description) is not None


def _problem(op: Operation, field: Field) -> Problem:
    return Problem(f"the field `{field.name}` is a create or update timestamp the server sets, in the resource "
                   f"`{op.label}` accepts as its body; mark it `readOnly: true` (output only, AIP-203)", field.at,
                   detail=field.name)


def _resource_schemas(api: ApiModel) -> frozenset[str]:
    """The schemas a Get returns or a List lists: the API's resources as it returns them."""
    found: set[str] = set()
    for op in api.operations:
        kind = api.facts(op).kind
        if kind is Kind.GET:
            found |= op.returns
        elif kind is Kind.LIST:
            found |= op.lists
    return frozenset(found)
