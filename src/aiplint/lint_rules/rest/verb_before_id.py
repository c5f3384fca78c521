"""A verb does not stand in collection position, before a resource ID.

## What it does
Flags a literal followed by a path parameter — the place of a collection — that is named by a verb:
`/v1beta/datasetio/append-rows/{dataset_id}`, `/users/get-user/{user_id}`.  A verb glued to a noun
(`iterrows/{dataset_id}`) counts when the ID that follows names a different resource than the literal.
Collections whose names start with a noun-like verb (`search-results/{id}`, `exports/{id}`,
`checkpoints/{checkpoint_id}`) are not flagged.  A reading verb "by" a key after a collection
(`/documents/findByAuthor/{authorID}`) is a lookup: the collection's List with a filter, which no path spells, so
no fix is suggested.

## Why is this bad?
AIP-122 alternates collections and IDs; AIP-136 puts the verb *after* the resource: `{resource}:verb`.
A plural check passes `append-rows` and `iterrows` (they end in `s`), so this needs its own rule.

## Example
```yaml
/v1beta/datasetio/append-rows/{dataset_id}: {post: ...}
```

## Use instead
```yaml
/v1beta/datasets/{dataset_id}:appendRows: {post: ...}    # or /v1beta/datasets/{dataset_id}/rows
```

## Measured
Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 9 of 14 cases of Redocly; 5 deliberate
disagreements: Redocly reads `post` as the HTTP method in `/path/post`, `/data/post` and `/my_post`, and finds `put`
inside `/dispute` and `/input`.

## References
- AIP-136 Custom methods: https://google.aip.dev/136
- AIP-122 Resource names: https://google.aip.dev/122
"""

from __future__ import annotations

from aiplint.lint_rules.shared import colon_style
from aiplint.model import PathItem, Role, Segment
from aiplint.model.lexicon import Lexicon
from aiplint.model.suggest import Part, join, parts_of, resource_literal, standard_method, verb_part
from aiplint.rule import Context, Problem, rule


@rule(
    id="rest/verb-before-id",
    summary="Verbs come after the resource ID, not in collection position before it",
    reference="AIP-136",
    url="https://google.aip.dev/136",
    severity={"rest": "warning", "aip": "error"},
    headline="custom",
)
def check(ctx: Context):
    colon = colon_style(ctx)
    for item in ctx.api.paths:
        for seg in item.segments:
            param = item.after(seg)
            if seg.role is not Role.COLLECTION or not seg.verb or param is None or not param.is_param:
                continue  # only a verb standing where a collection belongs, before an ID
            lex = ctx.api.lexicon
            listed = _lookup_of(lex, item, seg)
            if listed is not None:  # `/documents/findByAuthor/{authorID}`: a List filtered, no path of its own
                yield Problem(
                    f"`{seg.text}` is a lookup of `{listed.text}` by a key, standing where a collection belongs; a "
                    f"lookup by a key is the collection's List with a filter (AIP-132, AIP-136)",
                    item.key_at, path=item.key, detail=f"{seg.index}:{seg.text}")
                continue
            parts = parts_of(item)
            name = param.param or ""
            stem = lex.id_stem(name)
            if stem:
                collection = ctx.api.resource_prefixes.get(stem) or _collection_before(lex, item, seg, stem, name)
                parts = collection + [parts[seg.index + 1], verb_part(seg.text, colon)] + parts[seg.index + 2 :]
            yield Problem(
                f"`{seg.text}` is named by the verb `{seg.verb}` but stands where a collection belongs, before "
                f"`{param.text}`; put the resource's collection first and the verb after its ID (AIP-136)",
                item.key_at,
                path=item.key,
                suggestion=(standard_method(ctx.api, "GET", join(parts))[1] or join(parts)) if parts != parts_of(item)
                else None,
                detail=f"{seg.index}:{seg.text}",
            )


def _lookup_of(lex: Lexicon, item: PathItem, seg: Segment) -> Segment | None:
    """The collection a reading verb "by" a key looks up, right after it (`/documents/findByAuthor/{authorID}`)."""
    words_ = lex.words_of(seg.text)
    previous = item.before(seg)
    reads = len(words_) > 2 and words_[1] == "by" and lex.has(words_[0], "read-verb")
    collection = previous is not None and (previous.role is Role.COLLECTION or (
        previous.role is Role.NAMESPACE and lex.last_word_number(previous.text) == "plural"))
    return previous if reads and collection else None


def _collection_before(lex: Lexicon, item: PathItem, seg: Segment, stem: str, param: str) -> list[Part]:
    """The resource's collection path for a suggestion: the literal before the verb when it already names
    the resource (`/users/get-user/{user_id}`), else one made from the parameter's name."""
    before = parts_of(item)[: seg.index]
    previous = item.before(seg)
    if previous is not None and lex.names(previous.text, stem):
        return before
    return before + [(resource_literal(lex, param), False)]
