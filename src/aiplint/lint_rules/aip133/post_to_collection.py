"""A Create posts to the collection; a client-chosen ID travels as a query parameter.

## What it does
Flags a `POST` to a member's own path (`/v1/pipes/{pipe_name}`) whose operationId or summary says it creates
that resource (`CreatePipe`, "Create a new tag"), where the last variable names the resource (`{pipe_name}`,
`{tag_name}`, `{policyName}`).  Not flagged: bare variables (`{id}`, `{name}`, `{sha}`: GitHub's
`POST /repos/{owner}/{repo}/statuses/{sha}` creates a status of a commit, a mistake of the path instead) and
selectors (`{archiveKind}`), names that say more than one resource or qualify it with words the path lacks
(`createSubscriptionEvent` subscribes to an event), verbs that add an existing thing (`addTagToShipment`: an
association, whose fix may be a `PUT`), and a collection that has a `POST` of its own already.

## Why is this bad?
AIP-133: Create "must" be a `POST` to the collection (`POST /v1/publishers/{publisher}/books`), and a
client-assigned ID "is provided as a query parameter" (`?book_id=les-miserables`).  A `POST` to a URI that does
not exist yet makes the member's path mean "create" for one method and "the resource" for the others, and in
HTTP a `POST` is processed by the target resource (RFC 9110, 9.3.3), which here is not there.

## Example
```yaml
/v1/pipes/{pipe_name}:
  post: {operationId: CreatePipe}
```

## Use instead
```yaml
/v1/pipes:
  post:
    operationId: CreatePipe
    parameters: [{name: pipe_name, in: query, schema: {type: string}}]
```

## Measured
APIs-guru (2,639 specs), `rest` and `aip` alike: 27 findings in 11 specs (AWS IoT, QuickSight, Customer Profiles,
MQ, SES and IoT TwinMaker 22; Azure ML, LaunchDarkly, Mist, ShipEngine, Twilio 1 each); googleapis.com (299): 0.
All 27 reviewed: right.  The first version (any create verb, any variable) gave 61 in 36 specs, of which GitHub's
`POST .../statuses/{sha}` (a status of a commit), Yodlee's event subscriptions, Rudder's `{archiveKind}` and the
`add` associations (a tag added to a shipment, whose fix may be a `PUT`) are left out now.

Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 1 of 2 cases of AEP; 1 deliberate disagreement: AEP
requires a client-chosen `id`, which AIP-133 makes optional.

## References
- AIP-133 Standard methods: Create: https://google.aip.dev/133
- RFC 9110, 9.3.3 POST: https://www.rfc-editor.org/rfc/rfc9110#section-9.3.3
"""

from __future__ import annotations

from aiplint.lint_rules.shared import (
    fixed_path,
    last_variable_names,
    member_of_a_collection,
    names_an_action,
    qualifiers_of_one,
)
from aiplint.model import Operation
from aiplint.model.lexicon import Lexicon
from aiplint.model.operations import Kind, verb_names
from aiplint.model.words import split_words
from aiplint.rule import Context, Problem, rule


def _posts_to_a_member(ctx: Context, op: Operation) -> bool:
    facts = ctx.api.facts(op)
    return (op.method == "post" and facts.kind is Kind.UNKNOWN and facts.id_in == "path"
            and member_of_a_collection(ctx.api.lexicon, op) and not names_an_action(op))


@rule(
    id="aip133/post-to-collection",
    summary="Create methods POST to the collection, a client-chosen ID as a query parameter",
    reference="AIP-133",
    url="https://google.aip.dev/133",
    severity={"rest": "warning", "aip": "error"},
    inspects="operation",
    only_if=_posts_to_a_member,
)
def check(ctx: Context, op: Operation):
    lex, resource, last = ctx.api.lexicon, ctx.api.facts(op).resource, op.path.last
    if resource is None or last is None or last.param is None or last_variable_names(lex, op, resource) is not True:
        return
    signal = next((signal for verb, rest, signal in verb_names(lex, op)
                   if verb == "create" and _names_one_here(lex, op, rest, resource)), None)
    if signal is None or "post" in _methods_at(ctx, _parent(op.path.key)):
        return
    name = op.operation_id if signal == "operationId" else op.summary
    article = "an" if resource[:1].lower() in "aeiou" else "a"
    yield Problem(f"`{op.label}` creates {article} {resource} (its {signal} `{name}` says so) at the new member's own "
                  f"path; a Create POSTs to the collection, the client-chosen ID as a query parameter (AIP-133)",
                  op.at, operation=op, suggestion=f"POST {_parent(fixed_path(ctx, op))}?{last.param}=")


def _methods_at(ctx: Context, key: str) -> frozenset[str]:
    item = next((item for item in ctx.api.paths if item.key == key), None)
    return item.methods if item is not None else frozenset()


def _names_one_here(lex: Lexicon, op: Operation, words: tuple[str, ...], resource: str) -> bool:
    """The name says one of the resource, qualified, if at all, by nouns of its path (`CreateThemeAlias` on
    `/themes/{ThemeId}/aliases/{AliasName}`; not `createSubscriptionEvent` on `/notifications/events/{eventName}`,
    which subscribes to an event)."""
    qualifiers = qualifiers_of_one(lex, words, resource)
    if qualifiers is None:
        return False
    nouns = {q for q in qualifiers if len(q) > 2 and lex.is_noun(q)}  # not "an" in "Create an experiment"
    return nouns <= {lex.singular_of(w) for w in split_words(op.path.template)}


def _parent(path: str) -> str:
    """The collection's path of a member's: `/v1/pipes` for `/v1/pipes/{pipe_name}`."""
    return path.rstrip("/").rsplit("/", 1)[0]
