"""operationId values are lowerCamelCase.

## What it does
Flags an `operationId` that does not start with a lower-case letter or contains `-`, `_` or spaces.

## Why is this bad?
Generated SDKs turn operationIds into method names; one casing keeps them predictable.
"""

import re

from aiplint.rule import Context, Option, Problem, rule

_LOWER_CAMEL = re.compile(r"^[a-z][a-zA-Z0-9]*$")


@rule(
    id="example/operation-id-case",
    summary="operationId is lowerCamelCase",
    reference="Example style guide",
    url="https://example.com/style#operation-ids",
    severity={"rest": "warning", "aip": "warning"},
    options={"allow": Option((), "operationIds accepted as they are")},
)
def check(ctx: Context):
    for op in ctx.api.operations:
        op_id = op.operation_id
        if op_id and op_id not in ctx.options["allow"] and not _LOWER_CAMEL.match(op_id):
            yield Problem(f"operationId `{op_id}` is not lowerCamelCase", op.at, operation=op, detail=op_id)
