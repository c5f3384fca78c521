"""Field names include no prepositions (`error_reason`, not `reason_for_error`), under the `aip` profile.

## What it does
Under the `aip` profile, flags a field whose name of two words or more includes one of the prepositions AIP-140
names, `with`, `for` or `by`: `reason_for_error`, `createdBy`, `book_with_publisher`.  Not flagged: AIP-132's
`order_by` and its kin (`sort_by`, `group_by`, `bucket_by`); a one-word name; `at`, which AIP-140 names too but
which mostly ends a timestamp (`created_at`: `aip142/time-suffix` reports it); and the prepositions that make fixed
terms too often to be read without a grammar (`time_of_day`, `point_in_time`, `reply_to`, `built_in`), `per` among
them (AIP-140's exception, for units: `miles_per_hour`).  Nor a preposition its description shows is no part of
how the name was built: of a word it writes whole (`StandByAvailabilityZoneCount`, "standby"), of a proper name
written in capitals around it (`workplace_by_facebook`, "... through Workplace by Facebook"), or of a name its
description is nothing but, a title ("Workplace by facebook.").

## Why is this bad?
AIP-140: "Field names **should not** include prepositions (such as "with", "for", "at", "by", etc). For example:
`error_reason` (**not** `reason_for_error`), `author` (**not** `written_by`)".  Names without them match across
APIs more often, and a preposition often shows a design concern: "a field named `book_with_publisher` likely
indicates that the book resource may be improperly structured".

## Example
```yaml
reason_for_error: {type: string}
```

## Use instead
```yaml
error_reason: {type: string}
```

## Measured
APIs-guru (2,639 specs), `aip`: 6,193 findings in 791 specs (`createdBy`, `created_by`, `IssuedBy`,
`lastModifiedBy`, `urlForVerification`); googleapis.com (299): 311 in 65 (`selfLinkWithId`, `shipByDate`,
`overridesByRequestProtocol`).  Every preposition of api-linter's list gave 21,651 findings in 1,374 specs, and
fixed terms among them AIP-140 does not mean (`time_of_day`, `point_in_time`, `callToAction`, `built_in`,
`underExposedLikelihood`, OAuth's `expires_in`, `reply_to`); only AIP-140's own `with`, `for` and `by` are read now,
less `sort_by`/`group_by` and their kin.  A blind review of 25 random findings: 23 right, 1 wrong, 1 debatable;
the wrong class (a product's name: Zoom's `workplace_by_facebook`, "Workplace by facebook.") fixed, with two
classes the author saw before drawing a new sample (a word split in two, `StandBy`; the grouping `bucketByTime`),
6,334 -> 6,193 findings.  The
debatable one stays: Sportsdata's `TacklesForLoss`, a sport's term its spec does not describe.
A second blind review of 25 random findings: 25 right.

## References
- AIP-140 Field names: https://google.aip.dev/140
"""

from __future__ import annotations

import re

from aiplint.lint_rules.fields import Field, fields
from aiplint.rule import Context, Problem, rule

# the prepositions AIP-140 names ("with", "for", "at", "by"), less `at`, which ends timestamps (`created_at`:
# AIP-142's to rename); "to", "of", "in" and "from" make fixed terms (`time_of_day`, `point_in_time`, `reply_to`,
# `built_in`) too often to be read without a grammar
PREPOSITIONS = frozenset(("with", "for", "by"))
# AIP-132's `order_by`, and its kin: the ordering or grouping a request asks for
_ARRANGING = frozenset(("order", "sort", "group", "aggregate", "bucket", "cluster", "partition"))


def preposition_in(field: Field) -> str | None:
    """The first preposition of a field's name that AIP-140 counts, None when it has none."""
    parts = field.words
    if len(parts) < 2:
        return None  # one word is no phrase
    for index, word in enumerate(parts):
        if word in PREPOSITIONS and not (word == "by" and index > 0 and parts[index - 1] in _ARRANGING):
            return None if _part_of_a_term(field, index) else word
    return None


def _description(field: Field) -> str:
    """The field's description, with those of its `allOf` parts (`allOf: [{$ref: User}, {description: ...}]`)."""
    parts = [field.written, field.schema, *(field.schema.get("allOf") or ())]
    said = [part.get("description") for part in parts if isinstance(part, dict)]
    return " ".join(dict.fromkeys(text for text in said if isinstance(text, str)))


def _part_of_a_term(field: Field, index: int) -> bool:
    """The preposition is not one the name was built with, by its description: part of a word it writes whole
    (`StandByAvailabilityZoneCount`, "the number of standby Availability Zones"), of a proper name written in
    capitals around it ("... through Workplace by Facebook.", "Windows Hello for Business"), or the name is a title
    its description is nothing but ("Workplace by facebook.")."""
    description = _description(field)
    parts = field.words
    if not description:
        return False
    if re.fullmatch(r"\W*" + r"\W+".join(map(re.escape, parts)) + r"\W*", description, re.I):
        return True
    word = parts[index]
    before = parts[index - 1] if index > 0 else ""
    after = parts[index + 1] if index + 1 < len(parts) else ""
    compounds = [joined for joined in (before and before + word, after and word + after) if joined]
    if any(re.search(rf"\b{re.escape(joined)}\b", description, re.I) for joined in compounds):
        return True
    around = re.search(rf"\b({re.escape(before)})\s+{word}\s+({re.escape(after)})\b", description, re.I)
    return bool(before and after and around and around.group(1)[0].isupper() and around.group(2)[0].isupper())


@rule(
    id="aip140/no-prepositions",
    summary="Field names include no prepositions",
    reference="AIP-140",
    url="https://google.aip.dev/140",
    severity={"aip": "warning"},
)
def check(ctx: Context):
    for field in fields(ctx.api):
        found = preposition_in(field)
        if found is not None:
            yield Problem(f"the field `{field.name}` includes the preposition `{found}`; AIP-140 names fields "
                          f"without them (`error_reason`, not `reason_for_error`; `author`, not `written_by`)",
                          field.at, detail=field.name)
