"""Batch methods use their AIP's HTTP method: `:batchGet` is a GET, `:batchCreate`, `:batchUpdate` and
`:batchDelete` are POSTs.

## What it does
Under the `aip` profile, flags a batch method (an operation the model reads as `batch`: a custom verb starting
with `batch` or `bulk`, `/books:batchGet`, `/users/bulk-delete`) whose HTTP method is not its AIP's: a batch get
that is not a `GET` (its IDs sent in a body instead of the query), a batch create, update or delete that is not a
`POST` (a `DELETE /books:batchDelete`, a `PUT .../batchUpdate`).  A batch get is AIP-231's `batchGet` after its
collection (`/books:batchGet`), or `BatchGet` and its resource with no collection before it (AWS's
`/BatchGetChannel`).  Not read: a longer verb on a collection (`values:batchGetByDataFilter`,
`locations:batchGetReviews`), and a batch get whose body holds a list of objects (report queries, data filters,
per-item requests), which a GET's query string cannot carry; batch methods of other verbs (`:batchWrite`,
`:batchAnnotate`), custom methods AIP-136 governs; RPC calls dispatched outside the path (AWS's `POST
/#X-Amz-Target=Glue.BatchGetJobs`), whose HTTP method is their protocol's, the same for every call.

## Why is this bad?
AIP-231 (Batch Get): "The HTTP verb **must** be `GET`", the resource names as a repeated query parameter and "There
**must not** be a body".  AIP-233, AIP-234 (Batch Create, Update): "The HTTP verb **must** be `POST`".  AIP-235
(Batch Delete): "The HTTP verb **must** be `POST` (not `DELETE`)".  A GET is safe and cacheable, which a batch
get is; a `DELETE` or `PUT` with a body is one intermediaries may drop or refuse.

## Example
```yaml
/v1/publishers/{publisher}/books:batchGet:
  post:
    operationId: BatchGetBooks
    requestBody:
      content:
        application/json:
          schema: {type: object, properties: {names: {type: array, items: {type: string}}}}
```

## Use instead
```yaml
/v1/publishers/{publisher}/books:batchGet:
  get:
    operationId: BatchGetBooks
    parameters:
    - {name: names, in: query, required: true, schema: {type: array, items: {type: string}}}
```

## Measured
APIs-guru (2,639 specs), `aip`: 4 findings in 4 specs (AWS AppFabric's `POST /useraccess/batchget`; Zuora's
`PUT /workflows/tasks/batch_update`); googleapis.com (299): 2 in 2, Google APIs
older than AIP-231 (`POST /v1/ampUrls:batchGet`, My Business' `POST /v4/{name}/locations:batchGet`).  AWS's RPC
calls (`POST /#X-Amz-Target=Glue.BatchGetJobs`, 38 more) are left out: their protocol makes every call a POST.  A
blind review of all 17 findings of the first version: 12 right, 2 wrong, 3 debatable; the wrong classes (a longer
verb read as a batch get: Sheets' `values:batchGetByDataFilter`, My Business' `locations:batchGetReviews`; a body
of objects a GET cannot carry: Analytics Reporting's report queries, SageMaker's and Managed Blockchain's per-item
requests) fixed, 17 -> 10 findings.
A second blind review of all 10: 7 right, 0 wrong, 3 debatable, AWS's `BatchGetView`, `BatchGetChannel`,
`BatchGetStreamKey` in APIs whose single Get is a POST too: left out now (reading by POST is those APIs' style), 10 ->
4 findings.

## References
- AIP-231 Batch methods: Get: https://google.aip.dev/231
- AIP-233 Batch methods: Create: https://google.aip.dev/233
- AIP-234 Batch methods: Update: https://google.aip.dev/234
- AIP-235 Batch methods: Delete: https://google.aip.dev/235
"""

from __future__ import annotations

from aiplint.model import Operation
from aiplint.model.operations import Kind
from aiplint.model.words import action_part, compact
from aiplint.rule import Context, Problem, rule

# each batch method's second word, its HTTP method and its AIP
_BATCH = {"get": ("get", "AIP-231"), "create": ("post", "AIP-233"), "update": ("post", "AIP-234"),
          "delete": ("post", "AIP-235")}


def _batch_kind(ctx: Context, op: Operation) -> str | None:
    """`get`, `create`, `update` or `delete` for a batch method of that kind (`:batchGet`, `/bulk-delete`)."""
    verb = op.custom_verb
    if verb is None or ctx.api.facts(op).kind is not Kind.BATCH or verb.text not in op.path.template:
        return None  # not a batch method, or an RPC call dispatched outside the path: its protocol's method
    parts = ctx.api.lexicon.words_of(action_part(verb.text))
    kind = parts[1] if len(parts) > 1 and parts[1] in _BATCH else None
    if kind == "get" and (not _names_batch_get(op, parts) or _asks_objects(ctx, op) or _reads_by_post(ctx, op)):
        return None
    return kind


def _reads_by_post(ctx: Context, op: Operation) -> bool:
    """The API's single Get of the resource is a POST too (AWS's `POST /GetChannel` beside `/BatchGetChannel`):
    reading by POST is the API's style, one finding of a batch would make it less consistent, not more."""
    verb = op.custom_verb
    assert verb is not None
    single = compact(action_part(verb.text))[len("batch"):]
    return any(item.last is not None and compact(action_part(item.last.text)) == single and "get" not in item.methods
               for item in ctx.api.paths)


def _names_batch_get(op: Operation, parts: tuple[str, ...]) -> bool:
    """AIP-231's verb: `batchGet` after its collection (`/books:batchGet`), or, with no collection before it,
    `BatchGet` and the resource's name (AWS's `/BatchGetChannel`).  A longer verb on a collection is another
    custom method (`locations:batchGetReviews`, `values:batchGetByDataFilter`)."""
    return len(parts) == 2 or op.path.verb_on_collection is None


def _asks_objects(ctx: Context, op: Operation) -> bool:
    """The request body holds a list of objects (report queries, data filters, per-item projections), which a
    GET's query string cannot carry: the method's verb is not what is wrong with it."""
    refs = ctx.api.document.refs
    for prop in op.body:
        items = refs.resolve(prop.schema.get("items"), op.at.source, "").node
        if isinstance(items, dict) and (items.get("type") == "object" or "properties" in items):
            return True
    return False


@rule(
    id="aip231/batch-http-method",
    summary="Batch Get is a GET; Batch Create, Update and Delete are POSTs",
    reference="AIP-231",
    url="https://google.aip.dev/231",
    severity={"aip": "warning"},
    inspects="operation",
    only_if=lambda ctx, op: _batch_kind(ctx, op) is not None,
)
def check(ctx: Context, op: Operation):
    kind = _batch_kind(ctx, op)
    assert kind is not None
    method, aip = _BATCH[kind]
    if op.method != method:
        yield Problem(f"`{op.label}` is a batch {kind}; its HTTP method must be {method.upper()} ({aip})", op.at,
                      operation=op)
