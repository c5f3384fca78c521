"""An `x-aiplint-ignore` names known rules and gives a reason for each.

## What it does
Reports an `x-aiplint-ignore` extension that is not a mapping from rule ids (or families such as `aip136/`)
to non-empty reason strings, or that names a rule no installed plugin declares.  Such an entry suppresses
nothing.

## Why is this bad?
A suppression without a reason cannot be reviewed, and a misspelt rule id silently suppresses nothing.

## Example
```yaml
x-aiplint-ignore: {rest/resource-id-in-qery: ""}
```

## Use instead
```yaml
x-aiplint-ignore: {rest/resource-id-in-query: "kept for OpenAI compatibility"}
```
"""

from __future__ import annotations

from aiplint.model import Location
from aiplint.rule import Context, Problem, rule


@rule(
    id="aiplint/invalid-suppression",
    summary="x-aiplint-ignore entries name known rules and give a reason",
    reference="aiplint",
    url="https://github.com/aiplint/aiplint#inline-suppression",
    severity="error",
    phase="suppressions",
)
def check(ctx: Context):
    for bad in ctx.suppressions.invalid:
        yield Problem(bad.message, Location(bad.source, bad.pointer), detail=bad.pointer)
