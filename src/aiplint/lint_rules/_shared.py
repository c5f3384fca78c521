"""Small helpers several built-in rules share."""

from __future__ import annotations

from typing import Iterator

from aiplint import words
from aiplint.model import ApiModel, Operation, PathItem, Role, Segment, is_attached
from aiplint.rule import Context
from aiplint.suggest import nest_id, standard_method


def colon_style(ctx: Context) -> bool:
    """Whether suggested custom methods use `:verb`: always under the `aip` profile, else when the document
    already mostly does."""
    return ctx.profile == "aip" or ctx.api.custom_verb_style == "colon"


def nested_fix(ctx: Context, op: Operation, param: str, stem: str | None = None) -> str | None:
    """`METHOD path` with the resource ID `param` (of the resource `stem`) nested under its collection, as a
    standard method where the action is one (`GET /getWidget?widgetId=` -> `GET /widgets/{widgetId}`), or None
    where no fix follows."""
    path = nest_id(ctx.api, op.path, param, colon_style(ctx), stem)
    if path is None:
        return None
    method, path = standard_method(ctx.api, op.method.upper(), path)
    return f"{method} {path}"


def unattached_verbs(api: ApiModel) -> Iterator[tuple[PathItem, Segment]]:
    """Custom verbs that follow neither an ID nor a collection (`/v1/vector-io/insert`, `/job/cancel`),
    except stateless colon methods at a version or parameter (`/v1:translateText`)."""
    for item, seg in api.custom_verbs():
        if is_attached(item, seg):
            continue
        before = item.segments[seg.index - 1] if seg.index > 0 else None
        if seg.colon and (before is None or before.role in (Role.VERSION, Role.PARAM)):
            continue
        yield item, seg
