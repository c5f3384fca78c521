"""An action verb is not a path segment of its own.

## What it does
Flags a terminal path segment named by a verb (`insert`, `run-shield`, `list-tools`, `preference-optimize`)
that follows a namespace, a version or a singleton instead of a resource: `/v1/vector-io/insert`,
`/v1/scoring/score`; and a verb grouping paths the API has without it, whose operations it names: Kubernetes'
`GET /api/v1/watch/pods` (`watchCoreV1PodListForAllNamespaces`) beside `GET /api/v1/pods` is
`GET /api/v1/pods:watch`, or before the object a write's path ends in, named as both, where the API has many of
that object or acts on it with other verbs too: NDHM's `POST /v1/account/change/password` (`changePassword`, beside
`/reset/password`) is `POST /v1/account/password:change`.  Verbs that are also nouns (`search`, `export`, `scale`)
count only on path items that support nothing but POST.

Where the operation names its target by an ID in the query or body, `aip136/attached-to-resource` reports it
instead (with the path that nests that ID), so one mistake is reported once.  Custom methods attached to a
resource (`/batches/{batch_id}/cancel`, `/books:batchGet`) and stateless colon methods (`/v1:translateText`)
are never flagged here.

## Why is this bad?
AIP-136: custom methods are a resource (or a collection) plus a verb, written `:verb`.  A bare verb segment
makes an RPC endpoint that cannot be told apart from a resource, and it tends to collect the resource's ID in
the body.

## Example
```yaml
/v1/vector-io/insert: {post: ...}
```

## Use instead
```yaml
/v1/vector-io:insert: {post: ...}     # stateless, or better, on the resource it changes:
/v1/vector_stores/{vector_store_id}/chunks: {post: ...}
```

## Fix (unsafe)
`--unsafe-fixes` moves the operation to the suggested path with its method (`POST /v1/reindex` ->
`POST /v1:reindex`), where it is alone on its path, the new path is not one the document has and names the same
parameters; clients calling the old path break.

## Measured
Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 9 of 14 cases of Redocly; 5 deliberate
disagreements: Redocly reads `post` as the HTTP method in `/path/post`, `/data/post` and `/my_post`, and finds `put`
inside `/dispute` and `/input`.

## References
- AIP-136 Custom methods: https://google.aip.dev/136
"""

from __future__ import annotations

from aiplint.lint_rules.shared import fix, move_operation, unattached_verb
from aiplint.model import Operation, PathItem, Role, Segment
from aiplint.model.lexicon import Lexicon
from aiplint.model.targets import target
from aiplint.rule import Context, Problem, rule


@rule(
    id="rest/verb-segment",
    summary="Verbs are custom methods on a resource, not path segments of their own",
    reference="AIP-136",
    url="https://google.aip.dev/136",
    severity={"rest": "warning", "aip": "error"},
    inspects="operation",
    only_if=lambda ctx, op: _verb_segment(ctx, op.path) is not None,
    headline="custom",
)
def check(ctx: Context, op: Operation):
    seg = _verb_segment(ctx, op.path)
    assert seg is not None
    if seg.is_custom_verb and target(ctx.api, op, required=False) is not None:
        return  # aip136/attached-to-resource reports it, with the resource's path
    suggestion = fix(ctx, op)
    where = "not attached to any resource" if seg.role is not Role.NAMESPACE or not seg.verb else \
        "before the resource it acts on" + (", whose path the API has without it"
                                            if ctx.api.prefixes.item_without(op.path, seg.index) else "")
    yield Problem(
        f"`{seg.text}` is an action verb used as a path segment, {where}; "
        f"make it a custom method on the resource it acts on (AIP-136)",
        op.at,
        operation=op,
        suggestion=suggestion,
        detail=seg.text,
        fix=move_operation(ctx, op, suggestion),
    )


def _verb_segment(ctx: Context, item: PathItem) -> Segment | None:
    """The path's verb with no resource before it: its unattached slash verb, or a standard method's verb (or a
    synonym) standing as a grouping before other literals (`/get/data`, `/v1/delete/files`,
    `/v1/hid/benefit/update/mobile`), an RPC call spelt as a path."""
    seg = unattached_verb(item, ctx.api.lexicon)
    if seg is not None:
        return None if seg.colon else seg
    lex = ctx.api.lexicon
    return next((s for s in item.segments if s.role is Role.NAMESPACE and (s.verb or not item.under_an_id(s) and (
        lex.has(s.text.lower(), "standard-verb") or _plain_synonym(lex, s.text.lower())))), None)


def _plain_synonym(lex: Lexicon, word: str) -> bool:
    """A standard method's synonym that is no noun too: `remove`, `fetch`; a `lookup` table, Red Hat's `patch`
    product and a `new` template are groupings."""
    return word in lex.mapping("synonym") and not lex.is_homograph(word)
