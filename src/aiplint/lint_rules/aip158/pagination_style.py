"""Lists page by token (AIP-158) or, where chosen, by one style per document.

## What it does
Reads how each List (a `GET` on a collection, as the model decides it, whose success response is not binary: a
download's `offset` and `count` are a byte range) pages from its query parameters: by **token** (`page_token`,
`pageToken`, `cursor`, `next_token`, `continuation_token`, `starting_after`, `marker`, OData's `$skiptoken`, a `token`
its description says pages) or by **position** (`offset`, `skip`/`$skip`, `page`, `page_number`, `start_index`, not
typed as strings: Airtable's string `offset` is a cursor, and a string says nothing either way). A List whose response
hands out a token or a next link (`next_page_token`, Azure's `nextLink`, `@odata.nextLink`) pages by token, a `$skip`
beside it being AIP-158's `skip`. A List with neither, or with a token and a position parameter, states no style and is
left out, as is one beside an ambiguous cursor (`after`, `before`, `since`). Then, by the `style` option:
- `token` (default of the `aip` profile): flags the Lists that page by position only;
- `offset`: flags the Lists that page by token only;
- `either` (default of the `rest` profile): one style per document; the Lists of the less used style are flagged
  (a tie flags nothing), those paging by token told to stay so and the others moved to tokens, which AIP-158
  prefers.

Under `aip` the check by token covers the one per document: an API mixing styles has its position-paged Lists
flagged.  One mistake is one finding: the Lists paging off style by one parameter (GitHub's `page` on 170 Lists)
are flagged once, at the first of them (paths in order), the others listed beside.

## Why is this bad?
AIP-158: "Request messages for collections **should** define a `string page_token` field, allowing users to advance
to the next page in the collection", and the response a `next_page_token`.  An offset shifts when members are
added or removed between two calls (members are skipped or repeated), and it costs the server a scan of every
skipped member; an opaque token does neither and lets the server change how it pages.  (AIP-158 allows a `skip`
*beside* a page token.)  An API paging some Lists by offset and others by cursor makes every client write both
loops.

## Example (`aip` profile)
```yaml
/v1/books:
  get:
    operationId: ListBooks
    parameters:
      - {name: limit, in: query, schema: {type: integer}}
      - {name: offset, in: query, schema: {type: integer}}
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

## Options
- `style`: `token`, `offset` or `either` (`rest`: `either`, `aip`: `token`).

## Measured
APIs-guru (2,639 specs), `aip` (`token`): 250 findings in 238 specs, one per paging parameter per document
(GitHub's `page` on 170 Lists is one); googleapis.com (299): 3, the older APIs paging by `startIndex` (AdSense and
AdSense Host reports, Books' bookshelves).  `rest` (`either`): 19 findings in 18 specs (GitHub's three `cursor`
Lists beside about 170 paged by number, SendGrid's 9 `page_token` Lists beside 26 by `offset`, Box's 10 `offset`
Lists beside 20 by token); googleapis.com: 4 in 3 (Books' token and index Lists).  Per List, the first version gave
3,615 findings under `aip` before a third of APIs-guru had been read; Azure's `$skip` beside a `nextLink` was
flagged until a handed-out token or link made a List page by token (289 -> 249 findings); strings named as
positions (Jira's `startAt`, an echoed `page`) were read as tokens until they stated no style (rest 35 -> 22).  A
blind review of 25 random findings (15 `aip`, 10 `rest`): 23 right, 2 wrong, 0 debatable; the wrong classes (HERE's
byte range `offset`/`count` on a binary download; Android Publisher's `token`, "Pagination token", beside a
`startIndex`) fixed, `aip` 252 -> 250 and `rest` 22 -> 20 findings; the `rest` message no longer reads as moving a
token-paged List to positions.
A second blind review of 25 (15 `aip`, 10 `rest`): 23 right, 1 wrong, 1 debatable; the wrong class (OSIsoft's required
array of `marker`s, each a stream's position in a change feed, read as a page token) fixed, `rest` 20 -> 19; the
debatable one is AdSense's report rows paged by `startIndex`.

## References
- AIP-158 Pagination: https://google.aip.dev/158
"""

from __future__ import annotations

import re

from aiplint.lint_rules.shared import success_property_names
from aiplint.model import ApiModel, Operation, Parameter
from aiplint.model.operations import Kind
from aiplint.model.words import compact
from aiplint.read.pointers import join_pointer
from aiplint.rule import Context, Option, Problem, rule

# query parameters that carry an opaque position: whatever their type
_TOKENS = frozenset(("pagetoken", "nextpagetoken", "nexttoken", "cursor", "pagecursor", "continuationtoken",
                     "continuation", "startingafter", "endingbefore", "marker", "skiptoken", "nextmarker",
                     "paginationtoken", "starttoken"))
# query parameters that count members or pages, when they are numbers
_POSITIONS = frozenset(("offset", "skip", "page", "pagenumber", "pagenum", "pageno", "startindex", "startat"))
# cursors or filters by their name alone: a List with one of these states no style
_AMBIGUOUS = frozenset(("after", "before", "since", "from", "start", "startafter", "pageafter", "pagebefore"))
_PAGING = re.compile(r"\bpag(e|es|ing|ination)\b", re.IGNORECASE)  # a `token` described as paging
# response fields that hand out the next page's token or link
_HANDED_TOKENS = frozenset(("nextpagetoken", "nexttoken", "nextlink", "odatanextlink", "nextcursor", "cursor",
                            "continuationtoken", "nextmarker", "skiptoken"))


def _downloads_bytes(api: ApiModel, op: Operation) -> bool:
    """A success response is binary (`format: binary`, OAS 2.0's `file`): a download of one object, whose `offset`
    and `count` are a byte range, not a List's page."""
    refs = api.document.refs
    responses = op.raw.get("responses")
    for status, response in responses.items() if isinstance(responses, dict) else ():
        pointer = join_pointer(op.at.pointer, "responses", str(status))
        found = refs.resolve(response, op.at.source, pointer).node
        if not str(status).startswith("2") or not isinstance(found, dict):
            continue
        content = found.get("content")
        media = list(content.values()) if isinstance(content, dict) else []
        for schema in [found.get("schema"), *(m.get("schema") for m in media if isinstance(m, dict))]:
            node = refs.resolve(schema, op.at.source, pointer).node
            if isinstance(node, dict) and (node.get("type") == "file" or node.get("format") == "binary"):
                return True
    return False


def _names_a_token(param: Parameter) -> bool:
    """A query parameter that carries a page token: by its name, or a `token` its description says pages
    (Android Publisher's `token`, "Pagination token").  A required or repeated one is no page token: the first page
    needs none, and one page has one (OSIsoft's required array of `marker`s, each a stream's position in a feed)."""
    name = compact(param.name)
    one = not param.required and not param.is_array
    return one and (name in _TOKENS or name.endswith("token") and bool(_PAGING.search(param.description)))


def paging_style(api: ApiModel, op: Operation) -> tuple[str, str] | None:
    """How a List pages, `("token" | "position", the parameter that says)`; None when its query states no single
    style (neither, both, or an ambiguous cursor such as `after`).  A List whose response hands out a token or a
    next link (Azure's `nextLink`) pages by token: a `$skip` beside it is AIP-158's `skip`."""
    handed = sorted(name for name in success_property_names(api, op) if compact(name) in _HANDED_TOKENS)
    tokens, positions = list(handed[:1]), []
    for param in op.params_in("query"):
        name, kind = compact(param.name), param.schema.get("type")
        if name in _AMBIGUOUS:
            return None
        if _names_a_token(param):
            tokens.append(param.name)
        elif name in _POSITIONS and kind != "string":
            positions.append(param.name)  # a string may be a cursor by that name (Airtable's `offset`)
    if not tokens and not positions:
        return None
    if tokens and positions:
        return ("token", tokens[0]) if handed else None
    return ("token", tokens[0]) if tokens else ("position", positions[0])


@rule(
    id="aip158/pagination-style",
    summary="Lists page by token, or in one style per document",
    reference="AIP-158",
    url="https://google.aip.dev/158",
    severity={"rest": "warning", "aip": "warning"},
    options={"style": Option("either", "token, offset or either (one style per document)", {"aip": "token"},
                             choices=("token", "offset", "either"))},
)
def check(ctx: Context):
    style = ctx.options["style"]
    if style not in ("token", "offset", "either"):
        raise ValueError(f"option style must be token, offset or either, not {style!r}")
    styled = [(op, found) for op in ctx.api.operations
              if ctx.api.facts(op).kind is Kind.LIST and not _downloads_bytes(ctx.api, op)
              and (found := paging_style(ctx.api, op)) is not None]
    counts = {kind: sum(1 for _, (k, _) in styled if k == kind) for kind in ("token", "position")}
    if style == "either":
        if counts["token"] == counts["position"]:
            return  # a tie (or no List): no majority to follow
        wanted = "token" if counts["token"] > counts["position"] else "position"
    else:
        wanted = "token" if style == "token" else "position"
    off_style: dict[str, list[Operation]] = {}  # the paging parameter -> the Lists it pages off style
    for op, (kind, param) in sorted(styled, key=lambda found: (found[0].path.key, found[0].method)):
        if kind != wanted:
            off_style.setdefault(param, []).append(op)
    for param, lists in off_style.items():
        kind = "position" if wanted == "token" else "token"
        yield Problem(_message(lists, kind, param, style, counts[wanted]), lists[0].at, operation=lists[0],
                      detail=param, related=tuple(op.at for op in lists[1:]))


def _message(lists: list[Operation], kind: str, param: str, style: str, others: int) -> str:
    more = f" (and {len(lists) - 1} more List{'s' if len(lists) > 2 else ''})" if len(lists) > 1 else ""
    how = f"`{lists[0].label}`{more} page{'s' if len(lists) == 1 else ''} by {kind} (`{param}`)"
    if style == "token":
        return (f"{how}; AIP-158 asks Lists to page by token: `page_size` and `page_token` in, `next_page_token` "
                f"out (a `skip` may stay beside them)")
    if style == "offset":
        return f"{how}; the configured style pages by offset"
    many = f"{others} List{'s' if others > 1 else ''} of this document page{'' if others > 1 else 's'}"
    if kind == "position":
        return f"{how} while {many} by token; page it by token too, one pagination style per API (AIP-158)"
    return (f"{how} while {many} by position: two pagination styles in one API; AIP-158 prefers tokens, so page "
            f"the others by token rather than these by position")
