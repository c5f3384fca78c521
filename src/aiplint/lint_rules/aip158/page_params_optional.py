"""A List's `page_size` and `page_token` are optional.

## What it does
Flags a List (a `GET` on a collection, as the model decides it) whose `page_size` or `page_token` query parameter
(`pageSize`, `pageToken`) is declared `required`.  One mistake is one finding: a parameter of one name required by
several Lists is flagged once per document, at the first of them (paths in order), the others listed beside.
Parameters in the path (`/Destiny2/.../{pageToken}/`) are not query options and are left out.

## Why is this bad?
AIP-158: "The `page_size` field **must not** be required" and "The `page_token` field **must not** be required":
a client asks for the first page without a token, and leaves the page size to the server, which "chooses an
appropriate default".  A required token leaves the first page unreachable (or reachable only through another
call), a required size makes every client pick one.

## Example
```yaml
/v1/books:
  get:
    operationId: ListBooks
    parameters:
      - {name: page_size, in: query, required: true, schema: {type: integer}}
      - {name: page_token, in: query, schema: {type: string}}
```

## Use instead
```yaml
/v1/books:
  get:
    operationId: ListBooks
    parameters:
      - {name: page_size, in: query, schema: {type: integer}}
      - {name: page_token, in: query, schema: {type: string}}
```

## Measured
APIs-guru (2,639 specs): 8 findings in 7 specs under both profiles (SendGrid's templates and Vonage's call logs
requiring `page_size`, Beezup's and Circuit's `pageSize`, VTEX's catalog searches, art19's JSON:API `page[size]`);
googleapis.com (299): 1, Drive's `changes.list`, whose `pageToken` is required (a start token from
`getStartPageToken`).
A blind review of all 8: 7 right, 0 wrong, 1 debatable (Drive's `changes.list`, whose required `pageToken` also says
where the change feed starts).

## References
- AIP-158 Pagination: https://google.aip.dev/158
"""

from __future__ import annotations

from aiplint.model import Operation
from aiplint.model.operations import Kind
from aiplint.model.words import compact
from aiplint.rule import Context, Problem, rule

_PAGE_PARAMETERS = frozenset(("pagesize", "pagetoken"))  # `page_size`, `pageSize`, `page_token`, `pageToken`


@rule(
    id="aip158/page-params-optional",
    summary="A List's `page_size` and `page_token` are optional",
    reference="AIP-158",
    url="https://google.aip.dev/158",
    severity={"rest": "warning", "aip": "warning"},
)
def check(ctx: Context):
    required: dict[str, list[Operation]] = {}
    for op in sorted(ctx.api.operations, key=lambda op: (op.path.key, op.method)):
        if ctx.api.facts(op).kind is Kind.LIST:
            for param in op.params_in("query"):
                if param.required and compact(param.name) in _PAGE_PARAMETERS:
                    required.setdefault(param.name, []).append(op)
    for name, lists in required.items():
        first = lists[0]
        at = next(param.at for param in first.params_in("query") if param.name == name)
        more = f" (and {len(lists) - 1} more List{'s' if len(lists) > 2 else ''})" if len(lists) > 1 else ""
        yield Problem(f"`{first.label}`{more} require{'' if more else 's'} `{name}`; AIP-158 says the page size and "
                      f"page token must not be required: the first page needs no token, and the server picks a "
                      f"default size", at, operation=first, detail=name, related=tuple(op.at for op in lists[1:]))
