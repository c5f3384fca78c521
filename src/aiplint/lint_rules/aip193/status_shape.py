"""Errors are `google.rpc.Status`: a `code` and a `message` (and `details`), under the `aip` profile.

## What it does
Under the `aip` profile, finds the shape most of the document's error responses share (as `aip193/one-error-schema`
reads them: the top-level property names of each `4XX`, `5XX` or `default` JSON schema) and flags it, once per
document at its first response, when it is not `google.rpc.Status`-like: neither a code and a message at its
top level (`code` and `message`, or fields ending so: `errorCode`, `error_message`), nor an `error` object holding
them (the envelope Google's JSON APIs answer with).  A document without
error schemas, or whose most common shapes tie, is left out; the responses of other shapes are
`aip193/one-error-schema`'s.

## Why is this bad?
AIP-193: "Services **must** return a `google.rpc.Status` message when an API error occurs, and **must** use the
canonical error codes defined in `google.rpc.Code`", with "a developer-facing, human-readable" `message` and the
machine-readable `details` (an `ErrorInfo` in each).  Clients written against AIP APIs (and their generated
libraries) read the error's `code` and `message`; an error without them is one they cannot handle generically.

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
            schema:
              properties:
                code: {type: integer}
                message: {type: string}
                details: {type: array, items: {type: object}}
```

## Measured
APIs-guru (2,639 specs), `aip`: 484 findings in 484 specs, one per document (India's API Setu `{error,
errorDescription}` in 180 specs, Amadeus' `{errors}`, GitHub's `{message, documentation_url}`, RFC 9457 problem
details); googleapis.com (299): 0, their discovery documents declare no error responses.  Off under `rest`.  Before
fields ending in `code` and `message` (Yodlee's `errorCode`, `errorMessage`) counted, 551; 499 until the error
responses both AIP-193 rules read left out webhooks' answers and a failed outcome sharing its success's base.  A
blind review of 25 random
findings: 23 right, 0 wrong, 2 debatable (a Google-style `error` object whose code is named `name`, said to have
neither code nor message; a document's one error response, which returns the resource with its errors); 12 of the
25 are one generator's template (API Setu).

## References
- AIP-193 Errors: https://google.aip.dev/193
"""

from __future__ import annotations

from aiplint.lint_rules.aip193.one_error_schema import ErrorResponse, common_shape, error_responses
from aiplint.lint_rules.shared import property_names
from aiplint.model import ApiModel
from aiplint.model.words import split_words
from aiplint.read.pointers import join_pointer
from aiplint.rule import Context, Problem, rule

_STATUS = frozenset(("code", "message"))


@rule(
    id="aip193/status-shape",
    summary="Errors are `google.rpc.Status`-like: a `code` and a `message`",
    reference="AIP-193",
    url="https://google.aip.dev/193",
    severity={"aip": "warning"},
)
def check(ctx: Context):
    errors = error_responses(ctx.api)
    found = common_shape(errors)
    if found is None:
        return
    common, many, named = found
    first = next(error for error in errors if error.shape == common)
    missing = _missing(common)
    if not missing or _wraps_a_status(ctx.api, first):
        return
    shape = "{" + ", ".join(sorted(common)) + "}"
    lacks = " and no ".join(f"`{name}`" for name in missing)
    yield Problem(f"{many} error response{'s' if many > 1 else ''} of this document (the {first.status} of "
                  f"`{first.op.label}` first) return{'' if many > 1 else 's'} {f'`{named}` ' if named else ''}{shape}, "
                  f"which has no {lacks}; AIP-193 answers errors with a `google.rpc.Status` (`code`, `message`, "
                  f"`details`)", first.at, operation=first.op, detail=",".join(sorted(common)))


def _wraps_a_status(api: ApiModel, error: ErrorResponse) -> bool:
    """The error is an envelope whose `error` object has a `code` and a `message` (`{error: {code, message}}`)."""
    node, source, pointer = error.resolved
    properties = node.get("properties") if isinstance(node, dict) else None
    if "error" not in error.shape or not isinstance(properties, dict) or "error" not in properties:
        return False
    found = api.document.refs.resolve(properties["error"], source, join_pointer(pointer, "properties", "error"))
    return not _missing(frozenset(property_names(api, found.node, found.source, found.pointer)))


def _missing(shape: frozenset[str]) -> list[str]:
    """What of a Status's `code` and `message` no field of the shape ends in (`errorCode`, `error_message` do)."""
    last_words = {split_words(name)[-1] for name in shape if split_words(name)}
    return sorted(_STATUS - last_words)
