"""A custom method is attached to the resource it acts on.

## What it does
Flags a custom verb that follows a namespace, a singular segment or nothing at all
(`/v1alpha/post-training/job/cancel`), or follows a collection while acting on one member of it
(`/v1/jobs/cancel`, `/v1/jobs:cancel`), when the operation names its target some other way: an ID in the query
string or request body, or an `in: path` parameter the path template never mentions.  The suggestion nests
that ID under its plural collection, before the verb: `POST /v1alpha/post-training/jobs/{job_uuid}/cancel`.

Verbs with no identifiable target are reported by `rest/verb-segment` instead.

## Why is this bad?
AIP-136: custom methods "must operate on a resource if the API can be modeled as such"; resource-based custom
methods are `POST /v1/{name=jobs/*}:cancel`.  With the ID outside the path, nothing in the URI says which job
is cancelled.

## Example
```yaml
/v1alpha/post-training/job/cancel:
  post:
    requestBody: {content: {application/json: {schema: {required: [job_uuid], properties: {job_uuid: {type: string}}}}}}
```

## Use instead
```yaml
/v1alpha/post-training/jobs/{job_uuid}/cancel: {post: ...}
```

## Fix (unsafe)
`--unsafe-fixes` moves the operation to the suggested path with its method, the resource's ID into the path when
it is a query parameter the operation writes itself (made `in: path`, `required: true`), where the operation is
alone on its path and the new path is not one the document has; clients calling the old path break.  An ID in
the request body is not moved.

## Measured
Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 9 of 9 cases of AEP.

## References
- AIP-136 Custom methods: https://google.aip.dev/136
"""

from __future__ import annotations

from aiplint.lint_rules.shared import fix, move_operation, unattached_verb
from aiplint.model import Operation, PathItem, Segment
from aiplint.model.targets import target
from aiplint.rule import Context, Problem, rule

WHERE = {"query": "in the query string", "body": "in the request body", "header": "in a request header",
         "path": "in a path parameter the path lacks"}


@rule(
    id="aip136/attached-to-resource",
    summary="Custom methods are attached to the resource they act on",
    reference="AIP-136",
    url="https://google.aip.dev/136",
    severity={"rest": "warning", "aip": "error"},
    inspects="operation",
    only_if=lambda ctx, op: _detached(op.path) is not None,
    headline="custom",
)
def check(ctx: Context, op: Operation):
    seg, found = _detached(op.path), target(ctx.api, op, required=False)
    if seg is not None and found is not None:
        suggestion = fix(ctx, op)
        yield Problem(
            f"custom method `{seg.text}` is not attached to the resource it acts on, which is named by "
            f"`{found.name}` {WHERE[found.where]}; put the verb after the resource's ID (AIP-136)",
            op.at,
            operation=op,
            suggestion=suggestion,
            detail=seg.text,
            fix=move_operation(ctx, op, suggestion, into_path=found if found.where == "query" else None),
        )


def _detached(item: PathItem) -> Segment | None:
    """The custom verb of a path that may act on something its path does not identify: one attached to nothing,
    or to a collection (an action on one of its members, named elsewhere)."""
    return item.verb_on_collection or unattached_verb(item)
