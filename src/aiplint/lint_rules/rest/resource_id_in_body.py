"""The ID of the resource an operation acts on belongs in the path, not in the request body.

## What it does
Flags a POST, PUT, PATCH or DELETE whose path names no resource of its own — it ends in a verb, a namespace or a
singleton that does not follow an ID (`POST /post-training/job/cancel`) — while a required request-body
property names the resource it acts on (`job_uuid`, where the path says `job` or the API has a `jobs`
collection).

Not flagged: references to *other* resources in a create or attach (`POST /vector_stores/{id}/files` with
`file_id`, `POST /createRobot` with a `groupId`), optional properties (unless the operation plainly acts on
one member, or the property's description names it as what the operation acts on: "The id of the device to be
wiped"), fields that list their values (they
name a kind), IDs in a role (`to_user_id`), event payloads (`/webhooks/...`), and operations whose path
already identifies their target (`POST /batches/{batch_id}/cancel`, `PUT /u/{username}/avatar/pick`).

## Why is this bad?
AIP-136: custom methods "must operate on a resource if the API can be modeled as such", and the resource's
name is part of the URI.  A target hidden in the body cannot be routed, authorised or cached per resource,
and moving it to the path later breaks every client.

## Example
```yaml
/v1alpha/post-training/job/cancel:
  post:
    requestBody: {content: {application/json: {schema: {required: [job_uuid], properties: {job_uuid: {type: string}}}}}}
```

## Use instead
```yaml
/v1alpha/post-training/jobs/{job_uuid}/cancel:
  post: {parameters: [{name: job_uuid, in: path, required: true, schema: {type: string}}]}
```

## Options
- `ignore`: body field names never treated as resource IDs.

## References
- AIP-136 Custom methods: https://google.aip.dev/136
- AIP-131 Standard methods: Get: https://google.aip.dev/131
"""

from __future__ import annotations

from aiplint.lint_rules.shared import id_outside_path
from aiplint.model import Operation
from aiplint.rule import Context, Option, rule


@rule(
    id="rest/resource-id-in-body",
    summary="The target resource's ID is a path parameter, not a request-body field",
    reference="AIP-136",
    url="https://google.aip.dev/136",
    severity="warning",
    options={"ignore": Option((), "body field names that are never resource IDs")},
    inspects="operation",
    headline="id",
)
def check(ctx: Context, op: Operation):
    yield from id_outside_path(ctx, op, "body", lambda what: (
        f"{what} identifies the resource `{op.label}` acts on; put the resource's ID in the "
        f"path, after its collection ({_why(op)})"))


def _why(op: Operation) -> str:
    """The AIP that puts the ID in the path: a custom method's (AIP-136), or an update's or delete's on a
    collection (`PUT /api/Company {CompanyID}`)."""
    if op.is_custom_method or op.method == "post":
        return "AIP-136: custom methods operate on a resource"
    return "AIP-134, AIP-135: an update or delete names its resource in the path"
