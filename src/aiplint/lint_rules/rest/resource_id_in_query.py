"""The ID of the resource an operation acts on belongs in the path, not in the query string.

## What it does
Flags a required, single-valued query parameter named like a resource ID (`id`, `job_id`, `jobUuid`,
`job_uuid`) when the operation's path does not already identify a resource: the operation targets a verb, a
namespace or a singleton (`GET /post-training/job/status?job_uuid=...`), or a collection it should address one
member of (`DELETE /jobs?job_id=...`).  A Swagger 2.0 path key that writes a query string
(`/current?city_id={city_id}`, its variable declared `in: path`) sends that ID in the query too: flagged where the
variable is named as an ID or its description calls it its noun's ID (`station`, "Station Call ID.").

Not flagged: optional parameters (list filters such as `?run_id=`, `?after=` cursors), unless the operation
plainly acts on one member or the parameter's description names it as what the operation acts on ("Numeric
identifier of the job to cancel": rclone's remote control declares nothing required), arrays and plural
names (`?ids=`, `?project_ids=`), request and trace IDs (`request_id`, `idempotency_key`), the AIP-133
user-specified ID on a create (`POST /books?book_id=`), and selectors on a path that already ends in an ID
(`GET /prompts/{prompt_id}?version_id=`).

## Why is this bad?
AIP-131 and AIP-132: a resource's name, and a List's parent, go in the URI path.  An ID in the query hides the
resource from the URI, breaks caching and routing by resource, and has to be moved later, which breaks the API
(Llama Stack moved `GET /v1alpha/post-training/job/status?job_uuid=` to
`GET /v1alpha/post-training/jobs/{job_uuid}/status`).

## Example
```yaml
/v1alpha/post-training/job/status:
  get:
    parameters: [{name: job_uuid, in: query, required: true, schema: {type: string}}]
```

## Use instead
```yaml
/v1alpha/post-training/jobs/{job_uuid}/status:
  get:
    parameters: [{name: job_uuid, in: path, required: true, schema: {type: string}}]
```

## Fix (unsafe)
`--unsafe-fixes` moves the ID into the path as the suggestion says (`GET /v1alpha/post-training/job/status` ->
`GET /v1alpha/post-training/jobs/{job_uuid}/status`): the path key renamed (with the `$ref`s and link
`operationRef`s quoting it) and the parameter made `in: path`, `required: true`.  Clients calling the old path
break.  Only where the operation is alone on its path, the suggestion keeps its method, the new path is not one the
document has, and the parameter is written in the operation (not a `$ref`'d component, which others share).

## Options
- `ignore`: parameter names never treated as resource IDs.  Names that are IDs in your API but end in
  another word (`CallSid`) are added through `[tool.aiplint.words] id-words`.

## Measured
Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 2 of 2 cases of AEP.

## References
- AIP-131 Standard methods: Get: https://google.aip.dev/131
- AIP-132 Standard methods: List: https://google.aip.dev/132
- AIP-133 Standard methods: Create (user-specified IDs): https://google.aip.dev/133
"""

from __future__ import annotations

from aiplint.lint_rules.shared import id_outside_path
from aiplint.model import Operation
from aiplint.rule import Context, Option, rule


@rule(
    id="rest/resource-id-in-query",
    summary="The target resource's ID is a path parameter, not a query parameter",
    reference="AIP-131, AIP-132",
    url="https://google.aip.dev/131",
    severity="error",
    options={"ignore": Option((), "query parameter names that are never resource IDs")},
    inspects="operation",
    headline="id",
)
def check(ctx: Context, op: Operation):
    yield from id_outside_path(ctx, op, "query", lambda what: (
        f"{what} identifies the resource this operation acts on; a resource's ID belongs "
        f"in the path, after its collection (AIP-131)"))
