"""An `x-aiplint-ignore` entry that suppressed nothing.

## What it does
After every other rule has run, reports the `x-aiplint-ignore` entries that did not suppress any finding, so
stale suppressions are found and removed once the problem they covered is fixed.  Entries for rules that did
not run (deselected, or off in the profile) are reported too: they suppressed nothing in this run.

## Why is this bad?
A stale suppression hides the next problem of that kind at that place.

## Example
```yaml
/v1/jobs/{job_id}:
  x-aiplint-ignore: {aip122/plural-collection: "legacy"}   # `jobs` is already plural
```

## Use instead
```yaml
/v1/jobs/{job_id}: {get: ...}   # the entry removed once the problem it covered is fixed
```
"""

from __future__ import annotations

from aiplint.model import Location
from aiplint.rule import Context, Problem, rule


@rule(
    id="aiplint/unused-suppression",
    summary="x-aiplint-ignore entries that suppressed nothing",
    reference="aiplint",
    url="https://github.com/aiplint/aiplint#inline-suppression",
    severity="info",
    phase="suppressions",
)
def check(ctx: Context):
    for entry in ctx.suppressions.unused():
        yield Problem(
            f"`x-aiplint-ignore` for `{entry.selector}` suppressed nothing; remove it",
            Location(entry.source, entry.at),
            detail=entry.at,
        )
