"""A mutation's request ID is optional, can hold a UUID, and says `format: uuid` when it must be one.

## What it does
Under the `aip` profile, reads the request ID of each mutation (`POST`, `PUT`, `PATCH`, `DELETE`): a parameter or
body field named `request_id` (`requestId`, `RequestId`) or `Idempotency-Key`.  It flags one that
- is UUID-only but not annotated: its description says it must be a UUID ("must be a valid UUID"), or its pattern
  is a UUID's, while its schema has no `format: uuid`;
- cannot hold a UUID: a `maxLength` under 36, or a `pattern` a UUID does not match;
- is required.
One mistake is one finding: a request ID of one name with one problem is flagged once per document, at its first
mutation (paths in order), the others listed beside.  Not a request ID: a path parameter, the ID an operation acts
on, a number (bunq's `request_id` integer names a stored request), a name the API's responses hand out (Vonage
Verify's `request_id`, received from the verification it checks), or any `requestId` of an API whose resources
include requests (AWS Audit Manager's `assessmentFrameworkShareRequests/{requestId}`).  A tracing header
(`X-Request-Id`) is not a request ID for retries and is left out, as is a request ID that only recommends UUIDs ("We
recommend using UUIDs").

## Why is this bad?
AIP-155: "Request IDs **should** be optional.  Request IDs **should** be able to be UUIDs, and **may** allow UUIDs
to be the only valid format. [...] Request IDs that are UUIDs **must** be annotated with the
`google.api.FieldInfo.Format` value `UUID4`"; OpenAPI's annotation is `format: uuid`.  Without it, generated
clients cannot fill in a fresh UUID for each call, and a request ID that cannot hold one invites the collisions
the UUID exists to avoid.

## Example
```yaml
/v1/books:
  post:
    parameters:
      - name: requestId
        in: query
        description: An idempotency key. The request ID must be a valid UUID.
        schema: {type: string}
```

## Use instead
```yaml
/v1/books:
  post:
    parameters:
      - name: requestId
        in: query
        description: An idempotency key. The request ID must be a valid UUID.
        schema: {type: string, format: uuid}
```

## Measured
APIs-guru (2,639 specs), `aip`: 33 findings in 33 specs; googleapis.com (299): 22 in 22, each one finding per
document for every mutation's `requestId` ("The request ID must be a valid UUID", 377 mutations in Compute Engine)
without `format: uuid`: discovery documents carry no UUID format, and AIP-155's UUID4 annotation dates from 2023.
The others are required idempotency keys (Square's `idempotency_key` on 24 mutations, Plaid's, Twilio's, AWS
MediaLive's and Omics' `requestId`, Google Drive's `requestId` for shared drives).  Before leaving out numbers and
names a response hands out, bunq's integer `request_id` (a stored request) and Vonage Verify's `request_id` (the
verification being checked) were flagged.  Off under `rest`.  A blind review of 25 random findings: 23 right, 0
wrong, 2 debatable (a required `requestId` that is a correlation key, not an idempotency key: VTEX's, undocumented,
whose examples are order references; NDHM's, echoed back by its asynchronous callbacks).

## References
- AIP-155 Request identification: https://google.aip.dev/155
"""

from __future__ import annotations

import re
from typing import Any, Iterator, NamedTuple

from aiplint.lint_rules.shared import response_property_names
from aiplint.model import ApiModel, Location, Operation
from aiplint.model.words import compact
from aiplint.rule import Context, Problem, rule

_NAMES = frozenset(("requestid", "idempotencykey"))  # `request_id`, `requestId`, `Idempotency-Key`
_NUMBERS = ("integer", "number", "boolean")
_MUTATIONS = frozenset(("post", "put", "patch", "delete"))
_SAYS_UUID_ONLY = re.compile(r"\bmust\s+be\s+(?:a\s+|an\s+)?(?:valid\s+)?(?:v4\s+|version\s+4\s+)?UUID", re.I)
_A_UUID = "123e4567-e89b-42d3-a456-426614174000"
_UUID_LENGTH = len(_A_UUID)


class RequestId(NamedTuple):
    op: Operation
    name: str
    where: str  # "query", "header", "body", ...
    schema: dict[str, Any]
    description: str
    required: bool
    at: Location


@rule(
    id="aip155/request-id-format",
    summary="A request ID is optional, can be a UUID, and is `format: uuid` when it must be one",
    reference="AIP-155",
    url="https://google.aip.dev/155",
    severity={"aip": "warning"},
)
def check(ctx: Context):
    found: dict[tuple[str, str], list[RequestId]] = {}
    for request_id in sorted(request_ids(ctx.api), key=lambda r: (r.op.path.key, r.op.method)):
        for problem in problems_of(request_id):
            found.setdefault((request_id.name, problem), []).append(request_id)
    for (name, problem), places in found.items():
        first = places[0]
        more = f" (and {len(places) - 1} more mutation{'s' if len(places) > 2 else ''})" if len(places) > 1 else ""
        yield Problem(f"the request ID `{name}` of `{first.op.label}`{more} {problem} (AIP-155)", first.at,
                      operation=first.op, detail=name, related=tuple(place.at for place in places[1:]))


def request_ids(api: ApiModel) -> Iterator[RequestId]:
    """The request-ID parameters and body fields of the API's mutations; none in an API whose resources include
    requests (AWS Audit Manager's `assessmentFrameworkShareRequests`, bunq's `request-inquiry`), where a
    `requestId` names one of them."""
    if any("request" in stem for stem in api.resource_stems):
        return
    handed_out = response_property_names(api)  # a `request_id` a response gives is the server's, sent back later
    for op in api.operations:
        if op.method not in _MUTATIONS:
            continue
        target = api.facts(op).target
        for param in op.parameters:
            if (_names_a_request_id(param.name, param.schema, handed_out) and param.location != "path"
                    and (target is None or target.name != param.name)):
                description = param.schema.get("description") or _described(op, param.name)
                yield RequestId(op, param.name, param.location, param.schema, description, param.required, param.at)
        for field in op.body:
            if _names_a_request_id(field.name, field.schema, handed_out):
                yield RequestId(op, field.name, "body", field.schema, str(field.schema.get("description") or ""),
                                field.required, field.at)


def _names_a_request_id(name: str, schema: dict[str, Any], handed_out: frozenset[str]) -> bool:
    """A request ID by its name, neither a number (the ID of a stored request: bunq's `request_id` integer) nor a
    name the API's responses hand out (Vonage Verify's `request_id`, received from the request it checks)."""
    return compact(name) in _NAMES and schema.get("type") not in _NUMBERS and name not in handed_out


def _described(op: Operation, name: str) -> str:
    """The description the operation gives a parameter (beside its schema, where OpenAPI puts it)."""
    for param in op.raw.get("parameters") or ():
        if isinstance(param, dict) and param.get("name") == name and isinstance(param.get("description"), str):
            return param["description"]
    return ""


def problems_of(request_id: RequestId) -> list[str]:
    """What AIP-155 finds wrong with one request ID, in words."""
    schema, found = request_id.schema, []
    pattern = schema.get("pattern")
    if isinstance(schema.get("maxLength"), int) and schema["maxLength"] < _UUID_LENGTH:
        found.append(f"allows at most {schema['maxLength']} characters: it should be able to hold a UUID "
                     f"({_UUID_LENGTH})")
    elif isinstance(pattern, str) and _rejects_a_uuid(pattern):
        found.append(f"has a pattern (`{pattern}`) no UUID matches: it should be able to hold one")
    elif schema.get("format") != "uuid" and (_SAYS_UUID_ONLY.search(request_id.description)
                                            or isinstance(pattern, str) and _is_uuid_pattern(pattern)):
        found.append("must be a UUID but its schema says no `format: uuid`: a UUID-only request ID is annotated so")
    if request_id.required:
        found.append("is required: request IDs should be optional")
    return found


def _rejects_a_uuid(pattern: str) -> bool:
    try:
        return re.search(pattern, _A_UUID) is None
    except re.error:
        return False  # a pattern Python cannot read says nothing here


def _is_uuid_pattern(pattern: str) -> bool:
    """The pattern accepts a UUID and rejects a word of as many characters: it spells out a UUID's groups."""
    try:
        return re.search(pattern, _A_UUID) is not None and re.search(pattern, "x" * _UUID_LENGTH) is None
    except re.error:
        return False
