"""Field names include no prepositions (`error_reason`, not `reason_for_error`), under the `aip` profile.

## What it does
Under the `aip` profile, flags a field whose name of two words or more includes one of the prepositions AIP-140
names, `with`, `for` or `by`: `reason_for_error`, `createdBy`, `book_with_publisher`.  Not flagged: AIP-132's
`order_by` and its kin (`sort_by`, `group_by`); a one-word name; `at`, which AIP-140 names too but which mostly
ends a timestamp (`created_at`: `aip142/time-suffix` reports it); and the prepositions that make fixed terms too
often to be read without a grammar (`time_of_day`, `point_in_time`, `reply_to`, `built_in`), `per` among them
(AIP-140's exception, for units: `miles_per_hour`).

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
APIs-guru (2,639 specs), `aip`: 6,334 findings in 800 specs (`createdBy`, `created_by`, `IssuedBy`,
`lastModifiedBy`, `urlForVerification`); googleapis.com (299): 322 in 67 (`selfLinkWithId`, `shipByDate`,
`overridesByRequestProtocol`).  Every preposition of api-linter's list gave 21,651 findings in 1,374 specs, and
fixed terms among them AIP-140 does not mean (`time_of_day`, `point_in_time`, `callToAction`, `built_in`,
`underExposedLikelihood`, OAuth's `expires_in`, `reply_to`); only AIP-140's own `with`, `for` and `by` are read now,
less `sort_by`/`group_by`.  25 random findings are in the review packet; the author's own reading found 23 right
and 2 debatable (`workplace_by_facebook`, a product's name; `TacklesForLoss`, a sport's term).

## References
- AIP-140 Field names: https://google.aip.dev/140
"""

from __future__ import annotations

from aiplint.lint_rules.fields import Field, fields
from aiplint.rule import Context, Problem, rule

# the prepositions AIP-140 names ("with", "for", "at", "by"), less `at`, which ends timestamps (`created_at`:
# AIP-142's to rename); "to", "of", "in" and "from" make fixed terms (`time_of_day`, `point_in_time`, `reply_to`,
# `built_in`) too often to be read without a grammar
PREPOSITIONS = frozenset(("with", "for", "by"))
# AIP-132's `order_by`, and its kin: the ordering or grouping a request asks for
_ARRANGING = frozenset(("order", "sort", "group"))


def preposition_in(field: Field) -> str | None:
    """The first preposition of a field's name that AIP-140 counts, None when it has none."""
    parts = field.words
    if len(parts) < 2:
        return None  # one word is no phrase
    for index, word in enumerate(parts):
        if word in PREPOSITIONS and not (word == "by" and index > 0 and parts[index - 1] in _ARRANGING):
            return word
    return None


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
