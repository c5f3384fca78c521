"""Every error response of a document has one shape.

## What it does
Reads the JSON schema of each error response (`4XX`, `5XX`, and `default` beside a success response) as the set of
its top-level property names, `allOf` parts included, and finds the shape most error responses share.  Each other
shape that shares no property with it (`{detail}` beside `{code, message}`, `{message}` beside `{error: {...}}`) is
flagged once, at its first response (paths in order), the other responses with that shape listed beside: one finding
per schema to change, not per operation; deviating shapes that share a field (Django REST framework's per-serializer
`{email, non_field_errors}`, `{name, non_field_errors}`) are one finding.  A deviating shape none of whose fields
names an error (a 409 answering `{userId}`, a 503 health report) is left out.  A shape sharing a property with the
common one (GitHub's `{message, documentation_url, errors}` beside its `{message, documentation_url, status}`, an
AWS exception carrying `message` and a field of its own) is the same error, extended.  Responses without a JSON
schema, or with no properties (a bare string, a `oneOf`), are left out; so is a document whose most common shapes
tie.

## Why is this bad?
AIP-193: "Services **must** return a `google.rpc.Status` message when an API error occurs", one message for every
error, so that "API clients [can] construct centralized common error handling logic".  An API whose 404 answers
`{error: {code, message}}` and whose 422 answers `{detail: [...]}` makes every client parse errors twice, and
lose the details of the one it did not expect.

## Example
```yaml
/v1/books/{book}:
  get:
    responses:
      "200": {description: OK}
      "404":
        description: Not found
        content:
          application/json:
            schema: {properties: {code: {type: integer}, message: {type: string}}}
  delete:
    responses:
      "204": {description: Deleted}
      "404":
        description: Not found
        content:
          application/json:
            schema: {properties: {code: {type: integer}, message: {type: string}}}
      "409":
        description: Conflict
        content:
          application/json:
            schema: {properties: {detail: {type: string}}}
```

## Use instead
```yaml
/v1/books/{book}:
  get:
    responses:
      "200": {description: OK}
      "404":
        description: Not found
        content:
          application/json:
            schema: {properties: {code: {type: integer}, message: {type: string}}}
  delete:
    responses:
      "204": {description: Deleted}
      "404":
        description: Not found
        content:
          application/json:
            schema: {properties: {code: {type: integer}, message: {type: string}}}
      "409":
        description: Conflict
        content:
          application/json:
            schema: {properties: {code: {type: integer}, message: {type: string}}}
```

## Measured
APIs-guru (2,639 specs): 40 findings in 32 specs under both profiles (FastAPI-style `{detail}` or DRF's
per-serializer errors beside an `{error}` envelope, OAuth2's `{error, error_description}` beside the API's own
error, `{errors}` arrays beside `{message}`); googleapis.com (299): 0, their discovery documents declare no error
responses.  Per shape rather than per family, Django REST framework's illumidesk alone gave 20 findings; shapes
naming no error (a 409 answering `{userId}`, a 503 health report) were flagged until left out.  A review packet of
25 random findings awaits a blind review.  Not checked: RFC 9457 `application/problem+json` under `rest` (12 of
the 2,639 specs use it: a requirement would flag every other API that has one error schema, which is a choice, not
a mistake).

## References
- AIP-193 Errors: https://google.aip.dev/193
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterator, NamedTuple

from aiplint.lint_rules.shared import json_schema, property_names
from aiplint.model import ApiModel, Location, Operation
from aiplint.model.words import split_words
from aiplint.read.pointers import join_pointer
from aiplint.read.references import Resolved
from aiplint.rule import Context, Problem, rule

_ERROR_WORDS = frozenset(("error", "errors", "message", "messages", "detail", "details", "code", "title", "fault",
                          "reason", "problem"))


class ErrorResponse(NamedTuple):
    op: Operation
    status: str
    at: Location  # the response, where the operation lists it
    shape: frozenset[str]  # its schema's top-level property names
    schema: str | None  # the name of the schema it `$ref`s, if any
    resolved: Resolved  # its schema, `$ref` followed


@rule(
    id="aip193/one-error-schema",
    summary="Every error response of a document has one shape",
    reference="AIP-193",
    url="https://google.aip.dev/193",
    severity={"rest": "warning", "aip": "warning"},
)
def check(ctx: Context):
    errors = error_responses(ctx.api)
    common = common_shape(errors)
    if common is None:
        return
    many = sum(1 for error in errors if error.shape == common)
    named = next((e.schema for e in errors if e.shape == common and e.schema), None)
    deviating = [error for error in errors if common.isdisjoint(error.shape) and _reads_as_an_error(error.shape)]
    for family in _families(deviating):
        first, shapes = family[0], len({error.shape for error in family})
        more = (f" (and {len(family) - 1} more response{'s' if len(family) > 2 else ''}"
                f"{f', {shapes} shapes sharing fields' if shapes > 1 else ''})" if len(family) > 1 else "")
        yield Problem(f"the {first.status} response of `{first.op.label}`{more} returns "
                      f"{_describe(first.shape, first.schema)}, sharing no field with the {many} error responses of "
                      f"this document that return {_describe(common, named)}; one error schema for every error "
                      f"(AIP-193)", first.at, operation=first.op, detail=",".join(sorted(first.shape)),
                      related=tuple(error.at for error in family[1:]))


def _reads_as_an_error(shape: frozenset[str]) -> bool:
    """A field of the shape names an error (`error`, `message`, `detail`, `code`, `title`): a 409 answering with the
    existing resource (`{userId}`) or a 503 with a health report says what it is, not how errors are shaped."""
    return any(word in _ERROR_WORDS for name in shape for word in split_words(name))


def _families(deviating: list[ErrorResponse]) -> list[list[ErrorResponse]]:
    """The deviating responses grouped by shapes that share a field, transitively (Django REST framework's
    per-serializer `{email, non_field_errors}`, `{name, non_field_errors}`: one error format, one finding), each
    family in the responses' order."""
    family_of: dict[frozenset[str], int] = {}
    families: list[set[frozenset[str]]] = []
    for shape in dict.fromkeys(error.shape for error in deviating):
        joined = {family_of[other] for other in family_of if not other.isdisjoint(shape)}
        merged = {shape}.union(*(families[index] for index in joined))
        families.append(merged)
        for member in merged:
            family_of[member] = len(families) - 1
    order = dict.fromkeys(family_of[error.shape] for error in deviating)
    return [[error for error in deviating if family_of[error.shape] == index] for index in order]


def _describe(shape: frozenset[str], name: str | None) -> str:
    fields = "{" + ", ".join(sorted(shape)) + "}"
    return f"`{name}` {fields}" if name else fields


def common_shape(errors: list[ErrorResponse]) -> frozenset[str] | None:
    """The shape most error responses have; None without error schemas, or when two shapes tie."""
    ranked = Counter(error.shape for error in errors).most_common(2)
    if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def error_responses(api: ApiModel) -> list[ErrorResponse]:
    """The error responses of every operation that have a JSON object schema with properties, paths in order."""
    return sorted(_error_responses(api), key=lambda e: (e.op.path.key, e.op.method, e.status))


def _error_responses(api: ApiModel) -> Iterator[ErrorResponse]:
    refs = api.document.refs
    for op in api.operations:
        responses = op.raw.get("responses")
        if not isinstance(responses, dict):
            continue
        succeeds = any(str(status).startswith("2") for status in responses)
        for status, response in responses.items():
            code = str(status)
            if not (code[:1] in ("4", "5") or code == "default" and succeeds):
                continue
            pointer = join_pointer(op.at.pointer, "responses", code)
            target = refs.resolve(response, op.at.source, pointer)
            schema = json_schema(target.node)
            if schema is None:
                continue
            resolved = refs.resolve(schema, target.source, target.pointer)
            shape = frozenset(property_names(api, resolved.node, resolved.source, resolved.pointer))
            if shape:
                yield ErrorResponse(op, code, Location(op.at.source, pointer), shape, _schema_name(schema), resolved)


def _schema_name(schema: Any) -> str | None:
    """The last component of the `$ref` a schema is (`#/components/schemas/Error` -> `Error`)."""
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None
