"""A List returns an object holding the page of resources, not a bare JSON array.

## What it does
Flags a List (a `GET` on a collection, or one returning many things, as `aiplint model` shows it) whose
success response is a JSON array.  Under the `rest` profile, a response that pages through headers (`Link`, as
GitHub's, or a header named for a page, cursor or next token) is not flagged: RFC 8288 paging is REST's own.

## Why is this bad?
AIP-132: the List response "must include one repeated field corresponding to the resources being returned", and
"the `next_page_token` field ... must be included on all list response messages" (AIP-158: collections "must"
paginate from the outset).  A top-level array has nowhere to put the next page's token, a total size or any
other field: adding pagination later is a breaking change for every client.

## Example
```yaml
/v1/publishers/{publisher}/books:
  get:
    responses:
      "200":
        content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Book"}}}}
```

## Use instead
```yaml
/v1/publishers/{publisher}/books:
  get:
    responses:
      "200":
        content:
          application/json:
            schema:
              type: object
              properties:
                books: {type: array, items: {$ref: "#/components/schemas/Book"}}
                next_page_token: {type: string}
```

## Measured
APIs-guru (2,639 specs): `rest` 3,077 findings in 305 specs (GitHub 448, Azure 134, sportsdata.io 120, Mist 117,
bunq 96, Vimeo 93); `aip` 4,993 in 307 (GitHub's 1,779 Link-paged arrays join them); googleapis.com (299): 0
under both, every Google List returns a page.  Review of 40 random findings (`rest`): 40 right once a JSON page
object beside an array in another media type (HERE's `application/octet-stream`) was left out; fixed
vocabularies (Beezup's filter operators, TCGdex's trainer types) count as right, as AIP-158 has every collection
paginate from the outset.  A blind review of 20 more (a reviewer who had not read the rule): 15 right, 4
debatable (Files.com's cursor paging documented only in prose, a list of plain names), 1 wrong: Spotify's
`/me/audiobooks/contains`, one boolean per ID asked, a check rather than a List; arrays of booleans are left out now.

Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 1 of 2 cases of AEP; 1 miss (a strict xfail): a
List answering a bare string, where the rule flags only a bare array.

## References
- AIP-132 Standard methods: List: https://google.aip.dev/132
- AIP-158 Pagination: https://google.aip.dev/158
- RFC 8288 Web Linking: https://www.rfc-editor.org/rfc/rfc8288
"""

from __future__ import annotations

from typing import Any

from aiplint.lint_rules.shared import is_array, json_success_schemas
from aiplint.model import Operation, words
from aiplint.model.operations import Kind
from aiplint.model.types import Shape
from aiplint.rule import Context, Problem, rule

_PAGING_HEADER_WORDS = frozenset(("link", "page", "cursor", "next", "continuation"))


@rule(
    id="aip132/response-object",
    summary="List methods return an object holding the page, not a bare array",
    reference="AIP-132",
    url="https://google.aip.dev/132",
    severity={"rest": "warning", "aip": "error"},
    inspects="operation",
    only_if=lambda ctx, op: op.shape is Shape.LIST and ctx.api.facts(op).kind is Kind.LIST,
)
def check(ctx: Context, op: Operation):
    returned = list(json_success_schemas(ctx, op))
    if not returned or not all(is_array(schema) for _, schema, _ in returned):
        return  # an object in JSON beside an array in another form (`text/csv`) is a page already
    if any(_of_flags(schema) for _, schema, _ in returned):
        return  # one answer per ID asked (Spotify's `GET /me/audiobooks/contains?ids=`): a check, no List
    if ctx.profile == "rest" and any(_pages_through_headers(ctx, response) for _, _, response in returned):
        return  # RFC 8288 paging (`Link`, GitHub's) or a page count header: REST's own way to page a bare array
    yield Problem(f"`{op.label}` returns a bare JSON array; a List returns an object with the resources in a "
                  f"repeated field and a `next_page_token` (AIP-132, AIP-158), so paging can be added later "
                  f"without breaking clients", returned[0][0], operation=op)


def _of_flags(schema: dict[str, Any]) -> bool:
    """An array of booleans: no resources to page through."""
    items = schema.get("items")
    return isinstance(items, dict) and items.get("type") == "boolean"


def _pages_through_headers(ctx: Context, response: dict[str, Any]) -> bool:
    headers = response.get("headers")
    lex = ctx.api.lexicon
    return isinstance(headers, dict) and any(
        _PAGING_HEADER_WORDS.intersection(lex.singular_of(w) for w in words.split_words(str(name))) for name in headers)
