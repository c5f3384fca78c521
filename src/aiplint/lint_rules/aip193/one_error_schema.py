"""Every error response of a document has one shape.

## What it does
Reads the JSON schema of each error response (`4XX`, `5XX`, and `default` beside a success response) as the set of its
top-level property names, `allOf` parts included, and finds the shape more than half the error responses share (a
document without one, or whose one names no error, sets no rule to follow).  Each other shape that shares no property
with it (`{detail}` beside `{code, message}`, `{message}` beside `{error: {...}}`) is flagged once, at its first
response (paths in order), the other responses with that shape listed beside: one finding per schema to change, not
per operation; deviating shapes that share a field (Django REST framework's per-serializer `{email,
non_field_errors}`, `{name, non_field_errors}`) are one finding.  A shape sharing a property with the common one
(GitHub's `{message, documentation_url, errors}` beside its `{message, documentation_url, status}`) is the same
error, extended.  Left out: a deviating shape none of whose fields names an error (a 409 answering `{userId}`, a 503
health report), and a `google.rpc.Status`-shaped one (`{code, message[, details]}`, what AIP-193 asks for); responses
without a JSON schema or with no properties (a bare string, a `oneOf`); those of a webhook or callback written among
the paths (its description says the service invokes it, or its success says what "should be returned": the partner
implements it; OpenAPI's `webhooks` and `callbacks` are not read); formats a protocol dictates on its own endpoints,
SCIM's (`schemas`, RFC 7644) and OAuth 2.0's token error (`{error, error_description}`, RFC 6749); and a body built by
`allOf` on the same base as the operation's success (Service Fabric's `FailedPropertyBatchInfo`, a typed outcome).
RFC 9457 problem details are named as such in the message.

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
APIs-guru (2,639 specs): 27 findings in 23 specs under both profiles (FastAPI-style `{detail}` or DRF's
per-serializer errors beside an `{error}` envelope, `{errors}` arrays beside `{message}`, a .NET exception beside an
envelope); googleapis.com (299): 0, their discovery documents declare no error responses.  Per shape rather than per
family, Django REST framework's illumidesk alone gave 20 findings; shapes naming no error (a 409 answering
`{userId}`, a 503 health report) were flagged until left out.  A blind review of 25 random findings: 22 right, 2
wrong, 1 debatable; the wrong classes (the error body of a webhook Just Eat calls and the partner implements;
Docker Hub's `google.rpc.Status` body told to match SCIM's error, the most common of ten shapes on 30 of 75
responses) fixed by leaving out webhooks, Status-shaped bodies and protocol-dictated formats (SCIM, OAuth 2.0's token
error) and by asking for a real majority, the debatable one (a typed outcome sharing the success's base) left out,
40 -> 27 findings.  Of the reviewed findings this drops, 2 were wrong, 1 debatable and 6 right (Authentiq's and
HERE's OAuth errors, tl-api's and Zuora's splits without a majority, App Center's top-level `{code, message}`): the
price of a rule that follows only a real majority.  Not checked: RFC
9457 `application/problem+json` under `rest` (12 of the 2,639 specs use it: a requirement would flag every other
API that has one error schema, which is a choice, not a mistake).
A second blind review of 25 of the 27: 24 right, 0 wrong, 1 debatable (loket.nl's error bodies copying the success
wrapper inline).
Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 1 of 4 cases of AEP; 3 deliberate disagreements:
AEP-193 asks for RFC 9457 problem details and checks their members' types, AIP-193 answers with `google.rpc.Status`
and one shape is the mistake.

## References
- AIP-193 Errors: https://google.aip.dev/193
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Iterator, NamedTuple
from weakref import WeakKeyDictionary

from aiplint.lint_rules.shared import json_schema, property_names
from aiplint.model import ApiModel, Location, Operation
from aiplint.model.words import split_words
from aiplint.read.pointers import join_pointer
from aiplint.read.references import Resolved
from aiplint.rule import Context, Problem, rule

# an operation the partner implements and the service calls (Just Eat's "This webhook will be invoked when..."),
# its responses phrased as what to send back ("a 201 status code should be returned", "Respond with a 200")
# (searched one sentence at a time, the phrase after the first word: a `[^.]*` between them backtracks from every
# `webhook` to the end, quadratic in a description a pull request writes)
_HOOK = re.compile(r"\b(webhook|callback)\b", re.IGNORECASE)
_BE_INVOKED = re.compile(r"\b(will be|is|are|gets) (invoked|called|triggered|fired)\b", re.IGNORECASE)
_ANSWERED = re.compile(r"\bshould (be returned|return)\b|^\s*respond with\b", re.IGNORECASE)
# google.rpc.Status, AIP-193's own error: never the one to change
_STATUS_FIELDS = frozenset(("code", "message", "details", "status"))
# RFC 9457's problem details, a format an API may choose for its errors: named where it is seen
_PROBLEM_DETAILS = frozenset(("type", "title", "status", "detail", "instance"))
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
    errors = [error for error in error_responses(ctx.api) if not _dictated(error.shape)]
    found = common_shape(errors)
    if found is None or not _reads_as_an_error(found.shape):
        return  # no majority, or one answering with something else (Xero's 400s returning the `Statements`)
    common, many, named = found
    deviating = [error for error in errors if common.isdisjoint(error.shape) and _reads_as_an_error(error.shape)
                 and not _status_shaped(error.shape)]
    for family in _families(deviating):
        first, shapes = family[0], len({error.shape for error in family})
        more = (f" (and {len(family) - 1} more response{'s' if len(family) > 2 else ''}"
                f"{f', {shapes} shapes sharing fields' if shapes > 1 else ''})" if len(family) > 1 else "")
        yield Problem(f"the {first.status} response of `{first.op.label}`{more} returns "
                      f"{_describe(first.shape, first.schema)}, sharing no field with the {many} error responses of "
                      f"this document that return {_describe(common, named)}; one error schema for every error "
                      f"(AIP-193)", first.at, operation=first.op, detail=",".join(sorted(first.shape)),
                      related=tuple(error.at for error in family[1:]))


def _dictated(shape: frozenset[str]) -> bool:
    """A format a protocol fixes on its own endpoints, whatever the API's other errors: SCIM's (RFC 7644 3.12, with
    its `schemas`), OAuth 2.0's token error (RFC 6749 5.2, `{error, error_description[, error_uri]}`)."""
    return "schemas" in shape or {"error", "error_description"} <= shape <= {"error", "error_description", "error_uri"}


def _status_shaped(shape: frozenset[str]) -> bool:
    """`{code, message[, details]}`: google.rpc.Status, the shape AIP-193 asks for, is never the odd one out."""
    return {"code", "message"} <= shape <= _STATUS_FIELDS


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
    named = f"`{name}` {fields}" if name else fields
    return f"{named} (RFC 9457 problem details)" if {"title", "status"} <= shape <= _PROBLEM_DETAILS else named


class CommonShape(NamedTuple):
    shape: frozenset[str]
    responses: int  # how many error responses have it
    schema: str | None  # the name of a schema they `$ref`, if any does


def common_shape(errors: list[ErrorResponse]) -> CommonShape | None:
    """The shape most error responses have, more than half of them; None without one (Docker Hub's ten shapes, the
    most common on 30 of 75 responses, set no rule to follow)."""
    ranked = Counter(error.shape for error in errors).most_common(1)
    if not ranked or ranked[0][1] * 2 <= len(errors):
        return None
    shape, count = ranked[0]
    return CommonShape(shape, count, next((e.schema for e in errors if e.shape == shape and e.schema), None))


def error_responses(api: ApiModel) -> list[ErrorResponse]:
    """The error responses of every operation that have a JSON object schema with properties, paths in order;
    computed once per model, for both AIP-193 rules."""
    found = _ERROR_RESPONSES.get(api)
    if found is None:
        found = _ERROR_RESPONSES[api] = sorted(_error_responses(api),
                                               key=lambda e: (e.op.path.key, e.op.method, e.status))
    return found


_ERROR_RESPONSES: WeakKeyDictionary[ApiModel, list[ErrorResponse]] = WeakKeyDictionary()


def _error_responses(api: ApiModel) -> Iterator[ErrorResponse]:
    for op in api.operations:
        responses = op.raw.get("responses")
        if not isinstance(responses, dict):
            continue
        succeeds = any(str(status).startswith("2") for status in responses)
        if _implemented_by_the_partner(op, responses):
            continue
        outcomes = set().union(*(_bases(resolved) for status, _, resolved in _schemas(api, op, responses)
                                 if status.startswith("2")))
        for code, schema, resolved in _schemas(api, op, responses):
            if not (code[:1] in ("4", "5") or code == "default" and succeeds):
                continue
            shape = frozenset(property_names(api, resolved.node, resolved.source, resolved.pointer))
            if shape and outcomes.isdisjoint(_bases(resolved)):  # else a typed outcome, the success's sibling
                pointer = join_pointer(op.at.pointer, "responses", code)
                yield ErrorResponse(op, code, Location(op.at.source, pointer), shape, _schema_name(schema), resolved)


def _schemas(api: ApiModel, op: Operation, responses: dict[Any, Any]) -> Iterator[tuple[str, Any, Resolved]]:
    """(status, its JSON schema as written, and with `$ref` followed) of each response that has one."""
    refs = api.document.refs
    for status, response in responses.items():
        target = refs.resolve(response, op.at.source, join_pointer(op.at.pointer, "responses", str(status)))
        schema = json_schema(target.node)
        if schema is not None:
            yield str(status), schema, refs.resolve(schema, target.source, target.pointer)


def _bases(schema: Resolved) -> set[str]:
    """The `$ref`s a schema builds on by `allOf`: a 409 whose `FailedPropertyBatchInfo` shares its base with the
    200's `SuccessfulPropertyBatchInfo` is the operation's typed outcome, not an error envelope of its own."""
    parts = schema.node.get("allOf") if isinstance(schema.node, dict) else None
    return {part["$ref"] for part in (parts if isinstance(parts, list) else ())
            if isinstance(part, dict) and isinstance(part.get("$ref"), str)}


def _implemented_by_the_partner(op: Operation, responses: dict[Any, Any]) -> bool:
    """A webhook or callback written among the paths: the service calls it, so its error bodies are the partner's
    (OpenAPI's `webhooks` and `callbacks` are not operations of the model at all)."""
    said = [op.raw.get("description"), op.summary]
    answers = [response.get("description") for status, response in responses.items()
               if str(status).startswith("2") and isinstance(response, dict)]
    return (any(_says_invoked(text) for text in said if isinstance(text, str))
            or any(_ANSWERED.search(text) for text in answers if isinstance(text, str)))


def _says_invoked(text: str) -> bool:
    """A sentence saying a webhook or callback is invoked ("This webhook will be invoked when ...")."""
    for sentence in text.split("."):
        hook = _HOOK.search(sentence)
        if hook is not None and _BE_INVOKED.search(sentence, hook.end()) is not None:
            return True
    return False


def _schema_name(schema: Any) -> str | None:
    """The last component of the `$ref` a schema is (`#/components/schemas/Error` -> `Error`)."""
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None
