"""A timestamp field's name ends in `_time` (`create_time`, `createTime`), under the `aip` profile.

## What it does
Under the `aip` profile, flags a field declared `format: date-time` (or Google discovery's `google-datetime`) whose
name does not end in `time` or `times`: `created_at`, `expires`, `lastModified`, `start_date`.  Not flagged: a
`format: date` field (a calendar date, `google.type.Date`, whose name AIP-142 leaves free).

## Why is this bad?
AIP-142: timestamp fields "**should** have names ending in `_time`, such as `create_time` or `update_time`. For
repeated fields, the names **should** end in `_times` instead."  One suffix makes every timestamp of every API
recognisable by its name (`createTime` in JSON), and frees `_at`, `_on` and `_date` from meaning three things.

## Example
```yaml
created_at: {type: string, format: date-time}
```

## Use instead
```yaml
create_time: {type: string, format: date-time}
```

## Measured
APIs-guru (2,639 specs), `aip`: 17,041 findings in 804 specs: most APIs outside Google name timestamps
`created_at`, `updatedAt`, `created`, `date_created`; googleapis.com (299): 236 in 55, the older discovery APIs
(Content Warehouse, Analytics, YouTube: `updated`, `timestamp`, `publishedAt`).  25 random findings are in the
review packet; the author's own reading found 24 right and 1 debatable (a `DateOfBirth` typed `date-time`, a
date in truth).

## References
- AIP-142 Time and duration: https://google.aip.dev/142
"""

from __future__ import annotations

from aiplint.lint_rules.fields import fields
from aiplint.rule import Context, Problem, rule

_TIMESTAMP_FORMATS = frozenset(("date-time", "google-datetime"))


@rule(
    id="aip142/time-suffix",
    summary="A timestamp field's name ends in _time",
    reference="AIP-142",
    url="https://google.aip.dev/142",
    severity={"aip": "warning"},
)
def check(ctx: Context):
    for field in fields(ctx.api):
        parts = field.words
        if field.schema.get("format") in _TIMESTAMP_FORMATS and parts and parts[-1] not in ("time", "times"):
            yield Problem(f"the timestamp field `{field.name}` does not end in `_time` (AIP-142: `create_time`, "
                          f"not `created_at`)", field.at, detail=field.name)
