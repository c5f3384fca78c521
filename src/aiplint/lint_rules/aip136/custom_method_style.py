"""Custom methods use one syntax: `:verb` (AIP-136) or, where chosen, `/verb` consistently.

## What it does
Checks every custom method attached to a resource or collection (`/jobs/{id}:cancel`, `/jobs/{id}/cancel`,
`/books:batchGet`) against the `style` option:
- `colon`: AIP-136's `:verb` is required (default of the `aip` profile);
- `slash`: `/verb` is required;
- `either`: both are accepted, but one document uses one of them; the less used one is flagged
  (default of the `rest` profile, which accepts OpenAI-style `/batches/{batch_id}/cancel`).

## Why is this bad?
AIP-136: "The HTTP URI must use a `:` character followed by the custom verb."  With `/verb`, a custom method
cannot be told apart from a sub-resource, and `/responses/compact` shadows the response whose ID is
`compact`.  Mixing both styles in one API is the worst of both.

## Example (`aip` profile)
```yaml
/v1/batches/{batch_id}/cancel: {post: ...}
```

## Use instead
```yaml
/v1/batches/{batch_id}:cancel: {post: ...}
```

## Fix (unsafe)
`--unsafe-fixes` renames the path to the other style (`/v1/jobs/{job_id}/cancel` -> `/v1/jobs/{job_id}:cancel`),
unless the new path is one the document has; clients calling the old path break.

## Options
- `style`: `colon`, `slash` or `either` (`rest`: `either`, `aip`: `colon`).

## Measured
Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 9 of 9 cases of AEP.

## References
- AIP-136 Custom methods: https://google.aip.dev/136
"""

from __future__ import annotations

from aiplint.lint_rules.shared import is_attached_verb, rename_paths
from aiplint.model.suggest import join, parts_of, verb_part
from aiplint.rule import Context, Option, Problem, RenamePath, rule


@rule(
    id="aip136/custom-method-style",
    summary="Custom methods are written `:verb`, or in one style consistently",
    reference="AIP-136",
    url="https://google.aip.dev/136",
    severity={"rest": "warning", "aip": "error"},
    options={"style": Option("either", "colon, slash or either (one style per document)", {"aip": "colon"},
                             choices=("colon", "slash", "either"))},
    headline="custom",
)
def check(ctx: Context):
    style = ctx.options["style"]
    if style not in ("colon", "slash", "either"):
        raise ValueError(f"option style must be colon, slash or either, not {style!r}")
    attached = [(item, seg) for item, seg in ctx.api.custom_verbs() if is_attached_verb(ctx.api.lexicon, item, seg)]
    if style == "either":
        colons = sum(1 for _, seg in attached if seg.colon)
        if colons * 2 == len(attached):
            return  # a tie: no majority to follow
        style = "colon" if colons * 2 > len(attached) else "slash"
    wanted_colon = style == "colon"
    for item, seg in attached:
        if seg.colon == wanted_colon:
            continue
        parts = parts_of(item)
        parts[seg.index] = verb_part(seg.text, wanted_colon)
        written = f":{seg.text}" if seg.colon else f"/{seg.text}"
        why = {
            "colon": "AIP-136 writes custom methods as `:verb`",
            "slash": "the configured style is `/verb`",
            "either": f"most custom methods in this document are written {'`:verb`' if wanted_colon else '`/verb`'}",
        }[ctx.options["style"]]
        restyled = join(parts)
        yield Problem(
            f"custom method `{written}` is written in the other style; {why}",
            item.key_at,
            path=item.key,
            suggestion=restyled,
            detail=seg.text,
            fix=rename_paths(ctx.api, [RenamePath(item.key, restyled)], f"rename `{item.key}` to `{restyled}`")
            if join(parts_of(item)) == item.key else None,
        )
