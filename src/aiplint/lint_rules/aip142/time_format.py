"""A timestamp field typed `string` says its format: `date-time` (RFC 3339).

## What it does
Flags a field typed `string`, with no `format` and no `pattern`, that is a timestamp: named for a moment
(`created_at`, `expiresAt`), or named for a time (`create_time`, `lastLoginTime`, `created`, `timestamp`) where its
example is an RFC 3339 date-time or its description says it is one (ISO 8601, RFC 3339, a date and time).  Not
flagged: a field whose example or description says another encoding (Unix seconds written as a string, a time of
day, a duration), a field that `$ref`s a named schema (the format belongs there), and integer epochs: AIP-142
would have them be `Timestamp`s as well, but an integer says its encoding, and the fix is a change of type, not of
documentation.  The advice is `format: date-time` where the spec shows RFC 3339 (an example with its `T`, a
description naming RFC 3339 or ISO 8601); elsewhere it is "if its value is RFC 3339, declare `format: date-time`;
otherwise document its format", AIP-142's word for APIs bound to another format (Mandrill's `YYYY-MM-DD HH:MM:SS`).

## Why is this bad?
AIP-142: "Fields that represent an absolute point in time (independent of any time zone or calendar) **should**
use the `google.protobuf.Timestamp` type", which JSON writes as an RFC 3339 string; OpenAPI's `format: date-time`
says so.  Without it a client cannot tell `2024-05-01T10:00:00Z` from `2024-05-01 10:00` or a local time, code
generators give it a plain string, and validators check nothing.

## Example
```yaml
created_at: {type: string}
```

## Use instead
```yaml
created_at: {type: string, format: date-time}
```

## Measured
APIs-guru (2,639 specs): 3,531 findings in 163 specs, the same under `rest` (info) and `aip` (warning): GitHub's
`created_at`/`closed_at` in each of its versions, DocuSign's `*DateTime`, GitLab, Docker's `FinishedAt`;
googleapis.com (299): 146 in 14, most of them Compute's `creationTimestamp` ("Creation timestamp in RFC3339 text
format", 88 of them), older than the discovery format's `google-datetime`.  A first version counted a description
saying "timestamp" as evidence: Slack's message `timestamp` (an ID) and bunq's `created` (not RFC 3339) went wrong,
so only ISO 8601, RFC 3339 and "date and time" count (3,922 -> 3,531 findings, with fields that `$ref` a named
schema left to it).  A blind review of 25 random findings: 23 right, 0 wrong, 2 debatable;
the debatable class (Mandrill's timestamps, sent as `YYYY-MM-DD HH:MM:SS`, told to declare RFC 3339) answered by
advice that follows the evidence: 897 findings say `format: date-time`, 2,634 without RFC 3339 in the spec say it
conditionally, and the count stays 3,531.
A second blind review of 25: 24 right, 1 wrong (Amadeus' `dateTime`, described as a "YYYY-MM-DD" date: a description
of a calendar date and no time of day now counts as another encoding).
Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 2 of 7 cases of AEP; 5 misses (strict xfails):
AIP-142's own names without evidence (`create_time` typed `string`), epoch integers, arrays of integers and string
durations, which the rule leaves out for want of evidence that they are moments.

## References
- AIP-142 Time and duration: https://google.aip.dev/142
"""

from __future__ import annotations

import re
from typing import Any

from aiplint.lint_rules.fields import Field, fields
from aiplint.rule import Context, Problem, rule

_DATE_TIME_EXAMPLE = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_SAYS_DATE_TIME = re.compile(r"\b(iso[ -]?8601|rfc[ -]?3339|date[- ]?time|datetime|date and time)\b", re.I)
# another encoding: epoch seconds or milliseconds in a string, a time of day, a duration
_SAYS_OTHER = re.compile(r"\b(unix|epoch|milliseconds?|seconds|millis|duration|hh:mm|time of (the )?day|elapsed)\b",
                         re.I)
SAYS_CIVIL_DATE = re.compile(r"\b(yyyy-mm-dd|date of|date format|calendar date)\b", re.I)
# a time of day said (`yyyy-MM-ddTHH:mm:ssZ` too), not the word `time` alone: Parliament's "Oral Questions
# Time" is a date's subject
SAYS_TIME = re.compile(r"\b(date (and|&) time|date[- ]?time|datetime|timestamps?|rfc ?3339|time ?zone|utc)\b|hh:mm",
                        re.I)
_MOMENT_WORDS = frozenset(("created", "updated", "modified", "timestamp"))
# RFC 3339 itself: a `T` between date and time (`2024-05-01 10:00:00` is a timestamp in another format), or said
_RFC3339_EXAMPLE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_SAYS_RFC3339 = re.compile(r"\b(iso[ -]?8601|rfc[ -]?3339)\b", re.I)


def _named_a_moment(field: Field) -> bool:
    """`created_at`, `expiresAt`: a name that says the field is a moment by itself."""
    parts = field.words
    return len(parts) > 1 and parts[-1] == "at"


def _named_a_time(field: Field) -> bool:
    """`create_time`, `created`, `timestamp`: a time, or a duration (`processing_time`) until more says otherwise."""
    parts = field.words
    return (len(parts) > 1 and parts[-1] in ("time", "timestamp")) or (len(parts) == 1 and parts[0] in _MOMENT_WORDS)


def _undeclared_string(schema: dict[str, Any]) -> bool:
    """A string whose schema says nothing of its format: no `format`, `pattern` or `enum`."""
    return schema.get("type") == "string" and not {"format", "pattern", "enum"} & schema.keys()


def examples(schema: dict[str, Any]) -> list[str]:
    found = [schema.get(key) for key in ("example", "default", "x-example")]
    listed = schema.get("examples")
    found += listed if isinstance(listed, list) else []
    return [value for value in found if isinstance(value, str)]


def _says_date_time(schema: dict[str, Any]) -> bool:
    """Its example is an RFC 3339 date-time or its description says it is one."""
    description = schema.get("description")
    return (any(_DATE_TIME_EXAMPLE.match(example) for example in examples(schema))
            or isinstance(description, str) and _SAYS_DATE_TIME.search(description) is not None)


def _says_rfc3339(schema: dict[str, Any]) -> bool:
    """Its example is RFC 3339 or its description names RFC 3339 (or ISO 8601, whose profile it is)."""
    description = schema.get("description")
    return (any(_RFC3339_EXAMPLE.match(example) for example in examples(schema))
            or isinstance(description, str) and _SAYS_RFC3339.search(description) is not None)


def _advice(field: Field) -> str:
    """`format: date-time` where the spec shows RFC 3339; else that, or AIP-142's fallback: a documented format."""
    if _says_rfc3339(field.schema):
        return "declare `format: date-time` (an RFC 3339 string, AIP-142)"
    return "if its value is RFC 3339, declare `format: date-time`; otherwise document its format (AIP-142)"


def _says_other_encoding(schema: dict[str, Any]) -> bool:
    """An example or description of another encoding: an epoch, a duration, a time of day, or a calendar date and
    nothing of a time of day (Amadeus' `dateTime`, "YYYY-MM-DD format": its fix is `format: date`)."""
    description = schema.get("description")
    description = description if isinstance(description, str) else ""
    says_date = SAYS_CIVIL_DATE.search(description) is not None and SAYS_TIME.search(description) is None
    return (any(not _DATE_TIME_EXAMPLE.match(example) for example in examples(schema))
            or _SAYS_OTHER.search(description) is not None or says_date)


@rule(
    id="aip142/time-format",
    summary="A timestamp typed string has format date-time",
    reference="AIP-142",
    url="https://google.aip.dev/142",
    severity={"rest": "info", "aip": "warning"},
)
def check(ctx: Context):
    for field in fields(ctx.api):
        schema = field.schema
        moment, time = _named_a_moment(field), _named_a_time(field)  # by name first: most fields are neither
        if not (moment or time) or "$ref" in field.written or not _undeclared_string(schema):
            continue
        if not _says_other_encoding(schema) and (moment or _says_date_time(schema)):
            yield Problem(f"the field `{field.name}` is a timestamp typed `string` without a format; {_advice(field)}",
                          field.at, detail=field.name)
