"""The same resource noun is not used both singular and plural under one parent.

## What it does
Groups the literal segments that share a parent path and flags a singular literal (`job`) when its plural
(`jobs`) is used beside it, where the singular stands in for one member of the collection: its operations name
that member by an ID outside the path (`/v1alpha/post-training/job/status?job_uuid=` next to
`/v1alpha/post-training/jobs`), or it is a write-only endpoint (`POST /agents/{agent_id}/session` next to
`GET /agents/{agent_id}/sessions`).  The suggestion nests the ID under the plural collection.

A singleton beside its collection is a common, deliberate REST shape and is not flagged: a readable one
(GitHub's `GET /user`, the authenticated user, next to `/users/{username}`), or one with resources of its own
(`PATCH /user` with `/user/api_keys`).  Nor are two verb phrases (`EquipItem`, `EquipItems`).

A singular literal that is already in collection position is left to `aip122/plural-collection`, so one
mistake is reported once.

## Why is this bad?
AIP-122: collection identifiers are plural and name one collection.  Two spellings of one collection split the
API's resource tree: `job/status` and `jobs` look like different resources to every client.

## Example
```yaml
paths:
  /v1alpha/post-training/jobs: {get: ...}
  /v1alpha/post-training/job/status: {get: {parameters: [{name: job_uuid, in: query, required: true}]}}
```

## Use instead
```yaml
paths:
  /v1alpha/post-training/jobs: {get: ...}
  /v1alpha/post-training/jobs/{job_uuid}/status: {get: ...}
```

## Measured
Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 6 of 9 cases of AEP and Redocly; 3 deliberate
disagreements: a singleton read with GET (AIP-156) and a version segment (AIP-185) are singular by right, and
AIP-122 writes `electronicBooks` in camelCase where AEP wants kebab-case.

## References
- AIP-122 Resource names: https://google.aip.dev/122
"""

from __future__ import annotations

from collections import defaultdict

from aiplint.lint_rules.shared import fix
from aiplint.model import ApiModel, Operation, PathItem, Role, Segment
from aiplint.model.lexicon import Lexicon
from aiplint.model.suggest import join, parts_of
from aiplint.model.targets import target
from aiplint.rule import Context, Problem, rule


@rule(
    id="aip122/collection-name-consistency",
    summary="One noun is not used both singular and plural under one parent",
    reference="AIP-122",
    url="https://google.aip.dev/122",
    severity="error",
    headline="plural",
)
def check(ctx: Context):
    lex = ctx.api.lexicon
    literals: dict[int, dict[str, str]] = defaultdict(dict)  # parent -> stem -> plural literal
    for item in ctx.api.paths_by_key:  # the spelling kept is the same whatever the document's order
        for seg in item.segments:
            if _is_noun(lex, seg) and lex.last_word_number(seg.text) == "plural":
                literals[item.prefix(seg.index)].setdefault(lex.stem(seg.text), seg.text)
    for item in ctx.api.paths:
        for seg in item.segments:
            if seg.role is Role.COLLECTION or not _is_noun(lex, seg):
                continue
            if lex.last_word_number(seg.text) != "singular":
                continue
            plural = literals.get(item.prefix(seg.index), {}).get(lex.stem(seg.text))
            if plural is not None and _stands_for_a_member(ctx.api, item, seg):
                yield from _report(ctx, item, seg, plural)


def _is_noun(lex: Lexicon, seg: Segment) -> bool:
    """A literal naming a thing: not a verb phrase (`EquipItem` beside `EquipItems` are two actions)."""
    verb = lex.leading_verb(seg.text)
    return seg.role.is_noun and not (verb and lex.verb_leads(seg.text, verb))


def _stands_for_a_member(api: ApiModel, item: PathItem, seg: Segment) -> bool:
    """The singular names one member of the collection without an ID in the path: its operations carry that
    ID elsewhere, or it is a terminal endpoint nobody can read (so not a singleton)."""
    stem = api.lexicon.stem(seg.text)
    for op in item.operations:
        found = target(api, op)
        if found is not None and api.lexicon.names(seg.text, found.stem):
            return True
    terminal = seg.index == len(item.segments) - 1
    has_children = api.prefixes.has_children(item.prefix(seg.index + 1))
    return terminal and bool(item.methods) and "get" not in item.methods and bool(stem) and not has_children


def _report(ctx: Context, item: PathItem, seg: Segment, plural: str):
    operations: list[Operation | None] = list(item.operations) or [None]
    for op in operations:
        found = target(ctx.api, op) if op is not None else None
        suggestion = fix(ctx, op) if op is not None and found else None
        if suggestion is None:
            parts = parts_of(item)
            parts[seg.index] = (plural, False)
            suggestion = f"{op.method.upper()} {join(parts)}" if op is not None else join(parts)
        yield Problem(
            f"`{seg.text}` is the singular of the collection `{plural}` used beside it; name one collection "
            f"one way, in the plural (AIP-122)",
            op.at if op is not None else item.key_at,
            operation=op,
            path=item.key,
            suggestion=suggestion,
            detail=f"{seg.index}:{seg.text}",
        )
