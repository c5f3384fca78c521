"""A singleton has no Delete: it exists as long as its parent.

## What it does
Under the `aip` profile, flags a `DELETE` on a singleton: a singular literal after its parent's ID, readable with
a `GET` at the same path, that no path addresses members of (`/v1/users/{user}/config`).  Not flagged: a
literal whose members another path addresses by ID (a collection written in the singular), a literal naming a
member of one of the API's collections (Microsoft Graph's `/salesOrders/{id}/customer` beside `/customers/{id}`:
a reference to another resource, not a singleton), a `DELETE` whose target's ID travels in the query or body
(the ID rules' mistake), and a literal without a `GET` (an action such as `DELETE /conversations/{id}/archive`).

## Why is this bad?
AIP-156: "Singleton resources must not define the `Create`, `List`, or `Delete` standard methods. The singleton is
implicitly created or deleted when its parent is created or deleted."  A singleton that can be deleted is either
not a singleton (a collection of at most one, whose clients must handle its absence) or a reset in disguise: an
`Update` clearing its fields, or a custom method (`:reset`, `:disable`) says what the call does.

## Example
```yaml
/v1/users/{user}/config:
  get: {operationId: GetConfig}
  delete: {operationId: DeleteConfig}
```

## Use instead
```yaml
/v1/users/{user}/config:
  get: {operationId: GetConfig}
  patch: {operationId: UpdateConfig}
```

## Measured
APIs-guru (2,639 specs), `aip`: 451 findings in 85 specs (Microsoft Graph: chart formats, planner task board
formats, summaries; AWS; GitHub's branch protection; Azure; DocuSign); googleapis.com (299): 2, Admin SDK's
`photos/thumbnail` and Cloud Search's `indexing/{name}/schema`, both older than AIP-156.  A blind review of 20
random findings (a reviewer who had not read the rule) judged 12 right, 3 wrong and 5 debatable: the 3 wrong were
relations switched on and off (GitHub's gist `star`, Bitbucket's issue `watch`: a bodiless PUT, a DELETE, a GET
answering 204), which the rule now leaves out (475 -> 451 findings); the debatable ones are attachments whose
absence means something (an AWS channel policy, Pinpoint's event stream, Graph's `appScope`).  The first version
gave 823 in 138 specs and 17 of 30 right: Microsoft Graph's navigation properties to other resources
(`/salesOrders/{id}/customer`, `.../roleDefinition`) are left out now, by their name or by what their GET returns.
A singleton named in the plural (`settings`) is read as a collection by the model and is not flagged.

Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 2 of 2 cases of MongoDB.

## References
- AIP-156 Singleton resources: https://google.aip.dev/156
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from aiplint.model import ApiModel, Operation, Role
from aiplint.model.operations import Kind
from aiplint.model.types import Shape
from aiplint.rule import Context, Problem, rule


def _deletes_a_singleton(ctx: Context, op: Operation) -> bool:
    last = op.path.last
    return (op.method == "delete" and last is not None and last.role is Role.SINGLETON and op.path.under_an_id(last)
            and "get" in op.path.methods)


@rule(
    id="aip156/no-delete",
    summary="Singletons define no Delete",
    reference="AIP-156",
    url="https://google.aip.dev/156",
    severity={"aip": "warning"},
    inspects="operation",
    only_if=_deletes_a_singleton,
)
def check(ctx: Context, op: Operation):
    last = op.path.last
    assert last is not None
    if ctx.api.facts(op).target is not None or ctx.api.member_path(op.path, last) is not None:
        return  # a member named elsewhere, or a collection in the singular: other rules' mistakes
    if last.text.startswith("$") or _names_a_collection_member(ctx, last.text) or _returns_a_member(ctx, op):
        return  # a reference to another resource (Microsoft Graph's `/salesOrders/{id}/customer`, `/rubric/$ref`)
    if _toggles(op):
        return  # a relation switched on and off (GitHub's `/gists/{id}/star`), no singleton
    yield Problem(f"`{op.label}` deletes the singleton `{last.text}`; a singleton exists as long as its parent and "
                  f"defines no Delete (AIP-156): clear its fields with an Update (PATCH), or name the action as a "
                  f"custom method (`:reset`)", op.at, operation=op)


def _toggles(op: Operation) -> bool:
    """The path switches a relation on and off: a PUT with no body turns it on, the DELETE off, and its GET answers
    with no content (204 or 404: GitHub's `/gists/{id}/star`, Bitbucket's `.../issues/{id}/watch`)."""
    put = next((other for other in op.path.operations if other.method == "put"), None)
    read = next((other for other in op.path.operations if other.method == "get"), None)
    return (put is not None and not put.body and put.request_schema is None and "requestBody" not in put.raw
            and read is not None and (read.shape is Shape.NONE or _success_codes(read) == {"204"}))


def _success_codes(op: Operation) -> set[str]:
    """The 2xx status codes an operation declares (a 204 has no content, whatever schema a spec gives it)."""
    responses = op.raw.get("responses")
    return {str(code) for code in responses if str(code).startswith("2")} if isinstance(responses, dict) else set()


def _names_a_collection_member(ctx: Context, literal: str) -> bool:
    """The literal names a member of a collection of the API (`customer` beside `/customers/{id}`, `primaryChannel`
    beside `/channels/{id}`)."""
    stem = ctx.api.lexicon.stem(literal)
    return any(stem.endswith(collection) for collection in ctx.api.collection_stems)


def _returns_a_member(ctx: Context, op: Operation) -> bool:
    """The path's GET returns a schema that a Get of some collection's member returns too: the literal refers to
    a resource that lives elsewhere (Microsoft Graph's `.../resourceActions/{id}/resourceScope`)."""
    read = next((other for other in op.path.operations if other.method == "get"), None)
    return read is not None and not read.returns.isdisjoint(_member_schemas(ctx.api))


def _member_schemas(api: ApiModel) -> frozenset[str]:
    """The schemas the API's Gets of collection members return (`GET /customers/{id}` -> `customer`), computed once
    per API and forgotten with it."""
    found = _MEMBER_SCHEMAS.get(api)
    if found is None:
        found = _MEMBER_SCHEMAS[api] = frozenset(
            name for op in api.operations if op.method == "get" and api.facts(op).kind is Kind.GET
            and op.path.last is not None and op.path.collection_of(op.path.last) is not None for name in op.returns)
    return found


_MEMBER_SCHEMAS: WeakKeyDictionary[ApiModel, frozenset[str]] = WeakKeyDictionary()
