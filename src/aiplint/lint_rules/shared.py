"""Small helpers several built-in rules share."""

from __future__ import annotations

from typing import Iterator

from aiplint import words
from aiplint.model import ApiModel, Operation, PathItem, Role, Segment, is_attached
from aiplint.rule import Context
from aiplint.suggest import operation_fix


def colon_style(ctx: Context) -> bool:
    """Whether suggested custom methods use `:verb`: always under the `aip` profile, else when the document
    already mostly does."""
    return ctx.profile == "aip" or ctx.api.custom_verb_style == "colon"


def fix(ctx: Context, op: Operation) -> str | None:
    """The operation's one suggested fix, the same whichever rule reports it (`aiplint.suggest.operation_fix`)."""
    return operation_fix(ctx.api, op, colon_style(ctx))


def unattached_verbs(api: ApiModel) -> Iterator[tuple[PathItem, Segment]]:
    """Custom verbs that follow neither an ID nor a collection (`/v1/vector-io/insert`, `/job/cancel`),
    except stateless colon methods at a version or parameter (`/v1:translateText`)."""
    for item, seg in api.custom_verbs():
        if is_attached(item, seg):
            continue
        before = item.segments[seg.index - 1] if seg.index > 0 else None
        if seg.colon and (before is None or before.role is Role.VERSION or before.role is Role.PARAM):
            continue
        yield item, seg
