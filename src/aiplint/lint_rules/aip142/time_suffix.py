"""A timestamp field's name ends in `_time` (`create_time`, `createTime`), under the `aip` profile.

## What it does
Under the `aip` profile, flags a field declared `format: date-time` (or Google discovery's `google-datetime`) whose
name does not end in `time` or `times`: `created_at`, `expires`, `lastModified`, `start_date`.  Not flagged: a
`format: date` field (a calendar date, `google.type.Date`, named `*_date`); a field named for a date whose
description or example says a calendar date and no time of day (`departureDate`, "YYYY-MM-DD"; `DateOfBirth`,
"date of birth"), whose defect is its format (`date-time` for `date`), not its name; and the members of a schema or
property whose name says times (Plaid's `LastDataAccessTimes: {transactions, ...}`), named by it already.

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
APIs-guru (2,639 specs), `aip`: 16,767 findings in 798 specs: most APIs outside Google name timestamps
`created_at`, `updatedAt`, `created`, `date_created`; googleapis.com (299): 234 in 54, the older discovery APIs
(Content Warehouse, Analytics, YouTube: `updated`, `timestamp`, `publishedAt`).  A blind review of 25 random
findings: 20 right, 3 wrong, 2 debatable; the wrong classes (a civil date declared `date-time`: hetras'
`departureDate`, "YYYY-MM-DD"; Parliament's `DeadlineDateStart`; a `DateOfBirth`) and a debatable one (the keys of
Plaid's `LastDataAccessTimes`) fixed, 17,041 -> 16,767 findings.
A second blind review of 25: 24 right, 0 wrong, 1 debatable (Autotask's undescribed `endDate`).
Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 11 of 11 cases of AEP.

## References
- AIP-142 Time and duration: https://google.aip.dev/142
"""

from __future__ import annotations

import re

from aiplint.lint_rules.aip142.time_format import SAYS_CIVIL_DATE, SAYS_TIME, examples
from aiplint.lint_rules.fields import Field, fields
from aiplint.model.words import split_words
from aiplint.rule import Context, Problem, rule

_TIMESTAMP_FORMATS = frozenset(("date-time", "google-datetime"))
_TIME_WORDS = frozenset(("time", "times", "timestamp", "timestamps"))
_CIVIL_DATE_EXAMPLE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _civil_date(field: Field) -> bool:
    """A field named for a date whose description or example says a calendar date and nothing of a time of day
    (`departureDate`, "ISO-8601 format YYYY-MM-DD"; `DateOfBirth`, "date of birth"): its defect is the format,
    `date-time` for `date`, and its name already has AIP-142's suffix for dates, `_date`."""
    description = field.schema.get("description")
    description = description if isinstance(description, str) else ""
    samples = examples(field.schema)
    says_date = (SAYS_CIVIL_DATE.search(description) is not None
                 or any(_CIVIL_DATE_EXAMPLE.match(sample) for sample in samples))
    says_time = (SAYS_TIME.search(description) is not None
                 or any(not _CIVIL_DATE_EXAMPLE.match(sample) for sample in samples))
    return "date" in field.words and says_date and not says_time


def _in_times(field: Field) -> bool:
    """A member of a schema or property named for times (`LastDataAccessTimes: {account_balance_info: ...}`):
    the keys of a record of timestamps, which its name already says are times."""
    words = split_words(field.container)
    return bool(words) and words[-1] in _TIME_WORDS


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
        if (field.schema.get("format") in _TIMESTAMP_FORMATS and parts and parts[-1] not in ("time", "times")
                and not _civil_date(field) and not _in_times(field)):
            yield Problem(f"the timestamp field `{field.name}` does not end in `_time` (AIP-142: `create_time`, "
                          f"not `created_at`)", field.at, detail=field.name)
