"""Custom methods use POST, or GET when they only read.

## What it does
Flags a custom method (`:verb` or a verb path segment) served with PUT, PATCH or DELETE, and one served with
GET whose verb changes state (`cancel`, `delete`, `start`, `reset`, `archive`, ...).  Not flagged: a verb
that names a standard method served with that method (`DELETE .../delete`, `PUT .../update`: a standard method
in disguise, which `aip136/verb-naming` reports), and a GET beside the action's POST (it reads the action's
state).

## Why is this bad?
AIP-136: "Custom methods must use the HTTP `GET` or `POST` method": GET for reading data or state, POST when
the method has side effects.  PUT and PATCH promise replace and partial-update semantics that a custom verb
does not have, and a mutating GET is retried, prefetched and cached by every HTTP intermediary.

## Example
```yaml
/v1/prompts/{prompt_id}/set-default-version: {put: ...}
```

## Use instead
```yaml
/v1/prompts/{prompt_id}:setDefaultVersion: {post: ...}
```

## Measured
Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 11 of 12 cases of AEP and MongoDB; 1 deliberate
disagreement: MongoDB rejects a GET and a POST under one custom verb, which AIP-136 allows method by method.

## References
- AIP-136 Custom methods: https://google.aip.dev/136
"""

from __future__ import annotations

from aiplint.lint_rules.shared import fix
from aiplint.model import Operation
from aiplint.rule import Context, Problem, rule


@rule(
    id="aip136/http-method",
    summary="Custom methods use POST (or GET when read-only)",
    reference="AIP-136",
    url="https://google.aip.dev/136",
    severity="error",
    inspects="operation",
    only_if=lambda ctx, op: op.is_custom_method,
    headline="custom",
)
def check(ctx: Context, op: Operation):
    seg, lex = op.custom_verb, ctx.api.lexicon
    assert seg is not None
    if op.method in lex.mapping("standard-http").get(seg.verb or "", ()):
        return  # `DELETE .../delete` is a standard method in disguise: aip136/verb-naming says so
    if op.method == "get" and "post" in op.path.methods:
        return  # a GET beside the action's POST reads its state (`GET`/`POST /upgrade`)
    if op.method not in ("get", "post"):
        why = f"custom methods must use POST, or GET when they only read (AIP-136), not {op.method.upper()}"
    elif op.method == "get" and lex.changes_state(seg.verb or ""):
        why = f"`{seg.verb}` changes state, so the custom method must use POST, not GET (AIP-136)"
    else:
        return
    yield Problem(
        f"custom method `{seg.text}` uses {op.method.upper()}; {why}",
        op.at,
        operation=op,
        suggestion=fix(ctx, op),
        detail=seg.text,
    )
