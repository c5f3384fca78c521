"""A Get returns the resource itself, one object, not an array.

## What it does
Flags a `GET` on a member of a plural collection (`/v1/countries/{country}`) whose operationId or summary says
it gets one of that resource (`getCountry`, "Get a webhook", FastAPI's "Get Item"), and whose JSON success
response is an array.  Not flagged: names with a plural or another noun at their head (`get_services_by_name`,
`getApiKeysInbox`, `readStringTable`: the path's variable is then a filter, a mistake of the path, not of the
response), names that say nothing of the resource, IDs after a singular or uncountable literal
(`/api/person/{number}`, `/media/{id}`), and variables that select (`/activities/{type}`) or name another thing
(`/scheduled_sends/{batch_id}`, `/bounces/{email}`).

## Why is this bad?
AIP-131: "Single-resource `GET` methods must return the resource itself, without any additional wrapping", "the
response message must be the resource itself".  An array for one resource makes every client unwrap it and
guess what an empty or a longer array means, and it cannot carry the resource's own fields (its `etag`, its
`name`) where the other standard methods return them.

## Example
```yaml
/v1/countries/{country}:
  get:
    operationId: getCountry
    responses:
      "200":
        content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Country"}}}}
```

## Use instead
```yaml
/v1/countries/{country}:
  get:
    operationId: getCountry
    responses:
      "200":
        content: {application/json: {schema: {$ref: "#/components/schemas/Country"}}}
```

## Measured
APIs-guru (2,639 specs), `rest` and `aip` alike: 40 findings in 20 specs (RITC 10, Anchore 4, VTEX 4, HHS 3);
googleapis.com (299): 0.  All 40 reviewed: right.  The first version, which read any name with a get verb and
any ID, gave 125 in 51 specs and 17 of 40 right: sportsdata-style filters in the path (`/Games/{season}`),
searches (`/Images/Search/{Query}`), sub-lists named by their parent's ID (`/mining/observers/{observer_id}/`
returning ledger entries) are mistakes of the path, not of the response, and are left out now.

Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 2 of 6 cases of AEP and MongoDB; 1 deliberate
disagreement: AEP wants its own `x-aep-resource` annotation on the response, AIP-131 only the resource; 3 misses
(strict xfails): a Get answering a bare string, and MongoDB's Gets answering an array or a page with no operationId
naming one resource, the sign this rule waits for.

## References
- AIP-131 Standard methods: Get: https://google.aip.dev/131
"""

from __future__ import annotations

from aiplint.lint_rules.shared import (
    is_array,
    json_success_schemas,
    last_variable_names,
    member_of_a_collection,
    qualifiers_of_one,
)
from aiplint.model import Operation
from aiplint.model.operations import Kind, verb_names
from aiplint.model.types import Shape
from aiplint.rule import Context, Problem, rule


def _gets_a_member(ctx: Context, op: Operation) -> bool:
    facts = ctx.api.facts(op)
    return op.method == "get" and op.shape is Shape.LIST and facts.kind is Kind.GET and member_of_a_collection(
        ctx.api.lexicon, op)


@rule(
    id="aip131/response-one",
    summary="Get methods return the resource itself, not an array",
    reference="AIP-131",
    url="https://google.aip.dev/131",
    severity={"rest": "warning", "aip": "error"},
    inspects="operation",
    only_if=_gets_a_member,
)
def check(ctx: Context, op: Operation):
    lex, resource = ctx.api.lexicon, ctx.api.facts(op).resource
    if resource is None or last_variable_names(lex, op, resource) is False:
        return
    signal = next((signal for verb, rest, signal in verb_names(lex, op) if lex.mapping("name-verb").get(verb) == (
        "get",) and qualifiers_of_one(lex, rest, resource) is not None), None)
    returned = list(json_success_schemas(ctx, op))
    if signal is None or not returned or not all(is_array(schema) for _, schema, _ in returned):
        return
    name = op.operation_id if signal == "operationId" else op.summary
    yield Problem(f"`{op.label}` gets one {resource} (its {signal} `{name}` says so) but returns a JSON array; a "
                  f"Get returns the resource itself, one object (AIP-131)", returned[0][0], operation=op)
